"""compliance: check Chinese local women's and children's development plans against their parents.

The library API (the `compliance` command is a thin layer over it):

    >>> import compliance
    >>> plan = compliance.load_plan("examples/plans/xinping-women-2021-2030.yaml")  # doctest: +SKIP
    >>> compliance.parse_phrase("孕产妇死亡率下降到9/10万以下")  # doctest: +SKIP
    >>> report = compliance.check(plan)  # against its bundled ancestors  # doctest: +SKIP
    >>> report.summary, report.findings[0].message  # doctest: +SKIP
    >>> document = compliance.report_document(compliance.check_inputs(["plans/"]))  # a batch: the JSON report  # doctest: +SKIP
    >>> settings = compliance.load_settings()  # compliance.toml, COMPLIANCE_*  # doctest: +SKIP
    >>> compliance.check(plan, settings=settings).failed  # doctest: +SKIP

Names are imported on first use, so `import compliance` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_plan": ("compliance.loading.plans", "load_plan"),
    "loads_plan": ("compliance.loading.plans", "loads_plan"),
    "load_plans": ("compliance.documents", "load_plans"),
    "extract": ("compliance.extraction", "extract"),
    "parse_phrase": ("compliance.phrases", "parse"),
    "render_phrase": ("compliance.phrases", "render"),
    "load_catalogue": ("compliance.catalogue", "load_catalogue"),
    "check": ("compliance.checking", "check"),
    "check_inputs": ("compliance.batch", "check_inputs"),
    "report_document": ("compliance.report.json_report", "document_of"),
    "Report": ("compliance.checking", "Report"),
    "Finding": ("compliance.checks", "Finding"),
    "Severity": ("compliance.checks", "Severity"),
    "Rule": ("compliance.checks", "Rule"),
    "RULES": ("compliance.checks", "RULES"),
    "Settings": ("compliance.config", "Settings"),
    "load_settings": ("compliance.config", "load_settings"),
    "FailOn": ("compliance.config", "FailOn"),
    "ReferenceLibrary": ("compliance.references", "ReferenceLibrary"),
    "InputError": ("compliance.errors", "InputError"),
    "Problem": ("compliance.errors", "Problem"),
    "Plan": ("compliance.model", "Plan"),
    "PlanInfo": ("compliance.model", "PlanInfo"),
    "Target": ("compliance.model", "Target"),
    "TargetValue": ("compliance.model", "TargetValue"),
    "Op": ("compliance.model", "Op"),
    "Direction": ("compliance.model", "Direction"),
}

# The same names for type checkers (`X as X` re-exports them); at run time they load on first use.
# A new export goes in both places (tests/test_library_api.py checks they agree).
if TYPE_CHECKING:
    from compliance.loading.plans import load_plan as load_plan, loads_plan as loads_plan
    from compliance.documents import load_plans as load_plans
    from compliance.extraction import extract as extract
    from compliance.phrases import parse as _parse, render as _render

    parse_phrase = _parse
    render_phrase = _render
    from compliance.catalogue import load_catalogue as load_catalogue
    from compliance.checking import Report as Report, check as check
    from compliance.batch import check_inputs as check_inputs
    from compliance.report.json_report import document_of as _document_of

    report_document = _document_of
    from compliance.checks import Finding as Finding, RULES as RULES, Rule as Rule, Severity as Severity
    from compliance.config import FailOn as FailOn, Settings as Settings, load_settings as load_settings
    from compliance.references import ReferenceLibrary as ReferenceLibrary
    from compliance.errors import InputError as InputError, Problem as Problem
    from compliance.model import Direction as Direction, Op as Op, Plan as Plan, PlanInfo as PlanInfo
    from compliance.model import Target as Target, TargetValue as TargetValue

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'compliance' has no attribute '{name}'")
    module, attribute = _EXPORTS[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
