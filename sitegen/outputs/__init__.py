"""Machine-readable outputs of a site: feeds, sitemap and robots.txt, open data; page metadata.

One module per job, each pure (site graph in, ``{output path: bytes}`` out), but for the search
index, which runs a program over the finished site:

| module | job |
|---|---|
| `feeds` | Atom feeds of interviews (site-wide, per series, per unit) and of case studies (RFC 4287), each written only when it has an entry |
| `sitemap` | ``sitemap.xml`` (Sitemaps 0.9) and ``robots.txt`` |
| `opendata` | CSV/JSON of tallies, targets, milestones, units; ``datapackage.json`` (Frictionless); their zip |
| `structured` | per-page ``<head>`` data: Open Graph, government meta tags, JSON-LD (used by render) |
| `search` | the Pagefind search index, run over the staging folder before it is published (used by build) |

May import: errors, config, models, site, charts, markup, slugs.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable, Iterator, Sequence

from ..site import SiteGraph, output_path
from .feeds import Feed, all_feeds, feed_xml
from .opendata import render_open_data
from .sitemap import render_sitemap

OutputJob = Callable[[], Iterable[tuple[str, bytes]]]
"""One independent piece of `iter_outputs`: called with nothing, it makes ``(output path, bytes)`` pairs."""


def output_jobs(graph: SiteGraph, feeds: Sequence[Feed] | None = None, *, sitemap: bool = True,
                open_data: bool = True) -> list[OutputJob]:
    """The machine-readable files of the site as independent jobs, in the order of `iter_outputs`.

    One job per feed (all of `all_feeds`, or only ``feeds``), one for the
    sitemap and robots.txt (unless ``sitemap`` is False: a build keeping
    them), one for the open data (unless ``open_data`` is False). Each is pure: jobs may run in any process
    that holds the graph (forked render workers do), in any order; their
    pairs, in job order, are those of `iter_outputs`.
    """
    chosen = all_feeds(graph) if feeds is None else feeds
    return [*(partial(_feed_file, graph, feed) for feed in chosen),
            *([partial(_pairs, render_sitemap, graph)] if sitemap else []),
            *([partial(_pairs, render_open_data, graph)] if open_data else [])]


def _feed_file(graph: SiteGraph, feed: Feed) -> list[tuple[str, bytes]]:
    return [(output_path(feed.url), feed_xml(graph, feed))]


def _pairs(make: Callable[[SiteGraph], dict[str, bytes]], graph: SiteGraph) -> Iterable[tuple[str, bytes]]:
    return make(graph).items()


def iter_outputs(graph: SiteGraph, feeds: Sequence[Feed] | None = None) -> Iterator[tuple[str, bytes]]:
    """Make the machine-readable files of the site, one ``(output path, bytes)`` pair at a time.

    Feeds (all of `all_feeds`, or only ``feeds`` when given: a build leaves
    out those it keeps), ``sitemap.xml``, ``robots.txt``, the data files and
    ``datapackage.json``, in that order (the jobs of `output_jobs`, run
    here). Pure; raises nothing for a valid graph. A large site's feeds hold
    the full text of their newest entries (about 80 MB for 10,000 pages and
    200 units); a caller that writes each file away before asking for the
    next never holds them all.
    """
    for job in output_jobs(graph, feeds):
        yield from job()
