"""Integrity rules over the misspellings a unit lists: each is told where a page or record
types it, unless it clashes with another unit's name.

Job: `check_misspellings` and `check_misspelling_clashes`, run by
`sitegen.checks.check_content`.

May import: lazyre, errors, load (record types only), models, yamllines (and the standard library).
"""

from __future__ import annotations

import html
from typing import Iterable, Mapping

from .errors import Report
from .lazyre import compile_later
from .load import Content, Document, Sourced, YamlData
from .models import Unit, is_stand_in, level_word_ending, plain_name, texts_in
from .yamllines import comment_starts


def misspelling_clashes(content: Content) -> dict[tuple[str, int], tuple[str, str]]:
    """The misspellings that cannot be looked for as they are: ``{(unit path, index): (reason, hint)}``.

    A misspelling is matched anywhere in the text (`check_misspellings`),
    so one that is part of a unit's name or alias (its own or another
    unit's: ``白河`` beside a unit named 白河村) would be warned at every
    correct mention of that name; one of two characters or fewer that does
    not end in a level word (金则 for 金泽镇, `_short_misspelling`) would be
    warned inside ordinary words and names (资金则由, 徐经理 for 徐经); and one
    that a second unit of another name lists (a unit file copied with its
    misspellings) would suggest either name; one the unit also lists under
    ``not_misspellings:`` says both that it is a slip and that it is right
    as typed (it is then not looked for, until one of the lists drops it). The first listing of a
    misspelling is kept, the second is the clash; two units of one name are
    `sitegen.checknames.check_unit_names`' error. ``index`` is the entry's place in the unit's
    ``misspellings`` list.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    correct = [(unit, text) for unit in units for text in (unit.record.name, *unit.record.aliases) if text.strip()]
    listed: dict[str, Sourced[Unit]] = {}
    clashes: dict[tuple[str, int], tuple[str, str]] = {}
    for unit in units:
        for index, bad in enumerate(unit.record.misspellings):
            if not bad.strip():
                continue
            owner = next(((other, text) for other, text in correct if bad in text), None)
            earlier = listed.setdefault(bad, unit)
            right = next((index for index, text in enumerate(unit.record.not_misspellings)
                          if plain_name(text) == plain_name(bad)), None)
            if right is not None:
                line = unit.yaml.locate(("not_misspellings", right))[0]
                clashes[(unit.path, index)] = (
                    f'"{bad}" is listed in not_misspellings: too (line {line}), as right as typed, so it is not '
                    "looked for as a misspelling",
                    f"if {bad.strip()} is a slip for {unit.record.name.strip()}, remove it from not_misspellings:; "
                    "if it is right as typed (another place, or words that read alike), remove it from misspellings:")
            elif owner is not None:
                other, text = owner
                relation = "is" if bad == text else "is part of"
                whose = "this unit's own" if other is unit else "another unit's"
                kind = "name" if text == other.record.name else "other correct name (aliases)"
                where = "" if other is unit else f" ({other.path})"
                clashes[(unit.path, index)] = (
                    f'"{bad}" {relation} {whose} {kind} {text}{where}, so every correct {text} would be warned '
                    "as a misspelling",
                    f'remove "{bad}" from misspellings' + (
                        ", or list the whole wrong spelling as it is typed in the texts (e.g. 白河镇, not 白河)"
                        if bad != text else _whole_name_fix(unit, other, text)))
            elif (short := _short_misspelling(unit.record, bad)) is not None:
                clashes[(unit.path, index)] = short
            elif earlier is not unit and plain_name(earlier.record.name) != plain_name(unit.record.name):
                clashes[(unit.path, index)] = (
                    f'"{bad}" is listed by {earlier.record.name} ({earlier.path}) too, so it is looked for as a '
                    f"misspelling of {earlier.record.name} only",
                    f'remove "{bad}" from the misspellings of {unit.record.name} (a unit file copied from another '
                    "keeps the other's misspellings)")
    return clashes


_LONGEST_SHORT_MISSPELLING = 2
"""The most characters a misspelling without a level word at its end may have and still be found inside ordinary
words and names: 金则 (for 金泽镇) in 资金则由, 徐经 (for 徐泾镇) in 徐经理 and 徐经纬. Three characters (白河镇,
百合乡) seldom are; a level word at the end (白河镇, 白河村) makes it a place's name."""


