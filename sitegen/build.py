"""The build, stage by stage: the only place that runs the whole pipeline.

    settings → sources → records → checks → site graph → render → publish

Each stage adds its problems to one `Report`; the build stops before
publishing when there is any error, so the last good output stays as it was.

May import: errors, config, sources, yamltext, validation, models, slugs, markup, bodies, load,
checks, site, charts, render, outputs, depends, fresh, addresses, themeaccess, themefiles, themelinks,
workers, write, cachefile: every stage, never the editor tools (serve, scaffold) or the command line (cli).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from contextlib import contextmanager
from urllib.parse import unquote
from typing import Callable, Collection, Iterator, Mapping, NamedTuple

import jinja2

from .addresses import AddressBook, drafts_taken_off, is_address_record, moved_pages, read_address_record
from .checks import PublishedTallies, check_content, drafts, scheduled
from .cachefile import replace_file
from .config import Config, is_public_address, load_config, setting_place
from .errors import Problem, Report, SiteError
from .load import Content, Document, load_content
from .models import publish_time_text
from .outputs.search import SEARCH_FOLDER, SearchIndexError, index_made_as_now, index_site, searchable_pages
from .outputs import output_jobs
from .outputs.feeds import Feed, all_feeds, render_feeds
from .outputs.opendata import DATAPACKAGE_PATH, open_data_paths, read_published_tallies, render_open_data
from .outputs.sitemap import render_sitemap
from .depends import (Fingerprints, Rendered, TemplateDependencies, build_fingerprint, load_known_templates,
                      load_rendered, rendered_record_path, save_known_templates, save_rendered)
from .fresh import (CACHE_DIR, Inputs, LastBuild, code_fingerprint, digest, empty_cache, options_key, output_status,
                    record_path)
from .fresh import record as record_fresh
from .render import (check_templates, copy_assets, default_theme_dir, layout_places, make_environment, render_outputs,
                     render_pages, theme_asset_copies, theme_dirs, theme_files)
from .site import (Page, SiteGraph, Urls, build_site, check_content_assets, check_heading_ids, next_milestone_day,
                   output_path)
from .slugs import SlugBook
from .themeaccess import check_template_access
from .themefiles import check_override_names, read_stylesheets, read_templates
from .themelinks import check_template_links, literal_links
from .workers import collector_paused, start_apart
from .write import (PREVIEW_MARK, PREVIEW_MARK_TEXT, FileData, Kept, OtherSiteError, OutputBusyError, SiteIdentity,
                    UnsafeOutputError, WriteResult, check_output_folder, folder_digest, other_site, publish)


SLUG_BOOK = "slugs.json"
"""Tag slugs and readings of unit names kept between builds, in the build cache (`sitegen.slugs.SlugBook`)."""


@dataclass(frozen=True)
class BuildOptions:
    """How to build: the site folder and the command line's choices.

    ``now`` fixes the current time (naive, site time zone) for tests; None
    means the clock. ``include_drafts`` shows drafts and scheduled pages
    (the dev server does; a build never does). ``jobs`` is the number of
    processes reading front matter, converting Markdown and rendering
    pages (None: one per core; the output is the same bytes whatever it is). ``clean`` empties
    the build cache first (`sitegen.fresh.empty_cache`: serve's preview and the address records are
    kept); ``cache`` False builds without it. ``search`` False leaves out the search index (its time is measured on its own);
    ``offers_search`` says whether the pages still offer search (the menu's link, the search page's box;
    None: as ``search``): the preview (`sitegen.serve`) offers it without making the index, and its
    search page says so.
    ``process_ends`` True says the process ends after this build or check
    (the command line does): what it made is then left to the end of the
    process, never walked by the garbage collector again
    (`sitegen.workers.collector_paused`).
    ``as_published`` True checks the links and pictures of the pages' text against site.yaml's ``base_url``,
    where the site is published, not ``base_url`` (the preview, built for its own address, so warns of a
    path typed with the published base path, or the published address typed in full, as check does).
    ``shown_as`` pairs a page, unit or series file of the last published build, by its name then, with the
    name the editor last saw it under when that is another (a preview's: `sitegen serve` knows its earlier
    builds): a file gone is warned at that name (`sitegen.addresses.moved_pages`).
    ``replace_other_site`` True lets a build replace another site's published output in its output folder
    (`sitegen.write.other_site`), which is refused otherwise (``sitegen build --replace-other-site``); a
    preview (``include_drafts``) never asks, as `sitegen.serve` refuses every published folder first.
    """

    root: Path
    base_url: str | None = None
    output: str | None = None
    include_drafts: bool = False
    now: datetime | None = None
    jobs: int | None = None
    clean: bool = False
    cache: bool = True
    search: bool = True
    offers_search: bool | None = None
    process_ends: bool = False
    as_published: bool = False
    replace_other_site: bool = False
    shown_as: tuple[tuple[str, str], ...] = ()

    @property
    def keeps_other_site(self) -> bool:
        """Whether the build refuses to replace another site's published output (see ``replace_other_site``)."""
        return not self.replace_other_site and not self.include_drafts

    @property
    def workers(self) -> int:
        """How many processes read, convert and render (at least 1): ``jobs``, else the number of cores."""
        return max(1, self.jobs if self.jobs is not None else (os.cpu_count() or 1))

    def cache_folder(self, config: Config) -> Path | None:
        """The build cache folder (``.sitegen-cache`` in the site folder), or None without a cache."""
        return config.root / CACHE_DIR if self.cache else None


