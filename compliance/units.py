"""Units of measure: reading them as written, converting exactly, refusing the impossible.

The definitions are data (`rules/units.yaml`); pint does the dimensional
analysis. The registry is built on first use, so `import compliance` stays fast.
Magnitudes are `Fraction`s: 3‰ equals 0.3% exactly, with no float noise.

Canonical symbols are what plan files and reports show: "%", "‰", "1/10万",
"岁", "人", "万人", "个/千人", "次/年", "百分点", "ratio"…
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from compliance.errors import UnitError
from compliance.resources import rules_file

if TYPE_CHECKING:  # pragma: no cover
    import pint

Number = int | Decimal | Fraction | str


@dataclass(frozen=True)
class _Table:
    """The unit table in force: written forms, canonical symbols, dimensions and exact factors."""

    pint_of: dict[str, str]  # canonical symbol (numerator or denominator) -> pint expression
    symbol_of: dict[str, str]  # written form -> canonical numerator symbol
    denominator_of: dict[str, str]  # written form -> canonical denominator symbol
    # every canonical unit (a symbol, or numerator/denominator) -> its dimension as pint writes it, and the
    # exact factor to pint's base units: convert(v, a, b) = v * factor[a] / factor[b] when the dimensions agree
    dimension_of: dict[str, str]
    factor_of: dict[str, Fraction]


def fold(text: str) -> str:
    """Full-width to half-width and no white space: how written units are compared."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


@cache
def _table() -> _Table:
    """The units of rules/units.yaml with every conversion precomputed by pint, kept in the cache (compliance.cache).

    pint is imported only to build the table, once per edit of units.yaml: a
    check multiplies Fractions instead of building pint Quantities.
    """
    from compliance.cache import cached

    source = rules_file("units.yaml")
    return cached("units", [source], lambda: _build_table(source))


def _build_table(source: Any) -> _Table:
    from compliance.loading.yamlfile import read_yaml

    data = read_yaml(source).data
    pint_of: dict[str, str] = {}
    symbol_of: dict[str, str] = {}
    denominator_of: dict[str, str] = {}
    for group, index in (("units", symbol_of), ("denominators", denominator_of)):
        for symbol, entry in data[group].items():
            symbol = str(symbol)
            pint_of.setdefault(symbol, str(entry["pint"]))
            index[fold(symbol)] = symbol
            for alias in entry.get("aliases", []):
                index.setdefault(fold(str(alias)), symbol)
    registry = _registry(str(data["definitions"]))
    numerators = list(dict.fromkeys(symbol_of.values()))
    canonical = numerators + [f"{n}/{d}" for n in numerators for d in dict.fromkeys(denominator_of.values())]
    dimension_of: dict[str, str] = {}
    factor_of: dict[str, Fraction] = {}
    for unit in canonical:
        quantity = registry.Quantity(Fraction(1), _expression(pint_of, unit))
        dimension_of[unit] = str(quantity.dimensionality)
        factor_of[unit] = Fraction(quantity.to_base_units().magnitude)
    return _Table(pint_of, symbol_of, denominator_of, dimension_of, factor_of)


@cache
def _registry(definitions: str) -> pint.UnitRegistry:
    import pint

    registry = pint.UnitRegistry(None, non_int_type=Fraction)
    for line in definitions.splitlines():
        if line.strip():
            registry.define(line.strip())
    return registry


def _expression(pint_of: dict[str, str], symbol: str) -> str:
    """The pint expression of a canonical unit: 微克/立方米/年 — the last slash divides."""
    numerator, slash, denominator = symbol.rpartition("/")
    if symbol in pint_of or not slash:
        return pint_of[symbol]
    return f"({pint_of[numerator]}) / ({pint_of[denominator]})"


def normalise_unit(written: str) -> str:
    """The canonical symbol for a unit as a document writes it.

    >>> normalise_unit("％"), normalise_unit("/10万活产"), normalise_unit("名/千名儿童")
    ('%', '1/10万', '名/千人')

    Raises UnitError for a unit nobody has defined.
    """
    table = _table()
    global _NORMALISED
    if _NORMALISED[0] is not table:  # remembered per table (a plan writes the same few units again and again)
        _NORMALISED = (table, {})
    found = _NORMALISED[1].get(written)
    if found is not None:
        return found
    found = _normalised(table, written)
    if len(_NORMALISED[1]) < 10_000:
        _NORMALISED[1][written] = found
    return found


_NORMALISED: tuple[Any, dict[str, str]] = (None, {})


def normalised_or_none(written: str) -> str | None:
    """normalise_unit(written), or None for a unit nobody has defined (remembered too: the parser tries the words
    after each number, and the error's message, which lists every known unit, is not worth writing to drop it)."""
    table = _table()
    if _READ[0] is not table:  # remembered per table, as normalise_unit's
        _READ[0], _READ[1] = table, {}
    found = _READ[1].get(written, _NOT_YET)
    if found is _NOT_YET:
        try:
            found = normalise_unit(written)
        except UnitError:
            found = None
        if len(_READ[1]) < 10_000:
            _READ[1][written] = found
    return found  # type: ignore[return-value]


_READ: list[Any] = [None, {}]
_NOT_YET = object()


def _normalised(table: _Table, written: str) -> str:
    key = fold(written)
    if key in table.symbol_of:
        return table.symbol_of[key]
    if "/" in key:
        numerator, _, denominator = key.rpartition("/")
        if numerator in table.symbol_of and denominator in table.denominator_of:
            return f"{table.symbol_of[numerator]}/{table.denominator_of[denominator]}"
    from compliance.messages import text

    raise UnitError(text("unit.unknown", unit=written, known=known_units()))


def is_known_unit(written: str) -> bool:
    try:
        normalise_unit(written)
    except UnitError:
        return False
    return True


