"""A box that scrolls sideways is a Tab stop only while it has something to scroll.

The theme's scrolling boxes, the tables' ``.table-scroll`` and the large
chart's ``.chart-large-box`` (partials/chart.html), come with
``tabindex="0"`` so that a keyboard can reach them and scroll them with the
arrow keys (WCAG 2.1.1; axe-core's scrollable-region-focusable). Without
JavaScript they keep it: the safe default. With it, ``assets/reading-mode.js``
takes a box whose content fits out of the Tab order (its ``tabindex`` is
removed) and puts it back whenever the content no longer fits: a narrower
window, the 大字号 reading mode, the large chart shown in place of the normal
one. On the Baihe unit page (two charts, each with its table):

- at 1280 px both tables fit, in either mode: no box is a Tab stop;
- at 320 and 375 px the table of issue lists (eight columns) is wider than the
  screen and is a Tab stop; the target table fits and is not;
- the large chart fits a 320 px screen (288 of 293 px) and is hidden at
  375 px; in the reading mode its least width is 16em (384 px), wider than
  either screen, so switching the mode on makes both large charts Tab stops.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ServedSite

UNIT = "/units/baihe/"
SWITCH = "label[for=reading-mode]"
BOXES = ".table-scroll, .chart-large-box"
ISSUES_TABLE = "白鹤镇问题清单办理情况（按统计日期）"
TARGETS_TABLE = "白鹤镇调研覆盖目标"
ISSUES_CHART = "图表：白鹤镇问题清单办理情况（按统计日期）"
TARGETS_CHART = "图表：白鹤镇调研覆盖目标"
PAGES_WITH_BOXES = ("/", "/units/", UNIT, "/dashboard/", "/about-data/")

_SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once a frame has been laid out and its ResizeObserver callbacks have run."""

_BOXES = f"""() => [...document.querySelectorAll({BOXES!r})].map(box =>
  [box.getAttribute("aria-label") || box.getAttribute("aria-labelledby"), box.getAttribute("tabindex")])"""

def settle(page: Any) -> None:
    """Wait for the next frame, after which the script has seen every change of size."""
    page.evaluate(_SETTLED)


def tab_stops(page: Any, presses: int = 80) -> list[str]:
    """Press Tab from the top of the page until the focus comes round: what each press reached.

    A scrolling box is named ``box: <its label>``, any other element by its tag and text.
    """
    page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
    reached: list[str] = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        name = page.evaluate(f"""() => {{
          const element = document.activeElement;
          if (element === document.body || element.dataset.reached) return null;
          element.dataset.reached = "yes";
          if (element.matches({BOXES!r})) return "box: " + element.getAttribute("aria-label");
          return element.tagName.toLowerCase() + ": " + (element.textContent || "").trim().slice(0, 20);
        }}""")
        if name is None:
            break
        reached.append(name)
    page.evaluate("document.querySelectorAll('[data-reached]').forEach(e => delete e.dataset.reached)")
    return reached


def boxes_reached(page: Any) -> list[str]:
    """The scrolling boxes that Tab reaches, in order."""
    return [name.removeprefix("box: ") for name in tab_stops(page) if name.startswith("box: ")]


def open_unit(served: ServedSite, page_at: Any, width: int, mode: bool = False) -> Any:
    page = page_at(width)
    page.goto(served.address(UNIT), wait_until="load")
    page.set_checked(SWITCH, mode)  # remembered from the last page (assets/reading-mode.js): set it either way
    settle(page)
    return page


def test_at_1280_px_the_tables_that_fit_are_not_tab_stops(served_example: ServedSite, page_at: Any) -> None:
    page = open_unit(served_example, page_at, 1280)
    assert page.evaluate(_BOXES) == [[ISSUES_CHART, None], [ISSUES_TABLE, None],
                                     [TARGETS_CHART, None], [TARGETS_TABLE, None]]
    reached = tab_stops(page)
    assert boxes_reached(page) == []
    # Tab goes over them, and reaches everything else the page without JavaScript reaches.
    plain = page_at(1280, javascript=False)
    plain.goto(served_example.address(UNIT), wait_until="load")
    assert reached == [name for name in tab_stops(plain) if not name.startswith("box: ")]
    assert boxes_reached(plain) == [ISSUES_TABLE, TARGETS_TABLE]


def test_at_1280_px_in_the_reading_mode_nothing_scrolls_and_no_box_is_a_tab_stop(served_example: ServedSite,
                                                                               page_at: Any) -> None:
    page = open_unit(served_example, page_at, 1280, mode=True)
    assert page.evaluate(_BOXES) == [[ISSUES_CHART, None], [ISSUES_TABLE, None],
                                     [TARGETS_CHART, None], [TARGETS_TABLE, None]]
    assert boxes_reached(page) == []


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_the_wide_table_is_a_tab_stop_and_scrolls_with_the_arrow_keys(served_example: ServedSite,
                                                                                 page_at: Any, width: int) -> None:
    page = open_unit(served_example, page_at, width)
    assert page.evaluate(_BOXES) == [[ISSUES_CHART, None], [ISSUES_TABLE, "0"],
                                     [TARGETS_CHART, None], [TARGETS_TABLE, None]]
    assert boxes_reached(page) == [ISSUES_TABLE]
    table = page.get_by_role("region", name=ISSUES_TABLE, exact=True)
    table.focus()
    assert table.evaluate("box => box.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=table.element_handle())
    for _ in range(15):  # 40 px a press: past the end of the table (170 to 225 px more than the screen)
        page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft >= box.scrollWidth - box.clientWidth - 1",
                           arg=table.element_handle())


