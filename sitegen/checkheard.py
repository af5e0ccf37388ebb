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
reading, or words that read so in a sentence (需经镇政府审批 beside 徐泾镇), are listed under the unit's
``not_misspellings:``, which stops it.

May import: lazyre, errors, load (record types only), models, heardnames, checkmisspellings, slugs (and the
standard library).
"""

from __future__ import annotations

from typing import Collection, Iterable

from .checkmisspellings import ADDRESS_SPAN_RE, page_lines, record_lines
from .errors import Report
from .heardnames import given_names, name_shape, name_spans, shaped_spans
from .load import Content, Sourced
from .models import Unit, plain_name, simplified_level_word
from .slugs import id_syllables


Heard = dict[str, tuple[tuple[tuple[Sourced[Unit], str], ...], str]]
"""Spans heard as a unit's name: ``{span: (((a unit, its name or alias that the span reads as), …), the
reading)}``, the units in path order (two when their names read alike: 白鹤村 and 白河村), the reading as a slug
spells it (``bai-he-zhen``)."""


def heard_names(content: Content) -> Heard:
    """The spans read while loading (`Content.readings`) that are a unit's name heard (`Heard`).

    A span is heard as a name when it has a name's shape (`name_shape`),
    is none of the names, aliases, misspellings and not-misspellings any
    unit lists (as readers tell names apart: `sitegen.models.plain_name`,
    so 白鹤镇 is the name typed ``白鹤镇　`` with a full-width space), and
    its reading (`Content.sound_of`) is that of a unit's name or alias of
    that shape: a unit's name read with the syllables its id spells where
    it spells them (`sitegen.slugs.id_syllables`: 重固镇 in ``chonggu.yaml``
    reads chong-gu-zhen, not pypinyin's zhong-gu-zhen). Two units whose
    names read alike are both given. Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    known = given_names(unit.record for unit in units)
    named: dict[str, list[tuple[Sourced[Unit], str]]] = {}
    for unit in units:
        for index, name in enumerate((unit.record.name, *unit.record.aliases)):
            reading = content.sound_of(name) if name_shape(name) else ""
            if reading and index == 0:  # a 多音字 read as the file's name spells it: chonggu.yaml for 重固镇
                reading = "-".join(id_syllables(unit.record.id, tuple(reading.split("-"))))
            if reading and all(other is not unit for other, _ in named.get(reading, ())):
                named.setdefault(reading, []).append((unit, name.strip()))
    if not named:
        return {}
    return {text: (tuple(named[reading]), reading) for text in content.readings
            if plain_name(text) not in known and name_shape(text) and (reading := content.sound_of(text)) in named}


def check_heard_names(content: Content, report: Report) -> None:
    """Warn at each span of a page or record that is a unit's name heard (`heard_names`), with its line and column.

    Scans what `sitegen.checkmisspellings.check_misspellings` scans: every
    line of each page (front matter and body) and of the unit and series
    records, but for the fields that take an id or an address and those
    that declare names (`sitegen.checkmisspellings.page_lines`, `record_lines`), and web addresses. A
    page is read line by line only when its spans (`sitegen.load.Document.name_spans`)
    hold one heard. Raises nothing.
    """
    heard = heard_names(content)
    if not heard:
        return
    found: list[tuple[str, list[tuple[int, int, str]]]] = []  # (path, [(line, column, span)]) of pages, then records
    page_spans: list[Collection[str]] = []
    typed_on_own_pages: dict[str, list[str]] = {}  # unit id → each span heard on its pages, as often as typed
    for document in content.interviews + content.cases:
        spans = document.name_spans if document.name_spans is not None else name_spans(document.front_matter,
                                                                                         document.body)
        page_spans.append(spans)
        if not heard.keys().isdisjoint(spans):
            found.append((document.path, _heard_in(page_lines(document), heard)))
            typed_on_own_pages.setdefault(document.meta.unit, []).extend(span for _, _, span in found[-1][1])
    records: list[Sourced[object]] = [*content.units.values(), *content.series.values()]
    for record in records:
        if not name_spans(record.text).isdisjoint(heard):
            found.append((record.path, _heard_in(record_lines(record), heard)))
    suspects = _suspect_names(heard, typed_on_own_pages, page_spans, report)
    for path, spans in found:
        for line, column, span in spans:
            units, reading = heard[span]
            report.warning(path, line, column, *_heard_message(span, units, reading, suspects))


def _suspect_names(heard: Heard, typed_on_own_pages: dict[str, list[str]], page_spans: list[Collection[str]],
                   report: Report) -> set[str]:
    """Warn at the ``name:`` of each unit whose own pages type one other spelling of its sound, at least twice,
    while no page types its name: the name in the unit file may be the slip (``sitegen new unit 金则镇`` for
    金泽镇, whose pages all say 金泽镇). Returns the paths of those units, whose warnings at each span then offer
    to mend the name first: "write 金则镇" at every correct 金泽镇 would spread the slip.

    Takes `heard`, the spans heard on each unit's pages (by unit id, each as often as typed) and every span of
    a name's shape on each page. A unit whose pages spell its sound several ways, once, or only in traditional
    characters (白鶴鎮), keeps its name as the one to follow. Raises nothing.
    """
    suspects: set[str] = set()
    for unit_id, typed in sorted(typed_on_own_pages.items()):
        spellings = {span for span in typed if simplified_level_word(span) == span}
        if len(spellings) != 1:
            continue
        [span] = spellings
        units, reading = heard[span]
        unit, name = units[0]
        count = typed.count(span)
        if (len(units) != 1 or unit.record.id != unit_id or name != unit.record.name.strip() or count < 2
                or any(name in spans for spans in page_spans)):
            continue
        suspects.add(unit.path)
        report.warning(unit.path, *unit.yaml.locate(("name",)),
                       f'the unit\'s name "{name}" is typed on no page, but "{span}", which reads {reading} as it '
                       f"does (同音), is typed {count} times on its pages: the name here may be the slip",
                       f"if the unit is {span}, write name: {span} here (the warnings at each {span} then stop); if "
                       f"{name} is right, write {name} where the pages mean it")
    return suspects


_WORDS_AFTER = {"区": "域别分间块", "村": "民庄落", "镇": "定静压守", "乡": "亲下愁音"}
"""The characters after which a word of level of one character is the start of an ordinary word, not a place's
(区域, 村民, 镇定, 乡亲): 保山区域 and 新疆村民 name no 宝山区 or 新江村."""


def _heard_in(lines: Iterable[tuple[int, str]], heard: Heard) -> list[tuple[int, int, str]]:
    """``(file line, column, span)`` of each span of ``lines`` (file line, text) that `heard` holds, outside web
    addresses, in the order typed."""
    found = []
    for number, text in lines:
        spans = [match.span() for match in ADDRESS_SPAN_RE.finditer(text)] if "/" in text else []
        for start, span in shaped_spans(text):
            after = text[start + len(span):start + len(span) + 1]
            if span not in heard or any(begin <= start < end for begin, end in spans) \
                    or (after and after in _WORDS_AFTER.get(span[-1], "")):
                continue
            found.append((number, start + 1, span))
    return found


def _heard_message(span: str, units: tuple[tuple[Sourced[Unit], str], ...], reading: str,
                   suspects: set[str]) -> tuple[str, str]:
    """The message and hint of `check_heard_names` for ``span``, heard as the name of each of ``units`` (with the
    name or alias it reads as); the name is offered to be mended first when its unit is among ``suspects``."""
    unit, name = units[0]
    listed = ("add it to not_misspellings: in" if "not_misspellings" in unit.record.model_fields_set
              else f"add the line not_misspellings: [{span}] to")
    # 鎮, 區, 鄉 …: a name pasted from a text in traditional characters, not a slip of the input method.
    how = ("in traditional characters (繁体字)" if simplified_level_word(span) != span
           else "with a pinyin input method that picked other characters")
    if len(units) > 1:
        names = " and ".join(named for _, named in units)
        return (f'"{span}" reads {reading}, as the unit names {names} do (同音): it may be one of them typed {how}',
                f"if it means one of them, write that name; if {span} is right as typed (another place, or words "
                f"that read alike), {listed} {unit.path} (the warning then stops)")
    if unit.path in suspects:
        return (f'"{span}" reads {reading}, as the unit name {name} does (同音), which no page types: one of the two '
                "may be a slip",
                f"if the unit is {span}, write name: {span} in {unit.path}; if it is {name}, write {name} here; if "
                f"{span} is right as typed (another place, or words that read alike), {listed} {unit.path}")
    said = (f"the unit name {name} does" if name == unit.record.name.strip()
            else f"{name}, another name of the unit {unit.record.name.strip()}, does")
    return (f'"{span}" reads {reading}, as {said} (同音): it may be {name} typed {how}',
            f"if it means {name}, write {name}; if {span} is right as typed (another place, or words that read "
            f"alike), {listed} {unit.path} (the warning then stops)")

