"""The site graph: which pages exist, their URLs and output paths, what each shows.

From checked content this module decides every page of the site, in memory
(the one file it reads is the head of each picture, for its size:
`sitegen.pictures.image_size`): one page per interview, case study, unit, series and tag term,
the paginated lists, the archive by month, the dashboard, the information
pages (about the data, accessibility) and the 404 page. It computes the
figures the pages show (a unit's latest tally, the campaign totals summed
over units), when each page last changed (for the sitemap), and refuses two
pages that would write the same file, and a file under content/ at the path
of a file sitegen writes (`check_content_assets`).

URLs here are *site paths* starting with "/" (``/interviews/baihe/``). Each
collection's pages follow its ``permalinks`` pattern, and the section pages
(lists, feeds, information pages) are given to templates as `SiteLinks`, so
no template writes a path of its own. `Urls` adds the base path of
``base_url`` (and its origin, for absolute addresses) when rendering, so a
site moves between a domain root and a sub-path without changes.

May import: lazyre, errors, config, models, load, markup, pictures, slugs, webaddress.
"""

from __future__ import annotations

import bisect
import difflib
import html
import json
import math
import posixpath
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import quote, unquote, urlsplit

from .config import SITEGEN_FOLDERS, Config, Permalinks, setting_place
from .errors import Report, new_record_command, paste_hint
from .lazyre import compile_later
from .load import Content, Document, alias_as_typed, keep_aliases
from .markup import (LAYOUT_IDS, free_id, heading_with_id, places_typed, reading_minutes, slugify_heading, summarize,
                     swallowed_title)
from .models import (QUOTE_MARKS, Image, Series, Tally, Unit, UnitLevel, in_chinese_quotes, is_external_address,
                     names_of, plain_name, publish_time_text, short_name, site_image_path, tag_spelling)
from .pictures import image_size, picture_file, site_path
from .slugs import (device_name, device_trouble, id_syllables, is_slug, make_slug, readings_of, slug_reading,
                    windows_safe)
from .webaddress import (address_path, after_base_path, half_width_address, signs_in_name_hint, untitled_hint,
                         words_after_path)

FEED_FILE = "feed.xml"
"""File name of a collection's Atom feed, inside the collection page's folder."""

# Characters a link keeps as they are: RFC 3986 reserved characters and "%"
# (already percent-encoded text is not encoded twice).
_URL_SAFE = "/%#?=&;:@!$'()*+,[]~"
_STRAY_PERCENT_RE = compile_later(r"%(?![0-9A-Fa-f]{2})")


def _quoted(path: str) -> str:
    """A site path as an address: non-ASCII and spaces percent-encoded (UTF-8), escapes already there
    kept, and a "%" that starts none (a file named 100%完成.png) written %25, as an address must."""
    return quote(_STRAY_PERCENT_RE.sub("%25", path), safe=_URL_SAFE)


# A start tag, attribute values quoted or not (so ">" inside quotes does not end it).
_START_TAG_RE = compile_later(
    r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)(\s*/?>)")
