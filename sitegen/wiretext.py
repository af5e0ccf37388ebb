"""Long texts pickled as UTF-8 bytes, so that pickling them leaves the texts kept in memory as they were.

CPython keeps a text's UTF-8 form inside the ``str`` from the first time
C code asks for it (pickling a ``str`` does, as does SQLite binding one)
for as long as the text lives: for Chinese, 3 bytes a character beside
the 2 of the text itself. A page sent to a worker and stored in the page
cache would hold its text 2.5 times over for the rest of the build: 60 MB
more at 10,000 pages, measured. ``str.encode`` makes bytes of its own and
keeps nothing, so objects kept through a build pickle their long texts
with `packed` and are made again with `unpacked`.

May import: nothing of sitegen (the standard library only).
"""

from __future__ import annotations


def packed(text: str) -> bytes:
    """The UTF-8 bytes of ``text`` for a pickle, lone surrogates kept (``surrogatepass``), ``text`` unchanged."""
    return text.encode("utf-8", "surrogatepass")


def unpacked(data: bytes) -> str:
    """The text `packed` made ``data`` of, equal to it character for character."""
    return data.decode("utf-8", "surrogatepass")
