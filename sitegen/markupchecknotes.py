"""Source-level checks of sources typed as link definitions, of ">" meaning "more than", and of footnotes.

Job: warn sources typed as ``[2]: https://…`` (which Markdown hides as link
definitions), ">" typed at a line's start to mean "more than" (which
Markdown makes a quote), and footnotes without a note or notes the text
never refers to.

May import: errors, lazyre, markupbits, markupcheckbits, markupinline (and Python-Markdown and the standard library).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

import markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.blockprocessors import ReferenceProcessor

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import LIST_ITEM_RE, clipped
from .markupcheckbits import outside_fences, quoted_texts, without_code_spans
from .markupinline import looks_like_address

_CITATION_LABEL_RE = compile_later(r"\d{1,4}")


def citation_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for sources typed as ``[2]: https://…``, which Markdown hides as link definitions.

    ``[2]: address`` defines where ``[2]`` in the text links to; the line
    itself is not shown. An editor typing a numbered list of sources means
    it to be read, so each such line is warned (a definition whose target
    is no address stays text, see `AddressReferences`). Fenced code is
    left alone; found while converting (cached).
    """
    if "]:" not in source:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = ReferenceProcessor.RE.match(line)  # what Markdown takes as a definition, as AddressReferences
        if not found or not _CITATION_LABEL_RE.fullmatch(found.group(1)) \
                or not looks_like_address(found.group(2).lstrip("<").rstrip(">")):
            continue  # no definition, or not a numbered one: the line is shown as typed, or meant as a link
        label = found.group(1)
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f'this line defines where "[{label}]" in the text links to, so Markdown does not show it: '
            f"{clipped(line.strip())}",
            f'to show it as a source on the page, delete the ":" after "[{label}]" '
            f"(the text's [{label}] is then no link)"))
    return problems


# A ">" typed at the start of a line to mean "more than": a figure (half or full width) or "=" right after it;
# not a number that opens a list item typed in a quote with no space (">1.摸排", ">2、整改").
_MORE_THAN_SIGN = (r">(?=[=＝]|(?![0-9０-９]{4}[.．/\-－年])[0-9０-９]++(?![.．、)）](?![0-9０-９]))"
                   r"(?![年月日号时点]))")
_MORE_THAN_RE = compile_later(r"^ {0,3}" + _MORE_THAN_SIGN)
_ITEM_MORE_THAN_RE = compile_later(r"^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+" + _MORE_THAN_SIGN)
"""A list item that begins with ">" for "more than" (``- >90%的村已完成``): its text is a quotation in the item."""
_MORE_THAN_SOURCE_RE = compile_later(r"^[ \t>]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?>[0-9０-９=＝]", re.MULTILINE)


def _commented_lines(lines: Sequence[str]) -> set[int]:
    """The indexes of the lines that are all or partly inside an HTML comment (``<!-- … -->``, 注释)."""
    inside, noted = False, set()
    for index, line in enumerate(lines):
        rest = line
        while True:
            if inside:
                noted.add(index)
                end = rest.find("-->")
                if end < 0:
                    break
                inside, rest = False, rest[end + 3:]
            start = rest.find("<!--")
            if start < 0:
                break
            noted.add(index)
            inside, rest = True, rest[start + 4:]
    return noted


