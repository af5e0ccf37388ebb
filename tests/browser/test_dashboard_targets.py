"""The dashboard's coverage targets (覆盖目标) on phones and tablets: a table of their own, one target to a row.

They were a column of the table of figures: at 768 px the column was 148 px
wide, a unit's three targets with their measured shares (居民 80%（已达 68.3%，
2018-12-17 实测）) took fifteen lines, and every row of figures stood 500 px
tall, its figures alone at the top. Each target is now a row of the table
of targets (单位, 调研对象, 目标, 期限, 已达, 实测日期, 状态), each cell one line.

Lines are counted as Chromium laid them out: a cell is one line when it is
no taller than its line height and its padding.

Imports: sitegen's build, tests.sitekit; the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import serving

SWITCH = "label[for=reading-mode]"

_TARGETS = """unit:
  - group: institutions
    target: 100
    deadline: 2018-12-31
  - group: residents
    target: 80
    measured: 68.3
    measured_as_of: 2018-12-17
  - group: registered_enterprises
    target: 60
    measured: 40.9
    measured_as_of: 2018-12-28
"""

# Each row of the table of targets: its cells' texts, and for each the lines it takes.
_ROWS = """() => [...document.querySelectorAll("table.targets tbody tr")].map(row =>
  [...row.querySelectorAll("td")].map(cell => {
    const style = getComputedStyle(cell);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    return {text: cell.textContent.trim(),
            lines: Math.round((cell.getBoundingClientRect().height - padding) / parseFloat(style.lineHeight))};
  }))"""


def _site(tmp_path: Path) -> Path:
    """Write and build a site of four units, three with three targets each, two of them measured; its root."""
    files = {"content/interviews/a.md": interview()}
    for number, name in enumerate(["青浦工业园区", "龙溪管委会", "香花桥街道办事处"]):
        files[f"content/units/u{number}.yaml"] = (
            f"name: {name}\nlevel: park\ntallies:\n  - as_of: 2018-04-26\n    collected: 296\n"
            "    escalated: 143\n    resolved: 103\n    in_progress: 50\n" + _TARGETS.replace("unit:", "targets:"))
    root = write_site(tmp_path / "site", files)
    build(BuildOptions(root=root, search=False))
    return root


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_each_target_is_a_row_of_one_line_cells(tmp_path: Path, page_at: Any, width: int,
                                                reading_mode: bool) -> None:
    page = page_at(width)
    with serving(_site(tmp_path)) as served:
        page.goto(served.address("/dashboard/"), wait_until="load")
        page.set_checked(SWITCH, reading_mode)
        page.evaluate("() => document.fonts.ready")
        rows = page.evaluate(_ROWS)
        page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert [[cell["text"] for cell in row] for row in rows[:3]] == [
        ["机构", "100%", "2018年12月31日", "—无", "—无", "—无"],
        ["居民", "80%", "—无", "68.3%", "2018年12月17日", "实测时尚未达到"],
        ["注册企业", "60%", "—无", "40.9%", "2018年12月28日", "实测时尚未达到"]]
    assert len(rows) == 9
    # In 大字号 at 320 px the box is under 14.5em wide: a date (2018年12月31日) breaks after 年 there, so that
    # it fits beside the units' names kept in view (site.css), and its row is two lines tall.
    most = 2 if (width, reading_mode) == (320, True) else 1
    assert [cell for row in rows for cell in row if cell["lines"] > most] == []
    assert page_width <= width  # the page itself never scrolls sideways: the table scrolls in its box
