"""Every kind of page in a real browser: screenshots at phone and desktop widths, axe-core, no JavaScript.

For each kind of page found in the built example (home, interview, lists,
series, unit, cases, tags, search, 404, and any new kind another module
adds), headless Chromium:

- saves a full-page screenshot at 375 and 1280 px to
  ``test-artifacts/screenshots/<kind>-<width>.png``;
- runs axe-core (bundled by the ``axe-playwright-python`` package), with
  WCAG 2.2's target-size rule turned on, with the reading mode off and (at
  375 px) on, and fails on any ``moderate``, ``serious`` or ``critical``
  violation, printing each one with the elements it concerns;
- with JavaScript off, still shows the page's heading and main content.

Imports: axe_playwright_python; the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import SCREENSHOTS, WIDTHS, ServedSite, serving

# Moderate too: the reading mode's checkbox sat outside every landmark (axe's "region", moderate) on every page.
BLOCKING_IMPACTS = ("moderate", "serious", "critical")
MISSING_PATH = "/no-such-page/"  # the 404 page is seen as a reader sees it: at an address that does not exist


def format_violations(kind: str, width: int, violations: list[dict[str, Any]]) -> str:
    """Describe axe violations for a failure message: rule, impact, help, and up to 5 elements each."""
    lines = [f"{kind} at {width} px:"]
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"      {target}\n        {node.get('html', '')[:160]}\n        {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"      … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


AXE_OPTIONS = {"rules": {"target-size": {"enabled": True}}, "resultTypes": ["violations"]}
"""axe-core's default rules, plus WCAG 2.2's 2.5.8 target size (24 × 24 px), which axe-core 4.12 leaves off."""


def blocking_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the loaded page; return the moderate, serious and critical violations."""
    results = Axe().run(page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def test_example_has_every_page_kind(page_types: dict[str, str]) -> None:
    print("\npage kinds: " + ", ".join(f"{kind} {path}" for kind, path in page_types.items()))
    assert page_types["interview"] == "/interviews/baihe-dadiaoyan-weifangtan/"


def test_screenshots_and_axe_on_every_page_kind(served_example: ServedSite, page_types: dict[str, str],
                                                page_at: Any) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    checked = []
    for width in WIDTHS:
        page = page_at(width)
        for kind, path in page_types.items():
            address = served_example.address(MISSING_PATH if kind == "404" else path)
            response = page.goto(address, wait_until="load")
            assert response is not None and response.status == (404 if kind == "404" else 200), address
            page.evaluate("document.fonts.ready")
            shot = SCREENSHOTS / f"{kind}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 5_000, f"{shot} looks empty"
            violations = blocking_violations(page)
            if violations:
                failures.append(format_violations(kind, width, violations))
            checked.append(f"{kind}-{width}")
            if width == WIDTHS[0]:
                # The reading mode changes every colour and size: checked too, on a phone where it is used.
                page.set_checked("label[for=reading-mode]", True)
                violations = blocking_violations(page)
                if violations:
                    failures.append(format_violations(f"{kind} in the reading mode", width, violations))
                page.set_checked("label[for=reading-mode]", False)
                checked.append(f"{kind}-{width}-reading-mode")
    print(f"\nscreenshots and axe-core: {len(checked)} pages: {', '.join(checked)}")
    assert not failures, "axe-core found moderate, serious or critical violations:\n" + "\n".join(failures)


def test_every_page_kind_shows_its_content_without_javascript(served_example: ServedSite,
                                                              page_types: dict[str, str],
                                                              page_at: Any) -> None:
    page = page_at(375, javascript=False)
    empty = []
    for kind, path in page_types.items():
        page.goto(served_example.address(path), wait_until="load")
        main = page.locator("main")
        heading = page.locator("main h1")
        if not (main.is_visible() and heading.is_visible() and len(main.inner_text().strip()) >= 10):
            empty.append(kind)
    assert not empty, f"pages without visible main content when JavaScript is off: {empty}"


_WIDEST = """() => {
  const width = window.innerWidth, found = [];
  for (const element of document.querySelectorAll("body *")) {
    if (element.parentElement.closest(".table-scroll")) continue;  // a wide table scrolls in its own box
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) found.push(`${element.tagName.toLowerCase()}.${element.className} `
      + `right ${Math.round(box.right)}: ${(element.textContent || "").trim().slice(0, 30)}`);
  }
  return {overflow: document.documentElement.scrollWidth - width, found: found.slice(-4)};
}"""


def test_every_page_kind_reflows_with_the_phones_large_text_and_the_reading_mode(served_example: ServedSite,
                                                                                page_types: dict[str, str],
                                                                                page_at: Any) -> None:
    # WCAG 1.4.10 and 1.4.4, and what the accessibility page promises: a phone's large-text setting
    # (Chromium's default font size, 32 px = 200%) and the site's own 大字号 switch never make the page
    # scroll sideways (only a wide table scrolls, in its own box). The download link, the dates of the
    # lists and the figure boxes went past 320-375 px screens.
    failures = []
    for width in (320, 360, 375):
        page = page_at(width)
        session = page.context.new_cdp_session(page)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})
        for kind, path in page_types.items():
            page.goto(served_example.address(path), wait_until="load")
            for mode in ("large text", "large text and reading mode"):
                # The mode is remembered from the last page (assets/reading-mode.js): set it either way.
                page.set_checked("label[for=reading-mode]", mode != "large text")
                measured = page.evaluate(_WIDEST)
                if measured["overflow"] > 0:
                    failures.append(f"{kind} at {width} px, {mode}: {measured['overflow']} px too wide; "
                                    + "; ".join(measured["found"]))
    assert not failures, "\n".join(failures)


