"""Web pages whose indicator tables, boxes and cards are not written as `<table>` and `<p>`.

Each test writes a small page of the shape (and a variant in other wording and markup) and asserts what is
read from it: a table laid out with `<div role="row">`, `<li>` of `<span>` cells or a `display:grid` of cells
is read as table rows are; a 专栏 box as `<aside>`, `<blockquote>`, `<fieldset>` is part of the article; a
carousel's slides (a name and a value each) are targets, its clones of slides read once.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

D = Decimal


def _page(folder: Path, body: str, kind: str = "儿童", name: str = "page.html", holder: str = '<div class="article">') -> Path:
    path = folder / name
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县{kind}发展规划</title></head><body>'
        '<div class="nav"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a></div>'
        f"{holder}<h1>某某县{kind}发展规划（2021—2030年）</h1>"
        f"<p>根据《中国{kind}发展纲要（2021—2030年）》，结合我县实际，制定本规划。</p>"
        f"{body}<p>四、组织实施</p></div>"
        '<aside class="sidebar"><h3>热点推荐</h3><p>某某县召开妇儿工委全体会议，部署2023年工作任务12项</p></aside>'
        '<div class="footer">主办单位：某某县人民政府 电话：0571-12345678</div></body></html>',
        encoding="utf-8",
    )
    return path


def _targets(plan) -> list[tuple]:
    return [(t.line, str(t.section), t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


def _number(path: Path, text: str) -> int:
    return next(line.number for line in read_document(path).lines if text in line.text)


def _cell_number(path: Path, text: str) -> int:
    """The text node number of the table cell `text`."""
    for line in read_document(path).lines:
        if line.cells is not None and text in line.cells:
            return line.cell_numbers[line.cells.index(text)]
    raise AssertionError(text)


ROLE_GRID = """<p>二、主要指标</p>
<div role="table" class="zbtx"><div role="row"><div role="columnheader">序号</div><div role="columnheader">指标名称</div>
<div role="columnheader">2020年基期值</div><div role="columnheader">2030年目标值</div></div>
<div role="row"><div role="cell">1</div><div role="cell">婴儿死亡率（‰）</div><div role="cell">4.1</div><div role="cell">≤4.0</div></div>
<div role="row"><div role="cell">2</div><div role="cell">5岁以下儿童死亡率（‰）</div><div role="cell">5.6</div><div role="cell">≤5.5</div></div>
<div role="row"><div role="cell">3</div><div role="cell">学前教育毛入园率（%）</div><div role="cell">95</div><div role="cell">≥98</div></div></div>"""

# no role, no class: a list whose items hold a span per cell, a header of words first
LIST_ROWS = """<p>二、主要指标</p>
<ul><li><span>指标</span><span>单位</span><span>基期（2020）</span><span>目标（2030）</span></li>
<li><span>新生儿死亡率</span><span>‰</span><span>2.9</span><span>2.5以下</span></li>
<li><span>义务教育巩固率</span><span>%</span><span>99</span><span>99.5以上</span></li>
<li><span>儿童青少年总体近视率</span><span>%</span><span>52</span><span>力争每年降低0.5个百分点以上</span></li></ul>"""

# cells laid out by the grid itself: four columns, a cell per child
CSS_GRID = """<p>二、主要指标</p>
<div class="zb" style="display: grid; grid-template-columns: 1fr 3fr 1fr 1fr"><b>序号</b><b>指标</b><b>基期值</b><b>目标值</b>
<div>1</div><div>适龄儿童免疫规划疫苗接种率（%）</div><div>98</div><div>≥99</div>
<div>2</div><div>孤儿养育标准（元/月）</div><div>1500</div><div>≥1800</div></div>"""


def test_a_table_of_div_rows_and_cells_is_read_as_table_rows(tmp_path: Path) -> None:
    """<div role="row"> of <div role="cell">: one table row per row, each target at its own cell's text node."""
    path = _page(tmp_path, ROLE_GRID)
    lines = read_document(path).lines
    rows = [line for line in lines if line.cells is not None]
    assert [line.cells for line in rows][:2] == [["序号", "指标名称", "2020年基期值", "2030年目标值"], ["1", "婴儿死亡率（‰）", "4.1", "≤4.0"]]
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert _targets(plan) == [
        (_cell_number(path, "≤4.0"), "indicator_table", "婴儿死亡率", "<=", D(4), "‰"),
        (_cell_number(path, "≤5.5"), "indicator_table", "5岁以下儿童死亡率", "<=", D("5.5"), "‰"),
        (_cell_number(path, "≥98"), "indicator_table", "学前教育毛入园率", ">=", D(98), "%"),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("4.1"), D("5.6"), D(95)]
    assert plan.targets[0].locator == "表1 第2行 2030年目标值列"
    assert not plan.unparsed


