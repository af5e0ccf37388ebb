"""Converted Markdown bodies: kept in the build cache, converted over all cores, read when a page needs them.

Python-Markdown is the dominant cost of a build (about 80% of a naive
pipeline), so every body is converted at most once per change; and a large
site's bodies would fill hundreds of MB, so pages hold a `Body`, not the
converted HTML:

- **Cache.** A converted body is stored in ``.sitegen-cache/bodies.sqlite3``
  under a key made of the Markdown settings (`MarkdownRenderer.settings_key`),
  the file's path, the line its body starts on (warnings carry both) and the
  body text, with its automatic summary for the site's summary length. A
  rebuild converts only bodies whose key is new. Entries no build uses any
  more are dropped. A cache that cannot be read or written is ignored: the
  output is the same, only slower.
- **On demand.** A `Body` holds the headings, the count, the warnings and
  the summary; its HTML is read from the cache when a page or feed asks for
  it (in whichever process renders it), and converted again if the cache
  lost it. Without a cache folder the HTML is kept in memory.
- **Parallel.** Bodies not in the cache are converted by worker processes
  (`sitegen.workers`), each with its own reused renderer; below a few dozen
  bodies one process is faster and is used. The result is the same as a
  serial conversion, byte for byte.

Entries are JSON and text, not pickle, so a cache file from elsewhere
cannot run code.

May import: errors, fresh, markup, workers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .errors import Problem
from .fresh import CACHE_DIR
from .markup import Heading, MarkdownRenderer, RenderedMarkdown, summarize
from .workers import WorkerPool

CACHE_FILE = "bodies.sqlite3"
_OLD_CACHE_FILES = ("markdown.sqlite3",)  # earlier layouts of this cache, removed when seen
_BATCH = 256
PARALLEL_THRESHOLD = 32
"""Below this many bodies to convert, one process is faster than starting workers."""

__all__ = ["CACHE_DIR", "CACHE_FILE", "Body", "BodyBook", "BodyJob", "BodiesResult", "Facts", "Stored", "body_key",
           "convert_and_store", "convert_body", "render_bodies"]


@dataclass(frozen=True)
class BodyJob:
    """One body to convert: file path (relative to the site root), text, and the file line it starts on.

    ``known_key``: ``(settings key, key)`` as `body_key` made them for this
    very body in an earlier build (the page cache keeps them), so the body
    need not be hashed again; used only while the settings key is the same.
    """

    path: str
    body: str
    first_line: int
    known_key: tuple[str, str] = ("", "")


def body_key(settings_key: str, job: BodyJob) -> str:
    """Return the cache key of a body: SHA-256 (hex) of settings, path, first line and text."""
    digest = hashlib.sha256()
    for part in (settings_key, job.path, str(job.first_line), job.body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


Facts = tuple[tuple[Heading, ...], int, tuple[Problem, ...], tuple[str, ...], tuple[str, ...]]
"""What every build needs of a body: headings, count, warnings, image and link addresses (as `RenderedMarkdown`)."""


def _encode_facts(rendered: RenderedMarkdown) -> str:
    """The body's `Facts` as JSON text."""
    return json.dumps([[[h.level, h.text, h.anchor] for h in rendered.headings], rendered.word_count,
                       [[p.path, p.line, p.column, p.severity, p.message, p.hint] for p in rendered.problems],
                       list(rendered.images), list(rendered.links)],
                      ensure_ascii=False, separators=(",", ":"))


def _decode_facts(text: str) -> Facts:
    """The `Facts` of `_encode_facts`; raises ValueError or TypeError for text in another form."""
    headings, count, problems, images, links = json.loads(text)
    return (tuple(Heading(*h) for h in headings), int(count), tuple(Problem(*p) for p in problems),
            tuple(str(src) for src in images), tuple(str(href) for href in links))


def _facts(rendered: RenderedMarkdown) -> Facts:
    return rendered.headings, rendered.word_count, rendered.problems, rendered.images, rendered.links


def _summary_source(rendered: RenderedMarkdown) -> str:
    """The text an automatic summary is cut from: the running text, else all of it (`summarize`)."""
    return rendered.lead or rendered.text


_Row = tuple[str, str, str, str, int, str]
"""A cache row: key, HTML, facts (`_encode_facts`), summary source, summary length, summary."""


