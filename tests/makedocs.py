"""Plan texts made into the documents users really have: a PDF with a text layer, a saved web page.

Used by the tests (tests/test_reading_formats.py) and the bench (bench/formats.py)
to build, in the run, documents whose content is known: no binary fixture that
cannot be regenerated. The PDF is typeset by reportlab (BSD) in a CJK font from
a package — a TrueType font of Debian's fonts-wqy-* or fonts-arphic-* when one
is installed (embedded, as Word and WPS exports are), else reportlab's built-in
STSong-Light CID font — with a running header and a "— N —" footer on every
page; lines wrap at the page width. The web page wraps the text in a
government site's furniture (top bar, menu, breadcrumb, share and print links,
related articles, footer with ICP number, scripts).
"""

from __future__ import annotations

import html
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

# TrueType CJK fonts of Debian packages (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming).
TRUETYPE_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
RUNNING_HEADER = "某某县人民政府办公室文件"


def truetype_font() -> str | None:
    """The path of an installed TrueType CJK font, or None."""
    return next((f for f in TRUETYPE_FONTS if Path(f).exists()), None)


def _font(embedded: bool) -> str:
    from reportlab.pdfbase import pdfmetrics

    if embedded:
        path = truetype_font()
        if path is None:
            raise FileNotFoundError("no TrueType CJK font installed (apt-get install fonts-wqy-microhei)")
        from reportlab.pdfbase.ttfonts import TTFont

        if "CJK-TT" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("CJK-TT", path, subfontIndex=0))
        return "CJK-TT"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def blocks(lines: Sequence[str]) -> list[tuple[str, object]]:
    """The text as paragraphs and tables: ("p", line), ("space", ""), ("table", rows).

    A table of a text export is a run of tab-prefixed lines, one cell per line,
    its rows separated by blank lines, the first row its header (as the sample
    texts hold their indicator tables); a cell "\t" alone is empty.
    """
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            rows: list[list[str]] = []
            row: list[str] = []
            while i < len(lines):
                line = lines[i]
                if line.startswith("\t"):
                    row.append(line.strip())
                elif not line.strip():
                    following = next((x for x in lines[i + 1 :] if x.strip()), "")
                    if following.startswith("\t"):
                        if row:
                            rows.append(row)
                            row = []
                    elif not _continues_cell(following) or not row:
                        break
                elif _continues_cell(line) and row:  # a cell broken across lines (妇女与 / 决策管理)
                    row[-1] += line.strip()
                else:
                    break
                i += 1
            if row:
                rows.append(row)
            out.append(("table", rows))
            continue
        out.append(("p", lines[i].strip()) if lines[i].strip() else ("space", ""))
        i += 1
    return out


def _continues_cell(line: str) -> bool:
    """A short line without the leading tab inside a text-export table: the rest of the cell above."""
    import re

    text = line.strip()
    return 0 < len(text) <= 16 and not re.match(r"[（(]?[一二三四五六七八九十]+[）)、]", text)


