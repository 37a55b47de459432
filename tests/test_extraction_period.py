"""A plan's period from the best evidence the document gives: never a wrong one, unknown rather than guessed."""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

BODY = """某某县人民政府办公室关于印发某某县儿童发展规划（****—****年）的通知
各乡镇人民政府：
现将《某某县儿童发展规划（****—****年）》印发给你们，请认真组织实施。
某某县儿童发展规划（****—****年）
（*）儿童与健康
主要目标：
*.婴儿死亡率控制在*‰以下。
"""


def _plan(tmp_path: Path, text: str):
    path = tmp_path / "portal.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="江西省/赣州市/某某县")
    return plan


def test_a_masked_title_is_dated_by_the_pages_own_legible_title_line(tmp_path: Path) -> None:
    """The body masks every year, the portal's title line does not: the same title, legible, gives the period."""
    page = "某某招标网 — 政策法规\n关于印发某某县儿童发展规划（2021—2025年）的通知\n" + BODY
    plan = _plan(tmp_path, page)
    assert plan.plan.period == (2021, 2025)
    assert "关于印发某某县儿童发展规划（2021—2025年）" not in plan.plan.inferred_from["period"]
    assert "某某县儿童发展规划（2021—2025年）" in plan.plan.inferred_from["period"]  # where it was read


def test_another_titles_years_never_date_a_masked_title(tmp_path: Path) -> None:
    """A legible title of another plan (the women's, the previous period's) is no evidence: the period stays unknown."""
    page = "相关推荐\n某某县妇女发展规划（2021—2025年）\n某某县儿童发展规划（2011—2020年）终期评估报告\n\n" + BODY
    plan = _plan(tmp_path, page)
    assert plan.plan.period is None
    dated = "发布时间：2022-06-01\n某某县儿童发展规划（2011—2020年）\n" + BODY  # the page is dated after that period
    assert _plan(tmp_path, dated).plan.period is None
