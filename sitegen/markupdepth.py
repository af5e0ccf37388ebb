"""Lists nested deeper than sitegen converts: found before Markdown reads them, told at their line, kept as text.

Job: find a body whose list items are nested more than `MAX_LIST_LEVELS`
levels deep (`too_deep_line`) and give its rendering (`kept_as_text`): its
lines as text and one error. Python-Markdown reads each level of a list
with a few more nested calls, so where it gives up depends on its release
and on how deep its caller already is: 3.11.3 and older raise
RecursionError at some 245 levels; 3.11.4 stops nesting some 100 calls
short of the interpreter's limit (about 224 levels from a shallow caller,
far fewer from a deep one) and shows the rest of the markers as text,
unwarned. A fixed limit, checked here first, gives every release and every
caller the same page and the same message.

May import: errors, lazyre, markupbits, markuptext (and the standard library).
"""

from __future__ import annotations

import html
import re

from .errors import Problem
from .lazyre import compile_later
from .markupbits import RenderedMarkdown
from .markuptext import count_words

MAX_LIST_LEVELS = 100
"""The deepest list sitegen converts, in levels (the top level is 1): a text rarely needs more than 3, and
Python-Markdown nests 100 levels on every release and from any caller sitegen has (about 400 of the
interpreter's 1,000 calls)."""

# A line whose quote signs and indent could reach MAX_LIST_LEVELS: 4 spaces a level of list (a tab counts 4),
# a quote sign a level. Shorter prefixes cannot, so most bodies are passed by one search.
_DEEP_PREFIX_RE = compile_later(r"^[ \t>]{%d,}" % MAX_LIST_LEVELS, re.MULTILINE)
_PREFIX_RE = compile_later(r"[ \t>]*")
_LIST_MARKER_RE = compile_later(r"(?:[-*+]|\d{1,9}\.)(?:[ \t]|$)")  # Python-Markdown reads no item from "1)"


def list_level(line: str) -> int:
    """The list level a line's item would be at, by its prefix: 0 for a line that starts no list item.

    Takes one line of a body (str, no newline). Returns an int: for a line
    whose quote signs and indent are followed by a list marker (``-``,
    ``*``, ``+`` or ``1.`` and a space), 1 + its indent // 4, as
    Python-Markdown nests a sub-item 4 spaces further in (a tab counts 4,
    and a quote sign with the space after it starts counting anew, as a
    quotation's text does). Does not raise.
    """
    prefix = _PREFIX_RE.match(line).group()
    if not _LIST_MARKER_RE.match(line, len(prefix)):
        return 0
    after_quotes = prefix.rsplit(">", 1)[-1]
    if after_quotes.startswith(" ") and ">" in prefix:
        after_quotes = after_quotes[1:]  # the one space a quote sign takes
    return 1 + len(after_quotes.replace("\t", "    ")) // 4


def too_deep_line(source: str, lines: list[str]) -> int | None:
    """The 0-based index of the deepest list item nested over `MAX_LIST_LEVELS` levels, or None.

    Takes a body (str, newlines ``\\n``) and its lines. Returns the index in
    ``lines`` of the line whose `list_level` is highest, when that level is
    over `MAX_LIST_LEVELS` (the first such line when several tie), else
    None. One search over the body when no line has a prefix that long.
    Does not raise.
    """
    if _DEEP_PREFIX_RE.search(source) is None:
        return None
    levels = [list_level(line) for line in lines]
    deepest = max(levels)
    return levels.index(deepest) if deepest > MAX_LIST_LEVELS else None


def kept_as_text(lines: list[str], index: int | None, path: str, first_line: int) -> RenderedMarkdown:
    """The rendering of a body not converted: its lines as text, one paragraph, nothing lost, and one error.

    Takes the body's lines, the 0-based index of the line to tell (from
    `too_deep_line`; None when Python-Markdown itself gave up, which then
    tells the line that begins furthest in), the file's path relative to
    the site root and the file line of the body's first line. Returns a
    `RenderedMarkdown` whose one problem is an error, which stops the build
    (the last good output is kept). Does not raise.
    """
    starts = [len(line) - len(line.lstrip(" \t>\u3000")) for line in lines]
    if index is None:
        index = starts.index(max(starts))
    level = list_level(lines[index])
    message = (f"this list is nested too deep (嵌套过深): this item is at level {level}, and sitegen converts lists "
               f"of at most {MAX_LIST_LEVELS} levels, so the text is kept as typed" if level > MAX_LIST_LEVELS else
               "Markdown cannot read this text: its lists or quotes are nested too deep (嵌套过深); this line "
               f"begins after {starts[index]} spaces and quote signs")
    text = "\n".join(line.strip() for line in lines if line.strip())
    problem = Problem(
        path, first_line + index, 1, "error", message,
        "indent the lines less, or leave a blank line between them and start them at the left margin: a list "
        "inside a list item takes 4 more spaces a level, and a text rarely needs more than 3 levels")
    html_text = "<br>\n".join(html.escape(line, quote=False) for line in text.split("\n"))
    return RenderedMarkdown(html=f"<p>{html_text}</p>" if text else "", headings=(), text=text,
                            word_count=count_words(text), problems=(problem,), lead=text)
