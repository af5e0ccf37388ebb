"""Every page of the example site writes dates and counts one way for its readers.

Readers see a date as 2018年4月26日 and a publish time as 2018年5月3日 10:00
(the ISO form stays for machines in ``<time datetime>``, links and code),
and a label, its number and its unit without spaces between them
(提交区级143份, 已解决占34.8%, 第1页): a page once showed 2018-04-26 in its
tables beside 截至2018年4月26日 in its text, and 收集296份 beside 提交区级 143份.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import lxml.html

from .sitekit import parse_html

# Elements whose text is laid out apart from what stands before and after them.
_BLOCKS = frozenset("""address article aside blockquote body br caption dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead
    tr ul text title desc g svg""".split())
# Text no reader reads as prose: program code, scripts and styles.
_SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
_SHOWN_ATTRIBUTES = ("aria-label", "title", "alt")
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_ADDRESS = re.compile(r"(?:https?://|/|\b[A-Za-z0-9_.-]+/)[!-~]*")
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{1,2}-\d{1,2}(?![\w-])")
# A number standing alone (not part of a Latin word: UTF-8, WCAG 2.5.8), with its decimals and a percent sign.
_NUMBER = r"(?<![\w.\-/:])(?<![A-Za-z] )\d+(?:[.,:×]\d+)*%?"
_SPACED = re.compile(rf"{_HAN}[ \u00a0]+{_NUMBER}|{_NUMBER}[ \u00a0]+{_HAN}")
# The one space these forms keep: between a date and its time.
_DATE_AND_TIME = re.compile(r"\d+日 \d{1,2}:\d{2}")


def _runs(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The texts of ``element`` as a reader meets them: one run per block, inline elements joined."""
    run: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> Iterator[str]:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.rpartition("}")[2].lower()
        if tag in _SKIPPED:
            return
        for name in _SHOWN_ATTRIBUTES:
            if node.get(name):
                yield node.get(name)
        block = tag in _BLOCKS
        if block:
            yield from flush()
        if isinstance(node.tag, str):
            run.append(node.text or "")
            # The stylesheet writes " ·" after each part of an entry's meta line but the last (site.css).
            dotted = "entry-meta" in (node.get("class") or "").split()
            for number, child in enumerate(node, 1):
                yield from walk(child)
                if dotted and number < len(node):
                    run.append("\u00a0·")
                run.append(child.tail or "")
        if block:
            yield from flush()

    def flush() -> Iterator[str]:
        text = " ".join("".join(run).split())
        run.clear()
        if text:
            yield text

    yield from walk(element)
    yield from flush()


def _slips(text: str) -> list[str]:
    """The parts of one run of a page's text that break the forms readers see."""
    text = _ADDRESS.sub("link", _DATE_AND_TIME.sub("日", text))
    return ([f"ISO date {m.group()!r}" for m in _ISO_DATE.finditer(text)]
            + [f"space in {m.group()!r}" for m in _SPACED.finditer(text)])


def test_every_page_writes_dates_and_counts_one_way(example_site: Path) -> None:
    output = example_site / "output"
    pages = sorted(p for p in output.rglob("*.html") if "pagefind" not in p.relative_to(output).parts)
    assert len(pages) > 15
    found = [f"{page.relative_to(output)}: {slip} in {run!r}"
             for page in pages for run in _runs(parse_html(page)) for slip in _slips(run)]
    assert found == []


def test_the_check_finds_each_old_form() -> None:
    page = lxml.html.fromstring(
        '<html><body><table><tr><td><time datetime="2018-04-26">2018-04-26</time></td><td>296</td></tr></table>'
        "<p>截至 <time>2018年4月26日</time>，提交区级 143份，<span>296</span> 份</p>"
        '<p>发布时间：2018-05-03 10:00</p><svg><text>提交区级 143</text><title>已解决 103份</title></svg>'
        '<p>第1页，共3页 · 2018年5月3日 10:00 · UTF-8 编码 · <a href="/2018-04-26/">见</a></p>'
        "<code>as_of: 2018-04-26</code></body></html>")
    assert [slip for run in _runs(page) for slip in _slips(run)] == [
        "ISO date '2018-04-26'",
        "space in '至 2018'", "space in '级 143'", "space in '296 份'",
        "ISO date '2018-05-03'",
        "space in '级 143'", "space in '决 103'",
    ]
