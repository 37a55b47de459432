"""Regenerate the expected outputs of `compliance check` that tests/test_outputs.py compares byte for byte.

Run from the repository root:  python tests/outputs/make_expected.py [--check]

Every case is one command line run from the repository root with relative paths,
a fixed environment (language, SOURCE_DATE_EPOCH, no configuration found) and
no terminal; its exit code, standard output and standard error are kept, and a
report written with -o (xlsx) is kept as its sheets' XML (the workbook's
creation time is left out, it is the only part that changes from run to run). The checkout's
own folder, which reports show in the absolute paths of reference files, is written <ROOT>.

These outputs were first made on main before the speed work of issue 12, so a
faster check that changes a byte of any report fails the test. A deliberate
change of output (a new message, a better extraction) regenerates them with
this script, and the diff of expected/ shows the change in review.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"

FORMATS = ["text", "json", "html", "xlsx", "csv", "markdown", "sarif", "junit", "github", "gitlab", "json-lines"]
# batches of plan files in every format; batches of documents (extraction is most of their time) in text and
# JSON, which holds everything the other formats render
BATCHES = {
    "example-plans": (["examples/plans"], FORMATS),
    "counties": (["tests/counties/plans"], FORMATS),
    "example-texts": (["examples/texts"], ["text", "json"]),
    "corpus": (["tests/data/corpus/docs"], ["text", "json"]),
}
SINGLES = sorted(
    str(p.relative_to(ROOT)) for folder in ("examples/plans", "examples/texts") for p in (ROOT / folder).iterdir()
)


def cases() -> list[tuple[str, list[str]]]:
    """(name, arguments after `compliance check`) for every case."""
    found: list[tuple[str, list[str]]] = []
    for name, (paths, formats) in BATCHES.items():
        for format_name in formats:
            found.append((f"{name}.{format_name}", [*paths, "--format", format_name]))
        found.append((f"{name}.text-zh", [*paths, "--lang", "zh"]))
    for path in SINGLES:
        stem = Path(path).stem
        found.append((f"single-{stem}.text", [path]))
        found.append((f"single-{stem}.text-zh", [path, "--lang", "zh"]))
        found.append((f"single-{stem}.json", [path, "--format", "json"]))
    return found


def environment(home: str) -> dict[str, str]:
    """The same environment everywhere: English unless asked, a fixed day, no user configuration."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_") and k not in ("NO_COLOR", "LANG", "LC_ALL")}
    return {**keep, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1700000000", "HOME": home,
            "COMPLIANCE_LANG": "en", "PYTHONHASHSEED": "0"}


def run_case(arguments: list[str], scratch: Path, home: str) -> bytes:
    """One case's record: the exit code, stdout, stderr and any -o file, as bytes to compare."""
    output = None
    if "xlsx" in arguments:
        output = scratch / "report.xlsx"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.unlink(missing_ok=True)
        arguments = [*arguments, "-o", str(output)]
    env = environment(home)
    if "--lang" in arguments:
        env.pop("COMPLIANCE_LANG")
    result = subprocess.run(
        [sys.executable, "-m", "compliance", "check", *arguments], cwd=ROOT, capture_output=True, env=env, timeout=600
    )
    record = io.BytesIO()
    record.write(f"exit {result.returncode}\n".encode())
    record.write(b"--- stdout\n" + result.stdout)
    stderr = result.stderr.replace(str(output).encode(), b"OUTPUT") if output else result.stderr
    record.write(b"\n--- stderr\n" + stderr)
    if output is not None and output.exists():
        with zipfile.ZipFile(output) as workbook:
            for member in sorted(workbook.namelist()):
                if member == "docProps/core.xml":
                    continue
                record.write(f"\n--- {member}\n".encode() + workbook.read(member))
    # the reports name reference files by absolute path: the checkout's own folder is written <ROOT>
    return record.getvalue().replace(str(ROOT).encode(), b"<ROOT>")


def record_name(name: str) -> str:
    return name + ".out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with expected/ instead of writing it")
    options = parser.parse_args()
    EXPECTED.mkdir(exist_ok=True)
    different = []
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryDirectory() as home:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            records = pool.map(lambda case: run_case(case[1], Path(scratch) / case[0], home), cases())
        for (name, _arguments), data in zip(cases(), records, strict=True):
            path = EXPECTED / record_name(name)
            if options.check:
                if not path.exists() or path.read_bytes() != data:
                    different.append(name)
            else:
                path.write_bytes(data)
    manifest = {name: args for name, args in cases()}
    if not options.check:
        (EXPECTED / "cases.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(manifest)} cases written to {EXPECTED.relative_to(ROOT)}")
    else:
        print("different:", ", ".join(different) if different else "none")
        sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