@dataclass(frozen=True)
class Published:
    """What the last build into the published output folder published, as its address record keeps it
    (`sitegen.addresses.AddressBook`), for the preview to compare with.

    ``addresses`` are the site paths (``/interviews/x/``, decoded) its pages were at, the old addresses they kept
    (``aliases:``) and those they had before their last move: every address readers may have had.
    ``files`` maps each page, unit and series file it published, by its name then, to its page's title
    (a unit's or series' name), ``urls`` to its page's address (decoded), and ``was`` to the address its page
    had before its last move, while it stays there (decoded; `sitegen.addresses.Known.was`): a page moved back
    there is not warned by the build, so the preview says nothing of it either.
    ``key`` changes whenever a build publishes another record ("" without one): the warnings a preview
    gives of addresses that moved since (`sitegen.addresses.moved_pages`) then stop because the move
    was published, not because a file was mended.
    """

    addresses: frozenset[str] = frozenset()
    key: str = ""
    files: Mapping[str, str] = field(default_factory=dict)
    urls: Mapping[str, str] = field(default_factory=dict)
    was: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildResult:
    """What a build did: pages and files written, time taken, warnings, scheduled pages and drafts (not published).

    ``pages`` counts the pages of the site, not the redirect pages at old
    addresses (``aliases:``), which ``files`` counts.

    ``converted`` counts Markdown bodies converted (not from the cache);
    ``rendered_paths`` are the output paths of the pages, then the feeds,
    rendered (the others were unchanged and kept); ``changed_paths`` and ``removed_paths`` the
    files written anew and removed. ``documents`` maps the output path of
    each page made from a Markdown file to its document (the dev server
    finds its draft and scheduled pages there); ``sources`` maps the output
    path of each page made from one file (an interview, a case study, a unit) to that
    file (the dev server lists a page's own warnings first); ``titles`` maps each of those files to
    what names its page: an interview's or case study's title, a unit's name (the dev server
    follows a renamed file by it). ``published`` is, for a preview (``include_drafts``), what the last
    build into the published output folder published (`Published`; empty for a build, which publishes).
    """

    config: Config
    pages: int
    files: int
    changed: int
    removed: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    scheduled: list[Document] = field(default_factory=list)
    converted: int = 0
    rendered_paths: tuple[str, ...] = ()
    changed_paths: tuple[str, ...] = ()
    removed_paths: tuple[str, ...] = ()
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    drafts: list[Document] = field(default_factory=list)
    published: Published = field(default_factory=Published)


@dataclass(frozen=True)
class CheckResult:
    """What a check found: every problem, sorted, the pages held back as scheduled, and the drafts.

    ``whole`` is False when an error stopped the check before the site graph, so the checks that need it (links
    between pages, addresses two pages or a page and a list claim) were not made: fixing the errors may show
    more.
    """

    problems: list[Problem]
    scheduled: list[Document]
    drafts: list[Document] = field(default_factory=list)
    whole: bool = True


def _now(config: Config, options: BuildOptions) -> datetime:
    return options.now or datetime.now(config.zone).replace(tzinfo=None)


Meanwhile = Callable[[Content, SiteGraph, Report], None]
"""Work on the finished site graph that may go on while the checks still run (`load_and_check`): it takes the
content, the graph and a report to add its problems to, and may raise `SiteError` with them."""


def load_and_check(options: BuildOptions, report: Report, *, writing: bool = False,
                   meanwhile: Meanwhile | None = None) -> tuple[Config, Content, SiteGraph]:
    """Run the stages up to the site graph. Raises `SiteError` on any error.

    ``writing`` True (a build) refuses an unsafe output folder first, before
    anything is written, the build cache included. ``meanwhile`` is called
    once the graph is made without an error, before the checks' result is
    awaited when they run apart (`_checked_graph`); what it tells follows
    the graph's problems in the report, as if it had run after this returned.
    """
    config = load_config(options.root, report, base_url=options.base_url, output_dir=options.output)
    if writing:
        _check_output(config, report, options.output, keep_other_site=options.keeps_other_site)
    if options.clean and options.cache_folder(config) is not None:
        empty_cache(config.root / CACHE_DIR, keep=is_address_record)  # what was published is no cache
    slugs = _slug_book(options, config)
    content = _load_content(options, config, report, slugs)
    now = _now(config, options)  # one "now" for the checks, the scheduled pages and the layouts
    checked = _checked_urls(options, config)
    graph = _checked_graph(options, config, content, report, slugs, now, checked, meanwhile=meanwhile)
    if graph is None or report.has_errors():
        raise SiteError(report.problems)
    return config, content, graph


CHECKS_APART_FROM = 300
"""From this many pages on, `_checked_graph` makes the checks in a forked child while it builds the site graph;
below, forking costs about what it saves (at 1,000 pages the checks take 0.08 s, the graph 0.05 s)."""


def _checked_graph(options: BuildOptions, config: Config, content: Content, report: Report, slugs: SlugBook,
                   now: datetime, checked: Urls, templates: Mapping[str, str] | None = None,
                   meanwhile: Meanwhile | None = None) -> SiteGraph | None:
    """Check the loaded content (`sitegen.checks.check_content`), then build the site graph (`_site_graph`): None
    when the report has an error after the checks (the graph, whose own checks would be about a site that is not
    to be built, is then not made).

    The checks read the content and only add to (or withdraw from) the report, so from `CHECKS_APART_FROM`
    pages on, with no error so far and a process that may fork (`sitegen.workers.start_apart`), they run in a
    child on the other core while the graph is built here with a report of its own: 0.6 s of a one-page
    rebuild at 10,000 pages. Their problems are then recorded before the graph's, as one after the other
    records them, and a graph made while they found an error goes unused; so does the exception of a graph
    that the unchecked content breaks (a page naming a unit with no file), when the checks found an error.

    ``meanwhile`` (see `load_and_check`) runs on a graph made without an error: in a one-page rebuild at
    10,000 pages the checks outlast the graph by 0.3 to 0.6 s, which the render plan (the fingerprint of
    every page, about 0.8 s there) and the address record now fill. A `SiteError` it raises is raised
    again once the checks' problems are in, with the whole report; when the checks found an error, what
    it made goes unused too.
    """
    def checks() -> tuple[list[Problem], list[Problem]]:
        before = list(report.problems)
        check_content(content, config.root, now, report, checked.base_folder, page_url=config.permalinks.url,
                      published=lambda: _published_files(options, config),
                      published_at=_published_at(options, config),
                      published_tallies=lambda: _published_tallies(options, config),
                      held_back=lambda: _held_back(options, config))
        return report.since(before)

    apart = start_apart(checks, workers=options.workers) if (
        len(content.interviews) + len(content.cases) >= CHECKS_APART_FROM and not report.has_errors()) else None
    if apart is None or not apart.forked:
        checks()
        if report.has_errors():
            return None
        graph = _site_graph(options, config, content, report, slugs, now, checked, templates)
        if meanwhile is not None and not report.has_errors():
            meanwhile(content, graph, report)
        return graph
    graph_told = Report()
    stopped = False
    broken: Exception | None = None
    with apart:
        try:
            graph = _site_graph(options, config, content, graph_told, slugs, now, checked, templates)
        except Exception as failure:  # noqa: BLE001 - told below: the checks' errors, or raised again
            # The graph is made from content the checks have not passed yet, which assumes what they check: a page
            # naming a unit or series with no file (unit: anwan-cun) stops it with a KeyError, and the checks tell
            # that page and the line to type.
            broken = failure
        else:
            if meanwhile is not None and not graph_told.has_errors():
                try:
                    meanwhile(content, graph, graph_told)
                except SiteError:  # its problems are in graph_told
                    stopped = True
        withdrawn, added = apart.result()
    for problem in withdrawn:  # as the checks did in the child (nothing, when they ran here)
        report.withdraw(problem)
    report.extend(added)
    if report.has_errors():
        return None
    if broken is not None:  # checked content that the graph cannot be made of: a fault of sitegen's own
        raise broken
    report.extend(graph_told.problems)
    if stopped:
        raise SiteError(report.problems)
    return graph


