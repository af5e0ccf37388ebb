"""Parse errors of quotes and brackets, explained: a quote or bracket left open, text after a closing quote.

Job: `explain_unclosed` points at where a quote or bracket that is never
closed opens; `quoted_then_text` and `explain_flow_item` tell a value or an
item in brackets with text after its closing quote (``title: "大调研"微访谈``,
``tags: ["大调研", ""补短板""]``), with the ways to type it that keep every
character (in other quotes, as a list); `as_value` gives a text as a value to
type.

May import: errors, lazyre, yamlbits, yamllines, yamlscanflow (and the standard library, PyYAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import yaml

from .errors import paste_hint
from .lazyre import compile_later
from .yamlbits import Explanation, Issue, Lines
from .yamllines import (COMMENT, clip, in_quotes, indent_of, quote_end, quote_single, quote_steps, split_comment,
                        typed_lead, typed_value, with_comment)
from .yamlscanflow import comment_brackets, flow_comment_issue


UNREADABLE = ("the YAML cannot be read here",
               'check this line and the one above: spaces (not TABs) for indentation, a space after ":" '
               "in key: value, and quotes and brackets closed")
"""What `_explain` says of a parse error it has no better words for."""


def explain_unclosed(lines: Lines, open_at: int, words: str, closed_at: int | None = None, first_line: int = 1) -> Issue:
    """Explain a quote or bracket that is never closed, pointing at where it opens.

    ``closed_at``: the 0-based line of the field whose opening quote YAML
    took for this quote's closing one (``note: "…`` then, lines below,
    ``title: "…"``), told with its file line (``first_line``: that of the
    text's first line); the parse error comes there, at a line typed right.
    A quote never closed at all, on a value whose text goes on over the
    lines indented under its key, gets its closing quote after the last of
    them (`_quoted_text_end`), where the text the editor meant ends.
    """
    line, column = lines.at(open_at)
    opener = lines.text[open_at]
    closer = {"[": "]", "{": "}"}.get(opener, opener)
    if opener in "[{":
        message = f'the "{opener}" opened here is never closed with "{closer}"'
    else:
        message = f"the quote {opener} opened here is never closed"
        if closed_at is not None:
            message += (f" on its line, so YAML reads on to the {opener} that opens the value of line "
                        f"{closed_at + first_line} and takes the lines between as part of this value")
        else:
            last = _quoted_text_end(lines, line)
            if last != line:
                typed = lines.line(last).rstrip()
                return Issue(line, column, f"{message} {words}", paste_hint(
                    f"add the closing {closer} at the end of the value, on line {last + first_line}",
                    (typed + closer).lstrip(" ")))
    typed = lines.line(line).rstrip()
    # The closer goes before a trailing "# comment" (every line sitegen new writes has one):
    # after it, the closer would be part of the comment and the line as broken as before.
    # Inside quotes a "#" glued to text (#3) is text, as the editor meant it.
    comment = (_TRAILING_COMMENT.search(typed, column) if opener in "[{" else
               COMMENT.search(typed, column))
    end = comment.start() if comment else len(typed)
    before = f' (before the comment "{clip(typed[end:].strip(), 20)}")' if comment else ""
    last = len(typed[:end].rstrip()) - 1
    wrong = _WRONG_CLOSERS.get(opener, {}).get(typed[last]) if last > column else None
    if wrong is not None:  # 老街改造］: adding "]" after it would keep the ］ in the last item
        fixed = typed[:last] + closer + typed[last + 1:]
        return Issue(line, column, f'{message}: the "{typed[last]}" at the end is {wrong} {words}',
                      paste_hint(f'type {closer} in place of the "{typed[last]}"', fixed.lstrip(" ")))
    if comment and opener in "[{" and any(char in "]}" for char in typed[end:]) and not comment_brackets(
            typed[typed.index("#", end):]):
        # "add the closing ]" before this "#" would, typed, check clean and drop the text after it.
        hashed = flow_comment_issue(line, typed, typed.index("#", end), column, 0)
        if hashed is not None:
            return Issue(hashed.line, hashed.column, f"{hashed.message} {words}", hashed.hint)
        return Issue(line, column, f"{message} {words}", UNREADABLE[1])
    fixed = typed[:end] + closer + typed[end:]
    return Issue(line, column, f"{message} {words}",
                  paste_hint(f"add the closing {closer} at the end of the value", fixed.lstrip(" "), before))


def _quoted_text_end(lines: Lines, line: int) -> int:
    """The last line of a quoted text opened on the 0-based ``line`` and never closed: the last of the lines
    right under it that stand further in than its line (a text typed over several lines, as YAML lets it go
    on), stopping at a blank line or a line holding a quote; ``line`` itself when none does."""
    indent, last = indent_of(lines.line(line)), line
    for number in range(line + 1, len(lines.lines)):
        text = lines.line(number)
        if not text.strip() or indent_of(text) <= indent or '"' in text or "'" in text:
            break
        last = number
    return last


_WRONG_CLOSERS = {
    "[": {"］": "a full-width bracket (全角括号)", "】": "a Chinese bracket (方头括号)", "〕": "a Chinese bracket (六角括号)",
          "）": "a full-width round bracket (全角括号)", ")": "a round bracket", "｝": "a full-width brace (全角括号)",
          "}": "a brace"},
    "{": {"｝": "a full-width brace (全角括号)", "）": "a full-width round bracket (全角括号)", ")": "a round bracket",
          "］": "a full-width bracket (全角括号)", "]": "a square bracket"},
}
"""The closing brackets typed, at the end of a value, for the one an opening "[" or "{" needs, each as a message
names it (`explain_unclosed`)."""


_TRAILING_COMMENT = compile_later(r"[ \t]+#.*$")
"""A "# comment" after the value on a line (YAML needs a space or TAB before its "#")."""


def quoted_then_text(lines: Lines, line: int) -> Explanation:
    """Explain ``title: "大调研"微访谈``: quotes around a part of a value, read by YAML as quoting the value.

    The fixes are `_quoted_text_hint`'s. Takes the text's lines and the line's number (0-based, to find the
    field of a list item: `_list_field`); returns the explanation.
    """
    text = lines.line(line)
    lead, pos = typed_lead(text)
    value = text[pos:].rstrip()
    quote = value[:1]
    end = quote_end(value, 1, quote) if quote in "\"'" and value else None
    message = "there is more text after the closing quote"
    if end is None:
        return message, "put the whole value inside the quotes", None
    # The line's comment (   # 标题 title) stays after the quotes added, or the page would show it.
    rest, note = split_comment(value[end + 1:])
    item = lead.startswith("-") and not lead.rstrip().endswith(":")
    words = _list_field(lines, line, pos) if item else ""
    joined = _joined_items(value[:end + 1] + rest)
    if joined is not None and (words or lead[:-2].strip()) in WORD_LISTS:  # tags: "大调研"，"补短板"
        return _joined_list(text[:len(text) - len(text.lstrip(" "))] + lead, joined, note, item)
    mend = _Mend(lead, note, fit=_as_item, words=words if words in WORD_LISTS else "") if item else _Mend(lead, note)
    return message, _quoted_text_hint(mend, value[:end + 1] + rest), None


@dataclass(frozen=True)
class _Mend:
    """Where a value a hint mends stands on its line: ``lead``, what the line holds before it (``title: ``,
    ``- ``, ``tags: [大调研, ``); ``note``, the line's comment after it (`split_comment`), named in the
    words for a line too long to give; ``tail``, the rest of the line after it and its note (``, 民生]``);
    ``fit``, how a text is typed there to be read as itself (`as_value`; `_as_item` for a list's item,
    `as_flow_item` for one in brackets); ``what``, the word the hint calls it by; ``words``, the field of the
    list of words the value is an item of (`WORD_LISTS`: ``tags``, ``misspellings`` …), else ""."""

    lead: str
    note: str = ""
    tail: str = ""
    fit: Callable[[str], str] = field(default=lambda text: as_value(text))
    what: str = "value"
    words: str = ""

    def line(self, typed: str) -> str:
        """The line with ``typed`` in place of the value."""
        return with_comment(self.lead + typed, self.note) + self.tail


def _quoted_text_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, a text typed starting with a quote and going on after the quote that closes
    it (``"大调研"微访谈``), which YAML reads as quoting the value: the whole value in the other kind of
    quotes, which keeps the typed ones, or Chinese quotes, which YAML does not read.

    A value that also ends with the quote may have been wrapped in quotes
    for YAML around a text holding its own (``"重固镇："把问题解决在家门口""``):
    then the first and last quotes are YAML's and the fixes keep only the
    others (`_wrapped_reading`). A value holding an odd number of the quote
    has one without a partner (`_odd_quotes_hint`). An item of a list of
    names or terms (``misspellings: ["白河"镇, 百合镇]``, ``tags: [""补短板""]``)
    is first offered without its quotes (`_word_quotes_hint`).
    Takes where the value stands and the value typed; returns the hint.
    """
    quote = value[0]
    if mend.words and value.replace(quote, "").strip(" "):
        return _word_quotes_hint(mend, value)
    return _kept_quotes_hint(mend, value)


