"""A finding's identity across runs: rule, plan, what it is about, and the reference it was compared with.

Lines are left out on purpose: a baseline or a code-scanning fingerprint must
survive edits elsewhere in the plan file. What a finding is about is its
indicator (catalogue id when known, so a renamed wording stays the same
finding), else its domain, else the reference plan it concerns.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from compliance.checks import Finding
from compliance.model import Plan


@dataclass(frozen=True, order=True)
class FindingKey:
    """What makes a finding the same finding in another run."""

    rule: str
    plan: str  # the plan file relative to the root, or jurisdiction:kind for a plan without a file
    subject: str  # indicator id or name, domain, or reference plan; "" for a finding about the whole plan
    reference: str  # the reference plan's title, or ""

    def digest(self, occurrence: int = 0) -> str:
        """A short stable hash: the same finding has the same digest in every run and on every machine."""
        text = "\x1f".join((self.rule, self.plan, self.subject, self.reference, str(occurrence)))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def plan_label(plan: Plan, root: Path | None = None) -> str:
    """How a plan is named in a baseline or a fingerprint: its file relative to `root` (POSIX), else place:kind."""
    if plan.path is not None:
        return relative_path(Path(plan.path), root)
    return "/".join(plan.plan.jurisdiction) + ":" + (plan.plan.kind.value if plan.plan.kind else "unknown")


def relative_path(path: Path, root: Path | None = None) -> str:
    root = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def subject(finding: Finding) -> str:
    if finding.indicator or finding.indicator_name:
        return str(finding.indicator or finding.indicator_name)
    if finding.domain:
        return finding.domain
    if finding.reference_plan is not None:
        return finding.reference_plan.plan.plan.title
    return ""


def reference_title(finding: Finding) -> str:
    if finding.reference is not None:
        return finding.reference.source.plan.plan.title
    if finding.reference_plan is not None:
        return finding.reference_plan.plan.plan.title
    return ""


def finding_key(finding: Finding, plan: Plan, root: Path | None = None, *, label: str | None = None) -> FindingKey:
    """The key of `finding`; `label` is the plan's `plan_label` when the caller has it already."""
    return FindingKey(finding.rule, label or plan_label(plan, root), subject(finding), reference_title(finding))


def fingerprints(findings: Iterable[Finding], plan: Plan, root: Path | None = None) -> list[str]:
    """One stable fingerprint per finding; identical keys are told apart by their order of occurrence."""
    seen: Counter[FindingKey] = Counter()
    result = []
    label = plan_label(plan, root)
    for finding in findings:
        key = finding_key(finding, plan, label=label)
        result.append(key.digest(seen[key]))
        seen[key] += 1
    return result
