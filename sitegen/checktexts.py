"""Integrity rules over the texts typed in fields: texts left as ``sitegen init`` or the template wrote
them, placeholders, Markdown or HTML typed where plain text is shown, texts typed as a list, texts a spreadsheet
would read as a formula, and values typed in a way that changes them.

Job: the ``check_*(content, report)`` rules of the texts of every record
(`check_init_examples`, `check_init_id`, `check_init_figures`, `check_placeholders`, `check_example_texts`,
`check_plain_text_fields`, `check_listed_lines`, `check_formula_texts`,
`check_typed_values`), run by `sitegen.checks.check_content`.

May import: lazyre, errors, load (record types only), models, markup, placeholders, plaintext, validation, yamltext
(and the standard library).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Mapping, Sequence

from .errors import Problem, Report
from .lazyre import compile_later
from .load import Content, Document, Sourced, YamlData
from .markup import outside_fences
from .models import Unit, clip, parse_bool, texts_in
from .placeholders import (BODY_LINES, EXAMPLE_MARK, INIT_CASE_LINE, INIT_CASE_TITLE, INIT_INTERVIEW_LINE,
                           INIT_INTERVIEW_TITLE, INIT_MILESTONE_TITLE, INIT_SERIES_BLURB, INIT_TALLY_FIGURES,
                           INIT_TARGET, INIT_UNIT_ID, INIT_UNIT_NAME, INIT_UNIT_NOTE, INIT_UNIT_SUMMARY, init_texts_in,
                           may_hold_placeholders, placeholders_in, texts_at, unquoted)
from .plaintext import may_hold_markup, typed_markup
from .validation import UNIT_WORD_LISTS, field_name, typed_value_warnings
from .yamltext import listed_lines


_INIT_PAGES = {"interviews": (INIT_INTERVIEW_TITLE, INIT_INTERVIEW_LINE), "cases": (INIT_CASE_TITLE, INIT_CASE_LINE)}
"""The title and a line of the text of ``sitegen init``'s example interview and case study, by collection."""


def check_init_examples(content: Content, report: Report, published_at: str = "") -> None:
    """Error at each example ``sitegen init`` wrote (its unit, interview and case study, its series' blurb) once
    the site has units or published pages of its own, or is built for a public address (``published_at``, the
    base URL, "" for an example or local address: `sitegen.config.is_public_address`).

    A new site builds at once with its examples, which say what they are. Left beside the editor's own
    units and pages, they would be published with them: 示例镇's invented figures in the open data and
    added into the totals of the home page and the dashboard, the example interview in the lists and
    feeds. Built for a public address with nothing of its own yet, the site would publish the examples alone,
    their texts asking residents to replace them (这是一篇示例访谈，请换成真实的访谈内容。). Each example is known
    by its name or title and a text of its own that ``sitegen init`` wrote (`sitegen.placeholders`: the
    example tally's note or the unit's summary, a line of the interview's or case study's text, the blurb):
    an example renamed is the editor's own, never told to be deleted. Drafts
    are never published, so neither told nor counted as the site's own. A unit file or page of the editor's
    that has errors of its own (``Content.broken``, ``failed``, ``unloaded_pages``) counts: the examples are
    told in the same run as its errors, not in a later one once those are mended. Raises nothing.
    """
    units = {unit_id: unit for unit_id, unit in content.units.items() if unit.record.name == INIT_UNIT_NAME
             and (any(tally.note == INIT_UNIT_NOTE for tally in unit.record.tallies)
                  or unit.record.summary == INIT_UNIT_SUMMARY)}
    pages = [document for document in content.interviews + content.cases
             if document.meta.title == _INIT_PAGES[document.collection][0]
             and _INIT_PAGES[document.collection][1] in document.body.split("\n")]
    # A unit file or page of the editor's that has errors of its own is theirs all the same: told now, with those,
    # not in a later run once they are mended.
    own_units = len(content.units) > len(units) or any(kind == "units" for kind, _ in content.broken)
    own_pages = any(not document.meta.draft and document not in pages
                    for document in content.interviews + content.cases) or bool(content.unloaded_pages) or any(
        not _draft_as_typed(page.front_matter) for page in content.failed)
    if not own_units and not own_pages and not published_at:
        return
    has = ("the site has units of its own now" if own_units else "the site has pages of its own now" if own_pages
           else f"the site is built for {published_at}, a public address")
    beside = " beside them" if own_units or own_pages else ""
    for unit in units.values():
        report.error(unit.path, *unit.yaml.locate(("name",)),
                     f"this is the example unit that sitegen init wrote, and {has}: its invented "
                     f"figures would be published{beside}, and added into the totals of the home page and the "
                     "dashboard",
                     f"delete {unit.path} (and the example interview and case study, which are about it); or, if "
                     "your own pages name it, rewrite it as your own unit: its name, summary, tallies and milestones, "
                     "and give the file your unit's id as its name (the pinyin of its name, e.g. ma-lu-zhen.yaml: "
                     "its page's address), with unit: and that id in your pages")
    for document in pages:
        if not document.meta.draft:
            kind = "interview" if document.collection == "interviews" else "case study"
            report.error(document.path, *document.yaml.locate(("title",)),
                         f"this is the example {kind} that sitegen init wrote, and {has}: it "
                         f"would be published{' with them' if beside else ''}",
                         f"delete {document.path}")
    _init_texts_kept(content, units, pages, has, report)
    for series in content.series.values():
        if series.record.blurb == INIT_SERIES_BLURB:
            report.error(series.path, *series.yaml.locate(("blurb",)),
                         f'blurb: "{INIT_SERIES_BLURB}" is the example blurb that sitegen init wrote, and '
                         f"{has}: the home page and the series' page would publish it",
                         "write one or two sentences on what the series is about (栏目介绍)")


