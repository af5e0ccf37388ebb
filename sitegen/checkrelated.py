"""Integrity rules over the tally a page names by its date (``related_tally``): a date no tally has,
a tally after the page was published, a date typed with a slip.

Job: `check_related_tally`, run by `sitegen.checkrefs.check_references`.

May import: errors, load (record types only), models, checkdates (and the standard library).
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from .checkdates import misdated_tally, MisdatedTally
from .errors import Report
from .load import Document, Sourced
from .models import DAY_CUT_SHORT, Unit, date_numbers, date_refusal, publish_time_text, swapped_years


def check_related_tally(document: Document, related: date | str, unit: Sourced[Unit] | None,
                        report: Report, today: date | None = None, meant: Sequence[Sourced[Unit]] = ()) -> None:
    """A case study's ``related_tally`` is the ``as_of`` date of one of its unit's tallies.

    Takes the page, its ``related_tally`` (a date, or the text of a day that
    does not exist: `sitegen.models.parse_related_day`), its unit (None when
    the unit is missing or its file has errors, reported elsewhere) and the
    report. A day that does not exist (2018-04-62) is told so, and a date
    that is no tally's is told that; either way the hint gives the unit's
    tally dates to choose from, the one most likely meant first
    (`_related_tally_hint`), and a date after every tally's, near none,
    the tally to add first. Without the unit, only a day that does not
    exist is reported, with `sitegen.models.parse_date`'s hint. A tally
    dated after ``today`` is an error of its unit's (`sitegen.checkdates.check_tally_dates`),
    so it is never offered: the hint says to correct that date instead.
    A tally dated after the page's own publish date is a warning
    (`_later_tally`). ``meant``: the other units the page's title, interviewee
    or summary name, and not its own (`sitegen.checkpageunit.units_meant`):
    when one of them has a tally of the date, the page is most likely filed
    under the wrong unit, warned of at its ``unit:`` line, and the hint says
    so first (`_unit_meant_hint`): "add the tally to 白鹤镇" was offered for
    白鹤村's tally.
    """
    # Located only when told: finding a line means reading the front matter's YAML again.
    if isinstance(related, str):
        message, hint = date_refusal(related)
        if unit is not None:
            hint = _related_tally_hint(unit, date_numbers(related), today, published=document.meta.date.date())
        report.error(document.path, *document.yaml.locate(("related_tally",)), f"related_tally: {message}", hint)
    elif unit is not None and related not in {tally.as_of for tally in unit.record.tallies}:
        tallies = list(enumerate(unit.record.tallies))
        misdated = misdated_tally([(index, tally.as_of) for index, tally in tallies
                                   if today is None or tally.as_of <= today], tallies, {related: document.path}, today)
        slipped = None if misdated is not None and misdated.meant == related else \
            _slipped_tally(unit.record, related, document.meta.date.date(), today)
        cut = _cut_short_tally(unit, related)
        hint = (_cut_short_hint(unit, cut, related) if cut is not None
                else _slipped_tally_hint(unit, slipped, related, document.meta.date.date(), today) if slipped is not None
                else _related_tally_hint(unit, (related.year, related.month, related.day), today,
                                         misdated if misdated is not None and misdated.meant == related else None,
                                         document.meta.date.date(), related))
        other = next((one for one in meant if related in {tally.as_of for tally in one.record.tallies}), None)
        if other is not None:
            hint = f"{_unit_meant_hint(document, unit, other, related)}; else {hint}"
        report.error(document.path, *document.yaml.locate(("related_tally",)),
                     f"unit {unit.record.id} has no tally of {related.isoformat()}", hint)
    elif unit is not None and related > document.meta.date.date() and not document.meta.draft:
        _later_tally(document, related, unit, report)


def _cut_short_tally(unit: Sourced[Unit], related: date) -> int | None:
    """The index of ``unit``'s tally whose ``as_of`` is typed with its day cut short (`DAY_CUT_SHORT`:
    ``2018-04-2``, read as the 2nd) where ``related`` completes it (2018-04-26), or None. Its file warns of
    the date already; the related_tally that cites the date in full is right, and is not to be offered the
    cut one."""
    if not _tallies_typed(unit):
        return None
    for index, item in enumerate(unit.yaml.value["tallies"]):
        typed = item.get("as_of")
        cut = DAY_CUT_SHORT.fullmatch(typed.strip()) if isinstance(typed, str) else None
        if cut is not None and (int(cut.group(1)), int(cut.group(3))) == (related.year, related.month) \
                and str(related.day).startswith(cut.group(4)) and related.day >= 10:
            return index
    return None


def _tallies_typed(unit: Sourced[Unit]) -> bool:
    """Whether ``unit``'s YAML holds its tallies as a list of mappings, as its record was read from."""
    value = unit.yaml.value
    tallies = value.get("tallies") if isinstance(value, dict) else None
    return isinstance(tallies, list) and len(tallies) == len(unit.record.tallies) and all(
        isinstance(item, dict) for item in tallies)


