"""The fast reader of plain block YAML gives exactly what the full reader gives, or gives up.

`plainyaml.read_plain` reads the subset plan files are written in; whatever it
returns must be the full reader's data (with the same types and key order), the
same value and key positions (in the same order) and the same numbers as written.
Whatever the full reader refuses, it must give up on, so that every refusal keeps
its words and position. Checked on every YAML file of the repository, on plans made
from the examples, and on generated and mutated documents (hypothesis).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import InputError
from compliance.loading import plainyaml
from compliance.loading.yamlfile import YamlDocument, _Builder, parse_yaml, read_text

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    path
    for folder in ("examples", "tests", "rules", "reference_targets")
    for pattern in ("*.yaml", "*.yml")
    for path in (ROOT / folder).rglob(pattern)
)


def full(text: str) -> YamlDocument:
    """The full reader's document (libyaml's events), without the fast path."""
    document = YamlDocument(file="plan.yaml", data=None)
    document.data = _Builder(document, text, "YAML").build()
    return document


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (True is not 1, 1 is not 1.0) and keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def agrees(text: str) -> bool:
    """The property: the fast reader gives the full reader's result, or None; None whenever the full reader refuses.

    Read twice, so that the lines it remembers from the first reading give the same result.
    Returns whether the fast reader read it.
    """
    fast = plainyaml.read_plain(text)
    try:
        document = full(text)
    except Exception:  # noqa: BLE001 - any refusal of the full reader (InputError, YAMLError)
        assert fast is None, "the fast reader accepted what the full reader refuses"
        return False
    if fast is None:
        return False
    for result in (fast, plainyaml.read_plain(text)):
        assert result is not None
        data, values, keys, numbers = result
        assert same(data, document.data)
        assert list(values.items()) == list(document.values.items())
        assert list(keys.items()) == list(document.keys.items())
        assert list(numbers.items()) == list(document.numbers.items())
    lean = plainyaml.read_plain(text, positions=False)  # what loading a plan reads: the items' positions alone
    assert lean is not None
    data, items, keys, numbers = lean
    assert same(data, document.data) and not keys
    assert list(numbers.items()) == list(document.numbers.items())
    assert all(document.values[path] == mark for path, mark in items.items())
    assert plainyaml.read_positions(text) == (document.values, document.keys)
    return True


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_reads_alike(path: Path) -> None:
    try:
        text = read_text(path)
    except InputError:
        return  # a file that does not decode: neither reader sees it
    agrees(text)


def test_the_example_plans_are_read_fast() -> None:
    plans = sorted((ROOT / "examples" / "plans").rglob("*.yaml"))
    assert plans
    assert all(agrees(read_text(path)) for path in plans)


def test_parse_yaml_gives_the_same_document_with_or_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    text = read_text(sorted((ROOT / "examples" / "plans").rglob("*.yaml"))[0])
    fast = parse_yaml(text, "plan.yaml")
    monkeypatch.setattr(plainyaml, "read_plain", lambda text, **_: None)
    slow = parse_yaml(text, "plan.yaml")
    assert same(fast.data, slow.data)
    assert (fast.values, fast.keys, fast.numbers) == (slow.values, slow.keys, slow.numbers)


HOSTILE = [
    "a: 010\n", "a: 0x1F\n", "a: 1_000\n", "a: .inf\n", "a: -.NaN\n", "a: 0b11\n", "a: 1:30\n", "a: 2021-06-30\n",
    "a: yes\n", "a: No\n", "a: ~\n", "a: null\n", "a: =\n", "a: <<\n", "<<: {b: 1}\n", "a: &x 1\nb: *x\n",
    "a: !!str 1\n", "a: !foo x\n", "a: |\n  x\n", "a: >\n  x\n", "a:\n", "a:\nb: 1\n", "a: b: c\n", "a: b:\n",
    "a: x\n  y\n", "a: 'it''s'\n", 'a: "x\\ty"\n', 'a: "x" y\n', "a: [1, 2,]\n", "a: [1,, 2]\n", "a: [1\n, 2]\n",
    "a: {b: 1, b: 2}\n", "a: 1\na: 2\n", "a: [a: b]\n", "a: {b}\n", "a: {b: }\n", "a: [a#b]\n", "a: [a #b]\n",
    "a: x #c\n", "a: x#c\n", "a:  x  \n", "a: - x\n", "- a\n- b\n", "- - a\n", "-\n  a: 1\n", "- a: 1\n  b: 2\n",
    "a:\n- x\n", "a:\n  - x\n b: 1\n", "a:\n   b: 1\n  c: 2\n", "  a: 1\nb: 2\n", "---\na: 1\n", "a: 1\n---\nb: 2\n",
    "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "? a\n: b\n", "a: \t1\n", "a: 1\r\nb: 2\r\n", "a: x\x85y\n",
    "a: x\u2028y\n", "\ufeffa: 1\n", "a: \x07\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: ,x\n", "a: ]x\n", "a: }x\n",
    "a: -\n", "a: ?\n", "a: :x\n", "a: -1\n", "a: +2\n", "a: .5\n", "a: 1.\n", "a: 1e5\n", "a: 1.5e+3\n",
    "a: [1.50, -0, +3, 007]\n", "a: {v: 0.1234567, w: 12}\n", "true: 1\n", "null: 1\n", "on: 1\n", "1: a\n",
    "a: \"\"\n", "a: ''\n", "a: []\n", "a: {}\n", "a: [[1, 2], {b: [3]}]\n", "a: [\"x\", 'y', z w]\n",
    "a: 区妇联\nb: [区委宣传部, 团区委]\nc: {op: \"<=\", value: 2, unit: ‰}\n", "a: 😀x\nb: [😀, y]\n",
    "a: x\u00a0\nb: [\u00a0y]\n", "#c\n\n  # c\na: 1 # c\n", "a: [1, 2] # c\n", "a: [1, 2]#c\n", "a: {b: 1} x\n",
    "a:\n  - {b: 1}\n  - [c]\n  - d\n", "a:\n  b:\n    c: [1, 2]\n", "", "# only\n", "a", "a: 1\nb", "[1, 2]\n",
    "a: 区妇联: 团区委\n", "a: 区妇联:\n", "a: 区妇联 #注\n", "a: 区妇联#注\n", "a: 区妇联  \n", "- 区妇联: 1\n", "a: 区妇联 : x\n",
    "a: \"unterminated\n", "a: [1, 2\n", "-  a: 1\n   b: 2\n-   c\n", "a: b : c\n", "a : b\n", "a:b\n",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_unusual_and_hostile_texts_read_alike_or_fall_back(text: str) -> None:
    agrees(text)


def test_what_it_gives_up_on_is_read_by_the_full_reader_with_its_refusal() -> None:
    for text, refusal in (("a: 010\n", "010"), ("a: &x 1\nb: *x\n", None), ("a: 1\na: 2\n", "a")):
        assert plainyaml.read_plain(text) is None
        if refusal is not None:
            with pytest.raises(InputError) as caught:
                parse_yaml(text, "plan.yaml")
            assert caught.value.problems[0].line is not None and refusal in caught.value.problems[0].message


# ---------------------------------------------------------------- generated documents

WORDS = [
    "x", "区妇联", "儿童与健康", "12", "3.5", "-1", "+2", ".5", "1.", "010", "0x1F", "1_000", ".inf", "1:30", "2021-06-30",
    "yes", "No", "on", "null", "~", "true", "=", "<<", "1e5", "1.5e+3", "‰", "%", "a b", "a  b", "😀", "x\u00a0",
    "-", "-x", "- x", "?x", "? x", ":x", "a:b", "a: b", "a #c", "a#b", "a,b", "[x", "x]", "{x", "&x", "*x", "!x",
    "|", ">", "@x", "`x", "%x", "'q'", '"q"', "'it''s'", '"a\\"b"', '""', "''", "\t", "x ",
]
KEYS = ["a", "b", "op", "value", "unit", "yes", "null", "on", "True", "x_1", "1", "a b", "区", "<<", "-a"]

scalars = st.sampled_from(WORDS)


def flows(depth: int = 0) -> st.SearchStrategy[str]:
    items = scalars if depth >= 2 else st.one_of(scalars, st.deferred(lambda: flows(depth + 1)))
    sequence = st.lists(items, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
    mapping = st.lists(st.tuples(st.sampled_from(KEYS), items), max_size=3).map(
        lambda kvs: "{" + ", ".join(f"{k}: {v}" for k, v in kvs) + "}"
    )
    return st.one_of(sequence, mapping)


values = st.one_of(scalars, flows(), st.sampled_from(["", " # c", "  "]))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Lines of keys, items and values at varying indents (mostly well formed, sometimes not)."""
    lines: list[str] = []
    indent = 0
    for _ in range(draw(st.integers(1, 14))):
        indent = max(0, indent + draw(st.sampled_from([0, 0, 0, 2, 2, -2, -4, 1, 3])))
        kind = draw(st.sampled_from(["key", "key", "item", "item-key", "comment", "blank"]))
        pad = " " * indent
        if kind == "comment":
            lines.append(pad + "# " + draw(scalars))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", "   "])))
        elif kind == "key":
            lines.append(f"{pad}{draw(st.sampled_from(KEYS))}:{draw(st.sampled_from([' ', '  ', '']))}{draw(values)}")
        elif kind == "item":
            lines.append(f"{pad}-{draw(st.sampled_from([' ', '   ']))}{draw(values)}")
        else:
            lines.append(f"{pad}- {draw(st.sampled_from(KEYS))}: {draw(values)}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_alike_or_fall_back(text: str) -> None:
    agrees(text)


EXAMPLE = read_text(sorted((ROOT / "examples" / "plans").rglob("*.yaml"))[0])
EDITS = [" ", "  ", "\n", "-", ":", "#", "'", '"', "[", "]", "{", "}", ",", "&", "*", "!", "|", "0", "1.5", "010", "\t", "x: "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 3), st.sampled_from(EDITS)), min_size=1, max_size=4))
def test_an_example_plan_edited_at_random_reads_alike_or_falls_back(edits: list[tuple[int, int, str]]) -> None:
    text = EXAMPLE
    for at, removed, inserted in edits:
        at = min(at, len(text))
        text = text[:at] + inserted + text[at + removed :]
    agrees(text)


