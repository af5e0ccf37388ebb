"""The site graph: which pages exist, their URLs and output paths, what each shows.

From checked content this module decides every page of the site, pure and
in memory: one page per interview, case study, unit, series and tag term,
the paginated lists, the home page and the 404 page. It computes the
figures the pages show (a unit's latest tally, the campaign totals summed
over units) and refuses two pages that would write the same file.

URLs here are site paths starting with "/" (``/interviews/baihe/``); the
base path of ``base_url`` is added when rendering, so a site moves between
a domain root and a sub-path without changes.

May import: errors, config, models, load, markup, slugs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Sequence
from urllib.parse import unquote

from .config import Config
from .errors import Report
from .load import Content, Document
from .markup import reading_minutes, summarize
from .models import Series, Tally, Unit
from .slugs import make_slug


@dataclass(frozen=True)
class Totals:
    """Campaign totals: each unit's latest tally, summed over units.

    ``as_of`` is the latest of the summed tallies' dates (None when no unit
    has a tally); ``units_counted`` is how many units contributed.
    """

    collected: int = 0
    escalated: int = 0
    resolved: int = 0
    in_progress: int = 0
    batches: int = 0
    units_counted: int = 0
    as_of: date | None = None


@dataclass(frozen=True)
class Term:
    """A taxonomy term (a tag): its text, slug and URL."""

    name: str
    slug: str
    url: str


@dataclass
class Entry:
    """A published Markdown page (interview or case study) as pages show it.

    ``word_count`` and ``minutes`` give the line 本篇文章N字，读完约M分钟.
    ``prev``/``next`` link within the interview's series (older/newer).
    """

    document: Document
    url: str
    unit: Unit
    series: Series | None
    summary: str
    word_count: int
    minutes: int
    tags: list[Term]
    latest_tally: Tally | None
    unit_url: str
    series_url: str | None
    prev: "Entry | None" = None
    next: "Entry | None" = None

    @property
    def meta(self) -> Any:
        """The page's front matter record."""
        return self.document.meta

    @property
    def title(self) -> str:
        """The page title."""
        return self.document.meta.title


@dataclass
class UnitView:
    """A unit with its pages: its record, URL, interviews and case studies (newest first)."""

    unit: Unit
    url: str
    interviews: list[Entry] = field(default_factory=list)
    cases: list[Entry] = field(default_factory=list)

    @property
    def latest_tally(self) -> Tally | None:
        """The tally with the latest ``as_of`` date, or None."""
        return max(self.unit.tallies, key=lambda t: t.as_of, default=None)


@dataclass
class SeriesView:
    """A series with its URL and interviews (newest first)."""

    series: Series
    url: str
    interviews: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """One HTML page to render: where it goes, which layout, and what it shows.

    ``url`` is the site path; ``output`` the file path inside the output
    folder; ``template`` the layout's file name; ``context`` the variables
    the layout receives besides ``site`` and ``page``; ``source`` the file
    the page comes from (for messages), if any.
    """

    url: str
    output: str
    template: str
    title: str
    context: dict[str, Any]
    source: str | None = None


@dataclass
class SiteGraph:
    """Everything the templates need, decided before any rendering."""

    config: Config
    pages: list[Page]
    interviews: list[Entry]
    cases: list[Entry]
    units: list[UnitView]
    series: list[SeriesView]
    tags: list[tuple[Term, list[Entry]]]
    totals: Totals
    assets: list[str]
    data: dict[str, Any]
    now: datetime


