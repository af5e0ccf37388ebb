"""The line scan's checks of "#": a comment that cuts a text short, a note where YAML reads none.

Job: tell a `` #`` that cuts a plain value short (``第三期 #3``), a line
``#3号楼`` among, below or after the lines of a text (in quotes too), a value
starting with ``#``, a comment line between a text's lines, and notes:
typed inside a text after "|" or ">", or after a value with an input method's
full-width space or ``＃`` (`split_wide_note` reads such a note off a value).
A "#" YAML reads as a comment loses the text after it without a word; a note
YAML reads as text is published.

May import: errors, lazyre, yamlbits, yamlfold, yamllines (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .yamlbits import ASCII_KEY, GAP, MAX_LINES, Issue, Lines, Scan
from .yamlfold import folds
from .yamllines import (BLOCK_HEADER, COMMENT, LIST_ITEM_LEAD, clip, in_quotes, indent_of, is_item, quote_end,
                        quote_steps, split_comment, typed_value, with_comment, yaml_line)


NOTE_LIKE = compile_later(r"#(?:[ \t]|$)")
"""A line typed as a note (说明) is: "#", then a space or nothing (``# 说明``, not ``#3号楼`` nor ``##``)."""


def check_note_in_block(scan: Scan, number: int, column: int) -> None:
    """Warn of a line typed as a note (``# 说明：不超过120字``, `NOTE_LIKE`) inside a text typed after "|" or ">".

    YAML reads "#" as a note only outside a text: inside one, the line is
    text, and was published with the page (and in the open data) without
    a word. A warning, as the line may be meant; the hint moves it above
    the key, where it is a note.
    """
    head = scan.block_head
    typed = scan.lines.line(number).strip(GAP)
    marker = BLOCK_HEADER.search(scan.lines.line(head))
    after = f' (typed after "{marker.group()[0]}" on line {head + scan.first_line})' if marker else ""
    scan.issues.append(Issue(
        number, column,
        f'this line is part of the text of "{_key_named(scan.lines, head)}"{after}, not a note (说明): '
        f'inside a text YAML does not read "#" as a note, so the page shows "{clip(typed, 40)}"',
        f'to keep it a note, move the line above "{_key_named(scan.lines, head)}" (line {head + scan.first_line})',
        severity="warning"))


def check_note_after_block_text(scan: Scan, number: int, line: str, start: int) -> None:
    """Warn of a note (说明) ending a line of a text typed after "|" or ">" (``居民满意。   # 摘要``).

    Takes the scan, the 0-based ``number`` of the line, the line and the
    column its text starts at. A note is told as `split_comment` finds
    one: "#" after a space or TAB and before a space, a TAB, a "#" or the
    line's end, as every line ``sitegen new`` writes ends; ``#3号楼``,
    ``C#`` and ``http://x/#a`` are text. Outside a text YAML drops such a
    note, so an editor who turns ``problem: 问题   # 问题 …`` into a text
    over several lines (``problem: |``) keeps it there, and it was
    published with the page (and in the open data) without a word. A
    warning, as `check_note_in_block`'s; the hint moves the note onto the
    key's line, after the "|" or ">", where YAML reads it as a note.
    A note typed with an input method (``居民满意。　#待核实``, `_WIDE_COMMENT`)
    is told alike: outside the text it would be published all the same.
    """
    found = COMMENT.search(line, start)  # from the text's start: indentation is no space before a "#"
    wide = None if found is not None else _WIDE_COMMENT.search(line, start)
    if wide is not None and line[start:wide.start()].strip(GAP):
        column = wide.end() - 1
        note = "# " + line[wide.end():].strip(GAP) if line[wide.end():].strip(GAP) else "#"
    elif found is not None:
        column, note = found.end() - 1, line[found.end() - 1:].rstrip(GAP)
    else:
        return
    head = scan.block_head
    typed = scan.lines.line(head).strip(GAP)
    marker = BLOCK_HEADER.search(typed)
    sign = marker.group()[0] if marker else "|"
    scan.block_notes.append(note)
    gap = " " if marker is not None and marker.group(1) else "   "
    key_line = f"{typed}{gap}{' '.join(scan.block_notes)}"
    where = head + scan.first_line
    scan.issues.append(Issue(
        number, column,
        f'"{clip(line[column:].rstrip(GAP), 40)}" at the end of this line is part of the text of "{_key_named(scan.lines, head)}" '
        f'(typed after "{sign}" on line {where}), not a note (说明): inside a text YAML does not read "#" as a '
        "note, so it is published with the text",
        paste_hint(f'cut it from this line, with the spaces before it; to keep it a note, put it after the "{sign}" '
                   f"on line {where}", key_line),
        severity="warning"))


def check_comment(scan: Scan, number: int, line: str, pos: int, lead: str) -> None:
    """Report an error when `` #`` cuts a plain value short (YAML reads the rest as a comment).

    Only a ``#`` glued to the text after it (``第三期 #3``, ``#大调研#``) is
    suspicious; a comment written the usual way (``# note``, with a space)
    is not, and what follows it is not looked at. It is an error: the page
    would publish the value cut (西江镇经发办 for ``西江镇经发办 #2 走进企业``;
    as a warning, it was), inside a bracket too (``（见 #2 号文件）``), and
    a comment meant so takes a space after its "#". The message says what the page
    shows; the hint's quoted value is what the editor meant, with the
    line's comment (``   # 标题 title``) kept after the closing quote. A
    text going on over the lines below is told with them (`check_text_cut`).
    """
    typed, note = split_comment(line[pos:])
    if check_wide_comment(scan, number, pos, typed, note, lead):
        return
    comment = re.search(r"[ \t]#", typed)
    if comment is None:
        return
    cut = pos + comment.start()
    kept = line[pos:cut].rstrip()
    if _ID_BEFORE_NOTE.match(kept) and _NOTE_IN_CHINESE.match(typed, comment.end()):
        return  # ``unit: baihe #白鹤镇``: an id never holds a #, so the Chinese after it is a note
    if check_text_cut(scan, number, cut + 1):
        return  # the text goes on below: its lines are told with it
    scan.issues.append(Issue(
        number, cut + 1, f'" #" (a space, then #) starts a comment in YAML, so the value is only "{clip(kept)}": '
                         f"the page shows {clip(kept, 40)}, not {clip(typed, 40)}",
        paste_hint("if the # belongs to the value, wrap the whole value in quotes",
                   with_comment(lead + in_quotes(typed), note), f": {quote_steps(in_quotes(typed)[0], typed, note)}"),
        whole=True, mended=line[:pos] + with_comment(in_quotes(typed), note)))  # the rest read, as in `Issue`


HASH_TEXT = compile_later(rf"#(?![ \t#-]|$|{ASCII_KEY}:(?:[ \t]|$))")
"""A line starting with "#" glued to text (``#3号楼、#5号楼``), which in the lines of a text is text the editor
meant, not a note: a note is written ``# 说明`` (a space after the "#"), and a field or list item commented out
(``#note: …``, ``#- 大调研``) is no text either."""
_QUOTED_SHOWN = 16
"""Most characters of a text's first or last line a hint shows to say where a quote goes (`_text_quotes_hint`)."""


def check_text_cut(scan: Scan, number: int, cut: int) -> bool:
    """Report a "#" that cuts a plain text typed over several lines (YAML reads it as starting a comment); True
    when one was reported.

    Takes the scan, the 0-based ``number`` of a line of the text being
    scanned (`Scan.plain_text`) and the column of the "#": glued to text
    after a space (``重点解决 #3号楼``), or starting a line of the text
    (``#3号楼、#5号楼``, `HASH_TEXT`), which YAML drops silently, as it is
    the text's last line, or else refuses the lines after it with words
    about indentation. The line is text the editor meant when it is further
    in than the text's key, between the text's lines; a note typed there
    (``# 说明``) is not looked at. Told once per text, at its first cut, as
    an error (the page would publish the text cut, as `check_comment`
    tells). The hint
    says where to type quotes around the whole text (`_text_quotes_hint`),
    as they keep the "#": YAML reads no comment inside quotes. False, and
    nothing told, for a line that is no line of the text, or a text of one
    line (`check_comment` tells it).
    """
    if number <= scan.told_through:
        return True  # told with the "#" lines above the text (`_hash_before_text`)
    if scan.plain_text is None:
        return False
    first, start, owner, lead = scan.plain_text
    lines = scan.lines
    last = _text_end(lines, first, start, owner)
    if number > last:
        scan.plain_text = None  # that text ended above this line
        return not lines.line(number)[:cut].strip(GAP) and _check_hash_after_comment(
            scan, number, (first, start, owner, lead), last)
    if last == first:
        return False
    if not split_comment(lines.line(last).lstrip(GAP))[1] and _text_goes_on(lines, last, owner):
        return True  # it goes on past a note: told at the note, the whole text at once (`check_comment_in_text`)
    scan.plain_text = None
    typed = [lines.line(first)[start:]] + [lines.line(n).strip(GAP) for n in range(first + 1, last + 1)]
    typed[-1], note = split_comment(typed[-1])
    at = number - first
    here = lines.line(number)
    kept = typed[:at] + [here[start if at == 0 else 0:cut].strip(GAP)]
    kept_text, meant = folds(kept)[1].rstrip(), folds(typed)[1]
    what = ('"#" at the start of a line of the text' if not here[:cut].strip(GAP)
            else '" #" (a space, then #)')
    if number == last:
        why = f": the page shows {clip(kept_text, 40)}, not {clip(meant, 40)}"
    else:
        why = ", and YAML cannot read the lines of the text below it"
    scan.issues.append(Issue(number, cut, f'{what} starts a comment in YAML, so the value is only '
                                           f'"{clip(kept_text)}"{why}',
                              _text_quotes_hint(scan, first, typed, note)))
    return True


def _check_hash_after_comment(scan: Scan, number: int, text_at: tuple[int, int, int, str], last: int) -> bool:
    """Report lines starting with "#" glued to text (`HASH_TEXT`), the first on the 0-based line ``number``, typed
    after a plain text whose last line ``last`` ends in a comment (``note: 加装电梯   # 说明``) or is followed by
    a note (``  # 说明``): YAML ends the text there and reads the lines as comments, so their text was lost,
    untold. True when told.

    Takes the scan and where the text is (as `Scan.plain_text` held it). An error,
    as when no comment stands before them (`check_text_cut`); the hint
    wraps the text and the "#" lines in quotes, and moves the comments,
    which the quotes would publish, above the text's key. Nothing is told
    when a line further in than the key follows them (the parser refuses
    it: `check_comment_in_text`), nor for a "#" line, other than the
    last, ending in a comment of its own.
    """
    first, start, owner, lead = text_at
    lines = scan.lines
    hashed, notes, after = _hash_lines(lines, last + 1, owner)
    if not hashed or hashed[0] != number or (after >= 0 and indent_of(lines.line(after)) > owner):
        return False
    notes = [n for n in range(last + 1, hashed[-1]) if n not in hashed and lines.line(n).strip(GAP)]
    text = [lines.line(first)[start:]] + [lines.line(n).strip(GAP) for n in range(first + 1, last + 1)]
    text[-1], comment = split_comment(text[-1])
    typed = text + _typed_lines(lines, last + 1, hashed[-1], notes)
    typed[-1], note = split_comment(typed[-1])
    if any(split_comment(line)[1] for line in typed):
        return False
    shown, meant = folds(text)[1].rstrip(), folds(typed)[1]
    head = first if lead else yaml_line(lines, first, -1)
    ending = _notes_moved(scan, notes, head, [(last, comment)] if comment else [])
    scan.issues.append(Issue(
        number, indent_of(lines.line(number)),
        f'"#" at the start of a line starts a comment in YAML, so the value is only "{clip(shown)}": the page '
        f"shows {clip(shown, 40)}, not {clip(meant, 40)}",
        _text_quotes_hint(scan, first, typed, note, last=hashed[-1]) + ending))
    return True


def _comments_taken_out(typed: list[str], first: int, notes: list[int]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines ``typed`` of a text from the 0-based line ``first`` on (each stripped, the last without its
    comment) as they go in quotes: the comment lines ``notes`` left out, and the comments that end lines cut off.
    Returns (those lines, each comment cut off with its line), for `_notes_moved`."""
    out: list[str] = []
    tails: list[tuple[int, str]] = []
    for at, line in enumerate(typed):
        if first + at in notes:
            continue
        line, tail = split_comment(line)
        out.append(line)
        if tail:
            tails.append((first + at, tail))
    return out, tails


def _text_goes_on(lines: Lines, last: int, owner: int) -> bool:
    """True when a plain text, its key at column ``owner``, ended by a note (``# 编者：待核实``) typed on a line of
    its own below its 0-based line ``last``, goes on below the note, as the editor typed it: the line YAML reads
    next, further in than the key, is more of the text, no field, item or other kind of value
    (`check_comment_in_text` tells it)."""
    after = yaml_line(lines, last, 1)
    if after < 0:
        return False
    text = lines.line(after)
    return indent_of(text) > owner and typed_value(text)[1] is None and not is_item(text) \
        and text.lstrip(GAP)[0] not in "|>\"'[{&*!%@`#"


def check_comment_in_text(scan: Scan, number: int, pos: int) -> None:
    """Report a comment line (``# 编者：待核实``) typed between the lines of a plain text, at its "#".

    Takes the scan, the 0-based ``number`` of the comment line and its
    column ``pos``. YAML ends a plain text at a comment line (a text's
    lines hold no comment, YAML 1.2 §7.3.3), so the value is the lines
    above it, and the next line, further in than the text's key, is a
    text that belongs to nothing: the parser refuses it, and that was
    told as "this line is not lined up", though it is. An error, told at
    the first comment line before that line; the hint moves the comment
    above the text's first line (`Scan.first_line` gives file lines), or
    quotes the whole text, comment included (`_text_quotes_hint`).
    Nothing is told when the text ends at the comment (a line less far
    in, a field, a list item or the end comes next), nor for a second
    comment line right below the first. Lines among the comment lines
    that are text (``#3号楼``, `HASH_TEXT`) stay in the text: moved with
    the comments, they were lost; kept where they are, they cut it, so the
    hint that keeps the comments out of the text quotes it too.
    """
    lines, owner = scan.lines, scan.plain_owner
    if scan.plain_text is None or owner is None or scan.plain_text[0] >= number or number <= scan.told_through:
        return
    above = lines.line(next(n for n in range(number - 1, -1, -1) if lines.line(n).strip(GAP)))
    after = yaml_line(lines, number, 1)
    text = lines.line(after)
    if above.lstrip(GAP).startswith("#") and (indent_of(above) <= owner or not HASH_TEXT.match(above.lstrip(GAP))) \
            or not _text_goes_on(lines, number - 1, owner):
        return
    first, start, _owner, lead = scan.plain_text
    scan.plain_text = None
    last = _text_end(lines, first, start, owner)
    kept = [lines.line(first)[start:]] + [lines.line(n).strip(GAP) for n in range(first + 1, last + 1)]
    end = _text_end(lines, after, indent_of(text), owner)
    typed = kept + [lines.line(n).strip(GAP) for n in range(last + 1, end + 1)]
    typed[-1], note = split_comment(typed[-1])
    head = first if lead else yaml_line(lines, first, -1)  # a text typed below its key: the key's line
    named = _key_named(lines, head)
    comments = [n for n in range(number, after) if lines.line(n).strip(GAP)]
    notes = [n for n in comments if indent_of(lines.line(n)) <= owner or not HASH_TEXT.match(lines.line(n).lstrip(GAP))]
    which = ("this line" if len(comments) == 1 else "this line and the comment line below it" if len(comments) == 2
             else f"this line and the {len(comments) - 1} comment lines below it")
    shown = _kept_before_cut(kept)
    out, tails = _comments_taken_out(typed, first, notes)
    if notes == comments and not tails and _kept_before_cut(out) == out:
        hint = f'to keep the comment out of the text, move {which} above "{named}" (line {head + scan.first_line})'
    else:  # "#" lines among them, or a "#" cutting the text: moving the notes leaves it cut, quotes keep it whole
        hint = _text_quotes_hint(scan, first, out, note, last=end,
                                 how="to keep the comment out of the text, wrap the whole text in quotes") \
            + _notes_moved(scan, notes, head, tails)
    scan.issues.append(Issue(
        number, pos, "this comment (注释) stands between the lines of a text, and YAML ends a text at a comment: the "
                     f'value is only "{clip(folds(shown)[1].rstrip())}", and YAML cannot read the text\'s next line, '
                     f'"{clip(text.strip(), 30)}"',
        f"{hint}; "
        + _text_quotes_hint(scan, first, typed, note, how="to make it part of the text, wrap the whole text in quotes")))


def _text_end(lines: Lines, first: int, start: int, owner: int) -> int:
    """The 0-based last line of a plain text that starts on line ``first`` at column ``start``, its key at column
    ``owner``: the lines below further in than the key (blank lines between them), ``#3号楼`` lines among them
    (`HASH_TEXT`), up to a note (``# 说明``), a line less far in, or a line ending in a comment (`split_comment`),
    where YAML ends the text."""
    last = first
    if split_comment(lines.line(first)[start:])[1]:
        return last
    for number in range(first + 1, len(lines.lines)):
        line = lines.line(number)
        rest = line.lstrip(GAP)
        if not rest:
            continue
        if len(line) - len(rest) <= owner or (rest.startswith("#") and not HASH_TEXT.match(rest)):
            break
        last = number
        if split_comment(rest)[1]:
            break
    return last


def _text_quotes_hint(scan: Scan, first: int, typed: list[str], note: str,
                      how: str = "if the # belongs to the value, wrap the whole value in quotes",
                      last: int | None = None) -> str:
    """The hint for a text over several lines cut by a "#" (`check_text_cut`): where the two quotes go that wrap
    the whole text, named by the text they go before and after and its file lines (`Scan.first_line`).

    Takes the scan, the text's first line (0-based), its lines as typed
    (each stripped, the last without its comment, blank lines "") and the
    last line's comment, which stays after the closing quote. The quotes
    are double ones unless the text holds a double quote or a backslash
    (`in_quotes`); each ' inside single ones is typed twice. ``how`` opens
    the hint. The lines stay as typed, so the hint gives no lines to type:
    given in quotes, they held the text's own quotes inside them. ``last``
    is the 0-based line of the closing quote when comment lines left out
    of ``typed`` stand among the lines (by default the text's lines run on).
    """
    mark = "'" if any('"' in text or "\\" in text for text in typed) else '"'
    opening, closing = _quoted_start(typed[0]), _quoted_end(typed[-1])
    end = f" (before the comment {clip(note.strip(), 20)})" if note else ""
    twice = ", and type each ' inside the value twice" if mark == "'" and any("'" in text for text in typed) else ""
    return (f"{how}: type {mark} before {opening} on line {first + scan.first_line}, and another {mark} after "
            f"{closing} on line {(first + len(typed) - 1 if last is None else last) + scan.first_line}{end}{twice}")


def check_hash_below(scan: Scan, number: int, owner: int, lead: str) -> None:
    """Report lines starting with "#" glued to text (`HASH_TEXT`) typed right below a key with nothing after it.

    Takes the scan, the 0-based ``number`` of the key's line (or of a lone
    "-"), the key's (or the "-"'s) column ``owner`` and what is typed
    before the value on its line (``note: ``, ``- ``). YAML reads
    ``note:`` then ``  #3号楼、#5号楼已整改`` as a key with no value and a
    comment: the text is lost, and was published as an empty note,
    unwarned. With nothing else below as the value, it is an error, as
    ``note: #3号楼`` is (`check_comment_value`): nothing of the text is
    left. With a text below them (``  #3号楼`` then ``  重点解决``, or
    ``  "重点解决"`` in quotes), YAML keeps that text alone: a warning, as
    for a "#" line after a text's first (`check_text_cut`), told only when
    that text has no "#" cutting it (else that is told). The hint puts the
    "#" lines in quotes, with the text below when there is one; a note
    (``# 说明``) among them is told to be moved above the key, as quotes
    around it would publish it. A group of fields or a list below is not
    looked at.
    """
    lines = scan.lines
    hashed, notes, after = _hash_lines(lines, number + 1, owner)
    if not hashed:
        return
    text = lines.line(after) if after >= 0 else ""
    if after < 0 or indent_of(text) <= owner:
        if after >= 0 and is_item(text) and indent_of(text) == owner and not LIST_ITEM_LEAD.match(lead):
            return  # "tags:", "#…", then "- 大调研" as far in as the key: the items are its value
        _hash_value_lost(scan, hashed, [n for n in notes if n < hashed[-1]], lead, number)
    elif typed_value(text)[1] is None and not is_item(text):
        first = text.lstrip(GAP)[0]
        if first in "\"'":
            _hash_before_quoted(scan, hashed, notes, after, number)
        elif first not in "|>[{&*!%@`":
            _hash_before_text(scan, hashed, notes, after, owner, number)


def _hash_lines(lines: Lines, below: int, owner: int) -> tuple[list[int], list[int], int]:
    """The lines starting with "#" glued to text (`HASH_TEXT`) from the 0-based line ``below`` on, further in than
    column ``owner``, up to the first line holding YAML.

    Returns (those lines, the other comment lines after the first of them:
    notes such as ``# 说明``, the first line holding YAML or -1 at the end).
    Blank lines and notes before the first "#" line are passed over.
    """
    hashed: list[int] = []
    notes: list[int] = []
    while below < len(lines.lines):
        typed = lines.line(below)
        rest = typed.lstrip(GAP)
        if rest.startswith("#"):
            if len(typed) - len(rest) > owner and HASH_TEXT.match(rest):
                hashed.append(below)
            elif hashed:
                notes.append(below)
        elif rest:
            return hashed, notes, below
        below += 1
    return hashed, notes, -1


def _key_named(lines: Lines, head: int) -> str:
    """The key on the 0-based line ``head`` as typed up to its colon (``summary:``, ``- note:``), or the line
    (a lone "-"), clipped: how a hint names the line to move a comment above."""
    named = lines.line(head).strip(GAP)
    colon = typed_value(lines.line(head))[1]
    return clip(named[:colon - indent_of(lines.line(head)) + 1] if colon is not None
                 else split_comment(named)[0], 30)


def _notes_moved(scan: Scan, notes: list[int], head: int, tails: Sequence[tuple[int, str]] = ()) -> str:
    """The last step of a hint that wraps lines in quotes: move the comment lines ``notes`` (0-based) among them,
    and the comments ``tails`` that end lines among them (each line and comment), above the key on line
    ``head``, else the quotes would publish them; "" for none."""
    which = [f"the comment at the end of line {line + scan.first_line} ({clip(tail.strip(), 20)})"
             for line, tail in tails]
    if len(notes) == 1:
        which.append(f"the comment on line {notes[0] + scan.first_line}")
    elif notes:
        which.append("the comments on lines " + ", ".join(str(n + scan.first_line) for n in notes[:-1])
                     + f" and {notes[-1] + scan.first_line}")
    if not which:
        return ""
    return f', then move {" and ".join(which)} above "{_key_named(scan.lines, head)}" (line {head + scan.first_line})'


def _typed_lines(lines: Lines, first: int, last: int, notes: list[int]) -> list[str]:
    """The lines ``first`` to ``last`` (0-based) as typed, each stripped, blank ones "", the ``notes`` left out."""
    return [lines.line(n).strip(GAP) for n in range(first, last + 1) if n not in notes]


def _hash_value_lost(scan: Scan, hashed: list[int], notes: list[int], lead: str, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, as the whole value of the key on line
    ``head`` (`check_hash_below`), lost."""
    lines = scan.lines
    typed = _typed_lines(lines, hashed[0], hashed[-1], notes)
    typed[-1], note = split_comment(typed[-1])
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{clip(key, 40)}" above has no value' if key else "the list item above is empty"
    start = indent_of(lines.line(hashed[0]))
    message = (f'"#" at the start of a line starts a comment in YAML, so {where}: the text typed below it, '
               f"{clip(folds(typed)[1].replace(chr(10), ' '), 40)}, is dropped")
    if len(hashed) == 1:
        hint = paste_hint("put the value in quotes", with_comment(in_quotes(typed[0]), note),
                          f": {quote_steps(in_quotes(typed[0])[0], typed[0], note)}")
    else:
        hint = _text_quotes_hint(scan, hashed[0], typed, note, how="put the value in quotes", last=hashed[-1]) \
            + _notes_moved(scan, notes, head)
    scan.issues.append(Issue(hashed[0], start, message, hint))


def _hash_before_text(scan: Scan, hashed: list[int], notes: list[int], first: int, owner: int, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, typed before the text starting on line
    ``first`` below its key on line ``head`` at column ``owner``: YAML keeps the text alone (`check_hash_below`).
    A "#" cutting that text too, or a note the text goes on after (`_text_goes_on`), is told with them, once
    (`Scan.told_through`): a hint quoting the text alone would leave the lines above it dropped."""
    lines = scan.lines
    last = _text_end(lines, first, indent_of(lines.line(first)), owner)
    kept = _kept_before_cut([lines.line(n).strip(GAP) for n in range(first, last + 1)])
    notes = list(notes)
    while not split_comment(lines.line(last).lstrip(GAP))[1] and _text_goes_on(lines, last, owner):
        after = yaml_line(lines, last, 1)
        notes += [n for n in range(last + 1, after) if lines.line(n).strip(GAP)
                  and not HASH_TEXT.match(lines.line(n).lstrip(GAP))]
        last = _text_end(lines, after, indent_of(lines.line(after)), owner)
    text = _typed_lines(lines, first, last, notes)
    text[-1], note = split_comment(text[-1])
    typed = _typed_lines(lines, hashed[0], first - 1, notes) + text
    shown, meant = folds(kept)[1].rstrip(), folds(typed)[1]
    whole = len(kept) == len(text) or not any(text[len(kept):])
    why = f": the page shows {clip(shown, 40)}, not {clip(meant, 40)}" if whole else \
        ", and YAML cannot read the rest of the text"
    scan.told_through = last
    scan.issues.append(Issue(hashed[0], indent_of(lines.line(hashed[0])),
                              '"#" at the start of a line of the text starts a comment in YAML, so the value is only '
                              f'"{clip(shown)}"{why}',
                              _text_quotes_hint(scan, hashed[0], typed, note, last=last)
                              + _notes_moved(scan, notes, head)))


def _kept_before_cut(text: list[str]) -> list[str]:
    """The lines ``text`` (as typed, each stripped) of a plain text as YAML keeps them: up to the first "#" that
    starts a line (but the first) or follows a space, where YAML reads a comment; the last one cut there."""
    kept: list[str] = []
    for at, line in enumerate(text):
        cut = 0 if at and line.startswith("#") else next((m.start() for m in re.finditer(r"[ \t]#", line)), None)
        kept.append(line if cut is None else line[:cut])
        if cut is not None:
            break
    return kept


def _quoted_lines(lines: Lines, first: int, start: int, mark: str) -> tuple[list[str], int, int] | None:
    """The text of a quoted value whose opening ``mark`` stands on the 0-based line ``first`` at column ``start``:
    (its lines inside the quotes, each stripped, blank ones "", the line of the closing quote, that quote's
    column). None when it is not closed, or text follows its closing quote (told by the parser and
    `_check_mismatched_quotes`) or a comment does (a quote moved past it would publish the comment)."""
    pos = start + 1
    inside: list[str] = []
    for number in range(first, min(len(lines.lines), first + MAX_LINES)):
        line = lines.line(number)
        end = quote_end(line, pos, mark)
        inside.append(line[pos:len(line) if end is None else end].strip(GAP))
        if end is not None:
            return (inside, number, end) if not line[end + 1:].strip(GAP) else None
        pos = 0
    return None


def _quote_moved_hint(scan: Scan, typed: list[str], hashed: list[int], mark: str) -> str:
    """What to type on the "#" lines ``hashed`` (0-based; ``typed``: their text) taken into quotes of kind
    ``mark``: each ' twice in single quotes, a \\ before each " and \\ in double ones; "" when none needs it
    (`_hash_before_quoted`, `check_hash_after_quoted`)."""
    where = (f"line {hashed[0] + scan.first_line}" if len(hashed) == 1 else
             f"lines {hashed[0] + scan.first_line} to {hashed[-1] + scan.first_line}")
    if mark == "'" and any("'" in text for text in typed):
        return f", and type each ' on {where} twice"
    if mark == '"' and any('"' in text or "\\" in text for text in typed):
        return f', and type a \\ before each " and each \\ on {where}'
    return ""


def _hash_before_quoted(scan: Scan, hashed: list[int], notes: list[int], first: int, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, typed before a text in quotes starting
    on line ``first`` below its key on line ``head`` (``  #3号楼已整改`` then ``  "5号楼正在整改"``): YAML keeps
    the quoted text alone, the "#" lines are lost. An error, as before a text typed without quotes
    (`_hash_before_text`); the hint moves the opening quote up before the first "#" line. Nothing is told for
    a quote left open or one followed by text (`_quoted_lines`), nor for a "#" line ending in a comment of its
    own, which the quotes would publish."""
    lines = scan.lines
    line = lines.line(first)
    start = indent_of(line)
    mark = line[start]
    quoted = _quoted_lines(lines, first, start, mark)
    typed = _typed_lines(lines, hashed[0], first - 1, notes)
    if quoted is None or any(split_comment(text)[1] for text in typed):
        return
    inside = quoted[0]
    opening, moved = _quoted_start(inside[0]), _quoted_start(typed[0])
    _report_quote_to_move(
        scan, hashed, notes, head, typed, mark, shown=folds(inside)[1].rstrip(), meant=folds(typed + inside)[1],
        side="below", move=f"delete the {mark} before {opening} on line {first + scan.first_line}, and type it "
                           f"before {moved} on line {hashed[0] + scan.first_line}")


def _quoted_start(text: str) -> str:
    """The start of ``text`` as a hint names a line by it: whole, or its first `_QUOTED_SHOWN` characters with "…"."""
    return text if len(text) <= _QUOTED_SHOWN else text[:_QUOTED_SHOWN - 1] + "…"


def _quoted_end(text: str) -> str:
    """The end of ``text`` as a hint names a line by it: whole, or "…" and its last characters (`_quoted_start`)."""
    return text if len(text) <= _QUOTED_SHOWN else "…" + text[1 - _QUOTED_SHOWN:]


def _report_quote_to_move(scan: Scan, hashed: list[int], notes: list[int], head: int, typed: list[str], mark: str,
                          *, shown: str, meant: str, side: str, move: str) -> None:
    """The error for the "#" lines ``hashed`` (0-based; ``typed``: their text) lost beside a text in quotes of
    kind ``mark`` on the ``side`` of them ("below" or "above"): the page shows ``shown``, not ``meant``. The hint
    is ``move`` (where to move the quote), then what to type inside the quotes (`_quote_moved_hint`) and where
    the ``notes`` among the lines go, above the key on line ``head`` (`_notes_moved`)."""
    scan.issues.append(Issue(
        hashed[0], indent_of(scan.lines.line(hashed[0])),
        f'"#" at the start of a line starts a comment in YAML, so the value is only "{clip(shown)}", the text '
        f"in quotes {side} it: the page shows {clip(shown, 40)}, not {clip(meant, 40)}",
        f"if the # belongs to the value, {move}" + _quote_moved_hint(scan, typed, hashed, mark)
        + _notes_moved(scan, notes, head)))


def check_hash_after_quoted(scan: Scan, first: int, start: int, owner: int, lead: str) -> None:
    """Report lines starting with "#" glued to text (`HASH_TEXT`) typed right after a text in quotes
    (``note: "5号楼正在整改"`` then ``  #3号楼已整改``): YAML ends the value at its closing quote and reads the
    lines as comments, so their text is lost, unwarned.

    Takes the scan, the 0-based line ``first`` and column ``start`` of the
    opening quote, the column ``owner`` of the value's key or "-" (-1 when
    none is known: nothing is told) and what is typed before the value on
    its line (``note: ``; "" for a text typed below its key). A warning,
    as after a text's first line without quotes (`check_text_cut`); the
    hint moves the closing quote down after the last "#" line, and the
    notes (``# 说明``) among them above the key. Nothing is told when a
    line further in than the key follows them (the parser refuses it), for
    a quote left open or followed by text or a comment (`_quoted_lines`),
    nor for a "#" line, other than the last, ending in a comment of its own.
    """
    lines = scan.lines
    if owner < 0:
        return
    quoted = _quoted_lines(lines, first, start, lines.line(first)[start])
    if quoted is None:
        return
    inside, close, end = quoted
    hashed, _, after = _hash_lines(lines, close + 1, owner)
    if not hashed or (after >= 0 and indent_of(lines.line(after)) > owner):
        return
    notes = [n for n in range(close + 1, hashed[-1]) if n not in hashed and lines.line(n).strip(GAP)]
    typed = _typed_lines(lines, close + 1, hashed[-1], notes)  # blank lines above the "#" lines too: quoted, breaks
    typed[-1], note = split_comment(typed[-1])
    if any(split_comment(text)[1] for text in typed):
        return
    mark = lines.line(first)[start]
    closing, moved = _quoted_end(inside[-1]), _quoted_end(typed[-1])
    before = f" (before the comment {clip(note.strip(), 20)})" if note else ""
    head = first if lead else yaml_line(lines, first, -1)
    _report_quote_to_move(
        scan, hashed, notes, head, typed, mark, shown=folds(inside)[1].rstrip(), meant=folds(inside + typed)[1],
        side="above", move=f"delete the {mark} after {closing} on line {close + scan.first_line}, and type it "
                           f"after {moved} on line {hashed[-1] + scan.first_line}{before}")


_ID_BEFORE_NOTE = compile_later(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""A value that is an id (``baihe``, ``dadiaoyan-weifangtan``): a ``#`` is never part of one."""
_NOTE_IN_CHINESE = compile_later(r"[ \t]*[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
"""A comment's text that starts in Chinese (``# 白鹤镇``, ``# （白鹤镇）``)."""

_WIDE_COMMENT = compile_later(r"[ \t\u3000\u00a0]*[\u3000\u00a0][ \t\u3000\u00a0]*[#＃]|[ \t]+＃")
"""A comment typed after a full-width or no-break space, or with a full-width ＃: YAML reads it as value."""


def check_wide_comment(scan: Scan, number: int, pos: int, typed: str, note: str, lead: str) -> bool:
    """Warn of a note typed with an input method after a plain value (``白鹤镇　# 标题``, ``书记　#待核实``,
    ``书记 ＃ 职务``); True when one was.

    Takes the scan, the 0-based line, the column the value starts at, the
    value as typed (up to its line's own comment), that comment (``note``)
    and what was typed before the value on the line (``lead``). YAML starts
    a note only at an ordinary space followed by an ordinary ``#``, so this
    one is published as part of the value (``<h1>白鹤镇　# 标题</h1>``, and in
    the open data). A warning, placed at the ``#``, as the ``#`` may belong
    to the text (``活动　#白鹤草莓节#``); quotes say so and silence it. The hint
    gives the line with the note typed as YAML reads one; when the text goes
    on over the lines below (`_text_end`), a note cannot end this line (YAML
    would end the text there and refuse the lines below), so the hint moves
    it onto a line of its own above the text's key (`_wide_note_above`).
    """
    wide = _WIDE_COMMENT.search(typed)
    if wide is None or not typed[:wide.start()].strip():
        return False
    meant = typed[:wide.start()].rstrip(" \t\u3000\u00a0")
    text = scan.plain_text
    goes_on = text is not None and _text_end(scan.lines, *text[:3]) > number
    fixed = "" if goes_on else with_comment(_wide_note_fixed(lead + meant, typed[wide.end():]), note)
    scan.issues.append(_wide_note_issue(scan, number, pos, typed, wide, fixed, note, lead))
    return True


def _wide_note_fixed(before: str, comment: str) -> str:
    """The line ``before`` (up to the value's end) with ``comment`` (the note's text, its ``#`` left out) after
    it as YAML reads a note: three ordinary spaces, ``#`` and a space, as the lines ``sitegen new`` writes."""
    comment = comment.strip(GAP)
    return f"{before}   # {comment}" if comment else before


def _wide_note_issue(scan: Scan, number: int, pos: int, typed: str, wide: re.Match[str], fixed: str, note: str,
                     lead: str) -> Issue:
    """The warning of a note typed after a full-width or no-break space, or with a full-width ＃ (`_WIDE_COMMENT`,
    found as ``wide`` in ``typed``, the text typed from column ``pos`` of the 0-based line ``number``), at its
    ``#``; the hint types ``fixed`` (the line mended), or, when that is "", moves the note above the text's key
    (`_wide_note_above`). ``note`` is the line's own comment, ``lead`` what was typed before the value."""
    typed_note = typed[wide.end() - 1:].strip(GAP)
    message, fix = wide_note_words(wide.group(), typed_note, (
        f'so the page shows "{clip(typed.strip(GAP), 40)}"' if fixed
        else "so the page shows it in the text, with the lines below"))
    if fixed:
        hint = paste_hint(fix, fixed)
    else:
        hint = _wide_note_above(scan, number, typed_note)
    return Issue(number, pos + wide.end() - 1, message,
                  hint + "; " + paste_hint("if the # belongs to the text, wrap the whole value in quotes",
                                           with_comment(lead + in_quotes(typed), note),
                                           f": {quote_steps(in_quotes(typed)[0], typed, note)}")
                  if fixed and scan.plain_text is not None and scan.plain_text[0] == number
                  else hint, severity="warning")


def _wide_note_why(gap: str) -> tuple[str, str]:
    """What makes YAML read a note typed after ``gap`` (the spaces and the ``#`` or ``＃`` before it,
    `_WIDE_COMMENT`) as text (``the full-width space (全角空格) before it``), and the words of the fix."""
    space = next((char for char in gap if char in "\u3000\u00a0"), "")
    return (("the full-width space (全角空格) before it",
             "type the space before the # as an ordinary space (半角), not a full-width one")
            if space == "\u3000" else
            ("the no-break space before it", "type the space before the # as an ordinary space, not a no-break one")
            if space else ("its full-width ＃ (全角)", "type the # in half width (半角)"))


@dataclass(frozen=True)
class WideNote:
    """A note typed after a value with a full-width or no-break space before its ``#``, or a full-width ``＃``,
    which YAML reads as part of the value (`split_wide_note`).

    Fields: ``value``, the value typed before it (``false``); ``note``, the note as typed (``# 发布``); ``why``,
    what made it text (``the full-width space (全角空格) before it``); ``fix``, the words of the fix.
    """

    value: str
    note: str
    why: str
    fix: str

    def line(self, key: str | int) -> str:
        """The line of the field ``key`` (a list item's for an index) with the note typed as YAML reads one."""
        return _wide_note_fixed(f"- {self.value}" if isinstance(key, int) else f"{key}: {self.value}",
                                self.note.lstrip("#＃"))


def split_wide_note(text: str) -> WideNote | None:
    """The value and the note typed in ``text``, a plain value as loaded (``false　# 发布``), when a note follows
    the value after a full-width or no-break space or with a full-width ``＃`` (`check_wide_comment` warns of
    it where the value is text); None when there is none, or nothing before it."""
    wide = _WIDE_COMMENT.search(text)
    if wide is None or not text[:wide.start()].strip(GAP):
        return None
    why, fix = _wide_note_why(wide.group())
    return WideNote(text[:wide.start()].strip(GAP), text[wide.end() - 1:].strip(GAP), why, fix)


def is_wide_note_warning(problem: Problem) -> bool:
    """Whether ``problem`` is the warning of a note typed after a full-width space published as text
    (`check_wide_comment`): a field whose value is no text says so in its own error instead."""
    return problem.severity == "warning" and problem.message.startswith('the note "') and \
        " is published as text, because of " in problem.message


def wide_note_words(gap: str, typed_note: str, shown: str) -> tuple[str, str]:
    """The message and the words of the fix for a note ``typed_note`` (``#待核实``) typed after ``gap`` (the
    spaces and the ``#`` or ``＃`` before it, `_WIDE_COMMENT`), read as text; ``shown`` says what the page shows."""
    why, fix = _wide_note_why(gap)
    return (f'the note "{clip(typed_note, 30)}" is published as text, because of {why}: YAML reads an ordinary "#" '
            f"after an ordinary space as the start of a note (注释), {shown}", fix)


def _wide_note_above(scan: Scan, number: int, typed_note: str) -> str:
    """The hint for a note ``typed_note`` (``#待核实``) typed on the 0-based line ``number`` of a text going on
    over several lines, where YAML reads no note: cut it, and type it on a line of its own above the text's key,
    indented as the key (or the text's "- "), where it is one."""
    text = scan.plain_text
    head = number if text is None else text[0] if text[3] else yaml_line(scan.lines, text[0], -1)
    head_line = scan.lines.line(max(head, 0))
    indent = head_line[:len(head_line) - len(head_line.lstrip(GAP))]
    comment = typed_note.lstrip("#＃").strip(GAP)
    return (f"cut {clip(typed_note, 30)} from this line, with the space before it; to keep it a note, type it on "
            f"a line of its own above line {max(head, 0) + scan.first_line}: {indent}# {comment}")


def check_comment_value(scan: Scan, number: int, line: str, pos: int, lead: str, owner: int) -> None:
    """Report a value that starts with ``#`` glued to text (``title: #1 白鹤镇``): YAML drops it all.

    ``pos`` is where the value starts, ``lead`` what was typed before it on
    the line (``title: `` or ``- ``), ``owner`` the column of its key or
    "-". "#" after a space starts a comment, so the field is left empty,
    and the editor would read "the value is empty" about a line that
    plainly has one. An error, as `check_comment`'s is: here nothing of
    the value is left. A comment typed the usual way
    (``title: # 标题``, with a space) is not reported, nor one glued to its
    "#" above the fields or the list that are the value
    (``interviewee: #受访人`` then ``  name: …``): YAML reads those as meant.
    A text going on below (``summary: #3号楼已解决，`` then ``  居民很满意``)
    is all YAML keeps: the hint wraps the whole text in quotes.
    """
    if line[pos + 1:pos + 2] in ("", " ", "\t", "#"):
        return
    lines = scan.lines
    hashed, _notes, below = _hash_lines(lines, number + 1, owner)
    text = lines.line(below) if below >= 0 else ""
    if below >= 0 and (indent_of(text) > owner or (is_item(text) and not LIST_ITEM_LEAD.match(lead))):
        rest = text.lstrip(GAP)
        if is_item(text) or typed_value(text)[1] is not None or rest[0] in "|>[{&*!%@`":
            return  # the fields, the list or the block below are the value; "#受访人" is a note
        if rest[0] not in "\"'" and not hashed and not split_comment(line[pos:])[1]:
            _comment_before_text(scan, number, pos, lead, below, owner)
            return
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{clip(key, 40)}" has no value' if key else "this list item is empty"
    value, note = split_comment(line[pos:])
    scan.issues.append(Issue(number, pos, f'"#" after a space starts a comment in YAML, so {where}',
                              paste_hint("put the value in quotes", with_comment(lead.strip() + " " + in_quotes(value), note),
                                         f": {quote_steps(in_quotes(value)[0], value, note)}")))


def _comment_before_text(scan: Scan, number: int, pos: int, lead: str, first: int, owner: int) -> None:
    """Report ``summary: #3号楼已解决，`` (0-based line ``number``, the "#" at column ``pos``) with its text going on
    from line ``first`` (``  居民很满意``), its key at column ``owner``: YAML keeps the lines below alone.

    An error, as `check_comment_value`: the start of the text is dropped
    without a trace. The hint wraps the whole text in quotes, from the "#"
    to the end of its last line (`_text_quotes_hint`), which YAML then
    reads as one text, joined as typed (`unfolded_as_styled`).
    """
    lines = scan.lines
    last = _text_end(lines, first, indent_of(lines.line(first)), owner)
    typed = [lines.line(number)[pos:].strip(GAP)] + [lines.line(n).strip(GAP) for n in range(number + 1, last + 1)]
    typed[-1], note = split_comment(typed[-1])
    typed[-1] = typed[-1].rstrip(GAP)
    kept = folds(_kept_before_cut(typed[1:]))[1].rstrip().replace("\n", " ")
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{clip(key, 40)}" is only "{clip(kept)}"' if key else f'this list item is only "{clip(kept)}"'
    scan.told_through = last
    scan.issues.append(Issue(number, pos, f'"#" after a space starts a comment in YAML, so {where}: the text '
                                           f'"{clip(typed[0])}" on this line is dropped',
                              _text_quotes_hint(scan, number, typed, note, how="put the whole value in quotes")))
