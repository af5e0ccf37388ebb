"""A tally's figures changed after a build published them: warned until the note tells readers of the correction.

Each test builds a site, changes a figure as an editor correcting it would, and asserts the exact warning; where
its hint can be followed, the test types what it says and expects a clean check, then the note on the unit's page
and in the open data.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sitegen.build import BuildOptions, build, check
from sitegen.outputs.opendata import read_published_tallies

from .sitekit import copy_example, edit_file, parse_html, shown_text, write_site

NOW = datetime(2025, 1, 1)
UNIT_PATH = "content/units/baihe.yaml"
TALLY = ("name: 白鹤镇\nlevel: town\ntallies:\n  - as_of: 2018-04-26\n{batches}    collected: {collected}\n"
         "    escalated: 40\n    resolved: 30\n    in_progress: {in_progress}\n{note}")
LATER = ("if that site never went online, nothing needs doing: the next build compares with this one").capitalize()


def unit(collected: int = 85, in_progress: int = 15, note: str = "", batches: str = "") -> str:
    """A unit file of one tally, 2018-04-26, that adds up when ``collected`` = 70 + ``in_progress``."""
    return TALLY.format(collected=collected, in_progress=in_progress, note=note, batches=batches)


def problems(root: Path, **options: object) -> list[str]:
    """Every problem `check` finds, as the command line prints it."""
    return [p.format() for p in check(BuildOptions(root=root, now=NOW, **options)).problems]


def published(root: Path) -> None:
    """Build the site into output/, as a publisher does before putting it online."""
    build(BuildOptions(root=root, now=NOW, search=False))


def test_a_published_figure_corrected_is_warned_and_the_note_offered_clears_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit()})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(collected=86, in_progress=16), encoding="utf-8")
    words = "2025年1月1日更正：收集问题清单由85份更正为86份，办理中由15份更正为16份。"
    assert problems(root) == [
        f"{UNIT_PATH}:5:16: warning: the tally of 2018-04-26 changed since the site was last built into output/: "
        "collected (收集) 85 → 86, in progress (办理中) 15 → 16; if that site is online, its readers see the "
        "figures change with no word of why\n"
        "  hint: if the figures the site showed were put online, tell readers of the correction (更正): add a line "
        f"under line 8, as indented as it: note: {words} The unit's page shows the note under the figures, and "
        f"the open data carries it. {LATER}"]
    root.joinpath(UNIT_PATH).write_text(unit(collected=86, in_progress=16, note=f"    note: {words}\n"),
                                        encoding="utf-8")
    assert problems(root) == []
    published(root)
    page = parse_html(root / "output/units/baihe/index.html")
    assert [shown_text(p) for p in page.xpath("//p[contains(@class, 'note')]")] == [f"2018年4月26日：{words}"]
    rows = json.loads((root / "output/data/tallies.json").read_text("utf-8"))
    assert [(row["collected"], row["in_progress"], row["note"]) for row in rows] == [(86, 16, words)]
    assert problems(root) == []


def test_the_warning_is_given_once_when_the_site_built_before_never_went_online(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit()})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(collected=86, in_progress=16), encoding="utf-8")
    result = build(BuildOptions(root=root, now=NOW, search=False))
    assert [(p.line, p.message.split(":")[0]) for p in result.warnings] == [
        (5, "the tally of 2018-04-26 changed since the site was last built into output/")]
    assert problems(root) == []  # compared with the build that warned, which published 86


def test_a_note_that_told_an_earlier_correction_does_not_tell_a_new_one(tmp_path: Path) -> None:
    earlier = "2024年12月1日更正：收集问题清单由84份更正为85份。"
    root = write_site(tmp_path, {UNIT_PATH: unit(note=f"    note: {earlier}\n")})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(collected=87, in_progress=17, note=f"    note: {earlier}\n"),
                                        encoding="utf-8")
    words = "2025年1月1日更正：收集问题清单由85份更正为87份，办理中由15份更正为17份。"
    assert problems(root) == [
        f"{UNIT_PATH}:5:16: warning: the tally of 2018-04-26 changed since the site was last built into output/: "
        "collected (收集) 85 → 87, in progress (办理中) 15 → 17; if that site is online, its readers see the "
        "figures change with no word of why\n"
        "  hint: if the figures the site showed were put online, tell readers of the correction (更正): the note "
        f"tells of an earlier correction; add this one at its end (line 9): {words} The unit's page shows the "
        f"note under the figures, and the open data carries it. {LATER}"]
    root.joinpath(UNIT_PATH).write_text(unit(collected=87, in_progress=17, note=f"    note: {earlier}{words}\n"),
                                        encoding="utf-8")
    assert problems(root) == []


def test_a_figure_added_or_taken_out_is_said_so_in_the_note_offered(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit(note="    note: 据镇调研办。\n")})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(batches="    batches: 12\n", note="    note: 据镇调研办。\n"),
                                        encoding="utf-8")
    assert problems(root) == [
        f"{UNIT_PATH}:5:14: warning: the tally of 2018-04-26 changed since the site was last built into output/: "
        "survey batches (调研批次) none → 12; if that site is online, its readers see the figure change with no "
        "word of why\n"
        "  hint: if the figures the site showed were put online, tell readers of the correction (更正): add at the "
        "end of the tally's note (line 10): 2025年1月1日更正：补充调研批次12批。 The unit's page shows the note under "
        f"the figures, and the open data carries it. {LATER}"]


def test_a_tally_the_last_build_did_not_publish_is_not_compared(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit()})
    assert problems(root) == []  # no build yet: nothing published to compare with
    published(root)
    edit_file(root, UNIT_PATH, "2018-04-26", "2018-04-27")  # another day's tally: the page shows a new date
    root.joinpath(UNIT_PATH).write_text(
        root.joinpath(UNIT_PATH).read_text("utf-8").replace("collected: 85", "collected: 86")
        .replace("in_progress: 15", "in_progress: 16"), encoding="utf-8")
    assert problems(root) == []


def test_a_tally_dated_as_a_published_one_is_told_as_two_tallies_of_a_day_not_as_a_correction(
        tmp_path: Path) -> None:
    # An earlier tally's as_of typed as the published one's: beside the error "two tallies on 2018-04-26", the
    # tally published that day was told as corrected to the other's figures, with a 更正 note to paste.
    earlier = ("  - as_of: 2018-03-15\n    collected: 20\n    escalated: 5\n    resolved: 5\n    in_progress: 10\n")
    root = write_site(tmp_path, {UNIT_PATH: unit().replace("tallies:\n", "tallies:\n" + earlier)})
    published(root)
    edit_file(root, UNIT_PATH, "2018-03-15", "2018-04-26")
    told = problems(root)
    assert [problem.split(": ")[1] for problem in told] == ["error"]
    assert told[0].startswith(f"{UNIT_PATH}:9:12: error: two tallies on 2018-04-26")


def test_the_preview_compares_with_the_published_folder_not_its_own(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: unit()})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(collected=86, in_progress=16), encoding="utf-8")
    preview = BuildOptions(root=root, now=NOW, search=False, include_drafts=True, output=".sitegen-cache/p")
    for _ in range(2):  # the preview's own build published nothing: it warns again
        assert [p.line for p in build(preview).warnings] == [5]


def test_the_example_site_corrected_is_told_beside_its_note_that_still_gives_the_old_figure(
        tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    published(root)
    edit_file(root, UNIT_PATH, "    collected: 296", "    collected: 297")
    edit_file(root, UNIT_PATH, "    in_progress: 50", "    in_progress: 51")
    told = [p for p in check(BuildOptions(root=root, now=NOW)).problems if p.path == UNIT_PATH]
    assert [(p.line, p.column, p.message.partition(",")[0]) for p in told] == [
        (13, 16, "the tally of 2018-04-26 changed since the site was last built into output/: "
                 "collected (收集) 296 → 297"),
        (17, 90, "the tally's note gives 296 for collected (收集) as of 2018-04-26 (收集问题清单296份)"),
        (17, 118, "the tally's note gives 50 for in progress (办理中) as of 2018-04-26 (50份正在办理)")]
    assert told[0].hint.partition("(更正): ")[2].startswith(
        "add at the end of the tally's note (line 17): 2025年1月1日更正：收集问题清单由296份更正为297份，办理中由50份更正为51份。")


def test_a_figure_mistyped_so_the_tally_does_not_add_up_is_told_as_a_slip_not_as_a_correction(
        tmp_path: Path) -> None:
    # 50 typed 51 after a build: the sum error named the slip, and a second warning offered the note
    # 办理中由50份更正为51份 for it, so that an editor who followed it would publish the slip as a correction.
    root = copy_example(tmp_path / "site")
    published(root)
    edit_file(root, UNIT_PATH, "    in_progress: 50", "    in_progress: 51")
    told = [p for p in check(BuildOptions(root=root, now=NOW)).problems if p.path == UNIT_PATH]
    assert [(p.line, p.column, p.severity, p.message.partition(":")[0]) for p in told] == [
        (16, 18, "error", "tally of 2018-04-26 does not add up")]
    assert "correct it to in_progress: 50" in told[0].hint
    # The slip mended: nothing to tell. A real correction, made to add up, is told once the error is gone.
    edit_file(root, UNIT_PATH, "    in_progress: 51", "    in_progress: 50")
    assert [p for p in check(BuildOptions(root=root, now=NOW)).problems if p.path == UNIT_PATH] == []
    root.joinpath(UNIT_PATH).write_text(unit(), encoding="utf-8")
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(collected=86), encoding="utf-8")
    assert [(p.line, p.column, p.severity, p.message.partition(":")[0])
            for p in check(BuildOptions(root=root, now=NOW)).problems] == [
        (5, 16, "error", "tally of 2018-04-26 does not add up")]
    root.joinpath(UNIT_PATH).write_text(unit(collected=86, in_progress=16), encoding="utf-8")
    assert [p.message.partition(":")[0] for p in check(BuildOptions(root=root, now=NOW)).problems] == [
        "the tally of 2018-04-26 changed since the site was last built into output/"]


def test_published_tallies_are_read_from_the_open_data_and_nothing_else(tmp_path: Path) -> None:
    assert read_published_tallies(tmp_path) == {}
    data = tmp_path / "data"
    data.mkdir()
    for text in ("", "{", '{"unit_id": "baihe"}', "[1, null]"):
        data.joinpath("tallies.json").write_text(text, encoding="utf-8")
        assert read_published_tallies(tmp_path) == {}
    row = {"unit_id": "baihe", "as_of": "2018-04-26", "collected": 296}
    data.joinpath("tallies.json").write_text(json.dumps([row, {"as_of": "2018-04-27"}]), encoding="utf-8")
    assert read_published_tallies(tmp_path) == {("baihe", "2018-04-26"): row}


def test_a_published_figure_changed_so_the_tally_no_longer_adds_up_is_told_at_that_figure(tmp_path: Path) -> None:
    # in_progress 15 typed as 26 after a build: the error stood at collected with only "check the four figures",
    # though the site as last built showed which figure changed and what it was.
    root = write_site(tmp_path, {UNIT_PATH: unit()})
    published(root)
    root.joinpath(UNIT_PATH).write_text(unit(in_progress=26), encoding="utf-8")
    assert problems(root) == [
        f"{UNIT_PATH}:8:18: error: tally of 2018-04-26 does not add up: escalated 40 + resolved 30 + in progress 26 "
        "= 96, but collected is 85\n"
        "  hint: in_progress: 26 is likely the one mistyped: the site as last built into output/ gives 15 for in "
        "progress (办理中) that day, and with 15 the four add up; if the source document (原文) says 15 too, correct "
        "it to in_progress: 15"]
    # Never built: nothing to compare with, and no figure is one slip from the sum.
    other = write_site(tmp_path / "fresh", {UNIT_PATH: unit(in_progress=26)})
    assert [line.split("\n")[1] for line in problems(other)] == [
        "  hint: check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集"]
    # Changed with a second figure, as a correction is: the four still do not add up, and no one figure is told.
    root.joinpath(UNIT_PATH).write_text(unit(collected=96, in_progress=27), encoding="utf-8")
    assert [line.split("\n")[0].rpartition(": error: ")[0] for line in problems(root)] == [f"{UNIT_PATH}:5:16"]