_ATTRIBUTE_RE = compile_later(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_URL_ATTRIBUTES = frozenset({"href", "src"})
# What every attribute `Urls.rebase_html` rewrites contains: "=", spaces, an optional
# quote, then "/" or "&" (an entity may decode to "/"). A fragment without it is
# returned as it is, unparsed. (Matching the name as well, href or src in any case,
# made this search about 30 times slower on typical bodies.)
_MAYBE_ROOT_LINK_RE = compile_later(r"=\s*[\"']?[/&]")
_IMAGE_TAG_RE = compile_later(r"<img", re.IGNORECASE)  # an image's relative src is rewritten too
# A relative href is rewritten too: any href but the usual addresses elsewhere (over-inclusive: only slower).
_MAYBE_RELATIVE_HREF_RE = compile_later(r"href\s*=\s*(?![\"']?(?:https?:|mailto:|tel:|#))", re.IGNORECASE)
# With the page's address given, an href within the page ("#fn-1") is rewritten as well.
_MAYBE_LOCAL_HREF_RE = compile_later(r"href\s*=\s*(?![\"']?(?:https?:|mailto:|tel:))", re.IGNORECASE)
_NO_SIZES: Mapping[str, tuple[int, int]] = MappingProxyType({})


@dataclass(frozen=True)
class Urls:
    """Turns site paths into the links a page or feed writes.

    ``base_url`` is the site's address ending in "/" (``https://example.org/``
    or ``https://example.org/qingpu/diaoyan/``). A *site path* is a path from
    the site's root (``/units/baihe/``); addresses with a scheme
    (``https:``, ``mailto:``), protocol-relative ``//host/…`` and in-page
    ``#anchors`` are external and returned as they are (but in a text read
    away from its page: `rebase_html`'s ``page``).
    """

    base_url: str
    # Whether a site path (decoded) names a page or file of the site (`SiteGraph.leads_to`): a link typed with
    # the base path is read by it as the checks read it (`typed_with_base`). None: every such link is taken
    # for a slip (typed with the base path) when its rest can be.
    leads: Callable[[str], bool] | None = field(default=None, repr=False, compare=False)
    # path() runs about 20 times a page (every link of every layout) for far fewer distinct
    # site paths; each answer is kept (quoting was an eighth of the rendering time).
    _paths: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    # absolute() runs about 15 times a page, for the head's addresses; kept alike.
    _absolutes: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def base_path(self) -> str:
        """The path part of ``base_url``: ``/`` or ``/qingpu/diaoyan/``, in the one spelling links are written in
        (`sitegen.webaddress.address_path`: ``/%E9%9D%92%E6%B5%A6/`` for ``/青浦/``, however it was typed)."""
        return address_path(urlsplit(self.base_url).path or "/")

    @cached_property
    def base_folder(self) -> str:
        """`base_path` decoded (``/青浦/调研/``), to compare with a path typed in any spelling, decoded too."""
        return unquote(self.base_path)

    @property
    def origin(self) -> str:
        """Scheme and host of ``base_url``: ``https://example.org``."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    @staticmethod
    def is_external(link: str) -> bool:
        """True for a link that is not a site path (`sitegen.models.is_external_address`)."""
        return is_external_address(link)

    def path(self, site_path: str) -> str:
        """Return the link for a page: the base path + the site path, non-ASCII percent-encoded (UTF-8).

        ``/interviews/baihe/`` under ``https://example.org/qingpu/`` →
        ``/qingpu/interviews/baihe/``. External links are returned unchanged.
        """
        found = self._paths.get(site_path)
        if found is None:
            found = self._paths[site_path] = site_path if self.is_external(site_path) else _quoted(
                self.base_path.rstrip("/") + "/" + site_path.lstrip("/"))
        return found

    def absolute(self, site_path: str) -> str:
        """Return the absolute address of a site path (``https://example.org/qingpu/interviews/baihe/``).

        Used where a link must stand alone: feeds, sitemap, canonical, Open
        Graph, JSON-LD. External links are returned unchanged.
        """
        found = self._absolutes.get(site_path)
        if found is None:
            found = self._absolutes[site_path] = (site_path if self.is_external(site_path)
                                                  else self.origin + self.path(site_path))
        return found

    def rebase_html(self, fragment: str, *, absolute: bool = False, page: str | None = None,
                    sizes: Mapping[str, tuple[int, int]] | None = None, lazy: bool = False) -> str:
        """Rewrite root-relative ``href``/``src`` values in an HTML fragment to include the base path.

        Takes sanitized HTML (e.g. a rendered Markdown body, where an editor
        wrote ``[案例](/cases/case1/)`` or ``![](/images/a.png)``) and returns
        it with every start tag's ``href``/``src`` that starts with "/" (not
        "//") passed through `path`, or `absolute` when ``absolute`` is True
        (feed content, read away from the site). A link that already starts
        with the base path (``/qingpu/diaoyan/cases/x/``, copied from the
        browser's address bar: `check_text_links` warns of it) is not
        prefixed again, only made absolute when asked, unless it names a page
        or file of the site as typed (a folder content/qingpu/: `typed_with_base`). A relative ``href`` or image ``src`` (``![](images/a.png)``,
        ``[报告](files/a.pdf)``, ``[案例](../cases/x/)``) is read from the site
        root, as the paths of front matter images are (files under content/
        are published at the same path), so it works on every page and feed
        that holds the body. ``page`` is the site path of the page the
        fragment is the text of, given where the text is read away from that
        page (a feed entry): an ``href`` to the page itself, a place in it
        (``#fn-1``, ``#及时启动建立体系``), another query of it (``?page=2``)
        or empty, then leads to that page (`_page_link`); without it, such
        a link stays as written (it works on the page). Only attributes of
        real start tags are touched, never text; other links stay as
        written. ``sizes`` maps an
        image's ``src`` as written (entities decoded) to its ``(width,
        height)`` in pixels (`Entry.image_sizes`); an ``<img>`` found there
        gets the ``width`` and ``height`` it lacks (`_missing_size`), so the
        browser keeps the picture's place while it loads. ``lazy`` True marks
        every ``<img>`` without a ``loading`` attribute ``loading="lazy"``
        (pictures in a page's text load as the reader nears them). A fragment
        with no root-relative or relative ``href``/``src`` and no image (most
        bodies; with ``page``, no ``href`` within the page either) is returned
        without parsing.
        """
        relative = _MAYBE_RELATIVE_HREF_RE if page is None else _MAYBE_LOCAL_HREF_RE
        if not _MAYBE_ROOT_LINK_RE.search(fragment) and not _IMAGE_TAG_RE.search(fragment) \
                and not relative.search(fragment):
            return fragment
        return self._rebase_tags(fragment, absolute, sizes or _NO_SIZES, lazy, page)

    def _rebase_tags(self, fragment: str, absolute: bool, sizes: Mapping[str, tuple[int, int]] = _NO_SIZES,
                     lazy: bool = False, page: str | None = None) -> str:
        """`rebase_html` without the shortcut: every start tag is parsed."""
        return _START_TAG_RE.sub(lambda tag: self._rebase_tag(tag, absolute, sizes, lazy, page), fragment)

    def _site_link(self, link: str) -> str | None:
        """The link a root-relative address becomes (under the base path), or None to leave it as written.

        One typed with the base path (copied from the address bar) that names a page or file only without it
        is published as typed (`typed_with_base`): prefixed again, it led nowhere."""
        if not link.startswith("/") or link.startswith("//"):
            return None
        if self.base_path != "/" and typed_with_base(site_path(link), self.base_folder, self.leads) is not None:
            return _quoted(link)
        return self.path(link)

    def _page_link(self, link: str, page: str) -> str | None:
        """The link an ``href`` within the page ``page`` (a site path) becomes, or None when it is not one.

        Within the page: empty, or only a fragment or a query (RFC 3986
        §4.4: a same-document reference, and a query of this page). It
        becomes the page's link with it (`path`), percent-encoded as the
        page's own address is: ``#及时启动建立体系`` on ``/interviews/x/``
        → ``/interviews/x/#%E5%8F%8A…``, the address a browser goes to from
        the page's own link (and finds the heading's id by, decoded).
        """
        if link and not link.startswith(("#", "?")):
            return None
        return self.path(page) + _quoted(link)

    def _rebase_tag(self, tag: re.Match[str], absolute: bool, sizes: Mapping[str, tuple[int, int]],
                    lazy: bool, page: str | None) -> str:
        attributes = tag.group(2)
        image = tag.group(1).lower() == "img"
        parts, position, given, source = [], 0, {}, None
        for attribute in _ATTRIBUTE_RE.finditer(attributes):
            name, value = attribute.group(1).lower(), attribute.group(2)
            if name == "loading":
                lazy = False
            if name in ("width", "height"):
                given[name] = (value or "").strip("\"'").strip()
            if name not in _URL_ATTRIBUTES or value is None:
                continue
            link = html.unescape(value[1:-1] if value[0] in "\"'" else value)
            if image and name == "src":
                source, link = link, site_image_path(link)
            elif name == "href" and not self.is_external(link := link.strip(" \t\n\f\r")) \
                    and not link.startswith("/"):
                link = site_image_path(link)  # a relative link, like a picture's path, is read from the root
            within = self._page_link(link, page) if page is not None and name == "href" else None
            rebased = self._site_link(link) if within is None else within
            if rebased is None:
                continue
            rebased = self.origin + rebased if absolute else rebased
            parts.append(attributes[position:attribute.start(2)] + '"' + html.escape(rebased) + '"')
            position = attribute.end(2)
        added = _missing_size(given, sizes.get(source) if source is not None else None)
        added += ' loading="lazy"' if image and lazy else ""
        if not parts and not added:
            return tag.group(0)
        return f"<{tag.group(1)}{''.join(parts)}{attributes[position:]}{added}{tag.group(3)}"


def _missing_size(given: Mapping[str, str], size: tuple[int, int] | None) -> str:
    """The ``width``/``height`` attributes an ``<img>`` lacks, from the picture's own ``size``.

    ``given`` holds the ones written (name → value). Neither written: both.
    Only one, a whole number of pixels: the other, in the picture's
    proportions (width="200" for a 640 x 360 picture adds height="113"), so
    the box has the picture's shape. Else, or with no size known: "".
    """
    if size is None:
        return ""
    width, height = size
    if not given:
        return f' width="{width}" height="{height}"'
    if len(given) == 1:
        (name, value), = given.items()
        if value.isdigit() and value.isascii() and int(value) > 0:
            if name == "width":
                return f' height="{max(1, round(int(value) * height / width))}"'
            return f' width="{max(1, round(int(value) * width / height))}"'
    return ""


@dataclass(frozen=True)
class SiteLinks:
    """Site paths of the section pages and site-wide files, for templates and outputs.

    The list pages of the collections (``interviews``, ``cases``, ``units``,
    ``tags``) follow the collection's permalink pattern (see `section_url`);
    the other pages have fixed paths.
    """

    home: str = "/"
    interviews: str = "/interviews/"
    cases: str = "/cases/"
    units: str = "/units/"
    tags: str = "/tags/"
    search: str = "/search/"
    archive: str = "/archive/"
    dashboard: str = "/dashboard/"
    about_data: str = "/about-data/"
    downloads: str = "/about-data/#downloads"
    subscribe: str = "/about-data/#feeds"
    """How to subscribe, with every feed's link: a feed opened in a browser shows its XML code, not a page."""
    accessibility: str = "/accessibility/"
    feed: str = "/" + FEED_FILE
    not_found: str = "/404.html"
    sitemap: str = "/sitemap.xml"
    robots: str = "/robots.txt"

    @property
    def cases_feed(self) -> str:
        """The site path of the case studies' feed: ``feed.xml`` in the folder of their list (``/cases/feed.xml``)."""
        return self.cases + FEED_FILE


def section_url(pattern: str, default: str) -> str:
    """Return the list page of a collection from its permalink pattern.

    The list lives where the pattern's fixed folder is: ``/fangtan/{slug}/``
    → ``/fangtan/``. When the pattern has no folder of its own before
    ``{slug}`` (``/{slug}/``, ``/i-{slug}/``), ``default`` is used.
    """
    prefix = pattern.split("{slug}", 1)[0]
    return prefix if prefix != "/" and prefix.endswith("/") else default


def site_links(permalinks: Permalinks) -> SiteLinks:
    """Return the `SiteLinks` of a site with these permalink patterns."""
    return SiteLinks(
        interviews=section_url(permalinks.interviews, SiteLinks.interviews),
        cases=section_url(permalinks.cases, SiteLinks.cases),
        units=section_url(permalinks.units, SiteLinks.units),
        tags=section_url(permalinks.tags, SiteLinks.tags))


@dataclass(frozen=True)
class Totals:
    """Campaign totals: each unit's latest tally, summed over the units `summed_units` gives.

    ``as_of`` is the latest of the summed tallies' dates and ``earliest_as_of``
    the earliest (both None when no unit has a tally); ``units_counted`` is
    how many units contributed. When the two dates differ, the sum mixes
    figures of different days, and pages must say so rather than print one
    "截至" date that holds for only some of the units.
    """

    collected: int = 0
    escalated: int = 0
    resolved: int = 0
    in_progress: int = 0
    batches: int = 0
    units_counted: int = 0
    as_of: date | None = None
    earliest_as_of: date | None = None
    left_out: tuple[str, ...] = ()
    """Names of the district-level units whose figures are not summed (see `summed_units`)."""


@dataclass(frozen=True)
class Term:
    """A taxonomy term (a tag): its text, slug and URL."""

    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class Figure:
    """An image slot of a page as it is shown: the front matter's `Image` and the picture's size.

    ``width`` and ``height`` are the image file's own size in CSS pixels
    (`sitegen.pictures.image_size`: PNG, JPEG, GIF, WebP, SVG whose
    ``<svg>`` states its width and height), or None when it cannot be read. The
    ``<img>`` carries them so that the browser keeps the picture's place
    before it loads and the text does not jump (layout shift, Core Web
    Vitals' CLS); the theme's CSS scales the picture to the column.
    """

    image: Image
    width: int | None
    height: int | None

    @property
    def src(self) -> str:
        """The image's path as typed, from ``content/`` (``images/baihe-1.svg``)."""
        return self.image.src

    @property
    def path(self) -> str:
        """The image's site path (``/images/baihe-1.svg``; `site_image_path`), or its address elsewhere."""
        return site_image_path(self.image.src)

    @property
    def alt(self) -> str:
        """The image's text alternative."""
        return self.image.alt

    @property
    def caption(self) -> str:
        """The image's caption ("" for none)."""
        return self.image.caption


@dataclass
class Entry:
    """A published Markdown page (interview or case study) as pages show it.

    ``word_count`` and ``minutes`` give the line 本篇文章N字，读完约M分钟.
    ``figures`` are the front matter's images with their sizes, the lead
    image first. ``image_sizes`` gives the size of each picture in the text,
    ``{src as in the body's HTML: (width, height)}`` in pixels, for those
    whose size can be read (the ``rebase`` filter writes it on the ``<img>``).
    ``prev``/``next`` link within the interview's series (older/newer), each as
    a `Neighbour`: the entry beside it, without neighbours of its own.
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
    figures: list[Figure] = field(default_factory=list)
    image_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    prev: "Neighbour | None" = None
    next: "Neighbour | None" = None

    @property
    def meta(self) -> Any:
        """The page's front matter record."""
        return self.document.meta

    @property
    def title(self) -> str:
        """The page title."""
        return self.document.meta.title

    @property
    def modified(self) -> datetime:
        """When the page last changed: its ``updated`` time, else its publish time (naive, site time zone)."""
        return self.document.meta.updated or self.document.meta.date

    @property
    def tally_then(self) -> Tally | None:
        """The unit's tally in force when the page was published, or None.

        That is the tally with the latest ``as_of`` on or before the day of
        the page's ``date`` (site time); None when every tally is later or
        the unit has none. An interview's figures are the figures of its
        day: a tally added years later must not stand under its text as if
        the interviewee had spoken of it (`latest_tally` is the newest).
        """
        day = self.meta.date.date()
        return max((tally for tally in self.unit.tallies if tally.as_of <= day),
                   key=lambda tally: tally.as_of, default=None)


@dataclass
class UnitView:
    """A unit with its pages: its record, URL, interviews and case studies (newest first)."""

    unit: Unit
    url: str
    interviews: list[Entry] = field(default_factory=list)
    cases: list[Entry] = field(default_factory=list)
    initial: str = "#"
    """The capital letter its name's pinyin starts with (白鹤镇: ``B``), as it is ordered (`_pinyin_order`);
    ``#`` for a name that starts with no letter a–z."""

    @property
    def latest_tally(self) -> Tally | None:
        """The tally with the latest ``as_of`` date, or None."""
        return max(self.unit.tallies, key=lambda t: t.as_of, default=None)

    @property
    def feed_url(self) -> str:
        """Site path of the unit's Atom feed of interviews (``/units/baihe/feed.xml``), written only when
        `has_feed`."""
        return self.url + FEED_FILE

    @property
    def has_feed(self) -> bool:
        """Whether the unit has a feed: it holds the unit's interviews, so a unit with no published interview
        (only case studies, or nothing yet) has none, and no page links one. Takes and raises nothing."""
        return bool(self.interviews)


UNIT_LEVEL_ORDER = ("district", "town", "subdistrict", "park", "village", "community", "committee")
"""The order of the levels of units on the units page: the district, then its towns and subdistricts, the parks
beside them, their villages and communities, and the district's offices (委办局) last."""

GROUP_UNITS_FROM = 13
"""From this many units of two levels or more, the units page lists them in one table per level
(`SiteGraph.unit_groups`), and the home page links those tables instead of listing every unit: 12 rows are about
what a phone's screen shows at once."""

INDEX_UNITS_FROM = 21
"""From this many units in one table, it gets an index of the letters their names' pinyin starts with
(`UnitGroup.letters`), as a phone's contact list has."""


@dataclass(frozen=True)
class UnitGroup:
    """The units of one level (镇, 街道, 村 …) as the units page shows them, in `SiteGraph.units` order.

    ``level`` is the `UnitLevel` value (``town``), ``""`` for a group of
    all units; ``views`` its units. The units page names its places
    ``units-`` + `key` (``units-town``) and ``units-`` + a row's place
    (``units-town-x``): a literal start, so that the check of links to a
    place in a page still knows every other place a layout may give.
    """

    level: str
    views: tuple[UnitView, ...]

    @property
    def key(self) -> str:
        """The group's name in the page's places: its level (``town``), or ``all``."""
        return self.level or "all"

    @property
    def letters(self) -> list[tuple[str, str]]:
        """``(letter, place)`` for each pinyin initial of the group's units, in order, the place naming the
        row of the first unit with that initial (``town-x``; ``town-other`` for ``#``); empty below
        `INDEX_UNITS_FROM` units."""
        return [(view.initial, place) for view, place in self.rows if place]

    @property
    def rows(self) -> list[tuple[UnitView, str]]:
        """``(unit, place)`` for each unit in order: the place (as in `letters`) of the first unit of each
        initial when the group has an index, else ``""``."""
        if len(self.views) < INDEX_UNITS_FROM:
            return [(view, "") for view in self.views]
        seen: set[str] = set()
        rows = []
        for view in self.views:
            rows.append((view, "" if view.initial in seen else self._place(view.initial)))
            seen.add(view.initial)
        return rows

    def _place(self, letter: str) -> str:
        return f"{self.key}-{letter.lower() if letter != '#' else 'other'}"


@dataclass
class SeriesView:
    """A series with its URL and interviews (newest first)."""

    series: Series
    url: str
    interviews: list[Entry] = field(default_factory=list)

    @property
    def feed_url(self) -> str:
        """Site path of the series' Atom feed (``/series/<id>/feed.xml``), written only when `has_feed`."""
        return self.url + FEED_FILE

    @property
    def has_feed(self) -> bool:
        """Whether the series has a feed: only when it has a published interview, as a feed of nothing is
        neither written nor linked. Takes and raises nothing."""
        return bool(self.interviews)


@dataclass(frozen=True)
class Page:
    """One HTML page to render: where it goes, which layout, and what it shows.

    ``url`` is the site path; ``output`` the file path inside the output
    folder; ``template`` the layout's file name; ``context`` the variables
    the layout receives besides ``site`` and ``page``; ``source`` the file
    the page comes from (for messages), if any. ``kind`` names what the page
    is, for metadata (one of `PAGE_KINDS`); ``lastmod`` is when its content
    last changed (naive, site time zone; None when only the theme decides,
    e.g. the accessibility statement), for the sitemap.
    """

    url: str
    output: str
    template: str
    title: str
    context: dict[str, Any]
    source: str | None = None
    kind: str = "page"
    lastmod: datetime | None = None


PAGE_KINDS = ("home", "not_found", "list", "units", "tags", "search", "archive", "dashboard",
              "about_data", "accessibility", "interview", "case", "unit", "series", "tag", "page", "redirect")
"""Every value of `Page.kind`: "list" is a paginated list of interviews or cases; "redirect" a page at an
old address of an interview or case study, leading to its address (`redirect_pages`), or at the address of a tag
renamed (`tag_redirect_pages`)."""


@dataclass
class SiteGraph:
    """Everything the templates and outputs need, decided before any rendering.

    ``links`` are the section pages' site paths; ``urls`` turns site paths
    into links under ``config.base_url``. ``units`` are in the order of
    the pinyin of their names, syllable by syllable (`_pinyin_order`):
    白鹤镇 (bai he) before 西江镇 (xi jiang) before 夏丰园区 (xia feng)
    before 徐泾镇 (xu jing), as Chinese lists are ordered, where the code
    points of the names would put 徐 first.
    """

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
    links: SiteLinks = SiteLinks()

    @cached_property
    def urls(self) -> Urls:
        """Link maker for this site's ``base_url`` (one per graph: it remembers the links it made)."""
        return Urls(self.config.base_url, leads=self.leads_to)

    @cached_property
    def _site_paths(self) -> tuple[set[str], set[str]]:
        """The site paths of the pages and of the content files (``/files/a.pdf``), made at the first use."""
        return ({page.url for page in self.pages},
                {"/" + rel.removeprefix("content/") for rel in self.assets} | set(_feed_urls(self, written=True)))

    def leads_to(self, path: str) -> bool:
        """Whether the site path ``path`` (decoded, no query) names a page, a content file or a file the build
        makes (`_leads_somewhere`). Asked once the pages are all made (the first link published or checked)."""
        return _leads_somewhere(path, *self._site_paths)

    @cached_property
    def unit_groups(self) -> list[UnitGroup]:
        """The units in one group per level, levels in `UNIT_LEVEL_ORDER`, units in `units` order; one group
        of all units (level ``""``) when they are fewer than `GROUP_UNITS_FROM` or all of
        one level, where one table reads best; empty without units."""
        levels = {view.unit.level.value for view in self.units}
        if len(self.units) < GROUP_UNITS_FROM or len(levels) < 2:
            return [UnitGroup("", tuple(self.units))] if self.units else []
        return [UnitGroup(level, tuple(v for v in self.units if v.unit.level.value == level))
                for level in UNIT_LEVEL_ORDER if level in levels]

    def latest_tallies(self) -> list[tuple[str, Tally]]:
        """``(unit name, latest tally)`` for every unit summed in the totals (`summed_units`), in unit order: the
        dashboard chart's rows, whose sentence sums them as the totals do."""
        summed = {id(unit) for unit in summed_units([view.unit for view in self.units])[0]}
        return [(view.unit.name, view.latest_tally) for view in self.units
                if view.latest_tally and id(view.unit) in summed]

    @property
    def has_feed(self) -> bool:
        """Whether the site's feed of interviews (`SiteLinks.feed`) is written: only when an interview is
        published, as a feed of nothing is neither written nor linked. Takes and raises nothing."""
        return bool(self.interviews)

    @property
    def has_cases_feed(self) -> bool:
        """Whether the case studies' feed (`SiteLinks.cases_feed`) is written: only when a case study is
        published. Takes and raises nothing."""
        return bool(self.cases)

    def newest(self) -> datetime | None:
        """When the site's content last changed: the newest publish time or tally date (None if neither)."""
        return _newest([e.modified for e in self.interviews + self.cases]
                       + [_midnight(t.as_of) for u in self.units for t in u.unit.tallies])


def build_site(config: Config, content: Content, now: datetime, report: Report,
               *, include_drafts: bool = False, slugger: Callable[[str], str] = make_slug,
               former: Callable[[], Mapping[str, str]] | None = None,
               layout: Callable[[], LayoutPlaces] | None = None, checked: Urls | None = None,
               published_tags: Callable[[], Mapping[str, str]] | None = None) -> SiteGraph:
    """Decide every page of the site.

    Takes the settings, checked content, the current time (naive, in the
    site's time zone: pages dated later are held back as scheduled), the
    report, whether to include drafts and scheduled pages (the dev
    server does), and the function making tag slugs (`make_slug`; a build
    passes a `sitegen.slugs.SlugBook`), and ``former``, which gives the
    addresses pages had in the last build, ``{site path: page file}``
    (called only for a link that leads nowhere: `check_text_links`), and
    ``layout``, which gives the places the theme's layouts may give a page
    (`LayoutPlaces`; called only for a link to a place in another page;
    without it, such places are not checked), and ``checked``, the `Urls` of the address the text's links
    are checked for (`check_text_links`; None: the graph's), and ``published_tags``, which gives the slug of
    each tag the last build published (``{tag: slug}``: `_terms` keeps it; called only when two tags read
    alike). Returns the `SiteGraph`. Output-path collisions and empty slugs are added to the report as errors.
    """
    order = {uid: _pinyin_order(content, u.record) for uid, u in content.units.items()}
    # An id Windows keeps for a device (content/units/con.yaml) gets a folder it can hold, /units/con-1/, as the
    # unit's open data does (data/units/con-1/); a unit file con-1.yaml beside it is told as two pages of one URL.
    units = {uid: UnitView(content.units[uid].record, config.permalinks.url("units", windows_safe(uid)),
                           initial=_initial(order[uid][0]))
             for uid in sorted(order, key=order.__getitem__)}
    series = {sid: SeriesView(s.record, config.permalinks.url("series", windows_safe(sid)))
              for sid, s in sorted(content.series.items())}
    published = [d for d in content.interviews + content.cases
                  if include_drafts or not (d.meta.draft or d.meta.date > now)]
    term = _terms(config, published, slugger, report, published_tags or dict).__getitem__
    pictures = _Pictures(config)
    interviews = _entries(config, content.interviews, units, series, now, include_drafts, term, pictures)
    cases = _entries(config, content.cases, units, series, now, include_drafts, term, pictures)
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
                      content.data, now, site_links(config.permalinks))
    graph.pages.extend(_all_pages(graph))
    graph.pages.extend(tag_redirect_pages(graph, report, published_tags or dict, slugger))
    graph.pages.extend(redirect_pages(graph, report))
    check_output_paths(graph.pages, report, config)
    held_back = [] if include_drafts else [d for d in content.interviews + content.cases
                                           if d.meta.draft or d.meta.date > now]
    check_text_links(graph, report, former, held_back, layout, checked)
    return graph


def _pinyin_order(content: Content, unit: Unit) -> tuple[tuple[str, ...], str, str]:
    """The sort key of a unit (see `SiteGraph.units`): the pinyin syllables of its name, then its name and id.

    Syllable by syllable, as a Chinese dictionary orders words: 西江镇
    (xi jiang) before 夏丰园区 (xia feng) and 香坪村 (xiang ping), where
    the letters run together (``xiafeng`` < ``xijiang``) put 西 last. The
    readings are the build's (`Content.readings`, kept in the build
    cache), as its id spells them (`id_syllables`: 长林街道 in
    ``changlin.yaml`` is chang lin, where pypinyin reads zhang); a name
    without one sorts by its id's letters.
    """
    reading = content.readings.get(unit.name)
    if not reading:
        return tuple(unit.id.split("-")), unit.name, unit.id
    return id_syllables(unit.id, tuple(reading.split("-"))), unit.name, unit.id


def _initial(syllables: tuple[str, ...]) -> str:
    """The capital letter a unit's pinyin starts with (``("bai", "he")`` → ``B``), or ``#`` for none a–z."""
    first = syllables[0][:1].upper() if syllables and syllables[0] else ""
    return first if "A" <= first <= "Z" else "#"


class _Pictures:
    """The sizes of a build's pictures, each file read once: front matter figures and pictures in the text.

    Takes the settings (the site folder).
    """

    def __init__(self, config: Config) -> None:
        self._content = config.root / "content"
        self._sizes: dict[str, tuple[int, int] | None] = {}

    def size(self, src: str) -> tuple[int, int] | None:
        """The size of the picture a page's ``src`` names (`sitegen.pictures.picture_file`), or None: an
        address elsewhere (not read, nor fetched), or a file missing or of unknown size (`image_size`)."""
        if src not in self._sizes:
            path = picture_file(self._content, src)
            self._sizes[src] = image_size(path) if path is not None else None
        return self._sizes[src]

    def figure(self, document: Document, index: int) -> Figure:
        """The `Figure` of the page's front matter image number ``index`` (a damaged picture file is
        warned by `sitegen.checks.check_images`)."""
        image = document.meta.images[index]
        return Figure(image, *(self.size(image.src) or (None, None)))

    def in_text(self, document: Document) -> dict[str, tuple[int, int]]:
        """``{src: (width, height)}`` of the pictures in the page's text whose size can be read."""
        return {src: size for src in document.rendered.images if (size := self.size(src)) is not None}


def list_summary(meta: Any, text_summary: str, length: int) -> str:
    """The summary lists, feeds and the page's description show of a page (`Entry.summary`).

    Takes its front matter, the automatic summary of its text (`sitegen.markup.summarize` of the
    body, at the site's ``summary_length``) and that length. Returns the ``summary:`` the editor wrote,
    as typed; else, for a case study, the problem it took on (``problem:``), shortened as an automatic
    summary is, to ``length`` characters; else the text's summary. Raises nothing.
    """
    if meta.summary:
        return str(meta.summary)
    problem = getattr(meta, "problem", "")
    return summarize(problem, length) if problem and problem.strip() else text_summary


def _entries(config: Config, documents: Sequence[Document], units: dict[str, UnitView],
             series: dict[str, SeriesView], now: datetime, include_drafts: bool,
             term: Callable[[str], Term], pictures: _Pictures) -> list[Entry]:
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
            document=document, url=config.permalinks.url(document.collection, document.slug), unit=unit,
            series=series[series_id].series if series_id else None,
            summary=list_summary(meta, rendered.summary, config.summary_length),
            word_count=rendered.word_count,
            minutes=reading_minutes(rendered.word_count, config.reading_speed),
            tags=[term(name) for name in meta.tags], latest_tally=latest,
            unit_url=units[meta.unit].url, series_url=series[series_id].url if series_id else None,
            figures=[pictures.figure(document, index) for index in range(len(meta.images))],
            image_sizes=pictures.in_text(document)))
    entries.sort(key=lambda e: (e.meta.date, e.document.path), reverse=True)
    return entries