def _published_at(options: BuildOptions, config: Config) -> str:
    """The base URL the site is built to be published at when that is a public address
    (`sitegen.config.is_public_address`), else "": an example or local address, or a preview (``include_drafts``),
    which is no publishing."""
    return config.base_url if not options.include_drafts and is_public_address(config.base_url) else ""


def _slug_book(options: BuildOptions, config: Config) -> SlugBook:
    """The slug book of the build cache (tag slugs of earlier builds; see `sitegen.slugs.SlugBook`)."""
    cache = options.cache_folder(config)
    return SlugBook(cache / SLUG_BOOK if cache is not None else None, code_fingerprint())


def _load_content(options: BuildOptions, config: Config, report: Report, slugs: SlugBook) -> Content:
    """Load the content (`load_content`) with the slugs of earlier builds from the slug book.

    The readings of unit names made while loading go into the book at
    once, before any check can stop the build: the next build, or the
    next attempt after fixing an error, finds them there and does not
    start pypinyin for them again.
    """
    content = load_content(config, report, workers=options.workers, cache_folder=options.cache_folder(config),
                           known_slugs=slugs.stored)
    slugs.keep(content.readings)
    slugs.save(partial=True)
    return content


def _checked_urls(options: BuildOptions, config: Config) -> Urls:
    """The `Urls` the links and pictures of the pages' text are checked by: of site.yaml's ``base_url`` for
    ``as_published`` with ``base_url`` given (the preview's own address), else of the build's ``base_url``.
    A site.yaml whose ``base_url`` is refused (the given one stood in for it) is checked by the build's."""
    if options.as_published and options.base_url is not None:
        try:
            return Urls(load_config(options.root, Report(), output_dir=options.output).base_url)
        except SiteError:
            pass
    return Urls(config.base_url)


def _site_graph(options: BuildOptions, config: Config, content: Content, report: Report,
                slugs: SlugBook, now: datetime, checked: Urls | None = None,
                templates: Mapping[str, str] | None = None) -> SiteGraph:
    """Build the site graph, with tag slugs from (and added to) the slug book and those made while loading, each
    tag at the address the last build published it at (`sitegen.addresses.AddressBook.tags`).

    A file under content/ at the path of a file sitegen writes is an error here
    (`sitegen.site.check_content_assets`), and a link to a place another page
    lacks a warning (the places its layout may give it: `layout_places`), and
    so is a heading given an id a site's own template adds
    (`sitegen.site.check_heading_ids`); the theme's own files are checked here too (`_check_theme`, with the paths
    of every file the build writes), so that check and build both say them.
    ``templates``: the used templates' texts when already read (check reads
    them first); else they are read here.
    """
    slugs.learn(content.tag_slugs)

    def published_tags() -> Mapping[str, str]:
        record = _address_record(options, config)
        return record[1].tags if record is not None else {}

    graph = build_site(config, content, now, report, include_drafts=options.include_drafts, slugger=slugs,
                       former=lambda: _former_addresses(options, config), layout=lambda: layout_places(config),
                       checked=checked, published_tags=published_tags)
    slugs.save()
    if len(theme_dirs(config)) > 1:  # the site's own templates may add ids; the default theme's no heading has
        published = {entry.document.path for entry in graph.interviews + graph.cases}
        check_heading_ids(graph, report, layout_places(config), [
            document for document in content.interviews + content.cases if document.path not in published])
    copies = theme_asset_copies(config)  # each theme file is published as itself and as its copy
    theme = {**{own: own for own in copies}, **{copy: own for own, copy in copies.items()}}
    open_data = open_data_paths(graph)
    check_content_assets(graph, report, theme=theme, open_data=open_data,
                         data_package=DATAPACKAGE_PATH, search_folder=SEARCH_FOLDER)
    written = {*(page.output for page in graph.pages), *(output_path(feed.url) for feed in all_feeds(graph)),
               output_path(graph.links.sitemap), output_path(graph.links.robots), *open_data, *theme,
               *(rel.split("/", 1)[1] for rel in graph.assets)}
    _check_theme(config, report, templates, written)
    return graph


def _check_theme(config: Config, report: Report, templates: Mapping[str, str] | None = None,
                 written: Collection[str] | None = None) -> None:
    """Check the theme's own files: their encoding and names (`sitegen.themefiles`), what their markup keeps
    for readers (`sitegen.themeaccess`) and the links they type (`sitegen.themelinks`).

    ``templates`` are the used templates' texts, read here when None.
    ``written`` holds the output path of every file the build writes; None
    when the content's errors stopped the site graph (a check): the links
    are then checked for their form only, not for the files they name.
    """
    if templates is None:
        templates = read_templates(theme_dirs(config), report)
    check_override_names(config.root / "templates", default_theme_dir(), templates, report)
    check_template_access(templates, config.language, report)
    stylesheets = read_stylesheets(theme_files(config), report)
    check_template_links(literal_links(templates, stylesheets), written, report, generated_folders={SEARCH_FOLDER})


def check(options: BuildOptions) -> CheckResult:
    """Load and validate the whole site without writing its output.

    It fills the build cache (``.sitegen-cache/``: converted Markdown,
    loaded pages, tag slugs) as a build does, so the next build or check
    starts from it.

    Returns every problem (errors and warnings, sorted by file and line)
    and the scheduled pages. Raises nothing for bad input.
    """
    report = Report()
    held: list[Document] = []
    unpublished: list[Document] = []
    with collector_paused(freeze_after=options.process_ends):
        whole = _check(options, report, held, unpublished)
    return CheckResult(report.sorted(), held, unpublished, whole)


