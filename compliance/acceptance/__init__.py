"""Accepting findings on purpose: waivers (with reasons) and the baseline (findings known before).

The stage after the check: `accept(reports, settings)` marks the findings a
waiver or the baseline accepts (`Finding.accepted`), adds the waivers' own
findings (expired-waiver, unused-waiver), and says what is worth a note. An
accepted finding stays in every report, with its own tally, and never counts
against the exit code.

- `identity`: a finding's identity across runs (rule, plan, indicator, reference; no line).
- `waivers`: the waivers file (compliance-waivers/1) and applying it.
- `baseline`: writing and applying a baseline (compliance-baseline/1).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.acceptance.baseline import (
    Baseline,
    BaselineMatcher,
    BaselineRecorder,
    apply_baseline,
    load_baseline,
    write_baseline,
)
from compliance.acceptance.waivers import Waiver, Waivers, apply_waivers, load_waivers, parse_waivers

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.config import Settings


class AcceptanceStage:
    """The acceptance stage of a run: each report through the waivers, then the baseline; notes at the end.

        stage = AcceptanceStage(settings, write_to="compliance-baseline.json")  # files read (and checked) here
        for report in reports:
            stage.add(report)       # before the report is written
        notes = stage.finish()      # writes the baseline, says what is stale

    Writing a baseline records today's findings (not waived ones) and accepts
    them at once, so the run that writes it passes unless a waiver is expired.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        write_to: Path | str | None = None,
        force: bool = False,
        inputs: Iterable[Path | str] = (),
        today: date | None = None,
    ) -> None:
        self.today = today
        self.waivers = load_waivers(settings.waivers) if settings.waivers is not None else None
        self.recorder = BaselineRecorder(write_to, force=force, inputs=inputs) if write_to is not None else None
        self.baseline_file = settings.baseline
        self.matcher = (
            BaselineMatcher(load_baseline(settings.baseline))
            if settings.baseline is not None and self.recorder is None
            else None
        )

    @property
    def active(self) -> bool:
        """Does this stage change or record reports (waivers, a baseline to apply or to write)?"""
        return self.waivers is not None or self.recorder is not None or self.matcher is not None

    def add(self, report: Report) -> None:
        if self.waivers is not None:
            apply_waivers([report], self.waivers, self.today)
        if self.recorder is not None:
            self.recorder.add(report)
        elif self.matcher is not None:
            self.matcher.add(report)

    def finish(self) -> list[str]:
        from compliance.messages import text

        notes = []
        if self.recorder is not None:
            count = self.recorder.write()
            notes.append(text("baseline.written", count=count, file=self.recorder.path))
        elif self.matcher is not None and self.matcher.stale():
            notes.append(text("baseline.stale", count=self.matcher.stale(), file=self.baseline_file))
        return notes


def accept(
    reports: Sequence[Report],
    settings: Settings,
    *,
    write_to: Path | str | None = None,
    today: date | None = None,
) -> list[str]:
    """Apply the acceptance stage to `reports` at once; the notes for the user."""
    stage = AcceptanceStage(settings, write_to=write_to, today=today)
    for report in reports:
        stage.add(report)
    return stage.finish()


__all__ = [
    "AcceptanceStage",
    "Baseline",
    "Waiver",
    "Waivers",
    "accept",
    "apply_baseline",
    "apply_waivers",
    "load_baseline",
    "load_waivers",
    "parse_waivers",
    "write_baseline",
]
