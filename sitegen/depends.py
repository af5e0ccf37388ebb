"""What each page depends on: one fingerprint per page, so unchanged pages are not rendered again.

A page's fingerprint is a BLAKE2b digest (32 hex characters) of everything
that can change its bytes:

- the build's own inputs, shared by every page (`build_fingerprint`): the
  settings (site.yaml as loaded, with the base URL and output folder), the
  sitegen code and the versions of the libraries that shape the HTML;
- its layout and every template that layout extends, includes or imports,
  by content (`TemplateDependencies`), so an edited ``unit.html``
  re-renders the unit pages only;
- the page itself (URL, output path, title, kind, lastmod) and every value
  of its context, walked through lists and dicts: a Markdown page by its
  file's text, a record (unit, series, tally) by its fields, an entry by its
  page and everything shown with it (unit, series, tags, summary, counts),
  plus its series neighbours one step away (the 上一篇/下一篇 links); what
  an entry shows that comes from its body (its text, counts, pictures:
  `ENTRY_FACETS`) only when a template of the closure names it,
  so that a list of titles is not rendered again when one text changes; a
  unit or series view by its record, URL and whether it has a feed, and by every page it lists
  only when a template of the closure reads a list attribute
  (`LIST_ATTRIBUTES`, as ``view.interviews``, ``map(attribute="cases")``);
- the parts of the site graph its templates read (``site.units``,
  ``site.totals``, ``site.pages`` …), found by reading the templates'
  syntax trees; a template that uses ``site`` in any other way (passes it
  to a macro, stores it in a variable, reads an attribute not listed here)
  depends on the whole graph. A template that reads attributes by names
  not written in it (``entry[column]``, ``map(attribute=shown)``) reads
  every facet and every list. A neighbour has no neighbours of its own
  (`sitegen.site.Neighbour`), so no page shows an entry two steps away.
  A template that reads the context of other pages (``site.pages``, then
  ``p.context``) depends on the whole graph. Printing a record whole
  (``{{ entry }}``, its Python ``repr``) is not followed.

This is the rule of Hugo's and Gatsby's incremental builds: a page is
rendered again when any input it reads changed; the property test in
``tests/test_incremental.py`` checks the result against clean builds.
Over-approximation costs time, never correctness, so every unknown case
counts as "depends on everything".

May import: lazyre, errors, config, models, load, site, write, fresh, cachefile.
"""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import zlib
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from stat import S_ISREG
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

import jinja2
from jinja2 import meta as jinja_meta
from jinja2 import nodes
from pydantic import BaseModel

from .cachefile import replace_file
from .config import Config
from .lazyre import compile_later
from .load import Document
from .site import Entry, Page, SeriesView, SiteGraph, UnitView, neighbour_entry
from .fresh import code_fingerprint, digest, raw_digest
from .write import Stamp

EVERYTHING = "*"
"""The site part name meaning "the whole site graph"."""

# Site graph attributes a template may read, and the parts they stand for.
_SITE_PARTS: dict[str, tuple[str, ...]] = {
    "config": (), "links": (), "urls": (),
    "interviews": ("interviews",), "cases": ("cases",), "units": ("units",),
    "series": ("series",), "tags": ("tags",), "totals": ("units",),
    "pages": ("pages",), "assets": ("assets",), "data": ("data",), "now": ("now",),
    "latest_tallies": ("units",), "unit_groups": ("units",), "newest": ("interviews", "cases", "units"),
    # Whether the site's feeds are written is in every page's key (`fingerprint_outputs` in sitegen.build):
    # every page's head names the site's feed.
    "has_feed": (), "has_cases_feed": (),
}
# Attributes of a unit or series view that hold its pages: reading them makes a page depend
# on every page in the list; pages that never read them depend on the record and URL only.
LIST_ATTRIBUTES = frozenset({"interviews", "cases"})

ENTRY_FACETS: dict[str, frozenset[str]] = {
    # The HTML is read through ``rendered`` (``rendered.html``), which names the text already: "html"
    # itself is in every template's file names (``{% extends "base.html" %}``).
    "text": frozenset({"body", "rendered", "source_digest"}),
    "word_count": frozenset({"word_count"}),
    "minutes": frozenset({"minutes"}),
    "image_sizes": frozenset({"image_sizes"}),
}
"""What an entry (`sitegen.site.Entry`) shows that its body can change, by the attribute names that read it.

An entry's key always holds its front matter (as typed), its place (path,
slug, URL), its unit, series, tags, latest tally, figures and summary (every
list shows it, and it comes from the front matter more often than not), and
its series neighbours. A facet is added only for layouts whose templates
name one of its attributes (``entry.word_count``, ``map(attribute="minutes")``,
``entry.document.rendered.html``): the lists, which show titles, dates
and summaries, are not rendered again when a sentence is added to one
interview, and the keys of all the lists' entries are made once.
"""
ALL_FACETS = frozenset(ENTRY_FACETS)
_HEAD_FACETS = frozenset({"word_count", "minutes"})
"""What the page head of an interview or case study shows of its entry whatever its layout: the
JSON-LD's ``wordCount`` and ``timeRequired`` (`sitegen.outputs.structured.article`)."""
_FACET_PART = "entry."
"""Prefix of a facet among the parts a template reads (``entry.text``), as "lists" stands for view lists."""

