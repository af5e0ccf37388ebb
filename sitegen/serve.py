"""Live preview: ``sitegen serve`` builds the site, serves its output folder and reloads open pages.

What happens, in order:

1. The listening socket is opened first (so ``--port 0`` can pick a free
   port), then the site is built once with drafts and scheduled pages
   included and ``base_url`` set to the server's own address.
2. A `Watcher` thread polls ``site.yaml``, ``content/``, ``templates/`` and
   ``data/`` (never the output folder, even when it sits inside one of them,
   nor hidden files and editor backups): a burst of saves is waited out
   (`ServeOptions.quiet`), then the site is rebuilt exactly once. A change
   made during a build is seen by the next poll, so it gets its own build.
3. After every build the open pages are told to reload.

Reloads use python-livereload's browser client (``livereload.js``, served by
livereload's own `LiveReloadJSHandler`) and its WebSocket handshake
(`ReloadSocket` subclasses livereload's `LiveReloadHandler`). What is *not*
used is livereload's change polling (``LiveReloadHandler.poll_tasks``): in
python-livereload 2.7.1 it drops a change seen less than
``DEFAULT_RELOAD_TIME`` (3 s) after the previous reload, logging ``Ignore``
and never telling the browser (lepture/python-livereload#264), and it keeps
its open pages in one class-wide set. Here `ReloadHub` holds each server's
own open pages and sends ``reload`` directly after each build, so no change
is ever swallowed. A page that connects after a build it did not see (it was
still loading) is told to reload at once.

While the site is broken (the last build stopped with errors), every HTML
page is answered with an error page (file, line, column, message, hint and
the source lines around it) that reloads by itself when the files are fixed;
the output folder keeps the last good build, as ``sitegen build`` leaves it.
Pages whose source is a draft or scheduled get a banner injected into the
response, never into the files: ``sitegen build`` never shows drafts. In the
same way, while the last good build has warnings, every page (the 404 page
too) gets the warnings panel of `sitegen.servepanel`, the page's own
warnings first; a warning the preview stops giving because a build
published meanwhile (a changed address, a file gone) stays listed until its
file is saved, deleted or comes back, or the address its file had then is
served again, and one mended from another file while nothing was
published (an alias that keeps a gone file's address) goes at once. A page's address
is compared with the last build into the published output folder, never
with an earlier preview: a draft's or a scheduled page's is never warned,
and a page reached at an address it no longer has is led to its new one,
with a banner only when that old address was published and nothing
serves it again (`SiteState.lost_address`).

Only files inside the output folder are served: ``..``, ``%2e%2e``,
backslashes, drive letters, empty segments and hidden names give 404, and a
resolved path must stay inside the folder (symbolic links included).

May import: lazyre, build, config, errors, fresh, load, models, servepanel, sources, write (and tornado, livereload,
the standard library).
"""

from __future__ import annotations

import asyncio
import errno
import html
import json
import logging
import mimetypes
import os
import posixpath
import re
import signal
import socket
import threading
import time
import traceback
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Callable, Mapping, Sequence
from urllib.parse import quote, unquote_to_bytes, urlencode, urlsplit

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.iostream import StreamClosedError
from tornado.netutil import bind_sockets
from tornado.websocket import WebSocketClosedError

from .build import BuildOptions, BuildResult, Published, build, check_site_output, published_folder
from .config import CONFIG_FILE, check_output_option, check_site_folder, load_config
from .errors import Problem, Report, SiteError
from .fresh import CACHE_DIR, PREVIEW_FOLDER
from .lazyre import compile_later
from .load import Document
from .models import publish_time_text
from .servepanel import ListedWarning, inject_panel, list_warnings, warnings_panel
from .sources import decode_for_display, is_skipped_name
from .write import (OutputClaimedError, UnsafeOutputError, check_claim, claim_output, published_by_build,
                    read_manifest)

WATCHED_FOLDERS = ("content", "templates", "data")
"""Folders of the site that are watched, besides ``site.yaml``."""

DRAFT_BANNER = "草稿 Draft — not published"
MOVED_FROM = "sitegen-moved-from"
"""The query parameter of a redirect from a page's old address (`SiteState.moved_to`), naming that address."""
HTML_SUFFIXES = (".html", ".htm")
CHUNK = 64 * 1024
RELOAD_MESSAGE = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}
_BODY_TAG = compile_later(rb"<body\b[^>]*>", re.IGNORECASE)
_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8", ".svg": "image/svg+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".ico": "image/x-icon", ".pdf": "application/pdf",
    ".woff2": "font/woff2", ".woff": "font/woff", ".wasm": "application/wasm",
}

Snapshot = dict[str, tuple[int, int, int]]
"""Watched files by path relative to the site root → (mtime in ns, size, inode)."""


# Where serve writes its preview: inside the build cache, never the published output/.
PREVIEW_OUTPUT = f"{CACHE_DIR}/{PREVIEW_FOLDER}"

@dataclass(frozen=True)
class ServeOptions:
    """How to serve: the site folder, the address, and the watcher's timing.

    ``port`` 0 picks a free port. ``output`` overrides the preview folder,
    which is ``.sitegen-cache/preview`` in the site folder by default: the
    preview (drafts, scheduled pages, links to 127.0.0.1) never lands in
    ``output/``, the folder that is published. ``interval`` is the time in
    seconds between two polls of the sources; ``quiet`` how many seconds the
    sources must stay unchanged before a rebuild starts (a burst of saves
    gives one build); ``longest`` bounds that wait, in seconds, when files
    keep changing. ``search`` True makes the search index at every build,
    as `sitegen build` does; by default the preview's pages offer search
    but no index is made (at 1,000 pages it is most of a rebuild's time).
    """

    root: Path
    host: str = "127.0.0.1"
    port: int = 8000
    output: str | None = None
    interval: float = 0.1
    quiet: float = 0.15
    longest: float = 2.0
    search: bool = False


