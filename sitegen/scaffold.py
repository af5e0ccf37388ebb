"""Files to start from: ``sitegen new`` (one record) and ``sitegen init`` (a whole site).

Every file written has every field, each with a short comment in Chinese
and English; optional fields are written as comment lines that work once
the leading ``# `` is removed. Dates are today's in the site's time zone,
URL parts are the pinyin slug of the title (`sitegen.slugs.make_slug`). New
interviews and case studies start as drafts (``draft: true``), as Hugo's
``hugo new`` does: they show in ``sitegen serve`` with a banner and are
published once the editor sets ``draft: false``.

Rules: a file is never overwritten, and a file an editor keeps (a unit's
record) is never rewritten: ``sitegen new tally`` returns the lines to paste
instead of changing the unit's file. The one file removed is a unit's that
``sitegen new unit`` wrote and nothing changed or named since, when it is
given again with another id (`new_unit`). References are checked before writing
(the unit and series must exist, the slug must be free), so that what is
written passes ``sitegen check``.

The placeholders written for the editor to replace (受访人姓名, 一两句话介绍本栏目。 …) are those of
`sitegen.placeholders`, which `sitegen check` reports when they are left in a page or record that would
be published. A new interview or case study is a draft, so its placeholders are reported only once it is
not; a new unit's tallies, targets and milestones are commented-out examples, whose notes say they are
examples; a new series' blurb is reported until it is written (a series is always published).
`sitegen init` writes examples of its own, which are not placeholders: its site builds at once.

May import: lazyre, errors, config, slugs, models, placeholders, recordfiles, sources, yamltext (and the standard
library).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from .config import CONFIG_FILE, load_config
from .errors import Problem, Report, SiteError, command_word, new_record_command
from .lazyre import compile_later
from .models import (FULL_WIDTH_FIX, LEVEL_RENAMINGS, UNIT_LEVEL_LABELS, UNIT_LEVEL_PINYIN, UnitLevel, choice_meant,
                     choice_value, id_case_reason, is_stand_in, level_in_name, level_word_ending, one_place_name, parse_count,
                     parse_date, place_level_word, place_name, plain_name, short_name, split_office,
                     spreadsheet_reading)
from .placeholders import (ANSWER, CASE_ACTION, CASE_ALIAS, CASE_OUTCOME, CASE_PROBLEM, CASE_TEXT,
                           EXAMPLE_MILESTONE, EXAMPLE_MILESTONE_TITLE, EXAMPLE_TALLY_NOTE, EXAMPLE_TARGET_FIGURES,
                           EXAMPLE_TARGET_NOTE, FIRST_QUESTION, IMAGE_ALT, IMAGE_CAPTION, INIT_CASE_LINE,
                           INIT_CASE_TITLE, INIT_INTERVIEW_LINE, INIT_INTERVIEW_TITLE, INIT_MILESTONE_DESCRIPTION,
                           INIT_MILESTONE_TITLE, INIT_SERIES_BLURB, INIT_SITE_TITLE, INIT_TALLY_FIGURES, INIT_TARGET,
                           INIT_TEXTS, INIT_UNIT_NAME, INIT_UNIT_NOTE, INIT_UNIT_SUMMARY, INTERVIEW_ALIAS,
                           INTERVIEWEE_NAME, INTERVIEWEE_ROLE, PAGE_SUMMARY, PUBLISHER, SERIES_BLURB, SOURCE_PUBLISHER,
                           SOURCE_TITLE, SOURCE_URL, TALLY_NOTE, UNIT_SUMMARY)
from .slugs import (device_name, device_trouble, heard_reading, heteronyms, is_slug, make_slug,
                    readings_of, slug_reading, spelling, spells, windows_safe)
from .recordfiles import MisnamedFile, record_file, report_misnamed
from .sources import MAX_SOURCE_BYTES, decode_for_display, is_skipped_name, read_source, split_front_matter
from .yamltext import YamlData, load_yaml, typed_line_list, typed_line_value, yaml_text

LEVELS = tuple(level.value for level in UnitLevel)
"""The unit levels editors may write (``town``, ``subdistrict`` …)."""

_LEVEL_COMMENT = ("级别 level: district 区, town 镇, subdistrict 街道, committee 委办局, "
                  "village 村, community 社区, park 园区")
_GROUP_COMMENT = ("对象 group: institutions 机构, residents 居民, registered_enterprises 注册企业, enterprises 企业, "
                  "farmers 农户, social_organizations 社会组织, villages 村居")


class ScaffoldError(Exception):
    """A file cannot be written as asked: it exists, a reference is unknown, a name is unusable.

    ``message`` says what is wrong, ``hint`` how to go on (may be ""). ``retype`` is ``(option, value)`` when
    the fix is to give the same command again with that option changed (``("--unit", "baihe")``, for the name
    of a unit given for its id): the hint then says ``--unit baihe`` (``write --unit baihe``), and the command
    line shows the whole command to type after it (`hint_with`).
    """

    def __init__(self, message: str, hint: str = "", retype: tuple[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.retype = retype

    def hint_with(self, command: str | None) -> str:
        """The hint, with ``command`` (the command given again with `retype`'s option changed, as typed at a
        prompt) after the first ``OPTION VALUE`` of it; the hint alone when either is None."""
        if command is None or self.retype is None:
            return self.hint
        wanted = r"(?<!\S)" + re.escape(f"{self.retype[0]} {self.retype[1]}") + r"(?![\w-])"
        return re.sub(wanted, lambda found: f"{found.group(0)}, as in: {command}", self.hint, count=1)


@dataclass(frozen=True)
class TallyBlock:
    """A tally to paste into a unit's file: the file, the lines, advice on where they go, and the warnings of
    reading the file (``problems``: one for a file saved as GBK/GB18030, as `sitegen check` gives it)."""

    unit_file: str
    text: str
    advice: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class NewUnit:
    """What `new_unit` did: the file it wrote (``root / …``), and the file it removed, ``None`` when none: the
    unit's file it had written under another id, that nothing had changed or named since (``zhong-gu-zhen.yaml``,
    replaced by ``chong-gu-zhen.yaml``)."""

    path: Path
    removed: Path | None = None


# --- text of each kind of file -------------------------------------------------------------------


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def interview_text(title: str, slug: str, unit: str, series: str, moment: datetime, *,
                   person: tuple[str, str] = (INTERVIEWEE_NAME.text, INTERVIEWEE_ROLE.text),
                   body: str = f"{FIRST_QUESTION.text}\n\n{ANSWER.text}\n") -> str:
    """Return a new interview: front matter with every field (a draft), and one question to start from.

    ``person`` (name, role) and ``body`` are the placeholders of `sitegen.placeholders` unless given
    (`sitegen init` gives its example's).
    """
    return f"""---
# 访谈 Interview。以 # 开头的行是说明或可选字段：去掉行首的 "# " 即可启用。
# Lines starting with # are notes or optional fields: remove the "# " to use one.
title: {yaml_text(title)}   # 标题 title
slug: {slug}   # 网址中的名字，发布后不要再改 URL part; keep it once published
# aliases: [{INTERVIEW_ALIAS.text}]   # 旧网址，仍转到本页 old addresses that still lead here
series: {series}   # 栏目 id（content/series/ 下的文件名）series id
unit: {unit}   # 受访单位 id（content/units/ 下的文件名）unit id
interviewee:   # 受访人 the person interviewed
  name: {person[0]}   # 姓名 name
  role: {person[1]}   # 职务 role, e.g. 中共白鹤镇党委书记
date: {_when(moment)}   # 发布时间（站点时区），晚于现在则定时发布 publish time; a later time schedules the page
# summary: {PAGE_SUMMARY.text}   # 摘要，不写则取正文开头 summary; else the start of the text
tags: []   # 标签 tags, e.g. [大调研, 补短板]
# images:   # 图片 images
#   - src: images/example.jpg   # content/ 下的路径 path under content/
#     alt: {IMAGE_ALT.text}   # 替看不见图片的读者描述 describe it for readers who cannot see it
#     caption: {IMAGE_CAPTION.text}   # 图注 caption
# source:   # 首发来源（转载时填写）where it was first published
#   publisher: {SOURCE_PUBLISHER.text}   # 发布机构 publisher
#   title: {SOURCE_TITLE.text}   # 原文标题 original title
#   url: {SOURCE_URL.text}   # 原文网址 original address
draft: true   # 草稿：true 时 sitegen build 不发布，写好后改为 false  true: not published; set false when ready
---

{body}"""


def case_text(title: str, slug: str, unit: str, moment: datetime, *,
              problem: str = CASE_PROBLEM.text, action: str = CASE_ACTION.text,
              body: str = f"## 问题是怎么发现的\n\n{CASE_TEXT.text}\n", related: date | None = None) -> str:
    """Return a new case study: front matter with every field (a draft), and a first section.

    ``problem``, ``action`` and ``body`` are the placeholders of `sitegen.placeholders` unless given
    (`sitegen init` gives its example's). ``related`` is the date its optional related_tally offers: the unit's
    latest tally's (today's, the day the page is written, made an error that listed the unit's tally dates).
    """
    return f"""---
# 典型案例 Case study。以 # 开头的行是说明或可选字段：去掉行首的 "# " 即可启用。
# Lines starting with # are notes or optional fields: remove the "# " to use one.
title: {yaml_text(title)}   # 标题 title
slug: {slug}   # 网址中的名字，发布后不要再改 URL part; keep it once published
# aliases: [{CASE_ALIAS.text}]   # 旧网址，仍转到本页 old addresses that still lead here
unit: {unit}   # 单位 id（content/units/ 下的文件名）unit id
status: planned   # 进展 status: planned 计划中, in_progress 推进中, resolved 已解决
problem: {problem}   # 问题 the problem found in the survey
actions:   # 做法，每行一条 actions taken, one per line
  - {action}
# outcome: {CASE_OUTCOME.text}   # 成效 outcome so far
# related_tally: {related or moment:%Y-%m-%d}   # 对应的调研数据：该单位某次 tally 的 as_of 日期 as_of of one of the unit's tallies
date: {_when(moment)}   # 发布时间（站点时区），晚于现在则定时发布 publish time; a later time schedules the page
# summary: {PAGE_SUMMARY.text}   # 摘要，不写则取正文开头 summary; else the start of the text
tags: []   # 标签 tags, e.g. [补短板]
# images:   # 图片 images
#   - src: images/example.jpg   # content/ 下的路径 path under content/
#     alt: {IMAGE_ALT.text}   # 替看不见图片的读者描述 describe it for readers who cannot see it
#     caption: {IMAGE_CAPTION.text}   # 图注 caption
# source:   # 首发来源（转载时填写）where it was first published
#   publisher: {SOURCE_PUBLISHER.text}   # 发布机构 publisher
#   title: {SOURCE_TITLE.text}   # 原文标题 original title
#   url: {SOURCE_URL.text}   # 原文网址 original address
draft: true   # 草稿：true 时 sitegen build 不发布，写好后改为 false  true: not published; set false when ready
---

{body}"""


def tally_lines(day: date, indent: str = "  ", *,
                figures: tuple[int | None, int, int, int, int] = (0, 0, 0, 0, 0), note: str = "",
                gap: str = " ") -> str:
    """Return one tally as YAML list lines (``- as_of: …``) at ``indent``, each with its comment, with ``gap``
    (spaces) after the "-" and the other fields lined up with ``as_of``.

    ``figures`` are batches, collected, escalated, resolved, in progress;
    batches None writes its line commented out (the unit reports none).
    """
    batches, collected, escalated, resolved, in_progress = figures
    pad = indent + " " + gap
    note_line = f"note: {yaml_text(note)}" if note else f"# note: {TALLY_NOTE.text}"
    batches_line = f"batches: {batches}" if batches is not None else "# batches: 0"
    return (f"{indent}-{gap}as_of: {day.isoformat()}   # 截至日期：以下都是到这一天的数字 figures as of this day\n"
            f"{pad}{batches_line}   # 调研批次（可删去）survey batches (optional)\n"
            f"{pad}collected: {collected}   # 收集问题清单 issue lists collected\n"
            f"{pad}escalated: {escalated}   # 提交区级 escalated to the district\n"
            f"{pad}resolved: {resolved}   # 已解决 resolved\n"
            f"{pad}in_progress: {in_progress}   # 办理中 in progress; 提交区级 + 已解决 + 办理中 = 收集\n"
            f"{pad}{note_line}   # 说明，如数据来源 note, e.g. where the figures come from\n")


def _commented(block: str) -> str:
    return "".join(f"# {line}\n" if line.strip() else "#\n" for line in block.splitlines())


def unit_text(name: str, unit_id: str, level: str, day: date) -> str:
    """Return a new unit record: every field; tallies, targets and milestones as commented examples.

    Each example carries a placeholder of `sitegen.placeholders` that says it is one (the tally's and the
    target's note, the milestone's title and description), so that one uncommented but not rewritten is
    reported.
    """
    tally = _commented("tallies:   # 调研数据，按日期，旧的在前 dated figures, oldest first\n"
                       + tally_lines(day, note=EXAMPLE_TALLY_NOTE.text))
    group, target, measured = EXAMPLE_TARGET_FIGURES
    return f"""{_unit_first_line(name, unit_id)}
# The file name is the unit's id: interviews and case studies name it in unit:.
# 以 # 开头的行是说明或可选字段：去掉行首的 "# " 即可启用。
# Lines starting with # are notes or optional fields: remove the "# " to use one.
name: {yaml_text(name)}   # 名称 name, as published
level: {level}   # {_LEVEL_COMMENT}
aliases: []   # 其他正确叫法 other correct names, e.g. [白鹤]
misspellings: []   # 常见错误写法，页面出现时给出警告 wrong spellings to warn about, e.g. [白河镇]
# not_misspellings: []   # 与本单位名称同音、但并非错写的词语或地名 texts that sound like this name but are right as typed
# distinct_from: []   # 名称同音、但确是另一个地方的单位的 id ids of units whose names sound the same but are other places
# summary: {UNIT_SUMMARY.text}   # 简介 a short description

# 以后每次新数据：sitegen new tally --unit {unit_id} 打印一条可粘贴的 tally  (prints a tally to paste)
{tally}
# targets:   # 覆盖目标（百分比）coverage targets, in percent
#   - group: {group}   # {_GROUP_COMMENT}
#     target: {target}   # 目标 target %
#     deadline: {day.year}-12-31   # 期限（可删去）deadline (optional)
#     measured: {measured}   # 已达到（可删去）share reached so far (optional) ...
#     measured_as_of: {day.isoformat()}   # ……测量日期 ... and when it was measured
#     note: {EXAMPLE_TARGET_NOTE.text}   # 说明，如目标的依据 note, e.g. where the target comes from

# milestones:   # 大事记，按日期 milestones, in date order
#   - date: {day.isoformat()}   # 日期 date
#     title: {EXAMPLE_MILESTONE_TITLE.text}   # 事件 what happened
#     description: {EXAMPLE_MILESTONE.text}   # 说明（可删去）description (optional)
#     status: done   # 状态（可删去）: done 已完成, planned 计划, postponed 推迟, cancelled 取消; left out, the date says it
"""


def _unit_first_line(name: str, unit_id: str) -> str:
    """The first line of the unit file `unit_text` writes for ``name`` and ``unit_id`` (without its line end)."""
    return f"# 单位 Unit：{name}。文件名就是它的 id：{unit_id}（访谈和案例的 unit: 写这个）。"


def series_text(title: str, series_id: str, publisher: str, blurb: str = SERIES_BLURB.text) -> str:
    """Return a new series record: title, blurb and publisher, each with its comment.

    ``blurb`` is the placeholder of `sitegen.placeholders` unless given (`sitegen init` gives its example's).
    """
    return f"""# 栏目 Series：一组访谈。文件名就是它的 id：{series_id}（访谈的 series: 写这个）。
# The file name is the series' id: interviews name it in series:.
title: {yaml_text(title)}   # 栏目名称 title
blurb: {blurb}   # 栏目介绍 what the series is about
publisher: {yaml_text(publisher)}   # 发布机构 publisher
"""


# --- sitegen new ----------------------------------------------------------------------------------


def site_now(root: Path) -> datetime:
    """Return the current time in the site's time zone (naive, to the minute).

    Reads ``site.yaml``; raises `SiteError` with its problems when it is
    missing or invalid.
    """
    config = load_config(root, Report())
    return datetime.now(ZoneInfo(config.time_zone)).replace(tzinfo=None, second=0, microsecond=0)


def new_interview(root: Path, title: str, *, unit: str | None = None, series: str | None = None,
                  slug: str | None = None, now: datetime | None = None) -> Path:
    """Write ``content/interviews/<slug>.md`` (a draft); returns its path (``root / …``).

    ``unit`` and ``series`` default to the only one there is; of several units, ``unit`` defaults to the one the
    title names (`unit_taken_from_title`). Raises `ScaffoldError` when the file exists, the unit or series is
    unknown, none can be chosen, or no slug can be made; `SiteError` when ``site.yaml`` is missing or invalid.
    """
    moment = now or site_now(root)
    # The series first: the command a unit's refusal gives to type again (`sitegen.cli`) then holds it.
    series = _choose_series(root, series)
    unit = _choose_unit(root, unit, title)[0]
    slug = _free_slug(root, "interviews", title, slug)
    return _write_new(root, f"content/interviews/{slug}.md", interview_text(title.strip(), slug, unit, series, moment))


def new_case(root: Path, title: str, *, unit: str | None = None, slug: str | None = None,
             now: datetime | None = None) -> Path:
    """Write ``content/cases/<slug>.md`` (a draft); returns its path. ``unit`` defaults as in `new_interview`: the
    only one there is, else the one the title names. Raises as `new_interview`."""
    moment = now or site_now(root)
    unit, rel = _choose_unit(root, unit, title)
    slug = _free_slug(root, "cases", title, slug)
    return _write_new(root, f"content/cases/{slug}.md",
                      case_text(title.strip(), slug, unit, moment, related=_latest_tally_day(root, rel)))


def new_unit(root: Path, name: str, *, unit_id: str | None = None, level: str | None = None,
             now: datetime | None = None) -> NewUnit:
    """Write ``content/units/<id>.yaml``; returns it, with the file it replaced (`NewUnit`).

    The id is ``unit_id``, else the pinyin of the name; the level is
    ``level`` (as ``level:`` in the file takes it: `level_refusal`), else
    read from the name's ending (`guess_level`; `unit_level_note` says which
    and why). A unit of that name whose file is still as this wrote it, under another id than ``unit_id``, and
    that nothing in ``content/`` names, is replaced: the new file is written, then the old one removed
    (`_unit_to_replace`). Raises `ScaffoldError` for an existing file, an unusable id or
    level, a unit of that name (`_refuse_named`; its file kept, and why, when ``unit_id`` is another id), a unit
    whose name reads the same (`_refuse_read_alike`), a
    unit whose name is this one with or without the word of its level (`_refuse_short_named`) and a unit of the
    place this one names with or without its office's words (`_refuse_office_named`), whether or not an id is
    given, and for an old file the system will not let it remove (the new one is then removed again).
    """
    moment = now or site_now(root)
    name = _required_text(name, "name")
    _refuse_spaced_name(name)
    if level is not None and (refusal := level_refusal(level)) is not None:
        raise ScaffoldError(*refusal)
    chosen = str(choice_value(UnitLevel, level) if level is not None else guess_level(name))
    old = _unit_to_replace(root, name, unit_id, chosen, level is not None)
    _refuse_named(root, "units", name, "a unit named", "--unit", unit_id, aside=old)
    unit_id = _record_id(unit_id, name, "--id", _unit_readings(root, name))
    # An id typed by hand is refused alike: 白鶴鎮 --id baihe2 was written, a second unit for one town.
    _refuse_read_alike(root, name, unit_id, aside=old)
    _refuse_short_named(root, name, unit_id)
    _refuse_office_named(root, name, unit_id)
    text = unit_text(name, unit_id, chosen, moment.date())
    written = _write_new(root, f"content/units/{unit_id}.yaml", text)
    if old is None:
        return NewUnit(written)
    removed = root / f"content/units/{old}.yaml"
    try:
        removed.unlink()
    except OSError as failure:  # two files for one unit would count its figures twice: the new one goes again
        written.unlink(missing_ok=True)
        raise ScaffoldError(f"cannot remove {removed.as_posix()}: {failure.strerror or failure}",
                            "close it in the program that has it open, check that you may change files there, "
                            "then give the command again") from None
    return NewUnit(written, removed)


def _unit_to_replace(root: Path, name: str, unit_id: str | None, level: str, level_given: bool) -> str | None:
    """The id of the unit file of the site ``root`` that `new_unit` replaces by one of the id ``unit_id`` for the
    unit ``name`` (of ``level``, given with ``--level`` or not: ``level_given``); None when there is none to
    replace: no ``unit_id``, or no single other unit file (``.yaml``, its name an id) whose ``name:`` is ``name``
    and whose first line is the one `new_unit` wrote for it (a unit file of the editor's own is refused as ever:
    `_refuse_named`).

    ``sitegen new unit 重固镇`` wrote ``zhong-gu-zhen.yaml``; 重固 is chóng gù, and ``sitegen new unit 重固镇 --id
    chong-gu-zhen`` was refused, the unit's name being taken, with a hint that kept the first id. The file is
    replaced when it is byte for byte what `new_unit` writes for that name and its id (`_as_new_unit_wrote`), with
    this command's level, and no other file in ``content/`` names its id (`_files_naming`). Else it is kept:
    raises `ScaffoldError` saying why, and how to rename it by hand.
    """
    if unit_id is None or not is_slug(unit_id):
        return None
    same = [rid for rid in _record_ids(root, "units") if rid != unit_id and is_slug(rid)
            and (root / "content" / "units" / f"{rid}.yaml").is_file()
            and _record_fields(root, "units", rid).get("name") == name]
    if len(same) != 1:
        return None
    old = same[0]
    rel = f"content/units/{old}.yaml"
    try:
        data = (root / rel).read_bytes()
    except OSError:  # refused as ever
        return None
    if not data.startswith(f"{_unit_first_line(name, old)}\n".encode("utf-8")):
        return None
    written_level = _as_new_unit_wrote(data, name, old)
    naming = _files_naming(root, old, rel)
    refused = f"a unit named {name} exists already: {rel} (id {old})"
    if written_level is not None and not naming and written_level != level and not level_given:
        raise ScaffoldError(refused, f"it was written with level: {written_level}, and this command would write "
                                     f"level: {level}: to replace it, give the level it was written with (or the one "
                                     f"meant): --level {written_level}", retype=("--level", written_level))
    if written_level is not None and not naming:
        return old
    why = [] if written_level is not None else ["it is no longer as sitegen new unit wrote it (it may hold what "
                                                "you wrote)"]
    if naming:
        listed = naming[:3] + ([f"{len(naming) - 3} more"] if len(naming) > 3 else [])
        shown = (", ".join(listed[:-1]) + " and " if len(listed) > 1 else "") + listed[-1]
        why.append(f"{shown} name{'s' if len(naming) == 1 else ''} its id {old}")
    lines = ['its first line', 'its "sitegen new tally" line'] + (
        ["those files" if len(naming) > 1 else naming[0]] if naming else [])
    raise ScaffoldError(refused, f"{_mend_first(root, [old])}it is kept, as {', and '.join(why)}: to give it the id "
                                 f"{unit_id}, rename it to {unit_id}.yaml and write {unit_id} for {old} in "
                                 f"{', '.join(lines[:-1])} and {lines[-1]}; else new pages name it by its id "
                                 f"(--unit {old})")


_WRITTEN_DAY = compile_later(r"^#   - as_of: (\d{4}-\d{2}-\d{2})   # ", re.MULTILINE)
_WRITTEN_LEVEL = compile_later(r"^level: ([a-z]+)   # ", re.MULTILINE)


def _as_new_unit_wrote(data: bytes, name: str, unit_id: str) -> str | None:
    """The level of the unit file ``data`` (its bytes) when they are what `new_unit` writes for ``name`` and
    ``unit_id`` (`unit_text`), on the day and of the level the file gives (its example tally's ``as_of``, its
    ``level:``, as ``--level`` may have given any); None when they differ in any byte."""
    text = data.decode("utf-8", errors="replace")
    day, level = _WRITTEN_DAY.search(text), _WRITTEN_LEVEL.search(text)
    if day is None or level is None or level.group(1) not in LEVELS:
        return None
    try:
        when = date.fromisoformat(day.group(1))
    except ValueError:
        return None
    return level.group(1) if unit_text(name, unit_id, level.group(1), when).encode("utf-8") == data else None


def _files_naming(root: Path, record_id: str, besides: str) -> list[str]:
    """The files in ``content/`` of the site ``root``, but ``besides``, that name ``record_id``: in their path
    (``content/images/zhong-gu-zhen/1.jpg``) or their text (``unit: zhong-gu-zhen``, a link to
    ``/units/zhong-gu-zhen/``, ``distinct_from: [zhong-gu-zhen]``), in capitals or full width too, as `sitegen
    check` reads a page's ``unit:``; not as part of a longer id (``zhong-gu-zhen-xin-lian-cun``). Files the build
    skips (backups, hidden files) are left out; a file larger than a source may be is read for its path only.
    Raises nothing.
    """
    named = re.compile(rf"(?<![a-z0-9-]){re.escape(record_id)}(?![a-z0-9]|-[a-z0-9])")
    folder = root / "content"
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        if rel == besides or any(is_skipped_name(part) for part in path.relative_to(folder).parts) \
                or not path.is_file():
            continue
        texts = [rel]
        try:
            if path.stat().st_size <= MAX_SOURCE_BYTES:
                data = path.read_bytes()
                texts += [data.decode("latin-1"), decode_for_display(data) or ""]
        except OSError:
            pass
        if any(named.search(unicodedata.normalize("NFKC", text).lower()) for text in texts):
            found.append(rel)
    return found


_SPACE_IN_HAN = compile_later(r"([\u3400-\u9fff]+)( +)(?=[\u3400-\u9fff])")


def _refuse_spaced_name(name: str) -> None:
    """Raise `ScaffoldError` for a unit's name with an ordinary space between Chinese characters (华新 镇, often
    typed without quotes: the words come apart): Chinese is written without spaces, and the unit's page would
    publish it, as `sitegen check` warns of a full-width or no-break space there. The hint gives the name
    without it."""
    found = _SPACE_IN_HAN.search(name)
    if found is None:
        return
    joined = _SPACE_IN_HAN.sub(lambda run: run.group(1), name)
    raise ScaffoldError(f'the name "{name}" has a space between "{found.group(1)}" and "{name[found.end():].split(" ")[0]}": '
                        "Chinese is written without spaces, and the unit's page would publish it",
                        f"give the name without it: {joined}")


def unit_id_note(unit_id: str, name: str, level: str | None) -> str | None:
    """What to know of a new unit's id (given with ``--id``) that a spreadsheet reads as a number or a date, with
    the ids to rename the file to; None for any other id.

    Takes the id, the unit's name and ``--level`` as typed (None: guessed from the name, as `new_unit` does).
    The id is published in the open data's columns the tables are joined by; `sitegen.checks.check_spreadsheet_ids`
    warns of it at every check, and this says so while no page names it yet. Raises nothing.
    """
    reading = spreadsheet_reading(unit_id)
    if reading is None:
        return None
    chosen = str(choice_value(UnitLevel, level)) if level is not None else guess_level(name)
    pinyin = make_slug(name)
    offers = ([f"{pinyin}.yaml (the pinyin of the name)"] if pinyin and spreadsheet_reading(pinyin) is None else [])
    offers.append(f"{UNIT_LEVEL_PINYIN.get(chosen, 'unit')}-{unit_id}.yaml")
    return (f"a spreadsheet (Excel) reads the id {unit_id} as {reading}, so the open data's unit_id and id columns "
            f"would not show it: rename the file now, before any page names it, to {' or '.join(offers)}")


def other_reading(text: str, made: str) -> tuple[str, str] | None:
    """The next reading of the one character of more than one reading (`sitegen.slugs.heteronyms`) of the name ``text``,
    and ``made``, the id `new_unit` made from its pinyin, with it read so: ``("chong", "chong-gu-zhen")`` for 重固镇's
    zhong-gu-zhen; None when the name has no such character or several (which to read otherwise is then the
    editor's to tell), or ``made`` does not spell it a syllable a character. Raises nothing. Loads pypinyin.
    """
    found = heteronyms(text)
    spelt = spelling(made, text)
    if len(found) != 1 or spelt is None or spelt[0] != text or len(spelt[1]) != len(text):
        return None
    char, readings = found[0]
    syllables = list(spelt[1])
    at = text.index(char)
    reading = next((reading for reading in readings if reading != syllables[at]), None)
    if reading is None:
        return None
    syllables[at] = reading
    other = make_slug(" ".join(syllables))
    return (reading, other) if other != made and is_slug(other) else None


def new_series(root: Path, title: str, *, series_id: str | None = None) -> Path:
    """Write ``content/series/<id>.yaml``; returns its path. Raises `ScaffoldError` as `new_unit`."""
    config = load_config(root, Report())
    title = _required_text(title, "title")
    _refuse_named(root, "series", title, "a series titled", "--series", series_id)
    series_id = _record_id(series_id, title, "--id", _unit_readings(root, title))
    return _write_new(root, f"content/series/{series_id}.yaml",
                      series_text(title, series_id, config.publisher or config.title))


def new_tally(root: Path, unit: str | None = None, *, now: datetime | None = None) -> TallyBlock:
    """Return a tally dated today to paste into ``content/units/<unit>.yaml`` (the only unit there is when
    ``unit`` is None); writes nothing.

    The lines are indented as the file's existing tallies are (two spaces
    when it has none). ``advice`` says what to change first when the file
    has no ``tallies:`` list yet. The file is read as the build reads it
    (`sitegen.sources.read_source`: UTF-8 with or without a byte-order mark,
    CRLF line ends, GBK/GB18030 with its warning in ``problems``). Raises
    `ScaffoldError` for an unknown unit, or for a tally of today there
    already; `SiteError` with the build's own error for a file it cannot
    read (UTF-16, bytes of no known encoding), rather than taking it for a
    file without tallies.
    """
    moment = now or site_now(root)
    unit, rel = _choose_unit(root, unit)
    report = Report()
    source = read_source(root, rel, report)
    if source is None:
        raise SiteError(report.problems)
    text = source.text
    found = re.search(r"^([ ]*)-([ ]+)as_of:", text, re.MULTILINE)
    advice = []
    if re.search(r"^tallies:\s*\[\s*\]", text, re.MULTILINE):
        advice.append('replace "tallies: []" with "tallies:" and paste the lines below it')
    elif not re.search(r"^tallies:", text, re.MULTILINE):
        # A unit written by `new unit` holds the list commented out, as an example.
        commented = re.search(r"^#[ \t]*tallies:", text, re.MULTILINE)
        if commented:
            line = text.count("\n", 0, commented.start()) + 1
            advice.append(f'"tallies:" is commented out on line {line}: delete the "# " before it, then paste '
                          'the lines below it (the commented example under it may stay or go)')
        else:
            advice.append('the file has no "tallies:" line yet: add one at the end, then paste the lines below it')
    read = Report()
    data = load_yaml(text, rel, read)
    if read.has_errors():  # figures read from a file YAML cannot read were zeros, pasted and published
        raise SiteError(read.problems)
    latest = _latest_tally(data, rel)
    if latest is not None and latest[0] == moment.date():
        raise ScaffoldError(f"{rel} has a tally of {latest[0].isoformat()} (today) already",
                            "change its figures in place: a unit has one tally per date")
    lines = tally_lines(moment.date(), found.group(1) if found else "  ",
                        figures=latest[1] if latest is not None else (0, 0, 0, 0, 0),
                        gap=found.group(2) if found else " ")
    if latest is not None:
        _, collected, escalated, resolved, in_progress = latest[1]
        if escalated + resolved + in_progress != collected:
            # Copied as it was, the sum's error came back in the new tally, and was taken for the new figures'.
            advice.append(f"the latest tally ({latest[0].isoformat()}), whose figures these lines start from, does not "
                          f"add up (escalated {escalated} + resolved {resolved} + in progress {in_progress} = "
                          f"{escalated + resolved + in_progress}, but collected is {collected}): mend it first, then "
                          "write the new figures as counted, so that they add up")
    return TallyBlock(rel, lines, tuple(advice), tuple(report.problems))


def _dated_tallies(data: YamlData | None) -> list[tuple[date, dict[str, Any]]]:
    """``(as_of, tally)`` of each tally of a unit file as read (``data``) whose date can be read, in file order."""
    tallies = data.value.get("tallies") if data is not None and isinstance(data.value, dict) else None
    dated = []
    for tally in tallies if isinstance(tallies, list) else []:
        try:
            dated.append((parse_date(tally.get("as_of")), tally))
        except (AttributeError, ValueError):
            continue
    return dated


def _latest_tally_day(root: Path, rel: str) -> date | None:
    """The latest as_of among the tallies of the unit file ``rel``, or None (none, or the file cannot be read)."""
    quiet = Report()
    source = read_source(root, rel, quiet)
    dated = _dated_tallies(load_yaml(source.text, rel, quiet) if source is not None else None)
    return max((day for day, _ in dated), default=None)


def _latest_tally(data: YamlData | None, rel: str) -> tuple[date, tuple[int | None, int, int, int, int]] | None:
    """The date and figures (batches, collected, escalated, resolved, in progress) of the latest tally of the
    unit file ``rel`` as read (``data``; batches None when it has none); None when it has no tally.

    A new tally starts from them: counts that only grow then never read as falling (zeros would),
    and the editor changes only what changed. Raises `ScaffoldError` when a figure of that tally cannot
    be read (``colected:`` misspelt, ``collected: 三百``): 0 was printed for it, pasted and published.
    """
    dated = _dated_tallies(data)
    if not dated:
        return None
    day, tally = max(dated, key=lambda pair: pair[0])

    def count(name: str) -> int:
        try:
            return parse_count(tally.get(name))
        except ValueError:
            raise ScaffoldError(f"the latest tally in {rel} (as_of {day.isoformat()}) has no {name} that can be "
                                "read, so a new tally cannot start from its figures",
                                "correct that tally first (sitegen check says what is wrong), then run this "
                                "again") from None
    batches = count("batches") if tally.get("batches") not in (None, "") else None
    return day, (batches, count("collected"), count("escalated"), count("resolved"), count("in_progress"))


def level_meant(typed: str) -> str | None:
    """The unit level ``typed`` names: a value of `LEVELS` (``town``), or its Chinese word (镇, 街道, 居委会);
    None for anything else (`sitegen.models.choice_meant`)."""
    return choice_meant(UnitLevel, typed)


def level_refusal(typed: str) -> tuple[str, str] | None:
    """The message and hint refusing ``--level typed``, or None when ``level:`` in a unit's file takes it as typed.

    ``level:`` takes a value of `LEVELS` or its Chinese label as the pages show it (town, 镇:
    `sitegen.models.choice_value`); another word for one (乡, 居委会, ``Town``, ``ｔｏｗｎ``) is refused, in the file
    by `sitegen check` and here alike, with the value to write in the words of the check's hint: the page would
    show the list's word (镇), not the one typed. A word that names no level (``xiang``) is refused too, with
    the levels to choose from.
    """
    if choice_value(UnitLevel, typed) in LEVELS:
        return None
    message = f'"{typed}" is not one of the allowed values for --level'
    half = unicodedata.normalize("NFKC", typed).strip()
    meant = level_meant(half)
    if meant is not None and half != typed.strip():
        return message, f"{FULL_WIDTH_FIX}: --level {meant}"
    if meant is not None:
        return message, f"write --level {meant}, or --level {UNIT_LEVEL_LABELS[meant]} as the pages show it"
    return message, "use one of: " + ", ".join(f"{value} ({label})" for value, label in UNIT_LEVEL_LABELS.items())


def guess_level(name: str) -> str:
    """The level a new unit named ``name`` is written with when no ``--level`` is given: the one its name's ending
    says (`sitegen.models.level_in_name`: 青浦区人民政府 → district, 盈浦街道办事处 → subdistrict), else town."""
    read = level_in_name(name)
    return read[0] if read is not None else "town"


def unit_level_note(name: str, level: str | None) -> str:
    """What ``sitegen new unit`` says of the level it wrote for ``name``: which, and why.

    Takes the name and ``--level`` as typed (None: read from the name, as `new_unit` does). A level read from
    the name names the word it was read from; a name whose ending says no level is told so, with the levels to
    choose from, since town was written for want of one. A district-level unit is the district as a whole,
    whose figures are left out of the totals beside other units' (`sitegen.site.summed_units`): a wrong
    district changes the published totals, so that is said with it. Raises nothing.
    """
    if level is not None:
        chosen = str(choice_value(UnitLevel, level))
        why = f"from --level {level}"
    elif (read := level_in_name(name)) is not None:
        chosen, word = read
        why = f"from {word} in the name"
    else:
        others = ", ".join(f"{value} ({label})" for value, label in UNIT_LEVEL_LABELS.items() if value != "town")
        return (f"level: town (镇), as the name {name} does not say its level (it ends in no word such as 区, 镇, "
                f"街道, 村): if it is not a town, change level: in the file to one of: {others}")
    said = f"level: {chosen} ({UNIT_LEVEL_LABELS[chosen]}), {why}"
    if chosen == "district":
        said += (": a district-level unit is the district as a whole, so beside other units' its figures are left "
                 "out of the totals")
    return said + "; if that is wrong, change level: in the file"


def _required_text(text: str, what: str) -> str:
    """The title or name given on the command line, stripped; raises `ScaffoldError` when it is empty or
    holds a TAB, a line break or another control character (the file would then need an escape, which
    `sitegen check` warns of, and no page shows such a title right)."""
    text = text.strip()
    if not text:
        raise ScaffoldError(f"the {what} is empty", 'write it in quotes, e.g. "白鹤镇"')
    control = next((char for char in text if unicodedata.category(char) in ("Cc", "Zl", "Zp")), None)
    if control is not None:
        name = {"\t": "a TAB", "\n": "a line break", "\r": "a line break", "\u2028": "a line break (U+2028)",
                "\u2029": "a paragraph break (U+2029)"}.get(control, f"U+{ord(control):04X}")
        raise ScaffoldError(f"the {what} holds {name}", f"write the {what} on one line, with spaces only")
    return text


def _record_id(given: str | None, name: str, option: str, readings: dict[str, tuple[str, ...]]) -> str:
    """The id of a new record: ``given``, else the pinyin of its name, reading the site's unit names as their ids
    do (``readings``: `_unit_readings`; 重固镇新联村 beside ``chonggu.yaml`` → ``chong-gu-zhen-xin-lian-cun``).
    Raises `ScaffoldError` when it is no valid id, or a name Windows keeps for a device (`_refuse_device`); a
    pinyin that is one (a name "Con") is given "-1" (``con-1``), as the build makes such a slug safe."""
    record_id = given if given is not None else windows_safe(slug_reading(name, readings))
    if not is_slug(record_id):
        shown = f'"{record_id}" is not a valid id' if record_id else f'no id can be made from "{name}"'
        # baihe.yaml typed for the id: the file name sitegen writes, not baihe-yaml.
        stem = re.sub(r"\.ya?ml$", "", given, flags=re.IGNORECASE) if given else ""
        made = make_slug(stem) if stem else ""
        without = f" (without {given[len(stem):]}: sitegen adds it)" if given and stem != given else ""
        raise ScaffoldError(shown, f"choose one with {option}, using a-z, 0-9 and \"-\"{without}: {option} {made}"
                            if made else f'choose one with {option}, using a-z, 0-9 and "-" only, as the pinyin of '
                            "the name")
    _refuse_device(record_id, option, "a file of that name")
    return record_id


def _refuse_device(typed: str, option: str, what: str) -> None:
    """Raise `ScaffoldError` when the id or slug ``typed`` (given with ``option``) is a name Windows keeps for a
    device (``con``, ``aux``, ``nul``: `sitegen.slugs.device_name`), in the words `sitegen check` refuses a page's
    ``slug: aux`` in (`sitegen.models.parse_page_slug`); ``what`` is the thing of that name Windows cannot hold
    (a file, for ``content/units/nul.yaml``; a folder, for a page's). The hint gives the name with "-1" added."""
    device = device_name(typed)
    if device is not None:
        raise ScaffoldError(f'"{typed}" is ' + device_trouble(device, what),
                            f"add a word or a number to it, e.g. {option} {windows_safe(typed)}")


def _require_record(root: Path, collection: str, record_id: str, what: str) -> str:
    """Return the record file of ``record_id``; raise `ScaffoldError` naming the known ones when missing.

    The hint names the id most likely meant; else the known ids and the
    command that creates the record (`_create_command`), for a record that
    has no file yet. A record's file given for its id (``--unit content/units/baihe.yaml``, ``--unit baihe.yaml``)
    is told the id in it; one that names no file is read as the id in it, so that the message names the file
    there is not (content/units/nope.yaml, not nope.yaml.yaml) and no command creates a unit called nope.yaml.
    """
    typed_file = _file_given(collection, record_id)
    if typed_file is not None:
        given, record_id = record_id, typed_file
        rel = next((f"content/{collection}/{record_id}{suffix}" for suffix in (".yaml", ".yml")
                    if (root / "content" / collection / f"{record_id}{suffix}").is_file()), None)
        if rel is not None and is_slug(record_id):
            shown = _shown_name(_record_fields(root, collection, record_id), record_id)
            where = "" if given.strip().replace("\\", "/").removeprefix("./") == rel else f" ({rel})"
            raise ScaffoldError(f'"{given}" is the file of the {what} {shown}{where}, not its id',
                                f"the id is the file name without .yaml: write --{what} {record_id}",
                                retype=(f"--{what}", record_id))
    for suffix in (".yaml", ".yml"):
        rel = f"content/{collection}/{record_id}{suffix}"
        if (root / rel).is_file():
            if not is_slug(record_id):  # 赵巷镇.yaml: `sitegen check` refuses the file, and so every page naming it
                target, how = _misnamed_rename(root, collection, record_id, what)
                raise ScaffoldError(f'the file name of {rel} is not a valid id, so "{record_id}" names no {what}',
                                    how, retype=(f"--{what}", target) if target else None)
            return rel
    known = _record_ids(root, collection)
    lowered = unicodedata.normalize("NFKC", record_id).strip().lower()
    if lowered != record_id and lowered in known:  # ｃｈｏｎｇｇｕ was offered "sitegen new unit ｃｈｏｎｇｇｕ"
        raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)',
                            f"{id_case_reason(record_id)}: --{what} {lowered}", retype=(f"--{what}", lowered))
    fields = {rid: _record_fields(root, collection, rid) for rid in known}
    names = {rid: _names_in(fields[rid]) for rid in known}
    # --unit chonggu beside 重固镇.yaml was offered "sitegen new unit 名称 --id chonggu": a second file for the town.
    spelt = [rid for rid in known if is_slug(record_id) and not is_slug(rid)
             and any(spells(record_id, name) for name in {rid, *names[rid]})]
    if len(spelt) == 1:
        rel = next(f"content/{collection}/{spelt[0]}{suffix}" for suffix in (".yaml", ".yml")
                   if (root / "content" / collection / f"{spelt[0]}{suffix}").is_file())
        raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)',
                            f"{rel} is most likely its file, but its file name is not a valid id, so it is not read: "
                            f"rename it to {record_id}.yaml (a-z, 0-9 and \"-\" only), then give --{what} {record_id}")
    create = _create_command(root, what, record_id)
    named = _named_refusal(root, collection, record_id, what, fields, create)
    if named is not None:  # the name typed for the id, as `sitegen check` also says
        raise named
    close = difflib.get_close_matches(record_id, known, n=1)
    typed = plain_name(record_id)  # 白 鹤 for 白鹤镇 is a part of it too
    partly = [(rid, name) for rid in known for name in sorted(names[rid])
              if not typed.isascii() and len(typed) >= 2 and (typed in plain_name(name) or plain_name(name) in typed)]
    kept = _readable_first(list(dict.fromkeys(rid for rid, _ in partly)))
    partly = [(rid, name) for rid, name in partly if rid in kept]
    if is_stand_in(record_id) and known:  # 待定: a new unit named so would be published, the page moved to it
        hint = f'"{record_id}" stands for a {what} not known yet: known {collection}: {", ".join(known)}'
        raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)', hint)
    if len({rid for rid, _ in partly}) == 1:  # 青浦区白鹤镇 or 白鹤 for 白鹤镇, as `sitegen check` also says
        rid, name = partly[0]
        told, retype = _id_told(root, collection, rid, what)
        hint = (f"did you mean the {what} {_shown_name(fields[rid], name)}? "
                + (f"write --{what} {rid}" if is_slug(rid) else f"it {told}"))
        if not any(typed in plain_name(part) for _, part in partly):  # a longer name may be a unit of its own
            hint += f"; or, if {record_id} is a new {what}, create it first: {create}"
        raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)', hint,
                            retype=retype)
    if partly:  # 白鹤 beside 白鹤镇 and 白鹤村: one of them, not a third unit
        listed = ", ".join(dict.fromkeys(f"{rid} ({_shown_name(fields[rid], name)})" for rid, name in partly))
        raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)',
                            f"did you mean one of: {listed}? write --{what} and the id of the one meant")
    if close:
        hint = f"did you mean {close[0]}? known {collection}: {', '.join(known)}"
    elif known:  # near no id: another town's id offered first was taken, and the page filed under that town
        listed = ", ".join(f"{rid} ({_shown_name(fields[rid], rid)})" for rid in known)
        hint = (f"if {record_id} is a new {what}, create it first: {create}; or, if it is a {what} the site has, "
                f"give its id: --{what} and one of: {listed}")
    else:
        hint = f"create it first: {create}"
    raise ScaffoldError(f'there is no {what} "{record_id}" (no content/{collection}/{record_id}.yaml)', hint)