def build_fingerprint(config: Config, extra: Iterable[str] = ()) -> str:
    """The inputs every page shares: settings (incl. base URL, output folder), code, ``extra`` texts.

    Returns a 32-character hex digest.
    """
    return digest(repr(config).encode(), code_fingerprint().encode(), *(e.encode() for e in extra))


class TemplateDependencies:
    """For each layout: the digest of its template closure, and the site parts it reads.

    Takes the Jinja environment the pages are rendered with. A template's
    closure is the template and every template it names in ``extends``,
    ``include``, ``import`` or ``from``, recursively, each by its source
    text. A name that is not a constant (``{% include var %}``) or a
    template that cannot be read makes the closure "every template",
    represented by `EVERYTHING` in the parts and a digest of all of them.
    """

    def __init__(self, env: jinja2.Environment, known: dict[str, Any] | None = None) -> None:
        self._env = env
        self._own: dict[str, tuple[str, frozenset[str], tuple[str, ...] | None]] = {}
        self._closures: dict[str, tuple[str, frozenset[str]]] = {}
        self.known: dict[str, Any] = dict(known or {})
        """What reading each template found, by its digest: ``{digest: [parts, references or None]}``.

        Pass the previous build's `known` (see `load_known_templates`) to
        skip parsing templates whose text did not change.
        """

    def _read(self, name: str) -> tuple[str, frozenset[str], tuple[str, ...] | None]:
        """(source digest, site parts read, referenced names or None when not all are known).

        Reading a view's list (`LIST_ATTRIBUTES`) counts as the part "lists".
        """
        if name not in self._own:
            try:
                source, _, _ = self._env.loader.get_source(self._env, name)  # type: ignore[union-attr]
                key = digest(name.encode(), source.encode(), ANALYSIS_VERSION.encode())
                if key not in self.known:
                    self.known[key] = _analyse(self._env.parse(source, name))
            except jinja2.TemplateError:
                self._own[name] = (digest(b"missing", name.encode()), frozenset({EVERYTHING}), None)
                return self._own[name]
            parts, references = self.known[key]
            self._own[name] = (key, frozenset(parts), None if references is None else tuple(references))
        return self._own[name]

    def analyses(self) -> dict[str, Any]:
        """The analyses of the templates read so far (to keep for the next build), by digest."""
        return {own[0]: self.known[own[0]] for own in self._own.values() if own[0] in self.known}

    def closure(self, name: str) -> tuple[str, frozenset[str]]:
        """Return (digest of the template and all it references, site parts they read).

        The parts may include "lists" (a view's list is read, see
        `reads_view_lists`) and `EVERYTHING`.
        """
        if name in self._closures:
            return self._closures[name]
        seen: dict[str, tuple[str, frozenset[str], tuple[str, ...] | None]] = {}
        waiting = [name]
        unknown = False
        while waiting:
            current = waiting.pop()
            if current in seen:
                continue
            seen[current] = self._read(current)
            references = seen[current][2]
            if references is None:
                unknown = True
            else:
                waiting.extend(references)
        parts = frozenset().union(*(entry[1] for entry in seen.values()))
        digests = [f"{n}:{seen[n][0]}".encode() for n in sorted(seen)]
        if unknown:
            parts |= {EVERYTHING}
            digests.append(self._all_templates().encode())
        self._closures[name] = (digest(*digests), parts)
        return self._closures[name]

    def _all_templates(self) -> str:
        names = sorted(self._env.list_templates(filter_func=lambda n: not n.startswith("assets/")))
        return digest(*(f"{n}:{self._read(n)[0]}".encode() for n in names))


ANALYSIS_VERSION = "7"
"""Changes whenever the rules below change, so analyses kept from older builds are not reused."""
KNOWN_TEMPLATES_FILE = "templates.json"


def _analyse(tree: nodes.Template) -> list[Any]:
    """[site parts read (sorted), referenced template names (sorted) or None when one is not a constant]."""
    references = list(jinja_meta.find_referenced_templates(tree))
    known = None if any(r is None for r in references) else sorted(set(references))
    walked = TemplateNodes(tree)
    parts = site_parts_read(walked) | ({"lists"} if reads_view_lists(walked) else set()) | {
        _FACET_PART + facet for facet in entry_facets_read(walked)}
    return [sorted(parts), known]


class TemplateNodes:
    """Every node of one template's syntax tree, walked once, to be found by kind.

    Takes the tree (`jinja2.nodes.Template`). The analyses below ask for a
    dozen kinds of node, and each `jinja2.nodes.Node.find_all` walks the
    whole tree again: walked once, the default theme's 24 templates are read
    in 0.018 s instead of 0.16 s. Each function below takes the tree or this.
    """

    def __init__(self, tree: nodes.Template) -> None:
        self.tree = tree
        self._all: list[nodes.Node] = list(tree.find_all(nodes.Node))
        self._kinds: dict[tuple[type[nodes.Node], ...], list[Any]] = {}

    def of(self, *kinds: type[nodes.Node]) -> list[Any]:
        """The nodes of these kinds (their subclasses too) below the root, in the order `find_all` gives."""
        found = self._kinds.get(kinds)
        if found is None:
            found = self._kinds[kinds] = [node for node in self._all if isinstance(node, kinds)]
        return found


