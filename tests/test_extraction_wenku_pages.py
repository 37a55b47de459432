"""文库 exports whose pages each run on one line (tests/test_extraction_shapes.py has the other text shapes).

The 文库 site's banner above the pages, page marks between rules (——— 第2页 ———), a page cut inside a name,
and a 附表 flattened into the last page's line with a 领域 column and a ratio row. Each document is invented
for the test; each expected target was written with it, before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.extraction.cleaning import clean
from compliance.reading import Line

D = Decimal


def _written(folder: Path, text: str) -> Path:
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _numeric(plan) -> list[tuple[int, str, str, Decimal | None, str | None, str]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section))
        for t in plan.targets
        if t.target.is_numeric
    ]


@pytest.mark.parametrize(
    ("banner", "mark"),
    [
        ("免费预览已结束，本文共3页，你可以继续浏览或下载全文。", "——— 第{n}页 ———"),
        ("——预览已结束，剩余1页可下载查看——", "==== 第 {n} 页 ===="),
    ],
)
def test_a_banner_saying_the_preview_ended_above_the_pages_ends_nothing(tmp_path: Path, banner: str, mark: str) -> None:
    """The 文库 banner says the free preview has ended (免费预览已结束…, 预览已结束，剩余…) above page 1: no plan text
    came before it, so the pages that follow are read — each page one line, page 1 cut inside a name (…女性比 ‖
    例保持在…) and read on over the page mark. The preview's end after the last page still ends the text."""
    text = (
        "某某文库 > 政府公文 > 规划计划\n"
        "某某县妇女发展规划（2021—2030年）\n"
        "贡献者：user01　|　3页　|　58 阅读　|　格式：DOC\n"
        f"{banner}\n"
        f"{mark.format(n=1)}\n"
        "某某县妇女发展规划（2021—2030年） 为促进妇女全面发展，制定本规划。 一、主要目标 （一）妇女与健康 1. 孕产妇死亡率"
        "控制在11/10万以内。2. 适龄妇女宫颈癌人群筛查率达到72%以上。（二）妇女参与决策和管理 1. 村民委员会成员中女性比例"
        "达到33%，社区居民委员会成员中女性比\n"
        f"{mark.format(n=2)}\n"
        "例保持在52%左右。（三）妇女与环境 1. 农村卫生厕所普及率达到91%。\n"
        "—— 预览已结束，剩余内容请下载查看 ——\n"
        "猜你喜欢：某某县儿童发展规划　某市妇女发展规划解读\n"
        "1. 本站文档由用户上传，下载后达到98%满意。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert plan.plan.title == "某某县妇女发展规划（2021—2030年）"
    assert _numeric(plan) == [
        (6, "孕产妇死亡率", "<=", D(11), "1/10万", "main_targets"),
        (6, "适龄妇女宫颈癌人群筛查率", ">=", D(72), "%", "main_targets"),
        (6, "村民委员会成员中女性比例", ">=", D(33), "%", "main_targets"),
        (8, "社区居民委员会成员中女性比例", "~", D(52), "%", "main_targets"),
        (8, "农村卫生厕所普及率", ">=", D(91), "%", "main_targets"),
    ]
    assert not plan.unparsed


def test_an_excerpt_end_after_plan_text_still_ends_it() -> None:
    """The rule that keeps a banner's notice: only an excerpt end with no plan text before it is the banner's."""
    lines = [
        Line(1, "某某县儿童发展规划（2021—2030年）"),
        Line(2, "1.婴儿死亡率控制在4.5‰以下。"),
        Line(3, "——预览已结束，剩余 2 页可下载查看——"),
        Line(4, "相关文档：某某县妇女发展规划.docx"),
    ]
    cleaned = clean(lines)
    assert [(d.number, d.reason) for d in cleaned.dropped] == [(3, "excerpt end"), (4, "after the excerpt")]
    banner = [Line(1, "某某文库"), Line(2, "免费预览已结束，本文共2页。"), Line(3, "——— 第1页 ———"), Line(4, "1.婴儿死亡率控制在4.5‰以下。")]
    cleaned = clean(banner)
    assert [(d.number, d.reason) for d in cleaned.dropped] == [(2, "furniture"), (3, "page number")]


@pytest.mark.parametrize(
    ("header", "domains"),
    [
        ("序号 领域 指标 单位 2020年 2030年目标", ("健康", "教育", "环境")),
        ("序号 类别 指标名称 计量单位 基期值 目标值", ("妇女与健康", "妇女与教育", "妇女与环境")),
    ],
)
def test_a_flattened_annex_with_a_domain_column_and_a_ratio_row(tmp_path: Path, header: str, domains: tuple[str, ...]) -> None:
    """A 附表 flattened into the last page's line, a 领域 (or 类别) column between the row number and the name: the
    domain word is no part of the name; a ratio row whose unit cell is — reads its bare ratio (2:3) as =, its
    baseline 1:1 a baseline; the note after the rows holds no number but a year: nothing to list."""
    health, education, environment = domains
    text = (
        "某某县妇女发展规划（2021—2030年）\n"
        "——— 第1页 ———\n"
        "一、主要目标 （一）妇女与健康 1. 孕产妇死亡率控制在11/10万以内。（二）妇女与教育 1. 高中阶段毛入学率达到95%以上。"
        "（三）妇女与环境 1. 城镇公共厕所男女厕位比例不低于2:3。\n"
        "——— 第2页 ———\n"
        f"附表：某某县妇女发展主要指标 {header} 1 {health} 孕产妇死亡率 1/10万 14.2 ≤11 2 {education} 高中阶段毛入学率 % "
        f"91.5 ≥95 3 {environment} 农村自来水普及率 % 84.0 92 4 {environment} 城镇公共厕所男女厕位比例 — 1:1 2:3 "
        "注：2030年目标以规划正文为准，未标注符号的为“达到”。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    table = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.baseline.value if t.baseline else None)
             for t in plan.targets if str(t.section) == "indicator_table"]
    assert table == [
        ("孕产妇死亡率", "<=", D(11), "1/10万", D("14.2")),
        ("高中阶段毛入学率", ">=", D(95), "%", D("91.5")),
        ("农村自来水普及率", ">=", D(92), "%", D("84.0")),
        ("城镇公共厕所男女厕位比例", "=", D("0.667"), "ratio", None),
    ]
    assert all(t.line == 5 for t in plan.targets if str(t.section) == "indicator_table")
    assert not plan.unparsed


@pytest.mark.parametrize(
    "mark",
    ["— 第 2 页 —", "【第2页】", "（第2页，共4页）", "第2/4页", "·2·", "Page 2 / 4", "=== 第2页 ===", "第2页/共4页"],
)
def test_page_marks_between_rules_or_brackets_are_page_numbers(mark: str) -> None:
    """A page number however the site frames it, on a line of its own; the same words inside a sentence are text."""
    cleaned = clean([Line(1, "1.婴儿死亡率控制在4.5‰以下。"), Line(2, mark), Line(3, "2.学前三年毛入园率达到92%。")])
    assert [(d.number, d.reason) for d in cleaned.dropped] == [(2, "page number")]
    kept = clean([Line(1, "详见第2页表1。")])
    assert not kept.dropped


_LEAD = "为促进全县儿童全面发展，依据国家和省、市儿童发展纲要，结合本县实际，制定本规划。坚持儿童优先原则，推动儿童事业高质量发展。"


def test_pages_cut_inside_a_number_between_two_cells_and_before_a_mid_plan_heading(tmp_path: Path) -> None:
    """Each page one line: page 1 cut inside a number (保持在9 ‖ 5%: one number, 95), page 3 cut between two cells
    of the flattened 附表 (…毛入园率 % ‖ 88.5 ≥92: two cells, no 88.5 glued to %); page 3 starts after a sentence's
    end and holds （二）儿童与教育 1.… in its middle: a heading, although the line holds no （一）. The parents the
    text lists without 《》 (依据国家和省、市儿童发展纲要) are no title: no second plan starts there."""
    text = (
        "某某县儿童发展规划（2021—2030年）\n"
        "— 第 1 页 —\n"
        f"某某县儿童发展规划（2021—2030年） {_LEAD} 一、主要目标 （一）儿童与健康 1. 婴儿死亡率控制在4.5‰以下。"
        "2. 适龄儿童免疫规划疫苗接种率保持在9\n"
        "— 第 2 页 —\n"
        f"5%以上。3. 小学生近视率下降到38%以下。{_LEAD}\n"
        "— 第 3 页 —\n"
        f"{_LEAD}（二）儿童与教育 1. 学前三年毛入园率达到92%以上。附表 序号 指标 单位 2020年 2030年 1 婴儿死亡率 ‰ 5.2 ≤4.5 "
        "2 学前三年毛入园率 %\n"
        "— 第 4 页 —\n"
        "88.5 ≥92 3 小学生近视率 % 41.2 ≤38\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, str(t.target.op), t.target.value, t.domain, str(t.section)) for t in plan.targets
            if t.target.is_numeric] == [
        ("婴儿死亡率", "<=", D("4.5"), "儿童与健康", "main_targets"),
        ("适龄儿童免疫规划疫苗接种率", ">=", D(95), "儿童与健康", "main_targets"),
        ("小学生近视率", "<=", D(38), "儿童与健康", "main_targets"),
        ("学前三年毛入园率", ">=", D(92), "儿童与教育", "main_targets"),
        ("婴儿死亡率", "<=", D("4.5"), "儿童与健康", "indicator_table"),
        ("学前三年毛入园率", ">=", D(92), "儿童与教育", "indicator_table"),
        ("小学生近视率", "<=", D(38), "儿童与健康", "indicator_table"),
    ]
    assert [t.baseline.value for t in plan.targets if t.baseline] == [D("5.2"), D("88.5"), D("41.2")]
    assert not plan.unparsed


def test_a_line_the_plan_repeats_is_no_running_header_because_two_page_breaks_follow_it() -> None:
    """主要目标： opens each of four domains; a page break (·1·, ·2·) happens to follow two of them: that is no running
    header (a header stands next to the page number on most of its pages) and stays; the page numbers go."""
    lines = []
    for n, domain in enumerate(("妇女与健康", "妇女与教育", "妇女与经济", "妇女与环境"), start=1):
        lines += [f"（{'一二三四'[n - 1]}）{domain}", "主要目标："]
        if n <= 2:
            lines += [f"·{n}·", ""]
        lines += [f"1.{domain}的第一项指标达到{90 + n}%。", f"2.{domain}的第二项指标达到{80 + n}%。"]
    cleaned = clean([Line(i + 1, text) for i, text in enumerate(lines)])
    assert [d.reason for d in cleaned.dropped] == ["page number", "page break", "page number", "page break"]
    assert sum(line.text == "主要目标：" for line in cleaned.lines) == 4
