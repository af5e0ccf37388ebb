"""The line scan: editor mistakes PyYAML reports badly, found line by line before parsing.

Job: `prescan` reads a YAML text line by line, outside block scalars and
quoted texts, for the mistakes PyYAML reports at the wrong place or with
baffling words (cases 09 and 11), each one `Issue` with a hint, and collects
the TABs typed as the gap after ``key:``, which are read as spaces. This
module follows the lines (`Scan` says whether a text after "|", a quote or
brackets is open) and checks characters YAML cannot read, list dashes, items
swallowed by the text above, mismatched quotes and escapes itself; the other
checks live by kind: `sitegen.yamlscanindent` (TABs and odd spaces in a
line's indentation), `sitegen.yamlscankeys` (full-width colons, ``key:value``,
the gap after the colon), `sitegen.yamlscancomments` (a ``#`` that cuts a text
short, notes) and `sitegen.yamlscanflow` (inside brackets).
`nothing_to_scan` proves, by a few regular expressions over the whole text,
that `prescan` would find nothing, so that the loader's fast path can skip it.

May import: errors, lazyre, yamlchars, yamlbits, yamllines, yamljoined, yamlscancomments, yamlscankeys,
yamlscanindent, yamlscanflow (and the standard library).
"""

from __future__ import annotations

import dataclasses

import re

from .errors import WIDE_SPACES, paste_hint, space_name
from .lazyre import compile_later
from .yamlbits import (ASCII_KEY, CJK_KEY, GAP, MAX_PROBLEMS, SLASHES_HINT, FieldNamer, GroupFinder, Issue, Lines,
                       Scan, ValueMender, path_with_slashes)
from .yamlchars import (BAD_BREAKS, BAD_CHARS, INVISIBLES, SHOWS_NOTHING_NAMES, SHOWS_NOTHING_RE, control_name,
                        invisibles_on_line)
from .yamljoined import LATER_FIELD, known_fields_joined
from .yamllines import (BLOCK_HEADER, LIST_ITEM_LEAD, bare_key, clip, gap_of, in_quotes, indent_of, is_item,
                        items_typed_out, key_colon_at, mapping_path, quote_end, quote_single, quote_steps, spaces_more,
                        split_comment, typed_value, value_as_typed, with_comment, yaml_line)
from .yamlscancomments import (HASH_TEXT, NOTE_LIKE, check_comment, check_comment_in_text, check_comment_value,
                               check_hash_after_quoted, check_hash_below, check_note_after_block_text,
                               check_note_in_block, check_text_cut, check_wide_comment)
from .yamlscanflow import scan_flow
from .yamlscanindent import LIST_DASHES, check_indent, check_kept_indent
from .yamlscankeys import (ODD_DASH_NAMES, WIDE_LETTERS, ascii_key_colon_mended, check_key_typing, full_width_line,
                           keeping_indent, scan_gap)


_BAD_CHAR = compile_later(f"[{BAD_CHARS}]")
_BAD_BREAK = compile_later(f"[{BAD_BREAKS}]")
# Escapes YAML accepts in double quotes that change the text (not \" or \\); others are parse errors.
_VALID_ESCAPE = compile_later(r"\\[0abtnvfre /N_LPxuU\t]")
_ESCAPE_PAIR = compile_later(r'\\(?:[\\"]|([0abtnvfre /N_LPxuU\t]))')
"""A backslash and the character after it in a double-quoted value, read from its start: ``\\\\`` and ``\\"``
(typed to mean a backslash and a quote), or an escape that surprises (group 1: ``\\t`` in ``C:\\temp``)."""


