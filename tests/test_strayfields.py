"""Fields typed in a page's text: the runs of field lines that `sitegen.strayfields` finds, and what it leaves."""

from __future__ import annotations

import pytest

from sitegen.errors import Report
from sitegen.strayfields import check_fields_below, check_pasted_front_matter, field_run

NAMES = ("title", "date", "tags", "actions", "source")


@pytest.mark.parametrize(("text", "fields", "last", "stop"), [
    ("\ntitle: x\ntags:\n- a\n  - b\n\ndate：2018\n\n## 问题\n", [("title", 1), ("tags", 2), ("date", 6)], 6, 8),
    ("actions:\n  - 走访\n\n- 一段列表\n", [("actions", 0)], 1, 3),  # a list after an empty line is Markdown's
    ("source:\n  url: x\n---\n正文\n", [("source", 0)], 1, 2),
    ("注：说明\ntitle: x\n", [], -1, 0),
    ("Note: x\ntitle: x\n", [], -1, 0),
])
def test_a_run_of_fields_ends_at_the_first_line_that_is_no_field_nor_a_value(
        text: str, fields: list[tuple[str, int]], last: int, stop: int) -> None:
    assert tuple(field_run(text.split("\n"), 0, NAMES)) == (fields, last, stop)


def test_fields_below_an_early_closing_line_are_named_with_their_lines() -> None:
    report = Report()
    assert check_fields_below("title: x\n", "date: 2018\ntags:\n- a\n\n正文\n", 4, NAMES, "p.md", report)
    assert [p.format() for p in report.problems] == [
        "p.md:3:1: error: the front matter closes on this line, before fields typed below it: date (line 4), tags "
        "(line 5); they would be published as the page's text\n"
        '  hint: move this "---" line down to just below line 6, the last line of the tags: field, so that it closes '
        "the front matter after all its fields"]
    report = Report()  # one of them is in the front matter already: moving the line would type it twice
    assert not check_fields_below("title: x\ntags: [a]\n", "date: 2018\ntags:\n- a\n", 4, NAMES, "p.md", report)
    assert report.problems == []


@pytest.mark.parametrize("body", [
    "正文\n\n---\n\n注：说明\n\n---\n",
    "---\ntitle: x\n---\n",  # one field
    "~~~\n---\ntitle: x\ndate: 2018\n---\n~~~\n",  # in fenced code
    "---\ntitle: x\ndate: 2018\n\n正文\n\n---\n",  # text before the next "---": a rule, then fields and text
])
def test_rules_and_fields_that_are_no_pasted_front_matter_are_left_alone(body: str) -> None:
    report = Report()
    assert not check_pasted_front_matter("title: x\ndate: 2018\n", body, 5, NAMES, "p.md", report)
    assert report.problems == []


def test_two_pasted_blocks_are_each_named() -> None:
    report = Report()
    block = "---\ntitle: x\ndate: 2018\n---\n"
    assert check_pasted_front_matter("title: x\ndate: 2018\n", f"一\n{block}二\n{block}", 5, NAMES, "p.md", report)
    assert [(p.line, p.message) for p in report.problems] == [
        (6, "the text holds a second front matter block (lines 6 to 9: title, date), which would be published as "
            "the page's text"),
        (11, "the text holds a second front matter block (lines 11 to 14: title, date), which would be published as "
             "the page's text")]
