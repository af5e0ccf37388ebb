"""Source-level checks of Markdown's signs typed in full width (全角) with an input method.

Job: warn headings, bold, quotes and lists typed with full-width signs
(``＃＃ 标题``, ``＊＊``, ``＞``), and tables Markdown shows as text for
their full-width bars and dashes, with the half-width line to type.

May import: errors, lazyre, markupbits, markupcheckbits (and the standard library).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import clipped
from .markupcheckbits import SEPARATOR_ROW_RE, outside_fences, quoted_texts, without_code_spans

# Markdown signs typed with an input method's full-width forms, at the start of a line (lists, quotes),
# around bold text, or as table borders; each with its half-width form. Headings: `wide_heading`.
_FULL_WIDTH_SIGNS_RE = compile_later("[＃＊｜－＞]")
_FULL_WIDTH_LINE_RE = compile_later(r"^ {0,3}(?P<sign>[－＞])[ \t\u3000]+(?=\S)")
_FULL_WIDTH_BOLD_RE = compile_later(r"＊＊(?=\w)(?P<text>[^＊\n]+?)(?<=\S)＊＊")
_FULL_WIDTH_SIGN_NAMES = {"－": ("list item", "-"), "＞": ("quote", ">")}
# What opens the text after a full-width ＞: more quote signs, full-width or not, and a full-width "－" (＞ ＞ 引文,
# ＞ － 项目), each as one group, so that the line offered makes them all half width (> > 引文, > - 项目).
_WIDE_OPENING_RE = compile_later(r"(?:(＞)[ \t\u3000]+(?=\S)|(> ?)(?=\S))*+(?:(－)[ \t\u3000]+(?=\S))?")
_WIDE_OPENING_SIGN_RE = compile_later(r"(＞)[ \t\u3000]+|(> ?)|(－)[ \t\u3000]+")
# A heading's signs with a full-width ＃ among them (＃＃ 标题, ＃＃标题, #＃ 标题, ＃＃　标题); group "space" is what
# follows them, "text" the heading's text, without closing signs (## 标题 ##).
_WIDE_HEADING_RE = compile_later(r"^ {0,3}(?P<sign>[#＃]{1,6})(?![#＃])(?P<space>[ \t\u3000]*)"
                              r"(?P<text>\S.*?)(?:[ \t\u3000]+[#＃]+)?[ \t\u3000]*$")
# A heading typed with half-width signs whose closing signs hold a full-width ＃ (## 标题 ＃＃, ## 标题 #＃): Markdown
# drops closing signs only when all are "#" (`HashHeadings`), so these stay in the heading's text.
_WIDE_CLOSING_RE = compile_later(r"^ {0,3}(?P<sign>#{1,6})[ \t]+(?P<text>.*?\S)[ \t\u3000]+"
                              r"(?P<closing>[#＃]*＃[#＃]*)[ \t\u3000]*$")


@dataclass(frozen=True)
class _WideHeading:
    """A line meant as a heading but typed with a full-width ＃ (全角井号): its signs, level and text."""

    column: int
    sign: str
    spaced: bool
    text: str

    @property
    def level(self) -> int:
        return len(self.sign)


def wide_heading(line: str) -> _WideHeading | None:
    """The heading ``line`` was meant to be, when its signs hold a full-width ＃; else None.

    A single ＃ right against a digit or a Latin letter (＃1号楼, ＃A栋) is
    a number, and a single ＃ with another ＃ later (＃大调研＃) a topic
    tag: both are text as typed, not headings.
    """
    found = _WIDE_HEADING_RE.match(line) if "＃" in line else None
    if found is None or "＃" not in found.group("sign"):
        return None
    sign, spaced, text = found.group("sign"), bool(found.group("space")), found.group("text")
    if len(sign) == 1 and not spaced and (_is_number_sign(text[0]) or "＃" in text):
        return None
    return _WideHeading(found.start("sign") + 1, sign, spaced, text)


def _is_number_sign(first: str) -> bool:
    """True when ``first``, the character after a lone ＃, makes it a number sign: a digit or Latin letter."""
    half = unicodedata.normalize("NFKC", first)
    return half.isascii() and half.isalnum()


def _wide_heading_problem(heading: _WideHeading, line: str, signs: str = "") -> tuple[str, str]:
    """``(message, hint)`` for a `_WideHeading` typed as ``line`` (in a quote whose signs are ``signs``): what
    Markdown makes of it, and the line to type, the quote's signs kept."""
    sign = heading.sign
    if sign.strip("＃"):
        why = 'mixes half-width "#" and full-width "＃" (全角井号)'
    else:
        why = "is full-width (全角井号)" + ("" if heading.spaced else " and has no space after it")
    leading = len(sign) - len(sign.lstrip("#"))
    if leading:
        level = "a level-1 heading (一级标题)" if leading == 1 else f"a level-{leading} heading"
        read = f'makes this line {level} with "{sign[leading:]}" in its text'
    else:
        read = "reads this line as text, not a heading (标题)"
    message = f'the "{sign}" {why}, so Markdown {read}: {clipped(line.strip())}'
    if heading.level == 1:
        return message, paste_hint("for a heading, type ## in half width (半角) and a space (二级标题: the page "
                                   "title is the only level-1 heading)", f"{signs}## {heading.text}")
    return message, paste_hint("type it in half width (半角), with a space after it",
                               f"{signs}{'#' * heading.level} {heading.text}")