# The patterns of nothing_to_scan. Each finds anywhere in the text, whatever mode the line
# scan would be in there, a superset of what some checks of the scan look for:
#   _QUICK_CHAR     TABs and full-width spaces (check_indent, _scan_dashes, scan_gap) and
#                   the characters of _scan_characters;
#   _VALID_ESCAPE   _check_escapes;
#   _QUICK_COMMENT  check_comment, check_wide_comment and a "＃" starting a line;
#   _QUICK_KEY      check_key_typing: a key at the start of a line or after its "- "
#                   markers (searched in "\n" + text, so the first line has its "\n" too);
#   _QUICK_WIDE_KEY full_width_line: a key typed in full-width letters (a half-width key
#                   with a full-width colon is _QUICK_KEY's);
#   _QUICK_DASH     _check_list_dash: a line starting with "-" and no space, another dash, or a "*"
#                   starting no alias;
#   _QUICK_LATER    _check_joined_fields: `LATER_FIELD`'s keys typed with no ": ";
#   _QUICK_SWALLOWED _check_items_swallowed: a list item below one indented less, with only lines
#                   further in than that one (its text going on), blank lines and comments between.
#   _QUICK_COMMENT_LINE check_comment_in_text: a comment line, then (past blank lines and comments)
#                   a line further in than the first column that may be a line of text.
#   _QUICK_BLOCK and _QUICK_NOTE, together: check_note_in_block and check_note_after_block_text:
#                   a line that may open a text after "|" or ">", and a "#" that may start a note.
# The two before those rely on _QUICK_CHAR being tried first: with no TAB or full-width space in
# the text, indentation and "- " markers are spaces and dashes only, and a "#" cutting a
# value follows a space. The trailing "+" on the key patterns makes their repeats
# possessive: no backtracking, and the same matches, since a key ends where a non-key
# character follows.
_QUICK_CHAR = compile_later(f"[\t{WIDE_SPACES}{BAD_CHARS}{BAD_BREAKS}{INVISIBLES}\u200d]")
_QUICK_KEY = compile_later(rf"\n[ -]*+(?:{ASCII_KEY}+|{CJK_KEY}+)(?::(?=[^ \t{WIDE_SPACES}/:\n])|[ \t]*+："
                        rf"|[ \t]++:(?=[^ \t{WIDE_SPACES}\n]))")


