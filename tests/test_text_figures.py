"""Figures typed in a page's text, read against its unit's tally of the day the text names."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, check
from sitegen.textfigures import TextFigure, dated_figures, one_slip_apart

from .sitekit import UNIT, copy_example, edit_file, interview, parse_html, text_of, write_site

NOW = datetime(2025, 1, 1)
INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
CASE = "content/cases/baihe-sige-zui.md"
PUBLISHED = date(2018, 5, 3)
DAY = date(2018, 4, 26)
TALLY = {"batches": 318, "collected": 296, "escalated": 143, "resolved": 103, "in_progress": 50}
"""The example unit's tally of 2018-04-26."""


def figures(*lines: str, published: date = PUBLISHED) -> list[tuple[str, str, date, str, int, int]]:
    """The figures of ``lines`` (file lines 1, 2 …) as tuples."""
    return [(f.field, f.typed, f.day, f.words, f.line, f.column)
            for f in dated_figures(enumerate(lines, 1), published)]


def slips(*lines: str) -> list[tuple[str, str, int, int]]:
    """The figures of ``lines`` for 2018-04-26 that are one slip from the example's tally."""
    return [(f.field, f.typed, f.line, f.column) for f in dated_figures(enumerate(lines, 1), PUBLISHED)
            if f.day == DAY and one_slip_apart(f.value, TALLY[f.field])]


def test_the_example_interviews_figures_are_read_from_its_text_with_their_places() -> None:
    body = (Path(__file__).resolve().parents[1] / INTERVIEW).read_text(encoding="utf-8").split("\n")
    assert [(f.field, f.value, f.line, f.column) for f in dated_figures(enumerate(body, 1), PUBLISHED)] == [
        ("batches", 318, 10, 33), ("collected", 296, 10, 45),  # the summary
        ("batches", 318, 41, 67), ("collected", 296, 41, 83),  # 截至**4月26日**，…**318批次**，…**296份**，其中：
        ("escalated", 143, 43, 5), ("resolved", 103, 44, 5), ("in_progress", 50, 45, 5)]  # the list under it
    assert {f.day for f in dated_figures(enumerate(body, 1), PUBLISHED)} == {DAY}


def test_each_word_order_gives_its_field() -> None:
    assert figures("截至2018年4月26日，全镇收集的296份问题清单中，103份已解决，50份正在办理，143份已提交区相关部门。") == [
        ("collected", "296", DAY, "收集的296份问题清单", 1, 19), ("resolved", "103", DAY, "103份已解决", 1, 29),
        ("in_progress", "50", DAY, "50份正在办理", 1, 37), ("escalated", "143", DAY, "143份已提交", 1, 45)]
    assert figures("截止到2018-04-26：提交区级143份，已解决103份，办理中50份，收集问题1,296条，调研３１８批次") == [
        ("escalated", "143", DAY, "提交区级143份", 1, 19), ("resolved", "103", DAY, "已解决103份", 1, 27),
        ("in_progress", "50", DAY, "办理中50份", 1, 35), ("collected", "1,296", DAY, "收集问题1,296条", 1, 43),
        ("batches", "３１８", DAY, "３１８批次", 1, 52)]
    # The seed article's machine translation, and the words reports use besides.
    assert figures("截至4月26日，进行了318批研究；共收集了296份问题清单（其中143份已提交区内相关部门），103份已经解决，"
                   "其余50份正在研究和解决中。") == [
        ("batches", "318", DAY, "318批", 1, 12), ("collected", "296", DAY, "收集了296份问题清单", 1, 23),
        ("escalated", "143", DAY, "143份已提交", 1, 34), ("resolved", "103", DAY, "103份已经解决", 1, 49),
        ("in_progress", "50", DAY, "50份正在研究和解决中", 1, 60)]
    assert [f[:2] for f in figures("截至4月26日，收集问题清单总数达296份，已解决问题103个，办结的103份，在办50份。")] == [
        ("collected", "296"), ("resolved", "103"), ("resolved", "103"), ("in_progress", "50")]


def test_more_ways_of_naming_the_day_and_the_figure_are_read() -> None:
    # Each was read as no figure at all, so a slip in it passed: the day written 到…为止, 今年, with dots or
    # slashes; the verbs 梳理, 形成, 发现, 共解决, 解决了; spaces typed around the digits.
    for day in ("到2018年4月26日为止，", "至4月26日止，", "截至今年4月26日，", "截至2018.4.26，", "截止2018/04/26，",
                "截至 4 月 26 日，"):
        assert [f[:3] for f in figures(day + "收集问题清单296份。")] == [("collected", "296", DAY)], day
    assert [f[:4] for f in figures("截至4月26日，梳理问题清单296份，形成问题清单296份，发现问题 296 个，共解决103个，"
                                   "解决了问题103个，累计办结 103 份，提交区级 143 份，办理中 50 份。")] == [
        ("collected", "296", DAY, "梳理问题清单296份"), ("collected", "296", DAY, "形成问题清单296份"),
        ("collected", "296", DAY, "发现问题 296 个"), ("resolved", "103", DAY, "共解决103个"),
        ("resolved", "103", DAY, "解决了问题103个"), ("resolved", "103", DAY, "累计办结 103 份"),
        ("escalated", "143", DAY, "提交区级 143 份"), ("in_progress", "50", DAY, "办理中 50 份")]
    # 今年 is the page's year, even where the day is after the page: no later year is meant.
    assert [f[2] for f in figures("截至今年12月31日，收集问题清单296份。")] == [date(2018, 12, 31)]
    assert figures("截至2018.4.31，收集问题清单296份。") == []  # no such day
    assert figures("截至2018.4/26，收集问题清单296份。") == []  # one sign, not two: no date typed
    assert figures("从4月1日到4月26日，收集问题清单296份。") == []  # a span of days, no day counted to
    # Said to be about, with a space: no figure.
    assert figures("截至4月26日，约 300份已解决，收集问题清单约 300 份。") == []


def test_a_figure_said_to_be_about_is_not_read() -> None:
    assert figures("截至4月26日，收集问题约300份，近150份已提交，已解决100份以上，300余份正在办理，超50份已解决。") == []


