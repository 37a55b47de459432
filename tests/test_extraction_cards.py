"""Official-account cards and subheads: a value printed before its name (🔹≤3.2‰ ↵ 婴儿死亡率) is one target at the
value's line, named by the next line; a subhead naming the past (【成就回顾】, ▌回顾“十三五”) opens history, no
targets and no unparsed numbers. Invented posts of each shape, with a variant each."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from compliance.extraction import extract

POST = """英山妇儿
一图读懂｜《英山县儿童发展规划（2021—2030年）》
原创　英山县妇儿工委办　2023-03-02 08:15

近日，英山县人民政府印发《英山县儿童发展规划（2021—2030年）》（以下简称《规划》）。《规划》提出主要目标52项。一起来看

▌回顾“十三五”
2020年，全县婴儿死亡率4.1‰，建成儿童之家212个。

▌到2030年，这些目标要实现
01　儿童与健康
🔹≤3.2‰
婴儿死亡率
🔹95%以上
0～6岁儿童健康管理率
🔹下降15%
儿童伤害死亡率（以2020年为基数）
👉5岁以下儿童贫血患病率控制在10%以下。
02　儿童与家庭
🔹92%和85%
城市、农村社区家长学校覆盖率（分别达到）
"""


def _plan(tmp_path: Path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "post.txt"
    path.write_text(text, encoding=encoding)
    (plan,) = extract(path)
    return plan


def _numeric(plan) -> list[tuple[int, str, str, D | None, str | None]]:
    return [(t.line, t.indicator, t.target.op, t.target.value, t.target.unit) for t in plan.targets if t.target.is_numeric]


def test_a_value_printed_before_its_name_is_one_target_at_the_values_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path, POST)
    found = _numeric(plan)
    assert (12, "婴儿死亡率", "<=", D("3.2"), "‰") in found
    assert (14, "0～6岁儿童健康管理率", ">=", D(95), "%") in found
    injury = next(t for t in plan.targets if t.line == 16)
    assert (injury.indicator, injury.target.op, injury.target.value, injury.target.base_year) == (
        "儿童伤害死亡率", "rel_decrease", D(15), 2020
    )
    assert (18, "5岁以下儿童贫血患病率", "<=", D(10), "%") in found  # a sentence line stays a sentence
    assert (20, "城市社区家长学校覆盖率", ">=", D(92), "%") in found
    assert (20, "农村社区家长学校覆盖率", ">=", D(85), "%") in found
    assert not any("🔹" in t.indicator or "≤" in t.indicator for t in plan.targets)


def test_the_history_under_a_subhead_naming_the_past_gives_no_target_and_no_unparsed_number(tmp_path: Path) -> None:
    plan = _plan(tmp_path, POST)
    assert not any(t.line == 8 for t in plan.targets)
    assert not any(u.line == 8 for u in plan.unparsed)


def test_a_bracketed_subhead_of_the_past_and_bulleted_lines_without_a_year(tmp_path: Path) -> None:
    """Another shape: 【成就回顾】 over ● lines that name no year, then 【划重点·健康】 over ■ targets; GBK."""
    text = (
        "英山女性　2023-03-08 19:00\n"
        "　　日前，英山县人民政府印发《英山县妇女发展规划（2021—2030年）》。一起来看！\n"
        "【成就回顾】\n"
        "　　●村委会成员中女性比例24.3%\n"
        "　　●建成“妇女之家”318个\n"
        "【划重点·健康】\n"
        "　　■孕产妇死亡率控制在10/10万以内\n"
        "　　■高中阶段毛入学率达到93%\n"
    )
    plan = _plan(tmp_path, text, encoding="gbk")
    assert [(t.line, t.target.value) for t in plan.targets if t.target.is_numeric] == [(7, D(10)), (8, D(93))]
    assert not any(u.line in (4, 5) for u in plan.unparsed)


def test_a_table_written_one_cell_per_line_name_first_is_no_card(tmp_path: Path) -> None:
    """Name then value then name…: each value is the name's before it, never the next name's."""
    text = (
        "英山县儿童发展规划（2021—2030年）\n"
        "一、儿童与健康\n"
        "（一）主要目标\n"
        "婴儿死亡率\n"
        "≤3.2‰\n"
        "5岁以下儿童死亡率\n"
        "≤4.5‰\n"
    )
    plan = _plan(tmp_path, text)
    assert not any(t.indicator == "5岁以下儿童死亡率" and t.target.value == D("3.2") for t in plan.targets)


def test_a_table_one_cell_per_line_with_row_numbers_and_an_attribute_column_is_no_card(tmp_path: Path) -> None:
    """序号 ↵ name ↵ unit ↵ baseline ↵ target ↵ 属性: neither the row number before a name (1 ↵ 婴儿死亡率) nor a
    target before the attribute cell (≤3.2 ↵ 约束性) is a card."""
    text = (
        "英山县儿童发展规划（2021—2025年）\n"
        "附表 主要指标\n"
        "序号\n指标\n单位\n2020年\n2025年\n属性\n"
        "1\n婴儿死亡率\n‰\n3.6\n≤3.2\n约束性\n"
        "2\n5岁以下儿童死亡率\n‰\n5.1\n≤4.5\n预期性\n"
    )
    plan = _plan(tmp_path, text)
    assert not any(t.indicator in ("约束性", "预期性") or t.indicator.startswith(("婴儿死亡率1", "1")) for t in plan.targets)
    assert not any(t.indicator == "5岁以下儿童死亡率" and t.target.value == D("3.2") for t in plan.targets)


def test_the_end_of_a_sentence_broken_before_it_is_no_card(tmp_path: Path) -> None:
    """An OCR'd line break: …保持在 ↵ 90%以上。 ↵ the next sentence (with its clause) — no card pairs them."""
    text = (
        "英山县妇女发展规划（2021—2030年）\n"
        "一、妇女与健康\n"
        "（一）主要目标\n"
        "1．孕产妇死亡率控制在12/10万以下，孕产妇系统管理率保持在\n"
        "90%以上。\n"
        "2．妇女“两癌”防治意识明显增强，适龄妇女宫颈癌人群筛查\n"
        "率达到70%以上。\n"
    )
    plan = _plan(tmp_path, text)
    found = _numeric(plan)
    assert (5, "孕产妇系统管理率", ">=", D(90), "%") in found
    assert any(t.indicator == "适龄妇女宫颈癌人群筛查率" and t.target.value == D(70) for t in plan.targets)
