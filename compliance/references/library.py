"""The reference plans a plan is checked against, and how to find them.

References come from the bundled `reference_targets/` directory, from the
directories in the `COMPLIANCE_REF` environment variable (separated like PATH),
from `references = [...]` in a `compliance.toml` found in the working directory
or one of its parents, and from `--ref FILE|DIR` on the command line — later
sources win over earlier ones for the same document (same kind, level and
jurisdiction), so a reviewer who holds the official provincial text can add it
without touching the package.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from compliance.errors import InputError, Problem
from compliance.model import Plan
from compliance.references.jurisdictions import Gazetteer, load_gazetteer
from compliance.resources import reference_dir

ENV_VARIABLE = "COMPLIANCE_REF"
CONFIG_FILE = "compliance.toml"


@dataclass(frozen=True)
class ReferencePlan:
    """A plan used as a reference, with where it came from."""

    plan: Plan
    file: Path
    root: Path  # the reference directory it was found in (the file itself for a single file)
    origin: str  # "bundled" or "user"

    @property
    def id(self) -> str:
        """A short name: the path below its reference directory, without suffix."""
        if self.root == self.file:
            return self.file.stem
        return self.file.relative_to(self.root).with_suffix("").as_posix()

    @property
    def targets_encoded(self) -> bool:
        return self.plan.plan.targets_encoded and bool(self.plan.targets)


def configured_reference_paths(cwd: Path | None = None) -> list[Path]:
    """User reference paths from compliance.toml (nearest first found upwards), then COMPLIANCE_REF."""
    paths: list[Path] = []
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        config = folder / CONFIG_FILE
        if config.is_file():
            paths.extend(_config_paths(config))
            break
    for entry in os.environ.get(ENV_VARIABLE, "").split(os.pathsep):
        if entry.strip():
            paths.append(Path(entry.strip()))
    return paths


def _config_paths(config: Path) -> list[Path]:
    import tomllib

    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError.single(str(config), f"not valid TOML: {error}") from None
    references = data.get("references", [])
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        raise InputError.single(
            str(config), "'references' must be a list of paths", hint='e.g. references = ["my-references"]'
        )
    return [(config.parent / r) for r in references]


def _plan_files(path: Path) -> tuple[Path, list[Path]]:
    from compliance.loading.plans import PLAN_SUFFIXES

    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file())
        return path, files
    if path.is_file():
        return path, [path]
    raise InputError.single(str(path), "no such reference file or directory")


@dataclass
class ReferenceLibrary:
    """All reference plans available for a check."""

    plans: list[ReferencePlan] = field(default_factory=list)
    gazetteer: Gazetteer = field(default_factory=load_gazetteer)

    @classmethod
    def load(
        cls,
        extra: Sequence[Path | str] = (),
        *,
        bundled: bool = True,
        configured: bool = True,
    ) -> ReferenceLibrary:
        """Bundled references, then configured ones, then `extra`; later wins for the same document."""
        from compliance.loading.plans import load_plan

        sources: list[tuple[Path, str]] = []
        if bundled:
            sources.append((reference_dir(), "bundled"))
        if configured:
            sources.extend((p, "user") for p in configured_reference_paths())
        sources.extend((Path(p), "user") for p in extra)
        library = cls()
        problems: list[Problem] = []
        for source, origin in sources:
            root, files = _plan_files(source)
            for file in files:
                try:
                    plan = load_plan(file)
                except InputError as error:
                    problems.extend(error.problems)
                    continue
                library.add(ReferencePlan(plan=plan, file=file, root=root, origin=origin))
        if problems:
            raise InputError(problems)
        return library

    def _identity(self, plan: Plan) -> tuple[str, str, tuple[str, ...]]:
        info = plan.plan
        return (info.kind.value, info.level.value, self.gazetteer.normalise(info.jurisdiction))

    def add(self, reference: ReferencePlan) -> None:
        """Add a reference; it replaces one for the same document (kind, level, jurisdiction)."""
        identity = self._identity(reference.plan)
        self.plans = [p for p in self.plans if self._identity(p.plan) != identity]
        self.plans.append(reference)

    def ancestors(self, plan: Plan) -> list[ReferencePlan]:
        """The references `plan` must follow: same kind, a higher level, a jurisdiction containing it.

        National first, then provincial, then municipal.
        """
        info = plan.plan
        found = [
            reference
            for reference in self.plans
            if reference.plan.plan.kind == info.kind
            and reference.plan.plan.level.rank < info.level.rank
            and self.gazetteer.contains(reference.plan.plan.jurisdiction, info.jurisdiction)
            and not (plan.path is not None and reference.file.resolve() == Path(plan.path).resolve())
        ]
        return sorted(found, key=lambda r: r.plan.plan.level.rank)

    def find(self, name: str) -> ReferencePlan:
        """A reference by id (national/women-2021-2030), file path, or exact title."""
        path = Path(name)
        candidates = [
            r
            for r in self.plans
            if name in (r.id, r.plan.plan.title)
            or (path.exists() and r.file.resolve() == path.resolve())
        ]
        if len(candidates) == 1:
            return candidates[0]
        if path.suffix.lower() in (".yaml", ".yml", ".json") and path.is_file():
            from compliance.loading.plans import load_plan

            return ReferencePlan(plan=load_plan(path), file=path, root=path, origin="user")
        known = ", ".join(r.id for r in self.plans)
        raise InputError.single(
            name, "no such reference plan" if not candidates else "names several reference plans",
            hint=f"use one of: {known}",
        )

    def __iter__(self) -> Iterator[ReferencePlan]:
        return iter(self.plans)
