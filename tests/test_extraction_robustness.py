"""Issue 10, defects 2, 10 and 14: no number of a plan is lost silently.

2. Target sentences inside a table whose header is no indicator-table header
   (a one-cell Word table holding the 主要目标 sentences, a Markdown `| 序号 | 内容 |`
   table) are read as text.
10. A long number is exempt as a telephone, fax, postcode or ICP number only
    where its words say so; otherwise it is a target or listed as unparsed.
14. Structure heuristics never move a block out of the target sections
    silently: a plan numbering its domain headings in (full-width) digits keeps
    its targets; masked qualifiers (*岁以下, **人及以上的行政村) are qualifiers; the
    numbers of a line not provably outside a target section are audited.

Each test fails on the main branch the issue was filed against (ee2e68e).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

ROOT = Path(__file__).resolve().parent.parent
XINPING = ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def numeric(plan) -> list[tuple[int, str, Decimal | None]]:
    return [(t.line, t.indicator, t.target.value) for t in plan.targets if t.target.is_numeric]


# --------------------------------------------------------------------------- defect 2


def test_defect_2_sentences_in_a_markdown_table_without_an_indicator_header(tmp_path: Path) -> None:
    text = (
        "# 某县妇女发展规划（2021—2030年）\n\n（一）妇女与健康\n\n主要目标：\n\n1．孕产妇死亡率下降到9/10万以下。\n\n"
        "| 序号 | 内容 |\n|---|---|\n| 2 | 住院分娩率达到99%以上 |\n| 3 | 孕产妇系统管理率达到95%以上 |\n"
    )
    (plan,) = extract(write(tmp_path, "box.md", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert numeric(plan) == [
        (7, "孕产妇死亡率", Decimal(9)),
        (11, "住院分娩率", Decimal(99)),
        (12, "孕产妇系统管理率", Decimal(95)),
    ]
    assert {str(t.section) for t in plan.targets} == {"main_targets"}


def test_defect_2_a_one_cell_word_table_holding_the_targets(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某县儿童发展规划（2021—2030年）", "（一）儿童与健康", "主要目标"):
        document.add_paragraph(text)
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "1．婴儿死亡率控制在4‰以下。\n2．5岁以下儿童死亡率控制在6‰以下。"
    document.add_paragraph("策略措施")
    document.add_paragraph("1．每个乡镇卫生院至少配备2名儿童保健医生。")
    path = tmp_path / "box.docx"
    document.save(str(path))
    (plan,) = extract(path, jurisdiction="湖北省/武汉市/某县", level="county")
    assert [(name, value) for _, name, value in numeric(plan)] == [
        ("婴儿死亡率", Decimal(4)),
        ("5岁以下儿童死亡率", Decimal(6)),  # list item 2, not the decimal 2.5
        ("每个乡镇卫生院儿童保健医生数", Decimal(2)),
    ]


def test_defect_2_a_seed_plan_with_its_main_targets_boxed_in_one_cell_tables_loses_nothing(tmp_path: Path) -> None:
    """新平 as a Word document whose every 主要目标 list stands in a one-cell table (a box), as drafters lay it out."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    box: list[str] | None = None

    def close() -> None:
        if box:
            document.add_table(rows=1, cols=1).cell(0, 0).text = "\n".join(box)

    for line in XINPING.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("主要目标"):
            close()
            document.add_paragraph(text)
            box = []
        elif box is not None and not re.match(r"^[0-9０-９]+[．.]", text) and text:
            close()
            box = None
            document.add_paragraph(text)
        elif box is not None:
            if text:
                box.append(text)
        else:
            document.add_paragraph(text)
    close()
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    plain = [len(numeric(p)) for p in extract(XINPING)]
    boxed = [len(numeric(p)) for p in extract(path)]
    assert len(boxed) == 2 and all(b >= p - 2 for b, p in zip(boxed, plain, strict=True)), (boxed, plain)


# --------------------------------------------------------------------------- defect 10


BODY = "某县妇女发展规划（2021—2030年）\n（一）妇女与经济\n主要目标：\n1．{0}\n"


def test_defect_10_a_long_number_without_telephone_words_is_never_dropped(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "long.txt", BODY.format("妇女就业人数达到1500000。")), jurisdiction="湖北省/武汉市/某县", level="county")
    listed = [u for u in plan.unparsed if "1500000" in u.text]
    read = [t for t in plan.targets if t.target.value == Decimal(1500000)]
    assert listed or read