def _file_given(collection: str, typed: str) -> str | None:
    """The id in ``typed`` when it is a record file's path or name (``content/units/baihe.yaml``, ``baihe.yaml``,
    ``content\\units\\baihe.yml``) rather than an id; None for anything else. Takes the collection and the
    ``--unit`` or ``--series`` as typed."""
    name = re.split(r"[/\\]", typed.strip())[-1]
    stem = re.sub(r"\.ya?ml$", "", name, flags=re.IGNORECASE)
    folder = re.fullmatch(rf"(?:\.[/\\])?(?:content[/\\])?(?:{collection}[/\\])?", typed.strip()[:-len(name)] or "")
    return stem if stem and (stem != name or name != typed.strip()) and folder else None


def _named_refusal(root: Path, collection: str, typed: str, what: str, fields: dict[str, dict[str, object]],
                   create: str) -> ScaffoldError | None:
    """The refusal of ``--unit`` or ``--series`` (``what``) given a name (``typed``) instead of an id, telling the
    id to give (`_id_told`); None when ``typed`` names no record of ``collection`` in the site ``root`` (whose
    fields by id are ``fields``).
    ``create`` is the command that makes a unit of that name (`_create_command`), offered beside a unit whose
    name only reads the same (`_heard_refusal`).

    A name is a record's name, title or alias, compared as readers tell names apart (`sitegen.models.plain_name`:
    spaces and full width set aside); for a unit, failing that, one of its ``misspellings`` (白河镇), failing
    that a name read as one of its names is (白鶴镇, bai-he-zhen), as `sitegen check` tells the ``unit:`` of a
    page. Taken for the id, a name was offered a new record of the same place (``sitegen new unit 白 鹤 镇``,
    the page then under a second 白鹤镇); it is refused, not taken: `sitegen check` refuses ``unit: 白鹤镇``.
    """
    message = f'there is no {what} "{typed}" (no content/{collection}/{typed}.yaml)'
    option, plain = f"--{what}", plain_name(typed)
    if not plain:
        return None
    by_name = _readable_first([rid for rid in sorted(fields)
                               if any(plain_name(name) == plain for name in _names_in(fields[rid]))])
    misspelt = _readable_first([rid for rid in sorted(fields) if collection == "units" and any(
        plain_name(wrong) == plain for wrong in _texts(fields[rid].get("misspellings")))])
    if len(by_name) == 1 or (not by_name and len(misspelt) == 1):
        rid = (by_name or misspelt)[0]
        shown = _shown_name(fields[rid], rid)
        told, retype = _id_told(root, collection, rid, what)
        said = f"the {what} {shown}" if by_name else f"{typed} is a misspelling of the unit name {shown}, which"
        return ScaffoldError(message, f"{said} {told}", retype=retype)
    if by_name or misspelt:
        said = "a name" if by_name else "a misspelling"
        listed = ", ".join(f"{rid} ({_shown_name(fields[rid], rid)})" for rid in by_name or misspelt)
        return ScaffoldError(message, f"{typed} is {said} of {len(by_name or misspelt)} {collection}: write "
                                      f"{option} and the id of the one meant: {listed}")
    return _heard_refusal(root, message, typed, fields, create) if collection == "units" else None


