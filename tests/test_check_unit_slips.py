"""A plausible value many times weaker than its parent's is a slipped decimal point or unit (implausible-value).

孕产妇死亡率 80/10万 (the drafter meant 8.0), 90/10万, 艾滋病母婴传播率 20% (meant 2%) stay inside the
catalogue's plausible range, so they were only weaker-threshold findings: a reviewer was told to set
12/10万, not that the number itself is probably a slip. At least the smallest of the slip factors
(rules/checks.yaml: 10, less the tolerance) times weaker than a parent, such a value is also an
implausible-value naming both values and the value probably meant; an ordinary weaker value
(15/10万 against 12/10万) is not, and tightening a target never adds the finding.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.checking import check
from compliance.extraction import extract
from compliance.loading.plans import loads_plan
from compliance.loading.yamlfile import read_yaml
from compliance.references import ReferenceLibrary

MUTATION = Path(__file__).parent / "mutation"


@cache
def _library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


_LIST = [
    "某某县妇女发展规划（2021—2030年）", "",
    "一、妇女与健康", "主要目标：",
    "1.孕产妇死亡率控制在{maternal}/10万以下。",
    "2.艾滋病母婴传播率下降到{hiv}%以下。",
    "3.适龄妇女宫颈癌人群筛查率达到70%以上。",
]

_TABLE = [
    "某某县妇女发展规划（2021—2030年）", "",
    "一、妇女与健康", "主要目标：", "妇女发展主要指标",
    "序号\t指标名称\t单位\t2030年目标值",
    "1\t孕产妇死亡率\t1/10万\t＜{maternal}",
    "2\t艾滋病母婴传播率\t%\t＜{hiv}",
    "3\t适龄妇女宫颈癌人群筛查率\t%\t≥70",
]


def _report(tmp_path: Path, lines: list[str], **values: str):
    document = tmp_path / "plan.txt"
    document.write_text("\n".join(lines).format(**values) + "\n", encoding="utf-8")
    (plan,) = extract(document)
    return check(plan, _library())


def _by_rule(report, rule: str) -> dict[str, Any]:
    return {f.indicator: f for f in report.findings if f.rule == rule}


@pytest.mark.parametrize("lines", [_LIST, _TABLE], ids=["list", "table"])
@pytest.mark.parametrize("maternal,meant", [("80", "8/10万"), ("90", "9/10万")])
def test_ten_times_the_parent_is_a_slip_with_the_value_meant(tmp_path: Path, lines, maternal: str, meant: str) -> None:
    report = _report(tmp_path, lines, maternal=maternal, hiv="20")
    slips = _by_rule(report, "implausible-value")
    assert set(slips) == {"maternal_mortality", "hiv_mother_to_child_transmission"}, slips
    maternal_slip = slips["maternal_mortality"].render_message("en")
    assert f"{maternal}/10万" in maternal_slip and "12/10万" in maternal_slip and f"was {meant} meant" in maternal_slip
    assert "2%" in slips["hiv_mother_to_child_transmission"].render_message("en")
    zh = slips["maternal_mortality"].render_message("zh")
    assert "小数点或单位误写" in zh and f"是否应为{meant}" in zh
    # still compared: the weaker-threshold stands beside it
    assert {"maternal_mortality", "hiv_mother_to_child_transmission"} <= set(_by_rule(report, "weaker-threshold"))


def test_a_five_year_plan_slips_against_the_parent_s_own_value(tmp_path: Path) -> None:
    """A 十四五 plan is held to the 2025 milestone (14.45/10万 from the 2020 baseline), but its 80/10万
    is a slip of 8/10万 against the outline's 12/10万 all the same."""
    lines = [line.replace("（2021—2030年）", "“十四五”规划（2021—2025年）").replace("2030年目标值", "2025年目标值")
             for line in _LIST]
    lines[0] = "某某县妇女发展“十四五”规划（2021—2025年）"
    report = _report(tmp_path, lines, maternal="80", hiv="20")
    slips = _by_rule(report, "implausible-value")
    assert "maternal_mortality" in slips, [f.rule for f in report.findings]
    message = slips["maternal_mortality"].render_message("en")
    assert "12/10万" in message and "was 8/10万 meant" in message


@pytest.mark.parametrize("lines", [_LIST, _TABLE], ids=["list", "table"])
def test_an_ordinary_weaker_value_is_no_slip(tmp_path: Path, lines) -> None:
    report = _report(tmp_path, lines, maternal="15", hiv="3")
    assert not _by_rule(report, "implausible-value")
    assert {"maternal_mortality", "hiv_mother_to_child_transmission"} <= set(_by_rule(report, "weaker-threshold"))


def test_a_value_meeting_the_parent_is_no_slip(tmp_path: Path) -> None:
    report = _report(tmp_path, _LIST, maternal="8", hiv="1.5")
    assert not _by_rule(report, "implausible-value") and not _by_rule(report, "weaker-threshold")


