"""What a page says about itself in ``<head>``: description, feeds, Open Graph, government meta, JSON-LD.

`page_head` decides, for one `sitegen.site.Page`, everything ``base.html``
writes into ``<head>`` besides the title and style sheet, as a `Head` of
plain values (the template escapes them; only `Head.json_ld` is pre-escaped,
see `json_ld_text`). Every address is absolute, made from ``base_url``.

- **Open Graph** (https://ogp.me/): ``og:title``, ``og:description``,
  ``og:url``, ``og:type`` (``article`` for interviews and case studies,
  ``website`` otherwise), ``og:site_name``, ``og:locale`` (``zh_CN`` from
  ``language: zh-CN``), ``og:image``, ``og:image:alt`` and its size when the
  page has a picture a link preview can show (the first PNG, JPEG, GIF or
  WebP of its ``images``: none is drawn from an SVG file), and ``article:published_time``/``article:section``/``article:tag``
  on articles.
- **Government-site meta tags** (政府网站网页 meta 标签) when ``site.yaml``
  has a ``gov:`` block: SiteName, SiteDomain, SiteIDCode, ColumnName (the
  series' title on pages of a series, else ``gov.column_name``), and on
  articles ArticleTitle, PubDate (``YYYY-MM-DD HH:MM``, site time) and
  ContentSource (the source's publisher, else ``gov.content_source``).
- **JSON-LD** (schema.org): ``NewsArticle`` on interviews (``wordCount``,
  ``timeRequired`` as an ISO 8601 duration, ``isPartOf`` the series as a
  ``CreativeWorkSeries``, the unit as ``about``, the interviewee as
  ``mentions``), ``Article`` on case studies, ``Dataset`` with
  ``DataDownload`` distributions on unit pages and the dashboard, and
  ``WebSite`` on the home page.

May import: config, models, site, outputs (and the standard library).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..models import is_stand_in, machine_time
from ..site import Entry, Page, SeriesView, SiteGraph, UnitView
from .feeds import cases_feed, entry_author, series_feed, site_feed, unit_feed
from .opendata import DOWNLOADS, TALLY_FIELDS, unit_downloads

_KIND_DESCRIPTIONS = {
    "dashboard": "各单位大调研问题清单的收集、提交区级、已解决和办理中数量，已解决占比和调研覆盖目标，一表对比。",
    "about_data": "本站数据的口径：收集、提交区级、已解决、办理中、调研批次和覆盖目标的含义，合计方法，以及开放数据下载。",
    "accessibility": "本站的无障碍说明：适用标准（WCAG 2.2 AA）、已做到的、已知的不足和联系方式。",
    "archive": "按月浏览全部访谈和典型案例。",
}
_JSON_LD_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class Head:
    """Everything a page's ``<head>`` holds besides title and style sheet.

    ``description``: plain text for ``<meta name="description">`` and
    ``og:description``. ``canonical``: the page's absolute address (None on
    the 404 page, which is served at any address; on a redirect page, the
    address of the page it leads to). ``robots``: a robots meta
    value or None. ``feeds``: ``(title, site path)`` of the Atom feeds to
    announce with ``<link rel="alternate" type="application/atom+xml">``.
    ``open_graph``: ``(property, content)`` pairs; ``gov``: ``(name,
    content)`` pairs; ``json_ld``: the JSON-LD text, already safe inside
    ``<script>`` (see `json_ld_text`), or None.
    """

    description: str
    canonical: str | None
    robots: str | None
    feeds: tuple[tuple[str, str], ...]
    open_graph: tuple[tuple[str, str], ...]
    gov: tuple[tuple[str, str], ...]
    json_ld: str | None


def page_head(graph: SiteGraph, page: Page) -> Head:
    """Decide the `Head` of one page (pure)."""
    description = page_description(graph, page)
    if page.kind == "not_found":
        return Head(description, None, "noindex", _feeds(graph, page), (), (), None)
    if page.kind == "redirect":  # the old address of a page: only the page's own address counts
        return Head(description, graph.urls.absolute(page.context["target"]), "noindex", (), (), (), None)
    canonical = graph.urls.absolute(page.url)
    data = json_ld(graph, page)
    return Head(description, canonical, None, _feeds(graph, page),
                open_graph(graph, page, description), gov_meta(graph, page),
                json_ld_text(data) if data else None)


def page_description(graph: SiteGraph, page: Page) -> str:
    """One plain-text sentence or two about the page (summary, blurb, or the site's description)."""
    context = page.context
    if "entry" in context:
        return context["entry"].summary
    if "unit" in context:
        unit = context["unit"].unit
        return unit.summary or f"{unit.name}的大调研进展：调研数据、覆盖目标、大事记、典型案例和访谈。"
    if "series" in context:
        return context["series"].series.blurb
    if "term" in context:
        return f"标签“{context['term'].name}”下的访谈和典型案例。"
    return _KIND_DESCRIPTIONS.get(page.kind) or graph.config.description or graph.config.title


def _feeds(graph: SiteGraph, page: Page) -> tuple[tuple[str, str], ...]:
    """``(title, site path)`` of the feeds a page announces: the site's, and the case studies', its series' or
    its unit's where the page is theirs; only feeds the build writes (`sitegen.outputs.feeds.all_feeds`)."""
    feeds = [site_feed(graph)] if graph.has_feed else []
    if (page.kind == "case" or page.template == "cases.html") and graph.has_cases_feed:
        feeds.append(cases_feed(graph))
    context = page.context
    if "series" in context and context["series"].has_feed:
        feeds.append(series_feed(graph, context["series"]))
    if "unit" in context and context["unit"].has_feed:
        feeds.append(unit_feed(graph, context["unit"]))
    entry = context.get("entry")
    if page.kind == "interview" and entry is not None:
        view = next((v for v in graph.series if v.url == entry.series_url), None)
        if view is not None:
            feeds.append(series_feed(graph, view))
    return tuple((feed.title, feed.url) for feed in feeds)


def _aware(graph: SiteGraph, moment: datetime) -> str:
    return machine_time(moment, graph.config.zone, timespec="seconds")


PREVIEW_PICTURE_ENDINGS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
"""Pictures a link preview shows: X's cards and Facebook's previews take PNG, JPEG, GIF and WebP files and
draw nothing from an SVG file, so an SVG picture is never offered as ``og:image``."""


def previews_show(path: str) -> bool:
    """Whether a link preview can show the picture at ``path`` (a site path or an address elsewhere): its file
    name, without a query or fragment, ends in one of `PREVIEW_PICTURE_ENDINGS`, in any case."""
    return path.split("#", 1)[0].split("?", 1)[0].lower().endswith(PREVIEW_PICTURE_ENDINGS)


def open_graph(graph: SiteGraph, page: Page, description: str) -> tuple[tuple[str, str], ...]:
    """Open Graph ``(property, content)`` pairs for a page (https://ogp.me/); addresses absolute."""
    config, entry = graph.config, page.context.get("entry")
    pairs = [("og:title", page.title), ("og:description", description),
             ("og:url", graph.urls.absolute(page.url)),
             ("og:type", "article" if entry is not None else "website"),
             ("og:site_name", config.title), ("og:locale", config.language.replace("-", "_"))]
    if entry is None:
        return tuple(pairs)
    shared = next((figure for figure in entry.figures if previews_show(figure.path)), None)
    if shared is not None:
        pairs += [("og:image", graph.urls.absolute(shared.path)), ("og:image:alt", shared.alt)]
        if shared.width and shared.height:
            pairs += [("og:image:width", str(shared.width)), ("og:image:height", str(shared.height))]
    pairs.append(("article:published_time", _aware(graph, entry.meta.date)))
    if entry.meta.updated is not None:
        pairs.append(("article:modified_time", _aware(graph, entry.meta.updated)))
    if entry.series is not None:
        pairs.append(("article:section", entry.series.title))
    pairs += [("article:tag", term.name) for term in entry.tags]
    return tuple(pairs)


def gov_meta(graph: SiteGraph, page: Page) -> tuple[tuple[str, str], ...]:
    """Government-site meta ``(name, content)`` pairs; empty unless site.yaml has a ``gov:`` block.

    Names and formats as the Chinese government-website page standard uses
    them (SiteName, SiteDomain, SiteIDCode, ColumnName; ArticleTitle, PubDate
    ``YYYY-MM-DD HH:MM``, ContentSource on articles). Empty values are left out.
    """
    gov = graph.config.gov
    if not any(gov.model_dump().values()):
        return ()
    entry: Entry | None = page.context.get("entry")
    series: SeriesView | None = page.context.get("series")
    column = (entry.series.title if entry is not None and entry.series is not None
              else series.series.title if series is not None else gov.column_name)
    pairs = [("SiteName", gov.site_name), ("SiteDomain", gov.site_domain),
             ("SiteIDCode", gov.site_id_code), ("ColumnName", column)]
    if entry is not None:
        source = getattr(entry.meta, "source", None)
        pairs += [("ArticleTitle", entry.title), ("PubDate", entry.meta.date.strftime("%Y-%m-%d %H:%M")),
                  ("ContentSource", source.publisher if source is not None else gov.content_source)]
    return tuple((name, value) for name, value in pairs if value)


def json_ld_text(data: dict[str, Any]) -> str:
    """Serialize JSON-LD for a ``<script type="application/ld+json">`` element.

    ``json.dumps`` (Chinese kept as characters), then ``<``, ``>``, ``&``,
    U+2028 and U+2029 replaced by their ``\\uXXXX`` escapes, so text such
    as ``</script>`` in a title cannot end the element early (HTML's
    script-data parsing rules); JSON readers decode the escapes to the same
    text. The result is safe to write into the page unescaped.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _JSON_LD_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def json_ld(graph: SiteGraph, page: Page) -> dict[str, Any] | None:
    """The schema.org JSON-LD object of a page, or None for pages that have none."""
    context = page.context
    if page.kind in ("interview", "case"):
        return article(graph, context["entry"], news=page.kind == "interview")
    if page.kind == "unit":
        return dataset(graph, page, [context["unit"]], unit_page=True)
    if page.kind == "dashboard":
        return dataset(graph, page, graph.units)
    if page.kind == "home":
        return {"@context": "https://schema.org", "@type": "WebSite", "name": graph.config.title,
                "url": graph.urls.absolute(page.url), "inLanguage": graph.config.language,
                "description": page_description(graph, page), "publisher": _publisher(graph)}
    return None


def _publisher(graph: SiteGraph) -> dict[str, str]:
    """The site's publisher as an ``Organization``: its address is the home page's, encoded as every other."""
    return {"@type": "Organization", "name": graph.config.publisher or graph.config.title,
            "url": graph.urls.absolute(graph.links.home)}


_WITHHELD = frozenset({"姓名略", "名略", "匿名", "不具名", "隐名", "姓名隐去", "隐去姓名"})
"""Words an interview gives for a name it leaves out (`withheld_name`)."""


def withheld_name(name: str) -> bool:
    """True when an interviewee's ``name`` says the name is left out rather than giving one: a note wrapped
    whole in brackets (（姓名略）, (匿名)), a word of `_WITHHELD`, or a stand-in (某某, 略:
    `sitegen.models.is_stand_in`). The page shows it as typed; structured data, which search engines read as
    the person's name, then gives the person by role alone."""
    bare = name.strip()
    wrapped = len(bare) > 2 and bare[0] in "（(【[" and bare[-1] in "）)】]"
    return wrapped or bare.strip("（()）【】[]") in _WITHHELD or is_stand_in(bare)


def article(graph: SiteGraph, entry: Entry, *, news: bool) -> dict[str, Any]:
    """``NewsArticle`` (interview, ``news=True``) or ``Article`` (case study) JSON-LD.

    ``datePublished`` carries the site's time-zone offset, or is a date
    alone for a page dated without a time (`machine_time`); ``timeRequired``
    is the reading time as an ISO 8601 duration (``PT4M``); ``wordCount`` is
    the CJK-aware count of the page's reading line. The interviewee is
    ``mentions``, a ``Person`` by name and role, or by role alone when the
    name is left out (`withheld_name`).
    """
    urls, published = graph.urls, _aware(graph, entry.meta.date)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle" if news else "Article",
        "mainEntityOfPage": urls.absolute(entry.url), "url": urls.absolute(entry.url),
        "headline": entry.title, "description": entry.summary, "inLanguage": graph.config.language,
        "datePublished": published, "dateModified": _aware(graph, entry.modified),
        "wordCount": entry.word_count, "timeRequired": f"PT{entry.minutes}M",
        "author": {"@type": "Organization", "name": entry_author(graph, entry)},
        "publisher": _publisher(graph),
        "about": {"@type": "AdministrativeArea", "name": entry.unit.name, "url": urls.absolute(entry.unit_url)},
    }
    if entry.figures:
        data["image"] = [urls.absolute(figure.path) for figure in entry.figures]
    if entry.tags:
        data["keywords"] = [term.name for term in entry.tags]
    interviewee = getattr(entry.meta, "interviewee", None)
    if interviewee is not None:
        data["mentions"] = {"@type": "Person", **({} if withheld_name(interviewee.name) else {"name": interviewee.name}),
                            "jobTitle": interviewee.role}
    if entry.series is not None and entry.series_url is not None:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": entry.series.title,
                            "url": urls.absolute(entry.series_url),
                            "publisher": {"@type": "Organization", "name": entry.series.publisher}}
    source = getattr(entry.meta, "source", None)
    if source is not None and source.url:
        data["isBasedOn"] = source.url
    return data


