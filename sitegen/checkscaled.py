"""Integrity rule over a whole tally typed ten (or a hundred) times, or a tenth of, what its note and pages give.

An editor who copies 2960, 1430, 1030 and 500 for 296, 143, 103 and 50 types one slip, not four: the tally
still adds up, and each of its figures differs from its note's by the same 0. So it is told once, at the
tally, with every figure listed and the values to type either way (`scaled_tally`, `scaled_tally_warning`),
and not again figure by figure (`sitegen.checkfigures.check_tally_notes` leaves such a tally out, and
`sitegen.checktenfold.check_tenfold_counts` the counts told here).

Job: `TextGiven` (the figures one text gives for a tally's day), `ScaledTally`, `scaled_tally` and
`scaled_tally_warning`; `sitegen.checkfigures` gathers the texts and reports.

May import: errors, load (record types only), models, checkcommon, checktenfold, textfigures (and the standard
library).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .checkcommon import COUNT_LABELS
from .checktenfold import scaled_counts, zeros_between, zeros_typed
from .errors import Report, and_joined
from .load import YamlData
from .models import TALLY_SUM, Tally
from .textfigures import TextFigure


@dataclass(frozen=True)
class TextGiven:
    """A text that may give a tally's figures: ``name`` says whose in a message ("its note",
    "content/interviews/x.md"), ``place`` where to type in a hint ("the note", "content/interviews/x.md"),
    ``note`` whether it is the tally's own note, and ``figures`` the figures read from it, of any day."""

    name: str
    place: str
    note: bool
    figures: tuple[TextFigure, ...]


@dataclass(frozen=True)
class ScaledTally:
    """A tally whose figures are all ``zeros`` 0s more than the texts ``scaled`` give (negative: fewer), as
    `scaled_tally` finds it.

    ``given``: the value those texts give for each figure that differs, by name, batches first when they give
    it so too, then the four of the sum (but one the tally and the texts give as 0);
    ``agreeing``: the texts that give the tally's own figures, to be typed anew if the tally is the one
    corrected. Each text keeps only its figures of the tally's day.
    """

    tally: Tally
    zeros: int
    given: dict[str, int]
    scaled: tuple[TextGiven, ...]
    agreeing: tuple[TextGiven, ...]


def scaled_tally(tally: Tally, texts: Sequence[TextGiven]) -> ScaledTally | None:
    """The tally as typed with a 0 too many or left out in each figure, against ``texts``, or None.

    Takes a tally and the texts that may give its figures (its note, its unit's pages). A text that gives
    none for the tally's day says nothing; one that gives each as the tally has it agrees; one whose figures
    of the four of the sum are each the tally's with the same 0s added or taken off (`zeros_between`: 296 for
    2960) is scaled, its batches, when it gives them, either so too or as the tally has them (batches are a
    count of another kind, often copied apart). The tally is told when at least one text is scaled, all of
    them by the same 0s, they give the four of the sum between them, and every other text agrees: any other
    figure of the day (one slip away, another factor, a village's count) leaves each figure to its own rule.
    """
    scaled: list[TextGiven] = []
    agreeing: list[TextGiven] = []
    found: set[int] = set()
    for text in texts:
        of_day = tuple(figure for figure in text.figures
                       if figure.day == tally.as_of and getattr(tally, figure.field) is not None)
        if not of_day:
            continue
        zeros = _text_zeros(tally, of_day)
        if zeros is None:
            return None
        (scaled if zeros else agreeing).append(TextGiven(text.name, text.place, text.note, of_day))
        found |= {zeros} - {0}
    if len(found) != 1:
        return None
    [zeros] = found
    named = {figure.field for text in scaled for figure in text.figures}
    if not set(TALLY_SUM) <= named:
        return None
    batches = any(figure.field == "batches" and figure.value != tally.batches for text in scaled
                  for figure in text.figures)
    given = scaled_counts(tally, zeros, ("batches", *TALLY_SUM) if batches else TALLY_SUM)
    if given is None:
        return None
    given = {name: value for name, value in given.items() if value != getattr(tally, name)}  # not 0 for 0
    agreeing = [text for text in agreeing if any(figure.field in given for figure in text.figures)]
    return ScaledTally(tally, zeros, given, tuple(scaled), tuple(agreeing))


