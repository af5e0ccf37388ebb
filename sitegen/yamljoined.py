"""Fields typed on one line (``title: 白鹤镇 slug: baihe``): found and worded.

Job: tell a field typed after another's value on its line, by what the records
say the mapping holds, with a hint that gives each field a line of its own:
for the line scan (`sitegen.yamlscan`, where YAML reads the field as part of
the value) and for the explanation of a parse error (`sitegen.yamlexplain`,
where YAML stops at its ": ").

May import: errors, lazyre, yamlbits, yamllines (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from .errors import PASTE_LIMIT, and_joined
from .lazyre import compile_later
from .yamlbits import ASCII_KEY, GroupFinder, KeyPath, Lines
from .yamllines import clip, holds_yaml, mapping_path, quote_end, quote_hint, split_comment, typed_value, value_as_typed


# A key typed after a value on its line: an English field name after a space or TAB, then ":" and a space, a TAB
# or the line's end (so https://… is no key).
_LATER_KEY = compile_later(rf"(?<=[ \t\u3000])({ASCII_KEY}):(?=[ \t]|$)")
# The same, as a field the records know may be typed: its ":" also followed by the value (slug:baihe), or
# full-width (slug：baihe). YAML reads these as part of the value, so they count only for a known field.
LATER_FIELD = compile_later(rf"(?<=[ \t\u3000])({ASCII_KEY})(?:：|:(?![/:]))")


def _later_keys(text: str, pos: int, end: int, wanted: Callable[[str], bool],
                pattern: re.Pattern[str] = _LATER_KEY) -> list[re.Match[str]]:
    """The keys ``wanted`` typed after the value that starts at ``pos`` in the line ``text`` (it ends at ``end``).

    A value typed in quotes is skipped whole (``"注意: 事项" slug: x`` has
    one such key), as is the value after each key found. A key is typed
    as ``pattern`` says: `_LATER_KEY`, or `LATER_FIELD` for known fields.
    """
    found: list[re.Match[str]] = []
    while True:
        if text[pos:pos + 1] in ("\"", "'"):
            close = quote_end(text, pos + 1, text[pos])
            if close is None or close >= end:
                return found
            pos = close + 1
        match = next((m for m in pattern.finditer(text, pos, end) if wanted(m.group(1))), None)
        if match is None:
            return found
        found.append(match)
        pos = match.end() + len(text[match.end():end]) - len(text[match.end():end].lstrip(" \t\u3000"))


@dataclass(frozen=True)
class _JoinedFields:
    """Fields typed on one line (`_joined_fields`): the key opening the line, and each key typed after a value."""

    key: str
    later: list[re.Match[str]]
    values: list[str]  # the value typed after each key, the first key's first ("" for none)
    note: str  # the line's comment, with the spaces before it ("" for none)

    @property
    def read_as_text(self) -> bool:
        """True when YAML reads the line without an error, every later key part of the first value: no later
        key is typed with ": " (slug:baihe, slug：baihe)."""
        return not any(m.group().endswith(":") and m.string[m.end():m.end() + 1] in ("", " ", "\t")
                       for m in self.later)

    @property
    def wide_colons(self) -> list[str]:
        """The later keys typed with a full-width colon (slug：baihe)."""
        return [m.group(1) for m in self.later if m.group().endswith("：")]


def _joined_fields(text: str, wanted: Callable[[str], bool],
                   pattern: re.Pattern[str] = _LATER_KEY) -> _JoinedFields | None:
    """The fields ``wanted`` typed after the first value of the line ``text``, with every value; None if none.

    A later key is typed as ``pattern`` says (`_later_keys`).
    """
    start, colon, pos = typed_value(text)
    if colon is None:
        return None
    value, note = split_comment(text[pos:])
    if value[:1] in ("[", "{", "|", ">", "&", "*", "!"):
        return None
    end = pos + len(value)
    later = _later_keys(text, pos, end, wanted, pattern)
    if not later:
        return None
    bounds = [colon + 1, *(m.end() for m in later)]
    ends = [*(m.start() for m in later), end]
    values = [text[begin:stop].strip(" \t\u3000") for begin, stop in zip(bounds, ends)]
    return _JoinedFields(text[start:colon].strip(), later, values, note)


def field_line(indent: str, key: str, value: str) -> str:
    """``key: value`` typed after ``indent``, the value as YAML reads it as typed (`value_as_typed`)."""
    return f"{indent}{key}:" + (f" {value_as_typed(value)[0]}" if value else "")


def _names(keys: Sequence[str]) -> str:
    """``"title" and "slug"``, ``"a", "b" and "c"``: keys as a message names them."""
    quoted = [f'"{clip(key, 20)}"' for key in keys]
    return and_joined(quoted)


_HOW_MANY = {2: "two", 3: "three", 4: "four", 5: "five"}
_ONE_A_LINE = "(一行只写一个字段)"


def fields_on_one_line(lines: Lines, line: int, column: int,
                        groups: GroupFinder | None) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``title: 白鹤镇 slug: baihe`` or a tally row pasted from Excel (``- as_of: 2024-06-30⇥collected: 296``).

    Takes the lines, the 0-based line and column of the parse error (past
    the line's first ``key:``) and `load_yaml`'s ``groups``. A later key
    counts when the records know it as a field of the mapping the line is
    typed in (the line is then each field on a line of its own), or of the
    group its first key is (``interviewee: 张三 role: 党委书记``: the key
    alone, its fields under it, the value typed after it as its first
    field not typed). Where the records cannot say (no ``groups``, or a
    block they do not know), any English key counts, and the hint offers
    the quotes too. A key the records do not know (``title: Tip: …``) is
    left to the quote hint. Returns (message, hint, the first later key's
    0-based position), or None.
    """
    here = lines.line(line)
    start, colon, _pos = typed_value(here)
    if colon is None or column <= colon:
        return None
    path = mapping_path(lines, line)
    if groups is not None and path is not None and groups(path) is not None:
        found = known_fields_joined(here, path, groups, (lines, line))
        return None if found is None else (*found[0], (line, found[1].later[0].start(1)))
    joined = _joined_fields(here, lambda key: True)
    # title: Tip: use it: no value before "Tip:", so no field is plainly typed after one
    told = None if joined is None or not joined.values[0] else _guessed_fields(here, start, joined)
    return None if told is None or joined is None else (*told, (line, joined.later[0].start(1)))


