"""Web pages saved by Word (另存为网页, 筛选过的网页): every run of ASCII in a span of its own, <o:p></o:p>, &nbsp;,
the source wrapped near 76 columns (between two Chinese characters too), soft line breaks (<br>) inside a paragraph,
MsoTableGrid tables and <br clear=all> page breaks. Each test writes the page (an invented plan and a variant) and
asserts what is read: a paragraph's spans join into one text, paragraphs stay lines, table cells stay table rows.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

D = Decimal

_CJK_RUN = "style='font-size:16.0pt;font-family:仿宋_GB2312'"
_ASCII_RUN = "lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\"'"


def _runs(text: str) -> str:
    """Word's runs: each run of ASCII in a span of its own (Times New Roman), the Chinese between in another;
    `¦` marks where Word cut a run in two (an edit's revision mark: <span>9</span><span>5</span>)."""
    out = []
    for piece in re.findall(r"[\x21-\x7e]+|[^\x21-\x7e¦]+", text.replace("¦", "\x00")):
        piece = piece.replace("\x00", "")
        if not piece:
            continue
        if re.match(r"[\x21-\x7e]", piece):
            out.append(f"<span {_ASCII_RUN}>{piece}</span>")
        else:
            out.append(f"<span {_CJK_RUN}>{piece.replace(' ', '&nbsp;')}</span>")
    return "".join(out)


def _para(text: str, cls: str = "MsoNormal") -> str:
    """A paragraph; `|` marks a soft line break (Shift+Enter: <br> inside the paragraph)."""
    body = "<br>\n".join(_runs(part) for part in text.split("|"))
    return f"<p class={cls} style='text-indent:32.0pt;line-height:28.0pt'>{body}<span lang=EN-US><o:p></o:p></span></p>"


def _cell(text: str, width: int = 120) -> str:
    return (
        f"<td width={width} valign=top style='width:{width}pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
        f"<p class=MsoNormal align=center style='text-align:center'>{_runs(text) if text else '<span lang=EN-US>&nbsp;</span>'}"
        "<span lang=EN-US><o:p></o:p></span></p></td>"
    )


def _table(rows: list[list[str]]) -> str:
    body = "".join(f"<tr style='height:20.0pt'>{''.join(_cell(c) for c in row)}</tr>\n" for row in rows)
    return (
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
        f"\n{body}</table>"
    )


def _wrap(source: str, width: int = 76) -> str:
    """Word wraps its HTML source near 76 columns: at a space inside a tag, or between two Chinese characters."""
    out = []
    for line in source.split("\n"):
        while len(line) > width:
            cut, in_tag = -1, False
            for k, ch in enumerate(line[: width + 1]):
                if ch == "<":
                    in_tag = True
                elif ch == ">":
                    in_tag = False
                elif in_tag and ch == " ":
                    cut = k
                elif not in_tag and k and "\u4e00" <= ch <= "\u9fff" and "\u4e00" <= line[k - 1] <= "\u9fff":
                    cut = k
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1 :] if line[cut] == " " else line[cut:]
        out.append(line)
    return "\n".join(out)


def _page(path: Path, blocks: list[str], filtered: bool = False) -> Path:
    """A page as Word saves it: the Office namespaces and styles, or (filtered) a gb2312 page without them."""
    if filtered:
        head = (
            "<html>\n<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n"
            "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\n<style>\n<!--\n p.MsoNormal, li.MsoNormal"
            " {margin:0cm; text-align:justify; font-size:10.5pt;}\n.MsoChpDefault {font-size:10.0pt;}\n-->\n</style>\n"
            "</head>\n<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1>\n"
        )
    else:
        head = (
            "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"\n"
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<meta name=ProgId content=Word.Document>\n"
            "<meta name=Generator content=\"Microsoft Word 15\">\n<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n"
            "  <o:Author>admin</o:Author>\n  <o:Pages>3</o:Pages>\n </o:DocumentProperties>\n</xml><![endif]-->\n"
            "<style>\n<!--\n p.MsoNormal {mso-style-parent:\"\"; margin:0cm; font-size:10.5pt;}\n-->\n</style>\n"
            "</head>\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n<div class=WordSection1>\n"
        )
    source = head + "\n".join(blocks) + "\n</div>\n</body>\n</html>\n"
    encoding = "gbk" if filtered else "utf-8"  # Word writes GBK under its gb2312 label
    path.write_bytes(_wrap(source).encode(encoding))
    return path


_PAGE_BREAK = "<span lang=EN-US style='font-size:16.0pt'><br clear=all style='page-break-before:always'>\n</span>"

WOMEN = [
    "<p class=MsoTitle align=center style='text-align:center'>" + _runs("某某县妇女发展规划（2021—2025年）") + "<o:p></o:p></p>",
    _para("为全面贯彻落实男女平等基本国策，根据《中国妇女发展纲要（2021—2030年）》和《某某省妇女发展“十四五”规划》，结合我县实际，制定本规划。"),
    _para("一、妇女与健康"),
    _para("（一）主要目标"),
    _para("1.孕产妇死亡率控制在9/10万以下。"),
    _para("2.妇女常见病筛查率达到95%以上。"),
    _para("3.适龄妇女宫颈癌人群筛查率达到|70%以上，乳腺癌人群筛查率逐步提高。"),
    _para("4.孕产妇系统管理率保持在95%以上，住院分娩率稳定在99.5%以上。"),
    _para("二、妇女与教育"),
    _para("（一）主要目标"),
    _para("1.高中阶段教育毛入学率达到96%以上，女性平均受教育年限提高到11.3年。"),
    _para("2.女性从业人员中专业技术人员比例达到&nbsp;30%。"),
    _PAGE_BREAK,
    _para("三、妇女与经济"),
    _para("（一）主要目标"),
    _para("1.就业人员中的女性比例保持在45%左右。"),
    _para("四、主要指标"),
    _table(
        [
            ["序号", "指标", "2020年基期值", "2025年目标"],
            ["1", "孕产妇死亡率（1/10万）", "10.2", "≤9"],
            ["2", "妇女常见病筛查率（%）", "8¦8", "≥9¦5"],
            ["3", "城镇新增就业人员中女性比例（%）", "42", "≥4¦5"],
        ]
    ),
    _para("五、组织实施"),
]