def test_the_reading_mode_checkbox_sits_inside_its_label(served_example: ServedSite, page_types: dict[str, str],
                                                          page_at: Any) -> None:
    # The checkbox (visually hidden, before .page so CSS can follow it) sat at the page's top left corner, while
    # its label is at the header's right: a screen magnifier following the keyboard's focus showed the corner.
    failures = []
    for width in (320, 375, 1280, 1920):
        page = page_at(width)
        for kind in ("home", "dashboard", "interview"):
            page.goto(served_example.address(page_types[kind]), wait_until="load")
            for mode in (False, True):
                page.set_checked("label[for=reading-mode]", mode)
                box = page.locator("#reading-mode").bounding_box()
                label = page.locator("label[for=reading-mode]").bounding_box()
                assert box is not None and label is not None
                if not (label["x"] <= box["x"] and box["x"] + box["width"] <= label["x"] + label["width"]
                        and label["y"] <= box["y"] and box["y"] + box["height"] <= label["y"] + label["height"]):
                    failures.append(f"{kind} at {width} px, reading mode {mode}: checkbox {box}, label {label}")
    assert not failures, "\n".join(failures)


def test_every_page_kind_prints_within_an_a4_page(served_example: ServedSite, page_types: dict[str, str],
                                                 page_at: Any) -> None:
    # A printed page cannot scroll: the dashboard's table of nine columns ran 67 px past an A4 page
    # (769 px against 718 px between Chromium's default margins), so its last column was cut off.
    page = page_at(718)
    page.emulate_media(media="print")
    widths = {}
    for kind, path in page_types.items():
        page.goto(served_example.address(path), wait_until="load")
        widths[kind] = page.evaluate("document.documentElement.scrollWidth")
    assert {kind: width for kind, width in widths.items() if width > 718} == {}


def test_a_long_table_prints_on_from_the_text_with_its_total_once(served_example: ServedSite, page_at: Any) -> None:
    # Printed, the dashboard of 20 units began its table on a new page (page 1 held the title alone), and the
    # total row (合计) was printed under each page's rows, where it read as a subtotal: Chromium repeats a <tfoot>
    # on every page, and kept a table "break-inside: avoid" whole only by moving it, then split it all the same.
    page = page_at(718)
    page.emulate_media(media="print")
    page.goto(served_example.address("/dashboard/"), wait_until="load")
    styles = page.evaluate("""() => [...document.querySelectorAll('main table')].map(table => ({
        table: getComputedStyle(table).breakInside,
        rows: [...table.rows].map(row => getComputedStyle(row).breakInside),
        foot: table.tFoot ? getComputedStyle(table.tFoot).display : null}))""")
    assert styles and any(table["foot"] is not None for table in styles)
    assert all(table["table"] == "auto" and set(table["rows"]) == {"avoid"}
               and table["foot"] in (None, "table-row-group") for table in styles), styles


_LINES_OF = """selector => [...document.querySelectorAll(selector)].map(element => {
  const tops = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let at = 0; at < node.length; at++) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getClientRects()[0];
      if (!box || !node.data[at].trim()) continue;
      tops.set(Math.round(box.top), (tops.get(Math.round(box.top)) || "") + node.data[at]);
    }
  }
  return [...tops.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
})"""


@pytest.mark.parametrize("width", [320, 375])
def test_brackets_stay_with_their_words_and_a_units_name_is_never_broken(served_example: ServedSite, page_types:
                                                                         dict[str, str], page_at: Any,
                                                                         width: int) -> None:
    # "订阅全部访谈（Atom）（" / "如何订阅）": beside a link set as a block of its own a line ended at "（"; and a
    # unit's name after the publish time broke in two lines ("· 西" / "江镇").
    page = page_at(width)
    failures = []
    for path in ("/interviews/", page_types["interview"], page_types["unit"]):
        page.goto(served_example.address(path), wait_until="load")
        for mode in (False, True):
            page.set_checked("label[for=reading-mode]", mode)
            for lines in page.evaluate(_LINES_OF, ".feed-link, .dateline"):
                if any(line.endswith("（") or line.startswith("）") for line in lines):
                    failures.append(f"{path}, reading mode {mode}: {lines}")
                if any("白鹤镇" in "".join(lines) and "白鹤镇" not in line and line[-1:] in "白鹤" for line in lines):
                    failures.append(f"{path}, reading mode {mode}: the unit's name broken: {lines}")
    assert not failures, "\n".join(failures)