def test_a_list_of_span_cells_and_a_css_grid_are_tables_by_their_structure(tmp_path: Path) -> None:
    """<li> rows of <span> cells (no role, no class) and a display:grid of four columns: read as <table> rows are."""
    (plan,) = extract(_page(tmp_path, LIST_ROWS), jurisdiction="重庆市/某某县")
    got = [(t.indicator, str(t.target.op), t.target.value, t.baseline.value) for t in plan.targets]
    assert got == [
        ("新生儿死亡率", "<=", D("2.5"), D("2.9")),
        ("义务教育巩固率", ">=", D("99.5"), D(99)),
        ("儿童青少年总体近视率", "rel_decrease", D("0.5"), D(52)),
    ]
    assert not plan.unparsed
    (plan,) = extract(_page(tmp_path, CSS_GRID, name="grid.html"), jurisdiction="重庆市/某某县")
    got = [(str(t.section), t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]
    assert got == [
        ("indicator_table", "适龄儿童免疫规划疫苗接种率", ">=", D(99), "%"),
        ("indicator_table", "孤儿养育标准", ">=", D(1800), "元/月"),
    ]


# a mobile page's flex rows of divs: a blank 领域 cell means "as above", so a row shows three of its four cells
BLANK_CELL_GRID = """<p>二、主要指标</p>
<div class="{box}"><div class="{row} head"><div class="{cell}">领域</div><div class="{cell}">指标</div>
<div class="{cell}">2020年</div><div class="{cell}">2030年目标</div></div>
<div class="{row}"><div class="{cell}">儿童与健康</div><div class="{cell}">婴儿死亡率</div><div class="{cell}">4.1‰</div><div class="{cell}">≤4‰</div></div>
<div class="{row}"><div class="{cell}"></div><div class="{cell}">儿童健康管理率</div><div class="{cell}">90%</div><div class="{cell}">≥92%</div></div>
<div class="{row}"><div class="{cell}"></div><div class="{cell}">新生儿访视率</div><div class="{cell}">91%</div><div class="{cell}">≥95%</div></div>
<div class="{row}"><div class="{cell}">儿童与教育</div><div class="{cell}">学前教育毛入园率</div><div class="{cell}">93%</div><div class="{cell}">≥96%</div></div></div>"""

# a display:grid of row divs with a domain's group row of one cell spanning the grid (grid-column:1/4)
GROUP_ROW_GRID = """<p>二、主要指标</p>
<div class="{box}"><div class="{row} head"><div class="{cell}">指标名称</div><div class="{cell}">2020年现状</div><div class="{cell}">2030年目标</div></div>
<div class="{row} group"><div class="{cell}" style="grid-column:1/4">儿童与健康</div></div>
<div class="{row}"><div class="{cell}">婴儿死亡率（‰）</div><div class="{cell}">4.1</div><div class="{cell}">≤4</div></div>
<div class="{row}"><div class="{cell}">儿童健康管理率（%）</div><div class="{cell}">90</div><div class="{cell}">≥92</div></div>
<div class="{row} group"><div class="{cell}" style="grid-column:1/4">儿童与教育</div></div>
<div class="{row}"><div class="{cell}">学前教育毛入园率（%）</div><div class="{cell}">93</div><div class="{cell}">≥96</div></div></div>"""


def test_a_div_grid_with_blank_cells_keeps_its_columns(tmp_path: Path) -> None:
    """Rows of divs where a blank 领域 div stands for "as above": the blank is a cell, every row has four columns."""
    for k, (box, row, cell) in enumerate([("zb-table", "zb-tr", "zb-td"), ("m-list", "m-line", "m-item")]):
        body = BLANK_CELL_GRID.format(box=box, row=row, cell=cell)
        if k:
            body = body.replace('<div class="m-list">', '<div class="m-list" style="display:flex;flex-direction:column">')
        path = _page(tmp_path, body, name=f"blank{k}.html")
        rows = [line.cells for line in read_document(path).lines if line.cells is not None]
        assert rows[2] == ["", "儿童健康管理率", "90%", "≥92%"], rows
        (plan,) = extract(path, jurisdiction="重庆市/某某县")
        got = [(str(t.section), t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]
        assert got == [
            ("indicator_table", "婴儿死亡率", "<=", D(4), "‰"),
            ("indicator_table", "儿童健康管理率", ">=", D(92), "%"),
            ("indicator_table", "新生儿访视率", ">=", D(95), "%"),
            ("indicator_table", "学前教育毛入园率", ">=", D(96), "%"),
        ]
        assert [t.baseline.value for t in plan.targets] == [D("4.1"), D(90), D(91), D(93)]
        assert not plan.unparsed


def test_a_div_grid_with_group_rows_of_one_cell_is_one_table(tmp_path: Path) -> None:
    """A domain's group row (one div spanning the grid) among rows of three cells: a row of the table, as a colspan."""
    for k, (box, row, cell) in enumerate([("m-grid", "g-row", "g-cell"), ("zbtx", "zb-row", "zb-col")]):
        body = GROUP_ROW_GRID.format(box=box, row=row, cell=cell)
        path = _page(tmp_path, body, name=f"group{k}.html")
        rows = [line.cells for line in read_document(path).lines if line.cells is not None]
        assert rows[1] == ["儿童与健康", "", ""] and rows[2] == ["婴儿死亡率（‰）", "4.1", "≤4"], rows
        (plan,) = extract(path, jurisdiction="重庆市/某某县")
        got = [(str(t.section), t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]
        assert got == [
            ("indicator_table", "婴儿死亡率", "<=", D(4), "‰"),
            ("indicator_table", "儿童健康管理率", ">=", D(92), "%"),
            ("indicator_table", "学前教育毛入园率", ">=", D(96), "%"),
        ]
        assert not plan.unparsed


def test_paragraphs_of_spans_and_lists_of_sentences_stay_text(tmp_path: Path) -> None:
    """A Word export's <p> of <span>s, a list of sentences: text, never a table (no cells)."""
    body = """<p>二、主要目标</p><p>（一）儿童与健康</p>
<p><span>1．</span><span>婴儿死亡率降至4‰以下。</span></p><p><span>2．</span><span>5岁以下儿童死亡率降至5‰以下。</span></p>
<p><span>3．</span><span>学前教育毛入园率达到98%以上。</span></p>
<ul><li><span>——</span><span>孕产妇系统管理率达到95%以上。</span></li><li><span>——</span><span>儿童健康管理率达到95%以上。</span></li>
<li><span>——</span><span>新生儿访视率达到95%以上。</span></li></ul>"""
    path = _page(tmp_path, body)
    assert all(line.cells is None for line in read_document(path).lines)
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert [t.target.value for t in plan.targets] == [D(4), D(5), D(98), D(95), D(95), D(95)]


BOXES = """<p>二、主要目标</p><p>（一）儿童与健康</p><p>1．婴儿死亡率降至4‰以下。</p>
<aside class="zl"><h4>专栏1 儿童健康促进工程</h4><p>到2025年，全县新生儿遗传代谢性疾病筛查率达到98%以上。</p>
<p>建设儿童友好医院3家。</p></aside><p>2．5岁以下儿童死亡率降至5‰以下。</p>"""

BOXES_VARIANT = """<p>二、主要目标</p><p>（二）儿童与教育</p><p>1．学前教育毛入园率达到95%以上。</p>
<blockquote><p><strong>专栏2</strong> 儿童近视防控行动</p><p>儿童青少年总体近视率每年降低0.5个百分点以上。</p></blockquote>
<p>2．九年义务教育巩固率达到99%。</p>
<fieldset><legend>专栏3 校园安全</legend><p>中小学校安全防范建设达标率达到100%。</p></fieldset>
<section class="box"><h4>专栏4 关爱保护</h4><p>孤儿养育标准不低于全省平均水平的110%。</p></section>"""


def test_a_box_as_an_aside_among_the_articles_paragraphs_is_read(tmp_path: Path) -> None:
    """<aside> between the plan's paragraphs (a 专栏): its targets read, its title no part of its first sentence;
    the page's sidebar <aside> beside the article stays out."""
    path = _page(tmp_path, BOXES)
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    got = [(t.line, t.indicator, t.target.value) for t in plan.targets]
    assert got == [
        (_number(path, "婴儿死亡率"), "婴儿死亡率", D(4)),
        (_number(path, "筛查率"), "新生儿遗传代谢性疾病筛查率", D(98)),
        (_number(path, "儿童友好医院"), "建设儿童友好医院", D(3)),
        (_number(path, "5岁以下"), "5岁以下儿童死亡率", D(5)),
    ]
    assert not any("热点推荐" in line.text or "12项" in line.text for line in read_document(path).lines)


def test_boxes_as_blockquote_fieldset_and_section_are_read(tmp_path: Path) -> None:
    (plan,) = extract(_page(tmp_path, BOXES_VARIANT), jurisdiction="重庆市/某某县")
    assert [(t.indicator, t.target.value) for t in plan.targets] == [
        ("学前教育毛入园率", D(95)),
        ("儿童青少年总体近视率", D("0.5")),
        ("九年义务教育巩固率", D(99)),
        ("中小学校安全防范建设达标率", D(100)),
        ("孤儿养育标准", D(110)),
    ]


SWIPER = """<p>二、主要目标</p><div class="swiper-container"><div class="swiper-wrapper">
<div class="swiper-slide swiper-slide-duplicate"><h3>高中阶段毛入学率</h3><p class="num">98%以上</p></div>
<div class="swiper-slide"><h3>孕产妇死亡率</h3><p class="num">≤8/10万</p></div>
<div class="swiper-slide"><h3>妇女常见病筛查率</h3><p class="num">≥90%</p></div>
<div class="swiper-slide"><h3>高中阶段毛入学率</h3><p class="num">98%以上</p></div>
<div class="swiper-slide swiper-slide-duplicate"><h3>孕产妇死亡率</h3><p class="num">≤8/10万</p></div>
</div><div class="swiper-pagination"></div></div>"""

SLICK = """<p>二、主要目标</p><section class="carousel"><div class="slick-track">
<div class="slick-slide slick-cloned" aria-hidden="true"><div class="card"><span class="label">女性平均受教育年限</span><em class="val">11.5年</em></div></div>
<div class="slick-slide"><div class="card"><span class="label">孕产妇死亡率</span><em class="val">控制在8/10万以下</em></div></div>
<div class="slick-slide"><div class="card"><span class="label">女性平均受教育年限</span><em class="val">11.5年</em></div></div>
<div class="slick-slide slick-cloned" aria-hidden="true"><div class="card"><span class="label">孕产妇死亡率</span><em class="val">控制在8/10万以下</em></div></div>
</div></section>"""


def test_a_carousels_slides_are_targets_and_its_clones_are_read_once(tmp_path: Path) -> None:
    """A WeChat/H5 swiper: each slide's name and value one target, at the slide; the looping clones left out."""
    path = _page(tmp_path, SWIPER, kind="妇女", holder='<div class="rich_media_content" id="js_content">')
    lines = read_document(path).lines
    assert [line.cells for line in lines if line.cells] == [
        ["孕产妇死亡率", "≤8/10万"], ["妇女常见病筛查率", "≥90%"], ["高中阶段毛入学率", "98%以上"],
    ]
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert [(t.line, t.target.value, t.target.unit) for t in plan.targets] == [
        (_number(path, "孕产妇死亡率"), D(8), "1/10万"),
        (_number(path, "妇女常见病筛查率"), D(90), "%"),
        (_number(path, "高中阶段毛入学率"), D(98), "%"),
    ]


def test_a_slick_carousel_of_cards_gives_each_card_once(tmp_path: Path) -> None:
    path = _page(tmp_path, SLICK, kind="妇女")
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        ("孕产妇死亡率", "<=", D(8), "1/10万"),
        ("女性平均受教育年限", "=", D("11.5"), "年"),
    ]
    assert [t.line for t in plan.targets] == [_number(path, "孕产妇死亡率"), _number(path, "女性平均受教育年限")]
