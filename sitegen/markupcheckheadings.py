"""Source-level checks of headings: levels, empty or numbered headings, ids typed in braces, paths.

Job: read the headings of the source as typed (`_source_headings`) and warn
an h1 in the body, levels that skip, empty headings (also in a list item
or a quote), questions typed as numbered headings (``一、…``), ids typed in
braces (`heading_id_problems`, `text_id_problems`), and Windows paths
whose backslashes Markdown reads as escapes.

May import: errors, lazyre, markupbits, markupblocks, markupcheckbits, markupcheckitems, markupcheckwide, markupext,
markupinline (and the standard library).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import ATX_RE, FENCE_RE, HR_RE, SETEXT_RE, clipped
from .markupblocks import opened_lines
from .markupcheckbits import ORDINAL_HEADING_RE, ordinal_heading, outside_fences, without_code_spans
from .markupcheckitems import slipped_items
from .markupcheckwide import wide_heading
from .markupext import slugify_heading
from .markupinline import HEADING_BRACES_RE, LAYOUT_IDS, heading_id_fault, typed_heading_id

# --------------------------------------------------------------------------
# Source-level checks (headings)
# --------------------------------------------------------------------------

_ANY_UNDERLINE_RE = compile_later(r"^(?:=+|-+) *$", re.MULTILINE)


def _atx_headings(lines: list[str]) -> list[tuple[int, int]]:
    """``(line index, level)`` of the ``#`` headings outside fenced code (see `_source_headings`)."""
    return [(index, len(atx.group(1))) for index, line in outside_fences(lines) if (atx := ATX_RE.match(line))]


def _source_headings(lines: list[str]) -> list[tuple[int, int]]:
    """Return ``(line index, level)`` of headings as Python-Markdown sees them.

    ATX headings are any line starting with 1-6 ``#`` (Python-Markdown needs
    no space after them: ``#话题#`` is an h1); setext headings are a text
    line underlined with ``===`` (level 1) or ``---`` (level 2), when that
    text line begins a block: after a blank line (one `open_blocks` puts
    before a list or table under text included), a heading or a rule. So
    ``- 甲`` then ``---`` is a heading "- 甲", and under the second line of
    a paragraph ``---`` is a rule. Fenced code skipped.
    """
    if not _ANY_UNDERLINE_RE.search("\n".join(lines)):
        return _atx_headings(lines)  # most texts: no line that could underline one
    paired = opened_lines(lines)
    opened = [line for line, _ in paired]
    origin = [at for _, at in paired]  # the index in ``lines`` of each line of ``opened`` (-1: a line added)
    found: list[tuple[int, int]] = []
    fence = ""
    previous = ""
    previous_begins = False  # the previous line begins a block
    begins = True  # this line begins a block
    for index, line in enumerate(opened):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            previous, previous_begins, begins = "", False, True
            continue
        match = FENCE_RE.match(line)
        atx = ATX_RE.match(line)
        if match:
            fence = match.group(1)
        elif atx:
            found.append((origin[index], len(atx.group(1))))
        elif SETEXT_RE.match(line) and previous.strip() and previous_begins and not ATX_RE.match(previous) \
                and not HR_RE.match(previous):
            found.append((origin[index - 1], 1 if line.startswith("=") else 2))
            previous, previous_begins, begins = "", False, True
            continue
        previous, previous_begins = ("", False) if match else (line, begins)
        begins = not line.strip() or bool(atx) or bool(HR_RE.match(line))
    return found


