"""The line scan's checks of how a key was typed: its colon and the gap after it.

Job: `check_key_typing` tells ``title：…`` (a full-width colon), ``title　: …``
(a full-width space before the colon), ``title :…`` and ``title:…`` (no
space after it), and a note typed without its "#"; `full_width_line` a field
typed with the input method in full-width mode (全角); `scan_gap` reads the
gap after ``key:`` (TABs become spaces, full-width spaces are errors). Each
hint gives the line mended, with the value as its field needs it typed when
the records say so.

May import: errors, lazyre, yamlbits, yamllines (and the standard library).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .errors import WIDE_SPACES, paste_hint, space_name
from .lazyre import compile_later
from .yamlbits import ASCII_KEY, CJK_KEY, GAP, NOTE_HINT, NOTE_MESSAGE, Issue, KeyPath, Lines, Scan
from .yamllines import (bare_key, clip, indent_of, is_item, mapping_path, quote_steps, split_comment, value_as_typed,
                        with_comment)


@functools.cache
def key_typing(after_dash: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of `check_key_typing`: a key then a colon, spaces of any kind between (``title：``, ``title　:``;
    the caller tells a slip from ``title: …``), and a key then ":" with no space (``title:x``); after "- ", English
    keys only.

    Compiled on first use: only the line scan needs them, and the Chinese key's ranges take 3 ms to compile.
    """
    key = ASCII_KEY if after_dash else f"{ASCII_KEY}|{CJK_KEY}"
    return (re.compile(rf"({key})([ \t{WIDE_SPACES}]*)[：:]"),
            re.compile(rf"({key}):(?=[^ \t{WIDE_SPACES}/:])"))


_URI_SCHEMES = frozenset({"mailto", "tel", "urn", "data", "javascript", "file"})
WIDE_LETTERS = "\uff21-\uff3a\uff41-\uff5a\uff3f"
"""Full-width Latin letters and underscore, as a character class's ranges (ｓｅｒｉｅｓ, ａｓ＿ｏｆ)."""


def check_key_typing(scan: Scan, number: int, line: str, pos: int, after_dash: bool) -> bool:
    """Report ``title：…`` (full-width colon), ``title　: …`` (a full-width space before the colon), ``title :…``
    (the space before the colon, none after) and ``title:…`` (no space); True when found."""
    colon, nospace = key_typing(after_dash)
    match = colon.match(line, pos)
    if match and match.group()[-1] == "：" and _inside_text(scan, number, line, match):
        return False  # "outcome:", then "  已完成：": a line of the text, its colon the sentence's
    if match and (match.group()[-1] == "：" or match.group(2).strip(" \t")):
        key, field = match.group(1), _field_named(scan, number, line, match)
        meant = _value_meant(scan, number, line[:match.start()], field or key, line[match.end():].lstrip(GAP))
        scan.issues.append(_note_uncommented(number, line, match, field)
                           or _odd_colon(number, line, match, field if field != key else None, meant))
        return True
    if match and match.group(2) and match.end() < len(line) and line[match.end()] not in f" \t{WIDE_SPACES}":
        # title :白鹤镇 — a space before the ":" and none after: YAML reads the whole line as text.
        _key_slip(scan, number, line, match, "move the space after the colon", match.start(2),
                  f'the space is typed before the ":" and none after it, so YAML reads '
                  f'"{clip(line[pos:].rstrip())}" as text, not as the field "{match.group(1)}"')
        return True
    match = _KEY_SIGN.match(line, pos)
    if match and ":" not in line[match.end():] and "：" not in line[match.end():] and _known_field(scan, number,
                                                                                                line, match):
        # collected; 296 — a key the records know, then a mark typed for its ":": told as text, "put "# " back".
        key, sign = match.group(1), match.group(2)
        _key_slip(scan, number, line, match, f'type ": " in place of the "{sign}"', match.start(2),
                  f'"{sign}" is typed after "{key}" where its ":" goes, so YAML reads '
                  f'"{clip(line[pos:].rstrip())}" as text, not as the field "{key}"')
        return True
    match = nospace.match(line, pos)
    if match and match.group(1).lower() not in _URI_SCHEMES:
        _key_slip(scan, number, line, match, "add a space after the colon", match.end() - 1,
                  f'no space after ":" in "{clip(line[pos:].rstrip())}"')
        return True
    return False


