"""The budgeted fuzz campaign (fixed seed, a couple of minutes): the invariants of tests/fuzz/campaign.py.

The long run is `python bench/fuzz.py --examples 100000`. FUZZ_EXAMPLES=N
scales this run (the number of parser examples; the others in proportion).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import campaign
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BUDGET = int(os.environ.get("FUZZ_EXAMPLES", "400"))


def budget(share: float) -> settings:
    return settings(
        max_examples=max(3, int(BUDGET * share)),
        derandomize=True,  # a fixed seed: CI fails or passes on the same inputs every run
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@budget(1.0)
@given(campaign.phrases())
def test_parse_returns_only_numbers_written_in_the_text(text: str) -> None:
    campaign.raise_on(campaign.check_phrase(text), text)


@budget(0.01)
@given(campaign.long_lines())
def test_parse_time_is_linear(unit: str) -> None:
    campaign.raise_on(campaign.check_linear(unit), unit)


@budget(0.25)
@given(campaign.plan_texts())
def test_the_loader_raises_only_positioned_input_errors(case: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        campaign.raise_on(campaign.check_plan_file(*case, Path(folder)), case)


@budget(0.1)
@given(campaign.documents())
def test_extraction_accounts_for_every_number_of_a_target_section(case: tuple[str, str, list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        campaign.raise_on(campaign.check_document(*case, Path(folder)), case)


@budget(0.05)
@given(campaign.command_lines(), campaign.plan_texts(), campaign.documents(), st.data())
def test_no_command_fails_internally_or_changes_a_users_file(command, plan, document, data) -> None:
    arguments, _ = command
    with tempfile.TemporaryDirectory() as folder:
        campaign.raise_on(campaign.check_command(arguments, plan, document[:2], Path(folder)), arguments)
