"""Source-level checks of list items typed as an input method gives them, and of sub-items.

Job: read the items typed with no space after the marker, a full-width
dot or a sign Markdown knows no bullet by (``1.成立``, ``1、成立``, ``（一）成立``,
``•成立``...) and warn them with the item to type
(`slipped_item_problems`); warn a WeChat article's end mark read as a list,
a full-width or no-break space after a marker, and sub-items Markdown put
at the level above.

May import: errors, lazyre, markupbits, markupblocks, markupcheckbits, markupchecklists, yamltext (and the standard
library).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from types import MappingProxyType

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import FIRST_LINE_INDENT_RE, HR_RE, LIST_ITEM_RE, QUOTE_PREFIX_RE, clipped, not_paragraph
from .markupblocks import item_kind, spaces_in
from .markupcheckbits import (CHINESE_DIGITS, HANZI_NUMBER, ODD_SPACE_ITEM_RE, ODD_SPACE_RE, QUOTE_SIGNS_RE,
                              TAB_CELLS_RE, indent_chars, indent_width, is_year, is_year_item, list_apart_how,
                              ordinal_heading, outside_fences, quoted_texts, short_title, spaces_named)
from .markupchecklists import shown_as_typed
from .yamltext import WIDE_SPACES, space_name

# A list item as an input method types it: "1.成立" (no space), "1．成立" (a full-width dot), "-成立" (no space), or
# with a sign Markdown knows no bullet by: a full-width "－" (spaced or not, as "-" would be), a dash "—" or "–", a
# dot "•", "·" or "・" or any other sign editors put before an item (●, ■, ★, ✓, ※, ＊...) right before the text,
# or a number typed in Chinese style (1、 （1） (1) 1） 1) 一、 （一） ① ⑴), right before the text or a space, TAB or
# odd space before it (`_ITEM_GAP`: • 60份, •<TAB>第一项, 一、<TAB>全面启动, as Word and WPS paste a list):
# Markdown reads no list from either, and the page runs the lines into one paragraph. A digit right after the dot
# or a dash is a figure (1.5万元, 2018.5, -5元, －5元), not an item; so the text right after "1.", "-" or a dash
# must start with a letter or an opening quote or bracket, after "1．" with no digit; after a gap a digit may
# follow (— 60份, 1． 60份). A dot sign is no minus: a digit may follow it (•2024年完成). Two dashes (——) open a
# sentence as punctuation, not a list. Bold text may open an item (•**走访**老旧小区).
_ITEM_TEXT = r"(?=[^\W\d_]|[“‘《（【「]|\*\*(?!\*))"
_SIGN_TEXT = r"(?=[^\W_]|[“‘《（【「]|\*\*(?!\*))"
_ITEM_GAP = f"[ \t{WIDE_SPACES}]"
_ITEM_SIGN_NAMES = MappingProxyType({
    "—": "an em dash, 破折号", "–": "an en dash, 连接号", "•": "a bullet, 项目符号",
    "·": "a middle dot, 间隔号", "・": "a full-width middle dot, 全角间隔号", "●": "a black circle, 实心圆点",
    "○": "a white circle, 空心圆点", "◦": "a white bullet, 空心圆点", "■": "a black square, 实心方块",
    "□": "a white square, 空心方块", "▪": "a small black square, 小方块", "▫": "a small white square, 小方块",
    "◆": "a black diamond, 实心菱形", "◇": "a white diamond, 空心菱形", "❖": "a diamond, 菱形",
    "★": "a black star, 实心星号", "☆": "a white star, 空心星号", "▶": "a triangle, 三角形",
    "►": "a pointer, 三角形", "➢": "an arrowhead, 箭头", "➤": "an arrowhead, 箭头", "✓": "a check mark, 对勾",
    "✔": "a check mark, 对勾", "√": "a check mark, 对勾", "※": "a reference mark, 米字符号",
    "＊": "a full-width asterisk, 全角星号", "￭": "a black square, 实心方块", "￮": "a white circle, 空心圆点"})
# A number typed in Chinese style, each group named for how its value is read: "1、", "（1）", "(1)", "1）", "1)",
# "一、", "（一）", a circled number (①-⑳) or one in brackets (⑴-⒇).
_CHINESE_NUMBER_PATTERN = (r"(?P<numbered>(?P<figure>\d{1,2})(?:、|）|\))|[（(](?:(?P<bracketed>\d{1,2})"
                           rf"|(?P<hanzi_bracketed>{HANZI_NUMBER}))[）)]"
                           rf"|(?P<hanzi>{HANZI_NUMBER})、|(?P<circled>[①-⑳⑴-⒇]))")
# The sign or number of an item of a second or third level as Word and WPS paste a list as text, a TAB after it:
# the bullets "o" (second level), "§" or U+F0A7 (third: Wingdings' square, its font lost; with it kept, "▪", one
# of `_ITEM_SIGN_NAMES`), a letter (a. a) b.) or a Roman numeral (i. ii. iii.). Only before a TAB: "o ring", "a. m."
# are words.
_ROMAN = "(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})"
_WORD_LEVEL_SIGNS = MappingProxyType({"o": "Word's bullet of a second level, 二级项目符号",
                                      "§": "Word's bullet of a third level, 三级项目符号",
                                      "\uf0a7": "Word's bullet of a third level, 三级项目符号"})
_WORD_LEVEL_PATTERN = rf"(?P<level>[o§\uf0a7]|(?P<lettered>[a-z]|{_ROMAN})[.)）])"
_SLIPPED_ITEM_PATTERN = (r" {0,3}(?:(?P<number>\d{1,9})(?:(?P<dot>\.)" + _ITEM_TEXT
                         + r"|．(?:" + _ITEM_GAP + r"+(?=\S)|(?![\d０-９])(?=\S)))"
                         + r"|-" + _ITEM_TEXT
                         + r"|(?P<sign>－(?P<space>[ \t\u3000]*)" + _ITEM_TEXT
                         + r"|[—–](?:" + _ITEM_TEXT + "|" + _ITEM_GAP + "+" + _SIGN_TEXT + ")"
                         + "|[" + "".join(sign for sign in _ITEM_SIGN_NAMES if sign not in "—–") + "]"
                         + _ITEM_GAP + "*" + _SIGN_TEXT + ")"
                         + "|" + _CHINESE_NUMBER_PATTERN + _ITEM_GAP + "*" + _SIGN_TEXT
                         + "|" + _WORD_LEVEL_PATTERN + r"\t" + _ITEM_GAP + "*" + _SIGN_TEXT + ")")
_SLIPPED_ITEM_RE = compile_later("^" + _SLIPPED_ITEM_PATTERN)
# The same at the start of any line, inside quotes too (a quick look before the line-by-line one); the quotes'
# signs are taken possessively, as in `_ANY_ORDERED_ITEM_RE`.
_ANY_SLIPPED_ITEM_RE = compile_later(f"^(?:{QUOTE_PREFIX_RE.pattern})*+[ \t\u3000]*+{_SLIPPED_ITEM_PATTERN}",
                                     re.MULTILINE)


_Reading = tuple[int, str, int, str]
"""How a line reads as a list item (`_item_readings`): the level its sign says (0 for any sign but Word's of a second
level, 1, or third, 2); its kind, "ol" or "ul"; its number, 0 for "ul"; the line to type at the list's first
level, "" when Markdown reads it as an item already or another warning gives it."""


def _item_readings(line: str) -> list[_Reading]:
    """How ``line`` (a quote's signs taken off) reads as a list item, as typed or as it looks typed
    (`_Reading`), the likeliest first: two for a Word item whose letter is a Roman numeral too (``i.``, ``v.``,
    ``x.``: a third level's first number, or the letter after ``h.``), one for any other item, none for any other
    line."""
    kind = item_kind(line)
    if kind:
        return [(0, kind, int(re.match(r" *(\d*)", line).group(1) or 0), "")]
    found = _SLIPPED_ITEM_RE.match(line)
    if found is None or TAB_CELLS_RE.match(line[found.end():]):
        return []  # cells between TABs after the number (1、<TAB>照明<TAB>18): a table's row, `table_problems`
    number = found.group("number")
    text = line[found.end():].strip()
    if number and is_year(int(number)):
        return []  # "2018.全年目标完成" is a year, shown as typed: "2018. 全年…" would make it a list's number
    if found.group("level"):
        return _word_level_readings(found.group("level"), found.group("lettered"), text)
    if found.group("numbered"):
        value = _chinese_number_value(found)
        return [(0, "ol", value, f"{value}. {text}")] if value else []
    if number:
        return [(0, "ol", int(number), f"{number}. {text}")]
    if found.group("space"):
        return [(0, "ul", 0, "")]  # "－ 项目": `full_width_sign_problems` tells of it, even alone and in quotes
    sign = found.group("sign") or ""
    return [(2 if sign.startswith("▪\t") else 0, "ul", 0, f"- {text}")]  # ▪<TAB>: Word's third level, its font kept


def _word_level_readings(sign: str, lettered: str | None, text: str) -> list[_Reading]:
    """The readings (`_Reading`) of an item of Word's second or third level: ``sign`` its bullet or its letter
    and mark (``o``, ``§``, ``b.``, ``ii)``), ``lettered`` the letter or Roman numeral, ``text`` what follows."""
    if not lettered:
        return [(1 if sign == "o" else 2, "ul", 0, f"- {text}")]
    readings: list[_Reading] = []
    if re.fullmatch(_ROMAN, lettered):
        value = _roman_value(lettered)
        readings.append((2, "ol", value, f"{value}. {text}"))
    if len(lettered) == 1:
        value = ord(lettered) - ord("a") + 1
        readings.append((1, "ol", value, f"{value}. {text}"))
    return readings


def _roman_value(numeral: str) -> int:
    """The value of a small Roman numeral in lower case (``iv`` → 4, `_ROMAN`)."""
    values = [{"i": 1, "v": 5, "x": 10}[char] for char in numeral]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0]))


def _chinese_number_value(found: re.Match[str]) -> int:
    """The value of the number a match of `_SLIPPED_ITEM_RE` typed in Chinese style (``3、``, ``（3）``, ``③``,
    ``⑶``, ``三、``, ``（十二）``), 0 for a run of Chinese numerals no number is written as (``一一、``)."""
    figure = found.group("figure") or found.group("bracketed")
    if figure:
        return int(figure)
    circled = found.group("circled")
    if circled:
        return (ord(circled) - ord("①")) % 20 + 1  # ①-⑳ and ⑴-⒇ are two runs of 20 in Unicode
    hanzi = found.group("hanzi") or found.group("hanzi_bracketed")
    tens, ten, units = hanzi.rpartition("十")
    if not ten:
        return CHINESE_DIGITS.index(hanzi) + 1 if len(hanzi) == 1 else 0
    if len(tens) > 1 or len(units) > 1 or "十" in tens + units:
        return 0
    return (CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CHINESE_DIGITS.index(units) + 1 if units else 0)


_END_MARK_RE = compile_later(r"^( {0,3})[-*+][ \t]+(?:((?:THE )?END)(?:[ \t]+[-*+])?|(全文完|完|结束)[ \t]+[-*+])[ \t]*$",
                             re.IGNORECASE)
"""The mark a WeChat article ends with, typed with list dashes: "- END -" (a list item "END -" in Markdown); a
Chinese word (完, 结束) only between two dashes, as "- 结束" alone is an item of a list of steps."""


def _beside_items(lines: Sequence[str], index: int) -> bool:
    """True when the line before or after ``lines[index]`` (blank lines set aside) is a list item: the line is
    one item of a list, not a mark standing alone."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    after = next((line for line in lines[index + 1:] if line.strip()), "")
    return bool(LIST_ITEM_RE.match(before) or LIST_ITEM_RE.match(after))


def end_mark_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A warning at each line "- END -" (the end mark of a WeChat article, 文末标记) outside code: Markdown reads
    it as a list item, and the page shows a dot and "END -". The hint deletes it (a page needs no end mark),
    or keeps it typed with full-width dashes, which no list starts with."""
    if "完" not in source and "结束" not in source and "end" not in source.lower():
        return []  # most pages: no line to look at
    problems = []
    for index, line in outside_fences(lines):
        found = _END_MARK_RE.match(line) if "-" in line or "*" in line or "+" in line else None
        if found is not None and not _beside_items(lines, index):
            item = line.strip()[1:].strip()
            problems.append(Problem(path, first_line + index, len(found.group(1)) + 1, "warning",
                                    f'"{line.strip()}" is read as a list item (列表), so the page shows a dot and '
                                    f'"{item}"', f"delete this line: a page ends without an end mark; to keep it, "
                                    f"type it with full-width dashes (全角): —{found.group(2) or found.group(3)}—"))
    return problems


def slipped_item_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for list items typed as an input method gives them: ``1.成立`` with no space after the dot,
    ``1．成立`` with a full-width dot (全角), ``-成立`` with no space after the dash, ``－成立`` with a
    full-width dash, ``—成立``, ``–成立``, ``•成立``, ``●成立``, ``★成立`` (`_ITEM_SIGN_NAMES`) with a sign
    Markdown knows no bullet by, ``①成立``, ``1、成立``, ``（1）成立``, ``一、成立`` with a number typed in
    Chinese style; inside quotes too (``> 1.成立``). So with a space or TAB
    after the sign or number (``• 第一项``, ``1、 第一项``, ``•<TAB>第一项``, as
    Word and WPS paste a list): the line offered is the same; and behind a
    first-line indent (``　　•第一项``, `_indented_readings`), the hint saying
    to delete it.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. Markdown reads none of them as an item: the page
    shows each as a line of text, the run as one paragraph. Told, at each
    such line with the line to type (a quote's signs kept), only in a run
    of two or more lines in a row, blank lines between them or not, that
    are items of one kind (the numbers in order, 1, 2, 3), as typed or so
    slipped, or in one such line right under a line ending in a colon
    (``主要做法：``): a single line elsewhere, a sign inside a sentence, figures
    (``1.5万元``, ``2018.5``, ``-5元``, ``－5元``), a year (``2018.全年目标完成``,
    shown as typed, where a space after the dot would make the year a list's
    number: `year_item_problems`), a sentence opened with a
    Chinese dash (``——``) and fenced code are left alone; so are the titles
    of a report's parts that a paragraph follows (``一、工作背景``, blank,
    ``二、主要做法``, blank, a paragraph: `_slipped_runs`), which
    `sitegen.markupcheckheadings` offers as headings.
    """
    if not _ANY_SLIPPED_ITEM_RE.search(source):
        return []
    return [_slipped_item_problem(lines[index], column, fixed, path, first_line + index,
                                  _stands_alone(lines, index), joined, None if below is None else first_line + below)
            for index, column, fixed, joined, below in slipped_items(lines)]


def _stands_alone(lines: Sequence[str], index: int) -> bool:
    """True when ``lines[index]`` has a blank line (or a quote's signs only) or the body's edge above and below
    it: a paragraph of its own."""
    return all(not (lines[near].strip(" \t>") if 0 <= near < len(lines) else "") for near in (index - 1, index + 1))


def slipped_items(lines: Sequence[str]) -> Iterator[tuple[int, int, str, bool, int | None]]:
    """The slipped items of `slipped_item_problems` in ``lines`` and in the quotes among them, at any
    depth (`quoted_texts`), as (line index, column of the item's sign from 0, the line to type, the quote's
    signs kept; a lazy line under a quote gets the signs of the line above it, which keep it in the quote;
    joined, and the line index of a list under it or None, as `_slipped_runs` gives them)."""
    for text, places, lazy in quoted_texts(lines):
        # Titles are set apart in the body's own text only: no heading is offered for a line in a quote, so
        # there they stay items, told of as such, rather than told of by no check.
        for inner, column, fixed, joined, below in _slipped_runs(text, lazy, titles=text is lines):
            index, signs, typed = places[inner]
            yield index, signs + column, typed + fixed, joined, None if below is None else places[below][0]


def _slipped_runs(lines: Sequence[str], lazy: frozenset[int],
                  titles: bool = False) -> Iterator[tuple[int, int, str, bool, int | None]]:
    """The slipped items in runs of two or more in ``lines``, quotes not looked into nor the lines of
    ``lazy`` (a quote's lazy lines, read with it), as (line index, column of the item's sign from 0, the
    line to type, joined, below); with ``titles``, a run of the titles of a report's parts left out.

    Such a run (`_part_titles`), as Word numbers a document's parts and
    editors paste it: lines numbered ``一、`` or ``（一）`` at the line's
    start, each a `short_title` standing alone (`ordinal_heading`: a blank
    line above it, and one under it or, under the last, its text), only
    blank lines between them, and a paragraph right after the last
    (``一、工作背景``, blank, ``二、主要做法``, blank, ``今年以来…``). Its lines
    are the headings of parts, some with no text of their own (a part's
    text not written yet, or its sections under it), and the same numbering
    goes on as headings after a paragraph, where no run joins them; offered
    as items (``1. 工作背景``), each part's heading would be an item of a
    list, the part after a paragraph a heading. A list as editors type it
    is told as before: items on consecutive lines (``一、甲`` ``二、乙``), items
    that are sentences (longer than a title, or ending in ``。``, ``；`` …),
    a run under a line ending in a colon, or one at the body's end or with a
    list, heading or quote under it.

    A run of numbered items that starts again right under a numbered list
    (``①坚持…`` ``②坚持…``, a blank line, ``1、建设…`` ``2、建设…``), blank lines
    alone between them, is a list of its own as typed; but once both are
    typed as Markdown's items, Markdown joins them into one list numbered on
    (`sitegen.markupcheckbits.list_apart_how`): the first item of such a
    run is yielded joined (True), for its hint to keep the lists apart.
    When that list under the run is typed as Markdown's already (``1. 建设…``),
    it has no hint of its own, and the two would be told joined only once
    the run's hints are followed (`sitegen.markupchecknumbers.numbering_problems`,
    "numbered 1, 2, 1, 2"): so the run's first item told is yielded with the
    line index of that list's first item (below; None for any other item),
    for its hint to keep the lists apart from the first.

    Items of Word's second and third levels (``o<TAB>…`` under ``•<TAB>…``)
    go on the run, each offered 4 spaces further in than the item above it
    for each level down, as Python-Markdown nests a list; one typed with no
    item of a level above it is offered at the first level.
    """
    run: list[tuple[int, str, int, bool]] = []  # (line index, the line to type, column of the sign, joined)
    stack: list[tuple[int, str, int]] = []
    for index, line in [*outside_fences(lines), (len(lines), "-")]:
        if not line.strip() and index not in lazy:
            continue  # items typed a blank line apart (●坚持…, blank, ●坚持…) are one list to the eye too
        readings, indent = ([], 0) if index in lazy else _indented_readings(line.rstrip(" \t"))
        apart = bool(run) and any(lines[between].strip() for between in range(run[-1][0] + 1, index))
        nested = _nested_item_depth(line) if run and not apart and index not in lazy else 0
        if nested:  # a sub-item Markdown reads (a line offered here, typed): the run goes on under it
            depth = min(nested, len(stack))
            number = re.match(r"[ \t]*(\d*)", line).group(1)
            stack[depth:] = [(depth, "ol" if number else "ul", int(number or 0))]
            run.append((index, "", 0, False))
            continue
        if indent and run and not apart and indent_width(line) > indent_width(lines[run[0][0]]):
            # Further in than the list's first item (- 第一项, then "    • 子项"): meant under the item above.
            readings = [(max(level, 1), *rest) for level, *rest in readings]
        placed = _placed_item(stack, readings) if run and not apart else None
        joined = False
        if run and placed is None:
            listed = (len(run) > 1 or _introduces_items(lines, run[0][0])) and not (
                titles and not readings and not apart and index < len(lines) and _opens_paragraph(line)
                and _part_titles(lines, run))
            # A list on the page once its hints are followed (or typed so), numbered, right above a numbered item
            # that goes on no list of it: Markdown would join the two.
            joined = ((listed or not run[0][1]) and not apart and bool(readings) and readings[0][:2] == (0, "ol")
                      and stack[0][1] == "ol")
            # That item typed as Markdown's already: no warning of its own tells the join, so this run's does.
            below = index if listed and joined and not readings[0][3] else None
            if listed:
                told = (entry for entry in run if entry[1])
                for number, (at, fixed, column, first) in enumerate(told):
                    yield at, column, fixed, first, None if number else below
            run = []
        if readings:
            if placed is None:
                stack[:] = [readings[0][:3]]
                placed = (0, readings[0])
            depth, (_, _, _, fixed) = placed
            run.append((index, " " * 4 * depth + fixed if fixed else "", indent or spaces_in(line), joined))


def _opens_paragraph(line: str) -> bool:
    """True when ``line``, a first-line indent set aside (sitegen reads no indented code), is a paragraph's text
    to Markdown: no heading, quote, HTML, table row or rule (list items are read before)."""
    text = line.lstrip(" \t\u3000")
    return bool(text) and not not_paragraph(text) and not text.startswith("|") and not HR_RE.match(text)


def _part_titles(lines: Sequence[str], run: Sequence[tuple[int, str, int, bool]]) -> bool:
    """True when every line of ``run`` (a run of `_slipped_runs`, which a paragraph follows) is the title of a
    report's part typed as Word numbers it: a `short_title` that `ordinal_heading` takes for a heading."""
    return all(short_title(lines[at]) and ordinal_heading(lines, at) is not None for at, *_ in run)


def _indented_readings(line: str) -> tuple[list[_Reading], int]:
    """How ``line`` reads as a list item (`_item_readings`), and the column of its sign when a first-line indent
    (首行缩进: 4 spaces or more, a TAB or full-width spaces) stands before a slipped one, else 0.

    Indented code is off (`sitegen.markupblocks.open_blocks`), so ``　　•第一项`` or ``    1、第一项``, a list
    pasted from Word with its paragraphs' indent, is text on the page as it would be unindented; a Markdown item
    so indented is another check's (`sitegen.markupchecklists.indented_marker_problems`).
    """
    readings = _item_readings(line)
    if readings or not FIRST_LINE_INDENT_RE.match(line):
        return readings, 0
    indent = len(line) - len(line.lstrip(" \t\u3000"))
    inner = line[indent:]
    return ([], 0) if item_kind(inner) else (_item_readings(inner), indent)


def _nested_item_depth(line: str) -> int:
    """How many levels in ``line`` is typed as a list item Markdown nests (``    - 走访``: 4 columns of indent a
    level, a TAB as 4), 0 for any other line."""
    width = indent_width(line)
    return width // 4 if width >= 4 and LIST_ITEM_RE.match(line[indent_chars(line, width // 4 * 4):]) else 0


def _placed_item(stack: list[tuple[int, str, int]], readings: list[_Reading]) -> tuple[int, _Reading] | None:
    """Where an item read as ``readings`` (`_item_readings`) goes in the list typed above it, or None when it goes
    on none (or ``readings`` is empty): (its depth, 0 for the first level, and the reading taken).

    ``stack`` holds the level, kind and number of the last item at each depth, the first level's first, and is
    updated. An item goes on the list at the depth of its level, as the next of its kind (in a numbered list,
    the next number), or, deeper than every item above, starts a list under the item above; the first is taken
    first (``i.`` after ``h.`` is the letter that follows, not a list of Roman numerals). An item of Word's lower
    levels that goes on no list above (``a.`` after ``o``) starts one under the item right above, as it does once
    the items above are typed as Markdown's (``- ``, their levels then told by their indent).
    """
    opening = None
    for reading in readings:
        level, kind, number, _ = reading
        depth = next((at for at, above in enumerate(stack) if above[0] >= level), len(stack))
        for at in (depth, depth + 1) if level else (depth,):
            if at < len(stack) and kind == stack[at][1] and (kind == "ul" or number == stack[at][2] + 1):
                stack[at:] = [(level, kind, number)]
                return at, reading
        if opening is None and (depth == len(stack) or level):
            opening = reading
    if opening is None:
        return None
    stack.append(opening[:3])
    return len(stack) - 1, opening


def _introduces_items(lines: Sequence[str], index: int) -> bool:
    """True when the line right above ``lines[index]`` ends with a colon (``主要做法：``): a single item typed
    under it is meant as a list's, as one after another would be."""
    return index > 0 and lines[index - 1].rstrip().endswith(("：", ":"))


def _slipped_item_problem(line: str, column: int, fixed: str, path: str, line_number: int,
                          alone: bool, joined: bool = False, below: int | None = None) -> Problem:
    """The warning of `slipped_item_problems` for ``line`` (at ``line_number`` of the file), its item's sign
    at ``column`` (from 0), ``fixed`` the line to type; ``alone`` when the line is a paragraph of its own,
    ``joined`` when it starts a list that Markdown would join to the numbered list above it, ``below`` the file
    line of the first item of a numbered list typed under its list that Markdown would join to it once it is
    typed as one (`_slipped_runs`): the hint says first how to keep each two apart."""
    marker = _SLIPPED_ITEM_RE.match(line[column:])
    number = marker.group("number") if marker else ""
    sign = (marker.group("sign") or "")[:1] if marker else ""
    extra = ""
    offered = QUOTE_SIGNS_RE.sub("", fixed)
    if marker and marker.group("lettered"):
        value = offered.strip().split(".", 1)[0]
        roman = re.fullmatch(_ROMAN, marker.group("lettered")) and _roman_value(marker.group("lettered")) == int(value)
        what = (f'the number before the text is typed "{marker.group("level")}" '
                f'({"a Roman numeral, 罗马数字" if roman else "a letter, 字母"}), not "{value}."')
        how = f'type "{value}." in its place, with a space after it'
    elif marker and marker.group("level"):
        shown = "U+F0A7" if marker.group("level") == "\uf0a7" else f'"{marker.group("level")}"'
        what = f'the sign before the text is {shown} ({_WORD_LEVEL_SIGNS[marker.group("level")]}), not "-"'
        how = 'type "-" in its place, with a space after it'
    elif marker and marker.group("numbered"):
        value = _chinese_number_value(marker)
        what = f'the number before the text is typed "{marker.group("numbered")}", not "{value}."'
        how = f'type "{value}." in its place, with a space after it'
    elif number and marker and not marker.group("dot"):
        what = f'the dot after "{number}" is full-width (全角)'
        how = "type the dot in half width (半角), with a space after it"
    elif sign == "－":
        what, how = 'the "－" is full-width (全角)', "type it in half width (半角), with a space after it"
    elif sign:
        what = f'the sign before the text is "{sign}" ({_ITEM_SIGN_NAMES[sign]}), not "-"'
        how = 'type "-" in its place, with a space after it'
        if sign == "—":  # a Chinese dash typed once where two were meant ("—是的。") is no bullet
            extra = "; if it is punctuation, not a bullet, " + paste_hint(
                "type the dash as two (破折号)", line[:column] + "——" + line[column + len(marker.group()):].strip())
    else:
        sign = f"{number}." if number else "-"
        what, how = f'there is no space after "{sign}"', f'type a space after "{sign}"'
    typed_indent = QUOTE_SIGNS_RE.sub("", line[:column])
    if spaces_in(offered):  # an item of Word's second or third level; spaces at a hint's start are easily missed
        instead = f" in place of the {_indent_named(typed_indent)}" if typed_indent.strip(" ") else ""
        how += (f", the line indented by {spaces_named(spaces_in(offered))}{instead} (缩进) to go under the item "
                "above (下一级)")
    elif FIRST_LINE_INDENT_RE.match(typed_indent):  # kept, the indent would make the item text again
        how += f", and delete the {_indent_named(typed_indent)} before it (缩进)"
    signs = fixed[:len(fixed) - len(offered)]
    apart = [f"to keep this list apart from the list above, which Markdown would join it to, "
             f"{list_apart_how(signs, 'it')}"] if joined else []
    if below is not None:
        apart.append(f"to keep the list from line {below} on apart from this one, which Markdown would join it to "
                     f"once this one is typed as a list, {list_apart_how(signs, f'line {below}')}")
    if apart:
        how = "; ".join([*apart, f"and {how}"])
    return Problem(
        path, line_number, column + 1, "warning",
        f"{what}, so Markdown does not read this line as a list item (列表): the page shows it as text, "
        f"{'a paragraph of its own' if alone else 'run together with the lines around it'}: "
        f"{clipped(line.strip())}",
        paste_hint(how, fixed) + extra)


def _indent_named(indent: str) -> str:
    """What a line's ``indent`` is typed with, for a hint: "4 spaces", "TAB", "full-width spaces (全角空格)"."""
    if "\u3000" in indent:
        return "full-width spaces (全角空格)"
    return "TAB" if "\t" in indent else spaces_named(len(indent))


def odd_space_item_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for list items whose marker is followed by a full-width or no-break space (``-　征求意见``).

    Markdown needs an ordinary space (or a TAB) after ``-``, ``*``, ``+`` or
    ``1.``, so the page shows such a line as text, marker and all, where a
    list was meant. Each is warned at the marker, with the line to type;
    inside quotes too, at any depth (``> -　甲`` gets ``> - 甲``, the quote's
    signs kept as typed; a lazy line, typed without ``>`` right under a
    quote, which the page shows in it, the signs of the line above it).
    Fenced code is left alone; found while converting (cached).
    """
    if not ODD_SPACE_RE.search(source):
        return []
    problems: list[Problem] = []
    for text, places, lazy in quoted_texts(lines):
        for inner, own in outside_fences(text):
            found = None if inner in lazy else ODD_SPACE_ITEM_RE.match(own)
            if found is None:
                continue
            index, column, signs = places[inner]
            marker, rest = found.group("marker"), own[found.end():].rstrip()
            problems.append(Problem(
                path, first_line + index, column + found.start("marker") + 1, "warning",
                f'{space_name(found.group("space"))} follows "{marker}", so Markdown does not read this line as a '
                f"list item (列表项): {clipped(lines[index].strip())}",
                paste_hint(f'type an ordinary space (半角空格) after "{marker}"', f"{signs}{marker} {rest}")))
    return problems


def sub_item_problems(source: str, lines: list[str], clean_html: str, path: str,
                      first_line: int) -> list[Problem]:
    """Warnings for sub-items Markdown put at the level above.

    Takes the body, its lines, the page's HTML, the file's path and the
    file line of the body's first line. A sub-item indented by two spaces
    (as many editors do) is read as an item of the same list, or, after a
    blank line, as the first item of a list of its own below that list:
    Python-Markdown nests an item only when it is indented by four spaces.
    Each is warned at its line. After a blank line, 4 spaces alone would
    not do: Python-Markdown then takes the next item of the list above
    (``2. 第二项``) into the sub-list too, so the hint deletes the blank
    line. A sub-item the page shows as text, marker and all (``-`` under
    ``1.``, which does not go on a numbered list), is not read at any level:
    `indented_marker_problems` tells it, one warning a line. Fenced code is
    left alone; found while converting (cached).
    """
    if "\n " not in source:
        return []
    problems: list[Problem] = []
    base: int | None = None  # indent of the first item of the list the lines above are in
    for index, line in outside_fences(lines):
        item = LIST_ITEM_RE.match(line)  # at most 3 spaces in: a sub-item only from 4
        indent = len(line) - len(line.lstrip(" "))
        if item and base is not None and base < indent and not shown_as_typed(line.strip(), clean_html) \
                and not is_year_item(line):  # `year_item_problems` tells a year taken for an item's number
            after_blank = index > 0 and not lines[index - 1].strip()
            nest = "indent it by 4 spaces" + (" and delete the blank line above it" if after_blank else "")
            problems.append(Problem(
                path, first_line + index, 1, "warning",
                f"this item is indented by {spaces_named(indent)}, so Markdown reads it at the "
                f"same level as the item above, not under it: {clipped(line.strip())}",
                f"to make it a sub-item (下一级), {nest}; to keep it at the same level, delete the spaces before it"))
        if item:
            base = indent if base is None else base
        elif line.strip() and not line.startswith((" ", "\t")):
            base = None  # a paragraph: the list is over
    return problems
