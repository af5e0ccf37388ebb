"""Typed records of a progress-report site.

The content model: a *series* (a column such as 大调研微访谈) publishes
*interviews*; a *unit* (a town, subdistrict or committee) holds dated
*tallies* of the survey, coverage *targets* and *milestones*; *case studies*
tell how one problem was handled. Records are pydantic models, frozen, with
unknown keys forbidden, so a misspelt field is an error and never silently
ignored.

Values arrive as the text the editor typed (see `sitegen.yamltext`): the
field types below turn that text into numbers, dates and booleans by rules
written here, not by YAML 1.1's guesses. Each converter raises a
`PydanticCustomError` whose message is shown to the editor as it is.

May import: errors (and pydantic, the standard library).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Date spellings editors use: 2018-04-26, 2018-4-26, 2018/4/26, 2018.4.26, 2018年4月26日.
_DATE_RE = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)\s*$"
)
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def parse_date(value: Any) -> date:
    """Turn an editor's date into a `datetime.date`.

    Takes a `date` (passed through) or text in one of the spellings
    ``2018-04-26``, ``2018-4-26``, ``2018/4/26``, ``2018.4.26`` or
    ``2018年4月26日`` (case 04 of the editor-mistake cases: all five are read
    alike, and shown in one house format). Returns the date.

    Raises `PydanticCustomError` ``date_format`` for other text and
    ``date_value`` for impossible dates (``2018-4-31``), naming the fix.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_format", "expected a date such as 2018-04-26, got {kind}",
                                  {"kind": type(value).__name__})
    match = _DATE_RE.match(value)
    if not match:
        raise PydanticCustomError(
            "date_format", 'date "{text}" is not understood; write it as YYYY-MM-DD, e.g. 2018-04-26',
            {"text": value})
    year = int(match.group(1))
    month = int(match.group(2) or match.group(4))
    day = int(match.group(3) or match.group(5))
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_value", 'date "{text}" does not exist (there is no day {day} in month {month} of {year})',
            {"text": value, "day": day, "month": month, "year": year}) from None


