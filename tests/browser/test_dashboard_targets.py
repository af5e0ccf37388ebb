"""The dashboard's column of coverage targets (覆盖目标) on a phone: one target to a line, rows no taller than that.

At 375 px the dashboard's table scrolls sideways, and its cells' lines used
to wrap at any character: the column of targets shrank to its longest
number (94 px), Baihe's three targets (机构 100% / 居民 80% / 注册企业 80%)
took six lines, and its row was 208 px tall (285 px in the reading mode),
blank beside the figures a reader had scrolled to. Each target now stands on
one line, and a share measured (（已达 68.3%，2018-12-17 实测）) goes under its
target, broken only where a word ends. On a wide screen in the reading mode
that share wraps at its words where the table has no room for it on one line,
rather than making the table scroll.

Lines are counted as Chromium laid them out: the tops of each character's box
(Range.getClientRects), so a line is what a reader sees as one.

Imports: sitegen's build, tests.sitekit; the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import ServedSite, serving

SWITCH = "label[for=reading-mode]"

# For each line of each target in the named unit's row, its text; and the row's height and line height.
_TARGET_LINES = """name => {
  const row = [...document.querySelectorAll("table.dashboard tbody tr")]
    .find(each => each.querySelector("th").textContent.trim() === name);
  const cell = row.querySelector(".targets-cell");
  const lines = item => {
    const tops = new Map();
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let at = 0; at < node.length; at++) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const box = range.getClientRects()[0];
        if (!box || !node.data[at].trim()) continue;
        const top = Math.round(box.top);
        tops.set(top, (tops.get(top) || "") + node.data[at]);
      }
    }
    return [...tops.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
  };
  const style = getComputedStyle(cell);
  return {row: row.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight),
          fontSize: parseFloat(style.fontSize),
          targets: [...cell.querySelectorAll("li")].map(item => ({goal: lines(item.querySelector(".goal")),
            measured: item.querySelector(".measured") ? lines(item.querySelector(".measured")) : []}))};
}"""


def _targets_at(page: Any, address: str, unit: str, reading_mode: bool) -> dict[str, Any]:
    page.goto(address, wait_until="load")
    page.set_checked(SWITCH, reading_mode)  # remembered from page to page: set it either way
    page.evaluate("() => document.fonts.ready")
    return page.evaluate(_TARGET_LINES, unit)


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_on_a_phone_baihes_three_targets_take_three_lines_and_its_row_no_more(
        served_example: ServedSite, page_at: Any, width: int, reading_mode: bool) -> None:
    found = _targets_at(page_at(width), served_example.address("/dashboard/"), "白鹤镇", reading_mode)
    assert [target["goal"] for target in found["targets"]] == [["机构100%"], ["居民80%"], ["注册企业80%"]]
    # Three lines, and the cell's padding and borders (under 1em): it was 208 px at 375 px, 6.4 lines.
    assert found["row"] <= 3 * found["lineHeight"] + found["fontSize"], found


def _site_with_a_measured_share(tmp_path: Path) -> Path:
    """Write and build a site whose unit 青浦工业园区 has three targets, one with a share measured; its root."""
    unit = ("name: 青浦工业园区\nlevel: park\ntallies:\n  - as_of: 2018-04-26\n    collected: 296\n"
            "    escalated: 143\n    resolved: 103\n    in_progress: 50\n"
            "targets:\n  - group: institutions\n    target: 100\n"
            "  - group: residents\n    target: 80\n    measured: 68.3\n    measured_as_of: 2018-12-17\n"
            "  - group: registered_enterprises\n    target: 80\n")
    root = write_site(tmp_path / "site", {"content/units/yuan-qu.yaml": unit, "content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    return root


@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_a_measured_share_goes_under_its_target_broken_only_between_words(tmp_path: Path, page_at: Any,
                                                                          reading_mode: bool) -> None:
    with serving(_site_with_a_measured_share(tmp_path)) as served:
        found = _targets_at(page_at(375), served.address("/dashboard/"), "青浦工业园区", reading_mode)
    targets = found["targets"]
    assert [target["goal"] for target in targets] == [["机构100%"], ["居民80%"], ["注册企业80%"]]
    measured = targets[1]["measured"]
    words = ("（已达", "68.3%，", "2018-12-17", "实测）")
    assert "".join(measured) == "".join(words)
    assert all(any(line.startswith(word) for word in words) for line in measured), measured
    if not reading_mode:
        # The column is as wide as the room beside the unit's name allows: the share and its date, two lines.
        assert measured == ["（已达68.3%，", "2018-12-17实测）"]


def test_at_1280_px_in_the_reading_mode_a_measured_share_wraps_and_the_table_does_not_scroll(
        tmp_path: Path, page_at: Any) -> None:
    # Kept on one line, 居民 80%（已达 68.3%，2018-12-17 实测） made the table 1472 px wide in a 1233 px box.
    page = page_at(1280)
    with serving(_site_with_a_measured_share(tmp_path)) as served:
        found = _targets_at(page, served.address("/dashboard/"), "青浦工业园区", True)
        overflow = page.eval_on_selector(".table-scroll", "box => box.scrollWidth - box.clientWidth")
    assert overflow <= 0
    assert [target["goal"] for target in found["targets"]] == [["机构100%"], ["居民80%"], ["注册企业80%"]]
