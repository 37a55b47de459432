"""A 政民互动 message board's page: a citizen's question, then the official reply quoting the plan's targets.

Before, the question's clause …听说区里出了儿童发展规划 was taken for the plan's title (jurisdiction 听说区, level
unknown) and no target of the reply was read; now a title never holds the particle 了 (a sentence's verb, no
name), the page is read as a document about the plan (news_summary, by its 以下简称《规划》, 《规划》提出), and the
lines before the reply's head (答复单位：…, rules/extraction.yaml reply_markers) are the asker's: their numbers
(孩子2岁半, 收费每月3200元, 1家) are no targets.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>留言详情-某某县人民政府</title></head><body>
<div class="crumb">当前位置：首页 &gt; 政民互动 &gt; 留言详情</div>
<h2>咨询我县儿童发展规划关于托育和儿童之家的目标</h2>
<table><tr><td>留言编号：MB20230411008</td><td>浏览量：418</td></tr></table>
<div class="msg-body"><p>您好！我家孩子2岁半，小区附近只有1家托育机构，收费每月3200元。听说县里出了儿童发展规划，想问一下对托位和儿童之家定了什么目标？谢谢！</p></div>
<div class="reply">
<div>答复单位：某某县妇女儿童工作委员会办公室　答复时间：2023-04-18</div>
<p>网友您好：</p>
<p>感谢您的关心。2022年4月，县政府印发了《新平县儿童发展“十四五”规划》（以下简称《规划》）。现答复如下：</p>
<p>一、关于托育服务。《规划》提出，到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。</p>
<p>二、关于儿童之家。《规划》提出，城乡社区儿童之家覆盖率达到98%以上。</p>
<p>此外，《规划》还明确：学前教育毛入园率达到95%以上，九年义务教育巩固率保持在99%以上。</p>
</div></body></html>
"""


def test_a_message_boards_reply_is_read_and_the_question_is_not(tmp_path: Path) -> None:
    path = tmp_path / "留言详情.html"
    path.write_text(PAGE, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "新平县儿童发展“十四五”规划"
    assert plan.plan.is_news_summary
    values = {t.target.value for t in plan.targets}
    assert {Decimal("4.5"), Decimal("98"), Decimal("95"), Decimal("99")} <= values
    assert not values & {Decimal("2"), Decimal("1"), Decimal("3200")}