def _terms(config: Config, documents: Sequence[Document], slugger: Callable[[str], str],
           report: Report, published: Callable[[], Mapping[str, str]]) -> dict[str, Term]:
    """The term of every tag text of ``documents``, one shared `Term` per text.

    Texts whose slugs are equal are one term when they are the same word
    written differently (case, width, spaces: ``R&D`` and ``r&d``), since
    their pages are about one thing. Different words that read the same
    (民生 and 民声, both ``min-sheng``: a homophone typed with a pinyin
    input method, or meant) never share a page: the word ``published()``
    (the last build's ``{tag: slug}``, read only then) gave the slug keeps it, else the word
    on the most pages (then the one used first); the others keep the
    ``min-sheng-2`` … they were published at, when still free, else get the
    next free one, and a warning at the first use of each names both, since
    it is often a typing slip (unless ``distinct_tags:`` of site.yaml lists
    both words: `_warn_homophone`). Neither a slip on one page nor a word
    meant that comes to outnumber it thus moves the address of the
    established tag: the address readers had would show another word.
    """
    first_use: dict[str, tuple[Document, int]] = {}
    pages: dict[str, int] = defaultdict(int)
    for document in sorted(documents, key=lambda d: (d.meta.date, d.path)):
        for index, name in enumerate(document.meta.tags):
            first_use.setdefault(name, (document, index))
        for name in set(document.meta.tags):
            pages[name] += 1
    readings = {name: slugger(name) for name in first_use}
    natural = {name: readings[name] or "tag" for name in first_use}  # symbols alone read nothing: told elsewhere
    taken = set(natural.values())
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in first_use:
        by_slug[natural[name]].append(name)
    terms: dict[str, Term] = {}
    record: list[Mapping[str, str]] = []  # the last build's tags, read once two tags read alike
    for slug, names in by_slug.items():
        counts: dict[str, int] = defaultdict(int)  # pages of each spelling
        for name in names:
            counts[tag_spelling(name)] += pages[name]
        had: dict[str, str] = {}
        if len(counts) > 1:
            record = record or [published()]
            had = {tag_spelling(name): record[0][name] for name in names if name in record[0]}
        order = sorted(dict.fromkeys(tag_spelling(name) for name in names),
                       key=lambda spelling: (had.get(spelling) != slug, -counts[spelling]))
        given = {order[0]: slug}
        for spelling in order[1:]:  # the addresses published first, then the next free ones
            own = had.get(spelling, "")
            if re.fullmatch(rf"{re.escape(slug)}-[0-9]+", own) and own not in taken:
                given[spelling] = own
                taken.add(own)
        for spelling in order[1:]:
            if spelling not in given:
                given[spelling] = next(f"{slug}-{n}" for n in range(2, len(taken) + 3) if f"{slug}-{n}" not in taken)
                taken.add(given[spelling])
        for name in names:
            terms[name] = Term(name, given[tag_spelling(name)],
                               config.permalinks.url("tags", given[tag_spelling(name)]))
        for spelling in order[1:]:
            kept = next(name for name in names if tag_spelling(name) == order[0])
            name = next(name for name in names if tag_spelling(name) == spelling)
            if not readings[kept] or not readings[name]:
                continue  # a tag of symbols alone (🍓, ——) reads as no other: its own warning tells it
            _warn_homophone(config, kept, name, slug, given[spelling], first_use[name], report)
    return terms


def _warn_homophone(config: Config, kept: str, name: str, slug: str, given: str,
                    use: tuple[Document, int], report: Report) -> None:
    """Warn at the first use of tag ``name`` that it reads as ``kept`` does and got the slug ``given``, unless
    ``distinct_tags:`` of site.yaml lists both (two words meant: the hint gives the line that lists them).

    Two tags apart only by quote marks (``补短板`` and ``“补短板”`` or ``"补短板"``, `_without_quotes`) are told
    so, not taken for a homophone (同音字): the quotes are most often a slip of typing the list; when they are
    meant, ``distinct_tags:`` stops this warning too.
    """
    listed = config.distinct_tags
    spelt = {tag_spelling(tag) for tag in listed}
    missing = [tag for tag in (kept, name) if tag_spelling(tag) not in spelt]
    if not missing:
        return
    document, index = use
    line, column = document.yaml.locate(("tags", index))
    own = f'"{name}" gets its own page, {config.permalinks.url("tags", given)}'
    add = (f"add the line distinct_tags: [{', '.join(map(listed_tag, missing))}] to site.yaml" if not listed else
           f"add {' and '.join(map(listed_tag, missing))} to the distinct_tags list in site.yaml")
    if _without_quotes(name) == _without_quotes(kept):
        report.warning(document.path, line, column,
                       f'the tags "{kept}" and "{name}" differ only by quote marks; {own}',
                       f"write {kept} to join its page, {config.permalinks.url('tags', slug)}; "
                       f"if the quotes are part of the tag, {add} (the warning then stops)")
        return
    report.warning(document.path, line, column, f'the tags "{kept}" and "{name}" both read {slug}; {own}',
                   f'if "{name}" is a typing slip for "{kept}" (同音字), write "{kept}"; '
                   f"if both words are meant, {add} (the warning then stops)")


_PLAIN_TAG = compile_later(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^,\[\]{}#:\"]*[^\s,\[\]{}#:\"])?")
"""A tag that a list in YAML keeps as typed without quotes (no sign that starts or ends an item, a comment or
a quote)."""


def listed_tag(tag: str) -> str:
    """``tag`` as an item of a list typed in YAML: as it is, else in double quotes (JSON's escapes are YAML's); a
    tag in Chinese quotes (“补短板”) is put in double quotes too, as the quotes are then part of it."""
    return tag if _PLAIN_TAG.fullmatch(tag) and not in_chinese_quotes(tag) else json.dumps(tag, ensure_ascii=False)


def _without_quotes(name: str) -> str:
    """The spelling of tag ``name`` (`tag_spelling`) without any quote mark in it, English or Chinese (`QUOTE_MARKS`)."""
    return tag_spelling("".join(char for char in name if char not in "\"'" + QUOTE_MARKS))


class Neighbour:
    """An entry as the page beside it in its series shows it (上一篇/下一篇 links): every attribute of the
    entry, but no neighbours of its own (``prev`` and ``next`` are None).

    A page's fingerprint holds the entries it shows with their neighbours one step away
    (`sitegen.depends`): a neighbour's neighbour would be a page it could read unseen, through any
    macro, loop or variable a theme holds it in. Use a series' list (``site.series``) to show more.
    """

    __slots__ = ("_entry",)
    prev = None
    next = None

    def __init__(self, entry: Entry) -> None:
        self._entry = entry

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)


def neighbour_entry(neighbour: Neighbour) -> Entry:
    """The entry a `Neighbour` shows."""
    return neighbour._entry


def _link_neighbours(newest_first: list[Entry]) -> None:
    shown = [Neighbour(entry) for entry in newest_first]
    for index, entry in enumerate(newest_first):
        entry.next = shown[index - 1] if index > 0 else None
        entry.prev = shown[index + 1] if index + 1 < len(newest_first) else None


def _taxonomy(config: Config, entries: list[Entry]) -> list[tuple[Term, list[Entry]]]:
    by_slug: dict[str, tuple[Term, list[Entry]]] = {}
    for entry in entries:
        for term in entry.tags:
            by_slug.setdefault(term.slug, (term, []))[1].append(entry)
    return [by_slug[slug] for slug in sorted(by_slug)]


def summed_units(units: Sequence[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Split the units that have tallies into (those whose figures are summed, district-level units left out).

    A unit of level ``district`` (区) is the district as a whole: its figures are the district's, which
    hold its towns' and offices' lists, so beside other units with tallies they are not added to theirs
    (the lists would be counted twice); its own page shows them. A site whose only units with tallies are
    district-level sums those. Order as given.
    """
    counted = [unit for unit in units if unit.tallies]
    below = [unit for unit in counted if unit.level != UnitLevel.district]
    if not below:
        return counted, []
    return below, [unit for unit in counted if unit.level == UnitLevel.district]


def campaign_totals(units: Sequence[Unit]) -> Totals:
    """Sum each unit's latest tally over the units `summed_units` gives.

    A unit's figures are cumulative, so only its latest tally counts (adding
    all its tallies would count the same lists twice). Returns `Totals`;
    zeros and both dates None when no unit has a tally.
    """
    summed, left_out = summed_units(units)
    latest = [max(u.tallies, key=lambda t: t.as_of) for u in summed]
    if not latest:
        return Totals()
    return Totals(
        collected=sum(t.collected for t in latest), escalated=sum(t.escalated for t in latest),
        resolved=sum(t.resolved for t in latest), in_progress=sum(t.in_progress for t in latest),
        batches=sum(t.batches or 0 for t in latest), units_counted=len(latest),
        as_of=max(t.as_of for t in latest), earliest_as_of=min(t.as_of for t in latest),
        left_out=tuple(unit.name for unit in left_out))


def paginate(items: Sequence[Any], per_page: int) -> list[list[Any]]:
    """Split items into pages of ``per_page``; always at least one (possibly empty) page.

    5 items at 2 a page give 3 pages of 2, 2 and 1 (case 18): the count is
    ceil(len / per_page), never an empty trailing page.
    """
    count = max(1, math.ceil(len(items) / per_page))
    return [list(items[i * per_page:(i + 1) * per_page]) for i in range(count)]


PAGER_AROUND = 2
"""How many page numbers the pager shows on each side of the current page (besides the first and last)."""


def pager_window(number: int, count: int, around: int = PAGER_AROUND) -> list[int | None]:
    """The page numbers a pager links, in order, with None where an ellipsis (…) stands for those left out.

    Takes the current page's number and the number of pages (both
    1-based, ``1 <= number <= count``). The first and the last page and
    ``around`` pages on each side of the current one are always shown; a
    gap of a single page shows that page instead of an ellipsis, which
    would be no shorter. Page 6 of 20 gives ``[1, None, 4, 5, 6, 7, 8,
    None, 20]``; page 2 of 7 gives ``[1, 2, 3, 4, None, 7]``. At most
    nine items, so with 上一页 and 下一页 the pager fits two lines of a
    320 px phone (three in the reading mode, 大字号). Raises nothing.
    """
    shown = sorted({1, count} | set(range(max(1, number - around), min(count, number + around) + 1)))
    window: list[int | None] = [shown[0]]
    for last, page in zip(shown, shown[1:]):
        if page - last == 2:
            window.append(page - 1)
        elif page - last > 2:
            window.append(None)
        window.append(page)
    return window


def _newest(times: Iterable[datetime | None]) -> datetime | None:
    return max((t for t in times if t is not None), default=None)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _entries_lastmod(entries: Sequence[Entry]) -> datetime | None:
    return _newest(e.modified for e in entries)


def _paged_pages(base_url: str, template: str, title: str, items: Sequence[Entry], per_page: int,
                 extra: dict[str, Any], kind: str = "list") -> list[Page]:
    chunks = paginate(items, per_page)
    urls = [base_url if i == 0 else f"{base_url}page/{i + 1}/" for i in range(len(chunks))]
    pages = []
    for index, chunk in enumerate(chunks):
        pager = {"number": index + 1, "count": len(chunks), "items": chunk, "urls": urls,
                 "window": [(n, urls[n - 1]) if n is not None else None
                            for n in pager_window(index + 1, len(chunks))],
                 "prev": urls[index - 1] if index > 0 else None,
                 "next": urls[index + 1] if index + 1 < len(chunks) else None}
        pages.append(Page(urls[index], output_path(urls[index]), template, title,
                          {**extra, "pager": pager}, kind=kind,
                          lastmod=_entries_lastmod(chunk)))
    return pages


def _all_pages(graph: SiteGraph) -> list[Page]:
    return (_section_pages(graph) + _entry_pages(graph) + _record_pages(graph)
            + _info_pages(graph))


def _section_pages(graph: SiteGraph) -> list[Page]:
    """Home, 404, the paginated lists and the index pages of units, tags and search."""
    links, per_page, newest = graph.links, graph.config.per_page, graph.newest()
    pages = [Page(links.home, "index.html", "home.html", graph.config.title, {}, kind="home",
                  lastmod=newest),
             Page(links.not_found, output_path(links.not_found), "404.html", "页面未找到", {},
                  kind="not_found")]
    pages += _paged_pages(links.interviews, "interviews.html", "访谈", graph.interviews, per_page, {})
    pages += _paged_pages(links.cases, "cases.html", "典型案例", graph.cases, per_page, {})
    units_lastmod = _newest(_midnight(t.as_of) for _, t in graph.latest_tallies())
    pages.append(Page(links.units, output_path(links.units), "units.html", "各单位进展", {},
                      kind="units", lastmod=units_lastmod))
    pages.append(Page(links.tags, output_path(links.tags), "tags.html", "标签", {}, kind="tags",
                      lastmod=_entries_lastmod(graph.interviews + graph.cases)))
    pages.append(Page(links.search, output_path(links.search), "search.html", "搜索",
                      {"example": search_example(graph)}, kind="search"))
    return pages


SEARCH_EXAMPLE_LENGTH = 6
"""The longest word (in characters) the search box offers as an example; a longer one would not fit a phone's box."""


def search_example(graph: SiteGraph) -> str | None:
    """A word of this site to offer in the search box (``输入词语，如草莓``), or None when it has none.

    Takes the site graph. Returns the tag that lists the most pages (the
    first in the tags' order on a tie), else the first unit's name, of at
    most `SEARCH_EXAMPLE_LENGTH` characters: a word the site's pages hold,
    so trying the example finds them. The theme's example was 草莓, a word
    of the bundled example only: on any other site it found nothing.
    """
    tags = [(term.name, len(entries)) for term, entries in graph.tags if len(term.name) <= SEARCH_EXAMPLE_LENGTH]
    if tags:
        return max(tags, key=lambda tag: tag[1])[0]  # max() keeps the first of equals
    return next((view.unit.name for view in graph.units if len(view.unit.name) <= SEARCH_EXAMPLE_LENGTH), None)


ENTRY_LAYOUTS = ("interview.html", "case.html")
"""The layouts of the interview pages and of the case study pages."""


RELATED_SHOWN = 5
"""How many pages of its unit an interview or case study page links to under its text (`nearest_in_time`)."""


def nearest_in_time(entries: Sequence[Entry], moment: datetime, count: int) -> list[Entry]:
    """The ``count`` entries published nearest to ``moment``, in the order of ``entries``.

    Takes a list of entries (newest first, as a unit's lists are), a publish
    time and how many to give; of two as near, the newer is taken. An
    interview of 2018 is shown its unit's case studies of those months, not
    the newest of years later: what it speaks of.
    """
    if len(entries) <= count:
        return list(entries)
    nearest = sorted(range(len(entries)), key=lambda index: (abs(entries[index].meta.date - moment), index))
    return [entries[index] for index in sorted(nearest[:count])]


def _entry_pages(graph: SiteGraph) -> list[Page]:
    """One page per published interview and case study.

    Each page's context holds its `Entry` as ``entry``, and as ``related``
    the other kind of page of its unit (an interview: the unit's case
    studies; a case study: the unit's interviews): the `RELATED_SHOWN`
    published nearest to it (`nearest_in_time`), newest first, with
    ``related_total``, how many there are in all. A resident reading what a
    town's leader said finds the town's cases there, and the other way
    round, without going through the unit's page.
    """
    views = {view.unit.id: view for view in graph.units}
    pages = []
    for template, entries in zip(ENTRY_LAYOUTS, (graph.interviews, graph.cases)):
        for entry in entries:
            view = views[entry.unit.id]
            related = view.cases if template == "interview.html" else view.interviews
            context = {"entry": entry, "related": nearest_in_time(related, entry.meta.date, RELATED_SHOWN),
                       "related_total": len(related)}
            pages.append(Page(entry.url, output_path(entry.url), template, entry.title, context,
                              entry.document.path, kind=template.removesuffix(".html"), lastmod=entry.modified))
    return pages


