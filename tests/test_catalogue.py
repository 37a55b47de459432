"""The domain and indicator catalogues: data validity, matching, coverage of the references."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.catalogue import (
    Better,
    Catalogue,
    IndicatorKind,
    Quantity,
    load_catalogue,
    normalise_name,
)
from compliance.errors import InputError, UnitError
from compliance.loading.yamlfile import read_yaml
from compliance.model.plan import Kind
from compliance.resources import rules_file
from compliance.units import normalise_unit

DATA = Path(__file__).parent / "data"
GOLD = sorted((DATA / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _plain(value):  # ruamel's commented maps → plain Python
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _reference_notes() -> list[dict]:
    return _plain(read_yaml(DATA / "reference_note_indicators.yaml").data)


def _curated_gold() -> list[dict]:
    return _plain(read_yaml(DATA / "gold_indicator_ids.yaml").data)


def _gold_names() -> dict[tuple[str, str], set[str]]:
    """(indicator name, kind) -> the gold files it appears in."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in GOLD:
        document = json.loads(path.read_text(encoding="utf-8"))
        for target in document["targets"]:
            seen[(target["indicator"], document["kind"])].add(path.stem)
    return seen


# ----------------------------------------------------------------- the bundled data


def test_bundled_catalogue_loads_and_is_cached(catalogue: Catalogue) -> None:
    assert load_catalogue() is load_catalogue()
    assert len(catalogue.domains_of(Kind.WOMEN)) == 8
    assert len(catalogue.domains_of(Kind.CHILDREN)) == 7
    assert {d.id for d in catalogue.domains} >= {
        "women.health",
        "women.decision_making",
        "women.law",
        "children.safety",
        "children.legal_protection",
    }
    assert len(catalogue.indicators) >= 120
    assert catalogue.domain("women.family").name == "妇女与家庭建设"
    assert catalogue.indicator("maternal_mortality").unit == "1/10万"
    with pytest.raises(KeyError):
        catalogue.indicator("no_such_indicator")