def check_serve_folders(root: Path, output: str | None) -> None:
    """Refuse, before serving, what no save of a file could fix while the server runs.

    Takes the site folder and ``--output`` (None: the default preview
    folder). Raises `SiteError` when the folder does not exist or holds no
    ``site.yaml`` (the wrong folder: the server would show an error page
    forever), when ``--output`` is the published output folder or inside it (``output_dir``
    of ``site.yaml``, ``output`` when it cannot be read: the preview's drafts
    and links to 127.0.0.1 would be published) or any folder ``sitegen build``
    published into (`sitegen.write.published_by_build`), when ``--output`` would
    overwrite the sources, or when it holds files sitegen did not write
    (`sitegen.write.read_manifest`: the editor's own documents). A broken ``site.yaml`` is not refused: saving the
    fix brings the site back.
    """
    report = Report()
    check_site_folder(root, report)
    if not (root / CONFIG_FILE).is_file():
        load_config(root, report)  # raises with its "no site.yaml" problem
    if output is None:
        return
    check_output_option(output, report, "preview",
                        "leave --output out (the preview then goes to .sitegen-cache/preview/)")
    preview = (root / output).resolve()
    published = published_folder(root.resolve())
    hint = "leave --output out (the preview then goes to .sitegen-cache/preview/), or name a folder of its own, " \
           "e.g. --output preview"
    if preview.is_relative_to(published):
        inside = published.relative_to(root.resolve()).as_posix() + "/" if published.is_relative_to(
            root.resolve()) else str(published)
        where = "the folder" if preview == published else f"inside {inside}, the folder"
        report.error("", None, None, f"--output {output}: this is {where} sitegen build publishes; the preview "
                     "holds drafts and links to 127.0.0.1, and must never be published", hint)
        raise SiteError(report.problems)
    if published_by_build(preview):
        report.error("", None, None, f'--output: "{output}" holds the site sitegen build published; the preview '
                     "(drafts, links to 127.0.0.1) would replace it, and the next copy of that folder to the web "
                     "server would publish the preview", hint.replace("--output preview",
                                                                     f"--output {_free_folder(root)}"))
        raise SiteError(report.problems)
    try:
        check_site_output(preview, root)
        read_manifest(preview)  # a folder of the editor's files: refused now, not at every build
    except UnsafeOutputError as refusal:
        report.error("", None, None, f"--output {output}: {refusal}", hint)
        raise SiteError(report.problems) from None


def _free_folder(root: Path) -> str:
    """The first of ``preview``, ``preview2``, ``preview3``… that is no file or folder in the site folder ``root`` yet.

    Offered to a preview refused a folder ``sitegen build`` published into: the folder refused may be
    ``preview`` itself (one made by a sitegen older than the mark `sitegen.write.PREVIEW_MARK`)."""
    number = 1
    while (root / (name := "preview" if number == 1 else f"preview{number}")).exists():
        number += 1
    return name


def while_serving(problem: Problem) -> Problem:
    """Return ``problem`` with the hint that fits a preview already running.

    ``site.yaml`` existed when the server started (`check_serve_folders`),
    so a build that finds none means it was deleted or renamed meanwhile:
    the command-line hint ("run sitegen in a site folder…") does not apply.
    Every other problem is returned as it is.
    """
    if problem.path == CONFIG_FILE and problem.line is None and problem.message.startswith(f"no {CONFIG_FILE} "):
        return replace(problem, hint=f"{CONFIG_FILE} was deleted or renamed while the preview ran: put it back "
                                     "(undo the delete, or restore it from the recycle bin 回收站); the preview "
                                     "comes back as soon as it is there")
    return problem


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
"""``--host`` values that keep the preview to this computer."""

WILDCARD_HOSTS = ("0.0.0.0", "::")
"""``--host`` values that listen on every network the computer is on."""


def free_port_after(host: str, port: int, tries: int = 20) -> int | None:
    """The first of the ``tries`` ports after ``port`` that the preview could listen on at ``host`` now.

    Takes ``--host`` and the port that was asked for; returns a port number,
    or None when none of them is free (or ``host`` cannot be listened on).
    Each is tried as `DevServer.start` listens, so what is free here is free
    there, until another program takes it: it is offered as a hint, never used.
    """
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        try:
            sockets = bind_sockets(candidate, host or None)
        except OSError:
            continue
        for sock in sockets:
            sock.close()
        return candidate
    return None


def network_address(host: str, port: int) -> str | None:
    """Return the address another device (a phone on the same Wi-Fi) opens, or None for this computer only.

    Takes ``--host`` and the port listened on. For a wildcard host the
    computer's own network address is found by asking the system which one
    it would send from (no packet is sent); None when it has none (no
    network). A specific host is its own address. Raises nothing.
    """
    if host in LOOPBACK_HOSTS or host.startswith("127."):
        return None
    if host not in WILDCARD_HOSTS:
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routing is looked up, nothing is sent
            found = probe.getsockname()[0]
    except OSError:
        return None
    return None if found.startswith("127.") or found == "0.0.0.0" else f"http://{found}:{port}/"


@dataclass(frozen=True)
class BuildOutcome:
    """What one build of the dev server did, for the terminal.

    ``number`` counts builds from 1 (the first build at start). ``changes``
    are the source paths that triggered it (empty for the first). On
    success ``result`` is set and ``previews`` lists the draft and scheduled
    sources shown with a banner; on failure ``result`` is None, ``problems``
    holds every problem, and ``trace`` a Python traceback when the failure
    was a bug in sitegen rather than in the site.
    """

    number: int
    changes: tuple[str, ...]
    result: BuildResult | None
    problems: tuple[Problem, ...] = ()
    previews: tuple[str, ...] = ()
    trace: str = ""


