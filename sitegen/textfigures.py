"""Figures typed in a page's text, read against its unit's tally of the day the text names.

An interview tells its figures in words: "截至4月26日，各调研组共开展调研318批次，
收集问题清单296份，其中：143份已提交区相关部门；103份已经解决；50份正在办理。"
The same figures are typed again in the unit's record, as the tally of
2018-04-26. When the two differ by a slip of the keys, one of them was
mistyped, and residents read two answers to one question. This module finds
the figures a text gives for a day (`dated_figures`) and tells which differ
from the tally's by one slip (`one_slip_apart`); `sitegen.checks` warns of them.

A report's text gives many figures besides its tally's: a village's part,
last year's, a week's, another kind of count. So only what is plainly a
tally's figure, of the day named, is read, and only a figure one slip from
the tally's is taken for a mistyped one:

- **The day.** A sentence naming a day with 截至 or 截止 (``截至4月26日``,
  ``截至2018年4月26日``, ``数据截止到2018-04-26``, ``截至今年4月26日``,
  ``截至2018.4.26``), or with 到…为止 (``到4月26日为止``), gives the figures of that
  day, wherever in it they stand; so does a sentence after it that starts
  with 其中, and the list under it when it ends its line with a colon
  (其中：). A heading, a new paragraph, a table's row, the end of that list
  and text in a fenced code block, an HTML comment or a YAML comment (never
  published) are not read with it. A day typed without its year is of the
  latest year that puts it on or before the page's date.
- **The figure.** A number with its counting word (份 条 个 件 项; 批 or 批次
  for survey batches) beside the words of one state, in the word orders
  reports use (`_FIGURE_PATTERNS`): 收集问题清单296份, 收集的296份问题清单,
  收集问题清单总数达296份, 梳理问题清单296份, 发现问题 296 个 (collected: 问题 or
  清单 must be named); 143份已提交, 提交区级143份 (escalated); 103份已经解决,
  已解决问题103个, 办结103份, 共解决103个, 解决了103个问题 (resolved); 50份正在办理, 5份正在研究和解决中, 在办50份 (in progress);
  调研318批次 (batches). A figure said to be about (约300份, 近300份,
  300余份, 300份左右) is no figure to compare.
- **The slip.** A figure is told only when its digits are one slip from the
  tally's (`one_slip_apart`): one digit typed for another (286 for 296), two
  side by side swapped (269), one left out or typed twice (29, 2966); and
  only in a text that gives two or more of the tally's other figures of
  that day exactly, and none of this state (`sitegen.checks`): a part is
  often one slip from the whole (a village's 13 of the town's 103). A
  figure after 其中 and a part's name in its clause (其中新江村已解决13份),
  a count of departments (提交区14个职能部门) and a figure of one digit are
  no figure to compare.

Bold and italic marks (``**296份**``) are read through, and a quote's ``>``.
Digits may be full-width (２９６) and grouped with commas (1,296).

May import: lazyre (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator, Sequence

from .lazyre import compile_later

_DIGITS = r"(?<![0-9０-９.])(?<![0-9０-９],)(?P<n>[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9０-９]+)"
"""A number: its digits (full-width too), grouped by commas or not, and no part of a longer number."""
_COUNTED = r"\s*(?:份|条|个|件|项)"
_NOT_ABOUT = "".join(f"(?<!{word})(?<!{word} )" for word in ("约", "近", "超", "逾", "大概", "大约", "约有", "超过",
                                                              "将近", "差不多"))
"""Not after a word saying the figure is about (约300份, 大概100份, 约 300 份) or more than (超300份, 超过100份)."""
_NOT_ABOUT_AFTER = r"(?!\s*(?:余|多|左右|以上|上下))"
"""Not before a word saying so (300份左右, 300份以上)."""
_NUMBER = _NOT_ABOUT + _DIGITS
_COUNT = _NUMBER + _COUNTED + _NOT_ABOUT_AFTER + r"(?![\u4e00-\u9fff]{0,2}(?:部门|单位|机构))"
"""A count of issue lists: not of the departments or offices they go to (提交区14个职能部门)."""
_AMOUNTS_TO = r"(?:共|共计|总计|合计|累计|总数|数量)?(?:为|达到|达)?\s*"
_WORKING = r"(?:正在|仍在|尚在)[^，。；、,;\d]{0,6}?(?:办理|解决|推进)中?|办理中|在办"
_GATHERED = r"(?:收集|梳理|形成|发现)"
"""The words for gathering issue lists (收集问题清单, 梳理问题清单, 形成问题清单, 发现问题): 问题 or 清单 must follow."""

_FIGURE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, compile_later(pattern)) for field, pattern in (
        ("batches", _NUMBER + r"\s*批次?" + _NOT_ABOUT_AFTER),
        ("collected", _GATHERED + r"(?:到|了|的)?(?:问题清单|问题|清单)" + _AMOUNTS_TO + _COUNT),
        ("collected", _GATHERED + r"(?:到|了|的)?" + _AMOUNTS_TO + _COUNT + r"(?:问题清单|问题|清单)"),
        ("escalated", _COUNT + r"(?:已经|已)?(?:提交|上报|报送)"),
        ("escalated", r"(?:已经|已)?(?:提交|上报|报送)(?:至|到)?(?:区级|区相关部门|区有关部门|区里|区)\s*" + _COUNT),
        ("resolved", _COUNT + r"(?:(?:已经|已)(?:解决|办结)|办结)"),
        ("resolved", r"(?:(?:已经|已|共|共计|累计)(?:解决|办结)|办结|解决了)(?:了|的)?(?:问题清单|问题)?\s*" + _COUNT),
        ("in_progress", _COUNT + r"(?:" + _WORKING + r")"),
        ("in_progress", r"(?:正在办理|办理中|在办)的?\s*" + _COUNT),
    ))
"""(tally field, pattern) of each way a text gives a figure; the number is the group ``n``."""

_DATE = (r"(?:(?:(?P<this_year>今年|本年)|(?P<year>[0-9０-９]{4})\s*年)\s*)?"
         r"(?P<month>[0-9０-９]{1,2})\s*月\s*(?P<day>[0-9０-９]{1,2})\s*[日号]"
         r"|(?P<iso>[0-9]{4}(?P<sign>[-./])[0-9]{1,2}(?P=sign)[0-9]{1,2})(?![0-9])")
"""A day: 4月26日, 2018年4月26日, 今年4月26日 (the page's year), 2018-04-26, 2018.4.26, 2018/4/26."""
_DAY_RES = (compile_later(r"(?:截至|截止)(?:到|至)?\s*(?:" + _DATE + ")"),
            compile_later(r"(?:到|至)\s*(?:" + _DATE + r")\s*为?止"))
"""A day named as the one figures are counted to: 截至4月26日, 截止到2018年4月26日, 截至2018-04-26, and
到2018年4月26日为止, 至4月26日止."""

_SENTENCE_RE = compile_later(r"[^。！？!?]*(?:[。！？!?]+|$)")
_SO_TOLD = ("其中", "这其中", "以上")
"""What a sentence starts with that speaks on of the figures before it (其中，134份已提交…)."""
_COLONS = ("：", ":")
_CLAUSE_START_RE = compile_later(r"[，,；;：:、（(]")
_PART_RE = compile_later(r"其中\s*[^\s\d０-９]")
"""其中 and the name of a part before a figure, in its clause (其中新江村已解决13份, 其中产业类收集…): the
figure is the part's. 其中 before the figure itself (其中143份已提交) is the unit's."""
_LIST_ITEM_RE = compile_later(r"\s{0,3}(?:[-*+]|[0-9]+[.)])\s")
_HEADING_RE = compile_later(r"\s{0,3}#")
_FENCE_RE = compile_later(r"\s{0,3}(`{3,}|~{3,})")
_QUOTE_RE = compile_later(r"\s{0,3}(?:>\s?)+")
_COMMENT_RE = compile_later(r"<!--.*?(?:-->|$)")
_MARK = "*"


def may_name_a_day(text: str) -> bool:
    """Whether ``text`` may name a day its figures are counted to: it holds 截 (of 截至 and 截止) or 止 (of
    为止 and 止). A text without either gives no figure (most texts): a character is found about five times
    as fast as a word (16 ms for 截 over the 10,000 pages of the benchmark corpus, against 85 ms for 截至 and
    截止; over its 1,000 pages, 1.8 ms for both characters, 0.7 ms for 截 alone)."""
    return "截" in text or "止" in text


@dataclass(frozen=True)
class TextFigure:
    """A figure a text gives for a day: the tally ``field`` (``collected`` …), its ``value``, its digits as
    ``typed`` (``1,296``, ``２９６``), the ``day``, the words around it (``收集问题清单296份``, bold marks left
    out) and where its number starts (file line, 1-based column in characters)."""

    field: str
    value: int
    typed: str
    day: date
    words: str
    line: int
    column: int


def one_slip_apart(typed: int, right: int) -> bool:
    """Whether the digits of ``typed`` are one slip of the keys from those of ``right``: one digit typed for
    another, two side by side swapped, or one left out or typed twice (Damerau's four kinds of single slip:
    an edit distance of 1). Equal figures are no slip, and neither is a figure of one digit, or one from a
    figure of one digit."""
    a, b = str(typed), str(right)
    if a == b or len(a) < 2 or len(b) < 2:
        return False  # any digit is one slip from any other: 3 and 5 are as likely two figures
    if len(a) == len(b):
        differ = [index for index in range(len(a)) if a[index] != b[index]]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[:index] + longer[index + 1:] == shorter for index in range(len(longer)))


