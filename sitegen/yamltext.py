"""YAML that keeps exactly what the editor typed, with file positions.

Job: turn the YAML text of a data file or of a page's front matter into plain
data — ``dict[str, ...]``, ``list``, ``str`` or ``None`` — together with the
file line and column of every key and value, and report every mistake as one
`Problem` naming file, line, column, what is wrong and how to fix it.

Why not ``yaml.safe_load``: PyYAML follows YAML 1.1 and silently turns ``no``
into False, ``14:30`` into 870, ``010`` into 8 and ``2018-04-26`` into a date,
and keeps the last of two duplicate keys (cases 01, 02, 04 in
``shared/cases``). We use PyYAML (the libyaml ``CSafeLoader`` when present)
only to *parse* the text into events; our own iterative walk builds the data:
every scalar stays the text typed, only a plain ``~``/``null``/``Null``/
``NULL``/empty value becomes None. Anchors, aliases and non-standard tags are
refused, nesting is limited to `MAX_DEPTH` levels, a text to `MAX_LINES`
lines and `MAX_NODES` values, so hostile YAML (an alias bomb, 10,000-deep
nesting, a huge list) ends in one clear error in bounded time and memory.
A value may not hold a control character written as an escape (``"\\x01"``),
nor a line break other than ``"\\n"`` (``"\\r"``, ``"\\N"``, ``"\\L"``, ``"\\P"``):
such text cannot be published in XML feeds, or breaks the rows of the open
data, and nobody types it on purpose.

Before parsing, a line scan (`sitegen.yamlscan`) catches the mistakes that PyYAML reports at the
wrong place or with baffling words (cases 09 and 11): TAB indentation,
full-width colons, spaces and dashes typed by a Chinese input method,
``key:value`` without a space, a list item without the space after ``-``,
invisible control characters, a ``#`` that cuts a text short (``第三期 #3``,
or a line ``#3号楼`` among a text's lines, before or after a text in quotes,
or after a note), and characters that show nothing (a
zero-width space or a stray BOM pasted from a web page: ``unit: baihe``
with one names no unit, yet reads right). A TAB used as the gap right
after ``key:`` is allowed (YAML 1.2 allows tabs as separation space): it is
read as a space, and columns stay right.

Most texts have nothing to report, so `load_yaml` takes a fast path
(`_load_fast`): a few regular expressions over the whole text that prove the
line scan would find nothing (`sitegen.yamlscan.nothing_to_scan`; else the
scan runs), then one flat loop over the events (`_walk_fast`). At anything the
walk would report, the text goes on by the reference path (the line scan, then
`sitegen.yamltree.TreeBuilder`), and a parse error is explained by the same
`sitegen.yamlexplain.parse_errors`, so every problem is found and worded by
one code path. `_load_yaml_reference` runs the reference path (`_load`) alone;
tests/test_yamltext_speed.py checks that both give the same data and problems.

This module is the loader: `load_yaml`, `YamlData`, the fast path and the
order of the reference path. Its parts live in modules of their own, below it:
`sitegen.yamlscan` (the line scan, with its checks by kind in
`sitegen.yamlscanindent`, `sitegen.yamlscankeys`, `sitegen.yamlscancomments`
and `sitegen.yamlscanflow`), `sitegen.yamltree` (events → data),
`sitegen.yamlexplain` (parse errors → plain words, with its explanations by
kind in `sitegen.yamlexplainindent`, `sitegen.yamlexplainquotes`,
`sitegen.yamlexplaintext` and `sitegen.yamljoined`), and what they share:
`sitegen.yamlbits` (limits, positions, `Issue`, `Lines`), `sitegen.yamllines`
(reading a line as typed), `sitegen.yamlfold` (folded lines kept without a
space beside Chinese) and `sitegen.yamlchars` (characters that show nothing or
were lost). `sitegen.yamllisted` finds texts typed as a list, for a warning.
The names the rest of sitegen uses from those parts are imported here too
(`__all__`), so that it imports them from here.

May import: errors, yamlchars, yamlbits, yamlfold, yamllines, yamllisted, yamlscancomments, yamlscan,
yamlexplaintext, yamlexplainquotes, yamlexplain, yamltree, wiretext (and the standard library, PyYAML).
"""

