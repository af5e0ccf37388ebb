"""Integrity rules across records: figures that must agree, references that
must resolve, dates that must be in order, names that must be spelt right.

Each rule is a function ``check_*(content, report)`` that adds problems to
the report; `check_content` runs them all. The rules come from how a
progress report is read: a figure on a public page must add up, and the
reader must be able to trust every link and date.

May import: lazyre, errors, models, load (record types only), markup, pictures, placeholders, plaintext, recordfiles,
textfigures, validation, webaddress, yamltext
(did-you-mean for ids).
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, Mapping, Sequence, TypeVar
from urllib.parse import unquote

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from .errors import SHOW_FILE_ENDINGS, Problem, Report, command_word
from .lazyre import compile_later
from .load import Content, Document, Sourced, YamlData
from .markup import (is_local_path, local_file_name, outside_fences, place_in_block, places_typed, swallowed_title,
                     text_blocks, typed_images, typed_lazy_picture, typed_links)
from .models import (QUOTE_MARKS, TALLY_SUM, UNIT_LEVEL_LABELS, UNIT_LEVEL_PINYIN, Milestone, Series, Tally,
                     Target, TargetGroup, Unit, UnitLevel, ascii_id, choice_value, clip, date_numbers, date_refusal,
                     id_case_reason, is_external_address, is_stand_in, level_in_name, level_word_ending, named_address,
                     parse_bool, parse_count, parse_date, parse_text, plain_name, publish_time_text,
                     spreadsheet_reading, swapped_years, tag_spelling, texts_in)
from .pictures import (DAMAGED_HINT, damaged_message, heavy_problem, image_size, looks_damaged, picture_file,
                       site_path, unshown_problem)
from .placeholders import (BODY_LINES, EXAMPLE_TARGET_FIGURES, INIT_CASE_LINE, INIT_CASE_TITLE, INIT_INTERVIEW_LINE,
                           INIT_INTERVIEW_TITLE, INIT_MILESTONE_TITLE, INIT_SERIES_BLURB, INIT_TALLY_FIGURES,
                           INIT_TARGET, INIT_UNIT_NAME, INIT_UNIT_NOTE, INIT_UNIT_SUMMARY, init_texts_in,
                           may_hold_placeholders, placeholders_in)
from .recordfiles import copy_suffix
from .plaintext import may_hold_markup, typed_markup
from .textfigures import TextFigure, dated_figures, may_name_a_day, one_slip_apart
from .validation import (UNIT_WORD_LISTS, closest, did_you_mean, edit_distance, field_name, near_name,
                         typed_value_warnings, wide_note_error, withdraw_wide_note_warnings)
from .webaddress import (ADDRESS_SIGNS, address_slip, after_base_path, half_width_address, hotlink_platform,
                         signs_in_name_hint, split_address, untitled_hint, words_after_path)
from .yamltext import listed_lines, split_wide_note

COUNT_FIELDS = ("batches", "collected", "escalated", "resolved")
COUNT_LABELS = {"batches": "survey batches (调研批次)", "collected": "collected (收集)",
                "escalated": "escalated (提交区级)", "resolved": "resolved (已解决)",
                "in_progress": "in progress (办理中)"}


def check_content(content: Content, root: Path, now: datetime, report: Report, base: str = "/", *,
                  page_url: Callable[[str, str], str],
                  published: Callable[[], Mapping[str, str]] = dict) -> None:
    """Run every integrity rule over the loaded content.

    Takes the content, the site folder (to resolve image files), the
    build's current time (naive, in the site's time zone: the "now" that
    also decides which pages are scheduled), the report, and the path of
    base_url, decoded (``/qingpu/diaoyan/``: a picture's path typed with it
    is told so) and the site path of a page by its collection and slug
    (``config.permalinks.url``, for messages naming another page's address),
    and a function giving the page, unit and series files the last build
    published, each with its title or name (``published``, from its address
    record, read at most once: when two pages share a text, of two such
    pages, one published and one new, the new one is the copy; when a page
    names a record that has no file, the file may be gone since); adds
    errors and warnings to the report.
    Raises nothing.
    """
    cited = cited_tallies(content)
    published = functools.lru_cache(maxsize=1)(published)
    for unit in content.units.values():
        check_tally_arithmetic(unit, report)
        check_empty_tallies(unit, report)
        check_repeated_tallies(unit, report)
        check_example_targets(unit, report)
        check_tally_dates(unit, now.date(), report)
        check_measured_dates(unit, now.date(), report)
        check_far_plans(unit, now.date(), report)
        check_tally_order(unit, report, now.date(), cited.get(unit.record.id, {}))
        check_milestone_order(unit, report)
        check_repeated_milestones(unit, report)
        check_targets(unit, report)
    check_century_slips(content, report)
    check_unit_names(content, report)
    check_unit_levels(content, report)
    check_shared_unit_names(content, report)
    check_spreadsheet_ids(content, report)
    check_sound_alike_units(content, report)
    check_qualified_unit_names(content, report)
    check_copied_tallies(content, report)
    check_count_sizes(content, report)
    check_copied_summaries(content, report)
    check_copied_pages(content, report, page_url, published)
    check_page_titles(content, report)
    clashes = check_misspelling_clashes(content, report)
    for document in content.interviews + content.cases:
        check_references(document, content, report, now.date(), published)
        check_images(document, root, report, base)
        check_body_images(document, root, report, base)
    for document in content.interviews:
        check_text_shows(document, report)
    for document in content.interviews + content.cases:
        check_text_figures(document, content, report)
    for document in content.interviews:
        check_figures_shown(document, content, now.date(), report)
    for document in content.interviews + content.cases:
        check_publish_year(document, now, report)
        check_update_time(document, now, report)
        check_taken_off(document, now, published, report)
        check_repeated_tags(document, report)
        check_source_publisher(document, report)
    for page in content.failed:
        check_failed_images(page.path, page.front_matter, root, report, base)
        check_failed_references(page.path, page.front_matter, content, report, published)
        check_typed_pictures(page.path, page.body, page.body_line, root, report, base)
    for path, data in content.failed_units:
        check_failed_unit(path, data, now.date(), report, cited.get(posixpath.splitext(posixpath.basename(path))[0], {}))
    check_misspellings(content, report, clashes)
    check_placeholders(content, report)
    check_init_examples(content, report)
    check_init_figures(content, report)
    check_plain_text_fields(content, report)
    check_listed_lines(content, report)
    check_formula_texts(content, report)
    check_typed_values(content, report)


_INIT_PAGES = {"interviews": (INIT_INTERVIEW_TITLE, INIT_INTERVIEW_LINE), "cases": (INIT_CASE_TITLE, INIT_CASE_LINE)}
"""The title and a line of the text of ``sitegen init``'s example interview and case study, by collection."""


def check_init_examples(content: Content, report: Report) -> None:
    """Error at each example ``sitegen init`` wrote (its unit, interview and case study, its series' blurb) once
    the site has units or published pages of its own.

    A new site builds at once with its examples, which say what they are. Left beside the editor's own
    units and pages, they would be published with them: 示例镇's invented figures in the open data and
    added into the totals of the home page and the dashboard, the example interview in the lists and
    feeds. Each example is known by its name or title and a text of its own that ``sitegen init`` wrote
    (`sitegen.placeholders`: the example tally's note or the unit's summary, a line of the interview's or
    case study's text, the blurb): an example renamed is the editor's own, never told to be deleted. Drafts
    are never published, so neither told nor counted as the site's own. Raises nothing.
    """
    units = {unit_id: unit for unit_id, unit in content.units.items() if unit.record.name == INIT_UNIT_NAME
             and (any(tally.note == INIT_UNIT_NOTE for tally in unit.record.tallies)
                  or unit.record.summary == INIT_UNIT_SUMMARY)}
    pages = [document for document in content.interviews + content.cases
             if document.meta.title == _INIT_PAGES[document.collection][0]
             and _INIT_PAGES[document.collection][1] in document.body.split("\n")]
    own_units = len(content.units) > len(units)
    own_pages = any(not document.meta.draft and document not in pages
                    for document in content.interviews + content.cases)
    if not own_units and not own_pages:
        return
    has = "units of its own" if own_units else "pages of its own"
    for unit in units.values():
        report.error(unit.path, *unit.yaml.locate(("name",)),
                     f"this is the example unit that sitegen init wrote, and the site has {has} now: its invented "
                     "figures would be published beside them, and added into the totals of the home page and the "
                     "dashboard",
                     f"delete {unit.path} (and the example interview and case study, which are about it); or, if "
                     "your own pages name it, rewrite it as your own unit: its name, summary, tallies and milestones")
    for document in pages:
        if not document.meta.draft:
            kind = "interview" if document.collection == "interviews" else "case study"
            report.error(document.path, *document.yaml.locate(("title",)),
                         f"this is the example {kind} that sitegen init wrote, and the site has {has} now: it "
                         "would be published with them",
                         f"delete {document.path}")
    _init_texts_kept(content, units, pages, has, report)
    for series in content.series.values():
        if series.record.blurb == INIT_SERIES_BLURB:
            report.error(series.path, *series.yaml.locate(("blurb",)),
                         f'blurb: "{INIT_SERIES_BLURB}" is the example blurb that sitegen init wrote, and the site has '
                         f"{has} now: the home page and the series' page would publish it",
                         "write one or two sentences on what the series is about (栏目介绍)")


_INIT_MARK = "示例"
"""A word every text of ``sitegen init``'s examples holds (`sitegen.placeholders.INIT_TEXTS`), looked for first."""


def _init_texts_kept(content: Content, examples: Mapping[str, Sourced[Unit]], example_pages: Sequence[Document],
                     has: str, report: Report) -> None:
    """Error at each text of ``sitegen init``'s examples kept in a unit or published page rewritten as the
    editor's own (``sitegen.placeholders.INIT_TEXTS``, and the example's line of a page's text): 示例镇 renamed
    华新镇 published the example's invented tally as 华新镇's, with its note 示例数据，请换成真实数字。."""
    for unit in content.units.values():
        if unit.record.id not in examples and _INIT_MARK in unit.text:
            for loc, text in init_texts_in("units", unit.yaml.value):
                report.error(unit.path, *unit.yaml.locate(loc),
                             f'{field_name(loc)}: "{text}" is a text of the example unit that sitegen init wrote, '
                             f"and the site has {has} now: the unit's page would publish it"
                             + (", with the example's invented figures" if loc[0] == "tallies" else ""),
                             "write the unit's own: the figures as counted, with where they come from in note:"
                             if loc[0] == "tallies" else "write the unit's own, or delete the line")
    for document in content.interviews + content.cases:
        if document.meta.draft or (_INIT_MARK not in document.front_matter and _INIT_MARK not in document.body
                                   ) or document in example_pages:
            continue  # most pages: no 示例 anywhere (0.15 s at 10,000 pages to look at each line and field)
        for loc, text in init_texts_in(document.collection, document.yaml.value):
            report.error(document.path, *document.yaml.locate(loc),
                         f'{field_name(loc)}: "{text}" is a text of the example that sitegen init wrote, and the '
                         f"site has {has} now: the page would publish it", "write the page's own, in its place")
        for offset, line in enumerate(document.body.split("\n")):
            if line.strip() == _INIT_PAGES[document.collection][1]:
                report.error(document.path, document.body_line + offset, 1,
                             f'"{line.strip()}" is a line of the example that sitegen init wrote, and the site has '
                             f"{has} now: the page would publish it", "write the page's own text in its place")

_INIT_FIGURES = "batches {}, collected {}, escalated {}, resolved {}, in progress {}".format(*INIT_TALLY_FIGURES)


def check_init_figures(content: Content, report: Report) -> None:
    """Warn at each tally of a unit renamed from ``sitegen init``'s example that still holds the example's
    invented figures (`sitegen.placeholders.INIT_TALLY_FIGURES`: batches 12, collected 10, escalated 2,
    resolved 5, in progress 3), whatever its note says (but the example's own: an error already).

    An editor who renames 示例镇 and rewrites its texts makes it their own unit (`check_init_examples`
    tells the texts kept); the figures, dated the day of ``sitegen init``, would be published as the
    unit's: on its page, in the totals and in the open data. A real tally may hold these five figures, so
    this is a warning. The hint names the example's target and milestone too while the unit keeps them
    (`INIT_TARGET`, `INIT_MILESTONE_TITLE` on the tally's day): with the figures, they tell the example.
    The example unit itself (still named 示例镇) is not told: a new site builds as written. Raises nothing.
    """
    for unit in content.units.values():
        record = unit.record
        if record.name == INIT_UNIT_NAME:
            continue
        for index, tally in enumerate(record.tallies):
            if (tally.batches, tally.collected, tally.escalated, tally.resolved,
                    tally.in_progress) != INIT_TALLY_FIGURES or tally.note == INIT_UNIT_NOTE:
                continue  # with the example's note, an error says so (`_init_texts_kept`)
            kept = [f"its target (group: {target.group.value}, target: {target.target:g})"
                    for target in record.targets
                    if (target.group.value, target.target) == INIT_TARGET and target.measured is None]
            kept += [f"its milestone {milestone.title} of {milestone.date.isoformat()}"
                     for milestone in record.milestones
                     if milestone.title == INIT_MILESTONE_TITLE and milestone.date == tally.as_of]
            report.warning(unit.path, *unit.yaml.locate(("tallies", index)),
                           f"this tally of {tally.as_of.isoformat()} ({_INIT_FIGURES}) has the invented figures of "
                           f"the example unit that sitegen init wrote: {record.name}'s page, the totals and the "
                           f"open data would publish them as {record.name}'s",
                           "write the figures as counted, with where they come from in note:; if there are none "
                           'yet, delete the tally (write "tallies: []" if it is the only one)'
                           + (f"; {' and '.join(kept)} {'is' if len(kept) == 1 else 'are'} the example's too, "
                              "to be rewritten or deleted" if kept else ""))


def check_typed_values(content: Content, report: Report) -> None:
    """Warn at each value of a series or unit record that stands for a value not known yet (待定, 暂无, ——),
    or a name wrapped whole in quotes (“赵巷镇”) or holding an odd space (练塘镇　), which its page would publish
    (`sitegen.validation.typed_value_warnings`; a page's are told as it loads). A unit file with errors is
    told too, in the same run.

    Takes the loaded content and the report. Raises nothing.
    """
    for series in content.series.values():
        report.extend(typed_value_warnings(series.path, series.yaml, "the series page", series.text,
                                           collection="series"))
    for unit in content.units.values():
        report.extend(typed_value_warnings(unit.path, unit.yaml, "the unit's page", unit.text,
                                           word_lists=UNIT_WORD_LISTS, collection="units"))
    for path, data in content.failed_units:  # with the file's errors, not a run later
        report.extend(_not_told(typed_value_warnings(path, data, "the unit's page", data.text,
                                                     word_lists=UNIT_WORD_LISTS, collection="units"), report))


def _not_told(problems: Iterable[Problem], report: Report) -> list[Problem]:
    """``problems`` but those at the place of an error in ``report``: a value of a unit file with errors that is
    wrong for its field (``batches: 无``) is told so, and a warning there ("stands for a value not known yet")
    would say it twice."""
    told = {(problem.path, problem.line, problem.column) for problem in report.errors}
    return [problem for problem in problems if (problem.path, problem.line, problem.column) not in told]


def check_placeholders(content: Content, report: Report) -> None:
    """Error at each placeholder of ``sitegen new`` left in a page or record that would be published.

    Takes the loaded content (pages and unit files that failed validation too, a page's text with its
    fields: their other errors do not hide this one) and the report. The placeholders and where each is written are those of
    `sitegen.placeholders` (the interviewee's 受访人姓名, a series' 一两句话介绍本栏目。, the note of a new
    unit's example tally …); a value or a line of a page's text (outside fenced code) is one only when it
    is exactly that text. Drafts (``draft: true``) are never published, so never reported; a page's
    hint offers to keep it a draft. An error, not a warning: template text and invented figures must not
    reach residents, and an error stops the build with the last good output left in place. Raises nothing.
    """
    for document in content.interviews + content.cases:
        if not document.meta.draft:
            # Walking every page's fields cost 17 µs a page (0.17 s a build at 10,000 pages): only
            # a front matter holding a placeholder's text is walked.
            if may_hold_placeholders(document.collection, document.front_matter):
                _report_placeholders(document.path, document.collection, document.yaml, report)
            _report_body_placeholders(document.path, document.collection, document.body, document.body_line,
                                      report)
    for page in content.failed:
        if not _draft_as_typed(page.front_matter):
            _report_placeholders(page.path, page.collection, page.front_matter, report)
            _report_body_placeholders(page.path, page.collection, page.body, page.body_line, report)
    for series in content.series.values():
        _report_placeholders(series.path, "series", series.yaml, report)
    for unit in content.units.values():
        _report_placeholders(unit.path, "units", unit.yaml, report)
    for path, data in content.failed_units:
        _report_placeholders(path, "units", data, report)


def check_plain_text_fields(content: Content, report: Report) -> None:
    """Warn at each field of a page or record that holds Markdown or HTML, which the page would show as typed.

    Takes the loaded content (interviews and case studies, drafts too, series and units, unit files with
    errors too) and the report. Every field is plain text (纯文本); only a page's text is Markdown (`sitegen.plaintext`). One warning a
    field, at its value, with the field's words to write. A warning: the words are all published. Raises
    nothing.
    """
    for document in content.interviews + content.cases:
        if may_hold_markup(document.front_matter):
            _report_markup(document.path, document.yaml, report, has_text=True)
    for series in content.series.values():
        _report_markup(series.path, series.yaml, report, has_text=False)
    for unit in content.units.values():
        _report_markup(unit.path, unit.yaml, report, has_text=False)
    for path, data in content.failed_units:  # with the file's errors, not a run later
        markup = Report()
        _report_markup(path, data, markup, has_text=False)
        report.extend(_not_told(markup.problems, report))


def check_listed_lines(content: Content, report: Report) -> None:
    """Warn at each text field typed over several lines some of which start like a list's items (``note:``
    then ``- 本地居民``, ``outcome:`` then ``1. 路灯已修复``), at the text's start (`sitegen.yamltext.listed_lines`).

    YAML joins a text's lines into one, so the page and the open data show "其中：- 本地居民 - 外来人口" on one
    line, the list gone. Every word is published, so this is a warning; the hint gives the lines of a block
    (``note: |``), which keeps them as typed, as the pages show them. The text may start on its key's line or
    below it, and an item of a list of texts going on over lines is one too (``- |``); a list field given
    one text is left to its own checks. Only fields whose pages keep a block's lines are warned
    (`_LINES_SHOWN`). Takes the loaded content (pages, drafts too, series and units). Raises nothing.
    """
    sources: list[tuple[str, str, int, YamlData, object]] = [
        (document.path, document.front_matter, document.front_matter_line, document.yaml, document.meta)
        for document in content.interviews + content.cases]
    sources += [(series.path, series.text, 1, series.yaml, series.record) for series in content.series.values()]
    sources += [(unit.path, unit.text, 1, unit.yaml, unit.record) for unit in content.units.values()]
    for path, text, first_line, data, record in sources:
        for typed in listed_lines(text, first_line):
            where = next((place for place, at in data.positions.items() if at == (typed.line, typed.column)), None)
            value = _value_at(record, where) if where is not None else None
            if where is None or not isinstance(value, str) or _field_of(where) not in _LINES_SHOWN:
                continue
            lines = ", then ".join(f'"{line}"' for line in typed.block_lines())
            where_typed, further = ('"-"', 'the "-"') if typed.key == "-" else ("colon", typed.key)
            report.warning(path, typed.line, typed.column,
                           f"{field_name(where)}: the lines below it {_LISTED_AS[typed.kind]} "
                           f'("{clip(typed.first_item).replace(chr(9), " ")}") are joined to it as one text, so the '
                           f'page shows them on one line: "{clip(value).replace(chr(9), " ")}"',
                           f'to keep each line as typed, write "|" in place of ">" (">" joins the lines; "|" keeps '
                           f"them): {lines}; leave the lines below it as they are" if typed.folded else
                           f'to keep each line as typed, write "|" after the {where_typed}'
                           f"{' in place of the quotes' if typed.quoted else ''} and the text on the lines below it, "
                           f"two spaces further in than {further}: {lines}")


_LISTED_AS = {"items": "that start like a list's items",
              "rows": "that are rows of cells with TABs between them, as pasted from Excel or WPS (表格)",
              "names": "that each hold a name"}
"""What the lines of each kind of `sitegen.yamltext.ListedLines` are, for its warning."""
_LINES_SHOWN = frozenset({("problem",), ("actions",), ("outcome",), ("blurb",), ("summary",), ("images", "caption"),
                          ("tallies", "note"), ("targets", "note"), ("milestones", "description")})
"""The fields (keys of their path, list indexes left out) whose pages keep a block's lines (the theme's ``lines``
class): a case study's problem, actions and outcome, a series' blurb, a page's or unit's summary, a picture's
caption, a unit's notes and milestone descriptions. A title, name or role is one line (`sitegen.models.parse_line`
refuses a block there), so it is left to that error."""


def _field_of(where: tuple[str | int, ...]) -> tuple[str, ...]:
    """The keys of a YAML path, its list indexes left out (``("tallies", 0, "note")`` → ``("tallies", "note")``)."""
    return tuple(part for part in where if isinstance(part, str))


_FORMULA_START = compile_later(r"[=+@]|-(?![ \t]*\d+(?:\.\d+)?[ \t]*$)")
"""How a cell a spreadsheet program runs as a formula starts (OWASP, "CSV Injection"): "=", "+", "@", or "-" but
for a number alone ("-5"; "-3℃ 寒潮中走访" is no number)."""


def check_formula_texts(content: Content, report: Report) -> None:
    """Warn at each text of a unit file that starts as a spreadsheet formula does (`_FORMULA_START`: ``=HYPERLINK(…)``,
    ``-3℃ 寒潮中走访``).

    A unit's texts (its name, summary, tally and target notes, milestones) go into the open data's CSV
    files as typed, and Excel or WPS opening the file runs such a cell: a formula shows its result instead
    of the text, and a ``HYPERLINK`` sends the reader elsewhere. The pages show it as text. A warning at
    the value: what the editor typed is published either way. A unit file with errors is told too, in the
    same run. Raises nothing.
    """
    told = {(problem.path, problem.line, problem.column) for problem in report.errors}
    for path, data in [(unit.path, unit.yaml) for unit in content.units.values()] + content.failed_units:
        for where, text in texts_in(data.value):
            if _FORMULA_START.match(text.lstrip(" \t")) and re.search(r"\w", text):  # "-" alone: a placeholder
                line, column = data.locate(where)
                if (path, line, column) in told:
                    continue  # a value wrong for its field ("-5" for a count), told so already
                sign = text.lstrip(" \t")[0]
                report.warning(path, line, column,
                               f'{field_name(where)}: the text starts with "{sign}", so a spreadsheet program (Excel, '
                               "WPS) opening the open data's CSV files runs it as a formula (公式) instead of showing it",
                               f'start the text with something other than "{sign}" (or write it in full width, '
                               f'{chr(ord(sign) + 0xFEE0)}, 全角)')


def _value_at(record: object, where: tuple[str | int, ...]) -> object:
    """The value of a record at a path of its YAML (keys and list indexes), or None when it has none there."""
    value = record
    for part in where:
        if isinstance(part, int):
            value = value[part] if isinstance(value, (list, tuple)) and part < len(value) else None
        else:
            value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _report_markup(path: str, data: YamlData, report: Report, *, has_text: bool) -> None:
    for where, text in texts_in(data.value):
        if (found := typed_markup(text)) is not None:
            line, column = data.locate(where)
            report.warning(path, line, column, found.message(field_name(where)), found.hint(has_text))

_PUBLISHED_ON: dict[str, Mapping[str | int, str]] = {
    "interviews": defaultdict(lambda: "the page"), "cases": defaultdict(lambda: "the page"),
    "series": {"blurb": "the home page and the series' page", "publisher": "the series' page"},
    "units": defaultdict(lambda: "the unit's page")}
"""Per collection and first field of a placeholder's path: where it would be published."""
_KEEP_DRAFT = ', or keep "draft: true" until the page is written (草稿)'


def _draft_as_typed(front_matter: YamlData) -> bool:
    """True when a page whose front matter failed validation says ``draft:`` yes, or says it unreadably
    (it may then be meant as a draft: nothing is reported of it)."""
    typed = front_matter.value.get("draft") if isinstance(front_matter.value, dict) else None
    try:
        return typed is not None and parse_bool(typed)
    except ValueError:
        return True


def _report_placeholders(path: str, collection: str, data: YamlData, report: Report) -> None:
    """Report each placeholder in the fields of one page or record (`sitegen.placeholders.placeholders_in`)."""
    for loc, placeholder in placeholders_in(collection, data.value):
        line, column = data.locate(loc)
        told = report.warning if placeholder.warning else report.error
        told(path, line, column, placeholder.said(_PUBLISHED_ON[collection][loc[0]], field_name(loc)),
             placeholder.hint + (_KEEP_DRAFT if collection in ("interviews", "cases") else ""))


def _report_body_placeholders(path: str, collection: str, body: str, body_line: int, report: Report) -> None:
    """Report each line of a page's text (``body``, from file line ``body_line``) that is a placeholder
    (`sitegen.placeholders.BODY_LINES`), outside fenced code; the text is read line by line only when it
    holds one of their texts."""
    if not any(placeholder.text in body for placeholder in BODY_LINES):
        return
    for number, line in outside_fences(body.split("\n"), body_line):
        typed = line.strip()
        for placeholder in BODY_LINES:
            if typed == placeholder.text:
                report.error(path, number, len(line) - len(line.lstrip()) + 1,
                             placeholder.said(_PUBLISHED_ON[collection][""]), placeholder.hint + _KEEP_DRAFT)


def check_repeated_tags(document: Document, report: Report) -> None:
    """Warn at a tag a page gives twice (大调研 and 大调研, or R&D and ｒ＆ｄ): the page would list it twice.

    Takes a loaded interview or case study (drafts too: the warning should come before they are
    published) and the report. Tags are compared as one term of the site's taxonomy
    (`sitegen.models.tag_spelling`). Raises nothing.
    """
    seen: dict[str, int] = {}
    for index, name in enumerate(document.meta.tags):
        first = seen.setdefault(tag_spelling(name), index)
        if first != index:
            earlier = document.meta.tags[first]
            line, column = document.yaml.locate(("tags", index))
            again = "again" if earlier == name else f'again (as "{earlier}" before)'
            report.warning(document.path, line, column, f'the tag "{name}" is given {again}, so the page would '
                           "list it twice", f'delete the second "{name}" from tags')


def check_text_shows(document: Document, report: Report) -> None:
    """Warn when an interview's page would show no text: its body shows no word and no picture.

    Takes a loaded interview (its converted body's count and pictures) and
    the report. The body is blank, or written but all hidden, most often
    inside an HTML comment (``<!-- … -->``, never published; the warning is
    then at the comment). Drafts are not warned about. Raises nothing.
    """
    if document.meta.draft or document.rendered.word_count or document.rendered.images:
        return  # most pages: an int and a tuple looked at, the body text never copied
    body = document.body
    comment = body.find("<!--")
    if not body.strip():
        report.warning(document.path, document.body_line, None, "the interview has no text below its front matter, "
                       "so its page shows only the title and facts", _NO_TEXT_HINT)
        return
    if comment < 0:
        report.warning(document.path, document.body_line, None, "the interview's text shows no words on its page, "
                       "so its page shows only the title and facts", _NO_TEXT_HINT)
        return
    line = document.body_line + body.count("\n", 0, comment)
    column = comment - (body.rfind("\n", 0, comment) + 1) + 1
    report.warning(document.path, line, column,
                   "the interview's text is all inside an HTML comment (<!-- … -->), which is never shown, so "
                   "its page shows only the title and facts",
                   'move the text out of "<!--" … "-->", or add "draft: true" until it is ready (草稿)')


_NO_TEXT_HINT = 'write the interview under the closing "---" line, or add "draft: true" until it is ready (草稿)'


def check_text_figures(document: Document, content: Content, report: Report) -> None:
    """Warn where a page's text gives a figure for a day one slip of the keys from its unit's tally of that day.

    The figures are read by `sitegen.textfigures.dated_figures` from the
    front matter (each line on its own: a summary, a problem) and the body:
    截至4月26日 … 收集问题清单269份 is compared with ``collected`` of the
    tally of 2018-04-26. Only a figure one slip from the tally's is told
    (`sitegen.textfigures.one_slip_apart`: 269 or 286 for 296), and only in a
    text that restates the tally (`_restated_slips`): a text gives other
    figures of the day too, and a village's 13 is one slip from 103. A day the
    unit has no tally of, and a figure the tally leaves out (``batches``),
    are not compared. The warning is at the text's number, and its hint
    names the one to correct (`_text_figure_hint`). The
    rule is the seed article's: its figures are typed twice, in the text
    and in the unit's record, and residents read both.
    """
    if not (may_name_a_day(document.body) or may_name_a_day(document.front_matter)):
        return  # most pages: no day named, nothing to read further
    unit = content.units.get(document.meta.unit)
    if unit is None or not unit.record.tallies:
        return
    tallies = {tally.as_of: (index, tally) for index, tally in enumerate(unit.record.tallies)}
    day = document.meta.date.date()
    # Each front matter line (a summary, a problem) is a text of its own, and so is the body.
    texts = [dated_figures([(number, line)], day)
             for number, line in enumerate(document.front_matter.split("\n"), document.front_matter_line)]
    texts.append(dated_figures(enumerate(document.body.split("\n"), document.body_line), day))
    for figure in sorted(_restated_slips(texts, tallies), key=lambda figure: (figure.line, figure.column)):
        index, tally = tallies[figure.day]
        right = getattr(tally, figure.field)
        line, _ = unit.yaml.locate(("tallies", index, figure.field))
        message = (f"the text gives {figure.typed} for {COUNT_LABELS[figure.field]} as of {figure.day.isoformat()} "
                   f"({figure.words}), but the tally of that day says {figure.field}: {right}, one slip of the keys "
                   f"from it")
        hint = _text_figure_hint(figure, tally, unit.path, line)
        report.warning(document.path, figure.line, figure.column, message, hint)


def _text_figure_hint(figure: TextFigure, tally: Tally, path: str, line: int) -> str:
    """The hint at a text's ``figure`` one slip from the same figure of ``tally`` (of the unit file ``path``, the
    figure's line there ``line``): which of the two to correct.

    A tally that adds up (提交区级 + 已解决 + 办理中 = 收集) is taken as right, so the text is the one mistyped. One
    that does not cannot be right, so the tally is the one to correct, whatever the text says: when the text's
    figure makes it add up, with that figure; else against the source document (原文), with the text's figure if
    the source says it too. "If the tally is right" was offered for a tally that could not be, and followed, the
    text was changed to the tally's wrong figure. A tally's batches are no part of its sum, which then tells
    nothing: either may be mistyped, and the hint says both.
    """
    right = getattr(tally, figure.field)
    parts = {name: getattr(tally, name) for name in TALLY_SUM}
    if figure.field == "batches":
        return (f"one of the two is mistyped: check both against the source document (原文); if the tally is "
                f"right, type {right} here in place of {figure.typed}; if the text is right, correct "
                f"{figure.field}: {right} to {figure.field}: {figure.value} in {path} (line {line})")
    summed = parts["escalated"] + parts["resolved"] + parts["in_progress"]
    sum_words = (f"提交区级 {parts['escalated']} + 已解决 {parts['resolved']} + 办理中 {parts['in_progress']}")
    if summed == parts["collected"]:
        return (f"type {right} here in place of {figure.typed}: the tally adds up ({sum_words} = 收集 "
                f"{parts['collected']}), so the text is the one mistyped; if the source document (原文) says "
                f"{figure.typed}, the tally is the one to correct: its figures in {path} (line {line}), so that they "
                "still add up")
    broken = f"it does not add up ({sum_words} = {summed}, but 收集 is {parts['collected']})"
    mended = {**parts, figure.field: figure.value}
    correct = f"correct {figure.field}: {right} to {figure.field}: {figure.value}"
    if mended["escalated"] + mended["resolved"] + mended["in_progress"] == mended["collected"]:
        return (f"the tally is the one mistyped: {broken}, and with the text's {figure.value} it does: {correct} in "
                f"{path} (line {line}); the text may stay as it is")
    return (f"the tally is the one to correct: {broken}, so it cannot be right: check its figures in {path} against "
            f"the source document (原文), so that they add up; if the source says {figure.typed}, as the text does, "
            f"{correct} (line {line}), and the text may stay as it is")


def check_figures_shown(document: Document, content: Content, today: date, report: Report) -> None:
    """Warn at an interview's ``date:`` when it lies before its unit's first tally and its text gives figures.

    Takes a loaded interview, the content, the build's day and the report. An interview shows its unit's figures
    of its day: the tally in force on its date (`sitegen.site.Entry.tally_then`). Dated before the unit's first
    tally, it shows none, and nothing said so: a year typed wrong (2008-05-25 for 2018-05-25) or a day before the
    first tally left "截至5月20日…188份" in the text with no figures panel (…调研数据) under it.

    The rule: warned when the page is no draft, its unit has tallies, every one of them lies after the page's
    day, and its text (a front matter line, the body) gives figures counted to a day (截至…, read as
    `sitegen.textfigures.dated_figures` reads them). A page before its unit's first tally whose text counts
    nothing is not warned: an interview from before counting began (the campaign's launch) rightly shows no
    figures. Nor is a unit with no tally (there is no panel to miss), a draft (not published) or a case study
    (its panel is its related_tally's, warned of by `check_related_tally`).

    The hint gives the two fixes, the likelier first: the text gives the figures of a later tally (`_tally_told`),
    so the date is mistyped: the day to write, on or after that tally's, with the date one slip of the year
    away when one fits (`_slipped_year`); else the tally of the text's day is missing: ``sitegen new tally``.
    Raises nothing.
    """
    meta = document.meta
    unit = content.units.get(meta.unit)
    if meta.draft or unit is None or not unit.record.tallies:
        return
    day, first = meta.date.date(), min(tally.as_of for tally in unit.record.tallies)
    if day >= first or not (may_name_a_day(document.body) or may_name_a_day(document.front_matter)):
        return
    figures = [figure for number, line in enumerate(document.front_matter.split("\n"), document.front_matter_line)
               for figure in dated_figures([(number, line)], day)]
    figures += dated_figures(enumerate(document.body.split("\n"), document.body_line), day)
    if not figures:
        return
    record = unit.record
    told = next((figure for figure in figures if figure.field == "collected"), figures[0])
    message = (f"the page is published {publish_time_text(meta.date)}, before {record.name}'s first tally "
               f"({first.isoformat()}), so it shows none of {record.name}'s figures: readers find "
               f"\"{told.words}\" in its text with no figures panel ({record.name}调研数据) under it")
    cited = _tally_told(figures, record.tallies)
    new_tally = f"sitegen new tally --unit {record.id} prints one to paste into {unit.path}"
    years = {tally.as_of.year for tally in record.tallies}
    moment = _slipped_year(meta.date, cited.as_of if cited is not None else first, today, years)
    meant = (f" (did you mean {moment.year}? write date: {publish_time_text(moment)})"
             if moment is not None else "")
    if cited is not None:
        hint = (f"its text gives the figures of the tally of {cited.as_of.isoformat()}, so date: is most likely "
                f"mistyped: write the day the page was published, on or after {cited.as_of.isoformat()}{meant}; "
                f"if the date is right, the figures of its own day are missing: add the tally of that day "
                f"({new_tally})")
    else:
        hint = (f"its text gives figures as of {told.day.isoformat()} that no tally of {record.name} has: add that "
                f"tally, as_of: {told.day.isoformat()} with the text's figures ({new_tally}); if date: is mistyped, "
                f"write the day the page was published, on or after {first.isoformat()}{meant}")
    report.warning(document.path, *document.yaml.locate(("date",)), message, hint)


def _tally_told(figures: Sequence[TextFigure], tallies: Sequence[Tally]) -> Tally | None:
    """The tally whose figures ``figures`` (a page's, `sitegen.textfigures.dated_figures`) give, whatever day the
    text names (a year typed wrong in the page's date reads 截至5月20日 in that year): the one with the most of them
    equal to its own, the earliest of equals; None when none is."""
    matched = [(sum(getattr(tally, figure.field) == figure.value for figure in figures), tally) for tally in tallies]
    best = max((count for count, _ in matched), default=0)
    return min((tally for count, tally in matched if count == best), key=lambda tally: tally.as_of) if best else None


def _slipped_year(moment: datetime, after: date, today: date, years: Collection[int]) -> datetime | None:
    """``moment`` with its year changed by one slip of the keyboard (one digit typed for another, two swapped:
    2008 for 2018) into one of ``years`` (the unit's tallies'), so that its day lies on or after ``after`` and not
    after ``today``, when exactly one such year does; else None. A page of the tallies' own year is not offered
    another (2019-04-20 for 2018-04-20, a day typed early, not a year typed wrong)."""
    year = f"{moment.year:04d}"
    slips = swapped_years(moment.year) | {int(year[:place] + digit + year[place + 1:])
                                          for place in range(4) for digit in "0123456789"}
    fitting = []
    for other in sorted((slips & set(years)) - {moment.year}):
        try:
            moved = moment.replace(year=other)
        except ValueError:  # 29 February in a year without it
            continue
        if after <= moved.date() <= today:
            fitting.append(moved)
    return fitting[0] if len(fitting) == 1 else None


RESTATED_FIGURES = 2
"""How many other figures of the tally a text must give exactly, for the day, before a figure one slip from the
tally's is taken for a slip (`check_text_figures`)."""


def _restated_slips(texts: Sequence[Sequence[TextFigure]], tallies: Mapping[date, tuple[int, Tally]]) -> list[TextFigure]:
    """The figures of ``texts`` (each a text's `TextFigure` s) that are slips of the tally of their day.

    A text gives many figures beside its tally's (a village's, a month's, another town's, another count), and a
    part is often one slip from the whole (13 of 103). So a figure is taken for a slip only in a text that restates
    the tally: one that gives, for that day, at least `RESTATED_FIGURES` of the tally's other figures exactly,
    and none of this state equal to the tally's; and only when it is one slip of the keys from the tally's.
    """
    slips = []
    for figures in texts:
        for day in {figure.day for figure in figures} & set(tallies):
            tally = tallies[day][1]
            of_day = [figure for figure in figures if figure.day == day]
            exact = {figure.field for figure in of_day if getattr(tally, figure.field) == figure.value}
            slips += [figure for figure in of_day if figure.field not in exact
                      and len(exact - {figure.field}) >= RESTATED_FIGURES
                      and getattr(tally, figure.field) is not None
                      and one_slip_apart(figure.value, getattr(tally, figure.field))]
    return slips


def check_tally_arithmetic(unit: Sourced[Unit], report: Report) -> None:
    """Error when escalated + resolved + in progress ≠ collected, showing the sums.

    The error is at ``collected``, and its span covers the lines of the four
    figures: any of them may be the one typed wrong.

    Every issue list collected is in exactly one of the three states, so the
    three must add up to the collected count (the seed article: 143 + 103 +
    50 = 296).
    """
    _tally_arithmetic(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report)


def _tally_arithmetic(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report) -> None:
    """`check_tally_arithmetic` over ``(index in the file's tallies list, tally)`` pairs."""
    for index, tally in tallies:
        _tally_sum(path, yaml, index, f"tally of {tally.as_of.isoformat()}",
                   (tally.collected, tally.escalated, tally.resolved, tally.in_progress), report)


def _tally_sum(path: str, yaml: YamlData, index: int, name: str, figures: tuple[int, int, int, int],
               report: Report) -> None:
    """The error of `check_tally_arithmetic` for the tally at ``index`` of the file's list, called ``name`` in
    the message, when its ``figures`` (collected, escalated, resolved, in progress) do not add up."""
    collected, escalated, resolved, in_progress = figures
    total = escalated + resolved + in_progress
    if total != collected:
        line, column = yaml.locate(("tallies", index, "collected"))
        lines = [yaml.locate(("tallies", index, figure))[0] for figure in TALLY_SUM]
        report.error(
            path, line, column,
            f"{name} does not add up: escalated {escalated} + resolved {resolved} + in progress {in_progress} = "
            f"{total}, but collected is {collected}",
            "check the four figures against the source document: 提交区级 + 已解决 + 办理中 must equal 收集",
            span=(min(lines), max(lines)))


def _unsure_tally_sums(path: str, yaml: YamlData, items: object, valid: set[int], report: Report) -> None:
    """`check_tally_arithmetic` for the tallies of a unit file that are not valid (``valid``: the indexes of
    those that are) but whose four figures are counts: a mistyped date or note hid the sum until it was
    mended, and then it was told, a second round. The tally is named by its place and its as_of as typed."""
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if index in valid or not isinstance(item, dict):
            continue
        try:
            figures = tuple(parse_count(item.get(figure)) for figure in TALLY_SUM)
        except PydanticCustomError:
            continue
        typed = item.get("as_of")
        name = f"tally {index + 1}" + (f' (as_of: {typed})' if isinstance(typed, (str, date)) and str(typed) else "")
        _tally_sum(path, yaml, index, name, figures, report)  # type: ignore[arg-type]


def check_empty_tallies(unit: Sourced[Unit], report: Report) -> None:
    """Warn at the ``collected`` of each tally that counts no issue list (collected 0).

    The unit's page and the open data would publish it as the latest figures
    (共收集问题清单0份). It is most often the zeros ``sitegen new`` writes:
    the example tally of a new unit taken into use without its note line,
    which says it is an example, or the first tally ``sitegen new tally``
    prints for a unit, pasted as it is. Zero can be true on a campaign's
    first day, so this is a warning, not an error, and a tally with a note
    (where the figures come from, as the hint asks) is taken as meant; the
    example's note is an error of `check_placeholders` already. Zeros that
    do not add up are `check_tally_arithmetic`'s.
    """
    _empty_tallies(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report)


def _empty_tallies(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report) -> None:
    """`check_empty_tallies` over ``(index in the file's tallies list, tally)`` pairs."""
    for index, tally in tallies:
        if tally.collected != 0 or tally.escalated + tally.resolved + tally.in_progress != 0 or tally.note:
            continue
        line, column = yaml.locate(("tallies", index, "collected"))
        report.warning(path, line, column,
                       f"tally of {tally.as_of.isoformat()} counts no issue list (collected: 0), and the unit's "
                       "page would publish it: 共收集问题清单0份",
                       "write the figures as counted, with a note: saying where they come from (a note also says "
                       "that zeros are meant); if there are none yet and these are the zeros sitegen new writes, "
                       'leave the tally out until there are: delete its lines, or put "# " back at their start, and '
                       'write "tallies: []" if it was the only one')


def check_repeated_tallies(unit: Sourced[Unit], report: Report) -> None:
    """Warn at the ``as_of`` of each tally without a note whose every figure is that of the tally before it.

    ``sitegen new tally`` prints a tally dated today with the latest tally's
    figures, for the editor to change those that changed; pasted and never
    edited, it is published as the figures of a new day. Every figure is
    compared: batches (None, not given, equals only None), collected,
    escalated, resolved and in progress. A unit whose figures did not move
    is possible, so this is a warning, and a note (saying so, as the hint
    asks) is taken as meant, as for `check_empty_tallies`; the note ``sitegen
    new tally`` prints is commented out. Tallies on one date or out of order
    are `check_tally_order`'s errors. Raises nothing.
    """
    _repeated_tallies(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report)


_TALLY_FIGURES = ("batches", "collected", "escalated", "resolved", "in_progress")


def _repeated_tallies(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report) -> None:
    """`check_repeated_tallies` over ``(index in the file's tallies list, tally)`` pairs, each after the one before."""
    for (_, before), (index, after) in zip(tallies, tallies[1:]):
        if after.note or after.as_of <= before.as_of or any(
                getattr(after, name) != getattr(before, name) for name in _TALLY_FIGURES):
            continue
        figures = ", ".join(f"{name.replace('_', ' ')} {getattr(after, name)}" for name in _TALLY_FIGURES
                            if getattr(after, name) is not None)
        report.warning(path, *yaml.locate(("tallies", index, "as_of")),
                       f"tally of {after.as_of.isoformat()} repeats every figure of the tally of "
                       f"{before.as_of.isoformat()} unchanged ({figures}), so the unit's page would publish them as "
                       f"the figures counted on {after.as_of.isoformat()}",
                       f"write the figures as counted on {after.as_of.isoformat()} (sitegen new tally prints the "
                       "latest tally's figures, to be changed where they changed); if nothing changed, say so in "
                       "note:, e.g. note: 与上次统计相比没有变化")


def check_example_targets(unit: Sourced[Unit], report: Report) -> None:
    """Warn at each target without a note whose figures are those of the example target ``sitegen new unit``
    writes (`sitegen.placeholders.EXAMPLE_TARGET_FIGURES`: residents, 80%, 50% reached, measured in the year
    whose last day is the deadline).

    The example is written commented out, with a note saying it is one (an error while it stays). Taken
    into use with that note deleted, nothing else tells it from a real target, and the unit's page and the
    open data would publish an invented target and progress. A real target may be the same, so this is a
    warning, and a note saying where the target comes from (as the hint asks) is taken as meant, as for
    `check_empty_tallies`. Raises nothing.
    """
    _example_targets(unit.path, unit.yaml, list(enumerate(unit.record.targets)), report)


def _example_targets(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], report: Report) -> None:
    """`check_example_targets` over ``(index in the file's targets list, target)`` pairs."""
    group, target, measured = EXAMPLE_TARGET_FIGURES
    for index, item in targets:
        if (item.note or item.group.value != group or item.target != target or item.measured != measured
                or item.measured_as_of is None or item.deadline != date(item.measured_as_of.year, 12, 31)):
            continue
        line, column = yaml.locate(("targets", index))
        report.warning(path, line, column,
                       f"this target (group: {group}, target: {target}, deadline: {item.deadline.isoformat()}, "
                       f"measured: {measured}) has the example figures that sitegen new writes and no note, so the "
                       "unit's page would publish them as the unit's target (覆盖目标) and progress",
                       "write the unit's real target and the share reached, with a note: saying where they come "
                       "from (a note also says that these figures are meant); if the unit has no target yet, "
                       'delete the example\'s lines, or put "# " back at their start, and write "targets: []" if it '
                       "was the only one")


