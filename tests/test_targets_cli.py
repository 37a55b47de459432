"""`compliance targets …` and `validate` on the bundled data, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
REFERENCES = sorted((ROOT / "reference_targets").rglob("*.yaml"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_validate_passes_on_every_bundled_file() -> None:
    code, output = run("validate", *map(str, EXAMPLES + REFERENCES))
    assert code == 0, output
    assert output.count(": valid — ") == len(EXAMPLES) + len(REFERENCES)


EXPECTED_ANCESTORS = {
    "xinping-women-2021-2030": ["national/women-2021-2030", "yunnan/women-2021-2030", "yunnan/yuxi/women-2021-2030"],
    "xinping-children-2021-2030": [
        "national/children-2021-2030",
        "yunnan/children-2021-2030",
        "yunnan/yuxi/children-2021-2030",
    ],
    "jinan-shizhong-women-2021-2025": [
        "national/women-2021-2030",
        "shandong/women-2021-2025",
        "shandong/jinan/women-2021-2025",
    ],
    "jinan-shizhong-children-2021-2025": [
        "national/children-2021-2030",
        "shandong/children-2021-2025",
        "shandong/jinan/children-2021-2025",
    ],
}


@pytest.mark.parametrize("example", sorted(EXPECTED_ANCESTORS))
def test_targets_for_names_the_right_ancestors(example: str) -> None:
    code, output = run("targets", "for", str(ROOT / "examples" / "plans" / f"{example}.yaml"), "--json")
    assert code == 0, output
    ancestors = json.loads(output)["ancestors"]
    assert [a["id"] for a in ancestors] == EXPECTED_ANCESTORS[example]
    # 云南's children's plan: the targets one news summary quotes (reference-notes §4b, §15)
    provincial_encoded = example == "xinping-children-2021-2030"
    assert [a["targets_encoded"] for a in ancestors] == [True, provincial_encoded, False]


def test_jiaxing_is_checked_against_the_national_outline_and_zhejiang() -> None:
    plan = ROOT / "reference_targets" / "zhejiang" / "jiaxing" / "children-2021-2025.yaml"
    code, output = run("targets", "for", str(plan), "--json")
    assert [a["id"] for a in json.loads(output)["ancestors"]] == [
        "national/children-2021-2030",
        "zhejiang/children-2021-2025",
    ]


def test_targets_for_text_says_which_parents_have_no_targets() -> None:
    code, output = run("targets", "for", str(EXAMPLES[0]))
    assert code == 0
    assert "known, but its targets are not encoded — add them with --ref" in output


def test_targets_list_counts() -> None:
    code, output = run("targets", "list", "--json")
    assert code == 0, output
    records = {r["id"]: r for r in json.loads(output)}
    women = records["national/women-2021-2030"]
    assert women["level"] == "national" and women["targets_encoded"]
    assert 0 < women["verified_targets"] < women["numeric_targets"] <= women["targets"]
    assert not records["shandong/women-2021-2025"]["targets_encoded"]
    code, text = run("targets", "list")
    assert "national/women-2021-2030" in text and "not encoded" in text


def test_targets_show_gives_flags_and_evidence() -> None:
    code, output = run("targets", "show", "national/women-2021-2030", "--json")
    assert code == 0, output
    shown = json.loads(output)
    maternal = [t for t in shown["targets"] if t["indicator"] == "孕产妇死亡率"][0]
    assert (maternal["op"], maternal["value"], maternal["unit"], maternal["verified"]) == ("<=", 12, "1/10万", True)
    assert maternal["evidence"] and maternal["text"]
    code, text = run("targets", "show", "national/women-2021-2030")
    assert "[verified]" in text and "[UNVERIFIED]" in text and "evidence: http" in text


def test_targets_show_unknown_document_is_bad_input() -> None:
    code, output = run("targets", "show", "nowhere/nothing")
    assert code == 2
    assert "no such reference plan" in output


def test_user_reference_directory_wins(tmp_path: Path) -> None:
    mine = tmp_path / "refs" / "shandong-women.yaml"
    mine.parent.mkdir()
    mine.write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 山东省“十四五”妇女发展规划（官方文本）, kind: women, level: provincial, jurisdiction: [山东省], period: [2021, 2025]}\n"
        "targets:\n  - {indicator: 孕产妇死亡率, target: '<= 10 1/10万', verified: true}\n",
        encoding="utf-8",
    )
    example = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"
    code, output = run("targets", "for", str(example), "--ref", str(tmp_path / "refs"), "--json")
    provincial = json.loads(output)["ancestors"][1]
    assert provincial["title"].endswith("（官方文本）") and provincial["origin"] == "user" and provincial["targets_encoded"]