# ------------------------------------------------------------------ properties


@cache
def _reference(kind: str) -> dict[str, Any]:
    return json.loads(json.dumps(read_yaml(MUTATION / f"{kind}.yaml").data, ensure_ascii=False))


@cache
def _mutation_library(kind: str) -> ReferenceLibrary:
    return ReferenceLibrary.load([MUTATION / f"{kind}.yaml"], bundled=False)


def _plausible(indicator: str, unit: str) -> tuple[Decimal, Decimal]:
    from compliance.catalogue import load_catalogue
    from compliance.units import convert

    entry = load_catalogue().match_indicator(indicator)
    return tuple(Decimal(str(float(convert(str(bound), entry.unit, unit)))) for bound in entry.plausible)  # type: ignore[return-value]


def _findings(kind: str, index: int, times: Decimal) -> set[tuple[str, str]] | None:
    """The findings of the reference's copy with target `index` made `times` as weak; None when out of range."""
    plan = copy.deepcopy(_reference(kind))
    plan["plan"].update(level="provincial", jurisdiction=["浙江省"], title="单位误写测试省规划")
    for target in plan["targets"]:
        target.pop("verified", None)
    target = plan["targets"][index]
    op, value, unit = target["target"].split()
    amount = Decimal(value) * times if op in ("<=", "<") else Decimal(value) / times
    low, high = _plausible(target["indicator"], unit)
    if not low <= amount <= high:
        return None  # outside the plausible range: the range's implausible-value, not this one
    target["target"] = f"{op} {amount.quantize(Decimal('0.0001'))} {unit}"
    report = check(loads_plan(json.dumps(plan, ensure_ascii=False), "slip.yaml"), _mutation_library(kind))
    return {(f.rule, f.indicator_name or "-") for f in report.findings}


def _bounded() -> list[tuple[str, int]]:
    return [
        (kind, index)
        for kind in ("women", "children")
        for index, target in enumerate(_reference(kind)["targets"])
        if target["target"].split()[0] in ("<=", "<", ">=", ">")
    ]


_times = st.decimals(min_value=1, max_value=80, places=2)
SLIP_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLIP_SETTINGS
@given(st.sampled_from(_bounded()), _times, _times)
def test_tightening_a_target_never_adds_a_finding(which: tuple[str, int], a: Decimal, b: Decimal) -> None:
    kind, index = which
    tighter, weaker = sorted((a, b))
    found_weaker = _findings(kind, index, weaker)
    found_tighter = _findings(kind, index, tighter)
    if found_weaker is None or found_tighter is None:
        return
    assert found_tighter <= found_weaker, (tighter, weaker)


@SLIP_SETTINGS
@given(st.sampled_from(_bounded()), _times)
def test_the_slip_is_found_from_six_times_the_parent_and_not_below(which: tuple[str, int], times: Decimal) -> None:
    kind, index = which
    found = _findings(kind, index, times)
    if found is None:
        return
    name = _reference(kind)["targets"][index]["indicator"]
    assert (("implausible-value", name) in found) == (times >= 6), (times, found)


_BESIDE = [
    "某某县妇女发展“十四五”规划（2021—2025年）", "",
    "一、妇女与健康", "主要目标：", "妇女发展主要指标",
    "序号\t指标名称\t单位\t2025年目标值",
    "1\t孕产妇死亡率\t1/10万\t≤{table}",
    "2\t适龄妇女宫颈癌人群筛查率\t%\t≥70",
    "策略措施：",
    "{measure}",
]


@pytest.mark.parametrize("table,measure,meant", [
    ("10", "到2025年，全县孕产妇死亡率控制在100/10万以下，每个镇建成1处妇女之家。", "10/10万"),
    ("9", "加强危重孕产妇救治，孕产妇死亡率降至90/10万以下。", "9/10万"),
])
def test_a_slip_in_a_further_statement_beside_the_one_compared(tmp_path: Path, table: str, measure: str, meant: str) -> None:
    """Only one statement of an indicator is held to the parent (the table's ≤10); a measure's 100/10万 beside it,
    ten times the parent's 12/10万, is a slip all the same (before: only a conflict with the table was said)."""
    report = _report(tmp_path, _BESIDE, table=table, measure=measure)
    slips = _by_rule(report, "implausible-value")
    assert "maternal_mortality" in slips, [f.rule for f in report.findings]
    assert f"was {meant} meant" in slips["maternal_mortality"].render_message("en")
    assert "maternal_mortality" not in _by_rule(report, "weaker-threshold")  # the table's level meets the parent


def test_a_further_statement_merely_weaker_is_no_slip(tmp_path: Path) -> None:
    report = _report(tmp_path, _BESIDE, table="10", measure="孕产妇死亡率控制在15/10万以下。")
    assert "maternal_mortality" not in _by_rule(report, "implausible-value")