def _heard_refusal(root: Path, message: str, typed: str, fields: dict[str, dict[str, object]],
                   create: str) -> ScaffoldError | None:
    """The refusal of ``--unit typed`` (``message``: what is wrong) where ``typed`` reads as the name or an alias of
    a unit of the site ``root`` does (白鶴镇 for 白鹤镇: bai-he-zhen), as `sitegen check` tells a page's ``unit:``;
    None when it reads as none, or is ASCII (an id typed wrong, which the caller tells).

    Two places may share a reading (白鹤村 and 白河村 in two towns: `sitegen.checks.check_sound_alike_units`),
    so ``create``, the command that makes the unit ``typed``, stays on offer after the unit meant.
    Readings are the pinyin of `sitegen.slugs.make_slug`; one that long may be cut short of its name, and is
    not compared (as `sitegen.load.Content.sound_of`).
    """
    heard_as = _reading(typed) if not typed.isascii() else ""
    if not heard_as:
        return None
    alike = _heard_alike(fields, heard_as)
    if len(alike) == 1:
        rid, heard = alike[0]
        name = _shown_name(fields[rid], rid)
        known = f"the unit {name}" if heard == name else f"{heard}, another name of the unit {name}"
        told, retype = _id_told(root, "units", rid, "unit")
        return ScaffoldError(message, f"{typed} reads the same as {known} ({heard_as}), which {told}; or, if "
                                      f"{typed} is another place, create it first: {create}", retype=retype)
    if alike:
        listed = ", ".join(f"{rid} ({_shown_name(fields[rid], rid)})" for rid, _ in alike)
        return ScaffoldError(message, f"{typed} reads the same as {len(alike)} units ({heard_as}): write --unit "
                                      f"and the id of the one meant: {listed}; or, if {typed} is another place, "
                                      f"create it first: {create}")
    return None


