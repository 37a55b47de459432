"""A target left to the remarks column (issue 8): 目标值 “—”, 说明 较2020年下降10%.

Indicator tables of saved pages and Word files often write “—” in the target cell of a row whose
target is a change, with a note such as “—”表示以文字表述为准，见说明栏, and state the target in the
说明 (备注) column. Each test writes such a table with its own wording and numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal


def _page(folder: Path, remark: str, rows: list[tuple[str, str, str, str]]) -> Path:
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in rows)
    path = folder / "plan.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>石潭县妇女发展规划</title></head><body>'
        '<div class="content"><h1>石潭县妇女发展规划（2021—2030年）</h1>'
        "<p>根据《中国妇女发展纲要（2021—2030年）》，结合我县实际，制定本规划。</p>"
        "<p>一、主要指标</p>"
        f"<table><tr><td>指标名称</td><td>2020年</td><td>2030年目标值</td><td>{remark}</td></tr>{cells}</table>"
        "<p>注：“—”表示以文字表述为准，见说明栏。</p><p>二、组织实施</p></div></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("remark", ["说明", "备注"])
def test_a_dash_under_the_target_takes_the_target_its_remark_states(tmp_path: Path, remark: str) -> None:
    rows = [
        ("孕产妇死亡率", "13.2/10万", "≤10/10万", "约束性"),
        ("孕产妇贫血患病率", "12.5%", "—", "以2020年为基数下降15%"),
        ("农村卫生厕所普及率", "70.2%", "—", "每年提高2个百分点"),
        ("妇女基本养老保险参保率", "91.0%", "—", "预期性"),
    ]
    (plan,) = extract(_page(tmp_path, remark, rows))
    got = [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]
    assert got == [
        ("孕产妇死亡率", "<=", D(10), "1/10万"),
        ("孕产妇贫血患病率", "rel_decrease", D(15), "%"),
        ("农村卫生厕所普及率", "rel_increase", D(2), "百分点/年"),
    ]
    assert plan.targets[1].target.base_year == 2020
    assert remark in (plan.targets[1].note or "")  # the target says it came from the remarks column
    assert plan.unparsed == []


def test_a_bare_number_in_the_remarks_is_no_target(tmp_path: Path) -> None:
    rows = [("孕产妇死亡率", "13.2/10万", "≤10/10万", "约束性"), ("高级专业技术人员中的女性比例", "36.0%", "—", "40")]
    (plan,) = extract(_page(tmp_path, "说明", rows))
    assert [t.indicator for t in plan.targets if t.target.is_numeric] == ["孕产妇死亡率"]