def test_the_implicit_types_are_yamls_own_without_the_timestamp() -> None:
    """The fast reader's copy of PyYAML's implicit resolvers: the same patterns and flags, in the same order."""
    import yaml
    from yaml.constructor import SafeConstructor

    theirs = {
        first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in entries if not tag.endswith(":timestamp")]
        for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    ours = {first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in entries] for first, entries in plainyaml.implicit_resolvers().items()}
    assert ours == theirs
    assert plainyaml._BOOL_VALUES == SafeConstructor.bool_values


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(WORDS + KEYS), st.text(alphabet="0123456789-+._:eExXbBoOnNyYtTfF~<=!&* ", max_size=8)))
def test_a_plain_scalar_gets_the_type_the_full_reader_gives_it(text: str) -> None:
    import yaml

    from compliance.loading.yamlfile import _RESOLVED, _resolver

    _RESOLVED.pop(text, None)
    assert plainyaml.plain_tag(text) == _resolver().resolve(yaml.ScalarNode, text, (True, False))


def test_a_plan_is_read_without_importing_yaml() -> None:
    """A cold check imports no yaml: the plan (and rules/report.yaml) are plain block YAML."""
    import subprocess
    import sys

    plan = sorted((ROOT / "examples" / "plans").rglob("*.yaml"))[0]
    code = (
        "import sys; from compliance.loading.plans import load_plan; "
        f"load_plan({str(plan)!r}); print('yaml' in sys.modules)"
    )
    for _ in range(2):  # the first run may build the cached rules (units.yaml is read by the full reader)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