def test_the_sentence_naming_the_day_the_sentence_after_it_starting_with_其中_and_the_list_under_its_colon() -> None:
    assert figures("截至4月26日，收集问题清单296份。去年同期，收集问题清单150份。") == [
        ("collected", "296", DAY, "收集问题清单296份", 1, 15)]
    assert figures("全镇已收集问题清单296份，数据截至4月26日。") == [("collected", "296", DAY, "收集问题清单296份", 1, 10)]
    assert [f[:2] for f in figures("截至4月26日，收集问题清单296份。其中，143份已提交，103份已经解决。")] == [
        ("collected", "296"), ("escalated", "143"), ("resolved", "103")]
    # A sentence going on over lines (a line break kept from Word) is one sentence.
    assert figures("截至4月26日，各组", "共收集问题清单296份，这是总数。办理中50份。") == [
        ("collected", "296", DAY, "收集问题清单296份", 2, 8)]
    lines = ["截至4月26日，收集问题清单296份，其中：", "", "* 143份已提交；", "* 已解决103份。", "", "下一步，力争已解决200份。"]
    assert figures(*lines) == [("collected", "296", DAY, "收集问题清单296份", 1, 15),
                               ("escalated", "143", DAY, "143份已提交", 3, 3), ("resolved", "103", DAY, "已解决103份", 4, 6)]
    # A list after a sentence that ended is not of its day, nor a paragraph after the list, a heading, a row of a
    # table under a row naming it, the next item after an item naming its own day, or a quote's next paragraph.
    assert figures("截至4月26日，收集问题清单296份。", "", "- 143份已提交") == [
        ("collected", "296", DAY, "收集问题清单296份", 1, 15)]
    assert [f[:2] for f in figures("截至4月26日，其中：", "", "- 143份已提交", "", "103份已解决")] == [("escalated", "143")]
    assert figures("截至4月26日，其中：", "## 143份已提交", "103份已解决") == []
    assert [f[:2] for f in figures("| 截至4月26日 | 收集问题清单296份 |", "| 2017年同期 | 收集问题清单269份 |")] == [
        ("collected", "296")]
    assert [f[:2] for f in figures("- 截至4月26日，收集问题清单296份。", "- 去年同期收集问题清单269份。")] == [
        ("collected", "296")]
    assert [f[:4] for f in figures("> 截至4月26日，收集问题清单296份。", ">", "> 去年全年收集问题清单269份。")] == [
        ("collected", "296", DAY, "收集问题清单296份")]


def test_a_day_without_its_year_is_the_last_one_before_the_page() -> None:
    assert figures("截至12月31日，收集问题清单296份。", published=date(2019, 1, 5)) == [
        ("collected", "296", date(2018, 12, 31), "收集问题清单296份", 1, 16)]
    assert figures("截至2月30日，收集问题清单296份。") == []  # no such day


def test_no_day_no_figures_and_what_is_never_published_is_not_read() -> None:
    assert figures("收集问题清单296份，143份已提交。") == []
    assert figures("```", "截至4月26日，收集问题清单296份。", "```") == []
    assert figures("<!-- 截至4月26日收集问题清单269份，待核实 -->") == []
    assert figures("<!-- 待核实：截至4月26日", "收集问题清单269份 -->", "截至4月26日，收集问题清单296份。") == [
        ("collected", "296", DAY, "收集问题清单296份", 3, 15)]


def test_a_figure_of_a_part_after_其中_and_its_name_is_not_read() -> None:
    assert [f[:2] for f in figures("截至4月26日，全镇收集问题清单296份，其中新江村已解决13份，其中产业类收集问题清单29份。")] == [
        ("collected", "296")]


@pytest.mark.parametrize(("typed", "right", "slip"), [
    (269, 296, True), (286, 296, True), (29, 296, True), (2966, 296, True), (134, 143, True), (60, 50, True),
    (296, 296, False), (35, 296, False), (210, 296, False), (120, 103, False), (5, 50, False), (3, 5, False),
    (1296, 296, True), (10, 100, True), (13, 103, True),
])
def test_one_slip_of_the_keys(typed: int, right: int, slip: bool) -> None:
    assert one_slip_apart(typed, right) is slip


@pytest.mark.parametrize("lines", [
    # Found by a trial of correct texts, each warned before: a part's figure, last year's, a week's, another thing.
    ["截至4月26日，全镇共收集问题清单296份，其中新江村收集问题清单35份、金项村收集问题清单28份。"],
    ["截至4月26日，白鹤镇收集问题清单296份，徐泾镇收集问题清单180份。"],
    ["截至4月26日，累计收集问题清单296份，其中本周新收集问题清单12份。"],
    ["截至4月26日，收集问题清单296份，其中：", "- 产业发展类：收集问题清单80份，已解决30份；", "- 民生保障类：收集问题清单120份，已解决50份。"],
    ["截至4月26日，收集问题清单296份，其中143份已提交区相关部门（区相关部门已办结60份），103份已经解决，50份正在办理。"],
    ["截至4月26日，收集问题清单296份，其中：", "- 143份已提交区相关部门，其中：", "    - 60份已办结；", "    - 83份正在办理。"],
    ["去年截至4月26日，全镇收集问题清单180份；今年同期已达296份。"],
    ["截至4月26日，各调研组已提交12份调研报告，上报3个典型案例。"],
    ["截至4月26日，草莓基地建设的8项任务中，5项已办结、3项正在推进。"],
    ["截至4月26日，镇领导带队走访草莓企业12批次。"],
    ["<!-- 截至4月26日收集问题清单269份，待核实 -->", "截至4月26日，收集问题清单296份。"],
    ["| 截至4月26日 | 收集问题清单296份 |", "| 2017年同期 | 收集问题清单269份 |"],
    ["- 截至4月26日，收集问题清单296份。", "- 去年同期收集问题清单269份。"],
    ["> 截至4月26日，收集问题清单296份。", ">", "> 去年全年收集问题清单269份。"],
])
def test_a_right_text_gives_no_slip(lines: list[str]) -> None:
    assert slips(*lines) == []


def test_the_slips_of_a_text_are_found_in_the_words_reports_use() -> None:
    assert slips("截至4月26日，进行了318批研究；共收集了269份问题清单（其中134份已提交区内相关部门），130份已经解决，"
                 "其余5份正在研究和解决中。") == [
        ("collected", "269", 1, 23), ("escalated", "134", 1, 34), ("resolved", "130", 1, 49)]
    assert slips("各调研组共收集问题清单269份（数据截至4月26日）。") == [("collected", "269", 1, 12)]
    assert slips("截至**4月26日**，收集问题清单**２６９份**。") == [("collected", "２６９", 1, 21)]


def test_the_record_of_a_figure_names_its_words_and_place() -> None:
    assert dated_figures([(7, "截至4月26日，**50份**正在办理。")], PUBLISHED) == [
        TextFigure("in_progress", 50, "50", DAY, "50份正在办理", 7, 11)]


