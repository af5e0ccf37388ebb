"""What the integrity rules of several groups share: the tally fields by name, what a tally's note says (corrected,
checked), the level typed in a unit file, and whether two units are told apart.

Job: the small helpers the modules of `sitegen.checks` use alike, kept here so
that their imports run one way only.

May import: lazyre, load (record types only), models (and the standard library).
"""

from __future__ import annotations

import re

from .lazyre import compile_later
from .load import Sourced
from .models import Unit, UnitLevel, choice_value, plain_name


COUNT_FIELDS = ("batches", "collected", "escalated", "resolved")
COUNT_LABELS = {"batches": "survey batches (调研批次)", "collected": "collected (收集)",
                "escalated": "escalated (提交区级)", "resolved": "resolved (已解决)",
                "in_progress": "in progress (办理中)"}


TALLY_FIGURES = ("batches", "collected", "escalated", "resolved", "in_progress")


_CORRECTION_RE = compile_later(r"(?<!不再)(?<!无需)(?<!无须)(?<!不需)(?<!没有)(?<![不未无没])"
                               r"(?:更正|修正|纠正|订正|核减|核销|重新打开|撤回)|(?<!not )(?<!no )(?:correct|revis)",
                               re.IGNORECASE)


def says_corrected(note: str | None) -> bool:
    """True when a tally's note says its figures were corrected on purpose: a word such as 更正, 修正, 核减 or
    "corrected", not after a word that denies it (不再更正, 未更正, 无需修正, not corrected: such a note says
    the figure was *not* corrected). Such a note stands for the warnings about a count that fell
    (`sitegen.checkdates.check_tally_order`) and about figures changed since the last build
    (`sitegen.checkcorrections.check_corrected_tallies`), since readers see it with the figures."""
    return bool(note) and _CORRECTION_RE.search(note) is not None


_CHECKED_RE = compile_later(r"核实|核对|核准|无误|属实|verified|checked|confirmed", re.IGNORECASE)


def says_checked(note: str | None) -> bool:
    """True when a tally's note says its figures were checked against the source: a word such as 核实, 无误 or
    "verified". Such a note stands for the warnings about a count of an unlikely size
    (`sitegen.checkfigures.check_count_sizes`) and one ten times its neighbours'
    (`sitegen.checktenfold.check_tenfold_counts`)."""
    return bool(note) and _CHECKED_RE.search(note) is not None


def level_of(typed: object) -> UnitLevel | None:
    """The level of a unit file whose record could not be made, as typed (``town``); None when it is no level."""
    try:
        return UnitLevel(choice_value(UnitLevel, str(typed)))
    except ValueError:
        return None


def are_told_apart(first: Sourced[Unit], second: Sourced[Unit]) -> bool:
    """True when the pair needs no sound-alike warning: told apart by ``distinct_from``, or reported otherwise."""
    one, other = first.record, second.record
    return (one.id in other.distinct_from or other.id in one.distinct_from
            or plain_name(one.name) == plain_name(other.name)
            or any(name in other.misspellings for name in (one.name, *one.aliases))
            or any(name in one.misspellings for name in (other.name, *other.aliases)))