def _record_pages(graph: SiteGraph) -> list[Page]:
    """Unit pages, series pages (paginated) and tag pages (paginated)."""
    pages = []
    per_page = graph.config.per_page
    for view in graph.units:
        lastmod = _newest([_entries_lastmod(view.interviews + view.cases)]
                          + [_midnight(t.as_of) for t in view.unit.tallies])
        statuses = milestone_statuses(view.unit, graph.now)
        context = {"unit": view, "milestone_statuses": statuses,
                   "milestones_ahead": tuple(status == "planned" for status in statuses)}
        pages.append(Page(view.url, output_path(view.url), "unit.html", view.unit.name, context,
                          kind="unit", lastmod=lastmod))
    for series in graph.series:
        pages += _paged_pages(series.url, "series.html", series.series.title, series.interviews,
                              per_page, {"series": series}, kind="series")
    for term, entries in graph.tags:
        pages += _paged_pages(term.url, "tag.html", f"标签：{term.name}", entries, per_page,
                              {"term": term}, kind="tag")
    return pages


def milestone_statuses(unit: Unit, now: datetime) -> tuple[str, ...]:
    """For each of the unit's milestones, in their order, where it stands: a key of
    `sitegen.models.MILESTONE_STATUS_LABELS` (`sitegen.models.Milestone.status_on`).

    Takes the unit record and the build's time (naive, site time zone). The
    page marks each one not done (（计划）, （推迟）, （取消）), so that a reader
    does not take a plan, or a meeting put off or called off, as held. Its
    page context holds them as ``milestone_statuses``, and as
    ``milestones_ahead`` whether each is planned (the one mark pages had
    before a milestone had a status, still read by a site's own unit.html).
    A milestone without a status is planned until its date, then done
    (`next_milestone_day` tells the no-change check when that is).
    """
    today = now.date()
    return tuple(milestone.status_on(today) for milestone in unit.milestones)


def next_milestone_day(graph: SiteGraph) -> datetime | None:
    """The start (naive, site time zone) of the earliest day after ``graph.now`` that a milestone without a
    status is dated, when a page's 计划 mark must go; None when no such milestone lies ahead. A milestone whose
    status is typed shows it whatever the day (`sitegen.models.Milestone.status_on`)."""
    today = graph.now.date()
    return min((datetime.combine(milestone.date, time()) for view in graph.units
                for milestone in view.unit.milestones if milestone.status is None and milestone.date > today),
               default=None)


def _info_pages(graph: SiteGraph) -> list[Page]:
    """The archive by month, the dashboard, "about the data" and the accessibility statement."""
    links = graph.links
    everything = sorted(graph.interviews + graph.cases, key=lambda e: (e.meta.date, e.url), reverse=True)
    dashboard_lastmod = _newest(_midnight(t.as_of) for _, t in graph.latest_tallies())
    return [
        Page(links.archive, output_path(links.archive), "archive.html", "按月归档",
             {"months": group_by_month(everything)}, kind="archive",
             lastmod=_entries_lastmod(everything)),
        Page(links.dashboard, output_path(links.dashboard), "dashboard.html", "数据看板",
             {"chart_rows": graph.latest_tallies()}, kind="dashboard", lastmod=dashboard_lastmod),
        Page(links.about_data, output_path(links.about_data), "about-data.html", "关于数据", {},
             kind="about_data"),
        Page(links.accessibility, output_path(links.accessibility), "accessibility.html",
             "无障碍说明", {}, kind="accessibility"),
    ]


REDIRECT_TEMPLATE = "redirect.html"
"""The layout of the pages at old addresses: a refresh to the page's address and a link to it."""


def redirect_pages(graph: SiteGraph, report: Report) -> list[Page]:
    """One redirect page per old address (``aliases:``) of each published interview and case study.

    Takes the graph, its other pages made, and the report. Each page is the
    alias's ``index.html`` (or the file it names, ``/old/120946.html``),
    of kind "redirect", whose context's ``target`` is the page's address;
    the layout `REDIRECT_TEMPLATE` sends the reader there. Aliases equal
    to the page's own address are left out (`sitegen.load.check_aliases`
    warned). An alias that names a page or file the build makes (a list,
    a feed, a file under content/, the folders sitegen fills) is an
    error at the alias, and gets no page; one that starts with the base
    path of a site in a sub-folder is a warning (aliases are read from the
    site's root, as every site path is).
    """
    if not any(entry.meta.aliases for entry in graph.interviews + graph.cases):
        return []  # most sites: nothing to look up
    taken = _taken_paths(graph)
    folders = {folder for rel in taken for folder in _parents(rel)}
    pages = []
    for entry in graph.interviews + graph.cases:
        document = entry.document
        for index, alias in enumerate(document.meta.aliases):
            if alias == entry.url:
                continue
            line, column = document.yaml.locate(("aliases", index))
            shown = alias_as_typed(document, index)
            output = output_path(alias)
            owner = next((taken[rel] for rel in [output, *_parents(output)] if rel in taken), None)
            made = next((folder for folder in _MADE_FOLDERS if alias.startswith(folder)), None)
            if owner is None and made is not None:
                owner = f"the folder {made}, which sitegen fills"
            elif owner is None and output in folders:
                owner = "a folder of files the site publishes"
            if owner is not None:
                report.error(document.path, line, column, f"the alias {shown} is taken by {owner}",
                             "delete it from aliases: an old address can lead here only when no other page "
                             "or file of the site has it")
                continue
            path, inside = graph.urls.base_folder, unquote(alias)  # both decoded: an alias in any spelling
            if path != "/" and inside.startswith(path):
                report.warning(document.path, line, column,
                               f"the alias {shown} starts with the path of base_url ({path}), but aliases are "
                               f"read from the site's root: its page is at {path}{inside.lstrip('/')}",
                               f"write it without {path.rstrip('/')}: /{inside[len(path):]}")
            pages.append(Page(alias, output, REDIRECT_TEMPLATE, entry.title, {"target": entry.url},
                              document.path, kind="redirect"))
    return pages


def tag_redirect_pages(graph: SiteGraph, report: Report, published: Callable[[], Mapping[str, str]],
                       slugger: Callable[[str], str]) -> list[Page]:
    """One redirect page per tag of ``renamed_tags:`` (site.yaml), at the old tag's address, leading to the page of
    the tag that replaced it: the same page as an alias's (`redirect_pages`: `REDIRECT_TEMPLATE`, kind "redirect",
    in no list, feed or sitemap), its source site.yaml, its context's ``target`` the new tag's address and
    ``renamed_tag`` the old tag.

    Takes the graph, its other pages made (the aliases' come after, and so cannot take the address); the
    report; ``published``, which gives the last build's ``{tag: slug}`` (`sitegen.addresses.AddressBook.tags`,
    read only when site.yaml renames a tag): the old tag's address is the one it was published at, else its
    slug now (``slugger``, as `_terms` makes it). Tags are compared by spelling (`tag_spelling`: ``R&D`` is
    ``r&d``), as pages share a tag page. Errors at the line of the old tag in site.yaml (README "site.yaml"),
    each leaving out its page: an old tag still on a page (its own page is at that address: the redirect
    would hide it), a new tag on no page (the address would lead to a 404), and an old address taken by a
    page or file the build makes, or by another old tag renamed to another tag.
    """
    config = graph.config
    if not config.renamed_tags:
        return []
    terms = {tag_spelling(term.name): (term, entries) for term, entries in graph.tags}
    record = published()
    taken = _taken_paths(graph)
    pages: dict[str, Page] = {}
    for old, new in config.renamed_tags:
        line, column = setting_place(config.root, ("renamed_tags", old))
        kept = f"{old}: {new}"
        if tag_spelling(old) in terms:
            term, entries = terms[tag_spelling(old)]
            document = entries[-1].document  # the oldest page with it: the one most likely not edited
            index = next(n for n, tag in enumerate(document.meta.tags) if tag_spelling(tag) == tag_spelling(old))
            at = ":".join(str(part) for part in (document.path, document.yaml.locate(("tags", index))[0]))
            count = f"{len(entries)} page{'s' if len(entries) > 1 else ''}"
            report.error("site.yaml", line, column,
                         f"renamed_tags: the tag {old} is still on {count} ({at}), so its own page is at {term.url}, "
                         f"which cannot lead to the page of {new} too",
                         f"write {new} in place of {old} in the tags: of "
                         f"{'those pages' if len(entries) > 1 else 'that page'}, "
                         f"or delete the line {kept} from renamed_tags: to keep the tag")
            continue
        if tag_spelling(new) not in terms:
            close = difflib.get_close_matches(new, [term.name for term, _ in graph.tags], n=1, cutoff=0.5)
            report.error("site.yaml", line, column,
                         f"renamed_tags: no published page has the tag {new}, so the old address of {old} would lead "
                         "to no page",
                         paste_hint("write the tag as the pages have it", f"{old}: {close[0]}") if close else
                         f"write after {old}: a tag the pages have, or delete the line {kept}")
            continue
        slug = next((had for tag, had in record.items() if tag_spelling(tag) == tag_spelling(old)), "")
        url = config.permalinks.url("tags", slug or slugger(old) or "tag")
        target = terms[tag_spelling(new)][0]
        output = output_path(url)
        owner = taken.get(output)
        other = pages.get(output)
        if other is not None and other.context["target"] == target.url:
            continue  # two spellings of one old tag renamed to one tag: one page
        if owner is not None or other is not None:
            report.error("site.yaml", line, column,
                         f"renamed_tags: the old address of the tag {old}, {url}, is taken by "
                         + (owner or f"the old tag {other.context['renamed_tag']}, renamed to another tag"),
                         f"delete the line {kept}: the address leads to that page now")
            continue
        pages[output] = Page(url, output, REDIRECT_TEMPLATE, f"标签：{target.name}",
                             {"target": target.url, "renamed_tag": old}, "site.yaml", kind="redirect")
    return list(pages.values())


def _taken_paths(graph: SiteGraph) -> dict[str, str]:
    """``{output path: what it is}`` of every file a build makes besides redirect pages, for `redirect_pages`."""
    taken = {rel.split("/", 1)[1]: f"the file {rel}" for rel in graph.assets}
    taken.update((made.lstrip("/"), f"the file {made} sitegen makes") for made in _MADE_FILES)
    taken[RECORD_FILE.lstrip("/")] = f"the file {RECORD_FILE}, sitegen's list of the files it wrote"
    taken.update((output_path(feed), f"the feed {feed}") for feed in _feed_urls(graph))
    taken.update((page.output, f"the page {unquote(page.url)} ({page.title})") for page in graph.pages)
    return taken


def _feed_urls(graph: SiteGraph, *, written: bool = False) -> list[str]:
    """The site paths of every feed: the site's, the case studies', then each unit's and each series'
    (``…/feed.xml``). ``written``: only those the build writes, a feed with no entries left out
    (`SiteGraph.has_feed`, `UnitView.has_feed` …); without it, every feed's path, which no file under
    content/ may take, as the feed is written there once it has an entry."""
    site = [(graph.links.feed, graph.has_feed), (graph.links.cases_feed, graph.has_cases_feed)]
    views = [(view.feed_url, view.has_feed) for view in [*graph.units, *graph.series]]
    return [url for url, made in site + views if made or not written]


def _feedless(graph: SiteGraph) -> dict[str, tuple[str, str, str]]:
    """``{site path of a feed not written: (whose, what it would hold, the page to link instead)}``, for the
    hint of a link to it (`_LinkHints`): a unit or series with no published interview, or a site with no
    interview or no case study published."""
    feedless = {view.feed_url: (f"the {kind} {name}", "its interviews", view.url)
                for kind, views in (("unit", graph.units), ("series", graph.series)) for view in views
                if not view.has_feed
                for name in [view.unit.name if isinstance(view, UnitView) else view.series.title]}
    if not graph.has_feed:
        feedless[graph.links.feed] = ("the site", "its interviews", graph.links.interviews)
    if not graph.has_cases_feed:
        feedless[graph.links.cases_feed] = ("the site", "its case studies", graph.links.cases)
    return feedless


def _parents(rel: str) -> list[str]:
    """The folders holding the output path ``rel``, innermost first (``a/b/c.html`` → ``a/b``, ``a``)."""
    parts = rel.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)]


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


def check_output_paths(pages: Sequence[Page], report: Report, config: Config | None = None) -> None:
    """Error when two pages would write the same output file (Eleventy's rule), naming both sources.

    Two pages sitegen makes itself (a list, the search page) can clash only
    through the permalink patterns of site.yaml: that error is at site.yaml,
    naming both pages by title and the setting to change. Given the
    ``config``, it is at the line of the pattern to change (`_clashing_permalink`), with a folder free to
    write there.
    """
    owners: dict[str, Page] = {}
    for page in pages:
        first = owners.setdefault(page.output, page)
        if first is page:
            continue
        if not page.source and not first.source:
            clash = _clashing_permalink(config, page.url) if config is not None else None
            line, column = setting_place(config.root, ("permalinks", clash[0])) if config and clash else (None, None)
            report.error("site.yaml", line, column,
                         f'two pages want the URL {page.url}: the page "{first.title}" and the page "{page.title}", '
                         "both made by sitegen",
                         "give each collection a folder of its own in permalinks: (site.yaml), apart from the "
                         "folders of sitegen's own pages (/search/, /tags/, /units/, /dashboard/ …), e.g. "
                         + (f"{clash[0]}: {clash[1]}" if clash else "interviews: /fangtan/{slug}/"))
            continue
        report.error(page.source or first.source or "", None, None,
                     f"two pages want the URL {page.url}: {first.source or 'a generated page'} and "
                     f"{page.source or 'a generated page'}",
                     "change the slug of one of them (front matter slug: …)")


def _clashing_permalink(config: Config, url: str) -> tuple[str, str] | None:
    """``(collection, pattern to write)`` for the permalink pattern of site.yaml that puts a collection's list
    at ``url`` where another page sitegen makes is: the last such collection whose pattern is typed (not its
    default), with a pattern whose folder no other collection has: its default, else its folder with its name
    added (``/fangtan/{slug}/`` → ``/fangtan-cases/{slug}/``); None when no typed pattern puts a list there."""
    permalinks = config.permalinks
    names = list(type(permalinks).model_fields)
    defaults = {name: field.default for name, field in type(permalinks).model_fields.items()}
    typed = [name for name in names if getattr(permalinks, name) != defaults[name]
             and getattr(permalinks, name).partition("{slug}")[0] == url]
    if not typed:
        return None
    blamed = typed[-1]
    folders = {getattr(permalinks, name).partition("{slug}")[0] for name in names if name != blamed}
    offered = defaults[blamed]
    if offered.partition("{slug}")[0] in folders:
        offered = url.rstrip("/") + f"-{blamed}/{{slug}}/"
    return blamed, offered


def check_content_assets(graph: SiteGraph, report: Report, *, theme: Mapping[str, str] | None = None,
                         open_data: Iterable[str] = (), data_package: str | None = None,
                         search_folder: str | None = None) -> None:
    """Error at each file under content/ that would be published where sitegen writes a file of its own.

    Takes the graph (its pages and feeds), the report, and the output paths
    of the files the graph does not list: the theme's files
    (``theme``: ``{output path: the theme file's own output path}``, for
    ``assets/site.css`` and its copy ``assets/site.d7d2eb46e1.css``), the open data files (``data/tallies.csv``), the
    data package (``datapackage.json``) and the search index's folder
    (``pagefind``, whatever the build's options: a file there is an error
    too). ``sitemap.xml``, ``robots.txt``, the feeds and every page (the 404
    page and the redirect pages of old addresses among them) are the
    graph's own. A file named as a folder sitegen writes into, or inside a
    folder named as a file it writes, is an error too (`_check_folder_clashes`). Two inputs writing one file is an error, never a
    silent overwrite (Eleventy's rule, as `check_output_paths`): each error is
    at the content file, says which file it would replace and why that
    matters, and how to do what was meant.
    """
    published = {rel.split("/", 1)[1]: rel for rel in graph.assets}
    if not published:
        return
    _check_device_names(published, report)
    folded = {path.casefold() for path in published}
    made: dict[str, tuple[str, str]] = {}
    for path, own in (theme or {}).items():
        made[path] = _theme_asset_clash(path, own)
    for path in open_data:
        made[path] = _open_data_clash(path)
    if data_package is not None:
        made[data_package] = _data_package_clash(data_package)
    for url in _feed_urls(graph):
        made[output_path(url)] = _feed_clash(url)
    made[output_path(graph.links.sitemap)] = _sitemap_clash(output_path(graph.links.sitemap))
    made[output_path(graph.links.robots)] = _robots_clash(output_path(graph.links.robots))
    for page in graph.pages:
        if page.output.casefold() in folded:
            made[page.output] = _page_clash(page)
    own = {path.casefold(): path for path in made}
    for path, rel in published.items():
        if (mine := own.get(path.casefold())) is not None:
            message, hint = made[mine]
            report.error(rel, None, None, message + _case_note(path, mine), hint)
        elif search_folder is not None and path.casefold().startswith(search_folder + "/"):
            report.error(rel, None, None,
                         f"this file would be published in {search_folder}/, the folder where sitegen writes the "
                         "search index (搜索索引) at every build, which replaces the whole folder"
                         + _case_note(path.split("/", 1)[0], search_folder),
                         f"move it into another folder, e.g. content/files/{_file_name(path)}")
    folders = {search_folder: f"the search index, {search_folder}/"} if search_folder is not None else {}
    _check_folder_clashes(published, [*made, *(page.output for page in graph.pages)], folders, report)