def _reading(name: str) -> str:
    """The reading of ``name`` that `sitegen check` compares unit names by (同音, `sitegen.slugs.heard_reading`)."""
    return heard_reading(make_slug(name))


def _heard_alike(fields: dict[str, dict[str, object]], heard_as: str) -> list[tuple[str, str]]:
    """``(id, the name or alias heard)`` of each unit (``fields``: `_record_fields` by id) whose name or an alias
    reads ``heard_as`` (`_reading`); a unit file whose name is no id only when no unit's is (`_readable_first`)."""
    alike = [(rid, heard) for rid in sorted(fields)
             for heard in [next((name for name in _unit_names(fields[rid]) if _reading(name) == heard_as), None)]
             if heard is not None]
    kept = _readable_first([rid for rid, _ in alike])
    return [(rid, heard) for rid, heard in alike if rid in kept]


def _refuse_read_alike(root: Path, name: str, made: str, *, aside: str | None = None) -> None:
    """Raise `ScaffoldError` when the name of a new unit reads the same (同音) as the name or an alias of a unit of
    the site ``root`` (華新鎮, 华新真 beside 华新镇: ``hua-xin-zhen``), unless that unit lists ``made``, the new id,
    in ``distinct_from``.

    Such a name is most often the unit there is, typed with other characters (traditional ones, or the wrong
    pick of a pinyin input method); its file would be a second unit for one place, counted twice, which
    `sitegen.checks.check_sound_alike_units` warns of by the same reading. The pinyin id of such a name is
    often that unit's own file: "choose another id" led to the second file, and so did an id given with
    ``--id``, which is refused alike. Two places may share a reading, so the hint also says how to write the
    other place: list its id in the ``distinct_from`` of each unit it reads as (`_listed_apart`), which stops
    that warning and this refusal, then give the command again with that id (`ScaffoldError.retype`). The unit
    ``aside`` (an id) is not compared: `new_unit` replaces it.
    """
    heard_as = _reading(name)
    if not heard_as:
        return
    fields = {rid: _record_fields(root, "units", rid) for rid in _record_ids(root, "units") if rid != aside}
    alike = [(rid, heard) for rid, heard in _heard_alike(fields, heard_as)
             if made not in _texts(fields[rid].get("distinct_from"))]
    if not alike:
        return
    free = _free_unit_id(root, made)
    other = (f"if {name} is another place, first {_listed_apart(root, fields, [rid for rid, _ in alike], free)}, "
             f"then give the command again with --id {free}")
    if len(alike) > 1:
        raise _one_of_them(root, f"{name} reads the same as {len(alike)} units ({heard_as}, 同音)", fields, alike,
                           other, free)
    rid, heard = alike[0]
    shown = _shown_name(fields[rid], rid)
    known = f"the unit {shown}" if heard == shown else f"{heard}, another name of the unit {shown}"
    raise ScaffoldError(f"{name} reads the same as {known} ({heard_as}, 同音), which exists already: "
                        f"{_unit_file(root, rid)} (id {rid})", f"{_mend_first(root, [rid])}if it is that place, "
                        f"new pages name it by its id "
                        f"(--unit {rid}); for its new figures: sitegen new tally --unit {rid}; {other}",
                        retype=("--id", free))


