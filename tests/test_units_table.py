"""The precomputed conversion table (compliance.units) gives exactly what pint gives, for every pair of units.

A check multiplies Fractions from a table pint built once (kept in the cache);
this test builds every conversion again with pint directly and compares.
"""

from __future__ import annotations

import itertools
import sys
from fractions import Fraction

import pint
import pytest

from compliance import units
from compliance.errors import UnitError
from compliance.loading.yamlfile import read_yaml
from compliance.messages import text
from compliance.resources import rules_file


def _pint() -> pint.UnitRegistry:
    registry = pint.UnitRegistry(None, non_int_type=Fraction)
    for line in str(read_yaml(rules_file("units.yaml")).data["definitions"]).splitlines():
        if line.strip():
            registry.define(line.strip())
    return registry


REGISTRY = _pint()
TABLE = units._table()
CANONICAL = sorted(TABLE.factor_of)


def _direct(value: Fraction, source: str, target: str) -> Fraction | str:
    expression = units._expression(TABLE.pint_of, source)
    try:
        converted = REGISTRY.Quantity(value, expression).to(units._expression(TABLE.pint_of, target))
    except pint.DimensionalityError as error:  # the message convert() gave when pint converted every value
        return str(text("unit.not-convertible", unit=source, to=target,
                        dimension=units._Dimension(str(error.dim1)), to_dimension=units._Dimension(str(error.dim2))))
    return Fraction(converted.magnitude)


def test_every_canonical_unit_is_in_the_table() -> None:
    """Each unit normalise_unit can return: the symbols, and each numerator over each denominator."""
    numerators = units.known_units()
    denominators = set(TABLE.denominator_of.values())
    assert set(CANONICAL) == set(numerators) | {f"{n}/{d}" for n in numerators for d in denominators}


@pytest.mark.parametrize("source", CANONICAL)
def test_conversions_equal_pint(source: str) -> None:
    value = Fraction(37, 10)
    for target in CANONICAL:
        direct = _direct(value, source, target)
        try:
            assert units.convert(value, source, target) == direct, (source, target)
        except UnitError as error:
            assert isinstance(direct, str) and str(error) == direct
        assert units.compatible(source, target) == (not isinstance(direct, str))
    assert units.dimension(source) == str(REGISTRY.Quantity(1, units._expression(TABLE.pint_of, source)).dimensionality)


def test_a_check_does_not_import_pint() -> None:
    """With the table built, converting is arithmetic: pint stays out of a check's process."""
    import subprocess

    code = "from compliance import units; units.convert(3, '‰', '%'); import sys; print('pint' in sys.modules)"
    units._table.cache_clear()  # an earlier test (tests/test_cache.py edits rules/) may have evicted this process's entry
    units._table()  # the cache entry exists now (read, or built and stored)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_written_forms_convert_like_their_symbols() -> None:
    for written, symbol in itertools.islice(TABLE.symbol_of.items(), 200):
        assert units.convert(1, written, symbol) == 1