def known_units() -> list[str]:
    """Canonical symbols, in the order of the definitions file."""
    return list(dict.fromkeys(_table().symbol_of.values()))


def _pint_expression(unit: str) -> str:
    return _expression(_table().pint_of, normalise_unit(unit))


def _quantity(value: Number, unit: str) -> Any:
    """A pint Quantity: only for a unit the precomputed table lacks (none that normalise_unit returns)."""
    from compliance.loading.yamlfile import read_yaml

    definitions = str(read_yaml(rules_file("units.yaml")).data["definitions"])
    return _registry(definitions).Quantity(as_fraction(value), _pint_expression(unit))


def _dimension(unit: str) -> str:
    symbol = normalise_unit(unit)
    found = _table().dimension_of.get(symbol)
    return found if found is not None else str(_quantity(1, unit).dimensionality)


def as_fraction(value: Number) -> Fraction:
    """An exact Fraction from an int, Decimal, Fraction or decimal string."""
    # the common cases first, without isinstance (Fraction's is an abstract base class's check)
    if type(value) is Decimal:
        if value.is_finite():
            found = _FRACTIONS.get(value)
            if found is not None:
                return found
    elif type(value) is Fraction:
        return value
    elif type(value) is str:  # the bounds and tolerances of rules files, asked for per target
        found = _TEXT_FRACTIONS.get(value)
        if found is not None:
            return found
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        raise TypeError("floats are not exact: pass a Decimal or a string")
    if isinstance(value, Decimal) and value.is_finite():  # the values of targets: a few hundred distinct ones, converted again and again
        found = _FRACTIONS.get(value)
        if found is None:
            found = Fraction(value)
            if len(_FRACTIONS) < 100_000:
                _FRACTIONS[value] = found
        return found
    if isinstance(value, str):
        found = _TEXT_FRACTIONS.get(value)
        if found is None:
            found = Fraction(Decimal(value))
            if len(_TEXT_FRACTIONS) < 10_000:
                _TEXT_FRACTIONS[value] = found
        return found
    return Fraction(value)


_FRACTIONS: dict[Decimal, Fraction] = {}  # equal Decimals (95, 95.0) are the same Fraction
_TEXT_FRACTIONS: dict[str, Fraction] = {}


def compatible(unit_a: str, unit_b: str) -> bool:
    """Can a value in unit_a be converted into unit_b?"""
    try:
        return _dimension(unit_a) == _dimension(unit_b)
    except UnitError:
        return False


def dimension(unit: str) -> str:
    """The dimension a unit measures, e.g. '[rate]' or '[count] / [time]'."""
    return _dimension(unit)


def convert(value: Number, from_unit: str, to_unit: str) -> Fraction:
    """`value` in `from_unit`, expressed exactly in `to_unit`.

    Raises UnitError when the two measure different things (万人 and %).
    """
    factor = _factor(from_unit, to_unit)
    fraction = as_fraction(value)
    return fraction if factor is _ONE else fraction * factor


_ONE = Fraction(1)  # the factor between a unit and itself (or an equal one): no multiplication needed


@cache
def _factor(from_unit: str, to_unit: str) -> Fraction:
    """The exact factor from one unit to another (cached per pair); UnitError when they measure different things."""
    table = _table()
    source, target = normalise_unit(from_unit), normalise_unit(to_unit)
    if source in table.factor_of and target in table.factor_of:
        if table.dimension_of[source] != table.dimension_of[target]:
            from compliance.messages import text

            raise UnitError(
                text(
                    "unit.not-convertible",
                    unit=source,
                    to=target,
                    dimension=_Dimension(table.dimension_of[source]),
                    to_dimension=_Dimension(table.dimension_of[target]),
                )
            )
        factor = table.factor_of[source] / table.factor_of[target]
        return _ONE if factor == 1 else factor
    import pint

    try:
        factor = Fraction(_quantity(1, from_unit).to(_pint_expression(to_unit)).magnitude)
        return _ONE if factor == 1 else factor
    except pint.DimensionalityError as error:
        from compliance.messages import text

        raise UnitError(
            text(
                "unit.not-convertible",
                unit=normalise_unit(from_unit),
                to=normalise_unit(to_unit),
                dimension=_Dimension(str(error.dim1)),
                to_dimension=_Dimension(str(error.dim2)),
            )
        ) from None


@dataclass(frozen=True)
class _Dimension:
    """A pint dimensionality ([count] / [time]) in the user's words: 数量/时间."""

    written: str

    def localize(self, lang: str) -> str:
        from compliance.messages import catalogue

        words = catalogue(lang).messages

        def word(match: re.Match[str]) -> str:
            found = words.get(f"unit.dimension.{match.group(1)}")
            return found if isinstance(found, str) else match.group(0)

        return re.sub(r"\[(\w+)\]", word, self.written)


@lru_cache(maxsize=8192)  # equal values (95, 95.0, Fraction(95)) are written alike: one entry serves them all
def number_text(value: Number | float) -> str:
    """A number as a person writes it: 95, 0.85, 5.2 (at most four decimals, no trailing zeros)."""
    number = float(as_fraction(value)) if not isinstance(value, float) else value
    text = f"{number:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def quantity_text(value: Number | float, unit: str | None) -> str:
    """A value with its unit as plans write it: 95%, 5‰, 7/10万, 2名, 3万人, 1次/年.

    Count and measure units follow the number directly, as plans write them:
    10场, 5000人次, 60分钟, 1.5倍, 500平方米, 35微克/立方米, 2亿元.
    """
    number = number_text(value)
    if not unit:
        return number
    if unit in ("1/10万", "1/万"):
        return f"{number}{unit[1:]}"
    if unit == "ratio":
        return f"{number} (ratio)"
    return f"{number}{unit}"