def _text_zeros(tally: Tally, figures: Sequence[TextFigure]) -> int | None:
    """How many 0s the tally's figures have more than ``figures`` (a text's, of its day, each of a figure it
    has): 0 when they agree, None when they are otherwise apart (`scaled_tally`'s rules)."""
    apart: dict[str, set[int]] = {}
    for figure in figures:
        typed = getattr(tally, figure.field)
        zeros = 0 if typed == figure.value else zeros_between(typed, figure.value)
        if zeros is None:
            return None
        if typed or figure.value:  # 0 for 0 fits any number of 0s
            apart.setdefault(figure.field, set()).add(zeros)
    of_sum = set().union(*(apart.get(name, set()) for name in TALLY_SUM))
    batches = apart.get("batches", set())
    if len(of_sum) > 1 or not batches <= of_sum | {0}:
        return None
    return of_sum.pop() if of_sum else 0


def scaled_tally_warning(path: str, yaml: YamlData, index: int, scaled: ScaledTally, report: Report) -> None:
    """Warn of ``scaled``, the tally at ``index`` of the unit file ``path`` (its YAML ``yaml``), once.

    Takes what `scaled_tally` found and the report; raises nothing. The warning names every figure, and its
    hint gives the lines and values to type whichever is right.
    """
    tally, given = scaled.tally, scaled.given
    lines = {name: yaml.locate(("tallies", index, name)) for name in given}
    # At the first figure listed, not at as_of: the day is right either way, and if the texts are right
    # this is the first line to retype, with the others under it.
    line, column = min(lines.values())
    who, one = _names(scaled.scaled), len(scaled.scaled) == 1
    # Named as the other messages of figures name them ("in progress (办理中)"), not by the key: the hint gives keys.
    listed = ", ".join(f"{COUNT_LABELS[name]} {getattr(tally, name)} for {value}" for name, value in given.items())
    what = f"all {len(given)} " + ("figures" if "batches" in given else "issue-list figures (问题清单)")
    message = (f"{what} of the tally of {tally.as_of.isoformat()} are {_times(scaled.zeros)} those {who} "
               f"{'gives' if one else 'give'} for that day: {listed}; ")
    if scaled.agreeing:  # the tally has texts on its side too: no side is the likelier
        agree = _names(scaled.agreeing)
        message += (f"either the whole tally is typed with {zeros_typed(scaled.zeros)} or {who} with "
                    f"{zeros_typed(-scaled.zeros)}: {agree} {'gives' if len(scaled.agreeing) == 1 else 'give'} the "
                    "tally's figures")
    else:
        message += f"the whole tally is most likely typed with {zeros_typed(scaled.zeros)}"
    typed = {name: getattr(tally, name) for name in given}
    texts_right = (f"if {and_joined([text.place for text in scaled.scaled])} {'is' if one else 'are'} right, correct "
                   "the tally's figures to "
                   + ", ".join(f"{name}: {value} (line {lines[name][0]})" for name, value in given.items()))
    if scaled.agreeing:
        texts_right += ", and " + _retyping(scaled.agreeing, given, typed)
    tally_right = "if the tally is right, " + _retyping(scaled.scaled, typed, given)
    if any(text.note for text in scaled.scaled):
        tally_right += " (a correction can say so in the note: 更正)"
    report.warning(path, line, column, message,
                   f"check the figures against the source document (原文): {texts_right}; {tally_right}")


def _times(zeros: int) -> str:
    """How many times the tally's figures are the texts', in words: "10 times", "a tenth of"."""
    if zeros > 0:
        return f"{10 ** zeros} times"
    return {-1: "a tenth of", -2: "a hundredth of"}.get(zeros, f"1/{10 ** -zeros} of")


def _names(texts: Sequence[TextGiven]) -> str:
    """``texts`` named in a message: "its note", "its note and content/interviews/x.md"."""
    return and_joined([text.name for text in texts])


def _retyping(texts: Sequence[TextGiven], typed: dict[str, int], was: dict[str, int]) -> str:
    """What to type in ``texts`` for a hint: each value of ``typed`` in place of the one ``was`` has for that
    figure, where each text gives it: "type 2960 in place of 296, … in the note (line 17) and
    content/interviews/x.md (lines 41, 43, 44 and 45), and 2960 in place of 296 in content/cases/y.md (line 34)".
    Texts that give the same figures share one list of values."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    for text in texts:
        names = tuple(name for name in typed if any(figure.field == name for figure in text.figures))
        lines = [str(line) for line in sorted({figure.line for figure in text.figures if figure.field in typed})]
        grouped.setdefault(names, []).append(f"{text.place} ({'line' if len(lines) == 1 else 'lines'} "
                                             f"{and_joined(lines)})")
    return "type " + ", and ".join(", ".join(f"{typed[name]} in place of {was[name]}" for name in names)
                                   + " in " + and_joined(places) for names, places in grouped.items())
