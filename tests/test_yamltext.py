"""Tests for sitegen.yamltext: YAML kept as typed, with file positions and plain messages."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.errors import Problem, Report
from sitegen.models import CaseStudyMeta, InterviewMeta, Unit
from sitegen.sources import SourceFile, read_source, split_front_matter
from sitegen.validation import group_fields
from sitegen import yamlexplain, yamltext
from sitegen.yamltext import MAX_DEPTH, TAB_HINT, TAB_MESSAGE, YamlData, load_yaml, space_name

from .sitekit import line_as_hinted, lines_as_hinted


def load(text: str, path: str = "data/x.yaml", first_line: int = 1) -> tuple[YamlData | None, Report]:
    """Load ``text`` and return the data and the report."""
    report = Report()
    return load_yaml(text, path, report, first_line=first_line), report


def ok(text: str, first_line: int = 1) -> YamlData:
    """Load ``text`` that must have no problems at all."""
    data, report = load(text, first_line=first_line)
    assert data is not None and report.problems == [], report.sorted()
    return data


def shown(report: Report) -> list[str]:
    """The problems as printed in a terminal."""
    return [problem.format() for problem in report.sorted()]


def front_matter(cases_dir: Path, case: str, rel: str) -> tuple[YamlData | None, Report]:
    """Read a case page (bytes as stored) and load its front matter with file line numbers."""
    report = Report()
    source = read_source(cases_dir / case, rel, report)
    assert source is not None
    document = split_front_matter(source, report)
    assert document.front_matter is not None
    return load_yaml(document.front_matter, rel, report, first_line=document.front_matter_line), report


def data_file(cases_dir: Path, case: str, rel: str) -> tuple[YamlData | None, Report]:
    """Read a case data file and load it."""
    report = Report()
    source = read_source(cases_dir / case, rel, report)
    assert source is not None
    return load_yaml(source.text, rel, report), report


# -- values stay the text typed (cases 01, 02, 04) ------------------------------

def test_case_01_yes_no_stay_strings(cases_dir: Path) -> None:
    data, report = data_file(cases_dir, "01-yaml-yes-no-keys", "data/survey.yaml")
    assert data is not None and report.problems == []
    assert data.value == {
        "title": "社区养老服务满意度调查",
        "as_of": "2024-06-30",
        "show_on_home": "yes",
        "results": {"yes": "312", "no": "17", "unsure": "9"},
        "answer_codes": ["yes", "no", "unsure"],
    }
    assert data.locate(("results", "no")) == (7, 7)
    assert data.locate_key(("results", "no")) == (7, 3)
    assert data.locate(("answer_codes", 2)) == (9, 25)
    assert data.locate(("answer_codes",)) == (9, 15)


def test_case_02_times_kept_as_typed(cases_dir: Path) -> None:
    page, report = front_matter(cases_dir, "02-yaml-time-base60", "content/interviews/2024-06-wangge.md")
    assert page is not None and report.problems == []
    assert isinstance(page.value, dict)
    assert (page.value["interview_start"], page.value["interview_end"], page.value["meeting_time"]) == (
        "14:30", "16:00", "09:30")
    assert page.locate(("interview_start",)) == (4, 18)
    timeline, report = data_file(cases_dir, "02-yaml-time-base60", "data/timeline.yaml")
    assert timeline is not None and report.problems == []
    assert isinstance(timeline.value, list)
    assert [entry["time"] for entry in timeline.value] == ["8:30", "10:15", "14:30:00"]
    assert timeline.locate((2, "time")) == (8, 9)


def test_case_04_dates_kept_as_typed(cases_dir: Path) -> None:
    timeline, report = data_file(cases_dir, "04-yaml-date-mixed-types", "data/timeline.yaml")
    assert timeline is not None and report.problems == []
    assert isinstance(timeline.value, list)
    assert [entry["date"] for entry in timeline.value] == [
        "2024-03-01", "2024-03-15", "2024年4月1日", "2024/4/8", "2024-4-15"]
    page, report = front_matter(cases_dir, "04-yaml-date-mixed-types", "content/bulletins/2024-06-30.md")
    assert page is not None and page.value == {"title": "2024-06-30", "date": "2024-06-30"}


def test_numbers_booleans_and_nulls() -> None:
    data = ok('a: 010\nb: 1.10\nc: 0x1F\nd: no\ne: on\nf: ""\ng: ~\nh: null\ni: "~"\nj: !!str ~\n'
              "k: NULL\nl:\nm: 'null'\nn: !!null x\n2018: year\nyes: key\n")
    assert data.value == {"a": "010", "b": "1.10", "c": "0x1F", "d": "no", "e": "on", "f": "", "g": None,
                          "h": None, "i": "~", "j": "~", "k": None, "l": None, "m": "null", "n": None,
                          "2018": "year", "yes": "key"}


def test_quoted_and_block_values() -> None:
    data = ok("a: 'it''s'\nb: \"他说\\\"好\\\"\"\nc: |\n  第一行\n  第二行\nd: >\n  one\n  two\ne: [x, 'y, z', {f: g}]\n")
    assert data.value == {"a": "it's", "b": '他说"好"', "c": "第一行\n第二行\n", "d": "one two\n",
                          "e": ["x", "y, z", {"f": "g"}]}
    assert data.locate(("c",)) == (3, 4)
    assert data.locate(("e", 2, "f")) == (9, 20)


def test_positions_in_file_coordinates() -> None:
    data = ok("title: 访谈\ntags:\n  - 民生\n  - 市政\nunit:\n  name: 白鹤社区\n", first_line=2)
    assert data.positions[()] == (2, 1)
    assert data.locate(("title",)) == (2, 8)
    assert data.locate(("tags",)) == (4, 3)
    assert data.locate(("tags", 1)) == (5, 5)
    assert data.locate(("unit", "name")) == (7, 9)
    assert data.locate_key(("unit", "name")) == (7, 3)
    assert data.locate_key(("tags", 1)) == (3, 1)
    assert data.locate(("unit", "missing", 3)) == (7, 3)   # nearest known ancestor
    assert data.locate(("nothing",)) == (2, 1)
    assert data.locate(()) == (2, 1)
    assert data.locate_key(()) == (2, 1)


def test_empty_text_is_none() -> None:
    assert ok("").value is None
    assert ok("# 只有注释\n").value is None


# -- case 09: TABs ------------------------------------------------------------

def test_case_09_tab_after_key_is_a_space(cases_dir: Path) -> None:
    data = ok("title:\t社区卫生服务站访谈\ndate: 2024-05-08\n", first_line=2)
    assert data.value == {"title": "社区卫生服务站访谈", "date": "2024-05-08"}
    assert data.locate(("title",)) == (2, 8)


def test_case_09_tab_indentation_page(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "09-tab-in-yaml", "content/interviews/tab.md")
    assert data is None
    assert report.sorted() == [
        Problem("content/interviews/tab.md", 5, 1, "error", TAB_MESSAGE,
                'replace the TAB (制表符) with 2 spaces, 2 spaces further in than "tags:" above it: "  - 医疗"'),
        Problem("content/interviews/tab.md", 6, 1, "error", TAB_MESSAGE,
                'replace the TAB (制表符) with 2 spaces, lined up with the "- " above it: "  - 民生"'),
    ]
    assert shown(report)[0] == ("content/interviews/tab.md:5:1: error: a TAB is used for indentation; "
                                "YAML needs spaces\n  hint: replace the TAB (制表符) with 2 spaces, 2 spaces further "
                                'in than "tags:" above it: "  - 医疗"')


# Lines of a tally as sitegen new tally prints them, each with its comment.
TALLY = ("tallies:   # 调研数据\n  - as_of: 2018-04-26   # 截至日期\n    batches: 318   # 调研批次\n"
         "    collected: 296   # 收集问题清单\n    escalated: 143   # 提交区级\n    resolved: 103   # 已解决\n"
         "    in_progress: 50   # 办理中\n")


@pytest.mark.parametrize(("typed", "tabbed", "hints"), [
    # A field of a tally: "two for each level" gave 2 spaces, then "a list item starting with "- " is expected".
    ("    collected:", "\tcollected:", {4: 'replace the TAB (制表符) with 4 spaces, lined up with "batches:" above it: '
                                          '"    collected: 296   # 收集问题清单"'}),
    ("    batches:", "\tbatches:", {3: 'replace the TAB (制表符) with 4 spaces, lined up with "as_of:" above it: '
                                      '"    batches: 318   # 调研批次"'}),
    ("  - as_of:", "\t- as_of:", {2: 'replace the TAB (制表符) with 2 spaces, 2 spaces further in than "tallies:" '
                                     'above it: "  - as_of: 2018-04-26   # 截至日期"'}),
    # Every line of the tally typed with TABs: each line's spaces follow from the spaces of the line above.
    ("\n    ", "\n\t\t", {line: f'replace the 2 TABs (制表符) with 4 spaces, lined up with "{key}:" above it: '
                                f'"{typed}"'
                          for line, key, typed in zip(range(3, 8), ("as_of", "batches", "collected", "escalated",
                                                                    "resolved"), TALLY.split("\n")[2:7])}),
    ("    collected:", "  \tcollected:", {4: 'indent the line with 4 spaces and no TAB (制表符), lined up with '
                                             '"batches:" above it: "    collected: 296   # 收集问题清单"'}),
])
def test_a_tab_used_for_indentation_is_told_the_spaces_that_line_it_up(typed: str, tabbed: str,
                                                                       hints: dict[int, str]) -> None:
    text = TALLY.replace(typed, tabbed)
    data, report = load(text)
    assert data is None and [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (line, text.split("\n")[line - 1].index("\t") + 1, TAB_MESSAGE, hint) for line, hint in hints.items()]
    # Each line typed as its hint gives it reads as the tally.
    lines = text.split("\n")
    for problem in report.problems:
        lines[problem.line - 1] = line_as_hinted(problem.hint, lines[problem.line - 1])
    assert ok("\n".join(lines)).value == ok(TALLY).value


def test_a_tab_whose_spaces_the_lines_around_it_do_not_tell_gets_the_general_hint() -> None:
    # A key after a list of plain texts: a field of the file, or of something above? Nothing tells.
    data, report = load("tags:\n  - 大调研\n\tdate: 2018-05-03\n")
    assert data is None and [(p.line, p.hint) for p in report.problems] == [(3, TAB_HINT)]
    assert TAB_HINT == ("replace the TAB (制表符) with spaces, lined up with the lines it belongs with: the fields of "
                        'one block, and the "- " of the items of one list, stand equally far in')
    data, report = load("title: 访谈\n\tdate: 2018-05-03\n")
    assert [(p.line, p.hint) for p in report.problems] == [
        (2, 'delete the TAB (制表符) at the start of the line, lined up with "title:" above it: date: 2018-05-03')]
    assert ok("title: 访谈\ndate: 2018-05-03\n")


@pytest.mark.parametrize("indent", ["\t", "\u3000\u3000"])
def test_the_line_an_indentation_hint_ends_with_typed_in_place_of_the_slipped_one_loads_cleanly(indent: str) -> None:
    # "replace the TAB (制表符) with 4 spaces" gave a count, not the line: an editor could not see how far in four
    # spaces are. The hint ends with the line to type, in double quotes when it starts with spaces.
    typed = TALLY.replace("    escalated: 143   # 提交区级", f"{indent}escalated: 143   # 提交区级  ")
    _, report = load(typed)
    [problem] = report.problems
    assert problem.hint.endswith('lined up with "collected:" above it: "    escalated: 143   # 提交区级"')
    lines = typed.split("\n")
    lines[problem.line - 1] = line_as_hinted(problem.hint, lines[problem.line - 1])
    assert ok("\n".join(lines)).value == ok(TALLY).value
    # A line that goes to the left edge is given bare, as it starts with no space to show.
    typed = f"title: 访谈\n{indent}date: 2018-05-03\n"
    [problem] = load(typed)[1].problems
    assert problem.hint.endswith('lined up with "title:" above it: date: 2018-05-03')
    assert ok(f"title: 访谈\n{line_as_hinted(problem.hint, typed.split(chr(10))[1])}\n").value == {
        "title": "访谈", "date": "2018-05-03"}
    # A line too long to give whole is left out (the count still says how far in it goes).
    note = "据统计" * 100
    [problem] = load(f"tallies:\n  - as_of: 2018-04-26\n{indent}note: {note}\n")[1].problems
    assert problem.hint.endswith('lined up with "as_of:" above it') and note not in problem.hint


def test_case_09_tab_indentation_data_file(cases_dir: Path) -> None:
    data, report = data_file(cases_dir, "09-tab-in-yaml", "data/tallies-tab.yaml")
    assert data is None
    assert [(p.path, p.line, p.column, p.message) for p in report.sorted()] == [
        ("data/tallies-tab.yaml", line, 1, TAB_MESSAGE) for line in (4, 5, 6)]


def test_tabs_elsewhere() -> None:
    _, report = load("a:\n  b: 1\n  \t c: 2\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [(3, 3, TAB_MESSAGE)]
    _, report = load("a: 1\n\t\nb: 2\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (2, 1, "a TAB is on this empty line; YAML does not allow it")]
    _, report = load("tags:\n  -\t民生\n")
    assert [(p.line, p.column) for p in report.problems] == [(2, 4)]
    assert report.problems[0].message == 'a TAB follows the list marker "-"; YAML needs spaces'


def test_tabs_in_block_scalars_quotes_and_brackets_are_not_indentation() -> None:
    assert ok("a: |\n  x\ty\n").value == {"a": "x\ty\n"}
    assert ok('b: "p\n\tq"\n').value == {"b": "p q"}
    assert ok("c: [1,\n\t2]\n").value == {"c": ["1", "2"]}


# -- case 11: colons ----------------------------------------------------------

def test_case_11_a_fullwidth_colons(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "11-colon-typing", "content/interviews/a-fullwidth-colon.md")
    assert data is None
    assert shown(report) == [
        'content/interviews/a-fullwidth-colon.md:2:6: error: "title：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: title: 社区网格员访谈",
        'content/interviews/a-fullwidth-colon.md:3:5: error: "date：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: date: 2024-06-18",
    ]


def test_case_11_b_mixed_colons_blames_the_right_line(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "11-colon-typing", "content/interviews/b-mixed-colon.md")
    assert data is None
    assert shown(report) == [
        'content/interviews/b-mixed-colon.md:2:6: error: "title：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: title: 社区网格员访谈（二）"]


def test_case_11_c_no_space(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "11-colon-typing", "content/interviews/c-no-space.md")
    assert data is None
    assert shown(report) == [
        'content/interviews/c-no-space.md:2:6: error: no space after ":" in "title:社区网格员访谈（三）"\n'
        "  hint: add a space after the colon: title: 社区网格员访谈（三）"]


def test_case_11_d_colon_in_value(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "11-colon-typing", "content/interviews/d-ascii-colon-in-title.md")
    assert data is None
    assert shown(report) == [
        'content/interviews/d-ascii-colon-in-title.md:2:10: error: the value contains ": " '
        "(YAML parser: mapping values are not allowed in this context)\n"
        '  hint: wrap the whole value in quotes: title: "专访: 社区网格员的一天"']


def test_a_colon_in_a_value_in_chinese_quotes_gets_both_fixes() -> None:
    # “专访: …” typed as if Chinese quotes were YAML's: the hint kept them inside the quotes it added,
    # so they showed on the page; it names the fix without them too.
    data, report = load("title: “专访: 补好短板”\n")
    assert data is None and [(p.message, p.hint) for p in report.problems] == [(
        'the value contains ": " (YAML parser: mapping values are not allowed in this context)',
        'wrap the whole value in quotes: title: "“专访: 补好短板”" (the “” then show; without them: '
        'title: "专访: 补好短板")')]


def indented_as_told(text: str, problem: Problem) -> str:
    """``text`` with the problem's line indented as its hint says ("indent it by 4 spaces", "by 2 more spaces")."""
    spaces = int(re.search(r"indent it by (\d+) (?:more )?spaces", problem.hint).group(1))  # type: ignore[union-attr]
    lines = text.split("\n")
    lines[problem.line - 1] = " " * spaces + lines[problem.line - 1]
    return "\n".join(lines)


LOST_UNDER_INTERVIEWEE = ('this line lost its indent (缩进): it ends the block under "interviewee:" that the indented '
                          'line below it ("role: 党委书记") is part of')


@pytest.mark.parametrize(("text", "words"), [
    ("interviewee:\nname: 受访人\n  role: 党委书记\ndate: 2018-05-03\n", "mapping values are not allowed in this context"),
    # With a comment on each line, as sitegen new writes them, the parser complained about role: instead, and the
    # hint said to line up the keys, naming neither name: nor by how much.
    ("interviewee:   # 受访人 the person interviewed\nname: 受访人   # 姓名 name\n  role: 党委书记   # 职务 role\n"
     "date: 2018-05-03   # 发布时间\n", "while parsing a block mapping: did not find expected key"),
])
def test_a_field_that_lost_its_indent_under_a_block_is_named_as_the_line_to_indent(text: str, words: str) -> None:
    # "interviewee:" then "name: 甲" not indented, then "  role: 乙": the hint said to line up role: with the
    # keys above, which moves it out of interviewee: too; the line to indent is name:.
    data, report = load(text)
    assert data is None and [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (2, 1, f"{LOST_UNDER_INTERVIEWEE} (YAML parser: {words})",
         'indent it by 2 spaces, as "role:" below it is: both belong under "interviewee:"')]
    assert ok(indented_as_told(text, report.problems[0])).value["interviewee"] == {"name": "受访人", "role": "党委书记"}
    # A list item may stand as far in as its key, so the line above collected: loses no block: the slip is the
    # item's "- " line (a tally pasted from its "-"), told by `first_item_lost_indent`, not this rule.
    data, report = load("tallies:\n- as_of: 2018-04-26\n    collected: 296\n")
    assert data is None and [(p.line, p.hint) for p in report.problems] == [
        (2, 'add 2 spaces at the start of line 2, so that "as_of:" lines up with "collected:" below it: '
            '"  - as_of: 2018-04-26"')]


GROUP_GIVEN_A_VALUE = ('"interviewee" is a group of fields, but it has a value on its own line ("王建国"), so the '
                       "lines indented under it cannot be its fields")


@pytest.mark.parametrize(("text", "parser", "hint"), [
    ("title: 访谈\ninterviewee: 王建国   # 受访人 the person interviewed\n  role: 党委书记   # 职务 role\n",
     "while parsing a block mapping: did not find expected key",
     'write "interviewee:" alone on its line, and under it, indented as "role:" is, the line "  name: 王建国"'),
    ("title: 访谈\ninterviewee: 王建国\n  role: 党委书记\n",
     "mapping values are not allowed in this context",
     'write "interviewee:" alone on its line, and under it, indented as "role:" is, the line "  name: 王建国"'),
    ("title: 访谈\ninterviewee: 王建国\n  role: 党委书记\n  name: 王建国\n",
     "mapping values are not allowed in this context",
     'delete "王建国" after "interviewee:": its fields are the lines under it'),
])
def test_a_group_typed_with_a_value_on_its_line_is_told_to_stand_alone(text: str, parser: str, hint: str) -> None:
    # "interviewee: 王建国" with role: still indented under it got "…or wrap the value above in quotes",
    # which does not mend it: the value is the group's first field, on a line of its own under it.
    report = Report()
    assert load_yaml(text, "content/interviews/x.md", report, first_line=2,
                     groups=group_fields(InterviewMeta)) is None
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (3, 14, f"{GROUP_GIVEN_A_VALUE} (YAML parser: {parser})", hint)]
    # The line as the hint gives it is read; a key that holds no group is not told to stand alone.
    assert ok("interviewee:\n  name: 王建国\n  role: 党委书记\n").value == {
        "interviewee": {"name": "王建国", "role": "党委书记"}}
    report = Report()
    load_yaml("unit: baihe\n  role: 党委书记\n", "content/interviews/x.md", report, groups=group_fields(InterviewMeta))
    assert [p.hint for p in report.problems] == [
        'line up this key with the keys above it (same number of spaces); only if this line is text going on from '
        'the value above, put that value and this line in one pair of quotes: " before the value, " at the end of '
        "this line"]


MAPPING_VALUES = "mapping values are not allowed in this context"


@pytest.mark.parametrize(("model", "text", "at", "listed", "typed", "key", "line", "parser"), [
    (InterviewMeta, "title: 访谈\nimages:\n  - images/laojie.png\n    alt: 西江老街的青石板路\n", (4, 5), "images",
     "images/laojie.png", "alt", "- src: images/laojie.png", MAPPING_VALUES),
    # With a comment after the value, YAML ends the item there and expects the next "- ".
    (InterviewMeta, "images:\n  - src: images/a.png\n  - images/laojie.png   # 图片\n    caption: 老街\n    alt: 老街\n",
     (4, 5), "images", "images/laojie.png", "caption", "- src: images/laojie.png",
     "while parsing a block collection: did not find expected '-' indicator"),
    (Unit, "name: 白鹤镇\nlevel: town\ntallies:\n- 2018-04-26\n  collected: 296\n", (5, 3), "tallies",
     "2018-04-26", "collected", "- as_of: 2018-04-26", MAPPING_VALUES),
])
def test_a_list_item_typed_as_a_value_alone_is_told_its_field_name(model, text: str, at: tuple[int, int], listed: str,
                                                                   typed: str, key: str, line: str,
                                                                   parser: str) -> None:
    # "- images/laojie.png" with alt: under it was told to line up the key or to quote: the item's first field
    # had no name. The value is told at its place, with the line to type.
    report = Report()
    assert load_yaml(text, "content/x", report, first_line=2, groups=group_fields(model)) is None
    first = line.split(" ")[1]
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (*at, f'this item of "{listed}" is a value alone ("{typed}"), with no field name, so the "{key}:" line '
              f"under it cannot be one of its fields (YAML parser: {parser})",
         f"write the field name {first} before the value: {line}, and keep {key}: lined up under {first}")]
    # Typed as told, the item is read with its fields.
    items = ok(text.replace(f"- {typed}", line, 1)).value[listed]
    assert {first[:-1], key} <= set(items[-1] if listed == "images" else items[0])


def test_a_list_of_texts_with_a_key_under_an_item_is_not_told_a_field_name() -> None:
    # The records have no fields there: the key is told as before.
    report = Report()
    load_yaml("actions:\n  - 走访\n    note: 甲\n", "content/x", report, groups=group_fields(CaseStudyMeta))
    assert report.problems[0].message.startswith('a "key:" is not expected here')


def typed_in_place(text: str, problem: Problem) -> str:
    """``text`` with the lines a hint gives ("…, typing these 2 lines in place of this one: "…", "…"") typed in
    place of the problem's line."""
    given = problem.hint.split(" in place of this one: ", 1)[1].split('"; if ', 1)[0]
    lines = text.split("\n")
    lines[problem.line - 1:problem.line] = given.removeprefix('"').removesuffix('"').split('", "')
    return "\n".join(lines)


@pytest.mark.parametrize(("model", "text", "at", "message", "meant"), [
    (InterviewMeta, "title: 白鹤镇：补好短板发挥优势 slug: baihe-2024\ndate: 2018-05-03\n", (1, 21),
     'two fields are typed on one line: "title" and "slug"',
     {"title": "白鹤镇：补好短板发挥优势", "slug": "baihe-2024", "date": "2018-05-03"}),
    (InterviewMeta, 'title: "白鹤镇" slug: baihe-2024   # 标题 title\n', (1, 14),
     'two fields are typed on one line: "title" and "slug"', {"title": "白鹤镇", "slug": "baihe-2024"}),
    (InterviewMeta, "title: 白鹤镇 slug: baihe date: 2018-05-03 summary: 专访: 补短板\n", (1, 12),
     'four fields are typed on one line: "title", "slug", "date" and "summary"',
     {"title": "白鹤镇", "slug": "baihe", "date": "2018-05-03", "summary": "专访: 补短板"}),
    (InterviewMeta, "title: 访谈\ninterviewee:\n  name: 张三 role: 党委书记   # 职务 role\n", (3, 12),
     'two fields are typed on one line: "name" and "role"',
     {"title": "访谈", "interviewee": {"name": "张三", "role": "党委书记"}}),
    (Unit, "tallies:\n  - as_of: 2024-06-30\tcollected: 296\tescalated: 143\n", (2, 23),
     'three fields are typed on one line: "as_of", "collected" and "escalated"',
     {"tallies": [{"as_of": "2024-06-30", "collected": "296", "escalated": "143"}]}),
    (Unit, "tallies:\n- as_of:\t2024-06-30\tcollected:\t296\n  resolved: 3\n", (2, 21),
     'two fields are typed on one line: "as_of" and "collected"',
     {"tallies": [{"as_of": "2024-06-30", "collected": "296", "resolved": "3"}]}),
    (Unit, "name: 白鹤镇\nmilestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n  - date: 2018-01-15 title: 动员\n",
     (5, 22), 'two fields are typed on one line: "date" and "title"',
     {"name": "白鹤镇", "milestones": [{"date": "2018-01-12", "title": "成立领导小组"},
                                     {"date": "2018-01-15", "title": "动员"}]}),
])
def test_two_fields_typed_on_one_line_are_given_a_line_each(model: type, text: str, at: tuple[int, int],
                                                             message: str, meant: object) -> None:
    # The hint said to wrap the whole value in quotes: pasted, "slug: baihe-2024" was published in the title
    # and the page lost its slug, and a tally row pasted from Excel became one date.
    report = Report()
    assert load_yaml(text, "content/x.md", report, groups=group_fields(model)) is None
    [problem] = report.problems
    assert (problem.line, problem.column) == at
    assert problem.message.startswith(f"{message}; each field needs a line of its own (一行只写一个字段) (YAML parser: ")
    assert problem.hint.startswith("put each field on a line of its own, lined up with ")
    assert ok(typed_in_place(text, problem)).value == meant


WIDE_SLUG = '; the colon after "slug" is a full-width colon (全角冒号 ：), where a half-width ":" (半角) is needed'


@pytest.mark.parametrize(("model", "text", "at", "message", "meant"), [
    (InterviewMeta, "title: 白鹤镇：补好短板 slug:baihe-2024\ndate: 2018-05-03\n", (1, 17),
     'two fields are typed on one line: "title" and "slug"; each field needs a line of its own (一行只写一个字段)',
     {"title": "白鹤镇：补好短板", "slug": "baihe-2024", "date": "2018-05-03"}),
    (InterviewMeta, "title: 白鹤镇：补好短板 slug：baihe-2024\n", (1, 17),
     'two fields are typed on one line: "title" and "slug"; each field needs a line of its own (一行只写一个字段)'
     + WIDE_SLUG, {"title": "白鹤镇：补好短板", "slug": "baihe-2024"}),
    (InterviewMeta, "title: 白鹤镇\u3000slug： baihe-2024   # 标题 title\n", (1, 12),
     'two fields are typed on one line: "title" and "slug"; each field needs a line of its own (一行只写一个字段)'
     + WIDE_SLUG, {"title": "白鹤镇", "slug": "baihe-2024"}),
    (InterviewMeta, "title: 白鹤镇 slug:baihe date: 2018-05-03\n", (1, 12),
     'three fields are typed on one line: "title", "slug" and "date"; each field needs a line of its own '
     "(一行只写一个字段) (YAML parser: mapping values are not allowed in this context)",
     {"title": "白鹤镇", "slug": "baihe", "date": "2018-05-03"}),
    (Unit, "name: 白鹤镇\ntallies:\n  - as_of: 2024-06-30 collected:296\n", (3, 23),
     'two fields are typed on one line: "as_of" and "collected"; each field needs a line of its own (一行只写一个字段)',
     {"name": "白鹤镇", "tallies": [{"as_of": "2024-06-30", "collected": "296"}]}),
    (Unit, "targets:\n  - group: residents note:关注老人\n", (2, 22),
     'two fields are typed on one line: "group" and "note"; each field needs a line of its own (一行只写一个字段)',
     {"targets": [{"group": "residents", "note": "关注老人"}]}),
    (InterviewMeta, "source:\n  title: 白鹤镇访谈 url:https://example.org/a\n", (2, 16),
     'two fields are typed on one line: "title" and "url"; each field needs a line of its own (一行只写一个字段)',
     {"source": {"title": "白鹤镇访谈", "url": "https://example.org/a"}}),
    (InterviewMeta, "interviewee: 张三 role：党委书记\n", (1, 17),
     '"role" is a field of "interviewee", typed on its line; a group of fields has each field on a line of its own '
     'under it (一行只写一个字段); the colon after "role" is a full-width colon (全角冒号 ：), where a half-width ":" '
     "(半角) is needed", {"interviewee": {"name": "张三", "role": "党委书记"}}),
])
def test_a_field_typed_after_a_value_without_the_space_or_with_a_full_width_colon_gets_a_line(
        model: type, text: str, at: tuple[int, int], message: str, meant: object) -> None:
    # "title: 白鹤镇：补好短板 slug:baihe-2024" is valid YAML: the title was published as "白鹤镇：补好短板
    # slug:baihe-2024" with no message, and the page had no slug; so with "slug：".
    for load_with in (load_yaml, yamltext._load_yaml_reference):
        report = Report()
        assert load_with(text, "content/x.md", report, groups=group_fields(model)) is None
        [problem] = report.problems
        assert ((problem.line, problem.column), problem.message) == (at, message)
        assert ok(typed_in_place(text, problem)).value == meant


