"""With the text enlarged, every figure of a table can still be scrolled into view and read whole.

Older readers enlarge the text: in the browser's settings (its default font
size; Chrome's "very large" is 24 px, 150%) or with the theme's 大字号
reading mode, on a phone (WCAG 2.2, 1.4.4 Resize Text). A data table's row
headers stay in view while it scrolls sideways (``position: sticky``); at
5.5em or more that column was as wide as the box at 320 px with 32 px text,
so every figure scrolled under it and none could be read. The column now
takes at most two fifths of the box, and scrolls with the figures in a box
narrower than 16em.

Measured on the pages with the theme's data tables: for each cell of each
table, the room beside the column that stays in view (the box's width less
that column's) is at least the cell's width, so some scroll position shows
it whole.

Imports: sitegen's build, tests.sitekit; the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import ServedSite, serving

PAGES = ("/", "/units/baihe/", "/dashboard/")

_ROOM = """() => [...document.querySelectorAll(".table-scroll")].filter(box => box.querySelector("table.data"))
  .map(box => {
    const held = box.querySelector("tbody th[scope=row]");
    const sticky = held && getComputedStyle(held).position === "sticky" ? held.getBoundingClientRect().width : 0;
    const room = box.clientWidth - sticky;
    const cells = [...box.querySelectorAll("td, thead th:not(:first-child)")].map(cell => cell.getBoundingClientRect().width);
    return {table: box.getAttribute("aria-label") || box.querySelector("caption").textContent.trim(),
            room: Math.round(room), widest: Math.round(Math.max(0, ...cells)), sticky: Math.round(sticky)};
  })"""


def _enlarged(page_at: Any, width: int, font_px: int) -> Any:
    page = page_at(width)
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": font_px}})  # the browser's text size setting
    return page


def _each_shown(page: Any, site: ServedSite, paths: tuple[str, ...], reading_mode: bool) -> Iterator[str]:
    """Open each of ``paths`` of ``site`` in ``page``, the reading mode set as asked, and yield the path once
    the page is laid out (two animation frames)."""
    for path in paths:
        page.goto(site.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", reading_mode)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        yield path


@pytest.mark.parametrize(("width", "font_px", "reading_mode"), [
    (320, 32, False), (320, 24, True), (375, 32, True), (375, 20, False), (414, 24, True)])
def test_every_cell_of_a_data_table_can_be_read_whole_with_the_text_enlarged(
        served_example: ServedSite, page_at: Any, width: int, font_px: int, reading_mode: bool) -> None:
    page = _enlarged(page_at, width, font_px)
    for path in _each_shown(page, served_example, PAGES, reading_mode):
        tables = page.evaluate(_ROOM)
        assert tables, path
        for table in tables:
            assert table["room"] >= table["widest"], (path, table)


def test_on_a_phone_at_the_usual_text_size_the_row_names_stay_in_view(served_example: ServedSite,
                                                                      page_at: Any) -> None:
    # The column kept in view is what makes a wide table readable on a phone: it is kept where there is room.
    page = page_at(375)
    page.goto(served_example.address("/units/baihe/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", False)
    [issues, targets] = page.evaluate(_ROOM)
    assert issues["sticky"] > 0 and targets["sticky"] > 0


@pytest.mark.parametrize("width", [320, 375])
def test_in_the_reading_mode_on_a_phone_the_units_names_stay_in_view(served_example: ServedSite,
                                                                     page_at: Any, width: int) -> None:
    # In 大字号 at 320 and 375 px the box holds 12 to 14.5em: every row name scrolled away with the figures, and
    # a row of figures named no town. Names (not dates) stay in view down to 12em, wrapping to the room left.
    page = page_at(width)
    page.goto(served_example.address("/dashboard/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", True)
    tables = {table["table"]: table for table in page.evaluate(_ROOM)}
    for name in ("各单位最新调研数据", "各单位问题清单办理情况（按最近一次统计）"):  # rows headed by units' names
        assert tables[name]["sticky"] > 0 and tables[name]["room"] >= tables[name]["widest"], tables[name]
    page.set_checked("label[for=reading-mode]", False)


_BROKEN_SHORT_NAMES = """() => [...document.querySelectorAll(".table-scroll table.data :is(tbody, tfoot) th[scope=row]")]
  .flatMap(cell => [...cell.querySelectorAll("a, .count")])
  .filter(part => part.textContent.trim().replace(/\\s/g, "").length <= 4)
  .filter(part => {
    const range = document.createRange();
    range.selectNodeContents(part);
    return new Set([...range.getClientRects()].map(line => Math.round(line.top))).size > 1;
  })
  .map(part => part.textContent.trim())"""


@pytest.mark.parametrize(("width", "font_px", "reading_mode"), [
    (320, 32, False), (320, 24, True), (320, 32, True), (375, 32, True), (375, 24, False)])
def test_with_the_text_enlarged_a_short_unit_name_heading_a_row_is_not_broken(
        served_example: ServedSite, page_at: Any, width: int, font_px: int, reading_mode: bool) -> None:
    # At 320 px with 32 px text the dashboard's row read 白鹤 / 镇, and its sum 1 个 / 单位: the column, scrolling
    # with the figures, was squeezed below the name's width though it covered nothing.
    page = _enlarged(page_at, width, font_px)
    for path in _each_shown(page, served_example, PAGES, reading_mode):
        assert page.evaluate(_BROKEN_SHORT_NAMES) == [], path


_OVERFLOWING_ROW_NAMES = """() => [...document.querySelectorAll(".table-scroll table.data tbody th[scope=row]")]
  .filter(cell => getComputedStyle(cell).position === "sticky")
  .filter(cell => [...cell.children].some(child => child.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5))
  .map(cell => cell.textContent.trim())"""


@pytest.mark.parametrize("width", [300, 310, 320, 330, 340, 360])
def test_a_row_name_that_stays_in_view_holds_all_its_text(served_example: ServedSite, page_at: Any,
                                                           width: int) -> None:
    # At 320 px the date heading a row (2018-04-26) was wider than its column, capped at two fifths of the box:
    # its last digit stood over the figures scrolling under it, and read with them ("2018-04-2650").
    page = page_at(width)
    for path in PAGES:
        page.goto(served_example.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", False)
        assert page.evaluate(_OVERFLOWING_ROW_NAMES) == [], (path, width)


_LARGE_FIGURES = """name: 青浦工业园区
level: park
tallies:
  - as_of: 2018-12-28
    collected: 25671
    escalated: 3224
    resolved: 10035
    in_progress: 12412
