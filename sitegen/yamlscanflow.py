"""The line scan's checks inside brackets (``[...]``, ``{...}``), across lines.

Job: `scan_flow` follows the brackets and the quotes inside them, and tells
odd spaces between their items, an item that begins with ``#``, a "#" after a
space that swallows the closing bracket (`flow_comment_issue`, which the
explanation of a parse error gives too), and a note typed after a full-width
space.

May import: errors, lazyre, yamlbits, yamllines, yamlscancomments (and the standard library).
"""

from __future__ import annotations

import re

from .errors import WIDE_SPACES, paste_hint, space_name
from .lazyre import compile_later
from .yamlbits import GAP, Issue, Scan
from .yamllines import clip, in_quotes, previous_char, quote_end
from .yamlscancomments import wide_note_words


_FLOW_SPECIAL = compile_later(r"[\"'\[\]{}#]")


_FLOW_ODD_GAP = compile_later(f"(?<=[\\[{{,])[ \t]*[{WIDE_SPACES}][ \t{WIDE_SPACES}]*"
                           f"|[ \t]*[{WIDE_SPACES}][ \t{WIDE_SPACES}]*(?=[,\\]}}])")
"""Odd spaces (full-width, no-break …) after ``[``, ``{`` or a comma, or before a comma, ``]`` or ``}``."""


def _check_flow_gaps(scan: Scan, number: int, line: str, pos: int) -> None:
    """Report odd spaces between the items of brackets on the line from ``pos`` (none inside quotes opened above).

    YAML keeps them in the item: ``tags: [大调研,　补短板]`` published the tag "　补短板", a term apart from
    补短板. Told once per line, at the first, with the line as it is meant (ordinary spaces after each comma).
    """
    if scan.flow_quote:
        return
    found = next((match for match in _FLOW_ODD_GAP.finditer(line, pos)
                  if not _inside_quotes(line, pos, match.start())), None)
    if found is None:
        return
    char = next(char for char in found.group() if char in WIDE_SPACES)
    fixed = line[:pos] + _FLOW_ODD_GAP.sub(
        lambda gap: " " if gap.string[gap.start() - 1:gap.start()] == "," else "", line[pos:])
    scan.issues.append(Issue(
        number, found.start() + found.group().index(char),
        f"{space_name(char)} stands between the items in the brackets, so YAML keeps it as part of an item",
        paste_hint("type an ordinary space after each comma, and none after [ or before ]", fixed.rstrip())))


