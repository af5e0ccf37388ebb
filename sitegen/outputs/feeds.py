"""Atom feeds: the site's interviews, its case studies, and the interviews of each series and each unit.

Each feed is an Atom 1.0 document (RFC 4287) made with feedgen:

- feed ``id`` and ``rel="self"`` link: the feed's absolute address; a
  ``rel="alternate"`` link to the HTML page it mirrors (home, series or
  unit page); ``updated``: the newest entry's time of change (see below; or, for a feed
  with no entries, which a build does not write, the newest date of the site's content);
  ``author``: the site's publisher.
- one ``entry`` for each of the newest ``feed_entries`` published
  interviews, or case studies in theirs (50 unless ``site.yaml`` says
  otherwise), newest first: ``id`` and
  ``alternate`` link are the page's absolute address; ``published`` is the
  publish time and ``updated`` the page's ``updated:`` time (when it was
  corrected), else its publish time, each with the site's time-zone offset
  (RFC 3339, as RFC 4287 §3.3 requires); ``summary`` is the list summary;
  ``content type="html"`` starts with what the page shows above the text,
  with the page's words (`_facts_html`): an interview's interviewee
  (``受访人：name，role``) then its ``summary:`` as the page's lead
  paragraph, a case study's status (``状态：推进中``) then its
  ``问题``, ``举措`` and ``成效`` (those typed), escaped plain text; then comes
  the sanitized body HTML (already cleaned by
  `sitegen.markup`) with root-relative links made absolute, since a feed is
  read away from the site, and links within the page (footnotes ``#fn-1``,
  a heading ``#及时启动建立体系``) made the page's absolute address with
  that fragment, since a reader resolves ``#…`` against the feed (the feed
  has no ``xml:base``), between the front matter pictures as the page
  places them (the lead after those fields, before the text; the others
  after); ``author`` is where the interview was first published (its
  source, else its series' publisher, else the site's publisher); one
  ``category`` per tag.

Feed paths: ``/feed.xml``, and ``feed.xml`` inside the case studies' list
folder (``/cases/feed.xml``) and each series and unit page's folder
(`sitegen.site.FEED_FILE`). A feed is written only when it has an entry: a
unit or series with no published interview (a unit with case studies only)
has no feed, and no page links one (`all_feeds`).

May import: config, models (the case study's status labels), site (and feedgen, the standard library).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Sequence

from ..models import CASE_STATUS_LABELS, CaseStudyMeta, InterviewMeta
from ..site import Entry, Figure, SeriesView, SiteGraph, UnitView, Urls, output_path

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

FEED_MEDIA_TYPE = "application/atom+xml"
_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True)
class Feed:
    """One feed to write: its title, the page it mirrors, its own site path and its entries (newest first)."""

    title: str
    page_url: str
    url: str
    entries: tuple[Entry, ...]


def _newest_entries(graph: SiteGraph, newest_first: Sequence[Entry]) -> tuple[Entry, ...]:
    """The first ``feed_entries`` (site.yaml) of entries given newest first."""
    return tuple(newest_first[:graph.config.feed_entries])


def site_feed(graph: SiteGraph) -> Feed:
    """The site-wide feed of the newest published interviews, titled as its list page is ("访谈 - <site title>"),
    and as the other feeds are: what it holds, then the site."""
    return Feed(f"访谈 - {graph.config.title}", graph.links.home, graph.links.feed,
                _newest_entries(graph, graph.interviews))


def cases_feed(graph: SiteGraph) -> Feed:
    """The feed of the newest published case studies, mirroring their list page: a reader who follows the
    campaign's cases learns of a new one as of a new interview."""
    return Feed(f"典型案例 - {graph.config.title}", graph.links.cases, graph.links.cases_feed,
                _newest_entries(graph, graph.cases))


def series_feed(graph: SiteGraph, view: SeriesView) -> Feed:
    """The feed of one series' newest interviews."""
    return Feed(f"{view.series.title} - {graph.config.title}", view.url, view.feed_url,
                _newest_entries(graph, view.interviews))


def unit_feed(graph: SiteGraph, view: UnitView) -> Feed:
    """The feed of one unit's newest interviews."""
    return Feed(f"{view.unit.name}访谈 - {graph.config.title}", view.url, view.feed_url,
                _newest_entries(graph, view.interviews))


def all_feeds(graph: SiteGraph) -> list[Feed]:
    """Every feed the site writes: site-wide, the case studies', then per series, then per unit; each only when
    it has an entry (`sitegen.site.SiteGraph.has_feed`, `has_cases_feed`, `UnitView.has_feed`,
    `SeriesView.has_feed`): a feed of nothing is not written, and no page links it."""
    return [*([site_feed(graph)] if graph.has_feed else []), *([cases_feed(graph)] if graph.has_cases_feed else []),
            *(series_feed(graph, v) for v in graph.series if v.has_feed),
            *(unit_feed(graph, v) for v in graph.units if v.has_feed)]


