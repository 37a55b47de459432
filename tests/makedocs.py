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


def unruled_table_pdf(
    path: Path, rows: Sequence[Sequence[str]], columns: Sequence[float], *, embedded: bool, caption: str | None = None
) -> Path:
    """A one-page A4 PDF of a table with no rules: each row's cells drawn at the `columns`' x positions, 18 pt apart,
    under an optional caption (the shape a table has when its cells are set apart by spaces only)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(_font(embedded), 11)
    _, height = A4
    if caption is not None:
        pdf.drawString(72, height - 70, caption)
    for k, row in enumerate(rows):
        for x, cell in zip(columns, row, strict=True):
            pdf.drawString(x, height - 100 - 18 * k, cell)
    pdf.save()
    return path


def ruled_grid_pdf(
    path: Path, rows: Sequence[Sequence[str]], widths: Sequence[float], *, caption: str | None = None, size: float = 10
) -> Path:
    """A one-page A4 PDF of a ruled table whose cell texts are drawn on one line each from the cell's left, not wrapped:
    a text longer than its cell runs on over the rule to its right (a printed table whose 指标 cell ends
    …覆盖率（%） with the closing bracket past the rule, as word processors print a cell that does not fit)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(_font(embedded=True), size)
    _, height = A4
    left, top, step = 60.0, height - 110, 24.0
    if caption is not None:
        pdf.drawString(left, top + 20, caption)
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    bottom = top - step * len(rows)
    for k in range(len(rows) + 1):
        pdf.line(edges[0], top - step * k, edges[-1], top - step * k)
    for x in edges:
        pdf.line(x, top, x, bottom)
    for k, row in enumerate(rows):
        for x, cell in zip(edges, row, strict=False):
            pdf.drawString(x + 3, top - step * k - step / 2 - size / 3, cell)
    pdf.save()
    return path


