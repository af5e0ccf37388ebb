"""An integrity rule across builds: a tally's figures changed since the site was last built, with no word to
readers.

Job: `check_corrected_tallies`, and `PublishedTallies`, what it compares with.

May import: errors, load (record types only), models, checkcommon (and the standard library).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

from .checkcommon import COUNT_LABELS, TALLY_FIGURES, says_corrected
from .errors import Report
from .load import Sourced
from .models import Unit

FIGURE_NAMES = {"batches": ("调研批次", "批"), "collected": ("收集问题清单", "份"), "escalated": ("提交区级", "份"),
                "resolved": ("已解决", "份"), "in_progress": ("办理中", "份")}
"""Each figure of a tally as the unit's page names it, with its measure word (templates/partials/tally.html):
the words of the note offered to tell a correction."""


@dataclass(frozen=True)
class PublishedTallies:
    """The tallies the last build published: ``rows`` ``{(unit id, as_of as ISO 8601): row}``, each with the
    figures by field name (ints, None for a figure not given) and ``note`` (`sitegen.outputs.opendata.
    read_published_tallies`), and ``folder``, that build's output folder as the editor knows it (``output/``)."""

    folder: str = ""
    rows: Mapping[tuple[str, str], Mapping[str, Any]] = field(default_factory=dict)


def check_corrected_tallies(unit: Sourced[Unit], published: PublishedTallies, today: date, report: Report) -> None:
    """Warn at a tally whose figures differ from those the last build published, unless its note says why.

    Takes the unit, what the last build published (`PublishedTallies`; empty when there was no build) and the
    build's day (site time zone, for the note offered). Correcting a published figure is right; doing it
    without a word is not: residents who saw 296 see 297, and nothing says which is true or that one was
    corrected, which is how trust in a progress report is lost. The unit's page shows each tally's note under
    its figures and the open data carries it, so a note saying the figures were corrected (`says_corrected`:
    更正, 修正 …) is the trace, and stands for the warning. A note that already told of an earlier correction
    and is unchanged since that build does not tell of this one.

    A tally is compared by its unit and date; one the last build did not publish (new, or its date changed:
    `sitegen.checkdates.check_tally_order` tells a date out of place) is not. The last build may have been a
    trial never put online, so this is a warning, and it is given once: the next build compares with the
    build that warned. Raises nothing.

    A changed figure that is an error is no correction: a tally that does not add up, or one with an error at
    a changed figure's line (run this after the other checks of the unit), is left to that error; offering a
    correction note there (办理中由50份更正为51份) had the editor write a typing slip into the public record as a
    correction. An error stops the build, so the output keeps the figures published, and once the error is
    mended a figure still changed is told. A warning there does not stop the build, so the correction is
    told beside it (that build publishes the figure, and the next compares with it). Two tallies of one day are
    an error (`sitegen.checkdates.check_tally_order`), and neither is compared: a date typed over an earlier
    tally's had the tally published that day told as corrected to the other's figures, with a note to paste.
    """
    told_lines = {problem.line for problem in report.errors if problem.path == unit.path}
    days = Counter(tally.as_of for tally in unit.record.tallies)
    for index, tally in enumerate(unit.record.tallies):
        before = published.rows.get((unit.record.id, tally.as_of.isoformat()))
        if before is None or days[tally.as_of] > 1:
            continue
        changed = [(name, before.get(name), getattr(tally, name)) for name in TALLY_FIGURES
                   if before.get(name) != getattr(tally, name)]
        if not changed:
            continue
        told_before = before.get("note") or ""
        if says_corrected(tally.note) and tally.note != told_before:
            continue
        lines = [unit.yaml.locate(("tallies", index, name)) for name, _, _ in changed]
        if (tally.escalated + tally.resolved + tally.in_progress != tally.collected
                or any(line in told_lines for line, _ in lines)):
            continue
        line, column = lines[0]
        figures = ", ".join(f"{COUNT_LABELS[name]} {'none' if old is None else old} → {'none' if now is None else now}"
                            for name, old, now in changed)
        report.warning(
            unit.path, line, column,
            f"the tally of {tally.as_of.isoformat()} changed since the site was last built into {published.folder}: "
            f"{figures}; if that site is online, its readers see the figure{'s' if len(changed) > 1 else ''} "
            "change with no word of why",
            _how_to_tell(unit, index, changed, today, says_corrected(told_before)),
            span=(min(found for found, _ in lines), max(found for found, _ in lines)) if len(lines) > 1 else None,
            once=True)


def _how_to_tell(unit: Sourced[Unit], index: int, changed: list[tuple[str, Any, Any]], today: date,
                 earlier: bool) -> str:
    """The hint of `check_corrected_tallies`: the note's words that tell the correction, and where to type them
    (``earlier``: the note tells of an earlier correction already)."""
    said = "，".join(_said(name, old, now) for name, old, now in changed)
    # The day as the pages write theirs (2018年4月26日): a reader's sentence, which wraps whole on a phone.
    words = f"{today.year}年{today.month}月{today.day}日更正：{said}。"
    note = unit.record.tallies[index].note
    if note:
        line, _ = unit.yaml.locate(("tallies", index, "note"))
        where = (f"the note tells of an earlier correction; add this one at its end (line {line}): {words}"
                 if earlier else f"add at the end of the tally's note (line {line}): {words}")
    else:
        last = max(unit.yaml.locate(("tallies", index, name))[0] for name in TALLY_FIGURES
                   if getattr(unit.record.tallies[index], name) is not None)
        where = f"add a line under line {last}, as indented as it: note: {words}"
    return (f"if the figures the site showed were put online, tell readers of the correction (更正): {where} "
            "The unit's page shows the note under the figures, and the open data carries it. If that site "
            "never went online, nothing needs doing: the next build compares with this one")


def _said(name: str, old: Any, now: Any) -> str:
    """One figure's change as a note says it: 收集问题清单由296份更正为297份."""
    label, measure = FIGURE_NAMES[name]
    if old is None:
        return f"补充{label}{now}{measure}"
    if now is None:
        return f"删去{label}（原为{old}{measure}）"
    return f"{label}由{old}{measure}更正为{now}{measure}"
