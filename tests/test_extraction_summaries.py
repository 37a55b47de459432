"""Pages about a plan, not the plan (issue 8): a 政策解读 page restating the key targets.

Such a page has a headline naming the plan (《…规划》解读, 图解：…规划), a background with the
past's figures, a table of the key targets by domain (short names: 健康 | 教育) whose target cells
hold several sentences one above the other, and a Q&A quoting the plan's measures. Each test writes
a page of the shape, with its own wording, place and numbers, and asserts exactly what is extracted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal


def _numeric(plan) -> list[tuple]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.domain)
        for t in plan.targets
        if t.target.is_numeric
    ]


def _interpretation(folder: Path, headline: str, header: tuple[str, str], kind: str = "儿童") -> Path:
    """A county portal's interpretation page: headline, background, a table of key targets, a Q&A."""
    label, content = header
    path = folder / "page.html"
    path.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>政策解读_青禾县人民政府</title></head><body>\n'
        '<div class="nav"><a>首页</a><a>政务公开</a><a>政策解读</a><a>互动交流</a></div>\n'
        f"<h1>{headline}</h1>\n"
        '<div class="info"><span>发布时间：2023-03-02 09:15</span><span>浏览次数：</span><span>1288</span></div>\n'
        '<div class="content">\n'
        "<p>一、编制背景</p>\n"
        f"<p>“十三五”期间，全县{kind}事业取得长足进步。2020年，全县婴儿死亡率为4.9‰，学前教育毛入园率为86.2%。</p>\n"
        "<p>二、主要内容</p>\n"
        "<p>规划围绕7个领域提出62项主要目标和80项策略措施。</p>\n"
        "<p>三、主要目标</p>\n"
        f'<table border="1"><tr><th>{label}</th><th>{content}</th></tr>\n'
        "<tr><td>健康</td><td>婴儿死亡率控制在4‰以下；<br>5岁以下儿童死亡率控制在6‰以下。</td></tr>\n"
        "<tr><td>教育</td><td>学前教育毛入园率达到92%；<br>高中阶段毛入学率保持在93%以上。</td></tr>\n"
        "<tr><td>家庭</td><td>家庭教育指导服务体系基本建成。</td></tr>\n"
        "</table>\n"
        "<p>四、政策问答</p>\n"
        "<p>问：规划在健康服务方面有什么安排？</p>\n"
        "<p>答：规划提出，每个乡镇卫生院至少配备2名儿童保健医生，建成儿童友好示范社区6个。</p>\n"
        "<p>下一步，县妇儿工委将于2025年开展中期评估。</p>\n"
        "</div>\n"
        '<div class="foot">主办：青禾县人民政府办公室　备案号：某ICP备12345678号</div>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    return path


# text nodes of the page: 5 the headline, 16-18 the 健康 row, 19-21 the 教育 row, 26 the answer
EXPECTED = [
    (17, "婴儿死亡率", "<=", D(4), "‰", "健康"),
    (18, "5岁以下儿童死亡率", "<=", D(6), "‰", "健康"),
    (20, "学前教育毛入园率", ">=", D(92), "%", "教育"),
    (21, "高中阶段毛入学率", ">=", D(93), "%", "教育"),
    (26, "每个乡镇卫生院儿童保健医生数", ">=", D(2), "名", None),
    (26, "建成儿童友好示范社区", ">=", D(6), "个", None),
]


@pytest.mark.parametrize(
    ("headline", "header"),
    [
        ("《青禾县儿童发展规划（2021—2030年）》解读", ("所属领域", "目标内容（至2030年）")),
        ("关于《青禾县儿童发展规划（2021—2030年）》的政策解读", ("领域", "重点目标（2030年）")),
        ("图解：青禾县儿童发展规划（2021—2030年）", ("类别", "主要目标")),
    ],
)
def test_a_policy_interpretation_page_is_read_as_a_summary_of_its_plan(
    tmp_path: Path, headline: str, header: tuple[str, str]
) -> None:
    (plan,) = extract(_interpretation(tmp_path, headline, header))
    assert plan.plan.is_news_summary  # check then says it worked from a summary, and missing indicators are no errors
    assert (plan.plan.title, str(plan.plan.kind), plan.plan.period) == ("青禾县儿童发展规划（2021—2030年）", "children", (2021, 2030))
    assert plan.domains == ["健康", "教育", "家庭"]  # the table's 领域 cells, short names as written
    # the header row is no part of the first row's text; each sentence of a cell at its own text node;
    # the background's 2020 figures, the counts of the plan's parts and the evaluation year are no targets
    assert _numeric(plan) == EXPECTED
    assert plan.unparsed == []


def test_a_plan_page_linking_to_its_interpretation_is_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>青禾县妇女发展规划</title></head><body>'
        '<div class="content"><h1>青禾县妇女发展规划（2021—2030年）</h1>'
        "<p>一、妇女与健康</p><p>（一）主要目标</p><p>1.孕产妇死亡率控制在9/10万以下。</p>"
        "<p>二、妇女与教育</p><p>（一）主要目标</p><p>1.高中阶段毛入学率达到94%。</p>"
        "<p>相关解读：《青禾县妇女发展规划（2021—2030年）》政策解读</p></div></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(path)
    assert not plan.plan.is_news_summary
    assert [(t.indicator, t.target.value, str(t.section)) for t in plan.targets] == [
        ("孕产妇死亡率", D(9), "main_targets"),
        ("高中阶段毛入学率", D(94), "main_targets"),
    ]


def test_a_table_of_key_targets_in_a_plan_keeps_its_header_out_of_the_first_row(tmp_path: Path) -> None:
    """A plan's own table 领域 | 主要目标（2030年） of sentences: the header opens the section, the 领域 cells
    (short names) are the domains, and the first row's text begins with its own sentence."""
    path = tmp_path / "plan.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>松溪县妇女发展规划</title></head><body>'
        '<div class="content"><h1>松溪县妇女发展规划（2021—2030年）</h1>'
        "<p>一、发展领域</p>"
        "<table><tr><td>领域</td><td>主要目标（2030年）</td></tr>"
        "<tr><td>经济</td><td>高级专业技术人员中的女性比例达到42%以上。</td></tr>"
        "<tr><td>决策和管理</td><td>村民委员会成员中女性比例达到32%以上。</td></tr></table>"
        "<p>二、组织实施</p></div></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(path)
    assert not plan.plan.is_news_summary
    assert plan.domains == ["经济", "决策和管理"]
    assert [(t.indicator, t.target.value, t.domain, str(t.section), t.text) for t in plan.targets] == [
        ("高级专业技术人员中的女性比例", D(42), "经济", "main_targets", "高级专业技术人员中的女性比例达到42%以上"),
        ("村民委员会成员中女性比例", D(32), "决策和管理", "main_targets", "村民委员会成员中女性比例达到32%以上"),
    ]
    assert plan.unparsed == []


def test_a_domain_heading_written_by_its_short_name_is_a_domain(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "松溪县儿童发展规划（2021—2030年）\n"
        "一、健康\n（一）主要目标\n1.婴儿死亡率控制在4.5‰以下。\n"
        "二、安全\n（一）主要目标\n1.儿童伤害死亡率以2020年为基数下降20%。\n"
        "三、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(path)
    assert plan.domains == ["健康", "安全"]
    assert [(t.line, t.indicator, t.domain) for t in plan.targets] == [
        (4, "婴儿死亡率", "健康"),
        (7, "儿童伤害死亡率", "安全"),
    ]
