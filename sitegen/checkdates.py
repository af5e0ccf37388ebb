"""Integrity rules over dates: tallies in the order of their dates, dates in the future or far ahead,
years typed with a slip (the wrong century, the year of the last report), milestones in order, and a page's dates
of publishing, updating and taking off.

Job: the dates' rules (`check_tally_dates`, `check_measured_dates`,
`check_far_plans`, `check_century_slips`, `check_publish_year`,
`check_taken_off`, `check_update_time`, `check_tally_order`,
`check_milestone_order`, `check_repeated_milestones`, `check_milestone_status`), the parts of them
`sitegen.checks.check_failed_unit` runs, and the tally most likely misdated
(`misdated_tally`, which `sitegen.checkrelated` names too).

May import: lazyre, errors, load (record types only), models, checkcommon, checktenfold (and the standard library).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Collection, Iterator, Mapping, Sequence

from pydantic_core import PydanticCustomError

from .checkcommon import COUNT_FIELDS, COUNT_LABELS, TALLY_FIGURES, says_corrected
from .checktenfold import tenfold_slips
from .errors import Report
from .load import Content, Document, Sourced, YamlData
from .models import Milestone, Tally, Target, Unit, clip, parse_date, publish_time_text, swapped_years


def check_tally_dates(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Error at the ``as_of`` of each tally dated after ``today`` (the build's day, in the site's time zone).

    A tally counts what was collected by a day that has come, so a date
    in the future is a typing mistake, and the build would publish its
    figures as the latest. The hint names the year meant when swapping two
    digits of the year gives a past one (2081 for 2018, `likely_year`) that
    keeps the tallies in date order, one a day (`_fits_between`), or when the
    year is one digit from that of the unit's other tallies (2028 beside
    tallies of 2018, `_neighbours_year`).
    Milestones and target deadlines may lie ahead and are not checked.
    A tally dated today is accepted; one dated tomorrow is accepted from
    tomorrow on (a build that fails here records nothing, so the next
    build checks again).
    """
    tally_dates(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), today, report)


def tally_dates(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], today: date,
                 report: Report) -> None:
    """`check_tally_dates` over ``(index in the file's tallies list, tally)`` pairs."""
    listed = [(index, tally.as_of) for index, tally in tallies]
    for index, tally in tallies:
        if tally.as_of <= today:
            continue
        line, column = yaml.locate(("tallies", index, "as_of"))
        # 2081-04-26 as 2018-04-26 is not meant when another tally has that day or it breaks the list's order
        otherwise = "write the day the figures were counted (统计日期), today or earlier"
        hint = year_hint("as_of", tally.as_of, today, otherwise,
                         keep=lambda day, index=index: _fits_between(listed, index, day))
        if hint == otherwise and (year := _neighbours_year(listed, index, tally.as_of, today)) is not None:
            hint = (f"did you mean {year}, the year of the unit's other tallies? write as_of: "
                    f"{tally.as_of.replace(year=year).isoformat()}")
        report.error(path, line, column,
                     f"tally of {tally.as_of.isoformat()} is dated in the future: a tally counts what was "
                     "collected by a day that has come", hint)


def _neighbours_year(listed: Sequence[tuple[int, date]], index: int, day: date, today: date) -> int | None:
    """The year a future ``day`` (the as_of of the tally at ``index``) was meant to have when one digit of it was
    mistyped (2028 for 2018, which no swap of two digits gives: `likely_year`): the one year of the unit's other
    tallies, of those one digit from it, that puts ``day`` on or before ``today`` in its place among them
    (`_fits_between`); None when there is none, or more than one."""
    typed = str(day.year)
    years = set()
    for at, other in listed:
        year = str(other.year)
        if at == index or other > today or len(year) != len(typed) \
                or sum(a != b for a, b in zip(year, typed)) != 1:
            continue
        try:
            meant = day.replace(year=other.year)
        except ValueError:  # 29 February in a year without it
            continue
        if meant <= today and _fits_between(listed, index, meant):
            years.add(other.year)
    return years.pop() if len(years) == 1 else None


def _fits_between(listed: Sequence[tuple[int, date]], index: int, day: date) -> bool:
    """Whether ``day`` as the date of the tally at ``index`` keeps ``listed`` (``(index, as_of)`` of the tallies)
    oldest first, one tally a day: later than every tally listed before it and earlier than every one after."""
    return all(other < day if at < index else other > day for at, other in listed if at != index)