@dataclass(frozen=True)
class SiteState:
    """What the server shows: the output folder, the last build's failure, banners and warnings.

    ``generation`` is the number of the build the state comes from.
    ``failure`` holds the problems of a failed build (empty when the site is
    good), those in the files whose change started the build first; ``banners`` maps output paths (``interviews/x/index.html``) of
    draft and scheduled pages to their banner text. ``warnings`` are those
    the pages' panel lists (`sitegen.servepanel.list_warnings`; a failed
    build leaves them as they were), ``sources`` maps output paths to
    the file each page comes from, so that a page lists its own first, and
    ``tags`` the links of draft and scheduled pages to the tag lists show
    after them (`mark_preview_links`), and ``moved`` the addresses pages had
    earlier while the server ran to their files (`moved_since`); ``titles`` the title of each page
    file (interviews and case studies; a unit's name), by which a renamed file is known (`moved_since`);
    ``published`` what the last build into the published output folder published
    (`sitegen.build.Published`): its addresses, the only ones a moved page's banner tells of
    (`lost_address`), and its files, which the editor may know by other names (`names_shown`).
    """

    generation: int
    output: Path
    failure: tuple[Problem, ...] = ()
    banners: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[ListedWarning, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)
    moved: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)
    published: Published = field(default_factory=Published)

    def moved_to(self, path: str) -> str | None:
        """The address the page once served at ``path`` (decoded, ``/interviews/旧/``) has now, or None.

        An editor who changes a title (or slug) has the page open at its old address: its reload then
        goes to the new one, not to "页面未找到".
        """
        source = self.moved.get(path if path.endswith("/") else path + "/")
        if source is None:
            return None
        return next((_page_path(output) for output, file in self.sources.items() if file == source), None)

    def lost_address(self, page: str, addresses: Sequence[str | None]) -> str | None:
        """The first of ``addresses`` (decoded; None and "" are skipped) that was published and leads to the page
        at ``page`` (``/interviews/x/``) in the preview only (`moved_to`), or None.

        Only such an address is worth a banner (`moved_banner`): one a page had in this preview alone, for
        seconds while its slug was typed, was never shared, and one served again (the move undone, or kept
        with ``aliases:``) is no longer lost. Nor is the published address of a page moved back to the one it
        had before (`sitegen.build.Published.was`), as the build's warning offers: the build does not warn of
        it (`sitegen.addresses.moved_pages`), and the banner would contradict it.
        """
        files = [file for output, file in self.sources.items() if _page_path(output) == page]
        back = {self.published.urls.get(file) for file in files if self.published.was.get(file) == page}
        return next((address for address in addresses if address
                     and (address if address.endswith("/") else address + "/") in self.published.addresses
                     and (address if address.endswith("/") else address + "/") not in back
                     and self.moved_to(address) == page), None)


def _page_path(output: str) -> str:
    """The address of the page written at ``output`` (``interviews/x/index.html`` → ``/interviews/x/``)."""
    return "/" + output.removesuffix("index.html")


def moved_since(before: SiteState, sources: Mapping[str, str], titles: Mapping[str, str]) -> dict[str, str]:
    """The old addresses of pages that moved while the server ran → their files (`SiteState.moved`).

    Takes the state served so far, the new build's ``sources`` (output path → file) and ``titles``
    (file → page title). Addresses served again by the new build are dropped; the others are kept,
    so a tab open at any earlier address of a page still finds it. A page file renamed between two
    builds (gone from a folder, and a new file in it with the same title, the only one: an editor
    renaming the file of the page open) is followed to its new name; a file deleted beside an
    unrelated new one is not.
    """
    served = {_page_path(output) for output in sources}
    moved = {**before.moved, **{_page_path(output): file for output, file in before.sources.items()}}
    gone = set(before.sources.values()) - set(sources.values())
    new = set(sources.values()) - set(before.sources.values())
    renamed = {}
    for old in gone:
        title = before.titles.get(old)
        same = [file for file in new if title is not None and titles.get(file) == title
                and posixpath.dirname(file) == posixpath.dirname(old)]
        if len(same) == 1:
            renamed[old] = same[0]
    return {path: renamed.get(file, file) for path, file in moved.items() if path not in served}


def names_shown(state: SiteState) -> tuple[tuple[str, str], ...]:
    """Each file the last published build had that the preview's last build showed under another name, with
    that name (`sitegen.build.BuildOptions.shown_as`): ``(("content/cases/a.md", "content/cases/b.md"),)``.

    Takes the state served. A file renamed since it was published (in this preview, or before it started) is
    known to the editor by its new name: deleted then, its page gone is told at that name, not at one the
    editor may never have seen. A published file the last build did not have is paired with the one file of
    that build in its folder, not published under its name, whose page has its title (a unit's name), as
    `moved_since` follows a renamed file. Raises nothing.
    """
    published = state.published.files
    # By folder and title: a site of 10,000 pages, all renamed, is looked through once, not once per file.
    unpublished: dict[tuple[str, str], list[str]] = {}
    for file, title in state.titles.items():
        if file not in published:
            unpublished.setdefault((posixpath.dirname(file), title), []).append(file)
    shown = []
    for old, title in sorted(published.items()):
        same = unpublished.get((posixpath.dirname(old), title), [])
        if old not in state.titles and len(same) == 1:
            shown.append((old, same[0]))
    return tuple(shown)


# --- watching -------------------------------------------------------------------------------


def take_snapshot(root: Path, skip: Sequence[Path] = ()) -> Snapshot:
    """Stat every watched source file of the site.

    Takes the site folder and folders never to look into (the output
    folder). Watches ``site.yaml`` and everything under ``content/``,
    ``templates/`` and ``data/``, following linked folders once; hidden
    files and folders and editor backups are left out. Returns a `Snapshot`.
    Raises nothing (a file that vanishes while being listed is left out).
    """
    found: Snapshot = {}
    _stat_into(found, root, root / CONFIG_FILE)
    skipped = {os.path.realpath(path) for path in skip}
    for folder in WATCHED_FOLDERS:
        start = root / folder
        if not start.is_dir():
            continue
        seen: set[str] = set()
        for current, folders, files in os.walk(start, followlinks=True):
            real = os.path.realpath(current)
            if real in seen or real in skipped:
                folders[:] = []
                continue
            seen.add(real)
            folders[:] = [name for name in folders if not is_skipped_name(name)]
            for name in files:
                if not is_skipped_name(name):
                    _stat_into(found, root, Path(current, name))
    return found