def check_tally_dates(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Error at the ``as_of`` of each tally dated after ``today`` (the build's day, in the site's time zone).

    A tally counts what was collected by a day that has come, so a date
    in the future is a typing mistake, and the build would publish its
    figures as the latest. The hint names the year meant when swapping two
    digits of the year gives a past one (2081 for 2018, `likely_year`) that
    keeps the tallies in date order, one a day (`_fits_between`).
    Milestones and target deadlines may lie ahead and are not checked.
    A tally dated today is accepted; one dated tomorrow is accepted from
    tomorrow on (a build that fails here records nothing, so the next
    build checks again).
    """
    _tally_dates(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), today, report)


def _tally_dates(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], today: date,
                 report: Report) -> None:
    """`check_tally_dates` over ``(index in the file's tallies list, tally)`` pairs."""
    listed = [(index, tally.as_of) for index, tally in tallies]
    for index, tally in tallies:
        if tally.as_of <= today:
            continue
        line, column = yaml.locate(("tallies", index, "as_of"))
        # 2081-04-26 as 2018-04-26 is not meant when another tally has that day or it breaks the list's order
        hint = year_hint("as_of", tally.as_of, today,
                         "write the day the figures were counted (统计日期), today or earlier",
                         keep=lambda day, index=index: _fits_between(listed, index, day))
        report.error(path, line, column,
                     f"tally of {tally.as_of.isoformat()} is dated in the future: a tally counts what was "
                     "collected by a day that has come", hint)


def _fits_between(listed: Sequence[tuple[int, date]], index: int, day: date) -> bool:
    """Whether ``day`` as the date of the tally at ``index`` keeps ``listed`` (``(index, as_of)`` of the tallies)
    oldest first, one tally a day: later than every tally listed before it and earlier than every one after."""
    return all(other < day if at < index else other > day for at, other in listed if at != index)


def check_measured_dates(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Error at the ``measured_as_of`` of each target measured after ``today`` (the build's day, site time zone).

    A measured value is what was reached by a day that has come, as a
    tally's figures are (`check_tally_dates`): a later date is a typing
    slip, and the unit page would show the share as measured on that day.
    The hint names the year meant when swapping two digits of the year
    gives a past one (`likely_year`). A target's ``deadline`` may lie ahead
    and is not checked.
    """
    _measured_dates(unit.path, unit.yaml, list(enumerate(unit.record.targets)), today, report)


def _measured_dates(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], today: date,
                    report: Report) -> None:
    """`check_measured_dates` over ``(index in the file's targets list, target)`` pairs."""
    for index, target in targets:
        day = target.measured_as_of
        if day is None or day <= today:
            continue
        line, column = yaml.locate(("targets", index, "measured_as_of"))
        report.error(path, line, column,
                     f"measured_as_of {day.isoformat()} is in the future: a measured value counts what was "
                     "reached by a day that has come",
                     year_hint("measured_as_of", day, today, "write the day the share was measured (测量日期), today "
                               "or earlier"))


FAR_AHEAD_YEARS = 10
"""A publish date more years ahead than this is taken for a slip of the year (2081 for 2018) and warned."""


def check_far_plans(unit: Sourced[Unit], today: date, report: Report) -> None:
    """Warn at each milestone date and target deadline more than `FAR_AHEAD_YEARS` years after ``today``.

    A milestone ahead is shown as a plan (计划) and a deadline may lie
    ahead, so neither is an error; but 2081 typed for 2018 was published as
    a plan 60 years off, while an interview so far ahead is warned
    (`check_publish_year`) and a tally ahead is an error. The hint names
    the year meant when swapping two digits of the year gives exactly one
    no more than that far ahead (`sitegen.models.swapped_years`).
    """
    _far_plans(unit.path, unit.yaml, list(enumerate(unit.record.milestones)), list(enumerate(unit.record.targets)),
               today, report)


def _far_plans(path: str, yaml: YamlData, milestones: Sequence[tuple[int, Milestone]],
               targets: Sequence[tuple[int, Target]], today: date, report: Report) -> None:
    """`check_far_plans` over ``(index in the file's list, item)`` pairs of milestones and targets."""
    dated: list[tuple[tuple[str | int, ...], str, date]] = [
        (("milestones", index, "date"), "milestone date", milestone.date) for index, milestone in milestones]
    dated += [(("targets", index, "deadline"), "deadline", target.deadline)
              for index, target in targets if target.deadline is not None]
    for place, what, day in dated:
        if day.year - today.year <= FAR_AHEAD_YEARS:
            continue
        near = [year for year in swapped_years(day.year) if year - today.year <= FAR_AHEAD_YEARS]
        try:
            meant = day.replace(year=near[0]).isoformat() if len(near) == 1 else ""
        except ValueError:  # 29 February moved to a year without it
            meant = ""
        report.warning(path, *yaml.locate(place),
                       f"the {what} {day.isoformat()} is more than {FAR_AHEAD_YEARS} years ahead, so the unit's page "
                       "shows it as planned for then",
                       f"did you mean {near[0]}? write {place[-1]}: {meant}" if meant
                       else "check the year against the source document (年份)")


def check_source_publisher(document: Document, report: Report) -> None:
    """Warn when the publisher of a page's source holds the source's web address (``publisher: 上海热线新闻网
    http://…``): the page shows it as part of the name, not as a link, and its data names it as the author.

    Takes a loaded interview or case study and the report. The hint gives
    the name alone and, unless ``url:`` gives that address already, the
    address as ``url:``. Raises nothing.
    """
    source = document.meta.source
    split = named_address(source.publisher) if source is not None else None
    if source is None or split is None:
        return
    name, address = split
    line, column = document.yaml.locate(("source", "publisher"))
    message = (f'{field_name(("source", "publisher"))}: "{clip(source.publisher)}" holds the web address of the '
               f"source, so the page shows it as {'part of ' * bool(name)}the publisher's name, not as a link")
    publisher = f'"  publisher: {name or "…"}"'
    deleted = ("delete the address from the publisher's name" if name
               else "write the publisher's name (发布机构) in place of the address")
    if source.url == address:
        hint = f"{deleted}, as url: gives it: {publisher}"
    elif source.url:
        hint = (f"{deleted}: {publisher}; if it is the source's address, not the one url: gives, write it after "
                f'url: in its place: "  url: {address}"')
    else:
        said = "the name alone after publisher:" if name else "the publisher's name (发布机构) in place of the …"
        hint = f'write {said}, and the address on a line of its own below it: {publisher}, then "  url: {address}"'
    report.warning(document.path, line, column, message, hint)


def _unit_file_dates(unit: Sourced[Unit]) -> Iterator[tuple[tuple[str | int, ...], date]]:
    """Each date of ``unit``'s file, with its path in the file: tallies' ``as_of``, milestones' ``date``, targets'
    ``deadline`` and ``measured_as_of``."""
    record = unit.record
    yield from ((("tallies", index, "as_of"), tally.as_of) for index, tally in enumerate(record.tallies))
    yield from ((("milestones", index, "date"), milestone.date) for index, milestone in enumerate(record.milestones))
    for index, target in enumerate(record.targets):
        for name in ("deadline", "measured_as_of"):
            if getattr(target, name) is not None:
                yield ("targets", index, name), getattr(target, name)


def check_century_slips(content: Content, report: Report) -> None:
    """Warn at a date of a unit file whose year looks typed with the wrong century (1918 for 2018).

    Takes the content and the report. Of every date of the site (the units'
    files and the pages' publish dates), a date is warned when its century
    holds at most half as many as the century most of them lie in, and the
    same year in that century is a year some of them have: 19 typed for 20
    leaves the date in a century of few, next to the year meant. Only years before 1900 are
    refused when read (`sitegen.models.EARLIEST_YEAR`), so 1918-06-30 was
    published unwarned. A date whose year, moved to the others' century,
    no other date has is left alone: an early milestone (1988,
    草莓种植开始) is history, not a slip. A warning: the date may be right.
    Raises nothing.
    """
    dated = [(unit, where, day) for unit in content.units.values() for where, day in _unit_file_dates(unit)]
    days = [day for _, _, day in dated] + [page.meta.date.date() for page in content.interviews + content.cases]
    counted = Counter(day.year // 100 for day in days)
    if len(counted) < 2:
        return
    main = counted.most_common(1)[0][0]
    years = {day.year for day in days if day.year // 100 == main}
    for unit, where, day in dated:
        century, meant = day.year // 100, main * 100 + day.year % 100
        if century == main or counted[century] * 2 > counted[main] or meant not in years:
            continue
        try:
            written = day.replace(year=meant).isoformat()
        except ValueError:  # 29 February in a year without it
            continue
        field = where[-1]
        alone = "the only date" if counted[century] == 1 else f"one of {counted[century]} dates"
        report.warning(unit.path, *unit.yaml.locate(where),
                       f"{field}: {day.isoformat()} is {alone} of the site in the {century}00s, while the "
                       f"{counted[main]} others lie in the {main}00s, so its year is most likely typed with the "
                       "wrong century", f"did you mean {meant}? write {field}: {written} (if {day.year} is right, as "
                       "the source document gives it, leave it: this is a warning)")


def check_publish_year(document: Document, now: datetime, report: Report) -> None:
    """Warn when a page's publish date lies more than `FAR_AHEAD_YEARS` years ahead.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone) and the report. Such a page is scheduled: it is left out of
    every build until that day, and only listed as scheduled, so a year
    typed wrong (2081 for 2018) hides it for decades. The hint names the
    year meant when swapping two digits gives a past one (`likely_year`).
    A draft is not warned about (it is held back anyway). Raises nothing.
    """
    moment = document.meta.date
    if document.meta.draft or moment.year - now.year <= FAR_AHEAD_YEARS:
        return
    line, column = document.yaml.locate(("date",))
    report.warning(document.path, line, column,
                   f"the publish date {publish_time_text(moment)} is more than {FAR_AHEAD_YEARS} years ahead, so the "
                   "page is not published until then",
                   year_hint("date", moment, now.date(), "write the day the page is to be published (发布日期)"))


def check_taken_off(document: Document, now: datetime, published: Callable[[], Mapping[str, str]],
                    report: Report) -> None:
    """Warn when a page the last build published has a publish time still to come: this build takes it off.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone), the files the last build published (`check_content`'s
    ``published``) and the report. A year typed wrong in a published page
    (2028 for 2018) made it scheduled: the build removed it, and every link
    to it gave 404, told only as "scheduled". The hint names the year meant
    (`likely_year`), or the two ways to say what is meant. A draft is
    taken off as asked, and a date more than `FAR_AHEAD_YEARS` ahead is
    told by `check_publish_year`. Raises nothing.
    """
    moment = document.meta.date
    if (document.meta.draft or moment <= now or moment.year - now.year > FAR_AHEAD_YEARS
            or document.path not in published()):
        return
    line, column = document.yaml.locate(("date",))
    report.warning(document.path, line, column,
                   f"the last build published this page, but its publish date {publish_time_text(moment)} is still "
                   "to come, so this build takes it off the site until then, and links to it give 404",
                   year_hint("date", moment, now.date(),
                             "to keep it on the site, write the time it was first published (发布时间) in date:; "
                             "to take it off, write draft: true"))


def check_update_time(document: Document, now: datetime, report: Report) -> None:
    """Refuse a page's ``updated`` time (更新时间) before its publish time; warn of one still to come.

    Takes a loaded interview or case study, the build's time (naive, site
    time zone) and the report. A page cannot be corrected before it was
    published: one of the two was typed wrong, and the page would tell
    readers and feed readers so (an error, at ``updated``). A correction
    dated later than now, on a page already published, would show a day
    not yet come (a warning; the year meant is offered as for a publish
    date, `likely_year`). A page scheduled for later, or a draft, may name
    a later time. A time equal to the publish time is no correction, but
    harmless. Raises nothing.
    """
    meta = document.meta
    if meta.updated is None:
        return
    line, column = document.yaml.locate(("updated",))
    updated, published = publish_time_text(meta.updated), publish_time_text(meta.date)
    if meta.updated < meta.date:
        report.error(document.path, line, column,
                     f"the page is marked updated (更新时间) {updated}, before its publish time {published}",
                     "one of the two is typed wrong: date: is when the page was first published (发布时间), "
                     "updated: when it was last corrected, on or after it; if the page was never changed after "
                     "publishing, delete the updated: line")
    elif meta.updated > now >= meta.date and not meta.draft:
        report.warning(document.path, line, column,
                       f"the page is marked updated (更新时间) {updated}, a time still to come, and every page "
                       "and feed would show it",
                       year_hint("updated", meta.updated, now.date(),
                                 f"write when the page was corrected, on or before today ({now.date().isoformat()})",
                                 keep=lambda moment: moment >= meta.date))


def year_hint(field: str, value: date, today: date, otherwise: str,
              keep: Callable[[date], bool] | None = None) -> str:
    """The hint for a date or time typed in the future: ``did you mean 2018? write date: 2018-05-08 09:30``.

    Takes the field's name as typed in the file (``date``, ``as_of``…), its
    value (a ``date``, or a naive ``datetime`` written as
    `publish_time_text` writes it), the build's day, the hint to give when
    no year is meant, and ``keep``: a test of the value with the year
    meant (same type as ``value``), which may refuse it (a tally's day
    another tally has). The year meant is `likely_year`'s. Returns the hint
    (str). Raises nothing.
    """
    day = value.date() if isinstance(value, datetime) else value
    year = likely_year(day, today)
    if year is None:
        return otherwise
    meant = value.replace(year=year)
    if keep is not None and not keep(meant):
        return otherwise
    written = publish_time_text(meant) if isinstance(meant, datetime) else meant.isoformat()
    return f"did you mean {year}? write {field}: {written}"


def likely_year(day: date, today: date) -> int | None:
    """The year a future ``day`` was most likely meant to have, or None.

    Tries every swap of two digits of the four-digit year (2081 → 2018,
    1082, …) and returns the latest year that puts ``day`` on or before
    ``today`` and is no earlier than 1900 (so 0281 is never offered);
    None when no swap does (2026 typed for a day not yet come).
    """
    best = None
    for year in swapped_years(day.year):
        if best is not None and year <= best:
            continue
        try:
            if day.replace(year=year) <= today:
                best = year
        except ValueError:  # 29 February in a year without it
            continue
    return best


def check_tally_order(unit: Sourced[Unit], report: Report, today: date | None = None,
                      cited: Mapping[date, str] | None = None) -> None:
    """Tallies are listed oldest first, one per date; cumulative counts never fall.

    Takes the unit, the report, the build's day (site time zone; a tally
    dated after it is `check_tally_dates`'s error, left out of the order)
    and ``cited``: each date a case study of the unit gives as its
    ``related_tally``, with that page's path (`cited_tallies`). Two tallies
    on one date, or out of order, are errors; when one tally's date alone
    breaks the order and the figures grow in the order listed, that tally's
    date is the one told as mistyped, with the date meant when a case study
    cites it (`misdated_tally`). A cumulative count (batches, collected,
    escalated, resolved) smaller than in the last earlier tally that gives
    it is a warning naming both values: it can be a correction, but is more
    often a typing mistake. Raises nothing.
    """
    _tally_order(unit.path, unit.yaml, list(enumerate(unit.record.tallies)), report, today=today, cited=cited)


def _tally_order(path: str, yaml: YamlData, tallies: Sequence[tuple[int, Tally]], report: Report,
                 dated: Sequence[tuple[int, date]] | None = None, *, today: date | None = None,
                 cited: Mapping[date, str] | None = None) -> None:
    """`check_tally_order` over ``(index in the file's tallies list, tally)`` pairs, each after the one before.

    ``dated``: ``(index, as_of)`` of every tally whose date could be read, for the order of dates (those
    of the valid ``tallies`` when None): a tally with another field wrong is still out of order.
    """
    dated = [(index, tally.as_of) for index, tally in tallies] if dated is None else dated
    _tally_date_order(path, yaml, dated, tallies, report, today, cited or {})
    last_given: dict[str, Tally] = {}  # per count, the latest tally so far that gives it
    # Lines are located only for a problem: locating reads the file's YAML positions, and most units have none.
    for (_, before), (index, after) in zip(tallies, tallies[1:]):
        if after.as_of <= before.as_of:  # told by the order of dates
            continue
        for name in COUNT_FIELDS:
            if getattr(before, name) is not None:
                last_given[name] = before
            earlier = last_given.get(name)
            if earlier is None:
                continue
            old, new = getattr(earlier, name), getattr(after, name)
            if new is not None and new < old and not _CORRECTION_RE.search(after.note or ""):
                line, column = yaml.locate(("tallies", index, name))
                report.warning(
                    path, line, column,
                    f"{COUNT_LABELS[name]} fell from {old} on {earlier.as_of.isoformat()} to {new} on "
                    f"{after.as_of.isoformat()}; these counts only grow",
                    "check the figure; if it is a correction, say so in the tally's note with the word 更正 "
                    "(correction), which readers see with the figures: the note then stands for this warning")


def _tally_date_order(path: str, yaml: YamlData, dated: Sequence[tuple[int, date]],
                      tallies: Sequence[tuple[int, Tally]], report: Report, today: date | None,
                      cited: Mapping[date, str]) -> None:
    """Error at each tally dated on or before the tally listed before it, of ``(index, as_of)`` pairs.

    A tally dated after ``today`` is told by `_tally_dates` and left out here, so the tally listed after it is
    not blamed for its date. A tally whose date is mistyped (`misdated_tally`) is told so, at its own line.
    """
    dated = [(index, day) for index, day in dated if today is None or day <= today]
    suspects = _date_suspects(dated, tallies, cited, today)
    misdated = _pick_misdated(suspects, cited)
    if misdated is not None:
        report.error(path, *yaml.locate(("tallies", misdated.index, "as_of")), misdated.message(),
                     misdated.hint())
        dated = [(index, day) for index, day in dated if index != misdated.index]
    for (_, before), (index, after) in zip(dated, dated[1:]):
        if after == before:
            message, hint = f"two tallies on {after.isoformat()}", "keep one tally per date: merge them or correct the date"
        elif after < before:
            message = f"tally of {after.isoformat()} is listed after the tally of {before.isoformat()}"
            hint = "list tallies oldest first (按日期从早到晚)"
        else:
            continue
        if len(suspects) == 2 and not _same_figures(tallies, suspects[0].index, suspects[1].index):
            hint = _one_of_two_hint(yaml, *suspects, cited)
        report.error(path, *yaml.locate(("tallies", index, "as_of")), message, hint)


def _same_figures(tallies: Sequence[tuple[int, Tally]], first: int, second: int) -> bool:
    """True when the valid tallies at ``first`` and ``second`` of the file's list give the same figures: one
    tally typed twice, to be merged, not one of two dates mistyped."""
    valid = dict(tallies)
    if first not in valid or second not in valid:
        return False
    return all(getattr(valid[first], name) == getattr(valid[second], name) for name in _TALLY_FIGURES)


def _one_of_two_hint(yaml: YamlData, first: MisdatedTally, second: MisdatedTally, cited: Mapping[date, str]) -> str:
    """The hint at ``second`` when the figures grow as listed but nothing tells which of two dates is mistyped:
    moving a tally, or merging two, would publish figures under the wrong day."""
    line = yaml.locate(("tallies", first.index, "as_of"))[0]
    hint = (f"the figures grow in the order listed, so one of the two dates is mistyped: correct this tally's as_of "
            f"to the day its figures were counted (统计日期), {second.span()}, or that of the tally of "
            f"{first.typed.isoformat()} on line {line}, {first.span()}")
    if first.typed == second.typed:
        hint += f"; if both were counted on {first.typed.isoformat()}, keep the one with the right figures"
    kept = sorted({suspect.typed for suspect in (first, second) if suspect.typed in cited})
    return hint + "".join(f"; {cited[day]} cites {day.isoformat()} (related_tally): keep that date on the tally "
                          "whose figures it means" for day in kept)


@dataclass(frozen=True)
class MisdatedTally:
    """A tally listed in its place among the others, with figures that fit there, but a date that does not.

    ``index`` is its place in the unit file's tallies list, ``typed`` its
    ``as_of``; ``after`` and ``before`` the dates of the tallies listed
    just before and just after it (None at either end), between which its
    date lies; ``shared`` is True when another tally has the date typed;
    ``meant`` is the date most likely meant, one that a case study gives as
    its ``related_tally`` (``cited_by``, its path) and that no tally has,
    or None when no such date lies between.
    """

    index: int
    typed: date
    after: date | None
    before: date | None
    shared: bool
    meant: date | None = None
    cited_by: str = ""

    def place(self) -> str:
        """Where the tally is listed, in words: "between the tallies of A and B" and the like."""
        if self.after is not None and self.before is not None:
            return f"between the tallies of {self.after.isoformat()} and {self.before.isoformat()}"
        if self.after is not None:
            return f"after the tally of {self.after.isoformat()}"
        return f"before the tally of {self.before.isoformat() if self.before else ''}"

    def message(self) -> str:
        """The error told at the tally's ``as_of``."""
        what = f"two tallies on {self.typed.isoformat()}: this one" if self.shared \
            else f"tally of {self.typed.isoformat()}"
        return (f"{what} is listed {self.place()} and its figures fit there, so its date is most likely "
                "mistyped")

    def hint(self) -> str:
        """The fix: the date meant, as a case study cites it, or the days the date lies between."""
        if self.meant is not None:
            return (f"did you mean {self.meant.isoformat()}, the related_tally of {self.cited_by}? write as_of: "
                    f"{self.meant.isoformat()}; that case study's line may stay as it is")
        return f"correct its as_of to the day its figures were counted (统计日期), {self.span()}"

    def span(self) -> str:
        """The days its date lies between, in words: "after A and before B" and the like."""
        return " and ".join(words for words in (
            f"after {self.after.isoformat()}" if self.after else "",
            f"before {self.before.isoformat()}" if self.before else "") if words)


def misdated_tally(dated: Sequence[tuple[int, date]], tallies: Sequence[tuple[int, Tally]],
                   cited: Mapping[date, str], today: date | None = None) -> MisdatedTally | None:
    """The tally whose mistyped ``as_of`` alone breaks the order of a unit's tallies, or None.

    Takes ``(index, as_of)`` of the tallies whose date could be read, in
    list order (none dated after ``today``); ``(index, tally)`` of the valid
    ones, for their figures; and ``cited``: dates case studies of the unit
    give as ``related_tally``, each with a page's path. Of the tallies that
    may be the one (`_date_suspects`): the one between whose neighbours a
    cited date lies that no tally has (the case study cites the date it was
    meant to have); else the only one whose date no case study cites (a
    cited date is taken as right); else the only one. None when nothing
    tells which. Raises nothing.
    """
    return _pick_misdated(_date_suspects(dated, tallies, cited, today), cited)


def _pick_misdated(suspects: Sequence[MisdatedTally], cited: Mapping[date, str]) -> MisdatedTally | None:
    """`misdated_tally`'s choice among ``suspects``."""
    told = [suspect for suspect in suspects if suspect.meant is not None]
    uncited = [suspect for suspect in suspects if suspect.typed not in cited]
    return told[-1] if told else uncited[0] if len(uncited) == 1 else suspects[0] if len(suspects) == 1 else None


def _date_suspects(dated: Sequence[tuple[int, date]], tallies: Sequence[tuple[int, Tally]],
                   cited: Mapping[date, str], today: date | None) -> list[MisdatedTally]:
    """Each tally whose date alone may break the order of dates, as `misdated_tally` takes them.

    The list order is taken as right when every tally's figures could be
    read and no cumulative count falls along it (the figures grow as
    listed); then a suspect is a tally whose removal leaves the dates in
    order. None when the dates are in order, a tally has a wrong field, the
    figures do not grow as listed, or more than one date is out of place.
    """
    days = [day for _, day in dated]
    valid = {index for index, _ in tallies}
    # A tally with a wrong field has no figures to tell where it belongs: the order is not taken on trust.
    if (all(a < b for a, b in zip(days, days[1:])) or any(index not in valid for index, _ in dated)
            or not _counts_grow([tally for _, tally in tallies])):
        return []
    taken = set(days)
    found: list[MisdatedTally] = []
    for place, (index, typed) in enumerate(dated):
        rest = days[:place] + days[place + 1:]
        if not all(a < b for a, b in zip(rest, rest[1:])):
            continue
        after = days[place - 1] if place else None
        before = days[place + 1] if place + 1 < len(days) else None
        between = [day for day in sorted(cited) if day not in taken and (after is None or day > after)
                   and (before is None or day < before) and (today is None or day <= today)]
        meant = between[0] if len(between) == 1 else None
        found.append(MisdatedTally(index, typed, after, before, days.count(typed) > 1, meant,
                                   cited.get(meant, "") if meant else ""))
    return found


def _counts_grow(tallies: Sequence[Tally]) -> bool:
    """True when no cumulative count of ``tallies`` falls from one tally to the next that gives it."""
    for name in COUNT_FIELDS:
        given = [getattr(tally, name) for tally in tallies if getattr(tally, name) is not None]
        if any(new < old for old, new in zip(given, given[1:])):
            return False
    return True


def cited_tallies(content: Content) -> dict[str, dict[date, str]]:
    """For each unit id, the dates its case studies give as ``related_tally``, each with the first page's path.

    Takes the loaded content; raises nothing. A day that does not exist (kept as text) is left out.
    """
    cited: dict[str, dict[date, str]] = defaultdict(dict)
    for document in sorted(content.cases, key=lambda document: document.path):
        related = getattr(document.meta, "related_tally", None)
        if isinstance(related, date):
            cited[document.meta.unit].setdefault(related, document.path)
    return dict(cited)


def _readable_dates(items: object, field: str) -> list[tuple[int, date]]:
    """``(index, date)`` of each item of a YAML list whose ``field`` reads as a date, its other fields aside."""
    if not isinstance(items, list):
        return []
    dated = []
    for index, item in enumerate(items):
        try:
            dated.append((index, parse_date(item.get(field) if isinstance(item, dict) else None)))
        except (PydanticCustomError, ValueError):
            continue
    return dated


_CORRECTION_RE = compile_later(r"更正|修正|纠正|订正|核减|核销|重新打开|撤回|correct|revis", re.IGNORECASE)
"""Words of a tally's note that say a count fell on purpose (a correction): `_tally_order` warns of it no more."""


def check_count_sizes(content: Content, report: Report) -> None:
    """Warn at each count of a tally so large that it is most likely mistyped: digits typed twice, a key held down.

    Takes the content and the report; raises nothing. A count (batches, collected, escalated, resolved, in
    progress) is told, for the first of these that holds (`_size_slip`):

    - it holds one digit other than 0 four times or more in a row and has five digits or more (2966666);
    - it is `_FAR_LARGER` times or more the same count of the unit's tally before it, that one being
      `_COMPARED_FROM` or more (296, then 29600: the figure grows, but not a hundredfold between two tallies);
    - it is `_FAR_LARGER` times or more the largest same count of every other unit of its level (a town's
      29600 beside other towns' 300 at most), that one being `_COMPARED_FROM` or more;
    - it is `_MOST_COUNTED` or more (a district's, `_MOST_COUNTED_DISTRICT`: its figures hold its towns').

    A count past what the open data keeps exactly is an error already (`sitegen.models.LARGEST_COUNT`);
    these are below it. The rule comes from the trial of a slip of a few digits: nothing told it, and it went
    into the totals of the home page and the district's figures. A true count may be as large, so this is a
    warning, and a note with a word saying the figures were checked (`_CHECKED_RE`, 核实) stands for it, as
    更正 does for a count that falls (`check_tally_order`).
    """
    largest: dict[tuple[UnitLevel, str], list[tuple[int, str, str]]] = defaultdict(list)
    for unit in content.units.values():
        for name in _TALLY_FIGURES:
            given = [getattr(tally, name) for tally in unit.record.tallies if getattr(tally, name) is not None]
            if given:
                largest[unit.record.level, name].append((max(given), unit.record.name, unit.path))
    for unit in content.units.values():
        others = {name: max(((value, name_of) for value, name_of, path in largest[unit.record.level, name]
                             if path != unit.path), default=None) for name in _TALLY_FIGURES}
        _count_sizes(unit.path, unit.yaml, unit.record.level, list(enumerate(unit.record.tallies)), others, report)


def _count_sizes(path: str, yaml: YamlData, level: UnitLevel | None, tallies: Sequence[tuple[int, Tally]],
                 others: Mapping[str, tuple[int, str] | None], report: Report) -> None:
    """`check_count_sizes` over ``(index in the file's tallies list, tally)`` pairs of a unit of ``level`` (None
    when it cannot be read: a district's limit is taken, the larger), with ``others``: for each count, the
    largest of the other units of the level and its unit's name (None when there is none)."""
    before: dict[str, Tally] = {}  # per count, the latest tally so far that gives it
    for index, tally in tallies:
        for name in _TALLY_FIGURES:
            value = getattr(tally, name)
            if value is None:
                continue
            slip = _size_slip(value, name, before.get(name), others.get(name), level)
            before[name] = tally
            if slip is None or _CHECKED_RE.search(tally.note or ""):
                continue
            report.warning(path, *yaml.locate(("tallies", index, name)),
                           f"{COUNT_LABELS[name]} {value} in the tally of {tally.as_of.isoformat()} {slip}: most "
                           "likely mistyped, and the unit's page, the totals of the home page and the open data "
                           "would publish it",
                           "check the figure against the source and type it as counted; if it is right, say so in "
                           "the tally's note with the word 核实 (verified), e.g. note: 数字已核实: the note then "
                           "stands for this warning")


def _size_slip(value: int, name: str, before: Tally | None, other: tuple[int, str] | None,
               level: UnitLevel | None) -> str | None:
    """What makes ``value`` (the count ``name`` of a tally) look mistyped, in words for the message, or None.

    Takes the unit's tally before it that gives the count, the largest same count of the other units of the
    level with its unit's name, and the level. The rules are `check_count_sizes`'s, in its order.
    """
    if value >= 10_000 and (run := _HELD_KEY_RE.search(str(value))):
        return f"holds {run.group()}, one digit typed {len(run.group())} times in a row"
    if before is not None and (old := getattr(before, name)) >= _COMPARED_FROM and value >= _FAR_LARGER * old:
        return f"is {value // old} times its {old} of {before.as_of.isoformat()}"
    kind = f"{level.value} ({UNIT_LEVEL_LABELS[level.value]})" if level else "unit"
    if other is not None and other[0] >= _COMPARED_FROM and value >= _FAR_LARGER * other[0]:
        return f"is {value // other[0]} times the most any other {kind} counts, {other[0]} of {other[1]}"
    most = _MOST_COUNTED if level not in (None, UnitLevel.district) else _MOST_COUNTED_DISTRICT
    if value >= most:
        return f"is {most} ({_MOST_WORDS[most]}) or more, far more than one {kind} counts"
    return None


_FAR_LARGER = 100
"""A count this many times the one it is compared with (`check_count_sizes`) is two digits longer: typed twice."""
_COMPARED_FROM = 100
"""A count is compared with another only when that one is this or more: a campaign's first tally may count 3 lists,
and the next 300."""
_MOST_COUNTED = 100_000
"""A count of one unit below a district (a town, a subdistrict, a committee …) that is this or more is told: the
seed article's town counted 296 issue lists in 318 survey batches, and a district's total runs to tens of
thousands."""
_MOST_COUNTED_DISTRICT = 1_000_000
"""`_MOST_COUNTED` for a district, whose figures hold those of its towns."""
_MOST_WORDS = {_MOST_COUNTED: "十万", _MOST_COUNTED_DISTRICT: "一百万"}
_HELD_KEY_RE = compile_later(r"([1-9])\1{3,}")
"""A digit other than 0 four times or more in a row, as a key held down types it (0000 ends round figures)."""
_CHECKED_RE = compile_later(r"核实|核对|核准|无误|属实|verified|checked|confirmed", re.IGNORECASE)
"""Words of a tally's note that say its figures were checked against the source: `check_count_sizes` warns of
them no more."""


def check_milestone_order(unit: Sourced[Unit], report: Report) -> None:
    """Error when milestones are not listed in date order (oldest first)."""
    _milestone_order(unit.path, unit.yaml, [(index, item.date) for index, item in enumerate(unit.record.milestones)],
                     report)


def _milestone_order(path: str, yaml: YamlData, dated: Sequence[tuple[int, date]], report: Report) -> None:
    """`check_milestone_order` over ``(index in the file's milestones list, its date)`` pairs."""
    for (_, before), (index, after) in zip(dated, dated[1:]):
        if after < before:
            line, column = yaml.locate(("milestones", index, "date"))
            report.error(path, line, column,
                         f"milestone of {after.isoformat()} is listed after the one of {before.isoformat()}",
                         "list milestones oldest first (按日期从早到晚)")


def check_repeated_milestones(unit: Sourced[Unit], report: Report) -> None:
    """Warn at each milestone whose date and title an earlier milestone of ``unit`` has (spaces aside): a
    milestone pasted twice, which the unit's page, its timeline and milestones.csv would list twice.

    A warning, as a tag given twice is (`sitegen.validation`): nothing is wrong in either copy. The hint names
    the lines of the second to delete; when the second's description holds more than the first's, it says to
    keep what the second adds.
    Two events of one day have two titles, so they are never told. Raises nothing.
    """
    _repeated_milestones(unit.path, unit.yaml, list(enumerate(unit.record.milestones)), report)


def _repeated_milestones(path: str, yaml: YamlData, milestones: Sequence[tuple[int, Milestone]],
                         report: Report) -> None:
    """`check_repeated_milestones` over ``(index in the file's milestones list, milestone)`` pairs."""
    seen: dict[tuple[date, str], tuple[int, Milestone]] = {}
    for index, milestone in milestones:
        first, kept = seen.setdefault((milestone.date, "".join(milestone.title.split())), (index, milestone))
        if first == index:
            continue
        start, end = yaml.lines_of(("milestones", index))
        lines = f"line {start}" if end <= start else f"lines {start}–{end}"
        report.warning(path, *yaml.locate(("milestones", index, "date")),
                       f'milestone "{clip(milestone.title, 40)}" of {milestone.date.isoformat()} is given twice '
                       f'(the first is milestone {first + 1}, line {yaml.locate(("milestones", first))[0]}), '
                       "so the unit's page would list it twice",
                       f"delete this one ({lines})" if milestone.description in kept.description else
                       f"keep one: move what this one's description adds into the first, then delete this one "
                       f"({lines}); if they are two events, give each its own title")


def check_failed_unit(path: str, data: YamlData, today: date, report: Report,
                      cited: Mapping[date, str] | None = None) -> None:
    """Check the tallies, targets and milestones of a unit file whose fields have errors: all found in one run.

    Takes the unit file's path and its loaded YAML (the record could not be
    made: its errors are reported already), the build's day (site time
    zone) and the report. Each tally, target and milestone that is valid on
    its own is checked as in a valid unit: the tallies add up
    (`check_tally_arithmetic`; so does a tally with another error whose four figures are counts,
    `_unsure_tally_sums`) and are not dated ahead
    (`check_tally_dates`), tallies and milestones are in date order and
    counts do not fall (`check_tally_order`, `check_milestone_order`), a
    tally does not repeat the one before unchanged (`check_repeated_tallies`) and no milestone is listed
    twice (`check_repeated_milestones`), each
    item compared with the valid one before it, no count is so large that it is most likely mistyped
    (`check_count_sizes`, without the comparison with other units), no tally counts nothing without a note
    (`check_empty_tallies`), no target is the example's (`check_example_targets`), no milestone or
    deadline lies decades ahead (`check_far_plans`), and targets as
    `check_targets` checks them, so mending the file's errors brings no new
    message about them; two targets of one group are found even when one of them has another error.
    ``cited``: the dates its case studies give as ``related_tally`` (`cited_tallies`), to tell a mistyped
    tally date the one meant. Raises nothing.
    """
    value = data.value if isinstance(data.value, dict) else {}
    tallies = _valid_items(Tally, value.get("tallies"))
    _tally_arithmetic(path, data, tallies, report)
    _unsure_tally_sums(path, data, value.get("tallies"), {index for index, _ in tallies}, report)
    _tally_dates(path, data, tallies, today, report)
    _tally_order(path, data, tallies, report, _readable_dates(value.get("tallies"), "as_of"), today=today,
                 cited=cited)
    _repeated_tallies(path, data, tallies, report)
    _count_sizes(path, data, _level_of(value.get("level")), tallies, {}, report)
    _empty_tallies(path, data, tallies, report)
    targets = _valid_items(Target, value.get("targets"))
    _targets(path, data, targets, report)
    _target_groups(path, data, _readable_groups(value.get("targets")), report)
    _measured_dates(path, data, targets, today, report)
    _example_targets(path, data, targets, report)
    _milestone_order(path, data, _readable_dates(value.get("milestones"), "date"), report)
    milestones = _valid_items(Milestone, value.get("milestones"))
    _repeated_milestones(path, data, milestones, report)
    _far_plans(path, data, milestones, targets, today, report)


_ItemT = TypeVar("_ItemT", Tally, Target, Milestone)


def _level_of(typed: object) -> UnitLevel | None:
    """The level of a unit file whose record could not be made, as typed (``town``); None when it is no level."""
    try:
        return UnitLevel(choice_value(UnitLevel, str(typed)))
    except ValueError:
        return None


def _valid_items(model: type[_ItemT], items: object) -> list[tuple[int, _ItemT]]:
    """``(index, record)`` of each item of a YAML list that is a valid ``model`` on its own."""
    if not isinstance(items, list):
        return []
    valid = []
    for index, item in enumerate(items):
        try:
            valid.append((index, model.model_validate(item)))
        except ValidationError:
            continue
    return valid


def check_targets(unit: Sourced[Unit], report: Report) -> None:
    """A target's measured value needs its date, its date a measured value, and one group has one target.

    A target or measured value above 0 and up to 1 typed without "%" is a
    warning: it is most likely a share (0.8 for 80%, 1.0 for all), and would
    be shown as 0.8%. A target of 0 is a warning too: a goal every unit meets
    already is most likely a placeholder (a measured 0 is not: nothing
    reached yet).
    """
    _targets(unit.path, unit.yaml, list(enumerate(unit.record.targets)), report)
    _target_groups(unit.path, unit.yaml, [(index, target.group) for index, target in enumerate(unit.record.targets)],
                   report)


def _target_groups(path: str, yaml: YamlData, grouped: Sequence[tuple[int, TargetGroup]], report: Report) -> None:
    """Error at each target whose group an earlier target has, of ``(index in the targets list, group)`` pairs."""
    seen: dict[TargetGroup, int] = {}
    for index, group in grouped:
        if group in seen:
            line, column = yaml.locate(("targets", index, "group"))
            first = seen[group]
            report.error(path, line, column,
                         f'two targets for the group "{group.value}" (the first is target {first + 1}, '
                         f'line {yaml.locate(("targets", first, "group"))[0]})', "keep one target per group")
        seen.setdefault(group, index)


def _readable_groups(items: object) -> list[tuple[int, TargetGroup]]:
    """``(index, group)`` of each item of a targets list whose ``group`` is one, its other fields aside."""
    if not isinstance(items, list):
        return []
    grouped = []
    for index, item in enumerate(items):
        try:
            typed = item.get("group") if isinstance(item, dict) else None
            grouped.append((index, TargetGroup(choice_value(TargetGroup, typed))))
        except ValueError:
            continue
    return grouped


def _targets(path: str, yaml: YamlData, targets: Sequence[tuple[int, Target]], report: Report) -> None:
    """`check_targets` over ``(index in the file's targets list, target)`` pairs, but for the groups."""
    typed_targets = yaml.value.get("targets") if isinstance(yaml.value, dict) else None
    for index, target in targets:
        typed = typed_targets[index] if isinstance(typed_targets, list) and index < len(typed_targets) else {}
        for field in ("target", "measured"):
            value, text = getattr(target, field), (typed.get(field) if isinstance(typed, dict) else None)
            if value is not None and 0 < value <= 1 and isinstance(text, str) and "%" not in text \
                    and "％" not in text:
                line, column = yaml.locate(("targets", index, field))
                meant = format(Decimal(repr(value)) * 100, "f").rstrip("0").rstrip(".")
                # A whole 1 (not 1.0) is as likely 1% as "all": the figure as typed is offered first.
                as_typed, as_share = (f"if {text}% is right, write {text}%",
                                      f"if you meant {meant}%, write {meant} (percent, from 0 to 100)")
                report.warning(path, line, column, f"{field}: {text} is read as {text}%",
                               f"{as_typed}; {as_share}" if text.strip() == "1" else f"{as_share}; {as_typed}")
        if target.target == 0:
            line, column = yaml.locate(("targets", index, "target"))
            report.warning(path, line, column,
                           "target: 0 sets a goal of 0%, which is met before any work is done",
                           "write the share to reach, in percent (e.g. 80 for 80%), or remove this target "
                           "until it is known")
        if target.measured is not None and target.measured_as_of is None:
            line, column = yaml.locate(("targets", index, "measured"))
            report.error(path, line, column, "a measured value needs the date it was measured",
                         "add measured_as_of: YYYY-MM-DD below it")
        if target.measured_as_of is not None and target.measured is None:
            # Published as "暂无实测数据" beside the date of a measurement: the table and targets.csv contradicted it.
            line, column = yaml.locate(("targets", index, "measured_as_of"))
            report.error(path, line, column, "a measured date needs the value measured on it",
                         f"add measured: NN above it, NN being the share reached on "
                         f"{target.measured_as_of.isoformat()} in percent (e.g. measured: 60 for 60%); or, if "
                         "nothing was measured, delete the measured_as_of line")


def check_spreadsheet_ids(content: Content, report: Report) -> None:
    """Warn at each unit file whose id (its file name) a spreadsheet reads as a number or a date.

    The open data publishes the id in the ``unit_id`` column of tallies.csv, targets.csv and
    milestones.csv and the ``id`` column of units.csv, the columns the tables are joined by
    (`sitegen.outputs.opendata`). Opened in a spreadsheet (Excel), an administrative code
    ``310118101000`` shows as 3.10118E+11 and is saved so (codes that differ after the sixth digit
    alike), ``007`` as 7, ``1-12`` as a date (12-Jan): the columns no longer hold the id, nor match
    units.json and the address of the unit's page (`sitegen.models.spreadsheet_reading`). An id of this
    kind names the unit all the same, so this is a warning. The hint offers the pinyin of the name
    (`Content.readings`), when it is no such id and no other unit's, and the id with the pinyin of the
    level before it (``zhen-310118101000``, `sitegen.models.UNIT_LEVEL_PINYIN`), which keeps a code's
    meaning; and names the pages whose ``unit:`` is to be changed with it. Unit files with errors are told
    too. A series' id is published in no data file, and a case study's ``related_tally`` is a date,
    written as one. Raises nothing.
    """
    ids = set(content.units) | {posixpath.splitext(posixpath.basename(path))[0] for path, _ in content.failed_units}
    units = [(unit.path, unit.record.id, unit.record.name, unit.record.level) for unit in content.units.values()]
    for path, data in content.failed_units:
        value = data.value if isinstance(data.value, dict) else {}
        name = value.get("name")
        units.append((path, posixpath.splitext(posixpath.basename(path))[0], name if isinstance(name, str) else "",
                      _level_of(value.get("level"))))
    for path, unit_id, name, level in sorted(units):
        reading = spreadsheet_reading(unit_id)
        if reading is None:
            continue
        offers = []
        pinyin = content.readings.get(name, "")
        if pinyin and pinyin not in ids and spreadsheet_reading(pinyin) is None:
            offers.append(f"{pinyin}.yaml (the pinyin of {name})")
        word = UNIT_LEVEL_PINYIN[level.value] if level is not None else "unit"
        said = f"{word}, {UNIT_LEVEL_LABELS[level.value]}," if level is not None else "a word"
        offers.append(f"{word}-{unit_id}.yaml ({said} before it keeps it text)")
        pages = _pages_naming(content, unit_id)
        report.warning(path, None, None,
                       f'the unit\'s id "{unit_id}" (its file name) is read by a spreadsheet (Excel) as {reading}: '
                       "the open data's unit_id and id columns (tallies.csv, units.csv) would show that, not the "
                       "id, and a table saved from it would no longer join the others",
                       "rename the file to " + " or ".join(offers)
                       + (f', and write the new id in the "unit:" line of {", ".join(pages)}' if pages else ""))


def check_unit_names(content: Content, report: Report) -> None:
    """Error when two unit files give one name: the town would be listed, and counted, twice.

    The district totals add up every unit's latest tally, so a unit file
    copied under a new id (``baihe2.yaml`` beside ``baihe.yaml``) doubles
    its figures without any other sign. Names are compared as readers see
    them: full-width and half-width forms alike (NFKC), spaces left out.
    Units have no parent unit, so two villages of one name in different
    towns must be named apart (白鹤镇新民村) to be told apart on the pages.
    The error is at the ``name`` of each file after the first, in the
    order of their paths.
    """
    first: dict[str, Sourced[Unit]] = {}
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        earlier = first.setdefault(plain_name(unit.record.name), unit)
        if earlier is unit:
            continue
        report.error(unit.path, *unit.yaml.locate(("name",)),
                     f"two units named {unit.record.name} ({earlier.path} and {unit.path}) would be "
                     f"{_twice(earlier, unit)}", "keep one file, or give each unit its own name")


_LEVEL_NOUNS = {"district": "the district (区)", "town": "a town (镇)", "subdistrict": "a subdistrict (街道)",
                "committee": "an office (委办局)", "village": "a village (村)", "community": "a community (社区)",
                "park": "a park (园区)"}
"""What a unit of each level is, as a hint names it: "write level: town if 华新镇 is a town (镇)"."""


def check_unit_levels(content: Content, report: Report) -> None:
    """Warn at the ``level:`` of a unit whose name's ending says another level (华新镇 with ``level: district``).

    Takes the content and the report; raises nothing. The name's level is read as ``sitegen new unit`` reads it
    (`sitegen.models.level_in_name`: 镇 and 乡 a town, 街道 a subdistrict, 村委会 a village, 区 the district …); a
    name that says none is left alone. A level typed wrong changes the pages: a unit of ``level: district`` is
    the district as a whole, whose figures are left out of the totals of the home page and the dashboard beside
    other units' (`sitegen.site.summed_units`: "华新镇是区级单位…不计入合计"), and a district typed as any other
    level is added into them, its towns' lists counted twice; any other level is shown after the name in the
    heading of the unit's page (华新镇（村）). A warning, at the value of ``level:``: a name may be kept though the
    unit is of another level. The hint gives the value the name says.
    """
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        read = level_in_name(unit.record.name)
        level = unit.record.level.value
        if read is None or read[0] == level:
            continue
        meant, word = read
        name, label = unit.record.name, UNIT_LEVEL_LABELS[level]
        typed = str(unit.yaml.value.get("level", level)).strip() if isinstance(unit.yaml.value, dict) else level
        shown = f"{typed} ({label if typed == level else level})"
        if level == "district":
            effect = (f"as a district-level unit (区级单位) its figures are left out of the totals of the home page "
                      f"and the dashboard beside other units' (the pages say {name}是区级单位…不计入合计)")
        elif meant == "district":
            effect = ("its figures are added into the totals of the home page and the dashboard with the other "
                      "units', though a district's figures hold theirs already: they would be counted twice")
        else:
            effect = f"the heading of its page reads {name}（{label}）"
        report.warning(unit.path, *unit.yaml.locate(("level",)),
                       f"level: {shown}, but the name {name} ends in {word}, which says level: {meant} "
                       f"({UNIT_LEVEL_LABELS[meant]}): {effect}",
                       f"write level: {meant} if {name} is {_LEVEL_NOUNS[meant]}, as its name says; if it is "
                       f"{_LEVEL_NOUNS[level]}, correct its name")


def check_shared_unit_names(content: Content, report: Report) -> None:
    """Error at an alias (``aliases``) of a unit that is another unit's name or alias: one name for two units.

    Takes the content and the report; raises nothing. A unit file copied to start another keeps the first
    unit's ``aliases`` (白鹤 in xujing.yaml, copied from baihe.yaml): the name 白鹤 then names both towns in
    the open data, and a page's ``unit: 白鹤`` could mean either. This is not two names that read alike, which
    may be two places (`check_sound_alike_units`): ``distinct_from`` cannot make one name name two units, so
    it does not silence this. Names are compared as `check_unit_names` compares them (`plain_name`); two
    units of one ``name`` are that check's error. The error is at the alias, never at a name: at the alias of
    the unit whose name it is not, else at the copy's (`_copied_from`, as for `check_copied_tallies`), so the
    hint never has the first unit's alias deleted. One error an alias, naming the unit it stays with.
    """
    holders: dict[str, list[tuple[Sourced[Unit], int]]] = defaultdict(list)
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        # -1 stands for the unit's name, the aliases by their place in the list.
        for index, text in enumerate((unit.record.name, *unit.record.aliases), -1):
            key = plain_name(text)
            if key and all(other is not unit for other, _ in holders[key]):
                holders[key].append((unit, index))
    for held in holders.values():
        if len(held) < 2:
            continue
        keeper = _name_keeper(held)
        for unit, index in held:
            if unit is not keeper and index >= 0:
                _error_shared_name(unit, index, keeper, report)


def _name_keeper(held: Sequence[tuple[Sourced[Unit], int]]) -> Sourced[Unit]:
    """Of the units holding one name (``(unit, index)``, -1 for their name), the one it stays with: the first
    whose name it is, else the one the others are copies of (`_copied_from`)."""
    named = [unit for unit, index in held if index < 0]
    if named:
        return named[0]
    keeper = held[0][0]
    for unit, _ in held[1:]:
        if _copied_from(keeper, unit, _names_unit):
            keeper = unit
    return keeper


def _error_shared_name(unit: Sourced[Unit], index: int, keeper: Sourced[Unit], report: Report) -> None:
    """The error of `check_shared_unit_names` at alias ``index`` of ``unit``, a name of ``keeper`` too."""
    alias = unit.record.aliases[index]
    if plain_name(alias) == plain_name(keeper.record.name):
        whose, why = f"the name of {keeper.record.name} ({keeper.path})", ""
    else:
        whose = f"another name of {keeper.record.name} ({keeper.path}) too"
        why = " (a unit file copied from another keeps the other's aliases)"
    left = ", leaving aliases: []" if len(unit.record.aliases) == 1 else ""
    report.error(unit.path, *unit.yaml.locate(("aliases", index)),
                 f"{alias}, another name of {unit.record.name}, is {whose}: one name can name one unit only, and "
                 f"the open data (units.json) would give {alias} to both",
                 f"delete {alias} from aliases: in {unit.path}{left}{why}")


def _twice(first: Sourced[Unit], second: Sourced[Unit]) -> str:
    """What two unit files for one place do to the pages: count its figures twice, or list it twice."""
    if first.record.tallies and second.record.tallies:
        return "counted twice in the district totals"
    return "listed twice among the units"


def check_sound_alike_units(content: Content, report: Report) -> None:
    """Warn when two units' names read the same in pinyin (白鹤镇 and 白河镇, both ``bai-he-zhen``).

    Takes the content (its units and the toneless pinyin of each name and
    alias, made while loading: `sitegen.load.Content.sound_of`) and the
    report. A second unit file for one town, its name typed with a pinyin
    input method that picked the wrong characters (the seed article spells
    白鹤镇 three ways), is the mistake `check_unit_names` cannot see: the
    names differ, and the town is counted twice. A unit's other correct
    names (``aliases``) are compared too: a file named 百鹤 beside 白鹤镇,
    also called 白鹤, is that mistake as well. Two places can share a
    reading, though (白鹤村 and 白河村 in two towns), so this is a warning,
    silenced for a pair when either unit lists the other's id in
    ``distinct_from``. Pairs already reported otherwise are left out: one
    name (`check_unit_names`' error), or one unit listing the other's name
    among its misspellings (`misspelling_clashes`' warning); so is one text
    that both units give (an alias kept by a copied file: one name, not two
    alike, `check_shared_unit_names`' error). The warning is
    at the ``name`` (or the alias) of the later unit in path order, naming
    the earliest unit it is not told apart from; one warning a pair. An
    entry of ``distinct_from`` naming no unit is warned at the entry
    (`_check_distinct_from`). Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    heard: dict[str, list[tuple[Sourced[Unit], str]]] = {}
    for unit in units:
        _check_distinct_from(unit, content, report)
        warned: set[str] = set()
        for index, text in enumerate((unit.record.name, *unit.record.aliases)):
            reading = content.sound_of(text)
            if not reading:
                continue
            alike = heard.setdefault(reading, [])
            # One text of two units is one name, not two alike: `check_shared_unit_names`' error.
            earlier = next(((other, said) for other, said in alike
                            if other is not unit and other.path not in warned and not _told_apart(other, unit)
                            and plain_name(said) != plain_name(text)), None)
            alike.append((unit, text))
            if earlier is not None:
                warned.add(earlier[0].path)
                _warn_sound_alike(earlier, (unit, text), ("name",) if index == 0 else ("aliases", index - 1),
                                  reading, content, report)


_PERIOD = r"(?:第?[0-9一二三四五六七八九十百]+(?:年|月份?|日|号|期|批|次|季度)?)+"
_QUALIFIER_RE = compile_later(rf"[ \t\u3000]*(?:[-—–_－~～]*{_PERIOD}"
                           rf"|[（(【\[](?:{_PERIOD}|汇总|旧|新|副本|复制|更新|补充|[0-9一二三四五六七八九十]+月份?)[）)】\]])")
"""What a name's end looks like when it is a period or round of another unit's name and nothing more: 华新镇（6月）,
华新镇2018年6月, 华新镇二期, 华新镇第二批, 华新镇-2, 华新镇（汇总）. A place or thing of its own named after the town
(华新镇二中, 华新镇2号地块, 华新镇二期动迁安置房, 华新镇（试点）) goes on past the period, or names no period."""


def check_qualified_unit_names(content: Content, report: Report) -> None:
    """Warn at the name of a unit that is another unit's name with a period or round after it (华新镇（6月）).

    Each unit has one file, and each new count is a tally in it (``sitegen new tally``). A second file made
    for the same town's next figures is a unit of its own to sitegen: both are listed, and both latest
    tallies are added into the totals of the home page and the dashboard, so the town's lists are counted
    twice. A name that goes on with a place of its own (华新镇二村, 华新镇社区中心) is no such copy
    (`_QUALIFIER_RE` takes a period and nothing after it), and a pair told apart by ``distinct_from`` is left
    alone, as for `check_sound_alike_units`. Raises nothing.
    """
    by_name = {plain_name(unit.record.name): unit for unit in content.units.values()}
    for unit in sorted(content.units.values(), key=lambda sourced: sourced.path):
        name = plain_name(unit.record.name)
        for base, other in by_name.items():
            rest = name[len(base):]
            if (other is unit or not base or not name.startswith(base) or not rest
                    or not _QUALIFIER_RE.fullmatch(rest) or _told_apart(other, unit)):
                continue
            move = (f"move its tallies under tallies: in {other.path}" if unit.record.tallies
                    else "add its figures there as a tally")
            report.warning(unit.path, *unit.yaml.locate(("name",)),
                           f"the unit name {unit.record.name} is the name of {other.record.name} ({other.path}) with "
                           f'"{_after(unit.record.name, other.record.name, rest)}" after it: a second file for one '
                           f"unit is {_twice(other, unit)}",
                           f"a unit has one file, and each new count is a tally in it: {move} (sitegen new tally "
                           f"--unit {other.record.id} prints one to paste) and delete {unit.path}; if it is another "
                           f"place, add the line distinct_from: [{other.record.id}] to {unit.path}")
            break


def check_copied_tallies(content: Content, report: Report) -> None:
    """Warn at the first tally of a unit that has the date and every figure of a tally of other units.

    A unit file copied to start another one (``huaxin.yaml`` from ``baihe.yaml``, its name changed) keeps the
    first unit's tallies: both are listed with the same figures, and both are added into the totals of the
    home page and the dashboard, so the first unit's lists are counted twice. Every figure is compared, as
    for `check_repeated_tallies` (batches, collected, escalated, resolved, in progress), with the date; the
    notes are not (a copy's town name replaced throughout changes its note too). Two places can
    count the same, so this is a warning, and it is left out where that is likely: a tally whose figures
    are all below `_FEW_LISTS` (three villages may each have counted 3 lists and resolved them), one whose
    lists are all at one stage (12 collected, all 12 resolved), and a district-level unit, whose figures are the district's (its towns' too) and are not added to theirs.
    Units told apart by ``distinct_from`` (either listing the other's id) are left alone, as for
    `check_sound_alike_units`, and so are units whose names read the same, which that check warns of
    already (one warning for one copy). One warning a unit, at the copy (`_copied_from`: never at the
    unit it was copied from, whose hint would have the real figures deleted), naming every unit whose tally
    it repeats, so that one round of the hint silences it. Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    counted: dict[tuple[object, ...], list[Sourced[Unit]]] = defaultdict(list)
    shared: list[tuple[Sourced[Unit], int, tuple[object, ...]]] = []
    for unit in units:
        if unit.record.level == UnitLevel.district:
            continue
        for index, tally in enumerate(unit.record.tallies):
            figures = tuple(getattr(tally, name) for name in _TALLY_FIGURES)
            if max((figure or 0 for figure in figures), default=0) < _FEW_LISTS or sum(
                    bool(getattr(tally, name)) for name in ("escalated", "resolved", "in_progress")) < 2:
                continue
            key = (tally.as_of, *figures)
            if not counted[key] or counted[key][-1] is not unit:  # a unit's tally repeated is another check's
                counted[key].append(unit)
            shared.append((unit, index, key))
    warned: set[str] = set()
    for unit, index, key in shared:
        others = [other for other in counted[key] if other is not unit
                  and not _told_apart(other, unit) and not _read_alike(other, unit, content)
                  and _copied_from(unit, other, _names_unit)]
        if not others or unit.path in warned:
            continue
        warned.add(unit.path)
        _warn_copied_tally(unit, index, others, report)


def _warn_copied_tally(unit: Sourced[Unit], index: int, originals: Sequence[Sourced[Unit]], report: Report) -> None:
    """The warning of `check_copied_tallies` at tally ``index`` of ``unit``, a copy of the tally of ``originals``."""
    tally = unit.record.tallies[index]
    shown = ", ".join(f"{name.replace('_', ' ')} {value}" for name in _TALLY_FIGURES
                      if (value := getattr(tally, name)) is not None)
    names = " and ".join(f"{other.record.name} ({other.path})" for other in originals)
    ids = ", ".join(other.record.id for other in originals)
    report.warning(unit.path, *unit.yaml.locate(("tallies", index, "as_of")),
                   f"this tally of {tally.as_of.isoformat()} has every figure of the tally of {names} of "
                   f"that day ({shown}): "
                   "a unit file copied to start another keeps the first unit's figures, and the totals of "
                   "the home page and the dashboard would add them twice",
                   f"write the figures {unit.record.name} counted (or delete the tallies copied with the "
                   f"file); if the units really counted the same, add the line distinct_from: [{ids}] to "
                   f"{unit.path} (the warning then stops)")


_FiledT = TypeVar("_FiledT", Sourced[Unit], Document)


def _copied_from(copy: _FiledT, original: _FiledT, marked: Callable[[_FiledT, _FiledT], bool]) -> bool:
    """True when ``copy``'s file is taken for the copy of ``original``'s, of two unit files sharing a text or tally
    (or two pages sharing a text).

    ``marked(one, other)`` tells whether something in ``one`` marks it as the copy of ``other``: for units, a
    summary or note naming the other unit (`_names_unit`: 青浦区重固镇。 in anting.yaml); for pages, a file name
    that is the other's with 副本 added, or a text naming the other page's unit (`_page_copy_marks`). The
    evidence, strongest first: what marks one file and not the other; else the newer file is the copy (``cp``
    and 复制 make a new file); else the later in path order. Warnings at the wrong file of the two told the
    editor to delete the figures and texts of the unit (or the text of the page) copied from.
    """
    named, naming = marked(copy, original), marked(original, copy)
    if named != naming:
        return named
    if copy.modified_ns != original.modified_ns:
        return copy.modified_ns > original.modified_ns
    return copy.path > original.path


def _names_unit(unit: Sourced[Unit], other: Sourced[Unit]) -> bool:
    """True when a summary, note or milestone text of ``unit`` names ``other`` (its name or an alias)."""
    own, named = _unit_names(unit.record), _unit_names(other.record)
    return any(_names_other(text, own, named) for text in _own_texts(unit.record))


def _names_other(text: str, own: Sequence[str], named: Sequence[str]) -> bool:
    """True when ``text`` holds one of the names ``named``, once the names ``own`` are taken out of it.

    The own names are taken out first, longest first: 白鹤镇二村's summary names itself, not 白鹤镇.
    """
    for name in sorted(own, key=len, reverse=True):
        text = text.replace(name, "\0")
    return any(name in text for name in named)


def _unit_names(unit: Unit) -> tuple[str, ...]:
    """A unit's name and aliases, as typed, the empty ones left out."""
    return tuple(name for name in (unit.name, *unit.aliases) if name.strip())


def _own_texts(unit: Unit) -> list[str]:
    """The texts of a unit file that describe its own unit: its summary, and the notes of its tallies and
    targets and the titles and descriptions of its milestones."""
    return [unit.summary, *(tally.note for tally in unit.tallies), *(target.note for target in unit.targets),
            *(text for milestone in unit.milestones for text in (milestone.title, milestone.description))]


_FEW_LISTS = 10
"""A tally whose every figure is below this (3 lists collected, 3 resolved) may well be another unit's too."""


def check_copied_summaries(content: Content, report: Report) -> None:
    """Warn at a unit's summary that is another unit's summary word for word.

    A unit file copied to start another (``zhaoxiang.yaml`` from ``baihe.yaml``, only its name changed)
    keeps the first unit's summary: the new unit's page, its list entry and its data then describe the
    first unit (赵巷镇 under "青浦区白鹤镇是…"), with no sign of it. Compared as typed, spaces at the ends
    aside; units whose names read the same are left out (`check_sound_alike_units` warns of the copy). One
    warning a unit, at the copy (`_copied_from`, as for `check_copied_tallies`), naming the first unit in
    path order it was copied from. Raises nothing.
    """
    described: dict[str, list[Sourced[Unit]]] = defaultdict(list)
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    for unit in units:
        if unit.record.summary.strip():
            described[unit.record.summary.strip()].append(unit)
    for unit in units:
        earlier = next((other for other in described.get(unit.record.summary.strip(), ())
                        if other is not unit and not _read_alike(other, unit, content)
                        and _copied_from(unit, other, _names_unit)), None)
        if earlier is None:
            continue
        report.warning(unit.path, *unit.yaml.locate(("summary",)),
                       f"summary: this is the summary of {earlier.record.name} ({earlier.path}) word for word: a "
                       "unit file copied to start another keeps the first unit's texts, and the page of "
                       f"{unit.record.name} would describe {earlier.record.name}",
                       f"write a summary of {unit.record.name} (or delete the summary: "
                       f"{_lines_to_delete(unit.yaml, ('summary',))}); check its milestones, targets and notes too")


def check_copied_pages(content: Content, report: Report, page_url: Callable[[str, str], str],
                       published: Callable[[], Collection[str]] = frozenset) -> None:
    """Warn at the text and at the ``summary:`` of a page (and the ``problem:`` and ``outcome:`` of a case study)
    that are another page's word for word.

    A page copied to start another (``白鹤镇访谈 - 副本.md``, its title, slug and date changed as the error of
    two pages at one address asks) keeps the first page's text and summary: its page publishes the first
    page's interview under the new title, and the lists, the feeds and the description search engines show
    (meta description) repeat the summary, with no other sign. Texts are compared with their spaces and line
    breaks left out (CRLF, a Chinese line wrapped anew, spaces at a line's end); a text or summary shorter than
    `_SHORT_TEXT` characters is left out (正文待补充。 may stand in two pages until they are written, and two
    interviews of one town may well be summed up alike in one short line: a copied one is named in the hint of
    the copied text), and so are drafts, never published. Interviews and case studies are compared together.
    Takes the content, the report, the site path of a page by its collection and slug (``Permalinks.url``) and
    a function giving the page files the last build published (called once, and only when pages share a text:
    it reads the build's address record). One warning a text, at the copy, naming the first page in path
    order it was copied from and that page's address. The copy is told by `_page_copy_marks` (a copy's file
    name, the other page's unit named), else by the last build (the file it published is the original: the
    original edited after the copy was made is the newer file), else as for unit files (`_copied_from`: the
    newer file, else the later name). Raises nothing.
    """
    published = functools.lru_cache(maxsize=1)(published)
    pages = sorted((document for document in content.interviews + content.cases if not document.meta.draft),
                   key=lambda document: document.path)
    # Grouped first by what converting the text gave (kept in the build cache): its size and automatic summary,
    # the same for a text saved with other line endings, wrapped anew or with spaces at its lines' ends. Only
    # the few pages sharing both have their text compared.
    alike: dict[tuple[int, str], list[Document]] = defaultdict(list)
    for document in pages:
        alike[(document.rendered.word_count, document.rendered.summary)].append(document)
    for copy, original in _copies(content, (group for group in alike.values() if len(group) > 1),
                                  lambda document: document.body, _SHORT_TEXT, published):
        _warn_copied_body(copy, original, page_url, report)
    for copy, original in _copies(content, [pages], lambda document: document.meta.summary, _SHORT_TEXT,
                                  published):
        report.warning(copy.path, *copy.yaml.locate(("summary",)),
                       f"summary: this is the summary of {original.path} "
                       f"({page_url(original.collection, original.slug)}) word for word: a page copied to start "
                       "another keeps the first page's texts, and the lists, the feeds and the description search "
                       "engines show (meta description) would repeat it",
                       "write a summary of this page (摘要), or delete the summary: "
                       f"{_lines_to_delete(copy.yaml, ('summary',))} to use the start of its own text")
    cases = [document for document in pages if document.collection == "cases"]
    for field, label in (("problem", "问题"), ("outcome", "成效")):
        for copy, original in _copies(content, [cases], lambda document: getattr(document.meta, field, ""),
                                      _SHORT_TEXT, published):
            # Its text rewritten, a case study begun from a copy still published the other's problem and outcome.
            report.warning(copy.path, *copy.yaml.locate((field,)),
                           f"{field}: this is the {field} of {original.path} "
                           f"({page_url(original.collection, original.slug)}) word for word: a case study copied to "
                           "start another keeps the first one's texts, and its page would show them",
                           f"write this case study's own {field} ({label}); check its actions: too")


def _lines_to_delete(yaml: YamlData, path: tuple[str, ...]) -> str:
    """The lines a field takes, for a hint to delete it: "line", or "line and the 2 lines of its text under it
    (lines 9–11)" for a text typed after "|" or ">" or wrapped (deleting its key's line alone left its text
    joined to the field above)."""
    first, last = yaml.locate_key(path)[0], yaml.lines_of(path)[1]
    if first is None or last <= first:
        return "line"
    count = last - first
    return f"line and the {count} line{'s' if count > 1 else ''} of its text under it (lines {first}–{last})"


_SHORT_TEXT = 50
"""A page's text or summary shorter than this many characters (spaces left out) may be shared by two pages
written apart (正文待补充。; 春节前后解决服务需求，群众比较满意。)."""


def _copies(content: Content, groups: Iterable[list[Document]], text_of: Callable[[Document], str],
            shortest: int, published: Callable[[], Collection[str]]) -> Iterator[tuple[Document, Document]]:
    """``(copy, original)`` for each page of ``groups`` (each in path order) whose ``text_of`` is another page's
    of its group, spaces and line breaks left out, at least ``shortest`` characters long: the original is the
    first page in path order it is taken to be copied from (`check_copied_pages`: `_page_copy_marks`, then
    ``published``, then `_copied_from`)."""
    for group in groups:
        same: dict[str, list[Document]] = defaultdict(list)
        for document in group:
            text = "".join(text_of(document).split())
            if len(text) >= shortest:
                same[text].append(document)
        for text, documents in same.items():
            marked = _page_copy_marks(content, text)

            def copied(page: Document, other: Document) -> bool:
                # The file the last build published is the original, whichever was saved last.
                files = published()
                told_apart = (page.path in files) != (other.path in files)
                if told_apart and marked(page, other) == marked(other, page):
                    return other.path in files
                return _copied_from(page, other, marked)

            for document in documents if len(documents) > 1 else ():
                original = next((other for other in documents
                                 if other is not document and copied(document, other)), None)
                if original is not None:
                    yield document, original


def _page_copy_marks(content: Content, text: str) -> Callable[[Document, Document], bool]:
    """What marks a page as the copy of another for `_copied_from`, of two pages sharing ``text``.

    A page is marked as the copy of the other when its file name is the other's with a copy's word added
    (``… - 副本.md``, `sitegen.recordfiles.copy_suffix`), or when the two name different units and ``text``
    names the other page's unit (its name or an alias, this page's own unit's names taken out): a copy whose
    ``unit:`` was changed keeps the first unit's name in its text.
    """
    def marked(page: Document, other: Document) -> bool:
        if copy_suffix(_stem(page.path), _stem(other.path)) is not None:
            return True
        own, named = content.units.get(page.meta.unit), content.units.get(other.meta.unit)
        return (own is not None and named is not None and own is not named
                and _names_other(text, _unit_names(own.record), _unit_names(named.record)))
    return marked


def _stem(path: str) -> str:
    """A file's name without its folder and ending: ``白鹤镇访谈 - 副本`` of content/interviews/白鹤镇访谈 - 副本.md."""
    return posixpath.splitext(posixpath.basename(path))[0]


def _warn_copied_body(copy: Document, original: Document, page_url: Callable[[str, str], str],
                      report: Report) -> None:
    """The warning of `check_copied_pages` at the first line of the text of ``copy``, whose text is ``original``'s.

    The hint names the summary (one too short for a warning of its own: `check_copied_pages`), the pictures
    (``images:``) and the source (``source:``) when they are the original's too: with only the text written
    anew, the page would still show the first page's summary, pictures and credit.
    """
    body = copy.body
    start = len(body) - len(body.lstrip())
    line = copy.body_line + body.count("\n", 0, start)
    column = start - (body.rfind("\n", 0, start) + 1) + 1
    summary = "".join(copy.meta.summary.split())
    also = ["summary:"] if summary and len(summary) < _SHORT_TEXT and summary == "".join(
        original.meta.summary.split()) else []
    also += [f"{name}:" for name in ("images", "source")
             if getattr(copy.meta, name, None) and getattr(copy.meta, name) == getattr(original.meta, name, None)]
    report.warning(copy.path, line, column,
                   f"this page's text is the text of {original.path} ({page_url(original.collection, original.slug)})"
                   " word for word: a page copied to start another keeps the first page's text, and this page "
                   "would publish the same text",
                   f"write this page's own text (正文) below the front matter, or delete {copy.path} if it was copied by "
                   f"mistake{_still_copied(also, original.path)}")


def _still_copied(fields: Sequence[str], original: str) -> str:
    """The end of the hint of `_warn_copied_body` naming the ``fields`` (``images:`` …) a copy still shares with
    the page at path ``original``; "" for none."""
    if not fields:
        return ""
    if len(fields) == 1:
        return f"; its {fields[0]} is still that of {original}: replace or delete it too"
    return f"; its {', '.join(fields[:-1])} and {fields[-1]} are still those of {original}: replace or delete them too"


def _read_alike(first: Sourced[Unit], second: Sourced[Unit], content: Content) -> bool:
    """True when the two units' names read the same in pinyin (`check_sound_alike_units` warns of them)."""
    reading = content.sound_of(first.record.name)
    return bool(reading) and reading == content.sound_of(second.record.name)


def _after(name: str, base: str, plain_rest: str) -> str:
    """What follows ``base`` in ``name`` as typed, or ``plain_rest`` (compared as readers see it) when the name
    does not start with it as typed (full-width letters, spaces)."""
    return name[len(base):].strip() if name.startswith(base) else plain_rest


def _warn_sound_alike(first: tuple[Sourced[Unit], str], second: tuple[Sourced[Unit], str], loc: tuple[str | int, ...],
                      reading: str, content: Content, report: Report) -> None:
    """The warning of `check_sound_alike_units` for two units, each with the name or alias of it that was heard.

    The hint's file to keep is `_file_to_keep`'s: the figures and the pages' ``unit:`` of the other go into it
    before that one is deleted, so nothing typed is lost and no page is left naming no unit.
    """
    (earlier, said), (unit, text) = first, second
    one, other = earlier.record, unit.record
    if said == one.name and text == other.name:
        both = f"the unit names {one.name} ({earlier.path}) and {other.name} ({unit.path})"
    else:
        both = f"{_known_as(earlier, said)} and {_known_as(unit, text)}"
    kept, dropped, why = _file_to_keep(earlier, unit, content)
    held = [word for word, records in (("tallies", dropped.record.tallies), ("targets", dropped.record.targets),
                                       ("milestones", dropped.record.milestones)) if records]
    # Deleting a file that holds figures would lose them: they are moved into the file kept before it goes.
    move = f"move the {_and_joined(held)} of {dropped.path} into {kept.path}, " if held else ""
    pages = _pages_naming(content, dropped.record.id)
    repoint = (f"change unit: {dropped.record.id} to unit: {kept.record.id} in {_and_joined(pages)}, "
               if pages else "")
    apart = (f"add {one.id} to the distinct_from list of {unit.path}" if other.distinct_from
             else f"add the line distinct_from: [{one.id}] to {unit.path}")
    report.warning(
        unit.path, *unit.yaml.locate(loc),
        f"{both} both read {reading} (同音): if they are one place typed two ways, it is {_twice(earlier, unit)}",
        f"if they are one place, keep one file: e.g. keep {kept.path}, {why}, {move}{repoint}delete {dropped.path} "
        f"and add {dropped.record.name} to the misspellings of {kept.path}; if they are two different places, "
        f"{apart} (the warning then stops)")


def _file_to_keep(first: Sourced[Unit], second: Sourced[Unit],
                  content: Content) -> tuple[Sourced[Unit], Sourced[Unit], str]:
    """Of two unit files that may be one place (`check_sound_alike_units`): the one to keep, the one to delete,
    and why the first is kept, as the hint says it after its path ("which 2 pages name (unit: hua-xin-zhen)").

    Kept is the unit the pages name (``unit:``): deleting it would leave them naming no unit (a second file
    made later, 華新鎮 beside 华新镇, is most often named by nothing). When both or neither are named, the one
    holding more tallies, targets and milestones (the figures typed, fewer to move), then the shorter id
    (hua-xin-zhen before hua-xin-zhen-2, which ``sitegen new`` offered after it), then the first in path order.
    When both are named, the reason names the kept unit's pages too; the hint names the other's to change.
    """
    named = {unit.path: _pages_naming(content, unit.record.id) for unit in (first, second)}

    def rank(unit: Sourced[Unit]) -> tuple[bool, int, int]:
        return not named[unit.path], -_record_count(unit.record), len(unit.record.id)

    kept, dropped = (second, first) if rank(second) < rank(first) else (first, second)
    pages = named[kept.path]
    told = (f"which {len(pages)} pages name (unit: {kept.record.id})" if len(pages) > 1
            else f"which {pages[0]} names (unit: {kept.record.id})" if pages else "")
    if pages and not named[dropped.path]:
        return kept, dropped, told
    held = _record_count(kept.record), _record_count(dropped.record)
    why = (f"which holds more tallies, targets and milestones ({held[0]} against {held[1]})" if held[0] != held[1]
           else "whose id is the shorter" if len(kept.record.id) != len(dropped.record.id)
           else "whose file comes first")
    # Both named: the pages of each are said, those of the other with the unit: to change.
    return kept, dropped, f"{told} and {why}" if told else why


def _record_count(unit: Unit) -> int:
    """How many tallies, targets and milestones a unit holds."""
    return len(unit.tallies) + len(unit.targets) + len(unit.milestones)


def _pages_naming(content: Content, unit_id: str) -> list[str]:
    """The paths of the interviews and case studies whose ``unit:`` is ``unit_id``, in the order loaded."""
    return [document.path for document in content.interviews + content.cases if document.meta.unit == unit_id]


def _and_joined(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _known_as(unit: Sourced[Unit], text: str) -> str:
    """A unit by the name it was heard by: "the unit name 白鹤镇 (path)" or "白鹤, another name of 白鹤镇 (path)"."""
    if text == unit.record.name:
        return f"the unit name {text} ({unit.path})"
    return f"{text}, another name of {unit.record.name} ({unit.path})"


def _told_apart(first: Sourced[Unit], second: Sourced[Unit]) -> bool:
    """True when the pair needs no sound-alike warning: told apart by ``distinct_from``, or reported otherwise."""
    one, other = first.record, second.record
    return (one.id in other.distinct_from or other.id in one.distinct_from
            or plain_name(one.name) == plain_name(other.name)
            or any(name in other.misspellings for name in (one.name, *one.aliases))
            or any(name in one.misspellings for name in (other.name, *other.aliases)))


def _check_distinct_from(unit: Sourced[Unit], content: Content, report: Report) -> None:
    """Warn at each entry of a unit's ``distinct_from`` that names no unit (it then tells nothing apart).

    Several ids typed as one (``distinct_from: baihe, b3`` without brackets, or
    with a full-width comma or 顿号) get the list written out.
    """
    for index, value in enumerate(unit.record.distinct_from):
        if value == unit.record.id:
            report.warning(unit.path, *unit.yaml.locate(("distinct_from", index)),
                           f'distinct_from: "{value}" is this unit\'s own id, which tells it apart from nothing',
                           f"write the id of the other unit whose name reads the same as {unit.record.name}, "
                           "or remove the entry")
            continue
        if value in content.units or ("units", value) in content.broken:
            continue
        report.warning(unit.path, *unit.yaml.locate(("distinct_from", index)),
                       f'distinct_from: there is no unit "{value}"', _distinct_from_hint(value, unit, content))


def _distinct_from_hint(value: str, unit: Sourced[Unit], content: Content) -> str:
    """The fix for a ``distinct_from`` entry ``value`` of ``unit`` that names no unit."""
    parts = [part for part in _ID_SEPARATORS.split(value) if part]
    if len(parts) > 1:
        return f"list the ids in brackets, apart by half-width commas (半角逗号): distinct_from: [{', '.join(parts)}]"
    half = unicodedata.normalize("NFKC", value).strip().lower()
    if half != value and half in content.units:
        return f"{id_case_reason(value)}: {half}"
    stem = value.removesuffix(".yaml").removesuffix(".yml")
    if stem != value and stem in content.units:
        return f"write the id, without {value[len(stem):]}: {stem}"
    # A name or misspelling of this very unit names no other: its id would be "this unit's own id" in turn.
    if value in _names(unit.record) or value in unit.record.misspellings:
        what = "name" if value in _names(unit.record) else "misspelling (misspellings:)"
        return (f"{value} is this unit's own {what}, not another unit: distinct_from lists the other units whose "
                f"names read the same as {unit.record.name}; remove the entry")
    for rid, other in sorted(content.units.items()):
        if value in _names(other.record):
            return f"write the id, not the name: {rid}"
    for rid, other in sorted(content.units.items()):
        if value in other.record.misspellings:
            return f"{value} is a misspelling of {other.record.name}: write its id, {rid}"
    meant = did_you_mean(value, sorted(content.units))
    if meant is not None:
        return f"did you mean {meant}?"
    return (f"write the id of a unit whose name reads the same as {unit.record.name} (its file name in "
            "content/units/ without .yaml), or remove the entry")


_ID_SEPARATORS = compile_later(r"[\s,，、;；]+")


def check_page_titles(content: Content, report: Report) -> None:
    """Warn when two interviews (or two case studies) have one title: readers cannot tell them apart.

    Most often one file is a copy of the other (白鹤镇访谈 - 副本.md, or a
    file renamed by copying) with a slug of its own, so the same interview
    is published twice. Titles are compared as readers see them (as unit
    names are); drafts are left out, since they are not published. The
    warning is at the ``title`` of each file after the first, in the order
    of their paths.
    """
    for documents in (content.interviews, content.cases):
        first: dict[str, Document] = {}
        for document in sorted(documents, key=lambda d: d.path):
            if document.meta.draft:
                continue
            earlier = first.setdefault(plain_name(document.meta.title), document)
            if earlier is document or earlier.slug == document.slug:
                continue  # one URL for both is an error already (`sitegen.load.check_page_urls`)
            kind = "interview" if document.collection == "interviews" else "case study"
            report.warning(document.path, *document.yaml.locate(("title",)),
                           f'another {kind} has the same title "{document.meta.title}": {earlier.path}',
                           "if one file is a copy (副本) of the other, delete it or move it out of content/; if both "
                           "are meant, give each its own title so that readers can tell them apart")


def check_references(document: Document, content: Content, report: Report, today: date | None = None,
                     published: Callable[[], Mapping[str, str]] = dict) -> None:
    """Every id a page names (series, unit, related tally) must exist.

    An id is a record's file name without ``.yaml``; when the page names the
    record by its name instead (``unit: 白鹤镇``), or a unit by one of its
    misspellings or by a name that reads as its name in pinyin (``unit:
    百鹤镇``, `_sounds_like`), the hint gives the id (and a misspelling typed
    there gets no warning of its own: `check_misspellings`). A record whose file exists but has errors is not reported
    again here. ``today`` (the build's day) tells the tallies dated in the future, an error of their unit's, from
    those a related tally may name. ``published`` gives the files the last build published, by path, with their
    titles (`check_content`): a record named whose file is among them was deleted or moved since (`_gone_record`).
    """
    meta = document.meta
    series = getattr(meta, "series", None)
    for kind in ("series", "unit"):
        if getattr(meta, kind, None) == "":
            _empty_reference(document.path, document.yaml, kind, content, report)
    if series and series not in content.series and ("series", series) not in content.broken:
        _missing(document.path, document.yaml, ("series",), "series", series, content, report, published)
    unit = content.units.get(meta.unit)
    if unit is None and ("units", meta.unit) not in content.broken and meta.unit:
        _missing(document.path, document.yaml, ("unit",), "unit", meta.unit, content, report, published)
    related = getattr(meta, "related_tally", None)
    if related is not None:
        check_related_tally(document, related, unit, report, today)


def check_related_tally(document: Document, related: date | str, unit: Sourced[Unit] | None,
                        report: Report, today: date | None = None) -> None:
    """A case study's ``related_tally`` is the ``as_of`` date of one of its unit's tallies.

    Takes the page, its ``related_tally`` (a date, or the text of a day that
    does not exist: `sitegen.models.parse_related_day`), its unit (None when
    the unit is missing or its file has errors, reported elsewhere) and the
    report. A day that does not exist (2018-04-62) is told so, and a date
    that is no tally's is told that; either way the hint gives the unit's
    tally dates to choose from, the one most likely meant first
    (`_related_tally_hint`). Without the unit, only a day that does not
    exist is reported, with `sitegen.models.parse_date`'s hint. A tally
    dated after ``today`` is an error of its unit's (`check_tally_dates`),
    so it is never offered: the hint says to correct that date instead.
    A tally dated after the page's own publish date is a warning
    (`_later_tally`).
    """
    # Located only when told: finding a line means reading the front matter's YAML again.
    if isinstance(related, str):
        message, hint = date_refusal(related)
        if unit is not None:
            hint = _related_tally_hint(unit, date_numbers(related), today, published=document.meta.date.date())
        report.error(document.path, *document.yaml.locate(("related_tally",)), f"related_tally: {message}", hint)
    elif unit is not None and related not in {tally.as_of for tally in unit.record.tallies}:
        tallies = list(enumerate(unit.record.tallies))
        misdated = misdated_tally([(index, tally.as_of) for index, tally in tallies
                                   if today is None or tally.as_of <= today], tallies, {related: document.path}, today)
        slipped = None if misdated is not None and misdated.meant == related else \
            _slipped_tally(unit.record, related, document.meta.date.date(), today)
        hint = (_slipped_tally_hint(unit, slipped, related, document.meta.date.date(), today) if slipped is not None
                else _related_tally_hint(unit, (related.year, related.month, related.day), today,
                                         misdated if misdated is not None and misdated.meant == related else None,
                                         document.meta.date.date()))
        report.error(document.path, *document.yaml.locate(("related_tally",)),
                     f"unit {unit.record.id} has no tally of {related.isoformat()}", hint)
    elif unit is not None and related > document.meta.date.date() and not document.meta.draft:
        _later_tally(document, related, unit, report)


def _one_slip_apart(typed: date, other: date) -> bool:
    """True when ``other`` is ``typed`` with one slip of the keyboard: one digit of its ISO form changed
    (2008-04-26 for 2018-04-26), or two digits of its year swapped (`sitegen.models.swapped_years`)."""
    changed = sum(a != b for a, b in zip(typed.isoformat(), other.isoformat()))
    return changed == 1 or ((other.month, other.day) == (typed.month, typed.day)
                            and other.year in swapped_years(typed.year))


def _unit_dates(unit: Unit, left_out: int) -> list[date]:
    """Every date ``unit``'s file gives but the ``as_of`` of its tally at ``left_out``: the other tallies', the
    milestones', the targets' deadlines and days measured."""
    days = [tally.as_of for index, tally in enumerate(unit.tallies) if index != left_out]
    days += [milestone.date for milestone in unit.milestones]
    days += [day for target in unit.targets for day in (target.deadline, target.measured_as_of) if day is not None]
    return days


def _slipped_tally(unit: Unit, related: date, published: date, today: date | None) -> int | None:
    """The index of ``unit``'s tally whose own ``as_of``, rather than the ``related_tally`` typed, looks
    mistyped, or None.

    That tally's date is one slip of the keyboard from ``related``
    (`_one_slip_apart`) and looks like the slip (`_looks_slipped`). Tallies
    dated after ``today`` are told by their unit (`check_tally_dates`). When
    two tallies fit, nothing tells which.
    """
    found = []
    for index, tally in enumerate(unit.tallies):
        if (today is not None and tally.as_of > today) or not _one_slip_apart(related, tally.as_of):
            continue
        if _looks_slipped(tally.as_of, _unit_dates(unit, index), related, published):
            found.append(index)
    return found[0] if len(found) == 1 else None


def _looks_slipped(slipped: date, others: Sequence[date], related: date, published: date) -> bool:
    """True when a tally's date ``slipped``, one slip from the ``related_tally`` typed, looks like the slip.

    So it does when it lies before every other date ``others`` of the
    unit's file, in a year none of them has (a unit is counted once its
    campaign has begun, and a slip of the year leaves a date alone in a year
    of its own), or when its year is not ``related``'s and it lies before
    ``related``, which lies on or before the page's date ``published`` (a
    case study cites figures counted before it, the nearer the likelier:
    2008-04-26 in the unit, 2018-04-26 in two case studies of 2018-05-03).
    """
    return _alone_first(slipped, others) or slipped.year != related.year and slipped < related <= published


def _alone_first(day: date, others: Sequence[date]) -> bool:
    """True when ``day`` lies before every one of ``others`` (not empty), in a year none of them has."""
    return bool(others) and day < min(others) and day.year not in {other.year for other in others}


def _slipped_tally_hint(unit: Sourced[Unit], index: int, related: date, published: date,
                        today: date | None) -> str:
    """The hint at a ``related_tally`` one slip from the date of ``unit``'s tally at ``index``, whose date looks
    like the slip (`_slipped_tally`): correct that tally's ``as_of`` in the unit file, at its line and column;
    else cite a tally of the unit, saying how much older than the page ``published`` the slipped tally's
    figures are, so that a page of 2018 is not made to cite figures of 2008 untold."""
    slipped = unit.record.tallies[index].as_of
    line, column = unit.yaml.locate(("tallies", index, "as_of"))
    others = _unit_dates(unit.record, index)
    why = f"alone in {slipped.year}, before every other date of the unit" if _alone_first(slipped, others) else \
        f"in an earlier year than this date (this case study is dated {published.isoformat()})"
    told = (f"unit {unit.record.id}'s tally of {slipped.isoformat()} ({unit.path}:{line}:{column}) is one typing "
            f"slip from this date and lies {why}, so its as_of is most likely mistyped: correct it there to "
            f"{related.isoformat()}, and this line may stay as it is")
    cite = (f"if the figures of {slipped.isoformat()} are meant{_older_words(slipped, published)}, write "
            f"related_tally: {slipped.isoformat()}")
    dates = sorted({tally.as_of for place, tally in enumerate(unit.record.tallies)
                    if place != index and (today is None or tally.as_of <= today)})
    if not dates:
        return f"{told}; else, {cite}"
    offered = _offered(unit.record.id, dates, (related.year, related.month, related.day), "the other tally",
                       published)
    return f"{told}; else {offered}; or, {cite}"


def _older_words(day: date, published: date | None) -> str:
    """How much older the figures of ``day`` are than a case study dated ``published``, in brackets, when a year
    or more (" (10 years older than this case study)"); else "". A page of 2018 offered figures of 2008 is told
    so, not only given the date to write."""
    if published is None:
        return ""
    years = published.year - day.year - ((published.month, published.day) < (day.month, day.day))
    return f" ({years} years older than this case study)" if years > 1 else \
        " (a year older than this case study)" if years == 1 else ""


def _later_tally(document: Document, related: date, unit: Sourced[Unit], report: Report) -> None:
    """Warn at a case study's ``related_tally`` dated after the page's own publish date.

    The page shows its 发布时间 with the figures of that tally below it,
    figures that did not exist when it was published (a page dated
    2018-04-01 citing 2018-05-10). The hint offers the latest tally on or
    before the page's date, the one an interview of that date would show
    (README, "Charts"), or, when the figures are meant, a later date. A
    warning, not an error: a case study may be updated with later figures
    and keep its first date. Raises nothing.
    """
    published = document.meta.date
    shown = publish_time_text(published)
    before = [tally.as_of for tally in unit.record.tallies if tally.as_of <= published.date()]
    later_date = f"correct date: to the day the page was published, on or after {related.isoformat()}"
    if before:
        hint = (f"the tally meant is most likely the latest one on or before {published.date().isoformat()}: write "
                f"related_tally: {max(before).isoformat()}; if the figures of {related.isoformat()} are meant, "
                + later_date)
    else:
        hint = (f"unit {unit.record.id} has no tally on or before {published.date().isoformat()}: if the figures "
                f"of {related.isoformat()} are meant, {later_date}; else delete the related_tally line")
    report.warning(document.path, *document.yaml.locate(("related_tally",)),
                   f"related_tally: the tally of {related.isoformat()} is dated after the page's publish date "
                   f"{shown}, so the page would show figures that did not exist when it was published",
                   hint)


def _related_tally_hint(unit: Sourced[Unit], typed: tuple[int, int, int] | None, today: date | None = None,
                        misdated: MisdatedTally | None = None, published: date | None = None) -> str:
    """The hint for a ``related_tally`` that is no tally's date: the tally dates of ``unit``, the one meant first.

    ``typed`` is the year, month and day typed (`sitegen.models.date_numbers`).
    The one meant is `_tally_meant`'s; the others follow in date order.
    Tallies dated after ``today`` (errors of the unit's own) are not offered:
    one of them may be the tally meant, typed with a wrong date. Nor is
    ``misdated``, the unit's tally whose mistyped date is most likely the
    one typed here (`misdated_tally`): its date is to be corrected, and this
    line may stay. ``published``, the case study's date, tells how much
    older the figures of a date offered are (`_older_words`).
    """
    name = unit.record.id
    if misdated is not None and misdated.meant is not None:
        line = unit.yaml.locate(("tallies", misdated.index, "as_of"))[0]
        told = (f"unit {name}'s tally listed {misdated.place()} is dated {misdated.typed.isoformat()}, most likely "
                f"a slip for this date (an error told in {unit.path}, line {line}): if it is the tally meant here, "
                f"correct its as_of there to {misdated.meant.isoformat()}, and this line may stay as it is")
        dates = sorted({tally.as_of for index, tally in enumerate(unit.record.tallies)
                        if index != misdated.index and (today is None or tally.as_of <= today)})
        return f"{told}; else {_offered(name, dates, typed, 'the other tally', published)}" if dates else told
    every = sorted({tally.as_of for tally in unit.record.tallies})
    dates = [day for day in every if today is None or day <= today]
    future = [day.isoformat() for day in every if day not in dates]
    if future:
        told = (f"unit {name}'s tally of {', '.join(future)} is dated in the future (an error told in {unit.path}): "
                f"if it is the tally meant here, correct its as_of there, and this line may stay as it is")
        return f"{told}; else {_offered(name, dates, typed, 'the other tally', published)}" if dates else told
    return _offered(name, dates, typed, published=published) if dates else (
        f"unit {name} has no tally yet: add its tallies to {unit.path}, or delete the related_tally line")


def _offered(name: str, dates: Sequence[date], typed: tuple[int, int, int] | None,
             one: str = "the only tally", published: date | None = None) -> str:
    """`_related_tally_hint`'s choice among the tally dates ``dates`` of unit ``name`` (sorted; not empty);
    ``one`` names a single one. The one date offered says how much older its figures are than the case study
    dated ``published`` (`_older_words`)."""
    meant = _tally_meant(typed, dates) if typed is not None else None
    others = _dates_listed([day for day in dates if day != meant], typed)
    if meant is None:
        if len(dates) == 1:
            return (f"write related_tally: {dates[0].isoformat()}, the as_of date of {one} of unit {name}"
                    + _older_words(dates[0], published))
        return f"use the as_of date of one of the tallies of unit {name}: {others}"
    hint = (f"did you mean {meant.isoformat()}? write related_tally: {meant.isoformat()}"
            + _older_words(meant, published))
    return hint + (f", or the as_of date of another tally of unit {name}: {others}" if others
                   else f" (the as_of date of {one} of unit {name})")


OFFERED_DATES = 6
"""At most this many tally dates are listed in a hint; a unit with more has the ones nearest the date typed."""


def _dates_listed(dates: Sequence[date], typed: tuple[int, int, int] | None) -> str:
    """``dates`` (sorted) as a hint lists them: all of them, or when there are more than `OFFERED_DATES`,
    the ones nearest the date ``typed`` (the latest when it is no date), in order, and how many there are.

    A unit counted every week for years has hundreds of tallies: a hint that listed every date was longer
    than a screen, and the one meant was hard to find in it.
    """
    if len(dates) <= OFFERED_DATES:
        return ", ".join(day.isoformat() for day in dates)
    near = dates[-1]
    # 2018-02-30: the day may be the slip, its month is still near; 0000-02-30 or month 13: no day is.
    for year, month, day in ([typed, (*typed[:2], 28)] if typed is not None else []):
        try:
            near = date(year, month, day)
            break
        except ValueError:
            continue
    nearest = sorted(sorted(dates, key=lambda day: (abs((day - near).days), day))[:OFFERED_DATES - 1])
    listed = ", ".join(day.isoformat() for day in nearest)
    return (f"{'…, ' if nearest[0] != dates[0] else ''}{listed}{', …' if nearest[-1] != dates[-1] else ''} "
            f"({len(dates)} tallies in all; the nearest to the date typed are listed)")


def _tally_meant(typed: tuple[int, int, int], dates: Sequence[date]) -> date | None:
    """The tally date most likely meant by the date ``typed`` as ``(year, month, day)``, which is none of ``dates``.

    Of the tallies of the same year and month, the one whose day is nearest
    (2018-04-62 → 2018-04-26; the earlier of two as near); else the one of
    the day with month and day swapped (2018-26-04 → 2018-04-26), or of the
    same month and day in a year of two digits swapped (2081-04-26 or
    0218-04-26 → 2018-04-26, `sitegen.models.swapped_years`); else None.
    """
    year, month, day = typed
    same_month = [other for other in dates if (other.year, other.month) == (year, month)]
    if same_month:
        return min(same_month, key=lambda other: abs(other.day - day))
    years = swapped_years(year)
    return next((other for other in dates if (other.year, other.month, other.day) == (year, day, month)
                 or (other.year in years and (other.month, other.day) == (month, day))), None)


def check_failed_references(path: str, front_matter: YamlData, content: Content, report: Report,
                            published: Callable[[], Mapping[str, str]] = dict) -> None:
    """An empty ``unit:`` or ``series:`` of a page whose front matter has other errors, or one naming no record,
    told as in a valid page.

    Takes the page's path, its front matter as read (the page could not
    be made: its other errors are reported already), the content and the
    report, and the files the last build published (as `check_references` takes them). An empty id is no
    validation error (`sitegen.models.parse_id`),
    so that its hint can offer the ids there are (`_empty_reference`); an
    id that names no record is told as `check_references` tells it. Told
    here, they are found in the same run as the page's other errors (a
    wrong ``status:`` hid ``unit: 重固`` until it was mended).
    """
    value = front_matter.value if isinstance(front_matter.value, dict) else {}
    for kind in ("series", "unit"):
        if kind in value and (value[kind] is None or (isinstance(value[kind], str) and not value[kind].strip())):
            _empty_reference(path, front_matter, kind, content, report)
            continue
        if not isinstance(value.get(kind), str):
            continue  # not typed, or not text: a validation error of its own
        try:
            typed = parse_text(value[kind]).strip()
        except PydanticCustomError:
            continue  # told by the page's validation
        records, folder = (content.series, "series") if kind == "series" else (content.units, "units")
        if typed and typed not in records and (folder, typed) not in content.broken:
            _missing(path, front_matter, (kind,), kind, typed, content, report, published)


_LISTED_IDS = 5
"""How many ids a hint offers for an empty reference: a site may have hundreds of units."""


def _empty_reference(path: str, yaml: YamlData, kind: str, content: Content, report: Report) -> None:
    """Report ``unit:`` or ``series:`` typed with no id, with the ids there are to write (or how to make one).

    The field is required: removing the line, the fix for an empty
    optional field, would only make it missing.
    """
    report.error(path, *yaml.locate((kind,)), f"{kind}: the value is empty", _ids_offered(kind, content))


def _ids_offered(kind: str, content: Content) -> str:
    """The hint for a ``unit:`` or ``series:`` that names none (empty, or 待定): the ids there are to write,
    or how to make the first record of that kind."""
    folder = "series" if kind == "series" else "units"
    records = content.series if kind == "series" else content.units
    labelled = [(rid, (_names(sourced.record) or [rid])[0]) for rid, sourced in sorted(records.items())]
    if len(labelled) == 1:
        rid, name = labelled[0]
        return f"the only {kind} there is, {name}, has the id {rid}: write {kind}: {rid}"
    if labelled:
        shown = ", ".join(f"{rid} ({name})" for rid, name in labelled[:_LISTED_IDS])
        more = f" (and {len(labelled) - _LISTED_IDS} more in content/{folder}/)" if len(labelled) > _LISTED_IDS else ""
        return (f"write the id of the {kind} (its file name in content/{folder}/ without .yaml) after the colon, "
                f"one of: {shown}{more}")
    what, placeholder = ("the unit's name", "名称") if kind == "unit" else ("the series title", "栏目名称")
    return (f"there is no {kind} yet: create one by running, in the site folder: sitegen new {kind} "
            f"{placeholder} (with {what} in place of {placeholder}), then write {kind}: and the id it gives here")


def _missing(page_path: str, yaml: YamlData, loc: tuple[str, ...], kind: str, value: str,
             content: Content, report: Report, published: Callable[[], Mapping[str, str]] = dict) -> None:
    """Report a reference to a series or unit that does not exist, with the fix, at ``loc`` of the front matter
    ``yaml`` of the page at ``page_path``; ``published`` gives the files the last build published, with their
    titles (`check_content`)."""
    line, column = yaml.locate(loc)
    message = f'there is no {kind} "{value}"'
    records = content.series if kind == "series" else content.units
    half = unicodedata.normalize("NFKC", value).strip().lower()
    if half != value and half in records:  # ｂａｉｈｅ, Baihe: the id meant, typed in full width or with capitals
        hint = f"{id_case_reason(value)}: {loc[0]}: {half}"
    elif (unread := content.unread.get(("series" if kind == "series" else "units", value))) is not None:
        # Offered "sitegen new unit": followed, a second, empty file was made and the real one stayed unread.
        given = unread[1].rpartition(".")[0]
        why = (f"it is not read, as it is written as JSON: rename it to {unread[1]}" if unread[0].endswith(".json")
               else f"it is not read for its name: rename it to {unread[1]} ({SHOW_FILE_ENDINGS} the whole name)")
        hint = (f"{unread[0]} is the file of this {kind}, but {why}"
                + (f", and write {loc[0]}: {given} here" if given != value else ""))
    elif (misnamed := content.misnamed.get(("series" if kind == "series" else "units", value))
          or content.misnamed.get(("series" if kind == "series" else "units", half))) is not None:
        # Offered "sitegen new unit 名称 --id chonggu" beside 重固镇.yaml: followed, the town had two files.
        path, target = misnamed
        hint = (f"{path} is the file of this {kind}, but its file name is not a valid id, so it is not read: rename "
                f"it to {target}.yaml")
        if target == half != value:  # ｃｈｏｎｇｇｕ, Chonggu: the id of the rename, typed in full width or capitals
            hint += f"; and here {id_case_reason(value)}: {loc[0]}: {target}"
        elif target != value:
            hint += f", and write {loc[0]}: {target} here"
    elif (gone := _gone_record(loc[0], kind, value, content, published())) is not None:
        # Its file deleted since the last build: the hint offered another town's id, and 白鹤's figures were
        # published on 重固's interview.
        message, hint = f"{message}: {gone[0]}", gone[1]
    elif (wide := split_wide_note(value)) is not None and wide.value in records:
        # baihe　# 白鹤: the note's warning offered quotes too, which keep it part of the id
        report.error(page_path, line, column, *wide_note_error(loc, wide))
        withdraw_wide_note_warnings(report)
        return
    elif is_stand_in(value):  # 待定 was offered "sitegen new unit 待定": followed, the page left its unit
        hint = f'"{value}" stands for a {kind} not known yet, and a page belongs to one: {_ids_offered(kind, content)}'
    elif kind == "unit" and (failed := _failed_unit_meant(value, content)) is not None:
        hint = failed
    else:
        hint = _noted_reference_hint(loc[0], kind, value, content) or _reference_hint(loc[0], kind, value, content)
    report.error(page_path, line, column, message, hint)


def _failed_unit_meant(value: str, content: Content) -> str | None:
    """The hint for ``unit: value`` naming no unit that is read, when it names one whose file has errors (its
    id, a slip of it, or a name, alias or misspelling typed in that file; in a file YAML cannot read, any text
    of it), or None.

    Such a unit is not among those read, so the hints offered "sitegen new unit 白河镇": followed, the town had two
    files, one of them under its misspelt name. The unit's own errors are told at its file.
    """
    typed = unicodedata.normalize("NFKC", value).strip()
    for path, data in content.failed_units:
        rid = posixpath.splitext(posixpath.basename(path))[0]
        fields = data.value if isinstance(data.value, dict) else {}
        name = fields.get("name") if isinstance(fields.get("name"), str) else rid
        names = [name] + [item for key in ("aliases", "misspellings") if isinstance(fields.get(key), list)
                          for item in fields[key] if isinstance(item, str)]
        slip = near_name(typed.lower(), [rid]) is not None
        if typed in [unicodedata.normalize("NFKC", each).strip() for each in names] or slip:
            return (f"{path} is the file of the unit {name}, whose id is {rid}: write unit: {rid} here; that file has "
                    "errors of its own, told at its lines, and until they are mended the unit is not read")
    for path, text in content.unreadable_units:  # its YAML not read: its names are looked for in its text
        rid = posixpath.splitext(posixpath.basename(path))[0]
        # A name (Chinese) the text holds, or a slip of the id: not any word of it ("town" of level: town).
        if (len(typed) > 1 and not typed.isascii() and typed in unicodedata.normalize("NFKC", text)) \
                or near_name(typed.lower(), [rid]) is not None:
            return (f"{path} holds \"{typed}\", and is most likely the file of this unit, whose id is {rid}: write "
                    f"unit: {rid} here; the file's YAML cannot be read yet (told at its line), and until it is "
                    "mended the unit is not read")
    return None


def _gone_record(key: str, kind: str, value: str, content: Content,
                 published: Mapping[str, str]) -> tuple[str, str] | None:
    """What befell the file of the ``kind`` record ``value`` (``unit`` or ``series``) a page names at ``key``,
    when the last build published it (``published``: its files by path, with their titles or names) and it is
    no longer read: ``(what the message adds, the hint)``; None when the last build had no such file.

    The one record read now under the same name, whose file the last build did not have, is that file renamed:
    renamed back, or its id written in the pages, mends it. Else the file was deleted or moved away: put back,
    it mends the page; the page's ``key:`` is changed only when the record is gone for good (another record's id
    offered first published its figures on this page).
    """
    folder = "series" if kind == "series" else "units"
    rel = next((rel for rel in sorted(published) if rel.rpartition("/")[0] == f"content/{folder}"
                and rel.rpartition("/")[2].rpartition(".")[0] == value), None)
    if rel is None:
        return None
    name = published[rel]
    records = content.series if kind == "series" else content.units
    renamed = [sourced for sourced in records.values()
               if name and name in _names(sourced.record)[:1] and sourced.path not in published]
    shown = f" ({name})" if name else ""
    if len(renamed) == 1:
        now = renamed[0]
        new_id = now.path.rpartition("/")[2].rpartition(".")[0]
        return (f"its file {rel}{shown} was renamed {now.path} since the last build, and a {kind}'s id is its file "
                f"name", f"rename {now.path} back to {rel.rpartition('/')[2]}; or, to keep the new name, write "
                f"{key}: {new_id} here and in every other page that names {value}")
    what = name or value
    return (f"its file {rel}{shown} was deleted or moved since the last build",
            f"put the file back as {rel} (from the recycle bin, 回收站, or from where it was moved); only if {what} "
            f"is no longer a {kind} of the site, write here, after {key}:, the id of the {kind} this page belongs to")


def _reference_hint(key: str, kind: str, value: str, content: Content) -> str:
    """The fix for ``key: value`` naming no series or unit (``kind``): the id of the record meant, by its
    name, a misspelling, its sound or a slip of its id, else how to make the record."""
    folder = "series" if kind == "series" else "units"
    records = content.series if kind == "series" else content.units
    other_kind, others = ("unit", content.units) if kind == "series" else ("series", content.series)
    if value in others:  # series: and unit: swapped (series: chong-gu-zhen): "sitegen new series" was offered
        name = (_names(others[value].record) or [value])[0]
        return (f"{value} is the id of the {other_kind} {name}, not of a {kind}: write it after {other_kind}:, and "
                f"here the id of the {kind}: " + _ids_offered(kind, content))
    named = {name: rid for rid, sourced in records.items() for name in _names(sourced.record)}
    misspelt = next((unit for unit in sorted(content.units.values(), key=lambda unit: unit.path)
                     if value in unit.record.misspellings), None) if kind == "unit" else None
    alike = _sounds_like(value, content) if kind == "unit" and value not in named else []
    if value in named:
        return f"write the id, not the name: {key}: {named[value]}"
    if misspelt is not None:
        name = misspelt.record.name
        return (f"{value} is a misspelling of the unit name {name}: write the id of {name}, not a name: "
                f"{key}: {misspelt.record.id}")
    if len(alike) == 1:
        rid, unit, heard = alike[0]
        known = f"the unit {unit.name}" if heard == unit.name else f"{heard}, another name of the unit {unit.name}"
        return (f"{value} reads the same as {known} ({content.sound_of(value)}): write the id of "
                f"{unit.name}, not a name: {key}: {rid}")
    if alike:
        units = ", ".join(f"{rid} ({unit.name})" for rid, unit, _ in alike)
        return (f"{value} reads the same as {len(alike)} units ({content.sound_of(value)}): write the id of the one "
                f"meant: {units}")
    partly = _named_in_part(value, records)
    if len(partly) == 1:
        rid, name, part = partly[0]
        hint = f"did you mean the {kind} {name}? write its id: {key}: {rid}"
        # 白鹤镇社区 holds 白鹤镇 and may be a unit of its own: the new record stays on offer.
        return hint if part else f"{hint}; or, {_new_record_hint(kind, value, content)}"
    if partly:
        shown = ", ".join(f"{rid} ({name})" for rid, name, _ in partly)
        return f"did you mean one of: {shown}? write the id of the {kind} meant: {key}: and the id"
    if kind == "unit" and records:
        return _unit_id_hint(value, content)
    if records:
        return _id_hint(key, value, sorted(records), folder, content)
    return f"{_new_record_hint(kind, value, content)}; or correct the id"


def _named_in_part(value: str, records: Mapping[str, Sourced[Series]] | Mapping[str, Sourced[Unit]],
                   ) -> list[tuple[str, str, bool]]:
    """The records one of whose names holds ``value`` or is held by it, by id: ``(id, name, whether value is a
    part of that name)``; [] for none.

    Takes a ``unit:`` or ``series:`` naming no record and the records of
    that kind. A series is often called by a part of its title (大调研 for
    大调研微访谈), a unit by its name with the district before it
    (青浦区白鹤镇 for 白鹤镇): each was offered a new record instead. Only
    text of two or more letters not in ASCII (an id typed wrong is
    `_id_hint`'s) is compared, read in half width (NFKC), quotes around it
    (＂大调研＂, 《大调研》) set aside.
    """
    text = unicodedata.normalize("NFKC", value).strip().strip(QUOTE_MARKS + "\"'《》〈〉").strip()
    if text.isascii() or len(text) < 2:
        return []
    found = []
    for rid, sourced in sorted(records.items()):
        name = next((name for name in _names(sourced.record) if text in name or name in text), None)
        if name is not None:
            found.append((rid, (_names(sourced.record) or [name])[0], text in name))
    return found


_ID_WORD = compile_later(r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?")
"""A word of a reference that may be an id (``baihe``, ``baihe-zhen``)."""
_NOTE_MARKS = compile_later(r"[\s,，、;；:：#＃()（）\[\]【】\"'“”‘’。.·_-]+")
"""What stands between the words of a reference typed with a note (spaces, brackets, commas, "#")."""


def _noted_reference_hint(key: str, kind: str, value: str, content: Content) -> str | None:
    """The fix for an id or name typed with a note or another name beside it (``baihe（白鹤镇）``, ``白鹤镇 baihe``,
    ``baihe-zhen（白鹤）``, ``baihe，huaxin``); None for a value that is one word (`_reference_hint` tells it).

    The value is read as words: ids (a-z, 0-9, "-") and the texts between marks. One record named by an
    id or a name among them: that id is to be written alone, and the rest may stay as a comment after
    ``#``. Two or more records named: a page has one, so the hint names each. None named: the hint for
    the first id typed alone (``baihe-zhen`` → did you mean baihe?), never "create a new record" named
    by the whole text.
    """
    ids = _ID_WORD.findall(value)
    texts = [text for text in _NOTE_MARKS.split(_ID_WORD.sub(" ", value)) if text]
    if len(ids) + len(texts) < 2 and (not ids or value.strip() == ids[0]):
        return None
    records = content.series if kind == "series" else content.units
    named = {name: rid for rid, sourced in records.items() for name in _names(sourced.record)}
    found = sorted([(value.find(rid), rid) for rid in ids if rid in records]
                   + [(value.find(text), named[text]) for text in texts if text in named])
    meant = list(dict.fromkeys(rid for _, rid in found))  # in the order typed
    if len(meant) > 1:
        shown = " or ".join(f"{key}: {rid} ({(_names(records[rid].record) or [rid])[0]})" for rid in meant)
        return f"a page names one {kind}, and this names {len(meant)}: write the id of the one meant alone, {shown}"
    if meant:
        rid = meant[0]
        name = (_names(records[rid].record) or [rid])[0]
        note = _NOTE_MARKS.sub(" ", value.replace(rid, " ", 1) if rid in ids else value).strip()
        kept = re.sub(rf"(?<![A-Za-z0-9-]){re.escape(rid)}(?![A-Za-z0-9-])", "", value, count=1, flags=re.IGNORECASE)
        kept = re.sub(r"[（(【\[][ \u3000]*[）)】\]]", "", kept)
        kept = kept.strip(" \t\u3000#＃,，、;；:：-_")  # 白鹤镇（baihe）: the note is 白鹤镇, not 白鹤镇（）
        kept += "）" * (kept.count("（") - kept.count("）"))  # a bracket left open: closed in the note
        keep = f"; to keep the note, put it after a space and #: {key}: {rid} # {kept}" if note else ""
        return (f"write the id alone: {key}: {rid} (the {kind} {name}); what is typed beside an id is read as part "
                f"of it{keep}")
    if not ids or not texts:  # ASCII words alone (Hua Xin) are an id typed another way: `_reference_hint`'s
        return None
    return f"{_reference_hint(key, kind, ids[0], content)} (what is typed after the id is read as part of it)"


def _new_record_hint(kind: str, value: str, content: Content) -> str:
    """How to create the record a page names when no record is it: the ``sitegen new`` command to run.

    ``value`` is the ``unit:`` or ``series:`` typed. An id (``xinzhuang``)
    is given to ``--id``, with the name to type in its place; one that is
    no id (``Xin_Zhuang``) becomes one, which the page must then name; a
    unit's name (新庄镇) is the name to give, and its pinyin the id to write
    (`sitegen.load.Content.sound_of`, as ``sitegen new unit`` makes it).
    The command is run in the site folder (where ``sitegen new`` looks by
    default), which ``sitegen check --site DIR`` may not have been.
    """
    what = "the unit's name" if kind == "unit" else "the series title"
    placeholder = "名称" if kind == "unit" else "栏目名称"
    # An id typed in full width (ｃｈｏｎｇｇｕ) is an id all the same: "sitegen new unit ｃｈｏｎｇｇｕ" made a unit
    # named ｃｈｏｎｇｇｕ, with a page of its own beside the town's.
    half = unicodedata.normalize("NFKC", value).strip()
    typed = half if half.isascii() else value
    record_id = ascii_id(typed) if typed.isascii() else content.sound_of(typed) if kind == "unit" else ""
    if not typed.isascii():
        command = f"sitegen new {kind} {command_word(value)}"
    else:
        given = f" --id {record_id}" if record_id else ""
        command = f"sitegen new {kind} {placeholder}{given} (with {what} in place of {placeholder})"
    then = (f", then write {kind}: {record_id} here" if record_id and record_id != value
            else f", then write {kind}: and the id it gives here" if not record_id else "")
    folder = "series" if kind == "series" else "units"
    file = f"content/{folder}/{record_id}.yaml" if record_id else "its file"
    return f"if {value} is a new {kind}, create {file} by running, in the site folder: {command}{then}"


def _sounds_like(value: str, content: Content) -> list[tuple[str, Unit, str]]:
    """The units whose name or an alias reads as ``value`` does (白河镇 for 白鹤镇), by id; [] for none.

    Returns ``(id, record, the name or alias heard)`` for each. ``value`` is a ``unit:`` naming no
    unit; its reading is known when it is not ASCII (`sitegen.load.Content.sound_of`).
    """
    reading = content.sound_of(value)
    if not reading:
        return []
    found = []
    for rid, sourced in sorted(content.units.items()):
        heard = next((name for name in (sourced.record.name, *sourced.record.aliases)
                      if content.sound_of(name) == reading), None)
        if heard is not None:
            found.append((rid, sourced.record, heard))
    return found


def _unit_id_hint(value: str, content: Content) -> str:
    """The fix for ``unit: value`` naming no unit (and no unit's name): the unit meant, by its id or its name.

    A unit's file renamed (``hua-xin-zhen.yaml`` → ``huaxin.yaml``) leaves
    its pages naming the old id, which is most often the pinyin of the
    unit's name (the id ``sitegen new unit`` gives): the hint names the
    file and both fixes. Else the id meant, by `did_you_mean`, or with
    hyphens, underscores and spaces set aside, by the id or the pinyin of
    the unit's name or an alias (``huaxin`` and ``hua_xin_zhen`` for
    ``hua-xin-zhen``, 华新镇; `_unit_by_letters`), and, when no page names that one and two or more
    name ``value``, the file's old name to give back; else `_new_unit_hint`'s.
    """
    ids = sorted(content.units)
    folded = value.strip().lower()
    renamed = [(rid, unit.record) for rid, unit in sorted(content.units.items())
               if folded and folded == content.sound_of(unit.record.name) and rid != folded]
    if len(renamed) == 1:
        rid, unit = renamed[0]
        # Said as a possibility: an editor may also have guessed the id from the name.
        return (f"content/units/{rid}.yaml is the unit named {unit.name}, and its id is its file name: write "
                f"unit: {rid} here and in every other page that names {value}; or, if that file was renamed from "
                f"{folded}.yaml, rename it back")
    meant = did_you_mean(value, ids) or _unit_by_letters(value, content)
    if meant is not None:
        name = content.units[meant].record.name
        hint = f"did you mean {meant} ({name})? write unit: {meant}"
        naming = [document.meta.unit for document in content.interviews + content.cases]
        if meant not in naming and naming.count(value) >= 2:
            # Pages agree on an id no page's unit has: its file may be what changed (baihe.yaml → baihe-zhen.yaml).
            hint += f"; or, if content/units/{meant}.yaml was renamed from {value}.yaml, rename it back"
        return hint
    return _new_unit_hint(value, ids, content)


_ID_GLUE = compile_later(r"[-_\s]+")


def _unit_by_letters(value: str, content: Content) -> str | None:
    """The one unit whose id, or the pinyin of whose name or alias, ``value`` types with other separators or shorter.

    Hyphens, underscores, spaces and case are set aside (``huaxinzhen``,
    ``Hua_Xin_Zhen``); the name's first two syllables or more count too
    (``huaxin`` for 华新镇, ``hua-xin-zhen``), as do at most 1 slip (2 for 6
    letters or more) in the whole of them. Returns the unit's id; None when no
    unit, or more than one, is so typed.
    """
    letters = _ID_GLUE.sub("", value.lower())
    if not letters.isascii() or not letters:
        return None
    limit = 1 if len(letters) <= 5 else 2
    found = []
    for rid, unit in sorted(content.units.items()):
        for key in (rid, *(content.sound_of(name) for name in (unit.record.name, *unit.record.aliases))):
            parts = [part for part in _ID_GLUE.split(key.lower()) if part]
            whole = "".join(parts)
            heads = {"".join(parts[:count]) for count in range(2, len(parts))} | {whole}
            if letters in heads or (len(whole) > 3 and edit_distance(letters, whole) <= limit):
                found.append(rid)
                break
    return found[0] if len(found) == 1 else None


def _id_hint(key: str, value: str, ids: list[str], folder: str, content: Content) -> str:
    """The fix for ``key: value`` naming no record: the id most likely meant, else the five nearest ids and the
    command that creates the record (`_new_record_hint`)."""
    # The start of one id alone (dadiaoyan for dadiaoyan-weifangtan) is that id too.
    meant = did_you_mean(value, ids) or _only([rid for rid in ids if rid.startswith(value.strip() + "-")])
    if meant is not None:
        return f"did you mean {meant}? write {key}: {meant}"
    few = closest(value, ids, 5)
    more = f" (and {len(ids) - len(few)} more in content/{folder}/)" if len(ids) > len(few) else ""
    return (f"use the id (file name in content/{folder}/ without .yaml) of one of: {', '.join(few)}{more}; "
            f"or, {_new_record_hint(key, value, content)}")


def _new_unit_hint(value: str, ids: list[str], content: Content) -> str:
    """The fix for ``unit: value`` naming no unit and near none of ``ids``: the command that creates the unit
    (`_new_record_hint`), then the five nearest ids, each with its unit's name."""
    few = closest(value, ids, 5)
    more = f" (and {len(ids) - len(few)} more in content/units/)" if len(ids) > len(few) else ""
    shown = ", ".join(f"{rid} ({content.units[rid].record.name})" for rid in few)
    # An id near none is no typo: offered first, "one of: baihe" published 白鹤's figures on 重固's interview.
    return (f"{_new_record_hint('unit', value, content)}; or, if this page belongs to a unit the site has, write "
            f"its id (file name in content/units/ without .yaml), one of: {shown}{more}")


def _only(items: list[str]) -> str | None:
    """The one item of ``items``, None for none or more than one."""
    return items[0] if len(items) == 1 else None


def _names(record: object) -> list[str]:
    """The names a record is known by: a unit's name and aliases, a series' title."""
    names = [getattr(record, "name", None), getattr(record, "title", None), *getattr(record, "aliases", ())]
    return [name for name in names if name]


_IMAGE_HINT = "put the file under content/ and give its path from there, e.g. images/baihe-1.svg"
_PATH_QUOTES = QUOTE_MARKS + "\"'"
"""Quotes typed around a picture's path that stay part of it: an input method's (`sitegen.models.QUOTE_MARKS`),
and a lone ASCII one (a pair YAML removes)."""
_WEB_SCHEMES = ("http:", "https:")
_ESCAPE_RE = compile_later(r"%[0-9A-Fa-f]{2}")
_LINE_BREAK_RE = compile_later(r"[ \t]*\n[ \t]*")


def _local_hint(src: str) -> str:
    """The hint for a picture named by a path on the editor's computer: copy it in, with its own name."""
    return (f"copy the picture into content/images/ and write its path from there, "
            f"e.g. images/{local_file_name(src)} "
            "(a path on your own computer cannot be seen by readers)")


def _image_hint(root: Path, src: str) -> str:
    """The hint for an image path that names no file, for the slip it most likely is."""
    unquoted = src.strip(_PATH_QUOTES)
    if unquoted != src and unquoted:
        # src: “images/a.svg” (the quotes an input method types): YAML quotes only with " and '.
        ends = src[:len(src) - len(src.lstrip(_PATH_QUOTES))] + src[len(src.rstrip(_PATH_QUOTES)):]
        quotes = " ".join(dict.fromkeys(ends))
        said = f"the quote {quotes} is" if len(quotes) == 1 else f"the quotes {quotes} are"
        return f"{said} part of the path as typed: write the path without {'it' if len(quotes) == 1 else 'them'}: " \
               f"{unquoted}"
    named = posixpath.normpath("/" + src.strip().lstrip("/"))
    if any(sign in named for sign in ADDRESS_SIGNS) and (root / "content" / named.lstrip("/")).is_file():
        return signs_in_name_hint(src.strip(), named, use="write its path", what="path")
    meant = _meant_picture(root / "content", src)  # the whole path mended, when more than one slip is in it
    if "\\" in src:
        return f"write / between folders, not \\ (as Windows shows paths): {meant or src.replace(chr(92), '/')}"
    if "／" in src:
        return f"write the folder sign / in half width (半角), not ／: {meant or src.replace('／', '/')}"
    path = picture_file(root / "content", src)
    named = _named_but_for_case(root / "content", path) if path is not None else None
    if named is not None:
        return f"the file is {named}: write it with the same capital and small letters (大小写)"
    written = split_address(src).path.lstrip("./")
    if written.startswith("content/") and (root / written).is_file():
        return f"the path is read from content/, so leave it out: {written.removeprefix('content/')}"
    ending = _with_ending(root / "content", path) if path is not None and not path.suffix else None
    if ending is not None:
        return (f"the file is {ending}: write its name with its ending (扩展名), which Windows hides "
                "(查看 → 文件扩展名 shows it)")
    other = _other_ending(path) if path is not None and path.suffix else None
    if other is not None:  # images/a.jpg for images/a.svg
        return (f"the file is {other.relative_to(root / 'content').as_posix()}: write its ending (扩展名) as it is, "
                f"{other.suffix}, not {path.suffix}")
    if meant is not None:  # signs typed in full width (．), capitals and no ending at once …
        return f"the file is {meant}: write its path as it is: {meant}"
    close = _close_file(root / "content", path) if path is not None else None
    if close is not None:
        return f"did you mean {close}?"
    elsewhere = _same_name_elsewhere(root, path) if path is not None and path.suffix else None
    if elsewhere is not None:  # beside the page, or in the site folder's own images/
        return elsewhere
    if path is not None and path.suffix and path.is_relative_to(root / "content"):
        # Typed right, by all signs: the file itself is gone (deleted, renamed, or never copied in).
        return (f"there is no file {path.relative_to(root).as_posix()}: copy the picture there; if it was "
                "deleted or renamed, restore it (回收站, the recycle bin) or write its new name here")
    return _IMAGE_HINT


def _same_name_elsewhere(root: Path, path: Path) -> str | None:
    """The hint for a picture path whose file, by its name, is in another folder of the site; None when none is.

    Takes the site folder and the file the path names (``content/yishi.png``). Looked for: the folders of
    content/ (a picture saved beside its page, ``content/interviews/yishi.png``: a path is read from content/,
    not from the page's folder) and the site folder itself and its ``images/`` (pictures put beside
    content/ rather than in it, where nothing is published). The first found, in that order, is named.
    """
    content = root / "content"
    found = next((candidate for candidate in sorted(content.rglob(path.name)) if candidate.is_file()), None)
    if found is not None:
        rel = found.relative_to(content).as_posix()
        return (f"the file is {found.relative_to(root).as_posix()}: a path is read from content/, not from the "
                f"page's folder: write {rel} (or move the file into content/images/ and write images/{path.name})")
    outside = next((candidate for candidate in (root / path.name, root / "images" / path.name)
                    if candidate.is_file()), None)
    if outside is not None:
        return (f"the file is {outside.relative_to(root).as_posix()}, outside content/, where nothing is published: "
                f"move it into content/images/ and write images/{path.name}")
    return None


def _meant_picture(content: Path, src: str) -> str | None:
    """The path from ``content`` of the one picture file ``src`` names but for slips, or None.

    The slips: quotes around it, \\ between folders, signs typed in full width (．, ／: read as NFKC) or
    a Chinese full stop for the dot (。), spaces around a folder's or the file's name,
    other capitals (in folders and name), content/ or ./ in front, the name's ending left out
    (``Images\\Baihe-caomei`` → ``images/baihe-caomei.svg``). None when no file or two files are it.
    """
    typed = unicodedata.normalize("NFKC", src.strip(_PATH_QUOTES)).replace("\\", "/").replace("。", ".")
    parts = [part.strip() for part in typed.split("/") if part.strip() not in ("", ".")]
    if parts and parts[0].casefold() == "content":
        parts = parts[1:]
    folder = content
    for part in parts[:-1]:
        found = _one_named(folder, part.casefold(), lambda entry: entry.is_dir(), with_ending=False)
        if found is None:
            return None
        folder = folder / found
    name = _one_named(folder, parts[-1].casefold(), lambda entry: entry.is_file(), with_ending=True) if parts else None
    return (folder / name).relative_to(content).as_posix() if name is not None else None


def _one_named(folder: Path, folded: str, kind: Callable[[os.DirEntry[str]], bool], *,
               with_ending: bool) -> str | None:
    """The one entry of ``folder`` of ``kind`` whose name, in any capitals and either width of its signs
    (NFKC: a file saved as 路灯（1）.png for 路灯(1).png typed), or, ``with_ending``, without its ending, is
    ``folded`` (NFKC, case-folded); None for none or two."""
    try:
        with os.scandir(folder) as entries:
            found = [entry.name for entry in entries if kind(entry) and (
                _folded(entry.name) == folded
                or (with_ending and _folded(os.path.splitext(entry.name)[0]) == folded))]
    except OSError:
        return None
    exact = [name for name in found if _folded(name) == folded]
    return (exact or found)[0] if len(exact or found) == 1 else None


def _folded(name: str) -> str:
    """A file or folder name as `_one_named` compares it: NFKC (full-width signs as half-width), case-folded."""
    return unicodedata.normalize("NFKC", name).casefold()


def _close_file(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the file in ``path``'s folder whose name is closest to it (a typo), or None."""
    try:
        names = sorted(name for name in os.listdir(path.parent) if (path.parent / name).is_file())
    except OSError:
        return None
    import difflib  # only here: a hint for a missing image, which most builds never give

    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.8)
    return (path.parent / close[0]).relative_to(content).as_posix() if close else None


def _with_ending(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the one file named as ``path`` is, with an ending (a.svg for a), or None."""
    found = _other_ending(path)
    return found.relative_to(content).as_posix() if found is not None else None


def _other_ending(path: Path) -> Path | None:
    """The one file named as ``path`` (which is not there) but for its ending, or with one where it has none:
    ``a.svg`` for ``a.jpg`` or ``a``; or None, also for a path whose "ending" is no file ending (``a.svg 白鹤``: a
    title typed after the path, told apart)."""
    if path.suffix and not re.fullmatch(r"\.[A-Za-z0-9]{1,5}", path.suffix):
        return None
    try:
        found = [name for name in os.listdir(path.parent) if os.path.splitext(name)[0] == path.stem != name]
    except OSError:
        return None
    return path.parent / found[0] if len(found) == 1 and (path.parent / found[0]).is_file() else None


def _named_but_for_case(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the file that ``path`` names but for capital and small letters, or None."""
    current, names = content, []
    for part in path.relative_to(content).parts:
        if not (current / part).exists():
            try:
                part = next(name for name in sorted(os.listdir(current)) if name.lower() == part.lower())
            except (OSError, StopIteration):
                return None
        names.append(part)
        current = current / part
    return "/".join(names) if current.is_file() else None


def _picture_problem(root: Path, src: str, *, damaged: bool = True, base: str = "/") -> tuple[str, str] | None:
    """What is wrong with a page's image path, ``(message, hint)``, or None.

    A path must name a file under content/ (percent-escapes decoded, as
    `sitegen.pictures.picture_file` reads it); an address elsewhere must
    be http(s) with a host. A Windows path (``C:\\…``, ``\\\\server\\…``) or
    ``file:`` address names a file on the editor's computer or network,
    which readers cannot see. A file in a format browsers do not show
    (HEIC, TIFF …: `sitegen.pictures.unshown_problem`) is told with the
    format to save it in. ``damaged`` False leaves out the checks of the
    file's content: its format, and that a raster picture's size can be read. ``base`` is the path of
    base_url, decoded (``/qingpu/diaoyan/``): a path typed with it that names a file without it is told so
    (`_base_path_picture`).
    """
    if is_local_path(src) or src.startswith("\\\\"):  # a network share (\\server\…) is one too
        return f'image "{src}" is a file on your computer, not on the site', _local_hint(src)
    if src.startswith("//"):
        return f'image "{src}" has no https: in front', f"write the whole address: https:{src}"
    if "\n" in src:  # the published page asks for a name holding the line break (%0A): no file has it
        return (f'image "{src.replace(chr(10), " ")}" is broken over two lines (换行), so the picture is missing',
                f"write the path on one line: {_LINE_BREAK_RE.sub('', src)}")
    slip = address_slip(src) if is_external_address(half_width_address(src)) else None
    if slip is not None:
        return f'image "{src}" {slip.message}', slip.hint
    if is_external_address(src):
        if src.lower().startswith(_WEB_SCHEMES) and split_address(src).netloc:
            return None
        if src.lower().startswith(_WEB_SCHEMES):
            return (f'image "{src}" is not a full web address', "write it as https://host/path, "
                    "e.g. https://example.org/a.png (two slashes after https:)")
        return (f'image "{src}" is not a picture address',
                "give a file under content/ (images/a.png) or an https:// address")
    if "\x00" in site_path(src):
        return (f'image "{src}" holds a zero character ("%00"), which no file name can hold',
                'delete the "%00" from the path')
    content = (root / "content").resolve()
    path = picture_file(content, src)
    if path is None or not path.resolve().is_relative_to(content) or not path.is_file():
        escape = _ESCAPE_RE.search(split_address(src).path)
        if escape and (content / posixpath.normpath("/" + split_address(src).path).lstrip("/")).is_file():
            return (f'image "{src}": browsers read the "{escape.group()}" in the file\'s name as an escape '
                    f'("{unquote(escape.group())}"), so they would not find the file',
                    'rename the file without "%" in its name (文件名中不要有 %), e.g. with "-", '
                    "and write that name")
        return _base_path_picture(content, src, base) or (f'image "{src}" not found', _image_hint(root, src))
    if damaged and (unshown := unshown_problem(src, path)) is not None:
        return unshown
    if damaged and looks_damaged(src, image_size(path), path):
        return damaged_message(src), DAMAGED_HINT
    return None


def _base_path_picture(content: Path, src: str, base: str) -> tuple[str, str] | None:
    """The message and hint for a picture's path typed with the path of base_url (``base``, decoded), as copied
    from the browser's address bar (``/qingpu/diaoyan/images/a.svg``), when the rest names a file under
    ``content``; None otherwise. The hint keeps the path's ``?…#…``."""
    rest = after_base_path(site_path(src), base)
    if rest is None:
        return None
    path = content / posixpath.normpath(rest).lstrip("/")
    if not path.is_file() or not path.resolve().is_relative_to(content):
        return None
    parts = split_address(src.strip())
    kept = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
    return (f'image "{src}" starts with the path of base_url ({base}), but a picture\'s path is read from '
            f"content/, as from the site's root (sitegen adds that path where the site is published): the file is "
            f"content/{path.relative_to(content).as_posix()}",
            f"write it without {base.rstrip('/')}: {rest}{kept} (it then shows at whatever address the site is "
            "published)")


def check_failed_images(path: str, front_matter: YamlData, root: Path, report: Report, base: str = "/") -> None:
    """The picture check of `check_images`, for a page whose front matter has errors of its own.

    Takes the page's path, its parsed front matter, the site folder, the
    report and the path of base_url, decoded (`_picture_problem`). Every ``images``
    item with a ``src`` text is checked as `check_images` checks it, so an
    editor learns of a missing picture together with the error that
    stopped the page, not only after fixing that. Other items are skipped
    (the errors already name them).
    """
    images = front_matter.value.get("images") if isinstance(front_matter.value, dict) else None
    for index, image in enumerate(images if isinstance(images, list) else []):
        src = image.get("src") if isinstance(image, dict) else None
        problem = (_picture_problem(root, src.strip(), damaged=False, base=base)
                   if isinstance(src, str) and src.strip() else None)
        if problem is not None:
            report.error(path, *front_matter.locate(("images", index, "src")), *problem)


def _heavy_picture(root: Path, src: str) -> tuple[str, str] | None:
    """`sitegen.pictures.heavy_problem` for the file under content/ a page's image path ``src`` names; None for an
    address elsewhere or a file that is not there (told as such)."""
    path = picture_file((root / "content").resolve(), src)
    if path is None or not path.is_file():
        return None
    return heavy_problem(src, path, image_size(path))


def _hotlinked(src: str, lazy: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """``(message, hint)`` for a picture address on a platform that shows it only on its own pages
    (`sitegen.webaddress.hotlink_platform`), or None. ``lazy`` is ``(attribute, alt)`` for an ``<img>`` whose
    address was typed in an attribute of lazy loading, not in src (``data-src``, as WeChat's pages write it:
    `sitegen.markup.lazy_picture`), which leaves the picture out of the page; ``alt`` is its description as
    typed, offered in the ``<img>`` of the hint."""
    platform = hotlink_platform(src)
    if platform is None:
        return None
    if lazy is None:
        shown, example = "readers of this site would see a notice in its place", "e.g. images/baihe-1.jpg"
    else:
        shown = (f"its address is in {lazy[0]}, which browsers do not read, so it was left out (in src, readers "
                 "would see a notice in its place)")
        alt = html.escape(html.unescape(lazy[1]), quote=True).strip() or "图片说明"
        example = f'in src, e.g. <img src="images/baihe-1.jpg" alt="{alt}">'  # in src: a stand-in may be there
    return (f'image "{clip(src)}" is on the servers of {platform}, which show it on their own pages only: {shown}',
            "save the picture (长按图片 → 保存, or right-click → 另存为) into content/images/ and write its path "
            f"from there, {example}")


def check_images(document: Document, root: Path, report: Report, base: str = "/") -> None:
    """Front matter images must be files under content/ (or https:// addresses); a missing one is an
    error at its ``src``, and so is one in a format browsers do not show (``photo.heic``), a damaged one a
    warning (see `_picture_problem`), reported with the errors of the build. A picture too heavy for phones
    (`sitegen.pictures.heavy_problem`: over 1 MB, over 24 million pixels, or over 3,200 pixels wide and 400 KB)
    is a warning, and so is an image without alt text (WCAG 1.1.1). ``base`` is the path of base_url, decoded
    (`_picture_problem`)."""
    for index, image in enumerate(document.meta.images):
        problem = _picture_problem(root, image.src, base=base)
        if problem is not None:
            line, column = document.yaml.locate(("images", index, "src"))
            damaged = problem == (damaged_message(image.src), DAMAGED_HINT)  # readers see it broken: a warning
            (report.warning if damaged else report.error)(document.path, line, column, *problem)
        elif (hotlinked := _hotlinked(image.src)) is not None:  # readers see a notice: a warning
            report.warning(document.path, *document.yaml.locate(("images", index, "src")), *hotlinked)
        elif (heavy := _heavy_picture(root, image.src)) is not None:
            report.warning(document.path, *document.yaml.locate(("images", index, "src")), *heavy)
        if not image.alt.strip():
            line, column = document.yaml.locate(("images", index))
            report.warning(document.path, line, column, f'image "{image.src}" has no description (alt text)',
                           "add alt: with a short description of the picture (图片说明) for readers who cannot see it")


_IMG_TAG_RE = compile_later(r"<img", re.IGNORECASE)


def _body_pictures(block: str) -> Iterator[tuple[int, str, tuple[str, str] | None]]:
    """``(index, path, lazy)`` of each picture in lines of a body (`text_blocks`), Markdown or HTML, as the
    page will show it; ``lazy`` is None but for an ``<img>`` without src, or with a stand-in there (WeChat's
    ``data:image/svg+xml,…``), whose address is typed in an attribute of lazy loading (data-src or data-srcset,
    as WeChat's pages write it, picked as the conversion picks it: `sitegen.markup.typed_lazy_picture`):
    ``(attribute, alt)``, the attribute's name and the ``<img>``'s alt as typed ("" without one).

    A Markdown picture's path is read as Python-Markdown reads it
    (`sitegen.markup.typed_links`): ``images/草莓 (1).jpg`` whole. A title
    typed in quotes Markdown does not read (``"白鹤草莓”``) is left out: the
    conversion warns of it, and the path meant is checked here. An ``<img>``
    is read as browsers read it (`sitegen.markup.typed_images`).
    """
    for link in typed_links(block):
        if link.picture and link.address:
            swallowed = swallowed_title(link.address)
            yield link.address_start, swallowed[0] if swallowed else link.address, None
    for attributes in typed_images(block):
        typed = {attribute.name: attribute for attribute in reversed(attributes)}  # the first of a name counts
        if (lazy := typed_lazy_picture(attributes)) is not None:
            yield lazy[0], lazy[1], (lazy[2], typed["alt"].value if "alt" in typed else "")
        elif "src" in typed and typed["src"].value:
            yield typed["src"].value_start, typed["src"].value, None


def _untitled_hint(root: Path, src: str) -> str | None:
    """The hint for a path that is a picture's file, a space and more (``images/a.svg 白鹤草莓``): a title typed
    without quotes, which Markdown reads as part of the path; None for any other path."""
    typed = words_after_path(src)
    if typed is None or is_external_address(typed[0]) or _picture_problem(root, typed[0], damaged=False) is not None:
        return None
    return untitled_hint(*typed, "picture")


def check_typed_pictures(path: str, body: str, body_line: int, root: Path, report: Report,
                         base: str = "/") -> set[str]:
    """The picture check of `check_body_images` for the pictures typed in a page's text with their paths.

    Takes the page's path, its text and the file line the text starts at,
    the site folder, the report and the path of base_url, decoded
    (`_picture_problem`); returns the paths found. Used for a page whose front matter has errors
    too (`sitegen.load.FailedPage`), so that a missing picture is told in
    the same run as those errors, not after they are mended.
    """
    typed: set[str] = set()
    for first, block in text_blocks(outside_fences(body.split("\n"), body_line)):
        for index, src, lazy in _body_pictures(block):
            typed.add(src)
            if lazy is not None:  # left out of the page, as the conversion warns, but for a platform's, told here
                if (hotlinked := _hotlinked(src, lazy)) is not None:
                    report.warning(path, *place_in_block(first, block, index), *hotlinked)
                continue
            # An address elsewhere (https:, data:) is not checked, but for a platform's that readers would not see.
            problem = _hotlinked(src) if is_external_address(src) else _picture_problem(root, src, base=base)
            if problem is not None and (untitled := _untitled_hint(root, src)) is not None:
                problem = problem[0], untitled
            if problem is None and not is_external_address(src):
                problem = _heavy_picture(root, src)
            if problem is not None:
                tell = report.error if _slip_of_a_file(root, src) else report.warning
                tell(path, *place_in_block(first, block, index), *problem)
    return typed


def check_body_images(document: Document, root: Path, report: Report, base: str = "/") -> None:
    """An image in a page's text must be a file under content/, like the images of its front matter.

    Finds ``![说明](path)``, ``<img src="path">`` and the address of a
    picture defined apart (``![说明][图1]`` with ``[图1]: path``) in the body as typed
    (not in fenced code blocks) and resolves the path as the page will
    (`_body_pictures`): relative paths from the site root
    (`sitegen.models.site_image_path`), percent-escapes decoded. An address with a scheme (``https:``,
    ``data:``) is not checked here (the Markdown conversion removes the
    unsafe ones, with a warning), except a picture on a platform that shows
    it on its own pages only (WeChat's mmbiz.qpic.cn: `_hotlinked`), also one typed in data-src, as WeChat's
    pages write it, with no src or a stand-in there (``data:image/svg+xml,…``), which the page leaves out (the
    conversion tells any other). A missing or damaged file, or one in a
    format browsers do not show (HEIC, TIFF: `sitegen.pictures.unshown_problem`), is a warning
    at its line and column, not an error as in front matter: text pasted
    from other sites often carries images that were never files here, and
    the page should still be published. A path that misses its file only by
    a slip, the file being there (`_slip_of_a_file`), is an error: that
    picture is meant, and the page would show it broken. ``base`` is the path
    of base_url, decoded: a path typed with it (copied from the browser's
    address bar) is told to be written without it (`_picture_problem`).
    """
    if "![" not in document.body and not _IMG_TAG_RE.search(document.body):
        return  # most pages: no image in the text, no line to look at
    typed = check_typed_pictures(document.path, document.body, document.body_line, root, report, base)
    # A picture whose path is defined apart (![草莓][图1], then [图1]: images/a.svg) is none of the above: its
    # path is found in the page as converted, and the warning stands where the path is typed.
    for src in dict.fromkeys(document.rendered.images):
        if src in typed or is_external_address(src) or (where := _defined_at(document, src)) is None:
            continue
        if (problem := _picture_problem(root, src, base=base)) is not None:
            report.warning(document.path, *where, *problem)


def _slip_of_a_file(root: Path, src: str) -> bool:
    """True when the picture path ``src`` names no file only by a slip and the file meant is under content/:
    typed in quotes (“images/a.svg”), with Windows' \\ or a full-width ／ between folders, in other capitals,
    from the site folder (content/images/a.svg), without its ending (images/a) or with another (images/a.jpg for
    images/a.svg), as `_image_hint` tells them."""
    for meant in (src.strip(_PATH_QUOTES), src.replace("\\", "/"), src.replace("／", "/")):
        if meant and meant != src and _picture_problem(root, meant, damaged=False) is None:
            return True
    content = root / "content"
    if not is_external_address(src) and _meant_picture(content, src) is not None:
        typed = picture_file(content, src)
        if typed is None or not typed.is_file():  # a file found as typed: its problem is another (damaged)
            return True
    path = picture_file(content, src)
    if path is None or path.is_file():  # a file found: its problem is another (damaged), no slip
        return False
    written = split_address(src).path.lstrip("./")
    return (_named_but_for_case(content, path) is not None
            or (written.startswith("content/") and (root / written).is_file())
            or (not path.suffix and _with_ending(content, path) is not None)
            or (bool(path.suffix) and _other_ending(path) is not None))


def _defined_at(document: Document, src: str) -> tuple[int, int] | None:
    """The file line and column of ``src`` typed as a link definition's address (``[图1]: images/a.svg``), outside
    fenced code; None when it is typed nowhere so (a picture typed with its path is checked as typed)."""
    return next(((number, column) for number, column, before
                 in places_typed(outside_fences(document.body.split("\n"), document.body_line), src)
                 if before.rstrip(" <").endswith("]:")), None)


def misspelling_clashes(content: Content) -> dict[tuple[str, int], tuple[str, str]]:
    """The misspellings that cannot be looked for as they are: ``{(unit path, index): (reason, hint)}``.

    A misspelling is matched anywhere in the text (`check_misspellings`),
    so one that is part of a unit's name or alias (its own or another
    unit's: ``白河`` beside a unit named 白河村) would be warned at every
    correct mention of that name; one of two characters or fewer that does
    not end in a level word (金则 for 金泽镇, `_short_misspelling`) would be
    warned inside ordinary words and names (资金则由, 徐经理 for 徐经); and one
    that a second unit of another name lists (a unit file copied with its
    misspellings) would suggest either name. The first listing of a
    misspelling is kept, the second is the clash; two units of one name are
    `check_unit_names`' error. ``index`` is the entry's place in the unit's
    ``misspellings`` list.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    correct = [(unit, text) for unit in units for text in (unit.record.name, *unit.record.aliases) if text.strip()]
    listed: dict[str, Sourced[Unit]] = {}
    clashes: dict[tuple[str, int], tuple[str, str]] = {}
    for unit in units:
        for index, bad in enumerate(unit.record.misspellings):
            if not bad.strip():
                continue
            owner = next(((other, text) for other, text in correct if bad in text), None)
            earlier = listed.setdefault(bad, unit)
            if owner is not None:
                other, text = owner
                relation = "is" if bad == text else "is part of"
                whose = "this unit's own" if other is unit else "another unit's"
                kind = "name" if text == other.record.name else "other correct name (aliases)"
                where = "" if other is unit else f" ({other.path})"
                clashes[(unit.path, index)] = (
                    f'"{bad}" {relation} {whose} {kind} {text}{where}, so every correct {text} would be warned '
                    "as a misspelling",
                    f'remove "{bad}" from misspellings' + (
                        ", or list the whole wrong spelling as it is typed in the texts (e.g. 白河镇, not 白河)"
                        if bad != text else _whole_name_fix(unit, other, text)))
            elif (short := _short_misspelling(unit.record, bad)) is not None:
                clashes[(unit.path, index)] = short
            elif earlier is not unit and plain_name(earlier.record.name) != plain_name(unit.record.name):
                clashes[(unit.path, index)] = (
                    f'"{bad}" is listed by {earlier.record.name} ({earlier.path}) too, so it is looked for as a '
                    f"misspelling of {earlier.record.name} only",
                    f'remove "{bad}" from the misspellings of {unit.record.name} (a unit file copied from another '
                    "keeps the other's misspellings)")
    return clashes


_LONGEST_SHORT_MISSPELLING = 2
"""The most characters a misspelling without a level word at its end may have and still be found inside ordinary
words and names: 金则 (for 金泽镇) in 资金则由, 徐经 (for 徐泾镇) in 徐经理 and 徐经纬. Three characters (白河镇,
百合乡) seldom are; a level word at the end (白河镇, 白河村) makes it a place's name."""


def _short_misspelling(unit: Unit, bad: str) -> tuple[str, str] | None:
    """The reason and hint for the misspelling ``bad`` of ``unit`` when it is too short to be looked for, or None.

    Takes the unit record and one entry of its ``misspellings``. Too short: `_LONGEST_SHORT_MISSPELLING`
    characters or fewer and not ending in a level word (`sitegen.models.level_word_ending`), and not a value
    standing for "not known yet" (待定), which `check_typed_values` tells. The hint gives the entry with the
    level word of the unit's name after it (金则镇), or says to delete the entry when that is listed already.
    """
    typed = bad.strip()
    if len(typed) > _LONGEST_SHORT_MISSPELLING or level_word_ending(typed) or is_stand_in(typed):
        return None
    length = "1 character" if len(typed) == 1 else f"{len(typed)} characters"
    reason = (f'"{bad}" is only {length} and does not end in a level word (镇, 乡, 村, 街道, 社区 …), so it would be '
              "found inside ordinary words and names as well; it is not looked for")
    level = level_word_ending(unit.name)  # 鎮 of 金澤鎮, as the name has it: the whole wrong name is typed so
    if not level:
        return reason, (f"list the whole wrong name in its place, as it is typed in the texts, or remove \"{bad}\" "
                        "from misspellings")
    whole = typed + level
    if whole in (other.strip() for other in unit.misspellings):
        return reason, f'remove "{bad}" from misspellings: the whole wrong name {whole} is listed already'
    return reason, f"list the whole wrong name in its place, as it is typed in the texts (e.g. {whole}, not {typed})"


def _whole_name_fix(unit: Sourced[Unit], other: Sourced[Unit], text: str) -> str:
    """The end of the hint for a misspelling that is the whole of a correct name ``text`` of ``other``."""
    if other is unit:
        return ": it is a correct name of this unit"
    if text != other.record.name:
        return f": it is a correct name of {other.record.name}"
    return f" if {text} is a real unit; if that unit is a slip for {unit.record.name}, delete {other.path} instead"


def check_misspelling_clashes(content: Content, report: Report) -> dict[tuple[str, int], tuple[str, str]]:
    """Warn at each unit misspelling that `misspelling_clashes` finds, at its entry in ``misspellings:``.

    Returns those clashes, for `check_misspellings` to leave out. A
    warning, not an error: the pages are right, only the misspelling
    warnings would be wrong. A unit file copied with its misspellings is
    the usual cause.
    """
    units = {unit.path: unit for unit in content.units.values()}
    clashes = misspelling_clashes(content)
    for (path, index), (reason, hint) in sorted(clashes.items()):
        report.warning(path, *units[path].yaml.locate(("misspellings", index)), f"misspellings: {reason}", hint)
    return clashes


def check_misspellings(content: Content, report: Report,
                       clashes: Mapping[tuple[str, int], object]) -> None:
    """Warn where a unit's known misspelling is typed, with its line, column and the right name.

    Scans, as typed, every line of each page (front matter and body) and of
    the unit and series records (whose text is published on their pages),
    except the ``misspellings:`` entries that declare them and the fields
    that take an id or an address (`_PAGE_NAMING`, `_UNIT_NAMING`: ``unit:
    白河镇`` is the error that there is no such unit, whose hint gives the
    id; "write 白鹤镇" there would be another error). The seed article
    spells 白鹤镇 three ways (issue 3), so units list ``misspellings``.
    Then the YAML values as published: a misspelling that only they show
    (typed with an escape, ``"白\\u6cb3镇"``, or across a line with a
    backslash in double quotes) is warned at the value. The entries in
    ``clashes`` (``(unit path, index)``, from `check_misspelling_clashes`,
    which warned at them: a misspelling part of a correct name, too short to
    be told from ordinary words, or listed twice) are not looked for.
    """
    wrong = {bad: unit.record.name for unit in content.units.values()
             for index, bad in enumerate(unit.record.misspellings) if bad.strip() and (unit.path, index) not in clashes}
    if not wrong:
        return
    for document in content.interviews + content.cases:
        lines = list(enumerate(document.front_matter.split("\n"), document.front_matter_line))
        # The lines of ids need the page's YAML positions: found only for a front matter holding a misspelling.
        if any(bad in document.front_matter for bad in wrong):
            naming = _naming_lines(document.yaml, _PAGE_NAMING)
            lines = [(number, text) for number, text in lines if number not in naming]
        lines += enumerate(document.body.split("\n"), document.body_line)
        _report_misspellings(document.path, lines, wrong, report)
        _report_referenced_misspellings(document, wrong, report)
        _report_hidden_misspellings(document.path, document.yaml, document.front_matter,
                                    document.front_matter_line, wrong, report, _PAGE_NAMING)
    records: list[Sourced[object]] = [*content.units.values(), *content.series.values()]
    for record in records:
        # The declaration lines need the file's YAML positions: found only for a file holding a misspelling.
        if any(bad in record.text for bad in wrong):
            declared = _naming_lines(record.yaml, _UNIT_NAMING)
            lines = [(number, text) for number, text in enumerate(record.text.split("\n"), 1)
                     if number not in declared]
            _report_misspellings(record.path, lines, wrong, report)
        _report_hidden_misspellings(record.path, record.yaml, record.text, 1, wrong, report, _UNIT_NAMING)


_PAGE_NAMING = ("series", "unit", "slug", "aliases")
"""A page's fields that name something rather than being published as text: the ids of its series and
unit (`check_references` names a misspelling typed there), its slug and its old addresses (``aliases``:
an address must stay as it was to lead to the page)."""
_UNIT_NAMING = ("misspellings", "distinct_from")
"""A unit's fields that are no published text: where its misspellings are declared, and ids of other
units (`_check_distinct_from` names a misspelling typed there). A series has neither."""


_ADDRESS_SPAN_RE = compile_later(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"'）)\]]*|\]\([^)\s]*")
"""A web address as typed (``https://baike.example.org/item/重故镇``), or a Markdown link's target (``](…)``)."""


def _report_misspellings(path: str, lines: Iterable[tuple[int, str]], wrong: dict[str, str],
                         report: Report) -> None:
    """Add one warning per occurrence of a misspelling in ``lines`` (file line, text).

    An occurrence inside a web address or a link's target (`_ADDRESS_SPAN_RE`)
    is not one: the address names another site's page as that site spells
    it, and "write 白鹤镇" there would break the link.
    """
    for number, text in lines:
        spans = [match.span() for match in _ADDRESS_SPAN_RE.finditer(text)] if "/" in text else []
        for bad, right in wrong.items():
            start = text.find(bad)
            while start >= 0:
                if any(begin <= start < end for begin, end in spans):
                    start = text.find(bad, start + len(bad))
                    continue
                report.warning(path, number, start + 1, f'"{bad}" is a misspelling of the unit name {right}',
                               f"write {right}")
                start = text.find(bad, start + len(bad))


def _report_hidden_misspellings(path: str, data: YamlData, text: str, first_line: int, wrong: dict[str, str],
                                report: Report, naming: tuple[str, ...]) -> None:
    """Warn at each YAML value whose published text holds a misspelling that its typed text does not.

    ``text`` is the YAML as typed (``\\n`` breaks), its first line being
    file line ``first_line``. A value's typed text runs from its position
    to the next key or value. The values of the top-level fields ``naming`` (ids, the
    ``misspellings:`` entries: `_PAGE_NAMING`, `_UNIT_NAMING`) are skipped.
    """
    hits = [(key, value, bad) for key, value in texts_in(data.value)
            for bad in wrong if bad in value and not (key and key[0] in naming)]
    if not hits:
        return
    starts = sorted({*data.positions.values(), *data.key_positions.values()})
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: tuple[int, int]) -> int:
        line, column = position
        return min(offsets[min(line - first_line, len(offsets) - 1)] + column - 1, len(text))

    for key, value, bad in hits:
        start = data.positions[key]
        after = next((other for other in starts if other > start), None)
        typed = text[offset(start):offset(after) if after is not None else len(text)]
        if bad not in typed:
            line, column = _typed_position(typed, value.find(bad), start)
            report.warning(path, line, column,
                           f'"{bad}" is a misspelling of the unit name {wrong[bad]}, hidden here in an escape '
                           "or a broken line",
                           f"write {wrong[bad]} as plain text, with no \\u escape or line break inside it")


_CHARACTER_REFERENCE_RE = compile_later(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _report_referenced_misspellings(document: Document, wrong: dict[str, str], report: Report) -> None:
    """Warn where the text spells a misspelling with HTML character references (``白&#x6cb3;镇``).

    The page shows the references as the characters they stand for, so the
    misspelling is published although no line holds it as typed.
    """
    if "&" not in document.body:
        return
    for number, line in enumerate(document.body.split("\n"), document.body_line):
        if "&" not in line:
            continue
        typed_at: list[int] = []  # the typed column of each character the line shows
        shown = []
        position = 0
        for match in _CHARACTER_REFERENCE_RE.finditer(line):
            for index in range(position, match.start()):
                shown.append(line[index])
                typed_at.append(index)
            decoded = html.unescape(match.group())
            shown.append(decoded)
            typed_at.extend([match.start()] * len(decoded))
            position = match.end()
        for index in range(position, len(line)):
            shown.append(line[index])
            typed_at.append(index)
        text = "".join(shown)
        for bad, right in wrong.items():
            found = text.find(bad)
            while found >= 0:
                start = typed_at[found]
                if line[start:start + len(bad)] != bad:  # typed plainly: `_report_misspellings` warns
                    report.warning(document.path, number, start + 1,
                                   f'"{bad}" is a misspelling of the unit name {right}, hidden here in an HTML '
                                   "character reference (&#…;)",
                                   f"write {right} as plain text, with no &#…; code inside it")
                found = text.find(bad, found + len(bad))


_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}
"""Typed length of YAML's numbered escapes in double quotes (``\\x41``, ``\\u6cb3``, ``\\U00006cb3``)."""


def _typed_position(typed: str, index: int, start: tuple[int, int]) -> tuple[int, int]:
    """Where character ``index`` of a double-quoted value was typed: (file line, column).

    ``typed`` is the value as typed from its opening quote, which is at
    ``start``. Each escape stands for one character, a backslash before a
    line break for none, and a line break with the next line's indentation
    for one space. Anything else (a plain or single-quoted value, a value
    this walk cannot follow) gives ``start``.
    """
    if not typed.startswith('"'):
        return start
    position, produced = 1, 0
    while position < len(typed) and typed[position] != '"':
        if produced == index:
            before = typed[:position]
            breaks = before.count("\n")
            return (start[0] + breaks,
                    start[1] + position if not breaks else position - before.rfind("\n"))
        char = typed[position]
        if char == "\\" and typed[position + 1:position + 2] == "\n":
            position += 2
            while position < len(typed) and typed[position] in " \t":
                position += 1
            continue
        if char == "\\":
            position += _ESCAPE_LENGTHS.get(typed[position + 1:position + 2], 2)
        elif char == "\n":
            position += 1
            while position < len(typed) and typed[position] in " \t":
                position += 1
        else:
            position += 1
        produced += 1
    return start


def _naming_lines(data: YamlData, naming: tuple[str, ...]) -> set[int]:
    """File lines of the keys and values of the top-level fields ``naming`` (`_PAGE_NAMING`, `_UNIT_NAMING`):
    a misspelling typed there is no text to correct to the unit's name."""
    fields = {(name,) for name in naming}
    lines = {line for path, (line, _) in data.positions.items() if path[:1] in fields}
    lines.update(data.key_positions[key][0] for key in fields if key in data.key_positions)
    return lines


def drafts(documents: list[Document]) -> list[Document]:
    """Return the documents marked ``draft: true``: never published (`sitegen serve` shows them), and told so by
    ``build`` and ``check``, as scheduled pages are, so that a page left a draft does not vanish unsaid."""
    return [d for d in documents if d.meta.draft]


def scheduled(documents: list[Document], now: datetime) -> list[Document]:
    """Return the documents whose publish time is after ``now`` (held back until then).

    ``now`` is a naive datetime in the site's time zone, like the ``date`` fields.
    """
    return [d for d in documents if d.meta.date > now]
