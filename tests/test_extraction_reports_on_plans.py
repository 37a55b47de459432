"""Documents about a plan, not the plan (issue 8): a 政策解读 page, a 中期评估 report quoting the plan.

Their sentences quote the plan's targets beside values reached (2024年为…, 已达…, a 监测值 column), counts of
the plan's contents and the report's own work plan. Only the plan's targets are targets. Each test writes a
document of the shape, with its own wording, place and numbers, and asserts what is extracted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal


def _numeric(plan) -> list[tuple]:
    return sorted(
        (t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section))
        for t in plan.targets
        if t.target.is_numeric
    )


def _interpretation_page(folder: Path) -> Path:
    """A county portal's 解读 page: targets in <strong> runs inside a paragraph, then a comparison table under a
    caption naming the plan, with the national column, the county's and the 2020 state of things."""
    path = folder / "jiedu.html"
    path.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>解读_石门岭县人民政府</title></head><body>\n'
        '<div class="nav"><a>首页</a><a>政务公开</a><a>政策解读</a></div>\n'
        "<h1>《石门岭县妇女发展规划（2021—2030年）》政策解读</h1>\n"
        '<div class="TRS_Editor">\n'
        "<p>日前，县政府印发《石门岭县妇女发展规划（2021—2030年）》（以下简称《规划》），现就有关内容解读如下。</p>\n"
        "<p><strong>一、背景</strong></p>\n"
        "<p>截至2020年底，全县孕产妇死亡率为13.2/10万，村委会成员中女性比例为27.4%。</p>\n"
        "<p><strong>二、主要目标</strong></p>\n"
        "<p><strong>（一）妇女与健康。</strong>《规划》提出，到2030年，<strong>孕产妇死亡率控制在11/10万以下</strong>；"
        "<strong>适龄妇女宫颈癌人群筛查率达到78%以上</strong>，乳腺癌人群筛查率达到66%以上；"
        "艾滋病母婴传播率下降到2%以下。</p>\n"
        "<p><strong>（二）妇女参与决策和管理。</strong>《规划》提出，<strong>村委会成员中女性比例达到36%以上</strong>，"
        "社区居委会成员中女性比例保持在50%左右。</p>\n"
        "<p><strong>三、主要特点</strong></p>\n"
        "<p>部分指标高于国家纲要（见下表）。</p>\n"
        '<table border="1">\n'
        '<tr><td colspan="4"><strong>石门岭县妇女发展规划部分指标与国家纲要对比</strong></td></tr>\n'
        "<tr><td>指标</td><td>国家纲要目标（2030年）</td><td>我县目标（2030年）</td><td>2020年我县现状</td></tr>\n"
        "<tr><td>孕产妇死亡率</td><td>12/10万以下</td><td>11/10万以下</td><td>13.2/10万</td></tr>\n"
        "<tr><td>适龄妇女宫颈癌人群筛查率</td><td>70%以上</td><td>78%以上</td><td>55.1%</td></tr>\n"
        "<tr><td>村委会成员中女性比例</td><td>30%以上</td><td>36%以上</td><td>27.4%</td></tr>\n"
        "</table>\n"
        "<p>解读机关：石门岭县妇儿工委办公室　联系电话：0000-1234567</p>\n"
        "</div>\n"
        '<div class="foot">备案号：某ICP备87654321号</div>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    return path


def test_an_interpretation_page_with_a_comparison_table_reads_its_prose_as_well_as_its_table(tmp_path: Path) -> None:
    """The table's caption names the plan: before, it opened the plan there, the 解读's prose above it became the
    notice's header and only the table was read. The page's headline says what it is: a summary, all of it read."""
    (plan,) = extract(_interpretation_page(tmp_path))
    assert plan.plan.is_news_summary
    assert _numeric(plan) == sorted([
        ("孕产妇死亡率", "<=", D("11"), "1/10万", "main_targets"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("78"), "%", "main_targets"),
        ("乳腺癌人群筛查率", ">=", D("66"), "%", "main_targets"),
        ("艾滋病母婴传播率", "<=", D("2"), "%", "main_targets"),
        ("村委会成员中女性比例", ">=", D("36"), "%", "main_targets"),
        ("社区居委会成员中女性比例", "~", D("50"), "%", "main_targets"),
        ("孕产妇死亡率", "<=", D("11"), "1/10万", "indicator_table"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("78"), "%", "indicator_table"),
        ("村委会成员中女性比例", ">=", D("36"), "%", "indicator_table"),
    ])


def test_a_target_in_a_strong_run_restated_by_the_table_is_no_headline(tmp_path: Path) -> None:
    """A <strong> run holding a target is a node of its own inside the paragraph (its line has no sentence's
    punctuation): it is no headline restating the table's target below, and stays."""
    (plan,) = extract(_interpretation_page(tmp_path))
    rows = [t for t in plan.targets if t.indicator == "孕产妇死亡率"]
    assert [str(t.section) for t in rows] == ["main_targets", "indicator_table"]
    assert rows[0].line < rows[1].line
