"""A wheel built from the repository carries rules/ and reference_targets/ and finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("compliance-*.whl")
    return built


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "compliance/_data/rules/units.yaml" in names
    assert "compliance/_data/reference_targets/national/women-2021-2030.yaml" in names
    assert "compliance/loading/plan.schema.json" in names
    assert "compliance/py.typed" in names  # PEP 561: type checkers read compliance's annotations
    assert "compliance/acceptance/waivers.schema.json" in names


def test_installed_wheel_finds_its_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import compliance, compliance.resources as r, compliance.units as u;"
        "print(compliance.__file__); print(r.data_dir('rules')); print(u.normalise_unit('％'))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    module_file, rules_dir, percent = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(site)
    assert Path(rules_dir) == site / "compliance" / "_data" / "rules"
    assert percent == "%"
