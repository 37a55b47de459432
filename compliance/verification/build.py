"""A reference plan from the official text of a higher-level plan, in one step (`compliance targets build`).

The document is extracted as any plan document is (`compliance.extraction.extract`,
every format it reads); each plan found becomes a reference plan file in the
bundled layout, every target with the sentence it was read from, its line,
`verified: true` (it was read from the document given) and the document as
evidence: its file name and SHA-256, and its URL when one is given. What
extraction could not read stays under `unparsed` for a person to finish, and
so does a number masked in the copy given (**户): it stays masked and
`verified: false`, with a note saying what to do — a masked number read from a
document is not a verified number.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from compliance.errors import InputError
from compliance.messages import msg, text
from compliance.model import Level, Plan
from compliance.model.plan import LastVerified, PartlyEncoded, Source
from compliance.verification.files import OfficialDocument


@dataclass(frozen=True)
class BuiltReference:
    """One reference plan built from a document: the plan, where it goes in the bundled layout, its YAML."""

    plan: Plan
    path: PurePosixPath  # below a reference directory, e.g. zhejiang/jiaxing/women-2021-2025.yaml
    text: str

    @property
    def unparsed(self) -> int:
        return len(self.plan.unparsed)

    @property
    def masked(self) -> int:
        """Targets whose number is masked in the document (**户): not verified, to be finished by hand."""
        return sum(1 for t in self.plan.targets if t.target.masked)

    @property
    def to_finish(self) -> int:
        """Numbers a person must finish from the official text: those not understood and those masked."""
        return self.unparsed + self.masked


def build_references(
    document: Path | str,
    *,
    source_url: str | None = None,
    today: datetime.date | None = None,
    **extraction: Any,
) -> list[BuiltReference]:
    """The reference plans a document holds (a notice with two plans gives two).

    `extraction` takes the options of `compliance.extraction.extract` (kind,
    jurisdiction, level, period, encoding). A county plan is refused: nothing is
    checked against a county's plan.
    """
    from compliance.extraction import extract
    from compliance.references.layout import reference_path

    official = OfficialDocument.of(document, source_url)
    plans = extract(document, **extraction)
    built: list[BuiltReference] = []
    for plan in plans:
        _check_metadata(plan, str(document))
        reference = as_reference(plan, official, today or datetime.date.today())
        built.append(BuiltReference(reference, reference_path(reference.plan), render(reference, official)))
    return built


def _check_metadata(plan: Plan, file: str) -> None:
    info = plan.plan
    missing = list(info.missing)
    if missing:
        raise InputError.single(
            file,
            text("build.missing", fields=[msg(f"metadata-unknown.field.{name}") for name in missing], title=info.title),
            hint=text("build.missing-hint", options=" ".join(f"--{name}" for name in missing)),
        )
    if info.level is Level.COUNTY:
        raise InputError.single(file, text("build.county", title=info.title), hint=text("build.county-hint"))
    if info.level is not Level.NATIONAL and not info.jurisdiction:
        raise InputError.single(
            file,
            text("build.no-jurisdiction", level=msg(f"term.level.{info.level.value}"), title=info.title),
            hint=text("build.no-jurisdiction-hint"),
        )


def as_reference(plan: Plan, official: OfficialDocument, today: datetime.date) -> Plan:
    """A plan read from `official`, marked as read from it: verified, with the document as evidence."""
    info = plan.plan
    summary = info.is_news_summary  # a news article about a plan is not its official text
    verified = not summary
    note = text("build.note-news" if summary else "build.note")
    source = Source(
        file=official.name,
        url=official.url,
        sha256=official.sha256,
        note=note,
        type=info.source.type if info.source is not None else None,
    )
    evidence = official.evidence
    targets = []
    for target in plan.targets:
        baseline = target.baseline
        if baseline is not None and baseline.verified is None and (baseline.value is not None or baseline.text):
            baseline = baseline.model_copy(update={"verified": verified})
        update: dict[str, Any] = {"verified": verified, "evidence": evidence, "baseline": baseline}
        if target.target.masked:  # the copy hides the number: what it is, nobody has read
            update["verified"] = False
            masked_note = text("reference-file.masked-note", words=target.text or target.indicator)
            update["note"] = f"{target.note}; {masked_note}" if target.note else masked_note
        targets.append(target.model_copy(update=update))
    return plan.model_copy(
        update={
            "plan": info.model_copy(
                update={
                    "source": source,
                    "verified": verified,
                    "evidence": evidence,
                    "last_verified": LastVerified(date=today.isoformat(), against=official.label),
                    "targets_encoded": True,
                    # an article states some of a plan's targets: never a complete reference
                    "partly_encoded": PartlyEncoded(missing=text("reference-file.news-missing")) if summary else None,
                }
            ),
            "targets": targets,
        }
    )


def render(reference: Plan, official: OfficialDocument) -> str:
    """The reference plan file: a header saying where it comes from and what to review, then the plan."""
    from compliance.extraction import dump_plan

    info = reference.plan
    numeric = sum(1 for t in reference.targets if t.target.is_numeric)
    header = text(
        "build.header",
        title=info.title,
        date=info.last_verified.date,  # type: ignore[union-attr]
        document=official.label,
        published=msg("build.published", url=official.url) if official.url else "",
        targets=len(reference.targets),
        numeric=numeric,
        read=msg("build.read" if info.verified else "build.read-news"),
        unparsed=len(reference.unparsed),
    ).splitlines()
    masked = sum(1 for t in reference.targets if t.target.masked)
    if masked:
        header.append("# " + text("reference-file.masked-header", count=masked))
    body = dump_plan(reference).splitlines()
    while body and body[0].startswith("#"):  # the extraction header: replaced by the reference's own
        body.pop(0)
    return "\n".join(header + body) + "\n"
