"""The 大字号 · 高对比度 reading mode in Chromium: remembered from page to page, per page without JavaScript.

With JavaScript, ``assets/reading-mode.js`` keeps the reader's choice in
localStorage: ticked on one page, the next page (reached by following a link,
as a reader does) opens in the mode; unticked, the next page opens without
it. Without JavaScript the switch works on each page as before and is not
carried over. When localStorage refuses access (``window.localStorage``
throws, as in some private modes), the page shows no error and the switch
still works on the page.

In the mode the page's text is 1.3 × the root's (``.reading-mode:checked ~
.page { font-size: 1.3rem }``): 23.4 px over 18 px at Chromium's default size.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import copy_example
from .conftest import SCREENSHOTS, ServedSite, serving

SWITCH = "label[for=reading-mode]"

_TEXT_SCALE = """() => parseFloat(getComputedStyle(document.querySelector('.page')).fontSize)
  / parseFloat(getComputedStyle(document.documentElement).fontSize)"""

_STORAGE_THROWS = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
"""An init script: reading ``window.localStorage`` throws, as with storage turned off."""


def text_scale(page: Any) -> float:
    """The computed font size of ``.page`` over the root's, to two decimals (1.3 in the mode, else 1.0)."""
    return round(page.evaluate(_TEXT_SCALE), 2)


def follow(page: Any, name: str) -> None:
    """Follow the main navigation's link ``name`` (访谈, 各单位进展 …) as a reader taps it."""
    with page.expect_navigation(wait_until="load"):
        page.locator("nav[aria-label=主导航]").get_by_role("link", name=name, exact=True).click()


def state(page: Any) -> tuple[str, bool, float]:
    """Where the page is, whether the switch is on, and the text's scale."""
    path = page.evaluate("location.pathname")
    return path, page.is_checked("#reading-mode"), text_scale(page)