def _refuse_short_named(root: Path, name: str, made: str) -> None:
    """Raise `ScaffoldError` when the name of a new unit is the name of a unit of the site ``root`` without the word
    of its level (白鹤 beside 白鹤镇), or with it (金泽镇 beside a unit named 金泽), unless that unit lists ``made``,
    the new id, in ``distinct_from``.

    People call a town by its short name (`sitegen.models.short_name`: 白鹤 for 白鹤镇), and editors type it
    so: ``sitegen new unit 白鹤`` beside 白鹤镇 wrote ``bai-he.yaml``, a second unit for one town whose figures
    the district totals would count twice, and `sitegen check` took it for another place. A name with its
    own level word (白鹤村 beside 白鹤镇) is another place and is written. As `_refuse_read_alike`, the hint says
    how to name the unit there is, and how to write the new one if it is another place: its full name, or its id
    listed in ``distinct_from`` (`_listed_apart`), then the command again with that id.
    """
    own_word = level_word_ending(name)
    key = plain_name(short_name(name) if own_word else name)
    if not key:
        return
    fields = {rid: _record_fields(root, "units", rid) for rid in _record_ids(root, "units")}
    alike: list[tuple[str, str]] = []
    for rid in _readable_first(sorted(fields)):
        if made in _texts(fields[rid].get("distinct_from")):
            continue
        names = _unit_names(fields[rid])
        if own_word and names and level_word_ending(names[0]):
            continue  # 白鹤村 beside 白鹤镇, also called 白鹤: a word of level of its own makes another place
        for known in names:
            word = level_word_ending(known)
            if bool(word) != bool(own_word) and plain_name(short_name(known) if word else known) == key:
                alike.append((rid, known))
                break
    if not alike:
        return
    free = _free_unit_id(root, made)
    apart = f"{_listed_apart(root, fields, [rid for rid, _ in alike], free)}, then give the command again with --id {free}"
    taken = {plain_name(known) for rid in fields for known in _unit_names(fields[rid])}
    full = [f"{name}{word}" for word in ("村", "社区", "镇", "街道") if plain_name(f"{name}{word}") not in taken][:2]
    other = (f"if {name} is another place, first {apart}" if own_word else
             f"if {name} is another place, give its full name, with the word of its level ({', '.join(full)} …), "
             f"or first {apart}")
    if len(alike) > 1:
        raise _one_of_them(root, f"{name} is the name of {len(alike)} units without the word of their level",
                           fields, alike, other, free)
    rid, known = alike[0]
    shown = _shown_name(fields[rid], rid)
    called = known if known == shown else f"{shown}, also called {known}"
    if own_word:
        what = f"{name} is the name of the unit {called} with {own_word}, the word of its level"
        same = f"if it is that place, new pages name it by its id (--unit {rid})"
    else:
        what = f"{name} is the name of the unit {called} without {level_word_ending(known)}, the word of its level"
        aliases = fields[rid].get("aliases")
        alias = (f"add {name} to the aliases list of {_unit_file(root, rid)}" if isinstance(aliases, list)
                 else f"add the line aliases: [{name}] to {_unit_file(root, rid)}")
        same = (f"if it is that place, new pages name it by its id (--unit {rid}), and {alias} so that pages "
                f"may call it {name}")
    raise ScaffoldError(f"{what}: {_unit_file(root, rid)} (id {rid})",
                        f"{_mend_first(root, [rid])}{same}; for its new figures: sitegen new tally --unit {rid}; "
                        f"{other}", retype=("--id", free))


