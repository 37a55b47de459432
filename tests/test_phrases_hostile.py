"""The phrase parser on hostile text: values are always numbers as written, time stays linear.

Each test here reproduces a defect of issue 10 that the fuzz campaign found.
"""

from __future__ import annotations

import time
from decimal import Decimal as D

import pytest

from compliance.phrases import parse, unread_numbers


def triples(text: str) -> list[tuple[str, D | None, str | None]]:
    return [(str(t.op), t.value, t.unit) for t in parse(text) if t.is_numeric]


# ---------------------------------------------------------------- full-width decimals at a line start


@pytest.mark.parametrize(
    "text, expected",
    [
        ("９５．５％以上", [(">=", D("95.5"), "%")]),
        ("３７．１名", [(">=", D("37.1"), "名")]),
        ("孕产妇死亡率１２．５/１０万以下", [("<=", D("12.5"), "1/10万")]),
        ("12．5/10万以下", [("<=", D("12.5"), "1/10万")]),
        # numbering followed by anything but a digit is still numbering
        ("１．孕产妇死亡率下降到９/１０万以下", [("<=", D(9), "1/10万")]),
        ("3．新生儿死亡率降至2‰以下", [("<=", D(2), "‰")]),
    ],
)
def test_a_full_width_decimal_at_a_line_start_keeps_its_integer_part(text: str, expected: list) -> None:
    # "９５．５％以上" was read as list item 95 followed by 5%: a value nobody wrote
    assert triples(text) == expected


def test_a_plan_file_with_a_full_width_decimal_is_checked_on_its_value(tmp_path) -> None:
    from compliance.loading.plans import loads_plan

    plan = loads_plan(
        "format: compliance-plan/1\n"
        "plan: {title: t, kind: women, level: county, jurisdiction: [云南省, 玉溪市, 新平彝族傣族自治县], period: [2021, 2030]}\n"
        "targets:\n  - {indicator: 孕产妇死亡率, target: １２．５/１０万以下}\n"
    )
    assert plan.targets[0].target.value == D("12.5")


# ---------------------------------------------------------------- linear time


SHAPES = {
    "targets, no stop": "孕产妇死亡率下降到9/10万以下 ",
    "targets, commas": "孕产妇死亡率下降到9/10万以下，",
    "a 分别 list": "2‰、3.5‰、",
    "全覆盖 without a stop": "实现社区全覆盖 ",
    "Chinese counts": "至少配备一名女干部 ",
    "written fractions": "百分之九十五以上 ",
    "one long number": "1234567890",
    "ratios": "2:3:4:",
    "conditions": "换届后当年达到100％ ",
    "masked digits": "**.5%以上 ",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        begin = time.process_time()
        unread_numbers(text, parse(text), arabic=True)
        best = min(best, time.process_time() - begin)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_parse_time_is_linear_in_the_length_of_a_line(shape: str) -> None:
    # Lines without 。；, were quadratic: 4.4 s at 10⁴ characters, 67 s at 4·10⁴.
    unit = SHAPES[shape]
    short = (unit * (2_000 // len(unit) + 1))[:2_000]
    long = (unit * (20_000 // len(unit) + 1))[:20_000]
    parse(short)  # warm the vocabulary
    ratio = _seconds(long) / max(_seconds(short), 1e-4)
    assert ratio < 30, f"ten times the text took {ratio:.0f} times as long"


def test_extraction_still_reads_a_full_width_item_number_running_into_an_age(tmp_path) -> None:
    from compliance.extraction import extract

    text = (
        "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n"
        "１．孕产妇死亡率控制在８/１０万以下。\n"
        "２．５岁以下儿童贫血率控制在１０％以下。\n"
        "３．适龄儿童免疫规划疫苗接种率保持在９５．５％以上。\n"
    )
    path = tmp_path / "fullwidth.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="湖北省/武汉市/某某县", level="county")
    got = {t.line: (t.indicator, t.target.value) for t in plan.targets}
    assert got[5] == ("５岁以下儿童贫血率", D(10))  # item 2, children under 5 (names stay as written)
    assert got[6] == ("适龄儿童免疫规划疫苗接种率", D("95.5"))
    assert not plan.unparsed


# ---------------------------------------------------------------- numbers of many digits


@pytest.mark.parametrize("digits", [16, 29, 40, 400])
def test_a_number_of_many_digits_is_no_value_and_is_listed_unread(digits: int) -> None:
    # 29 digits raised decimal.InvalidOperation; 16 to 28 were rounded silently
    number = "1" * digits
    text = f"孕产妇死亡率下降到9/10万以下，妇女就业人数达到{number}人以上。"
    assert triples(text) == [("<=", D(9), "1/10万")]
    assert [span[2] for span in unread_numbers(text, parse(text), arabic=True)] == [number]


def test_a_long_decimal_is_never_rounded() -> None:
    text = "达到0.12345678901234567890123%以上"
    assert triples(text) == []
    assert triples("达到0.123456789012345%以上") == [(">=", D("0.123456789012345"), "%")]


def test_extraction_keeps_the_valid_targets_of_a_paragraph_with_a_long_number(tmp_path) -> None:
    from compliance.extraction import extract

    long = "9" * 30
    text = (
        "某某县妇女发展规划（2021—2030年）\n（一）妇女与健康\n主要目标：\n"
        f"1．孕产妇死亡率控制在8/10万以下，妇女就业人数达到{long}人。\n"
    )
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="湖北省/武汉市/某某县", level="county")
    # the parser raised on the long number and the paragraph's targets were demoted to unparsed
    assert [(t.indicator, t.target.value) for t in plan.targets] == [("孕产妇死亡率", D(8))]
