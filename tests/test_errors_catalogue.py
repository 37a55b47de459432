"""The catalogue of bad inputs (tests/errors/cases.yaml, docs/errors.md): each message exactly as the user sees it.

Every case runs through the CLI in a fresh folder, in Chinese: its exit code and
whole output are asserted, no file of the folder changes, and docs/errors.md is
the page generated from the cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "errors"))
import catalogue  # noqa: E402

SHARED, CASES = catalogue.load()


def test_the_catalogue_has_at_least_40_cases_each_with_a_message() -> None:
    assert len(CASES) >= 40
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "two cases share an id"
    missing = [case["id"] for case in CASES if not case.get("message") or "exit" not in case]
    assert not missing, f"cases without message or exit (python tests/errors/catalogue.py prints them): {missing}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_each_bad_input_gets_its_message(case: dict) -> None:
    code, output, before, after = catalogue.run(case, SHARED)
    assert output == case["message"], f"{case['id']}: the message changed; update tests/errors/cases.yaml"
    assert code == case["exit"]
    assert "internal error" not in output and "Traceback" not in output
    assert after == before, "a bad input must leave every file as it was"


def test_docs_errors_md_is_generated_from_the_cases() -> None:
    assert catalogue.PAGE.read_text(encoding="utf-8") == catalogue.markdown(SHARED, CASES), (
        "docs/errors.md is out of date: python tests/errors/catalogue.py --write"
    )