def watch_errors(page: Any) -> list[str]:
    """Collect the page's uncaught errors and console errors from now on."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    return errors


def test_the_mode_ticked_on_one_page_is_on_on_the_next_and_off_once_unticked(served_example: ServedSite,
                                                                          page_at: Any) -> None:
    page = page_at(375)
    errors = watch_errors(page)
    page.goto(served_example.address("/"), wait_until="load")
    assert state(page) == ("/", False, 1.0), "a first visit opens without the mode"
    page.check(SWITCH)
    assert state(page) == ("/", True, 1.3)
    assert page.evaluate("localStorage.getItem('sitegen-reading-mode:/')") == "on"
    follow(page, "访谈")
    assert state(page) == ("/interviews/", True, 1.3), "the next page opens in the mode"
    follow(page, "各单位进展")
    assert state(page) == ("/units/", True, 1.3), "and the one after"
    page.uncheck(SWITCH)
    assert state(page) == ("/units/", False, 1.0)
    assert page.evaluate("localStorage.getItem('sitegen-reading-mode:/')") is None, "nothing kept while it is off"
    follow(page, "数据看板")
    assert state(page) == ("/dashboard/", False, 1.0), "unticked, the next page opens without it"
    page.reload(wait_until="load")
    assert state(page) == ("/dashboard/", False, 1.0)
    assert errors == []


def test_a_remembered_mode_is_on_before_the_script_that_keeps_it_has_run(served_example: ServedSite,
                                                                         page_at: Any) -> None:
    # The deferred script ticked the box once the page was parsed: on a slow phone, after the first paint, so
    # every page showed the normal size and then grew (a layout shift of 0.3 to 0.8). Held back here until the
    # page is parsed and painted, the script finds the page already in the mode, as its first paint was.
    page = page_at(375)
    page.goto(served_example.address("/"), wait_until="load")
    page.check(SWITCH)
    held: list[Any] = []
    page.route("**/assets/reading-mode.*.js", lambda route: held.append(route))
    page.goto(served_example.address("/units/"), wait_until="commit")  # its DOMContentLoaded waits for the script
    page.wait_for_selector("footer", state="attached")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert len(held) == 1 and state(page) == ("/units/", True, 1.3)
    held[0].continue_()
    page.unroute("**/assets/reading-mode.*.js")


def test_a_page_shown_again_from_the_back_button_follows_the_last_choice(served_example: ServedSite,
                                                                         page_at: Any) -> None:
    # Back and forward show a page as it was left (bfcache, or the form state a browser restores):
    # ticked on the home page, unticked on the next, Back must not show the home page still ticked.
    page = page_at(375)
    page.goto(served_example.address("/"), wait_until="load")
    page.check(SWITCH)
    follow(page, "访谈")
    page.uncheck(SWITCH)
    page.go_back(wait_until="load")
    assert state(page) == ("/", False, 1.0)
    page.check(SWITCH)
    page.go_forward(wait_until="load")
    assert state(page) == ("/interviews/", True, 1.3)


def test_two_sites_under_two_sub_paths_of_one_host_keep_their_own_choice(tmp_path: Path, page_at: Any) -> None:
    # localStorage is one per host: the key names the site's folder, so the mode chosen on the
    # site at /a/ is not switched on for the site at /b/ of the same host, and the reverse.
    host = tmp_path / "host"
    for folder in ("a", "b"):
        root = copy_example(tmp_path / folder)
        build(BuildOptions(root=root, base_url=f"https://example.org/{folder}/"))
        shutil.copytree(root / "output", host / "output" / folder)
    with serving(host) as served:
        page = page_at(375)
        page.goto(served.address("/a/"), wait_until="load")
        page.check(SWITCH)
        page.goto(served.address("/b/"), wait_until="load")
        assert state(page) == ("/b/", False, 1.0), "the other site opens without the mode"
        page.goto(served.address("/a/interviews/"), wait_until="load")
        assert state(page) == ("/a/interviews/", True, 1.3), "the first site keeps it"
        assert page.evaluate("Object.keys(localStorage)") == ["sitegen-reading-mode:/a/"]


def test_the_mode_kept_under_the_earlier_key_for_the_whole_host_is_carried_over(served_example: ServedSite,
                                                                              page_at: Any) -> None:
    # Earlier versions kept the mode as "sitegen-reading-mode" for the whole host: a reader who had it on
    # lost it once when the site was updated.
    page = page_at(375)
    page.goto(served_example.address("/404.html"), wait_until="load")
    page.evaluate("localStorage.clear(); localStorage.setItem('sitegen-reading-mode', 'on')")
    page.goto(served_example.address("/"), wait_until="load")
    assert state(page) == ("/", True, 1.3)
    assert page.evaluate("Object.entries(localStorage)") == [["sitegen-reading-mode:/", "on"]]


def works_per_page(page: Any) -> None:
    """On the home page, the mode is off, turns on; on the next page it is off again, and turns on and off."""
    assert state(page) == ("/", False, 1.0)
    page.check(SWITCH)
    assert state(page) == ("/", True, 1.3)
    follow(page, "访谈")
    assert state(page) == ("/interviews/", False, 1.0), "per page: the choice is not carried over"
    page.check(SWITCH)
    assert state(page) == ("/interviews/", True, 1.3)
    page.uncheck(SWITCH)
    assert state(page) == ("/interviews/", False, 1.0)


def test_without_javascript_the_mode_works_on_each_page_and_is_not_carried_over(served_example: ServedSite,
                                                                               page_at: Any) -> None:
    page = page_at(375, javascript=False)
    page.goto(served_example.address("/"), wait_until="load")
    works_per_page(page)  # the CSS-only switch, as the accessibility page says


def test_when_storage_throws_there_is_no_error_and_the_switch_still_works(served_example: ServedSite,
                                                                          page_at: Any) -> None:
    page = page_at(375)
    page.add_init_script(_STORAGE_THROWS)
    errors = watch_errors(page)
    page.goto(served_example.address("/"), wait_until="load")
    assert page.evaluate("() => { try { window.localStorage; return 'read'; } catch (e) { return e.name; } }") \
        == "SecurityError", "the init script makes storage throw"
    works_per_page(page)  # nothing could be kept: as without JavaScript
    assert errors == [], "reading-mode.js must never throw when storage is unavailable"


def test_screenshots_of_two_pages_in_a_row_in_the_mode(served_example: ServedSite, page_at: Any) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = page_at(375)
    page.goto(served_example.address("/"), wait_until="load")
    page.check(SWITCH)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(SCREENSHOTS / "reading-mode-1-home-375.png"))
    follow(page, "访谈")
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(SCREENSHOTS / "reading-mode-2-interviews-375.png"))
    assert state(page) == ("/interviews/", True, 1.3)


def test_in_the_mode_every_link_is_bold_and_underlined_as_the_accessibility_page_says(served_example: ServedSite,
                                                                                      page_at: Any) -> None:
    # The menu's links and the site title kept their own look (no underline) while the page said every link
    # is bold and underlined in this mode.
    page = page_at(375)
    page.goto(served_example.address("/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", True)
    looks = page.evaluate("""() => [...document.querySelectorAll('.page a')].filter(a => a.getClientRects().length
      && !a.classList.contains('skip-link')).map(a => { const s = getComputedStyle(a);
      return [a.textContent.trim(), s.textDecorationLine.includes('underline'), Number(s.fontWeight) >= 700]; })""")
    assert looks and [look for look in looks if not (look[1] and look[2])] == []
    # The skip link, before the switch and outside .page, kept its 18 px, normal weight and colour here.
    page.focus(".skip-link")
    skip = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
      const main = getComputedStyle(document.querySelector('.page'));
      return [document.activeElement.textContent, s.textDecorationLine.includes('underline'),
              Number(s.fontWeight) >= 700, parseFloat(s.fontSize) >= parseFloat(main.fontSize), s.color]; }""")
    assert skip == ["跳到正文", True, True, True, "rgb(0, 0, 179)"]
    page.evaluate("document.activeElement.blur()")
    page.set_checked("label[for=reading-mode]", False)  # remembered from page to page


