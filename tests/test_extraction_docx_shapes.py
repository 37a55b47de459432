"""Word files in shapes drafters really send, each written by its test (raw XML where python-docx has no API).

Text boxes (a 专栏 or a target list drawn in a w:txbxContent, with its mc:Fallback copy for older readers),
tracked changes and comments (批注), characters no one sees inside numbers (zero-width spaces, soft hyphens,
word joiners, 9\u200b5%). Each expected target was written with the document, before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from tests.makedocs import word_table

D = Decimal
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _xml(text: str) -> object:
    from docx.oxml import parse_xml

    return parse_xml(text)


def _box_body(paragraphs: list[str], table: list[list[str]] | None) -> str:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    if table:
        rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>" for row in table)
        body += f"<w:tbl>{rows}</w:tbl><w:p/>"
    return f"<w:txbxContent>{body}</w:txbxContent>"


def _add_text_box(document, paragraphs: list[str], table: list[list[str]] | None = None, modern: bool = True) -> None:
    """A text box anchored in a paragraph of its own: a DrawingML shape with its VML copy in mc:Fallback (as
    Word 2010+ saves it), or the VML shape alone (as an old .doc converted or WPS saves it)."""
    content = _box_body(paragraphs, table)
    vml = f"<w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
    if modern:
        drawing = (
            "<w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        )
        run = f"<mc:AlternateContent><mc:Choice Requires=\"wps\">{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>"
    else:
        run = vml
    document.add_paragraph()._p.append(_xml(f"<w:r {_NS}>{run}</w:r>"))


def test_a_box_of_projects_drawn_in_a_text_box_is_read_once_in_place(tmp_path: Path) -> None:
    """专栏1 drawn in a text box between two targets: its items read once (not again from mc:Fallback), each a line."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "（一）妇女与健康", "主要目标：", "1．孕产妇死亡率控制在8/10万以下。"):
        document.add_paragraph(text)
    _add_text_box(document, ["专栏1 妇女健康重点项目", "1．县妇幼保健院产科床位达到60张", "2．每个乡镇卫生院配备2名妇女保健医生"])
    document.add_paragraph("2．适龄妇女宫颈癌人群筛查率达到75%。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, t.target.value, t.target.unit) for t in plan.targets] == [
        ("孕产妇死亡率", D(8), "1/10万"),
        ("县妇幼保健院产科床位", D(60), "张"),
        ("每个乡镇卫生院妇女保健医生数", D(2), "名"),
        ("适龄妇女宫颈癌人群筛查率", D(75), "%"),
    ]
    assert not plan.unparsed