def dataset(graph: SiteGraph, page: Page, views: list[UnitView], *, unit_page: bool = False) -> dict[str, Any]:
    """``Dataset`` JSON-LD for the tallies of these units, with every data file as a ``DataDownload``.

    A unit's page (``unit_page``, its one unit in ``views``) lists the unit's own files first
    (`sitegen.outputs.opendata.unit_downloads`), as the page does; the site's files hold every unit (the
    description says how to filter one).
    ``temporalCoverage`` is the ISO 8601 interval of the units' tally dates; ``license`` the open data's
    licence (``data_license`` of site.yaml: its address, else its name), when the site states one.
    """
    urls = graph.urls
    names = "、".join(v.unit.name for v in views) or graph.config.title
    own = unit_downloads(views[0].unit) if unit_page else ()
    description = (f"{names}的大调研数据：各次统计的调研批次和问题清单（收集、提交区级、已解决、办理中），"
                   "调研覆盖目标和大事记。提供 CSV（UTF-8，带 BOM）和 JSON 下载，"
                   + (f"{names}的文件只含本单位的数据；" if own else "")
                   + "全部单位的文件可按 unit_id 列筛选；字段说明见 datapackage.json。")
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Dataset", "name": f"{page.title}：大调研问题清单数据",
        "description": description, "url": urls.absolute(page.url), "inLanguage": graph.config.language,
        "isAccessibleForFree": True, "creator": _publisher(graph), "publisher": _publisher(graph),
        "keywords": ["大调研", "问题清单", *[v.unit.name for v in views]],
        "spatialCoverage": [{"@type": "AdministrativeArea", "name": v.unit.name} for v in views],
        "variableMeasured": [field.title for field in TALLY_FIELDS[3:8]],
        "distribution": [{"@type": "DataDownload", "name": d.title, "contentUrl": urls.absolute(d.url),
                          "encodingFormat": d.mediatype} for d in (*own, *DOWNLOADS)],
    }
    days = sorted(t.as_of for v in views for t in v.unit.tallies)
    if days:
        data["temporalCoverage"] = f"{days[0].isoformat()}/{days[-1].isoformat()}"
    license = graph.config.data_license
    if license is not None:  # travels with the files, as datapackage.json's "licenses" does
        data["license"] = license.url or {"@type": "CreativeWork", "name": license.title or license.name}
    return data