def _check_device_names(published: Mapping[str, str], report: Report) -> None:
    """Error at each content file published under a name Windows keeps for a device (Windows 保留名,
    `sitegen.slugs.device_name`): ``content/files/con.pdf``, ``content/nul/a.png``.

    Takes ``{output path: content path}`` of the files copied. Windows can neither create nor copy such a file
    or folder, so the site could not be copied or published there. The file keeps its name (links name it):
    the hint gives a name to rename it to, the device name with ``-1`` added (`sitegen.slugs.windows_safe`).
    """
    for path, rel in sorted(published.items()):
        parts = rel.split("/")
        at, device = next(((index, name) for index, part in enumerate(parts) if (name := device_name(part))),
                          (None, None))
        if at is None or device is None:
            continue
        stem, dot, ending = parts[at].partition(".")
        kind = "file" if at == len(parts) - 1 else "folder"
        renamed = "/".join([*parts[:at], f"{windows_safe(stem)}{dot}{ending}", *parts[at + 1:]])
        report.error(rel, None, None,
                     f'this file would be published as {path}, and "{parts[at]}" is '
                     + device_trouble(device, f"a {kind} of that name"),
                     f"rename the {kind}, e.g. to {renamed}, and the links to it")


def _case_note(typed: str, own: str) -> str:
    """What to add to a clash's message when the content file's path differs from sitegen's only in case."""
    return "" if typed == own else (f" ({typed} and {own} are one name where the site is published or previewed on "
                                     "Windows or macOS, which do not tell capitals from small letters)")


def _check_folder_clashes(published: Mapping[str, str], made: Sequence[str], folders: Mapping[str, str],
                          report: Report) -> None:
    """Error at each content file whose output path is a folder sitegen writes into (a file ``content/dashboard``
    beside the page /dashboard/), or lies inside a folder whose name is a file sitegen writes
    (``content/feed.xml/a.txt``): a file and a folder cannot have one name, and publishing would fail.

    ``folders`` names more folders sitegen writes into (the search index's), each with what it holds.
    Names are compared without regard to case (`_case_note`).
    """
    named = {name.casefold(): (name, what) for name, what in folders.items()}
    files = {path.casefold(): path for path in made}
    ordered = sorted(files)  # a folder's files follow it at once: one look-up per content file, whatever the site
    for path, rel in sorted(published.items()):
        if (folder := named.get(path.casefold()) or _made_inside(path, ordered, files)) is not None:
            name, what = folder
            report.error(rel, None, None,
                         f"this file would be published as {path}, where sitegen writes a folder (for {what}): a "
                         f"file and a folder cannot have one name{_case_note(path, name)}",
                         f"rename the file, giving it the ending of its kind (e.g. {_file_name(path)}.pdf), or "
                         f"move it into content/files/")
        elif taken := next((parent for parent in _parents(path) if parent.casefold() in files), None):
            mine = files[taken.casefold()]
            report.error(rel, None, None,
                         f"this file would be published in a folder {taken}/, but {mine} is a file sitegen "
                         f"writes: a file and a folder cannot have one name{_case_note(taken, mine)}",
                         f"rename the folder content/{taken}/, or move the file into content/files/")


def _made_inside(folder: str, ordered: Sequence[str], files: Mapping[str, str]) -> tuple[str, str] | None:
    """The folder ``folder`` as sitegen writes it and the first file it writes inside, when it writes one there.

    ``ordered`` holds the case-folded paths of the files sitegen writes, sorted; ``files`` maps each to the
    path as written. None when sitegen writes nothing inside ``folder`` (compared without regard to case).
    """
    prefix = folder.casefold() + "/"
    found = bisect.bisect_left(ordered, prefix)
    if found == len(ordered) or not ordered[found].startswith(prefix):
        return None
    written = files[ordered[found]]
    return "/".join(written.split("/")[:folder.count("/") + 1]), written


def _file_name(path: str) -> str:
    return path.rpartition("/")[2]


def _open_data_clash(path: str) -> tuple[str, str]:
    kind = "a spreadsheet" if path.endswith(".csv") else "a data file"
    return (f"this file would replace {path}, open data (开放数据) that sitegen makes from the units' records at "
            "every build: a copy would publish old figures beside the new ones the pages show",
            f"to offer {kind} of your own, put it under another folder, e.g. content/files/{_file_name(path)}, "
            "and link to it from a page; the figures themselves are typed in content/units/")


def _data_package_clash(path: str) -> tuple[str, str]:
    return (f"this file would replace {path}, the description of the open data (数据说明) that sitegen writes "
            "with it at every build: a copy would stop matching the data files it describes once they change",
            f"remove it: sitegen writes {path}; to offer a description of your own, put it under another "
            f"folder, e.g. content/files/{_file_name(path)}")


def _feed_clash(url: str) -> tuple[str, str]:
    return (f"this file would replace the feed {unquote(url)} (订阅源), which sitegen writes from the newest "
            "interviews or case studies at every build: its subscribers would get this copy, which never changes",
            "remove it: sitegen writes the feeds of the site, of its case studies, of each series and of each unit")


def _sitemap_clash(path: str) -> tuple[str, str]:
    return (f"this file would replace {path} (网站地图), which sitegen writes from the site's pages at every "
            "build: search engines would miss every page added or moved since the copy was made",
            f"remove it: sitegen writes {path}")


def _robots_clash(path: str) -> tuple[str, str]:
    return (f"this file would replace {path}, which sitegen writes at every build with the Sitemap: line that "
            "gives search engines the address of sitemap.xml (made from base_url): a file of your own would lose "
            "that line, or keep an old address in it",
            f"remove it: sitegen writes {path} (it lets every crawler in)")


def _theme_asset_clash(path: str, own: str) -> tuple[str, str]:
    """The error for a content file at ``path``, a theme file's output path, or its copy named by its content
    (`sitegen.render.theme_asset_copies`); ``own`` is the theme file's own output path, which the hint names."""
    if own == path:
        what = "a file of the theme (主题) that sitegen copies from templates/assets/ at every build"
    else:
        what = f"the copy of the theme's (主题) {own} that sitegen makes at every build, named by its content"
    return (f"this file would replace {path}, {what}: the pages would load this copy, and a change to the "
            "theme's file would never reach them",
            f"to change the theme's file, move this one to templates/{own}, in the site folder beside "
            "content/: a file in the site's templates/ overrides the default theme's, file by file")


def _page_clash(page: Page) -> tuple[str, str]:
    what = {"home": "the home page (首页)",
            "not_found": "the page every missing address gets (404 页面)"}.get(
        page.kind, f"the page {unquote(page.url)} ({page.title})")
    return (f"this file would be published as {page.output}, where sitegen writes {what}: only one of the two "
            "can be published there",
            f"to change the page, change its layout instead: put your own {page.template} in templates/ (it "
            "overrides the theme's); to publish this file as well, put it under a folder of its own, e.g. "
            f"content/files/{_file_name(page.output)}")


# Folders and files every build makes besides its pages (theme assets, open data, search index, …).
_MADE_FOLDERS = tuple(f"/{folder}/" for folder in SITEGEN_FOLDERS)
_MADE_FILES = ("/sitemap.xml", "/robots.txt", "/datapackage.json", "/404.html", "/" + FEED_FILE)
RECORD_FILE = "/.sitegen-manifest"
"""Where the output folder keeps the list of files sitegen wrote there (`sitegen.write.MANIFEST`)."""


def check_text_links(graph: SiteGraph, report: Report, former: Callable[[], Mapping[str, str]] | None = None,
                     held_back: Sequence[Document] = (),
                     layout: Callable[[], LayoutPlaces] | None = None, checked: Urls | None = None) -> None:
    """Warn at each link in a page's text that leads to no page or file of this site.

    A link without a scheme is read as `Urls.rebase_html` publishes it: a
    relative one from the site root, one written with the base path
    (``/qingpu/diaoyan/units/x/``, copied from the browser's address bar) as
    the site path after it; one so written that names a page or file by
    that path is warned all the same, with the link to write without it
    (as typed it leads nowhere in the preview, at the root, nor in a build
    for another address), unless the path as typed names one itself (a
    folder content/qingpu/diaoyan/ of the site's own). It must name
    a page (``/units/baihe/``, with or without the last "/"), a file under
    content/ (``files/报告.pdf``), a feed of a page, or a file every build
    makes (open data, sitemap, theme assets). Links elsewhere (``https:``,
    ``mailto:``, ``#…``) are not checked. The warning is where the link's
    address is typed (`_typed_at`; no line when it is not found as such,
    e.g. typed with escapes); a link naming a page by its file or title
    gets that page's address in the hint, and so does a link to an address
    a page had in the last build (``former``: ``{site path: page file}``,
    asked for at the first broken link), with the ``aliases:`` that keeps
    it; an address a hint offers keeps the link's ``?…#…`` when that page
    has the place (or it cannot be known), and says so when it has not; a
    link to the address of a page held back (``held_back``: the drafts and
    the pages scheduled for later; none in the preview, which shows them)
    is told why it leads nowhere yet. The text of a page held back is
    checked too, as it will be published (`_linked_pages`): ``check`` and
    ``build`` tell a draft's broken link before ``draft: false`` publishes
    it, as the preview does. A page's or file's path with words typed
    after it and a space (``/cases/baihe-caomei/ 草莓案例``) is offered
    alone, the words as its title (`_untitled_link_hint`). A title typed
    in quotes Markdown does not read (``[白鹤镇](/units/baihe/ "白鹤镇”)``)
    is left out of the address checked: the conversion warns of it. A link to a place in
    another page (``/interviews/x/#问题二``, ``../x/#fn-1``) is warned when
    that page will have no element of that id (`_PagePlaces`, with the
    places ``layout`` gives, asked for at the first such link; with None,
    such places are not checked); ``./#x``, which leads to the home page,
    is taken for a place in the link's own page (`_own_page_meant`).
    ``checked`` is the `Urls` of the address the links are checked for (None: the graph's): the preview,
    built for its own address, passes site.yaml's, so its editors are told what check tells them.
    """
    held = {graph.config.permalinks.url(d.collection, d.slug): d for d in held_back}
    titles = {page.url: page.title for page in graph.pages}
    pages, files = set(titles), {"/" + rel.removeprefix("content/") for rel in graph.assets} | set(
        _feed_urls(graph, written=True))
    checked = checked or graph.urls  # the preview's pages are checked for the address the site is published at
    base = checked.base_folder  # decoded, as each link's site path is
    hints: _LinkHints | None = None  # made for the first broken link: most builds have none
    places: _PagePlaces | None = None  # made for the first link to a place in another page
    theme: LayoutPlaces | None = None  # read at the first link to a place
    own = checked.origin.split("://", 1)[-1] + base  # the site's address after http:// or https://, decoded

    def place_problem(link: str, path: str) -> tuple[str, str] | None:
        # A hint that rewrites a link's address checks the place it keeps, as the link rewritten will be checked.
        nonlocal theme, places
        if layout is None:
            return None
        theme = theme or layout()
        places = places or _PagePlaces(graph, theme, held)
        return places.problem(link, path)

    for template, document, reaches in _linked_pages(graph, held_back, held):
        def leads(path: str) -> bool:
            page = path.removesuffix("index.html")
            return _leads_somewhere(path, pages, files) or reaches(page) or reaches(page + "/")

        for typed in document.rendered.links:
            swallowed = swallowed_title(typed)  # a title in quotes Markdown did not read: the conversion warns
            href = swallowed[0] if swallowed else typed  # of it, and the address meant is checked here
            if href.startswith("#"):
                if layout is not None and theme is None:
                    theme = layout()
                place = _place_in_page(href, document, theme, template)
                if place is not None:
                    report.warning(document.path, *_typed_at(document, href), *place)
                continue
            if graph.urls.is_external(href):
                typed_in_full = _own_address(href, own)
                if typed_in_full is not None:
                    path, message = typed_in_full
                    line, column = _typed_at(document, href)
                    if leads(path):
                        write, lacking = _rewritten(path, _query_and_place(href), place_problem)
                        before = _typed_before(document, line, column)
                        if before in ("", "<"):
                            # Typed as text (linked as typed) or as <https://…>: an address alone in its
                            # place would be text, or a tag, not a link.
                            text = _title_of(path, titles, held) or _file_name(path) or path
                            write = f"[{text}]({write})" + (f" in place of <{href}>" if before else "")
                        report.warning(document.path, line, column, f'the link "{href}" {message}',
                                       f"link to it from the site's root: write {write} (it then works at whatever "
                                       f"address the site is published){lacking}")
                        continue
                    hints = hints or _LinkHints(graph, pages | files, former, held, place_problem)
                    report.warning(document.path, line, column,
                                   f'the link "{href}" {message}, and leads to no page or file of this site',
                                   hints.hint(path, _query_and_place(href)))
                continue
            if _full_width_web_address(href):
                continue
            path = site_path(href.strip())
            rest = typed_with_base(path, base, leads)  # both decoded, however each was typed
            if rest is not None:
                write, lacking = _rewritten(rest, _query_and_place(href), place_problem)
                report.warning(document.path, *_typed_at(document, href),
                               f'the link "{href}" starts with the path of base_url ({base}), but links are read '
                               "from the site's root (sitegen adds that path where the site is published): as typed, "
                               "it leads nowhere in the preview (sitegen serve) or when the site is built for "
                               "another address",
                               f"write it without {base.rstrip('/')}: {write} (it then works at whatever address "
                               f"the site is published){lacking}")
                continue
            if not path:
                continue
            if leads(path):
                if "#" in href and layout is not None:
                    place = place_problem(href, path)
                    if place is not None and path == "/" and href.strip().partition("#")[0] in (".", "./"):
                        # "./#x" is read from the root, as every link is, but was surely meant for this page.
                        place = _own_page_meant(href, document, theme, template)
                    if place is not None:
                        report.warning(document.path, *_typed_at(document, href), *place)
                continue
            line, column = _typed_at(document, href)
            hints = hints or _LinkHints(graph, pages | files, former, held, place_problem)
            shared = _shared_folder_path(document, line, column, href)
            if shared is not None:
                report.warning(document.path, *shared)
                continue
            if "\\" in href:  # files\报告.pdf: a path as Windows writes it; a browser reads "\" as no separator
                slashed = href.strip().replace("\\", "/")
                meant = site_path(slashed)
                meant += "/" if meant + "/" in pages or reaches(meant + "/") else ""
                how = 'write "/" in place of each "\\"'
                report.warning(document.path, line, column,
                               f'the link "{href}" is written with "\\", as a Windows path is, and leads to no page '
                               "or file of this site: a web address separates its folders with \"/\"",
                               f"{how}: {_rewritten(meant, _query_and_place(slashed), place_problem)[0]}"
                               if leads(meant) else
                               f"{how}; then: {hints.hint(meant, _query_and_place(slashed))}")
                continue
            # Typed with the base path (as copied from the address bar), the page meant is looked for without it.
            meant = after_base_path(path, base) or path
            report.warning(document.path, line, column,
                           f'the link "{href}" leads to no page or file of this site',
                           _untitled_link_hint(href, pages, files) or _address_hint(href)
                           or _sign_in_file_name_hint(href, files) or hints.hint(meant, _query_and_place(href)))


