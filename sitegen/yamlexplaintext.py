"""Parse errors at a line of text where a field is expected, explained.

Job: `line_of_text` tells a line of text typed among fields (a note of
``sitegen new`` whose "# " was taken off, text going on from the value above
at the left edge), with what it may go on from (`going_on_from`): one more
item of the list above, the end of the value above, or a note;
`is_text_line_error` knows its message. `starts_text` and `text_opening` find
the line of text a field below was read to go on from.

May import: errors, lazyre, yamlbits, yamlfold, yamllines (and the standard library).
"""

from __future__ import annotations

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .yamlbits import NOTE_HINT, Explanation, GroupFinder, Lines
from .yamlfold import is_wide
from .yamllines import (bare_key, clip, holds_yaml, indent_of, is_item, reads_as_text, split_comment, typed_lead,
                        typed_value, yaml_line)


TEXT_LINE_MESSAGE = 'this line is text, not a field ("name: value")'
"""How the message of a line of text where a field is expected starts (`line_of_text`)."""


def is_text_line_error(problem: Problem) -> bool:
    """Whether ``problem`` is the error of a line of text where a field is expected (`TEXT_LINE_MESSAGE`): with
    ``load_yaml``'s ``partial``, the fields around it are read with the line as its hint mends it, a note when
    it goes on from no value above (`_text_mend`)."""
    return problem.severity == "error" and problem.message.startswith(TEXT_LINE_MESSAGE)


def line_of_text(lines: Lines, number: int, groups: GroupFinder | None = None) -> Explanation | None:
    """Explain the 0-based line ``number`` when it holds a line of text where a field is expected.

    A note of ``sitegen new`` whose ``# `` was taken off, or a line typed
    between the fields (a series' blurb, 白鹤镇大调研微访谈系列): it has
    no "key: value", and the parser stops at it or at the field below it.
    Under the key of a list of texts (``actions:``, what ``groups`` says:
    `list_above`), it is told first as an item typed without its "- ".
    Returns None for any other line. The explanation points at the text's
    first character.
    """
    typed = lines.line(number)
    text = typed.strip(" ")
    if not reads_as_text(text):
        return None
    below = any(holds_yaml(lines.line(n)) for n in range(number + 1, len(lines.lines)))
    message = TEXT_LINE_MESSAGE + (
        ", so the fields below it cannot be read" if below else "")
    if (key := list_above(lines, number, groups)) is not None:
        # Told to type it after "actions: ", then to join the next line to it, an editor made two actions one.
        hint = paste_hint(f'if it is an item of the list "{clip(key, 20)}:" above, type "{LIST_ITEM}" before it, '
                          "as before each of its items, one a line", f"{LIST_ITEM}{text}")
        # An item above ending in a mark that goes on ("，"): the text may go on from it.
        above = yaml_line(lines, number, -1)
        ends = split_comment(lines.line(above))[0].rstrip()[-1:] if above >= 0 else ""
        going_on = going_on_from(lines, number) if ends and ends in _GOING_ON_MARKS else ""
        going_on = going_on if going_on.startswith("if it goes on") else ""
        return (message, f"{hint}; {going_on}if it is a note (说明), " + paste_hint(NOTE_HINT, f"# {text}"),
                (number, indent_of(typed)))
    going_on = going_on_from(lines, number)
    hint = paste_hint(going_on + f'if it is {"a value of its own" if going_on else "a value"}, type its '
                      'field\'s name and ": " before it; if it is a note (说明), ' + NOTE_HINT, f"# {text}")
    if item_above_in_line(lines, number):  # "  ①制定方案" under "  - 走访…": an item typed without its "- "
        hint = paste_hint('if it is another item of the list above, type "- " before it', f"- {text}") + "; " + hint
    return (message, hint, (number, indent_of(typed)))


LIST_ITEM = "  - "
"""How an item of a list of texts is typed under its key at the left edge: two spaces, a hyphen and a space."""


def list_above(lines: Lines, number: int, groups: GroupFinder | None) -> str | None:
    """The key of the list of texts that the 0-based line ``number``, a line of text, is typed under, or None.

    The key is at the left edge, with no value on its line (``actions:``), and the records say it holds a list
    of texts (``groups.lists_texts``); between it and the line are only lines of text, items of the list, blank
    lines and comments (each line an action, pasted without "- ").
    """
    if groups is None:
        return None
    for above in range(number - 1, -1, -1):
        typed = lines.line(above)
        text = typed.strip(" ")
        if not text or text.startswith("#") or (is_item(text) and indent_of(typed) > 0):
            continue
        start, colon, pos = typed_value(typed)
        if colon is None:
            if reads_as_text(text):
                continue
            return None
        key = typed[start:colon].strip()
        value = split_comment(typed[pos:])[0].strip()
        return key if indent_of(typed) == 0 and not value and groups.lists_texts((key,)) else None
    return None


def item_above_in_line(lines: Lines, number: int) -> bool:
    """Whether the YAML line above the 0-based line ``number`` is a list item ("- …") whose "-" stands where this
    line's text starts: the text is then most likely one more item, typed without "- " (an input method's ①, 一、
    or nothing in its place)."""
    above = yaml_line(lines, number, -1)
    return above >= 0 and indent_of(lines.line(above)) == indent_of(lines.line(number)) \
        and is_item(lines.line(above).lstrip(" "))


