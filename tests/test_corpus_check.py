"""`compliance check` straight from each corpus document, with no options (issue 8).

1. No `missing-indicator` for an indicator the document states: every indicator
   of the document's gold labels (unmasked where the gold's note gives the reading
   of a masked name) that the catalogue knows is found in the extracted plan.
2. The planted slips are found: ‰ written as % (a value ten times too large,
   implausible), and values weaker than the encoded parent (the national outline,
   嘉兴市's plan for 桐乡).
3. Metadata: every document gives plans with their kind, level, jurisdiction and
   period as the gold says, so each is checked against the right parents.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from compliance.catalogue import load_catalogue
from compliance.checking import check
from compliance.extraction import extract

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
DOCUMENTS = sorted((CORPUS / "docs").iterdir())

# (document, rule, indicator id): the slips planted in the corpus (its README), as the checker must report them
PLANTED = [
    ("balikun-county-children-2021-2025-vendor-news.txt", "implausible-value", "under5_mortality"),  # 8% for 8‰
    ("eshan-county-children-2021-2030-wenku.txt", "implausible-value", "under5_mortality"),  # (%) for a ‰ row
    ("lincang-city-children-2021-2030.xlsx", "implausible-value", "infant_mortality"),  # ≤4.5% in a ‰ row
    ("balikun-county-children-2021-2025-vendor-news.txt", "weaker-threshold", "neonatal_mortality"),
    ("tongxiang-city-children-2021-2025.html", "weaker-threshold", "myopia_overall"),  # <54 against 嘉兴's <53
    ("tongxiang-city-children-2021-2025.html", "weaker-threshold", "senior_secondary_gross_enrolment"),  # ≥98 vs ≥99
    ("yuanyang-county-women-2021-2030-scan-ocr.txt", "weaker-threshold", "maternal_mortality"),  # 15/10万
    ("yuanyang-county-women-2021-2030-scan-ocr.txt", "weaker-threshold", "female_share_senior_professionals"),  # 35%
]


@cache
def _golds() -> dict[tuple[str, str], dict]:
    golds = {}
    for path in (CORPUS / "gold").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        golds[(Path(data["source_file"]).name, data["kind"])] = data
    return golds


@cache
def _reports(name: str) -> list:
    return [check(plan) for plan in extract(CORPUS / "docs" / name)]


def _stated(gold: dict) -> dict[str, str]:
    """The catalogue ids of the indicators the document states, with the gold's name for each."""
    catalogue = load_catalogue()
    stated = {}
    for target in gold["targets"]:
        name = target["indicator"]
        unmasked = re.search(r"unmasked: (\S+)", target.get("note", ""))
        if unmasked:
            name = unmasked.group(1)
        indicator = catalogue.match_indicator(name, gold["kind"])
        if indicator is not None:
            stated[indicator.id] = name
    return stated


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name.split("-")[0])
def test_no_missing_indicator_for_an_indicator_the_document_states(document: Path) -> None:
    reports = _reports(document.name)
    assert reports
    for report in reports:
        gold = _golds()[(document.name, str(report.plan.plan.kind))]
        stated = _stated(gold)
        wrong = [
            f"{finding.indicator} ({stated[finding.indicator]})"
            for finding in report.findings
            if finding.rule == "missing-indicator" and finding.indicator in stated
        ]
        assert not wrong, f"{document.name}: missing-indicator for indicators it states: {wrong}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name.split("-")[0])
def test_each_plan_is_checked_as_what_it_is(document: Path) -> None:
    for report in _reports(document.name):
        info = report.plan.plan
        gold = _golds()[(document.name, str(info.kind))]
        got = (str(info.level), list(info.jurisdiction), list(info.period or ()))
        assert got == (gold["level"], gold["jurisdiction"], gold["period"]), document.name
        assert not info.missing
        assert report.references and report.references[0].plan.plan.level.value == "national"
        assert info.is_news_summary == (gold.get("document_type") == "news_summary")


@pytest.mark.parametrize(("document", "rule", "indicator"), PLANTED, ids=[f"{d.split('-')[0]}-{i}" for d, _, i in PLANTED])
def test_the_planted_slips_are_found(document: str, rule: str, indicator: str) -> None:
    found = [(f.rule, f.indicator) for report in _reports(document) for f in report.findings]
    assert (rule, indicator) in found, f"{document}: no {rule} for {indicator} among {sorted(set(found))}"