def _linked_pages(graph: SiteGraph, held_back: Sequence[Document],
                  held: Mapping[str, Document]) -> list[tuple[str, Document, Callable[[str], bool]]]:
    """The interviews and case studies whose text's links are checked, each as (its layout, its document, what
    tells whether a page held back that a link names will be published by the time this page is).

    Takes the graph, the pages held back (drafts, pages scheduled for later) and the same by their address.
    The published pages come first: they reach no page held back, a link to one is warned (`_held_back_hint`).
    A page held back is checked as it will be published, against the published site: it reaches its own
    address, and a page scheduled (not a draft) no later than its own ``date``, which is published by then;
    never a draft, which waits for a ``draft: false`` that may come after this page's.
    """
    def nowhere(url: str) -> bool:
        return False

    linked: list[tuple[str, Document, Callable[[str], bool]]] = [
        (template, entry.document, nowhere)
        for template, entries in zip(ENTRY_LAYOUTS, (graph.interviews, graph.cases)) for entry in entries]
    scheduled = {url: document.meta.date for url, document in held.items() if not document.meta.draft}
    for document in held_back:
        own = graph.config.permalinks.url(document.collection, document.slug)

        def reaches(url: str, own: str = own, date: datetime = document.meta.date) -> bool:
            when = scheduled.get(url)
            return url == own or (when is not None and when <= date)
        linked.append((_layout_of(document), document, reaches))
    return linked


def _layout_of(document: Document) -> str:
    """The layout (`ENTRY_LAYOUTS`) of an interview's or case study's page."""
    return ENTRY_LAYOUTS[0] if document.collection == "interviews" else ENTRY_LAYOUTS[1]


def _title_of(path: str, titles: Mapping[str, str], held: Mapping[str, Document]) -> str | None:
    """The title of the page at the site path ``path`` (with or without its last "/"): a published page's
    (``titles``, by address) or a page's held back (``held``); None when no page has that address."""
    for url in (path, path + "/"):
        if url in titles:
            return titles[url]
        if url in held:
            return held[url].meta.title
    return None


def _shared_folder_path(document: Document, line: int | None, column: int | None,
                        href: str) -> tuple[int | None, int | None, str, str] | None:
    """``(line, column, message, hint)`` for a link to a file in a shared folder of the editor's network
    (``\\\\server\\share\\纪要.docx``, a UNC path as Windows Explorer shows it), or None for any other link.

    ``href`` is the address as converted, typed at ``line``:``column`` (`_typed_at`). Markdown reads the first
    of the two backslashes as an escape, so the page holds ``\\server\\…``: the path is known by the backslash
    still typed before it, or by two backslashes kept (typed in HTML). A browser would read it as a page of this
    site, or as a host called "server", so the file is never reached; the file must be copied in.
    """
    typed = href.strip()
    if not typed.startswith("\\"):
        return None
    if not typed.startswith("\\\\"):
        if line is None or column is None or column < 2:
            return None
        if document.body.split("\n")[line - document.body_line][column - 2:column - 1] != "\\":
            return None
        typed, column = "\\" + typed, column - 1
    name = re.split(r"[\\/]", typed.rstrip("\\/"))[-1] or "报告.pdf"
    return (line, column,
            f'the link "{typed}" names a file in a shared folder of your network (共享文件夹), which readers of '
            "the site cannot open",
            f"copy the file into content/files/ and link to it from the site's root, e.g. /files/{name}")


def _query_and_place(href: str) -> str:
    """What a link names after its address: ``?v=2#问题二`` of ``a.md?v=2#问题二``, "" when nothing."""
    typed = href.strip()
    cut = min((at for at in (typed.find("?"), typed.find("#")) if at >= 0), default=len(typed))
    return typed[cut:] if len(typed) - cut > 1 else ""


def _rewritten(path: str, place: str,
               problem: Callable[[str, str], tuple[str, str] | None]) -> tuple[str, str]:
    """The address a hint offers for the site path ``path``, with the ``place`` the link typed (``?…#…``).

    Takes the path, the link's query and place, and what checks a link's place (link, site path) →
    ``(message, hint)`` or None. Returns (the address to write, "" or what to add to the hint): the
    place is kept when the page has it or when that cannot be known; when the page lacks it, the
    address is offered without it, and the hint says so, with the places the page has.
    """
    if not place:
        return path, ""
    lacking = problem(path + place, path) if "#" in place else None
    if lacking is None:
        return path + place, ""
    message, hint = lacking  # 'the link "…" leads to the page /x/ (《…》), which has no place "…"[: why]'
    lacks = message.partition(" leads to ")[2].replace(", which has no place ", " has no place ", 1)
    return path, f"; {lacks}: {hint}"


def _own_page_meant(href: str, document: Document, layout: LayoutPlaces | None,
                    template: str) -> tuple[str, str]:
    """``(message, hint)`` for ``./#x``, typed in a page for a place in it, which the home page lacks.

    Takes the link as typed, the page's document, the places its layout may give (`LayoutPlaces`) and the
    layout's name. The hint is ``#x`` when the page has the place, else the page's own hint for ``#x``.
    """
    fragment = href.strip().partition("#")[2]
    message = (f'the link "{href}" leads to the home page /, which has no place "{unquote(fragment)}": '
               "a link without https:// is read from the site's root")
    own = _place_in_page("#" + fragment, document, layout, template)
    if own is None:
        return message, f"to link to the place in this page, write #{fragment}"
    return message, f"a place in this page is linked with # alone, and it has no such place: {own[1]}"


_ID_RE = compile_later(r'\bid="([^"]*)"')


_HEADING_PLACES = "a heading's place is named by its text without signs, in lower case"
"""Why a place typed as its heading reads (``#问题一：进展如何？``) is none (`_heading_meant`)."""


def _heading_meant(wanted: str, anchors: list[str]) -> str | None:
    """The heading's place a link means that names ``wanted`` (decoded), a place the page lacks, by the heading
    as it reads: its text without signs, in lower case (`sitegen.markup.slugify_heading`), when that is one of
    the page's ``anchors``; else None."""
    meant = slugify_heading(wanted, "-")
    return meant if meant != wanted and meant in anchors else None


def _place_in_page(href: str, document: Document, layout: LayoutPlaces | None = None,
                   template: str | None = None) -> tuple[str, str] | None:
    """``(message, hint)`` for a link to a place in its own page (``#…``) that names none; None when it does.

    Takes the link as typed, the page's document, the places its layout
    may give it (`LayoutPlaces`; None: unknown) and the layout's name
    (``case.html``: a place in ASCII is offered the nearest id of the page,
    of that layout or of base.html). A heading's anchor is its
    text without signs, in lower case (`sitegen.markup.slugify_heading`:
    ``一、进博会（CIIE）`` → ``一进博会ciie``), and a link typed with the
    heading as it reads led nowhere, unwarned. A place in ASCII
    (``#fn:1``, ``#mian``) is checked only when ``layout`` is known, since it
    may be the theme's own (``#main``). ``#top`` and a fragment directive
    (``#:~:text=…``) are places every browser finds.
    """
    wanted = unquote(href[1:].partition(":~:")[0])
    if not wanted or wanted.lower() == "top" or (wanted.isascii() and layout is None):
        return None
    ids = set(_ID_RE.findall(document.rendered.html))
    if wanted in ids or (layout is not None and layout.may_have(wanted)):
        return None
    anchors = [heading.anchor for heading in document.rendered.headings]
    if (meant := _heading_meant(wanted, anchors)) is not None:
        return f'the link "{href}" leads to no place in the page: {_HEADING_PLACES}', f"write #{meant}"
    if (dashed := wanted.replace(":", "-")) in ids:  # #fn:1, as other Markdown tools name a footnote
        return (f'the link "{href}" leads to no place in the page: sitegen names a footnote\'s place with "-"',
                f"write #{dashed}")
    if wanted.isascii() and layout is not None:
        import difflib  # only here: a hint for a broken link, which most builds never give

        # Only ids this page surely has: another layout's ids (#tallies-heading) are not on it.
        theirs = [*layout.own.get(template or "", ()), *layout.own.get("base.html", ())]
        close = difflib.get_close_matches(wanted, [*dict.fromkeys([*ids, *theirs])], n=1, cutoff=0.7)
        if close:
            return f'the link "{href}" leads to no place in the page', f"did you mean #{close[0]}?"
    shown = ", ".join(f"#{anchor}" for anchor in anchors[:5]) if anchors else ""
    return (f'the link "{href}" leads to no place in the page',
            f"link to one of its headings: {shown}" if shown else "the page has no heading (##) to link to: "
            "delete the link, or add the heading")


@dataclass(frozen=True)
class LayoutPlaces:
    """The places (element ids) the theme's layouts may give a page, read from the theme's files.

    ``ids``: every id a layout, partial or script of the theme writes as it
    is (``main``, ``toc-heading``); ``patterns``: regular expressions for
    the ids made of values (``m-{{ key }}`` gives ``m-.*``; a chart's ids),
    each matched whole: a page may have any id one of them matches, ``.*``
    when an id is made in a way that cannot be read. Together they hold at
    least every id a layout gives any page, so that a place they lack is
    surely none of the layout's. ``own``: the ids each template file writes
    as they are, by its name (``unit.html``), for the hint. ``bodies``: the
    templates that show a page's converted Markdown (they name
    ``rendered``); when one is not the layout of an interview or case
    study (`ENTRY_LAYOUTS`), the places of that Markdown may be on any
    page, and none is checked.
    """

    ids: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    own: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bodies: frozenset[str] = frozenset()

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{pattern})" for pattern in self.patterns), re.DOTALL) \
            if self.patterns else None

    def may_have(self, place: str) -> bool:
        """True when a layout may give a page an element with the id ``place`` (decoded)."""
        return place in self.ids or (self._pattern is not None and self._pattern.fullmatch(place) is not None)


def check_heading_ids(graph: SiteGraph, report: Report, layout: LayoutPlaces,
                      held_back: Sequence[Document] = ()) -> None:
    """Warn at each heading of an interview or case study whose id is one the theme's layouts give an element.

    Takes the graph, the report, the places the theme actually used
    gives a page (`LayoutPlaces`, read from the site's own templates and the
    default theme's) and the pages held back (drafts, pages scheduled for later: told now, as their links are,
    not first when they are published). The conversion keeps headings off the default theme's
    ids (`sitegen.markup.LAYOUT_IDS`: ``## Main`` gets ``main_1``); an id a
    site's own template adds (``<div id="xia">``) is found only here, after
    it: the page would have two elements of one id, and a link to it (the
    table of contents' too) would lead to the layout's. The warning is at
    the heading (`sitegen.markup.heading_with_id`), its hint the heading
    with an id of its own. Ids made of template values are left out.
    """
    added = layout.ids - LAYOUT_IDS
    if not added:
        return
    files = {name: set(ids) for name, ids in layout.own.items()}
    for document in [*(entry.document for entry in [*graph.interviews, *graph.cases]), *held_back]:
        anchors = {heading.anchor for heading in document.rendered.headings}
        for anchor in sorted(anchors & added):
            found = heading_with_id(document.body, anchor)
            if found is None:
                continue
            index, column, before, typed = found
            where = next((f"templates/{name}" for name, ids in sorted(files.items()) if anchor in ids), "its layout")
            made = "" if typed else " made from this heading's text"
            report.warning(document.path, document.body_line + index, column + 1,
                           f'the id "{anchor}"{made} is one the theme gives an element of the page (id="{anchor}" '
                           f"in {where}), so a link to #{anchor} leads there, not here",
                           paste_hint("give this heading an id of its own",
                                      f"{before} {{#{free_id(anchor, anchors | layout.ids)}}}"))


_UNCHECKED_KINDS = frozenset({"search", "redirect"})
"""Pages whose places are not known at build time: the search page's are made in the reader's browser (its
results), and a redirect page leads on to another address, which a place may not follow."""


class _PagePlaces:
    """What is wrong with links to places in other pages (``/interviews/x/#问题二``), if anything.

    Takes the graph, the places of its layouts and the pages held back by
    their address (drafts, pages scheduled for later: a link from one of
    them to itself, or to a page scheduled before it, is checked as it will
    be published: `_linked_pages`). A page's places are the
    ids of its converted Markdown (an interview's or case study's: its
    headings, footnotes) and those the layout may give it
    (`LayoutPlaces.may_have`). A page's Markdown is read from the build
    cache only when a link names none of its headings.
    """

    def __init__(self, graph: SiteGraph, layout: LayoutPlaces, held: Mapping[str, Document] | None = None) -> None:
        self._layout = layout
        self._pages = {page.url: page for page in graph.pages}
        self._documents = {entry.url: entry.document for entry in graph.interviews + graph.cases}
        for url, document in (held or {}).items():  # a published page keeps an address a draft's slug repeats
            if url not in self._pages:
                template = _layout_of(document)
                self._pages[url] = Page(url, output_path(url), template, document.meta.title, {}, document.path,
                                        kind=template.removesuffix(".html"))
                self._documents[url] = document
        # Markdown shown by any other template (a partial may be included anywhere): its places may be on any page.
        self._unknown = not layout.bodies.issubset(ENTRY_LAYOUTS)
        self._ids: dict[str, list[str]] = {}

    def problem(self, href: str, path: str) -> tuple[str, str] | None:
        """``(message, hint)`` for the link ``href`` (as typed) to the site path ``path`` (a page or file that
        exists) when its fragment names no place of that page; None when it does, or cannot be known."""
        typed = href.strip().partition("#")[2]
        # A fragment directive (#:~:text=…) is no id; "top" (any case) is the top of the page in every browser.
        typed = typed.partition(":~:")[0]
        page = self._pages.get(path.removesuffix("index.html")) or self._pages.get(path + "/")
        if self._unknown or page is None or page.kind in _UNCHECKED_KINDS or not typed or typed.lower() == "top":
            return None
        wanted = unquote(typed)  # a browser looks for the fragment as typed, then decoded (UTF-8)
        if any(self._layout.may_have(place) for place in (typed, wanted)):
            return None
        document = self._documents.get(page.url)
        anchors = [heading.anchor for heading in document.rendered.headings] if document is not None else []
        if typed in anchors or wanted in anchors:
            return None
        ids = self._body_ids(page.url, document) if document is not None else []
        if typed in ids or wanted in ids:
            return None
        return self._problem(href, page, wanted, anchors, ids)

    def _body_ids(self, url: str, document: Document) -> list[str]:
        found = self._ids.get(url)
        if found is None:
            found = self._ids[url] = [html.unescape(place) for place in _ID_RE.findall(document.rendered.html)]
        return found

    def _problem(self, href: str, page: Page, wanted: str, anchors: list[str],
                 ids: list[str]) -> tuple[str, str]:
        at = href.strip().partition("#")[0]  # the page as the link names it: its base path or "../" kept
        named = f"the page {unquote(page.url)} (《{page.title}》)" if page.kind in ("interview", "case") \
            else f"the page {unquote(page.url)}"
        message = f'the link "{href}" leads to {named}, which has no place "{wanted}"'
        if (meant := _heading_meant(wanted, anchors)) is not None:
            return f"{message}: {_HEADING_PLACES}", f"write {at}#{meant}"
        import difflib  # only here: a hint for a broken link, which most builds never give

        if page.kind not in ("interview", "case"):
            close = difflib.get_close_matches(wanted, self._layout.own.get(page.template, ()), n=1, cutoff=0.6)
            return message, (f"did you mean {at}#{close[0]}?" if close else
                             f"link to the page itself: {at} (it has no headings of Markdown to link to)")
        if not anchors:
            return message, (f"the page has no heading (##) to link to: link to the page itself ({at}), "
                             f"or add the heading to {page.source}")
        # A heading is often linked by a few of its words (#体会 for #…有哪些体会经验和收获).
        nearest = [place for place in ids if wanted in place][:3] or difflib.get_close_matches(
            wanted, ids, n=3, cutoff=0.5)
        if len(nearest) == 1:
            return message, f"did you mean {at}#{nearest[0]}?"
        return message, ("link to one of its places, the nearest first: " if nearest else
                         "link to one of its headings: ") + ", ".join(
            f"{at}#{place}" for place in nearest or anchors[:5])


_PREVIEW_HOSTS = frozenset({"127.0.0.1", "localhost", "0.0.0.0", "::1"})
"""Hosts of a preview on the editor's own computer (``sitegen serve``)."""