def text_to_pdf(
    lines: Sequence[str],
    path: Path,
    *,
    embedded: bool = True,
    encrypt: str | None = None,
    indent: bool = True,
    break_before: Callable[[str], bool] | None = None,
) -> Path:
    """`lines` typeset as an A4 PDF: one paragraph per non-empty line, text-export tables drawn as ruled tables.

    A table's header is repeated on each page it runs onto; a cell over empty
    cells below it spans them (a merged 领域 cell). `encrypt` protects the file
    with that user password. `indent=False` sets paragraphs flush left (as a
    Word file without first-line indents prints); a paragraph for which
    `break_before` is true starts a new page (a heading at the top of a page).
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _font(embedded)
    body = ParagraphStyle(
        "body", fontName=font, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24 if indent else 0
    )
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=13, wordWrap="CJK")

    def furniture(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(font, 10)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, RUNNING_HEADER)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 30, f"— {document.page} —")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    story: list[object] = []
    for kind, content in blocks(lines):
        if kind == "p":
            if break_before is not None and story and break_before(str(content)):
                story.append(PageBreak())
            story.append(Paragraph(html.escape(str(content)), body))
        elif kind == "space":
            story.append(Spacer(1, 6))
        else:
            rows = content  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            data = [[Paragraph(html.escape(c), cell) for c in list(r) + [""] * (width - len(r))] for r in rows]
            commands: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            for column, first, last in _spans(rows):
                commands.append(("SPAN", (column, first), (column, last)))
            story.append(Table(data, repeatRows=1, style=TableStyle(commands)))
    options: dict[str, object] = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        options["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword=encrypt + "-owner")
    document = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72, **options
    )
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _spans(rows: Sequence[Sequence[str]]) -> list[tuple[int, int, int]]:
    """(column, first, last) of each cell that spans the empty cells below it (a merged cell, as text exports leave it)."""
    out = []
    width = max(len(r) for r in rows)
    for column in range(width):
        r = 1
        while r < len(rows):
            last = r
            filled = column < len(rows[r]) and rows[r][column]
            while filled and last + 1 < len(rows) and not (column < len(rows[last + 1]) and rows[last + 1][column]):
                last += 1
            if last > r:
                out.append((column, r, last))
            r = last + 1
    return out


def text_to_html(lines: Sequence[str], path: Path, *, title: str, encoding: str = "utf-8") -> Path:
    """`lines` as a government site's article page, one <p> per non-empty line, in `encoding`."""
    parts = []
    for kind, content in blocks(lines):
        if kind == "p":
            parts.append(f"<p>{html.escape(str(content))}</p>")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            spans = {(column, first): last - first + 1 for column, first, last in _spans(rows)}
            covered = {(column, r) for column, first, last in _spans(rows) for r in range(first + 1, last + 1)}
            out = ['<table border="1" cellspacing="0">']
            for r, row in enumerate(rows):
                cells = []
                for k, text in enumerate(row):
                    if (k, r) in covered:
                        continue
                    span = f' rowspan="{spans[k, r]}"' if (k, r) in spans else ""
                    tag = "th" if r == 0 else "td"
                    cells.append(f"<{tag}{span}>{html.escape(text)}</{tag}>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
            parts.append("\n".join(out))
    paragraphs = "\n".join(parts)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={encoding}">
<title>{html.escape(title)}_政府文件_某某县人民政府</title>
<style>.article p {{ text-indent: 2em; }}</style>
<script>var _hmt = _hmt || []; document.write("访问量 2048");</script>
</head>
<body>
<div class="topbar"><a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">English</a> <a href="#">登录</a></div>
<div class="header"><div class="logo">某某县人民政府</div><div class="search"><input type="text"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政府文件</a></div>
<div class="main">
<h1>{html.escape(title)}</h1>
<div class="info"><span>发布时间：2022-01-24 15:36</span> <span>浏览次数：1234</span></div>
<div class="article">
{paragraphs}
</div>
<div class="share"><a href="#">【打印本页】</a><a href="#">【关闭窗口】</a><a href="#">分享到：微信 微博</a></div>
<div class="relate"><h3>相关文章</h3><ul><li><a href="#">2021年全县妇女儿童工作要点（完成率98%）</a></li><li><a href="#">关于2020年度儿童发展统计监测的报告</a></li><li><a href="#">县妇儿工委召开第3次全体会议</a></li></ul></div>
</div>
<div class="footer"><p>主办：某某县人民政府办公室 电话：0571-88123456 邮编：313100</p><p>浙ICP备05012345号-1 浙公网安备 33052202000123号</p></div>
<script>$(function(){{ var rate = 99.5; }});</script>
</body>
</html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def text_to_docx(lines: Sequence[str], path: Path, *, break_before: Callable[[str], bool] | None = None) -> Path:
    """`lines` as a Word file (python-docx): one paragraph per non-empty line, flush left, tables with grid lines.

    As a drafter's .docx is: paragraphs without first-line indents, the
    indicator tables as Word tables (a merged 领域 cell spanning the rows
    below it). A paragraph for which `break_before` is true starts a new page.
    """
    import docx

    document = docx.Document()
    for kind, content in blocks(lines):
        if kind == "p":
            paragraph = document.add_paragraph(str(content))
            if break_before is not None and break_before(str(content)):
                paragraph.paragraph_format.page_break_before = True
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if text:
                        table.cell(r, c).text = text
            for column, first, last in _spans(rows):
                text = rows[first][column]
                table.cell(first, column).merge(table.cell(last, column))
                table.cell(first, column).text = text
    document.save(str(path))
    return path


def office() -> str | None:
    """LibreOffice's command, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_to_pdf(sources: Sequence[Path], folder: Path) -> list[Path]:
    """Each document exported as PDF by LibreOffice (as 文件 → 导出为 PDF does), in one run of it."""
    command = office()
    if command is None:
        raise FileNotFoundError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    profile = (folder / "office-profile").as_uri()  # a profile of its own: an open LibreOffice does not interfere
    subprocess.run(
        [command, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, sources)],
        check=True, capture_output=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    return [folder / (source.stem + ".pdf") for source in sources]


def as_printed(lines: Sequence[str]) -> list[str]:
    """A text export's lines as the document prints them: Word bookmarks (``[bookmark: _Toc…]``) are never printed."""
    import re

    return [re.sub(r"\[bookmark: [^\]]*\]", "", line) for line in lines]