_EMPTY_HEADING_HTML_RE = compile_later(r"<h[1-6][^>]*></h[1-6]>")
_NESTED_EMPTY_HEADING_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)+(#{1,6})[ \t#]*$")
"""A line of a list item or a quote that holds only a heading's "#" signs (``- ###``, ``> ##``)."""


def nested_empty_heading_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for an empty heading typed in a list item or a quote (``- ###``, ``> ###``), as
    `heading_problems` warns one at the left edge: the page showed an empty heading, unwarned. Only when the
    page holds one; fenced code is left alone."""
    if not _EMPTY_HEADING_HTML_RE.search(clean_html):
        return []
    problems = []
    for index, line in outside_fences(lines):
        found = _NESTED_EMPTY_HEADING_RE.match(line)
        if found is not None:
            problems.append(_empty_heading(path, first_line + index, found.start(1) + 1,
                                           line[found.start(1):].strip(), found.group(1)))
    return problems


def _empty_heading(path: str, line: int, column: int, typed: str, signs: str) -> Problem:
    """The warning for a heading typed as its "#" ``signs`` alone (``typed``: as the line has them)."""
    return Problem(path, line, column, "warning",
                   f'"{typed}" alone makes an empty heading (空标题): screen readers announce a heading with nothing '
                   "in it", f"write the heading's text after {signs} and a space, or delete the line")


_PATH_ESCAPE_RE = compile_later(r"(?<![\w`])[A-Za-z]:\\[^\s`]*?\\([\\`*_{}\[\]()>#+\-.!])")
"""A Windows path typed in text (``D:\\资料\\_备份``) with a backslash before a sign Markdown escapes."""


def path_escape_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a Windows path typed in text whose backslash before ``_``, ``[``, ``.`` … Markdown reads as
    an escape: ``D:\\资料\\_备份`` was published as "D:\\资料_备份", the backslash gone, unwarned. Code spans and
    fenced code keep backslashes, so the hint offers backquotes; found while converting (cached)."""
    if ":\\" not in source:
        return []
    problems = []
    for index, line in outside_fences(lines):
        plain = without_code_spans(line)
        found = _PATH_ESCAPE_RE.search(plain) if ":\\" in plain else None
        if found is not None:
            typed = re.match(r"[^\s，。；、）)]+", plain[found.start():]).group()  # type: ignore[union-attr]
            problems.append(Problem(
                path, first_line + index, found.start(1), "warning",
                f'the "\\" before "{found.group(1)}" in {typed} is read by Markdown as an escape, so the page '
                f"leaves it out: {typed.replace(chr(92) + found.group(1), found.group(1))}",
                f"to show the path as typed, put it in backquotes (`): `{typed}`"))
    return problems


def heading_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for an h1 in the body, for heading levels that skip, for a heading with no text, and for lines made
    headings unawares, each at the heading's line (the first three at the column of its "#").

    Two of these come from text an editor did not mean as a heading:
    ``#3号楼已完成加装电梯`` (Markdown needs no space after ``#``, so the line
    is a level-1 heading and its "#" is gone), and a text line with
    ``---`` or ``===`` right under it (meant as a separator line, it makes
    the line above a heading). Each is warned with both fixes.
    """
    problems: list[Problem] = []
    previous = 1  # the page title is the level-1 heading
    for index, level in _source_headings(lines):
        if wide_heading(lines[index]) is not None:
            continue  # "#＃ 标题": `full_width_sign_problems` names the full-width sign
        line, text = first_line + index, lines[index].strip()
        column = len(lines[index]) - len(lines[index].lstrip(" \t")) + 1  # of the "#"
        underlined = not text.startswith("#")
        if not underlined and not text.strip("# \t"):  # "###" alone: an empty heading (空标题), no level to keep
            problems.append(_empty_heading(path, line, column, text, text.rstrip()[:level]))
            continue
        if underlined:
            sign = lines[index + 1].strip()[:3]
            problems.append(Problem(
                path, line + 1, 1, "warning",
                f'the "{sign}" under the line above makes that line a {"level-1 " if level == 1 else ""}heading '
                f"(标题): {clipped(text)}",
                "for a separator line (分隔线), leave a blank line before it and write ---; "
                f"for a heading, write {'#' * max(2, min(level, previous + 1))} and a space before the text instead"))
        elif level == 1 and not text[1:2].isspace() and text[1:2]:
            problems.append(Problem(
                path, line, 1, "warning",
                'this line starts with "#", so Markdown makes it a level-1 heading (一级标题) and drops the "#": '
                f"{clipped(text)}",
                paste_hint('if it is text, write a backslash before the "#"', "\\" + text)
                + "; for a heading, write ## and a space (二级标题: the page title is the only level-1 heading)"))
        elif level == 1:
            problems.append(Problem(
                path, line, column, "warning",
                "a level-1 heading (#) in the body; the page title is the only level-1 heading",
                "use ## here (二级标题); the title comes from the front matter"))
        if level > previous + 1 and not (underlined and level == 1):
            problems.append(Problem(
                path, line, column, "warning",
                f"heading level jumps from {previous} to {level}",
                f"use {'#' * (previous + 1)} here (headings go one level at a time; "
                "screen readers use them to navigate)"))
        previous = level
    return problems + _ordinal_heading_problems(lines, path, first_line)


_LEVEL_NAMES = ("一级标题", "二级标题", "三级标题", "四级标题", "五级标题", "六级标题")


def _ordinal_kind(text: str) -> tuple[str, bool]:
    """How a heading's or a line's ``text`` is numbered, as `ORDINAL_HEADING_RE` reads it: ("part", first) for
    ``一、…``, ("section", first) for ``（一）…``, ("other", False) for any other text; first when its number is 一."""
    found = ORDINAL_HEADING_RE.match(text)
    if found is None:
        return "other", False
    return ("part" if found.group("part") else "section"), found.group().strip("、（）() \t") == "一"


def _offered_level(above: Sequence[tuple[int, str]], kind: str, first: bool, question: bool = False) -> int:
    """The heading level to offer a line numbered as a ``kind`` ("part", ``一、``, or "section", ``（一）``), its
    number 一 when ``first``, under the headings ``above`` it (``(level, kind)`` of each, typed or offered, in order).

    A number after 一 goes on the numbering of the nearest heading above of its kind, at that heading's level,
    unless a heading of that level or higher of another rank came between (a question ``##`` ends the parts
    numbered under the one before it; a part ends its sections). Else the line goes one level under the nearest
    heading above it of a higher rank (a part under a question or a part, a section under any heading that is
    no section): a report's parts are the answer's parts under a question (docs/editing.md: "Parts of an answer
    take ###"). With no such heading, level 2: a body's own headings (the page title is level 1). At most 6.
    A part that is a question (``二、调研中发现了哪些问题？``, `_ordinal_heading_problems`) is given as ``question``:
    level 2, as questions take ``##`` (docs/editing.md), under a question above it or not.
    """
    if question and kind == "part":
        return 2
    closers = ("other",) if kind == "part" else ("other", "part")
    if not first:
        closed = 7  # the highest rank of a heading of another rank passed on the way up
        for level, seen in reversed(above):
            if seen == kind and level < closed:
                return level
            if seen in closers:
                closed = min(closed, level)
    parent = next((level for level, seen in reversed(above) if seen in closers), 1)
    return min(parent + 1, 6)


def _ordinal_heading_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for questions and titles typed as the headings of a Chinese report are numbered, ``一、…`` or
    ``（一）…``, without ``##`` (`ordinal_heading`): Markdown reads them as text, so the page shows them as
    paragraphs and its table of contents (本文目录) leaves them out. Each is warned at its mark with the
    heading to type, the mark kept, at the level `_offered_level` gives from the headings above it: ``## ``
    before ``一、`` at the top of a body or before a question (a line ending in ？), ``### `` under a question
    ``##`` (a part of its answer), ``### `` before ``（一）`` under a part ``## 一、``, so that the table of contents keeps the questions at its first
    level and heading levels go one at a time (`heading_problems`). Lines told as a list's items
    (`slipped_items`), fenced code and lines in quotes or list items are left alone."""
    if not any(ORDINAL_HEADING_RE.match(line) for line in lines):
        return []  # most pages: no line to look at
    listed = {index for index, *_ in slipped_items(lines)}
    typed = dict(_source_headings(lines))
    problems: list[Problem] = []
    above: list[tuple[int, str]] = []  # (level, kind of `_ordinal_kind`) of each heading so far, typed or offered
    for index, line in outside_fences(lines):
        if index in typed:
            text = line.lstrip(" \t").lstrip("#").strip(" \t") if ATX_RE.match(line) else line.strip()
            above.append((typed[index], _ordinal_kind(text)[0]))
        found = ordinal_heading(lines, index) if index not in listed else None
        if found is None:
            continue
        kind, first = _ordinal_kind(line)
        level = _offered_level(above, kind, first, line.rstrip().endswith(("？", "?")))
        above.append((level, kind))
        signs = "#" * level
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f'this line opens with "{found.group()}" as a heading (标题) does, but has no "{signs}" before it, so '
            f"Markdown reads it as text: the page shows it as a paragraph, and the table of contents (本文目录) "
            f"leaves it out: {clipped(line.strip())}",
            paste_hint(f"for a heading, write {signs} and a space before it ({_LEVEL_NAMES[level - 1]})",
                       f"{signs} {line.strip()}")))
    return problems


