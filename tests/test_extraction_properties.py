"""Extraction never fails with anything but InputError, whatever the text file holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import InputError
from compliance.extraction import dump_plans, extract
from compliance.loading.plans import loads_plan

FRAGMENTS = [
    "新平妇女发展规划（2021—2030年）", "嘉兴市儿童发展“十四五”规划", "济南市市中区“十四五”妇女发展规划",
    "关于印发妇女发展规划的通知", "一、指导思想", "二、发展领域、主要目标和策略措施", "三、组织实施",
    "（一）妇女与健康", "（二）儿童与教育", "（三）", "主要目标：", "策略措施：", "1．", "2．", "（1）",
    "孕产妇死亡率下降到9/10万以下。", "达到95%以上", "7/***", "**.5%", "≥", "＜", "９５％", "应救", "尽救",
    "\t领域", "\t序号", "\t主要统计指标", "\t2020年", "\t2025年", "\t", "\t1", "\t<7", "\t提高", "－",
    "[bookmark: _Toc1]", "查看原文", "根据《玉溪妇女发展规划（2021—2030年）》", "制定《", "》", "市中政发〔2022〕7号",
    "（牵头单位：区卫生健康局，责任单位：", "）", "分别降至2‰、3.5‰和5‰及以下", "全覆盖", "2020年为85.02",
    "\n", "\n\n", "。", "，", "、", "|", "| 指标 | 2025年 |", "|---|---|",
]

texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([".txt", ".md"]))
def test_extract_raises_only_input_error(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text else path.write_bytes(
            text.encode("utf-8", errors="replace")
        )
        try:
            plans = extract(path)
        except InputError:
            return
        # what comes out always writes and loads back
        stream = dump_plans(plans)
        for document in stream.split("\n---\n"):
            loads_plan(document)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_extract_raises_only_input_error_on_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".txt", ".docx", ".xlsx"):
            path = Path(folder) / f"doc{suffix}"
            path.write_bytes(data)
            try:
                extract(path)
            except InputError:
                pass
