"""A magazine's copy of a plan in Traditional characters (侨刊乡讯, 正体字), saved as Big5.

Big5 has no ‰: the rates are written 千分之2.8. Units are written as the copy writes them (個, 百分點), and the
magazine's news briefs after the plan (【鄉訊簡報】) carry other numbers (86萬人次, 48名, 2763人). Before, a unit in
Traditional characters was no unit (個, 百分點/年 unknown to the unit table: a label or a plan file writing them was
refused) and the briefs' numbers were read as targets of the plan.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.units import normalise_unit

D = Decimal

COPY = [
    "《某某鄉訊》電子版　2022年第3期（總第412期）",
    "",
    "家鄉為兒童發展立下新目標",
    "——《開平市兒童發展規劃（2021—2030年）》摘登",
    "",
    "一、兒童與健康",
    "主要目標：",
    "1．新生兒、嬰兒和5歲以下兒童死亡率分別降至千分之2.8、千分之5.5和千分之5.8以下。",
    "2．兒童總體近視率每年降低0.5個百分點以上。",
    "二、兒童與福利",
    "主要目標：",
    "1．每千人口擁有3歲以下嬰幼兒託位數達到4.5個。",
    "2．城鄉社區兒童之家覆蓋率達到95%以上，建成兒童友好社區不少於10個。",
    "",
    "---------------------------------------------",
    "【鄉訊簡報】",
    "◎ 赤坎古鎮遊客接待量今年上半年達86萬人次。",
    "◎ 來自美國、加拿大等地的48名僑胞子弟參加夏令營。",
    "◎ 2021年，全市出生人口2763人，較上年減少約8%。",
    "---------------------------------------------",
]


def test_units_written_in_traditional_characters_are_the_units() -> None:
    assert normalise_unit("個") == "个"
    assert normalise_unit("百分點/年") == "百分点/年"
    assert normalise_unit("個/千人") == "个/千人"
    assert normalise_unit("萬人次") == "万人次"


def test_a_traditional_copy_reads_its_targets_not_the_magazine_briefs(tmp_path: Path) -> None:
    path = tmp_path / "qiaokan.txt"
    path.write_bytes(("\r\n".join(COPY) + "\r\n").encode("cp950"))
    (plan,) = extract(path)
    got = {(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets}
    assert (8, "婴儿死亡率", "<=", D("5.5"), "‰") in got  # 千分之5.5
    assert (13, "建成儿童友好社区", ">=", D(10), "个") in got
    assert not {float(t.target.value) for t in plan.targets} & {86, 48, 2763, 8}  # the briefs: other news
    assert len(plan.targets) == 7
