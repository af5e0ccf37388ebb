"""Integrity rules over figures: tallies that add up, are not empty or repeated, counts of a likely
size, targets, and the figures a page's text gives against the unit's tallies.

Job: the figures' rules (`check_tally_arithmetic`, `check_empty_tallies`,
`check_repeated_tallies`, `check_example_targets`, `check_guide_figures`, `check_count_sizes`,
`check_targets`, `check_text_figures`, `check_tally_notes`, `check_figures_shown`), `quoted_tally` (the tally a
page's text quotes, for `sitegen.checkpageunit`) and the parts
of them `sitegen.checks.check_failed_unit` runs over a unit file that failed
to load.

May import: lazyre, errors, load (record types only), models, placeholders, textfigures, checkcommon, checkscaled
(and the standard library).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Callable, Collection, Mapping, Sequence

from pydantic_core import PydanticCustomError

from .checkcommon import COUNT_LABELS, TALLY_FIGURES, says_checked, says_corrected
from .checkscaled import TextGiven, scaled_tally, scaled_tally_warning
from .errors import Report
from .lazyre import compile_later
from .load import Content, Document, Sourced, YamlData
from .models import (FIGURE_WORDS, TALLY_SUM, UNIT_LEVEL_LABELS, Tally, Target, TargetGroup, Unit, UnitLevel,
                     choice_value, parse_count, publish_time_text, swapped_years)
from .placeholders import (EXAMPLE_MARK, EXAMPLE_TARGET_FIGURES, GUIDE_TALLY_FIGURES, GUIDE_TARGET_FIGURES,
                           unquoted)
from .textfigures import PageFigures, TextFigure, dated_figures, may_name_a_day, one_slip_apart
from .textfigures import page_figures as text_figures


def check_text_figures(document: Document, content: Content, report: Report) -> None:
    """Warn where a page's text gives a figure for a day one slip of the keys from its unit's tally of that day.

    The figures are read by `sitegen.textfigures.dated_figures` from the
    front matter (each line on its own: a summary, a problem) and the body:
    截至4月26日 … 收集问题清单269份 is compared with ``collected`` of the
    tally of 2018-04-26. Only a figure one slip from the tally's is told
    (`sitegen.textfigures.one_slip_apart`: 269 or 286 for 296), and only in a
    text that restates the tally (`_restated_slips`): a text gives other
    figures of the day too, and a village's 13 is one slip from 103. A day the
    unit has no tally of, and a figure the tally leaves out (``batches``),
    are not compared, nor a figure the tally's note says was corrected from
    (`correction_names`: 已解决由149份更正为150份), which a page published before
    the correction quotes, readers seeing the note with the tally's figures.
    The warning is at the text's number, and its hint names the one to
    correct (`_text_figure_hint`). The
    rule is the seed article's: its figures are typed twice, in the text
    and in the unit's record, and residents read both.
    """
    texts = page_figures(document)
    unit = content.units.get(document.meta.unit)
    if not texts or unit is None or not unit.record.tallies:
        return  # most pages: no day named, no figure given
    tallies = {tally.as_of: (index, tally) for index, tally in enumerate(unit.record.tallies)}
    for figure, told in sorted(_restated_slips(texts, tallies), key=lambda found: (found[0].line, found[0].column)):
        index, tally = tallies[figure.day]
        if correction_names(tally, figure.value):
            continue
        right = getattr(tally, figure.field)
        line, _ = unit.yaml.locate(("tallies", index, figure.field))
        message = (f"the text gives {figure.typed} for {COUNT_LABELS[figure.field]} as of {figure.day.isoformat()} "
                   f"({figure.words}), but the tally of that day says {figure.field}: {right}, one slip of the keys "
                   f"from it")
        hint = _text_figure_hint(figure, told, tally, unit.path, line)
        report.warning(document.path, figure.line, figure.column, message, hint)


def correction_names(tally: Tally, value: int) -> bool:
    """Whether ``tally``'s note says its figures were corrected (`sitegen.checkcommon.says_corrected`) and names
    ``value`` (a count) as a number of its own: a figure before or after the correction (已解决由149份更正为150份).
    A page published before the correction quotes the one before; a note that kept the source's figure and
    adds the correction names the one after. Digits are read in full and half width, with or without thousands
    commas (1,296). Raises nothing."""
    if not says_corrected(tally.note):
        return False
    digits = _THOUSANDS.sub("", unicodedata.normalize("NFKC", tally.note or ""))
    return any(int(number) == value for number in _NUMBER.findall(digits))


_THOUSANDS = compile_later(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = compile_later(r"(?<![\d.])\d+(?![\d.])")


QUOTED_FIGURES = 3
"""How many of a tally's figures a text must give for its day, each as the tally has it, to quote the tally
(`quoted_tally`)."""


def quoted_tally(document: Document, unit: Unit) -> Tally | None:
    """The tally of ``unit`` a text of ``document`` quotes figure for figure, or None.

    Takes a loaded page and any unit (its own or another's). A text (a front
    matter line, the body: `page_figures`) quotes a tally when it gives, for the
    tally's day, at least `QUOTED_FIGURES` of its figures and every one it gives
    as the tally has it (截至6月30日，收集问题清单27份，其中5份已提交… for the tally of
    2018-06-30: 27, 5, 17, 5); a figure the tally leaves out (``batches``) is not
    compared. Of several, the latest. Raises nothing.
    """
    if not unit.tallies:
        return None
    tallies = {tally.as_of: tally for tally in unit.tallies}
    quoted = []
    for figures in page_figures(document):
        for day in {figure.day for figure in figures} & set(tallies):
            given = [(figure, getattr(tallies[day], figure.field)) for figure in figures if figure.day == day]
            given = [(figure, right) for figure, right in given if right is not None]
            if (len({figure.field for figure, _ in given}) >= QUOTED_FIGURES
                    and all(figure.value == right for figure, right in given)):
                quoted.append(tallies[day])
    return max(quoted, key=lambda tally: tally.as_of, default=None)


def page_figures(document: Document) -> PageFigures:
    """The figures of each text of a page that gives any (`sitegen.textfigures.page_figures`): those the page
    cache keeps with it (`Document.figures`), else read now."""
    if document.figures is not None:
        return document.figures
    return text_figures(document.front_matter, document.front_matter_line, document.body, document.body_line,
                        document.meta.date.date())


def _text_figure_hint(figure: TextFigure, told: Mapping[str, int], tally: Tally, path: str, line: int) -> str:
    """The hint at a text's ``figure`` one slip from the same figure of ``tally`` (of the unit file ``path``, the
    figure's line there ``line``): which of the two to correct. ``told``: every figure the same text gives for
    that day, by field (the first given of each).

    A tally that adds up (提交区级 + 已解决 + 办理中 = 收集) is taken as right, so the text is the one mistyped,
    unless the text's own four figures of that day add up too: then one of the two was changed to fit (the
    tally's 收集 "corrected" to its wrong sum, or a figure fudged), and the hint says to check both, with the
    text's other figures that differ. "The text is the one mistyped" was said there, and followed, the page
    published 收集 269 over its own 143 + 103 + 50. A tally that does not add up cannot be right, so the tally
    is the one to correct, whatever the text says: when the text's figure makes it add up, with that figure;
    else against the source document (原文), with the text's figure if the source says it too. "If the tally is
    right" was offered for a tally that could not be, and followed, the text was changed to the tally's wrong
    figure. A tally's batches are no part of its sum, which then tells nothing: either may be mistyped, and the
    hint says both.
    """
    right = getattr(tally, figure.field)
    parts = {name: getattr(tally, name) for name in TALLY_SUM}
    if figure.field == "batches":
        return (f"one of the two is mistyped: check both against the source document (原文); if the tally is "
                f"right, type {right} here in place of {figure.typed}; if the text is right, correct "
                f"{figure.field}: {right} to {figure.field}: {figure.value} in {path} (line {line})")
    summed = parts["escalated"] + parts["resolved"] + parts["in_progress"]
    sum_words = (f"提交区级 {parts['escalated']} + 已解决 {parts['resolved']} + 办理中 {parts['in_progress']}")
    if summed == parts["collected"] and all(name in told for name in TALLY_SUM) and \
            told["escalated"] + told["resolved"] + told["in_progress"] == told["collected"]:
        others = [f"{parts[name]} in place of {told[name]} ({FIGURE_WORDS[name][0]})"
                  for name in TALLY_SUM if name != figure.field and told[name] != parts[name]]
        return (f"check both against the source document (原文): the text's figures of that day add up (提交区级 "
                f"{told['escalated']} + 已解决 {told['resolved']} + 办理中 {told['in_progress']} = 收集 "
                f"{told['collected']}), and so do the tally's ({sum_words} = 收集 {parts['collected']}), so one of "
                f"the two was changed to fit; if the text is right, correct the tally's figures in {path} (line "
                f"{line}) to the text's; if the tally is right, type {right} here in place of {figure.typed}"
                + "".join(f", and {other}" for other in others))
    if summed == parts["collected"]:
        return (f"type {right} here in place of {figure.typed}: the tally adds up ({sum_words} = 收集 "
                f"{parts['collected']}), so the text is the one mistyped; if the source document (原文) says "
                f"{figure.typed}, the tally is the one to correct: its figures in {path} (line {line}), so that they "
                "still add up")
    broken = f"it does not add up ({sum_words} = {summed}, but 收集 is {parts['collected']})"
    mended = {**parts, figure.field: figure.value}
    correct = f"correct {figure.field}: {right} to {figure.field}: {figure.value}"
    if mended["escalated"] + mended["resolved"] + mended["in_progress"] == mended["collected"]:
        return (f"the tally is the one mistyped: {broken}, and with the text's {figure.value} it does: {correct} in "
                f"{path} (line {line}); the text may stay as it is")
    return (f"the tally is the one to correct: {broken}, so it cannot be right: check its figures in {path} against "
            f"the source document (原文), so that they add up; if the source says {figure.typed}, as the text does, "
            f"{correct} (line {line}), and the text may stay as it is")


def check_figures_shown(document: Document, content: Content, today: date, report: Report) -> None:
    """Warn at an interview's ``date:`` when it lies before its unit's first tally and its text gives figures.

    Takes a loaded interview, the content, the build's day and the report. An interview shows its unit's figures
    of its day: the tally in force on its date (`sitegen.site.Entry.tally_then`). Dated before the unit's first
    tally, it shows none, and nothing said so: a year typed wrong (2008-05-25 for 2018-05-25) or a day before the
    first tally left "截至5月20日…188份" in the text with no figures panel (…调研数据) under it.

    The rule: warned when the page is no draft, its unit has tallies, every one of them lies after the page's
    day, and its text (a front matter line, the body) gives figures counted to a day (截至…, read as
    `sitegen.textfigures.dated_figures` reads them). A page before its unit's first tally whose text counts
    nothing is not warned: an interview from before counting began (the campaign's launch) rightly shows no
    figures. Nor is a unit with no tally (there is no panel to miss), a draft (not published) or a case study
    (its panel is its related_tally's, warned of by `sitegen.checkrelated.check_related_tally`).

    The hint gives the two fixes, the likelier first: the text gives the figures of a later tally (`_tally_told`),
    so the date is mistyped: the day to write, on or after that tally's, with the date one slip of the year
    away when one fits (`_slipped_year`); else the tally of the text's day is missing: ``sitegen new tally``.
    Raises nothing.
    """
    meta = document.meta
    unit = content.units.get(meta.unit)
    # A tally dated in the future is an error of its own (`sitegen.checks.check_tally_dates`): the page's date was
    # blamed for lying before it ("date: is most likely mistyped … on or after 2028-04-26").
    counted = [tally.as_of for tally in unit.record.tallies if tally.as_of <= today] if unit is not None else []
    if meta.draft or unit is None or not counted:
        return
    day, first = meta.date.date(), min(counted)
    figures = [figure for text in page_figures(document) for figure in text]
    if not figures:
        return
    if day >= first:
        _check_later_figures(document, unit, figures, today, report)
        return
    record = unit.record
    told = next((figure for figure in figures if figure.field == "collected"), figures[0])
    message = (f"the page is published {publish_time_text(meta.date)}, before {record.name}'s first tally "
               f"({first.isoformat()}), so it shows none of {record.name}'s figures: readers find "
               f"\"{told.words}\" in its text with no figures panel ({record.name}调研数据) under it")
    cited = _tally_told(figures, record.tallies)
    new_tally = f"sitegen new tally --unit {record.id} prints one to paste into {unit.path}"
    years = {tally.as_of.year for tally in record.tallies}
    moment = _slipped_year(meta.date, cited.as_of if cited is not None else first, today, years)
    meant = (f" (did you mean {moment.year}? write date: {publish_time_text(moment)})"
             if moment is not None else "")
    if cited is not None:
        hint = (f"its text gives the figures of the tally of {cited.as_of.isoformat()}, so date: is most likely "
                f"mistyped: write the day the page was published, on or after {cited.as_of.isoformat()}{meant}; "
                f"if the date is right, the figures of its own day are missing: add the tally of that day "
                f"({new_tally})")
    else:
        hint = (f"its text gives figures as of {told.day.isoformat()} that no tally of {record.name} has: add that "
                f"tally, as_of: {told.day.isoformat()} with the text's figures ({new_tally}); if date: is mistyped, "
                f"write the day the page was published, on or after {first.isoformat()}{meant}")
    report.warning(document.path, *document.yaml.locate(("date",)), message, hint)


def _check_later_figures(document: Document, unit: Sourced[Unit], figures: Sequence[TextFigure], today: date,
                         report: Report) -> None:
    """Warn at an interview's ``date:`` when its text gives a figure of a tally of its unit dated after the page.

    A day typed without its year is read as the latest one on or before
    the page's date (`sitegen.textfigures`), so a page dated 2018-04-15
    whose text says 截至4月30日…240份 reads 2017-04-30, a day no tally has:
    nothing was compared, and the page showed, under a text quoting the
    figures of 2018-04-30, the panel of the tally of 2018-03-31 as "the
    figures when this was published". Told when a figure of the text has
    the value of a tally of the same month and day, after the page's date
    and in the year of that date or the next (a date typed a month or a
    year early). Raises nothing.
    """
    day = document.meta.date.date()
    for figure in sorted(figures, key=lambda figure: figure.field != "collected"):  # the count readers know first
        for tally in unit.record.tallies:
            if (tally.as_of > day and (figure.day.month, figure.day.day) == (tally.as_of.month, tally.as_of.day)
                    and tally.as_of.year - day.year in (0, 1) and getattr(tally, figure.field, None) == figure.value):
                then = max((earlier.as_of for earlier in unit.record.tallies if earlier.as_of <= day), default=None)
                shown = (f"its figures panel shows the tally of {then.isoformat()} as the figures when it was "
                         "published" if then is not None else "it shows no figures panel")
                name = unit.record.name
                years = {known.as_of.year for known in unit.record.tallies}
                moment = _slipped_year(document.meta.date, tally.as_of, today, years)
                meant = (f" (did you mean {moment.year}? write date: {publish_time_text(moment)})"
                         if moment is not None else "")
                report.warning(
                    document.path, *document.yaml.locate(("date",)),
                    f"the page is published {publish_time_text(document.meta.date)}, but its text gives "
                    f"\"{figure.words}\" (line {figure.line}), the figure of {name}'s tally of "
                    f"{tally.as_of.isoformat()}, a later day: {shown}",
                    f"date: is most likely mistyped: write the day the page was published, on or after "
                    f"{tally.as_of.isoformat()}{meant}; if the date is right, the text's day or figure is the one "
                    "to check against the source document (原文)")
                return


def _tally_told(figures: Sequence[TextFigure], tallies: Sequence[Tally]) -> Tally | None:
    """The tally whose figures ``figures`` (a page's, `sitegen.textfigures.dated_figures`) give, whatever day the
    text names (a year typed wrong in the page's date reads 截至5月20日 in that year): the one with the most of them
    equal to its own, the earliest of equals; None when none is."""
    matched = [(sum(getattr(tally, figure.field) == figure.value for figure in figures), tally) for tally in tallies]
    best = max((count for count, _ in matched), default=0)
    return min((tally for count, tally in matched if count == best), key=lambda tally: tally.as_of) if best else None


def _slipped_year(moment: datetime, after: date, today: date, years: Collection[int]) -> datetime | None:
    """``moment`` with its year changed by one slip of the keyboard (one digit typed for another, two swapped:
    2008 for 2018) into one of ``years`` (the unit's tallies'), so that its day lies on or after ``after`` and not
    after ``today``, when exactly one such year does; else None. A page of the tallies' own year is not offered
    another (2019-04-20 for 2018-04-20, a day typed early, not a year typed wrong)."""
    year = f"{moment.year:04d}"
    slips = swapped_years(moment.year) | {int(year[:place] + digit + year[place + 1:])
                                          for place in range(4) for digit in "0123456789"}
    fitting = []
    for other in sorted((slips & set(years)) - {moment.year}):
        try:
            moved = moment.replace(year=other)
        except ValueError:  # 29 February in a year without it
            continue
        if after <= moved.date() <= today:
            fitting.append(moved)
    return fitting[0] if len(fitting) == 1 else None


RESTATED_FIGURES = 2
"""How many other figures of the tally a text must give exactly, for the day, before a figure one slip from the
tally's is taken for a slip (`check_text_figures`)."""


def _restated_slips(texts: Sequence[Sequence[TextFigure]],
                    tallies: Mapping[date, tuple[int, Tally]]) -> list[tuple[TextFigure, dict[str, int]]]:
    """The figures of ``texts`` (each a text's `TextFigure` s) that are slips of the tally of their day, each with
    every figure its text gives for that day (``{field: value}``, the first given of each).

    A text gives many figures beside its tally's (a village's, a month's, another town's, another count), and a
    part is often one slip from the whole (13 of 103). So a figure is taken for a slip only in a text that restates
    the tally: one that gives, for that day, at least `RESTATED_FIGURES` of the tally's other figures exactly,
    and none of this state equal to the tally's; and only when it is one slip of the keys from the tally's.
    """
    slips = []
    for figures in texts:
        for day in {figure.day for figure in figures} & set(tallies):
            tally = tallies[day][1]
            of_day = [figure for figure in figures if figure.day == day]
            exact = {figure.field for figure in of_day if getattr(tally, figure.field) == figure.value}
            told: dict[str, int] = {}
            for figure in of_day:
                told.setdefault(figure.field, figure.value)
            slips += [(figure, told) for figure in of_day if figure.field not in exact
                      and len(exact - {figure.field}) >= RESTATED_FIGURES
                      and getattr(tally, figure.field) is not None
                      and one_slip_apart(figure.value, getattr(tally, figure.field))]
    return slips


LastBuilt = Callable[[], tuple[str, Mapping[tuple[str, str], Mapping[str, object]]]]
"""What the last build into the published output folder published of the tallies, read when first asked for:
``(that folder as the editor knows it, {(unit id, as_of): {figure: value}})`` (`sitegen.checkcorrections.
PublishedTallies`)."""


def check_tally_arithmetic(unit: Sourced[Unit], report: Report, content: Content | None = None,
                           last_built: LastBuilt | None = None) -> None:
    """Error when escalated + resolved + in progress ≠ collected, showing the sums.

    Every issue list collected is in exactly one of the three states, so the
    three must add up to the collected count (the seed article: 143 + 103 +
    50 = 296).

    The error's span covers the lines of the four figures: any of them may be
    the one typed wrong. It is at ``collected``, unless the texts that give the
    tally's figures single one out (`_figures_told`: the tally's note, and the
    text of each page of the unit in ``content``): then it is at that figure,
    and the hint gives the figure to write. At ``collected``, an editor
    "corrected" 收集 296 to the sum of a mistyped 办理中 51, and the pages' 296
    and 50, both right, were then told to be the slips. The tally as the last build published it
    (``last_built``), when it added up, counts as one more text: a published tally whose one figure was
    changed and no longer adds up is told at that figure, with the value the site showed.
    """
    tallies = list(enumerate(unit.record.tallies))
    if all(tally.escalated + tally.resolved + tally.in_progress == tally.collected for _, tally in tallies):
        return  # the texts are read only for a tally that does not add up
    told = _figures_told(unit, content)
    if last_built is not None:
        told = _with_last_built(unit, told, *last_built())
    tally_arithmetic(unit.path, unit.yaml, tallies, report, told)


def _with_last_built(unit: Sourced[Unit], told: Mapping[date, Sequence[tuple[TextFigure, str]]], folder: str,
                     rows: Mapping[tuple[str, str], Mapping[str, object]]) -> dict[date, list[tuple[TextFigure, str]]]:
    """``told`` (`_figures_told`) with, for each tally of ``unit`` the last build published (``rows``, from its
    output ``folder``) adding up, each of its four figures that differs now, said by "the site as last built into
    output/". In_progress 26 typed as 25 after a build was told at collected, with no figure to write."""
    merged = {day: list(figures) for day, figures in told.items()}
    for tally in unit.record.tallies:
        before = rows.get((unit.record.id, tally.as_of.isoformat()))
        shown = [before.get(name) for name in TALLY_SUM] if before is not None else []
        if not shown or not all(isinstance(value, int) for value in shown):
            continue
        collected, escalated, resolved, in_progress = shown
        if escalated + resolved + in_progress != collected:
            continue  # a tally published not adding up is no measure
        for name, value in zip(TALLY_SUM, shown):
            if value != getattr(tally, name):
                merged.setdefault(tally.as_of, []).append(
                    (TextFigure(name, value, str(value), tally.as_of, "", 0, 0),
                     f"the site as last built into {folder}"))
    return merged


def tally_arithmetic(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report,
                     told: Mapping[date, Sequence[tuple[TextFigure, str]]] | None = None) -> None:
    """`check_tally_arithmetic` over ``(index in the file's tallies list, tally)`` pairs, with the figures the
    texts give for each day (``told``, `_figures_told`; none when not given)."""
    for index, tally in tallies:
        _tally_sum(path, yaml, index, f"tally of {tally.as_of.isoformat()}",
                   (tally.collected, tally.escalated, tally.resolved, tally.in_progress), report,
                   (told or {}).get(tally.as_of, ()))


def _figures_told(unit: Sourced[Unit], content: Content | None) -> dict[date, list[tuple[TextFigure, str]]]:
    """The figures texts give for the days of the unit's tallies, each with where it is said: ``{day: [(figure,
    "the tally's note (line 17)" or "content/interviews/x.md:45")]}``.

    The texts are the note of each tally (the editor's own record of where the figures come from, read with the
    tally's day for a day typed without its year), and, with ``content``, each text of each page of the unit
    (`_unit_pages`). Days no tally has are left out.
    """
    days = {tally.as_of for tally in unit.record.tallies}
    told: dict[date, list[tuple[TextFigure, str]]] = defaultdict(list)
    for index, tally in enumerate(unit.record.tallies):
        if tally.note:
            line = unit.yaml.locate(("tallies", index, "note"))[0]
            for figure in _note_figures(tally, line):
                told[figure.day].append((figure, f"the tally's note (line {line})"))
    filed = [] if content is None else [page for page in content.interviews + content.cases
                                        if page.meta.unit == unit.record.id]
    for page in _unit_pages(filed):
        for figure in page.figures:
            told[figure.day].append((figure, f"{page.name}:{figure.line}"))
    return {day: found for day, found in told.items() if day in days}


def _unit_pages(pages: Sequence[Document]) -> list[TextGiven]:
    """The figures each of ``pages`` (a unit's interviews and case studies) gives (`page_figures`, every text of
    it), one `sitegen.checkscaled.TextGiven` a page, in their order."""
    return [TextGiven(page.path, page.path, False, tuple(figure for figures in page_figures(page)
                                                         for figure in figures))
            for page in pages]


def pages_by_unit(content: Content) -> dict[str, list[Document]]:
    """The interviews and case studies of ``content`` by the unit id their ``unit:`` names, each list in the
    order loaded: one pass over the pages for every unit's rules, not one a unit (200 units and 10,000 pages
    made two million comparisons a build)."""
    filed: dict[str, list[Document]] = defaultdict(list)
    for page in content.interviews + content.cases:
        filed[page.meta.unit].append(page)
    return filed


def check_tally_notes(unit: Sourced[Unit], report: Report, pages: Sequence[Document] = ()) -> set[tuple[int, str]]:
    """Warn where a tally's note gives a figure of the tally's own day that its figures do not; once for a tally
    whose figures are all ten times (or a tenth of, …) those its note and pages give.

    The unit's page shows each tally's note under its row, and the open data carries it beside the figures
    (``tallies.csv``): a note saying 收集问题清单296份 over ``collected: 297`` gives residents two answers. It
    happens when a tally is corrected and its note, copied from the source, is not, or the other way round,
    and nothing told it, though a page's text that differs by a slip is told (`check_text_figures`). The note
    is read as a page's text is (`sitegen.textfigures.dated_figures`: 截至4月26日 … 296份, a day typed without
    its year read with the tally's), and every figure it gives for the tally's own day is compared, not only
    one a slip away: a note is the record of that tally alone, so any other figure of that day contradicts
    it. A tally that does not add up is left to `check_tally_arithmetic`, which reads the note already. A note
    that says the figures were corrected and names the tally's (the source's 103份已解决 kept, then
    更正：已解决由103份更正为104份) is in order (`_note_agrees`).

    A tally typed with a 0 too many in every figure (2960, 1430, 1030, 500 for 296, 143, 103, 50) is one slip,
    not four: when its note, or ``pages`` (the interviews and case studies filed under the unit,
    `pages_by_unit`), give its figures so
    (`sitegen.checkscaled.scaled_tally`), it is warned once at the tally, and its figures not one by one.
    Returns the figures so told, as ``(index in the tallies list, figure)``, for
    `sitegen.checktenfold.check_tenfold_counts` to leave out. Raises nothing.
    """
    texts = _unit_pages(pages)
    told: set[tuple[int, str]] = set()
    for index, tally in enumerate(unit.record.tallies):
        if tally.escalated + tally.resolved + tally.in_progress != tally.collected:
            continue
        # Read as at line 0 first: where the note stands needs every position of the unit's file found
        # (0.5 ms a unit, at every build), and only a warning needs it.
        note = _note_figures(tally, 0) if tally.note and may_name_a_day(tally.note) else []
        if scaled_tally(tally, [TextGiven("its note", "the note", True, tuple(note)), *texts]) is None and all(
                _note_agrees(tally, field, figure) for field, figure in _note_firsts(tally, note).items()):
            continue
        line, column = unit.yaml.locate(("tallies", index, "note"))
        note = _note_figures(tally, line) if note else []
        scaled = scaled_tally(tally, [TextGiven("its note", "the note", True, tuple(note)), *texts])
        if scaled is not None:
            scaled_tally_warning(unit.path, unit.yaml, index, scaled, report)
            told |= {(index, name) for name in scaled.given}
            continue
        _note_slips(unit, index, note, (line, column), report)
    return told


def _note_slips(unit: Sourced[Unit], index: int, note: Sequence[TextFigure], at: tuple[int, int],
                report: Report) -> None:
    """The warnings of `check_tally_notes` for the tally at ``index``, one for each figure its note (``note``,
    its figures, the note's value starting at line and column ``at``) gives for its day otherwise."""
    tally = unit.record.tallies[index]
    line, column = at
    for field, figure in _note_firsts(tally, note).items():
        right = getattr(tally, field)
        if _note_agrees(tally, field, figure):
            continue
        field_line, _ = unit.yaml.locate(("tallies", index, field))
        report.warning(
            unit.path, line, _column_in_line(unit.yaml.text, line, column, figure),
            f"the tally's note gives {figure.typed} for {COUNT_LABELS[field]} as of {tally.as_of.isoformat()} "
            f"({figure.words}), but the tally says {field}: {right}; the unit's page and the open data show both",
            f"check both against the source document (原文): if the tally is right, type {right} in the note in "
            f"place of {figure.typed} (a correction can say so in the note: 更正); if the note is right, correct "
            f"{field}: {right} to {field}: {figure.value} (line {field_line})"
            + (", so that the four figures still add up" if field != "batches" else ""))


def _note_agrees(tally: Tally, field: str, figure: TextFigure) -> bool:
    """Whether the figure a tally's note gives for ``field`` is the tally's, or one the note says was corrected to
    the tally's (the source's 103份已解决 kept, then 更正：已解决由103份更正为104份: `correction_names`)."""
    right = getattr(tally, field)
    return figure.value == right or correction_names(tally, right)


def _note_firsts(tally: Tally, note: Sequence[TextFigure]) -> dict[str, TextFigure]:
    """The first figure ``note`` (a tally's note's figures) gives for each of the tally's figures on its day,
    by name: the one `_note_slips` compares."""
    firsts: dict[str, TextFigure] = {}
    for figure in note:
        if figure.day == tally.as_of and getattr(tally, figure.field) is not None:
            firsts.setdefault(figure.field, figure)
    return firsts


def _note_figures(tally: Tally, line: int) -> list[TextFigure]:
    """The figures a tally's note gives for the days it names (`sitegen.textfigures.dated_figures`), read as one
    line (a note typed over lines joined) starting at file line ``line``, a day without its year read with the
    tally's ``as_of``."""
    return dated_figures([(line, " ".join((tally.note or "").split()))], tally.as_of)


def _column_in_line(text: str, line: int, column: int, figure: TextFigure) -> int:
    """The column of ``figure``'s number in file line ``line`` of the YAML ``text``, looked for from ``column``
    (where the value starts), or ``column`` when the line does not hold its words as read (a note typed over
    lines, or with its words broken)."""
    lines = text.split("\n")
    typed = lines[line - 1] if 0 < line <= len(lines) else ""
    at = typed.find(figure.words, max(column - 1, 0))
    return at + figure.words.index(figure.typed) + 1 if at >= 0 and figure.typed in figure.words else column


def _tally_sum(path: str, yaml: YamlData, index: int, name: str, figures: tuple[int, int, int, int],
               report: Report, told: Sequence[tuple[TextFigure, str]] = ()) -> None:
    """The error of `check_tally_arithmetic` for the tally at ``index`` of the file's list, called ``name`` in
    the message, when its ``figures`` (collected, escalated, resolved, in progress) do not add up.

    ``told``: the figures texts give for its day, with where (`_figures_told`). When those that would make the
    tally add up all name one figure and one value, the error is at that figure, with that value in its hint; a
    value they give otherwise is not offered as the one slip from making the four add up (`_one_slip_mends`).
    """
    collected, escalated, resolved, in_progress = figures
    total = escalated + resolved + in_progress
    if total == collected:
        return
    parts = dict(zip(("collected", "escalated", "resolved", "in_progress"), figures))
    mending: dict[tuple[str, int], list[str]] = defaultdict(list)
    for figure, where in told:
        if figure.field in parts and figure.value != parts[figure.field]:
            mended = {**parts, figure.field: figure.value}
            if mended["escalated"] + mended["resolved"] + mended["in_progress"] == mended["collected"]:
                mending[(figure.field, figure.value)].append(where)
    lines = [yaml.locate(("tallies", index, field))[0] for field in TALLY_SUM]
    message = (f"{name} does not add up: escalated {escalated} + resolved {resolved} + in progress {in_progress} = "
               f"{total}, but collected is {collected}")
    if len(mending) != 1:
        # A value the texts give otherwise is not offered: in_progress 50 beside 2960, 1430 and 1030 typed for
        # 296, 143 and 103 was offered as 500, away from the note and the pages, which all say 50.
        slips = [(field, value) for field, value in _one_slip_mends(parts)
                 if not any(figure.field == field and figure.value != value for figure, _ in told)]
        if len(mending) > 1 or len(slips) != 1:
            line, column = yaml.locate(("tallies", index, "collected"))
            report.error(path, line, column, message,
                         "check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集",
                         span=(min(lines), max(lines)))
            return
        [(field, value)] = slips
        line, column = yaml.locate(("tallies", index, field))
        report.error(path, line, column, message,
                     f"{field}: {parts[field]} is likely the one mistyped, {value} {_slip_words(parts[field], value)}: "
                     f"with {value} the four add up, and no other figure is one slip from making them add up; if the "
                     f"source document (原文) says {value}, correct it to {field}: {value}",
                     span=(min(lines), max(lines)))
        return
    (field, value), places = next(iter(mending.items()))
    line, column = yaml.locate(("tallies", index, field))
    places = list(dict.fromkeys(places))
    said = (f"{', '.join(places[:2])} and {len(places) - 2} more" if len(places) > 2 else " and ".join(places))
    give = "gives" if len(places) == 1 else "give"
    report.error(path, line, column, message,
                 f"{field}: {parts[field]} is likely the one mistyped: {said} {give} {value} for {COUNT_LABELS[field]} "
                 f"that day, and with {value} the four add up; if the source document (原文) says {value} too, correct "
                 f"it to {field}: {value}", span=(min(lines), max(lines)))


def _one_slip_mends(parts: Mapping[str, int]) -> list[tuple[str, int]]:
    """``(figure, value)`` for each of a tally's four figures (``parts``: collected, escalated, resolved,
    in_progress) whose value that makes the four add up is one slip of the keys from it (`one_slip_apart`: 34
    for 340, 134 for 143)."""
    total = parts["escalated"] + parts["resolved"] + parts["in_progress"]
    mends = [("collected", total)] + [(field, parts["collected"] - (total - parts[field]))
                                      for field in ("escalated", "resolved", "in_progress")]
    return [(field, value) for field, value in mends if value >= 0 and one_slip_apart(parts[field], value)]


def _slip_words(typed: int, meant: int) -> str:
    """How ``typed`` is ``meant`` typed with one slip of the keys (`one_slip_apart`), in an editor's words."""
    if len(str(typed)) < len(str(meant)):
        return "with a digit left out (少打了一位数)"
    if len(str(typed)) > len(str(meant)):
        return "with a digit too many (多打了一位数)"
    if sorted(str(typed)) == sorted(str(meant)):
        return "with two digits swapped (两位数字颠倒)"
    return "with one digit mistyped (打错了一位数)"


def unsure_tally_sums(path: str, yaml: YamlData, items: object, valid: set[int], report: Report) -> None:
    """`check_tally_arithmetic` for the tallies of a unit file that are not valid (``valid``: the indexes of
    those that are) but whose four figures are counts: a mistyped date or note hid the sum until it was
    mended, and then it was told, a second round. The tally is named by its place and its as_of as typed."""
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if index in valid or not isinstance(item, dict):
            continue
        try:
            figures = tuple(parse_count(item.get(figure)) for figure in TALLY_SUM)
        except PydanticCustomError:
            continue
        typed = item.get("as_of")
        name = f"tally {index + 1}" + (f' (as_of: {typed})' if isinstance(typed, (str, date)) and str(typed) else "")
        _tally_sum(path, yaml, index, name, figures, report)  # type: ignore[arg-type]


def check_empty_tallies(unit: Sourced[Unit], report: Report) -> None:
    """Warn at the ``collected`` of each tally that counts no issue list (collected 0).

    The unit's page and the open data would publish it as the latest figures
    (共收集问题清单0份). It is most often the zeros ``sitegen new`` writes:
    the example tally of a new unit taken into use without its note line,
    which says it is an example, or the first tally ``sitegen new tally``
    prints for a unit, pasted as it is. Zero can be true on a campaign's
    first day, so this is a warning, not an error, and a tally with a note
    (where the figures come from, as the hint asks) is taken as meant; the
    example's note is an error of `sitegen.checktexts.check_placeholders` already. Zeros that
    do not add up are `check_tally_arithmetic`'s.
    """
    empty_tallies(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report)


def empty_tallies(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report) -> None:
    """`check_empty_tallies` over ``(index in the file's tallies list, tally)`` pairs."""
    for index, tally in tallies:
        if tally.collected != 0 or tally.escalated + tally.resolved + tally.in_progress != 0 or tally.note:
            continue
        line, column = yaml.locate(("tallies", index, "collected"))
        report.warning(path, line, column,
                       f"tally of {tally.as_of.isoformat()} counts no issue list (collected: 0), and the unit's "
                       "page would publish it: 共收集问题清单0份",
                       "write the figures as counted, with a note: saying where they come from (a note also says "
                       "that zeros are meant); if there are none yet and these are the zeros sitegen new writes, "
                       'leave the tally out until there are: delete its lines, or put "# " back at their start, and '
                       'write "tallies: []" if it was the only one')


def check_repeated_tallies(unit: Sourced[Unit], report: Report) -> None:
    """Warn at the ``as_of`` of each tally without a note whose every figure is that of the tally before it.

    ``sitegen new tally`` prints a tally dated today with the latest tally's
    figures, for the editor to change those that changed; pasted and never
    edited, it is published as the figures of a new day. Every figure is
    compared: batches (None, not given, equals only None), collected,
    escalated, resolved and in progress. A unit whose figures did not move
    is possible, so this is a warning, and a note (saying so, as the hint
    asks) is taken as meant, as for `check_empty_tallies`; the note ``sitegen
    new tally`` prints is commented out. Tallies on one date or out of order
    are `sitegen.checkdates.check_tally_order`'s errors. Raises nothing.
    """
    repeated_tallies(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report)


def repeated_tallies(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report) -> None:
    """`check_repeated_tallies` over ``(index in the file's tallies list, tally)`` pairs, each after the one before."""
    for (_, before), (index, after) in zip(tallies, tallies[1:]):
        if after.note or after.as_of <= before.as_of or any(
                getattr(after, name) != getattr(before, name) for name in TALLY_FIGURES):
            continue
        figures = ", ".join(f"{name.replace('_', ' ')} {getattr(after, name)}" for name in TALLY_FIGURES
                            if getattr(after, name) is not None)
        report.warning(path, *yaml.locate(("tallies", index, "as_of")),
                       f"tally of {after.as_of.isoformat()} repeats every figure of the tally of "
                       f"{before.as_of.isoformat()} unchanged ({figures}), so the unit's page would publish them as "
                       f"the figures counted on {after.as_of.isoformat()}",
                       f"write the figures as counted on {after.as_of.isoformat()} (sitegen new tally prints the "
                       "latest tally's figures, to be changed where they changed); if nothing changed, say so in "
                       "note:, e.g. note: 与上次统计相比没有变化")


def check_example_targets(unit: Sourced[Unit], report: Report) -> None:
    """Warn at each target without a note whose figures are those of the example target ``sitegen new unit``
    writes (`sitegen.placeholders.EXAMPLE_TARGET_FIGURES`: residents, 80%, 50% reached, measured in the year
    whose last day is the deadline).

    The example is written commented out, with a note saying it is one (an error while it stays). Taken
    into use with that note deleted, nothing else tells it from a real target, and the unit's page and the
    open data would publish an invented target and progress. A real target may be the same, so this is a
    warning, and a note saying where the target comes from (as the hint asks) is taken as meant, as for
    `check_empty_tallies`. Raises nothing.
    """
    example_targets(unit.path, unit.yaml, list(enumerate(unit.record.targets)), report)


def example_targets(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], report: Report) -> None:
    """`check_example_targets` over ``(index in the file's targets list, target)`` pairs."""
    group, target, measured = EXAMPLE_TARGET_FIGURES
    for index, item in targets:
        if (item.note or item.group.value != group or item.target != target or item.measured != measured
                or item.measured_as_of is None or item.deadline != date(item.measured_as_of.year, 12, 31)):
            continue
        line, column = yaml.locate(("targets", index))
        report.warning(path, line, column,
                       f"this target (group: {group}, target: {target}, deadline: {item.deadline.isoformat()}, "
                       f"measured: {measured}) has the example figures that sitegen new writes and no note, so the "
                       "unit's page would publish them as the unit's target (覆盖目标) and progress",
                       "write the unit's real target and the share reached, with a note: saying where they come "
                       "from (a note also says that these figures are meant); if the unit has no target yet, "
                       'delete the example\'s lines, or put "# " back at their start, and write "targets: []" if it '
                       "was the only one")


def check_guide_figures(unit: Sourced[Unit], report: Report) -> None:
    """Warn at each tally and target of ``unit`` that holds the figures of the examples the editors' guide
    shows to paste (`sitegen.placeholders.GUIDE_TALLY_FIGURES`, `GUIDE_TARGET_FIGURES`).

    The guide marks its examples with notes that start with 示例, and such a note is warned of
    (`sitegen.checktexts.check_example_texts`). An editor who deleted that note, or wrote their own in its
    place, left the guide's invented figures unmarked: the unit's page, the totals and the open data
    published them as the unit's. Told: a tally of collected 310 = 150 escalated + 120 resolved + 40 in
    progress, whatever its batches (optional: deleted or changed alone, the four counts are still the
    guide's); a target measured 45.5% on 2018-06-30, whatever its group; a farmers' target of 90% due
    2018-12-31 and not measured (its optional lines deleted), unless a note of the editor's own says it is
    meant. Not told while the note still starts with 示例. A warning: a real tally or target may hold them.
    Raises nothing.
    """
    record = unit.record
    _, *counts = GUIDE_TALLY_FIGURES
    for index, tally in enumerate(record.tallies):
        if [tally.collected, tally.escalated, tally.resolved, tally.in_progress] == counts and not _marked(tally.note):
            report.warning(unit.path, *unit.yaml.locate(("tallies", index)),
                           f"this tally of {tally.as_of.isoformat()} has the figures of the example tally in the "
                           f"editors' guide ({counts[0]} = {counts[1]} + {counts[2]} + {counts[3]}): "
                           f"{record.name}'s page, the totals and the open data would publish them as "
                           f"{record.name}'s",
                           f"write the figures {record.name} counted on {tally.as_of.isoformat()} (as_of, 截至日期), "
                           "from its own records, with where they come from in note:")
    group, target, measured, deadline, measured_as_of = GUIDE_TARGET_FIGURES
    for index, item in enumerate(record.targets):
        as_of = item.measured_as_of.isoformat() if item.measured_as_of else None
        due = item.deadline.isoformat() if item.deadline else None
        if _marked(item.note) or not ((item.measured, as_of) == (measured, measured_as_of) or (
                (item.group.value, item.target, due, item.measured, item.note) == (group, target, deadline, None, ""))):
            continue
        shown = f"group: {item.group.value}, target: {item.target:g}" + (
            f", measured: {item.measured:g} on {as_of}" if item.measured is not None else f", deadline: {due}")
        report.warning(unit.path, *unit.yaml.locate(("targets", index)),
                       f"this target ({shown}) has the figures of the example target in the editors' guide: "
                       f"{record.name}'s page and the open data would publish them as {record.name}'s target "
                       "(覆盖目标) and progress",
                       f"write {record.name}'s own target and the share reached, with a note: saying where they "
                       "come from")


def _marked(note: str) -> bool:
    """Whether a note still starts with 示例 (example), as the guide's examples do: warned of already
    (`sitegen.checktexts.check_example_texts`, which reads it the same way)."""
    return unquoted(note).startswith(EXAMPLE_MARK)


def check_count_sizes(content: Content, report: Report) -> None:
    """Warn at each count of a tally so large that it is most likely mistyped: digits typed twice, a key held down.

    Takes the content and the report; raises nothing. A count (batches, collected, escalated, resolved, in
    progress) is told, for the first of these that holds (`_size_slip`):

    - it holds one digit other than 0 four times or more in a row and has five digits or more (2966666);
    - it is `_FAR_LARGER` times or more the same count of the unit's tally before it, that one being
      `_COMPARED_FROM` or more (296, then 29600: the figure grows, but not a hundredfold between two tallies);
    - it is `_FAR_LARGER` times or more the largest same count of every other unit of its level (a town's
      29600 beside other towns' 300 at most), that one being `_COMPARED_FROM` or more;
    - it is `_MOST_COUNTED` or more (a district's, `_MOST_COUNTED_DISTRICT`: its figures hold its towns').

    A count past what the open data keeps exactly is an error already (`sitegen.models.LARGEST_COUNT`);
    these are below it. The rule comes from a slip of a few extra digits: nothing told it, and it went
    into the totals of the home page and the district's figures. A true count may be as large, so this is a
    warning, and a note with a word saying the figures were checked (`sitegen.checkcommon.says_checked`, 核实)
    stands for it, as 更正 does for a count that falls (`sitegen.checkdates.check_tally_order`).
    """
    largest: dict[tuple[UnitLevel, str], list[tuple[int, str, str]]] = defaultdict(list)
    for unit in content.units.values():
        for name in TALLY_FIGURES:
            given = [getattr(tally, name) for tally in unit.record.tallies if getattr(tally, name) is not None]
            if given:
                largest[unit.record.level, name].append((max(given), unit.record.name, unit.path))
    for unit in content.units.values():
        others = {name: max(((value, name_of) for value, name_of, path in largest[unit.record.level, name]
                             if path != unit.path), default=None) for name in TALLY_FIGURES}
        count_sizes(unit.path, unit.yaml, unit.record.level, list(enumerate(unit.record.tallies)), others, report)


def count_sizes(path: str, yaml: YamlData, level: UnitLevel | None, tallies: Sequence[tuple[int, Tally]],
                 others: Mapping[str, tuple[int, str] | None], report: Report) -> None:
    """`check_count_sizes` over ``(index in the file's tallies list, tally)`` pairs of a unit of ``level`` (None
    when it cannot be read: a district's limit is taken, the larger), with ``others``: for each count, the
    largest of the other units of the level and its unit's name (None when there is none)."""
    before: dict[str, Tally] = {}  # per count, the latest tally so far that gives it
    for index, tally in tallies:
        for name in TALLY_FIGURES:
            value = getattr(tally, name)
            if value is None:
                continue
            slip = _size_slip(value, name, before.get(name), others.get(name), level)
            before[name] = tally
            if slip is None or says_checked(tally.note):
                continue
            report.warning(path, *yaml.locate(("tallies", index, name)),
                           f"{COUNT_LABELS[name]} {value} in the tally of {tally.as_of.isoformat()} {slip}: most "
                           "likely mistyped, and the unit's page, the totals of the home page and the open data "
                           "would publish it",
                           "check the figure against the source and type it as counted; if it is right, say so in "
                           "the tally's note with the word 核实 (verified), e.g. note: 数字已核实: the note then "
                           "stands for this warning")


def _size_slip(value: int, name: str, before: Tally | None, other: tuple[int, str] | None,
               level: UnitLevel | None) -> str | None:
    """What makes ``value`` (the count ``name`` of a tally) look mistyped, in words for the message, or None.

    Takes the unit's tally before it that gives the count, the largest same count of the other units of the
    level with its unit's name, and the level. The rules are `check_count_sizes`'s, in its order.
    """
    if value >= 10_000 and (run := _HELD_KEY_RE.search(str(value))):
        return f"holds {run.group()}, one digit typed {len(run.group())} times in a row"
    if before is not None and (old := getattr(before, name)) >= _COMPARED_FROM and value >= _FAR_LARGER * old:
        return f"is {value // old} times its {old} of {before.as_of.isoformat()}"
    kind = f"{level.value} ({UNIT_LEVEL_LABELS[level.value]})" if level else "unit"
    if other is not None and other[0] >= _COMPARED_FROM and value >= _FAR_LARGER * other[0]:
        return f"is {value // other[0]} times the most any other {kind} counts, {other[0]} of {other[1]}"
    most = _MOST_COUNTED if level not in (None, UnitLevel.district) else _MOST_COUNTED_DISTRICT
    if value >= most:
        return f"is {most} ({_MOST_WORDS[most]}) or more, far more than one {kind} counts"
    return None


_FAR_LARGER = 100
"""A count this many times the one it is compared with (`check_count_sizes`) is two digits longer: typed twice."""
_COMPARED_FROM = 100
"""A count is compared with another only when that one is this or more: a campaign's first tally may count 3 lists,
and the next 300."""
_MOST_COUNTED = 100_000
"""A count of one unit below a district (a town, a subdistrict, a committee …) that is this or more is told: the
seed article's town counted 296 issue lists in 318 survey batches, and a district's total runs to tens of
thousands."""
_MOST_COUNTED_DISTRICT = 1_000_000
"""`_MOST_COUNTED` for a district, whose figures hold those of its towns."""
_MOST_WORDS = {_MOST_COUNTED: "十万", _MOST_COUNTED_DISTRICT: "一百万"}
_HELD_KEY_RE = compile_later(r"([1-9])\1{3,}")
"""A digit other than 0 four times or more in a row, as a key held down types it (0000 ends round figures)."""


def check_targets(unit: Sourced[Unit], report: Report) -> None:
    """A target's measured value needs its date, its date a measured value, and one group has one target.

    A target or measured value above 0 and up to 1 typed without "%" is a
    warning: it is most likely a share (0.8 for 80%, 1.0 for all), and would
    be shown as 0.8%. A target of 0 is a warning too: a goal every unit meets
    already is most likely a placeholder (a measured 0 is not: nothing
    reached yet).
    """
    target_values(unit.path, unit.yaml, list(enumerate(unit.record.targets)), report)
    target_groups(unit.path, unit.yaml, [(index, target.group) for index, target in enumerate(unit.record.targets)],
                   report)


def target_groups(path: str, yaml: YamlData, grouped: Sequence[tuple[int, TargetGroup]], report: Report) -> None:
    """Error at each target whose group an earlier target has, of ``(index in the targets list, group)`` pairs."""
    seen: dict[TargetGroup, int] = {}
    for index, group in grouped:
        if group in seen:
            line, column = yaml.locate(("targets", index, "group"))
            first = seen[group]
            report.error(path, line, column,
                         f'two targets for the group "{group.value}" (the first is target {first + 1}, '
                         f'line {yaml.locate(("targets", first, "group"))[0]})', "keep one target per group")
        seen.setdefault(group, index)


def readable_groups(items: object) -> list[tuple[int, TargetGroup]]:
    """``(index, group)`` of each item of a targets list whose ``group`` is one, its other fields aside."""
    if not isinstance(items, list):
        return []
    grouped = []
    for index, item in enumerate(items):
        try:
            typed = item.get("group") if isinstance(item, dict) else None
            grouped.append((index, TargetGroup(choice_value(TargetGroup, typed))))
        except ValueError:
            continue
    return grouped


def target_values(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], report: Report) -> None:
    """`check_targets` over ``(index in the file's targets list, target)`` pairs, but for the groups."""
    typed_targets = yaml.value.get("targets") if isinstance(yaml.value, dict) else None
    for index, target in targets:
        typed = typed_targets[index] if isinstance(typed_targets, list) and index < len(typed_targets) else {}
        for field in ("target", "measured"):
            value, text = getattr(target, field), (typed.get(field) if isinstance(typed, dict) else None)
            if value is not None and 0 < value <= 1 and isinstance(text, str) and "%" not in text \
                    and "％" not in text:
                line, column = yaml.locate(("targets", index, field))
                meant = format(Decimal(repr(value)) * 100, "f").rstrip("0").rstrip(".")
                # A whole 1 (not 1.0) is as likely 1% as "all": the figure as typed is offered first.
                as_typed, as_share = (f"if {text}% is right, write {text}%",
                                      f"if you meant {meant}%, write {meant} (percent, from 0 to 100)")
                report.warning(path, line, column, f"{field}: {text} is read as {text}%",
                               f"{as_typed}; {as_share}" if text.strip() == "1" else f"{as_share}; {as_typed}")
        if target.target == 0:
            line, column = yaml.locate(("targets", index, "target"))
            report.warning(path, line, column,
                           "target: 0 sets a goal of 0%, which is met before any work is done",
                           "write the share to reach, in percent (e.g. 80 for 80%), or remove this target "
                           "until it is known")
        if target.measured is not None and target.measured_as_of is None:
            line, column = yaml.locate(("targets", index, "measured"))
            report.error(path, line, column, "a measured value needs the date it was measured",
                         "add measured_as_of: YYYY-MM-DD below it")
        if target.measured_as_of is not None and target.measured is None:
            # Published as "暂无实测数据" beside the date of a measurement: the table and targets.csv contradicted it.
            line, column = yaml.locate(("targets", index, "measured_as_of"))
            report.error(path, line, column, "a measured date needs the value measured on it",
                         f"add measured: NN above it, NN being the share reached on "
                         f"{target.measured_as_of.isoformat()} in percent (e.g. measured: 60 for 60%); or, if "
                         "nothing was measured, delete the measured_as_of line")