def _walked(tree: nodes.Template | TemplateNodes) -> TemplateNodes:
    return tree if isinstance(tree, TemplateNodes) else TemplateNodes(tree)


def load_known_templates(cache_folder: Path) -> dict[str, Any]:
    """The template analyses kept by the last build (empty when missing or unreadable)."""
    try:
        known = json.loads((cache_folder / KNOWN_TEMPLATES_FILE).read_text(encoding="utf-8"))
        return known if isinstance(known, dict) else {}
    except (OSError, ValueError):
        return {}


def save_known_templates(cache_folder: Path, known: dict[str, Any]) -> None:
    """Keep the template analyses for the next build (atomically; errors ignored: the next build parses again)."""
    replace_file(cache_folder / KNOWN_TEMPLATES_FILE, json.dumps(known, sort_keys=True))


def site_parts_read(tree: nodes.Template | TemplateNodes) -> frozenset[str]:
    """The parts of the site graph a template's syntax tree reads through ``site.<name>``.

    ``site.units`` → {"units"}; ``site.links.home`` → {} (links come from
    the settings). Any other use of the name ``site`` (``{% set s = site %}``,
    ``macro(site)``, ``site[name]``, an attribute not in the known list)
    gives {`EVERYTHING`}.
    """
    walked = _walked(tree)
    parts: set[str] = set()
    attribute_of_site: set[int] = set()
    for getattr_node in walked.of(nodes.Getattr):
        if getattr_node.attr == "context" and not (isinstance(getattr_node.node, nodes.Name)
                                                   and getattr_node.node.name == "page"):
            parts.add(EVERYTHING)  # another page's context (site.pages, then p.context): anything of the graph
        if isinstance(getattr_node.node, nodes.Name) and getattr_node.node.name == "site":
            attribute_of_site.add(id(getattr_node.node))
            known = _SITE_PARTS.get(getattr_node.attr)
            parts.update(known if known is not None else (EVERYTHING,))
    for name in walked.of(nodes.Name):
        if name.name == "site" and id(name) not in attribute_of_site:
            parts.add(EVERYTHING)
    return frozenset(parts)


def reads_view_lists(tree: nodes.Template | TemplateNodes) -> bool:
    """True when a template may read a unit's or series' list of pages.

    That is any ``x.interviews``/``x.cases`` except ``site.…`` and the
    section links (``site.links.cases``, or a name set from ``site.links``
    and bound nowhere else in the template), the names as text in a
    subscript or a filter, test or call argument (``x["cases"]``,
    ``map(attribute="interviews")``) or in a block set, or any attribute
    read by a name that is not written in the template (`reads_by_variable_name`).
    """
    walked = _walked(tree)
    links_aliases = _names_set_from_site_links(walked)
    for getattr_node in walked.of(nodes.Getattr):
        if getattr_node.attr in LIST_ATTRIBUTES and not _is_site_or_links(getattr_node.node, links_aliases):
            return True
    return bool((_attribute_texts(walked) | _block_set_texts(walked)) & LIST_ATTRIBUTES) \
        or reads_by_variable_name(walked)


def entry_facets_read(tree: nodes.Template | TemplateNodes) -> frozenset[str]:
    """The `ENTRY_FACETS` a template's syntax tree may read: those with an attribute it names.

    A name counts as an attribute (``x.word_count``) or as any word of any
    text in the template (``x["minutes"]``, ``map(attribute="document.rendered.html")``,
    ``sort(attribute="word_count,title")``, ``"{0.minutes}分钟".format(e)``),
    a block set's text included. A template that reads an attribute by a name not written where
    it is read (`reads_by_variable_name`: ``map(attribute=shown)``) reads
    every facet.
    """
    walked = _walked(tree)
    if reads_by_variable_name(walked):
        return ALL_FACETS
    named = {node.attr for node in walked.of(nodes.Getattr)} | _block_set_texts(walked) | {
        word for node in walked.of(nodes.Const) if isinstance(node.value, str)
        for word in _NAME.findall(node.value)}
    return frozenset(facet for facet, names in ENTRY_FACETS.items() if names & named)


_ATTRIBUTE_FILTERS: dict[str, int | None] = {"attr": 0, "map": None, "selectattr": 0, "rejectattr": 0,
                                             "groupby": 0, "sort": 2, "sum": 0, "unique": 1, "min": 1, "max": 1,
                                             "by_date": 0}
"""Jinja's filters, and sitegen's ``by_date``, that read an attribute named by an argument (``sum(attribute="word_count")``,
``selectattr("minutes")``, ``attr("summary")``), with the place of that argument when given without its
keyword ``attribute=`` (None: only so). The other arguments are no attribute's name: the test and the
value of ``selectattr("as_of", "lt", tally.as_of)``, ``sort``'s ``reverse``, ``map``'s filter."""
LABEL_TABLES = frozenset({"status_labels", "group_labels", "level_labels", "target_status_labels",
                          "milestone_status_labels"})
