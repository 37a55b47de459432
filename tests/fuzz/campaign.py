"""The fuzz campaign of issue 10: hostile inputs, and the invariants every one of them must keep.

Shared by the budgeted run in the test suite (tests/fuzz/test_fuzz_*.py, fixed
seed) and the long run `python bench/fuzz.py --examples 100000`, which counts
instead of stopping at the first failure. Each `check_*` function runs one input
and returns the invariant violations it found (an empty list when all hold);
an exception escaping it is a finding too.

The inputs, in the shapes real documents take (DOMAIN.md §5):

- phrases: numbered target sentences built from parts (subject, comparator,
  number, unit, qualifier), with full-width digits and dots, masks, glued list
  numbers, line breaks, brackets, numbers of many digits;
- plan files: the example plans mutated (characters, lines, YAML snippets: alias
  bombs, deep nesting, tags, YAML 1.1 numbers, NaN, dates, control characters,
  encodings);
- documents: a plan text whose 主要目标 are generated, rendered as lines, a
  Markdown table, glued numbering, full width, masks and broken lines;
- command lines over those files and documents, options included.

Invariants:

- parse never raises; every value it returns is a number written in the text
  (full-width digits and dots included; 2万个 is 20 000 个); a masked text yields
  no value;
- parse time is linear: a 10⁵-character line takes at most 25 times a 10⁴ one;
- the loader raises nothing but InputError, each problem with a line, a column
  and a hint; a plan it accepts can be checked;
- extraction accounts for every number of a target section: it is in a target's
  sentence or in `unparsed`;
- no command exits 3 (internal error) or prints a traceback; no file but the one
  named with -o changes, and that one only with --force when it existed.
"""

from __future__ import annotations

import os
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_PLANS = sorted((ROOT / "examples" / "plans").glob("*.yaml"))

# --------------------------------------------------------------------------- phrases

SUBJECTS = [
    "孕产妇死亡率", "婴儿死亡率", "5岁以下儿童死亡率", "住院分娩率", "适龄妇女宫颈癌人群筛查率",
    "就业人员中的女性比例", "村委会成员中女性比例", "学前三年毛入园率", "九年义务教育巩固率",
    "0～6岁儿童眼保健和视力检查覆盖率", "每千名儿童拥有儿科执业（助理）医生", "城乡社区儿童之家覆盖率",
    "新生儿、婴儿和5岁以下儿童死亡率", "孕产妇系统管理率", "妇女常见病筛查率", "高中阶段毛入学率",
    "儿童意外伤害死亡率", "3岁以下儿童系统管理率", "女性基本养老保险参保率", "乡镇领导班子女干部",
]
COMPARATORS = ["", "达到", "保持在", "稳定在", "不低于", "提高到", "下降到", "降至", "控制在", "不超过", "低于",
               "高于", "≥", "≤", "＞", "＜", "为", "增至", "至少配备", "以2020年为基数下降", "每年降低", "分别降至"]
UNITS = ["%", "％", "‰", "/10万", "/万", "岁", "人", "名", "个", "张", "所", "次", "小时", "万人", "个百分点",
         "次/年", "万个", "", "倍", "元"]
