"""The catalogue of bad inputs: run each case of cases.yaml, and write docs/errors.md from them.

    python tests/errors/catalogue.py --show    # what every case gives today
    python tests/errors/catalogue.py --record  # write those into cases.yaml (review the diff!)
    python tests/errors/catalogue.py --write   # regenerate docs/errors.md

Each case runs in a fresh folder (its files made there), through the CLI as a
user runs it, in Chinese (the default language); the folder's path is removed
from the output so that the message is the same on every machine (and blank
lines at its end, which a page cannot show).
tests/test_errors_catalogue.py asserts each case's message and exit code and
that docs/errors.md is current.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("cases.yaml")
PAGE = ROOT / "docs" / "errors.md"


def load() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the shared texts, the cases) of cases.yaml."""
    import yaml

    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    shared = {"$HEAD": data["head"], "$TARGET": data["target"], "$DOCUMENT": data["document"]}
    return shared, data["cases"]


def _far_cell(path: Path, _: dict[str, Any]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.cell(row=200_000, column=200, value="备注")
    book.save(path)


def _deep_nesting(path: Path, shared: dict[str, Any]) -> None:
    path.write_text(shared["$HEAD"] + "deep: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")


def _gbk_document(path: Path, shared: dict[str, Any]) -> None:
    path.write_bytes(shared["$DOCUMENT"].encode("gbk"))


def _bad_byte_plan(path: Path, shared: dict[str, Any]) -> None:
    head = shared["$HEAD"].encode("utf-8")
    at = head.index("妇女".encode())
    path.write_bytes(head[:at] + b"\xff" + head[at:] + b"targets: [" + shared["$TARGET"].encode("utf-8") + b"]\n")


BUILDERS: dict[str, Callable[[Path, dict[str, Any]], None]] = {
    "far-cell": _far_cell,
    "deep-nesting": _deep_nesting,
    "gbk-document": _gbk_document,
    "bad-byte-plan": _bad_byte_plan,
}


def _fill(text: str, shared: dict[str, Any]) -> str:
    for key in sorted(shared, key=len, reverse=True):
        text = text.replace(key, shared[key])
    return text


def make(case: dict[str, Any], folder: Path, shared: dict[str, Any]) -> None:
    """The case's files, folders, links and pipes in `folder`."""
    for name in case.get("folders", []):
        (folder / name).mkdir(parents=True)
    for name, text in case.get("files", {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(_fill(text, shared), encoding="utf-8")
    for name, hexadecimal in case.get("bytes", {}).items():
        (folder / name).write_bytes(bytes.fromhex(hexadecimal))
    for name, builder in case.get("build", {}).items():
        BUILDERS[builder](folder / name, shared)
    for name, target in case.get("links", {}).items():
        os.symlink(target, folder / name)
    for name in case.get("fifos", []):
        os.mkfifo(folder / name)


@contextmanager
def _inside(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run(case: dict[str, Any], shared: dict[str, Any]) -> tuple[int, str, dict[str, bytes], dict[str, bytes]]:
    """(exit code, output, the case's regular files before, after) of one case, in Chinese."""
    from click.testing import CliRunner

    from compliance.cli import main

    with tempfile.TemporaryDirectory(prefix="compliance-errors-") as name:
        folder = Path(os.path.realpath(name))
        make(case, folder, shared)
        before = _files(folder)
        with _inside(folder):
            result = CliRunner(env={"COMPLIANCE_LANG": "zh"}).invoke(
                main, [str(a) for a in case["run"]], prog_name="compliance"
            )
        after = _files(folder)
        output = result.output.replace(f"{folder}{os.sep}", "").replace(str(folder), ".").rstrip("\n") + "\n"
    return result.exit_code, output, before, after


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and not p.is_fifo()
    }


def _quote(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _input(case: dict[str, Any], shared: dict[str, Any]) -> str:
    parts = []
    for name in case.get("folders", []):
        parts.append(f"- `{name}`：文件夹")
    for name, text in case.get("files", {}).items():
        body = _fill(text, shared)
        if len(body) > 600:
            body = body[:600] + "…"
        parts.append(f"- `{name}`：\n\n{_indent(_quote(body) if body else '（空文件）')}")
    for name, hexadecimal in case.get("bytes", {}).items():
        parts.append(f"- `{name}`：{len(hexadecimal) // 2} 个字节，十六进制 `{hexadecimal[:80]}{'…' if len(hexadecimal) > 80 else ''}`")
    for name, builder in case.get("build", {}).items():
        parts.append(f"- `{name}`：由 tests/errors/catalogue.py 的 `{builder}` 生成")
    for name, target in case.get("links", {}).items():
        parts.append(f"- `{name}`：符号链接，指向 `{target}`")
    for name in case.get("fifos", []):
        parts.append(f"- `{name}`：命名管道（FIFO）")
    return "\n".join(parts) if parts else "（无文件）"


def _indent(text: str) -> str:
    return "\n".join(("  " + line) if line else line for line in text.split("\n"))


def _command(arguments: list[Any]) -> str:
    import shlex

    return "compliance " + " ".join(shlex.quote(str(a)) for a in arguments)


def markdown(shared: dict[str, Any], cases: list[dict[str, Any]]) -> str:
    """docs/errors.md: every case with its input, command, message and exit code."""
    lines = [
        "# 错误输入目录（Catalogue of bad inputs）",
        "",
        "<!-- Generated from tests/errors/cases.yaml by `python tests/errors/catalogue.py --write`; do not edit. -->",
        "",
        "用户给出的每一种坏输入，`compliance` 都以一条说明文件、位置和处理办法的消息作答，退出码为 2，",
        "绝不显示内部错误、绝不猜测数值、绝不覆盖文件。下面每一项都是测试用例"
        "（tests/test_errors_catalogue.py 逐条断言消息和退出码）：",
        "输入文件、命令（在一个只有这些文件的空文件夹中运行）、用户看到的原文（默认语言为中文；"
        "`--lang en` 或 `COMPLIANCE_LANG=en` 给出英文）和退出码。",
        "",
        "Every bad input a user gives gets a message naming the file, the position and what to do, exit code 2:",
        "never an internal error, a guessed value or an overwritten file. Each case below is a test.",
        "",
    ]
    groups: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        groups.setdefault(case["group"], []).append(case)
    lines.append(f"共 {len(cases)} 项：" + "；".join(f"{g}（{len(c)}）" for g, c in groups.items()) + "。")
    lines.append("")
    for group, members in groups.items():
        lines += [f"## {group}", ""]
        for case in members:
            lines += [
                f"### {case['what']}",
                f'<a id="{case["id"]}"></a>',
                "",
                "输入：",
                "",
                _input(case, shared),
                "",
                f"命令：`{_command(case['run'])}`",
                "",
                f"输出（退出码 {case['exit']}）：",
                "",
                _quote(case["message"]),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def record(shared: dict[str, Any], cases: list[dict[str, Any]]) -> str:
    """cases.yaml with each case's exit and message replaced by what it gives today (comments kept)."""
    import re

    results = {case["id"]: run(case, shared)[:2] for case in cases}
    blocks = re.split(r"(?m)^(?=  - id: )", CASES.read_text(encoding="utf-8"))
    out = [blocks[0]]
    for block in blocks[1:]:
        case_id = block.split("\n", 1)[0].removeprefix("  - id: ").strip()
        kept, skipping = [], False
        lines = block.rstrip("\n").split("\n")
        trailing = block[len(block.rstrip("\n")) :]
        for line in lines:
            if line.startswith(("    exit:", "    message:")):
                skipping = line.startswith("    message:")
                continue
            if skipping and (line.startswith("      ") or not line.strip()):
                continue
            skipping = False
            kept.append(line)
        while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith("#")) and len(kept) > 1:
            trailing = "\n" + kept.pop() + trailing  # a comment or blank line before the next case stays there
        code, output = results[case_id]
        message = "\n".join(("      " + line) if line else "" for line in output.rstrip("\n").split("\n"))
        out.append("\n".join(kept) + f"\n    exit: {code}\n    message: |\n{message}" + trailing)
    return "".join(out)


def main(argv: list[str]) -> int:
    shared, cases = load()
    if "--record" in argv:
        CASES.write_text(record(shared, cases), encoding="utf-8")
        print(f"recorded {len(cases)} cases in {CASES.relative_to(ROOT)}: review the diff")
        return 0
    if "--write" in argv:
        PAGE.write_text(markdown(shared, cases), encoding="utf-8")
        print(f"wrote {PAGE.relative_to(ROOT)}: {len(cases)} cases")
        return 0
    for case in cases:
        if "--show" in argv or case.get("message") is None:
            code, output, _, _ = run(case, shared)
            print(f"- id: {case['id']}\n  exit: {code}\n  message: |\n" + _indent(_indent(output.rstrip())) + "\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
