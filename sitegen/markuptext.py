"""Counts, reading time and summaries of a body's plain text.

Job: count 字 and words (`count_words`), the minutes a body takes to read
(`reading_minutes`), lines joined as on the page (`join_blocks`), and a
summary cut at a sentence's end (`summarize`).

May import: lazyre, markupbits (and the standard library).
"""

from __future__ import annotations

import math
import unicodedata

from .lazyre import compile_later
from .markupbits import CJK_PUNCT_RE, CJK_RUN_RE, URL_RE, WORD_RE

# --------------------------------------------------------------------------
# Counts, reading time, summaries
# --------------------------------------------------------------------------

def count_words(text: str) -> int:
    """Return N, the size of a text in "字/words", CJK-aware.

    Takes plain text (not HTML or Markdown: count the ``text`` of a
    :class:`RenderedMarkdown`, so markup and link addresses do not count).
    N = number of CJK characters (Han ideographs incl. extensions A-H and
    compatibility ideographs, 々 〇, kana, hangul; not punctuation)
    + number of other words: maximal runs of letters/digits, where ``.``,
    ``'``, ``’``, ``-`` and ``&`` between two letters/digits keep the run
    going (``R&D``, ``3.5``, ``e-mail``, ``don't`` are one word each).
    A URL or e-mail address written in the text counts as one word.
    Text is NFC-normalised first. Rule as Hugo's for CJK (one character =
    one word) but per character, so mixed pages are counted right.
    Example: ``"我们用Python写了3.5个App"`` → 6 + 3 = 9.
    """
    text = unicodedata.normalize("NFC", text)
    urls = 0
    # URL_RE needs "://", "mailto:", "www." or "@": skip it when none can occur.
    if ":" in text or "@" in text or "www." in text:
        text, urls = URL_RE.subn(" ", text)
    # Each run of CJK characters counts its length, then stands as one space, which
    # ends a word just as a CJK character does.
    spaced, runs = CJK_RUN_RE.subn(" ", text)
    cjk = len(text) - len(spaced) + runs
    return urls + cjk + len(WORD_RE.findall(spaced))


def reading_minutes(count: int, per_minute: int) -> int:
    """Return the reading time in whole minutes: ``ceil(count / per_minute)``.

    ``count`` comes from :func:`count_words`; ``per_minute`` is the reading
    speed (Hugo: 500 CJK characters or 212 words per minute; the seed's
    "1688字，读完约4分钟" is ceil(1688 / 500) = 4). Returns 0 for 0, at least 1
    otherwise. Raises ValueError if ``count < 0`` or ``per_minute < 1``.
    """
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}")
    if per_minute < 1:
        raise ValueError(f"per_minute must be 1 or more, got {per_minute}")
    return math.ceil(count / per_minute)


# Full-width punctuation ends a line with its own space: the next line follows it with nothing between.
_FULL_WIDTH_END_PUNCTUATION = "。！？；：，、…—）」』”’》〉"


def _is_cjk_context(char: str) -> bool:
    """True for one CJK character or CJK punctuation mark."""
    # CJK_RUN_RE, not one pattern of both sets: each pattern holding the CJK ranges costs 2 ms more to compile.
    return bool(CJK_RUN_RE.match(char) or CJK_PUNCT_RE.match(char))


def join_blocks(text: str) -> str:
    """Join the lines of plain text (blocks and line breaks alike) into one line, keeping them apart.

    Takes text such as ``RenderedMarkdown.lead``; returns one line. Lines
    are stripped and empty ones dropped. Each line stays apart from the
    next, as the page shows them apart (a line break in a paragraph is a
    ``<br>``): with nothing after full-width punctuation (``主要做法：`` then
    ``摸排问题点位``), with an ideographic space (U+3000, 全角空格) between
    two CJK characters (``镇政府　二楼参会人员``: joined with nothing, the
    lines would read as one phrase, and Chinese text never gets an ASCII
    space, as the line-break policy requires), and with one space
    otherwise (also after ``.`` or ``,``: ``Hello. Next``).
    """
    result = ""
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        if result and result[-1] not in _FULL_WIDTH_END_PUNCTUATION:
            both_cjk = _is_cjk_context(result[-1]) and _is_cjk_context(line[0])
            result += "\u3000" if both_cjk else " "
        result += line
    return result


