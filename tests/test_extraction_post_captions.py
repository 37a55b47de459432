"""A post's image captions (▲ and a space before what the picture shows, its numbers the past: ▲ 县妇幼保健院儿童早期
发展中心，2021年服务儿童3.6万人次) are no plan text, while a bulleted target (▲ 孕产妇死亡率控制在…以下) stays one; and a bare
实现全覆盖 after a count per place (每个村至少配备1名儿童主任，实现全覆盖) is that count's reach, no coverage target of its own.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from compliance.extraction._rules import fold
from compliance.phrases import parse


def _read(tmp_path: Path, lines: list[str]) -> list:
    path = tmp_path / "post.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plans = extract(path)
    assert [u.text for p in plans for u in p.unparsed] == []
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for p in plans for t in p.targets]


def test_a_post_s_image_captions_give_no_target(tmp_path: Path) -> None:
    lines = [
        "某某县儿童发展规划（2021—2030年）",
        "▲ 2021年全县“六一”儿童节主题活动现场，1200余名儿童参加",
        "一、儿童与健康",
        "主要目标：",
        "1.婴儿死亡率控制在4.5‰以下。",
        "策略措施：",
        "加强儿童保健服务。每个乡镇卫生院至少配备1名专职儿童保健医生。",
        "▲ 县妇幼保健院儿童早期发展中心，2021年服务儿童3.6万人次",
        "二、儿童与福利",
        "主要目标：",
        "▲ 城乡居民基本医疗保险儿童参保率稳定在95%以上",
    ]
    assert _read(tmp_path, lines) == [
        ("婴儿死亡率", "<=", 4.5, "‰"),
        ("每个乡镇卫生院专职儿童保健医生数", ">=", 1, "名"),
        ("城乡居民基本医疗保险儿童参保率", ">=", 95, "%"),
    ]


def test_a_bare_full_coverage_after_a_count_per_place_is_no_target_of_its_own() -> None:
    found = parse(fold("每个乡镇（街道）至少配备1名儿童督导员，每个村（社区）至少配备1名儿童主任，实现全覆盖。"))
    assert [(t.value, t.unit) for t in found] == [(1, "名"), (1, "名")]
    # a 全覆盖 naming what it covers, or after a rate, stays a target
    assert [(t.indicator, t.value) for t in parse(fold("推进儿童之家建设，实现村（社区）全覆盖。"))] == [("村（社区）覆盖率", 100)]
    assert [t.value for t in parse(fold("每个村至少建成1个儿童之家，儿童之家实现全覆盖"))] == [1, 100]
