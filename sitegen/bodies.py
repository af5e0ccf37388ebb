"""Convert Markdown bodies: from the build cache when unchanged, else over all cores.

Python-Markdown is the dominant cost of a build (about 80% of a naive
pipeline), so every body is converted at most once per change:

- **Cache.** A converted body is stored in ``.sitegen-cache/markdown.sqlite3``
  under a key made of the Markdown settings (`MarkdownRenderer.settings_key`),
  the file's path, the line its body starts on (warnings carry both) and the
  body text. A rebuild converts only bodies whose key is new. Entries no
  build uses any more are dropped. A cache that cannot be read or written
  is ignored: the output is the same, only slower.
- **Parallel.** Bodies not in the cache are converted by worker processes
  (``jobs`` of them), each with its own reused renderer; below a few dozen
  bodies one process is faster and is used. The result is the same as a
  serial conversion, byte for byte.

Entries are JSON, not pickle, so a cache file from elsewhere cannot run code.

May import: errors, markup.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import multiprocessing
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .errors import Problem
from .fresh import CACHE_DIR
from .markup import Heading, MarkdownRenderer, RenderedMarkdown

CACHE_FILE = "markdown.sqlite3"
PARALLEL_THRESHOLD = 32


@dataclass(frozen=True)
class BodyJob:
    """One body to convert: file path (relative to the site root), text, and the file line it starts on."""

    path: str
    body: str
    first_line: int


def body_key(settings_key: str, job: BodyJob) -> str:
    """Return the cache key of a body: SHA-256 (hex) of settings, path, first line and text."""
    digest = hashlib.sha256()
    for part in (settings_key, job.path, str(job.first_line), job.body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def encode(rendered: RenderedMarkdown) -> str:
    """Serialise a rendered body as compact JSON text."""
    return json.dumps([rendered.html, [[h.level, h.text, h.anchor] for h in rendered.headings],
                       rendered.text, rendered.word_count,
                       [[p.path, p.line, p.column, p.severity, p.message, p.hint] for p in rendered.problems],
                       rendered.lead],
                      ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> RenderedMarkdown:
    """Read back what `encode` wrote. Raises ValueError (or a JSON error) for anything else."""
    html, headings, plain, count, problems, lead = json.loads(text)
    return RenderedMarkdown(html=html, headings=tuple(Heading(*h) for h in headings), text=plain,
                            word_count=count, problems=tuple(Problem(*p) for p in problems), lead=lead)


class MarkdownCache:
    """The persistent store of converted bodies (SQLite in the site's cache folder).

    Takes the cache folder, or None for no cache. Every method swallows
    SQLite errors and then behaves as an empty cache: a broken or busy cache
    never stops a build.
    """

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / CACHE_FILE, timeout=10)
            self._db.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except (sqlite3.Error, OSError):
            self._db = None

    def get_many(self, keys: Sequence[str]) -> dict[str, RenderedMarkdown]:
        """Return the cached bodies among ``keys`` (missing or unreadable ones are left out)."""
        found: dict[str, RenderedMarkdown] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, value in self._db.execute(f"SELECT key, value FROM bodies WHERE key IN ({marks})", chunk):
                    try:
                        found[key] = decode(value)
                    except (ValueError, TypeError):
                        continue
        except sqlite3.Error:
            return {}
        return found

    def store(self, entries: dict[str, RenderedMarkdown], keep: Iterable[str]) -> None:
        """Add ``entries`` and drop every entry whose key is not in ``keep`` (nor added now)."""
        if self._db is None:
            return
        try:
            with self._db:
                # A generator: the encoded texts of a large site would take hundreds of MB at once.
                self._db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?)",
                                     ((key, encode(value)) for key, value in entries.items()))
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM used")
                self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", [(k,) for k in keep])
                self._db.execute("DELETE FROM bodies WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.Error:
            return

    def close(self) -> None:
        """Close the database (safe to call twice)."""
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass(frozen=True)
class BodiesResult:
    """Converted bodies by path, and how many were converted now (the rest came from the cache)."""

    rendered: dict[str, RenderedMarkdown]
    converted: int


def render_bodies(jobs: Sequence[BodyJob], *, workers: int = 1, cache_folder: Path | None = None,
                  renderer: MarkdownRenderer | None = None) -> BodiesResult:
    """Convert every body, taking unchanged ones from the cache.

    Takes the bodies, the number of worker processes (1: convert here), the
    cache folder (None: no cache) and optionally a renderer to reuse for
    conversion in this process. Returns `BodiesResult` with one
    `RenderedMarkdown` per job path. Raises nothing for any body text.
    """
    renderer = renderer or MarkdownRenderer()
    keys = {job.path: body_key(renderer.settings_key, job) for job in jobs}
    cache = MarkdownCache(cache_folder)
    try:
        cached = cache.get_many(list(keys.values()))
        missing = [job for job in jobs if keys[job.path] not in cached]
        fresh = _convert(missing, workers, renderer)
        cache.store({keys[path]: value for path, value in fresh.items()}, keys.values())
    finally:
        cache.close()
    rendered = {job.path: fresh.get(job.path) or cached[keys[job.path]] for job in jobs}
    return BodiesResult(rendered, len(fresh))


def _convert(jobs: Sequence[BodyJob], workers: int, renderer: MarkdownRenderer) -> dict[str, RenderedMarkdown]:
    # Worker processes are forked: they start at once and need no importable
    # __main__. Forking a process that runs other threads (the dev server)
    # can deadlock, so such a process converts here, as does any platform
    # without fork. A pool that breaks falls back to converting here too.
    parallel = (workers > 1 and len(jobs) >= PARALLEL_THRESHOLD and threading.active_count() == 1
                and "fork" in multiprocessing.get_all_start_methods())
    if parallel:
        chunk = max(1, len(jobs) // (workers * 8))
        try:
            gc.freeze()  # keep the loaded pages shared with the forked workers (see render.frozen_heap)
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                    results = list(pool.map(_convert_in_worker, jobs, chunksize=chunk))
            finally:
                gc.unfreeze()
            return {job.path: result for job, result in zip(jobs, results)}
        except (BrokenProcessPool, OSError):
            pass
    return {job.path: renderer.render(job.body, job.path, job.first_line) for job in jobs}


def _convert_in_worker(job: BodyJob) -> RenderedMarkdown:
    return _worker_renderer().render(job.body, job.path, job.first_line)


@functools.lru_cache(maxsize=1)
def _worker_renderer() -> MarkdownRenderer:
    # One renderer per worker process, made on first use and kept for the
    # process's life: building Python-Markdown is costly (see markup.py).
    return MarkdownRenderer()
