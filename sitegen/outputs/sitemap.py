"""The sitemap and robots.txt: where search engines find every page.

``sitemap.xml`` follows the Sitemaps protocol 0.9
(https://www.sitemaps.org/protocol.html): one ``<url>`` per HTML page except
the 404 page, the search page and the redirect pages at old addresses, with ``<loc>`` the page's absolute address (XML-escaped, UTF-8)
and ``<lastmod>`` in W3C Datetime with the site's time-zone offset when the
page's content has a date (`sitegen.site.Page.lastmod`). ``robots.txt``
allows everything and names the sitemap by its absolute address (the
``Sitemap:`` line of RFC 9309's widely used extension).

The search page is left out: it holds nothing of its own to index (its
results are made in the reader's browser, and a site built without the
index shows only links to the lists there), and search engines ask sites
to keep their own search result pages out of the index (Google's webmaster
guidelines).

Under a sub-path (``https://example.org/qingpu/diaoyan/``) robots.txt is
written to the site's folder like every other file; crawlers only read it at
the domain root, so the host's own robots.txt should carry the same
``Sitemap:`` line.

May import: config, site (and the standard library).
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree

from ..site import SiteGraph

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_UNLISTED = ("not_found", "search", "redirect")
"""Kinds of pages (`sitegen.site.Page.kind`) the sitemap leaves out."""


def w3c_datetime(moment: datetime, graph: SiteGraph) -> str:
    """A naive site-time moment as W3C Datetime with offset: ``2018-05-03T10:00:00+08:00``."""
    return moment.replace(tzinfo=graph.config.zone).isoformat(timespec="seconds")


def sitemap_xml(graph: SiteGraph) -> bytes:
    """Return ``sitemap.xml``: every page but the 404, search and redirect pages, in the graph's page order.

    Returns UTF-8 bytes with an XML declaration. Raises nothing.
    """
    urlset = ElementTree.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    for page in graph.pages:
        if page.kind in _UNLISTED:
            continue
        entry = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(entry, "loc").text = graph.urls.absolute(page.url)
        if page.lastmod is not None:
            ElementTree.SubElement(entry, "lastmod").text = w3c_datetime(page.lastmod, graph)
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(graph: SiteGraph) -> bytes:
    """Return ``robots.txt``: allow every crawler, and the sitemap's absolute address (ASCII/UTF-8)."""
    return (f"User-agent: *\nAllow: /\n\nSitemap: {graph.urls.absolute(graph.links.sitemap)}\n"
            ).encode("utf-8")


def render_sitemap(graph: SiteGraph) -> dict[str, bytes]:
    """Return ``{"sitemap.xml": …, "robots.txt": …}`` (paths from `SiteLinks`)."""
    return {graph.links.sitemap.lstrip("/"): sitemap_xml(graph),
            graph.links.robots.lstrip("/"): robots_txt(graph)}