def _told(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root, now=NOW)).problems]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


_ADDS_UP = "the tally adds up (提交区级 143 + 已解决 103 + 办理中 50 = 收集 296), so the text is the one mistyped"


def test_a_figure_of_the_text_one_slip_from_the_tally_of_its_day_is_warned(example: Path) -> None:
    assert _told(example) == []
    edit_file(example, INTERVIEW, "收集问题清单**296份**", "收集问题清单**269份**")
    edit_file(example, INTERVIEW, "- **143份**已提交", "- **134份**已提交")
    edit_file(example, CASE, "103份已解决，50份", "103份已解决，60份")
    assert _told(example) == [
        f"{CASE}:34:61: warning: the text gives 60 for in progress (办理中) as of 2018-04-26 (60份正在办理), but the "
        "tally of that day says in_progress: 50, one slip of the keys from it\n"
        f"  hint: type 50 here in place of 60: {_ADDS_UP}; if the source document (原文) says 60, the tally is the "
        "one to correct: its figures in content/units/baihe.yaml (line 16), so that they still add up",
        f"{INTERVIEW}:41:83: warning: the text gives 269 for collected (收集) as of 2018-04-26 (收集问题清单269份), "
        "but the tally of that day says collected: 296, one slip of the keys from it\n"
        f"  hint: type 296 here in place of 269: {_ADDS_UP}; if the source document (原文) says 269, the tally is "
        "the one to correct: its figures in content/units/baihe.yaml (line 13), so that they still add up",
        f"{INTERVIEW}:43:5: warning: the text gives 134 for escalated (提交区级) as of 2018-04-26 (134份已提交), but "
        "the tally of that day says escalated: 143, one slip of the keys from it\n"
        f"  hint: type 143 here in place of 134: {_ADDS_UP}; if the source document (原文) says 134, the tally is "
        "the one to correct: its figures in content/units/baihe.yaml (line 14), so that they still add up"]
    # The hints followed: nothing to tell.
    edit_file(example, INTERVIEW, "**269份**", "**296份**")
    edit_file(example, INTERVIEW, "**134份**", "**143份**")
    edit_file(example, CASE, "，60份", "，50份")
    assert _told(example) == []


def test_a_figure_the_tallys_note_says_was_corrected_from_is_not_told(example: Path) -> None:
    # A tally corrected on purpose (已解决 103 → 104, 办理中 50 → 49), its note saying so as the hints ask, was
    # told again at every page published before, on every build: each hint offered to undo the correction.
    unit = "content/units/baihe.yaml"
    edit_file(example, unit, "resolved: 103\n    in_progress: 50", "resolved: 104\n    in_progress: 49")
    told = _told(example)
    assert [line.split(": warning: ")[0] for line in told if "the text gives 103" in line] == [
        f"{CASE}:34:53", f"{INTERVIEW}:44:5"]
    assert [line.split(" as of ")[0].split(": warning: ")[1] for line in told if "the tally's note gives" in line] == [
        "the tally's note gives 103 for resolved (已解决)", "the tally's note gives 50 for in progress (办理中)"]
    # The note keeps the source's figures and says what was corrected: the pages and the note are in order.
    edit_file(example, unit, "103份已解决，50份正在办理。",
              "103份已解决，50份正在办理。２０２６年更正：已解决由１０３份更正为104份，办理中由50份更正为49份。")
    assert _told(example) == []
    # A figure the correction does not name is told still.
    edit_file(example, INTERVIEW, "收集问题清单**296份**", "收集问题清单**269份**")
    assert [line.split(": warning: ")[1].split(" as of ")[0] for line in _told(example)] == [
        "the text gives 269 for collected (收集)"]


def test_a_slip_under_a_day_written_到_为止_is_warned_at_its_number(example: Path) -> None:
    edit_file(example, INTERVIEW, "截至**4月26日**，", "到**2018.4.26**为止，")
    edit_file(example, INTERVIEW, "- **103份**已经解决", "- 共解决 **130** 份")
    assert _told(example) == [
        f"{INTERVIEW}:44:9: warning: the text gives 130 for resolved (已解决) as of 2018-04-26 (共解决 130 份), but "
        "the tally of that day says resolved: 103, one slip of the keys from it\n"
        f"  hint: type 103 here in place of 130: {_ADDS_UP}; if the source document (原文) says 130, the tally is "
        "the one to correct: its figures in content/units/baihe.yaml (line 15), so that they still add up"]


def test_a_tally_that_does_not_add_up_is_the_one_to_correct_with_the_texts_figure(example: Path) -> None:
    # It said "if the tally is right, type 269 here in place of 296", of a tally that could not be right.
    edit_file(example, "content/units/baihe.yaml", "collected: 296", "collected: 269")
    *told, arithmetic = _told(example)
    assert arithmetic.startswith("content/units/baihe.yaml:13:16: error: tally of 2018-04-26 does not add up")
    mended = ("  hint: the tally is the one mistyped: it does not add up (提交区级 143 + 已解决 103 + 办理中 50 = 296, "
              "but 收集 is 269), and with the text's 296 it does: correct collected: 269 to collected: 296 in "
              "content/units/baihe.yaml (line 13); the text may stay as it is")
    assert told == [
        f"{CASE}:34:43: warning: the text gives 296 for collected (收集) as of 2018-04-26 (收集的296份问题清单), but "
        f"the tally of that day says collected: 269, one slip of the keys from it\n{mended}",
        # The summary gives one other figure of the tally only (318批次): it restates too little to tell.
        f"{INTERVIEW}:41:83: warning: the text gives 296 for collected (收集) as of 2018-04-26 (收集问题清单296份), "
        f"but the tally of that day says collected: 269, one slip of the keys from it\n{mended}"]
    edit_file(example, "content/units/baihe.yaml", "collected: 269", "collected: 296")
    assert _told(example) == []


