"""Documents built to exhaust a reader: a far cell, a merged-cell bomb; text in encodings detection gets wrong.

Reproduces defect 5 and the encoding cases of defect 11 of issue 10.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from compliance.errors import InputError
from compliance.reading import read_document

openpyxl = pytest.importorskip("openpyxl")


def test_a_far_cell_costs_the_cells_that_exist_not_the_used_rectangle(tmp_path: Path) -> None:
    # a 4.9 KB workbook with one cell at row 200 000, column 200 exhausted the memory after ~60 s
    path = tmp_path / "far.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"] = "指标", "2025年"
    sheet["A2"], sheet["B2"] = "孕产妇死亡率（/10万）", "≤9"
    sheet.cell(200_000, 200, "x")
    workbook.save(path)
    begin = time.process_time()
    document = read_document(path)
    assert time.process_time() - begin < 10
    by_number = {line.number: line for line in document.lines}
    assert by_number[2].cells == ["孕产妇死亡率（/10万）", "≤9"]
    assert by_number[200_000].cells[-1] == "x" and len(by_number[200_000].cells) == 200
    assert len(document.lines) < 100


def test_blank_rows_between_rows_are_kept_as_before(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["A4"] = "a", "b"
    path = tmp_path / "blank.xlsx"
    workbook.save(path)
    assert [(line.number, line.text) for line in read_document(path).lines] == [(1, "a"), (2, ""), (3, ""), (4, "b")]


def test_a_merged_cell_bomb_is_refused_before_it_is_built(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "x"
    workbook.active.merge_cells("A1:B2")
    small = tmp_path / "small.xlsx"
    workbook.save(small)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'ref="A1:B2"', b'ref="A1:XFD100000"')
            target.writestr(item, data)
    begin = time.process_time()
    with pytest.raises(InputError, match="merges 1638400000 cells"):
        read_document(bomb)
    assert time.process_time() - begin < 5


# ---------------------------------------------------------------- encodings


HEAD = "format: compliance-plan/1\nplan: {title: 妇女发展规划, kind: women, level: county, jurisdiction: [云南省, 玉溪市, 新平彝族傣族自治县], period: [2021, 2030]}\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path: Path, codec: str) -> None:
    from compliance.loading.plans import load_plan

    path = tmp_path / "plan.yaml"
    path.write_bytes(HEAD.encode(codec))  # was "control character or binary data"
    assert load_plan(path).plan.title == "妇女发展规划"


def test_an_undecodable_file_says_where_its_first_bad_byte_is(tmp_path: Path) -> None:
    from compliance.loading.yamlfile import decode

    raw = "format: compliance-plan/1\nplan:\n  title: 规划".encode() + b"\x81\xff\xfe\x00\x9f" * 50
    with pytest.raises(InputError) as caught:
        decode(raw, "plan.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 12)
    assert "0x81" in problem.message and problem.hint


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_document_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("某某县妇女发展规划（2021—2030年）\n孕产妇死亡率控制在8/10万以下。\n".encode(codec))
    assert read_document(path).lines[1].text == "孕产妇死亡率控制在8/10万以下。"  # was "a binary file"


def test_a_wrong_encoding_says_where(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("第一行\n第二行".encode("gbk"))
    with pytest.raises(InputError) as caught:
        read_document(path, encoding="utf-8")
    assert caught.value.problems[0].line == 1
