"""An OpenDocument text (.odt), as LibreOffice, WPS and 永中 Office save a plan, is read as the .docx reader reads Word.

Before, `compliance extract plan.odt` refused the format. Each document here is made in the run
(tests/makedocs.py `blocks_to_odt`): a notice and its plan, text:h headings, footnotes whose bodies hold 2020
baselines and whose citation digit is glued after the sentence (…以下。1), an indicator table with a two-row header
(2025年目标 spanning the city's column and the district's, 指标 and 备注 spanning both rows: covered cells), a comment.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from compliance.extraction import extract
from compliance.reading import FORMATS, read_document
from tests.makedocs import blocks_to_odt

D = Decimal

BLOCKS: list[object] = [
    "某某市某某区人民政府",
    "某区府〔2022〕18号",
    "某某市某某区人民政府关于印发某某区儿童发展规划（2021—2025年）的通知",
    "各街道办事处，区政府各部门：现将《某某区儿童发展规划（2021—2025年）》印发给你们，请认真贯彻执行。",
    ("h", 1, "某某区儿童发展规划（2021—2025年）"),
    ("h", 2, "一、发展领域、主要目标和策略措施"),
    ("h", 3, "（一）儿童与健康"),
    "主要目标：",
    "1.新生儿死亡率和婴儿死亡率分别降至2.5‰和4.0‰以下。[^新生儿、婴儿死亡率2020年分别为1.86‰、3.12‰，口径为户籍人口。]",
    "2.3岁以下儿童系统管理率保持在92%以上。[[建议改为93%]]",
    "3.0—6岁儿童眼保健和视力检查覆盖率达到96%以上。",
    ("h", 3, "（二）儿童与教育"),
    "主要目标：",
    "1.学前三年毛入园率达到98%以上。[^学前三年毛入园率2020年为96.4%。]",
    ("h", 2, "二、主要指标"),
    ("table", [
        ["指标", "2020年基数", "2025年目标", "", "备注"],
        ["", "", "某某市", "某某区", ""],
        ["新生儿死亡率（‰）", "1.86", "≤3", "≤2.5", "约束性"],
        ["婴儿死亡率（‰）", "3.12", "≤4.5", "≤4.0", "约束性"],
        ["普惠性幼儿园覆盖率（%）[^2020年为全区口径。]", "84.7", "≥90", "≥92", "预期性"],
    ], 2),
    "注：“某某市”列为上级规划目标，仅供对照。",
]


def _odt(tmp_path: Path, blocks: list[object] = BLOCKS, name: str = "某某区儿童发展规划.odt") -> Path:
    return blocks_to_odt(blocks, tmp_path / name)


def test_paragraphs_headings_and_rows_are_lines_in_document_order(tmp_path: Path) -> None:
    document = read_document(_odt(tmp_path))
    assert document.format == "odt"
    texts = [line.text for line in document.lines]
    assert texts[4] == "某某区儿童发展规划（2021—2025年）"  # a text:h heading is a line in its place
    assert texts.index("（一）儿童与健康") < texts.index("1.学前三年毛入园率达到98%以上。") < texts.index("二、主要指标")
    assert document.lines[0].locator == "第1段"
    assert [line.number for line in document.lines] == sorted(line.number for line in document.lines)


def test_a_footnote_s_citation_and_body_and_a_comment_are_not_the_paragraph_s_text(tmp_path: Path) -> None:
    document = read_document(_odt(tmp_path))
    texts = [line.text for line in document.lines]
    # the citation digit glued after the sentence would make 4.0‰以下。1 run on into the next number
    assert "1.新生儿死亡率和婴儿死亡率分别降至2.5‰和4.0‰以下。" in texts
    assert "2.3岁以下儿童系统管理率保持在92%以上。" in texts  # the comment (建议改为93%) never read
    assert not any("1.86‰" in text or "建议" in text for text in texts)
    plan = extract(document.file)[0]
    values = {(t.indicator, t.target.value) for t in plan.targets}
    assert ("新生儿死亡率", D("2.5")) in values and ("婴儿死亡率", D("4.0")) in values
    assert not any(t.target.value in (D("1.86"), D("3.12"), D("96.4"), D("93")) for t in plan.targets)


def test_a_table_s_spanned_and_merged_header_cells_are_marked_as_word_s(tmp_path: Path) -> None:
    document = read_document(_odt(tmp_path))
    rows = [line for line in document.lines if line.cells is not None]
    assert rows[0].cells == ["指标", "2020年基数", "2025年目标", "", "备注"]
    assert rows[0].spanned == [False, False, False, True, False]  # 2025年目标 spans two columns
    assert rows[1].cells == ["", "", "某某市", "某某区", ""]
    assert rows[1].merged == [True, True, False, False, True]  # 指标, 2020年基数, 备注 span both header rows
    assert rows[2].cell_locators[3] == "表1 第3行 某某区列"
    assert rows[2].locator == "表1 第3行"
    # a note a cell cites is read under its table, as the .docx reader reads it; the cell keeps its own text
    assert rows[4].cells[0] == "普惠性幼儿园覆盖率（%）"
    note = document.lines[document.lines.index(rows[-1]) + 1]
    assert (note.text, note.locator) == ("2020年为全区口径。", "表1 脚注")


def test_the_plan_s_column_is_read_not_the_city_s(tmp_path: Path) -> None:
    plan = extract(_odt(tmp_path))[0]
    table = [t for t in plan.targets if str(t.section) == "indicator_table"]
    values = {t.indicator: t.target.value for t in table}
    assert values.get("新生儿死亡率") == D("2.5") and values.get("普惠性幼儿园覆盖率") == D("92")
    assert plan.plan.period == (2021, 2025) or list(plan.plan.period) == [2021, 2025]
    assert str(plan.plan.kind) == "children"


def test_lists_soft_breaks_and_spaces_read_as_word_s(tmp_path: Path) -> None:
    blocks = [
        ("h", 1, "某某县妇女发展规划（2021—2030年）"),
        "主要目标：↵1.孕产妇死亡率控制在10/10万以下。↵2.妇女平均预期寿命达到80岁以上。",
        ("list", ["女性平均受教育年限达到11.5年。", "高中阶段教育毛入学率  达到95%以上。"]),
    ]
    texts = [line.text for line in read_document(_odt(tmp_path, blocks, "某某县妇女发展规划.odt")).lines]
    assert texts[1:4] == ["主要目标：", "1.孕产妇死亡率控制在10/10万以下。", "2.妇女平均预期寿命达到80岁以上。"]
    assert texts[4:] == ["女性平均受教育年限达到11.5年。", "高中阶段教育毛入学率  达到95%以上。"]


def test_a_damaged_odt_exits_2_with_the_file_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "规划.odt"
    path.write_bytes(b"PK\x03\x04" + bytes(60))
    result = CliRunner(env={"COMPLIANCE_LANG": "zh"}).invoke(main, ["extract", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "规划.odt" in result.stderr and "不是可以读取的 OpenDocument 文本（.odt）文档" in result.stderr
    assert "另存为" in result.stderr
    assert ".odt" in FORMATS
