#!/usr/bin/env python3
"""Re-read every document of blind30 with standard readers and check that each gold quote stands on
the line/block its gold entry names. Needs python-docx, openpyxl, beautifulsoup4, pdfminer.six."""
import json, os, re, sys, glob, email
HERE = os.path.dirname(os.path.abspath(__file__))
REQ = ['line', 'domain', 'indicator', 'comparator', 'value', 'unit', 'masked', 'section', 'quote']

def txt_lines(p):
    b = open(p, 'rb').read()
    enc = 'gb18030' if '-gbk' in os.path.basename(p) else 'utf-8-sig'
    return re.split(r'\r\n|\n', b.decode(enc))

def html_nodes(html):
    from bs4 import BeautifulSoup, Comment
    from bs4.element import NavigableString
    soup = BeautifulSoup(html, 'html.parser')
    out = []
    for s in soup.body.find_all(string=True):
        if isinstance(s, Comment) or type(s) is not NavigableString: continue
        if s.parent.name in ('script', 'style', 'noscript'): continue
        t = s.strip()
        if t: out.append(t)
    return out

def mht_html(p):
    msg = email.message_from_bytes(open(p, 'rb').read())
    for part in msg.walk():
        if part.get_content_type() == 'text/html':
            return part.get_payload(decode=True).decode('gb18030')   # labelled gb2312, really GBK bytes

def docx_blocks(p):
    """Accepted view: w:t text (w:delText excluded); paragraphs and table cells (merged once)."""
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(p)
    out = []
    def ptext(el): return ''.join(t.text or '' for t in el.iter(qn('w:t')))
    for el in d.element.body.iterchildren():
        if el.tag == qn('w:p'):
            t = ptext(el)
            if t.strip(): out.append(t)
        elif el.tag == qn('w:tbl'):
            tbl = docx.table.Table(el, d)
            seen = []   # keep references so lxml returns the same proxy for the same w:tc
            for row in tbl.rows:
                for c in row.cells:
                    # a merged cell (horizontal or vertical) resolves to its first w:tc: count it once
                    if any(x is c._tc for x in seen): continue
                    seen.append(c._tc)
                    t = ptext(c._tc)
                    if t.strip(): out.append(t)
    return out

def xlsx_cells(p):
    import openpyxl, datetime
    wb = openpyxl.load_workbook(p)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None or v == '': continue
                if isinstance(v, datetime.datetime): s = v.strftime('%Y-%m-%d %H:%M:%S')
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    f = c.number_format
                    if f == '0.0': s = '%.1f' % v
                    elif f == '0%': s = '%d%%' % round(v * 100)
                    else: s = str(int(v)) if float(v).is_integer() else str(v)
                else: s = str(v)
                out.append(s)
    return out

def pdf_pages(p):
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage
    n = len(list(PDFPage.get_pages(open(p, 'rb'))))
    return [re.sub(r'\s+', '', extract_text(p, page_numbers=[i])) for i in range(n)]

def check(gpath):
    g = json.load(open(gpath, encoding='utf-8'))
    doc = os.path.join(HERE, g['source_file'])
    ext = os.path.splitext(doc)[1]
    bad = 0
    if ext == '.txt': L = txt_lines(doc)
    elif ext == '.html': L = html_nodes(open(doc, encoding='utf-8').read())
    elif ext == '.mht': L = html_nodes(mht_html(doc))
    elif ext == '.docx': L = docx_blocks(doc)
    elif ext == '.xlsx': L = xlsx_cells(doc)
    elif ext == '.pdf': PG = pdf_pages(doc)
    for t in g['targets']:
        miss = [k for k in REQ if k not in t]
        if miss: print('  missing', miss, t); bad += 1; continue
        if ext == '.pdf':
            pg = int(re.match(r'page (\d+)', t['locator']).group(1))
            ok = re.sub(r'\s+', '', t['quote']) in PG[pg - 1]
        else:
            ok = 0 < t['line'] <= len(L) and t['quote'] in L[t['line'] - 1]
            for a in t.get('also_at_lines', []):
                ok = ok and t['quote'] in L[a - 1]
        if not ok:
            bad += 1
            print('  BAD', t['line'], repr(t['quote']), '|', (L[t['line'] - 1] if ext != '.pdf' and t['line'] <= len(L) else ''))
    print(('ok  ' if not bad else 'FAIL'), os.path.basename(gpath), len(g['targets']), 'targets', bad, 'bad')
    return bad

if __name__ == '__main__':
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, 'gold', '*.json')))
    tot = sum(check(f) for f in files)
    print('total bad:', tot)
    sys.exit(1 if tot else 0)