def _inside_quotes(line: str, start: int, index: int) -> bool:
    """True when ``index`` of ``line`` stands inside quotes opened after ``start`` (a quote opens after ``[``,
    ``{``, a comma or a colon, as in brackets)."""
    quote = ""
    for at in range(start, index):
        char = line[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and previous_char(line, at) in ("", "[", "{", ",", ":"):
            quote = char
    return bool(quote)


def scan_flow(scan: Scan, number: int, line: str, pos: int) -> None:
    """Follow ``[...]``/``{...}`` nesting and quotes inside them, across lines."""
    _check_flow_gaps(scan, number, line, pos)
    scan.mode = "flow"
    start, depth = pos, scan.flow_depth
    while True:
        if scan.flow_quote:
            end = quote_end(line, pos, scan.flow_quote)
            if end is None:
                return
            scan.flow_quote, pos = "", end + 1
        match = _FLOW_SPECIAL.search(line, pos)
        if match is None:
            return
        char, pos = match.group(), match.end()
        after_space = pos == 1 or line[pos - 2] in " \t"
        if char == "#" and previous_char(line, pos - 1) in ("[", ",") and (not after_space or "]" in line[pos:]):
            # Glued, or after a space with the list's "]" typed after it (a comment between the
            # lines of a list written over several lines is a comment, and fine).
            _check_item_hash(scan, number, line, pos - 1)
            if after_space:
                return  # a comment: the rest of the line is gone
            continue  # the item cannot be read, but the list's brackets still count
        if char == "#" and line[pos - 2:pos - 1] in ("\u3000", "\u00a0") and not scan.flow_quote:
            _check_flow_wide_note(scan, number, line, pos - 1)  # text to YAML: the brackets go on
            continue
        if char == "#" and after_space:
            issue = flow_comment_issue(number, line, pos - 1, start, depth)
            if issue is not None:
                scan.issues.append(issue)
            return
        if char in "\"'" and previous_char(line, pos - 1) in ("", "[", "{", ",", ":"):
            scan.flow_quote = char
        elif char in "[{":
            if scan.flow_depth == 0:
                scan.opener = scan.lines.starts[number] + pos - 1
            scan.flow_depth += 1
        elif char in "]}":
            scan.flow_depth -= 1
            if scan.flow_depth <= 0:
                scan.mode, scan.flow_depth = "normal", 0
                return


def _check_flow_wide_note(scan: Scan, number: int, line: str, at: int) -> None:
    """Warn of a note typed after a full-width or no-break space in an item in brackets (``tags: [大调研　#备注,
    民生]``, the "#" at index ``at`` of the 0-based line ``number``): YAML reads it as part of the item.

    A note cannot stand inside the brackets (it would swallow the "]"), so
    the hint gives the line with the note after the brackets, when they
    close on this line and no note ends it yet; else it says to cut it.
    An item holding nothing but the note (``[　#备注]``) is left alone.
    """
    gap = at
    while gap > 0 and line[gap - 1] in GAP:
        gap -= 1
    begin = max(line.rfind(mark, 0, at) for mark in ",[{") + 1
    if not line[begin:gap].strip(GAP):
        return
    ends = [index for index in (line.find(mark, at) for mark in ",]}") if index >= 0]
    end = min(ends) if ends else len(line)
    typed_note = line[at:end].strip(GAP)
    rest = line[end:].rstrip(GAP)
    body = typed_note[1:].strip(GAP)
    closed = rest.count("]") + rest.count("}") > rest.count("[") + rest.count("{")
    message, fix = wide_note_words(line[gap:at + 1], typed_note,
                                    f'so the page shows the item "{clip(line[begin:end].strip(GAP), 40)}"')
    fixed = line[:gap] + rest + (f"   # {body}" if body else "")
    hint = (paste_hint("cut it from the item, with the space before it; to keep it a note, type it after the "
                       "brackets", fixed.strip(GAP))
            if closed and "#" not in rest else "cut it from the item, with the space before it")
    scan.issues.append(Issue(number, at, message, hint, severity="warning"))


def flow_comment_issue(number: int, line: str, at: int, start: int, depth: int) -> Issue | None:
    """The error for a "#" after a space inside an item in brackets (``tags: [大调研, 第三期 #3, 民生]``), or None.

    Takes the line's number and text, the index of the "#", where the
    brackets' text starts on the line (its "[" or "{", or 0 on a line
    below it) and how many brackets are open there. YAML reads the "#" as
    a comment, whose end swallows the "]" (or "}") and commas typed after
    it: the brackets are then never closed, or a line below runs into the
    item. Reported only when the rest of the line holds a "]", "}" or
    (the "#" glued to text, ``#3,``) a comma: a comment typed in brackets
    written over several lines (``[大调研,   # 标签``) is fine. The fix
    keeps every item: the items holding the "#" in quotes ("add the
    closing ]" would, typed, drop the text after the "#").
    """
    rest = line[at:]
    marks = [char for char in rest if char in "]},"]
    if not marks or (set(marks) == {","} and line[at + 1:at + 2] in ("", " ", "\t", "#")) or comment_brackets(rest):
        return None
    fixed, items = _quote_hash_items(line, start, depth)
    if fixed is None:
        return None
    closer = next((char for char in marks if char != ","), ",")
    how = "put the item holding the # in quotes" if len(items) == 1 else "put each item holding a # in quotes"
    kept = in_quotes(items[0])
    return Issue(number, at, f'"#" after a space starts a comment in YAML, so the rest of the line, "{closer}" '
                              f'included, is not read: "{clip(rest.rstrip(), 40)}"',
                  paste_hint(how, fixed.strip(), f': type {kept[0]} before "{clip(items[0], 40)}" and another '
                                                 "after it"))


def comment_brackets(comment: str) -> bool:
    """True when the brackets of ``comment`` (the text from a "#" to the end of its line) are its own: some,
    each closed in it after it opens (``# 标签 tags, e.g. [大调研, 补短板]``, as `sitegen new` writes).

    A "]" of such a comment closes no list before the "#": the list there was left open (``tags: [大调研, 民生
    # 标签 …``, its "]" forgotten), and the fix is to close it before the comment, not to quote the item.
    """
    depth, seen = 0, False
    for char in comment:
        if char in "[{":
            depth, seen = depth + 1, True
        elif char in "]}":
            depth -= 1
            if depth < 0:
                return False
    return seen and depth == 0


def _quote_hash_items(line: str, start: int, depth: int) -> tuple[str | None, list[str]]:
    """Return ``line`` with each item in brackets that holds a "#" after a space in quotes, and those items.

    Takes the line, where the brackets' text starts on it and how many
    brackets are open there. Items end at a comma, a bracket or a ": "
    (the key of a ``{key: value}``); quoted ones are kept as typed. What
    follows the brackets' closing (a comment) is kept as typed, as is a
    last item that is only a comment. (None, []) when no item needs quotes
    or a quote is never closed on the line.
    """
    out, items, pos, open_ = [line[:start]], [], start, depth
    while pos < len(line):
        char = line[pos]
        if char in "[{,]}" or (char == ":" and line[pos + 1:pos + 2] in ("", " ", "\t")):
            open_ += 1 if char in "[{" else -1 if char in "]}" else 0
            out.append(char)
            pos += 1
            if char in "]}" and open_ <= 0:
                out.append(line[pos:])
                break
            continue
        end = pos
        while end < len(line) and line[end] not in "[{,]}" and not (
                line[end] == ":" and line[end + 1:end + 2] in ("", " ", "\t")):
            end += 1
        item = line[pos:end]
        text = item.strip()
        if text[:1] in ("\"", "'"):
            close = quote_end(line, line.index(text[0], pos) + 1, text[0])
            if close is None:
                return None, []
            end = max(end, close + 1)
            while end < len(line) and line[end] not in ",]}:":
                end += 1
            item = line[pos:end]
        elif re.search(r"[ \t]#", " " + text) and not (end == len(line) and text.startswith("#")):
            lead = item[:len(item) - len(item.lstrip())]
            item = lead + in_quotes(text) + item[len(lead) + len(text):]
            items.append(text)
        out.append(item)
        pos = end
    return ("".join(out), items) if items else (None, [])


def _check_item_hash(scan: Scan, number: int, line: str, at: int) -> None:
    """Report an item of a ``[...]`` list that begins with ``#`` (``tags: [#大调研, 民生]``), at the ``#``.

    Glued to the ``[`` or ``,`` YAML cannot read it (an item cannot begin
    with ``#``); after a space it starts a comment, and the list is never
    closed. Either way YAML's own error comes lines later, at the end of
    the front matter. The hint offers the line without the ``#`` (a tag
    typed as a hashtag, #大调研, is meant as 大调研) and, to keep it, the
    item in quotes; the rest of the line as typed (its comment too).
    """
    end = at
    while end < len(line) and line[end] not in ",]":
        end += 1
    item = line[at:end].rstrip()
    what = ('"#" after a space starts a comment in YAML, so this list is cut short here' if line[at - 1] in " \t"
            else f'an item of a list cannot begin with "#" in YAML, so this list cannot be read: {clip(item, 40)}')
    bare = item.strip("#").strip()
    without = (line[:at] + bare + line[at + len(item):]).strip()
    kept = in_quotes(item)
    quoted = (line[:at] + kept + line[at + len(item):]).strip()
    scan.issues.append(Issue(number, at, what, paste_hint("delete the # (a tag or item is written without it)",
                                                           without, "")
                              + "; " + paste_hint("or, to keep it, put the item in quotes", quoted,
                                                  f": type {kept[0]} before its # and another after its last "
                                                  "character")))
