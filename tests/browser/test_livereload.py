"""Live reload in a real browser: an open page in headless Chromium reloads by itself after each save.

Starts ``sitegen serve`` (see tests/test_serve.py) on a copy of the example,
opens a page, and never reloads it from the test: a mark set in the page's
JavaScript disappears when the page reloads itself. Two saves about one
second apart must both show (python-livereload 2.7.1's own polling would
drop the second, see sitegen/serve.py). A broken save shows the error page
in the open tab, and the fix brings the page back. A warning shows in the
warnings panel of every page at 375 px, and never in ``sitegen build`` output.

The browser is the session's ``browser`` fixture from tests/browser/conftest.py:
a missing browser is a skip on a developer's machine and a failure under CI
(``CI=true``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from sitegen.errors import Problem
from sitegen.serve import error_page

from ..sitekit import copy_example
from ..test_serve import INTERVIEW, INTERVIEW_URL, RELOAD_TIMEOUT, UNIT, ServeProcess, _edit

@pytest.fixture(scope="module")
def chromium(browser: Any) -> Any:
    """The session's browser (tests/browser/conftest.py: a failure under CI=true when missing)."""
    return browser


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServeProcess]:
    """``sitegen serve`` on a fresh copy of the example; stopped with Ctrl-C afterwards."""
    server = ServeProcess(copy_example(tmp_path / "site"))
    try:
        yield server
        server.stop()
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def _open(chromium: Any, url: str) -> Any:
    context = chromium.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(url)
    # Connected: livereload.js has done the handshake (protocol 7) and sent its "info" message.
    page.wait_for_function("() => !!(window.LiveReload && window.LiveReload.connector"
                           " && window.LiveReload.connector.protocol >= 7)")
    time.sleep(0.2)
    page.evaluate("() => { window.__notReloaded = true; }")
    return page


def _wait_for_text(page: Any, text: str, timeout: float = RELOAD_TIMEOUT) -> float:
    """Wait until the page's text contains ``text``; returns the seconds it took."""
    started = time.monotonic()
    page.wait_for_function("(text) => document.body && document.body.innerText.includes(text)", arg=text,
                           timeout=timeout * 1000)
    return time.monotonic() - started


def test_an_open_page_reloads_itself_after_each_save_even_one_second_apart(chromium: Any,
                                                                           served: ServeProcess) -> None:
    page = _open(chromium, served.url.rstrip("/") + INTERVIEW_URL)
    site = served.site
    assert "白鹤镇：补好短板发挥优势" in page.inner_text("h1")
    page.check("label[for=reading-mode]")  # the theme's reading-mode.js and livereload.js work side by side

    _edit(site / INTERVIEW, "title: 白鹤镇：补好短板发挥优势", "title: 第一次保存的标题")
    took = _wait_for_text(page, "第一次保存的标题")
    print(f"the page showed the edit {took:.2f} s after the save")
    assert page.evaluate("() => window.__notReloaded === undefined")  # the page reloaded by itself
    page.wait_for_load_state("load")
    assert page.is_checked("#reading-mode"), "the reading mode is kept over a live reload"

    time.sleep(1.0)
    _edit(site / INTERVIEW, "title: 第一次保存的标题", "title: 第二次保存的标题")
    _wait_for_text(page, "第二次保存的标题")
    served.wait_for_builds(3)
    assert served.builds == 3
    page.context.close()


def test_a_broken_save_shows_the_error_page_in_the_open_tab_and_the_fix_brings_the_page_back(
        chromium: Any, served: ServeProcess) -> None:
    page = _open(chromium, served.url)
    unit = served.site / UNIT
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("    collected: 296", "\tcollected: 296", 1), encoding="utf-8")
    _wait_for_text(page, "a TAB is used for indentation")
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    assert "content/units/baihe.yaml:13:1" in page.inner_text("body")
    # The lines around the mistake, one screen line each: the marked line was a block, and the line
    # break after it drew an empty line.
    shown = page.inner_text("pre.source").split("\n")
    assert [line.split("│")[0].strip() for line in shown if line.strip()] == ["11", "12", "13", "14", "15"]
    heights = page.evaluate("() => { const pre = document.querySelector('pre.source');"
                            " return [pre.querySelector('code').getBoundingClientRect().height,"
                            " parseFloat(getComputedStyle(pre).lineHeight)]; }")
    assert round(heights[0] / heights[1]) == 5

    unit.write_text(good, encoding="utf-8")
    page.wait_for_function("() => !document.body.innerText.includes('a TAB is used')", timeout=RELOAD_TIMEOUT * 1000)
    assert page.title().endswith("青浦大调研进度公开")
    page.context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_the_error_page_fits_a_phone_s_width_with_long_file_names_and_addresses(chromium: Any, tmp_path: Path,
                                                                               width: int) -> None:
    # A long file name in the File row, and an address in a message and its hint, ran past the right edge at
    # 390 px: the page scrolled sideways. Only the quoted source lines may scroll, in their own box.
    long_name = "content/interviews/2018-05-jinze-zhen-da-diao-yan-wei-fang-tan-di-er-qi.md"
    address = "https://www.shqp.gov.cn/dadiaoyan/zhuanti/2018/jinze-zhen/baogao.html"
    problems = [Problem(long_name, 8, 7, "error", f'date: "2018-13-03" does not exist; see {address}',
                        f"type it in half width (半角): {address}")]
    (tmp_path / "error.html").write_bytes(error_page(problems, tmp_path))
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto((tmp_path / "error.html").as_uri())
    assert page.evaluate("() => document.documentElement.scrollWidth") == width
    assert long_name in page.inner_text("dd").replace("\n", "")
    context.close()


