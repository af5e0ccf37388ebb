"""Source-level checks of numbered lists: their numbering, and years taken as items.

Job: read the numbered lists of the source, in quotes and items too, and
warn lists whose page numbers differ from the numbers typed
(`numbering_problems`), and a year typed at a line's start that Markdown
made a list item's number (`year_item_problems`).

May import: errors, lazyre, markupbits, markupblocks, markupcheckbits (and the standard library).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import LIST_ITEM_RE, QUOTE_PREFIX_RE, clipped
from .markupblocks import spaces_in
from .markupcheckbits import (Place, YEAR_NUMBER, indent_chars, indent_width, is_year, list_apart_how,
                              outside_fences, quoted_texts, spaces_named)

_ORDERED_ITEM_RE = compile_later(r"^ {0,3}(\d{1,9})\.[ \t]+\S")
_CONTINUATION_RE = compile_later(r"^(?: {2,}|\t)\S")
# A line that starts a block of its own right under a list item: a heading, an HTML block, a rule.
_ENDS_LIST_RE = compile_later(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|<|(?:[-*_][ \t]*){3,}$)")


def _ordered_lists(lines: Sequence[str]) -> Iterator[list[tuple[int, int]]]:
    """The numbered lists of a text as Markdown groups them, each as ``[(line index, number typed)]``.

    A list runs over items, blank lines and indented lines, and ends at a
    text line after a blank line, at a bulleted item, at a heading, HTML
    block or rule, and at fenced code.
    """
    current: list[tuple[int, int]] = []
    blank = False
    previous = -1
    for index, line in outside_fences(lines):
        if current and index != previous + 1:  # fenced code came between
            yield current
            current = []
        previous = index
        found = _ORDERED_ITEM_RE.match(line)
        if found:
            current.append((index, int(found.group(1))))
        elif not line.strip():
            blank = True
            continue
        elif current and ((blank and not _CONTINUATION_RE.match(line)) or LIST_ITEM_RE.match(line)
                          or _ENDS_LIST_RE.match(line)):
            yield current
            current = []
        blank = False
    if current:
        yield current
# A numbered item at the start of any line, inside quotes too (a quick look before the line-by-line one). The
# quotes' signs are taken possessively (*+): a space between two ">" fits either the one before or the one after,
# and trying both ways took seconds for a line of 25 quotes.
_ANY_ORDERED_ITEM_RE = compile_later(f"^(?:{QUOTE_PREFIX_RE.pattern})*+{_ORDERED_ITEM_RE.pattern[1:]}",
                                     re.MULTILINE)


def _item_texts(lines: Sequence[str], places: list[Place]) -> Iterator[tuple[list[str], list[Place]]]:
    """The texts that Markdown nests in the list items of ``lines`` (a text from `quoted_texts`, ``places``
    where its lines come from), each as (its lines with 4 columns of indent taken off, their `Place`).

    Python-Markdown (tab length 4, TABs counted to the next multiple of 4)
    reads the lines right under an item that are indented by 4 columns or
    more, with blank lines between them, as blocks in that item: a line
    ``    2018. 启动`` under ``- 时间线：`` is a sub-list's item there. The
    indent taken off goes into each place's signs, as 4 spaces, so that a
    line offered from it is typed as far in as it was. A line of 2 or 3
    spaces stays the item's own text, and is not in these; the items of a
    text yielded are not looked into (`_texts_in_blocks` does).
    """
    outside = {at for at, _ in outside_fences(lines)}
    index = 0
    while index < len(lines):
        index += 1
        if index - 1 not in outside or not LIST_ITEM_RE.match(lines[index - 1]):
            continue
        inner: list[str] = []
        inner_places: list[Place] = []
        while index < len(lines) and (indent_width(lines[index]) >= 4 or not lines[index].strip()):
            line, (at, column, signs) = lines[index], places[index]
            taken = indent_chars(line, 4)
            inner.append(line[taken:])
            inner_places.append((at, column + taken, signs + " " * 4))
            index += 1
        while inner and not inner[-1].strip():
            inner.pop()
            inner_places.pop()
            index -= 1  # a blank line under the item's last block ends it
        if inner:
            yield inner, inner_places


def _numbered_lists_everywhere(lines: Sequence[str]) -> Iterator[tuple[list[tuple[int, int, int]], str]]:
    """Every numbered list of a text, quoted ones included, as ``([(line index, column, number typed)], the
    quote's signs of its first line)`` ("" outside a quote)."""
    for text, places, _ in quoted_texts(lines):
        for items in _ordered_lists(text):
            yield [(places[inner][0], places[inner][1] + 1, number) for inner, number in items], places[items[0][0]][2]


def numbering_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for numbered lists whose page numbers differ from the numbers typed.

    Markdown numbers a list on from its first item's number and ignores the
    others: items typed 1, 5, 6 show as 1, 2, 3. A year typed as an item's
    number (``2018. 年度总结`` above items typed 1 and 3) is told by
    `year_item_problems`, and only the items above it are checked here: the
    items from it on are numbered otherwise once the year is text (a list
    of their own). One warning per list, at its first item; a list typed with one number throughout (1. 1. 1.) is
    Markdown's own way of counting and is left alone. Lists inside quotes (``> 1. …``) are checked alike.

    A list whose numbers start again (1, 2, 1, 2: an item numbered no more
    than the first, under a higher one) is most often two lists that Markdown
    joined, only blank lines between them: the hint offers, beside numbering
    on, the line that keeps them two (`list_apart_how`).
    """
    if len(_ANY_ORDERED_ITEM_RE.findall(source)) < 2:
        return []  # most texts: no numbered list of two items or more
    problems: list[Problem] = []
    for items, signs in _numbered_lists_everywhere(lines):
        items = list(itertools.takewhile(lambda item: not is_year(item[2]), items))
        typed = [number for _, _, number in items]
        if len(typed) < 2:
            continue
        shown = [typed[0] + offset for offset in range(len(typed))]
        if typed == shown or len(set(typed)) == 1:
            continue
        index, column = items[0][0], items[0][1]
        hint = "number the items in order, from the first item's number"
        again = [first_line + items[at][0] for at in range(1, len(typed)) if typed[at] <= typed[0] < typed[at - 1]]
        if again:
            where = f"line {again[0]}" if len(again) == 1 else f"lines {', '.join(map(str, again))}"
            hint += (f"; or, if the items from {where} on are {'a list' if len(again) == 1 else 'lists'} of their "
                     f"own, {list_apart_how(signs, where if len(again) == 1 else 'each of them')}")
        if typed[0] >= 1000:
            hint += f'; if "{typed[0]}." begins a line of text (a year), not a list item, write {typed[0]}\\.'
        problems.append(Problem(
            path, first_line + index, column, "warning",
            f"this list is numbered {clipped(', '.join(map(str, typed)), 40)} as typed, but the page numbers "
            f"it {clipped(', '.join(map(str, shown)), 40)}: Markdown counts on from the first item's number",
            hint))
    return problems
# A numbered item whose number is a year, at the start of any line, inside quotes and list items too (a quick
# look first).
_ANY_YEAR_ITEM_RE = compile_later(f"^(?:[ \\t]*> ?)*+[ \\t]*(?:{YEAR_NUMBER})\\.[ \\t]+\\S", re.MULTILINE)


def year_item_problems(source: str, lines: list[str], clean_html: str, path: str,
                       first_line: int) -> list[Problem]:
    """Warnings for a year typed at the start of a line that Markdown made a list item's number.

    Takes the body, its lines, the converted HTML, the file's path and the
    file line of the body's first line. A timeline typed as
    ``2018. 全年目标完成。`` is a numbered list to Python-Markdown (its
    ``OListProcessor`` takes any number, a dot and a space): the page shows
    ``<ol start="2018">``, the year gone from the text (a screen reader reads
    a list of 1 item, search and summaries lose it), and a next line
    ``2020. …`` is numbered 2019, as Markdown counts on from the first item's
    number. A number of 4 digits from 1900 to 2100 is taken for a year
    (`is_year`); ``1.`` ``2.`` and other numbers are a list meant, and
    ``2018.5.12 召开会议``, ``2018.全年`` or ``2018年.`` are no list item.

    Each item whose number is a year is warned, at the year: the first of a
    list, and any later one (its number ignored, the year lost as well), in
    a list of years or under items of ordinary numbers; `numbering_problems`
    checks the items above the first year only. The hint is the line with a
    backslash before the dot (``2018\\. 全年目标完成。``), which the page shows
    as typed; under an item of an ordinary number, with a blank line above it
    too (a line of the quote's signs alone, in a quote), else the escaped
    line would go on that item's text. Lists in quotes are checked (the line
    offered keeps the quote's signs), and so are sub-lists nested under an
    item at any depth (`_texts_in_blocks`: 4 spaces or a TAB in, as
    Python-Markdown nests), the line offered as far in as typed, with the
    indent named (a TAB as 4 spaces): the page shows it as a paragraph of
    its own under the last item of a list (sitegen's first-line indent), as
    a line of the item when items follow; at 2, 3 or 8 spaces the line is
    the item's text, the year shown, and `indented_marker_problems` and
    `sub_item_problems` leave it alone too. A list that the page does not show (in a table, an
    HTML block: see `outside_html_blocks`) is not told.
    """
    if not _ANY_YEAR_ITEM_RE.search(source):
        return []
    problems: list[Problem] = []
    for text, places in _texts_in_blocks(lines):
        for items in _ordered_lists(text):
            first = items[0][1]
            if f'<ol start="{first}">' not in clean_html and not (first == 1 and "<ol>" in clean_html):
                continue  # not a list on the page (a table's cell, say)
            for position, (inner, number) in enumerate(items):
                found = re.match(r"( *)(\d+)\.", text[inner])
                if found is None or not is_year(number):
                    continue
                above = items[position - 1][1] if position else None
                apart = above is not None and not is_year(above) and text[inner - 1].strip() != ""
                problems.append(_year_item_problem(text[inner], found, places[inner], first + position,
                                                   None if position == 0 else first_line + places[items[0][0]][0],
                                                   apart, path, first_line))
    return problems


def _texts_in_blocks(lines: Sequence[str]) -> Iterator[tuple[Sequence[str], list[Place]]]:
    """The body's ``lines``, the text of every quote (`quoted_texts`) and of every list item's nested
    blocks (`_item_texts`) in them, at any depth, each as (its lines, where each comes from)."""
    pending: list[tuple[Sequence[str], list[Place] | None]] = [(lines, None)]
    while pending:
        text, places = pending.pop()
        for quoted, quoted_places, _ in quoted_texts(text, places):
            yield quoted, quoted_places
            pending += reversed(list(_item_texts(quoted, quoted_places)))


def _year_item_problem(line: str, found: re.Match[str], place: Place, shown: int, start: int | None,
                       apart: bool, path: str, first_line: int) -> Problem:
    """The warning of `year_item_problems` for ``line`` (a quote's signs taken off), ``found`` its year and
    dot, at ``place``; ``shown`` the number the page gives it, ``start`` the file line of its list's first
    item (None for that item), ``apart`` True when a blank line must go above it to end the list above."""
    index, column, signs = place
    year = found.group(2)
    fixed = signs + line[:found.end() - 1] + "\\" + line[found.end() - 1:]
    shows = (f"the page shows a numbered list (列表) starting at {int(year)}" if start is None else
             f"the page numbers it {shown} in the list that starts at line {start}, as Markdown counts on from "
             "the first item's number")
    how = "to keep the year as typed, type a backslash before its dot"
    if apart:
        blank = f'a line of "{signs.rstrip()}" alone' if signs.strip() else "a blank line"
        how = f"to keep the year as typed, as a paragraph of its own, leave {blank} above it and type a backslash " \
              "before its dot"
    indent = spaces_in(fixed)
    if indent:  # spaces at the start of a hint are easily missed, and a TAB typed there is 4 to Markdown
        how += f", the line indented by {spaces_named(indent)} (缩进) as now"
    return Problem(
        path, first_line + index, column + len(found.group(1)) + 1, "warning",
        f'Markdown reads the year "{year}." at the start of this line as a list item\'s number, not as text: {shows}, '
        f"and the year is no longer in the text: {clipped(line.strip())}",
        paste_hint(how, fixed.rstrip()) + ("" if apart else f' (or write {year}年 in place of "{year}.")'))