PageFigures = tuple[tuple[TextFigure, ...], ...]
"""The figures of a page's texts (`page_figures`): one tuple per text that gives any, in the texts' order."""


def page_figures(front_matter: str, front_matter_line: int, body: str, body_line: int,
                 page_day: date) -> PageFigures:
    """The figures of each text of a page (`dated_figures`): each front matter line (a summary, a case study's
    problem) is a text of its own, and so is the body.

    Takes the front matter as typed and the file line it starts on, the
    body and its first file line, and the day the page was published.
    Returns a tuple per text that gives figures, front matter lines first,
    in file order; () for a page that names no day (most pages: found
    without reading further). Pure: the page cache keeps it with the page.
    """
    if not (may_name_a_day(body) or may_name_a_day(front_matter)):
        return ()
    texts = [dated_figures([(number, line)], page_day)
             for number, line in enumerate(front_matter.split("\n"), front_matter_line)]
    texts.append(dated_figures(enumerate(body.split("\n"), body_line), page_day))
    return tuple(tuple(figures) for figures in texts if figures)


def dated_figures(lines: Iterable[tuple[int, str]], page_day: date) -> list[TextFigure]:
    """The figures a text gives for the days it names, ordered by place.

    Takes the text's lines as ``(file line, text as typed)`` (a page's
    body; or one line of its front matter, as a list of one) and the day the
    page was published. Returns `TextFigure`\\ s by the module's rules; none
    when the text names no day with 截至/截止 or 到…为止 (most texts: found without
    reading further).
    """
    lines = list(lines)
    if not any(may_name_a_day(typed) for _, typed in lines):
        return []
    found = [figure for number, text, places, spans in _dated_lines(lines, page_day)
             for start, end, day in spans for figure in _figures_in(number, text, places, start, end, day)]
    return sorted(found, key=lambda figure: (figure.line, figure.column))


