"""Render the site graph into files: ``{output path: bytes}``.

Templates are Jinja2 with autoescaping on and `StrictUndefined` (a typo in a
template is an error, never an empty string). They are looked up in the
site's own ``templates/`` first, then in the default theme, file by file, so
a site overrides only what it changes. Theme assets (``templates/assets/``)
and content assets (images under ``content/``) are copied as they are.

Links are made by the ``url`` filter from site paths, so the same templates
work at a domain root and under a sub-path.

May import: errors, config, site, charts, markup, models.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from . import charts
from .config import Config
from .errors import Report
from .models import CASE_STATUS_LABELS, TARGET_GROUP_LABELS, UNIT_LEVEL_LABELS
from .site import Page, SiteGraph, group_by_month

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
    as UTF-8. Addresses with a scheme (``https://…``) are returned as they are.
    """
    base = config.base_path.rstrip("/")

    def url(path: str) -> str:
        if "://" in path or path.startswith(("mailto:", "tel:", "#")):
            return path
        return quote(base + "/" + path.lstrip("/"), safe="/%#?=&")
    return url


def make_environment(config: Config) -> jinja2.Environment:
    """Build the Jinja2 environment: loaders, autoescape, StrictUndefined, filters and globals."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in theme_dirs(config)], encoding="utf-8"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    url = make_url(config)
    env.filters.update({
        "url": url,
        "abs_url": lambda path: config.base_url.rstrip("/") + url(path)[len(config.base_path.rstrip("/")):],
        "datetime": format_datetime, "cn_date": format_cn_date, "iso": lambda d: d.isoformat(),
        "percent": format_percent, "share": charts.format_share, "safe_svg": Markup,
    })
    env.globals.update({
        "charts": charts, "group_by_month": group_by_month,
        "status_labels": CASE_STATUS_LABELS, "group_labels": TARGET_GROUP_LABELS,
        "level_labels": UNIT_LEVEL_LABELS,
    })
    return env


def format_datetime(value: datetime) -> str:
    """Publish time as shown on pages: ``2018-05-03 10:00`` (site time zone, 24-hour)."""
    return value.strftime("%Y-%m-%d %H:%M")


def format_cn_date(value: date) -> str:
    """A date in the house format for Chinese text: ``2018年4月26日`` (no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


def format_percent(value: float) -> str:
    """A percentage as text: 80.0 → ``80%``, 62.5 → ``62.5%``."""
    return f"{int(value)}%" if math.isclose(value, round(value)) else f"{value:.1f}%"


def render_pages(graph: SiteGraph, env: jinja2.Environment, report: Report) -> dict[str, bytes]:
    """Render every page of the graph; returns ``{output path: UTF-8 bytes}``.

    A template error (syntax, undefined variable) is added to the report as
    an error naming the template file and line, with the page it stopped on.
    """
    files: dict[str, bytes] = {}
    for page in graph.pages:
        try:
            template = env.get_template(page.template)
            html = template.render(site=graph, config=graph.config, page=page, **page.context)
        except jinja2.TemplateSyntaxError as failure:
            report.error(f"templates/{failure.name or page.template}", failure.lineno, None,
                         f"template syntax error: {failure.message}", "fix the template at that line")
            break
        except (jinja2.UndefinedError, TypeError, ValueError, AttributeError) as failure:
            line = _template_line(failure, page.template)
            report.error(f"templates/{page.template}", line, None,
                         f"while rendering {page.url}: {failure}",
                         "check the variable names used in the template")
            continue
        files[page.output] = html.encode("utf-8")
    return files


def _template_line(failure: BaseException, name: str) -> int | None:
    trace = failure.__traceback__
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(name):
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


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


def render_site(graph: SiteGraph, report: Report) -> dict[str, bytes]:
    """Render pages and gather assets: the complete output as ``{path: bytes}``."""
    env = make_environment(graph.config)
    files = copy_assets(graph)
    files.update(render_pages(graph, env, report))
    return files