def _refuse_office_named(root: Path, name: str, made: str) -> None:
    """Raise `ScaffoldError` when a new unit's name and a unit's of the site ``root`` name one place, one of them
    with the words of its office (`sitegen.models.place_name`: 重固镇人民政府 beside 重固镇, 长寿村委会 beside
    长寿村) or both with words of one level (`sitegen.models.one_place_name`: 练塘乡 beside 练塘镇, 盈中居委会 beside
    盈中社区), unless that unit lists ``made``, the new id, in ``distinct_from``.

    Editors copy a name from the office's press release: ``sitegen new unit 重固镇人民政府`` beside 重固镇 wrote
    ``chong-gu-zhen-ren-min-zheng-fu.yaml``, a second unit for one town, whose figures the totals then counted
    twice, while 重固 alone was refused (`_refuse_short_named`). A unit is the place, not its office. So did
    ``sitegen new unit 练塘乡`` beside 练塘镇: a 乡 made a 镇 (撤乡建镇) keeps its name, and both words are a
    town's. Names of two levels (白鹤村 beside 白鹤镇) are two places, and are written.
    """
    place = one_place_name(name)
    fields = {rid: _record_fields(root, "units", rid) for rid in _record_ids(root, "units")}
    for rid in _readable_first(sorted(fields)):
        if made in _texts(fields[rid].get("distinct_from")):
            continue
        known = next((known for known in _unit_names(fields[rid])
                      if one_place_name(known) == place and plain_name(known) != plain_name(name)), None)
        if known is None:
            continue
        shown = _shown_name(fields[rid], rid)
        called = known if known == shown else f"{shown}, also called {known}"
        free = _free_unit_id(root, made)
        other = (f"if {name} is another {{}}, first {_listed_apart(root, fields, [rid], free)}, then give the "
                 f"command again with --id {free}")
        if place_name(known) != place_name(name):
            raise _level_word_refusal(root, (name, known), (rid, called), other.format("place"), free)
        what = (f"{name} is {place} with the words of its office ({split_office(name)[1]}), the place of the unit "
                f"{called}" if plain_name(name) != place else
                f"{name} is the place of the unit {called}, named with the words of its office "
                f"({split_office(known)[1]})")
        raise ScaffoldError(
            f"{what}: {_unit_file(root, rid)} (id {rid})",
            f"{_mend_first(root, [rid])}a unit is the place, not its office: if it is that place, new pages name it "
            f"by its id (--unit {rid}); for its new figures: sitegen new tally --unit {rid}; {other.format('unit')}",
            retype=("--id", free))


def _level_word_refusal(root: Path, names: tuple[str, str], unit: tuple[str, str], other: str,
                        free: str) -> ScaffoldError:
    """The refusal of a new unit whose name and ``known``, a name of the unit there is (``names``: the new name,
    then ``known``), differ only in words of one level (练塘乡, 练塘镇: `_refuse_office_named`); ``unit`` is that
    unit's id and how it is called, ``other`` how to write the new one if it is another place, with the id
    ``free``."""
    (name, known), (rid, called) = names, unit
    words = place_level_word(name), place_level_word(known)
    level = level_in_name(place_name(name))
    said = f"{level[0]}, {UNIT_LEVEL_LABELS[level[0]]}" if level is not None else "one level"
    renaming = LEVEL_RENAMINGS.get(level[0], "") if level is not None else ""
    aliases = _record_fields(root, "units", rid).get("aliases")
    alias = (f"add {name} to the aliases list of {_unit_file(root, rid)}" if isinstance(aliases, list)
             else f"add the line aliases: [{name}] to {_unit_file(root, rid)}")
    return ScaffoldError(
        f"{name} is the name of the unit {called} with {words[0]} for {words[1]}, two words of one level ({said}): "
        f"{_unit_file(root, rid)} (id {rid})",
        f"{_mend_first(root, [rid])}most likely one place, renamed or called two ways"
        f"{f' ({renaming})' if renaming else ''}: if it is that place, new pages name it by its id "
        f"(--unit {rid}), and {alias} so that pages may call it {name}; for its new figures: sitegen new tally "
        f"--unit {rid}; {other}", retype=("--id", free))


def _free_unit_id(root: Path, made: str) -> str:
    """``made``, or the first of ``made-2``, ``made-3`` … that no unit file of the site ``root`` has."""
    return next(rid for rid in (made, *(f"{made}-{number}" for number in range(2, 1000)))
                if not any((root / "content" / "units" / f"{rid}{suffix}").exists() for suffix in (".yaml", ".yml")))


def _one_of_them(root: Path, what: str, fields: dict[str, dict[str, object]], alike: list[tuple[str, str]],
                 other: str, free: str) -> ScaffoldError:
    """The refusal of a new unit that may be one of several there are in the site ``root``: ``what`` is wrong, then
    the ``alike`` units' ids with their names (``fields``: `_record_fields` by id), how to name one (a file with
    errors to mend first: `_mend_first`), and ``other``, how to write the new one if it is another place (with the
    id ``free``, which the command is given again with)."""
    listed = ", ".join(f"{rid} ({_shown_name(fields[rid], rid)})" for rid, _ in alike)
    mend = _mend_first(root, [rid for rid, _ in alike])
    return ScaffoldError(f"{what}: {listed}", f"{mend}if it is one of them, new pages name it by its id (--unit and "
                                              f"the id); {other}", retype=("--id", free))


def _unit_file(root: Path, rid: str) -> str:
    """The file of the unit ``rid`` of the site ``root`` (``content/units/baihe.yaml``, or its ``.yml``)."""
    return next(f"content/units/{rid}{suffix}" for suffix in (".yaml", ".yml")
                if (root / "content" / "units" / f"{rid}{suffix}").is_file())


def _listed_apart(root: Path, fields: dict[str, dict[str, object]], rids: list[str], new_id: str) -> str:
    """How to list ``new_id`` in the ``distinct_from`` of each unit of ``rids`` (``fields``: `_record_fields` by id),
    as `sitegen.checks.check_sound_alike_units` says it: added to the list a file has, else a line of its own.

    A second ``distinct_from:`` line in a file that has one (``distinct_from: []``) is a key given twice, which
    YAML refuses: the id goes into the list there is.
    """
    added = [rid for rid in rids if "distinct_from" in fields[rid]]
    told = [f"add {new_id} to the distinct_from list of {_unit_file(root, rid)}" for rid in added]
    lined = [_unit_file(root, rid) for rid in rids if rid not in added]
    if lined:
        told.insert(0, f"add the line distinct_from: [{new_id}] to {' and '.join(lined)}")
    return " and ".join(told)


def _id_told(root: Path, collection: str, record_id: str, what: str) -> tuple[str, tuple[str, str] | None]:
    """How to name the record ``record_id`` of ``collection`` (``what``: "unit" or "series") in a command, said of
    the record ("has the id baihe: write --unit baihe"), and the `ScaffoldError.retype` of it.

    A record whose file name is no id (重固镇.yaml) is named once its file is renamed (`_misnamed_rename`):
    "write --unit 重固镇" was followed by "the file name … is not a valid id".
    """
    if is_slug(record_id):
        return f"has the id {record_id}: write --{what} {record_id}", (f"--{what}", record_id)
    rel = record_file(root, collection, record_id) or f"content/{collection}/{record_id}.yaml"
    target, how = _misnamed_rename(root, collection, record_id, what)
    return f"is {rel}, but its file name is not a valid id: {how}", (f"--{what}", target) if target else None


def _misnamed_rename(root: Path, collection: str, record_id: str, what: str) -> tuple[str, str]:
    """The id to rename the record file ``record_id`` of ``collection`` to, its file name being no id (重固镇.yaml),
    and how to, then to name it with ``--unit`` or ``--series`` (``what``); ("", how) when no rename is offered.

    The rename is the one `sitegen check` tells the file (`sitegen.recordfiles.report_misnamed`): the ``id:`` it
    declares, else the id the site's pages name it by (``unit: baihe`` beside 白鹤镇.yaml), else the pinyin of
    its name; the pinyin of the file name when the file cannot be read. Offered the pinyin, bai-he-zhen, beside
    pages naming baihe, the editor renamed the file and every page lost its unit.
    """
    rel = record_file(root, collection, record_id)
    report = Report()
    source = read_source(root, rel, report) if rel is not None else None
    data = load_yaml(source.text, source.path, report) if source is not None else None
    made = make_slug(record_id)
    if rel is None or data is None:
        return (made, f'rename it to {made}.yaml (a-z, 0-9 and "-" only), then give --{what} {made}') if made else (
            "", f'rename it using a-z, 0-9 and "-" only, then give --{what} and that name')
    told = Report()
    renames = report_misnamed(root, [MisnamedFile(collection, rel, record_id, data)], _page_unit_ids(root), told)
    target = next((target for path, target in renames.values() if path == rel), "")
    how = told.problems[0].hint if told.problems else 'rename it using a-z, 0-9 and "-" only'
    if how.startswith("rename the file "):
        how = "rename it " + how[len("rename the file "):]
    return target, f"{how}; then give --{what} {target}" if target else how


def _page_unit_ids(root: Path) -> dict[str, list[str]]:
    """The ids the site's interviews and case studies name in ``unit:`` that no unit file has, each with those
    pages, as `sitegen.load` gives them to `sitegen.recordfiles.report_misnamed` (an id in full width or with
    capitals as the id it reads as)."""
    known = {rid for rid in _record_ids(root, "units") if is_slug(rid)}  # the units the build reads
    named: dict[str, list[str]] = {}
    pages = [page for collection in ("interviews", "cases") for page in _front_matters(root, collection)]
    for rel, meta in sorted(pages):
        unit = meta.get("unit")
        if isinstance(unit, str) and unit and unit not in known:
            half = unicodedata.normalize("NFKC", unit).strip().lower()
            named.setdefault(half if is_slug(half) else unit, []).append(rel)
    return named


def _readable_first(record_ids: list[str]) -> list[str]:
    """The ids of ``record_ids`` that are ids (``baihe``), when any is; else all of them (白鹤镇, ``baihe - 副本``).

    A file whose name is no id is not read by the build: beside the unit's own file it is a copy (`sitegen check`
    tells it to delete it), not a second unit to choose from.
    """
    return [rid for rid in record_ids if is_slug(rid)] or record_ids


def _unit_names(fields: dict[str, object]) -> list[str]:
    """A unit's name and aliases as typed in its file, the name first."""
    name = fields.get("name")
    return ([name] if isinstance(name, str) else []) + _texts(fields.get("aliases"))


def _shown_name(fields: dict[str, object], default: str) -> str:
    """A record's name (a unit) or title (a series) as typed in its file; ``default`` when it has none."""
    return next((text for text in (fields.get("name"), fields.get("title")) if isinstance(text, str)), default)


def _create_command(root: Path, what: str, record_id: str) -> str:
    """The ``sitegen new`` command that creates the unit or series ``record_id`` (``what``: "unit" or "series"),
    run where the command that needs it was: ``--site`` as given, when it was given.

    An id (``xinzhuang``) goes to ``--id``, with a placeholder for the name to type; a name given for the id
    (新庄镇) is the name to give, and the id it makes (its pinyin) the one to give the command again.
    """
    site = "" if root == Path(".") else f" --site {command_word(str(root))}"
    if is_slug(record_id):
        return new_record_command(what, record_id=record_id, options=site)
    made = make_slug(record_id)
    return new_record_command(what, name=record_id, options=site) + (f", then give --{what} {made}" if made else "")