POST = ["", "以上", "以下", "左右", "及以上", "及以下", "之间"]
ENDS = ["。", "；", "，", "", "\n"]
MASK = "*＊"
FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number as plans write it: small, decimal, long, with a thousands comma, a range, masked."""
    kind = draw(st.sampled_from(["int", "decimal", "long", "range", "thousands", "masked", "ratio"]))
    if kind == "int":
        text = str(draw(st.integers(0, 100_000)))
    elif kind == "decimal":
        text = f"{draw(st.integers(0, 999))}.{draw(st.integers(0, 99999))}"
    elif kind == "long":
        text = draw(st.text("0123456789", min_size=12, max_size=40)) or "1"
    elif kind == "range":
        low = draw(st.integers(0, 99))
        text = f"{low}-{low + draw(st.integers(0, 20))}"
    elif kind == "thousands":
        text = f"{draw(st.integers(1, 999))},{draw(st.integers(0, 999)):03d}"
    elif kind == "ratio":
        text = f"{draw(st.integers(1, 9))}:{draw(st.integers(1, 9))}"
    else:
        text = draw(st.sampled_from(["**", "*.5", "**.*", "9.*", "*", "7/***"]))
    if draw(st.booleans()) and kind != "masked":
        text = text.translate(FULL)
    return text


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """One or more target sentences, numbered or not, with the noise of real documents."""
    parts = []
    for index in range(draw(st.integers(1, 4))):
        number = draw(numbers())
        sentence = (
            draw(st.sampled_from(SUBJECTS))
            + draw(st.sampled_from(COMPARATORS))
            + number
            + draw(st.sampled_from(UNITS))
            + draw(st.sampled_from(POST))
        )
        numbering = draw(st.sampled_from(["", f"{index + 1}．", f"{index + 1}.", f"（{index + 1}）", f"{index + 1}、"]))
        if draw(st.booleans()):
            numbering = numbering.translate(FULL)
        parts.append(numbering + sentence + draw(st.sampled_from(ENDS)))
    text = "".join(parts)
    noise = draw(st.sampled_from(["none", "break", "space", "bracket", "bookmark"]))
    if noise == "break" and len(text) > 2:
        at = draw(st.integers(1, len(text) - 1))
        text = text[:at] + "\n" + text[at:]
    elif noise == "space":
        text = text.replace("达到", "达到 ").replace("%", " %")
    elif noise == "bracket":
        text = "（" + text + "）" if draw(st.booleans()) else text + "（牵头单位：区卫生健康局）"
    elif noise == "bookmark":
        text = "[bookmark: _Toc12345]" + text
    return text


def written_numbers(text: str) -> set[Decimal]:
    """The numbers a text writes (full width folded; a thousands comma dropped), and their scalings by 万/千/亿."""
    from compliance.phrases.vocabulary import _fold

    folded = _fold(text)
    found: set[Decimal] = set()
    # a comma may join thousands (1,500) or separate two numbers (09,433: no thousands group starts with 0),
    # so both readings are numbers the text writes
    tokens = re.findall(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", folded) + re.findall(r"[0-9]+(?:\.[0-9]+)?", folded)
    for token in tokens:
        value = Decimal(token.replace(",", ""))
        found |= {value, value * 10_000, value * 1000, value * 100_000_000, value * 100, value / 100}
    return {v.normalize() for v in found}


def check_phrase(text: str) -> list[str]:
    """parse never raises; each value is a number the text writes; a masked text yields no value."""
    from compliance.phrases import parse, unread_numbers

    problems: list[str] = []
    found = parse(text)
    unread_numbers(text, found, arabic=True)
    written = written_numbers(text)
    for target in found:
        for name in ("value", "value_max"):
            value = getattr(target, name)
            if value is not None and target.ratio is None and value.normalize() not in written and value != 100:
                problems.append(f"{name} {value} is not written in {text!r} (quote {target.quote!r})")
        if target.ratio is not None and any(term.normalize() not in written for term in target.ratio):
            problems.append(f"ratio {target.ratio} is not written in {text!r}")
        if target.quote != text[target.start : target.end]:
            problems.append(f"quote {target.quote!r} is not the text at {target.start}:{target.end}")
    masked = re.sub(r"[0-9０-９]", "*", text)
    for target in parse(masked):
        if target.value is not None and target.value != 100 and target.is_numeric:  # 全覆盖 is 100 % without digits
            problems.append(f"a value {target.value} from the masked text {masked!r}")
    return problems


@st.composite
def long_lines(draw: st.DrawFn) -> str:
    """The unit a long line repeats (no 。；, in many of them: the shape that was quadratic)."""
    unit = draw(phrases())
    if draw(st.booleans()):
        unit = re.sub(r"[。；，\n]", " ", unit)
    return unit or "孕产妇死亡率下降到9/10万以下 "


def check_linear(unit: str, short: int = 10_000, factor: int = 10) -> list[str]:
    """A line ten times longer takes at most 25 times as long (linear is 10; quadratic 100)."""
    from compliance.phrases import parse

    def seconds(length: int) -> float:
        line = (unit * (length // len(unit) + 1))[:length]
        best = float("inf")
        for _ in range(2):
            begin = time.process_time()
            parse(line)
            best = min(best, time.process_time() - begin)
        return best

    small, big = seconds(short), seconds(short * factor)
    ratio = big / max(small, 1e-3)
    return [f"{factor}× the text took {ratio:.0f}× as long ({small:.3f} s → {big:.3f} s): {unit!r}"] if ratio > 25 else []


# --------------------------------------------------------------------------- plan files

SNIPPETS = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
    "deep: " + "[" * 300 + "]" * 300 + "\n",
    "deep: " + "{a: " * 60 + "1" + "}" * 60 + "\n",
    "x: !!python/object/apply:os.system [echo hi]\n",
    "x: !!binary aGVsbG8=\n", "x: !custom 1\n", "x: !!timestamp 2021-02-30\n", "x: 2021-02-30\n",
    "x: .inf\n", "x: -.inf\n", "x: .nan\n", "x: 010\n", "x: 0x1F\n", "x: 0b101\n", "x: 1_000\n", "x: 1:30\n",
    "x: 123456789012345678901234567890\n", "x: 0.1234567890123456789012345\n", "x: ~\n", "x: *nowhere\n",
    "x: &y [1, *y]\n", "---\nx: 1\n", "? [a, b]\n: c\n", "<<: *nowhere\n", "x: \x00\n", "x: \ud800\n",
    "\ufeff", "\t", "x: 'unclosed\n", "x: [1, 2\n", "x: {a: 1, a: 2}\n", "x: |\n  multi\n  line\n",
]
YAML_VALUES = [
    ".inf", ".nan", "010", "0x1F", "1_000", "1:2", "2021-02-30", "~", "''", "[]", "{}", "-1", "1e400", "99999999999999999999",
    "0.000000000000000000001", "'<= 2'", "'>= 95'", "'<= 9 1/10万'", "达到**%以上", "下降到１２．５/１０万以下", "'*'",
    "{op: '<=', value: .inf, unit: '%'}", "{op: qual}", "{op: '>=', masked: true, value: 3}", "!!str 5", "!!int x",
    "!!float abc", "!!bool maybe", "yes", "null", "[2030, 2021]", "[1800, 1900]", "[2021]", "'2021'",
]


@st.composite
def plan_texts(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of a mutated example plan file (YAML or JSON)."""
    source = draw(st.sampled_from(EXAMPLE_PLANS))
    text = source.read_text(encoding="utf-8")
    as_json = draw(st.integers(0, 5)) == 0
    if as_json:
        import json

        from compliance.loading.yamlfile import parse_yaml

        text = json.dumps(parse_yaml(text, "x.yaml").data, ensure_ascii=False, indent=draw(st.sampled_from([None, 1, "\t"])))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        lines = lines or [""]  # every line deleted: the next mutation works on an empty file
        action = draw(st.sampled_from(["value", "snippet", "char", "delete", "duplicate", "truncate", "indent"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        line = lines[at] if lines else ""
        if action == "value" and ":" in line:
            head = line.split(":", 1)[0]
            lines[at] = head + ": " + draw(st.sampled_from(YAML_VALUES))
        elif action == "snippet":
            lines.insert(at, draw(st.sampled_from(SNIPPETS)).rstrip("\n"))
        elif action == "char":
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + draw(st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\t\x00\x1b") + ["  ", "\u3000"])) + line[column:]
        elif action == "delete" and lines:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "truncate":
            lines = lines[: at + 1]
            lines[-1] = line[: draw(st.integers(0, len(line)))]
        elif action == "indent":
            lines[at] = draw(st.sampled_from(["  ", "\t", " "])) + line
    mutated = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"]))
    try:
        raw = mutated.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")
    except UnicodeEncodeError:
        raw = mutated.encode("utf-8", errors="replace")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return ("plan.json" if as_json else "plan.yaml"), raw


def check_plan_file(name: str, raw: bytes, folder: Path) -> list[str]:
    """Only InputError, each problem with line, column and hint; an accepted plan can be checked."""
    import compliance
    from compliance.errors import InputError
    from compliance.loading.plans import load_plan

    path = folder / name
    path.write_bytes(raw)
    try:
        plan = load_plan(path)
    except InputError as error:
        return [f"no {what} in: {problem}" for problem in error.problems
                for what, missing in (("position", problem.line is None or problem.column is None), ("hint", not problem.hint))
                if missing]
    compliance.check(plan)  # must not raise: validate refuses what check cannot handle
    return []


# --------------------------------------------------------------------------- documents

TITLE = "某某县{kind}发展规划（2021—2030年）"


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(suffix, text, the numbers written as targets) of a plan document with generated 主要目标."""
    kind = draw(st.sampled_from(["妇女", "儿童"]))
    targets: list[tuple[str, str]] = []  # (sentence, its number as written)
    for _ in range(draw(st.integers(1, 6))):
        number = draw(st.one_of(st.integers(1, 99_999).map(str), st.decimals(0, 999, places=1).map(str),
                                st.sampled_from(["**", "*.5", "1500000", "12345678901234567890"])))
        sentence = (draw(st.sampled_from(SUBJECTS)) + draw(st.sampled_from(["达到", "控制在", "降至", "提高到", "不低于"]))
                    + number + draw(st.sampled_from(["%", "‰", "/10万", "人", "个", "名", "张"]))
                    + draw(st.sampled_from(["以上", "以下", ""])))
        targets.append((sentence, number))
    shape = draw(st.sampled_from(["lines", "glued", "full-width", "markdown-table", "broken", "run-on", "masked",
                                  "inline", "heading"]))
    suffix = ".md" if shape == "markdown-table" else ".txt"
    rows: list[str]
    if shape == "markdown-table":
        rows = ["| 序号 | 内容 |", "|---|---|"] + [f"| {i + 1} | {s}。 |" for i, (s, _) in enumerate(targets)]
    elif shape == "glued":
        rows = [f"{i + 1}.{s}。" for i, (s, _) in enumerate(targets)]
    elif shape in ("run-on", "inline", "heading"):
        rows = ["".join(f"{i + 1}.{s}；" for i, (s, _) in enumerate(targets))]
    else:
        rows = [f"{i + 1}．{s}。" for i, (s, _) in enumerate(targets)]
    body = "\n".join(rows)
    mask = re.compile(r"(?<=[达到在至于])(\d)")
    if shape == "full-width":
        body = body.translate(FULL)
    elif shape == "broken" and len(body) > 4:
        at = draw(st.integers(1, len(body) - 1))
        body = body[:at] + "\n" + body[at:]
    elif shape == "masked":
        body = mask.sub("*", body)
    title = TITLE.format(kind=kind)
    if shape == "inline":
        # a 文库 page run together on one line: a domain and its 主要目标 inline after a preamble part's text,
        # behind a page marker (… - 3 / 12 -五、妇女与社会保障（一）主要目标1.…2.…)
        page = draw(st.sampled_from(["", "- 3 / 12 -", "第3页"]))
        text = "\n".join([title, "", "一、总体目标", f"到2030年，{kind}发展环境更为优化。{page}二、{kind}与社会保障（一）主要目标{body}"
                          "（二）策略措施1.完善制度。", "三、组织实施", "1．加强统筹。", ""])
    elif shape == "heading":
        # the 主要目标 glued to a part heading: 一、主要目标和策略措施（一）妇女与健康1.…
        text = "\n".join([title, "", f"一、主要目标和策略措施（一）{kind}与健康{body}", "策略措施：", "1．加强统筹。", ""])
    else:
        text = "\n".join([title, "", "一、主要目标", f"（一）{kind}与健康", "主要目标：", body, "策略措施：", "1．加强统筹。", ""])
    from compliance.phrases.vocabulary import _fold

    # a number the shape masked or split is no longer written as such: account for those still written, each in
    # its own sentence (a masked 1 is not written by the list number 1 of another row)
    written = _fold(body).replace("\n", "")
    if shape == "masked":
        return suffix, text, [n for sentence, n in targets if n in _fold(mask.sub("*", sentence))]
    return suffix, text, [n for _, n in targets if n in written]


def check_document(suffix: str, text: str, numbers: list[str], folder: Path) -> list[str]:
    """Every number of the 主要目标 is in a target's sentence or in `unparsed`, as written (full width folded)."""
    from compliance.errors import InputError
    from compliance.extraction import extract
    from compliance.phrases.vocabulary import _fold

    path = folder / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        plans = extract(path, jurisdiction="云南省/玉溪市/新平县", level="county")
    except InputError as error:  # a refusal says "no target", yet the 主要目标 write these numbers: lost
        return [f"refused although its 主要目标 write {numbers}: {error.problems[0].message[:200]}"] if numbers else []
    # white space left out: a number broken across lines is listed as written, its two parts apart (150 0000‰)
    accounted = re.sub(r"\s", "", _fold(" ".join(
        [t.text or "" for plan in plans for t in plan.targets] + [u.text for plan in plans for u in plan.unparsed]
    )))
    problems = []
    for number in numbers:
        if number not in accounted:
            problems.append(f"the number {number} of the 主要目标 is in no target and not unparsed")
    return problems


# --------------------------------------------------------------------------- command lines


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[list[str], str]:
    """(arguments with {plan} {doc} {out} placeholders, which input the command reads)."""
    options = draw(st.lists(st.sampled_from([
        ["--period", "1800-1900"], ["--period", "2030-2021"], ["--period", "2021-2025"], ["--kind", "women"],
        ["--level", "county"], ["--jurisdiction", "a/b/c/d/e"], ["--jurisdiction", "云南省/玉溪市/新平县"],
        ["--encoding", "utf-16"], ["--encoding", "nonsense"], ["--format", "json"], ["--horizon", "strict"],
        ["--select", "CMP999"], ["--ignore", "nothing"], ["--verified-only"],
    ]), max_size=3))
    command = draw(st.sampled_from(["validate", "check", "check-doc", "extract", "extract-o", "extract-o-file", "parse"]))
    flat = [item for option in options for item in option]
    if command == "validate":
        return ["validate", "{plan}"], "plan"
    if command == "check":
        return ["check", "{plan}", *[x for x in flat if x in ("--format", "json", "--horizon", "strict", "--verified-only")]], "plan"
    if command == "check-doc":
        return ["check", "{doc}", *flat], "doc"
    if command == "extract":
        return ["extract", "{doc}", *[x for x in flat if x not in ("--format", "json", "--horizon", "strict", "--verified-only", "--select", "CMP999", "--ignore", "nothing")]], "doc"
    if command == "extract-o":
        return ["extract", "{doc}", "-o", "{out}/", "--kind", "women", "--level", "county", "--jurisdiction", "云南省/玉溪市/新平县"], "doc"
    if command == "extract-o-file":
        return ["extract", "{doc}", "-o", draw(st.sampled_from(["{plan}", "{doc}", "{out}/x.json", "", "{out}/x.yaml"])),
                *draw(st.sampled_from([[], ["--force"]]))], "doc"
    return ["parse", draw(phrases())], "none"


def check_command(arguments: list[str], plan: tuple[str, bytes], document: tuple[str, str], folder: Path) -> list[str]:
    """No exit 3, no traceback; inputs unchanged; an existing -o file changed only with --force."""
    from click.testing import CliRunner

    from compliance.cli import main

    plan_path = folder / plan[0]
    plan_path.write_bytes(plan[1])
    doc_path = folder / f"doc{document[0]}"
    doc_path.write_text(document[1], encoding="utf-8")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    reviewed = out / "doc-women.yaml"
    reviewed.write_text("# reviewed by hand\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (plan_path, doc_path, reviewed)}
    filled = [a.replace("{plan}", str(plan_path)).replace("{doc}", str(doc_path)).replace("{out}", str(out)) for a in arguments]
    result = CliRunner().invoke(main, filled)
    problems = []
    if result.exit_code not in (0, 1, 2):
        problems.append(f"exit {result.exit_code}: {result.output[-400:]!r}")
    if "internal error" in result.output or "Traceback" in result.output:
        problems.append(f"internal error: {result.output[-400:]!r}")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append("".join(traceback.format_exception(result.exception))[-600:])
    named = {Path(os.path.realpath(filled[at + 1])) for at, a in enumerate(filled[:-1]) if a == "-o"}
    if any(a == "-o" and filled[at + 1].endswith("/") for at, a in enumerate(filled[:-1])):
        named.add(reviewed.resolve())  # -o FOLDER/ names the plan files it writes there
    for path, content in before.items():
        read = [a for at, a in enumerate(filled) if at == 0 or filled[at - 1] != "-o"]
        allowed = path.resolve() in named and "--force" in filled and str(path) not in read
        if path.read_bytes() != content and not allowed:
            problems.append(f"{path.name} was changed by {filled}")
    return problems


# --------------------------------------------------------------------------- counting (bench/fuzz.py)


@dataclass
class Tally:
    """What a run found: inputs tried, exceptions escaping, invariant violations, the slowest input."""

    name: str
    inputs: int = 0
    exceptions: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")

    def run(self, label: str, check: Callable[[], list[str]]) -> None:
        self.inputs += 1
        begin = time.perf_counter()
        try:
            self.violations += [f"{v}\n  input: {label[:600]}" for v in check()]  # the input, to reproduce it
        except Exception:  # noqa: BLE001 - counted, with the input that raised
            self.exceptions.append(f"{label[:300]!r}\n{traceback.format_exc(limit=6)}")
        spent = time.perf_counter() - begin
        if spent > self.slowest[0]:
            self.slowest = (spent, label[:200])


def raise_on(problems: list[str], label: Any) -> None:
    """In the test suite: an invariant violation fails the example (hypothesis then shrinks it)."""
    assert not problems, f"{repr(label)[:600]}:\n" + "\n".join(problems)