def build_site(config: Config, content: Content, now: datetime, report: Report,
               *, include_drafts: bool = False) -> SiteGraph:
    """Decide every page of the site.

    Takes the settings, checked content, the current time (naive, in the
    site's time zone: pages dated later are held back as scheduled), the
    report, and whether to include drafts and scheduled pages (the dev
    server does). Returns the `SiteGraph`. Output-path collisions and empty
    slugs are added to the report as errors.
    """
    units = {uid: UnitView(u.record, _permalink(config.permalinks.units, uid))
             for uid, u in sorted(content.units.items(), key=lambda kv: kv[1].record.name)}
    series = {sid: SeriesView(s.record, _permalink(config.permalinks.series, sid))
              for sid, s in sorted(content.series.items())}
    interviews = _entries(config, content.interviews, units, series, now, include_drafts,
                          config.permalinks.interviews)
    cases = _entries(config, content.cases, units, series, now, include_drafts, config.permalinks.cases)
    for entry in interviews:
        units[entry.unit.id].interviews.append(entry)
        if entry.series is not None:
            series[entry.series.id].interviews.append(entry)
    for entry in cases:
        units[entry.unit.id].cases.append(entry)
    for view in series.values():
        _link_neighbours(view.interviews)
    tags = _taxonomy(config, interviews + cases)
    graph = SiteGraph(config, [], interviews, cases, list(units.values()), list(series.values()),
                      tags, campaign_totals([u.unit for u in units.values()]), sorted(content.assets),
                      content.data, now)
    graph.pages.extend(_all_pages(graph))
    check_output_paths(graph.pages, report)
    return graph


def _permalink(pattern: str, slug: str) -> str:
    return pattern.replace("{slug}", slug)


def _entries(config: Config, documents: Sequence[Document], units: dict[str, UnitView],
             series: dict[str, SeriesView], now: datetime, include_drafts: bool,
             pattern: str) -> list[Entry]:
    entries = []
    for document in documents:
        meta = document.meta
        if not include_drafts and (meta.draft or meta.date > now):
            continue
        unit = units[meta.unit].unit
        series_id = getattr(meta, "series", None)
        latest = max(unit.tallies, key=lambda t: t.as_of, default=None)
        rendered = document.rendered
        entries.append(Entry(
            document=document, url=_permalink(pattern, document.slug), unit=unit,
            series=series[series_id].series if series_id else None,
            summary=meta.summary or summarize(rendered.text, config.summary_length),
            word_count=rendered.word_count,
            minutes=reading_minutes(rendered.word_count, config.reading_speed),
            tags=[_term(config, name) for name in meta.tags], latest_tally=latest,
            unit_url=units[meta.unit].url, series_url=series[series_id].url if series_id else None))
    entries.sort(key=lambda e: (e.meta.date, e.document.path), reverse=True)
    return entries


def _term(config: Config, name: str) -> Term:
    slug = make_slug(name) or "tag"
    return Term(name, slug, _permalink(config.permalinks.tags, slug))


def _link_neighbours(newest_first: list[Entry]) -> None:
    for index, entry in enumerate(newest_first):
        entry.next = newest_first[index - 1] if index > 0 else None
        entry.prev = newest_first[index + 1] if index + 1 < len(newest_first) else None


def _taxonomy(config: Config, entries: list[Entry]) -> list[tuple[Term, list[Entry]]]:
    by_slug: dict[str, tuple[Term, list[Entry]]] = {}
    for entry in entries:
        for term in entry.tags:
            by_slug.setdefault(term.slug, (term, []))[1].append(entry)
    return [by_slug[slug] for slug in sorted(by_slug)]


def campaign_totals(units: Sequence[Unit]) -> Totals:
    """Sum each unit's latest tally over all units.

    A unit's figures are cumulative, so only its latest tally counts (adding
    all its tallies would count the same lists twice). Returns `Totals`;
    zeros and ``as_of=None`` when no unit has a tally.
    """
    latest = [max(u.tallies, key=lambda t: t.as_of) for u in units if u.tallies]
    if not latest:
        return Totals()
    return Totals(
        collected=sum(t.collected for t in latest), escalated=sum(t.escalated for t in latest),
        resolved=sum(t.resolved for t in latest), in_progress=sum(t.in_progress for t in latest),
        batches=sum(t.batches or 0 for t in latest), units_counted=len(latest),
        as_of=max(t.as_of for t in latest))


def paginate(items: Sequence[Any], per_page: int) -> list[list[Any]]:
    """Split items into pages of ``per_page``; always at least one (possibly empty) page.

    5 items at 2 a page give 3 pages of 2, 2 and 1 (case 18): the count is
    ceil(len / per_page), never an empty trailing page.
    """
    count = max(1, math.ceil(len(items) / per_page))
    return [list(items[i * per_page:(i + 1) * per_page]) for i in range(count)]