def _cut_short_hint(unit: Sourced[Unit], index: int, related: date) -> str:
    """The hint at a ``related_tally`` that completes the cut-short ``as_of`` of ``unit``'s tally at ``index``
    (`_cut_short_tally`): complete it in the unit file, at its line and column, and this line may stay."""
    line, column = unit.yaml.locate(("tallies", index, "as_of"))
    typed = str(unit.yaml.value["tallies"][index]["as_of"]).strip()
    return (f"unit {unit.record.id}'s tally is dated {typed} ({unit.path}:{line}:{column}), read as "
            f"{unit.record.tallies[index].as_of.isoformat()}: if it is {related.isoformat()} not typed to its end, "
            f"complete it there (as_of: {related.isoformat()}), and this line may stay as it is")


def _unit_meant_hint(document: Document, unit: Sourced[Unit], other: Sourced[Unit], related: date) -> str:
    """The start of the hint at a ``related_tally`` that is no tally of ``unit``, the page's, but one of ``other``'s,
    the unit the page's words name (`check_related_tally`): the ``unit:`` line is the one to correct."""
    line = document.yaml.locate(("unit",))[0]
    return (f"the page names {other.record.name} (unit {other.record.id}), whose tally of {related.isoformat()} this "
            f"is, and nowhere {unit.record.name} (the warning at line {line}): if the page is "
            f"{other.record.name}'s, write unit: {other.record.id} there, and this line may stay as it is")


def _one_slip_apart(typed: date, other: date) -> bool:
    """True when ``other`` is ``typed`` with one slip of the keyboard: one digit of its ISO form changed
    (2008-04-26 for 2018-04-26), or two digits of its year swapped (`sitegen.models.swapped_years`)."""
    changed = sum(a != b for a, b in zip(typed.isoformat(), other.isoformat()))
    return changed == 1 or ((other.month, other.day) == (typed.month, typed.day)
                            and other.year in swapped_years(typed.year))


def _unit_dates(unit: Unit, left_out: int) -> list[date]:
    """Every date ``unit``'s file gives but the ``as_of`` of its tally at ``left_out``: the other tallies', the
    milestones', the targets' deadlines and days measured."""
    days = [tally.as_of for index, tally in enumerate(unit.tallies) if index != left_out]
    days += [milestone.date for milestone in unit.milestones]
    days += [day for target in unit.targets for day in (target.deadline, target.measured_as_of) if day is not None]
    return days


def _slipped_tally(unit: Unit, related: date, published: date, today: date | None) -> int | None:
    """The index of ``unit``'s tally whose own ``as_of``, rather than the ``related_tally`` typed, looks
    mistyped, or None.

    That tally's date is one slip of the keyboard from ``related``
    (`_one_slip_apart`) and looks like the slip (`_looks_slipped`). Tallies
    dated after ``today`` are told by their unit (`sitegen.checkdates.check_tally_dates`). When
    two tallies fit, nothing tells which.
    """
    found = []
    for index, tally in enumerate(unit.tallies):
        if (today is not None and tally.as_of > today) or not _one_slip_apart(related, tally.as_of):
            continue
        if _looks_slipped(tally.as_of, _unit_dates(unit, index), related, published):
            found.append(index)
    return found[0] if len(found) == 1 else None


