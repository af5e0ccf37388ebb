"""Integrity rule over a count typed with a digit too many: ten times the counts of the tallies around it.

Job: `check_tenfold_counts`, the part of it `sitegen.checks.check_failed_unit` runs (`tenfold_counts`), and
the figures it tells (`tenfold_slips`), which `sitegen.checkdates.tally_order` reads so that a later tally is
not blamed for falling back from a figure told here; and what a tally typed with 0s too many or left out is, in
figures and in words (`zeros_between`, `scaled_counts`, `zeros_typed`), which `sitegen.checkscaled` shares.

May import: errors, load (record types only), models, checkcommon (and the standard library).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Sequence

from .checkcommon import COUNT_FIELDS, COUNT_LABELS, says_checked, says_corrected
from .errors import Report
from .load import Sourced, YamlData
from .models import TALLY_SUM, Tally, Unit

TENFOLD = 5
"""A count this many times the neighbouring tally's (or more) is out of line: a digit too many makes it five to
about ten times the count meant (2960 for 296, 2296 for 296)."""
TENFOLD_FROM = 100
"""A count that stays up (no later tally falls back from it) is compared with the tally before only when that one
is this or more: a campaign's first tally may count 12 lists, and the next 120 (as `sitegen.checkfigures`'s
hundredfold rule does)."""
GROWTH = 3
"""The most the count meant may have grown since the tally before, for a count that stays up: a count may double
between tallies months apart, but 296 then 3100 is 310 with a 0 too many, not a tenfold rise."""


@dataclass(frozen=True)
class TenfoldSlip:
    """A count most likely typed with a digit too many, as `tenfold_slips` finds it.

    ``index``: the tally's place in the file's list; ``name``: the figure; ``meant``: the values it most likely
    had, one digit fewer (one, or a few when several fit); ``compared``: the tally its value is out of line with
    (the next one, which falls back, or the one before); ``falls_back``: whether ``compared`` is the next tally;
    ``collected``: for an escalated or resolved count typed so that the tally still adds up (collected typed
    with it), the collected meant with it, else None; ``whole``: the tally's four counts all end in 0 and add
    up a tenth as large, and this one is told with them; ``matched``: for a collected typed to match such an
    escalated or resolved count, that count's name: the hint of that count offers it, and it is not told alone.
    """

    index: int
    tally: Tally
    name: str
    meant: tuple[int, ...]
    compared: Tally | None
    falls_back: bool
    collected: int | None = None
    whole: bool = False
    matched: str | None = None

    @property
    def value(self) -> int:
        """The count as typed."""
        return getattr(self.tally, self.name)


def check_tenfold_counts(unit: Sourced[Unit], report: Report, told: Collection[tuple[int, str]] = ()) -> None:
    """Warn at each count of a tally most likely typed with a digit too many (2960 for 296), at its line.

    Takes the unit and the report; raises nothing. A figure ten times off
    publishes the unit's figures, the totals and the open data ten times
    off. A count that then falls back was told as a fall at the later
    tally, whose figure is the right one, with a hint to call it a
    correction; a count that stays up (the latest tally) was told only when
    a hundred times the one before (`sitegen.checkfigures.check_count_sizes`),
    and a tally typed ten times as a whole, or with collected typed to
    match, adds up. Found by `tenfold_slips`; the hint offers the value
    meant. A true figure may be as large, so this is a warning, and a note
    on the tally saying it was corrected (`says_corrected`, 更正) or checked
    (`says_checked`, 核实) stands for it, as 更正 does for a count that falls. ``told``: the counts told
    already, as ``(index in the tallies list, figure)``, in one warning for a tally whose figures are all ten
    times its note's (`sitegen.checkfigures.check_tally_notes`): they are not told again one by one.
    """
    tenfold_counts(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report, told)


def tenfold_counts(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report,
                   told: Collection[tuple[int, str]] = ()) -> None:
    """`check_tenfold_counts` over ``(index in the file's tallies list, tally)`` pairs, each after the one before,
    the counts ``told`` left out."""
    for key, slip in tenfold_slips(tallies).items():
        if slip.matched is not None or key in told:  # offered in the hint of another count, or told already
            continue
        report.warning(path, *yaml.locate(("tallies", slip.index, slip.name)), _message(slip), _hint(slip))


def tenfold_slips(tallies: Sequence[tuple[int, Tally]]) -> dict[tuple[int, str], TenfoldSlip]:
    """The counts of ``tallies`` (``(index, tally)`` in list order) most likely typed with a digit too many, by
    ``(index, figure)``, those whose tally's note stands for them left out.

    A cumulative count (batches, collected, escalated, resolved; in progress may fall) is told when one digit
    fewer (`_one_digit_fewer`) gives a value that keeps the counts in order while the value typed does not
    fit: it is `TENFOLD` times or more the next tally's, which falls back below it, and the value meant lies
    between the tally before's and the next's; or it stays up, `TENFOLD` times or more the tally before's
    (that one `TENFOLD_FROM` or more), and the value meant is at most `GROWTH` times that. When collected is
    told a tenth as large and the tally's other counts all end in 0 and keep their order a tenth as large, they
    are told with it (a tally typed ten times as a whole). When escalated or resolved is told in a tally that
    adds up as typed, collected was typed to match: it is kept with ``matched`` set (a later tally's fall from
    it is not told either), and the hint of the count offers both. Tallies out of date order are left out
    (errors already), and a tally that does not add up is compared with its neighbours but is none's measure
    for the four counts of the sum: one of its counts is mistyped, which its sum error tells.
    """
    ordered: list[tuple[int, Tally]] = []
    for index, tally in tallies:
        if not ordered or tally.as_of > ordered[-1][1].as_of:
            ordered.append((index, tally))
    found: dict[tuple[int, str], TenfoldSlip] = {}
    adding_up = {index for index, tally in ordered
                 if tally.escalated + tally.resolved + tally.in_progress == tally.collected}
    for name in COUNT_FIELDS:
        given = [(index, tally) for index, tally in ordered if getattr(tally, name) is not None]
        # A tally that does not add up is no measure for its neighbours' four counts: one of them is mistyped
        # (its sum error says so), and 34 typed for 340 made the 296 before it look ten times too large.
        trusted = {index for index, _ in given if name not in TALLY_SUM or index in adding_up}
        for (index, tally), (before, after) in zip(given, _neighbours(given, trusted)):
            slip = _slip(index, tally, name, before, after)
            if slip is not None:
                found[index, name] = slip
    found = _whole_tallies(found, ordered)
    found = _typed_to_match(found, ordered)
    return {key: slip for key, slip in found.items()
            if not (says_corrected(slip.tally.note) or says_checked(slip.tally.note))}


def _neighbours(given: Sequence[tuple[int, Tally]], trusted: set[int]) -> list[tuple[Tally | None, Tally | None]]:
    """For each of ``given`` (``(index, tally)`` in date order), the nearest tally before it and after it whose
    index is in ``trusted``, or None."""
    befores: list[Tally | None] = []
    last: Tally | None = None
    for index, tally in given:
        befores.append(last)
        if index in trusted:
            last = tally
    afters: list[Tally | None] = []
    last = None
    for index, tally in reversed(given):
        afters.append(last)
        if index in trusted:
            last = tally
    return list(zip(befores, reversed(afters)))


def _slip(index: int, tally: Tally, name: str, before: Tally | None, after: Tally | None) -> TenfoldSlip | None:
    """The slip of the count ``name`` of ``tally`` against the tallies before and after it that give it, or
    None (the rules are `tenfold_slips`')."""
    value = getattr(tally, name)
    low = getattr(before, name) if before is not None else 0
    high = getattr(after, name) if after is not None else None
    if high is not None and value > high:
        if value < TENFOLD * high:
            return None
        meant = _likeliest(value, [w for w in _one_digit_fewer(value) if low <= w <= high])
        return TenfoldSlip(index, tally, name, meant, after, True) if meant else None
    if before is None or low < TENFOLD_FROM or value < TENFOLD * low:
        return None
    meant = _likeliest(value, [w for w in _one_digit_fewer(value) if low <= w <= GROWTH * low])
    return TenfoldSlip(index, tally, name, meant, before, False) if meant else None


def _one_digit_fewer(value: int) -> set[int]:
    """Every count ``value`` gives with one of its digits taken out (2960: 960, 260, 290, 296), none led by 0."""
    typed = str(value)
    return {int(typed[:at] + typed[at + 1:]) for at in range(len(typed))
            if len(typed) > 1 and (typed[:at] + typed[at + 1:])[0] != "0"}


def _likeliest(value: int, fitting: list[int]) -> tuple[int, ...]:
    """Of the values one digit fewer that fit (``fitting``), those a slip most often makes, smallest first: a 0
    typed too many (2960, 2906 for 296; 3300 for 330, not 300), else a digit typed twice (2996); all of them when
    neither fits."""
    typed = str(value)
    zero = {int(typed[:at] + typed[at + 1:]) for at in range(len(typed)) if typed[at] == "0"}
    twice = {int(typed[:at] + typed[at + 1:]) for at in range(1, len(typed)) if typed[at - 1] == typed[at]}
    for likely in (zero, twice, set(fitting)):
        if chosen := {w for w in fitting if w in likely}:
            return tuple(sorted(chosen))
    return ()


def _whole_tallies(found: dict[tuple[int, str], TenfoldSlip],
                   ordered: Sequence[tuple[int, Tally]]) -> dict[tuple[int, str], TenfoldSlip]:
    """``found`` with the other counts of each tally whose collected is told a tenth as large, when they all
    end in 0 and each keeps its order a tenth as large (a tally typed ten times as a whole): told with it."""
    found = dict(found)
    for place, (index, tally) in enumerate(ordered):
        slip = found.get((index, "collected"))
        tenth = scaled_counts(tally, 1, TALLY_SUM)
        if slip is None or tenth is None or slip.meant != (tenth["collected"],):
            continue
        if not all(_keeps_order(ordered, place, name, tenth[name]) for name in ("escalated", "resolved")):
            continue
        for name in TALLY_SUM:
            found[index, name] = TenfoldSlip(index, tally, name, (tenth[name],), slip.compared, slip.falls_back,
                                              whole=True)
    return found


ZEROS = {1: ("a 0", "一个0"), 2: ("two 0s", "两个0"), 3: ("three 0s", "三个0")}
"""The words for as many 0s typed too many or left out as a whole tally may be typed with: a tally ten, a
hundred or a thousand times, or a tenth, a hundredth or a thousandth of what its texts give."""


def zeros_between(typed: int, given: int) -> int | None:
    """How many 0s ``typed`` has more than ``given`` (2960 for 296: 1; 296 for 29600: -2), when one is the
    other with up to three 0s added (`ZEROS`); None when they are equal, 0, or otherwise apart."""
    for zeros in ZEROS:
        if typed and typed == given * 10 ** zeros:
            return zeros
        if given and given == typed * 10 ** zeros:
            return -zeros
    return None


def zeros_typed(zeros: int) -> str:
    """How a figure is typed with ``zeros`` 0s too many (`zeros_between`; negative: left out), in an editor's
    words: 1 gives "a 0 too many (多打了一个0)", -2 "two 0s left out (少打了两个0)". Raises KeyError when
    ``zeros`` is 0 or more than `ZEROS` has."""
    words, chinese = ZEROS[abs(zeros)]
    return f"{words} too many (多打了{chinese})" if zeros > 0 else f"{words} left out (少打了{chinese})"


def scaled_counts(tally: Tally, zeros: int, names: Sequence[str]) -> dict[str, int] | None:
    """The counts ``names`` of ``tally``, each with ``zeros`` 0s taken off (negative: added), by name; None
    when one of them does not end in as many 0s, or the tally leaves it out."""
    counts: dict[str, int] = {}
    for name in names:
        value = getattr(tally, name)
        if value is None or (zeros > 0 and value % 10 ** zeros):
            return None
        counts[name] = value // 10 ** zeros if zeros > 0 else value * 10 ** -zeros
    return counts


def _keeps_order(ordered: Sequence[tuple[int, Tally]], place: int, name: str, value: int) -> bool:
    """Whether ``value`` as the count ``name`` of the tally at ``place`` of ``ordered`` is no less than the tally
    before's that gives it and no more than the next one's."""
    before = [getattr(t, name) for _, t in ordered[:place] if getattr(t, name) is not None]
    after = [getattr(t, name) for _, t in ordered[place + 1:] if getattr(t, name) is not None]
    return (not before or before[-1] <= value) and (not after or value <= after[0])


def _typed_to_match(found: dict[tuple[int, str], TenfoldSlip],
                    ordered: Sequence[tuple[int, Tally]]) -> dict[tuple[int, str], TenfoldSlip]:
    """``found`` with collected marked ``matched`` in each tally that adds up as typed, where escalated or
    resolved is told with one value meant and collected, less as much, keeps its order: collected was typed to
    match the slip (1196 for 296 beside escalated 1043 for 143), and the hint of the slip offers it."""
    found = dict(found)
    for place, (index, tally) in enumerate(ordered):
        slips = [found[index, name] for name in ("escalated", "resolved") if (index, name) in found]
        if (not slips or any(len(slip.meant) != 1 or slip.whole for slip in slips)
                or tally.escalated + tally.resolved + tally.in_progress != tally.collected):
            continue
        collected = tally.collected - sum(slip.value - slip.meant[0] for slip in slips)
        if collected < 0 or not _keeps_order(ordered, place, "collected", collected):
            continue
        for slip in slips:
            found[index, slip.name] = TenfoldSlip(index, tally, slip.name, slip.meant, slip.compared,
                                                  slip.falls_back, collected=collected)
        found[index, "collected"] = TenfoldSlip(index, tally, "collected", (collected,), slips[0].compared,
                                                slips[0].falls_back, matched=slips[0].name)
    return found


def _message(slip: TenfoldSlip) -> str:
    """What `check_tenfold_counts` says of ``slip``: the count, the neighbouring tally's and its date."""
    assert slip.compared is not None  # a slip is always told against a tally
    value, label, day = slip.value, COUNT_LABELS[slip.name], slip.tally.as_of.isoformat()
    other, then = getattr(slip.compared, slip.name), slip.compared.as_of.isoformat()
    where = "the next tally" if slip.falls_back else "the tally before"
    if slip.whole:
        return (f"{label} {value} on {day}, beside the {other} of {where}, of {then}: every count of this tally "
                "ends in 0, and a tenth of each keeps the tallies in order, so the whole tally is most likely "
                f"typed with {zeros_typed(1)}")
    fall = ", which falls back below it, though these counts only grow" if slip.falls_back else ""
    return (f"{label} {value} on {day} is {round(value / other)} times the {other} of {where}, of {then}{fall}: "
            "most likely typed with a digit too many (多打了一位数)")


def _hint(slip: TenfoldSlip) -> str:
    """How to mend ``slip``: the value meant, written as the line to type, and what stands for the warning."""
    field = slip.name
    if len(slip.meant) == 1:
        meant = slip.meant[0]
        mend = f"did you mean {meant}? write {field}: {meant}"
        if slip.collected is not None:
            mend += f", and collected: {slip.collected}, which was typed to match it"
    else:
        mend = "did you mean " + ", ".join(map(str, slip.meant[:-1])) + f" or {slip.meant[-1]}? write the one the " \
                                                                      "source document (原文) gives"
    return (f"{mend}; if {slip.value} is right, say so in the tally's note with the word 核实 (verified), or 更正 "
            "if it corrects a figure published before: the note then stands for this warning")
