"""Integrity rules across records: figures that must agree, references that
must resolve, dates that must be in order, names that must be spelt right.

Each rule is a function ``check_*(content, report)`` that adds problems to
the report; `check_content` runs them all. The rules come from how a
progress report is read: a figure on a public page must add up, and the
reader must be able to trust every link and date.

This module is the entry point: `check_content`, `check_failed_unit` (the
rules that still apply to a unit file that failed to load), and `drafts` and
`scheduled`. The rules live by their job in modules of their own, below it:
`sitegen.checkfigures` (tallies, targets, counts and the figures a text
gives), `sitegen.checkdates` (dates and their order, years typed with a slip),
`sitegen.checkrelated` (the tally a page names by its date),
`sitegen.checktenfold` (a count typed with a digit too many),
`sitegen.checkscaled` (a whole tally typed ten times what its note gives, run by `check_tally_notes`),
`sitegen.checkrefs` (the series and units a page names),
`sitegen.checkpictures` (pictures in front matter and in the text),
`sitegen.checknames` (units' names and ids), `sitegen.checkcopies` (tallies,
summaries and pages copied), `sitegen.checkmisspellings` (the misspellings a
unit lists), `sitegen.checkheard` (a unit's name typed with other characters
of its sound), `sitegen.checkpageunit` (a page filed under another unit than its words name),
`sitegen.checkpages` (a page's tags, text, source and title) and
`sitegen.checktexts` (placeholders, examples, markup, lists and formulas in
texts), with what several of them share in `sitegen.checkcommon`. Every rule
is imported here too (`__all__`), so that the rest of sitegen imports them
from here.

May import: errors, load (record types only), models, checkcommon, checkcopies, checkcorrections, checkdates, checkfigures,
checkheard, checkmisspellings, checknames, checkpages, checkpageunit, checkpictures, checkrefs, checktenfold, checktexts
(and the standard library).
"""

from __future__ import annotations

import functools
import posixpath
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Collection, Mapping, TypeVar

from pydantic import ValidationError

from .checkcommon import level_of
from .checkcorrections import PublishedTallies, check_corrected_tallies
from .checkcopies import check_copied_pages, check_copied_summaries, check_copied_tallies
from .checkdates import (check_century_slips, check_far_plans, check_measured_dates, check_milestone_order,
                         check_milestone_status, check_publish_year, check_repeated_milestones, check_taken_off,
                         check_tally_dates, check_tally_order, check_update_time, cited_tallies, far_plans,
                         likely_year, measured_dates, milestone_order, milestone_status, readable_dates,
                         repeated_milestones, tally_dates, tally_order)
from .checkfigures import (check_count_sizes, check_empty_tallies, check_example_targets, check_figures_shown,
                           check_guide_figures, check_repeated_tallies, check_tally_arithmetic, check_tally_notes,
                           check_targets, check_text_figures, count_sizes, empty_tallies, example_targets,
                           pages_by_unit, readable_groups, repeated_tallies, tally_arithmetic, target_groups,
                           target_values, unsure_tally_sums)
from .checkheard import check_heard_names
from .checkmisspellings import check_misspelling_clashes, check_misspellings
from .checknames import (check_office_named_units, check_qualified_unit_names, check_shared_unit_names,
                         check_sound_alike_units, check_spreadsheet_ids, check_unit_levels, check_unit_names)
from .checkpageunit import SiteUnitNames, check_page_unit
from .checkpages import check_page_titles, check_repeated_tags, check_source_publisher, check_text_shows
from .checkpictures import check_body_images, check_failed_images, check_images, check_typed_pictures
from .checkrefs import check_failed_references, check_references, retell_missing_references
from .checktenfold import check_tenfold_counts, tenfold_counts
from .checktexts import (check_example_texts, check_formula_texts, check_init_examples, check_init_figures,
                         check_init_id, check_listed_lines, check_placeholders, check_plain_text_fields,
                         check_typed_values)
from .errors import Report
from .load import Content, Document, YamlData
from .models import Milestone, Tally, Target