def _check(options: BuildOptions, report: Report, held: list[Document], unpublished: list[Document]) -> bool:
    """The stages of `check`; True when they reached the site graph's checks."""
    whole = False
    try:
        config = load_config(options.root, report, base_url=options.base_url, output_dir=options.output,
                             stand_in=True)
        try:
            # A build would refuse it: said now, with the rest.
            _check_output(config, report, options.output, keep_other_site=options.keeps_other_site)
        except SiteError:
            pass
        templates = read_templates(theme_dirs(config), report)
        slugs = _slug_book(options, config)
        content = _load_content(options, config, report, slugs)
        now = _now(config, options)
        held += scheduled(content.interviews + content.cases, now)
        unpublished += drafts(content.interviews + content.cases)
        checked = _checked_urls(options, config)
        graph = _checked_graph(options, config, content, report, slugs, now, checked, templates)
        if graph is not None:  # the site graph finds URL clashes with generated pages
            _addresses(options, content, graph, report)  # what a build would warn of moved pages; nothing kept
            whole = True
        else:
            _check_theme(config, report, templates)
        # A build meets these as it renders; a check renders nothing.
        _check_templates(config, templates, report, options.cache_folder(config))
    except SiteError:
        pass
    return whole


TEMPLATES_CHECKED = "templates-checked.json"
"""In the build cache: a digest of the templates last compiled by a check, with sitegen's code, and the problems
compiling them found (`_check_templates`)."""


def _check_templates(config: Config, templates: Mapping[str, str], report: Report, cache: Path | None) -> None:
    """`sitegen.render.check_templates`, or what it found the last time the same templates were checked.

    Check and build both run it, before any page is rendered, so a build tells a template's mistake as check
    does. Compiling every template took 0.2 s of the 0.25 s a check of the example site spends after its imports
    (on a 2-core machine), at every check, though editors change pages, not the theme. The problems found are
    kept in the build cache (``cache``; None: none kept) with a digest of every template's name and text and of
    sitegen's code and libraries (`sitegen.fresh.code_fingerprint`), and given again while those are the same.
    A record that cannot be read is no record; one that cannot be written is left out.
    """
    key = digest(code_fingerprint().encode(), *(part.encode("utf-8", "surrogatepass")
                                                 for name in sorted(templates) for part in (name, templates[name])))
    record = cache / TEMPLATES_CHECKED if cache is not None else None
    if record is not None:
        try:
            kept = json.loads(record.read_text(encoding="utf-8"))
            if kept["key"] == key:
                report.extend(Problem(**{**found, "span": tuple(found["span"]) if found["span"] else None})
                              for found in kept["problems"])
                return
        except (OSError, ValueError, TypeError, KeyError):
            pass
    found = Report()
    check_templates(config, templates, found)
    report.extend(found.problems)
    if record is not None:
        replace_file(record, json.dumps({"key": key, "problems": [dataclasses.asdict(problem)
                                                                  for problem in found.problems]}, ensure_ascii=False))


def _published_files(options: BuildOptions, config: Config) -> dict[str, str]:
    """The page, unit and series files the last build into the published output folder published
    (`_address_record`), each with its title or name: of two pages with one text, the one among them is the
    original (`sitegen.checks.check_copied_pages`), and a unit or series among them that a page names and that
    has no file now was deleted or moved since (`sitegen.checks.check_references`); none without a cache or a
    build."""
    record = _address_record(options, config)
    return {rel: known.title for rel, known in record[1].pages.items()} if record is not None else {}


def _held_back(options: BuildOptions, config: Config) -> frozenset[str]:
    """The page files among `_published_files` that the last build into the published output folder held back, a
    draft or a page scheduled for later (`sitegen.addresses.Known.held`): off the site since, as that build told
    (`sitegen.checks.check_taken_off`); none without a cache or a build."""
    record = _address_record(options, config)
    return frozenset(rel for rel, known in record[1].pages.items() if known.held) if record is not None else frozenset()


def _published_tallies(options: BuildOptions, config: Config) -> PublishedTallies:
    """The tallies the last build into the published output folder published, from its open data
    (`sitegen.outputs.opendata.read_published_tallies`): a preview (drafts included: `sitegen serve`, into a
    folder of its own) compares with the folder ``site.yaml`` names, where a build publishes, not with its own
    last preview. Empty when that folder holds no such build."""
    output = published_folder(options.root) if options.include_drafts else config.output_path
    try:
        shown = output.relative_to(config.root.resolve()).as_posix() + "/"
    except ValueError:
        shown = str(output)
    return PublishedTallies(shown, read_published_tallies(output))


def _published(options: BuildOptions, config: Config) -> Published:
    """What the last build into the published output folder published (`Published`, from `_address_record`);
    empty without a cache or a build."""
    record = _address_record(options, config)
    if record is None or not record[1].pages:
        return Published()
    book = record[1]
    key = digest(json.dumps([sorted(book.pages.items()), sorted(book.patterns.items())],
                            ensure_ascii=False).encode("utf-8", "surrogatepass"))
    # Decoded, as the preview reads a request's path: an alias may be typed percent-encoded.
    return Published(frozenset(unquote(address) for address in _addresses_of(book)), key,
                     {rel: known.title for rel, known in book.pages.items()},
                     {rel: unquote(known.url) for rel, known in book.pages.items()},
                     {rel: unquote(known.was) for rel, known in book.pages.items() if known.was})


def _former_addresses(options: BuildOptions, config: Config) -> dict[str, str]:
    """The addresses the pages had in the last build into the published output folder (`_address_record`), the
    old addresses they kept there (``aliases:``) and the ones they had before their last move: ``{site path: page
    file}`` (`sitegen.addresses.AddressBook`); empty without a cache."""
    record = _address_record(options, config)
    return _addresses_of(record[1]) if record is not None else {}


