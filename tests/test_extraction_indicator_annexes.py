"""An annex of the plan's indicators after its implementation part, under a caption repeating the plan's title.

A portal copy of a county plan ends 三、组织实施, then 附件 and 某县妇女发展规划（2021—2025年）主要指标（共6项） over a
list numbered within each domain (（一）妇女与健康（3项） / 1.孕产妇死亡率：控制在110/10万以下（约束性）). The annex is
part of the same plan: its lines are the plan's indicator table written as a list, each tagged 约束性 or 预期性.
Before, the implementation part ended the plan's body and the annex was read as nothing (its numbers listed as
unparsed), so a slip in it (110/10万 where the main targets say 11/10万) was never found; and a tag after a value
(≥70%（预期性）) was read as the noun the number counts, naming the target （预期性）.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from compliance.phrases import parse

PLAN = """首页　>　政务公开　>　县政府文件
东至县妇女发展规划（2021—2025年）
发布时间：2022-09-20　　阅读次数：312

一、总体目标
到2025年，妇女全面发展取得新进展。
二、发展领域、主要目标和策略措施
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在11/10万以下。
2．适龄妇女宫颈癌人群筛查率达到70%以上。
（二）妇女与教育
主要目标：
1．女童九年义务教育巩固率达到97%以上。
（三）妇女与环境
主要目标：
1．农村卫生厕所普及率达到90%以上。
三、组织实施
县妇儿工委每年召开2次联络员会议，2023年开展中期评估。

附件
东至县妇女发展规划（2021—2025年）主要指标（共6项）

（一）妇女与健康（3项）
1.孕产妇死亡率：控制在110/10万以下（约束性）
2.适龄妇女宫颈癌人群筛查率：≥70%（预期性）
3.艾滋病母婴传播率：＜2%（约束性）
（二）妇女与教育（1项）
1.女童九年义务教育巩固率：≥97%（约束性）
（三）妇女与环境（2项）
1.农村卫生厕所普及率：≥90%（预期性）
2.农村集中供水率：95%（预期性）

相关解读：
【图文解读】一图读懂《东至县妇女发展规划（2021—2025年）》
主办：东至县人民政府办公室　地址：东至县尧渡镇　邮编：247200
"""


def test_an_annex_of_indicators_under_the_repeated_title_is_the_plans(tmp_path: Path) -> None:
    path = tmp_path / "dongzhi.txt"
    path.write_text(PLAN, encoding="utf-8")
    plans = extract(path)
    assert len(plans) == 1  # the repeated title opens no second plan
    (plan,) = plans
    annex = {t.line: t for t in plan.targets if t.line >= 25}
    assert sorted(annex) == [25, 26, 27, 29, 31, 32]
    by_line = {line: (t.indicator, t.section, t.domain) for line, t in annex.items()}
    assert by_line[25] == ("孕产妇死亡率", "indicator_table", "妇女与健康")
    assert by_line[29] == ("女童九年义务教育巩固率", "indicator_table", "妇女与教育")
    assert by_line[32] == ("农村集中供水率", "indicator_table", "妇女与环境")
    assert float(annex[25].target.value) == 110
    assert not [u for u in plan.unparsed if u.line >= 25]  # nothing of the annex left unread, the footer no target
    assert {t.line for t in plan.targets} >= {10, 11, 14, 17}  # the main targets still read


def test_a_tag_after_the_value_names_no_target() -> None:
    (target,) = parse("适龄妇女宫颈癌人群筛查率：≥70%（预期性）")
    assert target.indicator != "（预期性）"
    assert target.quote == "≥70%"
    (target,) = parse("孕产妇死亡率控制在110/10万以下（约束性）")
    assert target.indicator == "孕产妇死亡率"
