"""The line scan's checks of a line's indentation: a TAB or an odd space in it.

Job: `check_indent` tells the first TAB or full-width space in a line's
indentation, with the spaces it stands for and the line as it is to be typed
with them when the lines around it tell (a field of the block above, text
going on from a value, an item of a list), else `TAB_HINT`; and an indent
that makes a line of text of what was meant as a field. `check_kept_indent`
tells odd spaces starting a line inside quotes or brackets opened above.

May import: errors, yamlbits, yamlfold, yamllines, yamlscankeys (and the standard library).
"""

from __future__ import annotations

from .errors import WIDE_SPACES, paste_hint, space_name
from .yamlbits import GAP, TAB_HINT, TAB_MESSAGE, Issue, KeyPath, Lines, Scan
from .yamlfold import is_wide
from .yamllines import (bare_key, clip, gap_of, holds_yaml, indent_of, is_item, mapping_path, reads_as_text,
                        split_comment, typed_value, yaml_line)
from .yamlscankeys import key_typing


def check_indent(scan: Scan, number: int, indent: str, *, blank: bool) -> bool:
    """Report the first TAB or full-width space in a line's indentation (or on an empty line). True when the line
    was told to be text (`_odd_indent_issue`): nothing more is to be told of it (``其中：…`` is no key)."""
    for column, char in enumerate(indent):
        if char == "\t" and blank:
            scan.issues.append(Issue(number, column, "a TAB is on this empty line; YAML does not allow it",
                                      "delete the TAB (制表符) so that the line is really empty"))
        elif char == "\t":
            issue, text = _tab_issue(scan, number, column)
            scan.issues.append(issue)
            return text
        elif char in WIDE_SPACES and blank:
            scan.issues.append(Issue(number, column, f"{space_name(char)} is on this empty line",
                                      "delete it so that the line is really empty"))
        elif char in WIDE_SPACES:
            issue, text = _odd_indent_issue(scan, number, column, char)
            scan.issues.append(issue)
            return text
        else:
            continue
        return False
    return False


def check_kept_indent(scan: Scan, number: int, line: str) -> None:
    """Report odd spaces (full-width, no-break …) that start a line inside quotes or brackets opened above.

    There YAML drops the ordinary spaces that indent a line and keeps the
    others as part of the value: ``tags: [大调研,`` then ``　　草莓产业]``
    published the tag "　　草莓产业", and a quoted summary went on with two
    full-width spaces in its middle.
    """
    stripped = line.lstrip(" \t")
    odd = stripped[:len(stripped) - len(stripped.lstrip(WIDE_SPACES))]
    if not odd:
        return
    inside = "the brackets" if scan.mode == "flow" and not scan.flow_quote else "the quotes"
    scan.issues.append(Issue(
        number, len(line) - len(stripped),
        f"{space_name(odd[0])} starts this line inside {inside} opened above, so YAML keeps it as part of the value",
        "replace the spaces at the start of the line with ordinary spaces (switch the input method to 半角)"
        if stripped.strip(GAP) else "delete the spaces on this line"))


def _odd_indent_issue(scan: Scan, number: int, column: int, char: str) -> tuple[Issue, bool]:
    """The issue of the 0-based line ``number``, indented with the odd space ``char`` (full-width, no-break …) at
    ``column``, and whether the line is told to be text (no field, no item): then nothing more is told of it.

    A line of text under a value it cannot go on from is told as text (`_text_after_value`); any other line is
    told the ordinary spaces that line it up (`_odd_line_indent`), or else to be indented with ordinary spaces.
    """
    name = space_name(char)
    found = _text_after_value(scan, number)
    if found is not None:
        return _text_issue(number, column, name, "the spaces", found), True
    going_on, spaces = _odd_line_indent(scan, number)
    message = f"{name} is used for indentation; YAML needs ordinary spaces"
    if spaces is not None:
        count, where = spaces
        mended = _indented(scan, number, count)
        if not count:
            return Issue(number, column, message,
                         _line_hint(scan, number, 0, f"delete the spaces at the start of the line, {where}"),
                         whole=True, mended=mended), going_on
        return Issue(number, column, message,
                     _line_hint(scan, number, count, f"replace the spaces at the start of the line with {count} "
                                                     f"ordinary space{'s' if count > 1 else ''}, {where}"),
                     whole=True, mended=mended), going_on
    return Issue(number, column, message, "delete the spaces at the start of the line and type ordinary spaces, "
                                           "lined up with the lines above"), going_on


def _tab_issue(scan: Scan, number: int, column: int) -> tuple[Issue, bool]:
    """`_odd_indent_issue` for a line indented with a TAB (at ``column``), in the words of `_tab_hint`."""
    found = _text_after_value(scan, number)
    if found is not None:
        return _text_issue(number, column, "a TAB (制表符)", "the TAB", found), True
    going_on, spaces = _odd_line_indent(scan, number)
    return Issue(number, column, TAB_MESSAGE, _tab_hint(scan, number, spaces), whole=spaces is not None,
                 mended=None if spaces is None else _indented(scan, number, spaces[0])), going_on