def entry_author(graph: SiteGraph, entry: Entry) -> str:
    """Who first published an interview or case study: its source's publisher, its series' publisher, or the
    site's."""
    source = getattr(entry.meta, "source", None)
    if source is not None:
        return str(source.publisher)
    if entry.series is not None:
        return entry.series.publisher
    return graph.config.publisher or graph.config.title


def feed_xml(graph: SiteGraph, feed: Feed) -> bytes:
    """Write one feed as Atom 1.0 (UTF-8 bytes with an XML declaration). Raises nothing for valid graphs."""
    # Imported here: feedgen brings lxml (about 11 ms), and a rebuild whose feeds are unchanged needs neither.
    from feedgen.feed import FeedGenerator
    config, urls = graph.config, graph.urls
    generator = FeedGenerator()
    generator.id(urls.absolute(feed.url))
    generator.title(feed.title)
    generator.link(href=urls.absolute(feed.url), rel="self", type=FEED_MEDIA_TYPE)
    generator.link(href=urls.absolute(feed.page_url), rel="alternate", type="text/html")
    generator.language(config.language)
    generator.author(name=config.publisher or config.title)
    generator.generator("sitegen")
    newest = max((entry.modified for entry in feed.entries), default=None) or graph.newest() or _EPOCH
    generator.updated(newest.replace(tzinfo=config.zone))
    for entry in feed.entries:
        _add_entry(graph, generator, entry)
    return generator.atom_str(pretty=True)


def _add_entry(graph: SiteGraph, generator: FeedGenerator, entry: Entry) -> None:
    urls, published = graph.urls, entry.meta.date.replace(tzinfo=graph.config.zone)
    item = generator.add_entry(order="append")
    item.id(urls.absolute(entry.url))
    item.title(entry.title)
    item.link(href=urls.absolute(entry.url), rel="alternate", type="text/html")
    item.published(published)
    item.updated(entry.modified.replace(tzinfo=graph.config.zone))
    item.author(name=entry_author(graph, entry))
    item.summary(entry.summary)
    # The page shows these fields in its header and above its lead picture: the feed shows them first too.
    item.content(_facts_html(entry) + _figures_html(urls, entry.figures[:1])
                 + urls.rebase_html(entry.document.rendered.html, absolute=True, page=entry.url,
                                   sizes=entry.image_sizes)
                 + _figures_html(urls, entry.figures[1:]), type="html")
    for term in entry.tags:
        item.category(term=term.name, label=term.name, scheme=urls.absolute(graph.links.tags))


def _facts_html(entry: Entry) -> str:
    """What the page of an interview or case study shows above its text, with the page's words, as HTML.

    Takes the entry; returns for an interview its byline (``<p>受访人：name，role</p>``) and its ``summary:``
    when typed, the lead paragraph (templates/interview.html), for a case study its status
    (``<p>状态：推进中</p>``) then its ``问题``, ``举措`` (a list) and ``成效`` as a ``<dl>``
    (templates/case.html), leaving out a field not typed. The
    texts are plain text, escaped, with their line breaks kept as ``<br>`` (the page keeps them too).
    """
    meta = entry.meta
    if isinstance(meta, InterviewMeta):
        person = meta.interviewee
        lead = f"<p>{_lines_html(meta.summary)}</p>" if meta.summary else ""
        return f"<p>受访人：{html.escape(person.name)}，{html.escape(person.role)}</p>{lead}"
    if not isinstance(meta, CaseStudyMeta):
        return ""
    facts = [("问题", _lines_html(meta.problem)) if meta.problem else None,
             ("举措", "<ul>" + "".join(f"<li>{_lines_html(action)}</li>" for action in meta.actions) + "</ul>")
             if meta.actions else None,
             ("成效", _lines_html(meta.outcome)) if meta.outcome else None]
    shown = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in filter(None, facts))
    return (f"<p>状态：{html.escape(CASE_STATUS_LABELS[meta.status.value])}</p>"
            + (f"<dl>{shown}</dl>" if shown else ""))


def _lines_html(text: str) -> str:
    """Plain text as HTML: escaped, each line break a ``<br>``."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _figures_html(urls: Urls, figures: Sequence[Figure]) -> str:
    """The front matter pictures as the page shows them (the lead before the text, the others after it):
    ``<figure>`` with an absolute ``src``, alt text, size and caption, escaped (the caption's line breaks kept as
    ``<br>``, as the page keeps them)."""
    parts = []
    for figure in figures:
        size = f' width="{figure.width}" height="{figure.height}"' if figure.width and figure.height else ""
        caption = f"<figcaption>{_lines_html(figure.caption)}</figcaption>" if figure.caption else ""
        parts.append(f'<figure><img src="{html.escape(urls.absolute(figure.path))}" '
                     f'alt="{html.escape(figure.alt)}"{size}>{caption}</figure>')
    return "".join(parts)


def render_feeds(graph: SiteGraph, feeds: Sequence[Feed] | None = None) -> dict[str, bytes]:
    """Return ``{output path: Atom bytes}`` for `all_feeds` (or the feeds given)."""
    chosen = all_feeds(graph) if feeds is None else feeds
    return {output_path(feed.url): feed_xml(graph, feed) for feed in chosen}
