"""Source-level checks of lists: what an indent turned into text, sub-items shown as text, lazy lines.

Job: warn headings, list items and quotes that their indent turned into
plain text (`indented_marker_problems`), a list item's line right under an
item that the page shows as text, and a text line that opens a list or a
table typed right under a list item, which Markdown takes as that item's
(a "lazy" line: `lazy_line_problems`).

May import: errors, lazyre, markupbits, markupblocks, markupcheckbits (and the standard library).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from .errors import Problem
from .lazyre import compile_later
from .markupbits import FENCE_RE, HR_RE, LIST_ITEM_RE, NOTE_OR_DEFINITION_RE, SETEXT_RE, clipped, not_paragraph
from .markupblocks import block_start, item_above, item_kind
from .markupcheckbits import is_year_item, outside_fences, spaces_named

# A line that would start a heading, list item or quote, were it not indented: by spaces (four or more, or
# fewer after a paragraph line), a tab or full-width spaces (U+3000, Word's first-line indent in Chinese).
# "1)" is left out: Python-Markdown reads no list item from it, indented or not, so no indent is to blame.
_INDENTED_MARKER_RE = compile_later(r"^(?P<indent>[ \t\u3000]+)(?P<marker>#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])"
                                 r"|\d{1,9}\.(?=[ \t])|>)", re.MULTILINE)
_MARKER_KINDS = (("#", "heading (标题)"), (">", "quote (引用)"), ("", "list item (列表)"))
_INLINE_SIGNS_RE = compile_later(r"[*_`\[\]<>&!\\]")


def indented_marker_problems(source: str, lines: list[str], clean_html: str, path: str,
                             first_line: int) -> list[Problem]:
    """Warnings for headings, list items and quotes that their indent turned into plain text.

    A line such as ``    ## 标题`` or ``　　- 项目`` (pasted with Word's
    indent, or typed after full-width spaces) is not a heading or list item
    to Markdown: the page shows ``##`` or ``-`` as text. Each such line is
    warned at column 1 when the converted HTML shows its marker as typed
    (so an indented item of a nested list, which Markdown reads as one, is
    not). A list item's line right under an item of a list
    (`_under_list_item`) is told as the sub-item it was meant to be
    (`_text_sub_item_problem`): deleting its indent would keep it text.
    Fenced code is left alone. Found while converting: the Markdown cache
    keeps the warnings.
    """
    if not _INDENTED_MARKER_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _INDENTED_MARKER_RE.match(line)
        if not found:
            continue
        typed = line[found.end("indent"):].rstrip()
        if not shown_as_typed(typed, clean_html) or is_year_item(typed):
            continue  # Markdown read it (an item of a nested list, say), or a year shown as typed, as meant
        marker = found.group("marker")
        kind = next(name for sign, name in _MARKER_KINDS if marker.startswith(sign))
        indent = found.group("indent")
        if kind == _MARKER_KINDS[-1][1] and _under_list_item(lines, index):
            problems.append(_text_sub_item_problem(indent, marker, typed, path, first_line + index))
            continue
        spaces, chinese = _indent_names(indent)
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f"this line starts with {'a ' if spaces == 'tab' else ''}{spaces} ({chinese}), so Markdown does not read it as a {kind}; "
            f'the page shows "{marker}" as text: {clipped(typed)}',
            f'delete the {spaces} before "{marker}" (删去行首的{chinese}): a {kind.split(" (")[0]} starts '
            "at the beginning of its line"))
    return problems


def shown_as_typed(typed: str, clean_html: str) -> bool:
    """True when the page's HTML ``clean_html`` shows ``typed`` (a line from its marker on: ``- 子项``,
    ``## 标题``) as text, marker and all: Markdown read no list item, heading or quote from it.

    Compared up to the first sign that inline Markdown may change (``*``,
    a link's ``[``...), which the page does not show as typed; a marker's
    own first character (the ``*`` of ``* 子项``, ``>``) is not such a sign.
    Such a line starts a line of the HTML or follows a tag (``<p>``,
    ``<br>``): so ``- **子项**``, compared as ``- ``, is not taken as shown
    by a ``价格 - **很**低`` elsewhere.
    """
    cut = _INLINE_SIGNS_RE.search(typed, 1)
    shown = html.escape(typed[:cut.start() if cut else None], quote=False)
    return shown in clean_html and re.search(
        f"(?:^|>)[ \\t\\u3000]*{re.escape(shown)}", clean_html, re.MULTILINE) is not None


def _under_list_item(lines: Sequence[str], index: int) -> bool:
    """True when the line at ``index`` of ``lines`` goes on an item of a list, to Python-Markdown.

    It does when the lines right above it, with no blank line between and
    none that starts a block of its own (a heading, a quote, HTML, a line
    indented by 4 spaces or a tab, a fence), lead up to a list item at most
    3 spaces in (`LIST_ITEM_RE`). A line there that Markdown reads as no
    item of that list is more of the item's text (a "lazy" line, in
    Python-Markdown's list processor).
    """
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if LIST_ITEM_RE.match(line) and not HR_RE.match(line):
            return True
        if not line.strip() or not_paragraph(line) or FENCE_RE.match(line):
            return False
    return False


def _indent_names(indent: str) -> tuple[str, str]:
    """Return the English and Chinese names of what ``indent`` (the start of a line) is typed with:
    full-width spaces, a tab, or spaces."""
    if "\u3000" in indent:
        return "full-width spaces", "全角空格"
    return ("tab", "制表符") if "\t" in indent else ("spaces", "空格")


def _text_sub_item_problem(indent: str, marker: str, typed: str, path: str, line: int) -> Problem:
    """Return the warning for a list item's line right under an item of a list, which the page shows as text.

    Takes the line's indent, its marker (``-``, ``1.``), the line from the
    marker on, the file's path and the file line. Under ``1. 第一项``, the
    line ``   - 子项`` is indented too little for a sub-item
    (Python-Markdown nests from 4 spaces, its tab length) and its ``-``
    does not go on a numbered list (the ``sane_lists`` extension), so the
    page shows it as more of the item's text; so is ``1.`` under ``-``.
    Deleting the indent would keep it text: 4 spaces make it the sub-item
    (下一级) meant.
    """
    if indent.strip(" "):
        spaces, chinese = _indent_names(indent)
        what = f"{'a ' if spaces == 'tab' else ''}{spaces} ({chinese})"
        fix = f"4 ordinary spaces (半角空格) instead of the {spaces}"
    else:
        what, fix = spaces_named(len(indent)), "4 spaces"
    return Problem(
        path, line, 1, "warning",
        f"this line is indented by {what}, so Markdown does not read it as a sub-item (下一级) but as more text "
        f'of the item above; the page shows "{marker}" as text: {clipped(typed)}',
        f"to make it a sub-item (下一级), indent it by {fix}")


# A list item's line at most 3 spaces in, and the line under it at the left margin: a lazy line, maybe.
_ITEM_THEN_MARGIN_RE = compile_later(r"^ {0,3}(?:[-*+]|\d{1,9}\.)[ \t]+\S[^\n]*\n(?:[ \t\u3000]+\S[^\n]*\n)*"
                                     r"(?![ \t\u3000\n#>])", re.MULTILINE)


def lazy_line_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a text line that opens a list or table (``主要有：``) typed right under a list item.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. ``- 第二点``, then ``主要有：`` and ``- 甲`` on the
    next lines, with no blank line between, is one list to Markdown: the
    page shows ``主要有：`` as a second line of the item 第二点 ("lazy"
    lines) and 甲 as one more item of the same list, not as a paragraph and
    the new list it opens; over a table (which `open_blocks` takes out of
    the item) the line stays the item's. Told when a run of such lines ends
    with a colon (：or :) and a list item or table follows it, at the run's
    first line; a run without that is taken as the item's own line (a line
    break typed in the item, as Word's Shift+Enter gives,
    `control_problems`). A blank line above it makes it a paragraph (the
    list under it is then a new list); indenting the run, and the list
    under it by 4 spaces, keeps both in the item, as Markdown means.
    Lines that start a block of their own (headings, quotes, HTML, rules,
    tables, notes) are not taken. Fenced code is left alone.
    """
    if not _ITEM_THEN_MARGIN_RE.search(source):
        return []
    problems: list[Problem] = []
    inside = dict(outside_fences(lines))
    index = 1
    while index < len(lines):
        run = 0
        while (run or LIST_ITEM_RE.match(lines[index - 1]) or lines[index - 1][:1] in (" ", "\t")) \
                and _taken_by_item(lines, index + run, inside):
            run += 1
        below = index + run
        opened = block_start(lines[below].rstrip(" \t"), lines[below + 1] if below + 1 < len(lines) else "") \
            if run and below < len(lines) else ""
        if opened and lines[below - 1].rstrip(" \t").endswith(("：", ":")) and index - 1 in inside \
                and _under_list_item(lines, index):
            if opened == "list" and item_kind(lines[below]) != item_kind(item_above(lines, index, 3)):
                opened = "other list"  # `open_blocks` ends the list above it: the line alone is the item's
            problems.append(_lazy_line_problem(lines, index, run, opened, path, first_line))
        index += run or 1
    return problems


def _taken_by_item(lines: list[str], index: int, inside: Mapping[int, str]) -> bool:
    """True when the line at ``index`` (outside fences) is text at the left margin that a list item above
    would take as its own: no list item, heading, quote, HTML, rule, underline, table or definition."""
    if index >= len(lines) or index not in inside:
        return False
    line = lines[index].rstrip(" \t")
    next_line = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(line) and line[:1] not in (" ", "\t", "\u3000") and not (
        not_paragraph(line) or FENCE_RE.match(line) or HR_RE.match(line) or SETEXT_RE.match(line)
        or block_start(line, next_line) or NOTE_OR_DEFINITION_RE.match(line))


def _lazy_line_problem(lines: list[str], index: int, run: int, opened: str, path: str,
                       first_line: int) -> Problem:
    """The warning of `lazy_line_problems` for the ``run`` lines from ``index``, a "list", an "other list"
    (of the other kind than the item's) or a "table" (``opened``) under them: the item's text is as far in as its marker and the space after it (at most 3
    spaces, which keep it in the item). A list under it goes in the item as its sub-list only at 4 spaces
    (Python-Markdown's tab length; at 2 its items stay the outer list's); a table cannot (`open_blocks`)."""
    item = next(lines[above] for above in range(index - 1, -1, -1) if LIST_ITEM_RE.match(lines[above]))
    marker = re.match(r" *(?:[-*+]|\d+\.)[ \t]", item)
    indent = min(len(marker.group()) if marker else 2, 3)
    which = "it" if run == 1 else f"it and the {'line' if run == 2 else f'{run - 1} lines'} below it"
    return Problem(
        path, first_line + index, 1, "warning",
        "this line is right under a list item (列表), with no blank line between, so Markdown reads it as "
        "more text of that item" + (" and the list under it as more items of the same list, not as a paragraph "
                                    "that opens a new list" if opened == "list" else
                                    ", not as a paragraph over the list (列表) under it" if opened == "other list"
                                    else ", not as a paragraph over the table (表格) under it")
        + f": {clipped(lines[index].strip())}",
        f"for a paragraph of its own, leave a blank line above it; to keep it in the item, indent {which} "
        f"by {spaces_named(indent)}" + (" and each line of the list under it by 4 spaces (its sub-items, 下一级)"
                                   if opened != "table" else ""))