def _dated_lines(lines: list[tuple[int, str]],
                 page_day: date) -> Iterator[tuple[int, str, Sequence[int], list[tuple[int, int, date]]]]:
    """Each line that holds text of a day: ``(file line, text read, place of each of its characters in the
    line as typed, [(start, end, day)])``; the text read is the line without its quote signs, HTML comments
    and marks (`_readable`), the spans its indexes."""
    day: date | None = None  # the day going on from the line before
    fence = ""
    in_comment = in_list = blank_before = False
    for number, typed in lines:
        opening = _FENCE_RE.match(typed)
        if opening and (not fence or opening.group(1).startswith(fence)):
            fence, day = ("" if fence else opening.group(1)[0] * 3), None
            continue
        if fence:
            continue
        text, places, in_comment = _readable(typed, in_comment)
        if not text.strip():
            blank_before = True
            continue
        if _HEADING_RE.match(text):
            day = None  # a heading; in front matter, a YAML comment: neither is read with the text
            continue
        item = bool(_LIST_ITEM_RE.match(text))
        row = text.lstrip().startswith("|")
        if row or (blank_before and not item):
            day = None  # a table's row, or a new paragraph: what the day was said of is over
        in_list = item or (in_list and not blank_before)
        blank_before = False
        spans, day = _spans_of_line(text, day, page_day, in_list)
        if row:
            day = None
        if spans:
            yield number, text, places, spans