"""Globals of the environment that map codes to labels (`sitegen.render.make_environment`): a subscript of
one (``status_labels[entry.meta.status.value]``) reads a label, never an entry's attribute."""


def reads_by_variable_name(tree: nodes.Template | TemplateNodes) -> bool:
    """True when a template may read an attribute whose name is not written in it.

    That is a subscript by anything but a text, a slice or a number
    (``entry[column]``, ``e[("WORD_COUNT")|lower]``), except of a table of
    labels: one of `LABEL_TABLES` the template never binds itself, or a map
    it writes out and binds only so (``{% set type_labels = {"date": "日期"} %}``);
    and a filter or test that reads an attribute (`_ATTRIBUTE_FILTERS`) given
    the attribute's name by anything but a text (``map(attribute=shown)``,
    ``sum(attribute=site.data.list.total)``, ``selectattr(name)``; not
    ``selectattr("as_of", "lt", tally.as_of)``, whose last argument is a
    value to compare). Jinja reads an attribute for a
    subscript by a text it cannot look up, never for a number.
    """
    walked = _walked(tree)
    bound = Counter(name.name for name in walked.of(nodes.Name) if name.ctx in ("store", "param"))
    written = Counter(assign.target.name for assign in walked.of(nodes.Assign)
                      if isinstance(assign.target, nodes.Name) and isinstance(assign.node, nodes.Dict))
    tables = {name for name, count in written.items() if bound[name] == count} | (LABEL_TABLES - set(bound))
    for item in walked.of(nodes.Getitem):
        if isinstance(item.arg, (nodes.Const, nodes.Slice)) or _is_number(item.arg):
            continue
        if isinstance(item.node, nodes.Name) and item.node.name in tables:
            continue
        return True
    for named in walked.of(nodes.Filter, nodes.Test):
        if named.name in _ATTRIBUTE_FILTERS and not isinstance(_attribute_argument(named), (nodes.Const, type(None))):
            return True
    return False


_UNKNOWN = object()
"""Stands for arguments passed as ``*args`` or ``**kwargs``: which attribute they name cannot be read."""


def _attribute_argument(named: nodes.Filter | nodes.Test) -> object:
    """The argument (a `jinja2.nodes.Node`) of an attribute-reading filter (`_ATTRIBUTE_FILTERS`) that names
    the attribute, None when none is given, or `_UNKNOWN` for arguments passed as ``*args`` or ``**kwargs``."""
    if named.dyn_args is not None or named.dyn_kwargs is not None:
        return _UNKNOWN
    keyword = next((keyword.value for keyword in named.kwargs if keyword.key == "attribute"), None)
    place = _ATTRIBUTE_FILTERS[named.name]
    if keyword is not None or place is None:
        return keyword
    return named.args[place] if place < len(named.args) else None


_LOOP_NUMBERS = frozenset({"index", "index0", "revindex", "revindex0", "length", "depth", "depth0"})


def _is_number(node: nodes.Node) -> bool:
    """True for an expression that is surely a number: a number written out, a loop's counter
    (``loop.index0``), ``|length`` or ``|int`` of anything, sums and products of those."""
    if isinstance(node, nodes.Const):
        return isinstance(node.value, int) and not isinstance(node.value, bool)
    if isinstance(node, nodes.Getattr):
        return node.attr in _LOOP_NUMBERS and isinstance(node.node, nodes.Name) and node.node.name == "loop"
    if isinstance(node, nodes.Filter):
        return node.name in ("length", "count", "int")
    if isinstance(node, (nodes.Add, nodes.Sub, nodes.Mul, nodes.FloorDiv, nodes.Mod)):
        return _is_number(node.left) and _is_number(node.right)
    if isinstance(node, (nodes.Neg, nodes.Pos)):
        return _is_number(node.node)
    return False


_NAME = compile_later(r"[A-Za-z_][A-Za-z0-9_]*")
"""A word of a text that could name an attribute."""


def _block_set_texts(walked: TemplateNodes) -> set[str]:
    """Every word of the text inside a block set (``{% set field %}word_count{% endset %}``): a name it holds
    may be read as an attribute's."""
    return {word for block in walked.of(nodes.AssignBlock) for data in block.find_all(nodes.TemplateData)
            for word in _NAME.findall(data.data)}


def _attribute_texts(walked: TemplateNodes) -> set[str]:
    """Every part of each text constant where a text can name an attribute: a subscript, or an
    argument of a filter, test or call (``x["cases"]``, ``map(attribute="meta.date")`` → meta, date)."""
    found: set[str] = set()
    for holder in walked.of(nodes.Getitem, nodes.Filter, nodes.Test, nodes.Call):
        for child in holder.iter_child_nodes():
            if child is not getattr(holder, "node", None):
                constant = child.value if isinstance(child, nodes.Keyword) else child
                if isinstance(constant, nodes.Const) and isinstance(constant.value, str):
                    found.update(constant.value.split("."))
    return found