def test_search_page_without_javascript_explains_and_links_to_browsing(served_example: ServedSite,
                                                                       page_at: Any) -> None:
    page = page_at(375, javascript=False)
    page.goto(served_example.address("/search/"), wait_until="load")
    assert "需要浏览器开启 JavaScript" in page.locator("main").inner_text()
    links = {page.locator("main a").nth(i).get_attribute("href")
             for i in range(page.locator("main a").count())}
    for wanted in ("/tags/", "/interviews/", "/units/", "/cases/"):
        assert wanted in links, f"the search page's fallback has no link to {wanted}: {sorted(links)}"
    if (served_example.output / "archive" / "index.html").is_file():
        assert "/archive/" in links
    assert page.locator(".pagefind-ui").count() == 0


def test_pictures_keep_their_place_while_they_load(served_example: ServedSite, page_at: Any) -> None:
    # On a slow phone connection the text must not jump when a picture arrives (layout shift): each
    # <img> carries the file's size, so the box has the picture's shape (1200 x 675) before any byte
    # of it. The pictures' requests are held, never answered, while the boxes are measured.
    page = page_at(375)
    held: list[Any] = []
    page.route("**/*.svg", lambda route: held.append(route))
    page.goto(served_example.address("/interviews/baihe-dadiaoyan-weifangtan/"), wait_until="domcontentloaded")
    boxes = page.eval_on_selector_all(
        "figure img", "images => images.map(i => [i.getBoundingClientRect().width,"
                      " i.getBoundingClientRect().height, i.naturalWidth])")
    for route in held:
        route.abort()
    assert len(boxes) == 3
    for width, height, natural_width in boxes:
        assert natural_width == 0  # not loaded
        assert width > 300 and abs(height - width * 675 / 1200) < 1.5


def test_a_picture_and_code_in_the_text_fit_a_phone_and_the_picture_keeps_its_place(
        tmp_path: Path, page_at: Any) -> None:
    # A picture written in the text, 1200 px wide, and a long line of code spilled out of a 375 px
    # screen (the reader had to scroll sideways: WCAG 1.4.10 reflow); the picture also took no room
    # until it arrived.
    picture = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675"/></svg>'
    body = ("## 问题一\n\n回答。\n\n![草莓田](images/field.svg)\n\n后面的文字。\n\n"
            "```\n" + "很长的一行代码" * 40 + "\n```\n\n    首行缩进四个空格的段落" + "，文字" * 40 + "。\n")
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(body=body),
                                          "content/images/field.svg": picture})
    build(BuildOptions(root=root, search=False))
    page = page_at(375)
    held: list[Any] = []
    page.route("**/*.svg", lambda route: held.append(route))
    with serving(root) as served:
        page.goto(served.address("/interviews/a/"), wait_until="domcontentloaded")
        box = page.eval_on_selector(".body img", "i => [i.getBoundingClientRect().width,"
                                                 " i.getBoundingClientRect().height, i.naturalWidth]")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        for route in held:
            route.abort()
    width, height, natural_width = box
    assert natural_width == 0  # not loaded
    assert 300 < width <= 375 and abs(height - width * 675 / 1200) < 1.5
    assert overflow <= 0


def test_a_wide_tables_row_names_stay_in_view_while_it_scrolls_on_a_phone(served_example: ServedSite,
                                                                          page_at: Any) -> None:
    # At 375 px the dashboard's table is about 900 px wide: swiping to its figures took the unit's
    # name out of view, and its first column was 164 px wide for "合计（1 个单位）".
    page = page_at(375)
    page.goto(served_example.address("/dashboard/"), wait_until="load")
    scroller = page.locator(".table-scroll").first
    scroller.scroll_into_view_if_needed()
    start = scroller.evaluate("e => e.getBoundingClientRect().left")
    assert scroller.evaluate("e => e.scrollWidth - e.clientWidth") > 300
    scroller.evaluate("e => { e.scrollLeft = 300; }")
    names = page.eval_on_selector_all(".table-scroll table.dashboard th[scope=row]",
                                      "cells => cells.map(c => [c.getBoundingClientRect().left, c.getBoundingClientRect().width])")
    assert names and all(abs(left - start) < 1 and width < 100 for left, width in names)
    # In the reading mode (larger text) the short name still stands on one line: it broke after each
    # character when the column could shrink to one.
    page.click("label.mode-toggle")
    assert page.eval_on_selector("table.dashboard tbody th[scope=row] a", "a => a.getClientRects().length") == 1


