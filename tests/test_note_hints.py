"""Hints about notes typed beside a value, and a file's field typed indented after a list: each followed.

An editor trial followed three hints that did not work: words offered to a record's note with the bad value
as the example (``e.g. 80　# 区要求``, published so in targets.csv); ``  targets:`` after the tallies told to
indent by 4 (three errors more); and ``draft: false　# 发布`` told twice, once with quotes that cannot work.
A date typed with words (``2018-04-26 左右``) was offered the date alone, and the words were lost: they go into
the record's note, or a milestone's description, or, in a page, are named to be deleted. Each test asserts the exact message, types what the hint says, and checks the result clean and published.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from sitegen.build import BuildOptions, build, check
from sitegen.errors import Problem
from sitegen.models import parse_date, parse_datetime

from .sitekit import copy_example, edit_file, interview, write_site

NOW = datetime(2025, 1, 1)
UNIT_PATH = "content/units/baihe.yaml"
PAGE_PATH = "content/interviews/baihe.md"
HEAD = "name: 白鹤镇\nlevel: town\n"
TALLY = ("tallies:\n  - as_of: 2018-04-26\n    collected: {collected}\n    escalated: 40\n    resolved: 30\n"
         "    in_progress: 15\n{note}")
TARGET = "targets:\n  - group: residents\n    target: {target}\n{note}"


def found(root: Path) -> list[Problem]:
    """Every problem `check` finds, sorted."""
    return check(BuildOptions(root=root, now=NOW)).problems


def csv_rows(root: Path, name: str) -> list[str]:
    """The lines of the unit's open data file ``name`` after a build."""
    build(BuildOptions(root=root, now=NOW, search=False))
    return (root / f"output/data/units/baihe/{name}").read_text("utf-8-sig").splitlines()


# -- words beside a number, offered to the record's note ----------------------------------------------------------

_COUNT = ("write the digits alone: 85 (a count has no unit such as 份 or 批, and no other words); to keep what "
          '"含线上问卷" says, add it to the tally\'s note')


def test_words_beside_a_count_are_added_to_the_note_the_tally_has(tmp_path: Path) -> None:
    # It was "e.g. 85　含线上问卷", the bad value again, though the tally had a note.
    note = "    note: 文章未给出完成期限。\n"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="85\u3000含线上问卷", note=note)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:16: error: tallies → item 1 → collected: "85\u3000含线上问卷" is not a whole number\n'
        f"  hint: {_COUNT}: type it at the end of its note: line (line 9), so that it reads: "
        "note: 文章未给出完成期限。收集85份，含线上问卷"]
    root.joinpath(UNIT_PATH).write_text(
        HEAD + TALLY.format(collected="85", note="    note: 文章未给出完成期限。收集85份，含线上问卷\n"), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。收集85份，含线上问卷"


def test_words_beside_a_count_of_a_tally_without_a_note_get_a_note_line_of_their_own(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="85份　含线上问卷", note="")})
    [problem] = found(root)
    assert problem.hint == (f"{_COUNT}: add a line under the tally's other fields, indented as they are (4 spaces): "
                            "note: 收集85份，含线上问卷")
    root.joinpath(UNIT_PATH).write_text(HEAD + TALLY.format(collected="85", note="    note: 收集85份，含线上问卷\n"),
                                        encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1].endswith(",85,40,30,15,收集85份，含线上问卷")