def test_the_tally_is_named_to_correct_whichever_of_its_parts_the_text_gives_when_it_does_not_add_up(
        example: Path) -> None:
    edit_file(example, "content/units/baihe.yaml", "in_progress: 50", "in_progress: 51")
    *told, arithmetic = _told(example)
    # The error is at the figure the texts single out (it was at collected: 收集, which an editor then "corrected").
    assert arithmetic == (
        "content/units/baihe.yaml:16:18: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + "
        "in progress 51 = 297, but collected is 296\n"
        "  hint: in_progress: 51 is likely the one mistyped: the tally's note (line 17), "
        f"{INTERVIEW}:45 and 1 more give 50 for in progress (办理中) that day, and with 50 the four add up; if the "
        "source document (原文) says 50 too, correct it to in_progress: 50")
    mended = ("  hint: the tally is the one mistyped: it does not add up (提交区级 143 + 已解决 103 + 办理中 51 = 297, "
              "but 收集 is 296), and with the text's 50 it does: correct in_progress: 51 to in_progress: 50 in "
              "content/units/baihe.yaml (line 16); the text may stay as it is")
    assert told == [
        f"{CASE}:34:61: warning: the text gives 50 for in progress (办理中) as of 2018-04-26 (50份正在办理), but the "
        f"tally of that day says in_progress: 51, one slip of the keys from it\n{mended}",
        f"{INTERVIEW}:45:5: warning: the text gives 50 for in progress (办理中) as of 2018-04-26 (50份正在办理), but "
        f"the tally of that day says in_progress: 51, one slip of the keys from it\n{mended}"]
    # Two of its figures slipped: neither of the text's alone makes it add up, and the tally is still the one named.
    edit_file(example, "content/units/baihe.yaml", "resolved: 103", "resolved: 104")
    broken = ("  hint: the tally is the one to correct: it does not add up (提交区级 143 + 已解决 104 + 办理中 51 = 298, "
              "but 收集 is 296), so it cannot be right: check its figures in content/units/baihe.yaml against the "
              "source document (原文), so that they add up; if the source says {0}, as the text does, correct "
              "{1}: {2} to {1}: {0} (line {3}), and the text may stay as it is")
    *told, arithmetic = _told(example)
    # No one figure of the texts makes it add up: the error stays at collected, with the four to check.
    assert arithmetic == (
        "content/units/baihe.yaml:13:16: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 104 + "
        "in progress 51 = 298, but collected is 296\n"
        "  hint: check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集")
    assert [problem for problem in told if problem.startswith(INTERVIEW)] == [
        f"{INTERVIEW}:44:5: warning: the text gives 103 for resolved (已解决) as of 2018-04-26 (103份已经解决), but "
        "the tally of that day says resolved: 104, one slip of the keys from it\n"
        + broken.format(103, "resolved", 104, 15),
        f"{INTERVIEW}:45:5: warning: the text gives 50 for in progress (办理中) as of 2018-04-26 (50份正在办理), but "
        "the tally of that day says in_progress: 51, one slip of the keys from it\n"
        + broken.format(50, "in_progress", 51, 16)]
    edit_file(example, "content/units/baihe.yaml", "resolved: 104", "resolved: 103")
    edit_file(example, "content/units/baihe.yaml", "in_progress: 51", "in_progress: 50")
    assert _told(example) == []


def test_a_tally_changed_to_add_up_beside_a_text_that_adds_up_is_not_called_right(example: Path) -> None:
    # 办理中 51 typed for 50; told at 收集, the editor made 收集 297, the sum. The pages' 296 and 50, both right, were
    # then told "the text is the one mistyped", and followed, the page published 297 over its own 143 + 103 + 50.
    edit_file(example, "content/units/baihe.yaml", "collected: 296", "collected: 297")
    edit_file(example, "content/units/baihe.yaml", "in_progress: 50", "in_progress: 51")
    both = ("  hint: check both against the source document (原文): the text's figures of that day add up (提交区级 143 "
            "+ 已解决 103 + 办理中 50 = 收集 296), and so do the tally's (提交区级 143 + 已解决 103 + 办理中 51 = 收集 297), "
            "so one of the two was changed to fit; if the text is right, correct the tally's figures in "
            "content/units/baihe.yaml (line {0}) to the text's; if the tally is right, type {1} here in place of {2}{3}")
    assert [problem for problem in _told(example) if problem.startswith(INTERVIEW)] == [
        f"{INTERVIEW}:41:83: warning: the text gives 296 for collected (收集) as of 2018-04-26 (收集问题清单296份), but "
        "the tally of that day says collected: 297, one slip of the keys from it\n"
        + both.format(13, 297, 296, ", and 51 in place of 50 (办理中)"),
        f"{INTERVIEW}:45:5: warning: the text gives 50 for in progress (办理中) as of 2018-04-26 (50份正在办理), but "
        "the tally of that day says in_progress: 51, one slip of the keys from it\n"
        + both.format(16, 51, 50, ", and 297 in place of 296 (收集)")]
    # A figure fudged to make it add up (收集 269 for 296, 已解决 76 to fit): the text's other figure is named too.
    edit_file(example, "content/units/baihe.yaml", "collected: 297", "collected: 269")
    edit_file(example, "content/units/baihe.yaml", "in_progress: 51", "in_progress: 50")
    edit_file(example, "content/units/baihe.yaml", "resolved: 103", "resolved: 76")
    assert [problem for problem in _told(example) if problem.startswith(INTERVIEW)] == [
        f"{INTERVIEW}:41:83: warning: the text gives 296 for collected (收集) as of 2018-04-26 (收集问题清单296份), but "
        "the tally of that day says collected: 269, one slip of the keys from it\n"
        "  hint: check both against the source document (原文): the text's figures of that day add up (提交区级 143 "
        "+ 已解决 103 + 办理中 50 = 收集 296), and so do the tally's (提交区级 143 + 已解决 76 + 办理中 50 = 收集 269), "
        "so one of the two was changed to fit; if the text is right, correct the tally's figures in "
        "content/units/baihe.yaml (line 13) to the text's; if the tally is right, type 269 here in place of 296, "
        "and 76 in place of 103 (已解决)"]


def test_the_tally_is_told_the_figure_its_own_note_gives_when_no_page_names_it(tmp_path: Path) -> None:
    site = copy_example(tmp_path)
    for page in (INTERVIEW, CASE):
        (site / page).unlink()
    edit_file(site, "content/units/baihe.yaml", "collected: 296", "collected: 926")
    problems = _told(site)
    assert problems[0] == (
        "content/units/baihe.yaml:13:16: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + "
        "in progress 50 = 296, but collected is 926\n"
        "  hint: collected: 926 is likely the one mistyped: the tally's note (line 17) gives 296 for collected (收集) "
        "that day, and with 296 the four add up; if the source document (原文) says 296 too, correct it to "
        "collected: 296")


UNIT_FILE = "content/units/baihe.yaml"


def _note_told(root: Path) -> list[str]:
    return [problem for problem in _told(root) if problem.startswith(UNIT_FILE)]