@pytest.mark.parametrize(("model", "text"), [
    (InterviewMeta, "title: 会议纪要 note:2024\n"),  # a page has no note
    (Unit, "name: 白鹤镇 note:2024\ntallies:\n  - as_of: '2024-06-30'\n    note: 见 http://example.org\n"),
    (InterviewMeta, "title: 访谈 Tip:用好\u3000slug\nsummary: 见 https://example.org/a summary\n"),
    (InterviewMeta, "title: 'slug:baihe'\nsummary: |\n  白鹤镇 slug:baihe\n"),
    (None, "note: 甲 b:1 slug：2\n"),  # a data file: no record says what its fields are
])
def test_a_key_no_record_has_there_typed_without_the_space_stays_in_the_value(model: type | None, text: str) -> None:
    groups = None if model is None else group_fields(model)
    for load_with in (load_yaml, yamltext._load_yaml_reference):
        report = Report()
        data = load_with(text, "content/x.md", report, groups=groups)
        assert report.problems == [] and data is not None and data.value == yaml.safe_load(text)


@pytest.mark.parametrize(("text", "column", "later", "meant"), [
    ("interviewee: 张三 role: 党委书记\n", 17, '"role" is a field', {"name": "张三", "role": "党委书记"}),
    ("interviewee: name: 张三\trole: 党委书记\n", 14, '"name" and "role" are fields',
     {"name": "张三", "role": "党委书记"}),
    ("interviewee: 党委书记 name: 张三\n", 19, '"name" is a field', {"role": "党委书记", "name": "张三"}),
])
def test_a_groups_fields_typed_on_its_line_go_under_it(text: str, column: int, later: str, meant: object) -> None:
    # The value typed after the group's key is its first field not typed after it.
    report = Report()
    assert load_yaml(text, "content/x.md", report, groups=group_fields(InterviewMeta)) is None
    [problem] = report.problems
    assert (problem.line, problem.column) == (1, column)
    assert problem.message.startswith(f'{later} of "interviewee", typed on its line; a group of fields has each '
                                      "field on a line of its own under it (一行只写一个字段) (YAML parser: ")
    assert problem.hint.startswith('write "interviewee:" alone on its line, and under it each field on a line of '
                                   'its own, indented by 2 spaces more than "interviewee:", typing these 3 lines in '
                                   'place of this one: "interviewee:", "  ')
    assert ok(typed_in_place(text, problem)).value == {"interviewee": meant}


@pytest.mark.parametrize("text", ["interviewee: 张三 name: 李四 role: 书记\n", "interviewee: 张三 name:李四 role:书记\n"])
def test_a_value_typed_before_every_field_of_its_group_is_said_to_be_in_no_field(text: str) -> None:
    # The hint was "wrap the whole value in quotes", which makes the group a text and fails again.
    for load_with in (load_yaml, yamltext._load_yaml_reference):
        report = Report()
        assert load_with(text, "content/x.md", report, groups=group_fields(InterviewMeta)) is None
        [problem] = report.problems
        assert (problem.line, problem.column) == (1, 17)
        assert problem.message.startswith('"name" and "role" are fields of "interviewee", typed on its line; ')
        assert problem.hint.startswith('"张三", typed before the fields, is in no field: delete it, or move it into '
                                       'the field it belongs to; write "interviewee:" alone on its line')
        assert problem.hint.endswith('"interviewee:", "  name: 李四", "  role: 书记"')
        assert ok(typed_in_place(text, problem)).value == {"interviewee": {"name": "李四", "role": "书记"}}


@pytest.mark.parametrize(("model", "text", "column", "space", "line", "meant"), [
    (Unit, "tallies:\n  - as_of: 2024-06-30\n    collected 350\n    escalated: 3\n", 14, "",
     "    collected: 350", {"tallies": [{"as_of": "2024-06-30", "collected": "350", "escalated": "3"}]}),
    (Unit, "tallies:\n  - as_of: 2024-06-30\n    collected\u3000350   # 收集\n", 14, "\u3000",
     "    collected: 350   # 收集", {"tallies": [{"as_of": "2024-06-30", "collected": "350"}]}),
    (InterviewMeta, "title: 访谈\nslug baihe-2024\ndate: 2018-05-03\n", 5, "",
     "slug: baihe-2024", {"title": "访谈", "slug": "baihe-2024", "date": "2018-05-03"}),
    (InterviewMeta, "title: 访谈\nsummary \u3000\"大调研\"微访谈\n", 9, "\u3000",
     'summary: \'"大调研"微访谈\'', {"title": "访谈", "summary": '"大调研"微访谈'}),
])
def test_a_field_typed_without_its_colon_gets_the_line_with_it(model: type, text: str, column: int, space: str,
                                                               line: str, meant: object) -> None:
    # "collected 350" in a tally was told only "write it as key: value".
    report = Report()
    assert load_yaml(text, "content/x.md", report, groups=group_fields(model)) is None
    [problem] = report.problems
    key = line.split(":")[0].strip()
    instead = ", and a full-width space (全角空格) is typed in its place" if space else ""
    how = (f'replace the space after "{key}" with ":" and an ordinary space' if space
           else f'type ":" and an ordinary space after "{key}"')
    assert (problem.line, problem.column, problem.message.split(" (YAML parser: ")[0], problem.hint) == (
        2 if model is InterviewMeta else 3, column, f'"{key}" is a field, but the ":" after it is missing{instead}',
        f'{how}, typing this line in place of this one: "{line}"')
    assert ok(typed_in_place(text, problem)).value == meant


_TALLY_TEXT = "tallies:\n  - as_of: 2024-06-30\n    {}\n    escalated: 3\n"


@pytest.mark.parametrize(("typed", "column", "sign"), [
    ("collected; 296", 14, ";"), ("collected= 296", 14, "="), ("collected. 296", 14, "."),
    ("collected；296", 14, "；"), ("collected ,296", 15, ","),
])
def test_a_field_typed_with_a_mark_for_its_colon_gets_the_line_with_the_colon(typed: str, column: int,
                                                                               sign: str) -> None:
    # "collected; 296" was "this line is text", told to put "# " back as if it were a note: # collected; 296.
    text = _TALLY_TEXT.format(typed)
    assert _load_record(text, Unit) == [
        (3, column, f'"{sign}" is typed after "collected" where its ":" goes, so YAML reads "{typed}" as text, not '
                    'as the field "collected"', f'type ": " in place of the "{sign}", keeping the 4 spaces before it: '
                    "collected: 296")]
    assert _load_record(_TALLY_TEXT.format("collected: 296"), Unit) == []


@pytest.mark.parametrize("typed", ["total; 296", "Note. 见附件"])
def test_a_word_that_is_no_field_typed_with_a_mark_is_still_a_line_of_text(typed: str) -> None:
    [(_, _, message, hint)] = _load_record(_TALLY_TEXT.format(typed), Unit)
    assert message.startswith('this line is text, not a field ("name: value")')
    assert hint.endswith(f"# {typed}")


@pytest.mark.parametrize(("typed", "column", "value"), [
    ("collected: : 296", 16, ": 296"), ("collected: ：296", None, None), ("collected:  :  296", 17, ":  296"),
])
def test_a_fields_colon_typed_twice_is_told_to_delete_the_second(typed: str, column: int | None,
                                                                 value: str | None) -> None:
    # "wrap the whole value in quotes: collected: ": 296"" gave a value that is no whole number.
    problems = _load_record(_TALLY_TEXT.format(typed), Unit)
    if column is None:  # a full-width colon is read as the value's: told by the count's own check
        assert problems == []
        return
    assert [(line, col, message.split(" (YAML parser: ")[0], hint) for line, col, message, hint in problems] == [
        (3, column, f'the ":" after "collected" is typed twice, so YAML reads "{value}" as its value',
         'delete the second ":": collected: 296')]


@pytest.mark.parametrize(("model", "text"), [
    (Unit, "tallies:\n  - as_of: 2024-06-30\n    total 350\n"),  # no field of a tally
    (InterviewMeta, "title: 访谈\ninterviewee:\n  name: 张三\n  slug baihe\n"),  # a field of the page, not of its
    (None, "tallies:\n  - as_of: 2024-06-30\n    collected 350\n"),  # interviewee; a data file: no record says
])
def test_a_word_that_is_no_field_there_typed_before_a_value_keeps_the_general_hint(model: type | None,
                                                                                    text: str) -> None:
    report = Report()
    load_yaml(text, "content/x.md", report, groups=None if model is None else group_fields(model))
    assert [p.hint for p in report.problems] == [
        "write it as key: value, or, if it continues the value above, indent it or wrap that value in quotes"]


@pytest.mark.parametrize("text", ["title: 注意: 事项\n", "title: 白鹤镇 Tip: 补短板\n", "title: Tip: use it\n"])
def test_a_key_that_is_no_field_after_a_value_keeps_the_quote_hint(text: str) -> None:
    report = Report()
    load_yaml(text, "content/x.md", report, groups=group_fields(InterviewMeta))
    value = text.split(": ", 1)[1].strip()
    assert [(p.message, p.hint) for p in report.problems] == [(
        'the value contains ": " (YAML parser: mapping values are not allowed in this context)',
        f'wrap the whole value in quotes: title: "{value}"')]
    assert ok(f'title: "{value}"\n').value == {"title": value}


@pytest.mark.parametrize(("item", "hint", "meant"), [
    ("  - src: images/a.svg title: 草莓", 'wrap the whole value in quotes: - src: "images/a.svg title: 草莓"',
     ["images/a.svg title: 草莓"]),
    ("  - src: “images/a.svg title: 草莓”   # 图片", 'wrap the whole value in quotes: - src: "“images/a.svg title: 草莓”"'
     '   # 图片 (the “” then show; without them: - src: "images/a.svg title: 草莓"   # 图片)',
     ["“images/a.svg title: 草莓”", "images/a.svg title: 草莓"]),
])
def test_the_quote_hint_of_a_list_items_first_field_keeps_its_dash(item: str, hint: str, meant: list[str]) -> None:
    # The hint gave src: "…" without the "- ": pasted, the image was no item of images: any more.
    text = f"title: 访谈\nimages:\n{item}\n"
    report = Report()
    load_yaml(text, "content/x.md", report, groups=group_fields(InterviewMeta))
    assert [(p.line, p.hint) for p in report.problems] == [(3, hint)]
    given = hint.removesuffix(")").split(": ", 1)[1].split(" (the “” then show; without them: ")
    assert [ok(f"title: 访谈\nimages:\n  {typed}\n").value["images"][0]["src"] for typed in given] == meant


def test_a_key_after_a_value_where_the_records_cannot_say_gets_both_fixes() -> None:
    # A data file has no record to say what its fields are: "b:" may be a field or part of the text.
    text = "note: 甲 b: 1\tc: 2   # 备注\n"
    data, report = load(text)
    [problem] = report.problems
    assert (problem.line, problem.column, problem.message) == (
        1, 9, '"b:" and "c:" after the value look like other fields typed on the same line; each field needs a line '
              "of its own (一行只写一个字段) (YAML parser: mapping values are not allowed in this context)")
    fields, quoted = problem.hint.split("; if they are part of the value, ")
    assert fields == ('if they are fields, put each field on a line of its own, lined up with "note:", typing these 3 '
                      'lines in place of this one: "note: 甲   # 备注", "b: 1", "c: 2"')
    assert ok(typed_in_place(text, problem)).value == {"note": "甲", "b": "1", "c": "2"}
    assert quoted == 'wrap the whole value in quotes: note: "甲 b: 1\tc: 2"   # 备注'
    assert ok(quoted.split(": ", 1)[1] + "\n").value == {"note": "甲 b: 1\tc: 2"}


@pytest.mark.parametrize("comment", ["", "   # 说明"])
def test_a_field_that_lost_its_indent_between_two_items_of_a_list_is_named_as_the_line_to_indent(comment: str) -> None:
    # A target's note: typed at the left edge, another target below it: the hint said to line up
    # "- group: residents" with the keys above it, which would take it out of targets:.
    text = (f"targets:\n  - group: institutions{comment}\n    target: 100{comment}\nnote: 机构{comment}\n"
            f"  - group: residents{comment}\n    target: 80{comment}\n")
    data, report = load(text)
    words = "while parsing a block mapping: did not find expected key" if comment else \
        "mapping values are not allowed in this context"
    assert data is None and shown(report) == [
        'data/x.yaml:4:1: error: this line lost its indent (缩进): it ends the block under "targets:" that the '
        f'indented line below it ("- group: residents") is part of (YAML parser: {words})\n'
        '  hint: indent it by 4 spaces, lined up with "target:" above it']
    assert ok(indented_as_told(text, report.problems[0])).value["targets"][0] == {
        "group": "institutions", "target": "100", "note": "机构"}
    # A field of the file after a list, then a line indented by a slip: the field is not told to move.
    data, report = load(f"tallies:\n  - as_of: 2018-04-26{comment}\nsummary: 白鹤{comment}\n  level: town\n")
    assert data is None and [(p.line, p.column) for p in report.problems] == [(4, 3 if comment else 8)]
    assert "indent it by" not in report.problems[0].hint


@pytest.mark.parametrize("comment", ["", "   # 已解决 resolved"])
@pytest.mark.parametrize(("dash", "spaces"), [("  - ", 4), ("- ", 2)])
def test_a_field_that_lost_its_indent_inside_a_list_item_is_named_with_the_spaces_it_lacks(
        comment: str, dash: str, spaces: int) -> None:
    # resolved: moved to the left edge inside a tally: the parser named in_progress: below it, and the hint
    # said to line up the keys, or (without comments) to line up in_progress: with the keys above it.
    pad = " " * len(dash)
    text = (f"tallies:\n{dash}as_of: 2018-04-26{comment}\n{pad}collected: 296{comment}\n"
            f"{pad}escalated: 143{comment}\nresolved: 103{comment}\n{pad}in_progress: 50{comment}\n")
    data, report = load(text)
    assert data is None and [(p.line, p.column, p.message.split(" (YAML parser")[0], p.hint)
                             for p in report.problems] == [
        (5, 1, 'this line lost its indent (缩进): it ends the block under "tallies:" that the indented line below '
               'it ("in_progress: 50") is part of',
         f'indent it by {spaces} spaces, lined up with "escalated:" above it and "in_progress:" below it')]
    assert ok(indented_as_told(text, report.problems[0])).value["tallies"][0]["resolved"] == "103"
    # Right after the item's "- " line: lined up with the key after the "- ".
    data, report = load(f"tallies:\n{dash}as_of: 2018-04-26{comment}\ncollected: 296{comment}\n"
                        f"{pad}escalated: 143{comment}\n")
    assert [(p.line, p.hint) for p in report.problems] == [
        (3, f'indent it by {spaces} spaces, lined up with "as_of:" above it and "escalated:" below it')]


def items_indented_as_told(text: str, problem: Problem, first_line: int = 1) -> str:
    """``text`` with the lines a list item's hint names indented as it says: "indent it by 2 spaces, …", "indent it
    and lines 6 and 8 (…) by 2 spaces each, …", "indent lines 4 to 5 by 2 spaces each (…), …", "add 2 spaces at the
    start of line 4, …", "add 2 spaces at the start of lines 4 and 6 (…), …", "add 1 space at the start of lines 4
    to 9 (…), …"."""
    told = re.match(r"indent (it|it and lines? ([0-9, and]+) \(.*?\)|lines (\d+) to (\d+)) by (\d+) (?:more )?spaces?",
                    problem.hint)
    added = re.match(r"add (\d+) spaces? at the start of lines? (\d+)(?: to (\d+)|((?:, \d+)*(?: and \d+)?))",
                     problem.hint)
    assert told is not None or added is not None, problem.hint
    if added is not None:
        spaces = int(added.group(1))
        numbers = (list(range(int(added.group(2)), int(added.group(3)) + 1)) if added.group(3)
                   else [int(n) for n in re.findall(r"\d+", added.group(2) + (added.group(4) or ""))])
    elif told is not None and told.group(3):
        spaces, numbers = int(told.group(5)), list(range(int(told.group(3)), int(told.group(4)) + 1))
    else:
        assert told is not None
        spaces = int(told.group(5))
        numbers = [problem.line] + [int(n) for n in re.findall(r"\d+", told.group(2) or "")]
    lines = text.split("\n")
    for number in numbers:
        lines[number - first_line] = " " * spaces + lines[number - first_line]
    return "\n".join(lines)


LOST_ITEM = ('this list item lost its indent (缩进): it is {where}, further out than the items of "{key}:" above it '
             '("{lead}", {dash} spaces), so YAML cannot read it as one of them')


@pytest.mark.parametrize("indent", [0, 1])
@pytest.mark.parametrize("comment", ["", "   # 说明"])
@pytest.mark.parametrize(("key", "first", "second", "lead"), [
    ("tallies", "  - as_of: 2018-04-26\n    collected: 296\n    resolved: 103",
     "- as_of: 2018-06-30\n    collected: 310\n    resolved: 110", "- as_of:"),
    ("targets", "  - group: institutions\n    target: 100", "- group: residents\n    target: 80", "- group:"),
    ("milestones", "  - date: 2018-01-12\n    title: 成立领导小组", "- date: 2018-01-15\n    title: 召开动员部署会", "- date:"),
    ("actions", "  - 走访草莓种业研发中心", "- 计划打造一家草莓龙头企业", "- 走访草莓种业研发中心"),
    ("tags", "  - 大调研", "- 补短板", "- 大调研"),
])
def test_a_list_item_that_lost_its_indent_is_told_how_far_in_it_is_and_the_line_to_type(
        indent: int, comment: str, key: str, first: str, second: str, lead: str) -> None:
    # A second tally pasted at the left edge, or with 1 space: "a list item ("- ") is not expected here" / "line the
    # items up under the key they belong to", naming no spaces; then "indent it by 2 spaces", naming no line to type.
    # In front matter (from line 2 of the file, after its "---"), as in a record file.
    def typed(item: str) -> str:
        return "".join(f"{line}{comment}\n" for line in item.split("\n"))

    text = f"name: 白鹤镇{comment}\n{key}:{comment}\n{typed(first)}{' ' * indent}{typed(second)}summary: 白鹤{comment}\n"
    line = 2 + first.count("\n") + 1 + 1
    item = f"  {second.split(chr(10))[0]}{comment}"
    where = "indented 1 space" if indent else "at the left edge"
    data, report = load(text, first_line=2)
    assert data is None and shown(report) == [
        f"data/x.yaml:{line + 1}:{indent + 1}: error: {LOST_ITEM.format(where=where, key=key, lead=lead, dash=2)} "
        "(YAML parser: while parsing a block mapping: did not find expected key)\n"
        f'  hint: add {2 - indent} space{"s" if indent == 0 else ""} at the start of line {line + 1}, so that this '
        f'item lines up with "{lead}" above it: "{item}"']
    # Done as told (that line typed as the hint gives it), the list has both items.
    mended = text.split("\n")
    mended[line - 1] = item
    assert len(ok("\n".join(mended), first_line=2).value[key]) == 2


@pytest.mark.parametrize("comment", ["", "   # 说明"])
def test_list_items_that_lost_their_indent_are_all_named_in_one_hint(comment: str) -> None:
    # Each shape, mended as told, reads as the list meant: one round of the hint, not one per item.
    def typed(*lines: str) -> str:
        return "".join(f"{line}{comment}\n" for line in lines)

    head = typed("tallies:", "  - as_of: 2018-04-26", "    collected: 296")
    shapes = [
        # The whole item pasted out, its fields lined up with its own "as_of:".
        (typed("- as_of: 2018-06-30", "  collected: 310", "targets:", "  - group: residents", "    target: 80"), 4,
         "add 2 spaces at the start of lines 4 to 5 (this item and the lines under it), so that this item lines up "
         f'with "- as_of:" above it; line 4 then reads "  - as_of: 2018-06-30{comment}"'),
        # Two items pasted out, their fields in line.
        (typed("- as_of: 2018-06-30", "    collected: 310", "- as_of: 2018-07-31", "    collected: 320"), 4,
         "add 2 spaces at the start of lines 4 and 6 (the items below it typed as far out too), so that they line "
         f'up with "- as_of:" above them; line 4 then reads "  - as_of: 2018-06-30{comment}"'),
        # One space short, the item below in line.
        (typed(" - as_of: 2018-06-30", "    collected: 310", "  - as_of: 2018-07-31", "    collected: 320"), 4,
         'add 1 space at the start of line 4, so that this item lines up with "- as_of:" above it: '
         f'"  - as_of: 2018-06-30{comment}"'),
        # The whole item one space short.
        (typed(" - as_of: 2018-06-30", "   collected: 310"), 4,
         "add 1 space at the start of lines 4 to 5 (this item and the lines under it), so that this item lines up "
         f'with "- as_of:" above it; line 4 then reads "  - as_of: 2018-06-30{comment}"'),
    ]
    for rest, line, hint in shapes:
        data, report = load(head + rest)
        assert data is None and [(p.line, p.hint) for p in report.problems] == [(line, hint)]
        assert report.problems[0].message.startswith("this list item lost its indent (缩进): it is ")
        assert len(ok(items_indented_as_told(head + rest, report.problems[0])).value["tallies"]) in (2, 3)


@pytest.mark.parametrize(("key", "items", "slip"), [
    ("tallies", ("  - as_of: 2018-04-26\n    collected: 296\n", "  - as_of: 2018-06-30\n    collected: 310\n"),
     "  - as_of: 2018-06-30"),
    ("targets", ("  - group: institutions\n    target: 100\n", "  - group: residents\n    target: 80\n"),
     "  - group: residents"),
    ("milestones", ("  - date: 2018-01-12\n    title: 成立\n", "  - date: 2018-01-15\n    title: 动员\n"),
     "  - date: 2018-01-15"),
])
@pytest.mark.parametrize("lost", [1, 2])
def test_a_list_item_that_lost_its_indent_is_read_moved_in_so_the_rest_is_checked_in_the_same_run(
        key: str, items: tuple[str, str], slip: str, lost: int) -> None:
    # "indent it by 2 spaces" was told, and nothing below it: a slip further down was told one round later, the
    # figures of the file not at all. Now the item is read as the hint mends it, and the data is given.
    text = (f"{key}:\n{items[0]}{items[1].replace(slip, slip[lost:])}summary: 白鹤\nlevel 镇\n")
    report = Report()
    data = load_yaml(text, "data/x.yaml", report, partial=True)
    assert [(p.line, p.column, p.message.split(":")[0]) for p in report.problems] == [
        (4, 3 - lost, "this list item lost its indent (缩进)"), (7, 1, 'this line is not a "key')]
    assert data is None
    report = Report()
    data = load_yaml(text.replace("level 镇", "level: 镇"), "data/x.yaml", report, partial=True)
    assert [p.line for p in report.problems] == [4]
    assert data is not None and len(data.value[key]) == 2 and data.value["summary"] == "白鹤"


@pytest.mark.parametrize("indent", [0, 1])
@pytest.mark.parametrize("comment", ["", "   # 说明"])
@pytest.mark.parametrize("below", ["", "  - as_of: 2018-07-31\n    collected: 320\n"])
def test_the_first_item_of_a_list_typed_out_of_line_with_its_fields_is_told_at_its_own_line(indent: int, comment: str,
                                                                                             below: str) -> None:
    # The parser read collected: as more of the value of as_of: ("a "key:" is not expected here", at collected:);
    # then "indent it by 2 spaces", naming no line to type, and nothing below it was read.
    text = (f"tallies:{comment}\n{' ' * indent}- as_of: 2018-06-30{comment}\n    collected: 310{comment}\n"
            f"    resolved: 110{comment}\n{below}summary: 白鹤\n")
    report = Report()
    data = load_yaml(text, "data/x.yaml", report, partial=True)
    words = "while parsing a block mapping: did not find expected key" if comment else \
        "mapping values are not allowed in this context"
    where = "indented 1 space" if indent else "at the left edge"
    assert shown(report) == [
        f'data/x.yaml:2:{indent + 1}: error: this list item lost its indent (缩进): it is {where}, so "as_of:" is not '
        f'lined up with the lines under it ("collected: 310", 4 spaces), and YAML cannot read them as its fields '
        f"(YAML parser: {words})\n"
        f'  hint: add {2 - indent} space{"s" if indent == 0 else ""} at the start of line 2, so that "as_of:" lines up '
        f'with "collected:" below it: "  - as_of: 2018-06-30{comment}"']
    # Read as the hint mends it: the rest of the text is read in the same run.
    assert data is not None and data.value["summary"] == "白鹤" and len(data.value["tallies"]) == 1 + bool(below)
    mended = text.split("\n")
    mended[1] = f"  - as_of: 2018-06-30{comment}"
    assert ok("\n".join(mended)).value["tallies"][0] == {"as_of": "2018-06-30", "collected": "310", "resolved": "110"}


def test_first_items_typed_out_of_line_are_all_named_in_one_hint() -> None:
    text = "tallies:\n- as_of: 2018-06-30\n    collected: 310\n- as_of: 2018-07-31\n    collected: 320\n"
    data, report = load(text)
    assert data is None and [(p.line, p.hint) for p in report.problems] == [
        (2, 'add 2 spaces at the start of lines 2 and 4 (the items below it typed as far out too), so that "as_of:" '
            'lines up with "collected:" below each; line 2 then reads "  - as_of: 2018-06-30"')]
    assert len(ok(items_indented_as_told(text, report.problems[0])).value["tallies"]) == 2

LISTS = """name: 白鹤镇
level: town
tallies:
  - as_of: 2018-04-26
    collected: 296
    resolved: 103
  - as_of: 2018-05-26
    collected: 300
    resolved: 110
  - as_of: 2018-06-30
    collected: 310
    resolved: 120
targets:
  - group: institutions
    target: 100
    note: 机构调研率
  - group: residents
    target: 80
    note: 居民调研率
  - group: registered_enterprises
    target: 80
    note: 企业调研率
milestones:
  - date: 2018-01-12
    title: 成立领导小组
  - date: 2018-01-15
    title: 召开动员部署会
  - date: 2018-02-01
    title: 开展走访
"""
"""A unit's lists, each of three items typed in line: two spaces before the "-", four before the fields."""

FIRST_ALONE = "the first item alone is out of line (缩进)"


def first_item_slipped(text: str, lines: dict[int, int]) -> str:
    """``text`` with each of its (1-based) ``lines`` indented with the spaces given instead."""
    typed = text.split("\n")
    for number, spaces in lines.items():
        typed[number - 1] = " " * spaces + typed[number - 1].lstrip(" ")
    return "\n".join(typed)