def ocr_layer_pdf(path: Path, pages: Sequence[Sequence[str]], *, watermark: str | None = "扫描全能王 创建") -> Path:
    """A phone scanner's PDF: each page a picture of the scan with an invisible OCR text layer over it (text render
    mode 3), one text object per OCR line, top to bottom, in the lines the OCR engine wrote (`pages`: a page's
    lines), and the app's `watermark` at the foot of every page."""
    import io

    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    width, height = A4
    picture = io.BytesIO()
    Image.new("L", (420, 594), 235).save(picture, format="JPEG")
    pdf = canvas.Canvas(str(path), pagesize=A4)
    font = _font(embedded=False)
    for lines in pages:
        pdf.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 0, 0, width, height)
        for k, line in enumerate([*lines, *([watermark] if watermark else [])]):
            text = pdf.beginText(60, height - 80 - 22 * k)
            text.setTextRenderMode(3)
            text.setFont(font, 11)
            text.textLine(line)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


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
    cell_break: str | None = None,
) -> Path:
    """`lines` typeset as an A4 PDF: one paragraph per non-empty line, text-export tables drawn as ruled tables.

    A table's header is repeated on each page it runs onto; a cell over empty
    cells below it spans them (a merged 领域 cell). `encrypt` protects the file
    with that user password. `indent=False` sets paragraphs flush left (as a
    Word file without first-line indents prints); a paragraph for which
    `break_before` is true starts a new page (a heading at the top of a page);
    `cell_break` written in a cell breaks its line there (90|92: 90 printed over 92).
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
            data = [
                [Paragraph(_cell_markup(c, cell_break), cell) for c in list(r) + [""] * (width - len(r))] for r in rows
            ]
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


def _cell_markup(text: str, cell_break: str | None) -> str:
    escaped = html.escape(text)
    return escaped.replace(html.escape(cell_break), "<br/>") if cell_break else escaped


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


# A 1×1 PNG: the picture parts a saved page carries beside its HTML.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def html_to_mhtml(page: Path, path: Path, *, saved_by: str = "chrome") -> Path:
    """A saved page as a browser's single file (.mhtml, .mht): MIME multipart/related around the page and its parts.

    `saved_by` "chrome": Blink's shape (Snapshot-Content-Location, the page first,
    quoted-printable with soft line breaks, no charset on the part: the page's
    `<meta charset>` tells). "ie": the shape of IE and 360/QQ in IE mode
    (网页，单个文件 *.mht: a preamble, the charset on the part, base64), with the
    page's own `<meta charset>` removed, so only the part's header tells.
    The HTML is written as the page's bytes are; headers are as those browsers write them.
    """
    import base64
    import quopri
    import re

    url = "http://www.example.gov.cn/art/2022/3/15/art_1229_5012345.html"
    raw = page.read_bytes()
    charset = None
    if saved_by == "ie":
        declared = re.search(rb'<meta[^>]*charset=([\w-]+)[^>]*>\s*', raw, re.I)
        assert declared is not None, "the page declares its charset"
        charset = declared.group(1).decode()
        raw = raw[: declared.start()] + raw[declared.end() :]
    css = b".article p { text-indent: 2em; }\n.nav li { display: inline; }\n"
    picture = base64.encodebytes(_PNG).decode("ascii")
    if saved_by == "chrome":
        boundary = "----MultipartBoundary--Q0XyZ7mD3vR1bN8kW5tJ2hF9cL4pS6aE----"
        head = (
            "From: <Saved by Blink>\r\n"
            f"Snapshot-Content-Location: {url}\r\n"
            "Subject: =?utf-8?Q?=E6=9F=90=E6=9F=90=E5=8E=BF=E4=BA=BA=E6=B0=91=E6=94=BF=E5=BA=9C?=\r\n"
            "Date: Tue, 15 Mar 2022 10:30:12 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n"
            '\ttype="text/html";\r\n'
            f'\tboundary="{boundary}"\r\n\r\n\r\n'
        )
        body = quopri.encodestring(raw).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n").decode("ascii")
        parts = [
            "Content-Type: text/html\r\nContent-ID: <frame-5A1C0E9B2F7D4E3A@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n{body}",
            "Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: cid:css-7e1b2c3d@mhtml.blink\r\n\r\n" + quopri.encodestring(css).decode("ascii"),
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: http://www.example.gov.cn/images/logo.png\r\n\r\n{picture}",
        ]
    else:
        boundary = "----=_NextPart_000_0000_01D83845.6E1A2B30"
        head = (
            "From: <Saved by Windows Internet Explorer 11>\r\n"
            "Subject: =?gb2312?B?xLPEs8/YyMvD8dX+uK4=?=\r\n"
            "Date: Tue, 15 Mar 2022 10:30:12 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n"
            '\ttype="text/html";\r\n'
            f'\tboundary="{boundary}"\r\n'
            "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24000\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
        )
        body = base64.encodebytes(raw).decode("ascii").replace("\n", "\r\n")
        parts = [
            f'Content-Type: text/html;\r\n\tcharset="{charset}"\r\nContent-Transfer-Encoding: base64\r\n'
            f"Content-Location: {url}\r\n\r\n{body}",
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: http://www.example.gov.cn/images/logo.png\r\n\r\n{picture}",
        ]
    message = head + "".join(f"--{boundary}\r\n{part}\r\n" for part in parts) + f"--{boundary}--\r\n"
    path.write_bytes(message.encode("ascii"))
    return path


def text_to_rtf(lines: Sequence[str], path: Path, *, escapes: str = "gbk") -> Path:
    """`lines` as Word or WPS save a document as Rich Text Format (.rtf).

    A Chinese Word or WPS writes under \\ansicpg936, each Chinese character as
    two \\'xx escapes of its GBK bytes (`escapes="gbk"`); LibreOffice and
    WordPad write \\uN with a '?' fallback (`escapes="unicode"`). The indicator
    tables become RTF tables: each row defined by \\trowd and its cells' right
    edges (\\cellxN), a merged 领域 cell as \\clvmgf over \\clvmrg, the
    definition written again after the row's cells as Word does; fonts, colours,
    styles, a picture and the document's information come first.
    """

    def escaped(text: str) -> str:
        out = []
        for char in text:
            if char in "\\{}":
                out.append("\\" + char)
            elif ord(char) < 128:
                out.append(char)
            elif escapes == "gbk":
                out.append("".join(f"\\'{byte:02x}" for byte in char.encode("gbk")))
            else:
                code = ord(char)
                out.append(f"\\u{code if code < 32768 else code - 65536}\\'3f")
        return "".join(out)

    def paragraph(text: str, table: bool = False) -> str:
        where = "\\intbl" if table else ""
        return f"\\pard\\plain {where}\\ql\\fi0\\sl360\\slmult1{{\\loch\\af0\\hich\\af0\\dbch\\f13\\fs24 {escaped(text)}}}"

    header = (
        "{\\rtf1\\adeflang1025\\ansi\\ansicpg936" + ("\\uc2" if escapes == "gbk" else "\\uc1") + "\\adeff0\\deff0\\stshfdbch13\\stshfloch0\\stshfhich0\\deflang1033\\deflangfe2052"
        "{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}{\\f13\\fnil\\fcharset134\\fprq2 "
        + "".join(f"\\'{b:02x}" for b in "宋体".encode("gbk"))
        + ";}}{\\colortbl;\\red0\\green0\\blue0;}"
        "{\\stylesheet{\\ql \\fs21\\lang1033\\langfe2052 \\snext0 Normal;}}"
        "{\\info{\\title " + escaped("规划") + "}{\\author drafter}}"
        "\\paperw11906\\paperh16838\\margl1800\\margr1800\\margt1440\\margb1440"
        "{\\*\\shppict{\\pict\\pngblip\\picw1\\pich1 " + _PNG.hex() + "}}\n"
    )
    body = []
    for kind, content in blocks(lines):
        if kind == "p":
            body.append(paragraph(str(content)) + "\\par\n")
            continue
        rows = content  # type: ignore[assignment]
        if kind != "table" or not rows:
            continue
        width = max(len(r) for r in rows)
        spans = _spans(rows)
        first = {(column, start) for column, start, _ in spans}
        covered = {(column, r) for column, start, last in spans for r in range(start + 1, last + 1)}
        for r, row in enumerate(rows):
            cells = [*row, *[""] * (width - len(row))]
            definition = "\\trowd\\trgaph108\\trleft-108" + "".join(
                "\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10"
                + ("\\clvmgf" if (k, r) in first else "\\clvmrg" if (k, r) in covered else "")
                + f"\\cellx{1400 * (k + 1)}"
                for k in range(width)
            )
            content_cells = "".join(paragraph("" if (k, r) in covered else text, table=True) + "\\cell " for k, text in enumerate(cells))
            body.append(f"{definition}\n{content_cells}\\pard\\plain \\intbl{{{definition}\\row}}\n")
        body.append("\\pard\\plain \\par\n")
    path.write_bytes((header + "".join(body) + "}").encode("ascii"))
    return path


def word_table(document, rows: list[list[str]], merges: list[tuple[int, int, int, int]]):
    """A python-docx table of `rows` (empty strings left blank), each (top, left, bottom, right) merged."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for k, value in enumerate(row):
            if value:
                table.cell(r, k).text = value
    for top, left, bottom, right in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    return table