def known_fields_joined(here: str, path: KeyPath, groups: GroupFinder,
                         at: tuple[Lines, int]) -> tuple[tuple[str, str], _JoinedFields] | None:
    """`fields_on_one_line` where the records know the fields at ``path``, the mapping the line ``here`` is in.

    ``at`` is the text's lines and the line's 0-based number. A later key
    counts typed as `LATER_FIELD` says (``slug:baihe`` and ``slug：baihe``
    too). Returns ((message, hint), the fields found), or None when no
    field the records know there is typed after a value.
    """
    start, colon, _pos = typed_value(here)
    record = groups(path) or ()
    joined = _joined_fields(here, record.__contains__, LATER_FIELD)
    key = here[start:colon or start].strip()
    group = groups(path + (key,)) if joined is None and key in record else None
    if group:
        joined = _joined_fields(here, group.__contains__, LATER_FIELD)
    told = (None if joined is None else _group_fields_joined(here, start, joined, group) if group
            else _sibling_fields(here, start, joined, _typed_elsewhere(*at, [m.group(1) for m in joined.later])))
    if told is None or joined is None:
        return None
    wide = joined.wide_colons
    if wide:
        told = (f"{told[0]}; the colon after {_names(wide)} is a full-width colon (全角冒号 ：), "
                'where a half-width ":" (半角) is needed', told[1])
    return told, joined


def _sibling_lines(here: str, start: int, joined: _JoinedFields) -> list[str]:
    """The line ``here`` as one line for each field, the later ones lined up with its first key (at ``start``)."""
    inner = " " * start
    return [field_line(here[:start], joined.key, joined.values[0]) + joined.note,
            *(field_line(inner, m.group(1), value) for m, value in zip(joined.later, joined.values[1:]))]


def _lines_hint(how: str, typed: list[str], instead: str) -> str:
    """``how``, then the lines ``typed`` to type in place of the line, or ``instead`` when one is too long to give."""
    if max(map(len, typed)) > PASTE_LIMIT:
        return how + instead
    return f"{how}, typing these {len(typed)} lines in place of this one: " + ", ".join(f'"{t}"' for t in typed)


def _lined_up(key: str, start: int) -> str:
    """``lined up with "as_of:" (indented by 4 spaces)``: where a field split off a line starts."""
    return f'lined up with "{clip(key, 20)}:"' + (f" (indented by {start} spaces)" if start else "")


