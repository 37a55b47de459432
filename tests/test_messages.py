"""The message catalogues: complete in both languages, placeholders kept, the language chosen as documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.checks import RULES, HorizonMode, Severity
from compliance.checks.base import term
from compliance.checks.compare import Better
from compliance.errors import InputError
from compliance.messages import (
    LANGUAGES,
    Message,
    catalogue,
    msg,
    normalise_language,
    resolve_language,
    using,
)
from compliance.messages import _load as load_catalogue_file
from compliance.model import Direction, Kind, Level, Op

ROOT = Path(__file__).resolve().parent.parent
JINAN_WOMEN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"


def ids(lang: str) -> set[str]:
    return set(catalogue(lang).messages)


def test_every_message_id_is_in_both_catalogues() -> None:
    zh, en = ids("zh"), ids("en")
    assert sorted(zh - en) == [] and sorted(en - zh) == []


@pytest.mark.parametrize("id", sorted(ids("en")))
def test_both_languages_use_the_same_placeholders(id: str) -> None:
    assert catalogue("zh").placeholders(id) == catalogue("en").placeholders(id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_rendered_message_keeps_its_placeholders(lang: str) -> None:
    """Render every message with a distinct value per placeholder: each value must show, and no brace is left."""
    for id in sorted(ids(lang)):
        names = catalogue(lang).placeholders(id)
        params = {name: f"⟨{name}⟩" for name in names}
        for count in (1, 2):  # both plural forms
            if "count" in names:
                params["count"] = count
            text = msg(id, **params).render(lang)
            for name in names:
                shown = str(count) if name == "count" else f"⟨{name}⟩"
                assert shown in text, (lang, id, name, text)
            assert not re.search(r"(?<!\{)\{[a-z_]+\}(?!\})", text), (lang, id, text)


def _ids_in_code() -> tuple[set[str], set[str]]:
    """Message ids the code names: literal ones, and f-string ones as regular expressions."""
    literal: set[str] = set()
    patterns: set[str] = set()
    for path in (ROOT / "compliance").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("msg", "text", "t") and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                pattern = "".join(
                    re.escape(part.value) if isinstance(part, ast.Constant) else "[a-z_-]+" for part in first.values
                )
                patterns.add(pattern)
    for template in (ROOT / "compliance").rglob("*.j2"):  # t("id") / t('id') / t("prefix." ~ value) in templates
        source = template.read_text(encoding="utf-8")
        literal.update(re.findall(r"""\bt\(["']([a-z][a-z0-9.-]*)["']\s*[,)]""", source))
        patterns.update(re.escape(p) + "[a-z_-]+" for p in re.findall(r"""\bt\(["']([a-z][a-z0-9.-]*\.)["']\s*~""", source))
    return literal, patterns


def test_every_message_id_in_the_code_is_in_the_catalogues() -> None:
    literal, patterns = _ids_in_code()
    assert len(literal) > 80  # the scan found the checks' messages
    for lang in LANGUAGES:
        known = ids(lang)
        assert sorted(literal - known) == [], lang
        for pattern in patterns:
            assert any(re.fullmatch(pattern, id) for id in known), (lang, pattern)


def test_every_term_and_rule_title_exists() -> None:
    terms = [("level", m) for m in Level] + [("kind", m) for m in Kind] + [("severity", m) for m in Severity]
    terms += [("op", m) for m in Op] + [("direction", m) for m in Direction] + [("better", m) for m in Better]
    terms += [("horizon", m) for m in HorizonMode]
    for lang in LANGUAGES:
        for kind, member in terms:
            if (kind, member) == ("better", Better.BAND):
                continue  # a band has no direction to want
            assert term(kind, member).id in ids(lang), (lang, kind, member)
        for rule in RULES:
            assert rule.title().render(lang) and rule.summary().render(lang)


def test_a_finding_renders_in_either_language() -> None:
    import compliance

    report = compliance.check(compliance.load_plan(JINAN_WOMEN))
    (weaker,) = [f for f in report.findings if f.indicator == "hiv_mother_to_child_transmission"]
    assert weaker.body.id == "weaker-threshold.message"
    with using("zh"):
        chinese = weaker.message
        assert str(weaker.suggestion) == "将“艾滋病母婴传播率”目标控制在2%以下"
    assert weaker.render_message("zh") == chinese
    assert "低于上级《中国妇女发展纲要（2021—2030年）》要求" in chinese and "本级目标≤3%，上级要求≤2%" in chinese
    assert "缺少基线数值" in chinese  # the horizon note, in Chinese too
    english = weaker.render_message("en")
    assert "is not at most 2%" in english and "no baseline" in english
    unverified = [f for f in report.findings if f.reference and not f.reference.verified]
    assert all("尚未与正式文本核对" in f.render_message("zh") for f in unverified)


def test_officials_words_for_the_main_problems() -> None:
    zh = catalogue("zh").messages
    assert zh["weaker-threshold.title"] == "低于上级要求"
    assert zh["masked-value.title"] == "数值无法辨认"
    assert zh["unit-mismatch.title"] == "单位不一致"
    assert "主要目标" in zh["missing-domain.hint"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL wins over LANG
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "C"}, "zh"),
        ({"COMPLIANCE_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),  # COMPLIANCE_LANG wins over the locale
        ({"COMPLIANCE_LANG": "zh"}, "zh"),
    ],
)
def test_the_language_comes_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert resolve_language(environ=environ) == expected


def test_an_option_wins_over_the_environment_and_a_configured_default_over_the_locale() -> None:
    assert resolve_language("en", environ={"COMPLIANCE_LANG": "zh"}) == "en"
    assert resolve_language(None, configured="zh", environ={"LANG": "en_US.UTF-8"}) == "zh"
    assert resolve_language(None, configured="zh", environ={"COMPLIANCE_LANG": "en"}) == "en"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        resolve_language(None, environ={"COMPLIANCE_LANG": "fr"})
    assert normalise_language("Chinese (Simplified)_China") == "zh"  # Windows locale names


def run(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    base = {"COMPLIANCE_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    result = CliRunner().invoke(__import__("compliance.cli", fromlist=["main"]).main, args, env={**base, **env})
    return result.exit_code, result.stdout, result.stderr


def test_cli_language_by_option_env_and_locale() -> None:
    _, chinese, _ = run(["check", str(JINAN_WOMEN)], {"LANG": "zh_CN.UTF-8"})
    assert "对照的上级规划：" in chinese and "错误2项" in chinese
    _, english, _ = run(["check", str(JINAN_WOMEN), "--lang", "en"], {"LANG": "zh_CN.UTF-8"})
    assert "checked against:" in english and "2 errors" in english
    _, by_env, _ = run(["check", str(JINAN_WOMEN)], {"COMPLIANCE_LANG": "zh"})
    assert by_env == chinese
    _, rules, _ = run(["rules", "--lang", "zh"], {})
    assert "低于上级要求" in rules and "严重程度" in rules


def test_cli_language_does_not_leak_into_the_next_command() -> None:
    run(["check", str(JINAN_WOMEN), "--lang", "zh"], {})
    assert msg("report.checked-against").render() == "checked against:"  # the test process is in C.UTF-8


def test_an_unknown_language_is_a_usage_error() -> None:
    code, _, err = run(["check", str(JINAN_WOMEN)], {"COMPLIANCE_LANG": "fr"})
    assert code == 2 and "'fr'" in err and "COMPLIANCE_LANG" in err and "zh" in err


def test_a_message_is_an_id_with_parameters_rendered_late() -> None:
    message = msg("missing-domain.message", domain="妇女与家庭建设", reference="中国妇女发展纲要（2021—2030年）")
    assert isinstance(message, Message) and message.id == "missing-domain.message"
    assert message.render("zh") == "缺少上级《中国妇女发展纲要（2021—2030年）》中的“妇女与家庭建设”领域"
    assert message.render("en") == "the plan has no domain for 妇女与家庭建设 of 《中国妇女发展纲要（2021—2030年）》"
    nested = msg("nothing-checked.message", reason=msg("nothing-checked.no-encoded-ancestor"))
    assert nested.render("zh") == "未进行任何比对：本规划的上级规划均未录入目标。这不等于检查通过。"
    assert msg("text-mismatch.message", indicator="x", target="a", text="t", stated=["1", "2"]).render("zh").endswith("1、2")
    with pytest.raises(KeyError, match="no message 'no.such.id'"):
        msg("no.such.id").render("en")
    with pytest.raises(KeyError, match="needs the parameter 'domain'"):
        msg("missing-domain.message", reference="x").render("en")


def test_a_finding_message_must_come_from_the_catalogue() -> None:
    from compliance.checks.coverage import MissingDomain

    with pytest.raises(TypeError, match="compliance.messages.msg"):
        MissingDomain.finding("the plan has no domain")  # type: ignore[arg-type]


def test_a_broken_catalogue_is_reported_with_its_position(tmp_path: Path) -> None:
    broken = tmp_path / "xx.yaml"
    broken.write_text(
        "format: compliance-messages/1\nmessages:\n  a:\n    b: \"ok {x}\"\n    c: [1, 2]\n    d: \"open {brace\"\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_catalogue_file(broken, "xx")
    text = str(error.value)
    assert f"{broken}:5:8: 'a.c': a message must be text" in text
    assert f"{broken}:6:8: 'a.d'" in text
