"""An indicator table with a column of the plan's sentences beside its indicators (a 目标任务分解表 an office
publishes from Excel as a web page: 序号 | 领域 | 主要目标（规划原文） | 指标 | 2020年 | 2025年目标值 | 牵头单位).

The sentence cell spans the rows of the indicators it gives (rowspan); its targets are the plan's main targets,
read as the plan's text is, once for the cell, and the value cells beside are the indicator table's. A row whose
sentence spans the indicator and value columns (— | 策略措施 | 每年…不少于3000人。) is that section's text, never a
row without an indicator. Rows of a rowspan group stand at their own cells' lines, and the columns are named by
the header row, not by the caption above it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

D = Decimal

_HEAD = (
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8">'
    '<meta name=ProgId content=Excel.Sheet></head><body><div align=center x:publishsource="Excel"><table border=0>'
    "<tr><td colspan=7>某某县儿童发展“十四五”规划（2021—2025年）主要目标任务分解表</td></tr>"
    "<tr><td colspan=7>制表：县妇儿工委办　　2022年6月</td></tr>"
    "<tr><td>序号</td><td>领域</td><td>主要目标（规划原文）</td><td>指标</td><td>2020年</td><td>2025年目标值</td><td>牵头单位</td></tr>"
)

_ROWS = (
    "<tr><td rowspan=2 x:num>1</td><td rowspan=3>儿童与健康</td>"
    "<td rowspan=2>婴儿死亡率控制在4.5‰以下，5岁以下儿童死亡率控制在6‰以下。</td>"
    "<td>婴儿死亡率（‰）</td><td x:num>4.9</td><td x:str>≤4.5</td><td>县卫健局</td></tr>"
    "<tr><td>5岁以下儿童死亡率（‰）</td><td x:num>6.3</td><td x:str>≤6</td><td>县卫健局</td></tr>"
    "<tr><td x:num>2</td><td>儿童青少年总体近视率每年降低0.5个百分点以上。</td>"
    "<td>儿童青少年总体近视率年降幅（百分点）</td><td>—</td><td x:str>≥0.5</td><td>县教育局</td></tr>"
    "<tr><td x:num>3</td><td>儿童与环境</td><td>新建公共厕所男女厕位比例达到2:3。</td>"
    "<td>男女厕位比例</td><td>—</td><td x:str>2:3</td><td>县住建局</td></tr>"
    "<tr><td>—</td><td>策略措施</td><td colspan=5>每年为困境儿童开展心理健康筛查不少于3000人次。</td></tr>"
)


def _page(folder: Path, note: str = "注：“2025年目标值”无符号数值为“达到”。") -> Path:
    path = folder / "某某县儿童发展十四五规划目标任务分解表.html"
    path.write_text(f"{_HEAD}{_ROWS}<tr><td colspan=7>{note}</td></tr></table></div></body></html>", encoding="utf-8")
    return path


def _cell(path: Path, text: str) -> int:
    """The number of the table cell whose text starts with `text`."""
    for line in read_document(path).lines:
        for k, cell in enumerate(line.cells or []):
            if cell.startswith(text):
                return line.cell_numbers[k]
    raise AssertionError(text)


def _targets(path: Path) -> list[tuple]:
    (plan,) = extract(path, jurisdiction="浙江省/杭州市/某某县")
    return sorted((t.line, str(t.section), str(t.target.op), t.target.value, t.target.unit) for t in plan.targets)


def test_rows_of_a_rowspan_group_stand_at_their_own_first_cell(tmp_path: Path) -> None:
    """The second row of a group under rowspan cells is numbered by its own first cell (5岁以下…), not by the
    covered 序号 cell's row."""
    path = _page(tmp_path)
    rows = [line for line in read_document(path).lines if line.cells is not None]
    second = next(line for line in rows if line.cells[3].startswith("5岁以下"))
    assert second.number == _cell(path, "5岁以下儿童死亡率（‰）")
    assert second.number != rows[rows.index(second) - 1].number


def test_the_columns_are_named_by_the_header_row_not_the_caption(tmp_path: Path) -> None:
    path = _page(tmp_path)
    row = next(line for line in read_document(path).lines if line.cells and line.cells[3] == "婴儿死亡率（‰）")
    assert row.cell_locators[5].endswith("2025年目标值列")


def test_the_sentence_column_gives_main_targets_once_and_the_values_the_table(tmp_path: Path) -> None:
    path = _page(tmp_path)
    sentence = _cell(path, "婴儿死亡率控制在")
    targets = _targets(path)
    assert (sentence, "main_targets", "<=", D("4.5"), "‰") in targets
    assert (sentence, "main_targets", "<=", D(6), "‰") in targets
    assert (_cell(path, "≤4.5"), "indicator_table", "<=", D("4.5"), "‰") in targets
    assert (_cell(path, "≤6"), "indicator_table", "<=", D(6), "‰") in targets
    # the merged cell is read once, not once per row it spans
    assert [t for t in targets if t[0] == sentence] == [
        (sentence, "main_targets", "<=", D("4.5"), "‰"), (sentence, "main_targets", "<=", D(6), "‰")
    ]
    # a group of one row: its sentence as well
    assert any(t[0] == _cell(path, "儿童青少年总体近视率每年") and t[1] == "main_targets" for t in targets)


def test_a_sentence_across_the_indicator_and_value_columns_is_a_measure(tmp_path: Path) -> None:
    """— | 策略措施 | 每年…不少于3000人次。 (colspan over 指标 and the values): the measures' text, not unparsed."""
    path = _page(tmp_path)
    (plan,) = extract(path, jurisdiction="浙江省/杭州市/某某县")
    line = _cell(path, "每年为困境儿童")
    assert [(str(t.section), str(t.target.op), t.target.value) for t in plan.targets if t.line == line] == [("measures", ">=", D(3000))]
    assert not [u for u in plan.unparsed if "3000" in str(u.text)]
