#!/usr/bin/env python3
"""Re-read every document of this set and check that each gold quote stands on the line/block its
entry names (PDF: on the page named in the locator).  Needs python-docx, openpyxl, beautifulsoup4,
python-pptx and pdftotext (or pdfminer.six).  Usage: python3 check.py"""
import glob, json, os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OPS = {">=", "<=", ">", "<", "=", "~", "rel_decrease", "rel_increase"}


def txt_blocks(p):
    raw = open(p, "rb").read()
    enc = "gb18030" if "-gbk" in os.path.basename(p) else "utf-8-sig"
    return raw.decode(enc).replace("\r\n", "\n").split("\n")


def html_blocks(p):
    from bs4 import BeautifulSoup, Comment
    soup = BeautifulSoup(open(p, encoding="utf-8").read(), "html.parser")
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
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(p)
    out = []
    for ch in d.element.body.iterchildren():
        if ch.tag == qn("w:p"):
            t = Paragraph(ch, d).text.strip()
            if t:
                out.append(t)
        elif ch.tag == qn("w:tbl"):
            seen = []
            for row in Table(ch, d).rows:
                for c in row.cells:
                    if any(c._tc is x for x in seen):
                        continue
                    seen.append(c._tc)
                    if c.text.strip():
                        out.append(c.text.strip())
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
                    if (r, c) != (mr.min_row, mr.min_col):
                        skip.add((r, c))
        for r in range(1, ws.max_row + 1):
            for c in range(1, ws.max_column + 1):
                if (r, c) in skip:
                    continue
                v = ws.cell(r, c).value
                if v is None or str(v).strip() == "":
                    continue
                f = ws.cell(r, c).number_format
                if isinstance(v, (int, float)) and f == "0%":
                    v = "%d%%" % round(v * 100)
                elif isinstance(v, (int, float)) and f == "0.0%":
                    v = "%.1f%%" % (v * 100)
                elif isinstance(v, float) and v.is_integer():
                    v = str(int(v))
                out.append(str(v))
    return out


def pptx_blocks(p):
    from pptx import Presentation
    prs = Presentation(p)
    out = []
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                for para in sh.text_frame.paragraphs:
                    t = "".join(r.text for r in para.runs).strip()
                    if t:
                        out.append(t)
            elif sh.has_table:
                seen = []
                for row in sh.table.rows:
                    for c in row.cells:
                        if c.is_spanned:
                            continue
                        t = c.text.strip()
                        if t:
                            out.append(t)
    return out


def pdf_page(p, page):
    try:
        s = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), p, "-"],
                           capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        from pdfminer.high_level import extract_text
        s = extract_text(p, page_numbers=[page - 1])
    return s


def main():
    bad = total = 0
    for g in sorted(glob.glob(os.path.join(HERE, "gold", "*.json"))):
        d = json.load(open(g, encoding="utf-8"))
        doc = os.path.join(HERE, d["source_file"])
        ext = os.path.splitext(doc)[1]
        blocks = {".txt": txt_blocks, ".html": html_blocks, ".docx": docx_blocks,
                  ".xlsx": xlsx_blocks, ".pptx": pptx_blocks}.get(ext, lambda p: None)(doc)
        probs = []
        for t in d["targets"]:
            total += 1
            if t["comparator"] not in OPS:
                probs.append("comparator %r" % t["comparator"])
            if t["masked"] != (t["value"] is None):
                probs.append("masked/value mismatch line %d" % t["line"])
            if blocks is not None:
                for ln in [t["line"]] + t.get("also_at_lines", []):
                    if not (1 <= ln <= len(blocks)) or t["quote"] not in blocks[ln - 1]:
                        probs.append("line %d: %r not found" % (ln, t["quote"]))
            else:
                page = int(t["locator"].split(",")[0].split()[1])
                lines = [x.strip() for x in pdf_page(doc, page).split("\n")]
                if not any(t["quote"] in x for x in lines):
                    probs.append("page %d: %r not on any printed line" % (page, t["quote"]))
        bad += len(probs)
        print("%-66s %3d targets  %s" % (os.path.basename(g), len(d["targets"]), "ok" if not probs else "%d problems" % len(probs)))
        for x in probs[:12]:
            print("     ", x)
    print("total", total, "checked,", bad, "bad")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