def test_import_is_cheap() -> None:
    code = (
        "import sys, compliance.catalogue\n"
        "heavy = [m for m in ('jsonschema', 'pint') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


def test_every_canonical_unit_is_readable_and_canonical(catalogue: Catalogue) -> None:
    for indicator in catalogue.indicators:
        assert normalise_unit(indicator.unit) == indicator.unit, indicator.id


def test_no_name_leads_to_two_indicators_of_one_kind(catalogue: Catalogue) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for indicator in catalogue.indicators:
        for name in indicator.names:
            for kind in indicator.kind.kinds:
                owners[f"{kind}:{normalise_name(name)}"].add(indicator.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_no_domain_name_claimed_twice(catalogue: Catalogue) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for domain in catalogue.domains:
        for name in domain.names:
            owners[normalise_name(name)].add(domain.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_indicator_fields_are_consistent(catalogue: Catalogue) -> None:
    for indicator in catalogue.indicators:
        low, high = indicator.plausible
        assert low <= high, indicator.id
        assert (indicator.better is Better.BAND) == (indicator.band_tolerance is not None)
        for kind in indicator.kind.kinds:
            domain = catalogue.domain(indicator.domain_for(kind) or "")
            assert domain.kind is kind, indicator.id
        for link in (indicator.proxy_for, indicator.inverse_of):
            if link:
                catalogue.indicator(link)
    assert catalogue.indicator("female_share_employed").band_tolerance == Decimal(5)


# ---------------------------------------------------------------------- domains


@pytest.mark.parametrize(
    ("written", "kind", "expected"),
    [
        ("妇女与健康", None, "women.health"),
        ("妇女参与决策和管理", None, "women.decision_making"),
        ("妇女参与决策管理", "women", "women.decision_making"),
        ("妇女与决策管理", "women", "women.decision_making"),
        ("妇女与法律保护", "women", "women.law"),
        ("妇女与法律", "women", "women.law"),
        ("妇女与家庭建设", "women", "women.family"),
        ("儿童与社会环境", "children", "children.environment"),
        ("儿童与法律保护", "children", "children.legal_protection"),
        ("（二）妇女与教育。", "women", "women.education"),
        ("[bookmark: _Toc1220578601]（一）妇女与健康。", "women", "women.health"),
        ("三、儿童与福利", "children", "children.welfare"),
        ("儿童与安全领域", "children", "children.safety"),
        ("健康", "children", "children.health"),
        ("决策管理", "women", "women.decision_making"),
        ("决策", "women", "women.decision_making"),  # an indicator table's 领域 cell in short
        ("保障", "women", "women.social_security"),
        ("children.family", None, "children.family"),
    ],
)
def test_match_domain(catalogue: Catalogue, written: str, kind: str | None, expected: str) -> None:
    found = catalogue.match_domain(written, kind)  # type: ignore[arg-type]
    assert found is not None and found.id == expected


def test_match_domain_refuses_to_guess(catalogue: Catalogue) -> None:
    assert catalogue.match_domain("健康") is None  # women's or children's?
    assert catalogue.match_domain("儿童与健康", Kind.WOMEN) is None
    assert catalogue.match_domain("妇女与体育", Kind.WOMEN) is None
    assert catalogue.match_domain("", Kind.WOMEN) is None


def test_every_gold_domain_heading_matches(catalogue: Catalogue) -> None:
    for path in GOLD:
        document = json.loads(path.read_text(encoding="utf-8"))
        matched = [catalogue.match_domain(name, document["kind"]) for name in document["domains"]]
        assert None not in matched, (path.name, document["domains"])
        assert len({d.id for d in matched if d}) == len(document["domains"]), path.name


# ------------------------------------------------------------------- indicators


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # the variants the brief names
        ("5岁以下儿童贫血率", "under5_anaemia"),
        ("5岁以下儿童贫血患病率", "under5_anaemia"),
        ("5岁以下儿童中重度贫血率", "under5_moderate_severe_anaemia"),
        ("高中阶段毛入学率", "senior_secondary_gross_enrolment"),
        ("高中阶段教育毛入学率", "senior_secondary_gross_enrolment"),
        ("高中阶段女生毛入学率", "senior_secondary_gross_enrolment_girls"),
        ("义务教育巩固率", "compulsory_education_retention"),
        ("九年义务教育巩固率", "compulsory_education_retention"),
        ("村委会成员中女性比例", "female_share_village_committee"),
        ("村民委员会成员中女性比例", "female_share_village_committee"),
        ("社区居委会成员中女性比例", "female_share_residents_committee"),
        ("社区居民委员会成员中女性比例", "female_share_residents_committee"),
        ("新生儿访视率", "newborn_home_visits"),
        # general normalisation
        ("婴儿死亡率（‰）", "infant_mortality"),
        ("孕产妇死亡率(1/10万)", "maternal_mortality"),
        ("适龄儿童免疫规划疫苗接种率（以乡镇（街道）为单位）", "immunisation_coverage"),
        ("0～6岁儿童眼保健和视力检查覆盖率", "eye_care_coverage_0_6"),
        ("0-6岁儿童眼保健和视力检查覆盖率", "eye_care_coverage_0_6"),
        ("０—６岁儿童眼保健和视力检查覆盖率", "eye_care_coverage_0_6"),
        ("千名儿童儿科执业（助理）医师数（人）", "paediatricians_per_1000_children"),
        ("中小学生《国家学生体质健康标准》达标优良率", "student_fitness_good_rate"),
        ("适龄妇女“两癌”筛查覆盖率", "two_cancers_screening_coverage"),
        ("15岁之前适龄女孩hpv疫苗接种率", "hpv_vaccination_girls"),
        ("高级专业技术人员的女性比例", "female_share_senior_professionals"),
        ("婴 儿 死 亡 率", "infant_mortality"),
        ("村（社区）儿童之家覆盖", "children_homes_coverage"),
        # a jurisdiction-wide scope or an age range before a known name
        ("全县15—69岁女性健康素养水平", "women_health_literacy"),
        ("全市婴儿死亡率", "infant_mortality"),
        ("本区孕产妇死亡率", "maternal_mortality"),
        # an id
        ("maternal_mortality", "maternal_mortality"),
    ],
)
def test_match_indicator(catalogue: Catalogue, written: str, expected: str) -> None:
    found = catalogue.match_indicator(written)
    assert found is not None, written
    assert found.id == expected


@pytest.mark.parametrize(
    "written",
    [
        "",
        "（％）",
        "妇女幸福指数",
        "儿童道路交通伤害死亡率",  # a cause of injury death, not all injuries
        "农村孕产妇死亡率",  # a sub-population, not the whole
        "城市孕产妇死亡率",
        "0-3岁儿童眼保健和视力检查覆盖率",  # another age group than 0—6岁
        "死亡率",
        "覆盖率",
        "农村自来水供应覆盖",
    ],
)
def test_unknown_or_ambiguous_indicator_is_none(catalogue: Catalogue, written: str) -> None:
    assert catalogue.match_indicator(written) is None


def test_kind_settles_nothing_it_should_not(catalogue: Catalogue) -> None:
    # an indicator of both kinds of plans matches in either
    preschool = catalogue.match_indicator("学前3年毛入园率", Kind.WOMEN)
    assert preschool is not None and preschool.kind is IndicatorKind.BOTH
    assert preschool.domain_for(Kind.WOMEN) == "women.education"
    assert preschool.domain_for(Kind.CHILDREN) == "children.education"
    # a children's indicator named in a women's plan is still that indicator
    infant = catalogue.match_indicator("婴儿死亡率", Kind.WOMEN)
    assert infant is not None and infant.id == "infant_mortality"
    assert infant.domain_for(Kind.WOMEN) is None
    tap = catalogue.match_indicator("农村自来水普及率", Kind.CHILDREN)
    assert tap is not None and tap.domain_for(Kind.CHILDREN) == "children.environment"


def test_same_or_different_decisions_are_recorded(catalogue: Catalogue) -> None:
    girls = catalogue.indicator("senior_secondary_gross_enrolment_girls")
    assert girls.proxy_for == "senior_secondary_gross_enrolment"
    assert catalogue.indicator("under5_moderate_severe_anaemia").note
    male_female = catalogue.indicator("toilet_ratio_male_female")
    assert male_female.inverse_of == "toilet_ratio_female_male"
    assert catalogue.indicator("toilet_ratio_female_male").inverse_of == "toilet_ratio_male_female"
    assert male_female.better is Better.LOWER


# --------------------------------------------------------------------- coverage


def test_every_reference_note_indicator_matches(catalogue: Catalogue) -> None:
    missing = [
        (entry["name"], entry["kind"])
        for entry in _reference_notes()
        if catalogue.match_indicator(entry["name"], entry["kind"]) is None
    ]
    assert missing == []


def test_reference_note_values_are_plausible(catalogue: Catalogue) -> None:
    wrong = []
    for entry in _reference_notes():
        if str(entry["op"]).startswith("rel_"):
            continue
        indicator = catalogue.match_indicator(entry["name"], entry["kind"])
        assert indicator is not None, entry["name"]
        if not indicator.is_plausible(str(entry["value"]), entry["unit"]):
            wrong.append((entry["name"], entry["value"], entry["unit"], indicator.plausible))
    assert wrong == []


def test_curated_gold_names_match_as_decided(catalogue: Catalogue) -> None:
    curated = {(row["name"], row["kind"]): row["id"] for row in _curated_gold()}
    gold = _gold_names()
    assert set(curated) == set(gold), "tests/data/gold_indicator_ids.yaml is out of date"
    wrong = {}
    for (name, kind), expected in curated.items():
        found = catalogue.match_indicator(name, kind)
        got = found.id if found else None
        if got != expected:
            wrong[name] = (expected, got)
    assert wrong == {}


def test_every_indicator_in_two_gold_files_matches(catalogue: Catalogue) -> None:
    gold = _gold_names()
    # by the exact name, and by the meaning decided in the curated list
    files_of_id: dict[str, set[str]] = defaultdict(set)
    for row in _curated_gold():
        if row["id"]:
            files_of_id[row["id"]] |= gold[(row["name"], row["kind"])]
    unmatched = [
        name
        for (name, kind), files in gold.items()
        if len(files) >= 2 and catalogue.match_indicator(name, kind) is None
    ]
    assert unmatched == []
    shared = {i for i, files in files_of_id.items() if len(files) >= 2}
    assert len(shared) >= 40
    for row in _curated_gold():
        if row["id"] in shared:
            found = catalogue.match_indicator(row["name"], row["kind"])
            assert found is not None and found.id == row["id"], row["name"]


# ----------------------------------------------------------------- plausibility


@pytest.mark.parametrize(
    ("indicator_id", "value", "unit", "plausible"),
    [
        ("infant_mortality", "5", "‰", True),
        ("infant_mortality", "0.5", "%", True),
        ("infant_mortality", "5", "%", False),  # ‰ written as %
        ("neonatal_mortality", "3", "%", False),
        ("under5_mortality", "6", "%", False),
        ("maternal_mortality", "12", "1/10万", True),
        ("maternal_mortality", "12", "‰", False),
        ("paediatricians_per_1000_children", "0.85", "名", True),  # the 每千名 is in the name
        ("paediatricians_per_1000_children", "1.12", "名/千名儿童", True),
        ("childcare_places_per_1000", "4.6", "个", True),
        ("female_share_employed", "45", "%", True),
    ],
)
def test_plausible(catalogue: Catalogue, indicator_id: str, value: str, unit: str, plausible: bool) -> None:
    assert catalogue.indicator(indicator_id).is_plausible(value, unit) is plausible


def test_mortality_quantities(catalogue: Catalogue) -> None:
    for indicator_id in ("neonatal_mortality", "infant_mortality", "under5_mortality"):
        indicator = catalogue.indicator(indicator_id)
        assert indicator.quantity is Quantity.PER_MILLE and indicator.better is Better.LOWER


# ------------------------------------------------------ broken rules: problems with positions

DOMAINS_OK = """\
format: compliance-domains/1
domains:
  - id: women.health
    kind: women
    name: 妇女与健康
  - id: children.health
    kind: children
    name: 儿童与健康
"""

INDICATOR_OK = """\
format: compliance-indicators/1
indicators:
  - id: infant_mortality
    kind: children
    name: 婴儿死亡率
    domain: children.health
    quantity: per_mille
    unit: ‰
    better: lower
    plausible: [0, 30]
"""


def _rules(tmp_path: Path, domains: str = DOMAINS_OK, indicators: str = INDICATOR_OK) -> Path:
    (tmp_path / "domains.yaml").write_text(domains, encoding="utf-8")
    (tmp_path / "indicators.yaml").write_text(indicators, encoding="utf-8")
    return tmp_path


def _problems(rules_dir: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_catalogue(rules_dir)
    return [str(p) for p in caught.value.problems]


def test_small_valid_rules_load(tmp_path: Path) -> None:
    catalogue = load_catalogue(_rules(tmp_path))
    assert [i.id for i in catalogue.indicators] == ["infant_mortality"]
    position = catalogue.indicators[0].position
    assert position is not None and position.line == 3


def test_bundled_rules_copied_elsewhere_load(tmp_path: Path) -> None:
    for name in ("domains.yaml", "indicators.yaml"):
        shutil.copy(rules_file(name), tmp_path / name)
    assert len(load_catalogue(tmp_path).indicators) == len(load_catalogue().indicators)


def test_schema_problems_have_positions(tmp_path: Path) -> None:
    indicators = INDICATOR_OK.replace("better: lower", "better: smaller").replace(
        "    quantity: per_mille\n", ""
    ) + "    colour: red\n"
    domains = DOMAINS_OK.replace("kind: children", "kind: girls")
    problems = _problems(_rules(tmp_path, domains, indicators))
    text = "\n".join(problems)
    assert "domains.yaml:7:11: $.domains[1].kind: 'girls' is not a valid kind" in text
    assert "indicators.yaml:3:5: $.indicators[0]: missing the required field 'quantity'" in text
    assert "indicators.yaml:8:13: $.indicators[0].better: 'smaller' is not a valid better" in text
    assert "indicators.yaml:10:5" in text and "unknown field 'colour'" in text


def test_yaml_syntax_error_has_position(tmp_path: Path) -> None:
    problems = _problems(_rules(tmp_path, indicators=INDICATOR_OK + "  - id: [unclosed\n"))
    assert len(problems) == 1 and "indicators.yaml:12:" in problems[0]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "domains.yaml").write_text(DOMAINS_OK, encoding="utf-8")
    problems = _problems(tmp_path)
    assert problems and "indicators.yaml: no such file" in problems[0]


SEMANTIC = """\
format: compliance-indicators/1
indicators:
  - id: infant_mortality
    kind: children
    name: 婴儿死亡率
    domain: children.health
    quantity: per_mille
    unit: ‰
    better: lower
    plausible: [30, 0]
  - id: infant_mortality
    kind: children
    name: 新生儿死亡率
    aliases: [婴儿死亡率（‰）]
    domain: children.healthy
    quantity: per_mille
    unit: furlong
    better: lower
    plausible: [0, 20]
  - id: female_share_employed
    kind: both
    name: 就业人员中的女性比例
    domain: women.health
    quantity: rate_percent
    unit: ％
    better: band
    plausible: [20, 80]
    inverse_of: infant_mortality
  - id: maternal_mortality
    kind: women
    name: 孕产妇死亡率
    domain: children.health
    quantity: per_100k
    unit: "%"
    better: lower
    plausible: [0, 100]
    band_tolerance: 3
"""


def test_semantic_problems_have_positions(tmp_path: Path) -> None:
    text = "\n".join(_problems(_rules(tmp_path, indicators=SEMANTIC)))
    expected = [
        "indicators.yaml:10:16: $.indicators[0].plausible: the plausible range [30, 0] has its minimum above its maximum",
        "indicators.yaml:11:9: $.indicators[1].id: the id 'infant_mortality' is already used by the entry at line 3",
        "indicators.yaml:14:15: $.indicators[1].aliases[0]: the name '婴儿死亡率（‰）' is also claimed by 'infant_mortality'",
        "indicators.yaml:15:13: $.indicators[1].domain: unknown domain 'children.healthy'",
        "indicators.yaml:17:11: $.indicators[1].unit: unknown unit 'furlong'",
        "indicators.yaml:23:13: $.indicators[2].domain: kind 'both' needs a domain for each kind of plan",
        "indicators.yaml:25:11: $.indicators[2].unit: '％' is not a canonical unit symbol (write '%')",
        "indicators.yaml:26:13: $.indicators[2].better: better: band needs a band_tolerance",
        "indicators.yaml:28:17: $.indicators[2].inverse_of: 'infant_mortality' does not name 'female_share_employed'",
        "indicators.yaml:32:13: $.indicators[3].domain: 'children.health' is a children's domain, not a women's one",
        "indicators.yaml:34:11: $.indicators[3].unit: quantity 'per_100k' is measured in '1/10万', not '%'",
        "indicators.yaml:37:21: $.indicators[3].band_tolerance: band_tolerance is only for better: band",
    ]
    missing = [line for line in expected if line not in text]
    assert missing == [], text


def test_domain_semantic_problems(tmp_path: Path) -> None:
    domains = DOMAINS_OK + (
        "  - id: women.health\n"
        "    kind: women\n"
        "    name: 妇女健康\n"
        "  - id: children.care\n"
        "    kind: women\n"
        "    name: 儿童照料\n"
        "    aliases: [妇女与健康]\n"
    )
    text = "\n".join(_problems(_rules(tmp_path, domains=domains)))
    assert "domains.yaml:9:9: $.domains[2].id: the id 'women.health' is already used by the entry at line 3" in text
    assert "domains.yaml:12:9: $.domains[3].id: the id 'children.care' does not start with its kind 'women.'" in text
    assert "domains.yaml:15:15: $.domains[3].aliases[0]: the name '妇女与健康' is also claimed by 'women.health'" in text


def test_same_alias_in_disjoint_kinds_is_allowed(tmp_path: Path) -> None:
    indicators = INDICATOR_OK + (
        "  - id: women_literacy\n"
        "    kind: women\n"
        "    name: 妇女健康素养水平\n"
        "    aliases: [健康素养水平]\n"
        "    domain: women.health\n"
        "    quantity: rate_percent\n"
        '    unit: "%"\n'
        "    better: higher\n"
        "    plausible: [0, 100]\n"
        "  - id: children_literacy\n"
        "    kind: children\n"
        "    name: 儿童健康素养水平\n"
        "    aliases: [健康素养水平]\n"
        "    domain: children.health\n"
        "    quantity: rate_percent\n"
        '    unit: "%"\n'
        "    better: higher\n"
        "    plausible: [0, 100]\n"
    )
    catalogue = load_catalogue(_rules(tmp_path, indicators=indicators))
    assert catalogue.match_indicator("健康素养水平") is None  # which kind?
    women = catalogue.match_indicator("健康素养水平", Kind.WOMEN)
    assert women is not None and women.id == "women_literacy"
    children = catalogue.match_indicator("健康素养水平", "children")
    assert children is not None and children.id == "children_literacy"


def test_a_count_matches_with_or_without_a_trailing_shu() -> None:
    catalogue = load_catalogue()
    assert catalogue.match_indicator("县级危重孕产妇救治中心", "women").id == "critical_maternal_care_centres_county"
    assert catalogue.match_indicator("县级危重孕产妇救治中心数", "women").id == "critical_maternal_care_centres_county"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("学前教育毛人园率", "学前教育毛入园率"),  # 人 for 入
        ("新生儿控视率", "新生儿访视率"),  # a typo seen in source documents: no alias, a near miss
        ("全县学前教育毛人园率", "学前教育毛入园率"),  # past a jurisdiction-wide prefix
        ("适龄妇女宫颈癌和乳腺癌筛查覆盍率", "适龄妇女宫颈癌和乳腺癌筛查覆盖率"),  # from the corpus
        ("孕产妇死忘率", "孕产妇死亡率"),
    ],
)
def test_near_misses_are_found(catalogue: Catalogue, written: str, meant: str) -> None:
    assert catalogue.match_indicator(written) is None
    near = catalogue.near_miss(written)
    assert near is not None and near.indicator is not None and near.names == [meant]