def check_init_id(content: Content, report: Report) -> None:
    """Warn at the name of a unit that ``sitegen init``'s example was made into (renamed from 示例镇) while its file
    keeps the example's id (`INIT_UNIT_ID`, shi-li-zhen, 示例镇 read in pinyin).

    The id is the file's name: the unit's page is published at its address (``/units/shi-li-zhen/``) and the
    open data names the unit by it. 示例镇 rewritten as 马陆镇 was published there, for good: a published address
    must not change. A warning, with the file name to give it (the name's pinyin, `Content.readings`), told
    while it can still be renamed. Raises nothing.
    """
    unit = content.units.get(INIT_UNIT_ID)
    if unit is None or unit.record.name == INIT_UNIT_NAME:
        return
    name = unit.record.name
    reading = content.readings.get(name, "")
    to = f"content/units/{reading}.yaml" if reading else "your unit's id (the pinyin of its name, e.g. ma-lu-zhen)"
    report.warning(unit.path, *unit.yaml.locate(("name",)),
                   f"the unit is named {name}, but its file keeps the id of the example unit that sitegen init wrote, "
                   f"{INIT_UNIT_ID} (示例镇 in pinyin): its page would be published at that address, and the open "
                   "data would name it so; a published address must not change",
                   f"rename {unit.path} to {to}" + (f", and write unit: {reading} in its pages" if reading else
                                                     ", and write that id after unit: in its pages"))


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
                             f"and {has}: the unit's page would publish it"
                             + (", with the example's invented figures" if loc[0] == "tallies" else ""),
                             "write the unit's own: the figures as counted, with where they come from in note:"
                             if loc[0] == "tallies" else "write the unit's own, or delete the line")
    for document in content.interviews + content.cases:
        if document.meta.draft or (_INIT_MARK not in document.front_matter and _INIT_MARK not in document.body
                                   ) or document in example_pages:
            continue  # most pages: no 示例 anywhere (0.15 s at 10,000 pages to look at each line and field)
        for loc, text in init_texts_in(document.collection, document.yaml.value):
            report.error(document.path, *document.yaml.locate(loc),
                         f'{field_name(loc)}: "{text}" is a text of the example that sitegen init wrote, and '
                         f"{has}: the page would publish it", "write the page's own, in its place")
        for offset, line in enumerate(document.body.split("\n")):
            if line.strip() == _INIT_PAGES[document.collection][1]:
                report.error(document.path, document.body_line + offset, 1,
                             f'"{line.strip()}" is a line of the example that sitegen init wrote, and '
                             f"{has}: the page would publish it", "write the page's own text in its place")

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