def _key_slip(scan: Scan, number: int, line: str, match: re.Match[str], how: str, column: int,
              message: str) -> None:
    """Report, at ``column`` of the 0-based line ``number``, a key (group 1 of ``match``) typed with a slip
    between it and its value (what follows ``match``): ``message``, and the hint ``how`` to mend it with the line
    ``key: value`` to type, the value as its field needs it (`_value_meant`), read in the line's place for the
    rest of the data (`Issue.mended`)."""
    key, value = match.group(1), line[match.end():]
    how, value = _with_value_meant(how, value, _value_meant(scan, number, line[:match.start()], key, value))
    scan.issues.append(Issue(number, column, message, _mended(how, key, value, line[:match.start(1)]),
                              whole=True, mended=_mended_line(line, match.start(1), key, value)))


def _value_meant(scan: Scan, number: int, before: str, key: str, typed: str) -> tuple[str, str] | None:
    """How to mend the value ``typed`` after the key of field ``key`` on the 0-based line ``number`` (``before``:
    what is typed before the key, its indent and "- "), and the value to type then, its comment kept after it,
    when its field needs it typed otherwise (`load_yaml`'s ``values``); None when it does not, or the records
    cannot say. A hint that gives the line whole for a slip of its key gives this value, so that following it
    gives no second error on the line (``标签：大调研，补短板`` → ``tags: [大调研, 补短板]``)."""
    if scan.values is None:
        return None
    path = mapping_path(scan.lines, number, f"{before}{key}: {typed}")
    bare, note = split_comment(typed)
    found = None if path is None or not bare.strip(GAP) else scan.values((*path, key), bare.strip(GAP))
    return None if found is None else (found[0], with_comment(found[1], note))


def _with_value_meant(how: str, typed: str, meant: tuple[str, str] | None) -> tuple[str, str]:
    """``how`` to mend a line and the value ``typed`` on it, with the mending of the value (`_value_meant`) when
    there is one: ``("add a space after the colon, and write the tags separated by English commas", "[a, b]")``."""
    return (how, typed) if meant is None else (f"{how}, and {meant[0]}", meant[1])


_FULL_WIDTH_LINE = compile_later(rf"((?:[-－][ \u3000]+)?)([A-Za-z_{WIDE_LETTERS}]"
                              rf"[A-Za-z0-9_\-{WIDE_LETTERS}\uff10-\uff19\uff0d]*)([ \t\u3000]*)([：:])(.*)")
"""A key typed with the input method in full-width mode (全角), with or without its list item's dash: ``ｓｅｒｉｅｓ：
ｆａｎｇｔａｎ``, ``－　ｇｒｏｕｐ：　ｒｅｓｉｄｅｎｔｓ``, or an English key whose colon and value are (``series：ｆａｎｇｔａｎ``)."""
_FULL_WIDTH_FORMS = compile_later("[\uff01-\uff5e\u3000]+")


def full_width_line(scan: Scan, number: int, line: str, pos: int) -> Issue | None:
    """The issue of the 0-based line ``number`` (text ``line``, indented up to ``pos``) when it is a field typed with
    the input method in full-width mode (全角): its key in full-width letters (``ｓｅｒｉｅｓ：　ｆａｎｇｔａｎ``,
    ``ｓｅｒｉｅｓ: ｆａｎｇｔａｎ``), or a full-width colon and a value all in full-width letters and signs
    (``series：ｆａｎｇｔａｎ``); None for any other line.

    Such a line was told to be text, and to put "# " before it, which took the field out (then "the field series
    is missing"); and a colon mended alone left the value in full width, another round. The hint gives the line in
    half width (半角): the key, the list item's "- " and a value typed all in full-width forms turned (NFKC); a value
    of Chinese text is kept as typed, as its full-width signs (，：) are part of it, unless its field needs it
    typed otherwise (`_value_meant`: ``ｔａｇｓ：大调研，补短板`` → ``tags: [大调研, 补短板]``). ``scan`` is the line
    scan's state.
    """
    match = _FULL_WIDTH_LINE.match(line, pos)
    if match is None:
        return None
    dash, typed_key, gap, colon, rest = match.groups()
    key = unicodedata.normalize("NFKC", typed_key)
    value = rest.lstrip(GAP)
    bare, note = split_comment(value)
    wide_value = bool(bare.strip(GAP)) and _FULL_WIDTH_FORMS.fullmatch(bare.strip(" \t")) is not None
    if (key == typed_key and not (colon == "：" and wide_value)) or not re.fullmatch(ASCII_KEY, key):
        return None
    if colon == ":" and gap == "" and rest[:1] not in ("", " ", "\t", "\u3000"):
        return None  # ｕｒｌ:ｈｔｔｐ…: no key to YAML either way, and told as a key without its space elsewhere
    if wide_value:
        value = with_comment(unicodedata.normalize("NFKC", bare).strip(" "), note)
    how, lead = "switch the input method to half width (半角) and type the line as", "- " if dash else ""
    meant = _value_meant(scan, number, line[:pos] + lead, key, value) if value.strip(GAP) else None
    if meant is not None:
        how, value = f"switch the input method to half width (半角), {meant[0]}, and type the line as", meant[1]
    return Issue(number, pos, f'this line is typed in full width (全角), so YAML does not read it as the field "{key}"',
                  _mended(how, key, value, line[:pos] + lead) if value.strip(GAP)
                  else paste_hint(keeping_indent(how, line[:pos])[0], f"{lead}{key}:"))