def _short_misspelling(unit: Unit, bad: str) -> tuple[str, str] | None:
    """The reason and hint for the misspelling ``bad`` of ``unit`` when it is too short to be looked for, or None.

    Takes the unit record and one entry of its ``misspellings``. Too short: `_LONGEST_SHORT_MISSPELLING`
    characters or fewer and not ending in a level word (`sitegen.models.level_word_ending`), and not a value
    standing for "not known yet" (待定), which `check_typed_values` tells. The hint gives the entry with the
    level word of the unit's name after it (金则镇), or says to delete the entry when that is listed already.
    """
    typed = bad.strip()
    if len(typed) > _LONGEST_SHORT_MISSPELLING or level_word_ending(typed) or is_stand_in(typed):
        return None
    length = "1 character" if len(typed) == 1 else f"{len(typed)} characters"
    reason = (f'"{bad}" is only {length} and does not end in a level word (镇, 乡, 村, 街道, 社区 …), so it would be '
              "found inside ordinary words and names as well; it is not looked for")
    level = level_word_ending(unit.name)  # 鎮 of 金澤鎮, as the name has it: the whole wrong name is typed so
    if not level:
        return reason, (f"list the whole wrong name in its place, as it is typed in the texts, or remove \"{bad}\" "
                        "from misspellings")
    whole = typed + level
    if whole in (other.strip() for other in unit.misspellings):
        return reason, f'remove "{bad}" from misspellings: the whole wrong name {whole} is listed already'
    return reason, f"list the whole wrong name in its place, as it is typed in the texts (e.g. {whole}, not {typed})"


def _whole_name_fix(unit: Sourced[Unit], other: Sourced[Unit], text: str) -> str:
    """The end of the hint for a misspelling that is the whole of a correct name ``text`` of ``other``."""
    if other is unit:
        return ": it is a correct name of this unit"
    if text != other.record.name:
        return f": it is a correct name of {other.record.name}"
    return f" if {text} is a real unit; if that unit is a slip for {unit.record.name}, delete {other.path} instead"


def check_misspelling_clashes(content: Content, report: Report) -> dict[tuple[str, int], tuple[str, str]]:
    """Warn at each unit misspelling that `misspelling_clashes` finds, at its entry in ``misspellings:``.

    Returns those clashes, for `check_misspellings` to leave out. A
    warning, not an error: the pages are right, only the misspelling
    warnings would be wrong. A unit file copied with its misspellings is
    the usual cause.
    """
    units = {unit.path: unit for unit in content.units.values()}
    clashes = misspelling_clashes(content)
    for (path, index), (reason, hint) in sorted(clashes.items()):
        report.warning(path, *units[path].yaml.locate(("misspellings", index)), f"misspellings: {reason}", hint)
    return clashes


def check_misspellings(content: Content, report: Report,
                       clashes: Mapping[tuple[str, int], object]) -> None:
    """Warn where a unit's known misspelling is typed, with its line, column and the right name.

    Scans, as typed, every line of each page (front matter and body) and of
    the unit and series records (whose text is published on their pages),
    except the ``misspellings:`` entries that declare them and the fields
    that take an id or an address (`PAGE_NAMING`, `UNIT_NAMING`: ``unit:
    白河镇`` is the error that there is no such unit, whose hint gives the
    id; "write 白鹤镇" there would be another error). The seed article
    spells 白鹤镇 three ways (issue 3), so units list ``misspellings``.
    Then the YAML values as published: a misspelling that only they show
    (typed with an escape, ``"白\\u6cb3镇"``, or across a line with a
    backslash in double quotes) is warned at the value. The entries in
    ``clashes`` (``(unit path, index)``, from `check_misspelling_clashes`,
    which warned at them: a misspelling part of a correct name, too short to
    be told from ordinary words, or listed twice) are not looked for.
    """
    wrong = {bad: unit.record.name for unit in content.units.values()
             for index, bad in enumerate(unit.record.misspellings) if bad.strip() and (unit.path, index) not in clashes}
    if not wrong:
        return
    for document in content.interviews + content.cases:
        # The lines of ids need the page's YAML positions: found only for a front matter holding a misspelling.
        lines = page_lines(document, naming=any(bad in document.front_matter for bad in wrong))
        _report_misspellings(document.path, lines, wrong, report)
        _report_referenced_misspellings(document, wrong, report)
        _report_hidden_misspellings(document.path, document.yaml, document.front_matter,
                                    document.front_matter_line, wrong, report, PAGE_NAMING)
    records: list[Sourced[object]] = [*content.units.values(), *content.series.values()]
    for record in records:
        # The declaration lines need the file's YAML positions: found only for a file holding a misspelling.
        if any(bad in record.text for bad in wrong):
            _report_misspellings(record.path, record_lines(record), wrong, report)
        _report_hidden_misspellings(record.path, record.yaml, record.text, 1, wrong, report, UNIT_NAMING)


