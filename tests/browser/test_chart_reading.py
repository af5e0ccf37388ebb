"""A screen reader meets each chart once: the image by its name, the summary sentence, then the table.

A chart (templates/partials/chart.html) is a figure holding the SVG, drawn twice
(sitegen.charts), with its summary sentence as the ``<figcaption>``, followed
by the same figures as a table. Chromium used to give a screen reader each
summary in the SVG's description, again in the caption, then every label and
number of the bars, and then the table. In Chromium's accessibility tree (what it hands to
screen readers), on every page with a chart, at 320 px (the large drawing in
its scrolling box) and 1280 px, in the normal and the reading mode (大字号),
with and without JavaScript, this checks that:

- each chart is one image, with the SVG's title as its accessible name and
  nothing of the drawing read inside it;
- each summary sentence, taken from the built page, is in the tree once;
- each chart's table is in the tree with every figure of the built page's
  table; on the Baihe unit page 白鹤镇's row reads 收集 296, 提交区级 143,
  已解决 103, 办理中 50.

Imports: the fixtures of tests/browser/conftest.py, tests.sitekit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ..sitekit import parse_html, text_of
from .conftest import ServedSite

UNIT = "/units/baihe/"
CHART_PAGES = (UNIT, "/dashboard/")
SWITCH = "label[for=reading-mode]"


@dataclass(frozen=True)
class Node:
    """A node of the accessibility tree as a screen reader meets it: role, name, description, children."""

    role: str
    name: str
    description: str
    children: tuple[Node, ...]

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def spoken(self) -> list[str]:
        """Every name and description under this node (itself included), in reading order."""
        return [text for node in self.walk() for text in (node.name, node.description) if text]


# Ignored nodes and mere containers are not read themselves; their content is.
_UNREAD = {"generic", "none", "InlineTextBox"}


def accessibility_tree(page: Any) -> Node:
    """Chromium's full accessibility tree of the page (CDP), ignored nodes and containers left out."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}

    def value(node: dict[str, Any], key: str) -> str:
        return str(node.get(key, {}).get("value", ""))

    def build(node: dict[str, Any]) -> list[Node]:
        children = [kept for child in node.get("childIds", []) if child in by_id for kept in build(by_id[child])]
        if node.get("ignored") or value(node, "role") in _UNREAD:
            return children
        return [Node(value(node, "role"), value(node, "name"), value(node, "description"), tuple(children))]

    [root] = build(nodes[0])
    return root


@dataclass(frozen=True)
class BuiltChart:
    """A chart as the built page writes it: its SVG's title, its summary sentence and its table's cells."""

    title: str
    summary: str
    caption: str
    rows: list[list[str]]


def built_charts(output: Path, path: str) -> list[BuiltChart]:
    """Every chart of the built page at site path ``path``, read from its HTML file."""
    page = parse_html(output / path.strip("/") / "index.html")
    charts = []
    for figure in page.cssselect("figure.chart"):
        svg = figure.cssselect("svg.chart")[0]
        [table] = figure.getnext().cssselect("table")  # in its scrolling box, or in a <details> too
        charts.append(BuiltChart(
            title=text_of(svg.find("title")), summary=text_of(figure.cssselect("figcaption")[0]),
            caption=text_of(table.cssselect("caption")[0]),
            rows=[[text_of(cell) for cell in row.cssselect("th, td")] for row in table.cssselect("tr")]))
    return charts


def table_rows(tree: Node, caption: str) -> list[list[str]]:
    """The cells' names, row by row, of the one table named ``caption`` in the tree."""
    [table] = [node for node in tree.walk() if node.role == "table" and node.name == caption]
    return [[cell.name for cell in row.children if cell.role in ("columnheader", "rowheader", "cell")]
            for row in table.walk() if row.role == "row"]


def open_page(served: ServedSite, page: Any, path: str, reading_mode: bool) -> Node:
    """Load ``path``, set the reading mode, open the collapsed chart tables; return the accessibility tree."""
    page.goto(served.address(path), wait_until="load")
    page.set_checked(SWITCH, reading_mode)  # remembered from page to page
    for summary in page.locator("details.chart-data > summary").all():
        summary.click()  # a <details> opens without JavaScript too
    return accessibility_tree(page)


@pytest.mark.parametrize("javascript", [True, False], ids=("js", "no-js"))
@pytest.mark.parametrize("reading_mode", [False, True], ids=("normal", "reading-mode"))
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_is_read_once_as_a_named_image_its_sentence_and_its_table(
        served_example: ServedSite, page_at: Any, path: str, width: int, reading_mode: bool,
        javascript: bool) -> None:
    charts = built_charts(served_example.output, path)
    assert charts, path
    page = page_at(width, javascript=javascript)
    tree = open_page(served_example, page, path, reading_mode)
    figures = [node for node in tree.walk() if node.role == "figure"]
    assert len(figures) == len(charts)
    spoken = tree.spoken()
    for chart, figure in zip(charts, figures):
        [image] = [node for node in figure.walk() if node.role == "image"]
        assert image.name == chart.title and image.children == ()
        assert sum(text.count(chart.summary) for text in spoken) == 1, (chart.summary, figure.spoken())
        assert figure.spoken()[-1] == chart.summary  # the caption, after the image
        assert table_rows(tree, chart.caption) == chart.rows


def test_the_baihe_unit_page_reads_its_sentence_once_and_every_figure_in_the_table(
        served_example: ServedSite, page_at: Any) -> None:
    tally, _targets = built_charts(served_example.output, UNIT)
    sentence = "截至2018年4月26日，白鹤镇共收集问题清单296份：提交区级143份，已解决103份，办理中50份。"
    assert tally.summary == sentence
    tree = open_page(served_example, page_at(375), UNIT, reading_mode=False)
    assert sum(text.count(sentence) for text in tree.spoken()) == 1
    figure = next(node for node in tree.walk() if node.role == "figure")
    [image] = [node for node in figure.walk() if node.role == "image"]
    assert image.name == "白鹤镇问题清单办理情况"
    # The figure is read as the image's name and how it is drawn, then the sentence, with no number of a bar.
    assert figure.spoken() == ["白鹤镇问题清单办理情况",
                               "图中每个统计日期一条横条，分为提交区级、已解决、办理中三段；条形长度按图中最大的收集数等比例绘制。",
                               sentence]
    header, row = table_rows(tree, "白鹤镇问题清单办理情况（按统计日期）")
    figures = dict(zip(header, row))
    assert (figures["统计日期"], figures["收集"], figures["提交区级"], figures["已解决"], figures["办理中"]) == (
        "2018年4月26日", "296", "143", "103", "50")
