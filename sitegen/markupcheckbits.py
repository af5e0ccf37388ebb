"""What the source-level checks of editors' text share: fences, code spans, quotes, indents, years, numbered titles.

Job: the small helpers and patterns the modules of checks of Markdown
source (`sitegen.markupcheck*`) use alike, kept here so that their imports
run one way only.

May import: lazyre, markupbits, markupblocks, yamltext (and the standard library).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .lazyre import compile_later
from .markupbits import FENCE_RE, QUOTE_PREFIX_RE
from .markupblocks import quote_end
from .yamltext import WIDE_SPACES

_CODE_SPAN_RE = compile_later(r"(`+)[^`].*?\1")


def without_code_spans(line: str) -> str:
    """Return ``line`` with each code span (`` `…` ``) made spaces of its length: the page shows code as typed,
    so no slip is looked for inside it, and columns stay those of the line."""
    if "`" not in line:
        return line  # most lines: no span, and no pattern run
    return _CODE_SPAN_RE.sub(lambda span: " " * len(span.group()), line)


def outside_fences(lines: Sequence[str], first: int = 0) -> Iterator[tuple[int, str]]:
    """The lines of a Markdown text outside fenced code blocks, as ``(number, line)``.

    Takes the lines and the number of the first (0: indexes; a file line
    gives file lines). A fence is 3 or more backticks or tildes after at
    most 3 spaces, closed by a fence of the same sign at least as long.
    """
    joined = "\n".join(lines)
    if "```" not in joined and "~~~" not in joined:
        # No line can be a fence (most bodies): every line, numbered. A body's lines are read so by many of
        # its checks, and this spares each of them a pattern per line.
        return enumerate(lines, first)
    return _outside_fences(lines, first)


def _outside_fences(lines: Sequence[str], first: int) -> Iterator[tuple[int, str]]:
    """`outside_fences` for lines that may hold a fence."""
    fence = ""
    for number, line in enumerate(lines, first):
        opening = FENCE_RE.match(line)
        if opening and (not fence or opening.group(1).startswith(fence)):
            fence = "" if fence else opening.group(1)[0] * 3
            continue
        if not fence:
            yield number, line

# A link's or picture's address, as Python-Markdown writes it: it always writes one space before an
# attribute and quotes with '"' (a literal start: the search skips to it). A picture has a src, not an href.
HREF_RE = compile_later(r' href="([^"]*)"')


# Where a line of a quote's text comes from: its index in the body's lines, the column (from 0) of the body's
# line at which it begins, and the quote signs to type before it to keep it where the page shows it (for a line
# typed with its signs, those signs exactly; for a lazy line, typed without them, the signs of the line above).
Place = tuple[int, int, str]


def _quote_spans(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The quotes of ``lines`` outside fenced code, each as (index of its first line, index after its last).

    A quote runs over its ``>`` lines and the lines without ``>`` right under
    them that Markdown takes into it (lazy lines), as `quote_end` says.
    """
    end = 0
    for index, line in outside_fences(lines):
        if index >= end and QUOTE_PREFIX_RE.match(line):
            end = quote_end(lines, index)
            yield index, end


