"""The Excel, CSV and Markdown reports, read back: sheets, columns, frozen headers, filters, colours, rows."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
JINAN_WOMEN = PLANS / "jinan-shizhong-women-2021-2025.yaml"
SPEC_COLUMNS = ["县区", "规划", "领域", "指标", "问题", "本级目标", "上级目标", "上级文件", "是否核实", "位置", "修改建议"]


def run(*args: object, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], env={"COMPLIANCE_LANG": "", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    out = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    code, _, err = run("check", PLANS, "--format", "xlsx", "-o", out)
    assert code == 1, err
    return openpyxl.load_workbook(out)


def test_the_workbook_has_the_summary_and_the_findings_sheets_in_chinese(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames[:2] == ["汇总", "问题清单"] and "统计" in workbook.sheetnames
    assert "无法读取的文件" not in workbook.sheetnames  # only when an input could not be read


def test_the_findings_sheet(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["问题清单"]
    header = [c.value for c in sheet[1]]
    assert header[: len(SPEC_COLUMNS)] == SPEC_COLUMNS and header[len(SPEC_COLUMNS) :] == ["严重程度", "问题类型", "代码"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{sheet.max_row}"
    assert sheet.column_dimensions["E"].width > 50 and sheet.column_dimensions["A"].width >= 10  # 问题 is wide
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 24  # every finding of the four example plans
    (hiv,) = [r for r in rows if r[3] == "艾滋病母婴传播率"]
    record = dict(zip(header, hiv, strict=True))
    assert record["县区"] == "市中区" and record["规划"] == "济南市市中区“十四五”妇女发展规划"
    assert record["领域"] == "妇女与健康" and record["问题"].startswith("“艾滋病母婴传播率”低于上级")
    assert record["本级目标"] == "艾滋病母婴传播率下降到3%以下〔≤3%〕"
    assert "艾滋病母婴传播率下降到2%以下" in record["上级目标"] and record["上级目标"].endswith("〔≤2%，2030年〕")
    assert record["上级文件"] == "《中国妇女发展纲要（2021—2030年）》" and record["是否核实"] == "是"
    assert record["位置"] == "第43行" and record["修改建议"] == "将“艾滋病母婴传播率”目标控制在2%以下"
    assert record["严重程度"] == "警告" and record["代码"] == "CMP201"
    assert {r[8] for r in rows} <= {"是", "否", None}


def test_the_summary_sheet_is_the_matrix_with_colours(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["汇总"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["县区", "规划", "类别", "错误", "警告", "提示"]
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet["G1"].alignment.text_rotation == 255  # indicator names written vertically
    rows = {(r[0].value, r[2].value): [c.value for c in r] for r in sheet.iter_rows(min_row=2, max_row=5)}
    women = rows[("市中区", "妇女")]
    assert women[header.index("艾滋病母婴传播率")] == "低于"
    assert women[header.index("适龄妇女宫颈癌人群筛查率")] == "缺失"
    assert women[header.index("孕产妇死亡率")] == "达标"
    assert women[header.index("新生儿死亡率")] is None  # a children's indicator
    assert women[3:6] == [2, 4, 1]
    fills = {}
    for rng in sheet.conditional_formatting:
        for rule in rng.rules:
            fills[rule.formula[0].strip('"')] = rule.dxf.fill.bgColor.rgb
    assert fills["低于"].endswith("F8CBAD") and fills["达标"].endswith("E2F0D9") and fills["缺失"].endswith("FFC7CE")


def test_a_binary_report_needs_an_output_file() -> None:
    code, out, err = run("check", JINAN_WOMEN, "--format", "xlsx")
    assert code == 2 and out == "" and "-o report.xlsx" in err


def test_english_sheet_names_and_an_unreadable_input(tmp_path: Path) -> None:
    shutil.copy(JINAN_WOMEN, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("format: compliance-plan/1\nplan: [\n", encoding="utf-8")
    out = tmp_path / "report.xlsx"
    code, _, _ = run("check", tmp_path / "a.yaml", tmp_path / "b.yaml", "--format", "xlsx", "-o", out, "--lang", "en")
    assert code == 2
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Findings", "By rule", "Unreadable inputs"]
    unreadable = [[c.value for c in row] for row in book["Unreadable inputs"].iter_rows(min_row=2)]
    assert unreadable and unreadable[0][0].endswith("b.yaml") and unreadable[0][1] == "3:1"


def test_a_reference_table_cell_is_shown_with_its_unit_and_year(tmp_path: Path) -> None:
    """嘉兴's indicator table writes a bare "＜9.5": 上级目标 shows it as the text report does, 〔<9.5‰，2025年〕 (trial defect 20)."""
    plan = tmp_path / "haiyan-children.yaml"
    plan.write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 海盐县儿童发展“十四五”规划, kind: children, level: county, jurisdiction: [浙江省, 嘉兴市, 海盐县], period: [2021, 2025]}\n"
        "domains: [儿童与健康]\n"
        "targets:\n"
        "  - {indicator: 严重致残的出生缺陷发生率, target: 控制在10‰以下, text: 严重致残的出生缺陷发生率控制在10‰以下}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.xlsx"
    code, _, err = run("check", plan, "--format", "xlsx", "-o", out)
    assert code == 1, err
    sheet = openpyxl.load_workbook(out)["问题清单"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    (weaker,) = [r for r in rows if r["指标"] == "严重致残的出生缺陷发生率" and r["代码"] == "CMP201" and "嘉兴" in r["上级文件"]]
    assert weaker["上级目标"] == "＜9.5〔<9.5‰，2025年〕"
    assert weaker["本级目标"] == "严重致残的出生缺陷发生率控制在10‰以下〔≤10‰〕"
    code, printed, _ = run("check", plan, "--format", "csv", "--lang", "en")
    assert "＜9.5 [<9.5‰, 2025]" in printed


def test_csv_is_one_row_per_finding_with_a_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    code, _, _ = run("check", PLANS, "--format", "csv", "-o", out, "--lang", "zh")
    assert code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][: len(SPEC_COLUMNS)] == SPEC_COLUMNS and len(rows) == 1 + 24
    assert any(r[3] == "艾滋病母婴传播率" and r[9] == "第43行" for r in rows)
    _, printed, _ = run("check", JINAN_WOMEN, "--format", "csv", "--lang", "en")
    assert printed.startswith("County,Plan,Domain,Indicator,Problem")  # no BOM on a terminal or pipe


def test_markdown_for_a_pull_request_comment() -> None:
    code, out, _ = run("check", PLANS, "--format", "markdown", "--lang", "zh")
    assert code == 1
    assert out.startswith("## 妇女儿童发展规划对照上级规划检查报告\n")
    # 云南's children's plan is encoded (from one news summary), but only in part: it says so
    assert "| 8 | CMP104 | `reference-unavailable` | 上级规划目标未录入 | 0 | 8 | 0 |" in out
    assert "《云南儿童发展规划（2021—2030年）》（省级）仅部分录入" in out
    assert "| 艾滋病母婴传播率 | 低于 | 达标 |" in out  # the matrix: indicators down, plans (市中区, 新平) across
    assert out.count("<details>") == 4 and out.count("</details>") == 4
    line = [x for x in out.splitlines() if "“艾滋病母婴传播率”低于上级" in x][0]
    assert line.startswith("| 警告 | CMP201 | 妇女与健康 | 艾滋病母婴传播率 |") and "| 第43行 |" in line


def test_markdown_cells_escape_pipes() -> None:
    from compliance.report.markdown_report import cell

    assert cell("a|b\nc") == "a\\|b<br>c"