@pytest.mark.parametrize(("typed", "words", "note"), [
    # The note says which figure the words are about, with the label the page shows beside it: "约85" alone, at
    # the end of a note, was a fragment a resident could not read (…正在办理。约85).
    ("85（含重复，不含退回）", "（含重复，不含退回）", "收集85份（含重复，不含退回）"),  # a comma in the brackets: no hint at all
    ("85份(其中40份已提交)", "(其中40份已提交)", "收集85份(其中40份已提交)"),  # a number in them: no hint either
    ("约85（含重复）", "约 （含重复）", "收集约85份（含重复）"),  # 约 beside other words: kept with its number
    ("85余份", "余份", "收集85余份"),  # 余份 alone said nothing of the 85
    ("85多份", "多份", "收集85多份"),
    ("逾85", "逾", "收集逾85份"),
    ("~85", "~", "收集~85份"),  # a sign for 约 or 以上 was dropped unsaid
    ("≈85", "≈", "收集≈85份"),
    ("85+", "+", "收集85份+"),
    ("＞85", "＞", "收集＞85份"),
    ("85左右", "左右", "收集85份左右"),  # after the number: said after its unit
    ("85份左右", "左右", "收集85份左右"),
    ("85多", "多", "收集85多份"),  # 多 and 余 are said before the unit, which the note adds
    ("85　含线上问卷", "含线上问卷", "收集85份，含线上问卷"),  # other words: a clause of their own
])
def test_a_count_with_a_qualifier_offers_it_to_the_note_and_the_hint_followed_publishes_it(
        tmp_path: Path, typed: str, words: str, note: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected=typed, note="")})
    [problem] = found(root)
    assert (problem.line, problem.column, problem.message) == (
        5, 16, f'tallies → item 1 → collected: "{typed}" is not a whole number')
    assert problem.hint == ("write the digits alone: 85 (a count has no unit such as 份 or 批, and no other words); "
                            f'to keep what "{words}" says, add it to the tally\'s note: add a line under the tally\'s '
                            f"other fields, indented as they are (4 spaces): note: {note}")
    root.joinpath(UNIT_PATH).write_text(HEAD + TALLY.format(collected="85", note=f"    note: {note}\n"),
                                        encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == f"baihe,白鹤镇,2018-04-26,,85,40,30,15,{note}"


_FIGURES = ("tallies:\n  - as_of: 2018-04-26\n    batches: {batches}\n    collected: {collected}\n"
            "    escalated: {escalated}\n    resolved: {resolved}\n    in_progress: {in_progress}\n"
            "    note: 文章未给出完成期限。\n")
_SHARES = ("targets:\n  - group: residents\n    target: {target}\n    measured: {measured}\n"
           "    measured_as_of: 2018-06-30\n    note: 区要求\n")
_DIGITS = "write the digits alone: {} (a count has no unit such as 份 or 批, and no other words)"


@pytest.mark.parametrize(("field", "typed", "at", "head", "words", "note", "csv", "row"), [
    ("collected", "约85", (6, 16), _DIGITS.format(85), "约", "文章未给出完成期限。收集约85份",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。收集约85份"),
    # In Chinese numerals (中文数字): kept as typed, with the unit the page shows.
    ("collected", "约八十五", (6, 16), "write the number in digits: 85 (a count is written 0-9, not in Chinese numerals "
     "中文数字)", "约", "文章未给出完成期限。收集约八十五份",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。收集约八十五份"),
    ("escalated", "40左右", (7, 16), _DIGITS.format(40), "左右", "文章未给出完成期限。提交区级40份左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。提交区级40份左右"),
    ("resolved", "30余份", (8, 15), _DIGITS.format(30), "余份", "文章未给出完成期限。已解决30余份",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。已解决30余份"),
    ("in_progress", "15多", (9, 18), _DIGITS.format(15), "多", "文章未给出完成期限。办理中15多份",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。办理中15多份"),
    # 调研批次 are counted in 批 (the page shows 调研 318 批): the unit typed is the note's too.
    ("batches", "约318批", (5, 14), _DIGITS.format(318), "约", "文章未给出完成期限。调研约318批",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,318,85,40,30,15,文章未给出完成期限。调研约318批"),
    ("target", "约80%", (5, 13), "write the number alone: 80 (a percentage has no other words)", "约",
     "区要求；目标约80%", "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,区要求；目标约80%"),
    ("target", "80%左右", (5, 13), "write the number alone: 80 (a percentage has no other words)", "左右",
     "区要求；目标80%左右", "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,区要求；目标80%左右"),
    # 八成 is said with its unit: the note writes 80%, not 约八成%.
    ("target", "约八成", (5, 13), "八成 is 80% (成, a tenth, is 10%): write 80", "约", "区要求；目标约80%",
     "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,区要求；目标约80%"),
    ("measured", "50%上下", (6, 15), "write the number alone: 50 (a percentage has no other words)", "上下",
     "区要求；实测50%上下", "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,区要求；实测50%上下"),
])
def test_words_beside_each_figure_are_offered_to_the_note_with_the_figure_they_are_about(
        tmp_path: Path, field: str, typed: str, at: tuple[int, int], head: str, words: str, note: str, csv: str,
        row: str) -> None:
    # "约296" offered to the note, the note read "…50份正在办理。约296": which figure was about 296, a resident
    # could not tell. The label the page shows beside the figure, and its unit, say it.
    figures = {"batches": "318", "collected": "85", "escalated": "40", "resolved": "30", "in_progress": "15",
               "target": "80", "measured": "50"}
    lines = _SHARES if field in ("target", "measured") else _FIGURES
    record, where = ("target", "line 8") if lines is _SHARES else ("tally", "line 10")
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines.format(**{**figures, field: typed})})
    [problem] = found(root)
    assert problem.format() == (
        f'{UNIT_PATH}:{at[0]}:{at[1]}: error: {"targets" if record == "target" else "tallies"} → item 1 → {field}: '
        f'"{typed}" is not {"a percentage" if record == "target" else "a whole number"}\n'
        f'  hint: {head}; to keep what "{words}" says, add it to the {record}\'s note: type it at the end of its '
        f"note: line ({where}), so that it reads: note: {note}")
    # Followed as told: the figure alone in its field, the note line as given.
    path = root / UNIT_PATH
    text = path.read_text(encoding="utf-8").split("\n")
    text[problem.line - 1] = f"    {field}: {figures[field]}"
    follow_note_line(text, problem)
    path.write_text("\n".join(text), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, csv)[1] == row


@pytest.mark.parametrize("typed", ["+85", "＋85", "+ 85份"])
def test_a_plus_sign_before_a_count_is_not_offered_to_the_note(tmp_path: Path, typed: str) -> None:
    # The hint offered "+" to the note: followed, the tally's note ended "…期限。+85", which says nothing.
    note = "    note: 文章未给出完成期限。\n"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected=typed, note=note)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:16: error: tallies → item 1 → collected: "{typed}" is not a whole number\n'
        "  hint: write the digits alone: 85 (a count has no unit such as 份 or 批, and no other words)"]
    root.joinpath(UNIT_PATH).write_text(HEAD + TALLY.format(collected="85", note=note), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。"


@pytest.mark.parametrize(("typed", "words"), [
    ("不低于80%", "不低于"), ("≥80", "≥"), ("80%以上", "以上"), ("至少 80%", "至少"), ("80%及以上", "及以上"),
])
def test_words_that_say_a_target_is_a_floor_are_not_offered_to_the_note(tmp_path: Path, typed: str,
                                                                         words: str) -> None:
    # 不低于80% offered "不低于" to the note, the 80% lost: "…进度。不低于"; ≥80 gave "…进度。≥80". A target is a
    # floor already: reached when the share measured is as much or more (Target.status).
    note = "    note: 文章未给出完成期限。\n"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TARGET.format(target=typed, note=note)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:13: error: targets → item 1 → target: "{typed}" is not a percentage\n'
        f'  hint: write the number alone: 80 (a percentage has no other words); "{words}" need not be kept: a target '
        "is a floor already, reached when the share measured is as much or more"]
    root.joinpath(UNIT_PATH).write_text(HEAD + TARGET.format(target="80", note=note), encoding="utf-8")
    assert found(root) == []


def test_words_that_say_a_measured_share_is_at_least_it_are_still_offered_to_the_note(tmp_path: Path) -> None:
    # Of a share measured, 不低于 says something: the figure is a floor, not the share itself.
    lines = "targets:\n  - group: residents\n    target: 80\n    measured: 不低于50%\n    measured_as_of: 2018-06-30\n"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    [problem] = found(root)
    assert problem.hint == ('write the number alone: 50 (a percentage has no other words); to keep what "不低于" '
                            "says, add it to the target's note: add a line under the target's other fields, "
                            "indented as they are (4 spaces): note: 实测不低于50%")
    root.joinpath(UNIT_PATH).write_text(HEAD + lines.replace("不低于50%", "50") + "    note: 实测不低于50%\n",
                                        encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "targets.csv")[1] == "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,实测不低于50%"


@pytest.mark.parametrize(("note", "how", "typed_note"), [
    # The note ends with a full stop: the words follow it; else a ；between them.
    ("    note: 文章未给出完成期限。\n", "type it at the end of its note: line (line 6), so that it reads: "
     "note: 文章未给出完成期限。目标80%，区要求", "    note: 文章未给出完成期限。目标80%，区要求\n"),
    ("    note: 文章未给出完成期限\n", "type it at the end of its note: line (line 6), so that it reads: "
     "note: 文章未给出完成期限；目标80%，区要求", "    note: 文章未给出完成期限；目标80%，区要求\n"),
    ("", "add a line under the target's other fields, indented as they are (4 spaces): note: 目标80%，区要求",
     "    note: 目标80%，区要求\n"),
])
def test_words_beside_a_target_give_the_note_line_to_type(tmp_path: Path, note: str, how: str,
                                                          typed_note: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TARGET.format(target="80 区要求", note=note)})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:5:13: error: targets → item 1 → target: "80 区要求" is not a percentage\n'
        "  hint: write the number alone: 80 (a percentage has no other words); to keep what \"区要求\" says, add it "
        f"to the target's note: {how}"]
    root.joinpath(UNIT_PATH).write_text(HEAD + TARGET.format(target="80", note=typed_note), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "targets.csv")[1].endswith(typed_note.strip().removeprefix("note: "))