@pytest.mark.parametrize(("slip", "line", "column", "message", "hint"), [
    # The first target one space further in, its "-" and its first field below; its note was typed in line.
    ({14: 3, 15: 5}, 14, 4,
     'the first item of "targets:" stands 3 spaces in, while the other items ("- group:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block collection: did not "
     "find expected '-' indicator)",
     'remove 1 space at the start of lines 14 and 15, so that the first item lines up with the other items of '
     '"targets:" (the "-" 2 spaces in, the fields 4); line 14 then reads "  - group: institutions"'),
    # The whole first target one space further in.
    ({14: 3, 15: 5, 16: 5}, 14, 4,
     'the first item of "targets:" stands 3 spaces in, while the other items ("- group:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block mapping: did not "
     "find expected key)",
     'remove 1 space at the start of lines 14 to 16, so that the first item lines up with the other items of '
     '"targets:" (the "-" 2 spaces in, the fields 4); line 14 then reads "  - group: institutions"'),
    # The whole first target one space less far in.
    ({14: 1, 15: 3, 16: 3}, 14, 2,
     'the first item of "targets:" stands 1 space in, while the other items ("- group:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block collection: did not "
     "find expected '-' indicator)",
     'add 1 space at the start of lines 14 to 16, so that the first item lines up with the other items of '
     '"targets:" (the "-" 2 spaces in, the fields 4); line 14 then reads "  - group: institutions"'),
    # The first target one space less far in, its note typed in line.
    ({14: 1, 15: 3}, 14, 2,
     'the first item of "targets:" stands 1 space in, while the other items ("- group:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: mapping values are not allowed in this "
     "context)",
     'add 1 space at the start of lines 14 and 15, so that the first item lines up with the other items of '
     '"targets:" (the "-" 2 spaces in, the fields 4); line 14 then reads "  - group: institutions"'),
    # The first tally one space further in.
    ({4: 3, 5: 5, 6: 5}, 4, 4,
     'the first item of "tallies:" stands 3 spaces in, while the other items ("- as_of:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block mapping: did not "
     "find expected key)",
     'remove 1 space at the start of lines 4 to 6, so that the first item lines up with the other items of '
     '"tallies:" (the "-" 2 spaces in, the fields 4); line 4 then reads "  - as_of: 2018-04-26"'),
    # The first tally's "-" in line, its fields one space less far in than those of the other tallies.
    ({5: 3, 6: 3}, 5, 4,
     'the fields under the first item of "tallies:" ("collected:" …) stand 3 spaces in, while those of the other '
     f'items stand 4 spaces in, lined up with the key after their "- ": {FIRST_ALONE}, so YAML cannot read them as '
     "its fields (YAML parser: while parsing a block collection: did not find expected '-' indicator)",
     'add 1 space at the start of lines 5 and 6, so that the first item lines up with the other items of '
     '"tallies:" (the "-" 2 spaces in, the fields 4); line 5 then reads "    collected: 296"'),
    # ... or one space further in.
    ({5: 5, 6: 5}, 5, 6,
     'the fields under the first item of "tallies:" ("collected:" …) stand 5 spaces in, while those of the other '
     f'items stand 4 spaces in, lined up with the key after their "- ": {FIRST_ALONE}, so YAML cannot read them as '
     "its fields (YAML parser: mapping values are not allowed in this context)",
     'remove 1 space at the start of lines 5 and 6, so that the first item lines up with the other items of '
     '"tallies:" (the "-" 2 spaces in, the fields 4); line 5 then reads "    collected: 296"'),
    # The first milestone's "-" line alone one space further in: one line to change, given whole.
    ({24: 3}, 24, 4,
     'the first item of "milestones:" stands 3 spaces in, while the other items ("- date:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block collection: did not "
     "find expected '-' indicator)",
     'remove 1 space at the start of line 24, so that the first item lines up with the other items of '
     '"milestones:" (the "-" 2 spaces in, the fields 4): "  - date: 2018-01-12"'),
    # The whole first milestone one space less far in.
    ({24: 1, 25: 3}, 24, 2,
     'the first item of "milestones:" stands 1 space in, while the other items ("- date:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block collection: did not "
     "find expected '-' indicator)",
     'add 1 space at the start of lines 24 and 25, so that the first item lines up with the other items of '
     '"milestones:" (the "-" 2 spaces in, the fields 4); line 24 then reads "  - date: 2018-01-12"'),
])
def test_a_first_item_out_of_line_with_the_items_after_it_is_told_at_its_own_lines(
        slip: dict[int, int], line: int, column: int, message: str, hint: str) -> None:
    # YAML took the first item's indent as the list's and stopped at the next line that differs: told there to line
    # that one up with the first item ('"note:" stands 4 spaces in, not lined up with the fields of the item above',
    # "this list item lost its indent", "this list item is indented further than the item above it"), the editor
    # moved every later line, one error a round, when the slip was the first item's lines.
    text = first_item_slipped(LISTS, slip)
    report = Report()
    assert load_yaml(text, "content/units/baihe.yaml", report, groups=group_fields(Unit)) is None
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [(line, column, message, hint)]
    # Done as the hint says, the file reads as typed in line.
    mended = lines_as_hinted(hint, text)
    assert mended == LISTS
    assert load_yaml(mended, "content/units/baihe.yaml", Report(), groups=group_fields(Unit)) is not None


def test_a_first_item_out_of_line_is_read_as_mended_so_the_rest_is_checked_in_the_same_run() -> None:
    # A slip further down is told in the same run, not once the first item is mended; with none, the file is read
    # as mended, so that what its fields hold is checked in the same run too.
    text = first_item_slipped(LISTS, {14: 3, 15: 5})
    report = Report()
    load_yaml(text.replace("  - date: 2018-01-15", "  - date 2018-01-15"), "content/units/baihe.yaml", report,
              groups=group_fields(Unit), partial=True)
    assert [(p.line, p.message[:30]) for p in report.problems] == [
        (14, 'the first item of "targets:" s'), (26, '"date" is a field, but the ":"')]
    report = Report()
    data = load_yaml(text, "content/units/baihe.yaml", report, groups=group_fields(Unit), partial=True)
    assert [p.line for p in report.problems] == [14]
    assert data is not None and [target["group"] for target in data.value["targets"]] == [
        "institutions", "residents", "registered_enterprises"]


@pytest.mark.parametrize(("model", "path", "text", "slip", "line", "message", "hint"), [
    # A page's pictures, the first one space further in (front matter starts at the file's line 2).
    (InterviewMeta, "content/interviews/x.md",
     "title: 白鹤镇访谈\nunit: baihe\nimages:\n  - src: images/a.svg\n    alt: 甲\n  - src: images/b.svg\n"
     "    alt: 乙\n  - src: images/c.svg\n    alt: 丙\ndate: 2018-05-03 10:00\n", {4: 3, 5: 5}, 5,
     'the first item of "images:" stands 3 spaces in, while the other items ("- src:" …) stand 2 spaces in: '
     f"{FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block mapping: did not "
     "find expected key)",
     'remove 1 space at the start of lines 5 and 6, so that the first item lines up with the other items of '
     '"images:" (the "-" 2 spaces in, the fields 4); line 5 then reads "  - src: images/a.svg"'),
    # A case's actions, a list of texts: the first one space further in.
    (CaseStudyMeta, "content/cases/x.md",
     "title: 草莓\nactions:\n  - 走访草莓种业研发中心\n  - 研究加大政策扶持\n  - 计划打造龙头企业\noutcome: 列入计划\n",
     {3: 3}, 4,
     'the first item of "actions:" stands 3 spaces in, while the other items ("- 研究加大政策扶持" …) stand 2 spaces '
     f"in: {FIRST_ALONE}, so YAML cannot read them as one list (YAML parser: while parsing a block mapping: did not "
     "find expected key)",
     'remove 1 space at the start of line 4, so that the first item lines up with the other items of "actions:" '
     '(the "-" 2 spaces in): "  - 走访草莓种业研发中心"'),
])
def test_a_first_item_out_of_line_in_front_matter_is_told_at_its_own_lines(
        model: type, path: str, text: str, slip: dict[int, int], line: int, message: str, hint: str) -> None:
    typed = first_item_slipped(text, slip)
    report = Report()
    assert load_yaml(typed, path, report, first_line=2, groups=group_fields(model)) is None
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (line, slip[min(slip)] + 1, message, hint)]
    mended = lines_as_hinted(hint, typed, first_line=2)
    assert mended == text and ok(mended, first_line=2).value


@pytest.mark.parametrize(("targets", "slip", "line", "start"), [
    # Only one item after the first: which of the two is out of line, the lines cannot tell; the line YAML
    # stopped at is told, as before.
    (2, {14: 3, 15: 5}, 16, '"note:" stands 4 spaces in, not lined up with the fields of the item above (5 spaces '
                            "in)"),
    # A later item out of line with the items above it: that item is told.
    (3, {20: 3, 21: 5, 22: 5}, 20, "this list item is indented (缩进) 3 spaces, further than the item above it"),
    (3, {20: 3}, 20, "this list item is indented (缩进) 3 spaces, further than the item above it"),
    # The items after the first agree, but the first stands 2 spaces in from "targets:", where items are typed:
    # the items after it are told.
    (3, {17: 3, 18: 5, 19: 5, 20: 3, 21: 5, 22: 5}, 17,
     "this list item is indented (缩进) 3 spaces, further than the item above it"),
])
def test_a_later_item_out_of_line_with_the_items_above_it_is_still_told_at_its_own_line(
        targets: int, slip: dict[int, int], line: int, start: str) -> None:
    typed = LISTS if targets == 3 else LISTS.replace("  - group: registered_enterprises\n    target: 80\n"
                                                     "    note: 企业调研率\n", "")
    text = first_item_slipped(typed, slip)
    report = Report()
    load_yaml(text, "content/units/baihe.yaml", report, groups=group_fields(Unit))
    assert [(p.line, p.message[:len(start)]) for p in report.problems] == [(line, start)]


TEXT_LINE_MESSAGE = 'this line is text, not a field ("name: value")'


@pytest.mark.parametrize(("text", "line", "column", "text_line"), [
    ("title: x\n白鹤镇大调研微访谈系列\nunit: baihe\n", 3, 1, True),
    ("白鹤镇大调研微访谈系列\ntitle: x\n", 2, 1, True),  # read with title: as one value
    ("interviewee:\n  受访人简介\n  name: x\n", 3, 3, True),  # read as the value of interviewee:, with name:
    ("images:\n  - src: a.svg\n    caption: x\n  示意图\n  - src: b.svg\n", 5, 3, True),
    # A field's name with its ":" left out is told so, not as text.
    ("title: x\ntitel 白鹤镇访谈\nunit: y\n", 3, 1, False),
    # A line going on with the value above it, then a key read as part of that value: not a line of text.
    ("title: 专访\n  网格员的一天\n  slug: x\n", 4, 7, False),
])
def test_a_line_of_text_where_a_field_is_expected_is_told_at_its_own_line(text: str, line: int, column: int,
                                                                         text_line: bool) -> None:
    # Front matter starts at line 2 of its file: the line named is the file's.
    data, report = load(text, first_line=2)
    assert data is None and [(p.line, p.column) for p in report.problems] == [(line, column)]
    assert report.problems[0].message.startswith(TEXT_LINE_MESSAGE) == text_line


# "白鹤镇：建设新白鹤” typed with an input method's closing quote: the hint added a " after the ”, which the
# page then showed; “白鹤镇：建设新白鹤" was published with both quotes, and no message.
@pytest.mark.parametrize(("typed", "column", "message", "chinese"), [
    ('title: "白鹤镇：建设新白鹤”   # 标题 title\nsummary: "摘要"\n', 18,
     'the value opens with " and ends with the Chinese quote ”, which YAML does not read as its closing quote, so '
     'the " is never closed', "“白鹤镇：建设新白鹤”"),
    ("title: '白鹤镇：建设新白鹤’\n", 18,
     "the value opens with ' and ends with the Chinese quote ’, which YAML does not read as its closing quote, so "
     "the ' is never closed", "‘白鹤镇：建设新白鹤’"),
    ('title: “白鹤镇：建设新白鹤"   # 标题 title\n', 8,
     'the value opens with the Chinese quote “ and ends with ": YAML reads neither as a quote, so the page would '
     "show both", "“白鹤镇：建设新白鹤”"),
    ("title: ‘白鹤镇：建设新白鹤'\n", 8,
     "the value opens with the Chinese quote ‘ and ends with ': YAML reads neither as a quote, so the page would "
     "show both", "‘白鹤镇：建设新白鹤’"),
    ('title: "专访: 白鹤”\n', 15,
     'the value opens with " and ends with the Chinese quote ”, which YAML does not read as its closing quote, so '
     'the " is never closed', "“专访: 白鹤”"),
    # Closed with the opening Chinese quote (an input method gives “ and ” by turns): the hint that added a " kept
    # the “ on the page.
    ('title: "白鹤镇：建设新白鹤“\n', 18,
     'the value opens with " and ends with the Chinese quote “, which YAML does not read as its closing quote, so '
     'the " is never closed', "“白鹤镇：建设新白鹤”"),
])
def test_a_value_between_a_quote_and_a_chinese_quote_gets_matching_quotes(typed: str, column: int, message: str,
                                                                          chinese: str) -> None:
    data, report = load(typed)
    [problem] = report.problems
    assert data is None and (problem.line, problem.column, problem.message) == (1, column, message)
    ascii_fix, chinese_fix = problem.hint.removesuffix(")").split(
        " (or, for quotes that show on the page, type Chinese quotes at both ends: ")
    assert ascii_fix.startswith('type " at both ends: title: "')
    rest = typed.split("\n", 1)[1]
    meant = chinese[1:-1]
    assert ok(ascii_fix.removeprefix("type \" at both ends: ") + "\n" + rest).value["title"] == meant
    assert ok(chinese_fix + "\n" + rest).value["title"] == chinese
    assert ("# 标题 title" in typed) == ascii_fix.endswith("   # 标题 title") == chinese_fix.endswith("   # 标题 title")


@pytest.mark.parametrize("value", ["练塘镇：把“问题清单”变成“幸福清单”", "“大调研”微访谈", "共建‘幸福家园’"])
def test_a_chinese_quote_closing_a_pair_at_the_end_is_kept_when_the_closing_quote_is_added(value: str) -> None:
    # "title: "…变成“幸福清单”" was told its ” stood for the closing quote: followed, the page lost the ”.
    typed = f'title: "{value}\nsummary: 摘要\n'
    _, report = load(typed)
    [problem] = report.problems
    assert (problem.line, problem.column) == (1, 8)
    assert problem.hint == f'add the closing " at the end of the value: title: "{value}"'
    assert ok(f'title: "{value}"\nsummary: 摘要\n').value["title"] == value


@pytest.mark.parametrize(("typed", "opener", "closer"), [
    ("summary: '练塘镇收集问题清单 1876 份。\"\n", "'", '"'),
    ('summary: "练塘镇收集问题清单 1876 份。\'\n', '"', "'"),
])
def test_a_value_between_two_kinds_of_ascii_quote_gets_one_kind(typed: str, opener: str, closer: str) -> None:
    # '…份。" was offered a closing ' after the ": followed, the page showed the ".
    _, report = load(typed)
    [problem] = report.problems
    assert problem.message == (f"the value opens with {opener} and ends with {closer}, a quote of the other kind, "
                               f"which YAML does not read as its closing quote, so the {opener} is never closed")
    fixed = problem.hint.split(" (or,")[0].removeprefix('type " at both ends: ')
    assert fixed == 'summary: "练塘镇收集问题清单 1876 份。"'
    assert ok(fixed + "\n").value["summary"] == "练塘镇收集问题清单 1876 份。"


def test_a_web_address_between_a_quote_and_a_chinese_quote_gets_ascii_quotes_alone() -> None:
    # Quotes never show around an address: typed Chinese at both ends, they would be part of it.
    for typed in ('  url: "https://example.org/a.html”\n', '  url: “https://example.org/a.html"\n'):
        _, report = load("source:\n" + typed)
        assert [p.hint for p in report.problems] == ['type " at both ends: url: "https://example.org/a.html"']


@pytest.mark.parametrize("text", [
    'summary: "第一行”\n  第二行"\n',  # a value over two lines, closed on the second
    'title: “大调研”微访谈"共建"\n',  # a pair of ASCII quotes in the text: as typed
    "tags:\n  - 大调研”\n  - “民生\n",
])
def test_chinese_and_ascii_quotes_that_do_not_wrap_a_value_are_kept(text: str) -> None:
    assert ok(text).value is not None


def test_case_11_e_fullwidth_colon_in_value_is_kept(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "11-colon-typing", "content/interviews/e-fullwidth-colon-in-value.md")
    assert data is not None and report.problems == []
    assert data.value == {"title": "专访：社区网格员的一天", "date": "2024-06-22"}


