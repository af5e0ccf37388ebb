"""A count typed with a digit too many (2960 for 296), told at its line, end to end through `sitegen.build.check`.

Each test writes a small site with a unit whose tallies grow as Baihe's did (110 lists collected by 2018-02-28,
296 by 2018-04-26, 330 by 2018-06-30), types one slip into them, and asserts the exact messages; following the
hint as typed leaves the check clean. Realistic growth is not told.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, check
from sitegen.errors import Problem

from .sitekit import copy_example, write_site

NOW = datetime(2025, 1, 1)
UNIT_PATH = "content/units/baihe.yaml"
HEAD = "name: 白鹤镇\nlevel: town\nmisspellings: [白河镇, 百合镇]\ntallies:\n"
"""Lines 1–4 of the unit file: each tally below is 6 lines, the first at lines 5–10, the second at 11–16, the
third at 17–22 (as_of, batches, collected, escalated, resolved, in_progress)."""
STANDS = ("if {value} is right, say so in the tally's note with the word 核实 (verified), or 更正 if it corrects a "
          "figure published before: the note then stands for this warning")


def tally(as_of: str, batches: int, collected: int, escalated: int, resolved: int, in_progress: int) -> str:
    """One tally as typed in a unit file (6 lines)."""
    return (f"  - as_of: {as_of}\n    batches: {batches}\n    collected: {collected}\n    escalated: {escalated}\n"
            f"    resolved: {resolved}\n    in_progress: {in_progress}\n")


BAIHE = [("2018-02-28", 120, 110, 50, 30, 30), ("2018-04-26", 318, 296, 143, 103, 50),
         ("2018-06-30", 352, 330, 158, 128, 44)]
"""Three tallies as a town's grow: each adds up, every cumulative count rises."""


def unit_text(tallies: list[tuple[str, int, int, int, int, int]]) -> str:
    """The test unit with these tallies."""
    return HEAD + "".join(tally(*figures) for figures in tallies)


def with_figures(place: int, **figures: int) -> list[tuple[str, int, int, int, int, int]]:
    """`BAIHE` with the tally at ``place`` given these figures (by field name)."""
    names = ("as_of", "batches", "collected", "escalated", "resolved", "in_progress")
    tallies = [dict(zip(names, row)) for row in BAIHE]
    tallies[place].update(figures)
    return [tuple(row[name] for name in names) for row in tallies]  # type: ignore[misc]


def found(root: Path) -> list[Problem]:
    """Every problem `check` finds, sorted."""
    return check(BuildOptions(root=root, now=NOW)).problems


def follow(root: Path, problem: Problem) -> None:
    """Type the lines the problem's hint gives (``write escalated: 143, and collected: 296``) in place of the
    lines of those fields in the problem's tally: the one told, and the others above or below it in that tally."""
    path = root / UNIT_PATH
    lines = path.read_text("utf-8").split("\n")
    written = problem.hint.split("? write ", 1)[1].split(";", 1)[0].split(", which", 1)[0]
    for part in written.replace(", and ", ", ").split(", "):
        field, value = part.split(": ")
        first = max(i for i in range(problem.line) if lines[i].startswith("  - "))  # the tally's "-" line
        at = next(i for i in range(first, len(lines)) if lines[i].startswith(f"    {field}:"))
        lines[at] = f"    {field}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_count_ten_times_the_next_tally_is_told_at_its_line_and_the_fall_after_it_is_not(tmp_path: Path) -> None:
    # batches are in no sum: 3180 for 318 was told only as a fall at the next tally, whose 352 is right, with the
    # hint to call that one a correction.
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(1, batches=3180))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:12:14: warning: survey batches (调研批次) 3180 on 2018-04-26 is 9 times the 352 of the next "
        "tally, of 2018-06-30, which falls back below it, though these counts only grow: most likely typed with a "
        "digit too many (多打了一位数)\n"
        "  hint: did you mean 318? write batches: 318; " + STANDS.format(value=3180)]
    follow(root, found(root)[0])
    assert "    batches: 318\n" in (root / UNIT_PATH).read_text("utf-8")
    assert found(root) == []


