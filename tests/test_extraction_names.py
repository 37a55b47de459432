"""Names the catalogue settles in extraction (compliance/extraction/targets.py `name_by_catalogue`).

A bare measure (筛查覆盖率, 接种率, 巩固率…) takes its subject from the clause or the sentence before
it in the same item, only when the catalogue knows the completed name and not the bare one, and its
words stand in the text as written; people are counted …人数 where the catalogue writes that.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract

HEAD = """某某县{subject}发展规划（2021—2030年）
一、发展领域、主要目标和策略措施
（一）{subject}与健康
主要目标：
1．提高{subject}健康水平。
策略措施：
"""


def names(tmp_path: Path, measure: str, subject: str = "妇女") -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(HEAD.format(subject=subject) + f"1．{measure}\n", encoding="utf-8")
    (plan,) = extract(path)
    return [t.indicator for t in plan.targets if str(t.section) == "measures"]


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # the subject in the clause before, quotes and all (嘉兴 women, line 192)
        ("持续实施适龄妇女“两癌”免费检查项目，筛查覆盖率保持在85％以上。", ["适龄妇女“两癌”筛查覆盖率"]),
        # from the sentence before, within the item
        ("继续实施适龄女孩HPV疫苗免费接种项目。力争接种率达到90%以上。", ["适龄女孩HPV疫苗接种率"]),
    ],
)
def test_a_bare_measure_takes_its_subject_from_before(tmp_path: Path, measure: str, expected: list[str]) -> None:
    assert names(tmp_path, measure) == expected


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("筛查覆盖率保持在85％以上。", ["筛查覆盖率"]),  # nothing before: as written
        # the subject two sentences back is another item's business
        ("实施适龄妇女“两癌”免费检查项目。加强宣传。筛查覆盖率保持在85％以上。", ["筛查覆盖率"]),
        # words the catalogue does not join to it: no name is invented
        ("加强孕产妇保健，筛查覆盖率保持在85％以上。", ["筛查覆盖率"]),
    ],
)
def test_no_subject_is_taken_from_afar_or_invented(tmp_path: Path, measure: str, expected: list[str]) -> None:
    assert names(tmp_path, measure) == expected


def test_the_words_are_the_texts_and_the_indicator_of_the_plans_kind(tmp_path: Path) -> None:
    measure = "持续推进0-3岁儿童发育监测与筛查工作，监测筛查率达到85％以上。"  # 嘉兴 children, line 505
    assert names(tmp_path, measure, "儿童") == ["0-3岁儿童发育监测筛查率"]  # 0-3 as written (the catalogue: 0—3)
    assert names(tmp_path, measure, "妇女") == ["监测筛查率"]  # a children's indicator is not a women's plan's


def test_people_are_counted_as_the_catalogue_counts_them(tmp_path: Path) -> None:
    found = names(tmp_path, "县级党委领导班子至少配备1名女干部，每个乡镇卫生院至少配备1名妇女保健医生。")
    assert found == ["县级党委领导班子女干部人数", "每个乡镇卫生院妇女保健医生数"]
    # 全县范围内: the scope is no part of the name (新平 women, line 100)
    assert names(tmp_path, "全县范围内乡镇（街道）党政正职中至少配备1名女干部。") == ["乡镇（街道）党政正职中女干部人数"]
