"""Wordings of one meaning are matched as one indicator (`spellings` in rules/indicators.yaml).

Plans write 社区居民委员会主任中女性比例 for 社区居委会主任中女性比例, 城镇单位就业人员中女性占比 or
女性所占比例 for …中的女性比例, 眼保健与视力检查 for 眼保健和视力检查. Such a name matched no name or
alias, so the check reported the indicator missing (an error) while the plan states it, and never
compared its value. A group says what is the same and no more: 居委会 and 村委会, 主任 and 成员 stay
different indicators.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from compliance.catalogue import load_catalogue
from compliance.checking import check
from compliance.extraction import extract
from compliance.references import ReferenceLibrary


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.mark.parametrize("written,kind,id", [
    ("城镇单位就业人员中女性占比", "women", "female_share_urban_unit_employed"),
    ("城镇单位就业人员中女性所占比例", "women", "female_share_urban_unit_employed"),
    ("社区居委会主任女性比例", "women", "female_share_residents_committee_chairs"),
    ("社区居委会主任中女性占比", "women", "female_share_residents_committee_chairs"),
    ("社区居民委员会主任女性占比", "women", "female_share_residents_committee_chairs"),
    ("社区居委会成员中女性比重", "women", "female_share_residents_committee"),
    ("村民委员会主任女性占比", "women", "female_share_village_committee_chairs"),
    ("村委会成员女性占比", "women", "female_share_village_committee"),
    ("嘎查村委会主任中女性比例", "women", "female_share_village_committee_chairs"),
    ("嘎查村民委员会主任中女性占比", "women", "female_share_village_committee_chairs"),
    ("农村牧区卫生厕所普及率", "women", "rural_sanitary_toilets"),
    ("农牧区卫生厕所普及率", "women", "rural_sanitary_toilets"),
    ("梅毒母婴传播率", "women", "congenital_syphilis_incidence"),
    ("0-6岁儿童眼保健与视力检查覆盖率", "children", "eye_care_coverage_0_6"),
    ("0～6岁儿童眼保健及视力检查覆盖率", "children", "eye_care_coverage_0_6"),
])
def test_variant_wordings_match_their_indicator(catalogue, written, kind, id) -> None:
    found = catalogue.match_indicator(written, kind)
    assert found is not None and found.id == id, (written, found)


@pytest.mark.parametrize("written,kind,not_id", [
    ("社区居委会主任女性占比", "women", "female_share_village_committee_chairs"),  # 居委会 is no 村委会
    ("村委会主任中女性占比", "women", "female_share_residents_committee_chairs"),
    ("社区居委会成员女性占比", "women", "female_share_residents_committee_chairs"),  # 成员 is no 主任
    ("社区居民委员会主任中女性比例", "women", "female_share_residents_committee"),
    ("村民委员会成员女性占比", "women", "female_share_village_committee_chairs"),
    ("嘎查村委会主任中女性比例", "women", "female_share_residents_committee_chairs"),
    ("嘎查村委会成员中女性比例", "women", "female_share_village_committee_chairs"),
])
def test_variants_never_join_different_indicators(catalogue, written, kind, not_id) -> None:
    found = catalogue.match_indicator(written, kind)
    assert found is not None and found.id != not_id, (written, found)


def test_spellings_make_no_two_catalogue_indicators_one(catalogue) -> None:
    """Spelt the same way, two names of different indicators would become one: no group may do that."""
    from compliance.catalogue import normalise_name

    rules = catalogue.spelling_rules
    assert rules.groups, "rules/indicators.yaml has its spellings"
    folded: dict[str, set[str]] = {}
    for indicator in catalogue.indicators:
        for name in indicator.names:
            folded.setdefault(rules.spelt(normalise_name(name)), set()).add(indicator.id)
    joined = {key: ids for key, ids in folded.items() if len(ids) > 1}
    assert not joined, joined


# --------------------------------------------------------------- documents


_WOMEN = [
    "某某县妇女发展规划（2021—2030年）", "",
    "一、妇女与经济", "主要目标：",
    "1.城镇单位就业人员中女性占比保持在40%左右。",
    "", "二、妇女参与决策和管理", "主要目标：",
    "1.村委会成员中女性比例达到30%以上。",
    "2.社区居民委员会主任女性占比达到40%以上。",
    "3.社区居委会成员中女性所占比例保持在50%左右。",
]

_WOMEN_TABLE = [
    "某某县妇女发展规划（2021—2030年）", "",
    "一、妇女与经济", "主要目标：", "（一）主要指标",
    "序号\t指标\t2030年目标",
    "1\t城镇单位就业人员中女性所占比例（%）\t40左右",
    "", "二、妇女参与决策和管理", "主要目标：",
    "1.村民委员会成员女性占比达到30%以上。",
    "2.社区居委会主任中女性占比达到40%以上。",
    "3.社区居民委员会成员中女性比重保持在50%左右。",
]

_BANNER = [  # a pastoral banner's plan: 嘎查 villages, 农村牧区
    "某某旗妇女发展规划（2021—2030年）", "",
    "一、妇女与健康", "主要目标：",
    "1.艾滋病、梅毒和乙肝母婴传播率分别控制在2%、50/10万活产和1%以下。",
    "", "二、妇女与经济", "主要目标：",
    "1.城镇单位就业人员中女性所占比例保持在40%左右。",
    "", "三、妇女参与决策和管理", "主要目标：",
    "1.嘎查村民委员会成员中女性比例达到30%以上。",
    "2.嘎查村委会主任中女性比例达到10%以上。",
    "3.社区居委会主任中女性占比达到40%以上。",
    "4.社区居委会成员中女性比重保持在50%左右。",
    "", "四、妇女与环境", "主要目标：",
    "1.农村牧区卫生厕所普及率达到85%以上。",
]

_STATED = {"female_share_urban_unit_employed", "female_share_residents_committee_chairs",
           "female_share_residents_committee", "female_share_village_committee"}


@cache
def _library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


@pytest.mark.parametrize("lines", [_WOMEN, _WOMEN_TABLE, _BANNER], ids=["list", "table", "banner"])
def test_a_plan_stating_them_in_other_words_is_not_missing_them(tmp_path: Path, lines) -> None:
    document = tmp_path / "plan.txt"
    document.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan,) = extract(document)
    report = check(plan, _library())
    missing = {f.indicator for f in report.findings if f.rule == "missing-indicator"}
    assert not missing & _STATED, missing
    unknown = {f.indicator_name for f in report.findings if f.rule in ("unknown-indicator", "possible-typo")}
    assert not unknown, unknown