def test_the_latest_count_ten_times_the_tally_before_is_told(tmp_path: Path) -> None:
    # Nothing falls back after the latest tally: 3520 for 352 was told by no rule (a hundredfold was).
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(2, batches=3520))})
    [problem] = found(root)
    assert (problem.path, problem.line, problem.column, problem.severity) == (UNIT_PATH, 18, 14, "warning")
    assert problem.message == ("survey batches (调研批次) 3520 on 2018-06-30 is 11 times the 318 of the tally "
                               "before, of 2018-04-26: most likely typed with a digit too many (多打了一位数)")
    assert problem.hint == "did you mean 352? write batches: 352; " + STANDS.format(value=3520)
    follow(root, problem)
    assert found(root) == []


def test_a_whole_tally_typed_ten_times_is_told_at_each_count(tmp_path: Path) -> None:
    # It adds up (3300 = 1580 + 1280 + 440) and nothing falls after it: nothing told it.
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(2, collected=3300, escalated=1580, resolved=1280,
                                                                     in_progress=440))})
    problems = found(root)
    assert [(p.line, p.column, p.severity) for p in problems] == [
        (19, 16, "warning"), (20, 16, "warning"), (21, 15, "warning"), (22, 18, "warning")]
    assert problems[0].message == (
        "collected (收集) 3300 on 2018-06-30, beside the 296 of the tally before, of 2018-04-26: every count of this "
        "tally ends in 0, and a tenth of each keeps the tallies in order, so the whole tally is most likely typed "
        "with a 0 too many (多打了一个0)")
    assert problems[3].message.startswith(
        "in progress (办理中) 440 on 2018-06-30, beside the 50 of the tally before")
    assert [p.hint.split(";")[0] for p in problems] == [
        "did you mean 330? write collected: 330", "did you mean 158? write escalated: 158",
        "did you mean 128? write resolved: 128", "did you mean 44? write in_progress: 44"]
    for problem in problems:
        follow(root, problem)
    assert found(root) == []


def test_a_count_typed_with_collected_to_match_is_told_once_with_both_figures(tmp_path: Path) -> None:
    # escalated 1043 for 143 with collected 1196 typed to make the sum hold: the sum held, and the fall of both
    # counts was told at the next tally, whose figures are right.
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(1, collected=1196, escalated=1043))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:14:16: warning: escalated (提交区级) 1043 on 2018-04-26 is 7 times the 158 of the next tally, "
        "of 2018-06-30, which falls back below it, though these counts only grow: most likely typed with a digit "
        "too many (多打了一位数)\n"
        "  hint: did you mean 143? write escalated: 143, and collected: 296, which was typed to match it; "
        + STANDS.format(value=1043)]
    follow(root, found(root)[0])
    assert found(root) == []


def test_the_latest_count_typed_with_collected_to_match_is_told(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(2, collected=1752, escalated=1580))})
    [problem] = found(root)
    assert (problem.line, problem.column) == (20, 16)
    assert problem.hint.startswith("did you mean 158? write escalated: 158, and collected: 330, which was typed to "
                                   "match it; ")
    follow(root, problem)
    assert found(root) == []


@pytest.mark.parametrize("note", ["数字已核实", "2018年7月2日更正：调研批次由318批次更正为3180批次。"])
def test_a_note_saying_the_figure_was_checked_or_corrected_stands_for_it(tmp_path: Path, note: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(2, batches=3520)) + f"    note: {note}\n"})
    assert found(root) == []
    # In the middle, the note stands for the slip; the next tally's fall from it is then told there, as before.
    text = unit_text(with_figures(1, batches=3180)).replace("    in_progress: 50\n",
                                                            f"    in_progress: 50\n    note: {note}\n")
    root = write_site(tmp_path / "b", {UNIT_PATH: text})
    assert [p.message for p in found(root)] == [
        "survey batches (调研批次) fell from 3180 on 2018-04-26 to 352 on 2018-06-30; these counts only grow"]


