"""A reply to a CPPCC proposal (政协提案答复) that quotes the plan's targets in prose, then its table.

The 妇儿工委办 answers a member's proposal: 一、基本情况 gives the year's values reached (2022年…分别为2.91‰…),
二、《某市儿童发展规划（2021—2030年）》确定的目标 quotes the plan's targets theme by theme ((一)儿童健康方面。到2030年，…),
then 表1 某市儿童发展规划主要指标进展情况 gives its targets beside the values monitored, and 三、下一步工作 the office's
own plans for next year. The part citing the plan and naming its targets is where the plan's quoted text begins:
before, the plan began at the table's caption (titled 表1某市儿童发展规划) and the quoted targets were never read.
The values reached before it and the office's plans after it stay no targets.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from tests.makedocs import text_to_docx

REPLY = [
    "A",
    "宁都妇儿工委办字〔2023〕5号",
    "宁都县人民政府妇女儿童工作委员会办公室",
    "关于县政协十一届二次会议第31号提案的答复",
    "李文华委员：",
    "您提出的《关于加快儿童友好县建设的提案》收悉。现答复如下：",
    "一、我县儿童发展基本情况",
    "2022年，全县新生儿死亡率、婴儿死亡率分别为2.93‰、4.41‰，学前教育毛入园率93.5%。",
    "二、《宁都县儿童发展规划（2021—2030年）》确定的目标",
    "2022年9月，县政府印发《宁都县儿童发展规划（2021—2030年）》，从7个领域提出65项主要目标。与您提案相关的主要目标如下：",
    "（一）儿童健康方面。到2030年，新生儿死亡率和婴儿死亡率分别降至2.8‰和4.5‰以下。",
    "（二）儿童教育方面。学前教育毛入园率达到95%以上，义务教育巩固率达到97%以上。",
    "（三）儿童福利方面。村（居）儿童主任配备率达到100%。",
    "表1　宁都县儿童发展规划主要指标进展情况",
    "\t序号", "\t指标", "\t规划目标", "\t2022年完成情况",
    "",
    "\t1", "\t新生儿死亡率（‰）", "\t≤2.8", "\t2.93",
    "",
    "\t2", "\t学前教育毛入园率（%）", "\t≥95", "\t93.5",
    "",
    "三、下一步工作",
    "2024年计划新增普惠托位300个，推动每个乡镇建成1个托育服务点。",
    "宁都县人民政府妇女儿童工作委员会办公室",
]


def test_a_reply_reads_the_targets_it_quotes_from_the_plan(tmp_path: Path) -> None:
    path = text_to_docx(REPLY, tmp_path / "reply.docx")
    (plan,) = extract(path)
    assert plan.plan.title == "宁都县儿童发展规划（2021—2030年）"
    quoted = {(t.indicator, float(t.target.value)) for t in plan.targets if t.section == "main_targets"}
    assert quoted == {("新生儿死亡率", 2.8), ("婴儿死亡率", 4.5), ("学前教育毛入园率", 95), ("义务教育巩固率", 97),
                      ("村（居）儿童主任配备率", 100)}
    domains = {t.indicator: t.domain for t in plan.targets if t.section == "main_targets"}
    assert domains["新生儿死亡率"] == "儿童与健康" and domains["义务教育巩固率"] == "儿童与教育"
    values = {float(t.target.value) for t in plan.targets if t.target.value is not None}
    assert not values & {2.93, 4.41, 93.5, 300}  # the values reached and the office's own plans: no targets
    assert {(t.indicator, float(t.target.value)) for t in plan.targets if t.section == "indicator_table"} == {
        ("新生儿死亡率", 2.8), ("学前教育毛入园率", 95)}
