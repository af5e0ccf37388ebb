"""The blocks of the Markdown extension: lists and tables right under a text line, lists' ends, tables, notes.

Job: the preprocessor that puts a blank line before a list, a table or a
first-line indent typed right under a text line (`open_blocks`), where a
list ends (`_ListEnds`), and the tree processors that wrap wide tables
and name footnotes' links.

May import: markupbits (and Python-Markdown and the standard library).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .markupbits import (CLOSES_HTML_RE, FENCE_RE, FIRST_LINE_INDENT_RE, HEADING_TAGS, HR_RE, LIST_ITEM_RE,
                         NOTES_HEADING, NOTE_OR_DEFINITION_RE, QUOTE_PREFIX_RE, TABLE_DELIMITER_RE, not_paragraph)

# --------------------------------------------------------------------------
# Markdown extension: blank lines before lists/tables, scrollable tables
# --------------------------------------------------------------------------

def open_blocks(lines: list[str]) -> list[str]:
    """Insert a blank line where a list or table starts right under a text line.

    Takes the body's lines (no newline characters) and returns new lines:
    trailing spaces/tabs removed, and ``""`` inserted before a list item
    (``-``, ``*``, ``+``, ``1.``) or a pipe-table header that directly follows
    a paragraph line (case 14), also one under a heading, a rule, a fence,
    an HTML comment or a table (each ends at its own line, so the text line
    under it begins a paragraph); before a table right under a list item;
    before a line with no ``|`` under a table (it ends the table, rather
    than being a row); before a list or table right under a quote (``>``
    lines are opened the same way inside the quote, with ``>``). A text line
    indented by 4 spaces, a tab or full-width spaces (Word's first-line
    indent, 首行缩进) under a list that ends there is a paragraph of its own:
    a blank line goes before it and its spaces and tabs are taken off, so
    that Python-Markdown does not make it the last item's text (where the
    list goes on after it, `_ListEnds`, it stays that item's); so is one
    under a paragraph's line, or under a quote. A list item of the other
    kind (numbered or bulleted) or a quote right under a list's item, no
    further in than that item, gets a blank line before it. Lines inside
    fenced code (``` or ~~~) are left exactly as they are, and so are quotes
    more than 16 deep. Never raises.
    """
    return [line for line, _ in opened_lines(lines)]


# Quotes in quotes opened inside: deeper ones are left as typed (each level is one more call).
_OPENED_QUOTE_DEPTH = 16


def opened_lines(lines: Sequence[str], depth: int = 0) -> list[tuple[str, int]]:
    """:func:`open_blocks`, each line returned with the index in ``lines`` it comes from (-1: a line added);
    ``depth``: how many quotes hold ``lines``."""
    out: list[tuple[str, int]] = []
    fence = ""
    block = ""  # "", "para", "note" (a note's or link definition's text), "list", "table", "html"
    lists = _ListEnds(lines)
    # "list": a list is open (to Python-Markdown an indented block here is its last item's); "nested": one
    # whose items hold an indented block or sub-item, so its author indents as Markdown means; "": none.
    after_list = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence:
            out.append((line, index))
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence, block = "", ""
        elif match := FENCE_RE.match(line):
            fence, block, after_list = match.group(1), "", ""
            out.append((line, index))
        elif QUOTE_PREFIX_RE.match(line):
            end = quote_end(lines, index)
            if block == "list" and _ends_list(lines, index, line):
                out.append(("", -1))  # a quote no further in than the item above is not in it, as in CommonMark
            if depth < _OPENED_QUOTE_DEPTH:
                out += _opened_quote(lines, index, end, depth + 1)
            else:
                out += [(lines[at], at) for at in range(index, end)]
            if end < len(lines) and lines[end].strip():
                out.append(("", -1))  # the list, table or indented paragraph under it is not in it (no ">")
            block, after_list, index = "", "", end
            continue
        else:
            line = line.rstrip(" \t")
            if block == "table" and line and "|" not in line and not TABLE_DELIMITER_RE.match(line):
                out.append(("", -1))  # a line without "|" is no row: the table ended above it
                block = ""
            if after_list == "list" and lists.first_line_indent(index, line):
                if block:
                    out.append(("", -1))
                out.append((line.lstrip(" \t"), index))
                block, after_list = "para", ""
            else:
                block, after_list = _opened_line(out, line, index, lines, block, after_list)
        index += 1
    return out


def _opened_line(out: list[tuple[str, int]], line: str, index: int, lines: Sequence[str], block: str,
                 after_list: str) -> tuple[str, str]:
    """Append ``line`` (at ``index`` of ``lines``, outside fences and quotes, trailing spaces off) to ``out``,
    a blank line before it if it opens a list or table under text; return the new ``block`` and ``after_list``
    of `opened_lines`."""
    if not line:
        out.append((line, index))
        return "", after_list
    starts = block_start(line, lines[index + 1] if index + 1 < len(lines) else "")
    if block in ("para", "note") and starts or block == "list" and starts == "table":
        out.append(("", -1))
    elif block == "list" and starts == "list" and _ends_list(lines, index, line):
        out.append(("", -1))  # a list of the other kind: Python-Markdown would show it as the last item's text
    elif block == "para" and _first_line_indented(line):
        out.append(("", -1))  # Word's first-line indent (首行缩进) under a paragraph's line starts the next one
    out.append((line, index))
    indented = line[:1] in (" ", "\t", "\u3000")
    if starts == "list" or after_list and line.startswith((" " * 4, "\t")):
        after_list = "nested" if after_list == "nested" or line.startswith((" " * 4, "\t")) else "list"
    elif not indented and (block != "list" or starts or line.startswith("#")):
        after_list = ""
    if starts:
        return starts, after_list
    if line.startswith("#"):
        return "", after_list  # a heading is one line: the text under it begins a paragraph
    if block == "html" or not block and not_paragraph(line) and not indented:
        return ("" if CLOSES_HTML_RE.search(line) else "html"), after_list
    if not block:
        # Indented code blocks are off: an indented line begins a paragraph, unless the list above takes it.
        if after_list and indented:
            return "list", after_list
        # A note's lines under its first are indented as Markdown asks, by 4 spaces: no first-line indent.
        return ("note" if NOTE_OR_DEFINITION_RE.match(line) else "para"), after_list
    return block, after_list


def _first_line_indented(line: str) -> bool:
    """True when ``line`` (trailing spaces off) is text typed with Word's first-line indent (首行缩进: 4
    spaces, a tab or full-width spaces), not an indented list item, heading, quote, HTML, fence or rule
    (`indented_marker_problems` tells of those)."""
    if not FIRST_LINE_INDENT_RE.match(line):
        return False
    text = line.lstrip(" \t\u3000")
    return bool(text) and not (LIST_ITEM_RE.match(text) or not_paragraph(text) or FENCE_RE.match(text)
                               or HR_RE.match(text))


def item_kind(line: str) -> str:
    """"ol" when ``line`` is a numbered list item (``1.``) at most 3 spaces in, "ul" when a bulleted one
    (``-``, ``*``, ``+``), else ""."""
    if not LIST_ITEM_RE.match(line) or HR_RE.match(line):
        return ""
    return "ol" if line.lstrip(" ")[:1].isdigit() else "ul"


def spaces_in(line: str) -> int:
    """How many spaces ``line`` starts with."""
    return len(line) - len(line.lstrip(" "))


def item_above(lines: Sequence[str], index: int, indent: int) -> str:
    """The nearest list item at most ``indent`` spaces in above the line at ``index`` of ``lines``, in the
    list there (its items' lines, lazy ones too, and blank lines with indented lines under them); "" if
    none."""
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if item_kind(line) and spaces_in(line) <= indent:
            return line
        if not line.strip() and (above + 1 == index or lines[above + 1][:1] not in (" ", "\t", "\u3000")):
            return ""  # a blank line the list ends at
    return ""


def _ends_list(lines: Sequence[str], index: int, line: str) -> bool:
    """True when ``line`` (at ``index`` of ``lines``), a list item or a quote right under a list's item, is
    no further in than that item and so starts a block of its own, as CommonMark reads it: a quote, or an
    item of the other kind (numbered under bulleted, or bulleted under numbered)."""
    item = item_above(lines, index, spaces_in(line))
    if not item or spaces_in(item) < spaces_in(line):
        return False  # further in: a sub-item or quote meant for the item (or warned as its text)
    kind = item_kind(line)
    return not kind or kind != item_kind(item)


def quote_end(lines: Sequence[str], index: int) -> int:
    """The index of the first line after the quote that starts at ``index`` of ``lines``.

    The quote runs over its ``>`` lines and the text lines right under them
    that Python-Markdown takes into it (lazy lines); it ends at a blank
    line, a fence, a list item or table typed without ``>``, or a line
    typed with a first-line indent (首行缩进, the next paragraph pasted
    from Word).
    """
    end = index + 1
    while end < len(lines):
        line = lines[end]
        if not QUOTE_PREFIX_RE.match(line) and (
                not line.strip() or FENCE_RE.match(line) or _first_line_indented(line.rstrip(" \t"))
                or block_start(line.rstrip(" \t"), lines[end + 1] if end + 1 < len(lines) else "")):
            break
        end += 1
    return end


def _opened_quote(lines: Sequence[str], start: int, end: int, depth: int) -> list[tuple[str, int]]:
    """The quote ``lines[start:end]`` opened inside: its text after ``>`` is opened as a body is
    (`opened_lines`, at ``depth``), each line given back its ``>``; a line added is ``">"``."""
    prefixes: list[str] = []
    inside: list[str] = []
    for line in lines[start:end]:
        found = QUOTE_PREFIX_RE.match(line)
        cut = found.end() if found else 0
        prefixes.append(line[:cut])
        inside.append(line[cut:])
    return [((prefixes[at] + line if line else prefixes[at].rstrip(" \t")) if at >= 0 else ">",
             start + at if at >= 0 else -1) for line, at in opened_lines(inside, depth)]


class _ListEnds:
    """Tells, for an indented line under a list, whether the list goes on after it (`opened_lines`).

    Remembers the last line looked at, so that a long run of indented lines
    is looked through once.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._until = -1  # the lines before this index share the next line at the left margin, found last
        self._item = False  # that line is a list item
        self._blank = False  # a blank line is right above it

    def first_line_indent(self, index: int, line: str) -> bool:
        """True when ``line`` (at ``index``, trailing spaces off), under an open list, is a paragraph typed
        with a first-line indent (4 spaces, a tab or full-width spaces) that the list does not go on after.

        It goes on when a list item is the next line at the left margin, with
        a blank line above that item if one is above ``line`` too (an item's
        second paragraph, as Markdown writes it). A blank line above the
        indented paragraph and none under it, before the next item, is a
        paragraph of its own between two lists (Python-Markdown would show
        that item's "-" as more of the paragraph's text).
        """
        if not _first_line_indented(line):
            return False  # a sub-item, an indented heading or quote (`indented_marker_problems`), a fence
        if index >= self._until:
            self._until, self._item, self._blank = self._next_margin_line(index)
            # An item of the other kind (1. under -, - under 1.) begins a list of its own, not this one's.
            self._item = self._item and item_kind(self._lines[self._until]) == next(
                (kind for above in range(index - 1, -1, -1) if (kind := item_kind(self._lines[above]))), "")
        after_blank = index > 0 and not self._lines[index - 1].strip()
        return not (self._item and (self._blank or not after_blank))

    def _next_margin_line(self, index: int) -> tuple[int, bool, bool]:
        """The index of the first line after ``index`` at the left margin (not blank or indented), whether it
        is a list item, and whether a blank line is right above it; ``len(lines)``, False, False if none."""
        for after in range(index + 1, len(self._lines)):
            line = self._lines[after]
            item = bool(item_kind(line))
            if item or line.strip() and line[:1] not in (" ", "\t", "\u3000"):
                return after, item, not self._lines[after - 1].strip()  # an item may be 1-3 spaces in
        return len(self._lines), False, False


def block_start(line: str, next_line: str) -> str:
    """Return "list" or "table" when ``line`` starts one, else ""."""
    if LIST_ITEM_RE.match(line) and not HR_RE.match(line):
        return "list"
    if "|" in line and "|" in next_line and TABLE_DELIMITER_RE.match(next_line):
        return "table"
    return ""


class OpenBlocksPreprocessor(Preprocessor):
    """Runs :func:`open_blocks` before Python-Markdown parses blocks."""

    def run(self, lines: list[str]) -> list[str]:
        return open_blocks(lines)


class TableScrollTreeprocessor(Treeprocessor):
    """Wraps every ``<table>`` in a focusable, labelled scroll region."""

    def run(self, root: etree.Element) -> None:
        # Tables usually sit at the top level: stop looking once all are wrapped.
        left = sum(1 for _ in root.iter("table"))
        for parent in list(root.iter()) if left else ():
            for position, child in enumerate(list(parent)):
                if child.tag == "table":
                    parent.remove(child)
                    parent.insert(position, _scroll_wrapper(child))
                    left -= 1
            if not left:
                break


class FootnoteLinkNames(Treeprocessor):
    """Names a footnote's mark and its way back for screen readers: ``aria-label="注释 1"`` on the mark (its
    text is the number alone) and the back link's title (返回正文第 1 处注释) as its ``aria-label`` (its text
    is ↩, and a title is not read as a link's name). The notes get a heading, ``<h2
    class="footnotes-heading">注释</h2>``, under the rule that opens their ``<div class="footnote">``, unless a
    heading typed in the text stands right above them (``## 注释``): the theme's label was drawn by CSS, which a
    screen reader's list of headings does not hold (WCAG 1.3.1). It is sitegen's, not the editor's: the text,
    the count of 字 and the headings of a page leave it out (`TextCollector`)."""

    def run(self, root: etree.Element) -> None:
        for notes in root.iter("div"):
            if notes.get("class") == "footnote":
                above = list(root)
                place = above.index(notes) if notes in above else 0
                if place and above[place - 1].tag in HEADING_TAGS:
                    break  # "## 注释" typed above the notes: they have a heading
                heading = etree.Element("h2", dict(NOTES_HEADING))
                heading.text = "注释"
                notes.insert(1 if len(notes) and notes[0].tag == "hr" else 0, heading)
                break
        # A note's links back, one per mark, share its title (返回正文第 1 处注释, numbered by the note).
        backs: dict[str, list[etree.Element]] = {}
        for link in root.iter("a"):
            kind = link.get("class")
            if kind == "footnote-ref":
                link.set("aria-label", f"注释 {link.text}")
            elif kind == "footnote-backref" and link.get("title"):
                backs.setdefault(link.get("title", ""), []).append(link)
        for links in backs.values():
            # A note cited twice has a link back to each mark: each names which (第 2 处引用), or both read alike.
            for number, link in enumerate(links, 1):
                link.set("aria-label", link.get("title", "") + (f"（第 {number} 处引用）" if len(links) > 1 else ""))


def _scroll_wrapper(table: etree.Element) -> etree.Element:
    """Return ``<div class="table-scroll" role="region" tabindex="0" aria-label>`` around ``table``, whose
    header cells in ``<thead>`` get ``scope="col"`` (WCAG 1.3.1: each names the column under it). A table typed
    in HTML is not in the tree, and is kept as typed."""
    for head in table.iter("thead"):
        for cell in head.iter("th"):
            cell.attrib.setdefault("scope", "col")
    headers = [_tree_text(cell) for cell in table.iter("th")]
    label = "表格"
    if any(headers):
        label += "：" + "、".join(h for h in headers[:6] if h)
    wrapper = etree.Element("div", {
        "class": "table-scroll", "role": "region", "tabindex": "0", "aria-label": label,
    })
    wrapper.tail, table.tail = table.tail, None
    wrapper.text = "\n"
    wrapper.append(table)
    table.tail = "\n"
    return wrapper


def _tree_text(element: etree.Element) -> str:
    """Plain text of an element during tree processing (placeholders removed)."""
    text = "".join(element.itertext()).replace(AMP_SUBSTITUTE, "&")
    text = re.sub("\x02[^\x03]*\x03", "", html.unescape(text))
    return " ".join(text.split())
