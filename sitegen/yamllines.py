"""Reading a line of YAML as the editor typed it, without parsing it; and typing a value back.

Job: the small readings the line scan (`sitegen.yamlscan`) and the
explanations of parse errors (`sitegen.yamlexplain`) make of a line and the
lines around it: how far in it stands (`indent_of`, `gap_of`), where its key's
colon and its value start (`typed_value`, `key_colon_at`), its trailing
comment (`split_comment`), where a text's comments start (`comment_starts`), whether it holds YAML and the nearest one that does
(`holds_yaml`, `yaml_line`), the path of the mappings it is typed in
(`mapping_path`); and how to type a value so that YAML reads it as meant: in
quotes (`in_quotes`, `quote_steps`, `value_as_typed`, `quote_hint`) or as a
plain scalar where it can be (`yaml_text`).

May import: errors, lazyre, yamlbits (and the standard library, PyYAML).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right

import yaml

from .errors import WIDE_SPACES, paste_hint
from .lazyre import compile_later
from .yamlbits import GAP, LOADER, NULLS, QUOTE_HINT, KeyPath, Lines


_KEY_COLON = compile_later(f":(?=[ \t{WIDE_SPACES}]|$)")
BLOCK_HEADER = compile_later(r"[|>][0-9+\-]*[ \t]*(#.*)?$")


def key_colon_at(line: str, pos: int) -> int | None:
    """Return the index of the ``:`` ending a simple key that starts at ``pos``, or None."""
    if pos >= len(line):
        return None
    first = line[pos]
    if first in "\"'":
        end = quote_end(line, pos + 1, first)
        if end is None:
            return None
        after = end + 1 + len(line[end + 1:]) - len(line[end + 1:].lstrip(" "))
        return after if _KEY_COLON.match(line, after) else None
    if first in "[]{}|>!&*#%@`,?":
        return None
    match = _KEY_COLON.search(line, pos)
    if match is None or re.search(r"[ \t]#", line[pos:match.start()]):
        return None
    return match.start()


LIST_ITEM_LEAD = compile_later(r" *-(?:[ \t]|$)")
"""What is typed before the text of a list's item on its line: its "-" and a space (``- ``, ``  - - ``)."""


def previous_char(line: str, index: int) -> str:
    """Return the last character before ``index`` that is not a space or TAB ("" if none)."""
    index -= 1
    while index >= 0 and line[index] in " \t":
        index -= 1
    return line[index] if index >= 0 else ""


def quote_end(line: str, pos: int, quote: str) -> int | None:
    """Return the index of the quote closing a string whose text starts at ``pos``."""
    while True:
        end = line.find(quote, pos)
        if end < 0:
            return None
        if quote == '"':
            backslashes = len(line[pos:end]) - len(line[pos:end].rstrip("\\"))
            if backslashes % 2 == 0:
                return end
        elif line[end + 1:end + 2] != "'":
            return end
        else:
            end += 1
        pos = end + 1


def clip(text: str, limit: int = 80) -> str:
    """Return ``text`` cut to ``limit`` characters (with "…"), to show in a message where the mistake is.

    Never for a line a hint offers to type: cut, it would lose its end (`paste_hint`).
    """
    return text if len(text) <= limit else text[:limit - 1] + "…"


COMMENT = compile_later(r"[ \t]+#(?=[ \t#]|$)")


def split_comment(typed: str) -> tuple[str, str]:
    """Split the text typed after ``key:`` into the value meant and the line's trailing comment.

    Takes the text from the value's start to the end of the line. The
    comment starts at the first "#" written as a comment usually is: after a
    space or TAB, and before a space, a TAB, another "#" or the line's end
    (``   # 标题 title``, as every line ``sitegen new`` writes ends). A "#"
    glued to text (``第三期 #3``) is taken as part of the value, which is
    what editors mean by it (YAML reads it as a comment: see
    `check_comment`). Returns (the value with the spaces after it removed,
    the comment with the spaces before it, or ""). Raises nothing.
    """
    match = COMMENT.search(typed)
    if match is None:
        return typed.rstrip(), ""
    return typed[:match.start()].rstrip(), typed[match.start():].rstrip()


_HASH_AFTER_GAP = compile_later(r"(?:^|(?<=[ \t]))#", re.MULTILINE)


def comment_starts(text: str) -> dict[int, int]:
    """Where the comments of a YAML text start, as YAML reads them: ``{0-based line: 0-based column of its "#"}``.

    A "#" at a line's start or after a space or TAB starts a comment unless
    it is inside a value: in quotes (``"b # c"``) or in a text typed after
    "|" or ">", whose lines are text (PyYAML's scanner finds the values). A
    text that YAML cannot read gives {} (its error is told elsewhere), so no
    line is taken for a comment by mistake. Raises nothing.
    """
    if "#" not in text:
        return {}
    try:
        spans = [(token.start_mark.index, token.end_mark.index) for token in yaml.scan(text, Loader=LOADER)
                 if isinstance(token, yaml.ScalarToken)]
    except yaml.YAMLError:
        return {}
    starts = [start for start, _ in spans]
    found: dict[int, int] = {}
    for match in _HASH_AFTER_GAP.finditer(text):
        at = match.start()
        inside = bisect_right(starts, at) - 1
        if inside >= 0 and at < spans[inside][1]:
            continue
        line = text.count("\n", 0, at)
        if line not in found:
            found[line] = at - (text.rfind("\n", 0, at) + 1)
    return found


