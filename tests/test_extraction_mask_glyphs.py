"""Digits hidden behind other characters than * (≥××%, 控制在××/10万以下, ＸＸ%, ○○%, ×××× 年): masked targets, value
unknown, never guessed, never dropped; × between numbers (3×3) and in words (××县) stays what it is.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from compliance.extraction.cleaning import _mask_glyphs

INLINE = [
    "某某县儿童发展规划（2021—2030年）",
    "一、儿童与健康",
    "（一）主要目标",
    "1.婴儿死亡率控制在××‰以下。",
    "2.孕产妇死亡率控制在××/10万以下。",
    "3.儿童健康管理率≥××%。",
    "4.0—6岁儿童眼保健和视力检查覆盖率达到××%以上。",
    "5.适龄儿童免疫规划疫苗接种率以乡镇为单位保持在ＸＸ%以上。",
    "6.新生儿访视率达到○○%以上。",
    "7.到×××× 年，儿童贫血患病率控制在10%以下。",
    "8.每千人口拥有3岁以下婴幼儿托位数达到4.5个，开展3×3篮球活动。",
    "（二）策略措施",
    "1.加强××县妇幼保健院建设。",
]

PORTAL = [
    "某某县妇女发展“×××”规划（××××—××××年）",
    "×、妇女与健康",
    "（×）主要目标",
    "×.孕产妇死亡率控制在××/10万以下。",
    "×.适龄妇女宫颈癌人群筛查率达到ＸＸ%以上，乳腺癌人群筛查率≥×○%。",
    "×.到×××× 年，妇女常见病筛查率达到9×%以上。",
    "（×）策略措施",
    "×.二〇二五年前完成妇幼保健机构标准化建设，开展4×100米接力等女性体育活动。",
    "×、妇女与教育",
    "（×）主要目标",
    "×.女童九年义务教育巩固率达到×.×‰以上。",
    "×.高中阶段女生毛入学率达到××%。",
]


def _targets(tmp_path: Path, lines: list[str]) -> tuple[list, list]:
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plans = extract(path)
    targets = [t for p in plans for t in p.targets if t.target.op != "qual"]
    return plans, targets


def test_masks_written_with_other_characters_are_masked_targets(tmp_path: Path) -> None:
    _, targets = _targets(tmp_path, INLINE)
    masked = [(t.indicator, str(t.target.op), t.target.unit) for t in targets if t.target.masked]
    assert [m[0] for m in masked] == [
        "婴儿死亡率", "孕产妇死亡率", "儿童健康管理率", "0—6岁儿童眼保健和视力检查覆盖率", "适龄儿童免疫规划疫苗接种率", "新生儿访视率",
    ]
    assert all(t.target.value is None for t in targets if t.target.masked)
    assert masked[1][1:] == ("<=", "1/10万") and masked[2][1] == ">="
    legible = {(t.indicator, t.target.value) for t in targets if not t.target.masked}
    assert legible == {("儿童贫血患病率", 10), ("每千人口拥有3岁以下婴幼儿托位数", 4.5)}


def test_a_portal_masking_everything_with_crosses_reads_as_a_masked_portal(tmp_path: Path) -> None:
    """Variant: headings, list numbers, the five-year plan and the years masked with ×, values with × Ｘ ○."""
    plans, targets = _targets(tmp_path, PORTAL)
    assert len(plans) == 1 and plans[0].domains == ["妇女与健康", "妇女与教育"]
    names = [t.indicator for t in targets]
    assert names == [
        "孕产妇死亡率", "适龄妇女宫颈癌人群筛查率", "乳腺癌人群筛查率", "妇女常见病筛查率", "女童九年义务教育巩固率", "高中阶段女生毛入学率",
    ]
    assert all(t.target.masked and t.target.value is None for t in targets)
    assert [u.text for u in plans[0].unparsed] == ["开展4×100米接力等女性体育活动"]


def test_a_cross_between_numbers_or_in_words_stays_as_written() -> None:
    for text in ["开展3×3篮球活动", "4×100米接力", "××县妇幼保健院", "二〇二五年", "二○三○年", "○ 加强宣传", "○3岁以下儿童系统管理率达到90%以上", "HPV疫苗XX型"]:
        assert _mask_glyphs(text) == text
    assert _mask_glyphs("为××人民服务") == "为××人民服务"
    assert _mask_glyphs("××年××月××日") == "**年**月**日"
    assert _mask_glyphs("每年培训妇女达到××万人次，每个村至少配备××名") == "每年培训妇女达到**万人次，每个村至少配备**名"
    assert _mask_glyphs("（××××—××××年）") == "（****—****年）"


def test_a_text_table_s_cells_masked_with_crosses(tmp_path: Path) -> None:
    """Variant: an indicator table of tab-separated cells, a target cell that is a mask alone (××), with a comparator
    (≤××) or partly legible (≥9×); a name holding 3×3 keeps it."""
    lines = [
        "某某县儿童发展规划（2021—2030年）",
        "一、主要指标",
        "序号\t指标\t2020年\t2030年目标",
        "1\t婴儿死亡率（‰）\t5.4\t××",
        "2\t孕产妇死亡率（1/10万）\t12\t≤××",
        "3\t学前三年毛入园率（%）\t××\t≥9×",
        "4\t3×3篮球场数（个）\t3\t≥5",
    ]
    _, targets = _targets(tmp_path, lines)
    assert [(t.indicator, str(t.target.op), t.target.unit, t.target.masked) for t in targets] == [
        ("婴儿死亡率", "<=", "‰", True),
        ("孕产妇死亡率", "<=", "1/10万", True),
        ("学前三年毛入园率", ">=", "%", True),
        ("3×3篮球场数", ">=", "个", False),
    ]
    assert all(t.target.value is None for t in targets[:3])
