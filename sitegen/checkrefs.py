"""Integrity rules over references: every series and unit a page names must exist, and a name that does
not is told the record most likely meant.

Job: `check_references` and `check_failed_references` (for a page that failed
to load), with the hints that name the ids meant.

May import: lazyre, errors, load (record types only), models, validation, yamltext, checkcommon, checkpageunit,
checkrelated (and the standard library).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import unicodedata
from datetime import date
from typing import Callable, Mapping

from pydantic_core import PydanticCustomError

from .checkpageunit import SiteUnitNames, units_meant
from .checkrelated import check_related_tally
from .errors import SHOW_FILE_ENDINGS, Problem, Report, new_record_command
from .lazyre import compile_later
from .load import Content, Document, UnitNames, YamlData
from .models import QUOTE_MARKS, ascii_id, id_case_reason, is_stand_in, names_of, parse_text
from .validation import closest, did_you_mean, edit_distance, near_name, wide_note_error, withdraw_wide_note_warnings
from .yamltext import split_wide_note


def check_references(document: Document, content: Content, report: Report, today: date | None = None,
                     published: Callable[[], Mapping[str, str]] = dict,
                     site_names: SiteUnitNames | None = None) -> None:
    """Every id a page names (series, unit, related tally) must exist.

    An id is a record's file name without ``.yaml``; when the page names the
    record by its name instead (``unit: 白鹤镇``), or a unit by one of its
    misspellings or by a name that reads as its name in pinyin (``unit:
    百鹤镇``, `_sounds_like`), the hint gives the id (and a misspelling typed
    there gets no warning of its own: `check_misspellings`). A record whose file exists but has errors is not reported
    again here. ``today`` (the build's day) tells the tallies dated in the future, an error of their unit's, from
    those a related tally may name. ``published`` gives the files the last build published, by path, with their
    titles (`check_content`): a record named whose file is among them was deleted or moved since (`_gone_record`).
    ``site_names``: the units' names as a check of every page shares them (`sitegen.checkpageunit.SiteUnitNames`).
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
        check_related_tally(document, related, unit, report, today, units_meant(document, content, site_names))


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

_TO_MEND = "whose file has errors to mend, told at its lines"
"""What a hint says after the name of a unit whose file has errors (`sitegen.load.UnitNames.mending`)."""


def _names_by_id(kind: str, content: Content) -> dict[str, tuple[str, ...]]:
    """The names of each record of ``kind`` (``unit`` or ``series``) a hint may offer, by id, the name (or title)
    first: a unit's name and aliases, those of a unit whose file has errors too (`Content.unit_names`)."""
    if kind == "series":
        return {rid: tuple(names_of(sourced.record)) for rid, sourced in content.series.items()}
    return {unit.id: (unit.name, *unit.aliases) for unit in content.unit_names()}


def _labels(kind: str, content: Content) -> dict[str, str]:
    """What a hint calls each record of ``kind`` after its id, by id: its name (``白鹤镇``), with `_TO_MEND` for a
    unit whose file has errors (``金泽镇, whose file has errors to mend, told at its lines``)."""
    if kind == "series":
        return {rid: (names_of(sourced.record) or [rid])[0] for rid, sourced in content.series.items()}
    return {unit.id: f"{unit.name}, {_TO_MEND}" if unit.mending else unit.name for unit in content.unit_names()}


def _called(kind: str, rid: str, content: Content) -> str:
    """What a hint calls the record ``rid`` of ``kind`` after its id (`_labels`)."""
    return _labels(kind, content)[rid]


def _is_mending(kind: str, rid: str, content: Content) -> bool:
    """True when ``rid`` is a unit whose file has errors (`sitegen.load.UnitNames.mending`)."""
    return kind == "unit" and any(unit.mending for unit in content.unit_names() if unit.id == rid)


def _the_unit(unit: UnitNames) -> str:
    """``the unit 白鹤镇``, or, for a unit whose file has errors, ``the unit 金泽镇 (whose file has errors …)``."""
    return f"the unit {unit.name} ({_TO_MEND})" if unit.mending else f"the unit {unit.name}"


def _empty_reference(path: str, yaml: YamlData, kind: str, content: Content, report: Report) -> None:
    """Report ``unit:`` or ``series:`` typed with no id, with the ids there are to write (or how to make one).

    The field is required: removing the line, the fix for an empty
    optional field, would only make it missing.
    """
    report.error(path, *yaml.locate((kind,)), f"{kind}: the value is empty", _ids_offered(kind, content))


_MISSING_NAMING_FIELDS = {f'the field "{kind}" is missing': kind for kind in ("series", "unit")}


def retell_missing_references(content: Content, report: Report) -> None:
    """Tell again each ``unit:`` or ``series:`` line missing from a page that could not be made, with the ids
    there are to write, as an empty one is told (`_ids_offered`): the page's validation (which knows no site)
    named only the folder the ids come from, while ``sitegen new interview`` names them.

    Takes the content (its failed pages) and the report; one pass over the report whatever the number of pages
    (a site whose every page lost its ``unit:`` line is told in one). Raises nothing.
    """
    failed = {page.path for page in content.failed}
    hints: dict[str, str] = {}
    told: dict[Problem, Problem] = {}
    for problem in report.problems:
        kind = _MISSING_NAMING_FIELDS.get(problem.message)
        if kind is not None and problem.severity == "error" and problem.path in failed:
            if kind not in hints:
                hints[kind] = _ids_offered(kind, content, missing=True)
            told[problem] = dataclasses.replace(problem, hint=hints[kind])
    if told:
        report.retell(told)


def _ids_offered(kind: str, content: Content, *, missing: bool = False) -> str:
    """The hint for a ``unit:`` or ``series:`` that names none (empty, or 待定; or its line ``missing``): the ids
    there are to write, or how to make the first record of that kind."""
    folder = "series" if kind == "series" else "units"
    labelled = sorted(_labels(kind, content).items())
    if len(labelled) == 1:
        rid, name = labelled[0]
        return f"the only {kind} there is, {name}, has the id {rid}: " + (
            f'add a line "{kind}: {rid}"' if missing else f"write {kind}: {rid}")
    if labelled:
        shown = ", ".join(f"{rid} ({name})" for rid, name in labelled[:_LISTED_IDS])
        more = f" (and {len(labelled) - _LISTED_IDS} more in content/{folder}/)" if len(labelled) > _LISTED_IDS else ""
        where = f'in a line "{kind}: "' if missing else "after the colon"
        return (f"write the id of the {kind} (its file name in content/{folder}/ without .yaml) {where}, "
                f"one of: {shown}{more}")
    return (f"there is no {kind} yet: create one by running, in the site folder: {new_record_command(kind)}, then "
            + (f'add a line "{kind}: " and the id it gives' if missing else f"write {kind}: and the id it gives here"))


def _missing(page_path: str, yaml: YamlData, loc: tuple[str, ...], kind: str, value: str,
             content: Content, report: Report, published: Callable[[], Mapping[str, str]] = dict) -> None:
    """Report a reference to a series or unit that does not exist, with the fix, at ``loc`` of the front matter
    ``yaml`` of the page at ``page_path``; ``published`` gives the files the last build published, with their
    titles (`sitegen.checks.check_content`)."""
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
               if name and name in names_of(sourced.record)[:1] and sourced.path not in published]
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
        name = (names_of(others[value].record) or [value])[0]
        return (f"{value} is the id of the {other_kind} {name}, not of a {kind}: write it after {other_kind}:, and "
                f"here the id of the {kind}: " + _ids_offered(kind, content))
    names = _names_by_id(kind, content)
    named = {name: rid for rid, given in names.items() for name in given}
    misspelt = next((unit for unit in sorted(content.unit_names(), key=lambda unit: unit.path)
                     if value in unit.misspellings), None) if kind == "unit" else None
    alike = _sounds_like(value, content) if kind == "unit" and value not in named else []
    if value in named:
        return f"write the id, not the name: {key}: {named[value]}"
    if misspelt is not None:
        name = misspelt.name
        shown = f"{name} ({_TO_MEND})" if misspelt.mending else name
        return (f"{value} is a misspelling of the unit name {shown}: write the id of {name}, not a name: "
                f"{key}: {misspelt.id}")
    if len(alike) == 1:
        unit, heard = alike[0]
        known = _the_unit(unit) if heard == unit.name else f"{heard}, another name of {_the_unit(unit)}"
        return (f"{value} reads the same as {known} ({content.sound_of(value)}): write the id of "
                f"{unit.name}, not a name: {key}: {unit.id}")
    if alike:
        units = ", ".join(f"{unit.id} ({_called(kind, unit.id, content)})" for unit, _ in alike)
        return (f"{value} reads the same as {len(alike)} units ({content.sound_of(value)}): write the id of the one "
                f"meant: {units}")
    partly = _named_in_part(value, names)
    if len(partly) == 1:
        rid, name, part = partly[0]
        shown = f"{name} ({_TO_MEND})" if _is_mending(kind, rid, content) else name
        hint = f"did you mean the {kind} {shown}? write its id: {key}: {rid}"
        # 白鹤镇社区 holds 白鹤镇 and may be a unit of its own: the new record stays on offer.
        return hint if part else f"{hint}; or, {_new_record_hint(kind, value, content)}"
    if partly:
        shown = ", ".join(f"{rid} ({_called(kind, rid, content)})" for rid, _, _ in partly)
        return f"did you mean one of: {shown}? write the id of the {kind} meant: {key}: and the id"
    if kind == "unit" and names:
        return _unit_id_hint(value, content)
    if records:
        return _id_hint(key, value, sorted(records), folder, content)
    return f"{_new_record_hint(kind, value, content)}; or correct the id"


