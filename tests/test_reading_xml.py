"""An XML export of a portal CMS's 信息公开 records (.xml) is read: the plan's record, its metadata, its HTML body.

Before, `compliance extract 导出.xml` refused the format ("cannot extract a plan from a '.xml' file"). The export
here is as 集约化 site platforms write them: an XML declaration and an export comment, two records — the plan's
notice and text, and a shorter news item with numbers of its own (a meeting's 2021 values, this year's aims) —
metadata elements (索引号, 文号, publisher, dates, a hit count, an id), a machine summary restating two targets,
and the article's HTML inside CDATA, one <p> per line and the annex table one <td> per line, bare cells in it.
Positions are the file's physical lines, tags included, as a person finds them in the file.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract
from compliance.reading import FORMATS, read_document

D = Decimal

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<!-- 某某市政府网站集约化平台 信息公开数据导出 导出时间：2023-03-02 10:15:40 -->
<Records site="某某县人民政府" total="2">
  <Record>
    <Id>88123001</Id>
    <IndexNo>001234567/2022-00018</IndexNo>
    <Title>某某县人民政府关于印发某某县妇女发展规划（2021—2025年）的通知</Title>
    <File_No>某政发〔2022〕9号</File_No>
    <Publisher>某某县人民政府办公室</Publisher>
    <PublishDate>2022-06-20 10:00:00</PublishDate>
    <Hits>3581</Hits>
    <Abstract>规划提出，到2025年孕产妇死亡率控制在10/10万以下，妇女平均预期寿命达到80岁以上。</Abstract>
    <Content><![CDATA[
<p style="text-align:center;"><strong>某某县人民政府关于印发某某县妇女发展规划（2021—2025年）的通知</strong></p>
<p style="text-align:center;">某政发〔2022〕9号</p>
<p>各乡镇人民政府，县政府各部门：</p>
<p>现将《某某县妇女发展规划（2021—2025年）》印发给你们，请认真贯彻执行。</p>
<p style="text-align:center;"><strong>某某县妇女发展规划（2021—2025年）</strong></p>
<p>根据《中国妇女发展纲要（2021—2030年）》，结合我县实际，制定本规划。2020年，全县孕产妇死亡率为11.2/10万。</p>
<p><strong>一、妇女与健康</strong></p>
<p>主要目标：</p>
<p>1.孕产妇死亡率控制在10/10万以下。</p>
<p>2.适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。</p>
<p><strong>二、妇女与教育</strong></p>
<p>主要目标：</p>
<p>1.女性接受高中阶段教育的比例达到95%以上。</p>
<p><strong>三、妇女与经济</strong></p>
<p>主要目标：</p>
<p>1.城镇单位就业人员中女性比例保持在40%以上。</p>
<p>附件：某某县妇女发展规划主要指标</p>
<table border="1">
<tr>
<td>指标</td>
<td>2020年</td>
<td>2025年</td>
</tr>
<tr>
<td>孕产妇死亡率（1/10万）</td>
<td>11.2</td>
<td>≤10</td>
</tr>
<tr>
<td>女性接受高中阶段教育的比例（%）</td>
<td>92</td>
<td>95</td>
</tr>
</table>
]]></Content>
  </Record>
  <Record>
    <Id>88123017</Id>
    <Title>我县召开妇女儿童工作推进会</Title>
    <File_No></File_No>
    <Publisher>县妇儿工委办</Publisher>
    <Content><![CDATA[
<p>会议通报，2021年全县孕产妇死亡率为9.6/10万，宫颈癌人群筛查率达到66%。</p>
<p>会议要求，今年力争乳腺癌人群筛查率提高到75%。</p>
]]></Content>
  </Record>
</Records>
"""