def page_lines(document: Document, naming: bool = True) -> list[tuple[int, str]]:
    """A page's lines as ``(file line, text)``: its front matter's, without its comments (`without_comments`) and
    those of the fields that take an id or an address (`PAGE_NAMING`) unless ``naming`` is False (their positions
    are then not looked up), then its body's. Raises nothing."""
    lines = without_comments(document.front_matter, document.front_matter_line)
    if naming:
        skipped = naming_lines(document.yaml, PAGE_NAMING)
        lines = [(number, text) for number, text in lines if number not in skipped]
    return lines + list(enumerate(document.body.split("\n"), document.body_line))


def record_lines(record: Sourced[object]) -> list[tuple[int, str]]:
    """A unit's or series' file's lines as ``(file line, text)``, without its comments (`without_comments`) and
    the lines of the fields that declare names or ids (`UNIT_NAMING`). Raises nothing."""
    declared = naming_lines(record.yaml, UNIT_NAMING)
    return [(number, text) for number, text in without_comments(record.text, 1) if number not in declared]


def without_comments(text: str, first_line: int) -> list[tuple[int, str]]:
    """The lines of a YAML text as ``(file line, text)``, each cut where its comment starts
    (`sitegen.yamllines.comment_starts`): a comment is never published, so a name typed in one
    (``# 白河镇 is the translation's slip``) is nobody's to mend. ``first_line``: the file line of the text's
    first line. Raises nothing."""
    comments = comment_starts(text)
    return [(number, line[:comments[index]] if index in comments else line)
            for index, (number, line) in enumerate(enumerate(text.split("\n"), first_line))]


PAGE_NAMING = ("series", "unit", "slug", "aliases")
"""A page's fields that name something rather than being published as text: the ids of its series and
unit (`check_references` names a misspelling typed there), its slug and its old addresses (``aliases``:
an address must stay as it was to lead to the page)."""
UNIT_NAMING = ("misspellings", "not_misspellings", "distinct_from")
"""A unit's fields that are no published text: where its misspellings and the texts that read like its name
but are no misspellings are declared, and ids of other units (`_check_distinct_from` names a misspelling typed
there). A series has none of them."""


ADDRESS_SPAN_RE = compile_later(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"'）)\]]*|\]\([^)\s]*"
                                r"|(?:(?<=[\s<>\"'(（\[=:])|^)[^\s<>\"'()（）\[\]]*/[^\s<>\"'()（）\[\]]*"
                                r"\.(?:svg|png|jpe?g|gif|webp|pdf|docx?|xlsx?|csv|zip)\b")
"""A web address as typed (``https://baike.example.org/item/重故镇``), a Markdown link's target (``](…)``), or a
file's path (``images/重故镇草莓.jpg``, in front matter or an ``<img src>``): the file's name, not text to correct.
A path is looked for only from the start of the line or after a space, quote, bracket, ``=`` or ``:``, so that a
long line of Chinese with a "/" in it is not tried from each of its characters."""


def _report_misspellings(path: str, lines: Iterable[tuple[int, str]], wrong: dict[str, str],
                         report: Report) -> None:
    """Add one warning per occurrence of a misspelling in ``lines`` (file line, text).

    An occurrence inside a web address or a link's target (`ADDRESS_SPAN_RE`)
    is not one: the address names another site's page as that site spells
    it, and "write 白鹤镇" there would break the link.
    """
    for number, text in lines:
        spans = [match.span() for match in ADDRESS_SPAN_RE.finditer(text)] if "/" in text else []
        for bad, right in wrong.items():
            start = text.find(bad)
            while start >= 0:
                if any(begin <= start < end for begin, end in spans):
                    start = text.find(bad, start + len(bad))
                    continue
                report.warning(path, number, start + 1, f'"{bad}" is a misspelling of the unit name {right}',
                               f"write {right}")
                start = text.find(bad, start + len(bad))


