"""Search index: run Pagefind over the finished site, before it is published.

The build calls `index_site` on the staging folder (the complete new site,
not yet swapped in), so a failure leaves the published site as it was.
Pagefind's extended build (the ``pagefind[extended]`` package ships it)
splits Chinese into words, so 草莓 finds the pages that hold it.

Only pages worth landing on are indexed: interviews, case studies and unit
pages (`searchable_pages`), and of each only ``<main>``, so navigation,
footers and list pages do not crowd the results. The index goes into
``pagefind/`` inside the site; the search page loads ``pagefind/pagefind-ui.js``
from there.

Pagefind runs as its own program (the binary the package ships), not
through its asyncio Python API: the build may run inside the dev server's
event loop, where ``asyncio.run`` is not allowed. It works offline.

May import: site (for the `Page` type); the ``pagefind`` package.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Sequence

from ..site import Page

SEARCH_FOLDER = "pagefind"
"""Where the index goes inside the site (Pagefind's default, which its UI expects)."""

SEARCHABLE_TEMPLATES = ("interview.html", "case.html", "unit.html", "about-data.html", "accessibility.html")
"""Layouts whose pages are indexed: the pages a reader wants to land on, and the two that answer how to use the
site (a reader searching 下载, CSV or 无障碍 finds the page on the open data or on reading the site, not words
of other pages that hold a character of the query)."""

ROOT_SELECTOR = "main"
"""Only this element of each page is indexed (not the header, navigation or footer)."""

EXCLUDED_SELECTORS = (".breadcrumb", ".toc", ".feed-link", ".more-links", ".downloads", ".prev-next", ".pager",
                      ".related", ".fields caption", ".fields thead")
"""Parts of ``<main>`` that are ways around the site, not what the page says: left out of the index, so a
result's excerpt never reads "订阅白鹤镇访谈" or the table of contents, and a search for a case study's words
finds the case study, not every interview of its unit that lists its title (``.related``). The caption and header row of each
table of a data file's columns (about-data.html) go too: the caption repeats the file's name just above it, and
the header row is the same in every table, so an excerpt read "data/tallies.csv data/tallies.csv 的列
列名名称类型说明"."""

KEY_FILE = ".sitegen-index-key"
"""Inside the index folder: the fingerprint of what it was made from (`_index_key`), then of how (`_recipe`),
one to a line."""

TIMEOUT_SECONDS = 600
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class SearchResult:
    """What indexing did: pages in the index, seconds taken, and whether the previous index was reused."""

    pages: int
    seconds: float
    reused: bool = False


class SearchIndexError(Exception):
    """Pagefind could not build the index; the message says why, with Pagefind's own output."""


def searchable_pages(pages: Iterable[Page]) -> list[str]:
    """Return the output paths (``interviews/x/index.html``) of the pages to index, in order."""
    return [page.output for page in pages if page.template in SEARCHABLE_TEMPLATES]


def pagefind_executable() -> Path:
    """Return the Pagefind binary that the ``pagefind`` package ships.

    Raises `SearchIndexError` when there is none, or when only the standard
    build is installed (it cannot split Chinese text into words).
    """
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SearchIndexError("the pagefind package is not installed; "
                               "install it with: pip install 'pagefind[extended]'") from None
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise SearchIndexError("the Pagefind binary was not found; "
                               "install it with: pip install 'pagefind[extended]'")
    if "extended" not in executable.name and "PAGEFIND_BINARY_PATH" not in os.environ:
        raise SearchIndexError(f"{executable} is Pagefind's standard build, which cannot split Chinese "
                               "into words; install the extended one: pip install 'pagefind[extended]'")
    return executable


def index_site(folder: Path, pages: Sequence[str] | None = None, *,
               previous: Path | None = None) -> SearchResult:
    """Build the Pagefind index of a site folder into ``<folder>/pagefind/``.

    Takes the site folder and the output paths of the pages to index
    (relative, posix; see `searchable_pages`); None indexes every HTML
    file. Only their ``<main>`` is indexed. With no page to index, nothing
    is written. ``previous`` is the published site: when its index was made
    from exactly the same pages by the same Pagefind, it is reused (linked)
    instead of built again. Prints nothing. Returns a `SearchResult`.
    Raises `SearchIndexError`, with Pagefind's output, when the index cannot
    be built; ``pagefind/`` is then not written. Pagefind works in a scratch
    folder inside ``folder`` that is removed afterwards, so index a staging
    folder, never the published one.
    """
    started = time.perf_counter()
    folder = folder.absolute()
    if pages is None:
        found = (p.relative_to(folder) for p in folder.rglob("*.html") if p.is_file())
        pages = sorted(p.as_posix() for p in found if p.parts[0] != SEARCH_FOLDER)
    if not pages:
        return SearchResult(0, time.perf_counter() - started)
    if (folder / SEARCH_FOLDER).exists():
        raise SearchIndexError(f"the site already has a {SEARCH_FOLDER}/ folder, where the search index "
                               f"goes; rename content/{SEARCH_FOLDER}/")
    executable = pagefind_executable()
    recipe = _recipe(executable)
    key = _index_key(folder, pages, recipe)
    if previous is not None and _reuse_index(previous / SEARCH_FOLDER, folder / SEARCH_FOLDER, key):
        return SearchResult(len(pages), time.perf_counter() - started, reused=True)
    work = Path(tempfile.mkdtemp(prefix=".search-", dir=folder))
    try:
        _mirror_pages(folder, work / "site", pages)
        _run_pagefind(executable, work / "site", work / SEARCH_FOLDER)
        (work / SEARCH_FOLDER / KEY_FILE).write_text(f"{key}\n{recipe}\n", encoding="ascii")
        os.replace(work / SEARCH_FOLDER, folder / SEARCH_FOLDER)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return SearchResult(len(pages), time.perf_counter() - started)


def _recipe(executable: Path) -> str:
    """A fingerprint (64 hex characters) of how an index is made: Pagefind's binary (path, size, modification
    time) and the options sitegen gives it (`_options`), whatever the pages. Raises `OSError` when the binary
    cannot be looked at."""
    made = executable.stat()
    return hashlib.sha256(f"{executable} {made.st_size} {made.st_mtime_ns} {_options()}".encode()).hexdigest()


def _index_key(folder: Path, pages: Sequence[str], recipe: str) -> str:
    """A fingerprint of what the index is made from: its ``recipe`` (`_recipe`) and each page's bytes."""
    digest = hashlib.sha256(f"{recipe}\n".encode())
    for page in pages:
        source = folder / page
        data = source.read_bytes() if source.is_file() else b""
        digest.update(page.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _reuse_index(old: Path, new: Path, key: str) -> bool:
    """Link the previous index into place when its fingerprint is ``key``; False when it cannot be reused."""
    try:
        if _recorded(old)[0] != key:
            return False
        shutil.copytree(old, new, copy_function=_link_or_copy)
        return True
    except OSError:
        shutil.rmtree(new, ignore_errors=True)
        return False


def index_made_as_now(index: Path) -> bool:
    """True when the index folder ``index`` (a published ``pagefind/``) was made by the Pagefind binary and
    with the options this sitegen uses (its `_recipe`, recorded in `KEY_FILE`), whatever its pages.

    False for a missing or unreadable record, one written before the recipe was recorded, or when the
    binary cannot be found: the index is then made again, though the pages be byte for byte the same
    (after an upgrade of sitegen that changes only what is indexed, say). Raises nothing.
    """
    try:
        return _recorded(index)[1] == _recipe(pagefind_executable())
    except (OSError, SearchIndexError):
        return False


def _recorded(index: Path) -> tuple[str, str]:
    """The key and the recipe recorded in ``index``'s `KEY_FILE` ("" for one not recorded). Raises `OSError`."""
    lines = (index / KEY_FILE).read_text(encoding="ascii", errors="replace").split()
    return (lines[0] if lines else "", lines[1] if len(lines) > 1 else "")


def _options() -> list[str]:
    """What sitegen tells Pagefind besides the folders: which element to index and what to leave out."""
    return ["--root-selector", ROOT_SELECTOR, "--exclude-selectors", ", ".join(EXCLUDED_SELECTORS)]


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _mirror_pages(folder: Path, mirror: Path, pages: Sequence[str]) -> None:
    """Link (or copy) the pages to index into ``mirror`` at the same relative paths.

    Pagefind indexes a whole folder and takes one glob at most; a mirror of
    exactly the chosen pages keeps their URLs and has no limit on their number.
    """
    for page in pages:
        relative = PurePosixPath(page)
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f'the page "{page}" is not inside the site folder')
        source, target = folder / relative, mirror / relative
        if not source.is_file():
            raise SearchIndexError(f'the page "{page}" to index is not in the built site')
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(str(source), str(target))


def _die_with_parent(parent: int) -> None:
    """In the Pagefind process, before it starts (Linux only): ask to be killed when the build dies.

    A build killed mid-way must not leave Pagefind running on, writing into
    a staging folder that the next build has already cleaned away.
    """
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the request took effect
        os._exit(1)


def _run_pagefind(executable: Path, site: Path, bundle: Path) -> None:
    command = [str(executable), "--site", str(site), "--output-path", str(bundle), *_options()]
    guard = functools.partial(_die_with_parent, os.getpid()) if sys.platform.startswith("linux") else None
    try:
        finished = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=TIMEOUT_SECONDS, check=False, preexec_fn=guard)
    except (OSError, subprocess.TimeoutExpired) as failure:
        raise SearchIndexError(f"Pagefind could not run: {failure}") from None
    output = (finished.stdout + finished.stderr).decode("utf-8", "replace").strip()
    if finished.returncode != 0 or not (bundle / "pagefind-ui.js").is_file():
        last_lines = "\n".join(output.splitlines()[-15:])
        raise SearchIndexError(f"Pagefind failed to build the search index (exit code "
                               f"{finished.returncode}):\n{last_lines}")
