"""Excel 97–2003 (.xls) and WPS (.et) workbooks read as their .xlsx twins are.

The corpus workbook (临沧, merged title and 领域 cells, a two-row header, percent-formatted numbers,
text cells) is written as an .xls here with xlwt — values, merges and number formats as Excel 2003
would keep them — and must give the targets, lines and locators its .xlsx gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import xlwt
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract
from compliance.reading import read_document

WORKBOOK = Path(__file__).resolve().parent / "data" / "corpus" / "docs" / "lincang-city-children-2021-2030.xlsx"


def _as_xls(source: Path, target: Path) -> None:
    """An .xls holding what the .xlsx holds: values, merged ranges, number formats."""
    workbook = openpyxl.load_workbook(source, data_only=True)
    out = xlwt.Workbook(encoding="utf-8")
    for sheet in workbook.worksheets:
        sheet_out = out.add_sheet(sheet.title)
        merged_tops = {(r.min_row, r.min_col): r for r in sheet.merged_cells.ranges}
        covered = {(row, col) for r in sheet.merged_cells.ranges for row in range(r.min_row, r.max_row + 1)
                   for col in range(r.min_col, r.max_col + 1)}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None and (cell.row, cell.column) not in merged_tops:
                    continue
                style = xlwt.XFStyle()
                if isinstance(cell.value, (int, float)):
                    style.num_format_str = cell.number_format
                top = merged_tops.get((cell.row, cell.column))
                if top is not None:
                    sheet_out.write_merge(top.min_row - 1, top.max_row - 1, top.min_col - 1, top.max_col - 1,
                                          cell.value, style)
                elif (cell.row, cell.column) not in covered:
                    sheet_out.write(cell.row - 1, cell.column - 1, cell.value, style)
    out.save(str(target))


def _targets(path: Path) -> list[tuple]:
    return [
        (t.line, t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit)
        for plan in extract(path) for t in plan.targets
    ]


@pytest.fixture(scope="module")
def xls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xls") / "lincang-city-children-2021-2030.xls"
    _as_xls(WORKBOOK, path)
    return path


def test_an_xls_gives_what_its_xlsx_gives(xls: Path) -> None:
    expected = _targets(WORKBOOK)
    assert len(expected) > 20
    assert _targets(xls) == expected


def test_the_lines_of_an_xls_are_those_of_its_xlsx(xls: Path) -> None:
    lines = [(line.number, line.cells, line.merged, line.percent, line.cell_locators) for line in read_document(xls).lines]
    assert lines == [(line.number, line.cells, line.merged, line.percent, line.cell_locators)
                     for line in read_document(WORKBOOK).lines]


def test_a_wps_et_is_read_in_either_format(xls: Path, tmp_path: Path) -> None:
    binary, zipped = tmp_path / "plan.et", tmp_path / "plan2.et"
    shutil.copy(xls, binary)
    shutil.copy(WORKBOOK, zipped)
    assert _targets(binary) == _targets(zipped) == _targets(WORKBOOK)


def test_a_file_that_is_no_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "plan.xls"
    path.write_text("序号\t指标\t目标值\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        extract(path)
    assert "xlsx" in error.value.problems[0].hint
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_damaged_xls_is_refused_not_a_traceback(xls: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(xls.read_bytes()[:1500])
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_folder_s_xls_and_et_files_are_checked(xls: Path, tmp_path: Path) -> None:
    from compliance.batch import find_inputs

    shutil.copy(xls, tmp_path / "a.xls")
    shutil.copy(xls, tmp_path / "b.et")
    unreadable: list[Path] = []
    assert [p.name for p in find_inputs([tmp_path], unreadable=unreadable)] == ["a.xls", "b.et"]
    assert not unreadable
