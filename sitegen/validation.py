"""Turn loaded YAML into typed records, with every problem placed in the file.

pydantic reports a failed field by its location (``("tallies", 0,
"collected")``); the loaded YAML knows where each location was typed. This
module joins the two, so that an editor reads
``content/units/baihe.yaml:14:16: error: tallies → item 1 → collected: "296份" is not a whole number``
and a ``hint:`` line, rather than a validation dump: pydantic's own wording
("Input should be …") never reaches the editor. Unknown keys get a
did-you-mean, found by edit distance (``interveiwee`` → ``interviewee``) or
from the names other generators and editors use (``description`` →
``summary``, ``标题`` → ``title``).

May import: lazyre, errors, yamltext, models, placeholders, textfields.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable, Mapping, NamedTuple, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from .errors import (LOST_CHARACTERS_HINT, PASTE_LIMIT, WIDE_SPACES, Problem, Report, and_joined,
                     lost_characters_message, paste_hint, space_name)
from .lazyre import compile_later
from .models import (CHOICE_LABELS, DAY_CUT_SHORT, FIGURE_WORDS, FLAG_MEANINGS, FULL_WIDTH_FIX, LIST_MEANT,
                     NOTE_EXAMPLE, QUOTE_MARKS, QUOTED_TAGS, SEPARATOR_MARKS, SLASH_MARKS, TALLY_SUM,
                     WORD_LIST_FIELDS, YEAR_TO_WRITE, DateRange, Image, NoteFigure, Person, Series, SourceAttribution,
                     Unit, choice_meant, choice_value, clip, date_letters, date_range, date_with_words, is_stand_in,
                     kind_of, named_address, numbered_items, parse_count, parse_date, parse_tags, short_year_dates,
                     snake_case, texts_in, whole_number_meant)
from .placeholders import placeholders_in
from .textfields import report_fields_in_texts
from .yamltext import (NOTE_HINT, NOTE_MESSAGE, ElsewhereFinder, FieldElsewhere, FieldNamer, GroupFinder, ValueMender,
                       WideNote, YamlData, as_value, is_text_line_error, is_wide_note_warning, split_wide_note,
                       invisible_place, load_yaml, lost_characters, yaml_text)

RecordT = TypeVar("RecordT", bound=BaseModel)
_SPLITTING = SEPARATOR_MARKS + SLASH_MARKS + ", \t" + WIDE_SPACES + QUOTE_MARKS
"""What in an item of a list of words makes it two words typed as one, or Chinese quotes part of it, unless typed
in English quotes (`parse_tags`)."""

_GROUP = ('"{field}" should be a group of fields (key: value lines), not {kind}',
          "write the fields on the lines below it, each indented with two spaces")
_LIST = ('"{field}" should be a list, not {kind}', 'write one item per line, each starting with "- "')
_EMPTY = ('"{field}" is empty', "write a value after the colon, or remove the line")
_WHOLE_NUMBER = ('"{field}" should be a whole number, not {kind}', "write the digits alone, e.g. 10")
# Messages for pydantic's own error types; our converters in models.py word their own.
_MESSAGES = {
    "missing": ('the field "{field}" is missing', 'add a line "{key}: …"'),
    "enum": ('{kind} is not one of the allowed values for "{field}"', "use one of: {choices}"),
    "string_pattern_mismatch": ('"{value}" is not a valid {field}',
                                'use lower-case letters a-z, digits and "-" only'),
    "string_too_long": ('"{field}" is too long', "shorten it"),
    "string_too_short": _EMPTY, "too_short": _EMPTY,
    "model_type": _GROUP, "model_attributes_type": _GROUP, "dict_type": _GROUP,
    "tuple_type": _LIST, "list_type": _LIST,
    "int_parsing": _WHOLE_NUMBER, "int_type": _WHOLE_NUMBER, "int_from_float": _WHOLE_NUMBER,
    "greater_than_equal": ('"{field}" is {value}, less than the smallest allowed value {limit}',
                           "use a number from {limit} up"),
    "less_than_equal": ('"{field}" is {value}, more than the largest allowed value {limit}',
                        "use a number up to {limit}"),
    "string_type": ('"{field}" should be text, not {kind}', "write the text on the same line after the colon"),
}

# Names editors bring from other generators, from Chinese, or from other records → our field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "description": ("summary", "blurb"), "desc": ("summary", "description"), "excerpt": ("summary",),
    "abstract": ("summary",), "author": ("interviewee",), "interviewer": ("interviewee",),
    "person": ("interviewee",), "categories": ("tags",), "category": ("tags",), "keywords": ("tags",),
    "tag": ("tags",), "image": ("images",), "cover": ("images",), "time": ("date",),
    "publish_date": ("date",), "pubdate": ("date",), "published": ("date", "draft"),
    "url": ("slug", "base_url"), "permalink": ("slug", "permalinks"), "name": ("title",),
    "site_title": ("title",), "sitename": ("title",), "site_name": ("title",), "baseurl": ("base_url",),
    "site_url": ("base_url",), "siteurl": ("base_url",),
    "base": ("base_url",), "paginate": ("per_page",), "pagination": ("per_page",),
    "timezone": ("time_zone",), "tz": ("time_zone",), "lang": ("language",),
    "languagecode": ("language",), "locale": ("language",), "output": ("output_dir",),
    "publish_dir": ("output_dir",), "town": ("unit",), "department": ("unit",), "column": ("series",),
    "total": ("collected",), "solved": ("resolved",), "done": ("resolved",), "ongoing": ("in_progress",),
    "pending": ("in_progress",), "unresolved": ("in_progress",), "processing": ("in_progress",),
    "in_process": ("in_progress",), "submitted": ("escalated",), "goal": ("target",), "deadline_date": ("deadline",),
    "标题": ("title", "name"), "题目": ("title",), "名称": ("name", "title"), "日期": ("date", "as_of"),
    "时间": ("date",), "发布时间": ("date",), "标签": ("tags",), "摘要": ("summary",), "简介": ("summary", "blurb"),
    "单位": ("unit",), "栏目": ("series",), "受访人": ("interviewee",), "姓名": ("name",), "职务": ("role",),
    "图片": ("images",), "来源": ("source",), "状态": ("status",), "草稿": ("draft",), "别名": ("aliases", "slug"),
    "收集": ("collected",), "已解决": ("resolved",), "办理中": ("in_progress",), "未解决": ("in_progress",),
    "正在办理": ("in_progress",), "处理中": ("in_progress",), "提交区级": ("escalated",),
    "批次": ("batches",), "调研批次": ("batches",), "截至": ("as_of",), "截至日期": ("as_of",),
    "统计日期": ("as_of",), "收集问题清单": ("collected",), "已达到": ("measured",),
    "目标": ("target",), "截止日期": ("deadline",), "备注": ("note",),
    "remark": ("note",), "remarks": ("note",),
    "tel": ("phone",), "telephone": ("phone",), "mobile": ("phone",), "电话": ("phone",), "联系电话": ("phone",),
    "手机": ("phone",), "mail": ("email",), "e_mail": ("email",), "邮箱": ("email",), "电子邮箱": ("email",),
    "details": ("description",), "detail": ("description",),
    # A milestone's or a case study's status (推迟, 已解决): "state" is two edits from "status", too far for a
    # slip of a name of five letters (`near_name`), and the other words share no letters with it.
    "state": ("status",), "stage": ("status",), "phase": ("status",), "progress": ("in_progress", "status"),
    "进度": ("status",), "完成情况": ("status",),
    # The labels the files of sitegen new and sitegen init give each field in their comments.
    "进展": ("status",), "问题": ("problem",), "做法": ("actions",), "措施": ("actions",), "成效": ("outcome",),
    "对应的调研数据": ("related_tally",), "图注": ("caption",), "首发来源": ("source",), "发布机构": ("publisher",),
    "原文标题": ("title",), "原文网址": ("url",), "其他正确叫法": ("aliases",), "常见错误写法": ("misspellings",),
    "调研数据": ("tallies",), "覆盖目标": ("targets",), "对象": ("group",), "期限": ("deadline",),
    "说明": ("note", "description"), "大事记": ("milestones",), "事件": ("title",),
    "栏目名称": ("title",), "栏目介绍": ("blurb",), "网站名称": ("title",), "一句话介绍": ("description",),
    "网页语言": ("language",), "时区": ("time_zone",), "联系方式": ("contact",), "网址格式": ("permalinks",),
}

# Keys that, typed in a group of fields, name one of its fields, though at the left edge (or by SYNONYMS) they
# name another: under interviewee:, "title" is the job title, not the page's title. Told "it is a field of the
# file's own", an editor moved it out, found the page's title typed twice, and deleted the page's title.
SYNONYMS_IN: dict[type[BaseModel], dict[str, tuple[str, str]]] = {
    Person: {"title": ("role", "the job title (职务)")},
    SourceAttribution: {"name": ("publisher", "the name of the publisher (发布机构)"),
                        "名称": ("publisher", "the name of the publisher (发布机构)")},
    Image: {"title": ("caption", "the words shown with the picture (图注)")},
}
"""For each group of fields (a record held in another): ``{key as typed, snake_case: (the field it names there,
what that field holds)}``."""


def field_name(loc: tuple[Any, ...]) -> str:
    """Return a readable name for a pydantic location.

    Takes a location such as ``("tallies", 1, "collected")``; returns
    ``tallies → item 2 → collected`` (list items counted from 1, as editors
    count them), or "the file" for the empty location.
    """
    parts = [f"item {part + 1}" if isinstance(part, int) else str(part) for part in loc]
    return " → ".join(parts) or "the file"


_NAMING_FIELDS = frozenset({("unit",), ("series",)})
"""Fields whose stand-in (unit: 待定) names no record: an error of its own (`sitegen.checks.check_references`)."""
_NAMED_RECORDS: dict[str, tuple[type[BaseModel], str]] = {"unit": (Unit, "units"), "series": (Series, "series")}
"""The fields of a page that name a record, with the record's kind and its folder in content/: a field of that
kind typed in the page (``tallies:``, ``blurb:``) belongs in that record's file."""


def lost_character_warnings(path: str, data: YamlData, published_on: str, text: str = "",
                            first_line: int = 1) -> list[Problem]:
    """A warning at each text value of ``data`` holding question marks that most likely stand for characters
    lost when the file was saved in an encoding that cannot hold Chinese (`sitegen.yamltext.lost_characters`:
    3 or more "?" in a row, or a value of 2 or more "?" alone, a two-character name lost: ``name: ??``).

    Takes the file's path, its YAML as read, where it is published ("the page"),
    and the YAML as typed (``text``, whose first line is file line
    ``first_line``), where the run is found for its column; without it, or
    when a value typed with escapes does not show the run, the warning is at
    the value's start. Returns the warnings in the order of the values.
    Raises nothing.
    """
    found = []
    for place, value in texts_in(data.value):
        run = lost_characters(value, whole=True) if "??" in value else None
        if run is not None:
            start, end = run
            found.append(Problem(path, *_typed_run(data, text, first_line, place, value[start:end]), "warning",
                                 f"{field_name(place)}: {lost_characters_message(value[start:end])}, so "
                                 f"{published_on} would publish them", LOST_CHARACTERS_HINT))
    return found


def _typed_run(data: YamlData, text: str, first_line: int, place: tuple[str | int, ...],
               run: str, skip: int = 0) -> tuple[int, int]:
    """The file line and column where ``run`` is typed in the value at ``place`` (of its character ``skip``
    characters in): on its first line or the lines up to the next value or key; else the value's own position."""
    line, column = data.locate(place)
    lines = text.split("\n") if text else []
    ends = [other[0] for other in (*data.positions.values(), *data.key_positions.values()) if other > (line, column)]
    last = min(ends, default=first_line + len(lines) - 1)
    for number in range(line, last + 1):
        typed = lines[number - first_line] if 0 <= number - first_line < len(lines) else ""
        at = typed.find(run, column - 1 if number == line else 0)
        if at >= 0:
            return number, at + 1 + skip
    return line, column


def typed_value_warnings(path: str, data: YamlData, published_on: str, text: str = "",
                         first_line: int = 1, word_lists: Mapping[str, str] | None = None,
                         collection: str = "") -> list[Problem]:
    """A warning at each value of a page's front matter or a record that ``published_on`` ("the page") would
    publish as typed though it was most likely not meant so:

    * a value that stands for one not known yet (待定, 暂无, 某某, TBD, ——:
      `sitegen.models.is_stand_in`), only as a whole (无锡 is a name);
    * a name, title, role or publisher wrapped whole in Chinese or full-width
      quotes (``name: “赵巷镇”``), as in a word processor: YAML keeps them,
      and the page title, lists and open data would show them. 《》 is left
      alone (a title of a work), and so are quotes around a part
      (``“四个最”工作法``);
    * question marks standing for characters lost in a save (``name: ??``,
      ``title: ????``: `lost_character_warnings`), told so rather than as a
      value not known yet;
    * a name, title, role, publisher, tag, alias or misspelling holding a
      space other than an ordinary one (`_odd_spaces`): a TAB, a no-break
      or other special space pasted from a web page or Word, or a
      full-width one at its start or end (``name: 练塘镇　``), or, in a
      name, inside it; in a unit's name, an ordinary one between Chinese
      characters too (``name: 华新 镇``). Duplicates are found without them, but the page and
      the open data publish them, so "练塘镇" typed elsewhere (a search, a
      table joined by name) does not match; the hint gives the text to
      write, the space deleted where it meets Chinese or ends the text, else
      an ordinary one. Nothing is changed without a word. A placeholder of
      ``sitegen new`` typed with such a space (``role: 职务　``) is told as a
      placeholder (`sitegen.checks.check_placeholders`), not here: deleting
      the space would not mend it;
    * a no-break space (U+00A0, 不间断空格) pasted from Word or a web page
      beside Chinese text in any other text (a summary, a caption: `_no_break_gaps`),
      which the page shows as a gap, as a page's text is told
      (`sitegen.markupcheckchars.no_break_space_problems`);
    * a date whose month is typed with its 0 and whose day is one digit
      (``2018-06-3``, `sitegen.models.DAY_CUT_SHORT`): read as the 3rd, it may be a date
      saved before it was typed to its end (2018-06-30).

    Takes the file's path, its YAML as read and where it is published, and
    the YAML as typed with its first file line (for the column of lost
    characters inside a value), and the lists of words of the record, each
    with where it is published ("" for none: `UNIT_WORD_LISTS`); by default
    a page's tags, on the page (its ``aliases`` are addresses, not names);
    and the record's collection (``"interviews"``, ``"units"``), whose
    placeholders (`sitegen.placeholders.placeholders_in`) are told elsewhere.
    Warnings, not errors: an interviewee may be named 某某 on purpose, and a title may be a quotation. Pages are told when they are loaded, so the
    page cache keeps the warnings with the page. Returns the warnings in
    the order of the fields.
    """
    found = lost_character_warnings(path, data, published_on, text, first_line)
    lists = {"tags": published_on} if word_lists is None else word_lists
    for place, value in texts_in(data.value):
        if "??" in value and lost_characters(value, whole=True) is not None:
            continue  # told as characters lost: a name "??" stands for no value not known yet
        if is_stand_in(value) and value.strip() and place[:1] not in _NAMING_FIELDS:
            found.append(_stand_in(path, data, place, value, published_on))
            continue
        if place and place[-1] in _NAME_FIELDS and (quotes := _wrapping_quotes(value)):
            line, column = data.locate(place)
            found.append(Problem(
                path, line, column, "warning",
                f"{field_name(place)}: {value.strip()} is wrapped in quotes {quotes}, which {published_on} would "
                "show as part of it",
                _unwrapped_hint(place[-1], value.strip()[1:-1].strip())))
        if (runs := _odd_spaces(data, place, value, lists, collection == "units" and place == ("name",))) and not any(
                path == place for path, _ in placeholders_in(collection, data.value)):
            shown = lists[str(place[0])] if len(place) == 2 and place[0] in lists else published_on
            found.append(_odd_space_warning(path, data, place, value, runs, shown, text, first_line))
        elif "\u00a0" in value and not _names_or_words(place, lists) and (gaps := _no_break_gaps(value)):
            found.append(_no_break_warning(path, data, place, value, gaps, published_on, text, first_line))
        if (cut := DAY_CUT_SHORT.fullmatch(value.strip())) is not None:
            found.append(_day_cut_short_warning(path, data, place, cut, published_on))
    return sorted(found, key=Problem.sort_key)


