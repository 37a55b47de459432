"""compliance.compiled: regular expressions and dataclass methods kept between runs are what the public API makes.

The store rests on CPython internals (re._parser, re._compiler, _sre, the `exec`
dataclasses calls): these tests prove, on every pattern and method compliance
itself makes, that the kept forms equal the public ones, in the same process and
in the next one, and that a damaged or missing store changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from compliance import compiled

ROOT = Path(__file__).resolve().parent.parent

# what makes most of compliance's patterns and dataclasses: the modules, the phrase vocabulary, the extraction rules
_FILL = """
import compliance.cli, compliance.checking, compliance.batch, compliance.extraction, compliance.report.formats
from compliance.phrases.vocabulary import _vocabulary
from compliance.extraction._rules import rules
_vocabulary(); rules()
"""


def _run(code: str, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("COMPLIANCE_NO_CACHE", "PYTHONDONTWRITEBYTECODE")}
    environment.update(COMPLIANCE_CACHE_DIR=str(cache), **env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, env=environment, check=True
    )


def _store_file(cache: Path) -> Path:
    (found,) = cache.glob("compiled-*.marshal")
    return found


def test_every_kept_pattern_equals_what_re_compiles(tmp_path: Path) -> None:
    """A second process builds each of compliance's patterns from the kept code: each equals re.compile's, groups too,
    but for the class of first characters `_with_starts` writes into re's code (proven to change no match below)."""
    _run(_FILL, tmp_path)  # the first run fills the store
    checked = _run(
        _FILL
        + """
import re, json
from compliance import compiled
store = compiled._store()
same = [compiled._same(compiled.regex(source, flags), compiled._with_starts(source, *compiled._made(source, flags))[0])
        and compiled._made(source, flags)[0] == re.compile(source, flags) for source, flags in list(store.patterns)]
print(json.dumps([len(same), all(same), len(store.functions)]))
""",
        tmp_path,
    )
    count, all_same, functions = json.loads(checked.stdout)
    assert count > 200 and all_same  # the vocabulary's and the extraction rules' patterns, at least
    assert functions > 200  # the methods of compliance's dataclasses


