"""Integrity rule: a unit's name typed in a text with other characters of the same sound (同音字), unlisted.

Job: `check_heard_names`, run by `sitegen.checks.check_content`.

A misspelling a unit lists (``misspellings: [白河镇]``) is warned wherever
it is typed (`sitegen.checkmisspellings`). An editor cannot list what they
have not seen, though, and a pinyin input method makes the same slip with
any characters of the same sound: this rule finds them unlisted. A span of
a text shaped like a unit's name (`sitegen.heardnames`) that is no name a
unit gives, and reads in pinyin, tones left out, as a unit's name or alias
with a word of level does (百合镇 as 白鹤镇, both ``bai-he-zhen``), is
warned where it is typed, as a misspelling is. A real place of that
reading is listed under the unit's ``other_places:``, which stops it.

May import: lazyre, errors, load (record types only), models, heardnames, checkmisspellings (and the standard
library).
"""

from __future__ import annotations

from typing import Iterable

from .checkmisspellings import ADDRESS_SPAN_RE, PAGE_NAMING, UNIT_NAMING, naming_lines
from .errors import Report
from .heardnames import name_shape, name_spans, shaped_spans
from .load import Content, Sourced
from .models import Unit, plain_name, simplified_level_word


Heard = dict[str, tuple[Sourced[Unit], str, str]]
"""Spans heard as a unit's name: ``{span: (the unit, its name or alias that the span reads as, the reading)}``,
the reading as a slug spells it (``bai-he-zhen``)."""


def heard_names(content: Content) -> Heard:
    """The spans read while loading (`Content.readings`) that are a unit's name heard (`Heard`).

    A span is heard as a name when it has a name's shape (`name_shape`),
    is none of the names, aliases, misspellings and other places any unit
    lists (as readers tell names apart: `sitegen.models.plain_name`, so
    白鹤镇 is the name typed ``白鹤镇　`` with a full-width space), and its reading (`Content.sound_of`) is that of a unit's name or
    alias of that shape. Of two units whose names read alike, the first by
    path is given. Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    known = {plain_name(text) for unit in units
             for text in (unit.record.name, *unit.record.aliases, *unit.record.misspellings, *unit.record.other_places)}
    named: Heard = {}
    for unit in units:
        for name in (unit.record.name, *unit.record.aliases):
            reading = content.sound_of(name) if name_shape(name) else ""
            if reading:
                named.setdefault(reading, (unit, name.strip(), reading))
    if not named:
        return {}
    return {text: named[reading] for text in content.readings
            if plain_name(text) not in known and name_shape(text) and (reading := content.sound_of(text)) in named}


def check_heard_names(content: Content, report: Report) -> None:
    """Warn at each span of a page or record that is a unit's name heard (`heard_names`), with its line and column.

    Scans what `sitegen.checkmisspellings.check_misspellings` scans: every
    line of each page (front matter and body) and of the unit and series
    records, but for the fields that take an id or an address and those
    that declare names (`PAGE_NAMING`, `UNIT_NAMING`), and web addresses. A
    page is read line by line only when its spans (`sitegen.load.Document.name_spans`)
    hold one heard. Raises nothing.
    """
    heard = heard_names(content)
    if not heard:
        return
    for document in content.interviews + content.cases:
        spans = document.name_spans if document.name_spans is not None else name_spans(document.front_matter,
                                                                                         document.body)
        if spans.isdisjoint(heard):
            continue
        naming = naming_lines(document.yaml, PAGE_NAMING)
        lines = [(number, text) for number, text in enumerate(document.front_matter.split("\n"),
                                                              document.front_matter_line) if number not in naming]
        lines += enumerate(document.body.split("\n"), document.body_line)
        _report_heard(document.path, lines, heard, report)
    records: list[Sourced[object]] = [*content.units.values(), *content.series.values()]
    for record in records:
        if name_spans(record.text).isdisjoint(heard):
            continue
        declared = naming_lines(record.yaml, UNIT_NAMING)
        _report_heard(record.path, [(number, text) for number, text in enumerate(record.text.split("\n"), 1)
                                    if number not in declared], heard, report)


def _report_heard(path: str, lines: Iterable[tuple[int, str]], heard: Heard, report: Report) -> None:
    """One warning per span of ``lines`` (file line, text) that `heard` holds, outside web addresses."""
    for number, text in lines:
        spans = [match.span() for match in ADDRESS_SPAN_RE.finditer(text)] if "/" in text else []
        for start, span in shaped_spans(text):
            if span not in heard or any(begin <= start < end for begin, end in spans):
                continue
            unit, name, reading = heard[span]
            listed = ("add it to other_places: in" if "other_places" in unit.record.model_fields_set
                      else f"add the line other_places: [{span}] to")
            # 鎮, 區, 鄉 …: a name pasted from a text in traditional characters, not a slip of the input method.
            how = ("in traditional characters (繁体字)" if simplified_level_word(span) != span
                   else "with a pinyin input method that picked other characters")
            report.warning(path, number, start + 1,
                           f'"{span}" reads {reading}, as the unit name {name} does (同音): it may be {name} typed '
                           f"{how}",
                           f"if it means {name}, write {name}; if {span} is another place, {listed} {unit.path} "
                           "(the warning then stops)")