_READS_AS_NOTE = compile_later(r"\S{6}|\s\S|[。，、；！？（）]")
"""Words before a colon that only a note holds: six characters or more in a row, a space inside, sentence
punctuation. A field's name, Chinese label included (问题, 栏目介绍, 标题), is shorter: told as such, it is
told to take an English colon, never to become a note again, which would take a field out."""


def _note_uncommented(number: int, line: str, match: re.Match[str], field: str | None) -> Issue | None:
    """The issue of a line of text whose words before a full-width colon name no field: a note (说明) typed without
    its ``# `` (``以后每次新数据：sitegen new tally …``, a line of ``sitegen new`` uncommented with the example below it).

    Takes the line's 0-based number and text, the match of `key_typing`'s
    first pattern and the field its words name (`_field_named`). Told to
    type an English colon, the editor got "unknown field" next. None when
    the words may be a field: they name one (or a slip of one) there, the
    records cannot say, or they are short enough to be a field's label
    (`_READS_AS_NOTE`), whatever follows: a field's value may well end a
    sentence (成效：…品牌。), and told it is a note, the editor would comment
    it out. The full-width colon is then told as such (`_odd_colon`).
    """
    if field is not None or match.group()[-1] != "：" or not _READS_AS_NOTE.search(match.group(1)):
        return None
    typed = line.strip()
    return Issue(number, match.start(1), NOTE_MESSAGE.format(key=clip(match.group(1), 20))
                  + ", and the text after its full-width colon (：) is no value", paste_hint(NOTE_HINT, f"# {typed}", ""))


def _inside_text(scan: Scan, number: int, line: str, match: re.Match[str]) -> bool:
    """Whether the 0-based line ``number``, read as a key by `key_typing`'s first ``match``, stands below a field
    that holds text, not a group of fields (``outcome:``, then ``  已完成：``), or below an item of a list of texts
    (``actions:``, ``  -``, then ``    召开座谈会：``): no key can be typed there, so the line is the text's own, and
    its full-width colon ends a sentence. False when the records cannot say."""
    if scan.groups is None:
        return False
    path = mapping_path(scan.lines, number, f"{line[:match.start()]}{match.group(1)}: {line[match.end():]}")
    if path is None:
        path = _below_bare_dash(scan.lines, number)
    if not path or scan.groups(path) is not None:
        return False
    field = path[:-1] if isinstance(path[-1], int) else path  # "actions:", "  -", then "    召开座谈会：": an item
    if not field or not isinstance(field[-1], str):
        return False
    fields = scan.groups(field[:-1])
    return fields is not None and field[-1] in fields


def _below_bare_dash(lines: Lines, number: int) -> KeyPath | None:
    """The path of the item whose "-" stands alone on a line above the 0-based line ``number``, under a key of the
    file's own (``actions:``, ``  -``, then the item's text further in): ``("actions", index)``; None otherwise."""
    def typed(at: int) -> bool:
        return bool(lines.line(at).strip()) and not lines.line(at).lstrip(" ").startswith("#")

    indent, above = indent_of(lines.line(number)), number - 1
    while above >= 0 and (not typed(above) or indent_of(lines.line(above)) >= indent):
        above -= 1
    if above < 0 or lines.line(above).strip() != "-":
        return None
    dash, index, key_at = indent_of(lines.line(above)), 0, above - 1
    while key_at >= 0 and (not typed(key_at) or indent_of(lines.line(key_at)) >= dash):
        text = lines.line(key_at)
        if typed(key_at) and indent_of(text) == dash and is_item(text):
            index += 1  # an item of the same list above this one
        key_at -= 1
    if key_at < 0 or indent_of(lines.line(key_at)) != 0 or is_item(lines.line(key_at)):
        return None
    key = bare_key(lines.line(key_at))
    return None if key is None else (key, index)