def test_a_long_row_name_wraps_and_a_table_in_the_text_has_no_sticky_cell(tmp_path: Path, page_at: Any) -> None:
    # A unit named in 20 characters made the sticky column 397 px wide in a 348 px box: no figure could
    # be seen. A table in an interview's text had its first header cell stuck over the other columns.
    long_name = "青浦区人民政府办公室（区大调研工作办公室）"
    unit = ("name: " + long_name + "\nlevel: town\ntallies:\n  - as_of: 2018-05-10\n    collected: 123456\n"
            "    escalated: 3456\n    resolved: 100000\n    in_progress: 20000\n")
    table = "| 单位 | " + " | ".join(f"列{n}" for n in range(8)) + " |\n|" + "---|" * 9 + "\n| 白鹤镇 |" + \
        " 123456 |" * 8 + "\n"
    root = write_site(tmp_path / "site", {"content/units/ban-gong-shi.yaml": unit,
                                          "content/interviews/a.md": interview(body="## 问题\n\n" + table)})
    build(BuildOptions(root=root, search=False))
    page = page_at(375)
    with serving(root) as served:
        page.goto(served.address("/dashboard/"), wait_until="load")
        box = page.eval_on_selector(".table-scroll", "e => e.getBoundingClientRect().width")
        widths = page.eval_on_selector_all("table.dashboard th[scope=row]",
                                           "cells => cells.map(c => c.getBoundingClientRect().width)")
        page.goto(served.address("/interviews/a/"), wait_until="load")
        positions = page.eval_on_selector_all(".body .table-scroll th, .body .table-scroll td",
                                              "cells => cells.map(c => getComputedStyle(c).position)")
    assert widths and max(widths) <= box * 0.4
    assert positions and set(positions) == {"static"}


def test_a_value_written_over_several_lines_keeps_its_line_breaks(tmp_path: Path, page_at: Any) -> None:
    # "problem: |" over two lines was shown as one line with a space where the editor broke it.
    case = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: |\n  第一行问题描述。\n"
            "  第二行继续说明。\nactions:\n  - |\n    走访农户；\n    研究对策\noutcome: 一行成效。\n"
            "date: 2018-05-03\n---\n\n正文。\n")
    root = write_site(tmp_path / "site", {"content/cases/caomei.md": case})
    build(BuildOptions(root=root, search=False))
    page = page_at(1280)
    with serving(root) as served:
        page.goto(served.address("/cases/caomei/"), wait_until="load")
        shown = page.eval_on_selector_all(".case-facts dd", "cells => cells.map(c => c.innerText.trim())")
    assert shown == ["第一行问题描述。\n第二行继续说明。", "走访农户；\n研究对策", "一行成效。"]


def test_a_districts_five_digit_total_stays_inside_its_box_with_a_phones_large_text(tmp_path: Path,
                                                                                 page_at: Any) -> None:
    # 20 units of a 200-page site add up to 11989 issue lists. On a 320 px phone with its large-text
    # setting (32 px) and the reading mode, "11989" ran 35 px past its box and across the panel's border
    # (the page itself did not scroll, so the reflow test did not see it); a park's 6-digit count did the
    # same with the phone's large text alone.
    office = ("name: 青浦区人民政府办公室\nlevel: committee\ntallies:\n  - as_of: 2018-05-10\n    collected: 11693\n"
              "    escalated: 1204\n    resolved: 4359\n    in_progress: 6130\n")
    park = ("name: 青浦工业园区\nlevel: park\ntallies:\n  - as_of: 2018-05-10\n    batches: 318\n    collected: 123456\n"
            "    escalated: 3456\n    resolved: 100000\n    in_progress: 20000\n")
    sites = {"district": ({"content/units/ban-gong-shi.yaml": office}, ("/", "/units/ban-gong-shi/"), "11989"),
             "park": ({"content/units/yuan-qu.yaml": park}, ("/units/yuan-qu/",), "123456")}
    failures = []
    for name, (files, paths, shown) in sites.items():
        root = write_site(tmp_path / name, {**files, "content/interviews/a.md": interview()})
        build(BuildOptions(root=root, search=False))
        assert shown in (root / "output" / paths[0].strip("/") / "index.html").read_text(encoding="utf-8")
        with serving(root) as served:
            for width in (320, 375):
                page = page_at(width)
                session = page.context.new_cdp_session(page)
                session.send("Page.enable")
                session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})
                for path in paths:
                    page.goto(served.address(path), wait_until="load")
                    for mode in ("large text", "large text and reading mode"):
                        # Remembered from the last page (assets/reading-mode.js): set it either way.
                        page.set_checked("label[for=reading-mode]", mode != "large text")
                        found = page.eval_on_selector_all(".figure .num", _FIGURE_FIT)
                        assert found, path
                        failures += [f"{path} at {width} px, {mode}: {text} goes {past} px past its box,"
                                     f" {lines} line(s), {size} px" for text, past, lines, size in found
                                     if past > 0 or lines != 1 or size < 32]
    assert not failures, "\n".join(failures)