def _indented(scan: Scan, number: int, spaces: int) -> str:
    """The 0-based line ``number`` as a hint to indent it with ``spaces`` ordinary spaces mends it: read so in
    its place (`Issue.mended`), the rest of the file is checked in the same run as it will be read once the
    hint is followed, not only after (a tally's sum under a note indented with a TAB was told a run later)."""
    return " " * spaces + scan.lines.line(number).lstrip(GAP)


def _line_hint(scan: Scan, number: int, spaces: int, how: str) -> str:
    """The hint ``how`` (to indent the 0-based line ``number`` with ``spaces`` ordinary spaces, told in words)
    ending with the line as it is to be typed (`paste_hint`): its TABs or odd spaces at the start replaced by
    those spaces, the spaces after its end left out. In double quotes when it starts with spaces, which show
    only so; bare when it starts at the left edge. Just ``how`` when the line is longer than `PASTE_LIMIT`.

    Told only the count, an editor could not see how far in that is, nor whether the line now reads right.
    """
    typed = _indented(scan, number, spaces).rstrip()
    return paste_hint(how, f'"{typed}"' if spaces else typed)


def _text_issue(number: int, column: int, name: str, instead: str, found: tuple[str, str, str, bool]) -> Issue:
    """The issue of a line of text (`_text_after_value`'s ``found``) indented with ``name`` (a TAB, an odd space),
    which a hint calls ``instead`` ("the TAB", "the spaces") where it says what to type in its place."""
    text, where, key, closed_by_note = found
    where = where.format(instead=instead)
    join = (f'if it goes on from the value of "{key}:" above, type it at the end of that value, before its note '
            '(" # …"); if it is a value of its own' if closed_by_note else "if it is a value")
    return Issue(number, column, f'{name} starts this line, and it is text, not a field ("name: value")',
                  paste_hint(f'{join}, type its field\'s name and ": " before it, {where}; if it is a note (说明), '
                             f'start the line with "# " in place of {instead}, as a note starts with it '
                             "(以 # 开头的行是说明)", f"# {text}"))


def _odd_line_indent(scan: Scan, number: int) -> tuple[bool, tuple[int, str] | None]:
    """For the 0-based line ``number``, indented with a TAB or odd spaces (and no text after a value): whether it
    is text going on from the value above, and the ordinary spaces that line it up with why, as a hint says it
    (None when the lines above do not tell). Remembers the spaces, for such a line below.

    A field or a list item is lined up by the line above it (`_tab_indent`; a field of the file's own after a
    group goes to the left edge, `_own_field_indent`); an item typed with a slip of its dash is lined up with
    the item above (`_item_slip_indent`); text is told the spaces that make it go on (`_going_on_indent`).
    """
    content = scan.lines.line(number).lstrip(GAP)
    key = key_typing(False)[0].match(content)
    going_on = False
    if content[:1] in LIST_DASHES and not content.startswith("- ") and content != "-":
        spaces = _item_slip_indent(scan.lines, number)  # "－ 计划…", "-计划…": an item with a slip of its dash
    elif (key and _may_name_a_field(scan, number, key.group(1))) or content.startswith("- ") or content == "-":
        spaces = _own_field_indent(scan, number, _tab_indent(scan, number))
    else:
        spaces, going_on = _going_on_indent(scan, number), True
    scan.tab_indents[number] = spaces[0] if spaces else None
    return going_on, spaces


def _item_slip_indent(lines: Lines, number: int) -> tuple[int, str] | None:
    """The ordinary spaces for the 0-based line ``number``, a list item typed with a slip of its dash (``－ 计划…``,
    ``-计划…``, told by `_check_list_dash`) and odd spaces before it: those of the list item above it, as it is one
    of them (told as text going on, it was joined to that item). None without a list item just above."""
    above = yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if not typed.startswith(" " * indent_of(typed) + "- ") or gap_of(typed).strip(" "):
        return None
    return indent_of(typed), 'lined up with the "- " above it'


