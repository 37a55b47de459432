"""The cache of compliance.cache never serves stale data: an edit of any rules, reference or overlay file is seen.

Each case copies the bundled rules/ and reference_targets/ to a scratch folder,
runs `compliance check` on the copy (a fresh process each time, with the
bundled data directory pointed at the copy) so that the cache is filled,
edits one file, and runs again: the cached entries that depend on the file
are rebuilt (new keys), and the report equals the report of a run with no
cache at all. Where the edit is one a report shows (a unit's factor, a
reference value, a message, an overlay's severity), the report also differs
from the one before the edit.
"""
# (The bundled reference plans are read by their headers first; a changed target value of a reference is
# covered by the same key as its title: the file's content.)

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"

# runs the CLI with the bundled data directories replaced by the copies in argv[1]
RUNNER = """
import sys
from pathlib import Path
import compliance.resources as resources
root = Path(sys.argv[1])
resources.data_dir = lambda name: root / name
from compliance.cli import main
main(sys.argv[2:], prog_name="compliance")
"""


def _run(data: Path, cache: Path, *arguments: str, cached: bool = True) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env.update(COMPLIANCE_LANG="en", COMPLIANCE_CACHE_DIR=str(cache))
    if not cached:
        env["COMPLIANCE_NO_CACHE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(data), "check", *arguments],
        capture_output=True, text=True, env=env, cwd=data.parent,  # the plan's path as the report shows it: relative
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout + result.stderr


def _entries(cache: Path) -> set[str]:
    return {p.name for p in cache.glob("*.pickle")}


def _copy_data(folder: Path) -> Path:
    for name in ("rules", "reference_targets"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return _copy_data(tmp_path / "data")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A cache filled by one run on an unedited copy of the data, and that run's report (copied by each case)."""
    folder = tmp_path_factory.mktemp("filled")
    data = _copy_data(folder / "data")
    report = _run(data, folder / "cache", _plan(folder))
    return folder, report


def _plan(folder: Path) -> str:
    """The example plan with its maternal mortality written in ‰ (0.08‰ = 8/10万), so a unit's factor shows."""
    text = PLAN.read_text(encoding="utf-8").replace('{op: "<=", value: 8, unit: 1/10万}', '{op: "<=", value: 0.08, unit: "‰"}')
    assert "0.08" in text
    (folder / PLAN.name).write_text(text, encoding="utf-8")
    return PLAN.name  # relative to the folder the runs are made in


def _every_source() -> list[str]:
    files = [p for folder in ("rules", "reference_targets") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    return [str(p.relative_to(ROOT)) for p in files]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


VISIBLE = {
    # a unit's definition: 3‰ is no longer 0.3%
    "rules/units.yaml": ("permille = rate / 1000", "permille = rate / 100"),
    # a message every text report shows
    "rules/messages/en.yaml": ('checked-against: "checked against:"', 'checked-against: "checked (edited) against:"'),
    # a reference's title (its header, cached apart from its plan)
    "reference_targets/national/women-2021-2030.yaml": ("title: 中国妇女发展纲要（2021—2030年）", "title: 中国妇女发展纲要（修订）"),
}


@pytest.mark.parametrize("source", _every_source())
def test_an_edit_of_any_source_file_is_seen(source: str, filled: tuple[Path, str], tmp_path: Path) -> None:
    """Edited in place (same paths as the run that filled the cache), then the file and the cache put back."""
    folder, before = filled
    data, cache, plan = folder / "data", folder / "cache", PLAN.name
    edited = data / source
    original = edited.read_bytes()
    shutil.copytree(cache, tmp_path / "kept")
    try:
        _check_edit(source, data, cache, plan, before, edited, tmp_path)
    finally:
        edited.write_bytes(original)
        shutil.rmtree(cache)
        shutil.copytree(tmp_path / "kept", cache)


def _check_edit(source: str, data: Path, cache: Path, plan: str, before: str, edited: Path, tmp_path: Path) -> None:
    entries = _entries(cache)
    assert entries, "the run filled the cache"
    if source in VISIBLE:
        _replace(edited, *VISIBLE[source])
    else:  # a comment: the content changes, the meaning does not (the report stays as it was)
        with edited.open("a", encoding="utf-8") as out:
            out.write("\n# edited\n")
    after = _run(data, cache, plan)
    assert after == (_run(data, tmp_path / "unused", plan, cached=False) if source in VISIBLE else before)
    rebuilt = _entries(cache) - entries
    assert rebuilt, f"no cache entry was rebuilt after {source} changed"
    if source.startswith("rules/"):  # every entry depends on the whole of rules/
        names = {name.rsplit("-", 1)[0] for name in entries}
        assert names <= {name.rsplit("-", 1)[0] for name in rebuilt}
    if source in VISIBLE:
        assert after != before, f"the edit of {source} shows in the report"


def test_an_edit_of_an_overlay_is_seen(data: Path, tmp_path: Path) -> None:
    """An overlay given with --rules: its checks.yaml changes a severity; a second run sees the change."""
    cache = tmp_path / "cache"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    checks = overlay / "checks.yaml"
    checks.write_text("rules:\n  missing-indicator: {severity: error}\n", encoding="utf-8")
    before = _run(data, cache, str(PLAN), "--rules", str(overlay))
    checks.write_text("rules:\n  missing-indicator: {severity: info}\n", encoding="utf-8")
    after = _run(data, cache, str(PLAN), "--rules", str(overlay))
    assert after != before
    assert after == _run(data, tmp_path / "unused", str(PLAN), "--rules", str(overlay), cached=False)


def test_a_damaged_entry_is_rebuilt(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = _run(data, cache, str(PLAN))
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _run(data, cache, str(PLAN)) == before


def test_an_unwritable_cache_is_no_error(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert _run(data, blocker / "cache", str(PLAN)) == _run(data, tmp_path / "unused", str(PLAN), cached=False)


def test_a_user_s_edited_reference_is_never_stale(data: Path, tmp_path: Path) -> None:
    """A reference of one's own (--ref): each edit of it is what the next run checks against, cache or not."""
    cache = tmp_path / "cache"
    mine = tmp_path / "my-references"
    mine.mkdir()
    reference = mine / "women-2021-2030.yaml"
    shutil.copy(ROOT / "reference_targets" / "national" / "women-2021-2030.yaml", reference)
    before = _run(data, cache, str(PLAN), "--ref", str(mine))
    assert before == _run(data, tmp_path / "unused", str(PLAN), "--ref", str(mine), cached=False)
    # its title, as the report names it (a user's reference is validated whole, its header not read apart)
    _replace(reference, "title: 中国妇女发展纲要（2021—2030年）", "title: 中国妇女发展纲要（本地修订）")
    after = _run(data, cache, str(PLAN), "--ref", str(mine))
    assert "中国妇女发展纲要（本地修订）" in after and after != before
    assert after == _run(data, tmp_path / "unused", str(PLAN), "--ref", str(mine), cached=False)
    # a target value: 艾滋病母婴传播率 ≤ 2% relaxed to ≤ 5%, and the plan's 3% is no longer weaker
    assert "weaker-threshold  艾滋病母婴传播率" in after
    _replace(reference, 'target: {op: "<=", value: 2, unit: "%"}', 'target: {op: "<=", value: 5, unit: "%"}')
    edited = _run(data, cache, str(PLAN), "--ref", str(mine))
    assert "weaker-threshold  艾滋病母婴传播率" not in edited
    assert edited == _run(data, tmp_path / "unused", str(PLAN), "--ref", str(mine), cached=False)


def test_the_cache_lives_where_a_user_expects(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """COMPLIANCE_CACHE_DIR, else $XDG_CACHE_HOME/compliance, else ~/.cache/compliance; COMPLIANCE_NO_CACHE=1: none."""
    from compliance.cache import cache_dir

    for variable in ("COMPLIANCE_CACHE_DIR", "COMPLIANCE_NO_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "compliance"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "compliance"
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("COMPLIANCE_NO_CACHE", "1")
    assert cache_dir() is None


def test_a_file_edited_during_a_process_gets_a_new_key(tmp_path: Path) -> None:
    """Within one process a file's hash is remembered by its size, time and inode: an edit changes one of them."""
    from compliance.cache import content_key

    source = tmp_path / "plan.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    first = content_key("x", [source], folders=[tmp_path])
    source.write_text("a: 22\n", encoding="utf-8")  # another size
    second = content_key("x", [source], folders=[tmp_path])
    info = source.stat()
    source.write_text("a: 33\n", encoding="utf-8")  # the same size, another time
    os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    third = content_key("x", [source], folders=[tmp_path])
    assert len({first, second, third}) == 3


def test_a_kept_pattern_is_loaded_as_the_pattern_re_compiles() -> None:
    import pickle
    import re

    from compliance.cache import dumps
    from compliance.checks.ruleset import load_rules

    patterns = [re.compile(r"^(?:每年|累计)?[\u4e00-\u9fff]{2,}(?P<n>\d+)%$", re.M), re.compile(rb"\d+"), re.compile("x", re.I | re.X)]
    loaded = pickle.loads(dumps({"p": patterns, "t": (patterns[0],)}))
    from compliance import compiled

    for made, own in zip(loaded["p"], patterns, strict=True):
        assert made.pattern == own.pattern and made.groupindex == own.groupindex and made.flags == own.flags
        # re's own code, with the class of first characters compliance.compiled writes where re wrote none
        assert made == compiled.regex(own.pattern, own.flags & ~re.UNICODE)
        assert made == own or made == compiled._with_starts(own.pattern, *compiled._made(own.pattern, own.flags))[0]
    assert loaded["t"][0] is loaded["p"][0]  # the pickle's sharing is kept
    ruleset = load_rules()
    kept, plain = pickle.loads(dumps(ruleset)), pickle.loads(pickle.dumps(ruleset, protocol=5))
    assert pickle.dumps(kept, protocol=5) == pickle.dumps(plain, protocol=5)  # the rules, every object as pickle alone keeps it
