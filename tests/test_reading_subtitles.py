"""The captions of a 政策解读 video (.srt SubRip, .vtt WebVTT) are read as the sentences they speak.

Before, `compliance extract 解读.vtt` refused the format. Each file here is made in the run (tests/makedocs.py
`cues_to_subtitles`): a media centre's 解读 narration whose cues cut a sentence between an indicator's name and its
value, with the WEBVTT header, NOTE and STYLE blocks, speaker tags and styling markup around the text, digits in every
cue number and timing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from compliance.extraction import extract
from compliance.reading import FORMATS, read_document
from tests.makedocs import cues_to_subtitles

D = Decimal

VTT_CUES: list[object] = [
    ("NOTE", "字幕校对：2022年5月12日 第3版\n时长00:02:41"),
    ("STYLE", "::cue { color: #ffff00; }"),
    "大家好，欢迎收看《某某政策解读》",
    "今天我们来解读\n《某某县儿童发展规划（2021—2030年）》",
    "涵盖健康、安全、教育、福利、家庭、环境、\n法律保护7个领域，共提出68项主要目标",
    "首先是儿童与健康领域",
    "<v 解说>到2030年，新生儿死亡率降至<b>3‰</b>以下</v>",
    "婴儿死亡率降至5‰以下",
    "同时，新生儿遗传代谢性疾病筛查率\n要达到98%以上",
    "3岁以下儿童系统管理率",
    "和7岁以下儿童健康管理率分别达到90%和92%以上",
    "家庭方面，城乡社区家长学校覆盖率",
    "<c.yellow>分别达到95%和85%</c>",
    "本期节目就到这里，感谢收看",
]


def _vtt(tmp_path: Path, cues: list[object] = VTT_CUES) -> Path:
    return cues_to_subtitles(cues, tmp_path / "某某县儿童发展规划解读.vtt", header=["Kind: captions", "Language: zh-CN"])


def test_timings_numbers_headers_and_markup_are_no_text(tmp_path: Path) -> None:
    document = read_document(_vtt(tmp_path))
    assert document.format == "subtitles"
    texts = [line.text for line in document.lines if line.text]
    shown = "".join(texts)
    for word in ("WEBVTT", "-->", "NOTE", "校对", "color", "<v", "解说", "<b>", "<c", "Kind"):
        assert word not in shown, word
    assert "到2030年，新生儿死亡率降至3‰以下" in texts


def test_a_sentence_cut_across_cues_is_one_line_and_its_number_keeps_its_file_line(tmp_path: Path) -> None:
    path = _vtt(tmp_path)
    rows = path.read_text(encoding="utf-8").split("\n")
    document = read_document(path)
    joined = next(line for line in document.lines if line.text.startswith("3岁以下儿童系统管理率"))
    assert joined.text == "3岁以下儿童系统管理率和7岁以下儿童健康管理率分别达到90%和92%以上"
    value_row = rows.index("和7岁以下儿童健康管理率分别达到90%和92%以上") + 1
    assert joined.number_at(joined.text.index("90%")) == value_row
    assert joined.number == rows.index("3岁以下儿童系统管理率") + 1
    # a caption line ending in a pause, the next opening a sentence of its own, stay apart
    texts = [line.text for line in document.lines if line.text]
    assert "首先是儿童与健康领域" in texts and "婴儿死亡率降至5‰以下" in texts
    plan = extract(path)[0]
    by_name = {t.indicator: t for t in plan.targets}
    assert by_name["城市社区家长学校覆盖率"].target.value == D("95")
    assert by_name["新生儿遗传代谢性疾病筛查率"].line == rows.index("要达到98%以上") + 1
    assert by_name["3岁以下儿童系统管理率"].target.value == D("90")
    assert not any(t.target.value in (D("68"), D("7")) for t in plan.targets)  # counts of the narration


def test_a_cue_s_locator_names_its_number_and_start_time(tmp_path: Path) -> None:
    document = read_document(_vtt(tmp_path))
    line = next(line for line in document.lines if line.text.startswith("婴儿死亡率"))
    assert line.locator == "第6条字幕（00:00:21）"


def test_a_gbk_srt_with_crlf_is_read_and_its_plan_is_a_summary(tmp_path: Path) -> None:
    cues = [
        "【某某融媒】政策解读",
        "主持人：观众朋友们大家好，\n欢迎收看本期《政策面对面》。",
        "近日，县政府印发了《某某县儿童发展规划\n（2021—2030年）》，文号是某政发〔2022〕23号。",
        "王倩：到2030年，新生儿死亡率要控制在2.5‰以下，",
        "婴儿死亡率控制在4‰以下，\n5岁以下儿童死亡率控制在5‰以下。",
        "适龄儿童免疫规划疫苗接种率要保持在95%以上。我们每年暑假前",
        "都会开展防溺水专项行动。",
        "编辑：李媛　审核：张毅　某某县融媒体中心出品",
    ]
    path = cues_to_subtitles(cues, tmp_path / "解读.srt", encoding="gbk", newline="\r\n")
    document = read_document(path)
    texts = [line.text for line in document.lines if line.text]
    assert "近日，县政府印发了《某某县儿童发展规划（2021—2030年）》，文号是某政发〔2022〕23号。" in texts
    assert "王倩：到2030年，新生儿死亡率要控制在2.5‰以下，婴儿死亡率控制在4‰以下，5岁以下儿童死亡率控制在5‰以下。" in texts
    assert "适龄儿童免疫规划疫苗接种率要保持在95%以上。我们每年暑假前都会开展防溺水专项行动。" in texts
    plan = extract(path)[0]
    assert plan.plan.source.type == "news_summary"
    assert list(plan.plan.period) == [2021, 2030]
    values = {(t.indicator, t.target.value) for t in plan.targets}
    assert ("婴儿死亡率", D("4")) in values and ("5岁以下儿童死亡率", D("5")) in values


def test_a_file_without_cues_exits_2_with_the_file_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "解读.srt"
    path.write_text("某某县儿童发展规划解读\n新生儿死亡率降至3‰以下\n", encoding="utf-8")
    result = CliRunner(env={"COMPLIANCE_LANG": "zh"}).invoke(main, ["extract", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "解读.srt" in result.stderr and "不是可以读取的字幕文件" in result.stderr and "导出" in result.stderr
    assert ".srt" in FORMATS and ".vtt" in FORMATS
