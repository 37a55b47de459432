"""A children's plan headed 妇女发展规划 is pointed out to the reviewer, in their language (trial defect 15)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from compliance.checking import check
from compliance.cli import main
from compliance.extraction import dump_plan, extract
from compliance.loading.plans import loads_plan

ROOT = Path(__file__).resolve().parent.parent

TEXT = """海盐县妇女发展“十四五”规划
根据《中国儿童发展纲要（2021—2030年）》《嘉兴市儿童发展“十四五”规划》，制定本规划。规划期限为2021—2025年。
二、主要目标和策略措施
（一）儿童与健康
主要目标：
1.新生儿、婴儿和5岁以下儿童死亡率分别控制在2.5‰、4.5‰和5.5‰以下。
2.0-6个月婴儿纯母乳喂养率达到65%以上。
（二）儿童与安全
主要目标：
1.儿童伤害死亡率以2020年为基数下降20%。
（三）儿童与教育
主要目标：
1.学前三年教育毛入园率达到98%以上。
"""


def test_the_heading_naming_the_other_kind_is_a_finding_in_chinese(tmp_path: Path) -> None:
    document = tmp_path / "海盐县-children.txt"
    document.write_text(TEXT, encoding="utf-8")
    (plan,) = extract(document, jurisdiction="浙江省/嘉兴市/海盐县")
    assert plan.plan.kind.value == "children"
    assert plan.plan.heading is not None and plan.plan.heading.kind.value == "women" and plan.plan.heading.line == 1
    (finding,) = [f for f in check(plan).findings if f.rule == "title-mismatch"]
    assert finding.code == "CMP109" and finding.severity.value == "info"
    assert finding.render_message("zh") == (
        "文件标题“海盐县妇女发展“十四五”规划”（第1行）写的是妇女发展规划，但正文是儿童发展规划，本次按儿童发展规划检查"
    )
    result = CliRunner().invoke(main, ["check", str(document), "--lang", "zh"])
    assert "CMP109 title-mismatch" in result.output and "写的是妇女发展规划，但正文是儿童发展规划" in result.output


def test_the_heading_survives_the_plan_file(tmp_path: Path) -> None:
    """extract -o writes the heading; checking the YAML points it out as checking the document does."""
    document = tmp_path / "海盐县-children.txt"
    document.write_text(TEXT, encoding="utf-8")
    (plan,) = extract(document, jurisdiction="浙江省/嘉兴市/海盐县")
    again = loads_plan(dump_plan(plan), "haiyan.yaml")
    assert again.plan.heading == plan.plan.heading
    assert [f.rule for f in check(again).findings if f.rule == "title-mismatch"] == ["title-mismatch"]


def test_a_heading_of_the_texts_own_kind_is_no_finding(tmp_path: Path) -> None:
    document = tmp_path / "海盐县-children.txt"
    document.write_text(TEXT.replace("妇女发展", "儿童发展", 1), encoding="utf-8")
    (plan,) = extract(document, jurisdiction="浙江省/嘉兴市/海盐县")
    assert plan.plan.heading is None
    assert not [f for f in check(plan).findings if f.rule == "title-mismatch"]


def test_the_real_xinping_text_heads_its_childrens_plan_as_the_womens() -> None:
    """The 新平 seed text's second plan (line 241) is headed 新平妇女发展规划（2021—2030年） but is the children's
    plan, which names itself 《新平儿童发展规划（2021—2030年）》: that name is its title, and the heading is pointed out."""
    women, children = extract(ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt")
    assert women.plan.heading is None
    assert children.plan.kind.value == "children" and children.plan.title == "新平儿童发展规划（2021—2030年）"
    assert children.plan.heading is not None and children.plan.heading.line == 241
    (finding,) = [f for f in check(children).findings if f.rule == "title-mismatch"]
    assert finding.render_message("zh") == (
        "文件标题“新平妇女发展规划（2021—2030年）”（第241行）写的是妇女发展规划，但正文是儿童发展规划，"
        "本次按儿童发展规划检查，规划名称取“新平儿童发展规划（2021—2030年）”"
    )
