"""The reference plans a plan is checked against, and how to find them.

References come from the bundled `reference_targets/` directory and from the
user's files and folders given to `ReferenceLibrary.load` — in the command's
case `references = [...]` of the configuration file, the `COMPLIANCE_REF`
environment variable and `--ref FILE|DIR`, in that order (the settings,
`compliance.config`, gather them). Later sources win over earlier ones for the
same document (same kind, level and jurisdiction), so a reviewer who holds the
official provincial text can add it without touching the package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from compliance.errors import InputError, Problem
from compliance.model import Level, Plan
from compliance.catalogue.places import Gazetteer, gazetteer
from compliance.resources import reference_dir
from compliance.compiled import regex

@lru_cache(maxsize=1024)
def _reference_id(file: Path, root: Path) -> str:
    """A short name: the path below its reference directory, without suffix (asked for by every finding)."""
    if root == file:
        return file.stem
    return file.relative_to(root).with_suffix("").as_posix()


@dataclass(frozen=True)
class ReferencePlan:
    """A plan used as a reference, with where it came from."""

    plan: Plan
    file: Path
    root: Path  # the reference directory it was found in (the file itself for a single file)
    origin: str  # "bundled" or "user"

    @property
    def id(self) -> str:
        return _reference_id(self.file, self.root)

    @property
    def targets_encoded(self) -> bool:
        return self.plan.plan.targets_encoded and bool(self.plan.targets)

    @property
    def partly_encoded(self) -> bool:
        """Only some of its targets are encoded (compliance.model.PartlyEncoded says what is missing)."""
        return self.targets_encoded and self.plan.plan.partly_encoded is not None

    @property
    def from_your_copy(self) -> bool:
        """A user's reference built from their copy of the official text (`compliance targets build`)."""
        source = self.plan.plan.source
        return self.origin == "user" and source is not None and bool(source.sha256)


def _plan_files(path: Path) -> tuple[Path, list[Path]]:
    from compliance.loading.plans import PLAN_SUFFIXES

    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file())
        return path, files
    if path.is_file():
        return path, [path]
    from compliance.messages import text

    raise InputError.single(str(path), text("references.no-such-file"), hint=text("references.no-such-file-hint"))


@dataclass
class _Entry:
    """A reference file known by its header (kind, level, jurisdiction, title); its plan is built on first use.

    The bundled files are validated by the test suite, so a check builds only the
    few that are ancestors of the plan at hand: most of a cold start's work was
    validating references no check needed.
    """

    file: Path
    root: Path
    origin: str
    kind: str
    level: Level
    jurisdiction: tuple[str, ...]
    title: str
    reference: ReferencePlan | None = None

    @property
    def id(self) -> str:
        return _reference_id(self.file, self.root)

    def load(self) -> ReferencePlan:
        if self.reference is None:
            self.reference = ReferencePlan(plan=_load_plan(self.file), file=self.file, root=self.root, origin=self.origin)
        return self.reference


def _load_plan(file: Path) -> Plan:
    """A reference plan, validated once per content of the file (compliance.cache); InputError if it is bad."""
    import hashlib

    from compliance.cache import cached
    from compliance.loading.plans import load_plan

    label = hashlib.blake2b(str(file.resolve()).encode(), digest_size=6).hexdigest()
    return cached(f"reference-{label}", [file], lambda: load_plan(file))


def _headers(files: list[Path]) -> dict[str, tuple[str, Level, tuple[str, ...], str] | None]:
    """The header of each bundled reference file, read once per content of the directory (compliance.cache)."""
    from compliance.cache import cached

    return cached("reference-headers", files, lambda: {str(file): _header(file) for file in files})


_BODY = regex(r"^(?:domains|targets|unparsed)\s*:", re.M)


def _header(file: Path) -> tuple[str, Level, tuple[str, ...], str] | None:
    """kind, level, jurisdiction and title read straight from the file, or None if they are not plainly there.

    Only the lines above the body (domains, targets) are parsed: the header of a
    YAML reference is a few lines of a long file.
    """
    from compliance.loading.yamlfile import parse_yaml, read_text, read_yaml

    try:
        if file.suffix.lower() == ".json":
            data = read_yaml(file).data
        else:
            text = read_text(file)
            body = _BODY.search(text)
            data = parse_yaml(text[: body.start()] if body else text, str(file)).data
        info = data["plan"]
        kind, level, title = info["kind"], Level(info["level"]), info["title"]
        jurisdiction = tuple(str(place) for place in info["jurisdiction"])
    except (InputError, KeyError, TypeError, ValueError):
        return None
    if kind not in ("women", "children") or not isinstance(title, str):
        return None
    return kind, level, jurisdiction, title


