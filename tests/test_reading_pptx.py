"""A 宣讲 / 解读 slide deck (.pptx) from a 妇儿工委 office is read as a plan document.

Before, `compliance extract deck.pptx` refused the format. Each deck here is made in the run by python-pptx
(tests/makedocs.py `slides_to_pptx`): a cover with the plan's title and 文号, a 主要目标 slide of bullets, an
indicator table with a two-row header (目标值 over 2025年 | 2030年), units in a column and 领域 merged down,
speaker notes holding other numbers, and the layout's slide number, footer and date on the slides.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from compliance.extraction import extract
from compliance.reading import FORMATS, read_document
from tests.makedocs import slides_to_pptx

D = Decimal

SLIDES = [
    {
        "title": "《某某县妇女发展规划（2021—2030年）》政策解读",
        "subtitle": "某某县妇女儿童工作委员会办公室\n某政办发〔2022〕15号",
        "number": True,
    },
    {
        "title": "三、主要目标｜妇女与健康",
        "bullets": [
            "孕产妇死亡率控制在10/10万以下。",
            ("城乡适龄妇女宫颈癌和乳腺癌筛查覆盖率达到80%以上。", 1),
            "艾滋病母婴传播率控制在3%以下。",
        ],
        "notes": "讲解提示：2020年全县孕产妇死亡率为12.5/10万，婴儿死亡率控制在4.5‰以下。",
        "number": True,
        "footer": "某某县妇儿工委办 第88期",
        "date": "2022年3月1日",
    },
    {
        "title": "主要指标对照表",
        "table": [
            ["领域", "指标", "单位", "目标值", ""],
            ["", "", "", "2025年", "2030年"],
            ["妇女与教育", "高中阶段教育毛入学率", "%", "≥92", "≥95"],
            ["", "女性平均受教育年限", "年", "11", "11.5"],
            ["妇女与经济", "城镇单位就业人员中女性比例", "%", "≥40", "≥45"],
        ],
        "notes": "城镇单位就业人员中女性比例2020年为38.6%，目标为50%。",
        "number": True,
        "footer": "某某县妇儿工委办 第88期",
    },
]


FOOTER = "某某县妇女儿童工作委员会办公室　　{}"  # a footer typed into a text box by hand, the page number in it


def _deck(tmp_path: Path, slides: list[dict] = SLIDES, name: str = "解读.pptx") -> Path:
    return slides_to_pptx(slides, tmp_path / name)


def _hand_footed(slides: list[dict]) -> list[dict]:
    return [{**spec, "boxes": [*spec.get("boxes", ()), (FOOTER.format(n), 1, 17.5)]} for n, spec in enumerate(slides, 1)]


def test_deck_targets_with_their_slides(tmp_path: Path) -> None:
    (plan,) = extract(_deck(tmp_path))
    assert plan.plan.title == "某某县妇女发展规划（2021—2030年）"
    assert plan.plan.document_number == "某政办发〔2022〕15号"
    got = {(t.indicator or t.indicator_name, t.year, t.target.value, t.target.unit, t.locator) for t in plan.targets}
    assert got == {
        ("孕产妇死亡率", None, D(10), "1/10万", "第2张幻灯片"),
        ("城乡适龄妇女宫颈癌和乳腺癌筛查覆盖率", None, D(80), "%", "第2张幻灯片"),
        ("艾滋病母婴传播率", None, D(3), "%", "第2张幻灯片"),
        ("高中阶段教育毛入学率", 2025, D(92), "%", "第3张幻灯片 表1 第3行 2025年列"),
        ("高中阶段教育毛入学率", None, D(95), "%", "第3张幻灯片 表1 第3行 2030年列"),
        ("女性平均受教育年限", 2025, D(11), "年", "第3张幻灯片 表1 第4行 2025年列"),
        ("女性平均受教育年限", None, D("11.5"), "年", "第3张幻灯片 表1 第4行 2030年列"),
        ("城镇单位就业人员中女性比例", 2025, D(40), "%", "第3张幻灯片 表1 第5行 2025年列"),
        ("城镇单位就业人员中女性比例", None, D(45), "%", "第3张幻灯片 表1 第5行 2030年列"),
    }, got
    domains = {t.indicator or t.indicator_name: t.domain for t in plan.targets}
    assert domains["女性平均受教育年限"] == "妇女与教育"  # the 领域 cell merged down over its rows
    assert domains["城镇单位就业人员中女性比例"] == "妇女与经济"


def test_notes_slide_numbers_footers_and_dates_are_not_read(tmp_path: Path) -> None:
    document = read_document(_deck(tmp_path))
    assert document.format == "pptx"
    text = "\n".join(line.text for line in document.lines)
    assert "讲解提示" not in text and "4.5‰" not in text and "38.6%" not in text  # the speaker notes (备注)
    assert "第88期" not in text and "2022年3月1日" not in text  # footer and date placeholders
    assert not any(line.text.strip() in {"1", "2", "3"} for line in document.lines)  # slide numbers
    (plan,) = extract(document.file)
    assert not any((t.indicator or t.indicator_name) == "婴儿死亡率" for t in plan.targets)
    assert all(t.target.value != D(50) for t in plan.targets)


def test_a_footer_typed_in_a_text_box_with_the_slide_number_is_furniture(tmp_path: Path) -> None:
    """Before, 某某县妇女儿童工作委员会办公室　　2 ran on from the last bullet and hid its target."""
    slides = [dict(spec) for spec in SLIDES]
    slides[1] = {**slides[1], "bullets": [*slides[1]["bullets"], "妇女常见病筛查率达到90%以上"]}
    document = read_document(_deck(tmp_path, _hand_footed(slides)))
    assert not any("办公室" in line.text and "　　" in line.text for line in document.lines)
    assert "某某县妇女儿童工作委员会办公室" in document.lines[1].text  # the cover's subtitle is no footer
    (plan,) = extract(document.file)
    assert any((t.indicator or t.indicator_name) == "妇女常见病筛查率" and t.target.value == D(90) for t in plan.targets)


def test_reading_order_title_first_then_top_to_bottom_left_to_right_groups_flattened(tmp_path: Path) -> None:
    from pptx.util import Cm

    slides = [{"title": "三、主要目标｜妇女与健康",
               "boxes": [("右下：孕产妇死亡率控制在10/10万以下", 14, 12), ("左下：婴儿死亡率", 1, 12),
                         ("上：主要目标", 1, 5)]}]
    path = _deck(tmp_path, slides)
    from pptx import Presentation

    deck = Presentation(str(path))
    slide = deck.slides[0]
    title = slide.shapes.title._element
    title.getparent().remove(title)  # the title drawn last, as a deck edited by hand stores it
    slide.shapes._spTree.append(title)
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(Cm(14), Cm(15), Cm(8), Cm(2)).text_frame.text = "组右"
    group.shapes.add_textbox(Cm(1), Cm(15), Cm(8), Cm(2)).text_frame.text = "组左"
    deck.save(str(path))
    texts = [line.text for line in read_document(path).lines]
    assert texts == ["三、主要目标｜妇女与健康", "上：主要目标", "左下：婴儿死亡率", "右下：孕产妇死亡率控制在10/10万以下",
                     "组左", "组右"]
    assert all(line.locator == "第1张幻灯片" for line in read_document(path).lines)


def test_a_finding_names_the_slide(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(_deck(tmp_path))])
    assert result.exit_code == 1, result.output
    assert "weaker-threshold" in result.output and "plan (第2张幻灯片): 艾滋病母婴传播率控制在3%以下" in result.output


def test_pptx_is_a_listed_format() -> None:
    assert ".pptx" in FORMATS
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert ".pptx" in readme


def test_broken_decks_are_refused_with_what_to_do(tmp_path: Path) -> None:
    corrupt = tmp_path / "宣讲.pptx"
    corrupt.write_bytes(_deck(tmp_path).read_bytes()[:2000])  # a download cut short
    old = tmp_path / "旧版.pptx"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)  # a PowerPoint 97–2003 .ppt renamed
    for path in (corrupt, old):
        result = CliRunner().invoke(main, ["extract", str(path)])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        message = result.stderr
        assert path.name in message and ".pptx" in message and "PDF" in message, message
        assert "Traceback" not in message


def _card_deck(tmp_path: Path) -> Path:
    """A 解读 deck as a 妇儿工委办 makes one: a 规划框架 slide of count cards (68项 over 主要目标), a 一图读懂 slide of six
    infographic cards (a big value box drawn above its indicator's name, three cards a row), 主要目标 slides of bullets
    with no full stop, in two text boxes side by side, and the indicator table restating some of them."""
    from pptx import Presentation
    from pptx.util import Cm

    slides = [
        {"title": "《某某区儿童发展“十四五”规划》解读", "subtitle": "某某区妇女儿童工作委员会办公室\n某政发〔2022〕7号"},
        {"title": "二、规划框架"},
        {"title": "三、重点指标一图读懂（2025年）"},
        {"title": "四、主要目标（一）儿童与健康",
         "bullets": ["新生儿、婴儿、5岁以下儿童死亡率分别控制在2.5‰、4‰、5‰以下", "儿童安全座椅使用率达到70%以上"]},
        {"title": "四、主要目标（二）安全　（三）教育"},
        {"title": "五、主要指标一览",
         "table": [["领域", "指标", "2020年", "2025年目标"], ["儿童与健康", "新生儿死亡率（‰）", "1.92", "≤2.5"],
                   ["儿童与教育", "学前教育毛入园率（%）", "92.4", "≥95"]]},
    ]
    path = _deck(tmp_path, slides)
    deck = Presentation(str(path))

    def box(slide, text: str, left: float, top: float, width: float, height: float) -> None:
        slide.shapes.add_textbox(Cm(left), Cm(top), Cm(width), Cm(height)).text_frame.text = text

    frame = deck.slides[1]
    for k, (value, name) in enumerate([("7个", "发展领域"), ("68项", "主要目标"), ("80项", "策略措施")]):
        box(frame, name, 1 + 8 * k, 7.2, 7, 1.5)  # the name box stored first: only the drawing says which is above
        box(frame, value, 1 + 8 * k, 4, 7, 3)
    cards = deck.slides[2]
    for k, (value, name) in enumerate([("≤2.5‰", "新生儿死亡率"), ("≤4‰", "婴儿死亡率"), ("≤5‰", "5岁以下儿童死亡率"),
                                       ("下降15%", "儿童伤害死亡率"), ("≥95%", "学前教育毛入园率"),
                                       ("4.5个", "每千人口拥有3岁以下婴幼儿托位数")]):
        left, top = 1 + 8 * (k % 3), 4 + 7 * (k // 3)
        box(cards, value, left, top, 7, 2.5)
        box(cards, name, left, top + 2.8, 7, 2)
    columns = deck.slides[4]
    box(columns, "【儿童与安全】\n儿童伤害死亡率以2020年为基数下降15%\n儿童溺水死亡率持续下降", 1, 4, 11, 10)
    box(columns, "【儿童与教育】\n学前教育毛入园率达到95%以上\n义务教育巩固率保持在99%以上", 13, 4, 11, 10)
    deck.save(str(path))
    return path


def test_infographic_cards_are_read_value_with_the_name_under_it(tmp_path: Path) -> None:
    """Before, a row's three values came before its three names (by position alone): targets named ≤2.5‰, 下降15%, or
    儿童伤害死亡率学前教育毛入园率每千人口拥有. Now each card's boxes are read together, its value with its name."""
    path = _card_deck(tmp_path)
    texts = [line.text for line in read_document(path).lines if line.locator == "第3张幻灯片"]
    assert texts == ["三、重点指标一图读懂（2025年）", "≤2.5‰", "新生儿死亡率", "≤4‰", "婴儿死亡率", "≤5‰",
                     "5岁以下儿童死亡率", "下降15%", "儿童伤害死亡率", "≥95%", "学前教育毛入园率", "4.5个",
                     "每千人口拥有3岁以下婴幼儿托位数"]
    (plan,) = extract(path)
    cards = [(t.indicator or t.indicator_name, str(t.target.op), t.target.value, t.target.unit)
             for t in plan.targets if t.locator == "第3张幻灯片"]
    assert cards == [
        ("新生儿死亡率", "<=", D("2.5"), "‰"),
        ("婴儿死亡率", "<=", D(4), "‰"),
        ("5岁以下儿童死亡率", "<=", D(5), "‰"),
        ("儿童伤害死亡率", "rel_decrease", D(15), "%"),
        ("学前教育毛入园率", ">=", D(95), "%"),
        ("每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人"),
    ]


def test_a_card_s_relative_change_takes_the_base_year_the_deck_states_for_it(tmp_path: Path) -> None:
    """The card 下降15% over 儿童伤害死亡率 restates 儿童伤害死亡率以2020年为基数下降15% of the 主要目标 slide, its base
    year left out for room: it is the same target, of base year 2020 (before: none, so no gold statement matched it)."""
    (plan,) = extract(_card_deck(tmp_path))
    injury = [t for t in plan.targets if t.indicator == "儿童伤害死亡率"]
    assert {t.locator for t in injury} == {"第3张幻灯片", "第5张幻灯片"}
    assert {t.target.base_year for t in injury} == {2020}


def test_a_card_value_with_no_name_to_pair_is_listed_never_a_target_named_by_its_number(tmp_path: Path) -> None:
    """68项 over 主要目标 (a section's word, no indicator): never a target named 68项; listed, the deck says what it is."""
    (plan,) = extract(_card_deck(tmp_path))
    names = {t.indicator or t.indicator_name for t in plan.targets}
    assert not names & {"7个", "68项", "80项"}
    assert not any(re.fullmatch(r"[≤≥<>下降]*[0-9.]+[‰%个项]?", name) for name in names)
    assert {u.text for u in plan.unparsed} >= {"68项", "80项"}


def test_each_bullet_is_a_line_of_its_own_and_none_is_a_headline(tmp_path: Path) -> None:
    """A slide's bullets end without a full stop: before, one ran on into the next (…达到70%以上【儿童与教育】) and a
    bullet the table restated was dropped as a headline. Each bullet is a statement: one entry per statement."""
    (plan,) = extract(_card_deck(tmp_path))
    got = [(t.indicator or t.indicator_name, t.target.value, t.locator) for t in plan.targets if t.locator in ("第4张幻灯片", "第5张幻灯片")]
    assert got == [
        ("新生儿死亡率", D("2.5"), "第4张幻灯片"),
        ("婴儿死亡率", D(4), "第4张幻灯片"),
        ("5岁以下儿童死亡率", D(5), "第4张幻灯片"),
        ("儿童安全座椅使用率", D(70), "第4张幻灯片"),
        ("儿童伤害死亡率", D(15), "第5张幻灯片"),
        ("儿童溺水死亡率", None, "第5张幻灯片"),
        ("学前教育毛入园率", D(95), "第5张幻灯片"),
        ("义务教育巩固率", D(99), "第5张幻灯片"),
    ]