def test_words_beside_a_count_added_to_a_note_over_several_lines_are_told_where(tmp_path: Path) -> None:
    note = "    note: |\n      文章未给出完成期限。\n      数字按原文录入。\n"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="约85", note=note)})
    [problem] = found(root)
    # It ended at "(line 9)": what to type there was not said, and "约" typed alone said nothing of the 85.
    assert problem.hint == ('write the digits alone: 85 (a count has no unit such as 份 or 批, and no other words); '
                            'to keep what "约" says, add it to the tally\'s note: type it at the end of its note '
                            "(line 9), so that it ends: 收集约85份")
    root.joinpath(UNIT_PATH).write_text(
        HEAD + TALLY.format(collected="85", note=note.replace("录入。\n", "录入。收集约85份\n")), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1:3] == ['baihe,白鹤镇,2018-04-26,,85,40,30,15,"文章未给出完成期限。',
                                                  '数字按原文录入。收集约85份"']


# -- a note after a full-width space, in a field that is no text ---------------------------------------------------

_WHY = ('the note "{note}" after it is read as part of it, because of the full-width space (全角空格) before it: '
        'YAML reads an ordinary "#" after an ordinary space as the start of a note (注释)')
_FIX = "type the space before the # as an ordinary space (半角), not a full-width one: "


@pytest.mark.parametrize(("lines", "at", "field", "value", "note", "fixed"), [
    (TALLY.format(collected="85　# 份", note=""), (5, 16), "tallies → item 1 → collected", "85", "# 份",
     TALLY.format(collected="85   # 份", note="")),
    (TARGET.format(target="80　# 区要求", note=""), (5, 13), "targets → item 1 → target", "80", "# 区要求",
     TARGET.format(target="80   # 区要求", note="")),
    ("milestones:\n  - date: 2018-01-20　# 原定1月18日\n    title: 召开动员会\n", (4, 11),
     "milestones → item 1 → date", "2018-01-20", "# 原定1月18日",
     "milestones:\n  - date: 2018-01-20   # 原定1月18日\n    title: 召开动员会\n"),
])
def test_a_note_after_a_full_width_space_in_a_unit_file_is_told_once(
        tmp_path: Path, lines: str, at: tuple[int, int], field: str, value: str, note: str, fixed: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    key = field.rsplit(" → ", 1)[-1]
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:{at[0]}:{at[1]}: error: {field}: the value is "{value}", and {_WHY.format(note=note)}\n'
        f"  hint: {_FIX}{key}: {value}   {note}"]
    root.joinpath(UNIT_PATH).write_text(HEAD + fixed, encoding="utf-8")
    assert found(root) == []


@pytest.mark.parametrize(("extra", "field", "value", "note", "column"), [
    ("draft: false　# 发布\n", "draft", "false", "# 发布", 8),
    ("unit: baihe　# 白鹤\n", "unit", "baihe", "# 白鹤", 7),
])
def test_a_note_after_a_full_width_space_in_front_matter_is_told_once_without_quotes(
        tmp_path: Path, extra: str, field: str, value: str, note: str, column: int) -> None:
    # The build stopped with "not a yes/no" and a warning offering quotes ("false　# 发布" is no yes/no either)
    # that said "so the page shows …" of a page not built.
    page = interview(extra=extra).replace("unit: baihe\n", "", 1 if field == "unit" else 0)
    root = write_site(tmp_path, {PAGE_PATH: page})
    line = page.splitlines().index(extra.strip()) + 1
    assert [p.format() for p in found(root)] == [
        f'{PAGE_PATH}:{line}:{column}: error: {field}: the value is "{value}", and {_WHY.format(note=note)}\n'
        f"  hint: {_FIX}{field}: {value}   {note}"]
    root.joinpath(PAGE_PATH).write_text(page.replace(extra, f"{field}: {value}   {note}\n"), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert (root / "output/interviews").is_dir()


def test_a_date_with_a_note_after_a_full_width_space_is_told_once(tmp_path: Path) -> None:
    page = interview(date="2018-05-03 10:00　# 原定5月2日")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert [p.format() for p in found(root)] == [
        f'{PAGE_PATH}:8:7: error: date: the value is "2018-05-03 10:00", and {_WHY.format(note="# 原定5月2日")}\n'
        f"  hint: {_FIX}date: 2018-05-03 10:00   # 原定5月2日"]
    root.joinpath(PAGE_PATH).write_text(interview(date="2018-05-03 10:00   # 原定5月2日"), encoding="utf-8")
    assert found(root) == []


def test_a_text_with_a_note_after_a_full_width_space_is_still_warned_with_quotes_offered(tmp_path: Path) -> None:
    # A text can hold the "#": there the warning stands, quotes and all.
    root = write_site(tmp_path, {PAGE_PATH: interview(title="白鹤镇访谈　# 标题")})
    [problem] = found(root)
    assert problem.severity == "warning"
    assert 'wrap the whole value in quotes: title: "白鹤镇访谈　# 标题"' in problem.hint


# -- a field of the file typed indented after a list ---------------------------------------------------------------

_TARGETS = "targets:\n  - group: residents\n    target: 80\n"


@pytest.mark.parametrize("field", ["targets", "milestones"])
def test_a_field_of_the_unit_file_indented_after_the_tallies_is_told_to_move_left(tmp_path: Path,
                                                                                   field: str) -> None:
    # It was told "start the line with "- ", or … indent it with 4 spaces": followed, three errors more.
    block = _TARGETS if field == "targets" else "milestones:\n  - date: 2018-01-20\n    title: 召开动员会\n"
    indented = "".join("  " + line for line in block.splitlines(True))
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="85", note="") + indented})
    assert [p.format() for p in found(root)] == [
        f'{UNIT_PATH}:9:3: error: "{field}:" is a field of the file, typed with 2 spaces before it: YAML reads it '
        'as part of the list "tallies:" above, whose items start with "- " (YAML parser: while parsing a block '
        "collection: did not find expected '-' indicator)\n"
        "  hint: type it at the left edge, with no spaces before it, as the file's other fields, and take 2 spaces "
        f"from the start of each line under it (lines 10 to 11): {field}:"]
    root.joinpath(UNIT_PATH).write_text(HEAD + TALLY.format(collected="85", note="") + block, encoding="utf-8")
    assert found(root) == []