def parse_datetime(value: Any) -> datetime:
    """Turn an editor's publish time into a naive `datetime` in the site's time zone.

    Takes a date in any spelling `parse_date` accepts, optionally followed by
    a space (or ``T``) and ``HH:MM`` or ``HH:MM:SS``; a date alone means
    00:00. The site's time zone (site.yaml ``time_zone``) is applied later.

    Raises `PydanticCustomError` ``datetime_format`` naming the expected form.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_format", "expected a date such as 2018-05-03 10:00")
    text = value.strip()
    day_part, _, time_part = text.replace("T", " ", 1).partition(" ")
    day = parse_date(day_part)
    if not time_part.strip():
        return datetime.combine(day, time())
    match = _TIME_RE.match(time_part.strip())
    hour, minute, second = (int(match.group(i) or 0) for i in (1, 2, 3)) if match else (99, 0, 0)
    if hour > 23 or minute > 59 or second > 59:
        raise PydanticCustomError(
            "datetime_format", 'time in "{text}" is not understood; write it as 2018-05-03 10:00 (24-hour clock)',
            {"text": value})
    return datetime.combine(day, time(hour, minute, second))


def parse_count(value: Any) -> int:
    """Turn a count (issue lists, survey batches) into a whole number >= 0.

    Takes an int or text of digits; full-width digits (全角数字 ３１８) are read
    as the same number. Returns the int.

    Raises `PydanticCustomError` ``count`` for anything else: decimals,
    negative numbers, units typed after the number (``318批``), thousands
    separators.
    """
    if isinstance(value, bool):
        raise PydanticCustomError("count", "expected a whole number, got {value}", {"value": value})
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().translate(_FULLWIDTH_DIGITS).isdigit():
        number = int(value.strip().translate(_FULLWIDTH_DIGITS))
    else:
        raise PydanticCustomError(
            "count", '"{text}" is not a whole number; write the digits alone, e.g. 296 (no units, commas or spaces)',
            {"text": value})
    if number < 0:
        raise PydanticCustomError("count", "a count cannot be negative ({value})", {"value": number})
    return number


def parse_percent(value: Any) -> float:
    """Turn a percentage (``80``, ``80%``, ``80.5``, ``８０％``) into a float from 0 to 100.

    Raises `PydanticCustomError` ``percent`` for text that is not a number
    and for numbers outside 0..100 (a share written as 0.8 must be 80).
    """
    if isinstance(value, bool):
        raise PydanticCustomError("percent", "expected a percentage from 0 to 100")
    text = str(value).strip().translate(_FULLWIDTH_DIGITS).removesuffix("%").strip()
    try:
        number = float(text)
    except ValueError:
        raise PydanticCustomError(
            "percent", '"{text}" is not a percentage; write a number from 0 to 100, e.g. 80',
            {"text": value}) from None
    if not 0 <= number <= 100:
        raise PydanticCustomError(
            "percent", "percentage {value} is outside 0 to 100", {"value": value})
    return number


def parse_bool(value: Any) -> bool:
    """Turn a yes/no field into a bool.

    Accepts ``true``/``false``, ``yes``/``no``, ``on``/``off`` (any case) and
    是/否, for fields the product declares boolean only (elsewhere ``no``
    stays the text ``no``). Raises `PydanticCustomError` ``bool`` otherwise.
    """
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "on", "是"}:
        return True
    if text in {"false", "no", "off", "否"}:
        return False
    raise PydanticCustomError("bool", '"{text}" is not true or false', {"text": value})


def parse_text(value: Any) -> str:
    """Accept text as typed. Raises `PydanticCustomError` ``text`` for lists or mappings."""
    if isinstance(value, str):
        return value
    raise PydanticCustomError("text", "expected text, got a {kind}",
                              {"kind": "list" if isinstance(value, list) else "mapping"
                               if isinstance(value, dict) else type(value).__name__})


def parse_text_list(value: Any) -> tuple[str, ...]:
    """Accept a list of texts, or one text as a list of one. Raises ``text_list`` otherwise."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise PydanticCustomError("text_list", "expected a list of texts, e.g. [草莓, 补短板]")


