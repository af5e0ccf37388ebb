"""Open data: every unit's tallies, targets and milestones as CSV and JSON, and a Data Package.

Files (paths inside the output folder, linked from unit pages, the dashboard
and the "about the data" page):

- ``data/tallies.csv`` and ``data/tallies.json``: one row per tally.
- ``data/targets.csv``: one row per coverage target.
- ``data/milestones.csv``: one row per milestone.
- ``data/units.csv``: one row per unit (the table the others refer to).
- ``data/units.json``: every unit as one object with its tallies, targets
  and milestones nested (the whole record, for programs).
- ``data/units/<unit id>/``: one unit's ``tallies.csv``, ``targets.csv``
  and ``milestones.csv`` (its rows of the site's files, those it has) and
  ``unit.json`` (its object of ``units.json``), linked from its page.
- ``datapackage.json``: a Frictionless Data Package (Data Package v1,
  https://specs.frictionlessdata.io/data-package/) describing each file;
  each field's name, type, Chinese title and description in Chinese and
  English (Table Schema, https://specs.frictionlessdata.io/table-schema/),
  with primary and foreign keys.
- ``data/opendata.zip``: ``datapackage.json`` and the site's files above
  (not each unit's), laid out as on the site, so the package is whole and
  valid offline (its paths are relative). Its bytes depend on the files
  and the day they are as of alone (`zip_bytes`, `data_day`): a rebuild of
  the same data writes the same archive.

Encodings: CSV is UTF-8 *with* a byte-order mark, so Excel on Windows opens
Chinese text correctly; rows end in CRLF and fields are quoted only when
needed, as RFC 4180 says (the ``csv`` module's default dialect). JSON is
UTF-8 without a BOM (RFC 8259 §8.1), Chinese written as characters. Dates
are ISO 8601 (``2018-04-26``); a missing value is an empty CSV field or JSON
``null``; percentages are numbers from 0 to 100 (``80``, ``62.5``).

The column lists below (`TALLY_FIELDS` …) are the one place the columns are
defined: the CSV header, the JSON keys, the Data Package schema and the
"about the data" page all come from them.

May import: lazyre, config, models, site, slugs (and the standard library).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from ..lazyre import compile_later
from ..models import (LARGEST_COUNT, MILESTONE_STATUS_LABELS, TARGET_GROUP_LABELS, UNIT_LEVEL_LABELS, Milestone,
                      Tally, Target, Unit, percent_digits)
from ..site import SiteGraph
from ..slugs import windows_safe

CSV_BOM = "\ufeff"
TALLIES_JSON = "data/tallies.json"
"""Every tally as JSON, in the output folder: the figures a build published, read back by the next
(`read_published_tallies`)."""


@dataclass(frozen=True)
class Field:
    """One column: Table Schema ``name`` and ``type``, a Chinese ``title`` and a bilingual ``description``.

    ``required`` and ``minimum`` become Table Schema ``constraints``;
    ``enum`` lists the allowed values of a closed vocabulary; ``format`` is
    the Table Schema format of a string (``uri`` for an absolute address),
    "" for none (a date's is always ``default``, ISO 8601).
    """

    name: str
    type: str
    title: str
    description: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] = ()
    format: str = ""

    @property
    def description_parts(self) -> tuple[str, str]:
        """The description's Chinese and English halves, ``(中文, English)``, for a page to mark the English
        one (``lang="en"``, WCAG 3.1.2). They meet at the first "。 " before a capital letter; "" for a
        missing half."""
        halves = _ENGLISH_AFTER_RE.split(self.description, maxsplit=1)
        return (halves[0], halves[1]) if len(halves) == 2 else (self.description, "")

    def schema(self) -> dict[str, Any]:
        """This field as a Table Schema field descriptor (a dict ready for JSON)."""
        descriptor: dict[str, Any] = {"name": self.name, "type": self.type, "title": self.title,
                                      "description": self.description}
        if self.type == "date":
            descriptor["format"] = "default"  # ISO 8601 YYYY-MM-DD
        elif self.format:
            descriptor["format"] = self.format
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor


_ENGLISH_AFTER_RE = compile_later(r"(?<=。) (?=[A-Z])")


@dataclass(frozen=True)
class Download:
    """One published data file: where it is, what it holds, its format.

    ``path`` is relative to the site root (``data/tallies.csv``);
    ``url`` the site path (``/data/tallies.csv``); ``format`` and
    ``mediatype`` as in the Data Package spec; ``fields`` its columns (empty
    for nested JSON described by ``nested``).
    """

    name: str
    path: str
    title: str
    description: str
    format: str
    mediatype: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_unit: bool = False

    @property
    def url(self) -> str:
        """The file's site path, e.g. ``/data/tallies.csv``."""
        return "/" + self.path

    @property
    def encoding_label(self) -> str:
        """How the file is encoded, in words for readers: CSV has a BOM, JSON has none."""
        return "UTF-8（带 BOM）" if self.format == "csv" else "UTF-8"


_UNIT_ID = Field("unit_id", "string", "单位编号",
                 "单位的编号：本站给每个单位定的固定代码，对应 units.csv 的 id。"
                 " The unit's id: the fixed code the site gives each unit; refers to id in units.csv.", required=True)
# Worded for readers: "单位文件名，不含 .yaml" (its file name without .yaml) said nothing to one who downloads data.
# Worded for any site: "如白鹤镇" (e.g. Baihe town) was published on every site's about-data page.
_UNIT_NAME = Field("unit_name", "string", "单位名称",
                   "单位（镇、街道、村居等）的名称。 The unit's name (a town, subdistrict, village …).", required=True)
_COUNT_NOTE = "累计数（份）。 Cumulative count of issue lists."
# Each count's maximum is the largest sitegen takes, LARGEST_COUNT: larger, a spreadsheet would change its digits.

TALLY_FIELDS: tuple[Field, ...] = (
    _UNIT_ID, _UNIT_NAME,
    Field("as_of", "date", "统计日期",
          "数据截至的日期（ISO 8601）。 The date the figures are as of (ISO 8601).",
          required=True),
    Field("batches", "integer", "调研批次",
          "截至统计日期累计开展的调研批次；未公布时为空。"
          " Survey batches (visits) carried out so far; empty when not reported.",
          minimum=0, maximum=LARGEST_COUNT),
    Field("collected", "integer", "收集问题清单",
          "收集的问题清单总数，等于提交区级 + 已解决 + 办理中。" + _COUNT_NOTE
          + " Issue lists collected; equals escalated + resolved + in_progress.",
          required=True, minimum=0, maximum=LARGEST_COUNT),
    Field("escalated", "integer", "提交区级",
          "已提交区级相关部门办理的问题清单数。" + _COUNT_NOTE
          + " Escalated to the district's departments.", required=True, minimum=0, maximum=LARGEST_COUNT),
    Field("resolved", "integer", "已解决",
          "已解决的问题清单数。" + _COUNT_NOTE + " Resolved.", required=True, minimum=0,
          maximum=LARGEST_COUNT),
    Field("in_progress", "integer", "办理中",
          "统计日期当天仍在办理的问题清单数（份）；不是累计数，问题解决后会减少。"
          " Issue lists still being handled on the as-of date: a current count, not cumulative; it falls as"
          " lists are resolved.", required=True, minimum=0, maximum=LARGEST_COUNT),
    Field("note", "string", "说明",
          "数据来源或口径说明；可为空。 Where the figures come from, or how they were counted; may be empty."),
)

TARGET_FIELDS: tuple[Field, ...] = (
    _UNIT_ID, _UNIT_NAME,
    Field("group", "string", "调研对象（代码）",
          "覆盖目标针对的群体代码。 Code of the group the target covers.", required=True,
          enum=tuple(TARGET_GROUP_LABELS)),
    Field("group_name", "string", "调研对象",
          "群体的中文名称，如居民。 The group's Chinese name, e.g. 居民 (residents).", required=True),
    Field("target", "number", "目标调研率（%）",
          "计划覆盖的比例，0–100。 Share of the group to be surveyed, in percent (0–100).",
          required=True, minimum=0, maximum=100),
    Field("deadline", "date", "完成期限",
          "目标的完成期限；未公布时为空。 Deadline of the target; empty when not given."),
    Field("measured", "number", "实测调研率（%）",
          "已达到的比例，0–100；未公布时为空。 Share reached so far, in percent; empty when not reported.",
          minimum=0, maximum=100),
    Field("measured_as_of", "date", "实测日期",
          "实测比例的统计日期；未公布时为空。 When the measured share was measured; empty when not reported."),
    Field("note", "string", "说明", "说明；可为空。 Note; may be empty."),
)

MILESTONE_STATUSES = tuple(MILESTONE_STATUS_LABELS)
"""The values of a milestone's ``status`` (`milestone_row`): done, planned, postponed, cancelled
(`sitegen.models.MilestoneStatus`)."""

MILESTONE_FIELDS: tuple[Field, ...] = (
    _UNIT_ID, _UNIT_NAME,
    Field("date", "date", "日期",
          "事件发生的日期；计划中或推迟的事项为计划日期，取消的事项为原定日期（ISO 8601）。 Date of the event; for a"
          " planned or postponed one, the date it is planned for; for a cancelled one, the date it was planned for"
          " (ISO 8601).", required=True),
    Field("title", "string", "事件", "事件名称，或计划、推迟、取消的事项。 What happened, or what is planned, put off or"
          " called off.", required=True),
    Field("description", "string", "详情", "详细说明；可为空。 Details; may be empty."),
    Field("status", "string", "状态",
          "事项的状态：done 为已完成；planned 为计划中；postponed 为已推迟；cancelled 为已取消。未写明状态的按日期判断："
          "日期不晚于数据生成当天为 done，在其后为 planned。单位页面把未完成的事项标为“（计划）”“（推迟）”或“（取消）”。"
          " Where it stands: done when it took place, planned when it lies ahead, postponed when put off, cancelled"
          " when called off. Where the editors gave none, the date decides: done when dated on or before the day the"
          " data was published, planned when dated after it. The unit's page marks the ones not done 计划, 推迟 or"
          " 取消.", required=True,
          enum=MILESTONE_STATUSES),
)

UNIT_FIELDS: tuple[Field, ...] = (
    Field("id", "string", "单位编号", "单位的编号：本站给每个单位定的固定代码，其他文件的 unit_id 即指它。"
          " The unit's id: the fixed code the site gives each unit, which unit_id in the other files refers to.",
          required=True),
    Field("name", "string", "单位名称", "单位名称。 The unit's name.", required=True),
    Field("level", "string", "单位类别（代码）", "单位类别代码。 Code of the kind of unit.",
          required=True, enum=tuple(UNIT_LEVEL_LABELS)),
    Field("level_name", "string", "单位类别", "单位类别的中文名称，如镇。 The kind of unit in Chinese, e.g. 镇 (town).",
          required=True),
    Field("summary", "string", "简介", "单位简介；可为空。 A short description; may be empty."),
    Field("url", "string", "进展页面", "本站该单位进展页面的网址。 Address of the unit's page on this site.",
          required=True, format="uri"),
)

UNIT_JSON_FIELDS: tuple[Field, ...] = (
    *UNIT_FIELDS[:4],
    Field("aliases", "array", "别称", "单位的其他正确名称。 Other correct names of the unit."),
    *UNIT_FIELDS[4:],
    Field("tallies", "array", "调研数据",
          "各次统计，字段同 tallies.csv（不含 unit_id、unit_name），按日期从早到晚。"
          " The unit's tallies, oldest first, with the columns of tallies.csv except unit_id and unit_name."),
    Field("targets", "array", "覆盖目标",
          "覆盖目标，字段同 targets.csv（不含 unit_id、unit_name）。"
          " The unit's targets, with the columns of targets.csv except unit_id and unit_name."),
    Field("milestones", "array", "大事记",
          "大事记，字段同 milestones.csv（不含 unit_id、unit_name），按日期排列。"
          " The unit's milestones in date order, with the columns of milestones.csv except unit_id and unit_name."),
)

DOWNLOADS: tuple[Download, ...] = (
    Download("tallies", "data/tallies.csv", "调研数据（CSV）",
             "各单位各次统计的问题清单数，每行一次统计。 Every tally of every unit, one row per tally.",
             "csv", "text/csv", TALLY_FIELDS, ("unit_id", "as_of"), True),
    Download("tallies-json", TALLIES_JSON, "调研数据（JSON）",
             "与 tallies.csv 相同的数据，JSON 对象数组。 The same rows as tallies.csv, as a JSON array of objects.",
             "json", "application/json", TALLY_FIELDS, ("unit_id", "as_of"), True),
    Download("targets", "data/targets.csv", "覆盖目标（CSV）",
             "各单位的调研覆盖目标，每行一个目标。 Coverage targets, one row per unit and group.",
             "csv", "text/csv", TARGET_FIELDS, ("unit_id", "group"), True),
    Download("milestones", "data/milestones.csv", "大事记（CSV）",
             "各单位的大事记，每行一件事，含计划中、推迟和取消的事项（见 status 列）。"
             " Milestones, one row each, those planned, postponed or cancelled too (see the status column).",
             "csv", "text/csv", MILESTONE_FIELDS, (), True),
    Download("units", "data/units.csv", "单位列表（CSV）",
             "全部单位，每行一个。 Every unit, one row each.",
             "csv", "text/csv", UNIT_FIELDS, ("id",)),
    Download("units-json", "data/units.json", "单位完整数据（JSON）",
             "每个单位一个对象，含其全部调研数据、覆盖目标和大事记。"
             " Every unit as one object with its tallies, targets and milestones nested.",
             "json", "application/json", UNIT_JSON_FIELDS, ("id",)),
)
"""Every data file, in the order pages list them."""

DATAPACKAGE_PATH = "datapackage.json"
BUNDLE_PATH = "data/opendata.zip"
"""The archive of ``datapackage.json`` and the site's data files (`zip_bytes`)."""

UNIT_DATA_FOLDER = "data/units"
"""Where each unit's own files are (`unit_downloads`): ``data/units/<unit id>/``."""
_UNIT_TABLES = (("tallies", TALLY_FIELDS), ("targets", TARGET_FIELDS), ("milestones", MILESTONE_FIELDS))
"""The unit's record lists written as CSV files of their own, by the name of the list and of the file."""


def unit_downloads(unit: Unit) -> tuple[Download, ...]:
    """One unit's own data files, in the order pages list them: its tallies, targets and milestones as CSV,
    those it has rows of, then its whole record as JSON, under ``data/units/<unit id>/`` (an id Windows keeps
    for a device, ``con``, made safe as its page's address is: ``data/units/con-1/``, `sitegen.slugs.windows_safe`).

    Each CSV has the columns of the site's file of that name and the unit's
    rows only, in the same order; ``unit.json`` is the unit's object of
    ``units.json``. An older reader who opens the CSV in a spreadsheet then
    gets one town's figures, without filtering 200 towns' rows by
    ``unit_id``. They are not resources of ``datapackage.json``: each holds
    rows of a site file, whose schema describes them.
    """
    site = {download.name: download for download in DOWNLOADS}
    folder = f"{UNIT_DATA_FOLDER}/{windows_safe(unit.id)}"  # con.yaml: data/units/con-1/, as its page /units/con-1/
    made = [Download(f"{unit.id}-{name}", f"{folder}/{name}.csv",
                     f"{unit.name}{site[name].title}", site[name].description, "csv", "text/csv", fields,
                     site[name].primary_key, True)
            for name, fields in _UNIT_TABLES if getattr(unit, name)]
    made.append(Download(f"{unit.id}-unit", f"{folder}/unit.json",
                         f"{unit.name}完整数据（JSON）", site["units-json"].description, "json", "application/json",
                         UNIT_JSON_FIELDS, ("id",)))
    return tuple(made)


def column_tables(downloads: Sequence[Download]) -> tuple[Download, ...]:
    """The downloads whose columns the "about the data" page lists: the first of each set of fields, in order.

    Takes the downloads as pages list them (`DOWNLOADS`). A JSON file with
    the fields of a CSV listed before it (``tallies.json``) is told by that
    table; ``units.json``, which adds ``aliases`` and the nested lists to
    ``units.csv``, gets a table of its own.
    """
    seen: set[tuple[Field, ...]] = set()
    tables = []
    for download in downloads:
        if download.fields not in seen:
            seen.add(download.fields)
            tables.append(download)
    return tuple(tables)


def open_data_paths(graph: SiteGraph) -> list[str]:
    """The output path of every file `render_open_data` makes for this graph (the site's files, their archive,
    then each unit's): they are made together."""
    return [*(download.path for download in DOWNLOADS), DATAPACKAGE_PATH, BUNDLE_PATH,
            *(download.path for view in graph.units for download in unit_downloads(view.unit))]


def _json_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def tally_row(unit: Unit, tally: Tally) -> dict[str, Any]:
    """One tally as a JSON-ready row: keys of `TALLY_FIELDS`, ints, ISO date, None when missing."""
    return {"unit_id": unit.id, "unit_name": unit.name, "as_of": tally.as_of.isoformat(),
            "batches": tally.batches, "collected": tally.collected, "escalated": tally.escalated,
            "resolved": tally.resolved, "in_progress": tally.in_progress, "note": tally.note}


def read_published_tallies(output: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The tallies the build into the folder ``output`` published, from its `TALLIES_JSON`.

    Returns ``{(unit id, as_of as ISO 8601): row}``, each row as `tally_row` makes it (keys of `TALLY_FIELDS`:
    counts as ints, None where missing). Empty when the folder holds no such file, or one that does not read
    as sitegen writes it (another program's folder, a file cut short): there is then nothing to compare
    with. Raises nothing.
    """
    try:
        rows = json.loads((output / TALLIES_JSON).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(rows, list):
        return {}
    return {(row["unit_id"], row["as_of"]): row for row in rows
            if isinstance(row, dict) and isinstance(row.get("unit_id"), str) and isinstance(row.get("as_of"), str)}


def target_row(unit: Unit, target: Target) -> dict[str, Any]:
    """One target as a JSON-ready row: keys of `TARGET_FIELDS`; percentages as numbers."""
    return {"unit_id": unit.id, "unit_name": unit.name, "group": target.group.value,
            "group_name": TARGET_GROUP_LABELS[target.group.value], "target": _json_number(target.target),
            "deadline": _iso(target.deadline), "measured": _json_number(target.measured),
            "measured_as_of": _iso(target.measured_as_of), "note": target.note}


def milestone_row(unit: Unit, milestone: Milestone, today: date) -> dict[str, Any]:
    """One milestone as a JSON-ready row: keys of `MILESTONE_FIELDS`.

    ``today`` is the build's day (site time zone): the ``status`` is the
    one typed, else ``planned`` when dated after it and ``done`` on or
    before it (`sitegen.models.Milestone.status_on`), as the unit's page
    marks it (`sitegen.site.milestone_statuses`).
    """
    return {"unit_id": unit.id, "unit_name": unit.name, "date": milestone.date.isoformat(),
            "title": milestone.title, "description": milestone.description,
            "status": milestone.status_on(today)}


def unit_row(unit: Unit, url: str) -> dict[str, Any]:
    """One unit as a JSON-ready row: keys of `UNIT_FIELDS`; ``url`` is the page's absolute address."""
    return {"id": unit.id, "name": unit.name, "level": unit.level.value,
            "level_name": UNIT_LEVEL_LABELS[unit.level.value], "summary": unit.summary, "url": url}


def unit_document(unit: Unit, url: str, today: date) -> dict[str, Any]:
    """One unit with everything nested (an object of units.json, keys of `UNIT_JSON_FIELDS`); ``today`` is the
    build's day, for the milestones' status (`milestone_row`)."""
    def nested(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k not in ("unit_id", "unit_name")}
    row = unit_row(unit, url)
    return {**{k: row[k] for k in ("id", "name", "level", "level_name")}, "aliases": list(unit.aliases),
            "summary": unit.summary, "url": url,
            "tallies": [nested(tally_row(unit, t)) for t in unit.tallies],
            "targets": [nested(target_row(unit, t)) for t in unit.targets],
            "milestones": [nested(milestone_row(unit, m, today)) for m in unit.milestones]}


def csv_bytes(fields: Sequence[Field], rows: Sequence[dict[str, Any]]) -> bytes:
    """Write rows as CSV: UTF-8 with BOM, CRLF line ends, minimal quoting (RFC 4180), header first.

    Takes the columns and JSON-ready rows (keys = field names). None becomes
    an empty field, numbers their shortest text, never in exponent notation (`sitegen.models.percent_digits`), everything
    else ``str``. Returns the file's bytes.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow([_cell(row[f.name]) for f in fields])
    return (CSV_BOM + buffer.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return percent_digits(value)  # the figure the pages show, never in exponent notation
    return str(value)


def json_bytes(value: Any) -> bytes:
    """Write JSON as published: UTF-8 without BOM, characters unescaped, 2-space indent, final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip member can be stamped with: the archive's members when no figure is dated."""


def data_day(graph: SiteGraph) -> date | None:
    """The day the open data is as of: the newest tally's ``as_of`` or target's ``measured_as_of`` (None when no
    figure is dated). Read from the records alone, so the open data's fingerprint (`sitegen.depends`) covers it."""
    days = [tally.as_of for view in graph.units for tally in view.unit.tallies]
    days += [target.measured_as_of for view in graph.units for target in view.unit.targets if target.measured_as_of]
    return max(days, default=None)


def zip_bytes(files: dict[str, bytes], day: date | None = None) -> bytes:
    """A zip archive of ``files`` (``{path inside the archive: bytes}``), in that order, deflated.

    Each member is stamped ``day`` at midnight (the day the data is as of,
    `data_day`: what a reader's unzip shows; `_ZIP_TIME` when None or outside
    the years a zip holds, 1980 to 2107), and marked a plain Unix file readable by
    all (0644), so the archive's bytes depend on the files and that day
    alone, whenever it is built (as reproducible builds do). Names are UTF-8
    (zipfile sets the flag for names beyond ASCII).
    """
    stamp = _ZIP_TIME if day is None or not 1980 <= day.year <= 2107 else (day.year, day.month, day.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():
            member = zipfile.ZipInfo(path, date_time=stamp)
            member.external_attr = 0o100644 << 16
            member.create_system = 3  # Unix, on every system the site is built on
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, data, compresslevel=9)
    return buffer.getvalue()


def _rows(graph: SiteGraph, make: Callable[[Unit, Any], dict[str, Any]], attribute: str) -> list[dict[str, Any]]:
    return [make(view.unit, item) for view in graph.units for item in getattr(view.unit, attribute)]


def render_open_data(graph: SiteGraph) -> dict[str, bytes]:
    """Return every data file, ``datapackage.json`` and their archive (`BUNDLE_PATH`) as ``{output path:
    bytes}``, then each unit's own files (`unit_downloads`).

    Units are in the site's unit order (by id); each unit's rows in its
    record's order (tallies and milestones by date, as the checks require).
    """
    urls = graph.urls
    tallies = _rows(graph, tally_row, "tallies")
    units = graph.units
    today = graph.now.date()  # the day the unit pages mark milestones by (`sitegen.site.milestone_statuses`)

    def dated_milestone_row(unit: Unit, milestone: Milestone) -> dict[str, Any]:
        return milestone_row(unit, milestone, today)

    made = {
        "data/tallies.csv": csv_bytes(TALLY_FIELDS, tallies),
        TALLIES_JSON: json_bytes(tallies),
        "data/targets.csv": csv_bytes(TARGET_FIELDS, _rows(graph, target_row, "targets")),
        "data/milestones.csv": csv_bytes(MILESTONE_FIELDS, _rows(graph, dated_milestone_row, "milestones")),
        "data/units.csv": csv_bytes(UNIT_FIELDS, [unit_row(v.unit, urls.absolute(v.url)) for v in units]),
        "data/units.json": json_bytes([unit_document(v.unit, urls.absolute(v.url), today) for v in units]),
        DATAPACKAGE_PATH: json_bytes(datapackage(graph)),
    }
    made[BUNDLE_PATH] = zip_bytes({DATAPACKAGE_PATH: made[DATAPACKAGE_PATH],
                                   **{d.path: made[d.path] for d in DOWNLOADS}}, data_day(graph))
    row_of = {"tallies": tally_row, "targets": target_row, "milestones": dated_milestone_row}
    for view in units:
        unit = view.unit
        for download in unit_downloads(unit):  # the files its page lists, no other
            if download.format == "json":
                made[download.path] = json_bytes(unit_document(unit, urls.absolute(view.url), today))
            else:
                name = download.path.rsplit("/", 1)[1].removesuffix(".csv")
                made[download.path] = csv_bytes(download.fields, [row_of[name](unit, item)
                                                                  for item in getattr(unit, name)])
    return made


def _resource(download: Download) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": download.name, "path": download.path, "title": download.title,
        "description": download.description, "format": download.format,
        "mediatype": download.mediatype, "encoding": "utf-8",
        "profile": "tabular-data-resource" if download.format == "csv" else "data-resource",
    }
    if download.format == "csv":
        resource["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"',
                               "doubleQuote": True, "header": True}
    schema: dict[str, Any] = {"fields": [f.schema() for f in download.fields], "missingValues": [""]}
    if download.primary_key:
        schema["primaryKey"] = list(download.primary_key)
    if download.foreign_unit and download.format == "csv":
        schema["foreignKeys"] = [{"fields": "unit_id", "reference": {"resource": "units", "fields": "id"}}]
    resource["schema"] = schema
    return resource


def datapackage(graph: SiteGraph) -> dict[str, Any]:
    """The Data Package descriptor (a dict for ``datapackage.json``).

    Follows Data Package v1: ``name`` (lower-case slug made from the site's
    base URL), ``title``, ``description``, ``homepage`` (the home page's
    address, percent-encoded as every other address of the site), ``contributors``
    (the publisher), and one resource per file in `DOWNLOADS`, each with
    ``path`` (relative to the descriptor), ``format``, ``mediatype``,
    ``encoding``, a CSV ``dialect`` and a Table Schema (fields, primary key,
    foreign key to ``units``), ``sources`` (where the figures are published:
    the units' progress pages, with the contact's e-mail when site.yaml
    gives one), and ``licenses`` when site.yaml states the data's licence
    (``data_license``; none is made up).
    """
    config = graph.config
    descriptor: dict[str, Any] = {
        "profile": "data-package",
        "name": _package_name(graph),
        "title": f"{config.title}：开放数据",
        "description": (f"{config.title}的调研数据、覆盖目标和大事记。口径见 "
                        f"{graph.urls.absolute(graph.links.about_data)} 。 Survey figures, coverage "
                        "targets and milestones of the units in this progress report."),
        "homepage": graph.urls.absolute(graph.links.home),
        "resources": [_resource(d) for d in DOWNLOADS],
    }
    if config.publisher:
        descriptor["contributors"] = [{"title": config.publisher, "role": "publisher"}]
    email = config.contact.email if config.contact is not None else ""
    descriptor["sources"] = [{"title": f"{config.publisher or config.title}：各单位进展（每条统计的说明写明数字来源）。 "
                                       "The units' progress pages; each tally's note says where its figures "
                                       "come from.",
                              "path": graph.urls.absolute(graph.links.units), **({"email": email} if email else {})}]
    license_ = config.data_license
    if license_ is not None:
        descriptor["licenses"] = [{"name": license_.name, "title": license_.title or license_.name,
                                   **({"path": license_.url} if license_.url else {})}]
    return descriptor


def _package_name(graph: SiteGraph) -> str:
    """A Data Package name (lower-case a-z, 0-9, "-", "_", ".") from the base URL's host and path.

    The path is taken percent-encoded, so that two sites under Chinese sub-paths of one host
    (``/报告/白鹤/``, ``/报告/华新/``) get names of their own, not both the host's; in the one spelling of
    `sitegen.site.Urls.base_path`, so that the name is the same however the address was typed (``/青浦/``,
    ``/%E9%9D%92%E6%B5%A6/``, ``/q r/`` and ``/q%20r/``): encoded again, ``%`` became ``%25``.
    """
    urls = graph.urls
    raw = (urls.origin.split("://", 1)[1] + urls.base_path).lower()
    name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in raw)
    return "-".join(part for part in name.split("-") if part) or "sitegen-data"