def _stat_into(found: Snapshot, root: Path, path: Path) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    found[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size, info.st_ino)


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    """Return the paths added, removed or modified between two snapshots, sorted."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


class Watcher:
    """A thread that polls the site's sources and reports each settled burst of changes once.

    ``on_change`` is called in the watcher's thread with the changed paths;
    the next poll starts only after it returns, and compares with the
    snapshot taken *before* it was called, so an edit made during a build
    starts exactly one more build. ``skip`` returns the folders never to
    look into (it is asked on every poll, as the output folder may move).
    Polling (not OS notifications) works alike everywhere; on a big site the
    pause between polls grows with the time a poll takes.
    """

    def __init__(self, root: Path, options: ServeOptions, skip: Callable[[], Sequence[Path]],
                 on_change: Callable[[list[str]], None]):
        self._root = root
        self._options = options
        self._skip = skip
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def snapshot(self) -> Snapshot:
        """Return the current snapshot of the watched files."""
        return take_snapshot(self._root, self._skip())

    def start(self, baseline: Snapshot) -> None:
        """Start polling; changes are counted from ``baseline``."""
        self._thread = threading.Thread(target=self._run, args=(baseline,), name="sitegen-watcher",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop polling and wait (at most ``timeout`` seconds) for a build in progress to end."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _report(self, changes: list[str]) -> None:
        try:
            self._on_change(changes)
        except Exception:  # noqa: BLE001 - the watcher must outlive any failure of one rebuild
            logging.getLogger(__name__).exception("sitegen serve: the rebuild after %s failed", changes)

    def _run(self, last: Snapshot) -> None:
        pause = self._options.interval
        while not self._stop.wait(pause):
            started = time.monotonic()
            current = self.snapshot()
            # On a big site a poll takes a while: poll less often, so as to use at most ~20% of a core.
            pause = max(self._options.interval, 4 * (time.monotonic() - started))
            if current == last:
                continue
            settled = self._settle(current)
            if settled is None:
                return
            changes = changed_paths(last, settled)
            last = settled
            if changes:
                self._report(changes)

    def _settle(self, current: Snapshot) -> Snapshot | None:
        """Wait until the files stop changing for ``quiet`` seconds (at most ``longest``)."""
        deadline = time.monotonic() + self._options.longest
        while not self._stop.wait(self._options.quiet):
            again = self.snapshot()
            if again == current or time.monotonic() > deadline:
                return again
            current = again
        return None


# --- what the pages show ----------------------------------------------------------------------


def banner_text(document: Document, now: datetime) -> str:
    """Return the preview banner of a draft or scheduled page, or "" for a published one.

    ``now`` is naive, in the site's time zone, like the ``date`` fields.
    """
    parts = []
    if document.meta.draft:
        parts.append(DRAFT_BANNER)
    if document.meta.date > now:
        parts.append(f"定时发布 Scheduled — {publish_time_text(document.meta.date)} 前不公开 "
                     "(not published before then)")
    return " · ".join(parts)


@dataclass(frozen=True)
class Previews:
    """The draft and scheduled pages of a site as served: banners by output path, their sources, and the
    tag each one's links get in the lists (`mark_preview_links`: link path → ``草稿 draft``)."""

    banners: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    tags: dict[str, str] = field(default_factory=dict)


def tag_text(document: Document, now: datetime) -> str:
    """The short tag a draft or scheduled page's links get in lists (``草稿 draft``, ``定时 scheduled``), or "".

    ``now`` is naive, in the site's time zone, like the ``date`` fields.
    """
    parts = (["草稿 draft"] if document.meta.draft else []) + (["定时 scheduled"] if document.meta.date > now else [])
    return " · ".join(parts)


def find_previews(result: BuildResult, now: datetime) -> Previews:
    """Return the banners of a build's draft and scheduled pages, and their source files.

    Takes the build's result (its ``documents``: the Markdown document of
    each page) and the current time (naive, in the site's time zone).
    Raises nothing.
    """
    banners: dict[str, str] = {}
    sources: set[str] = set()
    tags: dict[str, str] = {}
    for output, document in result.documents.items():
        text = banner_text(document, now)
        if text:
            banners[output] = text
            sources.add(document.path)
            if output.endswith("/index.html"):
                tags[quote(_page_path(output))] = tag_text(document, now)
    return Previews(banners, tuple(sorted(sources)), tags)


_LINK = compile_later(rb'<a\b[^>]*?\shref="(/[^"#?]*)"[^>]*>.*?</a>', re.IGNORECASE | re.DOTALL)


def mark_preview_links(page: bytes, tags: Mapping[str, str]) -> bytes:
    """Add after each link to a draft or scheduled page its tag (`Previews.tags`), as the preview shows it.

    In lists (the home page, a series, a unit, a tag) a draft looked like a
    published page: only the page itself had a banner. Takes the page's
    bytes and the tags by link path (root-relative, percent-encoded as the
    pages write links); returns the page with ``<span class=
    "sitegen-preview-tag">（草稿 draft）</span>`` after each such ``</a>``.
    Never reaches the files: `sitegen build` leaves drafts out.
    """
    if not tags:
        return page
    style = "margin-left:.3em;padding:0 .3em;background:#fff3b0;color:#3d2c00;font-size:.85em;font-weight:700"

    def marked(link: re.Match[bytes]) -> bytes:
        tag = tags.get(link.group(1).decode("utf-8", "replace"))
        if tag is None:
            return link.group(0)
        return link.group(0) + (f'<span class="sitegen-preview-tag" lang="zh-CN" style="{style}">'
                                f"（{html.escape(tag)}）</span>").encode()
    return _LINK.sub(marked, page)


def live_script(port: int) -> bytes:
    """Return the ``<script>`` tag that loads livereload's client (an external file: CSP-safe)."""
    return f'<script src="/livereload.js?port={port}"></script>'.encode()


def inject_live_script(page: bytes, port: int) -> bytes:
    """Add the livereload client before ``</head>`` (else before ``</body>``, else at the end)."""
    script = live_script(port)
    lowered = page.lower()
    for tag in (b"</head>", b"</body>"):
        at = lowered.find(tag)
        if at >= 0:
            return page[:at] + script + page[at:]
    return page + script


def banner_html(text: str) -> str:
    """Return the banner element shown at the top of a draft or scheduled page (escaped)."""
    style = ("margin:0;padding:.6em 1em;background:#fff3b0;color:#3d2c00;border-bottom:3px solid #b38600;"
             "font:700 1rem/1.5 system-ui,sans-serif;text-align:center")
    return (f'<div class="sitegen-preview-banner" role="note" lang="zh-CN" style="{style}">'
            f"{html.escape(text)}</div>")