def _refuse_named(root: Path, collection: str, name: str, named: str, option: str, wanted: str | None = None, *,
                  aside: str | None = None) -> None:
    """Raise `ScaffoldError` when a record of ``collection`` has ``name`` as its name, title or alias already,
    or (units) lists it among its ``misspellings``.

    ``wanted`` is the id given with ``--id``: a record file of that name
    whose name is no id (重固镇.yaml, for ``--id chonggu``) is to be renamed
    to it, as `sitegen check` tells the pages naming that id.

    Names are compared as readers tell them apart (`sitegen.models.plain_name`): a second file for one
    unit would list it twice, and count its figures twice in the district totals; a unit named as another
    unit's misspelling (白河镇, where baihe.yaml lists it) is most often that unit again, typed wrong, and
    `sitegen check` would warn of every correct mention of the new one. The record ``aside`` (an id) is not
    compared: `new_unit` replaces it.
    """
    for record_id in _record_ids(root, collection):
        if record_id == aside:
            continue
        fields = _record_fields(root, collection, record_id)
        rel = next(f"content/{collection}/{record_id}{suffix}" for suffix in (".yaml", ".yml")
                   if (root / "content" / collection / f"{record_id}{suffix}").is_file())
        if any(plain_name(known) == plain_name(name) for known in _names_in(fields)):
            if not is_slug(record_id):  # 赵巷镇.yaml: offering "--unit 赵巷镇" sent the editor to an id check refuses
                free = wanted is not None and is_slug(wanted) and not any(
                    (root / "content" / collection / f"{wanted}{suffix}").is_file() for suffix in (".yaml", ".yml"))
                made = wanted if free else make_slug(record_id)
                raise ScaffoldError(f"{named} {name} exists already: {rel}, but its file name is not a valid id",
                                    f'rename it to {made}.yaml (a-z, 0-9 and "-" only); new pages then name it with '
                                    f"{option} {made}" if made else
                                    'rename it using a-z, 0-9 and "-" only; new pages then name it by that name')
            more = f"; for its new figures: sitegen new tally --unit {record_id}" if collection == "units" else ""
            mend = _mend_first(root, [record_id]) if collection == "units" else ""
            raise ScaffoldError(f"{named} {name} exists already: {rel} (id {record_id})",
                                f"{mend}new pages name it by its id ({option} {record_id}){more}")
        if any(plain_name(wrong) == plain_name(name) for wrong in _texts(fields.get("misspellings"))):
            unit = fields.get("name") if isinstance(fields.get("name"), str) else record_id
            raise ScaffoldError(f"{name} is listed as a misspelling of the unit {unit} in {rel} "
                                f"(id {record_id})",
                                f"{_mend_first(root, [record_id])}new pages name that unit by its id "
                                f"({option} {record_id}); if {name} is another "
                                f"place, first remove it from misspellings in {rel}")


def _names_in(fields: dict[str, object]) -> set[str]:
    """The names in a record's fields: ``name``, ``title`` and each of ``aliases`` that is text."""
    return {text for text in [fields.get("name"), fields.get("title"), *_texts(fields.get("aliases"))]
            if isinstance(text, str)}


def _texts(value: object) -> list[str]:
    """The texts of a list field as typed (``[白河镇, 百合镇]``); [] for anything else."""
    return [text for text in value if isinstance(text, str)] if isinstance(value, list) else []


def _record_fields(root: Path, collection: str, record_id: str) -> dict[str, object]:
    """The fields of a record file as typed, read as the build reads it (`_record_read`); {} when it cannot be
    read or holds no fields."""
    return _record_read(root, collection, record_id)[0]


_UNIT_LISTS = ("aliases", "misspellings", "distinct_from")
"""The lists of a unit file whose YAML cannot be read that a refusal reads from their lines: its other names, and
whether a line is there to add to (a second ``distinct_from:`` line would be a key typed twice)."""


def _record_read(root: Path, collection: str, record_id: str) -> tuple[dict[str, object], bool]:
    """The fields of the record file ``record_id`` of ``collection`` in the site ``root`` as typed, and whether its
    YAML has errors; ({}, False) when there is no such file or it holds no fields. Raises nothing.

    As the build reads it (`sitegen.load.Content.unit_names`): a file with a slip in its YAML (``collected：240``)
    gives the fields read all the same, and one whose YAML cannot be read at all its ``name:`` (a series'
    ``title:``) line, with a unit's lists typed on one line (`_UNIT_LISTS`). Read as no fields, such a file let
    ``sitegen new unit`` write a second file for its unit.
    """
    report = Report()
    for suffix in (".yaml", ".yml"):
        source = read_source(root, f"content/{collection}/{record_id}{suffix}", report) \
            if (root / "content" / collection / f"{record_id}{suffix}").is_file() else None
        if source is None:
            continue
        data = load_yaml(source.text, source.path, report, partial=True)
        if data is not None and isinstance(data.value, dict):
            return data.value, report.has_errors()
        key = "name" if collection == "units" else "title"
        if data is None and (named := typed_line_value(source.text, key)):
            lists = {field: typed_line_list(source.text, field) for field in _UNIT_LISTS if collection == "units"}
            return {key: named, **{field: items for field, items in lists.items() if items is not None}}, True
    return {}, False


def _mend_first(root: Path, rids: list[str]) -> str:
    """The start of the hint of a refused ``sitegen new unit`` for the units ``rids`` it names, when the file of one
    has errors in its YAML: that file is to be mended, not another made; "" when none has.

    Such a unit is not read until its file is mended, so a hint that left it out sent the editor to make a second
    file for the town, whose figures the totals would then count twice.
    """
    broken = [_unit_file(root, rid) for rid in rids if _record_read(root, "units", rid)[1]]
    if not broken:
        return ""
    files = " and ".join(broken)
    return (f"{files} {'has' if len(broken) == 1 else 'have'} errors, which sitegen check tells at their lines: "
            "mend them there rather than make another file for the unit; ")


def _record_ids(root: Path, collection: str) -> list[str]:
    folder = root / "content" / collection
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not is_skipped_name(p.name))


def _choose_series(root: Path, series: str | None) -> str:
    if series is not None:
        _require_record(root, "series", series, "series")
        return series
    known = _record_ids(root, "series")
    if len(known) == 1:
        return known[0]
    if not known:
        raise ScaffoldError("the site has no series yet, and every interview belongs to one",
                            "create one first: sitegen new series 栏目名称 (with the series title in place of 栏目名称)")
    raise ScaffoldError("the site has several series", "choose one with --series: " + ", ".join(known))


def _choose_unit(root: Path, unit: str | None, title: str = "") -> tuple[str, str]:
    """``unit`` when it names a unit (`_require_record`), else the only unit there is, else the one unit the page's
    ``title`` names (`unit_taken_from_title`): (its id, its file). Raises `ScaffoldError` naming the units when
    there are several and the title names none or more than one, or how to make the first when there is none.

    The first unit's id was offered whatever the title, and filed 华新镇第二次访谈 under 白鹤镇 for an editor who
    pasted the command; then a title naming one unit was refused with that unit offered, though it was known.
    """
    if unit is not None:
        return unit, _require_record(root, "units", unit, "unit")
    known = _record_ids(root, "units")
    if len(known) == 1:  # a file named in Chinese is refused with its rename
        return known[0], _require_record(root, "units", known[0], "unit")
    if not known:
        raise ScaffoldError("the site has no unit yet, and every page belongs to one",
                            f"create one first: {new_record_command('unit')}")
    named = _title_units(root, known, title)
    if len(named) == 1:  # a file named in Chinese is refused with its rename, as above
        return named[0][0], _require_record(root, "units", named[0][0], "unit")
    # A title naming several units (白鹤镇与金泽镇) offers those, first: the site's first unit may be neither.
    offered = [rid for rid, _ in named] + [rid for rid in known if rid not in dict(named)]
    shown = [f"{rid} ({name})" if (name := _record_fields(root, "units", rid).get("name")) and isinstance(name, str)
             else rid for rid in offered[:10]]
    more = f" and {len(offered) - 10} more in content/units/" if len(offered) > 10 else ""
    if not named:  # no unit to guess: a command to paste with the site's first unit filed pages under it
        raise ScaffoldError("the site has several units" + (", and the title names none of them" if title else ""),
                            "choose one with --unit: " + ", ".join(shown) + more
                            + ", and give the command again with it")
    names = ", ".join(name for _, name in named[:-1]) + f" and {named[-1][1]}"
    raise ScaffoldError(f"the site has several units, and the title names {len(named)} of them ({names})",
                        "choose one with --unit: " + ", ".join(shown) + more + f"; e.g. --unit {offered[0]}",
                        retype=("--unit", offered[0]))


def unit_taken_from_title(root: Path, title: str) -> tuple[str, str] | None:
    """The unit `new_interview` and `new_case` file a page under when no ``--unit`` is given and the site ``root``
    has several units: the one the page's ``title`` names (by its name or an alias), as (its id, its name); None
    when the site has one unit or none, or the title names no unit or more than one. Raises nothing.
    """
    known = _record_ids(root, "units")
    named = _title_units(root, known, title) if len(known) > 1 else []
    return named[0] if len(named) == 1 else None


def _title_units(root: Path, known: list[str], title: str) -> list[tuple[str, str]]:
    """The units of ``known`` (ids of the site ``root``, in that order) that ``title`` names by a name or an alias,
    compared as `sitegen.models.plain_name` does (金　泽　镇 names 金泽镇), each as (its id, its name as typed in its
    file): one for 金泽镇：下一步, two for 白鹤镇与金泽镇, none for a title naming no unit. A title that names no unit
    in full is read for the short names people call them by (重固 for 重固镇, `sitegen.models.short_name`)."""
    plain_title = plain_name(title)
    if not plain_title:
        return []
    fields = {rid: _record_fields(root, "units", rid) for rid in known}
    full = {rid: {plain_name(name) for name in _names_in(fields[rid])} - {""} for rid in known}
    named = [rid for rid in known if any(name in plain_title for name in full[rid])]
    if not named:  # 重固老街路灯修复 names 重固镇 as people call it (`sitegen.models.short_name`)
        short = {rid: {plain_name(short_name(name)) for name in full[rid]} - {""} for rid in known}
        named = [rid for rid in known if any(name in plain_title for name in short[rid])]
    return [(rid, _shown_name(fields[rid], rid)) for rid in named]


def _free_slug(root: Path, collection: str, title: str, slug: str | None) -> str:
    """Return the page's slug (given, or the pinyin of the title) once no page of the collection uses it.

    The pinyin reads a unit's name as the unit's id does (`sitegen.slugs.readings_of`): a title naming
    重固镇, whose file is ``chonggu.yaml``, gets ``chong-gu-…``, not pypinyin's ``zhong-gu-…``.
    """
    title = _required_text(title, "title")
    pages = _front_matters(root, collection)
    _refuse_same_title(pages, collection, title)
    chosen = slug if slug is not None else windows_safe(slug_reading(title, _unit_readings(root, title)))
    if not is_slug(chosen):
        shown = f'"{chosen}" is not a valid slug' if chosen else f'no URL part can be made from "{title}"'
        raise ScaffoldError(shown, 'choose one with --slug, using a-z, 0-9 and "-", e.g. --slug '
                                   + (make_slug(slug) if slug and make_slug(slug) else "baihe-fangtan"))
    _refuse_device(chosen, "--slug", "a folder of that name")
    _refuse_existing(root, f"content/{collection}/{chosen}.md")
    for rel, used in _slugs_in_use(pages):
        if used == chosen:
            raise ScaffoldError(f'the slug "{chosen}" is already used by {rel}',
                                "choose another with --slug, e.g. --slug " + f"{chosen}-2")
    return chosen


