"""The HTML report: self-contained, Chinese by default, and — in a real browser — showing what it says it shows.

The browser test drives the system's Chromium (Debian's chromium and
chromium-driver, as .ci/run installs them) through selenium; it is skipped,
with the reason, where they are not installed. With COMPLIANCE_UPDATE_SCREENSHOT=1
it also refreshes the screenshot the README shows (docs/images/html-report.png);
without it a test run leaves the working tree as it found it.
"""

from __future__ import annotations

import base64
import io
import os
import re
import unicodedata
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
JINAN_WOMEN = PLANS / "jinan-shizhong-women-2021-2025.yaml"
SCREENSHOT = ROOT / "docs" / "images" / "html-report.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
HIV_FINDING = "“艾滋病母婴传播率”低于上级《中国妇女发展纲要（2021—2030年）》要求：本级目标≤3%，上级要求≤2%"


def html_report(tmp_path: Path, *args: object, name: str = "report.html", env: dict[str, str] | None = None) -> str:
    """The HTML report of `check ARGS`, in its default language unless `env` or ARGS say (tests run with COMPLIANCE_LANG=en)."""
    out = tmp_path / name
    env = {"COMPLIANCE_LANG": "", **(env or {})}
    result = CliRunner().invoke(main, ["check", *map(str, args), "--format", "html", "-o", str(out)], env=env)
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    page = html_report(tmp_path, PLANS)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"<(script|img|iframe|embed|object|source)[^>]*\bsrc=", page)
    external = set(re.findall(r'href="(https?://[^"]+)"', page))
    assert external and all("<a href" in page for _ in external)  # only the evidence links point outside
    assert not re.search(r'<(?!a\b)[a-z]+[^>]*\bhref="https?:', page)


def test_chinese_by_default_whatever_the_locale_and_english_on_request(tmp_path: Path) -> None:
    page = html_report(tmp_path, JINAN_WOMEN, env={"COMPLIANCE_LANG": "", "LANG": "C.UTF-8"})
    assert '<html lang="zh-CN">' in page and "妇女儿童发展规划对照上级规划检查报告" in page
    assert HIV_FINDING in page
    english = html_report(tmp_path, JINAN_WOMEN, "--lang", "en", name="en.html")
    assert '<html lang="en">' in english and "Development plans checked against their parent plans" in english
    assert "is not at most 2%" in english
    by_env = html_report(tmp_path, JINAN_WOMEN, name="env.html", env={"COMPLIANCE_LANG": "en"})
    assert '<html lang="en">' in by_env


def test_each_finding_shows_both_sides_its_position_flag_and_evidence(tmp_path: Path) -> None:
    page = html_report(tmp_path, JINAN_WOMEN)
    start = page.index(HIV_FINDING)
    card = page[page.rindex('<div class="finding', 0, start) : page.index("</dl>", start)]
    assert "本级规划（第43行）" in card and "艾滋病母婴传播率下降到3%以下" in card
    assert "《中国妇女发展纲要（2021—2030年）》" in card and "〔已核实〕" in card
    assert '<a href="http' in card and "修改建议" in card and "将“艾滋病母婴传播率”目标控制在2%以下" in card
    assert "〔未核实〕" in page  # recalled national values say so


def test_text_from_the_plan_is_escaped(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        JINAN_WOMEN.read_text(encoding="utf-8").replace(
            "title: 济南市市中区“十四五”妇女发展规划", "title: 济南市市中区<script>alert(1)</script>妇女发展规划", 1
        ),
        encoding="utf-8",
    )
    page = html_report(tmp_path, plan)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _driver(tmp_path: Path):  # type: ignore[no-untyped-def]
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser test: .ci/run installs Debian's chromium and chromium-driver")
        pytest.skip("no Chromium here: install Debian's chromium and chromium-driver (.ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra: pip install -e '.[test]'")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1280, 1500)
    return driver


def test_the_report_in_a_real_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = _driver(tmp_path)
    monkeypatch.chdir(ROOT)  # relative file names on the page, as a user would see them
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01: the committed screenshot does not change daily
    html_report(tmp_path, "examples/plans")
    try:
        driver.get((tmp_path / "report.html").as_uri())
        # what the page shows: the counts, the matrix, a finding
        assert driver.find_element(By.ID, "count-error").text == "错误 7"
        assert driver.find_element(By.ID, "headline").text.startswith("共检查规划4个（2个有错误）")
        women = driver.find_element(By.CSS_SELECTOR, 'table.matrix[data-kind="women"]')
        headers = [th.get_attribute("textContent") for th in women.find_elements(By.CSS_SELECTOR, "th.indicator")]
        row = women.find_element(By.CSS_SELECTOR, 'tr[data-county="市中区"]')
        cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        assert cells[headers.index("艾滋病母婴传播率")] == "低于"
        assert cells[headers.index("适龄妇女宫颈癌人群筛查率")] == "缺失"
        assert cells[headers.index("孕产妇死亡率")] == "达标"
        finding = driver.find_element(By.XPATH, f'//div[@class="message"][starts-with(., "{HIV_FINDING}")]')
        assert finding.is_displayed()
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0  # nothing fetched
        driver.save_screenshot(str(tmp_path / "shot.png"))
        assert (tmp_path / "shot.png").stat().st_size > 10_000  # a page was drawn, not a blank window
        if os.environ.get("COMPLIANCE_UPDATE_SCREENSHOT") == "1":
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tmp_path / "shot.png", SCREENSHOT)

        # filters: a county, then a rule
        shown = driver.find_element(By.ID, "shown")
        total = int(re.findall(r"\d+", shown.text)[-1])
        Select(driver.find_element(By.ID, "filter-county")).select_by_value("新平彝族傣族自治县")
        assert not row.is_displayed() and not finding.is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, 'tr[data-county="新平彝族傣族自治县"]').is_displayed()
        assert int(re.findall(r"\d+", shown.text)[0]) < total
        Select(driver.find_element(By.ID, "filter-county")).select_by_value("")
        Select(driver.find_element(By.ID, "filter-rule")).select_by_value("CMP201")
        assert finding.is_displayed() and row.is_displayed()
        missing = driver.find_elements(By.CSS_SELECTOR, '.finding[data-rule="CMP102"]')
        assert missing and not any(m.is_displayed() for m in missing)
        assert int(re.findall(r"\d+", shown.text)[0]) == 2  # the two weaker-threshold findings

        # printed on A4: the findings are there, the filters are not
        from selenium.webdriver.common.print_page_options import PrintOptions

        Select(driver.find_element(By.ID, "filter-rule")).select_by_value("")
        print_options = PrintOptions()
        print_options.page_width, print_options.page_height = 21.0, 29.7
        print_options.background = True
        pdf = base64.b64decode(driver.print_page(print_options))
    finally:
        driver.quit()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 4  # each plan starts a page
        assert all(abs(p.width - 595) < 2 and abs(p.height - 842) < 2 for p in document.pages)  # A4
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() or "" for p in document.pages)).replace("\n", "")
    assert "艾滋病母婴传播率" in text and "低于上级" in text
    assert "筛选" not in text  # the filter bar is not printed
