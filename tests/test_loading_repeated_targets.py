"""A target mapping written as one already read gives the same (frozen) TargetValue: issue 12's load time.

A county plan writes a few dozen mappings again and again ({op: ">=", value: 95, unit: "%"}), and a
batch reads thousands of plans; each is validated once. What the file writes still decides: 95 and
95.0 are two values (the digits a plan writes are kept), and a broken mapping is reported every time
it is written, with its own position.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from compliance.errors import InputError
from compliance.loading.plans import loads_plan

PLAN = """\
format: compliance-plan/1
plan:
  title: 某县儿童发展规划（2021—2030年）
  jurisdiction: [云南省, 玉溪市, 某县]
  level: county
  kind: children
  period: [2021, 2030]
domains: [儿童与健康]
targets:
  - indicator: 适龄儿童免疫规划疫苗接种率
    domain: 儿童与健康
    target: {op: ">=", value: 95, unit: "%"}
    text: 适龄儿童免疫规划疫苗接种率保持在95%以上
  - indicator: 儿童健康管理率
    domain: 儿童与健康
    target: {op: ">=", value: 95, unit: "%"}
    text: 7岁以下儿童健康管理率保持在95%以上
  - indicator: 孕产妇系统管理率
    domain: 儿童与健康
    target: {op: ">=", value: 95.0, unit: "%"}
    text: 孕产妇系统管理率达到95.0%以上
  - indicator: 儿童龋患率
    domain: 儿童与健康
    target:
      op: "<="
      value: 25
      unit: "%"
    text: 12岁儿童龋患率控制在25%以内
"""


def test_a_mapping_written_again_is_the_same_value() -> None:
    plan = loads_plan(PLAN, "plan.yaml")
    first, second, third, block = (t.target for t in plan.targets)
    assert first is second
    assert first == third and first is not third  # 95 and 95.0: equal levels, written differently
    assert str(first.value) == "95" and str(third.value) == "95.0"
    assert block.value == Decimal(25) and block.op.value == "<="
    again = loads_plan(PLAN, "again.yaml")
    assert again.targets[0].target is first  # from plan to plan too
    assert again.targets[0].position is not None and again.targets[0].position.file == "again.yaml"


def test_a_broken_mapping_is_reported_each_time_it_is_written() -> None:
    broken = PLAN.replace('{op: ">=", value: 95, unit: "%"}', '{op: ">=", value: 95, unit: "斤"}')
    with pytest.raises(InputError) as raised:
        loads_plan(broken, "broken.yaml")
    lines = sorted(p.line for p in raised.value.problems)
    assert lines == [12, 16], [str(p) for p in raised.value.problems]
    with pytest.raises(InputError) as again:
        loads_plan(broken, "broken.yaml")
    assert sorted(p.line for p in again.value.problems) == [12, 16]


def test_a_plan_whose_targets_share_a_value_is_written_without_anchors() -> None:
    from compliance.extraction.writer import dump_plan

    plan = loads_plan(PLAN, "plan.yaml")
    assert plan.targets[0].target is plan.targets[1].target
    written = dump_plan(plan)
    assert "&id" not in written and "*id" not in written
    assert written.count("value: 95,") == 3, written  # 95.0 too: the writer writes a level as the number it is
    again = loads_plan(written, "again.yaml")
    assert [t.target for t in again.targets] == [t.target for t in plan.targets]
