"""The command line: exit codes, no tracebacks, parse output, schema, version, lean start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance import __version__
from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
BROKEN = sorted((ROOT / "tests" / "broken").glob("*.yaml"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_validate_broken_file_exits_2_with_position_and_no_traceback(path: Path) -> None:
    code, out, err = run("validate", str(path))
    assert code == 2
    assert err.startswith(f"error: {path}")
    assert "Traceback" not in out + err


def test_validate_good_file() -> None:
    code, out, _ = run("validate", str(ROOT / "tests" / "plans" / "minimal.yaml"))
    assert code == 0 and "valid" in out


def test_usage_error_exits_2() -> None:
    code, _, err = run("validate")
    assert code == 2 and "Missing argument" in err
    code, _, _ = run("no-such-command")
    assert code == 2


def test_parse_json_lists_every_target_of_a_fenbie_sentence() -> None:
    code, out, _ = run("parse", "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下", "--json")
    assert code == 0
    targets = json.loads(out)
    assert [(t["indicator"], t["op"], t["value"], t["unit"], t["masked"]) for t in targets] == [
        ("新生儿死亡率", "<=", 2, "‰", False),
        ("婴儿死亡率", "<=", 3.5, "‰", False),
        ("5岁以下儿童死亡率", "<=", 5, "‰", False),
    ]


def test_parse_masked_value_is_flagged_not_guessed() -> None:
    code, out, _ = run("parse", "孕产妇死亡率下降到7/***以下", "--json")
    (target,) = json.loads(out)
    assert target["masked"] is True and target["value"] is None


def test_parse_text_output_and_nothing_found() -> None:
    code, out, _ = run("parse", "孕产妇死亡率下降到9/10万以下")
    assert code == 0 and "<= 9 1/10万" in out and "孕产妇死亡率" in out
    code, out, _ = run("parse", "加强组织领导")
    assert code == 0 and "no target found" in out


def test_schema_is_json_and_names_the_format() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert schema["properties"]["format"]["const"] == "compliance-plan/1"


def test_import_and_version_stay_lean() -> None:
    script = "import sys, compliance.cli; print(sorted(m for m in ('pint', 'jsonschema', 'pydantic', 'yaml') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_document_s_places_are_resolved_without_pinyin() -> None:
    """The places a document names as evidence need no did-you-mean: pypinyin's dictionaries (a quarter
    of a cold check of a document) are loaded only when a suggestion is really shown."""
    text = ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt"
    script = (
        "import sys; from pathlib import Path; from compliance.documents import load_plans; "
        f"load_plans([Path({str(text)!r})]); print('pypinyin' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    from compliance.catalogue.places import gazetteer

    assert gazetteer().resolve("新评县").suggestions  # a did-you-mean still comes, by sound too
