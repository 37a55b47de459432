"""Dependencies point one way: a lower layer never imports a higher one (imports inside functions count too).

documents (plan files or documents) → extraction → reading / references / loading → phrases, catalogue, units → model
(phrases and catalogue read their YAML through loading.yamlfile, the low file reader).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "compliance"

# each layer, and the packages above it that it must never import
HIGHER = {
    "model": ["loading", "references", "reading", "extraction", "documents", "checks", "checking", "report", "cli", "verification"],
    "loading": ["references", "extraction", "documents", "checks", "checking", "report", "cli", "verification"],
    "references": ["extraction", "documents", "checks", "checking", "report", "cli", "config", "verification"],
    "reading": ["extraction", "documents", "checks", "checking", "report", "cli", "verification"],
    "phrases": ["references", "reading", "extraction", "documents", "checks", "checking", "report", "cli", "verification"],
    "catalogue": ["references", "reading", "extraction", "documents", "checks", "checking", "report", "cli", "verification"],
    "extraction": ["documents", "checks", "checking", "report", "cli", "verification"],
    # reference plans from official texts: above extraction and the references, below the CLI
    "verification": ["checks", "checking", "report", "cli"],
    # the settings read the rule registry (checks) and are read by the check, the reports and the CLI
    "config": ["extraction", "documents", "checking", "report", "cli"],
    # reading and writing the user's files safely: below everything but the errors and the messages
    "files": [
        "model", "loading", "references", "reading", "phrases", "catalogue", "extraction", "documents",
        "checks", "checking", "report", "cli", "config",
    ],
    # the message catalogues sit below everything that speaks to a user (they read YAML through loading.yamlfile)
    "messages": [
        "model", "references", "reading", "phrases", "catalogue", "extraction", "documents",
        "checks", "checking", "report", "cli",
    ],
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("compliance."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("compliance."):
                    found.add(alias.name.split(".")[1])
    return found


def _files(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]


@pytest.mark.parametrize("layer", sorted(HIGHER))
def test_no_layer_imports_a_higher_one(layer: str) -> None:
    wrong = []
    for path in _files(layer):
        for name in _imports(path) & set(HIGHER[layer]):
            wrong.append(f"{path.relative_to(PACKAGE.parent)} imports compliance.{name}")
    assert not wrong, "\n".join(wrong)


def test_documents_load_plan_files_and_extract_documents() -> None:
    from compliance.documents import is_document, load_plans

    root = PACKAGE.parent
    assert is_document("draft.docx") and is_document("notice.TXT") and not is_document("plan.yaml")
    plans = load_plans([root / "examples/plans/xinping-women-2021-2030.yaml"])
    assert [str(p.plan.kind) for p in plans] == ["women"]
