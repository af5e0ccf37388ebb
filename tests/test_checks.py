"""Integrity rules and editor messages, end to end through `sitegen.build.check` and `build`.

Each test writes a small site, runs the real pipeline and asserts the exact
file, line, column, kind and words of each problem (issue 3: "every mistake
an editor makes gets a clear message, and nothing is lost").
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
from pydantic_core import PydanticCustomError

from sitegen.build import BuildOptions, build, check
from sitegen.checks import likely_year
from sitegen.cli import main
from sitegen.errors import Problem, SiteError
from sitegen.models import (chinese_number, level_in_name, parse_count, parse_date, parse_datetime, parse_percent,
                            place_name, split_office, spreadsheet_reading)
from sitegen.render import fingerprinted_name
from sitegen.validation import did_you_mean

from .sitekit import (MINIMAL_CONFIG, REPO, SERIES, UNIT, build_at, copy_example, edit_file, fingerprinted,
                      interview, output_files, parse_html, tree_hashes, write_site)

NOW = datetime(2025, 1, 1)
UNIT_PATH = "content/units/baihe.yaml"


def found(root: Path, now: datetime = NOW) -> list[Problem]:
    """Every problem `check` finds, sorted."""
    return check(BuildOptions(root=root, now=now)).problems


def where(problems: list[Problem]) -> list[tuple[str, int | None, int | None, str]]:
    """Each problem's (path, line, column, severity)."""
    return [(p.path, p.line, p.column, p.severity) for p in problems]


def unit_with(tallies: str = "", extra: str = "") -> str:
    """The test unit (name 白鹤镇, misspellings 白河镇/百合镇) with these tally lines, then ``extra``."""
    head = "name: 白鹤镇\nlevel: town\nmisspellings: [白河镇, 百合镇]\n"
    return head + (f"tallies:\n{tallies}" if tallies else "") + extra


def tally(as_of: str, collected: int | str, escalated: int | str, resolved: int | str,
          in_progress: int | str, batches: int | str | None = None) -> str:
    """One tally item as typed in a unit file (6 or 7 lines)."""
    text = f"  - as_of: {as_of}\n"
    if batches is not None:
        text += f"    batches: {batches}\n"
    return text + (f"    collected: {collected}\n    escalated: {escalated}\n"
                   f"    resolved: {resolved}\n    in_progress: {in_progress}\n")


# -- tallies -------------------------------------------------------------------

def test_tally_that_does_not_add_up_shows_the_sums(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 51))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:6:16: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + "
        "in progress 51 = 297, but collected is 296\n"
        "  hint: check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集"]


def test_tallies_out_of_order_and_on_one_date_are_errors(tmp_path: Path) -> None:
    tallies = tally("2018-04-26", 10, 1, 1, 8) + tally("2018-04-26", 12, 2, 2, 8) + tally("2018-03-01", 5, 1, 1, 3)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    problems = found(root)
    assert where(problems) == [(UNIT_PATH, 10, 12, "error"), (UNIT_PATH, 15, 12, "error")]
    assert [(p.message, p.hint) for p in problems] == [
        ("two tallies on 2018-04-26", "keep one tally per date: merge them or correct the date"),
        ("tally of 2018-03-01 is listed after the tally of 2018-04-26",
         'tallies are listed oldest first (按日期从早到晚): move lines 15–19 above the tally of 2018-04-26 (line 5), with '
         'the "-" lined up with the "-" of the other tallies; if its date is mistyped, correct as_of instead')]


@pytest.mark.parametrize("older", [1, 2])
def test_a_new_tally_pasted_at_the_top_is_the_one_told_with_where_to_move_it(tmp_path: Path, older: int) -> None:
    # "tally of 2018-04-26 is listed after the tally of 2018-06-30" was told at the oldest tally, which was in its
    # place: followed, the editor moved it, and the new one stayed out of order.
    earlier = [tally("2018-03-31", 200, 100, 60, 40), tally("2018-04-26", 296, 143, 103, 50),
               tally("2018-05-31", 320, 150, 120, 50)][-older - 1:]
    pasted = tally("2018-06-30", 350, 160, 140, 50)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(pasted + "".join(earlier))})
    last_line = 5 + 5 * (len(earlier) + 1) - 1
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:5:12: error: tally of 2018-06-30 is listed first, before the tally of "
        f"{'2018-04-26' if older == 1 else '2018-03-31'}: tallies are listed oldest first (按日期从早到晚)\n"
        f"  hint: move lines 5–9 below the tally of 2018-05-31, the last (which ends on line {last_line}), with the "
        '"-" lined up with the "-" of the other tallies; if its date is mistyped, correct as_of instead']
    # Moved as told: clean.
    (root / UNIT_PATH).write_text(unit_with("".join(earlier) + pasted), encoding="utf-8")
    assert found(root) == []
    # One pasted between the others it does not fall between: told where it goes, above the tally after its day.
    root = write_site(tmp_path / "b", {UNIT_PATH: unit_with(
        tally("2018-03-31", 200, 100, 60, 40) + tally("2018-05-31", 320, 150, 120, 50)
        + tally("2018-06-30", 350, 160, 140, 50) + tally("2018-04-26", 296, 143, 103, 50))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:20:12: error: tally of 2018-04-26 is listed last, after the tally of 2018-06-30: tallies are "
        "listed oldest first (按日期从早到晚)\n"
        '  hint: move lines 20–24 above the tally of 2018-05-31 (line 10), with the "-" lined up with the "-" of the '
        "other tallies; if its date is mistyped, correct as_of instead"]


def test_a_tally_that_repeats_the_one_before_unchanged_is_warned_unless_its_note_says_so(tmp_path: Path) -> None:
    # sitegen new tally prints today's date with the latest figures: pasted and never edited, it was published
    # as the figures of a new day, unwarned.
    tallies = (tally("2018-04-26", 296, 143, 103, 50, batches=318) + tally("2018-05-10", 296, 143, 103, 50, batches=318)
               + tally("2018-05-20", 296, 143, 103, 50) + tally("2018-05-31", 296, 143, 103, 50))
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    hint = ("write the figures as counted on {0} (sitegen new tally prints the latest tally's figures, to be changed "
            "where they changed); if nothing changed, say so in note:, e.g. note: 与上次统计相比没有变化")
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        (f"{UNIT_PATH}:11:12", "warning", "tally of 2018-05-10 repeats every figure of the tally of 2018-04-26 "
         "unchanged (batches 318, collected 296, escalated 143, resolved 103, in progress 50), so the unit's page "
         "would publish them as the figures counted on 2018-05-10", hint.format("2018-05-10")),
        # 2018-05-20 gives no batches, 2018-05-10 did: a figure changed. 2018-05-31 repeats 2018-05-20.
        (f"{UNIT_PATH}:22:12", "warning", "tally of 2018-05-31 repeats every figure of the tally of 2018-05-20 "
         "unchanged (collected 296, escalated 143, resolved 103, in progress 50), so the unit's page would publish "
         "them as the figures counted on 2018-05-31", hint.format("2018-05-31"))]
    # The hints followed: the figures counted on 2018-05-10, and a note saying nothing changed by 2018-05-31.
    counted = tally("2018-05-10", 310, 150, 110, 50, batches=330)
    noted = tally("2018-05-31", 310, 150, 112, 48) + "    note: 与上次统计相比没有变化\n"
    fixed = (tally("2018-04-26", 296, 143, 103, 50, batches=318) + counted + tally("2018-05-20", 310, 150, 112, 48)
             + noted)
    (root / UNIT_PATH).write_text(unit_with(fixed), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/units/baihe/index.html").read_text(encoding="utf-8")
    assert "与上次统计相比没有变化" in page


def test_a_repeated_tally_is_told_with_the_other_errors_of_its_unit_file(tmp_path: Path) -> None:
    tallies = tally("2018-04-26", 296, 143, 103, 50) + tally("2018-05-10", 296, 143, 103, 50)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies, "summary: [一, 二]\n")})
    assert [(p.location(), p.severity) for p in found(root)] == [
        (f"{UNIT_PATH}:10:12", "warning"), (f"{UNIT_PATH}:15:10", "error")]


@pytest.mark.parametrize("as_of", ["5月26日", "2018-04-26 左右", "2018-02-30"])
def test_a_tally_with_a_mistyped_date_is_summed_all_the_same(tmp_path: Path, as_of: str) -> None:
    # A tally whose date could not be read was not summed: once the date was mended, "does not add up" came as a
    # second round of errors.
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally(as_of, 200, 100, 60, 30))})
    problems = found(root)
    assert [(p.location(), p.message) for p in problems][1:] == [
        (f"{UNIT_PATH}:6:16", f"tally 1 (as_of: {as_of}) does not add up: escalated 100 + resolved 60 + in progress 30 "
                              "= 190, but collected is 200")]
    assert problems[0].location() == f"{UNIT_PATH}:5:12" and "as_of" in problems[0].message
    # With the date mended, the same sum is told as of its date, and nothing else.
    root.joinpath(UNIT_PATH).write_text(unit_with(tally("2018-04-26", 200, 100, 60, 30)), encoding="utf-8")
    assert [p.message for p in found(root)] == [
        "tally of 2018-04-26 does not add up: escalated 100 + resolved 60 + in progress 30 = 190, but collected is 200"]


@pytest.mark.parametrize("typed", ["白河镇", "白鹤镇", "baihee", "Baihe"])
def test_a_unit_named_while_its_file_has_errors_is_given_its_id_not_a_new_unit(tmp_path: Path, typed: str) -> None:
    # With an error in baihe.yaml, "unit: 白河镇" (its misspelling) was offered "sitegen new unit 白河镇": followed,
    # the town had a second file under its misspelt name.
    broken = unit_with(tally("2018-04-26", 296, 143, 103, 50).replace("    collected: 296\n", ""))
    root = write_site(tmp_path, {UNIT_PATH: broken, "content/interviews/a.md": interview().replace(
        "unit: baihe", f"unit: {typed}")})
    told = [p for p in found(root) if p.path == "content/interviews/a.md"]
    assert [(p.message, p.hint) for p in told] == [(
        f'there is no unit "{typed}"',
        f"{UNIT_PATH} is the file of the unit 白鹤镇, whose id is baihe: write unit: baihe here; that file has errors "
        "of its own, told at its lines, and until they are mended the unit is not read")]


@pytest.mark.parametrize(("left_out", "line", "how"), [
    ("collected", "collected: 296", "escalated 143 + resolved 103 + in progress 50 = 296"),
    ("escalated", "escalated: 143", "collected 296 − resolved 103 − in progress 50 = 143"),
    ("in_progress", "in_progress: 50", "collected 296 − escalated 143 − resolved 103 = 50"),
])
def test_a_tally_figure_left_out_is_given_the_one_that_adds_up(tmp_path: Path, left_out: str, line: str,
                                                               how: str) -> None:
    # 'add a line "collected: …"' left a sum to work out that the other three figures give.
    typed = tally("2018-04-26", 296, 143, 103, 50)
    root = write_site(tmp_path, {UNIT_PATH: unit_with("".join(row + "\n" for row in typed.split("\n")
                                                              if row and not row.strip().startswith(left_out)))})
    [problem] = found(root)
    assert problem.hint == (f'add a line "{line}" under the tally\'s other figures ({how}: every list collected is '
                            "escalated, resolved or in progress); check it against the source document")
    root.joinpath(UNIT_PATH).write_text(unit_with(typed), encoding="utf-8")
    assert found(root) == []


def test_a_unit_named_while_its_file_cannot_be_read_as_yaml_is_given_its_id(tmp_path: Path) -> None:
    # A line without its colon far below name: left the unit's names unread: "unit: 白鹤镇" was offered
    # "sitegen new unit 白鹤镇", which wrote a second file for the town.
    broken = unit_with(extra="milestones:\n  - date: 2018-01-12\n    title 成立领导小组\n")
    root = write_site(tmp_path, {UNIT_PATH: broken, "content/interviews/a.md": interview().replace(
        "unit: baihe", "unit: 白鹤镇")})
    told = [p for p in found(root) if p.path == "content/interviews/a.md"]
    assert [(p.message, p.hint) for p in told] == [(
        'there is no unit "白鹤镇"',
        f'{UNIT_PATH} holds "白鹤镇", and is most likely the file of this unit, whose id is baihe: write unit: baihe '
        "here; the file's YAML cannot be read yet (told at its line), and until it is mended the unit is not read")]
    root.joinpath(UNIT_PATH).write_text(broken.replace("    title 成立", "    title: 成立"), encoding="utf-8")
    root.joinpath("content/interviews/a.md").write_text(interview(), encoding="utf-8")  # the hints, followed
    assert found(root) == []


JINZE_PATH = "content/units/jin-ze-zhen.yaml"
JINZE = "name: 金泽镇\nlevel: town\ntallies:\n" + tally("2018-04-26", 240, 100, 100, 40)
TO_MEND = "whose file has errors to mend, told at its lines"


_MISSED_UNITS = [
    ("jinze", f"did you mean jin-ze-zhen (金泽镇, {TO_MEND})? write unit: jin-ze-zhen"),
    ("金则镇", f"金则镇 reads the same as the unit 金泽镇 ({TO_MEND}) (jin-ze-zhen): write the id of 金泽镇, not a name: "
              "unit: jin-ze-zhen"),
    ("zhouzhuang", "if zhouzhuang is a new unit, create content/units/zhouzhuang.yaml by running, in the site folder: "
                   "sitegen new unit 名称 --id zhouzhuang (with the unit's name in place of 名称); or, if this page "
                   "belongs to a unit the site has, write its id (file name in content/units/ without .yaml), one of: "
                   f"baihe (白鹤镇), jin-ze-zhen (金泽镇, {TO_MEND})"),
]
_READ_IN_PART = ("    collected: 240", "    collected：240")
_UNREADABLE = ("level: town", "level town")


# A file YAML cannot read at all is named by its name: line; a text it holds (金泽) gets the hint of that.
@pytest.mark.parametrize(("slip", "typed", "hint"), [
    *[(_READ_IN_PART, typed, hint) for typed, hint in _MISSED_UNITS],
    (_READ_IN_PART, "金泽", f"did you mean the unit 金泽镇 ({TO_MEND})? write its id: unit: jin-ze-zhen"),
    *[(_UNREADABLE, typed, hint) for typed, hint in _MISSED_UNITS],
])
def test_a_unit_whose_file_has_a_yaml_slip_is_still_offered_by_the_hints_of_a_unit_naming_none(
        tmp_path: Path, slip: tuple[str, str], typed: str, hint: str) -> None:
    # With "collected：240" in jin-ze-zhen.yaml, "unit: jinze" was offered "sitegen new unit 名称 --id jinze" and
    # baihe alone: followed, 金泽镇 had two files, each counted in the totals.
    root = write_site(tmp_path, {JINZE_PATH: JINZE.replace(*slip), "content/interviews/a.md": interview().replace(
        "unit: baihe", f"unit: {typed}")})
    told = [(p.message, p.hint) for p in found(root) if p.path == "content/interviews/a.md"]
    assert told == [(f'there is no unit "{typed}"', hint)]
    root.joinpath(JINZE_PATH).write_text(JINZE, encoding="utf-8")  # the file mended and the hint followed
    # (titled 金泽镇's: "白鹤镇访谈" filed under 金泽镇 is warned, `sitegen.checkpageunit`)
    root.joinpath("content/interviews/a.md").write_text(
        interview("金泽镇访谈").replace("unit: baihe", "unit: jin-ze-zhen"), encoding="utf-8")
    assert found(root) == []


def test_an_empty_unit_and_a_distinct_from_name_are_offered_a_unit_whose_file_has_a_yaml_slip(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        JINZE_PATH: JINZE.replace("    collected: 240", "    collected：240"),
        UNIT_PATH: UNIT + "distinct_from: [金泽镇]\n",
        "content/interviews/a.md": interview().replace("unit: baihe", "unit:")})
    told = [(p.path, p.message, p.hint) for p in found(root) if p.path != JINZE_PATH]
    assert told == [
        ("content/interviews/a.md", "unit: the value is empty",
         "write the id of the unit (its file name in content/units/ without .yaml) after the colon, one of: "
         f"baihe (白鹤镇), jin-ze-zhen (金泽镇, {TO_MEND})"),
        (UNIT_PATH, 'distinct_from: there is no unit "金泽镇"', "write the id, not the name: jin-ze-zhen")]


def test_a_unit_file_beside_one_of_the_same_name_with_a_yaml_slip_is_told_now(tmp_path: Path) -> None:
    # jinze.yaml, made for 金泽镇 while jin-ze-zhen.yaml had "collected：240", was told nothing until that file was
    # mended: the town then had two files, both in the totals, and pages naming each.
    root = write_site(tmp_path, {JINZE_PATH: JINZE.replace("    collected: 240", "    collected：240"),
                                 "content/units/jinze.yaml": "name: 金泽镇\nlevel: town\n"})
    told = [(p.location(), p.message, p.hint) for p in found(root) if p.path == "content/units/jinze.yaml"]
    assert told == [(
        "content/units/jinze.yaml:1:7",
        f"two units named 金泽镇 ({JINZE_PATH}, whose file has errors to mend, and content/units/jinze.yaml) would "
        "be listed twice among the units once it is mended",
        f"keep one file for 金泽镇: mend {JINZE_PATH} and move into it what content/units/jinze.yaml holds, then "
        "delete content/units/jinze.yaml (or keep content/units/jinze.yaml and delete the other); if they are two "
        "places, give each unit its own name")]
    (root / "content/units/jinze.yaml").unlink()  # the hint followed
    root.joinpath(JINZE_PATH).write_text(JINZE, encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("typed", ["", " ~"])
def test_a_tally_figure_typed_with_nothing_after_its_colon_is_given_the_one_that_adds_up(tmp_path: Path,
                                                                                        typed: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50).replace(
        "    in_progress: 50", f"    in_progress:{typed}"))})
    [problem] = found(root)
    assert problem.hint == ('write "in_progress: 50" (collected 296 − escalated 143 − resolved 103 = 50: every list '
                            "collected is escalated, resolved or in progress); check it against the source document")


def test_a_cumulative_count_that_falls_is_a_warning_with_both_values(tmp_path: Path) -> None:
    tallies = tally("2018-03-01", 300, 140, 100, 60, batches=318) + tally("2018-04-26", 296, 143, 103, 50, batches=310)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    problems = found(root)
    assert where(problems) == [(UNIT_PATH, 12, 14, "warning"), (UNIT_PATH, 13, 16, "warning")]
    assert [p.message for p in problems] == [
        "survey batches (调研批次) fell from 318 on 2018-03-01 to 310 on 2018-04-26; these counts only grow",
        "collected (收集) fell from 300 on 2018-03-01 to 296 on 2018-04-26; these counts only grow"]
    build(BuildOptions(root=root, now=NOW))  # warnings alone do not stop the build
    # The hint says to tell a correction in the note: told so, it stood, and --strict stopped on it.
    noted = tallies + "    note: 更正：4份重复收集的清单已合并\n"
    root.joinpath(UNIT_PATH).write_text(unit_with(noted), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW))
    assert "更正：4份重复收集的清单已合并" in (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig")


@pytest.mark.parametrize(("typed", "digits"), [(".5", "5"), ("5份", "5"), ("约5", "5")])
def test_a_count_whose_digits_alone_do_not_add_up_is_told_the_figure_the_sum_gives(
        tmp_path: Path, typed: str, digits: str) -> None:
    # in_progress: .5 was offered "write the digits alone: 5": typed as told, the tally did not add up (50 was meant).
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50).replace(
        "    in_progress: 50", f"    in_progress: {typed}"))})
    [problem] = found(root)
    assert problem.hint.startswith(f"write the digits alone: {digits} ")
    assert problem.hint.endswith("; the tally's other figures give 50 (collected 296 − escalated 143 − resolved 103 = "
                                 "50): check the figure against the source document")
    # Where the digits alone are the figure that adds up, nothing is added.
    root = write_site(tmp_path / "b", {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50).replace(
        "    in_progress: 50", "    in_progress: 50份"))})
    [problem] = found(root)
    assert "the tally's other figures give" not in problem.hint


@pytest.mark.parametrize("note", ["已解决数不再更正", "未更正", "无需修正", "没有纠正", "not corrected", "no revision"])
def test_a_note_that_denies_a_correction_does_not_stand_for_a_falling_count(tmp_path: Path, note: str) -> None:
    # Any note holding 更正 stopped the warning: "已解决数不再更正" (no longer corrected) too.
    tallies = tally("2018-03-01", 300, 140, 100, 60) + tally("2018-04-26", 296, 143, 103, 50)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies + f"    note: {note}\n")})
    assert [p.message for p in found(root)] == [
        "collected (收集) fell from 300 on 2018-03-01 to 296 on 2018-04-26; these counts only grow"]


@pytest.mark.parametrize(("typed", "message", "hint"), [
    # A count with its unit or other words: the hint gave a fixed example (e.g. 296), not the editor's own figure.
    ("1,318批", '"1,318批" is not a whole number', "write the digits alone: 1318 (a count has no unit such as 份 or "
                                                 "批, and no other words)"),
    ("共 296 份", '"共 296 份" is not a whole number', "write the digits alone: 296 (a count has no unit such as 份 "
                                                   "or 批, and no other words)"),
    # Words that say something (about, what is included) are offered a place in the note, not dropped.
    # A second "note:" line, typed as the hint once showed it beside the tally's own note, was an error whose fix
    # deleted the note that named the source: the words are added to the one note.
    ("约296", '"约296" is not a whole number', "write the digits alone: 296 (a count has no unit such as 份 or 批, "
                                             'and no other words); to keep what "约" says, add it to the tally\'s '
                                             "note: add a line under the tally's other fields, indented as they are "
                                             "(4 spaces): note: 收集约296份"),
    ("296件（含退回）", '"296件（含退回）" is not a whole number', "write the digits alone: 296 (a count has no unit "
                                                       "such as 份 or 批, and no other words); to keep what "
                                                       '"（含退回）" says, add it to the tally\'s note: add a line '
                                                       "under the tally's other fields, indented as they are (4 "
                                                       "spaces): note: 收集296份（含退回）"),
    ("一共296份", '"一共296份" is not a whole number', "write the digits alone: 296 (a count has no unit such as 份 "
                                                 "or 批, and no other words)"),  # 一共, in all, says nothing to keep
    ("296。", '"296。" is not a whole number', "write the digits alone: 296 (a count has no unit such as 份 or 批, "
                                             "and no other words)"),  # punctuation says nothing to keep
    # A comma or 、 after the figure, typed as in a sentence: the hint gave no figure, only the rule.
    ("125，", '"125，" is not a whole number', "write the digits alone: 125 (a count has no unit such as 份 or 批, "
                                             "and no other words)"),
    ("1,296、", '"1,296、" is not a whole number', "write the digits alone: 1296 (a count has no unit such as 份 or "
                                                 "批, and no other words)"),
    ("296份，", '"296份，" is not a whole number', "write the digits alone: 296 (a count has no unit such as 份 or 批, "
                                               "and no other words)"),  # nothing to keep in the note
    ("３批２９６份", '"３批２９６份" is not a whole number', "write the number in digits (0-9) alone: no units such "
                                                     "as 份 or 批, no commas, no spaces"),  # two numbers: which is meant?
    # Chinese numerals (中文数字) and a stray space: the number meant is given, never a fixed example's (296 was
    # the hint's example, which, copied into escalated, made a tally that did not add up).
    ("二百九十六", '"二百九十六" is not a whole number', "write the number in digits: 296 (a count is written 0-9, "
                                                 "not in Chinese numerals 中文数字)"),
    ("一百四十三份", '"一百四十三份" is not a whole number', "write the number in digits: 143 (a count is written "
                                                     "0-9, not in Chinese numerals 中文数字)"),
    ("1 43", '"1 43" is not a whole number', "if it is one number, write it without the spaces: 143"),
    # 万 and 亿 (ten thousand, a hundred million): "digits alone" gave 1.2, refused again as a decimal.
    ("1.2万", '"1.2万" is not a whole number', "1.2万 is 12000 (万, ten thousand, is 10,000): write 12000"),
    ("３万份", '"３万份" is not a whole number', "3万 is 30000 (万, ten thousand, is 10,000): write 30000"),
    ("1.23456万", '"1.23456万" is not a whole number', "1.23456万 is 12345.6 (万, ten thousand, is 10,000), not a whole "
                                                     "number: check the figure against the source"),
    # Read as said (一万二 is 12000), and W for 万 as typed in chats.
    ("1万2", '"1万2" is not a whole number', "1万2 is 12000 (万, ten thousand, is 10,000): write 12000"),
    ("2万5千", '"2万5千" is not a whole number', "2万5千 is 25000 (万, ten thousand, is 10,000): write 25000"),
    ("2万500", '"2万500" is not a whole number', "2万500 is 20500 (万, ten thousand, is 10,000): write 20500"),
    ("1.2W", '"1.2W" is not a whole number', "1.2W is 12000 (万, ten thousand, is 10,000): write 12000"),
    # Digits mixed with Chinese numerals, and 万 with words: "write the digits alone: 2" gave 2 for 296, and 1 for
    # 1万余; 约1.2万 got no number at all. The number said is given, and the words a place in the note.
    ("2百九十六", '"2百九十六" is not a whole number', "2百九十六 is 296 (百, a hundred, is 100): write 296"),
    ("1千2百", '"1千2百" is not a whole number', "1千2百 is 1200 (千, a thousand, is 1,000): write 1200"),
    ("2千零5", '"2千零5" is not a whole number', "2千零5 is 2005 (千, a thousand, is 1,000): write 2005"),
    ("2百5", '"2百5" is not a whole number', "2百5 is 250 (百, a hundred, is 100): write 250"),
    ("1亿2千万", '"1亿2千万" is not a whole number', "1亿2千万 is 120000000 (亿, a hundred million, is "
                                                 "100,000,000): write 120000000"),
    ("1万余", '"1万余" is not a whole number', '1万 is 10000 (万, ten thousand, is 10,000): write 10000; to keep '
                                            'what "余" says, add it to the tally\'s note: add a line under the '
                                            "tally's other fields, indented as they are (4 spaces): note: 收集1万余份"),
    ("约1.2万份", '"约1.2万份" is not a whole number', '1.2万 is 12000 (万, ten thousand, is 10,000): write 12000; to '
                                                 'keep what "约" says, add it to the tally\'s note: add a line under '
                                                 "the tally's other fields, indented as they are (4 spaces): "
                                                 "note: 收集约1.2万份"),
    ("二百九十六份左右", '"二百九十六份左右" is not a whole number', "write the number in digits: 296 (a count is "
                                                         "written 0-9, not in Chinese numerals 中文数字); to keep "
                                                         'what "左右" says, add it to the tally\'s note: add a line '
                                                         "under the tally's other fields, indented as they are (4 "
                                                         "spaces): note: 收集二百九十六份左右"),
    ("2九6", '"2九6" is not a whole number', "write the number in digits (0-9) alone: no units such as 份 or 批, no "
                                           "commas, no spaces"),  # two numbers side by side: which is meant?
    ("2〇", '"2〇" is not a whole number', "write the number in digits (0-9) alone: no units such as 份 or 批, no "
                                         "commas, no spaces"),  # 20, or 2 and a stray 〇? (it raised ValueError)
    # 千 and 百: "write the digits alone: 3" would publish 3 for 3000.
    ("3千份", '"3千份" is not a whole number', "3千 is 3000 (千, a thousand, is 1,000): write 3000"),
    ("1.5千", '"1.5千" is not a whole number', "1.5千 is 1500 (千, a thousand, is 1,000): write 1500"),
    ("-3", 'a count cannot be negative ("-3")', "counts are 0 or more; check the figure"),
    ("1.5", '"1.5" is not a whole number', "counts are whole numbers: check the figure (a count has no decimal point)"),
    # As a spreadsheet exports a count: told to "check the figure", which was right.
    ("296.0", '"296.0" is not a whole number', "write 296: a count has no decimal point"),
    ("50.00", '"50.00" is not a whole number', "write 50: a count has no decimal point"),
    ("12.75", '"12.75" is not a whole number', "counts are whole numbers: check the figure (a count has no decimal "
                                              "point)"),
    # A thousands point as written in Europe was told only that a count has no decimal point.
    ("1.296", '"1.296" is not a whole number', 'if the "." separates thousands (千位分隔符), write the digits alone: '
                                              "1296; if it is a decimal point, check the figure: counts are whole "
                                              "numbers"),
    ("1.296.000", '"1.296.000" is not a whole number', 'if the "." separates thousands (千位分隔符), write the '
                                                      "digits alone: 1296000; if it is a decimal point, check the "
                                                      "figure: counts are whole numbers"),
    ("１２．３４５", '"１２．３４５" is not a whole number', 'if the "." separates thousands (千位分隔符), write the '
                                                   "digits alone: 12345; if it is a decimal point, check the "
                                                   "figure: counts are whole numbers"),
    ("0.296", '"0.296" is not a whole number', "counts are whole numbers: check the figure (a count has no decimal "
                                              "point)"),  # no count is written 0296
    ("1.2960", '"1.2960" is not a whole number', "counts are whole numbers: check the figure (a count has no "
                                                "decimal point)"),
    # A count copied from Excel, or typed with the input method's comma: the separator named, the digits given.
    ("1,296", '"1,296" holds a thousands separator (千位分隔符)', "write the digits alone: 1296"),
    ("1，296", '"1，296" holds a thousands separator (千位分隔符)', "write the digits alone: 1296"),
    ("12,345,678", '"12,345,678" holds a thousands separator (千位分隔符)', "write the digits alone: 12345678"),
    # The input method's full-width space was "is not a whole number", as if the digits were wrong.
    ("1\u3000296", '"1\u3000296" holds a thousands separator (千位分隔符)', "write the digits alone: 1296"),
    ("1,29", '"1,29" is not a whole number', "write the number in digits (0-9) alone: no units such as 份 or "
                                             "批, no commas, no spaces"),
    ("0,296", '"0,296" is not a whole number', "write the number in digits (0-9) alone: no units such as 份 or "
                                             "批, no commas, no spaces"),  # no count is written 0296
])
def test_counts_are_whole_numbers_of_zero_or_more(tmp_path: Path, typed: str, message: str, hint: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", typed, 0, 0, 0))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:6:16: error: tallies → item 1 → collected: {message}\n  hint: {hint}"]


def test_a_count_typed_with_wan_and_words_followed_as_told_keeps_the_figure_and_the_words(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", "约1.2万", 12000, 0, 0))})
    [problem] = found(root)
    assert problem.hint.startswith("1.2万 is 12000 (万, ten thousand, is 10,000): write 12000; to keep what \"约\"")
    assert problem.hint.endswith("indented as they are (4 spaces): note: 收集约1.2万份")
    # Followed: the digits in the field, the note line as given; it checks clean and both are published.
    root.joinpath(UNIT_PATH).write_text(unit_with(tally("2018-04-26", 12000, 12000, 0, 0) + "    note: 收集约1.2万份\n"),
                                        encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig").splitlines()
    assert rows[1] == "baihe,白鹤镇,2018-04-26,,12000,12000,0,0,收集约1.2万份"


@pytest.mark.parametrize(("typed", "number"), [
    ("一百四十三", 143), ("二百九十六份", 296), ("共一百四十三份", 143), ("三千零五", 3005), ("一千零一十", 1010),
    ("一万二千", 12000), ("十二", 12), ("十", 10), ("一十五", 15), ("两百", 200), ("一百零三", 103), ("十万", 100000),
    ("一四三", 143), ("二〇一八", 2018),
    ("二百五", 250), ("三千五", 3500), ("一万二", 12000),  # a digit after 百, 千, 万 counts in the place below
    ("三批二百份", None), ("143件", None), ("万", None), ("份", None),  # two numbers, digits, no number
])
def test_chinese_numerals_are_read_for_the_hint(typed: str, number: int | None) -> None:
    assert chinese_number(typed) == number


def test_a_count_of_thousands_written_as_digits_alone_is_taken(tmp_path: Path) -> None:
    # A town's million lists is told as most likely mistyped (check_count_sizes): the note says they were checked.
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", "1296000", "1296", "１２９４７０４", 0,
                                                            batches="１２９６") + "    note: 数字已核实\n")})
    assert found(root) == []


def test_a_no_break_space_between_thousands_is_a_thousands_separator() -> None:
    # 1 296 copied from a web page holds U+00A0 or U+202F, and got "is not a whole number".
    for space in "\u00a0\u202f":
        with pytest.raises(PydanticCustomError) as caught:
            parse_count(f"1{space}296")
        assert caught.value.context["hint"] == "write the digits alone: 1296"


def test_full_width_digits_are_read_as_the_same_count() -> None:
    assert parse_count("３１８") == 318 and parse_count(" 296 ") == 296 and parse_count("0") == 0


TOO_LARGE = ('"{0}" is too large for a count ({1} digits): a spreadsheet (Excel) keeps 15 digits of a number and '
             "a web page's JavaScript about 16, so the open data would be read as another figure")
TOO_LARGE_HINT = ("type the figure from the source: were digits typed twice, or a key held down? (a count of issue "
                  "lists 问题清单 or survey batches 调研批次 runs to a few digits)")


def test_a_count_the_open_data_cannot_keep_exactly_is_an_error_and_the_figure_typed_as_told_is_published(
        tmp_path: Path) -> None:
    # 99999999999999999999 was published: JavaScript read 100000000000000000000, Excel showed 1E+20, and the home
    # page said 收集问题清单100000000000000000295 份, 已解决占 <0.000001%.
    typed = tally("2018-04-26", "99999999999999999999", 143, 103, "99999999999999999753", batches="0000000000000000318")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(typed)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:7:16: error: tallies → item 1 → collected: {TOO_LARGE.format('99999999999999999999', 20)}\n"
        f"  hint: {TOO_LARGE_HINT}",
        f"{UNIT_PATH}:10:18: error: tallies → item 1 → in_progress: "
        f"{TOO_LARGE.format('99999999999999999753', 20)}\n  hint: {TOO_LARGE_HINT}"]
    # Followed: the figures of the source typed; 0000000000000000318 is 318, however many zeros lead it.
    root.joinpath(UNIT_PATH).write_text(unit_with(tally("2018-04-26", 296, 143, 103, 50, batches=318)), "utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    [row] = json.loads((root / "output/data/tallies.json").read_text("utf-8"))
    assert (row["collected"], row["in_progress"], row["batches"]) == (296, 50, 318)


def test_the_largest_count_is_the_largest_a_spreadsheet_keeps_exactly() -> None:
    assert parse_count("999999999999999") == 999_999_999_999_999  # 15 digits: Excel keeps them all
    with pytest.raises(PydanticCustomError) as caught:
        parse_count("１０００００００００００００００")  # 16, typed full-width
    assert str(caught.value) == TOO_LARGE.format("１０００００００００００００００", 16)


def test_a_setting_too_large_is_told_its_own_limit_not_the_open_datas(tmp_path: Path) -> None:
    root = write_site(tmp_path, {}, config=MINIMAL_CONFIG + "per_page: 99999999999999999999\n")
    assert [p.format() for p in found(root)] == [
        'site.yaml:3:11: error: "per_page" is 99999999999999999999, more than the largest allowed value 1000\n'
        "  hint: use a number up to 1000"]


SIZE_MESSAGE = ("{0} in the tally of {1} {2}: most likely mistyped, and the unit's page, the totals of the home page "
                "and the open data would publish it")
SIZE_HINT = ("check the figure against the source and type it as counted; if it is right, say so in the tally's note "
             "with the word 核实 (verified), e.g. note: 数字已核实: the note then stands for this warning")


def test_a_count_most_likely_mistyped_is_warned_until_typed_as_counted(tmp_path: Path) -> None:
    # A slip of a few digits went into the district's totals unwarned.
    huaxin = "name: 华新镇\nlevel: town\ntallies:\n" + tally("2018-04-26", 410, 200, 110, 100, batches=520)
    zhaoxiang = "name: 赵巷镇\nlevel: town\ntallies:\n" + tally("2018-04-26", 125000, 50, 50, 124900)
    baihe = tally("2018-03-01", 150, 50, 50, 50, batches=200) + tally("2018-04-26", 29600, 143, 103, 29354,
                                                                        batches=3188888)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(baihe), "content/units/huaxin.yaml": huaxin,
                                 "content/units/zhaoxiang.yaml": zhaoxiang,
                                 "content/units/qingpu.yaml": "name: 青浦区\nlevel: district\ntallies:\n"
                                 + tally("2018-04-26", 125000, 50, 50, 124900)})
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        (f"{UNIT_PATH}:12:14", "warning", SIZE_MESSAGE.format("survey batches (调研批次) 3188888", "2018-04-26",
                                                            "holds 88888, one digit typed 5 times in a row"),
         SIZE_HINT),
        (f"{UNIT_PATH}:13:16", "warning", SIZE_MESSAGE.format("collected (收集) 29600", "2018-04-26",
                                                            "is 197 times its 150 of 2018-03-01"), SIZE_HINT),
        ("content/units/zhaoxiang.yaml:5:16", "warning", SIZE_MESSAGE.format(
            "collected (收集) 125000", "2018-04-26", "is 100000 (十万) or more, far more than one town (镇) counts"),
         SIZE_HINT),
        ("content/units/zhaoxiang.yaml:8:18", "warning", SIZE_MESSAGE.format(
            "in progress (办理中) 124900", "2018-04-26", "is 100000 (十万) or more, far more than one town (镇) counts"),
         SIZE_HINT)]
    # Followed, a figure at a time. 赵巷镇's as counted (1250): the district's 125000 holds its towns' figures, no slip.
    (root / "content/units/zhaoxiang.yaml").write_text(zhaoxiang.replace("125000", "1250").replace("124900", "1150"),
                                                       "utf-8")
    # 白鹤镇's first tally alone, with two digits too many: it is compared with the other towns' figures.
    (root / UNIT_PATH).write_text(unit_with(tally("2018-04-26", 125000, 143, 103, 124754)), "utf-8")
    assert [p.message for p in found(root)][:1] == [SIZE_MESSAGE.format(
        "collected (收集) 125000", "2018-04-26", "is 100 times the most any other town (镇) counts, 1250 of 赵巷镇")]
    (root / UNIT_PATH).write_text(unit_with(tally("2018-03-01", 150, 50, 50, 50, batches=200)
                                            + tally("2018-04-26", 296, 143, 103, 50, batches=318)), "utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/tallies.csv").read_text("utf-8-sig").splitlines()
    assert [row.split(",")[4] for row in rows[1:]] == ["150", "296", "410", "125000", "1250"]


def test_a_large_count_noted_as_checked_stands(tmp_path: Path) -> None:
    # The hint's other reading: the figure is right, and the note says it was checked; published as typed.
    noted = tally("2018-04-26", 125000, 50, 50, 124900) + "    note: 数字已核实，据区大调研办公室通报\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(noted)})
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/tallies.csv").read_text("utf-8-sig").splitlines()
    assert rows[1] == "baihe,白鹤镇,2018-04-26,,125000,50,50,124900,数字已核实，据区大调研办公室通报"


def test_a_count_most_likely_mistyped_is_told_with_the_other_errors_of_its_unit_file(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296666, 143, 103, 296420),
                                                      "summary: [一, 二]\n")})
    assert [(p.location(), p.severity, p.message) for p in found(root)][:2] == [
        (f"{UNIT_PATH}:6:16", "warning", SIZE_MESSAGE.format("collected (收集) 296666", "2018-04-26",
                                                           "holds 6666, one digit typed 4 times in a row")),
        (f"{UNIT_PATH}:9:18", "warning", SIZE_MESSAGE.format("in progress (办理中) 296420", "2018-04-26",
                                                           "is 100000 (十万) or more, far more than one town (镇) "
                                                           "counts"))]


@pytest.mark.parametrize(("typed", "ok"), [("80", True), ("80%", True), ("62.5", True), ("８０％", True),
                                           ("0", True), ("100", True), ("120", False), ("-5", False),
                                           ("0.8.1", False), ("nan", False), ("1e2", False),
                                           ("80-90", False)])
def test_percentages_are_from_0_to_100(tmp_path: Path, typed: str, ok: bool) -> None:
    targets = f"targets:\n  - group: residents\n    target: {typed}\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets)})
    problems = found(root)
    if ok:
        assert [p for p in problems if p.severity == "error"] == []
        return
    assert where(problems) == [(UNIT_PATH, 6, 13, "error")]
    assert problems[0].message.startswith(f'targets → item 1 → target: "{typed}" is ')
    assert problems[0].hint == "write a number from 0 to 100, e.g. 80 or 62.5 (a share of 0.8 is written 80)"


_DECIMALS = "a percentage keeps at most 6 decimals (小数位): "


@pytest.mark.parametrize(("typed", "hint", "meant"), [
    # Shown as typed, 79.99999999999999999 was the float 80.0: "已达 80%" and "已达到目标" for a target of 80 not
    # reached. Cut, never rounded up to the target.
    ("79.99999999999999999", _DECIMALS + "write 79.999999, the rest cut, not rounded", "79.999999"),
    ("99.99999999999999999%", _DECIMALS + "write 99.999999, the rest cut, not rounded", "99.999999"),
    ("33.3333333", _DECIMALS + "write 33.333333, the rest cut, not rounded", "33.333333"),
    # Cut to 0, a share measured would read as nothing done.
    ("0.0000001", _DECIMALS + "this one is less than 0.000001%, one in a hundred million: check the figure against "
                              "the source", "0.000001"),
])
def test_a_percentage_with_more_decimals_than_kept_is_offered_them_cut(tmp_path: Path, typed: str, hint: str,
                                                                       meant: str) -> None:
    targets = "targets:\n  - group: residents\n    target: 80\n    measured: {}\n    measured_as_of: 2018-06-30\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets.format(typed))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:7:15: error: targets → item 1 → measured: "{typed}" has more than 6 decimals\n  hint: {hint}']
    root.joinpath(UNIT_PATH).write_text(unit_with(extra=targets.format(meant)), encoding="utf-8")
    assert [p for p in found(root) if p.severity == "error"] == []


_WORDS = "write the number alone: {} (a percentage has no other words)"
_NOTE = ('; to keep what "{}" says, add it to the target\'s note: add a line under the target\'s other fields, '
         "indented as they are (4 spaces): note: {}")
_FLOOR = '; "{}" need not be kept: a target is a floor already, reached when the share measured is as much or more'


@pytest.mark.parametrize(("typed", "hint", "meant"), [
    # The hint gave the fixed example "e.g. 80 or 62.5", not the editor's own number.
    # Words that say something are offered the target's note, as a count's are the tally's.
    ("约80%", _WORDS.format("80") + _NOTE.format("约", "目标约80%"), "80"),
    # A target is a floor already (reached when the share measured is as much or more): 以上 says nothing.
    ("80%以上", _WORDS.format("80") + _FLOOR.format("以上"), "80"),
    ("８２．５％以上", _WORDS.format("82.5") + _FLOOR.format("以上"), "82.5"),
    ("达到 100%", _WORDS.format("100"), "100"), ("目标90％", _WORDS.format("90"), "90"),
    # A percentage said in words: "write the number alone: 8" published 8% for 8成 (eight tenths, 80%); 八十 and
    # 百分之八十 were given the fixed example "e.g. 80 or 62.5", whatever they said.
    ("8成", "8成 is 80% (成, a tenth, is 10%): write 80", "80"),
    ("七成五", "七成五 is 75% (成, a tenth, is 10%): write 75", "75"),
    ("八成半", "八成半 is 85% (成, a tenth, is 10%, and 半, half of one, 5%): write 85", "85"),  # was 80, 半 to the note
    # The note says which figure, in digits: 约八成 alone after its last sentence said of what.
    ("约八成", "八成 is 80% (成, a tenth, is 10%): write 80" + _NOTE.format("约", "目标约80%"), "80"),
    ("百分之六十二点五", "百分之六十二点五 is 62.5% (百分之, per hundred): write 62.5", "62.5"),
    ("百分之百", "百分之百 is 100% (百分之, per hundred): write 100", "100"),
    ("百分百", "百分百 is 100% (百分百, the whole): write 100", "100"),
    ("九十五", "九十五 is 95% (中文数字, Chinese numerals): write 95", "95"),
    ("一百二十", "一百二十 is 120% (中文数字, Chinese numerals), more than 100: check the figure against the source",
     "100"),
    # "write the number alone: 8" dropped the O: typed so, 8% was published for 80%.
    ("8O", '"O" in it is a letter, not a digit: if it is 0, write 80; else check the figure against the source', "80"),
    # "write the number alone: 80" published 80% for 80‰, ten times the figure.
    ("80‰", "‰ is per mille (千分之), a tenth of a percent: 80‰ is 8%, so write 8%", "8%"),
    ("5‰", "‰ is per mille (千分之), a tenth of a percent: 5‰ is 0.5%, so write 0.5%", "0.5%"),
    # The input method's full stop for the decimal point: told only "write a number from 0 to 100".
    ("65。5", '"。" is the Chinese full stop (句号), not a decimal point: write 65.5', "65.5"),
])
def test_a_percentage_typed_with_words_a_letter_or_per_mille_gets_the_figure_meant(tmp_path: Path, typed: str,
                                                                                   hint: str, meant: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=f"targets:\n  - group: residents\n    target: {typed}\n")})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:6:13: error: targets → item 1 → target: "{typed}" is not a percentage\n  hint: {hint}']
    root.joinpath(UNIT_PATH).write_text(unit_with(extra=f"targets:\n  - group: residents\n    target: {meant}\n"),
                                        encoding="utf-8")
    assert found(root) == []


_TENTHS = "成, a tenth, is 10%"
_HALF_TENTH = "成, a tenth, is 10%, and 半, half of one, 5%"


@pytest.mark.parametrize(("typed", "hint", "meant"), [
    # 半 was dropped: "六成 is 60%… write 60" published 60 for 65, and 一半 was offered 1 ("一 is 1%").
    ("六成半", f"六成半 is 65% ({_HALF_TENTH}): write 65", "65"),
    ("七成半", f"七成半 is 75% ({_HALF_TENTH}): write 75", "75"),
    ("半成", f"半成 is 5% ({_HALF_TENTH}): write 5", "5"),
    ("一半", "一半 is 50% (半, a half): write 50", "50"),
    ("半数以上", "半数 is 50% (半, a half): write 50" + _NOTE.format("以上", "实测50%以上"), "50"),
    ("八成五", f"八成五 is 85% ({_TENTHS}): write 85", "85"),
    ("一成", f"一成 is 10% ({_TENTHS}): write 10", "10"),
    # 零点五成 was offered 50, its 零点 kept for the note; a fraction got "write a number from 0 to 100".
    ("零点五成", f"零点五成 is 5% ({_TENTHS}): write 5", "5"),
    ("四分之三", "四分之三 is 75% (分之, 3 of 4 parts): write 75", "75"),
    ("三分之二", "三分之二 is 66.67% (分之, 2 of 3 parts, rounded to two decimals): write 66.67", "66.67"),
])
def test_a_measured_share_said_with_a_half_or_as_a_fraction_gets_the_whole_figure(tmp_path: Path, typed: str,
                                                                                   hint: str, meant: str) -> None:
    targets = "targets:\n  - group: residents\n    target: 80\n    measured: {}\n    measured_as_of: 2018-06-30\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets.format(typed))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:7:15: error: targets → item 1 → measured: "{typed}" is not a percentage\n  hint: {hint}']
    # Followed (words said beside the figure go to the note): clean, and the figure meant is published.
    note = "    note: 实测50%以上\n" if typed == "半数以上" else ""
    root.joinpath(UNIT_PATH).write_text(unit_with(extra=targets.format(meant) + note), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/targets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].split(",")[2:8] == ["residents", "居民", "80", "", meant, "2018-06-30"]


def test_a_measured_date_without_its_measured_value_is_an_error_whose_hint_either_way_publishes_one_story(
        tmp_path: Path) -> None:
    # Checked clean, the page said 暂无实测数据 (nothing measured) while its table and targets.csv gave the date of a
    # measurement: "注册企业 80% — 2018-06-30" and ",,2018-06-30,".
    head = "targets:\n  - group: registered_enterprises\n    target: 80\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=head + "    measured_as_of: 2018-06-30\n")})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:7:21: error: a measured date needs the value measured on it\n"
        "  hint: add measured: NN above it, NN being the share reached on 2018-06-30 in percent (e.g. measured: 60 "
        "for 60%); or, if nothing was measured, delete the measured_as_of line"]
    # Either way the hint offers, the check is clean and the page, its table and targets.csv tell one story.
    for mended, row, cells in (
            ("    measured: 60\n    measured_as_of: 2018-06-30\n", ["80", "", "60", "2018-06-30"],
             '<td class="num">80%</td><td class="num">60%</td><td><time datetime="2018-06-30">'),
            ("", ["80", "", "", ""], None)):
        root.joinpath(UNIT_PATH).write_text(unit_with(extra=head + mended), encoding="utf-8")
        assert found(root) == [], mended
        build(BuildOptions(root=root, now=NOW, search=False))
        rows = (root / "output/data/targets.csv").read_text(encoding="utf-8-sig").splitlines()
        assert rows[1].split(",")[2:8] == ["registered_enterprises", "注册企业", *row]
        page = (root / "output/units/baihe/index.html").read_text(encoding="utf-8")
        assert ("2018-06-30" in page) == (cells is not None)
        if cells is not None:
            assert cells in page and "暂无实测数据" not in page
        else:
            assert "暂无实测数据" in page


def test_a_share_of_one_typed_for_a_percentage_is_a_warning_as_a_share_below_one_is(tmp_path: Path) -> None:
    # target: 1.0 was published as 1% without a word, where 0.8 was warned.
    targets = "targets:\n  - group: residents\n    target: 1.0\n    measured: 1\n    measured_as_of: 2018-05-10\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets)})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        (f"{UNIT_PATH}:6:13", "target: 1.0 is read as 1.0%",
         "if you meant 100%, write 100 (percent, from 0 to 100); if 1.0% is right, write 1.0%"),
        # A whole 1 is as likely 1% (约1%, 已走访): offered first, "100" second, so that it is not taken at a glance.
        (f"{UNIT_PATH}:7:15", "measured: 1 is read as 1%",
         "if 1% is right, write 1%; if you meant 100%, write 100 (percent, from 0 to 100)")]


def test_a_tally_pasted_without_its_dash_is_one_error_saying_to_add_it(tmp_path: Path) -> None:
    # Six errors "the key ... appears twice in the same block", each with "keep one line and delete or rename
    # the other": followed, the new tally was deleted and the check was clean.
    pasted = tally("2018-05-31", 330, 150, 130, 50).replace("  - as_of:", "    as_of:")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50) + pasted)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:10:5: error: the key "as_of" appears twice in the same item; it was first given on line 5, '
        'where the item starts: this line most likely starts the next item, its "- " left out\n'
        '  hint: replace the two spaces before "as_of:" with "- " (a hyphen and a space), lined up with the "- " of '
        "line 5: the line then starts a new item, and the lines below it are its fields"]
    root.joinpath(UNIT_PATH).write_text(unit_with(tally("2018-04-26", 296, 143, 103, 50)
                                                  + pasted.replace("    as_of:", "  - as_of:")), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert [row.split(",")[2:5] for row in
            (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig").splitlines()[1:]] == [
        ["2018-04-26", "", "296"], ["2018-05-31", "", "330"]]


def test_a_share_typed_for_a_percentage_is_a_warning(tmp_path: Path) -> None:
    # "target: 0.8" was taken silently as 0.8%, though the editor most likely meant 80%.
    targets = ("targets:\n  - group: residents\n    target: 0.8\n    measured: 0.5\n"
               "    measured_as_of: 2018-05-10\n  - group: institutions\n    target: 0.5%\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets)})
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        (f"{UNIT_PATH}:6:13", "warning", "target: 0.8 is read as 0.8%",
         "if you meant 80%, write 80 (percent, from 0 to 100); if 0.8% is right, write 0.8%"),
        (f"{UNIT_PATH}:7:15", "warning", "measured: 0.5 is read as 0.5%",
         "if you meant 50%, write 50 (percent, from 0 to 100); if 0.5% is right, write 0.5%")]


def test_a_target_of_0_is_a_warning_and_a_measured_0_is_not(tmp_path: Path) -> None:
    # "target: 0" was published as the goal "0%（已达 0%）", met before any work was done.
    targets = ("targets:\n  - group: residents\n    target: 0\n    measured: 0\n    measured_as_of: 2018-05-10\n"
               "  - group: institutions\n    target: 100\n    measured: 0\n    measured_as_of: 2018-05-10\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:6:13: warning: target: 0 sets a goal of 0%, which is met before any work is done\n"
        "  hint: write the share to reach, in percent (e.g. 80 for 80%), or remove this target until it is known"]


def test_percent_parser_takes_numbers_too() -> None:
    assert parse_percent(62.5) == 62.5 and parse_percent("  80 % ") == 80.0


def test_milestones_out_of_order_are_an_error(tmp_path: Path) -> None:
    milestones = "milestones:\n  - date: 2018-01-15\n    title: 动员部署会\n  - date: 2018-01-12\n    title: 成立领导小组\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=milestones)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:7:11: error: milestone of 2018-01-12 is listed after the one of 2018-01-15: milestones are "
        "listed oldest first (按日期从早到晚)\n"
        '  hint: if its date is right, move lines 7–8 above the milestone of 2018-01-15 (line 5), with the "-" '
        'lined up with the "-" of the others; if the date is mistyped, correct date: instead']
    # The hint followed: lines 7–8 moved above line 5.
    moved = "milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n  - date: 2018-01-15\n    title: 动员部署会\n"
    (root / UNIT_PATH).write_text(unit_with(extra=moved), encoding="utf-8")
    assert found(root) == []


def test_a_milestone_whose_date_is_mistyped_is_offered_the_date_to_correct_beside_the_lines_to_move(
        tmp_path: Path) -> None:
    # 2018-01-15 typed 2018-01-05 among milestones in order: "list milestones oldest first" alone had the editor
    # move it, publishing the wrong date in the wrong place.
    milestones = ("milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n    description: 下设五个调研组。\n"
                  "  - date: 2018-01-05\n    title: 召开动员部署会\n    description: 全面推进。\n"
                  "  - date: 2018-03-01\n    title: 启动走访\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=milestones)})
    assert [(p.line, p.column, p.hint) for p in found(root)] == [
        (8, 11, 'if its date is right, move lines 8–10 above the milestone of 2018-01-12 (line 5), with the "-" '
                'lined up with the "-" of the others; if the date is mistyped, correct date: instead')]
    (root / UNIT_PATH).write_text(unit_with(extra=milestones.replace("2018-01-05", "2018-01-15")), encoding="utf-8")
    assert found(root) == []




def test_a_milestone_pasted_twice_is_a_warning_naming_the_lines_to_delete(tmp_path: Path) -> None:
    # A milestone pasted twice was listed twice on the unit's page, its timeline and milestones.csv, untold.
    milestones = ("milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n    description: 下设五个调研组。\n"
                  "  - date: 2018-01-15\n    title: 召开动员部署会\n  - date: 2018-01-15\n    title: 召开动员 部署会\n"
                  "  - date: 2018-01-15\n    title: 召开座谈会\n  - date: 2018-01-12\n    title: 成立领导小组\n"
                  "    description: 下设五个调研组，印发实施方案。\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=milestones)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:10:11: warning: milestone "召开动员 部署会" of 2018-01-15 is given twice (the first is '
        "milestone 2, line 8), so the unit's page would list it twice\n"
        "  hint: delete this one (lines 10–11)",
        f'{UNIT_PATH}:14:11: warning: milestone "成立领导小组" of 2018-01-12 is given twice (the first is '
        "milestone 1, line 5), so the unit's page would list it twice\n"
        "  hint: keep one: move what this one's description adds into the first, then delete this one "
        "(lines 14–16); if they are two events, give each its own title",
        f"{UNIT_PATH}:14:11: error: milestone of 2018-01-12 is listed after the one of 2018-01-15: milestones are "
        "listed oldest first (按日期从早到晚)\n"
        '  hint: if its date is right, move lines 14–16 above the milestone of 2018-01-15 (line 8), with the "-" '
        'lined up with the "-" of the others; if the date is mistyped, correct date: instead']
    # The hint followed: the second copy's lines deleted, the page lists each milestone once.
    kept = milestones.replace("  - date: 2018-01-15\n    title: 召开动员 部署会\n", "")
    kept = kept[:kept.rindex("  - date: 2018-01-12")]
    (root / UNIT_PATH).write_text(unit_with(extra=kept), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/units/baihe/index.html").read_text("utf-8")
    assert [page.count(title) for title in ("召开动员部署会", "成立领导小组", "召开座谈会")] == [1, 1, 1]


def test_a_milestone_pasted_twice_is_told_in_the_run_that_tells_of_a_wrong_field(tmp_path: Path) -> None:
    milestones = ("milestones:\n  - date: 2018-01-15\n    title: 动员部署会\n  - date: 2018-01-15\n"
                  "    title: 动员部署会\n  - date: 2018-02-01\n    titel: 成立\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=milestones)})
    assert [p.format().splitlines()[0] for p in found(root)] == [
        f'{UNIT_PATH}:7:11: warning: milestone "动员部署会" of 2018-01-15 is given twice (the first is milestone 1, '
        "line 5), so the unit's page would list it twice",
        f'{UNIT_PATH}:10:5: error: unknown field "titel" in milestones → item 3 (did you mean "title"?)']

def test_a_tally_dated_after_today_is_an_error_naming_the_year_meant(tmp_path: Path) -> None:
    # 2081 for 2018 (two digits swapped) would be published as the latest figures until 2081.
    xujing = ("name: 徐泾镇\nlevel: town\ntallies:\n" + tally("2024-12-31", 10, 4, 3, 3)
              + tally("2025-01-02", 12, 5, 4, 3))
    root = write_site(tmp_path, {
        UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50) + tally("2081-05-26", 400, 200, 150, 50)),
        "content/units/xujing.yaml": xujing})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:10:12: error: tally of 2081-05-26 is dated in the future: a tally counts what was "
        "collected by a day that has come\n"
        "  hint: did you mean 2018? write as_of: 2018-05-26",
        "content/units/xujing.yaml:9:12: error: tally of 2025-01-02 is dated in the future: a tally counts "
        "what was collected by a day that has come\n"
        "  hint: write the day the figures were counted (统计日期), today or earlier"]
    assert found(root, datetime(2025, 1, 2, 0, 0)) == found(root, datetime(2025, 1, 2, 23, 59))  # from that day on
    assert [p.path for p in found(root, datetime(2025, 1, 2))] == [UNIT_PATH]


@pytest.mark.parametrize(("tallies", "hint"), [
    # "did you mean 2018? write as_of: 2018-04-26": typed so, it was "two tallies on 2018-04-26".
    ([("2018-04-26", 296), ("2018-05-26", 310), ("2081-04-26", 320)],
     "write the day the figures were counted (统计日期), today or earlier"),
    # Before a later tally, 2018-05-26 would be out of order; 2018-04-30 is not, and is offered.
    ([("2018-04-26", 296), ("2081-05-26", 300), ("2018-05-20", 310)],
     "write the day the figures were counted (统计日期), today or earlier"),
    ([("2018-04-26", 296), ("2081-04-30", 300), ("2018-05-20", 310)], "did you mean 2018? write as_of: 2018-04-30"),
    # One digit of the year mistyped (2028 for 2018): no swap gives it; the other tallies' year does.
    ([("2018-04-26", 296), ("2028-05-31", 320)],
     "did you mean 2018, the year of the unit's other tallies? write as_of: 2018-05-31"),
    ([("2018-04-26", 296), ("2028-04-20", 320)], "write the day the figures were counted (统计日期), today or earlier"),
    ([("2017-12-31", 290), ("2018-04-26", 296), ("2028-05-31", 320)],
     "did you mean 2018, the year of the unit's other tallies? write as_of: 2018-05-31"),
])
def test_the_year_offered_for_a_future_tally_keeps_the_tallies_in_order(tmp_path: Path,
                                                                        tallies: list[tuple[str, int]],
                                                                        hint: str) -> None:
    typed = "".join(tally(day, collected, collected - 153, 103, 50) for day, collected in tallies)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(typed)})
    [problem] = [p for p in found(root) if "future" in p.message]
    assert problem.hint == hint
    if "did you mean" in hint:
        written = hint.rsplit("as_of: ", 1)[1]
        root.joinpath(UNIT_PATH).write_text(unit_with(typed.replace(f"20{'81' if '2081' in typed else '28'}"
                                                                    + written[4:], written)), encoding="utf-8")
        assert found(root) == []


def test_a_target_measured_after_today_is_an_error_naming_the_year_meant(tmp_path: Path) -> None:
    # 2081 for 2018 was published as "截至2081年6月30日实测", also in a unit file with field errors.
    extra = ("targets:\n  - group: residents\n    target: 80\n    measured: 50\n    measured_as_of: 2081-06-30\n"
             "  - group: institutions\n    target: 100\n    deadline: 2030-12-31\n    measured: 60\n"
             "    measured_as_of: 2025-01-02\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50), extra)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:14:21: error: measured_as_of 2081-06-30 is in the future: a measured value counts what was "
        "reached by a day that has come\n"
        "  hint: did you mean 2018? write measured_as_of: 2018-06-30",
        f"{UNIT_PATH}:19:21: error: measured_as_of 2025-01-02 is in the future: a measured value counts what was "
        "reached by a day that has come\n"
        "  hint: write the day the share was measured (测量日期), today or earlier"]
    assert [p.location() for p in found(root, datetime(2025, 1, 2))] == [f"{UNIT_PATH}:14:21"]
    broken = unit_with(tally("2018-04-26", 296, 143, 103, 50), extra).replace("level: town", "level: 乡")
    root = write_site(tmp_path / "broken", {UNIT_PATH: broken})
    assert [p.location() for p in found(root)] == [f"{UNIT_PATH}:2:8", f"{UNIT_PATH}:14:21", f"{UNIT_PATH}:19:21"]


def test_a_date_before_1900_is_an_error_naming_the_year_meant(tmp_path: Path) -> None:
    # 0218 for 2018 passed every check and the unit page said "截至218年4月26日".
    extra = "milestones:\n  - date: 1018年1月12日\n    title: 成立领导小组\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("0218-04-26", 296, 143, 103, 50), extra)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: "0218-04-26" is before 1900: the year 0218 '
        "looks like a typing slip\n"
        "  hint: did you mean 2018? write 2018-04-26",
        f'{UNIT_PATH}:11:11: error: milestones → item 1 → date: "1018年1月12日" is before 1900: the year 1018 '
        "looks like a typing slip\n"
        "  hint: check the year against the source document"]
    assert parse_date("1900-01-01") == date(1900, 1, 1)


def test_a_month_past_12_is_named_and_a_swapped_day_and_month_gets_the_date_meant(tmp_path: Path) -> None:
    # It said "there is no day 4 in month 26 of 2018" for 2018-26-04, and "no day 45 in month 13" for 2018-13-45.
    extra = "milestones:\n  - date: 2018-13-45\n    title: 成立领导小组\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-26-04", 296, 143, 103, 50), extra)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: "2018-26-04" does not exist (there is no month 26: '
        "months run from 1 to 12)\n"
        "  hint: did you mean 2018-04-26? sitegen reads dates as year-month-day (年-月-日)",
        f'{UNIT_PATH}:11:11: error: milestones → item 1 → date: "2018-13-45" does not exist (there is no month 13: '
        "months run from 1 to 12)\n"
        "  hint: check the date against the source document"]
    with pytest.raises(PydanticCustomError) as caught:  # a publish time: quoted as typed, its time kept
        parse_datetime("2018-２６-04 10:00")
    assert (str(caught.value), caught.value.context["hint"]) == (
        '"2018-２６-04 10:00" does not exist (there is no month 26: months run from 1 to 12)',
        "did you mean 2018-04-26 10:00? sitegen reads dates as year-month-day (年-月-日)")
    for typed in ("2019-29-02", "0218-26-04"):  # 2019-02-29 does not exist; 0218-04-26 is refused itself
        with pytest.raises(PydanticCustomError) as caught:
            parse_date(typed)
        assert caught.value.context["hint"] == "check the date against the source document"


_NO_SUCH_DAY = ("{month} has {days} days{why}: check the day against the source document and write {year}-{mm}-DD, "
                "with that day in place of DD (年-月-日)")


@pytest.mark.parametrize(("typed", "why", "meant"), [
    # A day no month has in that year got "check the date against the source document" alone: the editor was
    # left to count the month's days, and 2019-02-29 looked like a date.
    ("2018-02-30", _NO_SUCH_DAY.format(month="February 2018", days=28, why="", year=2018, mm="02"), "2018-02-28"),
    ("2018年2月30日", _NO_SUCH_DAY.format(month="February 2018", days=28, why="", year=2018, mm="02"), "2018-02-28"),
    ("2019-02-29", _NO_SUCH_DAY.format(month="February 2019", days=28, why=", as 2019 is no leap year", year=2019,
                                       mm="02"), "2019-02-28"),
    ("2020-02-30", _NO_SUCH_DAY.format(month="February 2020", days=29, why="", year=2020, mm="02"), "2020-02-29"),
    ("2018-04-31", _NO_SUCH_DAY.format(month="April", days=30, why="", year=2018, mm="04"), "2018-04-30"),
])
def test_a_day_the_month_does_not_have_is_told_the_days_it_has_in_records_and_pages(
        tmp_path: Path, typed: str, why: str, meant: str) -> None:
    day = typed.replace("年", "-").replace("月", "-").rstrip("日").split("-")
    message = f'"{typed}" does not exist (there is no day {int(day[2])} in month {int(day[1])} of {day[0]})'
    milestone = "milestones:\n  - date: {}\n    title: 成立领导小组\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally(typed, 296, 143, 103, 50), milestone.format(typed)),
                                 "content/interviews/b.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f"content/interviews/b.md:8:7: error: date: {message}\n  hint: {why}",
        f"{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: {message}\n  hint: {why}",
        f"{UNIT_PATH}:11:11: error: milestones → item 1 → date: {message}\n  hint: {why}"]
    # Written as the hint says, with the day of the source in place of DD, it checks clean.
    mended = why.split(" and write ")[1].split(",")[0].replace("DD", meant[-2:])
    assert mended == meant
    (root / UNIT_PATH).write_text(unit_with(tally(mended, 296, 143, 103, 50), milestone.format(mended)),
                                  encoding="utf-8")
    (root / "content/interviews/b.md").write_text(interview(date=mended), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("typed", ["2/30", "2月30日"])
def test_a_day_no_year_has_typed_without_the_year_is_told_so_in_pages_and_the_hint_followed_checks(
        tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {"content/interviews/b.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/b.md:8:7: error: date: "{typed}" is not a date sitegen understands\n'
        "  hint: there is no 2月30日: February has 28 days (29 in a leap year); write YYYY-02-DD, with the year and the "
        "day of the source document (年-月-日)"]
    (root / "content/interviews/b.md").write_text(interview(date="2018-02-28"), encoding="utf-8")  # the source's
    assert found(root) == []


_MILESTONE = "milestones:\n  - date: {}\n    title: 成立领导小组\n"


def _dated_site(root: Path, typed: str) -> Path:
    """A site whose interview date, tally as_of and milestone date are each ``typed``."""
    return write_site(root, {UNIT_PATH: unit_with(tally(typed, 296, 143, 103, 50), _MILESTONE.format(typed)),
                             "content/interviews/b.md": interview(date=typed)})


def _told_in_each_date_field(typed: str, message: str, hint: str) -> list[str]:
    """The problems a `_dated_site` of ``typed`` is told: one for each field, with ``message`` and ``hint``."""
    return [f"content/interviews/b.md:8:7: error: date: {message}\n  hint: {hint}",
            f"{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: {message}\n  hint: {hint}",
            f"{UNIT_PATH}:11:11: error: milestones → item 1 → date: {message}\n  hint: {hint}"]


def _published_dates(root: Path, now: datetime = NOW) -> list[str]:
    """The interview's publish day, the tally's as_of and the milestone's date, as the built site publishes them."""
    build(BuildOptions(root=root, now=now, search=False))
    page = next(path for path in (root / "output/interviews").glob("*/index.html"))
    day = re.search(r'<time datetime="(\d{4}-\d{2}-\d{2})[T"]', page.read_text("utf-8"))
    tallies = (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig").splitlines()
    milestones = (root / "output/data/units/baihe/milestones.csv").read_text("utf-8-sig").splitlines()
    return [day[1] if day else "", tallies[1].split(",")[2], milestones[1].split(",")[2]]


@pytest.mark.parametrize(("typed", "hint"), [
    # The year last, one way: "did you mean 2018-12-25?" did not give the words to type, nor say how it was read.
    ("12/25/2018", "write 2018-12-25, year-month-day (年-月-日); 12/25/2018 is read as month/day/year (12月25日), as 25 "
                   "is no month"),
    ("25.12.2018", "write 2018-12-25, year-month-day (年-月-日); 25.12.2018 is read as day.month.year (12月25日), as 25 "
                   "is no month"),
    # Two ways: "write 2018-12-01 or 2018-01-12" did not say which reading was which.
    ("12/1/2018", "write 2018-12-01, year-month-day (年-月-日); 12/1/2018 is read as month/day/year (12月1日), as "
                  "American English writes dates: if it means day/month/year (1月12日), write 2018-01-12"),
    ("12-1-2018", "write 2018-12-01, year-month-day (年-月-日); 12-1-2018 is read as month-day-year (12月1日), as "
                  "American English writes dates: if it means day-month-year (1月12日), write 2018-01-12"),
    ("1.12.2018", "write 2018-12-01, year-month-day (年-月-日); 1.12.2018 is read as day.month.year (12月1日), as dates "
                  "with dots and the year last are written in Europe: if it means month.day.year (1月12日), write "
                  "2018-01-12"),
    ("5/5/2018", "write 2018-05-05, year-month-day (年-月-日)"),
    # Two digits of the year: one reading is given without "if", more each with the number that is the year.
    ("18/12/1", "write the year with all four digits: 2018-12-01"),
    ("18-12-01", "write the year with all four digits: 2018-12-01 if 18 is the year, or 2001-12-18 if 01 is"),
    # 98 is 1998, as spreadsheets read two digits (1930 to 2029): 2098-05-03 was a day to come, refused for a tally.
    ("98-5-3", "write the year with all four digits: 1998-05-03"),
    # The year last in two digits got the general hint, and 12/1/18 was not offered the month/day reading.
    ("12/25/18", "write the year with all four digits: 2018-12-25; 12/25/18 is read as month/day/year (12月25日), as "
                 "25 is no month"),
    ("12/1/18", "write the year with all four digits: 2012-01-18 if 12 is the year, or 2018-12-01 (month/day/year) "
                "or 2018-01-12 (day/month/year) if 18 is"),
    ("1/12/18", "write the year with all four digits: 2018-01-12 (month/day/year) or 2018-12-01 (day/month/year), as "
                "the source document means"),
    # Digits run together: the year first (seven digits read two ways) or last.
    ("20181201", "write 2018-12-01, with dashes between the year, month and day (年-月-日)"),
    ("2018121", "2018121 reads two ways, with a digit of the month or the day left out: write 2018-01-21 if it is "
                "1月21日, or 2018-12-01 if it is 12月1日, as the source document means (年-月-日)"),
    ("2018131", "write 2018-01-31, with dashes between the year, month and day (年-月-日); 2018131 is read as 1月31日, "
                "as 13 is no month"),
    ("2018110", "write 2018-01-10, with dashes between the year, month and day (年-月-日); 2018110 is read as 1月10日, "
                "as there is no 11月0日"),
    ("12252018", "write 2018-12-25, year-month-day (年-月-日); 12252018 is read as month/day/year (12月25日), as 25 is "
                 "no month"),
    ("30122018", "write 2018-12-30, year-month-day (年-月-日); 30122018 is read as day/month/year (12月30日), as 30 is "
                 "no month"),
    # Six digits: two each of the year, month and day, or the year and month with the day missing.
    ("181201", "write the year with all four digits: 2018-12-01 if 18 is the year, or 2001-12-18 if 01 is"),
    ("201812", "201812 reads as the year and month run together, without the day: write 2018-12-DD, with the day of "
               "the source document in place of DD (年-月-日); if it is 2018年1月2日, write 2018-01-02"),
    ("201205", "201205 reads as the year and month run together, without the day: write 2012-05-DD, with the day of "
               "the source document in place of DD (年-月-日); if it is 2020年12月5日, write 2020-12-05"),
    # A year first of 2103 or 2306 is no year of these records: "write 2103-05-DD" was followed, and its milestone
    # warned as ten years ahead, "did you mean 2013?", for 2021-03-05.
    ("210305", "write the year with all four digits: 2021-03-05 if 21 is the year, or 2005-03-21 if 05 is"),
    ("230601", "write the year with all four digits: 2023-06-01 if 23 is the year, or 2001-06-23 if 01 is"),
    ("261203", "write the year with all four digits: 2026-12-03 if 26 is the year, or 2003-12-26 if 03 is"),
    # 1912 may be a year, but 2019 is the later: it comes first, and May 1912 after it.
    ("191205", "write the year with all four digits: 2019-12-05 if 19 is the year, or 2005-12-19 if 05 is; if it is the "
               "year and month 1912年5月 run together, without the day, write 1912-05-DD, with the day of the source "
               "document in place of DD (年-月-日)"),
    # Seven digits with the year last, read as 4/26/2018 is: "write 4262-01-08 …, as 0 is no month" took 4262 for
    # the year; 1122018 got the general hint.
    ("4262018", "write 2018-04-26, year-month-day (年-月-日); 4262018 is read as 4/26/2018, month/day/year (4月26日), "
                "as 26 is no month"),
    ("5032018", "write 2018-05-03, year-month-day (年-月-日); 5032018 is read as 5/03/2018, month/day/year (5月3日), as "
                "American English writes dates: if it means day/month/year (3月5日), write 2018-03-05"),
    ("2642018", "write 2018-04-26, year-month-day (年-月-日); 2642018 is read as 26/4/2018, day/month/year (4月26日), "
                "as 26 is no month"),
    ("1122018", "1122018 reads two ways, with a digit of the month or the day left out: write 2018-01-12 if it is "
                "1/12/2018 (1月12日), or 2018-11-02 if it is 11/2/2018 (11月2日), as the source document means (年-月-日)"),
    # A year of these records first and last: both are offered, the later year first.
    ("2012019", "2012019 reads two ways, with a digit of the month or the day left out: write 2019-02-01 if it is "
                "2/01/2019 (2月1日), or 2019-01-20 if it is 20/1/2019 (1月20日), as the source document means "
                "(年-月-日); if 2012 is the year, write 2012-01-09, with dashes between the year, month and day "
                "(年-月-日); 2012019 is read as 1月9日, as 0 is no month"),
])
def test_a_date_with_the_year_last_in_two_digits_or_run_together_is_told_the_date_to_write_and_each_one_checks(
        tmp_path: Path, typed: str, hint: str) -> None:
    root = _dated_site(tmp_path, typed)
    assert [p.format() for p in found(root)] == _told_in_each_date_field(
        typed, f'"{typed}" is not a date sitegen understands', hint)
    for shown in re.findall(r"write (\d{4}-\d{2}-DD)", hint):  # typed as shown, a form with DD is refused again
        _dated_site(tmp_path, shown)
        assert len(found(tmp_path)) == 3
    # Each date offered, typed as the hint writes it, checks clean and is the date published (on a day after it,
    # as a tally counts what has been done).
    for offered in re.findall(r"\d{4}-\d{2}-\d{2}", hint):
        now = max(NOW, datetime.fromisoformat(offered) + timedelta(days=1))
        _dated_site(tmp_path, offered)
        assert found(tmp_path, now) == []
        assert _published_dates(tmp_path, now) == [offered] * 3


_NO_DAY = "there is no {}: {}; write {}-DD, with the day of the source document in place of DD (年-月-日)"


@pytest.mark.parametrize(("typed", "hint", "meant"), [
    # Each got the general "write the date as YYYY-MM-DD", which did not say the day was no day of its month.
    ("2/30/2018", "2/30/2018 is read as month/day/year, as 30 is no month, and "
                  + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("30/2/2018", "30/2/2018 is read as day/month/year, as 30 is no month, and "
                  + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("2/29/2019", "2/29/2019 is read as month/day/year, as 29 is no month, and "
                  + _NO_DAY.format("2月29日 in 2019", "February 2019 has 28 days, as 2019 is no leap year", "2019-02"),
     "2019-02-28"),
    ("31.4.2018", "31.4.2018 is read as day.month.year, as 31 is no month, and "
                  + _NO_DAY.format("4月31日 in 2018", "April has 30 days", "2018-04"), "2018-04-30"),
    ("18-2-30", "18 is read as the year 2018, and "
                + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("18年2月30日", "18 is read as the year 2018, and "
                  + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("2/30/18", "2/30/18 is read as month/day/year, as 30 is no month, and "
                + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("20180230", "20180230 is read as the year, month and day run together, and "
                 + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("180230", "18 is read as the year 2018, and "
               + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("2302018", "2302018 is read as 2/30/2018, month/day/year, as 30 is no month, and "
                + _NO_DAY.format("2月30日 in 2018", "February 2018 has 28 days", "2018-02"), "2018-02-28"),
    ("2018229", "2018229 is read as the year, month and day run together, and "
                + _NO_DAY.format("2月29日 in 2018", "February 2018 has 28 days, as 2018 is no leap year", "2018-02"),
     "2018-02-28"),
])
def test_a_day_its_month_has_not_typed_with_the_year_last_in_two_digits_or_run_together_is_told_the_days(
        tmp_path: Path, typed: str, hint: str, meant: str) -> None:
    root = _dated_site(tmp_path, typed)
    assert [p.format() for p in found(root)] == _told_in_each_date_field(
        typed, f'"{typed}" is not a date sitegen understands', hint)
    # Typed as shown, the form is refused again, not published; with the day of the source in place of DD it checks.
    shown = re.search(r"write (\d{4}-\d{2}-DD)", hint)[1]
    _dated_site(tmp_path, shown)
    assert [p.message for p in found(tmp_path)] == [f'{field}"{shown}" is not a date sitegen understands' for field in
                                                    ("date: ", "tallies → item 1 → as_of: ",
                                                     "milestones → item 1 → date: ")]
    _dated_site(tmp_path, shown.replace("DD", meant[-2:]))
    assert found(tmp_path) == []
    assert _published_dates(tmp_path) == [meant] * 3


def test_a_date_with_the_year_last_or_run_together_and_a_time_keeps_the_time_in_every_date_offered() -> None:
    for typed, offered in (("12/1/2018 10:00", ("2018-12-01 10:00", "2018-01-12 10:00")),
                           ("2018121 10:00", ("2018-01-21 10:00", "2018-12-01 10:00")),
                           ("4262018 10:00", ("2018-04-26 10:00",)),
                           ("1122018 10:00", ("2018-01-12 10:00", "2018-11-02 10:00")),
                           ("210305 10:00", ("2021-03-05 10:00", "2005-03-21 10:00")),
                           ("20180230 10:00", ("2018-02-DD 10:00",))):
        with pytest.raises(PydanticCustomError) as caught:
            parse_datetime(typed)
        assert tuple(re.findall(r"\d{4}-\d{2}-(?:\d{2}|DD) 10:00", caught.value.context["hint"])) == offered
        for day in offered:
            if "DD" not in day:
                assert parse_datetime(day) == datetime.fromisoformat(day)


@pytest.mark.parametrize(("typed", "hint", "mended"), [
    # "write the digits alone: 31": followed, 31 batches were published and put in the open data.
    ("31O", '"O" in it is a letter, not a digit: if it is the digit 0, write 310; else check the figure against the '
            "source", "    batches: 310\n"),
    ("3l8", '"l" in it is a letter, not a digit: if it is the digit 1, write 318; else check the figure against the '
            "source", "    batches: 318\n"),
    # "write the number in digits": typed as 0, "0 批" was published.
    ("无", '"无" stands for a figure not known yet: write the figure from the source; if the field may be left out '
          "(batches, 调研批次), delete its line rather than write 0, which would be published", ""),
])
def test_a_count_typed_with_a_letter_or_for_not_known_yet_gets_the_digits_or_the_line_to_delete(
        tmp_path: Path, typed: str, hint: str, mended: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50, batches=typed))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:6:14: error: tallies → item 1 → batches: "{typed}" is not a whole number\n  hint: {hint}']
    (root / UNIT_PATH).write_text(unit_with(tally("2018-04-26", 296, 143, 103, 50).replace(
        "    collected:", mended + "    collected:")), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("typed", ["1万半", "两千半", "一万半"])
def test_a_count_said_with_a_half_is_not_offered_its_digits_without_it(tmp_path: Path, typed: str) -> None:
    # "1万 is 10000: write 10000", with 半 sent to the note: typed so, 10000 batches were published for 15000.
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50, batches=typed))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:6:14: error: tallies → item 1 → batches: "{typed}" is not a whole number\n'
        f'  hint: "{typed}" holds 半 (a half), so its digits alone are not the figure: write the whole figure in '
        "digits, the half included, as the source gives it"]
    meant = {"1万半": 15000, "两千半": 2500, "一万半": 15000}[typed]  # the figure of the source
    (root / UNIT_PATH).write_text(unit_with(tally("2018-04-26", 296, 143, 103, 50, batches=meant)), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig").splitlines()
    assert rows[1].split(",")[2:4] == ["2018-04-26", str(meant)]


@pytest.mark.parametrize(("typed", "hint"), [
    # Each got the general "write the date as YYYY-MM-DD" though the date meant is plain, or the slip is.
    # "did you mean 2018-04-26? write the date with its dashes" gave the date but not the words to type.
    ("20180426", "write 2018-04-26, with dashes between the year, month and day (年-月-日)"),
    ("43216", "43216 is how Excel counts days when a date cell loses its format: did you mean 2018-04-26? "
              "write the date itself"),
    ("4月26日", "write the year too: YYYY-04-26, with the year of the source document in place of YYYY (年-月-日)"),
    # Month and day alone, apart by a slash, a dash or a dot: "write the date as YYYY-MM-DD" named neither.
    # Chinese writes the month first; the other reading is offered too when it is a date.
    ("12/1", "write the year too: YYYY-12-01, with the year of the source document in place of YYYY (年-月-日); "
             "12/1 is read as month/day (12月1日), as Chinese writes dates: if it means day/month (1月12日), write "
             "YYYY-01-12"),
    ("11/20", "write the year too: YYYY-11-20, with the year of the source document in place of YYYY (年-月-日)"),
    ("12-1", "write the year too: YYYY-12-01, with the year of the source document in place of YYYY (年-月-日); "
             "12-1 is read as month/day (12月1日), as Chinese writes dates: if it means day/month (1月12日), write "
             "YYYY-01-12"),
    ("12.1", "write the year too: YYYY-12-01, with the year of the source document in place of YYYY (年-月-日); "
             "12.1 is read as month/day (12月1日), as Chinese writes dates: if it means day/month (1月12日), write "
             "YYYY-01-12"),
    ("13/5", "write the year too: YYYY-05-13, with the year of the source document in place of YYYY (年-月-日); "
             "13/5 is read as day/month (5月13日), as 13 is no month"),
    ("5/5", "write the year too: YYYY-05-05, with the year of the source document in place of YYYY (年-月-日)"),
    # No such day in any year: "write the date as YYYY-MM-DD" did not say what was wrong with it.
    ("2/30", "there is no 2月30日: February has 28 days (29 in a leap year); write YYYY-02-DD, with the year and the "
             "day of the source document (年-月-日)"),
    ("2月30日", "there is no 2月30日: February has 28 days (29 in a leap year); write YYYY-02-DD, with the year and "
              "the day of the source document (年-月-日)"),
    ("4/31", "there is no 4月31日: April has 30 days; write YYYY-04-DD, with the year and the day of the source "
             "document (年-月-日)"),
    ("31/4", "31/4 is read as day/month, as 31 is no month, and there is no 4月31日: April has 30 days; write "
             "YYYY-04-DD, with the year and the day of the source document (年-月-日)"),
    ("2/0", "there is no 2月0日: days run from 1; write YYYY-02-DD, with the year and the day of the source document "
            "(年-月-日)"),
    ("13/13", "there is no 13月13日: months run from 1 to 12; write YYYY-MM-DD, with the year, month and day of the "
              "source document (年-月-日)"),
    ("18-4-26", "write the year with all four digits: 2018-04-26 if 18 is the year, or 2026-04-18 if 26 is"),
    # Day first: "2015-03-18 if 15 is the year" alone was typed as shown, and the tally dated 2015.
    ("15-3-18", "write the year with all four digits: 2015-03-18 if 15 is the year, or 2018-03-15 if 18 is"),
    # "… 2018-05-03 if 18 is the year" offered no other reading, so its "if" left the editor asking which else.
    ("18-5-3", "write the year with all four digits: 2018-05-03"),
    # The year last: "did you mean 2018-04-26?" did not say how 26/4 was read, nor give the words to type.
    ("26/4/2018", "write 2018-04-26, year-month-day (年-月-日); 26/4/2018 is read as day/month/year (4月26日), as 26 "
                  "is no month"),
    # In Chinese numerals, as official documents (公文) write dates, and a year of two digits with 年: each got
    # the general hint, which named neither the date nor the slip.
    ("二〇一八年四月二十六日", "did you mean 2018-04-26? write the date in digits (阿拉伯数字), as YYYY-MM-DD (年-月-日)"),
    ("2018年十二月三十一日", "did you mean 2018-12-31? write the date in digits (阿拉伯数字), as YYYY-MM-DD (年-月-日)"),
    ("四月二十六日", "write the year too: YYYY-04-26, with the year of the source document in place of YYYY (年-月-日)"),
    ("18年4月26日", "write the year with all four digits: 2018-04-26"),
    # The end of a year or a month is its last day: "write 2018-MM-DD with the day of the source" left it unsaid.
    ("2018年底", "did you mean 2018-12-31, the year's end (年底)? write the date as YYYY-MM-DD (年-月-日)"),
    ("2018年2月末", "did you mean 2018-02-28, the month's end (月底)? write the date as YYYY-MM-DD (年-月-日)"),
    # Read two ways: the reading taken is said, as 12/1's is, and the other offered.
    ("5/3/2018", "write 2018-05-03, year-month-day (年-月-日); 5/3/2018 is read as month/day/year (5月3日), as American "
                 "English writes dates: if it means day/month/year (3月5日), write 2018-03-05"),
    ("20181340", "write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and YYYY年M月D日 are read too"),
    # No date offered may be refused in turn: 2018 had no 29 February, and Excel's 80000 is 2119-01-11.
    ("2月29日", "write the year too: YYYY-02-29, with the year of the source document in place of YYYY (年-月-日)"),
    # The numbers typed, in order, with other signs among them or a part missing: no number is made up.
    ("2018-01-15日", "did you mean 2018-01-15? write the date as YYYY-MM-DD, year-month-day (年-月-日)"),
    ("2018-04-26 10:00", "this field is a date without a time: write 2018-04-26"),
    ("2018.12", "the day is missing: write 2018-12-DD, with the day of the source document in place of DD (年-月-日)"),
    ("2018", "the month and day are missing: write 2018-MM-DD, with those of the source document (年-月-日)"),
    ("80000", "write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and YYYY年M月D日 are read too"),
    ("73050", "73050 is how Excel counts days when a date cell loses its format: did you mean 2099-12-31? "
              "write the date itself"),
])
def test_a_date_sitegen_cannot_read_gets_the_date_meant_when_the_slip_is_plain(tmp_path: Path, typed: str,
                                                                                hint: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally(typed, 296, 143, 103, 50))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: "{typed}" is not a date sitegen understands\n'
        f"  hint: {hint}"]
    # A publish time keeps its time in every date offered (…2018-04-26 10:00…), whatever the slip: the
    # year left out (5月3日 10:00) was offered a date without it.
    if " " in typed:  # a time typed already
        return
    with pytest.raises(PydanticCustomError) as caught:
        parse_datetime(f"{typed} 10:00")
    assert caught.value.context["hint"] == re.sub(r"((?:\d{4}|YYYY)-(?:\d{2}|MM)-(?:\d{2}|DD))", r"\1 10:00", hint)



_EARLIER = tally("2018-04-26", 296, 143, 103, 50)
_LATER = tally("2018-06-30", 330, 160, 120, 50)


@pytest.mark.parametrize(("before", "typed", "after", "hint", "meant"), [
    # "2018-05-31 if 18 is the year, or 1931-05-18 if 31 is" beside tallies of 2018: a day of 1931 offered as well
    # (the spreadsheets' rule reads 31 as 1931), and the editor left to choose.
    (_EARLIER, "18-5-31", "", "write the year with all four digits: 2018-05-31 (18 is the year: 2018, the year of "
     "the unit's other tallies)", "2018-05-31"),
    ("", "18-5-31", _LATER, "write the year with all four digits: 2018-05-31 (18 is the year: 2018, the year of the "
     "unit's other tallies)", "2018-05-31"),
    (_EARLIER, "31-5-18", "", "write the year with all four digits: 2018-05-31 (18 is the year: 2018, the year of "
     "the unit's other tallies)", "2018-05-31"),
    (_EARLIER, "180531", "", "write the year with all four digits: 2018-05-31 (18 is the year: 2018, the year of "
     "the unit's other tallies)", "2018-05-31"),
    # Two readings of years the unit has: the one that keeps the tallies oldest first.
    (tally("2015-01-10", 100, 50, 30, 20) + tally("2018-01-10", 296, 143, 103, 50), "15-3-18", "",
     "write the year with all four digits: 2018-03-15 (18 is the year: 2018, a year of the unit's other tallies)",
     "2018-03-15"),
])
def test_a_date_with_two_digits_of_the_year_is_read_in_the_year_of_the_units_other_tallies(
        tmp_path: Path, before: str, typed: str, after: str, hint: str, meant: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(before + tally(typed, 310, 150, 110, 50) + after)})
    line = 5 + before.count("\n")
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:{line}:12: error: tallies → item {before.count("- as_of") + 1} → as_of: "{typed}" is not a '
        f"date sitegen understands\n  hint: {hint}"]
    edit_file(root, UNIT_PATH, f"as_of: {typed}", f"as_of: {meant}")
    assert found(root) == []


@pytest.mark.parametrize(("before", "typed", "hint"), [
    # No other tally of 2018 or 1931: both readings stay offered, as for the only tally.
    (tally("2019-04-26", 296, 143, 103, 50), "18-5-31",
     "write the year with all four digits: 2018-05-31 if 18 is the year, or 1931-05-18 if 31 is"),
    # One reading: said as before, whatever the other tallies' year.
    (tally("2017-04-26", 296, 143, 103, 50), "18-5-3", "write the year with all four digits: 2018-05-03"),
    # The other tally's date is no date either: nothing to read the year from.
    (tally("17-4-26x", 296, 143, 103, 50), "18-5-31",
     "write the year with all four digits: 2018-05-31 if 18 is the year, or 1931-05-18 if 31 is"),
])
def test_a_date_with_two_digits_of_the_year_keeps_its_readings_when_the_other_tallies_make_none_plain(
        tmp_path: Path, before: str, typed: str, hint: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit_with(before + tally(typed, 310, 150, 110, 50))})
    told = [p.format() for p in found(root) if f'"{typed}"' in p.message]
    assert told == [f'{UNIT_PATH}:10:12: error: tallies → item 2 → as_of: "{typed}" is not a date sitegen '
                    f"understands\n  hint: {hint}"]


_SPAN = ("{}, not one day: write {}, its last day, if the date is its end (as a deadline within it is); else the day "
         "in it that the source document gives (年-月-日)")
_Q3 = _SPAN.format("第三季度, the third quarter, is July to September", "2018-09-30")


@pytest.mark.parametrize(("typed", "hint", "meant"), [
    # The quarter was read as a month: "write 2018-03-DD", typed so, published a deadline in March for September.
    ("2018年第三季度", _Q3, "2018-09-30"), ("2018年三季度", _Q3, "2018-09-30"), ("2018年第3季度", _Q3, "2018-09-30"),
    ("Q3 2018", _Q3, "2018-09-30"), ("2018Q3", _Q3, "2018-09-30"), ("二〇一八年第三季度", _Q3, "2018-09-30"),
    ("2018年一季度", _SPAN.format("第一季度, the first quarter, is January to March", "2018-03-31"), "2018-03-31"),
    ("2018年三季度末", "did you mean 2018-09-30, the end of the third quarter (三季度末)? write the date as YYYY-MM-DD "
                     "(年-月-日)", "2018-09-30"),
    ("三季度末", "write the year too: YYYY-09-30, the end of the third quarter (三季度末), with the year of the source "
               "document in place of YYYY (年-月-日)", "2018-09-30"),
    ("2018年第5季度", "a year has four quarters (季度), 1 to 4: check the quarter against the source document",
     "2018-12-31"),
    # By the end of a month or a year is its last day: "the day is missing" asked for a day the words give.
    ("2018年6月底前", "did you mean 2018-06-30, the month's end (月底)? write the date as YYYY-MM-DD (年-月-日)",
     "2018-06-30"),
    ("截至2018年底", "did you mean 2018-12-31, the year's end (年底)? write the date as YYYY-MM-DD (年-月-日)",
     "2018-12-31"),
    # A half or a third (旬) of a month is a span: its last day, said to be so.
    ("2018年上半年", _SPAN.format("上半年, the first half of the year, is January to June", "2018-06-30"), "2018-06-30"),
    ("2018年下半年", _SPAN.format("下半年, the second half of the year, is July to December", "2018-12-31"),
     "2018-12-31"),
    ("2018年6月上旬", _SPAN.format("上旬, the first ten days of the month, is day 1 to 10", "2018-06-10"), "2018-06-10"),
    ("2018年6月中旬", _SPAN.format("中旬, the middle ten days of the month, is day 11 to 20", "2018-06-20"),
     "2018-06-20"),
    ("2018年2月下旬", _SPAN.format("下旬, the last ten days of the month, is day 21 to the last", "2018-02-28"),
     "2018-02-28"),
    # Vague words name no day: the source's is asked for, and the one most likely meant offered, with what it is.
    ("2018年年中", "年中, the middle of the year, names no one day: write the day the source document gives; if it "
                 "means the end of its first half (上半年末), write 2018-06-30 (年-月-日)", "2018-06-30"),
    ("2018年6月中", "月中, the middle of the month, names no one day: write the day the source document gives; if it "
                  "means its middle, the 15th, write 2018-06-15 (年-月-日)", "2018-06-15"),
    ("2018年6月初", "月初, the start of the month, names no one day: write the day the source document gives; if it "
                  "means its first day, write 2018-06-01 (年-月-日)", "2018-06-01"),
    # Before a month may be before it begins or by its end: both are offered.
    ("2018年6月前", "6月前 may mean before 6月 begins, 2018-05-31, or by its end, 2018-06-30: write the day the source "
                  "document means (年-月-日)", "2018-05-31"),
])
def test_a_part_of_a_year_typed_for_a_deadline_gets_its_day_and_why(tmp_path: Path, typed: str, hint: str,
                                                                    meant: str) -> None:
    targets = "targets:\n  - group: residents\n    target: 80\n    deadline: {}\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets.format(typed))})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:7:15: error: targets → item 1 → deadline: "{typed}" is not a date sitegen understands\n'
        f"  hint: {hint}"]
    # Followed: the check is clean, and the deadline published is the day offered.
    root.joinpath(UNIT_PATH).write_text(unit_with(extra=targets.format(meant)), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    rows = (root / "output/data/targets.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].split(",")[2:6] == ["residents", "居民", "80", meant]


def test_a_part_of_a_year_gets_one_hint_in_every_field_that_takes_a_date(tmp_path: Path) -> None:
    # A tally's as_of, a milestone's date, a measured_as_of, a related_tally and a publish time (its time kept).
    typed = "2018年第二季度"
    hint = _SPAN.format("第二季度, the second quarter, is April to June", "2018-06-30")
    message = f'"{typed}" is not a date sitegen understands\n  hint: {hint}'
    extra = (f"targets:\n  - group: residents\n    target: 80\n    measured: 50\n    measured_as_of: {typed}\n"
             f"milestones:\n  - date: {typed}\n    title: 召开动员会\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally(typed, 296, 143, 103, 50), extra),
                                 "content/cases/caomei.md": CASE.replace("date:", f"related_tally: {typed}\ndate:"),
                                 "content/interviews/a.md": interview(date=f"{typed} 10:00")})
    assert [p.format() for p in found(root)] == [
        f"content/cases/caomei.md:7:16: error: related_tally: {message}",
        f'content/interviews/a.md:8:7: error: date: "{typed} 10:00" is not a date sitegen understands\n'
        f"  hint: {hint.replace('2018-06-30', '2018-06-30 10:00')}",
        f"{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: {message}",
        f"{UNIT_PATH}:14:21: error: targets → item 1 → measured_as_of: {message}",
        f"{UNIT_PATH}:16:11: error: milestones → item 1 → date: {message}"]


_NOT_ZERO = 'the "{}" typed in it is not the digit 0: write the date in digits (阿拉伯数字)'
_NOT_ONE = 'the "{}" typed in it is not the digit 1: write the date in digits (阿拉伯数字)'


@pytest.mark.parametrize(("typed", "meant", "told"), [
    # "delete "O" and write the date alone: 2018-05-01" was typed as shown, and the 1st published for the 10th.
    ("2018-05-1O", "2018-05-10", _NOT_ZERO.format("O")), ("2018.05.1O", "2018-05-10", _NOT_ZERO.format("O")),
    ("2018/5/1O", "2018-05-10", _NOT_ZERO.format("O")), ("2018年5月1O日", "2018-05-10", _NOT_ZERO.format("O")),
    ("2018-05-1o", "2018-05-10", _NOT_ZERO.format("o")), ("2018-05-1Ｏ", "2018-05-10", _NOT_ZERO.format("Ｏ")),
    ("２０１８－０５－１Ｏ", "2018-05-10", _NOT_ZERO.format("Ｏ")), ("2018-05-1〇", "2018-05-10", _NOT_ZERO.format("〇")),
    ("2018-1O-05", "2018-10-05", _NOT_ZERO.format("O")), ("2O18-05-10", "2018-05-10", _NOT_ZERO.format("O")),
    # l and I for 1 got the general hint, which named neither the date nor the slip.
    ("2018-05-l0", "2018-05-10", _NOT_ONE.format("l")), ("2018-05-I0", "2018-05-10", _NOT_ONE.format("I")),
    ("2018-l-10", "2018-01-10", _NOT_ONE.format("l")), ("2018年5月l0日", "2018-05-10", _NOT_ONE.format("l")),
    ("2018-O5-l0", "2018-05-10", 'the "O", "l" typed in it are not the digits 0, 1: write the date in digits '
                                 "(阿拉伯数字)"),
])
def test_a_date_typed_with_a_letter_for_a_digit_is_offered_the_date_with_the_digit(tmp_path: Path, typed: str,
                                                                                     meant: str, told: str) -> None:
    # In every field that takes a date: a tally's as_of, a measured_as_of, a milestone's date, a related_tally and
    # a publish time, whose time is kept in the date offered.
    message = f'"{typed}" is not a date sitegen understands\n  hint: did you mean {meant}? {told}'
    fields = ("targets:\n  - group: residents\n    target: 80\n    measured: 50\n    measured_as_of: {}\n"
              "milestones:\n  - date: {}\n    title: 召开动员会\n")

    def site(day: str) -> dict[str, str]:
        return {UNIT_PATH: unit_with(tally(day, 296, 143, 103, 50), fields.format(day, day)),
                # Published after the tally it names, which a case told of earlier cannot name.
                "content/cases/caomei.md": CASE.replace("date: 2018-05-03", f"related_tally: {day}\ndate: 2018-12-01"),
                "content/interviews/a.md": interview(date=f"{day} 10:00")}

    root = write_site(tmp_path, site(typed))
    assert [p.format() for p in found(root)] == [
        f"content/cases/caomei.md:7:16: error: related_tally: {message}",
        f'content/interviews/a.md:8:7: error: date: "{typed} 10:00" is not a date sitegen understands\n'
        f"  hint: did you mean {meant} 10:00? {told}",
        f"{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: {message}",
        f"{UNIT_PATH}:14:21: error: targets → item 1 → measured_as_of: {message}",
        f"{UNIT_PATH}:16:11: error: milestones → item 1 → date: {message}"]
    # Followed: the check is clean, and the day published is the one meant.
    write_site(tmp_path, site(meant))
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert f'"datePublished":"{meant}T10:00:00+08:00"' in page
    rows = (root / "output/data/units/baihe/tallies.csv").read_text("utf-8-sig").splitlines()
    assert rows[1].split(",")[2] == meant


@pytest.mark.parametrize(("typed", "hint"), [
    # A publish time with 日 before its time: the 1O was read as words, and the time told as no part of the date.
    ("2018年5月1O日10:00", "did you mean 2018-05-10 10:00? " + _NOT_ZERO.format("O")),
    # Read with its digit, the day is none: said as for 2018-02-30, never offered 2018-02-03.
    ("2018-02-3O 10:00", 'the "O" typed in it is not the digit 0, and read with digits, "2018-02-30 10:00" does not '
                         "exist (there is no day 30 in month 2 of 2018): February 2018 has 28 days: check the day against "
                         "the source document and write 2018-02-DD 10:00, with that day in place of DD (年-月-日)"),
    # Run together: the hint for the digits, and what the letter is not.
    ("2O180510 10:00", "write 2018-05-10 10:00, with dashes between the year, month and day (年-月-日) (the \"O\" typed "
                       "in it is not the digit 0)"),
    # Words after the date are told as before, the date offered with its digit, and what the letter is not.
    ("2018-05-1O 左右", 'delete "左右" and write the date alone: date: 2018-05-10 (the "O" typed in it is not the digit 0; '
                       "the page has no field that publishes words about its date: typed beside it, they would not be "
                       "published)"),
    ("2018-05-10 左右", 'delete "左右" and write the date alone: date: 2018-05-10 (the page has no field that publishes '
                       "words about its date: typed beside it, they would not be published)"),
    # Words that are words, an O among them, are not read as digits.
    ("2018-05-10 Oct", 'delete "Oct" and write the date alone: date: 2018-05-10 (the page has no field that publishes '
                       "words about its date: typed beside it, they would not be published)"),
])
def test_a_publish_time_typed_with_a_letter_for_a_digit_is_never_offered_another_date(tmp_path: Path, typed: str,
                                                                                     hint: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:8:7: error: date: "{typed}" is not a date sitegen understands\n  hint: {hint}']


@pytest.mark.parametrize(("typed", "hint"), [
    # Each got "e.g. 2018-05-03 10:00", which, typed as shown, published that day and time.
    ("2019-07-08 14.30", "did you mean 2019-07-08 14:30? write the time with a colon (:)"),
    ("2019-07-08 24:00", "the 24-hour clock ends at 23:59: write 2019-07-08 23:59, or 2019-07-09 00:00 for the start "
                         "of the next day"),
    ("2019-07-08 25:00", "write the time on the 24-hour clock (24小时制) after the date and a space: 2019-07-08 HH:MM, "
                         "hours 00 to 23 and minutes 00 to 59"),
])
def test_a_publish_time_whose_time_is_not_read_gets_a_hint_on_its_own_date(tmp_path: Path, typed: str,
                                                                          hint: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:8:7: error: date: the time in "{typed}" is not understood\n  hint: {hint}']


_CHINA = "for a site in China (time_zone: Asia/Shanghai, UTC+8, the default)"


@pytest.mark.parametrize(("typed", "zone", "hint"), [
    # "…Z" was told: delete "Z" and write 2018-05-03 02:00:00, eight hours before the moment exported; "+08:00"
    # got the general time hint. The moment is given as the default time zone's clock shows it.
    ("2018-05-03T10:00:00+08:00", "+08:00", f'delete "+08:00" {_CHINA}: 2018-05-03T10:00:00'),
    # Shown as deleting leaves it: "T" and all (it was shown with a space, which is not what deleting gives).
    ("2018-05-03T10:00:00.000+08:00", "+08:00", f'delete ".000+08:00" {_CHINA}: 2018-05-03T10:00:00'),
    ("2018-05-03 10:00 UTC+8", "UTC+8", f'delete "UTC+8" {_CHINA}: 2018-05-03 10:00'),
    ("2018-05-03T02:00:00Z", "Z", f"{_CHINA}, write the same moment as a clock there shows it: "
                                  "2018-05-03 10:00:00"),
    ("2018-05-03T02:00:00.000Z", "Z", f"{_CHINA}, write the same moment as a clock there shows it: "
                                      "2018-05-03 10:00:00"),
    ("2018-05-03T22:30-0530", "-0530", f"{_CHINA}, write the same moment as a clock there shows it: "
                                       "2018-05-04 12:00"),
])
def test_a_publish_time_with_a_time_zone_is_told_the_moment_on_the_sites_clock(tmp_path: Path, typed: str,
                                                                              zone: str, hint: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:8:7: error: date: the time in "{typed}" ends with a time zone ("{zone}"), which a '
        "publish time does not take: it is read on the clock of the site's time zone (time_zone in site.yaml)\n"
        f"  hint: {hint}"]
    fixed = hint.rsplit(": ", 1)[1]  # as the hint says, the page is published at that moment
    deleted = re.match(r'delete "(.+?)" ', hint)
    assert deleted is None or typed.replace(deleted.group(1), "").strip() == fixed  # deleting it leaves that
    write_site(tmp_path, {"content/interviews/a.md": interview(date=fixed)})
    assert found(root) == []


def test_a_publish_time_typed_right_after_the_day_in_chinese_is_read() -> None:
    # "2019年7月8日10:00" got the general date hint, which dropped both the date and the time typed.
    assert parse_datetime("2019年7月8日10:00") == parse_datetime("2019-07-08 10:00")
    assert parse_datetime("２０１９年７月８号９：０５") == parse_datetime("2019-07-08 09:05")


_TIME_WORDS = {
    "2024年6月30日下午3点": '"下午", "点"', "2024年6月30日 下午3:30": '"下午"', "2024-06-30 晚上8点": '"晚上", "点"',
    "2024年6月30日上午10点半": '"上午", "点半"', "2024年6月30日 15时30分": '"时", "分"', "２０２４年６月３０日１５点": '"点"',
    "2024-06-30 3pm": '"pm"', "2024年6月30日中午12点": '"中午", "点"', "2024年6月30号上午十点": '"上午十点"',
    "2024年6月30日下午三点半": '"下午三点半"', "2024年6月30日十四点零五分": '"十四点零五分"',
    "2024年6月30日 二十三点": '"二十三点"', "2018-05-03 12:30 AM": '"AM"', "2018-05-03 12:30am": '"am"',
    "2018-05-03 12:30 a.m.": '"a.m."', "2018-05-03 12:30 PM": '"PM"', "2018-05-03 凌晨12:30": '"凌晨"',
    "2018年5月3日凌晨十二点": '"凌晨十二点"', "2018-05-03 晚上12点半": '"晚上", "点半"', "2018-05-03 晚上1点": '"晚上", "点"',
    "2018-05-03 中午1点": '"中午", "点"', "2018-05-03 下午12点": '"下午", "点"', "2018-05-03 上午12:30": '"上午"'}
"""The words each time said in words is told to be written with: "上午9:30" was told "written in words", its
figures in plain sight."""


@pytest.mark.parametrize(("typed", "meant"), [
    ("2024年6月30日下午3点", "2024-06-30 15:00"), ("2024年6月30日 下午3:30", "2024-06-30 15:30"),
    ("2024-06-30 晚上8点", "2024-06-30 20:00"), ("2024年6月30日上午10点半", "2024-06-30 10:30"),
    ("2024年6月30日 15时30分", "2024-06-30 15:30"), ("２０２４年６月３０日１５点", "2024-06-30 15:00"),
    ("2024-06-30 3pm", "2024-06-30 15:00"), ("2024年6月30日中午12点", "2024-06-30 12:00"),
    # Chinese numerals, and 号 for 日: "did you mean 2024-06-30?" was offered, and typed so, published at 00:00.
    ("2024年6月30号上午十点", "2024-06-30 10:00"), ("2024年6月30日下午三点半", "2024-06-30 15:30"),
    ("2024年6月30日十四点零五分", "2024-06-30 14:05"), ("2024年6月30日 二十三点", "2024-06-30 23:00"),
])
def test_a_publish_time_said_in_words_gets_the_time_on_the_24_hour_clock(tmp_path: Path, typed: str,
                                                                         meant: str) -> None:
    # 下午3点 got "write the date as YYYY-MM-DD" or an example time, never the time the editor meant.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:8:7: error: date: the time in "{typed}" is written with words '
        f'({_TIME_WORDS[typed]})\n'
        f"  hint: write the date, a space and the time on the 24-hour clock (24小时制): {meant}"]
    assert parse_datetime(meant).strftime("%Y-%m-%d %H:%M") == meant
    # Midnight (晚上12点) may be the end of the day or the start of the next: both are offered. Before, the hint
    # offered the date alone, which typed as shown published at 00:00 of that day.
    for midnight in ("2024年6月30日晚上12点", "2024年6月30日晚上十二点"):
        with pytest.raises(PydanticCustomError) as caught:
            parse_datetime(midnight)
        assert caught.value.context["hint"] == (
            "write the date, a space and the time on the 24-hour clock (24小时制): 2024-06-30 23:59 for the end of "
            "that day, or 2024-07-01 00:00 for the start of the next")


_WORDS_TIME = "write the date, a space and the time on the 24-hour clock (24小时制): "


@pytest.mark.parametrize(("typed", "said", "meant"), [
    # 12 AM is midnight, and 凌晨 the small hours of the day typed: each was offered 12:30, half a day late.
    ("2018-05-03 12:30 AM", "2018-05-03 00:30 (12 AM is midnight)", "2018-05-03 00:30"),
    ("2018-05-03 12:30am", "2018-05-03 00:30 (12 AM is midnight)", "2018-05-03 00:30"),
    ("2018-05-03 12:30 a.m.", "2018-05-03 00:30 (12 AM is midnight)", "2018-05-03 00:30"),
    ("2018-05-03 12:30 PM", "2018-05-03 12:30 (12 PM is noon)", "2018-05-03 12:30"),
    ("2018-05-03 凌晨12:30", "2018-05-03 00:30 (凌晨12点 is midnight, the start of that day)", "2018-05-03 00:30"),
    ("2018年5月3日凌晨十二点", "2018-05-03 00:00 (凌晨12点 is midnight, the start of that day)", "2018-05-03 00:00"),
    # 晚上 after midnight is the next day's small hours; 中午1点 is 13:00 (it was offered 12:30 and 01:00).
    ("2018-05-03 晚上12点半", "2018-05-04 00:30 (晚上12:30 of 2018-05-03 is after midnight, so on the next day)",
     "2018-05-04 00:30"),
    ("2018-05-03 晚上1点", "2018-05-04 01:00 (晚上1:00 of 2018-05-03 is after midnight, so on the next day)",
     "2018-05-04 01:00"),
    ("2018-05-03 中午1点", "2018-05-03 13:00", "2018-05-03 13:00"),
    ("2018-05-03 下午12点", "2018-05-03 12:00", "2018-05-03 12:00"),
    # 上午12点 is noon as said, and 00:30 as a phone shows 12:30 AM: both are offered, noon first.
    ("2018-05-03 上午12:30", "2018-05-03 12:30 if noon is meant (上午 runs up to noon), or 2018-05-03 00:30 if it is "
                            "the time a phone shows as 上午12:30 (12:30 AM, after midnight)", "2018-05-03 12:30"),
])
def test_twelve_oclock_said_with_am_pm_or_the_part_of_the_day_gets_the_hour_it_is(tmp_path: Path, typed: str,
                                                                                 said: str, meant: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:8:7: error: date: the time in "{typed}" is written with words '
        f'({_TIME_WORDS[typed]})\n'
        f"  hint: {_WORDS_TIME}{said}"]
    # Followed: the check is clean and the page is published at the time meant.
    root.joinpath("content/interviews/a.md").write_text(interview(date=meant), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert f'"datePublished":"{meant.replace(" ", "T")}:00+08:00"' in page


@pytest.mark.parametrize("typed", ["“2018-05-17 10:00”", "【2018-05-17 10:00】", "“2018年5月17日 10:00”",
                                   "2018-05-17 10:00”", "「2018/5/17 10:00」"])
def test_a_publish_time_in_quotes_or_brackets_is_offered_with_its_time(tmp_path: Path, typed: str) -> None:
    # "did you mean 2018-05-17?": typed as offered, the page was published at 00:00, the time lost.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)})
    [problem] = found(root)
    assert (problem.line, problem.column) == (8, 7)
    assert problem.hint.startswith("did you mean 2018-05-17 10:00? ")
    assert parse_datetime("2018-05-17 10:00") == datetime(2018, 5, 17, 10, 0)

def test_a_unit_with_field_errors_gets_its_tallies_and_milestones_checked_in_the_same_run(tmp_path: Path) -> None:
    # The target out of range made the whole record fail, so the sums, the order of tallies and milestones,
    # the tally dated ahead and the other targets' slips were found only in the next run, once it was mended.
    # A tally with a field wrong (item 2, its collected in words) is still in the order of dates.
    tallies = (tally("2018-05-26", 300, 150, 100, 50) + tally("2018-04-26", "二九六", 143, 103, 50)
               + tally("2018-04-20", 296, 143, 103, 51) + tally("2081-04-26", 296, 143, 103, 50))
    extra = ("targets:\n  - group: residents\n    target: 180\n  - group: institutions\n    target: 0.8\n"
             "  - group: institutions\n    target: 80\n"
             "milestones:\n  - date: 2018-03-01\n    title: 启动\n  - date: 2018-02-01\n    title: 成立\n"
             "  - date: 2018-13-01\n    title: 不存在的日子\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies, extra)})
    assert [(p.location(), p.severity, p.message.split(":")[0]) for p in found(root)] == [
        (f"{UNIT_PATH}:10:12", "error", "tally of 2018-04-26 is listed after the tally of 2018-05-26"),
        (f"{UNIT_PATH}:11:16", "error", 'tallies → item 2 → collected'),
        (f"{UNIT_PATH}:15:12", "error", "tally of 2018-04-20 is listed after the tally of 2018-04-26"),
        (f"{UNIT_PATH}:16:16", "error", "tally of 2018-04-20 does not add up"),
        (f"{UNIT_PATH}:20:12", "error", "tally of 2081-04-26 is dated in the future"),
        (f"{UNIT_PATH}:27:13", "error", 'targets → item 1 → target'),
        (f"{UNIT_PATH}:29:13", "warning", "target"),
        (f"{UNIT_PATH}:30:12", "error", 'two targets for the group "institutions" (the first is target 2, line 28)'),
        (f"{UNIT_PATH}:35:11", "error", "milestone of 2018-02-01 is listed after the one of 2018-03-01"),
        (f"{UNIT_PATH}:37:11", "error", 'milestones → item 3 → date'),
    ]


@pytest.mark.parametrize("slip, told", [
    ("    batchs: 3\n", 'unknown field "batchs" in tallies → item 2 (did you mean "batches"?)\n'
                       '  hint: rename it to "batches"'),
    ("    办理中: 20\n", 'unknown field "办理中" in tallies → item 2 ("in_progress" is typed already, on line 15)\n'
                     "  hint: remove it (sitegen reads no field it does not know); the fields that can be here and are "
                     "not typed yet: batches, note")])
def test_a_tally_out_of_order_is_told_in_the_run_that_tells_of_a_wrong_field_in_a_tally(
        tmp_path: Path, slip: str, told: str) -> None:
    # The order was told only on the next run, once the misspelt field was mended: two rounds for two slips.
    later, earlier = tally("2018-06-30", 296, 143, 103, 50), tally("2018-04-26", 120, 60, 40, 20)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(later + earlier.replace("\n", "\n" + slip, 1))})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:10:12: error: tally of 2018-04-26 is listed after the tally of 2018-06-30\n"
        "  hint: tallies are listed oldest first (按日期从早到晚): move lines 10–15 above the tally of 2018-06-30 (line "
        '5), with the "-" lined up with the "-" of the other tallies; if its date is mistyped, correct as_of instead',
        f"{UNIT_PATH}:11:5: error: {told}"]
    # Both hints followed in one round: clean, and the tallies shown oldest first.
    mended = tally("2018-04-26", 120, 60, 40, 20, batches=3) if "batchs" in slip else earlier
    (root / UNIT_PATH).write_text(unit_with(mended + later), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("slip", ["    target: 八十\n", "    target: 80\n    measurd: 60\n"])
def test_two_targets_of_one_group_are_told_in_the_run_that_tells_of_a_wrong_field_in_one_of_them(
        tmp_path: Path, slip: str) -> None:
    # The group was told only on the next run, once the wrong field was mended: two rounds for two slips.
    targets = "targets:\n  - group: institutions\n    target: 100\n  - group: institutions\n" + slip
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets)})
    problems = found(root)
    assert [p.format() for p in problems][0] == (
        f'{UNIT_PATH}:7:12: error: two targets for the group "institutions" (the first is target 1, line 5)\n'
        "  hint: keep one target per group")
    assert [(p.line, p.severity) for p in problems] == [(7, "error"), (8 if "八十" in slip else 9, "error")]
    # Both hints followed in one round: the second target is for another group, its field mended.
    (root / UNIT_PATH).write_text(unit_with(extra="targets:\n  - group: institutions\n    target: 100\n"
                                                  "  - group: residents\n    target: 80\n"), encoding="utf-8")
    assert found(root) == []


def test_an_empty_tally_a_far_milestone_and_the_example_target_are_warned_in_the_run_of_a_field_error(
        tmp_path: Path) -> None:
    # A unit file with a wrong field got these warnings only once it was mended: a round more for each.
    tallies = ("  - as_of: 2018-04-26\n    collected: 0\n    escalated: 0\n    resolved: 0\n    in_progress: 0\n"
               "  - as_of: 2018-13-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n    in_progress: 50\n")
    rest = ("targets:\n  - group: residents\n    target: 80\n    deadline: 2018-12-31\n    measured: 50\n"
            "    measured_as_of: 2018-06-30\nmilestones:\n  - date: 2081-01-12\n    title: 成立\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies, rest)})
    warned = [(6, 16, "warning", "tally of 2018-04-26 counts no issue list (collected: 0)"),
              (16, 5, "warning", "this target (group: residents, target: 80, deadline: 2018-12-31, measured: 50) has "
                                 "the example figures that sitegen new writes and no note"),
              (22, 11, "warning", "the milestone date 2081-01-12 is more than 10 years ahead")]
    assert [(p.line, p.column, p.severity, p.message.split(", and ")[0].split(", so ")[0]) for p in found(root)] == [
        warned[0], (10, 12, "error", 'tallies → item 2 → as_of: "2018-13-26" does not exist (there is no month 13: '
                                     "months run from 1 to 12)"), *warned[1:]]
    before = {p.format() for p in found(root) if p.severity == "warning"}
    # The error mended as told: the warnings are told as before, word for word.
    (root / UNIT_PATH).write_text(unit_with(tallies.replace("2018-13-26", "2018-12-26"), rest), encoding="utf-8")
    assert {p.format() for p in found(root)} == before


def test_a_value_not_known_yet_and_an_odd_space_are_warned_in_the_run_of_a_field_error(tmp_path: Path) -> None:
    # summary: 待定 and "练塘镇　" in a unit file with a wrong date were told only once the date was mended.
    unit = unit_with("  - as_of: 2018-13-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n"
                     "    in_progress: 50\n", "summary: 待定\n").replace("name: 白鹤镇", "name: 白鹤镇　")
    root = write_site(tmp_path, {UNIT_PATH: unit})
    warned = [
        f'{UNIT_PATH}:1:10: warning: name: "白鹤镇　" has a full-width space (全角空格) after "白鹤镇", which the '
        "unit's page would publish as part of it: it would not match \"白鹤镇\" typed elsewhere\n"
        "  hint: delete it: name: 白鹤镇",
        f'{UNIT_PATH}:10:10: warning: summary: "待定" stands for a value not known yet, so the unit\'s page would '
        "publish it\n  hint: write the value itself, or delete the line if the field may be left out"]
    assert [p.format() for p in found(root)] == [
        warned[0], f'{UNIT_PATH}:5:12: error: tallies → item 1 → as_of: "2018-13-26" does not exist (there is no '
                   "month 13: months run from 1 to 12)\n  hint: check the date against the source document", warned[1]]
    (root / UNIT_PATH).write_text(unit.replace("2018-13-26", "2018-12-26"), encoding="utf-8")
    assert [p.format() for p in found(root)] == warned


def test_markdown_and_a_formula_in_a_unit_file_are_warned_in_the_run_of_a_field_error(tmp_path: Path) -> None:
    # Both were told only once the wrong date was mended.
    unit = unit_with("  - as_of: 2018-13-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n"
                     "    in_progress: 50\n    note: =HYPERLINK(\"x\")\n", 'summary: "**重点**单位"\n')
    root = write_site(tmp_path, {UNIT_PATH: unit})
    warned = [(10, 11, "warning", 'tallies → item 1 → note: the text starts with "="'),
              (11, 10, "warning", 'summary: "**重点**" is bold (加粗) typed in Markdown')]
    assert [(p.line, p.column, p.severity, p.message.split(", ")[0]) for p in found(root)] == [
        (5, 12, "error", 'tallies → item 1 → as_of: "2018-13-26" does not exist (there is no month 13: months run '
                         "from 1 to 12)"), *warned]
    before = [p.format() for p in found(root)][1:]
    (root / UNIT_PATH).write_text(unit.replace("2018-13-26", "2018-12-26"), encoding="utf-8")
    assert [p.format() for p in found(root)] == before


def test_every_wrong_field_of_a_unit_file_is_told_in_one_run_and_each_fix_leaves_the_others_as_told(
        tmp_path: Path) -> None:
    # A missing field and a wrong date in one tally, a wrong count in another, a wrong group and a milestone
    # without its title: all in one run, and mending one changes no other message.
    unit = ("name: 白鹤镇\nlevel: town\ntallies:\n"
            "  - as_of: 2018-02-30\n    collected: 296\n    escalated: 143\n    resolved: 103\n"
            "  - as_of: 2018-05-26\n    collected: 三百\n    escalated: 143\n    resolved: 103\n    in_progress: 54\n"
            "targets:\n  - group: resident\n    target: 80\nmilestones:\n  - date: 2018-01-12\n")
    told = [
        f'{UNIT_PATH}:4:5: error: the field "in_progress" is missing in tallies → item 1\n'
        '  hint: add a line "in_progress: 50" under the tally\'s other figures (collected 296 − escalated 143 − '
        "resolved 103 = 50: every list collected is escalated, resolved or in progress); check it against the "
        "source document",
        f'{UNIT_PATH}:4:12: error: tallies → item 1 → as_of: "2018-02-30" does not exist (there is no day 30 in month '
        "2 of 2018)\n  hint: February 2018 has 28 days: check the day against the source document and write "
        "2018-02-DD, with that day in place of DD (年-月-日)",
        f'{UNIT_PATH}:9:16: error: tallies → item 2 → collected: "三百" is not a whole number\n'
        "  hint: write the number in digits: 300 (a count is written 0-9, not in Chinese numerals 中文数字)",
        f'{UNIT_PATH}:14:12: error: "resident" is not one of the allowed values for "targets → item 1 → group"\n'
        "  hint: did you mean residents (居民)? write group: residents",
        f'{UNIT_PATH}:17:5: error: the field "title" is missing in milestones → item 1\n  hint: add a line "title: …", '
        "e.g. title: 召开大调研动员部署会"]
    root = write_site(tmp_path, {UNIT_PATH: unit})
    assert [p.format() for p in found(root)] == told
    # Each fix typed as its hint says (a line added below the item's last, in place of the value), one at a time.
    fixes = [("    resolved: 103\n  - as_of: 2018-05-26", "    resolved: 103\n    in_progress: 50\n  - as_of: 2018-05-26"),
             ("2018-02-30", "2018-02-28"), ("collected: 三百", "collected: 300"), ("resident\n", "residents\n"),
             ("  - date: 2018-01-12\n", "  - date: 2018-01-12\n    title: 成立大调研领导小组\n")]
    for index, (typed, fixed) in enumerate(fixes):
        mended = unit.replace(typed, fixed)
        (root / UNIT_PATH).write_text(mended, encoding="utf-8")
        expected = [problem for number, problem in enumerate(told) if number != index]
        if index == 0:  # the lines below the one added move down by one
            expected = [re.sub(r":(9|14|17):", lambda m: f":{int(m.group(1)) + 1}:", problem) for problem in expected]
        assert [p.format() for p in found(root)] == expected, index
    for typed, fixed in fixes:
        unit = unit.replace(typed, fixed)
    (root / UNIT_PATH).write_text(unit, encoding="utf-8")
    assert found(root) == []


def test_a_wrong_id_is_told_in_the_run_that_tells_of_a_missing_field_and_a_wrong_date(tmp_path: Path) -> None:
    # "id differs from the file name" was told alone; mended, the missing field and the wrong date came a run later.
    tallies = ("  - as_of: 2018-04-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n"
               "  - as_of: 2018-13-26\n    collected: 300\n    escalated: 143\n    resolved: 103\n"
               "    in_progress: 54\n")
    root = write_site(tmp_path, {UNIT_PATH: "id: baihe2\n" + unit_with(tallies)})
    told = [
        f'{UNIT_PATH}:6:5: error: the field "in_progress" is missing in tallies → item 1\n'
        '  hint: add a line "in_progress: 50" under the tally\'s other figures (collected 296 − escalated 143 − '
        "resolved 103 = 50: every list collected is escalated, resolved or in progress); check it against the "
        "source document",
        f'{UNIT_PATH}:10:12: error: tallies → item 2 → as_of: "2018-13-26" does not exist (there is no month 13: '
        "months run from 1 to 12)\n  hint: check the date against the source document"]
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:1:5: error: id "baihe2" differs from the file name "baihe"\n'
        "  hint: the id is the file name: write id: baihe (the name 白鹤镇 reads baihe: the file is named for this "
        "unit, and the id baihe2 is not its own)", *told]
    # The id's hint followed: the other two are told as before, word for word.
    (root / UNIT_PATH).write_text("id: baihe\n" + unit_with(tallies), encoding="utf-8")
    assert [p.format() for p in found(root)] == told
    (root / UNIT_PATH).write_text("id: baihe\n" + unit_with(tallies.replace(
        "resolved: 103\n  - as_of: 2018-13-26", "resolved: 103\n    in_progress: 50\n  - as_of: 2018-12-26")),
        encoding="utf-8")
    assert found(root) == []


def test_a_unit_file_named_in_chinese_is_told_in_the_run_that_tells_of_its_field_errors(tmp_path: Path) -> None:
    # "the file name is not a valid id" was told alone: the file's fields were not read until it was renamed.
    tallies = "  - as_of: 2018-13-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n"
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES,
                                 "content/units/白鹤镇.yaml": unit_with(tallies)}, records=False)
    told = [
        '5:5: error: the field "in_progress" is missing in tallies → item 1\n  hint: add a line "in_progress: 50" under '
        "the tally's other figures (collected 296 − escalated 143 − resolved 103 = 50: every list collected is "
        "escalated, resolved or in progress); check it against the source document",
        '5:12: error: tallies → item 1 → as_of: "2018-13-26" does not exist (there is no month 13: months run from 1 '
        "to 12)\n  hint: check the date against the source document"]
    assert [p.format() for p in found(root)] == [
        'content/units/白鹤镇.yaml: error: the file name "白鹤镇" is not a valid id\n'
        '  hint: rename the file to bai-he-zhen.yaml (a-z, 0-9 and "-" only)',  # 白 reads bai in every word
        *(f"content/units/白鹤镇.yaml:{problem}" for problem in told)]
    # Renamed as told: the field errors are told as before, at the new name.
    (root / "content/units/白鹤镇.yaml").rename(root / "content/units/bai-he-zhen.yaml")
    assert [p.format() for p in found(root)] == [f"content/units/bai-he-zhen.yaml:{problem}" for problem in told]


@pytest.mark.parametrize(("typed", "told"), [
    ("collected：296", '6:14: error: "collected：" uses a full-width colon (全角冒号 ：)\n'
                      "  hint: type an English colon followed by a space, keeping the 4 spaces before it: collected: 296"),
    ("collected:296", '6:14: error: no space after ":" in "collected:296"\n'
                     "  hint: add a space after the colon, keeping the 4 spaces before it: collected: 296"),
    ("收集：296", '6:7: error: "收集：" uses a full-width colon (全角冒号 ：), and the field "收集" stands for is '
                 '"collected"\n  hint: type "collected" and an English colon followed by a space, keeping the 4 spaces '
                 "before it: collected: 296"),
])
def test_a_colon_typed_wrong_is_told_in_the_run_that_tells_of_the_file_s_field_errors(
        tmp_path: Path, typed: str, told: str) -> None:
    # The line scan's error stopped the file's reading: the wrong date of the next tally waited for the colon.
    tallies = ("  - as_of: 2018-04-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n    in_progress: 50\n"
               "  - as_of: 2018-13-26\n    collected: 300\n    escalated: 143\n    resolved: 103\n    in_progress: 54\n")
    date = (f'{UNIT_PATH}:10:12: error: tallies → item 2 → as_of: "2018-13-26" does not exist (there is no month 13: '
            "months run from 1 to 12)\n  hint: check the date against the source document")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies.replace("collected: 296", typed))})
    assert [p.format() for p in found(root)] == [f"{UNIT_PATH}:{told}", date]
    # The colon's hint followed: the date is told as before, word for word.
    (root / UNIT_PATH).write_text(unit_with(tallies), encoding="utf-8")
    assert [p.format() for p in found(root)] == [date]


def test_a_key_typed_twice_is_told_in_the_run_that_tells_of_the_file_s_field_errors(tmp_path: Path) -> None:
    # "the key appears twice" stopped the file's reading, so a wrong date in another tally and a wrong group were
    # told only once it was mended.
    tallies = ("  - as_of: 2018-04-26\n    collected: 296\n    collected: 296\n    escalated: 143\n"
               "    resolved: 103\n    in_progress: 50\n"
               "  - as_of: 2018-13-26\n    collected: 300\n    escalated: 143\n    resolved: 103\n"
               "    in_progress: 54\n")
    targets = "targets:\n  - group: resident\n    target: 80\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies, targets)})
    told = [
        f'{UNIT_PATH}:11:12: error: tallies → item 2 → as_of: "2018-13-26" does not exist (there is no month 13: '
        "months run from 1 to 12)\n  hint: check the date against the source document",
        f'{UNIT_PATH}:17:12: error: "resident" is not one of the allowed values for "targets → item 1 → group"\n'
        "  hint: did you mean residents (居民)? write group: residents"]
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:7:5: error: the key "collected" appears twice in the same block; it was first given on line 6\n'
        '  hint: keep one "collected" line and delete or rename the other', *told]
    # The first hint followed: the others are told as before, word for word.
    (root / UNIT_PATH).write_text(unit_with(tallies.replace("    collected: 296\n", "", 1), targets),
                                  encoding="utf-8")
    assert [p.format() for p in found(root)] == [problem.replace(":11:", ":10:").replace(":17:", ":16:")
                                                 for problem in told]
    (root / UNIT_PATH).write_text(unit_with(tallies.replace("    collected: 296\n", "", 1).replace(
        "2018-13-26", "2018-12-26"), targets.replace("resident", "residents")), encoding="utf-8")
    assert found(root) == []


def test_a_field_typed_twice_without_its_indent_is_told_once_with_the_file_s_other_errors(tmp_path: Path) -> None:
    # Read in part, the file's fields are checked too: the first "note:" gets the YAML's words alone, not also
    # "unknown field" from the fields' check.
    tallies = "  - as_of: 2018-13-26\n    collected: 296\n    escalated: 143\n    resolved: 103\n    in_progress: 50\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies, "note: 一\nnote: 二\n")})
    assert [(p.line, p.column, p.message.split(";")[0].split(" (")[0]) for p in found(root)] == [
        (5, 12, 'tallies → item 1 → as_of: "2018-13-26" does not exist'),
        (10, 1, 'unknown field "note"'),
        (11, 1, 'the key "note" appears twice in the same block')]


def test_a_milestone_out_of_order_is_told_in_the_run_that_tells_of_a_wrong_field_in_a_milestone(
        tmp_path: Path) -> None:
    milestones = "milestones:\n  - date: 2018-03-01\n    title: 启动\n  - date: 2018-02-01\n    titel: 成立\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=milestones)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:7:11: error: milestone of 2018-02-01 is listed after the one of 2018-03-01: milestones are "
        "listed oldest first (按日期从早到晚)\n"
        '  hint: if its date is right, move lines 7–8 above the milestone of 2018-03-01 (line 5), with the "-" '
        'lined up with the "-" of the others; if the date is mistyped, correct date: instead',
        f'{UNIT_PATH}:8:5: error: unknown field "titel" in milestones → item 2 (did you mean "title"?)\n'
        '  hint: rename it to "title"']
    (root / UNIT_PATH).write_text(unit_with(extra="milestones:\n  - date: 2018-02-01\n    title: 成立\n"
                                                  "  - date: 2018-03-01\n    title: 启动\n"), encoding="utf-8")
    assert found(root) == []


def test_a_tally_of_today_and_milestones_and_deadlines_ahead_are_accepted(tmp_path: Path) -> None:
    extra = ("targets:\n  - group: residents\n    target: 80\n    deadline: 2030-12-31\n"
             "milestones:\n  - date: 2030-01-01\n    title: 全面完成\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2025-01-01", 10, 4, 3, 3), extra)})
    assert found(root, datetime(2025, 1, 1, 0, 0)) == []


def test_a_milestone_or_deadline_decades_ahead_is_warned_with_the_year_meant(tmp_path: Path) -> None:
    # 2081 for 2018 was published as a plan for 2081, with no word, where an interview so far ahead is warned.
    extra = ("targets:\n  - group: residents\n    target: 80\n    deadline: 2053-12-31\n"
             "milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n  - date: 2036-01-01\n    title: 全面完成\n"
             "  - date: 2081-01-15\n    title: 动员部署\n")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2025-01-01", 10, 4, 3, 3), extra)})
    assert [p.format() for p in found(root, datetime(2026, 1, 1, 0, 0))] == [
        f"{UNIT_PATH}:13:15: warning: the deadline 2053-12-31 is more than 10 years ahead, so the unit's page shows "
        "it as planned for then\n  hint: did you mean 2035? write deadline: 2035-12-31",
        f"{UNIT_PATH}:19:11: warning: the milestone date 2081-01-15 is more than 10 years ahead, so the unit's page "
        "shows it as planned for then\n  hint: did you mean 2018? write date: 2018-01-15"]


@pytest.mark.parametrize("day, today, year", [
    ("2081-05-26", "2025-01-01", 2018),  # also 1082: the latest past year is the one meant
    ("2052-03-01", "2025-06-01", 2025), ("2205-03-01", "2025-06-01", 2025),
    ("2052-12-01", "2025-06-01", None),  # 2025-12-01 has not come either
    ("2026-03-01", "2025-06-01", None), ("2025-06-02", "2025-06-01", None),
    ("2084-02-29", "2050-01-01", 2048), ("2096-02-29", "2070-01-01", None)])  # 2069 has no 29 February
def test_the_year_meant_is_a_swap_of_two_digits_into_the_past(day: str, today: str, year: int | None) -> None:
    assert likely_year(date.fromisoformat(day), date.fromisoformat(today)) == year



def test_two_unit_files_for_one_town_are_an_error_at_the_second_name(tmp_path: Path) -> None:
    # A unit file copied under a new id doubled the district totals (592 issue lists, "2 个单位").
    copy = "id: baihe2\n" + UNIT
    root = write_site(tmp_path, {"content/units/baihe2.yaml": copy,
                                 "content/units/baihe3.yaml": "name: 白鹤\u3000镇\nlevel: town\n",
                                 "content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\n" + UNIT[UNIT.index("tallies"):]})
    assert [p.format() for p in found(root)] == [
        "content/units/baihe2.yaml:2:7: error: two units named 白鹤镇 (content/units/baihe.yaml and "
        "content/units/baihe2.yaml) would be counted twice in the district totals\n"
        "  hint: keep one file, or give each unit its own name",
        "content/units/baihe3.yaml:1:7: error: two units named 白鹤\u3000镇 (content/units/baihe.yaml and "
        "content/units/baihe3.yaml) would be listed twice among the units\n"
        "  hint: keep one file, or give each unit its own name",
        # The full-width space is told too: the name as typed is not the name 白鹤镇 of the open data.
        'content/units/baihe3.yaml:1:9: warning: name: "白鹤\u3000镇" has a full-width space (全角空格) between "白鹤" '
        "and \"镇\", which the unit's page would publish as part of it: it would not match \"白鹤镇\" typed elsewhere\n"
        "  hint: delete it: name: 白鹤镇",
        # Named apart, 徐泾镇's file still holds 白鹤镇's tally: a copy too (`check_copied_tallies`).
        "content/units/xujing.yaml:4:12: warning: this tally of 2018-04-26 has every figure of the tally of 白鹤镇 "
        "(content/units/baihe.yaml) and 白鹤镇 (content/units/baihe2.yaml) of that day (batches 318, collected 296, "
        "escalated 143, resolved 103, in progress 50): a unit file copied to start another keeps the first unit's "
        "figures, and the totals of the home page and the dashboard would add them twice\n"
        "  hint: write the figures 徐泾镇 counted (or delete the tallies copied with the file); if the units really "
        "counted the same, add the line distinct_from: [baihe, baihe2] to content/units/xujing.yaml (the warning then "
        "stops)"]


_SOUND_ALIKE_HINT = (
    "  hint: if they are one place, keep one file: e.g. keep {first}, {why}, {move}delete {second} and add {name} to "
    "the misspellings of "
    "{first}; if they are two different places, add the line distinct_from: [{first_id}] to {second} (the warning "
    "then stops)")


def test_two_units_whose_names_read_the_same_are_warned_at_the_second_name(tmp_path: Path) -> None:
    # A second file for 白鹤镇, its name typed with a pinyin input method that picked 百鹤镇 (both
    # bai-he-zhen): no message, and the district totals counted the town twice.
    files = {"content/units/baihezhen.yaml": UNIT.replace("name: 白鹤镇", "name: 百鹤镇").replace(
                 "misspellings: [白河镇, 百合镇]\n", ""),
             "content/units/xinmin.yaml": "name: 新民村\nlevel: village\n",
             "content/units/xinmincun.yaml": "# 新闵村\nlevel: village\nname:   新闵村\n",
             "content/units/baihecun.yaml": "name: 白鹤村\nlevel: village\n",  # bai-he-cun: another reading
             "content/interviews/a.md": interview()}
    root = write_site(tmp_path, files)
    assert [p.format() for p in found(root)] == [
        "content/units/baihezhen.yaml:1:7: warning: the unit names 白鹤镇 (content/units/baihe.yaml) and 百鹤镇 "
        "(content/units/baihezhen.yaml) both read bai-he-zhen (同音): if they are one place typed two ways, it is "
        "counted twice in the district totals\n" + _SOUND_ALIKE_HINT.format(
            first="content/units/baihe.yaml", second="content/units/baihezhen.yaml", name="百鹤镇", first_id="baihe",
            why="which content/interviews/a.md names (unit: baihe)",
            move="the tally of 2018-04-26 of content/units/baihezhen.yaml is in content/units/baihe.yaml already, "),
        "content/units/xinmincun.yaml:3:9: warning: the unit names 新民村 (content/units/xinmin.yaml) and 新闵村 "
        "(content/units/xinmincun.yaml) both read xin-min-cun (同音): if they are one place typed two ways, it is "
        "listed twice among the units\n" + _SOUND_ALIKE_HINT.format(
            first="content/units/xinmin.yaml", second="content/units/xinmincun.yaml", name="新闵村", first_id="xinmin",
            why="whose id is the shorter", move="")]
    # A warning, not an error: the site is built.
    result = build(BuildOptions(root=root, now=NOW, search=False))
    assert [p.location() for p in result.warnings] == ["content/units/baihezhen.yaml:1:7",
                                                       "content/units/xinmincun.yaml:3:9"]


def test_a_unit_whose_name_reads_as_another_units_alias_is_warned_and_each_pair_once(tmp_path: Path) -> None:
    # 白鹤镇 is also called 白鹤 (aliases): a second file named 百鹤, the input method's pick for bai he, passed
    # in silence, though the town was counted twice; so did a unit whose alias reads as another unit's name.
    baihe = UNIT.replace("level: town\n", "level: town\naliases: [白鹤]\n")
    root = write_site(tmp_path, {
        "content/units/baihe.yaml": baihe,
        "content/units/baihe2.yaml": "name: 百鹤\nlevel: town\n",
        "content/units/xinmin.yaml": "name: 新民村\nlevel: village\n",
        "content/units/zhuanghe.yaml": "name: 庄河村\nlevel: village\naliases: [庄河, 新闵村]\n",
        "content/interviews/a.md": interview()})
    assert [p.format() for p in found(root)] == [
        "content/units/baihe2.yaml:1:7: warning: 白鹤, another name of 白鹤镇 (content/units/baihe.yaml) and the "
        "unit name 百鹤 (content/units/baihe2.yaml) both read bai-he (同音): if they are one place typed two ways, "
        "it is listed twice among the units\n" + _SOUND_ALIKE_HINT.format(
            first="content/units/baihe.yaml", second="content/units/baihe2.yaml", name="百鹤", first_id="baihe",
            why="which content/interviews/a.md names (unit: baihe)", move=""),
        "content/units/zhuanghe.yaml:3:15: warning: the unit name 新民村 (content/units/xinmin.yaml) and 新闵村, "
        "another name of 庄河村 (content/units/zhuanghe.yaml) both read xin-min-cun (同音): if they are one place "
        "typed two ways, it is listed twice among the units\n" + _SOUND_ALIKE_HINT.format(
            first="content/units/xinmin.yaml", second="content/units/zhuanghe.yaml", name="庄河村",
            first_id="xinmin", why="whose id is the shorter", move="")]
    # Both the name and an alias of one file read as the other's: one warning for the pair.
    root = write_site(tmp_path / "pair", {
        "content/units/baihe.yaml": baihe,
        "content/units/baihe2.yaml": "name: 百鹤镇\nlevel: town\naliases: [柏鹤]\n",
        "content/interviews/a.md": interview()})
    assert [p.location() for p in found(root)] == ["content/units/baihe2.yaml:1:7"]
    # A page's unit: typed as a homophone of an alias gets the unit's id, naming the alias it reads as.
    root = write_site(tmp_path / "page", {
        "content/units/baihe.yaml": baihe,
        "content/interviews/a.md": interview().replace("unit: baihe", "unit: 百鹤")})
    assert [p.hint for p in found(root)] == [
        "百鹤 reads the same as 白鹤, another name of the unit 白鹤镇 (bai-he): write the id of 白鹤镇, not a name: "
        "unit: baihe"]


def test_long_names_alike_only_in_their_first_80_letters_of_pinyin_are_not_taken_for_one(tmp_path: Path) -> None:
    # A reading is a slug, cut near 80 letters: these two read alike up to …da-xing-ju and were warned.
    long = "上海市青浦区夏阳街道青浦新城一站大型居住社区第{}居民委员会"
    root = write_site(tmp_path, {
        "content/units/jwh1.yaml": f"name: {long.format('一')}\nlevel: community\n",
        "content/units/jwh2.yaml": f"name: {long.format('二')}\nlevel: community\n",
        "content/interviews/a.md": interview()})
    assert found(root) == []
    # A tag that is such a name gets its whole slug: the slug book keeps readings as made, whether or not
    # the check compares them.
    tagged = interview(extra=f"tags: [{long.format('一')}]\n")
    (root / "content/interviews/a.md").write_text(tagged, encoding="utf-8")
    build(BuildOptions(root=root, now=NOW, search=False))
    assert [p.name for p in (root / "output/tags").iterdir() if p.is_dir()] == [
        "shang-hai-shi-qing-pu-qu-xia-yang-jie-dao-qing-pu-xin-cheng-yi-zhan-da-xing-ju"]


def test_a_sound_alike_hint_adds_to_a_distinct_from_list_there_is(tmp_path: Path) -> None:
    # It said "add the line distinct_from: […]", which gave a key twice.
    root = write_site(tmp_path, {
        "content/units/baihecun.yaml": "name: 白鹤村\nlevel: village\n",
        "content/units/xinmin.yaml": "name: 新民村\nlevel: village\n",
        "content/units/zhuanghe.yaml": "name: 白河村\nlevel: village\ndistinct_from: [xinmin]\n",
        "content/interviews/a.md": interview()})
    [problem] = found(root)
    assert problem.hint.endswith("if they are two different places, add baihecun to the distinct_from list of "
                                 "content/units/zhuanghe.yaml (the warning then stops)")


_HUAXIN = UNIT.replace("白鹤镇", "华新镇").replace("misspellings: [白河镇, 百合镇]\n", "").replace("04-26", "04-20")
_HUAXIN_TWICE = ("content/units/hua-xin-zhen.yaml:1:7: warning: the unit names 華新鎮 (content/units/hua-xin-zhen-2.yaml) "
                 "and 华新镇 (content/units/hua-xin-zhen.yaml) both read hua-xin-zhen (同音): if they are one place typed "
                 "two ways, it is listed twice among the units\n"
                 "  hint: if they are one place, keep one file: e.g. keep {kept}, {why}, {then}delete {dropped} and "
                 "add {name} to the misspellings of {kept}; if they are two different places, add the line "
                 "distinct_from: [hua-xin-zhen-2] to content/units/hua-xin-zhen.yaml (the warning then stops)")


@pytest.mark.parametrize("named, kept, why, then", [
    # 華新鎮 written by "sitegen new unit 華新鎮 --id hua-xin-zhen-2" beside 华新镇, whose figures the pages name:
    # the hint had the file of the figures and the pages deleted.
    (("hua-xin-zhen", "hua-xin-zhen"), "hua-xin-zhen", "which 2 pages name (unit: hua-xin-zhen)", ""),
    # The pages name the second file: it is kept, and the figures move into it.
    (("hua-xin-zhen-2", "hua-xin-zhen-2"), "hua-xin-zhen-2", "which 2 pages name (unit: hua-xin-zhen-2)",
     "move the tallies of content/units/hua-xin-zhen.yaml into content/units/hua-xin-zhen-2.yaml, "),
    # Both named: the one with the figures is kept, and the other's pages are moved to it.
    (("hua-xin-zhen-2", "hua-xin-zhen"), "hua-xin-zhen", "which content/cases/c.md names (unit: hua-xin-zhen) "
     "and which holds more tallies, targets and milestones (1 against 0)", "change unit: hua-xin-zhen-2 to unit: "
     "hua-xin-zhen in content/interviews/a.md, "),
    # Neither named: the one with the figures is kept.
    (("baihe", "baihe"), "hua-xin-zhen", "which holds more tallies, targets and milestones (1 against 0)", ""),
])
def test_the_sound_alike_hint_keeps_the_unit_the_pages_name_then_the_one_with_the_figures(
        tmp_path: Path, named: tuple[str, str], kept: str, why: str, then: str) -> None:
    root = write_site(tmp_path, {
        "content/units/hua-xin-zhen.yaml": _HUAXIN, "content/units/hua-xin-zhen-2.yaml": "name: 華新鎮\nlevel: town\n",
        "content/interviews/a.md": interview("白鹤镇访谈" if named[0] == "baihe" else "华新镇访谈")
        .replace("unit: baihe", f"unit: {named[0]}"),
        "content/cases/c.md": CASE.replace("unit: baihe", f"unit: {named[1]}")})
    dropped = "hua-xin-zhen-2" if kept == "hua-xin-zhen" else "hua-xin-zhen"
    assert [p.format() for p in found(root)] == [_HUAXIN_TWICE.format(
        kept=f"content/units/{kept}.yaml", why=why, then=then, dropped=f"content/units/{dropped}.yaml",
        name="華新鎮" if dropped == "hua-xin-zhen-2" else "华新镇")]


def test_the_sound_alike_hint_followed_leaves_the_pages_their_unit(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "content/units/hua-xin-zhen.yaml": _HUAXIN, "content/units/hua-xin-zhen-2.yaml": "name: 華新鎮\nlevel: town\n",
        "content/interviews/a.md": interview("华新镇访谈").replace("unit: baihe", "unit: hua-xin-zhen")})
    assert len(found(root)) == 1
    (root / "content/units/hua-xin-zhen-2.yaml").unlink()
    (root / "content/units/hua-xin-zhen.yaml").write_text(_HUAXIN + "misspellings: [華新鎮]\n", encoding="utf-8")
    assert found(root) == []
    # Neither named and no figures: the shorter id is kept, whichever comes first in path order.
    root = write_site(tmp_path / "bare", {
        "content/units/hua-xin-zhen.yaml": "name: 华新镇\nlevel: town\n",
        "content/units/hua-xin-zhen-2.yaml": "name: 華新鎮\nlevel: town\n", "content/interviews/a.md": interview()})
    [problem] = found(root)
    assert problem.hint.startswith("if they are one place, keep one file: e.g. keep content/units/hua-xin-zhen.yaml, "
                                   "whose id is the shorter, delete content/units/hua-xin-zhen-2.yaml and add 華新鎮 to "
                                   "the misspellings of content/units/hua-xin-zhen.yaml; ")


def test_the_merge_hint_moves_only_what_the_kept_file_lacks_and_the_merge_followed_checks_clean(
        tmp_path: Path) -> None:
    # 百鹤镇 (baihezhen.yaml) began as a copy of baihe.yaml, then had a tally added and one mistyped. The hint
    # said "move the tallies of baihezhen.yaml into baihe.yaml": followed, baihe.yaml held two tallies of
    # 2018-04-26 (the next error, "two tallies on 2018-04-26") and two of 2018-03-01, one of them wrong.
    milestone = "milestones:\n  - date: 2018-01-12\n    title: 召开动员部署会\n"
    target = "targets:\n  - group: institutions\n    target: 100\n"
    kept = unit_with(tally("2018-03-01", 120, 60, 40, 20) + tally("2018-04-26", 296, 143, 103, 50), target)
    copy = (unit_with(tally("2018-03-01", 121, 60, 40, 21) + tally("2018-04-26", 296, 143, 103, 50)
                      + tally("2018-05-10", 310, 150, 110, 50), target + milestone)
            .replace("name: 白鹤镇", "name: 百鹤镇").replace("misspellings: [白河镇, 百合镇]\n", ""))
    root = write_site(tmp_path, {UNIT_PATH: kept, "content/units/baihezhen.yaml": copy,
                                 "content/interviews/a.md": interview()})
    [problem] = [p for p in found(root) if "(同音)" in p.message]
    assert problem.hint == (
        "if they are one place, keep one file: e.g. keep content/units/baihe.yaml, which content/interviews/a.md "
        "names (unit: baihe), move the tally of 2018-05-10 and the milestones of content/units/baihezhen.yaml into "
        "content/units/baihe.yaml (the tally of 2018-04-26 and the target of institutions are there already), "
        "the tally of 2018-03-01 is in both files with other figures: keep the right one in "
        "content/units/baihe.yaml (check both against the source document, 原文), delete "
        "content/units/baihezhen.yaml and add 百鹤镇 to the misspellings of content/units/baihe.yaml; if they are "
        "two different places, add the line distinct_from: [baihe] to content/units/baihezhen.yaml (the warning "
        "then stops)")
    # Followed, with the copy's figures of 2018-03-01 found right: one tally a day, nothing typed lost, clean.
    merged = (unit_with(tally("2018-03-01", 121, 60, 40, 21) + tally("2018-04-26", 296, 143, 103, 50)
                        + tally("2018-05-10", 310, 150, 110, 50), target + milestone)
              .replace("misspellings: [白河镇, 百合镇]", "misspellings: [白河镇, 百合镇, 百鹤镇]"))
    (root / UNIT_PATH).write_text(merged, encoding="utf-8")
    (root / "content/units/baihezhen.yaml").unlink()
    assert found(root) == []


def test_an_alias_another_unit_has_too_is_an_error_at_the_copy_that_distinct_from_does_not_silence(
        tmp_path: Path) -> None:
    # xujing.yaml began as a copy of baihe.yaml and kept its alias 白鹤: it was warned as two names that read
    # alike, whose hint (distinct_from) left one name naming two units, in silence.
    baihe = UNIT.replace("level: town\n", "level: town\naliases: [白鹤]\n")
    copy = "name: 徐泾镇\nlevel: town\naliases: [白鹤]\nsummary: 徐泾镇在白鹤镇东南。\n"  # names 白鹤镇: the copy
    # The copy comes first in path order (anting < baihe): the file told is the copy, not the earlier path.
    root = write_site(tmp_path, {"content/units/baihe.yaml": baihe, "content/units/anting.yaml": copy,
                                 "content/interviews/a.md": interview()})
    told = [
        "content/units/anting.yaml:3:11: error: 白鹤, another name of 徐泾镇, is another name of 白鹤镇 "
        "(content/units/baihe.yaml) too: one name can name one unit only, and the open data (units.json) would "
        "give 白鹤 to both\n"
        "  hint: delete 白鹤 from aliases: in content/units/anting.yaml, leaving aliases: [] (a unit file copied "
        "from another keeps the other's aliases)"]
    assert [p.format() for p in found(root)] == told
    # distinct_from tells two names that read alike apart; it cannot make one name name two units.
    (root / "content/units/anting.yaml").write_text(copy + "distinct_from: [baihe]\n", encoding="utf-8")
    assert [p.format() for p in found(root)] == told
    # The hint followed: clean, and 白鹤 stays with 白鹤镇 in the open data.
    (root / "content/units/anting.yaml").write_text(copy.replace("aliases: [白鹤]", "aliases: []"), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    units = json.loads((root / "output/data/units.json").read_bytes())
    # In the order of the names' pinyin: 白鹤镇 (bai he) before 徐泾镇 (xu jing), whatever the ids.
    assert [(unit["id"], unit["aliases"]) for unit in units] == [("baihe", ["白鹤"]), ("anting", [])]


def test_an_alias_that_is_another_units_name_is_an_error_at_the_alias_and_no_sound_alike_warning(
        tmp_path: Path) -> None:
    # 新民村 as an alias of 庄河村 and the name of xinmin.yaml: one name, not two that read alike.
    zhuanghe = "name: 庄河村\nlevel: village\naliases: [庄河, 新民村]\n"
    root = write_site(tmp_path, {"content/units/xinmin.yaml": "name: 新民村\nlevel: village\n",
                                 "content/units/zhuanghe.yaml": zhuanghe, "content/interviews/a.md": interview()})
    assert [p.format() for p in found(root)] == [
        "content/units/zhuanghe.yaml:3:15: error: 新民村, another name of 庄河村, is the name of 新民村 "
        "(content/units/xinmin.yaml): one name can name one unit only, and the open data (units.json) would give "
        "新民村 to both\n"
        "  hint: delete 新民村 from aliases: in content/units/zhuanghe.yaml"]
    (root / "content/units/zhuanghe.yaml").write_text(zhuanghe.replace(", 新民村", ""), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    units = json.loads((root / "output/data/units.json").read_bytes())
    assert [(unit["id"], unit["aliases"]) for unit in units] == [("baihe", []), ("xinmin", []), ("zhuanghe", ["庄河"])]


def test_two_places_whose_names_read_the_same_are_told_apart_with_distinct_from(tmp_path: Path) -> None:
    # 白鹤村 and 白河村 may both be real villages: either file may list the other's id, and the warning stops.
    baihecun = "name: 白鹤村\nlevel: village\n"
    root = write_site(tmp_path / "second", {
        "content/units/baihecun.yaml": baihecun,
        "content/units/baihecun2.yaml": "name: 白河村\nlevel: village\ndistinct_from: [baihecun]\n",
        "content/interviews/a.md": interview()})
    assert found(root) == []
    root = write_site(tmp_path / "first", {
        "content/units/baihecun.yaml": baihecun + "distinct_from: baihecun2\n",
        "content/units/baihecun2.yaml": "name: 白河村\nlevel: village\n", "content/interviews/a.md": interview()})
    assert found(root) == []
    # Told apart from one unit only: a third that reads the same is still warned, naming the one not told apart.
    root = write_site(tmp_path / "third", {
        "content/units/baihecun.yaml": baihecun,
        "content/units/baihecun2.yaml": "name: 白河村\nlevel: village\ndistinct_from: [baihecun]\n",
        "content/units/baihecun3.yaml": "name: 百合村\nlevel: village\ndistinct_from: [baihecun]\n",
        "content/interviews/a.md": interview()})
    assert [(p.location(), p.message) for p in found(root)] == [
        ("content/units/baihecun3.yaml:1:7", "the unit names 白河村 (content/units/baihecun2.yaml) and 百合村 "
         "(content/units/baihecun3.yaml) both read bai-he-cun (同音): if they are one place typed two ways, it is "
         "listed twice among the units")]
    # An entry that names no unit tells nothing apart, and is warned at the entry.
    root = write_site(tmp_path / "stale", {
        "content/units/baihecun.yaml": baihecun,
        "content/units/baihecun2.yaml": "name: 白河村\nlevel: village\ndistinct_from: [baihecun]\n",
        "content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\ndistinct_from: [baihee, 白鹤村, huaxin]\n",
        "content/interviews/a.md": interview()})
    assert [p.format() for p in found(root)] == [
        'content/units/xujing.yaml:3:17: warning: distinct_from: there is no unit "baihee"\n'
        "  hint: did you mean baihe?",
        'content/units/xujing.yaml:3:25: warning: distinct_from: there is no unit "白鹤村"\n'
        "  hint: write the id, not the name: baihecun",
        'content/units/xujing.yaml:3:30: warning: distinct_from: there is no unit "huaxin"\n'
        "  hint: write the id of a unit whose name reads the same as 徐泾镇 (its file name in content/units/ "
        "without .yaml), or remove the entry"]
    # Its own id was taken in silence; a file name and a misspelling got the hint for an unknown id.
    root = write_site(tmp_path / "own", {
        "content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\ndistinct_from: [xujing, baihe.yaml, 百合镇]\n"})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/units/xujing.yaml:3:17", 'distinct_from: "xujing" is this unit\'s own id, which tells it apart '
         "from nothing", "write the id of the other unit whose name reads the same as 徐泾镇, or remove the entry"),
        ("content/units/xujing.yaml:3:25", 'distinct_from: there is no unit "baihe.yaml"',
         "write the id, without .yaml: baihe"),
        ("content/units/xujing.yaml:3:37", 'distinct_from: there is no unit "百合镇"',
         "百合镇 is a misspelling of 白鹤镇: write its id, baihe")]
    # This unit's own misspelling or name was offered this unit's id: followed, "this unit's own id".
    root = write_site(tmp_path / "own-misspelling", {
        "content/units/baihe.yaml": UNIT + "distinct_from: [白河镇, 白鹤镇]\n"})
    assert [p.hint for p in found(root)] == [
        "白河镇 is this unit's own misspelling (misspellings:), not another unit: distinct_from lists the other units "
        "whose names read the same as 白鹤镇; remove the entry",
        "白鹤镇 is this unit's own name, not another unit: distinct_from lists the other units whose names read the "
        "same as 白鹤镇; remove the entry"]
    # Two ids without brackets, or with a full-width comma or a semicolon, are one id: the hint writes the list.
    for typed in ("baihe, baihecun", "[baihe，baihecun]", "[baihe；baihecun]", "baihe;baihecun"):
        root = write_site(tmp_path / typed.strip("[]").replace(", ", "-").replace("，", "_"), {
            "content/units/xujing.yaml": f"name: 徐泾镇\nlevel: town\ndistinct_from: {typed}\n"})
        assert [p.hint for p in found(root)] == [
            "list the ids in brackets, apart by half-width commas (半角逗号): distinct_from: [baihe, baihecun]"]


def test_a_unit_named_by_a_name_that_reads_as_its_name_gets_its_id_in_the_hint(tmp_path: Path) -> None:
    # unit: 百鹤镇 (the input method's pick for bai he zhen) names no unit: the hint names 白鹤镇's id.
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", "unit: 百鹤镇"),
                                 "content/units/baihecun.yaml": "name: 白鹤村\nlevel: village\n"})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:4:7: error: there is no unit "百鹤镇"\n'
        "  hint: 百鹤镇 reads the same as the unit 白鹤镇 (bai-he-zhen): write the id of 白鹤镇, not a name: unit: baihe"]
    # Several units that read so (told apart with distinct_from): the hint named the first as if it were the one.
    root = write_site(tmp_path / "more", {
        "content/interviews/a.md": interview().replace("unit: baihe", "unit: 柏河镇"),
        "content/units/baihe2.yaml": "name: 百河镇\nlevel: town\ndistinct_from: [baihe]\n"})
    assert [p.hint for p in found(root)] == [
        "柏河镇 reads the same as 2 units (bai-he-zhen): write the id of the one meant: baihe (白鹤镇), baihe2 (百河镇)"]


def test_a_misspelling_typed_where_an_id_goes_is_the_error_of_the_id_only(tmp_path: Path) -> None:
    # unit: 白河镇 got the warning "write 白鹤镇" (which is another error: an id goes there) beside the
    # error that there is no unit 白河镇, at one place. A field that takes an id or an address is no text to
    # correct to the unit's name; a text field still is.
    root = write_site(tmp_path / "unit", {"content/interviews/a.md": interview().replace("unit: baihe", "unit: 白河镇")})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:4:7: error: there is no unit "白河镇"\n'
        "  hint: 白河镇 is a misspelling of the unit name 白鹤镇: write the id of 白鹤镇, not a name: unit: baihe"]
    root = write_site(tmp_path / "series", {
        "content/interviews/a.md": interview().replace("series: dadiaoyan", "series: 白河镇")})
    assert [(p.location(), p.severity, p.message) for p in found(root)] == [
        ("content/interviews/a.md:3:9", "error", 'there is no series "白河镇"')]
    # An old address leads to the page only as it was; a unit's distinct_from takes ids, typed with an escape too.
    root = write_site(tmp_path / "ids", {
        "content/interviews/a.md": interview(extra="aliases: [/interviews/白河镇/]\n"),
        "content/units/xujing.yaml": 'name: 徐泾镇\nlevel: town\ndistinct_from: ["\\u767d河镇"]\n'})
    assert [p.format() for p in found(root)] == [
        'content/units/xujing.yaml:3:17: warning: distinct_from: there is no unit "白河镇"\n'
        "  hint: 白河镇 is a misspelling of 白鹤镇: write its id, baihe"]
    # The title is text: warned; the correct forms give nothing.
    root = write_site(tmp_path / "title", {"content/interviews/a.md": interview("白河镇访谈")})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:2:8: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n  hint: write 白鹤镇']
    root = write_site(tmp_path / "right", {"content/interviews/a.md": interview("白鹤镇访谈")})
    assert found(root) == []


def test_a_misspelling_inside_a_web_address_is_not_warned_but_in_the_links_text_it_is(tmp_path: Path) -> None:
    # "https://baike.example.org/item/白河镇" got "write 白鹤镇", which would break the link to another site's page.
    body = ("参见[白河镇百科](https://baike.example.org/item/白河镇)和 https://x.example.org/白河镇/ 。\n\n"
            '<a href="http://y.example.org/白河镇">链接</a>\n')
    extra = "source:\n  publisher: 百科\n  url: https://baike.example.org/item/白河镇\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=extra)})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:14:4: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n  hint: write 白鹤镇']


def test_a_misspelling_that_is_part_of_a_correct_name_or_listed_twice_is_warned_at_its_entry(
        tmp_path: Path) -> None:
    # "白河" listed as a misspelling of 白鹤镇 beside a real 白河村: every correct 白河村 was warned, and
    # the hint told the editor to write 白鹤镇 instead.
    baihe = UNIT.replace("misspellings: [白河镇, 百合镇]", "aliases: [白鹤]\nmisspellings: [白河, 百合镇, 白鹤]")
    baihecun = "name: 白河村\nlevel: village\nmisspellings: [百合镇]\n"
    root = write_site(tmp_path, {"content/units/baihe.yaml": baihe, "content/units/baihecun.yaml": baihecun,
                                 "content/interviews/a.md": interview(body="## 问题\n\n白河村和白鹤镇，不是百合镇。\n")},
                      records=True)
    hint = ('  hint: remove "{}" from misspellings, or list the whole wrong spelling as it is typed in the texts '
            "(e.g. 白河镇, not 白河)")
    assert [p.format() for p in found(root)] == [
        # The misspelling that clashes with nothing is still warned where it is typed, and only there.
        'content/interviews/a.md:13:11: warning: "百合镇" is a misspelling of the unit name 白鹤镇\n'
        "  hint: write 白鹤镇",
        'content/units/baihe.yaml:4:16: warning: misspellings: "白河" is part of another unit\'s name 白河村 '
        "(content/units/baihecun.yaml), so every correct 白河村 would be warned as a misspelling\n" + hint.format("白河"),
        'content/units/baihe.yaml:4:25: warning: misspellings: "白鹤" is part of this unit\'s own name 白鹤镇, so every '
        "correct 白鹤镇 would be warned as a misspelling\n" + hint.format("白鹤"),
        'content/units/baihecun.yaml:3:16: warning: misspellings: "百合镇" is listed by 白鹤镇 (content/units/baihe.yaml) '
        "too, so it is looked for as a misspelling of 白鹤镇 only\n"
        '  hint: remove "百合镇" from the misspellings of 白河村 (a unit file copied from another keeps the other\'s '
        "misspellings)"]
    # Only an alias: it is named as one.
    alias = UNIT.replace("misspellings: [白河镇, 百合镇]", "aliases: [白鹤]\nmisspellings: [鹤]")
    root = write_site(tmp_path / "alias", {"content/units/baihe.yaml": alias, "content/interviews/a.md": interview()})
    assert [p.message for p in found(root)] == [
        'misspellings: "鹤" is part of this unit\'s own name 白鹤镇, so every correct 白鹤镇 would be warned as a '
        "misspelling"]
    alias = UNIT.replace("misspellings: [白河镇, 百合镇]", "aliases: [白鹤乡]\nmisspellings: [鹤乡]")
    root = write_site(tmp_path / "alias2", {"content/units/baihe.yaml": alias, "content/interviews/a.md": interview()})
    assert [p.message for p in found(root)] == [
        'misspellings: "鹤乡" is part of this unit\'s own other correct name (aliases) 白鹤乡, so every correct 白鹤乡 '
        "would be warned as a misspelling"]
    # The whole name of another unit: listing it "whole, as typed" (白河镇, not 白河) cannot help.
    root = write_site(tmp_path / "whole", {"content/units/baihezhen.yaml": "name: 白河镇\nlevel: town\n",
                                           "content/interviews/a.md": interview()})
    assert [(p.message, p.hint) for p in found(root)] == [
        ('misspellings: "白河镇" is another unit\'s name 白河镇 (content/units/baihezhen.yaml), so every correct 白河镇 '
         "would be warned as a misspelling", 'remove "白河镇" from misspellings if 白河镇 is a real unit; if that unit '
         "is a slip for 白鹤镇, delete content/units/baihezhen.yaml instead")]
    own = UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings: [白鹤镇]")
    root = write_site(tmp_path / "own", {"content/units/baihe.yaml": own, "content/interviews/a.md": interview()})
    assert [p.hint for p in found(root)] == ['remove "白鹤镇" from misspellings: it is a correct name of this unit']


def test_a_short_misspelling_without_a_level_word_is_warned_at_its_entry_not_inside_ordinary_words(
        tmp_path: Path) -> None:
    # misspellings: [金则] for 金泽镇 and [徐经镇, 徐经] for 徐泾镇 warned correct text, 资金则由镇财政 ("write 金泽镇":
    # 资金泽镇由), 企业负责人徐经理 and an interviewee named 徐经纬 (徐泾镇理, 徐泾镇纬).
    jinze = "name: 金泽镇\nlevel: town\nmisspellings: [金则]\n"
    xujing = "name: 徐泾镇\nlevel: town\nmisspellings: [徐经镇, 徐经]\n"
    page = interview(body="## 问题一\n\n所需资金则由镇财政安排，企业负责人徐经理说，白河镇的草莓很好。\n").replace(
        "name: 受访人", "name: 徐经纬")
    root = write_site(tmp_path, {"content/units/jinze.yaml": jinze, "content/units/xujing.yaml": xujing,
                                 "content/interviews/a.md": page})
    short = ('misspellings: "{}" is only 2 characters and does not end in a level word (镇, 乡, 村, 街道, 社区 …), so '
             "it would be found inside ordinary words and names as well; it is not looked for\n")
    assert [p.format() for p in found(root)] == [
        # 白河镇, three characters, is still looked for; 资金则由, 徐经理 and 徐经纬 are not warned.
        'content/interviews/a.md:13:23: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n'
        "  hint: write 白鹤镇",
        "content/units/jinze.yaml:3:16: warning: " + short.format("金则")
        + "  hint: list the whole wrong name in its place, as it is typed in the texts (e.g. 金则镇, not 金则)",
        "content/units/xujing.yaml:3:21: warning: " + short.format("徐经")
        + '  hint: remove "徐经" from misspellings: the whole wrong name 徐经镇 is listed already']
    # Following the hints: 金则镇 is looked for (and not found), 徐经镇 stays, and the page is written right.
    (root / "content/units/jinze.yaml").write_text(jinze.replace("[金则]", "[金则镇]"), encoding="utf-8")
    (root / "content/units/xujing.yaml").write_text(xujing.replace(", 徐经]", "]"), encoding="utf-8")
    (root / "content/interviews/a.md").write_text(page.replace("白河镇", "白鹤镇"), encoding="utf-8")
    assert found(root) == []
    # A short misspelling ending in a level word names a place, and is looked for as before.
    (root / "content/units/jinze.yaml").write_text(jinze.replace("[金则]", "[金村]"), encoding="utf-8")
    (root / "content/interviews/a.md").write_text(page.replace("白河镇", "金村"), encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:13:23: warning: "金村" is a misspelling of the unit name 金泽镇\n  hint: write 金泽镇']


def test_a_short_misspelling_of_a_name_in_traditional_characters_is_told_with_its_level_word(tmp_path: Path) -> None:
    # 金澤鎮's level word 鎮 was not read: "list the whole wrong name … or remove" gave no name to list, and 金鄉,
    # a short name ending in 鄉, was refused as if it were no place's name.
    jinze = "name: 金澤鎮\nlevel: town\nmisspellings: [金則, 金鄉]\n"
    page = interview(body="## 问题一\n\n所需资金則由镇财政安排，金鄉的草莓很好。\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": jinze, "content/interviews/a.md": page})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:13:13: warning: "金鄉" is a misspelling of the unit name 金澤鎮\n  hint: write 金澤鎮',
        'content/units/jinze.yaml:3:16: warning: misspellings: "金則" is only 2 characters and does not end in a level '
        "word (镇, 乡, 村, 街道, 社区 …), so it would be found inside ordinary words and names as well; it is not looked "
        "for\n  hint: list the whole wrong name in its place, as it is typed in the texts (e.g. 金則鎮, not 金則)"]
    (root / "content/units/jinze.yaml").write_text(jinze.replace("金則,", "金則鎮,"), encoding="utf-8")
    (root / "content/interviews/a.md").write_text(page.replace("金鄉", "金澤鎮"), encoding="utf-8")
    assert found(root) == []


# -- references --------------------------------------------------------------

CASE = "---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\nactions: [走访]\ndate: 2018-05-03\n---\n正文。\n"


def test_two_interviews_with_one_title_are_warned_unless_one_url_already_stops_them(tmp_path: Path) -> None:
    # A copy with a file name that is a slug of its own was published twice, unwarned.
    root = write_site(tmp_path, {"content/interviews/2018-05-baihe.md": interview(),
                                 "content/interviews/2018-06-huaxin.md": interview("白鹤镇访谈 ", body="## 新问题\n\n新回答。\n"),
                                 "content/interviews/copy.md": interview("白鹤镇访谈", extra="draft: true\n"),
                                 "content/cases/a.md": CASE, "content/cases/b.md": CASE.replace("title: 做大做强白鹤草莓",
                                                                                                  "title: 做大做强白鹤草莓\nslug: b")})
    assert [p.format() for p in found(root)] == [
        'content/cases/b.md:2:8: warning: another case study has the same title "做大做强白鹤草莓": content/cases/a.md\n'
        "  hint: if one file is a copy (副本) of the other, delete it or move it out of content/; if both are meant, "
        "give each its own title so that readers can tell them apart",
        'content/interviews/2018-06-huaxin.md:2:8: warning: another interview has the same title "白鹤镇访谈": '
        "content/interviews/2018-05-baihe.md\n"
        "  hint: if one file is a copy (副本) of the other, delete it or move it out of content/; if both are meant, "
        "give each its own title so that readers can tell them apart"]
    (root / "content/interviews/2018-06-huaxin.md").write_text(interview("华新镇访谈"), encoding="utf-8")
    (root / "content/cases/b.md").write_text(CASE.replace("title: 做大做强白鹤草莓", "title: 做大做强白鹤草莓\nslug: a"),
                                             encoding="utf-8")
    assert [p.message.split(":")[0] for p in found(root)] == ["two pages want the URL /cases/a/"]


def test_two_titles_typed_differently_that_read_as_one_are_both_quoted(tmp_path: Path) -> None:
    # "专访: 社区网格员的一天" (ASCII colon, a space) and "专访：社区网格员的一天" read as one title, and the warning
    # quoted this file's alone: the editor, looking at the other file, saw a title that did not match.
    root = write_site(tmp_path, {"content/interviews/a.md": interview('"专访：社区网格员的一天"'),
                                 "content/interviews/b.md": interview('"专访: 社区网格员的一天"')})
    assert [p.format().split("\n")[0] for p in found(root)] == [
        'content/interviews/b.md:2:8: warning: another interview has the title "专访：社区网格员的一天", which reads as '
        'this one, "专访: 社区网格员的一天": content/interviews/a.md']


def test_references_that_do_not_resolve_name_the_fix(tmp_path: Path) -> None:
    case = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\nactions: [走访]\n"
            "related_tally: 2018-05-01\ndate: 2018-05-03\n---\n正文。\n")
    root = write_site(tmp_path, {
        "content/interviews/by-name.md": interview(extra="").replace("unit: baihe", "unit: 白鹤镇"),
        "content/interviews/no-series.md": interview("访谈二").replace("series: dadiaoyan", "series: weifangtan"),
        "content/interviews/no-image.md": interview("访谈三", extra="images:\n  - src: images/none.svg\n    alt: 草莓\n"),
        "content/cases/caomei.md": case,
    })
    assert [p.format() for p in found(root)] == [
        "content/cases/caomei.md:7:16: error: unit baihe has no tally of 2018-05-01\n"
        "  hint: add the tally of 2018-05-01 to content/units/baihe.yaml, as_of: 2018-05-01 (sitegen new tally "
        "--unit baihe prints one to paste), and this line may stay as it is; or, if the case study means figures "
        "already published, write related_tally: 2018-04-26, the as_of date of the only tally of unit baihe",
        'content/interviews/by-name.md:4:7: error: there is no unit "白鹤镇"\n'
        "  hint: write the id, not the name: unit: baihe",
        'content/interviews/no-image.md:10:10: error: image "images/none.svg" not found\n'
        "  hint: there is no file content/images/none.svg: copy the picture there; if it was deleted or renamed, "
        "restore it (回收站, the recycle bin) or write its new name here",
        'content/interviews/no-series.md:3:9: error: there is no series "weifangtan"\n'
        "  hint: use the id (file name in content/series/ without .yaml) of one of: dadiaoyan; or, if weifangtan is "
        "a new series, create content/series/weifangtan.yaml by running, in the site folder: sitegen new series "
        "栏目名称 --id weifangtan (with the series title in place of 栏目名称)"]


@pytest.mark.parametrize(("typed", "note"), [
    ("baihe  （白鹤镇）", " # （白鹤镇）"), ("baihe，白鹤镇", " # 白鹤镇"), ("baihe#白鹤镇", " # 白鹤镇"),
    ("白鹤镇 baihe", " # 白鹤镇"), ("白鹤镇（baihe）", " # 白鹤镇"),  # the name first; brackets left empty dropped
    ("baihe；", ""), ("baihe（）", ""),  # nothing to keep
    ("Baihe（白鹤镇）", " # （白鹤镇）"), ("baihe（白鹤镇", " # （白鹤镇）"),  # the id typed again, a bracket left open
])
def test_an_id_with_a_note_beside_it_is_told_to_stand_alone_and_the_note_kept_as_a_comment(
        tmp_path: Path, typed: str, note: str) -> None:
    # The hint offered to create a new unit named "baihe  （白鹤镇）": followed, the page left its unit's page.
    page = tmp_path / "content/interviews/a.md"
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", f"unit: {typed}")})
    keep = f"; to keep the note, put it after a space and #: unit: baihe{note}" if note else ""
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:4:7: error: there is no unit "{typed}"\n'
        "  hint: write the id alone: unit: baihe (the unit 白鹤镇); what is typed beside an id is read as part of it"
        + keep]
    page.write_text(page.read_text(encoding="utf-8").replace(f"unit: {typed}", f"unit: baihe{note}"), encoding="utf-8")
    assert found(root) == []  # a Chinese comment after an id is a note, not a value cut short


@pytest.mark.parametrize(("key", "typed", "meant"), [("unit", "ｂａｉｈｅ", "baihe"), ("series", "ｄａｄｉａｏｙａｎ", "dadiaoyan")])
def test_an_id_typed_in_full_width_is_told_so(tmp_path: Path, key: str, typed: str, meant: str) -> None:
    # ｂａｉｈｅ was offered "sitegen new unit ｂａｉｈｅ", which refused: content/units/baihe.yaml exists already.
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace(f"{key}: {meant}", f"{key}: {typed}")})
    assert [p.hint for p in found(root)] == [
        f"the id is typed in full width (全角): write it in half width (半角): {key}: {meant}"]


def test_an_id_typed_wrong_with_a_note_gets_the_id_meant_not_a_new_unit(tmp_path: Path) -> None:
    # "baihe-zhen（白鹤）" was offered "sitegen new unit baihe-zhen（白鹤）": followed, a second 白鹤 unit.
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", "unit: baihe-zhen（白鹤）")})
    assert [p.hint for p in found(root)] == [
        "did you mean baihe (白鹤镇)? write unit: baihe (what is typed after the id is read as part of it)"]
    unit = root / "content/units/baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("misspellings:", "aliases: [白鹤]\nmisspellings:"),
                    encoding="utf-8")
    assert [p.hint for p in found(root)] == [  # named by its alias: that unit
        "write the id alone: unit: baihe (the unit 白鹤镇); what is typed beside an id is read as part of it; to keep "
        "the note, put it after a space and #: unit: baihe # baihe-zhen（白鹤）"]


@pytest.mark.parametrize("typed", ["baihe（华新镇）", "baihe, huaxin", "baihe 华新镇", "华新镇、baihe"])
def test_a_reference_naming_two_units_asks_for_the_one_meant(tmp_path: Path, typed: str) -> None:
    # "baihe（华新镇）" was told to keep 华新镇 as a comment: followed, the page went to 白鹤镇, though the note named
    # another unit.
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", f"unit: {typed}"),
                                 "content/units/huaxin.yaml": "name: 华新镇\nlevel: town\n"})
    first, second = ("huaxin (华新镇)", "baihe (白鹤镇)") if typed.startswith("华") else ("baihe (白鹤镇)", "huaxin (华新镇)")
    assert [p.hint for p in found(root)] == [
        f"a page names one unit, and this names 2: write the id of the one meant alone, unit: {first} or unit: {second}"]


def test_a_series_typed_as_the_start_of_its_id_is_told_the_id(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("series: dadiaoyan", "series: da")})
    (root / "content/series/dadiaoyan.yaml").rename(root / "content/series/da-diaoyan.yaml")
    assert [p.hint for p in found(root)] == ["did you mean da-diaoyan? write series: da-diaoyan"]


def test_an_id_that_only_starts_like_another_is_not_read_as_it_with_a_note(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", "unit: baihezhen")})
    assert [p.hint for p in found(root)] == ["did you mean baihe (白鹤镇)? write unit: baihe"]


RELATED_TALLIES = unit_with(tally("2018-03-01", 100, 50, 30, 20) + tally("2018-04-26", 296, 143, 103, 50)
                            + tally("2018-06-30", 400, 200, 150, 50))
"""A unit with three tallies, for a case study's related_tally."""


@pytest.mark.parametrize(("typed", "message", "hint"), [
    # A day that does not exist got the general date hint ("check the date against the source document"),
    # though related_tally can only be one of the unit's tally dates.
    ("2018-04-62", 'related_tally: "2018-04-62" does not exist (there is no day 62 in month 4 of 2018)',
     "did you mean 2018-04-26? write related_tally: 2018-04-26, or the as_of date of another tally of unit baihe: "
     "2018-03-01, 2018-06-30"),
    ("2018-02-30", 'related_tally: "2018-02-30" does not exist (there is no day 30 in month 2 of 2018)',
     "use the as_of date of one of the tallies of unit baihe: 2018-03-01, 2018-04-26, 2018-06-30"),
    ("2018年6月31日", 'related_tally: "2018年6月31日" does not exist (there is no day 31 in month 6 of 2018)',
     "did you mean 2018-06-30? write related_tally: 2018-06-30, or the as_of date of another tally of unit baihe: "
     "2018-03-01, 2018-04-26"),
    ("2018-26-04", 'related_tally: "2018-26-04" does not exist (there is no month 26: months run from 1 to 12)',
     "did you mean 2018-04-26? write related_tally: 2018-04-26, or the as_of date of another tally of unit baihe: "
     "2018-03-01, 2018-06-30"),
    ("0218-03-01", 'related_tally: "0218-03-01" is before 1900: the year 0218 looks like a typing slip',
     "did you mean 2018-03-01? write related_tally: 2018-03-01, or the as_of date of another tally of unit baihe: "
     "2018-04-26, 2018-06-30"),
    # A day that exists but is no tally's: the same help, the tally of its month first.
    ("2018-04-25", "unit baihe has no tally of 2018-04-25",
     "did you mean 2018-04-26? write related_tally: 2018-04-26, or the as_of date of another tally of unit baihe: "
     "2018-03-01, 2018-06-30"),
    ("2081-06-30", "unit baihe has no tally of 2081-06-30",
     "did you mean 2018-06-30? write related_tally: 2018-06-30, or the as_of date of another tally of unit baihe: "
     "2018-03-01, 2018-04-26"),
    ("2018-05-01", "unit baihe has no tally of 2018-05-01",
     "use the as_of date of one of the tallies of unit baihe: 2018-03-01, 2018-04-26, 2018-06-30"),
])
def test_a_related_tally_that_is_no_tally_date_gets_the_units_tally_dates(
        tmp_path: Path, typed: str, message: str, hint: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: RELATED_TALLIES,
                                 "content/cases/caomei.md": CASE.replace("date:", f"related_tally: {typed}\ndate:")})
    assert [p.format() for p in found(root)] == [f"content/cases/caomei.md:7:16: error: {message}\n  hint: {hint}"]
    # Each a second time, from the page cache: the same message.
    assert [p.format() for p in found(root)] == [f"content/cases/caomei.md:7:16: error: {message}\n  hint: {hint}"]


NEW_CASE = ("---\ntitle: 建设草莓种植基地\nunit: baihe\nstatus: planned\nproblem: 草莓种植分散，难成规模。\n"
            "actions:\n  - 规划集中连片的种植基地\nrelated_tally: 2018-06-30\ndate: 2018-07-02 10:00\n---\n\n"
            "## 基地怎么建\n\n镇里规划建设一个集中连片的草莓种植基地。\n")
"""A case study written, as docs/editing.md has it, before its unit's tally of 2018-06-30 is added."""


def test_a_related_tally_after_the_units_latest_is_offered_the_tally_to_add_first(tmp_path: Path) -> None:
    # The hint was "write related_tally: 2018-04-26": followed, the new case study showed the April figures,
    # not the June ones it cites.
    root = copy_example(tmp_path / "site")
    (root / "content/cases/jidi.md").write_text(NEW_CASE, encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        "content/cases/jidi.md:8:16: error: unit baihe has no tally of 2018-06-30\n"
        "  hint: add the tally of 2018-06-30 to content/units/baihe.yaml, as_of: 2018-06-30 (sitegen new tally "
        "--unit baihe prints one to paste), and this line may stay as it is; or, if the case study means figures "
        "already published, write related_tally: 2018-04-26, the as_of date of the only tally of unit baihe"]
    # Followed: the tally sitegen new tally prints, dated and counted, pasted after the last tally.
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["new", "tally", "--unit", "baihe", "--site", str(root)]) == 0
    printed = re.sub(r"as_of: \S+", "as_of: 2018-06-30", out.getvalue(), count=1)
    # The town's own figures (the guide's example, 310 = 150 + 120 + 40, is warned of as the guide's).
    for field, before, after in [("batches", 318, 352), ("collected", 296, 320), ("escalated", 143, 160),
                                 ("resolved", 103, 118), ("in_progress", 50, 42)]:
        printed = printed.replace(f"    {field}: {before} ", f"    {field}: {after} ")
    unit = root / UNIT_PATH
    text = unit.read_text(encoding="utf-8")
    last = text.index("\ntargets:")
    unit.write_text(text[:last] + "\n" + printed + text[last:], encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "date_line", "hint"), [
    # Near a tally's date (a slip of the day), the tally is offered, not a new one.
    ("2018-04-29", "2018-05-03 10:00", "did you mean 2018-04-26? write related_tally: 2018-04-26 (the as_of date "
                                       "of the only tally of unit baihe)"),
    # After the case study's own date, a tally of that day would show figures the page did not yet have.
    ("2018-06-30", "2018-05-03 10:00", "write related_tally: 2018-04-26, the as_of date of the only tally of unit "
                                       "baihe"),
    # Before the latest tally, a tally pasted after it would be out of order: the tallies there are offered.
    ("2018-03-15", "2018-05-03 10:00", "write related_tally: 2018-04-26, the as_of date of the only tally of unit "
                                       "baihe"),
])
def test_a_related_tally_near_a_tally_or_not_addable_is_offered_the_units_tallies_alone(
        tmp_path: Path, typed: str, date_line: str, hint: str) -> None:
    root = copy_example(tmp_path / "site")
    (root / "content/cases/jidi.md").write_text(
        NEW_CASE.replace("related_tally: 2018-06-30", f"related_tally: {typed}")
        .replace("date: 2018-07-02 10:00", f"date: {date_line}"), encoding="utf-8")
    assert [(p.location(), p.hint) for p in found(root)] == [("content/cases/jidi.md:8:16", hint)]


def test_a_unit_counted_every_month_for_years_offers_the_tally_dates_nearest_the_one_typed(tmp_path: Path) -> None:
    # With 48 monthly tallies the hint listed all 48 dates (2,000 for a unit counted daily): longer than a
    # screen, the date meant lost in it.
    days = [date(2015 + month // 12, month % 12 + 1, 28) for month in range(48)]
    unit = unit_with("".join(tally(day.isoformat(), 100 + n, 50, 30, 20 + n) for n, day in enumerate(days)))
    root = write_site(tmp_path, {UNIT_PATH: unit, "content/cases/caomei.md": CASE})
    case = root / "content/cases/caomei.md"
    for typed, hint in [
            ("2017-06-15", "did you mean 2017-06-28? write related_tally: 2017-06-28, or the as_of date of another "
                           "tally of unit baihe: …, 2017-03-28, 2017-04-28, 2017-05-28, 2017-07-28, 2017-08-28, … "
                           "(47 tallies in all; the nearest to the date typed are listed)"),
            ("2019-03-01", "use the as_of date of one of the tallies of unit baihe: …, 2018-08-28, 2018-09-28, "
                           "2018-10-28, 2018-11-28, 2018-12-28 (48 tallies in all; the nearest to the date typed "
                           "are listed)"),
            ("2014-11-30", "use the as_of date of one of the tallies of unit baihe: 2015-01-28, 2015-02-28, "
                           "2015-03-28, 2015-04-28, 2015-05-28, … (48 tallies in all; the nearest to the date typed "
                           "are listed)"),
            # No day of year 0 to be near: the check failed with "year 0 is out of range".
            ("0000-02-30", "use the as_of date of one of the tallies of unit baihe: …, 2018-08-28, 2018-09-28, "
                           "2018-10-28, 2018-11-28, 2018-12-28 (48 tallies in all; the nearest to the date typed "
                           "are listed)")]:
        case.write_text(CASE.replace("date:", f"related_tally: {typed}\ndate:"), encoding="utf-8")
        assert [p.hint for p in found(root)] == [hint], typed
    case.write_text(CASE.replace("date:", "related_tally: 2017-06-28\ndate:"), encoding="utf-8")  # as offered
    assert found(root) == []


def test_a_related_tally_dated_after_the_case_study_is_warned_with_the_tally_of_its_date(tmp_path: Path) -> None:
    # 发布时间 2018-04-01 over the figures of 2018-05-10, which did not exist that day: published unwarned.
    unit = unit_with(tally("2018-03-01", 100, 50, 30, 20) + tally("2018-05-10", 296, 143, 103, 50))
    case = CASE.replace("date: 2018-05-03", "related_tally: 2018-05-10\ndate: 2018-04-01 09:00")
    root = write_site(tmp_path, {UNIT_PATH: unit, "content/cases/caomei.md": case,
                                 "content/cases/draft.md": case.replace("做大做强", "草稿：").replace(
                                     "date:", "draft: true\ndate:")})  # a draft's date is set when published
    assert [p.format() for p in found(root)] == [
        "content/cases/caomei.md:7:16: warning: related_tally: the tally of 2018-05-10 is dated after the page's "
        "publish date 2018-04-01 09:00, so the page would show figures that did not exist when it was published\n"
        "  hint: the tally meant is most likely the latest one on or before 2018-04-01: write related_tally: "
        "2018-03-01; if the figures of 2018-05-10 are meant, correct date: to the day the page was published, on or "
        "after 2018-05-10"]
    page = root / "content/cases/caomei.md"
    for fixed, shown in (("related_tally: 2018-03-01\ndate: 2018-04-01 09:00", "100"),  # either way the hint says
                         ("related_tally: 2018-05-10\ndate: 2018-05-10 09:00", "296")):
        page.write_text(case.replace("related_tally: 2018-05-10\ndate: 2018-04-01 09:00", fixed), encoding="utf-8")
        assert found(root) == []
        build(BuildOptions(root=root, now=NOW, search=False))
        html_text = (root / "output/cases/caomei/index.html").read_text(encoding="utf-8")
        assert re.search(rf"<[^>]*>{shown}</", html_text), fixed


def test_a_related_tally_after_the_case_study_without_an_earlier_one_says_the_unit_has_none(tmp_path: Path) -> None:
    unit = unit_with(tally("2018-05-10", 296, 143, 103, 50))
    case = CASE.replace("date: 2018-05-03", "related_tally: 2018-05-10\ndate: 2018-04-01")
    root = write_site(tmp_path, {UNIT_PATH: unit, "content/cases/caomei.md": case})
    assert [p.hint for p in found(root)] == [
        "unit baihe has no tally on or before 2018-04-01: if the figures of 2018-05-10 are meant, correct date: to the "
        "day the page was published, on or after 2018-05-10; else delete the related_tally line"]
    (root / "content/cases/caomei.md").write_text(case.replace("related_tally: 2018-05-10\n", ""), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("tallies", "offered", "year"), [
    (tally("2028-04-26", 296, 143, 103, 50), "", "write the day the figures were counted (统计日期), today or earlier"),
    # Beside a tally of 2018, the year one digit off is offered, as the case study's related_tally says too.
    (tally("2018-03-01", 100, 50, 30, 20) + tally("2028-04-26", 296, 143, 103, 50),
     "; else write related_tally: 2018-03-01, the as_of date of the other tally of unit baihe",
     "did you mean 2018, the year of the unit's other tallies? write as_of: 2018-04-26"),
])
def test_a_related_tally_is_never_offered_a_tally_date_in_the_future(tmp_path: Path, tallies: str,
                                                                    offered: str, year: str) -> None:
    # The unit's tally typed 2028 for 2018: the case studies were told to write related_tally: 2028-04-26, and,
    # the tally's date mended, told to undo that.
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies),
                                 "content/cases/caomei.md": CASE.replace("date:", "related_tally: 2018-04-26\ndate:")})
    line = 5 + 5 * (tallies.count("as_of") - 1)  # the as_of of the last tally: 3 lines, tallies:, 5 lines a tally
    assert [p.format() for p in found(root)] == [
        "content/cases/caomei.md:7:16: error: unit baihe has no tally of 2018-04-26\n"
        "  hint: unit baihe's tally of 2028-04-26 is dated in the future (an error told in content/units/baihe.yaml): "
        f"if it is the tally meant here, correct its as_of there, and this line may stay as it is{offered}",
        f"content/units/baihe.yaml:{line}:12: error: tally of 2028-04-26 is dated in the future: a tally counts what "
        f"was collected by a day that has come\n  hint: {year}"]
    unit = root / UNIT_PATH
    unit.write_text(unit.read_text(encoding="utf-8").replace("2028-04-26", "2018-04-26"), encoding="utf-8")
    assert found(root) == []


def test_a_tally_date_one_slip_from_the_one_case_studies_cite_is_named_in_their_hint(tmp_path: Path) -> None:
    # 2008 typed for 2018 in the unit: both case studies were told to write related_tally: 2008-04-26, nothing
    # pointed at the unit file, and the hint followed published 截至 2008年4月26日 under pages of 2018.
    root = copy_example(tmp_path)
    unit = root / UNIT_PATH
    unit.write_text(unit.read_text(encoding="utf-8").replace("as_of: 2018-04-26", "as_of: 2008-04-26"),
                    encoding="utf-8")
    hint = ("unit baihe's tally of 2008-04-26 (content/units/baihe.yaml:11:12) is one typing slip from this date and "
            "lies alone in 2008, before every other date of the unit, so its as_of is most likely mistyped: correct "
            "it there to 2018-04-26, and this line may stay as it is; else, if the figures of 2008-04-26 are meant "
            "(10 years older than this case study), write related_tally: 2008-04-26")
    assert [p.format() for p in found(root)] == [
        f"content/cases/{name}.md:13:16: error: unit baihe has no tally of 2018-04-26\n  hint: {hint}"
        for name in ("baihe-caomei", "baihe-sige-zui")]
    unit.write_text(unit.read_text(encoding="utf-8").replace("as_of: 2008-04-26", "as_of: 2018-04-26"),
                    encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert _shown_figures(root / "output/cases/baihe-caomei/index.html") == _BAIHE_FIGURES


@pytest.mark.parametrize(("tallies", "typed", "published", "hint"), [
    # No other date in the unit: the tally is years before the case study, the date typed is not.
    (tally("2008-04-26", 296, 143, 103, 50), "2018-04-26", "2018-05-03",
     "unit baihe's tally of 2008-04-26 (content/units/baihe.yaml:5:12) is one typing slip from this date and lies "
     "in an earlier year than this date (this case study is dated 2018-05-03), so its as_of is most likely "
     "mistyped: correct it there to 2018-04-26, and this line may stay as it is; else, if the figures of "
     "2008-04-26 are meant (10 years older than this case study), write related_tally: 2008-04-26"),
    # One digit of the month: alone in its year before the other tally, which is still offered.
    (tally("2018-01-26", 100, 50, 30, 20) + tally("2020-06-30", 400, 200, 150, 50), "2018-07-26", "2020-07-01",
     "unit baihe's tally of 2018-01-26 (content/units/baihe.yaml:5:12) is one typing slip from this date and lies "
     "alone in 2018, before every other date of the unit, so its as_of is most likely mistyped: correct it there "
     "to 2018-07-26, and this line may stay as it is; else write related_tally: 2020-06-30, the as_of date of the other tally of "
     "unit baihe; or, if the figures of 2018-01-26 are meant (2 years older than this case study), write "
     "related_tally: 2018-01-26"),
])
def test_a_tally_date_that_looks_like_the_slip_is_named_with_its_line(tmp_path: Path, tallies: str, typed: str,
                                                                     published: str, hint: str) -> None:
    case = CASE.replace("date: 2018-05-03", f"related_tally: {typed}\ndate: {published}")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies), "content/cases/caomei.md": case})
    assert [p.format() for p in found(root)] == [
        f"content/cases/caomei.md:7:16: error: unit baihe has no tally of {typed}\n  hint: {hint}"]
    unit = root / UNIT_PATH
    unit.write_text(unit_with(tallies.replace(hint.split("tally of ")[1][:10], typed)), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("tallies", "typed", "hint"), [
    (tally("2015-03-01", 100, 50, 30, 20), "2018-05-01",
     "add the tally of 2018-05-01 to content/units/baihe.yaml, as_of: 2018-05-01 (sitegen new tally --unit baihe "
     "prints one to paste), and this line may stay as it is; or, if the case study means figures already published, "
     "write related_tally: 2015-03-01, the as_of date of the only tally of unit baihe (3 years older than this case "
     "study)"),
    (tally("2017-03-01", 100, 50, 30, 20) + tally("2017-04-30", 200, 100, 50, 50), "2017-04-31",
     "did you mean 2017-04-30? write related_tally: 2017-04-30 (a year older than this case study), or the as_of "
     "date of another tally of unit baihe: 2017-03-01"),
])
def test_a_tally_offered_to_a_case_study_says_how_much_older_its_figures_are(tmp_path: Path, tallies: str,
                                                                             typed: str, hint: str) -> None:
    # A case study of 2018 was offered figures of years before, as if they were the ones it meant.
    case = CASE.replace("date:", f"related_tally: {typed}\ndate:")
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies), "content/cases/caomei.md": case})
    assert [p.hint for p in found(root)] == [hint]


_CENTURY_WARNING = ("{field}: {typed} is one of 2 dates of the site in the 1900s, while the 5 others lie in the "
                    "2000s, so its year is most likely typed with the wrong century\n  hint: did you mean 2018? write "
                    "{field}: {meant} (if 1918 is right, as the source document gives it, leave it: this is a warning)")


def test_dates_typed_with_the_wrong_century_are_warned_with_the_year_meant(tmp_path: Path) -> None:
    # measured_as_of: 1918-06-30 and a milestone of 1918-01-12 were published unwarned: only years before 1900 are
    # refused when read.
    root = copy_example(tmp_path)
    unit = root / UNIT_PATH
    text = unit.read_text(encoding="utf-8")
    typed = text.replace("  - date: 2018-01-12", "  - date: 1918-01-12").replace(
        "    target: 100\n", "    target: 100\n    measured: 50\n    measured_as_of: 1918-06-30\n")
    unit.write_text(typed, encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:23:21: warning: " + _CENTURY_WARNING.format(field="measured_as_of", typed="1918-06-30",
                                                                  meant="2018-06-30"),
        f"{UNIT_PATH}:33:11: warning: " + _CENTURY_WARNING.format(field="date", typed="1918-01-12",
                                                                  meant="2018-01-12")]
    unit.write_text(typed.replace("1918-", "2018-"), encoding="utf-8")  # as the hints say
    assert found(root) == []
    # An early date whose year, in the others' century, no date has is history, not a slip (2088 is no year here).
    unit.write_text(text.replace("  - date: 2018-01-12", "  - date: 1988-01-12"), encoding="utf-8")
    assert [p.message for p in found(root)] == []


_EARLIER_TALLY = ("  - as_of: {0}\n    batches: 200\n    collected: 180\n    escalated: 90\n    resolved: 60\n"
                  "    in_progress: 30\n")
_LATER_TALLY = ("  - as_of: {0}\n    batches: 340\n    collected: 320\n    escalated: 150\n    resolved: 120\n"
                "    in_progress: 50\n")
_BAIHE_LINE = 17
"""The line of the as_of of the example's tally of 2018-04-26 once a tally is listed before it."""


def _example_with_tallies(root: Path, typed: str, earlier: str = "2018-03-15", later: str | None = "2018-05-20") -> Path:
    """The example site with a tally of ``earlier`` listed before its tally of 2018-04-26 (typed ``typed``) and one
    of ``later`` after it (none when None); the figures grow in the order listed."""
    copy_example(root)
    unit = root / UNIT_PATH
    text = unit.read_text(encoding="utf-8").replace(
        "tallies:\n  - as_of: 2018-04-26\n", f"tallies:\n{_EARLIER_TALLY.format(earlier)}  - as_of: {typed}\n")
    if later is not None:
        text = text.replace("\n\ntargets:", f"\n{_LATER_TALLY.format(later)}\ntargets:")
    unit.write_text(text, encoding="utf-8")
    assert text.splitlines()[_BAIHE_LINE - 1] == f"  - as_of: {typed}"
    return root


def _shown_figures(page: Path) -> dict[str, int]:
    """The figures of the tally panel of a built case study page, by their label."""
    panel = page.read_text(encoding="utf-8").split('<section class="tally"', 1)[1].split("</section>", 1)[0]
    return {label: int(number) for label, number in
            re.findall(r'<dt>([^<]+)</dt><dd><span class="num"[^>]*>(\d+)</span>', panel)}


_BAIHE_FIGURES = {"调研批次": 318, "收集问题清单": 296, "提交区级": 143, "已解决": 103, "办理中": 50}
"""The figures of the example's tally of 2018-04-26, as its case studies show them."""


@pytest.mark.parametrize(("typed", "later", "told", "place", "offered"), [
    # The tally of 2018-04-26 typed with the date of the tally before it, or of the one after it.
    ("2018-03-15", "2018-05-20", "two tallies on 2018-03-15: this one",
     "between the tallies of 2018-03-15 and 2018-05-20", "use the as_of date of one of the tallies of unit baihe: "
     "2018-03-15, 2018-05-20"),
    ("2018-05-20", "2018-05-20", "two tallies on 2018-05-20: this one",
     "between the tallies of 2018-03-15 and 2018-05-20", "use the as_of date of one of the tallies of unit baihe: "
     "2018-03-15, 2018-05-20"),
    # Typed with a date out of order: before the tally listed before it, after the one listed after it.
    ("2018-02-26", "2018-05-20", "tally of 2018-02-26", "between the tallies of 2018-03-15 and 2018-05-20",
     "use the as_of date of one of the tallies of unit baihe: 2018-03-15, 2018-05-20"),
    ("2018-06-26", "2018-05-20", "tally of 2018-06-26", "between the tallies of 2018-03-15 and 2018-05-20",
     "use the as_of date of one of the tallies of unit baihe: 2018-03-15, 2018-05-20"),
    # The last of two tallies: either date may be the slip, and the case study cites the one meant.
    ("2018-03-10", None, "tally of 2018-03-10", "after the tally of 2018-03-15",
     "write related_tally: 2018-03-15, the as_of date of the other tally of unit baihe"),
])
def test_a_tally_date_mistyped_out_of_order_is_told_at_that_tally_and_the_case_study_may_stay(
        tmp_path: Path, typed: str, later: str | None, told: str, place: str, offered: str) -> None:
    # The editor mistyped the as_of of the tally the case studies cite (2018-04-26). The unit file was told "two
    # tallies on …", at the tally after the slip when the slip was the first of the two, and the case studies were
    # offered the other tallies' dates: both hints followed, the case studies showed another tally's figures.
    root = _example_with_tallies(tmp_path, typed, later=later)
    case_hint = (f"unit baihe's tally listed {place} is dated {typed}, most likely a slip for this date (an error "
                 f"told in {UNIT_PATH}, line {_BAIHE_LINE}): if it is the tally meant here, correct its as_of there "
                 f"to 2018-04-26, and this line may stay as it is; else {offered}")
    assert [p.format() for p in found(root)] == [
        f"content/cases/{name}.md:13:16: error: unit baihe has no tally of 2018-04-26\n  hint: {case_hint}"
        for name in ("baihe-caomei", "baihe-sige-zui")] + [
        f"{UNIT_PATH}:{_BAIHE_LINE}:12: error: {told} is listed {place} and its figures fit there, so its date is "
        "most likely mistyped\n  hint: did you mean 2018-04-26, the related_tally of content/cases/baihe-caomei.md? "
        "write as_of: 2018-04-26; that case study's line may stay as it is"]
    # Followed: the date typed in the unit file, the case studies as they were; clean, with the figures meant.
    unit = root / UNIT_PATH
    lines = unit.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[_BAIHE_LINE - 1] = "  - as_of: 2018-04-26\n"
    unit.write_text("".join(lines), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    for name in ("baihe-caomei", "baihe-sige-zui"):
        assert _shown_figures(root / f"output/cases/{name}/index.html") == _BAIHE_FIGURES


def test_a_tally_date_out_of_order_that_no_page_cites_is_told_the_days_it_lies_between(tmp_path: Path) -> None:
    # One date breaks the order and the figures grow as listed: that date is the slip, not the order of the list.
    tallies = (tally("2018-03-01", 100, 50, 30, 20) + tally("2018-03-15", 180, 90, 60, 30)
               + tally("2018-02-26", 296, 143, 103, 50) + tally("2018-05-20", 320, 150, 120, 50))
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:15:12: error: tally of 2018-02-26 is listed between the tallies of 2018-03-15 and 2018-05-20 "
        "and its figures fit there, so its date is most likely mistyped\n"
        "  hint: correct its as_of to the day its figures were counted (统计日期), after 2018-03-15 and before "
        "2018-05-20"]
    (root / UNIT_PATH).write_text(unit_with(tallies.replace("2018-02-26", "2018-04-26")), encoding="utf-8")
    assert found(root) == []


def test_of_two_tally_dates_out_of_order_the_one_a_case_study_cites_is_taken_as_right(tmp_path: Path) -> None:
    # The tally of 2018-05-20 typed 2018-03-20: the case studies cite 2018-04-26, so that date is the right one.
    root = _example_with_tallies(tmp_path, "2018-04-26", later="2018-03-20")
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:24:12: error: tally of 2018-03-20 is listed after the tally of 2018-04-26 and its figures fit "
        "there, so its date is most likely mistyped\n"
        "  hint: correct its as_of to the day its figures were counted (统计日期), after 2018-04-26"]
    unit = root / UNIT_PATH
    unit.write_text(unit.read_text(encoding="utf-8").replace("2018-03-20", "2018-05-20"), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert _shown_figures(root / "output/cases/baihe-caomei/index.html") == _BAIHE_FIGURES


def test_two_tallies_on_one_date_with_figures_growing_are_told_that_one_date_is_mistyped(tmp_path: Path) -> None:
    # The first tally typed with the date of the second, which the case studies cite: merging them, or correcting
    # the second's date, showed the case studies the wrong figures.
    root = _example_with_tallies(tmp_path, "2018-04-26", earlier="2018-04-26")
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:{_BAIHE_LINE}:12: error: two tallies on 2018-04-26\n"
        "  hint: the figures grow in the order listed, so one of the two dates is mistyped: correct this tally's "
        "as_of to the day its figures were counted (统计日期), after 2018-04-26 and before 2018-05-20, or that of the "
        "tally of 2018-04-26 on line 11, before 2018-04-26; if both were counted on 2018-04-26, keep the one with "
        "the right figures; content/cases/baihe-caomei.md cites 2018-04-26 "
        "(related_tally): keep that date on the tally whose figures it means"]
    unit = root / UNIT_PATH
    lines = unit.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[10] = "  - as_of: 2018-03-15\n"
    unit.write_text("".join(lines), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert _shown_figures(root / "output/cases/baihe-caomei/index.html") == _BAIHE_FIGURES


def test_two_tallies_on_one_date_no_page_cites_are_told_the_days_each_may_be(tmp_path: Path) -> None:
    # "merge them" merged two counts of two days; "correct the date" did not say which, nor to what.
    tallies = tally("2018-04-26", 10, 1, 1, 8) + tally("2018-04-26", 12, 2, 2, 8)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:10:12: error: two tallies on 2018-04-26\n"
        "  hint: the figures grow in the order listed, so one of the two dates is mistyped: correct this tally's "
        "as_of to the day its figures were counted (统计日期), after 2018-04-26, or that of the tally of 2018-04-26 on "
        "line 5, before 2018-04-26; if both were counted on 2018-04-26, keep the one with the right figures"]
    for mended in (tally("2018-04-26", 10, 1, 1, 8) + tally("2018-05-10", 12, 2, 2, 8),
                   tally("2018-03-30", 10, 1, 1, 8) + tally("2018-04-26", 12, 2, 2, 8),
                   tally("2018-04-26", 12, 2, 2, 8)):
        (root / UNIT_PATH).write_text(unit_with(mended), encoding="utf-8")
        assert found(root) == []


def test_one_tally_typed_twice_is_still_told_to_be_merged(tmp_path: Path) -> None:
    tallies = tally("2018-03-15", 180, 90, 60, 30) + tally("2018-03-15", 180, 90, 60, 30)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:10:12: error: two tallies on 2018-03-15\n"
        "  hint: keep one tally per date: merge them or correct the date"]


def test_the_tally_after_one_dated_in_the_future_is_not_told_out_of_order(tmp_path: Path) -> None:
    # 2081 typed for 2018: the tally after it was told "listed after the tally of 2081-04-26", at the wrong line.
    root = _example_with_tallies(tmp_path, "2081-04-26")
    assert [(p.location(), p.message.split(":")[0]) for p in found(root)] == [
        ("content/cases/baihe-caomei.md:13:16", "unit baihe has no tally of 2018-04-26"),
        ("content/cases/baihe-sige-zui.md:13:16", "unit baihe has no tally of 2018-04-26"),
        (f"{UNIT_PATH}:{_BAIHE_LINE}:12", "tally of 2081-04-26 is dated in the future")]


def test_a_mistyped_tally_date_is_told_with_the_other_errors_of_its_unit_file(tmp_path: Path) -> None:
    root = _example_with_tallies(tmp_path, "2018-03-15")
    unit = root / UNIT_PATH
    unit.write_text(unit.read_text(encoding="utf-8").replace("target: 100", "target: 1000"), encoding="utf-8")
    problems = [p for p in found(root) if p.path == UNIT_PATH]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (_BAIHE_LINE, "two tallies on 2018-03-15"), (33, "targets → item 1 → target")]
    assert problems[0].hint == ("did you mean 2018-04-26, the related_tally of content/cases/baihe-caomei.md? write "
                                "as_of: 2018-04-26; that case study's line may stay as it is")


@pytest.mark.parametrize("typed", ["2018-04-26", "2018-4-26", "2018/4/26", "2018年4月26日", "２０１８－０６－３０"])
def test_a_related_tally_typed_as_a_tally_date_is_taken(tmp_path: Path, typed: str) -> None:
    # Published after the unit's last tally (2018-06-30), so that any of them may be cited.
    case = CASE.replace("date: 2018-05-03", f"related_tally: {typed}\ndate: 2018-07-02")
    root = write_site(tmp_path, {UNIT_PATH: RELATED_TALLIES, "content/cases/caomei.md": case})
    assert found(root) == []


def test_a_related_tally_that_does_not_exist_is_told_without_its_unit_too(tmp_path: Path) -> None:
    # No unit to offer tallies from: the day that does not exist is still told, with the hint of any date field;
    # a unit without tallies is named so.
    case = CASE.replace("date:", "related_tally: 2018-04-31\ndate:")
    root = write_site(tmp_path, {"content/cases/caomei.md": case.replace("unit: baihe", "unit: huaxin")})
    assert [p.format() for p in found(root)] == [
        'content/cases/caomei.md:3:7: error: there is no unit "huaxin"\n  hint: if huaxin is a new unit, create '
        "content/units/huaxin.yaml by running, in the site folder: sitegen new unit 名称 --id huaxin (with the unit's "
        "name in place of 名称); or, if this page belongs to a unit the site has, write its id (file name in "
        "content/units/ without .yaml), one of: baihe (白鹤镇)",
        'content/cases/caomei.md:7:16: error: related_tally: "2018-04-31" does not exist (there is no day 31 in '
        "month 4 of 2018)\n  hint: April has 30 days: check the day against the source document and write "
        "2018-04-DD, with that day in place of DD (年-月-日)"]
    root = write_site(tmp_path / "broken", {"content/cases/caomei.md": case,
                                            UNIT_PATH: RELATED_TALLIES.replace("level: town", "level: 乡")})
    assert [p.format() for p in found(root)] == [
        'content/cases/caomei.md:7:16: error: related_tally: "2018-04-31" does not exist (there is no day 31 in '
        "month 4 of 2018)\n  hint: April has 30 days: check the day against the source document and write "
        "2018-04-DD, with that day in place of DD (年-月-日)",
        f'{UNIT_PATH}:2:8: error: "乡" is not one of the allowed values for "level"\n'
        "  hint: write level: town, or level: 镇 as the pages show it"]
    root = write_site(tmp_path / "none", {"content/cases/caomei.md": case, UNIT_PATH: unit_with()})
    assert [p.format() for p in found(root)] == [
        'content/cases/caomei.md:7:16: error: related_tally: "2018-04-31" does not exist (there is no day 31 in '
        "month 4 of 2018)\n  hint: unit baihe has no tally yet: add its tallies to content/units/baihe.yaml, or "
        "delete the related_tally line"]


def test_a_record_file_renamed_from_the_id_it_declares_is_one_error(tmp_path: Path) -> None:
    # baihe.yaml renamed baihezhen.yaml with "id: baihe" in it: beside its own error, every page naming
    # baihe got "there is no unit "baihe"; add the file content/units/baihe.yaml".
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES, "content/units/baihezhen.yaml": "id: baihe\n" + UNIT,
                                 "content/interviews/a.md": interview()}, records=False)
    assert [p.format() for p in found(root)] == [
        'content/units/baihezhen.yaml:1:5: error: id "baihe" differs from the file name "baihezhen"\n'
        "  hint: the id is the file name: rename the file to baihe.yaml or write id: baihezhen"]
    (root / "content/units/baihezhen.yaml").rename(root / "content/units/baihe.yaml")
    assert found(root) == []
    # Renamed with its Chinese name: the hint said "write id: 白鹤镇", an id refused in turn.
    (root / "content/units/baihe.yaml").rename(root / "content/units/白鹤镇.yaml")
    assert [p.format() for p in found(root)] == [
        'content/units/白鹤镇.yaml: error: the file name "白鹤镇" is not a valid id\n'
        '  hint: rename the file to baihe.yaml (a-z, 0-9 and "-" only) (the id it declares: id: baihe)']
    # An id that is no id itself is not offered as the file's name.
    (root / "content/units/白鹤镇.yaml").rename(root / "content/units/baihe.yaml")
    text = (root / "content/units/baihe.yaml").read_text(encoding="utf-8")
    (root / "content/units/baihe.yaml").write_text(text.replace("id: baihe", "id: 白鹤镇"), encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        'content/units/baihe.yaml:1:5: error: id "白鹤镇" differs from the file name "baihe"\n'
        "  hint: the id is the file name: write id: baihe"]


def test_a_unit_file_named_in_chinese_is_one_error_naming_the_file_to_rename_it_to(tmp_path: Path) -> None:
    # 赵巷镇.yaml, and pages naming zhao-xiang-zhen: beside the file's error, each page was told "there is no unit
    # zhao-xiang-zhen: create content/units/zhao-xiang-zhen.yaml by running sitegen new unit 名称 --id …", which
    # sitegen new then refused, naming 赵巷镇 as the id to use, an id check refuses.
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES,
                                 "content/units/赵巷镇.yaml": UNIT.replace("白鹤镇", "赵巷镇"),
                                 "content/interviews/a.md": interview().replace("unit: baihe", "unit: zhao-xiang-zhen")},
                      records=False)
    assert [p.format() for p in found(root)] == [
        'content/units/赵巷镇.yaml: error: the file name "赵巷镇" is not a valid id\n'
        '  hint: rename the file to zhao-xiang-zhen.yaml (a-z, 0-9 and "-" only)']
    (root / "content/units/赵巷镇.yaml").rename(root / "content/units/zhao-xiang-zhen.yaml")
    assert found(root) == []


def test_a_missing_unit_with_no_units_at_all_says_which_file_to_add(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES, "content/interviews/a.md": interview()},
                      records=False)
    problems = found(root)
    assert [(p.message, p.hint) for p in problems] == [
        ('there is no unit "baihe"', "if baihe is a new unit, create content/units/baihe.yaml by running, in the "
         "site folder: sitegen new unit 名称 --id baihe (with the unit's name in place of 名称); or correct the id")]


# -- URLs --------------------------------------------------------------------------

def test_two_pages_with_one_url_across_collections(tmp_path: Path) -> None:
    config = "title: 测试站点\npermalinks:\n  cases: /interviews/{slug}/\n"
    case = ("---\ntitle: 草莓\nunit: baihe\nstatus: planned\nproblem: 草莓\nactions: [走访]\n"
            "date: 2018-05-03\n---\n")
    root = write_site(tmp_path, {"content/interviews/caomei.md": interview(), "content/cases/caomei.md": case},
                      config=config)
    problems = found(root)
    assert where(problems) == [("content/interviews/caomei.md", None, None, "error")]
    assert problems[0].message == ("two pages want the URL /interviews/caomei/: content/cases/caomei.md and "
                                   "content/interviews/caomei.md")
    assert problems[0].hint.startswith("change one slug")


COPY_HINT = ("delete the copy or move it out of content/ (every page in content/ is published); if it is a new page "
             "begun from the copy, give it a title and a slug of its own")


@pytest.mark.parametrize("suffix", [" - 副本", " - Copy", " (2)", "副本", "的副本", " - 副本 (2)",
                                    "复件 ", "复件 (2) ", "Copy of ", "Copy (2) of "])
def test_a_copy_of_a_page_is_told_to_go_not_to_change_its_slug(tmp_path: Path, suffix: str) -> None:
    # Windows Explorer's copy clashed with its original and got "change one slug", which published the
    # interview twice; the error was even put at the original when the copy's name sorted first ("- Copy").
    # Windows XP put the word first (复件 华新镇访谈.md, Copy of 华新镇访谈.md).
    page = interview("华新镇访谈", extra="slug: hua-xin-zhen-fang-tan\n")
    copy = (f"content/interviews/{suffix}华新镇访谈.md" if suffix.endswith(" ") else
            f"content/interviews/华新镇访谈{suffix}.md")
    root = write_site(tmp_path, {"content/interviews/华新镇访谈.md": page, copy: page})
    assert [p.format() for p in found(root)] == [
        f"{copy}:9:1: error: two pages want the URL /interviews/hua-xin-zhen-fang-tan/: {copy} is a copy of "
        f'content/interviews/华新镇访谈.md (its file name is that file\'s name with "{suffix}" added, as copies are '
        f"named)\n  hint: {COPY_HINT}"]
    # A new page begun from the copy, with a title and a slug of its own, is no copy.
    (root / copy).write_text(interview("华新镇访谈（二）", extra="slug: huaxin-2\n"), encoding="utf-8")
    assert found(root) == []


def test_two_pages_of_one_title_at_one_url_are_told_what_to_do_with_a_copy(tmp_path: Path) -> None:
    page = interview("华新镇访谈", extra="slug: huaxin\n")
    root = write_site(tmp_path, {"content/interviews/a.md": page, "content/interviews/b.md": page,
                                 "content/interviews/c.md": interview("网格员的一天", extra="slug: huaxin\n")})
    assert [p.format() for p in found(root)] == [
        "content/interviews/b.md:9:1: error: two pages want the URL /interviews/huaxin/: content/interviews/a.md "
        'and content/interviews/b.md, both titled "华新镇访谈"\n'
        "  hint: if one file is a copy (副本) of the other, delete it or move it out of content/ (every page in "
        "content/ is published); if it is a new page begun from a copy, give it a title and a slug of its own",
        "content/interviews/c.md:9:1: error: two pages want the URL /interviews/huaxin/: content/interviews/a.md "
        "and content/interviews/c.md\n"
        '  hint: change one slug: write a different "slug: …" in one of the two files']


EXAMPLE_INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
EXAMPLE_COPY = "content/interviews/2018-05-baihe-dadiaoyan - 副本.md"
EXAMPLE_ADDRESS = "/interviews/baihe-dadiaoyan-weifangtan/"


def _begun_from_copy(text: str) -> str:
    """The bundled interview ``text`` with a title, a slug and a date of its own, as the error of a copy asks."""
    text = re.sub(r"^title: .*$", "title: 白鹤镇：做大做强白鹤草莓", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^slug: .*$", "slug: baihe-caomeijie", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^date: .*$", "date: 2018-06-10 10:00", text, count=1, flags=re.MULTILINE)


def test_the_page_the_last_build_published_is_the_original_when_it_is_edited_after_the_copy(tmp_path: Path) -> None:
    # A typo mended in the original after the copy was made: the newer file, it was warned as the copy, with the
    # hint "delete content/cases/baihe-caomei.md".
    root = copy_example(tmp_path)
    build(BuildOptions(root=root, search=False))
    original = root / "content/cases/baihe-caomei.md"
    copy = root / "content/cases/chonggu-ludeng.md"
    copy.write_text(re.sub(r"^slug: .*$", "slug: chonggu-ludeng", original.read_text(encoding="utf-8").replace(
        "title: 做大做强白鹤草莓", "title: 重固老街路灯修复"), count=1, flags=re.MULTILINE), encoding="utf-8")
    _set_age(original, 60)
    before = [(p.path, p.message[:40]) for p in found(root) if "word for word" in p.message]  # text, problem, outcome
    original.write_text(original.read_text(encoding="utf-8").replace("发挥优势]", "特色农业]"), encoding="utf-8")
    _set_age(copy, 60)  # the original is the newer file now
    after = [(p.path, p.message[:40]) for p in found(root) if "word for word" in p.message]
    assert before == after == [("content/cases/chonggu-ludeng.md", "problem: this is the problem of content/"),
                               ("content/cases/chonggu-ludeng.md", "outcome: this is the outcome of content/"),
                               ("content/cases/chonggu-ludeng.md", "this page's text is the text of content/")]


def test_a_page_begun_from_a_copy_is_warned_at_its_text_and_summary_until_both_are_its_own(tmp_path: Path) -> None:
    # The copy's title, slug and date changed as its error asked, it checked clean and /interviews/baihe-caomeijie/
    # published the other interview's whole text, its summary, its pictures and its source.
    root = copy_example(tmp_path)
    original = (root / EXAMPLE_INTERVIEW).read_text(encoding="utf-8")
    (root / EXAMPLE_COPY).write_text(_begun_from_copy(original), encoding="utf-8")
    # The file name tells the copy, even when the original was saved last.
    _set_age(root / EXAMPLE_COPY, 60)
    assert [p.format() for p in found(root)] == [
        f"{EXAMPLE_COPY}:10:10: warning: summary: this is the summary of {EXAMPLE_INTERVIEW} ({EXAMPLE_ADDRESS}) "
        "word for word: a page copied to start another keeps the first page's texts, and the lists, the feeds and "
        "the description search engines show (meta description) would repeat it\n"
        "  hint: write a summary of this page (摘要), or delete the summary: line to use the start of its own text",
        f"{EXAMPLE_COPY}:28:1: warning: this page's text is the text of {EXAMPLE_INTERVIEW} ({EXAMPLE_ADDRESS}) word "
        "for word: a page copied to start another keeps the first page's text, and this page would publish the "
        "same text\n"
        f"  hint: write this page's own text (正文) below the front matter, or delete {EXAMPLE_COPY} if it was copied by "
        f"mistake; its images: and source: are still those of {EXAMPLE_INTERVIEW}: replace or delete them too"]
    # Followed as a new page: its own text and summary, the pictures and source deleted. Clean, and published.
    front = _begun_from_copy(original).split("\n---\n", 1)[0]
    front = re.sub(r"^summary: .*$", "summary: 白鹤镇谈草莓产业：打造一家草莓龙头企业，建设集中连片的草莓种植基地，"
                   "进一步擦亮“白鹤草莓”这块牌子。", front, count=1, flags=re.MULTILINE)
    front = front[:front.index("\nimages:")]
    own = "白鹤镇草莓种植已有30多年历史。镇里计划打造一家草莓龙头企业，建设一个集中连片的草莓种植基地。\n"
    (root / EXAMPLE_COPY).write_text(f"{front}\n---\n\n{own}", encoding="utf-8")
    assert found(root) == []
    page = (build_at(root) / "interviews/baihe-caomeijie/index.html").read_text(encoding="utf-8")
    assert own.strip() in page and "进一步擦亮“白鹤草莓”这块牌子。" in page
    assert "中国草莓之乡" not in page and "baihe-zuotanhui" not in page
    assert (root / EXAMPLE_INTERVIEW).read_text(encoding="utf-8") == original
    # Copied by mistake: deleted, as the hint's other branch says, the site checks clean too.
    (root / EXAMPLE_COPY).write_text(_begun_from_copy(original), encoding="utf-8")
    assert len(found(root)) == 2
    (root / EXAMPLE_COPY).unlink()
    # Published by the build above, its page going is told once (at the file's path), and nothing else.
    assert [(p.path, p.message.split(",")[0]) for p in found(root)] == [
        (EXAMPLE_COPY, "this file is gone since the last build")]


COPIED_TEXT = ("## 大调研开展以来有哪些进展？\n\n{town}从三个方面推进大调研：成立领导小组，下设五个调研组，"
               "印发实施方案，全面推进大调研工作。\n")
HUAXIN = "name: 华新镇\nlevel: town\n"


COPY_TITLE = "白鹤镇再访"
"""The title of `_copied_pair`'s copy when it is 白鹤镇's too."""


def _copied_pair(tmp_path: Path, original: str, copy: str, text: str, *, copy_unit: str = "baihe") -> Path:
    """A site of two interviews with one ``text``: ``original`` (白鹤镇's) and ``copy`` (of ``copy_unit``), the copy
    saved 60 seconds before the original. The copy's title names its unit (a page titled 华新镇访谈 filed under
    白鹤镇 is warned of, `sitegen.checkpageunit`)."""
    title = "华新镇访谈" if copy_unit == "huaxin" else COPY_TITLE
    root = write_site(tmp_path, {
        "content/units/huaxin.yaml": HUAXIN,
        original: interview("白鹤镇访谈", body=text, extra="slug: baihe\n"),
        copy: interview(title, body=text, extra="slug: huaxin\n").replace("unit: baihe", f"unit: {copy_unit}")})
    _set_age(root / copy, 60)
    return root


def _copy_warning(copy: str, original: str, address: str, line: int = 12) -> str:
    """The warning of a page at ``copy`` whose text is the text of the page at ``original``."""
    return (f"{copy}:{line}:1: warning: this page's text is the text of {original} ({address}) word for word: a page "
            "copied to start another keeps the first page's text, and this page would publish the same text\n"
            f"  hint: write this page's own text (正文) below the front matter, or delete {copy} if it was copied by "
            "mistake")


@pytest.mark.parametrize("copy", ["content/interviews/a.md", "content/interviews/z.md"])
def test_a_copied_text_is_warned_at_the_page_whose_unit_its_text_does_not_name(tmp_path: Path, copy: str) -> None:
    # 白鹤镇's interview copied for 华新镇 (unit: huaxin), its text still naming 白鹤镇: the copy, older or not.
    original = "content/interviews/m.md"
    root = _copied_pair(tmp_path, original, copy, COPIED_TEXT.format(town="白鹤镇"), copy_unit="huaxin")
    assert [p.format() for p in found(root)] == [_copy_warning(copy, original, "/interviews/baihe/")]
    # Its own text written as told: clean, the original untouched.
    (root / copy).write_text(interview("华新镇访谈", body=COPIED_TEXT.format(town="华新镇"), extra="slug: huaxin\n")
                             .replace("unit: baihe", "unit: huaxin"), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("copy", ["content/interviews/a.md", "content/interviews/z.md"])
def test_a_copied_text_naming_no_unit_is_warned_at_the_newer_file_else_the_later_name(tmp_path: Path,
                                                                                    copy: str) -> None:
    original = "content/interviews/m.md"
    root = _copied_pair(tmp_path, original, copy, COPIED_TEXT.format(town="镇里"))
    _set_age(root / original, 120)  # the copy is the newer file
    assert [p.format() for p in found(root)] == [_copy_warning(copy, original, "/interviews/baihe/")]
    then = (root / original).stat().st_mtime
    os.utime(root / copy, (then, then))
    later, earlier = max(copy, original), min(copy, original)
    address = "/interviews/baihe/" if earlier == original else "/interviews/huaxin/"
    assert [p.format() for p in found(root)] == [_copy_warning(later, earlier, address)]


def test_a_copied_text_is_found_whatever_its_line_endings_and_spaces(tmp_path: Path) -> None:
    # Saved again by another editor: CRLF line endings, lines wrapped anew, spaces at their ends, blank lines more.
    text = COPIED_TEXT.format(town="镇里")
    typed = "\r\n\r\n" + text.replace("，", "，  \n", 2).replace("\n", "\r\n").replace("？", "？ \t")
    root = _copied_pair(tmp_path, "content/interviews/a.md", "content/interviews/b.md", text)
    (root / "content/interviews/b.md").write_bytes(interview(COPY_TITLE, body=typed, extra="slug: huaxin\n")
                                                   .encode("utf-8"))
    assert [p.format() for p in found(root)] == [
        _copy_warning("content/interviews/b.md", "content/interviews/a.md", "/interviews/baihe/", line=14)]


def test_a_case_study_copied_from_another_is_warned_with_the_address_of_the_case(tmp_path: Path) -> None:
    text = COPIED_TEXT.format(town="镇里")
    case = CASE.replace("正文。\n", text)
    root = write_site(tmp_path, {"content/cases/a.md": case,
                                 "content/cases/b.md": case.replace("title: 做大做强白鹤草莓", "title: 草莓基地\nslug: b")})
    _set_age(root / "content/cases/a.md", 60)
    assert [p.format() for p in found(root)] == [
        _copy_warning("content/cases/b.md", "content/cases/a.md", "/cases/a/", line=10)]


def test_a_page_naming_no_unit_is_told_in_the_run_that_tells_of_its_other_field_errors(tmp_path: Path) -> None:
    # A wrong status: hid "there is no unit" until it was mended: two rounds for two slips.
    case = CASE.replace("unit: baihe\nstatus: in_progress\n", "unit: 白鹤\nstatus: 办理中\n")
    root = write_site(tmp_path, {"content/cases/a.md": case})
    assert [(p.location(), p.message) for p in found(root)] == [
        ("content/cases/a.md:3:7", 'there is no unit "白鹤"'),
        ("content/cases/a.md:4:9", '"办理中" is not one of the allowed values for "status"')]
    assert [p.hint for p in found(root)][0] == "did you mean the unit 白鹤镇? write its id: unit: baihe"
    (root / "content/cases/a.md").write_text(case.replace("unit: 白鹤\n", "unit: baihe\n").replace(
        "status: 办理中", "status: in_progress"), encoding="utf-8")
    assert found(root) == []


def test_a_case_studys_problem_and_outcome_copied_from_another_are_warned_and_mended_as_told(tmp_path: Path) -> None:
    # Its text rewritten, the copy still published the strawberry case's problem and outcome under 路灯修复.
    problem = "白鹤镇是“中国草莓之乡”，草莓种植已有30多年历史。调研中，草莓和果蔬企业希望把这一传统优势产业做大做强。"
    outcome = "在区委、区政府支持下，龙头企业和种植基地已列入计划，尚未见建成的报道；目标是进一步做大做强白鹤草莓品牌。"
    case = CASE.replace("problem: 草莓\n", f"problem: {problem}\noutcome: {outcome}\n")
    root = write_site(tmp_path, {
        "content/cases/a.md": case,
        "content/cases/b.md": case.replace("title: 做大做强白鹤草莓", "title: 老街路灯修复\nslug: b").replace(
            "正文。", "老街路灯年久失修，居民晚上出行不便。")})
    _set_age(root / "content/cases/a.md", 60)
    assert [p.format() for p in found(root)] == [
        f"content/cases/b.md:{line}:{column}: warning: {field}: this is the {field} of content/cases/a.md (/cases/a/) "
        "word for word: a case study copied to start another keeps the first one's texts, and its page would show "
        f"them\n  hint: write this case study's own {field} ({label}); check its actions: too"
        for field, label, line, column in (("problem", "问题", 6, 10), ("outcome", "成效", 7, 10))]
    (root / "content/cases/b.md").write_text(case.replace("title: 做大做强白鹤草莓", "title: 老街路灯修复\nslug: b")
                                             .replace(problem, "老街路灯年久失修，居民晚上出行不便。")
                                             .replace(outcome, "路灯已全部修复。")
                                             .replace("正文。", "老街路灯年久失修，居民晚上出行不便。"), encoding="utf-8")
    assert found(root) == []


def test_short_texts_and_summaries_two_pages_share_and_drafts_are_not_taken_for_copies(tmp_path: Path) -> None:
    # 正文待补充。 in two pages not written yet, or one short line summing up two interviews of one town, are no copy.
    short = "summary: 春节前后解决服务需求，群众比较满意。\n"
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview("白鹤镇访谈", body="正文待补充。\n", extra="slug: a\n" + short),
        "content/interviews/b.md": interview("华新镇访谈", body="正文待补充。\n", extra="slug: b\n" + short),
        "content/interviews/c.md": interview("重固镇访谈", body=COPIED_TEXT.format(town="镇里"), extra="slug: c\n"),
        "content/interviews/d.md": interview("重固镇访谈（草稿）", body=COPIED_TEXT.format(town="镇里"),
                                             extra="slug: d\ndraft: true\n")})
    assert found(root) == []
    # A short summary copied with the text is named in the text's hint: the text written anew, it would stay.
    (root / "content/interviews/e.md").write_text(
        interview("徐泾镇访谈", body=COPIED_TEXT.format(town="镇里"), extra="slug: e\n" + short), encoding="utf-8")
    (root / "content/interviews/c.md").write_text(
        interview("重固镇访谈", body=COPIED_TEXT.format(town="镇里"), extra="slug: c\n" + short), encoding="utf-8")
    _set_age(root / "content/interviews/c.md", 60)
    assert [p.format() for p in found(root)] == [
        _copy_warning("content/interviews/e.md", "content/interviews/c.md", "/interviews/c/", line=13)
        + "; its summary: is still that of content/interviews/c.md: replace or delete it too"]
    (root / "content/interviews/e.md").write_text(
        interview("徐泾镇访谈", body=COPIED_TEXT.format(town="徐泾镇")), encoding="utf-8")
    assert found(root) == []


LONG_SUMMARY = "summary: 白鹤镇党委书记谈大调研：截至4月26日开展调研318批次、收集问题清单296份，镇里正补齐红白事场所、日托中心等民生短板。\n"


def test_a_summary_copied_from_another_page_is_warned_and_deleted_as_told_the_page_sums_up_its_own_text(
        tmp_path: Path) -> None:
    # Only the summary kept from the page the new one was begun from: its list entry, feed entry and description
    # for search engines repeated the other interview's.
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview("白鹤镇访谈", body=COPIED_TEXT.format(town="白鹤镇"), extra=LONG_SUMMARY),
        "content/interviews/b.md": interview("白鹤镇访谈（二）", body=COPIED_TEXT.format(town="镇里"),
                                             extra="slug: b\n" + LONG_SUMMARY)})
    _set_age(root / "content/interviews/a.md", 60)
    assert [p.format() for p in found(root)] == [
        "content/interviews/b.md:10:10: warning: summary: this is the summary of content/interviews/a.md "
        "(/interviews/a/) word for word: a page copied to start another keeps the first page's "
        "texts, and the lists, the feeds and the description search engines show (meta description) would repeat it\n"
        "  hint: write a summary of this page (摘要), or delete the summary: line to use the start of its own text"]
    (root / "content/interviews/b.md").write_text(
        interview("白鹤镇访谈（二）", body=COPIED_TEXT.format(town="镇里"), extra="slug: b\n"), encoding="utf-8")
    assert found(root) == []
    page = (build_at(root) / "interviews/b/index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="镇里从三个方面推进大调研', page)


def test_a_copied_summary_typed_over_several_lines_is_deleted_with_its_lines_as_told(tmp_path: Path) -> None:
    # "delete the summary: line", followed for a summary typed after ">", joined its text to the line above.
    folded = ("summary: >\n  白鹤镇党委书记谈大调研：截至4月26日开展调研318批次、收集问题清单296份，\n"
              "  镇里正补齐红白事场所、日托中心等民生短板。\n")
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview("白鹤镇访谈", body=COPIED_TEXT.format(town="白鹤镇"), extra=folded),
        "content/interviews/b.md": interview("白鹤镇访谈（二）", body=COPIED_TEXT.format(town="镇里"),
                                             extra="slug: b\n" + folded)})
    _set_age(root / "content/interviews/a.md", 60)
    [problem] = found(root)
    assert (problem.location(), problem.hint) == (
        "content/interviews/b.md:10:10", "write a summary of this page (摘要), or delete the summary: line and the 2 "
        "lines of its text under it (lines 10–12) to use the start of its own text")
    (root / "content/interviews/b.md").write_text(
        interview("白鹤镇访谈（二）", body=COPIED_TEXT.format(town="镇里"), extra="slug: b\n"), encoding="utf-8")
    assert found(root) == []


def test_two_of_sitegens_own_pages_at_one_url_are_blamed_on_the_permalinks_setting(tmp_path: Path) -> None:
    # "two pages want the URL /search/: a generated page and a generated page", hint: change a front matter slug.
    config = "title: 测试站点\npermalinks:\n  interviews: /search/{slug}/\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview()}, config=config)
    assert [p.format() for p in found(root)] == [
        'site.yaml:3:3: error: two pages want the URL /search/: the page "访谈" and the page "搜索", both made by '
        "sitegen\n  hint: give each collection a folder of its own in permalinks: (site.yaml), apart from the folders "
        "of sitegen's own pages (/search/, /tags/, /units/, /dashboard/ …), e.g. interviews: /interviews/{slug}/"]


@pytest.mark.parametrize(("typed", "place", "offered"), [
    # No line, and the hint's example was the very line typed for interviews.
    ("  interviews: /fangtan/{slug}/\n  cases: /fangtan/{slug}/\n", "site.yaml:4:3", "cases: /cases/{slug}/"),
    ("  interviews: /cases/{slug}/\n", "site.yaml:3:3", "interviews: /interviews/{slug}/"),
    ("  units: /cases/{slug}/\n  interviews: /fangtan/{slug}/\n  cases: /fangtan/{slug}/\n", "site.yaml:5:3",
     "cases: /fangtan-cases/{slug}/")])
def test_two_collections_in_one_folder_are_blamed_on_the_line_of_the_pattern_to_change(
        tmp_path: Path, typed: str, place: str, offered: str) -> None:
    config = "title: 测试站点\npermalinks:\n" + typed
    root = write_site(tmp_path, {"content/interviews/a.md": interview(),
                                 "content/cases/b.md": CASE}, config=config)
    [problem] = [p for p in found(root) if p.severity == "error"]
    assert (problem.location(), problem.message.split(":")[0], problem.hint.rpartition("e.g. ")[2]) == (
        place, "two pages want the URL " + typed.splitlines()[-1].split(": ")[1].partition("{slug}")[0].rstrip(), offered)
    root.joinpath("site.yaml").write_text(config.replace(typed.splitlines()[-1], "  " + offered), encoding="utf-8")
    assert [p for p in found(root) if p.severity == "error"] == []


@pytest.mark.parametrize("folder, what", [("pagefind", "the search index"), ("data", "the open data"),
                                          ("assets", "the theme's files")])
def test_a_permalink_into_a_folder_sitegen_fills_is_refused_at_the_setting(tmp_path: Path, folder: str,
                                                                           what: str) -> None:
    # check passed; build stopped at the search index with "rename content/pagefind/", a folder there is not.
    config = f"title: 测试站点\npermalinks:\n  tags: /{folder}/{{slug}}/\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="tags: [草莓]\n")}, config=config)
    assert [p.format() for p in found(root)] == [
        f'site.yaml:3:9: error: permalinks → tags: the permalink pattern "/{folder}/{{slug}}/" puts pages in '
        f"/{folder}/, which sitegen fills with {what}\n"
        '  hint: choose a folder of its own, as the default patterns do ("/tags/{slug}/", "/interviews/{slug}/")']


def test_a_title_that_gives_no_url_is_an_error_with_a_hint(tmp_path: Path) -> None:
    # Signs alone (！！！) are no title at all now; iteration marks (々々) are letters that spell no slug.
    root = write_site(tmp_path, {"content/interviews/访谈.md": interview("々々")})
    assert [p.format() for p in found(root)] == [
        'content/interviews/访谈.md:2:8: error: the page has no URL: neither its file name nor its title "々々" '
        "gives a slug\n"
        '  hint: add a line "slug: …" with a-z, 0-9 and "-", e.g. slug: 2024-jindu (网址名, used in the page\'s '
        "address)"]
    (root / "content/interviews/访谈.md").write_text(interview("々々", extra="slug: tanhua\n"), encoding="utf-8")
    build(BuildOptions(root=root, now=NOW))
    assert (root / "output/interviews/tanhua/index.html").is_file()


def test_a_value_typed_as_empty_quotes_or_spaces_is_empty_in_plain_words(tmp_path: Path) -> None:
    page = ('---\ntitle: ""\ndate: 2018-05-03 10:00\nseries: dadiaoyan\nunit: baihe\n'
            "interviewee:\n  name: ''\n  role: '  '\nsource:\n  publisher: \"\"\n---\n正文。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": page})
    # Each field is required: the hint said "or remove the line", which only made it missing.
    hint = "  hint: write the {} after the colon (and a space), e.g. {}"
    assert [p.format() for p in found(root)] == [
        "content/interviews/a.md:2:8: error: title: the value is empty\n" + hint.format("title", "title: 白鹤镇访谈"),
        "content/interviews/a.md:7:9: error: interviewee → name: the value is empty\n"
        + hint.format("name", "name: 王建国"),
        "content/interviews/a.md:8:9: error: interviewee → role: the value is empty\n"
        + hint.format("role", "role: 中共白鹤镇党委书记"),
        "content/interviews/a.md:10:14: error: source → publisher: the value is empty\n"
        + hint.format("publisher", "publisher: 上海热线新闻网")]


@pytest.mark.parametrize(("path", "text", "key", "message", "hint"), [
    (UNIT_PATH, UNIT, "name", "1:6: error: name: the value is empty",
     "write the name after the colon (and a space), e.g. name: 白鹤镇"),
    (UNIT_PATH, UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员会\n", "    title",
     "13:11: error: milestones → item 1 → title: the value is empty",
     "write the title after the colon (and a space), e.g. title: 召开大调研动员部署会"),
    ("content/series/dadiaoyan.yaml", SERIES, "blurb", "2:7: error: blurb: the value is empty",
     "write the blurb after the colon (and a space), e.g. blurb: 各镇和委办局负责人谈大调研。"),
    ("site.yaml", MINIMAL_CONFIG, "title", "1:7: error: title: the value is empty",
     "write the title after the colon (and a space), e.g. title: 青浦大调研进度公开"),
    # language may be left out (zh-CN): removing the line is a fix.
    ("site.yaml", MINIMAL_CONFIG + "language: en\n", "language", "3:10: error: language: the value is empty",
     "write the value after the colon (and a space), or remove the line"),
    ("content/cases/a.md", "---\ntitle: 草莓\nunit: baihe\nstatus: planned\nproblem: 问题。\nactions: [走访]\n"
     "date: 2018-05-03\n---\n", "status", "4:8: error: status: the value is empty",
     "use one of: planned (计划中), in_progress (推进中), resolved (已解决)"),
])
def test_an_empty_field_is_told_what_to_write_and_only_an_optional_one_to_remove(
        tmp_path: Path, path: str, text: str, key: str, message: str, hint: str) -> None:
    line = next(line for line in text.split("\n") if line.startswith(key + ":"))
    root = write_site(tmp_path, {path: text.replace(line, key + ":")})
    assert [p.format() for p in found(root)] == [f"{path}:{message}\n  hint: {hint}"]
    if "e.g. " in hint:  # the example, typed after the colon, is read as a value
        (root / path).write_text(text.replace(line, " " * (len(key) - len(key.lstrip())) + hint.split("e.g. ")[1]),
                                 encoding="utf-8")
        assert found(root) == []


def test_a_missing_date_is_told_its_form_never_an_example_date(tmp_path: Path) -> None:
    # The hint read 'e.g. date: 2018-05-03 10:00' (2018-04-26 for a date): typed as shown, that date is valid, so
    # the page or milestone was published with a date nobody chose, which sitegen could no longer tell.
    case = "---\ntitle: 草莓\nunit: baihe\nstatus: planned\nproblem: 问题。\nactions: [走访]\n---\n"
    root = write_site(tmp_path, {"content/cases/a.md": case,
                                 UNIT_PATH: UNIT + "milestones:\n  - title: 召开动员会\n"})
    assert [p.format() for p in found(root)] == [
        'content/cases/a.md:2:1: error: the field "date" is missing\n'
        '  hint: add a line "date: …", in the form date: YYYY-MM-DD HH:MM (年-月-日 时:分)',
        f'{UNIT_PATH}:12:5: error: the field "date" is missing in milestones → item 1\n'
        '  hint: add a line "date: …", in the form date: YYYY-MM-DD (年-月-日)']


def test_an_image_in_the_text_that_is_not_a_file_under_content_is_a_warning(tmp_path: Path) -> None:
    body = ("## 问题\n\n![菜园](images/a.svg)\n\n文字 ![缺](images/nosuch.svg) 和 <img alt=\"x\" src=\"../pic/b%20c.png\">\n\n"
            "![外](https://example.org/x.png) ![根](/images/a.svg)\n\n```\n![代码里](images/ignored.svg)\n```\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    # A path typed right whose file is missing: the file named, and what to do if it was deleted or renamed.
    hint = ("  hint: there is no file content/{}: copy the picture there; if it was deleted or renamed, restore it "
            "(回收站, the recycle bin) or write its new name here")
    # interview(): 9 lines of front matter and an empty line, so the body starts at line 11.
    assert [p.format() for p in found(root)] == [
        f'content/interviews/a.md:15:9: warning: image "images/nosuch.svg" not found\n{hint.format("images/nosuch.svg")}',
        f'content/interviews/a.md:15:48: warning: image "../pic/b%20c.png" not found\n{hint.format("pic/b c.png")}']
    (root / "content/pic").mkdir()
    (root / "content/pic/b c.png").write_bytes(b"\x89PNG")
    text = (root / "content/interviews/a.md").read_text(encoding="utf-8")
    (root / "content/interviews/a.md").write_text(text.replace("images/nosuch.svg", "./images/a.svg"),
                                                  encoding="utf-8")
    build(BuildOptions(root=root, now=NOW, search=False, base_url="https://example.org/qingpu/"))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert page.count('src="/qingpu/images/a.svg"') == 3 and 'src="/qingpu/pic/b%20c.png"' in page


def test_a_picture_saved_beside_its_page_or_outside_content_is_named_where_it_is(tmp_path: Path) -> None:
    # "there is no file content/yishi.svg: copy the picture there", with the file beside the page; and a picture in
    # the site folder's own images/ (outside content/) was only "not found".
    svg = "<svg xmlns='http://www.w3.org/2000/svg'/>"
    body = "## 问题\n\n![议事会](yishi.svg)\n\n![地图](images/map.svg)\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body), "content/interviews/yishi.svg": svg,
                                 "images/map.svg": svg})
    assert [(p.location(), p.hint) for p in found(root)] == [
        ("content/interviews/a.md:13:8", "the file is content/interviews/yishi.svg: a path is read from content/, not "
         "from the page's folder: write interviews/yishi.svg (or move the file into content/images/ and write "
         "images/yishi.svg)"),
        ("content/interviews/a.md:15:7", "the file is images/map.svg, outside content/, where nothing is published: "
         "move it into content/images/ and write images/map.svg")]
    (root / "content/images").mkdir()
    (root / "images/map.svg").rename(root / "content/images/map.svg")  # as told
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(yishi.svg)", "(interviews/yishi.svg)"), encoding="utf-8")
    assert found(root) == []


def test_pictures_named_as_editors_slip_get_the_fix_and_a_path_with_spaces_is_no_slip(tmp_path: Path) -> None:
    body = ("![中文](images/中文 图片.png)\n\n![尖括号](<images/中文 图片.png> \"标题\")\n\n"
            "![坏](images/broken.png)\n\n![大写](IMAGES/Field.PNG)\n\n![全角](images／field.png)\n")
    images = ("images:\n  - src: C:\\Users\\editor\\Desktop\\caomei.png\n    alt: 甲\n"
              "  - src: //cdn.example.org/a.png\n    alt: 乙\n  - src: javascript:alert(1)\n    alt: 丙\n"
              "  - src: https://example.org/a.png\n    alt: 丁\n")
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02\x00\x00\x00\x00\x00\x00\x00"
           b"\x00\x00\x00\x00IEND\xaeB`\x82")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=images),
                                 "content/images/中文 图片.png": png, "content/images/field.png": png,
                                 "content/images/broken.png": b"\x89PNG and then nothing a picture has"})
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "error",
         'image "C:\\Users\\editor\\Desktop\\caomei.png" is a file on your computer, not on the site',
         "copy the picture into content/images/ and write its path from there, e.g. images/caomei.png "
         "(a path on your own computer cannot be seen by readers)"),
        ("content/interviews/a.md:12:10", "error", 'image "//cdn.example.org/a.png" has no https: in front',
         "write the whole address: https://cdn.example.org/a.png"),
        ("content/interviews/a.md:14:10", "error", 'image "javascript:alert(1)" is not a picture address',
         "give a file under content/ (images/a.png) or an https:// address"),
        ("content/interviews/a.md:24:6", "warning",
         'image "images/broken.png" cannot be read as a picture, so readers may see it broken',
         "open it in an image viewer and save it again as PNG or JPEG (图片文件可能已损坏)"),
        # Slips of a file that is there: errors, as the page would show the picture meant broken.
        ("content/interviews/a.md:26:7", "error", 'image "IMAGES/Field.PNG" not found',
         "the file is images/field.png: write it with the same capital and small letters (大小写)"),
        ("content/interviews/a.md:28:7", "error", 'image "images／field.png" not found',
         "write the folder sign / in half width (半角), not ／: images/field.png")]


def test_a_picture_typed_with_another_ending_than_its_file_is_an_error_naming_the_ending(tmp_path: Path) -> None:
    # A warning, "did you mean images/field.svg?": the build published the page with the picture broken.
    images = "images:\n  - src: images/field.jpg\n    alt: 甲\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body="![乙](images/field.png)\n", extra=images),
                                 "content/images/field.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    hint = "the file is images/field.svg: write its ending (扩展名) as it is, .svg, not {}"
    assert [(p.location(), p.severity, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "error", hint.format(".jpg")),
        ("content/interviews/a.md:14:6", "error", hint.format(".png"))]
    text = (root / "content/interviews/a.md").read_text(encoding="utf-8")
    (root / "content/interviews/a.md").write_text(text.replace("field.jpg", "field.svg").replace("field.png", "field.svg"),
                                                  encoding="utf-8")
    assert found(root) == []


def test_a_picture_path_with_content_in_front_or_without_its_ending_gets_the_path_to_write(tmp_path: Path) -> None:
    # Both got "put the file under content/ and give its path from there", which the file already is.
    images = "images:\n  - src: content/images/field.png\n    alt: 甲\n"
    body = "![乙](./content/images/field.png)\n\n![丙](images/field)\n\n![丁](images/two)\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=images),
                                 "content/images/field.png": "<svg/>", "content/images/two.png": "<svg/>",
                                 "content/images/two.svg": "<svg/>"})
    assert [(p.location(), p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "the path is read from content/, so leave it out: images/field.png"),
        ("content/interviews/a.md:14:6", "the path is read from content/, so leave it out: images/field.png"),
        ("content/interviews/a.md:16:6", "the file is images/field.png: write its name with its ending (扩展名), "
         "which Windows hides (查看 → 文件扩展名 shows it)"),
        ("content/interviews/a.md:18:6", "put the file under content/ and give its path from there, "
         "e.g. images/baihe-1.svg")]
    # A name typed wrong: the file of the nearest name in that folder; with another ending: that file's ending.
    body = "![戊](images/feild.png)\n\n![己](images/field.jpg)\n"
    root = write_site(tmp_path / "typo", {"content/interviews/a.md": interview(body=body),
                                          "content/images/field.png": "<svg/>"})
    assert [(p.location(), p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:6", "did you mean images/field.png?"),
        ("content/interviews/a.md:13:6", "the file is images/field.png: write its ending (扩展名) as it is, .png, "
                                         "not .jpg")]


def test_links_and_pictures_typed_with_an_input_methods_full_width_signs_are_warned(tmp_path: Path) -> None:
    # Each of these was published as plain text (or, for ！[…](…), as a link with no picture), unwarned.
    body = ("！[草莓](images/a.svg)\n\n![草莓]（images/a.svg）\n\n!【草莓】(images/a.svg)\n\n"
            "见[白鹤镇]（/units/baihe/）\n\n![草莓] (images/a.svg)\n\n"
            "【通知】（二）不是链接。[正确](https://a.org/) ![正确](images/a.svg) [链接（括号）](https://a.org/x)\n\n"
            "```\n！[代码里](a.png)\n```\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    problems = found(root)
    assert [(p.location(), p.message.split(": ", 1)[1], p.hint.split(": ", 1)[1]) for p in problems] == [
        ("content/interviews/a.md:11:1", "！[草莓](images/a.svg)", "![草莓](images/a.svg)"),
        ("content/interviews/a.md:13:1", "![草莓]（images/a.svg）", "![草莓](images/a.svg)"),
        ("content/interviews/a.md:15:1", "!【草莓】(images/a.svg)", "![草莓](images/a.svg)"),
        ("content/interviews/a.md:17:2", "[白鹤镇]（/units/baihe/）", "[白鹤镇](/units/baihe/)"),
        ("content/interviews/a.md:19:1", "![草莓] (images/a.svg)", "![草莓](images/a.svg)")]
    assert problems[3].message.startswith("this link is typed with full-width signs or a space (全角符号), "
                                          "which Markdown does not read as a link")
    assert problems[3].hint.startswith("type it in half width (半角), with nothing between ] and (")


def test_missing_pictures_are_reported_with_the_error_that_stops_their_page(tmp_path: Path) -> None:
    # A misspelt field stopped the page, and its missing pictures were reported only once it was fixed.
    images = ("images:\n  - src: images/a.svg\n    alt: 有的\n  - src: images/none1.svg\n    captoin: 错字\n"
              "  - src: images/none2.svg\n    alt: 没有的\n  - alt: 没写路径\n  - 只写了字\n")
    # A picture in the text alike: it was told only once the front matter was mended, a round later.
    body = "## 问\n\n![图](images\\none3.png)\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images, body=body),
                                 "content/interviews/b.md": interview(extra="title: [未闭合\n"),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    problems = [p for p in found(root) if p.path == "content/interviews/a.md"]
    assert [(p.location(), p.message) for p in problems] == [
        ("content/interviews/a.md:12:10", 'image "images/none1.svg" not found'),
        ("content/interviews/a.md:13:5", 'unknown field "captoin" in images → item 2 (did you mean "caption"?)'),
        ("content/interviews/a.md:14:10", 'image "images/none2.svg" not found'),
        ("content/interviews/a.md:16:5", 'the field "src" is missing in images → item 4'),
        ("content/interviews/a.md:17:5",
         '"images → item 5" should be a group of fields (key: value lines), not "只写了字"'),
        ("content/interviews/a.md:22:6", 'image "images\\none3.png" not found')]
    # A page whose front matter cannot be read at all has only that error.
    assert [p.location() for p in found(root) if p.path == "content/interviews/b.md"] == [
        "content/interviews/b.md:9:1", "content/interviews/b.md:9:8"]


def test_headings_list_items_and_quotes_turned_to_text_by_their_indent_are_warned(tmp_path: Path) -> None:
    # Pasted with Word's indent, each of these was published with its "##", "-" or ">" as text, unwarned.
    body = ("    ## 缩进的标题\n\n\t- 制表符的项\n\n\u3000\u3000## **全角**空格\n\n    > 缩进的引用\n\n"
            "    1. 第一条\n\n"
            "- 项目\n\n    - 嵌套的项\n\n  > 两个空格的引用\n\n    \\## 写明的井号\n\n```\n    ## 代码里\n```\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    problems = found(root)
    assert [(p.location(), p.message.split("; ")[1], p.hint) for p in problems] == [
        ("content/interviews/a.md:11:1", 'the page shows "##" as text: ## 缩进的标题',
         'delete the spaces before "##" (删去行首的空格): a heading starts at the beginning of its line'),
        ("content/interviews/a.md:13:1", 'the page shows "-" as text: - 制表符的项',
         'delete the tab before "-" (删去行首的制表符): a list item starts at the beginning of its line'),
        ("content/interviews/a.md:15:1", 'the page shows "##" as text: ## **全角**空格',
         'delete the full-width spaces before "##" (删去行首的全角空格): a heading starts at the beginning of '
         "its line"),
        ("content/interviews/a.md:17:1", 'the page shows ">" as text: > 缩进的引用',
         'delete the spaces before ">" (删去行首的空格): a quote starts at the beginning of its line'),
        ("content/interviews/a.md:19:1", 'the page shows "1." as text: 1. 第一条',
         'delete the spaces before "1." (删去行首的空格): a list item starts at the beginning of its line')]
    assert problems[2].message.startswith("this line starts with full-width spaces (全角空格), so Markdown does "
                                          "not read it as a heading (标题)")
    build(BuildOptions(root=root, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert "<li>嵌套的项</li>" in page and "<blockquote>" in page  # read by Markdown: not warned


def test_a_misspelling_spelt_with_html_character_references_is_warned_where_typed(tmp_path: Path) -> None:
    # 白&#x6cb3;镇 is published as 白河镇, but no line held the misspelling as typed: it went unwarned.
    body = "## 问题\n\n走进白&#x6cb3;镇，又到&#30333;&#27827;镇。白鹤镇 &amp; 白河镇。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    hidden = ('"白河镇" is a misspelling of the unit name 白鹤镇, hidden here in an HTML character reference (&#…;)',
              "write 白鹤镇 as plain text, with no &#…; code inside it")
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:13:3", *hidden), ("content/interviews/a.md:13:16", *hidden),
        ("content/interviews/a.md:13:44", '"白河镇" is a misspelling of the unit name 白鹤镇', "write 白鹤镇")]


def test_more_full_width_forms_are_warned_and_code_is_left_alone(tmp_path: Path) -> None:
    # ［］ (U+FF3B/FF3D), one full-width bracket, spaces inside （）, a title: all were plain text, unwarned;
    # `[a]（b.c）` inside inline code was warned although the page shows it as code.
    body = ("［报告］（files/报告.pdf）\n\n！［图］（images/wide.png）\n\n[报告］(files/a.pdf)\n\n[报告]（ files/a.pdf ）\n\n"
            "![图]（images/wide.png \"标题\"）\n\n行内 `[a]（b.c）` 代码\n\n[正确]( https://a.org/x )\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    assert [(p.location(), p.hint.split(": ", 1)[1]) for p in found(root)] == [
        ("content/interviews/a.md:11:1", "[报告](files/报告.pdf)"), ("content/interviews/a.md:13:1", "![图](images/wide.png)"),
        ("content/interviews/a.md:15:1", "[报告](files/a.pdf)"), ("content/interviews/a.md:17:1", "[报告](files/a.pdf)"),
        ("content/interviews/a.md:19:1", '![图](images/wide.png "标题")')]


def test_a_picture_left_on_wechats_or_weibos_servers_is_warned(tmp_path: Path) -> None:
    # Text copied from a WeChat article keeps its pictures' addresses: published as they were, each showed
    # readers WeChat's notice "此图片来自微信公众平台，未经允许不可引用" instead of the picture.
    wechat = "https://mmbiz.qpic.cn/mmbiz_jpg/Q3auHgzwzM4fGxZbic0aXdxVpW8a7eXd2s1kWNa1Gk6L0Gq9c/640?wx_fmt=jpeg"
    # The host written with its final dot (sinaimg.cn.) is the same host.
    body = (f"## 问题\n\n![草莓基地]({wechat})\n\n<img alt=\"会\" src=\"https://wx2.sinaimg.cn./large/a.jpg\">\n\n"
            "![外](https://example.org/x.png)\n")
    images = f"images:\n  - src: {wechat}\n    alt: 草莓\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=images)})
    hint = ("save the picture (长按图片 → 保存, or right-click → 另存为) into content/images/ and write its path "
            "from there, e.g. images/baihe-1.jpg")
    notice = "which show it on their own pages only: readers of this site would see a notice in its place"
    shown = wechat[:59] + "…"
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "warning",
         f'image "{shown}" is on the servers of 微信公众平台 (WeChat), {notice}', hint),
        ("content/interviews/a.md:16:9", "warning",
         f'image "{shown}" is on the servers of 微信公众平台 (WeChat), {notice}', hint),
        ("content/interviews/a.md:18:19", "warning",
         f'image "https://wx2.sinaimg.cn./large/a.jpg" is on the servers of 新浪微博 (Weibo), {notice}', hint)]


def test_a_wechat_picture_whose_address_is_in_data_src_is_told_once_with_wechats_advice(tmp_path: Path) -> None:
    # <img data-src="https://mmbiz.qpic.cn/…">, as WeChat's pages write a picture, got two warnings: "has no
    # address (src)", hinted to write a file's path in src, and the WeChat one. The address is WeChat's: one
    # warning, WeChat's advice. Any attribute of lazy loading is read (data-original), the "src" in data-src is
    # no src, and a picture with a src is checked at its src, typed before data-src or after it.
    wechat = "https://mmbiz.qpic.cn/abc/640?wx_fmt=jpeg"
    body = (f'<img data-src="{wechat}">\n\n<img alt="基地" data-original=\'https://wx2.sinaimg.cn/large/a.jpg\'>\n\n'
            f'<img data-src="{wechat}" src="images/a.svg" alt="甲">\n\n<img src="images/a.svg" data-src="{wechat}" '
            'alt="乙">\n')
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    hint = ("save the picture (长按图片 → 保存, or right-click → 另存为) into content/images/ and write its path "
            'from there, in src, e.g. <img src="images/baihe-1.jpg" alt="{}">')
    left_out = ("which show it on their own pages only: its address is in {}, which browsers do not read, so it was "
                "left out (in src, readers would see a notice in its place)")
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:16", "warning",
         f'image "{wechat}" is on the servers of 微信公众平台 (WeChat), {left_out.format("data-src")}',
         hint.format("图片说明")),
        ("content/interviews/a.md:13:30", "warning", 'image "https://wx2.sinaimg.cn/large/a.jpg" is on the servers '
         f'of 新浪微博 (Weibo), {left_out.format("data-original")}', hint.format("基地"))]
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert "mmbiz" not in page and "sinaimg" not in page and "<p>基地</p>" in page
    assert re.findall(r'<img src="([^"]*)" alt="(.)"', page) == [("/images/a.svg", "甲"), ("/images/a.svg", "乙")]


def test_a_wechat_picture_pasted_with_a_stand_in_in_src_is_told_once_with_wechats_advice(tmp_path: Path) -> None:
    # WeChat's <img src="data:image/svg+xml,…" data-src="https://mmbiz.qpic.cn/…"> was told only that its data:
    # address was removed, hinted to give a file or an https:// address: the data: one is a stand-in, the picture
    # is WeChat's. A stand-in in src (data:, a blank GIF, about:blank, #) is told as no src is: WeChat's advice,
    # at the address (data-srcset's first, when no other attribute holds one); an address elsewhere is offered in
    # src by the conversion, once; a real src is checked as typed. Each is left out of the page, as told.
    svg = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3C%2Fsvg%3E"
    wechat = "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg"
    body = (f'<img src="{svg}" data-src="{wechat}" data-srcset="{wechat} 1x" alt="会议现场">\n\n'
            f'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset=" {wechat}&amp;tp=webp 1x, '
            f'https://mmbiz.qpic.cn/b/1280 2x">\n\n<img src=about:blank data-original="https://wx2.sinaimg.cn/large/a.jpg"'
            ' alt="基地">\n\n<img src="#" data-src="https://example.org/a.jpg" alt="乙">\n\n'
            '<img src="images/b.svg" data-src="https://example.org/c.jpg" alt="丙">\n')
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/b.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    hint = ("save the picture (长按图片 → 保存, or right-click → 另存为) into content/images/ and write its path "
            'from there, in src, e.g. <img src="images/baihe-1.jpg" alt="{}">')
    left_out = ("which show it on their own pages only: its address is in {}, which browsers do not read, so it was "
                "left out (in src, readers would see a notice in its place)")
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:116", "warning",
         f'image "{wechat}" is on the servers of 微信公众平台 (WeChat), {left_out.format("data-src")}',
         hint.format("会议现场")),
        ("content/interviews/a.md:13:69", "warning", f'image "{wechat}&tp=webp" is on the servers of '
         f'微信公众平台 (WeChat), {left_out.format("data-srcset")}', hint.format("图片说明")),
        ("content/interviews/a.md:15:37", "warning", 'image "https://wx2.sinaimg.cn/large/a.jpg" is on the servers '
         f'of 新浪微博 (Weibo), {left_out.format("data-original")}', hint.format("基地")),
        ("content/interviews/a.md:17:1", "warning", "this picture (<img>) has its address in data-src, which browsers "
         'do not read (it is for scripts that load pictures late), so it was left out, and its description "乙" is '
         "shown in its place", 'write its address in src: <img src="https://example.org/a.jpg" alt="乙">')]
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="body">\s*(.*?)\s*</div>', page, re.S).group(1) == (
        '<p>会议现场</p>\n<p>基地</p>\n<p>乙</p>\n<p><img src="/images/b.svg" alt="丙" loading="lazy"></p>')


def test_a_picture_on_a_network_share_or_a_web_address_without_host_is_an_error(tmp_path: Path) -> None:
    # \\\\server\\share\\a.png got the hint to turn its slashes (then "has no https:"); http:/example.org/a.png
    # and https:example.org/a.png were published as they were; the local hint always named caomei.png.
    images = ("images:\n  - src: 'D:\\照片\\zuotan.png'\n    alt: 甲\n  - src: '\\\\server\\share\\a.png'\n"
              "    alt: 乙\n  - src: 'http:/example.org/a.png'\n    alt: 丙\n  - src: 'https:example.org/a.png'\n"
              "    alt: 丁\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images)})
    local = "copy the picture into content/images/ and write its path from there, e.g. images/{} " \
            "(a path on your own computer cannot be seen by readers)"
    web = "write it as https://host/path, e.g. https://example.org/a.png (two slashes after https:)"
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", 'image "D:\\照片\\zuotan.png" is a file on your computer, not on the site',
         local.format("zuotan.png")),
        ("content/interviews/a.md:12:10", 'image "\\\\server\\share\\a.png" is a file on your computer, not on the site',
         local.format("a.png")),
        ("content/interviews/a.md:14:10", 'image "http:/example.org/a.png" is not a full web address', web),
        ("content/interviews/a.md:16:10", 'image "https:example.org/a.png" is not a full web address', web)]


def test_a_picture_file_named_with_a_percent_escape_is_named_as_the_cause(tmp_path: Path) -> None:
    # A file saved as photo%201.png was reported "not found", with the hint to put it under content/.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(
        body="![x](images/photo%201.png)\n", extra="images:\n  - src: images/photo%201.png\n    alt: 图\n"),
        "content/images/photo%201.png": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    message = ('image "images/photo%201.png": browsers read the "%20" in the file\'s name as an escape (" "), '
               "so they would not find the file")
    hint = 'rename the file without "%" in its name (文件名中不要有 %), e.g. with "-", and write that name'
    # The file is there: in the text too an error, as the page would show the picture meant broken.
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "error", message, hint),
        ("content/interviews/a.md:14:6", "error", message, hint)]


def test_a_count_is_compared_with_the_last_tally_that_gives_it(tmp_path: Path) -> None:
    # 318 batches, then a tally without batches, then 0: the fall went unwarned.
    unit = UNIT + ("  - as_of: 2018-05-26\n    collected: 300\n    escalated: 143\n    resolved: 105\n"
                   "    in_progress: 52\n  - as_of: 2018-06-26\n    batches: 0\n    collected: 310\n"
                   "    escalated: 143\n    resolved: 110\n    in_progress: 57\n")
    root = write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/interviews/a.md": interview()})
    assert [(p.location(), p.message) for p in found(root)] == [(
        "content/units/baihe.yaml:17:14",
        "survey batches (调研批次) fell from 318 on 2018-04-26 to 0 on 2018-06-26; these counts only grow")]


# -- files -----------------------------------------------------------------------------

def test_documents_beside_pages_and_windows_system_files_are_not_published(tmp_path: Path) -> None:
    # The Word draft beside a page (with the name the page leaves out), a page saved as .txt, the figures'
    # spreadsheet beside a unit, Thumbs.db and desktop.ini were all copied into the published site, unwarned.
    root = write_site(tmp_path, {"content/interviews/baihe.md": interview(),
                                 "content/interviews/访谈稿.docx": b"PK\x03\x04draft",
                                 "content/interviews/访谈.txt": interview("另一篇"),
                                 "content/units/白鹤镇数据.xlsx": b"PK\x03\x04figures",
                                 "content/images/Thumbs.db": b"\xd0\xcf", "content/images/desktop.ini": "[.ShellClassInfo]\n",
                                 "content/files/报告.docx": b"PK\x03\x04report", "content/images/a.svg": "<svg/>"})
    problems = found(root)
    assert [(p.path, p.message, p.hint) for p in problems] == [
        ("content/interviews/访谈.txt", "this page (it starts with ---) is saved as .txt, so it is neither read nor "
         "published", "rename the file to 访谈.md (turn on 查看 → 文件扩展名 in Windows to see the .txt)"),
        ("content/interviews/访谈稿.docx", "a .docx document in content/interviews/ is not published: this folder "
         "holds .md pages, and a document beside them is most often the draft or the figures they were written from",
         "to offer it for download, move it into content/files/ and link to it from a page: "
         "[访谈稿.docx](files/访谈稿.docx)"),
        ("content/units/白鹤镇数据.xlsx", "a .xlsx document in content/units/ is not published: this folder holds "
         ".yaml records, and a document beside them is most often the draft or the figures they were written from",
         "to offer it for download, move it into content/files/ and link to it from a page: "
         "[白鹤镇数据.xlsx](files/白鹤镇数据.xlsx)")]
    build(BuildOptions(root=root, now=NOW))
    published = sorted(p.relative_to(root / "output").as_posix() for p in output_files(root)
                       if p.suffix in (".docx", ".txt", ".xlsx", ".db", ".ini", ".svg")
                       and not p.name.startswith(("favicon", "robots")))
    assert published == ["files/报告.docx", "images/a.svg"]


def test_a_record_written_as_json_is_a_warning_and_is_not_published(tmp_path: Path) -> None:
    # content/units/huaxin.json was published as a stray file, unwarned: the town had no page and no figures.
    record = '{"name": "华新镇", "level": "town"}\n'
    root = write_site(tmp_path, {"content/units/huaxin.json": record, "content/series/jilu.json": record,
                                 "content/interviews/a.md": interview().replace("unit: baihe", "unit: huaxin")})
    assert [(p.path, p.line, p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md", 4, "error", 'there is no unit "huaxin"',
         "content/units/huaxin.json is the file of this unit, but it is not read, as it is written as JSON: "
         "rename it to huaxin.yaml"),
        ("content/series/jilu.json", None, "warning", "this record is written as JSON (.json), so it is neither "
         "read nor published", "rename the file to jilu.yaml: JSON is written the same in YAML, and the file is "
         "then read as typed"),
        ("content/units/huaxin.json", None, "warning", "this record is written as JSON (.json), so it is neither "
         "read nor published", "rename the file to huaxin.yaml: JSON is written the same in YAML, and the file is "
         "then read as typed")]
    (root / "content/units/huaxin.json").rename(root / "content/units/huaxin.yaml")
    (root / "content/series/jilu.json").unlink()
    assert [p for p in found(root) if p.severity == "error"] == []
    build(BuildOptions(root=root, now=NOW))
    assert (root / "output/units/huaxin/index.html").is_file()
    assert not list((root / "output").rglob("*.json.*")) and not (root / "output/units/huaxin.json").exists()


def test_a_notepad_txt_suffix_is_a_warning_and_the_file_is_not_published(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/访谈.md.txt": interview(),
                                 "content/images/说明.yaml.txt": "a: b\n"})
    problems = found(root)
    assert where(problems) == [("content/images/说明.yaml.txt", None, None, "warning"),
                               ("content/interviews/访谈.md.txt", None, None, "warning")]
    assert problems[1].message == \
        'the file name ends in ".md.txt" (Notepad added ".txt"), so it is neither read nor published'
    assert problems[1].hint.startswith("rename the file to 访谈.md")
    build(BuildOptions(root=root, now=NOW))
    assert not [p for p in output_files(root) if p.name.endswith((".md.txt", ".yaml.txt"))]
    # Beside the page it is a copy of, renamed as told it would replace that page (once offered); so would a
    # copy saved as 访谈.txt.
    (root / "content/interviews/访谈.md").write_text(interview(), encoding="utf-8")
    (root / "content/interviews/访谈.txt").write_text(interview(), encoding="utf-8")
    assert [(p.path, p.hint) for p in found(root) if p.path.startswith("content/interviews/")] == [
        ("content/interviews/访谈.md.txt", "访谈.md is there too, so this is most likely a copy kept by hand (备份): "
         "move it out of content/ (if it holds the newer text, copy that into 访谈.md first)"),
        ("content/interviews/访谈.txt", "访谈.md is there too, so this is most likely a copy kept by hand (备份): "
         "move it out of content/ (if it holds the newer text, copy that into 访谈.md first)")]


@pytest.mark.parametrize(("typed", "meant"), [("baihe.yaml.txt", "baihe.yaml"), ("baihe", "baihe.yaml"),
                                              ("baihe．yaml", "baihe.yaml"), ("baihe.yml.txt", "baihe.yml"),
                                              ("baihe.txt", "baihe.yaml")])
def test_a_page_naming_a_unit_whose_file_is_not_read_for_its_name_is_told_to_rename_that_file(
        tmp_path: Path, typed: str, meant: str) -> None:
    # "there is no unit baihe" offered "sitegen new unit 名称 --id baihe": followed, an empty second file was
    # made, the page checked clean, and the unit's page was published without its figures.
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES, f"content/units/{typed}": UNIT,
                                 "content/interviews/a.md": interview()}, records=False)
    errors = [p for p in found(root) if p.severity == "error"]
    assert [(p.path, p.message, p.hint) for p in errors] == [
        ("content/interviews/a.md", 'there is no unit "baihe"',
         f"content/units/{typed} is the file of this unit, but it is not read for its name: rename it to {meant} "
         "(turn on 查看 → 文件扩展名 in Windows to see the whole name)")]
    if typed == "baihe.txt":  # saved by Notepad without .yaml: it was offered a move into content/files/
        assert [(p.path, p.message, p.hint) for p in found(root) if p.severity == "warning"] == [
            ("content/units/baihe.txt", "this record (its fields start with name: or title:) is saved as .txt, so it "
             "is neither read nor published", "rename the file to baihe.yaml (turn on 查看 → 文件扩展名 in Windows to "
             "see the .txt)")]
    (root / "content/units" / typed).rename(root / "content/units" / meant)
    assert found(root) == []


def test_a_page_or_record_under_a_name_without_its_ending_is_a_warning_and_is_not_published(tmp_path: Path) -> None:
    # Each was copied into the site as it was (a draft's text too), and its page was missing, unwarned.
    draft = interview("华新镇访谈", extra="draft: true\n")
    root = write_site(tmp_path, {"content/interviews/huaxin": draft, "content/interviews/huaxin2.md.bak": draft,
                                 "content/cases/huaxin3.mdown": draft, "content/interviews/huaxin4．ｍｄ": draft,
                                 "content/units/huaxin．yaml": "name: 华新镇\nlevel: town\n",
                                 "content/units/baihe.yaml.bak": UNIT, "content/units/huaxin5": UNIT,
                                 "content/interviews/photo.png": b"\x89PNG\r\n\x1a\n"})
    copy_hint = " (turn on 查看 → 文件扩展名 in Windows to see the whole name); if it is a copy kept by hand, move " \
                "it out of content/"
    assert [(p.path, p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/cases/huaxin3.mdown", "warning", 'this page is neither read nor published: its file name does not '
         'end in ".md"', "rename the file to huaxin3.md" + copy_hint),
        ("content/interviews/huaxin", "warning", 'this page is neither read nor published: its file name does not '
         'end in ".md"', "rename the file to huaxin.md" + copy_hint),
        ("content/interviews/huaxin2.md.bak", "warning", 'this page is neither read nor published: its file name '
         'does not end in ".md"', "rename the file to huaxin2.md" + copy_hint),
        ("content/interviews/huaxin4．ｍｄ", "warning", 'this page is neither read nor published: its file name '
         'does not end in ".md"', "rename the file to huaxin4.md, typed in half width (半角)"),
        # Renamed as the others are told, it would replace the unit's own file (once offered).
        ("content/units/baihe.yaml.bak", "warning", 'this record is neither read nor published: its file name does '
         'not end in ".yaml"', "baihe.yaml is there too, so this is most likely a copy kept by hand (备份): move it "
         "out of content/ (if it holds the newer text, copy that into baihe.yaml first)"),
        ("content/units/huaxin5", "warning", 'this record is neither read nor published: its file name does not '
         'end in ".yaml"', "rename the file to huaxin5.yaml" + copy_hint),
        ("content/units/huaxin．yaml", "warning", 'this record is neither read nor published: its file name does '
         'not end in ".yaml"', "rename the file to huaxin.yaml, typed in half width (半角)")]
    build(BuildOptions(root=root, now=NOW))
    published = [p for p in output_files(root) if "huaxin" in p.name or ".bak" in p.name]
    assert published == [] and (root / "output/interviews/photo.png").is_file()
    assert not any("华新镇访谈" in p.read_text(encoding="utf-8", errors="replace") for p in output_files(root))


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_linked_asset_to_outside_the_site_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text("do-not-publish", encoding="utf-8")
    root = write_site(tmp_path / "site", {})
    (root / "content/images").mkdir(parents=True)
    os.symlink(secret, root / "content/images/logo.svg")
    problems = found(root)
    assert [p.format() for p in problems] == [
        "content/images/logo.svg: error: the file is a symbolic link to a place outside the site folder; "
        "it was not read\n  hint: copy the file into the site folder instead of linking to it"]


_REMOVE = None
"""The place a hint gives for a file sitegen writes itself: none, the file is removed."""

_PAGE_HINT = ("to change the page, change its layout instead: put your own {} in templates/ (it overrides the "
              "theme's); to publish this file as well, put it under a folder of its own, e.g. content/files/{}")

_CSS_COPY = fingerprinted_name("assets/site.css", (REPO / "templates/assets/site.css").read_bytes())
"""The published name of the default theme's stylesheet's copy (``assets/site.d7d2eb46e1.css``)."""

SITEGENS_OWN_FILES = [
    pytest.param(
        "content/data/tallies.csv",
        "this file would replace data/tallies.csv, open data (开放数据) that sitegen makes from the units' records "
        "at every build: a copy would publish old figures beside the new ones the pages show",
        "to offer a spreadsheet of your own, put it under another folder, e.g. content/files/tallies.csv, and link "
        "to it from a page; the figures themselves are typed in content/units/",
        "content/files/tallies.csv", id="open data"),
    pytest.param(
        "content/datapackage.json",
        "this file would replace datapackage.json, the description of the open data (数据说明) that sitegen "
        "writes with it at every build: a copy would stop matching the data files it describes once they change",
        "remove it: sitegen writes datapackage.json; to offer a description of your own, put it under another "
        "folder, e.g. content/files/datapackage.json",
        "content/files/datapackage.json", id="data package"),
    pytest.param(
        "content/units/baihe/feed.xml",
        "this file would replace the feed /units/baihe/feed.xml (订阅源), which sitegen writes from the newest "
        "interviews or case studies at every build: its subscribers would get this copy, which never changes",
        "remove it: sitegen writes the feeds of the site, of its case studies, of each series and of each unit",
        _REMOVE, id="feed"),
    pytest.param(
        "content/sitemap.xml",
        "this file would replace sitemap.xml (网站地图), which sitegen writes from the site's pages at every "
        "build: search engines would miss every page added or moved since the copy was made",
        "remove it: sitegen writes sitemap.xml",
        _REMOVE, id="sitemap"),
    pytest.param(
        "content/robots.txt",
        "this file would replace robots.txt, which sitegen writes at every build with the Sitemap: line that "
        "gives search engines the address of sitemap.xml (made from base_url): a file of your own would lose "
        "that line, or keep an old address in it",
        "remove it: sitegen writes robots.txt (it lets every crawler in)",
        _REMOVE, id="robots"),
    pytest.param(
        "content/assets/site.css",
        "this file would replace assets/site.css, a file of the theme (主题) that sitegen copies from "
        "templates/assets/ at every build: the pages would load this copy, and a change to the theme's file "
        "would never reach them",
        "to change the theme's file, move this one to templates/assets/site.css, in the site folder beside "
        "content/: a file in the site's templates/ overrides the default theme's, file by file",
        "templates/assets/site.css", id="theme asset"),
    pytest.param(
        f"content/{_CSS_COPY}",
        f"this file would replace {_CSS_COPY}, the copy of the theme's (主题) assets/site.css that sitegen makes at "
        "every build, named by its content: the pages would load this copy, and a change to the theme's file "
        "would never reach them",
        # Was "move this one to templates/assets/site.d7d2eb46e1.css": followed, a copy of a copy no page linked.
        "to change the theme's file, move this one to templates/assets/site.css, in the site folder beside "
        "content/: a file in the site's templates/ overrides the default theme's, file by file",
        "templates/assets/site.css", id="theme asset's copy"),
    *(pytest.param(f"content/{output}", f"this file would be published as {output}, where sitegen writes {page}: "
                   "only one of the two can be published there", _PAGE_HINT.format(layout, name),
                   f"content/files/{name}", id=output)
      for output, page, layout, name in [
          ("units/baihe/index.html", "the page /units/baihe/ (白鹤镇)", "unit.html", "index.html"),
          ("index.html", "the home page (首页)", "home.html", "index.html"),
          ("404.html", "the page every missing address gets (404 页面)", "404.html", "404.html")]),
]


def _without_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files of a built site (`tree_hashes`) but the list of files sitegen wrote, which names them all."""
    return {rel: data for rel, data in files.items() if rel != ".sitegen-manifest"}


@pytest.mark.parametrize("rel, message, hint, moved", SITEGENS_OWN_FILES)
def test_a_file_under_content_at_the_path_of_a_file_sitegen_writes_is_an_error(
        tmp_path: Path, rel: str, message: str, hint: str, moved: str | None) -> None:
    # The file under content/ silently replaced the open data, feeds, sitemap, robots.txt and theme files
    # (a stale tallies.csv beside tallies.json and pages with new figures), and a page silently dropped it.
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    options = BuildOptions(root=root, now=NOW, search=False)
    build(options)
    output = root / "output"
    before = tree_hashes(output)
    path = rel.removeprefix("content/")
    copy = before[path] + b"\n"  # the editor's copy of sitegen's file, saved once more
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(copy)
    expected = [f"{rel}: error: {message}\n  hint: {hint}"]
    assert [p.format() for p in found(root)] == expected
    with pytest.raises(SiteError) as stopped:
        build(options)
    assert [p.format() for p in stopped.value.problems] == expected
    assert tree_hashes(output) == before
    (root / rel).unlink()
    if moved is not None:  # where the hint says to put it: published there, beside sitegen's own file
        (root / moved).parent.mkdir(parents=True, exist_ok=True)
        (root / moved).write_bytes(copy)
    assert found(root) == []
    result = build(options)
    assert result.warnings == []
    after = {} if moved is None else {moved.split("/", 1)[1]: copy}
    if moved is not None and moved.startswith("templates/"):
        # The site's own theme file is published with its copy named by its content, which every page
        # now links (the old copy is gone): as a clean build publishes it.
        published = _without_manifest(tree_hashes(output))
        own = moved.removeprefix("templates/")
        new_copy = fingerprinted(output, own)
        assert published[own] == published[new_copy] == copy
        assert fingerprinted_name(own, before[own]) not in published
        build(BuildOptions(root=root, now=NOW, search=False, clean=True))
        assert _without_manifest(tree_hashes(output)) == published
        return
    assert _without_manifest(tree_hashes(output)) == {**_without_manifest(before), **after}


def test_every_file_a_build_writes_is_refused_under_content(tmp_path: Path) -> None:
    # Each of them, copied from the output into content/ (a site's feed, a series' feed, each data file, each
    # file of the theme, each page), was published in place of sitegen's own or silently dropped.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="tags: [草莓]\n")})
    build(BuildOptions(root=root, now=NOW, search=False))
    written = sorted(_without_manifest(tree_hashes(root / "output")))
    for rel in written:
        (root / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / rel).write_bytes((root / "output" / rel).read_bytes())
    problems = found(root)
    assert [p.path for p in problems] == ["content/" + rel for rel in written]
    assert {(p.line, p.column, p.severity) for p in problems} == {(None, None, "error")}
    assert {"feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml", "data/units.json",
            "data/units/baihe/unit.json",
            "assets/reading-mode.js", "tags/cao-mei/index.html", "archive/index.html"} <= set(written)


def test_the_bundled_example_with_a_copy_of_its_open_data_and_a_new_tally_stops(tmp_path: Path) -> None:
    # check said 0 errors; the build published the copied tallies.csv (296 collected) while tallies.json
    # and the pages showed the new tally's 350.
    root = copy_example(tmp_path / "site")
    options = BuildOptions(root=root, search=False)
    build(options)
    output = root / "output"
    (root / "content/data").mkdir()
    stale = (output / "data/tallies.csv").read_bytes()
    (root / "content/data/tallies.csv").write_bytes(stale)
    unit = root / "content/units/baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "\ntargets:", "  - as_of: 2018-06-30\n    batches: 400\n    collected: 350\n    escalated: 150\n"
        "    resolved: 160\n    in_progress: 40\n\ntargets:", 1), encoding="utf-8")
    before = tree_hashes(output)
    assert [(p.path, p.severity) for p in check(options).problems] == [("content/data/tallies.csv", "error")]
    with pytest.raises(SiteError):
        build(options)
    assert tree_hashes(output) == before
    (root / "content/files").mkdir()
    (root / "content/data/tallies.csv").rename(root / "content/files/tallies.csv")
    build(options)
    assert (output / "files/tallies.csv").read_bytes() == stale
    assert [row.split(",")[4] for row in (output / "data/tallies.csv").read_text("utf-8-sig").splitlines()[1:]] \
        == ["296", "350"]


def test_a_file_where_sitegen_writes_a_folder_or_in_a_folder_named_as_its_file_is_an_error(tmp_path: Path) -> None:
    # check said nothing, and the build stopped with "could not write the output: [Errno 17] File exists" and a
    # hint about the disk space.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "content/dashboard": "统计表",
                                 "content/feed.xml/说明.txt": "订阅说明"})
    options = BuildOptions(root=root, now=NOW, search=False)
    expected = [
        "content/dashboard: error: this file would be published as dashboard, where sitegen writes a folder (for "
        "dashboard/index.html): a file and a folder cannot have one name\n"
        "  hint: rename the file, giving it the ending of its kind (e.g. dashboard.pdf), or move it into "
        "content/files/",
        "content/feed.xml/说明.txt: error: this file would be published in a folder feed.xml/, but feed.xml is a "
        "file sitegen writes: a file and a folder cannot have one name\n"
        "  hint: rename the folder content/feed.xml/, or move the file into content/files/"]
    assert [p.format() for p in found(root)] == expected
    with pytest.raises(SiteError) as stopped:
        build(options)
    assert [p.format() for p in stopped.value.problems] == expected
    assert not (root / "output").exists()
    (root / "content/dashboard").rename(root / "content/dashboard.txt")
    (root / "content/feed.xml").rename(root / "content/files")
    assert found(root) == []
    build(options)
    assert (root / "output/files/说明.txt").read_text(encoding="utf-8") == "订阅说明"


@pytest.mark.parametrize("search", [True, False])
def test_a_file_in_the_search_index_folder_is_an_error_whatever_the_build(tmp_path: Path, search: bool) -> None:
    # check said nothing; the build stopped only once the search index was being made ("the site already has a
    # pagefind/ folder"), and a build without it published the file.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "content/pagefind/说明.txt": "索引说明"})
    expected = ["content/pagefind/说明.txt: error: this file would be published in pagefind/, the folder where "
                "sitegen writes the search index (搜索索引) at every build, which replaces the whole folder\n"
                "  hint: move it into another folder, e.g. content/files/说明.txt"]
    assert [p.format() for p in found(root)] == expected
    with pytest.raises(SiteError) as stopped:
        build(BuildOptions(root=root, now=NOW, search=search))
    assert [p.format() for p in stopped.value.problems] == expected


def test_a_file_that_differs_from_sitegens_own_only_in_case_or_named_as_the_search_folder_is_an_error(
        tmp_path: Path) -> None:
    # Published beside sitegen's own files on Linux, each would replace one where Windows or macOS serve or
    # preview the site; content/pagefind passed check, failed the build, and was published by --no-search.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "content/FEED.XML": "旧的订阅",
                                 "content/Data/Units.json": "{}", "content/pagefind": "说明"})
    case = " are one name where the site is published or previewed on Windows or macOS, which do not tell capitals " \
           "from small letters)"
    problems = {p.path: p.message for p in found(root)}
    assert problems["content/FEED.XML"].endswith(f"never changes (FEED.XML and feed.xml{case}")
    assert problems["content/Data/Units.json"].startswith("this file would replace data/units.json, open data")
    assert problems["content/Data/Units.json"].endswith(f"(Data/Units.json and data/units.json{case}")
    assert problems["content/pagefind"] == ("this file would be published as pagefind, where sitegen writes a folder "
                                           "(for the search index, pagefind/): a file and a folder cannot have one "
                                           "name")
    assert len(problems) == 3
    for search in (True, False):
        with pytest.raises(SiteError):
            build(BuildOptions(root=root, now=NOW, search=search))
    assert not (root / "output").exists()


def test_files_under_content_at_paths_of_their_own_build_clean(tmp_path: Path) -> None:
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(),
                                 "content/images/a.svg": svg, "content/files/报告.pdf": pdf,
                                 "content/assets/logo.png": b"\x89PNG\r\n\x1a\n", "content/data/2018.csv": "a,b\n"})
    assert found(root) == []
    result = build(BuildOptions(root=root, now=NOW, search=False))
    assert result.warnings == []
    output = root / "output"
    assert (output / "images/a.svg").read_text(encoding="utf-8") == svg
    assert (output / "files/报告.pdf").read_bytes() == pdf
    assert (output / "assets/logo.png").is_file() and (output / "data/2018.csv").is_file()


def test_gbk_warning_names_the_encoding_and_undecodable_bytes_give_the_line(tmp_path: Path) -> None:
    gbk = interview("白鹤镇访谈").encode("gbk")
    broken = interview().encode("utf-8").replace("回答。".encode(), b"\xff\xfe\xfd")
    root = write_site(tmp_path, {"content/interviews/gbk.md": gbk, "content/interviews/broken.md": broken})
    problems = found(root)
    assert where(problems) == [("content/interviews/broken.md", 13, 1, "error"),
                               ("content/interviews/gbk.md", None, None, "warning")]
    assert problems[0].message.startswith("the file is not UTF-8 text: byte 0xFF cannot be read")
    assert "GBK/GB18030" in problems[1].message and "Save As (另存为), set the encoding (编码) to UTF-8" in problems[1].hint


# -- pages -------------------------------------------------------------------------------

def test_a_page_dated_in_the_future_is_scheduled_then_published(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/later.md": interview("定时访谈", date="2025-03-01 09:30"),
                                 "content/interviews/now.md": interview(date="2024-12-31 23:59")})
    result = check(BuildOptions(root=root, now=NOW))
    assert result.problems == []
    assert [d.path for d in result.scheduled] == ["content/interviews/later.md"]
    built = build(BuildOptions(root=root, now=NOW))
    assert [d.path for d in built.scheduled] == ["content/interviews/later.md"]
    assert not (root / "output/interviews/later").exists()
    assert (root / "output/interviews/now/index.html").is_file()
    build(BuildOptions(root=root, now=datetime(2025, 3, 1, 9, 30)))
    assert (root / "output/interviews/later/index.html").is_file()


def test_scheduled_pages_are_listed_even_when_the_site_has_errors(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/later.md": interview(date="2030-01-01"),
                                 "content/interviews/bad.md": interview(date="2018-13-01")})
    result = check(BuildOptions(root=root, now=NOW))
    assert where(result.problems) == [("content/interviews/bad.md", 8, 7, "error")]
    assert [d.path for d in result.scheduled] == ["content/interviews/later.md"]


def test_heading_skips_and_images_without_alt_are_warnings(tmp_path: Path) -> None:
    body = "## 问题\n\n回答。\n\n#### 细节\n\n![](images/a.svg)\n"
    extra = "images:\n  - src: images/a.svg\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=extra),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    result = build(BuildOptions(root=root, now=NOW))
    assert [p.format() for p in result.warnings] == [
        'content/interviews/a.md:10:5: warning: image "images/a.svg" has no description (alt text)\n'
        "  hint: add alt: with a short description of the picture (图片说明) for readers who cannot see it",
        "content/interviews/a.md:17:1: warning: heading level jumps from 2 to 4\n"
        "  hint: use ### here (headings go one level at a time; screen readers use them to navigate)",
        "content/interviews/a.md:19:5: warning: image \"images/a.svg\" has no description (alt text)\n"
        "  hint: describe the picture for readers who cannot see it: ![图片说明](images/a.svg)"]


@pytest.mark.parametrize(("typed", "reading"), [
    ("310118101000", "the number 3.10118E+11"), ("100000000000", "the number 1E+11"), ("007", "the number 7"),
    ("101", None), ("12345678901", None),  # a number, shown as typed: 11 digits fit a column of the default width
    ("1e5", "the number 1.00E+05"), ("1-12", "a date"), ("31-12", "a date"), ("2018-12", "a date"),
    ("12-2018", "a date"), ("1-2-3", "a date"), ("2018-1-31", "a date"), ("jun-1", "a date"), ("sept2", "a date"),
    ("1-mar", "a date"), ("march-2018", "a date"),
    ("13-45", None), ("2018-13", None), ("2018-2-30", None), ("1-2-3-4", None), ("baihe", None), ("e5", None),
    ("zhen-310118101000", None), ("decade1", None), ("qu-1", None),
])
def test_what_a_spreadsheet_makes_of_an_id(typed: str, reading: str | None) -> None:
    assert spreadsheet_reading(typed) == reading


def test_a_unit_id_a_spreadsheet_reads_as_a_number_or_a_date_is_warned_at_its_file(tmp_path: Path) -> None:
    # 310118101000.yaml (an administrative code) showed as 3.10118E+11 in Excel, 1-12.yaml as 12-Jan: the
    # unit_id of tallies.csv and the id of units.csv no longer held the id, unwarned.
    huaxin = "name: 华新镇\nlevel: town\ntallies:\n" + tally("2018-04-26", 410, 200, 110, 100)
    page = interview("华新镇访谈").replace("unit: baihe", "unit: 310118101000")
    root = write_site(tmp_path, {"content/units/310118101000.yaml": huaxin,
                                 "content/units/1-12.yaml": "name: 重固镇\nlevel: town\n",
                                 "content/units/007.yaml": "name: 七号\nlevel: [town]\n",
                                 "content/interviews/huaxin.md": page})
    message = ('the unit\'s id "{0}" (its file name) is read by a spreadsheet (Excel) as {1}: the open data\'s '
               "unit_id and id columns (tallies.csv, units.csv) would show that, not the id, and a table saved from "
               "it would no longer join the others")
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root) if "spreadsheet" in p.message] == [
        ("content/units/007.yaml", "warning", message.format("007", "the number 7"),
         # Its level has an error: no level word, but its name's pinyin, read as a valid unit's is.
         "rename the file to qi-hao.yaml (the pinyin of 七号) or unit-007.yaml (a word before it keeps it text)"),
        ("content/units/1-12.yaml", "warning", message.format("1-12", "a date"),
         "rename the file to zhong-gu-zhen.yaml (the pinyin of 重固镇) or zhen-1-12.yaml (zhen, 镇, before it keeps "
         "it text)"),
        ("content/units/310118101000.yaml", "warning", message.format("310118101000", "the number 3.10118E+11"),
         "rename the file to hua-xin-zhen.yaml (the pinyin of 华新镇) or zhen-310118101000.yaml (zhen, 镇, before it "
         'keeps it text), and write the new id in the "unit:" line of content/interviews/huaxin.md')]
    # Followed: the code kept with the level's word, the other renamed to its pinyin; the page names the new id.
    (root / "content/units/007.yaml").unlink()
    (root / "content/units/310118101000.yaml").rename(root / "content/units/zhen-310118101000.yaml")
    (root / "content/units/1-12.yaml").rename(root / "content/units/zhong-gu-zhen.yaml")
    (root / "content/interviews/huaxin.md").write_text(page.replace("310118101000", "zhen-310118101000"), "utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    tallies = (root / "output/data/tallies.csv").read_text("utf-8-sig").splitlines()
    units = (root / "output/data/units.csv").read_text("utf-8-sig").splitlines()
    assert [row.split(",")[0] for row in tallies[1:]] == ["baihe", "zhen-310118101000"]
    assert [row.split(",")[0] for row in units[1:]] == ["baihe", "zhen-310118101000", "zhong-gu-zhen"]


def test_misspelt_unit_names_are_warned_at_line_and_column(tmp_path: Path) -> None:
    body = "## 白鹤镇的草莓\n\n去年百合镇的草莓节，\n白河镇和百合镇都来了。\n"
    unit = UNIT + "summary: 白河镇是草莓之乡。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview('"白河镇访谈"', body=body),
                                 UNIT_PATH: unit})
    problems = found(root)
    assert where(problems) == [
        ("content/interviews/a.md", 2, 9, "warning"), ("content/interviews/a.md", 13, 3, "warning"),
        ("content/interviews/a.md", 14, 1, "warning"), ("content/interviews/a.md", 14, 5, "warning"),
        (UNIT_PATH, 11, 10, "warning")]
    assert [p.message for p in problems] == [
        '"白河镇" is a misspelling of the unit name 白鹤镇', '"百合镇" is a misspelling of the unit name 白鹤镇',
        '"白河镇" is a misspelling of the unit name 白鹤镇', '"百合镇" is a misspelling of the unit name 白鹤镇',
        '"白河镇" is a misspelling of the unit name 白鹤镇']
    assert {p.hint for p in problems} == {"write 白鹤镇"}


# -- typed values -----------------------------------------------------------------------

def test_text_fields_keep_exactly_what_was_typed(tmp_path: Path) -> None:
    extra = "summary: 1:30\ntags: [no, on, yes, '010', 1.10]\n"
    root = write_site(tmp_path, {"content/interviews/no.md": interview("no", body="回答。\n", extra=extra)})
    build(BuildOptions(root=root, now=NOW))
    page = (root / "output/interviews/no/index.html").read_text(encoding="utf-8")
    assert "<h1>no</h1>" in page and "1:30" in page
    for tag in ("no", "on", "yes", "010", "1.10"):
        assert f">{tag}</a>" in page


@pytest.mark.parametrize("typed", ["2018-04-26", "2018-4-26", "2018/4/26", "2018.4.26", "2018年4月26日",
                                   "２０１８－０４－２６"])
def test_date_spellings(typed: str) -> None:
    assert parse_date(typed).isoformat() == "2018-04-26"


def test_unknown_fields_get_a_did_you_mean(tmp_path: Path) -> None:
    assert did_you_mean("interveiwee", ["title", "interviewee"]) == "interviewee"
    assert did_you_mean("interview_start", ["title", "interviewee"]) is None
    assert did_you_mean("标题", ["title", "date"]) == "title"
    assert did_you_mean("As-Of", ["as_of"]) == "as_of"
    assert did_you_mean("description", ["title", "summary"]) == "summary"
    # "tally" is 3 edits from "tallies": the hint said "remove it", which throws the figures away.
    assert did_you_mean("tally", ["name", "tallies", "targets"]) == "tallies"
    assert did_you_mean("Action", ["actions", "outcome"]) == "actions"
    # A contact's "tel:" and a milestone's "desc:" were told "remove it, or use one of: url" / "…: description".
    assert [did_you_mean(key, ["email", "phone", "url"]) for key in ("tel", "Telephone", "电话", "手机", "邮箱", "mail")] \
        == ["phone", "phone", "phone", "phone", "email", "email"]
    assert [did_you_mean("desc", fields) for fields in (["title", "summary"], ["date", "title", "description"])] \
        == ["summary", "description"]
    root = write_site(tmp_path / "unit", {UNIT_PATH: UNIT.replace("tallies:", "tally:")})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:4:1: error: unknown field "tally" (did you mean "tallies"?)\n  hint: rename it to "tallies"']
    text = interview().replace("interviewee:", "interveiwee:")
    root = write_site(tmp_path, {"content/interviews/a.md": text})
    # One message, not also 'the field "interviewee" is missing': the rename fixes both.
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:5:1: error: unknown field "interveiwee" (did you mean "interviewee"?)\n'
        '  hint: rename it to "interviewee"']


CASE_FIELDS = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓企业希望做大做强。\n"
               "actions: [走访]\ndate: 2018-05-03\n---\n\n正文。\n")


def rename_as_hinted(root: Path, problem: Problem) -> None:
    """Do what an unknown field's hint 'rename it to "…"' says: the key at the problem's place becomes the name."""
    typed = problem.message.split('"')[1]
    meant = problem.hint.removeprefix('rename it to "').removesuffix('"')
    path = root / problem.path
    lines = path.read_text(encoding="utf-8").split("\n")
    line, start = lines[problem.line - 1], problem.column - 1
    assert line[start:start + len(typed)] == typed
    lines[problem.line - 1] = line[:start] + meant + line[start + len(typed):]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("path", "text", "typed", "where", "meant"), [
    # "did you mean resolved?", which the tally has: renaming it made the key "resolved" twice.
    (UNIT_PATH, UNIT, "unresolved", "10:5 in tallies → item 1", '"in_progress"'),
    # "remove it, or use one of: …", which threw the figure away.
    (UNIT_PATH, UNIT, "processing", "10:5 in tallies → item 1", '"in_progress"'),
    (UNIT_PATH, UNIT, "未解决", "10:5 in tallies → item 1", '"in_progress"'),
    (UNIT_PATH, UNIT, "remaining", "10:5 in tallies → item 1", '"in_progress", the field missing there'),
    (UNIT_PATH, UNIT, "resolve", "10:5 in tallies → item 1", '"in_progress", the field missing there'),
    (UNIT_PATH, UNIT + "targets:\n  - group: residents\n    target: 80\n", "share", "13:5 in targets → item 1",
     '"target", the field missing there'),
    ("content/interviews/a.md", interview(), "position", "7:3 in interviewee", '"role", the field missing there'),
    ("content/cases/a.md", CASE_FIELDS, "issue", "5:1", '"problem", the field missing there'),
    ("content/series/dadiaoyan.yaml", SERIES, "publishing_house", "3:1", '"publisher", the field missing there'),
])
def test_an_unknown_field_is_told_the_field_missing_beside_it_never_one_typed_there(
        tmp_path: Path, path: str, text: str, typed: str, where: str, meant: str) -> None:
    key = {"unresolved": "in_progress", "processing": "in_progress", "未解决": "in_progress",
           "remaining": "in_progress", "resolve": "in_progress", "share": "target", "position": "role",
           "issue": "problem", "publishing_house": "publisher"}[typed]
    line = next(line for line in text.split("\n") if line.strip().startswith(key + ":"))
    root = write_site(tmp_path, {path: text.replace(line, line.replace(key + ":", typed + ":"))})
    place, _, block = where.partition(" ")
    problems = found(root)
    name = meant.split('"')[1]
    # One message: not also 'the field "in_progress" is missing', which the rename fixes.
    assert [p.format() for p in problems] == [
        f'{path}:{place}: error: unknown field "{typed}"{" " if block else ""}{block} (did you mean {meant}?)\n'
        f'  hint: rename it to "{name}"']
    rename_as_hinted(root, problems[0])
    assert found(root) == []


def test_an_unknown_field_in_a_block_with_every_field_is_told_so(tmp_path: Path) -> None:
    # "resolve" is close to "resolved", typed on the line above: the hint said "rename it to resolved".
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("    resolved: 103\n", "    resolved: 103\n    resolve: 3\n")
                                 .replace("    in_progress: 50\n", "    in_progress: 50\n    note: 来源\n")})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:10:5: error: unknown field "resolve" in tallies → item 1 ("resolved" is typed already, on line '
        "9)\n"
        "  hint: remove it: every field that can be here (as_of, batches, collected, escalated, resolved, "
        "in_progress, note) is typed already"]


def test_a_field_typed_outside_the_block_that_holds_it_gets_where_to_move_it(tmp_path: Path) -> None:
    # "role:" not indented under "interviewee:", "email:" without "contact:", "collected:" outside any
    # tally: each was an unknown field whose hint was "remove it, or use one of: …", which loses what was typed.
    text = interview().replace("  role: 党委书记", "role: 党委书记")
    unit = UNIT + "collected: 300\n"
    root = write_site(tmp_path, {"content/interviews/a.md": text, UNIT_PATH: unit},
                      config="title: 测试站点\nbase_url: https://example.org/\nemail: diaoyan@example.org\n")
    # One message for role:, not also 'the field "role" is missing in interviewee'. Right below interviewee:,
    # it is told the line to indent; collected: is not, since the tally above it has its collected: already.
    in_content = [
        'content/interviews/a.md:7:1: error: unknown field "role" (it is a field of interviewee)\n'
        "  hint: it probably lost its indent: indent line 7 by 2 spaces, lined up with the fields of interviewee "
        "above it",
        f'{UNIT_PATH}:11:1: error: unknown field "collected" (it is a field of each item of tallies)\n'
        '  hint: move it into an item of tallies: under a "- " line of tallies:, indented as that item\'s other '
        "fields"]
    # The setting moved out of site.yaml stands aside while the content is checked: all three are told at once.
    assert [p.format() for p in found(root)] == [*in_content,
        'site.yaml:3:1: error: unknown field "email" (it is a field of contact)\n'
        '  hint: move it under contact: below the line "contact:" (add that line if there is none), indented by '
        'two spaces ("  email: …")']
    (root / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    assert [p.format() for p in found(root)] == in_content


def test_a_field_of_a_block_is_told_where_to_move_before_a_guess_and_every_block_holding_it_is_named(
        tmp_path: Path) -> None:
    # name: typed outside interviewee: was only "did you mean title?" (a synonym), beside 'the field "name" is
    # missing in interviewee'; a target's note: left out of its item was told to move into a tally; 职务: (role)
    # got "remove it"; interviewee: left empty above its unindented fields was a third message.
    page = interview().replace("  name: 受访人\n", "").replace("date:", "name: 受访人\ndate:")
    empty = interview("另一篇").replace("  name: 受访人\n  role: 党委书记", "name: 受访人\n职务: 党委书记")
    unit = UNIT + "targets:\n  - group: residents\n    target: 80\nnote: 目标备注\n"
    root = write_site(tmp_path, {"content/interviews/a.md": page, "content/interviews/b.md": empty, UNIT_PATH: unit})
    move = 'move it under interviewee: below the line "interviewee:" (add that line if there is none), indented by two '
    # Both pages have their title: line, so name: is not offered as one (that would type title: twice).
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:7:1: error: unknown field "name" (it is a field of interviewee)\n'
        "  hint: it probably lost its indent: indent line 7 by 2 spaces, lined up with the fields of interviewee "
        "above it",
        'content/interviews/b.md:6:1: error: unknown field "name" (it is a field of interviewee)\n'
        f'  hint: {move}spaces ("  name: …")',
        'content/interviews/b.md:7:1: error: unknown field "职务" (it is the field "role" of interviewee)\n'
        f'  hint: {move}spaces ("  role: …")',
        f'{UNIT_PATH}:14:1: error: unknown field "note" (it is a field of each item of tallies and of each item of '
        "targets)\n  hint: it probably lost its indent: indent line 14 by 4 spaces, lined up with the fields of "
        "targets → item 1 above it"]


def test_a_field_of_a_block_typed_twice_without_its_indent_is_told_where_each_belongs(tmp_path: Path) -> None:
    # note: not indented under a tally, then under a target, was only "the key "note" appears twice …; keep one
    # "note" line and delete or rename the other", which loses a note; where each belongs came only after that.
    targets = "targets:\n  - group: institutions\n    target: 100\n    note: 机构\n  - group: residents\n    target: 80\n"
    milestones = "milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n"
    unit = UNIT + "note: 累计数\n\n" + targets + "note: 居民\n\n" + milestones
    root = write_site(tmp_path, {UNIT_PATH: unit})
    first = (f'{UNIT_PATH}:11:1: error: unknown field "note" (it is a field of each item of tallies and of each item '
             "of targets)\n  hint: it probably lost its indent: indent line 11 by 4 spaces, lined up with the fields "
             "of tallies → item 1 above it")
    assert [p.format() for p in found(root)] == [
        first,
        f'{UNIT_PATH}:19:1: error: the key "note" appears twice in the same block; it was first given on line 11, '
        "and it is a field of each item of tallies and of each item of targets, so this line probably lost its indent "
        "and belongs under targets → item 2 above it\n"
        "  hint: indent line 19 by 4 spaces, lined up with the fields of targets → item 2 above it"]
    # Each mended in turn: the other is told the same as before.
    (root / UNIT_PATH).write_text(unit.replace("note: 居民", "    note: 居民"), encoding="utf-8")
    assert [p.format() for p in found(root)] == [first]
    (root / UNIT_PATH).write_text(unit.replace("note: 累计数", "    note: 累计数"), encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:19:1: error: unknown field "note" (it is a field of each item of tallies and of each item of '
        "targets)\n  hint: it probably lost its indent: indent line 19 by 4 spaces, lined up with the fields of "
        "targets → item 2 above it"]
    (root / UNIT_PATH).write_text(unit.replace("note: ", "    note: ").replace("        note: 机构", "    note: 机构"),
                                  encoding="utf-8")
    assert found(root) == []
    # Below a block that has no such field (a milestone), the second is told whose field it is, not to indent it.
    (root / UNIT_PATH).write_text(UNIT + "note: 累计数\n\n" + targets + milestones + "note: 居民\n", encoding="utf-8")
    assert [p.format() for p in found(root)] == [
        first,
        f'{UNIT_PATH}:22:1: error: the key "note" appears twice in the same block; it was first given on line 11, '
        "and it is a field of each item of tallies and of each item of targets, not of this block\n"
        "  hint: move it into the block it belongs to (each item of tallies or each item of targets), indented as "
        "that block's other fields"]


def test_a_field_given_twice_in_its_own_block_is_told_to_keep_one(tmp_path: Path) -> None:
    # Twice in a tally, or a field of the unit twice: no talk of indents.
    unit = UNIT + "    note: 一\n    note: 二\nsummary: 甲\nsummary: 乙\n"
    root = write_site(tmp_path, {UNIT_PATH: unit})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:12:5: error: the key "note" appears twice in the same block; it was first given on line 11\n'
        '  hint: keep one "note" line and delete or rename the other',
        f'{UNIT_PATH}:14:1: error: the key "summary" appears twice in the same block; it was first given on line 13\n'
        '  hint: keep one "summary" line and delete or rename the other']


def test_a_page_naming_several_units_is_told_to_name_one(tmp_path: Path) -> None:
    # unit: [baihe, huaxin] got "expected text, got a list" with the hint to wrap it in quotes, which
    # led to 'there is no unit "[baihe, huaxin]"'.
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", "unit: [baihe, huaxin]"),
                                 "content/interviews/b.md": interview("另一篇").replace("unit: baihe", "unit: []")})
    assert [p.format() for p in found(root)] == [
        "content/interviews/a.md:4:7: error: unit: a page names one record here, not a list\n"
        "  hint: write one id: baihe (or huaxin); a page with figures of several units names the one it is about, "
        "and links to the others in its text",
        "content/interviews/b.md:4:7: error: unit: a page names one record here, not a list\n"
        "  hint: write one id, e.g. baihe"]


def test_a_title_set_in_brackets_is_offered_the_line_in_quotes(tmp_path: Path) -> None:
    # title: [华新镇访谈] got "expected text, got a list" and a general hint, where others give the line to type.
    page = interview().replace("title: 白鹤镇访谈", "title: [华新镇访谈]").replace("role: 党委书记", 'role: [党委"书记"]')
    root = write_site(tmp_path, {"content/interviews/a.md": page})
    assert [p.format() for p in found(root)] == [
        "content/interviews/a.md:2:8: error: title: expected text, got a list\n"
        '  hint: the brackets [ ] make a list (列表) in YAML; to show them, wrap the whole value in quotes: '
        'title: "[华新镇访谈]"',
        "content/interviews/a.md:7:9: error: interviewee → role: expected text, got a list\n"
        "  hint: the brackets [ ] make a list (列表) in YAML; to show them, wrap the whole value in quotes: "
        """role: '[党委"书记"]'"""]
    (root / "content/interviews/a.md").write_text(
        page.replace("title: [华新镇访谈]", 'title: "[华新镇访谈]"').replace('role: [党委"书记"]', """role: '[党委"书记"]'"""),
        encoding="utf-8")
    assert found(root) == []
    # A list under its key is no title in brackets: the general hint stays.
    (root / "content/interviews/a.md").write_text(page.replace("title: [华新镇访谈]", "title:\n  - 华新镇访谈")
                                                  .replace('role: [党委"书记"]', "role: 书记"), encoding="utf-8")
    assert [p.hint for p in found(root)] == [
        'write the text on the same line after the colon; if it contains ": " or starts with "-" or "[", wrap it in '
        "quotes"]


def test_a_page_naming_several_series_is_told_about_series_not_units(tmp_path: Path) -> None:
    # series: [a, b] was told "a page with figures of several units names the one it is about", and
    # series: [] was offered the unit id baihe.
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview().replace("series: dadiaoyan", "series: [dadiaoyan, ' other ']"),
        "content/interviews/b.md": interview("另一篇").replace("series: dadiaoyan", "series: []")})
    assert [p.format() for p in found(root)] == [
        "content/interviews/a.md:3:9: error: series: a page names one record here, not a list\n"
        "  hint: write one id: dadiaoyan (or other); a page belongs to one series",
        "content/interviews/b.md:3:9: error: series: a page names one record here, not a list\n"
        "  hint: write one id, e.g. dadiaoyan"]


def test_a_closed_vocabulary_lists_the_allowed_values(tmp_path: Path) -> None:
    choices = ("district (区), town (镇), subdistrict (街道), committee (委办局), village (村), community (社区), "
               "park (园区)")
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("level: town", "level: 市")})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:2:8: error: "市" is not one of the allowed values for "level"\n  hint: use one of: {choices}']
    # A missing level was told 'add a line "level: …"', the values to choose from only after a wrong one.
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("level: town\n", "")})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:1:1: error: the field "level" is missing\n  hint: add a line "level: …" with one of: {choices}']
    # Below notes, as the files of sitegen new and the example begin: it was at 1:1, the first note.
    root = write_site(tmp_path, {UNIT_PATH: "# 单位：白鹤镇\n\n# 数字按原文录入。\n" + UNIT.replace("level: town\n", "")})
    assert [p.location() for p in found(root)] == [f"{UNIT_PATH}:4:1"]
    # 乡 (a township) and 乡镇 are a town's level, 街道办 a subdistrict's; published, they would read 镇 and 街道.
    # A value with its label (town (镇)), the hint's old form typed as shown, names that value too.
    for typed, meant in (("乡", "town"), ("乡镇", "town"), ("town (镇)", "town"), ("镇 town", "town"),
                         ("街道办", "subdistrict")):
        root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("level: town", f"level: {typed}")})
        label = {"town": "镇", "subdistrict": "街道"}[meant]
        assert [p.format() for p in found(root)] == [
            f'{UNIT_PATH}:2:8: error: "{typed}" is not one of the allowed values for "level"\n'
            f"  hint: write level: {meant}, or level: {label} as the pages show it"]
    # The word the pages show is the value: 镇 is read as town.
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("level: town", "level: 镇")})
    assert found(root) == []


def test_site_settings_get_messages_too(tmp_path: Path) -> None:
    config = "site_title: 测试\nbase_url: example.org\nper_page: 十\n"
    root = write_site(tmp_path, {}, config=config)
    assert [p.format() for p in found(root)] == [
        'site.yaml:1:1: error: unknown field "site_title" (did you mean "title"?)\n  hint: rename it to "title"',
        # The hint gave example addresses: the one typed, with https:// before it, is the one meant.
        'site.yaml:2:11: error: base_url: "example.org" is not a full web address: "https://" is missing before it\n'
        "  hint: write https://example.org/ (or http:// if the server has no https)",
        'site.yaml:3:11: error: "per_page" should be a whole number, not "十"\n  hint: write the digits alone: 10']
    # Typed with an input method's full-width colon and slash: the hint gave an example, not the address typed.
    root = write_site(tmp_path / "wide", {}, config="title: 测试\nbase_url: https：//example.org／qingpu/\n")
    assert [p.format() for p in found(root)] == [
        'site.yaml:2:11: error: base_url: "https：//example.org／qingpu/" is typed with full-width signs (全角符号), '
        "which an address cannot hold\n  hint: type it in half width (半角): https://example.org/qingpu/"]


def test_a_page_s_field_errors_are_told_beside_a_yaml_slip_read_past_as_its_hint_mends_it(tmp_path: Path) -> None:
    # "draft：false" was told alone; the tags typed with a full-width comma came at the next run, once it was mended.
    page = interview(extra="draft：false\ntags: [大调研，停车]\n")
    root = write_site(tmp_path, {"content/interviews/a.md": page})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:9:6: error: "draft：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: draft: false",
        'content/interviews/a.md:10:7: error: tags: the tag "大调研，停车" has a full-width comma (，) or 顿号 (、) in it, '
        "so it is one tag\n  hint: write the tags separated by English commas: tags: [大调研, 停车]; if \"大调研，停车\" "
        "is one tag, put it in quotes: \"大调研，停车\""]
    # Both mended as told: the page reads clean.
    page = interview(extra="draft: false\ntags: [大调研, 停车]\n")
    assert found(write_site(tmp_path / "mended", {"content/interviews/a.md": page})) == []


def test_a_date_whose_day_was_not_typed_to_its_end_is_warned_with_both_readings(tmp_path: Path) -> None:
    # as_of: 2018-06-3, saved while typing 2018-06-30, was published as 2018-06-03 without a word.
    unit = UNIT.replace("as_of: 2018-04-26", "as_of: 2018-04-2")
    page = interview(date="2018-05-3 10:00")
    root = write_site(tmp_path, {UNIT_PATH: unit, "content/interviews/a.md": page})
    assert [p.format() for p in found(root) if p.severity == "warning"] == [
        'content/interviews/a.md:8:7: warning: date: "2018-05-3 10:00" gives the month in two digits (05) and the '
        "day in one (3), so it is read as 2018-05-03, and the page shows that day: was the day typed to its end?\n"
        "  hint: if the day is 3 (3日), write 2018-05-03 10:00, as the month is written; if it was not typed in full "
        "(e.g. 2018-05-30 10:00), complete it",
        'content/units/baihe.yaml:5:12: warning: tallies → item 1 → as_of: "2018-04-2" gives the month in two digits '
        "(04) and the day in one (2), so it is read as 2018-04-02, and the unit's page shows that day: was the day "
        "typed to its end?\n  hint: if the day is 2 (2日), write 2018-04-02, as the month is written; if it was not "
        "typed in full (e.g. 2018-04-20), complete it"]
    # A case study citing the date in full was offered the cut one ("did you mean 2018-04-02?"), the wrong way round.
    case = CASE.replace("date:", "related_tally: 2018-04-26\ndate:")
    root = write_site(tmp_path / "cited", {UNIT_PATH: unit, "content/cases/caomei.md": case})
    assert [p.format() for p in found(root) if p.severity == "error"] == [
        "content/cases/caomei.md:7:16: error: unit baihe has no tally of 2018-04-26\n"
        "  hint: unit baihe's tally is dated 2018-04-2 (content/units/baihe.yaml:5:12), read as 2018-04-02: if it is "
        "2018-04-26 not typed to its end, complete it there (as_of: 2018-04-26), and this line may stay as it is"]
    # Written alike, month and day, either way: no warning.
    for typed in ("2018-4-2", "2018-04-02", "2018/4/2", "2018-04-12", "2018年4月2日"):
        root = write_site(tmp_path / str(len(typed)) / typed.replace("/", "_"), {
            UNIT_PATH: UNIT.replace("as_of: 2018-04-26", f"as_of: {typed}")})
        assert [p.message for p in found(root) if "typed to its end" in p.message] == []


def test_a_slip_in_a_setting_the_command_line_replaces_is_told_all_the_same(tmp_path: Path) -> None:
    # sitegen serve builds for its own address into its own folder, replacing base_url: and output_dir: as
    # --base-url and --output do: a slip typed in those lines passed the preview unseen, and sitegen build stopped.
    config = "title: 测试\nbase_url: https：//example.org／qingpu/\noutput_dir: C:\\site\\output\n"
    root = write_site(tmp_path, {}, config=config)
    told = ['site.yaml:2:11: error: base_url: "https：//example.org／qingpu/" is typed with full-width signs (全角符号), '
            "which an address cannot hold\n  hint: type it in half width (半角): https://example.org/qingpu/",
            'site.yaml:3:13: error: output_dir: "C:\\site\\output" starts with the drive C:, which only Windows has: '
            "here it would be a folder inside the site folder\n  hint: write the whole path (e.g. /home/editor/out) "
            "or a path from the site folder (e.g. ../out)"]
    for options in (BuildOptions(root=root, search=False),
                    BuildOptions(root=root, base_url="http://127.0.0.1:8000/", output=str(tmp_path / "preview"),
                                 search=False)):
        with pytest.raises(SiteError) as refused:
            build(options)
        assert [p.format() for p in refused.value.problems] == told
    assert not (tmp_path / "preview").exists()
    # Typed right, a value the command line replaces is not told of.
    root = write_site(tmp_path / "right", {}, config="title: 测试\nbase_url: https://example.org/qingpu/\n")
    result = build(BuildOptions(root=root, base_url="http://127.0.0.1:8000/", output=str(tmp_path / "p2"),
                                search=False))
    assert [p.format() for p in result.warnings if p.path == "site.yaml"] == []
    assert result.config.base_url == "http://127.0.0.1:8000/"


_UNEVEN = UNIT.replace("collected: 296", "collected: 999")
_UNEVEN_TOLD = ("content/units/baihe.yaml:7:16: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 "
                "+ in progress 50 = 296, but collected is 999\n  hint: check the four figures against the source "
                "document: 提交区级 + 已解决 + 办理中 must equal 收集")


def test_settings_with_defaults_to_stand_in_hide_no_content_error_from_check(tmp_path: Path) -> None:
    # check printed the two site.yaml errors alone: the tally that no longer added up waited for another run.
    config = "title: 测试站点\nperpage: 10\ntime_zone: Asia/Beijing\n"
    root = write_site(tmp_path, {"content/units/baihe.yaml": _UNEVEN}, config=config)
    settings = ['site.yaml:2:1: error: unknown field "perpage" (did you mean "per_page"?)\n  hint: rename it to '
                '"per_page"',
                'site.yaml:3:12: error: time_zone: unknown time zone "Asia/Beijing"\n'
                "  hint: use a name such as Asia/Shanghai (北京时间)"]
    assert [p.format() for p in found(root)] == [_UNEVEN_TOLD, *settings]
    # A build stops at the settings, as before, and writes nothing.
    with pytest.raises(SiteError) as refused:
        build(BuildOptions(root=root, search=False))
    assert [p.format() for p in refused.value.problems] == settings
    assert not (root / "output").exists()


def test_a_refused_setting_that_decides_how_links_are_checked_stops_the_check_at_site_yaml(tmp_path: Path) -> None:
    # With the default in place of base_url: or permalinks:, the links of the pages would be checked by another
    # address than the site's, and told wrong.
    for typed in ("base_url: https://example.org//q/", "permalinks:\n  units: /units/"):
        root = write_site(tmp_path / str(len(typed)), {"content/units/baihe.yaml": _UNEVEN},
                          config=f"title: 测试站点\ntime_zone: Asia/Beijing\n{typed}\n")
        assert [p.path for p in found(root)] == ["site.yaml", "site.yaml"]


@pytest.mark.parametrize("typed, message, hint", [
    # Every link began "//r/…": a browser reads that as the address of a host named "r".
    ("https://example.org//r/", 'has an empty part ("//") in its path, which browsers read as another host\'s address',
     "write one / between the parts: https://example.org/r/"),
    # The home page's address: every link went to /reports/index.html/assets/… and was a 404.
    ("https://example.org/reports/index.html", "is the address of a page, not of the folder the site is in",
     "write the folder's address: https://example.org/reports/"),
    # The address of one of the site's own files, copied from the browser: every link went to
    # /reports/sitemap.xml/assets/… and the canonical link read …/sitemap.xml/.
    ("https://example.org/reports/sitemap.xml", "is the address of the site's sitemap (sitemap.xml), not of the "
     "folder the site is in", "write the folder's address: https://example.org/reports/"),
    ("https://example.org/reports/Feed.xml", "is the address of the site's feed (feed.xml), not of the folder the "
     "site is in", "write the folder's address: https://example.org/reports/"),
    ("https://example.org/robots.txt", "is the address of the site's robots.txt, not of the folder the site is in",
     "write the folder's address: https://example.org/"),
    ("https://example.org/r/datapackage.json", "is the address of the open data's description (datapackage.json), "
     "not of the folder the site is in", "write the folder's address: https://example.org/r/"),
    ("https://example.org/r/data.json", "is the address of a file (data.json), not of the folder the site is in",
     "write the folder's address: https://example.org/r/ (if data.json is itself a folder, end the address with "
     '"/": https://example.org/r/data.json/)'),
    ("https://example.org/r/%E9%80%9A%E7%9F%A5.PDF", "is the address of a file (通知.PDF), not of the folder the "
     "site is in", "write the folder's address: https://example.org/r/ (if 通知.PDF is itself a folder, end the "
     'address with "/": https://example.org/r/%E9%80%9A%E7%9F%A5.PDF/)'),
    ("https://example.org/r/tallies.xlsx", "is the address of a file (tallies.xlsx), not of the folder the site is "
     'in', "write the folder's address: https://example.org/r/ (if tallies.xlsx is itself a folder, end the address "
     'with "/": https://example.org/r/tallies.xlsx/)'),
    # The password was published in every page's canonical link, the feeds and the sitemap.
    ("https://editor:secret@example.org/r/", "holds a user name or password (editor:secret@), which every page "
     "would publish", "remove it: https://example.org/r/"),
    ("https://example.org/r/../s/", 'has "." or ".." in its path', "write the address without them: https://example.org/s/"),
    # Percent-encoded, the dots were taken: href="/q/%2e%2e/assets/site.css", which browsers read as /assets/….
    ("https://example.org/q/%2e%2e/", 'has "." or ".." in its path (%2e%2e: %2e is "." percent-encoded, and '
     "browsers read it so)", "write the address without them: https://example.org/"),
    ("https://example.org/q/%2E./r/", 'has "." or ".." in its path (%2E.: %2e is "." percent-encoded, and '
     "browsers read it so)", "write the address without them: https://example.org/r/"),
    ("https://example.org/q/.%2E/", 'has "." or ".." in its path (.%2E: %2e is "." percent-encoded, and '
     "browsers read it so)", "write the address without them: https://example.org/"),
    ("https://example.org/q/%2e/r/", 'has "." or ".." in its path (%2e: %2e is "." percent-encoded, and '
     "browsers read it so)", "write the address without them: https://example.org/q/r/"),
    # An empty fragment passed, became "…/#/" once the "/" was added, and --base-url blamed site.yaml for it.
    ("https://example.org/r/#", "has a ?query or #fragment", "remove everything from the ? or # on: https://example.org/r/"),
    ("https://example.org/?", "has a ?query or #fragment", "remove everything from the ? or # on: https://example.org/"),
    # A space in the host was published in every canonical link, feed and sitemap entry ("https://example.org /").
    ("https://example.org /r/", "has a space in its host name (域名), which an address cannot hold",
     "delete the space: https://example.org/r/"),
    ("https://www.\u3000example.org/", "has a space in its host name (域名), which an address cannot hold",
     "delete the space: https://www.example.org/"),
    ("https://example.org/qingpu/ diaoyan/", 'has a space beside a "/", most often a line break copied with it, '
     "which breaks the address", "delete the space: https://example.org/qingpu/diaoyan/"),
    # Typed with Windows' \: the host ran to the end ("example.org\qingpu\"), every page linked /assets/… at the
    # domain's root, and the canonical links and the sitemap read "https://example.org\qingpu\/units/baihe/".
    ("https://example.org\\qingpu\\", "has \\ between its parts (as Windows shows folders), where a web address has /",
     "write / between the parts: https://example.org/qingpu/"),
    ("https:\\\\example.org\\qingpu\\diaoyan", "has \\ between its parts (as Windows shows folders), where a web "
     "address has /", "write / between the parts: https://example.org/qingpu/diaoyan"),
    # A space in the path was published as /qing%20pu/, a folder the host most likely has not.
    ("https://example.org/qing pu/", "has a space in its path, which every link would carry as %20",
     "delete the space: https://example.org/qingpu/ (if the folder's name does hold a space, write it as %20: "
     "https://example.org/qing%20pu/)"),
    ("https://example.org/qing\u3000pu/da diao/", "has a space in its path, which every link would carry as %20",
     "delete the spaces: https://example.org/qingpu/dadiao/ (if the folder's name does hold a space, write it as "
     "%20: https://example.org/qing%20pu/da%20diao/)"),
    ("https://example.org/“qingpu”/", "has the sign “ in its path, which no folder of a web address is named with: "
     "every link would carry it percent-encoded", "delete them: https://example.org/qingpu/"),
    ("https://example.org/qingpu。diaoyan/", "has the sign 。 in its path, which no folder of a web address is named "
     "with: every link would carry it percent-encoded", "delete it: https://example.org/qingpudiaoyan/"),
    ('https://example.org/qing"pu/', 'has the sign " in its path, which no folder of a web address is named with: '
     "every link would carry it percent-encoded", "delete it: https://example.org/qingpu/"),
    ("https://example.org/ｑｉｎｇｐｕ/", "has the full-width (全角) ｑ in its path, which browsers do not read as q: "
     "every link would carry it percent-encoded", "type it in half width (半角): https://example.org/qingpu/"),
    ("https://example.org/qing－pu/", "has the full-width (全角) － in its path, which browsers do not read as -: "
     "every link would carry it percent-encoded", "type it in half width (半角): https://example.org/qing-pu/"),
])
def test_a_base_url_that_would_send_links_elsewhere_is_refused(tmp_path: Path, typed: str, message: str,
                                                               hint: str) -> None:
    root = write_site(tmp_path, {}, config=f"title: 测试\nbase_url: {typed}\n")
    assert [p.format() for p in found(root)] == [f'site.yaml:2:11: error: base_url: "{typed}" {message}\n  hint: {hint}']
    # The same address given to --base-url is refused before anything is built.
    with pytest.raises(SiteError) as refused:
        build(BuildOptions(root=root, base_url=typed, search=False))
    assert [p.format() for p in refused.value.problems] == [
        f'sitegen: error: --base-url: "{typed}" {message}\n  hint: {hint}']
    assert not (root / "output").exists()


@pytest.mark.parametrize("typed, hint", [
    ("中文", "write zh-CN (简体中文)"),
    ("zh_CN", 'write zh-CN (a language tag is written with "-", not "_")'),
    ("繁體中文", "write zh-TW (繁體中文)"),
    ("English", "write en (English)"),
    ("cn", "write zh-CN (简体中文)"),
    ("Chinese (China)", "write zh-CN (简体中文), or another language tag such as en (English)"),
])
def test_the_language_must_be_a_language_tag(tmp_path: Path, typed: str, hint: str) -> None:
    # language: 中文 was published as <html lang="中文">, in the feeds and the structured data too.
    root = write_site(tmp_path, {}, config=f"title: 测试站点\nlanguage: {typed}\n")
    assert [p.format() for p in found(root)] == [
        f'site.yaml:2:11: error: language: "{typed}" is not a language tag (语言代码, BCP 47) such as zh-CN\n'
        f"  hint: {hint}"]


@pytest.mark.parametrize("typed", ["zh-CN", "zh-Hans", "zh-Hant-TW", "zh-cmn-Hans-CN", "en", "en-US", "yue-HK",
                                   "es-419", "de-CH-1996", "zh-CN-x-qingpu"])
def test_language_tags_are_accepted_as_typed(tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {}, config=f"title: 测试站点\nlanguage: {typed}\n")
    assert found(root) == []


def test_number_settings_typed_in_full_width_digits_are_read_as_counts_are(tmp_path: Path) -> None:
    # per_page: １０ was refused ("should be a whole number"), while collected: ２９６ is read as 296.
    pages = {f"content/interviews/p{n}.md": interview(f"访谈{n}", date=f"2018-05-0{n + 1} 10:00") for n in range(3)}
    config = "title: 测试站点\nper_page: ２\nreading_speed: ５００\nsummary_length: １２０\nfeed_entries: ５\n"
    root = write_site(tmp_path, pages, config=config)
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert (root / "output/interviews/page/2/index.html").is_file()
    assert not (root / "output/interviews/page/3").exists()
    root = write_site(tmp_path / "zero", {}, config="title: 测试站点\nper_page: ０\n")
    assert [p.format() for p in found(root)] == [
        'site.yaml:2:11: error: "per_page" is 0, less than the smallest allowed value 1\n  hint: use a number from 1 up']


def test_no_message_uses_programmers_words(tmp_path: Path) -> None:
    """Many wrong values at once: every message is placed, has a hint, and has no pydantic or Python words."""
    unit = (UNIT.replace("level: town", "level: [town]").replace("collected: 296", "collected: {a: 1}")
            + "aliases: {a: b}\ntargets:\n  - target: x\n    group: 1\n    measured: []\n")
    page = ("---\ntitle: {a: b}\nseries: [x]\nunit:\ninterviewee: [a]\ndate: ~\ndraft: 2\ntags: {a: b}\n"
            "images: x\nsource: 来源\nslug: 白鹤\n---\n")
    root = write_site(tmp_path, {UNIT_PATH: unit, "content/interviews/a.md": page},
                      config="title: t\nper_page: 0\nreading_speed: x\npermalinks: x\ntime_zone: 北京\n")
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, now=NOW))
    problems = failure.value.problems
    assert len(problems) >= 4
    (root / "site.yaml").write_text("title: t\n", encoding="utf-8")
    problems += found(root)
    assert len(problems) >= 20
    for problem in problems:
        text = problem.format()
        assert problem.line is not None and problem.hint, text
        for word in ("Input should", "Value error", "[type=", "pydantic", "dict", "NoneType", "str'", "tuple"):
            assert word not in text, text


def test_problems_are_sorted_by_file_and_line_with_paths_relative_to_the_site(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "content/interviews/b.md": interview(date="2018-4-31"),
        "content/interviews/a.md": interview(extra="interveiwee: x\n标题: y\n"),
        UNIT_PATH: unit_with(tally("2018-04-26", 1, 1, 1, 1)),
    })
    problems = found(root)
    assert problems == sorted(problems, key=Problem.sort_key)
    assert [(p.path, p.line) for p in problems] == [
        ("content/interviews/a.md", 9), ("content/interviews/a.md", 10), ("content/interviews/b.md", 8),
        (UNIT_PATH, 6)]
    assert all(str(tmp_path) not in p.format() for p in problems)


def test_a_broken_unit_file_is_the_only_error_not_every_page_that_uses_it(tmp_path: Path) -> None:
    """A field error in a unit file must not also make every page say 'there is no unit'."""
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    unit = root / "content/units/baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("collected: 296", "collected: 296份"),
                    encoding="utf-8")
    errors = [p for p in check(BuildOptions(root=root)).problems if p.severity == "error"]
    assert [(p.path, p.line, p.column) for p in errors] == [("content/units/baihe.yaml", 7, 16)]


def test_tags_typed_with_a_full_width_comma_are_an_error_showing_the_fix(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(extra="tags: [大调研，补短板]\n")})
    errors = [p for p in check(BuildOptions(root=root)).problems if p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [("content/interviews/a.md", 9)]
    assert errors[0].message.endswith('the tag "大调研，补短板" has a full-width comma (，) or 顿号 (、) in it, so it is one tag')
    assert errors[0].hint == ('write the tags separated by English commas: tags: [大调研, 补短板]; if "大调研，补短板" '
                              'is one tag, put it in quotes: "大调研，补短板"')


def test_a_tag_typed_in_quotes_may_hold_a_full_width_comma(tmp_path: Path) -> None:
    # ["小菜园、小果园", 民生] was refused although the quotes say it is one tag: no way to write it.
    for tags in ('["小菜园、小果园", 民生]', "\n  - '小菜园、小果园'\n  - 民生"):
        root = write_site(tmp_path / str(len(tags)), {"content/interviews/a.md": interview(extra=f"tags: {tags}\n")})
        assert found(root) == []
        build(BuildOptions(root=root, search=False))
        page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
        assert ">小菜园、小果园</a>" in page


@pytest.mark.parametrize("address", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x",
                                     "www.example.org/a.html", "//example.org/a"])
def test_a_source_address_must_be_a_web_address(tmp_path: Path, address: str) -> None:
    extra = f"source:\n  publisher: 某报\n  url: '{address}'\n"
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(extra=extra)})
    errors = [p for p in check(BuildOptions(root=root)).problems if p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [("content/interviews/a.md", 11)]
    assert "is not a web address" in errors[0].message
    assert errors[0].hint == "write the full address, starting with https:// or http://"


def test_a_misspelling_typed_with_an_escape_or_a_broken_line_is_warned_at_its_value(tmp_path: Path) -> None:
    # The lines as typed do not show 白河镇, the published values do: an escape (\u6cb3 is 河) and a
    # double-quoted text continued on the next line with a backslash. Each is warned where the word's
    # first character was typed (the escape \u767d at 9:13). A plain one is warned once, by line.
    extra = 'summary: "去年\\u767d\\u6cb3镇的草莓节"\ntags: ["白河\\\n  镇", 白河镇]\n'
    unit = UNIT + 'summary: "\\u767D河镇是草莓之乡。"\n'
    root = write_site(tmp_path, {"content/interviews/a.md": interview("访谈", extra=extra), UNIT_PATH: unit})
    problems = [problem for problem in found(root) if "misspelling" in problem.message]
    assert where(problems) == [
        ("content/interviews/a.md", 9, 13, "warning"), ("content/interviews/a.md", 10, 9, "warning"),
        ("content/interviews/a.md", 11, 7, "warning"), (UNIT_PATH, 11, 11, "warning")]
    assert [p.message for p in problems] == [
        '"白河镇" is a misspelling of the unit name 白鹤镇, hidden here in an escape or a broken line',
        '"白河镇" is a misspelling of the unit name 白鹤镇, hidden here in an escape or a broken line',
        '"白河镇" is a misspelling of the unit name 白鹤镇',
        '"白河镇" is a misspelling of the unit name 白鹤镇, hidden here in an escape or a broken line']
    assert problems[0].hint == "write 白鹤镇 as plain text, with no \\u escape or line break inside it"


def test_pictures_cut_short_are_warned_with_the_errors_of_the_build(tmp_path: Path) -> None:
    # A PNG cut at half its length (its size still readable) and an SVG cut after 40 bytes were published
    # unwarned; and a damaged front-matter picture was warned only once the build's errors were fixed.
    import struct
    import zlib
    ihdr = struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + bytes(12) for _ in range(2)))
    chunk = (lambda kind, data: struct.pack(">I", len(data)) + kind + data
             + struct.pack(">I", zlib.crc32(kind + data)))
    whole_png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    whole_jpeg = (b"\xff\xd8\xff\xc0" + struct.pack(">HBHHB", 11, 8, 2, 4, 1) + b"\x01\x11\x00" + bytes(200)
                  + b"\xff\xd9")
    whole_gif = b"GIF89a" + struct.pack("<HH", 4, 2) + bytes(16) + b";"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"><rect width="8" height="4"/></svg>'
    files = {"whole.png": whole_png, "half.png": whole_png[:len(whole_png) // 2], "whole.jpg": whole_jpeg,
             "half.jpg": whole_jpeg[:150], "whole.svg": svg, "cut.svg": svg[:40],
             "whole.gif": whole_gif, "half.gif": whole_gif[:-1]}
    images = "images:\n" + "".join(f"  - src: images/{name}\n    alt: 图\n"
                                    for name in ("half.png", "cut.svg", "whole.png"))
    body = "".join(f"![图](images/{name})\n\n" for name in files)
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=images),
                                 "content/interviews/b.md": interview().replace("unit: baihe", "unit: nowhere"),
                                 **{f"content/images/{name}": data for name, data in files.items()}})
    problems = found(root)
    assert [(p.location(), p.severity) for p in problems if "cannot be read as a picture" in p.message] == [
        ("content/interviews/a.md:10:10", "warning"), ("content/interviews/a.md:12:10", "warning"),  # front matter
        ("content/interviews/a.md:20:6", "warning"), ("content/interviews/a.md:24:6", "warning"),  # text
        ("content/interviews/a.md:28:6", "warning"), ("content/interviews/a.md:32:6", "warning")]
    assert problems[0].message == 'image "images/half.png" cannot be read as a picture, so readers may see it broken'
    assert any(p.severity == "error" and "nowhere" in p.message for p in problems)  # the build's own error


def test_an_interview_without_text_is_warned(tmp_path: Path) -> None:
    # Front matter only: the page was published as an empty article, unwarned.
    root = write_site(tmp_path, {"content/interviews/a.md": interview("访谈a", body=""),
                                 "content/interviews/b.md": interview("访谈b", body="\n\n   \n"),
                                 "content/interviews/c.md": interview("访谈c", body="![图](https://example.org/a.png)\n"),
                                 "content/interviews/d.md": interview("访谈d", body="", extra="draft: true\n"),  # unfinished
                                 # Written, but all hidden: in a comment (the editor's notes), or no words at all.
                                 "content/interviews/e.md": interview("访谈e", body="\n　<!-- 访谈稿待补充：\n问：……\n答：……\n-->\n"),
                                 "content/interviews/f.md": interview("访谈f", body="---\n"),
                                 "content/interviews/g.md": interview("访谈g", body="<!-- 待补充 -->\n", extra="draft: true\n"),
                                 "content/interviews/h.md": interview("访谈h", body="<!-- 注释 -->\n答：有文字。\n")})
    assert [(p.location(), p.message) for p in found(root)] == [
        ("content/interviews/a.md:10", "the interview has no text below its front matter, so its page shows only "
                                       "the title and facts"),
        ("content/interviews/b.md:10", "the interview has no text below its front matter, so its page shows only "
                                       "the title and facts"),
        ("content/interviews/e.md:12:2", "the interview's text is all inside an HTML comment (<!-- … -->), which is "
                                         "never shown, so its page shows only the title and facts"),
        ("content/interviews/f.md:10", "the interview's text shows no words on its page, so its page shows only the "
                                       "title and facts")]


@pytest.mark.parametrize(("typed", "lines"), [
    ("diaoyan@example.org 021-0000 0000", '"  email: diaoyan@example.org", then "  phone: 021-0000 0000"'),
    ("电话：021-59281234，邮箱：diaoyan@example.org", '"  email: diaoyan@example.org", then "  phone: 021-59281234"'),
    ("021-59281234", '"  phone: 021-59281234"'),
])
def test_a_contact_typed_as_one_text_is_given_its_lines(tmp_path: Path, typed: str, lines: str) -> None:
    # It was told to "write the fields on the lines below it", naming none: email: and phone: were to be guessed.
    root = write_site(tmp_path, {"content/interviews/a.md": interview()}, config=f"title: 测试站点\ncontact: {typed}\n")
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("site.yaml:2:10", f'"contact" should be a group of fields (key: value lines), not "{typed}"',
         f'leave "contact:" alone on its line and write below it, each indented with two spaces: {lines}')]
    typed_lines = "".join(f"{line}\n" for line in re.findall(r'"(  [^"]+)"', lines))
    write_site(tmp_path, {}, config=f"title: 测试站点\ncontact:\n{typed_lines}")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "hint"), [
    # Told "write it as name@example.org": the address typed was right, but for its dots or what followed it.
    ("diaoyan@qp。gov。cn", "write it as diaoyan@qp.gov.cn (@ and dots in half width, 半角; no mailto: and nothing "
                           "after it)"),
    ("mailto:diaoyan＠qp.gov.cn。", "write it as diaoyan@qp.gov.cn (@ and dots in half width, 半角; no mailto: and "
                                  "nothing after it)"),
    ("diaoyan@qp.gov.cn；021-59000000", "write the e-mail address alone, email: diaoyan@qp.gov.cn, and the telephone "
                                       "number on a line of its own under contact:, phone: 021-59000000"),
    ("diaoyan@qp.gov.cn 021-5900 0000", "write the e-mail address alone, email: diaoyan@qp.gov.cn, and the telephone "
                                        "number on a line of its own under contact:, phone: 021-5900 0000"),
    ("diaoyan@qp.gov.cn，电话021-59000000", "write the e-mail address alone, email: diaoyan@qp.gov.cn; a telephone "
                                          "number goes on a line of its own under contact:, phone: …"),
])
def test_an_email_with_wide_dots_or_a_number_after_it_is_offered_the_address_alone(tmp_path: Path, typed: str,
                                                                                    hint: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()},
                      config=f"title: 测试站点\ncontact:\n  email: {typed}\n")
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("site.yaml:3:10", f'contact → email: "{typed}" is not an e-mail address', hint)]
    lines = "".join(f"  {line}\n" for line in re.findall(r"((?:email|phone): [^,;]+?)(?:,|;|$)", hint)
                    if not line.endswith("…"))
    write_site(tmp_path, {}, config=f"title: 测试站点\ncontact:\n{lines or '  email: diaoyan@qp.gov.cn'}\n")
    assert found(root) == []


def test_the_publishers_contact_is_checked_as_typed(tmp_path: Path) -> None:
    config = ("title: 测试站点\ncontact:\n  email: diaoyan＠example.org\n  phone: 电话\n  url: www.example.org\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview()}, config=config)
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("site.yaml:3:10", 'contact → email: "diaoyan＠example.org" is not an e-mail address',
         "write it as diaoyan@example.org (@ and dots in half width, 半角; no mailto: and nothing after it)"),
        ("site.yaml:4:10", 'contact → phone: "电话" is not a telephone number',
         "write the digits, with - or spaces between groups if you like: 021-1234 5678"),
        ("site.yaml:5:8", 'contact → url: "www.example.org" is not a web address',
         "write the full address, starting with https:// or http://")]
    empty = write_site(tmp_path / "empty", {"content/interviews/a.md": interview()},
                       config="title: 测试站点\ncontact:\n  email: \n")
    assert [(p.location(), p.message) for p in found(empty)] == [
        ("site.yaml:3:3", "contact: gives no way to reach the publisher")]
    bare = write_site(tmp_path / "bare", {"content/interviews/a.md": interview()}, config="title: 测试站点\ncontact:\n")
    assert [(p.location(), p.message) for p in found(bare)] == [("site.yaml:2:9", "contact: is empty")]
    # A hotline, a note in brackets, full-width digits and an extension are numbers readers can call.
    good = ("title: 测试站点\ncontact:\n  phone: 12345（市民热线）\n  email: diaoyan@example.org\n")
    site = write_site(tmp_path / "good", {"content/interviews/a.md": interview()}, config=good)
    assert found(site) == []
    build(BuildOptions(root=site, search=False))
    page = (site / "output/accessibility/index.html").read_text(encoding="utf-8")
    assert '<a href="tel:12345">12345（市民热线）</a>' in page
    for typed in ("mailto:diaoyan@example.org", "diaoyan@example.org。"):
        wrong = write_site(tmp_path / typed[-3:], {"content/interviews/a.md": interview()},
                           config=f"title: 测试站点\ncontact:\n  email: {typed}\n")
        assert [p.hint for p in found(wrong)] == [
            "write it as diaoyan@example.org (@ and dots in half width, 半角; no mailto: and nothing after it)"]


def test_web_addresses_copied_with_the_end_of_their_sentence_or_typed_in_full_width_are_errors(
        tmp_path: Path) -> None:
    source = ("source:\n  publisher: 上海热线\n  url: http://www.shcafe.org/shzxxw/120946.html。\n")
    other = ("source:\n  publisher: 上海热线\n  url: http：//www.shcafe.org/shzxxw/120946.html\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=source),
                                 "content/interviews/b.md": interview(extra=other)})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:8", 'source → url: "http://www.shcafe.org/shzxxw/120946.html。" ends in "。", '
                                         "which would be taken as part of the address",
         'delete the "。" at the end: http://www.shcafe.org/shzxxw/120946.html'),
        ("content/interviews/b.md:11:8", 'source → url: "http：//www.shcafe.org/shzxxw/120946.html" is typed with '
                                         "full-width signs (全角符号), which an address cannot hold",
         "type it in half width (半角): http://www.shcafe.org/shzxxw/120946.html")]


@pytest.mark.parametrize(("typed", "message", "meant"), [
    # Both were published as typed: href="…/shzxxw/ 120946.html" and href="…&amp;amp;mid=…", dead links.
    ("http://www.shcafe.org/shzxxw/ 120946.html", 'has a space beside a "/", most often a line break copied with '
     "it, which breaks the address", "delete the space: http://www.shcafe.org/shzxxw/120946.html"),
    ("http://www.shcafe.org/shzxxw /120946.html?a=1", 'has a space beside a "/", most often a line break copied '
     "with it, which breaks the address", "delete the space: http://www.shcafe.org/shzxxw/120946.html?a=1"),
    ("https://mp.weixin.qq.com/s?__biz=MzA5&amp;mid=2650&AMP;idx=1", 'holds "&amp;", the way a web page\'s HTML '
     'source writes "&"', 'write "&" in its place: https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1'),
])
def test_a_source_address_broken_by_a_copy_is_an_error_whose_hint_gives_the_address(
        tmp_path: Path, typed: str, message: str, meant: str) -> None:
    source = f"source:\n  publisher: 上海热线\n  url: {typed}\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=source)})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:8", f'source → url: "{typed}" {message}', meant)]
    address = meant.split(": ", 1)[1]
    (root / "content/interviews/a.md").write_text(interview(extra=source.replace(typed, address)), encoding="utf-8")
    assert found(root) == []
    assert f'href="{html.escape(address)}"' in (build_at(root) / "interviews/a/index.html").read_text(encoding="utf-8")
    # A space inside a name of the path is left alone: a file name may hold one.
    (root / "content/interviews/a.md").write_text(interview(extra=source.replace(
        typed, "https://example.org/files/my report.pdf")), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("typed, half_width", [
    # Python's own address parser refused these with a traceback (a full-width slash in the host).
    ("https://example.org／", "https://example.org/"),
    ("https://example.org／qingpu/", "https://example.org/qingpu/"),
    # These were published as typed, in every canonical link, the sitemap and the feeds.
    ("https://ｅｘａｍｐｌｅ.org/", "https://example.org/"),
    ("https://example。org/", "https://example.org/"),
])
def test_a_base_url_typed_with_any_full_width_sign_gets_the_half_width_address(
        tmp_path: Path, typed: str, half_width: str) -> None:
    root = write_site(tmp_path, {}, config=f"title: 测试\nbase_url: {typed}\n")
    assert [p.format() for p in found(root)] == [
        f'site.yaml:2:11: error: base_url: "{typed}" is typed with full-width signs (全角符号), '
        f"which an address cannot hold\n  hint: type it in half width (半角): {half_width}"]


@pytest.mark.parametrize("typed, meant, hours", [
    ("Etc/GMT+8", "for UTC+8 (北京时间), write time_zone: Asia/Shanghai", 8),
    ("Etc/GMT+9", "for UTC+9, write time_zone: Etc/GMT-9", 9),
    ("Etc/GMT+12", "for UTC+12, write time_zone: Etc/GMT-12", 12),
])
def test_a_posix_offset_zone_is_refused_with_the_zone_of_the_offset_meant(
        tmp_path: Path, typed: str, meant: str, hours: int) -> None:
    # Etc/GMT+8 is UTC-8 in the time zone database: it was accepted, and every publish time in the feeds and
    # the structured data was 16 hours off (datePublished 2018-05-03T10:00:00-08:00 for 10:00 北京时间).
    root = write_site(tmp_path, {"content/interviews/a.md": interview()},
                      config=f"title: 测试站点\ntime_zone: {typed}\n")
    assert [p.format() for p in found(root)] == [
        f'site.yaml:2:12: error: time_zone: "{typed}" is UTC−{hours}, {hours} hours behind UTC, not UTC+{hours}: '
        "in the Etc/ names the sign is turned round (POSIX)\n"
        f"  hint: {meant}; if UTC−{hours} is meant, write the zone of the place instead, named Area/City as in the "
        "IANA time zone database"]
    zone = meant.rpartition(": ")[2]  # the hint followed
    (root / "site.yaml").write_text(f"title: 测试站点\ntime_zone: {zone}\n", encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert f'"datePublished":"2018-05-03T10:00:00+{hours:02d}:00"' in page


def test_zones_written_with_the_sign_turned_round_or_as_a_place_are_accepted(tmp_path: Path) -> None:
    for number, zone in enumerate(("Etc/GMT-8", "Etc/GMT+0", "Etc/UTC", "America/Los_Angeles")):
        root = write_site(tmp_path / str(number), {}, config=f"title: 测试站点\ntime_zone: {zone}\n")
        assert found(root) == [], zone


def test_a_base_url_copied_with_the_end_of_its_sentence_or_unclosed_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path, {}, config="title: 测试\nbase_url: https://example.org/qingpu。\n")
    assert [p.format() for p in found(root)] == [
        'site.yaml:2:11: error: base_url: "https://example.org/qingpu。" ends in "。", which would be taken as part '
        "of the address\n  hint: delete the \"。\" at the end: https://example.org/qingpu"]
    root = write_site(tmp_path / "v6", {}, config="title: 测试\nbase_url: https://[::1/\n")  # a traceback too
    assert [p.format() for p in found(root)] == [
        'site.yaml:2:11: error: base_url: "https://[::1/" is not a full web address\n'
        "  hint: write the full address, e.g. https://example.org/ or https://example.org/qingpu/diaoyan/"]


def test_addresses_in_pages_with_a_full_width_slash_in_the_host_are_messages_not_tracebacks(
        tmp_path: Path) -> None:
    picture = "images:\n  - src: https://example.org／a.png\n    alt: 图\n"
    source = "source:\n  publisher: 上海热线\n  url: http://www.shcafe.org／shzxxw/120946.html\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=picture),
                                 "content/interviews/b.md": interview("访谈乙", extra=source)})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", 'image "https://example.org／a.png" is typed with full-width signs '
                                          "(全角符号), which an address cannot hold",
         "type it in half width (半角): https://example.org/a.png"),
        ("content/interviews/b.md:11:8", 'source → url: "http://www.shcafe.org／shzxxw/120946.html" is typed with '
                                         "full-width signs (全角符号), which an address cannot hold",
         "type it in half width (半角): http://www.shcafe.org/shzxxw/120946.html")]


def test_full_width_brackets_and_commas_in_a_path_or_query_are_part_of_the_address(tmp_path: Path) -> None:
    # Every full-width sign was taken for an input-method slip: these real addresses were refused, and the
    # hint (…通知(2018).pdf) named another address.
    source = "source:\n  publisher: 青浦区政府\n  url: http://www.qingpu.gov.cn/upload/通知（2018）.pdf\n"
    picture = ("images:\n  - src: https://www.qingpu.gov.cn/images/白鹤镇座谈会（2018年4月）.jpg\n    alt: 座谈会\n"
               "  - src: https://www.baidu.com/s?wd=白鹤镇，大调研\n    alt: 搜索\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=source),
                                 "content/interviews/b.md": interview("访谈乙", extra=picture)})
    assert found(root) == []


@pytest.mark.parametrize("src, message, hint", [
    ("https：//example.org/a.png", 'is typed with full-width signs (全角符号), which an address cannot hold',
     "type it in half width (半角): https://example.org/a.png"),  # it said "image not found"
    ("ｈｔｔｐｓ://example.org/a.png", 'is typed with full-width signs (全角符号), which an address cannot hold',
     "type it in half width (半角): https://example.org/a.png"),
    ("https://example.org/a.png。", 'ends in "。", which would be taken as part of the address',
     'delete the "。" at the end: https://example.org/a.png'),  # it was published with the 。
    ("https://example .org/a.png", "has a space in its host name (域名), which an address cannot hold",
     "delete the space: https://example.org/a.png"),  # published as it was typed
    ("images/a%00.png", 'holds a zero character ("%00"), which no file name can hold',
     'delete the "%00" from the path'),  # a traceback: "embedded null byte"
])
def test_a_picture_address_slip_is_named_at_the_src(tmp_path: Path, src: str, message: str, hint: str) -> None:
    picture = f"images:\n  - src: {src}\n    alt: 图\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=picture)})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", f'image "{src}" {message}', hint)]


def test_a_zero_character_in_a_body_picture_path_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body="## 问题\n\n![图](/%00.png)\n")})
    assert [(p.location(), p.message.split(",")[0]) for p in found(root)] == [
        ("content/interviews/a.md:13:6", 'image "/%00.png" holds a zero character ("%00")')]


def test_pictures_that_browsers_show_are_not_warned_as_cut_short(tmp_path: Path) -> None:
    # A GB2312 SVG stopped the build with a traceback; a motion photo (a video after the JPEG's end) and a
    # PNG with a line break after IEND were warned as broken.
    import struct
    import zlib
    chunk = (lambda kind, data: struct.pack(">I", len(data)) + kind + data
             + struct.pack(">I", zlib.crc32(kind + data)))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(26))) + chunk(b"IEND", b""))
    jpeg = (b"\xff\xd8\xff\xc0" + struct.pack(">HBHHB", 11, 8, 2, 4, 1) + b"\x01\x11\x00" + bytes(200)
            + b"\xff\xd9")
    gb = ('<?xml version="1.0" encoding="GB2312"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" '
          'height="50"><text>草莓</text></svg>').encode("gb2312")
    files = {"gb.svg": gb, "motion.jpg": jpeg + b"ftypmp42" + bytes(20_000), "trail.png": png + b"\n"}
    body = "".join(f"![图](images/{name})\n\n" for name in files)
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 **{f"content/images/{name}": data for name, data in files.items()}})
    assert found(root) == []


def test_pictures_in_a_format_browsers_do_not_show_are_told_with_the_format_to_save_them_in(tmp_path: Path) -> None:
    # An iPhone's photo.heic and a scanner's scan.tif were published unwarned, and Chrome, Edge and WeChat
    # showed them broken; so was an iPhone photo renamed .jpg (told only as "cannot be read as a picture").
    import struct
    jpeg = (b"\xff\xd8\xff\xc0" + struct.pack(">HBHHB", 11, 8, 2, 4, 1) + b"\x01\x11\x00" + bytes(200)
            + b"\xff\xd9")
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    tiff = b"II*\x00\x08\x00\x00\x00" + bytes(64)
    images = ("images:\n  - src: images/photo.heic\n    alt: 草莓基地\n"
              "  - src: images/renamed.jpg\n    alt: 草莓大棚\n")
    body = "## 问题\n\n![扫描件](images/scan.tif)\n\n<img src=\"images/layers.psd\" alt=\"设计稿\">\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra=images),
                                 "content/images/photo.heic": heic, "content/images/renamed.jpg": heic,
                                 "content/images/scan.tif": tiff, "content/images/layers.psd": b"8BPS" + bytes(64)})
    how = "save it as JPEG (.jpg) or PNG, e.g. from the phone's or Windows' Photos app (照片 → 另存为 JPEG)"
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:10:10", "error",
         'image "images/photo.heic" is a picture in HEIC/HEIF, the format iPhones save photos in, which Chrome, '
         "Edge and WeChat do not show, so readers would see it broken", f"{how}, and write its new name: "
                                                                        "images/photo.jpg"),
        ("content/interviews/a.md:12:10", "error",
         'image "images/renamed.jpg" is a picture in HEIC/HEIF, the format iPhones save photos in, named .jpg, which '
         "Chrome, Edge and WeChat do not show, so readers would see it broken",
         f"{how}, under the same name (renaming a file does not change its format)"),
        # In the text, a warning, as for a damaged file: text pasted from elsewhere still publishes.
        ("content/interviews/a.md:18:8", "warning",
         'image "images/scan.tif" is a picture in TIFF, the format scanners often save in, which Chrome, Edge and '
         "WeChat do not show, so readers would see it broken", f"{how}, and write its new name: images/scan.jpg"),
        ("content/interviews/a.md:20:11", "warning",
         'image "images/layers.psd" is a picture in PSD, Photoshop\'s own format, which Chrome, Edge and WeChat do '
         "not show, so readers would see it broken", f"{how}, and write its new name: images/layers.jpg")]
    for name in ("photo", "renamed", "scan", "layers"):  # the hints followed: saved as JPEG, the new names written
        (root / f"content/images/{name}.jpg").write_bytes(jpeg)
    text = (root / "content/interviews/a.md").read_text(encoding="utf-8")
    for typed in ("photo.heic", "scan.tif", "layers.psd"):
        text = text.replace(typed, typed.split(".")[0] + ".jpg")
    (root / "content/interviews/a.md").write_text(text, encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert all(f'src="/images/{name}.jpg"' in page for name in ("photo", "renamed", "scan", "layers"))


def test_pictures_browsers_show_are_not_taken_for_formats_they_do_not(tmp_path: Path) -> None:
    # BMP, ICO and AVIF are shown by every current browser; a WebP's RIFF header is no TIFF.
    import struct
    bmp = b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 1, 1, 24, 0, 16, 0, 0, 0, 0)
    bmp += bytes(16)
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + bytes(64)
    # An AVIF of the general HEIF brand (mif1, as many encoders write it) names avif among its compatible brands:
    # it was taken for HEIC, and refused.
    general = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf" + bytes(64)
    body = ("## 问题\n\n![位图](images/a.bmp)\n\n![新格式](images/b.avif)\n\n![图标](images/c.ico)\n\n"
            "![通用](images/d.avif)\n\n![改名](images/e.jpg)\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body), "content/images/a.bmp": bmp,
                                 "content/images/b.avif": avif, "content/images/c.ico": bytes(64),
                                 "content/images/d.avif": general, "content/images/e.jpg": general})
    assert [p.message for p in found(root) if "do not show" in p.message] == []
    # The general brand with HEIC's among its brands is HEIC still.
    (root / "content/images/e.jpg").write_bytes(b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic" + bytes(64))
    assert [p.message.split(",")[0] for p in found(root) if "do not show" in p.message] == [
        'image "images/e.jpg" is a picture in HEIC/HEIF']


LOST = ('{field}: {n} question marks in a row ("{run}") are most likely characters lost when the file was saved in '
        'an encoding that cannot hold Chinese, which turns each Chinese character into "?", so {where} would publish '
        "them")
LOST_HINT = ("retype the text, or paste it again from where it came from, and save the file as UTF-8 (另存为 → 编码 "
             "UTF-8); if the question marks are meant, type them in full width (全角): ？？？")


def test_the_sites_title_and_publisher_are_told_an_odd_space_or_quotes_as_a_records_are(tmp_path: Path) -> None:
    # "青浦大调研进度公开　" (a full-width space after it) and "青浦区\u00a0大调研办" headed every page, the feeds and the
    # open data unwarned, though the same slip in a unit's name is told.
    config = ("title: 青浦大调研进度公开\u3000   # 站点标题\nbase_url: https://example.org/\n"
              "publisher: 青浦区\u00a0大调研办\ndescription: “青浦区大调研”\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview()}, config=config)
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("site.yaml:1:17", 'title: "青浦大调研进度公开\u3000" has a full-width space (全角空格) after "浦大调研进度公开", which '
         'every page would publish as part of it: it would not match "青浦大调研进度公开" typed elsewhere',
         "delete it: title: 青浦大调研进度公开"),
        ("site.yaml:3:15", 'publisher: "青浦区\u00a0大调研办" has a no-break space (U+00A0, 不间断空格, from text pasted from '
         'Word, a web page or WeChat) between "青浦区" and "大调研办", which every page would publish as part of it: it would '
         'not match "青浦区大调研办" typed elsewhere', "delete it: publisher: 青浦区大调研办")]
    # The hints followed: clean, and every page is headed by the title as meant.
    (root / "site.yaml").write_text(config.replace("\u3000", "").replace("\u00a0", ""), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, search=False))
    assert "<title>白鹤镇访谈 - 青浦大调研进度公开</title>" in (root / "output/interviews/a/index.html").read_text("utf-8")


def test_question_marks_from_a_save_that_lost_chinese_are_warned_in_fields_and_settings(tmp_path: Path) -> None:
    # A name "??" was warned as "a value not known yet"; a role, a unit's summary and the site's title holding
    # "???" were published unwarned. An address's query is no text, and "??" in a sentence may be meant.
    page = (interview(extra='summary: "白鹤镇???书记谈大调研??"\nsource:\n  publisher: 上海热线\n'
                            "  url: https://www.baidu.com/s?wd=???\n")
            .replace("name: 受访人", "name: ??").replace("role: 党委书记", "role: ??????"))
    unit = UNIT.replace("level: town", "level: town\nsummary: |\n  青浦区白鹤镇\n  ?????????")
    root = write_site(tmp_path, {"content/interviews/a.md": page, UNIT_PATH: unit},
                      config="title: ??????\nbase_url: https://example.org/\n")
    assert [(p.location(), p.severity, p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:6:9", "warning",
         LOST.format(field="interviewee → name", n=2, run="??", where="the page"), LOST_HINT),
        ("content/interviews/a.md:7:9", "warning",
         LOST.format(field="interviewee → role", n=6, run="??????", where="the page"), LOST_HINT),
        ("content/interviews/a.md:9:14", "warning", LOST.format(field="summary", n=3, run="???", where="the page"),
         LOST_HINT),
        (f"{UNIT_PATH}:5:3", "warning",
         LOST.format(field="summary", n=9, run="?????????", where="the unit's page"), LOST_HINT),
        ("site.yaml:1:8", "warning", LOST.format(field="title", n=6, run="??????", where="every page"), LOST_HINT)]
    # The hint followed: the text typed again.
    (root / "content/interviews/a.md").write_text(
        page.replace("name: ??", "name: 王建国").replace("role: ??????", "role: 中共白鹤镇党委书记")
        .replace("白鹤镇???书记谈大调研??", "白鹤镇党委书记谈大调研??"), encoding="utf-8")
    (root / UNIT_PATH).write_text(unit.replace("?????????", "是“中国草莓之乡”。"), encoding="utf-8")
    (root / "site.yaml").write_text("title: 青浦大调研\nbase_url: https://example.org/\n", encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert "王建国" in (root / "output/interviews/a/index.html").read_text(encoding="utf-8")


def test_a_title_of_question_marks_alone_is_told_its_characters_were_lost(tmp_path: Path) -> None:
    # It was "holds no words, only signs: write the words of the title", without the reason.
    root = write_site(tmp_path, {"content/interviews/a.md": interview("????????")})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:2:8: error: title: 8 question marks in a row ("????????") are most likely characters '
        'lost when the file was saved in an encoding that cannot hold Chinese, which turns each Chinese character into '
        f'"?"\n  hint: {LOST_HINT}']


def test_tags_typed_with_spaces_between_chinese_words_are_an_error_unless_quoted(tmp_path: Path) -> None:
    # tags: 大调研 补短板 was one tag "大调研 补短板", unwarned.
    cases = {"大调研 补短板": ["content/interviews/a.md:9:7: error: tags: the tag \"大调研 补短板\" has a space between "
                             "Chinese words in it, so it is one tag\n  hint: write the tags in square brackets, "
                             "separated by English commas: tags: [大调研, 补短板]"],
             '["白鹤镇 草莓节", 民生]': [], "[R&D 项目, 大调研]": []}
    for number, (tags, expected) in enumerate(cases.items()):
        root = write_site(tmp_path / str(number), {"content/interviews/a.md": interview(extra=f"tags: {tags}\n")})
        assert [p.format() for p in found(root)] == expected


def test_the_tags_to_type_name_each_tag_once(tmp_path: Path) -> None:
    # The hint for [大调研 补短板, 大调研, 民生] listed 大调研 twice.
    # Typed in square brackets already, only the commas are asked for (it said "write the tags in square brackets").
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="tags: [大调研 补短板, 大调研, 民生]\n")})
    assert [p.hint for p in found(root)] == [
        'write the tags separated by English commas: tags: [大调研, 补短板, 民生]; '
        'if "大调研 补短板" is one tag, put it in quotes: "大调研 补短板"']


@pytest.mark.parametrize(("date_line", "extra", "expected"), [
    ("2081-05-03 10:00", "", ("content/interviews/a.md:8:7: warning: the publish date 2081-05-03 10:00 is more than "
                              "10 years ahead, so the page is not published until then\n"
                              "  hint: did you mean 2018? write date: 2018-05-03 10:00")),
    ("2099-01-01 08:00", "", ("content/interviews/a.md:8:7: warning: the publish date 2099-01-01 08:00 is more than "
                              "10 years ahead, so the page is not published until then\n"
                              "  hint: write the day the page is to be published (发布日期)")),
    # Typed as a date alone, offered as a date alone: "write date: 2018-05-03 00:00", followed, showed 00:00.
    ("2081-05-03", "", ("content/interviews/a.md:8:7: warning: the publish date 2081-05-03 is more than "
                        "10 years ahead, so the page is not published until then\n"
                        "  hint: did you mean 2018? write date: 2018-05-03")),
    ("2036-12-31 23:59", "", None),  # ten years ahead: a page may be scheduled that far
    ("2081-05-03 10:00", "draft: true\n", None),  # held back anyway
])
def test_a_publish_date_decades_ahead_is_warned_with_the_year_meant(tmp_path: Path, date_line: str, extra: str,
                                                                    expected: str | None) -> None:
    # date: 2081-05-03 kept the page out of every build for 55 years, with only a "scheduled" line to show it.
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(date=date_line, extra=extra)})
    found = [p.format() for p in check(BuildOptions(root=root, now=datetime(2026, 11, 30, 12, 0))).problems
             if "years ahead" in p.message]
    assert found == ([expected] if expected else [])


def test_units_without_problems_are_checked_without_reading_their_yaml_positions(tmp_path: Path) -> None:
    # Finding a field's line means loading the file's YAML again; a unit loaded from the build cache
    # holds none, and a clean unit should not pay for them (0.1 s a build at 200 units). Only a file
    # holding a misspelling needs them, to tell its misspellings: entries from a misspelling in its text.
    from sitegen.build import load_and_check
    from sitegen.errors import Report
    xujing = ("name: 徐泾镇\nlevel: town\ntallies:\n"
              "  - as_of: 2018-04-26\n    collected: 10\n    escalated: 1\n    resolved: 4\n    in_progress: 5\n"
              "  - as_of: 2018-05-26\n    collected: 12\n    escalated: 2\n    resolved: 5\n    in_progress: 5\n")
    root = write_site(tmp_path / "site", {"content/units/xujing.yaml": xujing,
                                          "content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    report = Report()
    _, content, _ = load_and_check(BuildOptions(root=root, search=False), report)
    assert report.problems == [] and len(content.units["xujing"].record.tallies) == 2
    assert content.units["xujing"].yaml._positions is None
    assert content.units["baihe"].yaml._positions is not None  # its misspellings: list holds 白河镇


def test_a_case_study_with_a_right_related_tally_is_checked_without_reading_its_yaml_positions(
        tmp_path: Path) -> None:
    # The related_tally check located the field before knowing whether anything was wrong: every
    # case study loaded from the build cache had its YAML read again (0.1 s a build at 1,000 cases).
    from sitegen.build import load_and_check
    from sitegen.errors import Report
    right = CASE.replace("date: 2018-05-03", "related_tally: 2018-04-26\ndate: 2018-05-03")
    wrong = CASE.replace("title: 做大做强白鹤草莓", "title: 白鹤草莓二").replace(
        "date: 2018-05-03", "related_tally: 2018-04-27\ndate: 2018-05-03")
    root = write_site(tmp_path / "site", {"content/cases/right.md": right, "content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    report = Report()
    _, content, _ = load_and_check(BuildOptions(root=root, search=False), report)
    assert report.problems == []
    assert [case.yaml._positions for case in content.cases] == [None]
    (root / "content/cases/wrong.md").write_text(wrong, encoding="utf-8")
    with pytest.raises(SiteError) as raised:
        build(BuildOptions(root=root, search=False))
    assert [p.format() for p in raised.value.problems] == [
        "content/cases/wrong.md:7:16: error: unit baihe has no tally of 2018-04-27\n"
        "  hint: did you mean 2018-04-26? write related_tally: 2018-04-26 (the as_of date of the only tally of "
        "unit baihe)"]


def test_markdown_or_html_typed_in_a_plain_text_field_is_warned_with_the_words_to_write(tmp_path: Path) -> None:
    # **bold**, [links](…) and <br> typed into front matter or a unit's record were published sign for sign
    # (the page showed 白鹤镇是**“中国草莓之乡”**), unwarned: only a page's text is Markdown.
    case = CASE.replace("problem: 草莓", "problem: 白鹤镇是**“中国草莓之乡”**").replace(
        "actions: [走访]", "actions:\n  - 走访企业\n  - 打造[龙头企业](https://example.org/a)\noutcome: 已列入计划<br>尚未建成")
    page = interview(extra='summary: "__白鹤镇党委书记谈大调研__"\n')
    unit = UNIT + "milestones:\n  - date: 2018-01-12\n    title: 成立<b>领导小组</b>\n"
    root = write_site(tmp_path, {"content/cases/a.md": case, "content/interviews/a.md": page,
                                 "content/units/baihe.yaml": unit})
    plain = "but this field is plain text (纯文本), so the page would show it as typed"
    assert [p.format() for p in found(root)] == [
        f'content/cases/a.md:5:10: warning: problem: "**“中国草莓之乡”**" is bold (加粗) typed in Markdown, {plain}\n'
        "  hint: write the words alone (bold works in the page's text below the front matter): 白鹤镇是“中国草莓之乡”",
        f'content/cases/a.md:8:5: warning: actions → item 2: "[龙头企业](https://example.org/a)" is a link (链接) '
        f"typed in Markdown, {plain}\n"
        "  hint: write the words alone, and put the link in the page's text below the front matter: 打造龙头企业",
        f'content/cases/a.md:9:10: warning: outcome: "<br>" is an HTML tag, {plain}\n'
        "  hint: delete the tag: 已列入计划尚未建成",
        f'content/interviews/a.md:9:10: warning: summary: "__白鹤镇党委书记谈大调研__" is bold (加粗) typed in Markdown, '
        f"{plain}\n"
        "  hint: write the words alone (bold works in the page's text below the front matter): 白鹤镇党委书记谈大调研",
        f'content/units/baihe.yaml:13:12: warning: milestones → item 1 → title: "<b>" is an HTML tag, {plain}\n'
        "  hint: delete the tag: 成立领导小组"]
    published = (tmp_path / "published")
    build(BuildOptions(root=root, now=NOW, search=False, output=str(published)))
    assert "**“中国草莓之乡”**" in (published / "cases/a/index.html").read_text(encoding="utf-8")
    for rel, typed, meant in [("content/cases/a.md", "**“中国草莓之乡”**", "“中国草莓之乡”"),
                              ("content/cases/a.md", "[龙头企业](https://example.org/a)", "龙头企业"),
                              ("content/cases/a.md", "<br>", ""),
                              ("content/interviews/a.md", '"__白鹤镇党委书记谈大调研__"', "白鹤镇党委书记谈大调研"),
                              ("content/units/baihe.yaml", "成立<b>领导小组</b>", "成立领导小组")]:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(typed, meant), encoding="utf-8")
    assert found(root) == []
    # Markdown in the page's text is no concern of this check; a single * or _ is plain text's own.
    (root / "content/interviews/a.md").write_text(
        interview(body="## 问题一\n\n**加粗**和[链接](/units/baihe/)。\n", extra="summary: 注*：file_name 为准\n"),
        encoding="utf-8")
    assert found(root) == []


def test_stars_hiding_a_name_or_a_number_in_a_plain_text_field_are_not_taken_for_bold(tmp_path: Path) -> None:
    # 王**、李** and 138****5678 typed in a field were "bold (加粗) typed in Markdown", and the hint, followed,
    # published the names unmasked in a changed sentence (王、李; 联系电话138**5678，联系人李。). A field shows
    # the stars as typed, which is what hiding a name means; bold typed beside them is still told.
    case = CASE.replace("actions: [走访]", "actions: [走访]\noutcome: 32盏路灯全部点亮，村民王**、李**等12户联名送来感谢信。")
    page = interview().replace("name: 受访人", "name: 王**、李**")
    unit = UNIT + ("milestones:\n  - date: 2018-01-12\n    title: 收集意见\n    description: 商户王**、赵**等提出意见\n"
                   "  - date: 2018-01-15\n    title: 公布电话\n    description: 联系电话138****5678，联系人李**。\n")
    root = write_site(tmp_path, {"content/cases/a.md": case, "content/interviews/a.md": page,
                                 "content/units/baihe.yaml": unit})
    assert found(root) == []
    # Bold typed in a field is told as before, the hidden names kept as typed in the words to write.
    (root / "content/cases/a.md").write_text(case.replace("联名送来", "**联名**送来").replace(
        "problem: 草莓", "problem: 草莓**重点**"), encoding="utf-8")
    (root / "content/units/baihe.yaml").write_text(unit.replace("title: 收集意见", "title: 成立**领导小组**"),
                                                   encoding="utf-8")
    plain = "but this field is plain text (纯文本), so the page would show it as typed"
    bold = "  hint: write the words alone (bold works in the page's text below the front matter): "
    assert [p.format() for p in found(root)] == [
        f'content/cases/a.md:5:10: warning: problem: "**重点**" is bold (加粗) typed in Markdown, {plain}\n'
        f"{bold}草莓重点",
        f'content/cases/a.md:7:10: warning: outcome: "**联名**" is bold (加粗) typed in Markdown, {plain}\n'
        f"{bold}32盏路灯全部点亮，村民王**、李**等12户联名送来感谢信。",
        f'content/units/baihe.yaml:13:12: warning: milestones → item 1 → title: "**领导小组**" is bold (加粗) typed '
        f"in Markdown, {plain}\n"
        "  hint: write the words alone: 成立领导小组"]


@pytest.mark.parametrize(("typed", "told"), [
    ("张**反映，李**也说", None),  # two hidden names, the stars paired across the words between them
    ("王**和李**等", None),
    ("021-5976****", None),
    ("****5678", None),
    ("实施**“乡村振兴”**", ("**“乡村振兴”**", "实施“乡村振兴”")),
    ("共**12**户", ("**12**", "共12户")),
    ("联系人李**。**重点**", ("**重点**", "联系人李**。重点")),
])
def test_stars_hiding_characters_are_told_from_bold_in_a_field(typed: str, told: tuple[str, str] | None) -> None:
    # What a field's text gives: the bold shown in the warning and the words to write, or nothing.
    from sitegen.plaintext import typed_markup
    markup = typed_markup(typed)
    assert ((markup.shown, markup.meant) if markup else None) == told


@pytest.mark.parametrize("text", [b"", b"\r\n\r\n", "　\n".encode()])
def test_an_empty_page_is_told_it_is_empty_not_that_it_lacks_front_matter(tmp_path: Path, text: bytes) -> None:
    # A file emptied by mistake (or saved by Notepad mid-write) was "the page has no front matter", whose hint
    # spoke of starting it with "---": the editor's text was gone, and the message did not say so.
    root = write_site(tmp_path, {"content/interviews/a.md": text})
    assert [p.format() for p in found(root)] == [
        "content/interviews/a.md:1:1: error: the file is empty\n"
        "  hint: if it was emptied by mistake, restore it (undo in the editor, or 回收站, the recycle bin, or a "
        "backup); to start a page, use sitegen new interview or sitegen new case"]


def test_pages_naming_the_old_id_of_a_renamed_unit_file_are_offered_the_old_name_back(tmp_path: Path) -> None:
    # baihe.yaml renamed baihe-zhen.yaml: each page was told "write unit: baihe-zhen", and not that renaming
    # the one file back mends them all.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "content/interviews/b.md": interview("二")},
                      records=False)
    (root / "content/series").mkdir(parents=True)
    (root / "content/series/dadiaoyan.yaml").write_text(SERIES, encoding="utf-8")
    (root / "content/units").mkdir()
    (root / "content/units/baihe-zhen.yaml").write_text(UNIT, encoding="utf-8")
    hint = ("  hint: did you mean baihe-zhen (白鹤镇)? write unit: baihe-zhen; or, if content/units/baihe-zhen.yaml "
            "was renamed from baihe.yaml, rename it back")
    assert [p.format() for p in found(root)] == [
        f'content/interviews/{name}.md:4:7: error: there is no unit "baihe"\n{hint}' for name in "ab"]
    (root / "content/units/baihe-zhen.yaml").rename(root / "content/units/baihe.yaml")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "hint"), [
    ("“images/a.svg”", "the quotes “ ” are part of the path as typed: write the path without them: images/a.svg"),
    ("「images/a.svg」", "the quotes 「 」 are part of the path as typed: write the path without them: images/a.svg"),
    ("'“images/a.svg'", "the quote “ is part of the path as typed: write the path without it: images/a.svg"),
])
def test_a_picture_path_in_chinese_quotes_is_told_the_quotes_are_part_of_it(tmp_path: Path, typed: str,
                                                                               hint: str) -> None:
    # src: “images/a.svg” was "there is no file content/“images/a.svg”: copy the picture there …".
    images = f"images:\n  - src: {typed}\n    alt: 图\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    problems = found(root)
    assert [(p.location(), p.hint) for p in problems] == [("content/interviews/a.md:10:10", hint)]
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace(typed, "images/a.svg"), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "hint"), [
    ("images\\a.svg", "write / between folders, not \\ (as Windows shows paths): images/a.svg"),
    ("images／a.svg", "write the folder sign / in half width (半角), not ／: images/a.svg"),
    ("Images/A.svg", "the file is images/a.svg: write it with the same capital and small letters (大小写)"),
    ("content/images/a.svg", "the path is read from content/, so leave it out: images/a.svg"),
    ("images/a", "the file is images/a.svg: write its name with its ending (扩展名), which Windows hides "
                 "(查看 → 文件扩展名 shows it)"),
    # Slips together, or a sign in full width: the whole path mended in one hint (Images\\A gave Images/A, then
    # "put the file under content/", which it was).
    ("images/a．svg", "the file is images/a.svg: write its path as it is: images/a.svg"),
    ("images/a。svg", "the file is images/a.svg: write its path as it is: images/a.svg"),
    ("images/ a.svg", "the file is images/a.svg: write its path as it is: images/a.svg"),
    ("Images/A", "the file is images/a.svg: write its path as it is: images/a.svg"),
    ("Images\\A", "write / between folders, not \\ (as Windows shows paths): images/a.svg"),
    ("images\\\\a.svg", "write / between folders, not \\ (as Windows shows paths): images/a.svg"),
])
def test_a_picture_in_the_text_missing_its_file_only_by_a_slip_is_an_error(tmp_path: Path, typed: str,
                                                                           hint: str) -> None:
    # ![草莓](images\a.svg) was a warning and the page was published with the picture broken (images%5Ca.svg),
    # though the file was there: a picture pasted from elsewhere, its file never here, is still a warning.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=f"## 问题\n\n![草莓]({typed})\n\n"
                                                                           "![别处](images/none.svg)\n"),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    assert [(p.severity, p.location(), p.hint) for p in found(root)][:1] == [
        ("error", "content/interviews/a.md:13:7", hint)]
    assert [p.severity for p in found(root)] == ["error", "warning"]


@pytest.mark.parametrize(("file", "typed"), [("路灯（1）.svg", "路灯(1).svg"), ("路灯(1).svg", "路灯（1）.svg"),
                                          ("Ａ．svg", "a.svg")])
def test_a_picture_typed_with_its_signs_in_the_other_width_is_told_its_file(tmp_path: Path, file: str,
                                                                            typed: str) -> None:
    # images/路灯(1).png for the file 路灯（1）.png (Windows names a copy 路灯（1）with an input method on) was
    # told "there is no file …: copy the picture there", of a file that was there; in the text, only warned,
    # and the page published with the picture broken.
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='12' height='9'/>"
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview(extra=f"images:\n  - src: images/{typed}\n    alt: 路灯\n",
                                             body=f"## 问题\n\n![路灯](images/{typed})\n"),
        f"content/images/{file}": svg})
    hint = f"the file is images/{file}: write its path as it is: images/{file}"
    assert [(p.severity, p.location(), p.message, p.hint) for p in found(root)] == [
        ("error", "content/interviews/a.md:10:10", f'image "images/{typed}" not found', hint),
        ("error", "content/interviews/a.md:16:7", f'image "images/{typed}" not found', hint)]
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace(typed, file), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW))
    sources = parse_html(root / "output/interviews/a/index.html").xpath("//article//img/@src")
    assert sources and all((root / "output" / unquote(src).lstrip("/")).is_file() for src in sources)


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold ? (the rest is the same code)")
def test_a_picture_whose_file_name_holds_a_hash_or_question_mark_is_told_why_and_the_hint_followed_shows_it(
        tmp_path: Path) -> None:
    # images/草莓#1.svg, its file there, was told 'the file is images/草莓#1.svg: write its path as it is:
    # images/草莓#1.svg', the very path typed: a web address reads "#" and "?" otherwise, so no hint helped.
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='12' height='9'/>"
    files = {"content/interviews/a.md": interview(extra="images:\n  - src: images/草莓#1.svg\n    alt: 草莓\n",
                                                  body="## 问题\n\n![菜园](images/菜园?2.svg)\n"),
             "content/images/草莓#1.svg": svg, "content/images/菜园?2.svg": svg}
    root = write_site(tmp_path, files)
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:10:10: error: image "images/草莓#1.svg" not found\n'
        '  hint: the file content/images/草莓#1.svg is there, but a web address reads "#" in its name otherwise ("#" '
        'as the start of a place in a page): rename the file without "#" (as 草莓-1.svg) and write its path by that '
        "name, or write the path as images/草莓%231.svg",
        'content/interviews/a.md:16:7: error: image "images/菜园?2.svg" not found\n'
        '  hint: the file content/images/菜园?2.svg is there, but a web address reads "?" in its name otherwise ("?" '
        'as the start of a query): rename the file without "?" (as 菜园-2.svg) and write its path by that name, or '
        "write the path as images/菜园%3F2.svg"]
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("草莓#1", "草莓%231").replace("菜园?2", "菜园%3F2"),
                    encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW))
    sources = parse_html(root / "output/interviews/a/index.html").xpath("//article//img/@src")
    assert sources == ["/images/%E8%8D%89%E8%8E%93%231.svg", "/images/%E8%8F%9C%E5%9B%AD%3F2.svg"]
    assert all((root / "output" / unquote(src).lstrip("/")).is_file() for src in sources)


def test_a_picture_whose_path_is_defined_apart_is_checked_where_the_path_is_typed(tmp_path: Path) -> None:
    # ![草莓][图1] with [图1]: images/none.svg was published as a missing picture, unwarned: only pictures typed
    # with their path, ![草莓](images/…), were checked.
    body = ("## 问题\n\n![草莓][图1] 和 ![菜园][图2]，![同一张][图1]\n\n[图1]: images/none.svg\n[图2]: images/a.svg\n\n"
            "```\n![代码里][图3]\n\n[图3]: images/ignored.svg\n```\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    # interview(): 9 lines of front matter and an empty line, so the body starts at line 11.
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:15:7: warning: image "images/none.svg" not found\n'
        "  hint: there is no file content/images/none.svg: copy the picture there; if it was deleted or renamed, "
        "restore it (回收站, the recycle bin) or write its new name here"]
    (root / "content/images/none.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("figures", "told"), [
    ("collected: 0\n    escalated: 0\n    resolved: 0\n    in_progress: 0\n", ["warning"]),
    # A note says the zeros are meant (where they come from), as the warning's hint asks.
    ("collected: 0\n    escalated: 0\n    resolved: 0\n    in_progress: 0\n    note: 镇大调研办公室统计，尚未收集\n", []),
    # Zeros that do not add up are the arithmetic's error alone.
    ("collected: 0\n    escalated: 2\n    resolved: 0\n    in_progress: 0\n", ["error"]),
])
def test_a_tally_of_zeros_is_warned_unless_its_note_says_so(tmp_path: Path, figures: str, told: list[str]) -> None:
    unit = UNIT.split("tallies:")[0] + "tallies:\n  - as_of: 2018-04-26\n    " + figures
    root = write_site(tmp_path, {UNIT_PATH: unit})
    problems = [p for p in found(root) if p.path == UNIT_PATH]
    assert [p.severity for p in problems] == told, problems
    if told == ["warning"]:
        assert problems[0].message.startswith("tally of 2018-04-26 counts no issue list (collected: 0)")
        assert problems[0].line == 6


@pytest.mark.parametrize(("name", "after"), [
    ("白鹤镇（6月）", "（6月）"), ("白鹤镇 (6月)", "(6月)"), ("白鹤镇2018年6月", "2018年6月"), ("白鹤镇二期", "二期"),
    ("白鹤镇第二批", "第二批"), ("白鹤镇-2", "-2")])
def test_a_unit_named_as_another_with_a_period_after_it_is_warned_as_a_second_file_for_one_unit(
        tmp_path: Path, name: str, after: str) -> None:
    # 华新镇（6月） beside 华新镇 checked clean, and the home page added both latest tallies: 238 + 300 = 538 lists.
    second = f"name: {name}\nlevel: town\ntallies:\n{tally('2018-06-30', 300, 150, 110, 40)}"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50)),
                                 "content/units/baihe2.yaml": second})
    assert [p.format() for p in found(root)] == [
        f"content/units/baihe2.yaml:1:7: warning: the unit name {name} is the name of 白鹤镇 ({UNIT_PATH}) with "
        f'"{after}" after it: a second file for one unit is counted twice in the district totals\n'
        f"  hint: a unit has one file, and each new count is a tally in it: move its tallies under tallies: in "
        f"{UNIT_PATH} (sitegen new tally --unit baihe prints one to paste) and delete content/units/baihe2.yaml; if "
        f"it is another place, add the line distinct_from: [baihe] to content/units/baihe2.yaml"]
    # Done as told, one unit holds both tallies, and the totals count the town once.
    (root / UNIT_PATH).write_text(unit_with(tally("2018-04-26", 296, 143, 103, 50) + tally("2018-06-30", 300, 150, 110,
                                                                                            40)), encoding="utf-8")
    (root / "content/units/baihe2.yaml").unlink()
    assert found(root) == []
    # Another place or thing of its own is never taken for one (a village, a school, a plot, a pilot), nor a pair
    # told apart.
    for own in ("name: 白鹤镇二村\nlevel: village\n", "name: 白鹤镇社区中心\nlevel: community\n",
                "name: 白鹤镇二中\nlevel: committee\n", "name: 白鹤镇2号地块\nlevel: park\n",
                "name: 白鹤镇二期动迁安置房\nlevel: community\n", "name: 白鹤镇（试点）\nlevel: town\n",
                f"name: {name}\nlevel: town\ndistinct_from: [baihe]\n"):
        (root / "content/units/other.yaml").write_text(own, encoding="utf-8")
        assert found(root) == [], own


_TOTALS_LEFT_OUT = ("as a district-level unit (区级单位) its figures are left out of the totals of the home page and the "
                    "dashboard beside other units' (the pages say 华新镇是区级单位…不计入合计)")


@pytest.mark.parametrize(("name", "level", "message", "hint"), [
    # 华新镇 with level: 区 checked clean, and the home page left its lists out of the totals: "华新镇是区级单位…".
    ("华新镇", "区", f"level: 区 (district), but the name 华新镇 ends in 镇, which says level: town (镇): {_TOTALS_LEFT_OUT}",
     "write level: town if 华新镇 is a town (镇), as its name says; if it is the district (区), correct its name"),
    ("华新镇", "district", "level: district (区), but the name 华新镇 ends in 镇, which says level: town (镇): "
     + _TOTALS_LEFT_OUT,
     "write level: town if 华新镇 is a town (镇), as its name says; if it is the district (区), correct its name"),
    ("华新乡", "district", "level: district (区), but the name 华新乡 ends in 乡, which says level: town (镇): "
     + _TOTALS_LEFT_OUT.replace("华新镇", "华新乡"),
     "write level: town if 华新乡 is a town (镇), as its name says; if it is the district (区), correct its name"),
    ("华新村", "district", "level: district (区), but the name 华新村 ends in 村, which says level: village (村): "
     + _TOTALS_LEFT_OUT.replace("华新镇", "华新村"),
     "write level: village if 华新村 is a village (村), as its name says; if it is the district (区), correct its name"),
    ("青浦区人民政府", "town", "level: town (镇), but the name 青浦区人民政府 ends in 区, which says level: district (区): its "
     "figures are added into the totals of the home page and the dashboard with the other units', though a "
     "district's figures hold theirs already: they would be counted twice",
     "write level: district if 青浦区人民政府 is the district (区), as its name says; if it is a town (镇), correct its "
     "name"),
    ("盈浦街道", "village", "level: village (村), but the name 盈浦街道 ends in 街道, which says level: subdistrict (街道): "
     "the heading of its page reads 盈浦街道（村）",
     "write level: subdistrict if 盈浦街道 is a subdistrict (街道), as its name says; if it is a village (村), correct "
     "its name"),
    ("蟠龙村民委员会", "committee", "level: committee (委办局), but the name 蟠龙村民委员会 ends in 村民委员会, which says "
     "level: village (村): the heading of its page reads 蟠龙村民委员会（委办局）",
     "write level: village if 蟠龙村民委员会 is a village (村), as its name says; if it is an office (委办局), correct its "
     "name"),    # Typed in traditional characters (繁體字), as a name pasted from a Hong Kong or Taiwan source is: not read, it
    # was not warned, and 華新鎮 with level: district was left out of the totals.
    ("華新鎮", "district", "level: district (区), but the name 華新鎮 ends in 鎮, which says level: town (镇): "
     + _TOTALS_LEFT_OUT.replace("华新镇", "華新鎮"),
     "write level: town if 華新鎮 is a town (镇), as its name says; if it is the district (区), correct its name"),
    ("青浦區人民政府", "town", "level: town (镇), but the name 青浦區人民政府 ends in 區, which says level: district (区): its "
     "figures are added into the totals of the home page and the dashboard with the other units', though a "
     "district's figures hold theirs already: they would be counted twice",
     "write level: district if 青浦區人民政府 is the district (区), as its name says; if it is a town (镇), correct its "
     "name"),
    ("盈浦街道辦事處", "village", "level: village (村), but the name 盈浦街道辦事處 ends in 街道辦事處, which says level: "
     "subdistrict (街道): the heading of its page reads 盈浦街道辦事處（村）",
     "write level: subdistrict if 盈浦街道辦事處 is a subdistrict (街道), as its name says; if it is a village (村), "
     "correct its name"),
    ("蟠龍村委會", "community", "level: community (社区), but the name 蟠龍村委會 ends in 村委會, which says level: "
     "village (村): the heading of its page reads 蟠龍村委會（社区）",
     "write level: village if 蟠龍村委會 is a village (村), as its name says; if it is a community (社区), correct its "
     "name"),
])
def test_a_unit_whose_name_says_another_level_is_warned_at_its_level(tmp_path: Path, name: str, level: str,
                                                                     message: str, hint: str) -> None:
    other = f"name: {name}\nlevel: {level}\ntallies:\n{tally('2018-04-26', 30, 10, 10, 10)}"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tally("2018-04-26", 296, 143, 103, 50)),
                                 "content/units/huaxin.yaml": other})
    assert [p.format() for p in found(root)] == [f"content/units/huaxin.yaml:2:8: warning: {message}\n  hint: {hint}"]
    # Done as the hint says, the file checks clean.
    meant = hint.split("write level: ")[1].split()[0]
    (root / "content/units/huaxin.yaml").write_text(other.replace(f"level: {level}", f"level: {meant}"),
                                                    encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("name", "read"), [
    # Every ending and office word with a character that has a traditional form (繁體字), typed so.
    ("青浦區", ("district", "區")), ("青浦縣", ("district", "縣")), ("浦東新區", ("district", "新區")),
    ("華新鎮", ("town", "鎮")), ("華新鎭", ("town", "鎭")), ("金澤鄉", ("town", "鄉")), ("金澤鄉鎮", ("town", "鄉鎮")),
    ("華新鎮政府", ("town", "鎮政府")), ("盈浦街道辦", ("subdistrict", "街道辦")),
    ("盈浦街道辦事處", ("subdistrict", "街道辦事處")), ("蟠龍村委會", ("village", "村委會")),
    ("蟠龍村民委員會", ("village", "村民委員會")), ("香花橋社區", ("community", "社區")),
    ("香花橋居委會", ("community", "居委會")), ("香花橋居民委員會", ("community", "居民委員會")),
    ("青浦園區", ("park", "園區")), ("青浦工業園區", ("park", "工業園區")), ("青浦工業區", ("park", "工業區")),
    ("青浦開發區", ("park", "開發區")), ("洋山保稅區", ("park", "保稅區")), ("區委辦局", ("committee", "委辦局")),
    ("區農業委員會", ("committee", "委員會")), ("區府辦", ("committee", "辦")),
    # An office's word set aside, the level read before it.
    ("白鶴鎮人民政府", ("town", "鎮")), ("青浦區辦事處", ("district", "區")),
    ("青浦工業園區管理委員會", ("park", "工業園區")), ("青浦工業園區管委會", ("park", "工業園區")),
    ("白鶴鎮黨工委", ("town", "鎮")), ("白鶴鎮黨委", ("town", "鎮")),
    # Simplified and traditional mixed, as a name edited by two people is.
    ("华新鎮人民政府", ("town", "鎮")), ("華新镇", ("town", "镇")),
    ("淀山湖管委會", None), ("金澤", None),
])
def test_a_name_in_traditional_characters_says_its_level_by_the_same_words(name: str,
                                                                          read: tuple[str, str] | None) -> None:
    assert level_in_name(name) == read


@pytest.mark.parametrize(("name", "split"), [
    ("重固镇人民政府", ("重固镇", "人民政府")), ("重固镇政府", ("重固镇", "政府")), ("重固镇党委", ("重固镇", "党委")),
    ("重固鎮黨委", ("重固鎮", "黨委")), ("盈浦街道办事处", ("盈浦街道", "办事处")),
    ("青浦工业园区管委会", ("青浦工业园区", "管委会")), ("长寿村委会", ("长寿村", "村委会")),
    ("长寿村村委会", ("长寿村", "村委会")), ("长寿村民委员会", ("长寿村", "村民委员会")),
    ("长寿村村民委员会", ("长寿村", "村民委员会")), ("重固 镇 人民政府", ("重固镇", "人民政府")),
    # No office's word, or nothing before it: the name is the place.
    ("白鹤镇", ("白鹤镇", "")), ("政府", ("政府", "")), ("村委会", ("村委会", "")), ("香花桥居委会", ("香花桥居委会", "")),
])
def test_the_place_a_unit_name_names_sets_its_offices_words_aside(name: str, split: tuple[str, str]) -> None:
    assert (split_office(name), place_name(name)) == (split, split[0])


def test_a_unit_whose_name_says_no_level_or_its_own_is_not_warned_of_its_level(tmp_path: Path) -> None:
    units = {"content/units/a.yaml": "name: 青浦区\nlevel: 区\n", "content/units/b.yaml": "name: 金泽\nlevel: district\n",
             "content/units/c.yaml": "name: 金泽乡\nlevel: town\n", "content/units/d.yaml": "name: 淀山湖管委会\nlevel: park\n",
             "content/units/e.yaml": "name: 青浦工业园区管委会\nlevel: 园区\n",
             "content/units/f.yaml": "name: 盈浦街道办事处\nlevel: subdistrict\n",
             "content/units/g.yaml": "name: 香花桥社区居委会\nlevel: community\n",
             "content/units/h.yaml": "name: 赵巷镇党委\nlevel: town\n", "content/units/i.yaml": "name: 区农委\nlevel: committee\n",
             # The same in traditional characters (繁體字): each read as its level, so none is warned.
             "content/units/j.yaml": "name: 重固鎮\nlevel: town\n", "content/units/k.yaml": "name: 商榻管委會\nlevel: park\n",
             "content/units/l.yaml": "name: 華新工業園區管委會\nlevel: park\n",
             "content/units/m.yaml": "name: 夏陽街道辦事處\nlevel: subdistrict\n",
             "content/units/n.yaml": "name: 趙巷社區居委會\nlevel: community\n",
             "content/units/o.yaml": "name: 朱家角鎮黨委\nlevel: town\n", "content/units/p.yaml": "name: 練塘鄉\nlevel: town\n"}
    root = write_site(tmp_path, {UNIT_PATH: unit_with(), **units})
    assert found(root) == []


def test_a_unit_file_copied_with_its_summary_is_warned_until_the_unit_has_its_own(tmp_path: Path) -> None:
    # baihe.yaml copied to zhaoxiang.yaml, only the name changed: 赵巷镇's page said "青浦区白鹤镇是…", unwarned.
    summary = "summary: 青浦区白鹤镇是“中国草莓之乡”，草莓种植已有30多年历史。\n"
    copy = "name: 赵巷镇\nlevel: town\n" + summary
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=summary), "content/units/zhaoxiang.yaml": copy})
    assert [p.format() for p in found(root)] == [
        f"content/units/zhaoxiang.yaml:3:10: warning: summary: this is the summary of 白鹤镇 ({UNIT_PATH}) word for "
        "word: a unit file copied to start another keeps the first unit's texts, and the page of 赵巷镇 would "
        "describe 白鹤镇\n"
        "  hint: write a summary of 赵巷镇 (or delete the summary: line); check its milestones, targets and notes too"]
    # Followed either way, the warning stops; a summary shared by units whose names read alike is told by that check.
    for mended in ("name: 赵巷镇\nlevel: town\nsummary: 赵巷镇位于青浦区东部。\n", "name: 赵巷镇\nlevel: town\n"):
        (root / "content/units/zhaoxiang.yaml").write_text(mended, encoding="utf-8")
        assert found(root) == [], mended


def test_a_unit_file_copied_with_its_tallies_is_warned_until_told_apart_or_its_own_figures_are_written(
        tmp_path: Path) -> None:
    # baihe.yaml copied to huaxin.yaml, only the name changed: checked clean, and the home page's total was 592 (296 × 2).
    def huaxin(tallies: str) -> str:
        return unit_with(tallies).replace("白鹤镇", "华新镇").replace("[白河镇, 百合镇]", "[]")

    tallies = tally("2018-03-01", 120, 60, 40, 20) + tally("2018-04-26", 296, 143, 103, 50, batches=318)
    copy = huaxin(tallies)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(tallies), "content/units/huaxin.yaml": copy})
    assert [p.format() for p in found(root)] == [
        "content/units/huaxin.yaml:5:12: warning: this tally of 2018-03-01 has every figure of the tally of 白鹤镇 "
        f"({UNIT_PATH}) of that day (collected 120, escalated 60, resolved 40, in progress 20): a unit file copied to "
        "start another keeps the first unit's figures, and the totals of the home page and the dashboard would add "
        "them twice\n"
        "  hint: write the figures 华新镇 counted (or delete the tallies copied with the file); if the units really "
        f"counted the same, add the line distinct_from: [baihe] to content/units/huaxin.yaml (the warning then stops)"]
    (root / "content/units/huaxin.yaml").write_text(copy.replace("tallies:", "distinct_from: [baihe]\ntallies:"),
                                                     encoding="utf-8")
    assert found(root) == []
    own = tally("2018-04-26", 238, 100, 90, 48)
    (root / "content/units/huaxin.yaml").write_text(huaxin(own), encoding="utf-8")
    assert found(root) == []
    # The same day with other figures, or the same figures on another day or without batches, is no copy; nor
    # is a district's tally, or a tally of a few lists.
    for other in (tally("2018-04-26", 296, 143, 104, 49, batches=318), tally("2018-04-27", 296, 143, 103, 50, 318),
                  tally("2018-04-26", 296, 143, 103, 50)):
        (root / "content/units/huaxin.yaml").write_text(huaxin(other), encoding="utf-8")
        assert found(root) == [], other
    district = huaxin(tallies).replace("level: town", "level: district").replace("华新镇", "青浦区")
    (root / "content/units/huaxin.yaml").write_text(district, encoding="utf-8")
    assert found(root) == []
    for all_resolved in (tally("2018-07-31", 12, 0, 12, 0), tally("2018-07-31", 12, 0, 12, 0, batches=3)):
        (root / UNIT_PATH).write_text(unit_with(all_resolved), encoding="utf-8")
        (root / "content/units/huaxin.yaml").write_text(huaxin(all_resolved), encoding="utf-8")
        assert found(root) == [], all_resolved
    few = tally("2018-07-31", 3, 0, 3, 0)
    (root / UNIT_PATH).write_text(unit_with(few), encoding="utf-8")
    (root / "content/units/huaxin.yaml").write_text(huaxin(few), encoding="utf-8")
    assert found(root) == []
    # The town's name replaced throughout the copy, its note's too: a copy all the same.
    noted = tally("2018-04-26", 296, 143, 103, 50) + "    note: 据白鹤镇上报\n"
    (root / UNIT_PATH).write_text(unit_with(noted), encoding="utf-8")
    (root / "content/units/huaxin.yaml").write_text(huaxin(noted), encoding="utf-8")
    assert [(p.path, p.line) for p in found(root)] == [("content/units/huaxin.yaml", 5)]


def test_a_unit_with_the_tally_of_two_others_is_told_both_at_once(tmp_path: Path) -> None:
    # Told of one unit at a time, the editor added distinct_from: [cun-a] and was then told of cun-b.
    village = "name: {name}\nlevel: village\ntallies:\n" + tally("2018-07-31", 30, 10, 15, 5)
    root = write_site(tmp_path, {f"content/units/cun-{letter}.yaml": village.format(name=name)
                                 for letter, name in (("a", "东村"), ("b", "西村"), ("c", "南港村"))})
    warned = [(p.path, p.hint) for p in found(root) if "every figure" in p.message]
    assert warned == [
        ("content/units/cun-b.yaml", "write the figures 西村 counted (or delete the tallies copied with the file); if the "
         "units really counted the same, add the line distinct_from: [cun-a] to content/units/cun-b.yaml (the warning "
         "then stops)"),
        ("content/units/cun-c.yaml", "write the figures 南港村 counted (or delete the tallies copied with the file); if "
         "the units really counted the same, add the line distinct_from: [cun-a, cun-b] to content/units/cun-c.yaml "
         "(the warning then stops)")]
    for letter, told in (("b", "[cun-a]"), ("c", "[cun-a, cun-b]")):
        path = tmp_path / f"content/units/cun-{letter}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"distinct_from: {told}\n", encoding="utf-8")
    assert [p for p in found(root) if "every figure" in p.message] == []



CHONGGU = ("name: 重固镇\nlevel: town\naliases: []\nmisspellings: []\nsummary: 青浦区重固镇。\ntallies:\n"
           + tally("2018-04-26", 296, 143, 103, 50, batches=318))
CHONGGU_PATH = "content/units/chonggu.yaml"


def _copied_warnings(copy_path: str) -> list[str]:
    """The two warnings of a copy of `CHONGGU` named 安亭镇 at ``copy_path``."""
    return [
        f"{copy_path}:5:10: warning: summary: this is the summary of 重固镇 ({CHONGGU_PATH}) word for word: a unit file "
        "copied to start another keeps the first unit's texts, and the page of 安亭镇 would describe 重固镇\n"
        "  hint: write a summary of 安亭镇 (or delete the summary: line); check its milestones, targets and notes too",
        f"{copy_path}:7:12: warning: this tally of 2018-04-26 has every figure of the tally of 重固镇 ({CHONGGU_PATH}) "
        "of that day (batches 318, collected 296, escalated 143, resolved 103, in progress 50): a unit file copied to "
        "start another keeps the first unit's figures, and the totals of the home page and the dashboard would add "
        "them twice\n"
        "  hint: write the figures 安亭镇 counted (or delete the tallies copied with the file); if the units really "
        f"counted the same, add the line distinct_from: [chonggu] to {copy_path} (the warning then stops)"]


def _set_age(path: Path, seconds_ago: int) -> None:
    """Give ``path`` the modification time of ``seconds_ago`` seconds ago."""
    then = path.stat().st_mtime - seconds_ago
    os.utime(path, (then, then))


@pytest.mark.parametrize("copy_name", ["anting.yaml", "baihe.yml", "xujing.yaml"])
def test_a_copied_unit_file_is_warned_at_the_copy_whichever_name_sorts_first(tmp_path: Path, copy_name: str) -> None:
    # chonggu.yaml copied to anting.yaml, only the name changed: both warnings landed on chonggu.yaml (its name sorts
    # later), whose hints had 重固镇's own summary rewritten and its real figures deleted; anting.yaml was told nothing.
    copy_path = f"content/units/{copy_name}"
    copy = CHONGGU.replace("name: 重固镇", "name: 安亭镇")
    root = write_site(tmp_path, {CHONGGU_PATH: CHONGGU, copy_path: copy}, records=False)
    # The summary naming 重固镇 tells which file is the copy, even when the original was saved last.
    _set_age(root / copy_path, 60)
    assert [p.format() for p in found(root)] == _copied_warnings(copy_path)
    # Followed on the copy, each hint silences its warning; the original is untouched and checks clean.
    (root / copy_path).write_text(copy.replace("青浦区重固镇。", "青浦区安亭镇。"), encoding="utf-8")
    assert [p.format() for p in found(root)] == _copied_warnings(copy_path)[1:]
    own = "name: 安亭镇\nlevel: town\naliases: []\nmisspellings: []\nsummary: 青浦区安亭镇。\ntallies:\n" + tally(
        "2018-04-26", 210, 100, 80, 30, batches=220)
    (root / copy_path).write_text(own, encoding="utf-8")
    assert found(root) == []
    assert (root / CHONGGU_PATH).read_text(encoding="utf-8") == CHONGGU
    # Deleting the copied summary and tallies, as the hints also offer, checks clean too.
    (root / copy_path).write_text("name: 安亭镇\nlevel: town\naliases: []\nmisspellings: []\n", encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("copy_name", ["anting.yaml", "xujing.yaml"])
def test_a_copied_unit_file_naming_no_town_is_told_apart_by_being_the_newer_file(tmp_path: Path,
                                                                                 copy_name: str) -> None:
    # No text names either town: the copy is the file made later (cp makes a new file), whatever its name.
    plain = CHONGGU.replace("summary: 青浦区重固镇。", "summary: 位于青浦区中部。")
    copy_path = f"content/units/{copy_name}"
    root = write_site(tmp_path, {CHONGGU_PATH: plain, copy_path: plain.replace("name: 重固镇", "name: 安亭镇")},
                      records=False)
    _set_age(root / CHONGGU_PATH, 60)
    assert [(p.path, p.line) for p in found(root)] == [(copy_path, 5), (copy_path, 7)]
    # Saved at one moment, the file later in name order is taken for the copy.
    then = (root / CHONGGU_PATH).stat().st_mtime
    os.utime(root / copy_path, (then, then))
    later = max(CHONGGU_PATH, copy_path)
    assert [(p.path, p.line) for p in found(root)] == [(later, 5), (later, 7)]


LISTED_NOTE = "    note: 区统一要求：居民调研率达到80%。其中：\n      - 本地居民\n      - 外来人口\n"
LISTED_OUTCOME = "outcome: 取得三方面成效，\n  具体如下：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n"


def test_a_text_typed_as_lines_of_a_list_is_warned_and_the_block_the_hint_gives_keeps_the_lines(tmp_path: Path) -> None:
    # A note or an outcome typed as a list below its first line was published as one line, the list gone:
    # "其中：- 本地居民 - 外来人口", unwarned.
    targets = "targets:\n  - group: residents\n    target: 80\n"
    case = case_file(LISTED_OUTCOME)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=targets + LISTED_NOTE), "content/cases/ludeng.md": case})
    block = 'to keep each line as typed, write "|" after the colon and the text on the lines below it, two spaces ' \
            "further in than "
    assert [p.format() for p in found(root)] == [
        'content/cases/ludeng.md:8:10: warning: outcome: the lines below it that start like a list\'s items ("1. '
        '路灯已全部修复；") are joined to it as one text, so the page shows them on one line: "取得三方面成效，具体如下：1. '
        '路灯已全部修复；2. 建立巡查机制；"\n'
        f'  hint: {block}outcome: "outcome: |", then "  取得三方面成效，", then "  具体如下：", then "  1. 路灯已全部修复；", '
        'then "  2. 建立巡查机制；"',
        f"{UNIT_PATH}:7:11: warning: targets → item 1 → note: the lines below it that start like a list's items "
        '("- 本地居民") are joined to it as one text, so the page shows them on one line: "区统一要求：居民调研率达到80%。'
        '其中：- 本地居民- 外来人口"\n'
        f'  hint: {block}note: "    note: |", then "      区统一要求：居民调研率达到80%。其中：", then "      - 本地居民", '
        'then "      - 外来人口"']
    # Done as told, the lines are kept as typed, on the page and in the open data.
    (root / UNIT_PATH).write_text(unit_with(extra=targets + "    note: |\n      区统一要求：居民调研率达到80%。其中：\n"
                                            "      - 本地居民\n      - 外来人口\n"), encoding="utf-8")
    (root / "content/cases/ludeng.md").write_text(case_file(
        "outcome: |\n  取得三方面成效，\n  具体如下：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n"), encoding="utf-8")
    assert found(root) == []
    output = build_at(root)
    assert "取得三方面成效，\n具体如下：\n1. 路灯已全部修复；\n2. 建立巡查机制；" in (
        output / "cases/ludeng/index.html").read_text(encoding="utf-8")
    assert "区统一要求：居民调研率达到80%。其中：\n- 本地居民\n- 外来人口" in (
        output / "data/targets.csv").read_text(encoding="utf-8-sig")
    # Lists typed as lists, and a text whose lines start otherwise, are left alone.
    (root / "content/cases/ludeng.md").write_text(case_file("outcome: 取得成效，\n  路灯已全部修复。\n"), encoding="utf-8")
    assert found(root) == []


def test_a_summary_typed_as_lines_of_a_list_is_warned_now_that_its_page_keeps_a_blocks_lines(tmp_path: Path) -> None:
    # A unit's summary typed as a list was published on one line unwarned: a summary's block lines were joined on
    # the page all the same, so no hint could keep them.
    summary = "summary: 白鹤镇大调研分三步：\n  1. 动员部署；\n  2. 走访调研；\n"
    root = write_site(tmp_path, {UNIT_PATH: unit_with(extra=summary)})
    assert [p.format() for p in found(root)] == [
        f"{UNIT_PATH}:4:10: warning: summary: the lines below it that start like a list's items (\"1. 动员部署；\") are "
        'joined to it as one text, so the page shows them on one line: "白鹤镇大调研分三步：1. 动员部署；2. 走访调研；"\n'
        '  hint: to keep each line as typed, write "|" after the colon and the text on the lines below it, two spaces '
        'further in than summary: "summary: |", then "  白鹤镇大调研分三步：", then "  1. 动员部署；", then "  2. 走访调研；"']
    (root / UNIT_PATH).write_text(unit_with(extra="summary: |\n  白鹤镇大调研分三步：\n  1. 动员部署；\n  2. 走访调研；\n"),
                                  encoding="utf-8")
    assert found(root) == []
    assert '<p class="lead lines">白鹤镇大调研分三步：\n1. 动员部署；\n2. 走访调研；</p>' in (
        build_at(root) / "units/baihe/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("typed", "line", "column", "field", "first", "joined", "written", "head"), [
    # The text on the lines below its key.
    ("outcome:\n  已完成。\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", 9, 3, "outcome", "1. 路灯已全部修复；",
     "已完成。1. 路灯已全部修复；2. 建立巡查机制；",
     "outcome: |\n  已完成。\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", ("colon", "outcome")),
    # Its first line ending with a full-width colon: told "type an English colon", then "this line is text".
    ("outcome:\n  已完成：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", 9, 3, "outcome", "1. 路灯已全部修复；",
     "已完成：1. 路灯已全部修复；2. 建立巡查机制；",
     "outcome: |\n  已完成：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", ("colon", "outcome")),
    # In quotes over lines: the quotes give way to the block.
    ('outcome: "取得三方面成效：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；"\n', 8, 10, "outcome", "1. 路灯已全部修复；",
     "取得三方面成效：1. 路灯已全部修复；2. 建立巡查机制；",
     "outcome: |\n  取得三方面成效：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", ("colon in place of the quotes", "outcome")),
    # An item of a list of texts going on over lines.
    ("actions:\n  - 走访沿线各村，重点是：\n    1. 摸排问题点位\n    2. 建立台账\noutcome: 已完成。\n", 7, 5,
     "actions → item 1", "1. 摸排问题点位", "走访沿线各村，重点是：1. 摸排问题点位2. 建立台账",
     "actions:\n  - |\n    走访沿线各村，重点是：\n    1. 摸排问题点位\n    2. 建立台账\noutcome: 已完成。\n", ('"-"', 'the "-"')),
])
def test_a_text_below_its_key_or_an_items_text_typed_as_a_list_is_warned_too(
        tmp_path: Path, typed: str, line: int, column: int, field: str, first: str, joined: str, written: str,
        head: tuple[str, str]) -> None:
    page = case_file(typed).replace("actions:\n  - 走访\n", "", 1) if typed.startswith("actions") else case_file(typed)
    root = write_site(tmp_path, {"content/cases/ludeng.md": page})
    [problem] = found(root)
    block = written.split("outcome: 已完成。")[0].split("actions:\n")[-1].rstrip("\n").split("\n")
    assert (problem.line, problem.column, problem.message, problem.hint) == (
        line, column, f'{field}: the lines below it that start like a list\'s items ("{first}") are joined to it as one '
        f'text, so the page shows them on one line: "{joined}"',
        f'to keep each line as typed, write "|" after the {head[0]} and the text on the lines below it, two spaces '
        f"further in than {head[1]}: " + ", then ".join(f'"{text}"' for text in block))
    (root / "content/cases/ludeng.md").write_text(page.replace(typed, written), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "column", "field", "first", "joined", "header"), [
    ("outcome: >\n  取得三方面成效：\n  1. 路灯已全部修复；\n  2. 建立巡查机制；\n", 10, "outcome", "1. 路灯已全部修复；",
     "取得三方面成效：1. 路灯已全部修复；2. 建立巡查机制；", "outcome: |"),
    # Its final line break dropped ("-"), and a comment after the header; the items first.
    ("outcome: >-  # 成效\n  - 路灯已全部修复；\n  - 建立巡查机制；\n", 10, "outcome", "- 路灯已全部修复；",
     "- 路灯已全部修复；- 建立巡查机制；", "outcome: |-"),
])
def test_a_folded_block_typed_as_lines_of_a_list_is_told_to_keep_its_lines(
        tmp_path: Path, typed: str, column: int, field: str, first: str, joined: str, header: str) -> None:
    # "note: >" (a folded block) joins the lines of its own indent: a list typed under it was published as one
    # line, "其中：- 本地居民- 外来人口", unwarned, while the same lines without the ">" were warned.
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(typed)})
    assert [(p.line, p.column, p.message, p.hint) for p in found(root)] == [(
        8, column, f'{field}: the lines below it that start like a list\'s items ("{first}") are joined to it as one '
        f'text, so the page shows them on one line: "{joined}"',
        f'to keep each line as typed, write "|" in place of ">" (">" joins the lines; "|" keeps them): "{header}"; '
        "leave the lines below it as they are")]
    # Done as told, the lines are kept as typed.
    (root / "content/cases/ludeng.md").write_text(case_file(typed.replace(">", "|", 1)), encoding="utf-8")
    assert found(root) == []
    shown = (build_at(root) / "cases/ludeng/index.html").read_text(encoding="utf-8")
    assert "\n".join(line.strip() for line in typed.split("\n")[1:] if line) in shown


@pytest.mark.parametrize(("typed", "told", "first", "joined"), [
    # Rows pasted from a spreadsheet, and names a line each: "东庄村\t120朱庄村\t96" and "张明李华王建国" were
    # published, unwarned.
    ("outcome: 各村数量：\n  东庄村\t120\n  朱庄村\t96\n",
     "that are rows of cells with TABs between them, as pasted from Excel or WPS (表格)", "东庄村 120",
     "各村数量：东庄村 120朱庄村 96"),
    ("outcome: 领导小组成员：\n  张明\n  李华\n  王建国\n", "that each hold a name", "张明", "领导小组成员：张明李华王建国"),
])
def test_rows_or_names_typed_a_line_each_in_a_text_are_told_to_keep_their_lines(
        tmp_path: Path, typed: str, told: str, first: str, joined: str) -> None:
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(typed)})
    [problem] = found(root)
    assert (problem.line, problem.column, problem.message) == (
        8, 10, f'outcome: the lines below it {told} ("{first}") are joined to it as one text, so the page shows them '
        f'on one line: "{joined}"')
    assert problem.hint.startswith('to keep each line as typed, write "|" after the colon and the text on the lines '
                                   'below it, two spaces further in than outcome: "outcome: |", then "  ')
    (root / "content/cases/ludeng.md").write_text(case_file(typed.replace("outcome: ", "outcome: |\n  ", 1)),
                                                   encoding="utf-8")
    assert found(root) == []
    lines = [line.strip() for line in typed.removeprefix("outcome: ").split("\n") if line]
    assert "\n".join(lines) in (build_at(root) / "cases/ludeng/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", [
    "outcome: 镇里已完成路灯修复，\n  正在推进绿化改造工程。\n",  # prose wrapped over lines
    "outcome: 已完成，\n  见附表。\n",  # one short line: no list
    "outcome: 已完成\t路灯修复。\n",  # a TAB on one line
])
def test_a_text_wrapped_over_lines_is_not_told_of_rows_or_names(tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(typed)})
    assert found(root) == []


def test_a_folded_block_keeps_the_breaks_of_lines_further_in_and_a_unit_item_is_told_too(tmp_path: Path) -> None:
    # Lines further in than the block's own are kept as typed by ">" (YAML 1.2 §8.1.3): nothing to tell.
    further = case_file("outcome: >\n  取得三方面成效：\n    1. 路灯已全部修复；\n    2. 建立巡查机制；\n")
    root = write_site(tmp_path, {"content/cases/ludeng.md": further})
    assert found(root) == []
    # A milestone's description, a list's item ("- >") of a unit file.
    milestones = ("milestones:\n  - date: 2018-01-15\n    title: 动员部署\n    description: >\n      分三步：\n"
                  "      - 成立领导小组\n      - 印发方案\n")
    (root / UNIT_PATH).write_text(unit_with(extra=milestones), encoding="utf-8")
    [problem] = found(root)
    assert (problem.path, problem.column, problem.message.split(":")[0], problem.hint.split(": ", 1)[1]) == (
        UNIT_PATH, 18, "milestones → item 1 → description", '"    description: |"; leave the lines below it as they are')


@pytest.mark.parametrize("typed", [
    "outcome: 镇里已完成\n  一、二期工程建设，正在推进三期。\n",  # a sentence wrapped before a number: one such line
    "outcome: 完成小区\n  1、2号楼的外墙改造。\n",
    "outcome: 对\n  （1）班和（2）班的学生开展调研。\n",
    # Months and phases counted in prose wrapped over lines: "1、2月份" is January and February.
    "outcome: 据统计，\n  1、2月份因春节因素调研批次较少，\n  3、4月份集中开展入户走访，\n  一、二期河道整治已列入计划。\n",
    'outcome: "会议决定：\n  （1）成立\\"调研\\"小组\n  （2）印发方案"\n',  # escapes: a block would publish them
])
def test_a_text_wrapped_before_a_number_or_shown_on_one_line_is_not_told_of_a_list(tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(typed)})
    assert [p.format() for p in found(root)] == []


def test_a_summary_typed_as_a_list_is_told_as_other_free_text_is(tmp_path: Path) -> None:
    # A summary keeps the lines typed after "|" on the pages, as an outcome does: its list lines are told alike.
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(
        "summary: 其中：\n  - 本地居民\n  - 外来人口\noutcome: 已完成。\n")})
    [problem] = found(root)
    assert (problem.location(), problem.hint) == (
        "content/cases/ludeng.md:8:10", 'to keep each line as typed, write "|" after the colon and the text on the '
        'lines below it, two spaces further in than summary: "summary: |", then "  其中：", then "  - 本地居民", '
        'then "  - 外来人口"')
    (root / "content/cases/ludeng.md").write_text(case_file(
        "summary: |\n  其中：\n  - 本地居民\n  - 外来人口\noutcome: 已完成。\n"), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize("items", ["（一）本地居民\n  （二）外来人口", "①本地居民\n  ②外来人口", "１．本地居民\n  ２．外来人口",
                                   "1）本地居民\n  2）外来人口"])
def test_numbers_of_lists_typed_the_chinese_ways_are_told_too(tmp_path: Path, items: str) -> None:
    root = write_site(tmp_path, {"content/cases/ludeng.md": case_file(f"outcome: 其中：\n  {items}\n")})
    assert [p.message.split(":")[0] for p in found(root)] == ["outcome"]


def test_an_items_text_below_its_dash_ending_with_a_full_width_colon_is_text(tmp_path: Path) -> None:
    # "actions:", "  -", then "    召开座谈会：" and "    另行通知": correct YAML, stopped with "type an English colon".
    page = case_file("outcome: 已完成。\n").replace("actions:\n  - 走访\n",
                                                  "actions:\n  - 走访\n  -\n    召开座谈会：\n    另行通知\n")
    root = write_site(tmp_path, {"content/cases/ludeng.md": page})
    assert found(root) == []
    assert "召开座谈会：另行通知" in (build_at(root) / "cases/ludeng/index.html").read_text(encoding="utf-8")
    # A group of fields still takes no full-width colon.
    (root / "content/cases/ludeng.md").write_text(page.replace("status: resolved\n", "status: resolved\nsource:\n"
                                                               "  title：上海热线\n"), encoding="utf-8")
    assert [p.message for p in found(root)] == ['"title：" uses a full-width colon (全角冒号 ：)']


def case_file(outcome: str) -> str:
    """A case study of 白鹤镇 with an actions list, a tags list and the ``outcome`` lines given (from line 8)."""
    return ("---\ntitle: 路灯修复\nunit: baihe\nstatus: resolved\nproblem: 路灯不亮。\nactions:\n  - 走访\n"
            + outcome + "tags:\n  - 大调研\n  - 民生\ndate: 2018-05-03\n---\n\n正文。\n")


def test_a_page_naming_a_unit_by_a_file_name_that_is_no_id_is_told_the_id_to_rename_it_to(tmp_path: Path) -> None:
    # "rename it to 白鹤镇.yaml" was followed by a third round: "the file name 白鹤镇 is not a valid id, rename the
    # file to bai-he-zhen.yaml".
    page = interview().replace("unit: baihe", "unit: 白鹤镇")
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": SERIES, "content/units/白鹤镇.yaml.txt": UNIT,
                                 "content/interviews/a.md": page}, records=False)
    errors = [p for p in found(root) if p.severity == "error"]
    assert [(p.path, p.message, p.hint) for p in errors] == [
        ("content/interviews/a.md", 'there is no unit "白鹤镇"',
         "content/units/白鹤镇.yaml.txt is the file of this unit, but it is not read for its name: rename it to "
         "bai-he-zhen.yaml (turn on 查看 → 文件扩展名 in Windows to see the whole name), and write unit: "
         "bai-he-zhen here")]
    (root / "content/units/白鹤镇.yaml.txt").rename(root / "content/units/bai-he-zhen.yaml")
    (root / "content/interviews/a.md").write_text(page.replace("unit: 白鹤镇", "unit: bai-he-zhen"), encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("typed", "meant"), [("截至", "as_of"), ("截至日期", "as_of"), ("统计日期", "as_of"),
                                              ("调研批次", "batches"), ("收集问题清单", "collected")])
def test_a_tally_field_typed_with_the_words_the_pages_show_is_told_its_name(tmp_path: Path, typed: str,
                                                                           meant: str) -> None:
    # 调研批次 and 统计日期 are the pages' own column headings, 截至 their "as of": each was told "remove it", and the
    # tally lost its date or its batches.
    tallies = tally("2018-04-26", 296, 143, 103, 50, batches=318)
    typed_tally = tallies.replace(f"{meant}:", f"{typed}:", 1) if meant != "as_of" else tallies.replace(
        "- as_of:", f"- {typed}:", 1)
    root = write_site(tmp_path, {UNIT_PATH: unit_with(typed_tally)})
    [problem] = found(root)
    assert (problem.message, problem.hint) == (
        f'unknown field "{typed}" in tallies → item 1 (did you mean "{meant}"?)', f'rename it to "{meant}"')
    (root / UNIT_PATH).write_text(unit_with(tallies), encoding="utf-8")
    assert found(root) == []


_CASE_STUDY = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\ndate: 2018-05-03\nstatus: in_progress\n"
               "problem: 草莓企业希望把传统优势产业做大做强。\nactions:\n  - 走访草莓种业研发中心\n  - 研究建设种植基地\n"
               "outcome: 已建成种植基地。\nrelated_tally: 2018-04-26\n---\n\n正文。\n")
_OTHER_UNIT = "name: 华新镇\nlevel: town\nmisspellings: [华兴镇]\n"
_OTHER_SERIES = "title: 典型案例\nblurb: 各镇的典型做法。\npublisher: 区大调研办公室\n"
_SAVED_ELSEWHERE = {
    # file typed, saved in, its folder, the line and column of the error, the fields named, what each file there is
    "case study in interviews": (_CASE_STUDY, "content/interviews/caomei.md", "content/cases/caomei.md", "5:1",
                                 "a case study (案例): status, problem, actions, outcome, related_tally",
                                 "an interview (访谈)"),
    "interview in cases": (interview(), "content/cases/baihe.md", "content/interviews/baihe.md", "3:1",
                           "an interview (访谈): series, interviewee", "a case study (案例)"),
    "unit in series": (_OTHER_UNIT, "content/series/huaxin.yaml", "content/units/huaxin.yaml", "1:1",
                       "a unit (单位): name, level, misspellings", "a series (栏目)"),
    "series in units": (_OTHER_SERIES, "content/units/anli.yaml", "content/series/anli.yaml", "1:1",
                        "a series (栏目): title, blurb, publisher", "a unit (单位)"),
}


@pytest.mark.parametrize("slip", _SAVED_ELSEWHERE)
def test_a_file_saved_in_the_folder_of_another_kind_is_told_to_move_there_in_one_error(
        tmp_path: Path, slip: str) -> None:
    # A case study saved in content/interviews/ got 7 errors: 'unknown field "status" … remove it, or use one of:
    # …' for each of its fields, and "add interviewee", "add series": followed, they deleted the case study.
    text, typed_at, home, place, fields, kind_here = _SAVED_ELSEWHERE[slip]
    root = write_site(tmp_path, {typed_at: text})
    folder, there = typed_at.rsplit("/", 1)[0] + "/", home.rsplit("/", 1)[0] + "/"
    one = {"a case study (案例)": "a case study", "an interview (访谈)": "an interview", "a unit (单位)": "a unit",
           "a series (栏目)": "a series"}[fields.split(":")[0]]
    assert [p.format() for p in found(root)] == [
        f"{typed_at}:{place}: error: the file has the fields of {fields}; but it is in {folder}, where each file is "
        f"{kind_here}\n"
        f"  hint: move the file to {there} (each file there is {one}): {home}; its lines stay as typed"]
    (root / home).parent.mkdir(parents=True, exist_ok=True)
    (root / typed_at).rename(root / home)  # the hint, followed
    assert found(root) == []


@pytest.mark.parametrize(("typed_at", "text", "home", "field", "kind"), [
    ("content/访谈/baihe.md", interview(), "content/interviews/", "series", "an interview (访谈)"),
    ("content/案例/caomei.md", _CASE_STUDY, "content/cases/", "status", "a case study (案例)"),
    ("content/caomei.md", _CASE_STUDY, "content/cases/", "status", "a case study (案例)"),
    ("content/资料/huaxin.yaml", _OTHER_UNIT, "content/units/", "name", "a unit (单位)"),
    ("content/资料/anli.yaml", _OTHER_SERIES, "content/series/", "title", "a series (栏目)"),
])
def test_a_file_outside_the_content_folders_is_told_the_folder_its_fields_belong_in(
        tmp_path: Path, typed_at: str, text: str, home: str, field: str, kind: str) -> None:
    # "move it into one of: content/series/, content/units/, content/interviews/, content/cases/": four folders
    # to choose from, for a page that says which it is.
    root = write_site(tmp_path, {typed_at: text, "content/资料/笔记.md": "# 笔记\n"})
    assert sorted((p.path, p.hint) for p in found(root)) == sorted([
        ("content/资料/笔记.md", "move it into one of: content/series/, content/units/, content/interviews/, "
                               "content/cases/"),
        (typed_at, f"move it into {home}: its {field}: field makes it {kind}")])
    (root / home).mkdir(parents=True, exist_ok=True)
    (root / typed_at).rename(root / home / typed_at.rsplit("/", 1)[1])  # the hint, followed
    assert [p.path for p in found(root)] == ["content/资料/笔记.md"]


def test_a_field_of_the_other_kind_in_a_page_is_told_whose_it_is_and_the_lines_to_delete(tmp_path: Path) -> None:
    # An interview (series:, interviewee:) with two fields of a case study typed in it is an interview: it is not
    # told to move. Each field was 'unknown field "status"', hint "remove it, or use one of: draft, aliases".
    page = interview(extra="status: in_progress\noutcome: 已解决\n")
    root = write_site(tmp_path, {"content/interviews/baihe.md": page})
    also = "; or, if the file is a case study, move it to content/cases/ and give it the fields of one (sitegen new " \
           "case shows them)"
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        (f"content/interviews/baihe.md:{line}:1", f'unknown field "{key}": it is a field of a case study (案例), and '
         f"this file is in content/interviews/, where each file is an interview (访谈), which has no {key}",
         f"delete line {line}{also}") for line, key in ((9, "status"), (10, "outcome"))]
    # A case study's block typed in an interview (a case study has no interviewee): its lines, all of them.
    case = _CASE_STUDY.replace("unit: baihe\n", "unit: baihe\ninterviewee:\n  name: 受访人\n  role: 镇长\n")
    (root / "content/interviews/baihe.md").unlink()
    (root / "content/cases/caomei.md").parent.mkdir(parents=True)
    (root / "content/cases/caomei.md").write_text(case, encoding="utf-8")
    [problem] = found(root)
    assert (problem.location(), problem.hint.split(";")[0]) == ("content/cases/caomei.md:4:1", "delete lines 4–6")
    (root / "content/cases/caomei.md").write_text(_CASE_STUDY, encoding="utf-8")  # the hint, followed
    assert found(root) == []
    # A slip of a field of its own is told as one.
    (root / "content/cases/caomei.md").write_text(_CASE_STUDY.replace("status:", "staus:"), encoding="utf-8")
    assert [p.message for p in found(root)] == ['unknown field "staus" (did you mean "status"?)']


def test_a_series_and_a_unit_typed_in_each_others_place_are_told_so(tmp_path: Path) -> None:
    # series: baihe and unit: dadiaoyan were each offered "sitegen new series … --id baihe", which new refused.
    page = interview().replace("series: dadiaoyan\nunit: baihe", "series: baihe\nunit: dadiaoyan")
    root = write_site(tmp_path, {"content/interviews/a.md": page})
    assert [(p.location(), p.message, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:3:9", 'there is no series "baihe"', "baihe is the id of the unit 白鹤镇, not of a "
         "series: write it after unit:, and here the id of the series: the only series there is, 大调研微访谈, has the "
         "id dadiaoyan: write series: dadiaoyan"),
        ("content/interviews/a.md:4:7", 'there is no unit "dadiaoyan"', "dadiaoyan is the id of the series 大调研微访谈, "
         "not of a unit: write it after series:, and here the id of the unit: the only unit there is, 白鹤镇, has the "
         "id baihe: write unit: baihe")]
    (root / "content/interviews/a.md").write_text(interview(), encoding="utf-8")
    assert found(root) == []


def test_words_in_angle_brackets_are_published_as_typed_in_the_page_its_summary_and_feed(tmp_path: Path) -> None:
    # The trial's page was published "使用统计。空气质量指标。依据模板填报。", warned that the words' "tags" had
    # been removed and their text kept.
    body = "空气质量<PM2.5>指标。依据<Excel>模板填报，使用<WPS表格>统计。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    [problem] = found(root)
    assert (problem.location(), problem.hint) == (
        "content/interviews/a.md:11:31",
        "if it is a title (of a document, book, program or system), type 《WPS表格》; if the angle brackets are "
        "meant, type them full-width: ＜WPS表格＞")
    (root / "content/interviews/a.md").write_text(interview(body=body.replace("<WPS表格>", "《WPS表格》")),
                                                  encoding="utf-8")
    assert found(root) == []
    output = build_at(root)
    [page] = (output / "interviews").glob("*/index.html")
    shown = "空气质量&lt;PM2.5&gt;指标。依据&lt;Excel&gt;模板填报，使用《WPS表格》统计。"
    assert f"<p>{shown}</p>" in page.read_text(encoding="utf-8")
    assert f'<meta name="description" content="{shown}">' in page.read_text(encoding="utf-8")
    assert shown in (output / "feed.xml").read_text(encoding="utf-8").replace("&amp;", "&")


def test_a_link_or_picture_whose_only_slip_is_a_full_width_closing_parenthesis_is_warned(tmp_path: Path) -> None:
    # Both were published as their Markdown, the picture missing, and "check --strict" found nothing.
    body = "![茭白田](images/photo2.svg）\n\n详见[原文](http://www.shcafe.org/shzxxw/120946.html）\n"
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='2'/>"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body), "content/images/photo2.svg": svg})
    assert [(p.location(), p.severity, p.hint) for p in found(root)] == [
        ("content/interviews/a.md:11:1", "warning",
         "type it in half width (半角), with nothing between ] and (: ![茭白田](images/photo2.svg)"),
        ("content/interviews/a.md:13:3", "warning", "type it in half width (半角), with nothing between ] and (: "
                                                    "[原文](http://www.shcafe.org/shzxxw/120946.html)")]
    (root / "content/interviews/a.md").write_text(interview(body=body.replace("）", ")")), encoding="utf-8")
    assert found(root) == []
    [page] = (build_at(root) / "interviews").glob("*/index.html")
    shown = page.read_text(encoding="utf-8")
    assert 'alt="茭白田"' in shown and "photo2.svg" in shown
    assert '<a href="http://www.shcafe.org/shzxxw/120946.html">原文</a>' in shown


def test_lists_nested_too_deep_for_markdown_stop_the_build_with_the_line_not_a_traceback(tmp_path: Path) -> None:
    # Python-Markdown reads each level of a list inside a list with more calls: 250 levels (a text pasted
    # through a converter that indents each line further) ended the build with a RecursionError traceback
    # (Markdown 3.11.3), or with 248 warnings, all wrong, and the deepest markers shown as text (3.11.4).
    nested = "".join("    " * level + "- 甲\n" for level in range(250))
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body="## 问题一\n\n回答。\n\n" + nested)})
    options = BuildOptions(root=root, now=NOW, search=False)
    expected = [
        "content/interviews/a.md:264:1: error: this list is nested too deep (嵌套过深): this item is at level 250, "
        "and sitegen converts lists of at most 100 levels, so the text is kept as typed\n"
        "  hint: indent the lines less, or leave a blank line between them and start them at the left margin: a "
        "list inside a list item takes 4 more spaces a level, and a text rarely needs more than 3 levels"]
    assert [p.format() for p in found(root)] == expected
    with pytest.raises(SiteError) as stopped:
        build(options)
    assert [p.format() for p in stopped.value.problems] == expected
    assert not (root / "output").exists()
    # The hint followed: the lines start at the left margin, a blank line between them.
    (root / "content/interviews/a.md").write_text(
        interview(body="## 问题一\n\n回答。\n\n" + "- 甲\n\n" * 250), encoding="utf-8")
    assert found(root) == []
    page = (build(options).config.output_path / "interviews/a/index.html").read_text(encoding="utf-8")
    assert page.count("<li>\n<p>甲</p>\n</li>") == 250


@pytest.mark.parametrize(("updated", "expected"), [
    ("2018-05-10 09:30", None),
    ("2018年5月10日", None),
    ("2018-05-03 10:00", None),
    ("2018-04-10", "content/interviews/a.md:9:10: error: the page is marked updated (更新时间) 2018-04-10, before its "
                   "publish time 2018-05-03 10:00\n  hint: one of the two is typed wrong: date: is when the page was first "
                   "published (发布时间), updated: when it was last corrected, on or after it; if the page was never "
                   "changed after publishing, delete the updated: line"),
    ("2081-05-10 09:00", "content/interviews/a.md:9:10: warning: the page is marked updated (更新时间) 2081-05-10 09:00, "
                         "a time still to come, and every page and feed would show it\n"
                         "  hint: did you mean 2018? write updated: 2018-05-10 09:00"),
    ("2027-05-10", "content/interviews/a.md:9:10: warning: the page is marked updated (更新时间) 2027-05-10, a time "
                   "still to come, and every page and feed would show it\n"
                   "  hint: write when the page was corrected, on or before today (2026-11-30)"),
])
def test_an_update_time_before_publishing_or_still_to_come_is_told(tmp_path: Path, updated: str,
                                                                    expected: str | None) -> None:
    # "updated:" was an unknown field: a corrected page could not say so, and its feeds and sitemap kept the
    # publish time, so feed readers and search engines never learned of the correction.
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(extra=f"updated: {updated}\n")})
    found = [p.format() for p in check(BuildOptions(root=root, now=datetime(2026, 11, 30, 12, 0))).problems]
    assert found == ([expected] if expected else [])
    if expected and "did you mean" in expected:
        hinted = expected.rsplit("write ", 1)[1]
        root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(extra=f"{hinted}\n")})
        assert check(BuildOptions(root=root, now=datetime(2026, 11, 30, 12, 0))).problems == []


def test_a_page_scheduled_for_later_may_name_a_later_update_time(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(
        date="2027-01-05 10:00", extra="updated: 2027-01-06 10:00\n")})
    assert check(BuildOptions(root=root, now=datetime(2026, 11, 30, 12, 0))).problems == []


@pytest.mark.parametrize(("typed", "extra", "expected"), [
    ("2028-05-03 10:00", "", "content/interviews/a.md:8:7: warning: the last build published this page, but its "
                             "publish date 2028-05-03 10:00 is still to come, so this build takes it off the site "
                             "until then, and links to it give 404\n"
                             "  hint: to keep it on the site, write the time it was first published (发布时间) in "
                             "date:; to take it off, write draft: true"),
    # Taken off as asked: warned as a page made a draft (`sitegen.addresses.drafts_taken_off`), with its date to mend.
    ("2027-06-03 10:00", "draft: true\n", "content/interviews/a.md:9:8: warning: the last build published this page "
                                          "at /interviews/a/, but draft: true (草稿) takes it off the site: links to "
                                          "it will get 404 (page not found)\n"
                                          "  hint: to keep it on the site, write draft: false and in date: the time "
                                          "it was first published (发布时间), as the one there is still to come; if "
                                          "another page takes its place, delete this file (or move it out of "
                                          "content/) and add /interviews/a/ to that page's aliases (aliases: "
                                          "[/interviews/a/], or into the list it has) so the old address leads there"),
    ("2018-05-04 10:00", "", None),  # still published
])
def test_a_published_page_given_a_publish_date_still_to_come_is_warned_as_taken_off(
        tmp_path: Path, typed: str, extra: str, expected: str | None) -> None:
    # "date: 2028-…" typed for 2018 in a published interview took it off the site ("7 removed"), told only as
    # "scheduled for 2028-05-03 10:00, not published yet".
    now = datetime(2026, 11, 30, 12, 0)
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "content/interviews/b.md": interview("白鹤镇访谈二")})
    build(BuildOptions(root=root, search=False, now=now))
    (root / "content/interviews/a.md").write_text(interview(date=typed, extra=extra), encoding="utf-8")
    found = [p.format() for p in check(BuildOptions(root=root, now=now)).problems if p.path.endswith("a.md")]
    assert found == ([expected] if expected else [])
    if extra:  # the hint followed: published again, at its publish time
        (root / "content/interviews/a.md").write_text(interview(extra="draft: false\n"), encoding="utf-8")
        assert check(BuildOptions(root=root, now=now)).problems == []
    # A page never published may be scheduled freely.
    (root / "content/interviews/c.md").write_text(interview("白鹤镇访谈三", date="2027-01-05 10:00"), encoding="utf-8")
    assert not [p for p in check(BuildOptions(root=root, now=now)).problems if p.path.endswith("c.md")]


def test_a_pictures_fields_each_typed_with_a_dash_are_told_as_items_of_their_own(tmp_path: Path) -> None:
    # "- src: …", "- alt: …", "- caption: …" were told 'the field "src" is missing', "add a line "src: …", e.g.
    # src: images/baihe-1.svg": followed, each gave a picture of its own, of a file that did not exist.
    picture = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>'
    typed = "images:\n  - src: images/a.svg\n  - alt: 座谈会现场\n  - caption: 调研组召开座谈会\n"
    files = {"content/images/a.svg": picture}
    root = write_site(tmp_path / "site", {**files, "content/interviews/a.md": interview(extra=typed)})
    told = [p.format() for p in check(BuildOptions(root=root)).problems]
    assert told == [
        f'content/interviews/a.md:{line}:5: error: "{key}:" has a "- " of its own, so YAML reads it as item {item} of '
        f"images, an item of its own, not as a field of item 1\n"
        f'  hint: if "{key}:" belongs to item 1, delete its "- " and indent it with 4 spaces, lined up with "src:" '
        "of that item" for line, key, item in ((11, "alt", 2), (12, "caption", 3))]
    followed = typed.replace("  - alt", "    alt").replace("  - caption", "    caption")
    root = write_site(tmp_path / "site", {**files, "content/interviews/a.md": interview(extra=followed)})
    assert check(BuildOptions(root=root)).problems == []
    # A "- " typed before the second field alone: the fields under it go with it.
    one = "images:\n  - src: images/a.svg\n  - alt: 座谈会现场\n    caption: 调研组召开座谈会\n"
    root = write_site(tmp_path / "site", {**files, "content/interviews/a.md": interview(extra=one)})
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [told[0]]
    # Two pictures, the second lacking its src: no field of the first was split off, so the field is asked for.
    two = "images:\n  - src: images/a.svg\n    alt: 座谈会现场\n  - alt: 调研组召开座谈会\n"
    root = write_site(tmp_path / "site", {**files, "content/interviews/a.md": interview(extra=two)})
    assert [p.message for p in check(BuildOptions(root=root)).problems] == [
        'the field "src" is missing in images → item 2']


DRAFT_INTERVIEW = ("---\ntitle: 白鹤镇：建设草莓种植基地\nslug: caomei-jidi\nseries: dadiaoyan-weifangtan\nunit: baihe\n"
                   "interviewee:\n  name: 王明\n  role: 白鹤镇副镇长\ndate: 2018-06-01 10:00\ndraft: true\n---\n\n"
                   "## 基地建得怎样？\n\n见[建设草莓种植基地](cases/jianshe-caomei/)和[上文](/interviews/caomei-jidi/#基地建得怎样)、"
                   "[下文](/interviews/caomei-jidi/#基地建得怎么样)。\n")
DRAFT_CASE = ("---\ntitle: 建设草莓种植基地\nslug: caomei-jidi\nunit: baihe\nstatus: in_progress\n"
              "problem: 草莓企业希望建设集中连片的种植基地。\nactions: [走访]\ndate: 2018-06-01 10:00\ndraft: true\n---\n\n"
              "见[白鹤镇](units/baihee/)和[访谈](/interviews/caomei-jidi/)。\n")


def test_the_links_of_a_draft_are_checked_as_they_will_be_published(tmp_path: Path) -> None:
    # An interview and a case study written as drafts until the end: a link of theirs to no page was told by
    # neither check nor build ("0 warning(s)"), only by the preview, and came up once draft: false published it.
    root = copy_example(tmp_path)
    (root / "content/interviews/caomei-jidi.md").write_text(DRAFT_INTERVIEW, encoding="utf-8")
    (root / "content/cases/caomei-jidi.md").write_text(DRAFT_CASE, encoding="utf-8")
    interview_page, case_page = "content/interviews/caomei-jidi.md", "content/cases/caomei-jidi.md"
    broken = [
        f'{case_page}:12:8: warning: the link "units/baihee/" leads to no page or file of this site\n'
        "  hint: did you mean /units/baihe/?",
        f'{interview_page}:15:13: warning: the link "cases/jianshe-caomei/" leads to no page or file of this site\n'
        "  hint: did you mean /cases/baihe-caomei/?",
        # Its own page, which has the place above, is read as published: it lacks the place below.
        f'{interview_page}:15:79: warning: the link "/interviews/caomei-jidi/#基地建得怎么样" leads to the page '
        '/interviews/caomei-jidi/ (《白鹤镇：建设草莓种植基地》), which has no place "基地建得怎么样"\n'
        "  hint: did you mean /interviews/caomei-jidi/#基地建得怎样?"]
    # A draft is published on its own: its link to another draft leads nowhere until that one is published too.
    to_draft = (f'{case_page}:12:28: warning: the link "/interviews/caomei-jidi/" leads to no page or file of this '
                "site\n  hint: /interviews/caomei-jidi/ is the address of 《白鹤镇：建设草莓种植基地》, a draft (draft: true), "
                f"which is not published: publish it (write draft: false in {interview_page}), or leave the link "
                "out until it is")
    result = check(BuildOptions(root=root, now=NOW))
    assert [p.format() for p in result.problems] == [broken[0], to_draft, *broken[1:]]
    assert [d.path for d in result.drafts] == [interview_page, case_page]
    # build says the same; published, each page is told the same at the same place.
    assert [p.format() for p in build(BuildOptions(root=root, now=NOW, search=False)).warnings] == [
        p.format() for p in result.problems]
    for page in (interview_page, case_page):
        edit_file(root, page, "draft: true", "draft: false")
    assert [p.format() for p in found(root)] == broken
    # The hints followed, the interview published, the case study still a draft: nothing left to tell.
    edit_file(root, case_page, "draft: false", "draft: true")
    edit_file(root, case_page, "units/baihee/", "/units/baihe/")
    edit_file(root, interview_page, "cases/jianshe-caomei/", "/cases/baihe-caomei/")
    edit_file(root, interview_page, "#基地建得怎么样", "#基地建得怎样")
    result = check(BuildOptions(root=root, now=NOW))
    assert (result.problems, [d.path for d in result.drafts]) == ([], [case_page])


def test_a_link_to_a_unit_or_series_that_does_not_exist_names_those_there_are_and_how_to_make_it(
        tmp_path: Path) -> None:
    # /units/huaxin/ got the general hint, with the address of a case study: it named neither the one unit there
    # is nor how to add the town linked to.
    root = copy_example(tmp_path / "site")
    page = "content/cases/baihe-caomei.md"
    edit_file(root, page, "\n## 下一步的计划\n", "\n另见[华新镇](/units/huaxin/)、[徐泾镇](/units/徐泾镇/)和[专栏](/series/zhuanlan/)。\n\n## 下一步的计划\n")
    line = (root / page).read_text(encoding="utf-8").split("\n").index(
        "另见[华新镇](/units/huaxin/)、[徐泾镇](/units/徐泾镇/)和[专栏](/series/zhuanlan/)。") + 1
    make_unit = "create its file by running, in the site folder: sitegen new unit"
    assert [p.format() for p in found(root)] == [
        f'{page}:{line}:9: warning: the link "/units/huaxin/" leads to no page or file of this site\n'
        "  hint: there is no unit huaxin (no file content/units/huaxin.yaml): link to the page of one there is, by "
        f"its address: /units/baihe/ (白鹤镇); or, if it is a new unit, {make_unit} 名称 --id huaxin (with the "
        "unit's name in place of 名称), which makes content/units/huaxin.yaml",
        f'{page}:{line}:31: warning: the link "/units/徐泾镇/" leads to no page or file of this site\n'
        "  hint: there is no unit named 徐泾镇: link to the page of one there is, by its address: /units/baihe/ "
        f"(白鹤镇); or, if it is a new unit, {make_unit} 徐泾镇, which makes content/units/xu-jing-zhen.yaml, and link "
        "to /units/xu-jing-zhen/",
        f'{page}:{line}:49: warning: the link "/series/zhuanlan/" leads to no page or file of this site\n'
        "  hint: there is no series zhuanlan (no file content/series/zhuanlan.yaml): link to the page of one there "
        "is, by its address: /series/dadiaoyan-weifangtan/ (大调研微访谈); or, if it is a new series, create its file "
        "by running, in the site folder: sitegen new series 栏目名称 --id zhuanlan (with the series title in place "
        "of 栏目名称), which makes content/series/zhuanlan.yaml"]
    # Each hint followed: the links lead to the new pages (徐泾镇's at the address the hint named).
    assert main(["new", "unit", "华新镇", "--id", "huaxin", "--site", str(root)]) == 0
    assert main(["new", "unit", "徐泾镇", "--site", str(root)]) == 0
    assert main(["new", "series", "专栏", "--id", "zhuanlan", "--site", str(root)]) == 0
    edit_file(root, "content/series/zhuanlan.yaml", "一两句话介绍本栏目。", "各镇负责人谈专题工作。")  # its placeholder
    edit_file(root, page, "/units/徐泾镇/", "/units/xu-jing-zhen/")
    assert found(root) == []
    # More than five units: five are named, and how many more.
    for name, rid in [("朱家角镇", "zhu-jia-jiao"), ("练塘镇", "lian-tang"), ("赵巷镇", "zhao-xiang"),
                      ("夏阳街道", "xia-yang"), ("盈浦街道", "ying-pu"), ("香花桥街道", "xiang-hua-qiao")]:
        assert main(["new", "unit", name, "--id", rid, "--site", str(root)]) == 0
    edit_file(root, page, "/units/xu-jing-zhen/", "/units/jinze/")
    assert [(p.message, p.hint) for p in found(root)] == [(
        'the link "/units/jinze/" leads to no page or file of this site',
        "there is no unit jinze (no file content/units/jinze.yaml): link to the page of one there is, by its "
        "address: /units/baihe/ (白鹤镇), /units/huaxin/ (华新镇), /units/lian-tang/ (练塘镇), /units/xia-yang/ "
        f"(夏阳街道), /units/xiang-hua-qiao/ (香花桥街道) and 4 more (all at /units/); or, if it is a new unit, {make_unit} 名称 --id "
        "jinze (with the unit's name in place of 名称), which makes content/units/jinze.yaml")]
    # A name with a space is quoted in the command, which then runs as printed.
    edit_file(root, page, "/units/jinze/", "/units/金泽%20镇/")
    assert [p.hint.split("site folder: ")[1] for p in found(root)] == [
        'sitegen new unit "金泽 镇", which makes content/units/jin-ze-zhen.yaml, and link to /units/jin-ze-zhen/']


@pytest.mark.parametrize("typed,hint", [
    # An id as an input method types it, or with capitals: the address and id to write, in half width.
    ("/units/ｈｕａｘｉｎ/", "there is no unit huaxin (no file content/units/huaxin.yaml): link to the page of one there "
     "is, by its address: /units/baihe/ (白鹤镇), /units/baihecun/ (白鹤村); or, if it is a new unit, create its file "
     "by running, in the site folder: sitegen new unit 名称 --id huaxin (with the unit's name in place of 名称), which "
     "makes content/units/huaxin.yaml, and link to /units/huaxin/"),
    ("/units/Huaxin/", "there is no unit huaxin (no file content/units/huaxin.yaml): link to the page of one there "
     "is, by its address: /units/baihe/ (白鹤镇), /units/baihecun/ (白鹤村); or, if it is a new unit, create its file "
     "by running, in the site folder: sitegen new unit 名称 --id huaxin (with the unit's name in place of 名称), which "
     "makes content/units/huaxin.yaml, and link to /units/huaxin/"),
    ("/units/Hua_xin/", "there is no unit Hua_xin: link to the page of one there is, by its address: /units/baihe/ "
     "(白鹤镇), /units/baihecun/ (白鹤村); or, if it is a new unit, create its file by running, in the site folder: "
     "sitegen new unit 名称 --id hua-xin (with the unit's name in place of 名称), which makes "
     "content/units/hua-xin.yaml, and link to /units/hua-xin/"),
    # A unit that is there, by its file's name or the pinyin of its name: its page, with the place typed.
    ("/units/baihe.yaml", "did you mean /units/baihe/ (白鹤镇)?"),
    ("/units/bai-he-zhen/?v=2", "did you mean /units/baihe/?v=2 (白鹤镇)?"),
    # A name two units hold (白鹤镇's alias, 白鹤村's short name): those two, and no command that would make a third.
    ("/units/白鹤/", "白鹤 is in the names of 2 units: link to the page of the one meant, by its address: /units/baihe/ "
     "(白鹤镇), /units/baihecun/ (白鹤村)"),
    # An id Windows keeps for a device: the one sitegen new gives instead.
    ("/units/con/", "there is no unit con (no file content/units/con.yaml): link to the page of one there is, by its "
     "address: /units/baihe/ (白鹤镇), /units/baihecun/ (白鹤村); or, if it is a new unit, create its file by running, "
     "in the site folder: sitegen new unit 名称 --id con-1 (with the unit's name in place of 名称), which makes "
     "content/units/con-1.yaml, and link to /units/con-1/"),
    # Feeds: of a unit that is not there, and of the list of units, which has none (both were taken for pages').
    ("/units/huaxin/feed.xml", "a feed is at the address of its unit's page and feed.xml; there is no unit huaxin (no "
     "file content/units/huaxin.yaml): link to the page of one there is, by its address: /units/baihe/ (白鹤镇), "
     "/units/baihecun/ (白鹤村); or, if it is a new unit, create its file by running, in the site folder: sitegen new "
     "unit 名称 --id huaxin (with the unit's name in place of 名称), which makes content/units/huaxin.yaml"),
    # 白鹤村 has no interview, so no feed (there was one, empty): its page is offered instead.
    ("/units/bai-he-cun/feed.xml", "the unit 白鹤村 has no feed: a feed holds its interviews, and none is published, "
     "so none is written; link the page instead, /units/baihecun/"),
    ("/units/baihecun/feed.xml", "the unit 白鹤村 has no feed: a feed holds its interviews, and none is published, "
     "so none is written; link the page instead, /units/baihecun/"),
    ("/units/feed.xml", "there is no feed at /units/feed.xml; each unit has its own, at its page's address and feed.xml "
     "(/units/baihe/feed.xml), and the site's newest interviews are at /feed.xml"),
])
def test_a_link_to_a_unit_typed_otherwise_is_told_what_to_write(tmp_path: Path, typed: str, hint: str) -> None:
    root = copy_example(tmp_path / "site")
    (root / "content/units/baihecun.yaml").write_text("name: 白鹤村\nlevel: village\n", encoding="utf-8")
    edit_file(root, "content/cases/baihe-caomei.md", "\n## 下一步的计划\n", f"\n另见[单位]({typed})。\n\n## 下一步的计划\n")
    assert [(p.message, p.hint) for p in found(root)] == [
        (f'the link "{typed}" leads to no page or file of this site', hint)]


@pytest.mark.parametrize("typed,meant", [
    # The pinyin of 白鹤镇 was offered 白鹤村's bai-he-cun (nearest in spelling) or the park's longer id.
    ("/units/bai-he-zhen/", "/units/baihe/ (白鹤镇)"),
    ("/units/baihezhen/", "/units/baihe/ (白鹤镇)"),
    ("/units/bai%20he%20zhen/", "/units/baihe/ (白鹤镇)"),
    # A name read the same (同音) or in traditional characters: sitegen new refuses it as that unit's.
    ("/units/化新镇/", "/units/hua-xin-zhen/ (华新镇)"),
    ("/units/白鶴鎮/", "/units/baihe/ (白鹤镇)"),
    # The town's name after its district's: sitegen new made a second record of the town.
    ("/units/青浦区白鹤镇/", "/units/baihe/ (白鹤镇)"),
])
def test_a_link_naming_a_unit_there_is_otherwise_is_offered_it(tmp_path: Path, typed: str, meant: str) -> None:
    root = copy_example(tmp_path / "site")
    for rid, name in (("bai-he-cun", "白鹤村"), ("bai-he-zhen-gong-ye-yuan-qu", "白鹤镇工业园区"), ("hua-xin-zhen", "华新镇")):
        (root / f"content/units/{rid}.yaml").write_text(f"name: {name}\nlevel: {'park' if '园区' in name else 'town'}\n"
                                                       .replace("level: town\n", "level: village\n" if "村" in name
                                                                else "level: town\n"), encoding="utf-8")
    edit_file(root, "content/cases/baihe-caomei.md", "\n## 下一步的计划\n", f"\n另见[单位]({typed})。\n\n## 下一步的计划\n")
    assert [(p.message, p.hint) for p in found(root)] == [
        (f'the link "{typed}" leads to no page or file of this site', f"did you mean {meant}?")]


@pytest.mark.parametrize("permalinks,link,case_url", [
    # The id inside the address (/danwei/{slug}/info/): /danwei/baihe/chart/ is no unit "chart" (it was offered
    # sitegen new unit --id chart).
    ("  units: /danwei/{slug}/info/\n", "/danwei/baihe/chart/", "/cases/caomei/"),
    # Units and case studies under one folder: an address there that none has may be either.
    ("  units: /pages/{slug}/\n  cases: /pages/{slug}/\n", "/pages/huaxin/", "/pages/caomei/"),
])
def test_a_link_where_unit_pages_are_not_alone_by_their_ids_gets_the_general_hint(
        tmp_path: Path, permalinks: str, link: str, case_url: str) -> None:
    root = write_site(tmp_path, {"site.yaml": f"title: 测试站点\npermalinks:\n{permalinks}", UNIT_PATH: UNIT,
                                 "content/cases/caomei.md": CASE.replace("正文。", f"见[单位]({link})。")})
    assert [p.hint for p in found(root) if "leads to no page" in p.message] == [
        f"link to a page by its address (e.g. {case_url} for the page of content/cases/caomei.md), or to a file "
        "under content/ by its path from there (e.g. files/报告.pdf for content/files/报告.pdf)"]


def test_a_scheduled_pages_links_reach_the_pages_published_by_its_date_and_never_a_drafts(tmp_path: Path) -> None:
    # Pages scheduled for later are published by a build that no editor watches: their links are checked now.
    def page(title: str, slug: str, date: str, links: str, extra: str = "") -> str:
        return interview(title, date=date, extra=f"slug: {slug}\n{extra}", body=f"## 问\n\n见{links}。\n")

    root = write_site(tmp_path, {
        "content/interviews/a.md": page("一月访谈", "yiyue", "2025-01-05 10:00", "[二月](/interviews/eryue/)"),
        "content/interviews/b.md": page("二月访谈", "eryue", "2025-02-01 10:00",
                                        "[一月](/interviews/yiyue/)、[草稿](/interviews/caogao/)"),
        "content/interviews/c.md": page("三月草稿", "caogao", "2025-03-01 10:00", "[一月](/interviews/yiyue/)",
                                        "draft: true\n")})
    assert [p.format() for p in found(root)] == [
        'content/interviews/a.md:14:7: warning: the link "/interviews/eryue/" leads to no page or file of this site\n'
        "  hint: /interviews/eryue/ is the address of 《二月访谈》, scheduled for 2025-02-01 10:00: the link leads "
        "nowhere until then; leave it out until the page is published, or publish it sooner (an earlier date: in "
        "content/interviews/b.md)",
        'content/interviews/b.md:14:32: warning: the link "/interviews/caogao/" leads to no page or file of this site\n'
        "  hint: /interviews/caogao/ is the address of 《三月草稿》, a draft (draft: true), which is not published: "
        "publish it (write draft: false in content/interviews/c.md), or leave the link out until it is"]
