"""PyYAML's events → plain data with positions, iteratively (no recursion, so no depth bombs).

Job: `TreeBuilder` builds the data of the loader's reference path: every
scalar the text typed, only a plain null word None, with the position of each
key and value; it refuses anchors, aliases and non-standard tags, nesting past
`MAX_DEPTH`, more than `MAX_NODES` values, a key typed twice, and escapes of
control characters or odd line breaks, each one `Issue`.

May import: errors, lazyre, yamlchars, yamlbits, yamlfold, yamllines, yamlexplain, yamlexplainquotes (and the
standard library, PyYAML).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

import yaml

from .errors import paste_hint
from .lazyre import compile_later
from .yamlbits import (MAP_TAGS, MAX_DEPTH, MAX_NODES, MAX_PROBLEMS, NULLS, SCALAR_TAGS, SEQ_TAGS, SLASHES_HINT, STD,
                       ElsewhereFinder, FieldElsewhere, Issue, KeyPath, Lines, lost_indent, path_with_slashes)
from .yamlchars import BAD_BREAKS, BAD_CHARS
from .yamlexplain import explain_tag
from .yamlexplainquotes import as_flow_item
from .yamlfold import unfolded_as_styled
from .yamllines import clip


EXPECT_KEY = object()
_SKIP = object()


@dataclass
class _Frame:
    """An open mapping or list while the events are walked."""

    container: dict[str, object] | list[object]
    path: KeyPath
    start: tuple[int, int]           # 0-based (line, column) where it starts
    record: bool                     # False inside a skipped value (bad or duplicate key)
    key: object = EXPECT_KEY        # the pending key (a str), EXPECT_KEY or _SKIP
    key_lines: dict[str, int] = field(default_factory=dict)
    misplaced: set[str] = field(default_factory=set)  # keys typed twice whose first line was told it is misplaced
    next_item: int | None = None     # 0-based line where a list item's first key came again: a "- " left out
    twice: tuple[str, int] | None = None  # the key typed twice whose value is being skipped, and its issue's index


class TreeBuilder:
    """Builds plain data and positions (0-based) from PyYAML events; collects issues."""

    def __init__(self, lines: Lines, first_line: int, elsewhere: ElsewhereFinder | None = None) -> None:
        self.lines = lines
        self.first_line = first_line
        self.elsewhere = elsewhere
        self.stack: list[_Frame] = []
        self.root: object = None
        self.documents = 0
        self.failed = False
        self.issues: list[Issue] = []
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.key_positions: dict[KeyPath, tuple[int, int]] = {}
        self.nodes = 0

    def run(self, events: Iterable[yaml.Event]) -> None:
        """Consume ``events``; stop early after a fatal problem. May raise yaml.YAMLError."""
        for event in events:
            if self.failed or len(self.issues) > MAX_PROBLEMS:
                return
            self.on_event(event)

    def on_event(self, event: yaml.Event) -> None:
        """Handle one event; stop the walk at the `MAX_NODES`-plus-first value."""
        if isinstance(event, yaml.NodeEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(event, f"the data holds more than {MAX_NODES:,} values; sitegen reads no more",
                          "split the data into several smaller files (e.g. one file per unit or per year)")
                return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(event, "a second YAML document starts here; a file holds only one",
                          self.second_document_hint(self.where(event)[0]))
        elif isinstance(event, yaml.AliasEvent):
            self.refuse_anchor(event)
            self.add_node(None, self.where(event), key_text=None)
        elif isinstance(event, yaml.ScalarEvent):
            self.check_node(event, SCALAR_TAGS)
            self.check_escaped_characters(event)
            value = _scalar_value(event)
            if value and event.start_mark.line != event.end_mark.line:
                value = unfolded_as_styled(value, self.lines.text[event.start_mark.index:event.end_mark.index],
                                            event.style)
            self.add_node(value, self.where(event), key_text=event.value, plain=not event.style)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self.add_node(frame.container, frame.start, key_text=None, opened=True)

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        """Start a mapping or list, unless it is nested too deep."""
        is_map = isinstance(event, yaml.MappingStartEvent)
        self.check_node(event, MAP_TAGS if is_map else SEQ_TAGS)
        if len(self.stack) >= MAX_DEPTH:
            self.fail(event, f"the data is nested more than {MAX_DEPTH} levels deep",
                      "simplify the structure; content files never need this many levels")
            return
        path, record = self.child_path()
        start = self.where(event)
        if record:
            self.positions[path] = start
        self.stack.append(_Frame({} if is_map else [], path, start, record))

    def child_path(self) -> tuple[KeyPath, bool]:
        """Return the path of the next node and whether its positions are recorded."""
        if not self.stack:
            return (), True
        top = self.stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),), top.record
        if isinstance(top.key, str):
            return top.path + (top.key,), top.record
        return top.path, False  # a key that is not plain text, or a skipped value

    def add_node(self, value: object, start: tuple[int, int], *, key_text: str | None,
                 plain: bool = False, opened: bool = False) -> None:
        """Put a finished node into its parent: as the root, a list item, a key or a value.

        ``opened`` is True for a finished collection, whose position was recorded in `open`.
        """
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            if top.record and not opened:
                self.positions[top.path + (len(top.container),)] = start
            top.container.append(value)
        elif top.key is EXPECT_KEY:
            top.key = self.take_key(top, key_text, start, plain, opened)
        else:
            if isinstance(top.key, str):
                if top.record and not opened:
                    self.positions[top.path + (top.key,)] = start
                top.container[top.key] = value
            elif top.twice is not None:
                self.offer_one_list(top, value)
            top.key = EXPECT_KEY

    def take_key(self, top: _Frame, text: str | None, start: tuple[int, int],
                 plain: bool, opened: bool) -> object:
        """Check a key; return it (a str), or _SKIP after reporting why its value is dropped."""
        line, column = start
        if opened:
            self.issues.append(Issue(line, column, "a key must be plain text, not a list or a mapping",
                                      "write the key as a word followed by a colon: key: value"))
            return _SKIP
        if text is None:
            return _SKIP  # an alias: already reported
        if text == "" and plain:
            self.issues.append(Issue(line, column, 'a key is missing before ":"',
                                      "write a field name before the colon, e.g. title: …"))
            return _SKIP
        if text in top.key_lines:
            first = top.key_lines[text] + self.first_line
            if top.next_item is not None and line > top.next_item:
                return _SKIP  # a field of the item whose "- " is missing: told with its first line
            if (len(self.stack) > 1 and isinstance(self.stack[-2].container, list) and column == top.start[1]
                    and column >= 2 and text == next(iter(top.key_lines))):
                # A tally pasted below the last one without its "- ": "keep one as_of line and delete the
                # other", followed, deleted the new tally, and the check was clean.
                top.next_item = line
                self.issues.append(Issue(
                    line, column, f'the key "{clip(text)}" appears twice in the same item; it was first given on '
                    f'line {first}, where the item starts: this line most likely starts the next item, its "- " '
                    "left out",
                    f'replace the two spaces before "{clip(text)}:" with "- " (a hyphen and a space), lined up with '
                    f'the "- " of line {first}: the line then starts a new item, and the lines below it are its '
                    "fields"))  # not whole: its fields are left out, and the items after it renumbered once mended
                return _SKIP
            twice = f'the key "{clip(text)}" appears twice in the same block; it was first given on line {first}'
            elsewhere = self.elsewhere(top.path, text) if self.elsewhere is not None and top.record else None
            if elsewhere is None:
                top.twice = (text, len(self.issues))
                self.issues.append(Issue(line, column, twice,
                                          f'keep one "{clip(text)}" line and delete or rename the other', whole=True))
            else:
                self.tell_misplaced_twice(top, text, start, elsewhere, twice)
            return _SKIP
        top.key_lines[text] = line
        if top.record:
            self.key_positions[top.path + (text,)] = start
        return text

    def offer_one_list(self, top: _Frame, repeat: object) -> None:
        """When the key typed twice in ``top`` (`_Frame.twice`) holds a list of words both times, make its hint
        one list of both lists' items, so following it keeps every item.

        Two hints that each say "add the line not_misspellings: [白河镇]", both
        followed, type a key twice; "keep one line and delete the other" then
        loses an item, and its warning comes back.
        """
        text, index = top.twice  # type: ignore[misc]
        top.twice = None
        first = top.container.get(text) if isinstance(top.container, dict) else None
        if not (isinstance(first, list) and isinstance(repeat, list) and first and repeat
                and all(isinstance(item, str) for item in (*first, *repeat))):
            return
        items = list(dict.fromkeys((*first, *repeat)))  # each item once, in the order typed
        line = f"{text}: [{', '.join(map(as_flow_item, items))}]"
        hint = (f"keep one {clip(text)} line, with the items of both: {line}; delete the other"
                if len(line) <= 120 else
                f'keep one "{clip(text)}" list and move the items of the other into it (a key is given once)')
        self.issues[index] = replace(self.issues[index], hint=hint)

    def tell_misplaced_twice(self, top: _Frame, text: str, start: tuple[int, int], elsewhere: FieldElsewhere,
                             twice: str) -> None:
        """Report a key typed twice in the mapping ``top`` that is a field of blocks held there (``note:`` of a
        tally and of a target, both typed without their indent): each line is told where it belongs.

        The first line gets, once, what an unknown field is told, as it would
        once the second is mended; the repeat at ``start`` (0-based), that it
        is given twice (``twice`` says so) and whose field it is. Each names
        the line to indent when the block just above it holds such a field
        (`lost_indent`).
        """
        mapping = top.container if isinstance(top.container, dict) else {}
        first_at = self.key_positions.get(top.path + (text,))
        if text not in top.misplaced and first_at is not None:
            top.misplaced.add(text)
            first = lost_indent(text, mapping, text, top.path, self.positions, first_at, elsewhere.blocks,
                                self.first_line)
            self.issues.append(Issue(*first_at, elsewhere.message,
                                      elsewhere.hint_below(first) if first else elsewhere.hint, whole=True))
        below = lost_indent(text, mapping, None, top.path, self.positions, start, elsewhere.blocks, self.first_line)
        message = f"{twice}, and it is {elsewhere.held}" + (
            f", so this line probably lost its indent and belongs under {below.block} above it" if below
            else ", not of this block")
        self.issues.append(Issue(*start, message, below.hint() if below else elsewhere.hint, whole=True))

    def check_node(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent,
                   tags: frozenset[str | None]) -> None:
        """Refuse anchors, and tags outside the standard set for this kind of node."""
        if event.anchor is not None:
            self.refuse_anchor(event)
        if event.tag == "!" and isinstance(event, yaml.ScalarEvent):
            # "title: ! 召开…": YAML takes a "!" and a space for a tag that changes nothing, and drops it.
            line, column = self.where(event)
            message, hint, _ = explain_tag(self.lines, line, column, None)
            self.issues.append(Issue(line, column, message, hint))
        elif event.tag not in tags:
            line, column = self.where(event)
            self.issues.append(Issue(line, column,
                                      f'the tag "{clip(_short_tag(event.tag))}" is not allowed in content files',
                                      "remove the tag and write the value as plain text"))

    def check_escaped_characters(self, event: yaml.ScalarEvent) -> None:
        """Refuse a control character that an escape (``"\\x01"``, ``"\\0"``, ``"\\e"``) put into a value.

        Typed ones are caught by the pre-scan (`_scan_characters`); these would
        reach the pages and break the XML feeds (XML 1.0 §2.2 allows no C0
        control character but TAB and line ends). A line break other than
        ``"\\n"`` (``"\\r"``, ``"\\N"``, ``"\\L"``, ``"\\P"``: `_ESCAPED_BREAKS`)
        is refused alike, as the README says, and told how to make a new line.
        """
        match = ESCAPED_BAD.search(event.value)
        if match is None:
            return
        line, column = self.where(event)
        code = f"U+{ord(match.group()):04X}"
        if match.group() in _ESCAPED_BREAKS:
            what = "control character" if match.group() == "\r" else "line separator"  # as `_scan_characters` names it
            self.issues.append(Issue(line, column, f"an escape in this value makes an invisible {what} ({code})",
                                      _escaped_break_hint(self.lines, event)))
            return
        fixed = path_with_slashes(self.lines.line(line))  # "images\baihe.svg": \b is a control character
        self.issues.append(Issue(line, column,
                                  f"an escape in this value makes an invisible control character ({code})",
                                  paste_hint(SLASHES_HINT, fixed) if fixed is not None else
                                  'delete the backslash code (such as "\\0", "\\x01" or "\\u0001") from the value'))

    def refuse_anchor(self, event: yaml.NodeEvent) -> None:
        """Report an anchor (&name) or alias (*name), once per line."""
        line, column = self.where(event)
        if any(issue.line == line and issue.message.startswith("anchors") for issue in self.issues):
            return
        self.issues.append(Issue(line, column, "anchors and aliases are not supported in content files",
                                  'write the value out in full instead of using "&name" and "*name"'))

    def second_document_hint(self, line: int) -> str:
        """The hint for a "---" on the 0-based ``line`` that starts a second document.

        When the fields at the left edge below it are all fields the first
        document lacks (``targets:`` and ``milestones:`` under a unit's
        tallies), they are the rest of the same record, and "remove what
        follows it" would lose them: the hint is to delete the line alone.
        When the fields that come again are lists the record has (``tallies:``
        with a new tally under it, pasted below the file), their items belong
        to those lists (`lists_again_hint`). When another field comes again
        (a second ``name:``), a second record follows.
        """
        tops = [(number, typed[1]) for number, typed in enumerate(map(_TOP_KEY.match, self.lines.lines), 0)
                if typed is not None and number > line]
        keys = [key for _, key in tops]
        if keys and isinstance(self.root, dict) and len(set(keys)) == len(keys):
            again = [key for key in keys if key in self.root]
            if not again:
                named = ", ".join(f'"{key}:"' for key in keys[:3]) + (" …" if len(keys) > 3 else "")
                return f'delete the "---" line: the fields below it ({named}) belong to this record'
            if all(isinstance(self.root[key], list) for key in again):
                return self.lists_again_hint(line, tops, again)
        return 'remove the "---" line and what follows it, or move it to its own file'

    def lists_again_hint(self, line: int, tops: list[tuple[int, str]], again: list[str]) -> str:
        """The hint for a "---" on the 0-based ``line`` followed by lists the record has already (``tallies:``
        and a new tally under it, pasted below the file), of the fields at the left edge below it (``tops``:
        0-based line and key): delete the "---" line and each such list's key line, and move its items to the
        end of the list above. "Remove what follows it" lost the new tally; "its own file" made a second unit.
        """
        steps = [f'delete the "---" line (line {line + self.first_line})']
        ends = [number for number, _ in tops] + [len(self.lines.lines)]
        for (number, key), end in zip(tops, ends[1:]):
            if key not in again:
                continue
            last = self.last_line_before(end)
            if last <= number:  # "tallies: 无" below the "---": no items to move
                return 'remove the "---" line and what follows it, or move it to its own file'
            above = self.last_line_before(self.next_top_after(self.key_positions[(key,)][0], line))
            items = f"line {last + self.first_line}" if last == number + 1 else \
                f"lines {number + 1 + self.first_line}–{last + self.first_line}"
            if above == line - 1 and number == line + 1:  # the list above ends the record: its items go on
                steps.append(f'delete the "{key}:" line below it (line {number + self.first_line}): the items '
                             f'under it then follow those of the "{key}:" list above')
            else:
                steps.append(f'delete the "{key}:" line (line {number + self.first_line}) and move its items '
                             f'({items}) right below line {above + self.first_line}, the end of the "{key}:" list '
                             'above, with their "-" lined up with the "-" of the items there')
        return "; ".join(steps) + "; their values stay as typed"

    def next_top_after(self, number: int, stop: int) -> int:
        """The 0-based line of the first field at the left edge after line ``number``, or ``stop`` (the "---")."""
        return next((index for index in range(number + 1, stop) if _TOP_KEY.match(self.lines.line(index))), stop)

    def last_line_before(self, end: int) -> int:
        """The last 0-based line before ``end`` that holds more than spaces or a note at the left edge."""
        last = end - 1
        while last > 0 and (not self.lines.line(last).strip() or self.lines.line(last).startswith("#")):
            last -= 1
        return last

    def fail(self, event: yaml.Event, message: str, hint: str) -> None:
        """Report a problem that stops the walk."""
        line, column = self.where(event)
        self.issues.append(Issue(line, column, message, hint))
        self.failed = True

    def where(self, event: yaml.Event) -> tuple[int, int]:
        """Return the (0-based line, column) where ``event`` starts."""
        mark = event.start_mark
        return self.lines.at(mark.index if mark is not None else 0)


_TOP_KEY = compile_later(r"([^\s#:\-\[{][^:#]*?):(?:[ \t]|$)")
"""A field typed at the left edge of a line (``targets:``): its key."""


_ESCAPED_BREAKS = "\r" + BAD_BREAKS
"""Line breaks an escape can put into a double-quoted value besides "\\n" (``\\r``, ``\\N``, ``\\L``, ``\\P``, or
``\\x0d``, ``\\u2028`` …): the page shows none of them as a new line, the open data keeps them raw (a carriage
return splits a row of a CSV file in a spreadsheet), and nobody types one on purpose."""
ESCAPED_BAD = compile_later(f"[{BAD_CHARS}{_ESCAPED_BREAKS}]")
"""What no value may hold, typed or made by an escape (`TreeBuilder.check_escaped_characters`)."""
_ESCAPE_TOKEN = compile_later(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
"""One escape of a double-quoted value (YAML 1.2 §5.7): a backslash and the character, or code, after it."""
_BREAK_ESCAPES = {"r": "\r", "n": "\n", "N": "\x85", "L": "\u2028", "P": "\u2029"}


def _escaped(token: str) -> str:
    """The character an escape (`_ESCAPE_TOKEN`) makes, for the line breaks and codes; "" for the others."""
    if token[1] in "xuU" and len(token) > 2:
        return chr(int(token[2:], 16))
    return _BREAK_ESCAPES.get(token[1], "")


def _escaped_break_hint(lines: Lines, event: yaml.ScalarEvent) -> str:
    """The hint for a line break other than "\\n" that an escape put into a double-quoted value (``"X\\r=1"``).

    Takes the text's lines and the value's event. Each such escape is written
    "\\n", which makes a new line inside double quotes, and a ``\\r`` right
    before a ``\\n`` (a Windows line end, "\\r\\n") is deleted; the hint gives
    the line so typed when the value is on one line, and offers a literal
    block (``|``), whose lines are kept as typed, in either case.
    """
    start, end = event.start_mark.index, event.end_mark.index
    typed = lines.text[start:end]
    tokens = list(_ESCAPE_TOKEN.finditer(typed))
    mended, at, windows, others = [], 0, False, False
    for number, token in enumerate(tokens):
        char = _escaped(token.group())
        if char not in _ESCAPED_BREAKS:
            continue
        after = tokens[number + 1] if number + 1 < len(tokens) else None
        ends = char == "\r" and after is not None and after.start() == token.end() and _escaped(after.group()) == "\n"
        windows, others = windows or ends, others or not ends
        mended += [typed[at:token.start()], "" if ends else "\\n"]
        at = token.end()
    mended.append(typed[at:])
    how = ('delete the "\\r" before "\\n", which alone makes a new line inside double quotes' if not others else
           'write "\\n" in its place for a new line, as inside double quotes only it makes one'
           + (', and delete a "\\r" before "\\n"' if windows else ""))
    block = ' (or type the text as a block: "|" after the colon, then its lines below it, further in)'
    line, column = lines.at(start)
    if lines.at(end)[0] != line:
        return how + block
    text = lines.line(line)
    return paste_hint(how, (text[:column] + "".join(mended) + text[lines.at(end)[1]:]).strip(), "") + block


def _scalar_value(event: yaml.ScalarEvent) -> str | None:
    """Return a scalar's value: the text typed, or None for a plain null word or ``!!null``."""
    if event.tag == STD + "null":
        return None
    if event.tag is None and not event.style and event.value in NULLS:
        return None
    return event.value


def _short_tag(tag: str | None) -> str:
    """Return a tag as typed in short form (``!!python/object`` rather than the long URI)."""
    if tag and tag.startswith(STD):
        return "!!" + tag[len(STD):]
    return tag or ""
