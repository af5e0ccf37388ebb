"""Which parts of the site graph a layout reads, found from its syntax tree."""

from __future__ import annotations

import jinja2
import pytest

from sitegen.depends import EVERYTHING, reads_view_lists, site_parts_read

ENV = jinja2.Environment()


@pytest.mark.parametrize(("source", "parts"), [
    ("{{ site.totals.collected }}", {"units"}),
    ("{% for view in site.units %}{{ view.url }}{% endfor %}", {"units"}),
    ("{{ site.links.home }} {{ site.config.title }}", set()),
    ("{{ site.interviews[:5]|length }} {{ site.tags }}", {"interviews", "tags"}),
    ("{{ site.pages|map(attribute='url')|list }}", {"pages"}),
    ("{% set s = site %}{{ s.units }}", {EVERYTHING}),
    ("{{ helper(site) }}", {EVERYTHING}),
    ("{{ site['units'] }}", {EVERYTHING}),
    ("{{ site.something_new }}", {EVERYTHING}),
    ("{{ page.title }}", set()),
])
def test_site_parts_read(source: str, parts: set[str]) -> None:
    assert site_parts_read(ENV.parse(source)) == parts


@pytest.mark.parametrize(("source", "reads"), [
    ("{{ series.series.title }} {{ unit.unit.name }}", False),
    ("{{ site.interviews|length }} {{ site.links.cases }}", False),
    ("{% set links = site.links %}{{ links.interviews }}", False),
    ('{{ "访谈" if kind == "interviews" else "案例" }}', False),
    ("{{ series.interviews|length }}", True),
    ("{% for e in unit.cases %}{{ e.title }}{% endfor %}", True),
    ("{{ series|attr('interviews')|length }}", True),
    ("{{ view['cases'] }}", True),
    ("{{ site.units|map(attribute='interviews')|list }}", True),
    # "links" bound a second way is no longer only the section links.
    ("{% set links = site.links %}{% for links in site.units %}{{ links.cases }}{% endfor %}", True),
])
def test_reads_view_lists(source: str, reads: bool) -> None:
    assert reads_view_lists(ENV.parse(source)) is reads