def _note_warning(column: int, typed: int, label: str, words: str, field: str, right: int, line: int) -> str:
    add_up = ", so that the four figures still add up" if field != "batches" else ""
    return (f"{UNIT_FILE}:17:{column}: warning: the tally's note gives {typed} for {label} as of 2018-04-26 ({words}), "
            f"but the tally says {field}: {right}; the unit's page and the open data show both\n"
            f"  hint: check both against the source document (原文): if the tally is right, type {right} in the note "
            f"in place of {typed} (a correction can say so in the note: 更正); if the note is right, correct "
            f"{field}: {right} to {field}: {typed} (line {line}){add_up}")


def test_a_page_is_not_blamed_for_its_date_when_its_units_tally_is_dated_in_the_future(example: Path) -> None:
    # as_of: 2028-04-26 (for 2018): the interview was warned "date: is most likely mistyped … on or after 2028-04-26",
    # beside the tally's own error, which is the slip.
    edit_file(example, UNIT_FILE, "as_of: 2018-04-26", "as_of: 2028-04-26")
    told = _told(example)
    assert not [problem for problem in told if "before 白鹤镇's first tally" in problem]
    assert [problem.split("\n")[0] for problem in told if problem.startswith(UNIT_FILE)] == [
        f"{UNIT_FILE}:11:12: error: tally of 2028-04-26 is dated in the future: a tally counts what was collected by a "
        "day that has come"]


def test_a_corrected_tally_whose_note_still_gives_the_old_figures_is_warned_at_each(example: Path) -> None:
    # The tally corrected (319 batches, 297 collected, 104 resolved: it adds up), its note left saying 318, 296
    # and 103: the unit's page showed the note under the row and tallies.csv both in one row, and nothing told it.
    edit_file(example, UNIT_FILE, "batches: 318", "batches: 319")
    edit_file(example, UNIT_FILE, "collected: 296", "collected: 297")
    edit_file(example, UNIT_FILE, "resolved: 103", "resolved: 104")
    assert _note_told(example) == [
        _note_warning(78, 318, "survey batches (调研批次)", "318批次", "batches", 319, 12),
        _note_warning(90, 296, "collected (收集)", "收集问题清单296份", "collected", 297, 13),
        _note_warning(110, 103, "resolved (已解决)", "103份已解决", "resolved", 104, 15)]
    # The hints followed, the note typed as told: the note is no longer told (the pages' texts still are).
    edit_file(example, UNIT_FILE, "调研318批次，收集问题清单296份，其中143份已提交区相关部门，103份已解决",
              "调研319批次，收集问题清单297份，其中143份已提交区相关部门，104份已解决")
    assert _note_told(example) == []
    assert [problem.split(": warning")[0] for problem in _told(example)] == [
        f"{CASE}:34:43", f"{CASE}:34:53", f"{INTERVIEW}:41:67", f"{INTERVIEW}:41:83", f"{INTERVIEW}:44:5"]


def test_a_figure_mistyped_in_a_tallys_note_is_warned_whatever_its_distance(example: Path) -> None:
    # 收集问题清单269份 in the note under collected: 296 gave nothing; so would 2960 or 300.
    for typed, column in (("269", 90), ("2960", 90), ("300", 90)):
        edit_file(example, UNIT_FILE, "收集问题清单296份", f"收集问题清单{typed}份")
        assert _told(example) == [_note_warning(column, int(typed), "collected (收集)", f"收集问题清单{typed}份",
                                                "collected", 296, 13)]
        edit_file(example, UNIT_FILE, f"收集问题清单{typed}份", "收集问题清单296份")
    assert _told(example) == []


@pytest.mark.parametrize(("note", "why"), [
    ("note: 截至2018年3月31日，收集问题清单200份；截至4月26日，收集问题清单296份。", "another day's figure"),
    ("note: 收集问题清单300份，103份已解决。", "no day named"),
    ("note: 截至4月26日，收集问题清单约300份。", "a figure said to be about"),
    ("note: |\n      截至4月26日，\n      收集问题清单296份，其中新江村已解决13份。", "a part's figure, over lines"),
])
def test_a_note_that_gives_no_other_figure_of_its_own_day_is_not_told(example: Path, note: str, why: str) -> None:
    text = (example / UNIT_FILE).read_text(encoding="utf-8")
    start = text.index("    note: 据《")
    end = text.index("\n", start)
    (example / UNIT_FILE).write_text(text[:start] + "    " + note + text[end:], encoding="utf-8")
    assert _note_told(example) == [], why


def test_a_tally_that_does_not_add_up_is_told_once_by_its_sum_not_by_its_note(example: Path) -> None:
    edit_file(example, UNIT_FILE, "collected: 296", "collected: 926")
    told = _note_told(example)
    assert [problem.split("\n")[0] for problem in told] == [
        f"{UNIT_FILE}:13:16: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + in progress 50 "
        "= 296, but collected is 926"]


def test_only_a_text_restating_the_tally_is_told_and_a_day_without_a_tally_is_not_compared(example: Path) -> None:
    # The summary gives the batches and the lists collected: one other figure than the one typed wrong.
    edit_file(example, INTERVIEW, "调研318批次、收集问题清单296份", "调研381批次、收集问题清单296份")
    assert _told(example) == []
    edit_file(example, INTERVIEW, "开展调研**318批次**", "开展调研**381批次**")
    assert _told(example) == [
        f"{INTERVIEW}:41:67: warning: the text gives 381 for survey batches (调研批次) as of 2018-04-26 (381批次), "
        "but the tally of that day says batches: 318, one slip of the keys from it\n"
        "  hint: one of the two is mistyped: check both against the source document (原文); if the tally is right, "
        "type 318 here in place of 381; if the text is right, correct batches: 318 to batches: 381 in "
        "content/units/baihe.yaml (line 12)"]
    edit_file(example, INTERVIEW, "截至**4月26日**", "截至**4月20日**")
    assert _told(example) == []