def test_colon_edge_cases() -> None:
    assert ok("url: http://example.gov.cn/a\ntime: 8:30\nlinks:\n  - https://example.gov.cn\n"
              "note: 时间：上午\nitems:\n  - 主持人：王某\n").value == {
        "url": "http://example.gov.cn/a", "time": "8:30", "links": ["https://example.gov.cn"],
        "note": "时间：上午", "items": ["主持人：王某"]}
    # A continuation line of a long plain value may contain "：" (and joins the line above without a
    # space between two Chinese characters).
    assert ok("summary: 第一句\n  主持人：第二句\n").value == {"summary": "第一句主持人：第二句"}
    _, report = load("标题：社区\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, 3, '"标题：" uses a full-width colon (全角冒号 ：)')]
    _, report = load("list:\n  - name：张三\n")
    assert [(p.line, p.column) for p in report.problems] == [(2, 9)]
    _, report = load("url:http://example.gov.cn\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, 4, 'no space after ":" in "url:http://example.gov.cn"')]


@pytest.mark.parametrize(("typed", "column", "fixed"), [
    ("title :白鹤镇：补好短板\nunit: baihe\n", 6, "title: 白鹤镇：补好短板\nunit: baihe\n"),
    ("title: 白鹤镇\nunit  :baihe\n", 5, "title: 白鹤镇\nunit: baihe\n"),
    ("interviewee:\n  name :王建国\n", 7, "interviewee:\n  name: 王建国\n"),
])
def test_a_space_before_the_colon_and_none_after_it_is_told_to_move(typed: str, column: int, fixed: str) -> None:
    # "title :白鹤镇…" was "this line is text", with the hint to make it a note, which took the title out;
    # "unit :baihe" was 'the ":" is missing', though it was there.
    _, report = load(typed)
    line = next(number for number, text in enumerate(typed.split("\n"), 1) if " :" in text)
    key, value = typed.split("\n")[line - 1].strip().split(":", 1)
    indent = len(typed.split("\n")[line - 1]) - len(typed.split("\n")[line - 1].lstrip(" "))
    keep = f", keeping the {indent} spaces before it" if indent else ""
    assert shown(report) == [
        f'data/x.yaml:{line}:{column}: error: the space is typed before the ":" and none after it, so YAML reads '
        f'"{typed.split(chr(10))[line - 1].strip()}" as text, not as the field "{key.strip()}"\n'
        f"  hint: move the space after the colon{keep}: {key.strip()}: {value}"]
    assert ok(fixed).value == yaml.safe_load(fixed)
    assert ok("title : 白鹤镇\ntime :\n  - 8:30\n").value == {"title": "白鹤镇", "time": ["8:30"]}  # YAML reads these


def test_fullwidth_spaces() -> None:
    _, report = load("title:\u3000社区\n")
    assert shown(report) == ['data/x.yaml:1:7: error: a full-width space (全角空格) follows "title:"\n'
                             "  hint: replace it with an ordinary space: title: 社区"]
    # Nothing after the space: the hint's "title: " led straight to "the value is empty".
    for typed in ("title:\u3000\n", "title:\u3000 \n", "title:\u3000\u3000\n"):
        assert shown(load(typed)[1]) == [
            'data/x.yaml:1:7: error: a full-width space (全角空格) follows "title:"\n  hint: nothing but this space is '
            'typed after "title:": delete it, then type the value after "title: " (the colon and an ordinary space)']
    _, report = load("a:\n\u3000b: 1\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (2, 1, "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces")]
    assert ok("title: 社区\u3000服务\n").value == {"title": "社区\u3000服务"}


def test_text_indented_with_full_width_spaces_under_an_id_is_told_as_text() -> None:
    # "　　白鹤镇的访谈" (a paragraph's indent typed by an input method) under unit: baihe was told to be indented with
    # ordinary spaces; doing so made it part of the unit's id ("baihe 白鹤镇的访谈"), and the next message offered a unit.
    def text_hint(where: str, text: str) -> str:
        return (f'  hint: if it is a value, type its field\'s name and ": " before it, {where}; if it is a note (说明), '
                f'start the line with "# " in place of the spaces, as a note starts with it (以 # 开头的行是说明): # {text}')
    at_start = "at the start of the line, in place of the spaces"
    for above, odd in (("unit: baihe", "\u3000\u3000"), ("date: 2018-05-03 10:00", "\u3000"),
                       ('title: "白鹤镇：补好短板"', "\u00a0\u00a0"), ("tags: [大调研, 民生]", "\u3000"),
                       ("unit: baihe   # 受访单位", "\u3000 ")):
        _, report = load(f"{above}\n{odd}白鹤镇的访谈\nseries: dadiaoyan\n")
        assert shown(report) == [
            f"data/x.yaml:2:1: error: {space_name(odd[0])} starts this line, and it is text, not a field "
            '("name: value")\n'
            + text_hint(at_start, "白鹤镇的访谈")]
        # The hint followed: a note, and the file reads as it did without the line.
        assert ok(f"{above}\n# 白鹤镇的访谈\nseries: dadiaoyan\n").value == ok(f"{above}\nseries: dadiaoyan\n").value
    # Two such lines in a row are told alike; a field in a list is told how far in its name goes.
    _, report = load("unit: baihe\n\u3000\u3000白鹤镇的访谈\n\u3000\u3000第二行文字\nseries: x\n")
    told = 'error: a full-width space (全角空格) starts this line, and it is text, not a field ("name: value")'
    assert shown(report) == [f"data/x.yaml:2:1: {told}\n" + text_hint(at_start, "白鹤镇的访谈"),
                             f"data/x.yaml:3:1: {told}\n" + text_hint(at_start, "第二行文字")]
    _, report = load("tallies:\n  - as_of: 2018-04-26\n    batches: 318\n\u3000\u3000批次数为估计\n")
    assert shown(report) == [f"data/x.yaml:4:1: {told}\n" + text_hint(
        'in place of the spaces, after 4 ordinary spaces, lined up with "batches:" above', "批次数为估计")]
    assert ok("tallies:\n  - as_of: 2018-04-26\n    batches: 318\n    note: 批次数为估计\n").value["tallies"][0][
        "note"] == "批次数为估计"

    # Where the text may go on from the value above (Chinese, with or without punctuation: a title, a summary, a
    # picture's alt), the spaces are what is wrong: told how many make it go on (each full-width space was told to
    # be two ordinary ones, which under "    note:" lined the text up with note:, no longer its value).
    spaces = "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces"
    further = 'further in than "{}:" above it, so that the text goes on from its value'
    lined = "lined up with the line above it, so that the text goes on from it"
    for typed, count, where in (
            ("summary: 截至4月26日，开展调研318批次、\n\u3000\u3000收集问题清单296份。\n", 2, further.format("summary")),
            ("summary: 截至4月26日开展调研318批次\n\u3000\u3000收集问题清单296份\n", 2, further.format("summary")),
            ("summary:\n\u3000\u3000收集问题清单296份。\n", 2, further.format("summary")),
            ("summary: 第一句，\n  第二句，\n\u3000\u3000第三句。\n", 2, lined),
            ("milestones:\n  - date: 2018-01-12\n    title: 召开大调研动员部署会\n\u3000\u3000\u3000\u3000全镇\n", 6,
             further.format("title")),
            ("tallies:\n  - as_of: 2018-04-26\n    note: 据统计\n\u3000\u3000以上数字为累计数。\n", 6, further.format("note")),
            ("actions:\n  - 计划打造一家草莓龙头企业\n\u3000争取三年内建成\n", 4,
             "lined up with the text of the list item above it, so that the text goes on from it"),
            ("description: |\n  第一段：\n\u3000\u3000第二段\n", 2, lined),
            ("summary: >\n    第一段\n\u3000第二段\n", 4, lined),
            ("interviewee:\n  role: >\n\u3000中共白鹤镇党委书记\n", 4, further.format("role"))):
        _, report = load(typed)
        last = typed.rstrip("\n").rsplit("\n", 1)
        assert [(p.line, p.message, p.hint) for p in report.problems] == [
            (typed.count("\n"), spaces, f"replace the spaces at the start of the line with {count} ordinary spaces, "
                                         f'{where}: "{" " * count}{last[1].lstrip(chr(0x3000))}"')], typed
        followed = ok(f"{last[0]}\n{line_as_hinted(report.problems[0].hint, last[1])}\n").value
        assert last[1].strip("\u3000") in str(followed) and "  " + last[1].strip("\u3000") not in str(followed)
    # A Chinese value with a note after it cannot go on: the text is told as text, first to join that value.
    _, report = load("publisher: 上海热线新闻网   # 原刊发平台\n\u3000\u3000（原刊发平台）\n")
    assert shown(report) == [f"data/x.yaml:2:1: {told}\n" + text_hint(
        'at the start of the line, in place of the spaces', "（原刊发平台）").replace(
        "hint: if it is a value,", 'hint: if it goes on from the value of "publisher:" above, type it at the end of '
        'that value, before its note (" # …"); if it is a value of its own,')]
    # A field or a list item is told the spaces that line it up, as for a TAB; with a full-width colon, that too.
    for typed, line, hint in (
            ("interviewee:\n  name: 张三\n\u3000\u3000role: 中共白鹤镇党委书记\n", 3,
             'replace the spaces at the start of the line with 2 ordinary spaces, lined up with "name:" above it: '
             '"  role: 中共白鹤镇党委书记"'),
            ("interviewee:\n\u3000name: 张三\n", 2,
             'replace the spaces at the start of the line with 2 ordinary spaces, 2 spaces further in than '
             '"interviewee:" above it: "  name: 张三"'),
            ("actions:\n\u3000- 走访\n", 2, 'replace the spaces at the start of the line with 2 ordinary spaces, 2 '
                                            'spaces further in than "actions:" above it: "  - 走访"'),
            ("unit: baihe\n\u3000\u3000summary：白鹤镇党委书记谈大调研。\n", 2,
             'delete the spaces at the start of the line, lined up with "unit:" above it: summary：白鹤镇党委书记谈大调研。')):
        _, report = load(typed)
        assert [(p.line, p.message, p.hint) for p in report.problems][0] == (line, spaces, hint), typed
    _, report = load("interviewee:\n  name: 张三\n\u3000\u3000role：中共白鹤镇党委书记\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (3, 1, spaces), (3, 7, '"role：" uses a full-width colon (全角冒号 ：)')]


def test_an_odd_space_after_a_closed_value_is_told_to_be_deleted() -> None:
    # "aliases: [/news/2018/0521.html]　" was told to wrap the value in quotes: "[/news/2018/0521.html]" then was
    # a path without "/", and following that hint too published a redirect at /[/news/2018/0521.html]/.
    for typed, fixed in (("aliases: [/news/2018/0521.html]\u3000", "aliases: [/news/2018/0521.html]"),
                         ("aliases: [/news/2018/0521.html]\u3000   # 旧网址", "aliases: [/news/2018/0521.html]   # 旧网址"),
                         ('title: "白鹤镇"\u3000\u3000', 'title: "白鹤镇"'), ("tags: {a: 1}\u00a0", "tags: {a: 1}")):
        _, report = load(typed + "\nunit: baihe\n")
        char = typed.rstrip("# 旧网址")[-1]
        assert [(p.line, p.column, p.message.split(" (YAML parser")[0], p.hint) for p in report.problems] == [
            (1, typed.index(char) + 1, f"{space_name(char)} follows the value", f"delete it: {fixed}")]
        assert ok(fixed + "\nunit: baihe\n").value["unit"] == "baihe"


NBSP = "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"


def test_characters_that_show_nothing_are_named_with_the_text_around_them() -> None:
    # unit: baihe<U+200B> was "there is no unit "baihe"; did you mean baihe?", and a title or tag holding one
    # was published as another text than the one seen.
    _, report = load("unit: baihe\u200b\ntitle: 白\u200b鹤镇\ntags: [\ufeff大调研]\nname: 白\u00ad\u2060鹤\n")
    assert shown(report) == [
        "data/x.yaml:1:12: error: an invisible zero-width space (零宽空格, U+200B) is in the text: it shows nothing, "
        "but makes the text differ from what is seen\n"
        '  hint: delete it: it stands after "baihe" (it often comes from text copied from a web page, WeChat or '
        "Word; retyping the word removes it)",
        "data/x.yaml:2:9: error: an invisible zero-width space (零宽空格, U+200B) is in the text: it shows nothing, "
        "but makes the text differ from what is seen\n"
        '  hint: delete it: it stands between "白" and "鹤镇" (it often comes from text copied from a web page, '
        "WeChat or Word; retyping the word removes it)",
        "data/x.yaml:3:8: error: an invisible zero-width no-break space or byte-order mark (U+FEFF) is in the text: "
        "it shows nothing, but makes the text differ from what is seen\n"
        '  hint: delete it: it stands between "[" and "大调研]" (it often comes from text copied from a web page, '
        "WeChat or Word; retyping the word removes it)",
        # Two side by side (a soft hyphen and a word joiner): "delete it" left the other.
        "data/x.yaml:4:8: error: an invisible soft hyphen (软连字符, U+00AD) is in the text (2 invisible characters on "
        "this line): it shows nothing, but makes the text differ from what is seen\n"
        '  hint: delete them: they stand between "白" and "鹤" (they often come from text copied from a web page, '
        "WeChat or Word; retyping the words removes them)"]
    assert ok("title: 白鹤镇\u200d👨\u200d👩\n").value == {"title": "白鹤镇\u200d👨\u200d👩"}  # joiners are kept


def test_no_break_spaces_pasted_from_the_web_are_named() -> None:
    """A no-break space (&nbsp;, as WeChat and web pages give) is not a space to YAML: each slip is named."""
    _, report = load("a:\n\u00a0\u00a0b: 1\n")
    assert shown(report) == [f"data/x.yaml:2:1: error: {NBSP} is used for indentation; YAML needs ordinary spaces\n"
                             "  hint: replace the spaces at the start of the line with 2 ordinary spaces, 2 spaces "
                             'further in than "a:" above it: "  b: 1"']
    # The first field of the file goes at the left edge.
    _, report = load("\u00a0\u00a0b: 1\n")
    assert [p.hint for p in report.problems] == [
        "delete the spaces at the start of the line, as the file's first field starts at the left edge: b: 1"]
    _, report = load("title:\u00a0社区\n")
    assert shown(report) == [f'data/x.yaml:1:7: error: {NBSP} follows "title:"\n'
                             "  hint: replace it with an ordinary space: title: 社区"]
    _, report = load("tags:\n  -\u00a0社区\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (2, 4, f'{NBSP} follows the list marker "-"; YAML needs an ordinary space')]
    _, report = load("a: 1\n\u00a0\nb: 2\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [(2, 1, f"{NBSP} is on this empty line")]
    _, report = load("title:\u2003社区\n")
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, 7, 'a special space (U+2003, from text copied from a web page or Word) follows "title:"')]
    assert ok("title: 社区\u00a0服务\n").value == {"title": "社区\u00a0服务"}


# -- case 21 and other syntax errors -------------------------------------------

def test_case_21_unclosed_bracket_names_line_4(cases_dir: Path) -> None:
    data, report = front_matter(cases_dir, "21-failed-build-keeps-site", "later/broken.md")
    assert data is None
    assert shown(report) == [
        'later/broken.md:4:7: error: the "[" opened here is never closed with "]" '
        "(YAML parser: while parsing a flow sequence: did not find expected ',' or ']')\n"
        "  hint: add the closing ] at the end of the value: tags: [市政, 民生]"]
    good, report = front_matter(cases_dir, "21-failed-build-keeps-site", "content/interviews/good.md")
    assert good is not None and good.value == {"title": "加装电梯进度访谈", "date": "2024-06-01"}


@pytest.mark.parametrize(("text", "hint"), [
    ("tags: [大调研, 补短板   # 标签 tags\n", "add the closing ] at the end of the value: tags: [大调研, 补短板]   # 标签 tags"),
    ('title: "示例访谈   # 标题 title\n', 'add the closing " at the end of the value: title: "示例访谈"   # 标题 title'),
    ("tags: [大调研, 补短板#2\n", "add the closing ] at the end of the value: tags: [大调研, 补短板#2]"),
    # The comment sitegen new writes holds brackets of its own: the "]" forgotten after 民生 was taken for one the
    # comment swallowed, and the item "民生   # 标签 …" was offered in quotes, which typed was refused again.
    ("tags: [大调研, 民生   # 标签 tags, e.g. [大调研, 补短板]\n",
     "add the closing ] at the end of the value: tags: [大调研, 民生]   # 标签 tags, e.g. [大调研, 补短板]"),
    ("unit: {name: 白鹤镇   # 单位 unit, e.g. {name: 白鹤镇}\n",
     "add the closing } at the end of the value: unit: {name: 白鹤镇}   # 单位 unit, e.g. {name: 白鹤镇}"),
])
def test_the_closer_of_an_unclosed_bracket_or_quote_goes_before_the_lines_comment(text: str, hint: str) -> None:
    # Files from sitegen new carry a comment on every line: a closer added after it would be
    # part of the comment, and the line as broken as before.
    _, report = load(text)
    assert [problem.hint for problem in report.problems] == [hint]
    assert ok(hint.partition("at the end of the value: ")[2] + "\n").value  # the line offered reads clean


def test_an_unclosed_bracket_with_a_hash_before_its_closer_is_not_told_to_add_one_after_the_hash() -> None:
    # A quote left open hides the item from the quoting hint; "add the closing ]" before " #3" was offered:
    # typed, the "]" would have been inside the quotes.
    _, report = load('tags: [大调研, "第三期 #3, 民生]\n')
    assert [problem.format() for problem in report.problems] == [
        'data/x.yaml:1:7: error: the "[" opened here is never closed with "]" (YAML parser: while scanning a quoted '
        'scalar: found unexpected end of stream)\n  hint: check this line and the one above: spaces (not TABs) for '
        'indentation, a space after ":" in key: value, and quotes and brackets closed']


@pytest.mark.parametrize(("text", "hint"), [
    ("tallies:\n  - as_of: 2018-04-26\n    batches: 318\n   collected: 296\n",
     'indent it with 4 spaces, lined up with "batches:" above'),
    ("tallies:\n  - as_of: 2018-04-26\n   collected: 296\n",
     'indent it with 4 spaces, lined up with "as_of:" above'),
])
def test_a_field_of_a_list_item_indented_too_little_says_how_far(text: str, hint: str) -> None:
    # The hint said "indent it to belong to the item above", not how far: three spaces are not four. Its first
    # choice, "start the line with "- "", typed "   - collected: 296", gave the same error again.
    _, report = load(text)
    [problem] = report.problems
    assert problem.hint == hint
    assert problem.message.startswith('"collected:" stands 3 spaces in, not lined up with the fields of the item '
                                      "above (4 spaces in), so YAML reads it neither as a field of that item nor as "
                                      "a new item")
    assert ok(text.replace("   collected", "    collected")).value["tallies"][0]["collected"] == "296"


def test_a_field_the_item_above_has_already_indented_too_little_is_offered_a_new_item_too() -> None:
    text = "tallies:\n  - as_of: 2018-04-26\n    collected: 296\n   as_of: 2018-05-26\n"
    _, report = load(text)
    assert [p.hint for p in report.problems] == [
        'the item above has "as_of:" already: if this line starts a new item, type "- " before it, the "-" lined '
        'up with the "- " above (2 spaces in); if it belongs to the item above, indent it with 4 spaces, lined up '
        'with "collected:" above']
    assert len(ok(text.replace("   as_of", "  - as_of")).value["tallies"]) == 2


@pytest.mark.parametrize(("text", "column", "hint"), [
    ("tags: [大调研, , 补短板]\n", 13, "delete the extra comma: tags: [大调研, 补短板]"),
    ("tags: [, 大调研]\n", 8, "delete the extra comma: tags: [大调研]"),
    ("tags: [大调研,,补短板]\n", 12, "delete the extra comma: tags: [大调研,补短板]"),
])
def test_two_commas_in_a_list_say_to_delete_one(text: str, column: int, hint: str) -> None:
    # The hint was to quote the rest of the line (tags: [大调研, ", 补短板]"), which is no list at all.
    _, report = load(text)
    assert [(p.line, p.column, p.message.split(" (YAML")[0], p.hint) for p in report.problems] == [
        (1, column, "there is nothing between this comma and the one (or the bracket) before it", hint)]


@pytest.mark.parametrize(("text", "line", "column", "start"), [
    ('a: "abc\nb: 1\n', 1, 4, "the quote \" opened here is never closed"),
    ("a: 'abc\n", 1, 4, "the quote ' opened here is never closed"),
    ("a: {b: 1\nc: 2\n", 1, 4, 'the "{" opened here is never closed with "}"'),
    ("a: [\n", 1, 4, 'the "[" opened here is never closed with "]"'),
    ("title: x\njust some text\ndate: y\n", 2, 1, 'this line is text, not a field ("name: value")'),
    ("title: x\ntitel 白鹤镇\ndate: y\n", 2, 1, 'this line is not a "key: value" pair: the ":" is missing'),
    ("a:\n    b: 1\n  c: 2\n", 3, 3, 'this line stands 2 spaces in, the fields under "a:" above it ("b:" …) 4 spaces'),
    ('a: "x" y\n', 1, 8, "there is more text after the closing quote"),
    ("- a\nb: 1\n", 2, 1, 'a list item starting with "- " is expected here, like the lines above'),
    ("tags: - b\n", 1, 7, 'a list item ("- ") cannot follow "key:" on the same line'),
    ("a: - b\n", 1, 4, '"a: - …": after "a:", YAML reads "- " as the start of a list'),
    ("a: @x\n", 1, 4, 'a value cannot start with "@"'),
    ("a: `x\n", 1, 4, 'a value cannot start with "`"'),
    ("a: %x\n", 1, 4, 'a value cannot start with "%"'),
    ("a: [1, 2]]\n", 1, 10, '"]" here has no matching opening bracket'),
    ("a: |x\n", 1, 4, 'after "|" or ">" the text must start on the next line'),
    (": x\n", 1, 1, 'a key is missing before ":"'),
    ("a: x\n  y: z\n", 2, 4, 'a "key:" is not expected here: this line is read as part of the value above'),
    ('a: "\\q"\n', 1, 5, '"\\q" is not a valid escape in a double-quoted value'),
    ("a: x\u2028y\n", 1, 5, "an invisible line separator (U+2028) is in the text; YAML cannot keep it"),
    ("a: x\x01y\n", 1, 5, "an invisible control character (U+0001) is in the text; YAML cannot keep it"),
    ("a: x\vy\n", 1, 5, "a line break made in Word with Shift+Enter (手动换行符, U+000B) is in the text; YAML cannot "
                        "keep it"),
    ("a: |\n  x\fy\n", 2, 4, "a page break from Word or a PDF (分页符, U+000C) is in the text; YAML cannot keep it"),
    ("a: 1\n---\nb: 2\n", 2, 1, "a second YAML document starts here; a file holds only one"),
    ("[a]: 1\n", 1, 1, "a key must be plain text, not a list or a mapping"),
    ("# 注释\n  title: x\ndate: y\n", 2, 1, "this line starts with a space, so the lines below it do not line up"),
])
def test_syntax_errors_are_explained(text: str, line: int, column: int, start: str) -> None:
    data, report = load(text)
    assert data is None
    assert len(report.problems) == 1, report.sorted()
    problem = report.problems[0]
    assert (problem.path, problem.line, problem.column, problem.severity) == ("data/x.yaml", line, column, "error")
    assert problem.message.startswith(start)
    assert problem.hint


@pytest.mark.parametrize(("text", "hint"), [
    ("title: 调查\n---\nrows: 3\nshow: yes\n", 'delete the "---" line: the fields below it ("rows:", "show:") belong to '
     "this record"),
    ("title: 调查\n---\ntitle: 二\n", 'remove the "---" line and what follows it, or move it to its own file'),
    ("title: 调查\n---\nrows: 3\nrows: 4\n", 'remove the "---" line and what follows it, or move it to its own file'),
    ("title: 调查\n---\n- 3\n", 'remove the "---" line and what follows it, or move it to its own file'),
])
def test_a_second_document_of_new_fields_is_told_to_lose_only_its_dashes(text: str, hint: str) -> None:
    # A data file's "---" above fields the first part lacks: deleting what follows it lost them.
    _, report = load(text)
    assert [(p.line, p.column, p.hint) for p in report.problems] == [(2, 1, hint)]
    if hint.startswith('delete the "---" line:'):
        assert ok(text.replace("---\n", "")).value == {"title": "调查", "rows": "3", "show": "yes"}


def test_a_block_sign_before_text_going_on_below_is_told_both_ways_and_each_reads() -> None:
    # The text on the sign's line may be the value's first character or a block's first line: either way kept.
    text = "summary: >90%居民满意，\n  走访全覆盖。\nslug: x\n"
    _, report = load(text)
    assert [(p.line, p.column, p.hint) for p in report.problems] == [(1, 10, (
        'if ">" is part of the value, type " before the ">" and another " at the end of the value\'s last line; if '
        'it starts a block of text, move "90%居民满意，" to the next line, as far in as the lines below it'))]
    assert ok('summary: ">90%居民满意，\n  走访全覆盖。"\nslug: x\n').value["summary"] == ">90%居民满意，走访全覆盖。"
    assert ok("summary: >\n  90%居民满意，\n  走访全覆盖。\nslug: x\n").value["summary"] == "90%居民满意，走访全覆盖。\n"


@pytest.mark.parametrize(("typed", "fixed"), [
    ("    note: 据镇大调研办统计，\n      其中: 环境类600份\n", "其中：环境类600份"),
    ("summary: 白鹤镇党委书记谈大调研，\n  主要做法:  走访、座谈\n", "主要做法：走访、座谈"),
])
def test_a_half_width_colon_in_a_line_of_a_text_is_told_to_be_full_width(typed: str, fixed: str) -> None:
    # "其中: 环境类600份" going on from a note was told to line up as a key; done, it was "unknown field 其中 …
    # remove it", and the editor lost the line.
    text = ("tallies:\n  - as_of: 2018-04-26\n" if typed.startswith(" ") else "") + typed
    _, report = load(text)
    [problem] = report.problems
    line = text.count("\n")
    assert (problem.line, problem.message.split(" (YAML parser")[0], problem.hint) == (
        line, f'the ": " after "{fixed.split("：")[0]}" makes this line of the text above a new field, which YAML does '
        "not allow inside a text", f"type the colon in full width (全角), as Chinese text does: {fixed}")
    mended = text.replace(typed.split("\n")[1].strip(), fixed)
    assert "，" + fixed in str(ok(mended).value)  # the line is the text's, joined to it as typed


def test_parser_words_come_after_the_explanation() -> None:
    _, report = load("a:\n    b: 1\n  c: 2\n")
    assert report.problems[0].message == ('this line stands 2 spaces in, the fields under "a:" above it ("b:" …) 4 '
                                          "spaces, so YAML cannot tell which they belong to "
                                          "(YAML parser: while parsing a block mapping: did not find expected key)")


def test_colon_in_value_hint_uses_single_quotes_when_needed() -> None:
    _, report = load('title: 专访: 他说"好"\n')
    assert report.problems[0].hint == "wrap the whole value in quotes: title: '专访: 他说\"好\"'"


# -- warnings for text YAML would drop or change --------------------------------

def test_comment_cutting_a_value_is_an_error() -> None:
    # A warning: the build published the title 西江镇经发办 for "西江镇经发办 #2 走进企业听心声".
    report = Report()
    data = load_yaml("title: 第三期 #3\n", "data/x.yaml", report, partial=True)
    # The rest is read, with the value as the hint mends it, so that the file's other slips are told in this run.
    assert data is not None and data.value == {"title": "第三期 #3"}
    assert shown(report) == [
        'data/x.yaml:1:12: error: " #" (a space, then #) starts a comment in YAML, so the value is only "第三期": '
        "the page shows 第三期, not 第三期 #3\n"
        '  hint: if the # belongs to the value, wrap the whole value in quotes: title: "第三期 #3"']
    assert ok("title: 第#3期\n").value == {"title": "第#3期"}
    assert ok("title: # 说明\nnote: ## 说明\n").value == {"title": None, "note": None}
    # A "#" glued to text inside the line's own comment is the comment's: nothing is cut from the value.
    assert ok("title: 华新镇   # 标题 title, e.g. #1\n").value == {"title": "华新镇"}
    # An id never holds a "#": the Chinese after it is a note, as the hint for an id with a note says to write it.
    assert ok("unit: baihe #白鹤镇\nseries: da-diaoyan #（栏目）\n").value == {"unit": "baihe", "series": "da-diaoyan"}
    assert shown(load("unit: Baihe #白鹤镇\n")[1])[0].startswith("data/x.yaml:1:13: error:")
    assert shown(load("title: abc #1\n")[1])[0].startswith("data/x.yaml:1:12: error:")


def test_comment_cutting_a_value_inside_brackets_is_an_error() -> None:
    # A warning: the build published "数据来源：镇大调研办（见", cut inside its bracket, in the page and the open data.
    _, report = load("note: 数据来源：镇大调研办（见 #2 号文件）\n")
    assert shown(report) == [
        'data/x.yaml:1:20: error: " #" (a space, then #) starts a comment in YAML, so the value is only '
        '"数据来源：镇大调研办（见": the page shows 数据来源：镇大调研办（见, not 数据来源：镇大调研办（见 #2 号文件）\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: note: "数据来源：镇大调研办（见 #2 号文件）"']
    assert ok('note: "数据来源：镇大调研办（见 #2 号文件）"\n').value == {"note": "数据来源：镇大调研办（见 #2 号文件）"}
    assert shown(load("title: 《简报 #3》\n")[1])[0].startswith("data/x.yaml:1:12: error:")
    assert shown(load("title: （第三期） #3\n")[1])[0].startswith("data/x.yaml:1:14: error:")  # closed before too


def test_a_hash_line_among_the_lines_of_a_text_is_told_in_a_list_and_below_its_key() -> None:
    _, report = load("actions:\n  - 走访\n    #3号楼\nsummary:\n  加装电梯\n  #5号楼（已开工）\n")
    assert shown(report) == [
        'data/x.yaml:3:5: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "走访": the page shows 走访, not 走访#3号楼\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 走访 on line 2, and another '
        '" after #3号楼 on line 3',
        'data/x.yaml:6:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "加装电梯": the page shows 加装电梯, not 加装电梯#5号楼（已开工）\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 加装电梯 on line 5, and '
        'another " after #5号楼（已开工） on line 6']
    assert ok('actions:\n  - "走访\n    #3号楼"\nsummary:\n  "加装电梯\n  #5号楼（已开工）"\n').value == {
        "actions": ["走访#3号楼"], "summary": "加装电梯#5号楼（已开工）"}
    # A text holding a double quote takes single quotes, each ' in it typed twice; the quotes go before the
    # line's comment; a long line is shown cut where the quote does not go.
    _, report = load('note: 他说"好"，it\'s\n  #3号楼   # 说明\n')
    assert report.problems[0].hint.endswith(": type ' before 他说\"好\"，it's on line 1, and another ' after #3号楼 on line 2 "
                                            "(before the comment # 说明), and type each ' inside the value twice")
    _, report = load("note: 一二三四五六七八九十一二三四五六七\n  二\n  三\n  四\n  #3号楼、一二三四五六七八九十一二三\n")
    assert report.problems[0].hint == ('if the # belongs to the value, wrap the whole value in quotes: type " before '
                                       '一二三四五六七八九十一二三四五… on line 1, and another " after …楼、一二三四五六七八九十一二三 '
                                       'on line 5')


def test_hash_lines_alone_below_a_key_or_before_its_text_are_an_error() -> None:
    # YAML reads the key with no value and the lines as comments: the text was lost, unwarned.
    _, report = load("actions:\n  -\n    #3号楼\nnote:   # 说明\n  # 编者\n  #5号楼（已开工）\n")
    assert shown(report) == [
        'data/x.yaml:3:5: error: "#" at the start of a line starts a comment in YAML, so the list item above is '
        "empty: the text typed below it, #3号楼, is dropped\n"
        '  hint: put the value in quotes: "#3号楼"',
        'data/x.yaml:6:3: error: "#" at the start of a line starts a comment in YAML, so "note" above has no value: '
        "the text typed below it, #5号楼（已开工）, is dropped\n"
        '  hint: put the value in quotes: "#5号楼（已开工）"']
    assert ok('actions:\n  -\n    "#3号楼"\nnote:   # 说明\n  # 编者\n  "#5号楼（已开工）"\n').value == {
        "actions": ["#3号楼"], "note": "#5号楼（已开工）"}
    # Before a text, the "#" lines are dropped and the text kept; a "#" cutting that text too is told with them.
    _, report = load("note:\n  #3号楼\n  加装电梯\n")
    assert shown(report) == [
        'data/x.yaml:2:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "加装电梯": the page shows 加装电梯, not #3号楼加装电梯\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before #3号楼 on line 2, and '
        'another " after 加装电梯 on line 3']
    _, report = load("note:\n  #3号楼\n  加装电梯\n  #5号楼\n  已开工\n")
    assert shown(report)[0].startswith(
        'data/x.yaml:2:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "加装电梯", and YAML cannot read the rest of the text\n')
    assert len(report.problems) == 1
    # Fields or items below the "#" lines are the key's value; a note is no text.
    assert ok("interviewee:\n  #受访人\n  name: 张明\ntags:\n  #大调研\n- 补短板\nnote:\n  # 说明\n").value == {
        "interviewee": {"name": "张明"}, "tags": ["补短板"], "note": None}


def test_hash_lines_with_a_note_among_them_below_a_key_are_told_whole_and_the_note_moved() -> None:
    # A note ("# 说明") among the "#" lines ended what was told: the hint quoted "#3号楼" alone, and "#5号楼" below
    # the note was still lost; a text after the note kept the "#" lines above it dropped, unwarned.
    _, report = load("note:\n  #3号楼\n  # 说明\n  #5号楼\ntitle:\n  #1期\n  # 编者\n  加装电梯\n")
    assert shown(report) == [
        'data/x.yaml:2:3: error: "#" at the start of a line starts a comment in YAML, so "note" above has no value: '
        "the text typed below it, #3号楼#5号楼, is dropped\n"
        '  hint: put the value in quotes: type " before #3号楼 on line 2, and another " after #5号楼 on line 4, then '
        'move the comment on line 3 above "note:" (line 1)',
        'data/x.yaml:6:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "加装电梯": the page shows 加装电梯, not #1期加装电梯\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before #1期 on line 6, and '
        'another " after 加装电梯 on line 8, then move the comment on line 7 above "title:" (line 5)']
    assert ok('# 说明\nnote:\n  "#3号楼\n  #5号楼"\n# 编者\ntitle:\n  "#1期\n  加装电梯"\n').value == {
        "note": "#3号楼#5号楼", "title": "#1期加装电梯"}
    # A note above the "#" lines stays where it is: the quotes go below it.
    _, report = load("note:\n  # 以下为备注\n  #3号楼、#5号楼已整改\n")
    assert shown(report) == [
        'data/x.yaml:3:3: error: "#" at the start of a line starts a comment in YAML, so "note" above has no value: '
        "the text typed below it, #3号楼、#5号楼已整改, is dropped\n"
        '  hint: put the value in quotes: "#3号楼、#5号楼已整改"']
    assert ok('note:\n  # 以下为备注\n  "#3号楼、#5号楼已整改"\n').value == {"note": "#3号楼、#5号楼已整改"}


def test_hash_lines_before_a_text_in_quotes_are_told_with_the_opening_quote_to_move() -> None:
    # YAML keeps the quoted text alone and reads the "#" lines above it as comments: they were lost, unwarned.
    _, report = load('note:\n  # 以下为备注\n  #3号楼已整改\n  "5号楼正在整改"\nactions:\n  -\n    #3号楼\n    # 说明\n'
                     "    '走访\n    研究'\n")
    assert shown(report) == [
        'data/x.yaml:3:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"5号楼正在整改", the text in quotes below it: the page shows 5号楼正在整改, not #3号楼已整改5号楼正在整改\n'
        '  hint: if the # belongs to the value, delete the " before 5号楼正在整改 on line 4, and type it before '
        "#3号楼已整改 on line 3",
        'data/x.yaml:7:5: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"走访研究", the text in quotes below it: the page shows 走访研究, not #3号楼走访研究\n'
        "  hint: if the # belongs to the value, delete the ' before 走访 on line 9, and type it before #3号楼 on line "
        '7, then move the comment on line 8 above "-" (line 6)']
    assert ok('note:\n  # 以下为备注\n  "#3号楼已整改\n  5号楼正在整改"\n# 说明\nactions:\n  -\n    \'#3号楼\n'
              "    走访\n    研究'\n").value == {"note": "#3号楼已整改5号楼正在整改", "actions": ["#3号楼走访研究"]}
    # The quote moved up takes in what it must: a ' typed twice, a \ before a " (or a \).
    _, report = load("note:\n  #3号楼'东'\n  '5号楼'\ntitle:\n  #3号楼\"东\"\n  \"5号楼\"\n")
    assert [problem.hint for problem in report.sorted()] == [
        "if the # belongs to the value, delete the ' before 5号楼 on line 3, and type it before #3号楼'东' on line 2, "
        "and type each ' on line 2 twice",
        'if the # belongs to the value, delete the " before 5号楼 on line 6, and type it before #3号楼"东" on line 5, '
        'and type a \\ before each " and each \\ on line 5']
    assert ok("note:\n  '#3号楼''东''\n  5号楼'\ntitle:\n  \"#3号楼\\\"东\\\"\n  5号楼\"\n").value == {
        "note": "#3号楼'东' 5号楼", "title": '#3号楼"东" 5号楼'}


def test_hash_lines_after_a_text_in_quotes_are_told_with_the_closing_quote_to_move() -> None:
    # YAML ends the value at its closing quote and reads the "#" lines below as comments: lost, unwarned.
    _, report = load('note: "5号楼正在整改"\n  # 说明\n  #3号楼已整改\nactions:\n  - \'走访\n    研究\'\n    #3号楼\n'
                     'summary:\n  "加装电梯"\n  #5号楼   # 编者\n')
    assert shown(report) == [
        'data/x.yaml:3:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"5号楼正在整改", the text in quotes above it: the page shows 5号楼正在整改, not 5号楼正在整改#3号楼已整改\n'
        '  hint: if the # belongs to the value, delete the " after 5号楼正在整改 on line 1, and type it after '
        '#3号楼已整改 on line 3, then move the comment on line 2 above "note:" (line 1)',
        'data/x.yaml:7:5: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"走访研究", the text in quotes above it: the page shows 走访研究, not 走访研究#3号楼\n'
        "  hint: if the # belongs to the value, delete the ' after 研究 on line 6, and type it after #3号楼 on line 7",
        'data/x.yaml:10:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"加装电梯", the text in quotes above it: the page shows 加装电梯, not 加装电梯#5号楼\n'
        '  hint: if the # belongs to the value, delete the " after 加装电梯 on line 9, and type it after #5号楼 on '
        "line 10 (before the comment # 编者)"]
    assert ok('# 说明\nnote: "5号楼正在整改\n  #3号楼已整改"\nactions:\n  - \'走访\n    研究\n    #3号楼\'\n'
              'summary:\n  "加装电梯\n  #5号楼"   # 编者\n').value == {
        "note": "5号楼正在整改#3号楼已整改", "actions": ["走访研究#3号楼"], "summary": "加装电梯#5号楼"}
    # A note after a quoted text, a field commented out, and a text after its closing quote are no lost text.
    assert ok('note: "5号楼正在整改"\n  # 说明\n  #note: 旧说明\ntitle: x\n').value == {
        "note": "5号楼正在整改", "title": "x"}
    assert [problem.line for problem in load('note: "5号楼"正在整改\n  #3号楼\n')[1].problems] == [1]


def test_hash_lines_after_a_text_ended_by_a_comment_are_told_with_the_comment_to_move() -> None:
    # A comment ends a plain text (at the end of its line or on a line of its own): "#" lines typed after it were
    # read as comments too, and lost, unwarned.
    _, report = load("note: 5号楼正在整改   # 说明\n  #3号楼已整改\nactions:\n  - 走访\n    # 说明\n    #3号楼\n  - 研究\n")
    assert shown(report) == [
        'data/x.yaml:2:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"5号楼正在整改": the page shows 5号楼正在整改, not 5号楼正在整改#3号楼已整改\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 5号楼正在整改 on line 1, '
        'and another " after #3号楼已整改 on line 2, then move the comment at the end of line 1 (# 说明) above '
        '"note:" (line 1)',
        'data/x.yaml:6:5: error: "#" at the start of a line starts a comment in YAML, so the value is only "走访": '
        "the page shows 走访, not 走访#3号楼\n"
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 走访 on line 4, and '
        'another " after #3号楼 on line 6, then move the comment on line 5 above "- 走访" (line 4)']
    assert ok('# 说明\nnote: "5号楼正在整改\n  #3号楼已整改"\nactions:\n    # 说明\n  - "走访\n    #3号楼"\n  - 研究\n'
              ).value == {"note": "5号楼正在整改#3号楼已整改", "actions": ["走访#3号楼", "研究"]}


def test_hash_lines_and_a_note_among_the_lines_of_a_text_are_told_once_with_quotes_that_keep_them() -> None:
    # The hint moved "#3号楼" above the key with the note below which it stood, as if it were a comment: followed,
    # its text was lost, unwarned. A "#3号楼" line told before the note was warned alone: its hint, followed, still
    # left the text past the note refused; and a text's end-of-line comment went into the quotes.
    _, report = load("note: 加装电梯\n  # 说明\n  #3号楼\n  已开工\nsummary: 白鹤镇\n  #3号楼\n  # 说明\n  加装电梯\n"
                     "title:\n  #1期\n  白鹤镇\n  # 编者\n  访谈\nbrief: 白鹤镇   # 简介\n  # 编者\n  访谈\n")
    assert shown(report) == [
        "data/x.yaml:2:3: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "加装电梯", and YAML cannot read the text\'s next line, "已开工"\n'
        '  hint: to keep the comment out of the text, wrap the whole text in quotes: type " before 加装电梯 on line 1, '
        'and another " after 已开工 on line 4, then move the comment on line 2 above "note:" (line 1); to make it '
        'part of the text, wrap the whole text in quotes: type " before 加装电梯 on line 1, and another " after 已开工 '
        "on line 4",
        "data/x.yaml:7:3: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "白鹤镇", and YAML cannot read the text\'s next line, "加装电梯"\n'
        '  hint: to keep the comment out of the text, wrap the whole text in quotes: type " before 白鹤镇 on line 5, '
        'and another " after 加装电梯 on line 8, then move the comment on line 7 above "summary:" (line 5); to make '
        'it part of the text, wrap the whole text in quotes: type " before 白鹤镇 on line 5, and another " after '
        "加装电梯 on line 8",
        'data/x.yaml:10:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value is '
        'only "白鹤镇", and YAML cannot read the rest of the text\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before #1期 on line 10, and '
        'another " after 访谈 on line 13, then move the comment on line 12 above "title:" (line 9)',
        "data/x.yaml:15:3: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "白鹤镇", and YAML cannot read the text\'s next line, "访谈"\n'
        '  hint: to keep the comment out of the text, wrap the whole text in quotes: type " before 白鹤镇 on line 14, '
        'and another " after 访谈 on line 16, then move the comment at the end of line 14 (# 简介) and the comment on '
        'line 15 above "brief:" (line 14); to make it part of the text, wrap the whole text in quotes: type " before '
        "白鹤镇   # 简介 on line 14, and another \" after 访谈 on line 16"]
    assert ok('# 说明\nnote: "加装电梯\n  #3号楼\n  已开工"\n# 说明\nsummary: "白鹤镇\n  #3号楼\n  加装电梯"\n# 编者\n'
              'title:\n  "#1期\n  白鹤镇\n  访谈"\n# 简介\n# 编者\nbrief: "白鹤镇\n  访谈"\n').value == {
        "note": "加装电梯#3号楼已开工", "summary": "白鹤镇#3号楼加装电梯", "title": "#1期白鹤镇访谈", "brief": "白鹤镇访谈"}
    # With no "#" line, nor comment at the end of a line, moving the comment is enough, as before.
    assert load("note: 加装电梯\n  # 说明\n  已开工\n")[1].problems[0].hint.startswith(
        'to keep the comment out of the text, move this line above "note:" (line 1); ')


def test_a_comment_between_the_lines_of_a_text_is_told_at_its_first_line() -> None:
    # YAML 1.2 §7.3.3: a plain text's lines hold no comment line, so the text ends there and its next line is
    # refused; the parser's words were about lining up (or a missing "- "), at that next line.
    _, report = load("actions:\n  - 走访\n# 编者\n\n    # 待核实\n    研究\nsummary:\n  加装电梯\n  # 说明\n  已开工\n")
    assert shown(report) == [
        "data/x.yaml:3:1: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "走访", and YAML cannot read the text\'s next line, "研究"\n'
        '  hint: to keep the comment out of the text, move this line and the comment line below it above "- 走访" '
        '(line 2); to make it part of the text, wrap the whole text in quotes: type " before 走访 on line 2, and '
        'another " after 研究 on line 6',
        "data/x.yaml:9:3: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "加装电梯", and YAML cannot read the text\'s next line, "已开工"\n'
        '  hint: to keep the comment out of the text, move this line above "summary:" (line 7); to make it part of '
        'the text, wrap the whole text in quotes: type " before 加装电梯 on line 8, and another " after 已开工 on line '
        "10"]
    # Lines named are file lines: front matter starts on line 2.
    _, report = load("summary: 加装电梯\n  # 说明\n  已开工\n", first_line=2)
    assert shown(report)[0].startswith("data/x.yaml:3:3: error:")
    assert '"summary:" (line 2)' in report.problems[0].hint
    # Followed, each hint gives the text meant; a comment after which the text's key's fields go on is no slip.
    assert ok("# 说明\nsummary:\n  加装电梯\n  已开工\n").value == {"summary": "加装电梯已开工"}
    assert ok('summary:\n  "加装电梯\n  # 说明\n  已开工"\n').value == {"summary": "加装电梯# 说明已开工"}
    assert ok("a:\n  summary: 加装电梯\n  # 说明\n  title: x\n").value == {"a": {"summary": "加装电梯", "title": "x"}}


def test_the_lines_below_a_text_typed_under_its_key_are_scanned_as_fields() -> None:
    # A text typed on the line below its key goes on while its lines stand further in than the key: every line
    # after it was taken for one of them, and a slip there was told "this line is text, not a field".
    assert shown(load("summary:\n  加装电梯\ntitle：白鹤镇\n")[1]) == [
        'data/x.yaml:3:6: error: "title：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: title: 白鹤镇"]
    assert shown(load("a:\n  summary:\n    加装电梯\n  title:白鹤镇\n")[1]) == [
        'data/x.yaml:4:8: error: no space after ":" in "title:白鹤镇"\n'
        "  hint: add a space after the colon, keeping the 2 spaces before it: title: 白鹤镇"]
    assert ok("summary:\n    加装\n  电梯\ntitle: 白鹤镇\n").value == {"summary": "加装电梯", "title": "白鹤镇"}


# Every line sitegen new writes ends with a comment. A hint that put it inside the quotes it added
# published "# 标题 title" on the page when pasted (title: '"华新镇"：… # 标题 title'): the comment
# stays after the closing quote, and the line of the hint, pasted, gives the value the editor meant.
@pytest.mark.parametrize(("text", "severity", "column", "message", "hint", "fixed", "meant"), [
    ('title: "华新镇"：把问题清单变成幸福清单   # 标题 title\n', "error", 13,
     "there is more text after the closing quote (YAML parser: while parsing a block mapping: did not find "
     "expected key)",
     "to keep the \" as typed, put the whole value in single quotes: title: '\"华新镇\"：把问题清单变成幸福清单'   "
     "# 标题 title (or type Chinese quotes: title: “华新镇”：把问题清单变成幸福清单   # 标题 title)",
     "title: '\"华新镇\"：把问题清单变成幸福清单'   # 标题 title", '"华新镇"：把问题清单变成幸福清单'),
    ("title: '华新'镇   # 标题 title\n", "error", 12,
     "there is more text after the closing quote (YAML parser: while parsing a block mapping: did not find "
     "expected key)",
     "to keep the ' as typed, put the whole value in double quotes: title: \"'华新'镇\"   # 标题 title "
     "(or type Chinese quotes: title: ‘华新’镇   # 标题 title)",
     "title: \"'华新'镇\"   # 标题 title", "'华新'镇"),
    ("title: 专访: 网格员的一天   # 标题 title\n", "error", 10,
     'the value contains ": " (YAML parser: mapping values are not allowed in this context)',
     'wrap the whole value in quotes: title: "专访: 网格员的一天"   # 标题 title',
     'title: "专访: 网格员的一天"   # 标题 title', "专访: 网格员的一天"),
    ("title: “专访: 网格员”   # 标题 title\n", "error", 11,
     'the value contains ": " (YAML parser: mapping values are not allowed in this context)',
     'wrap the whole value in quotes: title: "“专访: 网格员”"   # 标题 title (the “” then show; without them: '
     'title: "专访: 网格员"   # 标题 title)',
     'title: "专访: 网格员"   # 标题 title', "专访: 网格员"),
    ("title: 第三期 #3   # 标题 title\n", "error", 12,
     '" #" (a space, then #) starts a comment in YAML, so the value is only "第三期": the page shows 第三期, '
     "not 第三期 #3",
     'if the # belongs to the value, wrap the whole value in quotes: title: "第三期 #3"   # 标题 title',
     'title: "第三期 #3"   # 标题 title', "第三期 #3"),
    ("title: #1 华新镇   # 标题 title\n", "error", 8,
     '"#" after a space starts a comment in YAML, so "title" has no value',
     'put the value in quotes: title: "#1 华新镇"   # 标题 title',
     'title: "#1 华新镇"   # 标题 title', "#1 华新镇"),
    ("title: @华新镇   # 标题 title\n", "error", 8,
     'a value cannot start with "@" (YAML parser: while scanning for the next token: found character that '
     "cannot start any token)",
     'wrap the whole value in quotes: title: "@华新镇"   # 标题 title',
     'title: "@华新镇"   # 标题 title', "@华新镇"),
    ("title: &华新镇   # 标题 title\n", "error", 9,
     '"&" and "*" at the start of a value are read as YAML anchors and aliases (YAML parser: while scanning an '
     "anchor: did not find expected alphabetic or numeric character)",
     'wrap the whole value in quotes: title: "&华新镇"   # 标题 title',
     'title: "&华新镇"   # 标题 title', "&华新镇"),
    ('path: "C:\\temp"   # 路径\n', "warning", 10,
     '"\\t" inside double quotes is read as a special character (an escape), not as typed',
     "to keep backslashes as typed, use single quotes: path: 'C:\\temp'   # 路径",
     "path: 'C:\\temp'   # 路径", "C:\\temp"),
    # A backslash typed twice is one backslash, on purpose; the "\t" after it still surprises. The single
    # quotes keep each backslash typed once, and the quote typed as \" (hint used to keep both twice: "D:\\共享").
    ('path: "D:\\\\共享\\temp，他说\\"好\\""   # 路径\n', "warning", 14,
     '"\\t" inside double quotes is read as a special character (an escape), not as typed',
     "to keep backslashes as typed, use single quotes: path: 'D:\\共享\\temp，他说\"好\"'   # 路径",
     "path: 'D:\\共享\\temp，他说\"好\"'   # 路径", "D:\\共享\\temp，他说\"好\""),
    ('title: "示例 #3   # 标题 title\n', "error", 8,
     'the quote " opened here is never closed (YAML parser: while scanning a quoted scalar: found unexpected end '
     "of stream)",
     'add the closing " at the end of the value: title: "示例 #3"   # 标题 title',
     'title: "示例 #3"   # 标题 title', "示例 #3"),
    # Typed with the input method's full-width colon or space, or no space: the line the hint gives is
    # read as typed, not stopped again by the ": " or the quote in the value.
    ("title：专访: 网格员   # 标题 title\n", "error", 6,
     '"title：" uses a full-width colon (全角冒号 ：)',
     'type an English colon followed by a space, and put the value in quotes, as it holds ": ": '
     'title: "专访: 网格员"   # 标题 title',
     'title: "专访: 网格员"   # 标题 title', "专访: 网格员"),
    ('title:"华新镇"：把问题清单   # 标题 title\n', "error", 6,
     'no space after ":" in "title:\"华新镇\"：把问题清单   # 标题 title"',
     'add a space after the colon, and put the value in quotes, as it starts with " and goes on after the '
     "closing \": title: '\"华新镇\"：把问题清单'   # 标题 title",
     "title: '\"华新镇\"：把问题清单'   # 标题 title", '"华新镇"：把问题清单'),
    ("title:\u3000#1 华新镇   # 标题 title\n", "error", 7,
     'a full-width space (全角空格) follows "title:"',
     'replace it with an ordinary space, and put the value in quotes, as it starts with "#": '
     'title: "#1 华新镇"   # 标题 title',
     'title: "#1 华新镇"   # 标题 title', "#1 华新镇"),
    ("title：第三期 #3   # 标题 title\n", "error", 6,
     '"title：" uses a full-width colon (全角冒号 ：)',
     'type an English colon followed by a space, and put the value in quotes, as it holds " #": '
     'title: "第三期 #3"   # 标题 title',
     'title: "第三期 #3"   # 标题 title', "第三期 #3"),
])
def test_a_hint_that_quotes_a_value_keeps_the_lines_comment_after_the_quotes(
        text: str, severity: str, column: int, message: str, hint: str, fixed: str, meant: str) -> None:
    _, report = load(text)
    assert [(p.line, p.column, p.severity, p.message, p.hint) for p in report.problems] == [
        (1, column, severity, message, hint)]
    key = fixed.split(":", 1)[0]
    assert ok(fixed + "\n").value == {key: meant}


@pytest.mark.parametrize(("text", "hint", "listed", "quoted"), [
    ("misspellings: 白河镇: 百合镇   # 错误写法\n",
     "if these are 2 misspellings, write them in square brackets, separated by English commas: "
     'misspellings: [白河镇, 百合镇]   # 错误写法 (if it is one misspelling, put it in quotes inside the brackets: '
     'misspellings: ["白河镇: 百合镇"]   # 错误写法)', ["白河镇", "百合镇"], ["白河镇: 百合镇"]),
    ("tags: 大调研: 草莓: 民生\n",
     "if these are 3 tags, write them in square brackets, separated by English commas: tags: [大调研, 草莓, 民生] "
     '(if it is one tag, put it in quotes inside the brackets: tags: ["大调研: 草莓: 民生"])', ["大调研", "草莓", "民生"],
     ["大调研: 草莓: 民生"]),
    ("aliases: /old/: /older/\n",
     "if these are 2 aliases, write them in square brackets, separated by English commas: aliases: [/old/, /older/] "
     '(if it is one alias, put it in quotes inside the brackets: aliases: ["/old/: /older/"])',
     ["/old/", "/older/"], ["/old/: /older/"]),
    # Words with a comma in them, and a field of one text, are only told to be quoted.
    ("tags: 大调研, 民生: 草莓\n", 'wrap the whole value in quotes: tags: "大调研, 民生: 草莓"', None, "大调研, 民生: 草莓"),
    ("summary: 白河镇: 百合镇\n", 'wrap the whole value in quotes: summary: "白河镇: 百合镇"', None, "白河镇: 百合镇"),
])
def test_words_parted_by_a_colon_in_a_list_of_words_are_offered_as_the_list_before_quotes(
        text: str, hint: str, listed: list[str] | None, quoted: str | list[str]) -> None:
    # "misspellings: 白河镇: 百合镇" was only told to be quoted: followed, it made one misspelling of both.
    _, report = load(text)
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (1, text.index(": ", text.index(": ") + 1) + 1,
         'the value contains ": " (YAML parser: mapping values are not allowed in this context)', hint)]
    key = text.split(":", 1)[0]
    offered = re.findall(key + r': (\[[^]]*\]|"[^"]*")', hint)  # each line the hint offers, read as YAML
    assert [ok(f"{key}: {value}\n").value[key] for value in offered] == [w for w in (listed, quoted) if w is not None]


@pytest.mark.parametrize(("text", "hint"), [
    ("title：华新镇访谈   # 标题 title\n", "type an English colon followed by a space: title: 华新镇访谈   # 标题 title"),
    ('title："华新镇访谈"   # 标题 title\n', 'type an English colon followed by a space: title: "华新镇访谈"   # 标题 title'),
    ("tags：[大调研, 补短板]   # 标签\n", "type an English colon followed by a space: tags: [大调研, 补短板]   # 标签"),
    ("title:华新镇访谈\n", "add a space after the colon: title: 华新镇访谈"),
])
def test_a_value_typed_right_after_a_mended_colon_is_not_quoted(text: str, hint: str) -> None:
    # Quotes only where the value needs them: a list stays a list, a quoted value is not quoted twice.
    _, report = load(text)
    assert [p.hint for p in report.problems] == [hint]


@pytest.mark.parametrize(("text", "column", "message", "hint", "meant"), [
    ("title\u3000: 白鹤镇   # 标题 title\n", 6,
     'a full-width space (全角空格) is typed between "title" and its ":"; YAML reads it as part of the key, so there '
     'is no "title"', "delete the space before the colon: title: 白鹤镇   # 标题 title", {"title": "白鹤镇"}),
    ("title\u3000:白鹤镇\n", 6,
     'a full-width space (全角空格) is typed between "title" and its ":"; YAML reads it as part of the key, so there '
     'is no "title"', "delete the space before the colon: title: 白鹤镇", {"title": "白鹤镇"}),
    ("标题 \u3000：白鹤镇\n", 4, '"标题" is followed by a full-width space (全角空格) and a full-width colon (全角冒号 ：)',
     "delete the space and type an English colon followed by a space: 标题: 白鹤镇", {"标题": "白鹤镇"}),
    ("tallies:\n  - as_of: 2018-04-26\n    collected\u3000：350\n", 14,
     '"collected" is followed by a full-width space (全角空格) and a full-width colon (全角冒号 ：)',
     "delete the space and type an English colon followed by a space, keeping the 4 spaces before it: collected: 350",
     {"tallies": [{"as_of": "2018-04-26", "collected": "350"}]}),
    ("tallies:\n  - as_of\u00a0: 2018-04-26\n", 10,
     'a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat) is typed between "as_of" and '
     'its ":"; YAML reads it as part of the key, so there is no "as_of"', "delete the space before the colon, keeping "
     "the 2 spaces before it: - as_of: 2018-04-26", {"tallies": [{"as_of": "2018-04-26"}]}),
])
def test_a_full_width_space_before_a_keys_colon_is_named_at_its_column(text: str, column: int, message: str,
                                                                     hint: str, meant: object) -> None:
    # "title　: 白鹤镇" was read as the key "title　" (told only "unknown field"), "collected　：350" as a line with
    # no ":", and "title　：…" was reported at the line below it.
    data, report = load(text)
    line = text.count("\n")
    assert data is None and [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (line, column, message, hint)]
    lines = text.split("\n")
    # Followed as it says: the spaces kept, the rest of the line as the hint types it.
    lines[line - 1] = lines[line - 1][:len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))] + hint.split(": ", 1)[1]
    assert ok("\n".join(lines)).value == meant


WIDE_LINE = 'this line is typed in full width (全角), so YAML does not read it as the field "{}"'
WIDE_HOW = "switch the input method to half width (半角) and type the line as: "


@pytest.mark.parametrize(("text", "column", "key", "fixed", "meant"), [
    ("ｓｅｒｉｅｓ：　ｆａｎｇｔａｎ\n", 1, "series", "series: fangtan", {"series": "fangtan"}),
    ("ｓｅｒｉｅｓ: ｆａｎｇｔａｎ\n", 1, "series", "series: fangtan", {"series": "fangtan"}),
    ("series：ｆａｎｇｔａｎ\n", 1, "series", "series: fangtan", {"series": "fangtan"}),
    ("ｄａｔｅ：　２０１８－０５－０３　１０：００\n", 1, "date", "date: 2018-05-03 10:00", {"date": "2018-05-03 10:00"}),
    # A value of Chinese text keeps its full-width signs: they are part of it.
    ("interviewee:\n  ｒｏｌｅ：　党委书记，镇长\n", 3, "role", "role: 党委书记，镇长",
     {"interviewee": {"role": "党委书记，镇长"}}),
    ("ｉｎｔｅｒｖｉｅｗｅｅ：\n  name: 王建国\n", 1, "interviewee", "interviewee:", {"interviewee": {"name": "王建国"}}),
    ("targets:\n  －　ｇｒｏｕｐ：　ｒｅｓｉｄｅｎｔｓ\n    target: 80\n", 3, "group", "- group: residents",
     {"targets": [{"group": "residents", "target": "80"}]}),
    ("tallies:\n  - ａｓ＿ｏｆ：２０１８－０４－２６\n", 3, "as_of", "- as_of: 2018-04-26",
     {"tallies": [{"as_of": "2018-04-26"}]}),
])
def test_a_line_typed_in_full_width_is_told_so_with_the_line_in_half_width(text: str, column: int, key: str,
                                                                           fixed: str, meant: object) -> None:
    # "ｓｅｒｉｅｓ：　ｆａｎｇｔａｎ" was told to be text, and to put "# " before it: the field was taken out.
    data, report = load(text)
    line = next(n for n, typed in enumerate(text.split("\n"), 1) if re.search("[ａ-ｚ：]", typed))
    how = WIDE_HOW if column == 1 else WIDE_HOW.replace(" as: ", f", keeping the {column - 1} spaces before it, as: ")
    assert data is None and [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (line, column, WIDE_LINE.format(key), how + fixed)]
    lines = text.split("\n")
    lines[line - 1] = " " * (column - 1) + fixed
    assert ok("\n".join(lines)).value == meant


@pytest.mark.parametrize("text", ["title: ＡＢＣ访谈\n", "title：ＡＢＣ访谈\n", "url: ｈｔｔｐｓ\n", "标题：ｘ\n",
                                  "title: |\n  ｓｅｒｉｅｓ：　ｆａｎｇｔａｎ\n"])
def test_full_width_letters_in_a_value_or_a_block_are_no_full_width_line(text: str) -> None:
    _, report = load(text)
    assert not any("typed in full width" in p.message for p in report.problems)


def test_backslash_escape_in_double_quotes_is_a_warning() -> None:
    data, report = load('path: "C:\\temp"\n')
    assert data is not None and data.value == {"path": "C:\temp"}
    assert shown(report) == [
        'data/x.yaml:1:10: warning: "\\t" inside double quotes is read as a special character (an escape), '
        "not as typed\n  hint: to keep backslashes as typed, use single quotes: path: 'C:\\temp'"]


@pytest.mark.parametrize(("text", "meant"), [
    ('path: "C:\\\\reports\\\\2018"\n', "C:\\reports\\2018"),
    ('title: "他说\\"好\\"，见\\\\附件"\n', '他说"好"，见\\附件'),
])
def test_a_backslash_typed_twice_in_double_quotes_is_no_escape_to_warn_of(text: str, meant: str) -> None:
    # "C:\\reports" was told that "\r" is an escape, and offered 'C:\\reports', which publishes two backslashes.
    data, report = load(text)
    assert data is not None and list(data.value.values()) == [meant] and shown(report) == []


# -- refused YAML features ------------------------------------------------------

def test_duplicate_keys_name_the_first_line() -> None:
    data, report = load("title: 一\ndate: 2024-06-01\ntitle: 二\nunit:\n  a: 1\n  a: 2\n", first_line=2)
    assert data is None
    assert shown(report) == [
        'data/x.yaml:4:1: error: the key "title" appears twice in the same block; it was first given on line 2\n'
        '  hint: keep one "title" line and delete or rename the other',
        'data/x.yaml:7:3: error: the key "a" appears twice in the same block; it was first given on line 6\n'
        '  hint: keep one "a" line and delete or rename the other',
    ]


def test_a_list_key_typed_twice_is_offered_as_one_list_with_every_item() -> None:
    # "keep one line and delete the other" loses the items of the other; one list keeps them all, each once.
    text = 'tags:\n  - 民生\n  - "a, b"\ntitle: 一\ntags: [草莓, 民生]\n'
    data, report = load(text)
    assert data is None and shown(report) == [
        'data/x.yaml:5:1: error: the key "tags" appears twice in the same block; it was first given on line 1\n'
        '  hint: keep one tags line, with the items of both: tags: [民生, "a, b", 草莓]; delete the other']
    mended = 'tags: [民生, "a, b", 草莓]\ntitle: 一\n'
    assert ok(mended).value == {"tags": ["民生", "a, b", "草莓"], "title": "一"}
    # A list too long for one line is told to be joined, not given.
    many = ", ".join(f"标签{number:02}" for number in range(20))
    data, report = load(f"tags: [{many}]\ntags: [其他]\n")
    assert shown(report) == [
        'data/x.yaml:2:1: error: the key "tags" appears twice in the same block; it was first given on line 1\n'
        '  hint: keep one "tags" list and move the items of the other into it (a key is given once)']
    # A list and a text, or two texts, keep the plain hint.
    data, report = load("tags: [民生]\ntags: 草莓\n")
    assert shown(report)[0].endswith('hint: keep one "tags" line and delete or rename the other')


def test_same_key_in_different_mappings_is_fine() -> None:
    assert ok("- a: 1\n- a: 2\n").value == [{"a": "1"}, {"a": "2"}]


def test_anchors_and_aliases_are_refused() -> None:
    data, report = load("base: &b\n  x: 1\ncopy: *b\n")
    assert data is None
    assert [(p.line, p.column, p.message) for p in report.sorted()] == [
        (1, 7, "anchors and aliases are not supported in content files"),
        (3, 7, "anchors and aliases are not supported in content files")]


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for number in range(1, 9):
        previous, name = chr(ord("a") + number - 1), chr(ord("a") + number)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    data, report = load("\n".join(lines) + "\n")
    assert data is None
    assert {p.message for p in report.problems} == {"anchors and aliases are not supported in content files"}
    assert len(report.problems) == 9  # one per line


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!custom"])
def test_python_and_unknown_tags_are_refused(tag: str) -> None:
    data, report = load(f"a: {tag} x\n")
    assert data is None
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, 4, f'the tag "{tag}" is not allowed in content files')]