def _looks_slipped(slipped: date, others: Sequence[date], related: date, published: date) -> bool:
    """True when a tally's date ``slipped``, one slip from the ``related_tally`` typed, looks like the slip.

    So it does when it lies before every other date ``others`` of the
    unit's file, in a year none of them has (a unit is counted once its
    campaign has begun, and a slip of the year leaves a date alone in a year
    of its own), or when its year is not ``related``'s and it lies before
    ``related``, which lies on or before the page's date ``published`` (a
    case study cites figures counted before it, the nearer the likelier:
    2008-04-26 in the unit, 2018-04-26 in two case studies of 2018-05-03).
    """
    return _alone_first(slipped, others) or slipped.year != related.year and slipped < related <= published


def _alone_first(day: date, others: Sequence[date]) -> bool:
    """True when ``day`` lies before every one of ``others`` (not empty), in a year none of them has."""
    return bool(others) and day < min(others) and day.year not in {other.year for other in others}


def _slipped_tally_hint(unit: Sourced[Unit], index: int, related: date, published: date,
                        today: date | None) -> str:
    """The hint at a ``related_tally`` one slip from the date of ``unit``'s tally at ``index``, whose date looks
    like the slip (`_slipped_tally`): correct that tally's ``as_of`` in the unit file, at its line and column;
    else cite a tally of the unit, saying how much older than the page ``published`` the slipped tally's
    figures are, so that a page of 2018 is not made to cite figures of 2008 untold."""
    slipped = unit.record.tallies[index].as_of
    line, column = unit.yaml.locate(("tallies", index, "as_of"))
    others = _unit_dates(unit.record, index)
    why = f"alone in {slipped.year}, before every other date of the unit" if _alone_first(slipped, others) else \
        f"in an earlier year than this date (this case study is dated {published.isoformat()})"
    told = (f"unit {unit.record.id}'s tally of {slipped.isoformat()} ({unit.path}:{line}:{column}) is one typing "
            f"slip from this date and lies {why}, so its as_of is most likely mistyped: correct it there to "
            f"{related.isoformat()}, and this line may stay as it is")
    cite = (f"if the figures of {slipped.isoformat()} are meant{_older_words(slipped, published)}, write "
            f"related_tally: {slipped.isoformat()}")
    dates = sorted({tally.as_of for place, tally in enumerate(unit.record.tallies)
                    if place != index and (today is None or tally.as_of <= today)})
    if not dates:
        return f"{told}; else, {cite}"
    offered = _offered(unit.record.id, dates, (related.year, related.month, related.day), "the other tally",
                       published)
    return f"{told}; else {offered}; or, {cite}"


def _older_words(day: date, published: date | None) -> str:
    """How much older the figures of ``day`` are than a case study dated ``published``, in brackets, when a year
    or more (" (10 years older than this case study)"); else "". A page of 2018 offered figures of 2008 is told
    so, not only given the date to write."""
    if published is None:
        return ""
    years = published.year - day.year - ((published.month, published.day) < (day.month, day.day))
    return f" ({years} years older than this case study)" if years > 1 else \
        " (a year older than this case study)" if years == 1 else ""