# Correct texts a trial warned, each with another figure one slip from the tally's: a village's, the district's,
# another town's, a month's, departments, a figure said to be about.
_RIGHT_TEXTS = [
    "截至4月26日，新江村已解决问题13个，全镇累计已解决问题103个。",
    "本周新收集问题29个，截至4月26日，全镇累计收集问题清单296份。",
    "截至4月26日，全区共收集问题清单2,960份，白鹤镇收集问题清单296份，约占全区的一成。",
    "截至4月26日，全镇收集问题清单296份，需区级层面协调的问题已分别提交区14个职能部门，103份已解决，50份正在办理。",
    "> “截至4月26日，我们收集问题清单296份，大概100份已经解决了，还有50份正在办理。”",
    "截至4月26日，各村居收集和解决问题清单情况如下：\n\n- 新江村：收集问题清单29份，已解决13份；\n- 金项村：收集问题清单35份，已解决10份。",
    "截至4月26日，白鹤镇收集问题清单296份，其中，涉及草莓产业的问题已解决13个。",
    "截至4月26日，第31批调研组完成入户走访，全镇累计开展调研318批次。",
    "截至4月26日，提交区相关部门的143份问题清单中，区级部门在办56份、已办结87份。",
]


def test_right_texts_with_other_figures_near_the_tallys_are_not_told(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    page = (root / INTERVIEW).read_text(encoding="utf-8")
    for number, text in enumerate(_RIGHT_TEXTS):
        (root / f"content/interviews/right-{number}.md").write_text(
            page.replace("slug: baihe-dadiaoyan-weifangtan", f"slug: right-{number}").replace(
                "title: 白鹤镇：", f"title: 第{number}篇：").split("\n---\n", 1)[0] + f"\n---\n\n{text}\n",
            encoding="utf-8")
    assert [problem for problem in _told(root) if "the text gives" in problem] == []


# -- an interview dated before its unit's first tally -------------------------------------------------------------

_BEFORE = ("{path}:{line}:7: warning: the page is published {shown}, before 白鹤镇's first tally (2018-04-26), so it "
           "shows none of 白鹤镇's figures: readers find \"收集问题清单{collected}份\" in its text with no figures panel "
           "(白鹤镇调研数据) under it")
_NEW_TALLY = "sitegen new tally --unit baihe prints one to paste into content/units/baihe.yaml"


@pytest.mark.parametrize(("typed", "meant"), [
    # A year typed wrong: 0 messages, and the page lost its figures panel.
    ("2008-05-03 10:00", " (did you mean 2018? write date: 2018-05-03 10:00)"),
    # A day before the first tally, in its year: no other year is offered.
    ("2018-04-20 10:00", ""),
])
def test_an_interview_before_its_units_first_tally_whose_text_gives_its_figures_is_warned(
        example: Path, typed: str, meant: str) -> None:
    edit_file(example, INTERVIEW, "date: 2018-05-03 10:00", f"date: {typed}")
    assert _told(example) == [
        _BEFORE.format(path=INTERVIEW, line=9, shown=typed, collected=296) + "\n"
        "  hint: its text gives the figures of the tally of 2018-04-26, so date: is most likely mistyped: write the "
        f"day the page was published, on or after 2018-04-26{meant}; if the date is right, the figures of its own "
        f"day are missing: add the tally of that day ({_NEW_TALLY})"]
    edit_file(example, INTERVIEW, f"date: {typed}", "date: 2018-05-03 10:00")
    assert _told(example) == []
    build(BuildOptions(root=example, now=NOW, search=False))
    page = parse_html(example / "output/interviews/baihe-dadiaoyan-weifangtan/index.html")
    assert [text_of(heading) for heading in page.cssselect("h2[id^=tally-]")] == ["白鹤镇调研数据"]


_EARLY_TEXT = "截至2月28日，各调研组共开展调研120批次，收集问题清单100份，其中40份已提交区相关部门，30份已解决，30份正在办理。\n"


def test_an_interview_whose_figures_no_tally_has_is_told_to_add_the_tally(tmp_path: Path) -> None:
    page = interview(date="2018-03-01 10:00", body=_EARLY_TEXT)
    root = write_site(tmp_path, {"content/interviews/early.md": page})
    assert _told(root) == [
        _BEFORE.format(path="content/interviews/early.md", line=8, shown="2018-03-01 10:00", collected=100) + "\n"
        "  hint: its text gives figures as of 2018-02-28 that no tally of 白鹤镇 has: add that tally, as_of: "
        f"2018-02-28 with the text's figures ({_NEW_TALLY}); if date: is mistyped, write the day the page was "
        "published, on or after 2018-04-26"]
    edit_file(root, "content/units/baihe.yaml", "tallies:\n", "tallies:\n  - as_of: 2018-02-28\n    batches: 120\n"
              "    collected: 100\n    escalated: 40\n    resolved: 30\n    in_progress: 30\n")
    assert _told(root) == []


_MARCH_TALLY = "tallies:\n  - as_of: 2018-03-31\n    collected: 150\n    escalated: 60\n    resolved: 50\n    in_progress: 40\n"


@pytest.mark.parametrize("typed", ["2018-04-15 10:00", "2018-04-25 23:00"])
def test_an_interview_dated_before_the_tally_its_text_quotes_is_warned(example: Path, typed: str) -> None:
    # Dated between two tallies, the text's 截至4月26日 was read as 2017-04-26, a day no tally has: nothing was
    # told, and the page showed, under a text giving the figures of 2018-04-26, the panel of the tally of
    # 2018-03-31 as "the figures when this was published".
    edit_file(example, "content/units/baihe.yaml", "tallies:\n", _MARCH_TALLY)
    edit_file(example, INTERVIEW, "date: 2018-05-03 10:00", f"date: {typed}")
    assert _told(example) == [
        f'{INTERVIEW}:9:7: warning: the page is published {typed}, but its text gives "收集问题清单296份" (line 10), '
        "the figure of 白鹤镇's tally of 2018-04-26, a later day: its figures panel shows the tally of 2018-03-31 as "
        "the figures when it was published\n"
        "  hint: date: is most likely mistyped: write the day the page was published, on or after 2018-04-26; if "
        "the date is right, the text's day or figure is the one to check against the source document (原文)"]
    edit_file(example, INTERVIEW, f"date: {typed}", "date: 2018-04-26 18:00")  # the hint followed
    assert _told(example) == []


def test_a_text_quoting_an_earlier_tally_or_a_figure_no_later_tally_has_is_not_told(example: Path) -> None:
    edit_file(example, "content/units/baihe.yaml", "tallies:\n", _MARCH_TALLY)
    edit_file(example, INTERVIEW, "date: 2018-05-03 10:00", "date: 2018-04-15 10:00")
    # The later tally's figures of another day: a day no tally has, told by no figure rule.
    page = (example / INTERVIEW).read_text(encoding="utf-8")
    (example / INTERVIEW).write_text(page.replace("4月26日", "4月20日"), encoding="utf-8")
    assert [problem for problem in _told(example) if "a later day" in problem] == []
    # The figures of the tally in force on its day.
    (example / INTERVIEW).write_text(page.replace("4月26日", "3月31日").replace("296份", "150份").replace(
        "318批次", "60批次"), encoding="utf-8")
    assert [problem for problem in _told(example) if "a later day" in problem] == []


@pytest.mark.parametrize(("path", "text", "unit"), [
    # Before counting began (the campaign's launch), a text that counts nothing rightly shows no figures.
    ("content/interviews/launch.md", interview(date="2018-01-15 10:00", body="大调研动员部署会召开。\n"), UNIT),
    # A draft is not published; a case study shows its related_tally's figures, not its date's.
    ("content/interviews/draft.md", interview(date="2018-03-01 10:00", body=_EARLY_TEXT, extra="draft: true\n"),
     UNIT),
    ("content/cases/early.md", "---\ntitle: 早期案例\nunit: baihe\nstatus: in_progress\nproblem: 问题。\n"
     f"actions: [走访]\ndate: 2018-03-01\n---\n\n{_EARLY_TEXT}", UNIT),
    # A unit with no tally has no figures panel to miss.
    ("content/interviews/early.md", interview(date="2018-03-01 10:00", body=_EARLY_TEXT),
     "name: 白鹤镇\nlevel: town\n"),
])
def test_a_page_before_its_units_first_tally_is_not_warned_where_no_figures_are_missed(
        tmp_path: Path, path: str, text: str, unit: str) -> None:
    root = write_site(tmp_path, {path: text, "content/units/baihe.yaml": unit})
    assert [problem for problem in _told(root) if "first tally" in problem] == []


# A whole tally typed ten times (or a hundred, or a tenth of) its note and pages: one slip, told once.

_FOUR = ("collected", "escalated", "resolved", "in_progress")
_NOTE_FIGURES = "收集问题清单296份，其中143份已提交区相关部门，103份已解决，50份正在办理"


def _type_tally(root: Path, *values: int) -> None:
    """Type ``values`` for Baihe's collected, escalated, resolved and in_progress (296, 143, 103, 50)."""
    for field, old, new in zip(_FOUR, (296, 143, 103, 50), values):
        edit_file(root, UNIT_FILE, f"    {field}: {old}\n", f"    {field}: {new}\n")


def _follow_texts_right(root: Path, hint: str) -> None:
    """Type in the unit file the figures the hint gives if the texts are right: ``collected: 296 (line 13), …``."""
    mend = hint.split("correct the tally's figures to ", 1)[1].split(";", 1)[0].split(", and type", 1)[0]
    path = root / UNIT_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    for field, value, line in re.findall(r"(\w+): (\d+) \(line (\d+)\)", mend):
        assert lines[int(line) - 1].startswith(f"    {field}: ")
        lines[int(line) - 1] = f"    {field}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")


