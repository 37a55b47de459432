"""A plan posted message by message in a group chat (a QQ 消息记录 export, a WeChat 聊天记录导出) or reposted in a
forum thread (issue 8): county offices paste the issued plan into their 成员单位联络群 and reviewers get the export.

Every message header (2022-07-18 09:04:05 县卫健局-王建军(903321558), 县妇儿工委办-马晓燕 09:03, 某某沙发发表于 …)
holds digits that are no target (its time was read as a ratio: 09:04 → 0.8); the members' replies between the
plan's parts (收到, 去年抽查才31%，60%压力不小, 能不能按28%报？) are remarks, their numbers no targets. The messages
that carry the plan's text — and the office's notice naming the plan and its 文号 — are read as the plan.
Each test writes a document of the shape, with its own wording, place and numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

_QQ = """消息记录（此消息记录为文本格式，不支持重新导入）

================================================================
消息分组:我的群聊
================================================================
消息对象:石门岭县妇儿工委成员单位联络群
================================================================

2023-03-06 08:51:12 县妇儿工委办-周敏(3344556677)
各位联络员：《石门岭县儿童发展规划（2021—2030年）》已印发（石政发〔2023〕5号），正文分几条发群里，请3月20日前报分解方案。

2023-03-06 08:53:40 县妇儿工委办-周敏(3344556677)
石门岭县儿童发展规划（2021—2030年）
一、儿童与健康
（一）主要目标
1.婴儿死亡率控制在4.2‰以下。
2.适龄儿童免疫规划疫苗接种率以乡镇为单位保持在96%以上。

2023-03-06 08:54:05 县卫健局-吴刚(90887766)
收到

2023-03-06 08:57:33 县卫健局-吴刚(90887766)
接种率去年才93%，96%有点难，婴儿死亡率3以下能不能写？[捂脸]

2023-03-06 09:01:02 县妇儿工委办-周敏(3344556677)
@吴刚 按印发稿执行

2023-03-06 09:05:47 县妇儿工委办-周敏(3344556677)
二、儿童与教育
（一）主要目标
1.学前教育毛入园率达到93%以上。
2.九年义务教育巩固率保持在97%以上。
"""

_WECHAT_PC = """与"石门岭县妇儿工委成员单位联络群"的聊天记录
导出时间：2023-03-08 17:02:41    群成员：47人

—————  2023-03-07  —————

县妇儿工委办-周敏 09:03
【一、妇女与健康】主要目标：
1.孕产妇死亡率控制在11/10万以下。
2.适龄妇女宫颈癌人群筛查率达到72%以上。

县卫健局-吴刚 09:10
宫颈癌筛查去年才到55%左右，压力不小

县妇儿工委办-周敏 09:30
【二、妇女参与决策和管理】主要目标：
1.村委会成员中女性比例达到32%以上。

城关镇-孙丽 10:17
主任，村委会女性32%我们镇只有25%，能不能按28%报？

县妇儿工委办-周敏 10:19
不能改，印发稿就是32%以上
"""


def _numeric(plan) -> list[tuple]:
    return sorted((t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets if t.target.is_numeric)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_a_qq_export_gives_the_plans_targets_and_none_of_the_headers_or_replies(tmp_path: Path) -> None:
    (plan,) = extract(_write(tmp_path, "石门岭县儿童规划-QQ群消息记录.txt", _QQ))
    assert _numeric(plan) == sorted([
        ("婴儿死亡率", "<=", D("4.2"), "‰"),
        ("适龄儿童免疫规划疫苗接种率", ">=", D("96"), "%"),
        ("学前教育毛入园率", ">=", D("93"), "%"),
        ("九年义务教育巩固率", ">=", D("97"), "%"),
    ])
    assert plan.plan.kind == "children"
    assert plan.plan.document_number == "石政发〔2023〕5号"  # from the office's notice, kept as the plan's text


def test_a_wechat_export_with_sender_then_time_headers_and_date_separators(tmp_path: Path) -> None:
    (plan,) = extract(_write(tmp_path, "石门岭县妇女规划-微信群聊天记录.txt", _WECHAT_PC), kind="women")
    assert _numeric(plan) == sorted([
        ("孕产妇死亡率", "<=", D("11"), "1/10万"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("72"), "%"),
        ("村委会成员中女性比例", ">=", D("32"), "%"),
    ])


def test_a_forum_thread_reads_the_first_post_and_leaves_the_replies_and_a_quoted_post(tmp_path: Path) -> None:
    path = tmp_path / "thread.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>【转帖】石门岭县妇女发展规划主要目标 - 石门岭论坛</title></head>'
        "<body><div id='toptb'>登录 | 注册</div>"
        "<h1>【转帖】石门岭县妇女发展规划（2021—2025年）主要目标</h1>"
        "<div class='authi'>山里人楼主发表于 2023-04-01 20:31只看该作者</div>"
        "<div class='t_f'>石门岭县妇女发展规划（2021—2025年）<br>一、妇女与健康<br>"
        "1.孕产妇死亡率控制在11/10万以下。<br>2.适龄妇女宫颈癌人群筛查率达到72%以上。<br>"
        "二、妇女参与决策和管理<br>1.村委会成员中女性比例达到32%以上。</div>"
        "<div class='authi'>河边人沙发发表于 2023-04-01 21:05</div>"
        "<div class='t_f'><blockquote>山里人 发表于 2023-04-01 20:31<br>1.孕产妇死亡率控制在11/10万以下。</blockquote>"
        "我们镇上产检都免费的，这个11应该没问题</div>"
        "<div class='authi'>过客板凳发表于 2023-04-02 08:17</div>"
        "<div class='t_f'>村委会女的达到32%？我们村7个委员就1个女的</div>"
        "<div class='authi'>县妇联地板发表于 2023-04-02 10:42</div>"
        "<div class='t_f'>感谢转发！维权请拨打12338。</div>"
        "</body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(path, kind="women")
    assert _numeric(plan) == sorted([
        ("孕产妇死亡率", "<=", D("11"), "1/10万"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("72"), "%"),
        ("村委会成员中女性比例", ">=", D("32"), "%"),
    ])


def test_a_plan_with_a_few_timed_lines_is_no_chat(tmp_path: Path) -> None:
    """Two lines that look like message headers (a meeting's 签到 08:30) make no chat export: nothing is left out."""
    text = (
        "石门岭县儿童发展规划（2021—2030年）\n会议安排 08:30\n签到处 09:00\n一、儿童与健康\n（一）主要目标\n"
        "1.婴儿死亡率控制在4.2‰以下。\n我们注意到，新生儿死亡率控制在2.8‰以下。\n"
    )
    (plan,) = extract(_write(tmp_path, "plan.txt", text), kind="children")
    assert ("新生儿死亡率", "<=", D("2.8"), "‰") in _numeric(plan)