def _addresses_of(book: AddressBook) -> dict[str, str]:
    """``{site path: page file}`` of every address the record ``book`` keeps: each page's, the old addresses it
    kept (``aliases:``) and the one it had before its last move."""
    former = {known.was: rel for rel, known in book.pages.items() if known.was}
    former.update((alias, rel) for rel, known in book.pages.items() for alias in known.aliases)
    former.update((known.url, rel) for rel, known in book.pages.items())
    return former


def _address_record(options: BuildOptions, config: Config) -> tuple[Path, AddressBook, Path | None] | None:
    """The address record (`sitegen.addresses.read_address_record`) of builds into ``config``'s output folder,
    or for a preview (drafts included: `sitegen serve`, into a folder of its own), of the folder ``site.yaml``
    names, the one a build publishes; None without a build cache, or when ``site.yaml`` no longer reads."""
    cache = options.cache_folder(config)
    if cache is None:
        return None
    output = config.output_path
    if options.include_drafts and options.output is not None:
        try:
            output = load_config(options.root, Report()).output_path
        except SiteError:  # the preview's --output hid a broken output_dir: the build will say it
            return None
    return read_address_record(cache, output, config.root)


def _addresses(options: BuildOptions, content: Content, graph: SiteGraph,
               report: Report) -> tuple[Path, AddressBook, Path | None] | None:
    """Warn of the pages whose address moved since the last build into the same output folder, and of the drafts it
    published, which this build takes off (`sitegen.addresses`).

    One record serves every build into one output folder, whatever its base URL or search index
    (a page's site path depends on neither: publishers build with --base-url, editors check
    without it), so a trial build into another folder neither warns for nor hides what the
    published folder's next build will do. A preview (`sitegen serve`, with drafts) compares with
    the record of the published folder and keeps none: it publishes nothing, so an address it
    shows is no former address, and a draft or scheduled page (``held`` by `AddressBook.of`) is
    never warned of a move; a draft the published folder's last build published is warned as
    taken off, by the preview too, until a build publishes that (`drafts_taken_off`). Returns
    where the record is kept, this build's addresses and where the record was read from when
    elsewhere (`sitegen.addresses.read_address_record`), for the build to keep
    once it succeeds; None without a build cache, for a preview, or when the record holds these
    addresses already in its place (an edit that moved nothing, such as a template's or a tally's:
    nothing to warn of or write).
    """
    record = _address_record(options, graph.config)
    if record is None:
        return None
    path, before, older = record
    records = {view.url: content.units[view.unit.id].path for view in graph.units if view.unit.id in content.units}
    records.update((view.url, content.series[view.series.id].path) for view in graph.series
                   if view.series.id in content.series)
    documents = content.interviews + content.cases
    held = {document.path for document in drafts(documents) + scheduled(documents, graph.now)}
    now = AddressBook.of(graph, before, records, held)
    if now == before and older is None:
        return None
    drafts_taken_off(graph, before, drafts(documents), held, report)
    kept = moved_pages(graph, {d.path for d in documents} | set(records.values()), before, now, report,
                       lambda keys: setting_place(graph.config.root, keys), dict(options.shown_as))
    return None if options.include_drafts else (path, kept, older)


def check_site_output(output: Path, root: Path) -> None:
    """Refuse an output folder that writing would harm (`sitegen.write.check_output_folder` with the
    folders of the site at ``root``): the site folder, its content/ or templates/ or a folder above them,
    a folder inside content/, templates/ or data/, the home folder or /. Raises `UnsafeOutputError`."""
    sources = [root / "content", root / "templates", root / "data"]
    check_output_folder(output, [root, *sources[:2]], sources, root=root)


def published_folder(root: Path) -> Path:
    """The folder ``sitegen build`` publishes the site at ``root`` into: ``output_dir`` of its site.yaml, or
    ``output`` when site.yaml does not read (its own problems are told where it is read). Raises nothing."""
    try:
        return load_config(root, Report()).output_path
    except SiteError:
        return (root / "output").resolve()


def check_not_in_published(output: Path, root: Path) -> None:
    """Refuse ``--output`` (the folder ``output``, of the site at ``root``) inside the folder a plain build
    publishes (`published_folder`): the next build carries that copy of the site, and its lock files, along
    as files of its own and publishes them. Raises `UnsafeOutputError`, with a hint offering a folder of its
    own and, as a sub-path is what such a folder was most often meant to try, the address to build it for."""
    published = published_folder(root)
    if output == published or not output.is_relative_to(published):
        return

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() + "/" if path.is_relative_to(root) else str(path)
    raise UnsafeOutputError(
        f"refusing to write the site into {shown(output)}: it is inside {shown(published)}, the folder sitegen build "
        "publishes, and the next build would publish it with the site",
        f"choose a folder outside {shown(published)}, e.g. --output preview (to try the site under a sub-path, give "
        f"the path to --base-url: --output preview --base-url http://127.0.0.1:8000/"
        f"{output.relative_to(published).as_posix()}/)")


def site_identity(config: Config) -> SiteIdentity:
    """What names the site of ``config`` in its output's manifest: its folder's digest, its title and the base URL it
    is built for."""
    return SiteIdentity(folder_digest(config.root), config.title, config.base_url, root=config.root.resolve())


def _check_output(config: Config, report: Report, option: str | None, *, keep_other_site: bool = False) -> None:
    """Refuse an unsafe output folder, blaming ``--output`` when it came from the command line (``option``); with
    ``keep_other_site``, one holding another site's published output too (`sitegen.write.OtherSiteError`)."""
    try:
        check_site_output(config.output_path, config.root)
        if option is not None:
            check_not_in_published(config.output_path, config.root)
        site = site_identity(config)
        if keep_other_site and (found := other_site(config.output_path, site)) is not None:
            raise OtherSiteError(config.output_path, found, site)
    except UnsafeOutputError as refusal:
        if option is not None:
            report.error("", None, None, f"--output {option}: {refusal}",
                         refusal.hint or "choose a folder of its own, e.g. --output output")
        else:
            report.error("site.yaml", *setting_place(config.root, ("output_dir",)), str(refusal),
                         refusal.hint if isinstance(refusal, OtherSiteError)
                         else "choose an output folder of its own, e.g. output_dir: output")
        raise SiteError(report.problems) from None