def _follow_tally_right(root: Path, hint: str) -> None:
    """Type in each text the values the hint gives if the tally is right: ``type 2960 in place of 296, … in the
    note (line 17) and content/interviews/x.md (lines 10, 41)``, each only at those lines."""
    said = hint.split("if the tally is right, type ", 1)[1].removesuffix(" (a correction can say so in the note: 更正)")
    for group in said.split(", and "):
        values, places = group.split(" in the note" if " in the note" in group else " in content/", 1)
        places = ("the note" if " in the note" in group else "content/") + places
        pairs = re.findall(r"(\d+) in place of (\d+)", values)
        for place, lines in re.findall(r"(the note|content/\S+) \(lines? ([\d, and]+)\)", places):
            path = root / (UNIT_FILE if place == "the note" else place)
            text = path.read_text(encoding="utf-8").split("\n")
            for line in map(int, re.findall(r"\d+", lines)):
                for new, old in pairs:
                    text[line - 1] = re.sub(rf"(?<!\d){old}(?!\d)", new, text[line - 1])
            path.write_text("\n".join(text), encoding="utf-8")


_PAGES = f"its note, {INTERVIEW} and {CASE}"
_PAGE_LINES = f"{INTERVIEW} (lines 10, 41, 43, 44 and 45) and {CASE} (line 34)"


def _scaled_warning(times: str, slip: str, pairs: str, meant: str, typed: str, who: str = _PAGES,
                    places: str = f"the note (line 17), {_PAGE_LINES}") -> str:
    right = who.replace("its note", "the note")
    fields = ", ".join(f"{field}: {value} (line {line})" for field, value, line in zip(_FOUR, meant.split(), (13, 14, 15, 16)))
    retyped = ", ".join(f"{new} in place of {old}" for new, old in zip(typed.split(), meant.split()))
    note = " (a correction can say so in the note: 更正)" if "the note" in places else ""
    return (f"{UNIT_FILE}:13:16: warning: all 4 issue-list figures (问题清单) of the tally of 2018-04-26 are {times} "
            f"those {who} give{'s' if ' and ' not in who else ''} for that day: {pairs}; the whole tally is most "
            f"likely typed with {slip}\n"
            f"  hint: check the figures against the source document (原文): if {right} "
            f"{'are' if ' and ' in who else 'is'} right, correct the tally's figures to {fields}; if the tally is "
            f"right, type {retyped} in {places}{note}")


def test_a_whole_tally_typed_ten_times_its_note_and_pages_is_told_once_at_its_first_figure(example: Path) -> None:
    # 2960, 1430, 1030, 500 copied for 296, 143, 103, 50: it still adds up, and was told four times, a four-line
    # hint each, by the note's figures one by one; an editor read four mistakes.
    _type_tally(example, 2960, 1430, 1030, 500)
    told = _told(example)
    assert told == [_scaled_warning(
        "10 times", "a 0 too many (多打了一个0)",
        "collected (收集) 2960 for 296, escalated (提交区级) 1430 for 143, "
        "resolved (已解决) 1030 for 103, in progress (办理中) 500 for 50",
        "296 143 103 50", "2960 1430 1030 500")]
    # The hint followed as typed, either way, leaves nothing to tell.
    _follow_texts_right(example, told[0].split("\n  hint: ")[1])
    assert _told(example) == []
    _type_tally(example, 2960, 1430, 1030, 500)
    _follow_tally_right(example, _told(example)[0].split("\n  hint: ")[1])
    assert _told(example) == []
    assert "收集问题清单2960份，其中1430份已提交区相关部门，1030份已解决，500份正在办理" in (example / UNIT_FILE).read_text("utf-8")