def test_a_target_table_inside_an_old_style_text_box_is_a_table(tmp_path: Path) -> None:
    """Variant: a VML text box (no DrawingML) holding a caption and the indicator table: read as a table, once."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县儿童发展规划（2021—2030年）", "二、主要指标"):
        document.add_paragraph(text)
    _add_text_box(
        document,
        ["表1　儿童发展主要指标"],
        [["序号", "指标", "单位", "2030年目标"], ["1", "婴儿死亡率", "‰", "≤4"], ["2", "学前教育毛入园率", "%", "≥92"]],
        modern=False,
    )
    document.add_paragraph("三、保障措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        ("婴儿死亡率", "<=", D(4), "‰"), ("学前教育毛入园率", ">=", D(92), "%"),
    ]
    assert not plan.unparsed


def test_tracked_deletions_and_moves_are_never_read_comments_never_targets(tmp_path: Path) -> None:
    """A draft sent with its tracked changes and 批注: insertions read, deletions and a move's old place not, a
    comment (word/comments.xml, only referenced from the text) no target."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "（一）妇女与健康", "主要目标："):
        document.add_paragraph(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    first = document.add_paragraph("1．孕产妇死亡率控制在")
    first._p.append(_xml(f'<w:del {w} w:id="1" w:author="审核"><w:r><w:delText>10</w:delText></w:r></w:del>'))
    first._p.append(_xml(f'<w:ins {w} w:id="2" w:author="审核"><w:r><w:t>8</w:t></w:r></w:ins>'))
    first.add_run("/10万以下。")
    second = document.add_paragraph()
    second._p.append(_xml(f'<w:del {w} w:id="3" w:author="审核"><w:r><w:t>2．乳腺癌人群筛查率达到60%。</w:t></w:r></w:del>'))
    third = document.add_paragraph("2．住院分娩率保持在99%以上。")
    third._p.append(_xml(f'<w:moveFrom {w} w:id="4" w:author="审核"><w:r><w:t>（2025年达到98%）</w:t></w:r></w:moveFrom>'))
    comment = getattr(document, "add_comment", None)
    fourth = document.add_paragraph("3．适龄妇女宫颈癌人群筛查率达到75%。")
    if comment is not None:  # python-docx ≥ 1.2 writes word/comments.xml
        comment(fourth.runs, text="建议改为80%", author="审核")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, t.target.value, t.year) for t in plan.targets] == [
        ("孕产妇死亡率", D(8), None), ("住院分娩率", D(99), None), ("适龄妇女宫颈癌人群筛查率", D(75), None),
    ]
    assert not plan.unparsed


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_characters_no_one_sees_inside_a_number_are_not_in_it(tmp_path: Path, hidden: str) -> None:
    """9\u200b5%, a soft hyphen or a word joiner pasted from a web page into a value: the value is 95."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "（一）妇女与健康", "主要目标："):
        document.add_paragraph(text)
    document.add_paragraph(f"1．孕产妇死亡率控制在8{hidden}/10万以下。")
    document.add_paragraph(f"2．适龄妇女宫颈癌人群筛查率达到7{hidden}5%。")
    document.add_paragraph("二、主要指标")
    word_table(document, [["序号", "指标", "2030年目标"], ["1", "孕产妇系统管理率", f"≥9{hidden}5%"], ["2", "产后访视率", "≥\u00a090\u00a0%"]], [])
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, t.target.value, t.target.unit) for t in plan.targets] == [
        ("孕产妇死亡率", D(8), "1/10万"), ("适龄妇女宫颈癌人群筛查率", D(75), "%"),
        ("孕产妇系统管理率", D(95), "%"), ("产后访视率", D(90), "%"),
    ]
    assert not plan.unparsed


def test_a_three_level_header_gives_the_plans_own_columns_for_both_horizons(tmp_path: Path) -> None:
    """目标值 over 2025年 | 2030年, each over 全国 | 本县 (gridSpan and vMerge): the 本县 columns are the plan's targets
    (the mid-term with its year), the 全国 ones the parent's values quoted beside them."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "二、主要指标"):
        document.add_paragraph(text)
    word_table(
        document,
        [
            ["序号", "指标", "单位", "目标值", "", "", ""],
            ["", "", "", "2025年", "", "2030年", ""],
            ["", "", "", "全国", "本县", "全国", "本县"],
            ["1", "孕产妇死亡率", "1/10万", "≤14.5", "≤10", "≤12", "≤8"],
            ["2", "宫颈癌人群筛查率", "%", "≥60", "≥65", "≥70", "≥75"],
        ],
        [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 0, 6), (1, 3, 1, 4), (1, 5, 1, 6)],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.year, t.parent_target.value if t.parent_target else None, t.locator)
           for t in plan.targets]
    assert got == [
        ("孕产妇死亡率", "<=", D(10), 2025, D("14.5"), "表1 第4行 2025年/本县列"),
        ("孕产妇死亡率", "<=", D(8), None, D(12), "表1 第4行 2030年/本县列"),
        ("宫颈癌人群筛查率", ">=", D(65), 2025, D(60), "表1 第5行 2025年/本县列"),
        ("宫颈癌人群筛查率", ">=", D(75), None, D(70), "表1 第5行 2030年/本县列"),
    ]
    assert not plan.unparsed


def test_a_three_level_header_with_a_baseline_and_three_levels_per_horizon(tmp_path: Path) -> None:
    """Variant: 2020年基数 beside 规划目标 over 2025年目标 | 2030年目标, each over 国家纲要 | 省规划 | 本县: the plan's
    own columns its targets, the national outline's the parent quoted (the province's beside it quoted as none)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县儿童发展规划（2021—2030年）", "三、主要指标"):
        document.add_paragraph(text)
    word_table(
        document,
        [
            ["领域", "指标名称", "2020年基数", "规划目标", "", "", "", "", ""],
            ["", "", "", "2025年目标", "", "", "2030年目标", "", ""],
            ["", "", "", "国家纲要", "省规划", "本县", "国家纲要", "省规划", "本县"],
            ["儿童与健康", "婴儿死亡率（‰）", "3.9", "≤6", "≤5", "≤4", "≤5", "≤4.5", "≤3.5"],
            ["儿童与教育", "学前教育毛入园率（%）", "88", "≥90", "≥91", "≥92", "≥90", "≥93", "≥95"],
        ],
        [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 0, 8), (1, 3, 1, 5), (1, 6, 1, 8)],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, t.target.value, t.year, t.parent_target.value if t.parent_target else None) for t in plan.targets]
    assert got == [
        ("婴儿死亡率", D(4), 2025, D(6)), ("婴儿死亡率", D("3.5"), None, D(5)),
        ("学前教育毛入园率", D(92), 2025, D(90)), ("学前教育毛入园率", D(95), None, D(90)),
    ]
    assert [t.baseline.value for t in plan.targets if t.baseline] == [D("3.9"), D("3.9"), D(88), D(88)]
    assert not plan.unparsed


def _add_footnotes(document, notes: dict[int, str]) -> None:
    """word/footnotes.xml with Word's two separators and `notes` by id, related from the document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    body += '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    body += "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for k, text in notes.items()
    )
    part = Part(
        PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>{body}</w:footnotes>'.encode(),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _reference(cell, note: int) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell.paragraphs[-1]._p.append(_xml(
        f'<w:r {w}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note}"/></w:r>'
    ))


