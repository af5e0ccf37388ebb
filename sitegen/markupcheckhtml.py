"""Source-level checks of raw HTML: what sanitizing removed, and Markdown typed inside an HTML block.

Job: tell what the cleaner removed, at its line (`removal_problems`), read
the raw HTML blocks of the source (`html_blocks`), and warn Markdown typed
inside them, which the page shows as typed.

May import: errors, lazyre, markupallow, markupbits, markupcheckbits, markupclean (and Python-Markdown and the standard
library).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

import markdown

from .errors import Problem, and_joined, paste_hint
from .lazyre import compile_later
from .markupallow import CONTENT_DROPPED_TAGS
from .markupbits import clipped
from .markupcheckbits import HREF_RE, YEAR_NUMBER, outside_fences
from .markupclean import RemovalScanner, url_refusal

def _locate(needles: tuple[str, ...], lowered: list[str], start: int) -> tuple[int, int] | None:
    """Return ``(line index, column)`` of the first line (from ``start``, then from 0) containing a
    needle, and the 1-based column where the needle stands in it (the needles go from the most exact)."""
    for begin in (start, 0):
        for needle in needles:
            if not needle:
                continue
            for index in range(begin, len(lowered)):
                found = lowered[index].find(needle)
                if found >= 0:
                    return index, found + 1
    return None


def _occurrence(needle: str, skipped: int, lowered: list[str]) -> tuple[int, int] | None:
    """``(line index, column)`` of ``needle`` in ``lowered`` (lines outside fenced code) after ``skipped``
    earlier places of it, or None when it is there fewer times."""
    for index, line in outside_fences(lowered):
        found = line.find(needle)
        while found >= 0:
            if not skipped:
                return index, found + 1
            skipped -= 1
            found = line.find(needle, found + 1)
    return None


def removal_possible(source: str, raw_html: str) -> bool:
    """False only when `RemovalScanner` provably finds nothing in ``raw_html``.

    Takes the Markdown source and the HTML Python-Markdown made of it. Without
    a ``<`` in the source there is no raw HTML, autolink or ``<url>``, so every
    tag and attribute in ``raw_html`` is one Python-Markdown writes itself: all
    in :data:`ALLOWED_TAGS`, no ``on*`` attribute, ``src`` only on ``<img>``.
    What is left to find is then an ``<img>`` (its alt text is checked) and a
    refused ``href`` scheme, checked here with the same `url_refusal` on the
    value as the HTML parser decodes it. Entities (``&``) cannot make a tag,
    since the scanner decodes them as text. True means "scan to find out".
    """
    if "<" in source or "<img" in raw_html:
        return True
    return any(url_refusal("a", "href", html.unescape(value)) for value in HREF_RE.findall(raw_html))


def removal_problems(raw_html: str, lines: list[str], blocks: Sequence[_HtmlBlock], path: str,
                     first_line: int) -> list[Problem]:
    """Warnings for what the sanitizer removes, at the source line it came from.

    Takes the HTML Python-Markdown made, the body's lines, its raw HTML
    blocks (`html_blocks`: a finding on one of their lines gets the hint
    written for HTML, ``<strong>`` for ``**``), the file's path and the file
    line of the body's first line.
    """
    scanner = RemovalScanner()
    scanner.feed(raw_html)
    scanner.close()
    lowered = [line.lower() for line in lines]
    problems: list[Problem] = []
    told: set[tuple[int, str]] = set()  # (line index, look) of the findings told once a line
    cursor = 0
    for finding in scanner.findings:
        if finding.typed_only and _locate(finding.needles[:1], lowered, cursor) is None:
            continue
        found = (_occurrence(finding.needles[0], finding.occurrence, lowered) if finding.once_a_line else None) \
            or _locate(finding.needles, lowered, cursor)
        if found is not None:
            cursor = found[0]
        line, column = (None, None) if found is None else (first_line + found[0], found[1])
        if found is not None:  # point at the attribute or address itself, not at the start of its tag
            text = lowered[found[0]]
            column = next((text.find(needle) + 1 for needle in finding.needles[1:]
                           if needle and needle in text), column)
            if finding.once_a_line and (found[0], finding.once_a_line) in told:
                continue
            told.add((found[0], finding.once_a_line))
        in_html = found is not None and finding.html_hint and _in_html_block(found[0], blocks)
        problems.append(Problem(path, line, column, "warning", finding.message,
                                finding.html_hint if in_html else finding.hint))
    return problems


@dataclass(frozen=True)
class _HtmlBlock:
    """A raw HTML block of a body: the lines from a line that starts with a block-level tag (``<div>``, ``<p>``,
    ``<table>``) to its end tag, which Python-Markdown passes on as HTML without reading Markdown in them.

    Fields:
        start: the index of its first line in the body's lines.
        end: the index after its last line.
        tag: the name of the tag that opens it, in lower case (``div``).
        opening: that start tag as typed (``<div align="center">``).
        closing: the index of the line holding its last end tag (``</div>``), or -1 when it is never closed.
    """

    start: int
    end: int
    tag: str
    opening: str
    closing: int


_BLOCK_START_TAG_RE = compile_later(r"<([A-Za-z][A-Za-z0-9]*)\b[^>]*>?")


def html_blocks(lines: Sequence[str], md: markdown.Markdown) -> list[_HtmlBlock]:
    """The raw HTML blocks of a body just converted by ``md``, in order, found where Python-Markdown's
    ``html_block`` preprocessor stashed them (its rule: from a block-level start tag at a line's start to the
    end tag that closes it, blank lines or not, or to the end of the text). Each is placed by its lines in
    ``lines`` (tabs read as 4 spaces, as Python-Markdown does; blank lines it inserted skipped); a stashed
    piece found in no line (fenced code, a tag inside a paragraph) is none.
    """
    blocks: list[_HtmlBlock] = []
    cursor = 0
    for stashed in md.htmlStash.rawHtmlBlocks:
        found = _BLOCK_START_TAG_RE.match(stashed) if isinstance(stashed, str) else None
        if found is None or not md.is_block_level(found.group(1).lower()):
            continue
        typed = stashed.rstrip("\n").split("\n")
        span = next((span for start in range(cursor, len(lines)) if (span := _typed_from(lines, typed, start))),
                    None)
        if span is None:
            continue
        start, end = span
        tag = found.group(1).lower()
        closing = next((index for index in range(end - 1, start - 1, -1) if f"</{tag}" in lines[index].lower()), -1)
        blocks.append(_HtmlBlock(start, end, tag, found.group(), closing))
        cursor = end
    return blocks


def _typed_from(lines: Sequence[str], typed: Sequence[str], start: int) -> tuple[int, int] | None:
    """``(start, end)`` when the lines from ``start`` are ``typed`` (as `html_blocks` compares them), else None."""
    if lines[start].expandtabs(4).rstrip() != typed[0].rstrip():
        return None
    at = start + 1
    for line in typed[1:]:
        if at < len(lines) and lines[at].expandtabs(4).rstrip() == line.rstrip():
            at += 1
        elif line.strip():
            return None
    return start, at


def _in_html_block(index: int, blocks: Sequence[_HtmlBlock]) -> bool:
    """True when the line at ``index`` is in one of the raw HTML ``blocks``."""
    return any(block.start <= index < block.end for block in blocks)


def outside_html_blocks(problems: list[Problem], blocks: Sequence[_HtmlBlock], first_line: int) -> list[Problem]:
    """``problems`` but those at a line of one of the raw HTML ``blocks`` (``first_line``: the file line of the
    body's first line)."""
    return [problem for problem in problems if not _in_html_block(problem.line - first_line, blocks)] \
        if blocks else problems


# Markdown an editor types in a raw HTML block, where the page shows it as typed: a heading, a list item (at a
# line's start), bold, a link or picture (anywhere). Groups: the sign named in the message, and the text.
_HTML_BLOCK_MARKDOWN_RE = compile_later(
    r"^ {0,3}(?P<heading>#{1,6})[ \t]+(?P<title>\S.*?)[ \t#]*$"
    r"|^ {0,3}(?P<item>[-*+]|(?!(?:" + YEAR_NUMBER + r")\.)\d+\.)[ \t]+(?P<text>\S.*)$"
    r"|(?P<bold>\*\*)(?P<strong>(?=\S)[^*\n]*?\S)\*\*"
    r"|(?P<link>!?\[)(?P<label>[^\]\n]+)\]\((?P<address>[^()\s]+)\)")
# Tags that open a block and change nothing the page shows: deleted, the lines between them are read as Markdown.
_PLAIN_BLOCK_TAGS = frozenset({"div", "p", "center", "section", "article", "aside", "header", "footer", "main",
                               "nav"})
_PLAIN_TAG_LINE_RE = compile_later(r"^[ \t]*</?(?:" + "|".join(sorted(_PLAIN_BLOCK_TAGS)) + r")\b[^<>]*>[ \t]*$",
                                   re.IGNORECASE)
"""A line that is a start or end tag of `_PLAIN_BLOCK_TAGS` alone (``<div class="inner">``, ``</div>``)."""
# Blocks whose text is code or is removed: Markdown signs in them are meant, or never shown.
_UNREAD_BLOCK_TAGS = CONTENT_DROPPED_TAGS | {"pre", "code"}


def html_markdown_problems(lines: Sequence[str], blocks: Sequence[_HtmlBlock], path: str,
                           first_line: int) -> list[Problem]:
    """Warnings for Markdown typed inside a raw HTML block (`html_blocks`), which the page shows as typed.

    Python-Markdown reads no Markdown from an HTML block's start tag at a
    line's start to its end tag, blank lines or not (``md_in_html`` is not
    enabled): ``<div>`` right above ``### 补齐短板`` shows "### 补齐短板",
    the heading gone; ``**重点**`` in ``<div align="center">`` shows its
    stars. Each block is warned once, at the first such sign in it, naming
    the line of its start tag; a year at a line's start (``2018. 全年目标完成``)
    is no list item meant, shown as typed there as it should be; a line opening with "1." or "-" in a table's
    cell reads as typed, so a list item is looked for only where the tags
    can go. The hint deletes the block's tags where they
    change nothing the page shows (`_PLAIN_BLOCK_TAGS`), else gives the sign
    written in HTML (``<strong>重点</strong>``).
    """
    problems: list[Problem] = []
    for block in blocks:
        if block.tag in _UNREAD_BLOCK_TAGS:
            continue
        for index in range(block.start, block.end):
            line = _COMMENT_RE.sub("", lines[index])  # a note in <!-- --> is never shown: its signs are no slip
            found = next((found for found in _HTML_BLOCK_MARKDOWN_RE.finditer(line)
                          if (index > block.start or not (found.group("heading") or found.group("item")))
                          and (block.tag in _PLAIN_BLOCK_TAGS or not found.group("item"))
                          and not _masking_stars(line, found)), None)
            if found is not None:
                problems.append(_html_markdown_problem(block, found, lines, path, first_line, index))
                break
    return problems


_COMMENT_RE = compile_later(r"<!--.*?(?:-->|$)")


def _masking_stars(line: str, found: re.Match[str]) -> bool:
    """True when the "**" pair ``found`` in ``line`` is two masks (``张**、李**``, ``138****5678``: stars standing
    for the characters of a name or number left out), not bold: its text starts with a mark (、（), or its
    stars touch more stars."""
    if not found.group("bold"):
        return False
    return (found.group("strong")[0] in "、，,。；;：:（()）—-/" or line[found.end():found.end() + 1] == "*"
            or line[found.start() - 1:found.start()] == "*")


def _html_markdown_problem(block: _HtmlBlock, found: re.Match[str], lines: Sequence[str], path: str,
                           first_line: int, index: int) -> Problem:
    """The warning of `html_markdown_problems` for the Markdown ``found`` in ``lines[index]``, in ``block``."""
    sign = next(group for group in ("heading", "item", "bold", "link") if found.group(group))
    column = found.start(sign) + 1
    shown = {"heading": found.group("heading"), "item": found.group("item"), "bold": found.group("bold"),
             "link": "[…](…)"}[sign]
    opening = clipped(block.opening, 40)
    message = (f"this line is inside the HTML block that starts at line {first_line + block.start} ({opening}), "
               f'where Markdown is not read, so the page shows "{shown}" as typed: {clipped(lines[index].strip())}')
    if block.tag in _PLAIN_BLOCK_TAGS:
        # Tags of the same kind inside it, each on a line of its own (<div> in <div>), go too: left, they would
        # start a block of their own around the same lines.
        inner = [(clipped(lines[number].strip(), 40), number)
                 for number in range(block.start + 1, block.closing if block.closing >= 0 else block.end)
                 if _PLAIN_TAG_LINE_RE.match(lines[number])]
        named = [f"{opening} (line {first_line + block.start}"
                 + ("; it is never closed, so the HTML block runs to the end of the text)" if block.closing < 0 else ")"),
                 *(f"{tag} (line {first_line + number})" for tag, number in inner)]
        if block.closing >= 0:
            named.append(f"</{block.tag}> (line {first_line + block.closing})")
        listed = and_joined(named)
        hint = (f"delete {listed}, and Markdown reads the lines between them; the page looks the same without these "
                "tags" if block.closing >= 0 else f"delete {listed}, and Markdown reads the lines after it")
        return Problem(path, first_line + index, column, "warning", message, hint)
    if sign == "heading":
        level = len(found.group("heading"))
        typed = f"<h{level}>{found.group('title')}</h{level}>"
    elif sign == "bold":
        typed = f"<strong>{found.group('strong')}</strong>"
    elif found.group("link") == "[":
        typed = f'<a href="{found.group("address")}">{found.group("label")}</a>'
    else:
        typed = f'<img src="{found.group("address")}" alt="{found.group("label")}">'
    hint = paste_hint("write it in HTML there", typed, f": {typed[:typed.index('>') + 1]} … ")
    return Problem(path, first_line + index, column, "warning", message, hint)