def _own_address(href: str, own: str) -> tuple[str, str] | None:
    """For a link typed in full to the preview on this computer (``http://127.0.0.1:8000/interviews/x/``,
    copied from the browser's address bar) or to this site's own address: (the site path it names, what is
    wrong with it). None for any other link.

    ``own`` is the site's base URL after its scheme, its path decoded (``example.org/青浦/``). A
    preview's address works on the editor's computer only; the site's own address typed in full leads out
    of the site when it is published elsewhere (``--base-url``), and is not checked as a link of the site is.
    """
    typed = href.strip()
    # Most links of a site lead elsewhere: those that name neither host are let go without parsing them
    # (urlsplit drops tabs and line breaks and lowers the host, so the text is compared so too).
    seen = typed.translate(_URL_DROPPED).lower()
    if not any(host in seen for host in _PREVIEW_HOSTS) and own.split("/", 1)[0].lower() not in seen:
        return None
    try:
        parts = urlsplit(typed)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if host in _PREVIEW_HOSTS:
        return (site_path(parts.path or "/") or "/",
                "leads to the preview on your own computer (sitegen serve), which readers cannot open")
    after = parts.netloc + site_path(parts.path or "/")  # decoded, as ``own`` is: typed in Chinese or encoded
    if (after + "/").lower().startswith(own.lower()):
        return "/" + after[len(own):].lstrip("/"), "is this site's own address typed in full"
    return None


_URL_DROPPED = str.maketrans("", "", "\t\r\n")
"""The characters `urllib.parse.urlsplit` removes from an address before reading it."""


_WEB_HOST = r"(?:www\.[^/\s?#]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|gov|edu|info|top|io|hk|mo|tw))(?=[/?#:]|$)"
"""A web site's name as typed without https://: ``www.…``, or names ending in a common top-level domain
(``qingpu.gov.cn/…``): a file of the site (``report.pdf``) never ends so."""


def _full_width_web_address(href: str) -> bool:
    """True for a web address typed with full-width signs (``https：／／…``): the page's Markdown check names
    that slip at the link already (`sitegen.markup`, through `sitegen.webaddress.address_slip`)."""
    typed = href.strip()
    half_width = half_width_address(typed)
    return half_width != typed and half_width[:8].lower().startswith(("http://", "https://"))


def _sign_in_file_name_hint(href: str, files: set[str]) -> str | None:
    """The hint for a link typed as a file's name that holds "#", "?" or "%" (`signs_in_name_hint`), or None
    for any other link.

    Takes the link as typed (read from the site's root, as every link is) and the site paths of the
    files under content/ (``/files/Data#1.txt``); the link escaped as the hint offers is read back as the
    file's name by `site_path`.
    """
    typed = href.strip()
    named = posixpath.normpath("/" + typed.lstrip("/")) if typed else ""
    if named not in files:
        return None
    return signs_in_name_hint(typed, named, use="link to it", what="link")


def _untitled_link_hint(href: str, pages: set[str], files: set[str]) -> str | None:
    """The hint for a link typed as a path of this site, a space and words (``/cases/baihe-caomei/ 草莓案例``),
    which Markdown reads as one address that leads nowhere: the path alone, and the words as its title in
    quotes (`sitegen.webaddress.untitled_hint`, as a picture's path gets in `sitegen.checks`); None when
    ``href`` holds no space or the path before it names no page or file (``pages``, ``files``: site paths)."""
    typed = words_after_path(href)
    path = site_path(typed[0]) if typed is not None else ""
    if typed is None or not path or not _leads_somewhere(path, pages, files):
        return None
    return untitled_hint(*typed, "link")


def _address_hint(href: str) -> str | None:
    """The hint for a link that is a web or e-mail address typed so that it reads as a page of this site.

    Takes the link as typed. ``www.qingpu.gov.cn`` and ``qingpu.gov.cn/tz/1.html`` lack ``https://``
    (a host typed with 。 or full-width signs, as an input method types them, is given in half width);
    ``https//…`` and ``https：…`` have a scheme that is no scheme; ``someone@qingpu.gov.cn`` lacks
    ``mailto:``. Returns the hint with the address to write, or None for a link that is none of these.
    """
    typed = href.strip()
    mangled = re.match(r"(?i)(https?)\s*[:：]?\s*/*", typed)
    if mangled and mangled.group(0) != mangled.group(1):
        scheme = mangled.group(1).lower()
        meant = half_width_address(f"{scheme}://{typed[mangled.end():]}")
        if re.match(_WEB_HOST, meant[len(scheme) + 3:], re.IGNORECASE):
            return (f'the start of a web address is typed "{scheme}://", with a half-width colon (半角冒号) and '
                    f"two slashes: write {meant}")
    if re.fullmatch(r"[^\s/@:：]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+", typed, re.IGNORECASE):
        return f"an e-mail address is linked with mailto: before it: write mailto:{typed}"
    meant = half_width_address(f"https://{typed}")
    if re.match(_WEB_HOST, meant[8:], re.IGNORECASE):
        return (f'a web address without "https://" is read as a page of this site: write {meant} '
                "(or http:// if that site has no https)")
    return None


def _pages_by_source(entries: Sequence[Entry]) -> dict[str, tuple[str, str]]:
    """How an editor may name a page instead of giving its address → (its address, what was named).

    A page is named by its file (``/content/interviews/x.md``, ``/interviews/x.md``, ``/x.md``), by its
    folder and file name as if that were its address (``/interviews/x``: the address is made of the slug,
    which the file name need not be), or by its title, as people link pages in a word processor or a wiki.
    A file name two pages share names neither.
    """
    named: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()
    for entry in entries:
        rel = entry.document.path
        name = rel.rsplit("/", 1)[-1]
        stem = posixpath.splitext(rel.removeprefix("content/"))[0]
        for key, what in (("/" + rel, f"its file {name}"), ("/" + rel.removeprefix("content/"), f"its file {name}"),
                          ("/" + name, f"its file {name}"),
                          ("/" + stem, f"its file's name {posixpath.basename(stem)}: a page's address is made of "
                                       "its slug"),
                          ("/" + entry.meta.title.strip(), "its title")):
            if key in named and named[key][0] != entry.url:
                shared.add(key)
            named.setdefault(key, (entry.url, what))
    return {key: value for key, value in named.items() if key not in shared}


def _pages_by_name(graph: SiteGraph, held_back: Mapping[str, Document] | None = None
                   ) -> dict[str, tuple[str, str, str]]:
    """How an editor may name a page where its address goes (``units/白鹤镇/``) → (its address, its name or
    title, what was typed for it), by the name as readers tell names apart (`plain_name`).

    Takes the site graph and the pages held back (drafts, pages scheduled for later) by address. A unit is
    named by its name, its aliases, their short forms without the word of their level (白鹤 for 白鹤镇,
    `short_name`) or one of its misspellings (``misspellings:``, 白河镇); a series, an interview or a case
    study by its title, a page held back too (a new draft is linked by its title first). A name that two
    pages share names neither: only the one page meant is offered.
    """
    pages: list[tuple[str, str, dict[str, str]]] = [
        (view.url, view.unit.name, {**{bad: "a misspelling of its name" for bad in view.unit.misspellings},
                                    **{name: "its name" for name in map(short_name, names_of(view.unit))},
                                    **{name: "its name" for name in names_of(view.unit)}})
        for view in graph.units]
    pages += [(view.url, view.series.title, {view.series.title: "its title"}) for view in graph.series]
    pages += [(entry.url, entry.meta.title, {entry.meta.title: "its title"})
              for entry in graph.interviews + graph.cases]
    pages += [(url, document.meta.title, {document.meta.title: "its title"})
              for url, document in (held_back or {}).items()]
    named: dict[str, tuple[str, str, str]] = {}
    shared: set[str] = set()
    for url, title, names in pages:
        for name, what in names.items():
            key = plain_name(name)
            if not key:
                continue
            if key in named and named[key][0] != url:
                shared.add(key)
            named.setdefault(key, (url, title.strip(), what))
    return {key: value for key, value in named.items() if key not in shared}


class _LinkHints:
    """The hints for text links that lead to no page or file of the site, made once for the first such link.

    Takes the graph and every site path there is (pages and content files). A hint names the page meant:
    by its file or title (`_pages_by_source`), as the path the link ends with (a page's slug or a unit's id
    typed alone: ``baihe``, ``baihe/``), as a tag's page by the tag (``草莓产业``), by the name or title typed
    last in the path (``units/白鹤镇/``, `_pages_by_name`), or as the path nearest in
    spelling among those of its folder or of its last part (``/units/baihee/`` → ``/units/baihe/``,
    ``/unit/baihe/`` → ``/units/baihe/``). Those two groups, looked up in an index, are all that is
    compared: comparing every broken link with every page took minutes for thousands of links. Each path
    is answered once.
    """

    def __init__(self, graph: SiteGraph, known: set[str], former: Callable[[], Mapping[str, str]] | None = None,
                 held_back: Mapping[str, Document] | None = None,
                 places: Callable[[str, str], tuple[str, str] | None] | None = None) -> None:
        self._by_source = _pages_by_source(graph.interviews + graph.cases)
        self._held_back = held_back or {}
        self._by_name = _pages_by_name(graph, self._held_back)
        last_built = former() if former is not None else {}
        self._moved = _moved_since(graph, last_built)
        self._gone = _gone_since(graph, last_built)
        self._documents = {entry.document.path: entry.document for entry in graph.interviews + graph.cases}
        self._by_folder: dict[str, list[str]] = defaultdict(list)
        self._by_last: dict[str, list[str]] = defaultdict(list)
        for path in sorted(known):
            folder, last = _folder_and_last(path)
            self._by_folder[folder].append(path)
            self._by_last[last].append(path)
        # A page's file and its address, to show the rule (an address alone was typed as offered, for another
        # page): an interview's or case study's, one whose slug is its file's name first.
        entries = [entry for entry in graph.interviews + graph.cases if "%" not in entry.url]
        shown = next((entry for entry in entries if entry.document.slug == posixpath.splitext(
            posixpath.basename(entry.document.path))[0]), entries[0] if entries else None)
        self._example = f" (e.g. {shown.url} for the page of {shown.document.path})" if shown else ""
        self._places = places or (lambda link, path: None)
        self._made: dict[tuple[str, str], str] = {}
        # A tag typed alone (草莓产业) or in its folder (/tags/草莓产业/): its page is at its slug (/tags/cao-mei-chan-ye/).
        self._tags = {where + term.name.strip(): term for term, _ in graph.tags
                      for where in ("/", _folder_and_last(term.url)[0])}
        self._records = _record_folders(graph, self._by_folder)
        self._feed = graph.links.feed
        self._feedless = _feedless(graph)

    def hint(self, path: str, place: str = "") -> str:
        """The hint for a link to the site path ``path``, which names no page or file of the site.

        ``place`` is what the link names after its address (``#问题二``, ``?v=2``): an address the hint
        offers keeps it, or says the page lacks it (`_rewritten`).
        """
        made = self._made.get((path, place))
        if made is None:
            made = self._made[path, place] = self._hint(path, place)
        return made

    def _feedless_hint(self, feed: str, place: str) -> str:
        """The hint for a link to ``feed``, the path of a feed the build does not write (`_feedless`): the page
        to link instead, with the place the link typed."""
        what, held, page = self._feedless[feed]
        write, lacking = _rewritten(page, place, self._places)
        return (f"{what} has no feed: a feed holds {held}, and none is published, so none is written; link the "
                f"page instead, {write}{lacking}")

    def _hint(self, path: str, place: str) -> str:
        held = self._held_back.get(path if path.endswith("/") else path + "/")
        if held is not None:
            return _held_back_hint(path, held)
        moved = self._moved.get(path if path.endswith("/") else path + "/")
        if moved is not None:
            url, title, source = moved
            write, lacking = _rewritten(url, place, self._places)
            if source not in self._documents:  # a unit's or series' page: its aliases: are other names, not addresses
                return (f"{path} was the address of the page of {title} in the last build; the page is now at {url}: "
                        f"write {write}{lacking}")
            keep = keep_aliases(self._documents[source], [path], source)
            return (f"{path} was the address of 《{title}》 in the last build; the page is now at {url}: write {write}, "
                    f"or {keep} so the old address leads there too{lacking}")
        gone = self._gone.get(path if path.endswith("/") else path + "/")
        if gone is not None:  # a look-alike address would be another page (第211期 for the deleted 第11期)
            return (f"{path} was the address of the page of {gone} in the last build, and that file is gone: if it "
                    "was deleted or moved by mistake, restore it (回收站, the recycle bin); else link another page, "
                    "or take the link out")
        if path in self._feedless:
            return self._feedless_hint(path, place)
        feed = self._moved.get(path.removesuffix(FEED_FILE)) if path.endswith("/" + FEED_FILE) else None
        if feed is not None and feed[2] not in self._documents:  # a unit's or series' feed moves with its page
            url, title, _ = feed
            return (f"{path} was the address of the feed of {title} in the last build; the feed is now at "
                    f"{url}{FEED_FILE}: write {url}{FEED_FILE}")
        named = "/" + path.strip("/").strip("《》“”\"「」 ")  # a title typed as Chinese text quotes it: 《网格员的一天》
        if named in self._by_source:
            url, what = self._by_source[named]
            write, lacking = _rewritten(url, place, self._places)
            return f"did you mean {write}? (link to the page's address, not to {what}){lacking}"
        folder, last = _folder_and_last(path)
        # Written from the page it is on (../links2/ for /interviews/links2/)? A link is read from the root.
        # A page's slug or a unit's id typed alone (baihe-dadiaoyan-weifangtan, baihe/) is such a path too: with
        # or without its last "/", it ends the page's address.
        ending = [page for page in self._by_last.get(last, ())
                  if path != "/" and page.rstrip("/").endswith(path.rstrip("/"))]
        if ending:
            write, lacking = _rewritten(ending[0], place, self._places)
            return f"did you mean {write}? (a link without https:// is read from the site's root){lacking}"
        if (tag := self._tags.get(path.rstrip("/"))) is not None:
            write, lacking = _rewritten(tag.url, place, self._places)
            return f"did you mean {write}? (link to the page of the tag {tag.name} by its address){lacking}"
        parent, record = _folder_and_last(folder)
        if last == FEED_FILE and folder in self._records:  # /units/feed.xml: no such feed
            records = self._records[folder]
            return (f"there is no feed at {path}; each {records.kind} has its own, at its page's address and "
                    f"{FEED_FILE} ({records.pages[0].url}{FEED_FILE}), and the site's newest interviews are at "
                    f"{self._feed}")
        if last == FEED_FILE and parent in self._records and record:  # the feed of a unit or series none is
            meant = _read_record(record, self._records[parent]).meant
            if len(meant) == 1 and meant[0].url + FEED_FILE in self._feedless:  # one there is, with no feed
                return self._feedless_hint(meant[0].url + FEED_FILE, place)
            return (f"a feed is at the address of its {self._records[parent].kind}'s page and {FEED_FILE}; "
                    + _no_record_hint(_read_record(record, self._records[parent]), parent, self._records[parent],
                                      lambda url: _rewritten(url + FEED_FILE, place, self._places)))
        # A unit or series named exactly (its id typed otherwise, the pinyin of its name), before the guesses by
        # spelling below, which offered 白鹤村's /units/bai-he-cun/ for 白鹤镇's bai-he-zhen. A name it is known by
        # is left to `_pages_by_name`, whose hint says why.
        named = _read_record(last, self._records[folder]) if folder in self._records and last else None
        if named is not None and len(named.meant) == 1 and plain_name(last) not in named.meant[0].names:
            write, lacking = _rewritten(named.meant[0].url, place, self._places)
            return f"did you mean {write} ({named.meant[0].name})?{lacking}"
        if (guessed := self._slug_guessed(folder, last)) is not None:
            held = self._held_back.get(guessed)
            if held is not None:
                return _held_back_hint(guessed, held, meant=True)
            write, lacking = _rewritten(guessed, place, self._places)
            return f"did you mean {write}?{lacking}"
        # A unit's name, or a page's title, typed where its address goes (units/白鹤镇/, cases/做大做强白鹤草莓/).
        if (page := self._by_name.get(plain_name(last.strip("《》“”\"「」 ")))) is not None:
            url, title, what = page
            if (held := self._held_back.get(url)) is not None:
                return _held_back_hint(url, held, meant=True)
            write, lacking = _rewritten(url, place, self._places)
            return f"did you mean {write} ({title})? (link to the page's address, not to {what}){lacking}"
        import difflib  # only here: a hint for a broken link, which most builds never give

        # The pages held back are among the candidates: a draft's address misspelt is no published page's.
        nearby = sorted({*self._by_folder.get(folder, ()), *self._by_last.get(last, ()),
                         *(url for url in self._held_back if _folder_and_last(url)[0] == folder)})
        close = difflib.get_close_matches(path, nearby, n=1, cutoff=0.85)
        if close and (held := self._held_back.get(close[0])) is not None and close[0] not in self._by_folder[folder]:
            return _held_back_hint(close[0], held, meant=True)
        if close:
            write, lacking = _rewritten(close[0], place, self._places)
            return f"did you mean {write}?{lacking}"
        if named is not None:
            return _no_record_hint(named, folder, self._records[folder],
                                   lambda url: _rewritten(url, place, self._places))
        return (f"link to a page by its address{self._example}, or to a file under content/ by its path from there "
                "(e.g. files/报告.pdf for content/files/报告.pdf)")


    def _slug_guessed(self, folder: str, last: str) -> str | None:
        """The one address of a page in ``folder`` (published or held back) whose slug, its hyphens aside, holds
        ``last`` so: a slug guessed from the title's pinyin (``jianshe-caomei`` for
        ``jian-she-cao-mei-zhong-zhi-ji-di``, the slug of 建设草莓种植基地), shortened (``sige-zui`` for
        ``baihe-sige-zui``) or typed without its hyphens (``baihecaomei``). None when no page or several do, or
        ``last`` is too short to tell (under 4 letters)."""
        typed = last.replace("-", "").lower()
        if len(typed) < 4 or not typed.isascii():
            return None
        found = {url for url in (*self._by_folder.get(folder, ()), *self._held_back) if url.endswith("/")
                 and _folder_and_last(url)[0] == folder
                 and typed in _folder_and_last(url)[1].replace("-", "").lower()}
        return found.pop() if len(found) == 1 else None