_FIGURE_FIT = """numbers => numbers.map(n => {
  const box = n.closest('.figure'), inner = box.getBoundingClientRect().right - box.clientLeft;
  return [n.textContent, Math.round(n.getBoundingClientRect().right - inner), n.getClientRects().length,
          parseFloat(getComputedStyle(n).fontSize)];
})"""


def test_a_case_studys_status_badge_holds_only_its_status(served_example: ServedSite, page_at: Any) -> None:
    # In the lists the " · " between the unit's name and the status was drawn inside the status's box,
    # which read "· 推进中" on every case study of the unit page, the case list and the tags.
    page = page_at(375)
    for path in ("/cases/", "/units/baihe/"):
        page.goto(served_example.address(path), wait_until="load")
        badges = page.eval_on_selector_all(".entry-meta .status", """badges => badges.map(b => [b.innerText,
            getComputedStyle(b, '::before').content + getComputedStyle(b, '::after').content,
            getComputedStyle(b.parentElement, '::after').content])""")
        assert badges, path
        assert all(text in ("计划中", "推进中", "已解决") and inside == "nonenone" and after == '"\xa0·"'
                   for text, inside, after in badges), (path, badges)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_archives_titles_read_down_one_edge(served_example: ServedSite, page_at: Any, width: int) -> None:
    # On a phone the second line of a title wrapped back under the date and the kind (做大做强白鹤草 / 莓 under
    # 5月3日), and the titles began at two places, so one entry's end was hard to tell from the next one's start.
    page = page_at(width)
    page.goto(served_example.address("/archive/"), wait_until="load")
    lines = page.eval_on_selector_all(".archive-list li > a", """links => links.map(link =>
        [...link.getClientRects()].map(line => Math.round(line.left)))""")
    dates = page.eval_on_selector_all(".archive-list time", "dates => dates.map(d => d.getBoundingClientRect().left)")
    assert len(lines) == 3 and len({left for link in lines for left in link}) == 1, lines
    # A phone gives a title a line of its own, under its date; a wide screen a column beside it.
    assert (lines[0][0] == round(dates[0])) == (width == 360), (lines, dates)


_SEPARATORS_AT_LINE_START = """() => {
  const found = [];
  for (const part of document.querySelectorAll('.entry-meta > *')) {
    const before = getComputedStyle(part, '::before').content;
    if (before !== 'none') found.push(`${part.textContent}: a separator before it (${before})`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = node.data.indexOf('·'); i >= 0; i = node.data.indexOf('·', i + 1)) {
      const dot = document.createRange(), previous = document.createRange();
      dot.setStart(node, i); dot.setEnd(node, i + 1);
      if (i === 0) { previous.setStartBefore(node); previous.setEndBefore(node); }
      else { previous.setStart(node, i - 1); previous.setEnd(node, i); }
      const a = dot.getClientRects()[0], b = previous.getBoundingClientRect();
      if (a && a.width && (i === 0 || node.data[i - 1] !== '\u00a0' || Math.abs(a.top - b.top) > 2))
        found.push(`"${node.parentElement.textContent.trim().slice(0, 40)}": "·" not held to the text before it`);
      // What comes before the no-break space (a date's or a badge's box, a link) must end on the dot's line:
      // a line may break before a box even when a no-break space follows it.
      const block = node.parentElement.closest('p, li, dd, dt, div, h1, h2, h3, td, th, figcaption, label');
      const ahead = document.createRange();
      ahead.setStart(block, 0); ahead.setEnd(node, Math.max(0, i - 1));
      const lines = [...ahead.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      const last = lines[lines.length - 1];
      if (a && a.width && last && last.bottom <= a.top + 1)
        found.push(`"${node.parentElement.textContent.trim().slice(0, 40)}": "·" begins a line`);
    }
  }
  return found;
}"""


def test_a_middle_dot_between_two_parts_never_begins_a_line(served_example: ServedSite, page_types: dict[str, str],
                                                             page_at: Any) -> None:
    # At 375 px the date in a list or under an interview's title moved to the next line with its
    # " · " in front ("· 2018-05-03 10:00"). A separator is now the end of the part before it, held
    # by a no-break space: in the lists drawn after that part, in the text written as "&nbsp;· ".
    # Checked at phone widths in the reading mode, where the larger text makes the lines wrap.
    page = page_at(320)
    failures = []
    for path in page_types.values():
        page.goto(served_example.address(path), wait_until="load")
        page.check("label[for=reading-mode]")
        for width in (320, 360, 375, 414):
            page.set_viewport_size({"width": width, "height": 800})
            failures += [f"{path} at {width} px: {problem}" for problem in page.evaluate(_SEPARATORS_AT_LINE_START)]
    assert not failures, "\n".join(sorted(set(failures)))



