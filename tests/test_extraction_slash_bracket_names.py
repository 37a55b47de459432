"""A table row whose cells hold a/b values for two subjects named in brackets after the indicator.

家长学校覆盖率（城市/农村） with 85/70 cells: one target for each subject (城市家长学校覆盖率 85, 农村… 70), as for
城市/农村社区家长学校覆盖率. Before, only the names written before the indicator were read and such a cell was
left unparsed. The document is invented; a tab-separated table and a web page's table (城镇、农村) both.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

TEXT = """某某县儿童发展规划（2021—2030年）
一、主要目标
（一）儿童与家庭
1.儿童之家覆盖率达到95%。

附表  某某县儿童发展主要指标
序号	指标	单位	2020年	2025年	2030年
1	学前教育毛入园率	%	87.5	90	92
2	家长学校覆盖率（{a}{sep}{b}）	%	78/52	85/70	90/80
注：目标值未标注符号的为“达到或高于”。
"""

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县儿童发展规划</title></head><body>
<div class="article"><h1>某某县儿童发展规划（2021—2030年）</h1><p>一、主要目标</p><p>（一）儿童与家庭</p>
<p>1.儿童之家覆盖率达到95%。</p><p>附表 某某县儿童发展主要指标</p>
<table><tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>2030年</td></tr>
<tr><td>1</td><td>学前教育毛入园率</td><td>%</td><td>87.5</td><td>90</td><td>92</td></tr>
<tr><td>2</td><td>家长学校覆盖率（{a}{sep}{b}）</td><td>%</td><td>78/52</td><td>85/70</td><td>90/80</td></tr></table>
<p>注：目标值未标注符号的为“达到或高于”。</p></div></body></html>"""


def test_two_subjects_in_brackets_after_the_name_give_a_target_each(tmp_path: Path) -> None:
    for k, (template, suffix, a, sep, b) in enumerate([(TEXT, "txt", "城市", "/", "农村"), (HTML, "html", "城镇", "、", "农村")]):
        path = tmp_path / f"plan{k}.{suffix}"
        path.write_text(template.replace("{a}", a).replace("{sep}", sep).replace("{b}", b), encoding="utf-8")
        (plan,) = extract(path, jurisdiction="重庆市/某某县")
        rows = [(t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets if str(t.section) == "indicator_table"]
        assert rows == [
            ("学前教育毛入园率", ">=", D(90), 2025),
            ("学前教育毛入园率", ">=", D(92), None),
            (f"{a}家长学校覆盖率", ">=", D(85), 2025),
            ("农村家长学校覆盖率", ">=", D(70), 2025),
            (f"{a}家长学校覆盖率", ">=", D(90), None),
            ("农村家长学校覆盖率", ">=", D(80), None),
        ], rows
        assert not plan.unparsed