def test_python_object_mapping_tag_is_refused() -> None:
    data, report = load("a: !!python/object/apply:os.system\n  args: [echo hi]\n")
    assert data is None
    assert report.problems[0].message == 'the tag "!!python/object/apply:os.system" is not allowed in content files'


def test_depth_limit() -> None:
    assert ok("[" * MAX_DEPTH + "]" * MAX_DEPTH).value is not None
    data, report = load("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert data is None
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, MAX_DEPTH + 1, "the data is nested more than 64 levels deep")]
    deep = "".join("  " * level + f"k{level}:\n" for level in range(200)) + "  " * 200 + "x: 1\n"
    data, report = load(deep)
    assert data is None and report.problems[0].message == "the data is nested more than 64 levels deep"
    data, report = load("[" * 100_000)
    assert data is None and report.has_errors()


def test_one_megabyte_line_ends_in_data_or_a_message() -> None:
    for text in ("title: " + "测" * 1_000_000 + "\n", "title: " + "a: " * 350_000 + "\n",
                 "a: [" + "'x', " * 200_000 + "\n", "\t" * 1_000_000, "x" * 1_000_000 + ":y\n",
                 "k:" + "a" * 1_000_000 + "\n"):
        data, report = load(text)
        assert data is not None or report.has_errors()
    assert len(report.problems) <= 51


def test_problem_count_is_capped() -> None:
    data, report = load("a:\n" + "\tb: 1\n" * 200)
    assert data is None
    assert len(report.problems) == 51
    assert report.sorted()[-1].message == "more problems in this file are not shown (the count stops here)"


# -- never raise ----------------------------------------------------------------

_YAML_PIECES = st.sampled_from([
    "title: ", "title：", "date:", "  ", "\t", "- ", "-\t", ": ", "：", "\u3000", "[", "]", "{", "}", ", ",
    '"', "'", "|", ">", "#", " #", "&a ", "*a", "!!python/object ", "!!str ", "? ", "---", "...", "%YAML 1.2",
    "\n", "\n", "\n", "\r\n", "社区", "yes", "14:30", "2024-06-18", "\\", "\x00", "\u2028", "\ufeff", "~",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text: str) -> None:
    report = Report()
    data = load_yaml(text, "x.yaml", report, first_line=2)
    assert data is not None or report.has_errors()
    for problem in report.problems:
        assert problem.line is not None and problem.line >= 2 and problem.column is not None and problem.column >= 1


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_YAML_PIECES, max_size=40))
def test_random_yamlish_text_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    report = Report()
    data = load_yaml(text, "x.yaml", report)
    assert data is not None or report.has_errors()
    if data is not None:
        _assert_plain(data.value)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                     st.sampled_from(["yes", "no", "14:30", "010", "2024-06-18", "~", "社区：一"]))
_DOCUMENTS = st.recursive(_SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)),
    max_leaves=20)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_DOCUMENTS, st.sampled_from([None, True, False]))
def test_valid_yaml_from_a_dumper_loads(document: object, flow: bool | None) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    report = Report()
    data = load_yaml(text, "x.yaml", report)
    assert data is not None or report.has_errors()
    if data is not None:
        _assert_plain(data.value)