def _wide_closing_problem(closing: re.Match[str], line: str, signs: str) -> tuple[str, str]:
    """``(message, hint)`` for a heading typed as ``line`` (in a quote whose signs are ``signs``) whose closing
    signs, a `_WIDE_CLOSING_RE` match, hold a full-width ＃: the page shows them in the heading, and the line to
    type drops them, as the closing signs of ``## 问题 ##`` are dropped (CommonMark's rule, `HashHeadings`)."""
    signs_typed = closing.group("closing")
    why = 'mixes half-width "#" and full-width "＃" (全角井号)' if "#" in signs_typed else "is full-width (全角井号)"
    return (f'the closing "{signs_typed}" of this heading {why}, so Markdown keeps it in the heading\'s text: '
            f"{clipped(line.strip())}",
            paste_hint("delete it (a heading needs no closing #)",
                       f"{signs}{closing.group('sign')} {closing.group('text')}"))


def full_width_sign_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for Markdown signs typed in full width (全角): ``＃＃ 标题`` (``＃＃标题``, ``#＃ 标题``),
    ``－ 项目``, ``＊＊粗体＊＊``, ``｜`` in a table row.

    Markdown reads only the half-width signs, so the page shows these as
    typed: a heading or list item as plain text (a heading missing from the
    table of contents too; after a half-width "#", a heading of the wrong
    level with "＃" in its text), bold as stars, and a
    ``｜`` inside a table row as part of a cell, which moves every figure
    after it one column left of its heading. Each is warned at its column
    with the text to type. The signs that open a line are looked for inside
    quotes too, at any depth (``> － 项目`` gets ``> - 项目``, the quote's
    signs kept as typed; a list item on a lazy line, typed without ``>``
    right under a quote, gets the signs of the line above it,
    `_full_width_line_start`). Fenced code and code spans are
    left alone; found while converting (cached).
    """
    if not _FULL_WIDTH_SIGNS_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        for bold in _FULL_WIDTH_BOLD_RE.finditer(without_code_spans(line)):
            problems.append(Problem(
                path, first_line + index, bold.start() + 1, "warning",
                f"the stars are full-width (全角), so Markdown does not make this bold: {bold.group()}",
                f"type them in half width (半角): **{bold.group('text')}**"))
    for text, places, lazy in quoted_texts(lines):
        tabled: set[int] = set()
        if "｜" in source:
            for table in _full_width_tables(text):
                tabled.update(table.rows)
                index, signs, _ = places[table.at]
                first = lines[places[table.rows[0]][0]]  # the quote's signs typed on it go before the lines offered
                problems.append(Problem(
                    path, first_line + index, signs + table.column, "warning",
                    *_full_width_table_problem(table, first[:len(first) - len(text[table.rows[0]])])))
        for inner, line in outside_fences(text):
            if inner not in lazy:
                index, signs, kept = places[inner]
                problems += [Problem(path, first_line + index, signs + column, "warning", message, hint)
                             for column, message, hint in _full_width_line_start(text, inner, lines[index], kept,
                                                                                 inner in tabled)]
    return problems


# Dashes an input method types for "-" (全角 －, the long dashes of ——, ―, –, ─) and its full-width colon, in a table's
# line under its first row; and its full-width bar.
_WIDE_DASHES = str.maketrans({"－": "-", "—": "-", "―": "-", "–": "-", "─": "-", "：": ":"})
_WIDE_BARS = str.maketrans({"｜": "|"})


def separator_to_type(line: str) -> str:
    """The line under a table's first row to type for ``line``, one typed with full-width bars or dashes: each
    cell ``---``, with the colons typed for its alignment (``：－－`` → ``:---``, ``－－：`` → ``---:``), and
    bars at its ends only where ``line`` has them (Python-Markdown reads ``| --- | --- |`` under
    ``类别 | 收集`` as no table)."""
    half = line.translate(_WIDE_BARS).translate(_WIDE_DASHES).strip()
    cells = half.strip("|").split("|")
    signs = " | ".join((":" if cell.strip().startswith(":") else "") + "---" + (":" if cell.strip().endswith(":")
                                                                                else "") for cell in cells)
    return ("| " if half.startswith("|") else "") + signs + (" |" if half.endswith("|") else "")


def is_wide_separator(line: str) -> bool:
    """True when ``line`` is the line under a table's first row (``| --- | :-: |``) once its full-width bars
    and dashes (`_WIDE_BARS`, `_WIDE_DASHES`) are made half width, and holds a bar and a dash."""
    half = line.translate(_WIDE_BARS).translate(_WIDE_DASHES).replace("\u3000", " ")
    return "|" in half and "-" in half and SEPARATOR_ROW_RE.match(half) is not None


@dataclass(frozen=True)
class _WideTable:
    """Lines of a text meant as a table but typed with full-width bars (全角竖线 ｜): the indices of its rows,
    the line and column (from 1) of the first "｜", and the line under its first row (None when there is none)."""

    rows: range
    at: int
    column: int
    header: str
    separator: str | None


def _full_width_tables(text: Sequence[str]) -> Iterator[_WideTable]:
    """The tables of ``text`` (a body's or a quote's lines) that Markdown shows as text for their full-width bars.

    A table is two or more lines in a row holding a bar, "|" or "｜", one of
    the first two a "｜": its second line the line of dashes under the first
    row (``｜－－｜－－｜``, ``---｜---``), or each line starting with a bar
    (``｜类别｜收集｜``, no line of dashes). A single line with a "｜"
    (地址｜电话), lines without a bar at their start and no line of dashes
    under the first (a list of titles, 大调研微访谈｜白鹤镇), and a table
    Markdown reads, whose first two lines have only half-width bars (a "｜"
    in a later row is `_full_width_line_start`'s), are not. Fenced code and
    code spans are left alone.
    """
    rows = [(inner, without_code_spans(line)) for inner, line in outside_fences(text)]
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end][0] == rows[start][0] + end - start and ("|" in rows[end][1]
                                                                                    or "｜" in rows[end][1]):
            end += 1
        block, start = rows[start:end], max(end, start + 1)
        if len(block) < 2 or "｜" not in block[0][1] + block[1][1]:
            continue
        separated = is_wide_separator(block[1][1]) and not is_wide_separator(block[0][1])
        if not separated and not all(line.lstrip(" \u3000").startswith(("|", "｜")) for _, line in block):
            continue
        at, line = next((inner, line) for inner, line in block if "｜" in line)
        yield _WideTable(range(block[0][0], block[-1][0] + 1), at, line.index("｜") + 1,
                         text[block[0][0]].strip(), text[block[1][0]].strip() if separated else None)


def _full_width_table_problem(table: _WideTable, signs: str) -> tuple[str, str]:
    """``(message, hint)`` for a `_WideTable` in a quote whose signs, as typed, are ``signs``: the lines to type
    for its first row and the line under it, with half-width bars and dashes."""
    header = signs + table.header.translate(_WIDE_BARS)
    count = len(table.rows)
    message = (f"these {count} lines look like a table (表格), but their bars are full-width (全角竖线 ｜), so "
               "Markdown shows them as text")
    if table.separator is None:
        cells = table.header.translate(_WIDE_BARS).strip().strip("|").count("|") + 1
        return message, (f"type every bar in half width (半角 |), in every line, and add a line of --- under the "
                         f"first row: {header}, then {signs}|{' --- |' * cells}")
    separator = table.separator.translate(_WIDE_BARS)
    if separator.translate(_WIDE_DASHES) != separator:
        return message, (f"type every bar in half width (半角 |), in every line, and the dashes under the first row "
                         f"as -: {header}, then {signs}{separator_to_type(table.separator)}")
    return message, f"type every bar in half width (半角 |), in every line: {header}, then {signs}{separator}"


def _full_width_line_start(text: Sequence[str], inner: int, line: str, kept: str,
                           tabled: bool = False) -> Iterator[tuple[int, str, str]]:
    """The warnings of `full_width_sign_problems` for a full-width sign that starts line ``inner`` of
    ``text`` (a body's or a quote's, its signs taken off), as (column from 1 in ``text``'s line, message,
    hint); ``line`` is the line as typed in the file, ``kept`` the quote signs that keep it in its quote,
    ``tabled`` True for a line of a `_WideTable` (warned as a whole, not row by row).

    A list item is offered with ``kept``, also on a lazy line, typed without
    ``>`` right under a quote, which the page shows in it (``－ 乙`` under
    ``> - 甲`` gets ``> - 乙``, one more item of that list); a quote's or
    heading's sign, or a table row, only with the signs typed: ``＞ 引文``
    under ``> 原文`` was meant as ``> 引文``, not as a quote in the quote.
    """
    own = text[inner]
    signs = line[:len(line) - len(own)]
    stripped = without_code_spans(own)
    heading = wide_heading(own)  # the line itself: a code span in the heading's text is kept in the hint
    if heading is not None:
        yield heading.column, *_wide_heading_problem(heading, line, signs)
    closing = _WIDE_CLOSING_RE.match(own) if heading is None and "＃" in own else None
    if closing is not None:
        yield closing.start("closing") + 1, *_wide_closing_problem(closing, line, signs)
    start = _FULL_WIDTH_LINE_RE.match(stripped)
    if start:
        sign = start.group("sign")
        kind, half = _FULL_WIDTH_SIGN_NAMES[sign[0]]
        rest = stripped[start.end():].rstrip()
        before = kept if half == "-" else signs
        yield (start.start("sign") + 1,
               f'the "{sign}" is full-width (全角), so Markdown does not read this line as a {kind}: '
               f"{clipped(line.strip())}",
               paste_hint("type it in half width (半角), with a space after it",
                          f"{before}{half} {_half_width_opening(rest) if half == '>' else rest}"))
    if "｜" in stripped and not tabled and stripped.lstrip().startswith(("|", "｜")) \
            and not _borders_complete(text, inner, stripped):
        if stripped.lstrip().startswith("|"):
            message = ('a full-width "｜" in this table row is text, not a cell border, so the cells after '
                       f"it move one column left: {clipped(line.strip())}")
        else:
            message = f'this table row is typed with full-width "｜" (全角), which Markdown does not read: ' \
                      f"{clipped(line.strip())}"
        yield (stripped.index("｜") + 1, message,
               paste_hint("type every cell border in half width (半角)", (signs + own.strip()).replace("｜", "|"),
                          ': | in place of each "｜"'))


def _half_width_opening(rest: str) -> str:
    """``rest``, the text after a full-width quote sign (＞) and its space, with the quote signs and the
    full-width "－" that open it (`_WIDE_OPENING_RE`) made half width, and a heading's ＃ after them as
    `_wide_heading_problem` offers it: ``> 引文`` for ``＞ 引文``, ``## 标题`` for ``＃＃ 标题``."""
    opening = _WIDE_OPENING_RE.match(rest)
    signs = "".join("> " if wide else typed or "- "
                    for wide, typed, _ in (sign.groups() for sign in _WIDE_OPENING_SIGN_RE.finditer(opening.group())))
    heading = None if signs.endswith("- ") else wide_heading(rest[opening.end():])
    if heading is not None:
        return f"{signs}{'#' * max(heading.level, 2)} {heading.text}"
    return signs + rest[opening.end():]


def _borders_complete(lines: Sequence[str], index: int, text: str) -> bool:
    """Whether the table row ``text`` (line ``index`` of ``lines``, code spans blanked) has as many half-width
    cell borders as another row of its table (the first other one): a "｜" in it is then the text's own
    (大调研微访谈｜白鹤镇, a WeChat article's title), not a border typed in full width."""
    def row(at: int) -> bool:
        return 0 <= at < len(lines) and lines[at].lstrip().startswith(("|", "｜"))

    first = index
    while row(first - 1):
        first -= 1
    other = first if first != index else index + 1
    if not row(other):
        return False
    return text.count("|") - text.count("\\|") >= lines[other].count("|") - lines[other].count("\\|")