def _paged_pages(base_url: str, template: str, title: str, items: Sequence[Any], per_page: int,
                 extra: dict[str, Any]) -> list[Page]:
    chunks = paginate(items, per_page)
    urls = [base_url if i == 0 else f"{base_url}page/{i + 1}/" for i in range(len(chunks))]
    pages = []
    for index, chunk in enumerate(chunks):
        pager = {"number": index + 1, "count": len(chunks), "items": chunk, "urls": urls,
                 "prev": urls[index - 1] if index > 0 else None,
                 "next": urls[index + 1] if index + 1 < len(chunks) else None}
        pages.append(Page(urls[index], output_path(urls[index]), template, title,
                          {**extra, "pager": pager}))
    return pages


def _all_pages(graph: SiteGraph) -> list[Page]:
    per_page = graph.config.per_page
    pages = [Page("/", "index.html", "home.html", graph.config.title, {}),
             Page("/404.html", "404.html", "404.html", "页面未找到", {})]
    pages += _paged_pages("/interviews/", "interviews.html", "访谈", graph.interviews, per_page, {})
    pages += _paged_pages("/cases/", "cases.html", "典型案例", graph.cases, per_page, {})
    pages.append(Page("/units/", "units/index.html", "units.html", "各单位进展", {}))
    pages.append(Page("/tags/", "tags/index.html", "tags.html", "标签", {}))
    pages.append(Page("/search/", "search/index.html", "search.html", "搜索", {}))
    for entry in graph.interviews:
        pages.append(Page(entry.url, output_path(entry.url), "interview.html", entry.title,
                          {"entry": entry}, entry.document.path))
    for entry in graph.cases:
        pages.append(Page(entry.url, output_path(entry.url), "case.html", entry.title,
                          {"entry": entry}, entry.document.path))
    for view in graph.units:
        pages.append(Page(view.url, output_path(view.url), "unit.html", view.unit.name, {"unit": view}))
    for view in graph.series:
        pages += _paged_pages(view.url, "series.html", view.series.title, view.interviews, per_page,
                              {"series": view})
    for term, entries in graph.tags:
        pages += _paged_pages(term.url, "tag.html", f"标签：{term.name}", entries, per_page, {"term": term})
    return pages


def output_path(url: str) -> str:
    """Return the file path (inside the output folder) that serves a site URL.

    ``/interviews/baihe/`` → ``interviews/baihe/index.html``; ``/404.html``
    → ``404.html``. Raises `ValueError` for a URL that could leave the
    output folder (``..``, ``.``, backslash, NUL, a drive letter, an empty
    segment), also when percent-encoded.
    """
    decoded = unquote(url)
    path = decoded.lstrip("/")
    if decoded.endswith("/"):
        path += "index.html"
    parts = path.split("/")
    bad = ("\\" in decoded or "\x00" in decoded or not decoded.startswith("/")
           or any(p in ("", ".", "..") or ":" in p for p in parts))
    if bad:
        raise ValueError(f'the URL "{url}" would leave the output folder')
    return path


def check_output_paths(pages: Sequence[Page], report: Report) -> None:
    """Error when two pages would write the same output file (Eleventy's rule), naming both sources."""
    owners: dict[str, Page] = {}
    for page in pages:
        first = owners.setdefault(page.output, page)
        if first is not page:
            where = page.source or first.source or ""
            report.error(where, None, None,
                         f"two pages want the URL {page.url}: {first.source or 'a generated page'} and "
                         f"{page.source or 'a generated page'}",
                         "change the slug of one of them (front matter slug: …)")


def group_by_month(entries: Sequence[Entry]) -> list[tuple[str, list[Entry]]]:
    """Group entries by publish month, newest first: ``[("2018-05", [...]), ...]``."""
    months: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        months[entry.meta.date.strftime("%Y-%m")].append(entry)
    return sorted(months.items(), reverse=True)