def _lines_with_the_text_enlarged(served: ServedSite, page_at: Any, width: int, font_px: int,
                                  paths: tuple[str, ...], selector: str) -> list[tuple[str, list[str]]]:
    """The lines of text of each element ``selector`` finds on each page, with the browser's text at ``font_px``.

    Returns ``[(path, [line, …]), …]`` in page order, the reading mode off.
    """
    page = page_at(width)
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": font_px}})  # the browser's text size setting
    found = []
    for path in paths:
        page.goto(served.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", False)
        found += [(path, lines) for lines in page.evaluate(_LINES_OF, selector)]
    return found


@pytest.mark.parametrize(("width", "font_px"), [(320, 32), (375, 32), (320, 24)])
def test_with_the_browsers_text_enlarged_no_line_of_a_dateline_is_a_middle_dot_alone(
        served_example: ServedSite, page_types: dict[str, str], page_at: Any, width: int, font_px: int) -> None:
    # At 320 px with the browser's text at 200 % the interview's "发布时间：2018-05-03 10:00 · 白鹤镇" read
    # "2018-05-03" / "10:00" / "·" / "白鹤镇": the date and its time, an inline block narrower than
    # themselves, filled their lines and left the "·" held after them a line of its own.
    paths = (page_types["interview"], page_types["case"], page_types["unit"], "/interviews/")
    found = _lines_with_the_text_enlarged(served_example, page_at, width, font_px, paths, ".dateline, .entry-meta")
    assert found
    failures = [f"{path}: {lines}" for path, lines in found if any(line.startswith("·") for line in lines)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("width", "font_px"), [(320, 32), (375, 32), (320, 24)])
def test_with_the_browsers_text_enlarged_a_chinese_date_breaks_after_its_year_only(
        served_example: ServedSite, page_types: dict[str, str], page_at: Any, width: int, font_px: int) -> None:
    # At 320 px with the browser's text at 200 % "截至 2018年4月26日" above the unit's figures and the home
    # page's sums read "2018年4月26" / "日": a line may break between a digit and a Chinese character.
    paths = ("/", page_types["unit"], page_types["interview"], page_types["case"])
    dates = [(path, lines) for path, lines in _lines_with_the_text_enlarged(
        served_example, page_at, width, font_px, paths, "main time")
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", "".join(lines))]
    assert len(dates) >= 5, dates  # the home page's sums, the "截至" lines and the events of the unit and its entries
    failures = [f"{path}: {lines}" for path, lines in dates
                if len(lines) > 2 or (len(lines) == 2 and not lines[0].endswith("年"))]
    assert not failures, "\n".join(failures)


_CAPTIONS_OUT_OF_VIEW = """() => [...document.querySelectorAll('.table-scroll caption')].flatMap(caption => {
  const box = caption.closest('.table-scroll').getBoundingClientRect(), text = document.createRange();
  text.selectNodeContents(caption);
  const lines = [...text.getClientRects()];
  const out = Math.max(...lines.map(r => Math.max(r.right - box.right, box.left - r.left)));
  return out > 1 ? [`${caption.textContent}: ${Math.round(out)} px out of view`] : [];
})"""


def test_a_wide_tables_caption_stays_in_view_on_a_phone(served_example: ServedSite, page_at: Any) -> None:
    # The caption of a wide table is its title. At 320 px "白鹤镇问题清单办理情况（按统计日期）" ran 31 px
    # past the visible part of the table (382 px with the phone's large text), and out of view when
    # the reader swiped the figures into view: it was as wide as the whole table.
    failures = []
    for font in (16, 32):
        page = page_at(320)
        session = page.context.new_cdp_session(page)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
        for path in ("/units/baihe/", "/dashboard/", "/"):
            page.goto(served_example.address(path), wait_until="load")
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
            for scrolled in (0, 400):
                page.evaluate(f"() => document.querySelectorAll('.table-scroll').forEach(e => {{ e.scrollLeft = {scrolled}; }})")
                failures += [f"{path}, {font} px text, table scrolled {scrolled} px: {out}"
                             for out in page.evaluate(_CAPTIONS_OUT_OF_VIEW)]
    assert not failures, "\n".join(failures)


_SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, summary, label')].flatMap(target => {
  const box = target.getBoundingClientRect();
  if (box.width === 0 || target.classList.contains('skip-link')) return [];
  const alone = (target.parentElement.textContent || '').trim() === (target.textContent || '').trim();
  return alone && (box.width < 24 || box.height < 24)
    ? [`${target.textContent.trim()} (in ${target.parentElement.tagName.toLowerCase()}): `
       + `${Math.round(box.width)} x ${Math.round(box.height)}`] : [];
})"""


def test_every_link_that_stands_alone_is_at_least_24_px_square(served_example: ServedSite, page_types: dict[str, str],
                                                                page_at: Any, tmp_path: Path) -> None:
    # The accessibility page promises links of at least 24 x 24 px where they stand alone (WCAG 2.2, 2.5.8, a link
    # inside a sentence aside, as it says). A unit's name heading its row in the tables (白鹤镇, 54 x 21) and the tally
    # panel's "查看白鹤镇全部进展" (162 x 21) were smaller.
    failures = []
    for width in (375, 1280):
        page = page_at(width)
        for kind, path in page_types.items():
            page.goto(served_example.address(path), wait_until="load")
            failures += [f"{kind} at {width} px: {small}" for small in page.evaluate(_SMALL_TARGETS)]
    # With more than five interviews the home page links to all of them under the newest (21 px high).
    root = write_site(tmp_path / "site", {f"content/interviews/{n}.md": interview(f"访谈{n}", date=f"2018-05-0{n} 10:00")
                                          for n in range(1, 7)})
    build(BuildOptions(root=root, search=False))
    with serving(root) as served:
        page = page_at(375)
        page.goto(served.address("/"), wait_until="load")
        assert page.get_by_role("link", name="全部访谈").count() == 1
        failures += [f"home of six interviews: {small}" for small in page.evaluate(_SMALL_TARGETS)]
    assert not failures, "\n".join(failures)


def test_a_long_latin_word_in_a_tag_title_or_name_never_widens_a_phones_page(tmp_path: Path, page_at: Any) -> None:
    # A tag written as a web address ("www.shqp.gov.cn/dadiaoyan2018") stood on one line 276 px past a
    # 320 px screen: on the interview (标签：…), the tag list, and, in the neighbours' links, the next
    # interview's page. Tags, titles and names are typed by editors; none may widen the page.
    word = "www.shqp.gov.cn/dadiaoyan2018"
    series = f"title: 大调研微访谈{word}\nblurb: 各镇负责人谈大调研。\npublisher: 区大调研办公室\n"
    unit = "name: 白鹤镇" + word + "\nlevel: town\ntallies:\n  - as_of: 2018-04-26\n    collected: 296\n" \
           "    escalated: 143\n    resolved: 103\n    in_progress: 50\n"
    root = write_site(tmp_path / "site", {
        "content/series/dadiaoyan.yaml": series, "content/units/baihe.yaml": unit,
        "content/interviews/a.md": interview(f"访谈{word}", extra=f"tags: [{word}]\n"),
        "content/interviews/b.md": interview("第二篇访谈", date="2018-05-04 10:00", extra=f"tags: [{word}]\n")})
    build(BuildOptions(root=root, search=False))
    tag = next(path.parent.name for path in (root / "output/tags").glob("*/index.html"))
    failures = []
    with serving(root) as served:
        for font in (16, 32):
            page = page_at(320)
            session = page.context.new_cdp_session(page)
            session.send("Page.enable")
            session.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
            for path in ("/interviews/a/", "/interviews/b/", "/tags/", f"/tags/{tag}/", "/units/", "/dashboard/",
                         "/units/baihe/", "/series/dadiaoyan/", "/"):
                page.goto(served.address(path), wait_until="load")
                measured = page.evaluate(_WIDEST)
                if measured["overflow"] > 0:
                    failures.append(f"{path}, {font} px text: {measured['overflow']} px too wide; "
                                    + "; ".join(measured["found"]))
    assert not failures, "\n".join(failures)


# Each date of a table (its <time>), as the lines it is laid out in (its characters grouped by their tops).
_TABLE_DATE_LINES = """() => [...document.querySelectorAll('table.data time')].filter(t => t.getClientRects().length).map(time => {
  const walker = document.createTreeWalker(time, NodeFilter.SHOW_TEXT), range = document.createRange(), lines = [];
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (top === null || box.top > top + 4) { lines.push(""); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  return lines;
})"""


def test_a_date_in_a_table_breaks_after_its_year_only(served_example: ServedSite, page_at: Any) -> None:
    # The unit page's table of tallies showed its row's date as "2018-" over "04-26" at 375 px: the
    # row names' column is narrow and may break a long word, and the date was plain text there. A table
    # now shows 2018年4月26日, as the text does: on one line, or where the box is narrow (大字号 at
    # 320 px) as "2018年" / "4月26日", never "2018年4月26" / "日".
    failures, seen = [], 0
    for width, mode in ((320, "normal"), (375, "normal"), (320, "reading mode"), (375, "reading mode")):
        page = page_at(width)
        for path in ("/units/baihe/", "/dashboard/", "/cases/baihe-caomei/"):
            page.goto(served_example.address(path), wait_until="load")
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
            # Remembered from the last page (assets/reading-mode.js): set it either way.
            page.set_checked("label[for=reading-mode]", mode == "reading mode")
            for lines in page.evaluate(_TABLE_DATE_LINES):
                seen += 1
                if not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", "".join(lines)) or len(lines) > 2 or (
                        len(lines) == 2 and not lines[0].endswith("年")):
                    failures.append(f"{path} at {width} px, {mode}: {' / '.join(lines)}")
    assert seen >= 12, seen
    assert not failures, "\n".join(failures)


# The first character of each line a sum is laid out in (its characters grouped by the top of their boxes).
_SUM_LINE_STARTS = """() => [...document.querySelectorAll('.arithmetic')].filter(e => e.getClientRects().length).map(sum => {
  const walker = document.createTreeWalker(sum, NodeFilter.SHOW_TEXT), starts = [], range = document.createRange();
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    for (let i = 0; i < node.data.length; i++) {
      if (node.data[i] === ' ') continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (top === null || box.top > top + 4) { starts.push(node.data[i]); top = box.top; }
    }
  return starts.join('');
})"""


@pytest.mark.parametrize(("width", "font", "reading"), [(375, 16, True), (320, 16, True), (360, 16, False),
                                                         (320, 32, False), (375, 24, False)])
def test_a_sum_breaks_between_its_terms_with_no_line_starting_with_an_operator(
        served_example: ServedSite, page_at: Any, width: int, font: int, reading: bool) -> None:
    # In the reading mode at 375 px the sum of a tally broke as "…已解决 103" / "+ 办理中 50 = 收集 296" / "（份）".
    page = page_at(width)
    page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
    for path in ("/", "/units/baihe/", "/dashboard/", "/interviews/baihe-dadiaoyan-weifangtan/"):
        page.goto(served_example.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", reading)
        starts = page.evaluate(_SUM_LINE_STARTS)
        assert starts and not any(set(line) & set("+=（，") for line in starts), (path, starts)
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), path


_DROP_FLEX_GAP = """() => {
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule.style && rule.style.display && rule.style.display.includes("flex")) {
        for (const name of ["gap", "row-gap", "column-gap"]) rule.style.removeProperty(name);
      }
    }
  }
}"""
"""Remove gap from every flex container's rule, as a browser without gap in flexbox ignores it."""

