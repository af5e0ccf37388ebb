"""Machine-readable outputs of a site: feeds, sitemap and robots.txt, open data; page metadata.

One module per job, each pure (site graph in, ``{output path: bytes}`` out):

| module | job |
|---|---|
| `feeds` | Atom feeds of interviews: site-wide, per series, per unit (RFC 4287) |
| `sitemap` | ``sitemap.xml`` (Sitemaps 0.9) and ``robots.txt`` |
| `opendata` | CSV/JSON of tallies, targets, milestones, units; ``datapackage.json`` (Frictionless) |
| `structured` | per-page ``<head>`` data: Open Graph, government meta tags, JSON-LD (used by render) |

May import: errors, config, models, site, charts, markup, slugs.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ..site import SiteGraph, output_path
from .feeds import Feed, all_feeds, feed_xml
from .opendata import render_open_data
from .sitemap import render_sitemap


def iter_outputs(graph: SiteGraph, feeds: Sequence[Feed] | None = None) -> Iterator[tuple[str, bytes]]:
    """Make the machine-readable files of the site, one ``(output path, bytes)`` pair at a time.

    Feeds (all of `all_feeds`, or only ``feeds`` when given: a build leaves
    out those it keeps), ``sitemap.xml``, ``robots.txt``, the data files and
    ``datapackage.json``, in that order. Pure; raises nothing for a valid
    graph. A large site's feeds hold the full text of their newest entries (about
    80 MB for 10,000 pages and 200 units); a caller that writes each file
    away before asking for the next never holds them all.
    """
    for feed in all_feeds(graph) if feeds is None else feeds:
        yield output_path(feed.url), feed_xml(graph, feed)
    yield from render_sitemap(graph).items()
    yield from render_open_data(graph).items()