Date = Annotated[date, BeforeValidator(parse_date)]
DateTime = Annotated[datetime, BeforeValidator(parse_datetime)]
Count = Annotated[int, BeforeValidator(parse_count)]
Percent = Annotated[float, BeforeValidator(parse_percent)]
Flag = Annotated[bool, BeforeValidator(parse_bool)]
Text = Annotated[str, BeforeValidator(parse_text), Field(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(parse_text)]
TextList = Annotated[tuple[str, ...], BeforeValidator(parse_text_list)]
Slug = Annotated[str, BeforeValidator(parse_text), Field(pattern=_SLUG_PATTERN, max_length=80)]


class Record(BaseModel):
    """Base of every record: frozen, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitLevel(str, Enum):
    """Kinds of unit (closed vocabulary). The value is what editors type."""

    district = "district"          # 区
    town = "town"                  # 镇
    subdistrict = "subdistrict"    # 街道
    committee = "committee"        # 委办局 / 委员会
    village = "village"            # 村
    community = "community"        # 居委会 / 社区
    park = "park"                  # 园区


UNIT_LEVEL_LABELS = {
    "district": "区", "town": "镇", "subdistrict": "街道", "committee": "委办局",
    "village": "村", "community": "社区", "park": "园区",
}


class TargetGroup(str, Enum):
    """Groups a survey covers (closed vocabulary)."""

    institutions = "institutions"                      # 机构 / 事业单位
    residents = "residents"                            # 居民
    registered_enterprises = "registered_enterprises"  # 注册企业
    enterprises = "enterprises"                        # 企业
    farmers = "farmers"                                # 农户
    social_organizations = "social_organizations"      # 社会组织
    villages = "villages"                              # 村居


TARGET_GROUP_LABELS = {
    "institutions": "机构", "residents": "居民", "registered_enterprises": "注册企业",
    "enterprises": "企业", "farmers": "农户", "social_organizations": "社会组织", "villages": "村居",
}


class CaseStatus(str, Enum):
    """Where a case stands (closed vocabulary)."""

    planned = "planned"           # 计划中
    in_progress = "in_progress"   # 推进中
    resolved = "resolved"         # 已解决


CASE_STATUS_LABELS = {"planned": "计划中", "in_progress": "推进中", "resolved": "已解决"}


class Series(Record):
    """A column of interviews (e.g. 大调研微访谈). File: ``content/series/<id>.yaml``.

    ``id`` is the file name without ``.yaml`` (a slug); interviews name it in
    their ``series`` field.
    """

    id: Slug
    title: Text
    blurb: Text
    publisher: Text


class Tally(Record):
    """A dated snapshot of a unit's survey: cumulative counts as of one day.

    ``collected`` issue lists (问题清单) = ``escalated`` to the district
    (提交区级) + ``resolved`` (已解决) + ``in_progress`` (办理中); the rule is
    checked in `sitegen.checks`. ``batches`` counts survey visits (调研批次).
    """

    as_of: Date
    batches: Count | None = None
    collected: Count
    escalated: Count
    resolved: Count
    in_progress: Count
    note: OptionalText = ""


class Target(Record):
    """A coverage target: share of a group to be surveyed, in percent (0–100)."""

    group: TargetGroup
    target: Percent
    deadline: Date | None = None
    measured: Percent | None = None
    measured_as_of: Date | None = None
    note: OptionalText = ""


class Milestone(Record):
    """A dated event of a unit's campaign (a team set up, a meeting held)."""

    date: Date
    title: Text
    description: OptionalText = ""


class Unit(Record):
    """A town, subdistrict or committee, with its figures. File: ``content/units/<id>.yaml``.

    ``misspellings`` lists wrong spellings of ``name`` seen in sources (the
    seed article writes 白鹤镇 as 白河镇 and 百合镇); pages that contain them
    get a warning. ``aliases`` are other correct names (白鹤).
    """

    id: Slug
    name: Text
    level: UnitLevel
    aliases: TextList = ()
    misspellings: TextList = ()
    summary: OptionalText = ""
    tallies: tuple[Tally, ...] = ()
    targets: tuple[Target, ...] = ()
    milestones: tuple[Milestone, ...] = ()


class Person(Record):
    """An interviewee: name and role (职务)."""

    name: Text
    role: Text


class Image(Record):
    """An image slot: ``src`` relative to ``content/`` (e.g. ``images/baihe-1.svg``).

    ``alt`` describes the picture for readers who cannot see it; leaving it
    empty is a warning (WCAG 1.1.1).
    """

    src: Text
    alt: OptionalText = ""
    caption: OptionalText = ""


class SourceAttribution(Record):
    """Where a text was first published (来源): publisher, original title, address."""

    publisher: Text
    title: OptionalText = ""
    url: OptionalText = ""


class PageMeta(Record):
    """Front matter fields shared by every Markdown page."""

    title: Text
    slug: Slug | None = None
    date: DateTime
    summary: OptionalText = ""
    tags: TextList = ()
    images: tuple[Image, ...] = ()
    draft: Flag = False


class InterviewMeta(PageMeta):
    """Front matter of an interview (``content/interviews/*.md``).

    The body holds the questions as ``##`` headings and the answers below
    them. ``series`` and ``unit`` are ids of records.
    """

    series: Slug
    unit: Slug
    interviewee: Person
    source: SourceAttribution | None = None


class CaseStudyMeta(PageMeta):
    """Front matter of a case study (``content/cases/*.md``).

    ``related_tally`` is the ``as_of`` date of one of the unit's tallies.
    """

    unit: Slug
    status: CaseStatus
    problem: Text
    actions: TextList
    outcome: OptionalText = ""
    related_tally: Date | None = None
    source: SourceAttribution | None = None
