"""Every report of the examples, the corpus and the county plans is byte-identical to the recorded one.

The records in tests/outputs/expected/ were made by tests/outputs/make_expected.py
on main before the speed work of issue 12 (start-up caches, the validity gate,
parallel batches): being faster must not change a byte of any report, in any
format, of a single plan or of a batch. A deliberate change of output
regenerates them (`python tests/outputs/make_expected.py`) so the diff shows it.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("make_expected", Path(__file__).parent / "outputs" / "make_expected.py")
assert _spec and _spec.loader
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)

CASES = make_expected.cases()


@pytest.fixture(scope="module")
def records() -> dict[str, bytes]:
    """Every case run once, as many at a time as there are cores."""
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryDirectory() as home:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            data = pool.map(lambda case: make_expected.run_case(case[1], Path(scratch) / case[0], home), CASES)
            return {name: record for (name, _), record in zip(CASES, data, strict=True)}


@pytest.mark.parametrize("name", [name for name, _ in CASES])
def test_output_is_unchanged(name: str, records: dict[str, bytes]) -> None:
    expected = (make_expected.EXPECTED / make_expected.record_name(name)).read_bytes()
    if records[name] != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(),
            records[name].decode("utf-8", "replace").splitlines(),
            "expected",
            "now",
            lineterm="",
            n=1,
        )
        pytest.fail(f"`compliance check {' '.join(dict(CASES)[name])}` changed:\n" + "\n".join(list(diff)[:60]))


def test_every_record_has_a_case() -> None:
    """A case removed from the script leaves no stale record behind."""
    names = {make_expected.record_name(name) for name, _ in CASES} | {"cases.json"}
    assert {path.name for path in make_expected.EXPECTED.iterdir()} == names