@pytest.mark.parametrize("tallies", [
    # A doubling between tallies months apart, and Baihe's steady rise.
    [("2018-02-28", 150, 140, 60, 40, 40), ("2018-06-30", 352, 330, 158, 128, 44)],
    BAIHE,
    # A campaign's first tally counts few: 12 then 120 is a start, not a slip.
    [("2018-01-20", 10, 12, 0, 2, 10), ("2018-03-01", 100, 120, 30, 40, 50), ("2018-04-26", 318, 296, 143, 103, 50)],
    # Resolved from 30 to 300, escalated from 50 to 500 over a year, between counts below the compared size.
    [("2018-01-20", 60, 90, 50, 30, 10), ("2019-01-20", 900, 810, 500, 300, 10)],
    # In progress rises and falls; a tally after a long gap may grow fourfold.
    [("2018-02-28", 120, 110, 20, 10, 80), ("2018-04-26", 318, 296, 100, 46, 150), ("2018-12-31", 1300, 1200, 600,
                                                                                   560, 40)],
])
def test_realistic_growth_is_not_told(tmp_path: Path, tallies: list[tuple[str, int, int, int, int, int]]) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_text(tallies)})
    assert found(root) == []


def test_the_example_site_is_not_told(tmp_path: Path) -> None:
    assert found(copy_example(tmp_path)) == []


def test_a_unit_file_with_other_errors_still_has_its_tallies_told(tmp_path: Path) -> None:
    text = unit_text(with_figures(2, batches=3520)).replace("level: town", "level: 镇镇")
    root = write_site(tmp_path, {UNIT_PATH: text})
    told = [p for p in found(root) if p.severity == "warning"]
    assert [(p.line, p.column, p.message.split(" on ")[0]) for p in told] == [(18, 14, "survey batches (调研批次) 3520")]


def test_a_count_typed_with_a_digit_left_out_in_a_tally_that_does_not_add_up_is_told_there_not_the_one_before(
        tmp_path: Path) -> None:
    # collected 33 for 330: the 296 before it was told typed with a digit too many ("did you mean 26 or 29?"),
    # though the sum of 2018-06-30 (158 + 128 + 44 = 330) showed which one was mistyped.
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(2, collected=33))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:19:16: warning: collected (收集) fell from 296 on 2018-04-26 to 33 on 2018-06-30; these counts "
        "only grow\n"
        "  hint: check the figure; if it is a correction, say so in the tally's note with the word 更正 (correction), "
        "which readers see with the figures: the note then stands for this warning",
        f"{UNIT_PATH}:19:16: error: tally of 2018-06-30 does not add up: escalated 158 + resolved 128 + in progress "
        "44 = 330, but collected is 33\n"
        "  hint: collected: 33 is likely the one mistyped, 330 with a digit left out (少打了一位数): with 330 the four "
        "add up, and no other figure is one slip from making them add up; if the source document (原文) says 330, "
        "correct it to collected: 330"]
    path = root / UNIT_PATH
    path.write_text(path.read_text("utf-8").replace("    collected: 33\n", "    collected: 330\n"), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("figures", "field", "typed", "words"), [
    ({"collected": 2996}, "collected", 2996, "296 with a digit too many (多打了一位数)"),
    ({"escalated": 1043}, "escalated", 1043, "143 with a digit too many (多打了一位数)"),
    ({"escalated": 193}, "escalated", 193, "143 with one digit mistyped (打错了一位数)"),
])
def test_a_sum_error_names_the_one_figure_one_slip_from_making_the_tally_add_up(
        tmp_path: Path, figures: dict[str, int], field: str, typed: int, words: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(1, **figures))})
    [error] = [problem for problem in found(root) if problem.severity == "error"]
    assert (error.line, error.message.split(":")[0]) == (
        {"collected": 13, "escalated": 14}[field], "tally of 2018-04-26 does not add up")
    meant = words.split(" ", 1)[0]
    assert error.hint == (f"{field}: {typed} is likely the one mistyped, {words}: with {meant} the four add up, and "
                          "no other figure is one slip from making them add up; if the source document (原文) says "
                          f"{meant}, correct it to {field}: {meant}")


def test_a_sum_error_with_two_figures_one_slip_from_mending_it_names_none(tmp_path: Path) -> None:
    # 51 for 50 in progress: collected 297 would add up too (one slip from 296), so the four are to be checked.
    root = write_site(tmp_path, {UNIT_PATH: unit_text(with_figures(1, in_progress=51))})
    [error] = [problem for problem in found(root) if problem.severity == "error"]
    assert (error.line, error.hint) == (
        13, "check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集")