def _cache_row(key: str, rendered: RenderedMarkdown, summary_length: int) -> _Row:
    """The cache row of a converted body, its summary made at ``summary_length`` characters (the last field)."""
    source = _summary_source(rendered)
    return (key, rendered.html, _encode_facts(rendered), source, summary_length,
            summarize(source, summary_length))


class _Store:
    """The cache's SQLite file, opened once per process and thread (a connection may not cross either).

    Takes the cache folder. Every method swallows SQLite errors and then
    behaves as an empty cache.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection | None:
        """This process's and thread's connection (made on first use), or None when the file cannot be opened."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.folder / CACHE_FILE, timeout=10)
            db.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL, "
                       "facts TEXT NOT NULL, summary_source TEXT NOT NULL, "
                       "summary_length INTEGER NOT NULL, summary TEXT NOT NULL)")
        except (sqlite3.Error, OSError):
            db = None
        self._local.held = (os.getpid(), db)
        return db

    def insert(self, rows: Sequence[_Row]) -> bool:
        """Store converted bodies (`_Row`s); False on failure."""
        return self.execute("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?, ?, ?)", rows)

    def execute(self, statement: str, rows: Iterable[tuple]) -> bool:
        """Run ``statement`` once per row, in one transaction; False on failure."""
        db = self.connection()
        if db is None:
            return False
        try:
            with db:
                db.executemany(statement, rows)
        except sqlite3.Error:
            return False
        return True

    def html(self, key: str) -> str | None:
        """The stored HTML under ``key``, or None."""
        db = self.connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT html FROM bodies WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None


class Body:
    """A converted body as a page holds it (`load.Document.rendered`).

    Attributes:
        headings: every h2..h6 with an id, in order (`sitegen.markup.Heading`).
        word_count: the body's size in 字/words (`sitegen.markup.count_words`).
        problems: the warnings converting it gave, at file lines.
        summary: `sitegen.markup.summarize` of its running text (or of all its
            text when it has none) at the site's ``summary_length``.
        images: the ``src`` of each ``<img>`` in the HTML, decoded, each once.
        links: the ``href`` of each ``<a>`` in the HTML, decoded, each once.
        html: the sanitized HTML (str), read from the build cache on first
            use in each process and not kept; converted again from the
            source if the cache lost it. Equal to a fresh conversion's HTML.
    """

    __slots__ = ("headings", "word_count", "problems", "images", "links", "summary", "_key", "_job", "_store",
                 "_html")

    def __init__(self, facts: Facts, summary: str, *, key: str, job: BodyJob, store: _Store | None,
                 html: str | None) -> None:
        self.headings, self.word_count, self.problems, self.images, self.links = facts
        self.summary = summary
        self._key, self._job, self._store, self._html = key, job, store, html

    @property
    def key(self) -> str:
        """The body's key in the Markdown cache (`body_key`)."""
        return self._key

    @property
    def facts(self) -> Facts:
        """What every build needs of the body, as one tuple (`Facts`): a page cache keeps it (`BodyBook.recall`)."""
        return self.headings, self.word_count, self.problems, self.images, self.links

    @property
    def html(self) -> str:
        """The sanitized HTML of the body (see the class)."""
        if self._html is not None:
            return self._html
        stored = self._store.html(self._key) if self._store is not None else None
        if stored is not None:
            return stored
        return convert_body(self._job).html

    def __repr__(self) -> str:
        return f"Body({self._job.path!r}, {self.word_count} 字)"


@dataclass(frozen=True)
class Stored:
    """A body a worker converted and put in the cache itself: what the page keeps of it (no HTML).

    Fields as `Body`; ``key`` is its cache key.
    """

    key: str
    facts: Facts
    summary: str


def convert_and_store(jobs: Sequence[BodyJob], folder: Path | None,
                      summary_length: int) -> list[Stored | RenderedMarkdown]:
    """Convert bodies in this process and store them in the cache in one transaction.

    Takes the bodies, the cache folder and the summary length in
    characters. Returns, per job, a `Stored` (the HTML went to the cache, so
    it never travels to the main process, whose memory it would fill and
    fragment), or the whole `RenderedMarkdown` when there is no cache or it
    could not be written. Raises nothing for any body text.
    """
    renderer = process_renderer()
    rendered = [renderer.render(job.body, job.path, job.first_line) for job in jobs]
    if folder is None or not jobs:
        return list(rendered)
    rows: list[_Row] = []
    results: list[Stored | RenderedMarkdown] = []
    for job, body in zip(jobs, rendered):
        row = _cache_row(body_key(renderer.settings_key, job), body, summary_length)
        rows.append(row)
        results.append(Stored(row[0], _facts(body), row[5]))
    if not _process_store(folder).insert(rows):
        return list(rendered)
    return results