def _unit_readings(root: Path, title: str) -> dict[str, tuple[str, ...]]:
    """The readings the site's unit ids give the unit names ``title`` holds (`sitegen.slugs.readings_of`)."""
    named = []
    for record_id in _record_ids(root, "units"):
        name = _record_fields(root, "units", record_id).get("name")
        if isinstance(name, str) and is_slug(record_id) and name[:2] in title:
            named.append((record_id, name))
    return readings_of(named)


def _refuse_same_title(pages: list[tuple[str, dict[str, object]]], collection: str, title: str) -> None:
    """Raise `ScaffoldError` when one of ``pages`` (``(file, front matter)`` of one collection) has ``title``.

    Titles are compared as readers tell them apart (`sitegen.models.plain_name`), as `sitegen check` does
    once both are published (`sitegen.checks.check_page_titles`). A draft counts: it is most often the
    page the editor started before, and its title would be taken once it is published. Without this, the
    same title gave the same slug, and the hint to choose another slug wrote a second page of that title.
    """
    kind = "interview" if collection == "interviews" else "case study"
    for rel, meta in pages:
        typed = meta.get("title")
        if isinstance(typed, str) and plain_name(typed) == plain_name(title):
            raise ScaffoldError(f"{'an' if kind == 'interview' else 'a'} {kind} titled {typed.strip()} exists "
                                f"already: {rel}",
                                f"to go on with that page, edit its file; if this is another {kind}, give it a "
                                f"title of its own (标题), so that readers can tell the two apart, e.g. "
                                f"{title}（二）")


def _slugs_in_use(pages: list[tuple[str, dict[str, object]]]) -> list[tuple[str, str]]:
    """Return ``(file, slug)`` of ``pages`` (``(file, front matter)``), read as the build reads them (best effort)."""
    found = []
    for rel, meta in pages:
        stem = PurePosixPath(rel).stem
        slug = meta.get("slug") or (stem if is_slug(stem) else make_slug(str(meta.get("title", ""))))
        found.append((rel, str(slug)))
    return found


def _front_matters(root: Path, collection: str) -> list[tuple[str, dict[str, object]]]:
    """``(file, front matter fields as typed)`` of each page of the collection, read as the build reads them
    ({} for a page whose front matter cannot be read)."""
    folder = root / "content" / collection
    found = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        report = Report()
        source = read_source(root, rel, report)
        split = split_front_matter(source, report) if source else None
        data = (load_yaml(split.front_matter, rel, report, first_line=split.front_matter_line)
                if split and split.front_matter is not None else None)
        found.append((rel, data.value if data is not None and isinstance(data.value, dict) else {}))
    return found


def _refuse_existing(root: Path, rel: str) -> None:
    if (root / rel).exists():
        raise _existing(root, rel)


def _existing(root: Path, rel: str) -> ScaffoldError:
    """The refusal of the new file ``rel``, there already: the option that names another is ``--slug`` for a page,
    ``--id`` for a unit or series (``new unit`` has no ``--slug``), with the first name free after it (``-2``)."""
    path = PurePosixPath(rel)
    option = "--slug" if path.suffix == ".md" else "--id"
    free = next(f"{path.stem}-{number}" for number in range(2, 1000)
                if not (root / path.with_name(f"{path.stem}-{number}{path.suffix}")).exists())
    return ScaffoldError(f"{rel} exists already; sitegen never overwrites a file",
                         f"edit that file, or choose another {option[2:]}: {option} {free}")


def _write_new(root: Path, rel: str, text: str) -> Path:
    """Write a new file (and its folders); returns its path.

    Raises `ScaffoldError` when it exists (it is never overwritten), or
    when the system refuses to write it (a file where a folder should be,
    no permission, a name Windows refuses), naming the file.
    """
    path = root / rel
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        if path.parent.is_dir():
            raise _existing(root, rel) from None
        raise _unwritable(path, "a file of that name is where a folder should be") from None
    except OSError as failure:
        raise _unwritable(path, failure.strerror or str(failure)) from None
    return path


def _unwritable(path: Path, reason: str) -> ScaffoldError:
    """The refusal for a file the system would not let sitegen write (shown instead of a traceback)."""
    return ScaffoldError(f"cannot write {path.as_posix()}: {reason}",
                         "check that every folder on the way is a folder, not a file, and that you may write "
                         "there (a folder shared read-only, or synced by another program, may refuse)")


# --- sitegen init ---------------------------------------------------------------------------------


def site_yaml_text(title: str) -> str:
    """Return a new ``site.yaml`` with every setting and a comment on each."""
    return f"""# 站点设置，整个站点只此一份。Site settings: one file per site.
# 以 # 开头的行是说明或可选设置：去掉行首的 "# " 即可启用。
title: {yaml_text(title)}   # 网站名称，显示在每页顶部 the site's name, on every page
description: 各单位调研工作的访谈、数据和进展。   # 一句话介绍，供首页和搜索引擎 one sentence for the home page and search engines
base_url: https://example.org/   # 网站发布的地址；发布时也可用 --base-url 指定 where the site is published
language: zh-CN   # 网页语言 the pages' language
time_zone: Asia/Shanghai   # 发布时间所用时区 time zone of publish times
reading_speed: 500   # 每分钟阅读字数，用于“读完约M分钟” characters read per minute
per_page: 10   # 列表每页条数 items per page of lists
summary_length: 120   # 自动摘要的字数 characters of automatic summaries
publisher: {PUBLISHER.text}   # 发布机构，显示在页脚 publisher, shown in the footer
# contact:   # 联系方式，显示在“无障碍说明”和“关于数据”页 how readers reach the publisher
#   email: name@example.org
#   phone: 021-0000 0000
#   url: https://example.org/lianxi/
output_dir: output   # 生成的网站写入此文件夹 the built site goes here
# permalinks:   # 网址格式，{{slug}} 为页面的网址名 URL patterns
#   interviews: /interviews/{{slug}}/
#   cases: /cases/{{slug}}/
#   units: /units/{{slug}}/
#   series: /series/{{slug}}/
#   tags: /tags/{{slug}}/
"""


def _example_unit(day: date) -> str:
    tally = tally_lines(day, figures=INIT_TALLY_FIGURES, note=INIT_UNIT_NOTE)
    return f"""# 单位 Unit（示例，请换成真实单位）。文件名就是它的 id：shi-li-zhen。
# An example unit: replace it. The file name is its id.
name: {INIT_UNIT_NAME}   # 名称 name, as published
level: town   # {_LEVEL_COMMENT}
aliases: []   # 其他正确叫法 other correct names
misspellings: []   # 常见错误写法，页面出现时给出警告 wrong spellings to warn about
summary: {INIT_UNIT_SUMMARY}   # 简介 a short description

tallies:   # 调研数据，按日期，旧的在前 dated figures, oldest first
{tally}
targets:   # 覆盖目标（百分比）coverage targets, in percent
  - group: {INIT_TARGET[0]}   # {_GROUP_COMMENT}
    target: {INIT_TARGET[1]}   # 目标 target %
    deadline: {day.year}-12-31   # 期限（可删去）deadline (optional)

milestones:   # 大事记，按日期 milestones, in date order
  - date: {day.isoformat()}   # 日期 date
    title: {INIT_MILESTONE_TITLE}   # 事件 what happened
    description: {INIT_MILESTONE_DESCRIPTION}   # 说明（可删去）description (optional)
"""


def _example_files(title: str, moment: datetime) -> dict[str, str]:
    day = moment.date()
    published = datetime.combine(day, datetime.min.time())
    # The examples' own texts, not the placeholders of `new`: the new site builds at once, and says what it is.
    interview = interview_text(INIT_INTERVIEW_TITLE, "shi-li-fang-tan", "shi-li-zhen", "fangtan", published,
                               person=(INIT_TEXTS["interviews"][("interviewee", "name")],
                                       INIT_TEXTS["interviews"][("interviewee", "role")]),
                               body=f"## 大调研开展以来，有哪些变化？\n\n{INIT_INTERVIEW_LINE}\n")
    interview = interview.replace("draft: true   # 草稿", "draft: false   # 草稿")
    case = case_text(INIT_CASE_TITLE, "shi-li-an-li", "shi-li-zhen", published,
                     problem=INIT_TEXTS["cases"][("problem",)], action=INIT_TEXTS["cases"][("actions", "*")],
                     body=f"## 问题是怎么发现的\n\n{INIT_CASE_LINE}\n")
    case = (case.replace("draft: true   # 草稿", "draft: false   # 草稿")
            .replace("# related_tally:", "related_tally:"))
    return {
        CONFIG_FILE: site_yaml_text(title),
        ".gitignore": "# 生成的网站和临时文件 the built site and temporary files\n/output/\n/.output.*\n/.sitegen-cache/\n",
        "content/series/fangtan.yaml": series_text("进度访谈", "fangtan", PUBLISHER.text,
                                                   blurb=INIT_SERIES_BLURB),
        "content/units/shi-li-zhen.yaml": _example_unit(day),
        "content/interviews/shi-li-fang-tan.md": interview,
        "content/cases/shi-li-an-li.md": case,
    }


def init_site(dest: Path, *, title: str | None = None, now: datetime | None = None) -> list[str]:
    """Create a new site folder with one example of each record; returns the files written (relative).

    ``dest`` must be new or empty (a ``.git`` folder alone is allowed).
    Writes site.yaml, a .gitignore for the output, and a series, a unit
    (with a tally, a target and a milestone), an interview and a case study
    dated today (Asia/Shanghai, the new site's time zone). No theme is
    copied: the default theme is used. Raises `ScaffoldError` when ``dest``
    is a file or a folder with something in it, or when a file cannot be
    written (the files already written are then removed).
    """
    if dest.exists() and not dest.is_dir():
        raise ScaffoldError(f"{dest} is a file, not a folder", "choose a new folder name, e.g. sitegen init my-site")
    if dest.is_dir() and any(entry.name != ".git" for entry in dest.iterdir()):
        raise ScaffoldError(f"{dest} is not empty; sitegen init only writes into a new or empty folder",
                            "choose a new folder name, e.g. sitegen init my-site")
    moment = now or datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None, second=0, microsecond=0)
    files = _example_files((title or INIT_SITE_TITLE).strip() or INIT_SITE_TITLE, moment)
    existed = dest.is_dir()
    written: list[Path] = []
    try:
        for rel, text in files.items():
            written.append(_write_new(dest, rel, text))
    except ScaffoldError:
        _undo_init(dest, written, existed)
        raise
    return list(files)


def _undo_init(dest: Path, written: list[Path], existed: bool) -> None:
    """Remove what a failed `init_site` wrote: its files, the folders it made, ``dest`` if it made it.

    Half a site would make the next ``sitegen init DIR`` refuse the folder as
    not empty. ``dest`` was new or empty (``.git`` aside), so every empty
    folder in it is one init made.
    """
    for path in written:
        path.unlink(missing_ok=True)
    for folder in sorted((p for p in dest.rglob("*") if p.is_dir() and ".git" not in p.relative_to(dest).parts),
                         key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not existed and dest.is_dir() and not any(dest.iterdir()):
        dest.rmdir()
