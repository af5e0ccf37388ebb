"""A web address in a table of a page's own text breaks inside its cell on a phone, not the table's width.

A link's text is one unbroken run of Latin letters to the browser, and a
table column is at least as wide as its longest such run: one address in a
cell (原文地址 of a source, typed as text and linked by sitegen) made a table
1,597 px wide at 375 px, scrolled sideways over 1,250 px. The theme lets a
link in a content table's cell break anywhere, so the table is as wide as its
Chinese text needs.

Imports: sitegen's build, tests.sitekit; the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import serving

ADDRESS = ("https://www.example.gov.cn/qingpu/xxgk/zwgk/2018/0426/baihezhen-dadiaoyan-jinzhan-qingkuang-"
           "tongbao-di-san-qi/index.html")
BODY = ("## 问题清单来源\n\n| 来源 | 网址 |\n| --- | --- |\n"
        f"| 白鹤镇大调研办 | {ADDRESS} |\n| 区大调研办 | 见通报 |\n")


def test_an_address_in_a_table_cell_breaks_inside_it_at_375_px(tmp_path: Path, page_at: Any) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(body=BODY)})
    build(BuildOptions(root=root, search=False))
    html = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert f'<td><a href="{ADDRESS}">{ADDRESS}</a></td>' in html  # linked, as typed
    page = page_at(375)
    with serving(root) as served:
        page.goto(served.address("/interviews/a/"), wait_until="load")
        page.evaluate("() => document.fonts.ready")
        box = page.eval_on_selector(".body .table-scroll",
                                    "box => ({scroll: box.scrollWidth, client: box.clientWidth})")
        link = page.eval_on_selector(".body td a", "a => a.getClientRects().length")
    assert box["scroll"] <= box["client"], box
    assert link > 1  # the address runs over several lines of its cell