def _named_in_part(value: str, names: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str, bool]]:
    """The records one of whose names holds ``value`` or is held by it, by id: ``(id, name, whether value is a
    part of that name)``; [] for none.

    Takes a ``unit:`` or ``series:`` naming no record and the names of the
    records of that kind by id, the name first (`_names_by_id`). A series
    is often called by a part of its title (大调研 for 大调研微访谈), a unit
    by its name with the district before it (青浦区白鹤镇 for 白鹤镇): each
    was offered a new record instead. Only text of two or more letters not
    in ASCII (an id typed wrong is `_id_hint`'s) is compared, read in half
    width (NFKC), quotes around it (＂大调研＂, 《大调研》) set aside.
    """
    text = unicodedata.normalize("NFKC", value).strip().strip(QUOTE_MARKS + "\"'《》〈〉").strip()
    if text.isascii() or len(text) < 2:
        return []
    found = []
    for rid, given in sorted(names.items()):
        name = next((name for name in given if text in name or name in text), None)
        if name is not None:
            found.append((rid, (given or (name,))[0], text in name))
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
    records = _names_by_id(kind, content)
    named = {name: rid for rid, given in records.items() for name in given}
    found = sorted([(value.find(rid), rid) for rid in ids if rid in records]
                   + [(value.find(text), named[text]) for text in texts if text in named])
    meant = list(dict.fromkeys(rid for _, rid in found))  # in the order typed
    if len(meant) > 1:
        shown = " or ".join(f"{key}: {rid} ({_called(kind, rid, content)})" for rid in meant)
        return f"a page names one {kind}, and this names {len(meant)}: write the id of the one meant alone, {shown}"
    if meant:
        rid = meant[0]
        name = _called(kind, rid, content)
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
    # An id typed in full width (ｃｈｏｎｇｇｕ) is an id all the same: "sitegen new unit ｃｈｏｎｇｇｕ" made a unit
    # named ｃｈｏｎｇｇｕ, with a page of its own beside the town's.
    half = unicodedata.normalize("NFKC", value).strip()
    typed = half if half.isascii() else value
    record_id = ascii_id(typed) if typed.isascii() else content.sound_of(typed) if kind == "unit" else ""
    command = (new_record_command(kind, name=value) if not typed.isascii()
               else new_record_command(kind, record_id=record_id))
    then = (f", then write {kind}: {record_id} here" if record_id and record_id != value
            else f", then write {kind}: and the id it gives here" if not record_id else "")
    folder = "series" if kind == "series" else "units"
    file = f"content/{folder}/{record_id}.yaml" if record_id else "its file"
    return f"if {value} is a new {kind}, create {file} by running, in the site folder: {command}{then}"


