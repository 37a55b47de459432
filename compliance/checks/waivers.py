"""Waiver rules: the waivers file itself, so that accepted findings do not rot.

A waiver (compliance.acceptance) accepts a finding on purpose, with a reason and
who approved it. These rules report a waiver that has expired, and one that no
longer matches anything. The findings are made where the waivers are applied
(compliance.acceptance.waivers); the rules are here so that they are listed,
documented, selected and given severities like every other rule.
"""

from __future__ import annotations

from compliance.checks.base import Rule


class ExpiredWaiver(Rule):
    """A waiver whose expiry date has passed: the findings it accepted count again.

    ## Why it matters
    A waiver is granted for a time (暂按95%执行 until the next plan revision). Once
    it expires, the plan must meet the requirement or the waiver be renewed by
    whoever approves it; an expired waiver that still silenced the finding would
    turn a temporary exception into a permanent one.

    ## Example
    A waiver with `expires: 2022-12-31`, checked in 2025, fails (and the finding
    it named is reported as if it had no waiver); one with `expires: 2099-12-31`,
    or with no expiry, passes.
    """

    name = "expired-waiver"
    family = "waivers"


class UnusedWaiver(Rule):
    """A waiver that matches no finding of the plan it names.

    ## Why it matters
    The plan was corrected, the indicator renamed or the reference changed: the
    waiver accepts nothing any more. Left in place it would silently accept the
    next, different problem with the same rule and indicator. Like ruff's
    unused-noqa (RUF100), it is reported so that it is removed. Only waivers of
    plans in the run, and of rules that run, are judged.

    ## Example
    A waiver for weaker-threshold on 艾滋病母婴传播率 of a plan that now sets 2%
    (no finding) fails; the same waiver while the plan sets 3% passes.
    """

    name = "unused-waiver"
    family = "waivers"
