"""A page of a Vue-rendered portal saved from the browser: paragraphs are div.p, the annex table a CSS grid of divs.

The grid's cells are the children of one `display:grid` container laid in N columns; a 领域 cell spans the rows of
its indicators (`grid-row:span 3`), so the rows under it hold one cell fewer. Read as the browser lays them out
(auto-placement: each cell in the next free place, a span covering the places below it), the grid is a table whose
rows keep their columns. Before, the span was ignored: the children did not fill whole rows of five, the grid was
read as text and its 2025 and 2030 cells were lost. The page's script state (window.__INITIAL_STATE__) is no text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

D = Decimal

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市妇女发展规划</title></head><body>
<div id="app" data-v-1a2b3c><div class="nav" data-v-1a2b3c><a>首页</a><a>政务公开</a></div>
<article class="detail" data-v-1a2b3c><div class="h1" data-v-1a2b3c>某某市妇女发展规划（2021—2030年）</div>
<div class="p" data-v-1a2b3c>根据《中国妇女发展纲要（2021—2030年）》，结合我市实际，制定本规划。</div>
<div class="h2" data-v-1a2b3c>附件：某某市妇女发展规划主要指标</div>
<div class="grid" style="display:grid;grid-template-columns:120px 1fr 90px 90px 90px" data-v-1a2b3c>
<div class="grid-cell th">领域</div><div class="grid-cell th">指标</div><div class="grid-cell th">2020年</div>
<div class="grid-cell th">2025年</div><div class="grid-cell th">2030年</div>
<div class="grid-cell dom" style="grid-row:span 3">妇女与健康</div>
<div class="grid-cell">孕产妇死亡率（/10万）</div><div class="grid-cell">10.2</div><div class="grid-cell">≤10</div><div class="grid-cell">≤9</div>
<div class="grid-cell">适龄妇女宫颈癌人群筛查率（%）</div><div class="grid-cell">52.6</div><div class="grid-cell">≥70</div><div class="grid-cell">≥80</div>
<div class="grid-cell">艾滋病母婴传播率（%）</div><div class="grid-cell">1.8</div><div class="grid-cell">&lt;2</div><div class="grid-cell">&lt;2</div>
<div class="grid-cell dom" style="grid-row:span 1">妇女与经济</div>
<div class="grid-cell">高级专业技术人员中女性比例（%）</div><div class="grid-cell">37.4</div><div class="grid-cell">&gt;38</div><div class="grid-cell">&gt;40</div>
</div>
<div class="p">注：表中未标注符号的数值为“不低于”。</div></article></div>
<script>window.__INITIAL_STATE__={"article":{"id":4471,"views":2836,"targets":[95,90]}}</script>
</body></html>"""


def test_a_css_grid_whose_domain_cells_span_rows_is_a_table(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    rows = [line.cells for line in read_document(path).lines if line.cells is not None]
    assert rows[0] == ["领域", "指标", "2020年", "2025年", "2030年"]
    assert rows[2] == ["", "适龄妇女宫颈癌人群筛查率（%）", "52.6", "≥70", "≥80"]  # the span's place, empty
    assert rows[4][0] == "妇女与经济" and len(rows) == 5
    (plan,) = extract(path, jurisdiction="湖南省/长沙市/宁乡市")
    got = {(t.indicator, str(t.target.op), t.target.value, t.domain) for t in plan.targets}
    assert ("适龄妇女宫颈癌人群筛查率", ">=", D(80), "妇女与健康") in got
    assert ("艾滋病母婴传播率", "<", D(2), "妇女与健康") in got
    assert ("高级专业技术人员中女性比例", ">", D(40), "妇女与经济") in got
    assert len(plan.targets) == 8  # two horizons of four rows
    assert all(t.section == "indicator_table" for t in plan.targets)
    assert not {float(t.target.value) for t in plan.targets} & {2836, 4471}  # the script's state: no text
