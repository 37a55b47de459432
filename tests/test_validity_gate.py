"""The validity gate (jsonschema-rs) in front of jsonschema never lets through what jsonschema refuses.

compliance/loading/validate.py asks the compiled validator first and trusts
only its yes; these tests hold it to jsonschema on every file of the
repository and on mutated plans, and check that the pure-Python path (no
jsonschema-rs) reports exactly the same problems.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from jsonschema import Draft202012Validator

from compliance.loading import validate as validation
from compliance.loading.plans import SCHEMA_PATH
from compliance.loading.yamlfile import read_yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN_FILES = sorted(
    p
    for folder in ("examples/plans", "reference_targets", "tests/broken", "tests/plans", "tests/counties/plans")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".yaml", ".yml", ".json")
)


def _data(path: Path) -> object:
    try:
        return read_yaml(path).data
    except Exception:  # noqa: BLE001 - a file the reader refuses never reaches validation
        return None


def _jsonschema_valid(data: object) -> bool:
    return not any(Draft202012Validator(validation.load_schema(SCHEMA_PATH)).iter_errors(data))


def test_the_gate_is_there() -> None:
    """jsonschema-rs is a dependency: without it the gate would silently be the slow path."""
    assert validation._gate(SCHEMA_PATH) is not None


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_gate_agrees_with_jsonschema(path: Path) -> None:
    data = _data(path)
    if data is None:
        pytest.skip("not readable as YAML (the reader reports it)")
    assert validation.plainly_valid(data, SCHEMA_PATH) == _jsonschema_valid(data)


def test_a_broken_file_gives_the_same_problems_without_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """COMPLIANCE_PURE_PYTHON (or no jsonschema-rs): jsonschema alone, the same words at the same places."""
    documents = []
    for path in PLAN_FILES:
        try:
            documents.append(read_yaml(path))
        except Exception:  # noqa: BLE001
            continue
    with_gate = [validation.validate(d, SCHEMA_PATH) for d in documents]
    assert any(with_gate), "some files of tests/broken are invalid"
    monkeypatch.setenv("COMPLIANCE_PURE_PYTHON", "1")
    validation._GATES.clear()
    try:
        assert validation._gate(SCHEMA_PATH) is None
        assert [validation.validate(d, SCHEMA_PATH) for d in documents] == with_gate
    finally:
        monkeypatch.delenv("COMPLIANCE_PURE_PYTHON")
        validation._GATES.clear()


_BASE = read_yaml(ROOT / "examples" / "plans" / "xinping-women-2021-2030.yaml").data
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6), st.just([]), st.just({}), st.just(["a"]), st.just({"op": ">="}),
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found.extend(_paths(value, (*prefix, index)))
    return found


_ALL_PATHS = _paths(_BASE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(_ALL_PATHS), st.sampled_from(["set", "delete", "add"]), _VALUES), min_size=1, max_size=3
    )
)
def test_gate_agrees_on_mutated_plans(edits: list) -> None:
    """A plan with a value replaced, a field deleted or an unknown field added: the gate and jsonschema agree."""
    data = copy.deepcopy(_BASE)
    for path, action, value in edits:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if action == "set":
                parent[path[-1]] = value
            elif action == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif action == "add" and isinstance(parent[path[-1]], dict):
                parent[path[-1]]["unknown_field"] = value
        except (KeyError, IndexError, TypeError):
            continue
    assert validation.plainly_valid(data, SCHEMA_PATH) == _jsonschema_valid(data)


# --- what earlier runs found valid is remembered by content, and only a yes ---


def test_valid_data_is_remembered_by_its_content_and_an_edited_copy_is_judged_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.cache import KeptResults

    monkeypatch.setattr(validation, "_KNOWN_VALID", KeptResults("valid-data-test"))
    monkeypatch.setattr(validation._KNOWN_VALID, "_kept", {})  # nothing kept by earlier runs
    asked: list[object] = []
    real = validation.plainly_valid
    monkeypatch.setattr(validation, "plainly_valid", lambda data, schema: asked.append(data) or real(data, schema))
    monkeypatch.setattr(validation, "_GATES", {})  # a cold process: no validator compiled yet
    document = read_yaml(ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml")
    assert validation.validate(document, SCHEMA_PATH) == []
    validation._GATES.clear()  # the next run, as cold
    assert validation.validate(document, SCHEMA_PATH) == [] and len(asked) == 1  # the second time: remembered

    broken = copy.deepcopy(document)
    broken.data["targets"][0]["target"] = {"op": "at-least-ish", "value": 1}
    validation._GATES.clear()
    problems = validation.validate(broken, SCHEMA_PATH)
    assert problems and len(asked) == 2  # edited: walked again, and its problems worded
    assert validation.validate(broken, SCHEMA_PATH) == problems and len(asked) == 3  # a no is never remembered


def test_equal_data_of_other_types_has_another_digest() -> None:
    """1 and 1.0, True and "True", a date and its text: different files, so never one digest."""
    import datetime

    pairs = [({"v": 1}, {"v": 1.0}), ({"v": True}, {"v": "True"}), ({"d": datetime.date(2025, 1, 1)}, {"d": "2025-01-01"})]
    for one, other in pairs:
        assert validation._digest(one, SCHEMA_PATH) != validation._digest(other, SCHEMA_PATH)


def test_a_second_cold_check_of_an_unchanged_plan_does_not_load_the_compiled_validator(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    plan = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"
    script = (
        "import sys; from compliance.cli import main\n"
        f"try:\n    main(['check', {str(plan)!r}])\nexcept SystemExit:\n    pass\n"
        "print('jsonschema_rs' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "COMPLIANCE_CACHE_DIR": str(tmp_path)}
    env.pop("COMPLIANCE_PURE_PYTHON", None)
    loaded = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env).stderr.split()[-1]
        for _ in range(2)
    ]
    assert loaded == ["True", "False"]


def test_once_the_gate_is_compiled_it_answers_without_a_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch validates thousands of plans: the compiled validator is cheaper than the digest of each plan's data."""
    if validation._gate(SCHEMA_PATH) is None:
        pytest.skip("no compiled validator here")
    digests: list[object] = []
    real = validation._digest
    monkeypatch.setattr(validation, "_digest", lambda data, schema: digests.append(data) or real(data, schema))
    document = read_yaml(ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml")
    assert validation.validate(document, SCHEMA_PATH) == [] and digests == []
    broken = copy.deepcopy(document)
    broken.data["targets"][0]["target"] = {"op": "at-least-ish", "value": 1}
    assert validation.validate(broken, SCHEMA_PATH) and digests == []  # a no is worded by jsonschema, never kept