def test_a_field_of_the_front_matter_indented_after_a_list_is_told_to_move_left(tmp_path: Path) -> None:
    images = "images:\n  - src: images/a.svg\n    alt: 示意图\n"
    source = "  source:\n    publisher: 上海热线新闻网\n    url: https://example.org/a.html\n"
    page = interview(extra=images + source)
    root = write_site(tmp_path, {PAGE_PATH: page, "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    assert [p.format() for p in found(root)] == [
        f'{PAGE_PATH}:12:3: error: "source:" is a field of the file, typed with 2 spaces before it: YAML reads it '
        'as part of the list "images:" above, whose items start with "- " (YAML parser: while parsing a block '
        "collection: did not find expected '-' indicator)\n"
        "  hint: type it at the left edge, with no spaces before it, as the file's other fields, and take 2 spaces "
        "from the start of each line under it (lines 13 to 14): source:"]
    root.joinpath(PAGE_PATH).write_text(page.replace(source, "".join(line[2:] for line in source.splitlines(True))),
                                        encoding="utf-8")
    assert found(root) == []


def test_a_field_of_the_front_matter_indented_after_a_list_of_words_is_told_to_line_up(tmp_path: Path) -> None:
    page = interview(extra="tags:\n  - 大调研\n  - 民生\n  source:\n  publisher: 上海热线新闻网\n"
                           "  url: https://example.org/a.html\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    [problem] = found(root)
    assert problem.hint == ('if it is a field of its own, delete the spaces at the start of the line, lined up with '
                            '"tags:"; if it is an item, start it with "- "')
    root.joinpath(PAGE_PATH).write_text(page.replace("  source:\n", "source:\n"), encoding="utf-8")
    assert found(root) == []


def test_a_field_of_the_list_items_typed_short_is_still_told_to_line_up(tmp_path: Path) -> None:
    # note is a tally's field: it belongs to the item above, as the old hint says.
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="85", note="  note: 文章\n")})
    [problem] = found(root)
    assert problem.hint.startswith('indent it with 4 spaces, lined up with')


# -- a date typed with words beside it -----------------------------------------------------------------------------

_DATED_TALLY = ("tallies:\n  - as_of: {date}\n    collected: 85\n    escalated: 40\n    resolved: 30\n"
                "    in_progress: 15\n{note}")
_DATED_TARGET = "targets:\n  - group: residents\n    target: 80\n    measured: 50\n    {field}: {date}\n{note}"
_MILESTONE = "milestones:\n  - date: {date}\n    title: 召开大调研动员部署会\n{note}"
_NEW_LINE = "add a line under the {}'s other fields, indented as they are (4 spaces): "


def follow_date_hint(root: Path, problem: Problem) -> None:
    """Type what a date-with-words hint says: the date line at the problem's line, and the note (or description)
    line it gives, at the line it names or as a new line after the record's last."""
    path = root / problem.path
    lines = path.read_text(encoding="utf-8").split("\n")
    key, written = re.search(r"write the date alone: (\w+): ([\d:\- ]+\d)", problem.hint).groups()
    lines[problem.line - 1] = lines[problem.line - 1].split(f"{key}: ")[0] + f"{key}: {written}"
    follow_note_line(lines, problem)
    path.write_text("\n".join(lines), encoding="utf-8")


def follow_note_line(lines: list[str], problem: Problem) -> None:
    """Type into ``lines`` the note (or description) line a hint gives: at the line it names, or as a new line
    after the record's last."""
    if (kept := re.search(r"at the end of its \w+: line \(line (\d+)\), so that it reads: (.*)$", problem.hint)):
        at = int(kept[1]) - 1
        lines[at] = lines[at][:len(lines[at]) - len(lines[at].lstrip())] + kept[2]
    elif (new := re.search(r"indented as they are \((\d+) spaces\): (.*)$", problem.hint)):
        last = problem.line
        while last < len(lines) and lines[last].startswith(" " * int(new[1])):
            last += 1
        lines.insert(last, " " * int(new[1]) + new[2])


_LETTER_O = ' (the "{}" typed in it is not the digit {})'
_AT_END = "type it at the end of its {0}: line (line {1}), so that it reads: {0}: {2}"


_LOOKALIKE_DATES = [
    # The hint offered the date with its digit but said nothing of the O, and offered the note the value as typed,
    # O and all, with no word of which date it was: "…正在办理。2018-04-2O 左右".
    (_DATED_TALLY.format(date="2018-04-2O 左右", note="    note: 文章未给出完成期限。\n"), 4,
     "tallies → item 1 → as_of", "2018-04-2O 左右",
     "write the date alone: as_of: 2018-04-20" + _LETTER_O.format("O", 0) + '; to keep what "左右" says, add it to '
     "the tally's note: " + _AT_END.format("note", 9, "文章未给出完成期限。截至2018-04-20左右"),
     "tallies.csv", "baihe,白鹤镇,2018-04-20,,85,40,30,15,文章未给出完成期限。截至2018-04-20左右"),
    (_DATED_TALLY.format(date="2018年4月2Ｏ日左右", note=""), 4, "tallies → item 1 → as_of", "2018年4月2Ｏ日左右",
     "write the date alone: as_of: 2018-04-20" + _LETTER_O.format("Ｏ", 0) + '; to keep what "左右" says, add it to '
     "the tally's note: " + _NEW_LINE.format("tally") + "note: 截至2018年4月20日左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-20,,85,40,30,15,截至2018年4月20日左右"),
    (_DATED_TALLY.format(date="约2018-04-2l", note=""), 4, "tallies → item 1 → as_of", "约2018-04-2l",
     "write the date alone: as_of: 2018-04-21" + _LETTER_O.format("l", 1) + '; to keep what "约" says, add it to '
     "the tally's note: " + _NEW_LINE.format("tally") + "note: 截至约2018-04-21",
     "tallies.csv", "baihe,白鹤镇,2018-04-21,,85,40,30,15,截至约2018-04-21"),
    # Typed all in full width, the date the note keeps is in full width too, its digit with it.
    (_DATED_TALLY.format(date="２０１８－０４－２〇 原定４月２５日", note=""), 4, "tallies → item 1 → as_of",
     "２０１８－０４－２〇 原定４月２５日",
     "write the date alone: as_of: 2018-04-20" + _LETTER_O.format("〇", 0) + '; to keep what "原定４月２５日" says, '
     "add it to the tally's note: " + _NEW_LINE.format("tally") + "note: 截至２０１８－０４－２０，原定４月２５日",
     "tallies.csv", "baihe,白鹤镇,2018-04-20,,85,40,30,15,截至２０１８－０４－２０，原定４月２５日"),
    (_DATED_TARGET.format(field="deadline", date="2018-12-3l前后", note="    note: 区要求。\n").replace(
        "    measured: 50\n", ""), 6, "targets → item 1 → deadline", "2018-12-3l前后",
     "write the date alone: deadline: 2018-12-31" + _LETTER_O.format("l", 1) + '; to keep what "前后" says, add it '
     "to the target's note: " + _AT_END.format("note", 7, "区要求。期限2018-12-31前后"),
     "targets.csv", "baihe,白鹤镇,residents,居民,80,2018-12-31,,,区要求。期限2018-12-31前后"),
    (_DATED_TARGET.format(field="measured_as_of", date="截至2018-O6-30左右", note=""), 7,
     "targets → item 1 → measured_as_of", "截至2018-O6-30左右",
     "write the date alone: measured_as_of: 2018-06-30" + _LETTER_O.format("O", 0) + '; to keep what "左右" says, '
     "add it to the target's note: " + _NEW_LINE.format("target") + "note: 实测日期2018-06-30左右",
     "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,实测日期2018-06-30左右"),
    (_MILESTONE.format(date="2018-01-1O 前后", note="    description: 全镇动员部署。\n"), 4,
     "milestones → item 1 → date", "2018-01-1O 前后",
     "write the date alone: date: 2018-01-10" + _LETTER_O.format("O", 0) + '; to keep what "前后" says, add it to '
     "the milestone's description: " + _AT_END.format("description", 6, "全镇动员部署。日期2018-01-10前后"),
     "milestones.csv", "baihe,白鹤镇,2018-01-10,召开大调研动员部署会,全镇动员部署。日期2018-01-10前后,done"),
    (_MILESTONE.format(date="据通知2018-01-1o", note=""), 4, "milestones → item 1 → date", "据通知2018-01-1o",
     "write the date alone: date: 2018-01-10" + _LETTER_O.format("o", 0) + '; to keep what "据通知" says, add it '
     "to the milestone's description: " + _NEW_LINE.format("milestone") + "description: 据通知，日期2018-01-10",
     "milestones.csv", "baihe,白鹤镇,2018-01-10,召开大调研动员部署会,据通知，日期2018-01-10,done"),
]
"""Dates with words and a letter typed for a digit, each field's: the letter said, the words kept with the date."""


