"""Find, read, decode and split the site's source files.

Job: list the source files under a folder of the site (`find_sources`), read
one file as text whatever editor saved it (`read_source`: UTF-8 with or
without a byte-order mark, Windows CRLF line ends, GBK/GB18030 from Chinese
Windows "ANSI"), and split a page into its YAML front matter and its body
(`split_front_matter`). Files are never rewritten, and never read with the
locale's default encoding (cases 06, 07 and 08 in ``shared/cases``). Links
that lead outside the site folder are refused (case 23). A file larger than
`MAX_SOURCE_BYTES`, or one that is not a regular file (a pipe, a device), is
refused before a byte of it is read, so one hostile file cannot exhaust
memory or hang the build (issue 7).

Every problem goes into the `Report` passed in, with the file path relative
to the site root; nothing here raises for bad input.

May import: lazyre, errors, yamltext (and the standard library, PyYAML).
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from .errors import WIDE_SPACES, Report, space_name
from .lazyre import compile_later
from .yamltext import FIELD_KEY

ENCODING_HINT = ("open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and "
                 "save again")
"""How an editor re-saves a file as UTF-8 (shown with every encoding problem)."""

BACKUP_SUFFIXES = ("~", ".swp", ".swx", ".tmp")
"""Editor backup and temporary files that `find_sources` skips."""

OWNER_FILE_PREFIX = "~$"
"""Word's and WPS's lock ("owner") files: ``~$访谈.md`` exists while ``访谈.md`` is open there.

Windows hides them, so an editor who never sees one must never get an error for it.
"""


SYSTEM_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "__macosx"})
"""Files Windows writes into folders by itself (picture thumbnails, folder settings) and the folder a zip made
on a Mac unpacks: never content, and not hidden from Windows editors, who copy them along. Lower case."""


def is_skipped_name(name: str) -> bool:
    """Return True when a file or folder ``name`` is never a source.

    Takes a bare name (no folder). True for hidden names (``.x``), editor
    backups and swap files (`BACKUP_SUFFIXES`), Word/WPS lock files
    (`OWNER_FILE_PREFIX`) and the system files of `SYSTEM_NAMES`
    (``Thumbs.db``). Raises nothing.
    """
    return (name.startswith((".", OWNER_FILE_PREFIX)) or name.endswith(BACKUP_SUFFIXES)
            or name.lower() in SYSTEM_NAMES)

MAX_SOURCE_BYTES = 8 * 1024 * 1024
"""Largest page, record, data file or ``site.yaml`` that `read_source` reads: 8 MB (MiB).

The bundled interview is 9 KB, and ten years of a unit's daily figures are under 2 MB;
before this limit a 26 MB YAML list took 36 s and 2 GB of memory to load (issue 7).
Images and other assets are copied, not read here, and have no such limit."""

_DELIMITER = compile_later(r"---[ \t]*")
_TOML_FENCE = compile_later(r"\+\+\+[ \t]*")  # Hugo's TOML front matter
_YAML_END = compile_later(r"\.\.\.[ \t]*")  # YAML's end-of-document line, where the closing "---" belongs
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


@dataclass(frozen=True)
class SourceFile:
    """One source file, decoded.

    Fields:
        path: relative to the site root, with forward slashes
            (``content/interviews/gbk.md``); used in every problem about it.
        text: the decoded text; the byte-order mark removed; ``\\r\\n`` and lone
            ``\\r`` turned into ``\\n`` (so line numbers match what editors see).
        encoding: how the bytes were read: ``"utf-8"``, ``"utf-8-sig"`` (UTF-8
            with a byte-order mark) or ``"gb18030"`` (GBK/GB18030, with a warning).
    """

    path: str
    text: str
    encoding: str


@dataclass(frozen=True)
class FrontMatterDocument:
    """A page split into front matter and body.

    Fields:
        source: the file it came from.
        front_matter: the YAML text between the ``---`` lines (each line ending
            in ``\\n``), or None when the file has no front matter.
        front_matter_line: file line of the first YAML line (2 when line 1 is
            ``---``; 1 when there is no front matter).
        body: everything after the closing ``---`` line, exactly as typed.
        body_line: file line of the body's first line.
    """

    source: SourceFile
    front_matter: str | None
    front_matter_line: int
    body: str
    body_line: int


def read_source(root: Path, rel_path: str, report: Report) -> SourceFile | None:
    """Read and decode the file ``root / rel_path``.

    Args:
        root: the site folder.
        rel_path: the file's path relative to ``root``, forward slashes.
        report: receives a warning when the file is GBK/GB18030 (it is still
            read), or an error when it cannot be read.

    Returns:
        The `SourceFile`, or None after an error: the file is (or leads through)
        a symbolic link to a place outside ``root``; it cannot be opened; it is
        not a regular file; it is larger than `MAX_SOURCE_BYTES` (checked
        before reading, and again while reading in case it grows); it is
        UTF-16 (with its byte-order mark or without); or it is neither UTF-8
        nor Chinese GB18030 text (the error names the line and column of the
        first byte that cannot be read).

    Never raises for bad files; the file is never written to. To read many
    files of one site, use one `SourceReader` (same results, fewer system calls).
    """
    return SourceReader(root).read(rel_path, report)


class SourceReader:
    """Reads files of one site folder (`read` is `read_source`), resolving each folder's real path once.

    Whether a file stays inside the site, every symbolic link followed, is
    decided from the real path of its folder (found once per folder, as
    ``os.path.realpath`` does) and one ``lstat`` of the file itself, instead
    of one ``lstat`` per part of every path. Use one reader for one load
    only: folders may become links between builds.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base: str | None = None
        self._folders: dict[str, str] = {}

    def read(self, rel_path: str, report: Report, info: os.stat_result | None = None) -> SourceFile | None:
        """Read and decode ``rel_path`` (see `read_source`); None after an error (reported).

        ``info``: the file's status as `look` just gave it (saves looking again).
        """
        path = _posix(rel_path)
        if info is None:
            info = self.look(path, report)
            if info is None:
                return None
        try:
            data = _read_limited(self.root / path, path, report, info)
        except OSError as exc:
            report.error(path, None, None, f"the file could not be read ({exc.strerror or exc})",
                         "check that the file exists and that you may read it")
            return None
        return decode_source(path, data, report) if data is not None else None

    def look(self, rel_path: str, report: Report) -> os.stat_result | None:
        """The status of ``rel_path`` (links followed) when it stays inside the site and can be looked at.

        Otherwise reports the error `read` would (a link leading out of the
        site, a file that cannot be looked at) and returns None. Reads nothing.
        """
        path = _posix(rel_path)
        try:
            info = self._inside(path)
        except OSError as exc:
            report.error(path, None, None, f"the file could not be read ({exc.strerror or exc})",
                         "check that the file exists and that you may read it")
            return None
        if info is None:
            _report_outside(self.root, path, report)
        return info

    def check_inside(self, rel_path: str, report: Report) -> bool:
        """True when ``rel_path`` stays inside the site (see `check_inside`); else reports an error.

        A file that cannot be looked at (gone, no permission) counts as
        inside here: reading it reports why.
        """
        try:
            if self._inside(rel_path) is not None:
                return True
        except OSError:
            return True
        _report_outside(self.root, rel_path, report)
        return False

    def _inside(self, rel_path: str) -> os.stat_result | None:
        """The file's status (links followed) when it stays inside the site, else None.

        Raises OSError when the file cannot be looked at.
        """
        try:
            base = self._base if self._base is not None else os.path.realpath(self.root)
            self._base = base
            folder, _, _name = rel_path.rpartition("/")
            real_folder = self._folders.get(folder)
            if real_folder is None:
                real_folder = os.path.realpath(os.path.join(self.root, folder))
                self._folders[folder] = real_folder
            if not _within(real_folder, base):
                return None
            full = os.path.join(self.root, rel_path)
            info = os.lstat(full)
            if stat.S_ISLNK(info.st_mode):
                if not _within(os.path.realpath(full), base):
                    return None
                info = os.stat(full)
        except ValueError:  # a NUL in the name
            return None
        return info


