"""A range of a task table (任务分解表) selected in Excel and pasted into Notepad, saved as ANSI (GB18030).

Excel copies a range in its tab dialect: cells apart by tabs, rows ending CRLF; a cell holding a line break (Alt+Enter)
or a quote mark is written between quote marks, its line break a bare LF and its quote marks doubled, so that the row
runs over two lines of the file and its other cells (牵头单位, 完成时限, 备注) follow the closing quote on the second.
Before, no row of the table was read (its lines were no table rows: a text line of tabs is an indicator table's row
at most); now the range is a sheet: each row its cells, each target on the physical line that holds it (a file's
line, CRLF and a bare LF each ending one), the rows after a row of two lines read as well.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

ROWS = [
    "宾县儿童发展规划（2021—2025年）主要目标任务分解表\t\t\t\t\t",
    "填报单位：宾县妇女儿童工作委员会办公室\t\t\t填报日期：2022年5月9日\t\t",
    "序号\t领域\t主要目标\t牵头单位\t完成时限\t备注",
    '1\t儿童与健康\t"1.婴儿和5岁以下儿童死亡率分别控制在4.6‰和5.6‰以下。\n'
    '2.适龄儿童免疫规划疫苗接种率以乡（镇）为单位保持在95%以上。"\t县卫健局\t2025年\t2020年基数：5.12‰、6.83‰',
    "2\t\t3.3岁以下儿童系统管理率达到92%以上。\t县卫健局\t每年\t",  # item 3 under 序号 2, glued to 3岁
    '3\t儿童与教育\t"4.学前教育毛入园率达到91%以上。\n'
    '5.九年义务教育巩固率保持在96%以上。"\t县教育局\t2025年\t2020年：88.2%、95.1%',
    '4\t儿童与家庭\t"6.城乡社区""儿童之家""覆盖率达到93%以上。"\t县妇联\t2023年底前\t',
    "\t\t\t\t\t",
    "注：本表由各牵头单位于每年12月10日前报送。\t\t\t\t\t",
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "paste.txt"
    path.write_bytes("".join(row + "\r\n" for row in ROWS).encode("gb18030"))
    return path


def test_a_row_of_two_lines_is_one_row_with_its_cells_on_their_lines(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path))
    row = next(line for line in document.lines if line.text.startswith("1\t"))
    assert row.number == 4 and row.cells is not None and len(row.cells) == 6
    assert row.cells[3] == "县卫健局" and row.cell_numbers == [4, 4, 4, 5, 5, 5]  # after the closing quote: line 5
    quoted = next(line for line in document.lines if line.text.startswith("4\t"))
    assert quoted.cells is not None and quoted.cells[2] == '6.城乡社区"儿童之家"覆盖率达到93%以上。'


def test_the_pasted_range_is_read_as_the_sheets_task_table(tmp_path: Path) -> None:
    (plan,) = extract(_write(tmp_path))
    found = {(t.line, t.indicator, float(t.target.value)) for t in plan.targets if t.target.value is not None}
    assert {(4, "婴儿死亡率", 4.6), (4, "5岁以下儿童死亡率", 5.6), (5, "适龄儿童免疫规划疫苗接种率", 95),
            (6, "3岁以下儿童系统管理率", 92), (7, "学前教育毛入园率", 91), (8, "九年义务教育巩固率", 96)} <= found
    assert any(line == 9 and "儿童之家" in name and name.endswith("覆盖率") for line, name, _ in found)
    values = {value for _, _, value in found}
    assert not values & {5.12, 6.83, 88.2, 95.1, 2025, 12}  # baselines in 备注, deadlines: no targets
    domains = {t.indicator: t.domain for t in plan.targets}
    assert domains["3岁以下儿童系统管理率"] == "儿童与健康" and domains["九年义务教育巩固率"] == "儿童与教育"
