"""An OCR of phone screenshots of a government page: each screen opens with the phone's status bar (10:27 ⓘ ▣ 5G ⁺ıl 81)
and the app's title bar (× 某县人民政府 ···) and ends with the reader's toolbar (A- A+ 分享 收藏 Aa); the next screen
repeats the last lines of the one before. The bars are the edge between two screens, read as a page break, and the
repeated lines are left out. Before, 10:27 was read as a ratio, the bars joined into a measure's name, and a target
read twice.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

SCREENS = [
    "10:26  ⓘ ▣          5G ⁺ıl  81",
    "×  嵩县人民政府  ···",
    "嵩县儿童发展规划（2021—2030",
    "年）",
    "（一）儿童与健康",
    "主要目标：",
    "1.婴儿死亡率降至4.5‰以下。",
    "2.儿童新发近视率明显下降，小学生近视",
    "率降至36%以下，初中生近视率",
    "A-  A+     分享  收藏  Aa",
    "10:27  ⓘ ▣          5G ⁺ıl  80",
    "×  嵩县人民政府  ···",
    "率降至36%以下，初中生近视率",
    "降至58%以下。",
    "3.儿童食品安全抽检合格率",
    "达到98.5%以上。",
]


def test_screen_bars_are_an_edge_and_the_overlap_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "screens.txt"
    path.write_text("\n".join(SCREENS) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    found = sorted((t.line, float(t.target.value)) for t in plan.targets if t.target.value is not None)
    assert found == [(7, 4.5), (9, 36), (14, 58), (16, 98.5)]
    assert not any("5G" in t.indicator or "人民政府" in t.indicator for t in plan.targets)
