"""A count of people whose target is none at all, written as a bare zero (义务教育阶段学生辍学人数保持为0): that count's
zero, in people, named without its verb (保持为 is a comparator, never the end of the name); a bare zero after no count
stays unread.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract


def _read(tmp_path: Path, items: list[str]) -> tuple[list, list]:
    lines = ["某某县儿童发展规划（2021—2025年）", "一、儿童与教育", "主要目标：", *items]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    return [(t.indicator, t.target.op.value, t.target.value, t.target.unit) for t in plan.targets], [
        u.text for u in plan.unparsed
    ]


@pytest.mark.parametrize("verb", ["保持为", "为"])
def test_bare_zero_of_a_count_of_people(tmp_path: Path, verb: str) -> None:
    targets, unparsed = _read(
        tmp_path,
        ["1.学前教育毛入园率达到92%以上。", f"2.义务教育阶段学生辍学人数{verb}0。"],
    )
    assert targets == [("学前教育毛入园率", ">=", 92, "%"), ("义务教育阶段学生辍学人数", "=", 0, "人")]
    assert unparsed == []


def test_bare_zero_in_a_clause_before_another_target(tmp_path: Path) -> None:
    """Variant: the zero ends its clause, another target follows in the sentence; a bare zero after no count and a
    bare number other than zero stay unread."""
    targets, unparsed = _read(
        tmp_path,
        ["1.适龄残疾儿童失学人数保持为0，九年义务教育巩固率达到97%。", "2.托位数保持为0.5。"],
    )
    assert targets == [("适龄残疾儿童失学人数", "=", 0, "人"), ("九年义务教育巩固率", ">=", 97, "%")]
    assert unparsed == ["托位数保持为0.5"]
