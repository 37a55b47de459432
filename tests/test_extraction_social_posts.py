"""A Weibo long post (微博长文) of a government account restating a plan's main targets.

The post's list numbers are emoji keycaps glued to the names (1️⃣孕产妇死亡率…, 11 as 1️⃣1️⃣, 10 as 🔟), its domains
emoji before a name in 【】 (💗【妇女与健康】), and around the list stands the post's furniture: hashtags
(#江津妇女发展规划#, which read as a title before), @mentions, [图片], the link card (… 网页链接), 收起全文, the counts
转发 23 评论 15 赞 186, and readers' comments repeating the targets. Before, no target was read: the keycaps hid the
items, the 【】 headings were no domains, and the hashtag was taken for the plan's title.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

POST = [
    "某某发布 V",
    "2022-5-12 18:36 来自 微博 weibo.com 已编辑",
    "#永川妇女发展规划# #她力量# 【划重点！《重庆市永川区妇女发展“十四五”规划》印发】近日，区政府印发《重庆市永川区妇女发展“十四五”规划》，"
    "围绕健康、教育、经济等领域提出主要目标，一起来看↓↓",
    "[图片]",
    "💗【妇女与健康】",
    "1️⃣孕产妇死亡率控制在10/10万以下",
    "2️⃣适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率达到70%以上",
    "3️⃣孕产妇系统管理率保持在95%以上",
    "4️⃣艾滋病母婴传播率下降到2%以下",
    "5️⃣5岁以下儿童贫血患病率控制在10%以下",
    "6️⃣产前筛查率达到90%以上",
    "7️⃣妇女经常参加体育锻炼的人数比例达到40%以上",
    "8️⃣婚前医学检查率达到65%",
    "9️⃣孕产妇住院分娩率保持在99%以上",
    "📚【妇女与教育】",
    "🔟高中阶段教育毛入学率保持在95%以上",
    "1️⃣1️⃣女性劳动年龄人口平均受教育年限达到11.2年",
    "🏛【妇女参与决策和管理】",
    "1️⃣2️⃣村委会成员中女性比例达到30%以上",
    "全文👉 http://www.example.gov.cn/zwgk/t1012345.html 网页链接",
    "[图片][图片][图片]",
    "#重庆身边事#  @重庆市妇联 @永川妇联",
    "收起全文",
    " 转发 23   评论 15   赞 186",
    "——————",
    "热门评论",
    "小王：村委会女性比例30%，我们村已经有3个了👍  5-12 19:02 来自 重庆  赞 12",
]


def test_a_weibo_long_post_reads_its_keycap_list(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text("\n".join(POST) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "重庆市永川区妇女发展“十四五”规划"  # never the hashtag
    assert plan.domains == ["妇女与健康", "妇女与教育", "妇女参与决策和管理"]
    read = {(t.line, t.indicator, float(t.target.value)) for t in plan.targets}
    assert (6, "孕产妇死亡率", 10) in read
    assert (10, "5岁以下儿童贫血患病率", 10) in read  # 5️⃣5岁以下…: item 5, the age the name's
    assert (16, "高中阶段教育毛入学率", 95) in read  # 🔟
    assert (17, "女性劳动年龄人口平均受教育年限", 11.2) in read  # 1️⃣1️⃣
    assert (19, "村委会成员中女性比例", 30) in read
    assert len(plan.targets) == 13
    assert {t.domain for t in plan.targets if t.line == 17} == {"妇女与教育"}
    assert all(t.section == "main_targets" for t in plan.targets)
    values = {float(t.target.value) for t in plan.targets}
    assert not values & {1, 5, 11, 12, 23, 15, 186, 3}  # keycaps, counts, comments: no values
    assert not plan.unparsed
