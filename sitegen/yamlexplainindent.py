"""Parse errors of lines indented wrong, explained at the line that lost or gained an indent.

Job: tell where PyYAML's "mapping values are not allowed here" or "expected
<block end>" comes from when the cause is an indent: a field typed further in
than the field above it (`key_too_far_in`), a line above that lost its indent
(`lost_indent_above`), a list item typed further out or further in than the
items above it, the first item of a list alone out of line with the items
after it (`first_item_out_of_line`), a group of fields given a value on its
key's line, a key between two levels, a field of the file indented under a
list; each with the spaces to type, counted from the lines around it.

May import: errors, lazyre, yamlbits, yamllines (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .errors import PASTE_LIMIT, and_joined, paste_hint
from .lazyre import compile_later
from .yamlbits import Explanation, GroupFinder, Lines
from .yamllines import (bare_key, clip, holds_yaml, indent_of, is_item, items_typed_out, mapping_path, quote_steps,
                        spaces_more, split_comment, typed_value, value_as_typed, yaml_line)


def file_field_indented(lines: Lines, line: int, groups: GroupFinder, first_line: int) -> tuple[str, str, int] | None:
    """``(message, hint, column)`` for a field of the file typed indented right after the items of a list of records
    (``  targets:`` under the items of ``tallies:``), which YAML reads as more of that list; None for a line that
    is no such field, or a field of the list's items (told to line up with them by `_explain_expected_dash`).

    "indent it to belong to the item above", followed, made it a field of the last tally: three errors more.
    The hint gives the line at the left edge, and the lines under it with as many spaces fewer, so that the
    field's own lines keep their place under it.
    """
    text = lines.line(line)
    typed = re.match(r"( +)([^\s:#\-][^:#]*?):(?:[ \t]|$)", text)
    above = next((n for n in range(line - 1, -1, -1) if lines.line(n)[:1] not in ("", " ", "#")), None)
    if typed is None or above is None:
        return None
    key, spaces, owner = typed[2].strip(), len(typed[1]), lines.line(above).split(":", 1)[0].strip()
    items = groups((owner, 0))
    if items is None or key not in (groups(()) or ()) or key == owner or key in items:
        return None  # below a list of texts, `field_among_texts` tells it
    under = []
    for number in range(line + 1, len(lines.lines)):
        below = lines.line(number)
        if below.strip() and not below.lstrip(" ").startswith("#") and len(below) - len(below.lstrip(" ")) <= spaces:
            break
        under.append(number)
    while under and not lines.line(under[-1]).strip():
        under.pop()
    message = (f'"{key}:" is a field of the file, typed with {spaces} space{"s" if spaces > 1 else ""} before it: '
               f'YAML reads it as part of the list "{owner}:" above, whose items start with "- "')
    how = "type it at the left edge, with no spaces before it, as the file's other fields"
    if under:
        lines_named = (f"line {under[0] + first_line}" if len(under) == 1
                       else f"lines {under[0] + first_line} to {under[-1] + first_line}")
        how += f", and take {spaces} spaces from the start of each line under it ({lines_named})"
    return message, paste_hint(how, text.strip()), spaces


def item_given_a_value(lines: Lines, line: int, column: int,
                        groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``- images/laojie.png`` with ``alt: …`` lined up under it: an item of a list of records (an
    image, a tally) typed as its first field's value alone, its other fields under it.

    Told to line the key up or to quote, the editor moved the ``alt:`` line and got another error; the fix
    is the first field's name before the value: ``- src: images/laojie.png``. Takes the lines, the 0-based
    line and column of the parse error (at the ``key:`` under the item) and `load_yaml`'s ``groups``. The
    item's fields are the records' (``groups((*path, 0))``, required first), the key must be one of them,
    and the name given is the first field not typed in the item. Returns (message, hint, the value's
    0-based position), or None for any other shape (an item with a key, a list inside a list item …).
    """
    here = lines.line(line)
    start, colon, _pos = typed_value(here)
    if colon is None or start != indent_of(here) or column > colon:
        return None
    above = yaml_line(lines, line, -1)
    text = lines.line(above) if above >= 0 else ""
    item_start, item_colon, _ = typed_value(text)
    if not is_item(text) or item_colon is not None or item_start != start:
        return None
    value, _note = split_comment(text[item_start:])
    if not value or value[0] in "|>[{&*!\"'#-":
        return None
    path = _keys_above(lines, above, list_item=True)
    fields = groups((*path, 0)) if path else None
    key = here[start:colon].strip()
    if not fields or key not in fields:
        return None
    typed = _keys_under(lines, above, start)
    missing = [name for name in fields if name not in typed]
    if not missing:
        return None
    named = f"{text[:item_start]}{missing[0]}: {value}".strip(" ")
    message = (f'this item of "{clip(path[-1], 40)}" is a value alone ("{clip(value, 40)}"), with no field name, so '
               f'the "{clip(key, 20)}:" line under it cannot be one of its fields')
    hint = (paste_hint(f"write the field name {missing[0]}: before the value", named, "")
            + f", and keep {clip(key, 20)}: lined up under {missing[0]}:")
    return message, hint, (above, item_start)


def _keys_above(lines: Lines, line: int, *, list_item: bool = False) -> list[str] | None:
    """The keys of the blocks that hold the 0-based ``line``, outermost first (``["source"]`` for a line under
    ``source:``), found as the nearest lines above it each less indented, each a key with no value; None when
    one holding it is anything else (a list item, a key with a value): the records cannot say what it is.

    With ``list_item``, ``line`` is an item of a list whose own key may stand as far in as its items
    (``tallies:`` over ``- as_of: …``), not further.
    """
    path: list[str] = []
    level = indent_of(lines.line(line))
    for number in range(line - 1, -1, -1):
        outer = lines.line(number)
        indent = indent_of(outer)
        if not holds_yaml(outer) or indent > level or (
                indent == level and not (list_item and not path and not is_item(outer))):
            continue
        outer_start, outer_colon, outer_value = typed_value(outer)
        if outer_colon is None or outer_start != indent or outer[outer_value:].strip():
            return None
        path.insert(0, outer[outer_start:outer_colon].strip())
        level = indent
        if level == 0:
            break
    return path


