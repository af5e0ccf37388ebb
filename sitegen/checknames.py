"""Integrity rules over the names of units: names given twice or spelt two ways, names that read alike,
a level that does not match the name, ids a spreadsheet would change, and names with a period typed in them.

Job: `check_spreadsheet_ids`, `check_unit_names`, `check_unit_levels`,
`check_shared_unit_names`, `check_sound_alike_units` and
`check_qualified_unit_names`, run by `sitegen.checks.check_content`.

May import: lazyre, errors, load (record types only), models, validation, checkcommon, checkcopies (and the standard
library).
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections import defaultdict
from typing import Any, Callable, NamedTuple, Sequence

from .checkcommon import are_told_apart, level_of
from .checkcopies import copied_from, names_unit
from .errors import Report, and_joined
from .lazyre import compile_later
from .load import Content, Sourced
from .models import (LEVEL_RENAMINGS, UNIT_LEVEL_LABELS, UNIT_LEVEL_PINYIN, Unit, id_case_reason, level_in_name, names_of,
                     one_place_name, place_level_word, place_name, plain_name, split_office, spreadsheet_reading)
from .validation import did_you_mean


def check_spreadsheet_ids(content: Content, report: Report) -> None:
    """Warn at each unit file whose id (its file name) a spreadsheet reads as a number or a date.

    The open data publishes the id in the ``unit_id`` column of tallies.csv, targets.csv and
    milestones.csv and the ``id`` column of units.csv, the columns the tables are joined by
    (`sitegen.outputs.opendata`). Opened in a spreadsheet (Excel), an administrative code
    ``310118101000`` shows as 3.10118E+11 and is saved so (codes that differ after the sixth digit
    alike), ``007`` as 7, ``1-12`` as a date (12-Jan): the columns no longer hold the id, nor match
    units.json and the address of the unit's page (`sitegen.models.spreadsheet_reading`). An id of this
    kind names the unit all the same, so this is a warning. The hint offers the pinyin of the name
    (`Content.readings`), when it is no such id and no other unit's, and the id with the pinyin of the
    level before it (``zhen-310118101000``, `sitegen.models.UNIT_LEVEL_PINYIN`), which keeps a code's
    meaning; and names the pages whose ``unit:`` is to be changed with it. Unit files with errors are told
    too. A series' id is published in no data file, and a case study's ``related_tally`` is a date,
    written as one. Raises nothing.
    """
    ids = set(content.units) | {posixpath.splitext(posixpath.basename(path))[0] for path, _ in content.failed_units}
    units = [(unit.path, unit.record.id, unit.record.name, unit.record.level) for unit in content.units.values()]
    for path, data in content.failed_units:
        value = data.value if isinstance(data.value, dict) else {}
        name = value.get("name")
        units.append((path, posixpath.splitext(posixpath.basename(path))[0], name if isinstance(name, str) else "",
                      level_of(value.get("level"))))
    for path, unit_id, name, level in sorted(units):
        reading = spreadsheet_reading(unit_id)
        if reading is None:
            continue
        offers = []
        pinyin = content.readings.get(name, "")
        if pinyin and pinyin not in ids and spreadsheet_reading(pinyin) is None:
            offers.append(f"{pinyin}.yaml (the pinyin of {name})")
        word = UNIT_LEVEL_PINYIN[level.value] if level is not None else "unit"
        said = f"{word}, {UNIT_LEVEL_LABELS[level.value]}," if level is not None else "a word"
        offers.append(f"{word}-{unit_id}.yaml ({said} before it keeps it text)")
        pages = _pages_naming(content, unit_id)
        report.warning(path, None, None,
                       f'the unit\'s id "{unit_id}" (its file name) is read by a spreadsheet (Excel) as {reading}: '
                       "the open data's unit_id and id columns (tallies.csv, units.csv) would show that, not the "
                       "id, and a table saved from it would no longer join the others",
                       "rename the file to " + " or ".join(offers)
                       + (f', and write the new id in the "unit:" line of {", ".join(pages)}' if pages else ""))


def check_unit_names(content: Content, report: Report) -> None:
    """Error when two unit files give one name: the town would be listed, and counted, twice.

    The district totals add up every unit's latest tally, so a unit file
    copied under a new id (``baihe2.yaml`` beside ``baihe.yaml``) doubles
    its figures without any other sign. Names are compared as readers see
    them: full-width and half-width forms alike (NFKC), spaces left out.
    Units have no parent unit, so two villages of one name in different
    towns must be named apart (白鹤镇新民村) to be told apart on the pages.
    The error is at the ``name`` of each file after the first, in the
    order of their paths. A unit file with errors gives its name all the
    same (`Content.unit_names`): a file read after it under its name, as a
    hint once offered to make, is told at its ``name`` now, not only once
    the other file is mended.
    """
    first: dict[str, Sourced[Unit]] = {}
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        earlier = first.setdefault(plain_name(unit.record.name), unit)
        if earlier is unit:
            continue
        report.error(unit.path, *unit.yaml.locate(("name",)),
                     f"two units named {unit.record.name} ({earlier.path} and {unit.path}) would be "
                     f"{_twice(earlier, unit)}", "keep one file, or give each unit its own name")
    for mending in content.unit_names():
        read = first.get(plain_name(mending.name))
        if not mending.mending or mending.name == mending.id or read is None or read.path < mending.path:
            continue  # a later file with errors is told its own (a copy's: its id:), and this once it is mended
        report.error(read.path, *read.yaml.locate(("name",)),
                     f"two units named {read.record.name} ({mending.path}, whose file has errors to mend, and "
                     f"{read.path}) would be listed twice among the units once it is mended",
                     f"keep one file for {read.record.name}: mend {mending.path} and move into it what {read.path} "
                     f"holds, then delete {read.path} (or keep {read.path} and delete the other); if they are two "
                     "places, give each unit its own name")


_LEVEL_NOUNS = {"district": "the district (区)", "town": "a town (镇)", "subdistrict": "a subdistrict (街道)",
                "committee": "an office (委办局)", "village": "a village (村)", "community": "a community (社区)",
                "park": "a park (园区)"}
"""What a unit of each level is, as a hint names it: "write level: town if 华新镇 is a town (镇)"."""


def check_unit_levels(content: Content, report: Report) -> None:
    """Warn at the ``level:`` of a unit whose name's ending says another level (华新镇 with ``level: district``).

    Takes the content and the report; raises nothing. The name's level is read as ``sitegen new unit`` reads it
    (`sitegen.models.level_in_name`: 镇 and 乡 a town, 街道 a subdistrict, 村委会 a village, 区 the district …); a
    name that says none is left alone. A level typed wrong changes the pages: a unit of ``level: district`` is
    the district as a whole, whose figures are left out of the totals of the home page and the dashboard beside
    other units' (`sitegen.site.summed_units`: "华新镇是区级单位…不计入合计"), and a district typed as any other
    level is added into them, its towns' lists counted twice; any other level is shown after the name in the
    heading of the unit's page (华新镇（村）). A warning, at the value of ``level:``: a name may be kept though the
    unit is of another level. The hint gives the value the name says.
    """
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        read = level_in_name(unit.record.name)
        level = unit.record.level.value
        if read is None or read[0] == level:
            continue
        meant, word = read
        name, label = unit.record.name, UNIT_LEVEL_LABELS[level]
        typed = str(unit.yaml.value.get("level", level)).strip() if isinstance(unit.yaml.value, dict) else level
        shown = f"{typed} ({label if typed == level else level})"
        if level == "district":
            effect = (f"as a district-level unit (区级单位) its figures are left out of the totals of the home page "
                      f"and the dashboard beside other units' (the pages say {name}是区级单位…不计入合计)")
        elif meant == "district":
            effect = ("its figures are added into the totals of the home page and the dashboard with the other "
                      "units', though a district's figures hold theirs already: they would be counted twice")
        else:
            effect = f"the heading of its page reads {name}（{label}）"
        report.warning(unit.path, *unit.yaml.locate(("level",)),
                       f"level: {shown}, but the name {name} ends in {word}, which says level: {meant} "
                       f"({UNIT_LEVEL_LABELS[meant]}): {effect}",
                       f"write level: {meant} if {name} is {_LEVEL_NOUNS[meant]}, as its name says; if it is "
                       f"{_LEVEL_NOUNS[level]}, correct its name")


def check_shared_unit_names(content: Content, report: Report) -> None:
    """Error at an alias (``aliases``) of a unit that is another unit's name or alias: one name for two units.

    Takes the content and the report; raises nothing. A unit file copied to start another keeps the first
    unit's ``aliases`` (白鹤 in xujing.yaml, copied from baihe.yaml): the name 白鹤 then names both towns in
    the open data, and a page's ``unit: 白鹤`` could mean either. This is not two names that read alike, which
    may be two places (`check_sound_alike_units`): ``distinct_from`` cannot make one name name two units, so
    it does not silence this. Names are compared as `check_unit_names` compares them (`plain_name`); two
    units of one ``name`` are that check's error. The error is at the alias, never at a name: at the alias of
    the unit whose name it is not, else at the copy's (`copied_from`, as for `check_copied_tallies`), so the
    hint never has the first unit's alias deleted. One error an alias, naming the unit it stays with.
    """
    holders: dict[str, list[tuple[Sourced[Unit], int]]] = defaultdict(list)
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        # -1 stands for the unit's name, the aliases by their place in the list.
        for index, text in enumerate((unit.record.name, *unit.record.aliases), -1):
            key = plain_name(text)
            if key and all(other is not unit for other, _ in holders[key]):
                holders[key].append((unit, index))
    for held in holders.values():
        if len(held) < 2:
            continue
        keeper = _name_keeper(held)
        for unit, index in held:
            if unit is not keeper and index >= 0:
                _error_shared_name(unit, index, keeper, report)


def _name_keeper(held: Sequence[tuple[Sourced[Unit], int]]) -> Sourced[Unit]:
    """Of the units holding one name (``(unit, index)``, -1 for their name), the one it stays with: the first
    whose name it is, else the one the others are copies of (`sitegen.checkcopies.copied_from`)."""
    named = [unit for unit, index in held if index < 0]
    if named:
        return named[0]
    keeper = held[0][0]
    for unit, _ in held[1:]:
        if copied_from(keeper, unit, names_unit):
            keeper = unit
    return keeper


def _error_shared_name(unit: Sourced[Unit], index: int, keeper: Sourced[Unit], report: Report) -> None:
    """The error of `check_shared_unit_names` at alias ``index`` of ``unit``, a name of ``keeper`` too."""
    alias = unit.record.aliases[index]
    if plain_name(alias) == plain_name(keeper.record.name):
        whose, why = f"the name of {keeper.record.name} ({keeper.path})", ""
    else:
        whose = f"another name of {keeper.record.name} ({keeper.path}) too"
        why = " (a unit file copied from another keeps the other's aliases)"
    left = ", leaving aliases: []" if len(unit.record.aliases) == 1 else ""
    report.error(unit.path, *unit.yaml.locate(("aliases", index)),
                 f"{alias}, another name of {unit.record.name}, is {whose}: one name can name one unit only, and "
                 f"the open data (units.json) would give {alias} to both",
                 f"delete {alias} from aliases: in {unit.path}{left}{why}")


def _twice(first: Sourced[Unit], second: Sourced[Unit]) -> str:
    """What two unit files for one place do to the pages: count its figures twice, or list it twice."""
    if first.record.tallies and second.record.tallies:
        return "counted twice in the district totals"
    return "listed twice among the units"


def check_sound_alike_units(content: Content, report: Report) -> None:
    """Warn when two units' names read the same in pinyin (白鹤镇 and 白河镇, both ``bai-he-zhen``).

    Takes the content (its units and the toneless pinyin of each name and
    alias, made while loading: `sitegen.load.Content.sound_of`) and the
    report. A second unit file for one town, its name typed with a pinyin
    input method that picked the wrong characters (the seed article spells
    白鹤镇 three ways), is the mistake `check_unit_names` cannot see: the
    names differ, and the town is counted twice. A unit's other correct
    names (``aliases``) are compared too: a file named 百鹤 beside 白鹤镇,
    also called 白鹤, is that mistake as well. Two places can share a
    reading, though (白鹤村 and 白河村 in two towns), so this is a warning,
    silenced for a pair when either unit lists the other's id in
    ``distinct_from``. Pairs already reported otherwise are left out: one
    name (`check_unit_names`' error), or one unit listing the other's name
    among its misspellings (`sitegen.checkmisspellings.misspelling_clashes`' warning); so is one text
    that both units give (an alias kept by a copied file: one name, not two
    alike, `check_shared_unit_names`' error). The warning is
    at the ``name`` (or the alias) of the later unit in path order, naming
    the earliest unit it is not told apart from; one warning a pair. An
    entry of ``distinct_from`` naming no unit is warned at the entry
    (`_check_distinct_from`). Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    heard: dict[str, list[tuple[Sourced[Unit], str]]] = {}
    for unit in units:
        _check_distinct_from(unit, content, report)
        warned: set[str] = set()
        for index, text in enumerate((unit.record.name, *unit.record.aliases)):
            reading = content.sound_of(text)
            if not reading:
                continue
            alike = heard.setdefault(reading, [])
            # One text of two units is one name, not two alike: `check_shared_unit_names`' error.
            earlier = next(((other, said) for other, said in alike
                            if other is not unit and other.path not in warned and not are_told_apart(other, unit)
                            and plain_name(said) != plain_name(text)), None)
            alike.append((unit, text))
            if earlier is not None:
                warned.add(earlier[0].path)
                _warn_sound_alike(earlier, (unit, text), ("name",) if index == 0 else ("aliases", index - 1),
                                  reading, content, report)


_PERIOD = r"(?:第?[0-9一二三四五六七八九十百]+(?:年|月份?|日|号|期|批|次|季度)?)+"
_QUALIFIER_RE = compile_later(rf"[ \t\u3000]*(?:[-—–_－~～]*{_PERIOD}"
                           rf"|[（(【\[](?:{_PERIOD}|汇总|旧|新|副本|复制|更新|补充|[0-9一二三四五六七八九十]+月份?)[）)】\]])")
"""What a name's end looks like when it is a period or round of another unit's name and nothing more: 华新镇（6月）,
华新镇2018年6月, 华新镇二期, 华新镇第二批, 华新镇-2, 华新镇（汇总）. A place or thing of its own named after the town
(华新镇二中, 华新镇2号地块, 华新镇二期动迁安置房, 华新镇（试点）) goes on past the period, or names no period."""


def check_qualified_unit_names(content: Content, report: Report) -> None:
    """Warn at the name of a unit that is another unit's name with a period or round after it (华新镇（6月）).

    Each unit has one file, and each new count is a tally in it (``sitegen new tally``). A second file made
    for the same town's next figures is a unit of its own to sitegen: both are listed, and both latest
    tallies are added into the totals of the home page and the dashboard, so the town's lists are counted
    twice. A name that goes on with a place of its own (华新镇二村, 华新镇社区中心) is no such copy
    (`_QUALIFIER_RE` takes a period and nothing after it), and a pair told apart by ``distinct_from`` is left
    alone, as for `check_sound_alike_units`. Raises nothing.
    """
    by_name = {plain_name(unit.record.name): unit for unit in content.units.values()}
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        name = plain_name(unit.record.name)
        for base, other in by_name.items():
            rest = name[len(base):]
            if (other is unit or not base or not name.startswith(base) or not rest
                    or not _QUALIFIER_RE.fullmatch(rest) or are_told_apart(other, unit)):
                continue
            move = (f"move its tallies under tallies: in {other.path}" if unit.record.tallies
                    else "add its figures there as a tally")
            report.warning(unit.path, *unit.yaml.locate(("name",)),
                           f"the unit name {unit.record.name} is the name of {other.record.name} ({other.path}) with "
                           f'"{_after(unit.record.name, other.record.name, rest)}" after it: a second file for one '
                           f"unit is {_twice(other, unit)}",
                           f"a unit has one file, and each new count is a tally in it: {move} (sitegen new tally "
                           f"--unit {other.record.id} prints one to paste) and delete {unit.path}; if it is another "
                           f"place, add the line distinct_from: [{other.record.id}] to {unit.path}")
            break


def check_office_named_units(content: Content, report: Report) -> None:
    """Warn at the name of a unit that names another unit's place with the words of its office (重固镇人民政府
    beside 重固镇, 长寿村委会 beside 长寿村: `sitegen.models.place_name`), or with another word of the same level
    (练塘乡 beside 练塘镇, 盈中居委会 beside 盈中社区: `sitegen.models.one_place_name`).

    A unit is a place, whose latest tally the totals of the home page and the dashboard add up; a second file
    named after the place's office (copied from its press release), or by its name before 撤乡建镇, is a second
    unit for one place, its figures counted twice, and nothing told it. Of two such names the one with the
    office's words is warned (of two with them, the later file); of two with other words of one level, the one
    `_file_to_keep` would not keep (`_warn_level_words`). Names of two levels (白鹤镇, 白鹤村) are two places and
    are left alone, and so is a pair told apart by ``distinct_from``, as for `check_sound_alike_units`. Raises
    nothing.
    """
    by_place: dict[str, Sourced[Unit]] = {}
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        earlier = by_place.setdefault(one_place_name(unit.record.name), unit)
        if earlier is unit or plain_name(earlier.record.name) == plain_name(unit.record.name) \
                or are_told_apart(earlier, unit):
            continue
        if place_name(earlier.record.name) != place_name(unit.record.name):
            _warn_level_words(earlier, unit, content, report)
            continue
        place, office = split_office(unit.record.name)
        named, other = (unit, earlier) if office else (earlier, unit)
        move = (f"move its tallies under tallies: in {other.path}" if named.record.tallies
                else "add its figures there as a tally")
        report.warning(named.path, *named.yaml.locate(("name",)),
                       f"the unit name {named.record.name} is {place} with the words of its office "
                       f"({split_office(named.record.name)[1]}), the place of the unit {other.record.name} "
                       f"({other.path}): a unit is the place, and a second file for one place is "
                       f"{_twice(other, named)}",
                       f"a unit has one file: {move} (sitegen new tally --unit {other.record.id} prints one to "
                       f"paste), write unit: {other.record.id} in the pages that name {named.record.id}, and delete "
                       f"{named.path}; if it is another unit, add the line distinct_from: [{other.record.id}] to "
                       f"{named.path}")


def _warn_level_words(first: Sourced[Unit], second: Sourced[Unit], content: Content, report: Report) -> None:
    """The warning of `check_office_named_units` for two units whose names differ in a word of one level only
    (练塘乡 and 练塘镇, both ``level: town`` by the name: `sitegen.models.one_place_name`), at the name of the one
    whose file the hint has deleted (`_file_to_keep`); its name is added to the aliases of the file kept, so that
    pages may still call the place by it."""
    kept, dropped, why = _file_to_keep(first, second, content)
    words = place_level_word(dropped.record.name), place_level_word(kept.record.name)
    level = level_in_name(place_name(kept.record.name))
    said = f"{level[0]}, {UNIT_LEVEL_LABELS[level[0]]}" if level is not None else "one level"
    alias = (f"add {dropped.record.name} to the aliases list of {kept.path}"
             if isinstance(kept.yaml.value, dict) and "aliases" in kept.yaml.value
             else f"add the line aliases: [{dropped.record.name}] to {kept.path}")
    apart = (f"add {kept.record.id} to the distinct_from list of {dropped.path}" if dropped.record.distinct_from
             else f"add the line distinct_from: [{kept.record.id}] to {dropped.path}")
    report.warning(
        dropped.path, *dropped.yaml.locate(("name",)),
        f"the unit names {dropped.record.name} ({dropped.path}) and {kept.record.name} ({kept.path}) differ only in "
        f"{words[0]} and {words[1]}, two words of one level ({said}): most likely one place, renamed or called "
        f"two ways{_renaming(level)}, and a second file for one place is {_twice(kept, dropped)}",
        f"if they are one place, keep one file: e.g. keep {kept.path}, {why}, {_merging(kept, dropped, content)}"
        f"{alias}, and delete "
        f"{dropped.path}; if they are two different places, {apart} (the warning then stops)")


def _merging(kept: Sourced[Unit], dropped: Sourced[Unit], content: Content) -> str:
    """The steps of a hint that merges the file ``dropped`` into ``kept`` before it is deleted, each followed by
    ", ": its tallies, targets and milestones moved (deleting a file that holds figures would lose them) and the
    pages naming it pointed at ``kept``; "" when it holds none and no page names it.

    Only what ``kept`` lacks is moved. A file copied to start the other holds the same records, and moving
    every one made a second tally of each day in ``kept`` (the next error, "two tallies on 2018-04-26"): a
    record ``kept`` has word for word is left to go with the file, and one whose day (a target: group) ``kept``
    has with other figures is told as a choice to make in ``kept``, not a record to add."""
    moved: list[str] = []
    present: list[str] = []
    choices: list[str] = []
    present_count = 0
    for kind in _MERGED_KINDS:
        ours = {kind.key(record): record for record in getattr(kept.record, kind.field)}
        theirs = getattr(dropped.record, kind.field)
        new = [record for record in theirs if kind.key(record) not in ours]
        same = [record for record in theirs if ours.get(kind.key(record)) == record]
        clashing = [record for record in theirs if kind.key(record) in ours and ours[kind.key(record)] != record]
        if new and not same and not clashing:
            moved.append(f"the {kind.field}")
        elif new:
            moved.append(kind.named(new))
        if same:
            present.append(kind.named(same))
            present_count += len(same)
        if clashing:
            choices.append(f"{kind.named(clashing)} {'is' if len(clashing) == 1 else 'are'} in both files with other "
                           f"{kind.values}: keep the right {'one' if len(clashing) == 1 else 'ones'} in {kept.path} "
                           f"(check both against the source document, 原文), ")
    steps = ""
    if moved:
        there = f" ({and_joined(present)} {'is' if present_count == 1 else 'are'} there already)" if present else ""
        steps = f"move {and_joined(moved)} of {dropped.path} into {kept.path}{there}, "
    elif present:  # said all the same, so that deleting the file is seen to lose nothing
        steps = (f"{and_joined(present)} of {dropped.path} {'is' if present_count == 1 else 'are'} in {kept.path} "
                 "already, ")
    steps += "".join(choices)
    pages = _pages_naming(content, dropped.record.id)
    return steps + (f"change unit: {dropped.record.id} to unit: {kept.record.id} in {and_joined(pages)}, "
                    if pages else "")


class _MergedKind(NamedTuple):
    """A kind of record a unit file holds, as `_merging` moves it: the field, the word for one, what tells two
    records of it apart in one file (a tally's day, a target's group, a milestone's day and title), how that is
    said, and what its values are called."""

    field: str
    one: str
    key: Callable[[Any], object]
    said: Callable[[Any], str]
    values: str

    def named(self, records: Sequence[Any]) -> str:
        """``the tally of 2018-04-26``, ``the tallies of 2018-03-01 and 2018-04-26``."""
        word = self.one if len(records) == 1 else self.field
        return f"the {word} of {and_joined([self.said(record) for record in records])}"


_MERGED_KINDS = (
    _MergedKind("tallies", "tally", lambda tally: tally.as_of, lambda tally: tally.as_of.isoformat(), "figures"),
    _MergedKind("targets", "target", lambda target: target.group,
                lambda target: getattr(target.group, "value", target.group), "values"),
    _MergedKind("milestones", "milestone", lambda milestone: (milestone.date, milestone.title),
                lambda milestone: f"{milestone.date.isoformat()} ({milestone.title})", "values"),
)


def _renaming(level: tuple[str, str] | None) -> str:
    """How a place of ``level`` (`level_in_name`'s) comes to be called two ways, in brackets after a space; ""."""
    said = LEVEL_RENAMINGS.get(level[0], "") if level is not None else ""
    return f" ({said})" if said else ""


def _after(name: str, base: str, plain_rest: str) -> str:
    """What follows ``base`` in ``name`` as typed, or ``plain_rest`` (compared as readers see it) when the name
    does not start with it as typed (full-width letters, spaces)."""
    return name[len(base):].strip() if name.startswith(base) else plain_rest


def _warn_sound_alike(first: tuple[Sourced[Unit], str], second: tuple[Sourced[Unit], str], loc: tuple[str | int, ...],
                      reading: str, content: Content, report: Report) -> None:
    """The warning of `check_sound_alike_units` for two units, each with the name or alias of it that was heard.

    The hint's file to keep is `_file_to_keep`'s: the figures and the pages' ``unit:`` of the other go into it
    before that one is deleted, so nothing typed is lost and no page is left naming no unit.
    """
    (earlier, said), (unit, text) = first, second
    one, other = earlier.record, unit.record
    if said == one.name and text == other.name:
        both = f"the unit names {one.name} ({earlier.path}) and {other.name} ({unit.path})"
    else:
        both = f"{_known_as(earlier, said)} and {_known_as(unit, text)}"
    kept, dropped, why = _file_to_keep(earlier, unit, content)
    apart = (f"add {one.id} to the distinct_from list of {unit.path}" if other.distinct_from
             else f"add the line distinct_from: [{one.id}] to {unit.path}")
    report.warning(
        unit.path, *unit.yaml.locate(loc),
        f"{both} both read {reading} (同音): if they are one place typed two ways, it is {_twice(earlier, unit)}",
        f"if they are one place, keep one file: e.g. keep {kept.path}, {why}, {_merging(kept, dropped, content)}"
        f"delete {dropped.path} "
        f"and add {dropped.record.name} to the misspellings of {kept.path}; if they are two different places, "
        f"{apart} (the warning then stops)")


def _file_to_keep(first: Sourced[Unit], second: Sourced[Unit],
                  content: Content) -> tuple[Sourced[Unit], Sourced[Unit], str]:
    """Of two unit files that may be one place (`check_sound_alike_units`): the one to keep, the one to delete,
    and why the first is kept, as the hint says it after its path ("which 2 pages name (unit: hua-xin-zhen)").

    Kept is the unit the pages name (``unit:``): deleting it would leave them naming no unit (a second file
    made later, 華新鎮 beside 华新镇, is most often named by nothing). When both or neither are named, the one
    holding more tallies, targets and milestones (the figures typed, fewer to move), then the shorter id
    (hua-xin-zhen before hua-xin-zhen-2, which ``sitegen new`` offered after it), then the first in path order.
    When both are named, the reason names the kept unit's pages too; the hint names the other's to change.
    """
    named = {unit.path: _pages_naming(content, unit.record.id) for unit in (first, second)}

    def rank(unit: Sourced[Unit]) -> tuple[bool, int, int]:
        return not named[unit.path], -_record_count(unit.record), len(unit.record.id)

    kept, dropped = (second, first) if rank(second) < rank(first) else (first, second)
    pages = named[kept.path]
    told = (f"which {len(pages)} pages name (unit: {kept.record.id})" if len(pages) > 1
            else f"which {pages[0]} names (unit: {kept.record.id})" if pages else "")
    if pages and not named[dropped.path]:
        return kept, dropped, told
    held = _record_count(kept.record), _record_count(dropped.record)
    why = (f"which holds more tallies, targets and milestones ({held[0]} against {held[1]})" if held[0] != held[1]
           else "whose id is the shorter" if len(kept.record.id) != len(dropped.record.id)
           else "whose file comes first")
    # Both named: the pages of each are said, those of the other with the unit: to change.
    return kept, dropped, f"{told} and {why}" if told else why


def _record_count(unit: Unit) -> int:
    """How many tallies, targets and milestones a unit holds."""
    return len(unit.tallies) + len(unit.targets) + len(unit.milestones)


def _pages_naming(content: Content, unit_id: str) -> list[str]:
    """The paths of the interviews and case studies whose ``unit:`` is ``unit_id``, in the order loaded."""
    return [document.path for document in content.interviews + content.cases if document.meta.unit == unit_id]


def _known_as(unit: Sourced[Unit], text: str) -> str:
    """A unit by the name it was heard by: "the unit name 白鹤镇 (path)" or "白鹤, another name of 白鹤镇 (path)"."""
    if text == unit.record.name:
        return f"the unit name {text} ({unit.path})"
    return f"{text}, another name of {unit.record.name} ({unit.path})"


def _check_distinct_from(unit: Sourced[Unit], content: Content, report: Report) -> None:
    """Warn at each entry of a unit's ``distinct_from`` that names no unit (it then tells nothing apart).

    Several ids typed as one (``distinct_from: baihe, b3`` without brackets, or
    with a full-width comma or 顿号) get the list written out.
    """
    for index, value in enumerate(unit.record.distinct_from):
        if value == unit.record.id:
            report.warning(unit.path, *unit.yaml.locate(("distinct_from", index)),
                           f'distinct_from: "{value}" is this unit\'s own id, which tells it apart from nothing',
                           f"write the id of the other unit whose name reads the same as {unit.record.name}, "
                           "or remove the entry")
            continue
        if value in content.units or ("units", value) in content.broken:
            continue
        report.warning(unit.path, *unit.yaml.locate(("distinct_from", index)),
                       f'distinct_from: there is no unit "{value}"', _distinct_from_hint(value, unit, content))


def _distinct_from_hint(value: str, unit: Sourced[Unit], content: Content) -> str:
    """The fix for a ``distinct_from`` entry ``value`` of ``unit`` that names no unit: the id meant, by a name, a
    misspelling or a slip of an id of the site's units, one whose file has errors among them."""
    parts = [part for part in _ID_SEPARATORS.split(value) if part]
    if len(parts) > 1:
        return f"list the ids in brackets, apart by half-width commas (半角逗号): distinct_from: [{', '.join(parts)}]"
    half = unicodedata.normalize("NFKC", value).strip().lower()
    if half != value and half in content.units:
        return f"{id_case_reason(value)}: {half}"
    stem = value.removesuffix(".yaml").removesuffix(".yml")
    if stem != value and stem in content.units:
        return f"write the id, without {value[len(stem):]}: {stem}"
    # A name or misspelling of this very unit names no other: its id would be "this unit's own id" in turn.
    if value in names_of(unit.record) or value in unit.record.misspellings:
        what = "name" if value in names_of(unit.record) else "misspelling (misspellings:)"
        return (f"{value} is this unit's own {what}, not another unit: distinct_from lists the other units whose "
                f"names read the same as {unit.record.name}; remove the entry")
    # A unit whose file has errors is one of the site's all the same (`Content.unit_names`): its id is offered.
    units = content.unit_names()
    for other in units:
        if value in (other.name, *other.aliases):
            return f"write the id, not the name: {other.id}"
    for other in units:
        if value in other.misspellings:
            return f"{value} is a misspelling of {other.name}: write its id, {other.id}"
    meant = did_you_mean(value, [other.id for other in units])
    if meant is not None:
        return f"did you mean {meant}?"
    return (f"write the id of a unit whose name reads the same as {unit.record.name} (its file name in "
            "content/units/ without .yaml), or remove the entry")


_ID_SEPARATORS = compile_later(r"[\s,，、;；]+")
