"""Writing targets back: a Chinese phrase (`render`) and the compact form of plan files (`parse_compact`, `render_compact`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from compliance.model.plan import MAX_DIGITS, Direction, Op, TargetValue, digits_written
from compliance.phrases.vocabulary import _fold, _vocabulary
from compliance.phrases.numbers import _plain, _ratio_value
from compliance.phrases.indicators import _ends_with_measure
from compliance.compiled import regex


def _number_text(value: Decimal) -> str:
    return format(_plain(value), "f")


def _unit_parts(unit: str | None) -> tuple[str, str | None]:
    """How a canonical unit is written after a number, and the 每… it needs before."""
    if unit is None:
        return "", None
    if unit in ("1/10万", "1/万"):
        return unit[1:], None  # 9/10万, 5/万
    if unit == "百分点":
        return "个百分点", None
    numerator, slash, denominator = unit.rpartition("/")
    if slash:
        word = {"年": "每年", "天": "每天", "周": "每周", "千人": "每千人口", "万人": "每万人口"}.get(denominator)
        if word is not None:
            return ("个百分点" if numerator == "百分点" else numerator), word
    return unit, None


def render(indicator: str | None, value: TargetValue) -> str:
    """A Chinese phrase stating the target, which `parse` reads back to the same value.

    Used to show a reviewer an encoded target in the words plans use, e.g.
    "孕产妇死亡率下降到9/10万以下".
    """
    vocab = _vocabulary()
    name = indicator or ""
    condition = value.condition or ""
    if value.op is Op.QUAL:
        word = vocab.qual_render.get(value.direction or Direction.INCREASE, "逐步提高")
        if name and not _ends_with_measure(name):
            name += "数量"  # a direction is read only after a measure: 社会工作者数量逐步提高
        return f"{name}{condition}{word}"
    written_unit, per = _unit_parts(value.unit)
    per = per or ""
    if value.masked:
        number = "**"
    elif value.ratio is not None and value.unit == "ratio":
        number = f"{_number_text(value.ratio[0])}:{_number_text(value.ratio[1])}"
        written_unit = ""
    else:
        number = _number_text(value.value) if value.value is not None else "**"
        if value.value_max is not None:
            number += f"-{_number_text(value.value_max)}"
    if value.unit == "ratio" and value.ratio is None:
        number = f"{number}:1"
        written_unit = ""
    amount = f"{number}{written_unit}"
    op = value.op
    if op is Op.REL_DECREASE or op is Op.REL_INCREASE:
        verb = "下降" if op is Op.REL_DECREASE else "提高"
        base = f"以{value.base_year}年为基数" if value.base_year is not None else ""
        return f"{name}{condition}{base}{per}{verb}{amount}"
    whole = value.unit == "%" and value.value == 100 and value.value_max is None and not value.masked
    phrase = {
        Op.GE: f"达到{amount}" if whole else f"达到{amount}以上",  # nothing is above 100%: 达到100%, never 100%以上
        Op.LE: f"控制在{amount}以下",
        Op.GT: f"高于{amount}",
        Op.LT: f"低于{amount}",
        Op.EQ: f"为{amount}",
        Op.ABOUT: f"保持在{amount}左右",
    }[op]
    return f"{name}{condition}{per}{phrase}"





_COMPACT_OPS = {op.value: op for op in Op}
_COMPACT = regex(
    r"^\s*(?P<op>>=|<=|>|<|=|~|rel_decrease|rel_increase)\s+"
    r"(?P<value>\*|[0-9]+(?:\.[0-9]+)?(?:\s*(?::|-)\s*[0-9]+(?:\.[0-9]+)?)?)"
    r"(?:\s+(?P<unit>(?!since\b|when\b)\S+))?"
    r"(?:\s+since\s+(?P<year>[0-9]{4}))?"
    r"(?:\s+when\s+(?P<condition>\S+))?\s*$"
)
_COMPACT_QUAL = regex(
    r"^\s*qual\s+(?P<direction>[a-z_]+)(?:\s+(?P<unit>(?!when\b)\S+))?(?:\s+when\s+(?P<condition>\S+))?\s*$"
)


def parse_compact(text: str) -> TargetValue | None:
    """The compact form plan files use: "<= 9 1/10万", "rel_decrease 20 % since 2020", "qual increase".

    Returns None when the text is not in compact form (a Chinese phrase, say);
    raises compliance.errors.UnitError for a unit nobody has defined, and
    NumberError for a number of more than MAX_DIGITS digits, because those are
    mistakes in the plan file the user must fix.
    """
    from compliance.errors import NumberError, UnitError
    from compliance.units import normalise_unit

    if not isinstance(text, str):
        return None
    folded = _fold(text)
    qual = _COMPACT_QUAL.match(folded)
    if qual:
        try:
            direction = Direction(qual.group("direction"))
        except ValueError:
            return None
        unit = normalise_unit(qual.group("unit")) if qual.group("unit") else None
        return TargetValue(op=Op.QUAL, direction=direction, unit=unit, condition=qual.group("condition"))
    match = _COMPACT.match(folded)
    if not match:
        return None
    op = _COMPACT_OPS[match.group("op")]
    raw = match.group("value").replace(" ", "")
    for number in re.findall(r"[0-9.]+", raw):
        if digits_written(number) > MAX_DIGITS:
            raise NumberError(number)
    unit_text = match.group("unit")
    unit = normalise_unit(unit_text) if unit_text else None
    fields: dict[str, Any] = {"op": op, "unit": unit, "condition": match.group("condition")}
    if match.group("year"):
        fields["base_year"] = int(match.group("year"))
    if raw == "*":
        fields["masked"] = True
    elif ":" in raw:
        first, second = (Decimal(x) for x in raw.split(":"))
        if second == 0:
            from compliance.messages import text as message

            raise UnitError(message("unit.zero-ratio", written=text))
        fields["ratio"] = (first, second)
        fields["value"] = _ratio_value(first, second)
        fields["unit"] = unit or "ratio"
    elif "-" in raw:
        low, high = (Decimal(x) for x in raw.split("-"))
        fields["value"], fields["value_max"] = low, high
    else:
        fields["value"] = Decimal(raw)
    return TargetValue(**fields)


def render_compact(value: TargetValue) -> str:
    """The inverse of parse_compact."""
    parts: list[str] = []
    if value.op is Op.QUAL:
        parts = ["qual", str(value.direction or Direction.INCREASE)]
        if value.unit:
            parts.append(value.unit)
    else:
        parts.append(str(value.op))
        if value.masked:
            parts.append("*")
        elif value.ratio is not None:
            parts.append(f"{_number_text(value.ratio[0])}:{_number_text(value.ratio[1])}")
        elif value.value is not None:
            text = _number_text(value.value)
            if value.value_max is not None:
                text += f"-{_number_text(value.value_max)}"
            parts.append(text)
        if value.unit and not (value.ratio is not None and value.unit == "ratio"):
            parts.append(value.unit)
        if value.base_year is not None:
            parts += ["since", str(value.base_year)]
    if value.condition:
        parts += ["when", value.condition]
    return " ".join(parts)