def moved_banner(old: str, source: str | None) -> str:
    """The banner of a page reached at a published address it no longer has (``old``, decoded: `SiteState.lost_address`).

    The preview leads such an address to the page's new one, for the tab left open at it; a published
    site does not, so readers' links and bookmarks to it lead nowhere (404) once the page is published
    again. ``source`` is the page's file: an interview or a case study keeps an old address with
    ``aliases:``; a unit's or series' page only by its file's name.
    """
    aliased = bool(source and source.startswith(_ALIASED_FOLDERS))
    keep = f"要保留旧地址，在本页的 aliases: 中写上 {old}" if aliased else "要保留旧地址，把文件名改回原来的"
    also = f", unless listed under aliases: [{old}]" if aliased else ", unless the file gets its old name back"
    return (f"此页原地址 {old} 已发布过，现已改为本页的地址；预览会把旧地址转到这里，但发布后旧地址将打不开（404）。{keep}。 "
            f"Moved: {old} was published, and leads here in the preview only: once this is published it leads "
            f"nowhere (404){also}.")


_ALIASED_FOLDERS = ("content/interviews/", "content/cases/")
"""The folders of pages that list old addresses of their own (``aliases:``)."""


def inject_banner(page: bytes, text: str) -> bytes:
    """Add the preview banner right after the ``<body>`` tag (the page is returned as it is without one)."""
    match = _BODY_TAG.search(page)
    if match is None:
        return page
    return page[:match.end()] + banner_html(text).encode() + page[match.end():]


def content_type(path: Path) -> str:
    """Return the Content-Type of a served file, UTF-8 for text (independent of the system's tables)."""
    suffix = path.suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


# --- the error page ---------------------------------------------------------------------------

_ERROR_STYLE = """
body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#fff;color:#1a1a1a}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;color:#a4000f;border-bottom:3px solid #a4000f;padding-bottom:.3em}
ol{padding-left:1.2em}li.problem{margin:1.5em 0;overflow-wrap:anywhere}
.where{font:700 1rem/1.4 ui-monospace,monospace;word-break:break-all}
.severity{display:inline-block;padding:0 .4em;margin-left:.5em;border-radius:3px;color:#fff;background:#a4000f;font-family:system-ui,sans-serif}
.warning .severity{background:#6b4e00}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.5em 0}dt{font-weight:700}dd{margin:0;min-width:0;overflow-wrap:anywhere}
pre{background:#f4f4f4;border-left:4px solid #a4000f;padding:.5em 1em;overflow-x:auto;font:14px/1.5 ui-monospace,monospace}
pre .here{background:#ffe0e0;display:inline-block;min-width:100%}pre .about{background:#fff1c2;display:inline-block;min-width:100%}pre mark{background:#a4000f;color:#fff}
.hint{background:#eef6ff;border-left:4px solid #005a9c;padding:.4em 1em}
"""


def error_page(problems: Sequence[Problem], root: Path, port: int | None = None) -> bytes:
    """Return the HTML page shown in place of every page while the site has errors.

    Takes the problems of the failed build, the site folder (to quote the
    source lines around each problem) and the server's port (to add the
    livereload client; None leaves it out). Everything from the site is
    escaped. The page explains itself in Chinese and English.
    """
    errors = [p for p in problems if p.severity == "error"]
    items = "\n".join(_problem_html(problem, root) for problem in problems)
    page = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>网站有错误 Build failed — sitegen serve</title>
