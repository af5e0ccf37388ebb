"""Live reload in a real browser: an open page in headless Chromium reloads by itself after each save.

Starts ``sitegen serve`` (see tests/test_serve.py) on a copy of the example,
opens a page, and never reloads it from the test: a mark set in the page's
JavaScript disappears when the page reloads itself. Two saves about one
second apart must both show (python-livereload 2.7.1's own polling would
drop the second, see sitegen/serve.py). A broken save shows the error page
in the open tab, and the fix brings the page back.

The browser is the session's ``browser`` fixture from tests/browser/conftest.py:
a missing browser is a skip on a developer's machine and a failure under CI
(``CI=true``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator

import pytest

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
