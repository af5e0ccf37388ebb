"""Render the site graph into files: ``{output path: bytes}``.

Templates are Jinja2 with autoescaping on and `StrictUndefined` (a typo in a
template is an error, never an empty string). They are looked up in the
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

May import: errors, config, site, charts, markup, models, outputs.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import jinja2
from pydantic_core import PydanticCustomError
from markupsafe import Markup

from . import charts
from .config import Config
from .errors import Problem, Report
from .models import CASE_STATUS_LABELS, TARGET_GROUP_LABELS, UNIT_LEVEL_LABELS, parse_date
from .outputs.opendata import DATAPACKAGE_PATH, DOWNLOADS
from .outputs.structured import page_head
from .site import Page, SiteGraph, Urls, group_by_month
from .workers import can_fork, collector_running, frozen_heap, restart_collector

ASSETS_DIR = "assets"


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


def make_environment(config: Config, cache_folder: Path | None = None) -> jinja2.Environment:
    """Build the Jinja2 environment: loaders, autoescape, StrictUndefined, filters and globals.

    Filters: ``url``/``abs_url`` (site path → link / absolute address),
    ``rebase`` (rendered HTML with root-relative links under the base path,
    marked safe), ``datetime``/``cn_date``/``iso``/``month`` (dates),
    ``percent``/``share`` (numbers), ``safe_svg`` (a chart's SVG). Globals:
    ``charts``, ``downloads`` and ``datapackage_url`` (the open-data files),
    label dictionaries. ``cache_folder``, when given, keeps compiled
    templates in ``<cache_folder>/jinja`` (Jinja's bytecode cache: it checks
    each template file's modification time, so an edited template is
    compiled again).
    """
    bytecode = None
    if cache_folder is not None:
        try:
            (cache_folder / "jinja").mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(cache_folder / "jinja"))
        except OSError:
            bytecode = None  # an unwritable cache only makes the build slower
    env = jinja2.Environment(
        bytecode_cache=bytecode,
        loader=jinja2.FileSystemLoader([str(d) for d in theme_dirs(config)], encoding="utf-8"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    urls = Urls(config.base_url)
    env.filters.update({
        "url": urls.path, "abs_url": urls.absolute,
        "rebase": lambda fragment: Markup(urls.rebase_html(str(fragment))),
        "datetime": format_datetime, "cn_date": format_cn_date, "iso": make_iso(config),
        "month": format_month, "percent": format_percent, "share": charts.format_share,
        "safe_svg": Markup,
    })
    env.globals.update({
        "charts": charts, "group_by_month": group_by_month, "downloads": DOWNLOADS,
        "datapackage_url": "/" + DATAPACKAGE_PATH,
        "status_labels": CASE_STATUS_LABELS, "group_labels": TARGET_GROUP_LABELS,
        "level_labels": UNIT_LEVEL_LABELS,
    })
    return env


def make_iso(config: Config) -> Callable[[date | datetime], str]:
    """Return the ``iso`` filter: a date → ``2018-04-26``; a publish time → ``2018-05-03T10:00+08:00``.

    Publish times are naive in the site's time zone; the filter adds its
    offset, so a ``<time datetime>`` is an exact moment (HTML's "valid
    global date and time string").
    """
    def iso(value: date | datetime) -> str:
        if isinstance(value, datetime):
            return value.replace(tzinfo=config.zone).isoformat(timespec="minutes")
        return value.isoformat()
    return iso


def format_datetime(value: datetime) -> str:
    """Publish time as shown on pages: ``2018-05-03 10:00`` (site time zone, 24-hour)."""
    return value.strftime("%Y-%m-%d %H:%M")


def format_cn_date(value: date | str) -> str:
    """A date in the house format for Chinese text: ``2018年4月26日`` (no leading zeros).

    Takes a date, or text in any spelling a date field accepts (values from
    ``data/`` files stay text): ``2024-4-15``, ``2024/4/8``, ``2024年4月1日``.
    Raises ValueError naming the text when it is not a date.
    """
    if isinstance(value, str):
        try:
            value = parse_date(value)
        except PydanticCustomError as refusal:
            raise ValueError(refusal.message()) from None
    return f"{value.year}年{value.month}月{value.day}日"


def format_month(key: str) -> str:
    """A month key ``2018-05`` as Chinese text: ``2018年5月``."""
    year, month = key.split("-")
    return f"{year}年{int(month)}月"


def format_percent(value: float) -> str:
    """A percentage as text: 80.0 → ``80%``, 62.5 → ``62.5%``."""
    return f"{int(value)}%" if math.isclose(value, round(value)) else f"{value:.1f}%"


PARALLEL_PAGES = 200
"""Below this many pages, rendering in one process is faster than starting workers."""


def render_pages(graph: SiteGraph, env: jinja2.Environment, report: Report,
                 workers: int = 1, pages: Sequence[Page] | None = None,
                 into: Path | None = None, *, published: Mapping[str, tuple[str, Any]] | None = None,
                 digests: dict[str, str] | None = None) -> dict[str, Any]:
    """Render pages of the graph; returns ``{output path: UTF-8 bytes}`` in page order.

    ``pages`` chooses which (default: every page of the graph; a build
    passes the pages whose fingerprint changed, see `sitegen.depends`).
    With ``into``, an empty scratch folder, each page is written there as
    ``<its number in the list>.html`` and the result maps to that file's
    `Path` instead of its bytes: a large site then never holds its pages in memory, and worker
    processes send back names, not pages.
    With ``workers`` > 1 and enough pages, this process and ``workers`` - 1
    forked ones render contiguous slices of the pages (the graph and
    environment are inherited, not copied); the bytes are the same as rendering here.
    ``published`` maps output paths to ``(digest, stand-in)``: a page whose
    bytes have that `page_digest` is neither written nor returned as bytes,
    its stand-in is (a build passes the published file, `sitegen.write.Kept`:
    a template edit that changes no page then writes no page). ``digests``,
    when given, receives the `page_digest` of every page rendered. A template error
    (syntax, undefined variable, any exception) is added to the report as an
    error naming the template file and line, with the page it stopped on.
    """
    chosen = list(graph.pages if pages is None else pages)
    same = published or {}
    slices = _slices(len(chosen), workers)
    if len(slices) > 1:
        try:
            context = multiprocessing.get_context("fork")
            # This process renders the first slice itself while the workers render the others:
            # as fast as a worker per slice, and one process fewer holding a copy of the pages it touches.
            with frozen_heap(), ProcessPoolExecutor(len(slices) - 1, mp_context=context, initializer=_adopt,
                                                    initargs=(graph, env, chosen, into, same)) as pool:
                others = [pool.submit(_render_adopted, bounds) for bounds in slices[1:]]
                start, stop = slices[0]
                with collector_running():
                    mine = _render_slice(graph, env, chosen[start:stop], into, first=start, published=same)
                results = [mine, *(other.result() for other in others)]
        except (BrokenProcessPool, OSError):
            results = [_render_slice(graph, env, chosen, into, published=same)]
    else:
        results = [_render_slice(graph, env, chosen, into, published=same)]
    files: dict[str, Any] = {}
    for rendered, problems, made in results:
        files.update(rendered)
        report.extend(problems)
        if digests is not None:
            digests.update(made)
    return files


def _slices(count: int, workers: int) -> list[tuple[int, int]]:
    """Contiguous (start, stop) ranges, one per worker; one range when parallel work does not pay."""
    if count < PARALLEL_PAGES or not can_fork(workers):
        return [(0, count)]
    size = math.ceil(count / workers)
    return [(start, min(count, start + size)) for start in range(0, count, size)]


# The graph, environment and pages a forked rendering worker inherited (set once per worker process).
_ADOPTED: dict[str, object] = {}


def _adopt(graph: SiteGraph, env: jinja2.Environment, pages: list[Page], into: Path | None,
           published: Mapping[str, tuple[str, Any]]) -> None:
    restart_collector()
    _ADOPTED.update(graph=graph, env=env, pages=pages, into=into, published=published)


def _render_adopted(bounds: tuple[int, int]) -> _SliceResult:
    start, stop = bounds
    pages: list[Page] = _ADOPTED["pages"]  # type: ignore[assignment]
    return _render_slice(_ADOPTED["graph"], _ADOPTED["env"], pages[start:stop],  # type: ignore[arg-type]
                         _ADOPTED["into"], first=start, published=_ADOPTED["published"])  # type: ignore[arg-type]


def page_digest(data: bytes) -> str:
    """BLAKE2b digest (32 hex characters) of a rendered page's bytes; the build records it with the published file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_SliceResult = tuple[dict[str, Any], list[Problem], dict[str, str]]


def _render_slice(graph: SiteGraph, env: jinja2.Environment, pages: Sequence[Page],
                  into: Path | None = None, first: int = 0,
                  published: Mapping[str, tuple[str, Any]] | None = None) -> _SliceResult:
    """Render the given pages; returns their bytes (or files written under ``into``, or the stand-ins of
    ``published`` pages that came out the same, see `render_pages`), the problems met and each page's digest.

    A page written under ``into`` is named by its number among the pages of
    the call (``first`` for the first of these): one folder, no subfolders,
    since making a folder per page costs more than writing it (publishing
    moves the file to its place).
    """
    report = Report()
    files: dict[str, Any] = {}
    digests: dict[str, str] = {}
    published = published or {}
    for number, page in enumerate(pages, first):
        try:
            template = env.get_template(page.template)
            html = template.render(site=graph, config=graph.config, page=page,
                                   head=page_head(graph, page), **page.context)
        except jinja2.TemplateSyntaxError as failure:
            report.error(f"templates/{failure.name or page.template}", failure.lineno, None,
                         f"template syntax error: {failure.message}", "fix the template at that line")
            break
        except jinja2.TemplateNotFound as failure:
            name, line = _template_position(failure, page.template)
            report.error(f"templates/{name}", line, None,
                         f"while rendering {page.url}: the template {failure.name} does not exist",
                         "check the file name in the include, import or extends tag")
            break
        except Exception as failure:  # noqa: BLE001 - any template fault becomes a message, never a traceback
            name, line = _template_position(failure, page.template)
            report.error(f"templates/{name}", line, None,
                         f"while rendering {page.url}: {type(failure).__name__}: {failure}",
                         "check the variable names and expressions used in the template at that line")
            continue
        data = html.encode("utf-8")
        made = digests[page.output] = page_digest(data)
        before = published.get(page.output)
        if before is not None and before[0] == made:
            files[page.output] = before[1]
            continue
        if into is None:
            files[page.output] = data
            continue
        target = into / f"{number}.html"
        with open(target, "wb") as handle:
            handle.write(data)
        files[page.output] = target
    return files, report.problems, digests


def _template_position(failure: BaseException, name: str) -> tuple[str, int | None]:
    """Find the innermost template frame of a rendering error: (template name, line).

    Jinja rewrites tracebacks so that template frames carry the template's
    file name and line; frames of Python code are skipped.
    """
    trace = failure.__traceback__
    found: tuple[str, int | None] = (name, None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (Path(filename).name if "/" in filename else filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def copy_assets(graph: SiteGraph) -> dict[str, bytes]:
    """Return theme assets (as ``assets/…``) and content assets (same path as under content/)."""
    files: dict[str, bytes] = {}
    for folder in reversed(theme_dirs(graph.config)):
        assets = folder / ASSETS_DIR
        if assets.is_dir():
            for path in sorted(assets.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files[f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    for rel in graph.assets:
        files[rel.split("/", 1)[1]] = (graph.config.root / rel).read_bytes()
    return files


def render_site(graph: SiteGraph, report: Report, environment: jinja2.Environment | None = None,
                workers: int = 1, pages: Sequence[Page] | None = None,
                into: Path | None = None, *, published: Mapping[str, tuple[str, Any]] | None = None,
                digests: dict[str, str] | None = None) -> dict[str, Any]:
    """Render pages and gather assets: the output as ``{path: bytes}``.

    ``environment`` lets a long-running caller (the dev server) reuse one
    `make_environment` for the same settings: compiling the templates is
    most of the render time (about 0.3 s for the example), and Jinja
    recompiles a template whose file changed. None makes a fresh one.
    ``pages`` limits the pages rendered, ``into`` writes them to files and
    ``published``/``digests`` skip pages that come out as published (see
    `render_pages`); assets are always included, as bytes.
    """
    env = environment or make_environment(graph.config)
    files: dict[str, Any] = {**copy_assets(graph)}
    files.update(render_pages(graph, env, report, workers, pages, into, published=published, digests=digests))
    return files