def _day_cut_short_warning(path: str, data: YamlData, place: tuple[str | int, ...], cut: re.Match[str],
                           published_on: str) -> Problem:
    """The warning at a date `sitegen.models.DAY_CUT_SHORT` matched (``2018-06-3``): it is read as the day typed (the 3rd),
    which may be a date not typed to its end; the hint gives it written in full both ways."""
    year, sign, month, day, clock = cut.groups()
    line, column = data.locate(place)
    return Problem(path, line, column, "warning",
                   f'{field_name(place)}: "{cut.group()}" gives the month in two digits ({month}) and the day in one '
                   f"({day}), so it is read as {year}-{month}-0{day}, and {published_on} shows that day: was the "
                   "day typed to its end?",
                   f"if the day is {day} ({int(day)}日), write {year}{sign}{month}{sign}0{day}{clock}, as the month "
                   f"is written; if it was not typed in full (e.g. {year}{sign}{month}{sign}{day}0{clock}), "
                   "complete it")


UNIT_WORD_LISTS = {"aliases": "the open data (data/units.json)", "misspellings": "", "not_misspellings": ""}
"""The lists of words of a unit, each with where it is published (`typed_value_warnings`): a misspelling is only
looked for in the texts of the pages."""
_NAME_FIELDS = frozenset({"title", "name", "role", "publisher"})
"""Keys whose value is a name or title (`typed_value_warnings`): its quotes would be shown as part of it."""
_QUOTE_PAIRS = {"“": "”", "＂": "＂", "「": "」", "『": "』", "‘": "’", '"': '"'}


_ODD_SPACE_RUN = compile_later(f"[ \t{WIDE_SPACES}]*[\t{WIDE_SPACES}][ \t{WIDE_SPACES}]*")
"""Spaces that hold a TAB or an odd space (`WIDE_SPACES`), ordinary ones around it included."""
_SPACE_BETWEEN_HAN = compile_later(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])")
"""Ordinary spaces between two Chinese characters (华新 镇): in a unit's name, a slip (`_odd_spaces`)."""


def _odd_spaces(data: YamlData, place: tuple[str | int, ...], value: str,
                word_lists: Mapping[str, str], unit_name: bool = False) -> list[re.Match[str]]:
    """The runs of spaces to tell in the value at ``place`` (`typed_value_warnings`), in order; [] for a value of
    no name-like field (a name, title, role or publisher; an item of one of the record's ``word_lists``).

    A run is told when it holds a TAB or a special space; one of full-width spaces only (全角空格, as an input
    method types) when it starts or ends the value, or stands inside a name (``王　芳``, a name lined up with
    longer ones in a table: the name is 王芳), not inside a title (``白鹤镇　访谈``, set apart on purpose). In an
    item of a list of words typed without quotes, a run between Chinese words is left to `parse_tags`, which
    refuses it (two words typed as one). In a unit's name (``unit_name``) an ordinary space between Chinese
    characters is told too (华新 镇, as `sitegen new unit` refuses it): the name of one place is one word. Not
    in a person's name, where it may part two names (王建国 张丽) that only the editor can join right.
    """
    words = len(place) == 2 and place[0] in word_lists and isinstance(place[1], int)
    named = bool(place) and place[-1] == "name"
    if not (words or (place and place[-1] in _NAME_FIELDS)) or not (
            _ODD_SPACE_RUN.search(value) or unit_name and _SPACE_BETWEEN_HAN.search(value)):
        return []
    parted = words and not data.typed_in_quotes(place)
    runs = []
    for run in _ODD_SPACE_RUN.finditer(value):
        inside = 0 < run.start() and run.end() < len(value)
        if inside and parted and _between_chinese(value, run):
            continue
        if not inside or run.group().strip(" \u3000") or named:
            runs.append(run)
    if unit_name:
        runs += [run for run in _SPACE_BETWEEN_HAN.finditer(value)
                 if not any(odd.start() <= run.start() < odd.end() for odd in runs)]
        runs.sort(key=lambda run: run.start())
    return runs


def _between_chinese(value: str, run: re.Match[str]) -> bool:
    """True when ``run`` stands between two Chinese characters of ``value`` (练塘 镇)."""
    return all("\u3400" <= char <= "\u9fff" for char in (value[run.start() - 1], value[run.end()]))


def _names_or_words(place: tuple[str | int, ...], word_lists: Mapping[str, str]) -> bool:
    """True when the value at ``place`` is a name, title, role or publisher, or an item of one of the record's
    ``word_lists``: its odd spaces, a no-break one among them, are told by `_odd_spaces`."""
    return bool(place) and (place[-1] in _NAME_FIELDS or len(place) == 2 and place[0] in word_lists
                            and isinstance(place[1], int))


_NO_BREAK_GAP_RE = compile_later("[ \t]*\u00a0[ \t\u00a0]*")
"""A no-break space (U+00A0), with the other spaces and TABs typed next to it: one gap on the page."""


def _no_break_gaps(value: str) -> list[re.Match[str]]:
    """The no-break spaces of a text (`_NO_BREAK_GAP_RE`) with text on both sides on its line and a Chinese
    character or mark (`_is_wide`) on one: a gap pasted from Word or a web page. Between Latin words or a figure
    and its unit (``5<U+00A0>km``) one keeps them on one line, as meant, and at a text's edge it shows nothing."""
    return [gap for gap in _NO_BREAK_GAP_RE.finditer(value)
            if value[gap.start() - 1:gap.start()].strip() and value[gap.end():gap.end() + 1].strip()
            and (_is_wide(value[gap.start() - 1]) or _is_wide(value[gap.end()]))]


def _no_break_warning(path: str, data: YamlData, place: tuple[str | int, ...], value: str,
                      gaps: list[re.Match[str]], published_on: str, text: str, first_line: int) -> Problem:
    """The warning for the no-break spaces ``gaps`` of the text at ``place`` (`_no_break_gaps`), at the first of
    them, each told by the text around it (`invisible_place`), since it looks like an ordinary space."""
    first = gaps[0]
    places = list(dict.fromkeys(invisible_place(value, gap.start(), gap.end()) for gap in gaps))
    where = and_joined(places)
    more = f" ({len(gaps)} such gaps in this field)" if len(gaps) > 1 else ""
    it, stands = ("it", "it stands") if len(gaps) == 1 else ("them", "they stand")
    # Between Chinese and a Latin word or a figure, a space may be meant: an ordinary one then.
    latin = any(char.isalnum() and not _is_wide(char) for gap in gaps
                for char in (value[gap.start() - 1], value[gap.end()]))
    # Found by the character before it and the gap: a no-break space elsewhere on the line (5 km) is not it.
    typed = value[first.start() - 1:first.end()]
    line, column = _typed_run(data, text, first_line, place, typed, 1 + first.group().index("\u00a0"))
    return Problem(path, line, column, "warning",
                   f"{field_name(place)}: {space_name(chr(0xA0))} stands beside Chinese text{more}, which is written "
                   f"without spaces: {published_on} would show a gap there",
                   f"delete {it}: {stands} {where}"
                   + ("; where a space is meant between Chinese and Latin letters or figures, type an ordinary space "
                      "(半角空格) in its place" if latin else ""))


def _odd_space_warning(path: str, data: YamlData, place: tuple[str | int, ...], value: str,
                       runs: list[re.Match[str]], published_on: str, text: str, first_line: int) -> Problem:
    """The warning for the odd spaces ``runs`` of the value at ``place`` (`_odd_spaces`), at the first of them.

    Each run is deleted where it starts or ends the value or stands between
    Chinese characters (Chinese is written without spaces), else made one
    ordinary space (``Big Data``, ``Big Data 调研``), as it is inside an item
    of a list of words, which is typed in quotes to keep its space
    (`parse_tags`). The hint gives the value so typed: the line of a field
    (in quotes if it was typed in them), the text of an item.
    """
    first = runs[0]
    odd = next((char for char in first.group() if char != " "), " ")
    name = "a TAB (制表符)" if odd == "\t" else "an ordinary space" if odd == " " else space_name(odd)
    more = f" (and {len(runs) - 1} more such space{'s' * (len(runs) > 2)})" if len(runs) > 1 else ""
    fixed, deleted, end = [], 0, 0
    for run in runs:
        edge = run.start() == 0 or run.end() == len(value)
        gone = edge or (not isinstance(place[-1], int) and _is_wide(value[run.start() - 1])
                        and _is_wide(value[run.end()]))
        fixed += [value[end:run.start()], "" if gone else " "]
        deleted, end = deleted + gone, run.end()
    meant = "".join(fixed) + value[end:]
    how = ("delete it" if len(runs) == 1 else "delete them") if deleted == len(runs) else (
        "type an ordinary space in its place" if not deleted else "type it so")
    key = place[-1]
    quoted = not data.typed_in_quotes(place) and meant or (  # typed in quotes, kept in them
        f'"{meant}"' if '"' not in meant and "\\" not in meant else "'" + meant.replace("'", "''") + "'")
    hint = (f'{how}, so that the {WORD_LIST_FIELDS[str(place[0])]} reads "{meant}"' if isinstance(key, int)
            else paste_hint(how, f"{key}: {quoted}"))
    where = invisible_place(value, first.start(), first.end())
    typed = "elsewhere" if deleted else f"with {'an ordinary space' if len(runs) == 1 else 'ordinary spaces'}"
    result = (f', which {published_on} would publish as part of it: it would not match "{meant}" typed {typed}'
              if published_on else f': a page that spells it "{meant}"{" " + typed if not deleted else ""} would '
              "not be warned")
    return Problem(path, *_typed_run(data, text, first_line, place, first.group()), "warning",
                   f'{field_name(place)}: "{value}" has {name} {where}{more}{result}', hint)