@pytest.mark.parametrize(
    "written",
    [
        "幼儿死亡率",  # 幼 for 婴: another population
        "孕妇死亡率",  # 产 dropped: a distinctive character
        "儿童活动中心达标率",  # 达标 for 覆盖: two characters side by side are another word
        "儿童基本医疗保险参保率",  # 儿童 for 妇女
        "新生儿死亡数",  # a count, not the rate
        "产前筛查",  # too short for a near miss after the rate is dropped
    ],
)
def test_other_indicators_are_not_near_misses(catalogue: Catalogue, written: str) -> None:
    if catalogue.match_indicator(written) is None:
        assert catalogue.near_miss(written) is None


def test_every_real_target_is_plausible(catalogue: Catalogue) -> None:
    """The lower ends of the plausible ranges (issue 11) leave every target of the real plans plausible."""
    import glob

    from compliance.loading.plans import load_plan
    from compliance.units import normalise_unit

    root = Path(__file__).resolve().parent.parent
    stated: list[tuple[str, str, str | None, str, str]] = []
    for file in sorted(glob.glob(str(root / "reference_targets" / "**" / "*.yaml"), recursive=True)) + sorted(
        glob.glob(str(root / "examples" / "plans" / "*.yaml"))
    ):
        plan = load_plan(file)
        for target in plan.targets:
            value = target.target
            if value.value is not None and value.unit and not value.op.is_relative:
                stated.append((file, target.indicator, plan.plan.kind.value, str(value.value), value.unit))
    for file in sorted((root / "tests" / "data" / "gold").glob("*.json")):
        gold = json.loads(file.read_text(encoding="utf-8"))
        for entry in gold["targets"]:
            if entry.get("value") is not None and entry.get("unit") and not str(entry.get("comparator")).startswith("rel"):
                stated.append((file.name, entry["indicator"], gold.get("kind"), str(entry["value"]), normalise_unit(entry["unit"])))
    assert len(stated) > 300
    wrong = []
    for file, name, kind, value, unit in stated:
        indicator = catalogue.match_indicator(name, kind)
        if indicator is None:
            continue
        try:
            plausible = indicator.is_plausible(value, unit)
        except UnitError:
            continue  # a unit slip is the unit-mismatch rule's
        if not plausible:
            wrong.append((file, name, value, unit))
    assert wrong == []


