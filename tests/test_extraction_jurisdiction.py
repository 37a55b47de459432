"""A county-level city the gazetteer does not know is placed through the parents its text cites."""

from __future__ import annotations

from pathlib import Path

from compliance.checking import check
from compliance.extraction import extract

TEXT = """浏阳市儿童发展规划（2021—2030年）
根据《中国儿童发展纲要（2021—2030年）》《湖南省儿童发展规划（2021—2030年）》和《长沙市儿童发展规划（2021—2030年）》，结合我市实际，制定本规划。
（一）儿童与健康
主要目标：
1．新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5‰和6.0‰以下。
（二）儿童与教育
主要目标：
1．学前教育毛入园率达到95%以上。
"""


def test_cited_province_and_city_complete_the_jurisdiction_and_level(tmp_path: Path) -> None:
    path = tmp_path / "liuyang.txt"
    path.write_text(TEXT, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.jurisdiction == ["湖南省", "长沙市", "浏阳市"]
    assert plan.plan.level.value == "county"  # a 县级市, not a prefecture
    messages = [f.message for f in check(plan).findings if f.rule == "reference-unavailable"]
    assert len(messages) == 2  # no provincial and no municipal plan known, each naming the cited title
    assert "湖南省" in messages[0] and "《湖南省儿童发展规划（2021—2030年）》" in messages[0]
    assert "湖南省/长沙市" in messages[1] and "《长沙市儿童发展规划（2021—2030年）》" in messages[1]


DIRECT = """仙桃市妇女发展规划（2021—2025年）
根据《中国妇女发展纲要（2021—2030年）》《湖北省妇女发展规划（2021—2025年）》，结合我市实际，制定本规划。
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在10/10万以下。
"""


def test_a_county_level_city_directly_under_its_province_is_a_county_with_a_two_place_path(tmp_path: Path) -> None:
    """…市 directly under a province (省直辖县级市): the gazetteer's level (county), not its suffix's; nothing unknown."""
    path = tmp_path / "direct.txt"
    path.write_text(DIRECT, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.jurisdiction == ["湖北省", "仙桃市"]
    assert plan.plan.level.value == "county"
    assert "jurisdiction" not in (plan.plan.unknown or [])
    (given,) = extract(path, jurisdiction="湖北省/仙桃市")
    assert given.plan.level.value == "county" and not given.plan.unknown


EXCERPT = """首页 > 采购公告 > 县级公告
采购需求：对照规划主要目标开展中期监测评估，规划主要目标摘录如下：
附件：妇女发展规划（摘录）
一、妇女与健康
主要目标：
1．孕产妇死亡率控制在10/10万以下。
二、妇女与教育
主要目标：
1．女童九年义务教育巩固率达到96%以上。
（以上为摘录，全文详见梓潼县人民政府网站）
"""


def test_the_issuing_government_is_the_place_a_sentence_runs_into(tmp_path: Path) -> None:
    """全文详见梓潼县人民政府网站: the government is 梓潼县 (the place the run of characters ends with), not 全文详见梓潼县."""
    path = tmp_path / "excerpt.txt"
    path.write_text(EXCERPT, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.jurisdiction == ["四川省", "绵阳市", "梓潼县"]
    assert plan.plan.level.value == "county"


ATTACHED = """吉林采购信息网 | 首页 > 采购公告 > 县区公告
一、项目概况：对规划实施情况开展中期评估。
—— 附件：梨树县儿童发展规划（****—****年）（节选）——
（一）儿童与健康
主要目标：
*.适龄儿童免疫规划疫苗接种率保持在9*%以上。
*.5岁以下儿童贫血患病率控制在8%以下。
（二）儿童与教育
主要目标：
*.学前教育毛入园率达到95%以上。
"""


def test_an_attachments_heading_is_the_title_and_a_file_name_dates_a_masked_one(tmp_path: Path) -> None:
    """—— 附件：梨树县儿童发展规划（****—****年）（节选）——: the attachment's heading is the plan's title (its place the
    county's); its years masked, the file's name (…-2021-2030-…) gives the period, and says so."""
    path = tmp_path / "lishu-county-children-2021-2030-tender.txt"
    path.write_text(ATTACHED, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "梨树县儿童发展规划（****—****年）"
    assert plan.plan.jurisdiction == ["吉林省", "四平市", "梨树县"] and plan.plan.level.value == "county"
    assert plan.plan.period == (2021, 2030)
    assert "lishu-county-children-2021-2030-tender" in str(plan.plan.inferred_from["period"])


UNTITLED_TABLE = """依据：《中国儿童发展纲要（2021—2030年）》《江苏省儿童发展规划（2021—2030年）》《扬州市儿童发展规划（2021—2030年）》
主要指标
领域\t序号\t指标\t单位\t2020年现状\t2030年目标
儿童与健康\t1\t婴儿死亡率\t‰\t3\t≤2.5
儿童与教育\t2\t学前教育毛入园率\t%\t98.5\t99
"""


def test_a_file_name_is_never_a_place_even_when_a_table_names_domains(tmp_path: Path) -> None:
    """No title in the document: the file's name is the title but tells no place, also when a table names the plan's
    domains; the parents cited do not make a county of the file name (the jurisdiction stays unknown)."""
    path = tmp_path / "some-city-children-2021-2030.txt"
    path.write_text(UNTITLED_TABLE, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "some-city-children-2021-2030"
    assert "some-city-children-2021-2030" not in (plan.plan.jurisdiction or [])
    assert "jurisdiction" in (plan.plan.unknown or [])
