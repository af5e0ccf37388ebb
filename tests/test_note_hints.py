"""Hints about notes typed beside a value, and a file's field typed indented after a list: each followed.

An editor trial followed three hints that did not work: words offered to a record's note with the bad value
as the example (``e.g. 80　# 区要求``, published so in targets.csv); ``  targets:`` after the tallies told to
indent by 4 (three errors more); and ``draft: false　# 发布`` told twice, once with quotes that cannot work.
Each test asserts the exact message, types what the hint says, and checks the result clean and published.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, check
from sitegen.errors import Problem

from .sitekit import interview, write_site

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
        "note: 文章未给出完成期限。含线上问卷"]
    root.joinpath(UNIT_PATH).write_text(
        HEAD + TALLY.format(collected="85", note="    note: 文章未给出完成期限。含线上问卷\n"), encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1] == "baihe,白鹤镇,2018-04-26,,85,40,30,15,文章未给出完成期限。含线上问卷"


def test_words_beside_a_count_of_a_tally_without_a_note_get_a_note_line_of_their_own(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: HEAD + TALLY.format(collected="85份　含线上问卷", note="")})
    [problem] = found(root)
    assert problem.hint == (f"{_COUNT}: add a line under the tally's other fields, indented as they are (4 spaces): "
                            "note: 含线上问卷")
    root.joinpath(UNIT_PATH).write_text(HEAD + TALLY.format(collected="85", note="    note: 含线上问卷\n"),
                                        encoding="utf-8")
    assert found(root) == []
    assert csv_rows(root, "tallies.csv")[1].endswith(",85,40,30,15,含线上问卷")


@pytest.mark.parametrize(("note", "how", "typed_note"), [
    # The note ends with a full stop: the words follow it; else a ；between them.
    ("    note: 文章未给出完成期限。\n", "type it at the end of its note: line (line 6), so that it reads: "
     "note: 文章未给出完成期限。区要求", "    note: 文章未给出完成期限。区要求\n"),
    ("    note: 文章未给出完成期限\n", "type it at the end of its note: line (line 6), so that it reads: "
     "note: 文章未给出完成期限；区要求", "    note: 文章未给出完成期限；区要求\n"),
    ("", "add a line under the target's other fields, indented as they are (4 spaces): note: 区要求",
     "    note: 区要求\n"),
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
    assert problem.hint == ('write the digits alone: 85 (a count has no unit such as 份 or 批, and no other words); '
                            'to keep what "约" says, add it to the tally\'s note: type it at the end of its note '
                            "(line 9)")


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
    assert problem.hint.startswith('start the line with "- ", or, if it belongs to the item above, indent it with 4')