def _contrast(page: Any, selector: str) -> float:
    """The contrast ratio of an element's text colour on its background (both opaque rgb)."""
    colours = page.evaluate("(s) => { const style = getComputedStyle(document.querySelector(s));"
                            " return [style.color, style.backgroundColor]; }", selector)

    def luminance(text: str) -> float:
        channels = [int(part) / 255 for part in text[text.index("(") + 1:text.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(colours[0]), luminance(colours[1])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_warnings_panel_at_375_px_shows_while_there_are_warnings_and_never_in_the_built_site(
        chromium: Any, served: ServeProcess, tmp_path: Path) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(served.url.rstrip("/") + "/units/baihe/")
    assert page.locator("#sitegen-warnings").count() == 0  # the example has no warning
    unit = served.site / UNIT
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("  - group: residents\n    target: 80", "  - group: residents\n    target: 0.8", 1),
                    encoding="utf-8")
    _wait_for_text(page, "1 条提醒")  # the open page reloaded by itself, with the panel

    # A labelled region, closed to one line at the bottom of the window, which the keyboard opens.
    region = page.get_by_role("region", name="⚠ 1 条提醒 · 本页 1 条")
    assert region.count() == 1
    bar = page.locator("#sitegen-warnings").bounding_box()
    assert bar["y"] + bar["height"] == 800 and bar["height"] < 60 and bar["width"] == 375
    assert not page.is_visible("text=target: 0.8 is read as 0.8%")
    assert _contrast(page, "#sitegen-warnings summary") >= 4.5
    # A link reached with Tab is scrolled into view above the bar, not under it.
    hidden = []
    for _ in range(30):
        page.keyboard.press("Tab")
        bottom, text = page.evaluate("""() => { const e = document.activeElement;
            return e.closest('#sitegen-warnings') ? [0, ''] : [e.getBoundingClientRect().bottom, e.textContent]; }""")
        if bottom > bar["y"] + 1:
            hidden.append(text)
    assert hidden == []
    page.focus("#sitegen-warnings summary")
    page.keyboard.press("Enter")
    assert page.is_visible("text=target: 0.8 is read as 0.8%")
    assert page.inner_text("#sitegen-warnings code") == "content/units/baihe.yaml:24:13"
    opened = page.locator("#sitegen-warnings").bounding_box()
    assert opened["height"] <= 0.6 * 800 + 60  # at most 60% of the window, the rest of the list scrolls
    assert _contrast(page, "#sitegen-warnings .sitegen-warnings-hint") >= 4.5
    # The page's end can be scrolled above the closed bar (a spacer as tall as the bar ends the page).
    assert page.evaluate("() => document.querySelector('.sitegen-warnings-spacer').offsetHeight") >= bar["height"]

    # It stays open over a live reload, then goes when the warning is fixed.
    page.evaluate("() => { window.__notReloaded = true; }")
    _edit(served.site / INTERVIEW, "白鹤镇从三个方面推进大调研。", "白河镇从三个方面推进大调研。")
    _wait_for_text(page, "2 条提醒")
    assert page.evaluate("() => window.__notReloaded === undefined")
    page.wait_for_selector("text=is a misspelling of the unit name 白鹤镇", state="visible")
    _edit(served.site / INTERVIEW, "白河镇从三个方面推进大调研。", "白鹤镇从三个方面推进大调研。")
    unit.write_text(good, encoding="utf-8")
    page.wait_for_function("() => !document.getElementById('sitegen-warnings')", timeout=RELOAD_TIMEOUT * 1000)
    assert page.title().endswith("青浦大调研进度公开")

    # sitegen build writes the site without it, warnings or not.
    unit.write_text(good.replace("    target: 80", "    target: 0.8", 1), encoding="utf-8")
    served.stop()
    done = subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(served.site), "--no-search"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and "warning: target: 0.8 is read as 0.8%" in done.stderr
    page.goto((served.site / "output" / "units" / "baihe" / "index.html").as_uri())
    assert page.locator("h1").count() == 1 and page.locator("#sitegen-warnings").count() == 0
    context.close()
