"""The close of an official document copied from a document-sharing site: the print line (某县人民政府办公室　2022年8月
17日印发) and the site's related files (相关文档推荐 ↵ 某规划.pdf 12页 1800积分 …) are furniture, never numbers left
unread in the plan's last domain.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

BODY = [
    "某某县妇女发展规划（2021—2030年）",
    "一、妇女与健康",
    "1．孕产妇死亡率控制在10/10万以下。",
    "2．妇女常见病筛查率达到90%以上。",
    "二、妇女与法律",
    "1．反家庭暴力告诫书执行率达到100%。",
    "",
    "抄送：县委各部门，县人大常委会办公室，县政协办公室。",
]


def _read(tmp_path: Path, tail: list[str], encoding: str) -> tuple[int, list[str]]:
    path = tmp_path / "copy.txt"
    path.write_bytes(("\r\n".join(BODY + tail) + "\r\n").encode(encoding))
    plans = extract(path)
    return sum(len(p.targets) for p in plans), [u.text for p in plans for u in p.unparsed]


def test_the_print_line_and_the_site_s_related_files_are_furniture(tmp_path: Path) -> None:
    tail = [
        "某某县人民政府办公室                 ２０２２年８月１７日印发",
        "",
        "相关文档推荐",
        "某某市妇女发展规划(2021-2030年).pdf   12页   1800积分",
        "某某县2021年国民经济和社会发展统计公报.doc   23页",
        "",
    ]
    assert _read(tmp_path, tail, "gb18030") == (3, [])


def test_variant_related_files_on_the_heading_s_line_and_a_half_width_date(tmp_path: Path) -> None:
    tail = [
        "某某县人民政府办公室 2022年8月17日 印发",
        "相关文档：某某县儿童发展规划.docx 15页 800积分 某某县统计年鉴2021.pdf 120页",
    ]
    assert _read(tmp_path, tail, "utf-8") == (3, [])
