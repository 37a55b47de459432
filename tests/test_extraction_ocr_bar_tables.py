"""A scanned table's OCR text layer: rows written between bars, letters read for digits, a lone l for 1.

A phone scanner (扫描全能王) saves each page as a picture with an invisible OCR text layer over it, and its engine
writes each row of a table as one line, | 2 | 孕产妇死亡率（1/10万） | 8.21 | ≤1O |: a rule it took for a character as
丨, a domain's row spanning the table as | 一、妇女与健康 |, a name wrapped in its cell as a row of its own
(| | 查率（%） | | |). Before, those lines were read as prose and no target of the table was found. A letter at one end
of a number (≤1O, 5O左右) is a digit where a sign before it or a bound word after it says a number stands there;
a lone l before a counter (建成l处) is 1; the quote keeps what the text layer says.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from compliance.extraction import extract
from compliance.extraction.cleaning import _ocr_characters
from tests.makedocs import ocr_layer_pdf


def _targets(plan) -> list[tuple[str, str, D | None, str | None]]:
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


def test_a_scanned_indicator_table_as_bar_rows_is_read_as_a_table(tmp_path: Path) -> None:
    path = ocr_layer_pdf(tmp_path / "scan.pdf", [
        [
            "附件1",
            "某某市“十四五”妇女发展规划主要指标表",
            "| 序号 | 指 标 | 2020年基数 | 2025年目标 | 属性 |",
            "| 一、妇女与健康 |",
            "| 1 | 孕产妇死亡率（1/10万） | 8.21 | ≤1O | 约束性 |",
            "丨 2 丨孕产妇系统管理率（%） 丨 94.7 丨 ≥95 丨 预期性 丨",
            "| 3 | 适龄妇女宫颈癌人群筛 | 61.3 | ≥75 | 预期性 |",
            "| | 查率（%） | | |",
            "— 6 —",
        ],
        [
            "某某市“十四五”妇女发展规划主要指标表（续）",
            "| 序号 | 指 标 | 2020年基数 | 2025年目标 | 属性 |",
            "| 二、妇女参与决策和管理 |",
            "| 4 | 村委会成员中的女性比例（%） | 26.4 | ≥3O | 约束性 |",
            "| 5 | 社区居委会成员中的女性比例（%） | 52.3 | 5O左右 | 约束性 |",
            "说明：3.重点任务：到2025年，每个镇街建成l处妇女之家示范点。",
        ],
    ])
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("孕产妇死亡率", "<=", D(10), "1/10万"),
        ("孕产妇系统管理率", ">=", D(95), "%"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(75), "%"),
        ("村委会成员中的女性比例", ">=", D(30), "%"),
        ("社区居委会成员中的女性比例", "~", D(50), "%"),
        ("每个镇街妇女之家示范点数", ">=", D(1), "处"),
    ]
    assert plan.targets[0].text == "| 1 | 孕产妇死亡率（1/10万） | 8.21 | ≤1O | 约束性 |"  # as the text layer says
    assert [t.domain for t in plan.targets[:4]] == ["妇女与健康"] * 3 + ["妇女参与决策和管理"]
    assert not plan.unparsed


def test_a_variant_with_full_width_bars_two_horizons_and_a_letter_before_the_digits(tmp_path: Path) -> None:
    path = ocr_layer_pdf(tmp_path / "scan.pdf", [[
        "某某县儿童发展规划（2021—2030年）主要指标",
        "｜序号｜指标名称｜2025年｜2030年｜",
        "｜（一）儿童与健康｜",
        "｜1｜婴儿死亡率（‰）｜≤4.5｜≤4.O｜",
        "｜2｜儿童青少年总体近视率年均下降（百分点）｜≥O.5｜≥l.0｜",
        "｜3｜中小学生体质达标优良率（%）｜≥5O｜≥6O｜",
    ]], watermark=None)
    (plan,) = extract(path)
    assert [(op, value) for _, op, value, _ in _targets(plan)] == [
        ("<=", D("4.5")), ("<=", D("4.0")), (">=", D("0.5")), (">=", D("1.0")), (">=", D(50)), (">=", D(60)),
    ]


def test_a_letter_at_one_end_of_a_number_is_a_digit_only_where_a_number_is_written() -> None:
    assert _ocr_characters("≤1O") == "≤10"
    assert _ocr_characters("＜5O") == "＜50"
    assert _ocr_characters("5O左右") == "50左右"
    assert _ocr_characters("每个镇街建成l处，配备I名") == "每个镇街建成1处，配备1名"
    # no sign, no bound word, letters alone, or a letter among letters: as written
    for text in ("编号1O", "≥lO", "O2O平台", "ISO9001认证", "Il型", "5G网络", "建成lO处", "A l处"):
        assert _ocr_characters(text) == text


def test_a_markdown_row_of_one_cell_between_bars_is_a_group_row(tmp_path: Path) -> None:
    """| 一、妇女与健康 | between a pipe table's rows is a row spanning the table (its domain), not a line of text that
    ends the table (before: every row under it unparsed)."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某某县妇女发展规划（2021—2025年）\n\n"
        "| 序号 | 指标 | 2020年 | 2025年目标 |\n"
        "|---|---|---|---|\n"
        "| 一、妇女与健康 |\n"
        "| 1 | 孕产妇死亡率（1/10万） | 8.21 | ≤10 |\n"
        "| 二、妇女与教育 |\n"
        "| 2 | 高中阶段毛入学率（%） | 95.2 | ≥96 |\n",
        encoding="utf-8",
    )
    (plan,) = extract(path)
    assert [(t.indicator, t.domain, t.target.value) for t in plan.targets] == [
        ("孕产妇死亡率", "妇女与健康", D(10)), ("高中阶段毛入学率", "妇女与教育", D(96)),
    ]
    assert not plan.unparsed
