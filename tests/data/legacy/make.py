"""Regenerate plan.doc (Word 97–2003) and plan.wps from the plan written here, with LibreOffice.

    python tests/data/legacy/make.py     # needs soffice on the PATH (apt-get install libreoffice-writer-nogui)

The tests read plan.doc and plan.wps through whichever converter is installed
and compare them with plan_docx() built in the run: the same plan, so the same targets.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARAGRAPHS = [
    "某某县妇女发展“十四五”规划",
    "为推进“十四五”时期全县妇女事业发展，根据《浙江省妇女发展“十四五”规划》，制定本规划。规划期限为2021—2025年。",
    "一、发展领域、主要目标和策略措施",
    "（一）妇女与健康",
    "主要目标：",
    "1．孕产妇死亡率控制在8/10万以下，孕产妇系统管理率保持在95%以上。",
    "2．适龄妇女宫颈癌人群筛查率达到70%以上。",
    "（二）妇女与教育",
    "主要目标：",
    "1．九年义务教育巩固率保持在99%以上。",
    "二、主要指标",
]
TABLE = [
    ["领域", "序号", "指标", "2020年", "2025年"],
    ["妇女与健康", "1", "孕产妇死亡率（1/10万）", "9.45", "≤8"],
    ["", "2", "孕产妇系统管理率（%）", "96.1", "≥95"],
    ["妇女与教育", "3", "九年义务教育巩固率（%）", "99.2", "≥99"],
]


def plan_docx(path: Path) -> Path:
    """The plan as a .docx (python-docx): paragraphs, then the indicator table, 领域 merged down."""
    import docx

    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "妇女与健康"
    document.save(str(path))
    return path


def main() -> int:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        print("needs LibreOffice (soffice) on the PATH", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        source = plan_docx(Path(folder, "plan.docx"))
        profile = Path(folder, "profile").as_uri()
        def convert(filter_name: str, document: Path) -> None:
            subprocess.run(
                [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", filter_name,
                 "--outdir", folder, str(document)],
                check=True, capture_output=True,
            )

        # through .odt: LibreOffice 7.4 writes python-docx's table into a .doc it cannot read back itself
        convert("odt", source)
        convert("doc:MS Word 97", Path(folder, "plan.odt"))
        shutil.copy(Path(folder, "plan.doc"), HERE / "plan.doc")
        shutil.copy(Path(folder, "plan.doc"), HERE / "plan.wps")  # WPS Writer's .wps is the Word 97 binary format
    print("wrote", HERE / "plan.doc", HERE / "plan.wps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