def _is_wide(char: str) -> bool:
    """True for a character of Chinese text (Han, full-width punctuation), beside which no space is written."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _wrapping_quotes(value: str) -> str:
    """The pair of quotes a text is wrapped in whole (``“赵巷镇”`` → "“ ”"), or "" for none, or for quotes
    around parts of it (``“四个最”与“三个一”``)."""
    text = value.strip()
    closer = _QUOTE_PAIRS.get(text[:1])
    if closer is None or len(text) < 3 or not text.endswith(closer) or text[1:-1].strip() == "":
        return ""
    inside = text[1:-1]
    if closer in inside or text[0] in inside:  # “四个最”与“三个一”: quotes around two parts
        return ""
    return f"{text[0]} {closer}"


def _unwrapped_hint(key: str | int, inside: str) -> str:
    """The hint of a value wrapped whole in quotes (`_wrapping_quotes`): the line with ``inside``, the text
    between them, as YAML reads it (in YAML's own quotes only if it needs them: ``"专访: 网格员"``)."""
    typed = as_value(inside)
    if typed == inside:
        return (f"delete the quotes: {key}: {inside} (YAML needs none around Chinese text); keep them only if they "
                "are part of it")
    return (f"delete the quotes: {key}: {typed} (the {typed[0]} {typed[0]} around it now are YAML's: it needs "
            "them for this text, and does not show them); keep them only if they are part of it")


def _stand_in(path: str, data: YamlData, place: tuple[str | int, ...], value: str, published_on: str) -> Problem:
    """The warning for a value that stands for one not known yet (`sitegen.models.is_stand_in`), or, made of
    pictures such as emoji (表情, Unicode's "other symbols": 🍓, ★), that says nothing in words."""
    line, column = data.locate(place)
    pictures = list(dict.fromkeys(char for char in value if unicodedata.category(char) == "So"))
    if pictures:  # 🍓 is no 待定: it stands for a word, which screen readers and search do not get
        names = ", ".join(unicodedata.name(char, "?").lower() for char in pictures[:3])
        return Problem(path, line, column, "warning",
                       f'{field_name(place)}: "{value.strip()}" is symbols (符号) alone, with no word in it: on '
                       f"{published_on}, a screen reader reads out their names ({names}), and search finds it by no "
                       "word",
                       "write it in words (文字), e.g. 草莓 for 🍓, or "
                       + ("delete it from the list" if isinstance(place[-1], int) else "delete the line"))
    fix = ("write the item itself, or delete it from the list" if isinstance(place[-1], int)
           else "write the value itself, or delete the line if the field may be left out")
    if published_on == "the page":
        fix += '; to hold the page back until it is known, add a line "draft: true"'
    return Problem(path, line, column, "warning",
                   f'{field_name(place)}: "{value}" stands for a value not known yet, so {published_on} would '
                   "publish it", fix)


def _yaml_path(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    # pydantic adds tags such as "function-before[...]" for annotated types; they are not keys.
    return tuple(part for part in loc if isinstance(part, int) or "[" not in str(part))


def edit_distance(left: str, right: str) -> int:
    """Optimal string alignment distance: insertions, deletions, changes and swaps of neighbours."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, b in enumerate(right, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == right[j - 2] and left[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def did_you_mean(key: str, known: list[str]) -> str | None:
    """Return the field an unknown ``key`` most likely means, or None.

    Takes the key as typed and the record's field names. Tries, in order: the
    same name in other case or with ``-``/space for ``_`` (``As-Of``); a known
    synonym (`SYNONYMS`: ``description`` → ``summary``, ``标题`` → ``title``);
    the plural or singular (``tally`` → ``tallies``); then the closest name by edit distance, at most 1 edit for names up to 5
    characters and 2 for longer ones (``interveiwee`` → ``interviewee``; but
    ``interview_start`` is not taken for ``interviewee``).
    """
    folded = snake_case(key)
    if folded in known:
        return folded
    for candidate in SYNONYMS.get(folded, ()):
        if candidate in known:
            return candidate
    return near_name(folded, known)


def near_name(folded: str, known: list[str]) -> str | None:
    """The name of ``known`` that ``folded`` (a name as `snake_case` gives it) is a slip of, or None.

    Its plural or singular (``tally`` → ``tallies``, ``resident`` →
    ``residents``), else the closest name by edit distance: at most 1 edit
    for names up to 5 characters and 2 for longer ones; of two names as
    close, the first of ``known``.
    """
    # One for many, or many for one (tally for tallies, milestone for milestones, actions for action).
    singular = folded.removesuffix("ies") + "y" if folded.endswith("ies") else folded.removesuffix("s")
    for candidate in (folded + "s", folded.removesuffix("y") + "ies", singular):
        if candidate != folded and candidate in known:
            return candidate
    limit = 1 if len(folded) <= 5 else 2
    scored = sorted((edit_distance(folded, name), name) for name in known)
    if scored and scored[0][0] <= limit:
        return scored[0][1]
    return None


def closest(typed: str, known: list[str], count: int) -> list[str]:
    """Return the ``count`` names of ``known`` nearest to ``typed``, nearest first.

    Names holding ``typed`` (or held in it) come first (``zhujia`` →
    ``zhujiajiao``), then by edit distance; ties keep the order of
    ``known``. For hints that cannot list every name: a site may have
    hundreds of units, and a hint naming them all hides the one meant.
    """
    return sorted(known, key=lambda name: (typed not in name and name not in typed,
                                           edit_distance(typed, name)))[:count]


def _annotation_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The type annotation of the field at ``loc`` in ``model`` (list indexes skipped); ``model`` for ``()``."""
    annotation: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(_type_inside(annotation, BaseModel), "model_fields", {})
        annotation = fields[part].annotation if part in fields else None
    return annotation


@dataclass(frozen=True)
class Siblings:
    """What else the mapping that holds an unknown key has: the keys typed in it (``taken``), its unknown keys
    and the required fields it lacks, as pydantic found them (`siblings_of`)."""

    taken: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def missing_meant(self, key: str) -> str | None:
        """The one required field missing here when ``key`` is the one unknown key: what it most likely
        renames (``processing: 50`` where a tally lacks ``in_progress``), whatever it looks like."""
        return self.missing[0] if self.unknown == (key,) and len(self.missing) == 1 else None


def siblings_of(items: list[Any], value: Any) -> dict[tuple[Any, ...], Siblings]:
    """For each mapping that holds an unknown key: its `Siblings`, by the mapping's location.

    Takes pydantic's error items and the loaded YAML value (the record's
    fields as typed, without the defaults the caller adds).
    """
    unknown: dict[tuple[Any, ...], list[str]] = {}
    missing: dict[tuple[Any, ...], list[str]] = {}
    for item in items:
        loc = _yaml_path(tuple(item["loc"]))
        if item["type"] == "extra_forbidden" and loc:
            unknown.setdefault(loc[:-1], []).append(str(loc[-1]))
        elif item["type"] == "missing" and loc:
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
    found = {}
    for where, keys in unknown.items():
        mapping = _value_at(value, where)
        taken = frozenset(str(key) for key in mapping) if isinstance(mapping, dict) else frozenset()
        found[where] = Siblings(taken, tuple(keys), tuple(missing.get(where, ())))
    return found


def _value_at(value: Any, loc: tuple[Any, ...]) -> Any:
    """The part of a loaded YAML ``value`` at ``loc`` (keys and list indexes), or None when there is none."""
    for part in loc:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return None
    return value


def _key_readings(model: type[BaseModel], loc: tuple[Any, ...],
                  siblings: Siblings | None = None) -> tuple[str | None, list[tuple[str, bool, str]]]:
    """What the unknown key at ``loc`` of ``model`` may mean: ``(the field it renames, the blocks holding it)``.

    The field is `did_you_mean`'s among the fields not typed in the same
    mapping already (``siblings``: renaming ``unresolved`` to ``resolved``
    beside a ``resolved:`` line would make a key typed twice), else, for a
    key that is no field of a block either, the one required field missing
    there when the key is the one unknown key (`Siblings.missing_meant`);
    None if none. The blocks are `_holders_of`'s, [] when the key is a
    field of the record typed in another case or spelling (``Title``),
    which is surely a rename.
    """
    siblings = siblings or Siblings()
    owner = _type_inside(_annotation_at(model, loc[:-1]), BaseModel)
    key = str(loc[-1])
    here = _meant_in_group(owner, key)
    if here is not None:  # title in interviewee: the job title, never the page's title
        return (here[0] if here[0] not in siblings.taken else None), []
    known = [name for name in getattr(owner, "model_fields", {}) if name != "root" and name not in siblings.taken]
    close = did_you_mean(key, known)
    folded = snake_case(key)
    holders = _holders_of(owner, key) if close != folded else []
    if close is None and not holders and _record_field(model, loc) is None:
        close = siblings.missing_meant(key)  # not "tallies" for a missing "series": the figures are the unit's
    return close, holders


def _meant_in_group(owner: Any, key: str) -> tuple[str, str] | None:
    """``(the field, what it holds)`` that ``key`` names in the record ``owner`` by `SYNONYMS_IN` (``title`` in an
    interviewee: ``role``, the job title), or None for a key not listed there for that record."""
    return SYNONYMS_IN.get(owner, {}).get(snake_case(key)) if isinstance(owner, type) else None


def _group_word(model: type[BaseModel], loc: tuple[Any, ...], data: YamlData,
                siblings: Siblings | None) -> tuple[str, str] | None:
    """``(message, hint)`` for the unknown key at ``loc`` when, in the group holding it, it names a field of that
    group (`SYNONYMS_IN`: ``title`` under ``interviewee:``); None otherwise.

    The field not typed there yet: rename the key to it. Typed already:
    keep the one meant there, and delete this line (both hold the same
    thing, a job title typed twice), rather than move it out to the left
    edge, where it would type the file's own field twice. When the file's
    own field of that name is not typed at the left edge, this line may be
    it: with the group's field typed already, it is told to come out
    (None here); else both readings are offered.
    """
    owner = _type_inside(_annotation_at(model, loc[:-1]), BaseModel)
    key = str(loc[-1])
    here = _meant_in_group(owner, key)
    if here is None or len(loc) < 2:
        return None
    field, holds = here
    own = snake_case(key)
    own_untyped = own in model.model_fields and isinstance(data.value, dict) and own not in data.value
    message = f'unknown field "{clip(key)}" in {field_name(loc[:-1])}'
    if siblings is not None and field in siblings.taken:
        if own_untyped:
            return None  # the job title is typed, the page's title is not: this is the page's title
        line = data.locate_key(loc[:-1] + (field,))[0]
        return (message + f' (here it means "{field}", {holds}, which is typed already, on line {line})',
                f'keep the one meant after "{field}:" on line {line}, and delete this line')
    if own_untyped:
        return (message + f' (did you mean "{field}", {holds}? or is it the file\'s own "{own}", typed further '
                "in than the file's other fields?)",
                f'rename it to "{field}"; or, if it is the file\'s own {own}, delete the spaces at the start of its '
                f'line, so that "{own}:" stands at the left edge')
    return message + f' (did you mean "{field}", {holds}?)', f'rename it to "{field}"'


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...], data: YamlData,
                 siblings: Siblings | None = None) -> tuple[str, str]:
    """``(message, hint)`` for the unknown field at ``loc`` of ``model``, typed in ``data``.

    A key that is a field of a block of the record (``role:`` typed
    outside ``interviewee:``, ``note:`` outside a tally or a target,
    ``职务:`` for ``role``) is told where to move (`_elsewhere`), or, typed
    right below such a block and less indented than its fields, which line
    to indent by how much (`sitegen.yamltext.YamlData.lost_indent`). Else
    the field meant (`_key_readings`, told of the mapping's other keys by
    ``siblings``), else every field not typed there yet. A field of the
    file's own typed in a block (``  draft: true`` under ``source:``) is
    told to come out to the left edge: told to remove it, an editor lost
    the field (a draft was published); but not one that names a field of
    the block there (``title`` under ``interviewee:``, the job title:
    `_group_word`).
    """
    elsewhere = _elsewhere(model, loc, siblings)
    if elsewhere is not None:
        below = data.lost_indent(loc, elsewhere.blocks)
        return elsewhere.message, elsewhere.hint_below(below) if below is not None else elsewhere.hint
    said = _group_word(model, loc, data, siblings)
    if said is not None:
        return said
    key = str(loc[-1])
    if len(loc) > 1 and key in model.model_fields and key != "root":
        # "  draft: true" typed under source: was told "remove it", which published the draft.
        return (f'unknown field "{clip(key)}" in {field_name(loc[:-1])} (it is a field of the file\'s own, typed '
                "further in than the file's other fields)",
                f'delete the spaces at the start of its line, so that "{clip(key)}:" stands at the left edge, as '
                "the file's other fields do")
    owner = _type_inside(_annotation_at(model, loc[:-1]), BaseModel)
    every = [name for name in getattr(owner, "model_fields", {}) if name != "root"]
    taken = siblings.taken if siblings is not None else frozenset()
    known = [name for name in every if name not in taken]
    key = str(loc[-1])
    close, _ = _key_readings(model, loc, siblings)
    if did_you_mean(key, known) is None and (kept := _record_field_typed(model, loc, data)) is not None:
        return kept
    if close is None and (note := _note_typed(key, loc, data)) is not None:
        return note
    if close is None and (kept := _credit_or_subtitle(model, loc, data)) is not None:
        return kept
    message = f'unknown field "{clip(key)}"' + (f" in {field_name(loc[:-1])}" if len(loc) > 1 else "")
    if close and siblings is not None and close == siblings.missing_meant(key) and did_you_mean(key, known) is None:
        return message + f' (did you mean "{close}", the field missing there?)', f'rename it to "{close}"'
    if close:
        return message + f' (did you mean "{close}"?)', f'rename it to "{close}"'
    repeated = did_you_mean(key, every)
    if repeated in taken:
        # Renaming it would type that field twice: the editor is told why no rename is offered.
        message += f' ("{repeated}" is typed already, on line {data.locate_key(loc[:-1] + (repeated,))[0]})'
    if not known:
        return message, f"remove it: every field that can be here ({', '.join(every)}) is typed already"
    # "remove it, or use one of: updated, draft, aliases" read as "rename it to one of these" for a field that
    # is none of them (interview_start: 14:30): the fields left are said to be what they are, and a page's
    # editor is told where its words can be kept.
    keep = ("sitegen publishes no field it does not know; to keep its words, write them in the page's text"
            if len(loc) == 1 and model.__name__ in ("InterviewMeta", "CaseStudyMeta")
            else "sitegen reads no field it does not know")
    return message, f"remove it ({keep}); the fields that can be here and are not typed yet: " + ", ".join(known)


def _record_field(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str] | None:
    """``(the page's field naming a record, the record's field)`` when the key at ``loc``, at the left edge of a
    ``model`` page, is a field of a record the page names (`_NAMED_RECORDS`: ``tallies`` of its unit, ``blurb`` of
    its series) and of no block of the page's; None otherwise. The key may be another word for the field or a
    slip of it (`did_you_mean`: ``调研数据``, ``tally``)."""
    if len(loc) != 1:
        return None
    for naming, (record, _) in _NAMED_RECORDS.items():
        if naming not in model.model_fields:
            continue
        theirs = [name for name in record.model_fields
                  if name != "id" and name not in model.model_fields and not _holders_of(model, name)]
        field = did_you_mean(str(loc[0]), theirs)
        if field is not None:
            return naming, field
    return None


def _record_field_typed(model: type[BaseModel], loc: tuple[Any, ...], data: YamlData) -> tuple[str, str] | None:
    """``(message, hint)`` for a field of a record the page names typed in its front matter (`_record_field`), or
    None for any other key.

    ``tallies:`` typed in an interview was "unknown field … remove it",
    and the editor deleted the figures. The hint names the record's file
    (``content/units/<the page's unit:>.yaml``, or its folder when the
    page's ``unit:`` is no id) and the lines to move there, under the
    field's line.
    """
    found = _record_field(model, loc)
    if found is None:
        return None
    naming, field = found
    record, folder = _NAMED_RECORDS[naming]
    named = data.value.get(naming) if isinstance(data.value, dict) else None
    if isinstance(named, str) and re.fullmatch(_ID, named.strip()):
        file = f"content/{folder}/{named.strip()}.yaml"
        where = f", {file}"
    else:  # 白鹤镇, 待定, or no unit: line: the file cannot be named
        where = f" in content/{folder}/"
        file = (f'the {naming}\'s file in content/{folder}/ (its name without .yaml is the {naming}\'s id, which '
                f'"{naming}:" takes)')
    key = str(loc[0])
    label = field if snake_case(key) != field else _chinese_label(field)  # 调研数据 (tallies), tallies (调研数据)
    message = (f'"{clip(key)}"{f" ({label})" if label else ""} is a field of {_kind_of(record)}, typed in its '
               f"file{where}, not in the front matter of {_kind_of(model)}")
    return message, _move_to_file_hint(data, key, field, file)


_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""An id as a record's file name spells it (``baihe``, ``zhao-xiang-zhen``)."""


def _chinese_label(field: str) -> str:
    """The Chinese word that names ``field`` alone in `SYNONYMS` (``调研数据`` for ``tallies``), or ""."""
    return next((word for word, fields in SYNONYMS.items() if fields == (field,) and not word.isascii()), "")


def _move_to_file_hint(data: YamlData, key: str, field: str, file: str) -> str:
    """The hint to move the field typed as ``key`` at the left edge of ``data`` to ``file``, where it is ``field``:
    its lines as typed, or, when that file has the field's line already, the items below it."""
    first, last = data.locate_key((key,))[0], data.lines_of((key,))[1]
    lines = f"this line ({first})" if first == last else f"these lines ({first} to {last})"
    renamed = f', the first written "{field}:"' if snake_case(key) != field else ""
    value_line = data.locate((key,))[0]
    if isinstance(data.value.get(key), list) and first < value_line <= last:
        items = f"line {value_line} (the item)" if value_line == last else f"lines {value_line} to {last} (the items)"
        return (f'move {lines} to the end of {file}{renamed}; if that file has a "{field}:" line already, move only '
                f'{items}, below its last item, with the "-" lined up with the "-" of the items above; the values '
                "stay as typed")
    both = "add the items of this one to it" if isinstance(data.value.get(key), list) else "keep the one meant"
    return f'move {lines} to {file}{renamed}; if that file has a "{field}:" line already, {both}'


_SENTENCE_MARKS = compile_later(r"[。，、；！？（）：]|(?:\S+\s+){3}\S")
"""In a key, what only a sentence holds: Chinese sentence punctuation, or four words or more."""


_CREDIT_KEYS = frozenset({"author", "authors", "byline", "reporter", "reporters", "writer", "editor", "editors",
                          "photographer", "photo_by", "作者", "记者", "编辑", "责任编辑", "摄影", "通讯员"})
_SUBTITLE_KEYS = frozenset({"subtitle", "sub_title", "subheading", "副标题", "引题"})


def _credit_or_subtitle(model: type[BaseModel], loc: tuple[Any, ...], data: YamlData) -> tuple[str, str] | None:
    """``(message, hint)`` for a page's unknown field that credits its writers (``author: 记者 王芳``) or gives
    it a subtitle (``subtitle: 补好短板``), or None for any other key.

    "Remove it, or use one of …" would have the editor delete a line the page is meant to show: sitegen has no
    such field (news sites print the byline in the text), so the hint moves its words into the text or the
    title, with the text typed there. Only a page's own field (one with ``tags``) at the file's left edge.
    """
    key = str(loc[-1])
    if len(loc) != 1 or "tags" not in model.model_fields or key.lower() not in _CREDIT_KEYS | _SUBTITLE_KEYS:
        return None
    fields = data.value if isinstance(data.value, dict) else {}
    typed = fields.get(key)
    words = " ".join(typed.split()) if isinstance(typed, str) and typed.strip() else ""
    if key.lower() in _CREDIT_KEYS:
        credit = f"{key} {words}" if words and not key.isascii() and not words.startswith(key) else words
        return (f'unknown field "{clip(key)}": a page has no field for who wrote it, so it would not be shown',
                f"write it as the last line of the page's text, e.g. （{credit or '记者 王芳'}）, and delete this line")
    title = fields.get("title")
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else "白鹤镇访谈"
    return (f'unknown field "{clip(key)}": a page has no field for a subtitle, so it would not be shown',
            f"write it in the title after a full-width colon, e.g. title: {title}：{words or '补好短板'}, or as the "
            "first line of the page's text; then delete this line")


def _note_typed(key: str, loc: tuple[Any, ...], data: YamlData) -> tuple[str, str] | None:
    """``(message, hint)`` for an unknown key that is a sentence: a note of ``sitegen new`` (``The file name is the
    unit's id: …``) whose ``# `` was taken off with the fields below it; None for a key that may be a field's name.

    "unknown field" with the fields to use instead would have the editor rename a sentence; the hint gives the
    line back with its ``# ``.
    """
    if not _SENTENCE_MARKS.search(key):
        return None
    typed = data.line_text(data.locate_key(loc)[0])
    if typed is None or key not in typed:
        return None
    return NOTE_MESSAGE.format(key=clip(key, 20)), paste_hint(NOTE_HINT, f"# {typed.strip()}")  # the line is in the hint