def test_a_footnote_giving_the_tables_comparator_is_read_as_its_note(tmp_path: Path) -> None:
    """注 in a Word footnote (word/footnotes.xml) referred to from the header's cell: it says what a bare number means
    (未标注“≥”的均为“≤”), as a note under the table would; the reference mark prints nothing in the value."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "二、主要指标"):
        document.add_paragraph(text)
    table = word_table(
        document,
        [["序号", "指标", "单位", "2030年目标"], ["1", "妇女因病致贫返贫户数", "户", "50"], ["2", "农村留守妇女关爱服务站点数", "个", "≥30"]],
        [],
    )
    _reference(table.cell(0, 3), 1)
    _add_footnotes(document, {1: "表中目标值未标注“≥”的均为“≤”。"})
    document.add_paragraph("三、保障措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        ("妇女因病致贫返贫户数", "<=", D(50)), ("农村留守妇女关爱服务站点数", ">=", D(30)),
    ]
    assert not plan.unparsed


def test_footnote_marks_typed_into_cells_are_never_digits_of_the_value(tmp_path: Path) -> None:
    """Variant: the drafter typed the marks (95¹, 90[1], ≥85［2］) and the note as a paragraph under the table."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "二、主要指标"):
        document.add_paragraph(text)
    word_table(
        document,
        [["序号", "指标", "2030年目标"], ["1", "孕产妇系统管理率（%）", "95¹"], ["2", "产后访视率（%）", "90[1]"],
         ["3", "农村妇女宫颈癌筛查率（%）", "≥85［2］"], ["4", "孕产妇死亡率（1/10万）", "≤8"]],
        [],
    )
    document.add_paragraph("注：[1]未标注“≤”的均为“≥”；[2]含农村妇女“两癌”免费筛查。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        ("孕产妇系统管理率", ">=", D(95)), ("产后访视率", ">=", D(90)), ("农村妇女宫颈癌筛查率", ">=", D(85)),
        ("孕产妇死亡率", "<=", D(8)),
    ]
    assert not plan.unparsed


def test_a_table_continued_after_a_page_break_without_its_header(tmp_path: Path) -> None:
    """The indicator table split in two Word tables at a page break, the header not repeated on the second: its
    rows are the first table's, their cells named by its columns (a header row marked to repeat is read once)."""
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "二、主要指标", "表1　妇女发展主要指标"):
        document.add_paragraph(text)
    first = word_table(
        document,
        [["领域", "序号", "指标", "单位", "2020年", "2025年目标", "2030年目标"],
         ["妇女与健康", "1", "孕产妇死亡率", "1/10万", "9.8", "≤9", "≤8"], ["", "2", "宫颈癌人群筛查率", "%", "60", "≥70", "≥75"]],
        [(1, 0, 2, 0)],
    )
    first.rows[0]._tr.get_or_add_trPr().append(_xml('<w:tblHeader xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word_table(document, [["妇女与教育", "3", "高中阶段毛入学率", "%", "92", "≥93", "≥95"]], [])
    document.add_paragraph("三、主要任务")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.year, t.locator) for t in plan.targets]
    assert got[4:] == [
        ("高中阶段毛入学率", ">=", D(93), 2025, "表2 第1行 2025年目标列"),
        ("高中阶段毛入学率", ">=", D(95), None, "表2 第1行 2030年目标列"),
    ]
    assert len(got) == 6 and [t.baseline.value for t in plan.targets if t.baseline][-1] == D(92)
    assert not plan.unparsed


def test_a_comparator_inserted_as_a_symbol_is_read(tmp_path: Path) -> None:
    """≥ and ≤ inserted with Insert ▸ Symbol (w:sym in the Symbol font at F0B3, F0A3) or at their Unicode code:
    the comparator of the value, never dropped (≥45 read as 45, about 45)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "二、主要指标"):
        document.add_paragraph(text)
    table = word_table(document, [["序号", "指标", "2030年目标"], ["1", "女性就业人员比例（%）", ""], ["2", "妇女因病致贫返贫户数（户）", ""]], [])
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for r, (font, char, value) in enumerate((("Symbol", "F0B3", "45"), ("宋体", "2264", "50")), start=1):
        paragraph = table.cell(r, 2).paragraphs[0]
        paragraph._p.append(_xml(f'<w:r {w}><w:sym w:font="{font}" w:char="{char}"/></w:r>'))
        paragraph.add_run(value)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        ("女性就业人员比例", ">=", D(45)), ("妇女因病致贫返贫户数", "<=", D(50)),
    ]
    assert not plan.unparsed