def with_comment(fixed: str, comment: str) -> str:
    """Return the line ``fixed`` with the line's ``comment`` after it, outside any quotes: both whole.

    Takes the mended line up to the end of its value and the comment as
    `split_comment` gives it (spaces before it included).
    """
    return fixed + comment


def quote_steps(mark: str, value: str, comment: str, what: str = "value") -> str:
    """Say how to put ``value`` in quotes where it stands, for a line too long to give whole (`paste_hint`).

    Takes the quote to type (``"`` or ``'``, as `in_quotes` chose), the value as
    typed, the line's comment (`split_comment`; "" for none), which the
    closing quote goes before, and what the words call the value (``item``).
    """
    end = f' (before the comment "{clip(comment.strip(), 20)}")' if comment else ""
    twice = f", and type each ' inside the {what} twice" if mark == "'" and "'" in value else ""
    return f"type {mark} before the {what}'s first character and another {mark} after its last{end}{twice}"


def value_as_typed(typed: str) -> tuple[str, str]:
    """The text typed after a key, as it must be typed after ``key: `` to be read as the editor meant it.

    Takes the text from the value's start to the end of the line (its
    comment included). A value YAML would not read as typed (one holding
    ``": "`` or a ``#`` after a space, one starting with ``#``, ``@`` or a
    backquote, or with a quote closed before its end: ``"华新镇"：…``) is put
    in quotes, the line's comment kept after them (`split_comment`).
    Returns (the text to type, "" or why the quotes are needed, as
    ``it holds ": "``).
    """
    value, note = split_comment(typed)
    quote = value[:1]
    end = quote_end(value, 1, quote) if quote in ("\"", "'") else None
    why = ('it starts with "#"' if quote == "#" else
           f'it starts with "{quote}"' if quote in ("@", "`") else
           f"it starts with {quote} and goes on after the closing {quote}" if end is not None and end < len(value) - 1
           else 'it holds ": "' if ": " in value or value.endswith(":") else
           'it holds " #"' if re.search(r"[ \t]#", value) else "")
    if not why:
        return value + note, ""
    return with_comment(quote_single(value) if quote == '"' else in_quotes(value), note), why


