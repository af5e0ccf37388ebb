"""Figures typed in a page's text, read against its unit's tally of the day the text names."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, check
from sitegen.textfigures import TextFigure, dated_figures

from .sitekit import copy_example

NOW = datetime(2025, 1, 1)
INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
CASE = "content/cases/baihe-sige-zui.md"
PUBLISHED = date(2018, 5, 3)
DAY = date(2018, 4, 26)


def figures(*lines: str, published: date = PUBLISHED) -> list[tuple[str, int, date, str, int, int]]:
    """The figures of ``lines`` (file lines 1, 2 …) as tuples."""
    return [(f.field, f.value, f.day, f.words, f.line, f.column)
            for f in dated_figures(enumerate(lines, 1), published)]


def test_the_example_interviews_figures_are_read_from_its_text_with_their_places() -> None:
    body = (Path(__file__).resolve().parents[1] / INTERVIEW).read_text(encoding="utf-8").split("\n")
    assert [(f.field, f.value, f.line, f.column) for f in dated_figures(enumerate(body, 1), PUBLISHED)] == [
        ("batches", 318, 10, 33), ("collected", 296, 10, 45),  # the summary
        ("batches", 318, 41, 67), ("collected", 296, 41, 83),  # 截至**4月26日**，…**318批次**，…**296份**，其中：
        ("escalated", 143, 43, 5), ("resolved", 103, 44, 5), ("in_progress", 50, 45, 5)]  # the list under it
    assert {f.day for f in dated_figures(enumerate(body, 1), PUBLISHED)} == {DAY}


def test_each_word_order_gives_its_field() -> None:
    assert figures("截至2018年4月26日，全镇收集的296份问题清单中，103份已解决，50份正在办理，143份已提交区相关部门。") == [
        ("collected", 296, DAY, "收集的296份问题清单", 1, 19), ("resolved", 103, DAY, "103份已解决", 1, 29),
        ("in_progress", 50, DAY, "50份正在办理", 1, 37), ("escalated", 143, DAY, "143份已提交", 1, 45)]
    assert figures("截止到2018-04-26：提交区级143份，已解决103份，办理中50份，收集问题1,296条，调研３１８批次") == [
        ("escalated", 143, DAY, "提交区级143份", 1, 19), ("resolved", 103, DAY, "已解决103份", 1, 27),
        ("in_progress", 50, DAY, "办理中50份", 1, 35), ("collected", 1296, DAY, "收集问题1,296条", 1, 43),
        ("batches", 318, DAY, "３１８批次", 1, 52)]


def test_a_figure_said_to_be_about_is_not_read() -> None:
    assert figures("截至4月26日，收集问题约300份，近150份已提交，已解决100份以上，300余份正在办理，超50份已解决。") == []


def test_only_the_sentence_of_the_day_and_the_list_under_its_colon_are_of_that_day() -> None:
    assert figures("截至4月26日，收集问题清单296份。去年同期，收集问题清单150份。") == [
        ("collected", 296, DAY, "收集问题清单296份", 1, 15)]
    # A sentence going on over lines (a line break kept from Word) is one sentence.
    assert figures("截至4月26日，各组", "共收集问题清单296份，这是总数。办理中50份。") == [
        ("collected", 296, DAY, "收集问题清单296份", 2, 8)]
    lines = ["截至4月26日，收集问题清单296份，其中：", "- 143份已提交；", "- 已解决103份。", "", "下一步，力争已解决200份。"]
    assert figures(*lines) == [("collected", 296, DAY, "收集问题清单296份", 1, 15),
                               ("escalated", 143, DAY, "143份已提交", 2, 3), ("resolved", 103, DAY, "已解决103份", 3, 6)]
    # A list after a sentence that ended is not of its day, nor is a paragraph after a list, nor a heading.
    assert figures("截至4月26日，收集问题清单296份。", "", "- 143份已提交") == [
        ("collected", 296, DAY, "收集问题清单296份", 1, 15)]
    assert figures("截至4月26日，其中：", "", "- 143份已提交", "", "103份已解决") == [
        ("escalated", 143, DAY, "143份已提交", 3, 3)]
    assert figures("截至4月26日，其中：", "## 143份已提交", "103份已解决") == []


def test_a_day_without_its_year_is_the_last_one_before_the_page() -> None:
    assert figures("截至12月31日，收集问题清单296份。", published=date(2019, 1, 5)) == [
        ("collected", 296, date(2018, 12, 31), "收集问题清单296份", 1, 16)]
    assert figures("截至2月30日，收集问题清单296份。") == []  # no such day


def test_no_day_no_figures_and_code_is_not_text() -> None:
    assert figures("收集问题清单296份，143份已提交。") == []
    assert figures("```", "截至4月26日，收集问题清单296份。", "```") == []


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def _told(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root, now=NOW)).problems]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


def test_a_figure_of_the_text_that_the_tally_of_its_day_does_not_give_is_warned(example: Path) -> None:
    assert _told(example) == []
    _edit(example, INTERVIEW, "收集问题清单**296份**", "收集问题清单**269份**")
    _edit(example, INTERVIEW, "- **143份**已提交", "- **134份**已提交")
    _edit(example, CASE, "103份已解决，50份", "103份已解决，5份")
    assert _told(example) == [
        f"{CASE}:34:61: warning: the text gives 5 for in progress (办理中) as of 2018-04-26 (5份正在办理), but the "
        "tally of that day says in_progress: 50\n"
        "  hint: one of the two is mistyped: check both against the source document (原文); if the tally is right, "
        "type 50 here in place of 5; if the text is right, correct in_progress: 50 to in_progress: 5 in "
        "content/units/baihe.yaml (line 16)",
        f"{INTERVIEW}:41:83: warning: the text gives 269 for collected (收集) as of 2018-04-26 (收集问题清单269份), "
        "but the tally of that day says collected: 296\n"
        "  hint: one of the two is mistyped: check both against the source document (原文); if the tally is right, "
        "type 296 here in place of 269; if the text is right, correct collected: 296 to collected: 269 in "
        "content/units/baihe.yaml (line 13)",
        f"{INTERVIEW}:43:5: warning: the text gives 134 for escalated (提交区级) as of 2018-04-26 (134份已提交), but "
        "the tally of that day says escalated: 143\n"
        "  hint: one of the two is mistyped: check both against the source document (原文); if the tally is right, "
        "type 143 here in place of 134; if the text is right, correct escalated: 143 to escalated: 134 in "
        "content/units/baihe.yaml (line 14)"]
    # The hints followed (the tally is right): nothing to tell.
    _edit(example, INTERVIEW, "**269份**", "**296份**")
    _edit(example, INTERVIEW, "**134份**", "**143份**")
    _edit(example, CASE, "，5份", "，50份")
    assert _told(example) == []


def test_the_summary_is_read_and_a_day_without_a_tally_is_not_compared(example: Path) -> None:
    _edit(example, INTERVIEW, "调研318批次、收集问题清单296份", "调研381批次、收集问题清单296份")
    assert [line.split("\n")[0] for line in _told(example)] == [
        f"{INTERVIEW}:10:33: warning: the text gives 381 for survey batches (调研批次) as of 2018-04-26 (381批次), "
        "but the tally of that day says batches: 318"]
    _edit(example, INTERVIEW, "截至4月26日开展调研381批次", "截至4月20日开展调研381批次")
    assert _told(example) == []


def test_the_record_of_a_figure_names_its_words_and_place() -> None:
    assert dated_figures([(7, "截至4月26日，**50份**正在办理。")], PUBLISHED) == [
        TextFigure("in_progress", 50, DAY, "50份正在办理", 7, 11)]