_QUICK_COMMENT = compile_later(r"(?:^|[ \t])#(?=[^ \t#\n])|[ \t]＃|^ *＃", re.MULTILINE)  # a "＃" too:
# `check_wide_comment`, and one starting a line (`_scan_normal_line`); a "#" starting a line is a comment
# too, which swallows the "]" of brackets opened on a line above ("[\n#]": `flow_comment_issue`)
_QUICK_DASH = compile_later(r"\n *+(?:-[^ \n-]|[－—–−]|\*[^0-9A-Za-z_\-*\n])")
_QUICK_FLOW_HASH = compile_later(r"[\[,][ \t]*#")  # a list's item typed with # (`_check_item_hash`)
_QUICK_CHINESE_QUOTE = compile_later("[“‘”’]")  # `_check_mismatched_quotes`: see `_mixes_quotes`
_QUICK_LATER = compile_later(r"[ \t\u3000][A-Za-z_][A-Za-z0-9_\-]*+(?:：|:[^ \t\n/:])")
_QUICK_WIDE_KEY = compile_later(rf"\n[ -]*+[{WIDE_LETTERS}]")  # `full_width_line`'s full-width key
_QUICK_SWALLOWED = compile_later(r"\n( *+)- [^\n]*(?:\n(?:\1 ++(?!-(?:[ \n]|\Z))[^\n]+| *+(?:#[^\n]*)?))*\n\1 ++- ")
_QUICK_COMMENT_LINE = compile_later(r"^ *#[^\n]*\n(?: *(?:#[^\n]*)?\n)* +(?!-(?: |$))[^ \n|>\"'\[{&*!%@`#]", re.MULTILINE)
_QUICK_BLOCK = compile_later(r"[|>][0-9+\-]*[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_QUICK_NOTE = compile_later(r"(?:^|[ \t])#(?=[ \t#]|$)", re.MULTILINE)


def nothing_to_scan(text: str) -> bool:
    """True when `prescan` of ``text`` would report no issue and replace no TAB.

    False means "not proven": the text may well be fine.
    """
    return (_QUICK_CHAR.search(text) is None
            and _VALID_ESCAPE.search(text) is None
            and _QUICK_COMMENT.search(text) is None
            and _QUICK_FLOW_HASH.search(text) is None
            and not _mixes_quotes(text)
            and _QUICK_DASH.search("\n" + text) is None
            and _QUICK_KEY.search("\n" + text) is None
            and _QUICK_WIDE_KEY.search("\n" + text) is None
            and _QUICK_LATER.search(text) is None
            and _QUICK_SWALLOWED.search("\n" + text) is None
            and _QUICK_COMMENT_LINE.search(text) is None
            and (_QUICK_BLOCK.search(text) is None or _QUICK_NOTE.search(text) is None))


def _mixes_quotes(text: str) -> bool:
    """True when a line of ``text`` holds a Chinese quote and an ASCII one, or both ASCII quotes
    (`_check_mismatched_quotes` looks only at such lines); in one pass, each line looked at once, however many
    quotes it holds."""
    if "'" in text and '"' in text and any("'" in line and '"' in line for line in text.split("\n")):
        return True  # '…份。": a value between two kinds of ASCII quote
    match = _QUICK_CHINESE_QUOTE.search(text)
    while match is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        if '"' in text[start:end] or "'" in text[start:end]:
            return True
        match = _QUICK_CHINESE_QUOTE.search(text, end)
    return False


def prescan(lines: Lines, groups: GroupFinder | None = None, names: FieldNamer | None = None,
             first_line: int = 1, values: ValueMender | None = None) -> Scan:
    """Scan every line outside block scalars and quoted strings; collect issues (``groups``, ``names``,
    ``first_line``, ``values``: `load_yaml`'s)."""
    scan = Scan(lines, groups=groups, names=names, first_line=first_line, values=values)
    _scan_characters(lines, scan.issues)
    for number, line in enumerate(lines.lines):
        if len(scan.issues) > MAX_PROBLEMS:
            break
        _scan_line(scan, number, line)
    return scan


def _scan_characters(lines: Lines, issues: list[Issue]) -> None:
    """Report characters YAML cannot read or reads as hidden line breaks (one per line)."""
    seen: set[int] = set()
    for pattern, name in ((_BAD_CHAR, control_name),
                          (_BAD_BREAK, lambda char: f"an invisible line separator (U+{ord(char):04X})")):
        for match in pattern.finditer(lines.text):
            line, column = lines.at(match.start())
            if line in seen:
                continue
            seen.add(line)
            issues.append(Issue(line, column, f"{name(match.group())} is in the text; YAML cannot keep it",
                                 "delete it (it often comes from text copied from a web page or Word)"))
            if len(issues) > MAX_PROBLEMS:
                return
    for match in SHOWS_NOTHING_RE.finditer(lines.text):
        line, column = lines.at(match.start())
        if line in seen:
            continue
        seen.add(line)
        where, count = invisibles_on_line(lines.line(line), column)
        char = match.group()
        issues.append(Issue(line, column, f"an invisible {SHOWS_NOTHING_NAMES[char]} is in the text"
                                           + (f" ({count} invisible characters on this line)" if count > 1 else "")
                                           + ": it shows nothing, but makes the text differ from what is seen",
                             f"delete it: it stands {where} (it often comes from text copied from a web page, "
                             "WeChat or Word; retyping the word removes it)" if count == 1 else
                             f"delete them: they stand {where} (they often come from text copied from a web page, "
                             "WeChat or Word; retyping the words removes them)"))
        if len(issues) > MAX_PROBLEMS:
            return


def _scan_line(scan: Scan, number: int, line: str) -> None:
    """Advance the scan over one line, by the mode left by the lines before it."""
    if scan.mode == "block":
        stripped = line.lstrip(" ")
        if not stripped or len(line) - len(stripped) > scan.block_indent:
            if NOTE_LIKE.match(stripped):
                check_note_in_block(scan, number, len(line) - len(stripped))
            elif stripped:
                check_note_after_block_text(scan, number, line, len(line) - len(line.lstrip(GAP)))
            return
        scan.mode = "normal"
    if scan.mode in ('"', "'", "flow"):
        check_kept_indent(scan, number, line)
    if scan.mode in ('"', "'"):
        end = quote_end(line, 0, scan.mode)
        if end is None:
            return
        start, colon, value_at = typed_value(line)
        if scan.swallowed is None and colon is not None and value_at == end and number > scan.lines.at(scan.opener)[0]:
            scan.swallowed = scan.opener, number  # "title: " then the quote that closes: the field's own opening quote
        scan.mode = "normal"
        if scan.quoted is not None:
            check_hash_after_quoted(scan, *scan.quoted)
            scan.quoted = None
        return
    if scan.mode == "flow":
        scan_flow(scan, number, line, 0)
        return
    _scan_normal_line(scan, number, line)


def _scan_normal_line(scan: Scan, number: int, line: str) -> None:
    """Check indentation, sequence dashes and the key of a line in block context.

    A line indented with a TAB or odd spaces whose ordinary spaces the lines above tell (`check_indent`'s issue
    then has the line as mended) is scanned on as mended: ``　　name：张三`` under ``interviewee:`` was told
    that "name" stands for the page's ``title``, as if it stood at the left edge, and to type ``　　title: 张三``.
    What is told of the rest of the line is said at the columns the editor typed, and the mended line each
    such issue gives keeps the indent mended too.
    """
    pos = len(line) - len(line.lstrip(GAP))
    rest = line[pos:]
    told = len(scan.issues)
    if check_indent(scan, number, line[:pos], blank=not rest) or not rest:
        return
    mended = next((issue.mended for issue in scan.issues[told:] if issue.line == number and issue.mended), None)
    if mended is None:
        _scan_line_content(scan, number, line, pos)
        return
    spaces = len(mended) - len(rest)
    told = len(scan.issues)
    _scan_line_content(scan, number, mended, spaces)
    scan.issues[told:] = [dataclasses.replace(issue, column=issue.column - spaces + pos)
                          if issue.line == number and issue.column >= spaces else issue
                          for issue in scan.issues[told:]]


def _scan_line_content(scan: Scan, number: int, line: str, pos: int) -> None:
    """`_scan_normal_line` past the indent of ``line``, whose first character after it is at ``pos``."""
    rest = line[pos:]
    if rest.startswith("#"):
        if pos and HASH_TEXT.match(rest):
            check_text_cut(scan, number, pos)
        elif scan.plain_owner is not None and scan.plain_owner >= 0:
            check_comment_in_text(scan, number, pos)
        return
    if rest.startswith("＃"):
        # "＃ outcome: 还没写好" was told to be renamed "outcome", which published the note.
        note = line[:pos] + "#" + rest[1:]
        scan.issues.append(Issue(number, pos, 'this line starts with a full-width "＃" (全角), so YAML reads it as '
                                               "a field, not as a note (说明)",
                                  paste_hint('to keep it a note, type the "#" in half width (半角)', note.rstrip())
                                  + '; to use it as a field, delete the "＃" and the spaces after it'))
        return
    if scan.plain_owner is not None and pos > scan.plain_owner:
        if scan.plain_item >= 0 and is_item(rest):
            _check_items_swallowed(scan, number, pos)
        typed, note = split_comment(rest)
        comment = re.search(r"[ \t]#", typed)
        if comment is not None:
            check_text_cut(scan, number, pos + comment.start() + 1)
        elif scan.plain_text is not None:
            check_wide_comment(scan, number, pos, typed, note, line[:pos])
        return  # continuation line of a multi-line plain value
    scan.plain_owner, scan.plain_item = None, -1
    if pos == 0 and re.match(r"(---|\.\.\.)([ \t]|$)", line):
        return
    wide = full_width_line(scan, number, line, pos)
    if wide is not None:
        scan.issues.append(wide)
        return
    indent = pos
    owner, pos, after_dash = _check_list_dash(scan, number, line, pos)
    owner, pos, seen = _scan_dashes(scan, number, line, pos, owner)
    after_dash = after_dash or seen
    if check_key_typing(scan, number, line, pos, after_dash):
        return
    lead = indent if after_dash else pos
    colon = key_colon_at(line, pos)
    if colon is not None:
        owner, pos = pos, scan_gap(scan, number, line, colon)
    _scan_value(scan, number, line, pos, owner, line[lead:pos])


_NUMBER = compile_later(r"-[0-9]+(?:\.[0-9]+)?%?")


_BULLET_NAMES = {"•": "a bullet (项目符号)", "·": "a middle dot (间隔号)", "・": "a middle dot (中点)",
                 "●": "a round bullet (实心圆)", "○": "a round bullet (空心圆)", "■": "a square bullet (实心方块)",
                 "▪": "a square bullet (方块)", "◆": "a diamond bullet (实心菱形)", "◇": "a diamond bullet (菱形)"}
"""Signs that Word, WPS or an input method types at the start of a list item, each as a message names it."""

_ALIAS_CHAR = compile_later(r"[0-9A-Za-z_\-]")
"""A character of an alias's name (``*ref``): a ``*`` followed by anything else starts no alias."""


def _check_list_dash(scan: Scan, number: int, line: str, pos: int) -> tuple[int, int, bool]:
    """Report a list item typed ``-走访`` (no space), ``－ 走访``/``— 走访`` (a dash that is not "-"), ``* 走访``
    or ``· as_of: …`` (a bullet, `_BULLET_NAMES`).

    Takes the scan, the line's number and text, and ``pos``, where its text
    starts (after the indentation). YAML reads such a line as text, and
    joins it to the lines around it: ``actions:`` followed by ``-走访`` and
    ``-研究`` publishes the one action "-走访 -研究", and ``-as_of: …`` is
    reported by the parser a line too late. An error at the dash, with the
    line as it should be typed, stops that. Lines the scan does not look at
    (block scalars, quoted text, the lines continuing a value) are never
    checked here, nor are ``---``, a number (``-5``, ``-2.5%``), a line of
    dashes only, or an alias (``*ref``, refused as such) and ``**``.

    Returns (column of the dash, where the item's text starts, True) after
    a report, so that the rest of the line is checked as a list item's;
    else (-1, ``pos``, False).
    """
    char, after = line[pos:pos + 1], line[pos + 1:pos + 2]
    rest = line[pos:].rstrip(GAP)
    if char == "-":
        if after in ("", "-") or after in GAP or _NUMBER.fullmatch(rest):
            return -1, pos, False
        message, how = 'a list item needs a space after "-" (列表项 "-" 后要有空格)', 'add a space after "-"'
    elif char in ODD_DASH_NAMES and after not in LIST_DASHES and rest.strip(LIST_DASHES):
        message = f'"{char}" is {ODD_DASH_NAMES[char]}; a list item starts with a half-width "-" (半角) and a space'
        how = 'type a half-width "-" and a space'
    elif char == "*" and after and not _ALIAS_CHAR.match(after) and after != "*":
        # "* 走访…", a bullet as Word and Markdown type it: YAML reads "*" as an alias, and quoting it, as that
        # error is told, left lines no list could hold ("this line is not lined up").
        message = '"*" is a bullet (项目符号), as Word or Markdown types it; a list item starts with "-" and a space'
        how = 'type "-" and a space in place of the "*"'
    elif char in _BULLET_NAMES and rest[1:].strip(GAP):
        # "· as_of: …": YAML reads the line as text, and the error came at the next field, "not expected here".
        message = (f'"{char}" is {_BULLET_NAMES[char]}, as Word or an input method types it; a list item starts '
                   'with "-" and a space')
        how = f'type "-" and a space in place of the "{char}"'
    else:
        return -1, pos, False
    start = pos + 1 + len(line[pos + 1:]) - len(line[pos + 1:].lstrip(GAP))
    if line[:pos].strip(" ") == "":  # the line to type shows no indent: say to keep it
        how = keeping_indent(how, line[:pos])[0]
    # A full-width colon after the key is told on its own: the line to type mends it too, or typed, it is refused.
    typed = "- " + ascii_key_colon_mended(line[start:].rstrip())
    scan.issues.append(Issue(number, pos, message, paste_hint(how, typed)))
    return pos, start, True


def _scan_dashes(scan: Scan, number: int, line: str, pos: int, owner: int) -> tuple[int, int, bool]:
    """Skip ``- `` list markers; report TABs and full-width spaces after them.

    Returns (owner column, position after the markers, whether a marker was seen).
    """
    seen = False
    while pos < len(line) and line[pos] == "-" and (pos + 1 == len(line) or line[pos + 1] in GAP):
        owner, seen, start = pos, True, pos + 1
        pos = start
        while pos < len(line) and line[pos] in GAP:
            pos += 1
        gap = line[start:pos]
        if "\t" in gap:
            scan.issues.append(Issue(number, start + gap.index("\t"), 'a TAB follows the list marker "-"; YAML needs spaces',
                                      'replace the TAB (制表符) with a space: "- " then the item'))
        elif gap.strip(" "):
            odd = len(gap) - len(gap.lstrip(" "))
            scan.issues.append(Issue(number, start + odd,
                                      f'{space_name(gap[odd])} follows the list marker "-"; YAML needs an ordinary space',
                                      'replace it with an ordinary space: "- " then the item'))
    return owner, pos, seen


def _scan_value(scan: Scan, number: int, line: str, pos: int, owner: int, lead: str) -> None:
    """Classify the value starting at ``pos``: block scalar, quoted, flow or plain.

    ``owner`` is the column of its key or list marker (-1 at the root), ``lead``
    the text typed before the value on this line (``title: `` or ``- ``).
    """
    char = line[pos] if pos < len(line) else ""
    if char == "#":
        check_comment_value(scan, number, line, pos, lead, owner)
    if char in ("", "#"):
        if owner >= 0 and not HASH_TEXT.match(line, pos):
            check_hash_below(scan, number, owner, lead)
        return
    if char in "|>" and BLOCK_HEADER.match(line, pos):
        scan.mode, scan.block_indent, scan.block_head = "block", owner, number
        scan.block_notes = []
    elif char in "\"'":
        end = quote_end(line, pos + 1, char)
        key = _key_above(scan.lines, number, pos) if owner < 0 and not lead else owner
        if end is None:
            if not _check_mismatched_quotes(scan, number, line, pos, owner, lead):
                scan.mode, scan.opener = char, scan.lines.starts[number] + pos
                scan.quoted = number, pos, key, lead
            return
        if char == '"':
            _check_escapes(scan, number, line, pos, end, lead)
        check_hash_after_quoted(scan, number, pos, key, lead)
    elif char in "[{":
        scan.flow_depth, scan.flow_quote = 0, ""
        scan_flow(scan, number, line, pos)
    else:
        if owner < 0 and not lead:
            owner = _key_above(scan.lines, number, pos)
        # An item's text follows its "- " ("---title: …" is a key typed after dashes, no item: `_QUICK_SWALLOWED`).
        scan.plain_owner, scan.plain_item = owner, (number if LIST_ITEM_LEAD.match(lead) else -1)
        # A text typed on the line below its key has no key on its line: its lines are those as far in as its first.
        scan.plain_text = number, pos, owner if owner >= 0 else indent_of(line) - 1, lead
        if not _check_mismatched_quotes(scan, number, line, pos, owner, lead) and not _check_joined_fields(
                scan, number, line):
            check_comment(scan, number, line, pos, lead)


def _key_above(lines: Lines, number: int, pos: int) -> int:
    """The column of the key (or lone "-") a text typed on the 0-based line ``number``, at column ``pos``, is the
    value of: the nearest line above holding YAML, when it holds a key alone (``summary:``) or a lone "-" less far
    in than the text. -1 for any other text (the whole file's value, or a line the parser will refuse).

    The text's lines go on while they stand further in than that key (YAML 1.2 §7.3.3); with no column, every
    line below was taken for one of them, and a slip there (``title：…``) went unscanned.
    """
    above = yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if typed.strip() == "-":
        column = indent_of(typed)
    elif bare_key(typed) is not None:
        column = typed_value(typed)[0]
    else:
        return -1
    return column if column < pos else -1


def _check_items_swallowed(scan: Scan, number: int, pos: int) -> None:
    """Report list items that YAML reads as more of the text of the item above them, once per item.

    ``actions:`` / ``- 走访…`` / ``  - 研究…``: the first item lost its indent, or the others were typed
    further in, and the page would show one item, "走访… - 研究…". Takes the scan, the 0-based ``number``
    of the first such line and its indent ``pos``. When the item above is the only one of its list at
    its indent, it is told to go in as far as the ones below; else the ones typed further in (this
    line and those like it below) are told to come out to it.
    """
    lines, item = scan.lines, scan.plain_item
    scan.plain_item = -1
    if gap_of(lines.line(item)).strip(" "):
        return  # indented with a TAB or odd spaces: told so, with the spaces that line it up (`check_indent`)
    dash, spaces = indent_of(lines.line(item)), pos - indent_of(lines.line(item))
    further, _last, _inner = items_typed_out(lines, number, pos, None)
    after = yaml_line(lines, further[-1], 1)
    before = yaml_line(lines, item, -1)
    if not any(n >= 0 and indent_of(lines.line(n)) == dash and is_item(lines.line(n)) for n in (before, after)):
        shown = clip(split_comment(lines.line(number).strip())[0], 20)
        scan.issues.append(Issue(item, dash, f'this list item lost its indent (缩进): the items below it ("{shown}") '
                                              "are indented further, so YAML reads them as more of its text, and the "
                                              "page would show them as one item",
                                  f'indent it by {spaces_more(spaces, dash)}, lined up with "{shown}" below it'))
        return
    shown = clip(split_comment(lines.line(item).strip())[0], 20)
    count = f"{spaces} space{'s' if spaces > 1 else ''}"
    which = ("the start of the line" if len(further) == 1
             else f"the start of this line and of the {len(further) - 1} item{'s' if len(further) > 2 else ''} "
                  "below it indented as far")
    scan.issues.append(Issue(number, pos, f'this list item is indented further than "{shown}" above it, so YAML reads '
                                           "it as more of that item's text, and the page would show them as one item",
                              f'remove {count} at {which}, lined up with "{shown}"'))


_CHINESE_PAIR = {'"': ("“", "”"), "'": ("‘", "’"), "“": ("“", "”"), "‘": ("‘", "’")}
"""The Chinese quotes an input method types for a quote: for " (or “) “ and ”, for ' (or ‘) ‘ and ’."""


def _mismatched_quotes(value: str) -> bool:
    """True for a value typed between a quote and a Chinese quote: ``"白鹤镇”``, ``"白鹤镇“``, ``“白鹤镇"``, ``'白鹤镇’``.

    Takes the value as typed (its comment split off). An ASCII quote
    opening it is unclosed on its line and the value ends with the Chinese
    closing quote, or with its only ASCII quote of the other kind
    (``'…份。"``); or a Chinese quote opens it and it ends with its only
    ASCII quote (``“大调研”微访谈"共建"`` holds a pair: text, not a slip).
    A Chinese quote at the end that closes a pair opened in the value
    (``"把“问题清单”变成“幸福清单”``: as many “ as ”) is the text's own.
    """
    if len(value) < 2:
        return False
    if value[0] in "\"'":  # closed with ” or with “ (an input method gives “ and ” by turns, and may start with ”)
        if quote_end(value, 1, value[0]) is not None:
            return False
        if value[-1] in "\"'":
            return value[-1] != value[0] and value.count(value[-1]) == 1
        opens, closes = _CHINESE_PAIR[value[0]]
        return value[-1] in (opens, closes) and not 0 < value.count(opens) == value.count(closes)
    return value[0] in "“‘" and value[-1] in "\"'" and value.count(value[-1]) == 1


def _check_mismatched_quotes(scan: Scan, number: int, line: str, pos: int, owner: int, lead: str) -> bool:
    """Report a value typed between a quote and a Chinese quote (`_mismatched_quotes`); True when one was.

    ``title: "白鹤镇：建设新白鹤”``: the quote is never closed, and the
    hint that adds a closing one kept the ” on the page;
    ``title: “白鹤镇：建设新白鹤"`` was read as text and published with
    both. The hint gives the value between two ASCII quotes, exactly the
    text typed between them, or between Chinese quotes, which then show.
    A quote opened here and closed on an indented line below may be a
    value over several lines, and is left to the parser.
    """
    value, note = split_comment(line[pos:])
    if not _mismatched_quotes(value):
        return False
    lines = scan.lines.lines
    below = next((lines[n] for n in range(number + 1, len(lines)) if lines[n].strip()), "")
    if value[0] in "\"'" and indent_of(below) > owner and any(
            quote_end(lines[n], 0, value[0]) is not None for n in range(number + 1, len(lines))):
        return False
    opener, closer = _CHINESE_PAIR[value[0]]
    chinese = value[0] if value[0] in "“‘" else value[-1]
    inner = value[1:-1]
    kept, shown = in_quotes(inner), value_as_typed(opener + inner + closer)[0]
    column = pos + len(value) - 1 if chinese == value[-1] else pos
    where = (f"opens with {value[0]} and ends with {value[-1]}, a quote of the other kind, which YAML does not read "
             f"as its closing quote, so the {value[0]} is never closed" if chinese in "\"'" else
             f'opens with {value[0]} and ends with the Chinese quote {chinese}, which YAML does not read as its '
             f"closing quote, so the {value[0]} is never closed" if chinese == value[-1] else
             f"opens with the Chinese quote {chinese} and ends with {value[-1]}: YAML reads neither as a quote, so "
             f"the page would show both")
    ascii_fix = paste_hint(f"type {kept[0]} at both ends", with_comment(lead + kept, note),
                           f": {quote_steps(kept[0], inner, note)}, in place of the quotes typed")
    chinese_fix = paste_hint("or, for quotes that show on the page, type Chinese quotes at both ends",
                             with_comment(lead + shown, note), f": {opener} before the value and {closer} after it")
    if re.match(r"https?://", inner, re.IGNORECASE):  # quotes never show around a web address: only one fix
        return _told(scan, Issue(number, column, f"the value {where}", ascii_fix))
    return _told(scan, Issue(number, column, f"the value {where}", f"{ascii_fix} ({chinese_fix})"))


def _told(scan: Scan, issue: Issue) -> bool:
    """Add ``issue`` to the scan's issues; True, for a check that reports it."""
    scan.issues.append(issue)
    return True


def _check_escapes(scan: Scan, number: int, line: str, start: int, end: int, lead: str) -> None:
    """Warn when a backslash in a double-quoted value changes what was typed (``"C:\\temp"``)."""
    # Read pair by pair from the opening quote: in "C:\\reports" the backslash before "r" is the second of
    # an escaped one, typed on purpose, not an escape of its own.
    match = next((pair for pair in _ESCAPE_PAIR.finditer(line, start + 1, end) if pair.group(1)), None)
    if match is None:
        return
    typed, note = line[start + 1:end], split_comment(line[end + 1:])[1]
    typed = _ESCAPE_PAIR.sub(lambda pair: pair.group() if pair.group(1) else pair.group()[1], typed)
    if (fixed := path_with_slashes(line)) is not None:  # "images\baihe.svg": single quotes keep a wrong path
        scan.issues.append(Issue(number, match.start(), f'"{match.group()}" inside double quotes is read as a '
                                  'special character (an escape): the "\\" is typed between folders, as Windows '
                                  "shows paths", paste_hint(SLASHES_HINT, fixed), severity="warning"))
        return
    scan.issues.append(Issue(
        number, match.start(),
        f'"{match.group()}" inside double quotes is read as a special character (an escape), not as typed',
        paste_hint("to keep backslashes as typed, use single quotes", with_comment(lead + quote_single(typed), note),
                   ": type ' in place of the \" before the value and of the \" after it"
                   + (", and type each ' inside the value twice" if "'" in typed else "")),
        severity="warning"))


def _check_joined_fields(scan: Scan, number: int, line: str) -> bool:
    """Report ``title: 白鹤镇 slug:baihe`` (or ``slug：baihe``): fields typed on one line that YAML reads as one value.

    Only a field the records know in the mapping the line is in (or in the
    group its key is) counts: ``title: 会议纪要 note:2024`` is a title
    where no ``note`` field is. A later key typed with ": " makes the line
    a parse error, told by `fields_on_one_line`. True when reported.
    """
    if scan.groups is None or LATER_FIELD.search(line) is None:
        return False
    path = mapping_path(scan.lines, number)
    if path is None or scan.groups(path) is None:
        return False
    found = known_fields_joined(line, path, scan.groups, (scan.lines, number))
    if found is None or not found[1].read_as_text or not found[1].values[0]:
        return False
    (message, hint), joined = found
    scan.issues.append(Issue(number, joined.later[0].start(1), message, hint))
    return True