def _elsewhere(model: type[BaseModel], loc: tuple[Any, ...], siblings: Siblings | None = None) -> FieldElsewhere | None:
    """What the key at ``loc`` of ``model`` is when it is no field there but a field of blocks held there, or None.

    Each block holding it is named (`_holders_of`); when it may be a rename
    too (``name:`` for ``title``, or the interviewee's name), both fixes
    are named (`_key_readings`). The hint says where to move it; a caller
    that sees it typed right below such a block says instead to indent it
    (`sitegen.yamltext.FieldElsewhere.hint_below`).
    """
    key = str(loc[-1])
    close, holders = _key_readings(model, loc, siblings)
    if not holders:
        return None
    where = f" in {field_name(loc[:-1])}" if len(loc) > 1 else ""
    message = f'unknown field "{clip(key)}"{where}'
    field = holders[0][2]
    parts = [f"each item of {name}" if many else name for name, many, _ in holders]
    held = (f'the field "{field}" of ' if field != key else "a field of ") + " and of ".join(parts)
    if len(holders) > 1:
        hint = (f"move it into the block it belongs to ({' or '.join(parts)}), indented as that block's other "
                "fields" + (f", written as {field}" if field != key else ""))
    elif holders[0][1]:
        name = holders[0][0]
        hint = (f'move it into an item of {name}: under a "- " line of {name}:, indented as that item\'s '
                "other fields" + (f", written as {field}" if field != key else ""))
    else:
        name = holders[0][0]
        hint = (f'move it under {name}: below the line "{name}:" (add that line if there is none), indented by '
                f'two spaces ("  {clip(field)}: …")')
    blocks = frozenset(name for name, _, there in holders if there == key)
    if close:
        return FieldElsewhere(message + f' (did you mean "{close}"? or is it {held}?)',
                              f'rename it to "{close}", or {hint}', held, blocks, close)
    return FieldElsewhere(message + f" (it is {held})", hint, held, blocks)


def fields_elsewhere(model: type[BaseModel]) -> ElsewhereFinder:
    """For `sitegen.yamltext.load_yaml`: whether a key typed in the mapping at a path of a ``model`` file is no
    field there but a field of blocks held there (`_elsewhere`), so that a key typed twice so is told so."""
    return lambda path, key: _elsewhere(model, path + (key,))


def names_a_field(model: type[BaseModel]) -> FieldNamer:
    """For `sitegen.yamltext.load_yaml`: the field a key typed in the mapping at a path of a ``model`` file names.

    The key itself when it is a field of the record there or of a block held there (``role`` typed beside
    ``interviewee:``: where it goes is told later), or when no record is known there; the field meant when
    `_key_readings` finds it another word for one or a slip of one (``title`` for ``标题`` or ``titel``);
    None for words that name none (``以后每次新数据``).
    """
    def names(path: tuple[str | int, ...], key: str) -> str | None:
        owner = _type_inside(_annotation_at(model, path), BaseModel)
        if owner is None or key in owner.model_fields:
            return key  # a field, or no record there: the records cannot say
        close, holders = _key_readings(model, path + (key,))
        if close is not None:
            return close
        return key if holders else None
    return names


class _TagsField(NamedTuple):
    """What `sitegen.models.parse_tags` reads of pydantic's ``ValidationInfo``: the field's name and the context."""

    field_name: str
    context: dict[str, Any]


def values_meant(model: type[BaseModel]) -> ValueMender:
    """For `sitegen.yamltext.load_yaml`: a value typed after a key of a ``model`` file as its field needs it
    typed, for a hint that gives the line whole (``标签：大调研，补短板`` → ``tags: [大调研, 补短板]``).

    The mender takes the path of the field (``("tags",)``) and the text typed after its key (its comment
    left out); it returns ``(how to mend the value, the value to type)`` as `sitegen.models.parse_tags`
    words them (`LIST_MEANT`) for a list of words (tags, a unit's aliases and misspellings) that it would
    refuse: typed without brackets, in full-width brackets 【】, with a full-width comma or 顿号, a
    semicolon, or spaces between Chinese words; None for any other value or field, and for a list it
    accepts. Following a hint of the key alone would then give the list's own error on the same line.
    """
    def meant(path: tuple[str | int, ...], typed: str) -> tuple[str, str] | None:
        field = path[-1] if path else None
        owner = _type_inside(_annotation_at(model, path[:-1]), BaseModel)
        if owner is None or field not in owner.model_fields:
            return None
        choices = _type_inside(owner.model_fields[field].annotation, Enum)
        if choices is not None:
            return _choice_meant(choices, typed)
        if field not in WORD_LIST_FIELDS:
            return None
        data = load_yaml(f"{field}: {typed}", "", Report())  # a value YAML cannot read has its own error
        if data is None or not isinstance(data.value, dict) or not isinstance(data.value.get(field), (str, list)):
            return None
        value = data.value[field]
        quoted = frozenset(index for index in range(len(value)) if data.typed_in_quotes((field, index))) \
            if isinstance(value, list) else frozenset()
        try:
            parse_tags(value, _TagsField(str(field), {QUOTED_TAGS: {field: quoted}}))  # type: ignore[arg-type]
        except PydanticCustomError as refusal:
            return (refusal.context or {}).get(LIST_MEANT)
        return None
    return meant


def _choice_meant(choices: type[Enum], typed: str) -> tuple[str, str] | None:
    """`values_meant`'s mending of a value of the closed vocabulary ``choices`` typed as another word for one of
    its values (进行中 for in_progress: `sitegen.models.choice_meant`); None for a value it takes as typed (the
    value, or its label as the pages show it: `sitegen.models.choice_value`) or names no value of."""
    data = load_yaml(f"value: {typed}", "", Report())
    value = data.value.get("value") if data is not None and isinstance(data.value, dict) else None
    if not isinstance(value, str) or choice_value(choices, value) != value.strip() or \
            value.strip() in {choice.value for choice in choices}:
        return None
    written = choice_meant(choices, value)
    if written is None:
        return None
    return f"write {written} for {value.strip()}, which the field does not take", written


def group_fields(model: type[BaseModel]) -> GroupFinder:
    """For `sitegen.yamltext.load_yaml`: the fields of the record typed at a path of a ``model`` file.

    The finder takes a path of keys and list indexes and returns the field
    names of the record typed there, required ones first: the file's own
    at ``()``, a group of fields at ``("interviewee",)`` (``("name",
    "role")``), an item of a list of records at ``("tallies", 0)``. None
    when no record is typed at the path (a text, a list of records itself,
    an unknown key). Its ``lists_texts`` says whether the field at a path is
    a list of texts (a case study's ``actions``, ``tags``).
    """
    return _FieldsAt(model)


class _FieldsAt:
    """`group_fields`' finder for ``model``: called with a path, the fields of the record typed there."""

    def __init__(self, model: type[BaseModel]) -> None:
        self._model = model

    def __call__(self, path: tuple[str | int, ...]) -> tuple[str, ...] | None:
        annotation = _annotation_at(self._model, path)
        record = _type_inside(annotation, BaseModel)
        in_list = bool(path) and isinstance(path[-1], int)
        if record is None or in_list != any(get_origin(kind) in (tuple, list)
                                            for kind in (annotation, *get_args(annotation))):
            return None
        known = {name: info for name, info in record.model_fields.items() if name != "root"}
        return (*(name for name, info in known.items() if info.is_required()),
                *(name for name, info in known.items() if not info.is_required()))

    def lists_texts(self, path: tuple[str | int, ...]) -> bool:
        """Whether the field at ``path`` is a tuple or list of texts (its items' own checks aside)."""
        annotation = _annotation_at(self._model, path)
        kinds = [annotation] if get_origin(annotation) in (tuple, list) else \
            [kind for kind in get_args(annotation) if get_origin(kind) in (tuple, list)]
        return any(item is str or get_args(item)[:1] == (str,) for kind in kinds for item in get_args(kind)[:1])


def _holders_of(owner: Any, key: str) -> list[tuple[str, bool, str]]:
    """The fields of ``owner`` whose record (or each item of whose list) has a field ``key``.

    Takes a record class and a key typed in it that is none of its
    fields. Returns ``(the field's name, whether it is a list, the name
    ``key`` has there)``, in field order: the key as typed, else (none
    holding it so) the fields it is another word for (`SYNONYMS`:
    ``职务`` is ``role``) unless ``owner`` has one of those itself; [] when
    no field of ``owner`` holds one, or when ``owner`` has ``key`` itself.
    """
    fields = getattr(owner, "model_fields", {})
    folded = snake_case(key)
    if key in fields:
        return []
    synonyms = SYNONYMS.get(folded, ())
    for names in ((folded,), () if any(name in fields for name in synonyms) else synonyms):
        found = []
        for name, info in fields.items():
            inner = getattr(_type_inside(info.annotation, BaseModel), "model_fields", {})
            meant = next((candidate for candidate in names if candidate in inner), None)
            if meant is not None:
                # A list of records (tuple[Tally, ...]), maybe optional, or one record (Contact | None).
                kinds = (info.annotation, *get_args(info.annotation))
                found.append((name, any(get_origin(kind) in (tuple, list) for kind in kinds), meant))
        if found:
            return found
    return []


def _type_inside(annotation: Any, base: type) -> Any:
    """Find the subclass of ``base`` (a record class, an enum) that is ``annotation`` or inside ``X | None``
    or ``tuple[X, ...]``; None if there is none."""
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _type_inside(arg, base)
        if found is not None:
            return found
    return None


def validate_record(model: type[RecordT], data: YamlData, path: str, report: Report,
                    *, defaults: dict[str, Any] | None = None,
                    folders: Mapping[type[BaseModel], str] | None = None) -> RecordT | None:
    """Validate loaded YAML as one record.

    Takes the record class, the loaded YAML (its ``value`` must be a
    mapping), the file path relative to the site root and the report;
    ``defaults`` fills fields the file may leave out (e.g. ``id`` from the
    file name); ``folders``, the folder of each kind of file that may be
    saved in the folder of another (``model``'s among them:
    ``{InterviewMeta: "content/interviews/", CaseStudyMeta:
    "content/cases/"}``), so that a file with the fields of another kind is
    told, once, to move to its folder (`_report_other_kind`). Returns the
    record, or None after adding one error per bad
    field (each at the line and column where it was typed) to the report.
    The validation context tells `sitegen.models.parse_tags` which tags
    (aliases, misspellings) were typed in quotes. Raises nothing for bad input.
    """
    if not isinstance(data.value, dict):
        line, column = data.locate(())
        kind = "nothing" if data.value is None else "a list" if isinstance(data.value, list) else "one line of text"
        hint = _record_as_list_hint(model, data) or ('start each line with a field name, an English colon and a '
                                                     f'space, e.g. "{_example_line(model, defaults or {})}"')
        report.error(path, line, column, f'expected fields as "key: value" lines, but found {kind}', hint)
        return None
    if folders and _report_other_kind(model, data, path, report, folders):
        return None  # its fields are right, in the folder of their kind: "unknown field … remove it" deleted them
    joined = _lines_joined(model, data, path, report)
    paired = _pairs_typed(model, data, path, report)
    in_texts = report_fields_in_texts(data, group_fields(model), path, report)
    values = {**(defaults or {}), **data.value}
    # Only a tag with a separator mark or a space can need it, and looking costs the positions: look only then.
    quoted = {key: frozenset(index for index, tag in enumerate(values[key])
                             if isinstance(tag, str) and any(mark in tag for mark in _SPLITTING)
                             and data.typed_in_quotes((key, index)))
              for key in WORD_LIST_FIELDS if isinstance(values.get(key), list)}
    try:
        record = model.model_validate(values, context={QUOTED_TAGS: quoted})
        return None if joined or paired else record
    except ValidationError as failure:
        items = _after_wide_notes(model, values, failure.errors(), data, path, report)
        siblings = siblings_of(items, data.value)
        renamed = _renamed_fields(model, items, siblings)
        misplaced = _misplaced_items(model, data.value)
        for (field, index), home in misplaced.items():
            _report_misplaced(model, data, path, report, (field, index), home)
        for item in items:
            loc = _yaml_path(tuple(item["loc"]))
            if loc in renamed and (item["type"] == "missing" or item.get("input", "") is None):
                continue  # "unknown field interveiwee (did you mean interviewee?)" says it all
            if loc[:2] in misplaced or (loc and loc[0] in misplaced.values() and item.get("input", "") is None):
                continue  # its fields are right, in the list they belong to, which the hint fills ("tallies:" empty)
            if any(loc[:len(told)] == told for told in paired):
                continue  # "2018-01-10: 成立…" typed for a milestone: its lines are given, not "date is missing"
            if loc and loc[0] in joined:
                continue  # "1. 走访" and "2. 研究" typed a line each: told as lines without "- " already
            if loc in in_texts and item["type"] == "missing":
                continue  # typed inside a text above it: told so, with the line to type
            if item["type"] == "extra_forbidden" and folders and _report_field_of_other_kind(
                    model, loc, data, path, report, folders):
                continue
            add_validation_problem(model, item, data, path, report, siblings)
        return None


def _after_wide_notes(model: type[BaseModel], values: dict[str, Any], items: list[Any], data: YamlData, path: str,
                      report: Report) -> list[Any]:
    """The errors ``items`` of validating ``values`` as ``model``, less those of a value that is right but for a
    note typed after it with a full-width space (``draft: false　# 发布``, ``collected: 296　# 份``), which YAML
    reads as part of a date, a yes/no, an id or a number: each is told once here, with the line to type, and
    the warning that the note is published as text (no page is, the build stops) is taken back."""
    wide = {loc: note for loc, note in _wide_notes(data.value, ()).items() if not data.typed_in_quotes(loc)}
    failed = {_yaml_path(tuple(item["loc"])) for item in items}
    noted = {loc: note for loc, note in wide.items() if loc in failed}
    if not noted:
        return items
    try:
        model.model_validate(_with_values(values, {loc: note.value for loc, note in noted.items()}))
        still: set[tuple[Any, ...]] = set()
    except ValidationError as again:
        still = {_yaml_path(tuple(item["loc"])) for item in again.errors()}
    for loc, note in noted.items():
        if loc not in still:
            _report_wide_note(loc, note, data, path, report)
    return [item for item in items if _yaml_path(tuple(item["loc"])) in still or
            _yaml_path(tuple(item["loc"])) not in noted]


def _report_wide_note(loc: tuple[Any, ...], note: WideNote, data: YamlData, path: str, report: Report) -> None:
    """Tell the note ``note`` typed after the value at ``loc`` that is no text, in place of its warning."""
    line, column = data.locate(loc)
    for problem in list(report.problems):
        if problem.path == path and problem.line == line and is_wide_note_warning(problem):
            report.withdraw(problem)
    report.error(path, line, column, *wide_note_error(loc, note))


def wide_note_error(loc: tuple[Any, ...], note: WideNote) -> tuple[str, str]:
    """``(message, hint)`` for the note ``note`` typed after the value at ``loc`` (a date, a yes/no, an id, a
    number), read as part of it: the line to type has an ordinary space before the ``#``. Never the quotes the
    note of a text is offered (``draft: "false　# 发布"`` is no yes/no either)."""
    return (f'{field_name(loc)}: the value is "{note.value}", and the note "{clip(note.note, 30)}" after it is '
            f"read as part of it, because of {note.why}: YAML reads an ordinary \"#\" after an ordinary space as "
            "the start of a note (注释)", paste_hint(note.fix, note.line(loc[-1])))


def withdraw_missing_beside_text(report: Report) -> None:
    """Take back from ``report`` the errors of fields missing from a file (not from a block of it) when a line of
    text of that file is told (`sitegen.yamltext.is_text_line_error`), for a caller that checked the YAML and its
    fields into two reports before joining them.

    The line may be the missing field's value typed without its name (a series' blurb on a line of its own):
    its hint says to type the name before it, and "the field blurb is missing" beside it would be a second
    message for one slip. A field missing indeed is told once the line is mended.
    """
    texts = {problem.path for problem in report.problems if is_text_line_error(problem)}
    for problem in list(report.problems):
        if problem.path in texts and problem.severity == "error" and _MISSING_FIELD.fullmatch(problem.message):
            report.withdraw(problem)


_MISSING_FIELD = compile_later(r'the field "[^"]+" is missing')
"""The message of a field missing from a file (`add_validation_problem`); from a block of it, it goes on."""


