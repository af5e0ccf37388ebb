"""Figures typed in a page's text, read against its unit's tally of the day the text names.

An interview tells its figures in words: "截至4月26日，各调研组共开展调研318批次，
收集问题清单296份，其中：143份已提交区相关部门；103份已经解决；50份正在办理。"
The same figures are typed again in the unit's record, as the tally of
2018-04-26. When the two differ, one of them was mistyped, and residents
read two answers to one question. This module finds the figures a text
gives for a day (`dated_figures`); `sitegen.checks` compares them with the
tally of that day.

Only what is plainly a tally's figure is read, so that a text's other
numbers are not taken for one:

- a day named with 截至 or 截止 (``截至4月26日``, ``截至2018年4月26日``,
  ``截止到2018-04-26``) starts a run of text whose figures are of that day;
  it ends with the sentence (。！？), unless the sentence ends in a colon at
  the end of its line: then the list under it goes on (其中：…);
  a heading, a new paragraph and the end of that list end it too;
- in that run, a figure is a number with its counting word (份 条 个 件 项,
  or 批次 for survey batches) beside the words of one state, in one of the
  word orders Chinese reports use (`_FIGURE_PATTERNS`): 收集问题清单296份 and
  收集的296份问题清单 (collected: the words 问题 or 清单 must be there),
  143份已提交 and 提交区级143份 (escalated), 103份已经解决 and 已解决103份
  (resolved), 50份正在办理 and 办理中50份 (in progress), 调研318批次
  (batches);
- a figure said to be about (约300份, 近300份, 300余份, 300份左右) is no
  figure to compare, and neither is one in a fenced code block.

Bold and italic marks (``**296份**``) are read through. Digits may be
full-width (２９６) and grouped with commas (1,296).

May import: the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

_DIGITS = r"(?<![0-9０-９.])(?<![0-9０-９],)(?P<n>[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9０-９]+)"
"""A number: its digits (full-width too), grouped by commas or not, and no part of a longer number."""
_COUNTED = r"\s*(?:份|条|个|件|项)"
_NOT_ABOUT = r"(?<!约)(?<!近)(?<!超)(?<!逾)"
"""Not after a word saying the figure is about (约300份) or more than (超300份)."""
_NOT_ABOUT_AFTER = r"(?!\s*(?:余|多|左右|以上|上下))"
"""Not before a word saying so (300份左右, 300份以上)."""
_NUMBER = _NOT_ABOUT + _DIGITS
_COUNT = _NUMBER + _COUNTED + _NOT_ABOUT_AFTER

_FIGURE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern)) for field, pattern in (
        ("batches", _NUMBER + r"\s*批次" + _NOT_ABOUT_AFTER),
        ("collected", r"收集(?:到|了|的)?(?:问题清单|问题|清单)(?:共|总计|合计)?" + _COUNT),
        ("collected", r"收集(?:到|了|的)?(?:共|总计|合计)?" + _COUNT + r"(?:问题清单|问题|清单)"),
        ("escalated", _COUNT + r"(?:已经|已)?(?:提交|上报|报送|移交)"),
        ("escalated", r"(?:已经|已)?(?:提交|上报|报送|移交)(?:至|到)?(?:区级|区相关部门|区有关部门|区里|区)?" + _COUNT),
        ("resolved", _COUNT + r"(?:已经|已)(?:解决|办结)"),
        ("resolved", r"(?:已经|已)(?:解决|办结)了?" + _COUNT),
        ("in_progress", _COUNT + r"(?:正在办理|正在推进|正在解决|仍在办理|办理中|在办)"),
        ("in_progress", r"(?:正在办理|办理中|在办)的?" + _COUNT),
    ))
"""(tally field, pattern) of each way a text gives a figure; the number is the group ``n``."""

def may_name_a_day(text: str) -> bool:
    """Whether ``text`` may name a day its figures are counted to: it holds 截, the first character of 截至
    and 截止. A text without it gives no figure (most texts): one character is found about five times as
    fast as the two words (16 ms over the 10,000 pages of the benchmark corpus, against 85 ms)."""
    return "截" in text


_DAY_RE = re.compile(
    r"(?:截至|截止)(?:到|至)?\s*(?:"
    r"(?:(?P<year>[0-9０-９]{4})\s*年\s*)?(?P<month>[0-9０-９]{1,2})\s*月\s*(?P<day>[0-9０-９]{1,2})\s*[日号]"
    r"|(?P<iso>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}))")
"""A day named as the one figures are counted to (截至4月26日, 截止到2018年4月26日, 截至2018-04-26)."""

_SENTENCE_END_RE = re.compile(r"[。！？!?]")
_LIST_ITEM_RE = re.compile(r"\s{0,3}(?:[-*+]|[0-9]+[.)])\s")
_HEADING_RE = re.compile(r"\s{0,3}#")
_FENCE_RE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
_MARKS = str.maketrans("", "", "*")


@dataclass(frozen=True)
class TextFigure:
    """A figure a text gives for a day: the tally ``field`` (``collected`` …), its ``value``, the ``day``,
    the words as typed around it (``收集问题清单296份``, bold marks left out) and where its number starts
    (file line, 1-based column in characters)."""

    field: str
    value: int
    day: date
    words: str
    line: int
    column: int


def dated_figures(lines: Iterable[tuple[int, str]], page_day: date) -> list[TextFigure]:
    """The figures a text gives for the days it names, in the order typed.

    Takes the text's lines as ``(file line, text as typed)`` (a page's
    body, or its front matter) and the day the page was published: a day
    named without its year (截至4月26日) is of the latest year that puts it
    on or before that day. Returns `TextFigure`\\ s; none when the text
    names no day with 截至/截止 (most texts: found without reading further).
    """
    lines = list(lines)
    if not any(may_name_a_day(typed) for _, typed in lines):
        return []
    found: list[TextFigure] = []
    for number, typed, text, runs in _dated_lines(lines, page_day):
        for start, end, day in runs:
            found.extend(_figures_in(number, typed, text, start, end, day))
    return sorted(found, key=lambda figure: (figure.line, figure.column))


def _dated_lines(lines: list[tuple[int, str]],
                 page_day: date) -> Iterator[tuple[int, str, str, list[tuple[int, int, date]]]]:
    """Each line outside fenced code that holds a run of a day: ``(file line, text as typed, text without its
    marks, [(start, end, day)])``, the runs as indexes of the text without marks (see the module's rules)."""
    day: date | None = None  # the day going on from the line before
    fence = ""
    in_list = blank_before = False
    for number, typed in lines:
        opening = _FENCE_RE.match(typed)
        if opening and (not fence or opening.group(1).startswith(fence)):
            fence = "" if fence else opening.group(1)[0] * 3
            day = None
            continue
        if fence:
            continue
        text = typed.translate(_MARKS)
        if not text.strip():
            blank_before = True
            continue
        item = bool(_LIST_ITEM_RE.match(text))
        if _HEADING_RE.match(text) or (blank_before and not item):
            day = None  # a heading, or a new paragraph: what the day was said of is over
        in_list = item or (in_list and not blank_before)
        blank_before = False
        runs, day = _runs_of_line(text, day, page_day, in_list)
        if runs:
            yield number, typed, text, runs


def _runs_of_line(text: str, day: date | None, page_day: date,
                  in_list: bool) -> tuple[list[tuple[int, int, date]], date | None]:
    """The runs of days on one line, and the day going on to the next line.

    A run starts at the line's start with the day going on, and at each day the line names; it ends where
    the next one starts, or at its sentence's end (。！？). A list item's run is the whole item, and the day
    goes on to the next item. A run whose sentence ends the line with a colon (其中：) goes on to the list under it.
    """
    starts = [(0, day)] + [(match.start(), _day_of(match, page_day)) for match in _DAY_RE.finditer(text)]
    runs: list[tuple[int, int, date]] = []
    going_on: date | None = None
    for index, (start, held) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if held is None:
            continue
        stop = None if in_list and start == 0 else _SENTENCE_END_RE.search(text, start, end)
        runs.append((start, stop.start() if stop else end, held))
        if index + 1 == len(starts):
            # Goes on in a list, in a sentence going on to the next line, and under a colon ending the line.
            going_on = held if in_list or not stop or text.rstrip().endswith(_COLONS) else None
    return runs, going_on


_COLONS = ("：", ":")


def _day_of(match: re.Match[str], page_day: date) -> date | None:
    """The day `_DAY_RE` matched, or None when it is no day of the calendar."""
    try:
        if match.group("iso"):
            return date(*(int(part) for part in match.group("iso").split("-")))
        month, day = int(match.group("month")), int(match.group("day"))
        if match.group("year"):
            return date(int(match.group("year")), month, day)
        named = date(page_day.year, month, day)
        return named if named <= page_day else date(page_day.year - 1, month, day)
    except ValueError:
        return None


def _figures_in(number: int, typed: str, text: str, start: int, end: int, day: date) -> Iterator[TextFigure]:
    """The figures of ``text[start:end]``, each with the tally field it gives; columns as ``typed``."""
    taken: list[int] = []
    for field, pattern in _FIGURE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            where = match.start("n")
            if where in taken:
                continue  # 143份已提交 read once, by the first pattern that takes its number
            taken.append(where)
            value = int(match.group("n").replace(",", ""))  # int() reads full-width digits too
            yield TextFigure(field, value, day, match.group(0).strip(), number, _typed_column(typed, where))


def _typed_column(typed: str, index: int) -> int:
    """The 1-based column, in the line as typed, of character ``index`` of the line without its marks."""
    seen = 0
    for column, character in enumerate(typed):
        if character in "*":
            continue
        if seen == index:
            return column + 1
        seen += 1
    return len(typed) + 1
