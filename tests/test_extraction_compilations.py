"""A compilation of documents (文件汇编): a cover, a table of contents listing the documents (the notice, the plan, then
the office's 工作要点 and another department's 实施方案), then each document in turn.

The plan ends where the next document its contents list begins: the 工作要点's counts (不少于20场次, 11个乡镇) and
the 实施方案's own targets (托位数达到4.5个) are not the plan's. Before, the plan ran to the end of the file.
A plan's own contents (its parts, 一、儿童与健康 …… 2) cut nothing.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from tests.makedocs import text_to_docx

PLAN = [
    "黎城县儿童发展规划（2021—2025年）",
    "为促进儿童全面发展，依据《中国儿童发展纲要（2021—2030年）》《山西省儿童发展规划（2021—2025年）》，结合我县实际，制定本规划。",
    "一、儿童与健康",
    "（一）主要目标",
    "1.婴儿和5岁以下儿童死亡率分别控制在4.5‰和5.8‰以下。",
    "2.儿童青少年总体近视率每年降低1个百分点以上。",
    "二、儿童与教育",
    "（一）主要目标",
    "1.学前教育毛入园率达到92%以上。",
]
OTHERS = [
    "黎城县妇女儿童工作委员会2022年工作要点",
    "一是开展《规划》宣传进乡村活动不少于20场次，覆盖全县11个乡镇；二是争取创建市级儿童友好社区2个。",
    "黎城县关于促进3岁以下婴幼儿照护服务发展的实施方案",
    "到2025年，全县每千人口拥有3岁以下婴幼儿托位数达到4.5个，普惠性托位占比达到60%以上。",
]
COMPILATION = [
    "黎城县妇女儿童工作文件汇编",
    "（2022年）",
    "黎城县妇女儿童工作委员会办公室　编",
    "目　　录",
    "黎城县人民政府关于印发黎城县儿童发展规划（2021—2025年）的通知 ………………… 1",
    "黎城县儿童发展规划（2021—2025年） ………………………………………………… 2",
    "黎城县妇女儿童工作委员会2022年工作要点 …………………………………………… 19",
    "黎城县关于促进3岁以下婴幼儿照护服务发展的实施方案 ………………………………… 24",
    "黎城县人民政府关于印发黎城县儿童发展规划（2021—2025年）的通知",
    "黎政发〔2022〕7号",
    "现将《黎城县儿童发展规划（2021—2025年）》印发给你们，请认真组织实施。",
    *PLAN,
    *OTHERS,
]
OWN = {("婴儿死亡率", 4.5), ("5岁以下儿童死亡率", 5.8), ("儿童青少年总体近视率", 1), ("学前教育毛入园率", 92)}


def _values(plan: object) -> set[tuple[str, float]]:
    return {(t.indicator, float(t.target.value)) for t in plan.targets if t.target.value is not None}  # type: ignore[attr-defined]


def test_a_compilation_ends_the_plan_at_the_next_document_its_contents_list(tmp_path: Path) -> None:
    (plan,) = extract(text_to_docx(COMPILATION, tmp_path / "compilation.docx"))
    assert plan.plan.title == "黎城县儿童发展规划（2021—2025年）"
    assert _values(plan) == OWN
    assert "文件汇编" in (plan.plan.note or "")


def test_a_plans_own_contents_cut_nothing(tmp_path: Path) -> None:
    contents = ["目　　录", "一、儿童与健康 ………………… 2", "二、儿童与教育 ………………… 5"]
    (plan,) = extract(text_to_docx([PLAN[0], *contents, *PLAN[1:]], tmp_path / "plan.docx"))
    assert _values(plan) == OWN