@pytest.mark.parametrize(
    ("indicator_id", "value", "unit"),
    [("myopia_primary", "38", "‰"), ("preschool_gross_enrolment", "90", "‰"), ("immunisation_coverage", "90", "‰")],
)
def test_percent_written_as_per_mille_is_implausible(catalogue: Catalogue, indicator_id: str, value: str, unit: str) -> None:
    indicator = catalogue.indicator(indicator_id)
    assert not indicator.is_plausible(value, unit) and indicator.is_plausible(value, "%")


def test_a_share_written_part_of_whole_matches_the_share_written_whole_first(catalogue: Catalogue) -> None:
    """女性占城镇单位就业人员的比例 is 城镇单位就业人员中的女性比例 (share_of_whole); the part's ending that repeats the
    whole's (女性就业人员 of 全部就业人员) and the whole's opener 全部 are dropped; a name without 占 is unchanged."""
    urban = catalogue.match_indicator("城镇单位就业人员中的女性比例", "women")
    employed = catalogue.match_indicator("就业人员中的女性比例", "women")
    assert urban is not None and employed is not None and urban != employed
    assert catalogue.match_indicator("女性占城镇单位就业人员的比例", "women") == urban
    assert catalogue.match_indicator("女性就业人员占全部就业人员的比例", "women") == employed
    assert catalogue.share_rules.turned("女性占比") is None
