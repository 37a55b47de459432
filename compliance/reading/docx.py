"""Word (.docx): body paragraphs and table rows in document order."""

from __future__ import annotations

from pathlib import Path

from compliance.errors import InputError
from compliance.reading import Line


def docx_lines(path: Path, file: str) -> list[Line]:
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - a dependency
        raise InputError.single(file, "reading .docx needs the python-docx package", hint="pip install python-docx") from None
    try:
        document = docx.Document(str(path))
    except Exception as error:
        raise InputError.single(
            file,
            f"not a readable Word (.docx) document ({type(error).__name__})",
            hint="open it in Word or WPS and save it again as .docx, or save it as .txt",
        ) from None
    body = document.element.body
    lines: list[Line] = []
    number = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            number += 1
            lines.append(Line(number, _paragraph_text(child, qn)))
        elif child.tag == qn("w:tbl"):
            for row in _table_rows(child, qn):
                number += 1
                cells = [text for text, _ in row]
                lines.append(Line(number, "\t".join(cells), cells=cells, merged=[m for _, m in row]))
    return lines


def _paragraph_text(paragraph: object, qn: object) -> str:
    parts: list[str] = []
    for node in paragraph.iter():  # type: ignore[attr-defined]
        tag = node.tag
        if tag == qn("w:t"):  # type: ignore[operator]
            parts.append(node.text or "")
        elif tag == qn("w:tab"):  # type: ignore[operator]
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):  # type: ignore[operator]
            parts.append("")  # a manual line break inside a paragraph joins its halves
    return "".join(parts)


def _table_rows(table: object, qn: object) -> list[list[tuple[str, bool]]]:
    """Rows of (cell text, merged from above); a cell spanning columns is repeated empty."""
    rows: list[list[tuple[str, bool]]] = []
    for tr in table.iterchildren(qn("w:tr")):  # type: ignore[attr-defined, operator]
        row: list[tuple[str, bool]] = []
        for tc in tr.iterchildren(qn("w:tc")):  # type: ignore[operator]
            props = tc.find(qn("w:tcPr"))  # type: ignore[operator]
            span, continued = 1, False
            if props is not None:
                grid = props.find(qn("w:gridSpan"))  # type: ignore[operator]
                if grid is not None:
                    try:
                        span = max(1, int(grid.get(qn("w:val"))))  # type: ignore[operator]
                    except (TypeError, ValueError):
                        span = 1
                merge = props.find(qn("w:vMerge"))  # type: ignore[operator]
                if merge is not None and merge.get(qn("w:val")) in (None, "continue"):  # type: ignore[operator]
                    continued = True
            texts = [_paragraph_text(p, qn) for p in tc.iterchildren(qn("w:p"))]  # type: ignore[operator]
            text = "".join(t.strip() for t in texts) if not continued else ""
            row.append((text, continued))
            row.extend([("", False)] * (span - 1))
        rows.append(row)
    return rows
