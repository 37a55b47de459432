"""compliance.cache.KeptResults: the sentences earlier runs read are not read again — until rules/ or the code change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.cache import KeptResults

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "到2025年，孕产妇死亡率下降到9/10万以下，婴儿死亡率控制在5‰以下。"

# parses SENTENCE with the bundled rules/ replaced by the copy in argv[1]; with argv[2] == "kept-only",
# the parser itself refuses to run, so only a kept result can answer
RUNNER = f"""
import sys
from pathlib import Path
import compliance.resources as resources
root = Path(sys.argv[1])
resources.data_dir = lambda name: root / name
from compliance.phrases import reading
if sys.argv[2] == "kept-only":
    def refuse(text):
        raise SystemExit("parsed again: " + text)
    reading._parse = refuse
print(repr(reading.parse({SENTENCE!r})))
"""


def _parse(data: Path, cache: Path, mode: str = "parse") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env["COMPLIANCE_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-c", RUNNER, str(data), mode], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "rules", tmp_path / "data" / "rules")
    return tmp_path / "data"


def test_a_sentence_read_by_an_earlier_run_is_not_read_again(data: Path, tmp_path: Path) -> None:
    first = _parse(data, tmp_path / "cache")
    assert first.returncode == 0 and "9" in first.stdout, first.stderr
    again = _parse(data, tmp_path / "cache", "kept-only")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout


def test_an_edit_of_the_rules_reads_it_again(data: Path, tmp_path: Path) -> None:
    assert _parse(data, tmp_path / "cache").returncode == 0
    with (data / "rules" / "phrases.yaml").open("a", encoding="utf-8") as out:
        out.write("\n# edited\n")
    again = _parse(data, tmp_path / "cache", "kept-only")
    assert again.returncode != 0 and "parsed again" in again.stderr


def test_nothing_is_kept_without_a_cache(data: Path, tmp_path: Path) -> None:
    env_cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env.update(COMPLIANCE_CACHE_DIR=str(env_cache), COMPLIANCE_NO_CACHE="1")
    subprocess.run([sys.executable, "-c", RUNNER, str(data), "parse"], check=True, capture_output=True, env=env, cwd=ROOT)
    assert not list(env_cache.glob("parsed-*")) if env_cache.exists() else True


def test_the_kept_results_stay_few(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """At most `limit` results are written: this run's first, then the newest of the others."""
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("COMPLIANCE_NO_CACHE", raising=False)
    earlier = KeptResults("probe", limit=3)
    for key in ("a", "b", "c"):
        earlier.put(key, key.upper())
    earlier._write()
    later = KeptResults("probe", limit=3)
    assert later.get("b") == "B"
    later.put("d", "D")
    later._write()
    kept = KeptResults("probe", limit=3)
    assert [kept.get(key) for key in "abcd"] == ["A", "B", None, "D"]  # b, d used; then a, the newest other


def test_forget_behaves_as_if_nothing_were_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COMPLIANCE_CACHE_DIR", str(tmp_path))
    kept = KeptResults("probe")
    kept.put("a", 1)
    kept._write()
    again = KeptResults("probe")
    again.forget()
    assert again.get("a") is None


NEAR = """
import sys
from compliance.catalogue import load_catalogue
near = load_catalogue().near_miss("学前教育毛人园率", "children")
print(repr((near.written, [(i.id, shown) for i, shown in near.candidates], near.edits, near.masked)), "rapidfuzz" in sys.modules)
"""


def test_a_near_miss_found_by_an_earlier_run_is_the_same_without_rapidfuzz(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env["COMPLIANCE_CACHE_DIR"] = str(tmp_path)
    runs = [subprocess.run([sys.executable, "-c", NEAR], capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout
            for _ in range(2)]
    first, again = (run.rsplit(" ", 1) for run in runs)
    assert "入园率" in first[0] and first[1] == "True\n"  # found with rapidfuzz
    assert again == [first[0], "False\n"]  # the same, kept


# extracts a small document (argv[1]) with the cache folder of the environment, then parses SENTENCE as a plan
# file's check does; with argv[2] == "kept-only", the parser refuses to run
EXTRACT_THEN_PARSE = f"""
import sys
from compliance.phrases import reading
if sys.argv[2] == "kept-only":
    def refuse(text):
        raise SystemExit("parsed again: " + text)
    reading._parse = refuse
from compliance.extraction import extract
print(len(extract(sys.argv[1])[0].targets))
print(repr(reading.parse({SENTENCE!r})))
"""


def _kept_texts(cache: Path, name: str) -> set[str]:
    import pickle

    texts: set[str] = set()
    for path in cache.glob(f"{name}-*.pickle"):
        texts |= set(pickle.loads(path.read_bytes()))
    return texts


def test_a_document_s_sentences_are_kept_apart_from_plan_files(tmp_path: Path) -> None:
    """A plan's check loads only what plan checks kept, never the thousands of sentences a document's check did."""
    document = tmp_path / "plan.txt"
    document.write_text(
        "某县儿童发展规划（2021—2030年）\n一、主要目标\n1.婴儿死亡率控制在4.5‰以下。\n2.学前教育毛入园率达到92%以上。\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env["COMPLIANCE_CACHE_DIR"] = str(tmp_path / "cache")
    run = [sys.executable, "-c", EXTRACT_THEN_PARSE, str(document)]
    first = subprocess.run([*run, "parse"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert first.returncode == 0 and first.stdout.startswith("2\n"), first.stderr
    from_documents = _kept_texts(tmp_path / "cache", "document-sentences")
    from_plans = _kept_texts(tmp_path / "cache", "parsed")
    assert any("婴儿死亡率" in text for text in from_documents)
    assert not any("婴儿死亡率控制在4.5‰" in text for text in from_plans)
    assert SENTENCE in from_plans and SENTENCE not in from_documents
    again = subprocess.run([*run, "kept-only"], capture_output=True, text=True, env=env, cwd=ROOT)  # both answered
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