@pytest.mark.parametrize(
    "sentence",
    ["开通妇女维权服务热线：87654321，及时受理投诉。", "邮编：7340000，传真：0571-8765432。", "网站备案号浙ICP备12345678号。"],
)
def test_defect_10_numbers_whose_words_say_telephone_fax_postcode_or_icp_are_exempt(tmp_path: Path, sentence: str) -> None:
    text = BODY.format("妇女就业人数达到1500000。") + f"2．{sentence}\n"
    (plan,) = extract(write(tmp_path, "phone.txt", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert not [u for u in plan.unparsed if u.line == 5]


# --------------------------------------------------------------------------- defect 14


def _digits(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def test_defect_14_domain_headings_renumbered_in_full_width_digits_keep_their_targets(tmp_path: Path) -> None:
    """新平 with its domain headings (一)(二)… written (１)(２)…: the first domain, whose heading is lost, is still read."""
    numerals = "一二三四五六七八九十"
    text = re.sub(
        r"（([一二三四五六七八九十])）", lambda m: "（" + _digits(str(numerals.index(m.group(1)) + 1)) + "）",
        XINPING.read_text(encoding="utf-8"),
    )
    variant = [len(numeric(p)) for p in extract(write(tmp_path, "fullwidth.txt", text))]
    assert variant == [len(numeric(p)) for p in extract(XINPING)]


def test_defect_14_masked_qualifiers_are_qualifiers(tmp_path: Path) -> None:
    text = BODY.format(
        "*岁以下儿童健康管理率达到96%以上，**人及以上的行政村实现妇女之家全覆盖，每个村至少配备*名妇女专干。"
    ).replace("妇女与经济", "妇女与健康")
    (plan,) = extract(write(tmp_path, "masked.txt", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert [(t.indicator, t.target.value, t.target.masked) for t in plan.targets if t.target.is_numeric] == [
        ("*岁以下儿童健康管理率", Decimal(96), False),
        ("**人及以上的行政村妇女之家覆盖率", Decimal(100), False),
        ("每个村妇女专干数", None, True),
    ]
    assert not plan.unparsed  # neither *岁 nor **人及以上的 is an unread number


def test_defect_14_numbers_outside_every_recognised_section_are_audited(tmp_path: Path) -> None:
    """Under 发展领域, a heading nobody recognises: its lines are not provably outside the targets."""
    text = (
        "某县妇女发展规划（2021—2030年）\n一、指导思想\n坚持男女平等基本国策。\n二、发展领域、主要目标和策略措施\n"
        "（一）关于健康的工作\n1．孕产妇死亡率下降到9/10万以下。\n2．每年开展宣传活动不少于1200场。\n"
        "三、组织实施\n（一）2025年开展中期评估。\n"
    )
    (plan,) = extract(write(tmp_path, "audit.txt", text), jurisdiction="湖北省/武汉市/某县", level="county")
    listed = {u.line for u in plan.unparsed} | {t.line for t in plan.targets if t.target.is_numeric}
    assert {6, 7} <= listed  # read or listed, never dropped
    assert 9 not in listed  # 组织实施 is provably outside the targets


# --------------------------------------------------------------------------- the final audit (the 10⁵ long run)

_PAGE_RUN = (
    "某某县妇女发展规划（2021—2030年）\n一、总体目标\n到2030年，妇女发展环境更为优化。{marker}五、妇女与社会保障（一）主要目标"
    "1.女性基本养老保险参保率达到95%以上。2.女性失业保险参保人数达到12000人。（二）策略措施1.完善制度。\n六、组织实施\n1．加强领导。\n"
)


@pytest.mark.parametrize(
    "name, text, numbers",
    [
        # a 文库 page run together on one line: a domain and its 主要目标 inline after a preamble part's text
        ("page-run", _PAGE_RUN.format(marker="- 3 / 12 -"), {"95", "12000"}),
        ("page-run-plain", _PAGE_RUN.format(marker=""), {"95", "12000"}),
        # a plan on one line, parts and targets run together: segmentation sees an outline of headings
        (
            "outline",
            "某某县妇女发展规划（2021—2030年）\n一、指导思想坚持以人民为中心。二、基本原则坚持党的领导。三、主要目标"
            "1.孕产妇死亡率下降到12/10万以下。2.适龄妇女宫颈癌人群筛查率达到70%以上。四、组织实施加强领导。\n",
            {"12", "70"},
        ),
        # targets after the implementation part, under a domain heading glued to its 主要目标
        (
            "after-stop",
            "某某县妇女发展规划（2021—2030年）\n一、组织实施\n加强领导。\n（一）妇女与健康主要目标1.孕产妇死亡率下降到12/10万以下。"
            "2.适龄妇女宫颈癌人群筛查率达到70%以上。\n",
            {"12", "70"},
        ),
        # a domain heading with its first target on the same line, before any part heading
        (
            "heading-line",
            "某某县妇女发展规划（2021—2030年）\n（一）妇女与健康 孕产妇死亡率下降到12/10万以下\n主要目标：\n"
            "1.适龄妇女宫颈癌人群筛查率达到70%以上。\n",
            {"12", "70"},
        ),
    ],
    ids=["page-run", "page-run-plain", "outline", "after-stop", "heading-line"],
)
def test_every_number_of_a_target_section_is_read_or_listed_whatever_shape_its_line_has(
    tmp_path: Path, name: str, text: str, numbers: set[str]
) -> None:
    """Whatever segmentation made of a line, its target numbers are in a target or in `unparsed`, with their line."""
    plans = extract(write(tmp_path, f"{name}.txt", text), jurisdiction="湖北省/武汉市/某县", level="county")
    held = [(t.line, t.text or "") for p in plans for t in p.targets] + [(u.line, u.text) for p in plans for u in p.unparsed]
    for number in numbers:
        where = [line for line, said in held if re.search(rf"(?<![\d.]){number}(?![\d.])", said)]
        assert where and all(line is not None for line in where), (number, held)


def test_the_final_audit_lists_nothing_in_a_preface_or_the_implementation_part(tmp_path: Path) -> None:
    """The preface's past (2020年…为6.91‰) and 组织实施's numbers are provably outside the targets: never listed."""
    text = (
        "某某县儿童发展规划（2021—2030年）\n“十三五”期间，全县儿童发展主要目标基本实现。2020年，全县婴儿死亡率为6.91‰，"
        "学前三年毛入园率达到98.6%。\n一、总体目标\n到2030年，儿童发展环境更为优化，建成示范学校12所。\n二、主要目标和策略措施\n"
        "（一）儿童与健康\n主要目标：\n1．婴儿死亡率控制在4‰以下。\n策略措施：\n1．加强统筹。\n三、组织实施\n（一）每年开展评估2次。\n"
    )
    (plan,) = extract(write(tmp_path, "preface.txt", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert [t.target.value for t in plan.targets if t.target.is_numeric] == [Decimal(4)]
    assert not plan.unparsed, plan.unparsed
