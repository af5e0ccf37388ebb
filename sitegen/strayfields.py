"""Front-matter fields typed in a page's text: below a "---" that closed the front matter too early, or in a second
front matter block pasted into the text.

Either way Markdown publishes ``status: in_progress`` or ``title: 做大做强白鹤草莓`` as a line of the page; below
an early "---", the fields are missing from the front matter too, and would each be told missing. A line counts as a field only when its name is one
of the page's own fields (``title``, ``date``, ``status`` …, given by the caller) and it starts the line, with a
colon of either width after it: ``注：…``, ``Note: …`` or a ``---`` rule between parts of the text are text.

May import: errors, lazyre (and the standard library, PyYAML).
"""

from __future__ import annotations

from typing import Collection, NamedTuple

import yaml

from .errors import Report
from .lazyre import compile_later

_FIELD = compile_later(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*[:：]")
_FENCE = compile_later(r"---[ \t]*")
_CODE_FENCE = compile_later(r"[ ]{0,3}(```|~~~)")
MIN_PASTED_FIELDS = 2
"""How many of the page's fields a block between two "---" lines of the text holds before it is taken for front
matter pasted there: one ``date: …`` between two rules may be text."""


class FieldRun(NamedTuple):
    """Lines of a page's text, from a given index, that read as front-matter fields.

    Fields:
        fields: each field's name and the index of its line, in order.
        last: the index of the run's last line (a field's, or a line of its value: indented, or ``- `` right
            under it); -1 when the run has no field.
        stop: the index of the first line after the run that is not of it (``len(lines)`` at the end).
    """

    fields: list[tuple[str, int]]
    last: int
    stop: int


def field_run(lines: list[str], start: int, names: Collection[str]) -> FieldRun:
    """The run of field lines in ``lines`` from index ``start``: each a field of ``names`` or a line of one's value.

    Empty lines between fields belong to the run; it ends at any other line
    (a heading, a line of text, a ``---``), or at an empty line followed by
    a list item (Markdown's list, not a value's). The run is empty when its
    first line that is not empty is no field.
    """
    fields: list[tuple[str, int]] = []
    last = -1
    index = start
    for index in range(start, len(lines)):
        line = lines[index]
        match = _FIELD.match(line)
        if match and match.group(1) in names:
            fields.append((match.group(1), index))
            last = index
        elif fields and last == index - 1 and line.strip() and (line[0] in " \t" or line.startswith("- ")):
            last = index  # a value's lines: indented, or the items of a list typed right under its name
        elif line.strip():
            return FieldRun(fields, last, index)
    return FieldRun(fields, last, len(lines))


def check_fields_below(front_matter: str, body: str, body_line: int, names: Collection[str], path: str,
                       report: Report) -> bool:
    """Report fields typed below the "---" that closed the front matter (``---`` typed above them by mistake).

    Takes the front matter's text, the page's text and the file line of its
    first line (``body_line``: the closing ``---`` is on the line above),
    the names of the page's fields, the page's path and the report. The
    text counts as such when its first line that is not empty is one of the
    page's fields that the front matter does not have. One error, at the
    ``---`` line, naming the fields and their lines; its hint moves that
    line below them, or deletes it when the front matter's own closing line
    is still under them. Returns True when it reported (the fields the
    front matter lacks are then not to be told missing one by one).
    """
    start = _FIELD.match(body.lstrip())  # most pages start with a heading or text: their lines are not split
    if start is None or start.group(1) not in names:
        return False
    lines = body.split("\n")
    run = field_run(lines, 0, names)
    above = {match.group(1) for match in map(_FIELD.match, front_matter.split("\n")) if match}
    if not run.fields or any(name in above for name, _ in run.fields):
        return False
    typed = ", ".join(f"{name} (line {body_line + index})" for name, index in run.fields)
    fence = body_line - 1
    if run.stop < len(lines) and _FENCE.fullmatch(lines[run.stop]):
        hint = (f'delete this line: the fields below it are in the front matter, whose closing "---" is on line '
                f"{body_line + run.stop}")
    else:
        hint = (f'move this "---" line down to just below line {body_line + run.last}, the last line of the '
                f"{run.fields[-1][0]}: field, so that it closes the front matter after all its fields")
    report.error(path, fence, 1, f'the front matter closes on this line, before fields typed below it: {typed}; '
                 "they would be published as the page's text", hint)
    return True


def check_pasted_front_matter(front_matter: str, body: str, body_line: int, names: Collection[str], path: str,
                              report: Report) -> bool:
    """Report a second front matter block in a page's text: a ``---`` line, the page's fields, a ``---`` line.

    Takes the same as `check_fields_below`. A block counts when its first
    line that is not empty is a field and it holds `MIN_PASTED_FIELDS` of
    them; blocks in fenced code (```) are an example, not a slip. One error
    per block, at its first line, naming its lines and fields; the hint
    deletes it, and names the fields whose values differ from the front
    matter at the top (or are not there), to be moved up first. Returns
    True when it reported.
    """
    if not body.startswith("---") and "\n---" not in body:  # most pages: no line starts so, so no block
        return False
    lines = body.split("\n")
    index, code, found = 0, None, False
    while index < len(lines):
        line = lines[index]
        fence = _CODE_FENCE.match(line)
        if fence and (code is None or fence.group(1) == code):
            code = fence.group(1) if code is None else None
        elif code is None and _FENCE.fullmatch(line):
            run = field_run(lines, index + 1, names)
            if (len(run.fields) >= MIN_PASTED_FIELDS and run.stop < len(lines)
                    and _FENCE.fullmatch(lines[run.stop])):
                _report_pasted(front_matter, lines[index + 1:run.stop], run, (body_line + index,
                               body_line + run.stop), path, report)
                index, found = run.stop, True
        index += 1
    return found


def _report_pasted(front_matter: str, block: list[str], run: FieldRun, span: tuple[int, int], path: str,
                   report: Report) -> None:
    """The error for a front matter block pasted into the text at file lines ``span``, holding the lines ``block``."""
    first, end = span
    names = list(dict.fromkeys(name for name, _ in run.fields))
    differ = _differing(front_matter, "\n".join(block), names)
    hint = f"delete lines {first} to {end}: "
    if not differ:
        hint += "its fields are already set, to the same values, in the front matter at the top"
    else:
        shown = ", ".join(differ)
        hint += (f"{'its field' if len(differ) == 1 else 'the fields'} {shown} there "
                 f"{'differs' if len(differ) == 1 else 'differ'} from the front matter at the top (or "
                 f"{'is' if len(differ) == 1 else 'are'} not in it): if a value there is the one wanted, move it up "
                 "into the front matter at the top first, in place of the value there")
    report.error(path, first, 1, f"the text holds a second front matter block (lines {first} to {end}: "
                 f"{', '.join(names)}), which would be published as the page's text", hint)


def _differing(front_matter: str, block: str, names: list[str]) -> list[str]:
    """The names among ``names`` whose values in ``block`` differ from those in ``front_matter``, or are not there.

    Values are compared as typed (YAML read with every scalar a string, so ``2018-05-03`` and ``2018-5-3`` differ);
    when either text cannot be read, every name is taken to differ.
    """
    try:
        top = yaml.load(front_matter, Loader=yaml.BaseLoader)
        below = yaml.load(block, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return names
    if not isinstance(top, dict) or not isinstance(below, dict):
        return names
    return [name for name in names if name not in top or top[name] != below.get(name)]