def slides_to_pptx(slides: Sequence[dict], path: Path) -> Path:
    """A 宣讲 deck (python-pptx, its default template), one slide per dict, as an office's deck is made:

    `title` in the title placeholder (`subtitle`: a cover slide's second placeholder); `bullets` in the body
    placeholder, one paragraph each (a (text, level) pair for an indented bullet); `boxes`: (text, left, top) text
    boxes in centimetres, added in the order given (not the order read); `table`: rows, an empty cell below a filled
    one merged into it, an empty cell after a filled one in the first row spanned by it; `notes`: the speaker notes;
    `number`, `footer`, `date`: the layout's slide number, footer and date placeholders filled on the slide."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.util import Cm

    deck = Presentation()
    for index, spec in enumerate(slides, start=1):
        layout = deck.slide_layouts[0 if "subtitle" in spec else 1 if "bullets" in spec else 5]
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = spec.get("title", "")
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            if kind == PP_PLACEHOLDER.SUBTITLE:
                shape.text = spec["subtitle"]
            elif kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) and "bullets" in spec:
                frame = shape.text_frame
                for k, bullet in enumerate(spec["bullets"]):
                    text, level = bullet if isinstance(bullet, tuple) else (bullet, 0)
                    paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
                    paragraph.text, paragraph.level = text, level
        for text, left, top in spec.get("boxes", ()):
            slide.shapes.add_textbox(Cm(left), Cm(top), Cm(10), Cm(2)).text_frame.text = text
        if "table" in spec:
            rows = spec["table"]
            width = max(len(r) for r in rows)
            table = slide.shapes.add_table(len(rows), width, Cm(1), Cm(4), Cm(23), Cm(1) * len(rows)).table
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            first = rows[0]
            for c in range(width):  # a header cell spanning the empty ones after it (2025年 over two columns)
                last = c
                while first[c] and last + 1 < width and not first[last + 1] and rows[1][last + 1]:
                    last += 1
                if last > c:
                    table.cell(0, c).merge(table.cell(0, last))
            for column, top, bottom in _spans(rows):
                text = rows[top][column]
                table.cell(top, column).merge(table.cell(bottom, column))
                table.cell(top, column).text = text
        if "notes" in spec:
            slide.notes_slide.notes_text_frame.text = spec["notes"]
        wanted = {PP_PLACEHOLDER.SLIDE_NUMBER: str(index) if spec.get("number") else None,
                  PP_PLACEHOLDER.FOOTER: spec.get("footer"), PP_PLACEHOLDER.DATE: spec.get("date")}
        for placeholder in layout.placeholders:
            text = wanted.get(placeholder.placeholder_format.type)
            if text:
                slide.shapes.clone_placeholder(placeholder)
                list(slide.placeholders)[-1].text = text
    deck.save(str(path))
    return path


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def _odt_inline(text: str, notes: list[int]) -> str:
    """A paragraph's text as ODF markup: [^body] a footnote (citation numbered on through the document), [[body]] a
    comment (office:annotation), ↵ a soft line break, runs of two spaces or more as text:s, as LibreOffice writes."""
    import re

    out: list[str] = []
    for piece in re.split(r"(\[\^[^\]]*\]|\[\[[^\]]*\]\]|↵|  +)", text):
        if not piece:
            continue
        if piece.startswith("[^"):
            notes[0] += 1
            body = html.escape(piece[2:-1])
            out.append(f'<text:note text:id="ftn{notes[0]}" text:note-class="footnote"><text:note-citation>{notes[0]}'
                       f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{body}</text:p>'
                       "</text:note-body></text:note>")
        elif piece.startswith("[["):
            out.append(f"<office:annotation><dc:creator>审核人</dc:creator><text:p>{html.escape(piece[2:-2])}</text:p>"
                       "</office:annotation>")
        elif piece == "↵":
            out.append("<text:line-break/>")
        elif piece.startswith("  "):
            out.append(f' <text:s text:c="{len(piece) - 1}"/>')
        else:
            out.append(html.escape(piece))
    return "".join(out)


def blocks_to_odt(blocks: Sequence[object], path: Path, *, generator: str = "YozoOffice/8.0 Linux") -> Path:
    """An OpenDocument text (.odt) as LibreOffice, WPS or Yozo Office saves it (mimetype first and stored, a
    manifest, content.xml), the blocks in order: a str is a paragraph (inline markup: `_odt_inline`), ("h", level,
    text) a heading, ("list", [items]) a bulleted list, ("table", rows, n) a table whose first n rows are its header
    (table:table-header-rows): in the header an empty cell after a filled one is covered by it
    (columns spanned), an empty cell under a filled one covered by it (rows spanned); a cell's "\n" parts are its
    paragraphs."""
    import zipfile

    notes = [0]
    body: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f'<text:p text:style-name="P1">{_odt_inline(block, notes)}</text:p>')
        elif block[0] == "h":
            _, level, text = block
            body.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                        f"{_odt_inline(text, notes)}</text:h>")
        elif block[0] == "list":
            items = "".join(f"<text:list-item><text:p>{_odt_inline(t, notes)}</text:p></text:list-item>" for t in block[1])
            body.append(f'<text:list text:style-name="L1">{items}</text:list>')
        elif block[0] == "table":
            body.append(_odt_table(block[1], block[2], notes))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NS} office:version="1.2">'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">'
        f"<office:meta><meta:generator>{generator}</meta:generator></office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type='
        '"text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
        package.writestr("meta.xml", meta)
    return path


def _odt_table(rows: Sequence[Sequence[str]], header: int, notes: list[int]) -> str:
    width = max(len(row) for row in rows)
    grid = [list(row) + [""] * (width - len(row)) for row in rows]
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(header):
        for c in range(width):
            if not grid[r][c] or (r, c) in covered:
                continue
            cols = 1
            while c + cols < width and not grid[r][c + cols] and r + 1 < header and grid[r + 1][c + cols]:
                cols += 1
            down = 1
            while r + down < header and all(not grid[r + down][c + k] for k in range(cols)):
                down += 1
            spans[(r, c)] = (down, cols)
            covered |= {(r + dr, c + dc) for dr in range(down) for dc in range(cols) if dr or dc}
    out: list[str] = [f'<table:table table:name="表格1"><table:table-column table:number-columns-repeated="{width}"/>']
    for r, row in enumerate(grid):
        if r == 0 and header:
            out.append("<table:table-header-rows>")
        out.append("<table:table-row>")
        for c, cell in enumerate(row):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
                continue
            down, cols = spans.get((r, c), (1, 1))
            attributes = (f' table:number-rows-spanned="{down}"' if down > 1 else "") + (
                f' table:number-columns-spanned="{cols}"' if cols > 1 else "")
            paragraphs = "".join(f"<text:p>{_odt_inline(p, notes)}</text:p>" for p in cell.split("\n")) if cell else ""
            out.append(f'<table:table-cell office:value-type="string"{attributes}>{paragraphs}</table:table-cell>')
        out.append("</table:table-row>")
        if r == header - 1:
            out.append("</table:table-header-rows>")
    out.append("</table:table>")
    return "".join(out)


def cues_to_subtitles(cues: Sequence[object], path: Path, *, encoding: str = "utf-8", newline: str = "\n",
                      header: Sequence[str] = ()) -> Path:
    """A caption file of a 解读 video, as an editing tool exports it: .srt (numbered cues, 00:01:23,400 timings) or
    .vtt (WEBVTT, `header` lines after it, 00:01:23.400 timings); each cue a str (its lines apart by "\\n", 4 s
    long, 0.2 s apart) or ("NOTE"/"STYLE", text) for a WebVTT block that is no cue."""
    vtt = path.suffix == ".vtt"
    out: list[str] = ["WEBVTT", *header, ""] if vtt else []
    start, number = 0, 0
    for cue in cues:
        if isinstance(cue, tuple):
            out += [f"{cue[0]}" if cue[0] == "STYLE" else f"NOTE {cue[1].splitlines()[0]}", *(
                cue[1].splitlines() if cue[0] == "STYLE" else cue[1].splitlines()[1:]), ""]
            continue
        number += 1
        end = start + 4000

        def stamp(ms: int) -> str:
            return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{'.' if vtt else ','}{ms % 1000:03d}"

        out += [str(number), f"{stamp(start)} --> {stamp(end)}", *cue.split("\n"), ""]
        start = end + 200
    path.write_bytes(newline.join(out).encode(encoding))
    return path