_LINK_SPACES = """selector => {
  const links = [...document.querySelectorAll(selector)].map(a => a.getBoundingClientRect()), spaces = [];
  for (let i = 1; i < links.length; i++) {
    if (Math.abs(links[i].top - links[i - 1].top) < 1) spaces.push(Math.round(links[i].left - links[i - 1].right));
  }
  return spaces;
}"""
"""The space in px between each link and the one before it on the same line."""


@pytest.mark.parametrize("width", [375, 1280])
def test_rows_of_links_stay_apart_in_a_browser_without_gap_in_flexbox(served_example: ServedSite, page_at: Any,
                                                                        width: int) -> None:
    # Browsers before Chrome 84 (older WeChat, QQ and UC browsers) know no gap in a flex container: the
    # footer's links ran together into one underlined line, "关于数据开放数据下载订阅更新按月归档标签".
    page = page_at(width)
    rows = {"/": ("footer .footer-links a", ".nav a"), "/tags/": (".term-list a",)}
    spaces = {}
    for path, selectors in rows.items():
        page.goto(served_example.address(path), wait_until="load")
        page.evaluate(_DROP_FLEX_GAP)
        for selector in selectors:
            spaces[selector] = page.evaluate(_LINK_SPACES, selector)
    assert all(spaces.values()), spaces  # each row has links side by side to measure
    # At least the margins: 1.25em of the footer's 17 px text, the menu's 0.25em (its links have their own padding).
    least = {"footer .footer-links a": 20, ".nav a": 4, ".term-list a": 20}
    assert {selector: found for selector, found in spaces.items() if min(found) < least[selector]} == {}


@pytest.mark.parametrize(("width", "font_px"), [(320, 32), (375, 32), (320, 24)])
def test_with_the_browsers_text_enlarged_a_reading_time_keeps_each_figure_with_its_unit(
        served_example: ServedSite, page_types: dict[str, str], page_at: Any, width: int, font_px: int) -> None:
    # At 320 px with the browser's text at 200 % "本篇文章1172字，读完约3分钟" read "本篇文章1172" / "字，读完约3分" /
    # "钟": a line may break between a digit and a Chinese character, and between any two Chinese characters.
    found = _lines_with_the_text_enlarged(served_example, page_at, width, font_px, (page_types["interview"],),
                                          ".reading")
    assert len(found) == 1, found
    failures = []
    for path, lines in found:
        words, minutes = re.fullmatch(r"本篇文章(\d+)字，读完约(\d+)分钟", "".join(lines)).groups()
        for phrase in (f"{words}字", f"约{minutes}分钟"):
            if not any(phrase in line for line in lines):
                failures.append(f"{path}: {phrase} broken: {lines}")
    assert not failures, "\n".join(failures)