def test_a_whole_tally_typed_a_hundred_times_is_told_once(example: Path) -> None:
    _type_tally(example, 29600, 14300, 10300, 5000)
    told = _told(example)
    assert told == [_scaled_warning(
        "100 times", "two 0s too many (多打了两个0)",
        "collected (收集) 29600 for 296, escalated (提交区级) 14300 for 143, "
        "resolved (已解决) 10300 for 103, in progress (办理中) 5000 for 50",
        "296 143 103 50", "29600 14300 10300 5000")]
    _follow_texts_right(example, told[0].split("\n  hint: ")[1])
    assert _told(example) == []


def test_a_whole_tally_typed_with_a_0_left_out_of_each_figure_is_told_once(tmp_path: Path) -> None:
    # The note says 2960, 1430, 1030 and 500 (the source's figures), the tally 296, 143, 103 and 50.
    site = copy_example(tmp_path)
    for page in (INTERVIEW, CASE):
        (site / page).unlink()
    edit_file(site, UNIT_FILE, _NOTE_FIGURES, "收集问题清单2960份，其中1430份已提交区相关部门，1030份已解决，500份正在办理")
    told = _told(site)
    assert told == [_scaled_warning(
        "a tenth of", "a 0 left out (少打了一个0)",
        "collected (收集) 296 for 2960, escalated (提交区级) 143 for 1430, "
        "resolved (已解决) 103 for 1030, in progress (办理中) 50 for 500",
        "2960 1430 1030 500", "296 143 103 50", who="its note", places="the note (line 17)")]
    _follow_texts_right(site, told[0].split("\n  hint: ")[1])
    assert _told(site) == []


def test_a_tally_a_tenth_of_its_note_whose_pages_agree_with_it_is_told_once_with_both_sides(example: Path) -> None:
    edit_file(example, UNIT_FILE, _NOTE_FIGURES, "收集问题清单2960份，其中1430份已提交区相关部门，1030份已解决，500份正在办理")
    told = _told(example)
    assert [problem.split("\n")[0] for problem in told] == [
        f"{UNIT_FILE}:13:16: warning: all 4 issue-list figures (问题清单) of the tally of 2018-04-26 are a tenth of "
        "those its note gives for that day: collected (收集) 296 for 2960, escalated (提交区级) 143 for 1430, "
        "resolved (已解决) 103 for 1030, in progress (办理中) 50 for 500; either the whole tally is typed with a 0 left "
        "out (少打了一个0) or its note with a 0 "
        f"too many (多打了一个0): {INTERVIEW} and {CASE} give the tally's figures"]
    # If the note is right, the pages are retyped too; if the tally is, the note: either way, nothing is left.
    hint = told[0].split("\n  hint: ")[1]
    assert hint.endswith("if the tally is right, type 296 in place of 2960, 143 in place of 1430, 103 in place of "
                         "1030, 50 in place of 500 in the note (line 17) (a correction can say so in the note: 更正)")
    _follow_tally_right(example, hint)
    assert _told(example) == []


def test_a_whole_tally_ten_times_the_figures_its_pages_quote_is_told_when_its_note_gives_none(example: Path) -> None:
    # The note names only the source: the pages' 296, 143, 103 and 50 were not compared at all (no one figure
    # of theirs is one slip from the tally's while two others are the same), and nothing was told.
    text = (example / UNIT_FILE).read_text(encoding="utf-8")
    start = text.index("    note: 据《")
    (example / UNIT_FILE).write_text(text[:start] + "    note: 据《大调研微访谈│白鹤镇》（上海热线新闻网）。"
                                     + text[text.index("\n", start):], encoding="utf-8")
    _type_tally(example, 2960, 1430, 1030, 500)
    told = _told(example)
    assert told == [_scaled_warning(
        "10 times", "a 0 too many (多打了一个0)",
        "collected (收集) 2960 for 296, escalated (提交区级) 1430 for 143, "
        "resolved (已解决) 1030 for 103, in progress (办理中) 500 for 50",
        "296 143 103 50", "2960 1430 1030 500", who=f"{INTERVIEW} and {CASE}", places=_PAGE_LINES)]
    _follow_tally_right(example, told[0].split("\n  hint: ")[1])
    assert _told(example) == []


def test_three_figures_of_four_typed_ten_times_are_still_told_one_by_one(example: Path) -> None:
    # Not one slip of the whole tally: it does not add up, so its sum error and the pages' figures tell it, and
    # the sum error's hint no longer offers in_progress: 500, which the note and the pages give as 50.
    _type_tally(example, 2960, 1430, 1030, 50)
    told = _told(example)
    assert [problem.split(": ", 2)[:2] for problem in told] == [
        [f"{INTERVIEW}:41:83", "warning"], [f"{INTERVIEW}:43:5", "warning"], [f"{INTERVIEW}:44:5", "warning"],
        [f"{UNIT_FILE}:13:16", "error"]]
    assert told[3] == (
        f"{UNIT_FILE}:13:16: error: tally of 2018-04-26 does not add up: escalated 1430 + resolved 1030 + in progress "
        "50 = 2510, but collected is 2960\n"
        "  hint: check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集")
    # The pages' hints followed (collected: 296, escalated: 143, resolved: 103): nothing is left.
    for field, typed, meant in (("collected", 2960, 296), ("escalated", 1430, 143), ("resolved", 1030, 103)):
        assert f"correct {field}: {typed} to {field}: {meant}" in "".join(told)
        edit_file(example, UNIT_FILE, f"    {field}: {typed}\n", f"    {field}: {meant}\n")
    assert _told(example) == []


def test_a_whole_tally_ten_times_its_note_and_the_tallies_around_it_is_told_once(example: Path) -> None:
    # Told four times as ten times the next tally and four times as other than its note: eight warnings.
    edit_file(example, UNIT_FILE, "\ntargets:", "\n  - as_of: 2018-06-30\n    collected: 350\n    escalated: 160\n"
              "    resolved: 130\n    in_progress: 60\n\ntargets:")
    _type_tally(example, 2960, 1430, 1030, 500)
    told = _told(example)
    assert [problem.split("\n")[0] for problem in told] == [_scaled_warning(
        "10 times", "a 0 too many (多打了一个0)",
        "collected (收集) 2960 for 296, escalated (提交区级) 1430 for 143, "
        "resolved (已解决) 1030 for 103, in progress (办理中) 500 for 50",
        "296 143 103 50", "2960 1430 1030 500").split("\n")[0]]
    _follow_texts_right(example, told[0].split("\n  hint: ")[1])
    assert _told(example) == []
