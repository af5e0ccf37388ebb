"""Which parts of the site graph a layout reads, found from its syntax tree; the keys of the values pages show."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from sitegen.build import BuildOptions, load_and_check
from sitegen.depends import (ALL_FACETS, EVERYTHING, Fingerprints, TemplateDependencies, entry_facets_read,
                             reads_by_variable_name, reads_view_lists, site_parts_read)
from sitegen.errors import Report
from sitegen.fresh import raw_digest
from sitegen.outputs.feeds import all_feeds
from sitegen.render import make_environment
from sitegen.site import SiteGraph

from .sitekit import MINIMAL_CONFIG, interview, write_site

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
    # Another page's context holds anything of the graph; the page's own is in its fingerprint.
    ("{% for p in site.pages %}{{ p.context.entry.summary }}{% endfor %}", {"pages", EVERYTHING}),
    ("{{ page.context|length }}", set()),
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


@pytest.mark.parametrize(("source", "facets"), [
    # The default theme's lists: title, unit, role, date and summary (which every key holds).
    ("{% for entry in entries %}{{ entry.title }}{{ entry.meta.date }}{{ entry.summary }}{% endfor %}", set()),
    ("{{ entry.title }} {{ entry.document.collection }} {{ entry.unit.name }}", set()),
    ("{{ entry.document.rendered.html }}", {"text"}),
    ("{% set r = entry.document.rendered %}{{ r.headings|length }}", {"text"}),
    ("{{ entry.document.body|length }}", {"text"}),
    ("读完约{{ entry.minutes }}分钟，{{ entry.word_count }}字", {"minutes", "word_count"}),
    ("{{ entries|map(attribute='document.rendered.html')|join }}", {"text"}),
    ("{{ entry['word_count'] }} {{ entry|attr('image_sizes') }}", {"word_count", "image_sizes"}),
    ("{{ entries|map(attribute='minutes')|sum }}", {"minutes"}),
    ("{{ entries|sort(attribute='word_count,title')|join }}", {"word_count"}),
    ("{{ '{0.minutes}分钟'.format(entry) }}", {"minutes"}),
    # A name that is not written where it is read: any facet.
    ("{% set shown = 'word_count' %}{{ entries|map(attribute=shown)|join }}", ALL_FACETS),
    ("{{ entry|attr(name) }}", ALL_FACETS),
])
def test_entry_facets_read(source: str, facets: set[str]) -> None:
    assert entry_facets_read(ENV.parse(source)) == facets


@pytest.mark.parametrize(("source", "reads"), [
    # The default theme's subscripts: a table of labels, a map written out, a loop's counter, a slice.
    ("{{ status_labels[entry.meta.status.value] }}", False),
    ("{% set type_labels = {'date': '日期'} %}{{ type_labels[field.type] }}", False),
    ("{% for v in row %}{{ chart.table.numeric[loop.index0] }}{{ items[loop.index - 1] }}{% endfor %}", False),
    ("{{ site.interviews[:5]|length }} {{ entries|map(attribute='title')|join }}", False),
    # Names that are not written where they are read.
    ("{% for column in site.data.archive.columns %}{{ entry[column] }}{% endfor %}", True),
    ("{{ e[('WORD_COUNT')|lower] }}", True),
    ("{{ entries|map(attribute=shown)|join }}", True),
    ("{{ entries|sum(attribute=site.data.total) }}", True),
    ("{{ entries|selectattr(name)|list }}", True),
    ("{{ unit|attr(name) }}", True),
    ("{{ entries|sort(false, false, key)|list }}", True),
    ("{{ entries|selectattr(*names)|list }}", True),
    ("{{ entries|map(**how)|list }}", True),
    ("{{ entries|by_date(field)|list }}", True),
    # Arguments that name no attribute: a test and the value it compares, sort's order, map's filter.
    ("{{ tallies|selectattr('as_of', 'lt', tally.as_of)|rejectattr('batches', 'none')|list }}", False),
    ("{{ entries|sort(reverse=descending, attribute='date')|list }}", False),
    ("{{ entries|by_date('meta.date', reverse=descending)|list }}", False),
    ("{{ names|map('replace', old, new)|join }}", False),
    ("{{ entries|selectattr('word_count', 'gt', limit)|list }}", False),
    # A table of labels bound another way too is no longer only a table.
    ("{% for status_labels in units %}{{ status_labels[key] }}{% endfor %}", True),
    ("{% set t = {'a': 1} %}{% for t in rows %}{{ t[key] }}{% endfor %}", True),
])
def test_reads_by_variable_name(source: str, reads: bool) -> None:
    assert reads_by_variable_name(ENV.parse(source)) is reads


def test_the_label_tables_are_the_environment_s_maps_of_codes_to_labels() -> None:
    from sitegen.config import Config
    from sitegen.depends import LABEL_TABLES
    env = make_environment(Config(root=Path("."), title="站点"))
    for name in LABEL_TABLES:
        table = env.globals[name]
        assert isinstance(table, dict) and all(isinstance(v, str) for v in table.values()), name


def _fingerprints(root: Path) -> tuple[Fingerprints, SiteGraph]:
    """Fingerprints of the site at ``root`` as a build makes them, from a graph loaded anew."""
    config, _, graph = load_and_check(BuildOptions(root=root, search=False), Report())
    return Fingerprints(graph, TemplateDependencies(make_environment(config)), "build"), graph


def _feed_prints(root: Path) -> dict[str, str]:
    prints, graph = _fingerprints(root)
    return {feed.url: prints.feed(feed.title, feed.page_url, feed.url, feed.entries) for feed in all_feeds(graph)}


def test_a_feed_fingerprint_changes_with_the_card_of_an_entry_it_holds_and_only_then(tmp_path: Path) -> None:
    pages = {i: f"content/interviews/p{i}.md" for i in range(3)}
    root = write_site(tmp_path / "site", {path: interview(f"访谈{i}", date=f"2018-05-0{i + 1} 10:00", body=f"回答{i}。\n")
                                          for i, path in pages.items()}, config=MINIMAL_CONFIG + "feed_entries: 2\n")
    first = _feed_prints(root)
    # No case study: no feed of them (a feed of nothing is not written).
    assert sorted(first) == ["/feed.xml", "/series/dadiaoyan/feed.xml", "/units/baihe/feed.xml"]
    assert all(re.fullmatch("[0-9a-f]{32}", print_) for print_ in first.values())
    assert len(set(first.values())) == 3  # each feed has its own title and addresses
    assert _feed_prints(root) == first  # the same site loaded again: the same fingerprints
    (root / pages[0]).write_text(interview("访谈0", date="2018-05-01 10:00", body="回答0，补充。\n"), encoding="utf-8")
    assert _feed_prints(root) == first  # p0 is the oldest: in no feed of two entries
    (root / pages[2]).write_text(interview("访谈2", date="2018-05-03 10:00", body="回答2，补充。\n"), encoding="utf-8")
    edited = _feed_prints(root)
    # Its summary shows in every feed of interviews.
    assert [url for url in sorted(first) if edited[url] != first[url]] == [
        "/feed.xml", "/series/dadiaoyan/feed.xml", "/units/baihe/feed.xml"]


def test_values_are_keyed_by_type_and_content_never_by_order_of_a_map(tmp_path: Path) -> None:
    prints, graph = _fingerprints(write_site(tmp_path / "site", {"content/interviews/p.md": interview()}))
    assert prints.value(None) == b"NoneType:None"
    assert (prints.value(1), prints.value("1"), prints.value(True)) == (b"int:1", b"str:'1'", b"bool:True")
    assert (prints.value([]), prints.value(()), prints.value({})) == (b"seq:0", b"seq:0", b"map:0")
    assert prints.value(["x", None]) == b"#" + raw_digest(b"seq", b"str:'x'", b"NoneType:None")
    assert prints.value({"b": 1, "a": ["x"]}) == prints.value({"a": ["x"], "b": 1}) == b"#" + raw_digest(
        b"map", b"2", b"'a'", b"#" + raw_digest(b"seq", b"str:'x'"), b"'b'", b"int:1")
    assert prints.value({"a": ["x"], "b": "1"}) != prints.value({"a": ["x"], "b": 1})
    assert prints.value({1: "a", "1": "a"}) != prints.value({"1": "a"})  # keys of kinds that do not compare
    [entry] = graph.interviews
    assert prints.value(entry) == prints.value(entry) != prints.value(entry.document)
    assert prints.value([entry]) == b"#" + raw_digest(b"seq", prints.value(entry))


def test_a_neighbour_shows_the_entry_beside_it_without_neighbours_of_its_own(tmp_path: Path) -> None:
    # A theme reached a page two steps away through a macro given entry.prev, which no fingerprint held.
    root = write_site(tmp_path, {f"content/interviews/p{i}.md": interview(f"访谈{i}", date=f"2018-05-0{i + 1} 10:00")
                                 for i in range(3)})
    _, graph = _fingerprints(root)
    middle = next(entry for entry in graph.interviews if entry.title == "访谈1")
    assert (middle.prev.title, middle.prev.url, middle.next.title) == ("访谈0", "/interviews/p0/", "访谈2")
    assert (middle.prev.prev, middle.prev.next, middle.next.prev, middle.next.next) == (None, None, None, None)
