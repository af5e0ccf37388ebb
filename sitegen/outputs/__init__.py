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

from typing import Sequence

from ..site import SiteGraph
from .feeds import Feed, render_feeds
from .opendata import render_open_data
from .sitemap import render_sitemap


def render_outputs(graph: SiteGraph, feeds: Sequence[Feed] | None = None) -> dict[str, bytes]:
    """Return the machine-readable files of the site as ``{output path: bytes}``.

    Feeds (all of `all_feeds`, or only ``feeds`` when given: a build leaves
    out those it keeps), ``sitemap.xml``, ``robots.txt``, the data files and
    ``datapackage.json``. Pure; raises nothing for a valid graph.
    """
    return {**render_feeds(graph, feeds), **render_sitemap(graph), **render_open_data(graph)}