def withdraw_wide_note_warnings(report: Report) -> None:
    """Take back from ``report`` the warning of a note published as text (`sitegen.yamltext.is_wide_note_warning`)
    on a line whose error tells the note already (`_after_wide_notes`), for a caller that checked the YAML and
    its fields into two reports before joining them."""
    told = {(problem.path, problem.line) for problem in report.problems
            if problem.severity == "error" and '" after it is read as part of it, because of ' in problem.message}
    for problem in list(report.problems):
        if (problem.path, problem.line) in told and is_wide_note_warning(problem):
            report.withdraw(problem)


def _wide_notes(value: Any, loc: tuple[Any, ...]) -> dict[tuple[Any, ...], WideNote]:
    """Every text in the loaded ``value`` (under ``loc``) with a note typed after a full-width space, by place."""
    if isinstance(value, str):
        note = split_wide_note(value) if loc else None
        return {loc: note} if note is not None else {}
    parts = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return {place: note for key, part in parts for place, note in _wide_notes(part, loc + (key,)).items()}


def _with_values(value: Any, changes: Mapping[tuple[Any, ...], Any]) -> Any:
    """A copy of the loaded ``value`` with the parts at the places of ``changes`` changed (the rest shared)."""
    if () in changes:
        return changes[()]
    if isinstance(value, dict):
        return {key: _with_values(part, {loc[1:]: new for loc, new in changes.items() if loc[0] == key})
                if any(loc[0] == key for loc in changes) else part for key, part in value.items()}
    if isinstance(value, list):
        return [_with_values(part, {loc[1:]: new for loc, new in changes.items() if loc[0] == index})
                if any(loc[0] == index for loc in changes) else part for index, part in enumerate(value)]
    return value


def _report_field_of_other_kind(model: type[BaseModel], loc: tuple[Any, ...], data: YamlData, path: str,
                                report: Report, folders: Mapping[type[BaseModel], str]) -> bool:
    """Report a key at the left edge of a ``model`` file that is a field of another kind of ``folders`` only
    (``status:`` in an interview, ``interviewee:`` in a case study, ``blurb:`` in a unit), and no slip of a
    ``model`` field; return whether it was reported.

    It was "unknown field "status" … remove it, or use one of: draft,
    aliases", which offered fields that have nothing to do with it and
    did not say the file may be in the wrong folder. The error says whose
    field it is and where the file is; the hint gives the lines to delete,
    or the folder to move the file to when it is a page of that kind.
    """
    if len(loc) != 1:
        return False
    key = str(loc[0])
    mine = [name for name in model.model_fields if name != "root"]
    other = next((kind for kind in folders if kind is not model and snake_case(key) in kind.model_fields
                  and snake_case(key) not in mine), None)
    if other is None or did_you_mean(key, mine) is not None:
        return False
    (first, column), last = data.locate_key(loc), data.lines_of(loc)[1]
    lines = f"line {first}" if first >= last else f"lines {first}–{last}"
    own, there = folders[model], folders[other]
    report.error(path, first, column,
                 f'unknown field "{clip(key)}": it is a field of {_kind_of(other)}, and this file is in {own}, where '
                 f"each file is {_kind_of(model)}, which has no {clip(key)}",
                 f"delete {lines}; or, if the file is {_kind_of(other).split(' (')[0]}, move it to {there} and give it "
                 f"the fields of one (sitegen new {_NEW_WORD.get(other.__name__, 'page')} shows them)")
    return True


_NEW_WORD = {"InterviewMeta": "interview", "CaseStudyMeta": "case", "Unit": "unit", "Series": "series"}
"""The word ``sitegen new`` takes for a kind of file, by its record's class."""


def _other_kind(model: type[BaseModel], value: dict[Any, Any],
                kinds: Iterable[type[BaseModel]]) -> tuple[type[BaseModel], list[str]] | None:
    """The kind of ``kinds`` other than ``model`` that a file of ``model``'s folder holding ``value`` is, with the
    keys typed that are fields of that kind only (as typed, in order); None when it is no other kind.

    It is when no key is a field that only ``model`` files have, and two
    keys or more are fields that only that kind has and no slip of a
    ``model`` field either (`did_you_mean`: ``name`` may be a unit's, or
    a series' ``title`` misnamed), as `_home_of` places an item of a list.
    """
    mine = [name for name in model.model_fields if name != "root"]
    typed = [str(key) for key in value]
    for other in kinds:
        theirs = set(other.model_fields)
        if other is model or any(snake_case(key) in set(mine) - theirs for key in typed):
            continue
        found = [key for key in typed if snake_case(key) in theirs - set(mine)]
        if sum(did_you_mean(key, mine) is None for key in found) >= 2:
            return other, found
    return None


def _report_other_kind(model: type[BaseModel], data: YamlData, path: str, report: Report,
                       folders: Mapping[type[BaseModel], str]) -> bool:
    """Report a file with the fields of another kind than its folder's (`_other_kind`: a case study saved in
    content/interviews/) as one error at its first such field, with the folder to move it to; return whether
    it was reported.

    Told field by field ("unknown field "status" … remove it", "add
    interviewee"), the editor deleted the case study to make an interview
    of it.
    """
    found = _other_kind(model, data.value, folders) if isinstance(data.value, dict) else None
    if found is None:
        return False
    other, keys = found
    own, there = folders[model], folders[other]
    moved = there + (path[len(own):] if path.startswith(own) else path.rpartition("/")[2])
    report.error(path, *data.locate_key((keys[0],)),
                 f"the file has the fields of {_kind_of(other)}: {', '.join(clip(key, 20) for key in keys)}; but it "
                 f"is in {own}, where each file is {_kind_of(model)}",
                 f"move the file to {there} (each file there is {_kind_of(other).split(' (')[0]}): {moved}; its "
                 "lines stay as typed")
    return True


def _lines_joined(model: type[BaseModel], data: YamlData, path: str, report: Report) -> set[str]:
    """Report each list of texts typed one item a line without "- " (``actions:``, then a line per action), which
    YAML joins into one text, so the page would show one item; returns the keys of those reported.

    Only a value typed over two lines or more below its key is one (`YamlData.typed_lines`): one line
    below the key is one item, as meant. Numbers or dashes typed before some of the lines are left out
    of the items the hint writes; lines numbered 1, 2, 3 are left to `sitegen.models.numbered_items`.
    """
    found = set()
    for key, value in data.value.items():  # type: ignore[union-attr]
        field = model.model_fields.get(key) if isinstance(key, str) else None
        if (not isinstance(value, str) or field is None or get_origin(field.annotation) is not tuple
                or numbered_items(value)):  # numbered 1, 2, 3: told so by the field's own check
            continue
        lines = data.typed_lines((key,))
        if not lines:
            continue
        found.add(key)
        line, column = data.locate((key,))
        indent = " " * max(0, column - 1)
        items = ", then ".join(f'"{indent}- {_ITEM_MARK.sub("", text)}"' for text in lines)
        report.error(path, line, column,
                     f"{key}: these {len(lines)} lines are typed without \"- \" before them, so they are one text "
                     "to YAML and the page would show them as one item",
                     f'start each line with "- " (a hyphen and a space), one item a line: {items}')
    return found


def _pair_fields(record: type[BaseModel]) -> tuple[str, str] | None:
    """The two fields of ``record`` that an editor types as one "key: value" pair (a milestone's date and title,
    a target's group and percentage): its required fields, when it has two; else None."""
    required = [name for name, info in record.model_fields.items() if info.is_required()]
    return (required[0], required[1]) if len(required) == 2 else None


def _pair_lines(dash: str, fields: tuple[str, str], key: object, value: object) -> str:
    """The two lines of an item typed as the pair ``key: value``, its first after ``dash`` (``"  - "``), as a hint
    quotes them: ``"  - date: 2018-01-10", then "    title: 成立…"``."""
    return (f'"{dash}{fields[0]}: {str(key).strip()}", then '
            f'"{" " * len(dash)}{fields[1]}: {str(value).strip()}"')


def _pairs_typed(model: type[BaseModel], data: YamlData, path: str, report: Report) -> set[tuple[str | int, ...]]:
    """Report each list of records typed as "key: value" pairs, and return where, for their other errors to go
    untold.

    ``milestones:`` then ``  2018-01-10: 成立…`` (or ``targets:`` then
    ``  residents: 80``), a pair a line as in a table of two columns, was
    told "should be a list … each starting with - "; with the dashes added,
    "the field date is missing / unknown field 2018-01-10 … remove it",
    which deleted the data. A list whose items are records of two required
    fields (`_pair_fields`) is told the lines to write, the pair's key as
    the first field and its value as the second: once for the whole list
    typed as pairs (returned as ``(field,)``), once an item for items typed
    ``- 2018-01-10: 成立…`` (``(field, index)``). Only keys the first field
    takes are pairs: a milestone typed without its "-" (``date: …``) or a
    field out of place (``- note: …``) is told as before (`_is_pairs`).
    """
    told: set[tuple[str | int, ...]] = set()
    value = data.value if isinstance(data.value, dict) else {}
    for field, record in _record_lists(model).items():
        fields, typed = _pair_fields(record), value.get(field)
        if fields is None or not isinstance(typed, (dict, list)) or not typed:
            continue
        if isinstance(typed, dict) and _is_pairs(record, fields[0], typed):
            line, column = data.locate((field,))
            dash = " " * max(0, column - 1) + "- "
            dated = {_yearless_date_of(record, fields[0], str(key)) or key: text for key, text in typed.items()}
            lines = ", then ".join(_pair_lines(dash, fields, key, text) for key, text in dated.items())
            first = next(iter(typed.items()))
            report.error(path, line, column,
                         f'{field}: the items are typed as "key: value" pairs ("{clip(f"{first[0]}: {first[1]}")}"), '
                         f'but each item is a group of fields, {fields[0]} and {fields[1]}, starting with "- "',
                         f"write each pair as two lines, the first starting with \"- \": {lines}"
                         + (_NO_YEAR if dated.keys() != typed.keys() else ""))
            told.add((field,))
        for index, item in enumerate(typed if isinstance(typed, list) else []):
            if isinstance(item, dict) and len(item) == 1 and _is_pairs(record, fields[0], item):
                key, text = next(iter(item.items()))
                line, column = data.locate_key((field, index, key))
                dated = _yearless_date_of(record, fields[0], str(key))
                lines = _pair_lines("- ", fields, dated or key, text)
                report.error(path, line, column,
                             f'{field} → item {index + 1} is typed as the pair "{clip(f"{key}: {text}")}", but it is '
                             f"a group of fields, {fields[0]} and {fields[1]}",
                             f'write the item as two lines, the first after the "-": {lines} below it, lined up with '
                             f"{fields[0]}:" + (_NO_YEAR if dated else ""))
                told.add((field, index))
    return told


def _is_pairs(record: type[BaseModel], first: str, typed: dict[Any, Any]) -> bool:
    """Whether the mapping ``typed``, where a list of ``record`` goes, holds pairs: each key is a value of the
    field ``first`` (a date, a group), none a field's name (``- note: 说明`` is a field out of place), and each
    value is one text."""
    return all(snake_case(str(key)) not in record.model_fields and isinstance(text, str) and text.strip()
               and (_takes(record, first, str(key)) or _yearless_date_of(record, first, str(key)))
               for key, text in typed.items())


def _yearless_date_of(record: type[BaseModel], field: str, text: str) -> str | None:
    """``text`` as ``YYYY-MM-DD`` when it is a month and a day without the year (``1月15日``) and ``field`` of
    ``record`` takes dates; else None. The year is left for the editor to write: it is the source's."""
    found = _MONTH_DAY.fullmatch(text)
    if found is None or not _takes(record, field, "2000-01-01") or _takes(record, field, "文字"):
        return None
    month, day = int(found[1]), int(found[2])
    return f"YYYY-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


_NO_YEAR = f"; the date typed has no year: write {YEAR_TO_WRITE}"


_ITEM_MARK = compile_later(r"^(?:[-*•·●○■□◆◇▪➢✓√]\s*|\d{1,2}\s*[.．、)）]\s*|[一二三四五六七八九十]\s*[、.．)）]\s*)")
"""A dash, bullet (Word's ``●``, ``■``, ``➢`` … too) or number typed before an item (``- ``, ``1. ``, ``一、``)."""


