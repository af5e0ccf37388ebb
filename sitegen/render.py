"""Render the site graph into files: ``{output path: bytes}``.

Templates are Jinja2 with autoescaping on and `StrictUndefined` (a typo in a
template is an error, never an empty string; a key one item of a ``data/``
file lacks is told at that item, `MissingValue`). They are looked up in the
site's own ``templates/`` first, then in the default theme, file by file, so
a site overrides only what it changes. Theme assets (``templates/assets/``)
and content assets (images under ``content/``) are copied as they are.

Links are made by the ``url`` filter from site paths (``abs_url`` for
absolute addresses), and rendered Markdown bodies go through the ``rebase``
filter, which adds the base path to the root-relative links editors write
(``[案例](/cases/x/)``), so the same templates and content work at a domain
root and under a sub-path. Each page also receives ``head`` (see
`sitegen.outputs.structured.page_head`): its description, feeds, Open Graph,
government meta tags and JSON-LD.

May import: lazyre, errors, config, site, charts, markup, models, outputs, themeblocks, themefiles, workers.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import itertools
import math
import os
import posixpath
import re
import shutil
import unicodedata
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any, Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence

import jinja2
from jinja2.compiler import CodeGenerator
from pydantic_core import PydanticCustomError
from markupsafe import Markup, escape

from . import charts
from .config import Config
from .errors import Problem, Report
from .lazyre import compile_later
from .models import (CASE_STATUS_LABELS, DATE_HINT, MILESTONE_STATUS_LABELS, TARGET_GROUP_LABELS, TARGET_STATUS_LABELS,
                     UNIT_LEVEL_LABELS, DataMap, DataText, machine_time, parse_datetime, typed_as_day, values_in)
from .outputs import OutputJob
from .outputs.opendata import BUNDLE_PATH, DATAPACKAGE_PATH, DOWNLOADS, column_tables, unit_downloads
from .outputs.structured import page_head
from .site import LayoutPlaces, Page, SiteGraph, Urls, group_by_month
from .themeblocks import ThemeTemplates, block_lines, block_problems, extends_tag
from .themefiles import ASSETS_FOLDER, template_text, used_templates
from .workers import can_fork, collector_running, frozen_heap, restart_collector



def default_theme_dir() -> Path:
    """Return the folder of the default theme.

    In an installed wheel the theme is package data (``sitegen/theme``); in
    a source checkout (and an editable install) it is the repository's
    ``templates/`` folder.
    """
    packaged = Path(__file__).parent / "theme"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"


def theme_dirs(config: Config) -> list[Path]:
    """Return the template folders in lookup order: the site's own, then the default theme."""
    dirs = [config.root / "templates", default_theme_dir()]
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique


def make_url(config: Config) -> Callable[[str], str]:
    """Return the ``url`` filter: a site path → a link under the base path.

    ``/interviews/baihe/`` with base URL ``https://example.org/qingpu/`` →
    ``/qingpu/interviews/baihe/``. Non-ASCII characters are percent-encoded
    as UTF-8. Addresses with a scheme (``https://…``), ``//host`` and
    ``#anchors`` are returned as they are (see `sitegen.site.Urls.path`).
    """
    return Urls(config.base_url).path