def _is_site_or_links(node: nodes.Node, links_aliases: set[str]) -> bool:
    if isinstance(node, nodes.Name):
        return node.name == "site" or node.name in links_aliases
    return (isinstance(node, nodes.Getattr) and node.attr == "links"
            and isinstance(node.node, nodes.Name) and node.node.name == "site")


def _names_set_from_site_links(walked: TemplateNodes) -> set[str]:
    """Names bound only by ``{% set name = site.links %}`` in this template."""
    from_links: set[str] = set()
    bound_otherwise: set[str] = set()
    for assign in walked.of(nodes.Assign):
        targets = {n.name for n in assign.target.find_all(nodes.Name)} | (
            {assign.target.name} if isinstance(assign.target, nodes.Name) else set())
        if isinstance(assign.target, nodes.Name) and _is_site_or_links(assign.node, set()) \
                and isinstance(assign.node, nodes.Getattr):
            from_links |= targets
        else:
            bound_otherwise |= targets
    for binder in walked.of(nodes.For, nodes.Macro, nodes.With, nodes.CallBlock, nodes.AssignBlock):
        for name in binder.find_all(nodes.Name):
            if name.ctx in ("store", "param"):
                bound_otherwise.add(name.name)
    return from_links - bound_otherwise


class Fingerprints:
    """Digests of pages and of the values they show, memoised for one build.

    Takes the site graph, the template dependencies and the build
    fingerprint (`build_fingerprint`). `page`, `feed` and `sitemap` return
    fingerprints (32 hex characters); `value` and `part` the key of any
    value a template can receive (bytes, see `value`). Raises TypeError for
    a value of a kind it does not know, so a new kind of context value
    cannot be skipped by accident.
    """

    def __init__(self, graph: SiteGraph, templates: TemplateDependencies, build: str) -> None:
        self._graph = graph
        self._templates = templates
        self._build = build.encode()
        # By what is shown (``deep``, facets), then by id.
        self._memo: dict[tuple[bool, frozenset[str]], dict[int, bytes]] = {}
        self._keep: list[Any] = []  # keeps memoised objects alive so their ids stay unique
        self._parts: dict[tuple[str, bool, frozenset[str]], bytes] = {}
        self._bases: dict[int, bytes] = {}
        self._cards: dict[frozenset[str], dict[int, bytes]] = {}  # by facets, then by id
        self._entries: dict[frozenset[str], dict[int, bytes]] = {}
        self._lines: dict[int, bytes] = {}
        self._layouts: dict[tuple[str, str], tuple[bytes, bool, frozenset[str], bool, list[bytes]]] = {}
        self.reads_clock = False
        """True once a page whose layout reads the build's clock (``site.now``) was fingerprinted."""

    def page(self, page: Page) -> str:
        """The fingerprint of one page (32 hex characters)."""
        layout = self._layouts.get((page.template, page.kind))
        if layout is None:
            layout = self._layout(page.template, page.kind)
        template_digest, deep, facets, clock, parts = layout
        if clock:
            self.reads_clock = True
        context = page.context
        # The source is not among the fields of the site part "pages" (`_line`): it comes on its own.
        return digest(self._build, template_digest, self._line(page), repr(page.source).encode(),
                      *(self._map(context, deep, facets) if context else (b"0",)), *parts)

    def _layout(self, template: str, kind: str) -> tuple[bytes, bool, frozenset[str], bool, list[bytes]]:
        """What every page of one layout and kind shares: (digest of its template closure, whether it
        reads the views' lists, the entry facets it reads, whether it reads the clock, keys of the site
        parts it reads, sorted by name).

        The page head (`sitegen.outputs.structured`) reads more than the templates name: the
        dashboard's reads the units, an interview's or case study's the counts of its text.
        """
        dashboard = kind == "dashboard"
        template_digest, parts = self._templates.closure(template)
        deep = bool(parts & {"lists", EVERYTHING})
        facets = frozenset(part[len(_FACET_PART):] for part in parts if part.startswith(_FACET_PART)) | (
            _HEAD_FACETS if kind in ("interview", "case") else frozenset())
        if EVERYTHING in parts or "text" in facets:
            # The counts come from the text, and the pictures add little: one set of keys serves
            # every layout that shows the text, and the feeds.
            facets = ALL_FACETS
        names = sorted(name for name in parts | ({"units"} if dashboard else set())
                       if name != "lists" and not name.startswith(_FACET_PART))
        layout = (template_digest.encode(), deep, facets, bool(parts & {"now", EVERYTHING}),
                  [self.part(name, deep, facets) for name in names])
        self._layouts[(template, kind)] = layout
        return layout

    def _line(self, page: Page) -> bytes:
        """A page's address, output path, layout, title, kind and date, as the site part "pages" holds them."""
        line = self._lines.get(id(page))
        if line is None:
            # Plain values only (texts, a date or None): their repr identifies them exactly.
            line = repr((page.url, page.output, page.template, page.title, page.kind, page.lastmod)).encode()
            self._lines[id(page)] = line
            self._keep.append(page)
        return line

    def feed(self, title: str, page_url: str, url: str, entries: Sequence[Entry]) -> str:
        """The fingerprint of a feed: its title and addresses, and each entry as a list shows it with
        every facet (its card: a feed holds each entry's text). What an entry shows above its text (a case
        study's status, problem, actions and outcome, an interview's interviewee) comes from its front
        matter, which every card holds as typed (`_base`).

        A feed with no entries is dated by the site's newest content, so
        that is included then.
        """
        newest = () if entries else (self._graph.newest(),)
        cards = self._cards.get(ALL_FACETS) or {}
        return digest(self._build, b"feed", self.value((title, page_url, url, *newest)),
                      *[cards.get(id(entry)) or self._card(entry, ALL_FACETS) for entry in entries])

    def sitemap(self) -> str:
        """The fingerprint of ``sitemap.xml`` and ``robots.txt``: every page's address, kind and date
        (the ``pages`` part), with the build's settings (base URL, time zone) and code."""
        return digest(self._build, b"sitemap", self.part("pages"))

    def open_data(self) -> str:
        """The fingerprint of the open data files and ``datapackage.json`` (`sitegen.outputs.opendata`): the
        units' records and addresses in the site's order (the ``units`` part without the lists of pages),
        with the build's settings (title, base URL, publisher, licence) and code, and where each milestone
        stands on the build's day (its ``status`` column: typed, or by its date,
        `sitegen.models.Milestone.status_on`)."""
        today = self._graph.now.date()
        statuses = [milestone.status_on(today) for view in self._graph.units for milestone in view.unit.milestones]
        return digest(self._build, b"open data", self.part("units", deep=False), repr(statuses).encode())

    def part(self, name: str, deep: bool = True, facets: frozenset[str] = ALL_FACETS) -> bytes:
        """Key of one part of the site graph (see `site_parts_read`); ``deep``: with the views' lists;
        ``facets``: the `ENTRY_FACETS` shown of its entries.

        Only the units and the series hold views: every other part is the same either way.
        """
        deep = deep or name not in ("units", "series")
        key = (name, deep, facets)
        if key not in self._parts:
            graph = self._graph
            if name == EVERYTHING:
                made = raw_digest(b"*", *(self.part(p, True) for p in ("interviews", "cases", "units", "series",
                                                                          "tags", "pages", "assets", "data", "now")))
            elif name == "pages":
                made = raw_digest(b"pages", *[self._line(page) for page in graph.pages])
            else:
                made = self.value(getattr(graph, name), deep, facets)
            self._parts[key] = made
        return self._parts[key]

    def value(self, value: Any, deep: bool = True, facets: frozenset[str] = ALL_FACETS) -> bytes:
        """Key of a value a template can receive: ``#`` and a 16-byte digest, or for a plain value
        (text, number, date, None) its type and ``repr``, which identify it as exactly.

        ``deep`` False hashes unit and series views without their lists of
        pages (for layouts that never read them); ``facets`` are the
        `ENTRY_FACETS` of entries included (all of them by default).
        """
        kind = type(value)
        if kind is Entry:
            return self._entry_keys(facets).get(id(value)) or self._entry(value, facets)
        if value is None or kind in _PLAIN_TYPES or isinstance(value, _PLAIN):
            return f"{kind.__name__}:{value!r}".encode()  # exact and cheaper than a digest
        if isinstance(value, Entry):
            return self._entry_keys(facets).get(id(value)) or self._entry(value, facets)
        if isinstance(value, _SHALLOW_ALIKE):
            deep, facets = True, ALL_FACETS  # their digest is the same either way: make it once
        memo = self._memo.get((deep, facets))
        if memo is None:
            memo = self._memo[(deep, facets)] = {}
        known = memo.get(id(value))
        if known is not None:
            return known
        computed = self._compute(value, deep, facets)
        memo[id(value)] = computed
        self._keep.append(value)
        return computed

    def _compute(self, value: Any, deep: bool, facets: frozenset[str]) -> bytes:
        if not value and isinstance(value, (list, tuple, dict)):
            # Thousands of pages hold an empty list or map (no figures, no pictures):
            # a fixed text names it exactly, without a digest each.
            return b"map:0" if isinstance(value, dict) else b"seq:0"
        if isinstance(value, (list, tuple)):
            return b"#" + raw_digest(b"seq", *self._items(value, deep, facets))
        if isinstance(value, dict):
            return b"#" + raw_digest(b"map", *self._map(value, deep, facets))
        if isinstance(value, (UnitView, SeriesView)):
            record = value.unit if isinstance(value, UnitView) else value.series
            lists = ([] if not deep else [value.interviews, value.cases] if isinstance(value, UnitView)
                     else [value.interviews])
            # Whether it has a feed (`UnitView.has_feed`) is in its key even without its lists: the pages
            # that link the feed, or list the feeds, show it.
            return b"#" + raw_digest(type(value).__name__.encode(), self.value(record), value.url.encode(),
                                     b"feed" if value.has_feed else b"no feed",
                                     *(self.value(items, deep, facets) for items in lists))
        if isinstance(value, Document):
            return b"#" + raw_digest(b"document", *self._document(value))
        if isinstance(value, BaseModel):
            return b"#" + raw_digest(type(value).__name__.encode(), repr(value).encode())
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return b"#" + raw_digest(type(value).__name__.encode(), *(
                self.value(getattr(value, f.name), deep, facets) for f in dataclasses.fields(value)))
        raise TypeError(f"no fingerprint for a {type(value).__name__} in a page's context")

    def _items(self, items: Sequence[Any], deep: bool, facets: frozenset[str]) -> list[bytes]:
        """The keys of a list's or tuple's items, in order.

        An entry already keyed is found by its id first, for all items in one go (lists of
        thousands of entries): `_keep` holds it, so no other object has that id.
        """
        keys = list(map(self._entry_keys(facets).get, map(id, items)))
        if None in keys:
            value = self.value
            keys = [key or value(item, deep, facets) for key, item in zip(keys, items)]
        return keys

    def _map(self, value: Mapping[Any, Any], deep: bool, facets: frozenset[str]) -> list[bytes]:
        """The number of a map's items, then each key's ``repr`` and its value's key, ordered by key."""
        if len(value) == 1:  # most pages' context
            [(key, item)] = value.items()
            return [b"1", repr(key).encode(), self.value(item, deep, facets)]
        try:
            keys = sorted(value)
        except TypeError:  # keys of kinds that do not compare: their repr orders them
            keys = sorted(value, key=repr)
        flat = [str(len(keys)).encode()]
        for key in keys:
            flat.append(repr(key).encode())
            flat.append(self.value(value[key], deep, facets))
        return flat

    @staticmethod
    def _document(document: Document) -> tuple[bytes, ...]:
        """The fields that identify a document's text and place (its source digest stands for its text)."""
        return (*Fingerprints._document_place(document), *Fingerprints._document_text(document))

    @staticmethod
    def _document_place(document: Document) -> tuple[bytes, ...]:
        """A document's collection, path and slug, and where its body starts."""
        return (document.collection.encode(), document.path.encode(), document.slug.encode(),
                str(document.body_line).encode(), str(document.front_matter_line).encode())

    @staticmethod
    def _document_text(document: Document) -> tuple[bytes, ...]:
        """A document's whole text: its source digest stands for it when known."""
        return ((b"s" + document.source_digest.encode(),) if document.source_digest
                else (b"t", document.front_matter.encode(), document.body.encode()))

    def _entry_keys(self, facets: frozenset[str]) -> dict[int, bytes]:
        """The keys of entries with these facets, by id: every entry of the site's lists at the first call."""
        keys = self._entries.get(facets)
        if keys is None:
            # Known (empty) first: keying an entry's figures asks for keys again, one by one meanwhile.
            keys = self._entries[facets] = {}
            keys.update(self._key_all_entries(facets))
        return keys

    def _key_all_entries(self, facets: frozenset[str]) -> dict[int, bytes]:
        """The key of each entry of the site graph's lists with these facets (see `_entry`), by id.

        A set of facets is asked for by pages that show every entry between them (the lists, the
        interview and case pages, the feeds), so all are keyed in one go: ten thousand calls less.
        """
        entries = [*self._graph.interviews, *self._graph.cases]
        bases = self._bases
        if facets:
            cards = {id(entry): self._card(entry, facets) for entry in entries}
        else:
            cards = {id(entry): b"#" + (bases.get(id(entry)) or self._base(entry)) for entry in entries}
            self._cards[facets] = cards
        return {id(entry): self._joined(entry, cards, facets) for entry in entries}

    def _entry(self, entry: Entry, facets: frozenset[str]) -> bytes:
        """An entry's key: its card and its neighbours' cards (the 上一篇/下一篇 links), or "0" for none.

        Every card is "#" and 16 bytes, so the three read back one way only, without a digest of their own.
        """
        made = self._joined(entry, self._cards.get(facets) or {}, facets)
        self._entry_keys(facets)[id(entry)] = made
        self._keep.append(entry)
        return made

    def _joined(self, entry: Entry, cards: Mapping[int, bytes], facets: frozenset[str]) -> bytes:
        """An entry's card and its neighbours' cards ("0" for none), from ``cards`` (by id) where made already."""
        return b"".join((cards.get(id(entry)) or self._card(entry, facets), *(
            (cards.get(id(beside := neighbour_entry(neighbour))) or self._card(beside, facets)) if neighbour else b"0"
            for neighbour in (entry.prev, entry.next))))

    def _card(self, entry: Entry, facets: frozenset[str]) -> bytes:
        """An entry without its neighbours, with the facets named: what a list or a neighbour link shows of it.

        The facets are not in it: all the cards of one fingerprint have the same, those of its layout
        (`_layout`), whose template closure is in the fingerprint too.
        """
        cards = self._cards.get(facets)
        if cards is None:
            cards = self._cards[facets] = {}
        key = id(entry)
        if key not in cards:
            base = self._bases.get(key) or self._base(entry)
            shown: list[bytes] = []
            if facets:
                if "text" in facets:
                    shown += self._document_text(entry.document)
                if "word_count" in facets:
                    shown.append(str(entry.word_count).encode())
                if "minutes" in facets:
                    shown.append(str(entry.minutes).encode())
                if "image_sizes" in facets:
                    shown.append(self.value(entry.image_sizes) if entry.image_sizes else b"map:0")
            cards[key] = b"#" + (raw_digest(b"card", base, *shown) if shown else base)
        return cards[key]

    def _base(self, entry: Entry) -> bytes:
        """The digest of what every card of an entry holds, whatever the facets: its front matter as
        typed, place, unit, series, tags, latest tally, figures and summary (made once for all its cards)."""
        # Ten thousand entries a build: the keys of the records they share are looked up directly,
        # and an empty list is named as `_compute` names it, without a call.
        memo, value = self._memo.get((True, ALL_FACETS)) or {}, self.value
        unit, series, tally = entry.unit, entry.series, entry.latest_tally
        document = entry.document
        base = raw_digest(
            *self._document_place(document), b"f" + document.front_matter.encode(), entry.url.encode(),
            memo.get(id(unit)) or value(unit), _NONE if series is None else memo.get(id(series)) or value(series),
            str(len(entry.tags)).encode(), *[memo.get(id(term)) or value(term) for term in entry.tags],
            _NONE if tally is None else memo.get(id(tally)) or value(tally),
            entry.unit_url.encode(), (entry.series_url or "").encode(),
            value(entry.figures) if entry.figures else b"seq:0", entry.summary.encode())
        self._bases[id(entry)] = base
        self._keep.append(entry)
        return base


