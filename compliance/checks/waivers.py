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

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "expired-waiver"
    family = "waivers"


class UnusedWaiver(Rule):
    """A waiver that matches no finding of the plan it names.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "unused-waiver"
    family = "waivers"