__all__ = ["check_content", "check_failed_unit", "drafts", "scheduled", "likely_year", "check_body_images",
           "check_century_slips", "check_copied_pages", "check_copied_summaries", "check_copied_tallies",
           "check_count_sizes", "check_empty_tallies", "check_example_targets", "check_example_texts",
           "check_failed_images", "check_failed_references", "check_far_plans", "check_figures_shown",
           "check_formula_texts", "check_guide_figures", "check_heard_names", "check_images", "check_init_examples",
           "check_init_id", "check_init_figures", "check_listed_lines", "check_measured_dates",
           "check_milestone_order", "check_milestone_status", "check_misspelling_clashes", "check_misspellings",
           "check_page_titles", "check_page_unit", "check_placeholders", "check_plain_text_fields", "check_publish_year",
           "check_office_named_units",
           "check_qualified_unit_names", "check_references", "check_repeated_milestones", "check_repeated_tags",
           "check_repeated_tallies", "check_shared_unit_names", "check_sound_alike_units", "check_source_publisher",
           "check_spreadsheet_ids", "check_taken_off", "check_tally_arithmetic", "check_tally_dates",
           "check_tally_notes", "check_tally_order", "check_targets", "check_tenfold_counts", "check_text_figures",
           "check_text_shows",
           "check_typed_pictures", "check_typed_values", "check_unit_levels", "check_unit_names", "check_update_time",
           "check_corrected_tallies", "PublishedTallies"]
"""The public names: the entry point's own, and the rules it runs, which live in the modules of their job."""