_KEY_SIGN = compile_later(rf"({ASCII_KEY})[ \t]*([;；=.。,，])[ \t{WIDE_SPACES}]*(?=[^ \t{WIDE_SPACES}])")
"""A key then a mark typed where its ":" goes (``collected; 296``, ``collected= 296``, ``collected. 296``): with
the records' field of that name where the line stands (`_known_field`), a slip of the colon."""


def _known_field(scan: Scan, number: int, line: str, match: re.Match[str]) -> bool:
    """Whether the key of ``match`` (its group 1) on the 0-based line ``number`` is the name of a field the records
    know where the line stands: False when the records cannot tell (no ``names``, or no record there), so that a
    line of text (``Note. 见附件``) is not taken for a field."""
    key = match.group(1)
    if scan.names is None or scan.groups is None:
        return False
    path = mapping_path(scan.lines, number, f"{line[:match.start()]}{key}: {line[match.end():].lstrip(GAP)}")
    return path is not None and scan.groups(path) is not None and scan.names(path, key) == key


def _field_named(scan: Scan, number: int, line: str, match: re.Match[str]) -> str | None:
    """The field the key of `key_typing`'s first ``match`` on the 0-based line ``number`` names (`FieldNamer`):
    the key itself when it is the field's own name or the records cannot tell (no ``names``, or no record where
    the line stands), the field meant when it is another word for one or a slip of one (``title`` for ``标题``),
    None when it names none."""
    key = match.group(1)
    if scan.names is None or scan.groups is None:
        return key
    path = mapping_path(scan.lines, number, f"{line[:match.start()]}{key}: {line[match.end():].lstrip(GAP)}")
    if path is None or scan.groups(path) is None:
        return key
    return scan.names(path, key)


def _odd_colon(number: int, line: str, match: re.Match[str], meant: str | None = None,
               value_meant: tuple[str, str] | None = None) -> Issue:
    """The issue of a key typed with a full-width colon (``title：``) or an odd space before its colon (``title　:``).

    Takes the line's 0-based number and text, the match of `key_typing`'s
    first pattern, and the field the key stands for when it is another word
    for it (``title`` for ``标题``, `_field_named`): the hint then types that
    name, so that following it gives no second error; and ``value_meant``,
    the value as its field needs it typed (`_value_meant`), for the same
    reason. The issue stands at the first odd character: the space (全角空格)
    if one is typed, else the colon.
    """
    key, gap, value = match.group(1), match.group(2), line[match.end():].lstrip(GAP)
    extra, value = _with_value_meant("", value, value_meant)
    odd = next((index for index, char in enumerate(gap) if char in WIDE_SPACES), None)
    wide_colon = match.group()[-1] == "："
    if odd is None and meant is not None:
        return Issue(number, match.end() - 1, f'"{key}：" uses a full-width colon (全角冒号 ：), and the field '
                      f'"{clip(key, 20)}" stands for is "{meant}"',
                      _mended(f'type "{meant}" and an English colon followed by a space{extra}', meant, value, line[:match.start(1)]),
                      whole=True, mended=_mended_line(line, match.start(1), meant, value))
    if odd is None:
        return Issue(number, match.end() - 1, f'"{key}：" uses a full-width colon (全角冒号 ：)',
                      _mended(f"type an English colon followed by a space{extra}", key, value, line[:match.start(1)]),
                      whole=True, mended=_mended_line(line, match.start(1), key, value))
    space = space_name(gap[odd])
    if wide_colon:
        message = f'"{clip(key, 20)}" is followed by {space} and a full-width colon (全角冒号 ：)'
        how = "delete the space and type an English colon followed by a space"
    else:
        message = (f'{space} is typed between "{clip(key, 20)}" and its ":"; YAML reads it as part of the key, '
                   f'so there is no "{clip(key, 20)}"')
        how = "delete the space before the colon"
    return Issue(number, match.start(2) + odd, message, _mended(how + extra, key, value, line[:match.start(1)]),
                  whole=True, mended=_mended_line(line, match.start(1), key, value))


