"""A plan whose metadata the document does not tell goes through every command and report format.

Extraction writes an unknown kind, level, jurisdiction or period as unknown; every
later stage (the check, the text, JSON, HTML, Markdown, CSV and Excel reports,
baselines, waivers, `targets for`, `extract -o`) must take it: findings, never an
internal error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main

BARE = "发展规划\n主要目标：\n1．孕产妇死亡率控制在10/10万以下。\n2．婴儿死亡率控制在5‰以下。\n"


@pytest.fixture()
def bare(tmp_path: Path) -> Path:
    path = tmp_path / "bare.txt"
    path.write_text(BARE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json", "html", "markdown", "csv", "xlsx"])
def test_check_reports_a_plan_of_unknown_metadata_in_every_format(bare: Path, tmp_path: Path, fmt: str) -> None:
    args = ["check", str(bare), "--format", fmt]
    if fmt in ("html", "xlsx"):
        args += ["-o", str(tmp_path / f"report.{fmt}")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # findings at error severity (metadata-unknown), not a bug (3)
    if fmt == "text":
        assert "CMP106" in result.output and "--kind" in result.output


def test_baselines_targets_and_extract_take_a_plan_of_unknown_metadata(bare: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    baseline = tmp_path / "baseline.yaml"
    assert runner.invoke(main, ["check", str(bare), "--write-baseline", str(baseline)]).exit_code == 0
    assert runner.invoke(main, ["check", str(bare), "--baseline", str(baseline)]).exit_code == 0
    result = runner.invoke(main, ["targets", "for", str(bare)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["extract", str(bare), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["bare-plan.yaml"]