def _held_back_hint(path: str, document: Document, *, meant: bool = False) -> str:
    """The hint for a link to ``path``, the address of ``document``, a page not published (a draft, or scheduled);
    ``meant``: the link typed another address, which ``path`` is offered for."""
    title = document.meta.title
    lead = f"did you mean {path}, the address of 《{title}》? It is" if meant else f"{path} is the address of 《{title}》,"
    if document.meta.draft:
        return (f"{lead} a draft (draft: true), which is not published: publish it (write draft: false in "
                f"{document.path}), or leave the link out until it is")
    return (f"{lead} scheduled for {publish_time_text(document.meta.date)}: the link leads nowhere until then; leave "
            f"it out until the page is published, or publish it sooner (an earlier date: in {document.path})")


def _moved_since(graph: SiteGraph, former: Mapping[str, str]) -> dict[str, tuple[str, str, str]]:
    """The old addresses of pages that moved: ``{old site path: (its address now, its title, its file)}``.

    Takes the graph and the addresses of the last build, ``{site path: page file}``; an address a page
    still has, or one whose file is no interview, case study, unit or series of the graph, is left out.
    A unit's or series' page is known by its record file, whose name is its id (``content/units/baihe.yaml``),
    and titled by its name.
    """
    pages = {entry.document.path: (entry.url, entry.document.meta.title) for entry in graph.interviews + graph.cases}
    records = {("units", view.unit.id): (view.url, view.unit.name) for view in graph.units}
    records.update((("series", view.series.id), (view.url, view.series.title)) for view in graph.series)
    moved = {}
    for old, source in former.items():
        folder, _, name = source.rpartition("/")
        now = pages.get(source) or records.get((folder.removeprefix("content/"), name.rpartition(".")[0]))
        if now is not None and now[0] != old:
            moved[old] = (now[0], now[1], source)
    return moved


def _gone_since(graph: SiteGraph, former: Mapping[str, str]) -> dict[str, str]:
    """The addresses of the last build whose page's file is gone: ``{old site path: its file}``.

    Takes the graph and the addresses of the last build, ``{site path: page file}``. An address a page has
    now is left out, and so is one whose file still makes a page (`_moved_since` tells those) or is held back
    (a draft: the link's hint says when it is published).
    """
    now = {page.url for page in graph.pages}
    files = {entry.document.path for entry in graph.interviews + graph.cases}
    files |= {f"content/units/{view.unit.id}" for view in graph.units}
    files |= {f"content/series/{view.series.id}" for view in graph.series}
    return {old: source for old, source in former.items()
            if old not in now and source not in files and source.rpartition(".")[0] not in files}


# The pages of a unit or series listed in a hint for a link to one that does not exist (as many as checkrefs lists).
_LISTED_RECORDS = 5
# What a file's name may end with where a unit's or series' id was meant (baihe.yaml, baihe.html).
_FILE_ENDINGS = (".yaml", ".yml", ".html", ".htm", ".md", ".json")


@dataclass(frozen=True)
class _RecordPage:
    """A unit's or series' page as the hint for a link to one that does not exist compares it: its address,
    id and name; ``names``, the names it is known by (name, aliases, their short forms, misspellings: as
    `plain_name` gives them); ``full``, its name and aliases alone (白鹤镇, not 白鹤); ``sounds``, its id and
    the pinyin of its full names, without hyphens (``baihe``, ``baihezhen``); ``all_sounds``, the pinyin of
    every name it is known by (白鹤镇工业园区 is called 白鹤镇 for short: ``baihezhen`` is among its own)."""

    url: str
    id: str
    name: str
    names: frozenset[str]
    sounds: frozenset[str]
    full: frozenset[str]
    all_sounds: frozenset[str]


@dataclass(frozen=True)
class _RecordFolder:
    """The folder of the pages of one kind of record (``unit`` or ``series``): those pages, by address; the
    list page of them, when there is one at the folder (``/units/``); and ``units``, every unit's (id, name),
    from which ``sitegen new`` learns how the site reads a name (`sitegen.slugs.readings_of`)."""

    kind: str
    pages: tuple[_RecordPage, ...]
    listed_at: str | None
    units: tuple[tuple[str, str], ...]


def _sounds(names: Iterable[str]) -> frozenset[str]:
    """The pinyin of each of ``names`` (ids read as they are), without hyphens: ``{"baihezhen", "baihe"}``."""
    return frozenset(make_slug(name).replace("-", "") for name in names)


def _record_folders(graph: SiteGraph, by_folder: Mapping[str, list[str]]) -> dict[str, _RecordFolder]:
    """The folders of the site's unit and series pages (``/units/``), each with its `_RecordFolder`.

    Takes the graph and every site path by folder (`_LinkHints`). A folder is one only when each page of
    that kind is in it as its folder and id (``/units/baihe/``: not a permalink that puts the id elsewhere,
    ``/danwei/{slug}/info/``), nothing else of the site is in it, and it is not the root: a link there to an
    address none has is a link to a unit or series that does not exist.
    """
    def record_page(url: str, record: Unit | Series, known_as: list[str]) -> _RecordPage:
        names = frozenset(filter(None, map(plain_name, known_as)))
        full = frozenset(filter(None, map(plain_name, names_of(record))))
        return _RecordPage(url, record.id, names_of(record)[0], names, _sounds(full | {record.id}), full,
                           _sounds(names))

    unit_pages = [record_page(view.url, view.unit, [*names_of(view.unit), *map(short_name, names_of(view.unit)),
                                                    *view.unit.misspellings]) for view in graph.units]
    series_pages = [record_page(view.url, view.series, names_of(view.series)) for view in graph.series]
    units = tuple((view.unit.id, view.unit.name) for view in graph.units)
    folders: dict[str, _RecordFolder] = {}
    for kind, pages in (("unit", unit_pages), ("series", series_pages)):
        held = {_folder_and_last(page.url)[0] for page in pages}
        if len(held) != 1 or (folder := held.pop()) == "/":
            continue
        if any(_folder_and_last(page.url)[1] not in (page.id, windows_safe(page.id)) for page in pages):
            continue
        if set(by_folder.get(folder, ())) <= {page.url for page in pages}:
            listed_at = folder if folder in by_folder.get(_folder_and_last(folder)[0], ()) else None
            folders[folder] = _RecordFolder(kind, tuple(sorted(pages, key=lambda page: page.url)), listed_at, units)
    return folders


@dataclass(frozen=True)
class _TypedRecord:
    """What the last part of a link's path names where a unit's or series' page goes (`_read_record`).

    ``typed`` as written; ``half``: in half width, stripped, a file's ending taken off (``ｂａｉｈｅ.yaml`` →
    ``baihe``); ``key``: that as names are compared (`plain_name`); ``as_id``: in small letters, as ids are;
    ``new_id``: the id ``sitegen new`` would give a record of that id or name ("" when none can be made);
    ``meant``: the pages it names, best first (empty when none; several when a name is several pages').
    """

    typed: str
    half: str
    key: str
    as_id: str
    new_id: str
    meant: tuple[_RecordPage, ...]


def _read_record(typed: str, records: _RecordFolder) -> _TypedRecord:
    """Read ``typed``, the last part of a link's path, against the pages of ``records`` (see `_TypedRecord`).

    The new id is `sitegen.slugs.slug_reading`, reading names as the site's unit ids read them
    (`sitegen.slugs.readings_of`), a device's name made safe. The pages meant are looked for in this order,
    the first that finds any wins: by id; by a name it is known by; by a text that ends with its name
    (青浦区白鹤镇 for 白鹤镇); by the pinyin of its full names, typed or made of what was typed
    (``bai-he-zhen``, 白鶴鎮 and 化新镇 read as 白鹤镇 and 华新镇 are, 同音); by the pinyin of any name it is
    known by.
    """
    half = unicodedata.normalize("NFKC", typed).strip().strip("/").strip()
    if half.lower().endswith(_FILE_ENDINGS):  # a file's name: the page is at its id
        half = half.rpartition(".")[0].strip()
    key, as_id = plain_name(half), half.lower()
    if half.isascii():  # an id, or what becomes one (Hua_xin → hua-xin)
        new_id = windows_safe(as_id if is_slug(as_id) else make_slug(half))
    else:
        new_id = windows_safe(slug_reading(half, readings_of(
            [(rid, name) for rid, name in records.units if name[:2] in half])))
    pages = records.pages
    sound = {as_id.replace("-", ""), new_id.replace("-", "")} - {""}
    meant = ([page for page in pages if as_id == page.id] or [page for page in pages if key in page.names]
             or [page for page in pages if not key.isascii() and any(key.endswith(name) for name in page.full)]
             or [page for page in pages if sound & page.sounds] or [page for page in pages if sound & page.all_sounds])
    return _TypedRecord(typed, half, key, as_id, new_id, tuple(meant))


def _no_record_hint(named: _TypedRecord, folder: str, records: _RecordFolder,
                    rewrite: Callable[[str], tuple[str, str]]) -> str:
    """The hint for a link to the page of a unit or series (``records.kind``) that none is.

    ``named`` is the last part of the link's path, decoded and read (`_read_record`): an id (``huaxin``,
    ``Huaxin``, ``ｈｕａｘｉｎ``, a file's name ``baihe.yaml``), the pinyin of a name (``bai-he-zhen``) or a name
    (``华新镇``). ``folder`` is
    the site folder of such pages (``/units/``), ``rewrite`` what gives an address to offer with the place
    the link typed (`_rewritten`). Offers the one page it names (``named.meant``); when a name is that of
    several, or part of theirs, only those (a name a page has is never offered to ``sitegen new``, which
    refuses it or makes a second record for one place). Otherwise names the pages there are, and how to
    make the new one: the ``sitegen new`` command, the file it makes and the address to link to.
    """
    kind, pages = records.kind, records.pages
    plural = "series" if kind == "series" else "units"
    typed, half, key, as_id, new_id, meant = (named.typed, named.half, named.key, named.as_id, named.new_id,
                                              named.meant)
    if len(meant) == 1:
        write, lacking = rewrite(meant[0].url)
        return f"did you mean {write} ({meant[0].name})?{lacking}"
    holding = list(meant) or [page for page in pages
                        if key and not key.isascii() and any(key in name for name in page.names)]
    listed = holding or list(pages)
    shown = ", ".join(f"{page.url} ({page.name})" for page in listed[:_LISTED_RECORDS])
    more = f" and {len(listed) - _LISTED_RECORDS} more" if len(listed) > _LISTED_RECORDS else ""
    if more and records.listed_at:
        more += f" (all at {records.listed_at})"
    if holding:
        return (f"{half} is in the names of {len(holding)} {plural}: link to the page of the one meant, by its "
                f"address: {shown}{more}")
    files = f"content/{plural}"
    if half.isascii():
        there = (f"there is no {kind} {as_id} (no file {files}/{as_id}.yaml)" if is_slug(as_id)
                 else f"there is no {kind} {half}")
        command = new_record_command(kind, record_id=new_id) if new_id else new_record_command(kind)
    else:  # a name: the id is the pinyin `sitegen new` makes of it
        there = f"there is no {kind} named {half}"
        command = new_record_command(kind, name=half)
    if new_id and is_slug(new_id):
        make = f"{command}, which makes {files}/{new_id}.yaml"
        make += "" if typed == new_id else f", and link to {folder}{new_id}/"
    else:
        make = f"{command}, and link to {folder} and the id it gives"
    return (f"{there}: link to the page of one there is, by its address: {shown}{more}; or, if it is a new {kind}, "
            f"create its file by running, in the site folder: {make}")


def _folder_and_last(path: str) -> tuple[str, str]:
    """A site path's folder and last part: ``/units/baihe/`` → (``/units/``, ``baihe``)."""
    folder, _, last = path.rstrip("/").rpartition("/")
    return folder + "/", last


def typed_with_base(path: str, base: str, leads: Callable[[str], bool] | None) -> str | None:
    """What a link's path typed with the path of base_url (copied from the address bar) names, or None.

    Takes the link's site path and the path of base_url, both decoded (``/qingpu/units/baihe/``,
    ``/qingpu/``), and what tells whether a site path names a page or file of the site
    (`SiteGraph.leads_to`; None: not known). A path is read from the site's root first: one that names
    a page or file as typed is that page or file (a folder content/qingpu/, a permalink /qingpu/{slug}/),
    so None; else the rest after the base path (``/units/baihe/``) when it names one (or ``leads`` is
    None). Both the link check (`check_text_links`: warned, with the path to write) and publishing
    (`Urls.rebase_html`: such a link is written as typed, not prefixed again) read a link by it.
    """
    rest = after_base_path(path, base)
    if rest is None or leads is None:
        return rest
    return rest if leads(rest) and not leads(path) else None


def _leads_somewhere(path: str, pages: set[str], files: set[str]) -> bool:
    """True when the site path ``path`` names a page, a content file or a file the build makes (``files``:
    the site paths of the content files and of the feeds, `_feed_urls`: /units/feed.xml is none)."""
    page = path.removesuffix("index.html")
    if page in pages or page + "/" in pages or path in files or path in _MADE_FILES:
        return True
    return path.startswith(_MADE_FOLDERS)


def _typed_before(document: Document, line: int | None, column: int | None) -> str | None:
    """What a link's address typed at ``line``:``column`` of the page (`_typed_at`) is typed after: one of
    `_ADDRESS_MARKS` (``(`` of ``[a](…)``, ``<`` of ``<…>``, a quote of ``href="…"``…), or "" for an address
    typed as text, which the text's conversion links as typed (`sitegen.markup.BARE_ADDRESS_RE`); None when
    the place is not known."""
    if line is None or column is None:
        return None
    before = document.body.split("\n")[line - document.body_line][:column - 1]
    return next((mark for mark in _ADDRESS_MARKS if before.endswith(mark)), "")


_ADDRESS_MARKS = ("(", "<", '"', "'", "=", "]:")
"""What a link's address is typed after, in Markdown (``[a](…)``, ``<…>``, ``[a]: …``) and HTML (``href="…"``)."""


def _typed_at(document: Document, address: str) -> tuple[int | None, int | None]:
    """The file line and column where the link ``address`` is typed in the page's text, or (None, None).

    That is where it first stands as an address: after ``(`` (``[报告](files/a.pdf)``), ``<``, a quote
    (``href="…"``), ``=`` or ``]:`` (a link definition). Else where it first stands at all (the same
    words may be in the text before the link, as a link to a page by its title has them). Where the
    address is typed whole comes before where it starts a longer one.
    """
    anywhere = as_address = None
    lines = document.body.split("\n")
    for number, column, before in places_typed(enumerate(lines, document.body_line), address):
        if before.endswith(_ADDRESS_MARKS):
            # The whole address, not the start of a longer one (https://example.org of https://example.org/x/).
            if lines[number - document.body_line][column - 1 + len(address):][:1] in ("", ")", ">", '"', "'", " ",
                                                                                     "\t"):
                return number, column
            as_address = as_address or (number, column)
        anywhere = anywhere or (number, column)
    return as_address or anywhere or (None, None)


def group_by_month(entries: Sequence[Entry]) -> list[tuple[str, list[Entry]]]:
    """Group entries by publish month, newest month first: ``[("2018-05", [...]), ...]``.

    Within a month the entries keep the order given (pass them newest first).
    """
    months: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        months[entry.meta.date.strftime("%Y-%m")].append(entry)
    return sorted(months.items(), reverse=True)
