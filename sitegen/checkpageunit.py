"""Integrity rule over the unit a page is filed under: a page whose own words name another unit of the site,
and nowhere its own.

Job: `check_page_unit`, run by `sitegen.checks.check_content`, and `units_meant`, which
`sitegen.checkrelated` uses to tell a case study's ``related_tally`` of the unit its page names.

May import: errors, load (record types only), models, textfigures, checkcommon, checkcopies, checkfigures (and
the standard library).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Mapping, NamedTuple, Sequence

from .checkcopies import alike_key, keys_alike
from .checkcommon import TALLY_FIGURES
from .checkfigures import QUOTED_FIGURES, page_figures, quoted_tally
from .errors import Report
from .load import Content, Document, Sourced
from .models import FIGURE_WORDS, TALLY_SUM, Tally, Unit, level_word_ending, names_of, plain_name, short_name
from .textfigures import PageFigures

IDENTIFYING_FIELDS = (("title",), ("interviewee", "role"), ("interviewee", "name"), ("summary",))
"""The fields of a page that say whose page it is, in the order a message names them: its title, the
interviewee's role (中共白鹤镇党委书记) and name, its summary. The body is left out: a town's interview names
the villages it covers there."""

_FIELD_WORDS = {("title",): "title", ("interviewee", "role"): "interviewee's role",
                ("interviewee", "name"): "interviewee's name", ("summary",): "summary"}


def check_page_unit(document: Document, content: Content, report: Report,
                    names: SiteUnitNames | None = None) -> None:
    """Warn at a page's ``unit:`` value when its words say it is another unit's page and not its own.

    Takes a loaded interview or case study, the content and the report. The
    page is shown on its unit's page, with its unit's figures (an interview's
    panel, a case study's ``related_tally``) and case studies beside it: filed
    under 白鹤镇 (``unit: baihe``) while it is 白鹤村's, it showed 白鹤镇's 296
    beside a text quoting 白鹤村's 27, and 白鹤村's page said 暂无访谈. Two kinds
    of words tell it:

    * its title, interviewee or summary name another unit and not its own:
      the rule is `units_meant`'s (a unit's full name counts, its stem does
      not: 白鹤, 白鹤镇 in short, names 白鹤镇 on its page, not 白鹤村). The
      message adds the evidence of the figures when there is some: a text of
      the page quoting a tally of the unit meant figure for figure
      (`sitegen.checkfigures.quoted_tally`), or a case study's
      ``related_tally`` that is the date of a tally of the unit meant and of
      none of its own (then told as an error at that line too, whose hint
      points here: `sitegen.checkrelated.check_related_tally`);
    * they name no unit at all (访谈：村党支部书记谈大调研), and a text of the page
      quotes the tally of exactly one other unit figure for figure, without
      naming that unit (a town's page that gives a village's figures names the
      village beside them), and none of its own unit's (`_quoting_another`).

    The hint gives the line to write, and what to do when the page is its
    unit's after all. ``names``: the `SiteUnitNames` of ``content`` that a check
    of every page shares (made for this page alone when None). Raises nothing.
    """
    names = names or SiteUnitNames(content)
    own = content.units.get(document.meta.unit)
    if own is None:
        return
    named = _units_named(document, names.of(own))
    if not named:
        _warn_quoting_another(document, content, own, names, report)
    if own.record.id in named or not named:
        return
    meant = [content.units[unit_id] for unit_id in named]
    quoted = {unit.record.id: tally for unit in meant if (tally := quoted_tally(document, unit.record)) is not None}
    related = getattr(document.meta, "related_tally", None)
    dated = [unit for unit in meant if isinstance(related, date) and _has_tally(unit.record, related)
             and not _has_tally(own.record, related)]
    offered = [unit for unit in meant if unit.record.id in quoted or unit in dated] or meant
    name, fields = own.record.name, _fields_naming(document, names.of(own), meant)
    others = " and ".join(f"{unit.record.name} (unit {unit.record.id})" for unit in meant)
    message = (f"the page is filed under unit {own.record.id} ({name}), but its {fields} {others} and "
               f"nowhere {name}: it shows {name}'s figures and case studies, and is listed on {name}'s page, not "
               f"{_or_joined([unit.record.name for unit in meant])}'s")
    for unit in offered:
        if unit.record.id in quoted:
            message += f"; its text quotes {_tally_words(unit.record.name, quoted[unit.record.id])}"
        if unit in dated:
            message += (f"; its related_tally {related} is the date of a tally of {unit.record.name}, and of none "
                        f"of {name}'s")
    lines = " or ".join(f"unit: {unit.record.id}, {unit.record.name}'s id," for unit in offered)
    where = _naming_fields(document)
    typed = f"unit: {own.record.id}"
    hint = (f"if the page is {_or_joined([unit.record.name for unit in offered])}'s, write {lines} in place of "
            f"{typed}"
            + (f", and the error at related_tally (line {document.yaml.locate(('related_tally',))[0]}) goes with it"
               if dated else "")
            + f"; if it really is {name}'s, name {name} in its {where}, and this warning goes")
    report.warning(document.path, *document.yaml.locate(("unit",)), message, hint)


def units_meant(document: Document, content: Content, names: SiteUnitNames | None = None) -> list[Sourced[Unit]]:
    """The other units a page's identifying fields name, when none of them names the page's own unit; else [].

    Takes a loaded page and the content; gives the units in the order the
    fields name them (`IDENTIFYING_FIELDS`: title, interviewee's role and
    name, summary). Names are read as readers tell them apart (`plain_name`),
    each text from its start, the longest name first at each place
    (`_names_in`), so that 白鹤村 is read whole, not as 白鹤 and 村. Its own unit
    is named by its name, an alias or either in short (`short_name`: 白鹤 for
    白鹤镇); another unit by its name or an alias that is a full name, ending in
    a word of level (`level_word_ending`): its short form is the stem it may
    share with others (白鹤 of 白鹤村 and 白鹤镇), which names none of them for
    sure. A name that is the page's unit's and another's counts as its own. A unit
    whose name reads as the page's unit's (華新鎮 and 华新镇, `sitegen.checkcopies.read_alike`)
    is left out: `sitegen.checknames.check_sound_alike_units` warns of the two.
    A page whose unit is unknown gives []. ``names``: as `check_page_unit`'s. Raises nothing.
    """
    own = content.units.get(document.meta.unit)
    if own is None:
        return []
    named = _units_named(document, (names or SiteUnitNames(content)).of(own))
    return [] if own.record.id in named else [content.units[unit_id] for unit_id in named]


def _units_named(document: Document, site_names: UnitNameIndex) -> list[str]:
    """The ids of the units a page's identifying fields name by ``site_names`` (its unit's `SiteUnitNames.of`), in
    the order named; the reading stops at the first field naming the page's own unit (its id is then the last)."""
    own_id = document.meta.unit
    named: list[str] = []
    for _, text in _identifying_texts(document):
        named += [unit_id for unit_id in _names_in(text, site_names) if unit_id not in named]
        if own_id in named:  # most pages name their unit in the title: the other fields need no reading
            break
    return named