def _report_hidden_misspellings(path: str, data: YamlData, text: str, first_line: int, wrong: dict[str, str],
                                report: Report, naming: tuple[str, ...]) -> None:
    """Warn at each YAML value whose published text holds a misspelling that its typed text does not.

    ``text`` is the YAML as typed (``\\n`` breaks), its first line being
    file line ``first_line``. A value's typed text runs from its position
    to the next key or value. The values of the top-level fields ``naming`` (ids, the
    ``misspellings:`` entries: `PAGE_NAMING`, `UNIT_NAMING`) are skipped.
    """
    hits = [(key, value, bad) for key, value in texts_in(data.value)
            for bad in wrong if bad in value and not (key and key[0] in naming)]
    if not hits:
        return
    starts = sorted({*data.positions.values(), *data.key_positions.values()})
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: tuple[int, int]) -> int:
        line, column = position
        return min(offsets[min(line - first_line, len(offsets) - 1)] + column - 1, len(text))

    for key, value, bad in hits:
        start = data.positions[key]
        after = next((other for other in starts if other > start), None)
        typed = text[offset(start):offset(after) if after is not None else len(text)]
        if bad not in typed:
            line, column = _typed_position(typed, value.find(bad), start)
            report.warning(path, line, column,
                           f'"{bad}" is a misspelling of the unit name {wrong[bad]}, hidden here in an escape '
                           "or a broken line",
                           f"write {wrong[bad]} as plain text, with no \\u escape or line break inside it")


_CHARACTER_REFERENCE_RE = compile_later(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _report_referenced_misspellings(document: Document, wrong: dict[str, str], report: Report) -> None:
    """Warn where the text spells a misspelling with HTML character references (``白&#x6cb3;镇``).

    The page shows the references as the characters they stand for, so the
    misspelling is published although no line holds it as typed.
    """
    if "&" not in document.body:
        return
    for number, line in enumerate(document.body.split("\n"), document.body_line):
        if "&" not in line:
            continue
        typed_at: list[int] = []  # the typed column of each character the line shows
        shown = []
        position = 0
        for match in _CHARACTER_REFERENCE_RE.finditer(line):
            for index in range(position, match.start()):
                shown.append(line[index])
                typed_at.append(index)
            decoded = html.unescape(match.group())
            shown.append(decoded)
            typed_at.extend([match.start()] * len(decoded))
            position = match.end()
        for index in range(position, len(line)):
            shown.append(line[index])
            typed_at.append(index)
        text = "".join(shown)
        for bad, right in wrong.items():
            found = text.find(bad)
            while found >= 0:
                start = typed_at[found]
                if line[start:start + len(bad)] != bad:  # typed plainly: `_report_misspellings` warns
                    report.warning(document.path, number, start + 1,
                                   f'"{bad}" is a misspelling of the unit name {right}, hidden here in an HTML '
                                   "character reference (&#…;)",
                                   f"write {right} as plain text, with no &#…; code inside it")
                found = text.find(bad, found + len(bad))


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}
"""Typed length of YAML's numbered escapes in double quotes (``\\x41``, ``\\u6cb3``, ``\\U00006cb3``)."""


def _typed_position(typed: str, index: int, start: tuple[int, int]) -> tuple[int, int]:
    """Where character ``index`` of a double-quoted value was typed: (file line, column).

    ``typed`` is the value as typed from its opening quote, which is at
    ``start``. Each escape stands for one character, a backslash before a
    line break for none, and a line break with the next line's indentation
    for one space. Anything else (a plain or single-quoted value, a value
    this walk cannot follow) gives ``start``.
    """
    if not typed.startswith('"'):
        return start
    position, produced = 1, 0
    while position < len(typed) and typed[position] != '"':
        if produced == index:
            before = typed[:position]
            breaks = before.count("\n")
            return (start[0] + breaks,
                    start[1] + position if not breaks else position - before.rfind("\n"))
        char = typed[position]
        if char == "\\" and typed[position + 1:position + 2] == "\n":
            position += 2
            while position < len(typed) and typed[position] in " \t":
                position += 1
            continue
        if char == "\\":
            position += _ESCAPE_LENGTHS.get(typed[position + 1:position + 2], 2)
        elif char == "\n":
            position += 1
            while position < len(typed) and typed[position] in " \t":
                position += 1
        else:
            position += 1
        produced += 1
    return start


def naming_lines(data: YamlData, naming: tuple[str, ...]) -> set[int]:
    """File lines of the keys and values of the top-level fields ``naming`` (`PAGE_NAMING`, `UNIT_NAMING`):
    a misspelling typed there is no text to correct to the unit's name."""
    fields = {(name,) for name in naming}
    lines = {line for path, (line, _) in data.positions.items() if path[:1] in fields}
    lines.update(data.key_positions[key][0] for key in fields if key in data.key_positions)
    return lines
