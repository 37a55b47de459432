"""A 文库 preview copied as text prints the site's watermark between its pages, the page number glued before it
(2原创力文档max.book118.com预览与源文档一致): furniture, never a number left unread in the plan's targets.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

LINES = [
    "某某县妇女发展规划（2021—2025年）",
    "一、妇女与健康",
    "主要目标：",
    "1.孕产妇死亡率控制在10/10万以下。",
    "2.妇女常见病筛查率达到90%以上。",
    "{mark}",
    "3.适龄妇女宫颈癌人群筛查率达到70%以上。",
    "二、妇女与社会保障",
    "主要目标：",
    "1.妇女基本医疗保险参保率稳定在95%以上。",
    "{mark2}",
    "2.生育保险参保人数持续增加。",
]


def _read(tmp_path: Path, mark: str, mark2: str) -> tuple[list, list]:
    path = tmp_path / "preview.txt"
    path.write_text("\r\n".join(LINES).format(mark=mark, mark2=mark2) + "\r\n", encoding="utf-8-sig")
    plans = extract(path)
    targets = [(t.indicator, str(t.target.op), str(t.target.value)) for p in plans for t in p.targets if t.target.value is not None]
    unparsed = [u.text for p in plans for u in p.unparsed]
    return targets, unparsed


def test_a_preview_s_numbered_watermark_is_furniture(tmp_path: Path) -> None:
    targets, unparsed = _read(tmp_path, "2原创力文档max.book118.com预览与源文档一致", "3原创力文档max.book118.com预览与源文档一致")
    assert len(targets) == 4
    assert not [u for u in unparsed if "book118" in u]


def test_a_preview_s_spaced_watermark_is_furniture(tmp_path: Path) -> None:
    """Variant: the page number and the watermark's parts apart by spaces, the domain name without max."""
    targets, unparsed = _read(tmp_path, "2 原创力文档 book118.com 预览与源文档一致", "3  原创力文档  预览与源文档一致")
    assert len(targets) == 4
    assert not [u for u in unparsed if "原创力" in u]


def test_a_preview_s_bare_page_numbers_before_its_watermark_are_page_numbers(tmp_path: Path) -> None:
    """Variant: the page number alone on its line, the watermark's parts on the lines after it, on every page."""
    pages = [
        ["某某县妇女发展规划（2021—2025年）", "一、妇女与健康", "主要目标：", "1.孕产妇死亡率控制在10/10万以下。"],
        ["2.妇女常见病筛查率达到90%以上。", "二、妇女与教育", "主要目标：", "1.女童九年义务教育巩固率达到96%以上。"],
        ["2.高中阶段女生毛入学率达到92%以上。", "三、妇女与经济", "主要目标：", "1.就业人员中的女性比例保持在45%左右。"],
        ["2.高级专业技术人员中女性比例达到40%。"],
    ]
    lines: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines += page
        if number < len(pages):
            lines += ["", str(number + 1), "原创力文档", "max.book118.com", "预览与源文档一致，下载高清无水印", ""]
    path = tmp_path / "preview.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    plans = extract(path)
    assert len([t for p in plans for t in p.targets if t.target.value is not None]) == 6
    assert [u.text for p in plans for u in p.unparsed] == []
