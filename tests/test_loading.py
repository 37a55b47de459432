"""Loading plan files: valid files become Plans; every broken file gets a precise message."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import InputError
from compliance.loading.plans import load_plan, loads_plan
from compliance.model import Direction, Op

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
MINIMAL = HERE / "plans" / "minimal.yaml"


def test_minimal_plan_loads_with_normalised_units_and_positions() -> None:
    plan = load_plan(MINIMAL)
    assert plan.plan.title == "测试县妇女发展规划（2021—2025年）"
    assert plan.plan.period == (2021, 2025)
    maternal, employment, infant, life = plan.targets
    assert (maternal.target.op, maternal.target.value, maternal.target.unit) == (Op.LE, Decimal(8), "1/10万")
    assert (employment.target.op, employment.target.unit) == (Op.ABOUT, "%")
    assert infant.target.masked and infant.target.value is None
    assert life.target.direction is Direction.INCREASE
    assert life.baseline is not None and life.baseline.value == Decimal("82.5")
    assert maternal.position is not None and maternal.position.line == 11
    assert plan.target_year(maternal) == 2025


def test_json_and_yaml_give_the_same_plan(tmp_path: Path) -> None:
    from compliance.loading.yamlfile import read_yaml

    data = json.loads(json.dumps(read_yaml(MINIMAL).data))
    path = tmp_path / "minimal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_plan(path).model_dump(exclude={"targets"}) == load_plan(MINIMAL).model_dump(exclude={"targets"})
    assert [t.target for t in load_plan(path).targets] == [t.target for t in load_plan(MINIMAL).targets]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode(encoding))
    assert load_plan(path).plan.title == "测试县妇女发展规划（2021—2025年）"


def test_decimal_values_have_no_float_noise() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("value: 8,", "value: 0.85,")
    assert loads_plan(text).targets[0].target.value == Decimal("0.85")


# file → (line, column, JSON path, words the message must contain)
BROKEN_CASES = {
    "bad-yaml.yaml": (7, 9, None, "not valid YAML"),
    "binary.yaml": (3, 12, None, "control character or binary data"),
    "duplicate-key.yaml": (5, 3, None, "a key appears twice"),
    "masked-with-value.yaml": (10, 31, "$.targets[0].target.value", "masked target has no value"),
    "missing-field.yaml": (3, 3, "$.plan", "missing the required field 'kind'"),
    "missing-value.yaml": (10, 13, "$.targets[0].target", "missing the required field 'value'"),
    "not-a-mapping.yaml": (1, 1, "$", "the file must be a mapping"),
    "period-reversed.yaml": (7, 11, "$.plan.period", "the period ends (2021) before it starts (2025)"),
    "two-targets-in-phrase.yaml": (10, 13, "$.targets[0].target", "the phrase states 2 targets"),
    "unknown-field.yaml": (10, 5, "$.targets[0].traget", "did you mean 'target'?"),
    "unknown-op.yaml": (10, 18, "$.targets[0].target.op", "'=<' is not a valid op"),
    "unknown-unit.yaml": (13, 13, "$.targets[0].target.unit", "unknown unit '斤'"),
    "wrong-type.yaml": (7, 11, "$.plan.period", "period must be a list or empty (null), not '2021-2025'"),
}


def test_every_broken_file_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(BROKEN_CASES)


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_broken_file_is_rejected_with_a_precise_message(name: str) -> None:
    line, column, path, words = BROKEN_CASES[name]
    with pytest.raises(InputError) as caught:
        load_plan(BROKEN / name)
    matching = [p for p in caught.value.problems if words in str(p)]
    assert matching, f"no problem says {words!r}: {caught.value}"
    problem = matching[0]
    assert problem.file.endswith(name)
    assert (problem.line, problem.column) == (line, column), str(problem)
    if path is not None:
        assert problem.path == path
    assert str(problem).startswith(f"{problem.file}:{line}:{column}: ")


def test_missing_file_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_plan(tmp_path / "absent.yaml")
    draft = tmp_path / "draft.docx"
    draft.write_bytes(b"PK")
    with pytest.raises(InputError, match="extract it first"):
        load_plan(draft)


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(InputError) as caught:
        load_plan(BROKEN / "unknown-field.yaml")
    assert len(caught.value.problems) == 2  # the unknown field and the missing 'target'


# Arbitrary YAML: the loader may refuse it, but only with its own clear error.
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12)
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_plan_like = st.fixed_dictionaries(
    {"format": st.sampled_from(["compliance-plan/1", "x"]), "plan": _values},
    optional={"targets": st.lists(st.dictionaries(st.sampled_from(["indicator", "target", "domain", "x"]), _values))},
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(_values, _plan_like))
def test_loader_raises_only_input_errors_on_arbitrary_data(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False)
    try:
        loads_plan(text, "fuzz.yaml")
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_loader_raises_only_input_errors_on_arbitrary_text(text: str) -> None:
    try:
        loads_plan(text, "fuzz.yaml")
    except InputError as error:
        assert error.problems
