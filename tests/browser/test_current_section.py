"""The menu marks the section a reader is in, in the reading mode (大字号 · 高对比度) as in the usual one.

In the reading mode every link is bold and underlined, and the current
section's link looked as the other four (its mark, bold and a 3 px
underline, was overridden). It is shown there inverted, white on black,
as the pager's current page is: not by colour alone, and at 21:1.

Imports: the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ServedSite

_LINKS = """() => [...document.querySelectorAll(".nav a")].map(link => {
  const style = getComputedStyle(link);
  return {text: link.textContent.trim(), current: link.getAttribute("aria-current"),
          look: [style.fontWeight, style.textDecorationLine, style.textDecorationThickness,
                 style.color, style.backgroundColor].join(" ")};
})"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("reading_mode", [False, True], ids=["normal", "reading-mode"])
def test_the_current_section_looks_unlike_the_other_menu_links(served_example: ServedSite, page_at: Any,
                                                              width: int, reading_mode: bool) -> None:
    page = page_at(width)
    page.goto(served_example.address("/units/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", reading_mode)
    links = page.evaluate(_LINKS)
    [current] = [link for link in links if link["current"] == "page"]
    assert current["text"] == "各单位进展"
    others = {link["look"] for link in links if link is not current}
    assert len(others) == 1 and current["look"] not in others, (current, others)
    if reading_mode:
        assert current["look"].endswith("rgb(255, 255, 255) rgb(0, 0, 0)")
    page.set_checked("label[for=reading-mode]", False)