def _assert_plain(value: object) -> None:
    """Every part of loaded data is a dict with str keys, a list, a str or None."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            assert all(isinstance(key, str) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        else:
            assert item is None or isinstance(item, str)


def test_internal_failures_become_a_report_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise MemoryError("simulated")

    monkeypatch.setattr(yaml, "parse", broken)
    data, report = load("a: 1\n")
    assert data is None
    assert report.problems[0].message == (
        "the YAML could not be read because of an internal error (MemoryError: simulated)")


def test_source_file_front_matter_round_trip() -> None:
    source = SourceFile("content/p.md", "---\ntitle: 访谈\n---\n正文\n", "utf-8")
    report = Report()
    document = split_front_matter(source, report)
    data = load_yaml(document.front_matter or "", source.path, report, first_line=document.front_matter_line)
    assert data is not None and data.locate(("title",)) == (2, 8)


def test_value_starting_with_a_closing_bracket() -> None:
    data, report = load("a: ]\n")
    assert data is None
    assert [(p.line, p.column) for p in report.problems] == [(1, 4)]
    assert report.problems[0].message.startswith('a value cannot start with "]"')


def test_a_value_continued_on_the_next_line_gets_no_space_between_chinese_characters() -> None:
    # "summary: 白鹤镇党委书记谈大调研，" continued on an indented line was published "…大调研， 截至…":
    # YAML folds a line break into a space, and Chinese is written without spaces.
    report = Report()
    text = ("summary: 白鹤镇党委书记谈大调研，\n  截至4月26日共收集问题\n  清单296份\n"
            "mixed: Hello\n  world 白鹤\n  镇\n\n  新段\nquoted: \"白鹤镇，\n  截至\"\nlist:\n  - 第一\n    项\n")
    data = load_yaml(text, "a.yaml", report)
    assert data is not None and report.problems == []
    assert data.value == {"summary": "白鹤镇党委书记谈大调研，截至4月26日共收集问题清单296份",
                          "mixed": "Hello world 白鹤镇\n新段", "quoted": "白鹤镇，截至", "list": ["第一项"]}
    assert data.locate(("list", 0)) == (12, 5)


def test_quoted_and_folded_values_over_several_lines_get_no_space_between_chinese_characters() -> None:
    # "summary: >" (YAML's folded block) and quoted values folded their line breaks into spaces:
    # "谈大调研： 截至" went into 15 files (feeds, lists, tags). A literal block keeps its lines, an
    # escape in quotes or a more-indented line in a folded block leaves the value as YAML made it.
    report = Report()
    text = ("folded: >\n  白鹤镇党委书记谈大调研：\n  截至4月26日。\n"
            "stripped: >-\n  白鹤镇：\n  截至\n\n  新段 English\n  words\n"
            "double: \"白鹤镇：\n  截至\"\nsingle: '白鹤镇：\n  截至'\n"
            "escaped: \"白鹤镇\\t：\n  截至\"\nliteral: |\n  第一行\n  第二行\n"
            "indented: >\n  白鹤镇\n    缩进\n  结束\n")
    data = load_yaml(text, "a.yaml", report)
    assert data is not None and report.problems == []
    assert data.value == {"folded": "白鹤镇党委书记谈大调研：截至4月26日。\n", "stripped": "白鹤镇：截至\n新段 English words",
                          "double": "白鹤镇：截至", "single": "白鹤镇：截至", "escaped": "白鹤镇\t： 截至",
                          "literal": "第一行\n第二行\n", "indented": "白鹤镇\n  缩进\n结束\n"}


# A value as long as a summary (with ": " in it) and the comment sitegen new writes after it: a hint giving
# the line to type gives all of it; cut with "…", pasted it lost the value's end and its closing quote.
LONG = ("华新镇党委书记谈大调研: 截至4月26日开展调研318批次、收集问题清单296份；镇里正补齐红白事场所、日托中心等民生短板，"
        "并计划做大做强白鹤草莓，推进乡村振兴和城乡融合发展的各项重点工作。")
PLAIN = LONG.replace(": ", "：")  # the same, with nothing YAML reads in it
NOTE = "   # 摘要，不写则取正文开头 summary; else the start of the text"


@pytest.mark.parametrize(("text", "how", "meant"), [
    (f"summary: {LONG}{NOTE}\n", "wrap the whole value in quotes", LONG),
    (f"summary：{LONG}{NOTE}\n",
     'type an English colon followed by a space, and put the value in quotes, as it holds ": "', LONG),
    (f"summary:{PLAIN}{NOTE}\n", "add a space after the colon", PLAIN),
    (f"summary:\u3000{PLAIN}{NOTE}\n", "replace it with an ordinary space", PLAIN),
    (f"summary: 第三期 #3 {PLAIN}{NOTE}\n", "if the # belongs to the value, wrap the whole value in quotes",
     f"第三期 #3 {PLAIN}"),
    (f"summary: #1 {PLAIN}{NOTE}\n", "put the value in quotes", f"#1 {PLAIN}"),
    (f"summary: @{PLAIN}{NOTE}\n", "wrap the whole value in quotes", f"@{PLAIN}"),
    (f'summary: "C:\\temp {PLAIN}"{NOTE}\n', "to keep backslashes as typed, use single quotes",
     f"C:\\temp {PLAIN}"),
    (f'summary: "{LONG}{NOTE}\n', 'add the closing " at the end of the value', LONG),
    (f"summary: [{PLAIN.replace('，', ', ')}{NOTE}\n", "add the closing ] at the end of the value",
     PLAIN.split("，")),
    (f"summary: [{PLAIN.replace('，', ', , ', 1).replace('，', ', ')}]{NOTE}\n", "delete the extra comma",
     PLAIN.split("，")),
])
def test_a_hint_gives_a_long_line_whole_and_the_line_is_read_as_meant(text: str, how: str, meant: object) -> None:
    _, report = load(text)
    [problem] = report.problems
    assert problem.hint.startswith(f"{how}: ") and "…" not in problem.hint
    fixed = problem.hint[len(how) + 2:]
    assert fixed.endswith(NOTE) and ok(fixed + "\n").value == {"summary": meant}


# "大调研"微访谈"共建"项目: the hint once turned the first pair into Chinese quotes and left the second as
# typed, so the pasted line published “大调研”微访谈"共建"项目. Every pair is turned (an odd number of quotes:
# test_a_value_with_an_odd_number_of_quotes_gets_each_reading). The long summary holds ": ", so its Chinese
# quotes go inside YAML quotes: the steps once left them out, and the line typed so could not be read.
@pytest.mark.parametrize(("text", "chinese", "steps"), [
    ('title: "大调研"微访谈"共建"项目   # 标题 title\n', "title: “大调研”微访谈“共建”项目   # 标题 title", None),
    ("title: '大调研'微'访'谈'共建'项目\n", "title: ‘大调研’微‘访’谈‘共建’项目", None),
    (f"summary: '大调研' {LONG * 4}'共建'\n", None,
     "or type Chinese quotes: ‘ in place of each opening ' and ’ in place of each closing one, and then type \" "
     "before the value's first character and another \" after its last"),
])
def test_the_chinese_quotes_fix_turns_every_pair_of_quotes(text: str, chinese: str | None, steps: str | None) -> None:
    _, report = load(text)
    [problem] = report.problems
    if chinese is None:
        assert problem.hint.endswith(f"({steps})")
        return
    assert problem.hint.endswith(f"(or type Chinese quotes: {chinese})")
    key = text.split(":", 1)[0]
    meant = chinese.split(": ", 1)[1].split("   #", 1)[0]
    assert ok(chinese + "\n").value == {key: meant}


def typed_in(text: str, line: int, typed: str) -> str:
    """``text`` with its line ``line`` (1-based) typed again as ``typed``, at the same indentation."""
    lines = text.split("\n")
    old = lines[line - 1]
    lines[line - 1] = old[:len(old) - len(old.lstrip(" "))] + typed
    return "\n".join(lines)


TAGGED = "to tag the page {tag}, delete the {q}: {line}; if the quotes are part of the tag: "
"""How the hint for a tag typed with quotes in it starts: the tag without them, then the fixes that keep them."""

ODD = ('one of the 3 {q} has no partner; to keep the others as typed, put the {what} in {kind} quotes, or type '
       "Chinese quotes in place of each pair: ")
"""How the hint for a value with an odd number of quotes starts."""


# "草莓"产业" (three quotes) was offered - 草莓"产业 or - “草莓”产业": followed, a stray " was published. Each
# reading is offered now, and each line offered, typed in, is read as the text it says.
@pytest.mark.parametrize(("text", "at", "hint", "offered"), [
    ('tags:\n  - "草莓"产业"\n  - 民生\n', (2, 9),
     TAGGED.format(tag="草莓产业", q='"', line="- 草莓产业")
     + ODD.format(q='"', what="value", kind="single")
     + """if the last " is one too many: - '"草莓"产业' (or, in Chinese quotes: - “草莓”产业); """
     """if the first " is one too many: - '草莓"产业"' (or, in Chinese quotes: - 草莓“产业”)""",
     {"- 草莓产业": "草莓产业", "- '\"草莓\"产业'": '"草莓"产业', "- “草莓”产业": "“草莓”产业",
      "- '草莓\"产业\"'": '草莓"产业"',
      "- 草莓“产业”": "草莓“产业”"}),
    ('tags:\n  - 大调研\n  - "草莓"产业"   # 标签\n  - 民生\n', (3, 9),
     TAGGED.format(tag="草莓产业", q='"', line="- 草莓产业   # 标签")
     + ODD.format(q='"', what="value", kind="single")
     + """if the last " is one too many: - '"草莓"产业'   # 标签 (or, in Chinese quotes: - “草莓”产业   # 标签); """
     """if the first " is one too many: - '草莓"产业"'   # 标签 (or, in Chinese quotes: - 草莓“产业”   # 标签)""",
     {"- 草莓产业   # 标签": "草莓产业", "- '\"草莓\"产业'   # 标签": '"草莓"产业', "- “草莓”产业   # 标签": "“草莓”产业",
      "- '草莓\"产业\"'   # 标签": '草莓"产业"', "- 草莓“产业”   # 标签": "草莓“产业”"}),
    ('misspellings:\n  - 百合镇\n  - "白"河"镇\n', (3, 8),
     'delete the ": a misspelling holds no quote marks: - 白河镇', {"- 白河镇": "白河镇"}),
    ('tags:\n  - ""补短板"\n', (2, 7),  # read the other way, it would hold "" (no text has an empty pair)
     TAGGED.format(tag="补短板", q='"', line="- 补短板")
     + ODD.format(q='"', what="value", kind="single")
     + """the first " is one too many: - '"补短板"' (or, in Chinese quotes: - "“补短板”")""",
     {"- 补短板": "补短板", "- '\"补短板\"'": '"补短板"', '- "“补短板”"': "“补短板”"}),
    ("tags:\n  - '草莓'产业'\n", (2, 9),
     TAGGED.format(tag="草莓产业", q="'", line="- 草莓产业")
     + ODD.format(q="'", what="value", kind="double")
     + """if the last ' is one too many: - "'草莓'产业" (or, in Chinese quotes: - ‘草莓’产业); """
     """if the first ' is one too many: - "草莓'产业'" (or, in Chinese quotes: - 草莓‘产业’)""",
     {"- 草莓产业": "草莓产业", "- \"'草莓'产业\"": "'草莓'产业", "- ‘草莓’产业": "‘草莓’产业", "- \"草莓'产业'\"": "草莓'产业'",
      "- 草莓‘产业’": "草莓‘产业’"}),
    ('title: "重固镇："把问题解决在家门口"\n', (1, 14),
     ODD.format(q='"', what="value", kind="single")
     + """if the last " is one too many: title: '"重固镇："把问题解决在家门口' (or, in Chinese quotes: """
     """title: “重固镇：”把问题解决在家门口); if the first " is one too many: title: '重固镇："把问题解决在家门口"' """
     """(or, in Chinese quotes: title: 重固镇：“把问题解决在家门口”)""",
     {"title: '\"重固镇：\"把问题解决在家门口'": '"重固镇："把问题解决在家门口', "title: “重固镇：”把问题解决在家门口":
      "“重固镇：”把问题解决在家门口", "title: '重固镇：\"把问题解决在家门口\"'": '重固镇："把问题解决在家门口"',
      "title: 重固镇：“把问题解决在家门口”": "重固镇：“把问题解决在家门口”"}),
    ('title: "大调研"微访谈"共建\n', (1, 13),
     ODD.format(q='"', what="value", kind="single")
     + """if the last " is one too many: title: '"大调研"微访谈共建' (or, in Chinese quotes: title: “大调研”微访谈共建); """
     """if the first " is one too many: title: '大调研"微访谈"共建' (or, in Chinese quotes: title: 大调研“微访谈”共建); """
     """if a closing " is missing at the end: title: '"大调研"微访谈"共建"' (or, in Chinese quotes: """
     """title: “大调研”微访谈“共建”)""",
     {"title: '\"大调研\"微访谈共建'": '"大调研"微访谈共建', "title: “大调研”微访谈共建": "“大调研”微访谈共建",
      "title: '大调研\"微访谈\"共建'": '大调研"微访谈"共建', "title: 大调研“微访谈”共建": "大调研“微访谈”共建",
      "title: '\"大调研\"微访谈\"共建\"'": '"大调研"微访谈"共建"', "title: “大调研”微访谈“共建”": "“大调研”微访谈“共建”"}),
    ('tags: ["草莓"产业", 民生]\n', (1, 12),
     TAGGED.format(tag="草莓产业", q='"', line="tags: [草莓产业, 民生]")
     + ODD.format(q='"', what="item", kind="single")
     + """if the last " is one too many: tags: ['"草莓"产业', 民生] (or, in Chinese quotes: tags: [“草莓”产业, 民生]); """
     """if the first " is one too many: tags: ['草莓"产业"', 民生] (or, in Chinese quotes: tags: [草莓“产业”, 民生])""",
     {"tags: [草莓产业, 民生]": ["草莓产业", "民生"], "tags: ['\"草莓\"产业', 民生]": ['"草莓"产业', "民生"], "tags: [“草莓”产业, 民生]": ["“草莓”产业", "民生"],
      "tags: ['草莓\"产业\"', 民生]": ['草莓"产业"', "民生"], "tags: [草莓“产业”, 民生]": ["草莓“产业”", "民生"]}),
    ('tags: [大调研, "草莓"产业"]   # 标签\n', (1, 17),
     TAGGED.format(tag="草莓产业", q='"', line="tags: [大调研, 草莓产业]   # 标签")
     + ODD.format(q='"', what="item", kind="single")
     + """if the last " is one too many: tags: [大调研, '"草莓"产业']   # 标签 (or, in Chinese quotes: """
     """tags: [大调研, “草莓”产业]   # 标签); if the first " is one too many: tags: [大调研, '草莓"产业"']   # 标签 """
     """(or, in Chinese quotes: tags: [大调研, 草莓“产业”]   # 标签)""",
     {"tags: [大调研, 草莓产业]   # 标签": ["大调研", "草莓产业"],
      "tags: [大调研, '\"草莓\"产业']   # 标签": ["大调研", '"草莓"产业'], "tags: [大调研, “草莓”产业]   # 标签":
      ["大调研", "“草莓”产业"], "tags: [大调研, '草莓\"产业\"']   # 标签": ["大调研", '草莓"产业"'],
      "tags: [大调研, 草莓“产业”]   # 标签": ["大调研", "草莓“产业”"]}),
])
def test_a_value_with_an_odd_number_of_quotes_gets_each_reading(text: str, at: tuple[int, int], hint: str,
                                                                 offered: dict[str, object]) -> None:
    _, report = load(text)
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (*at, "there is more text after the closing quote" + " of this item" * ("[" in text)
         + f" (YAML parser: {_parser_words(text)})", hint)]
    key = text.split(":", 1)[0]
    for typed, meant in offered.items():
        assert f": {typed}" in hint
        value = ok(typed_in(text, at[0], typed)).value[key]
        assert (value if isinstance(meant, list) else value[at[0] - 2] if isinstance(value, list) else value) == meant


def _parser_words(text: str) -> str:
    """PyYAML's words for the text after an item's or a value's closing quote, as `load` puts them in parentheses."""
    if "[" in text:
        return "while parsing a flow sequence: did not find expected ',' or ']'"
    if text.startswith("title"):
        return "while parsing a block mapping: did not find expected key"
    return "while parsing a block collection: did not find expected '-' indicator"


# tags: ["大调研", ""补短板""] (a tag typed in quotes, its own quotes typed inside them) got only "check this
# line and the one above …". Now the item is told as a value is (``title: "重固镇："把问题解决在家门口""``), in the
# line typed, the other items kept; and a Chinese-quoted item goes in quotes, as typed bare in a list of words
# (tags, aliases, misspellings) its quotes are taken for ones typed around the word by mistake.
WRAPPED = ('the first and last {q} only wrap the {what}: to keep the {q} inside it as typed, put it in {kind} quotes '
           "instead: {kept} (or type Chinese quotes inside it: {chinese})")


@pytest.mark.parametrize(("text", "at", "hint", "offered"), [
    ('tags: [""补短板"", 民生]\n', (1, 10),
     TAGGED.format(tag="补短板", q='"', line='tags: [补短板, 民生]')
     + WRAPPED.format(what="item", q='"', kind="single", kept="""tags: ['"补短板"', 民生]""", chinese='tags: ["“补短板”", 民生]'),
     {"tags: [补短板, 民生]": ["补短板", "民生"],
      """tags: ['"补短板"', 民生]""": ['"补短板"', "民生"], 'tags: ["“补短板”", 民生]': ["“补短板”", "民生"]}),
    ('tags: [大调研, ""补短板"", 民生]   # 标签\n', (1, 15),
     TAGGED.format(tag="补短板", q='"', line='tags: [大调研, 补短板, 民生]   # 标签')
     + WRAPPED.format(what="item", q='"', kind="single", kept="""tags: [大调研, '"补短板"', 民生]   # 标签""",
                    chinese='tags: [大调研, "“补短板”", 民生]   # 标签'),
     {"tags: [大调研, 补短板, 民生]   # 标签": ["大调研", "补短板", "民生"],
      """tags: [大调研, '"补短板"', 民生]   # 标签""": ["大调研", '"补短板"', "民生"],
      'tags: [大调研, "“补短板”", 民生]   # 标签': ["大调研", "“补短板”", "民生"]}),
    ('tags: ["大调研", ""补短板""]\n', (1, 17),
     TAGGED.format(tag="补短板", q='"', line='tags: ["大调研", 补短板]')
     + WRAPPED.format(what="item", q='"', kind="single", kept="""tags: ["大调研", '"补短板"']""",
                    chinese='tags: ["大调研", "“补短板”"]'),
     {'tags: ["大调研", 补短板]': ["大调研", "补短板"],
      """tags: ["大调研", '"补短板"']""": ["大调研", '"补短板"'], 'tags: ["大调研", "“补短板”"]': ["大调研", "“补短板”"]}),
    ("tags: [大调研, ''补短板'']\n", (1, 15),
     TAGGED.format(tag="补短板", q="'", line='tags: [大调研, 补短板]')
     + WRAPPED.format(what="item", q="'", kind="double", kept="""tags: [大调研, "'补短板'"]""", chinese='tags: [大调研, "‘补短板’"]'),
     {"tags: [大调研, 补短板]": ["大调研", "补短板"],
      """tags: [大调研, "'补短板'"]""": ["大调研", "'补短板'"], 'tags: [大调研, "‘补短板’"]': ["大调研", "‘补短板’"]}),
    ('tags: ["大调研", "补"短"板"]\n', (1, 18),
     TAGGED.format(tag="补短板", q='"', line='tags: ["大调研", 补短板]')
     + """if the first and last " only wrap the item: to keep the " inside it as typed, put it in single quotes """
     """instead: tags: ["大调研", '补"短"板'] (or type Chinese quotes inside it: tags: ["大调研", 补“短”板]); if they """
     """are part of it, to keep the " as typed, put the whole item in single quotes: tags: ["大调研", '"补"短"板"'] """
     """(or type Chinese quotes: tags: ["大调研", "“补”短“板”"])""",
     {'tags: ["大调研", 补短板]': ["大调研", "补短板"],
      """tags: ["大调研", '补"短"板']""": ["大调研", '补"短"板'], 'tags: ["大调研", 补“短”板]': ["大调研", "补“短”板"],
      """tags: ["大调研", '"补"短"板"']""": ["大调研", '"补"短"板"'],
      'tags: ["大调研", "“补”短“板”"]': ["大调研", "“补”短“板”"]}),
    ('tags: [大调研, "补"短板, "民生"]\n', (1, 16),
     TAGGED.format(tag="补短板", q='"', line='tags: [大调研, 补短板, "民生"]')
     + """to keep the " as typed, put the whole item in single quotes: tags: [大调研, '"补"短板', "民生"] """
     """(or type Chinese quotes: tags: [大调研, “补”短板, "民生"])""",
     {'tags: [大调研, 补短板, "民生"]': ["大调研", "补短板", "民生"],
      """tags: [大调研, '"补"短板', "民生"]""": ["大调研", '"补"短板', "民生"],
      'tags: [大调研, “补”短板, "民生"]': ["大调研", "“补”短板", "民生"]}),
    ('tags:\n  - ""补短板""\n  - 民生\n', (2, 7),
     TAGGED.format(tag="补短板", q='"', line='- 补短板')
     + WRAPPED.format(what="value", q='"', kind="single", kept="""- '"补短板"'""", chinese='- "“补短板”"'),
     {"- 补短板": "补短板",
      """- '"补短板"'""": '"补短板"', '- "“补短板”"': "“补短板”"}),
    ('tags:\n  - 民生\n  - "补"短"板"\n', (3, 8),
     TAGGED.format(tag="补短板", q='"', line='- 补短板')
     + """if the first and last " only wrap the value: to keep the " inside it as typed, put it in single quotes """
     """instead: - '补"短"板' (or type Chinese quotes inside it: - 补“短”板); if they are part of it, to keep the " """
     """as typed, put the whole value in single quotes: - '"补"短"板"' (or type Chinese quotes: - "“补”短“板”")""",
     {"- 补短板": "补短板",
      """- '补"短"板'""": '补"短"板', "- 补“短”板": "补“短”板", """- '"补"短"板"'""": '"补"短"板"',
      '- "“补”短“板”"': "“补”短“板”"}),
])
def test_an_item_with_quotes_of_its_own_inside_its_quotes_is_offered_both_forms(
        text: str, at: tuple[int, int], hint: str, offered: dict[str, object]) -> None:
    _, report = load(text)
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (*at, "there is more text after the closing quote" + " of this item" * ("[" in text)
         + f" (YAML parser: {_parser_words(text)})", hint)]
    for typed, meant in offered.items():
        assert f": {typed}" in hint
        value = ok(typed_in(text, at[0], typed)).value["tags"]
        assert (value if isinstance(meant, list) else value[at[0] - 2]) == meant


def test_an_item_in_brackets_over_several_lines_is_offered_its_line() -> None:
    text = 'tags: [\n  大调研,\n  ""补短板"",\n  民生,\n]\n'
    _, report = load(text)
    hint = TAGGED.format(tag="补短板", q='"', line="补短板,") + WRAPPED.format(
        what="item", q='"', kind="single", kept="""'"补短板"',""", chinese='"“补短板”",')
    assert [(p.line, p.column, p.hint) for p in report.problems] == [(3, 5, hint)]
    assert ok(typed_in(text, 3, "补短板,")).value == {"tags": ["大调研", "补短板", "民生"]}
    assert ok(typed_in(text, 3, """'"补短板"',""")).value == {"tags": ["大调研", '"补短板"', "民生"]}
    assert ok(typed_in(text, 3, '"“补短板”",')).value == {"tags": ["大调研", "“补短板”", "民生"]}


def test_an_item_whose_quotes_go_on_past_a_comma_gets_the_general_hint() -> None:
    # [大调研, ""补短板, 民生""]: one tag or two cannot be told, and a line offered for ""补短板 alone would be
    # read with 民生"" in it.
    _, report = load('tags: [大调研, ""补短板, 民生""]\n')
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (1, 15, "the YAML cannot be read here (YAML parser: while parsing a flow sequence: did not find expected "
         "',' or ']')", 'check this line and the one above: spaces (not TABs) for indentation, a space after ":" '
         "in key: value, and quotes and brackets closed")]



@pytest.mark.parametrize("after", ["&a [x, x], &b [*a, *a, *a]", "[" * 2000 + "]" * 2000])
def test_what_follows_an_item_is_not_read_when_it_could_be_hostile(after: str) -> None:
    # Whether the items after ""补短板"" are typed right is read with PyYAML: never its aliases or deep nesting.
    _, report = load(f'tags: [""补短板"", {after}]\n')
    [problem] = report.problems
    assert (problem.line, problem.column, problem.hint) == (1, 10, yamlexplain.UNREADABLE[1])

def test_a_long_value_with_quotes_around_its_start_gets_both_fixes_whole() -> None:
    _, report = load(f'summary: "大调研"{PLAIN}{NOTE}\n')
    [problem] = report.problems
    single, chinese = problem.hint.removesuffix(")").split(" (or type Chinese quotes: ")
    how = 'to keep the " as typed, put the whole value in single quotes: '
    assert single.startswith(how) and "…" not in problem.hint
    assert ok(single[len(how):] + "\n").value == {"summary": f'"大调研"{PLAIN}'}
    assert ok(chinese + "\n").value == {"summary": f"“大调研”{PLAIN}"}


def test_a_long_first_line_typed_with_a_space_before_it_is_given_whole() -> None:
    _, report = load(f" summary: {PLAIN}{NOTE}\ntitle: 访谈\n")
    [problem] = report.problems
    how = "remove the space at the start of the line: "
    assert problem.hint.startswith(how) and "…" not in problem.hint
    assert ok(problem.hint[len(how):] + "\ntitle: 访谈\n").value == {"summary": PLAIN, "title": "访谈"}


def test_a_list_item_typed_without_its_space_is_given_whole() -> None:
    _, report = load(f"actions:\n  -{PLAIN}\n")
    [problem] = report.problems
    assert problem.hint == f'add a space after "-", keeping the 2 spaces before it: - {PLAIN}'
    assert ok(f"actions:\n  {problem.hint.split(': ', 1)[1]}\n").value == {"actions": [PLAIN]}


@pytest.mark.parametrize(("text", "hint"), [
    ("actions:\n-走访\n", 'add a space after "-": - 走访'),
    ("actions:\n -走访\n", 'add a space after "-", keeping the space before it: - 走访'),
    ("tallies:\n  - as_of: 2018-04-26\n    notes:\n      －走访\n",
     'type a half-width "-" and a space, keeping the 6 spaces before it: - 走访')])
def test_a_list_dash_hint_says_to_keep_the_spaces_before_it_which_the_line_it_gives_leaves_out(
        text: str, hint: str) -> None:
    # The hint gave "- 走访" alone: typed in place of "  -走访", as the editing guide says to, the item lost its
    # indent and the next run told "this list item lost its indent".
    _, report = load(text)
    assert [problem.hint for problem in report.problems] == [hint]


def test_a_group_typed_with_a_long_value_on_its_line_gets_the_line_whole() -> None:
    report = Report()
    load_yaml(f"interviewee: {PLAIN}\n  role: 党委书记\n", "content/interviews/x.md", report,
              groups=group_fields(InterviewMeta))
    [problem] = report.problems
    how = 'write "interviewee:" alone on its line, and under it, indented as "role:" is, the line "'
    assert problem.hint.startswith(how) and problem.hint.endswith('"')
    line = problem.hint[len(how):-1]
    assert ok(f"interviewee:\n{line}\n  role: 党委书记\n").value == {"interviewee": {"name": PLAIN, "role": "党委书记"}}


# Longer than a hint gives to type (PASTE_LIMIT), the line is not shown: the hint says what to type, and where.
@pytest.mark.parametrize(("text", "hint"), [
    (f"summary: {LONG * 4}{NOTE}\n",
     'wrap the whole value in quotes: type " before the value\'s first character and another " after its last '
     '(before the comment "# 摘要，不写则取正文开头 summa…")'),
    (f"summary: {LONG * 4}\n",
     'wrap the whole value in quotes: type " before the value\'s first character and another " after its last'),
    # LONG holds ": ": with Chinese quotes in place of the ' the value still needs YAML quotes around it.
    (f"summary: '大调研' {LONG * 4}\n",
     "to keep the ' as typed, put the whole value in double quotes: type \" before the value's first character and "
     "another \" after its last (or type Chinese quotes: ‘ in place of the first ' and ’ in place of the second, "
     "and then type \" before the value's first character and another \" after its last)"),
    (f"summary: 他说\"好\"，'大调研' {LONG * 4}\n",
     'wrap the whole value in quotes: type \' before the value\'s first character and another \' after its last, '
     "and type each ' inside the value twice"),
    (f'summary: "{LONG * 4}{NOTE}\n',
     'add the closing " at the end of the value (before the comment "# 摘要，不写则取正文开头 summa…")'),
    (f"summary:{PLAIN * 4}{NOTE}\n", "add a space after the colon"),
    (f"summary：{LONG * 4}\n",
     'type an English colon followed by a space, and put the value in quotes, as it holds ": ": '
     'type " before the value\'s first character and another " after its last'),
])
def test_a_line_too_long_to_type_again_gets_a_hint_in_words(text: str, hint: str) -> None:
    _, report = load(text)
    assert [p.hint for p in report.problems] == [hint]


def test_an_item_of_a_list_typed_with_a_hash_is_told_at_the_hash_with_both_fixes() -> None:
    # tags: [#大调研, 民生] (a hashtag) was reported at the closing --- line, lines below, with the
    # general hint "check this line and the one above".
    def told(text: str) -> list[str]:
        report = Report()
        load_yaml(text, "a.md", report, first_line=2)
        return [p.format() for p in report.problems]

    glued = told("title: 访谈\ntags: [#大调研, 民生]   # 标签\n")
    assert glued == [
        'a.md:3:8: error: an item of a list cannot begin with "#" in YAML, so this list cannot be read: #大调研\n'
        "  hint: delete the # (a tag or item is written without it): tags: [大调研, 民生]   # 标签; or, to keep it, "
        'put the item in quotes: tags: ["#大调研", 民生]   # 标签']
    spaced = told("tags: [大调研, #民生]\n")
    assert spaced == [
        'a.md:2:13: error: "#" after a space starts a comment in YAML, so this list is cut short here\n'
        "  hint: delete the # (a tag or item is written without it): tags: [大调研, 民生]; or, to keep it, put the "
        'item in quotes: tags: [大调研, "#民生"]']
    # Each line offered, pasted, reads as meant.
    for hint, meant in ((glued[0], [["大调研", "民生"], ["#大调研", "民生"]]),
                        (spaced[0], [["大调研", "民生"], ["大调研", "#民生"]])):
        offered = [part.split(": ", 1)[1] for part in hint.split("hint: ", 1)[1].split("; or, ")]
        assert [yaml.safe_load(line)["tags"] for line in offered] == meant
    # An item holding a backslash is quoted so that it reads as typed (single quotes: no escapes).
    kept = told("tags: [#C:\\temp, 民生]\n")[0].split("put the item in quotes: ", 1)[1]
    assert kept == "tags: ['#C:\\temp', 民生]" and yaml.safe_load(kept)["tags"] == ["#C:\\temp", "民生"]
    # A comment between the lines of a list written over several lines is a comment.
    report = Report()
    data = load_yaml("tags: [大调研,   # 第一个\n       民生]\n", "a.md", report, first_line=2)
    assert report.problems == [] and data is not None and data.value == {"tags": ["大调研", "民生"]}