def _sibling_fields(here: str, start: int, joined: _JoinedFields,
                    elsewhere: Mapping[str, str]) -> tuple[str, str]:
    """`fields_on_one_line` for fields of one mapping: each on a line of its own, lined up with the first.

    ``elsewhere`` maps each later key that has a line of its own in the same
    mapping too to that line (`_typed_elsewhere`): the lines to type leave
    that field out, since the mapping would have it twice, and the hint says
    to type it in place of its line if this value is the one meant.
    """
    keys = [joined.key, *(m.group(1) for m in joined.later)]
    message = (f"{_HOW_MANY.get(len(keys), len(keys))} fields are typed on one line: {_names(keys)}; "
               f"each field needs a line of its own {_ONE_A_LINE}")
    typed = [line for key, line in zip(keys, _sibling_lines(here, start, joined)) if key not in elsewhere]
    if len(typed) > 1:
        hint = _lines_hint(f"put each field on a line of its own, {_lined_up(joined.key, start)}", typed,
                           f": start a new line before {_names([m.group(1) + ':' for m in joined.later])}")
    else:
        hint = f'keep "{clip(joined.key, 20)}" alone on its line, typing this line in place of this one: "{typed[0]}"'
    for match, value in zip(joined.later, joined.values[1:]):
        key = match.group(1)
        if key in elsewhere:
            hint += (f'; there is a "{clip(key, 20)}" line already ("{clip(elsewhere[key], 60)}"): if '
                     f'"{clip(field_line("", key, value), 60)}" is the one you mean, type it in place of that line')
    return message, hint


def _typed_elsewhere(lines: Lines, line: int, keys: Sequence[str]) -> dict[str, str]:
    """The keys of ``keys`` that another line of the mapping the 0-based ``line`` is in starts with: ``{key: that
    line, without its comment}``. Empty for a mapping inside a list (its items are not told apart here)."""
    here = lines.line(line)
    start, _colon, _pos = typed_value(here)
    path = mapping_path(lines, line)
    if path is None or any(isinstance(part, int) for part in path):
        return {}
    found: dict[str, str] = {}
    for number, text in enumerate(lines.lines):
        if number == line or not holds_yaml(text):
            continue
        other_start, other_colon, value_at = typed_value(text)
        key = text[other_start:other_colon].strip() if other_colon is not None else None
        if other_start == start and key in keys and key not in found and mapping_path(lines, number) == path:
            found[key] = f"{key}: {split_comment(text[value_at:])[0].strip()}".rstrip()
    return found


def _guessed_fields(here: str, start: int, joined: _JoinedFields) -> tuple[str, str]:
    """`fields_on_one_line` where the records cannot say whether the later keys are fields: both fixes."""
    later = _names([m.group(1) + ":" for m in joined.later])
    one = len(joined.later) == 1
    message = (f'{later} after the value {"looks like another field" if one else "look like other fields"} '
               f"typed on the same line; each field needs a line of its own {_ONE_A_LINE}")
    fields = _lines_hint(f"if {'it is a field' if one else 'they are fields'}, put each field on a line of its own, "
                         f"{_lined_up(joined.key, start)}",
                         _sibling_lines(here, start, joined), f": start a new line before {later}")
    return message, f"{fields}; if {'it is' if one else 'they are'} part of the value, {quote_hint(here)}"


def _group_fields_joined(here: str, start: int, joined: _JoinedFields,
                         group: tuple[str, ...]) -> tuple[str, str]:
    """`fields_on_one_line` for a group's fields typed after its key (``interviewee: 张三 role: 党委书记``).

    When every field of the group is typed after the first value
    (``interviewee: 张三 name: 李四 role: 书记``), no field is left for that
    value: the hint gives the fields their lines and says the value has
    none. Returns (message, hint); never None.
    """
    later = [m.group(1) for m in joined.later]
    missing = [name for name in group if name not in later]
    inner = " " * (start + 2)
    first = [field_line(inner, missing[0], joined.values[0])] if joined.values[0] and missing else []
    stray = joined.values[0] if joined.values[0] and not missing else ""
    typed = [here[:start] + joined.key + ":" + joined.note, *first,
             *(field_line(inner, key, value) for key, value in zip(later, joined.values[1:]))]
    key = clip(joined.key, 20)
    message = (f'{_names(later)} {"is a field" if len(later) == 1 else "are fields"} of "{key}", typed on its line; '
               f"a group of fields has each field on a line of its own under it {_ONE_A_LINE}")
    value = f', and write the value now after "{key}:" as "{missing[0]}: …"' if first else ""
    hint = _lines_hint(f'write "{key}:" alone on its line, and under it each field on a line of its own, '
                       f"indented by 2 spaces more than \"{key}:\"", typed,
                       f": start a new line before {_names([name + ':' for name in later])}{value}")
    if stray:
        hint = (f'"{clip(stray, 20)}", typed before the fields, is in no field: delete it, or move it into the '
                f"field it belongs to; {hint}")
    return message, hint
