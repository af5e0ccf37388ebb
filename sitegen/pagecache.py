"""The cache of loaded pages and records: a file's text → its checked front matter or record, so rebuilds skip YAML.

Reading a page's front matter (YAML pre-scan, parse, validation into a
record) is most of what a rebuild does once Markdown comes from its own
cache (`sitegen.bodies`). This store keeps, per source path, the digest of
the file's decoded text with the settings and sitegen's code, and what
loading it gave: the page (or a series or unit record with its YAML) and
the warnings met on the way. An entry is taken from here only when all
three are unchanged; files with errors are never stored, so an error is
always found again.

The store is SQLite in the build cache (``pages.sqlite3``), one row per
path, values pickled: like compiled templates, the cache is trusted as
program code (README, "What sitegen trusts"). Every SQLite or unpickling
failure makes it behave as empty: a damaged cache never stops a build.

May import: errors, fresh.
"""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path
from typing import Any

from .errors import Problem
from .fresh import digest

CACHE_FILE = "pages.sqlite3"
_BATCH = 256


def text_key(settings_key: str, path: str, text: str) -> str:
    """The key of one loaded page: `sitegen.fresh.digest` of the settings key, the path and the decoded text."""
    return digest(*(part.encode("utf-8", "surrogatepass") for part in (settings_key, path, text)))


class PageCache:
    """Loaded pages by path, valid for one key each (see `text_key`).

    Takes the cache folder, or None for no cache. `get` returns ``(page,
    warnings)`` stored for a path under the same key, else None; `put`
    remembers a page for `save`, which writes every new entry and removes
    the rows of paths not seen in this build.
    """

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        self._keys: dict[str, str] = {}  # path → key of the stored row; values are read on demand
        self._new: list[tuple[str, str, bytes]] = []
        self._seen: set[str] = set()
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / CACHE_FILE, timeout=10)
            self._db.execute("CREATE TABLE IF NOT EXISTS pages "
                             "(path TEXT PRIMARY KEY, key TEXT NOT NULL, value BLOB NOT NULL)")
            self._keys = dict(self._db.execute("SELECT path, key FROM pages"))
        except (sqlite3.Error, OSError):
            self._db, self._keys = None, {}

    def get(self, path: str, key: str) -> tuple[Any, list[Problem]] | None:
        """The page and warnings stored for ``path`` under ``key``, or None."""
        self._seen.add(path)
        if self._db is None or self._keys.get(path) != key:
            return None
        try:
            row = self._db.execute("SELECT value FROM pages WHERE path = ? AND key = ?", (path, key)).fetchone()
            page, warnings = pickle.loads(row[0])
        except Exception:  # noqa: BLE001 - any damage to a cache entry means "not cached"
            return None
        return page, warnings

    def put(self, path: str, key: str, page: Any, warnings: list[Problem]) -> None:
        """Remember a page loaded without errors, with the warnings its loading gave.

        Entries are written in batches, so a large site's cold build does not
        hold them all in memory.
        """
        self._seen.add(path)
        try:
            self._new.append((path, key, pickle.dumps((page, warnings), protocol=pickle.HIGHEST_PROTOCOL)))
        except (pickle.PicklingError, TypeError, AttributeError):
            return
        if len(self._new) >= _BATCH:
            self._write_new()

    def _write_new(self) -> None:
        if self._db is not None and self._new:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", self._new)
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
                gone = [(path,) for path in self._keys if path not in self._seen]
                self._db.executemany("DELETE FROM pages WHERE path = ?", gone)
        except sqlite3.Error:
            pass
        finally:
            self._db.close()
            self._db = None