@pytest.mark.parametrize("width", [320, 375])
def test_switching_the_reading_mode_on_a_phone_makes_the_wider_chart_a_tab_stop(served_example: ServedSite,
                                                                                page_at: Any, width: int) -> None:
    # At 320 px the large chart is shown either way and only its content grows (288 → 384 px, in a
    # 293 px box); at 375 px it is hidden until the mode shows it in place of the normal one.
    page = open_unit(served_example, page_at, width)
    assert boxes_reached(page) == [ISSUES_TABLE]
    page.set_checked(SWITCH, True)
    settle(page)
    assert page.evaluate(_BOXES) == [[ISSUES_CHART, "0"], [ISSUES_TABLE, "0"],
                                     [TARGETS_CHART, "0"], [TARGETS_TABLE, None]]
    assert boxes_reached(page) == [ISSUES_CHART, ISSUES_TABLE, TARGETS_CHART]
    chart = page.get_by_role("region", name=ISSUES_CHART, exact=True)
    chart.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=chart.element_handle())
    page.set_checked(SWITCH, False)
    settle(page)
    assert boxes_reached(page) == [ISSUES_TABLE], "the mode switched off, the chart fits again"


def test_a_box_follows_the_width_of_the_window(served_example: ServedSite, page_at: Any) -> None:
    page = open_unit(served_example, page_at, 1280)
    page.set_viewport_size({"width": 320, "height": 800})
    settle(page)
    assert boxes_reached(page) == [ISSUES_TABLE]
    page.set_viewport_size({"width": 1280, "height": 800})
    settle(page)
    assert boxes_reached(page) == []


def test_the_box_that_has_the_focus_keeps_it_until_the_reader_moves_on(served_example: ServedSite,
                                                                       page_at: Any) -> None:
    page = open_unit(served_example, page_at, 320)
    table = page.get_by_role("region", name=ISSUES_TABLE, exact=True)
    table.focus()
    page.set_viewport_size({"width": 1280, "height": 800})
    settle(page)
    assert table.evaluate("box => [document.activeElement === box, box.getAttribute('tabindex')]") == [True, "0"]
    page.keyboard.press("Tab")
    settle(page)
    assert table.evaluate("box => [document.activeElement === box, box.getAttribute('tabindex')]") == [False, None]


def test_without_javascript_every_box_keeps_tabindex_0(served_example: ServedSite, page_at: Any) -> None:
    for width in (320, 1280):
        page = page_at(width, javascript=False)
        for path in PAGES_WITH_BOXES:
            page.goto(served_example.address(path), wait_until="load")
            boxes = page.evaluate(_BOXES)
            assert boxes and all(tabindex == "0" for _, tabindex in boxes), (path, width, boxes)


def test_a_browser_without_resize_observer_keeps_every_box_a_tab_stop(served_example: ServedSite,
                                                                     page_at: Any) -> None:
    page = page_at(1280)
    page.add_init_script("delete window.ResizeObserver")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_example.address(UNIT), wait_until="load")
    settle(page)
    assert page.evaluate(_BOXES) == [[ISSUES_CHART, "0"], [ISSUES_TABLE, "0"],
                                     [TARGETS_CHART, "0"], [TARGETS_TABLE, "0"]]
    assert errors == []


_HINTED = """() => [...document.querySelectorAll(".scroll-hint")].map(line =>
  [line.nextElementSibling.getAttribute("aria-label"), line.textContent, line.getAttribute("aria-hidden")])"""


def test_a_table_wider_than_the_screen_says_that_it_scrolls_while_it_does(served_example: ServedSite,
                                                                          page_at: Any) -> None:
    # Older readers missed the shadow at the table's edge, and never saw the columns on the right.
    page = open_unit(served_example, page_at, 375)
    assert page.evaluate(_HINTED) == [[ISSUES_TABLE, "表格较宽，可左右滑动查看 →", "true"]]
    page.set_viewport_size({"width": 1280, "height": 900})  # the table fits: the line goes
    settle(page)
    assert page.evaluate(_HINTED) == []
    page.set_viewport_size({"width": 375, "height": 900})
    settle(page)
    assert page.evaluate(_HINTED) == [[ISSUES_TABLE, "表格较宽，可左右滑动查看 →", "true"]]


_SAID_WITHOUT_SCRIPT = """() => [...document.querySelectorAll(".table-scroll")].map(box => {
  const line = getComputedStyle(box, "::before");
  return [box.getAttribute("aria-label"), line.display === "block" ? line.content : null,
          box.scrollWidth > box.clientWidth];
})"""


def test_without_javascript_a_wide_table_still_says_that_it_scrolls(served_example: ServedSite,
                                                                     page_at: Any) -> None:
    # The line was written by the script alone: without it, only the shadow at the edge told a table scrolls.
    page = page_at(375, javascript=False)
    page.goto(served_example.address(UNIT), wait_until="load")
    said = page.evaluate(_SAID_WITHOUT_SCRIPT)
    # The one table wider than the screen says so, and not to screen readers (the text after "/" is theirs).
    assert said == [[ISSUES_TABLE, '"表格较宽，可左右滑动查看 →" / ""', True], [TARGETS_TABLE, None, False]]
    assert page.evaluate("() => document.querySelectorAll('.scroll-hint').length") == 0
    page.set_viewport_size({"width": 1280, "height": 900})  # the table fits: the line goes
    # Asked again every 100 ms: on a page without JavaScript, a busy machine can skip the animation frames that
    # Playwright's own polling waits for, and the wait ran out with the line long gone.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.table-scroll'), '::before').display"
                           " === 'none'", polling=100)
    # With the script, its line alone is shown: the box's own stays hidden.
    page = open_unit(served_example, page_at, 375)
    assert [line for _, line, _ in page.evaluate(_SAID_WITHOUT_SCRIPT)] == [None, None]
    assert len(page.evaluate(_HINTED)) == 1
