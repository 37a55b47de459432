"""A 文库 text export of a draft's annex table, one cell per line, with its domain rows on lines of their own and rows
cut by page breaks (issue 8).

序号 / 指标（unit） / 2020年 / 2025年目标, then 儿童与健康 on its own line before row 1, 儿童与安全 before row 5 …; a page
break falls inside a row, so the row's values stand after the page number, the site's 第N页 / 共M页 marker and the
running header. The 序号 column's count tells the rows apart, a domain's line between a full row and the next
number is that domain's row. Before, the domain lines shifted every cell (the first row read 儿童与健康 | 1 |
新生儿死亡率 | 2.61) and the table's rows went to `unparsed`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

LINES = [
    "某某县儿童发展规划（2021—2025年）（征求意见稿）",
    "一、主要目标",
    "儿童健康水平不断提高，儿童安全得到保障。",
    "- 3 -",
    "第4页 / 共6页",
    "某某县儿童发展规划（征求意见稿）",
    "二、组织实施",
    "县妇儿工委负责规划实施的组织、协调和督促。",
    "附表",
    "某某县儿童发展规划（2021—2025年）主要监测指标",
    "序号", "指标", "2020年", "2025年目标",
    "儿童与健康",
    "1", "婴儿死亡率（‰）", "4.86", "≤4.5",
    "2", "5岁以下儿童死亡率（‰）", "6.40", "≤6",
    "3", "3岁以下儿童系统管理率（%）",
    "- 4 -",
    "第5页 / 共6页",
    "某某县儿童发展规划（征求意见稿）",
    "89.3", "92",
    "4", "5岁以下儿童贫血患病率（%）", "7.2", "＜7",
    "儿童与安全",
    "5", "儿童伤害死亡率（1/10万）", "13.8", "以2020年为基数下降12%",
    "儿童与教育",
    "6", "学前三年毛入园率（%）", "95.6", "97",
    "注：目标值未标注“≤”“＜”的，均为“≥”。",
    "- 5 -",
    "第6页 / 共6页",
]

EXPECTED = [
    ("婴儿死亡率", "儿童与健康", "<=", D("4.5"), "‰"),
    ("5岁以下儿童死亡率", "儿童与健康", "<=", D(6), "‰"),
    ("3岁以下儿童系统管理率", "儿童与健康", ">=", D(92), "%"),
    ("5岁以下儿童贫血患病率", "儿童与健康", "<", D(7), "%"),
    ("儿童伤害死亡率", "儿童与安全", "rel_decrease", D(12), "%"),
    ("学前三年毛入园率", "儿童与教育", ">=", D(97), "%"),
]


def test_domain_rows_and_page_breaks_in_a_table_one_cell_per_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("\r\n".join(LINES) + "\r\n", encoding="utf-8")
    (plan,) = extract(path)
    table = [t for t in plan.targets if t.section == "indicator_table"]
    assert [(t.indicator, t.domain, str(t.target.op), t.target.value, t.target.unit) for t in table] == EXPECTED
    assert not [u for u in plan.unparsed if u.line > LINES.index("序号")]
    # the values after the page break are read at their own lines
    assert [t.line for t in table][2] == LINES.index("92") + 1


def test_a_domain_column_and_dropped_empty_cells(tmp_path: Path) -> None:
    """Variant: the header's first column is 领域 (领域 / 序号 / 指标 / 2020年 / 2025年 / 2030年) and the export drops empty
    cells — the 领域 cell stands on the first row of its domain only, a row with no 2020 figure has two value cells.
    Each row keeps its columns; the row without its baseline reads its two targets (≤2 ≤2 are a target's cells, never
    a baseline's)."""
    lines = [
        "某某市妇女发展规划（2021—2030年）",
        "二、主要指标",
        "某某市妇女发展规划主要指标表",
        "领域", "序号", "指标", "2020年", "2025年", "2030年",
        "妇女与健康",
        "1", "孕产妇死亡率（1/10万）", "8.6", "≤10", "≤9",
        "2", "艾滋病母婴传播率（%）", "≤2", "≤2",
        "3", "孕产妇系统管理率（%）", "92.7", "≥94", "≥95",
        "妇女与教育",
        "4", "女性平均受教育年限（年）", "10.4", "11", "11.3",
        "注：2020年栏空白的为无监测数据。",
        "三、组织实施",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="gb18030")
    (plan,) = extract(path)
    table = [t for t in plan.targets if t.section == "indicator_table"]
    assert [(t.indicator, t.domain, str(t.target.op), t.target.value, t.year, t.baseline.value if t.baseline else None) for t in table] == [
        ("孕产妇死亡率", "妇女与健康", "<=", D(10), 2025, D("8.6")),
        ("孕产妇死亡率", "妇女与健康", "<=", D(9), None, D("8.6")),
        ("艾滋病母婴传播率", "妇女与健康", "<=", D(2), 2025, None),
        ("艾滋病母婴传播率", "妇女与健康", "<=", D(2), None, None),
        ("孕产妇系统管理率", "妇女与健康", ">=", D(94), 2025, D("92.7")),
        ("孕产妇系统管理率", "妇女与健康", ">=", D(95), None, D("92.7")),
        ("女性平均受教育年限", "妇女与教育", ">=", D(11), 2025, D("10.4")),
        ("女性平均受教育年限", "妇女与教育", ">=", D("11.3"), None, D("10.4")),
    ]


def test_a_document_sites_read_on_prompt_between_the_pages_of_the_table(tmp_path: Path) -> None:
    """Variant: a 文库 copy whose pages are parted by the site's page marker, download prompt, price and read-on prompt
    (第3页 / 共4页, 下载文档到电脑…, 8 积分, 还剩1页未读，继续阅读); a 单位 column. The table goes on after them; before,
    8 积分 and 还剩1页未读 were text and ended the table, losing the rows of the last page."""
    lines = [
        "某某县妇女发展规划（2021—2025年）",
        "附件",
        "某某县妇女发展规划主要指标",
        "序号", "指标", "单位", "2020年", "2025年",
        "1", "孕产妇系统管理率", "%", "91.2", "≥93",
        "2", "艾滋病母婴传播率", "%", "2.4", "＜2",
        "",
        "第3页 / 共4页",
        "下载文档到电脑，查找使用更方便",
        "8 积分",
        "还剩1页未读，继续阅读",
        "",
        "3", "高中阶段毛入学率", "%", "90.8", "≥93",
        "4", "村委会成员中女性比例", "%", "24.1", "≥30",
        "",
        "第4页 / 共4页",
        "本文档由 someone 上传，仅供学习交流。",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="gb18030")
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        ("孕产妇系统管理率", ">=", D(93)),
        ("艾滋病母婴传播率", "<", D(2)),
        ("高中阶段毛入学率", ">=", D(93)),
        ("村委会成员中女性比例", ">=", D(30)),
    ]
    assert not plan.unparsed