def _readable(typed: str, in_comment: bool) -> tuple[str, Sequence[int], bool]:
    """A line as read: without its quote signs (``> ``), HTML comments and marks (``**``, a list item's own
    sign kept), with the place of each character kept in the typed line; and whether an HTML comment goes on
    past the line."""
    if not in_comment and _MARK not in typed and "<!--" not in typed and not _QUOTE_RE.match(typed):
        return typed, range(len(typed)), False  # most lines: read as typed (half the time of reading a page's figures)
    keep = [True] * len(typed)
    start = 0
    while start < len(typed):
        if in_comment:
            end = typed.find("-->", start)
            stop = len(typed) if end < 0 else end + 3
            keep[start:stop] = [False] * (stop - start)
            in_comment, start = end < 0, stop
            continue
        opening = typed.find("<!--", start)
        if opening < 0:
            break
        in_comment, start = True, opening
    quote = _QUOTE_RE.match(typed)
    if quote:
        keep[:quote.end()] = [False] * quote.end()
    item = _LIST_ITEM_RE.match(typed, quote.end() if quote else 0)
    for index in range(item.end() if item else 0, len(typed)):
        if typed[index] == _MARK:
            keep[index] = False
    places = [index for index, kept in enumerate(keep) if kept]
    return "".join(typed[index] for index in places), places, in_comment


def _spans_of_line(text: str, day: date | None, page_day: date,
                   in_list: bool) -> tuple[list[tuple[int, int, date]], date | None]:
    """The spans of one line that are of a day, and the day going on to the next line.

    A sentence (to 。！？) naming a day is of that day; a sentence without
    one is of the day before it when it goes on from the line before (the
    line's first), when it starts with 其中, and in a list under a colon. The
    day goes on to the next line while its sentence does, and under a colon
    ending the line; in a list, the list's day goes on, an item's own day
    being its own.
    """
    spans: list[tuple[int, int, date]] = []
    held = day
    for index, sentence in enumerate(_SENTENCE_RE.finditer(text)):
        if not sentence.group(0):
            continue
        matches = sorted((match for pattern in _DAY_RES for match in pattern.finditer(sentence.group(0))),
                         key=lambda match: match.start())
        named = [_day_of(match, page_day) for match in matches]
        if named:
            held = named[0]
        elif not (index == 0 or in_list or sentence.group(0).strip(" ，,").startswith(_SO_TOLD)):
            held = None
        if held is not None:
            spans.append((sentence.start(), sentence.end(), held))
    if in_list:
        return spans, day
    last = text.rstrip()
    goes_on = not last.endswith(("。", "！", "？", "!", "?")) or last.endswith(_COLONS)
    return spans, held if goes_on else None


def _day_of(match: re.Match[str], page_day: date) -> date | None:
    """The day one of `_DAY_RES` matched, or None when it is no day of the calendar."""
    try:
        if match.group("iso"):
            return date(*(int(part) for part in match.group("iso").split(match.group("sign"))))
        month, day = int(match.group("month")), int(match.group("day"))
        if match.group("year"):
            return date(int(match.group("year")), month, day)
        if match.group("this_year"):
            return date(page_day.year, month, day)
        named = date(page_day.year, month, day)
        return named if named <= page_day else date(page_day.year - 1, month, day)
    except ValueError:
        return None


def _figures_in(number: int, text: str, places: Sequence[int], start: int, end: int,
                day: date) -> Iterator[TextFigure]:
    """The figures of ``text[start:end]``, each with the tally field it gives; columns as typed (``places``)."""
    taken: list[int] = []
    for field, pattern in _FIGURE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            where = match.start("n")
            if where in taken:
                continue  # 143份已提交 read once, by the first pattern that takes its number
            taken.append(where)
            clause = _CLAUSE_START_RE.split(text[start:match.start()])[-1]
            if _PART_RE.search(clause):
                continue  # 其中新江村已解决13份: a part's figure, not the unit's
            digits = match.group("n")
            yield TextFigure(field, int(digits.replace(",", "")),  # int() reads full-width digits too
                             digits, day, " ".join(match.group(0).split()), number, places[where] + 1)