def check_content(content: Content, root: Path, now: datetime, report: Report, base: str = "/", *,
                  page_url: Callable[[str, str], str],
                  published: Callable[[], Mapping[str, str]] = dict, published_at: str = "",
                  published_tallies: Callable[[], PublishedTallies] = PublishedTallies,
                  held_back: Callable[[], Collection[str]] = frozenset) -> None:
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
    names a record that has no file, the file may be gone since); and
    ``published_at``, the base URL when the site is built for a public
    address, to be published there ("" otherwise: an example address, the
    preview's): ``sitegen init``'s examples are then errors even alone
    (`check_init_examples`); and ``published_tallies``, giving the tallies
    the last build published (`PublishedTallies`, read at most once, only
    for a unit that loaded): a figure changed since is warned unless its
    note says why (`check_corrected_tallies`); and ``held_back``, giving
    the page files among ``published`` that the last build held back (a
    draft or a page scheduled for later, off the site since it was told:
    `sitegen.addresses.Known.held`), read at most once, so that a page
    taken off by its publish time is told once (`check_taken_off`). Adds
    errors and warnings to the report. Raises nothing.
    """
    cited = cited_tallies(content)
    filed = pages_by_unit(content)
    published = functools.lru_cache(maxsize=1)(published)
    published_tallies = functools.lru_cache(maxsize=1)(published_tallies)
    held_back = functools.lru_cache(maxsize=1)(held_back)
    for unit in content.units.values():
        check_tally_arithmetic(unit, report, content, lambda: (published_tallies().folder, published_tallies().rows))
        told = check_tally_notes(unit, report, filed.get(unit.record.id, ()))  # a tally ten times its note's, told once
        check_empty_tallies(unit, report)
        check_repeated_tallies(unit, report)
        check_example_targets(unit, report)
        check_guide_figures(unit, report)
        check_tally_dates(unit, now.date(), report)
        check_measured_dates(unit, now.date(), report)
        check_far_plans(unit, now.date(), report)
        check_tally_order(unit, report, now.date(), cited.get(unit.record.id, {}))
        check_tenfold_counts(unit, report, told)
        check_milestone_order(unit, report)
        check_repeated_milestones(unit, report)
        check_milestone_status(unit, now.date(), report)
        check_targets(unit, report)
        check_corrected_tallies(unit, published_tallies(), now.date(), report)  # after the slips are told
    check_century_slips(content, report)
    check_unit_names(content, report)
    check_unit_levels(content, report)
    check_shared_unit_names(content, report)
    check_spreadsheet_ids(content, report)
    check_sound_alike_units(content, report)
    check_qualified_unit_names(content, report)
    check_office_named_units(content, report)
    check_copied_tallies(content, report)
    check_count_sizes(content, report)
    check_copied_summaries(content, report)
    check_copied_pages(content, report, page_url, published)
    check_page_titles(content, report)
    clashes = check_misspelling_clashes(content, report)
    site_names = SiteUnitNames(content)  # the units' names, read once for every page
    for document in content.interviews + content.cases:
        check_references(document, content, report, now.date(), published, site_names)
        check_images(document, root, report, base)
        check_body_images(document, root, report, base)
    for document in content.interviews:
        check_text_shows(document, report)
    for document in content.interviews + content.cases:
        check_text_figures(document, content, report)
        check_page_unit(document, content, report, site_names)
    for document in content.interviews:
        check_figures_shown(document, content, now.date(), report)
    for document in content.interviews + content.cases:
        check_publish_year(document, now, report)
        check_update_time(document, now, report)
        check_taken_off(document, now, published, report, held_back)
        check_repeated_tags(document, report)
        check_source_publisher(document, report)
    retell_missing_references(content, report)
    for page in content.failed:
        check_failed_images(page.path, page.front_matter, root, report, base)
        check_failed_references(page.path, page.front_matter, content, report, published)
        check_typed_pictures(page.path, page.body, page.body_line, root, report, base)
    for path, data in content.failed_units:
        check_failed_unit(path, data, now.date(), report, cited.get(posixpath.splitext(posixpath.basename(path))[0], {}))
    check_misspellings(content, report, clashes)
    check_heard_names(content, report)
    check_placeholders(content, report, published_at)
    check_init_examples(content, report, published_at)
    check_init_id(content, report)
    check_init_figures(content, report)
    check_example_texts(content, report)
    check_plain_text_fields(content, report)
    check_listed_lines(content, report)
    check_formula_texts(content, report)
    check_typed_values(content, report)


def check_failed_unit(path: str, data: YamlData, today: date, report: Report,
                      cited: Mapping[date, str] | None = None) -> None:
    """Check the tallies, targets and milestones of a unit file whose fields have errors: all found in one run.

    Takes the unit file's path and its loaded YAML (the record could not be
    made: its errors are reported already), the build's day (site time
    zone) and the report. Each tally, target and milestone that is valid on
    its own is checked as in a valid unit: the tallies add up
    (`check_tally_arithmetic`; so does a tally with another error whose four figures are counts,
    `unsure_tally_sums`) and are not dated ahead
    (`check_tally_dates`), tallies and milestones are in date order and
    counts do not fall (`check_tally_order`, `check_milestone_order`), a
    tally does not repeat the one before unchanged (`check_repeated_tallies`) and no milestone is listed
    twice (`check_repeated_milestones`), no count is ten times those around it (`check_tenfold_counts`), each
    item compared with the valid one before it, no count is so large that it is most likely mistyped
    (`check_count_sizes`, without the comparison with other units), no tally counts nothing without a note
    (`check_empty_tallies`), no target is the example's (`check_example_targets`), no milestone or
    deadline lies decades ahead (`check_far_plans`), no milestone's status is contradicted by its date
    (`check_milestone_status`), and targets as
    `check_targets` checks them, so mending the file's errors brings no new
    message about them; two targets of one group are found even when one of them has another error.
    ``cited``: the dates its case studies give as ``related_tally`` (`cited_tallies`), to tell a mistyped
    tally date the one meant. Raises nothing.
    """
    value = data.value if isinstance(data.value, dict) else {}
    tallies = _valid_items(Tally, value.get("tallies"))
    tally_arithmetic(path, data, tallies, report)
    unsure_tally_sums(path, data, value.get("tallies"), {index for index, _ in tallies}, report)
    tally_dates(path, data, tallies, today, report)
    tally_order(path, data, tallies, report, readable_dates(value.get("tallies"), "as_of"), today=today,
                 cited=cited)
    repeated_tallies(path, data, tallies, report)
    tenfold_counts(path, data, tallies, report)
    count_sizes(path, data, level_of(value.get("level")), tallies, {}, report)
    empty_tallies(path, data, tallies, report)
    targets = _valid_items(Target, value.get("targets"))
    target_values(path, data, targets, report)
    target_groups(path, data, readable_groups(value.get("targets")), report)
    measured_dates(path, data, targets, today, report)
    example_targets(path, data, targets, report)
    milestone_order(path, data, readable_dates(value.get("milestones"), "date"), report)
    milestones = _valid_items(Milestone, value.get("milestones"))
    repeated_milestones(path, data, milestones, report)
    far_plans(path, data, milestones, targets, today, report)
    milestone_status(path, data, milestones, today, report)


_ItemT = TypeVar("_ItemT", Tally, Target, Milestone)


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


def drafts(documents: list[Document]) -> list[Document]:
    """Return the documents marked ``draft: true``: never published (`sitegen serve` shows them), and told so by
    ``build`` and ``check``, as scheduled pages are, so that a page left a draft does not vanish unsaid."""
    return [d for d in documents if d.meta.draft]


def scheduled(documents: list[Document], now: datetime) -> list[Document]:
    """Return the documents whose publish time is after ``now`` (held back until then).

    ``now`` is a naive datetime in the site's time zone, like the ``date`` fields.
    """
    return [d for d in documents if d.meta.date > now]