# Typed with an input method, the space before a line's comment is often full-width: YAML then reads the
# comment as value, and `title: 白鹤镇：补好短板发挥优势　　# 标题 title` published "# 标题 title" in the <h1>
# without a word (in `unit:`, it named a unit that does not exist). A warning at the "#": the "#" may be the text's
# (活动　#白鹤草莓节#), and quotes say so.
@pytest.mark.parametrize(("text", "column", "why", "fix", "comment", "meant"), [
    ("title: 白鹤镇：补好短板发挥优势　　# 标题 title\n", 22, "the full-width space (全角空格) before it",
     "type the space before the # as an ordinary space (半角), not a full-width one", "# 标题 title",
     {"title": "白鹤镇：补好短板发挥优势"}),
    ("unit: baihe\u00a0# 白鹤镇\n", 13, "the no-break space before it",
     "type the space before the # as an ordinary space, not a no-break one", "# 白鹤镇", {"unit": "baihe"}),
    ("role: 中共白鹤镇党委书记 ＃ 职务\n", 17, "its full-width ＃ (全角)", "type the # in half width (半角)", "＃ 职务",
     {"role": "中共白鹤镇党委书记"}),
    ("role: 党委书记　#待核实\n", 12, "the full-width space (全角空格) before it",
     "type the space before the # as an ordinary space (半角), not a full-width one", "#待核实", {"role": "党委书记"}),
    ("- 白鹤镇　# 旧称\n", 7, "the full-width space (全角空格) before it",
     "type the space before the # as an ordinary space (半角), not a full-width one", "# 旧称", ["白鹤镇"]),
])
def test_a_note_typed_after_a_full_width_space_is_warned_with_the_line_fixed(
        text: str, column: int, why: str, fix: str, comment: str, meant: object) -> None:
    data, report = load(text)
    [problem] = report.problems
    assert (problem.severity, problem.line, problem.column) == ("warning", 1, column)
    typed = text.split(": ", 1)[1] if ": " in text.split("\n")[0] else text[2:]
    assert problem.message == (f'the note "{comment}" is published as text, because of {why}: YAML reads an '
                               'ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
                               f'"{typed.rstrip()}"')
    assert data is not None and data.value == ({key: typed.rstrip() for key in meant} if isinstance(meant, dict)
                                               else [typed.rstrip()])  # what is published, as told
    fixed, quoted = problem.hint[len(fix) + 2:].split("; if the # belongs to the text, wrap the whole value in quotes: ")
    assert problem.hint.startswith(fix + ": ")
    assert ok(fixed + "\n").value == meant  # followed: the note is a note, the value as meant
    assert ok(quoted + "\n").value == data.value  # or the # kept as text, without a word


def test_a_note_typed_after_a_full_width_space_in_a_text_of_several_lines_is_moved_above_its_key() -> None:
    # "note: 文章原文　#待核实" with the text going on below: told to type an ordinary space, the editor got a note in the
    # middle of the text, which YAML refuses ("this line is not lined up"). A line of the text going on is told too:
    # it was published without a word.
    text = "tally:\n  note: 文章原文　#待核实\n    第二行　＃备注\n    第三行\n"
    _, report = load(text)
    assert shown(report) == [
        'data/x.yaml:2:14: warning: the note "#待核实" is published as text, because of the full-width space (全角空格) '
        'before it: YAML reads an ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
        "it in the text, with the lines below\n"
        "  hint: cut #待核实 from this line, with the space before it; to keep it a note, type it on a line of its own "
        "above line 2:   # 待核实",
        'data/x.yaml:3:9: warning: the note "＃备注" is published as text, because of the full-width space (全角空格) '
        'before it: YAML reads an ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
        "it in the text, with the lines below\n"
        "  hint: cut ＃备注 from this line, with the space before it; to keep it a note, type it on a line of its own "
        "above line 2:   # 备注"]
    followed = "tally:\n  # 待核实\n  # 备注\n  note: 文章原文\n    第二行\n    第三行\n"
    assert ok(followed).value == {"tally": {"note": "文章原文第二行第三行"}}
    # On the text's last line, the note may end it: the line is given.
    _, report = load("note: 文章原文\n  第二行　# 备注\n")
    assert [problem.hint for problem in report.problems] == [
        "type the space before the # as an ordinary space (半角), not a full-width one:   第二行   # 备注"]
    assert ok("note: 文章原文\n  第二行   # 备注\n").value == {"note": "文章原文第二行"}


def test_a_note_typed_after_a_full_width_space_in_a_block_text_is_warned_as_a_note_there() -> None:
    # Inside "|" or ">", "　#待核实" was published with the text, unlike "   # 待核实", which was warned.
    _, report = load("summary: |\n  居民很满意。　#待核实\n  第二行\n")
    assert shown(report) == [
        'data/x.yaml:2:10: warning: "#待核实" at the end of this line is part of the text of "summary:" (typed after '
        '"|" on line 1), not a note (说明): inside a text YAML does not read "#" as a note, so it is published with '
        "the text\n"
        '  hint: cut it from this line, with the spaces before it; to keep it a note, put it after the "|" on line 1: '
        "summary: |   # 待核实"]
    assert ok("summary: |   # 待核实\n  居民很满意。\n  第二行\n").value == {"summary": "居民很满意。\n第二行\n"}


def test_a_note_typed_after_a_full_width_space_in_brackets_is_moved_after_them() -> None:
    # "aliases: [白鹤　#旧称]" made the alias "白鹤　#旧称" without a word.
    data, report = load("aliases: [白鹤　#旧称, 白鹤镇]\n")
    assert shown(report) == [
        'data/x.yaml:1:14: warning: the note "#旧称" is published as text, because of the full-width space (全角空格) '
        'before it: YAML reads an ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
        'the item "白鹤　#旧称"\n'
        "  hint: cut it from the item, with the space before it; to keep it a note, type it after the brackets: "
        "aliases: [白鹤, 白鹤镇]   # 旧称"]
    assert data is not None and data.value == {"aliases": ["白鹤　#旧称", "白鹤镇"]}
    assert ok("aliases: [白鹤, 白鹤镇]   # 旧称\n").value == {"aliases": ["白鹤", "白鹤镇"]}
    # In quotes, or with no space before it, the "#" is the item's.
    assert ok('aliases: ["白鹤　#旧称", 参加#白鹤#活动]\n').value == {"aliases": ["白鹤　#旧称", "参加#白鹤#活动"]}


def test_a_hash_in_quotes_or_glued_to_text_is_no_note_typed_with_an_input_method() -> None:
    # A "#" with no space before it is text (a topic: #白鹤#), as is one inside quotes.
    for text in ('role: "党委书记　#待核实"\n', "title: 参加#白鹤草莓节#活动\n", "title: 草莓节　活动\n",
                 "summary: |\n  参加#白鹤#活动\n"):
        assert ok(text).value is not None


def test_odd_spaces_starting_a_line_inside_brackets_or_quotes_are_told() -> None:
    # tags: [大调研, 补短板, then "　　草莓产业, 民生]" published the tag "　　草莓产业": YAML drops only ordinary spaces there.
    for typed, line, column, char, inside in (
            ("tags: [大调研, 补短板,\n\u3000\u3000草莓产业, 民生]\n", 2, 1, "\u3000", "the brackets"),
            ('summary: "截至4月26日318批次\n\u3000\u3000收集问题清单"\n', 2, 1, "\u3000", "the quotes"),
            ("summary: '第一句\n  \u00a0第二句'\n", 2, 3, "\u00a0", "the quotes"),
            ('tags: ["大调研,\n\u3000补短板"]\n', 2, 1, "\u3000", "the quotes")):
        _, report = load(typed)
        assert shown(report) == [
            f"data/x.yaml:{line}:{column}: error: {space_name(char)} starts this line inside {inside} opened above, so "
            "YAML keeps it as part of the value\n  hint: replace the spaces at the start of the line with ordinary "
            "spaces (switch the input method to 半角)"]
        assert "\u3000" not in str(ok(typed.replace(char, " ")).value)  # followed: the value as seen
    _, report = load("tags: [a,\n\u3000\u3000\n  b]\n")
    assert [(p.line, p.hint) for p in report.problems] == [(2, "delete the spaces on this line")]
    # Ordinary spaces, and full-width ones that are text in a block (a paragraph's indent in description: |), are fine.
    assert ok("tags: [大调研, 补短板,\n    草莓产业, 民生]\n").value == {"tags": ["大调研", "补短板", "草莓产业", "民生"]}
    assert ok("description: |\n  \u3000\u3000第一段\n").value == {"description": "\u3000\u3000第一段\n"}


def _load_record(text: str, model: type) -> list[tuple[int, int, str, str]]:
    """The problems of ``text`` read as front matter or a record of ``model``, with what the records know."""
    from sitegen.validation import group_fields, names_a_field
    report = Report()
    load_yaml(text, "x.md", report, groups=group_fields(model), names=names_a_field(model))
    return [(p.line, p.column, p.message, p.hint) for p in report.problems]


def test_a_field_of_the_file_typed_after_a_group_with_odd_spaces_or_a_tab_goes_to_the_left_edge() -> None:
    # "　date:" below interviewee's fields was told to line up with role:; that made date an unknown field of
    # interviewee, and following the next two hints deleted the page's date.
    page = "interviewee:\n  name: 张三\n  role: 中共白鹤镇党委书记\n{}date: 2018-05-03 10:00\n"
    for odd, message, hint in (
            ("\u3000", "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces",
             "delete the spaces at the start of the line"),
            ("\u00a0", f"{NBSP} is used for indentation; YAML needs ordinary spaces",
             "delete the spaces at the start of the line"),
            ("\t", TAB_MESSAGE, "delete the TAB (制表符) at the start of the line")):
        assert _load_record(page.format(odd), InterviewMeta) == [
            (4, 1, message, f'{hint}, as "date" is a field of the file\'s own, not of "interviewee:" above it: '
                            "date: 2018-05-03 10:00")]
    unit = "tallies:\n  - as_of: 2018-04-26\n    collected: 1\n\u3000targets:\n  - group: residents\n    target: 80\n"
    assert _load_record(unit, Unit)[0][3] == (
        'delete the spaces at the start of the line, as "targets" is a field of the file\'s own, not of "tallies:" '
        "above it: targets:")
    # A field of the group is lined up in it, as before.
    assert _load_record("interviewee:\n  name: 张三\n\u3000\u3000role: 书记\ndate: 2018-05-03 10:00\n",
                        InterviewMeta)[0][3] == (
        'replace the spaces at the start of the line with 2 ordinary spaces, lined up with "name:" above it: '
        '"  role: 书记"')


def test_a_field_of_the_file_typed_with_fewer_spaces_than_a_groups_fields_goes_to_the_left_edge() -> None:
    # " date:" under interviewee's fields (2 spaces in) was told to line up with name:: followed, date was an
    # unknown field of interviewee and the page had none.
    page = "interviewee:\n  name: 张三\n  role: 书记\n date: 2018-05-03 10:00\ntitle: x\n"
    [(line, column, message, hint)] = _load_record(page, InterviewMeta)
    assert (line, column) == (4, 2) and message.startswith(
        '"date:" is a field of the file, typed with 1 space before it, so YAML reads it under "interviewee:" above, '
        'whose fields ("name:" …) stand 2 spaces in')
    assert hint == "type it at the left edge, with no spaces before it, as the file's other fields: date: 2018-05-03 10:00"
    assert _load_record(page.replace(" date:", "date:"), InterviewMeta) == []
    # A field of the group is lined up with its fields, as before.
    assert _load_record("interviewee:\n    name: 张三\n  role: 书记\n", InterviewMeta)[0][3] == (
        'line it up with "name:": type 2 more spaces at its start: "    role: 书记"')


def test_a_sentence_with_a_full_width_colon_under_an_id_is_text_unless_its_words_name_a_field() -> None:
    # "　　白鹤镇：补好短板…" under unit: baihe was told to lose its spaces, then to take an English colon, then that
    # 白鹤镇 is an unknown field: "remove it".
    told = _load_record("unit: baihe\n\u3000\u3000白鹤镇：补好短板发挥优势，建设丝路名镇\ntitle: 白鹤镇\n", InterviewMeta)
    assert [(line, message) for line, _, message, _ in told] == [
        (2, 'a full-width space (全角空格) starts this line, and it is text, not a field ("name: value")')]
    assert told[0][3].endswith(": # 白鹤镇：补好短板发挥优势，建设丝路名镇")
    # 标题 stands for title: a field typed with a full-width colon, told as such once its spaces are gone.
    told = _load_record("unit: baihe\n\u3000\u3000标题：白鹤镇\n", InterviewMeta)
    assert told[0][2] == "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces"


def test_odd_spaces_between_the_items_in_brackets_are_told() -> None:
    # tags: [大调研,　补短板] published the tag "　补短板", a term apart from 补短板 (its own page, 标签：　补短板).
    hint = "  hint: type an ordinary space after each comma, and none after [ or before ]: "
    for typed, column, char, fixed in (
            ("tags: [大调研,\u3000补短板, 草莓产业, 民生\u3000]", 12, "\u3000", "tags: [大调研, 补短板, 草莓产业, 民生]"),
            ("tags: [\u3000大调研, 草莓产业 \u3000, 民生]", 8, "\u3000", "tags: [大调研, 草莓产业, 民生]"),
            ("misspellings: [白河镇,\u00a0百合镇]", 20, "\u00a0", "misspellings: [白河镇, 百合镇]"),
            ("tags: {a: 1,\u3000b: 2}", 13, "\u3000", "tags: {a: 1, b: 2}")):
        _, report = load(typed + "\n")
        assert shown(report) == [f"data/x.yaml:1:{column}: error: {space_name(char)} stands between the items in "
                                 f"the brackets, so YAML keeps it as part of an item\n{hint}{fixed}"]
        assert not any(char in str(item) for item in ok(fixed + "\n").value.values())
    # Inside quotes, or inside an item, an odd space is the item's own.
    assert ok('tags: ["a,\u3000b", 社区\u3000服务]\n').value == {"tags": ["a,\u3000b", "社区\u3000服务"]}


def test_a_note_after_a_closed_value_and_an_odd_space_is_told_with_the_line_as_meant() -> None:
    # title: "…"　# 标题 was told to go in single quotes: the page's title became "…"　# 标题, quotes and note and all.
    for typed, line, column, char, comment, fixed in (
            ('title: "白鹤镇：补好短板"\u3000\u3000# 标题', 1, 18, "\u3000", "# 标题", 'title: "白鹤镇：补好短板"   # 标题'),
            ("tags: [大调研, 民生]\u00a0# 标签", 1, 16, "\u00a0", "# 标签", "tags: [大调研, 民生]   # 标签"),
            ("aliases: [/news/1.html]\u3000＃ 旧地址", 1, 24, "\u3000", "＃ 旧地址", "aliases: [/news/1.html]   # 旧地址"),
            ("milestones:\n  - date: 2018-01-15\n    title: '召开动员部署会'\u3000#", 3, 21, "\u3000", "#",
             "    title: '召开动员部署会'")):
        _, report = load(typed + "\n")
        assert [(p.line, p.column, p.message.split(" (YAML parser")[0], p.hint) for p in report.problems] == [
            (line, column, f'the comment "{comment}" cannot follow the value after {space_name(char)}: YAML starts a '
                           "comment only at a half-width space followed by a half-width #",
             f"type the space and the # in half width (半角): {fixed}")]
        followed = ok("\n".join(typed.split("\n")[:-1] + [fixed]) + "\n").value
        assert "#" not in str(followed) and "＃" not in str(followed)


def test_an_item_indented_with_odd_spaces_or_a_tab_is_told_once() -> None:
    # "　- 计划打造…" among items at 2 spaces was told its full-width space (2 ordinary spaces) and that it lost its
    # indent (indent it by 2 spaces): doing both put it 4 spaces in, further than the items around it.
    for odd, message, hint in (
            ("\u3000", "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces",
             "replace the spaces at the start of the line with 2 ordinary spaces"),
            ("\t", TAB_MESSAGE, "replace the TAB (制表符) with 2 spaces")):
        typed = f"actions:\n  - 走访企业\n  - 研究政策\n{odd}- 计划打造一家草莓龙头企业\n  - 计划建设基地\n"
        _, report = load(typed)
        assert [(p.line, p.message, p.hint) for p in report.problems] == [
            (4, message, f'{hint}, lined up with the "- " above it: "  - 计划打造一家草莓龙头企业"')]
        lines = typed.split("\n")
        lines[3] = line_as_hinted(report.problems[0].hint, lines[3])
        assert len(ok("\n".join(lines)).value["actions"]) == 4


def test_odd_spaces_on_the_first_line_and_text_under_a_group_are_told_where_the_field_goes() -> None:
    # "　title: …" as the first line was told to become two ordinary spaces, then that a line starts with a space;
    # "　　张三，镇党委书记" under interviewee: became its value, then "interviewee should be a group of fields".
    edge = "as the file's first field starts at the left edge"
    assert _load_record("\u3000title: 白鹤镇\nunit: baihe\n", InterviewMeta)[0][3] == (
        f"delete the spaces at the start of the line, {edge}: title: 白鹤镇")
    assert _load_record("\ttitle: 白鹤镇\nunit: baihe\n", InterviewMeta)[0][3] == (
        f"delete the TAB (制表符) at the start of the line, {edge}: title: 白鹤镇")
    text = 'a full-width space (全角空格) starts this line, and it is text, not a field ("name: value")'
    note = ('if it is a note (说明), start the line with "# " in place of the spaces, as a note starts with it '
            "(以 # 开头的行是说明)")
    assert _load_record("\u3000\u3000访谈稿\ntitle: 白鹤镇\n", InterviewMeta) == [(1, 1, text, (
        'if it is a value, type its field\'s name and ": " before it, at the start of the line, in place of the '
        f"spaces; {note}: # 访谈稿"))]
    assert _load_record("interviewee:\n\u3000\u3000张三，镇党委书记\ntitle: x\n", InterviewMeta) == [(2, 1, text, (
        'if it is a value, type its field\'s name and ": " before it, in place of the spaces, after 2 ordinary '
        f'spaces, under "interviewee:" above; {note}: # 张三，镇党委书记'))]
    assert ok("interviewee:\n  name: 张三，镇党委书记\ntitle: x\n").value["interviewee"] == {"name": "张三，镇党委书记"}


@pytest.mark.parametrize(("typed", "model", "key", "group"), [
    # After a group whose last line was itself typed with a full-width space or a TAB.
    ("interviewee:\n  name: 张三\n\u3000role: 书记\n\u3000date: 2018-05-03 10:00\n", InterviewMeta, "date", "interviewee"),
    ("interviewee:\n  name: 张三\n\trole: 书记\n\u3000date: 2018-05-03 10:00\n", InterviewMeta, "date", "interviewee"),
    # With a second slip on the line: another word or a slip of the field's name, a full-width colon.
    ("interviewee:\n  name: 张三\n  role: 书记\n\u3000日期: 2018-05-03 10:00\n", InterviewMeta, "date", "interviewee"),
    ("interviewee:\n  name: 张三\n  role: 书记\n\u3000Date: 2018-05-03 10:00\n", InterviewMeta, "date", "interviewee"),
    ("tallies:\n  - as_of: 2018-04-26\n    collected: 1\n\u3000targets：\n", Unit, "targets", "tallies"),
    # After a list of texts, which holds no fields.
    ("actions:\n  - 走访\n  - 研究\n\u3000outcome: 在区委\n", CaseStudyMeta, "outcome", "actions"),
    ("tags:\n  - 大调研\n\u3000\u3000images:\n", InterviewMeta, "images", "tags"),
])
def test_a_field_of_the_file_after_any_group_is_told_to_the_left_edge(typed: str, model: type, key: str,
                                                                      group: str) -> None:
    last = typed.rstrip("\n").count("\n") + 1
    told = [(line, hint) for line, _, _, hint in _load_record(typed, model) if line == last]
    typed_last = typed.rstrip("\n").split("\n")[-1].lstrip("\u3000")
    assert told[0] == (last, f'delete the spaces at the start of the line, as "{key}" is a field of the file\'s '
                             f'own, not of "{group}:" above it: {typed_last}')


def test_text_going_on_with_a_colon_or_an_item_with_a_dash_slip_is_told_once_as_what_it_is() -> None:
    # "　　　其中：143份…" going on from a tally's note was told its colon too: "其中: …", then "unknown field 其中",
    # "remove it", and the sentence was gone.
    told = _load_record("tallies:\n  - as_of: 2018-04-26\n    note: 据统计，收集问题清单296份，\n"
                        "\u3000\u3000\u3000其中：143份已提交。\n", Unit)
    assert told == [(4, 1, "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces",
                     'replace the spaces at the start of the line with 6 ordinary spaces, further in than "note:" '
                     'above it, so that the text goes on from its value: "      其中：143份已提交。"')]
    # "　－ 计划…" was told to go on from the item above (4 spaces), which joined two actions into one.
    for slip, second in (("－ ", '"－" is a full-width dash (全角); a list item starts with a half-width "-" (半角) '
                                 "and a space"),
                         ("-", 'a list item needs a space after "-" (列表项 "-" 后要有空格)')):
        told = _load_record(f"actions:\n  - 走访\n  - 研究\n\u3000{slip}计划打造一家草莓龙头企业\n", CaseStudyMeta)
        assert [(line, message, hint) for line, _, message, hint in told] == [
            (4, "a full-width space (全角空格) is used for indentation; YAML needs ordinary spaces",
             'replace the spaces at the start of the line with 2 ordinary spaces, lined up with the "- " above it: '
             f'"  {slip}计划打造一家草莓龙头企业"'),
            (4, second, next(hint for line, _, message, hint in told if message == second))]
    # A quoted item with a note after a full-width space: the line as meant, not the note in the action.
    assert _load_record('actions:\n  - 走访\n  - "计划打造一家草莓龙头企业"\u3000# 第三项\n', CaseStudyMeta)[0][3] == (
        'type the space and the # in half width (半角):   - "计划打造一家草莓龙头企业"   # 第三项')


def test_two_lines_going_on_with_full_width_spaces_are_each_told_their_spaces() -> None:
    # The second line was told "type ordinary spaces, lined up with the lines above", which are full-width ones.
    typed = "summary: 截至4月26日，\n\u3000\u3000开展调研318批次、\n\u3000\u3000收集问题清单296份。\n"
    _, report = load(typed)
    assert [(p.line, p.hint) for p in report.problems] == [
        (2, 'replace the spaces at the start of the line with 2 ordinary spaces, further in than "summary:" above '
            'it, so that the text goes on from its value: "  开展调研318批次、"'),
        (3, "replace the spaces at the start of the line with 2 ordinary spaces, lined up with the line above it, "
            'as told for it, so that the text goes on from it: "  收集问题清单296份。"')]
    lines = typed.split("\n")
    for problem in report.problems:
        lines[problem.line - 1] = line_as_hinted(problem.hint, lines[problem.line - 1])
    assert ok("\n".join(lines)).value == {"summary": "截至4月26日，开展调研318批次、收集问题清单296份。"}


def test_text_indented_with_a_tab_is_told_as_text_or_as_going_on_like_odd_spaces() -> None:
    # "⇥收集问题清单296份。" under a summary was told to line up with summary:, which made it no value of it.
    for typed, hint in (
            ("summary: 截至4月26日，开展调研、\n\t收集问题清单296份。\n",
             'replace the TAB (制表符) with 2 spaces, further in than "summary:" above it, so that the text goes on '
             'from its value: "  收集问题清单296份。"'),
            ("tallies:\n  - as_of: 2018-04-26\n    note: 据统计，\n\t\t\t以上数字为累计数。\n",
             'replace the 3 TABs (制表符) with 6 spaces, further in than "note:" above it, so that the text goes on '
             'from its value: "      以上数字为累计数。"'),
            ("actions:\n  - 走访\n\t争取三年内建成\n", "replace the TAB (制表符) with 4 spaces, lined up with the text of the "
                                                'list item above it, so that the text goes on from it: "    争取三年内建成"')):
        _, report = load(typed)
        assert [(p.message, p.hint) for p in report.problems] == [(TAB_MESSAGE, hint)]
        lines = typed.rstrip("\n").split("\n")
        followed = ok("\n".join(lines[:-1] + [line_as_hinted(hint, lines[-1])]) + "\n").value
        assert lines[-1].lstrip("\t") in str(followed)
    _, report = load("unit: baihe\n\t白鹤镇的访谈\n")
    assert shown(report) == [
        'data/x.yaml:2:1: error: a TAB (制表符) starts this line, and it is text, not a field ("name: value")\n'
        '  hint: if it is a value, type its field\'s name and ": " before it, at the start of the line, in place of '
        'the TAB; if it is a note (说明), start the line with "# " in place of the TAB, as a note starts with it '
        "(以 # 开头的行是说明): # 白鹤镇的访谈"]


def test_a_line_break_after_full_width_punctuation_joins_with_no_space() -> None:
    # "…历史；" then "2018年…" was published "…历史； 2018年…" (the page, units.csv, units.json).
    assert ok("summary: 草莓种植已有30多年历史；\n  2018年按区委部署全面开展大调研。\n").value == {
        "summary": "草莓种植已有30多年历史；2018年按区委部署全面开展大调研。"}
    assert ok('summary: "日托中心运行半年，\n  Wi-Fi和午餐"\n').value == {"summary": "日托中心运行半年，Wi-Fi和午餐"}
    # Between a Chinese character and a Latin word the break was a space too (日托中心运行半年 Wi-Fi和午餐), which the
    # editor never typed; between Latin words it stays a space.
    assert ok("summary: 日托中心运行半年\n  Wi-Fi和午餐\n").value == {"summary": "日托中心运行半年Wi-Fi和午餐"}
    assert ok("summary: Baihe town\n  strawberry\n").value == {"summary": "Baihe town strawberry"}


def test_a_line_starting_with_a_full_width_hash_is_told_to_be_a_note_or_a_field() -> None:
    # "＃ outcome: 还没写好" (a field put aside, typed with the input method on) was told 'rename it to "outcome"',
    # which published the note on the case's page.
    for typed, line, column, note in (("title: 白鹤镇\n＃ outcome: 还没写好\n", 2, 1, "# outcome: 还没写好"),
                                      ("interviewee:\n  name: 张三\n  ＃ role: 书记\n", 3, 3, "  # role: 书记")):
        _, report = load(typed)
        assert shown(report) == [
            f'data/x.yaml:{line}:{column}: error: this line starts with a full-width "＃" (全角), so YAML reads it as '
            'a field, not as a note (说明)\n  hint: to keep it a note, type the "#" in half width (半角): '
            f'{note}; to use it as a field, delete the "＃" and the spaces after it']
        noted = str(ok(typed.replace("＃", "#")).value)
        assert "还没写好" not in noted and "书记" not in noted


def test_a_field_typed_as_far_in_as_a_list_of_texts_is_told_to_line_up_with_the_lists_key() -> None:
    # "  outcome: …" below the actions' items was told to start with "- ", which put the outcome among the actions.
    typed = "actions:\n  - 利用村集体厂房改建日托中心\n  - 开通接送班车   # 试运行\n  outcome: 三个村的日托中心已投入使用。\n"
    told = _load_record(typed, CaseStudyMeta)
    assert [(line, column, message.split(" (YAML parser")[0], hint) for line, column, message, hint in told] == [
        (4, 3, '"outcome:" is typed as far in as the items of "actions:" above, which are texts, so it can be no '
               "field of theirs",
         'if it is a field of its own, delete the spaces at the start of the line, lined up with "actions:"; if it '
         'is an item, start it with "- "')]
    assert ok(typed.replace("  outcome:", "outcome:")).value["outcome"] == "三个村的日托中心已投入使用。"
    # Below the items of a list of records, a field lines up with the item's fields, as before.
    assert "lined up with \"batches:\"" in _load_record(
        "tallies:\n  - as_of: 2018-04-26\n    batches: 318\n   collected: 296\n", Unit)[0][3]