_NONE = b"NoneType:None"
"""The key of None (`Fingerprints.value`)."""

_PLAIN = (str, int, float, bool, date, datetime)
"""Values whose type and ``repr`` identify them exactly (`Fingerprints.value`)."""
_PLAIN_TYPES = frozenset(_PLAIN)
"""The same types exactly: a set look-up answers for most values without `isinstance`."""

_SHALLOW_ALIKE = (Entry, Document, BaseModel)
"""Values whose digest does not depend on ``deep`` (`Fingerprints.value`): they hold no unit or series view."""

RENDERED_FILE = "rendered-{key}.bin"
"""The record of the last build's pages in the build cache, one per output folder."""
_RENDERED_MAGIC = b"sitegen rendered 3\n"
"""The first bytes of a record: its format and version. A record that does not start with them is not read."""


def rendered_record_path(cache_folder: Path, output: Path) -> Path:
    """Where the record of pages rendered into ``output`` is kept inside the build cache."""
    key = digest(str(output.absolute()).encode())[:12]
    return cache_folder / RENDERED_FILE.format(key=key)


class Rendered(NamedTuple):
    """What the last build recorded of one published page or feed.

    ``fingerprint`` as `Fingerprints` made it; ``digest`` of its bytes as
    `sitegen.render.page_digest` made it ("" when not known, e.g. for
    feeds); then the `Stamp` of the file as published, field by field
    (``stamp`` gives it whole).
    """

    fingerprint: str
    digest: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @property
    def stamp(self) -> Stamp:
        """The published file's stamp as recorded."""
        return Stamp(self.size, self.mtime_ns, self.ctime_ns, self.inode)