def _later_tally(document: Document, related: date, unit: Sourced[Unit], report: Report) -> None:
    """Warn at a case study's ``related_tally`` dated after the page's own publish date.

    The page shows its 发布时间 with the figures of that tally below it,
    figures that did not exist when it was published (a page dated
    2018-04-01 citing 2018-05-10). The hint offers the latest tally on or
    before the page's date, the one an interview of that date would show
    (README, "Charts"), or, when the figures are meant, a later date. A
    warning, not an error: a case study may be updated with later figures
    and keep its first date. Raises nothing.
    """
    published = document.meta.date
    shown = publish_time_text(published)
    before = [tally.as_of for tally in unit.record.tallies if tally.as_of <= published.date()]
    later_date = f"correct date: to the day the page was published, on or after {related.isoformat()}"
    if before:
        hint = (f"the tally meant is most likely the latest one on or before {published.date().isoformat()}: write "
                f"related_tally: {max(before).isoformat()}; if the figures of {related.isoformat()} are meant, "
                + later_date)
    else:
        hint = (f"unit {unit.record.id} has no tally on or before {published.date().isoformat()}: if the figures "
                f"of {related.isoformat()} are meant, {later_date}; else delete the related_tally line")
    report.warning(document.path, *document.yaml.locate(("related_tally",)),
                   f"related_tally: the tally of {related.isoformat()} is dated after the page's publish date "
                   f"{shown}, so the page would show figures that did not exist when it was published",
                   hint)


def _related_tally_hint(unit: Sourced[Unit], typed: tuple[int, int, int] | None, today: date | None = None,
                        misdated: MisdatedTally | None = None, published: date | None = None,
                        related: date | None = None) -> str:
    """The hint for a ``related_tally`` that is no tally's date: the tally dates of ``unit``, the one meant first.

    ``typed`` is the year, month and day typed (`sitegen.models.date_numbers`).
    The one meant is `_tally_meant`'s; the others follow in date order.
    Tallies dated after ``today`` (errors of the unit's own) are not offered:
    one of them may be the tally meant, typed with a wrong date. Nor is
    ``misdated``, the unit's tally whose mistyped date is most likely the
    one typed here (`sitegen.checkdates.misdated_tally`): its date is to be corrected, and this
    line may stay. ``published``, the case study's date, tells how much
    older the figures of a date offered are (`_older_words`). ``related``,
    the date typed when it is a day: one after every tally's, and near none, is most likely the day of a
    tally not added yet, and adding it is offered first (`_new_tally_hint`).
    """
    name = unit.record.id
    if misdated is not None and misdated.meant is not None:
        line = unit.yaml.locate(("tallies", misdated.index, "as_of"))[0]
        told = (f"unit {name}'s tally listed {misdated.place()} is dated {misdated.typed.isoformat()}, most likely "
                f"a slip for this date (an error told in {unit.path}, line {line}): if it is the tally meant here, "
                f"correct its as_of there to {misdated.meant.isoformat()}, and this line may stay as it is")
        dates = sorted({tally.as_of for index, tally in enumerate(unit.record.tallies)
                        if index != misdated.index and (today is None or tally.as_of <= today)})
        return f"{told}; else {_offered(name, dates, typed, 'the other tally', published)}" if dates else told
    every = sorted({tally.as_of for tally in unit.record.tallies})
    dates = [day for day in every if today is None or day <= today]
    future = [day.isoformat() for day in every if day not in dates]
    if future:
        told = (f"unit {name}'s tally of {', '.join(future)} is dated in the future (an error told in {unit.path}): "
                f"if it is the tally meant here, correct its as_of there, and this line may stay as it is")
        return f"{told}; else {_offered(name, dates, typed, 'the other tally', published)}" if dates else told
    if not dates:
        return f"unit {name} has no tally yet: add its tallies to {unit.path}, or delete the related_tally line"
    offered = _offered(name, dates, typed, published=published)
    if related is None or typed is None or related < dates[-1] or _tally_meant(typed, dates) is not None:
        return offered
    return _new_tally_hint(unit, related, offered, today, published)


