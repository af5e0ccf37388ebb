"""Integrity rules over copies: a unit's tallies or summary copied from another unit, and a page's text
copied from another page.

Job: `check_copied_tallies`, `check_copied_summaries` and
`check_copied_pages`, run by `sitegen.checks.check_content`, and
`copied_from` and `names_unit`, which `sitegen.checknames` uses to tell which
of two units of one name is the copy, and `read_alike`, which `sitegen.checkpageunit` uses too.

May import: errors, load (record types only), models, recordfiles, checkcommon (and the standard library).
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from typing import Callable, Collection, Iterable, Iterator, Sequence, TypeVar

from .checkcommon import TALLY_FIGURES, are_told_apart
from .errors import Report, and_joined
from .load import Content, Document, Sourced, YamlData
from .models import Unit, UnitLevel, one_place_name
from .recordfiles import copy_suffix


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
    `sitegen.checknames.check_sound_alike_units`, and so are units whose names read the same or name one place
    (练塘乡, 练塘镇), which that check and `check_office_named_units` warn of already (one warning for one copy).
    One warning a unit, at the copy (`copied_from`: never at the unit it was copied from, whose hint would have
    the real figures deleted), naming every unit whose tally it repeats, so that one round of the hint silences
    it. Raises nothing.
    """
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    counted: dict[tuple[object, ...], list[Sourced[Unit]]] = defaultdict(list)
    shared: list[tuple[Sourced[Unit], int, tuple[object, ...]]] = []
    for unit in units:
        if unit.record.level == UnitLevel.district:
            continue
        for index, tally in enumerate(unit.record.tallies):
            figures = tuple(getattr(tally, name) for name in TALLY_FIGURES)
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
                  and not are_told_apart(other, unit) and not read_alike(other, unit, content)
                  and copied_from(unit, other, names_unit)]
        if not others or unit.path in warned:
            continue
        warned.add(unit.path)
        _warn_copied_tally(unit, index, others, report)


def _warn_copied_tally(unit: Sourced[Unit], index: int, originals: Sequence[Sourced[Unit]], report: Report) -> None:
    """The warning of `check_copied_tallies` at tally ``index`` of ``unit``, a copy of the tally of ``originals``."""
    tally = unit.record.tallies[index]
    shown = ", ".join(f"{name.replace('_', ' ')} {value}" for name in TALLY_FIGURES
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


def copied_from(copy: _FiledT, original: _FiledT, marked: Callable[[_FiledT, _FiledT], bool]) -> bool:
    """True when ``copy``'s file is taken for the copy of ``original``'s, of two unit files sharing a text or tally
    (or two pages sharing a text).

    ``marked(one, other)`` tells whether something in ``one`` marks it as the copy of ``other``: for units, a
    summary or note naming the other unit (`names_unit`: 青浦区重固镇。 in anting.yaml); for pages, a file name
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


def names_unit(unit: Sourced[Unit], other: Sourced[Unit]) -> bool:
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
    aside; units whose names read the same or name one place are left out (`check_sound_alike_units` and
    `check_office_named_units` warn of the copy). One
    warning a unit, at the copy (`copied_from`, as for `check_copied_tallies`), naming the first unit in
    path order it was copied from. Raises nothing.
    """
    described: dict[str, list[Sourced[Unit]]] = defaultdict(list)
    units = sorted(content.units.values(), key=lambda sourced: sourced.path)
    for unit in units:
        if unit.record.summary.strip():
            described[unit.record.summary.strip()].append(unit)
    for unit in units:
        earlier = next((other for other in described.get(unit.record.summary.strip(), ())
                        if other is not unit and not read_alike(other, unit, content)
                        and copied_from(unit, other, names_unit)), None)
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
    original edited after the copy was made is the newer file), else as for unit files (`copied_from`: the
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
    ``published``, then `copied_from`)."""
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
                return copied_from(page, other, marked)

            for document in documents if len(documents) > 1 else ():
                original = next((other for other in documents
                                 if other is not document and copied(document, other)), None)
                if original is not None:
                    yield document, original


def _page_copy_marks(content: Content, text: str) -> Callable[[Document, Document], bool]:
    """What marks a page as the copy of another for `copied_from`, of two pages sharing ``text``.

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
    return f"; its {and_joined(fields)} are still those of {original}: replace or delete them too"


def read_alike(first: Sourced[Unit], second: Sourced[Unit], content: Content) -> bool:
    """True when the two units' names read the same in pinyin (`check_sound_alike_units` warns of them), or name one
    place (`sitegen.models.one_place_name`: 练塘乡 and 练塘镇, 重固镇人民政府 and 重固镇, which
    `check_office_named_units` warns of): one warning for one copy."""
    return keys_alike(alike_key(first, content), alike_key(second, content))


def alike_key(unit: Sourced[Unit], content: Content) -> tuple[str, str]:
    """What `read_alike` compares of a unit: ``(the place its name names, its name's reading)``, the reading ""
    when there is none to compare (`sitegen.load.Content.sound_of`). Made once per unit by a check that compares
    every unit with many others."""
    return one_place_name(unit.record.name), content.sound_of(unit.record.name)


def keys_alike(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """`read_alike` of two units by their `alike_key`: one place, or one reading that is not ""."""
    return first[0] == second[0] or bool(first[1]) and first[1] == second[1]
