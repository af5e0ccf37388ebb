"""The units page of a district on a phone: level and letter indexes are large targets that lead to their rows.

Each level link and initial is a 44 × 44 px target (as the pager's
numbers), the indexes wrap and never make the page scroll sideways, and a
tapped initial brings its unit's row into view, marked (a bar at its left), in
the reading mode (大字号) too.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..test_unit_index import SUBDISTRICTS, VILLAGES, _unit
from ..sitekit import interview, write_site
from sitegen.build import BuildOptions, build
from .conftest import serving

SWITCH = "label[for=reading-mode]"

_TARGETS = """() => ({
  boxes: [...document.querySelectorAll(".level-index a, .letter-index a")].map(a => {
    const box = a.getBoundingClientRect();
    return [a.textContent.trim(), box.width >= 44 && box.height >= 44];
  }),
  pageWidth: document.documentElement.scrollWidth,
})"""

_LANDED = """(id) => {
  const row = document.getElementById(id), box = row.getBoundingClientRect();
  return {top: Math.round(box.top), bottom: Math.round(box.bottom), height: innerHeight,
          name: row.querySelector("th").textContent.trim(), marked: getComputedStyle(row.querySelector("th")).boxShadow};
}"""


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_indexes_are_large_targets_and_an_initial_brings_its_row_into_view_marked(
        tmp_path: Path, page_at: Any, width: int, reading_mode: bool) -> None:
    files = {f"content/units/{uid}.yaml": _unit(name, "village") for uid, name in VILLAGES.items()}
    files.update({f"content/units/{uid}.yaml": _unit(name, "subdistrict") for uid, name in SUBDISTRICTS.items()})
    root = write_site(tmp_path / "site", {**files, "content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    page = page_at(width)
    with serving(root) as served:
        page.goto(served.address("/units/"), wait_until="load")
        page.set_checked(SWITCH, reading_mode)
        page.evaluate("() => document.fonts.ready")
        targets = page.evaluate(_TARGETS)
        page.click('.letter-index a[href="#units-village-x"]')
        page.wait_for_function("() => location.hash === '#units-village-x'")
        landed = page.evaluate(_LANDED, "units-village-x")
    assert len(targets["boxes"]) == 3 + 19
    assert [name for name, large in targets["boxes"] if not large] == []
    assert targets["pageWidth"] <= width
    assert landed["name"] == "西江村"
    assert 0 <= landed["top"] and landed["bottom"] <= landed["height"]  # in view, marked (the table ends the page)
    assert landed["marked"] != "none"