from __future__ import annotations

import bisect
import re
from types import MappingProxyType
from typing import Any, Callable, Mapping, Sequence

import yaml

from .errors import WIDE_SPACES, Report, space_name
from .yamlbits import (FIELD_KEY, LOADER, MAP_TAGS, MAX_DEPTH, MAX_LINES, MAX_NODES, MAX_PROBLEMS, NOTE_HINT,
                       NOTE_MESSAGE, NULLS, SCALAR_TAGS, SEQ_TAGS, STD, TAB_HINT, TAB_MESSAGE, ElsewhereFinder,
                       FieldElsewhere, FieldNamer, GroupFinder, Issue, KeyPath, Lines, LostIndent, Position, Scan,
                       ValueMender, lost_indent)
from .yamlchars import (BREAK_CONTROL_NAMES, FULL_WIDTH_PUNCTUATION, SHOWS_NOTHING_NAMES, SHOWS_NOTHING_RE,
                        control_name, invisible_place, invisibles_on_line, lost_characters)
from .yamlexplain import LIST_KEYS, parse_errors
from .yamlexplainquotes import UNREADABLE, as_value
from .yamlexplaintext import is_text_line_error
from .yamlfold import unfolded_as_styled
from .yamllines import yaml_text
from .yamllisted import ListedLines, listed_lines
from .yamlscan import nothing_to_scan, prescan
from .yamlscancomments import WideNote, is_wide_note_warning, split_wide_note
from .yamltree import ESCAPED_BAD, EXPECT_KEY, TreeBuilder
from .wiretext import packed, unpacked

__all__ = ["load_yaml", "YamlData", "as_value", "BREAK_CONTROL_NAMES", "control_name", "ElsewhereFinder", "FIELD_KEY",
           "FieldElsewhere", "FieldNamer", "FULL_WIDTH_PUNCTUATION", "GroupFinder", "invisible_place",
           "invisibles_on_line", "is_text_line_error", "is_wide_note_warning", "LIST_KEYS", "listed_lines",
           "ListedLines", "lost_characters", "MAX_DEPTH", "MAX_LINES", "MAX_NODES", "NOTE_HINT", "NOTE_MESSAGE",
           "SHOWS_NOTHING_NAMES", "SHOWS_NOTHING_RE", "space_name", "split_wide_note", "TAB_HINT", "TAB_MESSAGE",
           "ValueMender", "WIDE_SPACES", "WideNote", "yaml_text", "typed_line_list", "typed_line_value"]
"""The public names: the loader's own, and those of its parts that the rest of sitegen imports from here."""


