"""What a check and a report work out once per set of ancestors is shared by the plans checked against them."""

from __future__ import annotations

from pathlib import Path

from compliance.checking import check
from compliance.loading.plans import load_plan
from compliance.references import ReferenceLibrary
from compliance.report.summary import Matrix, matrix_row, reference_columns

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "plans" / "xinping-women-2021-2030.yaml"


def test_two_checks_against_the_same_ancestors_report_alike_and_share_the_columns() -> None:
    library = ReferenceLibrary.load()
    first, second = (check(load_plan(EXAMPLE), library) for _ in range(2))
    assert [f.message for f in first.findings] == [f.message for f in second.findings]
    assert first.coverage == second.coverage
    one, two = reference_columns(first), reference_columns(second)
    assert [c.record() for c in one] == [c.record() for c in two]
    # catalogued columns are shared; one a matrix numbers where it first comes (uncatalogued) never is
    assert all((a is b) == (a.order[0] == 0) for a, b in zip(one, two, strict=True))


def test_a_matrix_numbering_an_uncatalogued_column_leaves_the_next_report_s_alone() -> None:
    library = ReferenceLibrary.load()
    report = check(load_plan(EXAMPLE), library)
    before = [c.order for c in reference_columns(report)]
    Matrix().add_row(*matrix_row(report), 0)
    Matrix().add_row(*matrix_row(report), 0)
    assert [c.order for c in reference_columns(report)] == before
