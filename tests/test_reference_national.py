"""The national reference outlines and the parent stubs, held to the reference notes.

`tests/data/national_notes_numbers.yaml` is a hand transcription of every number
the reference notes give for the two national outlines (2021–2030 targets and
the preface's 2020 baselines). The encoded outlines must hold exactly those
numbers, with the notes' comparators, units and verified flags: nothing lost,
nothing recalled from elsewhere.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.loading.plans import load_plan
from compliance.loading.yamlfile import read_yaml
from compliance.model import Kind, Level, Op, Plan
from compliance.resources import reference_dir
from compliance.units import normalise_unit

REFERENCE = reference_dir()
NUMBERS = Path(__file__).parent / "data" / "national_notes_numbers.yaml"

NATIONAL = {
    "women": REFERENCE / "national" / "women-2021-2030.yaml",
    "children": REFERENCE / "national" / "children-2021-2030.yaml",
}

NATIONAL_DOMAINS = {
    "women": [
        "妇女与健康",
        "妇女与教育",
        "妇女与经济",
        "妇女参与决策和管理",
        "妇女与社会保障",
        "妇女与家庭建设",
        "妇女与环境",
        "妇女与法律",
    ],
    "children": [
        "儿童与健康",
        "儿童与安全",
        "儿童与教育",
        "儿童与福利",
        "儿童与家庭",
        "儿童与环境",
        "儿童与法律保护",
    ],
}

# path under reference_targets/ → (title, kind, level, jurisdiction, period, document number, verified)
PARENT_STUBS = {
    "zhejiang/women-2021-2025.yaml": (
        "浙江省妇女发展“十四五”规划", "women", "provincial", ["浙江省"], (2021, 2025), "浙政发〔2021〕18号", True,
    ),
    "zhejiang/children-2021-2025.yaml": (
        "浙江省儿童发展“十四五”规划", "children", "provincial", ["浙江省"], (2021, 2025), "浙政发〔2021〕18号", True,
    ),
    "zhejiang/huzhou/women-2021-2025.yaml": (
        "湖州市妇女发展“十四五”规划", "women", "municipal", ["浙江省", "湖州市"], (2021, 2025), "湖政发〔2021〕20号", True,
    ),
    "zhejiang/huzhou/children-2021-2025.yaml": (
        "湖州市儿童发展“十四五”规划", "children", "municipal", ["浙江省", "湖州市"], (2021, 2025), "湖政发〔2021〕20号", True,
    ),
    "yunnan/women-2021-2030.yaml": (
        "云南妇女发展规划（2021—2030年）", "women", "provincial", ["云南省"], (2021, 2030), None, True,
    ),
    "yunnan/children-2021-2030.yaml": (
        "云南儿童发展规划（2021—2030年）", "children", "provincial", ["云南省"], (2021, 2030), None, True,
    ),
    "yunnan/yuxi/women-2021-2030.yaml": (
        "玉溪妇女发展规划（2021—2030年）", "women", "municipal", ["云南省", "玉溪市"], (2021, 2030), None, False,
    ),
    "yunnan/yuxi/children-2021-2030.yaml": (
        "玉溪儿童发展纲要（2021—2030年）", "children", "municipal", ["云南省", "玉溪市"], (2021, 2030), None, False,
    ),
    "xinjiang/women-2021-2025.yaml": (
        "新疆维吾尔自治区妇女发展规划（2021—2025年）", "women", "provincial", ["新疆维吾尔自治区"], (2021, 2025), None, True,
    ),
    "xinjiang/children-2021-2025.yaml": (
        "新疆维吾尔自治区儿童发展规划（2021—2025年）", "children", "provincial", ["新疆维吾尔自治区"], (2021, 2025), None, True,
    ),
    "xinjiang/hami/children-2021-2025.yaml": (
        "哈密市儿童发展规划（2021—2025年）", "children", "municipal", ["新疆维吾尔自治区", "哈密市"], (2021, 2025), None, False,
    ),
    "shandong/women-2021-2025.yaml": (
        "山东省“十四五”妇女发展规划", "women", "provincial", ["山东省"], (2021, 2025), None, True,
    ),
    "shandong/children-2021-2025.yaml": (
        "山东省“十四五”儿童发展规划", "children", "provincial", ["山东省"], (2021, 2025), None, True,
    ),
    "shandong/jinan/women-2021-2025.yaml": (
        "济南市“十四五”妇女发展规划", "women", "municipal", ["山东省", "济南市"], (2021, 2025), None, True,
    ),
    "shandong/jinan/children-2021-2025.yaml": (
        "济南市“十四五”儿童发展规划", "children", "municipal", ["山东省", "济南市"], (2021, 2025), None, True,
    ),
}


def _national(kind: str) -> Plan:
    return load_plan(NATIONAL[kind])


def _numbers() -> list[dict]:
    return [dict(entry) for entry in read_yaml(NUMBERS).data["numbers"]]


def _key(kind: str, indicator: str, role: str, op: str, value: Decimal, unit: str, extra: int | None, verified: bool):
    """One number, comparable between the transcription and the encoded outline."""
    return (kind, indicator, role, op, value.normalize(), unit, extra, verified)


def _expected() -> Counter:
    keys = Counter()
    for entry in _numbers():
        extra = entry.get("base_year") if entry["role"] == "target" else entry.get("year")
        keys[
            _key(
                entry["kind"],
                entry["indicator"],
                entry["role"],
                entry["op"],
                Decimal(str(entry["value"])),
                normalise_unit(entry["unit"]),
                extra,
                entry["verified"],
            )
        ] += 1
    return keys


def _encoded() -> Counter:
    keys = Counter()
    for kind in NATIONAL:
        for target in _national(kind).targets:
            value = target.target
            if value.value is not None:
                keys[
                    _key(
                        kind,
                        target.indicator,
                        "target",
                        str(value.op),
                        value.value,
                        value.unit,
                        value.base_year,
                        target.verified,
                    )
                ] += 1
            base = target.baseline
            if base is not None and base.value is not None:
                keys[_key(kind, target.indicator, "baseline", "=", base.value, base.unit, base.year, base.verified)] += 1
    return keys


# --------------------------------------------------------------------------- every file


@pytest.mark.parametrize(
    "path",
    [*NATIONAL.values(), *(REFERENCE / p for p in PARENT_STUBS)],
    ids=lambda p: str(Path(p).relative_to(REFERENCE)),
)
def test_reference_file_passes_validation(path: Path) -> None:
    plan = load_plan(path)  # raises InputError listing every problem
    assert plan.path == path


# --------------------------------------------------------------------------- national outlines


@pytest.mark.parametrize("kind", sorted(NATIONAL))
def test_national_metadata(kind: str) -> None:
    info = _national(kind).plan
    assert info.title == f"中国{'妇女' if kind == 'women' else '儿童'}发展纲要（2021—2030年）"
    assert info.kind is Kind(kind)
    assert info.level is Level.NATIONAL
    assert info.jurisdiction == []
    assert info.period == (2021, 2030)
    assert info.document_number == "国发〔2021〕16号"
    assert info.targets_encoded is True


@pytest.mark.parametrize("kind", sorted(NATIONAL))
def test_national_domains_are_the_outlines_and_each_has_targets(kind: str) -> None:
    plan = _national(kind)
    assert plan.domains == NATIONAL_DOMAINS[kind]
    assert all(t.domain in plan.domains for t in plan.targets)
    assert {t.domain for t in plan.targets} == set(plan.domains)


@pytest.mark.parametrize("kind", sorted(NATIONAL))
def test_every_national_target_quotes_the_notes_and_says_whether_it_is_verified(kind: str) -> None:
    for target in _national(kind).targets:
        assert target.text and target.text.strip(), target.indicator
        assert target.verified is not None, target.indicator
        assert target.section == "main_targets", target.indicator
        assert target.line is None, f"{target.indicator}: no official text, so no line"
        if not target.verified:
            assert target.note, f"{target.indicator}: an unverified target says why in `note`"


@pytest.mark.parametrize("kind", sorted(NATIONAL))
def test_verified_numbers_have_evidence(kind: str) -> None:
    for target in _national(kind).targets:
        if target.target.is_numeric and target.verified:
            assert target.evidence, f"{target.indicator}: verified but no evidence"
            assert all(e.startswith("http") for e in target.evidence)
        if target.baseline is not None and target.baseline.verified:
            assert target.baseline.evidence, f"{target.indicator}: verified baseline without evidence"


def test_the_transcription_is_well_formed() -> None:
    numbers = _numbers()
    for entry in numbers:
        assert entry["kind"] in NATIONAL
        assert entry["role"] in ("target", "baseline")
        assert isinstance(entry["verified"], bool)
        if entry["op"].startswith("rel_"):
            assert entry.get("base_year")
    # 14 women's and 15 children's target values; 5 preface baselines (notes §0) and the addenda's
    # 2020 baselines (4 women's, 2 children's).
    roles = Counter((e["kind"], e["role"]) for e in numbers)
    assert roles == {
        ("women", "target"): 14,
        ("children", "target"): 15,
        ("children", "baseline"): 7,
        ("women", "baseline"): 4,
    }
    # ✅ values: 3 women's, 4 children's; every baseline but the derived 新生儿死亡率 3.4‰.
    assert Counter((e["kind"], e["role"]) for e in numbers if e["verified"]) == {
        ("women", "target"): 3,
        ("children", "target"): 4,
        ("children", "baseline"): 6,
        ("women", "baseline"): 4,
    }
    assert [e["indicator"] for e in numbers if e.get("derived")] == ["新生儿死亡率"]


def test_every_number_of_the_notes_is_encoded_as_the_notes_give_it() -> None:
    missing = _expected() - _encoded()
    assert not missing, f"numbers of the notes missing or with another op/unit/verified flag: {sorted(missing)}"


def test_no_other_number_is_encoded() -> None:
    extra = _encoded() - _expected()
    assert not extra, f"numbers that are not in the notes: {sorted(extra)}"
    for kind in NATIONAL:
        for target in _national(kind).targets:
            value = target.target
            assert value.value_max is None and value.ratio is None and not value.masked, target.indicator
            if value.op is Op.QUAL:
                assert value.direction is not None, target.indicator
            if target.baseline is not None:
                assert target.baseline.year == 2020, target.indicator


def test_baselines_sit_on_the_preface_and_addenda_indicators() -> None:
    with_baseline = {t.indicator: t.baseline for t in _national("children").targets if t.baseline is not None}
    assert set(with_baseline) == {
        "婴儿死亡率", "5岁以下儿童死亡率", "学前教育毛入园率", "义务教育巩固率", "高中阶段毛入学率",  # preface
        "0—6岁儿童眼保健和视力检查覆盖率", "新生儿死亡率",  # addendum
    }
    women = {t.indicator for t in _national("women").targets if t.baseline is not None}
    assert women == {"孕产妇死亡率", "妇女人均预期寿命", "就业人员中的女性比例", "村委会成员中女性比例"}


def test_a_derived_baseline_is_marked_derived_and_never_verified() -> None:
    derived = [
        (kind, t.indicator, t.baseline)
        for kind in NATIONAL
        for t in _national(kind).targets
        if t.baseline is not None and t.baseline.derived
    ]
    assert [(kind, name) for kind, name, _ in derived] == [("children", "新生儿死亡率")]
    (_, _, baseline), = derived
    assert baseline.verified is False and baseline.value == Decimal("3.4") and "derived" in (baseline.note or "")


# --------------------------------------------------------------------------- parent stubs


@pytest.mark.parametrize("relative", sorted(PARENT_STUBS))
def test_parent_stub_metadata_and_no_targets(relative: str) -> None:
    title, kind, level, jurisdiction, period, number, verified = PARENT_STUBS[relative]
    plan = load_plan(REFERENCE / relative)
    info = plan.plan
    assert (info.title, str(info.kind), str(info.level)) == (title, kind, level)
    assert info.jurisdiction == jurisdiction
    assert info.period == period
    assert info.document_number == number
    assert info.verified is verified
    if relative in NEWS_ONLY:
        assert info.targets_encoded is True  # what one news source quotes, each unverified (below)
    else:
        assert info.targets_encoded is False
        assert plan.targets == []
    assert info.note, "a stub says what is known and what is not"
    if verified:
        assert info.evidence and info.source is not None and info.source.url


# parents whose only known numbers come from a single secondary (news) source: the notes' addenda (§15)
NEWS_ONLY = {
    "xinjiang/women-2021-2025.yaml": [  # parent-plans.md §6b
        ("就业人员中女性比例", "~", Decimal("45"), "%", None, "就业人员女性比例保持在45%左右"),
        ("城镇单位就业人员中女性比例", "~", Decimal("40"), "%", None, "城镇单位就业人员中女性比例达到40%左右"),
    ],
    "yunnan/children-2021-2030.yaml": [  # parent-plans.md §4b (the legend reads 以下 as <=: see the entries' notes)
        ("省级危重新生儿救治中心数", ">=", Decimal("10"), "个", None, "省级至少有10个危重新生儿救治中心"),
        ("各州市县区达标危重新生儿救治中心", ">=", Decimal("1"), "个", None, "各州、市、县、区至少有1个危重新生儿救治中心达到国家建设标准要求"),
        ("新生儿死亡率", "<=", Decimal("2"), "‰", None, "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下"),
        ("婴儿死亡率", "<=", Decimal("3.5"), "‰", None, "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下"),
        ("5岁以下儿童死亡率", "<=", Decimal("5"), "‰", None, "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下"),
        ("每千名儿童拥有儿科执业(助理)医生", "=", Decimal("1.12"), "名/千人", None, "每千名儿童拥有儿科执业(助理)医生达到1.12名"),
        ("每所乡镇卫生院/社区卫生服务中心儿童保健医生", ">=", Decimal("2"), "名", None, "至少配备2名专业从事儿童保健的医生"),
        ("三级妇幼保健院开展中医药门诊服务比例", "=", Decimal("100"), "%", 2025, "到2025年,三级和二级妇幼保健院开展中医药门诊服务的比例分别达到100%和60%以上"),
        ("二级妇幼保健院开展中医药门诊服务比例", ">=", Decimal("60"), "%", 2025, "到2025年,三级和二级妇幼保健院开展中医药门诊服务的比例分别达到100%和60%以上"),
        ("每个州市托育服务指导中心", ">=", Decimal("1"), "个", None, "每个州、市至少建设1个托育服务指导中心"),
        ("每个县市区示范性综合托育机构", ">=", Decimal("1"), "个", None, "每个县、市、区至少建成1个示范性综合托育机构"),
        ("5岁以下儿童贫血患病率", "<=", Decimal("10"), "%", None, "5岁以下儿童贫血患病率和生长迟缓率分别控制在10%和5%以下"),
        ("5岁以下儿童生长迟缓率", "<=", Decimal("5"), "%", None, "5岁以下儿童贫血患病率和生长迟缓率分别控制在10%和5%以下"),
    ],
}


@pytest.mark.parametrize("relative", sorted(NEWS_ONLY))
def test_targets_known_from_one_news_source_are_encoded_unverified_with_it_as_evidence(relative: str) -> None:
    plan = load_plan(REFERENCE / relative)
    got = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year, t.text) for t in plan.targets]
    assert got == NEWS_ONLY[relative]
    for target in plan.targets:
        assert target.verified is False
        assert target.evidence and all(e.startswith("http") for e in target.evidence)
        assert "single secondary source" in (target.note or "")


def test_every_bundled_reference_says_when_its_numbers_were_last_checked() -> None:
    for path in sorted(REFERENCE.rglob("*.yaml")):
        stamp = load_plan(path).plan.last_verified
        assert stamp is not None, path
        assert len(stamp.date) == 10 and stamp.against, path


def test_only_verified_domain_lists_are_given() -> None:
    for relative in PARENT_STUBS:
        domains = load_plan(REFERENCE / relative).domains
        if relative == "xinjiang/children-2021-2025.yaml":
            assert domains == NATIONAL_DOMAINS["children"]
        else:
            assert domains == [], relative


def test_no_invented_womens_parent_for_hami() -> None:
    assert not (REFERENCE / "xinjiang" / "hami" / "women-2021-2025.yaml").exists()
