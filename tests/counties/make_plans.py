"""The 14 county plans under 嘉兴市 (7 counties × women/children) with planted violations (issue 11).

Each plan is what a county drafter writes: 嘉兴市's plan (reference_targets/zhejiang/jiaxing),
adapted to the county — its own title and jurisdiction, domains named the city's or the
national way, the city's shares of counties restated or left out — plus, for the national
indicators the city's plan does not carry, the target an example plan (examples/plans:
新平县, 济南市市中区) sets for it. Then two violations are planted in each, of the kinds
reviewers meet (a weaker bound, a missing indicator, a typo in a name, ‰ and % confused,
a weaker yearly change, a word for a number, a dropped domain, an illegible value…).

    python tests/counties/make_plans.py      # rewrites tests/counties/plans/*.yaml

tests/test_counties.py checks that the committed files are what this script makes, that
every planted violation is found, and that no other finding is an error.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PLANS = HERE / "plans"
JIAXING = ROOT / "reference_targets" / "zhejiang" / "jiaxing"
EXAMPLES = ROOT / "examples" / "plans"
COUNTIES = ["南湖区", "秀洲区", "嘉善县", "平湖市", "海盐县", "海宁市", "桐乡市"]
FILE_NAMES = {
    "南湖区": "nanhu",
    "秀洲区": "xiuzhou",
    "嘉善县": "jiashan",
    "平湖市": "pinghu",
    "海盐县": "haiyan",
    "海宁市": "haining",
    "桐乡市": "tongxiang",
}
# Domains as the national outlines name them, for the counties that follow the national wording.
NATIONAL_DOMAIN_NAMES = {"妇女参与决策管理": "妇女参与决策和管理", "妇女与法律保护": "妇女与法律", "儿童与社会环境": "儿童与环境"}

Planted = tuple[str, str]  # (rule, catalogue id or indicator as written)


# --------------------------------------------------------------------------- violations


def _targets(plan: dict[str, Any], indicator: str) -> list[dict[str, Any]]:
    found = [t for t in plan["targets"] if t["indicator"] == indicator]
    assert found, indicator
    return found


def _rewrite(plan: dict[str, Any], indicator: str, target: Any, text: str | None = None) -> None:
    """Every statement of `indicator` in the plan now says `target` (and `text`)."""
    for statement in _targets(plan, indicator):
        statement["target"] = copy.deepcopy(target)
        if text is not None:
            statement["text"] = text


def weaker_maternal_mortality(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "孕产妇死亡率", {"op": "<=", "value": 9, "unit": "1/10万"}, "孕产妇死亡率控制在9/10万以下")
    return ("weaker-threshold", "maternal_mortality")


def missing_prenatal_screening(plan: dict[str, Any]) -> Planted:
    plan["targets"] = [t for t in plan["targets"] if t["indicator"] != "产前筛查率"]
    return ("missing-indicator", "prenatal_screening")


def typo_fitness(plan: dict[str, Any]) -> Planted:
    for target in _targets(plan, "妇女国民体质合格率"):
        target["indicator"] = "妇女国民体质合各率"  # 各 for 格
    return ("possible-typo", "women_fitness_pass_rate")


def band_employment(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "就业人员中的女性比例", {"op": "~", "value": 35, "unit": "%"}, "就业人员中的女性比例保持在35％左右")
    return ("band-deviation", "female_share_employed")


def per_mille_for_percent_higher_education(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "高等教育毛入学率", {"op": ">=", "value": 70, "unit": "‰"})
    return ("implausible-value", "higher_education_gross_enrolment")


def missing_domain_environment(plan: dict[str, Any]) -> Planted:
    dropped = [d for d in plan["domains"] if d == "妇女与环境"]
    plan["domains"] = [d for d in plan["domains"] if d != "妇女与环境"]
    for target in plan["targets"]:
        if target.get("domain") in dropped:
            del target["domain"]
    return ("missing-domain", "-")


def direction_party_members(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "中国共产党女党员比例", "逐步降低", "中国共产党女党员比例逐步降低")
    return ("direction-conflict", "female_share_party_members")


def masked_senior_professionals(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "高级专业技术人员中的女性比例", ">= * %", "高级专业技术人员中的女性比例达到**％以上")
    return ("masked-value", "female_share_senior_professionals")


def weaker_infant_mortality(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "婴儿死亡率", {"op": "<=", "value": 6, "unit": "‰"})
    return ("weaker-threshold", "infant_mortality")


def missing_breastfeeding(plan: dict[str, Any]) -> Planted:
    plan["targets"] = [t for t in plan["targets"] if t["indicator"] != "0-6个月婴儿纯母乳喂养率"]
    return ("missing-indicator", "exclusive_breastfeeding_6m")


def typo_preschool(plan: dict[str, Any]) -> Planted:
    for target in _targets(plan, "学前三年教育毛入园率"):
        target["indicator"] = "学前三年教育毛人园率"  # 人 for 入
    return ("possible-typo", "preschool_gross_enrolment")


def per_mille_for_percent_myopia(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "小学生近视率", {"op": "<=", "value": 38, "unit": "‰"}, "小学生近视率降至38‰以下")
    return ("implausible-value", "myopia_primary")


def percent_for_per_mille_infant_mortality(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "婴儿死亡率", {"op": "<", "value": 5, "unit": "%"})
    return ("implausible-value", "infant_mortality")


def weaker_yearly_myopia(plan: dict[str, Any]) -> Planted:
    for target in _targets(plan, "儿童青少年总体近视率"):
        if target["target"].get("unit") == "百分点/年":
            target["target"] = {**target["target"], "value": 0.5}
            target["text"] = "儿童青少年总体近视率在2020年基础上每年降低0.5个百分点以上"
    return ("weaker-threshold", "myopia_overall")


def qualitative_anaemia(plan: dict[str, Any]) -> Planted:
    _rewrite(plan, "5岁以下儿童贫血患病率", "逐步降低", "5岁以下儿童贫血患病率逐步降低")
    return ("qualitative-only", "under5_anaemia")


def conflicting_caries(plan: dict[str, Any]) -> Planted:
    (measure,) = [t for t in plan["targets"] if t["indicator"] == "12岁儿童龋齿患病率"]
    measure["target"] = {"op": "<=", "value": 30, "unit": "%"}
    measure["text"] = "12岁儿童龋齿患病率控制在30％以内"
    return ("conflicting-targets", "dental_caries_12")


WOMEN: list[Callable[[dict[str, Any]], Planted]] = [
    weaker_maternal_mortality,
    missing_prenatal_screening,
    typo_fitness,
    band_employment,
    per_mille_for_percent_higher_education,
    missing_domain_environment,
    direction_party_members,
    masked_senior_professionals,
]
CHILDREN: list[Callable[[dict[str, Any]], Planted]] = [
    weaker_infant_mortality,
    missing_breastfeeding,
    typo_preschool,
    per_mille_for_percent_myopia,
    percent_for_per_mille_infant_mortality,
    weaker_yearly_myopia,
    qualitative_anaemia,
    conflicting_caries,
]


# --------------------------------------------------------------------------- the plans


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _city(kind: str) -> dict[str, Any]:
    return copy.deepcopy(_cached(JIAXING / f"{kind}-2021-2025.yaml"))


@cache
def _cached(path: Path) -> Any:
    return _load(path)


@cache
def _example_targets() -> list[tuple[str, dict[str, Any]]]:
    """Every target of the example plans, with the kind of its plan (新平 first, then 济南市市中区)."""
    found = []
    for path in sorted(EXAMPLES.glob("*.yaml"), key=lambda p: (not p.name.startswith("xinping"), p.name)):
        data = _load(path)
        for target in data["targets"]:
            found.append((data["plan"]["kind"], {**target, "note": f"from {path.name}"}))
    return found


def _check(document: dict[str, Any]) -> Any:
    from compliance.checking import check
    from compliance.loading.plans import loads_plan

    return check(loads_plan(json.dumps(document, ensure_ascii=False, default=str), "county.yaml"), _library())


@cache
def _library() -> Any:
    from compliance.references import ReferenceLibrary

    return ReferenceLibrary.load()


def _adapt(kind: str, county: str, index: int) -> dict[str, Any]:
    """A county's copy of the city's plan, complete against the national outline, before any violation."""
    city = _city(kind)
    word = "妇女" if kind == "women" else "儿童"
    national_names = index % 2 == 1
    rename = NATIONAL_DOMAIN_NAMES if national_names else {}
    plan: dict[str, Any] = {
        "format": "compliance-plan/1",
        "plan": {
            "title": f"{county}{word}发展“十四五”规划",
            "kind": kind,
            "level": "county",
            "jurisdiction": ["浙江省", "嘉兴市", county],
            "period": [2021, 2025],
            "follows": [f"浙江省{word}发展“十四五”规划", f"嘉兴市{word}发展“十四五”规划"],
        },
        "domains": [rename.get(d, d) for d in city["domains"]],
        "targets": [],
    }
    restate_shares = index % 3 != 0
    for target in city["targets"]:
        copied = {k: v for k, v in target.items() if k not in ("verified", "scope", "evidence")}
        if "scope" in target and not restate_shares:
            continue  # the city's shares of counties: some counties leave them out
        if copied.get("domain"):
            copied["domain"] = rename.get(copied["domain"], copied["domain"])
        plan["targets"].append(copied)
    # The national indicators the city's plan leaves out, as the example plans state them.
    missing = [f for f in _check(plan).findings if f.rule == "missing-indicator"]
    for finding in missing:
        for example_kind, example in _example_targets():
            if example_kind != kind or not _same_indicator(example["indicator"], finding.indicator, kind):
                continue
            candidate = copy.deepcopy(plan)
            added = {k: v for k, v in example.items() if k in ("indicator", "target", "text", "note")}
            added["domain"] = _plan_domain(candidate, finding.domain)
            candidate["targets"].append(added)
            errors = [f for f in _check(candidate).findings if f.severity.value == "error" and f.indicator == finding.indicator]
            if not errors:
                plan = candidate
                break
    return plan


def _same_indicator(name: str, indicator_id: str | None, kind: str) -> bool:
    from compliance.catalogue import load_catalogue

    found = load_catalogue().match_indicator(name, kind)
    return found is not None and found.id == indicator_id


def _plan_domain(plan: dict[str, Any], domain: str | None) -> str | None:
    from compliance.catalogue import load_catalogue

    if domain is None:
        return None
    catalogue = load_catalogue()
    kind = plan["plan"]["kind"]
    wanted = catalogue.match_domain(domain, kind)
    for written in plan["domains"]:
        if catalogue.match_domain(written, kind) == wanted:
            return written
    return None


def adapted(kind: str, county: str, index: int) -> dict[str, Any]:
    """`_adapt`, made once per process (a copy each time)."""
    return copy.deepcopy(_adapted(kind, county, index))


@cache
def _adapted(kind: str, county: str, index: int) -> dict[str, Any]:
    return _adapt(kind, county, index)


def county_plans() -> dict[str, tuple[dict[str, Any], list[Planted]]]:
    """File name → (plan document, the violations planted in it)."""
    plans: dict[str, tuple[dict[str, Any], list[Planted]]] = {}
    for index, county in enumerate(COUNTIES):
        for kind, violations in (("women", WOMEN), ("children", CHILDREN)):
            plan = adapted(kind, county, index)
            chosen = [violations[index % len(violations)], violations[(index + 3) % len(violations)]]
            planted = [violation(plan) for violation in chosen]
            plan["planted"] = [list(p) for p in planted]  # documentation only; removed before checking
            plans[f"{FILE_NAMES[county]}-{kind}-2021-2025.yaml"] = (plan, planted)
    return plans


def render(plan: dict[str, Any], planted: list[Planted]) -> str:
    header = (
        "# Generated by tests/counties/make_plans.py from 嘉兴市's plan and the example plans: do not edit.\n"
        "# Planted violations: " + "; ".join(f"{rule} {indicator}" for rule, indicator in planted) + "\n"
    )
    body = {k: v for k, v in plan.items() if k != "planted"}
    return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120)


def write(folder: Path = PLANS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (plan, planted) in county_plans().items():
        (folder / name).write_text(render(plan, planted), encoding="utf-8")


if __name__ == "__main__":
    write()