def check_measured_dates(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Error at the ``measured_as_of`` of each target measured after ``today`` (the build's day, site time zone).

    A measured value is what was reached by a day that has come, as a
    tally's figures are (`check_tally_dates`): a later date is a typing
    slip, and the unit page would show the share as measured on that day.
    The hint names the year meant when swapping two digits of the year
    gives a past one (`likely_year`). A target's ``deadline`` may lie ahead
    and is not checked.
    """
    measured_dates(unit.path, unit.yaml, list(enumerate(unit.record.targets)), today, report)


def measured_dates(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], today: date,
                    report: Report) -> None:
    """`check_measured_dates` over ``(index in the file's targets list, target)`` pairs."""
    for index, target in targets:
        day = target.measured_as_of
        if day is None or day <= today:
            continue
        line, column = yaml.locate(("targets", index, "measured_as_of"))
        report.error(path, line, column,
                     f"measured_as_of {day.isoformat()} is in the future: a measured value counts what was "
                     "reached by a day that has come",
                     year_hint("measured_as_of", day, today, "write the day the share was measured (测量日期), today "
                               "or earlier"))


FAR_AHEAD_YEARS = 10
"""A publish date more years ahead than this is taken for a slip of the year (2081 for 2018) and warned."""


def check_far_plans(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Warn at each milestone date and target deadline more than `FAR_AHEAD_YEARS` years after ``today``.

    A milestone ahead is shown as a plan (计划) and a deadline may lie
    ahead, so neither is an error; but 2081 typed for 2018 was published as
    a plan 60 years off, while an interview so far ahead is warned
    (`check_publish_year`) and a tally ahead is an error. The hint names
    the year meant when swapping two digits of the year gives exactly one
    no more than that far ahead (`sitegen.models.swapped_years`).
    """
    far_plans(unit.path, unit.yaml, list(enumerate(unit.record.milestones)), list(enumerate(unit.record.targets)),
               today, report)


def far_plans(path: str, yaml: YamlData, milestones: Sequence[tuple[int, Milestone]],
               targets: Sequence[tuple[int, Target]], today: date, report: Report) -> None:
    """`check_far_plans` over ``(index in the file's list, item)`` pairs of milestones and targets.

    A milestone marked done or cancelled is left out: its page shows it as no plan (a done one ahead is told by
    `milestone_status`)."""
    dated: list[tuple[tuple[str | int, ...], str, date]] = [
        (("milestones", index, "date"), "milestone date", milestone.date) for index, milestone in milestones
        if milestone.status_on(today) not in ("done", "cancelled")]
    dated += [(("targets", index, "deadline"), "deadline", target.deadline)
              for index, target in targets if target.deadline is not None]
    for place, what, day in dated:
        if day.year - today.year <= FAR_AHEAD_YEARS:
            continue
        near = [year for year in swapped_years(day.year) if year - today.year <= FAR_AHEAD_YEARS]
        try:
            meant = day.replace(year=near[0]).isoformat() if len(near) == 1 else ""
        except ValueError:  # 29 February moved to a year without it
            meant = ""
        report.warning(path, *yaml.locate(place),
                       f"the {what} {day.isoformat()} is more than {FAR_AHEAD_YEARS} years ahead, so the unit's page "
                       "shows it as planned for then",
                       f"did you mean {near[0]}? write {place[-1]}: {meant}" if meant
                       else "check the year against the source document (年份)")


def _unit_file_dates(unit: Sourced[Unit]) -> Iterator[tuple[tuple[str | int, ...], date]]:
    """Each date of ``unit``'s file, with its path in the file: tallies' ``as_of``, milestones' ``date``, targets'
    ``deadline`` and ``measured_as_of``."""
    record = unit.record
    yield from ((("tallies", index, "as_of"), tally.as_of) for index, tally in enumerate(record.tallies))
    yield from ((("milestones", index, "date"), milestone.date) for index, milestone in enumerate(record.milestones))
    for index, target in enumerate(record.targets):
        for name in ("deadline", "measured_as_of"):
            if getattr(target, name) is not None:
                yield ("targets", index, name), getattr(target, name)


def check_century_slips(content: Content, report: Report) -> None:
    """Warn at a date of a unit file whose year looks typed with the wrong century (1918 for 2018).

    Takes the content and the report. Of every date of the site (the units'
    files and the pages' publish dates), a date is warned when its century
    holds at most half as many as the century most of them lie in, and the
    same year in that century is a year some of them have: 19 typed for 20
    leaves the date in a century of few, next to the year meant. Only years before 1900 are
    refused when read (`sitegen.models.EARLIEST_YEAR`), so 1918-06-30 was
    published unwarned. A date whose year, moved to the others' century,
    no other date has is left alone: an early milestone (1988,
    草莓种植开始) is history, not a slip. A warning: the date may be right.
    Raises nothing.
    """
    dated = [(unit, where, day) for unit in content.units.values() for where, day in _unit_file_dates(unit)]
    days = [day for _, _, day in dated] + [page.meta.date.date() for page in content.interviews + content.cases]
    counted = Counter(day.year // 100 for day in days)
    if len(counted) < 2:
        return
    main = counted.most_common(1)[0][0]
    years = {day.year for day in days if day.year // 100 == main}
    for unit, where, day in dated:
        century, meant = day.year // 100, main * 100 + day.year % 100
        if century == main or counted[century] * 2 > counted[main] or meant not in years:
            continue
        try:
            written = day.replace(year=meant).isoformat()
        except ValueError:  # 29 February in a year without it
            continue
        field = where[-1]
        alone = "the only date" if counted[century] == 1 else f"one of {counted[century]} dates"
        report.warning(unit.path, *unit.yaml.locate(where),
                       f"{field}: {day.isoformat()} is {alone} of the site in the {century}00s, while the "
                       f"{counted[main]} others lie in the {main}00s, so its year is most likely typed with the "
                       "wrong century", f"did you mean {meant}? write {field}: {written} (if {day.year} is right, as "
                       "the source document gives it, leave it: this is a warning)")


def check_publish_year(document: Document, now: datetime, report: Report) -> None:
    """Warn when a page's publish date lies more than `FAR_AHEAD_YEARS` years ahead.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone) and the report. Such a page is scheduled: it is left out of
    every build until that day, and only listed as scheduled, so a year
    typed wrong (2081 for 2018) hides it for decades. The hint names the
    year meant when swapping two digits gives a past one (`likely_year`).
    A draft is not warned about (it is held back anyway). Raises nothing.
    """
    moment = document.meta.date
    if document.meta.draft or moment.year - now.year <= FAR_AHEAD_YEARS:
        return
    line, column = document.yaml.locate(("date",))
    report.warning(document.path, line, column,
                   f"the publish date {publish_time_text(moment)} is more than {FAR_AHEAD_YEARS} years ahead, so the "
                   "page is not published until then",
                   year_hint("date", moment, now.date(), "write the day the page is to be published (发布日期)"))


def check_taken_off(document: Document, now: datetime, published: Callable[[], Mapping[str, str]],
                    report: Report, held_back: Callable[[], Collection[str]] = frozenset) -> None:
    """Warn when a page the last build published has a publish time still to come: this build takes it off.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone), the files the last build published (`sitegen.checks.check_content`'s
    ``published``), the report and the files among them it held back
    (``held_back``: a draft, or a page scheduled for later). The warning
    is told once, by the build that takes the page off, as a draft's is
    (`sitegen.addresses.drafts_taken_off`): the next builds hold it back
    too, and saying so at each of them buried it among the routine notes
    of scheduled pages. A year typed wrong in a published page
    (2028 for 2018) made it scheduled: the build removed it, and every link
    to it gave 404, told only as "scheduled". The hint names the year meant
    (`likely_year`), or the two ways to say what is meant. A draft is
    taken off as asked, and a date more than `FAR_AHEAD_YEARS` ahead is
    told by `check_publish_year`. Raises nothing.
    """
    moment = document.meta.date
    if (document.meta.draft or moment <= now or moment.year - now.year > FAR_AHEAD_YEARS
            or document.path not in published() or document.path in held_back()):
        return
    line, column = document.yaml.locate(("date",))
    report.warning(document.path, line, column,
                   f"the last build published this page, but its publish date {publish_time_text(moment)} is still "
                   "to come, so this build takes it off the site until then, and links to it give 404",
                   year_hint("date", moment, now.date(),
                             "to keep it on the site, write the time it was first published (发布时间) in date:; "
                             "to take it off, write draft: true"), once=True)


def check_update_time(document: Document, now: datetime, report: Report) -> None:
    """Refuse a page's ``updated`` time (更新时间) before its publish time; warn of one still to come.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone) and the report. A page cannot be corrected before it was
    published: one of the two was typed wrong, and the page would tell
    readers and feed readers so (an error, at ``updated``). A correction
    dated later than now, on a page already published, would show a day
    not yet come (a warning; the year meant is offered as for a publish
    date, `likely_year`). A page scheduled for later, or a draft, may name
    a later time. A time equal to the publish time is no correction, but
    harmless. Raises nothing.
    """
    meta = document.meta
    if meta.updated is None:
        return
    line, column = document.yaml.locate(("updated",))
    updated, published = publish_time_text(meta.updated), publish_time_text(meta.date)
    if meta.updated < meta.date:
        report.error(document.path, line, column,
                     f"the page is marked updated (更新时间) {updated}, before its publish time {published}",
                     "one of the two is typed wrong: date: is when the page was first published (发布时间), "
                     "updated: when it was last corrected, on or after it; if the page was never changed after "
                     "publishing, delete the updated: line")
    elif meta.updated > now >= meta.date and not meta.draft:
        report.warning(document.path, line, column,
                       f"the page is marked updated (更新时间) {updated}, a time still to come, and every page "
                       "and feed would show it",
                       year_hint("updated", meta.updated, now.date(),
                                 f"write when the page was corrected, on or before today ({now.date().isoformat()})",
                                 keep=lambda moment: moment >= meta.date))


def year_hint(field: str, value: date, today: date, otherwise: str,
              keep: Callable[[date], bool] | None = None) -> str:
    """The hint for a date or time typed in the future: ``did you mean 2018? write date: 2018-05-08 09:30``.

    Takes the field's name as typed in the file (``date``, ``as_of``…), its
    value (a ``date``, or a naive ``datetime`` written as
    `publish_time_text` writes it), the build's day, the hint to give when
    no year is meant, and ``keep``: a test of the value with the year
    meant (same type as ``value``), which may refuse it (a tally's day
    another tally has). The year meant is `likely_year`'s. Returns the hint
    (str). Raises nothing.
    """
    day = value.date() if isinstance(value, datetime) else value
    year = likely_year(day, today)
    if year is None:
        return otherwise
    meant = value.replace(year=year)
    if keep is not None and not keep(meant):
        return otherwise
    written = publish_time_text(meant) if isinstance(meant, datetime) else meant.isoformat()
    return f"did you mean {year}? write {field}: {written}"


def likely_year(day: date, today: date) -> int | None:
    """The year a future ``day`` was most likely meant to have, or None.

    Tries every swap of two digits of the four-digit year (2081 → 2018,
    1082, …) and returns the latest year that puts ``day`` on or before
    ``today`` and is no earlier than 1900 (so 0281 is never offered);
    None when no swap does (2026 typed for a day not yet come).
    """
    best = None
    for year in swapped_years(day.year):
        if best is not None and year <= best:
            continue
        try:
            if day.replace(year=year) <= today:
                best = year
        except ValueError:  # 29 February in a year without it
            continue
    return best


def check_tally_order(unit: Sourced[Unit], report: Report, today: date | None = None,
                      cited: Mapping[date, str] | None = None) -> None:
    """Tallies are listed oldest first, one per date; cumulative counts never fall.

    Takes the unit, the report, the build's day (site time zone; a tally
    dated after it is `check_tally_dates`'s error, left out of the order)
    and ``cited``: each date a case study of the unit gives as its
    ``related_tally``, with that page's path (`cited_tallies`). Two tallies
    on one date, or out of order, are errors; when one tally's date alone
    breaks the order and the figures grow in the order listed, that tally's
    date is the one told as mistyped, with the date meant when a case study
    cites it (`misdated_tally`). A cumulative count (batches, collected,
    escalated, resolved) smaller than in the last earlier tally that gives
    it is a warning naming both values: it can be a correction, but is more
    often a typing mistake; a fall from a count typed with a digit too many (2960 for 296) is told at that
    count instead (`sitegen.checktenfold.check_tenfold_counts`), not blamed on the later tally, whose figure
    is the right one. Raises nothing.
    """
    tally_order(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report, today=today, cited=cited)


def tally_order(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report,
                 dated: Sequence[tuple[int, date]] | None = None, *, today: date | None = None,
                 cited: Mapping[date, str] | None = None) -> None:
    """`check_tally_order` over ``(index in the file's tallies list, tally)`` pairs, each after the one before.

    ``dated``: ``(index, as_of)`` of every tally whose date could be read, for the order of dates (those
    of the valid ``tallies`` when None): a tally with another field wrong is still out of order.
    """
    dated = [(index, tally.as_of) for index, tally in tallies] if dated is None else dated
    _tally_date_order(path, yaml, dated, tallies, report, today, cited or {})
    last_given: dict[str, tuple[int, Tally]] = {}  # per count, the latest tally so far that gives it
    tenfold = tenfold_slips(tallies)  # a fall from a count told typed with a digit too many is told there
    # Lines are located only for a problem: locating reads the file's YAML positions, and most units have none.
    for (before_index, before), (index, after) in zip(tallies, tallies[1:]):
        if after.as_of <= before.as_of:  # told by the order of dates
            continue
        for name in COUNT_FIELDS:
            if getattr(before, name) is not None:
                last_given[name] = (before_index, before)
            if name not in last_given:
                continue
            earlier_index, earlier = last_given[name]
            old, new = getattr(earlier, name), getattr(after, name)
            if (new is not None and new < old and not says_corrected(after.note)
                    and (earlier_index, name) not in tenfold):
                line, column = yaml.locate(("tallies", index, name))
                report.warning(
                    path, line, column,
                    f"{COUNT_LABELS[name]} fell from {old} on {earlier.as_of.isoformat()} to {new} on "
                    f"{after.as_of.isoformat()}; these counts only grow",
                    "check the figure; if it is a correction, say so in the tally's note with the word 更正 "
                    "(correction), which readers see with the figures: the note then stands for this warning")


def _tally_date_order(path: str, yaml: YamlData, dated: Sequence[tuple[int, date]],
                      tallies: Sequence[tuple[int, Tally]], report: Report, today: date | None,
                      cited: Mapping[date, str]) -> None:
    """Error at each tally dated on or before the tally listed before it, of ``(index, as_of)`` pairs.

    A tally dated after ``today`` is told by `tally_dates` and left out here, so the tally listed after it is
    not blamed for its date. A tally whose date is mistyped (`misdated_tally`) is told so, at its own line.
    """
    dated = [(index, day) for index, day in dated if today is None or day <= today]
    suspects = _date_suspects(dated, tallies, cited, today)
    misdated = _pick_misdated(suspects, cited)
    if misdated is not None:
        report.error(path, *yaml.locate(("tallies", misdated.index, "as_of")), misdated.message(),
                     misdated.hint())
        dated = [(index, day) for index, day in dated if index != misdated.index]
    elif (moved := _moved_tally(dated)) is not None:
        _tell_moved_tally(path, yaml, dated, moved, report)
        return
    for place, ((_, before), (index, after)) in enumerate(zip(dated, dated[1:]), 1):
        if after == before:
            message, hint = f"two tallies on {after.isoformat()}", "keep one tally per date: merge them or correct the date"
        elif after < before:
            message = f"tally of {after.isoformat()} is listed after the tally of {before.isoformat()}"
            # "list tallies oldest first" left the editor to find which lines go where.
            later, later_day = next((other, day) for other, day in dated[:place] if day > after)
            first, last = yaml.lines_of(("tallies", index))
            lines = f"line {first}" if first == last else f"lines {first}–{last}"
            hint = (f"tallies are listed oldest first (按日期从早到晚): move {lines} above the tally of "
                    f"{later_day.isoformat()} (line {yaml.lines_of(('tallies', later))[0]}), with the \"-\" lined up "
                    "with the \"-\" of the other tallies; if its date is mistyped, correct as_of instead")
        else:
            continue
        if len(suspects) == 2 and not _same_figures(tallies, suspects[0].index, suspects[1].index):
            hint = _one_of_two_hint(yaml, *suspects, cited)
        report.error(path, *yaml.locate(("tallies", index, "as_of")), message, hint)


def _moved_tally(dated: Sequence[tuple[int, date]]) -> int | None:
    """The place in ``dated`` (``(index, as_of)`` in list order) of the one tally listed out of the order of dates,
    when taking it out leaves the others in order and no other one does so; else None (in order, two on one date,
    two tallies side by side swapped: either may be the one moved, or more than one out of place)."""
    def in_order(days: Sequence[date]) -> bool:
        return all(before < after for before, after in zip(days, days[1:]))

    days = [day for _, day in dated]
    if in_order(days) or len(set(days)) < len(days):
        return None
    fits = [place for place in range(len(days)) if in_order(days[:place] + days[place + 1:])]
    return fits[0] if len(fits) == 1 else None


def _tell_moved_tally(path: str, yaml: YamlData, dated: Sequence[tuple[int, date]], place: int,
                      report: Report) -> None:
    """The error at the tally at ``place`` of ``dated`` (`_moved_tally`): pasted where it is, its date puts it
    elsewhere among the others, where the hint says to move it, with its lines. The tally after it was told
    instead ("tally of 2018-04-26 is listed after the tally of 2018-06-30" for a new tally pasted at the top),
    and an editor following that moved a tally that was in its place."""
    index, day = dated[place]
    others = [*dated[:place], *dated[place + 1:]]  # in date order (`_moved_tally`)
    later = next(((other, other_day) for other, other_day in others if other_day > day), None)
    earlier = [(other, other_day) for other, other_day in others if other_day < day]
    first, last = yaml.lines_of(("tallies", index))
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    if place == 0:
        where = f"listed first, before the tally of {dated[1][1].isoformat()}"
    elif place == len(dated) - 1:
        where = f"listed last, after the tally of {dated[-2][1].isoformat()}"
    else:
        where = (f"listed between the tallies of {dated[place - 1][1].isoformat()} and "
                 f"{dated[place + 1][1].isoformat()}")
    if later is None:
        end = yaml.lines_of(("tallies", earlier[-1][0]))[1]
        to = f"below the tally of {earlier[-1][1].isoformat()}, the last (which ends on line {end})"
    else:
        to = f"above the tally of {later[1].isoformat()} (line {yaml.lines_of(('tallies', later[0]))[0]})"
    report.error(path, *yaml.locate(("tallies", index, "as_of")),
                 f"tally of {day.isoformat()} is {where}: tallies are listed oldest first (按日期从早到晚)",
                 f'move {lines} {to}, with the "-" lined up with the "-" of the other tallies; if its date is '
                 "mistyped, correct as_of instead")


def _same_figures(tallies: Sequence[tuple[int, Tally]], first: int, second: int) -> bool:
    """True when the valid tallies at ``first`` and ``second`` of the file's list give the same figures: one
    tally typed twice, to be merged, not one of two dates mistyped."""
    valid = dict(tallies)
    if first not in valid or second not in valid:
        return False
    return all(getattr(valid[first], name) == getattr(valid[second], name) for name in TALLY_FIGURES)


def _one_of_two_hint(yaml: YamlData, first: MisdatedTally, second: MisdatedTally, cited: Mapping[date, str]) -> str:
    """The hint at ``second`` when the figures grow as listed but nothing tells which of two dates is mistyped:
    moving a tally, or merging two, would publish figures under the wrong day."""
    line = yaml.locate(("tallies", first.index, "as_of"))[0]
    hint = (f"the figures grow in the order listed, so one of the two dates is mistyped: correct this tally's as_of "
            f"to the day its figures were counted (统计日期), {second.span()}, or that of the tally of "
            f"{first.typed.isoformat()} on line {line}, {first.span()}")
    if first.typed == second.typed:
        hint += f"; if both were counted on {first.typed.isoformat()}, keep the one with the right figures"
    kept = sorted({suspect.typed for suspect in (first, second) if suspect.typed in cited})
    return hint + "".join(f"; {cited[day]} cites {day.isoformat()} (related_tally): keep that date on the tally "
                          "whose figures it means" for day in kept)


@dataclass(frozen=True)
class MisdatedTally:
    """A tally listed in its place among the others, with figures that fit there, but a date that does not.

    ``index`` is its place in the unit file's tallies list, ``typed`` its
    ``as_of``; ``after`` and ``before`` the dates of the tallies listed
    just before and just after it (None at either end), between which its
    date lies; ``shared`` is True when another tally has the date typed;
    ``meant`` is the date most likely meant, one that a case study gives as
    its ``related_tally`` (``cited_by``, its path) and that no tally has,
    or None when no such date lies between.
    """

    index: int
    typed: date
    after: date | None
    before: date | None
    shared: bool
    meant: date | None = None
    cited_by: str = ""

    def place(self) -> str:
        """Where the tally is listed, in words: "between the tallies of A and B" and the like."""
        if self.after is not None and self.before is not None:
            return f"between the tallies of {self.after.isoformat()} and {self.before.isoformat()}"
        if self.after is not None:
            return f"after the tally of {self.after.isoformat()}"
        return f"before the tally of {self.before.isoformat() if self.before else ''}"

    def message(self) -> str:
        """The error told at the tally's ``as_of``."""
        what = f"two tallies on {self.typed.isoformat()}: this one" if self.shared \
            else f"tally of {self.typed.isoformat()}"
        return (f"{what} is listed {self.place()} and its figures fit there, so its date is most likely "
                "mistyped")

    def hint(self) -> str:
        """The fix: the date meant, as a case study cites it, or the days the date lies between."""
        if self.meant is not None:
            return (f"did you mean {self.meant.isoformat()}, the related_tally of {self.cited_by}? write as_of: "
                    f"{self.meant.isoformat()}; that case study's line may stay as it is")
        return f"correct its as_of to the day its figures were counted (统计日期), {self.span()}"

    def span(self) -> str:
        """The days its date lies between, in words: "after A and before B" and the like."""
        return " and ".join(words for words in (
            f"after {self.after.isoformat()}" if self.after else "",
            f"before {self.before.isoformat()}" if self.before else "") if words)


def misdated_tally(dated: Sequence[tuple[int, date]], tallies: Sequence[tuple[int, Tally]],
                   cited: Mapping[date, str], today: date | None = None) -> MisdatedTally | None:
    """The tally whose mistyped ``as_of`` alone breaks the order of a unit's tallies, or None.

    Takes ``(index, as_of)`` of the tallies whose date could be read, in
    list order (none dated after ``today``); ``(index, tally)`` of the valid
    ones, for their figures; and ``cited``: dates case studies of the unit
    give as ``related_tally``, each with a page's path. Of the tallies that
    may be the one (`_date_suspects`): the one between whose neighbours a
    cited date lies that no tally has (the case study cites the date it was
    meant to have); else the only one whose date no case study cites (a
    cited date is taken as right); else the only one. None when nothing
    tells which. Raises nothing.
    """
    return _pick_misdated(_date_suspects(dated, tallies, cited, today), cited)


def _pick_misdated(suspects: Sequence[MisdatedTally], cited: Mapping[date, str]) -> MisdatedTally | None:
    """`misdated_tally`'s choice among ``suspects``."""
    told = [suspect for suspect in suspects if suspect.meant is not None]
    uncited = [suspect for suspect in suspects if suspect.typed not in cited]
    return told[-1] if told else uncited[0] if len(uncited) == 1 else suspects[0] if len(suspects) == 1 else None


def _date_suspects(dated: Sequence[tuple[int, date]], tallies: Sequence[tuple[int, Tally]],
                   cited: Mapping[date, str], today: date | None) -> list[MisdatedTally]:
    """Each tally whose date alone may break the order of dates, as `misdated_tally` takes them.

    The list order is taken as right when every tally's figures could be
    read and no cumulative count falls along it (the figures grow as
    listed); then a suspect is a tally whose removal leaves the dates in
    order. None when the dates are in order, a tally has a wrong field, the
    figures do not grow as listed, or more than one date is out of place.
    """
    days = [day for _, day in dated]
    valid = {index for index, _ in tallies}
    # A tally with a wrong field has no figures to tell where it belongs: the order is not taken on trust.
    if (all(a < b for a, b in zip(days, days[1:])) or any(index not in valid for index, _ in dated)
            or not _counts_grow([tally for _, tally in tallies])):
        return []
    taken = set(days)
    found: list[MisdatedTally] = []
    for place, (index, typed) in enumerate(dated):
        rest = days[:place] + days[place + 1:]
        if not all(a < b for a, b in zip(rest, rest[1:])):
            continue
        after = days[place - 1] if place else None
        before = days[place + 1] if place + 1 < len(days) else None
        between = [day for day in sorted(cited) if day not in taken and (after is None or day > after)
                   and (before is None or day < before) and (today is None or day <= today)]
        meant = between[0] if len(between) == 1 else None
        found.append(MisdatedTally(index, typed, after, before, days.count(typed) > 1, meant,
                                   cited.get(meant, "") if meant else ""))
    return found


def _counts_grow(tallies: Sequence[Tally]) -> bool:
    """True when no cumulative count of ``tallies`` falls from one tally to the next that gives it."""
    for name in COUNT_FIELDS:
        given = [getattr(tally, name) for tally in tallies if getattr(tally, name) is not None]
        if any(new < old for old, new in zip(given, given[1:])):
            return False
    return True


def cited_tallies(content: Content) -> dict[str, dict[date, str]]:
    """For each unit id, the dates its case studies give as ``related_tally``, each with the first page's path.

    Takes the loaded content; raises nothing. A day that does not exist (kept as text) is left out.
    """
    cited: dict[str, dict[date, str]] = defaultdict(dict)
    for document in sorted(content.cases, key=lambda document: document.path):
        related = getattr(document.meta, "related_tally", None)
        if isinstance(related, date):
            cited[document.meta.unit].setdefault(related, document.path)
    return dict(cited)


def readable_dates(items: object, field: str) -> list[tuple[int, date]]:
    """``(index, date)`` of each item of a YAML list whose ``field`` reads as a date, its other fields aside."""
    if not isinstance(items, list):
        return []
    dated = []
    for index, item in enumerate(items):
        try:
            dated.append((index, parse_date(item.get(field) if isinstance(item, dict) else None)))
        except (PydanticCustomError, ValueError):
            continue
    return dated




def check_milestone_order(unit: Sourced[Unit], report: Report) -> None:
    """Error when milestones are not listed in date order (oldest first)."""
    milestone_order(unit.path, unit.yaml, [(index, item.date) for index, item in enumerate(unit.record.milestones)],
                     report)


def milestone_order(path: str, yaml: YamlData, dated: Sequence[tuple[int, date]], report: Report) -> None:
    """`check_milestone_order` over ``(index in the file's milestones list, its date)`` pairs.

    Each milestone listed after a later one is an error at its date, whose hint gives both mends with the
    lines: move it (its lines, above the first milestone listed with a later date), or, if the date is the
    slip (2018-01-05 typed for 2018-01-15), correct the date. "List milestones oldest first" alone had an
    editor move a milestone whose date was mistyped, publishing the wrong date in its place.
    """
    for place, ((_, before), (index, after)) in enumerate(zip(dated, dated[1:]), start=1):
        if after < before:
            line, column = yaml.locate(("milestones", index, "date"))
            later, later_day = next((other, day) for other, day in dated[:place] if day > after)
            first, last = yaml.lines_of(("milestones", index))
            lines = f"line {first}" if first == last else f"lines {first}–{last}"
            above = yaml.lines_of(("milestones", later))[0]
            report.error(path, line, column,
                         f"milestone of {after.isoformat()} is listed after the one of {before.isoformat()}: "
                         "milestones are listed oldest first (按日期从早到晚)",
                         f"if its date is right, move {lines} above the milestone of {later_day.isoformat()} "
                         f'(line {above}), with the "-" lined up with the "-" of the others; if the date is '
                         "mistyped, correct date: instead")


def check_milestone_status(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Warn at the ``status`` of each milestone of ``unit`` that its date contradicts on ``today`` (the build's
    day, site time zone).

    A milestone marked planned (计划) or postponed (推迟) whose date has
    passed is still published as not done: most often the editor set the
    status while it was ahead and it has since taken place, or been put off
    again to a day not yet written. One marked done (已完成) but dated
    after today is published as having taken place on a day still to come:
    a slip of the date, or a status written ahead of the event. On its day
    itself a plan is not warned: the meeting may be later that day.
    Milestones without a status follow their date (`sitegen.models.Milestone.status_on`)
    and are never warned here.
    """
    milestone_status(unit.path, unit.yaml, list(enumerate(unit.record.milestones)), today, report)


def milestone_status(path: str, yaml: YamlData, milestones: Sequence[tuple[int, Milestone]], today: date,
                     report: Report) -> None:
    """`check_milestone_status` over ``(index in the file's milestones list, milestone)`` pairs."""
    for index, milestone in milestones:
        status = milestone.status.value if milestone.status is not None else None
        title, day = clip(milestone.title, 40), milestone.date.isoformat()
        if status == "planned" and milestone.date < today:
            message = f'milestone "{title}" is marked planned (计划), but its date {day} has passed'
            hint = ("once it has taken place, write status: done; if it was put off (推迟), write its new day in "
                    "date: and status: postponed; if it will not take place (取消), write status: cancelled")
        elif status == "postponed" and milestone.date < today:
            message = f'milestone "{title}" is marked postponed (推迟) to {day}, a day that has passed'
            hint = ("write in date: the day it is now planned for; once it has taken place, write status: done and, "
                    "in date:, the day it took place; if it will not take place (取消), write status: cancelled")
        elif status == "done" and milestone.date > today:
            message = f'milestone "{title}" is marked done (已完成), but its date {day} is in the future'
            hint = ("check the date against the source document; if it has not taken place yet, delete the status "
                    "line: the page marks it planned (计划) until its day comes")
        else:
            continue
        report.warning(path, *yaml.locate(("milestones", index, "status")), message, hint)


def check_repeated_milestones(unit: Sourced[Unit], report: Report) -> None:
    """Warn at each milestone whose date and title an earlier milestone of ``unit`` has (spaces aside): a
    milestone pasted twice, which the unit's page, its timeline and milestones.csv would list twice.

    A warning, as a tag given twice is (`sitegen.validation`): nothing is wrong in either copy. The hint names
    the lines of the second to delete; when the second's description holds more than the first's, it says to
    keep what the second adds.
    Two events of one day have two titles, so they are never told. Raises nothing.
    """
    repeated_milestones(unit.path, unit.yaml, list(enumerate(unit.record.milestones)), report)


def repeated_milestones(path: str, yaml: YamlData, milestones: Sequence[tuple[int, Milestone]],
                         report: Report) -> None:
    """`check_repeated_milestones` over ``(index in the file's milestones list, milestone)`` pairs."""
    seen: dict[tuple[date, str], tuple[int, Milestone]] = {}
    for index, milestone in milestones:
        first, kept = seen.setdefault((milestone.date, "".join(milestone.title.split())), (index, milestone))
        if first == index:
            continue
        start, end = yaml.lines_of(("milestones", index))
        lines = f"line {start}" if end <= start else f"lines {start}–{end}"
        report.warning(path, *yaml.locate(("milestones", index, "date")),
                       f'milestone "{clip(milestone.title, 40)}" of {milestone.date.isoformat()} is given twice '
                       f'(the first is milestone {first + 1}, line {yaml.locate(("milestones", first))[0]}), '
                       "so the unit's page would list it twice",
                       f"delete this one ({lines})" if milestone.description in kept.description else
                       f"keep one: move what this one's description adds into the first, then delete this one "
                       f"({lines}); if they are two events, give each its own title")