def _record_lists(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The fields of ``model`` that hold a list of records, each with its record class (``tallies``: Tally)."""
    found = {}
    for name, info in model.model_fields.items():
        record = _type_inside(info.annotation, BaseModel)
        if record is not None and any(get_origin(kind) in (tuple, list)
                                      for kind in (info.annotation, *get_args(info.annotation))):
            found[name] = record
    return found


def _misplaced_items(model: type[BaseModel], value: dict[str, Any]) -> dict[tuple[str, int], str]:
    """The items of ``model``'s lists of records that are records of another of its lists, with that list.

    ``sitegen new tally`` prints a tally to paste under ``tallies:``;
    pasted after ``milestones:`` (the end of the file) instead, each of its
    figures was "unknown field … remove it". Returns ``{(list, index): the
    list it belongs to}`` (``{("milestones", 2): "tallies"}``), for each
    item `_home_of` places elsewhere.
    """
    lists = _record_lists(model)
    found = {}
    for field, record in lists.items():
        items = value.get(field)
        others = {name: kind for name, kind in lists.items() if name != field}
        for index, item in enumerate(items if isinstance(items, list) and others else []):
            home = _home_of(item, record, others)
            if home is not None:
                found[(field, index)] = home
    return found


def _home_of(item: object, own: type[BaseModel], others: dict[str, type[BaseModel]]) -> str | None:
    """Which list of ``others`` (name → record class) the ``item`` typed in a list of ``own`` records belongs to.

    It does when it has no field that only ``own`` records have, and two
    fields or more that only that list's records have (or one, and no
    field but theirs: ``- collected: 296``); when two lists fit as well,
    neither is named. None when no list fits.
    """
    if not isinstance(item, dict):
        return None
    keys = {snake_case(str(key)) for key in item}
    mine = set(own.model_fields)
    fits = []
    for name, record in others.items():
        theirs = set(record.model_fields)
        theirs_only = (keys & theirs) - mine
        if not keys & (mine - theirs) and (len(theirs_only) >= 2 or (theirs_only and keys <= theirs)):
            fits.append((len(theirs_only), name))
    fits.sort(reverse=True)
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return None
    return fits[0][1]


def _report_misplaced(model: type[BaseModel], data: YamlData, path: str, report: Report,
                      loc: tuple[str, int], home: str) -> None:
    """Report the item at ``loc`` as a record of the list ``home``, to be moved there with its lines as typed."""
    lists = _record_lists(model)
    own, other = lists[loc[0]], lists[home]
    item = data.value[loc[0]][loc[1]]
    theirs = [str(key) for key in item if snake_case(str(key)) in set(other.model_fields) - set(own.model_fields)]
    first, last = data.lines_of(loc)
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    message = (f"{field_name(loc)} looks like {_kind_of(other)}, not {_kind_of(own)}: it has the fields of "
               f"{_kind_of(other).split(' (')[0]} ({', '.join(theirs)})")
    hint = f'it belongs under "{home}:": {_move_hint(data, home, lines)}; its values stay as typed'
    report.error(path, *data.locate(loc), message, hint, span=(first, last))


def _kind_of(record: type[BaseModel]) -> str:
    """One record of the kind, for a message: its ``KIND`` (``a tally (统计)``), else its class name."""
    return str(getattr(record, "KIND", "") or f"a {record.__name__.lower()}")


def _move_hint(data: YamlData, home: str, lines: str) -> str:
    """Where to move ``lines`` so that they are items of the list ``home``: below its last item, below
    ``home:`` when it has none, or below a ``home:`` line to add."""
    target = data.value.get(home)
    if home not in data.value:
        return f'add a line "{home}:" at the end of the file (not indented), and move {lines} below it'
    line = data.locate_key((home,))[0]
    if isinstance(target, list) and target:
        end = data.lines_of((home, len(target) - 1))[1]
        return (f'move {lines} there, below its last item (which ends on line {end}), with the "-" lined up with '
                'the "-" of the items above')
    if target == []:
        return f'replace "{home}: []" on line {line} with "{home}:" and move {lines} right below it'
    return f'move {lines} right below "{home}:" (line {line})'


def _record_as_list_hint(model: type[BaseModel], data: YamlData) -> str | None:
    """The hint for a record typed as the items of a list (``- name: 白鹤镇``, the fields below it indented),
    when every item is a group of fields; None for anything else.

    "Start each line with a field name" left the "- " and the spaces to be found: a file holds one record, so
    the item's "- " goes, and as many spaces from each line below it as the item's fields stand further in.
    """
    items = data.value
    if not isinstance(items, list) or not items or not all(isinstance(item, dict) and item for item in items):
        return None
    first = next(iter(items[0]))
    spaces = data.locate((0,))[1] - data.locate(())[1]
    dash = '"- "' if spaces == 2 else f'"-" and the {spaces - 1} spaces after it'
    one = f'delete the {dash} before "{clip(first, 20)}:", and {spaces} spaces at the start of each line below it'
    if len(items) == 1:
        return f"a file holds one record, not a list of them: {one}"
    kind = getattr(model, "KIND", "") or "record"
    return (f"a file holds one record ({kind}), and this list holds {len(items)}: give each item a file of its own; "
            f"in each, {one}")


def _example_line(model: type[BaseModel], defaults: dict[str, Any]) -> str:
    """A first line for a file of ``model``'s kind: its ``EXAMPLE_LINE`` (``name: 白鹤镇`` for a unit), else its
    first required field that ``defaults`` does not fill, as ``field: …``."""
    example = getattr(model, "EXAMPLE_LINE", "")
    if example:
        return example
    first = next((name for name, info in model.model_fields.items() if info.is_required() and name not in defaults),
                 "title")
    return f"{first}: …"


def _renamed_fields(model: type[BaseModel], items: list[Any],
                    siblings: dict[tuple[Any, ...], Siblings]) -> set[tuple[str | int, ...]]:
    """Locations of missing fields that an unknown key in the same block most likely means.

    Also the location of a block left empty (``interviewee:`` with
    nothing under it) whose fields were typed below it, not indented: the
    unknown key's hint says to indent them, which fixes both.
    """
    meant = set()
    for item in items:
        if item["type"] == "extra_forbidden":
            loc = _yaml_path(tuple(item["loc"]))
            close, holders = _key_readings(model, loc, siblings.get(loc[:-1]))
            if close:
                meant.add(loc[:-1] + (close,))
            if len(holders) == 1 and not holders[0][1]:
                # role: typed outside interviewee: is not missing in it too, nor is interviewee: empty
                meant.update({loc[:-1] + (holders[0][0], holders[0][2]), loc[:-1] + (holders[0][0],)})
    return meant


def _items_as_lines(data: YamlData, loc: tuple[str | int, ...], items: list[str], word: str,
                    keep: str = "") -> str | None:
    """The hint for a list typed one item a line (``tags:``, then ``  - 民生、就业``) whose items are to be
    ``items``: each on a line of its own, indented as the first was, then ``keep`` (how to keep the text
    one item, "" for none); None for a list typed on one line (``tags: [民生、就业]``), whose hint writes it so."""
    key, first = data.key_positions.get(loc), data.positions.get(loc + (0,))
    if key is None or first is None or first[0] == key[0]:
        return None
    dash = " " * max(0, first[1] - 3) + "- "
    lines = [f'"{dash}{text}"' for text in items]
    return f"write each {word} as an item of its own, one a line: {', then '.join(lines)}{keep}"


def add_validation_problem(model: type[BaseModel], item: Any, data: YamlData, path: str, report: Report,
                           siblings: dict[tuple[Any, ...], Siblings] | None = None) -> None:
    """Add one pydantic error dict to the report, placed and worded for an editor.

    Takes the record class, one item of ``ValidationError.errors()``, the
    loaded YAML, the file path and the report. The problem is placed at the
    value (or, for an unknown field, at its key; for a missing field, at the
    block that lacks it); ``siblings`` (`siblings_of`) tells an unknown
    key what else its mapping holds. Messages come from `_MESSAGES` or from our
    converters (models.py), whose context carries the hint; pydantic's own
    English ("Input should be …") is never shown.
    """
    loc = _yaml_path(tuple(item["loc"]))
    name = field_name(loc)
    kind = item["type"]
    context = item.get("ctx") or {}
    if kind == "extra_forbidden":
        line, column = data.locate_key(loc)
        message, hint = _unknown_key(model, loc, data, (siblings or {}).get(loc[:-1]))
    elif kind == "missing":
        # A field missing from the file itself: at its first field, not at the notes typed above them (1:1).
        line, column = data.locate(loc[:-1]) if len(loc) > 1 else min(
            (place for key, place in data.key_positions.items() if len(key) == 1), default=data.locate(()))
        where = f" in {field_name(loc[:-1])}" if len(loc) > 1 else ""
        message = f'the field "{loc[-1] if loc else name}" is missing{where}'
        example = _field_example(model, loc)
        hint = f'add a line "{loc[-1] if loc else name}: …"' + (f", {example}" if example else "")
        if (summed := _tally_figure_meant(data, loc)) is not None:
            hint = summed
        if (split := _field_typed_as_an_item(model, data, loc)) is not None:
            message, hint = split
        if loc in _NAMING_FIELDS:  # "unit: …" typed as shown was "the dots are not the text", the ids unsaid
            folder = "series" if loc == ("series",) else "units"
            hint = (f'add a line "{loc[0]}: " followed by the id of the page\'s {loc[0]}: its file name in '
                    f"content/{folder}/ without .yaml")
        group = _type_inside(_annotation_at(model, loc), BaseModel)
        required = [key for key, info in getattr(group, "model_fields", {}).items() if info.is_required()]
        if required:  # "interviewee: 王大妈", typed as told, was "should be a group of fields": its lines are shown
            lines = '", then "'.join(f"  {key}: …" for key in required)
            hint = (f'add a line "{loc[-1]}:" and below it, each indented with two spaces: "{lines}"')
        labels = CHOICE_LABELS.get(_type_inside(_annotation_at(model, loc), Enum))  # type: ignore[arg-type]
        if labels:  # a closed vocabulary: the values to choose from, not only the gap
            hint += " with one of: " + ", ".join(f"{value} ({label})" for value, label in labels.items())
    elif kind in _MESSAGES:
        line, column = data.locate(loc)
        message, hint = _fill(_MESSAGES[kind], name, item, context)
        if kind == "enum":
            typed = item.get("input")
            if typed is None or (isinstance(typed, str) and not typed.strip()):
                message = f"{name}: the value is empty"  # not 'nothing is not one of the allowed values'
            hint = _choice_hint(_type_inside(_annotation_at(model, loc), Enum), item.get("input"),
                                name.rsplit(" → ", 1)[-1]) or hint
        elif _MESSAGES[kind] is _GROUP:
            hint = _group_hint(_type_inside(_annotation_at(model, loc), BaseModel), item.get("input"),
                               in_list=bool(loc) and isinstance(loc[-1], int)) or hint
        elif _MESSAGES[kind] is _LIST and loc and isinstance(loc[-1], str):
            record = _type_inside(_annotation_at(model, loc), BaseModel)
            hint = (_empty_list_hint(record, item.get("input"), loc[-1], _is_required(model, loc))
                    or _dashless_items_hint(record, item.get("input"), data, loc)
                    or _record_list_hint(record, item.get("input"), loc[-1]) or hint)
    else:
        # An error about one item of a list names it (parse_tags): placed there, not at the list's start.
        line, column = data.locate(loc + (context["index"],) if "index" in context else loc)
        message, hint = _converter_message(name, item, context)
        lines = _items_as_lines(data, loc, context["items"], str(context.get("word", "item")),
                                str(context.get("keep", ""))) if "items" in context else None
        if lines is not None:  # told at the item typed wrong, one of the lines
            line, column = data.locate(loc + (context.get("at", 0),))
            hint = lines
        if kind == "text_empty" and _is_required(model, loc):
            hint = _required_value_hint(model, loc)
        if NOTE_EXAMPLE in hint:  # the converter knows the words, not the record's note nor where its line goes
            hint = _floor_words_hint(hint, loc) or _note_line_hint(hint, data, loc, context.get("figure"))
        if kind == "date_format" and isinstance(item.get("input"), str):  # the record's note is known here
            hint = _date_words_hint(model, data, loc, item["input"]) or hint
            hint = _tally_year_hint(data, loc, item["input"]) or hint  # and the unit's other tallies
        if kind == "date_range" and isinstance(item.get("input"), str):  # which end the field means is known here
            hint = _date_range_hint(model, data, loc, item["input"]) or hint
        typed = item.get("input")
        if kind == "text" and isinstance(typed, list) and len(typed) == 1 and isinstance(typed[0], str) \
                and isinstance(loc[-1], str) and _on_key_line(data, loc, 0):
            # title: [华新镇访谈], brackets to set a title apart: YAML reads a list of one, and the hint was general.
            quote = "'" if '"' in typed[0] else '"'
            hint = (f"the brackets [ ] make a list (列表) in YAML; to show them, wrap the whole value in quotes: "
                    f"{loc[-1]}: {quote}[{typed[0]}]{quote}")
        if kind == "count" and (typed is None or (isinstance(typed, str) and not typed.strip())) \
                and (summed := _tally_figure_meant(data, loc)) is not None:
            hint = summed  # in_progress: with nothing after it, as a line left out is: the figure that adds up
        elif kind == "count" and context.get("offered") is not None \
                and (found := _tally_figure_summed(data, loc)) is not None and 0 < found[0] != context["offered"]:
            # in_progress: .5 was offered "write the digits alone: 5", which then did not add up to 50. Other
            # figures of 0 give 0, no figure to offer: a tally not yet counted through.
            hint += (f"; the tally's other figures give {found[0]} ({found[1]} = {found[0]}): check the figure "
                     "against the source document")
        if "quoted" in context and _on_key_line(data, loc, context["index"]):  # [大调研: 2018, 民生]: no "- "
            hint = (f"wrap the whole item in quotes: {context['quoted']} (or type the colon full width (全角冒号): "
                    f"{context['wide']})")
    report.error(path, line, column, message, hint)


_NOTE_ENDS = "。！？；，、.!?;,"
"""Marks a note may end with: the words offered to it follow them directly, else after a ；."""


_FLOOR_WORDS = compile_later(r"(?:不低于|不少于|不小于|至少|最低|及以上|或以上|以上|[≥≧⩾]|>=|＞＝)+")
"""Words beside a target's number that say it is a floor (不低于80%, ≥80, 80%以上): a target is one already."""


def _floor_words_hint(hint: str, loc: tuple[Any, ...]) -> str:
    """The hint for a ``target`` typed with words that only say it is a floor (`_FLOOR_WORDS`), or "".

    ``hint`` is the converter's, offering the words to the note (`_note_line_hint`). A target is a floor by
    its meaning: `sitegen.models.Target.status` counts it reached when the share measured is as much or
    more, and pages say 目标 before it. So the words say nothing the field does not, and the number alone
    is the fix: offered to the note, they were published as a fragment after its last sentence (…进度。不低于).
    """
    found = re.search(r'; to keep what "([^"]+)" says', hint)
    if loc[-1] != "target" or found is None or not _FLOOR_WORDS.fullmatch(found[1].replace(" ", "")):
        return ""
    return (f'{hint[:found.start()]}; "{found[1]}" need not be kept: a target is a floor already, reached when '
            "the share measured is as much or more")


def _note_line_hint(hint: str, data: YamlData, loc: tuple[Any, ...], figure: NoteFigure | None = None) -> str:
    """``hint``, which offers words typed beside a value to its record's note (ending with `NOTE_EXAMPLE` and the
    words), with the note line to type in full (`_home_line_hint`). The words of a ``figure`` of a tally or a
    target are offered with its label, number and unit (`sitegen.models.NoteFigure.phrase`: 收集约296份): "约296"
    added to the note read "…正在办理。约296", a fragment that did not say which figure it was about."""
    head, words = hint.rsplit(NOTE_EXAMPLE, 1)
    if figure is not None and loc and loc[-1] in FIGURE_WORDS:
        words = figure.phrase(str(loc[-1]))
    return _home_line_hint(head.rstrip(", "), words, data, loc)


_RECORD_WORDS = {"tallies": "tally", "targets": "target", "milestones": "milestone"}
"""What a hint calls a record of a unit file's list, by the list's key."""


def _home_line_hint(head: str, words: str, data: YamlData, loc: tuple[Any, ...], home: str = "note") -> str:
    """``head``, a hint offering ``words`` typed beside the value at ``loc`` to the text field ``home`` (a note,
    a milestone's description) of the record at ``loc[:-1]``, followed by the line to type in full: the field
    the record has with the words added (not "e.g. 80　区要求", whose value a note then published; too long to
    give whole, what to type after its end), or a new one, said where it goes."""
    note = _value_at(data.value, loc[:-1] + (home,))
    if isinstance(note, str) and note.strip():
        where = data.key_positions.get(loc[:-1] + (home,))
        at = f"type it at the end of its {home}: line{f' (line {where[0]})' if where is not None else ''}"
        if "\n" in note.strip():  # a note over several lines: the hint cannot give them as one line
            return f"{head}: {at.replace(f'{home}: line', home)}, so that it ends: {words}"
        text = note.strip()
        joined = ("" if text[-1] in _NOTE_ENDS else "；") + words
        if len(f"{home}: {text}{joined}") > PASTE_LIMIT:  # too long to give whole: what to type after its end
            return f'{head}: {at}: after "{text[-8:]}", type {joined}'
        # In quotes where YAML needs them (来源: 上海热线新闻网 holds ": "): typed bare, the line was refused.
        return f"{head}: {at}, so that it reads: {home}: {yaml_text(text + joined)}"
    key = data.key_positions.get(loc)
    record = _RECORD_WORDS.get(loc[0], "item")
    indent = f" ({key[1] - 1} spaces)" if key is not None else ""
    return (f"{head}: add a line under the {record}'s other fields, indented as they are{indent}: "
            f"{home}: {yaml_text(words)}")


_SAID_BEFORE_DATES = {"as_of": "截至|截止到|截止", "measured_as_of": "截至|截止到|截止"}
"""Words a date field says already (the pages show 截至 before a tally's as_of and a measured_as_of): typed
before its date, they are left out rather than offered to the note."""


def _date_words_hint(model: type[BaseModel], data: YamlData, loc: tuple[Any, ...], typed: str) -> str:
    """The hint for the date field at ``loc`` of a ``model`` record typed with words beside its date (``typed``,
    `sitegen.models.date_with_words`), or "" for other text: the date line to type, and where the words are
    kept. A record with a note (a tally, a target) keeps them there, a milestone in its description (what the
    unit page shows under its title), each with the line to type, the words kept with the date, corrected, and the
    word the page says it with (`sitegen.models.DateWords.phrase`: 截至2018-04-20左右); a page's date or
    related_tally has no field that publishes such words, so they are named, to be deleted, rather than dropped
    unsaid. A letter typed for a digit of the date (2018-04-2O) is said after the date offered."""
    annotation = _annotation_at(model, loc)
    worded = date_with_words(typed, clock=_type_inside(annotation, datetime) is not None,
                             said=_SAID_BEFORE_DATES.get(loc[-1], "") if len(loc) > 1 else "")
    if worded is None:
        return ""
    write = f"{loc[-1]}: {worded.written}"
    # 2018-04-2O 左右: the O is said after the date offered, as for 2018-04-2O alone, or 2018-04-20 looked unasked.
    letters = f"{worded.lookalikes}; " if worded.lookalikes else ""
    if not worded.words:
        return (f"write the date alone: {write} ({letters}{loc[-1]} says {worded.said} already: the page shows 截至 "
                "before the date)")
    fields = getattr(_type_inside(_annotation_at(model, loc[:-1]), BaseModel), "model_fields", {})
    home = next((name for name in ("note", "description") if name in fields), None)
    if home is None or len(loc) < 2:
        return (f'delete "{worded.words}" and write the date alone: {write} ({letters}the page has no field that '
                f"publishes words about its {loc[-1]}: typed beside it, they would not be published)")
    head = (f"write the date alone: {write}{date_letters(worded)}; to keep what \"{worded.words}\" says, add it to "
            f"the {_RECORD_WORDS.get(loc[0], 'item')}'s {home}")
    return _home_line_hint(head, worded.phrase(str(loc[-1])), data, loc, home)


