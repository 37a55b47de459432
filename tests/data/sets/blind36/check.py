# re-reads every finished document with standard readers and checks each gold quote on its line/block
import json, glob, os, re, sys
from bs4 import BeautifulSoup, Comment
import docx
import openpyxl

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def txt_blocks(p):
    b = open(p, 'rb').read()
    if b.startswith(b'\xef\xbb\xbf'):
        t = b[3:].decode('utf-8')
    else:
        try:
            t = b.decode('utf-8')
        except UnicodeDecodeError:
            t = b.decode('gb18030')
    t = t.replace('\r\n', '\n')
    return t.split('\n')


def html_blocks(p):
    soup = BeautifulSoup(open(p, encoding='utf-8').read(), 'html.parser')
    out = []
    for s in soup.body.find_all(string=True):
        if isinstance(s, Comment) or s.parent.name in ('script', 'style', 'noscript'):
            continue
        if s.strip():
            out.append(s.strip())
    return out


def docx_blocks(p):
    d = docx.Document(p)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            t = ''.join(x.text or '' for x in el.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t'))
            if t.strip():
                out.append(t)
        elif tag == 'tbl':
            tb = docx.table.Table(el, d)
            seen = []
            for row in tb.rows:
                for c in row.cells:
                    if any(x is c._tc for x in seen):
                        continue
                    seen.append(c._tc)
                    if c.text.strip():
                        out.append(c.text)
    return out


def fmt(v, nf):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if '%' in nf:
            dec = len(nf.split('.')[1].rstrip('%')) if '.' in nf else 0
            return f'{v * 100:.{dec}f}%'
        if nf.startswith('0.'):
            return f'{v:.{len(nf.split(".")[1])}f}'
        if nf == '0':
            return f'{v:.0f}'
        return str(int(v)) if float(v).is_integer() else str(v)
    return str(v)


def xlsx_blocks(p):
    wb = openpyxl.load_workbook(p)
    out = []
    for ws in wb.worksheets:
        covered = set()
        for mr in ws.merged_cells.ranges:
            for r in range(mr.min_row, mr.max_row + 1):
                for c in range(mr.min_col, mr.max_col + 1):
                    if (r, c) != (mr.min_row, mr.min_col):
                        covered.add((r, c))
        for row in ws.iter_rows():
            for c in row:
                if (c.row, c.column) in covered or c.value is None:
                    continue
                s = fmt(c.value, c.number_format)
                if s.strip():
                    out.append(s)
    return out


def rtf_blocks(p):
    import rtfread
    return rtfread.blocks(open(p, 'rb').read())


def pdf_pages(p):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    pages = []
    for pg in extract_pages(p):
        t = ''
        for el in pg:
            if isinstance(el, LTTextContainer):
                t += el.get_text()
        pages.append(re.sub(r'\s+', '', t))
    return pages


bad = 0
n = 0
for g in sorted(glob.glob(f'{ROOT}/gold/*.json')):
    G = json.load(open(g))
    p = os.path.join(ROOT, G['source_file'])
    ext = p.rsplit('.', 1)[1]
    if ext == 'pdf':
        pages = pdf_pages(p)
        for t in G['targets']:
            n += 1
            pg = int(re.match(r'page (\d+)', t['locator']).group(1))
            if re.sub(r'\s+', '', t['quote']) not in pages[pg - 1]:
                bad += 1
                print('BAD', g, t['line'], t['quote'], t['locator'])
        print(os.path.basename(g), len(G['targets']), 'checked by page')
        continue
    B = {'txt': txt_blocks, 'html': html_blocks, 'docx': docx_blocks, 'xlsx': xlsx_blocks, 'rtf': rtf_blocks}[ext](p)
    if ext != 'txt':
        B = [b.strip() for b in B]
    for t in G['targets']:
        n += 1
        ln = t['line']
        if not (1 <= ln <= len(B)) or t['quote'] not in B[ln - 1]:
            bad += 1
            print('BAD', os.path.basename(g), ln, repr(t['quote']), repr(B[ln - 1] if 1 <= ln <= len(B) else None))
    print(os.path.basename(g), len(G['targets']), 'checked,', len(B), 'blocks')
print('total', n, 'bad', bad)