def load_rendered(path: Path) -> dict[str, Rendered]:
    """Read ``{output path: Rendered}``; empty when missing, unreadable, of another version or damaged.

    The record is `_RENDERED_MAGIC`, the CRC-32 of the rest (4 bytes, big-endian), then a
    `marshal` of ``{output path: (fingerprint, digest, size, mtime_ns, ctime_ns, inode)}``:
    a damaged record fails the check and is not read at all, so every page is rendered.
    """
    try:
        data = path.read_bytes()
        head = len(_RENDERED_MAGIC)
        if not data.startswith(_RENDERED_MAGIC) or int.from_bytes(data[head:head + 4], "big") != zlib.crc32(
                memoryview(data)[head + 4:]):
            return {}
        pages = marshal.loads(memoryview(data)[head + 4:])
        make = Rendered._make  # checks each record's length
        return {rel: make(fields) for rel, fields in pages.items()}
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        return {}


def save_rendered(path: Path, fingerprints: Mapping[str, str], published: Mapping[str, os.stat_result | None],
                  digests: Mapping[str, str]) -> None:
    """Record each page's fingerprint with its published file's stamp and the digest of its bytes (atomically).

    Takes ``{output path: fingerprint}``, the ``lstat`` of the published
    files by output path (as `sitegen.fresh.output_status` gives it; None:
    missing) and the digests known (``{output path: digest}``; a path
    without one is recorded with ""). Pages whose file is missing or not a
    regular file are left out, so they are rendered next time. An
    unwritable cache is ignored: the next build only renders or writes more.
    The format is `load_rendered`'s; the JSON record of older builds beside it is removed.
    """
    pages = {}
    for rel, fingerprint in fingerprints.items():
        info = published.get(rel)
        if info is not None and S_ISREG(info.st_mode):
            pages[rel] = (fingerprint, digests.get(rel, ""), info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                          info.st_ino)
    payload = marshal.dumps(pages, 2)  # version 2 tracks no shared objects: twice as fast to write here
    if replace_file(path, b"".join((_RENDERED_MAGIC, zlib.crc32(payload).to_bytes(4, "big"), payload))):
        try:
            path.with_suffix(".json").unlink(missing_ok=True)
        except OSError:
            pass