# The signs before a heading's text on its line: a list item's or a quote's, then its "#" signs.
_HEADING_SIGNS_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)*#{1,6}[ \t]*")
# A heading in a list item or a quote (``- ## 下``, ``> ## 下``), which `_source_headings` does not list.
_NESTED_HEADING_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)+#{1,6}[ \t]")
# A heading's closing "#" signs, which `HashHeadings` drops after a space.
_CLOSING_SIGNS_RE = compile_later(r"(?<=[ \t])#+[ \t]*$")


def _heading_texts(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """``(line index, column, text)`` of each heading's text as typed (its signs and closing "#" left out; the
    0-based column where it begins): a "#" heading, one in a list item or a quote, a line underlined."""
    nested = {index for index, line in outside_fences(lines) if _NESTED_HEADING_RE.match(line)}
    for index in sorted({index for index, _ in _source_headings(lines)} | nested):
        line = lines[index]
        signs = _HEADING_SIGNS_RE.match(line)
        start = signs.end() if signs is not None else len(line) - len(line.lstrip(" \t"))
        closing = _CLOSING_SIGNS_RE.search(line, start) if signs is not None else None
        yield index, start, line[start:closing.start() if closing is not None else len(line)]


def _heading_braces_fault(typed: str, before: str) -> tuple[str, str | None]:
    """``(why, id)`` for braces ``typed`` at a heading's end (`HEADING_BRACES_RE`) that `typed_heading_id` does not
    take, ``before`` the heading's text before them: why they are no id, and the id they were meant to give, to
    type as ``{#id}`` (None: none can be read from them)."""
    half = unicodedata.normalize("NFKC", typed)
    words = half[1:-1].strip().removeprefix(":").split()
    names = [re.sub(r"[^\w-]", "", word[1:]) for word in words if word.startswith("#")]
    others = [word for word in words if not word.startswith("#")]
    if not before.strip():
        return "the heading has no text before it", None
    if names and words[0].startswith("#") and others and not any(word[0] in ".:" or "=" in word for word in others):
        why, name = "an id has no spaces", "-".join(re.sub(r"[^\w-]", "", word.lstrip("#")) for word in words)
    elif others or not names:
        why = "sitegen gives a heading no class or style, only an id (the theme formats headings)"
        name = names[0] if names else ""
    elif len(names) > 1:
        why, name = "a heading has one id", names[0]
    else:
        why = heading_id_fault(words[0][1:], before) or "it is typed in full width (全角)"
        name = names[0]
    return why, (name if name and not heading_id_fault(name, before) else None)


def heading_id_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for braces at a heading's end that are meant as its attributes but give it no id
    (`HEADING_BRACES_RE`: ``{.big}``, ``{#}``, ``{#两个 词}``, ``｛#xia｝``), which the page shows in the
    heading, its table of contents and the feeds, each with the line to type; and for an id given to two
    headings (`HeadingIds`: a link leads to the first), with an id of its own to type. At the opening brace."""
    if "{" not in source and "｛" not in source:
        return []
    problems: list[Problem] = []
    given: dict[str, int] = {}
    texts = [(index, start, text, braces, typed_heading_id(text)) for index, start, text in _heading_texts(lines)
             if (braces := HEADING_BRACES_RE.search(text)) is not None]
    # The places an id offered instead must not be: every id typed, every heading's own (if it had none), the
    # layout's.
    places = {taken.group("id") for *_, taken in texts if taken is not None} | LAYOUT_IDS
    places |= {slugify_heading(text, "-") for _, _, text in _heading_texts(lines)}
    for index, start, text, braces, taken in texts:
        line, column = lines[index], start + braces.start()
        before = line[:column].rstrip()
        if taken is None:
            why, name = _heading_braces_fault(braces.group(), text[:braces.start()])
            name = free_id(name, places) if name in LAYOUT_IDS else name
            hint = (paste_hint(f"to name the heading's place #{name}, type", f"{before} {{#{name}}}") if name else
                    "write the heading's text before the braces" if not text[:braces.start()].strip() else
                    paste_hint("delete it", before))
            problems.append(Problem(
                path, first_line + index, column + 1, "warning",
                f'"{braces.group().strip()}" at the end of this heading gives it no id (锚点): {why}, so the page '
                f"shows it in the heading's text: {clipped(line.strip())}", hint))
            continue
        name = taken.group("id")
        if name not in given and name not in LAYOUT_IDS:
            given[name] = first_line + index
            continue
        other = free_id(name, places)
        places.add(other)  # a third heading with the same id is offered the next one
        elsewhere = (f'one the theme gives an element of the page (id="{name}" in its layout)' if name in LAYOUT_IDS
                     else f"given to the heading on line {given[name]} too")
        problems.append(Problem(
            path, first_line + index, column + 1, "warning",
            f'the id "{name}" is {elsewhere}, so a link to #{name} leads there, not here',
            paste_hint("give this heading an id of its own", f"{before} {{#{other}}}")))
    return problems


def heading_with_id(body: str, anchor: str) -> tuple[int, int, str, bool] | None:
    """Where the heading of ``body`` whose id is ``anchor`` is typed: ``(line index, 0-based column, line,
    typed)``, at the braces of an id typed (``## 下 {#xia}``: the line up to them, typed True) or at the text of
    one made from its text (``## Downloads``: the line without its closing "#" signs, typed False); None when no
    heading has it so. An id typed is the heading's before any made from a text (`HeadingIds`)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    texts = [(index, start, text, typed_heading_id(text)) for index, start, text in _heading_texts(lines)]
    for index, start, text, typed in texts:
        if typed is not None and typed.group("id") == anchor:
            return index, start + text.index("{", typed.start()), lines[index][:start + typed.start()].rstrip(), True
    for index, start, text, typed in texts:
        if typed is None and slugify_heading(" ".join(text.split()), "-") == anchor:
            return index, start, lines[index][:start] + text.rstrip(), False
    return None


def free_id(name: str, places: set[str]) -> str:
    """The id to offer for a heading's id ``name`` that another element has: ``name-2`` (``-3``... when that is
    one of ``places``, the ids the page has or is offered)."""
    return next(f"{name}-{count}" for count in itertools.count(2) if f"{name}-{count}" not in places)


# Braces at the end of a line of text, half or full width (全角), that are meant as its attributes, as
# attr_list or Pandoc take them: an id, a class or attr_list's ``{: …}`` (``{#duan}``, ``{.red}``, ``{: .note}``,
# ``｛：#duan｝``). A class begins with a letter (``{...}`` is an ellipsis); not after a backslash (``\{#duan}`` is
# text as typed) nor in a template's double braces (``{{ page.title }}``, text too).
_TEXT_BRACES_RE = compile_later(r"(?<![\\{｛])[{｛](?![{｛])[ \t\u3000]*(?:[:：#＃]|[.．][^\W\d])[^{}｛｝\n]*[}｝]"
                                r"[ \t\u3000]*$")
# The signs before a line's text: a quote's, then a list item's.
_TEXT_SIGNS_RE = compile_later(r"^[ \t]*(?:>[ \t]?)*(?P<item>(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?")


def _text_braces_id(typed: str) -> str | None:
    """The id braces ``typed`` at a line's end (`_TEXT_BRACES_RE`) were meant to give, as a heading would take it
    (``{#duan}``, ``{: #duan .note}``, ``｛#duan｝``: duan); None when they name none a heading could take."""
    words = unicodedata.normalize("NFKC", typed)[1:-1].strip().removeprefix(":").split()
    names = [word[1:] for word in words if word.startswith("#")]
    # "-" stands for a heading's text before the braces, which `heading_id_fault` asks for.
    return names[0] if names and not heading_id_fault(names[0], "-") else None


def _text_id_hint(before: str, alone: bool, heading: str, name: str | None) -> str:
    """The hint of `text_id_problems` for braces naming the id ``name`` (None: none, or one no heading may be
    offered), typed after ``before`` on their line or ``alone`` on it, right under the "#" heading line
    ``heading`` ("" when not): the line without them, and a heading to type with the id."""
    if name is not None and heading and not HEADING_BRACES_RE.search(heading):  # ## 下, then {#xia} under it
        return paste_hint("delete this line and type the id at the end of the heading above", f"{heading} {{#{name}}}")
    hint = "delete this line" if alone else paste_hint("delete it", before)
    if name is None:
        return hint
    return f"{hint}; to link to this place, type a heading with this id above the text: ## 小标题 {{#{name}}}"


def text_id_problems(source: str, lines: list[str], text: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for braces typed at the end of a paragraph's or a list item's line, or on a line of their own,
    as attr_list, Pandoc or Hugo would read them (`_TEXT_BRACES_RE`: ``这一段 {#duan}``, ``- 一项 {.red}``,
    ``{: #duan}``, ``｛#duan｝``), at the opening brace.

    Takes the body, its lines, the page's plain ``text`` and where the body
    is. sitegen takes an id only at a heading's end (`HeadingIds`) and no
    class anywhere, so the page shows such braces as text: the hint gives
    the line without them, or deletes a line of braces alone, and offers a
    heading with the id typed, the way to name a place to link to. Braces
    the page does not show as typed (in code, a heading, escaped) are left
    alone, and so are braces inside a line.
    """
    if "{" not in source and "｛" not in source:
        return []
    texts = list(_heading_texts(lines))
    headings = {index for index, _, _ in texts}
    # The ids the page's headings and layout have: a heading offered with one of them would be warned.
    places = {slugify_heading(heading, "-") for *_, heading in texts} | LAYOUT_IDS
    places |= {typed.group("id") for *_, heading in texts if (typed := typed_heading_id(heading)) is not None}
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = (_TEXT_BRACES_RE.search(without_code_spans(line))
                 if index not in headings and ("{" in line or "｛" in line) else None)
        if found is None or found.group().rstrip() not in text or line.lstrip(" >").startswith("|"):
            continue
        typed, before = found.group().rstrip(), line[:found.start()].rstrip()
        signs = _TEXT_SIGNS_RE.match(before)
        alone = signs is not None and not before[signs.end():].strip()
        name = _text_braces_id(typed)
        item = bool(signs is not None and signs.group("item"))
        where = ("on a line of its own" if alone else "at the end of this list item" if item else
                 "at the end of this paragraph")
        why = (f"{where} gives {'no text an' if alone else 'it no'} id (锚点): sitegen takes an id {{#…}} only at "
               "the end of a heading (标题) line" if "#" in unicodedata.normalize("NFKC", typed) else
               f"{where} gives {'no text a' if alone else 'it no'} class or style: sitegen takes none (the theme "
               "formats the page)")
        heading = _CLOSING_SIGNS_RE.sub("", lines[index - 1]).rstrip() if alone and index - 1 in headings else ""
        hint = _text_id_hint(before, alone, heading, name if not item and name not in places else None)
        problems.append(Problem(path, first_line + index, found.start() + 1, "warning",
                                f'"{typed}" {why}, so the page shows it as text: {clipped(line.strip())}', hint))
    return problems