@pytest.mark.parametrize(("lines", "at", "field", "typed", "hint", "csv", "row"), [
    # "did you mean 2018-04-26?" dropped 左右: followed, the tally was published as of that day exactly.
    (_DATED_TALLY.format(date="2018-04-26 左右", note=""), 4, "tallies → item 1 → as_of", "2018-04-26 左右",
     'write the date alone: as_of: 2018-04-26; to keep what "左右" says, add it to the tally\'s note: '
     + _NEW_LINE.format("tally") + "note: 截至2018-04-26左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,截至2018-04-26左右"),
    (_DATED_TALLY.format(date="约2018-04-26", note="    note: 文章未给出完成期限。\n"), 4,
     "tallies → item 1 → as_of", "约2018-04-26",
     'write the date alone: as_of: 2018-04-26; to keep what "约" says, add it to the tally\'s note: type it at the '
     "end of its note: line (line 9), so that it reads: note: 文章未给出完成期限。截至约2018-04-26",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。截至约2018-04-26"),
    # 截至 is what as_of means (the page shows it before the date): left out; 左右 is kept, with the date.
    (_DATED_TALLY.format(date="截至2018年4月26日左右", note="    note: 文章未给出完成期限\n"), 4,
     "tallies → item 1 → as_of", "截至2018年4月26日左右",
     'write the date alone: as_of: 2018-04-26; to keep what "左右" says, add it to the tally\'s note: type it at the '
     "end of its note: line (line 9), so that it reads: note: 文章未给出完成期限；截至2018年4月26日左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限；截至2018年4月26日左右"),
    (_DATED_TALLY.format(date="2018-04-26 原定4月25日", note=""), 4, "tallies → item 1 → as_of",
     "2018-04-26 原定4月25日",
     'write the date alone: as_of: 2018-04-26; to keep what "原定4月25日" says, add it to the tally\'s note: '
     + _NEW_LINE.format("tally") + "note: 截至2018-04-26，原定4月25日",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,截至2018-04-26，原定4月25日"),
    (_DATED_TARGET.format(field="deadline", date="2018-12-31前后", note="    note: 区要求。\n").replace(
        "    measured: 50\n", ""), 6,
     "targets → item 1 → deadline", "2018-12-31前后",
     'write the date alone: deadline: 2018-12-31; to keep what "前后" says, add it to the target\'s note: type it '
     "at the end of its note: line (line 7), so that it reads: note: 区要求。期限2018-12-31前后",
     "targets.csv", "baihe,白鹤镇,residents,居民,80,2018-12-31,,,区要求。期限2018-12-31前后"),
    (_DATED_TARGET.format(field="measured_as_of", date="2018-06-30 左右", note=""), 7,
     "targets → item 1 → measured_as_of", "2018-06-30 左右",
     'write the date alone: measured_as_of: 2018-06-30; to keep what "左右" says, add it to the target\'s note: '
     + _NEW_LINE.format("target") + "note: 实测日期2018-06-30左右",
     "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,实测日期2018-06-30左右"),
    # A milestone has no note: its description, shown under its title, keeps the words.
    (_MILESTONE.format(date="2018-01-15（约）", note="    description: 全镇动员部署。\n"), 4,
     "milestones → item 1 → date", "2018-01-15（约）",
     'write the date alone: date: 2018-01-15; to keep what "（约）" says, add it to the milestone\'s description: '
     "type it at the end of its description: line (line 6), so that it reads: description: 全镇动员部署。日期2018-01-15（约）",
     "milestones.csv", "baihe,白鹤镇,2018-01-15,召开大调研动员部署会,全镇动员部署。日期2018-01-15（约）,done"),
    # In Chinese numerals, as official documents write dates: read, and kept in digits.
    (_DATED_TALLY.format(date="二〇一八年四月二十六日左右", note=""), 4, "tallies → item 1 → as_of", "二〇一八年四月二十六日左右",
     'write the date alone: as_of: 2018-04-26; to keep what "左右" says, add it to the tally\'s note: '
     + _NEW_LINE.format("tally") + "note: 截至2018年4月26日左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,截至2018年4月26日左右"),
    # A time in a field without one went with "this field is a date without a time: write 2018-04-26", and 左右
    # with it, unsaid: both are kept in the note, as typed.
    (_DATED_TALLY.format(date="2018-04-26 10:00 左右", note=""), 4, "tallies → item 1 → as_of", "2018-04-26 10:00 左右",
     'write the date alone: as_of: 2018-04-26; to keep what "10:00 左右" says, add it to the tally\'s note: '
     + _NEW_LINE.format("tally") + "note: 截至2018-04-26 10:00 左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,截至2018-04-26 10:00 左右"),
    (_DATED_TALLY.format(date="2018年4月26日10:00左右", note="    note: 文章未给出完成期限。\n"), 4,
     "tallies → item 1 → as_of", "2018年4月26日10:00左右",
     'write the date alone: as_of: 2018-04-26; to keep what "10:00左右" says, add it to the tally\'s note: type it '
     "at the end of its note: line (line 9), so that it reads: note: 文章未给出完成期限。截至2018年4月26日10:00左右",
     "tallies.csv", "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。截至2018年4月26日10:00左右"),
    (_MILESTONE.format(date="2018-01-15 9:30 据通知", note=""), 4, "milestones → item 1 → date", "2018-01-15 9:30 据通知",
     'write the date alone: date: 2018-01-15; to keep what "9:30 据通知" says, add it to the milestone\'s '
     "description: " + _NEW_LINE.format("milestone") + "description: 日期2018-01-15 9:30 据通知",
     "milestones.csv", "baihe,白鹤镇,2018-01-15,召开大调研动员部署会,日期2018-01-15 9:30 据通知,done"),
    (_MILESTONE.format(date="2018年1月15日前后", note=""), 4, "milestones → item 1 → date", "2018年1月15日前后",
     'write the date alone: date: 2018-01-15; to keep what "前后" says, add it to the milestone\'s description: '
     + _NEW_LINE.format("milestone") + "description: 日期2018年1月15日前后",
     "milestones.csv", "baihe,白鹤镇,2018-01-15,召开大调研动员部署会,日期2018年1月15日前后,done"),
] + _LOOKALIKE_DATES)
def test_words_beside_a_date_of_a_unit_file_are_kept_in_the_note_or_description(
        tmp_path: Path, lines: str, at: int, field: str, typed: str, hint: str, csv: str, row: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    column = lines.splitlines()[at - 3].index(": ") + 3
    [problem] = found(root)
    assert problem.format() == (f'{UNIT_PATH}:{at}:{column}: error: {field}: "{typed}" is not a date sitegen '
                                f"understands\n  hint: {hint}")
    follow_date_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, csv)[1] == row


def test_a_date_said_by_its_field_with_a_letter_for_a_digit_says_the_letter(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + _DATED_TALLY.format(date="截至2018-04-2O", note="")})
    [problem] = found(root)
    assert problem.hint == ('write the date alone: as_of: 2018-04-20 (the "O" typed in it is not the digit 0; as_of '
                            "says 截至 already: the page shows 截至 before the date)")
    follow_date_hint(root, problem)
    assert found(root) == []


def test_words_beside_a_date_added_to_a_note_too_long_to_give_whole_say_what_to_type_after_it(tmp_path: Path) -> None:
    # It said 'so that it reads, after "…"', and what to type there was not given.
    note = "文章未给出完成期限" * 40 + "。"
    root = write_site(tmp_path, {UNIT_PATH: HEAD + _DATED_TALLY.format(date="2018-04-26 左右", note=f"    note: {note}\n")})
    [problem] = found(root)
    assert problem.hint == ('write the date alone: as_of: 2018-04-26; to keep what "左右" says, add it to the tally\'s '
                            'note: type it at the end of its note: line (line 9): after "未给出完成期限。", type '
                            "截至2018-04-26左右")
    root.joinpath(UNIT_PATH).write_text(
        HEAD + _DATED_TALLY.format(date="2018-04-26", note=f"    note: {note}截至2018-04-26左右\n"), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1].endswith(f",85,40,30,15,{note}截至2018-04-26左右")


def test_a_note_that_needs_quotes_is_offered_in_quotes_with_the_words_added(tmp_path: Path) -> None:
    # note: "来源: 上海热线新闻网" was offered bare, "note: 来源: 上海热线新闻网；2018-04-26 10:00 左右": typed so, the
    # line was refused ("the value contains ': '").
    lines = _DATED_TALLY.format(date="2018-04-26 10:00 左右", note='    note: "来源: 上海热线新闻网"\n')
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    [problem] = found(root)
    assert problem.hint.endswith('so that it reads: note: "来源: 上海热线新闻网；截至2018-04-26 10:00 左右"')
    follow_date_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1].endswith(",来源: 上海热线新闻网；截至2018-04-26 10:00 左右")