_FOCUSED_BOX = """() => {
  const element = document.activeElement;
  const shown = element.id === "reading-mode" ? document.querySelector("label[for=reading-mode]") : element;
  const r = shown.getBoundingClientRect();
  return [element.id === "reading-mode" ? "switch" : (element.textContent || "").trim(), r.top, r.bottom, r.left];
}"""


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("mode", [False, True], ids=["normal", "reading-mode"])
def test_the_focus_moves_through_the_header_in_the_order_it_is_read(served_example: ServedSite, page_at: Any,
                                                                    width: int, mode: bool) -> None:
    # The switch's checkbox comes before the page, so it is the first Tab stop after the skip link. Its label
    # was shown after the site's title (to its right, or under it on a phone): the focus went to the switch,
    # then back up to the title. The switch is now shown above the title.
    page = page_at(width)
    page.goto(served_example.address("/"), wait_until="load")
    if mode:
        page.click(SWITCH)
        page.reload(wait_until="load")  # in the mode, as remembered, and Tab starts from the top again
        assert page.is_checked("#reading-mode")
    reached = []
    for _ in range(5):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(_FOCUSED_BOX))
    assert [name for name, *_ in reached] == ["跳到正文", "switch", "青浦大调研进度公开", "首页", "访谈"]
    header = reached[1:]
    for (before, _, bottom, left), (after, top, _, next_left) in zip(header, header[1:]):
        # Each stop is on a line below the one before, or on the same line further right.
        assert top >= bottom - 1 or next_left > left, (before, after)


_OVERLAP = """() => {
  const a = document.activeElement.getBoundingClientRect();
  const b = document.querySelector("label[for=reading-mode]").getBoundingClientRect();
  return [document.activeElement.textContent.trim(),
          Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
          * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))];
}"""


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("mode", [False, True], ids=["normal", "reading-mode"])
def test_the_focused_skip_link_covers_nothing_of_the_switch(served_example: ServedSite, page_at: Any,
                                                            width: int, mode: bool) -> None:
    # At 320 px in the reading mode the focused skip link, laid over the top left, covered half of the switch.
    page = page_at(width)
    page.goto(served_example.address("/interviews/"), wait_until="load")
    page.set_checked(SWITCH, mode)
    page.reload(wait_until="load")  # Tab starts from the top again
    page.keyboard.press("Tab")
    assert page.evaluate(_OVERLAP) == ["跳到正文", 0]


_LINES_OF = """selector => {
  const element = document.querySelector(selector), range = document.createRange(), lines = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const top = Math.round(rect.top);
      lines.set(top, (lines.get(top) || "") + node.data[i]);
    }
  }
  return [...lines.keys()].sort((a, b) => a - b).map(top => lines.get(top).trim());
}"""
"""The lines a selector's first element is shown on, as text (each character placed by its box)."""


def test_the_switch_breaks_only_between_its_two_parts(served_example: ServedSite, browser: Any) -> None:
    # With a large default font (24 px) and the mode on, the label was shown "大字号 · 高" / "对比度".
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(served_example.address("/"), wait_until="load")
        page.add_style_tag(content="html { font-size: 24px !important; }")
        assert page.evaluate(_LINES_OF, SWITCH) == ["大字号\u00a0· 高对比度"]
        page.click(SWITCH)
        assert page.evaluate(_LINES_OF, SWITCH) == ["大字号\u00a0·", "高对比度"]
    finally:
        context.close()


_DROP_FOCUS_VISIBLE = """() => {
  for (const sheet of document.styleSheets) {
    for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
      if ((sheet.cssRules[i].selectorText || "").includes(":focus-visible")) sheet.deleteRule(i);
    }
  }
}"""
"""Delete every style rule naming :focus-visible, as a browser that does not know it drops them."""

_SWITCH_OUTLINE = """() => {
  const style = getComputedStyle(document.querySelector("label[for=reading-mode]"));
  return `${style.outlineStyle} ${style.outlineWidth}`;
}"""


def test_the_switchs_focus_shows_in_a_browser_without_focus_visible(served_example: ServedSite,
                                                                    page_at: Any) -> None:
    # The checkbox is hidden: its focus is drawn on its label, by a rule naming :focus-visible only. Android's
    # WebView before Chrome 86 and UC Browser drop such a rule whole: Tab reached the switch and showed nothing.
    page = page_at(375)
    page.goto(served_example.address("/"), wait_until="load")
    page.evaluate(_DROP_FOCUS_VISIBLE)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "reading-mode"
    assert page.evaluate(_SWITCH_OUTLINE) == "solid 3px"
