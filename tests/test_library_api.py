"""The library API a CI script uses: names exported from `compliance`, typed (py.typed) for mypy --strict."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import compliance

ROOT = Path(__file__).resolve().parent.parent
TYPING = Path(__file__).parent / "typing"


def test_the_ci_names_are_exported() -> None:
    from compliance.checking import Report
    from compliance.checks import Finding, Rule, Severity
    from compliance.config import Settings, load_settings

    assert (compliance.Finding, compliance.Severity, compliance.Rule) == (Finding, Severity, Rule)
    assert (compliance.Settings, compliance.load_settings, compliance.Report) == (Settings, load_settings, Report)
    assert {"Finding", "Severity", "Rule", "Settings", "load_settings", "Report", "check"} <= set(compliance.__all__)


def test_type_checkers_see_every_exported_name() -> None:
    """The TYPE_CHECKING block of compliance/__init__.py names exactly the lazily loaded exports."""
    tree = ast.parse((ROOT / "compliance" / "__init__.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    seen = {alias.asname or alias.name for n in block.body if isinstance(n, ast.ImportFrom) for alias in n.names}
    seen |= {t.id for n in block.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    assert {name for name in seen if not name.startswith("_")} == set(compliance.__all__) - {"__version__"}


def test_report_to_dict_is_the_json_report_of_the_plan() -> None:
    import json

    from compliance.report.json_report import report_record

    report = compliance.check(compliance.load_plan(ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"))
    data = report.to_dict()
    assert data == report_record(report)
    assert data["summary"] == report.summary and data["findings"][0]["rule"] == report.findings[0].rule
    json.dumps(data, ensure_ascii=False)  # JSON-ready


def test_a_user_script_passes_mypy_strict_and_mistakes_are_caught(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"),
         "user_script.py", "wrong_script.py"],
        cwd=TYPING,
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert not [line for line in lines if line.startswith("user_script.py")], result.stdout
    wrong = [line for line in lines if line.startswith("wrong_script.py")]
    assert len(wrong) == 2, result.stdout + result.stderr
    assert 'Argument "settings" to "check" has incompatible type "str"; expected "Settings | None"' in wrong[0]
    assert 'expression has type "int", variable has type "str"' in wrong[1]
