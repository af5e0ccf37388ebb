"""Which source file had which address at the last build, and a warning when a page's address moved.

A page's address comes from its ``slug:``, else its file name, else the
pinyin of its title (README "Slugs"), so renaming a file or mending a
title can move a page: links readers shared then give 404. After each
successful build the build cache keeps, per build options (as
`sitegen.fresh` does), an `AddressBook`: for every published interview
and case study, its file, address, title and a digest of its text.

The next build compares its pages with that record (`moved_pages`): a
file whose address is not the one recorded, or a new file with the
title or the text of a file that is gone (a rename), is warned when
nothing of the site is at the old address any more (no alias keeps it,
no other page took it). The warning depends on the record alone: a first
build, or one after ``--clean``, has none and warns of nothing.

May import: errors, load, site, fresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, NamedTuple

from .errors import Report
from .fresh import digest
from .load import Document, slug_origin
from .site import Entry, SiteGraph

ADDRESS_FILE = "addresses-{key}.json"
"""The record of the last build's page addresses in the build cache, one per build options."""
_VERSION = 1


class Known(NamedTuple):
    """What the record holds of one page: its address, title, source key (`Document.source_digest`) and text digest."""

    url: str
    title: str
    source: str
    text: str


def address_record_path(cache_folder: Path, key: str) -> Path:
    """Where the address record of the build options named ``key`` (`sitegen.fresh.options_key`) is kept."""
    return cache_folder / ADDRESS_FILE.format(key=key)


@dataclass(frozen=True)
class AddressBook:
    """The addresses of a build's pages: ``{source file: Known}``."""

    pages: Mapping[str, Known]

    @classmethod
    def load(cls, path: Path) -> "AddressBook":
        """The record at ``path``; empty when missing, damaged or of another version."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != _VERSION:
                return cls({})
            return cls({rel: Known(*fields) for rel, fields in data["pages"].items()})
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls({})

    @classmethod
    def of(cls, graph: SiteGraph, before: "AddressBook") -> "AddressBook":
        """The addresses of the published pages of ``graph``; a text unchanged since ``before`` is not hashed again."""
        pages = {}
        for entry in graph.interviews + graph.cases:
            document = entry.document
            known = before.pages.get(document.path)
            text = (known.text if known is not None and document.source_digest
                    and known.source == document.source_digest else _text_digest(document))
            pages[document.path] = Known(entry.url, document.meta.title, document.source_digest, text)
        return cls(pages)

    def save(self, path: Path) -> None:
        """Keep the record for the next build (atomically; an unwritable cache is ignored)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_text(json.dumps({"version": _VERSION, "pages": {
                rel: list(known) for rel, known in sorted(self.pages.items())}}, ensure_ascii=False),
                encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass


def _text_digest(document: Document) -> str:
    """What identifies a page's text wherever its file is: a digest of its body."""
    return digest(document.body.encode("utf-8", "surrogatepass"))


def moved_pages(graph: SiteGraph, sources: set[str], before: AddressBook, now: AddressBook,
                report: Report) -> None:
    """Warn at each page whose address moved since the build recorded in ``before``, leaving nothing at the old one.

    Takes the site graph, every page file loaded (drafts too), the last
    build's record, this build's (`AddressBook.of`) and the report. A file
    in both records is compared with itself; a file new since then with
    the files gone since (not loaded at all: a draft is not gone), by text,
    else by title, each gone file matched once. The warning is at the
    file, at its ``slug:`` or ``title:`` line when the address comes from
    it (`sitegen.load.slug_origin`).
    """
    if not before.pages:
        return
    served = {page.url for page in graph.pages}
    entries = {entry.document.path: entry for entry in graph.interviews + graph.cases}
    gone = {rel: known for rel, known in before.pages.items() if rel not in sources}
    for rel, known in sorted(now.pages.items()):
        old = before.pages.get(rel) or _renamed_from(known, gone)
        if old is not None and old.url != known.url and old.url not in served:
            _warn(entries[rel], old.url, graph, report)


def _renamed_from(known: Known, gone: dict[str, Known]) -> Known | None:
    """The gone file a new file most likely was (same text, else same title), taken out of ``gone``; else None."""
    for same in (lambda other: other.text == known.text, lambda other: other.title == known.title):
        match = next((rel for rel, other in sorted(gone.items()) if same(other)), None)
        if match is not None:
            return gone.pop(match)
    return None


def _warn(entry: Entry, old: str, graph: SiteGraph, report: Report) -> None:
    document = entry.document
    line, column = slug_origin(document)
    slug = graph.config.permalinks.slug_of(document.collection, old)
    add = f"aliases: [{old}] so the old address leads here"
    report.warning(document.path, line, column,
                   f"the page's address changed from {old} to {entry.url} since the last build: links to the old "
                   "address will no longer work",
                   f"keep the old address with slug: {slug}, or keep the new one and add {add}"
                   if slug else f"add {add}")