def _keys_under(lines: Lines, line: int, indent: int) -> set[str]:
    """The keys typed ``indent`` spaces in on the lines under the 0-based ``line``, up to the next line as far in
    as ``line`` or less: the fields typed in the block or list item that ``line`` opens."""
    typed: set[str] = set()
    for number in range(line + 1, len(lines.lines)):
        inner = lines.line(number)
        if not holds_yaml(inner):
            continue
        if indent_of(inner) <= indent_of(lines.line(line)):
            break
        inner_start, inner_colon, _ = typed_value(inner)
        if inner_colon is not None and indent_of(inner) == indent:
            typed.add(inner[inner_start:inner_colon].strip())
    return typed


def group_given_a_value(lines: Lines, line: int, column: int,
                         groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``interviewee: 王建国`` typed with ``role:`` still indented under it: a group's key with a value.

    Takes the lines, the 0-based line and column of the parse error (on the
    indented ``key:`` line) and `load_yaml`'s ``groups``. When the line
    above, less indented, is ``key: value`` whose key is a group of fields
    by the records (not inside a list), the value typed there is the
    group's first field not typed under it, so the hint shows that field's
    line (``name: 王建国``) to type under the key left alone; with every
    field typed under it, the value is to be deleted. Returns (message,
    hint, the value's 0-based position), or None for any other shape (a
    ``: `` in this line's value, a line above that lost its indent …).
    """
    here = lines.line(line)
    start, colon, _pos = typed_value(here)
    if colon is None or start != indent_of(here) or column > colon or lost_indent_above(lines, line, column):
        return None
    above = yaml_line(lines, line, -1)
    text = lines.line(above) if above >= 0 else ""
    key_start, key_colon, value_at = typed_value(text)
    if key_colon is None or key_start != indent_of(text) or indent_of(text) >= indent_of(here):
        return None
    value, _note = split_comment(text[value_at:])
    if not value or value[0] in "|>[{&*!\"'#":
        return None
    outer = _keys_above(lines, above)
    if outer is None:
        return None
    path = [*outer, text[key_start:key_colon].strip()]
    fields = groups(tuple(path))
    if fields is None:
        return None
    typed = _keys_under(lines, above, indent_of(here))
    key = path[-1]
    message = (f'"{clip(key, 40)}" is a group of fields, but it has a value on its own line ("{clip(value, 40)}"), '
               "so the lines indented under it cannot be its fields")
    missing = [name for name in fields if name not in typed]
    if not missing:
        hint = f'delete "{clip(value, 40)}" after "{clip(key, 40)}:": its fields are the lines under it'
    else:
        shown, why = value_as_typed(value)
        typed = f"{' ' * indent_of(here)}{missing[0]}: {shown}"
        hint = (f'write "{clip(key, 40)}:" alone on its line, and under it, indented as '
                f'"{clip(here[start:colon], 20)}:" is, ')
        if len(typed) <= PASTE_LIMIT:
            hint += f'the line "{typed}"'
        else:  # too long to type again: the value is moved
            steps = f", in quotes ({quote_steps(shown[0], value, '')})" if why else ""
            hint += f'"{missing[0]}: " followed by the value now after "{clip(key, 40)}:"{steps}'
    return message, hint, (above, value_at)


def key_too_far_in(lines: Lines, line: int, groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``    role: 镇长`` under ``  name: 受访人``, or ``  summary: …`` under ``date: …``: a field typed further in
    than the field above it, whose value it is then read to go on.

    Both keys must be fields of the record the line above is typed in (by
    `load_yaml`'s ``groups``): a key that is none (``publisher:`` at the
    left edge, then ``  title:``) is `lost_indent_above`'s, and a text
    going on from a value is no field. The lines below as far in go with it
    (a group's fields typed 2 spaces too far in): the hint gives each line
    to type, lined up with the field above. Returns (message, hint, the
    0-based line and column of the line's first character), or None for any
    other shape. "line up this key, or wrap the value above in quotes" was
    said before: quotes mend nothing here.
    """
    found = _too_far(lines, line, groups)
    if found is None:
        return None
    key, above_key, block, shift = found
    fixed = [lines.line(number)[shift:] for number in block]
    spaces = f"{shift} space{'s' if shift > 1 else ''}"
    where = f'lined up with "{clip(above_key, 20)}:" above it'
    if len(fixed) == 1:
        hint = paste_hint(f"delete {spaces} at its start, {where}, typing this line in place of this one",
                          f'"{fixed[0]}"')
    else:
        lines_said = f"this line and the {len(fixed) - 1} line{'s' if len(fixed) > 2 else ''} below it"
        shown = ", ".join(f'"{text}"' for text in fixed)
        hint = (f"delete {spaces} at the start of {lines_said}, {where}, typing these {len(fixed)} lines in place "
                f"of them: {shown}" if len(shown) <= PASTE_LIMIT
                else f"delete {spaces} at the start of {lines_said}, {where}")
    message = (f'"{clip(key, 20)}:" is indented (缩进) further than "{clip(above_key, 20)}:" above it, so it is read '
               f'as part of the value of "{clip(above_key, 20)}:"')
    return message, hint, (line, 0)


TOO_FAR = '" is indented (缩进) further than "'
"""A part of `key_too_far_in`'s message, by which `sitegen.yamlexplain` knows the issue to mend
(`key_too_far_in_mend`)."""


def key_too_far_in_mend(lines: Lines, line: int, groups: GroupFinder) -> dict[int, str] | None:
    """The lines of ``lines`` as `key_too_far_in`'s hint mends them, for the field on the 0-based ``line``:
    ``{0-based line: its text}``, read in their place so that the rest of the text is checked in the same run.
    None for any other shape."""
    found = _too_far(lines, line, groups)
    if found is None:
        return None
    _key, _above_key, block, shift = found
    return {number: lines.line(number)[shift:] for number in block}


def _too_far(lines: Lines, line: int, groups: GroupFinder) -> tuple[str, str, list[int], int] | None:
    """For the field on the 0-based ``line`` typed further in than the field above it (`key_too_far_in`): (its key,
    the key above, the 0-based lines to move out with it, the spaces to remove), or None for any other shape."""
    here, above = lines.line(line), yaml_line(lines, line, -1)
    start, colon, _pos = typed_value(here)
    if above < 0 or colon is None or start != indent_of(here):
        return None
    typed = lines.line(above)
    above_start, above_colon, value_at = typed_value(typed)
    value = split_comment(typed[value_at:])[0].strip()
    if above_colon is None or not value or value[0] in "|>" or above_start >= start:
        return None
    path = mapping_path(lines, above)
    known = groups(path) if path is not None else None
    key, above_key = here[start:colon].strip(), typed[above_start:above_colon].strip()
    if not known or key not in known or above_key not in known:
        return None
    block = [line]
    for number in range(line + 1, len(lines.lines)):
        if holds_yaml(lines.line(number)):
            if indent_of(lines.line(number)) < start:
                break
            block.append(number)
    return key, above_key, block, start - above_start


def _opening_key(lines: Lines, number: int, column: int) -> str | None:
    """The key of the line opening the block whose fields stand at ``column``, looking up from the 0-based line
    ``number`` (included); list items on the way are passed through to the key holding the list. None when the
    nearest line left of the block holds more than a key (the records cannot be told then)."""
    while number >= 0:
        text = lines.line(number)
        if holds_yaml(text) and indent_of(text) < column:
            if not text.lstrip().startswith("- "):
                return bare_key(text)
            column = indent_of(text) + 1  # the key holding a list may stand as far in as its "- "
        number -= 1
    return None


def lost_indent_above(lines: Lines, line: int, column: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a parse error at the key of the 0-based ``line`` (at ``column``) when the line above it lost its indent.

    Two shapes. ``interviewee:`` / ``name: 甲`` / ``  role: 乙``: a key with
    nothing after it, then a line as far in as that key (which ends the
    block it opens), then this line further in. And a line less indented
    than the block it stands in (``resolved:`` typed at the left edge
    inside a tally, ``note:`` between two targets), then this line, which
    goes on with that block: as far in as a key of it above (both items of
    a list, or neither), or lined up with the key after the ``- `` opening
    the item. Either way the line above was meant to be in the block, as
    this one is. A trailing ``# comment`` on any of the lines changes
    nothing (it only changes which error the parser gives). Returns
    (message, hint, the 0-based position of the line that lost its indent),
    or None for any other shape.
    """
    here, above = lines.line(line), yaml_line(lines, line, -1)
    middle = lines.line(above)
    start, colon, _pos = typed_value(here)
    if above < 0 or colon is None or column > colon or typed_value(middle)[1] is None \
            or middle.lstrip().startswith("-") or indent_of(middle) >= indent_of(here):
        return None  # a list item may stand as far in as its key
    item = start > indent_of(here)
    number = yaml_line(lines, above, -1)
    while number >= 0 and indent_of(lines.line(number)) > indent_of(here):
        number = yaml_line(lines, number, -1)
    if number < 0:
        return None
    typed = lines.line(number)
    shown = clip(split_comment(here.strip())[0], 40)
    key = bare_key(typed)
    if key is not None and number == yaml_line(lines, above, -1) and indent_of(typed) == indent_of(middle) and not item:
        fields, hint_end = indent_of(here), f'as "{clip(here[start:colon], 20)}:" below it is: both belong under "{key}:"'
    else:
        above_start, above_colon, _ = typed_value(typed)
        # A key of the block as far in as this line, or the item its "- " opens; for an item, the item above.
        lined_up = (typed.lstrip().startswith("- ") and indent_of(typed) == indent_of(here) if item
                    else above_start == indent_of(here))
        if above_colon is None or not lined_up:
            return None
        fields, key = above_start, _opening_key(lines, number, above_start)
        if key is None:
            return None
        sibling = next(n for n in range(above - 1, number - 1, -1) if holds_yaml(lines.line(n))
                       and typed_value(lines.line(n))[0] == fields and typed_value(lines.line(n))[1] is not None)
        sibling_text = lines.line(sibling)
        sibling_start, sibling_colon, _ = typed_value(sibling_text)
        hint_end = f'lined up with "{clip(sibling_text[sibling_start:sibling_colon], 20)}:" above it' + (
            "" if item else f' and "{clip(here[start:colon], 20)}:" below it')
    spaces = fields - indent_of(middle)
    by = f"{spaces} {'more ' if indent_of(middle) else ''}space{'s' if spaces > 1 else ''}" + (
        f" ({fields} in all)" if indent_of(middle) else "")
    return (f'this line lost its indent (缩进): it ends the block under "{key}:" that the indented line below it '
            f'("{shown}") is part of', f"indent it by {by}, {hint_end}", (above, indent_of(middle)))


def _item_lead(text: str) -> str:
    """A list item's line as a hint names it: ``- as_of:`` for an item opening fields, else its text, cut short."""
    start, colon, _pos = typed_value(text)
    if colon is not None:
        return f"- {clip(text[start:colon], 20)}:"
    return f"- {clip(split_comment(text[start:])[0], 20)}"


def _line_numbers(numbers: Sequence[int]) -> str:
    """File lines as a hint names them: "line 14", "lines 14 and 19", "lines 14, 19 and 24"."""
    return f"line {numbers[0]}" if len(numbers) == 1 else f"lines {and_joined([str(number) for number in numbers])}"


LOST_ITEM = "this list item lost its indent (缩进): it is "
"""The start of `item_lost_indent`'s message, by which `sitegen.yamlexplain` knows the issue to mend
(`item_lost_indent_mend`)."""


def item_lost_indent(lines: Lines, line: int, column: int,
                      first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a list item typed further out than the items above it (a tally pasted at the left edge, or with 1
    space where the others have 2).

    ``tallies:`` / ``  - as_of: …`` and its fields / ``- as_of: …``: the parse error is at the ``-`` of the
    0-based ``line`` (at ``column``); the lines to move are `_lost`'s. The message says how far in the item is
    and the items above are; the hint the spaces to add, the lines to add them to and the item's line as it
    then reads. ``first_line`` turns 0-based lines into file lines. A trailing ``# comment`` on any line
    changes nothing. Returns (message, hint, the item's 0-based position), or None for any other shape.
    """
    found = _lost(lines, line, column)
    if found is None:
        return None
    above, key, spaces, moved, whole = found
    dash, lead = indent_of(lines.line(above)), _item_lead(lines.line(above))
    numbers = [number + first_line for number in moved]
    if whole:
        runs = f"lines {numbers[0]} to {numbers[-1]}"
        what = (" (this item and the lines under it)" if len(_items_in(lines, moved, column)) == 1
                else " (the items typed as far out as this one, and the lines under them)")
    else:
        runs, what = _line_numbers(numbers), (" (the items below it typed as far out too)" if len(moved) > 1 else "")
    where = f"indented {_spaces(column)}" if column else "at the left edge"
    message = (f'{LOST_ITEM}{where}, further out than the items of "{clip(key, 20)}:" above it ("{lead}", '
               f"{_spaces(dash)}), so YAML cannot read it as one of them")
    typed = " " * spaces + _as_typed(lines.line(line))
    them = not whole and len(numbers) > 1
    how = (f"add {_spaces(spaces)} at the start of {runs}{what}, so that {'they line' if them else 'this item lines'} "
           f'up with "{lead}" above {"them" if them else "it"}')
    hint = paste_hint(how, f'"{typed}"') if moved == [line] else f'{how}; line {line + first_line} then reads "{typed}"'
    return message, hint, (line, column)


def item_lost_indent_mend(lines: Lines, line: int, column: int) -> dict[int, str] | None:
    """The lines of ``lines`` as `item_lost_indent`'s hint mends them, for the item at the 0-based ``line`` and
    ``column``: ``{0-based line: its text}``, read in their place so that the rest of the text is checked in the
    same run, as it will be read once the hint is followed. None for any other shape."""
    found = _lost(lines, line, column)
    if found is None:
        return None
    _above, _key, spaces, moved, _whole = found
    return {number: " " * spaces + lines.line(number) for number in moved}


def _items_in(lines: Lines, numbers: list[int], column: int) -> list[int]:
    """The 0-based lines of ``numbers`` that are list items with their "-" at ``column``."""
    return [number for number in numbers if is_item(lines.line(number)) and indent_of(lines.line(number)) == column]


def _as_typed(text: str) -> str:
    """A line as a hint gives it to type: whole, or without its ``# comment`` when it is longer than
    `PASTE_LIMIT`; its trailing spaces left out."""
    return split_comment(text)[0].rstrip() if len(text) > PASTE_LIMIT else text.rstrip()


def _lost(lines: Lines, line: int, column: int) -> tuple[int, str, int, list[int], bool] | None:
    """For a list item at the 0-based ``line``, its "-" at ``column``, further out than the items above it in
    its list: (the 0-based line of the last item above, the key holding the list, the spaces too few, the 0-based
    lines to move in by them, whether they are the items with the lines under them), or None.

    The item belongs to the list above it; its "-" goes as far in as theirs. The lines under it move with it
    when they stand as far in as its own key (the whole item was pasted out), not when they already line up
    with the fields of the items above; other items typed as far out below it move too, so that one round of
    the hint mends them all.
    """
    here = lines.line(line)
    if not is_item(here) or indent_of(here) != column:
        return None
    number, held = line - 1, []
    while number >= 0 and not (holds_yaml(lines.line(number)) and indent_of(lines.line(number)) <= column):
        if holds_yaml(lines.line(number)):
            held.append(number)
        number -= 1
    key = bare_key(lines.line(number)) if number >= 0 else None
    if key is None or not held:
        return None
    dash = min(indent_of(lines.line(n)) for n in held)
    if not all(is_item(lines.line(n)) for n in held if indent_of(lines.line(n)) == dash):
        return None  # the lines further in are no list under the key above
    above = max(n for n in held if indent_of(lines.line(n)) == dash)
    spaces, fields = dash - column, typed_value(lines.line(above))[0]
    if fields - dash != typed_value(here)[0] - column:
        return None
    items, last, inner = items_typed_out(lines, line, column, dash)
    if inner is None or inner == fields:  # only the "- " lines are out of line
        return above, key, spaces, items, False
    if inner == fields - spaces:  # the whole item is out of line
        return above, key, spaces, [n for n in range(line, last + 1) if holds_yaml(lines.line(n))], True
    return None


TYPED_IN = "this list item is indented (缩进) "
"""The start of `item_typed_in`'s message, by which `sitegen.yamlexplain` knows the issue to mend
(`item_typed_in_mend`)."""


def item_typed_in(lines: Lines, line: int, column: int,
                   first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a list item typed further in than the items above it in its list (``  - group: …`` with its
    fields, then ``    - group: …``: a target pasted with 4 spaces where the others have 2; or ``   - as_of: …``,
    a tally pasted with 3, its fields lined up with those above).

    The parse error is at the ``-`` of the 0-based ``line`` (at ``column``); the lines to move are
    `_typed_in`'s. The message says how far in the item is and the items above are; the hint the spaces to
    remove and the item's line as it then reads. ``first_line`` turns 0-based lines into file lines. Returns
    (message, hint, the item's 0-based position), or None for any other shape.
    """
    found = _typed_in(lines, line, column)
    if found is None:
        return None
    above, spaces, moved, whole = found
    dash, lead = indent_of(lines.line(above)), _item_lead(lines.line(above))
    numbers = [number + first_line for number in moved]
    runs = (f"lines {numbers[0]} to {numbers[-1]}" if whole and len(numbers) > 1 else _line_numbers(numbers))
    message = (f'{TYPED_IN}{_spaces(column)}, further than the item above it ("{lead}", '
               f'{_spaces(dash) if dash else "at the left edge"}), so YAML cannot read it as an item of the same list')
    typed = split_comment(lines.line(line)[spaces:])[0].rstrip() if len(lines.line(line)) > PASTE_LIMIT \
        else lines.line(line)[spaces:].rstrip()
    how = (f"remove {spaces} space{'s' if spaces > 1 else ''} at the start of {runs}, so that this item lines up "
           f'with "{lead}" above it')
    hint = paste_hint(how, f'"{typed}"') if moved == [line] else f'{how}; line {line + first_line} then reads "{typed}"'
    return message, hint, (line, column)


def item_typed_in_mend(lines: Lines, line: int, column: int) -> dict[int, str] | None:
    """The lines of ``lines`` as `item_typed_in`'s hint mends them, for the item at the 0-based ``line`` and
    ``column``: ``{0-based line: its text}``, read in their place so that the rest of the text is checked in the
    same run, as it will be read once the hint is followed. None for any other shape."""
    found = _typed_in(lines, line, column)
    if found is None:
        return None
    _above, spaces, moved, _whole = found
    return {number: lines.line(number)[spaces:] for number in moved}


def _spaces(count: int) -> str:
    """"1 space", "3 spaces"."""
    return f"{count} space{'s' if count != 1 else ''}"


def _typed_in(lines: Lines, line: int, column: int) -> tuple[int, int, list[int], bool] | None:
    """For a list item at the 0-based ``line``, its "-" at ``column``, further in than the item above it in its
    list: (the 0-based line of that item, the spaces too many, the 0-based lines to move out by them, whether
    they are the items with the lines under them), or None.

    The item above is found past the lines under it (indented ``column`` or more) and past blank lines and
    notes; a key further out than this item before it means no such item. When the lines under this item (and
    under the other items typed as far in below it: `items_typed_out`) line up with the fields of the item
    above, only the items' own lines move (``   - as_of: …`` with ``    batches: …`` under it); else the items
    move with the lines under them.
    """
    here = lines.line(line)
    if not is_item(here) or indent_of(here) != column:
        return None
    above = line - 1
    while above >= 0 and not (holds_yaml(lines.line(above)) and indent_of(lines.line(above)) < column):
        above -= 1
    if above < 0 or not is_item(lines.line(above)):
        return None
    dash = indent_of(lines.line(above))
    items, last, inner = items_typed_out(lines, line, column, dash)
    if inner is not None and inner == typed_value(lines.line(above))[0] and column < inner:
        return above, column - dash, items, False
    return above, column - dash, [number for number in range(line, last + 1) if holds_yaml(lines.line(number))], True


def first_item_lost_indent(lines: Lines, line: int, column: int,
                            first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain the first item of a list typed further out than its fields (``- as_of: …`` at the left edge under
    ``tallies:``, or `` - as_of: …`` with 1 space, ``    collected: …`` below it).

    The parse error is at the first field under the item, on the 0-based ``line`` (at ``column``, its key or its
    colon): the parser read that field as more of the value above. The lines to move are `_first_lost`'s. The
    message says how far in the item is; the hint the spaces to add, the lines to add them to and the item's line
    as it then reads. ``first_line`` turns 0-based lines into file lines. Returns (message, hint, the item's
    0-based position), or None for any other shape.
    """
    here = lines.line(line)
    start, colon, _pos = typed_value(here)
    if colon is None or is_item(here) or column not in (start, colon):
        return None
    above = yaml_line(lines, line, -1)
    found = _first_lost(lines, above) if above >= 0 else None
    if found is None or found[0] != line:
        return None
    _field, spaces, items, _standard = found
    text = lines.line(above)
    dash = indent_of(text)
    key_start, key_colon, _ = typed_value(text)
    name, field = clip(text[key_start:key_colon], 20), clip(here[start:colon], 20)
    numbers = [n + first_line for n in items]
    what = " (the items below it typed as far out too)" if len(items) > 1 else ""
    how = (f"add {_spaces(spaces)} at the start of {_line_numbers(numbers)}{what}, so that \"{name}:\" lines up with "
           f'"{field}:" below {"each" if len(items) > 1 else "it"}')
    typed = " " * spaces + _as_typed(text)
    hint = paste_hint(how, f'"{typed}"') if len(items) == 1 else f'{how}; line {above + first_line} then reads "{typed}"'
    shown = clip(split_comment(here.strip())[0], 40)
    where = f"indented {_spaces(dash)}" if dash else "at the left edge"
    message = (f'{LOST_ITEM}{where}, so "{name}:" is not lined up with the lines under it ("{shown}", '
               f"{_spaces(start)}), and YAML cannot read them as its fields")
    return message, hint, (above, dash)


def first_item_lost_indent_mend(lines: Lines, line: int) -> dict[int, str] | None:
    """The lines of ``lines`` as `first_item_lost_indent`'s hint mends them, for the item on the 0-based ``line``:
    ``{0-based line: its text}``, read in their place so that the rest of the text is checked in the same run.
    None for any other shape."""
    found = _first_lost(lines, line)
    if found is None:
        return None
    _field, spaces, items, _standard = found
    return {number: " " * spaces + lines.line(number) for number in items}

FIRST_ALONE = "the first item alone is out of line (缩进)"
"""A part of `first_item_out_of_line`'s message, by which `sitegen.yamlexplain` knows the issue to mend
(`first_item_out_of_line_mend`)."""


@dataclass(frozen=True)
class _FirstAlone:
    """A list whose first item alone is out of line with the items after it (`_first_alone`)."""

    key: str
    """The key holding the list."""
    first: int
    """The 0-based line of the first item's "-"."""
    second: int
    """The 0-based line of the second item's "-": the lines mended must read past it."""
    dash: int
    """How far in the "-" of the other items stands."""
    fields: int
    """How far in the fields of the other items stand (their key after the "- ", the lines under it)."""
    moves: dict[int, int]
    """The 0-based lines of the first item to move, each with the spaces it is then indented with."""


def first_item_out_of_line(lines: Lines, line: int, first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain the first item of a list typed further in or further out than the items after it, which agree with
    one another (``   - group: …`` with 3 spaces, then ``  - group: …`` twice with 2), or with its "-" lined up with
    theirs and its fields not (``   target: 100`` under ``  - group: …``, where the other items have 4).

    YAML reads the first item's indent (缩进) as the list's, and stopped at the next line that differs: told
    there to line that one up with the first item, the editor moved every later line, one error a round, when
    the slip was the first item's lines. Takes the lines, the 0-based ``line`` YAML stopped at (in the first or
    the second item) and the file line of the text's first line. The message says how far in the first item (or
    its fields) and the other items stand; the hint the spaces to add or remove and the lines to change, ending
    with the first of them as it then reads. Returns (message, hint, the first line to change, 0-based, and its
    first character), or None for any other shape: fewer than two items after the first, items after it that do
    not agree, a first item with lines at more than one other indent.
    """
    found = _first_alone(lines, line)
    if found is None:
        return None
    key, head = clip(found.key, 20), lines.line(found.first)
    dash, told = indent_of(head), min(found.moves)
    other = _item_lead(lines.line(found.second))
    if dash != found.dash:
        message = (f'the first item of "{key}:" stands {_spaces_in(dash)}, while the other items ("{other}" …) '
                   f"stand {_spaces_in(found.dash)}: {FIRST_ALONE}, so YAML cannot read them as one list")
    else:
        field = typed_value(lines.line(told))
        name = clip(lines.line(told)[field[0]:field[1]], 20)
        message = (f'the fields under the first item of "{key}:" ("{name}:" …) stand '
                   f"{_spaces_in(indent_of(lines.line(told)))}, while those of the other items stand "
                   f'{_spaces_in(found.fields)}, lined up with the key after their "- ": {FIRST_ALONE}, so YAML '
                   "cannot read them as its fields")
    by_shift: dict[int, list[int]] = {}
    for number, spaces in sorted(found.moves.items()):
        by_shift.setdefault(spaces - indent_of(lines.line(number)), []).append(number + first_line)
    steps = " and ".join(f"{'add' if shift > 0 else 'remove'} {_spaces(abs(shift))} at the start of "
                         f"{_line_runs(numbers)}" for shift, numbers in by_shift.items())
    where = f'the "-" {_spaces_in(found.dash)}' + (
        f", the fields {found.fields}" if typed_value(head)[1] is not None else "")
    how = f'{steps}, so that the first item lines up with the other items of "{key}:" ({where})'
    typed = " " * found.moves[told] + _as_typed(lines.line(told)).lstrip(" ")
    shown = f'"{typed}"' if typed.startswith(" ") else typed
    hint = paste_hint(how, shown) if len(found.moves) == 1 else f"{how}; line {told + first_line} then reads {shown}"
    return message, hint, (told, indent_of(lines.line(told)))


def first_item_out_of_line_mend(lines: Lines, line: int) -> tuple[dict[int, str], int] | None:
    """The lines of ``lines`` as `first_item_out_of_line`'s hint mends them, for the first item out of line told at
    the 0-based ``line``: ``{0-based line: its text}``, read in their place so that the rest of the text is checked
    in the same run, and the 0-based line of the list's second item, which the text so mended must read past.
    None for any other shape."""
    found = _first_alone(lines, line)
    if found is None:
        return None
    return {number: " " * spaces + lines.line(number).lstrip(" ")
            for number, spaces in found.moves.items()}, found.second


def _spaces_in(count: int) -> str:
    """How far in a line stands, as a message says it: "3 spaces in", "at the left edge"."""
    return f"{_spaces(count)} in" if count else "at the left edge"


def _line_runs(numbers: Sequence[int]) -> str:
    """File lines as a hint names them, a run of three or more told by its ends: "line 14", "lines 14 and 15",
    "lines 14 to 16", "lines 14 to 16 and 19"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] + 1 == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    if len(runs) == 1 and len(runs[0]) > 2:
        return f"lines {runs[0][0]} to {runs[0][-1]}"
    if all(len(run) < 3 for run in runs):
        return _line_numbers(list(numbers))
    shown = [f"{run[0]} to {run[-1]}" if len(run) > 2 else " and ".join(map(str, run)) for run in runs]
    return f"lines {and_joined(shown)}"


def _first_alone(lines: Lines, line: int) -> _FirstAlone | None:
    """The list the 0-based ``line`` is typed in, when its first item alone is out of line (`first_item_out_of_line`)
    and ``line`` stands in its first or second item; else None.

    The items after the first must be two or more, each with its "-" as far in as the others, its key after the
    "- " as far in, and the lines under it no further out than that key: then they show where the list's items
    stand, unless the first item's "-" stands 2 spaces in from the key holding the list, where items are typed
    (``  - as_of: …``, then two items pasted with 3 spaces: those are told, by `item_typed_in`). Each line of the
    first item that stands elsewhere moves there: its "-" line; a line under it lined up with its own key, when the
    "-" moves (it moves with it); a field at one other indent (the fields typed off, the "-" right).
    """
    holder = _list_holder(lines, line)
    items = _list_items(lines, holder) if holder is not None else []
    if holder is None or len(items) < 3 or not items[0][0] <= line <= items[1][-1]:
        return None
    second = lines.line(items[1][0])
    dash, fields = indent_of(second), typed_value(second)[0]
    for item in items[1:]:
        head = lines.line(item[0])
        if indent_of(head) != dash or typed_value(head)[0] != fields or \
                any(indent_of(lines.line(number)) < fields for number in item[1:]):
            return None
    head = lines.line(items[0][0])
    own = typed_value(head)[0]
    if own - indent_of(head) != fields - dash:
        return None  # "-  as_of: …", two spaces after the "-": `dash_spaced`'s
    if indent_of(head) == indent_of(lines.line(holder)) + 2 != dash:
        return None  # the first item stands where a list's items do, 2 spaces in from its key: the others are off
    moves = {items[0][0]: dash} if indent_of(head) != dash else {}
    off: set[int] = set()
    for number in items[0][1:]:
        text = lines.line(number)
        spaces = indent_of(text)
        if spaces == fields:
            continue
        if not (moves and spaces == own):
            start, colon, _pos = typed_value(text)
            if colon is None or start != spaces:
                return None  # text going on, a list in the item: not a field typed off
            off.add(spaces)
        moves[number] = fields
    if not moves or len(off) > 1:
        return None
    return _FirstAlone(bare_key(lines.line(holder)) or "", items[0][0], items[1][0], dash, fields, moves)


def _list_holder(lines: Lines, line: int) -> int | None:
    """The 0-based line of the key alone (``targets:``) holding the list whose lines include the 0-based ``line``,
    the nearest above it; None when there is none before a line at the left edge that is no item."""
    number = line
    while (number := yaml_line(lines, number, -1)) >= 0:
        text = lines.line(number)
        if bare_key(text) is not None and not is_item(text) and is_item(lines.line(yaml_line(lines, number, 1))):
            items = _list_items(lines, number)
            if items and items[-1][-1] >= line:
                return number
        if not indent_of(text) and not is_item(text):
            return None
    return None


def _list_items(lines: Lines, holder: int) -> list[list[int]]:
    """The items of the list held by the key alone on the 0-based line ``holder``: each its 0-based lines that hold
    YAML, its "-" line first. The list ends at a line as far out as the key that is no item, or further out.

    A line starting with "- " is the next item when it stands further out than the key after the "- " of the item
    before it; or as far in, when that item is the first and the line above is no key (``- as_of: …`` at the left
    edge, then ``  - as_of: …``): a list held in an item starts below a key.
    """
    level = indent_of(lines.line(holder))
    items: list[list[int]] = []
    number = above = holder
    while (number := yaml_line(lines, number, 1)) >= 0:
        text = lines.line(number)
        spaces = indent_of(text)
        if spaces < level or (spaces == level and not is_item(text)):
            break
        key_at = typed_value(lines.line(items[-1][0]))[0] if items else spaces + 1
        typed_above = lines.line(above)
        if is_item(text) and (spaces < key_at or (spaces == key_at and len(items) == 1 and bare_key(typed_above) is None
                                                  and not (is_item(typed_above) and indent_of(typed_above) == spaces))):
            items.append([number])
        elif items:
            items[-1].append(number)
        else:
            break
        above = number
    return items


def first_item_out_of_place(lines: Lines, line: int) -> bool:
    """Whether the 0-based ``line``, a field, is the first under the first item of a list whose "-" is typed
    further out than the place of the list's items (`_first_lost`): 2 spaces in from the key holding the list,
    or as far in as the items below it. Such a field is lined up with the fields of the list; the item's line is
    the one out of line, not this field too far in (`key_too_far_in`)."""
    above = yaml_line(lines, line, -1)
    found = _first_lost(lines, above) if above >= 0 else None
    return found is not None and found[0] == line and found[3]


def _first_lost(lines: Lines, item: int) -> tuple[int, int, list[int], bool] | None:
    """For the first item of a list on the 0-based line ``item``, typed further out than the fields under it:
    (the 0-based line of its first field, the spaces too few, the 0-based lines of the items to move in by them,
    whether the item then stands where the list's items do: 2 spaces in from the key holding the list, or as far
    in as the items below it), or None.

    The item's "-" goes in until its key lines up with the fields under it; other items typed as far out below
    it move too. The fields under it must line up with one another: else one of them may be out of line.
    """
    text = lines.line(item)
    below = yaml_line(lines, item, 1)
    if not is_item(text) or below < 0:
        return None
    here = lines.line(below)
    start, colon, _pos = typed_value(here)
    dash = indent_of(text)
    key_start, key_colon, _ = typed_value(text)
    if colon is None or is_item(here) or key_colon is None or key_start >= start:
        return None
    holder = yaml_line(lines, item, -1)
    if holder < 0 or indent_of(lines.line(holder)) > dash or bare_key(lines.line(holder)) is None:
        return None  # not the first item of its list
    spaces = start - key_start
    items, last, inner = items_typed_out(lines, item, dash, dash + spaces)
    if inner != start:
        return None  # the lines under it are not lined up with one another: this line may be the one out of line
    after = yaml_line(lines, last, 1)
    standard = dash + spaces == indent_of(lines.line(holder)) + 2 or (
        after >= 0 and is_item(lines.line(after)) and indent_of(lines.line(after)) == dash + spaces)
    return below, spaces, items, standard


def key_between(lines: Lines, line: int, groups: GroupFinder | None = None) -> Explanation | None:
    """A key typed less far in than the fields above it and further in than the key they stand under
    (``interviewee:``, ``    name: …``, then ``  role: …``): told with how far those fields stand in and the line
    lined up with them. It was told only "indent keys of the same level with the same number of spaces", with
    no word of which line or how many. With ``groups`` (`load_yaml`'s), a field of the file typed so under a
    field at the left edge (`` date:`` under ``interviewee:``) is told to go to the left edge: lined up with
    the fields above, it was "unknown field date in interviewee". Takes the lines and the 0-based line YAML
    refused; None for any other line."""
    text = lines.line(line)
    start, colon, _pos = typed_value(text)
    if colon is None or is_item(text):
        return None
    indent = indent_of(text)
    fields: list[int] = []
    above = line - 1
    while above >= 0:
        typed = lines.line(above)
        if typed.strip(" ") and not typed.lstrip(" ").startswith("#"):
            if indent_of(typed) <= indent:
                break
            fields.append(above)
        above -= 1
    parent = bare_key(lines.line(above)) if above >= 0 and not is_item(lines.line(above)) else None
    if parent is None or not fields or indent_of(lines.line(above)) >= indent:
        return None
    level = indent_of(lines.line(fields[-1]))  # the first field under the key
    first = lines.line(fields[-1])
    key_start, key_colon, _ = typed_value(first)
    if key_colon is None or is_item(first) or any(indent_of(lines.line(n)) < level for n in fields):
        return None
    first_key = first[key_start:key_colon].strip()
    key = text[start:colon].strip()
    if groups is not None and indent_of(lines.line(above)) == 0 and key in (groups(()) or ()) \
            and key not in (groups((parent,)) or ()):
        return (f'"{key}:" is a field of the file, typed with {spaces_more(indent, 0)} before it, so YAML reads it '
                f'under "{parent}:" above, whose fields ("{first_key}:" …) stand {spaces_more(level, 0)} in',
                paste_hint("type it at the left edge, with no spaces before it, as the file's other fields",
                           text.strip(" ")), None)
    fixed = " " * level + text.strip(" ")
    more = level - indent
    return (f'this line stands {spaces_more(indent, 0)} in, the fields under "{parent}:" above it '
            f'("{first_key}:" …) {spaces_more(level, 0)}, so YAML cannot tell which they belong to',
            paste_hint(f'line it up with "{first_key}:": type {spaces_more(more, indent)} at its start',
                       f'"{fixed}"'), None)


def key_further_in(lines: Lines, line: int) -> Explanation | None:
    """A key typed further in than the key above it, which holds a value of its own: told with the line to write.

    `` tallies:`` under ``misspellings: []``, its "#" deleted and not the
    space after it (as ``sitegen new`` writes optional fields, ``# tallies:``)
    was told only "indent keys of the same level with the same number of
    spaces". Takes the lines and the 0-based line YAML refused; None
    when the line is no ``key:`` line, or the line above is no
    ``key: value`` line standing less far in.
    """
    text = lines.line(line)
    start, colon, _pos = typed_value(text)
    if colon is None or is_item(text):
        return None
    above = next((number for number in range(line - 1, -1, -1) if lines.line(number).strip(" ")
                  and not lines.line(number).lstrip(" ").startswith("#")), None)
    if above is None:
        return None
    typed_above = lines.line(above)
    start_above, colon_above, _ = typed_value(typed_above)
    if colon_above is None or is_item(typed_above) or bare_key(typed_above) is not None:
        return None
    indent_above, indent = indent_of(typed_above), indent_of(text)
    if indent <= indent_above:
        return None
    key_above = typed_above[start_above:colon_above].strip()
    spaces = f"{indent - indent_above} space{'s' if indent - indent_above > 1 else ''}"
    fixed = " " * indent_above + text.strip(" ")
    return (f'this line stands {spaces} further in than "{key_above}:" above it, which holds a value, not fields '
            "under it",
            paste_hint(f'line it up with "{key_above}:": delete the {spaces} at the start of the line',
                       fixed if not indent_above else f'"{fixed}"'), None)


def first_item_without_dash(lines: Lines, line: int, column: int) -> Explanation | None:
    """A list whose first item was typed without its "- ", told at that item rather than at the next one.

    Takes the lines and the 0-based line and column of the "- " YAML
    refused. Under ``tallies:``, the lines ``as_of: 2018-03-15`` …
    typed without "- ", then ``  - as_of: 2018-05-10``: YAML reads the
    first lines as fields of ``tallies:`` itself and refuses the second
    item, which is right (told "line the items up", it could not be
    mended). Returns the explanation placed at the first item's first line,
    with that line to write and, when its other lines do not stand under
    its first key then, how far to indent them; None when the lines above
    are no such item (their first key is not the refused item's first key).
    """
    item = lines.line(line)
    first_key = typed_value(item[column + 1:])
    if first_key[1] is None:
        return None
    key = item[column + 1:][first_key[0]:first_key[1]].strip()
    block: list[int] = []
    above = line - 1
    while above >= 0:
        text = lines.line(above)
        if text.strip() and not text.lstrip(" ").startswith("#"):
            if indent_of(text) < column or is_item(text):
                break
            block.append(above)
        above -= 1
    parent = bare_key(lines.line(above)) if above >= 0 and not is_item(lines.line(above)) else None
    if parent is None or not block:
        return None
    block.reverse()
    start = lines.line(block[0])
    start_key = typed_value(start)
    if start_key[1] is None or start[start_key[0]:start_key[1]].strip() != key or indent_of(start) < column:
        return None
    fixed = " " * column + "- " + start.strip(" ")
    hint = paste_hint(f'type "- " before {key} on line {block[0] + 1}, as the other items have it', f'"{fixed}"')
    rest = [number for number in block[1:] if indent_of(lines.line(number)) != column + 2]
    if rest:
        hint += (f", and indent {_line_numbers([number + 1 for number in rest])} by {column + 2} spaces, under "
                 f"{key}")
    return (f'the first item of "{parent}:" has no "- ": its lines are read as fields of "{parent}:" itself, so '
            'the "- " of the next item is not expected', hint, (block[0], indent_of(start)))


_COMMENTED_KEY = compile_later(r"#[ \t]?( *)([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?:#.*)?$")
"""A line of a commented group's key: ``# contact:   # 联系方式…``, ``# images:``."""


def commented_group_above(lines: Lines, line: int) -> tuple[str, str] | None:
    """The commented group whose field the 0-based ``line`` is: ``#   email: …`` uncommented under ``# contact:``.

    Looks up through the comment lines right above it for a key with no value (a group's) standing
    less far in than this line, as ``sitegen init`` and ``sitegen new`` write optional groups. Returns
    (its key, its line without "# "), or None.
    """
    indent = indent_of(lines.line(line))
    for number in range(line - 1, -1, -1):
        text = lines.line(number).strip(" ")
        if not text:
            continue
        if not text.startswith("#"):
            return None
        match = _COMMENTED_KEY.match(text)
        if match is not None and len(match.group(1)) + indent_of(lines.line(number)) < indent:
            return match.group(2), " " * indent_of(lines.line(number)) + text[1:].lstrip(" \t")
    return None


def item_fields_above(lines: Lines, line: int, start: int) -> tuple[int | None, set[str]]:
    """The list item above the 0-based ``line`` whose fields stand ``start`` spaces in: the column of its "-"
    and the keys of its fields (its first, typed after the "- ", too); (None, empty) when no such item is found."""
    keys: set[str] = set()
    for number in range(line - 1, -1, -1):
        text = lines.line(number)
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        key_start, colon, _ = typed_value(text)
        if key_start != start or colon is None:
            return None, set()
        keys.add(text[key_start:colon])
        if indent < start:  # "  - as_of: …": the item's first line
            return (indent, keys) if stripped.startswith("- ") else (None, set())
    return None, set()


_SPACED_DASH = compile_later(r"(?P<dash> *- )(?P<more> +)(?P<key>[^ #][^:]*):(?:[ \t]|$)")
"""A list's item with two spaces or more after its "-", a field first (``  -  as_of: 2018-04-26``)."""


def dash_spaced(lines: Lines, line: int, column: int) -> Explanation | None:
    """Explain fields typed under a list item with two spaces or more after its "-" (``  -  as_of: …``), lined up
    as under an item with one: the item's first key then stands further in than they do, so YAML ends the
    item at the first of them. The message points at the item's line, not at that field's; None for any other
    shape. (The error came at the 0-based ``line``, at ``column``.)
    """
    number = line - 1
    while number >= 0 and (not lines.line(number).strip() or indent_of(lines.line(number)) > column
                           or lines.line(number).lstrip(" ").startswith("#")):
        number -= 1
    item = _SPACED_DASH.match(lines.line(number)) if number >= 0 else None
    if item is None or len(item["dash"]) != column:
        return None
    typed = lines.line(number)
    mended = item["dash"] + typed[item.end("more"):]
    spaces = len(item["more"]) + 1
    return (f'this list item has {spaces} spaces after its "-", so its first field "{clip(item["key"], 20)}:" stands '
            f"further in than the fields typed under it, and YAML cannot read those as part of the item",
            paste_hint('type one space after the "-"', f'"{mended.rstrip()}"'), (number, len(item["dash"]) - 2))


def field_among_texts(lines: Lines, line: int) -> Explanation | None:
    """Explain a field (``key: value``) on the 0-based ``line``, typed as far in as the items of a list of texts
    above it (``  outcome: …`` below ``actions:``'s ``  - …`` items): it can be no field of those items, so it is
    told to line up with the list's key. None for any other line.

    It was told to start with "- ", which made it an item holding a field ("a group of fields, not text"), and
    following that hint too put the case's outcome among its actions.
    """
    text = lines.line(line)
    start, colon, _pos = typed_value(text)
    if colon is None or start != indent_of(text) or not _KEY_NAME.fullmatch(text[start:colon]):
        return None
    owner = None
    for number in range(line - 1, -1, -1):
        typed = lines.line(number)
        if not holds_yaml(typed) or indent_of(typed) > start:
            continue
        if indent_of(typed) == start and is_item(typed.lstrip(" ")) and typed_value(typed)[1] is None:
            continue  # an item of texts, as far in
        owner = number if indent_of(typed) < start and bare_key(typed) is not None else None
        break
    if owner is None or not any(is_item(lines.line(n).lstrip(" ")) for n in range(owner + 1, line)):
        return None
    key, list_key, spaces = text[start:colon], bare_key(lines.line(owner)), indent_of(lines.line(owner))
    where = "delete the spaces at the start of the line" if not spaces else f"indent it by {spaces} spaces"
    return (f'"{clip(key, 20)}:" is typed as far in as the items of "{list_key}:" above, which are texts, so it '
            "can be no field of theirs",
            f'if it is a field of its own, {where}, lined up with "{list_key}:"; if it is an item, start it with "- "',
            None)


_KEY_NAME = compile_later(r"[A-Za-z_][A-Za-z0-9_]*")
"""A key as sitegen's fields are named."""
