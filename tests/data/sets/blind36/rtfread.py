# minimal RTF reader: returns the non-empty blocks (paragraphs and table cells in order; a vertically
# merged continuation cell (\clvmrg) is empty and so not a block); header/footer/info/fonttbl skipped
import re

SKIP = {'fonttbl', 'colortbl', 'stylesheet', 'info', 'header', 'footer', 'headerl', 'headerr', 'footerl',
        'footerr', 'pict', 'generator', 'listtable', 'listoverridetable'}
TOK = re.compile(rb"\\([a-z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-z])|([{}])|([^\\{}\r\n]+)|[\r\n]")


def blocks(data):
    out = []
    cur = []
    pend = b''          # pending \'hh bytes (GBK)
    stack = []
    skip = False
    uc = 1
    skipn = 0
    first_in_group = False

    def flush_bytes():
        nonlocal pend
        if pend:
            cur.append(pend.decode('gbk'))
            pend = b''

    for m in TOK.finditer(data):
        word, arg, hexb, sym, brace, text = m.groups()
        if brace == b'{':
            stack.append(skip)
            first_in_group = True
            continue
        if brace == b'}':
            flush_bytes()
            skip = stack.pop() if stack else False
            first_in_group = False
            continue
        fig = first_in_group
        first_in_group = False
        if skip:
            continue
        if word is not None:
            w = word.decode()
            if fig and w in SKIP:
                skip = True
                continue
            flush_bytes()
            if w == 'u':
                n = int(arg)
                cur.append(chr(n if n >= 0 else n + 65536))
                skipn = uc
            elif w == 'uc':
                uc = int(arg)
            elif w in ('par', 'cell'):
                t = ''.join(cur).strip()
                if t:
                    out.append(t)
                cur.clear()
            elif w == 'tab':
                cur.append('\t')
            continue
        if sym is not None:
            if sym == b'*' and fig:
                skip = True
                continue
            flush_bytes()
            if sym in (b'\\', b'{', b'}'):
                cur.append(sym.decode())
            elif sym == b'~':
                cur.append('\u00a0')
            continue
        if hexb is not None:
            if skipn:
                skipn -= 1
                continue
            pend += bytes([int(hexb, 16)])
            continue
        if text is not None:
            flush_bytes()
            t = text
            if skipn:
                k = min(skipn, len(t))
                t = t[k:]
                skipn -= k
            cur.append(t.decode('latin-1'))
    return out