def _going_on_indent(scan: Scan, number: int) -> tuple[int, str] | None:
    """The ordinary spaces that make the 0-based line ``number`` (text, indented with odd spaces) go on from the
    value above it, and why, as a hint says it: further in than the key of a ``key: value`` (or ``key: |``) above,
    lined up with the text of a list item or with a line of text above (with the spaces told for it, when it was
    indented oddly too). None when the line above tells nothing.

    Each full-width space was told to be two ordinary ones: under ``    note: 据…`` two of them made 4 spaces,
    as far in as ``note:``, which is no longer its value.
    """
    lines = scan.lines
    above = yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if above >= 0 and gap_of(typed).strip(" "):
        told = scan.tab_indents.get(above)
        content = typed.lstrip(GAP)
        if told is None or typed_value(content)[1] is not None or is_item(content):
            return None
        return told, "lined up with the line above it, as told for it, so that the text goes on from it"
    if above < 0:
        return None
    start, colon, _pos = typed_value(typed)
    if colon is not None:
        key = clip(typed[start:colon].strip(), 20)
        return start + 2, f'further in than "{key}:" above it, so that the text goes on from its value'
    if start > indent_of(typed):
        return start, "lined up with the text of the list item above it, so that the text goes on from it"
    return start, "lined up with the line above it, so that the text goes on from it"


def _text_after_value(scan: Scan, number: int) -> tuple[str, str, str, bool] | None:
    """The 0-based line ``number``, indented with odd spaces, when it is a line of text (no field, no list item)
    under a field whose value it cannot go on from: (its text, where a field's name would go, as a hint says it
    with ``{instead}`` for what indents the line, the key above, whether the value is text closed by a note on its
    line).

    A value that cannot go on is an id, a date, a number, a quoted or bracketed value: one that holds no wide
    character (Han, full-width punctuation), or starts with a quote or bracket (``unit: baihe`` then
    ``　　白鹤镇的访谈``, a paragraph's indent typed by an input method); or one with a note after it
    (``publisher: 上海热线新闻网   # 原刊发平台``). Typed with ordinary spaces instead, the text would join that
    value (the unit ``baihe 白鹤镇的访谈``) or break the file. Lines of such text in a row are all told so. A
    sentence with a full-width colon is such text when the words before the colon name no field
    (``白鹤镇：补好短板…``; ``　　role：…`` is told its colon). None for any other line: a Chinese value above may
    go on (``summary: 截至4月26日开展调研318批次`` then ``　　收集问题清单296份``). Text on the first line, or
    under the key of a group of fields (``interviewee:``), is such text too.
    """
    lines = scan.lines
    colon = key_typing(False)[0]

    def text_of(line: int) -> str | None:
        typed = lines.line(line).strip(GAP)
        match = colon.match(typed)
        if not reads_as_text(typed) or (match and _may_name_a_field(scan, line, match.group(1))):
            return None
        return typed

    text = text_of(number)
    if text is None:
        return None
    above = yaml_line(lines, number, -1)
    while above >= 0 and lines.line(above)[:1] in WIDE_SPACES and text_of(above) is not None:
        above = yaml_line(lines, above, -1)  # a line of such text above: the field is above it
    at_edge = "at the start of the line, in place of {instead}"
    if above < 0:
        return text, at_edge, "", False  # the first line: no value above it
    start, key_colon, pos = typed_value(lines.line(above))
    value, note = split_comment(lines.line(above)[pos:])
    value = value.strip()
    if key_colon is None or (value and value[0] in "|>"):
        return None
    key = clip(lines.line(above)[start:key_colon].strip(), 20)
    if not value:
        path = mapping_path(lines, above)
        if path is None or scan.groups is None or scan.groups((*path, key)) is None:
            return None
        # A group's key (interviewee:): the text is no value of it, but may be one of its fields.
        return text, f'in place of {{instead}}, after {start + 2} ordinary spaces, under "{key}:" above', key, False
    goes_on = value[0] not in "\"'[{" and any(is_wide(char) for char in value)
    if goes_on and not note:
        return None
    where = at_edge if not start else \
        f'in place of {{instead}}, after {start} ordinary spaces, lined up with "{key}:" above'
    return text, where, key, goes_on


def _may_name_a_field(scan: Scan, line: int, key: str) -> bool:
    """False when ``key`` (typed before a full-width colon on the 0-based ``line``, indented with odd spaces)
    names no field, neither of the file's own nor of the group of the field above: ``白鹤镇`` in ``白鹤镇：…``.
    True when it does or the records cannot tell."""
    if scan.names is None or scan.groups is None:
        return True
    above = yaml_line(scan.lines, line, -1)
    paths = {(), *([found] if above >= 0 and (found := mapping_path(scan.lines, above)) is not None else [])}
    told = [path for path in paths if scan.groups(path) is not None]
    return not told or any(scan.names(path, key) is not None for path in told)


