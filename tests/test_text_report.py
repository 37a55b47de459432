"""The text report in Chinese: a drafter's words, aligned columns, short target forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.messages import using
from compliance.phrases import parse
from compliance.report.records import value_text

ROOT = Path(__file__).resolve().parent.parent
JINAN_WOMEN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"


@pytest.mark.parametrize(
    ("phrase", "zh", "en"),
    [
        ("艾滋病母婴传播率下降到2%以下", "≤2%", "≤2%"),
        ("适龄妇女宫颈癌人群筛查率达到70%以上", "≥70%", "≥70%"),
        ("就业人员中的女性比例保持在45%左右", "约45%", "~ 45%"),
        ("儿童伤害死亡率以2020年为基数下降20%", "以2020年为基数下降20%", "decrease by 20% (2020)"),
        ("乳腺癌人群筛查率逐步提高", "提高", "increase"),
        ("孕产妇死亡率下降到9/10万以下", "≤9/10万", "≤9/10万"),
    ],
)
def test_targets_in_short(phrase: str, zh: str, en: str) -> None:
    (target,) = parse(phrase)
    value = target.to_target_value()
    with using("zh"):
        assert value_text(value) == zh
    with using("en"):
        assert value_text(value) == en


def test_a_chinese_text_report_reads_as_a_reviewer_writes() -> None:
    result = CliRunner().invoke(main, ["check", str(JINAN_WOMEN), "--lang", "zh"])
    out = result.stdout
    assert out.startswith("济南市市中区“十四五”妇女发展规划（妇女，县级，山东省/济南市/市中区，2021—2025年）\n")
    assert "对照的上级规划：\n  国家级     《中国妇女发展纲要（2021—2030年）》" in out  # 国家级 padded to the same width as 省级/市级
    assert "  省级       《山东省“十四五”妇女发展规划》 已知，目标未录入" in out
    assert "本级（第43行）：艾滋病母婴传播率下降到3%以下　〔≤3%〕" in out
    assert "《中国妇女发展纲要（2021—2030年）》〔已核实〕：减少艾滋病、梅毒和乙肝母婴传播" in out
    assert "  错误    CMP102 missing-indicator  适龄妇女宫颈癌人群筛查率" in out
    assert "→ 补充“适龄妇女宫颈癌人群筛查率”指标目标，不低于上级要求" in out
    assert out.rstrip().endswith("（目标年份：按基线推算阶段值）")