def quoted_texts(lines: Sequence[str], places: list[Place] | None = None,
                 ) -> Iterator[tuple[Sequence[str], list[Place], frozenset[int]]]:
    """The body's ``lines``, then the text of every quote in them at any depth, each as (its lines, with one
    level of quote signs taken off; where each comes from, a `Place` in ``lines``; the indices of its lines
    that a quote in it takes lazily, without ``>``, which are read in that quote's text, not in this one).

    ``places`` says where ``lines`` come from when they are a text inside
    the body (a list item's, `_item_texts`); by default, the body's lines.
    The quotes are read one level after another from a list, not with a
    call per level: a line of thousands of ``>`` is thousands of levels.
    Never raises.
    """
    texts: list[tuple[Sequence[str], list[Place]]] = [
        (lines, places if places is not None else [(index, 0, "") for index in range(len(lines))])]
    while texts:
        text, places = texts.pop()
        inner: list[tuple[Sequence[str], list[Place]]] = []
        lazy: set[int] = set()
        for start, end in _quote_spans(text):
            quoted: list[str] = []
            quoted_places: list[Place] = []
            for at in range(start, end):
                sign = QUOTE_PREFIX_RE.match(text[at])
                index, column, typed = places[at]
                if sign:
                    quoted_places.append((index, column + sign.end(), typed + text[at][:sign.end()]))
                else:
                    lazy.add(at)
                    quoted_places.append((index, column, quoted_places[-1][2]))
                quoted.append(text[at][sign.end():] if sign else text[at])
            inner.append((quoted, quoted_places))
        yield text, places, frozenset(lazy)
        texts += reversed(inner)  # reversed: the first quote is read next, as typed