<link rel="icon" href="data:,">
<style>{_ERROR_STYLE}</style>
</head>
<body>
<main>
<h1>网站有错误，未能更新 <span lang="en">The site has errors: it was not rebuilt</span></h1>
<p>发现 {len(errors)} 个错误、{len(problems) - len(errors)} 个警告。请按下面的提示改正文件并保存，本页会自动刷新。
预览从不改动要发布的输出文件夹；在改正之前，<code>sitegen build</code> 也会因同样的错误而停止，输出文件夹保持原样。</p>
<p lang="en">Found {len(errors)} error(s) and {len(problems) - len(errors)} warning(s). Fix each file below
and save: this page reloads by itself. The preview never writes the output folder that is published;
until the errors are fixed, <code>sitegen build</code> would stop on them too and leave that folder as it is.</p>
<ol class="problems">
{items}
</ol>
</main>
</body>
</html>
"""
    data = page.encode("utf-8")
    return inject_live_script(data, port) if port is not None else data


def _problem_html(problem: Problem, root: Path) -> str:
    label = "错误 error" if problem.severity == "error" else "警告 warning"
    rows = [("文件 File", problem.path or "（整个网站 the site）")]
    if problem.line is not None:
        rows.append(("行 Line", str(problem.line)))
    if problem.column is not None:
        rows.append(("列 Column", str(problem.column)))
    details = "".join(f"<dt>{name}</dt><dd>{html.escape(value)}</dd>" for name, value in rows)
    hint = (f'<p class="hint">提示 Hint: {html.escape(problem.hint)}</p>' if problem.hint else "")
    return (f'<li class="problem {problem.severity}">\n'
            f'<p class="where"><code>{html.escape(problem.location())}</code>'
            f'<span class="severity">{label}</span></p>\n'
            f"<dl>{details}</dl>\n"
            f'<p class="message">{html.escape(problem.message)}</p>\n{hint}'
            f"{_source_excerpt(problem, root)}</li>")


def _source_excerpt(problem: Problem, root: Path, around: int = 2, farthest: int = 12) -> str:
    """Return the lines of the problem's file around its line as a ``<pre>``, or "" when there are none.

    Takes the problem and the site folder. Shows ``around`` lines before and
    after the problem's line, widened to every line of its ``span`` (at most
    ``farthest`` lines away), so a problem about several lines shows them
    all; the problem's line is marked, with its column, and the other lines
    of the span are marked lightly. The file is decoded as the build decodes
    it (`sitegen.sources.decode_for_display`: UTF-16 as UTF-16, GBK as GBK);
    a file that cannot be decoded, a file outside the site folder or over
    4 MB, and a line past the end give "". TABs are shown as ⇥. Raises nothing.
    """
    if not problem.path or problem.line is None:
        return ""
    path = (root / problem.path).resolve()
    try:
        if not path.is_relative_to(root.resolve()) or path.stat().st_size > 4_000_000:
            return ""
        text = decode_for_display(path.read_bytes())
    except OSError:
        return ""
    if text is None:
        return ""
    lines = text.removesuffix("\n").split("\n")
    first, last = problem.line - around, problem.line + around
    about = problem.span or (problem.line, problem.line)
    first = max(1, min(first, about[0]), problem.line - farthest)
    last = min(len(lines), max(last, about[1]), problem.line + farthest)
    shown = []
    for number in range(first, last + 1):
        line = lines[number - 1]
        if number == problem.line:
            shown.append(f'<span class="here">{number:>5} │ {_marked(line, problem.column)}</span>')
        elif about[0] <= number <= about[1]:
            shown.append(f'<span class="about">{number:>5} │ {_visible(line)}</span>')
        else:
            shown.append(f"{number:>5} │ {_visible(line)}")
    if not shown or problem.line > len(lines):
        return ""
    return '<pre class="source" aria-label="源文件 source"><code>' + "\n".join(shown) + "</code></pre>\n"


def _visible(text: str) -> str:
    return html.escape(text).replace("\t", "⇥")


def _marked(text: str, column: int | None) -> str:
    if column is None or not 1 <= column <= len(text):
        return _visible(text)
    at = column - 1
    return f"{_visible(text[:at])}<mark>{_visible(text[at])}</mark>{_visible(text[at + 1:])}"


def not_found_page(port: int) -> bytes:
    """Return the page for a missing file when the site has no 404.html of its own.

    It and the error page name an empty icon: a browser would otherwise ask for /favicon.ico on every
    reload, and the missing icon shows as a 404 among the page's requests.
    """
    page = ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>404 页面未找到 Not found'
            '</title><link rel="icon" href="data:,"></head><body><h1>404 页面未找到 <span lang="en">Not found</span></h1></body></html>\n')
    return inject_live_script(page.encode(), port)


# --- requests -------------------------------------------------------------------------------


def decode_request_path(raw: str) -> str | None:
    """Turn a request's path (percent-encoded, or raw UTF-8 read as Latin-1) into text.

    Returns None when it is not UTF-8. ``/%E8%AE%BF%E8%B0%88/`` → ``/访谈/``.
    """
    try:
        encoded = raw.encode("latin-1")
    except UnicodeEncodeError:
        encoded = raw.encode("utf-8")
    try:
        return unquote_to_bytes(encoded).decode("utf-8")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class Target:
    """Where a request leads: a file, a redirect (a folder without its "/"), or nothing (404)."""

    path: Path | None = None
    redirect: str | None = None


def locate(output: Path, raw_path: str) -> Target:
    """Find the file of the output folder that answers a request path.

    ``/`` and ``/a/`` serve ``index.html``; a folder asked without its
    trailing "/" is redirected to it. Anything that could leave the output
    folder gives ``Target()`` (404): ``..`` and ``.`` segments (also
    percent-encoded), empty segments (``//etc/passwd``), backslashes, NUL,
    ``:`` (drive letters), hidden names, and paths whose real location (after
    symbolic links) is outside the folder.
    """
    decoded = decode_request_path(raw_path)
    if decoded is None or not decoded.startswith("/"):
        return Target()
    parts = decoded[1:].split("/")
    folder_asked = parts[-1] == ""
    if folder_asked:
        parts = parts[:-1]
    if any(not part or part.startswith(".") or any(c in part for c in "\\\x00:") for part in parts):
        return Target()
    base = output.resolve()
    candidate = base.joinpath(*parts)
    if candidate.is_dir():
        if not folder_asked:
            return Target(redirect=raw_path + "/")
        candidate = candidate / "index.html"
    elif folder_asked and parts:
        return Target()
    try:
        real = candidate.resolve()
    except OSError:
        return Target()
    if not real.is_relative_to(base) or not real.is_file():
        return Target()
    return Target(path=real)


def _looks_like_page(decoded: str) -> bool:
    name = decoded.rsplit("/", 1)[-1]
    return not name or name.lower().endswith(HTML_SUFFIXES) or "." not in name


class ReloadSocket(LiveReloadHandler):
    """livereload's WebSocket handler, bound to one server's `ReloadHub`.

    The handshake (``hello``) is livereload's own; the ``info`` message that
    registers an open page goes to the hub instead of livereload's
    class-wide set, and livereload's ``poll_tasks`` (with its 3-second
    ``Ignore`` window) is never started: the hub sends ``reload`` itself.
    """

    def initialize(self, hub: "ReloadHub") -> None:  # noqa: D401 - tornado's hook
        """Keep the hub this socket reports to."""
        self.hub = hub

    def on_message(self, message: str | bytes) -> None:
        """Answer livereload's handshake, and register the page once it says which it is."""
        try:
            data = json.loads(message)
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        if data.get("command") == "hello":
            super().on_message(message)
        elif data.get("command") == "info":
            self.hub.join(self, str(data.get("url", "")))

    def on_close(self) -> None:
        """Forget the page."""
        self.hub.leave(self)


class ReloadHub:
    """The open pages of one server, and which build each has seen.

    Lives on the server's event loop (not thread-safe by itself).
    ``generation`` is the number of the latest build; ``served`` the
    generation each page path was last served at, so that a page that
    connects after a newer build is reloaded at once.
    """

    def __init__(self) -> None:
        self.generation = 0
        self.sockets: set[ReloadSocket] = set()
        self.served: dict[str, int] = {}

    def page_served(self, path: str, generation: int) -> None:
        """Record that the page at ``path`` (decoded) was served from build ``generation``."""
        self.served[path] = generation

    def join(self, socket: ReloadSocket, url: str) -> None:
        """Register an open page; reload it at once if it shows an older build."""
        self.sockets.add(socket)
        path = decode_request_path(urlsplit(url).path) or ""
        if self.served.get(path, self.generation) < self.generation:
            socket.send_message(RELOAD_MESSAGE)

    def leave(self, socket: ReloadSocket) -> None:
        """Forget a closed page."""
        self.sockets.discard(socket)

    def reload_all(self, generation: int) -> int:
        """Tell every open page to reload, as build ``generation`` is done; returns how many were told."""
        self.generation = generation
        told = 0
        for page in list(self.sockets):
            try:
                page.write_message(json.dumps(RELOAD_MESSAGE))
                told += 1
            except WebSocketClosedError:
                self.sockets.discard(page)
        return told

    def close_all(self) -> None:
        """Close every open page's connection (at shutdown)."""
        for page in list(self.sockets):
            page.close()
        self.sockets.clear()


