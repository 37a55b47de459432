"""均 after a list the other list rules leave whole (issue 8): each listed measure, or each listed subject lent the
last one's measure, has the value. Before, the whole list was one indicator (中小学校、幼儿园专职保安员配备率、一键式…
安装率和视频…接入率) and two of three targets were lost, a staff ratio's two subjects (乡镇儿童督导员和村（居）儿童主任
配备率) one name the catalogue knows not."""

from __future__ import annotations

import pytest

from compliance.phrases import parse


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # several measures: each with the words before it that name none (学校、医院 the scope of the first)
        ("学校、医院安全保卫人员配备率、入口视频门禁安装率和消防设施完好率均达到100%",
         ["学校、医院安全保卫人员配备率", "入口视频门禁安装率", "消防设施完好率"]),
        # subjects before one measure: each is lent it
        ("社区儿童安全员和村级儿童主任配备率均达到100%", ["社区儿童安全员配备率", "村级儿童主任配备率"]),
        ("村（社区）儿童主任、乡镇（街道）儿童督导员培训率均达到95%以上",
         ["村（社区）儿童主任培训率", "乡镇（街道）儿童督导员培训率"]),
        # the rules before still hold: one programme's one measure stays one, short subjects take the measure
        ("孕产妇梅毒和乙肝检测率均保持在98%以上", ["孕产妇梅毒和乙肝检测率"]),
        ("宫颈癌和乳腺癌早诊率均达到70%以上", ["宫颈癌早诊率", "乳腺癌早诊率"]),
        # long subjects of no administrative level before one measure: one name, as written
        ("遗传代谢性疾病和听力障碍筛查率均达到97%以上", ["遗传代谢性疾病和听力障碍筛查率"]),
    ],
)
def test_each_listed_measure_takes_the_value(text: str, named: list[str]) -> None:
    assert [t.indicator for t in parse(text)] == named
    assert len({(str(t.op), t.value) for t in parse(text)}) == 1
