"""The pager of a long list: every page number a 44 px target, on two lines at most, on any phone.

Older readers move between the pages of a list with a finger: page numbers
(``1 … 4 5 6 7 8 … 12``) are 44 × 44 px targets, above the 24 px of WCAG
2.2's 2.5.8 Target Size (Minimum), as the other links of the theme's
navigation are. With eleven items (上一页, seven numbers, two ellipses,
下一页) the pager takes two lines on a phone (three at 320 px in the reading
mode, 大字号) and never makes the page scroll sideways. The current page is marked by
its filled box and ``aria-current``, not by colour alone.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import MINIMAL_CONFIG, interview, write_site
from .conftest import serving

SWITCH = "label[for=reading-mode]"

_PAGER = """() => {
  const nav = document.querySelector("nav.pager");
  const items = [...nav.querySelectorAll("li")].map(item => {
    const target = item.querySelector("a, span") || item;
    const box = target.getBoundingClientRect();
    return {text: item.textContent.trim(), width: box.width, height: box.height, middle: Math.round(box.top + box.height / 2)};
  });
  const current = nav.querySelector("[aria-current=page]");
  return {items, lines: new Set(items.map(item => item.middle)).size,
          currentWeight: getComputedStyle(current).fontWeight,
          currentBackground: getComputedStyle(current).backgroundColor,
          pageWidth: document.documentElement.scrollWidth};
}"""


def _site(tmp_path: Path) -> Path:
    """A site of 24 interviews at 2 a page (12 list pages), built; its root."""
    files = {f"content/interviews/i{n:02}.md": interview(f"访谈{n}", date=f"2018-05-{n:02} 10:00")
             for n in range(1, 25)}
    root = write_site(tmp_path / "site", files, config=MINIMAL_CONFIG + "per_page: 2\n")
    build(BuildOptions(root=root, search=False))
    return root


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_page_numbers_are_large_targets_on_a_few_lines(tmp_path: Path, page_at: Any, width: int,
                                                            reading_mode: bool) -> None:
    page = page_at(width)
    with serving(_site(tmp_path)) as served:
        page.goto(served.address("/interviews/page/6/"), wait_until="load")
        page.set_checked(SWITCH, reading_mode)
        page.evaluate("() => document.fonts.ready")
        pager = page.evaluate(_PAGER)
    texts = [item["text"] for item in pager["items"]]
    assert texts == ["上一页", "第1页", "…", "第4页", "第5页", "第6页", "第7页", "第8页", "…", "第12页", "下一页"]
    numbers = [item for item in pager["items"] if item["text"].startswith("第")]
    assert [(n["text"], n["width"] >= 44, n["height"] >= 44) for n in numbers] == [
        (n["text"], True, True) for n in numbers]
    assert pager["lines"] <= (1 if width >= 1280 else 3 if reading_mode and width <= 320 else 2)
    assert pager["pageWidth"] <= width
    assert int(pager["currentWeight"]) >= 700 and pager["currentBackground"] != "rgba(0, 0, 0, 0)"