class YamlData:
    """The data of one YAML text, with where each part was typed.

    Attributes:
        value: ``dict[str, ...]``, ``list``, ``str`` or ``None``, nested. Every
            scalar is the exact text typed (after YAML quoting and folding);
            a plain ``~``/``null``/``Null``/``NULL``/empty value is ``None``.
            Keys are always ``str`` as typed (``yes:`` → ``"yes"``).
        positions: path of keys and list indexes → ``(line, column)`` of the
            start of that VALUE, 1-based, in FILE coordinates (columns count
            characters). ``()`` maps to ``(first_line, 1)``, or to the first "-" of a list typed as the
            whole text (a record typed as a list item is told there, not at the comments above it).
        key_positions: path → ``(line, column)`` of the KEY (mapping entries only).

    Positions are needed only to point at a line in a message, so a copy
    made by pickling (the page cache, a worker's result) carries the text
    instead and finds them again on first use, by loading the text once
    more: a 10,000-page site then holds no positions (48 MB) and unpickles
    its cached pages about twice as fast. Equal when value and positions are.
    """

    __slots__ = ("value", "_positions", "_key_positions", "_text", "_first_line")

    def __init__(self, value: object, positions: Mapping[KeyPath, Position] | None,
                 key_positions: Mapping[KeyPath, Position] | None, *, text: str | None = None,
                 first_line: int = 1) -> None:
        self.value = value
        self._positions, self._key_positions = positions, key_positions
        self._text, self._first_line = text, first_line

    @property
    def positions(self) -> Mapping[KeyPath, Position]:
        """Value positions by path (see the class)."""
        if self._positions is None:
            self._find_positions()
        return self._positions  # type: ignore[return-value]

    @property
    def key_positions(self) -> Mapping[KeyPath, Position]:
        """Key positions by path (see the class)."""
        if self._key_positions is None:
            self._find_positions()
        return self._key_positions  # type: ignore[return-value]

    def _find_positions(self) -> None:
        """Load the text again for its positions (it loaded without errors before, so it does again)."""
        found = _load_fast(self._text, self._first_line)[1] if self._text is not None else None
        if found is None:  # not expected: a text that loaded once loads the same again
            self._positions = MappingProxyType({(): (self._first_line, 1)})
            self._key_positions = MappingProxyType({})
            return
        self._positions, self._key_positions = found._positions, found._key_positions

    @property
    def text(self) -> str:
        """The YAML text this data was loaded from (``\\n`` breaks), or "" when it is not known."""
        return self._text or ""

    def with_text(self, text: str, first_line: int) -> "YamlData":
        """This data, remembering the text it was loaded from (``\\n`` breaks) and the text's first file line."""
        return YamlData(self.value, self._positions, self._key_positions, text=text, first_line=first_line)

    def with_value(self, value: object) -> "YamlData":
        """The same positions (and text) with another value, e.g. settings with a field overridden."""
        return YamlData(value, self._positions, self._key_positions, text=self._text, first_line=self._first_line)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, YamlData):
            return NotImplemented
        return (self.value, dict(self.positions), dict(self.key_positions)) == (
            other.value, dict(other.positions), dict(other.key_positions))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"YamlData(value={self.value!r})"

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        """Pickle the value with the text (positions are found again) or, without a text, with the positions."""
        if self._text is not None:  # as bytes: see `sitegen.wiretext`
            return (_yaml_data_of_text, (self.value, packed(self._text), self._first_line))
        return (_yaml_data, (self.value, dict(self.positions), dict(self.key_positions)))

    def typed_in_quotes(self, path: Sequence[str | int]) -> bool:
        """True when the value at ``path`` was typed in quotes (``"…"`` or ``'…'``); False when it was not,
        or is not known (no such path, or no text kept)."""
        position = self.positions.get(tuple(path))
        if position is None or self._text is None:
            return False
        line, column = position
        lines = self._text.split("\n")
        index = line - self._first_line
        return 0 <= index < len(lines) and lines[index][column - 1:column] in ("\"", "'")

    def typed_lines(self, path: Sequence[str | int]) -> list[str]:
        """The lines of a text typed below its key over several lines without quotes (``actions:``, then
        ``  利用厂房改建``, ``  与卫生服务中心签约``), which YAML joins into one text, each line stripped; [] for a
        value typed otherwise (on its key's line, in one line, quoted, ``|``/``>``, not a text) or not known."""
        path = tuple(path)
        value, key = self.positions.get(path), self.key_positions.get(path)
        if value is None or key is None or value[0] <= key[0] or self._text is None:
            return []
        lines = self._text.split("\n")
        index = value[0] - self._first_line
        if not 0 <= index < len(lines) or lines[index][value[1] - 1:value[1]] in ("\"", "'", "|", ">"):
            return []
        typed = [lines[index].strip()]
        for line in lines[index + 1:]:
            indent = len(line) - len(line.lstrip(" "))
            if not line.strip() or line.lstrip().startswith("#") or indent < key[1]:
                break
            typed.append(line.strip())
        return typed if len(typed) > 1 else []

    def locate(self, path: Sequence[str | int]) -> Position:
        """Return the value position of ``path``, or of its nearest known ancestor.

        ``()`` (and any path with no known ancestor) gives ``(first_line, 1)``, or the first "-" of a list
        typed as the whole text.
        Never raises.
        """
        key = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return self.positions.get((), (1, 1))

    def lost_indent(self, path: Sequence[str | int], blocks: frozenset[str]) -> LostIndent | None:
        """`lost_indent` for the key at ``path`` (a key of a mapping), typed below a block of ``blocks``; None
        when it is not, or when ``path`` names no key."""
        *parent, key = path
        mapping: object = self.value
        for part in parent:
            if isinstance(mapping, dict) and isinstance(part, str):
                mapping = mapping.get(part)
            elif isinstance(mapping, list) and isinstance(part, int) and 0 <= part < len(mapping):
                mapping = mapping[part]
            else:
                return None
        key_at = self.key_positions.get(tuple(path))
        if not isinstance(mapping, dict) or key not in mapping or key_at is None:
            return None
        return lost_indent(str(key), mapping, str(key), tuple(parent), self.positions, key_at, blocks)

    def lines_of(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The first and last line of the value at ``path`` (a list item with its fields, say), in file lines.

        The first is the line the value starts on; the last, the last line
        after it indented more than that one (comment lines and the lines of
        a long text included), or, without the text, the last line where a
        part of the value starts. Never raises.
        """
        first = self.locate(path)[0]
        prefix = tuple(path)
        starts = [line for key, (line, _) in (*self.positions.items(), *self.key_positions.items())
                  if key[:len(prefix)] == prefix]
        last = max(starts, default=first)
        if self._text is None:
            return first, last
        lines = self._text.split("\n")
        start = first - self._first_line
        if not 0 <= start < len(lines):
            return first, last
        indent = len(lines[start]) - len(lines[start].lstrip(" "))
        for index in range(start + 1, len(lines)):
            if lines[index].strip() and len(lines[index]) - len(lines[index].lstrip(" ")) <= indent:
                break
            if lines[index].strip():
                last = max(last, index + self._first_line)
        return first, last

    def line_text(self, line: int) -> str | None:
        """The text of the file's line ``line`` (1-based, as positions count), or None when the text is not kept
        or holds no such line."""
        if self._text is None or line < self._first_line:
            return None
        lines = self._text.splitlines()
        return lines[line - self._first_line] if line - self._first_line < len(lines) else None

    def locate_key(self, path: Sequence[str | int]) -> Position:
        """Return the key position of ``path``, or of its nearest ancestor key.

        List indexes have no key: ``("tags", 2)`` gives the position of ``tags:``.
        Falls back to ``locate(())``. Never raises.
        """
        key = tuple(path)
        while key:
            if key in self.key_positions:
                return self.key_positions[key]
            key = key[:-1]
        return self.locate(())


def _yaml_data(value: object, positions: dict[KeyPath, Position],
               key_positions: dict[KeyPath, Position]) -> YamlData:
    return YamlData(value, MappingProxyType(positions), MappingProxyType(key_positions))


def _yaml_data_of_text(value: object, text: bytes, first_line: int) -> YamlData:
    return YamlData(value, None, None, text=unpacked(text), first_line=first_line)


def load_yaml(text: str, path: str, report: Report, *, first_line: int = 1,
              elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
              names: FieldNamer | None = None, values: ValueMender | None = None,
              partial: bool = False) -> YamlData | None:
    """Parse YAML ``text`` into `YamlData`, reporting every mistake to ``report``.

    Args:
        text: the YAML, already decoded (see ``sources.read_source``); ``\\r\\n``
            and lone ``\\r`` are read as line breaks.
        path: the file path relative to the site root, used in problems.
        report: where problems go (errors, such as a ``#`` comment cutting a
            value short, and warnings).
        first_line: the file line of the text's first line (2 for front matter
            after an opening ``---``), so every reported line is a FILE line.
        elsewhere: for a key typed twice in one mapping, whether it is a
            field of blocks held there rather than of the mapping (what the
            records say: `sitegen.validation.fields_elsewhere`). If so, both
            lines are told so, each with the block above it to indent it
            into when that block holds such a field (`lost_indent`), not
            only that the key is given twice.
        groups: the fields of the records typed at paths (what the
            records say: `sitegen.validation.group_fields`), so that a
            group's key typed with a value on its own line
            (``interviewee: 王建国``, its ``role:`` indented under it) is told
            to stand alone, with the value under it as its field
            (``name: 王建国``); and so that a field typed after another's
            value (``title: 白鹤镇 slug: baihe``) is told to go on a line of
            its own, while a key no record knows there (``title: Tip: …``)
            is told to be quoted as part of the value.
        names: whether a key typed at a path names a field there or in a
            block held there, or is a slip of one (what the records say:
            `sitegen.validation.names_a_field`), so that a line of text
            with a full-width colon (``以后每次新数据：…``, a note of
            ``sitegen new`` left without its ``# ``) is told it is a note,
            not told to become a field.
        values: a value typed after a key as its field needs it typed
            (what the records say: `sitegen.validation.values_meant`), so
            that a hint giving the line whole for a slip of its key
            (``标签：大调研，补短板``) gives the value mended too
            (``tags: [大调研, 补短板]``), and following it gives no error
            of the value on the same line.
        partial: give the data even after errors, when each of them left
            the rest read as typed (a key typed twice in one block: the
            first is kept), so that the caller can report the errors of its
            fields in the same run rather than one build later. The caller
            must then not publish it: ``report`` holds the errors.

    Returns:
        The data, or None when at least one error was reported (with
        ``partial``, one that left the data unread). Empty text gives
        ``YamlData(value=None, ...)``. The root may be any kind; callers that
        need a mapping check ``isinstance(data.value, dict)`` themselves.

    Never raises: any failure, even an internal one, ends as an error in ``report``.
    """
    return _read(_load_fast, text, path, report, first_line, elsewhere, groups, names, values, partial)


def _load_yaml_reference(text: str, path: str, report: Report, *, first_line: int = 1,
                         elsewhere: ElsewhereFinder | None = None,
                         groups: GroupFinder | None = None, names: FieldNamer | None = None,
                         values: ValueMender | None = None) -> YamlData | None:
    """`load_yaml` by the reference path only (`_load`: full line scan, then `TreeBuilder`).

    Takes and returns what `load_yaml` does. Not used by the build: it stays so
    that tests can prove the fast path gives the same data and problems.
    """
    return _read(_load, text, path, report, first_line, elsewhere, groups, names, values)


_Loader = Callable[[str, int, "ElsewhereFinder | None", "GroupFinder | None", "FieldNamer | None",
                    "ValueMender | None"], tuple[list[Issue], YamlData | None]]


def _read(load: _Loader, text: str, path: str, report: Report, first_line: int,
          elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
          names: FieldNamer | None = None, values: ValueMender | None = None,
          partial: bool = False) -> YamlData | None:
    """Run ``load`` (`_load_fast` or `_load`) on ``text`` with ``\\n`` breaks; report; return the data
    (``partial``: `load_yaml`'s)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        issues, data = load(text, first_line, elsewhere, groups, names, values)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raise"
        report.error(path, None, None,
                     f"the YAML could not be read because of an internal error ({type(exc).__name__}: {exc})",
                     "please report this file to the site's maintainers")
        return None
    _report_issues(issues, path, report, first_line)
    if data is None or any(issue.severity == "error" and not (partial and issue.whole) for issue in issues):
        return None
    return data.with_text(text, first_line)


def _report_issues(issues: list[Issue], path: str, report: Report, first_line: int) -> None:
    """Add ``issues`` to ``report`` in file coordinates, at most `MAX_PROBLEMS` of them."""
    for issue in issues[:MAX_PROBLEMS]:
        add = report.error if issue.severity == "error" else report.warning
        add(path, issue.line + first_line, issue.column + 1, issue.message, issue.hint)
    if len(issues) > MAX_PROBLEMS:
        last = issues[MAX_PROBLEMS]
        report.error(path, last.line + first_line, last.column + 1,
                     "more problems in this file are not shown (the count stops here)",
                     "fix the problems above first, then build again")


def _load(text: str, first_line: int, elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
          names: FieldNamer | None = None, values: ValueMender | None = None) -> tuple[list[Issue], YamlData | None]:
    """Pre-scan, then parse ``text`` (``\\n`` line breaks); return issues and data (``elsewhere``, ``groups``:
    `load_yaml`'s)."""
    if text.count("\n") >= MAX_LINES:
        return [Issue(MAX_LINES, 0, f"the YAML is longer than {MAX_LINES:,} lines; sitegen reads no more",
                       "split the data into several smaller files (e.g. one file per unit or per year)")], None
    lines = Lines(text)
    return _parse_scanned(lines, prescan(lines, groups, names, first_line, values), first_line, elsewhere, groups)


def _parse_scanned(lines: Lines, scan: Scan, first_line: int, elsewhere: ElsewhereFinder | None = None,
                   groups: GroupFinder | None = None) -> tuple[list[Issue], YamlData | None]:
    """Parse the text of ``lines``, whose line scan is ``scan``, with `TreeBuilder`; return issues and data."""
    errors = [issue for issue in scan.issues if issue.severity == "error"]
    if any(issue.mended is None for issue in errors):
        return scan.issues, None
    fixed = _apply_replacements(lines.text, scan.replacements)
    if errors:  # each mended as its hint says: the rest is read as it will be then (`load_yaml`'s partial)
        typed = fixed.split("\n")
        for issue in errors:
            typed[issue.line] = issue.mended  # type: ignore[call-overload]
        fixed = "\n".join(typed)
        lines = Lines(fixed)
    builder = TreeBuilder(lines, first_line, elsewhere)
    try:
        builder.run(yaml.parse(fixed, Loader=LOADER))
    except yaml.YAMLError as exc:
        if errors:
            # A parse error on a line the scan's errors did not mend is there as typed, and would be the next
            # build's error once they are: told now (draft：false, then a title holding ": ", took two runs). One at a mended line is told once the line is mended, in the words of the text then.
            # The quotes and brackets left open are found in the text as mended, where the error's place is.
            mended_lines = {issue.line for issue in errors}
            told, _ = parse_errors(exc, lines, prescan(lines, groups).unclosed_before(), groups, first_line)
            return scan.issues + [issue for issue in told if issue.line not in mended_lines
                                  and issue.hint != UNREADABLE[1]], None
        told, mended = parse_errors(exc, lines, scan.unclosed_before(), groups, first_line)
        if mended is None:
            return scan.issues + builder.issues + told, None
        # Each line of text read as its hint mends it: the rest is read as it will be then (`load_yaml`'s partial).
        lines, builder = mended, TreeBuilder(mended, first_line, elsewhere)
        builder.run(yaml.parse(mended.text, Loader=LOADER))
        builder.issues = told + [issue for issue in builder.issues if issue.line not in {bad.line for bad in told}]
    # What the mended lines themselves hold is told once they are mended, as before: beside the line's own
    # error, it would say another thing to type on that line.
    issues = scan.issues + [issue for issue in builder.issues if issue.line not in {bad.line for bad in errors}]
    if builder.failed or len(builder.issues) > MAX_PROBLEMS or any(
            issue.severity == "error" and not issue.whole for issue in builder.issues):  # past MAX_PROBLEMS: in part
        return issues, None
    positions = {p: (ln + first_line, col + 1) for p, (ln, col) in builder.positions.items()}
    if not isinstance(builder.root, list) or () not in positions:
        positions[()] = (first_line, 1)
    keys = {p: (ln + first_line, col + 1) for p, (ln, col) in builder.key_positions.items()}
    return issues, YamlData(builder.root, MappingProxyType(positions), MappingProxyType(keys))


def _load_fast(text: str, first_line: int, elsewhere: ElsewhereFinder | None = None,
               groups: GroupFinder | None = None, names: FieldNamer | None = None,
               values: ValueMender | None = None) -> tuple[list[Issue], YamlData | None]:
    """Return exactly what `_load` returns for ``text`` (``\\n`` breaks), cheaper when nothing is wrong.

    The line scan is skipped when `nothing_to_scan` proves it would find
    nothing, and the events are walked by `_walk_fast`. When the walk meets
    anything to report (or a parse error), the text goes on by the reference
    path (`_parse_scanned`, after the line scan), which reports it.
    """
    if text.count("\n") >= MAX_LINES:
        return _load(text, first_line, elsewhere, groups, names, values)
    lines = Lines(text)
    scan = None if nothing_to_scan(text) else prescan(lines, groups, names, first_line, values)
    if scan is not None and any(issue.severity == "error" for issue in scan.issues):
        return _parse_scanned(lines, scan, first_line, elsewhere, groups)
    fixed = text if scan is None else _apply_replacements(text, scan.replacements)
    try:
        data = _walk_fast(fixed, lines, first_line)
    except yaml.YAMLError:
        # The walk stops at the first thing to report, so none came before this error:
        # `_parse_scanned` meets the same error with nothing else to say, unless the line
        # scan (skipped when it looked needless) finds an error, which it reports alone; it
        # reads on past lines of text (`parse_errors`), as it does for every text.
        scan = prescan(lines, groups, names, first_line, values) if scan is None else scan
        return _parse_scanned(lines, scan, first_line, elsewhere, groups)
    if data is not None:
        return ([] if scan is None else scan.issues), data
    scan = prescan(lines, groups, names, first_line, values) if scan is None else scan
    return _parse_scanned(lines, scan, first_line, elsewhere, groups)


def _apply_replacements(text: str, indexes: list[int]) -> str:
    """Return ``text`` with the characters at ``indexes`` (gap TABs) replaced by spaces."""
    if not indexes:
        return text
    chars = list(text)
    for index in indexes:
        chars[index] = " "
    return "".join(chars)


_NULL_TAG = STD + "null"
_QUIET_EVENTS = frozenset({yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent})


def _walk_fast(text: str, lines: Lines, first_line: int) -> YamlData | None:
    """Return the `YamlData` that `TreeBuilder` builds from ``text``, or None to leave it to `TreeBuilder`.

    ``text`` is the pre-scanned text (gap TABs replaced) and ``lines`` the
    original; positions come out in file coordinates, in `_load`'s order.
    None (no data) is returned at the first event about which `TreeBuilder`
    would have anything to say (anchor, alias, odd tag, escaped control
    character, empty, repeated or non-text key, second document, `MAX_DEPTH`,
    `MAX_NODES`) and at any event it does not know. Positions are recorded
    unconditionally: `TreeBuilder` only skips them inside values it reports.

    Raises yaml.YAMLError where the text cannot be parsed (before it, nothing
    was found to report).
    """
    # One flat loop, the open collection in locals and globals bound to locals: per
    # event, a method call, a frame object or a few global look-ups would cost as much
    # as the work itself (this loop, parsing included, is most of the cost of a page's
    # front matter).
    scalar_event, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end, quiet = yaml.MappingEndEvent, yaml.SequenceEndEvent, _QUIET_EVENTS
    expect_key, nulls, scalar_tags, bad_char = EXPECT_KEY, NULLS, SCALAR_TAGS, ESCAPED_BAD
    bisect_right, starts, size = bisect.bisect_right, lines.starts, len(lines.text)
    positions: dict[KeyPath, Position] = {}
    key_positions: dict[KeyPath, Position] = {}
    stack: list[tuple[Any, KeyPath, object, bool]] = []
    root: object = None
    container: Any = None          # the open dict or list; None before the root opens
    is_map = False                 # whether `container` is a dict
    path: KeyPath = ()
    key: object = expect_key       # in an open dict: the key waiting for its value
    nodes = documents = 0
    for event in yaml.parse(text, Loader=LOADER):
        kind = type(event)
        if kind is scalar_event or kind is map_start or kind is seq_start:
            nodes += 1
            if nodes > MAX_NODES or event.anchor is not None:
                return None
            mark = event.start_mark
            index = mark.index if mark is not None else 0
            if not 0 <= index <= size:
                index = min(max(index, 0), size)
            line = bisect_right(starts, index) - 1
            start = (line + first_line, index - starts[line] + 1)
        elif kind is map_end or kind is seq_end:
            value = container
            container, path, key, is_map = stack.pop()
            if container is None:
                root = value
            elif is_map:
                container[key] = value
                key = expect_key
            else:
                container.append(value)
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
            continue
        elif kind in quiet:
            continue
        else:
            return None
        if kind is scalar_event:
            tag, typed, style = event.tag, event.value, event.style
            if tag is not None and tag not in scalar_tags:
                return None
            # Only a double-quoted value can hold what its text does not: a control
            # character typed as such never gets here (see `_scan_characters`, _QUICK_CHAR).
            if style == '"' and bad_char.search(typed):
                return None
            if tag is None:
                value = None if not style and typed in nulls else typed
            else:
                value = None if tag == _NULL_TAG else typed
            if value and event.start_mark.line != event.end_mark.line:
                value = unfolded_as_styled(value, text[event.start_mark.index:event.end_mark.index], style)
            if container is None:
                root = value
            elif not is_map:
                positions[path + (len(container),)] = start
                container.append(value)
            elif key is expect_key:
                # Each key taken before has its value by now, so "in" finds a repeat.
                if (not style and typed == "") or typed in container:
                    return None
                key_positions[path + (typed,)] = start
                key = typed
            else:
                positions[path + (key,)] = start
                container[key] = value
                key = expect_key
            continue
        if event.tag is not None and event.tag not in (MAP_TAGS if kind is map_start else SEQ_TAGS):
            return None
        if container is None:
            child: KeyPath = ()
        elif not is_map:
            child = path + (len(container),)
        elif key is expect_key:
            return None
        else:
            child = path + (key,)
        if len(stack) >= MAX_DEPTH:
            return None
        positions[child] = start
        stack.append((container, path, key, is_map))
        is_map = kind is map_start
        container, path, key = ({} if is_map else []), child, expect_key
    if not isinstance(root, list) or () not in positions:
        positions[()] = (first_line, 1)
    return YamlData(root, MappingProxyType(positions), MappingProxyType(key_positions))


_TOP_LINE = r"^{key}[ \t]*[:：][ \t\u3000]*(?P<value>[^\n]*?)[ \t\u3000]*(?:[ \t\u3000]#[^\n]*)?$"
"""A line ``key: value`` at the left edge (or ``key：value``, typed with the input method's colon), its comment aside."""


def typed_line_value(text: str, key: str) -> str:
    """The value typed on the first line ``key: value`` of a YAML ``text`` that cannot be read whole (its quotes
    around it taken off); "" when no such line holds a plain value (none, or one that opens a list or a block).

    Takes the text as read from the file. A unit file whose YAML cannot be read (a line without its colon far below
    ``name:``) still says what it is the file of: a hint that offered a new file for that unit, followed, gave the
    town two. Raises nothing.
    """
    found = re.search(_TOP_LINE.format(key=re.escape(key)), text, flags=re.MULTILINE)
    value = found.group("value") if found is not None else ""
    if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
        value = value[1:-1]
    return "" if value[:1] in ("[", "{", "|", ">", "&", "*", "!", "") else value


def typed_line_list(text: str, key: str) -> list[str] | None:
    """The items typed on the first line ``key: [a, b]`` of a YAML ``text`` that cannot be read whole, as
    `typed_line_value` reads a value (``[]`` for ``key: []``); None when no such line holds a list on one line.
    Raises nothing."""
    found = re.search(_TOP_LINE.format(key=re.escape(key)), text, flags=re.MULTILINE)
    value = found.group("value") if found is not None else ""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    items = [item.strip() for item in re.split(r"[,，]", value[1:-1])]
    return [item[1:-1] if len(item) > 1 and item[0] in "'\"" and item[-1] == item[0] else item
            for item in items if item]