def _quoting_another(document: Document, content: Content, own: Sourced[Unit],
                     names: SiteUnitNames) -> tuple[Sourced[Unit], Tally] | None:
    """The one other unit whose tally a text of a page quotes figure for figure (`quoted_tally`), with that tally,
    when the page's texts name that unit nowhere and quote no tally of its own unit ``own``; else None."""
    quoting = [(unit, tally) for unit_id in names.tallies_given(page_figures(document)) if unit_id != own.record.id
               for unit in [content.units[unit_id]] if (tally := quoted_tally(document, unit.record)) is not None]
    if len(quoting) != 1 or quoted_tally(document, own.record) is not None:
        return None
    unit, tally = quoting[0]
    index = names.of(own)
    if any(unit.record.id in _names_in(text, index) for text in (document.front_matter, document.body)):
        return None  # a town's page giving its village's figures, and saying whose they are
    return unit, tally


def _warn_quoting_another(document: Document, content: Content, own: Sourced[Unit], names: SiteUnitNames,
                          report: Report) -> None:
    """Warn at a page's ``unit:`` when its identifying fields name no unit and its text quotes another's tally
    (`_quoting_another`)."""
    found = _quoting_another(document, content, own, names)
    if found is None:
        return
    other, tally = found
    name, other_name = own.record.name, other.record.name
    where = _naming_fields(document)
    fields = "title, interviewee and summary" if hasattr(document.meta, "interviewee") else "title and summary"
    message = (f"the page is filed under unit {own.record.id} ({name}), but its text quotes "
               f"{_tally_words(other_name, tally)} without naming {other_name}, and its {fields} name no unit: "
               f"it shows {name}'s figures and case studies beside them, and is listed on {name}'s page, not "
               f"{other_name}'s")
    hint = (f"if the page is {other_name}'s, write unit: {other.record.id}, {other_name}'s id, in place of "
            f"unit: {own.record.id}; if it is {name}'s, name {name} in its {where}, or {other_name} beside these "
            f"figures in the text, and this warning goes")
    report.warning(document.path, *document.yaml.locate(("unit",)), message, hint)