def _mended_line(line: str, start: int, key: str, typed: str) -> str:
    """``line`` with what is typed from ``start`` (its key) written as the hint of `_mended` writes it: ``key:
    value``, the value as it must be typed to be read as typed."""
    return line[:start] + f"{key}: {value_as_typed(typed)[0]}".rstrip(" ")


def keeping_indent(how: str, before: str) -> tuple[str, str]:
    """``how`` to mend a line, saying to keep the spaces of ``before`` (what the line has before its key) when it
    has any, and what of ``before`` the line to type shows (its "- "). See `_mended`."""
    spaces = indent_of(before)
    if spaces:
        keep = ", keeping the space before it" if spaces == 1 else f", keeping the {spaces} spaces before it"
        how = f"{how[:-3]}{keep}, as" if how.endswith(" as") else how + keep  # "type the line as: …"
    lead = before[spaces:]
    if lead and lead[0] in ODD_DASH_NAMES and not lead[1:].strip(" \u3000"):
        # "－ as_of：…": the dash is told on its own; the line to type mends it too, or typed, it is refused again.
        lead = "- "
    return how, lead


ODD_DASH_NAMES = {"－": "a full-width dash (全角)", "—": "a long dash (破折号)", "–": "an en dash",
                  "−": "a minus sign"}
"""Dashes typed where a list item's "-" goes, each as a message names it (`sitegen.yamlscan` tells them)."""


def ascii_key_colon_mended(text: str) -> str:
    """``text`` (a line's text after its "- ") with the full-width colon after an English key made ``: ``
    (``as_of：2018-05-31`` → ``as_of: 2018-05-31``), as `_odd_colon` tells it; else ``text`` as it is. A key in
    Chinese is left alone: ``走访：了解情况`` may be an item's text."""
    found = _WIDE_COLON_AFTER_KEY.match(text)
    return f"{found.group(1)}: {text[found.end():]}" if found else text


_WIDE_COLON_AFTER_KEY = compile_later(r"([A-Za-z_][A-Za-z0-9_]*)[ \u3000]*：[ \u3000]*")
"""An English key and a full-width colon (全角冒号) with any spaces around it (`ascii_key_colon_mended`)."""


def _mended(how: str, key: str, typed: str, before: str = "") -> str:
    """A hint: ``how`` to mend the line, then the line ``key: value``, from the key and the text typed after it.

    When the value needs quotes to be read as typed (`value_as_typed`),
    the hint says so before the line, whose comment stays after them.
    ``before`` is what the line has before its key: the hint's line starts
    with its "- " if it has one, and says to keep the spaces before that,
    which a hint cannot show (typed in the line's place without them, the
    line loses its indent (缩进), and a second error follows).
    """
    how, lead = keeping_indent(how, before)
    key = lead + key
    value, why = value_as_typed(typed)
    if not why:
        return paste_hint(how, f"{key}: {value}")
    bare, note = split_comment(typed)
    return paste_hint(f"{how}, and put the value in quotes, as {why}", f"{key}: {value}",
                      f": {quote_steps(value[0], bare, note)}")


def scan_gap(scan: Scan, number: int, line: str, colon: int) -> int:
    """Read the gap after ``key:``: TABs become spaces, full-width spaces are errors.

    Returns the index where the value starts.
    """
    pos = colon + 1
    while pos < len(line) and line[pos] in GAP:
        if line[pos] == "\t":
            scan.replacements.append(scan.lines.starts[number] + pos)
        elif line[pos] in WIDE_SPACES:
            key = line[:colon + 1].lstrip(" -")
            value = line[pos:].lstrip(GAP)
            bare = split_comment(value)[0].strip(GAP)
            how, value = _with_value_meant("replace it with an ordinary space", value, _value_meant(
                scan, number, line[:colon + 1 - len(key)], key[:-1], value))
            scan.issues.append(Issue(number, pos, f'{space_name(line[pos])} follows "{clip(key)}"',
                                      _mended(how, key[:-1], value, line[:colon + 1 - len(key)]) if bare else
                                      f'nothing but this space is typed after "{clip(key)}": delete it, then '
                                      f'type the value after "{clip(key)} " (the colon and an ordinary space)'))
            break
        pos += 1
    return pos