def make_environment(config: Config, cache_folder: Path | None = None,
                     code_key: str = "", search: bool = True, search_built: bool | None = None) -> jinja2.Environment:
    """Build the Jinja2 environment: loaders, autoescape, StrictUndefined, filters and globals.

    Filters: ``url``/``abs_url`` (site path → link / absolute address; ``url``
    links a theme asset's fingerprinted copy, `theme_asset_copies`),
    ``rebase`` (rendered HTML with root-relative links under the base path,
    marked safe; ``|rebase(entry.image_sizes, lazy=True)`` also gives its
    pictures their size and lazy loading), ``datetime``/``cn_date``/``iso``/
    ``month`` (dates; ``datetime`` is a publish time as readers see it, `format_publish_time`;
    ``cn_date`` and ``iso`` also read a date typed as text, `moment_of_text`; ``cn_date_html`` and
    ``datetime_html`` are ``cn_date`` and ``datetime`` for a page's text, breaking after 年 only), ``by_date`` (a list in date order, `sort_by_date`), ``percent``/``share`` (numbers), ``safe_svg`` (a
    chart's SVG). Globals: ``charts``, ``downloads``, ``datapackage_url`` and ``bundle_url``
    (the open-data files and their zip archive), ``unit_downloads`` (a unit's own files), label dictionaries, ``search_index`` (``search``:
    whether the pages offer search: a link to the search page, its search box), ``fingerprinted_assets``
    (``{"/assets/site.css": "/assets/site.3f2a9c01d7.css"}``) and ``search_built``
    (``search_built``, default ``search``: whether this build makes the index the box loads; the
    preview offers search without it, `BuildOptions.offers_search`); a template loaded before a
    global is added does not see it (see `_Environment`). ``cache_folder``, when given,
    keeps compiled templates in ``<cache_folder>/jinja/<code_key>`` (Jinja's
    bytecode cache: it checks each template file's modification time, so
    an edited template is compiled again). ``code_key`` names the code that
    compiled them (`sitegen.fresh.code_fingerprint`): compiled code calls
    the filters as they were defined then, so another sitegen or Jinja
    must not use it; the folders of other keys are removed. Templates
    compile as Jinja compiles them, except that each ``{{ value }}`` is
    written by `escape_output` (the same text, made faster).
    """
    bytecode = None
    if cache_folder is not None:
        folder = cache_folder / "jinja" / code_key if code_key else cache_folder / "jinja"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if code_key:
                _remove_other_keys(folder)
            bytecode = _SparedBytecodeCache(str(folder))
        except OSError:
            bytecode = None  # an unwritable cache only makes the build slower
    env = _Environment(
        bytecode_cache=bytecode,
        # A build makes its own environment: no template changes while it renders, so
        # looking at each template file's time on every page would only cost time.
        auto_reload=False,
        loader=_ThemeLoader([str(d) for d in theme_dirs(config)]),
        autoescape=True, undefined=_Undefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    urls = Urls(config.base_url)
    fingerprinted = {"/" + path: "/" + copy for path, copy in theme_asset_copies(config).items()}
    env.filters.update({
        "url": _url_filter(urls, fingerprinted), "abs_url": _per_build(urls.absolute),
        "rebase": _rebase_filter(urls),
        "datetime": _per_moment(format_publish_time), "datetime_html": _per_moment(format_publish_time_html),
        "cn_date": format_cn_date, "cn_date_html": format_cn_date_html,
        "by_date": sort_by_date,
        "iso": _per_build(_per_moment(make_iso(config))),
        "month": format_month, "percent": charts.format_percent, "share": charts.format_share,
        "safe_svg": Markup,
    })
    # A chart table's cell that is a date (2018-04-26, the open data's form) is shown as the text shows one, in a <time>.
    env.tests["iso_date"] = _is_iso_date
    env.globals.update({
        "charts": charts, "group_by_month": group_by_month, "downloads": DOWNLOADS, "column_tables": column_tables(DOWNLOADS),
        "unit_downloads": unit_downloads,
        "datapackage_url": "/" + DATAPACKAGE_PATH, "bundle_url": "/" + BUNDLE_PATH,
        "status_labels": CASE_STATUS_LABELS, "group_labels": TARGET_GROUP_LABELS,
        "target_status_labels": TARGET_STATUS_LABELS, "milestone_status_labels": MILESTONE_STATUS_LABELS,
        "level_labels": UNIT_LEVEL_LABELS, "search_index": search,
        "search_built": search if search_built is None else search_built,
        "fingerprinted_assets": fingerprinted,
    })
    return env


_ISO_DATE = compile_later(r"\d{4}-\d{2}-\d{2}")


def _is_iso_date(value: Any) -> bool:
    """The ``iso_date`` test: True for a text that is a date as tables write it (``2018-04-26``)."""
    return isinstance(value, str) and _ISO_DATE.fullmatch(value) is not None


def _per_build(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result depends on the build's settings (base URL, time zone), never computed ahead.

    Jinja computes a filter of a constant (``{{ '/assets/site.css'|url }}``)
    once, when it compiles the template, and the bytecode cache keeps that
    result for the next build: a build with another base URL then published
    the old address. A filter that takes the render context is always called
    when the page renders.
    """
    @jinja2.pass_context
    def filter_(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        return function(value, *args, **kwargs)
    return filter_


def _rebase_filter(urls: Urls) -> Callable[..., Markup]:
    """Return the ``rebase`` filter: takes rendered HTML (``sizes``, ``lazy``: `Urls.rebase_html`), returns it
    with its links under the base path, marked safe.

    A page's links are rebased by its site's `Urls` (``site`` of the render context, `SiteGraph.urls`),
    which knows the site's pages and files: a link typed with the base path is published as the checks
    read it (`sitegen.site.typed_with_base`). Without ``site``, by ``urls``.
    """
    @jinja2.pass_context
    def rebase(context: Any, fragment: Any, sizes: Any = None, lazy: bool = False) -> Markup:
        site = context.get("site")
        own = site.urls if isinstance(site, SiteGraph) else urls
        return Markup(own.rebase_html(str(fragment), sizes=sizes, lazy=lazy))
    return rebase


def _url_filter(urls: Urls, fingerprinted: Mapping[str, str]) -> Callable[..., str]:
    """Return the ``url`` filter of `make_url` for these `Urls`: takes a site path, returns its link.

    A theme asset's path (``/assets/site.css``) gives the link of its
    fingerprinted copy (``/assets/site.3f2a9c01d7.css``): ``fingerprinted``
    maps the one to the other (`theme_asset_copies`, as site paths). Like a
    `_per_build` filter it takes the render context (never computed when a
    template compiles), in one call: it runs about 40 times a page.
    """
    path = urls.path
    copy = fingerprinted.get

    @jinja2.pass_context
    def url(context: Any, value: str) -> str:
        return path(copy(value, value))
    return url


def escape_output(value: Any) -> str:
    """Return the text a template writes for ``{{ value }}`` with autoescaping: what `markupsafe.escape` gives.

    Takes any value; plain text is escaped, `Markup` kept, an ``int``
    written as its digits, anything else goes to `markupsafe.escape`.
    Raises what writing the value raises (`jinja2.UndefinedError` for an
    undefined one). The result is plain text, not `Markup`: it is only ever
    joined into the page (Jinja marks a macro's or block's joined output
    safe itself), and making a `Markup` of each of about 150 values a page
    took a tenth of the rendering time.
    """
    kind = type(value)
    if kind is str:
        return _escape_text(value)
    if kind is Markup:
        return value
    if kind is int:
        return str(value)
    return escape(value)


try:  # markupsafe >= 3 escapes text with this function (and makes a Markup of its answer)
    from markupsafe import _escape_inner as _escape_text  # type: ignore[attr-defined]
except ImportError:
    def _escape_text(text: str) -> str:
        return str(escape(text))


class _CodeGenerator(CodeGenerator):
    """Compiles templates as Jinja does, but writes autoescaped ``{{ value }}`` with `escape_output`."""

    def visit_Template(self, node: Any, frame: Any = None) -> None:
        super().visit_Template(node, frame)
        self.writeline(f"from {__name__} import escape_output as sitegen_escape_output")

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("sitegen_escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class _Environment(jinja2.Environment):
    """A Jinja environment whose templates write values with `escape_output`, and see globals in a dict.

    Jinja gives each template a `collections.ChainMap` of its own globals
    over the environment's, so that globals set later are seen too; every
    page copies it into its render context, and every ``import`` compares
    it with the page's, key by key: a tenth of the rendering time. sitegen
    sets all globals in `make_environment`, before any template is loaded,
    so a dict made when the template loads holds the same.
    """

    code_generator_class = _CodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._parsed: dict[tuple[str, str], Any] = {}

    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> Any:
        """Parse a template's text (as Jinja does); a named template's tree is kept for its compiling.

        The analysis of what each layout reads (`sitegen.depends`) parses
        every template of a cold build before the pages are rendered, and
        compiling it parsed the same text again: about 0.2 s for the
        default theme's 24 templates. The tree is handed over once.
        """
        tree = super().parse(source, name, filename)
        if name is not None:
            self._parsed[(name, source)] = tree
        return tree

    def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
        tree = self._parsed.pop((name, source), None) if name is not None else None
        return tree if tree is not None else super()._parse(source, name, filename)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """Return a template's globals: the environment's, then the template's own ``d`` over them."""
        return {**self.globals, **(d or {})}


def _per_moment(function: Callable[[Any], str]) -> Callable[[Any], str]:
    """Return ``function`` (a filter of a date or time) remembering its answer for each date and naive time.

    A page shows the dates of all the pages it lists, and a build writes
    each of them on dozens of pages. An aware time is not remembered: two
    equal ones may be written in different time zones.
    """
    made: dict[Any, str] = {}

    def remembered(value: Any) -> str:
        kind = type(value)
        if kind is date or (kind is datetime and value.tzinfo is None):
            found = made.get(value)
            if found is None:
                found = made[value] = function(value)
            return found
        return function(value)
    return remembered


class _ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's loader of template files, decoding each as `sitegen.themefiles.template_text` does.

    Jinja's own reads UTF-8 only: a template saved as GBK (a Windows
    editor's "ANSI") stopped the build with a traceback, and a UTF-8 one
    with a byte-order mark put the mark into every page. Found and decoded
    here as content files are; `sitegen.themefiles.read_templates` tells the
    editor about the encoding before anything renders.
    """

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)  # posix, as Jinja's: no drive or UNC part breaks out
            if os.path.isfile(filename):
                break
        else:
            raise jinja2.TemplateNotFound(template)
        with open(filename, "rb") as handle:
            data = handle.read()
        mtime = os.path.getmtime(filename)

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False
        return template_text(data), os.path.normpath(filename), uptodate


class _SparedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder, where a file or the folder gone is a template to
    compile, not a failure.

    Another process may empty the folder while a build renders: ``sitegen build --clean`` beside a
    running ``sitegen serve``, or a newer sitegen removing the compiled templates of the older one
    (`_remove_other_keys`). Jinja's own cache then raised `FileNotFoundError` while rendering, and every
    page was an error naming a template.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass  # compiled again

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # kept for the next build when it can be written

def _remove_other_keys(folder: Path) -> None:
    """Remove what sits beside ``folder`` in its parent: compiled templates of other code (errors ignored)."""
    for other in folder.parent.iterdir():
        if other.name != folder.name:
            if other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink(missing_ok=True)


def make_iso(config: Config) -> Callable[[date | datetime], str]:
    """Return the ``iso`` filter: a date → ``2018-04-26``; a publish time → ``2018-05-03T10:00+08:00``
    (`machine_time`: ``2018-05-03`` for one typed as a date alone).

    A text (a value of a ``data/`` file) is read by `moment_of_text`, so
    ``<time datetime="{{ item.date|iso }}">{{ item.date|cn_date }}</time>``
    works on it as on a unit's milestone; it raises `NotADate` when it is none.

    Publish times are naive in the site's time zone; the filter adds its
    offset, so a ``<time datetime>`` is an exact moment (HTML's "valid
    global date and time string").
    """
    def iso(value: date | datetime | str) -> str:
        value = moment_of_value(value)
        if isinstance(value, datetime):
            return machine_time(value, config.zone)
        return value.isoformat()
    return iso


def format_cn_date(value: date | str) -> str:
    """A date in the house format for Chinese text: ``2018年4月26日`` (no leading zeros).

    Takes a date, or text in any spelling a date field accepts (values from
    ``data/`` files stay text): ``2024-4-15``, ``2024/4/8``, ``2024年4月1日``,
    or a publish time (its date is shown).
    Raises `NotADate` (a ValueError) naming the text when it is not a date, or when the value is empty.
    The charts' summaries write their dates alike (`sitegen.charts.format_date`).
    """
    return charts.format_date(moment_of_value(value))


def format_cn_date_html(value: date | str) -> Markup:
    """`format_cn_date`'s date as HTML for a page's text: it breaks after 年 alone.

    ``2018年4月26日`` → ``<span class="unbroken">2018年</span><span class="unbroken">4月26日</span>``.
    By the rules of line breaking (UAX #14) a line may break between a digit
    and a Chinese character: with the browser's text enlarged on a phone a
    date in a line of its own read "2018年4月26" / "日". Takes what
    `format_cn_date` takes and raises what it raises.
    """
    shown = format_cn_date(value)
    year, rest = shown.split("年", 1)
    return Markup('<span class="unbroken">{}年</span><span class="unbroken">{}</span>').format(year, rest)


def format_publish_time(value: date | str) -> str:
    """A publish time as a reader sees it: ``2018年5月3日 10:00``, or ``2018年5月3日`` for one typed as a date alone.

    Readers meet one date form on every page (`format_cn_date`'s): the ISO
    form editors type (`sitegen.models.publish_time_text`) is kept for messages, and for
    machines in ``<time datetime>`` (the ``iso`` filter). Takes a publish
    time, a date, or text in any spelling `moment_of_text` reads; raises
    what `format_cn_date` raises.
    """
    moment = moment_of_value(value)
    shown = format_cn_date(moment)
    if isinstance(moment, datetime) and not typed_as_day(moment):
        return f"{shown} {moment:%H:%M}"
    return shown


def format_publish_time_html(value: date | str) -> Markup:
    """`format_publish_time`'s text as HTML for a page: the date breaks after 年 only (`format_cn_date_html`),
    and a line may end before the time. Takes and raises what `format_publish_time` does."""
    moment = moment_of_value(value)
    shown = format_cn_date_html(moment)
    if isinstance(moment, datetime) and not typed_as_day(moment):
        return shown + Markup(" ") + f"{moment:%H:%M}"
    return shown


def moment_of_value(value: Any) -> date | datetime:
    """What a date filter shows of a value: a date or publish time as it is, a text as `moment_of_text` reads it.

    Raises `NotADate` for an empty value (None: ``date:`` with nothing after
    it in a data file; ``empty`` is then True) or a value of another kind,
    and the template's undefined-value error (`MissingValue`) for a key the
    value it was read from does not have.
    """
    if isinstance(value, str):
        return moment_of_text(value)
    if isinstance(value, date):
        return value
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    if value is None:
        raise NotADate("the date is empty", "", DATE_HINT, empty=True)
    raise NotADate(f"expected a date, got {type(value).__name__}", str(value), DATE_HINT)


def moment_of_text(text: str) -> date | datetime:
    """The date, or date and time, that a text spells, in any spelling a date or publish time field reads
    (`sitegen.models.parse_datetime`): a `date` when no time is typed (``2024年4月1日``), else a naive
    `datetime` (``2024-06-18 14:30``). Raises `NotADate` with the field's message and hint otherwise.
    """
    try:
        moment = parse_datetime(text)
    except PydanticCustomError as refusal:
        raise NotADate(refusal.message(), text, (refusal.context or {}).get("hint") or DATE_HINT) from None
    typed_time = unicodedata.normalize("NFKC", text).strip().replace("T", " ", 1).partition(" ")[2].strip()
    return moment if typed_time else moment.date()


@jinja2.pass_environment
def sort_by_date(environment: jinja2.Environment, items: Any, attribute: str | int | None = None,
                 reverse: bool = False) -> list[Any]:
    """The ``by_date`` filter: ``items`` in date order, oldest first (newest first with ``reverse``).

    Each item's date is the item itself, or its ``attribute`` (``"date"``,
    dotted ``"meta.date"``, as Jinja's ``sort`` reads one): a date, a publish
    time, or a text in any spelling `moment_of_text` reads, so a timeline
    of a ``data/`` file, whose dates stay text, is put in the order of its
    days rather than of its texts (``sort`` put 2024-4-15 before 2024/4/8).
    A date sorts before a publish time of its day; items of one moment keep
    their order. Raises what `moment_of_value` raises (told at the data file's
    line, as `format_cn_date`'s).
    """
    value_of = jinja2.filters.make_attrgetter(environment, attribute) if attribute is not None else None

    def moment(item: Any) -> tuple[date, time]:
        value = moment_of_value(value_of(item) if value_of is not None else item)
        if isinstance(value, datetime):
            return value.date(), value.time()
        return value, time.min
    return sorted(items, key=moment, reverse=reverse)


class NotADate(ValueError):
    """Text a date filter cannot read as a date: the message, the text (a `DataText` when it came from
    ``data/``) and the hint of `sitegen.models.parse_date`; ``empty`` True when there was no value at all."""

    def __init__(self, message: str, text: str, hint: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.text, self.hint, self.empty = text, hint, empty


class MissingValue(jinja2.UndefinedError):
    """A template used a name, key or attribute that is not there: Jinja's message, the value it was read
    from (``owner``: a `DataMap` or `DataText` of a data file, say; `jinja2.utils.missing` for a name) and
    the name read (``name``)."""

    def __init__(self, message: str | None = None, *, owner: Any = None, name: Any = None) -> None:
        super().__init__(message)
        self.owner, self.name = owner, name


class _Undefined(jinja2.StrictUndefined):
    """Jinja's `StrictUndefined`, raising `MissingValue`, which keeps what the name was read from.

    One use does not raise: testing, as ``{% if item.page %}`` or ``item.page
    or ''`` do, a key that an item of a data file's list lacks and another
    item has (`sitegen.models.DataMap.item_keys`). That is how a template
    shows a value only some items give; it is false. Showing that key
    without the test still stops the build at the item
    (`_data_problems`), and a key no item has is still the template's slip.
    """

    __slots__ = ()

    def __bool__(self) -> bool:
        owner, name = self._undefined_obj, self._undefined_name
        if isinstance(owner, DataMap) and isinstance(name, str) and name in owner.item_keys:
            return False
        return super().__bool__()

    def __init__(self, hint: str | None = None, obj: Any = jinja2.utils.missing, name: str | None = None,
                 exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError) -> None:
        if exc is jinja2.UndefinedError:
            exc = functools.partial(MissingValue, owner=obj, name=name)  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)


def format_month(key: str) -> str:
    """A month key ``2018-05`` as Chinese text: ``2018年5月``."""
    year, month = key.split("-")
    return f"{year}年{int(month)}月"


PARALLEL_PAGES = 200
"""Below this many pages, rendering in one process is faster than starting workers."""


def render_pages(graph: SiteGraph, env: jinja2.Environment, report: Report,
                 workers: int = 1, pages: Sequence[Page] | None = None,
                 into: Path | None = None, *, published: Mapping[str, tuple[str, Any]] | None = None,
                 digests: dict[str, str] | None = None) -> dict[str, Any]:
    """Render pages of the graph; returns ``{output path: UTF-8 bytes}`` in page order.

    With ``into`` a page's value is the `Path` of the file written there
    instead, and with ``published`` an unchanged page's is its stand-in
    (`sitegen.write.Kept`), as `render_outputs` says. ``pages`` chooses which (default: every page of the graph; a build
    passes the pages whose fingerprint changed, see `sitegen.depends`).
    The other arguments are those of `render_outputs`, which does the work.
    """
    return render_outputs(graph, env, report, workers, pages, (), into,
                          published=published, digests=digests)[0]


def render_outputs(graph: SiteGraph, env: jinja2.Environment, report: Report, workers: int = 1,
                   pages: Sequence[Page] | None = None, extras: Sequence[OutputJob] = (),
                   into: Path | None = None, *, published: Mapping[str, tuple[str, Any]] | None = None,
                   digests: dict[str, str] | None = None,
                   meanwhile: Callable[[], None] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Render pages and run the ``extras`` (feeds, sitemap, open data: `sitegen.outputs.output_jobs`) over all cores.

    Returns ``({output path: bytes} of the pages, in page order, {output
    path: bytes} of the extras, in job order)``.
    With ``into``, an empty scratch folder, each file is written there
    (``<its number among the pages>.html``, ``x<job>-<n>`` for an extra)
    and the result maps to that file's `Path` instead of its bytes: a large
    site then never holds its pages in memory, and worker processes send
    back names, not pages.
    With ``workers`` > 1 and at least `PARALLEL_PAGES` pages, ``workers`` - 1
    forked processes and this one share the work: the extras one by one,
    then the pages in small runs, each process taking the next piece when
    it is done with one, so none waits while another still has work. The
    graph and environment are inherited, not copied; the bytes are the same
    as rendering here. ``meanwhile`` is called in this process once the
    workers have started, before it joins them (a cold build computes the
    fingerprints it records then); without workers, before the work.
    ``published`` maps output paths to ``(digest, stand-in)``: a page whose
    bytes have that `page_digest` is neither written nor returned as bytes,
    its stand-in is (a build passes the published file, `sitegen.write.Kept`:
    a template edit that changes no page then writes no page). ``digests``,
    when given, receives the `page_digest` of every page rendered. A template error
    (syntax, undefined variable, any exception) is added to the report as an
    error naming the template file and line, with the page it stopped on.
    An exception raised by an extra propagates.
    """
    chosen = list(graph.pages if pages is None else pages)
    work = _Work(graph, env, chosen, list(extras), into, published or {}, workers)
    results: list[_Done] | None = None
    if _parallel(len(chosen), workers):
        import multiprocessing  # only here: 10 ms of imports that a rebuild of a few pages does without
        from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

        try:
            context = multiprocessing.get_context("fork")
            counter = context.Value("q", 0)
            with frozen_heap(), ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_adopt,
                                                    initargs=(work, counter)) as pool:
                others = [pool.submit(_drain_adopted) for _ in range(workers - 1)]  # each submit forks one
                if meanwhile is not None:
                    meanwhile()
                    meanwhile = None
                with collector_running():
                    mine = work.drain(counter)
                results = [mine, *(other.result() for other in others)]
        except (BrokenProcessPool, OSError):
            results = None
    if results is None:
        if meanwhile is not None:
            meanwhile()
        results = [work.drain(None)]
    return _gather(results, report, digests)


_Done = tuple[dict[int, tuple[str, Any]], dict[int, list[tuple[str, Any]]], list[tuple[int, Problem]],
              dict[str, str]]
"""What one process did: pages by number, extras' files by job, problems by page number, page digests."""


def _gather(results: list[_Done], report: Report,
            digests: dict[str, str] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Put the processes' results in page and job order; problems into the report (in page order)."""
    by_page: dict[int, tuple[str, Any]] = {}
    by_job: dict[int, list[tuple[str, Any]]] = {}
    problems: list[tuple[int, Problem]] = []
    for pages, extras, found, made in results:
        by_page.update(pages)
        by_job.update(extras)
        problems += found
        if digests is not None:
            digests.update(made)
    report.extend(_collapsed([problem for _, problem in sorted(problems, key=lambda pair: pair[0])]))
    files = {path: data for _, (path, data) in sorted(by_page.items())}
    extra_files = {path: data for _, pairs in sorted(by_job.items()) for path, data in pairs}
    return files, extra_files


_WHILE_RENDERING_RE = compile_later(r"^(while rendering \S+|shown on the page \S+|shown on the home page \(首页\)): ")


def _shown_on(url: str) -> str:
    """Where a value of a data file met a fault, in an editor's words: "shown on the page /404.html", "shown on the
    home page (首页)" (not "while rendering /:", a slash meaning nothing to an editor)."""
    return "shown on the home page (首页)" if url == "/" else f"shown on the page {url}"


def _collapsed(problems: list[Problem]) -> list[Problem]:
    """One problem per template fault: the first page's, saying on how many more pages it came up.

    A mistake in a layout (an undefined variable, say) fails every page
    using it; one message with the count tells the editor as much as
    thousands of lines. The count stands beside the page the message
    names ("while rendering /x/ and 4 more pages: …"), not after its last
    words, where it read as part of them.
    """
    groups: dict[tuple[str, int | None, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.path, problem.line, _WHILE_RENDERING_RE.sub("", problem.message)),
                          []).append(problem)
    return [group[0] if len(group) == 1 else dataclasses.replace(group[0], message=_counted(group[0].message,
                                                                                            len(group) - 1))
            for group in groups.values()]


def _counted(message: str, more: int) -> str:
    """``message`` saying it came up on ``more`` more pages: after the page it names, else at its end."""
    pages = f"{more} more page{'s' if more > 1 else ''}"
    named = _WHILE_RENDERING_RE.match(message)
    if named is None:
        return f"{message} (and on {pages})"
    return f"{named.group(1)} and {pages}: {message[named.end():]}"


def _parallel(count: int, workers: int) -> bool:
    """True when rendering ``count`` pages pays for forked workers (and forking is possible here)."""
    return count >= PARALLEL_PAGES and can_fork(workers)


# The work a forked rendering worker inherited, and the counter it shares (set once per worker process).
_ADOPTED: dict[str, Any] = {}


def _adopt(work: "_Work", counter: Any) -> None:
    restart_collector()
    _ADOPTED.update(work=work, counter=counter)


def _drain_adopted() -> _Done:
    return _ADOPTED["work"].drain(_ADOPTED["counter"])


def page_digest(data: bytes) -> str:
    """BLAKE2b digest (32 hex characters) of a rendered page's bytes; the build records it with the published file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _Work:
    """What one `render_outputs` call has to do, and the loop each of its processes runs.

    The pieces, in the order they are taken: each extra job, then runs of
    about a sixteenth of an even share of the pages. ``counter`` (shared
    memory, inherited by forked workers) hands out the next piece; without
    it, this process does every piece in turn.
    """

    def __init__(self, graph: SiteGraph, env: jinja2.Environment, pages: list[Page], extras: list[OutputJob],
                 into: Path | None, published: Mapping[str, tuple[str, Any]], workers: int) -> None:
        self.graph, self.env, self.pages, self.extras = graph, env, pages, extras
        self.into, self.published = into, published
        run = max(1, math.ceil(len(pages) / (max(1, workers) * 16)))
        self.pieces: list[tuple[int, int]] = [(-1 - job, 0) for job in range(len(extras))] + [
            (start, min(len(pages), start + run)) for start in range(0, len(pages), run)]

    def drain(self, counter: Any) -> _Done:
        """Do pieces until none is left; returns what this process did (see `_Done`)."""
        pages: dict[int, tuple[str, Any]] = {}
        extras: dict[int, list[tuple[str, Any]]] = {}
        problems: list[tuple[int, Problem]] = []
        digests: dict[str, str] = {}
        stopped = False
        taken = 0
        while True:
            if counter is None:
                index, taken = taken, taken + 1
            else:
                with counter.get_lock():
                    index = counter.value
                    counter.value = index + 1
            if index >= len(self.pieces):
                return pages, extras, problems, digests
            start, stop = self.pieces[index]
            if start < 0:
                extras[-1 - start] = self._extra(-1 - start)
                continue
            for number in range(start, stop):
                if stopped:
                    break
                try:
                    pages[number] = self._page(number, digests)
                except _Problem as problem:
                    problems.extend((number, found) for found in problem.problems)
                    stopped = problem.stop

    def _extra(self, job: int) -> list[tuple[str, Any]]:
        if self.into is None:
            return list(self.extras[job]())
        made: list[tuple[str, Any]] = []
        for number, (path, data) in enumerate(self.extras[job]()):
            target = self.into / f"x{job}-{number}"
            _write_new(target, data)
            made.append((path, target))
        return made

    def _page(self, number: int, digests: dict[str, str]) -> tuple[str, Any]:
        """Render page ``number``: (output path, bytes, file written or stand-in). Raises `_Problem`."""
        page = self.pages[number]
        data = _render_one(self.graph, self.env, page)
        made = digests[page.output] = page_digest(data)
        before = self.published.get(page.output)
        if before is not None and before[0] == made:
            return page.output, before[1]
        if self.into is None:
            return page.output, data
        target = self.into / f"{number}.html"
        _write_new(target, data)
        return page.output, target


def _write_new(target: Path, data: bytes) -> None:
    with open(target, "wb") as handle:
        handle.write(data)


class _Problem(Exception):
    """A page that could not be rendered: its `Problem` (or several of one kind); ``stop`` when the later pages
    would fail alike."""

    def __init__(self, *problems: Problem, stop: bool) -> None:
        super().__init__(problems[0].message)
        self.problems, self.stop = list(problems), stop


def _data_file_value(data: Mapping[str, Any], path: str) -> Any:
    """The value of the data file ``path`` (``data/a/b.yaml``) in ``site.data``, or None."""
    node: Any = data
    for part in PurePosixPath(path).with_suffix("").parts[1:]:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _alike(value: DataMap | DataText, data: Mapping[str, Any]) -> list[Any]:
    """``value`` and every value at the same place in the other items of its data file's lists (a timeline's
    other items, for one item), in the order typed: a template shows the items of a list alike."""
    nodes = list(values_in(_data_file_value(data, value.path)))
    where = next((place for place, node in nodes if node is value), None)
    if where is None:
        return [value]
    return [node for place, node in nodes if len(place) == len(where) and all(
        isinstance(step, int) and isinstance(at, int) or step == at for step, at in zip(place, where))]


def _dates_like(data: Mapping[str, Any], failure: NotADate) -> list[tuple[DataText, NotADate]]:
    """The text of a data file a template could not show as a date (``failure.text``, a `DataText`), and each
    text at the same place in the other items of its lists that is no date either, by line, with its refusal.

    A template stops at the first bad date it meets; a timeline's ``date`` of
    each item is shown alike, so the others are told in the same build rather
    than one build each. ``data`` is ``site.data``.
    """
    found = []
    for value in _alike(failure.text, data):  # type: ignore[arg-type]
        if isinstance(value, DataText):
            try:
                format_cn_date(value)
            except NotADate as refusal:
                found.append((value, refusal))
    return sorted(found, key=lambda pair: (pair[0].line, pair[0].column))


def _empty_dates(data: Mapping[str, Any]) -> list[tuple[DataMap, str]]:
    """Each item of a data file and its key whose value is empty (None) where another item's value of that key
    is a date: what a template stopped on when it showed an empty value as a date (the value alone, None,
    cannot say where it was typed)."""
    found = []
    for _, node in values_in(data):
        if isinstance(node, DataMap):
            for key, value in node.items():
                if value is None and key in node.places and any(
                        isinstance(other, DataMap) and _is_date(other.get(key)) for other in _alike(node, data)):
                    found.append((node, key))
    return found


def _is_date(value: Any) -> bool:
    try:
        moment_of_value(value)
    except (NotADate, jinja2.UndefinedError):
        return False
    return True


def _data_problems(graph: SiteGraph, failure: Exception, url: str, template: str,
                   line: int | None) -> list[Problem]:
    """The errors to report at their place in ``data/`` for a template fault met showing a data file's value,
    or [] when the fault is not one of these (then the template line is told).

    * A text that is no date (`NotADate` of a `DataText`): at that text, with the
      others at the same place in the items of its list (`_dates_like`).
    * An empty value shown as a date: at each empty value of a key whose other
      items hold dates (`_empty_dates`).
    * A key that one item lacks and other items have (``data:`` typed for
      ``date:``), or an item typed as one text where the others are keys and
      values: at each such item (`MissingValue`). A key no item has is the
      template's to correct, and is told there (`_missing_data_key`).
    """
    shown = f"templates/{template} shows it as a date (line {line})"
    if isinstance(failure, NotADate) and isinstance(failure.text, DataText) and failure.text.line:
        # The date was typed in data/: that is where it is corrected, the template being right.
        return [Problem(text.path, text.line, text.column, "error",
                        f"{_shown_on(url)}: {refusal}; {shown}", f"correct it here: {refusal.hint}")
                for text, refusal in _dates_like(graph.data, failure)]
    if isinstance(failure, NotADate) and failure.empty:
        return [Problem(item.path, *item.places[key], "error",
                        f'{_shown_on(url)}: "{key}" of this item is empty; {shown}',
                        f"write its date after {key}: as YYYY-MM-DD, year-month-day (年-月-日)")
                for item, key in _empty_dates(graph.data)]
    if not (isinstance(failure, MissingValue) and isinstance(failure.owner, (DataMap, DataText))
            and failure.owner.line and isinstance(failure.name, str)):
        return []
    name, template_line = failure.name, f"templates/{template}, line {line}"
    items = _alike(failure.owner, graph.data)
    if not any(isinstance(item, DataMap) and name in item for item in items):
        return []
    keys = list(dict.fromkeys(key for item in items if isinstance(item, DataMap) and name in item for key in item))
    problems = []
    for item in items:
        if isinstance(item, DataText):
            problems.append(Problem(
                item.path, item.line, item.column, "error",
                f'{_shown_on(url)}: this item is one text, "{item}", where the other items have keys and '
                f'values, and {template_line}, reads its "{name}"',
                "write it as the others are, each key on a line of its own: "
                + ", ".join(f"{key}:" for key in keys)))
        elif isinstance(item, DataMap) and name not in item:
            typed = list(item)
            theirs = {key for other in items if other is not item and isinstance(other, DataMap) for key in other}
            near = difflib.get_close_matches(name, [key for key in typed if key not in theirs], 1, 0.5)
            at = (item.places[near[0]][0], item.column) if near and near[0] in item.places else (item.line,
                                                                                                item.column)
            problems.append(Problem(
                item.path, *at, "error",
                f'{_shown_on(url)}: this item has no "{name}", which {template_line}, reads and the other '
                f"items have"
                + (f"; it has {', '.join(typed)}" if typed else ""),
                f'if "{near[0]}" is meant as "{name}", write {name}: in place of {near[0]}:' if near
                else f"add {name}: with its value to this item; if items may leave {name} out, the template "
                     f"should show it only where it is given: {{% if item.{name} %}}…{{% endif %}}"))
    return problems


DATA_ROUNDS = 20
"""At most this many more times a page is rendered to find the faults of its data files it would stop on next."""
_STAND_IN_DATE = "2000-01-01"
"""A date put, while the page is rendered again, in place of a data file's text told to be no date."""


def _later_data_problems(graph: SiteGraph, env: jinja2.Environment, page: Page, failure: Exception,
                         found: list[Problem]) -> list[Problem]:
    """``found`` (the errors in ``data/`` that ``page`` stopped on, `_data_problems` of ``failure``), with those
    it would stop on once they are mended, in one build.

    A template stops at the first fault it meets: an item lacking ``date``
    hid a date that is none in a later item until the next build. The page
    is rendered again (at most `DATA_ROUNDS` times) with each value told
    replaced by a stand-in as its hint mends it (`_stand_ins`); each fault of
    a data file met then is told too, in the words it gets once the others
    are mended, as the stand-ins keep every place. A fault of another kind
    (in the template) ends the search: it is told on its own once these are
    mended. Takes the graph, the Jinja environment, the page, the fault and
    its errors; returns the errors, none twice. Raises nothing.
    """
    problems = list(found)
    trial = graph
    for _ in range(DATA_ROUNDS):
        swaps = _stand_ins(trial.data, failure)
        if not swaps:
            break
        trial = dataclasses.replace(trial, data=_with_stand_ins(trial.data, swaps))
        try:
            env.get_template(page.template).render(site=trial, config=trial.config, page=page,
                                                   head=page_head(trial, page), **page.context)
            break
        except Exception as again:  # noqa: BLE001 - a fault of the template is told on its own, as before
            name, line = _template_position(again, page.template, theme_dirs(trial.config))
            more = _data_problems(trial, again, page.url, name, line)
            if not more:
                break
            failure = again
            problems += [problem for problem in more if problem not in problems]
    return sorted(problems, key=Problem.sort_key)


def _stand_ins(data: Mapping[str, Any], failure: Exception) -> dict[int, Any]:
    """For the values of ``data`` (``site.data``) that `_data_problems` tells of for ``failure``: ``{id(value):
    the value as its hint mends it}`` (a date for a text that is none or an empty one, the item with the key it
    lacks, given another item's value; a text item as the other items are); {} for another fault."""
    swaps: dict[int, Any] = {}
    if isinstance(failure, NotADate) and isinstance(failure.text, DataText) and failure.text.line:
        for text, _ in _dates_like(data, failure):
            swaps[id(text)] = DataText(_STAND_IN_DATE, text.path, text.line, text.column)
    elif isinstance(failure, NotADate) and failure.empty:
        for item, key in _empty_dates(data):
            mended = swaps.get(id(item), item)
            swaps[id(item)] = DataMap({**mended, key: DataText(_STAND_IN_DATE, item.path, *item.places[key])},
                                      item.path, item.line, item.column, item.places, item.item_keys)
    elif isinstance(failure, MissingValue) and isinstance(failure.owner, (DataMap, DataText)) \
            and failure.owner.line and isinstance(failure.name, str):
        name, items = failure.name, _alike(failure.owner, data)
        donor = next((item for item in items if isinstance(item, DataMap) and name in item), None)
        for item in items if donor is not None else []:
            if isinstance(item, DataText):
                swaps[id(item)] = DataMap(donor, item.path, item.line, item.column, {}, donor.item_keys)
            elif isinstance(item, DataMap) and name not in item:
                swaps[id(item)] = DataMap({**item, name: donor[name]}, item.path, item.line, item.column, item.places,
                                          item.item_keys)
    return swaps


def _with_stand_ins(value: Any, swaps: Mapping[int, Any]) -> Any:
    """A copy of ``value`` (``site.data`` or a part of it) with each value whose ``id`` is in ``swaps`` replaced.

    Nesting is at most `sitegen.yamltext.MAX_DEPTH` levels, so the walk is recursive.
    """
    if id(value) in swaps:
        return swaps[id(value)]
    if isinstance(value, DataMap):
        return DataMap({key: _with_stand_ins(item, swaps) for key, item in value.items()}, value.path, value.line,
                       value.column, value.places, value.item_keys)
    if isinstance(value, dict):
        return {key: _with_stand_ins(item, swaps) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_stand_ins(item, swaps) for item in value]
    return value


def _missing_data_key(graph: SiteGraph, failure: Exception) -> tuple[str, str] | None:
    """The message and hint for a template that read a data file, or a key of one, that no data file has
    (`MissingValue`), naming those there are; None for another fault."""
    if not isinstance(failure, MissingValue) or not isinstance(failure.name, str):
        return None
    owner, name = failure.owner, failure.name
    if owner is graph.data:
        files = sorted(graph.data)
        near = difflib.get_close_matches(name, files, 1, 0.6)
        return (f"there is no data file data/{name}.yaml (site.data.{name})",
                (f"did you mean site.data.{near[0]}? " if near else "")
                + (f"The data files are read as {', '.join(f'site.data.{file}' for file in files)}" if files
                   else "data/ holds no YAML file"))
    if isinstance(owner, DataMap) and owner.line:
        items = [item for item in _alike(owner, graph.data) if isinstance(item, DataMap)]
        keys = list(dict.fromkeys(key for item in items for key in item))
        near = difflib.get_close_matches(name, keys, 1, 0.6)
        where = (f"the items of {owner.path} from line {items[0].line} have" if len(items) > 1
                 else f"the value at {owner.path}:{owner.line}:{owner.column} has")
        return (f'{where} no "{name}"' + (f"; {'their' if len(items) > 1 else 'its'} keys are {', '.join(keys)}"
                                          if keys else ""),
                (f'did you mean "{near[0]}"? Correct' if near else "correct")
                + f" the name in the template at that line, or add {name}: to the data file")
    return None


def _missing_attribute(failure: Exception) -> tuple[str, str] | None:
    """The message and hint for a template that read a name an object of sitegen's lacks (``config.titel``,
    ``page.titel``): the names it has, the closest first offered; None for another fault.

    Jinja's own words were Python's, "'sitegen.config.Config object' has no
    attribute 'titel'". The names offered are what a template can read:
    fields and properties, not methods, nor pydantic's ``model_…``; a
    mapping's text keys. A value of a data file is `_missing_data_key`'s.
    """
    if not isinstance(failure, MissingValue) or not isinstance(failure.name, str):
        return None
    owner, name = failure.owner, failure.name
    if owner is jinja2.utils.missing or owner is None or isinstance(owner, (DataMap, DataText, str, int, float)):
        return None
    if isinstance(owner, Mapping):
        names = sorted(key for key in owner if isinstance(key, str))
    else:
        kind = type(owner)
        names = sorted(attribute for attribute in dir(owner) if not attribute.startswith(("_", "model_"))
                       and not attribute.isupper() and (isinstance(getattr(kind, attribute, None), property)
                            or not callable(getattr(owner, attribute, None))))
    if not names:
        return None
    near = difflib.get_close_matches(name, names, 1, 0.6)
    what = "config (the settings of site.yaml)" if isinstance(owner, Config) else f"this {type(owner).__name__}"
    shown = ", ".join(names[:24]) + (" …" if len(names) > 24 else "")
    return (f'{what} has no "{name}"; it has {shown}',
            (f'did you mean "{near[0]}"? Correct' if near else "correct") + " the name in the template at that line")


def _missing_name(failure: Exception) -> tuple[str, str] | None:
    """The message and hint for a template that used a name nothing defined (``{{ unitt.summary }}``): the names
    it could have used there, the closest first offered; None for another fault.

    Jinja's words were "'unitt' is undefined", with no names to choose from. The names are read from the
    template's frames in the failure's traceback (the innermost first): what its render context holds (the
    values sitegen gives every layout, ``site``, ``page``, ``config`` …, with the theme's globals) and what
    the template set, imported or loops over there: Jinja gives each template frame of a traceback it
    rewrites these as the frame's locals. Filters and tests are not names and are not offered.
    """
    if not isinstance(failure, MissingValue) or failure.owner is not jinja2.utils.missing:
        return None
    name = failure.name
    if not isinstance(name, str):
        return None
    names = {local for trace in _template_frames(failure) for local, value in trace.tb_frame.f_locals.items()
             if not local.startswith("_") and value is not jinja2.utils.missing}
    names -= {name, "self", *jinja2.defaults.DEFAULT_NAMESPACE}  # Jinja's own (range, dict …), in every template
    if not names:
        return None
    ordered = sorted(names)
    near = difflib.get_close_matches(name, ordered, 1, 0.6)
    shown = ", ".join(ordered[:30]) + (" …" if len(ordered) > 30 else "")
    return (f'the name "{name}" is not defined here; the names a template can use here are {shown}',
            (f'did you mean "{near[0]}"? Correct' if near else "correct") + " the name in the template at that line")


def _render_one(graph: SiteGraph, env: jinja2.Environment, page: Page) -> bytes:
    """Render one page of the graph to UTF-8 bytes.

    Raises `_Problem` for any template fault (syntax, a missing template,
    an undefined variable, any exception), naming the template file and
    line and the page it stopped on.
    """
    try:
        template = env.get_template(page.template)
        html = template.render(site=graph, config=graph.config, page=page,
                               head=page_head(graph, page), **page.context)
    except jinja2.TemplateSyntaxError as failure:
        raise _Problem(Problem(f"templates/{failure.name or page.template}", failure.lineno, None, "error",
                               f"template syntax error: {failure.message}", syntax_hint(failure, env, failure.source)),
                       stop=True) from None
    except jinja2.TemplateNotFound as failure:
        name, line = _template_position(failure, page.template, theme_dirs(graph.config))
        raise _Problem(Problem(f"templates/{name}", line, None, "error",
                               f"while rendering {page.url}: the template {failure.name} does not exist",
                               missing_template_hint(failure.name or "", used_templates(theme_dirs(graph.config)))),
                       stop=True) from None
    except Exception as failure:  # noqa: BLE001 - any template fault becomes a message, never a traceback
        name, line = _template_position(failure, page.template, theme_dirs(graph.config))
        in_data = _data_problems(graph, failure, page.url, name, line)
        if in_data:
            raise _Problem(*_later_data_problems(graph, env, page, failure, in_data), stop=False) from None
        kind = "UndefinedError" if isinstance(failure, MissingValue) else type(failure).__name__  # Jinja's name
        message, hint = _missing_data_key(graph, failure) or _missing_attribute(failure) or _missing_name(failure) or (
            f"{kind}: {failure}",
            "check the variable names and expressions used in the template at that line")
        raise _Problem(Problem(f"templates/{name}", line, None, "error", f"while rendering {page.url}: {message}",
                               hint), stop=False) from None
    return html.encode("utf-8")


def check_templates(config: Config, texts: Mapping[str, str], report: Report) -> None:
    """Compile every template the build may use, as rendering would, and report what stops it, page or not.

    `sitegen check` renders no page, so a template that cannot compile
    passed it while the build failed. Takes the settings and the used
    templates' texts (`sitegen.themefiles.read_templates`) and adds to
    ``report`` an error at ``templates/<name>:line``
    for each syntax error or unknown filter or test (Jinja's words, as the
    build gives them), and for each ``extends``, ``include`` or ``import``
    of a template named in quotes that no template folder holds (an
    ``include … ignore missing`` aside), with the name that differs only in
    capitals or the closest one; and what a layout writes that no page would
    show (`sitegen.themeblocks.block_problems`). Raises nothing. Costs about 0.2 s for the
    default theme on a 2-core machine: check and build keep what it found
    in the build cache while no template changes (`sitegen.build`).
    """
    env = make_environment(config)
    trees: dict[str, jinja2.nodes.Template] = {}
    for name, text in texts.items():
        try:
            trees[name] = env.parse(text, name, name)
        except jinja2.TemplateSyntaxError as failure:
            report.error(f"templates/{name}", failure.lineno, None,
                         f"template syntax error: {failure.message}", syntax_hint(failure, env, text))
    block_problems(_theme_templates(config, env, texts, trees), report)
    for name, tree in trees.items():
        for node in tree.find_all((jinja2.nodes.Extends, jinja2.nodes.Include, jinja2.nodes.Import,
                                   jinja2.nodes.FromImport)):
            wanted = node.template
            if not (isinstance(wanted, jinja2.nodes.Const) and isinstance(wanted.value, str)):
                continue
            if wanted.value not in texts and not getattr(node, "ignore_missing", False):
                report.error(f"templates/{name}", node.lineno, None, f"the template {wanted.value} does not exist",
                             missing_template_hint(wanted.value, texts))
            elif isinstance(node, jinja2.nodes.FromImport) and wanted.value in trees:
                _check_imported_names(name, node, wanted.value, trees[wanted.value], report)
        try:
            env.compile(tree, name, name)
        except jinja2.TemplateSyntaxError as failure:  # an unknown filter or test, found as the code is made
            report.error(f"templates/{name}", failure.lineno, None, f"template syntax error: {failure.message}",
                         syntax_hint(failure, env, texts[name]))


def _theme_templates(config: Config, env: jinja2.Environment, texts: Mapping[str, str],
                     trees: Mapping[str, jinja2.nodes.Template]) -> ThemeTemplates:
    """The templates as `sitegen.themeblocks.block_problems` reads them: which are the site's own, which make
    whole pages in the default theme, and the blocks of the default theme's version of each the site overrides.

    Parses the default theme's version of each template the site overrides (a few milliseconds each); one
    that cannot be read or parsed counts as no layout with no blocks. Raises nothing.
    """
    default = default_theme_dir()
    own = {name for name, path in used_templates(theme_dirs(config)).items()
           if name in trees and not path.resolve().is_relative_to(default.resolve())}
    layouts: set[str] = set()
    default_blocks: dict[str, dict[str, int]] = {}
    for name, tree in trees.items():
        if name in own:
            try:
                tree = env.parse(template_text((default / name).read_bytes()))
            except (OSError, jinja2.TemplateSyntaxError):
                continue
            default_blocks[name] = block_lines(tree)
        if extends_tag(tree) is not None:
            layouts.add(name)
    return ThemeTemplates(trees=trees, texts=texts, own=own, layouts=layouts, default_blocks=default_blocks)


def _check_imported_names(name: str, node: jinja2.nodes.FromImport, source: str, tree: jinja2.nodes.Template,
                          report: Report) -> None:
    """Error at each name ``{% from source import … %}`` in the template ``name`` takes that ``source`` does not
    define at its top (a macro, or a ``set``): the build stopped only where the name was used, as "undefined"."""
    defined = {macro.name for macro in tree.body if isinstance(macro, jinja2.nodes.Macro)}
    defined |= {target.name for assign in tree.body if isinstance(assign, jinja2.nodes.Assign)
                for target in assign.target.find_all(jinja2.nodes.Name)}
    defined |= {assign.target.name for assign in tree.body if isinstance(assign, jinja2.nodes.AssignBlock)
                and isinstance(assign.target, jinja2.nodes.Name)}
    for imported in node.names:
        wanted = imported[0] if isinstance(imported, tuple) else imported
        if wanted not in defined:
            close = difflib.get_close_matches(wanted, sorted(defined), n=1, cutoff=0.6)
            report.error(f"templates/{name}", node.lineno, None, f"the template {source} has no macro {wanted}",
                         (f"did you mean {close[0]}? Correct the name in the import tag" if close else
                          f"the names {source} gives are: {', '.join(sorted(defined)) or 'none'}"))


_PAIRED_TAGS = frozenset({"for", "if", "block", "macro", "call", "filter", "with", "set", "autoescape", "trans"})
"""Jinja's tags that open a part closed by ``end<tag>`` (``set`` only without ``=``: ``{% set x %}…{% endset %}``)."""


def syntax_hint(failure: jinja2.TemplateSyntaxError, env: jinja2.Environment, source: str | None) -> str:
    """The hint for a template syntax error: for a part left open, where it was opened.

    Jinja tells an ``{% if %}`` without ``{% endif %}`` where it gave up,
    at the template's end or at the enclosing block's ``{% endblock %}``,
    lines below the slip. The tags of ``source`` are read in order as
    Jinja's parser does, up to the first closing tag that closes no open
    part, or the end: the innermost part still open is the one. For an
    unknown filter or test, the closest name there is. Takes the error, the
    environment (its tag syntax, filters and tests) and the template's
    text; for another error, or one whose text cannot be read, the general
    hint.
    """
    general = "fix the template at that line"
    message = failure.message or ""
    if (unknown := _UNKNOWN_NAME_RE.search(message)) is not None:
        return _unknown_name_hint(unknown, env)
    if source is not None and failure.lineno and (unclosed := _unclosed_delimiter(source, failure.lineno)):
        return unclosed
    if source is None or not ("Unexpected end of template" in message or "innermost block" in message):
        return general
    try:
        tokens = [token for token in env.lex(source) if token[1] != "whitespace"]
    except jinja2.TemplateSyntaxError:
        return general
    open_parts: list[tuple[str, int]] = []
    for index, (line, kind, _) in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if kind != "block_begin" or following[1] != "name":
            continue
        tag = following[2]
        if tag == "set" and any(token[1] == "operator" and token[2] == "=" for token in
                                itertools.takewhile(lambda token: token[1] != "block_end", tokens[index + 2:])):
            continue
        if tag in _PAIRED_TAGS:
            open_parts.append((tag, line))
        elif tag.startswith("end") and tag[3:] in _PAIRED_TAGS:
            if not open_parts or open_parts[-1][0] != tag[3:]:
                break
            open_parts.pop()
    if not open_parts:
        return general
    tag, line = open_parts[-1]
    hint = f"the {{% {tag} %}} at line {line} is never closed: add {{% end{tag} %}} where that part ends"
    if "Unexpected end of template" not in message and failure.lineno and failure.lineno > line:
        hint += f", before line {failure.lineno}"
    return hint


_UNKNOWN_NAME_RE = compile_later(r"No (filter|test) named '([^']+)'")
# The delimiters of a value and a tag, and a comment (skipped: what it holds is no code); "{{{" apart, as one too many.
_DELIMITER_RE = compile_later(r"\{#.*?#\}|\{\{\{|\{\{|\}\}|\{%|%\}", re.DOTALL)


def _unclosed_delimiter(source: str, line: int) -> str | None:
    """The hint for a value or tag left open on ``line`` of a template's ``source`` (or the line before), or None.

    Jinja reads on past a ``{{ x }`` or ``{% if x %`` to the next character it cannot take and names that:
    "unexpected '<'", "unexpected '}'", "expected token 'end of statement block', got '%'". The delimiters up to
    the end of ``line`` are read in order; a ``{{`` or ``{%`` followed by another opening, or by nothing, before
    its ``}}`` or ``%}`` is the one left open. ``{{{`` is told as a brace too many.
    """
    lines = source.splitlines(keepends=True)
    end = sum(len(text) for text in lines[:line])
    start = sum(len(text) for text in lines[:max(line - 2, 0)])
    opened: tuple[str, int] | None = None
    for found in _DELIMITER_RE.finditer(source, 0, end):
        mark = found.group()
        if mark.startswith("{#"):
            continue
        if mark == "{{{" and found.start() >= start:
            at = source.count("\n", 0, found.start()) + 1
            return (f"{{{{{{ at line {at} has one brace too many: a value is written {{{{ x }}}}; to show a brace "
                    "before it, write it apart: {{ '{' }}")
        if mark in ("{{", "{%", "{{{"):
            if opened is not None and opened[1] >= start:
                break
            opened = (mark[:2], found.start())
        elif opened is not None and mark == ("}}" if opened[0] == "{{" else "%}"):
            opened = None
    if opened is None or opened[1] < start:
        return None
    mark, offset = opened
    at = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    closing = "}} (two braces)" if mark == "{{" else "%}"
    return (f"the {mark} at line {at}, column {column} is never closed: end the {'value' if mark == '{{' else 'tag'} "
            f"with {closing} where it ends")


def _unknown_name_hint(found: re.Match[str], env: jinja2.Environment) -> str:
    """The hint for Jinja's "No filter named 'urll'." (``found``, its `_UNKNOWN_NAME_RE` match): the closest
    filter or test there is, if any."""
    kind, typed = found.groups()
    close = difflib.get_close_matches(typed, sorted(env.filters if kind == "filter" else env.tests), n=1, cutoff=0.6)
    return f"did you mean {close[0]}? Fix the {kind}'s name at that line" if close else "fix the template at that line"


def missing_template_hint(missing: str, names: Iterable[str]) -> str:
    """The hint for a template name no folder holds: the name differing only in capitals, else the closest
    name of the same folder, else where the name is typed; each with the file to create if the name is meant.
    ``names`` are the templates that exist.

    A file of that name in another folder is offered first (``lists.html`` for ``partials/lists.html``).
    Else only the file names of one folder are compared (difflib's ratio ≥ 0.6), without their ending: compared
    whole, every name shares ``partials/`` and ``.html``, and ``partials/hello.html`` was offered
    ``partials/tally.html``.
    """
    known = sorted(names)
    same = [name for name in known if name.casefold() == missing.casefold()]
    if same:
        return (f"the template is {same[0]}: write its name with those capitals (Windows and macOS find it "
                "either way; Linux, where sites are often built, does not)")
    create = f"; or, if the name is meant, create templates/{missing}"
    folder, _, file = missing.rpartition("/")
    elsewhere = [name for name in known if name.rpartition("/")[2].casefold() == file.casefold()]
    if elsewhere:  # lists.html for partials/lists.html: the folder left out, or another typed
        return f"did you mean {elsewhere[0]}? Correct the name in the include, import or extends tag" + create
    stems = {posixpath.splitext(name.rpartition("/")[2])[0]: name for name in known
             if name.rpartition("/")[0] == folder}
    close = difflib.get_close_matches(posixpath.splitext(file)[0], sorted(stems), n=1, cutoff=0.6)
    if close:
        return f"did you mean {stems[close[0]]}? Correct the name in the include, import or extends tag" + create
    return "check the file name in the include, import or extends tag" + create


def _template_position(failure: BaseException, name: str, folders: Sequence[Path]) -> tuple[str, int | None]:
    """Find the innermost template frame of a rendering error: (template name, line).

    Jinja rewrites tracebacks so that template frames carry the template's
    file name and line; frames of Python code are skipped. The name is the
    file's path inside the template folder it came from (``folders``, as
    `theme_dirs` gives them), so a partial is ``partials/lists.html``.
    """
    found: tuple[str, int | None] = (name, None)
    for trace in _template_frames(failure):
        found = (_template_name(trace.tb_frame.f_code.co_filename, folders), trace.tb_lineno)
    return found


def _template_frames(failure: BaseException) -> Iterator[TracebackType]:
    """The entries of ``failure``'s traceback that are a template's (outermost first): Jinja rewrites a
    rendering error's traceback so that each template frame carries the template's file name, its line,
    and as its locals the names the template had there."""
    trace = failure.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith((".html", ".xml", ".txt")):
            yield trace
        trace = trace.tb_next


def _template_name(filename: str, folders: Sequence[Path]) -> str:
    """A template file's name as templates name it (its path inside its folder), else its file name."""
    path = Path(filename)
    for folder in folders:
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return path.name


# An id attribute (not data-id, nor a script's element.id), its value quoted or not; and a name on an <a>, which a fragment names too.
_ID_ATTRIBUTE_RE = compile_later(r"""(?<![\w.-])(?i:id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>=]+))"""
                                 r"""|<(?i:a)\s[^>]*?(?<![\w-])(?i:name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# An id set by a script (element.id = "x", setAttribute("id", "x")): the literal, if it is one.
_SCRIPT_ID_RE = compile_later(
    r"""\.id\s*=(?!=)\s*(?:(["'])(.*?)\1)?|setAttribute\(\s*["']id["']\s*,\s*(?:(["'])(.*?)\3)?""")
_JINJA_PART_RE = compile_later(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_NO_ELEMENTS = frozenset({".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf",
                          ".otf", ".pdf", ".zip"})
"""Suffixes of theme files that write no element of a page (style sheets, pictures, fonts): not read for ids."""


def layout_places(config: Config) -> LayoutPlaces:
    """Return the places (element ids) the theme's layouts may give a page (`sitegen.site.LayoutPlaces`).

    Takes the settings; reads every text file of the template folders
    (`theme_dirs`: the site's own and the default theme's, both, so that
    nothing either may show is missed): the ``id`` attributes they write
    (and ``name`` on ``<a>``), and the ids their scripts set. An id made of
    template values becomes a pattern where each value may be anything; one
    that cannot be read as a whole (``id={{ x }}``, ``element.id = name``)
    becomes ``.*``, so that no place a layout may give is ever reported
    missing. Charts' ids are added (`sitegen.charts.ID_PATTERN`). Raises
    nothing: a file that cannot be read is passed over.
    """
    ids: set[str] = set()
    patterns: set[str] = {charts.ID_PATTERN}
    own: dict[str, tuple[str, ...]] = {}
    bodies: set[str] = set()
    for folder in reversed(theme_dirs(config)):  # the site's own last: its file of a name is the one used
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in _NO_ELEMENTS or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            name = path.relative_to(folder).as_posix()
            literal = _template_ids(text, patterns)
            ids.update(literal)
            own[name] = tuple(dict.fromkeys(literal))
            if "rendered" in text:
                bodies.add(name)
    return LayoutPlaces(frozenset(ids), tuple(sorted(patterns)), own, frozenset(bodies))


def _template_ids(text: str, patterns: set[str]) -> list[str]:
    """The ids a template or script writes as they are; those made of values go to ``patterns``."""
    found: list[str] = []
    values = [next((v for v in match.groups() if v is not None), "") for match in _ID_ATTRIBUTE_RE.finditer(text)]
    for match in _SCRIPT_ID_RE.finditer(text):
        value = match.group(2) if match.group(1) else match.group(4) if match.group(3) else None
        values.append("{{ ? }}" if value is None else value)  # set from a value: any id
    for value in values:
        if "{" not in value and "&" not in value:
            found.append(value)
            continue
        parts = _JINJA_PART_RE.split(value)
        if any("{{" in part or "{%" in part or "&" in part for part in parts):
            patterns.add(".*")  # not read whole (an entity, a value cut by a quote inside it): any id
        else:
            patterns.add(".*".join(re.escape(part) for part in parts))
    return found


def theme_assets(config: Config) -> dict[str, Path]:
    """Return the theme's files as ``{output path: file}`` (``assets/site.css``: the file to copy).

    A file in the site's ``templates/assets/`` overrides the default theme's
    of the same name; hidden files are left out. Each file is published
    twice: under its own name, and under its fingerprinted name
    (`theme_asset_copies`), which the pages link.
    """
    files = theme_files(config)
    return {**files, **{copy: files[path] for path, copy in _fingerprinted(files).items()}}


def theme_files(config: Config) -> dict[str, Path]:
    """The theme's files by their own names, ``{output path: file}`` (`theme_assets` without the copies).

    ``{"assets/site.css": Path(".../templates/assets/site.css")}``: a file in
    the site's ``templates/assets/`` hides the default theme's of the same
    name; hidden files are left out. Raises nothing.
    """
    files: dict[str, Path] = {}
    for folder in reversed(theme_dirs(config)):
        assets = folder / ASSETS_FOLDER
        if assets.is_dir():
            for path in sorted(assets.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files[f"{ASSETS_FOLDER}/{path.relative_to(assets).as_posix()}"] = path
    return files


def fingerprinted_name(path: str, content: bytes) -> str:
    """The name a file is published under for long caching: its content's digest before its ending.

    ``("assets/site.css", b"...")`` → ``"assets/site.3f2a9c01d7.css"``: 10
    hex digits of the BLAKE2b digest of ``content`` (40 bits: a changed file
    gets a new name), before the last ending, or at the end of a name
    without one. The mark always holds a letter: a digest of ten decimal
    digits (about 1 in 110) has its first digit made one (``1986405691`` →
    ``b986405691``), as the server settings of the README tell a mark from
    a date in a file's name (``tongzhi.2018050301.pdf``) by its letter; without
    it, such a stylesheet was sent "no-cache". A browser may keep such a file a year without asking again
    (``Cache-Control: immutable``), since any change to it gives a new name
    and the pages that link it change with it: what webpack's and Hugo's
    fingerprinted assets do.
    """
    folder, _, name = path.rpartition("/")
    stem, dot, ending = name.rpartition(".")
    mark = hashlib.blake2b(content, digest_size=5).hexdigest()
    if mark.isdigit():
        mark = "abcdef"[int(mark[0]) % 6] + mark[1:]
    named = f"{stem}.{mark}.{ending}" if dot and stem else f"{name}.{mark}"
    return f"{folder}/{named}" if folder else named


def theme_asset_copies(config: Config) -> dict[str, str]:
    """``{output path: output path of its fingerprinted copy}`` for every theme asset (`theme_assets`).

    ``{"assets/site.css": "assets/site.3f2a9c01d7.css"}``: the pages link the
    copy (the ``url`` filter), and both are published, so that a stylesheet's
    ``url(font.woff2)`` and a link typed by hand still find their file.
    Raises OSError when a theme file cannot be read.
    """
    return _fingerprinted(theme_files(config))


def _fingerprinted(files: Mapping[str, Path]) -> dict[str, str]:
    """``{output path: fingerprinted output path}`` of ``files``, ``{output path: file}``, each read whole."""
    return {path: fingerprinted_name(path, file.read_bytes()) for path, file in files.items()}


def copy_assets(graph: SiteGraph) -> dict[str, bytes]:
    """Return theme assets (as ``assets/…``) and content assets (same path as under content/).

    No content asset has the path of a theme asset: the site graph refuses
    one (`sitegen.site.check_content_assets`).
    """
    files = {rel: path.read_bytes() for rel, path in theme_assets(graph.config).items()}
    for rel in graph.assets:
        files[rel.split("/", 1)[1]] = (graph.config.root / rel).read_bytes()
    return files
