"""docs/rules.md: every rule's documentation on one page, with an anchor per code (SARIF's helpUri points there).

Generated from the rules themselves (docstrings, codes and severities in
rules/checks.yaml, titles in the English catalogue); tests/test_ci_formats.py
checks that the committed page is up to date:

    python -c "from compliance.report.rule_docs import write; write()"
"""

from __future__ import annotations

from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"


def rules_markdown() -> str:
    from compliance.checks import RULES
    from compliance.messages import text

    out = [
        "# Rules",
        "",
        "Every rule of `compliance check`, as `compliance explain RULE` prints it. Codes and",
        "default severities are data (`rules/checks.yaml`); a project changes them with",
        "`severity` in its configuration ([ci.md](ci.md)). This page is generated from the",
        "rules (`compliance/report/rule_docs.py`); each code is an anchor (`rules.md#cmp201`).",
        "",
        "| code | rule | default | title |",
        "|---|---|---|---|",
    ]
    for rule in RULES:
        title = text(f"{rule.name}.title", "en")
        out.append(f"| [{rule.code()}](#{rule.code().lower()}) | {rule.name} | {rule.severity().value} | {title} |")
    for rule in RULES:
        title = text(f"{rule.name}.title", "en")
        doc = "\n".join("#" + line if line.startswith("## ") else line for line in rule.doc().splitlines())
        out += [
            "",
            f'<a id="{rule.code().lower()}"></a>',
            "",
            f"## {rule.code()} {rule.name}: {title}",
            "",
            f"Default severity: {rule.severity().value}. Family: {rule.family}.",
            "",
            doc,
        ]
    return "\n".join(out) + "\n"


def write(path: Path = PAGE) -> None:
    path.write_text(rules_markdown(), encoding="utf-8")