@pytest.mark.parametrize(("typed", "said"), [("2018年4月26日止", "止"), ("2018-04-26 为止", "为止"),
                                            ("截至2018年4月26日止", "截至"), ("2018-04-26日止", "止")])
def test_as_of_typed_before_zhi_is_told_the_page_says_it(tmp_path: Path, typed: str, said: str) -> None:
    # 2018年4月26日止 ("up to 26 April 2018") says what 截至 says: "止" was offered to the note, "…期限。止".
    lines = _DATED_TALLY.format(date=typed, note="    note: 文章未给出完成期限。\n")
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    [problem] = found(root)
    assert problem.hint == (f"write the date alone: as_of: 2018-04-26 (as_of says {said} already: the page shows "
                            "截至 before the date)")
    follow_date_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。"


@pytest.mark.parametrize("field", ["as_of", "measured_as_of"])
def test_as_of_typed_after_jiezhi_is_told_the_page_says_it(tmp_path: Path, field: str) -> None:
    # 截至 (as of) is what the field means, and the page shows it before the date: nothing to keep.
    lines = (_DATED_TALLY.format(date="截至2018-04-26", note="") if field == "as_of" else
             _DATED_TARGET.format(field=field, date="截止2018-04-26", note=""))
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    [problem] = found(root)
    said = "截至" if field == "as_of" else "截止"
    assert problem.hint == (f"write the date alone: {field}: 2018-04-26 ({field} says {said} already: the page shows "
                            "截至 before the date)")
    follow_date_hint(root, problem)
    assert found(root) == []


_NOT_KEPT = ('delete "{words}" and write the date alone: {key}: {written} (the page has no field that publishes '
             "words about its {key}: typed beside it, they would not be published)")


@pytest.mark.parametrize(("path", "text", "key", "typed", "words", "written"), [
    # "2018-05-03 10:00 左右" was told to write a time in place of 左右; 约2018-05-03 "did you mean 2018-05-03?".
    (PAGE_PATH, interview(date="2018-05-03 10:00 左右"), "date", "2018-05-03 10:00 左右", "左右", "2018-05-03 10:00"),
    (PAGE_PATH, interview(date="约2018-05-03"), "date", "约2018-05-03", "约", "2018-05-03"),
    (PAGE_PATH, interview(date="2018年5月3日前后"), "date", "2018年5月3日前后", "前后", "2018-05-03"),
    ("content/cases/caomei.md", "---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\n"
     "actions: [走访]\nrelated_tally: 2018-04-26 10:00 左右\ndate: 2018-05-03\n---\n正文。\n", "related_tally",
     "2018-04-26 10:00 左右", "10:00 左右", "2018-04-26"),
    ("content/cases/caomei.md", "---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\n"
     "actions: [走访]\nrelated_tally: 约2018-04-26\ndate: 2018-05-03\n---\n正文。\n", "related_tally",
     "约2018-04-26", "约", "2018-04-26"),
])
def test_words_beside_a_date_of_a_page_are_named_to_be_deleted(tmp_path: Path, path: str, text: str, key: str,
                                                              typed: str, words: str, written: str) -> None:
    root = write_site(tmp_path, {path: text})
    line = text.splitlines().index(f"{key}: {typed}") + 1
    assert [p.format() for p in found(root)] == [
        f'{path}:{line}:{len(key) + 3}: error: {key}: "{typed}" is not a date sitegen understands\n'
        f"  hint: {_NOT_KEPT.format(words=words, key=key, written=written)}"]
    root.joinpath(path).write_text(text.replace(f"{key}: {typed}", f"{key}: {written}"), encoding="utf-8")
    assert found(root) == []
    build(BuildOptions(root=root, now=NOW, search=False))
    assert (root / "output" / path.removeprefix("content/").removesuffix(".md") / "index.html").is_file()


