"""Plans exported as Markdown (a PDF→Markdown parser's output, a team wiki's page), as .md or saved as .txt.

The markup that is no text of the plan is read out, each line keeping its number: YAML front matter, HTML comments
(<!-- page 14 -->, an editor's query with its numbers), [TOC], images, footnote marks ([^1]), a callout's mark
(> [!NOTE]), <br> inside a pipe table's cells (2025年<br>阶段目标, ≥70<br>（市≥70）). A .txt holding such
Markdown is read as Markdown: before, its pipe table with <br> headers was not read at all (every number unparsed).
A cell's value labelled in brackets by a parent's level (≥70（市≥70）) is the plan's, then its city's; a column
named 自治区目标 is a parent's, as 省目标 is.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

EXPORT = """---
title: 某某县妇女发展规划（2021—2030年）
source: 某某县人民政府门户网站 (pdf→md, parser v1.0)
pages: 1-9
---

![](images/3b1f_0.jpg)

# 某某县妇女发展规划（2021—2030年）

为贯彻《中国妇女发展纲要（2021—2030年）》[^1]，结合我县实际，制定本规划。

## 一、主要指标

**表1 主要指标**

| 领域 | 指标 | 2020年<br>现状 | 2025年<br>阶段目标 | 2030年<br>目标 |
|---|---|---|---|---|
| 妇女与健康 | 孕产妇死亡率（1/10万） | 12.1 | ≤11 | ≤10 |
|  | 乳腺癌人群筛查率（%） | 51.0 | ≥66<br>（市≥65） | ≥76 |
| 妇女与教育 | 女性平均受教育年限（年） | 9.8 | 10.6 | 11.2 |

注：2025年为阶段目标，2030年为规划期末目标；括号内为某某市同期目标值。

## 二、主要目标

### （一）妇女与健康

**主要目标**

1. 孕产妇死亡率下降到10/10万以下。

<!-- page 9 -->
<!-- 待核实：2020年孕产妇死亡率是
12.1 还是 13.4？ -->

