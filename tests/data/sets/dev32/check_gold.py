#!/usr/bin/env python3
"""Check every gold file of dev32 against its document: each quote must be a verbatim substring of the
line/block it names.  Usage: python3 check_gold.py [gold/*.json]
Needs python-docx, openpyxl, beautifulsoup4, pdfminer.six (or pdftotext).
Blocks per format (corpus/README.md rules, plus):
  .txt   file lines (GB18030 for *-gbk.txt, else UTF-8 with optional BOM; CRLF = one line end)
  .eml   lines of the decoded text/plain body (MIME-decoded, CRLF = one line end)
  .html  non-empty stripped text nodes of <body> (script/style/noscript/comments excluded)
  .docx  non-empty blocks of the ACCEPTED text: paragraphs and table cells in order, merged cells once;
         block text = all w:t of the block (so w:ins runs count, w:delText does not)
  .xlsx  non-empty cells row by row, merged ranges once, every sheet in order, % formats applied
  .pdf   per page: the quote must occur in the page text (newlines removed) of the page in 'locator'
"""
import glob, json, os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OPS = {">=", "<=", ">", "<", "=", "~", "rel_decrease", "rel_increase"}
SECTIONS = {"main_targets", "indicator_table", "measures"}

def txt_blocks(p):
    raw = open(p, "rb").read()
    return raw.decode("gb18030" if p.endswith("-gbk.txt") else "utf-8-sig").replace("\r\n", "\n").split("\n")

def eml_blocks(p):
    import email
    from email import policy
    m = email.message_from_bytes(open(p, "rb").read(), policy=policy.default)
    return m.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n").split("\n")

def html_blocks(p):
    from bs4 import BeautifulSoup, Comment
    raw = open(p, "rb").read()
    soup = BeautifulSoup(raw.decode("utf-8"), "html.parser")
    out = []
    for s in soup.body.find_all(string=True):
        if isinstance(s, Comment) or s.parent.name in ("script", "style", "noscript"):
            continue
        if s.strip():
            out.append(s.strip())
    return out

def docx_blocks(p):
    from docx import Document
    from docx.oxml.ns import qn
    d = Document(p)
    out = []
    def acc(el):
        return "".join(t.text or "" for t in el.iter(qn("w:t"))).strip()
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            t = acc(child)
            if t: out.append(t)
        elif child.tag == qn("w:tbl"):
            from docx.table import Table
            seen = []
            for row in Table(child, d).rows:
                for cell in row.cells:
                    if any(cell._tc is x for x in seen): continue
                    seen.append(cell._tc)
                    t = acc(cell._tc)
                    if t: out.append(t)
    return out

def xlsx_blocks(p):
    from openpyxl import load_workbook
    wb = load_workbook(p)
    out = []
    for ws in wb.worksheets:
        skip = set()
        for mr in ws.merged_cells.ranges:
            for r in range(mr.min_row, mr.max_row + 1):
                for c in range(mr.min_col, mr.max_col + 1):
                    if (r, c) != (mr.min_row, mr.min_col): skip.add((r, c))
        for r in range(1, ws.max_row + 1):
            for c in range(1, ws.max_column + 1):
                if (r, c) in skip: continue
                v = ws.cell(r, c).value
                if v is None or str(v).strip() == "": continue
                f = ws.cell(r, c).number_format
                if isinstance(v, (int, float)) and f == "0%": v = "%d%%" % round(v * 100)
                elif isinstance(v, (int, float)) and f == "0.0%": v = "%.1f%%" % (v * 100)
                elif isinstance(v, float) and v.is_integer(): v = str(int(v))
                out.append(str(v).strip())
    return out

def pdf_page_text(p, page):
    try:
        return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), p, "-"], capture_output=True, text=True, check=True).stdout.replace("\n", "")
    except (OSError, subprocess.CalledProcessError):
        from pdfminer.high_level import extract_text
        return extract_text(p, page_numbers=[page - 1]).replace("\n", "")

def check(gp):
    g = json.load(open(gp, encoding="utf-8"))
    doc = os.path.join(HERE, g["source_file"])
    ext = os.path.splitext(doc)[1]
    blocks = {".txt": txt_blocks, ".eml": eml_blocks, ".html": html_blocks, ".docx": docx_blocks, ".xlsx": xlsx_blocks}.get(ext, lambda p: None)(doc)
    probs = []
    for t in g["targets"]:
        if t["comparator"] not in OPS: probs.append("comparator %r" % t["comparator"])
        if t["section"] not in SECTIONS: probs.append("section %r" % t["section"])
        if t["masked"] != (t["value"] is None): probs.append("line %d masked/value" % t["line"])
        if blocks is not None:
            if not (1 <= t["line"] <= len(blocks)) or t["quote"] not in blocks[t["line"] - 1]:
                probs.append("line %d: quote %r not found" % (t["line"], t["quote"]))
        else:
            page = int(t["locator"].split(",")[0].split()[1])
            if t["quote"] not in pdf_page_text(doc, page):
                probs.append("page %d: quote %r not found" % (page, t["quote"]))
    return len(g["targets"]), probs

def main(argv):
    files = argv or sorted(glob.glob(os.path.join(HERE, "gold", "*.json")))
    bad = 0; tot = 0
    for f in files:
        n, p = check(f); tot += n
        print("%-66s %3d targets  %s" % (os.path.basename(f), n, "ok" if not p else "%d problems" % len(p)))
        for x in p[:10]: print("    ", x)
        bad += len(p)
    print("total", tot)
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
