"""Reference plans: jurisdiction aliases, ancestors, user references winning over bundled ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.errors import InputError
from compliance.loading.plans import loads_plan
from compliance.catalogue.places import gazetteer
from compliance.references import ReferenceLibrary


def plan_text(title: str, kind: str, level: str, jurisdiction: list[str], targets: str = "") -> str:
    return (
        "format: compliance-plan/1\n"
        "plan:\n"
        f"  title: {title}\n  kind: {kind}\n  level: {level}\n"
        f"  jurisdiction: [{', '.join(jurisdiction)}]\n  period: [2021, 2025]\n"
        + (f"targets:\n{targets}" if targets else "")
    )


ONE_TARGET = "  - {indicator: 孕产妇死亡率, target: {op: '<=', value: 12, unit: '1/10万'}}\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    root = tmp_path / "refs"
    write(root, "national/women.yaml", plan_text("全国妇女", "women", "national", [], ONE_TARGET))
    write(root, "national/children.yaml", plan_text("全国儿童", "children", "national", [], ONE_TARGET))
    write(root, "shandong/women.yaml", plan_text("山东妇女", "women", "provincial", ["山东省"]))
    write(root, "shandong/jinan/women.yaml", plan_text("济南妇女", "women", "municipal", ["山东省", "济南市"]))
    write(root, "shandong/zaozhuang/women.yaml", plan_text("枣庄妇女", "women", "municipal", ["山东", "枣庄市"]))
    write(root, "zhejiang/women.yaml", plan_text("浙江妇女", "women", "provincial", ["浙江"]))
    return root


def library(*roots: Path) -> ReferenceLibrary:
    return ReferenceLibrary.load(roots, bundled=False)


def titles(references: list) -> list[str]:
    return [r.plan.plan.title for r in references]


def test_gazetteer_aliases_and_suffixes() -> None:
    places = gazetteer()
    assert places.same_place(["浙江"], ["浙江省"])
    assert places.same_place(["云南省", "玉溪市", "新平县"], ["云南省", "玉溪市", "新平彝族傣族自治县"])
    assert places.same_place(["新疆"], ["新疆维吾尔自治区"])
    assert not places.same_place(["山东省", "济南市", "市中区"], ["山东省", "枣庄市", "市中区"])
    assert places.normalise(["嘉兴市"]) == ("浙江省", "嘉兴市")  # completed upwards
    assert places.normalise(["某某县"]) == ("某某县",)  # unknown: kept as written


def test_ancestors_are_same_kind_higher_level_containing_jurisdiction(refs: Path) -> None:
    county = loads_plan(plan_text("市中区妇女", "women", "county", ["山东省", "济南市", "市中区"]))
    assert titles(library(refs).ancestors(county)) == ["全国妇女", "山东妇女", "济南妇女"]


def test_shizhong_of_zaozhuang_is_not_shizhong_of_jinan(refs: Path) -> None:
    county = loads_plan(plan_text("市中区妇女", "women", "county", ["山东", "枣庄", "市中区"]))
    assert titles(library(refs).ancestors(county)) == ["全国妇女", "山东妇女", "枣庄妇女"]


def test_children_plan_gets_only_children_ancestors(refs: Path) -> None:
    county = loads_plan(plan_text("市中区儿童", "children", "county", ["山东省", "济南市", "市中区"]))
    assert titles(library(refs).ancestors(county)) == ["全国儿童"]


def test_a_municipal_plan_has_no_municipal_ancestor(refs: Path) -> None:
    city = loads_plan(plan_text("济南妇女", "women", "municipal", ["山东省", "济南市"]))
    assert titles(library(refs).ancestors(city)) == ["全国妇女", "山东妇女"]


def test_user_reference_wins_over_bundled_for_the_same_document(refs: Path, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine", "sd.yaml", plan_text("山东妇女（官方文本）", "women", "provincial", ["山东"], ONE_TARGET))
    both = library(refs, mine)
    county = loads_plan(plan_text("市中区妇女", "women", "county", ["山东省", "济南市", "市中区"]))
    assert titles(both.ancestors(county)) == ["全国妇女", "山东妇女（官方文本）", "济南妇女"]
    assert both.find("sd").origin == "user"


def test_targets_encoded_flag(refs: Path) -> None:
    lib = library(refs)
    assert lib.find("national/women").targets_encoded
    assert not lib.find("shandong/women").targets_encoded


def test_find_by_title_and_unknown(refs: Path) -> None:
    lib = library(refs)
    assert lib.find("济南妇女").id == "shandong/jinan/women"
    with pytest.raises(InputError, match="no such reference plan"):
        lib.find("nothing")


def test_a_broken_reference_file_is_reported_with_its_position(refs: Path) -> None:
    write(refs, "broken.yaml", "format: compliance-plan/1\nplan: {title: x}\n")
    with pytest.raises(InputError) as caught:
        library(refs)
    assert caught.value.problems[0].file.endswith("broken.yaml")
    assert caught.value.problems[0].line == 2


def test_environment_variable_and_config_file(refs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """references = [...] of compliance.toml (relative to its folder), then COMPLIANCE_REF: both are used, in that order."""
    from compliance.config import load_settings

    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / "compliance.toml").write_text('references = ["my-refs"]\n', encoding="utf-8")
    monkeypatch.setenv("COMPLIANCE_REF", str(refs))
    assert load_settings(cwd=project / "sub").references == [project / "my-refs", refs]
    (project / "compliance.toml").write_text("references = 3\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a list"):
        load_settings(cwd=project)


def test_bundled_references_are_built_only_when_a_check_needs_them() -> None:
    from compliance.loading.plans import load_plan

    library = ReferenceLibrary.load()
    assert library.entries and all(entry.reference is None for entry in library.entries)
    plan = load_plan(Path(__file__).parent.parent / "examples" / "plans" / "xinping-women-2021-2030.yaml")
    ancestors = library.ancestors(plan)
    built = [entry.id for entry in library.entries if entry.reference is not None]
    assert sorted(built) == sorted(reference.id for reference in ancestors)


def test_a_users_broken_reference_is_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path / "mine", "bad.yaml", plan_text("我的", "women", "provincial", ["山东省"], "  - {indicator: x, target: {op: '=<', value: 1, unit: '%'}}\n"))
    with pytest.raises(InputError, match="not a valid op"):
        ReferenceLibrary.load([tmp_path / "mine"])