@dataclass(frozen=True)
class BodiesResult:
    """Bodies by path, and how many were converted now (the rest came from the cache)."""

    bodies: dict[str, Body]
    converted: int


class BodyBook:
    """The converted bodies of one build: takes conversions as they come, reads the rest from the cache.

    Takes the cache folder (None: no cache, HTML kept in memory), the
    Markdown settings key (`MarkdownRenderer.settings_key`) and the
    summary length in characters. Use as a context manager; on a clean
    exit the cache keeps exactly the bodies this build used.
    """

    def __init__(self, folder: Path | None, settings_key: str, summary_length: int) -> None:
        self._settings_key, self._summary_length = settings_key, summary_length
        self._store = _Store(folder) if folder is not None else None
        self._rows: list[_Row] = []
        self._used: set[str] = set()
        self.converted = 0
        """Bodies converted in this build (the others came from the cache)."""
        if folder is not None:
            for name in _OLD_CACHE_FILES:
                try:
                    (folder / name).unlink()
                except OSError:
                    pass

    def __enter__(self) -> "BodyBook":
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self._flush()
            self._prune()

    def key(self, job: BodyJob) -> str:
        """The cache key of ``job`` (`body_key`; its ``known_key`` when made with these settings)."""
        settings, known = job.known_key
        return known if known and settings == self._settings_key else body_key(self._settings_key, job)

    def recall(self, remembered: Sequence[tuple[BodyJob, Facts, str]]) -> dict[str, Body]:
        """Bodies an earlier build converted, from what it kept of each with its page: ``{job path: Body}``.

        Takes ``(job, facts, summary)`` per body, as `Body.facts` and
        `Body.summary` were when the page was stored (`sitegen.pagecache`,
        whose key holds the summary length), the job's ``known_key`` made
        with these settings. A body is taken only while the cache still
        holds its HTML, found with one query of keys: its facts are not
        read from the cache and decoded from JSON again (measured at 10,000
        pages: about 3% less CPU for loading, since they are unpickled with
        the page instead). The others are left out, for `take` to read or
        convert. Without a cache: none.
        """
        if self._store is None:
            return {}
        wanted = {key: entry for entry in remembered
                  if (key := entry[0].known_key[1]) and entry[0].known_key[0] == self._settings_key}
        bodies: dict[str, Body] = {}
        for key in self._select("key", list(wanted)):
            job, facts, summary = wanted[key]
            self._used.add(key)
            bodies[job.path] = Body(facts, summary, key=key, job=job, store=self._store, html=None)
        return bodies

    def known(self, jobs: Sequence[BodyJob]) -> set[BodyJob]:
        """The jobs whose converted body the cache holds."""
        keys = {self.key(job): job for job in jobs}
        return {keys[key] for key in self._select("key", list(keys))}

    def add(self, job: BodyJob, rendered: RenderedMarkdown) -> Body:
        """Take a body converted now: store it (in batches) and return its `Body`."""
        key = self.key(job)
        self._used.add(key)
        self.converted += 1
        row = _cache_row(key, rendered, self._summary_length)
        summary = row[5]
        if self._store is None:
            return Body(_facts(rendered), summary, key=key, job=job, store=None, html=rendered.html)
        self._rows.append(row)
        if len(self._rows) >= _BATCH:
            self._flush()
        return Body(_facts(rendered), summary, key=key, job=job, store=self._store, html=None)

    def stored(self, job: BodyJob, stored: Stored) -> Body:
        """Take a body converted and stored by a worker (`convert_and_store`); return its `Body`."""
        self._used.add(stored.key)
        self.converted += 1
        return Body(stored.facts, stored.summary, key=stored.key, job=job, store=self._store, html=None)

    def take(self, jobs: Sequence[BodyJob], pool: WorkerPool, renderer: MarkdownRenderer) -> dict[str, Body]:
        """Bodies for ``jobs``: from the cache, or converted now (in ``pool`` when there are enough)."""
        self._flush()
        keys = {job.path: self.key(job) for job in jobs}
        found = self._read(list(keys.values()))
        bodies: dict[str, Body] = {}
        missing: list[BodyJob] = []
        for job in jobs:
            entry = found.get(keys[job.path])
            if entry is None:
                missing.append(job)
                continue
            self._used.add(keys[job.path])
            facts, summary = entry
            bodies[job.path] = Body(facts, summary, key=keys[job.path], job=job, store=self._store, html=None)
        if len(missing) < PARALLEL_THRESHOLD:
            converted = [renderer.render(job.body, job.path, job.first_line) for job in missing]
        else:
            converted = pool.map(convert_body, missing, threshold=PARALLEL_THRESHOLD)
        for job, rendered in zip(missing, converted):
            bodies[job.path] = self.add(job, rendered)
        self._flush()
        return bodies

    def _select(self, columns: str, keys: list[str]) -> list[tuple]:
        db = self._store.connection() if self._store is not None else None
        rows: list[tuple] = []
        if db is None:
            return rows
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows += db.execute(f"SELECT {columns} FROM bodies WHERE key IN ({marks})", chunk).fetchall()
        except sqlite3.Error:
            return []
        return [row if len(row) > 1 else row[0] for row in rows]

    def _read(self, keys: list[str]) -> dict[str, tuple[Facts, str]]:
        """Stored facts and summaries by key; a summary made for another length is made again and stored."""
        found = {}
        redone: list[tuple[str, int, str]] = []
        for key, facts, length, summary in self._select("key, facts, summary_length, summary", keys):
            try:
                decoded = _decode_facts(facts)
            except (ValueError, TypeError):
                continue
            if length != self._summary_length:
                source = self._select("summary_source", [key])
                if not source:
                    continue
                summary = summarize(source[0], self._summary_length)
                redone.append((summary, self._summary_length, key))
            found[key] = (decoded, summary)
        if redone and self._store is not None:
            self._store.execute("UPDATE bodies SET summary = ?, summary_length = ? WHERE key = ?", redone)
        return found

    def _flush(self) -> None:
        if self._rows and self._store is not None:
            self._store.insert(self._rows)
        self._rows = []

    def _prune(self) -> None:
        """Drop every entry this build did not use."""
        db = self._store.connection() if self._store is not None else None
        if db is None:
            return
        try:
            with db:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)", [(k,) for k in self._used])
                db.execute("DELETE FROM bodies WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.Error:
            return


def render_bodies(jobs: Sequence[BodyJob], *, summary_length: int = 120, workers: int = 1,
                  cache_folder: Path | None = None, renderer: MarkdownRenderer | None = None) -> BodiesResult:
    """Convert every body, taking unchanged ones from the cache (a `BodyBook` for callers with one list).

    Takes the bodies, the summary length in characters, the number of
    worker processes (1: convert here), the cache folder (None: no cache)
    and optionally a renderer to reuse here. Returns `BodiesResult` with one
    `Body` per job path. Raises nothing for any body text.
    """
    renderer = renderer or process_renderer()
    with WorkerPool(workers) as pool, BodyBook(cache_folder, renderer.settings_key, summary_length) as book:
        bodies = book.take(jobs, pool, renderer)
    return BodiesResult(bodies, book.converted)


def convert_body(job: BodyJob) -> RenderedMarkdown:
    """Convert one body with this process's renderer (made on first use and kept: building one is costly)."""
    return process_renderer().render(job.body, job.path, job.first_line)


@functools.lru_cache(maxsize=1)
def process_renderer() -> MarkdownRenderer:
    """This process's default `MarkdownRenderer`, made on first use and kept (about 10 ms to build).

    One for the whole process: the loader's and the converter's are the
    same, and a worker forked after it was made inherits it ready.
    """
    return MarkdownRenderer()


_PROCESS_STORES: dict[tuple[int, Path], _Store] = {}


def _process_store(folder: Path) -> _Store:
    """This process's store for ``folder`` (a worker writes through one connection for all its batches)."""
    key = (os.getpid(), folder)
    if key not in _PROCESS_STORES:
        _PROCESS_STORES.clear()  # another process's (inherited through fork) or another site's
        _PROCESS_STORES[key] = _Store(folder)
    return _PROCESS_STORES[key]
