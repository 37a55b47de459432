"""A post's plan with lists numbered ①②③, glued to the age that begins a name (③5岁以下…, ⑤0～6岁…) or run on in one
paragraph (…以上；②九年…): each circled number opens an item and is no part of its name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract

HEALTH = [
    "①新生儿死亡率控制在3‰以下。",
    "②婴儿死亡率控制在4.5‰以下。",
    "③5岁以下儿童死亡率控制在6‰以下。",
    "④3岁以下儿童系统管理率达到90%以上。",
    "⑤0～6岁儿童眼保健和视力检查覆盖率达到92%以上。",
]
EDUCATION = [
    "①学前教育毛入园率达到92%以上",
    "②九年义务教育巩固率达到97%以上",
    "③0-3岁婴幼儿托位覆盖率达到50%以上",
    "④5岁以下儿童贫血患病率控制在10%以下。",
]
EXPECTED = [
    ("儿童与健康", "新生儿死亡率", 3),
    ("儿童与健康", "婴儿死亡率", 4.5),
    ("儿童与健康", "5岁以下儿童死亡率", 6),
    ("儿童与健康", "3岁以下儿童系统管理率", 90),
    ("儿童与健康", "0～6岁儿童眼保健和视力检查覆盖率", 92),
    ("儿童与教育", "学前教育毛入园率", 92),
    ("儿童与教育", "九年义务教育巩固率", 97),
    ("儿童与教育", "0-3岁婴幼儿托位覆盖率", 50),
    ("儿童与教育", "5岁以下儿童贫血患病率", 10),
]


def _read(tmp_path: Path, lines: list[str]) -> list:
    path = tmp_path / "post.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plans = extract(path)
    assert [u.text for p in plans for u in p.unparsed] == []
    return [(t.domain, t.indicator, t.target.value) for p in plans for t in p.targets]


def test_circled_items_one_a_line(tmp_path: Path) -> None:
    lines = ["某某县儿童发展规划（2021—2030年）", "一、儿童与健康", "主要目标", *HEALTH, "二、儿童与教育", "主要目标", *EDUCATION]
    assert _read(tmp_path, lines) == EXPECTED


@pytest.mark.parametrize("separator", ["；", "。", "，"])
def test_circled_items_run_on_in_one_paragraph(tmp_path: Path, separator: str) -> None:
    """Variant: each domain's list in one paragraph, its items apart by full stops, semicolons or commas."""
    lines = [
        "某某县儿童发展规划（2021—2030年）",
        "一、儿童与健康",
        "主要目标：" + "".join(HEALTH),
        "二、儿童与教育",
        "主要目标：" + separator.join(EDUCATION),
    ]
    assert _read(tmp_path, lines) == EXPECTED


@pytest.mark.parametrize("health, education", [("01 儿童与健康", "02 儿童与教育"), ("01｜儿童与健康", "02｜儿童与教育")])
def test_a_post_s_domain_headings_numbered_01_02(tmp_path: Path, health: str, education: str) -> None:
    """A post numbering its domain headings 01 02 (a space or a bar after the number), a subhead naming the past
    before them: each heading opens its domain, the history under the subhead gives no target and no number."""
    lines = [
        "某某县儿童发展规划（2021—2030年）",
        "▌回顾“十三五”",
        "2020年，全县婴儿死亡率4.6‰，建成儿童之家212个。",
        "",
        health, "主要目标", *HEALTH, education, "主要目标", *EDUCATION,
    ]
    assert _read(tmp_path, lines) == EXPECTED