def _kept_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes `_quoted_text_hint` gives for ``value`` read as a text, which may hold quotes: each keeps them
    (in the other kind of quotes, or as Chinese quotes). Takes where the value stands and the value."""
    quote = value[0]
    end = quote_end(value, 1, quote) or len(value) - 1
    if value.count(quote) % 2:
        return _odd_quotes_hint(mend, value)
    reading = _wrapped_reading(value, quote)
    if reading is None:
        return _typed_quotes_hint(mend, value, end)
    wrapped = _wrapped_quotes_hint(mend, value)
    if reading:
        return f"the first and last {quote} only wrap the {mend.what}: {wrapped}"
    return (f"if the first and last {quote} only wrap the {mend.what}: {wrapped}; if they are part of it, "
            + _typed_quotes_hint(mend, value, end))


def _wrapped_reading(value: str, quote: str) -> bool | None:
    """Whether the first and last quote of ``value`` (which starts with ``quote`` and goes on after the quote
    closing it) were typed for YAML around the text meant: True when they surely were, False when they may
    have been, None when they cannot have been (the value does not end with ``quote``).

    Read as part of the text, ``""把问题解决在家门口""`` or ``"重固镇："把问题""`` would hold an empty pair of
    quotes, which no title has; ``"大调研"微访谈"共建"`` reads either way.
    """
    if len(value) < 3 or not value.endswith(quote):
        return None
    return value.startswith(quote * 2) or value.endswith(quote * 2)


WORD_LISTS = {"tags": "a tag", "aliases": "an alias", "misspellings": "a misspelling",
               "not_misspellings": "a text", "distinct_from": "a unit id"}
"""The fields that list names, ids or terms (the records' `sitegen.models.WORD_LIST_FIELDS`, a unit's
``distinct_from`` and a page's ``aliases``), each with what one item is called: an item of them holds no
quote marks, so quotes typed in one (``misspellings: ["白河"镇, 百合镇]``) are a slip, and a hint offers it
without them first. A place name so kept would never match the text it is to warn of or stand for, and a tag
would get a page of its own beside the tag without quotes."""


def _word_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, an item of a list of words (`WORD_LISTS`) typed with quotes in it (``"白河"镇``,
    ``""补短板""``): the item without the quotes. A name or id never holds any, so that is all; a tag may
    (a slogan's words), so the fixes that keep them (`_kept_quotes_hint`) follow, as the second choice.
    Takes where the value stands and the value; returns the hint."""
    quote, field_name = value[0], mend.words
    meant = value.replace(quote, "").strip(" ")
    typed = mend.fit(meant)
    count = "the " if value.count(quote) < 3 else f"all {value.count(quote)} "
    steps = f": delete {count}{quote} in {clip(value, 30)}{_fit_steps(mend, meant, typed)}"
    if field_name != "tags":
        return paste_hint(f"delete the {quote}: {WORD_LISTS[field_name]} holds no quote marks",
                          mend.line(typed), steps)
    plain = paste_hint(f"to tag the page {meant}, delete the {quote}", mend.line(typed), steps)
    return f"{plain}; if the quotes are part of the tag: {_kept_quotes_hint(mend, value)}"


def _list_field(lines: Lines, line: int, start: int) -> str:
    """The field whose list holds the item starting at column ``start`` of ``line`` (0-based): the key before it on
    its line (``tags: [大调研, ""补短板""]``), else the nearest key above that the item is under (``tags:`` above
    ``- ""补短板""``, or above a list in brackets typed one item a line); "" when none is found."""
    text = lines.line(line)
    key_start, colon, _pos = typed_value(text)
    if colon is not None and colon < start:
        return text[key_start:colon].strip(" ")
    indent = len(text) - len(text.lstrip(" "))
    for number in range(line - 1, -1, -1):
        above = lines.line(number)
        if not above.strip() or above.lstrip(" ").startswith("#"):
            continue
        depth = len(above) - len(above.lstrip(" "))
        key_start, colon, _pos = typed_value(above)
        if colon is None or depth > indent or (depth == indent and above.lstrip(" ").startswith("-")):
            continue  # another item of the list (大调研, or - 大调研), or a line of a deeper block
        # A key at the item's own depth holds it only as a "- " line (YAML lets a list so typed stand at its
        # key's depth) or in brackets opened after it; any other ends the search.
        if depth < indent or text.lstrip(" ").startswith("-") or "[" in above[colon:]:
            return above[key_start:colon].strip(" ")
        return ""
    return ""


def _chinese_pairs(text: str, quote: str) -> str:
    """``text`` with each pair of ``quote`` in it turned into Chinese quotes (“…” for ", ‘…’ for '); an odd last
    quote, which has no partner, stays as typed."""
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    marks = iter([*chinese] * (text.count(quote) // 2))
    return "".join(next(marks, char) if char == quote else char for char in text)


def _typed_quotes_hint(mend: _Mend, value: str, end: int) -> str:
    """The fixes for ``value`` read with every quote part of the text (``"大调研"微访谈``): the whole value in
    the other kind of quotes, or Chinese quotes in place of each pair typed. Takes where the value stands,
    the value and the index of the quote closing its first quote."""
    quote, rest = value[0], value[end + 1:]
    kept = quote_single(value) if quote == '"' else in_quotes(value)
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    inside = value[1:end].replace("''", "'") if quote == "'" else value[1:end]
    # Every pair typed becomes Chinese quotes ("大调研"微访谈"共建"), not the first alone: the
    # others would show as typed beside them.
    pairs = rest.count(quote) // 2
    meant = chinese[0] + inside + chinese[1] + _chinese_pairs(rest, quote)
    typed = mend.fit(meant)
    other = "single" if quote == '"' else "double"
    whole = paste_hint(f"to keep the {quote} as typed, put the whole {mend.what} in {other} quotes",
                       mend.line(kept), f": {quote_steps(kept[0], value, mend.note, mend.what)}")
    steps = (f": {chinese[0]} in place of the first {quote} and {chinese[1]} in place of the second" if not pairs
             else f": {chinese[0]} in place of each opening {quote} and {chinese[1]} in place of each closing one")
    steps += _fit_steps(mend, meant, typed)
    return f"{whole} ({paste_hint('or type Chinese quotes', mend.line(typed), steps)})"


def _wrapped_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value`` read as a text in YAML quotes, its first and last characters (`_wrapped_reading`):
    the text in the other kind of quotes, or the text with Chinese quotes in place of each pair inside it.
    Takes where the value stands and the value."""
    quote, meant = value[0], value[1:-1]
    kept = in_quotes(meant)
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    typed = mend.fit(_chinese_pairs(meant, quote))
    twice = ", and type each ' inside it twice" if kept[0] == "'" and "'" in meant else ""
    if kept[0] == quote:  # a ' inside, and a " too: the single quotes stay, each ' inside typed twice
        how, steps = (f"to keep the {quote} inside it as typed, type each of them twice",
                      f" (not the first and the last {quote})")
    else:
        kind = "single" if kept[0] == "'" else "double"
        how = f"to keep the {quote} inside it as typed, put it in {kind} quotes instead"
        steps = f": type {kept[0]} in place of the first and the last {quote}{twice}"
    whole = paste_hint(how, mend.line(kept), steps)
    ends = (f", and delete the first and the last {quote}" if typed[:1] not in "'\"" else
            "" if typed[0] == quote else f", and type {typed[0]} in place of the first and the last {quote}")
    steps = (f": {chinese[0]} in place of each opening {quote} inside it and {chinese[1]} in place of each "
             f"closing one{ends}")
    return f"{whole} ({paste_hint('or type Chinese quotes inside it', mend.line(typed), steps)})"


def _odd_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, starting with a quote and holding an odd number of them (``"草莓"产业"``): one
    has no partner, and typed as it is, it would show on the page.

    The readings (`_odd_readings`): the last quote is one too many (it only
    closes the value: ``“草莓”产业``), or the first is (it only opens it:
    ``草莓“产业”``), or, in a value that does not end with a quote
    (``"大调研"微访谈"共建``), the partner of the last is missing at the end
    (``“大调研”微访谈“共建”``). Each reading's fixes: the text in the other
    kind of quotes, which keeps its quotes as typed, or with Chinese quotes
    in place of each pair. Takes where the value stands and the value;
    returns the hint.
    """
    quote = value[0]
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    readings = _odd_readings(value, quote)
    kinds = {"single" if _quote_other(text, quote)[0] == "'" else "double" for _which, _how, text in readings}
    fixes = []
    for which, how, text in readings:
        kept, meant = _quote_other(text, quote), _chinese_pairs(text, quote)
        typed = mend.fit(meant)
        said = f"if {which}" if len(readings) > 1 else which
        whole = paste_hint(said, mend.line(kept), f": {how}, then {quote_steps(kept[0], text, mend.note, mend.what)}")
        steps = (f": {how}, then type {chinese[0]} in place of each opening {quote} and {chinese[1]} in place of "
                 f"each closing one{_fit_steps(mend, meant, typed)}")
        fixes.append(f"{whole} ({paste_hint('or, in Chinese quotes', mend.line(typed), steps)})")
    return (f"one of the {value.count(quote)} {quote} has no partner; to keep the others as typed, put the "
            f"{mend.what} in {' or '.join(sorted(kinds))} quotes, or type Chinese quotes in place of each pair: "
            + "; ".join(fixes))


def _fit_steps(mend: _Mend, meant: str, typed: str) -> str:
    """The words that end a hint's steps for a line too long to give (`paste_hint`) when ``meant``, the text
    with Chinese quotes, is typed in quotes (``typed``, as ``mend.fit`` gives it): "" when it is typed bare."""
    if typed == meant:
        return ""
    return f", and then {quote_steps(typed[0], meant, mend.note, mend.what)}"


def _odd_readings(value: str, quote: str) -> list[tuple[str, str, str]]:
    """The texts ``value`` (starting with ``quote`` and holding an odd number of them) may have been meant as,
    each as (the reading in words, the change in words, the text): without its last quote, without its
    first, and, for a value not ending with a quote, with one more at its end (`_odd_quotes_hint`). A
    reading that leaves an empty pair of quotes (``""``), which no text has, is left out unless all do."""
    last = value.rindex(quote)
    readings = [(f"the last {quote} is one too many", f"delete the last {quote}", value[:last] + value[last + 1:]),
                (f"the first {quote} is one too many", f"delete the first {quote}", value[1:])]
    if not value.endswith(quote):
        readings.append((f"a closing {quote} is missing at the end", f"type {quote} at the end", value + quote))
    return [reading for reading in readings if quote * 2 not in reading[2]] or readings


def _quote_other(text: str, quote: str) -> str:
    """``text`` in the YAML quotes that keep each ``quote`` in it as typed: single ones for ", else `in_quotes`'s."""
    return quote_single(text) if quote == '"' else in_quotes(text)


def explain_flow_item(lines: Lines, line: int, column: int, _mark: object) -> Explanation:
    """An item in brackets with text after its closing quote (``tags: ["大调研", ""补短板""]``, ``"补"短"板"``):
    YAML read its first quotes as quoting the item and cannot read what follows them. The fixes are
    `_quoted_text_hint`'s for the item, the rest of the line kept as typed; a line where no such item
    ends at the place the parser stopped gets `UNREADABLE`'s words."""
    text = lines.line(line)
    found = _quoted_item(text, column)
    if found is None:
        return UNREADABLE[0], UNREADABLE[1], None
    start, end = found
    if not _reads_as_items(text[end:], text[start]):  # [大调研, ""补短板, 民生""]: where the item ends cannot be told
        return UNREADABLE[0], UNREADABLE[1], None
    indent = len(text) - len(text.lstrip(" "))
    # ["大调研"，] or ["大调研"，"补短板"，]: a mark typed after the last item too, where no item follows.
    item = text[start:end].rstrip(" \u3000")
    last = item[-1:] if item[-1:] in _JOINING_MARKS else ""
    item = item[:-1].rstrip(" \u3000") if last else text[start:end]
    joined = _joined_items(item) or (([item], []) if last and _quoted_whole(item) else None)
    if joined is not None:  # ["大调研"，"补短板"]: two items joined by a comma typed in full width
        parts, marks = joined
        typed = text[indent:start] + ", ".join(parts) + text[end:].rstrip()
        dropped = f"delete the {last} after the last item" if last else ""
        if not marks:
            return (f"this item is followed by {_JOINING_MARKS[last]}, where no item follows",
                    paste_hint(dropped, typed, ""), None)
        return (f"these items are joined by {' and '.join(_JOINING_MARKS[mark] for mark in marks)}, "
                "not by an English comma",
                paste_hint(f"replace {' and '.join(marks)} with an English comma (半角逗号)"
                           + f" and {dropped}" * bool(last), typed,
                           f": type , and a space in place of each {' and each '.join(marks)}"
                           + f", and {dropped}" * bool(last)), None)
    words = _list_field(lines, line, start)
    mend = _Mend(text[indent:start], tail=text[end:].rstrip(), fit=as_flow_item, what="item",
                 words=words if words in WORD_LISTS else "")
    return "there is more text after the closing quote of this item", _quoted_text_hint(mend, text[start:end]), None


def _joined_list(lead: str, joined: tuple[list[str], list[str]], note: str, item: bool) -> Explanation:
    """Explain a value of a list of words typed as items in quotes joined by `_JOINING_MARKS` outside brackets
    (``tags: "大调研"，"补短板"``, or ``- "大调研"，"补短板"`` one item a line): YAML reads the first quotes as the
    value's and cannot read what follows. Takes what the line holds before the value, the items and marks
    (`_joined_items`), the line's comment and whether the line is an item; returns the explanation.
    ``lead`` holds the line's indentation, kept in the lines offered for an item."""
    parts, marks = joined
    message = f"these items are joined by {' and '.join(_JOINING_MARKS[mark] for mark in marks)}, not by an English comma"
    if not item:
        return message, paste_hint("write them in square brackets, separated by English commas (半角逗号)",
                                   with_comment(f"{lead.lstrip(' ')}[{', '.join(parts)}]", note),
                                   f": type [ before the first, ] after the last, and , and a space in place of each "
                                   f"{' and each '.join(marks)}"), None
    # Each item is offered bare when its quotes only wrap it, as the lines of a list of words are typed.
    bare = [_as_item(part[1:-1]) if part[:1] in "\"'" and not set(part[1:-1]) & {"\\", "'", '"'} else part
            for part in parts]
    lines = ", then ".join(f'"{lead}{part}"' for part in bare)
    return message, f"write each as an item of its own, one a line: {lines}", None


_JOINING_MARKS = {"，": "a full-width comma (全角逗号 ，)", "、": "a 顿号 (、)", "；": "a full-width semicolon (分号 ；)"}
"""The marks a Chinese input method types where an English comma separates the items of a list, each named."""


def _quoted_whole(value: str) -> bool:
    """True when ``value`` is one text in quotes, ``"…"`` or ``'…'``, its closing quote its last character."""
    return value[:1] in ("'", '"') and quote_end(value, 1, value[0]) == len(value) - 1


def _joined_items(value: str) -> tuple[list[str], list[str]] | None:
    """Read ``value``, typed as one item in brackets (``"大调研"，"补短板"``, ``'重固'、重固老镇``), as items in
    quotes, or bare after the first, joined by `_JOINING_MARKS` instead of English commas. Returns (each
    item as typed, the marks that join them, each once in order typed), or None when ``value`` does not
    read so (a quote inside an item, or a part that is not one item)."""
    parts: list[str] = []
    marks: list[str] = []
    pos = 0
    while True:
        quote = value[pos:pos + 1]
        if quote in ("'", '"'):
            close = quote_end(value, pos + 1, quote)
            if close is None:
                return None
            part_end = close + 1
        else:
            part_end = next((index for index, char in enumerate(value) if index >= pos and char in _JOINING_MARKS),
                            len(value))
            part_end = pos + len(value[pos:part_end].rstrip(" \u3000"))
            if part_end == pos or any(char in "'\"“”‘’,[]{}#" for char in value[pos:part_end]):
                return None
        parts.append(value[pos:part_end])
        gap = value[part_end:]
        mark = gap.lstrip(" \u3000")[:1]
        if not gap:
            return (parts, marks) if marks else None
        if mark not in _JOINING_MARKS:
            return None
        if mark not in marks:
            marks.append(mark)
        pos = len(value) - len(gap.lstrip(" \u3000")[1:].lstrip(" \u3000"))


def _quoted_item(text: str, column: int) -> tuple[int, int] | None:
    """Where the item in brackets starts and ends on the line ``text`` when it starts with a quote that closes
    right before ``column`` and goes on after it (``""补短板""`` in ``tags: ["大调研", ""补短板""]``): the
    index of its first quote and the index just past its last character (before the ``,`` or ``]`` after it,
    or the line's comment). None when the quote before ``column`` closes no item so typed."""
    closing = len(text[:column].rstrip(" ")) - 1
    quote = text[closing:closing + 1]
    if closing < 1 or quote not in ("'", '"'):
        return None
    start = text.rfind(quote, 0, closing)
    while quote == "'" and start > 0 and text[start - 1] == "'":  # '' is a ' inside single quotes
        start = text.rfind(quote, 0, start - 1)
    if start < 0 or not (text[:start].rstrip(" ").endswith(("[", ",")) or not text[:start].strip(" ")):
        return None
    comment = COMMENT.search(text, column)
    stop = comment.start() if comment else len(text)
    end = next((index for index in range(column, stop) if text[index] in ",]"), stop)
    return start, len(text[:end].rstrip(" "))


def _reads_as_items(rest: str, quote: str) -> bool:
    """True when ``rest``, what a line holds after an item in brackets (``, 民生]   # 标签``, or ``,`` in a list
    typed one item a line), reads as the rest of the list, none of its items holding ``quote``: the items
    after it typed right, if any (in ``, 民生""]`` the item's own quotes went on past a comma). Lists in it
    nested deeper than a few levels, anchors, aliases and tags are not read: False, as for hostile YAML."""
    rest = _TRAILING_COMMENT.sub("", rest)
    if rest.count("[") + rest.count("{") > _NESTED_ITEMS or any(sign in rest for sign in "&*!"):
        return False
    try:
        items = yaml.safe_load("[x" + rest + "]" * (rest.count("[") + 1 - rest.count("]")))
    except yaml.YAMLError:
        return False
    return not any(isinstance(item, str) and quote in item for item in items)


_NESTED_ITEMS = 8
"""The most brackets after an item that `_reads_as_items` reads: a list of words never holds more."""


def _as_item(text: str) -> str:
    """Return ``text`` as it is typed for an item of a list one item a line (``- 大调研``) to be read as itself:
    as `as_value` types it, in quotes when it starts and ends with Chinese quotes (``“补短板”``, ``“补”短“板”``):
    typed bare so in a list of words (tags, aliases, misspellings), they are taken for quotes typed around
    the word by mistake (`sitegen.models.parse_tags`); in quotes they are kept as part of it. Raises nothing."""
    typed = as_value(text)
    return in_quotes(text) if typed == text and len(text) > 1 and text[0] + text[-1] in ("“”", "‘’") else typed


def as_flow_item(text: str) -> str:
    """Return ``text`` as it is typed for an item in brackets (``[大调研, 民生]``) to be read as itself: as
    `_as_item` types it, in quotes when it also holds a sign that ends or opens an item there. Raises nothing."""
    typed = _as_item(text)
    return in_quotes(text) if typed == text and any(char in ",[]{}" for char in text) else typed


def as_value(text: str) -> str:
    """Return ``text`` as it is typed after ``key: `` to be read as itself: bare where YAML reads it so (Chinese
    text needs no quotes), else in the quotes that keep it (`in_quotes`). Raises nothing."""
    bare = (text and text == text.strip() and text[0] not in "-?:,[]{}#&*!|>'\"%@`" and ": " not in text
            and not text.endswith(":") and re.search(r"[ \t]#", text) is None
            and text not in ("~", "null", "Null", "NULL"))
    return text if bare else in_quotes(text)