def _export(tmp_path: Path, text: str = EXPORT, name: str = "信息公开导出.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, after: int = 0) -> int:
    """The 1-based line of the file holding `needle` (from line `after` on)."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(needle)


def test_xml_is_a_format_read() -> None:
    assert ".xml" in FORMATS


def test_the_plans_record_is_read_by_the_files_lines(tmp_path: Path) -> None:
    document = read_document(_export(tmp_path))
    assert document.format == "xml"
    by_number = {line.number: line.text for line in document.lines if not line.cells}
    target = _line_of(EXPORT, "1.孕产妇死亡率控制在10/10万以下")
    assert by_number[target] == "1.孕产妇死亡率控制在10/10万以下。"
    assert document.lines[0].locator == f"第{document.lines[0].number}行"
    # metadata elements, said as a person reads them, on their own lines; ids, hits and the summary not read
    assert by_number[_line_of(EXPORT, "<File_No>")] == "文号：某政发〔2022〕9号"
    assert by_number[_line_of(EXPORT, "<Publisher>")] == "发布机构：某某县人民政府办公室"
    texts = "\n".join(line.text for line in document.lines)
    assert "3581" not in texts and "80岁" not in texts and "88123001" not in texts
    # the news record is not read, and the document says so
    assert "9.6/10万" not in texts and "75%" not in texts
    assert len(document.unread) == 1 and "我县召开妇女儿童工作推进会" in document.unread[0]
    # a table row written one <td> per line: each cell on its own line of the file
    row = next(line for line in document.lines if line.cells and "孕产妇死亡率（1/10万）" in line.cells[0])
    assert row.cell_numbers == [_line_of(EXPORT, "<td>孕产妇死亡率（1/10万）</td>") + k for k in range(3)]


def test_extraction_reads_the_plan_and_its_metadata(tmp_path: Path) -> None:
    (plan,) = extract(_export(tmp_path))
    assert plan.plan.title == "某某县妇女发展规划（2021—2025年）"
    assert str(plan.plan.kind) == "women"
    assert plan.plan.document_number == "某政发〔2022〕9号"
    found = {(t.indicator, t.line, t.target.value) for t in plan.targets if t.target.value is not None}
    table_cell = _line_of(EXPORT, "<td>≤10</td>")
    assert ("孕产妇死亡率", _line_of(EXPORT, "1.孕产妇死亡率控制在10/10万以下"), D("10")) in found
    assert any(line == table_cell and value == D("10") for _, line, value in found)
    bare = _line_of(EXPORT, "<td>95</td>")
    assert any(line == bare and value == D("95") for _, line, value in found)
    values = {t.target.value for t in plan.targets}
    assert D("80") not in values and D("9.6") not in values and D("75") not in values and D("66") not in values
    assert "推进会" in (plan.plan.note or "")


def test_an_export_without_html_reads_its_longest_text_line_by_line(tmp_path: Path) -> None:
    body = "\n".join(
        ["某某县妇女发展规划（2021—2025年）", "一、妇女与健康", "主要目标：", "1.孕产妇死亡率控制在10/10万以下。",
         "2.适龄妇女宫颈癌人群筛查率达到70%以上。", "二、妇女与教育", "主要目标：",
         "1.女性接受高中阶段教育的比例达到95%以上。", "2.高等教育在校生中女性比例保持在50%左右。"]
    )
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<record>\n<fileNo>某政发〔2022〕9号</fileNo>\n<text>{body}</text>\n</record>\n'
    document = read_document(_export(tmp_path, text))
    by_number = {line.number: line.text for line in document.lines}
    assert by_number[_line_of(text, "1.孕产妇死亡率")] == "1.孕产妇死亡率控制在10/10万以下。"
    assert by_number[3] == "文号：某政发〔2022〕9号"


@pytest.mark.parametrize(
    "broken, line",
    [
        (EXPORT.replace("</Publisher>\n    <PublishDate>", "</Publisher>\n    <PublishDate", 1), 10),
        (EXPORT.replace("]]></Content>\n  </Record>\n  <Record>", "]]></Content>\n  </Recrd>\n  <Record>", 1), None),
    ],
)
def test_a_broken_export_is_refused_with_its_position(tmp_path: Path, broken: str, line: int | None) -> None:
    with pytest.raises(InputError) as caught:
        read_document(_export(tmp_path, broken))
    problem = caught.value.problems[0]
    assert problem.line is not None and problem.column is not None
    if line is not None:
        assert problem.line == line
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "信息公开导出.xml")])
    assert result.exit_code == 2
    assert f"信息公开导出.xml:{problem.line}:{problem.column}" in result.output
    assert "Traceback" not in result.output


def test_an_export_with_no_text_is_refused(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?>\n<records><record><id>1</id><hits>12</hits></record></records>\n'
    with pytest.raises(InputError):
        read_document(_export(tmp_path, text))


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    """An export declaring entities (a billion laughs) is read without expanding them."""
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<r><content>&c;</content></r>\n'
    )
    with pytest.raises(InputError):  # nothing left to read: the entity stays a reference
        read_document(_export(tmp_path, text))