targets:
  - group: residents
    target: 80
    measured: 68.3
    measured_as_of: 2018-12-17
  - group: registered_enterprises
    target: 60
    deadline: 2018-12-03
    measured: 40.9
    measured_as_of: 2018-12-28
"""


@pytest.fixture(scope="module")
def served_large_figures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """A site of one unit with five-digit figures and two targets short of their mark, served."""
    root = write_site(tmp_path_factory.mktemp("large-figures"),
                      {"content/interviews/a.md": interview(), "content/units/baihe.yaml": _LARGE_FIGURES})
    build(BuildOptions(root=root, search=False))
    with serving(root) as served:
        yield served


@pytest.mark.parametrize(("width", "font_px", "reading_mode"), [
    (320, 24, True), (320, 32, True), (320, 32, False), (375, 32, True)])
def test_with_the_text_enlarged_no_page_scrolls_sideways_for_a_status_or_a_sum(
        served_large_figures: ServedSite, page_at: Any, width: int, font_px: int, reading_mode: bool) -> None:
    # A target's status (实测时尚未达到目标) and a sum's last term (收集 25671（份）) were kept on one line: wider
    # than a 320 px phone at 24 px text in 大字号, the unit page was 342 px wide, 456 px at 32 px.
    page = _enlarged(page_at, width, font_px)
    for path in _each_shown(page, served_large_figures, PAGES, reading_mode):
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, path
    statuses = page.evaluate("() => [...document.querySelectorAll('.target-status')].map(s => s.textContent)")
    assert statuses == ["实测时尚未达到", "逾期未达到"]
