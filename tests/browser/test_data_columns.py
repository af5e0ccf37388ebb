"""The columns of each data file (about-data), read on a phone.

Each file's columns (the CSV files', and units.json's) are a table of four: the column's name, its title,
its type and its description. At 320 and 375 px that table was 420 px wide
(549 px in the 大字号 reading mode) in a box of 293 px: it scrolled
sideways, its descriptions were 141 px wide and a row was 350 px tall. Where
its box is narrower than 36em, each row is now a block: name · title ·
type on a line, the description under them at the box's width. On a wide
screen it is the table it was, and a screen reader reads a table with its
four column headings either way.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ServedSite

PAGE = "/about-data/"
SWITCH = "label[for=reading-mode]"

_LAYOUT = """() => [...document.querySelectorAll("details.columns")].map(details => {
  details.open = true;
  const box = details.querySelector(".table-scroll"), table = box.querySelector("table");
  const rows = [...table.tBodies[0].rows].map(row => [...row.cells].map(cell => {
    const r = cell.getClientRects()[0];
    return {left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width)};
  }));
  const first = table.tBodies[0].rows[0].getBoundingClientRect();
  return {caption: table.caption.textContent, fits: box.scrollWidth <= box.clientWidth,
          rowWidth: Math.round(first.width), boxWidth: box.clientWidth, rows};
})"""


def layout(page: Any) -> list[dict[str, Any]]:
    """Each columns table opened: its caption, whether it fits its box, and where each cell of each row is."""
    return page.evaluate(_LAYOUT)


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("mode", [False, True], ids=["normal", "reading-mode"])
def test_on_a_phone_each_column_is_a_block_with_its_description_under_it(served_example: ServedSite,
                                                                         page_at: Any, width: int,
                                                                         mode: bool) -> None:
    page = page_at(width)
    page.goto(served_example.address(PAGE), wait_until="load")
    if mode:
        page.click(SWITCH)
    tables = layout(page)
    assert [table["caption"] for table in tables] == [
        "data/tallies.csv 的列", "data/targets.csv 的列", "data/milestones.csv 的列", "data/units.csv 的列",
        "data/units.json 的列"]
    for table in tables:
        assert table["fits"], table["caption"]  # nothing to scroll sideways
        assert table["rowWidth"] == table["boxWidth"]
        for name, title, kind, description in table["rows"]:
            # The name and the title start one line; the description starts below them, at the row's left.
            assert name["top"] == title["top"] and title["left"] > name["left"]
            assert kind["top"] >= title["top"]
            assert description["top"] > kind["top"] and description["left"] == name["left"]
            assert description["width"] >= table["rowWidth"] - 40


def test_without_javascript_a_phone_shows_the_same_blocks(served_example: ServedSite, page_at: Any) -> None:
    page = page_at(320, javascript=False)
    page.goto(served_example.address(PAGE), wait_until="load")
    page.evaluate("document.querySelectorAll('details.columns').forEach(d => d.open = true)")
    tables = page.evaluate(_LAYOUT.replace("details.open = true;", ""))
    assert len(tables) == 5 and all(table["fits"] for table in tables)
    assert all(row[3]["top"] > row[0]["top"] for table in tables for row in table["rows"])


@pytest.mark.parametrize("mode", [False, True], ids=["normal", "reading-mode"])
def test_on_a_wide_screen_it_is_a_table_of_four_columns(served_example: ServedSite, page_at: Any,
                                                        mode: bool) -> None:
    page = page_at(1280)
    page.goto(served_example.address(PAGE), wait_until="load")
    if mode:
        page.click(SWITCH)
    for table in layout(page):
        assert table["fits"]
        for cells in table["rows"]:
            assert len({cell["top"] for cell in cells}) == 1  # one line of cells
            lefts = [cell["left"] for cell in cells]
            assert lefts == sorted(lefts) and len(set(lefts)) == 4


@pytest.mark.parametrize("width", [320, 1280])
def test_a_screen_reader_is_given_a_table_with_its_column_headings(served_example: ServedSite, page_at: Any,
                                                                   width: int) -> None:
    # What Chromium gives assistive technology: its accessibility tree.
    page = page_at(width)
    page.goto(served_example.address(PAGE), wait_until="load")
    page.evaluate("document.querySelectorAll('details.columns').forEach(d => d.open = true)")
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    shown = [(node["role"]["value"], node.get("name", {}).get("value", "")) for node in nodes
             if not node.get("ignored")]
    tables = [name for role, name in shown if role == "table"]
    assert tables == ["data/tallies.csv 的列", "data/targets.csv 的列", "data/milestones.csv 的列",
                      "data/units.csv 的列", "data/units.json 的列"]
    assert [name for role, name in shown if role == "columnheader"] == ["列名", "名称", "类型", "说明"] * 5
    row_headers = [name for role, name in shown if role == "rowheader"]
    assert row_headers[:4] == ["unit_id", "unit_name", "as_of", "batches"]
    assert len(row_headers) == sum(1 for role, _ in shown if role == "cell") // 3


_TITLE_LINES = """() => [...document.querySelectorAll("table.fields tbody td:nth-child(2)")].map(cell => {
  cell.closest("details").open = true;
  const range = document.createRange(), lines = new Map(), node = cell.firstChild;
  for (let i = 0; i < node.data.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const top = Math.round(range.getClientRects()[0].top);
    lines.set(top, (lines.get(top) || "") + node.data[i]);
  }
  return [...lines.keys()].sort((a, b) => a - b).map(top => lines.get(top));
})"""


@pytest.mark.parametrize("width", [768, 1280])
def test_a_columns_title_breaks_only_where_its_words_allow(served_example: ServedSite, page_at: Any,
                                                           width: int) -> None:
    # In the table the titles broke every two or three characters: "收集/问题/清单", "单位编/号".
    page = page_at(width)
    page.goto(served_example.address(PAGE), wait_until="load")
    titles = page.evaluate(_TITLE_LINES)
    # 40: the milestones' 状态 (done or planned) is the last column added.
    assert len(titles) == 40 and ["收集问题清单"] in titles and ["单位编号"] in titles and ["状态"] in titles
    for lines in titles:
        # A title is on one line, or breaks before its bracket: "调研对象" / "（代码）".
        assert all(line.startswith("（") for line in lines[1:]), lines
