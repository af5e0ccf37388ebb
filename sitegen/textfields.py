"""Fields of a record typed inside the text of another field of it, which YAML reads as lines of that text.

A tally's ``in_progress: 50`` typed 2 spaces further in than its other fields, under a ``note: |`` (or a ``>`` or
a quoted note going on over lines), is no field but a line of the note: the figure would be published as words of
the note and be missing from the tally, its charts and open data, with no message when the field may be left out.
A line counts as such a field when it starts with the name of a field of the record the text is typed in, then a
colon and a space (or the line's end), and the record has no such field of its own.

May import: errors, lazyre, yamltext (and the standard library).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from .errors import Report, paste_hint
from .lazyre import compile_later
from .yamltext import YamlData

_FIELD_LINE = compile_later(r"( *)([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|$)")

Place = tuple[str | int, ...]


def report_fields_in_texts(data: YamlData, fields_at: Callable[[Place], tuple[str, ...] | None], path: str,
                           report: Report) -> set[Place]:
    """Tell each field typed inside a text of the record it belongs to (module docstring), as an error at its line.

    Takes the loaded file, what the records say of its places (`sitegen.validation.group_fields`: the field
    names of the record typed at a place, or None), the file's path and the report. The hint gives the line to
    type: the same line lined up with the text's key when it is the text's last line, else typed above the key.
    Returns the places of the fields so told (``("tallies", 1, "in_progress")``), whose "missing" error would say
    the same slip again. Raises nothing.
    """
    told: set[Place] = set()
    for place, record in _records(data.value, ()):
        known = fields_at(place)
        if not known:
            continue
        for key, value in record.items():
            missing = [name for name in known if name not in record and f"{name}:" in value] \
                if isinstance(value, str) else []
            if not missing or (*place, key) not in data.key_positions:
                continue  # looked for only in a text that holds such a name: finding positions costs a load
            for line, indent, name in _fields_in(data, (*place, key), known, record):
                if (*place, name) in told:
                    continue
                told.add((*place, name))
                report.error(path, line, indent + 1, *_words(data, (*place, key), line, indent, name))
    return told


def _records(value: Any, place: Place) -> Iterator[tuple[Place, dict[str, Any]]]:
    """Every mapping in ``value`` (found at ``place``) with its place, outer ones first."""
    if isinstance(value, dict):
        yield place, value
        for key, inner in value.items():
            yield from _records(inner, (*place, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _records(inner, (*place, index))


def _fields_in(data: YamlData, place: Place, known: tuple[str, ...],
               record: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """The lines below the key at ``place`` that are lines of its text and start with a field of ``known`` that
    ``record`` lacks: (file line, indent, the field's name)."""
    key_line, _column = data.key_positions[place]
    _first, last = data.lines_of(place)
    for line in range(key_line + 1, last + 1):
        typed = _FIELD_LINE.match(data.line_text(line) or "")
        if typed is not None and typed.group(2) in known and typed.group(2) not in record:
            yield line, len(typed.group(1)), typed.group(2)


def _words(data: YamlData, place: Place, line: int, indent: int, name: str) -> tuple[str, str]:
    """``(message, hint)`` for the field ``name`` typed on ``line`` (at ``indent``) inside the text at ``place``."""
    key_line, column = data.key_positions[place]
    key = str(place[-1])
    typed = (data.line_text(line) or "").strip().rstrip("\"'")  # a quoted text's closing quote is the text's
    where = " → ".join(f"item {part + 1}" if isinstance(part, int) else str(part) for part in place[:-1])
    record = f"{where} has" if where else "the file has"
    message = (f'"{typed}" is read as a line of the text of "{key}:" above it, not as a field: it is indented (缩进) '
               f'{indent} spaces, further than "{key}:" ({column - 1} spaces), so {record} no "{name}" and the '
               "text would show this line")
    lined = " " * (column - 1) + typed
    last = data.lines_of(place)[1]
    value_line, value_column = data.positions[place]
    if line == last and (data.line_text(value_line) or "")[value_column - 1:value_column] in ("|", ">"):
        how = f'if it is a field, delete {indent - column + 1} spaces at its start, lined up with "{key}:"'
    else:
        how = f'if it is a field, take it out of the text and type it above "{key}:" (line {key_line}), lined up with it'
    return message, paste_hint(how, f'"{lined}"')
