"""Slips of a Chinese input method in front matter and records, end to end through `sitegen.build.check`.

Each test writes a small site with the slip as an editor types it and
asserts every problem printed: file, line, column, words and hint. Before
these rules, each slip here was published silently (a list merged into one
text, tags merged into one tag) or reported at the wrong line with words an
editor cannot act on.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import zlib
from enum import Enum
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.errors import Report
from sitegen.models import clip, is_gap
from sitegen.validation import choice_near
from sitegen.yamltext import load_yaml

from .sitekit import (SERIES, UNIT, build_at, copy_example, edit_file, interview, json_ld_of, line_as_hinted,
                      lines_as_hinted, parse_html, text_of, write_site)
from .test_checks import found, rename_as_hinted

CASE_PATH = "content/cases/caomei.md"
PAGE_PATH = "content/interviews/baihe.md"
UNIT_PATH = "content/units/baihe.yaml"


def case_study(actions: str, tags: str) -> str:
    """A case study whose ``actions:`` and ``tags:`` are followed by these lines (actions from line 7)."""
    return ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓企业希望做大做强。\n"
            f"actions:\n{actions}date: 2018-05-03\ntags:\n{tags}---\n\n正文。\n")


def printed(root: Path) -> list[str]:
    """Every problem of the site as `sitegen check` prints it."""
    return [problem.format() for problem in found(root)]


def unbuilt(root: Path) -> None:
    """Take away what builds of the site left (its output and build cache), as in a site never built."""
    for folder in ("output", ".sitegen-cache"):
        shutil.rmtree(root / folder, ignore_errors=True)


# -- list items typed without the space, or with another dash ---------------------------------

def test_list_items_without_a_space_after_the_dash_are_errors_at_each_dash(tmp_path: Path) -> None:
    # Published as one action "-走访草莓种业研发中心 -研究建设种植基地" and one tag "-大调研 -草莓产业".
    page = case_study("  -走访草莓种业研发中心\n  -研究建设种植基地\n", "  -大调研\n  -草莓产业\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    need = 'error: a list item needs a space after "-" (列表项 "-" 后要有空格)\n  hint: add a space after "-", keeping the 2 spaces before it: '
    assert printed(root) == [f"{CASE_PATH}:7:3: {need}- 走访草莓种业研发中心",
                             f"{CASE_PATH}:8:3: {need}- 研究建设种植基地",
                             f"{CASE_PATH}:11:3: {need}- 大调研",
                             f"{CASE_PATH}:12:3: {need}- 草莓产业"]


@pytest.mark.parametrize(("dash", "what"), [("－", "a full-width dash (全角)"), ("—", "a long dash (破折号)")])
def test_list_items_typed_with_a_full_width_or_long_dash_are_errors(tmp_path: Path, dash: str, what: str) -> None:
    page = case_study(f"  {dash} 走访草莓种业研发中心\n  - 研究建设种植基地\n", f"  {dash}大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    slip = (f'error: "{dash}" is {what}; a list item starts with a half-width "-" (半角) and a space\n'
            '  hint: type a half-width "-" and a space, keeping the 2 spaces before it: ')
    assert printed(root) == [f"{CASE_PATH}:7:3: {slip}- 走访草莓种业研发中心", f"{CASE_PATH}:11:3: {slip}- 大调研"]


@pytest.mark.parametrize("bullet", ["* ", "*", "*\u3000"])
def test_list_items_typed_with_a_bullet_star_are_told_the_lines_and_the_hint_followed_checks(
        tmp_path: Path, bullet: str) -> None:
    # "* 走访…" was told that "*" starts a YAML alias, and to quote the line: quoted, the lines were "not lined up".
    actions = ["走访沿线各村，摸清出行需求", "协调公交公司增开村村通线路"]
    page = case_study("".join(f"  {bullet}{action}\n" for action in actions), f"  {bullet}大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    slip = ('error: "*" is a bullet (项目符号), as Word or Markdown types it; a list item starts with "-" and a space\n'
            '  hint: type "-" and a space in place of the "*", keeping the 2 spaces before it: ')
    assert printed(root) == [f"{CASE_PATH}:7:3: {slip}- {actions[0]}", f"{CASE_PATH}:8:3: {slip}- {actions[1]}",
                             f"{CASE_PATH}:11:3: {slip}- 大调研"]
    write_site(tmp_path, {CASE_PATH: page.replace(f"  {bullet}", "  - ")})
    assert printed(root) == []
    assert parse_html(build_at(root) / "cases/caomei/index.html").xpath("//li/text()")[:2] == actions


@pytest.mark.parametrize(("bullet", "what"), [("· ", "a middle dot (间隔号)"), ("•", "a bullet (项目符号)"),
                                           ("● ", "a round bullet (实心圆)")])
def test_list_items_typed_with_a_word_bullet_are_told_at_the_bullet_and_the_hint_followed_checks(
        tmp_path: Path, bullet: str, what: str) -> None:
    # "· as_of: 2018-04-26" was told at the next line, "a key: is not expected here", never naming the "·".
    unit = UNIT.replace("  - as_of:", f"  {bullet}as_of:")
    root = write_site(tmp_path, {"content/units/baihe.yaml": unit})
    assert printed(root) == [
        f'content/units/baihe.yaml:5:3: error: "{bullet[0]}" is {what}, as Word or an input method types it; a list '
        f'item starts with "-" and a space\n  hint: type "-" and a space in place of the "{bullet[0]}", keeping the 2 spaces before it: '
        "- as_of: 2018-04-26"]
    write_site(tmp_path, {"content/units/baihe.yaml": UNIT})
    assert printed(root) == []


_COLON_ITEM = ('error: {field}: item {number} of the list, "{text}", has ": " in it, so YAML reads it as a field '
               "(key: value), not text\n  hint: wrap the whole item in quotes: {quoted} (or type the colon full "
               "width (全角冒号): {wide})")


@pytest.mark.parametrize("fixed", ['  - "走访企业: 5家"\n', "  - 走访企业：5家\n"])
def test_an_action_with_a_colon_and_a_space_is_told_to_be_quoted_and_the_hint_followed_checks(
        tmp_path: Path, fixed: str) -> None:
    # Was: "actions: item 2 of the list is a group of fields (key: value lines), not text" at the list's first
    # item, with "write each item as text; delete empty items".
    page = case_study("  - 走访草莓种业研发中心\n  - 走访企业: 5家\n", "  - 大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [f"{CASE_PATH}:8:5: " + _COLON_ITEM.format(
        field="actions", number=2, text="走访企业: 5家", quoted='- "走访企业: 5家"', wide="- 走访企业：5家")]
    write_site(tmp_path, {CASE_PATH: page.replace("  - 走访企业: 5家\n", fixed)})
    assert printed(root) == []
    items = parse_html(build_at(root) / "cases/caomei/index.html").xpath("//li/text()")[:2]
    assert items == ["走访草莓种业研发中心", fixed.strip(' -"\n')]


@pytest.mark.parametrize("fixed", ['  - "计划打造:"\n', "  - 计划打造：\n"])
def test_an_action_ending_in_a_colon_is_told_to_be_quoted_and_the_hint_followed_checks(
        tmp_path: Path, fixed: str) -> None:
    # Was: "actions: item 2 of the list is a group of fields (key: value lines), not text", with "write each item
    # as text; delete empty items": the item is text, and deleting it would lose it.
    page = case_study("  - 走访草莓种业研发中心\n  - 计划打造:\n", "  - 大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [
        f'{CASE_PATH}:8:5: error: actions: item 2 of the list, "计划打造:", ends in ":", so YAML reads it as a '
        "field with nothing in it (key:), not text\n"
        '  hint: wrap the whole item in quotes: - "计划打造:" (or type the colon full width (全角冒号): - 计划打造：)']
    write_site(tmp_path, {CASE_PATH: page.replace("  - 计划打造:\n", fixed)})
    assert printed(root) == []
    items = parse_html(build_at(root) / "cases/caomei/index.html").xpath("//li/text()")[:2]
    assert items == ["走访草莓种业研发中心", fixed.strip(' -"\n')]


_BLOCK_SIGN = ('error: after "|" or ">" the text must start on the next line: YAML reads a value starting with '
               '"{sign}" as the sign of a block of text (多行文本) typed below it (YAML parser: while scanning a block '
               "scalar: did not find expected comment or line break)\n"
               '  hint: type the value in quotes, so that "{sign}" is its first character: {line}')


@pytest.mark.parametrize(("typed", "column", "fixed", "value"), [
    ("title: >90%居民满意的白鹤镇", 8, 'title: ">90%居民满意的白鹤镇"', ">90%居民满意的白鹤镇"),
    ("summary: |居民满意度>90%", 10, 'summary: "|居民满意度>90%"', "|居民满意度>90%"),
    ('title: >90%居民说"满意"  # 标题', 8, 'title: \'>90%居民说"满意"\'  # 标题', '>90%居民说"满意"'),
])
def test_a_value_starting_with_a_block_sign_is_told_at_the_sign_and_the_hint_followed_keeps_it(
        tmp_path: Path, typed: str, column: int, fixed: str, value: str) -> None:
    # "move the text to the next line", followed, published <h1>90%居民满意的白鹤镇: the ">" was lost, and the
    # column was 2 past the ">" (the parser reads "9" as the block's indentation).
    field = typed.split(":")[0]
    page = interview(extra=typed + "\n") if field == "summary" else interview().replace("title: 白鹤镇访谈", typed)
    line = 9 if field == "summary" else 2
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [f"{PAGE_PATH}:{line}:{column}: " + _BLOCK_SIGN.format(sign=typed[column - 1], line=fixed)]
    write_site(root, {PAGE_PATH: page.replace(typed, fixed)})
    assert printed(root) == []
    html = parse_html(build_at(root) / "interviews/baihe/index.html")
    shown = html.xpath("//h1")[0] if field == "title" else html.xpath("//meta[@name='description']/@content")[0]
    assert (text_of(shown) if field == "title" else shown) == value


def test_an_action_starting_with_a_block_sign_is_told_at_the_sign_and_the_hint_followed_keeps_it(
        tmp_path: Path) -> None:
    page = case_study("  - 走访草莓种业研发中心\n  - >80%的农户已走访\n", "  - 大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [f"{CASE_PATH}:8:5: " + _BLOCK_SIGN.format(sign=">", line='- ">80%的农户已走访"')]
    write_site(root, {CASE_PATH: page.replace("- >80%的农户已走访", '- ">80%的农户已走访"')})
    assert printed(root) == []
    items = parse_html(build_at(root) / "cases/caomei/index.html").xpath("//li/text()")[:2]
    assert items == ["走访草莓种业研发中心", ">80%的农户已走访"]


@pytest.mark.parametrize("path", [UNIT_PATH, "content/series/dadiaoyan.yaml"])
def test_a_dashes_line_inside_a_record_is_told_to_be_deleted_and_the_fields_below_it_kept(
        tmp_path: Path, path: str) -> None:
    # "remove the "---" line and what follows it", followed, deleted the unit's targets and milestones.
    unit = path == UNIT_PATH
    record, below = ((UNIT, "targets:\n  - group: residents\n    target: 80\nmilestones:\n  - date: 2018-01-15\n"
                            "    title: 召开大调研动员部署会\n") if unit else SERIES.split("publisher:"))
    below = below if unit else "publisher:" + below
    root = write_site(tmp_path, {path: record + "---\n" + below})
    fields = '"targets:", "milestones:"' if unit else '"publisher:"'
    assert printed(root) == [
        f"{path}:{record.count(chr(10)) + 1}:1: error: a second YAML document starts here; a file holds only one\n"
        f'  hint: delete the "---" line: the fields below it ({fields}) belong to this record']
    write_site(root, {path: record + below})
    assert printed(root) == []
    page = parse_html(build_at(root) / ("units/baihe/index.html" if unit else "series/dadiaoyan/index.html"))
    assert ("召开大调研动员部署会" if unit else "区大调研办公室") in text_of(page)


def test_a_dashes_line_before_a_second_record_is_told_to_move_it_to_its_own_file(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: UNIT + "---\nname: 华新镇\nlevel: town\n"})
    assert printed(root) == [
        f"{UNIT_PATH}:11:1: error: a second YAML document starts here; a file holds only one\n"
        '  hint: remove the "---" line and what follows it, or move it to its own file']


_PASTED_TALLY = ("tallies:\n  - as_of: 2018-06-30\n    collected: 350\n    escalated: 160\n    resolved: 130\n"
              "    in_progress: 60\n")
_A_TARGET = "targets:\n  - group: residents\n    target: 80\n"


@pytest.mark.parametrize(("record", "hint", "mended"), [
    # The tallies end the record: deleting the two lines is all it takes.
    (UNIT, 'delete the "---" line (line 11); delete the "tallies:" line below it (line 12): the items under it then '
     'follow those of the "tallies:" list above', UNIT + _PASTED_TALLY.removeprefix("tallies:\n")),
    # Targets come after the tallies: the new tally's lines go to the end of the tallies, above them.
    (UNIT + "\n" + _A_TARGET, 'delete the "---" line (line 15); delete the "tallies:" line (line 16) and move its '
     'items (lines 17–21) right below line 10, the end of the "tallies:" list above, with their "-" lined up with '
     'the "-" of the items there', UNIT + _PASTED_TALLY.removeprefix("tallies:\n") + "\n" + _A_TARGET),
])
def test_a_list_pasted_after_a_dashes_line_is_told_to_join_the_list_above(tmp_path: Path, record: str, hint: str,
                                                                         mended: str) -> None:
    # "remove the "---" line and what follows it" lost the new tally; "its own file" made a second unit.
    root = write_site(tmp_path, {UNIT_PATH: record + "---\n" + _PASTED_TALLY})
    assert printed(root) == [
        f"{UNIT_PATH}:{record.count(chr(10)) + 1}:1: error: a second YAML document starts here; a file holds only "
        f"one\n  hint: {hint}; their values stay as typed"]
    write_site(root, {UNIT_PATH: mended})
    assert printed(root) == []
    page = parse_html(build_at(root) / "units/baihe/index.html")
    assert "350" in text_of(page)


_ONE_TAG = '; if "大调研: 2018" is one tag, put it in quotes: "大调研: 2018"'


@pytest.mark.parametrize(("typed", "at", "hint", "listed", "quoted"), [
    ("tags:\n  - 大调研: 2018\n  - 民生\n", "10:5",
     'write each tag as an item of its own, one a line: "  - 大调研", then "  - 2018", then "  - 民生"' + _ONE_TAG,
     "tags:\n  - 大调研\n  - 2018\n  - 民生\n", 'tags:\n  - "大调研: 2018"\n  - 民生\n'),
    ("tags: [大调研: 2018, 民生]\n", "9:8",
     "write the tags separated by English commas: tags: [大调研, 2018, 民生]" + _ONE_TAG,
     "tags: [大调研, 2018, 民生]\n", 'tags: ["大调研: 2018", 民生]\n'),
])
def test_a_tag_with_a_colon_and_a_space_is_told_as_two_tags_or_one_quoted_and_either_hint_followed_checks(
        tmp_path: Path, typed: str, at: str, hint: str, listed: str, quoted: str) -> None:
    # The hint offered only quotes or a full-width colon: 大调研：2018, one tag typed with a Chinese input
    # method's colon, as 大调研：草莓 would be, where two were meant. Two tags are offered first now.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed)})
    assert printed(root) == [
        f'{PAGE_PATH}:{at}: error: tags: the tag "大调研: 2018" has ": " in it, so YAML reads it as a field '
        f"(key: value), not as a tag\n  hint: {hint}"]
    for line, tags in ((listed, ["大调研", "2018", "民生"]), (quoted, ["大调研: 2018", "民生"])):
        unbuilt(root)  # each hint is another way from the page as typed, not an edit of the site the other built
        write_site(root, {PAGE_PATH: interview(extra=line)})
        assert printed(root) == [], line
        page = parse_html(build_at(root) / "interviews/baihe/index.html")
        assert [text_of(a) for a in page.cssselect(".tags a")] == tags, line


@pytest.mark.parametrize("bullet", ["●", "■", "➢"])
def test_list_items_typed_with_a_word_bullet_are_told_the_lines_without_it(tmp_path: Path, bullet: str) -> None:
    page = case_study(f"  {bullet} 走访沿线各村\n  {bullet} 协调公交公司\n", "  - 大调研\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [
        f'{CASE_PATH}:7:3: error: actions: these 2 lines are typed without "- " before them, so they are one text to '
        "YAML and the page would show them as one item\n"
        '  hint: start each line with "- " (a hyphen and a space), one item a line: "  - 走访沿线各村", then '
        '"  - 协调公交公司"']


def test_an_alias_or_bold_stars_at_the_start_of_a_line_are_no_bullet(tmp_path: Path) -> None:
    for typed in ("  *ref\n", "  **重点**\n"):
        root = write_site(tmp_path, {CASE_PATH: case_study(typed, "  - 大调研\n")})
        assert not any("bullet" in line for line in printed(root))


def test_a_tally_item_without_the_space_is_reported_at_its_own_line(tmp_path: Path) -> None:
    # The parser named line 6 ("batches: 318"), the line after the slip.
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("  - as_of:", "  -as_of:")})
    assert printed(root) == [
        f'{UNIT_PATH}:5:3: error: a list item needs a space after "-" (列表项 "-" 后要有空格)\n'
        '  hint: add a space after "-", keeping the 2 spaces before it: - as_of: 2018-04-26']


def test_dashes_that_are_text_are_kept(tmp_path: Path) -> None:
    page = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: |\n  -第一条\n  —第二条\n"
            "actions:\n  - -5\n  - \"-大调研\"\n  - '—走访\n    -研究'\noutcome: 签约 -5\nrelated_tally:\n  -2.5\n"
            "date: 2018-05-03\n---\n\n正文。\n")
    root = write_site(tmp_path, {CASE_PATH: page, PAGE_PATH: interview(extra="summary: 第一句\n  -第二句\n")})
    assert printed(root) == [
        f'{CASE_PATH}:15:3: error: related_tally: "-2.5" is not a date sitegen understands\n'
        "  hint: write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and YYYY年M月D日 are read too"]


@pytest.mark.parametrize("typed", ["-", "-   # 标题 title", "- ", "-\t"])
def test_a_dash_alone_typed_for_none_is_told_as_a_missing_value_and_the_hint_followed_checks(
        tmp_path: Path, typed: str) -> None:
    # Told first as a list item; moved below the key as told, as a list; in quotes, as signs alone: three rounds.
    root = write_site(tmp_path, {PAGE_PATH: interview(typed)})
    assert printed(root) == [
        f'{PAGE_PATH}:2:8: error: "title: -": a dash alone is no value (after "title:", YAML reads "-" as the start '
        'of a list) (YAML parser: block sequence entries are not allowed in this context)\n'
        '  hint: type the value itself after "title: ", or delete the line if the field may be left out; for a list, '
        'put each item on its own line below "title:", indented with spaces: "  - item"']
    write_site(tmp_path, {PAGE_PATH: interview("白鹤镇访谈")})
    assert printed(root) == []


def test_a_dash_alone_for_a_field_that_may_be_left_out_is_mended_by_deleting_its_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra="summary: -\n")})
    assert [line.split("\n")[0] for line in printed(root)] == [
        f'{PAGE_PATH}:9:10: error: "summary: -": a dash alone is no value (after "summary:", YAML reads "-" as the '
        'start of a list) (YAML parser: block sequence entries are not allowed in this context)']
    write_site(tmp_path, {PAGE_PATH: interview()})
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "named"), [
    ("(大调研, 补短板)", "round brackets ( ) (圆括号)"),
    ("（大调研，补短板）", "full-width round brackets （） (全角括号)"),
])
def test_tags_typed_in_round_brackets_are_offered_the_list_without_them(tmp_path: Path, typed: str, named: str) -> None:
    # The hint was "tags: [(大调研, 补短板)]": followed, the tags "(大调研" and "补短板)" were published.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"tags: {typed}\n")})
    assert printed(root) == [f'{PAGE_PATH}:9:7: error: tags: the tag "{typed}" is written in {named}, so it is one tag\n'
                             "  hint: write the tags in half-width square brackets: tags: [大调研, 补短板]"]
    (root / PAGE_PATH).write_text(interview(extra="tags: [大调研, 补短板]\n"), encoding="utf-8")
    assert printed(root) == []


def test_misspellings_typed_in_round_brackets_are_told_so_the_spelling_check_keeps_working(tmp_path: Path) -> None:
    # [（白河镇, 百合镇）] as the hint gave it: 白河镇 in a page's text was no longer warned.
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings: （白河镇，百合镇）")})
    assert printed(root) == [
        f'{UNIT_PATH}:3:15: error: misspellings: the spelling "（白河镇，百合镇）" is written in full-width round '
        "brackets （） (全角括号), so it is one spelling\n"
        "  hint: write the misspellings in half-width square brackets: misspellings: [白河镇, 百合镇]"]


# -- values standing for "not known yet" ------------------------------------------------------------

STAND_IN_FIX = ("write the value itself, or delete the line if the field may be left out; to hold the page back "
                'until it is known, add a line "draft: true"')


def test_values_typed_for_not_known_yet_are_warned_at_each_and_kept_with_the_cached_page(tmp_path: Path) -> None:
    # Each was published: <meta name="description" content="暂无">, a tag page /tags/wu/, a role 待定.
    page = interview(extra="summary: 暂无\ntags: [无, 无锡, \"-\", 民生]\n").replace("role: 党委书记", "role: （待定）")
    root = write_site(tmp_path, {PAGE_PATH: page, "content/interviews/draft.md":
                                 interview("草稿", extra="draft: true\nsummary: 待定\n")})
    told = [
        f'{PAGE_PATH}:7:9: warning: interviewee → role: "（待定）" stands for a value not known yet, so the page would '
        f"publish it\n  hint: {STAND_IN_FIX}",
        f'{PAGE_PATH}:9:10: warning: summary: "暂无" stands for a value not known yet, so the page would publish it\n'
        f"  hint: {STAND_IN_FIX}",
        f'{PAGE_PATH}:10:8: warning: tags → item 1: "无" stands for a value not known yet, so the page would publish it'
        '\n  hint: write the item itself, or delete it from the list; to hold the page back until it is known, add a '
        'line "draft: true"',
        f'{PAGE_PATH}:10:15: warning: tags → item 3: "-" stands for a value not known yet, so the page would publish '
        'it\n  hint: write the item itself, or delete it from the list; to hold the page back until it is known, add '
        'a line "draft: true"']
    assert printed(root) == told
    assert printed(root) == told  # the page from the page cache brings its warnings
    (root / PAGE_PATH).write_text(interview(extra="tags: [无锡, 民生]\n"), encoding="utf-8")
    assert printed(root) == []


def test_a_tag_or_field_of_emoji_alone_is_told_to_be_written_in_words(tmp_path: Path) -> None:
    # A tag 🍓 was told it "stands for a value not known yet": it stands for a word (草莓), which screen readers and
    # search do not get.
    page = interview(extra="summary: ★★★\ntags: [🍓, 民生, \"——\"]\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:9:10: warning: summary: "★★★" is symbols (符号) alone, with no word in it: on the page, a screen '
        "reader reads out their names (black star), and search finds it by no word\n"
        "  hint: write it in words (文字), e.g. 草莓 for 🍓, or delete the line",
        f'{PAGE_PATH}:10:8: warning: tags → item 1: "🍓" is symbols (符号) alone, with no word in it: on the page, a '
        "screen reader reads out their names (strawberry), and search finds it by no word\n"
        "  hint: write it in words (文字), e.g. 草莓 for 🍓, or delete it from the list",
        f'{PAGE_PATH}:10:15: warning: tags → item 3: "——" stands for a value not known yet, so the page would publish '
        'it\n  hint: write the item itself, or delete it from the list; to hold the page back until it is known, add '
        'a line "draft: true"']
    (root / PAGE_PATH).write_text(interview(extra="summary: 好评\ntags: [草莓, 民生]\n"), encoding="utf-8")
    assert printed(root) == []


def test_a_value_standing_for_not_known_yet_in_a_unit_is_warned(tmp_path: Path) -> None:
    # misspellings: 待定 made every 待定 in a page's text "a misspelling of 白鹤镇".
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings: [白河镇, 待定]"),
                                 PAGE_PATH: interview()})
    assert printed(root) == [
        f'{UNIT_PATH}:3:21: warning: misspellings → item 2: "待定" stands for a value not known yet, so the unit\'s page '
        "would publish it\n  hint: write the item itself, or delete it from the list"]


@pytest.mark.parametrize(("typed", "line", "kind", "ids"), [
    ("unit: 待定", 4, "unit", "the only unit there is, 白鹤镇, has the id baihe: write unit: baihe"),
    ("unit: 暂无", 4, "unit", "the only unit there is, 白鹤镇, has the id baihe: write unit: baihe"),
    ("series: （无）", 3, "series", "the only series there is, 大调研微访谈, has the id dadiaoyan: write series: dadiaoyan"),
])
def test_a_unit_or_series_typed_as_not_known_yet_is_offered_the_ids_not_a_new_record(
        tmp_path: Path, typed: str, line: int, kind: str, ids: str) -> None:
    # Offered "sitegen new unit 待定": followed, a town named 待定 was published and the page moved to it.
    root = write_site(tmp_path, {PAGE_PATH: re.sub(f"(?m)^{kind}: .*$", typed, interview())})
    value = typed.split(": ", 1)[1]
    assert printed(root) == [
        f'{PAGE_PATH}:{line}:{len(kind) + 3}: error: there is no {kind} "{value}"\n'
        f'  hint: "{value}" stands for a {kind} not known yet, and a page belongs to one: {ids}']
    (root / PAGE_PATH).write_text(re.sub(f"(?m)^{kind}: .*$", ids.rpartition("write ")[2], interview()),
                                  encoding="utf-8")
    assert printed(root) == []


def test_a_missing_unit_names_where_its_id_comes_from_not_dots_to_type(tmp_path: Path) -> None:
    # 'add a line "unit: …"', typed as shown, was "the dots are where a hint leaves room", the id never said.
    # Then the folder the ids come from was named, not the ids, though the site has them: `sitegen new` names them.
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("unit: baihe\n", "")})
    assert printed(root) == [
        f'{PAGE_PATH}:2:1: error: the field "unit" is missing\n'
        '  hint: the only unit there is, 白鹤镇, has the id baihe: add a line "unit: baihe"']
    (root / PAGE_PATH).write_text(interview(), encoding="utf-8")  # the line added as told
    assert printed(root) == []
    (root / PAGE_PATH).write_text(interview().replace("unit: baihe\n", "").replace("series: dadiaoyan\n", ""),
                                  encoding="utf-8")
    (root / "content/units/zhujiajiao.yaml").write_text("name: 朱家角镇\nlevel: town\n", encoding="utf-8")
    assert printed(root) == [
        f'{PAGE_PATH}:2:1: error: the field "series" is missing\n'
        '  hint: the only series there is, 大调研微访谈, has the id dadiaoyan: add a line "series: dadiaoyan"',
        f'{PAGE_PATH}:2:1: error: the field "unit" is missing\n'
        '  hint: write the id of the unit (its file name in content/units/ without .yaml) in a line "unit: ", one '
        "of: baihe (白鹤镇), zhujiajiao (朱家角镇)"]
    for rel in ("content/units/baihe.yaml", "content/units/zhujiajiao.yaml"):
        (root / rel).unlink()
    assert printed(root)[1] == (
        f'{PAGE_PATH}:2:1: error: the field "unit" is missing\n'
        "  hint: there is no unit yet: create one by running, in the site folder: sitegen new unit 名称 (with the "
        'unit\'s name in place of 名称), then add a line "unit: " and the id it gives')


def test_every_page_that_lost_its_unit_line_is_told_the_id_in_one_pass(tmp_path: Path) -> None:
    # Each retelling took the report apart and together again: a script that dropped the line from 10,000 pages
    # would have waited on 10,000 passes over their problems. Now one pass retells them all.
    root = write_site(tmp_path, {f"content/interviews/p{n:03}.md": interview(f"访谈{n}").replace("unit: baihe\n", "")
                                 for n in range(320)})
    told = printed(root)
    assert told == [f'content/interviews/p{n:03}.md:2:1: error: the field "unit" is missing\n'
                    '  hint: the only unit there is, 白鹤镇, has the id baihe: add a line "unit: baihe"'
                    for n in range(320)]


def test_a_title_typed_over_two_lines_after_a_bar_is_told_and_the_hint_followed_checks(tmp_path: Path) -> None:
    # Accepted, the title's line break went into the page's <h1>, <title> and every link to it.
    page = interview().replace("title: 白鹤镇访谈\n", "title: |\n  白鹤镇：补好短板\n  建设丝路名镇\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:2:8: error: title: it is typed over 2 lines (after "|"), and a title or name is one line: '
        "pages would show it broken where the lines end\n"
        "  hint: write it on one line after the colon, without the |: 白鹤镇：补好短板建设丝路名镇"]
    write_site(root, {PAGE_PATH: interview().replace("title: 白鹤镇访谈\n", "title: 白鹤镇：补好短板建设丝路名镇\n")})
    assert printed(root) == []
    heading = parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("h1")[0].text_content()
    assert heading == "白鹤镇：补好短板建设丝路名镇"


def test_free_text_typed_over_lines_after_a_bar_keeps_its_lines_on_every_page(tmp_path: Path) -> None:
    # The site's description, a unit's summary, an interview's summary and a picture's caption typed after "|"
    # were published without the "lines" class a series blurb has: the break showed as nothing between Chinese
    # characters, where README says the page shows the lines as typed.
    config = "title: 测试站点\nbase_url: https://example.org/\ndescription: |\n  青浦区各镇的进展。\n  数据每月更新一次。\n"
    unit = UNIT + ("summary: |\n  白鹤镇是草莓之乡。\n  2018年开展大调研。\ntargets:\n  - group: residents\n    target: 80\n"
                   "    note: |\n      目标一。\n      目标二。\nmilestones:\n  - date: 2018-01-12\n    title: 成立小组\n"
                   "    description: |\n      第一行。\n      第二行。\n")
    page = interview(extra="summary: |\n  第一句。\n  第二句。\nimages:\n  - src: images/a.svg\n    alt: 草莓大棚\n"
                           "    caption: |\n      图一。\n      说明。\n")
    picture = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    output = build_at(write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page, "content/images/a.svg": picture},
                                 config=config))
    home, unit_page, article, listed = (
        (output / path).read_text(encoding="utf-8")
        for path in ("index.html", "units/baihe/index.html", "interviews/baihe/index.html", "interviews/index.html"))
    assert '<p class="lead lines">青浦区各镇的进展。\n数据每月更新一次。</p>' in home
    assert '<p class="lead lines">白鹤镇是草莓之乡。\n2018年开展大调研。</p>' in unit_page
    assert '<p class="note lines">目标一。\n目标二。</p>' in unit_page
    assert '<p class="lines">第一行。\n第二行。</p>' in unit_page
    assert '<p class="lead lines">第一句。\n第二句。</p>' in article
    assert '<figcaption class="lines">图一。\n说明。</figcaption>' in article
    for listing in (home, unit_page, listed):
        assert '<p class="entry-summary lines">第一句。\n第二句。</p>' in listing
    # In <head> a break is whitespace, as every line break of HTML text is.
    assert '<meta name="description" content="青浦区各镇的进展。\n数据每月更新一次。">' in home
    # A feed entry shows the summary and the caption as the page does, each break a <br> (the caption's was a
    # space, the summary was in <summary> only).
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;p&gt;第一句。&lt;br&gt;第二句。&lt;/p&gt;" in feed
    assert "&lt;figcaption&gt;图一。&lt;br&gt;说明。&lt;/figcaption&gt;" in feed


_ONE_LINE = ('it is typed over 2 lines (after "|"), and a title or name is one line: pages would show it broken where '
             "the lines end\n  hint: write it on one line after the colon, without the |: ")


@pytest.mark.parametrize(("path", "find", "typed", "where", "field", "joined"), [
    # Shown in a heading, a byline or a sentence, these were published with the break a space, or nothing
    # between Chinese characters: the lines typed joined untold.
    (PAGE_PATH, "  role: 党委书记\n", "  role: |\n    党委书记\n    镇长\n", "7:9", "interviewee → role", "党委书记镇长"),
    (PAGE_PATH, "  name: 受访人\n", "  name: |\n    王建国\n    李明\n", "6:9", "interviewee → name", "王建国李明"),
    (PAGE_PATH, "date:", "source:\n  publisher: |\n    上海热线\n    新闻网\ndate:", "9:14", "source → publisher",
     "上海热线新闻网"),
    (PAGE_PATH, "date:", "source:\n  publisher: 上海热线\n  title: |\n    白鹤镇\n    访谈\ndate:", "10:10",
     "source → title", "白鹤镇访谈"),
    (UNIT_PATH, "tallies:", "milestones:\n  - date: 2018-01-12\n    title: |\n      成立小组\n      印发方案\ntallies:",
     "6:12", "milestones → item 1 → title", "成立小组印发方案"),
    ("content/series/dadiaoyan.yaml", "publisher: 区大调研办公室\n", "publisher: |\n  区大调研\n  办公室\n", "3:12",
     "publisher", "区大调研办公室"),
    ("site.yaml", "title: 测试站点\n", "title: |\n  青浦\n  大调研\n", "1:8", "title", "青浦大调研"),
    ("site.yaml", "title: 测试站点\n", "title: 测试站点\npublisher: |\n  青浦区\n  大调研办\n", "2:12", "publisher",
     "青浦区大调研办"),
    ("site.yaml", "title: 测试站点\n", "title: 测试站点\ndata_license:\n  name: CC-BY-4.0\n  title: |\n    知识共享\n    署名\n",
     "4:10", "data_license → title", "知识共享署名"),
])
def test_a_title_name_or_role_typed_over_lines_after_a_bar_is_told_and_the_hint_followed_checks(
        tmp_path: Path, path: str, find: str, typed: str, where: str, field: str, joined: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview()})
    text = (root / path).read_text(encoding="utf-8")
    assert find in text
    (root / path).write_text(text.replace(find, typed, 1), encoding="utf-8")
    assert printed(root) == [f"{path}:{where}: error: {field}: {_ONE_LINE}{joined}"]
    head, block = typed.split("|\n", 1)
    fixed = head + joined + "\n" + block.split("\n", 2)[2]  # the hint followed: its two lines made one
    (root / path).write_text(text.replace(find, fixed, 1), encoding="utf-8")
    assert printed(root) == []


_GOV = ("gov:\n  site_name: 青浦区人民政府\n  site_domain: www.shqp.gov.cn\n  site_id_code: '3101180001'\n"
        "  column_name: 大调研\n  content_source: 区大调研办\n")


@pytest.mark.parametrize(("key", "typed", "line", "joined"), [
    # Typed after "|", each went into every page's <meta content="…"> with the line break, unwarned.
    ("site_name", "|\n    青浦区\n    人民政府", 4, "青浦区人民政府"),
    # A domain or a code has no spaces: its lines are joined with nothing between, as it is meant.
    ("site_domain", "|\n    www.shqp.\n    gov.cn", 5, "www.shqp.gov.cn"),
    ("site_id_code", "|\n    310118\n    0001", 6, "3101180001"),
    ("column_name", "|\n    大调研\n    微访谈", 7, "大调研微访谈"),
    ("content_source", '"区大调研办\n\n    （青浦）"', 8, "区大调研办（青浦）"),  # an empty line in quotes is a break too
    ("column_name", "|\n    #3号楼\n    工程", 7, '"#3号楼工程"'),  # typed bare, the # would start a comment
])
def test_a_gov_meta_tag_typed_over_lines_is_told_and_the_hint_followed_checks(
        tmp_path: Path, key: str, typed: str, line: int, joined: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview()})
    config = (root / "site.yaml").read_text(encoding="utf-8")
    gov = re.sub(rf"(?m)^  {key}: .*$", lambda _: f"  {key}: {typed}", _GOV)
    (root / "site.yaml").write_text(config + gov, encoding="utf-8")
    assert printed(root) == [
        f'site.yaml:{line}:{len(key) + 5}: error: gov → {key}: it is typed over 2 lines (after "|"), and a gov: meta '
        "tag (政府网站 meta 标签) is one line: every page's <meta> tag would carry the line break in its value\n"
        f"  hint: write it on one line after the colon, without the |: {joined}"]
    # The hint followed: its line in place of the lines typed; the page's tag holds the one line.
    (root / "site.yaml").write_text(config + re.sub(rf"(?m)^  {key}: .*$", lambda _: f"  {key}: {joined}", _GOV),
                                    encoding="utf-8")
    assert printed(root) == []
    output = build_at(root)
    # The home page has every tag but ContentSource, which a page without source: has.
    page = "interviews/baihe/index.html" if key == "content_source" else "index.html"
    name = {"site_name": "SiteName", "site_domain": "SiteDomain", "site_id_code": "SiteIDCode",
            "column_name": "ColumnName", "content_source": "ContentSource"}[key]
    [tag] = parse_html(output / page).cssselect(f'meta[name="{name}"]')
    assert tag.get("content") == joined.strip('"')


def test_a_missing_interviewee_is_shown_its_lines_and_the_hint_followed_checks(tmp_path: Path) -> None:
    # 'add a line "interviewee: …"', followed as "interviewee: 王大妈", was "should be a group of fields".
    page = interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记\n", "")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:2:1: error: the field "interviewee" is missing\n'
        '  hint: add a line "interviewee:" and below it, each indented with two spaces: "  name: …", then '
        '"  role: …"']
    followed = page.replace("unit: baihe\n", "unit: baihe\ninterviewee:\n  name: 王大妈\n  role: 村民组长\n")
    write_site(root, {PAGE_PATH: followed})
    assert printed(root) == []
    assert "王大妈" in parse_html(build_at(root) / "interviews/baihe/index.html").cssselect(".interviewee")[0].text_content()


@pytest.mark.parametrize("typed", ["  1. 走访草莓种业研发中心\n  2. 研究建设种植基地\n",
                                   "  一、走访草莓种业研发中心\n  二、研究建设种植基地\n",
                                   " 1、走访草莓种业研发中心 2、研究建设种植基地\n"])
def test_actions_typed_as_numbered_lines_are_told_with_the_list_to_write(tmp_path: Path, typed: str) -> None:
    # YAML joined the lines into one text: the page showed one action "1. 走访… 2. 研究…".
    root = write_site(tmp_path, {CASE_PATH: case_study(typed, "  - 大调研\n")})
    line, column = (7, 2) if typed.startswith(" 1、") else (7, 3)
    assert printed(root) == [
        f"{CASE_PATH}:{line}:{column}: error: actions: the numbers in it show 2 items typed as one text, so the page "
        "would show them as one\n"
        '  hint: write each item on its own line below the key, starting with "- " and without its number: '
        '"  - 走访草莓种业研发中心", "  - 研究建设种植基地"']
    (root / CASE_PATH).write_text(case_study("  - 走访草莓种业研发中心\n  - 研究建设种植基地\n", "  - 大调研\n"),
                                  encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "items"), [
    ("  利用村集体闲置厂房改建\n  与镇社区卫生服务中心签约\n", ("利用村集体闲置厂房改建", "与镇社区卫生服务中心签约")),
    ("  1. 利用村集体闲置厂房改建\n  - 与镇社区卫生服务中心签约\n  成立服务队\n",
     ("利用村集体闲置厂房改建", "与镇社区卫生服务中心签约", "成立服务队")),
])
def test_actions_typed_a_line_each_without_dashes_are_told_with_the_list_to_write(tmp_path: Path, typed: str,
                                                                                 items: tuple[str, ...]) -> None:
    # The scaffold says "每行一条, one per line": typed so, YAML joined the lines into one text, check said
    # nothing, and the page showed one action "利用村集体闲置厂房改建与镇社区卫生服务中心签约".
    root = write_site(tmp_path, {CASE_PATH: case_study(typed, "  - 大调研\n")})
    lines = ", then ".join(f'"  - {item}"' for item in items)
    assert printed(root) == [
        f'{CASE_PATH}:7:3: error: actions: these {len(items)} lines are typed without "- " before them, so they are '
        "one text to YAML and the page would show them as one item\n"
        f'  hint: start each line with "- " (a hyphen and a space), one item a line: {lines}']
    (root / CASE_PATH).write_text(case_study("".join(f"  - {item}\n" for item in items), "  - 大调研\n"),
                                  encoding="utf-8")
    assert printed(root) == []
    build_at(root)
    page = parse_html(root / "output/cases/caomei/index.html")
    assert tuple(li.text_content() for li in page.cssselect("li.lines")) == items


def test_an_action_typed_on_the_line_below_its_key_or_folded_on_purpose_is_one_action(tmp_path: Path) -> None:
    for typed in ("  利用村集体闲置厂房改建\n", "  - 利用村集体闲置厂房改建，\n    与镇社区卫生服务中心签约\n",
                  "  >-\n    利用村集体闲置厂房改建\n    与镇社区卫生服务中心签约\n"):
        root = write_site(tmp_path / str(len(typed)), {CASE_PATH: case_study(typed, "  - 大调研\n")})
        assert printed(root) == [], typed


def test_a_name_or_title_wrapped_whole_in_quotes_is_a_warning_with_the_value_to_write(tmp_path: Path) -> None:
    # Published with its quotes, without a word: <title>“赵巷镇” - …, <h1>“大调研微访谈”, and in data/units.csv
    # the row zhao-xiang-zhen,“赵巷镇”. Tags in quotes were an error already.
    page = interview("“四个最”与“三个一”").replace("  name: 受访人\n", "  name: ＂王芳＂\n")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: UNIT.replace("name: 白鹤镇", "name: “白鹤镇”", 1),
                                 "content/series/dadiaoyan.yaml": SERIES.replace("title: 大调研微访谈", "title: 「大调研微访谈」")})
    assert printed(root) == [
        f"{PAGE_PATH}:6:9: warning: interviewee → name: ＂王芳＂ is wrapped in quotes ＂ ＂, which the page would show "
        "as part of it\n"
        "  hint: delete the quotes: name: 王芳 (YAML needs none around Chinese text); keep them only if they are "
        "part of it",
        "content/series/dadiaoyan.yaml:1:8: warning: title: 「大调研微访谈」 is wrapped in quotes 「 」, which the series "
        "page would show as part of it\n"
        "  hint: delete the quotes: title: 大调研微访谈 (YAML needs none around Chinese text); keep them only if they "
        "are part of it",
        f"{UNIT_PATH}:1:7: warning: name: “白鹤镇” is wrapped in quotes “ ”, which the unit's page would show as part "
        "of it\n"
        "  hint: delete the quotes: name: 白鹤镇 (YAML needs none around Chinese text); keep them only if they are "
        "part of it"]
    (root / PAGE_PATH).write_text(page.replace("＂王芳＂", "王芳"), encoding="utf-8")
    (root / UNIT_PATH).write_text(UNIT, encoding="utf-8")
    (root / "content/series/dadiaoyan.yaml").write_text(SERIES, encoding="utf-8")
    assert printed(root) == []
    build_at(root)
    assert "“四个最”与“三个一”" in (root / "output/interviews/baihe/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("typed", "shown", "hint", "meant"), [
    ("'\"大调研\"微访谈'", '"大调研"微访谈', "", None),
    ("'\"白鹤镇访谈\"'", '"白鹤镇访谈"',
     "delete the quotes: title: 白鹤镇访谈 (YAML needs none around Chinese text); keep them only if they are part of it",
     "白鹤镇访谈"),
    # Without its quotes the text needs YAML's: the hint gave "title: 专访: 网格员", which YAML cannot read.
    ("'\"专访: 网格员\"'", '"专访: 网格员"',
     "delete the quotes: title: \"专访: 网格员\" (the \" \" around it now are YAML's: it needs them for this text, and "
     "does not show them); keep them only if they are part of it", "专访: 网格员"),
])
def test_a_title_wrapped_whole_in_ascii_quotes_inside_yamls_is_warned_like_chinese_ones(
        tmp_path: Path, typed: str, shown: str, hint: str, meant: str | None) -> None:
    # title: '"标题"' publishes the " " as title: “标题” publishes the “ ”; quotes around a part are left alone.
    root = write_site(tmp_path, {PAGE_PATH: interview(typed)})
    if meant is None:
        assert printed(root) == []
        return
    assert printed(root) == [f"{PAGE_PATH}:2:8: warning: title: {shown} is wrapped in quotes \" \", which the page "
                             f"would show as part of it\n  hint: {hint}"]
    write_site(root, {PAGE_PATH: interview(hint.split(": title: ")[1].split(" (")[0])})
    assert printed(root) == []
    assert parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("h1")[0].text_content() == meant


# -- tags typed as one text ------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "message", "hint"), [
    ("大调研, 补短板", 'without square brackets, "大调研, 补短板" is one text, so it is one tag',
     "write the tags in square brackets: tags: [大调研, 补短板]"),
    ("【大调研, 补短板】", 'the tag "【大调研, 补短板】" is written in full-width brackets 【】 (全角括号), so it is one tag',
     "write the tags in half-width square brackets: tags: [大调研, 补短板]"),
    ("［大调研, 补短板］", 'the tag "［大调研, 补短板］" is written in full-width brackets ［］ (全角括号), so it is one tag',
     "write the tags in half-width square brackets: tags: [大调研, 补短板]"),
    ("【大调研，补短板】", 'the tag "【大调研，补短板】" is written in full-width brackets 【】 (全角括号), so it is one tag',
     "write the tags in half-width square brackets: tags: [大调研, 补短板]"),
])
def test_tags_typed_as_one_text_are_an_error_showing_the_list(tmp_path: Path, typed: str, message: str,
                                                              hint: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"tags: {typed}\n")})
    assert printed(root) == [f"{PAGE_PATH}:9:7: error: tags: {message}\n  hint: {hint}"]


_UNCLOSED = ('error: the "[" opened here is never closed with "]": the "{}" at the end is {} (YAML parser: while '
             "parsing a flow sequence: did not find expected ',' or ']')\n  hint: type ] in place of the \"{}\": ")
_IN_WIDE = "error: tags: the tag \"{}\" is written in full-width brackets {} (全角括号), so it is one tag\n  hint: " \
           "write the tags in half-width square brackets: "


# "[大调研, 路灯, 老街改造］" was told to add the closing "]" after the ］: followed, the tag "老街改造］"
# was written in full-width brackets. A list opened with a full-width bracket and closed with "]" was offered "…]]".
@pytest.mark.parametrize(("typed", "problem"), [
    ("[大调研, 路灯, 老街改造］", _UNCLOSED.format("］", "a full-width bracket (全角括号)", "］")),
    ("[大调研, 路灯, 老街改造】", _UNCLOSED.format("】", "a Chinese bracket (方头括号)", "】")),
    ("[大调研, 路灯, 老街改造）", _UNCLOSED.format("）", "a full-width round bracket (全角括号)", "）")),
    ("[大调研, 路灯, 老街改造)", _UNCLOSED.format(")", "a round bracket", ")")),
    ("［大调研, 路灯, 老街改造]", _IN_WIDE.format("［大调研, 路灯, 老街改造]", "［］")),
    ("【大调研, 路灯, 老街改造]", _IN_WIDE.format("【大调研, 路灯, 老街改造]", "【】")),
])
def test_a_list_of_tags_closed_with_the_wrong_bracket_gets_the_list_in_one_step(
        tmp_path: Path, typed: str, problem: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"tags: {typed}   # 标签\n")})
    comment = "   # 标签" if typed.startswith("[") else ""
    assert printed(root) == [f"{PAGE_PATH}:9:7: {problem}tags: [大调研, 路灯, 老街改造]{comment}"]
    write_site(root, {PAGE_PATH: interview(extra=f"tags: [大调研, 路灯, 老街改造]{comment}\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:3] == ["大调研", "路灯", "老街改造"]


_FLOW_HASH = ('error: "#" after a space starts a comment in YAML, so the rest of the line, "{}" included, is not '
              'read: "{}"\n  hint: put {} in quotes: {}')


# "tags: [大调研, 第三期 #3, 民生]" was told to add the closing "]" after 第三期: typed, it checked clean and the
# page had the tags 大调研 and 第三期 only, "#3" and "民生" lost in the comment. Each hint here is typed in.
@pytest.mark.parametrize(("typed", "at", "problem", "fixed", "tags"), [
    ("tags: [大调研, 第三期 #3, 民生]", "9:17", ("]", "#3, 民生]", "the item holding the #", 'tags: [大调研, "第三期 #3", 民生]'),
     'tags: [大调研, "第三期 #3", 民生]', ["大调研", "第三期 #3", "民生"]),
    ("tags: [大调研, 补短板 #3号楼]   # 标签", "9:17",
     ("]", "#3号楼]   # 标签", "the item holding the #", 'tags: [大调研, "补短板 #3号楼"]   # 标签'),
     'tags: [大调研, "补短板 #3号楼"]   # 标签', ["大调研", "补短板 #3号楼"]),
    ('tags: [大调研, 第三期 "甲" #3, 民生]', "9:21",
     ("]", "#3, 民生]", "the item holding the #", "tags: [大调研, '第三期 \"甲\" #3', 民生]"),
     "tags: [大调研, '第三期 \"甲\" #3', 民生]", ["大调研", '第三期 "甲" #3', "民生"]),
    ("tags: [大调研, 第三期 #3, 民生 #4]", "9:17",
     ("]", "#3, 民生 #4]", "each item holding a #", 'tags: [大调研, "第三期 #3", "民生 #4"]'),
     'tags: [大调研, "第三期 #3", "民生 #4"]', ["大调研", "第三期 #3", "民生 #4"]),
    ("tags: [大调研, 第三期 #3,\n  民生]", "9:17",
     (",", "#3,", "the item holding the #", 'tags: [大调研, "第三期 #3",'),
     'tags: [大调研, "第三期 #3",\n  民生]', ["大调研", "第三期 #3", "民生"]),
    ("tags: [大调研,\n  第三期 #3,\n  民生]", "10:7", (",", "#3,", "the item holding the #", '"第三期 #3",'),
     'tags: [大调研,\n  "第三期 #3",\n  民生]', ["大调研", "第三期 #3", "民生"]),
    ("tags: [大调研,\n  第三期 #3, 民生]", "10:7", ("]", "#3, 民生]", "the item holding the #", '"第三期 #3", 民生]'),
     'tags: [大调研,\n  "第三期 #3", 民生]', ["大调研", "第三期 #3", "民生"]),
])
def test_a_hash_after_a_space_inside_a_list_is_told_as_a_comment_and_quoted_keeping_every_item(
        tmp_path: Path, typed: str, at: str, problem: tuple[str, str, str, str], fixed: str, tags: list[str]) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"{typed}\n")})
    assert printed(root) == [f"{PAGE_PATH}:{at}: {_FLOW_HASH.format(*problem)}"]
    write_site(root, {PAGE_PATH: interview(extra=f"{fixed}\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:len(tags)] == tags


def test_a_hash_after_a_space_inside_a_list_of_actions_is_quoted_keeping_every_action(tmp_path: Path) -> None:
    page = case_study("", "  - 大调研\n").replace("actions:\n", "actions: [走访企业 , 研究 #3]\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [f"{CASE_PATH}:6:21: " + _FLOW_HASH.format(
        "]", "#3]", "the item holding the #", 'actions: [走访企业 , "研究 #3"]')]
    write_site(root, {CASE_PATH: page.replace("actions: [走访企业 , 研究 #3]", 'actions: [走访企业 , "研究 #3"]')})
    assert printed(root) == []
    assert parse_html(build_at(root) / "cases/caomei/index.html").xpath("//li/text()")[:2] == ["走访企业", "研究 #3"]


def test_a_hash_after_a_space_inside_braces_quotes_the_value_holding_it(tmp_path: Path) -> None:
    typed = "interviewee: {name: 受访人, role: 党委书记 #2}"
    page = interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记\n", typed + "\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    fixed = 'interviewee: {name: 受访人, role: "党委书记 #2"}'
    assert printed(root) == [f"{PAGE_PATH}:5:{typed.index('#') + 1}: "
                             + _FLOW_HASH.format("}", "#2}", "the item holding the #", fixed)]
    write_site(root, {PAGE_PATH: page.replace(typed, fixed)})
    assert printed(root) == []
    assert "党委书记 #2" in build_at(root).joinpath("interviews/baihe/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("typed", "tags"), [
    ("tags: [大调研, 第三期 ＃3, 民生]", ["大调研", "第三期 ＃3", "民生"]),  # a full-width ＃ starts no comment
    ("tags: [大调研,   # 标签, 以后再补\n  民生]", ["大调研", "民生"]),  # a comment between the lines of a list
])
def test_a_hash_in_a_list_that_yaml_reads_as_meant_is_not_reported(tmp_path: Path, typed: str, tags: list[str]) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"{typed}\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:len(tags)] == tags


@pytest.mark.parametrize(("typed", "message", "hint"), [
    ("misspellings: 白河镇, 百合镇", 'misspellings: without square brackets, "白河镇, 百合镇" is one text, so it is one spelling',
     "write the misspellings in square brackets: misspellings: [白河镇, 百合镇]"),
    ("misspellings: [白河镇、百合镇]",
     'misspellings: the spelling "白河镇、百合镇" has a full-width comma (，) or 顿号 (、) in it, so it is one spelling',
     "write the misspellings separated by English commas: misspellings: [白河镇, 百合镇]; "
     'if "白河镇、百合镇" is one spelling, put it in quotes: "白河镇、百合镇"'),
    ("aliases: 【白鹤，白鹤镇政府】",
     'aliases: the name "【白鹤，白鹤镇政府】" is written in full-width brackets 【】 (全角括号), so it is one name',
     "write the aliases in half-width square brackets: aliases: [白鹤, 白鹤镇政府]"),
])
def test_a_units_names_typed_as_one_text_are_an_error_showing_the_list(tmp_path: Path, typed: str, message: str,
                                                                      hint: str) -> None:
    # One misspelling "白河镇, 百合镇" was looked for, which no text holds: 白河镇 in a page went unwarned.
    unit = UNIT.replace("misspellings: [白河镇, 百合镇]", typed)
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: interview("白河镇访谈")})
    column = typed.index(" ") + 2
    assert printed(root) == [f"{UNIT_PATH}:3:{column}: error: {message}\n  hint: {hint}"]


def test_words_typed_together_in_a_list_of_one_item_a_line_are_told_as_lines(tmp_path: Path) -> None:
    # The hint wrote the list on one line (tags: [民生, 就业]): pasted over the item's line, it made a second
    # "tags" or a list inside the list.
    page = interview(extra="tags:\n  - 大调研\n  - 民生、就业\n")
    unit = UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings:\n    - 白河镇，百合镇")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == [
        f'{PAGE_PATH}:11:5: error: tags: the tag "民生、就业" has a full-width comma (，) or 顿号 (、) in it, so it is '
        'one tag\n  hint: write each tag as an item of its own, one a line: "  - 大调研", then "  - 民生", then '
        '"  - 就业"; if "民生、就业" is one tag, put it in quotes: "民生、就业"',
        f'{UNIT_PATH}:4:7: error: misspellings: the spelling "白河镇，百合镇" has a full-width comma (，) or 顿号 (、) in '
        'it, so it is one spelling\n  hint: write each spelling as an item of its own, one a line: "    - 白河镇", '
        'then "    - 百合镇"; if "白河镇，百合镇" is one spelling, put it in quotes: "白河镇，百合镇"']
    (root / PAGE_PATH).write_text(page.replace("  - 民生、就业\n", "  - 民生\n  - 就业\n"), encoding="utf-8")
    (root / UNIT_PATH).write_text(unit.replace("    - 白河镇，百合镇", "    - 白河镇\n    - 百合镇"), encoding="utf-8")
    assert printed(root) == []


def test_an_english_comma_inside_an_item_of_a_list_of_one_item_a_line_is_two_items_typed_as_one(tmp_path: Path) -> None:
    # "  - 民生,就业" was one tag, and "  - 白河镇,百合镇" one misspelling that no text holds, both with a clean check:
    # YAML splits a list at its commas only when it is typed on one line.
    page = interview(extra='tags:\n  - 民生,就业\n  - "补短板, 草莓"\n')
    unit = UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings:\n  - 白河镇,百合镇")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == [
        f'{PAGE_PATH}:10:5: error: tags: the tag "民生,就业" has a comma (,) in it, so it is one tag\n'
        '  hint: write each tag as an item of its own, one a line: "  - 民生", then "  - 就业", then '
        '"  - "补短板, 草莓""; if "民生,就业" is one tag, put it in quotes: "民生,就业"',
        f'{UNIT_PATH}:4:5: error: misspellings: the spelling "白河镇,百合镇" has a comma (,) in it, so it is one '
        'spelling\n  hint: write each spelling as an item of its own, one a line: "  - 白河镇", then "  - 百合镇"; '
        'if "白河镇,百合镇" is one spelling, put it in quotes: "白河镇,百合镇"']
    (root / PAGE_PATH).write_text(page.replace("  - 民生,就业\n", "  - 民生\n  - 就业\n"), encoding="utf-8")
    (root / UNIT_PATH).write_text(unit.replace("  - 白河镇,百合镇", "  - 白河镇\n  - 百合镇"), encoding="utf-8")
    assert printed(root) == []
    (root / PAGE_PATH).write_text(page.replace("  - 民生,就业\n", '  - "民生,就业"\n'), encoding="utf-8")
    assert printed(root) == []  # in quotes: one tag, as meant


def test_a_units_names_written_as_a_list_are_kept(tmp_path: Path) -> None:
    unit = UNIT.replace("misspellings: [白河镇, 百合镇]", 'aliases: [白鹤, "白鹤 镇"]\nmisspellings: 百合镇')
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: interview("百合镇访谈")})
    assert printed(root) == [f'{PAGE_PATH}:2:8: warning: "百合镇" is a misspelling of the unit name 白鹤镇\n'
                             "  hint: write 白鹤镇"]


WORD_LISTS = [(PAGE_PATH, "tags", "tag", ("大调研", "补短板")), (UNIT_PATH, "aliases", "name", ("白鹤", "白鹤镇政府")),
              (UNIT_PATH, "misspellings", "spelling", ("白河镇", "百合镇"))]
"""Each list of words: its file, its field, what one item is called, and two items to type."""


def _with_word_list(path: str, lines: str) -> dict[str, str]:
    """The site's files with a word list typed as ``lines``: after a page's date (line 9) or as a unit's line 3."""
    if path == PAGE_PATH:
        return {PAGE_PATH: interview(extra=lines)}
    return {UNIT_PATH: UNIT.replace("misspellings: [白河镇, 百合镇]\n", lines)}


@pytest.mark.parametrize(("path", "field", "word", "items"), WORD_LISTS)
@pytest.mark.parametrize(("mark", "named"), [("；", "a full-width semicolon (；, 分号)"), (";", "a semicolon (;)"),
                                             ("; ", "a semicolon (;)"), ("； ", "a full-width semicolon (；, 分号)"),
                                             ("：", "a full-width colon (：, 冒号)"), ("： ", "a full-width colon (：, 冒号)"),
                                             (":", "a colon (:)"),
                                             ("/", "a slash (/) between Chinese words"),
                                             ("／", "a full-width slash (／, 斜杠) between Chinese words"),
                                             (" / ", "a slash (/) between Chinese words"),
                                             ("|", "a vertical bar (|) between Chinese words"),
                                             ("｜", "a full-width vertical bar (｜, 竖线) between Chinese words")])
@pytest.mark.parametrize("style", ["flow", "block", "bare"])
def test_words_typed_apart_by_a_semicolon_a_colon_or_a_slash_are_an_error_whose_line_reads_as_meant(
        tmp_path: Path, path: str, field: str, word: str, items: tuple[str, str], mark: str, named: str,
        style: str) -> None:
    # [大调研；补短板] was one tag "大调研；补短板", published without a word; one misspelling no text holds.
    # So was 大调研：草莓, typed with a Chinese input method's colon: a tag page of its own; and [大调研/补短板], at
    # /tags/da-diao-yan-bu-duan-ban/, while [大调研、补短板] was an error.
    typed = mark.join(items)
    lines = {"flow": f"{field}: [{typed}]\n", "block": f"{field}:\n  - {typed}\n", "bare": f"{field}: {typed}\n"}
    root = write_site(tmp_path, _with_word_list(path, lines[style]))
    line = 9 if path == PAGE_PATH else 3
    place = f"{line + 1}:5" if style == "block" else f"{line}:{len(field) + 3}"
    keep = f'; if "{typed}" is one {word}, put it in quotes: "{typed}"' if style != "bare" else ""
    # A list typed one item a line is told as lines (the one line of the list, pasted over the item, made a
    # second field or a list inside the list).
    brackets = " in square brackets," if style == "bare" and "between" in named else ""  # as for a space
    how = (f'write each {word} as an item of its own, one a line: "  - {items[0]}", then "  - {items[1]}"'
           if style == "block" else
           f"write the {field}{brackets} separated by English commas: {field}: [{', '.join(items)}]")
    assert printed(root) == [
        f'{path}:{place}: error: {field}: the {word} "{typed}" has {named} in it, so it is one {word}\n'
        f"  hint: {how}{keep}"]
    # What the hint offers, typed in place of the list or its item, is read as meant: two items, or one in quotes.
    offered = (f"{field}:\n  - {items[0]}\n  - {items[1]}" if style == "block" else
               printed(root)[0].split("\n  hint: ")[1].split(": ", 1)[1].split("; if ")[0])
    for fixed, meant in ((offered, list(items)), (f'{field}: ["{typed}"]', [typed])):
        assert load_yaml(fixed, path, Report()).value == {field: meant}
        mended = write_site(tmp_path / "mended" / str(len(meant)), _with_word_list(path, fixed + "\n"))
        assert printed(mended) == []


def test_tags_typed_apart_by_slashes_are_published_as_the_tags_the_hint_gives(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra="tags: [大调研/补短板/民生]\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:7: error: tags: the tag "大调研/补短板/民生" has a slash (/) between Chinese words in it, so it is '
        'one tag\n  hint: write the tags separated by English commas: tags: [大调研, 补短板, 民生]; if "大调研/补短板/民生" '
        'is one tag, put it in quotes: "大调研/补短板/民生"']
    write_site(root, {PAGE_PATH: interview(extra="tags: [大调研, 补短板, 民生]\n")})
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:3] == ["大调研", "补短板", "民生"]
    write_site(root, {PAGE_PATH: interview(extra="tags: [R&D/研发, 2018/05]\n")})
    # No Chinese word on both sides: a tag of its own words. The three tags the build published are told gone.
    assert [told.split(", which")[0] for told in printed(root)] == [
        f'{PAGE_PATH}:9:1: warning: the tag "{tag}"' for tag in ("大调研", "民生", "补短板")]


@pytest.mark.parametrize(("path", "field", "word", "items"), WORD_LISTS)
@pytest.mark.parametrize(("gap", "named"), [
    ("\t", "a TAB (制表符)"),
    ("\u00a0", "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)")])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_words_typed_apart_by_a_tab_or_a_special_space_are_an_error_like_a_space(
        tmp_path: Path, path: str, field: str, word: str, items: tuple[str, str], gap: str, named: str,
        style: str) -> None:
    # [大调研\t补短板] was one tag "大调研\t补短板", published unwarned, while [大调研 补短板] was an error.
    typed = gap.join(items)
    lines = {"flow": f"{field}: [{typed}]\n", "block": f"{field}:\n  - {typed}\n"}
    root = write_site(tmp_path, _with_word_list(path, lines[style]))
    line = 9 if path == PAGE_PATH else 3
    place = f"{line + 1}:5" if style == "block" else f"{line}:{len(field) + 3}"
    how = (f'write each {word} as an item of its own, one a line: "  - {items[0]}", then "  - {items[1]}"'
           if style == "block" else f"write the {field} separated by English commas: "
                                    f"{field}: [{', '.join(items)}]")
    assert printed(root) == [
        f'{path}:{place}: error: {field}: the {word} "{typed}" has {named} between Chinese words in it, so it is one '
        f'{word}\n  hint: {how}; if "{" ".join(items)}" is one {word}, put it in quotes, with an ordinary space: '
        f'"{" ".join(items)}"']
    # Either way the hint offers, typed in place of the list, is read as meant: two items, or one with a space.
    for fixed, meant in (({"flow": f"{field}: [{', '.join(items)}]\n",
                           "block": f"{field}:\n  - {items[0]}\n  - {items[1]}\n"}[style], list(items)),
                         (f'{field}: ["{" ".join(items)}"]\n', [" ".join(items)])):
        assert load_yaml(fixed, path, Report()).value == {field: meant}
        mended = write_site(tmp_path / "mended" / str(len(meant)), _with_word_list(path, fixed))
        assert printed(mended) == []
    if field == "tags" and style == "flow":  # published as two tags, each with its page
        output = build_at(write_site(tmp_path / "built", _with_word_list(path, f"tags: [{', '.join(items)}]\n")))
        page = parse_html(output / "interviews/baihe/index.html")
        assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:2] == list(items)
        assert (output / "tags/da-diao-yan/index.html").is_file() and (output / "tags/bu-duan-ban/index.html").is_file()


@pytest.mark.parametrize(("path", "field", "word", "items"), WORD_LISTS)
@pytest.mark.parametrize(("quotes", "named"), [("“”", "Chinese quotes “ ” (中文引号)"), ("‘’", "Chinese quotes ‘ ’ (中文引号)"),
                                               ("「」", "corner quotes 「 」 (直角引号)"), ("＂＂", "full-width quotes ＂ ＂ (全角引号)")])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_a_word_typed_in_chinese_quotes_is_an_error_at_it_whose_lines_read_as_meant(
        tmp_path: Path, path: str, field: str, word: str, items: tuple[str, str], quotes: str, named: str,
        style: str) -> None:
    # [大调研, “补短板”] published a tag “补短板” of its own, quotes and all (told only as sounding like 补短板).
    quoted = quotes[0] + items[1] + quotes[1]
    lines = {"flow": f"{field}: [{items[0]}, {quoted}]\n", "block": f"{field}:\n  - {items[0]}\n  - {quoted}\n"}
    root = write_site(tmp_path, _with_word_list(path, lines[style]))
    line = 9 if path == PAGE_PATH else 3
    place = f"{line + 2}:5" if style == "block" else f"{line}:{len(field) + len(items[0]) + 6}"
    assert printed(root) == [
        f'{path}:{place}: error: {field}: the {word} "{quoted}" is typed with {named}: as typed, they are part of the '
        f"{word}\n  hint: write the {field} without them: {field}: [{', '.join(items)}]; if the quotes are meant as part "
        f'of the {word}, put it in English quotes: "{quoted}"']
    # Either line the hint offers, typed in place of the list, is read as meant: without the quotes, or with them.
    for fixed, meant in ((f"{field}: [{', '.join(items)}]", list(items)),
                         (f'{field}: [{items[0]}, "{quoted}"]', [items[0], quoted])):
        assert load_yaml(fixed, path, Report()).value == {field: meant}
        mended = write_site(tmp_path / "mended" / str(meant[1] == quoted), _with_word_list(path, fixed + "\n"))
        assert printed(mended) == []


def test_a_list_typed_in_chinese_quotes_is_told_once_and_not_as_a_tag_that_sounds_alike(tmp_path: Path) -> None:
    # Each was a warning: 'the tags "大调研" and "“大调研" both read da-diao-yan; "“大调研" gets its own page'.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra="tags: [“大调研, 补短板”]\n"),
                                 "content/interviews/b.md": interview("另一篇", extra="tags: [大调研, 补短板]\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:8: error: tags: the tag "“大调研" is typed with Chinese quotes “ ” (中文引号): as typed, they are '
        "part of the tag\n  hint: write the tags without them: tags: [大调研, 补短板]"]


def test_tags_written_as_a_list_are_kept(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra='tags: [大调研, 白鹤（草莓）, 【专题】调研, "上海, 青浦", “新”农村]\n')})
    assert printed(root) == []


# -- ASCII quotes inside a list's item --------------------------------------------------------------

_ODD = ('one of the 3 " has no partner; to keep the others as typed, put the value in single quotes, or type Chinese '
        "quotes in place of each pair: ")


@pytest.mark.parametrize(("typed", "told", "offered"), [
    # A tag with an odd number of quotes was offered - 草莓"产业 or - “草莓”产业": a stray " was published.
    ('tags:\n  - 大调研\n  - "草莓"产业"\n  - 民生\n',
     "11:9: error: there is more text after the closing quote (YAML parser: while parsing a block collection: did "
     "not find expected '-' indicator)\n  hint: to tag the page 草莓产业, delete the \": - 草莓产业; if the quotes "
     "are part of the tag: " + _ODD + """if the last " is one too many: - '"草莓"产业' (or, in """
     """Chinese quotes: - “草莓”产业); if the first " is one too many: - '草莓"产业"' (or, in Chinese quotes: """
     "- 草莓“产业”)",
     {"  - 草莓产业": "草莓产业", """  - '"草莓"产业'""": '"草莓"产业', "  - “草莓”产业": "“草莓”产业", """  - '草莓"产业"'""": '草莓"产业"',
      "  - 草莓“产业”": "草莓“产业”"}),
    # A tag in brackets with doubled quotes got only "check this line and the one above …".
    ('tags: [大调研, ""补短板"", 民生]\n',
     "9:15: error: there is more text after the closing quote of this item (YAML parser: while parsing a flow "
     "sequence: did not find expected ',' or ']')\n  hint: to tag the page 补短板, delete the \": "
     "tags: [大调研, 补短板, 民生]; if the quotes are part of the tag: the first and last \" only wrap the item: to keep "
     "the \" "
     """inside it as typed, put it in single quotes instead: tags: [大调研, '"补短板"', 民生] (or type Chinese quotes """
     'inside it: tags: [大调研, "“补短板”", 民生])',
     {"tags: [大调研, 补短板, 民生]": "补短板", """tags: [大调研, '"补短板"', 民生]""": '"补短板"',
      'tags: [大调研, "“补短板”", 民生]': "“补短板”"}),
    ('tags: [大调研, "补"短"板", 民生]\n',
     "9:16: error: there is more text after the closing quote of this item (YAML parser: while parsing a flow "
     "sequence: did not find expected ',' or ']')\n  hint: to tag the page 补短板, delete the \": "
     "tags: [大调研, 补短板, 民生]; if the quotes are part of the tag: if the first and last \" only wrap the item: to "
     "keep the "
     """" inside it as typed, put it in single quotes instead: tags: [大调研, '补"短"板', 民生] (or type Chinese """
     """quotes inside it: tags: [大调研, 补“短”板, 民生]); if they are part of it, to keep the " as typed, put the """
     """whole item in single quotes: tags: [大调研, '"补"短"板"', 民生] (or type Chinese quotes: """
     'tags: [大调研, "“补”短“板”", 民生])',
     {"tags: [大调研, 补短板, 民生]": "补短板", """tags: [大调研, '补"短"板', 民生]""": '补"短"板',
      "tags: [大调研, 补“短”板, 民生]": "补“短”板",
      """tags: [大调研, '"补"短"板"', 民生]""": '"补"短"板"', 'tags: [大调研, "“补”短“板”", 民生]': "“补”短“板”"}),
])
def test_a_tag_with_quotes_of_its_own_is_offered_lines_that_publish_it(
        tmp_path: Path, typed: str, told: str, offered: dict[str, str]) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed)})
    assert printed(root) == [f"{PAGE_PATH}:{told}"]
    broken = next(line for line in typed.splitlines() if '"' in line)
    for line, tag in offered.items():
        write_site(root, {PAGE_PATH: interview(extra=typed.replace(broken, line))})
        assert printed(root) == [], line
        page = parse_html(build_at(root) / "interviews/baihe/index.html")
        assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:3] == ["大调研", tag, "民生"], line


def test_an_alias_with_an_odd_number_of_quotes_is_offered_it_without_quotes(tmp_path: Path) -> None:
    # A unit's aliases: [白鹤, "白"鹤"村"] typed one a line was offered '"白"鹤村' or “白”鹤村: an alias holding
    # quotes, which no text ever matches.
    unit = UNIT.replace("level: town\n", 'level: town\naliases:\n  - 白鹤\n  - "白"鹤"村\n')
    root = write_site(tmp_path, {UNIT_PATH: unit})
    assert printed(root) == [
        f"{UNIT_PATH}:5:8: error: there is more text after the closing quote (YAML parser: while parsing a block "
        "collection: did not find expected '-' indicator)\n  hint: delete the \": an alias holds no quote marks: "
        "- 白鹤村"]
    write_site(root, {UNIT_PATH: unit.replace('- "白"鹤"村', "- 白鹤村")})
    assert printed(root) == []
    [published] = json.loads((build_at(root) / "data/units.json").read_bytes())
    assert published["aliases"] == ["白鹤", "白鹤村"]


_JOINED = ("error: these items are joined by {marks}, not by an English comma (YAML parser: while parsing a flow "
           "sequence: did not find expected ',' or ']')\n  hint: replace {typed} with an English comma (半角逗号): {line}")


@pytest.mark.parametrize(("typed", "column", "marks", "fixed"), [
    # Was: 'to tag the page 大调研，补短板, delete the ": tags: [大调研，补短板]  # 标签; if the quotes are part of
    # the tag: …', the comment given four times, and the line offered first one tag, 大调研，补短板.
    ('tags: ["大调研"，"补短板"]  # 标签', 13, ["，"], 'tags: ["大调研", "补短板"]  # 标签'),
    ('tags: ["大调研"、"补短板"]', 13, ["、"], 'tags: ["大调研", "补短板"]'),
    ("tags: ['大调研' ，'补短板', 民生]", 14, ["，"], "tags: ['大调研', '补短板', 民生]"),
    ('tags: [民生, "大调研"，补短板、"草莓产业"]', 17, ["，", "、"], 'tags: [民生, "大调研", 补短板, "草莓产业"]'),
])
def test_tags_in_quotes_joined_by_a_full_width_comma_are_told_the_list_with_english_commas(
        tmp_path: Path, typed: str, column: int, marks: list[str], fixed: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed + "\n")})
    named = {"，": "a full-width comma (全角逗号 ，)", "、": "a 顿号 (、)"}
    assert printed(root) == [f"{PAGE_PATH}:9:{column}: " + _JOINED.format(
        marks=" and ".join(named[mark] for mark in marks), typed=" and ".join(marks), line=fixed)]
    write_site(root, {PAGE_PATH: interview(extra=fixed + "\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    tags = [a.text_content() for a in page.cssselect('a[href^="/tags/"]')]
    assert tags[:2] == (["民生", "大调研"] if "民生," in fixed else ["大调研", "补短板"])


@pytest.mark.parametrize(("typed", "told", "fixed"), [
    # Was: 'to tag the page 大调研，, delete the ": tags: [大调研，]; if the quotes are part of the tag: …'.
    ('tags: ["大调研"，]', 'this item is followed by a full-width comma (全角逗号 ，), where no item follows (YAML '
     "parser: while parsing a flow sequence: did not find expected ',' or ']')\n  hint: delete the ， after the last "
     'item: tags: ["大调研"]', 'tags: ["大调研"]'),
    ("tags: ['大调研'、'补短板' 、]  # 标签", "these items are joined by a 顿号 (、), not by an English comma (YAML "
     "parser: while parsing a flow sequence: did not find expected ',' or ']')\n  hint: replace 、 with an English "
     "comma (半角逗号) and delete the 、 after the last item: tags: ['大调研', '补短板']  # 标签",
     "tags: ['大调研', '补短板']  # 标签"),
])
def test_tags_in_quotes_with_a_full_width_comma_after_the_last_are_told_to_delete_it(
        tmp_path: Path, typed: str, told: str, fixed: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed + "\n")})
    assert printed(root) == [f"{PAGE_PATH}:9:13: error: {told}"]
    write_site(root, {PAGE_PATH: interview(extra=fixed + "\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    meant = ["大调研", "补短板"][:fixed.count(",") + 1]
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:len(meant)] == meant


@pytest.mark.parametrize(("typed", "told", "fixed"), [
    ('tags: "大调研"，"补短板"   # 标签\n',
     "9:12: error: these items are joined by a full-width comma (全角逗号 ，), not by an English comma (YAML parser: "
     "while parsing a block mapping: did not find expected key)\n  hint: write them in square brackets, separated "
     'by English commas (半角逗号): tags: ["大调研", "补短板"]   # 标签',
     'tags: ["大调研", "补短板"]   # 标签\n'),
    ('tags:\n  - "大调研"、"补短板"\n  - 民生\n',
     "10:10: error: these items are joined by a 顿号 (、), not by an English comma (YAML parser: while parsing a "
     "block collection: did not find expected '-' indicator)\n  hint: write each as an item of its own, one a line: "
     '"  - 大调研", then "  - 补短板"',
     "tags:\n  - 大调研\n  - 补短板\n  - 民生\n"),
])
def test_tags_in_quotes_joined_by_a_full_width_comma_outside_brackets_are_told_the_list_to_type(
        tmp_path: Path, typed: str, told: str, fixed: str) -> None:
    # Was: 'there is more text after the closing quote', offered the tags as one, in quotes.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed)})
    assert printed(root) == [f"{PAGE_PATH}:{told}"]
    write_site(root, {PAGE_PATH: interview(extra=fixed)})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:2] == ["大调研", "补短板"]


@pytest.mark.parametrize(("typed", "mark"), [("[“大调研”，“补短板”]", "，"), ("[“大调研”、“补短板”]", "、")])
def test_tags_in_chinese_quotes_joined_by_a_full_width_comma_are_offered_the_list_alone(
        tmp_path: Path, typed: str, mark: str) -> None:
    # Was offered next: 'if "大调研”，“补短板" is one tag, put it in quotes: "大调研”，“补短板"', quotes half kept.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"tags: {typed}\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:7: error: tags: the tag "{typed[1:-1]}" has a full-width comma (，) or 顿号 (、) in it, so it '
        "is one tag\n  hint: write the tags separated by English commas: tags: [大调研, 补短板]"]
    write_site(root, {PAGE_PATH: interview(extra="tags: [大调研, 补短板]\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert [a.text_content() for a in page.cssselect('a[href^="/tags/"]')][:2] == ["大调研", "补短板"]


def test_aliases_in_quotes_joined_by_a_full_width_comma_are_told_the_list_with_english_commas(tmp_path: Path) -> None:
    # Was: 'delete the ": an alias holds no quote marks: aliases: [重固，重固老镇]', one alias again.
    unit = UNIT.replace("level: town\n", 'level: town\naliases: ["白鹤"，"白鹤老镇"]\n')
    root = write_site(tmp_path, {UNIT_PATH: unit})
    assert printed(root) == [f"{UNIT_PATH}:3:15: " + _JOINED.format(
        marks="a full-width comma (全角逗号 ，)", typed="，", line='aliases: ["白鹤", "白鹤老镇"]')]
    write_site(root, {UNIT_PATH: unit.replace('["白鹤"，"白鹤老镇"]', '["白鹤", "白鹤老镇"]')})
    assert printed(root) == []
    [published] = json.loads((build_at(root) / "data/units.json").read_bytes())
    assert published["aliases"] == ["白鹤", "白鹤老镇"]


@pytest.mark.parametrize(("typed", "column", "offered"), [
    # misspellings: ["白河"镇, 百合镇] was offered ['"白河"镇', 百合镇] or [“白河”镇, 百合镇]: both checked clean,
    # and 白河镇 in a page was no longer warned, the misspelling holding quotes.
    ('misspellings: ["白河"镇, 百合镇]', 20, "misspellings: [白河镇, 百合镇]"),
    ('misspellings: [""白河镇"", 百合镇]', 18, "misspellings: [白河镇, 百合镇]"),
    ("misspellings: [百合镇, '白河'镇]", 25, "misspellings: [百合镇, 白河镇]"),
    ('misspellings:\n  - "白河"镇\n  - 百合镇', 9, "- 白河镇"),
])
def test_a_misspelling_typed_with_quotes_is_offered_it_without_them_and_still_warned(
        tmp_path: Path, typed: str, column: int, offered: str) -> None:
    unit = UNIT.replace("misspellings: [白河镇, 百合镇]", typed)
    line = 3 if typed.startswith("misspellings: [") else 4
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: interview(body="## 问题一\n\n白河镇的回答。\n")})
    parser = "block collection: did not find expected '-' indicator" if line == 4 else \
        "flow sequence: did not find expected ',' or ']'"
    quote = "'" if "'" in typed else '"'
    assert printed(root) == [
        f"{UNIT_PATH}:{line}:{column}: error: there is more text after the closing quote"
        + " of this item" * (line == 3) + f" (YAML parser: while parsing a {parser})\n"
        f"  hint: delete the {quote}: a misspelling holds no quote marks: {offered}"]
    broken = typed.splitlines()[line - 3]
    write_site(root, {UNIT_PATH: unit.replace(broken, broken[:len(broken) - len(broken.lstrip())] + offered)})
    told = printed(root)
    assert len(told) == 1 and told[0].startswith(f"{PAGE_PATH}:") and "白河镇" in told[0] and "白鹤镇" in told[0]


def test_a_tag_typed_with_quotes_is_offered_the_sites_tag_first(tmp_path: Path) -> None:
    # tags: ["大调研", ""补短板""] was offered only '"补短板"' or "“补短板”": followed, the page got a tag of its own,
    # /tags/bu-duan-ban-2/, beside the site's 补短板, told as a homophone (同音字) slip.
    other = interview("另一篇", extra="tags: [补短板]\n")
    root = write_site(tmp_path, {PAGE_PATH: interview(extra='tags: ["大调研", ""补短板""]\n'),
                                 "content/interviews/b.md": other})
    kept, chinese = """tags: ["大调研", '"补短板"']""", 'tags: ["大调研", "“补短板”"]'
    assert printed(root) == [
        f"{PAGE_PATH}:9:17: error: there is more text after the closing quote of this item (YAML parser: while "
        "parsing a flow sequence: did not find expected ',' or ']')\n  hint: to tag the page 补短板, delete the \": "
        'tags: ["大调研", 补短板]; if the quotes are part of the tag: the first and last " only wrap the item: to keep '
        f'the " inside it as typed, put it in single quotes instead: {kept} (or type Chinese quotes inside it: '
        f"{chinese})"]
    write_site(root, {PAGE_PATH: interview(extra='tags: ["大调研", 补短板]\n')})
    assert printed(root) == []
    links = parse_html(build_at(root) / "interviews/baihe/index.html").cssselect('a[href^="/tags/"]')
    assert [(a.text_content(), a.get("href")) for a in links][:2] == [("大调研", "/tags/da-diao-yan/"),
                                                                      ("补短板", "/tags/bu-duan-ban/")]
    assert not (build_at(root) / "tags/bu-duan-ban-2").exists()


@pytest.mark.parametrize(("typed", "quoted", "listed"), [
    ('["“补短板”"]', "“补短板”", '[补短板, "“补短板”"]'), ("""['"补短板"']""", '"补短板"', '[补短板, "\\"补短板\\""]'),
    ("""["'补短板'"]""", "'补短板'", """[补短板, "'补短板'"]"""), ("[补“短”板]", "补“短”板", "[补短板, 补“短”板]")])
def test_two_tags_apart_only_by_quote_marks_are_told_so_not_as_homophones(
        tmp_path: Path, typed: str, quoted: str, listed: str) -> None:
    # Was: 'the tags "补短板" and "“补短板”" both read bu-duan-ban; …' with a hint calling it a 同音字 slip.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"tags: {typed}\n"),
                                 "content/interviews/b.md": interview("另一篇", date="2018-05-01 10:00",
                                                                      extra="tags: [补短板]\n")})
    hint = f"add the line distinct_tags: {listed} to site.yaml"
    assert printed(root) == [
        f'{PAGE_PATH}:9:8: warning: the tags "补短板" and "{quoted}" differ only by quote marks; "{quoted}" gets '
        "its own page, /tags/bu-duan-ban-2/\n  hint: write 补短板 to join its page, /tags/bu-duan-ban/; if the quotes "
        f"are part of the tag, {hint} (the warning then stops)"]
    # The quotes meant, the line added as told: no warning (it was "nothing needs changing", and the warning
    # stayed on every build, so check --strict failed for good).
    config = (root / "site.yaml").read_text(encoding="utf-8")
    (root / "site.yaml").write_text(config + hint.removeprefix("add the line ").removesuffix(" to site.yaml") + "\n",
                                    encoding="utf-8")
    assert printed(root) == []
    assert parse_html(build_at(root) / "tags/bu-duan-ban-2/index.html").xpath("//h1")[0].text_content() == \
        f"标签：{quoted}"
    (root / "site.yaml").write_text(config, encoding="utf-8")
    write_site(root, {PAGE_PATH: interview(extra="tags: [补短板]\n")})
    # The page of the tag in quotes, published by the build above, is told gone (once a build takes it off).
    assert [told.split(", which")[0] for told in printed(root)] == [f'{PAGE_PATH}:9:1: warning: the tag "{quoted}"']
    assert not (build_at(root) / "tags/bu-duan-ban-2").exists()
    assert printed(root) == []


# -- front matter fences typed with an input method ----------------------------------------------

def test_a_closing_fence_typed_with_long_dashes_is_named_with_the_front_matter_mistakes(tmp_path: Path) -> None:
    # It was "1:1: the front matter opened with "---" on line 1 is never closed", with the closing line in view.
    page = interview(extra="draft: 不是\n").replace("\n---\n\n", "\n———\n\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:9:8: error: draft: "不是" is not true or false\n  hint: write draft: false (否) to publish the '
        "page, or draft: true (是) to keep it unpublished",
        f'{PAGE_PATH}:10:1: error: this line looks like the "---" that closes the front matter, but it is typed '
        "with full-width or long dashes (全角/长破折号), not three half-width hyphens\n"
        "  hint: type exactly --- (three half-width hyphens, 半角) and nothing else on the line"]


def test_an_opening_fence_typed_with_full_width_dashes_is_named(tmp_path: Path) -> None:
    # It was "1:1: the page has no front matter".
    root = write_site(tmp_path, {PAGE_PATH: "－－－" + interview()[3:]})
    assert printed(root) == [
        f'{PAGE_PATH}:1:1: error: line 1 looks like the "---" that opens the front matter, but it is typed with '
        "full-width or long dashes (全角/长破折号), not three half-width hyphens\n"
        "  hint: type exactly --- (three half-width hyphens, 半角) and nothing else on the line"]


@pytest.mark.parametrize(("fence", "what"), [
    ("- - -", '"- - -", with spaces between the hyphens'),
    ("***", '"***", with asterisks (星号) in place of the three half-width hyphens'),
    ("___", '"___", with underscores (下划线) in place of the three half-width hyphens'),
    ("—", '"—", one full-width or long dash (全角/长破折号), not three half-width hyphens'),
    ("…", '"…", an ellipsis (省略号), not three half-width hyphens'),  # what an input method gives for "..."
    ("。。。", '"。。。", with full stops (句号) in place of the three half-width hyphens'),
])
@pytest.mark.parametrize("where", ["opening", "closing", "both"])
def test_a_fence_typed_as_a_rule_is_named_and_typing_it_as_told_checks(
        tmp_path: Path, fence: str, what: str, where: str) -> None:
    # Both typed "- - -" gave "1:1: the page has no front matter"; typing the "---" asked for above line 1 gave
    # "never closed … add "---" above line 11", below the page's "##" headings, and then a third error. A closing
    # "- - -" or "___" alone gave the same "never closed", naming neither the line nor what was wrong with it.
    body = "## 问题一\n\n回答。\n\n***\n\n## 问题二\n\n回答。\n"
    lines = interview("白鹤镇：补好短板", body=body).split("\n")
    told = []
    if where in ("opening", "both"):
        lines[0] = fence
        told.append(f'{PAGE_PATH}:1:1: error: line 1 looks like the "---" that opens the front matter, but it is '
                    f"typed {what}\n  hint: type exactly --- (three half-width hyphens, 半角) and nothing else on the line")
    if where in ("closing", "both"):
        lines[8] = fence
        told.append(f'{PAGE_PATH}:9:1: error: this line looks like the "---" that closes the front matter, but it is '
                    f"typed {what}\n  hint: type exactly --- (three half-width hyphens, 半角) and nothing else on the line")
    root = write_site(tmp_path, {PAGE_PATH: "\n".join(lines)})
    assert printed(root) == told
    for number in (1, 9):
        lines[number - 1] = "---"
    (root / PAGE_PATH).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert page.cssselect("h1")[0].text_content() == "白鹤镇：补好短板"
    assert [h.text_content() for h in page.cssselect("h2") if h.text_content().startswith("问题")] == ["问题一", "问题二"]
    assert len(page.cssselect("hr")) == 1  # the rule in the text is still one


@pytest.mark.parametrize(("typed", "what", "hint", "fixed"), [
    ("---.", '"." follows the dashes', 'delete "." after the dashes, so that the line is exactly ---', ["---"]),
    ("--- 回答在下面", 'text follows the dashes: "回答在下面"',
     'move "回答在下面" to a line of its own below this one, so that this line is exactly ---', ["---", "回答在下面"]),
])
def test_a_closing_fence_with_more_on_the_line_is_named_and_mending_it_checks(
        tmp_path: Path, typed: str, what: str, hint: str, fixed: list[str]) -> None:
    lines = interview("白鹤镇：补好短板").split("\n")
    lines[8] = typed
    root = write_site(tmp_path, {PAGE_PATH: "\n".join(lines)})
    assert printed(root) == [
        f'{PAGE_PATH}:9:1: error: this line looks like the "---" that closes the front matter, but {what}\n'
        f"  hint: {hint}"]
    lines[8:9] = fixed
    (root / PAGE_PATH).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == []
    assert parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("h1")[0].text_content() == "白鹤镇：补好短板"


def _article_text(root: Path) -> str:
    """The text of the interview's article as built, whitespace folded."""
    return text_of(parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("article")[0])


_EARLY = interview().replace("title: 白鹤镇访谈\n", "title: 白鹤镇访谈\n---\n")
"""An interview whose front matter is closed on line 3, above series: (line 4) … date: (line 9)."""


@pytest.mark.parametrize(("page", "hint", "fixed"), [
    (_EARLY.replace("\n---\n\n## 问题一", "\n\n## 问题一"),
     'move this "---" line down to just below line 9, the last line of the date: field, so that it closes the '
     "front matter after all its fields", interview()),
    (_EARLY, 'delete this line: the fields below it are in the front matter, whose closing "---" is on line 10',
     interview()),
])
def test_fields_below_a_closing_line_typed_too_early_are_named_not_told_missing(
        tmp_path: Path, page: str, hint: str, fixed: str) -> None:
    # Was "2:1: the field "series" is missing" (and date, interviewee, unit), each with a hint to add it, while
    # it was there below line 3 and published as a line of the text.
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f"{PAGE_PATH}:3:1: error: the front matter closes on this line, before fields typed below it: series "
        "(line 4), unit (line 5), interviewee (line 6), date (line 9); they would be published as the page's text"
        f"\n  hint: {hint}"]
    write_site(root, {PAGE_PATH: fixed})
    assert printed(root) == []
    assert "series:" not in _article_text(root) and "问题一" in _article_text(root)


def test_an_optional_field_below_the_closing_line_is_named_too(tmp_path: Path) -> None:
    # Nothing was missing, so nothing was said: "tags: [草莓产业]" was published as the page's first line.
    root = write_site(tmp_path, {PAGE_PATH: interview(body="tags: [草莓产业]\n\n## 问题一\n\n回答。\n")})
    assert printed(root) == [
        f"{PAGE_PATH}:9:1: error: the front matter closes on this line, before fields typed below it: tags "
        "(line 11); they would be published as the page's text\n"
        '  hint: move this "---" line down to just below line 11, the last line of the tags: field, so that it '
        "closes the front matter after all its fields"]


@pytest.mark.parametrize("body", [
    "注：以下为访谈原文。\n\n## 问题一\n",  # a note, not a field
    "Note: 以下为访谈原文。\n\n## 问题一\n",
    "title: 白鹤镇访谈\n\n## 问题一\n",  # a field the front matter has: not moved there (it would be twice)
    "status: in_progress\n\n## 问题一\n",  # a case study's field, not an interview's
])
def test_text_starting_like_a_field_that_is_no_missing_field_is_text(tmp_path: Path, body: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(body=body)})
    assert printed(root) == []


_TOP = interview().split("\n---\n")[0] + "\n---\n"
"""The interview's front matter with its "---" lines (lines 1 to 9)."""


_FIELDS = "title, series, unit, interviewee, date"


@pytest.mark.parametrize(("pasted", "what", "hint"), [
    (_TOP, f"lines 13 to 21: {_FIELDS}",
     "delete lines 13 to 21: its fields are already set, to the same values, in the front matter at the top"),
    (_TOP.replace("title: 白鹤镇访谈", "title: 白鹤镇访谈（修订）").replace("unit: baihe\n", "unit: baihe\ntags: [民生]\n"),
     "lines 13 to 22: title, series, unit, tags, interviewee, date",
     "delete lines 13 to 22: the fields title, tags there differ from the front matter at the top (or are not in "
     "it): if a value there is the one wanted, move it up into the front matter at the top first, in place of the "
     "value there"),
])
def test_front_matter_pasted_again_in_the_text_is_an_error_at_its_first_line(
        tmp_path: Path, pasted: str, what: str, hint: str) -> None:
    # The page showed "title: 白鹤镇访谈 series: dadiaoyan …" as paragraphs and a list, with nothing said.
    root = write_site(tmp_path, {PAGE_PATH: interview(body=f"引言。\n\n{pasted}\n## 问题一\n\n回答。\n")})
    assert printed(root) == [
        f"{PAGE_PATH}:13:1: error: the text holds a second front matter block ({what}), which would be published "
        f"as the page's text\n  hint: {hint}"]
    write_site(root, {PAGE_PATH: interview(body="引言。\n\n\n## 问题一\n\n回答。\n")})
    assert printed(root) == []


@pytest.mark.parametrize("body", [
    "第一段。\n\n---\n\n注：以下为访谈原文。\n\n---\n\n第二段。\n",  # rules around a note
    "第一段。\n\n---\ndate: 2018-05-03\n---\n\n第二段。\n",  # one field between rules
    "示例：\n\n```yaml\n---\ntitle: 白鹤镇访谈\ndate: 2018-05-03\n---\n```\n",  # an example in code
])
def test_rules_and_examples_in_the_text_are_no_pasted_front_matter(tmp_path: Path, body: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(body=body)})
    assert not any("second front matter" in line for line in printed(root))


@pytest.mark.parametrize(("char", "name"), [("\u2028", "line separator (行分隔符, U+2028)"),
                                          ("\u2029", "paragraph separator (段分隔符, U+2029)")])
def test_a_line_separator_pasted_into_the_text_is_warned_and_deleting_it_checks(
        tmp_path: Path, char: str, name: str) -> None:
    # It passed silently and was published inside the word (白鹤镇的<U+2028>草莓), where search did not find 草莓.
    root = write_site(tmp_path, {PAGE_PATH: interview(body=f"## 问题一\n\n白鹤镇的{char}草莓很甜。\n")})
    assert printed(root) == [
        f"{PAGE_PATH}:13:5: warning: an invisible {name} is in the text: Markdown reads no line break there, so the "
        "page holds it inside the text, and search and the misspelling check do not find the word it stands in\n"
        '  hint: delete it: it stands between "白鹤镇的" and "草莓很甜。" (it often comes from text copied from Word or '
        "a web page); if a new line is meant there, press Enter in its place"]
    write_site(root, {PAGE_PATH: interview(body="## 问题一\n\n白鹤镇的草莓很甜。\n")})
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert "白鹤镇的草莓很甜。" in [p.text_content() for p in page.cssselect("p")]


@pytest.mark.parametrize(("lead", "name", "said"), [
    ("\u00a0", "no-break space", "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"),
    (" ", "space", "a space")])
def test_a_fence_typed_after_an_unseen_space_is_named_and_deleting_it_checks(
        tmp_path: Path, lead: str, name: str, said: str) -> None:
    # It was "1:1: the page has no front matter" (hint: start the file with "---", which it seemed to do).
    page = interview("白鹤镇：补好短板")
    root = write_site(tmp_path, {PAGE_PATH: lead + page.replace("\n---\n\n", f"\n{lead}---\n\n")})
    hint = f"  hint: delete the {name} before the dashes, so that the line is exactly ---"
    assert printed(root) == [
        f'{PAGE_PATH}:1:1: error: line 1 looks like the "---" that opens the front matter, but {said} comes before '
        f"it, in column 1\n{hint}",
        f'{PAGE_PATH}:9:1: error: this line looks like the "---" that closes the front matter, but {said} comes '
        f"before it, in column 1\n{hint}"]
    lines = (root / PAGE_PATH).read_text(encoding="utf-8").split("\n")
    for number in (1, 9):
        lines[number - 1] = lines[number - 1].removeprefix(lead)
    (root / PAGE_PATH).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == []
    assert parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("h1")[0].text_content() == "白鹤镇：补好短板"


@pytest.mark.parametrize(("typed", "line", "readings"), [
    ("12/1 10:00", 8, {"YYYY-12-01 10:00": "2018-12-01T10:00+08:00", "YYYY-01-12 10:00": "2018-01-12T10:00+08:00"}),
    ("11/20", 8, {"YYYY-11-20": "2018-11-20"}),
])
def test_a_date_typed_as_month_slash_day_is_offered_the_year_to_write_and_the_hint_followed_checks(
        tmp_path: Path, typed: str, line: int, readings: dict[str, str]) -> None:
    # "12/1" got "write the date as YYYY-MM-DD", where "6月15日" got "write the year too: YYYY-06-15".
    root = write_site(tmp_path, {PAGE_PATH: interview(date=typed)})
    problems = printed(root)
    assert len(problems) == 1 and problems[0].startswith(
        f'{PAGE_PATH}:{line}:7: error: date: "{typed}" is not a date sitegen understands\n  hint: write the year too: ')
    for offered, meant in readings.items():
        assert offered in problems[0]
        write_site(root, {PAGE_PATH: interview(date=offered.replace("YYYY", "2018"))})
        assert printed(root) == []
        shown = parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("time[datetime]")
        assert meant in {element.get("datetime") for element in shown}


# -- clearer words for values YAML reads differently ------------------------------------------------

def test_a_value_starting_with_a_hash_says_it_is_a_comment(tmp_path: Path) -> None:
    # It was "title: the value is empty", about a line that plainly has one.
    root = write_site(tmp_path, {PAGE_PATH: interview("#1 白鹤镇", extra="tags:\n  - #大调研#\n  - 补短板 # 注释\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:2:8: error: "#" after a space starts a comment in YAML, so "title" has no value\n'
        '  hint: put the value in quotes: title: "#1 白鹤镇"',
        f'{PAGE_PATH}:10:5: error: "#" after a space starts a comment in YAML, so this list item is empty\n'
        '  hint: put the value in quotes: - "#大调研#"']


def test_a_value_starting_with_a_hash_and_going_on_below_is_told_and_the_hint_keeps_it_whole(tmp_path: Path) -> None:
    # "put the value in quotes: summary: "#3号楼…"" left "  居民很满意" below the closing quote: a parser error.
    page = interview(extra="summary: #3号楼加装电梯问题已解决，\n  居民很满意，\n\n  大家都说好   # 摘要\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    problems = printed(root)
    assert problems == [
        f'{PAGE_PATH}:9:10: error: "#" after a space starts a comment in YAML, so "summary" is only "居民很满意， '
        '大家都说好": the text "#3号楼加装电梯问题已解决，" on this line is dropped\n'
        '  hint: put the whole value in quotes: type " before #3号楼加装电梯问题已解决， on line 9, and another " after '
        "大家都说好 on line 12 (before the comment # 摘要)"]
    write_site(root, {PAGE_PATH: _quotes_typed(page, problems[0])})
    assert printed(root) == []
    shown = parse_html(build_at(root) / "interviews/baihe/index.html").cssselect('meta[name="description"]')
    assert shown[0].get("content") == "#3号楼加装电梯问题已解决，居民很满意，\n大家都说好"


def test_a_note_glued_to_its_hash_after_a_key_whose_fields_or_list_follow_is_not_told(tmp_path: Path) -> None:
    # "interviewee: #受访人信息" above "  name: …" was told "interviewee has no value; put it in quotes", and
    # the quotes made the file unreadable: YAML reads the note as a note and the fields below as the value.
    page = interview(extra="tags: #标签\n- 大调研\n- 补短板\n").replace("interviewee:\n", "interviewee: #受访人信息\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == []
    html = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert "党委书记" in html.text_content()
    assert [link.text_content() for link in html.cssselect('a[href*="/tags/"]')][:2] == ["大调研", "补短板"]


def test_a_note_typed_inside_a_block_text_is_told_and_moved_above_the_key_it_is_a_note(tmp_path: Path) -> None:
    # YAML reads "#" as a note only outside a text: "# 说明：…" under "summary: |" was published with the page,
    # and under a tally's "note: >" in data/tallies.csv, without a word.
    page = interview(extra="summary: |\n  # 说明：摘要不超过120字\n  白鹤镇党委书记谈大调研\n")
    unit = UNIT + "    note: >\n      据单位上报。\n      # TODO 核对\n      #3号楼已整改\n"
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == [
        f'{PAGE_PATH}:10:3: warning: this line is part of the text of "summary:" (typed after "|" on line 9), not a '
        'note (说明): inside a text YAML does not read "#" as a note, so the page shows "# 说明：摘要不超过120字"\n'
        '  hint: to keep it a note, move the line above "summary:" (line 9)',
        f'{UNIT_PATH}:13:7: warning: this line is part of the text of "note:" (typed after ">" on line 11), not a '
        'note (说明): inside a text YAML does not read "#" as a note, so the page shows "# TODO 核对"\n'
        '  hint: to keep it a note, move the line above "note:" (line 11)']
    page = page.replace("summary: |\n  # 说明：摘要不超过120字\n", "# 说明：摘要不超过120字\nsummary: |\n")
    unit = unit.replace("    note: >\n      据单位上报。\n      # TODO 核对\n", "    # TODO 核对\n    note: >\n      据单位上报。\n")
    write_site(root, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == []
    output = build_at(root)
    shown = parse_html(output / "interviews/baihe/index.html").cssselect('meta[name="description"]')
    assert shown[0].get("content") == "白鹤镇党委书记谈大调研"
    with open(output / "data/tallies.csv", encoding="utf-8-sig", newline="") as table:
        assert [row["note"] for row in csv.DictReader(table)] == ["据单位上报。#3号楼已整改"]


def test_a_note_typed_as_the_last_line_of_a_block_text_is_told_too(tmp_path: Path) -> None:
    # With no line of text after it, the quick look that skips the line scan of a clean text missed it.
    page = interview(extra="summary: |\n  白鹤镇党委书记谈大调研\n  # 说明：摘要不超过120字\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:11:3: warning: this line is part of the text of "summary:" (typed after "|" on line 9), not a '
        'note (说明): inside a text YAML does not read "#" as a note, so the page shows "# 说明：摘要不超过120字"\n'
        '  hint: to keep it a note, move the line above "summary:" (line 9)']


LAOJIE_CASE = ("---\ntitle: 老街路灯修复\nunit: baihe\nstatus: in_progress\nproblem: |\n  老街路灯年久失修，\n"
               "  居民晚上出行不便。   # 问题 the problem found in the survey\nactions:\n  - 更换路灯\ndate: 2018-05-03\n"
               "summary: >\n  老街路灯修复，\n  居民满意。   # 摘要，不写则取正文开头 summary; else the start of the text\n"
               "---\n\n正文。\n")
LAOJIE_PATH = "content/cases/laojie.md"


def test_a_note_ending_a_line_of_a_block_text_is_told_and_the_hint_moves_it_onto_the_keys_line(tmp_path: Path) -> None:
    # "problem: |" over the line "居民晚上出行不便。   # 问题 …" that sitegen new wrote published "   # 问题 the
    # problem found in the survey" in the page, its description and JSON-LD, and a tally's note in data/tallies.csv.
    unit = UNIT + "    note: |\n      据单位上报。   # 说明，如数据来源 note, e.g. where the figures come from\n"
    root = write_site(tmp_path, {LAOJIE_PATH: LAOJIE_CASE, UNIT_PATH: unit})
    problems = printed(root)
    told = ('at the end of this line is part of the text of "{key}" (typed after "{sign}" on line {head}), not a note '
            '(说明): inside a text YAML does not read "#" as a note, so it is published with the text\n'
            '  hint: cut it from this line, with the spaces before it; to keep it a note, put it after the "{sign}" '
            'on line {head}: ')
    assert problems == [
        f'{LAOJIE_PATH}:7:15: warning: "# 问题 the problem found in the survey" '
        + told.format(key="problem:", sign="|", head=5) + "problem: |   # 问题 the problem found in the survey",
        f'{LAOJIE_PATH}:13:11: warning: "# 摘要，不写则取正文开头 summary; else the start o…" '
        + told.format(key="summary:", sign=">", head=11)
        + "summary: >   # 摘要，不写则取正文开头 summary; else the start of the text",
        f'{UNIT_PATH}:12:16: warning: "# 说明，如数据来源 note, e.g. where the figures…" '
        + told.format(key="note:", sign="|", head=11)
        + "note: |   # 说明，如数据来源 note, e.g. where the figures come from"]
    page = _note_moved(_note_moved(LAOJIE_CASE, problems[0]), problems[1], keep=False)
    write_site(root, {LAOJIE_PATH: page, UNIT_PATH: _note_moved(unit, problems[2])})
    assert "summary: >\n" in page and "note: |   # 说明" in (root / UNIT_PATH).read_text("utf-8")
    assert printed(root) == []
    output = build_at(root)
    html = parse_html(output / "cases/laojie/index.html")
    assert html.cssselect("dd.lines")[0].text_content() == "老街路灯年久失修，\n居民晚上出行不便。"
    assert html.cssselect('meta[name="description"]')[0].get("content") == "老街路灯修复，居民满意。"
    assert [item.get("description") for item in json_ld_of(html) if "description" in item] == ["老街路灯修复，居民满意。"]
    with open(output / "data/tallies.csv", encoding="utf-8-sig", newline="") as table:
        assert [row["note"] for row in csv.DictReader(table)] == ["据单位上报。"]


def test_notes_ending_several_lines_of_one_block_text_are_each_told_and_the_hints_keep_them_all(
        tmp_path: Path) -> None:
    # Each hint offers the key's line with the notes told before it, so following them in order loses none.
    page = LAOJIE_CASE.replace("  老街路灯年久失修，\n", "  老街路灯年久失修，  # 先写现状\n").replace(
        "  居民满意。   # 摘要，不写则取正文开头 summary; else the start of the text", "  居民满意。")
    root = write_site(tmp_path, {LAOJIE_PATH: page})
    problems = printed(root)
    assert [problem.split(": warning: ")[0] for problem in problems] == [f"{LAOJIE_PATH}:6:14", f"{LAOJIE_PATH}:7:15"]
    assert [_NOTE_HINT.match(problem)["typed"] for problem in problems] == [
        "problem: |   # 先写现状", "problem: |   # 先写现状 # 问题 the problem found in the survey"]
    for problem in problems:
        page = _note_moved(page, problem)
    assert "problem: |   # 先写现状 # 问题 the problem found in the survey\n" in page
    write_site(root, {LAOJIE_PATH: page})
    assert printed(root) == []


def test_a_hash_in_a_block_text_that_is_no_note_is_published_as_typed(tmp_path: Path) -> None:
    # "#" glued to text before or after it (a building number, C#, an address, a 话题 #大调研#) is text, not a note.
    typed = ["#3号楼已整改，", "参加 #大调研# 活动，", "学习 C# 编程，", "详见 https://example.org/news/#part2"]
    page = LAOJIE_CASE.replace("  居民晚上出行不便。   # 问题 the problem found in the survey\n",
                               "".join(f"  {line}\n" for line in typed))
    root = write_site(tmp_path, {LAOJIE_PATH: page.replace("   # 摘要，不写则取正文开头 summary; else the start of the text", "")})
    assert printed(root) == []
    shown = parse_html(build_at(root) / "cases/laojie/index.html").cssselect("dd.lines")[0].text_content()
    assert shown == "\n".join(["老街路灯年久失修，", *typed])


_NOTE_HINT = re.compile(r'^(?P<path>[^:]+):(?P<line>[0-9]+):(?P<column>[0-9]+): warning: .*\n  hint: cut it from this '
                        r'line, with the spaces before it; to keep it a note, put it after the "[|>]" on line '
                        r"(?P<head>[0-9]+): (?P<typed>.+)$", re.DOTALL)


def _note_moved(text: str, problem: str, *, keep: bool = True) -> str:
    """``text`` (a whole file) with the note a hint names cut from its line with the spaces before it, and with the
    key's line typed as the hint offers (``keep``) or left as it was; a problem with no such hint fails the test."""
    found = _NOTE_HINT.match(problem)
    assert found is not None, problem
    lines = text.split("\n")
    number, column, head = int(found["line"]) - 1, int(found["column"]) - 1, int(found["head"]) - 1
    assert lines[number][column] == "#"
    lines[number] = lines[number][:column].rstrip(" \t")
    if keep:
        lines[head] = lines[head][:len(lines[head]) - len(lines[head].lstrip(" "))] + found["typed"]
    return "\n".join(lines)


_QUOTES_HINT = re.compile(r"type (?P<mark>[\"']) before (?P<before>.+?) on line (?P<first>[0-9]+), and another "
                          r"(?P=mark) after (?P<after>.+?) on line (?P<last>[0-9]+)(?: \(before the comment .*\))?$")


def _quotes_typed(text: str, problem: str) -> str:
    """``text`` (a whole file) with the quotes a hint says where to type typed there (``type " before 主要… on line
    11, and another " after #3号楼 on line 12``): before the text named on its line, and after the one named on its
    line (each cut short with "…"); a hint naming no quotes to type fails the test."""
    found = _QUOTES_HINT.search(problem.split("\n  hint: ", 1)[1])
    assert found is not None, problem
    lines = text.split("\n")
    first, last, mark = int(found["first"]) - 1, int(found["last"]) - 1, found["mark"]
    before, after = found["before"].rstrip("…"), found["after"].lstrip("…")
    at = lines[last].rindex(after) + len(after)
    lines[last] = lines[last][:at] + mark + lines[last][at:]
    at = lines[first].index(before)
    lines[first] = lines[first][:at] + mark + lines[first][at:]
    return "\n".join(lines)


def test_a_line_of_a_text_starting_with_a_hash_is_told_and_the_hint_keeps_it(tmp_path: Path) -> None:
    # YAML reads "#3号楼、#5号楼" as a comment: check said nothing, and the page and data/tallies.csv published
    # "主要问题集中在加装电梯，涉及"; the summary lost its second line the same way.
    note = "    note: 主要问题集中在加装电梯，涉及\n      #3号楼、#5号楼\n"
    unit = UNIT + note
    page = interview(extra="summary: 白鹤镇谈加装电梯，\n  #3号楼、#5号楼已开工   # 摘要\n")
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page})
    problems = printed(root)
    assert problems == [
        f'{PAGE_PATH}:10:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value '
        "is only \"白鹤镇谈加装电梯，\": the page shows 白鹤镇谈加装电梯，, not 白鹤镇谈加装电梯，#3号楼、#5号楼已开工\n"
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 白鹤镇谈加装电梯， on line 9, '
        'and another " after #3号楼、#5号楼已开工 on line 10 (before the comment # 摘要)',
        f'{UNIT_PATH}:12:7: error: "#" at the start of a line of the text starts a comment in YAML, so the value '
        'is only "主要问题集中在加装电梯，涉及": the page shows 主要问题集中在加装电梯，涉及, not '
        "主要问题集中在加装电梯，涉及#3号楼、#5号楼\n"
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 主要问题集中在加装电梯，涉及 '
        'on line 11, and another " after #3号楼、#5号楼 on line 12']
    write_site(tmp_path, {UNIT_PATH: _quotes_typed(unit, problems[1]), PAGE_PATH: _quotes_typed(page, problems[0])})
    assert printed(root) == []
    output = build_at(root)
    assert "主要问题集中在加装电梯，涉及#3号楼、#5号楼" in (output / "units/baihe/index.html").read_text(encoding="utf-8")
    assert (output / "data/tallies.csv").read_text(encoding="utf-8-sig").splitlines()[1].endswith(
        ",主要问题集中在加装电梯，涉及#3号楼、#5号楼")
    shown = parse_html(output / "interviews/baihe/index.html")
    assert shown.cssselect('meta[name="description"]')[0].get("content") == "白鹤镇谈加装电梯，#3号楼、#5号楼已开工"


def test_a_hash_cutting_a_text_over_several_lines_is_told_where_it_cuts(tmp_path: Path) -> None:
    # " #" glued to text on a line below the first was published cut, unwarned ("…涉及重点解决"); before more of
    # the text's lines, the "#" was told "this line is not lined up", and the one on the first line was told to
    # quote that line alone, which left the lines below it unreadable.
    for typed, where, message, hint in [
        ("    note: 主要问题集中在加装电梯，涉及\n      重点解决 #3号楼\n", "12:12",
         'error: " #" (a space, then #) starts a comment in YAML, so the value is only '
         '"主要问题集中在加装电梯，涉及重点解决": the page shows 主要问题集中在加装电梯，涉及重点解决, not '
         "主要问题集中在加装电梯，涉及重点解决 #3号楼",
         'type " before 主要问题集中在加装电梯，涉及 on line 11, and another " after 重点解决 #3号楼 on line 12'),
        ("    note: 主要问题集中在加装电梯，涉及\n      #3号楼、#5号楼\n      重点解决\n", "12:7",
         'error: "#" at the start of a line of the text starts a comment in YAML, so the value is only '
         '"主要问题集中在加装电梯，涉及", and YAML cannot read the lines of the text below it',
         'type " before 主要问题集中在加装电梯，涉及 on line 11, and another " after 重点解决 on line 13'),
        ("    note: 涉及 #3号楼\n      重点解决\n", "11:14",
         'error: " #" (a space, then #) starts a comment in YAML, so the value is only "涉及", and YAML cannot '
         "read the lines of the text below it",
         'type " before 涉及 #3号楼 on line 11, and another " after 重点解决 on line 12'),
    ]:
        root = write_site(tmp_path / where, {UNIT_PATH: UNIT + typed})
        problems = printed(root)
        assert problems == [f"{UNIT_PATH}:{where}: {message}\n  hint: if the # belongs to the value, wrap the whole "
                            f"value in quotes: {hint}"]
        write_site(root, {UNIT_PATH: _quotes_typed(UNIT + typed, problems[0])})
        assert printed(root) == [], typed
        tallies = (build_at(root) / "data/tallies.csv").read_text(encoding="utf-8-sig")
        assert tallies.splitlines()[1].split(",")[-1] == "".join(line.strip() for line in typed.split("\n"))[6:]


def test_notes_typed_among_the_lines_of_a_text_are_left_alone(tmp_path: Path) -> None:
    # A note is written "# 说明"; "#note: …" and "#- 大调研" are a field and an item commented out.
    unit = UNIT + ("    note: 主要问题集中在加装电梯\n      # 3号楼的数据下周补\n    #note: 旧说明\n"
                   "  # 以下为目标\n")
    page = interview(extra="tags:\n- 大调研\n  #- 补短板\nsummary: 白鹤镇谈加装电梯\n  #summary: 旧摘要\n")
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page})
    assert printed(root) == []


def _quoted_in_place(text: str, problem: str) -> str:
    """``text`` with the hint of ``problem`` for a "#" line followed: ``put the value in quotes: "…"`` typed on the
    line it points at (its indent kept), or the quotes a longer text takes typed where it says (`_quotes_typed`)."""
    where, hint = problem.split("\n  hint: ")
    line = int(where.split(":")[1]) - 1
    lines = text.split("\n")
    if _QUOTES_HINT.search(hint):
        return _quotes_typed(text, problem)
    indent = lines[line][:len(lines[line]) - len(lines[line].lstrip())]
    return "\n".join(lines[:line] + [indent + hint.split(": ", 1)[1]] + lines[line + 1:])


def test_a_text_typed_below_its_key_as_hash_lines_alone_is_an_error_and_the_hint_keeps_it(tmp_path: Path) -> None:
    # "note:" with "#3号楼、#5号楼已整改" below: YAML reads a note with no value and a comment, and the page and
    # data/tallies.csv published an empty note, unwarned; a milestone's title and an interview's title and summary
    # lost theirs the same way (a title was told only "the value is empty").
    unit = (UNIT + "    note:\n      #3号楼、#5号楼已整改\nmilestones:\n  - date: 2018-01-12\n    title:\n"
            "      #3号楼开工\n\n      #5号楼开工   # 编者：待核实\n")
    page = interview(extra="summary:\n  #3号楼、#5号楼\n  已开工\n").replace("title: 白鹤镇访谈", "title:\n  #1 白鹤镇访谈")
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page})
    problems = printed(root)
    assert problems == [
        f'{PAGE_PATH}:3:3: error: "#" at the start of a line starts a comment in YAML, so "title" above has no '
        "value: the text typed below it, #1 白鹤镇访谈, is dropped\n"
        '  hint: put the value in quotes: "#1 白鹤镇访谈"',
        f'{PAGE_PATH}:11:3: error: "#" at the start of a line of the text starts a comment in YAML, so the value '
        'is only "已开工": the page shows 已开工, not #3号楼、#5号楼已开工\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before #3号楼、#5号楼 on line 11, '
        'and another " after 已开工 on line 12',
        f'{UNIT_PATH}:12:7: error: "#" at the start of a line starts a comment in YAML, so "note" above has no value: '
        "the text typed below it, #3号楼、#5号楼已整改, is dropped\n"
        '  hint: put the value in quotes: "#3号楼、#5号楼已整改"',
        f'{UNIT_PATH}:16:7: error: "#" at the start of a line starts a comment in YAML, so "title" above has no '
        "value: the text typed below it, #3号楼开工 #5号楼开工, is dropped\n"
        '  hint: put the value in quotes: type " before #3号楼开工 on line 16, and another " after #5号楼开工 on line 18 '
        "(before the comment # 编者：待核实)"]
    unit = _quoted_in_place(_quoted_in_place(unit, problems[3]), problems[2])
    page = _quoted_in_place(_quoted_in_place(page, problems[1]), problems[0])
    write_site(root, {UNIT_PATH: unit, PAGE_PATH: page})
    # The empty line between the title's two lines is a line break in quotes as out of them: a title is one line.
    assert printed(root) == [
        f'{UNIT_PATH}:16:7: error: milestones → item 1 → title: it is typed over 2 lines (after "|"), and a title or '
        "name is one line: pages would show it broken where the lines end\n"
        '  hint: write it on one line after the colon, without the |: "#3号楼开工 #5号楼开工"']
    unit = unit.replace('    title:\n      "#3号楼开工\n\n      #5号楼开工"   # 编者：待核实\n',
                        '    title: "#3号楼开工 #5号楼开工"   # 编者：待核实\n')
    write_site(root, {UNIT_PATH: unit})
    assert printed(root) == []
    output = build_at(root)
    assert "#3号楼、#5号楼已整改" in (output / "units/baihe/index.html").read_text(encoding="utf-8")
    assert (output / "data/tallies.csv").read_text(encoding="utf-8-sig").splitlines()[1].endswith(
        ",#3号楼、#5号楼已整改")
    milestone = next(csv.DictReader((output / "data/milestones.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert milestone["title"] == "#3号楼开工 #5号楼开工"
    shown = parse_html(output / "interviews/baihe/index.html")
    assert shown.cssselect("h1")[0].text_content() == "#1 白鹤镇访谈"
    assert shown.cssselect('meta[name="description"]')[0].get("content") == "#3号楼、#5号楼已开工"


_QUOTE_MOVED = re.compile(r"delete the (?P<mark>[\"']) (?P<side>before|after) (?P<at>.+?) on line (?P<from>[0-9]+), "
                          r"and type it (?:before|after) (?P<to>.+?) on line (?P<line>[0-9]+)")
_COMMENTS_MOVED = re.compile(r", then move (?P<which>.+) above \"(?P<key>.+)\" \(line (?P<head>[0-9]+)\)$")


def _hash_hint_followed(text: str, problem: str) -> str:
    """``text`` (a whole file) with the hint of ``problem`` for lost "#" lines followed: its quotes typed (or a
    quote moved: ``delete the " before 5号楼 on line 4, and type it before #3号楼 on line 3``) on the lines it
    names, then the comments it names (``then move the comment on line 3 above "note:" (line 1)``, or the one at
    the end of a line) moved above that line, with its indent. A hint saying neither fails the test."""
    where, hint = problem.split("\n  hint: ", 1)
    moves = _COMMENTS_MOVED.search(hint)
    hint = hint[:moves.start()] if moves else hint
    moved = _QUOTE_MOVED.search(hint)
    if moved is None:
        text = _quotes_typed(text, f"{where}\n  hint: {hint}")
    else:
        lines = text.split("\n")
        mark, at, to = moved["mark"], moved["at"].strip("…"), moved["to"].strip("…")
        old, new = int(moved["from"]) - 1, int(moved["line"]) - 1
        cut = lines[old].index(at) - 1 if moved["side"] == "before" else lines[old].rindex(at) + len(at)
        assert lines[old][cut] == mark, problem
        lines[old] = lines[old][:cut] + lines[old][cut + 1:]
        put = lines[new].index(to) + (0 if moved["side"] == "before" else len(to))
        lines[new] = lines[new][:put] + mark + lines[new][put:]
        text = "\n".join(lines)
    if moves is None:
        return text
    lines = text.split("\n")
    head = int(moves["head"]) - 1
    assert lines[head].strip().startswith(moves["key"]), problem
    taken: list[str] = []
    ends = re.match(r"the comment at the end of line ([0-9]+) \((.+?)\)", moves["which"])
    if ends:
        end = int(ends[1]) - 1
        at = lines[end].rindex(ends[2])
        taken.append(lines[end][at:])
        lines[end] = lines[end][:at].rstrip()
    whole = [int(n) - 1 for n in re.findall(r"[0-9]+", re.sub(r".*?the comments? on lines? ", "", moves["which"]))
             ] if "the comment on" in moves["which"] or "the comments on" in moves["which"] else []
    taken += [lines[n].strip() for n in whole]
    indent = lines[head][:len(lines[head]) - len(lines[head].lstrip())]
    kept = [line for n, line in enumerate(lines) if n not in whole]
    head -= sum(1 for n in whole if n < head)
    return "\n".join(kept[:head] + [indent + comment for comment in taken] + kept[head:])


def test_text_typed_as_hash_lines_around_notes_and_quotes_is_told_and_each_hint_keeps_it(tmp_path: Path) -> None:
    # Each "#" line here was read by YAML as a comment and its text lost, unwarned: after a note ("# 说明") among
    # "#" lines under a key, before or after a text in quotes, and after a text ended by a comment.
    unit = (UNIT + "    note:\n      #3号楼\n      # 说明\n      #5号楼已整改\nmilestones:\n  - date: 2018-01-12\n"
            "    title:\n      #3号楼已整改\n      \"5号楼正在整改\"\n")
    page = interview(extra="summary: '白鹤镇谈加装电梯，'\n  # 摘要\n  #3号楼、#5号楼已开工\n").replace(
        "title: 白鹤镇访谈", "title: 白鹤镇访谈   # 标题\n  #3期")
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page})
    problems = printed(root)
    assert problems == [
        f'{PAGE_PATH}:3:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"白鹤镇访谈": the page shows 白鹤镇访谈, not 白鹤镇访谈#3期\n'
        '  hint: if the # belongs to the value, wrap the whole value in quotes: type " before 白鹤镇访谈 on line 2, '
        'and another " after #3期 on line 3, then move the comment at the end of line 2 (# 标题) above "title:" '
        "(line 2)",
        f'{PAGE_PATH}:12:3: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"白鹤镇谈加装电梯，", the text in quotes above it: the page shows 白鹤镇谈加装电梯，, not '
        "白鹤镇谈加装电梯，#3号楼、#5号楼已开工\n"
        "  hint: if the # belongs to the value, delete the ' after 白鹤镇谈加装电梯， on line 10, and type it after "
        '#3号楼、#5号楼已开工 on line 12, then move the comment on line 11 above "summary:" (line 10)',
        f'{UNIT_PATH}:12:7: error: "#" at the start of a line starts a comment in YAML, so "note" above has no value: '
        "the text typed below it, #3号楼#5号楼已整改, is dropped\n"
        '  hint: put the value in quotes: type " before #3号楼 on line 12, and another " after #5号楼已整改 on line 14, '
        'then move the comment on line 13 above "note:" (line 11)',
        f'{UNIT_PATH}:18:7: error: "#" at the start of a line starts a comment in YAML, so the value is only '
        '"5号楼正在整改", the text in quotes below it: the page shows 5号楼正在整改, not #3号楼已整改5号楼正在整改\n'
        '  hint: if the # belongs to the value, delete the " before 5号楼正在整改 on line 19, and type it before '
        "#3号楼已整改 on line 18"]
    # Followed from the last line up, as the lines a hint names stay where they are until its comments move.
    unit = _hash_hint_followed(_hash_hint_followed(unit, problems[3]), problems[2])
    page = _hash_hint_followed(_hash_hint_followed(page, problems[1]), problems[0])
    write_site(root, {UNIT_PATH: unit, PAGE_PATH: page})
    assert printed(root) == []
    output = build_at(root)
    assert (output / "data/tallies.csv").read_text(encoding="utf-8-sig").splitlines()[1].endswith(
        ",#3号楼#5号楼已整改")
    milestone = next(csv.DictReader((output / "data/milestones.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert milestone["title"] == "#3号楼已整改5号楼正在整改"
    shown = parse_html(output / "interviews/baihe/index.html")
    assert shown.cssselect("h1")[0].text_content() == "白鹤镇访谈#3期"
    assert shown.cssselect('meta[name="description"]')[0].get("content") == "白鹤镇谈加装电梯，#3号楼、#5号楼已开工"


def test_hash_lines_among_a_text_cut_by_a_comment_are_kept_by_the_hint_that_keeps_the_comment_out(
        tmp_path: Path) -> None:
    # The hint moved "#3号楼" above the key with the comment it stood below, as a comment: its text was lost.
    typed = "    note: 主要问题集中在加装电梯   # 说明\n      # 编者：待核实\n      #3号楼\n      已开工\n"
    root = write_site(tmp_path, {UNIT_PATH: UNIT + typed})
    problems = printed(root)
    assert problems == [
        f"{UNIT_PATH}:12:7: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "主要问题集中在加装电梯", and YAML cannot read the text\'s next line, "已开工"\n'
        '  hint: to keep the comment out of the text, wrap the whole text in quotes: type " before 主要问题集中在加装电梯 on '
        'line 11, and another " after 已开工 on line 14, then move the comment at the end of line 11 (# 说明) and the '
        'comment on line 12 above "note:" (line 11); to make it part of the text, wrap the whole text in quotes: '
        'type " before 主要问题集中在加装电梯   #… on line 11, and another " after 已开工 on line 14']
    kept_out = problems[0].split("; to make it part of the text")[0]
    write_site(root, {UNIT_PATH: _hash_hint_followed(UNIT + typed, kept_out)})
    assert printed(root) == []
    tallies = (build_at(root) / "data/tallies.csv").read_text(encoding="utf-8-sig")
    assert tallies.splitlines()[1].endswith(",主要问题集中在加装电梯#3号楼已开工")


def test_a_comment_between_the_lines_of_a_text_is_told_it_ends_the_text_and_both_fixes_work(tmp_path: Path) -> None:
    # YAML ends a text at a comment line, and refuses the text's next line: that was told "this line is not lined
    # up with the lines above it", though it is, with a hint about keys.
    typed = "    note: 第一行的说明\n      # 编者：待核实\n      第二行的说明\n"
    root = write_site(tmp_path / "told", {UNIT_PATH: UNIT + typed})
    problems = printed(root)
    assert problems == [
        f"{UNIT_PATH}:12:7: error: this comment (注释) stands between the lines of a text, and YAML ends a text at a "
        'comment: the value is only "第一行的说明", and YAML cannot read the text\'s next line, "第二行的说明"\n'
        '  hint: to keep the comment out of the text, move this line above "note:" (line 11); to make it part of '
        'the text, wrap the whole text in quotes: type " before 第一行的说明 on line 11, and another " after 第二行的说明 '
        "on line 13"]
    moved = "      # 编者：待核实\n    note: 第一行的说明\n      第二行的说明\n"
    for fixed, note in [(moved, "第一行的说明第二行的说明"),
                        (_quotes_typed(UNIT + typed, problems[0])[len(UNIT):], "第一行的说明# 编者：待核实第二行的说明")]:
        root = write_site(tmp_path / note, {UNIT_PATH: UNIT + fixed})
        assert printed(root) == [], fixed
        output = build_at(root)
        assert note in (output / "units/baihe/index.html").read_text(encoding="utf-8")
        assert (output / "data/tallies.csv").read_text(encoding="utf-8-sig").splitlines()[1].endswith("," + note)
        assert f'"note": "{note}"' in (output / "data/tallies.json").read_text(encoding="utf-8")


def test_hash_lines_below_a_key_before_its_fields_or_items_are_left_alone(tmp_path: Path) -> None:
    # A group's fields or a list's items below them are the key's value: the "#" lines are no text of it.
    page = interview(extra="tags:\n  #大调研\n- 补短板\n").replace("interviewee:\n", "interviewee:\n  #受访人\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == []


def _hint_line(problem: str) -> str:
    """The line a hint offers to type (``hint: delete it: name: 练塘镇`` → ``name: 练塘镇``)."""
    return problem.split("\n  hint: ", 1)[1].split(": ", 1)[1]


@pytest.mark.parametrize(("typed", "column", "space", "where"), [
    ("练塘\u00a0镇", 9, "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)",
     'between "练塘" and "镇"'),
    ("练塘镇\u3000", 10, "a full-width space (全角空格)", 'after "练塘镇"'),
    ("练塘\t镇", 9, "a TAB (制表符)", 'between "练塘" and "镇"')])
def test_a_unit_name_holding_an_odd_space_is_told_with_the_name_to_write(
        tmp_path: Path, typed: str, column: int, space: str, where: str) -> None:
    # Told nothing: data/units.csv held "练塘\xa0镇" or "练塘镇\u3000", and the page's <h1> the same, so a table
    # joined on the name missed it (duplicates are found without such spaces, so the totals were right).
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("name: 白鹤镇", f"name: {typed}")})
    problems = printed(root)
    assert problems == [
        f'{UNIT_PATH}:1:{column}: warning: name: "{typed}" has {space} {where}, which the unit\'s page would publish '
        'as part of it: it would not match "练塘镇" typed elsewhere\n'
        "  hint: delete it: name: 练塘镇"]
    write_site(root, {UNIT_PATH: UNIT.replace("name: 白鹤镇", _hint_line(problems[0]))})
    assert printed(root) == []
    output = build_at(root)
    assert parse_html(output / "units/baihe/index.html").cssselect("h1")[0].text == "练塘镇"
    assert (output / "data/units.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")[:2] == [
        "baihe", "练塘镇"]


SPACE_NAMES = {"\t": "a TAB (制表符)", "\u3000": "a full-width space (全角空格)",
               "\u00a0": "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)",
               "\u2002": "a special space (U+2002, from text copied from a web page or Word)"}


@pytest.mark.parametrize(("path", "old", "new", "told", "hint", "fixed"), [
    (PAGE_PATH, "title: 白鹤镇访谈", "title: 白鹤镇：\t补短板", '2:12: warning: title: "白鹤镇：\t补短板" has {\t} '
     'between "白鹤镇：" and "补短板", which the page would publish as part of it: it would not match "白鹤镇：补短板" '
     "typed elsewhere", "delete it: title: 白鹤镇：补短板", "title: 白鹤镇：补短板"),
    (PAGE_PATH, "title: 白鹤镇访谈", "title: Big\u2002Data 助力大调研", '2:11: warning: title: "Big\u2002Data 助力大调研" '
     'has {\u2002} between "Big" and "Data", which the page would publish as part of it: it would not match "Big Data '
     '助力大调研" typed with an ordinary space', "type an ordinary space in its place: title: Big Data 助力大调研",
     "title: Big Data 助力大调研"),
    (PAGE_PATH, "name: 受访人", "name: 王　芳", '6:10: warning: interviewee → name: "王　芳" has {\u3000} between "王" '
     'and "芳", which the page would publish as part of it: it would not match "王芳" typed elsewhere',
     "delete it: name: 王芳", "name: 王芳"),
    (PAGE_PATH, "role: 党委书记", "role: 党委\u00a0书记\u3000", '7:11: warning: interviewee → role: "党委\u00a0书记\u3000" '
     'has {\u00a0} between "党委" and "书记" (and 1 more such space), which the page would publish as part of it: it '
     'would not match "党委书记" typed elsewhere', "delete them: role: 党委书记", "role: 党委书记"),
    (PAGE_PATH, "date: 2018-05-03 10:00\n", 'date: 2018-05-03 10:00\ntags: [大调研, "Big\tData"]\n',
     '9:17: warning: tags → item 2: "Big\tData" has {\t} between "Big" and "Data", which the page would publish as '
     'part of it: it would not match "Big Data" typed with an ordinary space',
     'type an ordinary space in its place, so that the tag reads "Big Data"',
     'date: 2018-05-03 10:00\ntags: [大调研, "Big Data"]\n'),
    ("content/series/dadiaoyan.yaml", "title: 大调研微访谈", "title: 大调研\u00a0微访谈", '1:11: warning: title: "大调研'
     '\u00a0微访谈" has {\u00a0} between "大调研" and "微访谈", which the series page would publish as part of it: it '
     'would not match "大调研微访谈" typed elsewhere', "delete it: title: 大调研微访谈", "title: 大调研微访谈"),
    (UNIT_PATH, "misspellings: [白河镇, 百合镇]", 'misspellings: ["白河\t镇"]', '3:19: warning: misspellings → '
     'item 1: "白河\t镇" has {\t} between "白河" and "镇": a page that spells it "白河 镇" with an ordinary space would '
     "not be warned", 'type an ordinary space in its place, so that the spelling reads "白河 镇"',
     'misspellings: ["白河 镇"]'),
    (UNIT_PATH, "misspellings: [白河镇, 百合镇]", 'aliases: ["白鹤\u00a0人民政府"]', '3:14: warning: aliases → item 1: '
     '"白鹤\u00a0人民政府" has {\u00a0} between "白鹤" and "人民政府", which the open data (data/units.json) would '
     'publish as part of it: it would not match "白鹤 人民政府" typed with an ordinary space',
     'type an ordinary space in its place, so that the name reads "白鹤 人民政府"', 'aliases: ["白鹤 人民政府"]'),
    # The words of a name typed apart with an ordinary space: `sitegen new unit` refused the name, `check` did not.
    (UNIT_PATH, "name: 白鹤镇", "name: 白鹤 镇", '1:9: warning: name: "白鹤 镇" has an ordinary space between "白鹤" '
     'and "镇", which the unit\'s page would publish as part of it: it would not match "白鹤镇" typed elsewhere',
     "delete it: name: 白鹤镇", "name: 白鹤镇"),
])
def test_a_name_or_title_holding_an_odd_space_is_warned_with_the_text_to_write(
        tmp_path: Path, path: str, old: str, new: str, told: str, hint: str, fixed: str) -> None:
    # Each was published unwarned, the TAB or odd space in the page, its title and the open data.
    files = {PAGE_PATH: interview(), UNIT_PATH: UNIT, "content/series/dadiaoyan.yaml": SERIES}
    root = write_site(tmp_path, {**files, path: files[path].replace(old, new, 1)})
    for char, name in SPACE_NAMES.items():
        told = told.replace("{" + char + "}", name)
    assert printed(root) == [f"{path}:{told}\n  hint: {hint}"]
    # The hint followed: the line it gives typed in place of the line, or the item typed as it says.
    meant = hint.rsplit(' reads "', 1)[1][:-1] if hint.endswith('"') else hint.split(": ", 1)[1].split(": ", 1)[1]
    assert fixed.endswith(hint.split(": ", 1)[1]) if not hint.endswith('"') else f'"{meant}"' in fixed
    files[path] = files[path].replace(old, fixed, 1)
    root = write_site(tmp_path, files)
    assert printed(root) == []
    if path == UNIT_PATH and "misspellings" in new:  # looked for, not published: a page spelling it so is warned now
        write_site(root, {**files, PAGE_PATH: interview(body=f"{meant}的调研。\n")})
        assert [problem.split(": warning: ")[0] for problem in printed(root)] == [f"{PAGE_PATH}:11:1"]
        return
    output = build_at(root)
    shown = {PAGE_PATH: output / "interviews/baihe/index.html", UNIT_PATH: output / "data/units.json",
             "content/series/dadiaoyan.yaml": output / "series/dadiaoyan/index.html"}[path]
    assert meant in shown.read_text(encoding="utf-8")


def test_an_ordinary_space_between_chinese_words_is_told_in_a_units_name_only(tmp_path: Path) -> None:
    # A person's name may part two names (王建国 张丽) that only the editor can join right, and a title or a role
    # may set words apart on purpose: deleting the space would be no mend there. A unit's name is one word.
    files = {PAGE_PATH: interview().replace("name: 受访人", "name: 王建国 张丽").replace("title: 白鹤镇访谈",
                                                                                  "title: 白鹤镇 访谈"),
             UNIT_PATH: UNIT.replace("name: 白鹤镇", "name: 青浦区  白鹤镇"), "content/series/dadiaoyan.yaml": SERIES}
    root = write_site(tmp_path, files)
    assert printed(root) == [
        f'{UNIT_PATH}:1:10: warning: name: "青浦区  白鹤镇" has an ordinary space between "青浦区" and "白鹤镇", which '
        'the unit\'s page would publish as part of it: it would not match "青浦区白鹤镇" typed elsewhere\n'
        "  hint: delete it: name: 青浦区白鹤镇"]


def test_a_full_width_space_inside_a_title_or_role_is_left_alone(tmp_path: Path) -> None:
    # A title or role set apart by a full-width space is typed so on purpose; a name lined up with one is not.
    page = interview("白鹤镇　补短板", extra='tags: ["民生　工程"]\n').replace("role: 党委书记", "role: 党委　书记")
    assert printed(write_site(tmp_path, {PAGE_PATH: page})) == []


NBSP_TOLD = ("{field}: a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat) stands beside "
             "Chinese text{more}, which is written without spaces: {shown} would show a gap there")


def test_a_no_break_space_beside_chinese_text_in_a_text_field_is_warned_where_it_is_typed(tmp_path: Path) -> None:
    # summary: 白鹤镇谈<U+00A0>大调研, pasted from Word, was published unwarned: a gap in the page, its lists and
    # feeds, as in a text, where it is warned too (`sitegen.markupcheckchars.no_break_space_problems`).
    page = interview(extra="summary: 白鹤镇谈\u00a0大调研，全长5\u00a0km\nimages:\n  - src: images/a.svg\n    alt: 座谈会\n"
                           "    caption: 调研组\u00a0走访 \u00a0居民\n")
    series = SERIES.replace("blurb: 各镇负责人谈大调研。", "blurb: 各镇负责人谈\u00a0Big Data")
    root = write_site(tmp_path, {PAGE_PATH: page, "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
                                 "content/series/dadiaoyan.yaml": series})
    assert printed(root) == [
        f"{PAGE_PATH}:9:14: warning: " + NBSP_TOLD.format(field="summary", more="", shown="the page") + "\n"
        '  hint: delete it: it stands between "白鹤镇谈" and "大调研，全长5"',
        f"{PAGE_PATH}:13:17: warning: "
        + NBSP_TOLD.format(field="images → item 1 → caption", more=" (2 such gaps in this field)", shown="the page")
        + '\n  hint: delete them: they stand between "调研组" and "走访" and between "走访" and "居民"',
        "content/series/dadiaoyan.yaml:2:14: warning: "
        + NBSP_TOLD.format(field="blurb", more="", shown="the series page") + "\n"
        '  hint: delete it: it stands between "各镇负责人谈" and "Big"; where a space is meant between Chinese and '
        "Latin letters or figures, type an ordinary space (半角空格) in its place"]
    # The hints followed: deleted, or an ordinary space beside Latin letters; 5<U+00A0>km keeps its own.
    write_site(root, {PAGE_PATH: page.replace("谈\u00a0大", "谈大").replace("\u00a0走访 \u00a0", "走访"),
                      "content/series/dadiaoyan.yaml": series.replace("\u00a0", " ")})
    assert printed(root) == []
    assert "白鹤镇谈大调研，全长5\u00a0km" in (build_at(root) / "interviews/baihe/index.html").read_text(
        encoding="utf-8").replace("&nbsp;", "\u00a0")


def test_a_line_break_typed_as_an_escape_is_an_error_and_the_hint_makes_a_new_line(tmp_path: Path) -> None:
    # Only "read as an escape" (a warning): data/tallies.csv and tallies.json held a raw carriage return, the
    # summary a NEL (U+0085), though no control character may be in a value, even written as an escape.
    unit = UNIT + '    note: "X\\r=1+1"\n'
    page = interview(extra='summary: "白鹤镇谈大调研\\N补短板"\n')
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: page})
    block = ' (or type the text as a block: "|" after the colon, then its lines below it, further in)'
    how = 'write "\\n" in its place for a new line, as inside double quotes only it makes one'
    problems = printed(root)
    assert problems == [
        f"{PAGE_PATH}:9:10: error: an escape in this value makes an invisible line separator (U+0085)\n"
        f'  hint: {how}: summary: "白鹤镇谈大调研\\n补短板"{block}',
        f'{PAGE_PATH}:9:18: warning: "\\N" inside double quotes is read as a special character (an escape), not as '
        "typed\n  hint: to keep backslashes as typed, use single quotes: summary: '白鹤镇谈大调研\\N补短板'",
        f"{UNIT_PATH}:11:11: error: an escape in this value makes an invisible control character (U+000D)\n"
        f'  hint: {how}: note: "X\\n=1+1"{block}',
        f'{UNIT_PATH}:11:13: warning: "\\r" inside double quotes is read as a special character (an escape), not as '
        "typed\n  hint: to keep backslashes as typed, use single quotes: note: 'X\\r=1+1'"]
    # The line the error's hint gives, typed in place of the line: a new line, told of as any "\n" is.
    page_line, unit_line = (problem.split("\n  hint: ")[1].split(": ", 1)[1].removesuffix(block)
                            for problem in (problems[0], problems[2]))
    write_site(root, {UNIT_PATH: UNIT + f"    {unit_line}\n", PAGE_PATH: interview(extra=f"{page_line}\n")})
    assert [problem.split(" warning: ")[1].split("\n")[0] for problem in printed(root)] == [
        '"\\n" inside double quotes is read as a special character (an escape), not as typed'] * 2
    output = build_at(root)
    with (output / "data/tallies.csv").open(encoding="utf-8-sig", newline="") as table:
        assert [row["note"] for row in csv.DictReader(table)] == ["X\n=1+1"]
    assert '"note": "X\\n=1+1"' in (output / "data/tallies.json").read_text(encoding="utf-8")
    assert "\r" not in (output / "data/tallies.json").read_text(encoding="utf-8")
    shown = parse_html(output / "interviews/baihe/index.html")
    assert shown.cssselect('meta[name="description"]')[0].get("content") == "白鹤镇谈大调研\n补短板"


def test_text_after_a_closing_quote_gets_fixes_that_work(tmp_path: Path) -> None:
    # The hint was "put the whole value inside the quotes": title: ""大调研"微访谈" cannot be read either.
    tag = (f"{PAGE_PATH}:10:9: error: there is more text after the closing quote "
           "(YAML parser: while parsing a block collection: did not find expected '-' indicator)\n"
           "  hint: to tag the page 草莓产业, delete the ': - 草莓产业; if the quotes are part of the tag: to keep the ' "
           "as typed, put the whole value in double quotes: - \"'草莓'产业\" "
           "(or type Chinese quotes: - ‘草莓’产业)")
    root = write_site(tmp_path, {PAGE_PATH: interview('"大调研"微访谈', extra="tags:\n  - '草莓'产业\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:2:13: error: there is more text after the closing quote '
        "(YAML parser: while parsing a block mapping: did not find expected key)\n"
        "  hint: to keep the \" as typed, put the whole value in single quotes: title: '\"大调研\"微访谈' "
        "(or type Chinese quotes: title: “大调研”微访谈)", tag]  # both slips in one run, the tag's as when alone
    root = write_site(tmp_path / "item", {PAGE_PATH: interview(extra="tags:\n  - '草莓'产业\n")})
    assert printed(root) == [tag]


_TAGGED = 'to tag the page 草莓产业, delete the ": - 草莓产业; if the quotes are part of the tag: '
_WRAPPED = "the first and last \" only wrap the value: to keep the \" inside it as typed, put it in single quotes instead"
_AFTER_QUOTE = ("error: there is more text after the closing quote "
                "(YAML parser: while parsing a block mapping: did not find expected key)\n  hint: ")


# A title with quotes of its own, wrapped in quotes for YAML: the hint kept the outer quotes as part of the
# title ('"重固镇："把问题解决在家门口""') or paired them with the inner ones (“重固镇：”把问题解决在家门口“”).
@pytest.mark.parametrize(("typed", "column", "hint", "fixes"), [
    ('"重固镇："把问题解决在家门口""', 14,
     f"{_WRAPPED}: title: '重固镇：\"把问题解决在家门口\"' (or type Chinese quotes inside it: title: 重固镇：“把问题解决在家门口”)",
     {"title: '重固镇：\"把问题解决在家门口\"'": '重固镇："把问题解决在家门口"',
      "title: 重固镇：“把问题解决在家门口”": "重固镇：“把问题解决在家门口”"}),
    ('""四个最"与"三个一"经验"', 10,
     f"{_WRAPPED}: title: '\"四个最\"与\"三个一\"经验' (or type Chinese quotes inside it: title: “四个最”与“三个一”经验)",
     {"title: '\"四个最\"与\"三个一\"经验'": '"四个最"与"三个一"经验', "title: “四个最”与“三个一”经验": "“四个最”与“三个一”经验"}),
    ("'重固镇：'把问题解决在家门口''   # 标题 title", 14,
     "the first and last ' only wrap the value: to keep the ' inside it as typed, put it in double quotes instead: "
     "title: \"重固镇：'把问题解决在家门口'\"   # 标题 title (or type Chinese quotes inside it: "
     "title: 重固镇：‘把问题解决在家门口’   # 标题 title)",
     {"title: \"重固镇：'把问题解决在家门口'\"   # 标题 title": "重固镇：'把问题解决在家门口'",
      "title: 重固镇：‘把问题解决在家门口’   # 标题 title": "重固镇：‘把问题解决在家门口’"}),
    ("'\"重固镇\"：'把问题''", 16,
     "the first and last ' only wrap the value: to keep the ' inside it as typed, type each of them twice: "
     "title: '\"重固镇\"：''把问题''' (or type Chinese quotes inside it: title: '\"重固镇\"：‘把问题’')",
     {"title: '\"重固镇\"：''把问题'''": "\"重固镇\"：'把问题'", "title: '\"重固镇\"：‘把问题’'": "\"重固镇\"：‘把问题’"}),
    ('"专访: "网格员""', 14,
     f"{_WRAPPED}: title: '专访: \"网格员\"' (or type Chinese quotes inside it: title: \"专访: “网格员”\")",
     {"title: '专访: \"网格员\"'": '专访: "网格员"', 'title: "专访: “网格员”"': "专访: “网格员”"}),
    # Either reading gives pairs of quotes: both are offered, each with what it keeps.
    ('"白鹤镇"四个最"工作法"', 13,
     "if the first and last \" only wrap the value: to keep the \" inside it as typed, put it in single quotes "
     "instead: title: '白鹤镇\"四个最\"工作法' (or type Chinese quotes inside it: title: 白鹤镇“四个最”工作法); if they "
     "are part of it, to keep the \" as typed, put the whole value in single quotes: title: '\"白鹤镇\"四个最\"工作法\"' "
     "(or type Chinese quotes: title: “白鹤镇”四个最“工作法”)",
     {"title: '白鹤镇\"四个最\"工作法'": '白鹤镇"四个最"工作法', "title: 白鹤镇“四个最”工作法": "白鹤镇“四个最”工作法",
      "title: '\"白鹤镇\"四个最\"工作法\"'": '"白鹤镇"四个最"工作法"', "title: “白鹤镇”四个最“工作法”": "“白鹤镇”四个最“工作法”"}),
])
def test_a_value_wrapped_in_quotes_around_its_own_quotes_is_offered_the_value_meant(
        tmp_path: Path, typed: str, column: int, hint: str, fixes: dict[str, str]) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(typed)})
    assert printed(root) == [f"{PAGE_PATH}:2:{column}: {_AFTER_QUOTE}{hint}"]
    for line, meant in fixes.items():
        assert f": {line}" in hint
        write_site(root, {PAGE_PATH: interview(line.removeprefix("title: "))})
        assert printed(root) == []
        heading = parse_html(build_at(root) / "interviews/baihe/index.html").cssselect("h1")[0]
        assert heading.text_content().strip() == meant


def test_a_list_item_or_a_records_name_wrapped_in_quotes_around_its_own_is_offered_the_value_meant(
        tmp_path: Path) -> None:
    page = interview(extra='tags:\n  - ""草莓"产业"\n  - 民生\n')
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: UNIT.replace("name: 白鹤镇", 'name: ""白鹤"镇"')})
    assert printed(root) == [
        f"{PAGE_PATH}:10:7: error: there is more text after the closing quote (YAML parser: while parsing a block "
        "collection: did not find expected '-' indicator)\n"
        f"  hint: {_TAGGED}{_WRAPPED}: - '\"草莓\"产业' (or type Chinese quotes inside it: - “草莓”产业)",
        f"{UNIT_PATH}:1:9: {_AFTER_QUOTE}{_WRAPPED}: name: '\"白鹤\"镇' (or type Chinese quotes inside it: name: “白鹤”镇)"]
    for item, name, meant in [("'\"草莓\"产业'", "'\"白鹤\"镇'", ('"草莓"产业', '"白鹤"镇')),
                              ("“草莓”产业", "“白鹤”镇", ("“草莓”产业", "“白鹤”镇"))]:
        write_site(root, {PAGE_PATH: interview(extra=f"tags:\n  - {item}\n  - 民生\n"),
                          UNIT_PATH: UNIT.replace("name: 白鹤镇", f"name: {name}")})
        assert printed(root) == []
        output = build_at(root)
        page_tags = parse_html(output / "interviews/baihe/index.html").cssselect('a[href*="/tags/"]')
        assert meant[0] in [tag.text_content().strip() for tag in page_tags]
        assert parse_html(output / "units/baihe/index.html").cssselect("h1")[0].text_content().strip() == meant[1]  # its 镇 not said again


def test_two_fields_typed_on_one_line_are_given_a_line_each(tmp_path: Path) -> None:
    # The hint said to wrap the whole value in quotes: pasted, the title was published as
    # "白鹤镇：补好短板 slug: baihe-2024" and the page lost its slug; the tally row became one date.
    page = interview("白鹤镇：补好短板 slug: baihe-2024")
    unit = UNIT.replace("    batches: 318\n    collected: 296\n", "").replace("2018-04-26", "2018-04-26\tbatches: 318\t"
                                                                                 "collected: 296")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    parser = "(YAML parser: mapping values are not allowed in this context)"
    assert printed(root) == [
        f'{PAGE_PATH}:2:17: error: two fields are typed on one line: "title" and "slug"; each field needs a line of '
        f"its own (一行只写一个字段) {parser}\n"
        '  hint: put each field on a line of its own, lined up with "title:", typing these 2 lines in place of this '
        'one: "title: 白鹤镇：补好短板", "slug: baihe-2024"',
        f'{UNIT_PATH}:5:23: error: three fields are typed on one line: "as_of", "batches" and "collected"; each field '
        f"needs a line of its own (一行只写一个字段) {parser}\n"
        '  hint: put each field on a line of its own, lined up with "as_of:" (indented by 4 spaces), typing these 3 '
        'lines in place of this one: "  - as_of: 2018-04-26", "    batches: 318", "    collected: 296"']
    fixed = {PAGE_PATH: page.replace(" slug: baihe-2024", "\nslug: baihe-2024"), UNIT_PATH: UNIT}
    assert printed(write_site(tmp_path / "fixed", fixed)) == []


def test_fields_typed_on_one_line_without_the_space_or_with_a_full_width_colon_are_told(tmp_path: Path) -> None:
    # Valid YAML: the title was published as "白鹤镇：补好短板 slug:baihe-2024" and the tally lost its figure,
    # with no message; "collected 350" was told only "write it as key: value".
    page = interview("白鹤镇：补好短板 slug：baihe-2024")
    unit = UNIT.replace("2018-04-26\n    batches: 318", "2018-04-26 batches:318").replace("collected: 296",
                                                                                       "collected\u3000296")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == [
        f'{PAGE_PATH}:2:17: error: two fields are typed on one line: "title" and "slug"; each field needs a line of '
        'its own (一行只写一个字段); the colon after "slug" is a full-width colon (全角冒号 ：), where a half-width ":" '
        "(半角) is needed\n"
        '  hint: put each field on a line of its own, lined up with "title:", typing these 2 lines in place of this '
        'one: "title: 白鹤镇：补好短板", "slug: baihe-2024"',
        f'{UNIT_PATH}:5:23: error: two fields are typed on one line: "as_of" and "batches"; each field needs a line of '
        "its own (一行只写一个字段)\n"
        '  hint: put each field on a line of its own, lined up with "as_of:" (indented by 4 spaces), typing these 2 '
        'lines in place of this one: "  - as_of: 2018-04-26", "    batches: 318"']
    # The unit's next slip is told once the first is mended.
    unit = unit.replace(" batches:318", "\n    batches: 318")
    assert printed(write_site(tmp_path / "next", {PAGE_PATH: page, UNIT_PATH: unit}))[1:] == [
        f'{UNIT_PATH}:7:14: error: "collected" is a field, but the ":" after it is missing, and a full-width space '
        "(全角空格) is typed in its place (YAML parser: while scanning a simple key: could not find expected ':')\n"
        '  hint: replace the space after "collected" with ":" and an ordinary space, typing this line in place of '
        'this one: "    collected: 296"']
    fixed = {PAGE_PATH: page.replace(" slug：baihe-2024", "\nslug: baihe-2024"), UNIT_PATH: UNIT}
    assert printed(write_site(tmp_path / "fixed", fixed)) == []


@pytest.mark.parametrize("typed", [" slug: baihe-2024", " slug：baihe-2024"])
def test_a_field_typed_on_the_title_line_that_has_a_line_already_names_that_line(tmp_path: Path, typed: str) -> None:
    # Split as the hint said, the page had two slug lines, and the next check said the key was given twice.
    # Each way of following the hint now gives one slug line.
    page = interview("白鹤镇：补好短板" + typed, extra="slug: baihe-old   # 网址\n")
    found = printed(write_site(tmp_path, {PAGE_PATH: page}))
    assert len(found) == 1 and found[0].endswith(
        '  hint: keep "title" alone on its line, typing this line in place of this one: "title: 白鹤镇：补好短板"; '
        'there is a "slug" line already ("slug: baihe-old"): if "slug: baihe-2024" is the one you mean, type it in '
        "place of that line"), found
    title_alone = page.replace("title: 白鹤镇：补好短板" + typed, "title: 白鹤镇：补好短板")  # the hint, literally
    new_slug = title_alone.replace("slug: baihe-old   # 网址", "slug: baihe-2024")  # and its second part
    for fixed in (title_alone, new_slug):
        assert fixed.count("slug:") == 1 and printed(write_site(tmp_path / str(len(fixed)), {PAGE_PATH: fixed})) == []


def test_a_title_between_a_quote_and_a_chinese_quote_gets_matching_quotes(tmp_path: Path) -> None:
    # The hint added a " after the ”, and the page showed the ”; “…" was published with both quotes.
    for typed, column, message in [
            ('"白鹤镇：建设新白鹤”', 18, 'opens with " and ends with the Chinese quote ”, which YAML does not read as '
                                     'its closing quote, so the " is never closed'),
            ('“白鹤镇：建设新白鹤"', 8, 'opens with the Chinese quote “ and ends with ": YAML reads neither as a quote, '
                                    "so the page would show both")]:
        root = write_site(tmp_path / str(column), {PAGE_PATH: interview(typed)})
        assert printed(root) == [
            f"{PAGE_PATH}:2:{column}: error: the value {message}\n"
            '  hint: type " at both ends: title: "白鹤镇：建设新白鹤" (or, for quotes that show on the page, type '
            "Chinese quotes at both ends: title: “白鹤镇：建设新白鹤”)"]


@pytest.mark.parametrize(("typed", "quotes", "fix"), [
    ("“https://example.org/a.html”", "is in Chinese quotes “ ”", "delete the “ and the ” (or type \" in place of each)"),
    ("“https://example.org/a.html", "starts with the Chinese quote “", "delete the “ (or type \" in place of it)"),
])
def test_a_web_address_typed_in_chinese_quotes_is_given_without_them(tmp_path: Path, typed: str, quotes: str,
                                                                     fix: str) -> None:
    # The source's address was "not a web address" with "write the full address, starting with https://", about
    # an address that plainly starts so; base_url was told to delete the ” alone, keeping the “.
    part = "which would be taken as part of the address (only \" and ' are quotes to YAML)"
    source = f"source:\n  publisher: 上海热线\n  url: {typed}\n"
    assert printed(write_site(tmp_path / "page", {PAGE_PATH: interview(extra=source)})) == [
        f'{PAGE_PATH}:11:8: error: source → url: "{typed}" {quotes}, {part}\n'
        f"  hint: {fix}: url: https://example.org/a.html"]
    base = typed.replace("a.html", "")
    assert printed(write_site(tmp_path / "site", {}, config=f"title: 测试站点\nbase_url: {base}\n")) == [
        f'site.yaml:2:11: error: base_url: "{base}" {quotes}, {part}\n  hint: {fix}: base_url: https://example.org/']


def test_a_space_before_the_first_key_is_reported_at_that_line(tmp_path: Path) -> None:
    # It was "3:1: the YAML cannot be read here (… did not find expected <document start>)".
    root = write_site(tmp_path, {PAGE_PATH: interview("测试访谈").replace("title:", " title:")})
    assert printed(root) == [
        f"{PAGE_PATH}:2:1: error: this line starts with a space, so the lines below it do not line up with it "
        "(YAML parser: did not find expected <document start>)\n"
        "  hint: remove the space at the start of the line: title: 测试访谈"]


# -- closed lists: the Chinese word the page shows ------------------------------------------------

@pytest.mark.parametrize(("typed", "hint"), [
    ("已完成", "write status: resolved, or status: 已解决 as the pages show it"),
    ("In progress", "write status: in_progress, or status: 推进中 as the pages show it"),
    # The value with its label, as the hint used to show it ("write in_progress (推进中)"): typed so, refused again.
    ("in_progress (推进中)", "write status: in_progress, or status: 推进中 as the pages show it"),
    ("暂停", "use one of: planned (计划中), in_progress (推进中), resolved (已解决)"),
])
def test_a_case_status_typed_in_other_words_names_the_value_to_write(tmp_path: Path, typed: str, hint: str) -> None:
    # The hint listed only the English values: "use one of: planned, in_progress, resolved".
    page = case_study("  - 走访\n", "  - 大调研\n").replace("status: in_progress", f"status: {typed}")
    root = write_site(tmp_path, {CASE_PATH: page})
    assert printed(root) == [f'{CASE_PATH}:4:9: error: "{typed}" is not one of the allowed values for "status"\n'
                             f"  hint: {hint}"]


def test_a_target_group_and_a_unit_level_typed_in_other_words_name_the_value(tmp_path: Path) -> None:
    unit = UNIT.replace("level: town", "level: 居委会") + "targets:\n  - group: 事业单位\n    target: 80\n"
    root = write_site(tmp_path, {UNIT_PATH: unit})
    assert printed(root) == [
        f'{UNIT_PATH}:2:8: error: "居委会" is not one of the allowed values for "level"\n'
        "  hint: write level: community, or level: 社区 as the pages show it",
        f'{UNIT_PATH}:12:12: error: "事业单位" is not one of the allowed values for "targets → item 1 → group"\n'
        "  hint: write group: institutions, or group: 机构 as the pages show it"]


def test_the_chinese_word_a_page_shows_is_read_as_its_value(tmp_path: Path) -> None:
    # `level: 镇` was refused with "write level: town", though the page shows 镇 and `sitegen new unit --level 镇`
    # takes it. Editors type with a Chinese input method: the word the page shows is read, published as typed.
    unit = UNIT.replace("level: town", "level: 镇") + "targets:\n  - group: 居民\n    target: 80\n"
    page = case_study("  - 走访\n", "  - 大调研\n").replace("status: in_progress", "status:  已解决 ")
    root = write_site(tmp_path, {UNIT_PATH: unit, CASE_PATH: page})
    assert printed(root) == []
    output = build_at(root)
    [unit_data] = json.loads((output / "data/units.json").read_text(encoding="utf-8"))
    assert (unit_data["level"], unit_data["level_name"]) == ("town", "镇")
    assert [target["group"] for target in unit_data["targets"]] == ["residents"]
    [case_page] = (output / "cases").glob("*/index.html")
    [status] = parse_html(case_page).find_class("status")
    assert (status.get("class"), status.text_content()) == ("status status-resolved", "已解决")


@pytest.mark.parametrize(("field", "typed", "meant", "label"), [
    ("group", "resident", "residents", "居民"),
    ("group", "institution", "institutions", "机构"),
    ("group", "Registered-Enterprise", "registered_enterprises", "注册企业"),
    ("group", "residnets", "residents", "居民"),
    ("level", "towns", "town", "镇"),
    ("level", "twon", "town", "镇"),
    ("level", "Villiage", "village", "村"),
    ("status", "inprogress", "in_progress", "推进中"),
    ("status", "Planed", "planned", "计划中"),
])
def test_a_closed_vocabulary_value_off_by_a_plural_or_a_typo_names_the_value_meant(
        tmp_path: Path, field: str, typed: str, meant: str, label: str) -> None:
    # The hint listed every value ("use one of: institutions (机构), residents (居民), …"), the one meant among them.
    unit = UNIT + "targets:\n  - group: residents\n    target: 80\n"
    files = {UNIT_PATH: unit, CASE_PATH: case_study("  - 走访\n", "  - 大调研\n")}
    path, line, column, where, was = {
        "group": (UNIT_PATH, 12, 12, "targets → item 1 → group", "residents"),
        "level": (UNIT_PATH, 2, 8, "level", "town"), "status": (CASE_PATH, 4, 9, "status", "in_progress")}[field]
    right = f"{field}: {meant}"
    files[path] = files[path].replace(f"{field}: {was}", right, 1)
    if field == "level":  # a village named 白鹤镇 is warned: its name says town
        files[path] = files[path].replace("name: 白鹤镇", f"name: 白鹤{label}", 1)
    assert right in files[path]
    root = write_site(tmp_path, {**files, path: files[path].replace(right, f"{field}: {typed}", 1)})
    assert printed(root) == [f'{path}:{line}:{column}: error: "{typed}" is not one of the allowed values for "{where}"\n'
                             f"  hint: did you mean {meant} ({label})? write {right}"]
    # The line the hint gives, typed in place of the line there, is read as meant.
    text = (root / path).read_text(encoding="utf-8")
    (root / path).write_text(text.replace(f"{field}: {typed}", right, 1), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("field", "typed", "meant"), [
    ("group", "ｒｅｓｉｄｅｎｔｓ", "residents"),
    ("level", "ｔｏｗｎ", "town"),
    ("level", "Ｔｏｗｎ", "town"),
    ("status", "ｒｅｓｏｌｖｅｄ", "resolved"),
    ("status", "ｉｎ＿ｐｒｏｇｒｅｓｓ", "in_progress"),
    ("draft", "ｆａｌｓｅ", "false"),
    ("draft", "ｔｒｕｅ", "true"),
])
def test_a_closed_vocabulary_or_yes_no_value_typed_in_full_width_is_told_so_with_the_value(
        tmp_path: Path, field: str, typed: str, meant: str) -> None:
    # "use one of: … resolved …" (or "write true or false") for the very word the editor believes they typed.
    unit = UNIT + "targets:\n  - group: residents\n    target: 80\n"
    files = {UNIT_PATH: unit, CASE_PATH: case_study("  - 走访\n", "  - 大调研\n")}
    files[CASE_PATH] = files[CASE_PATH].replace("date: 2018-05-03\n", "date: 2018-05-03\ndraft: false\n")
    path, line, column, message = {
        "group": (UNIT_PATH, 12, 12, f'"{typed}" is not one of the allowed values for "targets → item 1 → group"'),
        "level": (UNIT_PATH, 2, 8, f'"{typed}" is not one of the allowed values for "level"'),
        "status": (CASE_PATH, 4, 9, f'"{typed}" is not one of the allowed values for "status"'),
        "draft": (CASE_PATH, 9, 8, f'draft: "{typed}" is not true or false')}[field]
    was = re.search(f"^ *(?:- )?{field}: (.*)$", files[path], re.MULTILINE).group(1)  # type: ignore[union-attr]
    right = f"{field}: {meant}"
    root = write_site(tmp_path, {**files, path: files[path].replace(f"{field}: {was}", f"{field}: {typed}", 1)})
    assert printed(root) == [f"{path}:{line}:{column}: error: {message}\n"
                             f"  hint: the value is typed in full width (全角): write it in half width (半角): {right}"]
    text = (root / path).read_text(encoding="utf-8")
    (root / path).write_text(text.replace(f"{field}: {typed}", right, 1), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("path", "typed", "fixed"), [
    (PAGE_PATH, "ｓｅｒｉｅｓ：　ｄａｄｉａｏｙａｎ", "series: dadiaoyan"),
    (PAGE_PATH, "ｓｅｒｉｅｓ：ｄａｄｉａｏｙａｎ", "series: dadiaoyan"),
    (PAGE_PATH, "series：　ｄａｄｉａｏｙａｎ", "series: dadiaoyan"),
    (PAGE_PATH, "ｕｎｉｔ：　ｂａｉｈｅ", "unit: baihe"),
    (PAGE_PATH, "  ｒｏｌｅ：　党委书记", "  role: 党委书记"),
    (UNIT_PATH, "ｌｅｖｅｌ：　ｔｏｗｎ", "level: town"),
    (UNIT_PATH, "  －　ａｓ＿ｏｆ：　２０１８－０４－２６", "  - as_of: 2018-04-26"),
])
def test_a_field_typed_in_full_width_is_told_so_with_the_line_in_half_width(tmp_path: Path, path: str, typed: str,
                                                                           fixed: str) -> None:
    # Told "this line is text, not a field … put "# " back at the start of the line": followed, the field was
    # taken out, and the next check said it was missing.
    text = interview() if path == PAGE_PATH else UNIT
    assert fixed in text
    root = write_site(tmp_path, {path: text.replace(fixed, typed)})
    line = text.split("\n").index(fixed) + 1
    key = fixed.strip(" -").split(":")[0]
    indent = len(fixed) - len(fixed.lstrip(" "))
    keep = f", keeping the {indent} spaces before it," if indent else ""  # typed without them, the line loses its indent
    assert printed(root) == [
        f'{path}:{line}:{indent + 1}: error: this line is typed in full width (全角), '
        f'so YAML does not read it as the field "{key}"\n'
        f"  hint: switch the input method to half width (半角) and type the line{keep} as: {fixed.lstrip(' ')}"]
    (root / path).write_text(text, encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "hint"), [
    ("市", "use one of: district (区), town (镇), subdistrict (街道), committee (委办局), village (村), "
          "community (社区), park (园区)"),  # 乡 is a word for a town's level (`sitegen.models.choice_meant`)
    # One edit turns any one Chinese character into another: only the English values are compared.
    ("区县", "use one of: district (区), town (镇), subdistrict (街道), committee (委办局), village (村), "
            "community (社区), park (园区)"),
    ("city", "use one of: district (区), town (镇), subdistrict (街道), committee (委办局), village (村), "
             "community (社区), park (园区)"),
])
def test_a_value_close_to_no_one_value_is_not_guessed(tmp_path: Path, typed: str, hint: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("level: town", f"level: {typed}")})
    assert printed(root) == [f'{UNIT_PATH}:2:8: error: "{typed}" is not one of the allowed values for "level"\n'
                             f"  hint: {hint}"]


def test_a_value_as_close_to_two_values_is_not_guessed() -> None:
    class Kinds(str, Enum):
        park = "park"
        part = "part"
    assert choice_near(Kinds, "pard") is None
    assert choice_near(Kinds, "parks") == "park"
    assert choice_near(Kinds, "Prat") == "part"


# -- references to records that do not exist -------------------------------------------------------

TOWNS = ["baihe", "chonggu", "huaxin", "jinze", "liantang", "xujing", "zhaoxiang", "zhujiajiao"]
NEW_UNIT = ("if {id} is a new unit, create content/units/{id}.yaml by running, in the site folder: "
            "sitegen new unit 名称 --id {id} (with the unit's name in place of 名称)")
"""The start of the hint for a unit id that is no unit's and near none: how to create the unit."""
UNITS_THERE = "; or, if this page belongs to a unit the site has, write its id (file name in content/units/ without " \
              ".yaml), one of: "
"""Before the ids nearest to a unit id that is near none (an id offered first was taken for the one meant)."""


@pytest.mark.parametrize(("typed", "hint"), [
    ("baihee", "did you mean baihe (baihe镇)? write unit: baihe"),
    ("zhujia", NEW_UNIT.format(id="zhujia") + UNITS_THERE + "zhujiajiao (zhujiajiao镇), huaxin (huaxin镇), "
               "xujing (xujing镇), zhaoxiang (zhaoxiang镇), baihe (baihe镇) (and 3 more in content/units/)"),
])
def test_a_unit_id_that_does_not_exist_gets_the_nearest_ids_not_all(tmp_path: Path, typed: str, hint: str) -> None:
    # The hint listed every unit of the site.
    units = {f"content/units/{town}.yaml": unit_named(f"{town}镇") for town in TOWNS}
    root = write_site(tmp_path, {**units, PAGE_PATH: interview().replace("unit: baihe", f"unit: {typed}")})
    assert printed(root) == [f'{PAGE_PATH}:4:7: error: there is no unit "{typed}"\n  hint: {hint}']


@pytest.mark.parametrize(("line", "typed", "hint"), [
    (3, "series: 大调研", "did you mean the series 大调研微访谈? write its id: series: dadiaoyan"),
    (3, "series: 微访谈", "did you mean the series 大调研微访谈? write its id: series: dadiaoyan"),
    (3, "series: 《大调研》", "did you mean the series 大调研微访谈? write its id: series: dadiaoyan"),
    (3, "series: ＂大调研＂", "did you mean the series 大调研微访谈? write its id: series: dadiaoyan"),
    (4, "unit: 青浦区白鹤镇", "did you mean the unit 白鹤镇? write its id: unit: baihe; or, if 青浦区白鹤镇 is a new unit, "
                         "create content/units/qing-pu-qu-bai-he-zhen.yaml by running, in the site folder: sitegen "
                         "new unit 青浦区白鹤镇, then write unit: qing-pu-qu-bai-he-zhen here"),
    (4, "unit: 白鹤", "did you mean one of: baihe (白鹤镇), baihecun (白鹤村)? write the id of the unit meant: unit: and "
                    "the id"),
])
def test_a_part_of_a_records_name_is_offered_that_records_id(tmp_path: Path, line: int, typed: str,
                                                            hint: str) -> None:
    # 大调研 for the series 大调研微访谈 was offered "sitegen new series 大调研"; followed, the page left its series.
    village = unit_named("白鹤村").replace("level: town", "level: village")
    root = write_site(tmp_path, {"content/units/baihecun.yaml": village,
                                 PAGE_PATH: re.sub(f"(?m)^{typed.split(':')[0]}: .*$", typed, interview())})
    value = typed.split(": ", 1)[1]
    assert printed(root) == [f'{PAGE_PATH}:{line}:{len(typed) - len(value) + 1}: error: there is no '
                             f'{typed.split(":")[0]} "{value}"\n  hint: {hint}']
    written = re.search(r"write its id: (\w+: [a-z]+)", hint)
    if written is not None:  # the line the hint gives, typed in place of the one typed
        (root / PAGE_PATH).write_text(re.sub(f"(?m)^{typed.split(':')[0]}: .*$", written.group(1), interview()),
                                      encoding="utf-8")
        assert printed(root) == []


@pytest.mark.parametrize("typed", ["unit:", 'unit: ""', "unit:   "])
def test_an_empty_unit_is_offered_the_id_there_is_not_to_remove_the_line(tmp_path: Path, typed: str) -> None:
    # "write the value after the colon (and a space), or remove the line": without the line, unit was missing.
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("unit: baihe", typed)})
    column = 7 if '"' in typed else 6
    assert printed(root) == [f"{PAGE_PATH}:4:{column}: error: unit: the value is empty\n"
                             "  hint: the only unit there is, 白鹤镇, has the id baihe: write unit: baihe"]
    (root / PAGE_PATH).write_text(interview(), encoding="utf-8")  # unit: baihe, as the hint says
    assert printed(root) == []


def test_an_empty_unit_or_series_lists_the_ids_there_are_or_how_to_make_one(tmp_path: Path) -> None:
    units = {f"content/units/{town}.yaml": unit_named(f"{town}镇") for town in TOWNS}
    page = interview().replace("unit: baihe", "unit:").replace("series: dadiaoyan", "series:")
    root = write_site(tmp_path, {**units, PAGE_PATH: page}, records=False)
    assert printed(root) == [
        f"{PAGE_PATH}:3:8: error: series: the value is empty\n"
        "  hint: there is no series yet: create one by running, in the site folder: sitegen new series 栏目名称 (with "
        "the series title in place of 栏目名称), then write series: and the id it gives here",
        f"{PAGE_PATH}:4:6: error: unit: the value is empty\n"
        "  hint: write the id of the unit (its file name in content/units/ without .yaml) after the colon, one of: "
        "baihe (baihe镇), chonggu (chonggu镇), huaxin (huaxin镇), jinze (jinze镇), liantang (liantang镇) "
        "(and 3 more in content/units/)"]


def test_an_empty_unit_is_told_with_the_other_errors_of_its_page(tmp_path: Path) -> None:
    page = interview().replace("unit: baihe", "unit:").replace("  role: 党委书记", "  role:")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f"{PAGE_PATH}:4:6: error: unit: the value is empty\n"
        "  hint: the only unit there is, 白鹤镇, has the id baihe: write unit: baihe",
        f"{PAGE_PATH}:7:8: error: interviewee → role: the value is empty\n"
        "  hint: write the role after the colon (and a space), e.g. role: 中共白鹤镇党委书记"]


@pytest.mark.parametrize(("typed", "name", "hint"), [
    ("xinzhuang", "新庄镇", NEW_UNIT.format(id="xinzhuang") + UNITS_THERE + "baihe (白鹤镇)"),
    ("Xin_Zhuang", "新庄镇", "if Xin_Zhuang is a new unit, create content/units/xin-zhuang.yaml by running, in the site "
     "folder: sitegen new unit 名称 --id xin-zhuang (with the unit's name in place of 名称), then write unit: "
     "xin-zhuang here" + UNITS_THERE + "baihe (白鹤镇)"),
    ("新庄镇", "", "if 新庄镇 is a new unit, create content/units/xin-zhuang-zhen.yaml by running, in the site folder: "
     "sitegen new unit 新庄镇, then write unit: xin-zhuang-zhen here" + UNITS_THERE + "baihe (白鹤镇)"),
])
def test_a_unit_with_no_file_yet_is_offered_the_command_that_creates_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, name: str, hint: str) -> None:
    # The hint offered only the ids there are, though the unit was new: its file was to be made, not an id chosen.
    root = write_site(tmp_path, {PAGE_PATH: interview("新庄镇访谈").replace("unit: baihe", f"unit: {typed}")})
    assert printed(root) == [f'{PAGE_PATH}:4:7: error: there is no unit "{typed}"\n  hint: {hint}']
    # Done as the hint says, in the site folder, the page names a unit: the file to fill in is all that is left.
    command, _, then = hint.split("in the site folder: ")[1].partition(", then write unit: ")
    monkeypatch.chdir(root)
    assert main(shlex.split(command.split(" (with")[0].replace("名称", name))[1:]) == 0
    if then:
        page = root / PAGE_PATH
        page.write_text(page.read_text(encoding="utf-8").replace(f"unit: {typed}", f"unit: {then.split()[0]}"),
                        encoding="utf-8")
    assert [p for p in found(root) if p.path == PAGE_PATH] == []
    written = hint.split("create ")[1].split()[0]
    assert "name: 新庄镇" in (root / written).read_text(encoding="utf-8")


def unit_named(name: str) -> str:
    """The test unit under another name, without misspellings, with figures of its own (``in_progress`` and
    ``collected`` more by a number made of the name): a unit with another's tally is warned as a copy."""
    more = zlib.crc32(name.encode("utf-8")) % 10_000 + 1
    return (UNIT.replace("白鹤镇", name).replace("misspellings: [白河镇, 百合镇]\n", "")
            .replace("collected: 296", f"collected: {296 + more}").replace("in_progress: 50", f"in_progress: {50 + more}"))


@pytest.mark.parametrize(("typed", "hint"), [
    ("huaxin", "did you mean hua-xin-zhen (华新镇)? write unit: hua-xin-zhen"),
    ("hua_xin_zhen", "did you mean hua-xin-zhen (华新镇)? write unit: hua-xin-zhen"),
    ("huaxinzhen", "did you mean hua-xin-zhen (华新镇)? write unit: hua-xin-zhen"),
    ("Hua Xin", "did you mean hua-xin-zhen (华新镇)? write unit: hua-xin-zhen"),
    ("chongu", "did you mean chonggu (重固镇)? write unit: chonggu"),
    ("zhuxin", NEW_UNIT.format(id="zhuxin") + UNITS_THERE + "baihe (白鹤镇), chonggu (重固镇), hua-xin-zhen (华新镇)"),
])
def test_a_unit_id_typed_without_its_hyphens_or_by_its_names_pinyin_gets_the_id(
        tmp_path: Path, typed: str, hint: str) -> None:
    # unit: huaxin for the id hua-xin-zhen got only the list of units, while chongu got "did you mean chonggu?".
    root = write_site(tmp_path, {"content/units/hua-xin-zhen.yaml": unit_named("华新镇"),
                                 "content/units/chonggu.yaml": unit_named("重固镇"),
                                 PAGE_PATH: interview().replace("unit: baihe", f"unit: {typed}")})
    assert printed(root) == [f'{PAGE_PATH}:4:7: error: there is no unit "{typed}"\n  hint: {hint}']


def test_pages_naming_a_unit_whose_file_was_renamed_are_told_which_file_it_is(tmp_path: Path) -> None:
    # hua-xin-zhen.yaml renamed huaxin.yaml: its pages got "there is no unit hua-xin-zhen" and the list of
    # units, without a word that huaxin.yaml is 华新镇.
    page = interview("华新镇访谈").replace("unit: baihe", "unit: hua-xin-zhen")
    other = "content/interviews/huaxin-2.md"
    root = write_site(tmp_path, {"content/units/huaxin.yaml": unit_named("华新镇"), PAGE_PATH: page,
                                 other: page.replace("华新镇访谈", "华新镇访谈（二）")})
    hint = ("content/units/huaxin.yaml is the unit named 华新镇, and its id is its file name: write unit: huaxin "
            "here and in every other page that names hua-xin-zhen; or, if that file was renamed from "
            "hua-xin-zhen.yaml, rename it back")
    assert printed(root) == [f'{path}:4:7: error: there is no unit "hua-xin-zhen"\n  hint: {hint}'
                             for path in (PAGE_PATH, other)]
    (root / "content/units/huaxin.yaml").rename(root / "content/units/hua-xin-zhen.yaml")
    assert printed(root) == []


def test_a_record_file_without_fields_is_shown_a_first_line_of_its_own_kind(tmp_path: Path) -> None:
    # An empty unit file was shown e.g. "title: 白鹤镇", but title is no field of a unit: name is.
    root = write_site(tmp_path, {"content/units/huaxin.yaml": "", "content/units/jinze.yaml": "- 金泽镇\n",
                                 "content/series/fangtan.yaml": "# 访谈栏目\n", PAGE_PATH: interview()})
    start = 'error: expected fields as "key: value" lines, but found'
    first = "hint: start each line with a field name, an English colon and a space, e.g."
    assert printed(root) == [f'content/series/fangtan.yaml:1:1: {start} nothing\n  {first} "title: 大调研微访谈"',
                             f'content/units/huaxin.yaml:1:1: {start} nothing\n  {first} "name: 白鹤镇"',
                             f'content/units/jinze.yaml:1:1: {start} a list\n  {first} "name: 白鹤镇"']
    write_site(root, {"content/units/jinze.yaml": "# 金泽镇\n- 金泽镇\n"})  # a list of texts: told at its "-"
    assert printed(root)[2] == f'content/units/jinze.yaml:2:1: {start} a list\n  {first} "name: 白鹤镇"'


def _as_list_item(record: str, dash: str = "- ") -> str:
    """``record``'s lines typed as one item of a list: ``dash`` before the first, as many spaces before the rest."""
    first, *rest = record.splitlines(keepends=True)
    return dash + first + "".join(" " * len(dash) + line if line.strip() else line for line in rest)


@pytest.mark.parametrize("dash", ["- ", "-   "])
def test_a_record_typed_as_a_list_item_is_told_at_the_item_and_the_hint_followed_reads(
        tmp_path: Path, dash: str) -> None:
    # Every slip in the file was told at 1:1, the comment above the list, and "start each line with a field name"
    # left the "- " and the spaces under it to be found.
    comment = "# 单位：白鹤镇\n# Unit: Baihe town\n\n"
    root = write_site(tmp_path, {UNIT_PATH: comment + _as_list_item(UNIT, dash), PAGE_PATH: interview()})
    what = '"- "' if dash == "- " else '"-" and the 3 spaces after it'
    assert printed(root) == [
        f'{UNIT_PATH}:4:1: error: expected fields as "key: value" lines, but found a list\n'
        f'  hint: a file holds one record, not a list of them: delete the {what} before "name:", and {len(dash)} '
        "spaces at the start of each line below it"]
    write_site(root, {UNIT_PATH: comment + UNIT})
    assert printed(root) == []


def test_records_typed_as_the_items_of_one_list_are_told_to_take_a_file_each(tmp_path: Path) -> None:
    unit = "\n" + _as_list_item(UNIT) + _as_list_item(UNIT.replace("白鹤镇", "华新镇"))
    root = write_site(tmp_path, {UNIT_PATH: unit, PAGE_PATH: interview()})
    assert printed(root) == [
        f'{UNIT_PATH}:2:1: error: expected fields as "key: value" lines, but found a list\n'
        "  hint: a file holds one record (a unit (单位)), and this list holds 2: give each item a file of its own; in "
        'each, delete the "- " before "name:", and 2 spaces at the start of each line below it']


@pytest.mark.parametrize(("typed", "name", "role"), [
    ("王建国（中共白鹤镇党委书记）", "王建国", "中共白鹤镇党委书记"), ("王建国：中共白鹤镇党委书记", "王建国", "中共白鹤镇党委书记"),
    ("王建国、书记", "王建国", "书记"), ("王建国，", "王建国", "…"), ("王建国", "王建国", "…"),
    ("[王建国, 书记]", "王建国", "书记"), ("\n  - 王建国\n  - 书记", "王建国", "书记"),  # a list: its texts in order
])
def test_a_name_and_a_role_typed_together_are_split_as_typed(tmp_path: Path, typed: str, name: str, role: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记",
                                                                 f"interviewee: {typed}")})
    assert [line for line in printed(root)[0].split("\n") if "hint" in line] == [
        f'  hint: write name: and role: lines below it, each indented with two spaces: "  name: {name}", '
        f'then "  role: {role}"']


@pytest.mark.parametrize("typed", ["王建国、李明", "王建国，李明，张三"])
def test_two_people_typed_as_the_interviewee_are_not_split_as_a_name_and_a_role(tmp_path: Path, typed: str) -> None:
    # 王建国、李明 gave "name: 王建国" and "role: 李明": followed, the page's data named 李明 王建国's job title.
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记",
                                                                 f"interviewee: {typed}")})
    people = re.split("[、，]", typed)
    assert [line for line in printed(root)[0].split("\n") if "hint" in line] == [
        f"  hint: a page has one interviewee, and this names {len(people)} ({', '.join(people)}): write the name of "
        f'one and their role, "  name: 王建国", then "  role: …", and name the others in the text']


def test_two_interviewees_typed_as_a_list_are_told_a_page_has_one(tmp_path: Path) -> None:
    # The hint said to write name: and role: lines, and nothing of the second person: the editor dropped one.
    two = "interviewee:\n  - name: 王芳\n    role: 综治办主任\n  - name: 张伟\n    role: 网格员"
    page = interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记", two)
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:6:3: error: "interviewee" should be a group of fields (key: value lines), not a list\n'
        '  hint: a page has one interviewee, and this lists 2 (王芳, 张伟): keep one, without the "- ", '
        '"  name: 王芳", then "  role: 综治办主任", and name the others in the text']
    (root / PAGE_PATH).write_text(page.replace(two, "interviewee:\n  name: 王芳\n  role: 综治办主任"), encoding="utf-8")
    assert printed(root) == []


def test_a_name_and_a_role_typed_on_one_line_are_given_each_its_own_line(tmp_path: Path) -> None:
    # The hint put the whole text under name: and "…" under role:, which, typed as shown, was published.
    page = interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记", "interviewee: 王建国，中共白鹤镇党委书记")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:5:14: error: "interviewee" should be a group of fields (key: value lines), '
        'not "王建国，中共白鹤镇党委书记"\n'
        '  hint: write name: and role: lines below it, each indented with two spaces: "  name: 王建国", '
        'then "  role: 中共白鹤镇党委书记"']
    fixed = page.replace("interviewee: 王建国，中共白鹤镇党委书记", "interviewee:\n  name: 王建国\n  role: 中共白鹤镇党委书记")
    (root / PAGE_PATH).write_text(fixed, encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize("gap", ["…", "……", "...", "。。。", "… …"])
def test_the_gap_a_hint_shows_typed_as_the_value_is_an_error(tmp_path: Path, gap: str) -> None:
    # 'add a line "title: …"', typed as shown, published a page titled "…" with a clean check.
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("  role: 党委书记", f"  role: {gap}"),
                                 "content/interviews/b.md": interview(gap),
                                 "content/units/huaxin.yaml": f"name: {gap}\nlevel: town\n"})
    told = f'"{gap}" is where a hint leaves room for the text, not the text\n' \
           "  hint: write the text itself in place of the dots (省略号)"
    assert printed(root) == [f"content/interviews/b.md:2:8: error: title: {told}",
                             f"{PAGE_PATH}:7:9: error: interviewee → role: {told}",
                             f"content/units/huaxin.yaml:1:7: error: name: {told}"]


@pytest.mark.skipif(os.sep != "/", reason="where \\ parts folders (Windows), ..\\out is the folder meant")
@pytest.mark.parametrize(("typed", "message", "hint"), [
    ("..\\out", '"..\\out" holds \\, which parts no folders here: it would make one folder named so in the site '
                "folder", "write / between folders: output_dir: ../out"),
    ("~/out", '"~/out" starts with ~, which sitegen does not read as your home folder: it would make a folder named ~ '
              "in the site folder", f"write the whole path: output_dir: {os.path.expanduser('~/out')}"),
    # A site.yaml written on Windows: the hint for \ offered output_dir: C:/site/output, and the build then said
    # "into C:/site/output/" but wrote ./C:/site/output inside the site folder.
    ("C:\\site\\output", '"C:\\site\\output" starts with the drive C:, which only Windows has: here it would be a '
                         "folder inside the site folder", "write the whole path (e.g. /home/editor/out) or a path "
                                                          "from the site folder (e.g. ../out)"),
    ("d:/site/output", '"d:/site/output" starts with the drive D:, which only Windows has: here it would be a folder '
                       "inside the site folder", "write the whole path (e.g. /home/editor/out) or a path from the "
                                                 "site folder (e.g. ../out)"),
])
def test_an_output_folder_that_would_be_made_as_no_one_means_it_is_refused(tmp_path: Path, typed: str, message: str,
                                                                          hint: str) -> None:
    # output_dir: ..\out made a folder named "..\out" (and a lock "...\out.lock") inside the site folder, unwarned.
    root = write_site(tmp_path / "site", {PAGE_PATH: interview()}, config=f"title: 测试\noutput_dir: {typed}\n")
    assert printed(root) == [f"site.yaml:2:13: error: output_dir: {message}\n  hint: {hint}"]
    assert not any(path.name.startswith(("..\\", "~", ".."+"\\", "C:", "d:")) for path in root.iterdir())


_WHOLE_PATH = "write the whole path"
_WITHOUT_FILE = "write the folder's path without file://"


@pytest.mark.skipif(os.sep != "/", reason="the hints give paths of a system where / parts folders")
@pytest.mark.parametrize(("typed", "message", "how", "meant"), [
    ("$HOME/www/qingpu", "starts with $HOME, which sitegen does not read as your home folder: it would make a folder "
                         "named $HOME in the site folder", _WHOLE_PATH, "HOME/www/qingpu"),
    ("${HOME}/www/qingpu", "starts with ${HOME}, which sitegen does not read as your home folder: it would make a "
                           "folder named ${HOME} in the site folder", _WHOLE_PATH, "HOME/www/qingpu"),
    ("%USERPROFILE%\\www\\qingpu", "starts with %USERPROFILE%, which sitegen does not read as your home folder: it "
                                  "would make a folder named %USERPROFILE% in the site folder", _WHOLE_PATH,
     "HOME/www/qingpu"),
    ("HOME/../$SITEGEN_WWW/qingpu", "holds $SITEGEN_WWW, which sitegen does not read as what the variable "
                                    "SITEGEN_WWW holds: it would make a folder named $SITEGEN_WWW", _WHOLE_PATH,
     "HOME/../www/qingpu"),
    ("file://HOME/www/qingpu", "is a web address (file://), not a folder's path: it would make a folder named "
                               "file: in the site folder", _WITHOUT_FILE, "HOME/www/qingpu"),
])
def test_an_output_folder_typed_with_a_variable_or_as_a_file_address_is_refused_with_the_folder_meant(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str,
        message: str, how: str, meant: str) -> None:
    # Each built the site into a folder of that name inside the site folder (./$HOME/www/qingpu), and the build's
    # summary line read like success. HOME stands for the home folder, here one of the test's own.
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("SITEGEN_WWW", "www")
    typed, meant = (text.replace("HOME/", f"{home}/") if not text.startswith(("$", "%")) else
                    text for text in (typed, meant))
    home.mkdir()
    quoted = f"'{typed}'" if typed.startswith("%") else typed  # as YAML's hint for a value starting with % has it
    root = write_site(tmp_path / "site", {PAGE_PATH: interview()}, config=f"title: 测试\noutput_dir: {quoted}\n")
    assert printed(root) == [f'site.yaml:2:13: error: output_dir: "{typed}" {message}\n'
                             f"  hint: {how}: output_dir: {meant}"]
    assert main(["build", "--site", str(root), "--output", typed]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [f'sitegen: error: --output: "{typed}" {message}',
                                                        f"  hint: {how}: --output {meant}"]
    assert sorted(path.name for path in root.iterdir()) == ["content", "site.yaml"]
    (root / "site.yaml").write_text(f"title: 测试\noutput_dir: {meant}\n", encoding="utf-8")  # the hint, followed
    assert printed(root) == []
    build_at(root)
    assert (Path(meant) / "interviews/baihe/index.html").is_file()


def test_a_dash_for_the_output_folder_is_refused_at_its_line(tmp_path: Path) -> None:
    # output_dir: "-" (meant: to the screen) built the site into a folder named "-", told only as "a value not
    # known yet, so every page would publish it", which a folder never is.
    root = write_site(tmp_path / "site", {PAGE_PATH: interview()}, config='title: 测试\noutput_dir: "-"\n')
    assert printed(root) == [
        'site.yaml:2:13: error: output_dir: "-" names no folder: sitegen writes the site into a folder, never to the '
        "screen (stdout), and would make a folder named - in the site folder\n"
        "  hint: write the folder to write the site into, e.g. output_dir: public, or delete the line (the site then "
        "goes into output/)"]
    (root / "site.yaml").write_text("title: 测试\noutput_dir: public\n", encoding="utf-8")  # the hint, followed
    assert printed(root) == []
    assert (build_at(root).parent / "public/interviews/baihe/index.html").is_file()
    (root / "site.yaml").write_text("title: 测试\n", encoding="utf-8")  # or the line deleted
    assert printed(root) == [] and (build_at(root) / "interviews/baihe/index.html").is_file()


@pytest.mark.parametrize(("typed", "refused"), [
    (".", "it is the site folder ({site})"), ("..", "it contains the site folder ({site})")])
def test_an_output_folder_of_dots_is_refused_as_a_folder_not_as_a_value_not_known_yet(
        tmp_path: Path, typed: str, refused: str) -> None:
    # Besides the refusal, site.yaml:2:13 warned "output_dir: "." stands for a value not known yet, so every page
    # would publish it".
    root = write_site(tmp_path / "site", {PAGE_PATH: interview()}, config=f"title: 测试\noutput_dir: {typed}\n")
    where = (root / typed).resolve()
    assert printed(root) == [
        f"site.yaml:2:1: error: refusing to write the site into {where}: " + refused.format(site=root.resolve())
        + "\n  hint: choose an output folder of its own, e.g. output_dir: output"]


@pytest.mark.parametrize("typed", ["——", "？？", "，", '"-"'])
def test_a_title_or_name_of_signs_alone_is_an_error(tmp_path: Path, typed: str) -> None:
    # title: —— was published as the page's <h1> and <title>, with a clean check.
    root = write_site(tmp_path, {PAGE_PATH: interview(typed), "content/units/huaxin.yaml": f"name: {typed}\nlevel: town\n"})
    shown = typed.strip('"')
    told = f'"{shown}" holds no words, only signs\n  hint: write the words of the title or name itself (标题、名称)'
    assert printed(root) == [f"{PAGE_PATH}:2:8: error: title: {told}", f"content/units/huaxin.yaml:1:7: error: name: {told}"]


@pytest.mark.parametrize(("typed", "gap"), [
    ("…", True), ("……", True), ("...", True), ("。。。", True), ("．．", True), ("·····", True), ("… …", True),
    # Two ASCII dots are a path's parent folder (output_dir: ..), refused as that, not as a gap.
    ("..", False), (".", False), ("。", False), ("待补充…", False), ("a...", False), ("", False),
])
def test_a_gap_is_only_dots(typed: str, gap: bool) -> None:
    assert is_gap(typed) is gap


def test_the_gap_typed_as_an_item_of_a_list_of_texts_is_an_error(tmp_path: Path) -> None:
    case = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\nactions:\n  - 走访\n  - ……\n"
            "date: 2018-05-03\n---\n正文。\n")
    root = write_site(tmp_path, {"content/cases/a.md": case})
    assert printed(root) == [
        'content/cases/a.md:8:5: error: actions: item 2 of the list, "……", is where a hint leaves room for the text, '
        "not the text\n  hint: write the text itself in place of the dots (省略号), or delete the item"]


def test_text_where_a_group_of_fields_goes_gets_the_lines_to_type(tmp_path: Path) -> None:
    # The hint was "write the fields on the lines below it", naming none of them.
    page = interview().replace("interviewee:\n  name: 受访人\n  role: 党委书记", "interviewee: 张三 & 李四")
    source = interview(extra="source: 区融媒体中心\n")
    # A web address goes under url:, not publisher:; a list item's first field goes after its "-".
    address = interview("另一篇", extra="source: https://example.org/a.html\nimages:\n  - images/a.svg\n")
    root = write_site(tmp_path, {PAGE_PATH: page, "content/interviews/source.md": source,
                                 "content/interviews/url.md": address, "content/images/a.svg": "<svg/>"})
    assert printed(root) == [
        f'{PAGE_PATH}:5:14: error: "interviewee" should be a group of fields (key: value lines), not "张三 & 李四"\n'
        '  hint: write name: and role: lines below it, each indented with two spaces: "  name: 张三 & 李四", '
        'then "  role: …"',
        'content/interviews/source.md:9:9: error: "source" should be a group of fields (key: value lines), '
        'not "区融媒体中心"\n'
        '  hint: write publisher: lines below it, each indented with two spaces: "  publisher: 区融媒体中心"',
        'content/interviews/url.md:9:9: error: "source" should be a group of fields (key: value lines), '
        'not "https://example.org/a.html"\n'
        '  hint: write publisher: and url: lines below it, each indented with two spaces: "  publisher: …", '
        'then "  url: https://example.org/a.html"',
        'content/interviews/url.md:11:5: error: "images → item 1" should be a group of fields (key: value lines), '
        'not "images/a.svg"\n'
        '  hint: write the item as a field, after the "-": "- src: images/a.svg"']


def test_a_percentage_typed_with_the_sign_first_gets_the_number_alone(tmp_path: Path) -> None:
    # The hint was to quote it, "%80", which is no percentage either.
    root = write_site(tmp_path, {UNIT_PATH: UNIT + "targets:\n  - group: residents\n    target: %80\n"})
    assert printed(root) == [
        f'{UNIT_PATH}:13:13: error: a value cannot start with "%" '
        "(YAML parser: while scanning for the next token: found character that cannot start any token)\n"
        "  hint: write the number alone: target: 80 (a percentage needs no % sign)"]
    root = write_site(tmp_path / "text", {PAGE_PATH: interview("%调研")})
    assert printed(root)[0].endswith('  hint: wrap the whole value in quotes: title: "%调研"')


# -- a record typed in the list of another kind ------------------------------------------------------

UNIT_LISTS = UNIT + ("targets:\n  - group: residents\n    target: 80\n"
                     "milestones:\n  - date: 2018-01-12\n    title: 成立大调研领导小组\n")
"""The test unit with a tally (lines 5–10), a target (12–13) and a milestone (15–16)."""

ITEMS = {
    "tallies": ("a tally (统计)", "  - as_of: 2018-05-31\n    collected: 300\n    escalated: 143\n    resolved: 107\n"
                "    in_progress: 50   # 办理中\n    # note: 数据来源\n", "as_of, collected, escalated, resolved, in_progress"),
    "targets": ("a target (目标)", "  - group: institutions\n    target: 100\n", "group, target"),
    "milestones": ("a milestone (大事记)", "  - date: 2018-02-01\n    title: 召开动员部署会\n", "date, title"),
}
"""For each list of a unit: what one item is, one item as typed (with comments), and the fields only it has."""

LAST_LINES = {"tallies": 10, "targets": 13, "milestones": 16}


def _moved(text: str, first: int, last: int, below: int) -> str:
    """``text`` with its lines ``first`` to ``last`` moved below line ``below`` (lines counted from 1)."""
    lines = text.splitlines(keepends=True)
    block, rest = lines[first - 1:last], lines[:first - 1] + lines[last:]
    at = below if below < first else below - len(block)
    return "".join(rest[:at] + block + rest[at:])


@pytest.mark.parametrize(("kind", "typed_under"), [(kind, under) for kind in ITEMS for under in ITEMS if kind != under])
def test_an_item_typed_in_the_list_of_another_kind_is_told_where_it_belongs(tmp_path: Path, kind: str,
                                                                             typed_under: str) -> None:
    # A tally pasted below milestones: got "unknown field collected in milestones → item 2: remove it, or use one
    # of: date, title, description" for each of its figures, and "the field date is missing".
    what, item, fields = ITEMS[kind]
    at = LAST_LINES[typed_under]
    lines = UNIT_LISTS.splitlines(keepends=True)
    root = write_site(tmp_path, {UNIT_PATH: "".join(lines[:at]) + item + "".join(lines[at:])})
    first, last = at + 1, at + item.count("\n")
    end = LAST_LINES[kind] + (item.count("\n") if LAST_LINES[kind] > at else 0)
    assert printed(root) == [
        f"{UNIT_PATH}:{first}:5: error: {typed_under} → item 2 looks like {what}, not {ITEMS[typed_under][0]}: "
        f"it has the fields of {what.split(' (')[0]} ({fields})\n"
        f'  hint: it belongs under "{kind}:": move lines {first}–{last} there, below its last item (which ends on '
        f'line {end}), with the "-" lined up with the "-" of the items above; its values stay as typed']
    # Done as the hint says, the item is read in its own list, as typed.
    unit = root / UNIT_PATH
    unit.write_text(_moved(unit.read_text(encoding="utf-8"), first, last, end), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("tallies", "how"), [
    ("", 'add a line "tallies:" at the end of the file (not indented), and move lines 9–14 below it'),
    ("tallies: []\n", 'replace "tallies: []" on line 3 with "tallies:" and move lines 10–15 right below it'),
    ("tallies:\n", 'move lines 10–15 right below "tallies:" (line 3)'),
])
def test_a_tally_typed_below_milestones_in_a_unit_without_tallies_is_told_where_they_go(
        tmp_path: Path, tallies: str, how: str) -> None:
    # An empty "tallies:" was also "should be a list, not nothing", which moving the tally there mends.
    unit = "name: 白鹤镇\nlevel: town\n" + tallies + UNIT_LISTS[UNIT_LISTS.index("targets:"):] + ITEMS["tallies"][1]
    root = write_site(tmp_path, {UNIT_PATH: unit})
    first = 9 + (1 if tallies else 0)
    assert printed(root) == [
        f"{UNIT_PATH}:{first}:5: error: milestones → item 2 looks like a tally (统计), not a milestone (大事记): "
        f"it has the fields of a tally ({ITEMS['tallies'][2]})\n"
        f'  hint: it belongs under "tallies:": {how}; its values stay as typed']
    lines = unit.splitlines(keepends=True)
    block = "".join(lines[first - 1:])
    mended = "".join(lines[:first - 1])
    mended = mended.replace(tallies, "tallies:\n" + block) if tallies else mended + "tallies:\n" + block
    root = write_site(tmp_path / "mended", {UNIT_PATH: mended})
    assert printed(root) == []


def test_an_item_with_fields_of_no_one_other_list_is_told_its_fields(tmp_path: Path) -> None:
    # note: is a field of tallies and of targets, and title: only a milestone's: neither is moved anywhere.
    root = write_site(tmp_path, {UNIT_PATH: UNIT_LISTS + "  - note: 说明\n  - as_of: 2018-05-31\n    title: 座谈会\n"})
    assert [problem.split("\n")[0] for problem in printed(root)] == [
        f'{UNIT_PATH}:17:5: error: the field "date" is missing in milestones → item 2',
        f'{UNIT_PATH}:17:5: error: the field "title" is missing in milestones → item 2',
        f'{UNIT_PATH}:17:5: error: unknown field "note" in milestones → item 2',
        # as_of: is the one unknown key beside the one missing field: it is told to be renamed.
        f'{UNIT_PATH}:18:5: error: unknown field "as_of" in milestones → item 3 (did you mean "date", the field '
        "missing there?)"]


# -- milestones and targets typed as "key: value" pairs -----------------------------------------------

PAIRS_MILESTONES = "milestones:\n  2018-01-10: 成立大调研工作领导小组\n  2018-01-15: 召开动员部署会\n"
PAIRS_TARGETS = "targets:\n  residents: 80\n  institutions: 100\n"
WRITTEN_MILESTONES = ("milestones:\n  - date: 2018-01-10\n    title: 成立大调研工作领导小组\n  - date: 2018-01-15\n"
                      "    title: 召开动员部署会\n")
WRITTEN_TARGETS = "targets:\n  - group: residents\n    target: 80\n  - group: institutions\n    target: 100\n"


def _hint_lines(hint: str) -> str:
    """The lines a hint quotes (\"…\", then \"…\"), one a line, as an editor types them."""
    return "".join(line + "\n" for line in re.findall(r'"( *- [a-z_]+: [^"]*|  +[a-z_]+: [^"]*)"', hint))


@pytest.mark.parametrize(("typed", "written", "message", "lines"), [
    (PAIRS_MILESTONES, WRITTEN_MILESTONES,
     'milestones: the items are typed as "key: value" pairs ("2018-01-10: 成立大调研工作领导小组"), but each item is a '
     'group of fields, date and title, starting with "- "',
     '"  - date: 2018-01-10", then "    title: 成立大调研工作领导小组", then "  - date: 2018-01-15", then '
     '"    title: 召开动员部署会"'),
    (PAIRS_TARGETS, WRITTEN_TARGETS,
     'targets: the items are typed as "key: value" pairs ("residents: 80"), but each item is a group of fields, '
     'group and target, starting with "- "',
     '"  - group: residents", then "    target: 80", then "  - group: institutions", then "    target: 100"'),
])
def test_milestones_or_targets_typed_as_pairs_are_given_their_lines_and_the_hint_followed_keeps_them(
        tmp_path: Path, typed: str, written: str, message: str, lines: str) -> None:
    # Told "should be a list … each starting with - ", then "the field date is missing / unknown field 2018-01-10 …
    # remove it": following that deleted the milestone.
    root = write_site(tmp_path, {UNIT_PATH: UNIT + typed})
    hint = f'write each pair as two lines, the first starting with "- ": {lines}'
    assert printed(root) == [f"{UNIT_PATH}:12:3: error: {message}\n  hint: {hint}"]
    (root / UNIT_PATH).write_text(UNIT + typed.split("\n")[0] + "\n" + _hint_lines(hint), encoding="utf-8")
    assert (root / UNIT_PATH).read_text(encoding="utf-8") == UNIT + written
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "message", "lines"), [
    # "- 2018-01-10: …": "date is missing", "title is missing", "unknown field 2018-01-10 … remove it".
    ("milestones:\n  - 2018-01-10: 成立大调研工作领导小组\n",
     'milestones → item 1 is typed as the pair "2018-01-10: 成立大调研工作领导小组", but it is a group of fields, '
     "date and title",
     'write the item as two lines, the first after the "-": "- date: 2018-01-10", then "  title: 成立大调研工作领导小组" '
     "below it, lined up with date:"),
    ("targets:\n  - residents: 80\n",
     'targets → item 1 is typed as the pair "residents: 80", but it is a group of fields, group and target',
     'write the item as two lines, the first after the "-": "- group: residents", then "  target: 80" below it, '
     "lined up with group:"),
    # "- 2018-01-10 成立…": the hint put it all after "date:", then "not a date".
    ("milestones:\n  - 2018-01-10 成立大调研工作领导小组\n",
     '"milestones → item 1" should be a group of fields (key: value lines), not "2018-01-10 成立大调研工作领导小组"',
     'write the item as key: value lines, the first after the "-": "- date: 2018-01-10", then '
     '"  title: 成立大调研工作领导小组" below it, lined up with date:'),
    # A comma or brackets in the title after the space: the hint cut there, and put half the title after "date:".
    ("milestones:\n  - 2018-01-10 成立大调研工作领导小组，印发实施方案\n",
     '"milestones → item 1" should be a group of fields (key: value lines), not '
     '"2018-01-10 成立大调研工作领导小组，印发实施方案"',
     'write the item as key: value lines, the first after the "-": "- date: 2018-01-10", then '
     '"  title: 成立大调研工作领导小组，印发实施方案" below it, lined up with date:'),
    ("milestones:\n  - 2018-01-10 成立大调研工作领导小组（下设五个调研组）\n",
     '"milestones → item 1" should be a group of fields (key: value lines), not '
     '"2018-01-10 成立大调研工作领导小组（下设五个调研组）"',
     'write the item as key: value lines, the first after the "-": "- date: 2018-01-10", then '
     '"  title: 成立大调研工作领导小组（下设五个调研组）" below it, lined up with date:'),
    ("targets:\n  - residents 80\n",
     '"targets → item 1" should be a group of fields (key: value lines), not "residents 80"',
     'write the item as key: value lines, the first after the "-": "- group: residents", then "  target: 80" below '
     "it, lined up with group:"),
])
def test_an_item_typed_as_a_pair_or_with_a_space_is_given_its_lines(tmp_path: Path, typed: str, message: str,
                                                                   lines: str) -> None:
    root = write_site(tmp_path, {UNIT_PATH: UNIT + typed})
    assert printed(root) == [f"{UNIT_PATH}:12:5: error: {message}\n  hint: {lines}"]
    item = "".join("  " + line + "\n" for line in re.findall(r'"(- [^"]*|  [a-z_]+: [^"]*)"', lines))
    (root / UNIT_PATH).write_text(UNIT + typed.split("\n")[0] + "\n" + item, encoding="utf-8")
    assert printed(root) == []
    built = parse_html(build_at(root) / "units/baihe/index.html").text_content()
    assert (typed.split("2018-01-10")[-1].lstrip(": ").strip() if "milestones" in typed else "80") in built


@pytest.mark.parametrize("typed", ["1月15日，召开动员部署会", "1月15号 召开动员部署会", "1月15日：召开动员部署会",
                                   "1月15日召开动员部署会", "1.15 召开动员部署会", "1月15日召开动员部署会，全面推进",
                                   "1月15日 召开动员部署会（扩大）"])
def test_a_milestone_typed_with_a_day_without_its_year_is_given_yyyy_to_fill(tmp_path: Path, typed: str) -> None:
    # "- 1月15日，召开动员部署会" was offered "- date: 1月15日": followed, "write the year too".
    root = write_site(tmp_path, {UNIT_PATH: UNIT + f"milestones:\n  - {typed}\n"})
    [problem] = printed(root)
    title = re.sub(r"^[^召]*", "", typed)
    assert problem.split("\n")[1] == (
        '  hint: write the item as key: value lines, the first after the "-": "- date: YYYY-01-15", then '
        f'"  title: {title}" below it, lined up with date:; the date typed has no year: write the year of the '
        "source document in place of YYYY (年-月-日)")
    item = "".join("  " + line + "\n" for line in re.findall(r'"(- [^"]*|  [a-z_]+: [^"]*)"', problem))
    (root / UNIT_PATH).write_text(UNIT + "milestones:\n" + item.replace("YYYY", "2018"), encoding="utf-8")
    assert printed(root) == []
    built = parse_html(build_at(root) / "units/baihe/index.html").text_content()
    assert title in built and "2018年1月15日" in built


@pytest.mark.parametrize(("typed", "message", "lines"), [
    ("  - 1月15日: 召开动员部署会\n",
     'milestones → item 1 is typed as the pair "1月15日: 召开动员部署会", but it is a group of fields, date and title',
     'write the item as two lines, the first after the "-": "- date: YYYY-01-15", then "  title: 召开动员部署会" below '
     "it, lined up with date:"),
    ("  1月15日: 召开动员部署会\n  1月20日: 成立小组\n",
     'milestones: the items are typed as "key: value" pairs ("1月15日: 召开动员部署会"), but each item is a group of '
     'fields, date and title, starting with "- "',
     'write each pair as two lines, the first starting with "- ": "  - date: YYYY-01-15", then "    title: 召开动员部署会", '
     'then "  - date: YYYY-01-20", then "    title: 成立小组"'),
])
def test_milestones_typed_as_pairs_with_days_without_their_year_keep_their_titles(
        tmp_path: Path, typed: str, message: str, lines: str) -> None:
    # "- 1月15日: 召开动员部署会" was told "unknown field 1月15日 … remove it": followed, the milestone was deleted.
    root = write_site(tmp_path, {UNIT_PATH: UNIT + "milestones:\n" + typed})
    [problem] = printed(root)
    assert problem.split("\n")[0].split(": error: ")[1] == message
    assert problem.split("\n")[1] == (f"  hint: {lines}; the date typed has no year: write the year of the source "
                                       "document in place of YYYY (年-月-日)")
    written = "".join(("  " if typed.startswith("  - ") else "") + line + "\n"
                      for line in re.findall(r'"( *- [a-z_]+: [^"]*|  +[a-z_]+: [^"]*)"', lines))
    (root / UNIT_PATH).write_text(UNIT + "milestones:\n" + written.replace("YYYY", "2018"), encoding="utf-8")
    assert printed(root) == []
    built = parse_html(build_at(root) / "units/baihe/index.html").text_content()
    assert "召开动员部署会" in built and "2018年1月15日" in built


def test_a_milestone_typed_without_its_dash_is_no_pair(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_PATH: UNIT + "milestones:\n  date: 2018-01-10\n  title: 成立领导小组\n"})
    assert [line.split("\n")[0] for line in printed(root)] == [
        f'{UNIT_PATH}:12:3: error: "milestones" should be a list, not a group of fields (key: value lines)']


@pytest.mark.parametrize(("path", "base", "field", "typed", "lines"), [
    ("content/interviews/a.md", None, "images", "images/laojie.png",
     '"images:", then "  - src: images/laojie.png", then "    alt: …"'),
    (UNIT_PATH, UNIT, "milestones", "2018-01-15", '"milestones:", then "  - date: 2018-01-15", then "    title: …"'),
])
def test_a_list_of_records_typed_as_one_value_is_told_the_lines_of_its_first_item(
        tmp_path: Path, path: str, base: str | None, field: str, typed: str, lines: str) -> None:
    # "images: images/laojie.png" was told "write one item per line, each starting with "- "": followed, it
    # gave "- images/laojie.png", and with alt: under it, a YAML error. The item's fields are shown.
    text = (base + f"{field}: {typed}\n" if base is not None
            else interview(extra=f"{field}: {typed}\n"))
    root = write_site(tmp_path, {path: text, "content/images/laojie.png": b""} if base is None else {path: text})
    [problem] = printed(root)
    assert problem.split("\n")[0].split(": error: ")[1] == f'"{field}" should be a list, not "{typed}"'
    assert problem.split("\n")[1] == (
        f'  hint: write it as a list whose items start with "- ", their fields lined up: {lines}')


_TALLY_LINES = ('"tallies:", then "  - as_of: …", then "    collected: …", then "    escalated: …", then '
                '"    resolved: …", then "    in_progress: …"')
_NONE_YET = ('delete the "{0}:" line (or write {0}: [], a list with nothing in it)')


@pytest.mark.parametrize(("lists", "line", "column", "typed", "hint"), [
    # "write one item per line, each starting with "- "" never said how to write that there are none.
    ("tallies:\n", 4, 9, "nothing",
     f'if there are none yet, {_NONE_YET.format("tallies")}; else write its items under it, each starting with '
     f'"- ": {_TALLY_LINES}'),
    ("targets:\n#  - group: residents\n#    target: 80\n", 4, 9, "nothing",
     f'if there are none yet, {_NONE_YET.format("targets")}; else write its items under it, each starting with '
     '"- ": "targets:", then "  - group: …", then "    target: …"'),
    # "  - date: 无" and "  - as_of: 暂无" were offered: a word that is no date where a date goes.
    ("milestones: 无\n", 4, 13, '"无"',
     f'"无" says there are none: {_NONE_YET.format("milestones")}; when there are, write its items under it, each '
     'starting with "- ": "milestones:", then "  - date: …", then "    title: …"'),
    ("tallies: 暂无\n", 4, 10, '"暂无"',
     f'"暂无" says there are none: {_NONE_YET.format("tallies")}; when there are, write its items under it, each '
     f'starting with "- ": {_TALLY_LINES}'),
])
def test_a_unit_list_with_nothing_or_none_in_it_is_told_to_be_deleted_or_written_empty(
        tmp_path: Path, lists: str, line: int, column: int, typed: str, hint: str) -> None:
    head = "name: 白鹤镇\nlevel: town\nsummary: 青浦区白鹤镇。\n"
    root = write_site(tmp_path, {UNIT_PATH: head + lists})
    key = lists.split(":")[0]
    assert printed(root) == [
        f'{UNIT_PATH}:{line}:{column}: error: "{key}" should be a list, not {typed}\n  hint: {hint}']
    for mended in (head, head + f"{key}: []\n"):  # either way the hint says
        (root / UNIT_PATH).write_text(mended, encoding="utf-8")
        assert printed(root) == []


def test_a_pages_pictures_with_nothing_under_them_are_told_the_lines_with_alt(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="images:\n")})
    assert printed(root) == [
        'content/interviews/a.md:9:8: error: "images" should be a list, not nothing\n  hint: if there are none yet, '
        f'{_NONE_YET.format("images")}; else write its items under it, each starting with "- ": "images:", then '
        '"  - src: …", then "    alt: …"']
    write_site(root, {"content/interviews/a.md": interview(extra="images: []\n")})
    assert printed(root) == []


@pytest.mark.parametrize(("indent", "line"), [("    ", "  - as_of: 2018-04-26"), ("  ", "- as_of: 2018-04-26")])
def test_a_list_of_tallies_typed_as_a_group_is_told_to_put_the_dash_before_the_first_field_alone(
        tmp_path: Path, indent: str, line: str) -> None:
    # "write one item per line, each starting with "- "", followed literally (a "- " on every line), made each
    # field an item of its own: ten errors more.
    fields = UNIT[UNIT.index("  - as_of"):].replace("  - as_of", "    as_of")
    typed = UNIT[:UNIT.index("  - as_of")] + "".join(indent + row[4:] + "\n" for row in fields.splitlines())
    root = write_site(tmp_path, {UNIT_PATH: typed})
    assert printed(root) == [
        f'{UNIT_PATH}:5:{len(indent) + 1}: error: "tallies" should be a list, not a group of fields (key: value '
        'lines)\n  hint: put "- " before the first field of each item only (as_of:), two columns to its left, so '
        f'that the fields under it stay lined up: line 5 becomes "{line}"; the other lines stay as they are']
    lines = typed.splitlines(keepends=True)
    lines[4] = line + "\n"
    (root / UNIT_PATH).write_text("".join(lines), encoding="utf-8")
    assert printed(root) == []


# -- a picture's or link's title in quotes Markdown does not read -----------------------------

def test_a_title_in_unmatched_quotes_is_one_warning_and_the_path_meant_is_checked(tmp_path: Path) -> None:
    # ![草莓](images/a.svg "白鹤草莓”) was published with the src 'images/a.svg "白鹤草莓”', a missing picture,
    # unwarned: the picture check read the path up to the '"'. With “…” it said "not found" (did you mean
    # images/a.svg?), and a link's was "a space in its host name" with the hint https://x.org"标题”. A picture
    # over two lines is read as Markdown reads it; 草莓 (1).svg and it's.svg were reported missing.
    body = ('![草莓](images/a.svg "白鹤草莓”)\n\n![草莓](images/a.svg “白鹤草莓”)\n\n'
            '![缺](images/none.svg "没有”)\n\n[镇](/units/baihe/ "白鹤镇”) [文](https://x.org "标题”)\n\n'
            "![草莓](images/a.svg\u3000白鹤草莓)\n\n![副本](images/草莓 (1).svg) ![撇号](images/it's.svg)\n\n"
            '两行：![草莓](images/a.svg\n"白鹤草莓”)。\n\n![缺](images/none2.svg\n"说明")\n\n![断](images/\n  a.svg)\n\n'
            "![草莓](images/a.svg 白鹤)\n")
    root = write_site(tmp_path, {PAGE_PATH: interview(body=body), "content/images/a.svg": "<svg/>",
                                 "content/images/草莓 (1).svg": "<svg/>", "content/images/it's.svg": "<svg/>"})
    hint = '  hint: put the title between two half-width quotes (半角引号 "…"): '
    missing = "so Markdown reads it as part of the picture's path, and the picture is missing"
    nowhere = "so Markdown reads it as part of the link's address, and the link leads nowhere"
    assert printed(root) == [
        f'{PAGE_PATH}:11:1: warning: the title of this picture is in quotes that do not match ("…”), {missing}: '
        f'![草莓](images/a.svg "白鹤草莓”)\n{hint}![草莓](images/a.svg "白鹤草莓")',
        f"{PAGE_PATH}:13:1: warning: the title of this picture is in full-width quotes (“…”, 全角引号), {missing}: "
        f'![草莓](images/a.svg “白鹤草莓”)\n{hint}![草莓](images/a.svg "白鹤草莓")',
        f'{PAGE_PATH}:15:1: warning: the title of this picture is in quotes that do not match ("…”), {missing}: '
        f'![缺](images/none.svg "没有”)\n{hint}![缺](images/none.svg "没有")',
        f'{PAGE_PATH}:15:6: warning: image "images/none.svg" not found\n'
        "  hint: there is no file content/images/none.svg: copy the picture there; if it was deleted or renamed, "
        "restore it (回收站, the recycle bin) or write its new name here",
        f'{PAGE_PATH}:17:1: warning: the title of this link is in quotes that do not match ("…”), {nowhere}: '
        f'[镇](/units/baihe/ "白鹤镇”)\n{hint}[镇](/units/baihe/ "白鹤镇")',
        f'{PAGE_PATH}:17:26: warning: the title of this link is in quotes that do not match ("…”), {nowhere}: '
        f'[文](https://x.org "标题”)\n{hint}[文](https://x.org "标题")',
        f'{PAGE_PATH}:19:7: warning: image "images/a.svg\u3000白鹤草莓" not found\n'
        '  hint: the path ends at "images/a.svg": if "白鹤草莓" is the picture\'s title, put it between two '
        'half-width quotes (半角引号): images/a.svg "白鹤草莓"',
        f'{PAGE_PATH}:23:4: warning: the title of this picture is in quotes that do not match ("…”), {missing}: '
        f'![草莓](images/a.svg "白鹤草莓”)\n{hint}![草莓](images/a.svg "白鹤草莓")',
        f'{PAGE_PATH}:26:6: warning: image "images/none2.svg" not found\n'
        "  hint: there is no file content/images/none2.svg: copy the picture there; if it was deleted or renamed, "
        "restore it (回收站, the recycle bin) or write its new name here",
        # The file is there: the picture is meant, and the page would show it broken.
        f'{PAGE_PATH}:29:6: error: image "images/   a.svg" is broken over two lines (换行), so the picture is '
        "missing\n  hint: write the path on one line: images/a.svg",
        f'{PAGE_PATH}:32:7: warning: image "images/a.svg 白鹤" not found\n'
        '  hint: the path ends at "images/a.svg": if "白鹤" is the picture\'s title, put it between two '
        'half-width quotes (半角引号): images/a.svg "白鹤"']
    page = root / PAGE_PATH
    fixed = page.read_text(encoding="utf-8").replace("”)", '")').replace("“", '"').replace(
        "images/a.svg\u3000白鹤草莓", 'images/a.svg "白鹤草莓"').replace("a.svg 白鹤)", 'a.svg "白鹤")').replace("images/none.svg", "images/a.svg").replace(
        "images/none2.svg", "images/a.svg").replace("images/\n  a.svg", "images/a.svg")
    page.write_text(fixed, encoding="utf-8")
    assert printed(root) == []


def test_words_typed_after_a_links_path_of_this_site_are_offered_in_quotes_as_its_title(tmp_path: Path) -> None:
    # "详见[案例](/cases/baihe-caomei/ 草莓案例)。" was warned with the general hint "link to a page by its address
    # (as …)", and a file's path with words after it was offered the path alone ("did you mean /files/a.pdf?"),
    # the words lost, while a picture's path got the hint to type. A page's or file's path, typed from the root
    # or not, a half-width or full-width space (全角空格) between, gets the picture's hint.
    body = ("详见[案例](/interviews/b/ 草莓案例)。\n\n见[报告](files/a.pdf\u3000报告全文)\n\n"
            "[无](/interviews/none/ 无此页)\n")
    root = write_site(tmp_path, {PAGE_PATH: interview(body=body), "content/interviews/b.md": interview("草莓访谈"),
                                 "content/files/a.pdf": "%PDF-1.4\n"})
    assert printed(root) == [
        f'{PAGE_PATH}:11:8: warning: the link "/interviews/b/ 草莓案例" leads to no page or file of this site\n'
        '  hint: the path ends at "/interviews/b/": if "草莓案例" is the link\'s title, put it between two '
        'half-width quotes (半角引号): /interviews/b/ "草莓案例"',
        f'{PAGE_PATH}:13:7: warning: the link "files/a.pdf\u3000报告全文" leads to no page or file of this site\n'
        '  hint: the path ends at "files/a.pdf": if "报告全文" is the link\'s title, put it between two '
        'half-width quotes (半角引号): files/a.pdf "报告全文"',
        f'{PAGE_PATH}:15:5: warning: the link "/interviews/none/ 无此页" leads to no page or file of this site\n'
        "  hint: link to a page by its address (e.g. /interviews/baihe/ for the page of content/interviews/baihe.md), or to a file under content/ by its path from "
        "there (e.g. files/报告.pdf for content/files/报告.pdf)"]
    page = root / PAGE_PATH
    page.write_text(page.read_text(encoding="utf-8").replace("/interviews/b/ 草莓案例", '/interviews/b/ "草莓案例"')
                    .replace("files/a.pdf\u3000报告全文", 'files/a.pdf "报告全文"').replace("[无](/interviews/none/ 无此页)\n", ""),
                    encoding="utf-8")
    assert printed(root) == []
    html = (build_at(root) / "interviews/baihe/index.html").read_text(encoding="utf-8")
    assert '详见<a href="/interviews/b/" title="草莓案例">案例</a>。' in html
    assert '见<a href="/files/a.pdf" title="报告全文">报告</a>' in html


# -- lines written by sitegen new, slipped -------------------------------------------------------

def _new(root: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``sitegen new …`` in the site ``root``; return what it printed to paste (``new tally``) or ""."""
    capsys.readouterr()
    assert main(["new", *argv, "--site", str(root)]) == 0
    return capsys.readouterr().out if argv[0] == "tally" else ""


def _slipped(path: Path, typed: str, slip: str) -> int:
    """Type ``slip`` in place of the last line of ``path`` that starts with ``typed``; return its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = max(n for n, line in enumerate(lines) if line.startswith(typed))
    lines[number] = slip + lines[number][len(typed):]
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _indented_as_told(path: Path, problem: str) -> None:
    """Indent the line a printed problem names by the spaces its hint gives ("indent it by 2 spaces, …")."""
    line = int(problem.split(":")[1])
    spaces = int(problem.split("hint: indent it by ")[1].split(" ")[0])
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = " " * spaces + lines[line - 1]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_field_of_a_new_interview_that_lost_its_indent_is_named_with_its_spaces(tmp_path: Path, capsys) -> None:
    # With the comments sitegen new writes on every line, the parser named role: below it ("this line is not
    # lined up with the lines above it / indent keys of the same level with the same number of spaces").
    root = write_site(tmp_path, {})
    _new(root, capsys, "interview", "华新镇访谈", "--unit", "baihe", "--slug", "2024-03-huaxin")
    page = root / "content" / "interviews" / "2024-03-huaxin.md"
    rel = "content/interviews/2024-03-huaxin.md"
    line = _slipped(page, "  name: ", "name: ")
    assert page.read_text(encoding="utf-8").split("\n")[line - 1] == "name: 受访人姓名   # 姓名 name"
    assert printed(root) == [
        f'{rel}:{line}:1: error: this line lost its indent (缩进): it ends the block under "interviewee:" that the '
        'indented line below it ("role: 职务") is part of (YAML parser: while parsing a block mapping: did not find '
        'expected key)\n'
        '  hint: indent it by 2 spaces, as "role:" below it is: both belong under "interviewee:"']
    _indented_as_told(page, printed(root)[0])
    assert printed(root) == []


def _counted(tally: str) -> str:
    """A tally ``sitegen new tally`` printed, with the figures changed as counted on its day (left as printed, it
    is warned of as the tally before repeated)."""
    return re.sub(r"escalated: 143\b", "escalated: 147", re.sub(r"collected: 296\b", "collected: 300", tally))


@pytest.mark.parametrize("comments", [True, False])
def test_a_field_of_a_pasted_tally_that_lost_its_indent_is_named_with_its_spaces(tmp_path: Path, capsys,
                                                                                  comments: bool) -> None:
    # The tally sitegen new tally prints, pasted under tallies:, resolved: at the left edge. With comments the
    # parser named in_progress: below it; without, "a "key:" is not expected here" at in_progress:, never
    # naming the line that moved.
    root = write_site(tmp_path, {})
    tally = _counted(re.sub(r"as_of: [0-9-]+", "as_of: 2018-05-31", _new(root, capsys, "tally", "--unit", "baihe")))
    if not comments:
        tally = "".join(line.split("   #")[0] + "\n" for line in tally.splitlines() if line.strip()[:1] != "#")
    unit = root / UNIT_PATH
    unit.write_text(UNIT + tally, encoding="utf-8")
    assert printed(root) == []
    line = _slipped(unit, "    resolved: ", "resolved: ")
    words = ("while parsing a block mapping: did not find expected key" if comments
             else "mapping values are not allowed in this context")
    assert printed(root) == [
        f'{UNIT_PATH}:{line}:1: error: this line lost its indent (缩进): it ends the block under "tallies:" that the '
        f'indented line below it ("in_progress: 50") is part of (YAML parser: {words})\n'
        '  hint: indent it by 4 spaces, lined up with "escalated:" above it and "in_progress:" below it']
    _indented_as_told(unit, printed(root)[0])
    assert printed(root) == []


@pytest.mark.parametrize("comments", [True, False])
def test_a_pasted_tally_whose_dash_lost_its_indent_is_told_at_its_own_line(tmp_path: Path, capsys,
                                                                          comments: bool) -> None:
    # The tally sitegen new tally prints, pasted from its "-", so that only its first line lost its two spaces:
    # "a list item ("- ") is not expected here" / "line the items up under the key they belong to".
    root = write_site(tmp_path, {})
    tally = _counted(re.sub(r"as_of: [0-9-]+", "as_of: 2018-05-31", _new(root, capsys, "tally", "--unit", "baihe")))
    if not comments:
        tally = "".join(line.split("   #")[0] + "\n" for line in tally.splitlines() if line.strip()[:1] != "#")
    unit = root / UNIT_PATH
    unit.write_text(UNIT + tally.removeprefix("  "), encoding="utf-8")
    line = UNIT.count("\n") + 1
    typed = "  - as_of: 2018-05-31" + ("   # 截至日期：以下都是到这一天的数字 figures as of this day" if comments else "")
    assert printed(root) == [
        f'{UNIT_PATH}:{line}:1: error: this list item lost its indent (缩进): it is at the left edge, further out than '
        'the items of "tallies:" above it ("- as_of:", 2 spaces), so YAML cannot read it as one of them (YAML parser: '
        'while parsing a block mapping: did not find expected key)\n'
        f'  hint: add 2 spaces at the start of line {line}, so that this item lines up with "- as_of:" above it: '
        f'"{typed}"']
    _slipped(unit, "- as_of: ", "  - as_of: ")
    assert printed(root) == []


SECOND_TALLY = ("  - as_of: 2018-06-30\n    batches: 320\n    collected: 300\n    escalated: 143\n    resolved: 107\n"
                "    in_progress: 50\n")
"""A second tally for the example's unit, typed as the first is."""


@pytest.mark.parametrize(("item", "lead"), [
    ("  - as_of: 2018-06-30", "- as_of:"), ("  - group: residents", "- group:"), ("  - date: 2018-01-15", "- date:")])
@pytest.mark.parametrize("lost", [1, 2])
def test_an_item_of_a_unit_that_lost_its_indent_is_told_and_the_rest_of_the_file_checked_in_the_same_run(
        tmp_path: Path, item: str, lead: str, lost: int) -> None:
    # A tally, target or milestone typed with 1 space, or at the left edge, where the items above have 2: "indent
    # it by 2 spaces", and nothing else of the file (a milestone's date that does not exist, a tally that does not
    # add up) until it was mended. Now the line to type, and the rest of the file in the same run.
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_PATH, "\ntargets:", f"{SECOND_TALLY}\ntargets:")
    edit_file(root, UNIT_PATH, item, item[lost:])
    edit_file(root, UNIT_PATH, "  - date: 2018-01-12", "  - date: 2018-02-30")
    lines = (root / UNIT_PATH).read_text(encoding="utf-8").split("\n")
    line = lines.index(item[lost:]) + 1
    where = "indented 1 space" if lost == 1 else "at the left edge"
    key = {"- as_of:": "tallies", "- group:": "targets", "- date:": "milestones"}[lead]
    date = lines.index("  - date: 2018-02-30") + 1
    told = printed(root)
    assert told == sorted([
        f'{UNIT_PATH}:{line}:{3 - lost}: error: this list item lost its indent (缩进): it is {where}, further out than '
        f'the items of "{key}:" above it ("{lead}", 2 spaces), so YAML cannot read it as one of them (YAML parser: '
        "while parsing a block mapping: did not find expected key)\n"
        f'  hint: add {lost} space{"s" if lost > 1 else ""} at the start of line {line}, so that this item lines up '
        f'with "{lead}" above it: "{item}"',
        f'{UNIT_PATH}:{date}:11: error: milestones → item 1 → date: "2018-02-30" does not exist (there is no day 30 '
        "in month 2 of 2018)\n"
        "  hint: February 2018 has 28 days: check the day against the source document and write 2018-02-DD, with "
        "that day in place of DD (年-月-日)"], key=lambda text: int(text.split(":")[1]))
    edit_file(root, UNIT_PATH, "\n" + item[lost:] + "\n", "\n" + item + "\n")
    assert printed(root) == [told[0] if date < line else told[1]]


@pytest.mark.parametrize(("item", "field", "lead"), [
    ("  - as_of: 2018-04-26", "batches: 318", "as_of:"), ("  - group: institutions", "target: 100", "group:"),
    ("  - date: 2018-01-12", "title: 成立大调研领导小组，印发实施方案", "date:")])
@pytest.mark.parametrize("lost", [1, 2])
def test_the_first_item_of_a_unit_list_that_lost_its_indent_is_told_at_its_own_line(
        tmp_path: Path, item: str, field: str, lead: str, lost: int) -> None:
    # The first tally, target or milestone with its "-" at 1 space or at the left edge, its fields at 4: '"batches:"
    # is indented further than "as_of:" above it', with 6 lines to type, though only the "-" line is out of line;
    # and nothing else of the file was checked.
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_PATH, item, item[lost:])
    edit_file(root, UNIT_PATH, "  - date: 2018-01-15", "  - date: 2018-02-30")
    lines = (root / UNIT_PATH).read_text(encoding="utf-8").split("\n")
    line = lines.index(item[lost:]) + 1
    date = lines.index("  - date: 2018-02-30") + 1
    where = "indented 1 space" if lost == 1 else "at the left edge"
    told = printed(root)
    assert told == sorted([
        f'{UNIT_PATH}:{line}:{3 - lost}: error: this list item lost its indent (缩进): it is {where}, so "{lead}" is '
        f'not lined up with the lines under it ("{field}", 4 spaces), and YAML cannot read them as its fields (YAML '
        "parser: mapping values are not allowed in this context)\n"
        f'  hint: add {lost} space{"s" if lost > 1 else ""} at the start of line {line}, so that "{lead}" lines up '
        f'with "{field.split(":")[0]}:" below it: "{item}"',
        f'{UNIT_PATH}:{date}:11: error: milestones → item 2 → date: "2018-02-30" does not exist (there is no day 30 '
        "in month 2 of 2018)\n"
        "  hint: February 2018 has 28 days: check the day against the source document and write 2018-02-DD, with "
        "that day in place of DD (年-月-日)"], key=lambda text: int(text.split(":")[1]))
    edit_file(root, UNIT_PATH, "\n" + item[lost:] + "\n", "\n" + item + "\n")
    assert printed(root) == [told[1]]


@pytest.mark.parametrize(("edits", "field", "lead", "record"), [
    # A tally's figure under its note typed with "|", as its last line: it was told missing, not where it was.
    ([("    in_progress: 50\n    note: 据", "    note: |\n      据"),
      ("50份正在办理。\n", "50份正在办理。\n      in_progress: 50\n")], "in_progress: 50", "note", "tallies → item 1"),
    # One the tally may leave out, in the middle of a note typed with ">": published in the note, with no message.
    ([("    batches: 318\n", ""), ("    note: 据", "    note: >\n      据"),
      ("各调研组开展调研318批次，", "\n      batches: 318\n      各调研组开展调研318批次，")], "batches: 318", "note",
     "tallies → item 1"),
    # A target's figure after its note, in quotes going on over lines.
    ([("    target: 80\n    note: 区“两个全覆盖”要求之一：居民调研率达到80%。文章未给出完成期限和实际进度。\n",
       '    note: "区“两个全覆盖”要求之一：居民调研率达到80%。\n      target: 80"\n')], "target: 80", "note",
     "targets → item 2"),
    # A milestone's title under its description typed with "|".
    ([("    title: 召开大调研动员部署会\n    description: 全镇动员部署，全面推进大调研工作。\n",
       "    description: |\n      全镇动员部署，全面推进大调研工作。\n      title: 召开大调研动员部署会\n")],
     "title: 召开大调研动员部署会", "description", "milestones → item 2"),
])
def test_a_field_typed_inside_the_text_above_it_is_told_with_the_line_to_type(
        tmp_path: Path, edits: list[tuple[str, str]], field: str, lead: str, record: str) -> None:
    # A field typed 2 spaces further in than the fields of its item, under a text typed with "|", ">" or in quotes,
    # is a line of that text: the figure was published in the note and missing from the tally, told at most as
    # "the field is missing", or not at all for a field the item may leave out.
    root = copy_example(tmp_path / "site")
    for old, new in edits:
        edit_file(root, UNIT_PATH, old, new)
    lines = (root / UNIT_PATH).read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.strip().rstrip('"') == field)
    key_line = max(n for n, text in enumerate(lines[:line], 1) if text.startswith(f"    {lead}:"))
    name = field.split(":")[0]
    last = not lines[line].startswith("      ")
    how = (f'delete 2 spaces at its start, lined up with "{lead}:"' if last and lines[key_line - 1][-1] in "|>" else
           f'take it out of the text and type it above "{lead}:" (line {key_line}), lined up with it')
    assert printed(root) == [
        f'{UNIT_PATH}:{line}:7: error: "{field}" is read as a line of the text of "{lead}:" above it, not as a field: '
        f'it is indented (缩进) 6 spaces, further than "{lead}:" (4 spaces), so {record} has no "{name}" and the text '
        "would show this line\n"
        f'  hint: if it is a field, {how}: "    {field}"']
    # Done as told, the file is clean.
    if how.startswith("delete"):
        lines[line - 1] = f"    {field}"
    else:
        lines[line - 1] = lines[line - 1][:len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))] + (
            '"' if lines[line - 1].endswith('"') else "")
        if not lines[line - 1].strip():
            del lines[line - 1]
        else:
            lines[line - 2] += lines.pop(line - 1).strip()
        lines.insert(key_line - 1, f"    {field}")
    (root / UNIT_PATH).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "deeper", "above"), [
    ("    in_progress: 50\n", "      in_progress: 50\n", "resolved"),
    ("    note: 区“两个全覆盖”要求之一：居民", "      note: 区“两个全覆盖”要求之一：居民", "target"),
    ("    description: 全镇动员部署", "      description: 全镇动员部署", "title"),
])
def test_a_field_further_in_than_the_field_above_it_is_read_moved_out_so_the_rest_is_checked(
        tmp_path: Path, typed: str, deeper: str, above: str) -> None:
    # A tally's, target's or milestone's field typed 2 spaces further in than the field above it, which YAML reads
    # as more of that field's value: told with the line to type, and nothing else of the file until it was mended.
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_PATH, typed, deeper)
    edit_file(root, UNIT_PATH, "  - date: 2018-01-12", "  - date: 2018-02-30")
    lines = (root / UNIT_PATH).read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(deeper.rstrip("\n")))
    date = lines.index("  - date: 2018-02-30") + 1
    key = deeper.strip().split(":")[0]
    told = printed(root)
    assert told == sorted([
        f'{UNIT_PATH}:{line}:1: error: "{key}:" is indented (缩进) further than "{above}:" above it, so it is read as '
        f'part of the value of "{above}:" (YAML parser: mapping values are not allowed in this context)\n'
        f'  hint: delete 2 spaces at its start, lined up with "{above}:" above it, typing this line in place of this '
        f'one: "{lines[line - 1][2:]}"',
        f'{UNIT_PATH}:{date}:11: error: milestones → item 1 → date: "2018-02-30" does not exist (there is no day 30 '
        "in month 2 of 2018)\n"
        "  hint: February 2018 has 28 days: check the day against the source document and write 2018-02-DD, with "
        "that day in place of DD (年-月-日)"], key=lambda text: int(text.split(":")[1]))
    lines[line - 1] = lines[line - 1][2:]
    (root / UNIT_PATH).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == [told[0] if date < line else told[1]]


@pytest.mark.parametrize("comments", [True, False])
def test_a_pasted_tally_whose_dash_is_one_space_further_in_is_told_the_line_to_type(tmp_path: Path, capsys,
                                                                                   comments: bool) -> None:
    # The tally sitegen new tally prints, its "- " line pasted with 3 spaces, its fields lined up with the tally
    # above: "a list item starting with "- " is expected here … type "- " before it", though the line starts with
    # "- ". The rest of the file is checked in the same run, as it will be read once the line is mended.
    root = write_site(tmp_path, {})
    tally = _counted(re.sub(r"as_of: [0-9-]+", "as_of: 2018-09-30", _new(root, capsys, "tally", "--unit", "baihe")))
    if not comments:
        tally = "".join(line.split("   #")[0] + "\n" for line in tally.splitlines() if line.strip()[:1] != "#")
    unit = root / UNIT_PATH
    unit.write_text(UNIT + tally.replace("  - as_of: ", "   - as_of: "), encoding="utf-8")
    line = next(n for n, text in enumerate(unit.read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith("   - as_of: "))
    typed = "  - as_of: 2018-09-30" + ("   # 截至日期：以下都是到这一天的数字 figures as of this day" if comments else "")
    assert printed(root) == [
        f'{UNIT_PATH}:{line}:4: error: this list item is indented (缩进) 3 spaces, further than the item above it '
        '("- as_of:", 2 spaces), so YAML cannot read it as an item of the same list (YAML parser: while parsing a '
        "block collection: did not find expected '-' indicator)\n"
        f'  hint: remove 1 space at the start of line {line}, so that this item lines up with "- as_of:" above it: '
        f'"{typed}"']
    _slipped(unit, "   - as_of: ", "  - as_of: ")
    assert printed(root) == []


@pytest.mark.parametrize(("path", "page", "slip", "lead", "typed"), [
    (CASE_PATH, case_study("  - 走访草莓种业研发中心\n- 研究建设种植基地   # 做法\n", "  - 大调研\n"), 8,
     "- 走访草莓种业研发中心", "- 研究建设种植基地   # 做法"),
    (PAGE_PATH, interview(extra="tags:   # 标签 tags\n  - 大调研   # 标签\n- 补短板   # 标签\n"), 11, "- 大调研",
     "- 补短板   # 标签"),
])
def test_an_item_of_a_list_in_front_matter_that_lost_its_indent_is_told_at_its_own_line(tmp_path: Path, path: str,
                                                                                       page: str, slip: int,
                                                                                       lead: str, typed: str) -> None:
    # A case study's second action, an interview's second tag, typed at the left edge of the front matter.
    key = "actions" if path == CASE_PATH else "tags"
    root = write_site(tmp_path, {path: page})
    assert printed(root) == [
        f'{path}:{slip}:1: error: this list item lost its indent (缩进): it is at the left edge, further out than the '
        f'items of "{key}:" above it ("{lead}", 2 spaces), so YAML cannot read it as one of them (YAML parser: while '
        'parsing a block mapping: did not find expected key)\n'
        f'  hint: add 2 spaces at the start of line {slip}, so that this item lines up with "{lead}" above it: '
        f'"  {typed}"']
    lines = (root / path).read_text(encoding="utf-8").split("\n")
    lines[slip - 1] = "  " + typed
    (root / path).write_text("\n".join(lines), encoding="utf-8")
    assert printed(root) == []


def test_a_tab_typed_in_a_pasted_tally_is_told_the_spaces_that_line_it_up(tmp_path: Path, capsys) -> None:
    # "replace the TAB with spaces: two for each level": two spaces were then "a list item starting with "- " is
    # expected here … indent it with 4 spaces".
    root = write_site(tmp_path, {})
    tally = _counted(re.sub(r"as_of: [0-9-]+", "as_of: 2018-05-31", _new(root, capsys, "tally", "--unit", "baihe")))
    unit = root / UNIT_PATH
    unit.write_text(UNIT + tally, encoding="utf-8")
    line = _slipped(unit, "    collected: ", "\tcollected: ")
    slipped = unit.read_text(encoding="utf-8").split("\n")[line - 1]
    told = printed(root)
    assert told == [
        f"{UNIT_PATH}:{line}:1: error: a TAB is used for indentation; YAML needs spaces\n"
        '  hint: replace the TAB (制表符) with 4 spaces, lined up with "batches:" above it: '
        f'"    {slipped[1:].rstrip()}"']
    _slipped(unit, slipped, line_as_hinted(told[0].split("  hint: ")[1], slipped))  # typed as the hint gives it
    assert printed(root) == []


def test_a_note_of_a_new_unit_uncommented_with_its_example_is_told_to_be_a_note_again(tmp_path: Path,
                                                                                       capsys) -> None:
    # The "# " taken off the lines of the example tally and off the note above it: the note was told to take an
    # English colon ("以后每次新数据: sitegen new tally …"), and then that "以后每次新数据" is an unknown field.
    root = write_site(tmp_path, {})
    _new(root, capsys, "unit", "华新镇")
    unit = root / "content" / "units" / "hua-xin-zhen.yaml"
    rel = "content/units/hua-xin-zhen.yaml"
    lines = unit.read_text(encoding="utf-8").split("\n")
    note = next(n for n, line in enumerate(lines) if line.startswith("# 以后每次新数据"))
    end = next(n for n in range(note + 1, len(lines)) if not lines[n].startswith("#"))
    lines[note:end] = [line[2:] for line in lines[note:end]]
    typed = "\n".join(lines).replace("as_of: " + re.search(r"as_of: ([0-9-]+)", "\n".join(lines)).group(1),  # type: ignore[union-attr]
                                     "as_of: 2018-05-31")
    typed = re.sub(r"note: 示例数字[^ ]*", "note: 镇大调研办公室统计", typed)
    typed = typed.replace("collected: 0 ", "collected: 8 ").replace("resolved: 0 ", "resolved: 8 ")  # counted
    unit.write_text(typed, encoding="utf-8")
    assert lines[note] == "以后每次新数据：sitegen new tally --unit hua-xin-zhen 打印一条可粘贴的 tally  (prints a tally to paste)"
    assert printed(root) == [
        f'{rel}:{note + 1}:1: error: this line is a note (说明), not a field: "以后每次新数据" is no field that can be '
        "typed here, and the text after its full-width colon (：) is no value\n"
        '  hint: put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明): '
        "# 以后每次新数据：sitegen new tally --unit hua-xin-zhen 打印一条可粘贴的 tally  (prints a tally to paste)"]
    unit.write_text(typed.replace("\n以后每次新数据", "\n# 以后每次新数据"), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("path", "typed", "told"), [
    # A field, another word for one, or one of a block held there: still told to take an English colon.
    (PAGE_PATH, "标题：白鹤镇访谈\n", '"标题：" uses a full-width colon (全角冒号 ：)'),
    (UNIT_PATH, "summary：白鹤镇位于青浦区。\n", '"summary：" uses a full-width colon (全角冒号 ：)'),
    (UNIT_PATH, "备注：数据来源\n", '"备注：" uses a full-width colon (全角冒号 ：)'),
    # Words as short as a field's name are told as one, even when they name none: taken for a note and
    # commented out, a field's Chinese label (问题 for problem) would take a required field out.
    (PAGE_PATH, "注意：此稿待审\n", '"注意：" uses a full-width colon (全角冒号 ：)'),
    (UNIT_PATH, "问题：调研中发现的问题\n", '"问题：" uses a full-width colon (全角冒号 ：)'),
    # Words that only a note holds: a note.
    (PAGE_PATH, "以后每次新数据：请用新命令\n",
     'this line is a note (说明), not a field: "以后每次新数据" is no field that can be typed here'),
    # Short words are told as a field's label even before a sentence: a value may well end one (成效：…品牌。).
    (PAGE_PATH, "编者按：本文根据录音整理。\n", '"编者按：" uses a full-width colon (全角冒号 ：)'),
])
def test_a_full_width_colon_after_words_that_name_no_field_is_a_note(tmp_path: Path, path: str, typed: str,
                                                                      told: str) -> None:
    text = interview().replace("date:", typed + "date:") if path == PAGE_PATH else UNIT + typed
    root = write_site(tmp_path, {path: text})
    [problem] = found(root)
    assert problem.message.startswith(told), problem.message


def _new_site(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, list[str]]:
    """A site made by ``sitegen init`` at ``root``: its site.yaml, that file's text, and what check prints of it
    as made (warnings of the placeholders it writes)."""
    capsys.readouterr()
    assert main(["init", str(root), "--title", "测试"]) == 0
    site = root / "site.yaml"
    return site, site.read_text(encoding="utf-8"), printed(root)


def test_the_notes_and_labels_of_site_yaml_are_told_as_in_the_records(tmp_path: Path, capsys) -> None:
    # site.yaml's first note uncommented was told to take an English colon and quotes, and then that
    # "站点设置" is an unknown field; "标题：" for "title:" was told "标题: …", then "unknown field 标题".
    root = tmp_path / "site"
    site, written, as_made = _new_site(root, capsys)
    lines = written.split("\n")
    assert lines[0] == "# 站点设置，整个站点只此一份。Site settings: one file per site."
    site.write_text("\n".join([lines[0][2:], *lines[1:]]), encoding="utf-8")
    # The note taken for a setting stands aside: the content is checked too, told as made.
    assert [told for told in printed(root) if told not in as_made] == [
        'site.yaml:1:1: error: this line is a note (说明), not a field: "站点设置，整个站点只此一份。Site …" is no field that '
        'can be typed here\n'
        '  hint: put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明): '
        "# 站点设置，整个站点只此一份。Site settings: one file per site."]
    title = next(n for n, line in enumerate(lines) if line.startswith("title: "))
    site.write_text(written.replace("\ntitle: ", "\n标题："), encoding="utf-8")
    assert printed(root) == [
        f'site.yaml:{title + 1}:3: error: "标题：" uses a full-width colon (全角冒号 ：), and the field "标题" stands '
        'for is "title"\n'
        '  hint: type "title" and an English colon followed by a space: title: 测试   # 网站名称，显示在每页顶部 '
        "the site's name, on every page"]
    site.write_text(written.replace("\ntitle: ", "\ntitle: "), encoding="utf-8")  # the hint, followed
    assert printed(root) == as_made


@pytest.mark.parametrize("kind", ["unit", "series"])
def test_the_opening_notes_of_a_new_record_uncommented_are_told_to_be_notes_again(tmp_path: Path, capsys,
                                                                                  kind: str) -> None:
    # Every "# " of the file taken off: the two first notes read as keys, told "unknown field" with fields to
    # rename them to.
    root = write_site(tmp_path, {})
    _new(root, capsys, kind, "华新镇" if kind == "unit" else "民生访谈")
    record = root / "content" / ("units/hua-xin-zhen.yaml" if kind == "unit" else "series/min-sheng-fang-tan.yaml")
    rel = record.relative_to(root).as_posix()
    written = record.read_text(encoding="utf-8")
    lines = written.split("\n")
    for number in (1, 2):
        note = lines[number - 1]
        assert note.startswith("# ")
        key = clip(note[2:].split(": ", 1)[0], 20)
        record.write_text("\n".join(lines[:number - 1] + [note[2:]] + lines[number:]), encoding="utf-8")
        assert [p for p in printed(root) if "blurb" not in p] == [  # a new series' blurb is told anyway
            f'{rel}:{number}:1: error: this line is a note (说明), not a field: "{key}" is no field that can be typed '
            f'here\n  hint: put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明): '
            f"{note}"]
        record.write_text(written, encoding="utf-8")
    assert [p for p in printed(root) if "blurb" not in p] == []


@pytest.mark.parametrize(("kind", "number"), [("interview", 2), ("interview", 3), ("unit", 3)])
def test_a_note_without_a_colon_uncommented_is_told_at_its_own_line(tmp_path: Path, capsys, kind: str,
                                                                     number: int) -> None:
    # 以 # 开头的行是说明… has no "key: " (its " #" even starts a comment): the parser took it for the whole
    # data and stopped at the first field below it, told "the YAML cannot be read here" at that field's line.
    root = write_site(tmp_path, {})
    if kind == "interview":
        _new(root, capsys, "interview", "华新镇访谈", "--unit", "baihe")
        record, top = root / "content/interviews/hua-xin-zhen-fang-tan.md", 1  # after the --- line
    else:
        _new(root, capsys, "unit", "华新镇")
        record, top = root / "content/units/hua-xin-zhen.yaml", 0
    rel = record.relative_to(root).as_posix()
    written = record.read_text(encoding="utf-8")
    lines = written.split("\n")
    note = lines[number - 1]
    assert note.startswith("# ") and ": " not in note.split("# ", 1)[1].split(" # ")[0]
    record.write_text("\n".join(lines[:number - 1] + [note[2:]] + lines[number:]), encoding="utf-8")
    told = [p for p in printed(root) if "placeholder" not in p]
    assert told == [
        f'{rel}:{number}:1: error: this line is text, not a field ("name: value"), so the fields below it cannot be '
        "read (YAML parser: did not find expected <document start>)\n"
        '  hint: if it is a value, type its field\'s name and ": " before it; if it is a note (说明), put "# " back at '
        f"the start of the line, as a note starts with it (以 # 开头的行是说明): {note}"], (told, top)
    record.write_text(written, encoding="utf-8")
    assert [p for p in printed(root) if "placeholder" not in p] == []


TEXT_LINE = ('error: this line is text, not a field ("name: value"), so the fields below it cannot be read (YAML parser: '
             "{words})\n"
             '  hint: if it is a value, type its field\'s name and ": " before it; if it is a note (说明), put "# " back '
             "at the start of the line, as a note starts with it (以 # 开头的行是说明): {note}")


def _typed_as_told(path: Path, problem: str) -> None:
    """Type the line a printed problem's hint ends with ("…(以 # 开头的行是说明): # 白鹤镇…") in place of its line."""
    line = int(problem.split(":")[1])
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = problem.split("(以 # 开头的行是说明): ", 1)[1]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("kind", "numbers"), [("unit", (3, 4)), ("interview", (2, 3))])
def test_notes_in_a_row_uncommented_are_all_told_in_one_run(tmp_path: Path, capsys, kind: str,
                                                             numbers: tuple[int, int]) -> None:
    # "# " taken off both notes above the fields of a new file: the first was told, then, once mended, the
    # second, one run each (the second holds quotes, which the fields below the first were read again without).
    root = write_site(tmp_path, {})
    if kind == "interview":
        _new(root, capsys, "interview", "华新镇访谈", "--unit", "baihe")
        record = root / "content/interviews/hua-xin-zhen-fang-tan.md"
    else:
        _new(root, capsys, "unit", "华新镇")
        record = root / "content/units/hua-xin-zhen.yaml"
    rel = record.relative_to(root).as_posix()
    written = record.read_text(encoding="utf-8")
    lines = written.split("\n")
    notes = [lines[number - 1] for number in numbers]
    assert all(note.startswith("# ") for note in notes)
    record.write_text(written.replace(f"{notes[0]}\n{notes[1]}\n", f"{notes[0][2:]}\n{notes[1][2:]}\n"),
                      encoding="utf-8")
    words = "did not find expected <document start>"
    assert [p for p in printed(root) if "placeholder" not in p] == [
        f"{rel}:{number}:1: " + TEXT_LINE.format(words=words, note=note) for number, note in zip(numbers, notes)]
    for problem in printed(root):  # each hint, followed
        _typed_as_told(record, problem)
    assert record.read_text(encoding="utf-8") == written


def test_every_note_of_a_new_unit_uncommented_is_told_in_one_run(tmp_path: Path, capsys) -> None:
    # "# " replaced by nothing in the whole file (a replace-all in Notepad): lines 3 and 12 were told, then line
    # 4, then lines 1 and 2 with the example's placeholders: three runs. All are told at once now, and once
    # the notes have their "# " back, only what the example's fields hold, told in the same run already, is left.
    root = write_site(tmp_path, {})
    _new(root, capsys, "unit", "华新镇")
    unit = root / "content/units/hua-xin-zhen.yaml"
    rel = "content/units/hua-xin-zhen.yaml"
    written = unit.read_text(encoding="utf-8")
    unit.write_text(re.sub(r"(?m)^# ", "", written), encoding="utf-8")
    lines = written.split("\n")
    words = "while scanning a simple key: could not find expected ':'"
    hint = '  hint: put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明): '
    notes = [
        f'{rel}:1:1: error: this line is a note (说明), not a field: "单位 Unit：华新镇。文件名就是它的…" is no field that can be '
        f"typed here\n{hint}{lines[0]}",
        f'{rel}:2:1: error: this line is a note (说明), not a field: "The file name is th…" is no field that can be '
        f"typed here\n{hint}{lines[1]}",
        f"{rel}:3:1: " + TEXT_LINE.format(words=words, note=lines[2]),
        f"{rel}:4:1: " + TEXT_LINE.format(words=words, note=lines[3]),
        f"{rel}:13:1: " + TEXT_LINE.format(words=words, note=lines[12])]
    told = printed(root)
    placeholders = [p for p in told if p not in notes]
    assert [p for p in told if p in notes] == notes
    assert [p.split(": error: ")[0] for p in placeholders if "sitegen new writes" in p] == [
        f"{rel}:11:10", f"{rel}:21:11", f"{rel}:29:11", f"{rel}:33:12"]
    for problem in notes:  # each hint, followed
        _typed_as_told(unit, problem)
    now = unit.read_text(encoding="utf-8").split("\n")
    assert [now[n] for n in (0, 1, 2, 3, 12)] == [lines[n] for n in (0, 1, 2, 3, 12)]
    assert printed(root) == placeholders


def test_a_sentence_typed_without_its_field_s_name_is_told_once(tmp_path: Path) -> None:
    # A series' blurb typed on a line of its own, without "blurb: ": read on as a note, so that the other fields
    # are checked in the same run, the series was told its blurb missing too, a second message for one slip.
    text = SERIES.replace("blurb: ", "")
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": text})
    assert [(problem.line, problem.column, problem.message.split(" (YAML parser")[0]) for problem in found(root)] == [
        (2, 1, 'this line is text, not a field ("name: value"), so the fields below it cannot be read')]
    (root / "content/series/dadiaoyan.yaml").write_text(SERIES, encoding="utf-8")  # the hint, followed
    assert found(root) == []


@pytest.mark.parametrize(("after", "typed", "words"), [
    ("series: ", "白鹤镇大调研微访谈系列", "while scanning a simple key: could not find expected ':'"),
    ("tags: ", "白鹤镇大调研微访谈系列   # 栏目", "while scanning a simple key: could not find expected ':'"),
    ("  name: ", "  受访人简介", "while scanning a simple key: could not find expected ':'"),
    ("interviewee:", "  受访人简介", "mapping values are not allowed in this context"),
])
def test_a_line_of_text_between_the_fields_of_front_matter_is_told_at_its_own_line(tmp_path: Path, capsys,
                                                                                   after: str, typed: str,
                                                                                   words: str) -> None:
    # The series' blurb typed on a line of its own between two fields of a new interview: "this line is not a
    # "key: value" pair: the ":" is missing" / "write it as key: value, or, if it continues the value above, indent
    # it or wrap that value in quotes", or, under interviewee:, "a "key:" is not expected here" at name: below it.
    root = write_site(tmp_path, {})
    _new(root, capsys, "interview", "华新镇访谈", "--unit", "baihe", "--slug", "2024-03-huaxin")
    page = root / "content" / "interviews" / "2024-03-huaxin.md"
    rel = "content/interviews/2024-03-huaxin.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines) if text.startswith(after)) + 2  # the file line of the text
    page.write_text("\n".join(lines[:line - 1] + [typed] + lines[line - 1:]), encoding="utf-8")
    column = len(typed) - len(typed.lstrip(" ")) + 1
    told = [p for p in printed(root) if "placeholder" not in p]
    assert told == [f"{rel}:{line}:{column}: " + TEXT_LINE.format(words=words, note=f"# {typed.strip()}")]
    _typed_as_told(page, told[0])
    assert [p for p in printed(root) if "placeholder" not in p] == []


@pytest.mark.parametrize(("path", "text", "line", "words"), [
    # The first line of the front matter, with no comment below it: the parser read it with title: as one value.
    (PAGE_PATH, interview().replace("---\n", "---\n白鹤镇大调研微访谈系列\n", 1), 2,
     "mapping values are not allowed in this context"),
    (PAGE_PATH, interview(extra="白鹤镇大调研微访谈系列\n"), 9, "while scanning a simple key: could not find expected ':'"),
    (UNIT_PATH, UNIT.replace("level: town\n", "白鹤镇位于青浦区西北部\nlevel: town\n"), 2,
     "while scanning a simple key: could not find expected ':'"),
])
def test_a_line_of_text_in_front_matter_or_a_record_is_told_at_its_own_line(tmp_path: Path, path: str, text: str,
                                                                           line: int, words: str) -> None:
    root = write_site(tmp_path, {path: text})
    note = "# " + text.split("\n")[line - 1]
    below = "" if path == PAGE_PATH and line == 9 else ", so the fields below it cannot be read"
    assert printed(root) == [f"{path}:{line}:1: " + TEXT_LINE.format(words=words, note=note).replace(
        ", so the fields below it cannot be read", below)]
    _typed_as_told(root / path, printed(root)[0])
    assert printed(root) == []


@pytest.mark.parametrize(("path", "typed", "field"), [
    (PAGE_PATH, "标题：白鹤镇访谈", "title"),
    # The labels the files of sitegen new give the fields in their comments, with sentences as values:
    # told they were notes, the editor put "# " back and the outcome or the related tally was gone.
    (CASE_PATH, "成效：在区委的支持下打造了草莓品牌。", "outcome"),
    (CASE_PATH, "对应的调研数据：2018-04-26", "related_tally"),
    (PAGE_PATH, "摘要：白鹤镇访谈的摘要", "summary"),
    (UNIT_PATH, "简介：白鹤镇位于青浦区。", "summary"),
])
def test_a_field_s_chinese_label_with_a_full_width_colon_is_told_the_field_s_name(tmp_path: Path, path: str,
                                                                                   typed: str, field: str) -> None:
    # Told to type an English colon (标题: 白鹤镇访谈), the editor then got "unknown field 标题": two rounds.
    label, value = typed.split("：")
    if path == PAGE_PATH:
        text = interview().replace("title: 白鹤镇访谈\n", "") if field == "title" else interview()
        text = text.replace("date:", typed + "\ndate:")
    elif path == CASE_PATH:
        text = case_study("  - 走访草莓种业研发中心\n", "  - 大调研\n").replace("date:", typed + "\ndate:")
    else:
        text = UNIT + typed + "\n"
    root = write_site(tmp_path, {path: text})
    [problem] = found(root)
    assert problem.message == (f'"{label}：" uses a full-width colon (全角冒号 ：), and the field "{label}" stands for '
                               f'is "{field}"')
    assert problem.hint == f'type "{field}" and an English colon followed by a space: {field}: {value}'
    (root / path).write_text(text.replace(typed, f"{field}: {value}"), encoding="utf-8")
    assert found(root) == []


_TAGS_COLON = '"tags：" uses a full-width colon (全角冒号 ：)'
_AS_LIST = "tags: [大调研, 补短板]"


@pytest.mark.parametrize(("path", "typed", "column", "message", "hint"), [
    # "tags: 大调研，补短板" was offered: typed as shown, it was one tag, "大调研，补短板", and another error.
    (PAGE_PATH, "标签：大调研，补短板", 3,
     '"标签：" uses a full-width colon (全角冒号 ：), and the field "标签" stands for is "tags"',
     'type "tags" and an English colon followed by a space, and write the tags separated by English commas: '
     + _AS_LIST),
    (PAGE_PATH, "tags：【大调研，补短板】   # 标签", 5, _TAGS_COLON,
     "type an English colon followed by a space, and write the tags in half-width square brackets: "
     "tags: [大调研, 补短板]   # 标签"),
    (PAGE_PATH, "tags：[“大调研”, 补短板]", 5, _TAGS_COLON,
     "type an English colon followed by a space, and write the tags without Chinese quotes “ ” (中文引号): "
     + _AS_LIST),
    (PAGE_PATH, "tags:　大调研　补短板", 6, 'a full-width space (全角空格) follows "tags:"',
     "replace it with an ordinary space, and write the tags in square brackets, separated by English commas: "
     + _AS_LIST),
    (PAGE_PATH, "tags:大调研、补短板", 5, 'no space after ":" in "tags:大调研、补短板"',
     "add a space after the colon, and write the tags separated by English commas: " + _AS_LIST),
    (PAGE_PATH, "tags :大调研；补短板", 5,
     'the space is typed before the ":" and none after it, so YAML reads "tags :大调研；补短板" as text, not as the '
     'field "tags"', "move the space after the colon, and write the tags separated by English commas: "
                     + _AS_LIST),
    (PAGE_PATH, "ｔａｇｓ：大调研，补短板", 1,
     'this line is typed in full width (全角), so YAML does not read it as the field "tags"',
     "switch the input method to half width (半角), write the tags separated by English commas, and type the line "
     "as: " + _AS_LIST),
    (UNIT_PATH, "别名：白鹤，白鹤乡", 3,
     '"别名：" uses a full-width colon (全角冒号 ：), and the field "别名" stands for is "aliases"',
     'type "aliases" and an English colon followed by a space, and write the aliases separated by English commas: '
     "aliases: [白鹤, 白鹤乡]"),
    # A value the field takes as typed is offered as typed: a summary's Chinese commas are its own.
    (PAGE_PATH, "摘要：大调研，补短板", 3,
     '"摘要：" uses a full-width colon (全角冒号 ：), and the field "摘要" stands for is "summary"',
     'type "summary" and an English colon followed by a space: summary: 大调研，补短板'),
])
def test_a_hint_that_gives_a_field_s_line_gives_it_with_every_mending_of_its_value(
        tmp_path: Path, path: str, typed: str, column: int, message: str, hint: str) -> None:
    text = interview(extra=typed + "\n") if path == PAGE_PATH else UNIT.replace("level: town\n",
                                                                                 f"level: town\n{typed}\n")
    root = write_site(tmp_path, {path: text})
    line = text.split("\n").index(typed) + 1
    [problem] = found(root)
    assert (problem.line, problem.column, problem.message, problem.hint) == (line, column, message, hint)
    # Typed as the hint shows it (the line it ends with), the line is right: no error on it, nor anywhere.
    (root / path).write_text(text.replace(typed, re.search(r"[a-z_]+: [^:]*$", hint).group()), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "hint"), [
    # "status: 进行中" was offered: typed as shown, it was refused, one more round later.
    ("status：进行中", "type an English colon followed by a space, and write in_progress for 进行中, which the field "
                    "does not take: status: in_progress"),
    ("状态：进行中", 'type "status" and an English colon followed by a space, and write in_progress for 进行中, which '
                  "the field does not take: status: in_progress"),
    # The label the pages show is taken as typed, and offered so.
    ("status：推进中", "type an English colon followed by a space: status: 推进中"),
])
def test_a_hint_that_gives_a_choice_fields_line_gives_a_value_it_takes(tmp_path: Path, typed: str,
                                                                        hint: str) -> None:
    text = case_study("  - 走访\n", "  - 大调研\n").replace("status: in_progress", typed)
    root = write_site(tmp_path, {CASE_PATH: text})
    [problem] = found(root)
    assert (problem.line, problem.hint) == (4, hint)
    # Typed as the hint shows it (the line it ends with), the page is right.
    (root / CASE_PATH).write_text(text.replace(typed, re.search(r"[a-z_]+: [^:]*$", hint).group()), encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("slip", "told", "mended"), [
    # The first action at the left edge: the others, indented, were read as more of its text.
    ({"  - 走访": "- 走访"}, (7, 1, 'this list item lost its indent (缩进): the items below it ("- 研究建设种植基地") are '
                                  "indented further, so YAML reads them as more of its text, and the page would show "
                                  "them as one item",
                             'indent it by 2 spaces, lined up with "- 研究建设种植基地" below it'), {"- 走访": "  - 走访"}),
    # All but the first typed further in: the first goes in too (the list is then lined up).
    ({"  - 研究": "    - 研究", "  - 计划": "    - 计划"},
     (7, 3, 'this list item lost its indent (缩进): the items below it ("- 研究建设种植基地") are indented further, so YAML '
            "reads them as more of its text, and the page would show them as one item",
      'indent it by 2 more spaces, lined up with "- 研究建设种植基地" below it'), {"  - 走访": "    - 走访"}),
    # One in the middle typed further in, an item below it as far out as the first: it comes out.
    ({"  - 研究": "    - 研究"},
     (8, 5, 'this list item is indented further than "- 走访草莓种业研发中心" above it, so YAML reads it as more of that '
            "item's text, and the page would show them as one item",
      'remove 2 spaces at the start of the line, lined up with "- 走访草莓种业研发中心"'), {"    - 研究": "  - 研究"}),
])
def test_list_items_read_as_more_of_the_text_of_the_item_above_are_errors(
        tmp_path: Path, slip: dict[str, str], told: tuple[int, int, str, str], mended: dict[str, str]) -> None:
    # The page showed one action, "走访草莓种业研发中心 - 研究建设种植基地 - 计划打造龙头企业", and check said nothing.
    page = case_study("  - 走访草莓种业研发中心\n  - 研究建设种植基地\n  - 计划打造龙头企业\n", "  - 大调研\n")
    for typed, instead in slip.items():
        page = page.replace(typed, instead)
    root = write_site(tmp_path, {CASE_PATH: page})
    line, column, message, hint = told
    assert printed(root) == [f"{CASE_PATH}:{line}:{column}: error: {message}\n  hint: {hint}"]
    for typed, instead in mended.items():  # the hint, followed
        page = page.replace(typed, instead)
    (root / CASE_PATH).write_text(page, encoding="utf-8")
    assert printed(root) == []


@pytest.mark.parametrize(("path", "text", "line", "start"), [
    # A blurb's second sentence typed on a line of its own: told to put "# " back, the editor lost it.
    ("content/series/dadiaoyan.yaml", SERIES.replace("大调研。", "大调研。\n敬请关注。"), 3,
     'if it goes on from the value of "blurb:" above, join it to the end of that line; if it is a value of its own'),
    # A summary typed on the line under its field.
    (PAGE_PATH, interview(extra="summary:\n白鹤镇党委书记谈大调研。\n"), 10,
     'if it is the value of "summary:" above, type it after "summary: " on that line; if it is a value of its own'),
])
def test_a_line_of_text_under_a_field_it_may_belong_to_is_told_how_to_join_it(tmp_path: Path, path: str, text: str,
                                                                              line: int, start: str) -> None:
    root = write_site(tmp_path, {path: text})
    [problem] = found(root)
    assert (problem.line, problem.column) == (line, 1)
    assert problem.message.startswith('this line is text, not a field ("name: value")')
    assert problem.hint.startswith(start + ", type its field's name and \": \" before it; if it is a note (说明)")
    joined = text.replace("。\n敬请关注。", "。敬请关注。").replace("summary:\n", "summary: ")  # the hint, followed
    (root / path).write_text(joined, encoding="utf-8")
    assert found(root) == []


EXAMPLE_PAGE = "content/interviews/2018-05-baihe-dadiaoyan.md"
EXAMPLE_CASE = "content/cases/baihe-caomei.md"


@pytest.mark.parametrize("mark", ["：", ":", "；", "、", "，", "——", "（"])
def test_a_value_ending_in_a_mark_that_goes_on_is_first_told_to_join_the_line_below(tmp_path: Path,
                                                                                  mark: str) -> None:
    # "summary: 华新镇党委书记谈大调研：" with the rest of the summary typed at the left edge of the line below
    # was told only to make that line a field or a note (the text then lost), while a value holding a "，" was
    # offered the join; "谈大调研:" was told to quote the value besides, which the join broke again.
    root = copy_example(tmp_path)
    edit_file(root, EXAMPLE_PAGE, "summary: 白鹤镇党委书记谈大调研：截至", f"summary: 白鹤镇党委书记谈大调研{mark}\n截至")
    edit_file(root, EXAMPLE_CASE, "已有30多年历史。调研中", f"已有30多年历史{mark}\n调研中")
    page_rest = "截至4月26日开展调研318批次、收集问题清单296份；镇里正补齐红白事场所、日托中心等民生短板，并计划做大做强白鹤草莓。"
    case_rest = ("调研中，草莓和果蔬企业希望把这一传统优势产业做大、做强、做优、做出特色，建议加大政策扶持和科研投入，推动规模化、"
                 "标准化、品牌化发展。")
    words = "mapping values are not allowed in this context" if mark == ":" else \
        "while scanning a simple key: could not find expected ':'"
    told = ('error: this line is text, not a field ("name: value"), so the fields below it cannot be read (YAML '
            f'parser: {words})\n  hint: if it goes on from the value of "{{key}}:" above, join it to the end of that '
            'line; if it is a value of its own, type its field\'s name and ": " before it; if it is a note (说明), put '
            '"# " back at the start of the line, as a note starts with it (以 # 开头的行是说明): # {rest}')
    assert printed(root) == [f"{EXAMPLE_CASE}:7:1: " + told.format(key="problem", rest=case_rest),
                             f"{EXAMPLE_PAGE}:11:1: " + told.format(key="summary", rest=page_rest)]
    # The hint, followed: the line joined to the end of the one above; every word is published.
    edit_file(root, EXAMPLE_PAGE, f"{mark}\n截至", f"{mark}截至")
    edit_file(root, EXAMPLE_CASE, f"{mark}\n调研中", f"{mark}调研中")
    assert printed(root) == []
    output = build_at(root)
    summary = parse_html(output / "interviews/baihe-dadiaoyan-weifangtan/index.html").find(".//p[@class='lead lines']")
    assert text_of(summary) == f"白鹤镇党委书记谈大调研{mark}{page_rest}"
    problem = parse_html(output / "cases/baihe-caomei/index.html").xpath("//dt[.='问题']/following-sibling::dd[1]")[0]
    assert text_of(problem) == f"白鹤镇是“中国草莓之乡”，草莓种植已有30多年历史{mark}{case_rest}"


def test_text_below_a_value_with_a_note_is_told_to_go_before_the_note(tmp_path: Path) -> None:
    # Joined "to the end of that line", the text went into the note after the value, and was never published.
    text = interview(extra="summary: 白鹤镇党委书记谈大调研：   # 摘要\n截至4月26日收集问题清单296份。\n")
    root = write_site(tmp_path, {PAGE_PATH: text})
    [problem] = found(root)
    assert (problem.line, problem.column) == (10, 1)
    assert problem.hint.startswith('if it goes on from the value of "summary:" above, type it at the end of that '
                                   'value, before its note (" # …"); if it is a value of its own, type its field\'s '
                                   'name and ": " before it; ')
    (root / PAGE_PATH).write_text(text.replace("：   # 摘要\n截至4月26日收集问题清单296份。", "：截至4月26日收集问题清单296份。   # 摘要"),
                                  encoding="utf-8")
    assert found(root) == []


def test_a_field_uncommented_under_a_group_still_commented_is_told_to_uncomment_the_group(tmp_path: Path,
                                                                                        capsys) -> None:
    # "#   email:" uncommented under "# contact:" was told "this line is not lined up with the lines above it",
    # and lining it up made email an unknown field of the site.
    root = tmp_path / "site"
    site, written, as_made = _new_site(root, capsys)
    lines = written.split("\n")
    email = next(n for n, line in enumerate(lines) if line.startswith("#   email:"))
    site.write_text(written.replace("\n#   email:", "\n  email:"), encoding="utf-8")
    assert printed(root) == [
        f'site.yaml:{email + 1}:3: error: this line belongs to "contact:" above, which is still a note (说明): it starts '
        'with "#" (YAML parser: while parsing a block mapping: did not find expected key)\n'
        '  hint: remove the "# " at the start of the line of "contact:" too: contact:   # 联系方式，显示在“无障碍说明”和“关于数据”页 '
        "how readers reach the publisher"]
    site.write_text(written.replace("\n#   email:", "\n  email:").replace("\n# contact:", "\ncontact:"),
                    encoding="utf-8")  # the hint, followed
    assert printed(root) == as_made


def test_a_field_of_the_page_typed_in_a_group_is_told_to_come_out_not_to_be_removed(tmp_path: Path) -> None:
    # "  draft: true" typed under source: was told "remove it": deleting it published the draft.
    extra = "source:\n  publisher: 上海热线新闻网\n  url: http://www.shcafe.org/shzxxw/120946.html\n  draft: true\n"
    root = write_site(tmp_path / "site", {"content/interviews/baihe.md": interview(extra=extra)})
    assert printed(root) == [
        'content/interviews/baihe.md:12:3: error: unknown field "draft" in source (it is a field of the file\'s own, '
        "typed further in than the file's other fields)\n"
        '  hint: delete the spaces at the start of its line, so that "draft:" stands at the left edge, as the '
        "file's other fields do"]
    mended = write_site(tmp_path / "mended", {"content/interviews/baihe.md": interview(
        extra=extra.replace("  draft: true", "draft: true"))})
    assert printed(mended) == []


def test_a_slug_typed_in_chinese_is_told_to_go_and_the_title_gives_the_address(tmp_path: Path) -> None:
    # The hint was "e.g. slug: baihe-dadiaoyan", the bundled example's slug: typed so, it published the page at
    # that address. Without the line, the address is the file name, or the title's pinyin.
    root = write_site(tmp_path, {PAGE_PATH: interview("网格员的一天", extra="slug: 网格员的一天\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:7: error: slug: "网格员的一天" may only contain a-z, 0-9 and "-"\n'
        '  hint: use lower-case letters a-z, digits and "-" only, or delete the line: the page\'s address is then its '
        "file name, or its title in pinyin (拼音)"]
    (root / PAGE_PATH).write_text(interview("网格员的一天"), encoding="utf-8")
    assert printed(root) == []
    build_at(root)
    assert (root / "output/interviews/baihe/index.html").is_file()  # the file name, baihe.md
    (root / PAGE_PATH).rename(root / "content/interviews/网格员的一天.md")
    build_at(root)
    assert (root / "output/interviews/wang-ge-yuan-de-yi-tian/index.html").is_file()


WINDOWS_DEVICE = ('{at}: error: slug: "{slug}" is a name Windows keeps for a device ({device}: Windows 保留名), so '
                  "Windows cannot hold a folder of that name, and the site could not be copied or published there\n"
                  "  hint: add a word or a number to it, e.g. slug: {safe}")


@pytest.mark.parametrize(("slug", "device", "safe"), [("con", "CON", "con-1"), ("nul", "NUL", "nul-1"),
                                                      ("aux", "AUX", "aux-1"), ("prn", "PRN", "prn-1"),
                                                      ("com1", "COM1", "com1-1"), ("lpt9", "LPT9", "lpt9-1"),
                                                      ("com0", "COM0", "com0-1")])
def test_a_slug_windows_keeps_for_a_device_is_an_error_with_a_slug_to_type(tmp_path: Path, slug: str, device: str,
                                                                          safe: str) -> None:
    # Published as output/interviews/con/, a folder Windows can neither create nor copy.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"slug: {slug}\n")})
    assert printed(root) == [WINDOWS_DEVICE.format(at=f"{PAGE_PATH}:9:7", slug=slug, device=device, safe=safe)]
    (root / PAGE_PATH).write_text(interview(extra=f"slug: {safe}\n"), encoding="utf-8")
    assert printed(root) == []
    build_at(root)
    assert (root / f"output/interviews/{safe}/index.html").is_file()


def test_a_slug_typed_in_capitals_is_offered_one_windows_can_hold(tmp_path: Path) -> None:
    # "e.g. slug: con", typed as shown, was the next error.
    root = write_site(tmp_path, {PAGE_PATH: interview(extra="slug: CON\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:7: error: slug: "CON" may only contain a-z, 0-9 and "-"\n'
        '  hint: use lower-case letters a-z, digits and "-" only, e.g. slug: con-1']
    (root / PAGE_PATH).write_text(interview(extra="slug: con-1\n"), encoding="utf-8")
    assert printed(root) == []


def test_an_old_address_windows_cannot_hold_is_an_error_at_the_alias(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra="aliases: [/old/a/, /Con/, /old/nul.html]\n")})
    told = ('error: aliases → item {n}: "{path}" holds "{part}", a name Windows keeps for a device ({device}: '
            "Windows 保留名), so Windows cannot hold the redirect page's folder or file, and the site could not be "
            "copied or published there\n  hint: delete it from aliases (the old address then shows the site's 404 "
            "page), or have the web server redirect it to the page")
    assert printed(root) == [
        f"{PAGE_PATH}:9:20: " + told.format(n=2, path="/Con/", part="Con", device="CON"),
        f"{PAGE_PATH}:9:27: " + told.format(n=3, path="/old/nul.html", part="nul.html", device="NUL")]


def test_a_byline_or_subtitle_typed_as_a_field_is_told_where_to_write_it_not_to_remove_it(tmp_path: Path) -> None:
    # "unknown field "author" … remove it, or use one of: updated, draft, aliases": the byline was lost.
    page = interview(extra="author: 记者 王芳\n记者: 张三\nsubtitle: 补好短板发挥优势\n", body="## 问题一\n\n回答。\n")
    root = write_site(tmp_path, {PAGE_PATH: page})
    credit = "a page has no field for who wrote it, so it would not be shown"
    assert printed(root) == [
        f'{PAGE_PATH}:9:1: error: unknown field "author": {credit}\n'
        "  hint: write it as the last line of the page's text, e.g. （记者 王芳）, and delete this line",
        f'{PAGE_PATH}:10:1: error: unknown field "记者": {credit}\n'
        "  hint: write it as the last line of the page's text, e.g. （记者 张三）, and delete this line",
        f'{PAGE_PATH}:11:1: error: unknown field "subtitle": a page has no field for a subtitle, so it would not be '
        "shown\n  hint: write it in the title after a full-width colon, e.g. title: 白鹤镇访谈：补好短板发挥优势, or as "
        "the first line of the page's text; then delete this line"]
    write_site(tmp_path, {PAGE_PATH: interview("白鹤镇访谈：补好短板发挥优势", body="## 问题一\n\n回答。\n\n（记者 王芳）\n")})
    assert printed(root) == []
    shown = parse_html(build_at(root) / "interviews/baihe/index.html")
    assert text_of(shown.cssselect("h1")[0]) == "白鹤镇访谈：补好短板发挥优势"
    assert text_of(shown.cssselect(".body p")[-1]) == "（记者 王芳）"


@pytest.mark.parametrize(("typed", "hint"), [
    # Told "/interviews/{slug}/" for every collection: followed for cases, two collections shared a folder.
    ("/anli/{title}/", 'write "/anli/{slug}/" ({slug} is the page\'s own part of the address, the only name in '
                       "braces a pattern may hold)"),
    ("anli/{slug}", 'write "/anli/{slug}/"'),
    ("/anli/", 'write "/anli/{slug}/"'),
])
def test_a_permalink_pattern_without_its_slashes_or_slug_is_mended_in_the_hint(tmp_path: Path, typed: str,
                                                                               hint: str) -> None:
    config = f"title: 测试站点\nbase_url: https://example.org/\npermalinks:\n  cases: {typed}\n"
    root = write_site(tmp_path, {PAGE_PATH: interview()}, config=config)
    assert printed(root) == [
        f'site.yaml:4:10: error: permalinks → cases: the permalink pattern "{typed}" must start and end with "/" and '
        f"contain {{slug}}\n  hint: {hint}"]
    mended = re.search(r'"(/[^"]*)"', hint).group(1)  # type: ignore[union-attr]
    write_site(tmp_path, {}, config=config.replace(typed, mended))
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "half"), [("/anli/｛slug｝/", "/anli/{slug}/"), ("／anli／{slug}／", "/anli/{slug}/")])
def test_a_permalink_pattern_typed_in_full_width_is_offered_in_half_width(tmp_path: Path, typed: str,
                                                                          half: str) -> None:
    # Told to write "/anli/｛slug｝/{slug}/": the full-width braces kept, a {slug} added, refused again.
    config = f"title: 测试站点\nbase_url: https://example.org/\npermalinks:\n  cases: {typed}\n"
    root = write_site(tmp_path, {PAGE_PATH: interview()}, config=config)
    assert printed(root) == [
        f'site.yaml:4:10: error: permalinks → cases: the permalink pattern "{typed}" is typed with full-width signs '
        f'(全角)\n  hint: write "{half}", typed in half width (半角)']
    write_site(tmp_path, {}, config=config.replace(typed, half))
    assert printed(root) == []


def test_a_permalink_folder_windows_cannot_hold_is_an_error_in_site_yaml(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview()},
                      config="title: 测试站点\nbase_url: https://example.org/\npermalinks:\n  cases: /lpt1/{slug}/\n")
    assert printed(root) == [
        'site.yaml:4:10: error: permalinks → cases: the permalink pattern "/lpt1/{slug}/" puts pages in a folder '
        'named "lpt1", a name Windows keeps for a device (LPT1: Windows 保留名), so Windows cannot hold that folder, and '
        "the site could not be copied or published there\n"
        '  hint: add a word or a number to it, e.g. "/lpt1-1/{slug}/"']


_JOB = "中共重固镇党委书记"
_IN_GROUPS = {
    # group lines typed, the line followed, the problem printed (line:column: message, hint)
    "title for role": (
        f"  name: 受访人\n  title: {_JOB}\n", f"  name: 受访人\n  role: {_JOB}\n",
        '7:3: error: unknown field "title" in interviewee (did you mean "role", the job title (职务)?)\n'
        '  hint: rename it to "role"'),
    "title beside role": (
        f"  name: 受访人\n  role: 党委书记\n  title: {_JOB}\n", f"  name: 受访人\n  role: {_JOB}\n",
        '8:3: error: unknown field "title" in interviewee (here it means "role", the job title (职务), which is '
        'typed already, on line 7)\n'
        '  hint: keep the one meant after "role:" on line 7, and delete this line'),
}


@pytest.mark.parametrize("slip", _IN_GROUPS)
def test_title_typed_in_interviewee_is_the_job_title_not_the_page_title(tmp_path: Path, slip: str) -> None:
    # "  title: 中共重固镇党委书记" was told to come out to the left edge: there it typed the page's title twice, and
    # the editor deleted the page's real title.
    typed, followed, told = _IN_GROUPS[slip]
    page = interview().replace("  name: 受访人\n  role: 党委书记\n", typed)
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [f"{PAGE_PATH}:{told}"]
    (root / PAGE_PATH).write_text(interview().replace("  name: 受访人\n  role: 党委书记\n", followed),
                                  encoding="utf-8")
    assert printed(root) == []


def test_title_in_interviewee_without_a_page_title_is_told_both_readings(tmp_path: Path) -> None:
    # With no "title:" at the left edge, the line may be the page's title typed too far in: both fixes are named.
    page = interview().replace("title: 白鹤镇访谈\n", "").replace("  role: 党委书记", "  title: 白鹤镇访谈")
    root = write_site(tmp_path, {PAGE_PATH: page})
    assert printed(root) == [
        f'{PAGE_PATH}:2:1: error: the field "title" is missing\n  hint: add a line "title: …", e.g. title: 白鹤镇访谈',
        f'{PAGE_PATH}:6:3: error: unknown field "title" in interviewee (did you mean "role", the job title (职务)? '
        "or is it the file's own \"title\", typed further in than the file's other fields?)\n"
        '  hint: rename it to "role"; or, if it is the file\'s own title, delete the spaces at the start of its line, '
        'so that "title:" stands at the left edge']
    # With the job title typed, the line is the page's title: it comes out to the left edge.
    page = interview().replace("title: 白鹤镇访谈\n", "").replace("  role: 党委书记", "  role: 党委书记\n  title: 白鹤镇访谈")
    (root / PAGE_PATH).write_text(page, encoding="utf-8")
    assert printed(root)[1] == (
        f'{PAGE_PATH}:7:3: error: unknown field "title" in interviewee (it is a field of the file\'s own, typed '
        "further in than the file's other fields)\n"
        '  hint: delete the spaces at the start of its line, so that "title:" stands at the left edge, as the '
        "file's other fields do")


@pytest.mark.parametrize(("typed", "field", "holds", "extra"), [
    ("  name: 上海热线新闻网\n", "publisher", "the name of the publisher (发布机构)", "source:\n"),
    ("  名称: 上海热线新闻网\n", "publisher", "the name of the publisher (发布机构)", "source:\n"),
    ("    title: 白鹤草莓基地\n", "caption", "the words shown with the picture (图注)",
     "images:\n  - src: images/a.svg\n    alt: 草莓大棚\n")])
def test_a_key_that_names_a_field_of_its_group_is_told_to_be_renamed_to_it(
        tmp_path: Path, typed: str, field: str, holds: str, extra: str) -> None:
    # "name:" under source: was told to be renamed to "title" (the original's title), and publisher stayed missing;
    # an image's "title:" was told to come out to the left edge, where it typed the page's title twice.
    key = typed.split(":")[0].strip()
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=extra + typed), "content/images/a.svg": "<svg/>"})
    group = "source" if extra == "source:\n" else "images → item 1"
    line, column = (10, 3) if group == "source" else (12, 5)
    assert printed(root) == [
        f'{PAGE_PATH}:{line}:{column}: error: unknown field "{key}" in {group} (did you mean "{field}", {holds}?)\n'
        f'  hint: rename it to "{field}"']
    (root / PAGE_PATH).write_text(interview(extra=extra + typed.replace(f"{key}:", f"{field}:")), encoding="utf-8")
    assert printed(root) == []


_NEW_TALLY = ("  - as_of: 2018-05-20\n    batches: 320\n    collected: 310\n    escalated: 150\n    resolved: 110\n"
              "    in_progress: 50\n")
_TARGETS = "targets:\n  - group: residents\n    target: 80\n"
_MILESTONES = "milestones:\n  - date: 2018-01-10\n    title: 成立大调研工作领导小组\n"


def test_a_units_figures_and_a_series_blurb_typed_in_a_page_are_told_which_file_holds_them(tmp_path: Path) -> None:
    # "tallies:", "targets:", "milestones:" and "blurb:" typed in an interview were each "unknown field … hint:
    # remove it, or use one of: …": the editor deleted the figures.
    extra = f"tallies:\n{_NEW_TALLY}{_TARGETS}{_MILESTONES}blurb: 各镇和委办局负责人谈大调研。\n"
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=extra)})
    unit_file = "content/units/baihe.yaml"
    field = 'is a field of a unit (单位), typed in its file, content/units/baihe.yaml, not in the front matter of an ' \
            'interview (访谈)'
    items = ('below its last item, with the "-" lined up with the "-" of the items above; the values stay as '
             "typed")
    assert printed(root) == [
        f'{PAGE_PATH}:9:1: error: "tallies" (调研数据) {field}\n'
        f'  hint: move these lines (9 to 15) to the end of {unit_file}; if that file has a "tallies:" line already, '
        f"move only lines 10 to 15 (the items), {items}",
        f'{PAGE_PATH}:16:1: error: "targets" (覆盖目标) {field}\n'
        f'  hint: move these lines (16 to 18) to the end of {unit_file}; if that file has a "targets:" line already, '
        f"move only lines 17 to 18 (the items), {items}",
        f'{PAGE_PATH}:19:1: error: "milestones" (大事记) {field}\n'
        f'  hint: move these lines (19 to 21) to the end of {unit_file}; if that file has a "milestones:" line '
        f"already, move only lines 20 to 21 (the items), {items}",
        f'{PAGE_PATH}:22:1: error: "blurb" (栏目介绍) is a field of a series (栏目), typed in its file, '
        "content/series/dadiaoyan.yaml, not in the front matter of an interview (访谈)\n"
        '  hint: move this line (22) to content/series/dadiaoyan.yaml; if that file has a "blurb:" line already, '
        "keep the one meant"]
    # The hints, followed: the unit has tallies (its items go below them), no targets nor milestones; the series
    # has a blurb, and the one meant is its own.
    (root / PAGE_PATH).write_text(interview(), encoding="utf-8")
    (root / unit_file).write_text(UNIT + _NEW_TALLY + _TARGETS + _MILESTONES, encoding="utf-8")
    assert printed(root) == []
    assert "2018-05-20" in (root / unit_file).read_text(encoding="utf-8")


def test_a_units_figures_typed_in_a_case_study_under_a_chinese_name_are_told_their_file(tmp_path: Path) -> None:
    # Typed as the label sitegen new writes beside the field, and in a page whose unit: is no id.
    page = case_study("  - 走访草莓种业研发中心\n", "  - 草莓\n").replace("unit: baihe", "unit: 白鹤镇")
    page = page.replace("---\n\n", f"调研数据:\n{_NEW_TALLY}---\n\n")
    root = write_site(tmp_path, {CASE_PATH: page})
    # Its unit: (a name, not the id) is told in the same run, with the id to write.
    assert printed(root)[0].startswith(f'{CASE_PATH}:3:7: error: there is no unit "白鹤镇"')
    assert printed(root)[0].endswith("unit: baihe")
    assert printed(root)[1] == (
        f'{CASE_PATH}:11:1: error: "调研数据" (tallies) is a field of a unit (单位), typed in its file in '
        "content/units/, not in the front matter of a case study (案例)\n"
        "  hint: move these lines (11 to 17) to the end of the unit's file in content/units/ (its name without "
        '.yaml is the unit\'s id, which "unit:" takes), the first written "tallies:"; if that file has a '
        '"tallies:" line already, move only lines 12 to 17 (the items), below its last item, with the "-" lined '
        'up with the "-" of the items above; the values stay as typed')


# -- control characters pasted from Word ---------------------------------------------------------

def test_a_line_break_made_in_word_is_told_at_each_line_and_published_as_a_new_line(tmp_path: Path) -> None:
    # Word's Shift+Enter (U+000B) was published as 甲�乙 in the page and the feeds, and told once a file
    # ("baihe.md:13: … was replaced by �"), with no column and no word of what it was.
    body = "## 问题一\n\n甲\v乙\n丙\v丁\n戊\v己\n"
    root = write_site(tmp_path, {PAGE_PATH: interview(body=body)})
    assert printed(root) == [
        f"{PAGE_PATH}:{line}:2: warning: a line break made in Word with Shift+Enter (手动换行符, U+000B) is in this "
        "line, where it shows nothing: the page starts a new line in its place\n"
        f'  hint: delete it (it stands between "{before}" and "{after}") and press Enter in its place to start the '
        "new line, or only delete it"
        for line, before, after in ((13, "甲", "乙"), (14, "丙", "丁"), (15, "戊", "己"))]
    output = build_at(root)
    published = [path.read_text(encoding="utf-8") for path in (*output.glob("interviews/*/index.html"),
                                                                 output / "feed.xml")]
    assert all("\ufffd" not in text and "\v" not in text for text in published)
    assert "<p>甲<br>\n乙<br>\n丙<br>\n丁<br>\n戊<br>\n己</p>" in published[0]
    assert "&lt;p&gt;甲&lt;br&gt;\n乙&lt;br&gt;" in published[1]  # the feed's entry holds the page's HTML
    (root / PAGE_PATH).write_text(interview(body=body.replace("\v", "\n")), encoding="utf-8")
    assert printed(root) == []
    output = build_at(root)
    assert [path.read_text(encoding="utf-8") for path in (*output.glob("interviews/*/index.html"),
                                                          output / "feed.xml")] == published


def test_a_line_break_made_in_word_in_a_field_is_an_error_that_names_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview("白鹤镇\v访谈"),
                                 UNIT_PATH: UNIT.replace("level: town", "level: town\nblurb: 甲\f乙")})
    hint = "  hint: delete it (it often comes from text copied from a web page or Word)"
    assert printed(root) == [
        f"{PAGE_PATH}:2:11: error: a line break made in Word with Shift+Enter (手动换行符, U+000B) is in the text; "
        f"YAML cannot keep it\n{hint}",
        f"{UNIT_PATH}:3:9: error: a page break from Word or a PDF (分页符, U+000C) is in the text; YAML cannot keep "
        f"it\n{hint}"]


# -- a source typed with its web address in the publisher's name ---------------------------------------

_SOURCE_URL = "http://www.shcafe.org/shzxxw/120946.html"
_SOURCE_LINES = f"source:\n  publisher: 上海热线新闻网\n  url: {_SOURCE_URL}\n"


def _source_published(root: Path) -> None:
    """Assert the interview at `PAGE_PATH` shows 上海热线新闻网 as its source, linked to `_SOURCE_URL`, and names
    it alone as the author in its JSON-LD."""
    page = parse_html(build_at(root) / "interviews/baihe/index.html")
    [aside] = page.cssselect("aside.source")
    assert aside.xpath("./p[1]/text()") == ["来源：上海热线新闻网"]
    assert [a.get("href") for a in aside.cssselect("a")] == [_SOURCE_URL]
    [article] = [data for data in json_ld_of(page) if "author" in data]
    assert article["author"]["name"] == "上海热线新闻网"


@pytest.mark.parametrize("gap", [" ", "\u3000", "：", ":"])
def test_a_source_typed_as_a_name_and_an_address_is_offered_publisher_and_url_lines(tmp_path: Path, gap: str) -> None:
    # Was: 'write publisher: lines below it, each indented with two spaces: "  publisher: 上海热线新闻网 http://…"':
    # followed, the page showed the address as part of the publisher's name, unlinked.
    typed = f"上海热线新闻网{gap}{_SOURCE_URL}"
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"source: {typed}\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:9: error: "source" should be a group of fields (key: value lines), not "{typed}"\n'
        "  hint: write publisher: and url: lines below it, each indented with two spaces: "
        f'"  publisher: 上海热线新闻网", then "  url: {_SOURCE_URL}"']
    write_site(root, {PAGE_PATH: interview(extra=_SOURCE_LINES)})
    assert printed(root) == []
    _source_published(root)


def test_a_source_typed_as_a_name_colon_space_and_an_address_is_offered_publisher_and_url_lines(
        tmp_path: Path) -> None:
    # Was: 'the value contains ": "', 'wrap the whole value in quotes: source: "上海热线新闻网: http://…"': quoted, it
    # was told to be a group of fields next.
    typed = f"上海热线新闻网: {_SOURCE_URL}"
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"source: {typed}   # 来源\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:9:9: error: "source" should be a group of fields (key: value lines), not "{typed}" (YAML '
        "parser: mapping values are not allowed in this context)\n"
        "  hint: write publisher: and url: lines below it, each indented with two spaces: "
        f'"  publisher: 上海热线新闻网", then "  url: {_SOURCE_URL}"']
    write_site(root, {PAGE_PATH: interview(extra=_SOURCE_LINES)})
    assert printed(root) == []
    _source_published(root)


@pytest.mark.parametrize(("typed", "hint"), [
    (f"source:\n  publisher: 上海热线新闻网 {_SOURCE_URL}\n",
     "write the name alone after publisher:, and the address on a line of its own below it: "
     f'"  publisher: 上海热线新闻网", then "  url: {_SOURCE_URL}"'),
    (f"source:\n  publisher: 上海热线新闻网：{_SOURCE_URL}\n  url: {_SOURCE_URL}\n",
     'delete the address from the publisher\'s name, as url: gives it: "  publisher: 上海热线新闻网"'),
    (f"source:\n  publisher: 上海热线新闻网 {_SOURCE_URL}\n  url: http://www.shcafe.org/\n",
     'delete the address from the publisher\'s name: "  publisher: 上海热线新闻网"; if it is the source\'s address, '
     f'not the one url: gives, write it after url: in its place: "  url: {_SOURCE_URL}"'),
])
def test_a_publisher_holding_the_address_is_warned_with_the_lines_that_link_it(
        tmp_path: Path, typed: str, hint: str) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=typed)})
    publisher = typed.splitlines()[1].split(": ", 1)[1]
    assert printed(root) == [
        f'{PAGE_PATH}:10:14: warning: source → publisher: "{publisher}" holds the web address of the source, so the '
        f"page shows it as part of the publisher's name, not as a link\n  hint: {hint}"]
    write_site(root, {PAGE_PATH: interview(extra=_SOURCE_LINES)})
    assert printed(root) == []
    _source_published(root)


def test_a_publisher_typed_as_the_address_alone_is_told_to_name_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PAGE_PATH: interview(extra=f"source:\n  publisher: {_SOURCE_URL}\n")})
    assert printed(root) == [
        f'{PAGE_PATH}:10:14: warning: source → publisher: "{_SOURCE_URL}" holds the web address of the source, so '
        "the page shows it as the publisher's name, not as a link\n  hint: write the publisher's name (发布机构) in "
        f'place of the …, and the address on a line of its own below it: "  publisher: …", then "  url: {_SOURCE_URL}"']


# -- a note typed after a full-width space ------------------------------------------------------

def test_a_note_typed_after_a_full_width_space_is_warned_and_the_hint_followed_publishes_the_value_alone(
        tmp_path: Path) -> None:
    # "role: 党委书记　#待核实" (a Chinese input method's space) published "党委书记　#待核实" on the page, and a unit's
    # "summary: …　# 备注" in the open data too.
    page = interview().replace("role: 党委书记", "role: 党委书记　#待核实")
    unit = UNIT.replace("level: town\n", "level: town\nsummary: 居民很满意。　# 备注\n")
    root = write_site(tmp_path, {PAGE_PATH: page, UNIT_PATH: unit})
    assert printed(root) == [
        f'{PAGE_PATH}:7:14: warning: the note "#待核实" is published as text, because of the full-width space (全角空格) '
        'before it: YAML reads an ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
        '"党委书记　#待核实"\n'
        "  hint: type the space before the # as an ordinary space (半角), not a full-width one: role: 党委书记   # 待核实; "
        'if the # belongs to the text, wrap the whole value in quotes: role: "党委书记　#待核实"',
        f'{UNIT_PATH}:3:17: warning: the note "# 备注" is published as text, because of the full-width space (全角空格) '
        'before it: YAML reads an ordinary "#" after an ordinary space as the start of a note (注释), so the page shows '
        '"居民很满意。　# 备注"\n'
        "  hint: type the space before the # as an ordinary space (半角), not a full-width one: summary: 居民很满意。   "
        '# 备注; if the # belongs to the text, wrap the whole value in quotes: summary: "居民很满意。　# 备注"']
    # The lines of the hints typed in place of the lines: nothing to tell, and the notes are notes.
    (root / PAGE_PATH).write_text(page.replace("role: 党委书记　#待核实", "role: 党委书记   # 待核实"), encoding="utf-8")
    (root / UNIT_PATH).write_text(unit.replace("summary: 居民很满意。　# 备注", "summary: 居民很满意。   # 备注"),
                                  encoding="utf-8")
    assert printed(root) == []
    output = build_at(root)
    shown = (output / "interviews/baihe/index.html").read_text(encoding="utf-8")
    assert "党委书记" in shown and "待核实" not in shown
    units = json.loads((output / "data/units.json").read_text(encoding="utf-8"))
    assert "备注" not in json.dumps(units, ensure_ascii=False) and "居民很满意。" in json.dumps(units, ensure_ascii=False)


# -- a field name typed without its ":" -------------------------------------------------------

SOURCED = interview(extra="source\n  publisher: 青浦区融媒体中心\n  title: 白鹤镇微访谈\n")
"""An interview whose ``source:`` lost its colon (line 9)."""


@pytest.mark.parametrize(("rel", "text", "at", "key", "line", "page", "shown"), [
    (PAGE_PATH, SOURCED, (9, 7), "source", "source:", "interviews/baihe/index.html", "青浦区融媒体中心"),
    (PAGE_PATH, interview().replace("interviewee:", "interviewee   # 受访人"), (5, 12), "interviewee",
     "interviewee: # 受访人", "interviews/baihe/index.html", "党委书记"),
    (PAGE_PATH, interview(extra="images\n  - src: images/a.svg\n    alt: 草莓\n"), (9, 7), "images", "images:",
     "interviews/baihe/index.html", 'alt="草莓"'),
    (UNIT_PATH, UNIT.replace("tallies:", "tallies"), (4, 8), "tallies", "tallies:", "units/baihe/index.html", "318"),
    (UNIT_PATH, UNIT + "milestones\n  - date: 2018-01-12\n    title: 成立领导小组\n", (11, 11), "milestones",
     "milestones:", "units/baihe/index.html", "成立领导小组"),
    (UNIT_PATH, UNIT + "targets\n  - group: residents\n    target: 80\n", (11, 8), "targets", "targets:",
     "units/baihe/index.html", "80"),
])
def test_a_group_field_typed_without_its_colon_gets_the_line_with_it(
        tmp_path: Path, rel: str, text: str, at: tuple[int, int], key: str, line: str, page: str, shown: str) -> None:
    # Told "this line is text, not a field … put "# " back at the start of the line": followed, the group was a
    # note, and the source (or the tallies) left the site with no error.
    root = write_site(tmp_path, {rel: text, "content/images/a.svg": SVG})
    assert printed(root) == [
        f"{rel}:{at[0]}:{at[1]}: error: \"{key}\" is a field, but the \":\" after it is missing (YAML parser: while "
        "scanning a simple key: could not find expected ':')\n"
        f'  hint: type ":" after "{key}", typing this line in place of this one: "{line}"']
    typed_in(root, rel, at[0], line)
    assert printed(root) == []
    assert shown in (build_at(root) / page).read_text(encoding="utf-8")


@pytest.mark.parametrize(("rel", "text", "at", "key", "line", "page", "shown"), [
    (PAGE_PATH, interview().replace("title: 白鹤镇访谈", "title 重固镇微访谈"), (2, 6), "title", "title: 重固镇微访谈",
     "interviews/baihe/index.html", "重固镇微访谈"),
    (PAGE_PATH, "---\nsource\n  publisher: 青浦区融媒体中心\n" + interview()[4:], (2, 7), "source", "source:",
     "interviews/baihe/index.html", "青浦区融媒体中心"),
    (UNIT_PATH, UNIT.replace("name: 白鹤镇", "name 白鹤镇"), (1, 5), "name", "name: 白鹤镇", "units/baihe/index.html",
     "白鹤镇"),
    (UNIT_PATH, "# 白鹤镇\n" + UNIT.replace("name: 白鹤镇", "name\u3000白鹤镇"), (2, 5), "name", "name: 白鹤镇",
     "units/baihe/index.html", "白鹤镇"),
    (UNIT_PATH, UNIT.replace("  - as_of:", "  - as_of"), (5, 10), "as_of", "  - as_of: 2018-04-26",
     "units/baihe/index.html", "318"),
    ("content/series/dadiaoyan.yaml", SERIES.replace("title:", "title"), (1, 6), "title", "title: 大调研微访谈",
     "series/dadiaoyan/index.html", "大调研微访谈"),
])
def test_the_first_field_of_a_file_or_item_typed_without_its_colon_gets_the_line_with_it(
        tmp_path: Path, rel: str, text: str, at: tuple[int, int], key: str, line: str, page: str, shown: str) -> None:
    # The first line, read as a text going on into the field below, was told "this line is text, not a field".
    root = write_site(tmp_path, {rel: text})
    [told] = printed(root)
    wide = ", and a full-width space (全角空格) is typed in its place" if "\u3000" in text else ""
    how = (f'replace the space after "{key}" with ":" and an ordinary space' if wide
           else f'type ":" and an ordinary space after "{key}"' if line != f"{key}:" else f'type ":" after "{key}"')
    assert told == (f'{rel}:{at[0]}:{at[1]}: error: "{key}" is a field, but the ":" after it is missing{wide} (YAML '
                    "parser: mapping values are not allowed in this context)\n"
                    f'  hint: {how}, typing this line in place of this one: "{line}"')
    typed_in(root, rel, at[0], line)
    assert printed(root) == []
    assert shown in (build_at(root) / page).read_text(encoding="utf-8")


def test_a_word_alone_that_is_no_field_keeps_the_hint_of_a_line_of_text(tmp_path: Path) -> None:
    page = interview(extra="sources\n  publisher: 青浦区融媒体中心\n")
    assert printed(write_site(tmp_path, {PAGE_PATH: page}))[0].startswith(
        f'{PAGE_PATH}:9:1: error: this line is text, not a field ("name: value")')


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def typed_in(root: Path, rel: str, number: int, line: str) -> None:
    """Type ``line`` in place of the 1-based line ``number`` of the site file ``rel``, as a hint says."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = line
    path.write_text("\n".join(lines), encoding="utf-8")


# -- a field typed further in than the field above it --------------------------------------------

TOO_FAR = ' (YAML parser: mapping values are not allowed in this context)'


@pytest.mark.parametrize(("rel", "text", "at", "message", "hint", "typed", "page", "shown"), [
    (PAGE_PATH, interview().replace("  role:", "    role:"), 7,
     '"role:" is indented (缩进) further than "name:" above it, so it is read as part of the value of "name:"',
     'delete 2 spaces at its start, lined up with "name:" above it, typing this line in place of this one: '
     '"  role: 党委书记"', ["  role: 党委书记"], "interviews/baihe/index.html", "党委书记"),
    (UNIT_PATH, UNIT.replace("    collected:", "      collected:"), 7,
     '"collected:" is indented (缩进) further than "batches:" above it, so it is read as part of the value of '
     '"batches:"',
     'delete 2 spaces at its start, lined up with "batches:" above it, typing this line in place of this one: '
     '"    collected: 296"', ["    collected: 296"], "units/baihe/index.html", "296"),
    (PAGE_PATH, interview(extra="  summary: 重固镇谈大调研。\n"), 9,
     '"summary:" is indented (缩进) further than "date:" above it, so it is read as part of the value of "date:"',
     'delete 2 spaces at its start, lined up with "date:" above it, typing this line in place of this one: '
     '"summary: 重固镇谈大调研。"', ["summary: 重固镇谈大调研。"], "interviews/baihe/index.html", "重固镇谈大调研。"),
    (PAGE_PATH, interview(extra="source:\n  publisher: 青浦区融媒体中心\n      title: 原文\n      url: https://a.org/\n"),
     11, '"title:" is indented (缩进) further than "publisher:" above it, so it is read as part of the value of '
     '"publisher:"',
     'delete 4 spaces at the start of this line and the 1 line below it, lined up with "publisher:" above it, '
     'typing these 2 lines in place of them: "  title: 原文", "  url: https://a.org/"',
     ["  title: 原文", "  url: https://a.org/"], "interviews/baihe/index.html", "https://a.org/"),
])
def test_a_field_indented_too_far_gets_the_line_lined_up_not_quotes(
        tmp_path: Path, rel: str, text: str, at: int, message: str, hint: str, typed: list[str], page: str,
        shown: str) -> None:
    # "line up this key …, or wrap the value above in quotes": the quotes mended nothing, and the line to type was
    # not given; "  summary:" under "date:" was told that date: lost its indent, into interviewee:.
    root = write_site(tmp_path, {rel: text})
    assert printed(root) == [f"{rel}:{at}:1: error: {message}{TOO_FAR}\n  hint: {hint}"]
    for offset, line in enumerate(typed):
        typed_in(root, rel, at + offset, line)
    assert printed(root) == []
    assert shown in (build_at(root) / page).read_text(encoding="utf-8")


# -- a yes/no field with another word ---------------------------------------------------------

@pytest.mark.parametrize(("path", "typed", "line"), [(PAGE_PATH, "发布", 9), (PAGE_PATH, "1", 9), (CASE_PATH, "草稿", 9)])
@pytest.mark.parametrize("meant", ["false", "否", "true", "是"])
def test_a_draft_typed_with_another_word_is_told_which_value_publishes(tmp_path: Path, path: str, typed: str,
                                                                       line: int, meant: str) -> None:
    # "write true or false (是 or 否)" did not say which one publishes the page.
    page = (interview(extra=f"draft: {typed}\n") if path == PAGE_PATH
            else case_study("  - 走访\n", "  - 大调研\n").replace("date: 2018-05-03\n", f"date: 2018-05-03\ndraft: {typed}\n"))
    root = write_site(tmp_path, {path: page})
    assert printed(root) == [
        f'{path}:{line}:8: error: draft: "{typed}" is not true or false\n'
        "  hint: write draft: false (否) to publish the page, or draft: true (是) to keep it unpublished"]
    typed_in(root, path, line, f"draft: {meant}")  # either line the hint gives
    assert printed(root) == []
    output = build_at(root)
    published = (output / ("interviews/baihe" if path == PAGE_PATH else "cases/caomei") / "index.html").exists()
    assert published == (meant in ("false", "否"))


@pytest.mark.parametrize(("field", "shown", "line"), [
    ("date", "in the form date: YYYY-MM-DD HH:MM (年-月-日 时:分)", "date: 2018-05-03 10:00"),
    ("title", "e.g. title: 白鹤镇访谈", "title: 白鹤镇访谈")])
def test_a_missing_field_is_given_a_line_that_types_it(tmp_path: Path, field: str, shown: str, line: str) -> None:
    # 'add a line "date: …"' left the form unsaid: 2018年5月3日, 5/3 or a date alone were all guesses. A date is
    # given as its form, never as an example date, which typed as shown would publish a moment nobody chose.
    text = "\n".join(row for row in interview().split("\n") if not row.startswith(f"{field}: "))
    root = write_site(tmp_path, {PAGE_PATH: text})
    assert [p.format() for p in found(root)] == [f'{PAGE_PATH}:2:1: error: the field "{field}" is missing\n'
                                                 f'  hint: add a line "{field}: …", {shown}']
    if "YYYY" in shown:  # the form typed as shown is refused, not published
        root.joinpath(PAGE_PATH).write_text(text.replace("---\n", f"---\n{shown.split(' ', 3)[3]}\n", 1),
                                            encoding="utf-8")
        assert [p.message for p in found(root)] != []
    root.joinpath(PAGE_PATH).write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
    assert found(root) == []


# -- several slips that stop the YAML parser, told in one run -----------------------------------------------

_UNIT_SLIPS = {  # each slip: the line typed in place of the right one, and the message told of it alone
    "misspellings": ("misspellings: [白河镇, 百合镇]", "misspellings: 白河镇: 百合镇"),
    "batches": ("    batches: 318", "    batches 318"),
    "targets": ("", "targets:\n  - group: residents\n    target 80\n"),
}


def _unit_with(*slips: str) -> str:
    unit = UNIT
    for name in slips:
        right, typed = _UNIT_SLIPS[name]
        unit = unit.replace(right, typed, 1) if right else unit + typed
    return unit


def test_slips_that_stop_the_yaml_parser_are_told_in_one_run_each_as_when_alone(tmp_path: Path) -> None:
    # The parser stops at the first: an editor with three slips was told one a run, and built three times.
    alone = []
    for name in _UNIT_SLIPS:
        [told] = printed(write_site(tmp_path / name, {UNIT_PATH: _unit_with(name)}))
        alone.append(told)
    assert printed(write_site(tmp_path / "all", {UNIT_PATH: _unit_with(*_UNIT_SLIPS)})) == alone
    assert [told.split(": error: ")[0] for told in alone] == [
        f"{UNIT_PATH}:3:18", f"{UNIT_PATH}:6:12", f"{UNIT_PATH}:13:11"]
    # The first slip's line mended as its hint says, the next run tells the other two, as before.
    assert printed(write_site(tmp_path / "two", {UNIT_PATH: _unit_with("batches", "targets")})) == alone[1:]


def test_a_line_the_parser_stopped_on_for_the_slip_above_it_is_told_only_for_its_own(tmp_path: Path) -> None:
    # "role 党委书记" stops PyYAML on the next line, read on its own: "date: …" is right, "date …" a slip too.
    slipped = interview().replace("  role: 党委书记", "  role 党委书记")
    [role] = printed(write_site(tmp_path / "one", {PAGE_PATH: slipped}))
    assert role.startswith(f'{PAGE_PATH}:7:7: error: "role" is a field, but the ":" after it is missing')
    [date] = printed(write_site(tmp_path / "date", {PAGE_PATH: interview().replace("date: 2018-05-03", "date 2018-05-03")}))
    assert date.startswith(f'{PAGE_PATH}:8:5: error: "date" is a field, but the ":" after it is missing')
    both = printed(write_site(tmp_path / "two", {PAGE_PATH: slipped.replace("date: 2018-05-03", "date 2018-05-03")}))
    assert both == [role, date]


def test_after_a_bracket_left_open_the_lines_below_are_told_once_it_is_closed(tmp_path: Path) -> None:
    # Where an unclosed "[" ends, the parser cannot know: the lines it may hold are read once it is closed.
    unit = _unit_with("batches").replace("misspellings: [白河镇, 百合镇]", "misspellings: [白河镇, 百合镇")
    [told] = printed(write_site(tmp_path, {UNIT_PATH: unit}))
    assert told.startswith(f'{UNIT_PATH}:3:15: error: the "[" opened here is never closed with "]"')


# -- a list pasted from Word and a link missing its ")" in a page's body ------------------------

EXAMPLE_PAGE = "content/interviews/2018-05-baihe-dadiaoyan.md"


def test_a_word_list_and_a_link_missing_its_parenthesis_are_told_and_the_hints_followed_publish_them(
        tmp_path: Path) -> None:
    # "●<TAB>143份…" lines pasted from Word were one paragraph ("<p>●  143份…<br>●  103份…</p>": screen readers
    # announce no list), and "详见[草莓案例](/cases/baihe-caomei/。" was published as typed: 0 errors, 0 warnings.
    root = copy_example(tmp_path)
    for figure in ("143", "103", "50"):
        edit_file(root, EXAMPLE_PAGE, f"- **{figure}份**", f"●\t**{figure}份**")
    edit_file(root, EXAMPLE_PAGE, "同步提高。\n", "同步提高。详见[草莓案例](/cases/baihe-caomei/。\n")
    item = (f"{EXAMPLE_PAGE}:{{}}:1: warning: the sign before the text is \"●\" (a black circle, 实心圆点), not \"-\", "
            "so Markdown does not read this line as a list item (列表): the page shows it as text, run together with "
            "the lines around it: ●\t{}\n  hint: type \"-\" in its place, with a space after it: - {}")
    items = ["**143份**已提交区相关部门；", "**103份**已经解决；", "**50份**正在办理。"]
    assert printed(root) == [item.format(43 + at, text, text) for at, text in enumerate(items)] + [
        f"{EXAMPLE_PAGE}:51:67: warning: this link has no \")\" (缺少括号), so Markdown does not read it as a link: the "
        "page shows it as typed: [草莓案例](/cases/baihe-caomei/\n"
        "  hint: type \")\" right after the address: [草莓案例](/cases/baihe-caomei/)"]
    for text in items:
        edit_file(root, EXAMPLE_PAGE, f"●\t{text}", f"- {text}")
    edit_file(root, EXAMPLE_PAGE, "[草莓案例](/cases/baihe-caomei/。", "[草莓案例](/cases/baihe-caomei/)。")
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe-dadiaoyan-weifangtan/index.html")
    assert [text_of(li) for li in page.xpath("//main//ul[li[contains(., '143份')]]/li")] == [
        "143份已提交区相关部门；", "103份已经解决；", "50份正在办理。"]
    assert [text_of(a) for a in page.xpath("//main//a[contains(@href, 'baihe-caomei')]")][:1] == ["草莓案例"]


def test_a_word_list_of_three_levels_is_told_each_line_and_the_hints_followed_publish_it_nested(
        tmp_path: Path) -> None:
    # Word pastes its second and third levels as "o<TAB>" and "§<TAB>": they broke the run of "•<TAB>" items, so
    # none of the lines was told, and the page ran them into one paragraph ("<p>•  143份…<br>o  其中…</p>").
    root = copy_example(tmp_path)
    edit_file(root, EXAMPLE_PAGE, "- **143份**已提交区相关部门；\n- **103份**已经解决；\n- **50份**正在办理。",
              "•\t**143份**已提交区相关部门；\no\t其中交通类**60份**；\n§\t道路破损**20份**；\n•\t**103份**已经解决；\n"
              "•\t**50份**正在办理。")
    lines = [("•", "a bullet, 项目符号", 0, "**143份**已提交区相关部门；"),
             ("o", "Word's bullet of a second level, 二级项目符号", 4, "其中交通类**60份**；"),
             ("§", "Word's bullet of a third level, 三级项目符号", 8, "道路破损**20份**；"),
             ("•", "a bullet, 项目符号", 0, "**103份**已经解决；"), ("•", "a bullet, 项目符号", 0, "**50份**正在办理。")]
    under = ", the line indented by {} spaces (缩进) to go under the item above (下一级)"
    assert printed(root) == [
        f"{EXAMPLE_PAGE}:{43 + at}:1: warning: the sign before the text is \"{sign}\" ({name}), not \"-\", so Markdown "
        "does not read this line as a list item (列表): the page shows it as text, run together with the lines around "
        f"it: {sign}\t{text}\n  hint: type \"-\" in its place, with a space after it"
        f"{under.format(indent) if indent else ''}: {' ' * indent}- {text}"
        for at, (sign, name, indent, text) in enumerate(lines)]
    for sign, _, indent, text in lines:
        edit_file(root, EXAMPLE_PAGE, f"{sign}\t{text}", f"{' ' * indent}- {text}")
    assert printed(root) == []
    page = parse_html(build_at(root) / "interviews/baihe-dadiaoyan-weifangtan/index.html")
    outer = page.xpath("//main//ul[li[contains(., '143份')]]")[0]
    assert [li.xpath("string(strong)") for li in outer.xpath("li")] == ["143份", "103份", "50份"]
    assert [li.xpath("string(strong)") for li in outer.xpath("li/ul/li")] == ["60份"]
    assert [text_of(li) for li in outer.xpath("li/ul/li/ul/li")] == ["道路破损20份；"]


def test_actions_pasted_without_their_dashes_are_told_as_items_and_kept_apart(tmp_path: Path) -> None:
    # Told to type the first after "actions: " and to join the next to it, an editor followed both and the page
    # published two actions as one; told to make them notes, it would have published none.
    site = copy_example(tmp_path)
    case = "content/cases/baihe-caomei.md"
    first, second = "走访草莓种业研发中心和多家草莓、果蔬企业，听取意见建议", "研究加大政策扶持和科研投入，引进和培育新型农业经营主体"
    edit_file(site, case, f"  - {first}\n  - {second}\n", f"{first}\n{second}\n")
    item = ('if it is an item of the list "actions:" above, type "  - " before it, as before each of its items, one a '
            'line:   - {0}; if it is a note (说明), put "# " back at the start of the line, as a note starts with it '
            '(以 # 开头的行是说明): # {0}')
    told = [(problem.line, problem.column, problem.message.split(" (YAML parser")[0], problem.hint)
            for problem in found(site)]
    message = 'this line is text, not a field ("name: value"), so the fields below it cannot be read'
    assert told == [(8, 1, message, item.format(first)), (9, 1, message, item.format(second))]
    # An item ending in a mark that goes on ("，") may be followed by its own text: joining it stays on offer.
    edit_file(site, case, f"{first}\n{second}\n", f"  - 走访草莓种业研发中心，\n{second}\n")
    [(line, hint)] = [(problem.line, problem.hint) for problem in found(site)]
    assert line == 9 and hint == (
        f'if it is an item of the list "actions:" above, type "  - " before it, as before each of its items, one a '
        f'line:   - {second}; if it goes on from the item above ("走访草莓种业研发中心，"), join it to the end of that '
        f'line; if it is a note (说明), put "# " back at the start of the line, as a note starts with it (以 # 开头的行'
        f'是说明): # {second}')
    # The first hint followed: both actions are published, one item each.
    edit_file(site, case, f"  - 走访草莓种业研发中心，\n{second}\n", f"  - {first}\n  - {second}\n")
    page = (build_at(site) / "cases" / "baihe-caomei" / "index.html").read_text(encoding="utf-8")
    assert f">{first}</li>" in page and f">{second}</li>" in page


# -- a milestone's status ------------------------------------------------------------------------

EXAMPLE_UNIT = "content/units/baihe.yaml"
"""The example site's unit: its milestones end the file, the last on line 36 (checked at 2025-01-01, `found`)."""


def _with_milestone(root: Path, date: str, status: str) -> None:
    """Add a milestone of ``date`` with ``status: …`` (line 39, its value at column 13) after the example unit's."""
    path = root / EXAMPLE_UNIT
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"  - date: {date}\n    title: 召开大调研总结会\n    status: {status}\n", encoding="utf-8")


@pytest.mark.parametrize(("typed", "value", "label", "date"), [
    ("完成", "done", "已完成", "2018-05-10"),
    ("延期", "postponed", "推迟", "2025-03-01"),
    ("已推迟", "postponed", "推迟", "2025-03-01"),
    ("已取消", "cancelled", "取消", "2018-05-10"),
    ("计划中", "planned", "计划", "2025-03-01"),
])
@pytest.mark.parametrize("written", ["value", "label"])
def test_a_milestone_status_typed_in_other_chinese_words_names_the_value_and_either_form_checks(
        tmp_path: Path, typed: str, value: str, label: str, date: str, written: str) -> None:
    # A milestone had no status: "status: 延期" was "unknown field … hint: remove it", and a meeting put off was
    # published as held once its day had passed.
    root = copy_example(tmp_path)
    _with_milestone(root, date, typed)
    assert printed(root) == [
        f'{EXAMPLE_UNIT}:39:13: error: "{typed}" is not one of the allowed values for "milestones → item 3 → status"\n'
        f"  hint: write status: {value}, or status: {label} as the pages show it"]
    edit_file(root, EXAMPLE_UNIT, f"status: {typed}", f"status: {value if written == 'value' else label}")
    assert printed(root) == []


@pytest.mark.parametrize(("typed", "meant", "label"), [
    ("canceled", "cancelled", "取消"),
    ("Postpone", "postponed", "推迟"),
    ("planed", "planned", "计划"),
])
def test_a_misspelt_milestone_status_is_asked_about_the_value_meant(tmp_path: Path, typed: str, meant: str,
                                                                    label: str) -> None:
    root = copy_example(tmp_path)
    _with_milestone(root, "2025-03-01", typed)
    assert printed(root) == [
        f'{EXAMPLE_UNIT}:39:13: error: "{typed}" is not one of the allowed values for "milestones → item 3 → status"\n'
        f"  hint: did you mean {meant} ({label})? write status: {meant}"]
    edit_file(root, EXAMPLE_UNIT, f"status: {typed}", f"status: {meant}")
    assert printed(root) == []


@pytest.mark.parametrize("typed", ["state", "State", "STATE", "stage", "phase", "progress", "statu", "Status", "状态",
                                   "进度", "完成情况", "进展"])
def test_a_milestone_status_typed_under_another_name_is_renamed_as_hinted_and_checks(tmp_path: Path,
                                                                                      typed: str) -> None:
    # "state: 推迟" was "unknown field … hint: remove it, or use one of: description, status": state is two edits
    # from status, too far for a slip of a short name, and no synonym named it; removed as told, the meeting put
    # off was published as held once its day had passed.
    root = copy_example(tmp_path)
    _with_milestone(root, "2025-03-01", "推迟")
    edit_file(root, EXAMPLE_UNIT, "    status: 推迟", f"    {typed}: 推迟")
    problems = found(root)
    assert [problem.format() for problem in problems] == [
        f'{EXAMPLE_UNIT}:39:5: error: unknown field "{typed}" in milestones → item 3 (did you mean "status"?)\n'
        '  hint: rename it to "status"']
    rename_as_hinted(root, problems[0])
    assert printed(root) == []
    unit = (build_at(root) / "units" / "baihe" / "index.html").read_text(encoding="utf-8")
    assert "（推迟）" in unit


@pytest.mark.parametrize("typed", ["state", "State", "进度"])
def test_a_case_status_typed_under_another_name_is_renamed_as_hinted_and_checks(tmp_path: Path, typed: str) -> None:
    root = write_site(tmp_path, {CASE_PATH: case_study("  - 走访\n", "  - 大调研\n").replace(
        "status: in_progress", f"{typed}: in_progress")})
    problems = found(root)
    assert [problem.format() for problem in problems] == [
        f'{CASE_PATH}:4:1: error: unknown field "{typed}" (did you mean "status"?)\n  hint: rename it to "status"']
    rename_as_hinted(root, problems[0])
    assert printed(root) == []


def test_progress_typed_in_a_tally_is_in_progress(tmp_path: Path) -> None:
    # "progress" is three edits from "in_progress": it was "remove it", and the tally lost its figure.
    root = write_site(tmp_path, {UNIT_PATH: UNIT.replace("in_progress:", "progress:")})
    problems = found(root)
    assert [problem.format() for problem in problems] == [
        f'{UNIT_PATH}:10:5: error: unknown field "progress" in tallies → item 1 (did you mean "in_progress"?)\n'
        '  hint: rename it to "in_progress"']
    rename_as_hinted(root, problems[0])
    assert printed(root) == []


def test_a_milestone_status_of_no_known_word_lists_the_four(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    _with_milestone(root, "2025-03-01", "进行中")
    assert printed(root) == [
        f'{EXAMPLE_UNIT}:39:13: error: "进行中" is not one of the allowed values for "milestones → item 3 → status"\n'
        "  hint: use one of: done (已完成), planned (计划), postponed (推迟), cancelled (取消)"]


_NOT_DONE_YET = ("once it has taken place, write status: done; if it was put off (推迟), write its new day in date: "
                 "and status: postponed; if it will not take place (取消), write status: cancelled")


@pytest.mark.parametrize(("date", "status", "message", "hint", "old", "new"), [
    ("2024-12-31", "planned", 'milestone "召开大调研总结会" is marked planned (计划), but its date 2024-12-31 has passed',
     _NOT_DONE_YET, "status: planned", "status: done"),
    ("2024-12-31", "planned", 'milestone "召开大调研总结会" is marked planned (计划), but its date 2024-12-31 has passed',
     _NOT_DONE_YET, "date: 2024-12-31\n    title: 召开大调研总结会\n    status: planned",
     "date: 2025-03-01\n    title: 召开大调研总结会\n    status: postponed"),
    ("2024-12-31", "postponed", 'milestone "召开大调研总结会" is marked postponed (推迟) to 2024-12-31, a day that has passed',
     "write in date: the day it is now planned for; once it has taken place, write status: done and, in date:, the "
     "day it took place; if it will not take place (取消), write status: cancelled",
     "date: 2024-12-31", "date: 2025-03-01"),
    ("2025-06-01", "done", 'milestone "召开大调研总结会" is marked done (已完成), but its date 2025-06-01 is in the future',
     "check the date against the source document; if it has not taken place yet, delete the status "
     "line: the page marks it planned (计划) until its day comes", "\n    status: done", ""),
])
def test_a_milestone_status_its_date_contradicts_is_warned_and_the_hint_followed_checks(
        tmp_path: Path, date: str, status: str, message: str, hint: str, old: str, new: str) -> None:
    # A plan whose day has passed stays published as a plan until the editor says what became of it; a milestone
    # marked done on a day still to come is published as held. A plan on its own day (the meeting may be later
    # that day) and a cancelled one on any day are not warned.
    root = copy_example(tmp_path)
    _with_milestone(root, date, status)
    assert printed(root) == [f"{EXAMPLE_UNIT}:39:13: warning: {message}\n  hint: {hint}"]
    edit_file(root, EXAMPLE_UNIT, old, new)
    assert printed(root) == []


@pytest.mark.parametrize(("date", "status"), [("2025-01-01", "planned"), ("2025-01-01", "postponed"),
                                              ("2025-01-01", "done"), ("2018-05-10", "cancelled"),
                                              ("2025-06-01", "cancelled")])
def test_a_milestone_status_its_date_allows_is_not_warned(tmp_path: Path, date: str, status: str) -> None:
    root = copy_example(tmp_path)
    _with_milestone(root, date, status)
    assert printed(root) == []


@pytest.mark.parametrize("indent", ["\t", "\u3000\u3000"])
def test_a_line_indented_with_a_tab_or_full_width_spaces_leaves_the_rest_of_the_file_checked_in_the_same_run(
        tmp_path: Path, indent: str) -> None:
    # The tally's sum was told only once the TAB before its note was replaced, one run later: the line is read
    # as its hint mends it, so the rest of the file is checked now, as it will be then.
    root = copy_example(tmp_path)
    edit_file(root, UNIT_PATH, "    in_progress: 50\n    note:", f"    in_progress: 51\n{indent}note:")
    told = [(p.line, p.column, p.message, p.hint) for p in found(root) if p.path == UNIT_PATH]
    name = "a TAB" if indent == "\t" else "a full-width space (全角空格)"
    assert [(line, column, message.split(";")[0].split(":")[0]) for line, column, message, _ in told] == [
        (13, 16, "tally of 2018-04-26 does not add up"), (17, 1, f"{name} is used for indentation")]
    assert told[0][2] == ("tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + in progress 51 = 297, "
                          "but collected is 296")
    slipped = (root / UNIT_PATH).read_text(encoding="utf-8").split("\n")[16]
    assert told[1][3] == ('replace the TAB (制表符) with 4 spaces, lined up with "in_progress:" above it'
                          if indent == "\t" else
                          'replace the spaces at the start of the line with 4 ordinary spaces, lined up with '
                          '"in_progress:" above it') + f': "    {slipped.lstrip(indent)}"'
    edit_file(root, UNIT_PATH, slipped, line_as_hinted(told[1][3], slipped))  # typed as hinted: the sum is left
    assert [(p.line, p.column, p.severity) for p in found(root) if p.path == UNIT_PATH] == [(16, 18, "error")]


@pytest.mark.parametrize(("indent", "told"), [
    ("\u3000\u3000", "replace the spaces at the start of the line with 2 ordinary spaces, 2 spaces further in than "
                     '"interviewee:" above it: "  name：张三"'),
    ("\t", 'replace the TAB (制表符) with 2 spaces, 2 spaces further in than "interviewee:" above it: "  name：张三"')])
def test_a_field_indented_with_odd_spaces_is_read_in_its_group_for_the_rest_of_its_line(
        tmp_path: Path, indent: str, told: str) -> None:
    # "name：" was told that "name" stands for the page's title, as if it stood at the left edge, and to type
    # "　　title: 张三", which made the interviewee's name the page's title.
    root = write_site(tmp_path, {PAGE_PATH: interview().replace("  name: 受访人", f"{indent}name：张三")})
    assert [p.format() for p in found(root) if p.path == PAGE_PATH] == [
        f"{PAGE_PATH}:6:1: error: {'a TAB' if indent == chr(9) else 'a full-width space (全角空格)'} is used for "
        f"indentation; YAML needs {'spaces' if indent == chr(9) else 'ordinary spaces'}\n  hint: {told}",
        f'{PAGE_PATH}:6:{len(indent) + 5}: error: "name：" uses a full-width colon (全角冒号 ：)\n'
        "  hint: type an English colon followed by a space, keeping the 2 spaces before it: name: 张三"]
    edit_file(root, PAGE_PATH, f"{indent}name：张三", "  name: 张三")
    assert [p for p in found(root) if p.path == PAGE_PATH] == []


@pytest.mark.parametrize(("rel", "old", "new", "told"), [
    # The first target 3 spaces in, its first field 5; its note and the targets below it at 2 and 4.
    (UNIT_PATH, "  - group: institutions\n    target: 100\n", "   - group: institutions\n     target: 100\n",
     f'{UNIT_PATH}:20:4: error: the first item of "targets:" stands 3 spaces in, while the other items ("- group:" …) '
     "stand 2 spaces in: the first item alone is out of line (缩进), so YAML cannot read them as one list (YAML "
     "parser: while parsing a block collection: did not find expected '-' indicator)\n"
     "  hint: remove 1 space at the start of lines 20 and 21, so that the first item lines up with the other items "
     'of "targets:" (the "-" 2 spaces in, the fields 4); line 20 then reads "  - group: institutions"'),
    # Its fields a space less far in than those of the other targets, its "-" in line.
    (UNIT_PATH, "    target: 100\n    note: 区", "   target: 100\n   note: 区",
     f'{UNIT_PATH}:21:4: error: the fields under the first item of "targets:" ("target:" …) stand 3 spaces in, while '
     'those of the other items stand 4 spaces in, lined up with the key after their "- ": the first item alone is '
     "out of line (缩进), so YAML cannot read them as its fields (YAML parser: while parsing a block collection: did "
     "not find expected '-' indicator)\n"
     "  hint: add 1 space at the start of lines 21 and 22, so that the first item lines up with the other items of "
     '"targets:" (the "-" 2 spaces in, the fields 4); line 21 then reads "    target: 100"'),
    # The first picture of the interview a space less far in (its front matter starts at the file's line 2).
    ("content/interviews/2018-05-baihe-dadiaoyan.md", "  - src: images/baihe-zuotanhui.svg\n    alt:",
     " - src: images/baihe-zuotanhui.svg\n   alt:",
     'content/interviews/2018-05-baihe-dadiaoyan.md:13:2: error: the first item of "images:" stands 1 space in, '
     'while the other items ("- src:" …) stand 2 spaces in: the first item alone is out of line (缩进), so YAML '
     "cannot read them as one list (YAML parser: mapping values are not allowed in this context)\n"
     "  hint: add 1 space at the start of lines 13 and 14, so that the first item lines up with the other items of "
     '"images:" (the "-" 2 spaces in, the fields 4); line 13 then reads "  - src: images/baihe-zuotanhui.svg"'),
])
def test_the_first_item_of_a_list_out_of_line_with_the_others_is_told_and_the_hint_followed_checks(
        tmp_path: Path, rel: str, old: str, new: str, told: str) -> None:
    # Told '"note:" stands 4 spaces in, not lined up with the fields of the item above (5 spaces in)' and to indent it
    # with 5 spaces, the editor was led from line to line through every later target, when the slip was the first
    # target's two lines.
    root = copy_example(tmp_path / "site")
    edit_file(root, rel, old, new)
    assert printed(root) == [told]
    path = root / rel
    path.write_text(lines_as_hinted(told.split("\n  hint: ")[1], path.read_text(encoding="utf-8")), encoding="utf-8")
    assert printed(root) == []
    assert path.read_text(encoding="utf-8") == (copy_example(tmp_path / "again") / rel).read_text(encoding="utf-8")
