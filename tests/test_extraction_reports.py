"""Reports ON a plan are not plans: a statistical monitoring report (统计监测报告), a mid-term or final
evaluation (中期/终期评估报告) gives values reached in a year, which read as targets would be checked as the
plan's. Such a document is refused with what it is (exit 2). And a short name the text gives a plan
(以下简称《规划》) is never a parent plan of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract

SHAPES = Path(__file__).resolve().parent / "data" / "shapes"
REPORT = SHAPES / "children-monitoring-report.txt"

PLAN = """关于印发《某某县妇女发展规划（2021—2025年）》的通知
各乡镇人民政府，县政府各部门：
现将《某某县妇女发展规划（2021—2025年）》印发给你们，请认真贯彻执行。
某某县妇女发展规划（2021—2025年）
根据《中国妇女发展纲要（2021—2030年）》，结合我县实际，制定《某某县妇女发展规划（2021—2025年）》（以下简称《规划》）。按照《规划》确定的目标任务，各部门要细化措施。
一、妇女与健康
主要目标：
1．孕产妇死亡率控制在10/10万以下。
2．宫颈癌和乳腺癌筛查覆盖率达到80%以上。
三、组织实施
建立《规划》实施统计监测报告制度，每年开展统计监测。
"""


def test_a_monitoring_report_is_refused_with_what_it_is() -> None:
    with pytest.raises(InputError) as error:
        extract(REPORT)
    message = error.value.problems[0].message
    assert "统计监测报告" in message and ("line 1" in message or "第1行" in message)


def test_check_of_a_monitoring_report_exits_2_without_a_traceback() -> None:
    result = CliRunner().invoke(main, ["check", str(REPORT)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "统计监测报告" in result.output


@pytest.mark.parametrize(
    "headline",
    [
        "某某县儿童发展规划（2021—2030年）实施情况中期评估报告",
        "关于《某某县妇女发展规划（2021—2025年）》终期评估的报告",
        "2023年度某某市儿童发展规划实施情况的通报",
    ],
)
def test_evaluation_reports_are_refused_too(headline: str, tmp_path: Path) -> None:
    body = REPORT.read_text(encoding="utf-8").splitlines()[1:]
    path = tmp_path / "report.txt"
    path.write_text("\n".join([headline, *body]) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        extract(path)


def test_a_plan_that_promises_monitoring_reports_is_read_as_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    (plan,) = extract(path)
    assert [(str(t.target.op), t.target.value) for t in plan.targets] == [("<=", 10), (">=", 80)]


def test_a_short_name_the_text_gives_is_no_parent(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.follows == ["中国妇女发展纲要（2021—2030年）"]
