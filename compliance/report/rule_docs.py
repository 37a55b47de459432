"""docs/rules.md (English) and docs/rules.zh.md (中文): every rule's documentation on one page, an anchor per code.

Generated from the rules' data — codes and severities in rules/checks.yaml,
titles and summaries in the message catalogues, what / why / example in
rules/docs/ — as `compliance explain RULE` prints it; SARIF's helpUri points to
the page of the report's language. tests/test_ci_formats.py checks that the
committed pages are up to date:

    python -c "from compliance.report.rule_docs import write; write()"
"""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
PAGES = {"en": DOCS / "rules.md", "zh": DOCS / "rules.zh.md"}
PAGE = PAGES["en"]


def page_name(lang: str) -> str:
    """The page of `lang` beside the other docs: rules.md, rules.zh.md."""
    return PAGES[lang].name


def rules_markdown(lang: str = "en") -> str:
    from compliance.checks import RULES
    from compliance.checks.base import term
    from compliance.messages import text
    from compliance.messages.docs import rule_doc

    other = "zh" if lang == "en" else "en"
    out = [
        text("rules-page.title", lang),
        "",
        text("rules-page.intro", lang, other=page_name(other)),
        "",
        text("rules-page.table-header", lang),
        "|---|---|---|---|",
    ]
    for rule in RULES:
        code = rule.code()
        severity = term("severity", rule.severity()).render(lang)
        out.append(f"| [{code}](#{code.lower()}) | {rule.name} | {severity} | {rule.title().render(lang)} |")
    for rule in RULES:
        code = rule.code()
        out += [
            "",
            f'<a id="{code.lower()}"></a>',
            "",
            text("rules-page.heading", lang, code=code, name=rule.name, title=rule.title()),
            "",
            text(
                "rules-page.severity",
                lang,
                severity=term("severity", rule.severity()),
                family=rule.family,
            ),
            "",
            rule.summary().render(lang),
            "",
            rule_doc(rule.name, lang).markdown(level=3),
        ]
    return "\n".join(out) + "\n"


def write(pages: dict[str, Path] | None = None) -> None:
    for lang, path in (pages or PAGES).items():
        path.write_text(rules_markdown(lang), encoding="utf-8")