@pytest.mark.parametrize(("typed", "hint"), [
    ("2018-04-26 左右", 'write the date alone: 2018-04-26; "左右" beside it is no part of a date: to keep it, type it '
                      "in a field of its own"),
    # The O was said after the words, as if of them: it is said of the date.
    ("2018-04-2O 左右", 'write the date alone: 2018-04-20 (the "O" typed in it is not the digit 0); "左右" beside it is '
                      "no part of a date: to keep it, type it in a field of its own"),
    # Not words: the hints of before stand.
    ("2018-01-15日", "did you mean 2018-01-15? write the date as YYYY-MM-DD, year-month-day (年-月-日)"),
    ("2018-04-26 10:00", "this field is a date without a time: write 2018-04-26"),
    ("截至2018-04-26 10:00", 'write the date alone: 2018-04-26; "截至 10:00" beside it is no part of a date: to keep '
                           "it, type it in a field of its own"),
    ("2018-04-26 10:00 左右", 'write the date alone: 2018-04-26; "10:00 左右" beside it is no part of a date: to keep '
                            "it, type it in a field of its own"),
])
def test_a_date_with_words_read_outside_a_record_names_the_words(typed: str, hint: str) -> None:
    # A data/ file's date, shown by a template's date filter: its record is not known, the words are still named.
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(typed)
    assert caught.value.context["hint"] == hint


@pytest.mark.parametrize(("typed", "hint"), [
    # A part of the day is the time's, told by its own hint; so is a time typed with a full stop.
    ("2018-05-03 上午", "write the time on the 24-hour clock (24小时制) after the date and a space: 2018-05-03 HH:MM, "
                      "hours 00 to 23 and minutes 00 to 59"),
    ("2018-05-03 14.30", "did you mean 2018-05-03 14:30? write the time with a colon (:)"),
])
def test_a_publish_time_with_a_time_slip_keeps_its_time_hint(typed: str, hint: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_datetime(typed)
    assert caught.value.context["hint"] == hint


# -- a date range typed where one day goes -------------------------------------------------------------------------

_RANGE_MESSAGE = ('{path}:{line}:{column}: error: {field}: "{typed}" is a date range (时段), from {first} to {last}, '
                  "not one day")
_AS_OF_LAST = "write the range's last day (a tally's figures are totals up to one day: for a range, its last): "


def follow_range_hint(root: Path, problem: Problem, year: str = "") -> None:
    """Type what a date-range hint says: the day it offers at the problem's line (``year`` in place of YYYY), and
    the note (or description) line it gives."""
    path = root / problem.path
    lines = path.read_text(encoding="utf-8").split("\n")
    key, written = re.search(r"\): (\w+): ((?:\d{4}|YYYY)-\d{2}-\d{2})", problem.hint).groups()
    lines[problem.line - 1] = lines[problem.line - 1].split(f"{key}: ")[0] + f"{key}: {written.replace('YYYY', year)}"
    follow_note_line(lines, problem)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("typed", [
    # It was offered its first day, with "截至2018年5月1日，至5月20日" for the note; the others got the hint of a date
    # typed in no known form.
    "2018年5月1日至5月20日", "2018-05-01至2018-05-20", "2018.5.1-5.20", "2018-05-01~2018-05-20", "2018年5月1日到20日",
    "2018年5月1-20日", "2018/5/1—2018/5/20", "2018-05-01 — 2018-05-20", "２０１８－０５－０１～２０１８－０５－２０",
    "自2018年5月1日至5月20日止",
    # In Chinese numerals, as official documents (公文) write dates: told as a date of the first day with words
    # beside it ("至20日"), offered 2018-05-01.
    "二〇一八年五月一日至二十日", "二〇一八年五月一日至五月二十日", "自二零一八年五月一日至五月二十日止",
])
def test_a_range_typed_as_a_tallys_as_of_offers_its_last_day_and_keeps_the_range_in_the_note(
        tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + _DATED_TALLY.format(date=typed, note="    note: 据镇大调研办公室通报。\n")})
    kept = typed.removeprefix("自").removesuffix("止")
    [problem] = found(root)
    assert problem.format() == (
        _RANGE_MESSAGE.format(path=UNIT_PATH, line=4, column=12, field="tallies → item 1 → as_of", typed=typed,
                              first="2018-05-01", last="2018-05-20")
        + f"\n  hint: {_AS_OF_LAST}as_of: 2018-05-20; to keep the range, add it to the tally's note: "
        + _AT_END.format("note", 9, f"据镇大调研办公室通报。统计时段{kept}"))
    follow_range_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == f"baihe,白鹤镇,2018-05-20,,85,40,30,15,据镇大调研办公室通报。统计时段{kept}"


def test_a_range_typed_without_its_year_asks_for_the_year_of_its_last_day(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + _DATED_TALLY.format(date="5月1日—5月20日", note="")})
    [problem] = found(root)
    assert problem.format() == (
        _RANGE_MESSAGE.format(path=UNIT_PATH, line=4, column=12, field="tallies → item 1 → as_of",
                              typed="5月1日—5月20日", first="5月1日", last="5月20日")
        + f"\n  hint: {_AS_OF_LAST}as_of: YYYY-05-20, with the year of the source document in place of YYYY "
        "(年-月-日); to keep the range, add it to the tally's note: " + _NEW_LINE.format("tally")
        + "note: 统计时段5月1日—5月20日")
    follow_range_hint(root, problem, year="2018")
    assert found(root) == []


@pytest.mark.parametrize(("lines", "at", "field", "typed", "first", "last", "hint", "csv", "row"), [
    # A deadline is the range's last day, a milestone its first: each hint says which and why.
    (_DATED_TARGET.format(field="deadline", date="2018年12月1日至12月31日", note="    note: 区要求。\n").replace(
        "    measured: 50\n", ""), 6, "targets → item 1 → deadline", "2018年12月1日至12月31日", "2018-12-01",
     "2018-12-31",
     "write the range's last day (a deadline is the day the target is to be reached by: for a range, its last): "
     "deadline: 2018-12-31; to keep the range, add it to the target's note: "
     + _AT_END.format("note", 7, "区要求。期限2018年12月1日至12月31日"),
     "targets.csv", "baihe,白鹤镇,residents,居民,80,2018-12-31,,,区要求。期限2018年12月1日至12月31日"),
    (_DATED_TARGET.format(field="measured_as_of", date="2018-06-01~2018-06-30", note=""), 7,
     "targets → item 1 → measured_as_of", "2018-06-01~2018-06-30", "2018-06-01", "2018-06-30",
     "write the range's last day (a share measured is as of one day: for a range, its last): measured_as_of: "
     "2018-06-30; to keep the range, add it to the target's note: " + _NEW_LINE.format("target")
     + "note: 实测时段2018-06-01~2018-06-30",
     "targets.csv", "baihe,白鹤镇,residents,居民,80,,50,2018-06-30,实测时段2018-06-01~2018-06-30"),
    (_MILESTONE.format(date="2018年1月15日至16日", note="    description: 全镇动员部署。\n"), 4,
     "milestones → item 1 → date", "2018年1月15日至16日", "2018-01-15", "2018-01-16",
     "write the range's first day (a milestone is dated by the day it began: for a range, its first): date: "
     "2018-01-15; to keep the range, add it to the milestone's description: "
     + _AT_END.format("description", 6, "全镇动员部署。起止日期2018年1月15日至16日"),
     "milestones.csv", "baihe,白鹤镇,2018-01-15,召开大调研动员部署会,全镇动员部署。起止日期2018年1月15日至16日,done"),
    (_MILESTONE.format(date="二〇一八年一月十五日至十六日", note="    description: 全镇动员部署。\n"), 4,
     "milestones → item 1 → date", "二〇一八年一月十五日至十六日", "2018-01-15", "2018-01-16",
     "write the range's first day (a milestone is dated by the day it began: for a range, its first): date: "
     "2018-01-15; to keep the range, add it to the milestone's description: "
     + _AT_END.format("description", 6, "全镇动员部署。起止日期二〇一八年一月十五日至十六日"),
     "milestones.csv", "baihe,白鹤镇,2018-01-15,召开大调研动员部署会,全镇动员部署。起止日期二〇一八年一月十五日至十六日,done"),
])
def test_a_range_typed_as_another_date_of_a_unit_file_offers_the_day_its_field_means(
        tmp_path: Path, lines: str, at: int, field: str, typed: str, first: str, last: str, hint: str, csv: str,
        row: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + lines})
    column = lines.splitlines()[at - 3].index(": ") + 3
    [problem] = found(root)
    assert problem.format() == (_RANGE_MESSAGE.format(path=UNIT_PATH, line=at, column=column, field=field,
                                                      typed=typed, first=first, last=last) + f"\n  hint: {hint}")
    follow_range_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, csv)[1] == row