def test_a_kept_pattern_matches_as_re_s_own(tmp_path: Path) -> None:
    """Groups, names, flags and matches of a pattern from the store: as those of re.compile's (CJK class included)."""
    source = r"(?P<name>[\u4e00-\u9fff]{2,8}?)(?:达到|不低于)\s*(?P<value>[0-9]+(?:\.[0-9]+)?)\s*(%|％)?"
    text = "孕产妇系统管理率达到90%以上，住院分娩率不低于 99.5％。"
    code = f"""
from compliance.compiled import regex
import re
pattern = regex({source!r}, re.IGNORECASE)
print(repr([pattern.pattern, int(pattern.flags), pattern.groups, dict(pattern.groupindex),
            [(m.span(), m.groupdict(), m.lastgroup) for m in pattern.finditer({text!r})]]))
"""
    first = _run(code, tmp_path).stdout  # compiled by re, stored
    second = _run(code, tmp_path).stdout  # built from the store
    public = re.compile(source, re.IGNORECASE)
    expected = [public.pattern, int(public.flags), public.groups, dict(public.groupindex),
                [(m.span(), m.groupdict(), m.lastgroup) for m in public.finditer(text)]]
    assert first == second == repr(expected) + "\n"


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    _run(_FILL, tmp_path)
    store = _store_file(tmp_path)
    store.write_bytes(store.read_bytes()[: store.stat().st_size // 2])
    result = _run("from compliance.compiled import regex; print(regex('[一-龥]+').pattern)", tmp_path)
    assert result.stdout == "[一-龥]+\n"
    store.write_bytes(b"not marshal at all")
    assert _run("from compliance.compiled import regex; print(regex('a+').fullmatch('aa') is not None)", tmp_path).stdout == "True\n"


def test_an_unusable_entry_falls_back_to_re(monkeypatch: pytest.MonkeyPatch) -> None:
    store = compiled._store()
    monkeypatch.setitem(store.patterns, ("x+y", 0), (0, [1, 2, 3], 0, {}, (None,)))  # code _sre refuses
    assert compiled.regex("x+y").fullmatch("xxy")
    assert ("x+y", 0) not in store.patterns or compiled._same(compiled.regex("x+y"), _own_with_starts("x+y"))


def _own_with_starts(source: str, flags: int = 0) -> re.Pattern[str]:
    made = compiled._made(source, flags)
    assert made is not None and made[0] == re.compile(source, flags)
    return compiled._with_starts(source, *made)[0]


# --- the class of first characters ------------------------------------------------------------------------


def _info(pattern: re.Pattern[str]) -> tuple[int, int]:
    """(INFO flags, length) of a pattern's code as _with_starts sees it (its entry)."""
    made = compiled._made(pattern.pattern, pattern.flags & ~re.UNICODE)
    assert made is not None
    code = compiled._with_starts(pattern.pattern, *made)[1][1]
    return code[2], code[1]


@pytest.mark.parametrize(
    "source, starts",
    [
        (r"(?P<a>第[一二三]章)|(?P<b>\d{1,2}\s*[.、])", True),  # a choice of named groups: re searches every place
        (r"(?<=[^\sA-Za-z])(?:⁽?[¹²³]+⁾?|\[[0-9]{1,2}\])", True),  # a look-behind first
        (r"(?:到|至)?\s*((?:19|20)\d{2})\s*年", True),  # an optional word, then spaces, then the year
        (r"[0-9]+(?:\.[0-9]+)?", True),  # a repeat of a class
        (r"\b\s*(?:\d+)[.、]", True),  # a word boundary is no character
        (r"^\s*(?:\d+)[.、]", False),  # re tries the start alone
        (r"(?m)^#{1,6}[ \t]+\S", True),  # but a line's start is anywhere
        (r"(?m:^#)x", False),
        (r"(?<=[，。])[\u4e00-\u9fff]{2,8}[:：]", False),  # most characters of a plan may start it: no class
        (r"(?:\w+)[:：]", False),
        (r"\d*", False),  # may match nothing: every place is a start
        (r"(?:a|b)?", False),
        (r".+年", False),  # any character
        (r"[^。；]+[。；]", False),  # a negated class
        (r"(?i:x)+y", False),  # a case folded in part
        (r"(?<!x)(a)\1+", True),  # a back reference after the first character
        (r"(?:(a)|b)(?(1)c|d)", True),  # a conditional group after the first character
        (r"(a)?(?(1)c|d)", False),  # a conditional group first
        (r"年|月", False),  # re has its own class here: left as it is
        (r"达到\d+", False),  # and a literal prefix
    ],
)
def test_a_class_of_first_characters_is_written_only_where_re_wrote_none_and_it_can_be_listed(source: str, starts: bool) -> None:
    pattern = compiled.regex(source)
    own = re.compile(source)
    assert (pattern != own) is starts
    if starts:
        assert _info(pattern)[0] == 4  # SRE_INFO_CHARSET
    assert pattern.pattern == own.pattern and pattern.flags == own.flags and pattern.groupindex == own.groupindex


def _texts() -> list[str]:
    """Real plan text (the sample plans, the corpus's plain texts) and lines made of the patterns' own characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "texts").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests" / "data" / "corpus" / "docs").glob("*.txt"))]
    return texts


def test_every_pattern_with_a_class_of_first_characters_matches_as_re_s_own() -> None:
    """Each pattern compliance makes (modules, phrase vocabulary, extraction rules) whose code got a class of first
    characters finds, in real plan texts and in texts made of its own characters, the very matches of re.compile's."""
    import random

    for module in ("compliance.cli", "compliance.checking", "compliance.extraction", "compliance.report.formats"):
        __import__(module)
    from compliance.extraction._rules import rules
    from compliance.phrases.vocabulary import _vocabulary

    _vocabulary()
    rules()
    texts = _texts()
    text = "\n".join(texts)
    lines = text.splitlines()
    generator = random.Random(12)
    started = 0
    for source, flags in sorted(compiled._store().patterns, key=repr):
        if not isinstance(source, str):
            continue
        pattern, own = compiled.regex(source, flags), re.compile(source, flags)
        if pattern == own:
            continue
        started += 1
        alphabet = sorted(set(source) | set("0123456789 ，。、%年以上下达到（）()《》“”一二三十"))
        made = ["".join(generator.choice(alphabet) for _ in range(generator.randrange(1, 40))) for _ in range(300)]

        def spans(p: re.Pattern[str], t: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
            return [(m.span(), m.groups()) for m in p.finditer(t)]

        assert spans(pattern, text) == spans(own, text), source
        for line in lines[:: max(1, len(lines) // 400)] + made:
            assert spans(pattern, line) == spans(own, line), (source, line)
            assert pattern.sub("#", line) == own.sub("#", line) and pattern.split(line) == own.split(line), (source, line)
    assert started > 50  # most of the markers, notes and rules patterns


def test_the_store_holds_each_entry_s_code_as_bytes_unpacked_only_when_used(tmp_path: Path) -> None:
    """A cold start unmarshals no code it does not use: a pattern's code and a method's code object are bytes in the
    file, and a second process builds the same patterns and methods from them."""
    import marshal

    _run(_FILL, tmp_path)
    data = marshal.loads(_store_file(tmp_path).read_bytes())
    assert data["re"] and all(isinstance(entry[1], bytes) for entry in data["re"].values())
    assert data["fn"] and all(isinstance(code, bytes) for code in data["fn"].values())
    source, flags = next(iter(data["re"]))
    second = _run(
        f"""
import re
from compliance import compiled
store = compiled._store()
entry = store.patterns[({source!r}, {flags!r})]
kept = compiled.regex({source!r}, {flags!r})
print(isinstance(entry[1], bytes), kept == compiled._with_starts({source!r}, *compiled._made({source!r}, {flags!r}))[0])
""",
        tmp_path,
    )
    assert second.stdout.split() == ["True", "True"]


def test_nothing_is_kept_without_a_cache(tmp_path: Path) -> None:
    _run(_FILL, tmp_path, COMPLIANCE_NO_CACHE="1")
    assert not list(tmp_path.glob("compiled-*"))


def test_the_store_is_named_for_the_python_build(tmp_path: Path) -> None:
    _run(_FILL, tmp_path)
    assert _store_file(tmp_path).name == f"compiled-{compiled._build_tag()}.marshal"


# --- dataclasses -------------------------------------------------------------------------------------------


def _methods(cls: type) -> dict[str, types.CodeType]:
    return {name: value.__code__ for name, value in vars(cls).items() if isinstance(value, types.FunctionType)}


def _make(module: str) -> type:
    """A frozen dataclass with defaults, a factory and an InitVar, made in a module named `module`."""
    namespace = types.ModuleType(module)
    sys.modules[module] = namespace
    try:
        body = {"__module__": module, "__qualname__": "Probe", "__annotations__": {
            "name": str, "count": int, "tags": tuple, "seed": dataclasses.InitVar[int]}}
        body.update(count=1, tags=dataclasses.field(default_factory=tuple), seed=0)
        cls = type("Probe", (), body)

        def __post_init__(self: object, seed: int) -> None:
            object.__setattr__(self, "count", self.count + seed)  # type: ignore[attr-defined]

        cls.__post_init__ = __post_init__  # type: ignore[attr-defined]
        namespace.Probe = cls  # type: ignore[attr-defined]
        return dataclasses.dataclass(frozen=True, order=True)(cls)
    finally:
        del sys.modules[module]


def test_a_compliance_dataclass_gets_the_methods_dataclasses_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With the store (a class of compliance's) and without it (dataclasses' own exec): the same code, the same behaviour."""
    compiled.install()
    assert vars(dataclasses).get("exec") is compiled._exec
    # a store of its own, empty: the probe's methods kept by an earlier run (a reused COMPLIANCE_CACHE_DIR) are not new
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "_STORE", compiled._Store())
    store = compiled._store()
    before = set(store.functions)
    kept = _make("compliance._probe")
    assert any("def __init__(" in source for source in set(store.functions) - before)
    monkeypatch.delitem(vars(dataclasses), "exec")  # dataclasses' builtin exec
    own = _make("compliance._probe")
    assert _methods(kept).keys() == _methods(own).keys() >= {"__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__lt__"}
    for name, code in _methods(kept).items():
        assert code == _methods(own)[name] and code.co_filename == _methods(own)[name].co_filename, name
    for cls in (kept, own):
        first, second = cls("a", 2, seed=3), cls("a", 5)
        assert (repr(first), first == second, hash(first) == hash(second), first < cls("b")) == (
            "Probe(name='a', count=5, tags=())", True, True, True)
        with pytest.raises(dataclasses.FrozenInstanceError):
            first.name = "b"


def test_other_packages_dataclasses_are_left_alone() -> None:
    compiled.install()
    before = set(compiled._store().functions)
    _make("elsewhere._probe")
    assert set(compiled._store().functions) == before


def test_the_methods_of_compliance_s_classes_are_the_same_in_the_next_process(tmp_path: Path) -> None:
    """Every generated method of compliance's dataclasses, from the store, equals the one made with no store."""
    show = _FILL + """
import dataclasses, sys, types, json
out = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("compliance"):
        continue
    for cls in list(vars(module).values()):
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name:
            for attribute, value in sorted(vars(cls).items()):
                if isinstance(value, types.FunctionType) and value.__code__.co_filename == "<string>":
                    code = value.__code__
                    out[f"{name}.{cls.__qualname__}.{attribute}"] = repr(
                        (code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_freevars, code.co_flags,
                         code.co_argcount, code.co_kwonlyargcount, code.co_firstlineno, code.co_linetable))
print(json.dumps(out))
"""
    _run(show, tmp_path)  # fills the store
    from_store = json.loads(_run(show, tmp_path).stdout)
    without = json.loads(_run(show, tmp_path, COMPLIANCE_NO_CACHE="1").stdout)
    assert len(from_store) > 150
    assert from_store == without


def test_a_library_caller_s_standard_library_is_left_as_it_is() -> None:
    """`import compliance` and its API never touch `dataclasses`; only the command's own process routes its exec."""
    probe = (
        "import dataclasses, compliance\n"
        "compliance.load_catalogue(); compliance.parse_phrase('孕产妇死亡率下降到9/10万以下')\n"
        "print('exec' in vars(dataclasses))\n"
        "import compliance.cli\n"
        "print('exec' in vars(dataclasses))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_a_module_imported_with_kept_patterns_has_re_s_own_patterns_and_re_compile_is_back() -> None:
    script = textwrap.dedent(
        """
        import re, sys
        from compliance.compiled import import_kept
        compile_before = re.compile
        module = import_kept("tomllib._re")
        assert re.compile is compile_before
        patterns = [v for v in vars(module).values() if isinstance(v, re.Pattern)]
        assert len(patterns) >= 3
        from compliance import compiled
        for p in patterns:  # re's own code, but for the class of first characters compliance.compiled adds
            made = compiled._made(p.pattern, p.flags)
            assert made[0] == re.compile(p.pattern, p.flags)
            own = compiled._with_starts(p.pattern, *made)[0]
            assert p == own and p.groupindex == own.groupindex and p.groups == own.groups, p.pattern
        assert import_kept("tomllib._re") is module
        print("ok", len(patterns))
        """
    )
    for _ in range(2):  # the first run keeps the code, the second builds the patterns from it
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=os.environ)
        assert result.stdout.startswith("ok"), result.stderr