class OutputHandler(web.RequestHandler):
    """Serves the output folder, the error page while the site is broken, and banners on drafts."""

    def initialize(self, server: "DevServer") -> None:
        """Keep the server whose state is shown."""
        self.server = server

    def set_default_headers(self) -> None:
        """Never let the browser keep a stale copy: every reload asks again."""
        self.set_header("Cache-Control", "no-store")

    def compute_etag(self) -> None:
        """No ETags: files change under the same name on every build."""
        return None

    async def get(self) -> None:
        """Answer a GET request."""
        await self._answer(include_body=True)

    async def head(self) -> None:
        """Answer a HEAD request (headers only)."""
        await self._answer(include_body=False)

    async def _answer(self, include_body: bool) -> None:
        target = locate(self.server.state.output, self.request.path)
        if target.path is None and target.redirect is None and self.server.building:
            await self.server.wait_for_build()
            target = locate(self.server.state.output, self.request.path)
        if target.redirect is not None:
            query = f"?{self.request.query}" if self.request.query else ""
            self.redirect(target.redirect + query)
            return
        state = self.server.state
        decoded = decode_request_path(self.request.path) or "/"
        is_page = target.path.suffix.lower() in HTML_SUFFIXES if target.path else _looks_like_page(decoded)
        if state.failure and is_page:
            self.server.hub.page_served(decoded, state.generation)
            self._send_page(500, error_page(state.failure, self.server.root, self.server.port), include_body)
        elif target.path is None and (moved := state.moved_to(decoded)) is not None:
            # Named in the address: the page says the published one works in the preview only (`moved_banner`).
            # A tab that followed a page's moves keeps naming the published address it started from.
            old = state.lost_address(moved, (self.get_query_argument(MOVED_FROM, None),
                                             decoded if decoded.endswith("/") else decoded + "/"))
            self.redirect(quote(moved) + (f"?{urlencode({MOVED_FROM: old})}" if old else ""))
        elif target.path is None:
            await self._send_not_found(state, decoded, include_body)
        elif is_page:
            self.server.hub.page_served(decoded, state.generation)
            await self._send_html(state, target.path, include_body)
        else:
            await self._send_file(target.path, include_body)

    async def _send_html(self, state: SiteState, path: Path, include_body: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            await self._send_not_found(state, "", include_body)
            return
        output = path.relative_to(state.output.resolve()).as_posix()
        banner = state.banners.get(output)
        if banner:
            data = inject_banner(data, banner)
        old = state.lost_address(_page_path(output), (self.get_query_argument(MOVED_FROM, None),))
        if old:
            data = inject_banner(data, moved_banner(old, state.sources.get(output)))
        data = mark_preview_links(data, state.tags)
        data = inject_panel(data, warnings_panel(state.warnings, state.sources.get(output)))
        self._send_page(200, inject_live_script(data, self.server.port), include_body)

    async def _send_not_found(self, state: SiteState, decoded: str, include_body: bool) -> None:
        page = locate(state.output, "/404.html").path
        try:
            data = inject_live_script(page.read_bytes(), self.server.port) if page else None
        except OSError:
            data = None
        if decoded and _looks_like_page(decoded):
            self.server.hub.page_served(decoded, state.generation)
        data = inject_panel(data or not_found_page(self.server.port), warnings_panel(state.warnings, None))
        self._send_page(404, data, include_body)

    def _send_page(self, status: int, data: bytes, include_body: bool) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        if include_body:
            self.finish(data)
        else:
            self.set_header("Content-Length", str(len(data)))
            self.finish()

    async def _send_file(self, path: Path, include_body: bool) -> None:
        try:
            handle = open(path, "rb")
        except OSError:
            await self._send_not_found(self.server.state, "", include_body)
            return
        with handle:
            remaining = os.fstat(handle.fileno()).st_size
            self.set_header("Content-Type", content_type(path))
            self.set_header("Content-Length", str(remaining))
            while include_body and remaining > 0:
                chunk = handle.read(min(CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                self.write(chunk)
                try:
                    await self.flush()
                except StreamClosedError:
                    return  # the client went away mid-file: nothing to finish
        if remaining and include_body:
            self.request.connection.detach().close()  # the file shrank: end the connection
            return
        self.finish()


def _no_access_log(handler: web.RequestHandler) -> None:
    """Requests are not logged: the terminal shows builds and problems only."""


# --- the server -----------------------------------------------------------------------------


class DevServer:
    """The ``sitegen serve`` server: build, watch, rebuild, serve, reload.

    Use: ``server = DevServer(options, on_build)``, ``url = server.start()``
    (opens the port and runs the first build), then ``server.serve_forever()``
    (returns after `stop`, from any thread, or raises `KeyboardInterrupt`
    after a clean shutdown on Ctrl-C). ``on_build`` receives a
    `BuildOutcome` after every build, in the thread that ran it, once the
    new state is being served. ``on_stopping`` is called on Ctrl-C when a
    build is running, which the server lets end before it stops.
    """

    def __init__(self, options: ServeOptions, on_build: Callable[[BuildOutcome], None] | None = None,
                 on_stopping: Callable[[], None] | None = None):
        self.options = options
        self._on_stopping = on_stopping or (lambda: None)
        self.root = options.root.resolve()
        self.hub = ReloadHub()
        self.port = options.port
        self.state = SiteState(0, (self.root / (options.output or PREVIEW_OUTPUT)).resolve())
        self.building = False
        self._on_build = on_build or (lambda outcome: None)
        self._sockets: list[socket.socket] = []
        self._builds = 0
        self._saved: set[str] = set()  # files changed since the last build that succeeded
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped: asyncio.Event | None = None
        self._watcher = Watcher(self.root, options, self._skipped, self._rebuild)
        self._baseline: Snapshot = {}
        self._stopping = threading.Event()
        self._interrupted = False
        self._claim: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """The address pages are served at, e.g. ``http://127.0.0.1:8000/``."""
        host = self.options.host
        if host in ("", "0.0.0.0", "::"):
            host = "127.0.0.1"
        return f"http://[{host}]:{self.port}/" if ":" in host else f"http://{host}:{self.port}/"

    def start(self) -> str:
        """Open the port and run the first build; returns the address.

        Raises `OSError` when the port cannot be opened (e.g. in use), and
        `sitegen.write.OutputClaimedError` when another server previews into
        the same folder (`sitegen.write.claim_output`; held until `serve_forever` ends),
        that server's port included: it is then that server which holds the port.
        """
        try:
            self._sockets = bind_sockets(self.options.port, self.options.host or None, backlog=1024)
        except OSError as failure:
            if failure.errno == errno.EADDRINUSE:
                check_claim(self.state.output)  # raises when another server previews this site
            raise
        self.port = self._sockets[0].getsockname()[1]
        try:
            self._claim = claim_output(self.state.output, self.url)
        except OutputClaimedError:
            for sock in self._sockets:
                sock.close()
            raise
        self._baseline = self._watcher.snapshot()
        outcome, state = self._run_build(())
        self.state = state
        self.hub.generation = state.generation
        self._on_build(outcome)
        return self.url

    def serve_forever(self) -> None:
        """Serve until `stop` is called; on Ctrl-C shut down cleanly, then raise `KeyboardInterrupt`."""
        try:
            asyncio.run(self._main())
        finally:
            self.close()
        if self._interrupted:
            raise KeyboardInterrupt

    def close(self) -> None:
        """Stop watching, close the port and give up the preview folder (`serve_forever` does it when it ends;
        call it after `start` when the server is not to serve)."""
        self._watcher.stop()
        for sock in self._sockets:
            sock.close()
        if self._claim is not None:
            self._claim.close()
            self._claim = None

    def _on_ctrl_c(self) -> None:
        """Ctrl-C: the first stops the server cleanly; a second, while it stops, stops it at once."""
        if self._interrupted:
            raise KeyboardInterrupt
        self._interrupted = True
        if self.building:
            self._on_stopping()  # the build ends first (seconds, on a large site): say why nothing happens yet
        self.stop()

    def stop(self) -> None:
        """Ask the server to stop (thread-safe); `serve_forever` then returns."""
        self._stopping.set()
        loop, stopped = self._loop, self._stopped
        if loop is not None and stopped is not None:
            loop.call_soon_threadsafe(stopped.set)

    async def wait_for_build(self, timeout: float = 30.0) -> None:
        """Wait (on the event loop) until the build in progress is being served."""
        deadline = time.monotonic() + timeout
        while self.building and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        # The loop's own handler, not asyncio.run's: Linux may hand Ctrl-C's signal to the watcher
        # thread, and only the loop's handler then wakes the loop, which may be waiting with no timeout.
        try:
            self._loop.add_signal_handler(signal.SIGINT, self._on_ctrl_c)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            pass
        app = web.Application([
            (r"/livereload", ReloadSocket, {"hub": self.hub}),
            (r"/livereload\.js", LiveReloadJSHandler),
            (r".*", OutputHandler, {"server": self}),
        ], log_function=_no_access_log, websocket_ping_interval=20)
        http = HTTPServer(app)
        http.add_sockets(self._sockets)
        self._watcher.start(self._baseline)
        try:
            if not self._stopping.is_set():
                await self._stopped.wait()
        finally:
            self._stopping.set()
            self._watcher.stop(timeout=0)  # no new build; its thread is joined once the loop has stopped
            http.stop()
            self.hub.close_all()
            try:
                await asyncio.wait_for(http.close_all_connections(), 2)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pass
            self._loop = None

    def _skipped(self) -> list[Path]:
        return [self.state.output, (self.root / (self.options.output or PREVIEW_OUTPUT)).resolve(),
                (self.root / "output").resolve()]

    def _build_options(self, shown_as: tuple[tuple[str, str], ...] = ()) -> BuildOptions:
        return BuildOptions(root=self.root, base_url=self.url, output=self.options.output or PREVIEW_OUTPUT,
                            include_drafts=True, search=self.options.search, offers_search=True, as_published=True,
                            shown_as=shown_as)

    def _run_build(self, changes: Sequence[str]) -> tuple[BuildOutcome, SiteState]:
        """Build once; returns what to print and what to serve next. Raises nothing."""
        self._builds += 1
        self._saved.update(changes)
        shown_as = names_shown(self.state)
        options = self._build_options(shown_as)
        try:
            result = build(options)
            previews = find_previews(result, datetime.now(result.config.zone).replace(tzinfo=None))
        except SiteError as failure:
            problems = tuple(while_serving(problem) for problem in failure.problems)
            outcome = BuildOutcome(self._builds, tuple(changes), None, problems)
            # The page lists problems in the files just saved first: usually the cause of the others.
            shown = tuple(sorted(problems, key=lambda problem: problem.path not in changes))
            return outcome, replace(self.state, generation=self._builds, failure=shown)
        except Exception as failure:  # a bug in sitegen must not stop the preview
            problem = Problem("", None, None, "error", f"sitegen failed: {failure!r}",
                              "this is a bug in sitegen; please report it with the traceback from the terminal")
            outcome = BuildOutcome(self._builds, tuple(changes), None, (problem,),
                                   trace="".join(traceback.format_exception(failure)))
            return outcome, replace(self.state, generation=self._builds, failure=(problem,))
        outcome = BuildOutcome(self._builds, tuple(changes), result, previews=previews.sources)
        # A file's published address, by the name its warnings give it: the editor's when renamed (`names_shown`).
        addresses = {**result.published.urls, **{shown: result.published.urls[old] for old, shown in shown_as
                                                 if old in result.published.urls}}
        listed = list_warnings(self.state.warnings, result.warnings, self._saved,
                               datetime.now(result.config.zone).strftime("%H:%M:%S"), result.published.key, addresses,
                               lambda address: locate(result.config.output_path, quote(address)).path is not None)
        self._saved = set()
        return outcome, SiteState(self._builds, result.config.output_path, (), previews.banners, listed,
                                  result.sources, previews.tags,
                                  moved_since(self.state, result.sources, result.titles), result.titles,
                                  result.published)

    def _rebuild(self, changes: list[str]) -> None:
        """Watcher callback: rebuild, serve the new state, reload the pages, then report."""
        self.building = True
        outcome, state = self._run_build(changes)
        loop = self._loop
        if loop is None or self._stopping.is_set():
            self.building = False
            return
        shown = asyncio.run_coroutine_threadsafe(self._show(state), loop)
        while True:  # wait for the event loop to serve the new state, unless it is shutting down
            try:
                shown.result(timeout=0.1)
                break
            except FutureTimeout:
                if self._stopping.is_set():
                    shown.cancel()
                    self.building = False
                    return
        self._on_build(outcome)

    async def _show(self, state: SiteState) -> None:
        self.state = state
        self.building = False
        self.hub.reload_all(state.generation)

