"""A plan forwarded by e-mail and saved as text: the mail's headers and covering note, a forwarded-message separator,
then the 通知 and the plan quoted, every line opening with the mailer's quote mark (`> `; an empty quoted line a bare
`>`; quoted twice `> > ` or `>>` in a reply to a forward). The marks are no part of the text: the plan is read as if
it stood alone, each line keeping its number.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

COVER = [
    '发件人: "某某县妇儿工委办-李**" <mmfegwb@example.cn>',
    "发送时间: 2022年5月9日(星期一) 上午10:12",
    '收件人: "某某市妇儿工委办" <smfegwb@example.cn>',
    "主题: 转发：某某县妇女发展规划（2021—2025年）请备案",
    "附件: 某某县妇女发展规划.docx (81.2KB)",
    "",
    "市妇儿工委办：",
    "    现将我县规划正文转发备案。孕产妇死亡率一项市规划是≤8/10万。有问题请联系0571-8123****或13905******。",
    "",
    "李**",
    "2022-05-09",
    "",
]
SEPARATORS = ["---------- 转发的邮件 ----------", "------------------ 原始邮件 ------------------"]
PLAN = [
    "某某县人民政府文件",
    "",
    "某政发〔2022〕3号",
    "",
    "某某县妇女发展规划（2021—2025年）",
    "",
    "一、妇女与健康",
    "主要目标：",
    "    1.孕产妇死亡率控制在9/10万以下。",
    "    2.适龄妇女宫颈癌人群筛查率达到75%以上，乳腺癌人群筛查率达到70%以上。",
    "    3.孕产妇系统管理率保持在96%以上，孕前优生健康检查目标人群",  # hard-wrapped by the mailer
    "覆盖率达到90%以上。",
    "",
    "二、妇女与教育",
    "主要目标：",
    "    1.女性平均受教育年限由2020年的10.6年提高到",
    "11.2年。",
    "    2.高中阶段毛入学率保持在98%以上。",
    "",
    "三、妇女与经济",
    "主要目标：",
    "    1.就业人员中的女性比例保持在45%左右。",
]
EXPECTED = [
    ("妇女与健康", "孕产妇死亡率", 9),
    ("妇女与健康", "适龄妇女宫颈癌人群筛查率", 75),
    ("妇女与健康", "乳腺癌人群筛查率", 70),
    ("妇女与健康", "孕产妇系统管理率", 96),
    ("妇女与健康", "孕前优生健康检查目标人群覆盖率", 90),
    ("妇女与教育", "女性平均受教育年限", Decimal("11.2")),
    ("妇女与教育", "高中阶段毛入学率", 98),
    ("妇女与经济", "就业人员中的女性比例", 45),
]


def _read(tmp_path: Path, lines: list[str]) -> tuple[list, list]:
    path = tmp_path / "mail.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    plans = extract(path)
    assert len(plans) == 1
    plan = plans[0]
    assert plan.plan.title == "某某县妇女发展规划（2021—2025年）"
    return [(t.domain, t.indicator, t.target.value) for t in plan.targets], [u.text for u in plan.unparsed]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_quoted_forward(tmp_path: Path, separator: str) -> None:
    quoted = [f"> {row}" if row else ">" for row in PLAN]
    lines = [*COVER, separator, "发件人: 县政府办公室 <zfb@example.cn>", "主题: 关于印发某某县妇女发展规划的通知", *quoted]
    targets, unparsed = _read(tmp_path, lines)
    assert targets == EXPECTED
    assert unparsed == []


@pytest.mark.parametrize("mark", ["> > ", ">> "])
def test_quoted_twice_in_a_reply(tmp_path: Path, mark: str) -> None:
    """Variant: a reply to the forward, the plan quoted twice (`> > ` or `>>`), the reply's own words above it."""
    quoted = [f"{mark}{row}" if row else mark.rstrip() for row in PLAN]
    lines = ["收到，已备案。", "", "> 在 2022-05-09 10:12，某某县妇儿工委办 写道：", *[f"> {row}" for row in COVER], *quoted]
    targets, unparsed = _read(tmp_path, lines)
    assert targets == EXPECTED
    assert unparsed == []
