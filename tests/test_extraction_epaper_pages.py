"""Two pages of a county newspaper's e-paper (数字报) copied from the browser one after the other.

The plan is printed over two pages: page 3 ends inside a domain's list with （下转第四版）, page 4 opens with the
headline again marked （续） and （上接第三版）, then the list goes on (3.…) and the next domains follow. Each page
carries its furniture (site name, date, 版面导航, 第NN版 list) and a box 本版其他文章 listing the page's other
articles with their own numbers. Before, the headline with （续） opened a second plan holding the rest of the text
(its domains then lost, the first plan's indicators reported missing), and the other articles' numbers were read as
targets (1.2万人次, 120场).
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

FURNITURE = ["今日长丰数字报", "2022年09月02日 星期五  农历壬寅年八月初七", "首页 | 往期回顾 | 版面导航 | 标题导航",
             "第01版：要闻", "第02版：综合", "第03版：专版", "第04版：专版", "上一版  下一版", ""]
PAGES = FURNITURE + [
    "第03版：专版", "",
    "长丰县儿童发展规划（2021—2030年）", "",
    "　　（2022年8月10日县政府印发 长政〔2022〕41号）", "",
    "　　一、总体目标",
    "　　到2030年，儿童优先原则全面贯彻，儿童健康、安全、教育、福利、家庭、环境、法律保护等领域发展目标全面实现。",
    "　　二、发展领域、主要目标和策略措施",
    "　　（一）儿童与健康",
    "　　主要目标：",
    "　　1.新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别降至3.0‰、4.5‰和5.5‰以下。",
    "　　2.适龄儿童免疫规划疫苗接种率以乡镇为单位保持在95%以上。",
    "　　（二）儿童与安全",
    "　　主要目标：",
    "　　1.儿童伤害死亡率以2020年为基数下降20%。", "",
    "　　（下转第四版）", "",
    "本版其他文章：",
    "　· 我县“四点半课堂”今年暑期服务学生1.6万人次",
    "　· 县妇联开展“童心港湾”志愿服务130场", "",
    "责任编辑：王 磊", "第03版：专版  《今日长丰》 2022-09-02", "", "",
] + FURNITURE + [
    "第04版：专版", "",
    "长丰县儿童发展规划（2021—2030年）（续）", "",
    "　　（上接第三版）",
    "　　2.儿童食品安全抽检合格率保持在98%以上。",
    "　　（三）儿童与教育",
    "　　主要目标：",
    "　　1.学前教育毛入园率达到95%以上。",
    "　　2.九年义务教育巩固率达到97%以上。",
    "　　（四）儿童与福利",
    "　　主要目标：",
    "　　1.城乡社区儿童之家覆盖率达到95%以上。", "",
    "　　（全文完）", "",
    "本版其他文章：",
    "　· 县第二届少儿书画大赛获奖名单（共92件作品）", "",
    "责任编辑：王 磊", "第04版：专版  《今日长丰》 2022-09-02",
]


def test_a_plan_printed_over_two_epaper_pages_is_one_plan(tmp_path: Path) -> None:
    path = tmp_path / "epaper.txt"
    path.write_text("\n".join(PAGES) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "长丰县儿童发展规划（2021—2030年）"
    found = {(t.domain, t.indicator, float(t.target.value)) for t in plan.targets if t.target.value is not None}
    assert ("儿童与安全", "儿童食品安全抽检合格率", 98) in found  # the list item after （上接第三版）
    assert ("儿童与教育", "学前教育毛入园率", 95) in found and ("儿童与福利", "城乡社区儿童之家覆盖率", 95) in found
    values = {value for _, _, value in found}
    assert not values & {1.6, 130, 92}  # the page's other articles: no targets
