"""The targets a speaker states in a 政策解读 video (.srt captions): the plan read aloud, in spoken shortcuts.

A guest lists the targets clause by clause and leaves out what the listener already heard: 小学生近视率降到36%以下，
初中生降到58%以下 (the second group's own 近视率, not a condition of the first indicator), 城市社区家长学校覆盖率达到92%，
农村达到82% (the rural 社区, not a bare 农村 with the city's measure). Between the targets the guest says where things
stand (2020年这两项分别是…, 现在全县已经配了412名儿童主任) and how the plan will be run (分解到28个成员单位, 每年开展1次
监测): numbers that are no target. The short names said aloud are the catalogue's indicators.
Each test writes its own captions (tests/makedocs.py `cues_to_subtitles`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.catalogue import load_catalogue
from compliance.extraction import extract
from tests.makedocs import cues_to_subtitles

D = Decimal

CUES: list[object] = [
    "主持人：今天我们请到县妇儿工委办的刘主任，\n解读《某某县儿童发展规划（2021—2030年）》。",
    "刘主任：到2030年，婴儿死亡率要控制在4.5‰以下，\n5岁以下儿童死亡率控制在6‰以下。",
    "2020年这两项分别是5.2‰和7.1‰，\n基础还是比较好的。",
    "近视防控方面，小学生近视率降到36%以下，\n初中生降到58%以下。",
    "学生体质健康达标优良率达到55%以上。",
    "每个村（社区）都要配备1名儿童主任，\n现在全县已经配了412名儿童主任。",
    "城市社区家长学校覆盖率达到92%，\n农村达到82%。",
    "主持人：规划怎么落实？",
    "刘主任：我们将把目标分解到28个成员单位，\n每年开展1次监测，2025年进行中期评估。",
    "本期节目就到这里，感谢收看。",
]


def _plan(tmp_path: Path, cues: list[object] = CUES):
    (plan,) = extract(cues_to_subtitles(cues, tmp_path / "某某县儿童发展规划解读.srt"), kind="children")
    return plan


def test_an_elliptic_second_item_names_its_own_group_with_the_first_item_s_measure(tmp_path: Path) -> None:
    by_value = {t.target.value: t for t in _plan(tmp_path).targets}
    assert by_value[D("36")].indicator == "小学生近视率"
    junior = by_value[D("58")]
    assert junior.indicator == "初中生近视率"
    assert junior.target.condition is None  # its own indicator, not 小学生近视率 under a condition 初中生


def test_a_bare_place_after_a_community_measure_is_the_same_measure_of_its_communities(tmp_path: Path) -> None:
    by_value = {t.target.value: t for t in _plan(tmp_path).targets}
    assert by_value[D("92")].indicator == "城市社区家长学校覆盖率"
    assert by_value[D("82")].indicator == "农村社区家长学校覆盖率"


def test_baselines_counts_already_reached_and_the_plan_s_own_schedule_are_no_targets(tmp_path: Path) -> None:
    values = {t.target.value for t in _plan(tmp_path).targets}
    for said in ("5.2", "7.1", "412", "28"):
        assert D(said) not in values, said
    assert {D("4.5"), D("6"), D("55")} <= values
    assert not any(t.target.value == D("1") and "监测" in (t.text or "") for t in _plan(tmp_path).targets)


def test_a_parallel_group_needs_the_same_kind_of_group() -> None:
    from compliance.extraction.targets import _parallel_name

    assert _parallel_name("初中生", "小学生近视率") == "初中生近视率"
    assert _parallel_name("女童", "男童高中阶段毛入学率") == "女童高中阶段毛入学率"
    assert _parallel_name("事业单位", "女干部配备党政工作部门") is None  # a condition, not a parallel group
    assert _parallel_name("高中", "小学生近视率") is None


def test_short_names_said_aloud_are_the_catalogue_s_indicators() -> None:
    catalogue = load_catalogue()
    fitness = catalogue.match_indicator("学生体质健康达标优良率", "children")
    assert fitness is not None and fitness.name == "中小学生国家学生体质健康标准达标优良率"
    pension = catalogue.match_indicator("城乡居民基本养老保险参保率", "women")
    assert pension is not None and pension.name == "妇女基本养老保险参保率"
