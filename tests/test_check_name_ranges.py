"""A rate the catalogue does not know is still implausible above 100% (`name_ranges` in rules/indicators.yaml).

The catalogue's plausible ranges caught 0～6岁儿童眼保健和视力检查覆盖率 900%, but a coverage,
a rate of people reached or a share it does not list (新生儿听力筛查率, 儿童主任持证上岗率,
…中女干部比例) had no range at all: 950% was kept as an unknown indicator's target, an info,
never an error. The ending of the name gives the range; a gross enrolment may pass 100% and is
not listed, and a ratio (2:3) or a count is no rate of this kind.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from compliance.catalogue import load_catalogue
from compliance.checking import check
from compliance.extraction import extract
from compliance.references import ReferenceLibrary


@cache
def _library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


_LIST = [
    "某某县儿童发展规划（2021—2030年）", "",
    "一、儿童与健康", "主要目标：",
    "1.新生儿听力筛查率达到{hearing}以上。",
    "2.儿童安全座椅使用率达到60%以上。",
    "", "二、儿童与福利", "主要目标：",
    "1.村（社区）儿童主任持证上岗率达到{licensed}。",
    "2.新增普惠性托位1800个。",
    "", "三、儿童与环境", "主要目标：",
    "1.城镇公共厕所男女厕位比例为2:3。",
]

_TABLE = [
    "某某县儿童发展规划（2021—2030年）", "",
    "一、儿童与健康", "主要目标：", "主要指标",
    "序号\t指标\t单位\t2030年目标",
    "1\t新生儿听力筛查率\t%\t≥{hearing_cell}",
    "2\t儿童安全座椅使用率\t%\t≥60",
    "", "二、儿童与福利", "主要目标：",
    "1.村（社区）儿童主任持证上岗率达到{licensed}。",
]


def _findings(tmp_path: Path, lines: list[str], **values: str) -> dict[str, list]:
    document = tmp_path / "plan.txt"
    document.write_text("\n".join(lines).format(**values) + "\n", encoding="utf-8")
    (plan,) = extract(document)
    found: dict[str, list] = {}
    for finding in check(plan, _library()).findings:
        found.setdefault(finding.rule, []).append(finding.indicator_name)
    return found


@pytest.mark.parametrize("lines", [_LIST, _TABLE], ids=["list", "table"])
def test_an_uncatalogued_rate_above_100_percent_is_implausible(tmp_path: Path, lines) -> None:
    found = _findings(tmp_path, lines, hearing="950%", hearing_cell="950", licensed="900%")
    implausible = set(found.get("implausible-value", []))
    assert {"新生儿听力筛查率", "村（社区）儿童主任持证上岗率"} <= implausible, found
    assert "儿童安全座椅使用率" not in implausible


@pytest.mark.parametrize("lines", [_LIST, _TABLE], ids=["list", "table"])
def test_plausible_rates_ratios_and_counts_are_not(tmp_path: Path, lines) -> None:
    found = _findings(tmp_path, lines, hearing="95%", hearing_cell="95", licensed="90‰")  # 90‰ is 9%: in range
    assert not found.get("implausible-value"), found


@pytest.mark.parametrize("name,fits", [
    ("新生儿听力筛查率", True),
    ("市政府工作部门领导班子中女干部比例", True),
    ("女性占比", True),  # spelt 比例
    ("农村学校专任教师学历达标率", True),
    ("学前三年毛入园率", False),
    ("城乡居民人均可支配收入增长率", False),
    ("新增学位", False),
    ("年度目标任务完成率", False),  # a task may be done beyond its plan: 105%
])
def test_which_names_have_a_range(name: str, fits: bool) -> None:
    assert (load_catalogue().name_range(name) is not None) == fits