def _publish(config: Config, files: dict[str, FileData], report: Report,
             finish: Callable[[Path], None] | None = None,
             refill: Callable[[list[str]], dict[str, bytes]] | None = None, from_spare: bool = True,
             keep_other_site: bool = False) -> WriteResult:
    try:
        # After an upgrade that changes only what is indexed, the pages are the same bytes: the index is not.
        current = finish is None or index_made_as_now(config.output_path / SEARCH_FOLDER)
        return publish(config.output_path, files, finish=finish,
                       derived=SEARCH_FOLDER + "/" if finish is not None else None, refill=refill,
                       from_spare=from_spare, derived_current=current, site=site_identity(config),
                       keep_other_site=keep_other_site)
    except SearchIndexError as failure:
        report.error("", None, None, f"could not build the search index: {failure}",
                     "the previous output was left as it was")
    except OutputBusyError as busy:
        report.error("", None, None, str(busy), "only one build may write the output folder at a time")
    except UnsafeOutputError as refusal:
        report.error("", None, None, str(refusal), refusal.hint or "the previous output was left as it was")
    except OSError as failure:
        report.error("", None, None, f"could not write the output: {failure}", _write_failure_hint(
            failure, config.output_path))
    raise SiteError(report.problems)


def _write_failure_hint(failure: OSError, output: Path) -> str:
    """What to do when publishing into ``output`` failed with ``failure``.

    A build writes beside the output folder too (its lock file, the folder
    the new site is staged in and the spare, `sitegen.write`): a user who
    may write only into the output folder itself, as a deploy user of a web
    folder often may, is told so, with the folder.
    """
    left = "the previous output was left as it was"
    named = Path(failure.filename) if isinstance(failure.filename, str) else None
    if isinstance(failure, PermissionError) and named is not None and named.parent == output.parent \
            and named != output:
        return (f"a build writes beside the output folder too, in {output.parent} (its lock file, the new site "
                "before it is swapped in, and the site before): let the user who builds write there, or build "
                f"into a folder of its own and copy it; {left}")
    return f"check the disk space and the folder's permissions; {left}"


def _index_for_search(graph: SiteGraph, published: Path) -> Callable[[Path], None]:
    """The last step before the swap: index the staged site's interviews, cases and units for search."""
    def finish(staging: Path) -> None:
        index_site(staging, searchable_pages(graph.pages), previous=published)
    return finish


