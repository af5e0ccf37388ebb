"""How YAML folds a text typed over several lines, kept without a space where a line break meets Chinese.

Job: `unfolded_as_styled` gives a value typed over several lines (plain,
quoted or ``>``) as sitegen publishes it: ``…大调研，`` then ``截至…`` reads
``…大调研，截至…``, as typed on one line, where YAML puts a space; `folds` gives
both readings of the lines, for the line scan.

May import: the standard library only.
"""

from __future__ import annotations

import unicodedata
from typing import Sequence


def _unfolded(value: str, typed: str) -> str:
    """A plain value typed over several lines, with no space where a line break met Chinese text.

    Takes the value as YAML folded it (each single line break became a
    space) and the text it was typed as. Chinese is written without spaces,
    so ``summary: 白鹤镇党委书记谈大调研，`` continued on the next line
    (``  截至4月26日…``) reads ``…大调研，截至…``, not ``…大调研， 截至…``: a
    break with a wide character on either side (East Asian Width W or F:
    Han, kana, hangul, full-width punctuation; or Chinese quotes and dashes,
    `_CJK_SIGNS`) joins the lines, so ``截至`` then ``2018.4.26`` reads
    ``截至2018.4.26`` and ``“白鹤草莓”`` then ``APP反映`` reads
    ``“白鹤草莓”APP反映``, as typed on one line (a space there was published
    and went into the open data). A break between two other characters
    (``Hello`` then ``world``) stays a space.
    Returns ``value`` unchanged when the fold cannot be told apart exactly.
    """
    spaced, joined = folds(typed.split("\n"))
    return joined if spaced == value else value


def folds(lines: Sequence[str]) -> tuple[str, str]:
    """The text of a value typed over ``lines`` as YAML folds it (each single line break a space, blank lines
    line breaks), and as sitegen publishes it (no space where a break meets Chinese: `_unfolded`)."""
    spaced: list[str] = []
    joined: list[str] = []
    blanks = 0
    for line in (line.strip(" \t") for line in lines):
        if not line:
            blanks += 1
            continue
        if spaced:
            gap = "\n" * blanks if blanks else " "
            wide = not blanks and (_in_chinese(spaced[-1][-1]) or _in_chinese(line[0]))
            spaced.append(gap)
            joined.append("" if wide else gap)
        spaced.append(line)
        joined.append(line)
        blanks = 0
    return "".join(spaced), "".join(joined)


def unfolded_as_styled(value: str, typed: str, style: str | None) -> str:
    """`_unfolded` for a value of any style YAML folds: plain, quoted (``"…"``, ``'…'``) or folded (``>``).

    Takes the value as YAML made it, the text typed (from the value's
    first character to its end) and the scalar's style. A quoted value
    holding an escape (``\\`` in double quotes, ``''`` in single ones) and a
    literal block (``|``, which keeps its line breaks) are returned as they
    are; a folded block keeps its final line breaks (chomping). Returns
    ``value`` unchanged whenever the fold cannot be told apart exactly.
    """
    if not style:
        return _unfolded(value, typed)
    if style in ('"', "'"):
        escape = "\\" if style == '"' else "''"
        if escape in typed[1:-1] or len(typed) < 2 or typed[-1] != style:
            return value
        return _unfolded(value, typed[1:-1])
    if style == ">":
        body = typed.partition("\n")[2]  # after the header line (">", ">-", ">+", a comment)
        core = value.rstrip("\n")
        joined = _unfolded(core, body)
        return joined + value[len(core):] if joined != core else value
    return value


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


_CJK_SIGNS = frozenset("“”‘’…—·")
"""Signs of Chinese text that Unicode gives an ambiguous width (the quotes a Chinese input method types)."""


def _in_chinese(char: str) -> bool:
    """True for a character of Chinese text, beside which a line break is no space (`_unfolded`)."""
    return is_wide(char) or char in _CJK_SIGNS