@lru_cache(maxsize=1024)
def _resolved(file: Path) -> Path:
    """A reference file's real path (asked for by every plan checked: is the plan that reference itself?)."""
    return file.resolve()


@dataclass
class ReferenceLibrary:
    """All reference plans available for a check."""

    entries: list[_Entry] = field(default_factory=list)
    gazetteer: Gazetteer = field(default_factory=gazetteer)

    @classmethod
    def load(
        cls,
        extra: Sequence[Path | str] = (),
        *,
        bundled: bool = True,
    ) -> ReferenceLibrary:
        """Bundled references, then the user's `extra` ones in order; later wins for the same document.

        A user's reference files are validated at once (their problems are
        reported here, with positions); bundled ones when they are first used.
        """
        sources: list[tuple[Path, str]] = []
        if bundled:
            sources.append((reference_dir(), "bundled"))
        sources.extend((Path(p), "user") for p in extra)
        library = cls()
        problems: list[Problem] = []
        for source, origin in sources:
            root, files = _plan_files(source)
            headers = _headers(files) if origin == "bundled" else {}
            for file in files:
                header = headers.get(str(file))
                if header is not None:
                    library._add(_Entry(file, root, origin, *header))
                    continue
                try:
                    plan = _load_plan(file)
                except InputError as error:
                    problems.extend(error.problems)
                    continue
                library.add(ReferencePlan(plan=plan, file=file, root=root, origin=origin))
        if problems:
            raise InputError(problems)
        return library

    @property
    def plans(self) -> list[ReferencePlan]:
        """Every reference plan (each built and validated on first use)."""
        return [entry.load() for entry in self.entries]

    def _identity(self, entry: _Entry) -> tuple[str, str, tuple[str, ...]]:
        return (entry.kind, entry.level.value, self.gazetteer.normalise(entry.jurisdiction))

    def _add(self, entry: _Entry) -> None:
        identity = self._identity(entry)
        self.entries = [e for e in self.entries if self._identity(e) != identity]
        self.entries.append(entry)

    def add(self, reference: ReferencePlan) -> None:
        """Add a reference; it replaces one for the same document (kind, level, jurisdiction)."""
        info = reference.plan.plan
        self._add(
            _Entry(
                reference.file,
                reference.root,
                reference.origin,
                info.kind.value,
                info.level,
                tuple(info.jurisdiction),
                info.title,
                reference,
            )
        )

    def ancestors(self, plan: Plan) -> list[ReferencePlan]:
        """The references `plan` must follow: same kind, a higher level, a jurisdiction containing it.

        National first, then provincial, then municipal.
        """
        info = plan.plan
        if info.kind is None:
            return []  # a plan of unknown kind has no parent to be checked against (check says so)
        # a plan of unknown level is checked against the national outline only
        rank = info.level.rank if info.level is not None else Level.PROVINCIAL.rank
        own_file = Path(plan.path).resolve() if plan.path is not None else None
        found = [
            entry.load()
            for entry in self.entries
            if entry.kind == info.kind.value
            and entry.level.rank < rank
            and self.gazetteer.contains(entry.jurisdiction, info.jurisdiction)
            and not (own_file is not None and _resolved(entry.file) == own_file)
        ]
        return sorted(found, key=lambda r: r.plan.plan.level.rank)

    def find(self, name: str) -> ReferencePlan:
        """A reference by id (national/women-2021-2030), file path, or exact title."""
        path = Path(name)
        candidates = [
            entry
            for entry in self.entries
            if name in (entry.id, entry.title) or (path.exists() and entry.file.resolve() == path.resolve())
        ]
        if len(candidates) == 1:
            return candidates[0].load()
        if path.suffix.lower() in (".yaml", ".yml", ".json") and path.is_file():
            from compliance.loading.plans import load_plan

            return ReferencePlan(plan=load_plan(path), file=path, root=path, origin="user")
        from compliance.messages import text

        known = [entry.id for entry in self.entries]
        raise InputError.single(
            name,
            text("references.no-such-plan" if not candidates else "references.several-plans"),
            hint=text("references.use-one-of", known=known),
        )

    def __iter__(self) -> Iterator[ReferencePlan]:
        return iter(self.plans)
