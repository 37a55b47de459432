"""`phrases.levels`: parse's numeric targets without their names, for the text-mismatch rule (issue 12).

The rule reads every target's quoted sentence for the numbers it states; working out the names
(qualitative targets, naming rules) was a quarter of that reading. These prove the values are
parse's own, sentence by sentence, on the shapes that make parse merge, split or add targets.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from compliance.phrases import levels, parse
from compliance.phrases import reading

sys.path.insert(0, str(Path(__file__).parent / "fuzz"))

import campaign  # noqa: E402

SENTENCES = [
    "孕产妇死亡率控制在10/10万以下，婴儿死亡率控制在5‰以下",
    "新生儿、婴儿和5岁以下儿童死亡率分别控制在3‰、5‰和6‰以下",
    "女性人均预期寿命延长，达到82岁以上",  # a direction, then the value in the next clause: one target
    "村（社区）两委班子中女性比例，换届后当年达到100％，平时保持在85％以上",  # conditions
    "实现城乡社区儿童之家全覆盖",  # full coverage with no number
    "每个村至少配备1名儿童主任，实现全覆盖",
    "中小学校全部达到国家标准",  # a whole
    "适龄儿童免疫规划疫苗接种率保持在95%以上，儿童健康管理水平不断提高",  # a qualitative target beside
    "年降幅不低于0.5个百分点",  # a change amount
    "孕产妇死亡率下降到12/10万以下（2020年为16.9/10万）",
    "每千名儿童拥有儿科执业（助理）医生达到0.85名、床位增至2.2张",
    "**.5%以上的城市社区建成儿童之家",  # masked
    "乡镇（街道）妇女之家覆盖率达到100%，学前教育毛入园率达到90%，义务教育巩固率稳定在96%",
    # how many targets one number states, which the nameless reading decides without naming them
    "城乡社区儿童之家覆盖率均达到90%以上",  # an abbreviation of two subjects, one value each
    "“两癌”人群筛查率均达到70%",
    "艾滋病、梅毒和乙肝母婴传播率均控制在2%以下",  # a list before 均
    "城市社区和农村社区儿童之家覆盖率分别达到95%和90%",
    "至少配备1名女干部",  # no subject: the noun after the number ends the target
    "95%以上的城市社区建成儿童之家，平时保持在85%以上",
    "以2020年为基数，孕产妇死亡率下降20%",  # a relative target and its base year
    "中小学生每天校内体育活动时间不少于2小时，日间户外活动时间不少于2小时",  # durations and their periods
]


def _values(targets: object) -> list[object]:
    return [t.to_target_value() for t in targets if t.is_numeric]  # type: ignore[attr-defined]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_levels_are_the_numeric_targets_parse_gives(sentence: str) -> None:
    reading._levels_kept.cache_clear()
    found = levels(sentence)
    assert _values(found) == _values(parse(sentence))
    assert found, sentence
    assert all(t.indicator is None and t.is_numeric for t in found)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_nameless_reading_gives_the_named_readings_targets_less_their_names(sentence: str) -> None:
    """Each field but the name, the number of targets and their order: what the text-mismatch rule's message shows."""
    work, inside = reading._prepare(sentence)
    named = reading._values(sentence, work, inside)
    assert reading._levels(sentence) == tuple(replace(t, indicator=None) for t in named if t.is_numeric)


def test_a_sentence_already_parsed_is_answered_from_its_reading() -> None:
    sentence = "县妇女之家覆盖率达到98%以上，儿童之家覆盖率达到95%以上"
    reading._levels_kept.cache_clear()
    parse(sentence)
    assert _values(levels(sentence)) == _values(parse(sentence))
    assert _values(reading._levels(sentence)) == _values(parse(sentence))


def test_no_text_states_no_level() -> None:
    assert levels("") == ()
    assert levels("不断提高妇女健康水平") == ()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(campaign.phrases())
def test_levels_agree_with_parse_on_generated_sentences(sentence: str) -> None:
    assert _values(reading._levels(sentence)) == _values(reading._parse(sentence))
    work, inside = reading._prepare(sentence)
    named = reading._values(sentence, work, inside)
    assert reading._levels(sentence) == tuple(replace(t, indicator=None) for t in named if t.is_numeric)
