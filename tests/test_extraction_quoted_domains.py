"""Documents about a plan that quote its domains inside their own text.

A tender notice for the plan's mid-term evaluation (中期评估第三方服务项目竞争性磋商公告) quotes the plan's targets domain by
domain inside one item of its own list (2.评估内容 / （1）…下列主要目标：/ 妇女与健康：/ ——…), then numbers on ((2)…,
3.评估方法, 4.成果要求): the quote ended there, and the notice's own counts (发放问卷不少于1500份, 报告1份) are no
targets. An encyclopedia entry (百科) opens a sentence of the past (“十三五”期间，…) after its heading and edit link,
which run into it with no stop of their own, and heads its implementation part without a number (实施保障).
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

TENDER = [
    "容城县妇女发展规划（2021—2030年）中期评估第三方服务项目竞争性磋商公告",
    "一、项目基本情况",
    "采购需求：",
    "1.项目背景",
    "《容城县妇女发展规划（2021—2030年）》（容政发〔2022〕9号）于2022年9月印发实施。",
    "2.评估内容",
    "（1）规划主要目标实现情况。重点评估规划确定的下列主要目标：",
    "妇女与健康：",
    "——孕产妇死亡率控制在10/10万以下。",
    "妇女与教育：",
    "——女性平均受教育年限达到11.2年。",
    "（2）策略措施落实情况及存在的主要问题。",
    "3.评估方法",
    "实地调研覆盖全县12个乡镇，发放问卷不少于1500份，召开座谈会不少于6场。",
    "4.成果要求",
    "提交中期评估报告1份、分领域评估报告8份。",
]

ENTRY = [
    "雄县妇女发展规划（2021—2025年）",
    "目录",  # the entry's contents box: its ▪ 主要目标 opens the targets at once
    "1 规划背景",
    "2 主要内容",
    "▪ 主要目标",
    "3 实施保障",
    "规划背景",
    "编辑",
    "“十三五”期间，雄县孕产妇死亡率控制在10.6/10万，妇女常见病筛查率达到86.3%。",
    "主要目标",
    "编辑",
    "妇女与健康：孕产妇死亡率控制在9/10万以下，妇女常见病筛查率达到90%以上。",
    "实施保障",
    "编辑",
    "县政府妇女儿童工作委员会负责规划的组织实施，每年召开1次全体会议。",
]


def _values(path: Path) -> set[float]:
    (plan,) = extract(path)
    return {float(t.target.value) for t in plan.targets if t.target.value is not None}


def test_a_tender_notice_quotes_the_domains_inside_one_item_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "tender.txt"
    path.write_text("\n".join(TENDER) + "\n", encoding="utf-8")
    assert _values(path) == {10, 11.2}


def test_an_encyclopedia_entry_has_its_past_and_its_implementation_apart(tmp_path: Path) -> None:
    path = tmp_path / "entry.txt"
    path.write_text("\n".join(ENTRY) + "\n", encoding="utf-8")
    assert _values(path) == {9, 90}
