"""A slide deck's title bars: a heading naming the section and its domain at once (三、主要目标｜儿童与健康（1/2）).

A 宣讲 deck puts on each slide a title of two parts joined by a bar: the section (主要目标) and the domain it is of,
with a page counter when a domain takes two slides. Such a title opens the domain and its main targets; before,
it was read as a part of no known kind, its bullets' targets left unparsed. Of two domains on one slide the first
is opened (儿童与安全　儿童与教育: 儿童与安全; 福利　家庭: 福利, a domain's short name).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

DECK = """某某县儿童发展规划（2021—2030年）政策宣讲
某某县妇女儿童工作委员会办公室
一、规划背景
● 依据：《中国儿童发展纲要（2021—2030年）》
二、总体目标
● 到2030年，儿童发展环境更加优化。
三、主要目标{bar}儿童与健康（1/2）
● 婴儿死亡率降至5‰以下
● 0—6岁儿童眼保健和视力检查覆盖率达到90%以上
三、主要目标{bar}儿童与健康（2/2）
● 中小学生国家学生体质健康标准达标优良率达到60%以上
三、主要目标{bar}儿童与安全{gap}儿童与教育
● 儿童伤害死亡率以2020年为基数下降15%
● 学前教育毛入园率达到92%以上
三、主要目标{bar}福利{gap}家庭
● 城乡社区儿童之家覆盖率达到90%以上
四、组织实施
● 每年开展规划宣讲不少于20场
"""


def _targets(tmp_path: Path, bar: str, gap: str, name: str) -> list[tuple]:
    path = tmp_path / name
    path.write_text(DECK.format(bar=bar, gap=gap), encoding="utf-8")
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    return [(str(t.section), t.domain, t.indicator, str(t.target.op), t.target.value) for t in plan.targets], plan


def test_a_slide_title_of_section_and_domain_opens_the_domains_main_targets(tmp_path: Path) -> None:
    for k, (bar, gap) in enumerate([("｜", "\u3000"), (" | ", "、")]):
        got, plan = _targets(tmp_path, bar, gap, f"deck{k}.txt")
        assert got == [
            ("main_targets", "儿童与健康", "婴儿死亡率", "<=", D(5)),
            ("main_targets", "儿童与健康", "0—6岁儿童眼保健和视力检查覆盖率", ">=", D(90)),
            ("main_targets", "儿童与健康", "中小学生国家学生体质健康标准达标优良率", ">=", D(60)),
            ("main_targets", "儿童与安全", "儿童伤害死亡率", "rel_decrease", D(15)),
            ("main_targets", "儿童与安全", "学前教育毛入园率", ">=", D(92)),
            ("main_targets", "福利", "城乡社区儿童之家覆盖率", ">=", D(90)),
        ], got
        assert list(plan.domains)[:2] == ["儿童与健康", "儿童与安全"]