@dataclass(frozen=True)
class RenderPlan:
    """Which pages and feeds a build renders, and which it keeps as published.

    ``fingerprints`` maps output paths (pages and feeds) to their
    fingerprints (`sitegen.depends`); ``kept_pages``/``kept_feeds`` are
    the files whose fingerprint and published file are as the last build
    left them; ``pages``/``feeds`` are to be rendered. ``published`` maps
    each page to render whose published file is as the last build left it
    to ``(digest of its bytes, Kept)`` (see `sitegen.render.render_outputs`);
    ``digests`` holds the digests of the kept pages. ``reads_clock`` is
    True when a layout reads the build's clock (``site.now``). ``record``
    is where the fingerprints are kept for the next build (None without a
    build cache). ``fingerprints_later``: nothing was published by an
    earlier build, so everything is rendered and the fingerprints, needed
    only for the record, are still to be made (`fingerprint_outputs`), while
    the pages render. ``kept_sitemap`` holds ``sitemap.xml`` and
    ``robots.txt`` when both are kept as published (empty: make them);
    ``kept_open_data`` the open data files and ``datapackage.json`` alike.
    """

    record: Path | None
    fingerprints: dict[str, str]
    kept_pages: dict[str, Kept]
    kept_feeds: dict[str, Kept]
    pages: list[Page]
    feeds: list[Feed]
    reads_clock: bool
    published: dict[str, tuple[str, Kept]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    fingerprints_later: bool = False
    kept_sitemap: dict[str, Kept] = field(default_factory=dict)
    kept_open_data: dict[str, Kept] = field(default_factory=dict)


def fingerprint_outputs(graph: SiteGraph, env: jinja2.Environment, feeds: list[Feed],
                        cache: Path) -> tuple[dict[str, str], bool]:
    """The fingerprint of every page and feed, ``{output path: fingerprint}``, and whether a layout reads the clock.

    The templates' analyses are kept in the build cache for the next build (`sitegen.depends`).
    Whether the pages offer search and whether the build makes its index (the environment's
    ``search_index`` and ``search_built``) are inputs every page shares: the menu links to the
    search page only when the site offers search, which loads the index only when there is one.
    So are the fingerprinted names of the theme's files (``fingerprinted_assets``), which every page links,
    and whether the site's feed and the case studies' are written (`sitegen.site.SiteGraph.has_feed`).
    """
    known = load_known_templates(cache)
    templates = TemplateDependencies(env, known)
    search = "search index" if env.globals.get("search_index", True) else "no search index"
    built = "index built" if env.globals.get("search_built", True) else "index not built"
    # Every page links the theme's files by their fingerprinted names: a changed stylesheet changes them all.
    assets = repr(sorted(env.globals.get("fingerprinted_assets", {}).items()))
    # Every page's head announces the site's feed, written only once an interview is published (the case
    # studies' feed likewise): whether each is written is an input every page shares.
    feeds_written = repr((graph.has_feed, graph.has_cases_feed))
    prints = Fingerprints(graph, templates, build_fingerprint(graph.config, [search, built, assets, feeds_written]))
    made = {output_path(feed.url): prints.feed(feed.title, feed.page_url, feed.url, feed.entries) for feed in feeds}
    made.update((page.output, prints.page(page)) for page in graph.pages)
    # The files of the sitemap, and those of the open data (hundreds: a few per unit), are made together from one
    # fingerprint each, taken once.
    made.update(dict.fromkeys(_sitemap_paths(graph), prints.sitemap()))
    made.update(dict.fromkeys(open_data_paths(graph), prints.open_data()))
    if templates.analyses() != known:
        save_known_templates(cache, templates.analyses())
    return made, prints.reads_clock


def plan_render(graph: SiteGraph, env: jinja2.Environment, feeds: list[Feed], cache: Path | None) -> RenderPlan:
    """Decide which pages and which of ``feeds`` to render: all of them without a build cache (``cache`` None)
    or without a record of an earlier build (then with ``fingerprints_later``)."""
    if cache is None:
        return RenderPlan(None, {}, {}, {}, list(graph.pages), feeds, False)
    record = rendered_record_path(cache, graph.config.output_path)
    previous = load_rendered(record)
    if not previous:
        return RenderPlan(record, {}, {}, {}, list(graph.pages), feeds, False, fingerprints_later=True)
    fingerprints, reads_clock = fingerprint_outputs(graph, env, feeds, cache)
    output = os.path.join(graph.config.output_path, "")  # a string sum per page costs less than a path object

    def as_published(path: str, before: Rendered) -> Kept | None:
        """The published file when it is as the last build left it (``before``'s stamp), else None."""
        stamp = before.stamp
        try:
            return Kept(stamp) if stamp.matches(os.lstat(output + path)) else None
        except OSError:
            return None

    def unchanged(path: str) -> Kept | None:
        before = previous.get(path)
        return as_published(path, before) if before is not None and before.fingerprint == fingerprints[path] else None

    kept_pages: dict[str, Kept] = {}
    digests: dict[str, str] = {}  # of the kept pages, as recorded
    # A page to render whose file is as published may come out the same (a template edit that
    # changes no page's bytes): rendering then hands back the published file instead of writing it.
    published: dict[str, tuple[str, Kept]] = {}
    pages: list[Page] = []
    for page in graph.pages:  # each published file is looked at once
        path = page.output
        before = previous.get(path)
        if before is not None:
            if before.fingerprint == fingerprints[path]:
                if kept := as_published(path, before):
                    kept_pages[path] = kept
                    digests[path] = before.digest
                    continue
            elif before.digest and (kept := as_published(path, before)):
                published[path] = (before.digest, kept)
        pages.append(page)
    feed_paths = [output_path(feed.url) for feed in feeds]
    kept_feeds = {path: kept for path in feed_paths if (kept := unchanged(path))}
    sitemap_paths = _sitemap_paths(graph)
    kept_sitemap = {path: kept for path in sitemap_paths if (kept := unchanged(path))}
    open_data = open_data_paths(graph)
    kept_open_data = {path: kept for path in open_data if (kept := unchanged(path))}
    return RenderPlan(record, fingerprints, kept_pages, kept_feeds, pages,
                      [feed for feed, path in zip(feeds, feed_paths) if path not in kept_feeds], reads_clock,
                      published, digests,
                      kept_sitemap=kept_sitemap if len(kept_sitemap) == len(sitemap_paths) else {},
                      kept_open_data=kept_open_data if len(kept_open_data) == len(open_data) else {})


def _sitemap_paths(graph: SiteGraph) -> list[str]:
    """The output paths of the files `sitegen.outputs.sitemap` makes together: sitemap.xml, robots.txt."""
    return [graph.links.sitemap.lstrip("/"), graph.links.robots.lstrip("/")]


def build(options: BuildOptions, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the site into its output folder.

    Takes the options and optionally ``progress``, called with the name of
    each stage as it starts ("reading", "rendering", "writing"; the command
    line shows it). Returns a `BuildResult`. Raises `SiteError` with every
    problem when the input has errors (the output folder is then untouched)
    or the output folder is unsafe.

    With the build cache, a page is rendered only when its fingerprint
    (`sitegen.depends`: its inputs, layout and the site parts it reads)
    differs from the last build's or its published file was changed since;
    the others are kept as published. The result is the same bytes as a
    clean build. A page whose address moved since the last build with
    these options is warned (`sitegen.addresses`; the record is kept when
    the build succeeds). The cyclic garbage collector is paused meanwhile
    (`sitegen.workers.collector_paused`).
    """
    with collector_paused(freeze_after=options.process_ends):
        return _build(options, progress)


def _build(options: BuildOptions, progress: Callable[[str], None] | None) -> BuildResult:
    started = time.perf_counter()
    stage = progress or (lambda name: None)
    report = Report()
    stage("reading")
    inputs = build_inputs(options) if options.cache else None
    prepared: list[_Prepared] = []
    config, content, graph = load_and_check(options, report, writing=True, meanwhile=lambda content, graph, told: (
        prepared.append(_prepare_render(options, content, graph, told))))
    stage("rendering")
    cache = options.cache_folder(config)
    addresses, env, feeds, plan = prepared[0]
    digests = dict(plan.digests)  # of every page published, for the next build (`plan_render`)
    later: list[tuple[dict[str, str], bool]] = []
    with _scratch_folder(cache) as scratch:
        pages, extras = render_outputs(
            graph, env, report, options.workers, plan.pages,
            output_jobs(graph, plan.feeds, sitemap=not plan.kept_sitemap, open_data=not plan.kept_open_data), scratch,
            published=plan.published, digests=digests,
            meanwhile=(lambda: later.append(fingerprint_outputs(graph, env, feeds, cache)))
            if plan.fingerprints_later and cache is not None else None)
        if later:
            plan = dataclasses.replace(plan, fingerprints=later[0][0], reads_clock=later[0][1])
        # No two of these share a path, so their order does not matter: sitegen's own files never do
        # (permalinks and aliases are checked), and a content asset at the path of one of them is an
        # error of the site graph (`_site_graph`).
        files: dict[str, FileData] = {**extras, **plan.kept_feeds, **plan.kept_sitemap, **plan.kept_open_data,
                                      **copy_assets(graph), **pages, **plan.kept_pages}
        if options.include_drafts:  # a preview: `sitegen serve` then never takes the folder for a published one
            files[PREVIEW_MARK] = PREVIEW_MARK_TEXT
        if report.has_errors():
            raise SiteError(report.problems)
        stage("writing")
        written = _write(config, graph, env, feeds, files, report, options)
        if options.include_drafts:  # the mark is no file of the site: the preview counts what a build would
            written = dataclasses.replace(written, files=written.files - 1, changed_paths=tuple(
                path for path in written.changed_paths if path != PREVIEW_MARK))
    held = scheduled(content.interviews + content.cases, graph.now)
    unpublished = [] if options.include_drafts else drafts(content.interviews + content.cases)
    if plan.record is not None and cache is not None and inputs is not None:
        # One look at the published files serves both records; publishing already looked at most.
        status = output_status(config.output_path, written.status) or {}
        save_rendered(plan.record, plan.fingerprints, status, digests)
        # The next moment the same inputs make other bytes: a scheduled page goes live, a milestone's day comes.
        moments = [d.meta.date for d in held] + [day for day in [next_milestone_day(graph)] if day is not None]
        due = 0.0 if plan.reads_clock else min(
            (moment.replace(tzinfo=config.zone).timestamp() for moment in moments), default=None)
        record_fresh(record_path(cache, _options_key(options)), inputs, output=config.output_path, due=due,
                     status=status or None,
                     last=LastBuild(_page_count(graph), written.files, str(config.output_path),
                                    report.standing_warnings,
                                    [(d.path, publish_time_text(d.meta.date)) for d in held],
                                    [d.path for d in unpublished], config.base_url))
    if addresses is not None:  # kept only now: a build that failed warns again next time
        _keep_addresses(*addresses)
    return BuildResult(config, _page_count(graph), written.files, written.changed, written.removed,
                       time.perf_counter() - started, report.warnings, held, content.converted,
                       tuple([page.output for page in plan.pages] + [output_path(f.url) for f in plan.feeds]),
                       written.changed_paths, written.removed_paths, _documents(content, graph),
                       _sources(content, graph), _titles(content), unpublished,
                       _published(options, config) if options.include_drafts else Published())


class _Prepared(NamedTuple):
    """What a build decides before rendering (`_prepare_render`)."""

    addresses: tuple[Path, AddressBook, Path | None] | None
    env: jinja2.Environment
    feeds: list[Feed]
    plan: RenderPlan


def _prepare_render(options: BuildOptions, content: Content, graph: SiteGraph, report: Report) -> _Prepared:
    """Warn of moved addresses (`_addresses`), check the templates, make the environment, the feeds and the render
    plan: a build's work between the site graph and rendering. It reads the output folder and the build cache and
    writes neither (but the templates' analyses and checks, kept in the cache for the next build), so it may run
    while the checks do (`load_and_check`). Raises `SiteError` with the report's problems when a template has an
    error."""
    config = graph.config
    addresses = _addresses(options, content, graph, report)
    cache = options.cache_folder(config)
    # What stops a template is told as check tells it, at its line (a macro imported by a misspelt name, not
    # "undefined" where it is used), before any page is rendered; taken from the cache while no template changed.
    _check_templates(config, read_templates(theme_dirs(config), Report()), report, cache)
    if report.has_errors():
        raise SiteError(report.problems)
    env = make_environment(config, cache, code_fingerprint(),
                           search=options.search if options.offers_search is None else options.offers_search,
                           search_built=options.search)
    feeds = all_feeds(graph)
    return _Prepared(addresses, env, feeds, plan_render(graph, env, feeds, cache))


def _keep_addresses(path: Path, book: AddressBook, older: Path | None) -> None:
    """Keep a successful build's address record at ``path``, and remove the one it was read from at its
    ``older`` name, if any (an unwritable cache is ignored)."""
    book.save(path)
    if older is not None and path.exists():
        try:
            older.unlink()
        except OSError:
            pass


def _page_count(graph: SiteGraph) -> int:
    """The pages a build reports: every page but the redirect pages at old addresses (counted among files)."""
    return sum(1 for page in graph.pages if page.kind != "redirect")


def _sources(content: Content, graph: SiteGraph) -> dict[str, str]:
    """``{output path: source file}`` of the interviews, case studies and unit pages (see `BuildResult`)."""
    sources = {page.output: page.source for page in graph.pages if page.source and page.kind != "redirect"}
    for view in graph.units:
        if view.unit.id in content.units:
            sources[output_path(view.url)] = content.units[view.unit.id].path
    return sources


def _titles(content: Content) -> dict[str, str]:
    """``{source file: title}`` of the interviews and case studies, and ``{unit file: name}`` (see `BuildResult`)."""
    titles = {document.path: document.meta.title for document in content.interviews + content.cases}
    titles.update((unit.path, unit.record.name) for unit in content.units.values())
    return titles


def _documents(content: Content, graph: SiteGraph) -> dict[str, Document]:
    """``{output path: document}`` of the pages made from Markdown files (see `BuildResult`)."""
    by_source = {document.path: document for document in content.interviews + content.cases}
    return {page.output: by_source[page.source] for page in graph.pages
            if page.source in by_source and page.kind != "redirect"}


def _write(config: Config, graph: SiteGraph, env: jinja2.Environment, feeds: list[Feed],
           files: dict[str, FileData], report: Report, options: BuildOptions) -> WriteResult:
    """Publish the files; a kept file changed meanwhile is rendered again (see `sitegen.write.publish`)."""
    finish = _index_for_search(graph, config.output_path) if options.search else None
    pages = {page.output: page for page in graph.pages}
    feed_files = {output_path(feed.url): feed for feed in feeds}

    def refill(paths: list[str]) -> dict[str, bytes]:
        rendered = render_pages(graph, env, report, 1, [pages[p] for p in paths if p in pages])
        return {**{path: data for path, data in rendered.items() if isinstance(data, bytes)},
                **render_feeds(graph, [feed_files[p] for p in paths if p in feed_files and p not in pages]),
                **(render_sitemap(graph) if set(paths) & set(_sitemap_paths(graph)) else {}),
                **(render_open_data(graph) if set(paths) & set(open_data_paths(graph)) else {})}

    return _publish(config, files, report, finish=finish, refill=refill, from_spare=not options.clean,
                    keep_other_site=options.keeps_other_site)


SCRATCH = "render-{pid}"
"""Pages rendered by a build wait here, in the build cache, until they are published."""


@contextmanager
def _scratch_folder(cache: Path | None) -> Iterator[Path | None]:
    """A folder of the build cache for rendered pages, removed afterwards (None without a cache).

    Folders left by builds that were killed (their process is gone) are removed first.
    """
    if cache is None:
        yield None
        return
    for old in cache.glob(SCRATCH.format(pid="*")):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    folder = cache / SCRATCH.format(pid=os.getpid())
    try:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    except OSError:
        yield None  # an unwritable cache: pages stay in memory
        return
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _options_key(options: BuildOptions) -> str:
    return options_key(options.base_url, options.output, options.search, options.include_drafts)


def build_inputs(options: BuildOptions) -> Inputs:
    """Stamp what a build of this site reads: site.yaml, content/, data/, templates/, the theme, sitegen."""
    root = options.root.absolute()
    folders = [root / "content", root / "data", root / "templates", default_theme_dir().absolute(),
               Path(__file__).parent.absolute()]
    return Inputs.take([root / "site.yaml"], folders)