def check_placeholders(content: Content, report: Report, published_at: str = "") -> None:
    """Error at each placeholder of ``sitegen new`` left in a page or record that would be published.

    Takes the loaded content (pages and unit files that failed validation too, a page's text with its
    fields: their other errors do not hide this one), the report and ``published_at``: the base URL when the
    site is built for a public address (`sitegen.config.is_public_address`), else "". The placeholders and where each is written are those of
    `sitegen.placeholders` (the interviewee's 受访人姓名, a series' 一两句话介绍本栏目。, the note of a new
    unit's example tally …); a value or a line of a page's text (outside fenced code) is one only when it
    is exactly that text. Drafts (``draft: true``) are never published, so never reported; a page's
    hint offers to keep it a draft. An error, not a warning: template text and invented figures must not
    reach residents, and an error stops the build with the last good output left in place. A placeholder
    marked a warning (a series' ``publisher: 发布机构名称``, which a new site builds with) is an error too
    when ``published_at`` is given: every footer of the published site would name it. Raises nothing.
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
        _report_placeholders(series.path, "series", series.yaml, report, published_at)
    for unit in content.units.values():
        _report_placeholders(unit.path, "units", unit.yaml, report, published_at)
    for path, data in content.failed_units:
        _report_placeholders(path, "units", data, report, published_at)


_EXAMPLE_FIELDS = {
    ("summary",): "write a short description of the unit (简介), or delete the line",
    # The note marks an example's figures too: deleted, it would leave them unmarked, so no "delete the line".
    ("tallies", "*", "note"): "write where the unit's figures come from (数据来源); if the figures were copied "
                              "with the note, write the unit's own as counted that day first",
    ("targets", "*", "note"): "write what the unit's target rests on (依据); if the target and share were copied "
                              "with the note, write the unit's own first",
    ("milestones", "*", "title"): "write what happened (事件), with the day it happened in date:",
    ("milestones", "*", "description"): "write what happened, in one or two sentences, or delete the line",
}
"""The free texts of a unit's record, with what to write in each instead of an example's text."""


def check_example_texts(content: Content, report: Report) -> None:
    """Tell each free text of a unit (its summary, a tally's or target's note, a milestone's title or
    description) that starts with 示例 (example), as every example written for editors does.

    The editors' guide (docs/editing.md) shows a tally, a target and a milestone to paste, each marked so
    (``note: 示例数字：…``, ``title: 示例：召开大调研推进会``): pasted as shown, they checked clean and the
    unit's page published the guide's words and figures as the unit's. A text's quotes and spaces around it are
    set aside (``“示例…”``, a full-width space), and a unit file with other mistakes is looked at too, so all
    are told in one run. Texts told already are not told again: the placeholders of ``sitegen new``
    (`check_placeholders`) and the texts of ``sitegen init``'s example (`check_init_examples`); nor is that
    example unit itself (示例镇), which a new site builds with. A text that starts with the guide's own mark,
    示例 and a colon (示例：, 示例数字：, `_GUIDE_MARK_RE`), is an error, as the placeholders of ``sitegen new`` are:
    pasted with its figures changed and its note kept, the guide's words were published with a warning only.
    Any other text starting with the word is a warning: a real text may start with it. Raises nothing.
    """
    units = [(unit.path, unit.yaml) for unit in content.units.values()
             if EXAMPLE_MARK in unit.text and unit.record.name != INIT_UNIT_NAME]
    units += [(path, data) for path, data in content.failed_units
              if isinstance(data.value, dict) and data.value.get("name") != INIT_UNIT_NAME]
    for path, data in units:
        told = {loc for loc, _ in placeholders_in("units", data.value)}
        told |= {loc for loc, _ in init_texts_in("units", data.value)}
        for pattern, hint in _EXAMPLE_FIELDS.items():
            for loc, text in texts_at(data.value, pattern):
                shown = unquoted(text)
                if loc not in told and shown.startswith(EXAMPLE_MARK):
                    first, _, more = shown.partition("\n")  # a text of several lines (note: |): its first
                    said = f'{field_name(loc)}: "{clip(first + ("…" if more.strip() else ""))}" starts with '
                    if (marked := _GUIDE_MARK_RE.match(shown)) is not None:
                        report.error(path, *data.locate(loc),
                                     f"{said}{marked.group()} (example), the mark of the examples of the editors' "
                                     "guide: the unit's page would publish it as the unit's own", hint)
                    else:
                        report.warning(path, *data.locate(loc),
                                       f"{said}示例 (example), as the examples of the editors' guide do: the unit's "
                                       "page would publish it as the unit's own", hint)


_GUIDE_MARK_RE = compile_later(r"示例[^：:\n]{0,2}[：:]")
"""The mark each example of the editors' guide starts with (示例：, 示例数字：, 示例目标：): a text of the unit's own
does not start so."""


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


def _report_placeholders(path: str, collection: str, data: YamlData, report: Report, published_at: str = "") -> None:
    """Report each placeholder in the fields of one page or record (`sitegen.placeholders.placeholders_in`); one
    marked a warning is an error in a site built for the public address ``published_at`` (see `check_placeholders`)."""
    for loc, placeholder in placeholders_in(collection, data.value):
        line, column = data.locate(loc)
        published_on, field = _PUBLISHED_ON[collection][loc[0]], field_name(loc)
        if placeholder.warning and published_at:
            report.error(path, line, column, placeholder.said_public(published_on, field, published_at),
                         placeholder.hint)
            continue
        told = report.warning if placeholder.warning else report.error
        told(path, line, column, placeholder.said(published_on, field),
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