def _identifying_texts(document: Document) -> list[tuple[tuple[str, ...], str]]:
    """``(field path, text)`` of each identifying field (`IDENTIFYING_FIELDS`) a page has and gives."""
    texts = []
    for path in IDENTIFYING_FIELDS:
        value: object = document.meta
        for key in path:
            value = getattr(value, key, None)
        if isinstance(value, str) and value.strip():
            texts.append((path, value))
    return texts


def _fields_naming(document: Document, names: UnitNameIndex, meant: Sequence[Sourced[Unit]]) -> str:
    """The words for the identifying fields of a page that name a unit of ``meant`` by ``names`` (its unit's
    `SiteUnitNames.of`), with their verb ("title names", "title, interviewee's role and summary name")."""
    ids = {unit.record.id for unit in meant}
    fields = [_FIELD_WORDS[path] for path, text in _identifying_texts(document) if ids & set(_names_in(text, names))]
    if len(fields) == 1:
        return f"{fields[0]} names"
    return ", ".join(fields[:-1]) + f" and {fields[-1]} name"


class UnitNameIndex(NamedTuple):
    """The names that name a unit on the pages of one unit (`SiteUnitNames.of`): ``ids`` maps each name (plain,
    `plain_name`) to the id of the unit it names; ``by_start`` lists the names by their first two letters (a name of
    one letter by it), longest first, so that a text is read with one look-up at each place where a name may start
    (``starts``)."""

    ids: Mapping[str, str]
    by_start: Mapping[str, Sequence[str]]
    starts: re.Pattern[str]
    """Finds the next place a name may start: a letter that starts a name, of this unit's or another's."""


