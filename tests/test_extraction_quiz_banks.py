"""A quiz bank written from the plan (知识竞赛题库, 应知应会题), the way a 妇儿工委办 spreads a newly issued plan
(issue 8): questions with their blank left empty, options holding distractors (A.4.5‰　B.5.5‰　C.6.5‰), true/false
statements with a wrong number, then 答案：B　解析：…婴儿死亡率控制在5.5‰以下. Only the answers say the plan's words:
the 解析, a 填空题's filled blank (达到（ 92% ）以上), an option the answer names. Each test writes a document of
the shape, with its own wording, place and numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.phrases import parse

D = Decimal

_QUIZ = """宜良县儿童发展规划（2021—2025年）应知应会题库
县妇儿工委办　编
说明：为宣传《宜良县儿童发展规划（2021—2025年）》（宜政发〔2022〕12号），编写本题库，答案及解析附于每题之后。
一、单项选择题
1.到2025年，全县婴儿死亡率控制在（　　）以下。
A.4.0‰　B.4.5‰　C.6.0‰　D.7.5‰
答案：B　解析：“儿童与健康”主要目标第2条：婴儿死亡率控制在4.5‰以下。
2.到2025年，全县学前教育毛入园率达到（　　）以上。
A.85%　B.88%　C.91%　D.95%
答案：C　解析：“儿童与教育”主要目标第1条：学前教育毛入园率达到91%以上。
二、多项选择题
3.下列属于《规划》“儿童与教育”领域主要目标的有（　　）。
A.九年义务教育巩固率达到97%以上
B.高中阶段毛入学率达到80%以上
C.普惠性幼儿园覆盖率达到85%以上
答案：AC　解析：B项错误，《规划》要求高中阶段毛入学率达到93%以上。
三、判断题
4.到2025年，全县儿童之家覆盖率达到70%以上。（　　）
答案：×　解析：《规划》目标为城乡社区儿童之家覆盖率达到92%以上。
四、填空题
5.新生儿听力筛查率达到（ 91% ）以上，儿童伤害死亡率以2020年为基数下降（ 20% ）。
"""


def _targets(tmp_path: Path, text: str) -> list[tuple[str, str, Decimal | None]]:
    document = tmp_path / "宜良县儿童发展规划题库.txt"
    document.write_text(text, encoding="utf-8")
    (plan,) = extract(document, jurisdiction="云南省/昆明市/宜良县")
    return [(t.indicator, t.target.op.value, t.target.value) for t in plan.targets if t.target.is_numeric]


def test_only_the_answers_of_a_quiz_bank_are_the_plans_targets(tmp_path: Path) -> None:
    found = _targets(tmp_path, _QUIZ)
    values = {value for _, _, value in found}
    # the distractors of the options, the false statement's 70%, the wrong option B's 80%: none is a target
    assert not values & {D("4.0"), D("6.0"), D("7.5"), D("88"), D("95"), D("70"), D("80")}
    assert ("婴儿死亡率", "<=", D("4.5")) in found
    assert ("学前教育毛入园率", ">=", D("91")) in found
    assert ("九年义务教育巩固率", ">=", D("97")) in found  # option A, named by the answer
    assert ("普惠性幼儿园覆盖率", ">=", D("85")) in found  # option C, named by the answer
    assert ("高中阶段毛入学率", ">=", D("93")) in found  # the 解析 of the wrong option
    assert ("城乡社区儿童之家覆盖率", ">=", D("92")) in found  # the 解析 of the false statement
    assert ("新生儿听力筛查率", ">=", D("91")) in found  # filled blanks
    assert ("儿童伤害死亡率", "rel_decrease", D("20")) in found
    assert len(found) == 8, found


def test_options_and_statements_are_plain_text_outside_a_quiz(tmp_path: Path) -> None:
    """Without answer lines no line is a question: a plan's own list lettered A. B. keeps its targets."""
    text = (
        "宜良县儿童发展规划（2021—2025年）\n一、儿童与健康\n（一）主要目标\n"
        "A.婴儿死亡率控制在4.5‰以下。\nB.学前教育毛入园率达到91%以上。（　　）\n"
    )
    found = _targets(tmp_path, text)
    assert ("婴儿死亡率", "<=", D("4.5")) in found
    assert ("学前教育毛入园率", ">=", D("91")) in found


def test_a_filled_blank_is_the_value_any_other_bracketed_number_a_remark() -> None:
    read = [(t.indicator, t.op.value, t.value) for t in parse("新生儿遗传代谢性疾病筛查率达到（ 98% ）以上。")]
    assert read == [("新生儿遗传代谢性疾病筛查率", ">=", D("98"))]
    assert [t.value for t in parse("孕产妇死亡率控制在（ 3‰ ）以下")] == [D("3")]
    assert parse("婴儿死亡率控制在（　　）以下。") == []
    # a remark in brackets after a verb is no blank: its number is no value of the sentence
    assert [t.value for t in parse("孕产妇死亡率控制在（2020年为基数）10/10万以下")] == [D("10")]


def test_an_age_naming_a_population_is_no_value_whatever_verb_stands_before() -> None:
    """《规划》目标为7岁以下儿童健康管理率达到92%以上: 为7岁以下 was read as a target (≤ 7 岁)."""
    read = [(t.indicator, t.op.value, t.value, t.unit) for t in parse("《规划》目标为7岁以下儿童健康管理率达到92%以上。")]
    assert read == [("7岁以下儿童健康管理率", ">=", D("92"), "%")]
    assert [(t.value, t.unit) for t in parse("女性人均预期寿命达到80岁以上。")] == [(D("80"), "岁")]