[^1]: 某某市妇女发展规划由某某市人民政府2022年印发。
"""

FINAL = [
    ("女性平均受教育年限", ">=", Decimal("11.2")),
    ("乳腺癌人群筛查率", ">=", Decimal(76)),
    ("孕产妇死亡率", "<=", Decimal(10)),
    ("孕产妇死亡率", "<=", Decimal(10)),
]
MIDTERM = [
    ("女性平均受教育年限", ">=", Decimal("10.6")),
    ("乳腺癌人群筛查率", ">=", Decimal(66)),
    ("孕产妇死亡率", "<=", Decimal(11)),
]


def _targets(path: Path) -> tuple[list[tuple], list[tuple]]:
    (plan,) = extract(path)
    final = sorted((t.indicator, str(t.target.op), t.target.value) for t in plan.targets if t.year is None)
    midterm = sorted((t.indicator, str(t.target.op), t.target.value) for t in plan.targets if t.year == 2025)
    return final, midterm


def test_a_parser_s_markdown_export_saved_as_txt_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(EXPORT, encoding="utf-8")
    final, midterm = _targets(path)
    assert final == sorted(FINAL)
    assert midterm == sorted(MIDTERM)
    (plan,) = extract(path)
    screening = next(t for t in plan.targets if t.year == 2025 and t.indicator == "乳腺癌人群筛查率")
    assert screening.parent_target is not None and screening.parent_target.value == 65  # （市≥65）: the city's
    assert not plan.unparsed
    assert read_document(path).format == "markdown"


def test_a_wiki_page_s_markup_is_no_text_and_keeps_the_numbering(tmp_path: Path) -> None:
    """Variant: a .md wiki page (a callout, [TOC], a comment over two lines, a footer after a rule)."""
    text = EXPORT.replace("![](images/3b1f_0.jpg)", "> [!NOTE]\n> 本页据县政府印发稿整理，供内部学习。\n\n[TOC]")
    text += "\n---\n*最后编辑：2023-02-14*\n"
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    lines = read_document(path).lines
    rows = text.split("\n")
    assert [line.number for line in lines] == list(range(1, len(rows) + 1))
    by_number = {line.number: line.text for line in lines}
    assert all(not by_number[k].strip() for k in range(1, 6))  # the front matter
    note = rows.index("> 本页据县政府印发稿整理，供内部学习。") + 1
    assert by_number[note - 1] == "" and by_number[note] == "本页据县政府印发稿整理，供内部学习。"
    assert by_number[rows.index("[TOC]") + 1] == ""
    assert "[^1]" not in "".join(by_number.values()) and "<!--" not in "".join(by_number.values())
    assert by_number[rows.index("[^1]: 某某市妇女发展规划由某某市人民政府2022年印发。") + 1].startswith("某某市妇女发展规划")
    header = next(line for line in lines if line.cells and line.cells[0] == "领域")
    assert header.cells == ["领域", "指标", "2020年现状", "2025年阶段目标", "2030年目标"]
    final, midterm = _targets(path)
    assert final == sorted(FINAL) and midterm == sorted(MIDTERM)


def test_plain_text_with_a_tag_or_a_heading_mark_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某某县妇女发展规划\n# 一、主要目标\n1. 孕产妇死亡率下降到10/10万以下。\n", encoding="utf-8")
    assert read_document(path).format == "text"


def test_a_column_named_by_the_autonomous_region_is_the_parent_s(tmp_path: Path) -> None:
    """A transcriber's 自治区目标（2030年） column beside the plan's 2025年 and 2030年: a parent's, never the plan's."""
    text = "\n".join([
        "# 某某区妇女发展规划（2021—2030年）",
        "",
        "## 主要指标",
        "",
        "| 领域 | 指标 | 单位 | 2020年 | 2025年 | 2030年 | 自治区目标<br>（2030年） |",
        "|:--|:--|:-:|--:|--:|--:|--:|",
        "| 妇女与健康 | 孕产妇死亡率 | 1/10万 | 40.1 | ≤20 | ≤14 | ≤16 |",
        "|  | 住院分娩率 | % | 96.0 | ≥97 | ≥99 | ≥98 |",
        "| 妇女与环境 | 农村卫生厕所普及率 | % | 60.4 | 75 | 86 | 80 |",
    ]) + "\n"
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    final = sorted((t.indicator, t.target.value, t.parent_target.value if t.parent_target else None)
                   for t in plan.targets if t.year is None)
    assert final == [("住院分娩率", 99, 98), ("农村卫生厕所普及率", 86, 80), ("孕产妇死亡率", 14, 16)]
    # variant: a table saved as .txt, 自治区目标值 with no year
    path = tmp_path / "plan.txt"
    path.write_text(text.replace("自治区目标<br>（2030年）", "自治区目标值"), encoding="utf-8")
    (plan,) = extract(path)
    assert sorted(t.target.value for t in plan.targets if t.year is None and t.indicator == "住院分娩率") == [99]


def test_a_pipe_row_s_text_is_written_between_its_bars_and_is_no_sentence(tmp_path: Path) -> None:
    """A target read from a Markdown pipe row quotes the row as the file writes it, between bars (| … | ≤10 |), so a
    quote of its last cells (| ≤11 | ≤10 |) stands in it; the checks still read its cells, the last one too (a bare
    11.2 in its cell is no text-mismatch)."""
    from compliance.checking import check

    path = tmp_path / "plan.md"
    path.write_text(EXPORT, encoding="utf-8")
    (plan,) = extract(path)
    rows = [t for t in plan.targets if str(t.section) == "indicator_table"]
    death = next(t for t in rows if t.indicator == "孕产妇死亡率" and t.year is None)
    assert death.text == "| 妇女与健康 | 孕产妇死亡率（1/10万） | 12.1 | ≤11 | ≤10 |"
    assert all(t.text and t.text.startswith("| ") and t.text.endswith(" |") for t in rows)
    assert not [f for f in check(plan).findings if f.rule == "text-mismatch"]
    # variant: a .txt export's row, a bare value in its last cell
    path = tmp_path / "plan.txt"
    path.write_text(EXPORT, encoding="utf-8")
    (plan,) = extract(path)
    years = next(t for t in plan.targets if t.indicator == "女性平均受教育年限" and t.year is None)
    assert years.text is not None and years.text.endswith("| 10.6 | 11.2 |")
    assert not [f for f in check(plan).findings if f.rule == "text-mismatch"]


def test_a_bare_value_in_a_pipe_row_s_last_cell_is_told_without_the_bar() -> None:
    from compliance.checks.consistency import _in_a_bare_cell
    from compliance.model import TargetValue

    assert _in_a_bare_cell("| 女性平均受教育年限 | 9.8 | 10.6 | 11.2 |", TargetValue(op=">=", value=11.2, unit="年"))
    assert _in_a_bare_cell("| 95 | 96 |", TargetValue(op=">=", value=95, unit="%"))  # variant: the first cell
