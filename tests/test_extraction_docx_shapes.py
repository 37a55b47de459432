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