def more_than_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for ">" typed at the start of a line to mean "more than" (``>90%的居民表示满意。``, ``>=3``).

    Markdown reads ">" at the start of a line as a quotation (引用) and
    drops it: the page shows ``90%的居民表示满意。`` in a quote, the meaning
    changed; so it does at the start of a list item's text (``- >90%的村``;
    indented 4 spaces or more, only under an item: else the line is shown as
    typed). A ">" right before a digit (half or full width) or "=" is
    taken as the sign, at any depth of quotes (``> >90%``); one before a
    space or words (``> 引文``, ``>引文``) or before a list item's number
    (``>1.摸排``: `slipped_item_problems` tells it) is a quotation. Each is warned
    at its ">", with the backslash that keeps it (``\\>90%``) offered first.
    Fenced code is left alone; found while converting (cached).
    """
    if not _MORE_THAN_SOURCE_RE.search(source):
        return []
    problems: list[Problem] = []
    noted = _commented_lines(lines)
    for text, places, lazy in quoted_texts(lines):
        for inner, line in outside_fences(text):
            found = _MORE_THAN_RE.match(line)
            above = text[inner - 1] if inner > 0 else ""
            if found is None and (len(line) - len(line.lstrip(" ")) <= 3 or LIST_ITEM_RE.match(
                    next((typed.lstrip(" ") for typed in reversed(text[:inner]) if typed.strip()), ""))):
                found = _ITEM_MORE_THAN_RE.match(line)  # indented further, an item only under one
            if found is None or inner in lazy or places[inner][0] in noted or "|" in line:
                continue  # a note is never shown; a table's row (>=3 | 满意) shows its ">"
            if above.lstrip(" ").startswith(">") and not _MORE_THAN_RE.match(above) and line.lstrip(" ")[:1] == ">":
                continue  # the next line of a quotation (>截至… then >318批次…), not a sign typed alone
            index, signs, _ = places[inner]
            at = signs + found.end() - 1  # the ">" in the file's line
            typed = lines[index]
            kept = f"to keep the sign, type a backslash before it: {typed[:at]}\\{typed[at:]}"
            if typed[at + 1] in "=＝":  # ">=3": no quotation is meant
                hint = f'{kept} (or write ≥ in place of "{typed[at:at + 2]}")'
            else:
                hint = (f"{kept} (or type it in full width, ＞, or write 超过); if a quotation is meant, type a space "
                        f"after it: {typed[:at + 1]} {typed[at + 1:]}")
            problems.append(Problem(
                path, first_line + index, at + 1, "warning",
                'Markdown reads ">" at the start of a line as a quotation (引用), so the page shows this line '
                f'without it: {typed.strip()}', hint))
    return problems


# A footnote's mark in the text ([^1]), as the footnotes extension finds it (its FOOTNOTE_RE; "\\[" is text), and a
# note typed with an input method's full-width colon ([^1]：…), which is then no note but text.
_FOOTNOTE_MARK_RE = compile_later(r"(?<!\\)\[\^([^\]\n]+)\]")
_WIDE_COLON_NOTE_RE = compile_later(r"^ {0,3}\[\^([^\]\n]+)\][ \t\u3000]*[：﹕]")


@dataclass(frozen=True)
class _FootnoteLabels:
    """The footnotes of one converted body, as Python-Markdown's footnotes extension recorded them.

    Fields:
        defined: the labels of the notes defined (``[^1]: …``), in the order defined.
        referred: the labels the text refers to (``[^1]``) that have a note, in the order referred.
    """

    defined: tuple[str, ...]
    referred: tuple[str, ...]


def _footnote_labels(md: markdown.Markdown) -> _FootnoteLabels | None:
    """Return the footnotes of the document ``md`` last converted, or None when its footnotes extension is off.

    Read from the extension itself (``footnotes`` and ``footnote_order``,
    reset with each document), so a note counts as defined or used exactly
    when Python-Markdown made it so.
    """
    for extension in md.registeredExtensions:
        if isinstance(extension, FootnoteExtension):
            return _FootnoteLabels(tuple(extension.footnotes), tuple(extension.footnote_order))
    return None


def footnote_problems(source: str, lines: list[str], clean_html: str, md: markdown.Markdown, path: str,
                      first_line: int) -> list[Problem]:
    """Warnings for footnotes without a note, and for notes the text never refers to.

    Takes the body, its lines, the page's HTML and the Markdown instance
    that has just converted it, whose footnotes extension recorded the notes
    and marks (`_footnote_labels`; without that extension nothing is
    warned). A mark ``[^1]`` with no line ``[^1]: …`` is shown as typed: it
    is warned once per label, at its first place, or at the line meant as
    its note when that line has a full-width colon (``[^1]：…``, which
    Markdown reads as text). A note no mark refers to is still listed at
    the end of the page, with a ↩ link back to a place that does not exist:
    it is warned at its line. Fenced code and code spans are left alone;
    found while converting (cached). Returns the warnings in that order.
    """
    labels = _footnote_labels(md) if "[^" in source else None
    if labels is None:
        return []
    problems: list[Problem] = []
    marks: dict[str, tuple[int, int]] = {}  # an undefined label -> (line index, column) of the place to warn
    counts: dict[str, int] = {}  # an undefined label -> how many times it is typed
    # A mark with a note becomes a number: only a page showing "[^" can hold a mark without one.
    for index, line in outside_fences(lines) if "[^" in clean_html else ():
        text = without_code_spans(line)
        for found in _FOOTNOTE_MARK_RE.finditer(text):
            if found.group(1) not in labels.defined:
                marks.setdefault(found.group(1), (index, found.start()))
                counts[found.group(1)] = counts.get(found.group(1), 0) + 1
        wide = _WIDE_COLON_NOTE_RE.match(text)
        if wide and wide.group(1) not in labels.defined:
            marks[wide.group(1)] = (index, wide.start(1) - 2)  # the line meant as its note: fixed there
    for label, (index, column) in marks.items():
        mark = f"[^{label}]"
        if html.escape(mark, quote=False) not in clean_html:
            continue  # not shown as typed (in raw HTML, say)
        wide = _WIDE_COLON_NOTE_RE.match(lines[index])
        if wide and wide.start(1) - 2 == column:
            problems.append(Problem(
                path, first_line + index, column + 1, "warning",
                f'a full-width colon (全角冒号 ：) follows "{mark}", so Markdown does not read this line as the '
                f"footnote's note (脚注): the page shows it as typed"
                + (f', and "{mark}" in the text too' if counts[label] > 1 else ""),
                paste_hint("type a half-width colon and a space (半角)", f"{mark}: {lines[index][wide.end():].strip()}",
                           f' in place of the "：" after "{mark}"')))
            continue
        problems.append(Problem(
            path, first_line + index, column + 1, "warning",
            f'"{mark}" refers to a footnote (脚注) that has no note: no line "{mark}: …" gives its text, so the '
            f'page shows "{mark}" as typed',
            f'add the note at the end of the text, on a line of its own after a blank line: {mark}: 注释内容; '
            f'or delete "{mark}"; or, if it is meant as typed, write \\{mark}'))
    for label in labels.defined:
        if label in labels.referred:
            continue
        note = f"[^{label}]:"
        place = next(((index, line.find(note)) for index, line in outside_fences(lines) if note in line), None)
        problems.append(Problem(
            path, None if place is None else first_line + place[0], None if place is None else place[1] + 1,
            "warning",
            f'no "[^{label}]" in the text refers to this footnote (脚注): the page still lists it with the notes '
            "at the end, and its ↩ link back to the text leads nowhere",
            f'put [^{label}] in the text where the note belongs, or delete the note'))
    return problems
