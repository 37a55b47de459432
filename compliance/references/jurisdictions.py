"""Matching jurisdictions written in different ways: 浙江 = 浙江省, 新平县 = 新平彝族傣族自治县.

A jurisdiction is a path from the province down. Two paths name the same place
only if every level matches, so 市中区 of 济南市 is never 市中区 of 枣庄市.
The places and their aliases are data (`rules/jurisdictions.yaml`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compliance.errors import InputError, Problem
from compliance.resources import rules_file


@dataclass(frozen=True)
class Gazetteer:
    """Known places: canonical names, their parents and their aliases."""

    suffixes: tuple[str, ...]
    canonical: dict[tuple[str | None, str], str]  # (parent canonical name, written key) -> canonical name
    parent_of: dict[str, set[str | None]]  # canonical name -> canonical parents it has

    def key(self, name: str) -> str:
        """A written name reduced for comparison: no white space, full width folded, no suffix."""
        text = "".join(unicodedata.normalize("NFKC", name).split())
        for suffix in self.suffixes:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                return text[: -len(suffix)]
        return text

    def resolve(self, name: str, parent: str | None) -> str:
        """The canonical name of `name` under `parent`, or the name as written when unknown."""
        key = self.key(name)
        for candidate_parent in (parent, None):
            found = self.canonical.get((candidate_parent, key))
            if found is not None:
                return found
        return name.strip()

    def normalise(self, jurisdiction: Sequence[str]) -> tuple[str, ...]:
        """A canonical path; a path that starts below the province is completed upwards when known."""
        path: list[str] = []
        parent: str | None = None
        for name in jurisdiction:
            parent = self.resolve(name, parent)
            path.append(parent)
        while path:
            parents = self.parent_of.get(path[0], set()) - {None}
            if len(parents) != 1:
                break
            path.insert(0, parents.pop())  # type: ignore[arg-type]
        return tuple(path)

    def same_place(self, a: Sequence[str], b: Sequence[str]) -> bool:
        return self.normalise(a) == self.normalise(b)

    def contains(self, outer: Sequence[str], inner: Sequence[str]) -> bool:
        """Is `inner` at or below `outer`? The empty path (the nation) contains everything."""
        outer_path, inner_path = self.normalise(outer), self.normalise(inner)
        return inner_path[: len(outer_path)] == outer_path


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    return _load(path or rules_file("jurisdictions.yaml"))


@cache
def _load(path: Path) -> Gazetteer:
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    data = document.data
    problems: list[Problem] = []
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise InputError.single(str(path), "expected a mapping with 'suffixes' and 'places'")
    suffixes = tuple(sorted((str(s) for s in data.get("suffixes", [])), key=len, reverse=True))
    gazetteer = Gazetteer(suffixes=suffixes, canonical={}, parent_of={})
    for index, place in enumerate(data["places"]):
        if not isinstance(place, dict) or "name" not in place:
            line, column = document.position(("places", index))
            problems.append(Problem(str(path), "a place needs a 'name'", line=line, column=column))
            continue
        name, parent = str(place["name"]), place.get("parent")
        gazetteer.parent_of.setdefault(name, set()).add(parent)
        for written in (name, *place.get("aliases", [])):
            key = (parent, gazetteer.key(str(written)))
            if gazetteer.canonical.get(key, name) != name:
                line, column = document.position(("places", index))
                problems.append(
                    Problem(str(path), f"'{written}' under '{parent}' names two places", line=line, column=column)
                )
            gazetteer.canonical[key] = name
    # Without a parent given, a name is only unambiguous if one place has it.
    by_key: dict[str, set[str]] = {}
    for (_, key), name in gazetteer.canonical.items():
        by_key.setdefault(key, set()).add(name)
    for key, names in by_key.items():
        if len(names) == 1:
            gazetteer.canonical.setdefault((None, key), next(iter(names)))
    if problems:
        raise InputError(problems)
    return gazetteer
