"""A box-drawn table (┌─┬─┐ │ ├─┼─┤) of a legal database's text export whose rows are ruled apart and whose long names
wrap inside their cells: the row's number and values stand on the name's first printed line or on its second, and
a domain's row (│    │妇女与经济│ │ │) stands between the ruled rows (issue 8).

Read line by line, a printed line with an empty 序号 was the end of the row above: the wrapped name's first half
was glued to the previous row's name and the row itself lost its name; a domain's row was glued to the row above
it. Now the lines between two rules are one row, and a domain's row opens its domain.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

TABLE = """\
┌────┬────────────────────────┬──────┬──────┐
│序号│指标                    │2020年│2025年│
├────┼────────────────────────┼──────┼──────┤
│    │妇女与健康              │      │      │
├────┼────────────────────────┼──────┼──────┤
│1   │孕产妇死亡率（1/10万）  │9.2   │≤9    │
├────┼────────────────────────┼──────┼──────┤
│    │艾滋病、梅毒和乙肝母婴传│      │      │
│2   │播率（%）               │—     │＜2   │
├────┼────────────────────────┼──────┼──────┤
│3   │孕前优生健康检查目标人群│88.0  │≥92   │
│    │覆盖率（%）             │      │      │
├────┼────────────────────────┼──────┼──────┤
│    │妇女与经济              │      │      │
├────┼────────────────────────┼──────┼──────┤
│4   │就业人员中的女性比例（%）│44.1  │45左右│
├────┼────────────────────────┼──────┼──────┤
│5   │高级专业技术人员中的女性│37.5  │40    │
│    │比例（%）               │      │      │
├────┼────────────────────────┼──────┼──────┤
│6   │妇女伤害死亡率（1/10万）│—     │以2020│
│    │                        │      │年为基│
│    │                        │      │数下  │
│    │                        │      │降5%  │
└────┴────────────────────────┴──────┴──────┘
　　注：未标注符号的指标值为达到值。"""


def test_ruled_box_rows_with_wrapped_names(tmp_path: Path) -> None:
    lines = ["某某市妇女发展规划（2021—2025年）", "　　二、主要指标", *TABLE.split("\n"), "　　三、组织实施"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    table = [t for t in plan.targets if t.section == "indicator_table"]
    at = {text: n for n, text in enumerate(lines, start=1)}
    assert [(t.indicator, t.domain, str(t.target.op), t.target.value, t.line) for t in table] == [
        ("孕产妇死亡率", "妇女与健康", "<=", D(9), at["│1   │孕产妇死亡率（1/10万）  │9.2   │≤9    │"]),
        ("艾滋病、梅毒和乙肝母婴传播率", "妇女与健康", "<", D(2), at["│2   │播率（%）               │—     │＜2   │"]),
        ("孕前优生健康检查目标人群覆盖率", "妇女与健康", ">=", D(92), at["│3   │孕前优生健康检查目标人群│88.0  │≥92   │"]),
        ("就业人员中的女性比例", "妇女与经济", "~", D(45), at["│4   │就业人员中的女性比例（%）│44.1  │45左右│"]),
        ("高级专业技术人员中的女性比例", "妇女与经济", ">=", D(40), at["│5   │高级专业技术人员中的女性│37.5  │40    │"]),
        # a target cell wrapped over the row's lines: the target stands where its number is printed
        ("妇女伤害死亡率", "妇女与经济", "rel_decrease", D(5), at["│    │                        │      │降5%  │"]),
    ]
    assert not plan.unparsed