def _tally_year_hint(data: YamlData, loc: tuple[Any, ...], typed: str) -> str | None:
    """The hint for the ``as_of`` of the tally at ``loc`` typed with two digits of the year (``typed``: ``18-5-31``)
    that reads two ways (`sitegen.models.short_year_dates`: 2018-05-31, or 1931-05-18 by the spreadsheets' rule),
    when the unit's other tallies make one reading plain; None otherwise (another field, one reading, or none
    plain).

    The reading plain is the one of the year of one of the unit's other tallies (their ``as_of`` that are dates);
    of two such, the one that keeps the tallies oldest first, one a day (as `sitegen.checkdates` takes a year
    meant from them). "2018-05-31 if 18 is the year, or 1931-05-18 if 31 is", beside tallies of 2018, offered a
    day nobody counted figures on, and made the editor choose.
    """
    if len(loc) != 3 or loc[0] != "tallies" or loc[2] != "as_of" or not isinstance(loc[1], int) \
            or not isinstance(data.value, dict) or not isinstance(data.value.get("tallies"), list):
        return None
    readings = short_year_dates(typed)
    if len(readings) < 2:
        return None
    others = []
    for at, other in enumerate(data.value["tallies"]):
        try:
            if at != loc[1]:
                others.append((at, parse_date(other["as_of"])))
        except (PydanticCustomError, TypeError, KeyError):  # no tally, no as_of, or one typed wrong as well
            continue
    years = sorted({day.year for _, day in others})
    meant = [day for day in readings if day.year in years]
    if len(meant) > 1:
        meant = [day for day in meant
                 if all(other < day if at < loc[1] else other > day for at, other in others)]
    if len(meant) != 1:
        return None
    day = meant[0]
    which = "the year" if len(years) == 1 else "a year"
    return (f"write the year with all four digits: {day.isoformat()} ({day.year % 100:02d} is the year: {day.year}, "
            f"{which} of the unit's other tallies)")


class RangeEnd(NamedTuple):
    """The day of a range (`sitegen.models.DateRange`) a date field takes, and why: ``end`` is "first" or "last";
    ``why`` what the field's one day is, as a hint says it; ``word`` what the note (or description) keeping the
    range calls it (统计时段2018年5月1日至5月20日), "" for a field of a record with no such text."""

    end: str
    why: str
    word: str = ""


_RANGE_ENDS = {
    ("tallies", "as_of"): RangeEnd("last", "a tally's figures are totals up to one day: for a range, its last",
                                   "统计时段"),
    ("targets", "measured_as_of"): RangeEnd("last", "a share measured is as of one day: for a range, its last",
                                            "实测时段"),
    ("targets", "deadline"): RangeEnd("last", "a deadline is the day the target is to be reached by: for a range, "
                                              "its last", "期限"),
    ("milestones", "date"): RangeEnd("first", "a milestone is dated by the day it began: for a range, its first",
                                     "起止日期"),
    ("related_tally",): RangeEnd("last", "related_tally names a tally by its as_of, which for a range is its last "
                                         "day"),
}
"""For each date field of a record (``(list, field)`` in a unit file; ``(field,)`` in a page), the end of a range
typed in it that the field means (`_date_range_hint`). A page's date and updated are one moment each, and no
range's end is offered as that moment's."""


def _date_range_hint(model: type[BaseModel], data: YamlData, loc: tuple[Any, ...], typed: str) -> str:
    """The hint for the date field at ``loc`` of a ``model`` record typed as a range (``typed``,
    `sitegen.models.date_range`), or "" when it is none.

    The field's day is offered (`_RANGE_ENDS`: a tally's as_of the range's last day, a milestone's date its first),
    and the range is kept in the record's note (a milestone's description) after a word that says it is the
    period (统计时段2018年5月1日至5月20日). "2018年5月1日至5月20日" in a tally's as_of was offered its first day,
    with "截至2018年5月1日，至5月20日" for its note: the note said two things, and a case study's related_tally of
    the 20th, following the note, named no tally. A page's date (or updated) is the one day it was published (or
    corrected), which a range does not tell: the editor is asked for it, its last day offered as the likeliest,
    since a page tells of a period after it.
    """
    period = date_range(typed)
    if period is None:
        return ""
    key = loc[-1]
    ends = _RANGE_ENDS.get((loc[0], key) if len(loc) > 1 else (key,))
    if ends is None:
        when = "it was published (发布日期)" if key == "date" else "it was last corrected (更新时间)"
        return (f"a page's {key} is the one day {when}, not a period: write that day alone, e.g. {key}: "
                f"{_range_day(period, 'last')} if it was the range's last day; the page has no field that "
                "publishes the range (say it in its text if readers are to read it)")
    head = f"write the range's {ends.end} day ({ends.why}): {key}: {_range_day(period, ends.end)}"
    if not ends.word:
        return head
    fields = getattr(_type_inside(_annotation_at(model, loc[:-1]), BaseModel), "model_fields", {})
    home = next((name for name in ("note", "description") if name in fields), None)
    if home is None:
        return head
    return _home_line_hint(f"{head}; to keep the range, add it to the {_RECORD_WORDS.get(loc[0], 'item')}'s {home}",
                           f"{ends.word}{period.typed}", data, loc, home)


def _range_day(period: DateRange, end: str) -> str:
    """The day ``end`` of ``period`` as a hint offers it: ``2018-05-20``, or, for a range typed with no year,
    ``YYYY-05-20`` followed by what to write for YYYY (`YEAR_TO_WRITE`)."""
    written = period.written(end)
    return f"{written}, with {YEAR_TO_WRITE}" if written.startswith("YYYY") else written


def _on_key_line(data: YamlData, loc: tuple[Any, ...], index: int) -> bool:
    """Whether item ``index`` of the list at ``loc`` stands on the line of the list's key (``tags: [大调研, 民生]``),
    so it is typed without "- "."""
    key, item = data.key_positions.get(loc), data.positions.get(loc + (index,))
    return key is not None and item is not None and key[0] == item[0]


