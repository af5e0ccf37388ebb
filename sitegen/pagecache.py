"""The cache of loaded pages and records: a file's text → its checked front matter or record, so rebuilds skip YAML.

Reading a page's front matter (YAML pre-scan, parse, validation into a
record) is most of what a rebuild does once Markdown comes from its own
cache (`sitegen.bodies`). This store keeps, per source path, the digest of
the file's decoded text (`source_digest`), the key made of it with the
settings and sitegen's code (`text_key`), and what loading it gave: the
page (or a series or unit record with its YAML), the warnings met reading
and decoding the file and those met after. An entry is taken from here
only when all three are unchanged; files with errors are never stored, so
an error is always found again.

A page file need not even be read again when its stamp (device, inode,
size, modification and change time, as `sitegen.fresh` compares them) is
the one stored with its entry: any write to a file changes its change
time. A stamp taken less than `SETTLE_SECONDS` after the file's last change
is not stored (a later write in the same clock tick could leave the times
equal, the "racy" case git's index also guards against), so such a file is
read again next time.

The store is SQLite in the build cache (``pages.sqlite3``), one row per
path, values pickled: like compiled templates, the cache is trusted as
program code (README, "What sitegen trusts"). Every SQLite or unpickling
failure makes it behave as empty: a damaged cache never stops a build.

May import: errors, fresh.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from .errors import Problem
from .fresh import digest

CACHE_FILE = "pages.sqlite3"
_SCHEMA = 2  # PRAGMA user_version of the current layout; another value means: start empty
_BATCH = 256
_READ_AHEAD = 256
"""Stored values read in one query: the rows from the one asked for on, in path order (the order sources are found)."""
SETTLE_SECONDS = 2
"""A file's stamp is stored only when its last change is at least this old (coarse file system clocks)."""


_now_ns = time.time_ns  # the clock `settled_stamp` reads (tests move it forward)


def source_digest(path: str, text: str) -> str:
    """`sitegen.fresh.digest` of a source file's path and decoded text: what identifies its content."""
    return digest(path.encode("utf-8", "surrogatepass"), text.encode("utf-8", "surrogatepass"))


def text_key(settings_key: str, source: str) -> str:
    """The key of one loaded page: digest of the settings key (settings and sitegen's code) and its `source_digest`."""
    return digest(settings_key.encode("utf-8", "surrogatepass"), source.encode())


def settled_stamp(info: os.stat_result, now_ns: int | None = None) -> str:
    """The stamp of a regular file as the cache stores it, or "" when it must not be trusted later.

    Takes the file's status (links followed) and the current time in
    nanoseconds (default: the clock). "" for anything but a regular file,
    and for a file changed less than `SETTLE_SECONDS` before ``now_ns``.
    """
    now_ns = _now_ns() if now_ns is None else now_ns
    if not stat.S_ISREG(info.st_mode) or now_ns - info.st_ctime_ns < SETTLE_SECONDS * 1_000_000_000:
        return ""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


class Entry(NamedTuple):
    """One cached load: its key, the page or record, the warnings of reading the file and of loading it."""

    key: str
    value: Any
    read_warnings: list[Problem]
    warnings: list[Problem]


class PageCache:
    """Loaded pages by path, valid for one key each (see `text_key`).

    Takes the cache folder, or None for no cache. `get` returns the `Entry`
    stored for a path under the same key, `settled` the one stored for a
    path whose file still has the same stamp (the settings unchanged too);
    else None. `put` remembers an entry for `save`, which writes every new
    entry and removes the rows of paths not seen in this build.
    """

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        self._rows: dict[str, tuple[str, str, str]] = {}  # path → (key, source, stamp); values read on demand
        self._new: list[tuple[str, str, str, str, bytes]] = []
        self._seen: set[str] = set()
        self._ahead: dict[str, tuple[str, bytes]] = {}  # path → (key, value) of rows read ahead, not yet asked for
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / CACHE_FILE, timeout=10)
            if self._db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA:
                with self._db:
                    self._db.execute("DROP TABLE IF EXISTS pages")
                    self._db.execute(f"PRAGMA user_version = {_SCHEMA}")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages (path TEXT PRIMARY KEY, key TEXT NOT NULL, "
                             "source TEXT NOT NULL, stamp TEXT NOT NULL, value BLOB NOT NULL)")
            self._rows = {path: (key, source, stamp) for path, key, source, stamp
                          in self._db.execute("SELECT path, key, source, stamp FROM pages")}
        except (sqlite3.Error, OSError):
            self._db, self._rows = None, {}

    def get(self, path: str, key: str) -> Entry | None:
        """The entry stored for ``path`` under ``key``, or None."""
        self._seen.add(path)
        row = self._rows.get(path)
        if row is None or row[0] != key:
            return None
        return self._entry(path, key)

    def settled(self, path: str, stamp: str, settings_key: str) -> Entry | None:
        """The entry of ``path`` when its file has the stored ``stamp`` (see `settled_stamp`) and the settings
        key is the one it was loaded with; else None. The file need not be read."""
        self._seen.add(path)
        row = self._rows.get(path)
        if not stamp or row is None or row[2] != stamp or text_key(settings_key, row[1]) != row[0]:
            return None
        return self._entry(path, row[0])

    def _entry(self, path: str, key: str) -> Entry | None:
        try:
            blob = self._value(path, key)
            if blob is None:
                return None
            value, read_warnings, warnings = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - any damage to a cache entry means "not cached"
            return None
        return Entry(key, value, read_warnings, warnings)

    def _value(self, path: str, key: str) -> bytes | None:
        """The pickled value stored for ``path`` under ``key``, or None. Raises `sqlite3.Error`.

        Sources are loaded in sorted path order, so the rows after this one
        are read with it (`_READ_AHEAD`, one query instead of one per file)
        and held until asked for; a row read ahead is asked for at most once.
        """
        ahead = self._ahead.pop(path, None)
        if ahead is None:
            self._ahead = {row_path: (row_key, value) for row_path, row_key, value in self._db.execute(  # type: ignore[union-attr]
                "SELECT path, key, value FROM pages WHERE path >= ? ORDER BY path LIMIT ?", (path, _READ_AHEAD))}
            ahead = self._ahead.pop(path, None)
        return ahead[1] if ahead is not None and ahead[0] == key else None

    def put(self, path: str, key: str, value: Any, warnings: Sequence[Problem], *, source: str,
            stamp: str = "", read_warnings: Sequence[Problem] = ()) -> None:
        """Remember a page loaded without errors, with the warnings its reading and loading gave.

        ``source`` is its `source_digest`, ``stamp`` its file's `settled_stamp`
        ("" when it must be read again next time). Entries are written in
        batches, so a large site's cold build does not hold them all in memory.
        """
        self._seen.add(path)
        try:
            blob = pickle.dumps((value, list(read_warnings), list(warnings)), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return
        self._new.append((path, key, source, stamp, blob))
        if len(self._new) >= _BATCH:
            self._write_new()

    def _write_new(self) -> None:
        if self._db is not None and self._new:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)", self._new)
            except sqlite3.Error:
                pass
        self._new = []

    def save(self) -> None:
        """Write the new entries, drop the rows of paths not read by this build, close the database."""
        if self._db is None:
            return
        try:
            self._write_new()
            with self._db:
                gone = [(path,) for path in self._rows if path not in self._seen]
                self._db.executemany("DELETE FROM pages WHERE path = ?", gone)
        except sqlite3.Error:
            pass
        finally:
            self._db.close()
            self._db = None