def test_text_at_the_left_edge_below_a_nested_value_or_an_item_is_first_told_to_join_it() -> None:
    # Below a milestone's description or an action, the line was told only to become a field or a note: both
    # lose the text from the value it goes on from.
    for typed, start in (
            ("milestones:\n  - date: 2018-01-12\n    description: 同时印发《实施方案》，各组据此细化\n工作计划。\n",
             'if it goes on from the value of "description:" above, join it to the end of that line; '),
            ("actions:\n  - 配备护理人员，\n每天提供午餐\n",
             'if it goes on from the item above ("配备护理人员，"), join it to the end of that line; ')):
        _, report = load(typed)
        assert len(report.problems) == 1 and report.problems[0].hint.startswith(start)
        lines = typed.rstrip("\n").split("\n")
        joined = ok("\n".join(lines[:-2] + [lines[-2] + lines[-1]]) + "\n").value
        assert lines[-1] in str(joined)
    # Below an id, or a list item of fields, no join is offered.
    _, report = load("unit: baihe\n白鹤镇的访谈\ntitle: x\n")
    assert report.problems[0].hint.startswith("if it is a value, type")
    # Below a value or an item with a note after it, the text goes before the note: after it, it would be
    # part of the note, and never published.
    for typed, start in (
            ("summary: 白鹤镇党委书记谈大调研：   # 摘要\n截至4月26日收集问题清单296份。\n",
             'if it goes on from the value of "summary:" above, type it at the end of that value, before its note '
             '(" # …"); '),
            ("actions:\n  - 配备护理人员、   # 做法\n每天提供午餐\n",
             'if it goes on from the item above ("配备护理人员、"), type it at the end of that item, before its note '
             '(" # …"); ')):
        _, report = load(typed)
        [problem] = report.problems
        assert problem.hint.startswith(start)
        head, text = typed.rstrip("\n").split("\n")[-2:]
        value, note = head.split("   #")
        assert text in str(ok(typed.replace(f"{head}\n{text}", f"{value}{text}   #{note}")).value)


def test_lines_of_text_in_a_row_are_all_told_and_the_rest_read_as_their_hints_mend_them() -> None:
    # PyYAML stops at the first line of text; the others were told one run each. Read as the hint mends each
    # (a note, or joined to the value it goes on from), the fields are given for the caller to check.
    typed = ("以 # 开头的行是说明。\nLines starting with # are notes, or \"optional\" fields.\nname: 华新镇\n"
             "summary: 华新镇位于青浦区：\n东邻白鹤镇。\nlevel: town\n")
    report = Report()
    data = load_yaml(typed, "data/x.yaml", report, partial=True)
    assert [(problem.line, problem.column) for problem in report.problems] == [(1, 1), (2, 1), (5, 1)]
    assert [problem.hint.split(";")[0] for problem in report.problems] == [
        'if it is a value, type its field\'s name and ": " before it',
        'if it is a value, type its field\'s name and ": " before it',
        'if it goes on from the value of "summary:" above, join it to the end of that line']
    assert data is not None and data.value == {"name": "华新镇", "summary": "华新镇位于青浦区：东邻白鹤镇。",
                                               "level": "town"}
    assert data.locate(("level",)) == (6, 8)
    assert load(typed)[0] is None  # without partial, no data after an error, as before
    # A word alone on its line may be a field's value typed without its name: read as a note, the field would
    # be missing, told too; it is told alone, and the fields below it are read once it is mended.
    report = Report()
    assert load_yaml("华新镇\nlevel: town\n", "data/x.yaml", report, partial=True) is None
    assert [(problem.line, problem.column) for problem in report.problems] == [(1, 1)]


@pytest.mark.parametrize("item", ["①制定方案", "二、制定方案", "制定方案"])
def test_text_lined_up_with_the_items_above_is_first_offered_as_one_more_item(item: str) -> None:
    # "  ①制定方案" under "  - 走访企业" was offered a join, a field name or a note: never the "- " it lacked.
    typed = f"title: x\nactions:\n  - 走访企业，听取意见\n  {item}\noutcome: 已完成。\n"
    _, report = load(typed)
    [problem] = report.problems
    assert (problem.line, problem.column) == (4, 3)
    assert problem.hint.startswith(f'if it is another item of the list above, type "- " before it: - {item}; if it ')
    assert ok(typed.replace(f"  {item}", f"  - {item}")).value["actions"] == ["走访企业，听取意见", item]


@pytest.mark.parametrize(("typed", "message", "quoted"), [
    # "the YAML cannot be read here (… while scanning a tag …)", with the general hint about spaces and TABs.
    ("note: !重要：初步统计", 'a value starting with "!" is read by YAML as a type tag (类型标记), not as text',
     'note: "!重要：初步统计"'),
    # "wrap the whole value in quotes", without the line to write; then 'unexpected "数" after the value', which
    # did not say what YAML makes of the "[" (title: [转载]华新镇…, as reposts are titled).
    ("note: [补录] 数据来源：镇大调研办   # 说明", 'the value starts with "[", which YAML reads as a list (列表) that ends '
     'at "]", so the text after it ("数据来源：镇大…") cannot follow', 'note: "[补录] 数据来源：镇大调研办"   # 说明'),
    ("note: [转载]华新镇", 'the value starts with "[", which YAML reads as a list (列表) that ends at "]", so the text '
     'after it ("华新镇") cannot follow', 'note: "[转载]华新镇"'),
    ("note: {补录} 数据", 'the value starts with "{", which YAML reads as a mapping of fields (映射) that ends at "}", '
     'so the text after it ("数据") cannot follow', 'note: "{补录} 数据"'),
])
def test_a_value_yaml_reads_as_a_tag_or_a_list_gets_the_line_with_it_quoted(typed: str, message: str,
                                                                           quoted: str) -> None:
    _, report = load(typed + "\n")
    [problem] = report.problems
    assert problem.message.startswith(message + " (YAML parser: ")
    assert problem.hint.startswith(f"wrap the whole value in quotes: {quoted.strip()}")
    assert ok(quoted + "\n").value == {"note": typed.split(": ", 1)[1].split("   #")[0]}


@pytest.mark.parametrize("typed", ["title: ! 召开动员部署会", "note: !  初步统计", "tags: [! 大调研]",
                                   "actions:\n  - ! 走访企业"])
def test_a_bang_and_a_space_before_a_value_is_refused_not_dropped(typed: str) -> None:
    # "title: ! 召开动员部署会" published 召开动员部署会 with no word: YAML takes "! " for a tag that changes nothing.
    _, report = load(typed + "\n")
    [problem] = report.problems
    line = typed.split("\n")[-1]
    assert (problem.severity, problem.line, problem.column) == ("error", typed.count("\n") + 1, line.index("!") + 1)
    assert problem.message == 'a value starting with "!" is read by YAML as a type tag (类型标记), not as text'
    if "[" not in typed:
        key, value = line.split(" ", 1) if line.startswith("  -") else line.split(": ", 1)
        quoted = f'- "{value.lstrip("- ")}"' if line.startswith("  -") else f'{key}: "{value}"'
        assert problem.hint == f"wrap the whole value in quotes: {quoted}"
        mended = ok(typed.replace(line.lstrip(" "), quoted) + "\n").value
        assert value.lstrip("- ") in str(mended)


@pytest.mark.parametrize(("items", "line"), [
    ("  -  as_of: 2018-04-26\n    collected: 296\n    escalated: 143\n", 2),
    ("  - as_of: 2018-03-01\n    collected: 120\n  -   as_of: 2018-04-26\n    collected: 296\n", 4),
])
def test_an_item_with_two_spaces_after_its_dash_is_told_at_its_line_and_one_space_mends_it(
        items: str, line: int) -> None:
    # Told at the field under it, "start the line with "- ", or indent it to belong to the item above"; indented by
    # one space as told, the same error moved to the next line, one build a line.
    text = f"tallies:\n{items}"
    typed = text.split("\n")[line - 1]
    spaces = len(typed) - len(typed.replace("-   ", "- ").replace("-  ", "- ")) + 1
    data, report = load(text)
    assert data is None and shown(report) == [
        f'data/x.yaml:{line}:3: error: this list item has {spaces} spaces after its "-", so its first field "as_of:" '
        "stands further in than the fields typed under it, and YAML cannot read those as part of the item (YAML "
        "parser: while parsing a block collection: did not find expected '-' indicator)\n"
        '  hint: type one space after the "-": "  - as_of: ' + typed.split(": ")[1] + '"']
    mended = text.replace(typed, "  - as_of: " + typed.split(": ")[1])
    assert [item["as_of"] for item in ok(mended).value["tallies"]] == re.findall(r"\d{4}-\d\d-\d\d", text)


@pytest.mark.parametrize(("items", "moved", "lead"), [
    # A target pasted with 4 spaces where the others have 2: its fields came with it.
    ("  - group: institutions\n    target: 100\n    - group: residents\n      target: 80\n", "lines 4 to 5",
     "- group:"),
    # A tally typed one level in, a note and a blank line between it and the tally above.
    ("  - as_of: 2018-04-26\n    collected: 296\n\n    # 第二批\n    - as_of: 2018-06-30\n      collected: 310\n",
     "lines 6 to 7", "- as_of:"),
    # Two items typed as far in: one round of the hint moves both.
    ("  - group: institutions\n    target: 100\n    - group: residents\n      target: 80\n"
     "    - group: farmers\n      target: 60\n", "lines 4 to 7", "- group:"),
])
def test_a_list_item_typed_further_in_than_the_item_above_is_told_the_lines_to_move(
        items: str, moved: str, lead: str) -> None:
    # It was "a list item ("- ") is not expected here" / "line the items up under the key they belong to": no
    # line, no spaces. (A text item typed further in is read as more of the text above: a check of its own.)
    text = f"list:\n{items}summary: 白鹤\n"
    lines = text.split("\n")
    item = next(n for n, line in enumerate(lines) if line.startswith("    -") or line.startswith("      -"))
    spaces = len(lines[item]) - len(lines[item].lstrip(" ")) - 2
    data, report = load(text)
    assert data is None and shown(report) == [
        f'data/x.yaml:{item + 1}:{spaces + 3}: error: this list item is indented (缩进) {spaces + 2} spaces, further '
        f'than the item above it ("{lead}", 2 spaces), so YAML cannot read it as an item of the same list (YAML '
        "parser: while parsing a block mapping: did not find expected key)\n"
        f'  hint: remove {spaces} space{"s" if spaces > 1 else ""} at the start of {moved}, so that this item lines '
        f'up with "{lead}" above it; line {item + 1} then reads "{lines[item][spaces:]}"']
    # Done as told, the list has every item.
    first, last = (int(n) for n in re.findall(r"\d+", moved))
    mended = "\n".join(line[spaces:] if first <= number <= last else line for number, line in enumerate(lines, 1))
    assert len(ok(mended).value["list"]) == items.count("- ")


@pytest.mark.parametrize(("key", "first", "second", "told"), [
    ("tallies", "  - as_of: 2018-04-26\n    collected: 296\n    resolved: 296",
     "   - as_of: 2018-06-30\n    collected: 310\n    resolved: 310", "  - as_of: 2018-06-30"),
    ("targets", "  - group: institutions\n    target: 100", "   - group: residents\n    target: 80",
     "  - group: residents"),
    ("milestones", "  - date: 2018-01-12\n    title: 成立领导小组", "   - date: 2018-01-15\n    title: 召开动员部署会",
     "  - date: 2018-01-15"),
])
def test_a_list_item_one_space_further_in_than_the_items_above_is_told_how_far_in_each_is(
        key: str, first: str, second: str, told: str) -> None:
    # "   - as_of: …" pasted with 3 spaces under items with 2, its fields lined up with theirs: it was "a list item
    # starting with "- " is expected here … type "- " before it", though the line starts with "- ".
    text = f"name: 白鹤镇\n{key}:\n{first}\n{second}\nsummary: 白鹤\n"
    line = 2 + first.count("\n") + 2
    data, report = load(text)
    lead = told.strip().split(" ")[0] + " " + told.strip().split(" ")[1]
    assert data is None and shown(report) == [
        f'data/x.yaml:{line}:4: error: this list item is indented (缩进) 3 spaces, further than the item above it '
        f'("{lead}", 2 spaces), so YAML cannot read it as an item of the same list (YAML parser: while parsing a '
        "block collection: did not find expected '-' indicator)\n"
        f'  hint: remove 1 space at the start of line {line}, so that this item lines up with "{lead}" above it: '
        f'"{told}"']
    # Done as told (only that line: its fields are in line), the list has both items.
    mended = ok(text.replace(second.split("\n")[0], told)).value
    assert len(mended[key]) == 2 and mended["summary"] == "白鹤"


def test_list_items_typed_further_in_are_read_moved_out_so_the_rest_is_checked_in_the_same_run() -> None:
    # Two tallies pasted with 3 spaces: one round of the hint names both lines; the data is read as mended.
    head = "tallies:\n  - as_of: 2018-04-26\n    collected: 296\n"
    text = head + "   - as_of: 2018-06-30\n    collected: 310\n   - as_of: 2018-07-31\n    collected: 320\n"
    report = Report()
    data = load_yaml(text, "data/x.yaml", report, partial=True)
    assert [(p.line, p.hint) for p in report.problems] == [
        (4, 'remove 1 space at the start of lines 4 and 6, so that this item lines up with "- as_of:" above it; '
            'line 4 then reads "  - as_of: 2018-06-30"')]
    assert data is not None and [item["collected"] for item in data.value["tallies"]] == ["296", "310", "320"]


@pytest.mark.parametrize(("first", "mended", "indent"), [
    # The first tally typed without "- ", its lines as far in as the fields of the items below.
    ("    as_of: 2018-03-15\n    collected: 100\n    resolved: 100\n", "  - as_of: 2018-03-15\n    collected: 100\n"
     "    resolved: 100\n", ""),
    # ... or lined up with the dashes: they must go two spaces further in, under as_of.
    ("  as_of: 2018-03-15\n  collected: 100\n  resolved: 100\n", "  - as_of: 2018-03-15\n    collected: 100\n"
     "    resolved: 100\n", ", and indent lines 3 and 4 by 4 spaces, under as_of"),
])
def test_a_lists_first_item_without_its_dash_is_told_at_that_item_not_at_the_next(
        first: str, mended: str, indent: str) -> None:
    # Told at the second item, which was right: "a list item ("- ") is not expected here … line the items up".
    text = f"tallies:\n{first}  - as_of: 2018-05-10\n    collected: 150\n    resolved: 150\n"
    data, report = load(text)
    column = len(first) - len(first.lstrip(" ")) + 1
    assert data is None and shown(report) == [
        f'data/x.yaml:2:{column}: error: the first item of "tallies:" has no "- ": its lines are read as fields of '
        '"tallies:" itself, so the "- " of the next item is not expected (YAML parser: while parsing a block '
        "mapping: did not find expected key)\n"
        f'  hint: type "- " before as_of on line 2, as the other items have it: "  - as_of: 2018-03-15"{indent}']
    assert ok(text.replace(first, mended)).value == {"tallies": [
        {"as_of": "2018-03-15", "collected": "100", "resolved": "100"},
        {"as_of": "2018-05-10", "collected": "150", "resolved": "150"}]}
    # Lines above that are no item like it (another first key) keep the general message.
    data, report = load(text.replace("as_of: 2018-03-15", "date: 2018-03-15"))
    assert 'line the items up under the key they belong to' in shown(report)[0]


@pytest.mark.parametrize(("typed", "told"), [
    # "\h" is no escape: told to write each backslash twice, the path was refused again, with "\\" in it.
    ('src: "images\\huaxin-map.svg"',
     ['data/x.yaml:1:13: error: "\\h" is not a valid escape in a double-quoted value: the "\\" is typed between '
      "folders, as Windows shows paths (YAML parser: while parsing a quoted scalar: found unknown escape character)\n"
      '  hint: write "/" between folders, as web addresses do: src: "images/huaxin-map.svg"']),
    # "\b" is one (a control character): told to use single quotes, the path kept its "\".
    ('src: "images\\baihe.svg"',
     ["data/x.yaml:1:6: error: an escape in this value makes an invisible control character (U+0008)\n"
      '  hint: write "/" between folders, as web addresses do: src: "images/baihe.svg"',
      'data/x.yaml:1:13: warning: "\\b" inside double quotes is read as a special character (an escape): the "\\" '
      "is typed between folders, as Windows shows paths\n"
      '  hint: write "/" between folders, as web addresses do: src: "images/baihe.svg"']),
])
def test_a_path_typed_with_backslashes_in_double_quotes_is_given_with_slashes(typed: str, told: list[str]) -> None:
    data, report = load(typed + "\n")
    assert shown(report) == told
    assert ok(told[0].rsplit("do: ", 1)[1] + "\n").value == {"src": typed.split('"')[1].replace("\\", "/")}
    # Any other backslash keeps its hints: text is no path.
    data, report = load('note: "第一\\h第二"\n')
    assert shown(report)[0].endswith("use single quotes instead of double quotes, or write each backslash twice (\\\\)")


def test_a_key_uncommented_with_the_space_after_its_hash_is_told_to_line_up_with_the_key_above() -> None:
    # "# tallies:" written by sitegen new, its "#" deleted and not the space: "indent keys of the same level with the
    # same number of spaces" named neither the key nor the spaces.
    text = ("name: 重固镇\nmisspellings: []   # 常见错误写法\n tallies:   # 调研数据\n   - as_of: 2018-04-26\n"
            "     collected: 12\n")
    data, report = load(text)
    assert data is None and shown(report) == [
        'data/x.yaml:3:2: error: this line stands 1 space further in than "misspellings:" above it, which holds a '
        "value, not fields under it (YAML parser: while parsing a block mapping: did not find expected key)\n"
        '  hint: line it up with "misspellings:": delete the 1 space at the start of the line: tallies:   # 调研数据']
    assert ok(text.replace(" tallies:", "tallies:")).value["tallies"] == [{"as_of": "2018-04-26", "collected": "12"}]


@pytest.mark.parametrize(("typed", "published"), [
    # A line break beside Chinese text was a space when the other side was a digit or a Latin letter: published
    # "截至 2018.4.26", "种植户 126户", "“白鹤草莓” APP反映", in the page and in the open data.
    ("截至\n  2018.4.26的累计数", "截至2018.4.26的累计数"), ("种植户\n  126户", "种植户126户"),
    ("“白鹤草莓”\n  APP反映", "“白鹤草莓”APP反映"), ("推广\n  APP", "推广APP"), ("2018年\n  1—9月", "2018年1—9月"),
    ("Hello\n  world", "Hello world"), ("12345\n  热线", "12345热线"),  # two Latin words keep their space
])
def test_a_line_break_beside_chinese_text_in_a_value_is_no_space(typed: str, published: str) -> None:
    for style, text in (("plain", f"note: {typed}\n"), ("folded", f"note: >-\n  {typed}\n"),
                        ("quoted", f'note: "{typed}"\n')):
        assert ok(text).value == {"note": published}, style


def test_every_invisible_character_of_a_line_is_named_in_one_message() -> None:
    # Two soft hyphens in 新­建­小区 (from a web page) were told one a run: deleted as told, the next run told the other.
    data, report = load("title: 新\u00ad建\u00ad小区\n")
    assert shown(report) == [
        "data/x.yaml:1:9: error: an invisible soft hyphen (软连字符, U+00AD) is in the text (2 invisible characters on "
        "this line): it shows nothing, but makes the text differ from what is seen\n"
        '  hint: delete them: they stand between "新" and "建" and between "建" and "小区" (they often come from text '
        "copied from a web page, WeChat or Word; retyping the words removes them)"]
    assert ok("title: 新建小区\n").value == {"title": "新建小区"}


def test_a_zero_width_joiner_beside_no_emoji_is_named_and_one_in_an_emoji_is_kept() -> None:
    # tags: [大调研‍] (U+200D from a web page) made a tag of its own, /tags/da-diao-yan-2/, which looked the same.
    data, report = load("tags: [大调研\u200d, 民生]\n")
    assert data is None and shown(report) == [
        "data/x.yaml:1:11: error: an invisible zero-width joiner (U+200D) is in the text: it shows nothing, but makes "
        "the text differ from what is seen\n"
        '  hint: delete it: it stands between "[大调研" and "," (it often comes from text copied from a web page, '
        "WeChat or Word; retyping the word removes it)"]
    assert ok("tags: [大调研, 民生]\n").value == {"tags": ["大调研", "民生"]}
    assert ok("title: 心愿❤️\u200d🔥\n").value == {"title": "心愿❤️\u200d🔥"}  # an emoji made with it keeps it


def test_a_line_the_scan_mends_lets_the_rest_be_read_and_told_in_the_same_run() -> None:
    # A full-width colon stopped the reading: a key typed twice further down was told only once it was mended.
    text = "a：1\nb: 2\nb: 3\n"
    expected = ['data/x.yaml:1:2: error: "a：" uses a full-width colon (全角冒号 ：)\n'
                "  hint: type an English colon followed by a space: a: 1",
                'data/x.yaml:3:1: error: the key "b" appears twice in the same block; it was first given on line 2\n'
                '  hint: keep one "b" line and delete or rename the other']
    data, report = load(text)
    assert data is None and shown(report) == expected
    # partial: the data as it reads once the colon is mended, for the fields' own checks in the same run.
    report = Report()
    partial = load_yaml(text, "data/x.yaml", report, partial=True)
    assert shown(report) == expected and partial is not None and partial.value == {"a": "1", "b": "2"}
    assert partial.positions[("b",)] == (2, 4)
    # Mended as told, the other error is told as before, word for word.
    assert shown(load("a: 1\nb: 2\nb: 3\n")[1]) == expected[1:]
    # Text the mended line would still not let YAML read, on another line, is told in the same run too, in the
    # words of the text as mended (it was told once the colon was mended, a second run).
    data, report = load("a：1\nb: [2\n")
    assert data is None and shown(report) == [
        expected[0], 'data/x.yaml:2:4: error: the "[" opened here is never closed with "]" (YAML parser: while '
                     "parsing a flow sequence: did not find expected ',' or ']')\n"
                     "  hint: add the closing ] at the end of the value: b: [2]"]


@pytest.mark.parametrize("line", ["summary: - 镇里补短板", "title: - 白鹤  # 副标题", "    note: - 文章未给出期限"])
def test_a_dash_opening_a_text_is_offered_quotes_not_a_list(line: str) -> None:
    # "summary: - 镇里补短板" was told to put the item on its own line below the key: typed so, the page was refused
    # with "summary: expected text, got a list".
    text = ("tallies:\n  - as_of: 2018-04-26\n" if line.startswith(" ") else "") + line + "\n"
    [problem] = load(text)[1].problems
    key, _, value = line.strip().partition(": ")
    value, _, note = value.partition("  # ")
    quoted = f'{line[:len(line) - len(line.lstrip())]}{key}: "{value}"' + (f"  # {note}" if note else "")
    assert problem.hint.startswith(f"wrap the whole value in quotes: {quoted.strip()}")
    mended = text.replace(line, quoted)
    data, report = load(mended)
    assert report.problems == [] and data is not None


def test_the_list_keys_are_the_models_list_fields() -> None:
    listed = {name for model in (Unit, InterviewMeta, CaseStudyMeta) for name, field in model.model_fields.items()
              if "tuple" in str(field.annotation)}
    assert listed == yamltext.LIST_KEYS


@pytest.mark.parametrize(("name", "role", "more"), [("    ", "  ", "2 more spaces"), ("  ", " ", "1 more space"),
                                                    ("   ", "  ", "1 more space")])
def test_a_field_between_the_fields_above_and_their_key_is_told_how_far_in_they_stand(name: str, role: str,
                                                                                     more: str) -> None:
    # "indent keys of the same level with the same number of spaces" named no line and no number of spaces.
    typed = f"title: x\ninterviewee:\n{name}name: 受访人\n{role}role: 党委书记\ndate: 2018-05-03\n"
    [problem] = load(typed)[1].problems
    assert (problem.line, problem.column) == (4, len(role) + 1)
    assert problem.message.startswith(f'this line stands {len(role)} space{"s" if len(role) > 1 else ""} in, the '
                                      f'fields under "interviewee:" above it ("name:" …) {len(name)} spaces')
    fixed = re.search(r': "(.*)"$', problem.hint)[1]
    assert problem.hint.startswith(f'line it up with "name:": type {more} at its start') and fixed == f"{name}role: 党委书记"
    assert ok(typed.replace(f"{role}role:", fixed.split("role:")[0] + "role:")).value["interviewee"] == {
        "name": "受访人", "role": "党委书记"}


@pytest.mark.parametrize("title", ['"召开动员部署会: 全镇 300 人参加"', '"召开动员部署会"'])
def test_a_quote_never_closed_is_told_at_its_line_not_at_the_field_whose_quote_closed_it(title: str) -> None:
    # YAML read the note on to the title's opening quote, and the error came at the title, a line typed right:
    # its hint offered the title as typed, and the note's line was told only once the title lost its quotes.
    text = ("tallies:\n  - as_of: 2018-04-26\n    collected: 296\n"
            '    note: "据镇大调研办公室 3 月统计（第一批）。\n'
            "milestones:\n  - date: 2018-01-15\n"
            f"    title: {title}\n")
    data, report = load(text, first_line=3)
    assert data is None and shown(report) == [
        'data/x.yaml:6:11: error: the quote " opened here is never closed on its line, so YAML reads on to the " '
        "that opens the value of line 9 and takes the lines between as part of this value (YAML parser: "
        f"{report.problems[0].message.split('(YAML parser: ')[1]}\n"
        '  hint: add the closing " at the end of the value: note: "据镇大调研办公室 3 月统计（第一批）。"']
    mended = ok(text.replace("（第一批）。\n", "（第一批）。\"\n"), first_line=3).value
    assert mended["tallies"][0]["note"] == "据镇大调研办公室 3 月统计（第一批）。"
    assert mended["milestones"][0]["title"] == title.strip('"')


def test_a_quote_never_closed_on_a_text_over_several_lines_is_closed_after_its_last_line() -> None:
    # The closing quote was offered at the end of the first line: typed there, the second line was "not lined up".
    text = 'summary: "练塘镇走访 25 个村、\n  收集问题清单 1876 份。\ntags: [大调研]\n'
    data, report = load(text)
    assert data is None and [(p.line, p.column) for p in report.problems] == [(1, 10)]
    assert report.problems[0].hint == 'add the closing " at the end of the value, on line 2: 收集问题清单 1876 份。"'
    mended = ok(text.replace("份。\n", '份。"\n')).value
    assert mended["summary"].replace(" ", "") == "练塘镇走访25个村、收集问题清单1876份。"


@pytest.mark.parametrize("going_on", [1, 2, 3, 4])
def test_a_colon_in_the_last_line_of_a_text_going_on_is_told_at_it_however_many_lines_go_on(going_on: int) -> None:
    # From three lines going on, the line above the colon's was told "text, not a field" and offered as a note
    # ("# 丁戊。"), which would have dropped it from the page.
    lines = ["和丙", "丁戊。", "己庚。", "辛壬。"][:going_on - 1] + ["联系方式: 5923"]
    text = "title: x\nsummary: 甲乙，\n" + "".join(f"  {line}\n" for line in lines) + "tags: [a]\n"
    _, report = load(text)
    [problem] = report.problems
    assert (problem.line, problem.column) == (2 + going_on, 7)
    assert problem.hint == "type the colon in full width (全角), as Chinese text does: 联系方式：5923"
    assert ok(text.replace("联系方式: 5923", "联系方式：5923")).value["summary"].endswith("联系方式：5923")


@pytest.mark.parametrize("dash", ["－", "—", "–", "−"])
def test_two_slips_on_one_line_each_get_a_hint_whose_line_mends_both(dash: str) -> None:
    # "－ as_of：2018-05-31": the dash's hint kept the full-width colon, the colon's hint kept the dash; each line,
    # typed as offered, was refused again for the other slip.
    for indent in ("", "  "):
        text = f"tallies:\n{indent}{dash} as_of：2018-05-31\n{indent}  collected: 10\n"
        _, report = load(text)
        assert len(report.problems) == 2
        assert [problem.hint.endswith("before it: - as_of: 2018-05-31" if indent else ": - as_of: 2018-05-31")
                for problem in report.problems] == [True, True]
        mended = text.replace(f"{dash} as_of：", "- as_of: ")
        assert ok(mended).value == {"tallies": [{"as_of": "2018-05-31", "collected": "10"}]}
    # A line with no dash keeps none; text in Chinese after a dash is not made a field.
    _, report = load("tallies:\n  - as_of: 2018-05-31\n    collected：10\n")
    assert [problem.hint for problem in report.problems] == [
        "type an English colon followed by a space, keeping the 4 spaces before it: collected: 10"]
    _, report = load(f"actions:\n  {dash} 走访：了解情况\n")
    assert [problem.hint.endswith("- 走访：了解情况") for problem in report.problems] == [True]


def test_a_parse_error_on_another_line_than_the_scan_s_errors_is_told_in_the_same_run() -> None:
    # "draft：false" was told alone; the title's ": " came at the next save, once draft: was mended.
    text = "title: 练塘镇: 大调研微访谈\ndraft：false\ndate: 2018-05-01\n"
    data, report = load(text, "content/interviews/x.md", first_line=2)
    assert data is None
    assert shown(report) == [
        'content/interviews/x.md:2:11: error: the value contains ": " (YAML parser: mapping values are not allowed '
        'in this context)\n  hint: wrap the whole value in quotes: title: "练塘镇: 大调研微访谈"',
        'content/interviews/x.md:3:6: error: "draft：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space: draft: false"]
    assert ok('title: "练塘镇: 大调研微访谈"\ndraft: false\ndate: 2018-05-01\n').value["title"] == "练塘镇: 大调研微访谈"
    # A parse error at the line the scan mends is the scan's alone: told as one thing to type on that line.
    _, report = load("draft：false: x\n")
    assert [problem.line for problem in report.problems] == [1]