def _is_required(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    """Whether the field at ``loc`` of ``model`` must be typed (it has no default); False for no field."""
    info = _field_at(model, loc)
    return info is not None and info.is_required()


def _field_typed_as_an_item(model: type[BaseModel], data: YamlData, loc: tuple[Any, ...]) -> tuple[str, str] | None:
    """The message and hint for a list item of ``model`` that lacks a field (at ``loc``: the list, its index, the
    field) because its fields belong to an item above, the first typed with a "- " of its own (``- src: …``,
    ``- alt: …``, ``- caption: …``; or ``- alt: …`` with ``caption: …`` under it): an item of fields of the
    list's items, under items of one such field each back to the item it belongs to (one of more fields, or the
    list's first), no field typed twice among them. The same for each field the item lacks. None otherwise.

    Told "add a line "src: …"", the editor gave each a picture of its own, which did not exist.
    """
    if len(loc) != 3 or not isinstance(loc[1], int) or not isinstance(data.value, dict):
        return None
    items = data.value.get(loc[0])
    if not isinstance(items, list) or not 0 < loc[1] < len(items):
        return None
    item = items[loc[1]]
    fields = getattr(_type_inside(_annotation_at(model, loc[:1]), BaseModel), "model_fields", {})
    if not isinstance(item, dict) or not item or not set(item) <= set(fields):
        return None
    taken = set(item)
    for index in range(loc[1] - 1, -1, -1):
        above = items[index]
        if not isinstance(above, dict) or not above or taken & set(above):
            return None
        if not set(above) <= set(fields):
            return None
        if len(above) > 1 or index == 0:
            key, first = str(next(iter(item))), str(next(iter(above)))
            spaces = data.locate_key((loc[0], index, first))[1] - 1
            return (f'"{key}:" has a "- " of its own, so YAML reads it as item {loc[1] + 1} of {loc[0]}, an item '
                    f"of its own, not as a field of item {index + 1}",
                    f'if "{key}:" belongs to item {index + 1}, delete its "- " and indent it with {spaces} spaces, '
                    f'lined up with "{first}:" of that item')
        taken |= set(above)
    return None


def _tally_figure_meant(data: YamlData, loc: tuple[Any, ...]) -> str | None:
    """The hint for one of a tally's four figures left out (at ``loc``: tallies, its index, the figure) when the
    other three are typed: the line with the figure that makes the tally add up, and how it is worked out. None
    for any other field, or when one of the three cannot be read or the difference is below 0.
    'add a line "collected: …"' left a sum to work out that sitegen knew."""
    found = _tally_figure_summed(data, loc)
    if found is None:
        return None
    value, how, typed = found
    return (f'{"write" if typed else "add a line"} "{loc[2]}: {value}"'
            + ("" if typed else " under the tally's other figures")
            + f" ({how} = {value}: every list collected is escalated, resolved or in progress); check it against the "
            "source document")


def _tally_figure_summed(data: YamlData, loc: tuple[Any, ...]) -> tuple[int, str, bool] | None:
    """The figure at ``loc`` (tallies, its index, one of the four that add up) as the tally's other three give it:
    ``(value, how it is worked out, whether the field's line is typed)``; None for any other field, when one of
    the three cannot be read, or when the difference is below 0."""
    if len(loc) != 3 or loc[0] != "tallies" or loc[2] not in TALLY_SUM or not isinstance(data.value, dict):
        return None
    items = data.value.get("tallies")
    item = items[loc[1]] if isinstance(items, list) and isinstance(loc[1], int) and loc[1] < len(items) else None
    if not isinstance(item, dict):
        return None
    try:
        figures = {key: parse_count(item.get(key)) for key in TALLY_SUM if key != loc[2]}
    except PydanticCustomError:
        return None
    states = [key for key in TALLY_SUM[1:] if key != loc[2]]
    words = {key: key.replace("_", " ") for key in TALLY_SUM}
    if loc[2] == "collected":
        value = sum(figures[key] for key in states)
        how = " + ".join(f"{words[key]} {figures[key]}" for key in states)
    else:
        value = figures["collected"] - sum(figures[key] for key in states)
        how = f"collected {figures['collected']} − " + " − ".join(f"{words[key]} {figures[key]}" for key in states)
    return None if value < 0 else (value, how, loc[2] in item)


def _field_example(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """How to type the field at ``loc`` of ``model``, for a hint: "e.g." and the record's ``EXAMPLE_LINE`` when it
    types this field (``e.g. title: 白鹤镇访谈``), else "e.g." and the field's first example (``e.g. role:
    中共白鹤镇党委书记``), else "in the form" and the form of a publish time or a date (``in the form date:
    YYYY-MM-DD HH:MM (年-月-日 时:分)``: never an example date, which typed as shown would be published as the
    record's date, as `sitegen.models.DATE_HINT` says); None for other fields."""
    if not loc:
        return None
    key = str(loc[-1])
    owner = _type_inside(_annotation_at(model, loc[:-1]), BaseModel)
    example_line = str(getattr(owner, "EXAMPLE_LINE", ""))
    if example_line.startswith(f"{key}: "):
        return f"e.g. {example_line}"
    info = _field_at(model, loc)
    examples = (info.examples if info is not None else None) or []
    if examples:
        return f"e.g. {key}: {examples[0]}"
    annotation = _annotation_at(model, loc)
    if _type_inside(annotation, datetime) is not None:
        return f"in the form {key}: YYYY-MM-DD HH:MM (年-月-日 时:分)"
    if _type_inside(annotation, date) is not None:
        return f"in the form {key}: YYYY-MM-DD (年-月-日)"
    return None


def _field_at(model: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    """The pydantic field at ``loc`` of ``model`` (the last key's, in the record that holds it), or None."""
    if not loc or isinstance(loc[-1], int):
        return None
    owner = _type_inside(_annotation_at(model, loc[:-1]), BaseModel)
    return getattr(owner, "model_fields", {}).get(str(loc[-1]))


def _required_value_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The hint for a required field typed with no value (``title:`` alone): what to write after the colon.

    Not "or remove the line", as for a field that may be left out: without
    the line, the field is missing. The example is `_field_example`'s.
    """
    key = str(loc[-1])
    example = _field_example(model, loc)
    if example is None:
        return f"write the {key} after the colon (and a space): the field is required, so the line stays"
    return f"write the {key} after the colon (and a space), {example}"


def _choice_hint(choices: type[Enum] | None, typed: Any, key: str) -> str | None:
    """The hint for a value outside a closed vocabulary: one typed in full width (全角, ``ｒｅｓｏｌｖｅｄ``), or
    one of a vocabulary that has Chinese labels; else None.

    Takes the vocabulary, the value typed and the field's key. A value
    that is one of the vocabulary (or a word for one) once in half width
    is told so, with the value to write (`FULL_WIDTH_FIX`). Else names the
    value meant, when ``typed`` is its Chinese label or another known word
    for it (`choice_meant`): "write status: in_progress, or 推进中 as the pages show it" (both are read:
    `choice_value`), never a form that, typed as shown, is refused again; or, when it is a
    slip of one value alone (a plural for a singular, a typo: `choice_near`),
    asks: "did you mean residents (居民)? write group: residents". Else
    lists every value with its label, as the pages show them.
    """
    half = unicodedata.normalize("NFKC", typed).strip() if isinstance(typed, str) else None
    if choices is not None and half and half != typed.strip() and (meant := choice_meant(choices, half)) is not None:
        return f"{FULL_WIDTH_FIX}: {key}: {meant}"  # ｒｅｓｏｌｖｅｄ: the very word the editor believes typed
    labels = CHOICE_LABELS.get(choices) if choices is not None else None
    if not labels:
        return None
    meant = choice_meant(choices, typed) if isinstance(typed, str) else None  # type: ignore[arg-type]
    if meant is not None:
        return f"write {key}: {meant}, or {key}: {labels[meant]} as the pages show it"
    near = choice_near(choices, typed) if isinstance(typed, str) else None  # type: ignore[arg-type]
    if near is not None:
        return f"did you mean {near} ({labels[near]})? write {key}: {near}"
    return "use one of: " + ", ".join(f"{value} ({label})" for value, label in labels.items())


def choice_near(choices: type[Enum], typed: str) -> str | None:
    """The one value of the closed vocabulary ``choices`` that ``typed`` is a slip of, or None.

    A plural for a singular or back (``resident``, ``towns``), or a typo
    (``twon``, ``instituton``), in any case, with spaces or "-" for "_"
    (`near_name`); None when another value is as close. Only the English values are compared: a Chinese word is
    one or two characters, and one edit turns 乡 into 村.
    """
    folded = snake_case(typed)
    if not folded.isascii():
        return None
    values = [choice.value for choice in choices]
    near = near_name(folded, values)
    if near is None:
        return None
    # Two values as close (a typo between them) are a guess, not a slip of one.
    distance = edit_distance(folded, near)
    return near if not any(edit_distance(folded, value) <= distance for value in values if value != near) else None


_GROUP_SEPARATOR = compile_later(r"[ \t\u3000]*[，,、；;：][ \t\u3000]*")
"""What separates two values typed on one line for a group (``王建国，中共白鹤镇党委书记``, ``王建国：书记``); not
a space, which may stand inside a name (``王　建``)."""
_PERSONAL_NAME = compile_later(r"[\u3400-\u9fff]{2,4}")
"""A Chinese personal name: two to four characters."""
_ROLE_ENDINGS = ("书记", "长", "主任", "委员", "负责人", "主席", "干部", "经理", "干事", "代表", "专员", "秘书", "助理",
                 "主管", "员", "师", "记者", "编辑")
"""How a role ends (书记, 镇长, 主任 …): a short text after a name that ends so is a role, not a second name."""
def _people(typed: str) -> list[str]:
    """The names in ``typed`` when it is only personal names set apart (王建国、李明), else []."""
    names = _GROUP_SEPARATOR.split(typed)
    return names if len(names) > 1 and all(
        _PERSONAL_NAME.fullmatch(name) and not name.endswith(_ROLE_ENDINGS) for name in names) else []


_GROUP_BRACKETED = compile_later(r"(.+?)[ \t\u3000]*[（(](.+)[）)]")
"""Two values typed as one and the other in brackets after it (``王建国（中共白鹤镇党委书记）``)."""


def _item_lines(record: type[BaseModel] | None, key: str) -> str:
    """The lines of a list ``key`` of ``record`` items with one item to fill, as a hint quotes them
    (``"tallies:", then "  - as_of: …", then "    collected: …"``): its required fields, and a picture's ``alt``
    as `_record_list_hint` gives them; "" when the items are no records."""
    fields = getattr(record, "model_fields", {})
    required = [name for name, info in fields.items() if info.is_required()]
    if not required:
        return ""
    more = required[1:] + (["alt"] if "alt" in fields and "alt" not in required else [])  # readers who cannot see
    return ", then ".join([f'"{key}:"', f'"  - {required[0]}: …"'] + [f'"    {name}: …"' for name in more])


def _empty_list_hint(record: type[BaseModel] | None, typed: Any, key: str, required: bool) -> str | None:
    """The hint for a list ``key`` typed with nothing under it (``tallies:``, its items commented out) or with a
    word for "none" (``milestones: 无``, ``tallies: 暂无``, `sitegen.models.is_stand_in`); None for other values.

    'write one item per line, each starting with "- "' never said how to write that there are none, and
    "  - date: 无", offered for ``milestones: 无``, typed a word that is no date where a date goes. A list
    that may be left out is told to be deleted (or written ``[]``) when there are none yet; else, or either
    way, the lines of its first item (``record``'s required fields) with "…" to fill.
    """
    empty = typed is None or (isinstance(typed, str) and not typed.strip())
    if not empty and not (isinstance(typed, str) and is_stand_in(typed)):
        return None
    lines = _item_lines(record, key)
    items = (f'write its items under it, each starting with "- ": {lines}' if lines
             else 'write its items under it, one per line, each starting with "- "')
    if required:
        return items if empty else f'"{typed.strip()}" is no item: {items}'
    none = f'delete the "{key}:" line (or write {key}: [], a list with nothing in it)'
    if not empty:
        return f'"{typed.strip()}" says there are none: {none}; when there are, {items}'
    return f"if there are none yet, {none}; else {items}"


def _dashless_items_hint(record: type[BaseModel] | None, typed: Any, data: YamlData,
                         loc: tuple[Any, ...]) -> str | None:
    """The hint for a list of ``record`` items typed as a group of fields (``tallies:``, then ``as_of: …``,
    ``collected: …`` indented, no "- "): the "- " goes before the item's first field alone, with that line as
    it is to read; None for other values.

    'write one item per line, each starting with "- "', followed literally (a "- " on every line), made each
    field an item of its own: ten errors more.
    """
    if record is None or not isinstance(typed, dict) or not typed:
        return None
    first = next(iter(typed))
    where = data.key_positions.get(loc + (first,))
    value = typed[first]
    if where is None or where[1] < 3 or not isinstance(value, str) or "\n" in value:
        return None
    line = " " * (where[1] - 3) + f"- {first}: {yaml_text(value)}"
    return (f'put "- " before the first field of each item only ({first}:), two columns to its left, so that '
            f'the fields under it stay lined up: line {where[0]} becomes "{line}"; the other lines stay as they are')


def _record_list_hint(record: type[BaseModel] | None, typed: Any, key: str) -> str | None:
    """The lines of a list of records typed as one value (``images: images/a.png``, ``tallies: 2018-04-26``):
    the value as the first item's first required field, each other required field (and an image's ``alt``,
    which readers who cannot see it need) as a line to fill; None when the list holds no records or the value
    is no single text, number or date.

    'write one item per line, each starting with "- "', followed, gave ``- images/a.png``, and with its
    ``alt:`` under it, a YAML error.
    """
    if record is None or isinstance(typed, (list, dict)) or typed is None or not str(typed).strip():
        return None
    fields = record.model_fields
    required = [name for name, info in fields.items() if info.is_required()]
    if not required:
        return None
    more = required[1:] + (["alt"] if "alt" in fields and "alt" not in required else [])
    lines = [f'"{key}:"', f'"  - {required[0]}: {clip(str(typed).strip())}"'] + [f'"    {name}: …"' for name in more]
    return 'write it as a list whose items start with "- ", their fields lined up: ' + ", then ".join(lines)


_CONTACT_LABEL_RE = compile_later(r"(?i)(?:电子邮件|电子邮箱|邮箱|电话|手机|e-?mail|tel|phone)[ \t]*[:：]?")
_EMAIL_TYPED_RE = compile_later(r"[^\s，,;；、：:]+@[^\s，,;；、]+")


def _contact_hint(typed: str) -> str:
    """The hint for a contact typed as one text (``contact: diaoyan@example.org 021-0000 0000``): the lines of
    its fields, the e-mail address found in it as ``email``, the rest as ``phone`` (labels such as 电话： left
    out), each as the site settings' ``Contact`` reads it."""
    found = _EMAIL_TYPED_RE.search(typed)
    rest = typed if found is None else typed[:found.start()] + " " + typed[found.end():]
    phone = " ".join(_CONTACT_LABEL_RE.sub(" ", rest).split()).strip("，,;；、")
    lines = ([f"  email: {found.group()}"] if found else []) + ([f"  phone: {phone}"] if phone else [])
    return ('leave "contact:" alone on its line and write below it, each indented with two spaces: "'
            + '", then "'.join(lines) + '"')


def _group_hint(record: type[BaseModel] | None, typed: Any, *, in_list: bool = False) -> str | None:
    """The hint for a value typed where a group of fields goes (``interviewee: 张三``), naming its fields.

    Returns None when ``record`` is None or has no required field. The
    text typed becomes the first field's value (a web address, the ``url``
    field's, when the group has one: ``source: https://…``), so the hint
    shows the lines to type: ``"  name: 张三", then "  role: …"``; two texts
    typed apart (``张三，镇长``, ``张三：镇长``, ``张三（镇长）``) or as a list (``[张三, 镇长]``) are the
    fields' values in their order. For an
    item of a list (``images:`` then ``- images/a.svg``) the first field
    goes after the item's "-": ``"- src: images/a.svg"``.
    """
    fields = getattr(record, "model_fields", {})
    if {"email", "phone"} <= set(fields) and isinstance(typed, str) and typed.strip():
        return _contact_hint(typed)
    required = [name for name, info in fields.items() if info.is_required()]
    if not required:
        return None
    # The text typed is given whole, as a line to type must be (a longer one is moved, not typed again).
    moved = isinstance(typed, str) and len(typed.strip()) > PASTE_LIMIT and not _split_address(fields, typed)
    first = typed.strip() if isinstance(typed, str) and typed.strip() and not moved else "…"
    values = dict.fromkeys(required, "…")
    listed = [item.strip() for item in typed if isinstance(item, str)] if isinstance(typed, list) else []
    first = first.strip("，,、；;：: \u3000") or first  # 王建国，: the mark typed after the name is no part of it
    bracketed = _GROUP_BRACKETED.fullmatch(first)
    parts = ([] if len(required) < 2 or first == "…" else list(bracketed.groups()) if bracketed
             else _GROUP_SEPARATOR.split(first, maxsplit=1))
    spaced = _split_at_space(record, required[0], first) if parts and record is not None else []
    if spaced and (len(parts) == 1 or len(spaced[0]) < len(parts[0])):
        # 2018-01-12 成立领导小组，印发方案 / 成立领导小组（五个组）: the date ends at the space, before the comma or the
        # brackets of the title, which would have put half the title after "date:" (then "not a date").
        parts, bracketed = spaced, None
    people = _people(first) if len(parts) == 2 and required[:2] == ["name", "role"] and not bracketed else []
    groups = [item for item in typed if isinstance(item, dict)] if isinstance(typed, list) and not in_list else []
    if len(groups) > 1 and required[:2] == ["name", "role"] and all(isinstance(item.get("name"), str)
                                                                  for item in groups):
        # "- name: 王芳 / role: …" twice: the hint said to write name: and role:, and nothing of the second person.
        kept = groups[0]
        role = kept.get("role") if isinstance(kept.get("role"), str) and kept.get("role").strip() else "…"
        return (f"a page has one interviewee, and this lists {len(groups)} "
                f"({', '.join(str(item['name']).strip() for item in groups)}): keep one, without the \"- \", "
                f'"  name: {kept["name"].strip()}", then "  role: {role.strip()}", and name the others in the text')
    address = _split_address(fields, typed)
    if address is not None:  # 上海热线新闻网 http://…: typed as the publisher, the address would show in its name
        values[required[0]] = address[0] or "…"
        values["url"] = address[1]
    elif "url" in fields and isinstance(typed, str) and typed.strip().lower().startswith(("http://", "https://")):
        values["url"] = first
    elif people:  # 王建国、李明: two people, not a name and a role
        return (f"a page has one interviewee, and this names {len(people)} ({', '.join(people)}): write the name of "
                f'one and their role, "  name: {people[0]}", then "  role: …", and name the others in the text')
    elif len(parts) == 2 and all(parts):  # 王建国，中共白鹤镇党委书记: a name, then a role
        values[required[0]], values[required[1]] = parts
    elif not in_list and listed and len(listed) == len(typed) <= len(required) and all(listed) \
            and max(map(len, listed)) <= PASTE_LIMIT:
        values.update(zip(required, listed))  # [王建国, 书记]: the texts of the list, in the fields' order
    else:
        values[required[0]] = first
    moved_note = "; in place of the first …, move the text now typed after the colon" if moved else ""
    if record is not None and _yearless_dates(record, values):
        moved_note += _NO_YEAR
    if in_list:
        (name, value), *rest = values.items()
        lines = [f'"- {name}: {value}"'] + [f'"  {other}: {text}"' for other, text in rest]
        if not rest:
            return f'write the item as a field, after the "-": {lines[0]}{moved_note}'
        return (f'write the item as key: value lines, the first after the "-": {lines[0]}, then '
                f"{', then '.join(lines[1:])} below it, lined up with {name}:{moved_note}")
    lines = [f'"  {name}: {value}"' for name, value in values.items()]
    return (f"write {' and '.join(name + ':' for name in values)} lines below it, each indented with "
            f"two spaces: {', then '.join(lines)}{moved_note}")


def _split_address(fields: Mapping[str, Any], typed: Any) -> tuple[str, str] | None:
    """``typed``, a text for a group of fields with a ``url`` field, split into a name and the web address after
    it (`named_address`), each short enough to type on a line; None when it is not so typed."""
    address = named_address(typed) if "url" in fields and isinstance(typed, str) else None
    return address if address is not None and max(map(len, address)) <= PASTE_LIMIT else None


_MONTH_DAY = compile_later(r"[ \t\u3000]*(\d{1,2})(?:[ \t\u3000]*月[ \t\u3000]*|[.．])(\d{1,2})[ \t\u3000]*[日号]?[ \t\u3000]*")
"""A date typed without its year: ``1月15日``, ``1 月 15 号``, or month and day apart by a point as Chinese text
writes them (``1.17``)."""


def _yearless_dates(record: type[BaseModel], values: dict[str, str]) -> bool:
    """Rewrite in place each value of ``values`` (``{field: text to offer}``) that is a month and a day
    (``1月15日``) for a date field of ``record`` as ``YYYY-01-15``; True when one was.

    A hint offering ``date: 1月15日`` was followed and told "write the year too"; no year is guessed
    (`sitegen.models.parse_date`'s hint says why: the year is the source's).
    """
    rewritten = False
    for name, text in values.items():
        if (dated := _yearless_date_of(record, name, text)) is not None:
            values[name] = dated
            rewritten = True
    return rewritten


def _split_at_space(record: type[BaseModel], field: str, typed: str) -> list[str]:
    """``typed`` cut at its first space into the value of ``field`` of ``record`` and the rest, when the text
    before the space is a value that field takes (``2018-01-10 成立…`` for a milestone: its date, then its title;
    ``residents 80`` for a target), or a day without its year for a date field (``1月15日 召开…``: `_yearless_dates`
    then offers ``YYYY-01-15``); [] otherwise.

    Told to write it all after ``date:``, the editor got "not a date" next.
    A field that takes any text (a name: ``张三 & 李四``) is never cut, as
    its value may hold spaces.
    """
    parts = re.split(r"[ \t\u3000]+", typed.strip(), maxsplit=1)
    if _takes(record, field, "文字"):
        return []
    if len(parts) != 2:  # 1月19日召开座谈会: the day ends at 日
        day = re.match(r"(\d{1,2}[ \t\u3000]*月[ \t\u3000]*\d{1,2}[ \t\u3000]*[日号])(\S.*)", typed.strip())
        return [day[1], day[2]] if day is not None and _yearless_date_of(record, field, day[1]) else []
    return parts if _takes(record, field, parts[0]) or _yearless_date_of(record, field, parts[0]) else []


def _takes(record: type[BaseModel], field: str, text: str) -> bool:
    """Whether ``field`` of ``record`` takes the value ``text`` (other fields may be missing)."""
    try:
        record.model_validate({field: text})
    except ValidationError as failure:
        return not any(tuple(error["loc"]) == (field,) for error in failure.errors())
    return True


def _fill(texts: tuple[str, str], name: str, item: Any, context: dict[str, Any]) -> tuple[str, str]:
    """Fill a message pair from `_MESSAGES` with the field, the value typed and the limits."""
    value = item.get("input")
    choices = ", ".join(part.strip(" '") for part in str(context.get("expected", "")).replace(" or ", ", ").split(","))
    limit = next((context[k] for k in ("ge", "le", "gt", "lt") if k in context), "")
    fields = {"field": name, "key": name.rsplit(" → ", 1)[-1], "value": clip(value), "choices": choices,
              "kind": kind_of(value), "limit": limit}
    if texts is _WHOLE_NUMBER and isinstance(value, str) and (meant := whole_number_meant(value)) is not None:
        # 五十 was told "e.g. 10", which, typed as shown, set 10
        return texts[0].format(**fields), f"write the digits alone: {meant}"
    return texts[0].format(**fields), texts[1].format(**fields)


def _converter_message(name: str, item: Any, context: dict[str, Any]) -> tuple[str, str]:
    """Word an error raised by a converter (models.py) or a settings check (config.py).

    The hint is the context's ``hint``; or, from a converter that knows the
    value meant but not the key it is typed after, its ``fix`` followed by
    the whole line (``url: https://…``).
    """
    if item["type"] == "value_error" and "error" in context:
        text = str(context["error"])
        return f"{name}: {text}", ""
    message = str(item.get("msg", ""))
    if message.startswith(("Input should be", "Value error")):  # pydantic's own words: not for editors
        message = f"the value {kind_of(item.get('input'))} cannot be used here"
    key = name.rsplit(" → ", 1)[-1]
    if "meant" in context:
        return f"{name}: {message}", paste_hint(str(context["fix"]), f"{key}: {context['meant']}")
    if item["type"] == "bool" and key in FLAG_MEANINGS:
        yes, no = FLAG_MEANINGS[key]
        return f"{name}: {message}", f"write {key}: false (否) {no}, or {key}: true (是) {yes}"
    return f"{name}: {message}", str(context.get("hint", ""))
