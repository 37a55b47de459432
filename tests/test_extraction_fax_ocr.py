"""The OCR text of a received fax (传真件): the sending machine's header on every page, the annex table's rows
as columns apart by runs of spaces (issue 8).

A fax machine prints its transmission header on each page it sends (SEP-16-2022 14:33  FROM:…  TO:…  P.04/06), in
whatever date format the machine is set to. Before, its clock time was read as a ratio target (14:33 = 0.424), named
by the words around it, and a sentence broken by the page break ran on into it. It is page furniture, as a printed
page number is: the sentence reads on past it.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.extraction.cleaning import clean
from compliance.reading import read_document


def _targets(plan) -> list[tuple[str, str, D | None, str | None]]:
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


FAX = """{h1}

传 真 封 面

收件人：某某市妇女儿童工作委员会办公室
发件人：某某县妇女儿童工作委员会办公室
页  数：3（含本页）

{h2}

某某县儿童发展规划（2021—2030年）

一、主要目标
（一）儿 童 与 健 康
主要目标：
  1.新生儿、婴儿和5岁以下儿童死亡率分别降至2.8‰、4.5‰
和5.5‰以下。
  2.儿童心理健康服务能力增强，中小学校心理健康教育教

— 1 —

{h3}

师配备率达到100%。
  3.学前教育毛入园率保持在95%以上。
二、组织实施
"""

HEADERS = {
    "month first": ("SEP-16-2022 14:31  FROM:MOUXIAN FEGW  0412 3221587   TO:04122851630   P.0{n}/03"),
    "ISO date": ("2022-09-16 14:3{n}  某某县妇儿工委办  0412-3221587  P.00{n}/003"),
    "Chinese date": ("2022年09月16日 14:3{n}  发自：0412-3221587  第{n}页"),
    "time first": ("14:3{n} 16/09/2022 FAX 0412 3221587 #0{n} P. {n}"),
}


@pytest.mark.parametrize("style", sorted(HEADERS))
def test_a_fax_header_on_every_page_is_page_furniture(tmp_path: Path, style: str) -> None:
    header = HEADERS[style]
    path = tmp_path / "fax.txt"
    path.write_text(FAX.format(**{f"h{n}": header.format(n=n) for n in (1, 2, 3)}), encoding="utf-8")
    (plan,) = extract(path, jurisdiction="辽宁省/某某市/某某县")
    assert _targets(plan) == [
        ("新生儿死亡率", "<=", D("2.8"), "‰"),
        ("婴儿死亡率", "<=", D("4.5"), "‰"),
        ("5岁以下儿童死亡率", "<=", D("5.5"), "‰"),
        ("中小学校心理健康教育教师配备率", ">=", D(100), "%"),  # read on past the page break and the header
        ("学前教育毛入园率", ">=", D(95), "%"),
    ]
    dropped = {d.text for d in clean(read_document(path).lines).dropped if d.reason == "page number"}
    assert {header.format(n=n) for n in (1, 2, 3)} <= dropped


def test_a_date_and_time_alone_or_in_a_sentence_are_no_fax_header() -> None:
    """Only a date and a clock time with a sender, recipient, fax number or page count make a header."""
    from compliance.extraction.cleaning import _page_marker

    assert _page_marker("SEP-16-2022 14:33  FROM:HAICHENG FEGW  0412 3221587   TO:04122851630   P.04/06")
    assert not _page_marker("2022-07-20 10:15")
    assert not _page_marker("2022年9月16日 14:33 召开第1次全体会议，审议规划。")


ANNEX = """某某县儿童发展规划（2021—2030年）

一、主要目标
  1.婴儿死亡率控制在4.5‰以下。

附件
某某县儿童发展规划（2021—2030年）主要指标
序号  指标                      2020年    2030年
1  新生儿死亡率（‰）        2.96    ≤2.8
2  婴儿死亡率（‰）          3.89    ≤4.5
3 | 0—6岁儿童眼保健和视力检查覆盖率（%）93.4    ≥95
4  儿童伤害死亡率           —    下降16%
5 | 义务教育巩固率（%）      98.3    ≥98.5
6  每千人口拥有3岁以下婴幼儿托位数（个）2.1    4.5
抄送：县委各部门。
"""


def test_an_ocr_annex_laid_out_with_runs_of_spaces_is_read_in_the_header_s_order(tmp_path: Path) -> None:
    """The OCR'd annex's rows: cells apart by runs of spaces, in the header's order but not under its cells (the
    header spaced wider, a value after a long name pushed right), the table's rule once read as |, a baseline glued
    to the name's unit bracket (…覆盖率（%）93.4). Before, every row was listed as not understood."""
    path = tmp_path / "fax.txt"
    path.write_text(ANNEX, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="辽宁省/某某市/某某县")
    table = [(t.line, *target) for t, target in zip(plan.targets, _targets(plan), strict=True) if str(t.section) == "indicator_table"]
    assert table == [
        (9, "新生儿死亡率", "<=", D("2.8"), "‰"),
        (10, "婴儿死亡率", "<=", D("4.5"), "‰"),
        (11, "0—6岁儿童眼保健和视力检查覆盖率", ">=", D(95), "%"),
        (12, "儿童伤害死亡率", "rel_decrease", D(16), "%"),
        (13, "义务教育巩固率", ">=", D("98.5"), "%"),
        (14, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人"),
    ]
    assert not plan.unparsed


def test_prose_with_wide_spaces_under_a_header_is_no_ordered_row(tmp_path: Path) -> None:
    """Only lines with a row number first and as many pieces as the header has are rows read so."""
    from compliance.extraction.tables import _ordered_row, header_columns

    columns = header_columns(["序号", "指标", "2020年", "2030年"])
    assert columns is not None
    assert _ordered_row("3 | 0—6岁儿童眼保健和视力检查覆盖率（%）93.4    ≥95", columns) == [
        "3", "0—6岁儿童眼保健和视力检查覆盖率（%）", "93.4", "≥95",
    ]
    assert _ordered_row("抄送：县委各部门，县人大    县政协    县法院", columns) is None
    assert _ordered_row("1  新生儿死亡率（‰）        2.96", columns) is None