def _posix(rel_path: str) -> str:
    """``rel_path`` with forward slashes and no empty or ``.`` parts (as `PurePosixPath` writes it)."""
    if "\\" in rel_path or "//" in rel_path or "/./" in rel_path or rel_path.startswith("./") \
            or rel_path.endswith(("/", "/.")) or rel_path in ("", "."):
        return PurePosixPath(rel_path.replace("\\", "/")).as_posix()
    return rel_path  # already in that form: most paths, and PurePosixPath costs microseconds a call


def _within(real: str, base: str) -> bool:
    """True when the real path ``real`` is the real folder ``base`` or inside it."""
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _read_limited(full: Path, path: str, report: Report, info: os.stat_result | None = None) -> bytes | None:
    """Return the bytes of ``full``, or None after reporting a file too large or not a regular file.

    The size is checked with ``stat`` (or the status ``info`` just taken)
    before the file is opened, and at most `MAX_SOURCE_BYTES` + 1 bytes are
    ever read. Raises OSError when the file cannot be opened or read.
    """
    info = info if info is not None else full.stat()
    if not stat.S_ISREG(info.st_mode):
        report.error(path, None, None, "the file is not a regular file (a pipe, a device or a socket); "
                     "it was not read", "replace it with an ordinary text file")
        return None
    if info.st_size > MAX_SOURCE_BYTES:
        _report_too_large(path, info.st_size, report)
        return None
    with open(full, "rb") as stream:
        data = stream.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:  # it grew after the check
        _report_too_large(path, max(len(data), full.stat().st_size), report)
        return None
    return data


def _report_too_large(path: str, size: int, report: Report) -> None:
    """Report a source file larger than `MAX_SOURCE_BYTES`: its size and the limit, in MB."""
    limit = MAX_SOURCE_BYTES // (1024 * 1024)
    report.error(path, None, None,
                 f"the file is {size / (1024 * 1024):.1f} MB; sitegen reads source files of at most {limit} MB",
                 "split it into smaller files: one interview or case per page, one unit per file, "
                 "or several files under data/")


def check_inside(root: Path, rel_path: str, report: Report) -> bool:
    """True when the file ``root / rel_path``, every symbolic link followed, stays inside ``root``.

    Otherwise reports an error naming the file (a link leading out of the
    site, or a path outside it) and returns False: such a file is never read
    nor published (case 23 of the editor-mistake cases: a link to
    ``/etc/hostname`` must not end up on the public site).
    """
    return SourceReader(root).check_inside(rel_path, report)


def decode_source(path: str, data: bytes, report: Report) -> SourceFile | None:
    """Decode the bytes of the file ``path`` (see `read_source` for the rules).

    UTF-8 is tried first (a leading byte-order mark is dropped); then strict
    GB18030, accepted with a warning only if most non-ASCII characters are
    Chinese characters or punctuation. Returns None after an error: a
    word processor's document (`document_kind`) is told as such, as its
    bytes read as no text the editor ever saw.
    """
    wide = _wide_encoding(data)
    if wide is not None:
        name = "UTF-32" if wide.startswith("utf-32") else 'UTF-16 ("Unicode")'
        report.error(path, 1, 1, f"the file is saved as {name}, not UTF-8", ENCODING_HINT)
        return None
    document = document_kind(data)
    if document is not None:
        name, program = document
        report.error(path, 1, 1, f"the file is {name}, not plain text (纯文本), so sitegen cannot read it",
                     f"open it in {program} and save it as plain text in UTF-8: 另存为 → 纯文本 (*.txt), 编码 UTF-8 "
                     "(or copy all its text into Notepad 记事本 or WPS, and there 另存为 → 编码 UTF-8); then give "
                     f"the saved file the name {PurePosixPath(path).name} in place of this one")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _cut_in_a_character(data, exc):
            _report_cut_character(path, data, exc, report)
            return None
        return _decode_gb18030(path, data, exc, report)
    if text.startswith("\ufeff"):
        return SourceFile(path, _normalise(text[1:]), "utf-8-sig")
    return SourceFile(path, _normalise(text), "utf-8")