FILTERED = [
    "<p class=MsoNormal align=center style='text-align:center'><b>" + _runs("某某县儿童发展规划（2021—2030年）") + "</b></p>",
    _para("根据《中国儿童发展纲要（2021—2030年）》，结合本县实际，制定本规划。"),
    _para("一、儿童与健康"),
    _para("（一）主要目标"),
    _para("1.婴儿和5岁以下儿童死亡率分别控制在4.5‰和6‰以下。"),
    _para("2.儿童青少年总体近视率每年降低0.5个百分点以上。"),
    _para("3.适龄儿童免疫规划疫苗接种率以乡镇为单位保持在|90%以上。"),
    _PAGE_BREAK,
    _para("二、儿童与教育"),
    _para("（一）主要目标"),
    _para("1.学前教育毛入园率达到92%以上，普惠性幼儿园覆盖率达到85%。"),
    _para("三、主要指标"),
    _table(
        [
            ["指标", "2020年基数", "2030年目标"],
            ["新生儿死亡率（‰）", "3.1", "≤2.8"],
            ["义务教育巩固率（%）", "98.¦5", "≥9¦9"],
        ]
    ),
]


def _lines(path: Path) -> list[str]:
    return [line.text for line in read_document(path).lines]


def _targets(plan) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


def test_a_word_page_reads_each_paragraph_as_one_line(tmp_path: Path) -> None:
    """Spans, <o:p>, &nbsp; and the source's line wrapping never cut a paragraph: one line per paragraph."""
    lines = _lines(_page(tmp_path / "plan.htm", WOMEN))
    assert "1.孕产妇死亡率控制在9/10万以下。" in lines
    assert "2.妇女常见病筛查率达到95%以上。" in lines
    assert "3.适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高。" in lines  # the soft break joined
    assert "2.女性从业人员中专业技术人员比例达到 30%。" in lines
    assert lines[0] == "某某县妇女发展规划（2021—2025年）"
    assert not [line for line in lines if re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", line)]  # no space from the wrapping


def test_a_word_page_table_cells_stay_table_rows(tmp_path: Path) -> None:
    document = read_document(_page(tmp_path / "plan.htm", WOMEN))
    rows = [line.cells for line in document.lines if line.cells is not None]
    assert rows == [
        ["序号", "指标", "2020年基期值", "2025年目标"],
        ["1", "孕产妇死亡率（1/10万）", "10.2", "≤9"],
        ["2", "妇女常见病筛查率（%）", "88", "≥95"],
        ["3", "城镇新增就业人员中女性比例（%）", "42", "≥45"],
    ]


def test_a_word_page_gives_every_target(tmp_path: Path) -> None:
    (plan,) = extract(_page(tmp_path / "plan.htm", WOMEN), jurisdiction="浙江省/湖州市/某某县")
    got = _targets(plan)
    for expected in [
        ("孕产妇死亡率", "<=", D(9), "1/10万"),
        ("妇女常见病筛查率", ">=", D(95), "%"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(70), "%"),
        ("孕产妇系统管理率", ">=", D(95), "%"),
        ("住院分娩率", ">=", D("99.5"), "%"),
        ("高中阶段教育毛入学率", ">=", D(96), "%"),
        ("女性平均受教育年限", ">=", D("11.3"), "年"),
        ("就业人员中的女性比例", "~", D(45), "%"),
    ]:
        assert expected in got, (expected, got)
    table = [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets if t.section == "indicator_table"]
    assert table == [("孕产妇死亡率", "<=", D(9)), ("妇女常见病筛查率", ">=", D(95)), ("城镇新增就业人员中女性比例", ">=", D(45))]
    assert not [t.indicator for t in plan.targets if " " in t.indicator]  # 乳腺癌 never 乳腺 癌 (the source's wrapping)
    assert not plan.unparsed


def test_a_filtered_word_page_in_gb2312_reads_the_same(tmp_path: Path) -> None:
    """筛选过的网页 (.htm, charset=gb2312, no Office markup), a <br clear=all> page break between two paragraphs."""
    path = _page(tmp_path / "plan.htm", FILTERED, filtered=True)
    lines = _lines(path)
    assert "1.婴儿和5岁以下儿童死亡率分别控制在4.5‰和6‰以下。" in lines
    assert "3.适龄儿童免疫规划疫苗接种率以乡镇为单位保持在90%以上。" in lines
    assert "二、儿童与教育" in lines
    (plan,) = extract(path, jurisdiction="浙江省/湖州市/某某县")
    got = _targets(plan)
    for expected in [
        ("婴儿死亡率", "<=", D("4.5"), "‰"),
        ("5岁以下儿童死亡率", "<=", D(6), "‰"),
        ("适龄儿童免疫规划疫苗接种率", ">=", D(90), "%"),
        ("学前教育毛入园率", ">=", D(92), "%"),
        ("普惠性幼儿园覆盖率", ">=", D(85), "%"),
    ]:
        assert expected in got, (expected, got)
    table = [(t.indicator, t.target.value) for t in plan.targets if t.section == "indicator_table"]
    assert table == [("新生儿死亡率", D("2.8")), ("义务教育巩固率", D(99))]
    assert not plan.unparsed