_SENTENCE_PUNCTUATION = compile_later("[。，；、！？…]")
"""What a value of sentences holds, and an id or a date never does."""

_GOING_ON_MARKS = "，,、；;：:—–…～~（(《〈“‘「『【"
"""Marks that end no text but say it goes on: a value ending in one (``summary: 华新镇党委书记谈大调研：``) goes on
in the line below, whatever else it holds."""


def going_on_from(lines: Lines, number: int) -> str:
    """The start of `line_of_text`'s hint when the field or list item on the line above, as far in or further,
    may be what the text goes on from (``blurb: 青浦…推进。`` then ``本栏目推出…``: a value of sentences, or one
    ending in a mark that goes on, `_GOING_ON_MARKS`, as ``summary: 谈大调研：`` does; a milestone's ``    description: …`` or an action ``  - 配备护理人员，`` then text at the left edge) or the
    value of (``summary:`` then the text, no block under it): told first, as following the others would lose
    the text. "" otherwise (``unit: baihe`` above: an id goes on with no text)."""
    above = yaml_line(lines, number, -1)
    after = yaml_line(lines, number, 1)
    indent = indent_of(lines.line(number))
    if above < 0 or indent_of(lines.line(above)) < indent:
        return ""
    text = lines.line(above)
    start, colon, pos = typed_value(text)
    if colon is None and is_item(text.lstrip(" ")):
        item, note = split_comment(text[start:])
        item = item.strip()
        if item[:1] in "|>\"'[{&*!" or not (_SENTENCE_PUNCTUATION.search(item) or any(map(is_wide, item))
                                            or item[-1:] in _GOING_ON_MARKS):
            return ""
        return f'if it goes on from the item above ("{clip(item, 20)}"), {_join_words(note, "item")}; '
    if colon is None:
        return ""
    key = clip(text[start:colon], 20)
    value, note = split_comment(text[pos:])
    value = value.strip()
    if not value:
        if after >= 0 and indent_of(lines.line(after)) > indent:
            return ""  # a group's key (interviewee:): its fields are below
        return f'if it is the value of "{key}:" above, type it after "{key}: " on that line; '
    # A value ending in "：" or "、" goes on, though it may hold no other mark (谈大调研：): told only to become a
    # field or a note, the editor lost the text that followed it.
    if value[0] in "|>\"'[{&*!" or not (_SENTENCE_PUNCTUATION.search(value) or value[-1] in _GOING_ON_MARKS):
        return ""
    return f'if it goes on from the value of "{key}:" above, {_join_words(note, "value")}; '


def _join_words(note: str, what: str) -> str:
    """How `going_on_from`'s hint says to join a line of text to the ``what`` ("value", "item") above, whose line
    ends in the note ``note`` (`split_comment`; "" for none): typed after the note, the text would be part of it,
    and never published."""
    if note:
        return f'type it at the end of that {what}, before its note (" # …")'
    return "join it to the end of that line"


def starts_text(lines: Lines, line: int) -> int | None:
    """The 0-based line of text above the 0-based ``line`` that the parser read as the start of a value going on to
    ``line`` (a line of text, then a field: ``白鹤镇大调研微访谈系列`` then ``title: …``), or None.

    The value starts at the text when no value above can go on into it:
    it is the first line, or the line above it is a comment, ends in one,
    or is a key with no value on its line (``interviewee:``).
    """
    above = next((n for n in range(line - 1, -1, -1) if lines.line(n).strip()), -1)
    if above < 0 or not holds_yaml(lines.line(above)) or line_of_text(lines, above) is None:
        return None
    before = next((n for n in range(above - 1, -1, -1) if lines.line(n).strip()), -1)
    while before >= 0 and indent_of(lines.line(before)) == indent_of(lines.line(above)) \
            and typed_value(lines.line(before))[1] is None and line_of_text(lines, before) is not None:
        # "  和丙" above "  丁戊。": lines of one text going on, from a value further up ("summary: 甲乙，").
        before = next((n for n in range(before - 1, -1, -1) if lines.line(n).strip()), -1)
    if before < 0:
        return above
    typed = lines.line(before)
    if not holds_yaml(typed) or bare_key(typed) is not None or split_comment(typed)[1] \
            or indent_of(lines.line(above)) <= indent_of(typed):
        return above
    return None


def text_opening(lines: Lines, line: int) -> int | None:
    """The 0-based line above the 0-based ``line`` whose text the parser read as going on into it: a line of text
    (`starts_text`), or a list item's text (``- as_of 2018-04-26``) with ``line`` lined up after its "- "; or
    None."""
    told = starts_text(lines, line)
    above = yaml_line(lines, line, -1)
    if told is not None or above < 0:
        return told
    typed = lines.line(above)
    start = typed_lead(typed)[1] if is_item(typed) else -1
    return above if start == indent_of(lines.line(line)) and typed_value(typed)[1] is None else None