_OLE_MARK = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a file of the older Office format starts (Word's .doc, WPS's .wps, Excel's .xls)."""


def document_kind(data: bytes) -> tuple[str, str] | None:
    """What word processor's (or spreadsheet's) document the bytes ``data`` are, if any, by how they start.

    Returns (the kind, as a message names it: ``a Word document (.docx)``;
    the programs that open it, for the hint), or None for any other bytes.
    An editor who wrote a page in WordPad or Word and gave it the name
    ``.md`` sees the text, ``---`` included, in that program: told "no
    front matter, start the file with ---" (RTF) or "byte 0xE2 cannot be
    read" (a .docx is a ZIP archive), they could not see what to mend.
    Raises nothing.
    """
    if data.startswith(b"{\\rtf"):
        return "a WordPad or Word document saved as RTF (富文本, Rich Text Format)", "WordPad (写字板), Word or WPS"
    if data.startswith(b"PK\x03\x04"):
        # An Office Open XML file is a ZIP archive: the folder of its parts names the program.
        for folder, kind, program in ((b"word/", "a Word document (.docx)", "Word or WPS"),
                                      (b"xl/", "an Excel workbook (.xlsx)", "Excel or WPS"),
                                      (b"ppt/", "a PowerPoint presentation (.pptx)", "PowerPoint or WPS")):
            if folder in data:
                return kind, program
        return "a ZIP archive (压缩包), such as a Word document (.docx)", "the program that made it"
    if data.startswith(_OLE_MARK):
        return "a Word or WPS document of the older format (.doc, .wps)", "Word or WPS"
    return None


def decode_for_display(data: bytes) -> str | None:
    """Return the text of a file's bytes for quoting its lines beside a problem, or None.

    Takes the bytes of a source file. Decodes them as `decode_source` does
    (UTF-8 with or without a byte-order mark, else GBK/GB18030 when it reads
    as Chinese text), and also UTF-16, which the build refuses but an editor
    reads in any text editor: the quoted lines are then the file's own
    text, not its bytes read as UTF-8. Line ends are turned into ``\\n``.
    Returns None when the bytes are none of these (a damaged file): its
    lines cannot be shown as the editor sees them. Raises nothing.
    """
    encoding = _wide_encoding(data)
    if encoding is not None:
        try:
            return _normalise(data.decode(encoding).removeprefix("\ufeff"))
        except UnicodeDecodeError:
            return None
    source = decode_source("", data, Report())  # its warning or error is the build's to give
    return None if source is None else source.text


def _wide_encoding(data: bytes) -> str | None:
    """The Python codec of text saved in UTF-32 or UTF-16, with its byte-order mark or without; None for any other.

    UTF-32 first: its little-endian mark starts with UTF-16's. Without a
    mark, each character of UTF-32 has a highest byte of zero, and the one
    below it too but beyond U+FFFF (`_utf16_without_mark` for UTF-16).
    """
    if data.startswith(_UTF32_BOMS):
        return "utf-32"
    head = data[:4096]
    if len(head) >= 16 and len(head) % 4 == 0:
        # A character is at most U+10FFFF: its highest byte is always zero, the next one nearly always.
        for order, top, next_top in (("le", 3, 2), ("be", 0, 1)):
            if not head[top::4].strip(b"\x00") and head[next_top::4].count(b"\x00") * 10 >= len(head) // 4 * 9:
                return f"utf-32-{order}"
    if data.startswith(_UTF16_BOMS):
        return "utf-16"
    if _utf16_without_mark(data):
        return "utf-16-be" if data[:4096:2].count(b"\x00") > data[1:4096:2].count(b"\x00") else "utf-16-le"
    return None


def _utf16_without_mark(data: bytes) -> bool:
    """True for UTF-16 text saved without its byte-order mark (a zero byte beside each ASCII sign).

    Text in UTF-8 or GB18030 holds no zero byte (but for a stray one); in
    UTF-16 every ASCII character (every front-matter key) has one, on the
    even places (big-endian) or the odd ones (little-endian), and only a
    few Chinese characters (一, U+4E00) one on the other. True when a tenth
    of the first 4 KB at least are zero bytes, nine in ten of them on one side.
    """
    head = data[:4096]
    zeros = head.count(b"\x00")
    if len(head) < 16 or zeros * 10 < len(head):
        return False
    return max(head[0::2].count(b"\x00"), head[1::2].count(b"\x00")) * 10 >= zeros * 9


def _cut_in_a_character(data: bytes, utf8_error: UnicodeDecodeError) -> bool:
    """True when UTF-8 text ``data`` ends partway through a character, all before it read: a save or a copy
    that did not finish (the file cut after 白 and the first byte of 鹤). Its UTF-8 text before the cut holds
    more than ASCII, so a file in another encoding is not taken for one."""
    if utf8_error.reason != "unexpected end of data" or utf8_error.end != len(data):
        return False
    return not data[:utf8_error.start].isascii()


def _report_cut_character(path: str, data: bytes, utf8_error: UnicodeDecodeError, report: Report) -> None:
    """Report the end of a UTF-8 file cut partway through a character (`_cut_in_a_character`), at its place.

    GB18030 reads such bytes as other characters: told as a line pasted in
    GBK, with those characters quoted, the file's own text looked damaged
    and the cause (an unfinished save) was not named.
    """
    lines = _normalise(data[:utf8_error.start].decode("utf-8").removeprefix("\ufeff")).split("\n")
    report.error(path, len(lines), len(lines[-1]) + 1,
                 "the file ends partway through a character: its last bytes begin a character (UTF-8) whose "
                 "other bytes are missing, as when a save or a copy did not finish; the text after "
                 f'"{_clipped_end(lines[-1].strip())}" may be missing too',
                 "open the file in its editor, check the end of the text against what you wrote, and save it "
                 "again (编码 UTF-8)")


def _clipped_end(line: str, width: int = 12) -> str:
    """The last ``width`` characters of ``line``, with "…" before them when it is longer."""
    return line if len(line) <= width else "…" + line[-width:]


def _clipped_start(line: str, width: int = 40) -> str:
    """The first ``width`` characters of ``line``, with "…" after them when it is longer."""
    return line if len(line) <= width else line[:width] + "…"


def _decode_gb18030(path: str, data: bytes, utf8_error: UnicodeDecodeError,
                    report: Report) -> SourceFile | None:
    """Read ``data`` as GB18030 if it looks like Chinese text; else report the bad UTF-8 byte."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        report.warning(path, None, None,
                       "the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030", ENCODING_HINT)
        return SourceFile(path, _normalise(text.removeprefix("\ufeff")), "gb18030")
    pasted = _pasted_gbk_lines(data)
    if pasted:
        for number, column, shown in pasted:
            report.error(path, number, column,
                         "this line is GBK/GB18030 Chinese text, while the rest of the file is UTF-8: it was pasted "
                         "from a file saved in another encoding, and cannot be read here",
                         f"delete the line and type it again (or paste it from a page that shows it right); it "
                         f"reads: {shown}")
        return None
    before = data[:utf8_error.start].decode("utf-8").removeprefix("\ufeff")
    lines = _normalise(before).split("\n")
    byte = data[utf8_error.start]
    report.error(path, len(lines), len(lines[-1]) + 1,
                 f"the file is not UTF-8 text: byte 0x{byte:02X} cannot be read "
                 "(and it is not GBK/GB18030 Chinese text either)", ENCODING_HINT)
    return None


def _pasted_gbk_lines(data: bytes) -> list[tuple[int, int, str]]:
    """The lines of a UTF-8 file that are GBK/GB18030 Chinese text (pasted from a file saved so): (line, column
    of the first byte UTF-8 cannot read, in characters, the line's text as GB18030 reads it). [] unless every
    line that is not UTF-8 reads as Chinese in GB18030, and some other line holds text beyond ASCII (else the
    file is in neither, or all of it is in GBK)."""
    found, utf8_beyond_ascii = [], False
    for number, raw in enumerate(data.split(b"\n"), 1):
        raw = raw.removeprefix(b"\xef\xbb\xbf").removesuffix(b"\r") if number == 1 else raw.removesuffix(b"\r")
        try:
            utf8_beyond_ascii |= not raw.decode("utf-8").isascii()
            continue
        except UnicodeDecodeError as failure:
            start = failure.start
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            return []
        if not _looks_chinese(text):
            return []
        column = len(raw[:start].decode("utf-8", errors="replace")) + 1
        found.append((number, column, text.strip()))
    return found if utf8_beyond_ascii else []


def _looks_chinese(text: str) -> bool:
    """True when more than half of the non-ASCII characters are CJK characters or punctuation."""
    others = [char for char in text if ord(char) > 0x7F]
    if not others:
        return True
    chinese = sum(1 for char in others if _is_chinese(char))
    return chinese * 2 > len(others)


def _is_chinese(char: str) -> bool:
    """True for CJK ideographs, CJK and full-width punctuation, and typographic quotes and dashes."""
    code = ord(char)
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x2010 <= code <= 0x203F or code == 0xB7)


def _normalise(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` line ends into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _inside(root: Path, path: Path) -> bool:
    """True when ``path``, with every symbolic link followed, is inside ``root``.

    Works on strings (``os.path.realpath``): it runs once per source file,
    and pathlib's objects cost more than the check itself.
    """
    try:
        real, base = os.path.realpath(path), os.path.realpath(root)
    except (OSError, ValueError):  # an unreadable folder; a NUL in the name
        return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _report_outside(root: Path, rel_path: str, report: Report) -> None:
    """Report that ``rel_path`` leads out of the site folder (see `_outside_message`), with the fix."""
    report.error(rel_path, None, None, _outside_message(root, root / rel_path),
                 "copy the file into the site folder instead of linking to it")


def _outside_message(root: Path, full: Path) -> str:
    """Say why ``full`` is refused: a symbolic link leading out of the site, or a path outside it."""
    current = full
    while current != root and current != current.parent:
        if current.is_symlink():
            return "the file is a symbolic link to a place outside the site folder; it was not read"
        current = current.parent
    return "the file is outside the site folder; it was not read"


def split_front_matter(source: SourceFile, report: Report) -> FrontMatterDocument:
    """Split ``source`` into YAML front matter and body.

    Front matter is present when line 1 is ``---`` (spaces or TABs may follow);
    it ends at the next line that is ``---`` (spaces/TABs may follow). The body
    is the rest, exactly as typed.

    Errors (reported; never raised):
        - an opening ``---`` without a closing one: error at line 1; the result
          has no front matter and the whole text as body (the build must stop).
        - blank lines before a ``---`` line that starts front matter: error at
          line 1 (front matter must start on line 1); the text is taken as body.
        - an opening or closing line typed with a Chinese input method
          (``———``, ``－－－``, ``—``), with two or four hyphens, as a
          Markdown rule (``- - -``, ``***``, ``___``), with something after
          the dashes (``---.``, ``--- title: 访谈``, a full-width space), or
          after a space the editor does not see (`` ---``, a no-break space,
          a zero-width character: see `_fence_slip`; not inside a block of
          text, ``summary: |``, nor below the page's text): error at that
          line, saying what is wrong with it; the text is still split there,
          so that the front matter's own mistakes are found too. Editors see
          such a line as the fence, so "never closed" would send them looking
          elsewhere. A closing line ``...`` (YAML's end of a document) is one
          such slip. An opening line other than dashes alone counts only when
          a field follows it (`_fields_follow`); one that is never closed is
          told so as well.
        - front matter between ``+++`` lines (TOML, as Hugo allows): error at
          line 1; the result has no front matter.
    """
    lines = source.text.split("\n")
    if _TOML_FENCE.fullmatch(lines[0]):
        report.error(source.path, 1, 1, 'the front matter is between "+++" lines, which is TOML (as Hugo writes '
                     'it); sitegen reads front matter written in YAML between "---" lines',
                     'replace both "+++" lines with "---", and write each field as "title: 白鹤镇访谈" '
                     '(a colon and a space; no "=" and no quotes needed)')
        return FrontMatterDocument(source, None, 1, source.text, 1)
    opening = None if _DELIMITER.fullmatch(lines[0]) else _fence_slip(lines[0])
    if opening is not None and not _fields_follow(lines):
        opening = None  # a page without front matter that starts with a rule or a dash: told so by the loader
    if opening is None and not _DELIMITER.fullmatch(lines[0]):
        _check_late_opening(source, lines, report)
        return FrontMatterDocument(source, None, 1, source.text, 1)
    if opening is not None:
        report.error(source.path, 1, 1, f'line 1 looks like the "---" that opens the front matter, but {opening[0]}',
                     opening[1])
    for number in range(1, len(lines)):
        line = lines[number]
        slip = _fence_slip(line) if line[:1] and line[:1] in _FENCE_MARKS + _FENCE_DOTS + _FENCE_LEAD and \
            not _YAML_END.fullmatch(line) else None  # "..." closing is told as YAML's end of a document, below
        if slip is not None and line[:1] in _FENCE_LEAD and _in_block_text(lines, number):
            slip = None  # "  ---" in the lines of a block of text (summary: |) is text
        if slip is not None and _text_start(lines, number) is not None:
            slip = None  # a rule in the page's text, below where the closing line was left out
        if slip is None and _YAML_END.fullmatch(line) and opening is None and _text_start(lines, number) is None:
            slip = '"..." ends a YAML document; the front matter ends with "---"', FENCE_HINT
        if slip is not None:
            report.error(source.path, number + 1, 1,
                         f'this line looks like the "---" that closes the front matter, but {slip[0]}', slip[1])
        if slip is None and _DELIMITER.fullmatch(line):
            text = _text_start(lines, number)
            if text is not None:  # the page's text above this "---": the closing line is missing
                report.error(source.path, text + 1, 1,
                             f'the front matter has no closing "---" before the page\'s text starts on this line '
                             f'(the "---" on line {number + 1} was taken as its end)', _close_above(text))
                return FrontMatterDocument(source, None, 1, source.text, 1)
        if slip is not None or _DELIMITER.fullmatch(line):
            front = "".join(line + "\n" for line in lines[1:number])
            body = "\n".join(lines[number + 1:])
            return FrontMatterDocument(source, front, 2, body, number + 2)
    text = _fields_end(lines, _text_start(lines, len(lines)))
    report.error(source.path, 1, 1, 'the front matter opened with "---" on line 1 is never closed' if opening is None
                 else "the front matter opened on line 1 is never closed",
                 'add a line with only "---" after the last front-matter line (title, date, …)' if text is None
                 else _close_above(text))
    return FrontMatterDocument(source, None, 1, source.text, 1)


def _fields_follow(lines: list[str]) -> bool:
    """True when line 1 of ``lines`` (a page) is followed by front matter: a field (``title: …``, ``标题：…``), the
    first line that is neither empty nor a ``#`` note, or typed after its dashes (``--- title: 访谈``).

    A line 1 of long dashes alone (``———``) needs none: no page's text starts so.
    """
    if len(lines[0].strip(_FENCE_LEAD)) > 1 and not lines[0].strip(_FENCE_LEAD).strip(_FENCE_DASHES):
        return True
    tail = _FENCE_TAIL.fullmatch(lines[0].lstrip(_FENCE_LEAD))
    after = next((line for line in lines[1:] if line.strip() and not line.lstrip().startswith("#")), "")
    return _key_start().match(after) is not None or (tail is not None and _key_start().match(tail.group(1).strip())
                                                      is not None)


@functools.cache
def _key_start() -> re.Pattern[str]:
    """A key, typed well or not: a field name, then a colon of either width.

    Compiled on first use: `_text_start` matches only lines that follow an empty one, rare in front
    matter, and the Chinese key's ranges take 1 ms to compile.
    """
    return re.compile(rf"{FIELD_KEY}[ \t]*[:：]")


def _text_start(lines: list[str], end: int) -> int | None:
    """The index of the first line before ``end`` (after line 1) that is the page's text, not front matter.

    That is a line after an empty one, at the start of the line, that is
    neither a key (``title:``, ``标题：``), a comment, a list item nor a
    quoted or bracketed value: YAML cannot read such a line in front matter
    at all, so the editor left out the "---" above it. A Markdown heading of
    a question (``## 网格员每天做些什么？``) followed by text is the text too,
    blank line above or not, though YAML reads it as a comment: the "---"
    goes above it, or the heading would be lost in the front matter. So it
    is below a line YAML cannot read (a closing line typed as a word): only
    a quote or bracket left open above it makes it a value's text. None
    when there is none.
    """
    for number in range(2, end):
        line = lines[number]
        if line.startswith("#"):
            after = next((later for later in lines[number + 1:end] if later.strip() and not later.startswith("#")),
                         "")
            if (not after or not (after[0] in " \t-" or _key_start().match(after))) and (
                    not _left_open(lines[1:number]) and not _reads_as_yaml(lines[1:end])):
                return number  # a heading followed by text; not a comment among fields, nor inside quotes
            continue
        if lines[number - 1].strip() or not line.strip() or line[0] in _YAML_STARTS:
            continue
        if not _key_start().match(line):
            return None if _reads_as_yaml(lines[1:end]) else number  # else inside quotes or brackets
    return None


def _fields_end(lines: list[str], text: int | None) -> int | None:
    """Where the closing line of front matter left open goes, given the index ``text`` where the page's text starts
    (`_text_start`): above the first line before it that YAML cannot take after the fields (a closing line typed
    as a word, ``完``), or at ``text``. None when ``text`` is None: then the page may be fields alone.

    A "---" typed there ends the front matter where its fields end, so no heading or text the editor wrote below
    it is taken into the front matter, where YAML would read a heading as a comment and drop it."""
    if text is None:
        return None
    for number in range(2, text):
        line = lines[number]
        if (line.strip() and line[0] not in _YAML_STARTS and not _key_start().match(line)
                and _reads_as_yaml(lines[1:number])):
            return number
    return text


_YAML_STARTS = " \t\u3000#-[]{}\"'|>&*!%@`?,:"
"""The first characters of a line that YAML may take in front matter as other than a key: an indented line, a
comment, a list item, a quoted or bracketed value, a block of text, YAML's marks."""


def _reads_as_yaml(lines: list[str]) -> bool:
    """True when YAML reads ``lines`` without an error (structure only: aliases are not expanded)."""
    try:
        yaml.compose("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    return True


def _left_open(lines: list[str]) -> bool:
    """True when YAML stops reading ``lines`` inside a quoted value or a ``[…]``/``{…}`` left open at their end,
    so that a line below them would be part of that value."""
    try:
        yaml.compose("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        return (error.context or "").startswith(("while scanning a quoted scalar", "while parsing a flow"))
    except yaml.YAMLError:
        return False
    return False


def _close_above(text: int) -> str:
    """The hint for front matter whose closing line is missing above the text starting at index ``text``."""
    return f'add a line with only "---" above line {text + 1}, after the last front-matter line (title, date, …)'


FENCE_HINT = "type exactly --- (three half-width hyphens, 半角) and nothing else on the line"
"""How to type the line that opens or closes a page's front matter."""

_FENCE_DASHES = "-－—–−―"
_FENCE_MARKS = _FENCE_DASHES + "*＊_＿"
"""What a line typed for ``---`` is made of: dashes of any width, or the asterisks and underscores of a Markdown
rule (``***``, ``___``), which editors who know Markdown type for it."""
_MARK_GAPS = " \t" + WIDE_SPACES
_FENCE_TAIL = compile_later(r"---([^-].*)")


def _fence_slip(line: str) -> tuple[str, str] | None:
    """Say why ``line`` is not the ``---`` of front matter that it looks like, if it looks like one, and how to type it.

    Takes one line of a page. Returns what is wrong ("it has 4 hyphens",
    "it is typed with full-width or long dashes …", "it is typed "- - -",
    with spaces between the hyphens", "it is typed "***", with asterisks …",
    "a full-width space … follows it", "a space comes before it …",
    "text follows the dashes: …") and the hint, or None for a real ``---``
    line and for any line that is neither marks alone (`_fence_marks`) nor
    ``---`` with something after it (`_fence_tail`): ``- 大调研``, ``——摘自``,
    ``- -``, ``**``. A lone ``——`` or ``—`` (what one key gives in a
    Chinese input method) counts, and so does an ellipsis (``…``, ``……``,
    ``。。。``: what a Chinese input method gives for "..."). The editor sees no space before the
    dashes, so the hint names it and its columns (`_fence_lead`).
    """
    rest = line.lstrip(_FENCE_LEAD)
    if rest != line:
        return _fence_lead(line[:len(line) - len(rest)], rest)
    slip = _fence_marks(line)
    return (slip, FENCE_HINT) if slip is not None else _fence_tail(line)


def _fence_tail(line: str) -> tuple[str, str] | None:
    """What is wrong with ``line``, ``---`` and then something else (``---.``, ``--- title: 访谈``), and the hint.

    None for any other line. What follows the dashes is named: invisible
    characters and punctuation (a note after ``#`` too) are to be deleted;
    words, to be moved to a line of their own below (the first field, after
    an opening line; the page's first words, after a closing one).
    """
    match = _FENCE_TAIL.fullmatch(line)
    tail = match.group(1).strip() if match else ""
    if not tail:
        return None
    if not tail.strip(_FENCE_LEAD):
        return (f"{_lead_name(tail[0])} follows it",
                "delete everything after the dashes (it cannot be seen), so that the line is exactly ---")
    shown = _clipped_start(tail)
    if tail.startswith("#") or not any(char.isalnum() for char in tail):
        return f'"{shown}" follows the dashes', f'delete "{shown}" after the dashes, so that the line is exactly ---'
    return (f'text follows the dashes: "{shown}"',
            f'move "{shown}" to a line of its own below this one, so that this line is exactly ---')


_FENCE_LEAD = " \t\u200b\u200c\u200d\u2060\ufeff" + WIDE_SPACES
"""What may stand unseen before the dashes of a ``---`` line: spaces of any width, a TAB, zero-width characters."""


def _fence_lead(lead: str, rest: str) -> tuple[str, str] | None:
    """What is wrong with a ``---`` line typed after ``lead``, characters the editor does not see, and the hint;
    None when ``rest`` is no ``---`` line, typed well or not (`_fence_marks`)."""
    slip = None if _DELIMITER.fullmatch(rest) else _fence_marks(rest)
    if slip is None and not _DELIMITER.fullmatch(rest):
        tail = _fence_tail(rest)
        if tail is None:
            return None
        slip = tail[0]
    names = list(dict.fromkeys(_lead_name(char) for char in lead))
    what = names[0] if len(lead) == 1 else f"{len(lead)} characters ({', '.join(names)})"
    where = "column 1" if len(lead) == 1 else f"columns 1 to {len(lead)}"
    told = f"{what} {'comes' if len(lead) == 1 else 'come'} before it, in {where}" + (f", and {slip}" if slip else "")
    them = f"the {what.split(' (')[0].removeprefix('a ').removeprefix('an ')}" if len(lead) == 1 else \
        f"the {len(lead)} characters"
    if slip:
        marks = "dots" if rest[:1] in _FENCE_DOTS else "dashes"
        return told, f"delete {them} before the {marks}, and {FENCE_HINT}"
    return told, f"delete {them} before the dashes, so that the line is exactly ---"


def _lead_name(char: str) -> str:
    """How a message names ``char``, a character of `_FENCE_LEAD`."""
    if char == " ":
        return "a space"
    if char == "\t":
        return "a TAB (制表符)"
    if char in WIDE_SPACES:
        return space_name(char)
    return f"an invisible character (U+{ord(char):04X}, zero-width)"


def _in_block_text(lines: list[str], number: int) -> bool:
    """True when line ``number`` of a page, indented, is a line of a block of text in the front matter
    (``summary: |`` and the lines under it), where "  ---" is text, not a slip of the closing line."""
    for above in range(number - 1, 0, -1):
        line = lines[above]
        if line.strip() and not line[:1].isspace():
            return _BLOCK_START.search(line) is not None
    return False


_BLOCK_START = compile_later(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _fence_marks(line: str) -> str | None:
    """What is wrong with ``line``, marks alone typed for ``---`` (dashes, a rule's marks or an ellipsis), or None."""
    slip = _fence_dashes(line)
    return slip if slip is not None else _fence_dots(line)


_FENCE_DOTS = ".…⋯。．・·･‧∙"
"""The dots of a ``---`` line typed as "..." or "……": a Chinese input method gives the ellipsis (省略号) ``…`` for
"...", ``。`` or ``．`` for ".", and ``·`` or ``・`` (间隔号) beside them."""
_ELLIPSES = "…⋯"


def _fence_dots(line: str) -> str | None:
    """What is wrong with ``line``, dots alone typed for ``---`` (`_FENCE_DOTS`, spaces between them or none), or None.

    An ellipsis (``…``, ``……``) counts alone; other dots from two on (``..``,
    ``。。。``, ``・・・``).
    """
    dots = line.rstrip()
    if not dots or dots.strip(_FENCE_DOTS + _MARK_GAPS):
        return None
    if any(char in _ELLIPSES for char in dots):
        return f'it is typed "{dots}", an ellipsis (省略号), not three half-width hyphens'
    if sum(char in _FENCE_DOTS for char in dots) < 2:
        return None
    if any(char in "。．" for char in dots):
        return f'it is typed "{dots}", with full stops (句号) in place of the three half-width hyphens'
    if dots.isascii():
        return f'it is typed "{dots}", with dots in place of the three half-width hyphens'
    return f'it is typed "{dots}", with middle dots (间隔号) in place of the three half-width hyphens'


def _fence_dashes(line: str) -> str | None:
    """What is wrong with ``line``, marks alone that are not ``---`` (`_fence_slip`), or None.

    Marks are those of `_FENCE_MARKS`, with spaces between them or none: two
    dashes or more, one long dash, or three marks or more of a Markdown rule
    (``- - -``, ``***``, ``_ _ _``). One ``-`` is a YAML list item, and
    ``- -`` or ``**`` no rule anyone types.
    """
    dashes = line.rstrip()  # str.rstrip also takes full-width (U+3000) and no-break spaces
    if _DELIMITER.fullmatch(line) or not dashes or dashes.strip(_FENCE_MARKS + _MARK_GAPS):
        return None
    if not dashes.strip(_FENCE_DASHES):
        return _dashes_alone(line, dashes)
    if sum(char in _FENCE_MARKS for char in dashes) < 3:
        return None
    if any(char in "*＊" for char in dashes):
        return f'it is typed "{dashes}", with asterisks (星号) in place of the three half-width hyphens'
    if any(char in "_＿" for char in dashes):
        return f'it is typed "{dashes}", with underscores (下划线) in place of the three half-width hyphens'
    if dashes.isascii():
        return f'it is typed "{dashes}", with spaces between the hyphens'
    return f'it is typed "{dashes}", with full-width or long dashes (全角/长破折号) and spaces between them'


def _dashes_alone(line: str, dashes: str) -> str | None:
    """What is wrong with ``line``, whose text ``dashes`` is dashes alone with no space between them, or None."""
    if dashes == "-":
        return None
    if len(dashes) == 1:
        return f'it is typed "{dashes}", one full-width or long dash (全角/长破折号), not three half-width hyphens'
    if not dashes.isascii():
        return "it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens"
    if len(dashes) != 3:
        return f"it has {len(dashes)} hyphens"
    if "\u3000" in line:
        return "a full-width space (全角空格) follows it"
    return "an invisible space follows it"


def _check_late_opening(source: SourceFile, lines: list[str], report: Report) -> None:
    """Report front matter that starts after blank lines, or after a few lines of text (a title pasted above it).

    Either way the page would be shown with its fields as text. Lines of
    text count only when the lines between the two ``---`` hold a field
    (``title: …``), within `_LATE_OPENING_LINES` lines of the top: a page
    without front matter whose text has ``---`` rules is no such page.
    """
    first = next((number for number, line in enumerate(lines[:_LATE_OPENING_LINES]) if _DELIMITER.fullmatch(line)),
                 None)
    if first is None or first == 0:
        return
    closing = next((number for number in range(first + 1, len(lines)) if _DELIMITER.fullmatch(lines[number])), None)
    if closing is None:
        return
    above = [number for number in range(first) if lines[number].strip()]
    if not above:
        report.error(source.path, 1, 1,
                     f'the front matter must start on line 1, but its "---" is on line {first + 1}',
                     'delete the empty lines before the first "---"')
    elif any(_FIELD_LINE.match(line) for line in lines[first + 1:closing]):
        span = f"line {above[0] + 1}" if len(above) == 1 else f"lines 1 to {first}"
        report.error(source.path, above[0] + 1, 1,
                     f'the front matter must start on line 1, but its "---" is on line {first + 1}, below text: '
                     f'"{_clipped_start(lines[above[0]].strip())}"',
                     f'delete {span}, above the first "---" (the page\'s title is the title: field between the '
                     '"---" lines)')


_LATE_OPENING_LINES = 6
"""How far down a "---" below text is taken for a front matter's opening line (a title or a note pasted above)."""
_FIELD_LINE = compile_later(r"[A-Za-z_][A-Za-z0-9_-]*[ \t]*[:：]")
"""A line that starts like a front matter field (``title:``, ``date：``)."""


def find_sources(root: Path, folder: str, suffixes: tuple[str, ...], report: Report) -> list[str]:
    """List the source files under ``root / folder``.

    Args:
        root: the site folder.
        folder: a folder relative to ``root`` (``"content"``); a missing folder
            gives an empty list.
        suffixes: file name endings to keep, e.g. ``(".md",)``; compared
            without regard to case (``访谈.MD`` is found). An empty tuple
            keeps every file (images and other assets included).
        report: receives an error for a linked folder that leads outside
            ``root`` (it is not followed), and a warning for a file whose
            name ends in ``.md.txt`` (Notepad added ``.txt``; it is skipped).

    Returns:
        Paths relative to ``root`` with forward slashes, sorted. Hidden files
        and folders (name starting with ``.``), editor backups (ending in
        ``~``, ``.swp``, ``.swx``, ``.tmp``), Word/WPS lock files
        (``~$访谈.md``) and Windows' ``Thumbs.db`` and ``desktop.ini`` are skipped (`is_skipped_name`). Symbolic links to files are
        listed as they are: `read_source` refuses those leading outside.
    """
    wanted = tuple(suffix.lower() for suffix in suffixes)
    start = root / folder
    if not start.is_dir():
        return []
    found: list[str] = []
    pending: list[Path] = []
    links: list[Path] = []  # linked folders wait until every real folder is listed
    seen: set[str] = set()
    _enter_folder(root, start, seen, pending, report)
    while pending or links:
        if not pending:
            _enter_folder(root, links.pop(0), seen, pending, report)
            continue
        for entry in _entries(pending.pop(), root, report):
            if entry.is_dir():
                if entry.is_symlink():
                    links.append(Path(entry.path))
                else:
                    _enter_folder(root, Path(entry.path), seen, pending, report)
            elif not wanted or entry.name.lower().endswith(wanted):
                found.append(_relative(root, entry.path))
            else:
                _warn_txt_suffix(root, entry, wanted, report)
    return sorted(found)


def _warn_txt_suffix(root: Path, entry: os.DirEntry[str], wanted: tuple[str, ...], report: Report) -> None:
    """Warn about ``访谈.md.txt``: Notepad added ``.txt``, so the file is not a source."""
    for suffix in wanted:
        if entry.name.lower().endswith(suffix + ".txt"):
            report.warning(_relative(root, entry.path), None, None,
                           f'the file name ends in "{suffix}.txt" (Notepad added ".txt"); it was skipped',
                           f"rename the file to {entry.name[:-4]}")
            return


def _entries(directory: Path, root: Path, report: Report) -> list[os.DirEntry[str]]:
    """Return the entries of ``directory`` that are neither hidden nor editor backups."""
    try:
        with os.scandir(directory) as scan:
            entries = list(scan)
    except OSError as exc:
        report.error(_relative(root, directory), None, None,
                     f"the folder could not be read ({exc.strerror or exc})",
                     "check that the folder exists and that you may read it")
        return []
    return sorted((entry for entry in entries
                   if not is_skipped_name(entry.name)),
                  key=lambda entry: entry.name)


def _enter_folder(root: Path, folder: Path, seen: set[str], pending: list[Path], report: Report) -> None:
    """Queue ``folder`` for listing, unless it leads outside ``root`` or was already listed.

    Both exceptions are reported: an error for a link leading outside the site,
    a warning for a link to a folder already listed (a loop or a second name).
    """
    real = os.path.realpath(folder)
    if not _inside(root, folder):
        report.error(_relative(root, folder), None, None,
                     "the folder is a symbolic link to a place outside the site folder; its files were not read",
                     "copy the files into the site folder instead of linking to them")
    elif real in seen:
        report.warning(_relative(root, folder), None, None,
                       "the folder is a symbolic link to a folder that is already read; it was skipped",
                       "remove the link, or copy the files if they must appear twice")
    else:
        seen.add(real)
        pending.append(folder)


def _relative(root: Path, path: Path | str) -> str:
    """Return ``path`` relative to ``root``, with forward slashes (links not followed).

    Paths listed under ``root`` start with it: the prefix is cut off (a site
    lists thousands; ``relpath`` costs far more), else ``os.path.relpath``.
    """
    text, base = os.fspath(path), os.fspath(root)
    if text.startswith(base + os.sep) and base not in ("", os.curdir):
        relative = text[len(base) + 1:]
    else:
        relative = os.path.relpath(text, base)
    return relative.replace(os.sep, "/")