def summarize(text: str, limit: int) -> str:
    """Return a one-line summary of plain text, at most ``limit`` characters.

    Takes plain text (e.g. ``RenderedMarkdown.lead``) and a limit in
    characters (code points; the ``…`` counts). Blocks and lines are joined
    with :func:`join_blocks`. If the text is longer, it is cut at a character
    boundary (never inside a surrogate pair, combining sequence, emoji ZWJ
    sequence or flag), preferring the end of a CJK sentence or clause
    (after 。！？ or before ，、；：) or a space when one lies within the last
    ~20 % of the limit, and ``…`` is appended; never inside a figure (``1296``,
    ``80%``, ``1.2万``) or a Latin word, which is left out whole
    (`_before_figure`). Raises ValueError if limit < 1.
    """
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, got {limit}")
    flat = join_blocks(text)
    if len(flat) <= limit:
        return flat
    budget = limit - 1
    cut = _boundary_at_or_before(flat, budget)
    cut = _preferred_cut(flat, cut, max(1, math.ceil(limit * 0.2)))
    cut = _before_figure(flat, cut)
    return flat[:cut].rstrip() + "…"


# A figure as a reader takes it in at once: digits (full-width too) with the signs between them of a decimal,
# thousands, date or time (1,296  3.5  2018-04-26  10:00), the percent sign or the 万/亿 after them, and the
# Latin letters joined to them (G60, 5G); or a Latin word.
_FIGURE_RE = compile_later(r"(?:[0-9０-９A-Za-z]+(?:[.,．:：/-](?=[0-9０-９])[0-9０-９]+)*)+(?:[%％‰]|[万亿])?")
_FIGURE_BACK = 20
"""How far a summary's cut moves back to keep a figure whole; a longer run (an address) is cut where it falls."""


def _before_figure(text: str, cut: int) -> int:
    """``cut``, or the start of the figure or Latin word it falls inside (`_FIGURE_RE`), so that a summary never
    ends in part of a number: "收集问题清单1296份" cut after its "1" read as a figure of 1 (…清单1…), 80% cut
    before its "%" as 80, 1.2万 before its "万" as 1.2. A figure starting the text, or longer than
    `_FIGURE_BACK` characters, is cut where it falls."""
    for found in _FIGURE_RE.finditer(text, max(0, cut - _FIGURE_BACK - 1), min(len(text), cut + _FIGURE_BACK)):
        if found.start() < cut < found.end():
            start = _boundary_at_or_before(text, found.start())  # not inside a sequence joined to it (ZWJ)
            return start if 0 < start and cut - start <= _FIGURE_BACK else cut
        if found.start() >= cut:
            break
    return cut


_SENTENCE_ENDS = "。！？!?"
_CLAUSE_ENDS = "，、；：,;:"


def _preferred_cut(text: str, cut: int, window: int) -> int:
    """Move ``cut`` back to a sentence/clause end or a space within ``window``."""
    for position in range(cut - 1, max(0, cut - window) - 1, -1):
        char = text[position]
        if char in _SENTENCE_ENDS and _is_boundary(text, position + 1):
            return position + 1
        if (char in _CLAUSE_ENDS or char == " ") and position > 0:
            return _boundary_at_or_before(text, position)
    return cut


def _boundary_at_or_before(text: str, index: int) -> int:
    """Return the largest character boundary ≤ ``index`` (0 if none)."""
    while 0 < index < len(text) and not _is_boundary(text, index):
        index -= 1
    return max(index, 0)


def _is_boundary(text: str, index: int) -> bool:
    """True when ``text[:index]`` does not split a user-perceived character."""
    char, before = text[index], text[index - 1]
    if "\udc00" <= char <= "\udfff" and "\ud800" <= before <= "\udbff":
        return False
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return False
    if char == "\u200d" or before == "\u200d":
        return False
    if "\ufe00" <= char <= "\ufe0f" or "\U000e0000" <= char <= "\U000e01ef":
        return False
    if "\U0001f3fb" <= char <= "\U0001f3ff":
        return False
    if _is_regional(char) and _is_regional(before):
        run = 0
        while index - run - 1 >= 0 and _is_regional(text[index - run - 1]):
            run += 1
        return run % 2 == 0
    return True


def _is_regional(char: str) -> bool:
    """True for a regional indicator symbol (two make a flag)."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"