_PLAIN_UNSAFE = compile_later(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|: |\s#|:$|\s$|[\t\n\r]""")
"""What a plain (unquoted) YAML value may not hold: a sign it cannot start with, ": ", " #", an end space."""


def yaml_text(value: str) -> str:
    """Return ``value`` as a YAML scalar to type after ``key: ``: plain when it reads back unchanged, else
    double-quoted (JSON's escapes are YAML's). Used wherever a line to type is given (new files, hints)."""
    if value and not _PLAIN_UNSAFE.search(value) and value not in NULLS:
        return value
    return json.dumps(value, ensure_ascii=False)


def in_quotes(value: str) -> str:
    """Return ``value`` wrapped in YAML quotes that keep it exactly."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return quote_single(value)


def quote_single(value: str) -> str:
    """Return ``value`` in YAML single quotes (no escapes; ``'`` doubled)."""
    return "'" + value.replace("'", "''") + "'"


def indent_of(text: str) -> int:
    """How many spaces a line begins with."""
    return len(text) - len(text.lstrip(" "))


def gap_of(text: str) -> str:
    """The spaces a line begins with, of any kind: ordinary, TABs, full-width and the other `WIDE_SPACES`."""
    return text[:len(text) - len(text.lstrip(GAP))]


def holds_yaml(text: str) -> bool:
    """True for a line that is neither blank nor a comment alone."""
    return bool(text.strip()) and not text.lstrip().startswith("#")


def yaml_line(lines: Lines, line: int, step: int) -> int:
    """The nearest 0-based line from ``line`` (not included) that holds YAML (`holds_yaml`), going up (``step``
    -1) or down (1); -1 when there is none."""
    line += step
    while 0 <= line < len(lines.lines) and not holds_yaml(lines.line(line)):
        line += step
    return line if 0 <= line < len(lines.lines) else -1


def mapping_path(lines: Lines, line: int, here: str | None = None) -> KeyPath | None:
    """The path of the mapping that the key starting the 0-based ``line`` is typed in, read from the lines above.

    ``here`` stands for the line's own text when given (the line as it
    should have been typed).

    ``title: …`` at the left edge is in ``()``; ``  role: …`` under
    ``interviewee:`` in ``("interviewee",)``; ``  - as_of: …`` under
    ``tallies:`` in ``("tallies", 0)`` (any item of a list is 0), as is a
    field lined up with ``as_of`` below it. None for a line with no key,
    or when a line above that should hold a key alone does not (a list of
    lists, a key with a value, brackets).
    """
    here = lines.line(line) if here is None else here
    start, colon, _pos = typed_value(here)
    if colon is None or here[indent_of(here):start] not in ("", "- "):
        return None
    path: list[str | int] = [0] if start > indent_of(here) else []
    # The column a line holding this mapping (or, in_list, this list item) stands left of.
    edge, in_list = (indent_of(here), True) if path else (start, False)
    for number in range(line - 1, -1, -1):
        if edge == 0 and not in_list:
            break
        above = lines.line(number)
        if not holds_yaml(above):
            continue
        above_start, above_colon, value_at = typed_value(above)
        dash = above[indent_of(above):above_start]
        if not in_list and dash and above_start == edge:  # the "- " line that opens the item this mapping is
            if dash != "- ":
                return None
            path.insert(0, 0)
            edge, in_list = indent_of(above), True
            continue
        if indent_of(above) > edge or (indent_of(above) == edge and (not in_list or dash)):
            continue  # a line of a block above, or another item of the same list
        value = above[value_at:].strip()
        if above_colon is None or dash not in ("", "- ") or (value and not value.startswith("#")):
            return None
        path.insert(0, above[above_start:above_colon].strip())
        if dash:
            path.insert(0, 0)
        edge, in_list = (indent_of(above), True) if dash else (above_start, False)
    return tuple(path) if edge == 0 and not in_list else None


def bare_key(text: str) -> str | None:
    """The key of a line that holds a key alone (``interviewee:``, a comment after it allowed), else None."""
    start, colon, pos = typed_value(text)
    value = text[pos:].strip()
    if colon is None or (value and not value.startswith("#")):
        return None
    return text[start:colon].strip()


def is_item(text: str) -> bool:
    """True for a line that starts a list item (``- as_of: …``, ``- 走访…``, a lone ``-``)."""
    typed = text.lstrip(" ")
    return typed.startswith("- ") or typed.rstrip() == "-"


def spaces_more(spaces: int, indent: int) -> str:
    """How many spaces to add to a line indented by ``indent``: "2 spaces", "1 more space"."""
    return f"{spaces} {'more ' if indent else ''}space{'s' if spaces > 1 else ''}"


def items_typed_out(lines: Lines, line: int, column: int, sibling: int | None) -> tuple[list[int], int, int | None]:
    """The list items typed at ``column`` from the 0-based item ``line`` down, with the lines under them.

    The run ends at a line further out, at a line as far out that is no
    item, or at an item at ``sibling`` (a column: an item of the list where
    it belongs). Returns (the 0-based lines of the items at ``column``, the
    run's last line, the least indent of the other lines of the run, or
    None when it has none).
    """
    items, last, inner = [line], line, None
    for number in range(line + 1, len(lines.lines)):
        text = lines.line(number)
        if not holds_yaml(text):
            continue
        indent = indent_of(text)
        if indent < column or (indent == column and not is_item(text)) or (indent == sibling and is_item(text)):
            break
        if indent == column:
            items.append(number)
        else:
            inner = indent if inner is None else min(inner, indent)
        last = number
    return items, last, inner


def typed_value(text: str) -> tuple[int, int | None, int]:
    """Find the parts of a line: (start of its key or item text, its key's colon or None, start of its value).

    The start is past the indentation and any ``- `` list markers; the value
    starts past the colon and the spaces after it (at the start, without a key).
    """
    start = len(text) - len(text.lstrip(" "))
    while text[start:start + 2] == "- ":
        start += 2
    colon = key_colon_at(text, start)
    if colon is None:
        return start, None, start
    return start, colon, colon + 1 + len(text[colon + 1:]) - len(text[colon + 1:].lstrip(GAP))


def typed_lead(text: str) -> tuple[str, int]:
    """Return what a line holds before its value, as a hint shows it (``title: ``, ``- ``), and the value's start."""
    _start, colon, pos = typed_value(text)
    indent = len(text) - len(text.lstrip(" "))
    return (text[indent:colon + 1] + " " if colon is not None else text[indent:pos]), pos


def quote_hint(text: str, starts: str = "") -> str:
    """`QUOTE_HINT` with the line ``text`` mended: its value in quotes, its comment (if any) after them.

    Takes the line and, if not "", the characters one of which the value
    must start with for the quotes to mend it (else `QUOTE_HINT` alone is
    returned, as it is for a line with no value).
    """
    lead, pos = typed_lead(text)
    value, note = split_comment(text[pos:])
    if not value or (starts and value[0] not in starts):
        return QUOTE_HINT
    return paste_hint(QUOTE_HINT, with_comment(lead + in_quotes(value), note),
                      f": {quote_steps(in_quotes(value)[0], value, note)}")


_LINE_OF_TEXT = compile_later(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:]*(?::\S[^:]*)*$")
"""A line holding no "key: value" (no colon followed by a space or ending it) and starting as plain text does."""


def reads_as_text(typed: str) -> bool:
    """True for a line's text (its indentation taken off) that is a line of text (`_LINE_OF_TEXT`) up to its
    comment, if any (" #" starts one)."""
    return _LINE_OF_TEXT.match(re.split(r"\s#", typed, maxsplit=1)[0]) is not None