def _tab_hint(scan: Scan, number: int, found: tuple[int, str] | None) -> str:
    """The hint for the 0-based line ``number``, indented with a TAB: the spaces to type in its place and why,
    ending with the line as it is to be typed (`_line_hint`), when the lines above tell them (``found``,
    `_odd_line_indent`); else `TAB_HINT`, which gives no line, as the spaces are not known."""
    if found is None:
        return TAB_HINT
    spaces, where = found
    typed = scan.lines.line(number)
    gap = gap_of(typed)
    tabs = gap.count("\t")
    what = f"the {tabs} TABs (制表符)" if tabs > 1 and not gap.strip("\t") else "the TAB (制表符)"
    if not spaces:
        how = f"delete {what}{' and the spaces' if gap.strip(chr(9)) else ''} at the start of the line, {where}"
    elif gap.strip("\t"):
        how = f"indent the line with {spaces} spaces and no TAB (制表符), {where}"
    else:
        how = f"replace {what} with {spaces} space{'s' if spaces > 1 else ''}, {where}"
    return _line_hint(scan, number, spaces, how)


def _own_field_indent(scan: Scan, number: int, found: tuple[int, str] | None) -> tuple[int, str] | None:
    """`_tab_indent`'s ``found`` (spaces, where; or None) for the 0-based line ``number``, indented with a TAB or
    odd spaces, unless its key names a field of the file's own (a slip or another word for one too: ``Date``,
    ``日期``) and none of the group the lines above it are in: then (0, why).

    ``date:`` typed with a TAB or a full-width space below ``interviewee:``'s fields was told to line up with
    ``role:``, which made it an unknown field of interviewee and left the page without its date. The group is
    the nearest key alone at the left edge above (``interviewee:``; ``tallies:``, whose items hold the fields),
    read whatever the lines between were indented with.
    """
    if (found is not None and not found[0]) or scan.groups is None or scan.names is None:
        return found
    content = scan.lines.line(number).lstrip(GAP)
    match = key_typing(False)[0].match(content)
    own = scan.groups(())
    if match is None or own is None:
        return found
    key = match.group(1)
    meant = scan.names((), key)
    if meant is None or meant not in own:
        return found
    line = number
    while (line := yaml_line(scan.lines, line, -1)) >= 0 and scan.lines.line(line)[:1] in GAP:
        pass
    group = bare_key(scan.lines.line(line)) if line >= 0 else None
    if group is None:
        return found
    below = yaml_line(scan.lines, line, 1)
    path: KeyPath = (group, 0) if below >= 0 and scan.lines.line(below).lstrip(GAP)[:2] == "- " else (group,)
    if scan.groups(path) is not None and scan.names(path, key) is not None:
        return found  # a field of the group (or a slip of one): lined up in it
    return 0, f'as "{meant}" is a field of the file\'s own, not of "{group}:" above it'


def _tab_indent(scan: Scan, number: int) -> tuple[int, str] | None:
    """How far in the 0-based line ``number``, indented with a TAB, goes, by the line above it: (spaces, which line
    it lines up with, as a hint says it). None when that line does not tell (a line of a block scalar, a list of
    plain texts above a key, an earlier TAB whose spaces are not known).

    A key below a key alone (``counts:``) or a list item below one (``tags:``) goes 2 spaces further in (or as far
    in as the line after it, if that one is); a key below a key lines up with it, below a list item with the key
    after its ``- ``; a list item below a list item lines up with it, below a field of an item with that item.
    """
    def seen(line: int) -> tuple[int | None, str]:
        text = scan.lines.line(line)
        content = text.lstrip(GAP)
        if line in scan.tab_indents:
            return scan.tab_indents[line], content
        return (None if text[:len(text) - len(content)].strip(" ") else len(text) - len(content)), content

    here = scan.lines.line(number).lstrip(GAP)
    item = here.startswith("- ") or here == "-"
    above = yaml_line(scan.lines, number, -1)
    if above < 0:
        return 0, "as the file's first field starts at the left edge"
    indent, content = seen(above)
    if indent is None:
        return None
    key = bare_key(content)
    start, colon, _pos = typed_value(content)
    if key is not None:
        below = yaml_line(scan.lines, number, 1)
        next_indent, next_content = seen(below) if below >= 0 else (None, "")
        further = next_indent if next_indent is not None and next_indent > indent + start and \
            next_content.startswith("- ") == item else indent + start + 2
        return further, f'{further - indent - start} spaces further in than "{clip(key, 20)}:" above it'
    above_item = content.startswith("- ")
    if not item and colon is not None:
        return indent + start, f'lined up with "{clip(content[start:colon].strip(), 20)}:" above it'
    if item and above_item:
        return indent, 'lined up with the "- " above it'
    if item and colon is not None:
        for line in range(above - 1, -1, -1):
            outer, text = seen(line)
            if not holds_yaml(text) or outer is None or outer >= indent:
                if outer is None and holds_yaml(text):
                    return None
                continue
            if text.startswith("- ") and outer + typed_value(text)[0] == indent:
                return outer, f'lined up with the "- " of the item above it ("{clip(text.split("   #")[0], 30)}")'
            return None
    return None


LIST_DASHES = "-－—–−"
