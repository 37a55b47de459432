"""Re-read every document and check each gold quote stands on its line/block (PDF: on its page)."""
import json, glob, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))

def txt_lines(path):
    b = open(path, "rb").read()
    if b[:2] == b"\xff\xfe": s = b[2:].decode("utf-16-le")
    elif b[:3] == b"\xef\xbb\xbf": s = b[3:].decode("utf-8")
    else:
        try: s = b.decode("utf-8")
        except UnicodeDecodeError: s = b.decode("gb18030")
    return s.replace("\r\n", "\n").split("\n")

def html_lines(path):
    from bs4 import BeautifulSoup, Comment
    soup = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    out = []
    for t in soup.body.find_all(string=True):
        if isinstance(t, Comment) or t.parent.name in ("script", "style", "noscript"): continue
        if t.strip(): out.append(t.strip())
    return out

def docx_lines(path):
    """accepted view: all w:t of a paragraph/cell (w:ins kept, w:delText dropped)."""
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path); out = []
    txt = lambda el: "".join(t.text or "" for t in el.iter(qn("w:t")))
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            s = txt(el)
            if s.strip(): out.append(s)
        elif el.tag == qn("w:tbl"):
            from docx.table import Table
            tb = Table(el, d); seen = []
            for row in tb.rows:
                for c in row.cells:
                    if any(x is c._tc for x in seen): continue
                    seen.append(c._tc); s = txt(c._tc)
                    if s.strip(): out.append(s)
    return out

def xlsx_lines(path):
    import openpyxl
    wb = openpyxl.load_workbook(path); out = []
    for ws in wb.worksheets:
        skip = set()
        for mr in ws.merged_cells.ranges:
            for r in range(mr.min_row, mr.max_row + 1):
                for c in range(mr.min_col, mr.max_col + 1):
                    if (r, c) != (mr.min_row, mr.min_col): skip.add((r, c))
        for row in ws.iter_rows():
            for c in row:
                if (c.row, c.column) in skip or c.value is None or str(c.value).strip() == "": continue
                v, f = c.value, c.number_format
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    if f == "0%": s = "{:.0%}".format(v)
                    elif f == "0.0%": s = "{:.1%}".format(v)
                    elif f == "0.0": s = "{:.1f}".format(v)
                    else: s = str(v)
                else: s = str(v)
                out.append(s)
    return out

def pdf_pages(path):
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage
    n = len(list(PDFPage.get_pages(open(path, "rb"))))
    return [re.sub(r"\s+", "", extract_text(path, page_numbers=[i])) for i in range(n)]

bad = total = 0
for g in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
    d = json.load(open(g, encoding="utf-8")); p = os.path.join(HERE, d["source_file"]); ext = p.rsplit(".", 1)[1]
    fails = []
    if ext == "pdf":
        pages = pdf_pages(p)
        for t in d["targets"]:
            pg = int(re.match(r"page (\d+)", t["locator"]).group(1))
            if re.sub(r"\s+", "", t["quote"]) not in pages[pg - 1]: fails.append(t)
    else:
        L = {"txt": txt_lines, "html": html_lines, "docx": docx_lines, "xlsx": xlsx_lines}[ext](p)
        for t in d["targets"]:
            if not (1 <= t["line"] <= len(L)) or t["quote"] not in L[t["line"] - 1]: fails.append(t)
    total += len(d["targets"]); bad += len(fails)
    print(("ok  " if not fails else "BAD ") + os.path.basename(g), len(d["targets"]))
    for t in fails: print("   ", t["line"], t["quote"], "|", (L[t["line"] - 1] if ext != "pdf" and t["line"] <= len(L) else ""))
print(f"{total} checked, {bad} bad"); sys.exit(1 if bad else 0)
