"""Plain-text exports of plans in shapes seen on unseen documents, each with a variant read by the same rule:

- a correction notice (更正公告) of a tender or government portal wrapping the plan: the plan's place and level come
  from the plan (its notice's signature, red header), never from the wrapping notice's issuer or its addressees;
- a 文库 export of the indicator table as one record per line, each cell after its label (序号：3｜领域：…｜指标：…,
  【指标】…【目标值】…): read as the table's rows by their labels; a cell not understood listed with its line;
- a 文库 export whose merged 领域 cells print on a middle row of their group: the rows above the label are in its group;
- a TV news script (电视新闻稿, 播出稿): the anchor's lines and the caption cards (【字幕】) read, a card's name and value
  apart by a space, a colon or a line; shot notes (【画面】【同期声】, 镜头3, 机位2) and time codes (00:01:23:05) no targets;
- masks hiding some digits of a number only (*2%, *0%, 9*%, *.5‰, a cell 8*.5): the value is masked, never the legible digits;
- a table whose rows the reader cannot split (a tab lost, two values run together in one cell: 92 95): each such row
  listed under `unparsed` with its line and why, the table read on past it — never lost as text nobody reads.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal
SHAPES = Path(__file__).parent / "data" / "shapes"


def _numeric(plan) -> list[tuple[int, str, str, Decimal | None, str | None]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit)
        for t in plan.targets
        if t.target.is_numeric
    ]


def test_a_correction_notice_wrapping_a_plan_gives_the_plans_place_not_the_notices() -> None:
    # the plan's title names no place; the addressees (各镇人民政府…：) come before the signature (海盐县人民政府)
    (plan,) = extract(SHAPES / "women-correction-notice.txt")
    assert plan.plan.jurisdiction == ["浙江省", "嘉兴市", "海盐县"]
    assert plan.plan.level == "county"
    assert plan.plan.document_number == "盐政发〔2022〕7号"
    assert _numeric(plan) == [
        (16, "孕产妇死亡率", "<=", D(8), "1/10万"),
        (17, "适龄妇女宫颈癌人群筛查率", ">=", D(75), "%"),
    ]


def test_a_correction_notice_issued_by_a_city_government_leaves_the_county_plan_the_countys() -> None:
    # the variant (GB18030, CRLF): the wrapping notice is a city government office's (丽水市人民政府办公室关于…更正公告),
    # named on the page before the county's signature; the plan is the county's
    (plan,) = extract(SHAPES / "children-correction-notice-gb18030.txt")
    assert plan.plan.jurisdiction == ["浙江省", "丽水市", "青田县"]
    assert plan.plan.level == "county"
    assert plan.plan.kind == "children"
    assert [t.line for t in plan.targets if t.target.is_numeric] == [18, 19]


def _rows(plan) -> list[tuple[int, str | None, str, str, Decimal | None, str | None, bool]]:
    return [
        (t.line, t.domain, t.indicator, str(t.target.op), t.target.value, t.target.unit, bool(t.target.masked))
        for t in plan.targets
        if t.section == "indicator_table"
    ]


def test_an_indicator_table_exported_as_labelled_records_is_read_row_by_row() -> None:
    (plan,) = extract(SHAPES / "children-wenku-labelled-records.txt")
    assert _rows(plan) == [
        (9, "儿童与健康", "婴儿死亡率", "<=", D(3), "‰", False),
        (10, "儿童与健康", "5岁以下儿童死亡率", "<=", D("4.2"), "‰", False),
        (11, "儿童与健康", "新生儿死亡率", "<=", D(2), "‰", False),
        (13, "儿童与教育", "学前三年毛入园率", ">=", D(93), "%", False),
        (15, "儿童与福利", "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", False),
    ]
    (baseline,) = {t.baseline.value for t in plan.targets if t.line == 9 and t.baseline}
    assert baseline == D("3.2")
    # the row whose target cell says two things (96以上（力争98）) is not guessed: listed with its line and why
    assert [(u.line, u.text) for u in plan.unparsed] == [(14, "九年义务教育巩固率: 96以上（力争98）")]
    assert "not understood" in plan.unparsed[0].reason


def test_labelled_records_in_brackets_or_out_of_order_are_read_by_their_labels() -> None:
    # the variant: 序号:1 | 领域:… with half-width colons, fields out of order, then 【指标】…【目标值】… records
    (plan,) = extract(SHAPES / "women-wenku-bracket-records.txt")
    assert _rows(plan) == [
        (7, "妇女与健康", "孕产妇死亡率", "<=", D(10), "1/10万", False),
        (8, "妇女与健康", "适龄妇女宫颈癌人群筛查率", ">=", D(70), "%", False),
        (9, "妇女与教育", "高中阶段毛入学率", ">=", D(95), "%", False),
        (10, "妇女与经济", "女性就业人员占比", "~", D(45), "%", False),
        (11, "妇女与社会保障", "妇女基本养老保险参保率", "rel_increase", None, "百分点", True),  # 提高9*个百分点
    ]
    assert not plan.unparsed


def test_a_line_of_labelled_fields_that_names_no_table_stays_text() -> None:
    from compliance.extraction.tables import labelled_record

    assert labelled_record("序号：3｜领域：儿童与健康｜指标：新生儿死亡率（‰）") == [
        ("序号", "3"), ("领域", "儿童与健康"), ("指标", "新生儿死亡率（‰）"),
    ]
    assert labelled_record("发布时间：2022-05-10　来源：县政府办") is None  # two fields: a byline
    assert labelled_record("目标：婴儿死亡率降至4‰，孕产妇死亡率降至8/10万。") is None


def test_a_domain_printed_on_the_middle_row_of_its_group_covers_the_rows_above_it() -> None:
    (plan,) = extract(SHAPES / "children-wenku-centred-domains.txt")
    assert [(t.line, t.domain) for t in plan.targets if t.section == "indicator_table"] == [
        (9, "儿童与健康"),  # above the first label: its group
        (10, "儿童与健康"),
        (11, "儿童与健康"),
        (12, "儿童与教育"),  # above 儿童与教育's label, below 儿童与健康's: the nearer label's group
        (13, "儿童与教育"),
        (14, "儿童与教育"),
        (15, "儿童与福利"),
        (16, "儿童与福利"),
    ]


def test_a_row_between_two_centred_labels_takes_the_group_its_indicator_is_in() -> None:
    # the variant (GBK, cells apart by |): 妇女与健康's group has five rows, its label on the second; the fifth
    # (孕产妇系统管理率) stands nearer 妇女与教育's label, and the catalogue says it is a health indicator
    (plan,) = extract(SHAPES / "women-portal-centred-domains-gbk.txt")
    assert [(t.line, t.domain) for t in plan.targets if t.section == "indicator_table"] == [
        (7, "妇女与健康"), (8, "妇女与健康"), (9, "妇女与健康"), (10, "妇女与健康"), (11, "妇女与健康"),
        (12, "妇女与教育"), (13, "妇女与教育"),
    ]
    assert _numeric(plan)[1] == (7, "孕产妇死亡率", "<=", D(9), "1/10万")


def _news(plan) -> list[tuple[int, str, str, Decimal | None, str | None]]:
    return sorted(_numeric(plan))


def test_a_tv_news_script_gives_the_anchors_and_the_caption_cards_targets_only() -> None:
    (plan,) = extract(SHAPES / "children-tv-news-script.txt")
    assert plan.plan.source.type == "news_summary"
    assert _news(plan) == [
        (5, "婴儿死亡率", "<=", D("4.5"), "‰"),  # the anchor's line
        (9, "孕产妇死亡率", "<=", D(8), "1/10万"),  # 【字幕】孕产妇死亡率　控制在8/10万以下
        (11, "5岁以下儿童死亡率", "<=", D(6), "‰"),  # 【字幕】5岁以下儿童死亡率 ↵ 控制在6‰以下: the value's line
        (13, "学前教育毛入园率", ">=", D(92), "%"),
    ]
    # the shot numbers, camera positions, durations, time codes and the soundbite's counts (3个院区, 120张床位): none
    assert not plan.unparsed


def test_a_broadcast_script_with_other_cues_reads_the_same() -> None:
    # the variant (GB18030): [导语]/[同期] in square brackets, 主播：, a cue's time code before its line (00:01:02 主播：…),
    # a card 名称：　值, a 【屏幕字幕】 over two lines, 镜头4，机位1 and the slug 播出稿　《晚间新闻》　2023年1月9日
    (plan,) = extract(SHAPES / "women-tv-broadcast-script-gb18030.txt")
    assert plan.plan.title == "临溪县妇女发展规划（2021—2030年）"
    assert _news(plan) == [
        (5, "孕产妇死亡率", "<=", D(9), "1/10万"),
        (10, "适龄妇女宫颈癌人群筛查率", ">=", D(70), "%"),
        (12, "女性就业人员占比", "~", D(45), "%"),
        (14, "高中阶段女生毛入学率", ">=", D(95), "%"),
    ]
    assert not plan.unparsed


def test_a_partly_masked_value_is_masked_in_text_and_in_a_table() -> None:
    (plan,) = extract(SHAPES / "women-partly-masked-gbk.txt")
    masked = [(t.line, t.indicator, t.target.value) for t in plan.targets if t.target.masked]
    assert masked == [
        (5, "孕产妇死亡率", None),  # *.5/10万
        (6, "适龄妇女宫颈癌人群筛查率", None),  # *0%
        (7, "妇女常见病筛查率", None),  # 9*%
        (8, "女性就业人员占比", None),  # *2%左右
        (13, "孕产妇死亡率", None),  # ≤*.8
        (14, "宫颈癌人群筛查率", None),  # ≥*0
        (15, "常见病筛查率", None),  # 9*
        (16, "女性人均预期寿命", None),  # 8*.5
    ]
    assert [(t.line, t.target.value) for t in plan.targets if not t.target.masked] == [(9, D("7.5"))]
    # the last row's 92 95 (two cells run together) is neither 9295 nor the row above's target: listed
    (row,) = plan.unparsed
    assert row.line == 17 and "92 95" in row.text and "not understood" in row.reason


def test_a_table_row_whose_cells_cannot_be_told_apart_is_listed_and_the_table_goes_on() -> None:
    # the table stands after 组织实施, where no text is read as targets: its rows are the table reader's alone
    (plan,) = extract(SHAPES / "children-table-rows-not-understood.txt")
    assert _rows(plan) == [
        (9, "儿童与健康", "婴儿死亡率", "<=", D("3.5"), "‰", False),
        (12, "儿童与健康", "适龄儿童免疫规划疫苗接种率", ">=", D(96), "%", False),  # read past the rows it could not split
        (13, "儿童与健康", "学前三年毛入园率", ">=", D(92), "%", False),
    ]
    assert [(u.line, u.text, "not understood" in u.reason) for u in plan.unparsed] == [
        (10, "2 5岁以下儿童死亡率（‰）6.2 ≤5.0", True),  # its tabs lost
        (11, "儿童贫血患病率: 力争低于10，确保11以下", True),  # a cell saying two things
    ]


def test_rows_under_a_table_its_reader_stopped_before_are_listed_with_their_lines(tmp_path: Path) -> None:
    # the variant: the table ends at a row run together, the rows after it spaced by single spaces — all listed
    text = (SHAPES / "children-table-rows-not-understood.txt").read_text(encoding="utf-8").replace(
        "4\t\t适龄儿童免疫规划疫苗接种率（%）\t95\t≥96\n5\t\t学前三年毛入园率（%）\t90\t≥92\n",
        "4 适龄儿童免疫规划疫苗接种率（%） 95 ≥96\n5 学前三年毛入园率（%） 90 ≥92\n",
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert [t.line for t in plan.targets if t.section == "indicator_table"] == [9]
    assert [u.line for u in plan.unparsed] == [10, 11, 12, 13]
    assert all("not understood" in u.reason for u in plan.unparsed)