def _new_tally_hint(unit: Sourced[Unit], related: date, offered: str, today: date | None,
                    published: date | None) -> str:
    """The hint for a ``related_tally`` of ``related``, a day after every one of ``unit``'s tallies and near
    none: add that tally, then ``offered`` (`_offered`'s tally dates) for figures already published;
    ``offered`` alone when a tally of that day cannot be added cleanly.

    A case study is often written before its unit's new tally is added (docs/editing.md has the case study
    first): offered first, the unit's older tally linked the new case study to figures it does not cite. A
    day after ``today`` (a tally may not be dated in the future) or after the case study's date
    ``published`` (the page would show figures that did not exist when it was published, `_later_tally`)
    gets ``offered`` alone.
    """
    if (today is not None and related > today) or (published is not None and related > published):
        return offered
    day = related.isoformat()
    return (f"add the tally of {day} to {unit.path}, as_of: {day} (sitegen new tally --unit {unit.record.id} "
            f"prints one to paste), and this line may stay as it is; or, if the case study means figures already "
            f"published, {offered}")


def _offered(name: str, dates: Sequence[date], typed: tuple[int, int, int] | None,
             one: str = "the only tally", published: date | None = None) -> str:
    """`_related_tally_hint`'s choice among the tally dates ``dates`` of unit ``name`` (sorted; not empty);
    ``one`` names a single one. The one date offered says how much older its figures are than the case study
    dated ``published`` (`_older_words`)."""
    meant = _tally_meant(typed, dates) if typed is not None else None
    others = _dates_listed([day for day in dates if day != meant], typed)
    if meant is None:
        if len(dates) == 1:
            return (f"write related_tally: {dates[0].isoformat()}, the as_of date of {one} of unit {name}"
                    + _older_words(dates[0], published))
        return f"use the as_of date of one of the tallies of unit {name}: {others}"
    hint = (f"did you mean {meant.isoformat()}? write related_tally: {meant.isoformat()}"
            + _older_words(meant, published))
    return hint + (f", or the as_of date of another tally of unit {name}: {others}" if others
                   else f" (the as_of date of {one} of unit {name})")


OFFERED_DATES = 6
"""At most this many tally dates are listed in a hint; a unit with more has the ones nearest the date typed."""


def _dates_listed(dates: Sequence[date], typed: tuple[int, int, int] | None) -> str:
    """``dates`` (sorted) as a hint lists them: all of them, or when there are more than `OFFERED_DATES`,
    the ones nearest the date ``typed`` (the latest when it is no date), in order, and how many there are.

    A unit counted every week for years has hundreds of tallies: a hint that listed every date was longer
    than a screen, and the one meant was hard to find in it.
    """
    if len(dates) <= OFFERED_DATES:
        return ", ".join(day.isoformat() for day in dates)
    near = dates[-1]
    # 2018-02-30: the day may be the slip, its month is still near; 0000-02-30 or month 13: no day is.
    for year, month, day in ([typed, (*typed[:2], 28)] if typed is not None else []):
        try:
            near = date(year, month, day)
            break
        except ValueError:
            continue
    nearest = sorted(sorted(dates, key=lambda day: (abs((day - near).days), day))[:OFFERED_DATES - 1])
    listed = ", ".join(day.isoformat() for day in nearest)
    return (f"{'…, ' if nearest[0] != dates[0] else ''}{listed}{', …' if nearest[-1] != dates[-1] else ''} "
            f"({len(dates)} tallies in all; the nearest to the date typed are listed)")


def _tally_meant(typed: tuple[int, int, int], dates: Sequence[date]) -> date | None:
    """The tally date most likely meant by the date ``typed`` as ``(year, month, day)``, which is none of ``dates``.

    Of the tallies of the same year and month, the one whose day is nearest
    (2018-04-62 → 2018-04-26; the earlier of two as near); else the one of
    the day with month and day swapped (2018-26-04 → 2018-04-26), or of the
    same month and day in a year of two digits swapped (2081-04-26 or
    0218-04-26 → 2018-04-26, `sitegen.models.swapped_years`); else None.
    """
    year, month, day = typed
    same_month = [other for other in dates if (other.year, other.month) == (year, month)]
    if same_month:
        return min(same_month, key=lambda other: abs(other.day - day))
    years = swapped_years(year)
    return next((other for other in dates if (other.year, other.month, other.day) == (year, day, month)
                 or (other.year in years and (other.month, other.day) == (month, day))), None)
