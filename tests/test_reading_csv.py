"""CSV files: a monitoring platform's export or a table OCR's output, read as table rows.

Before, a .csv was refused as an unsupported format ("cannot extract a plan from a '.csv' file"): a
reviewer holding only the annex table as a CSV could check nothing. Records are read by the csv module
(quoted cells with commas and line breaks in them), numbered by the file line they start on.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

TABLE = """附件,,,,,,,
某某县儿童发展规划（2021—2030年）主要指标,,,,,,,
序号,领域,指标名称,单位,目标值,,属性,备注
,,,,2025年,2030年,,
1,儿童与健康,婴儿死亡率,‰,≤4.5,≤4,约束性,
2,,5岁以下儿童死亡率,‰,≤6,≤5.5,约束性,
3,,儿童伤害死亡率,‰,"以2020年为基数
下降10%","以2020年为基数
下降20%",预期性,
— 23 —,,,,,,,
4,儿童与教育,学前教育毛入园率,%,≥92,≥95,预期性,
5,,九年义务教育巩固率,%,≥97,≥98,约束性,"含送教上门，
随班就读"
注：未标注符号的为达到值。,,,,,,,
"""


def _targets(path: Path) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value, t.year, t.line) for p in extract(path) for t in p.targets]


def test_a_gbk_table_export_with_a_two_row_header_and_cells_of_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "table-ocr.csv"
    path.write_bytes(TABLE.replace("\n", "\r\n").encode("gb18030"))
    (plan,) = extract(path)
    assert plan.plan.kind == "children" and plan.plan.title == "某某县儿童发展规划（2021—2030年）"
    assert _targets(path) == [
        ("婴儿死亡率", "<=", Decimal("4.5"), 2025, 5),
        ("婴儿死亡率", "<=", Decimal(4), None, 5),
        ("5岁以下儿童死亡率", "<=", Decimal(6), 2025, 6),
        ("5岁以下儿童死亡率", "<=", Decimal("5.5"), None, 6),
        ("儿童伤害死亡率", "rel_decrease", Decimal(10), 2025, 7),  # the record starts on line 7, its cells end on 9
        ("儿童伤害死亡率", "rel_decrease", Decimal(20), None, 7),
        ("学前教育毛入园率", ">=", Decimal(92), 2025, 11),
        ("学前教育毛入园率", ">=", Decimal(95), None, 11),
        ("九年义务教育巩固率", ">=", Decimal(97), 2025, 12),
        ("九年义务教育巩固率", ">=", Decimal(98), None, 12),
    ]


def test_a_utf8_export_with_a_bom_and_one_horizon_numbers_its_records_by_line(tmp_path: Path) -> None:
    rows = [
        "某某市妇女发展规划（2021—2025年）指标,,,",
        "指标,单位,2025年目标,责任单位",
        "孕产妇死亡率,1/10万,≤9,卫健局",
        "\"妇女常见病筛查率\",%,≥85,\"卫健局,妇联\"",
    ]
    path = tmp_path / "export.csv"
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    lines = read_document(path).lines
    assert [line.cells for line in lines[2:4]] == [["孕产妇死亡率", "1/10万", "≤9", "卫健局"], ["妇女常见病筛查率", "%", "≥85", "卫健局,妇联"]]
    assert lines[0].cells is None and lines[0].text == "某某市妇女发展规划（2021—2025年）指标"  # padding commas dropped
    found = [(t.indicator, str(t.target.op), t.target.value, t.line) for p in extract(path) for t in p.targets]
    assert found == [("孕产妇死亡率", "<=", Decimal(9), 3), ("妇女常见病筛查率", ">=", Decimal(85), 4)]