def _sounds_like(value: str, content: Content) -> list[tuple[UnitNames, str]]:
    """The units whose name or an alias reads as ``value`` does (白河镇 for 白鹤镇), by id; [] for none.

    Returns ``(unit, the name or alias heard)`` for each (`Content.unit_names`: a unit whose file has errors
    too). ``value`` is a ``unit:`` naming no unit; its reading is known when it is not ASCII
    (`sitegen.load.Content.sound_of`).
    """
    reading = content.sound_of(value)
    if not reading:
        return []
    found = []
    for unit in content.unit_names():
        heard = next((name for name in (unit.name, *unit.aliases) if content.sound_of(name) == reading), None)
        if heard is not None:
            found.append((unit, heard))
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
    units = {unit.id: unit for unit in content.unit_names()}
    ids = sorted(units)
    folded = value.strip().lower()
    renamed = [unit for unit in units.values()
               if folded and folded == content.sound_of(unit.name) and unit.id != folded]
    if len(renamed) == 1:
        unit = renamed[0]
        rid, named = unit.id, f"{unit.name} ({_TO_MEND})" if unit.mending else unit.name
        # Said as a possibility: an editor may also have guessed the id from the name.
        return (f"{unit.path} is the unit named {named}, and its id is its file name: write "
                f"unit: {rid} here and in every other page that names {value}; or, if that file was renamed from "
                f"{folded}.yaml, rename it back")
    meant = did_you_mean(value, ids) or _unit_by_letters(value, content)
    if meant is not None:
        hint = f"did you mean {meant} ({_called('unit', meant, content)})? write unit: {meant}"
        naming = [document.meta.unit for document in content.interviews + content.cases]
        if meant not in naming and naming.count(value) >= 2:
            # Pages agree on an id no page's unit has: its file may be what changed (baihe.yaml → baihe-zhen.yaml).
            hint += f"; or, if {units[meant].path} was renamed from {value}.yaml, rename it back"
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
    for unit in content.unit_names():
        rid = unit.id
        for key in (rid, *(content.sound_of(name) for name in (unit.name, *unit.aliases))):
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
    shown = ", ".join(f"{rid} ({_called('unit', rid, content)})" for rid in few)
    # An id near none is no typo: offered first, "one of: baihe" published 白鹤's figures on 重固's interview.
    return (f"{_new_record_hint('unit', value, content)}; or, if this page belongs to a unit the site has, write "
            f"its id (file name in content/units/ without .yaml), one of: {shown}{more}")


def _only(items: list[str]) -> str | None:
    """The one item of ``items``, None for none or more than one."""
    return items[0] if len(items) == 1 else None