_CASE = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\nactions: [走访]\n"
         "related_tally: {related}\ndate: 2018-05-03\n---\n正文。\n")


@pytest.mark.parametrize(("path", "text", "key", "typed", "first", "hint", "written"), [
    (PAGE_PATH, interview(date="2018-05-01至2018-05-03"), "date", "2018-05-01至2018-05-03", "2018-05-01",
     "a page's date is the one day it was published (发布日期), not a period: write that day alone, e.g. date: "
     "2018-05-03 if it was the range's last day; the page has no field that publishes the range (say it in its "
     "text if readers are to read it)", "2018-05-03"),
    (PAGE_PATH, interview(extra="updated: 2018年5月4日至5日\n"), "updated", "2018年5月4日至5日", "2018-05-04",
     "a page's updated is the one day it was last corrected (更新时间), not a period: write that day alone, e.g. "
     "updated: 2018-05-05 if it was the range's last day; the page has no field that publishes the range (say it "
     "in its text if readers are to read it)", "2018-05-05"),
    ("content/cases/caomei.md", _CASE.format(related="2018.4.20-4.26"), "related_tally", "2018.4.20-4.26",
     "2018-04-20", "write the range's last day (related_tally names a tally by its as_of, which for a range is its "
     "last day): related_tally: 2018-04-26", "2018-04-26"),
])
def test_a_range_typed_as_a_pages_date_says_the_field_takes_one_day(tmp_path: Path, path: str, text: str, key: str,
                                                                   typed: str, first: str, hint: str,
                                                                   written: str) -> None:
    root = write_site(tmp_path, {path: text})
    line = text.splitlines().index(f"{key}: {typed}") + 1
    assert [p.format() for p in found(root)] == [
        _RANGE_MESSAGE.format(path=path, line=line, column=len(key) + 3, field=key, typed=typed, first=first,
                              last=written)
        + f"\n  hint: {hint}"]
    root.joinpath(path).write_text(text.replace(f"{key}: {typed}", f"{key}: {written}"), encoding="utf-8")
    assert found(root) == []


def test_a_range_in_the_examples_new_tally_followed_is_the_day_a_case_study_cites(tmp_path: Path) -> None:
    # Followed, the old hint dated the tally 2018-05-01, and a case study citing the figures of 20 May was told
    # "did you mean 2018-05-01?": the wrong day spread to every page citing the tally.
    root = copy_example(tmp_path)
    edit_file(root, "content/units/baihe.yaml", "\ntargets:", "  - as_of: 2018年5月1日至5月20日\n    collected: 320\n"
              "    escalated: 150\n    resolved: 115\n    in_progress: 55\n    note: 据镇大调研办公室通报。\n\ntargets:")
    edit_file(root, "content/cases/baihe-caomei.md", "related_tally: 2018-04-26\ndate: 2018-05-03 10:00",
              "related_tally: 2018-05-20\ndate: 2018-05-25 10:00")
    [problem] = found(root)
    assert problem.format() == (
        _RANGE_MESSAGE.format(path=UNIT_PATH, line=18, column=12, field="tallies → item 2 → as_of",
                              typed="2018年5月1日至5月20日", first="2018-05-01", last="2018-05-20")
        + f"\n  hint: {_AS_OF_LAST}as_of: 2018-05-20; to keep the range, add it to the tally's note: "
        + _AT_END.format("note", 23, "据镇大调研办公室通报。统计时段2018年5月1日至5月20日"))
    follow_range_hint(root, problem)
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[2] == "baihe,白鹤镇,2018-05-20,,320,150,115,55,据镇大调研办公室通报。统计时段2018年5月1日至5月20日"


@pytest.mark.parametrize(("typed", "kind", "hint"), [
    # A data/ file's date: its field is not known, so either end is offered.
    ("2018-05-01~2018-05-20", "date_range", "write the one day meant alone: the range's first, 2018-05-01, or its "
                                            "last, 2018-05-20; to keep the range, type it in a field of its own"),
    ("2018年12月20日至1月5日", "date_range", "write the one day meant alone: the range's first, 2018-12-20, or its "
                                          "last, 2019-01-05; to keep the range, type it in a field of its own"),
    ("二〇一八年十二月二十日至一月五日", "date_range", "write the one day meant alone: the range's first, 2018-12-20, "
                                                "or its last, 2019-01-05; to keep the range, type it in a field of its own"),
    # A single day in Chinese numerals is a date's own slip, read in digits.
    ("二〇一八年五月二十日", "date_format", "did you mean 2018-05-20? write the date in digits (阿拉伯数字), as YYYY-MM-DD "
                                   "(年-月-日)"),
    # No range: a date with two digits of its year, a day after a date typed with "-", a second day before the first.
    ("12-5-18", "date_format", "write the year with all four digits: 2012-05-18 if 12 is the year, or 2018-12-05 "
                               "(month/day/year) or 2018-05-12 (day/month/year) if 18 is"),
    ("2018-05-01-20", "date_format", "write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and "
                                     "YYYY年M月D日 are read too"),
    ("2018-05-20至2018-05-01", "date_format", "write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and "
                                             "YYYY年M月D日 are read too"),
])
def test_a_range_read_outside_a_record_offers_either_end(typed: str, kind: str, hint: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(typed)
    assert (caught.value.type, caught.value.context["hint"]) == (kind, hint)