class SiteUnitNames:
    """The names that name a unit on the pages of each unit, as `units_meant` reads them, made once per unit.

    Takes the content. `of` gives, for a page's unit, each name (plain,
    `plain_name`) with the id of the unit it names: the unit's own names,
    aliases and their short forms, and the other units' names and full-name
    aliases (`units_meant`), those whose names read as its own left out
    (`sitegen.checkcopies.read_alike`); a name of the unit and another names
    the unit. The other units' names and what `read_alike` compares are read
    once for all, so a check of ten thousand pages of two hundred units does
    not compare every unit with every other for each page. `tallies_given`
    finds the units whose tallies a page's figures may quote by one index of
    every unit's figures, made on first use, for the same reason.
    """

    def __init__(self, content: Content) -> None:
        self._content = content
        self._by_unit: dict[str, UnitNameIndex] = {}
        self._alike: dict[str, tuple[str, str]] | None = None
        self._full_names: list[tuple[str, str]] | None = None
        self._first_letters: set[str] = set()
        self._starts = re.compile("(?!)")  # no place, until a name is known
        self._figures: dict[tuple[date, str, int], list[str]] | None = None

    def tallies_given(self, texts: PageFigures) -> list[str]:
        """The ids of the units a tally of which one of ``texts`` (the figures of each text of a page,
        `sitegen.checkfigures.page_figures`) gives at least `QUOTED_FIGURES` figures of, each as the tally has
        it, in the order of the units; whether they quote it is for `quoted_tally` to say."""
        if not texts:
            return []  # most pages: no day named, no figure given
        if self._figures is None:
            self._figures = {}
            for unit in self._content.units.values():
                for tally in unit.record.tallies:
                    for field in TALLY_FIGURES:
                        value = getattr(tally, field)
                        if value is not None:
                            self._figures.setdefault((tally.as_of, field, value), []).append(unit.record.id)
        given: set[str] = set()
        for figures in texts:
            hits: dict[tuple[str, date], set[str]] = {}
            for figure in figures:
                for unit_id in self._figures.get((figure.day, figure.field, figure.value), ()):
                    hits.setdefault((unit_id, figure.day), set()).add(figure.field)
            given.update(unit_id for (unit_id, _), fields in hits.items() if len(fields) >= QUOTED_FIGURES)
        return [unit_id for unit_id in self._content.units if unit_id in given]

    def of(self, own_unit: Sourced[Unit]) -> UnitNameIndex:
        """The `UnitNameIndex` of the names that name a unit on a page of ``own_unit``."""
        own = own_unit.record
        known = self._by_unit.get(own.id)
        if known is not None:
            return known
        content = self._content
        if self._alike is None or self._full_names is None:
            self._alike = {unit.record.id: alike_key(unit, content) for unit in content.units.values()}
            self._full_names = [(plain_name(name), unit.record.id) for unit in content.units.values()
                                for name in names_of(unit.record)
                                if name == unit.record.name or level_word_ending(name)]
        own_key = self._alike.get(own.id) or alike_key(own_unit, content)
        alike = {unit_id for unit_id, key in self._alike.items() if keys_alike(key, own_key)}
        names: dict[str, str] = {}
        for name, unit_id in self._full_names:
            if unit_id != own.id and unit_id not in alike:
                names.setdefault(name, unit_id)
        for name in names_of(own):
            for form in (name, short_name(name)):
                if plain_name(form):
                    names[plain_name(form)] = own.id
        by_start: dict[str, list[str]] = {}
        for name in sorted(filter(None, names), key=len, reverse=True):
            by_start.setdefault(name[:2], []).append(name)
        # One pattern of the letters that start a name serves every unit's index: a unit adds its short forms'.
        first_letters = {name[0] for name in names if name}
        if not first_letters <= self._first_letters:
            self._first_letters |= first_letters
            self._starts = re.compile("[" + "".join(sorted(map(re.escape, self._first_letters))) + "]")
        made = self._by_unit[own.id] = UnitNameIndex(names, by_start, self._starts)
        return made


def _names_in(text: str, index: UnitNameIndex) -> list[str]:
    """The ids of the units ``text`` names by ``index`` (`SiteUnitNames.of`), in the order named: read from the
    start, at each place the longest name that starts there, then on after it."""
    plain, found, place = plain_name(text), [], 0
    by_start, ids, starts = index.by_start, index.ids, index.starts
    while (start := starts.search(plain, place)) is not None:
        place = start.start()
        two, one = by_start.get(plain[place:place + 2]), by_start.get(plain[place])
        name = next((name for names in (two, one) if names for name in names if plain.startswith(name, place)), "")
        if name:
            found.append(ids[name])
            place += len(name)
        else:
            place += 1
    return found


def _naming_fields(document: Document) -> str:
    """The fields a hint asks to name a page's unit in: an interview's title or interviewee's role, a case
    study's title or summary."""
    return "title or the interviewee's role" if hasattr(document.meta, "interviewee") else "title or summary"


def _has_tally(unit: Unit, day: date) -> bool:
    """True when ``unit`` has a tally dated ``day``."""
    return any(tally.as_of == day for tally in unit.tallies)


def _tally_words(name: str, tally: Tally) -> str:
    """A tally as a message quotes it: 白鹤村's tally of 2018-06-30 figure for figure (收集 27, 提交区级 5, …)."""
    figures = ", ".join(f"{FIGURE_WORDS[field][0]} {getattr(tally, field)}" for field in TALLY_SUM)
    return f"{name}'s tally of {tally.as_of.isoformat()} figure for figure ({figures})"


def _or_joined(words: Sequence[str]) -> str:
    """``words`` joined with "or" (白鹤村 or 金泽镇)."""
    return " or ".join(words)