def indent_width(line: str) -> int:
    """How many columns the indent of ``line`` fills, a TAB counted to the next multiple of 4 (as
    Python-Markdown expands it); a line of spaces alone counts 0."""
    if not line.strip():
        return 0
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def indent_chars(line: str, columns: int) -> int:
    """How many characters at the start of ``line`` (spaces and TABs, a TAB to the next multiple of 4) make
    up its first ``columns`` columns of indent, or fewer when the indent is not that wide."""
    width = 0
    for taken, char in enumerate(line):
        if width >= columns or char not in " \t":
            return taken
        width = width + 1 if char == " " else (width // 4 + 1) * 4
    return len(line)


def is_year(number: int) -> bool:
    """True when a list item's ``number`` reads as a year: 1900 to 2100 (four digits, as typed in a timeline)."""
    return 1900 <= number <= 2100


def is_year_item(line: str) -> bool:
    """True when ``line`` (spaces and TABs before it or not) opens with a list item's number that `is_year`
    takes for a year and its dot (``2018. 全年目标完成。``): a year meant as text, not an item to nest."""
    found = re.match(r"[ \t]*(\d{1,9})\.[ \t]", line)
    return found is not None and is_year(int(found.group(1)))


# A list item's number that `is_year` takes for a year, in half- or full-width digits (Markdown takes both).
YEAR_NUMBER = r"(?:[1１][9９]|[2２][0０])\d\d|[2２][1１][0０][0０]"


# A list marker followed by a space Markdown does not count as one: the full-width space an input method types,
# or the no-break and other special spaces of text copied from web pages and WeChat. (Numbers of 1 to 3 digits:
# "2018.　年度总结" is a year.) The spaces are the ones YAML does not count either (`WIDE_SPACES`).
ODD_SPACE_RE = compile_later(f"[{WIDE_SPACES}]")
ODD_SPACE_ITEM_RE = compile_later(f"^[ \\t]*(?P<marker>[-*+]|[0-9]{{1,3}}[.)])(?P<space>[{WIDE_SPACES}])[{WIDE_SPACES} ]*(?=\\S)")


# A table row typed with pipes (| 照明 | 18 |), the separator row under a table's first row (| --- | :-: |), and a
# line of cells pasted from Excel or WPS (照明<TAB>18<TAB>10).
PIPE_ROW_RE = compile_later(r"^ {0,3}\|.*\|")
SEPARATOR_ROW_RE = compile_later(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
TAB_CELLS_RE = compile_later(r"^[^\t]*\S\t+\S")
CHINESE_DIGITS = "一二三四五六七八九十"
HANZI_NUMBER = f"[{CHINESE_DIGITS}]{{1,3}}"
"""A number of a list or a heading in Chinese numerals, one to ninety-nine (一, 十二, 九十九), as its marks write it
(一、, （一）): read by `_chinese_number_value`."""


# A line opened as the headings of a Chinese report are numbered: "一、" (a part, 二级标题) or "（一）" (a
# section of it, 三级标题), the text right after the mark or after a space or TAB (二、 下一步有什么打算？).
ORDINAL_HEADING_RE = compile_later(rf"^(?:(?P<part>{HANZI_NUMBER}、)|(?P<section>[（(]{HANZI_NUMBER}[）)]))"
                                   rf"(?=[ \t{WIDE_SPACES}]*\S)")
_ORDINAL_HEADING_LENGTH = 40
"""The most characters a line may hold to be taken as a heading with text right under it: a question or a title,
not a paragraph."""
_PARAGRAPH_LINE_ENDS = "。．.！!；;，,、：:…—"
"""Marks a sentence or a clause ends with: a numbered line ending in one, text right under it, opens a paragraph."""


def short_title(line: str) -> bool:
    """True when ``line`` (spaces at its end left out) reads as a title or a question, not a sentence: at most
    `_ORDINAL_HEADING_LENGTH` characters, ending in a question mark (？) or in none of `_PARAGRAPH_LINE_ENDS`
    (closing quotes set aside: ``一、“三个一”工作法``)."""
    text = line.rstrip()
    end = text.rstrip("”’」』")[-1:]
    return len(text) <= _ORDINAL_HEADING_LENGTH and (end not in _PARAGRAPH_LINE_ENDS or end in "？?")


def ordinal_heading(lines: Sequence[str], index: int) -> re.Match[str] | None:
    """The ordinal mark (`ORDINAL_HEADING_RE`) of ``lines[index]`` when the line is meant as a heading: it
    stands alone as a paragraph (a blank line, a heading or the body's edge above it, and a blank line or the
    body's edge under it), or it opens a paragraph and is a `short_title` (``（一）及时启动，建立体系``), with
    no line numbered so right under it (a list's items); else None. Whether it is one of a list's items all the
    same is `sitegen.markupcheckitems.slipped_items`' to say."""
    found = ORDINAL_HEADING_RE.match(lines[index])
    if found is None or index > 0 and lines[index - 1].strip() and not lines[index - 1].startswith("#"):
        return None
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if not below:
        return found
    if not short_title(lines[index]) or ORDINAL_HEADING_RE.match(below) or below.startswith("#"):
        return None
    return found


QUOTE_SIGNS_RE = compile_later(r"^ {0,3}(?:>[ ]?)+")
"""The quote signs that open a line of a quote (``> ``, ``> > ``)."""


def spaces_named(count: int) -> str:
    """How a count of spaces reads in a message: "1 space", "3 spaces"."""
    return "1 space" if count == 1 else f"{count} spaces"


def list_apart_how(signs: str, where: str) -> str:
    """How to keep a numbered list apart from the numbered list right above it, to which Markdown joins it: words
    of a hint, naming the list's first item as ``where`` ("it", "line 4"); ``signs`` are the quote's signs of its
    lines ("" outside a quote).

    Python-Markdown's ``OListProcessor`` takes an item after a blank line into the list above, however it is
    numbered, so ``1. 甲`` ``2. 乙``, a blank line, ``1. 丙`` ``2. 丁`` make one list numbered 1 to 4, a loose one
    (its items in ``<p>``). A line that ends the list above keeps them two, as sitegen renders them (tested): an
    HTML comment ``<!-- -->`` on a line of its own, a blank line around it or not (an HTML block, which the
    sanitizer drops), or a sentence after a blank line (under an item, with none, it is more of that item's text).
    In a quote the comment ends the list only with a line of the signs alone under it too, so a sentence is offered
    there, after a line of the signs alone.
    """
    if signs.strip():
        return f'type a sentence that introduces the list on a line above {where}, a line of "{signs.rstrip()}" ' \
               "alone above the sentence"
    return (f"type <!-- --> on a line above {where} (a note the page does not show), or a sentence that introduces "
            "the list, a blank line above the sentence")
