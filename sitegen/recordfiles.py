"""The file names of unit and series records: the one message for a file whose name is no id, or whose ``id:``
is not its name, with a fix that loses and overwrites nothing.

A record's id is its file name (``content/units/chonggu.yaml``), so the fixes
are renames, and a rename can overwrite or double another record: a copy
Windows Explorer names ``chonggu - 副本.yaml``, renamed to an id of its own,
lists and counts the town twice; ``huaxin.yaml`` copied from ``chonggu.yaml``
with ``id: chonggu`` still in it, renamed to ``chonggu.yaml``, replaces the
real town's file. Each fix offered here is checked against the files there
are, and against the ids the pages name (a file ``重固镇.yaml`` that the pages
name ``unit: chonggu`` is to be renamed ``chonggu.yaml``, not ``zhong-gu-zhen.yaml``).

May import: lazyre, errors, slugs, yamltext, models.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, NamedTuple

from .errors import Report
from .lazyre import compile_later
from .models import plain_name
from .slugs import is_slug, make_slug, reading_check, spells
from .yamltext import YamlData, load_yaml

RECORD_SUFFIXES = (".yaml", ".yml")
_WHAT = {"units": ("unit", "name"), "series": ("series", "title")}
"""Each record folder: what one record is called, and the field that names it."""


class MisnamedFile(NamedTuple):
    """A record file whose name is no id: its folder (``units``, ``series``), path, name without extension, YAML."""

    collection: str
    path: str
    stem: str
    data: YamlData


def record_file(root: Path, collection: str, record_id: str) -> str | None:
    """The path (from the site folder ``root``) of the file of record ``record_id`` in ``content/<collection>/``,
    or None when there is none. Raises nothing."""
    for suffix in RECORD_SUFFIXES:
        rel = f"content/{collection}/{record_id}{suffix}"
        if (root / rel).is_file():
            return rel
    return None


def id_differs_hint(root: Path, collection: str, rel: str, stem: str, declared: object) -> str:
    """The hint for a record file ``rel`` named ``stem`` (an id) whose ``id:`` is ``declared``, another value.

    Takes the site folder, the record folder, the file's path and name and
    the id as read. Renaming the file to the id it declares is offered
    only when no file has that name: else it would overwrite that record
    (``huaxin.yaml`` copied from ``chonggu.yaml``, ``id: chonggu`` left in
    it), and the hint says so; a file naming the same record as that one
    is told what to do with a copy. Nor is it offered for a unit whose
    name reads as its file name and not as that id (``huaxin.yaml``, name
    华新镇, ``id: chonggu``, with no ``chonggu.yaml``): the id is a copy's,
    left in it. Raises nothing.
    """
    if not (isinstance(declared, str) and is_slug(declared)):
        return f"the id is the file name: write id: {stem}"
    other = record_file(root, collection, declared)
    kind, field = _WHAT[collection]
    if other is None:
        own = _record_name(root / rel, field)
        if collection == "units" and own and spells(stem, own) and not spells(declared, own):
            # huaxin.yaml named 华新镇, copied from chonggu.yaml with its id left: renamed to chonggu.yaml, the
            # file takes the other town's id and address, and that town's own file, made later, clashes with it.
            return (f"the id is the file name: write id: {stem} (the name {own} reads {stem}: the file is named "
                    f"for this unit, and the id {declared} is not its own)")
        return f"the id is the file name: rename the file to {declared}.yaml or write id: {stem}"
    overwrite = f"renaming this file to {declared}.yaml instead would overwrite {other}"
    own, theirs = _record_name(root / rel, field), _record_name(root / other, field)
    if own and theirs and plain_name(own) == plain_name(theirs):  # the copy's name not changed yet
        return (f"the id is the file name: if this file is a new {kind} begun from a copy of {other}, write id: "
                f"{stem} and its own {field} (it still has {field}: {own} of that file); if it is a copy kept by "
                f"mistake, delete it or move it out of content/ ({overwrite})")
    return f"the id is the file name: write id: {stem} ({overwrite}, the file of another {kind})"


def report_misnamed(root: Path, files: list[MisnamedFile], page_ids: Mapping[str, list[str]],
                    report: Report) -> dict[tuple[str, str], tuple[str, str]]:
    """Report each record file whose name is no id, with the one fix for it; return the renames for the pages.

    Takes the site folder, the files (in any order), the ids that pages
    name as their unit with no unit file of that name, each with the
    pages naming it, and the report. A file named as a copy of another
    record file (``chonggu - 副本.yaml``, `copy_suffix`) is told to be
    deleted, and when its text differs, to have its edits copied into
    the original first. Any other file is told the id to rename it to:
    its ``id:``, else the name it is a copy's name of when no file has
    that name (``chonggu - 副本.yaml`` alone: ``chonggu``), else the id
    the pages name it by (units: an id that spells its name,
    `sitegen.slugs.spells`), else the pinyin of its name with the note
    `sitegen new unit` gives (多音字). When several files would be told
    the same id (``chonggu - 副本.yaml`` and ``chonggu (2).yaml`` with no
    ``chonggu.yaml``; two files declaring ``id: chonggu``; two names with
    one pinyin), renamed together the last would overwrite the others: only
    the first in order of path, the one listed first, is told the rename,
    and each other one is told it is a copy of that file (deleted, its edits
    copied over first when its text differs), or, when it names another
    unit and is not named as a copy, to take an id of its own. Returns, for the pages,
    ``{(collection, id a page names): (file path, id to rename it to)}``.
    Raises nothing.
    """
    renames: dict[tuple[str, str], tuple[str, str]] = {}
    offered: list[tuple[MisnamedFile, str, str]] = []
    for file in sorted(files, key=lambda file: file.path):
        copied = _copy_of(root, file)
        if copied is not None:
            report.error(file.path, None, None, *copied)
            continue
        offered.append((file, *_rename_hint(root, file, page_ids)))
    # The first in order of path keeps the rename: it is listed first, so it is read first. A file's modification
    # time would not tell the original either: Windows Explorer gives a copy the time of the file it copies.
    first: dict[tuple[str, str], MisnamedFile] = {}
    for file, target, _hint in offered:
        if target:
            first.setdefault((file.collection, target), file)
    for file, target, hint in offered:
        message = f'the file name "{file.stem}" is not a valid id'
        kept = first.get((file.collection, target)) if target else None
        if kept is not None and kept is not file:
            report.error(file.path, None, None, *_same_target(root, file, kept, target))
            continue
        others = [other.path for other, other_target, _hint in offered
                  if other is not file and other_target == target and other.collection == file.collection]
        if target and others:
            hint += (f"; {' and '.join(others)} would take the name {target}.yaml too, and renamed together one "
                     f"would overwrite the other: this file, the first in order, is the one to rename")
        report.error(file.path, None, None, message, hint)
        if target:
            named = [rid for rid in page_ids if _names_it(rid, file)] if file.collection == "units" else []
            for rid in dict.fromkeys([target, make_slug(file.stem), *named]):
                renames.setdefault((file.collection, rid), (file.path, target))
    return renames


def _rename_hint(root: Path, file: MisnamedFile, page_ids: Mapping[str, list[str]]) -> tuple[str, str]:
    """The id to rename ``file`` to ("" for none) and the hint saying so (see `report_misnamed`)."""
    value = file.data.value if isinstance(file.data.value, dict) else {}
    declared = value.get("id")
    if isinstance(declared, str) and is_slug(declared) and record_file(root, file.collection, declared) is None:
        return declared, (f'rename the file to {declared}.yaml (a-z, 0-9 and "-" only) (the id it declares: '
                          f"id: {declared})")
    original = _copied_name(file.stem)
    if original is not None and is_slug(original) and record_file(root, file.collection, original) is None:
        # A copy whose original is gone (moved, or renamed): the pinyin of its whole name, chonggu-fu-ben, is a
        # junk id, and the pages name the original's.
        added = copy_suffix(file.stem, original)
        return original, (f'rename the file to {original}.yaml (a-z, 0-9 and "-" only): its name is {original} with '
                          f'"{added}" added, as copies are named, and no file is named {original}.yaml')
    made = make_slug(file.stem)
    named = sorted(((len(pages), rid) for rid, pages in page_ids.items() if _names_it(rid, file)),
                   key=lambda item: (-item[0], item[1]))
    if named and named[0][1] == made:  # the pages name it by its pinyin: its reading is the one in use
        return made, f'rename the file to {made}.yaml (a-z, 0-9 and "-" only)'
    if named and record_file(root, file.collection, named[0][1]) is None:
        rid = named[0][1]
        pages = page_ids[rid]
        shown = pages[0] + (f" and {len(pages) - 1} more" if len(pages) > 1 else "")
        return rid, (f'rename the file to {rid}.yaml (a-z, 0-9 and "-" only): the id {shown} name'
                     f'{"s" if len(pages) == 1 else ""} this unit by (unit: {rid})')
    if not made:
        return "", 'rename the file using a-z, 0-9 and "-" only, as the pinyin of its name'
    other = record_file(root, file.collection, made)
    if other is not None:
        return "", (f"{other} has the id {made}, the pinyin of this file's name: if this file is a copy of it, delete "
                    "it or move it out of content/; else rename it using a-z, 0-9 and \"-\" only")
    hint = f'rename the file to {made}.yaml (a-z, 0-9 and "-" only)'
    if re.search(r"[\u3400-\u9fff]", file.stem) and (check := reading_check(file.stem)) is not None:
        hint += (f'; the id {made} is the pinyin of "{file.stem}" and goes into the address of its page; {check}, '
                 "name the file with that reading instead")
    return made, hint


def _names_it(record_id: str, file: MisnamedFile) -> bool:
    """True when ``record_id`` spells the unit file's name or the name of the file (`sitegen.slugs.spells`)."""
    value = file.data.value if isinstance(file.data.value, dict) else {}
    names = [name for name in (value.get("name"), file.stem) if isinstance(name, str)]
    return any(spells(record_id, name) for name in names)


def _copied_name(stem: str) -> str | None:
    """The name ``stem`` is a copy's name of (`copy_suffix`: ``chonggu - 副本`` → ``chonggu``), else None."""
    # The shortest name first: "chonggu - 副本 (2)" is a copy of chonggu, not of "chonggu - 副本"; a name with a
    # space or "-" at an end is the copy's word cut short ("Copy of chonggu" is not a copy of "of chonggu").
    names = [name for at in range(1, len(stem)) for name in (stem[:at], stem[len(stem) - at:])
             if name == name.strip(" -")]
    return next((name for name in names if copy_suffix(stem, name) is not None), None)


def _copy_of(root: Path, file: MisnamedFile) -> tuple[str, str] | None:
    """The message and hint for ``file`` when its name is that of another record file with a copy's ending
    or beginning added (`copy_suffix`); None otherwise."""
    folder = root / "content" / file.collection
    others = sorted(path for path in folder.iterdir() if path.suffix.lower() in RECORD_SUFFIXES
                    and path.stem != file.stem and path.is_file()) if folder.is_dir() else []
    found = next(((other, suffix) for other in others for suffix in [copy_suffix(file.stem, other.stem)] if suffix),
                 None)
    if found is None:
        return None
    other, suffix = found
    original = f"content/{file.collection}/{other.name}"
    message = (f'the file name "{file.stem}" is not a valid id: this file is a copy of {original} (its name is that '
               f'file\'s name with "{suffix}" added, as copies are named)')
    return message, _copy_hint(root, file, original, original, "")


def _same_target(root: Path, file: MisnamedFile, kept: MisnamedFile, target: str) -> tuple[str, str]:
    """The message and hint for ``file``, to be renamed ``target`` as ``kept`` is, which is told the rename."""
    kind, field = _WHAT[file.collection]
    name, kept_name = _field_of(file.data, field), _record_name(root / kept.path, field)
    copy_named = _copied_name(file.stem) == target or copy_suffix(file.stem, kept.stem) is not None
    if copy_named or _lines(root / file.path) == _lines(root / kept.path) or not name or not kept_name \
            or plain_name(name) == plain_name(kept_name):
        message = (f'the file name "{file.stem}" is not a valid id: this file is a copy of {kept.path}, which is to '
                   f"be renamed {target}.yaml (both would take that name, and renamed together one would overwrite "
                   "the other)")
        into = f"{kept.path} ({target}.yaml once renamed)"
        return message, _copy_hint(root, file, kept.path, into, target)
    # Two units whose names have one pinyin (华新.yaml 华新镇, 化新.yaml 化新镇): neither is a copy to delete.
    hint = (f"it names another {kind} ({field}: {name}) than {kept.path} ({field}: {kept_name}), which is to be "
            f"renamed {target}.yaml: ")
    made = _own_id(root, file, name, target)
    if made:
        return f'the file name "{file.stem}" is not a valid id', hint + _rename_to_own(file, name, made)
    own_id = " and write that id after id: in it" if _declares_id(file) else ""
    return (f'the file name "{file.stem}" is not a valid id',
            hint + f'rename the file to an id of its own, using a-z, 0-9 and "-" only{own_id}')


def _copy_hint(root: Path, file: MisnamedFile, original: str, into: str, taken: str) -> str:
    """The hint for ``file``, a copy of the record file ``original`` (a path from the site folder): delete it,
    its edits copied ``into`` the file to keep first when its text differs; a copy naming another record is
    offered the id of its name, unless that is ``taken`` ("" for none) or a file's."""
    kind, field = _WHAT[file.collection]
    counted = " and counted" if kind == "unit" else ""
    delete = f"delete the copy or move it out of content/ (every {kind} in content/{file.collection}/ is listed{counted})"
    own, theirs = _lines(root / file.path), _lines(root / original)
    if own == theirs:
        return delete
    name, original_name = _field_of(file.data, field), _record_name(root / original, field)
    made = _own_id(root, file, name, taken) if name and original_name and plain_name(name) != plain_name(
        original_name) else ""
    if made:
        return (f"it names another {kind} ({field}: {name}): if it is a new {kind} begun from the copy, "
                f"{_rename_to_own(file, name, made)}; else copy its edits into {into}, then {delete}")
    at = next((number for number, (mine, theirs_line) in enumerate(zip(own, theirs), 1) if mine != theirs_line),
              min(len(own), len(theirs)) + 1)
    return (f"its text differs from {original} from line {at} on: if edits were made in the copy, copy "
            f"them into {into} first; then {delete}")


def _lines(path: Path) -> list[str]:
    """The lines of a text file as read for comparing, ends of lines and trailing spaces aside ([] if unreadable)."""
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    return [line.rstrip() for line in text.splitlines()]


def _record_name(path: Path, field: str) -> str:
    """The ``field`` (name or title) of the record file at ``path``; "" when unreadable or missing."""
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return ""
    return _field_of(load_yaml(text, path.name, Report()), field)


def _field_of(data: YamlData | None, field: str) -> str:
    """The text of ``field`` (name or title) in a record's YAML, stripped; "" when missing or not a text."""
    value = data.value.get(field) if data is not None and isinstance(data.value, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _declares_id(file: MisnamedFile) -> bool:
    """True when the misnamed file has an ``id:`` line, which a rename must be matched by."""
    return isinstance(file.data.value, dict) and file.data.value.get("id") is not None


def _own_id(root: Path, file: MisnamedFile, name: str, taken: str) -> str:
    """The pinyin of ``name`` (the file's record name) as the file's id, when it is an id no file has and not
    ``taken`` (the name another file is to be renamed to); else ""."""
    made = make_slug(name) if name else ""
    return made if is_slug(made) and made != taken and record_file(root, file.collection, made) is None else ""


def _rename_to_own(file: MisnamedFile, name: str, made: str) -> str:
    """The rename of ``file``, which names another record (``name``), to its own id ``made`` (`_own_id`)."""
    own_id = f" and write id: {made} in it" if _declares_id(file) else ""
    check = reading_check(name)
    return f"rename the file to {made}.yaml{own_id}" + (f" ({check}, with that reading)" if check else "")


# Kept by hand too, with a word of its own: "baihe - 旧", "baihe_bak", "baihe-备份" (told to be renamed to its pinyin,
# baihe-jiu.yaml, the copy became a second 白鹤镇, its figures counted twice).
_COPY_SUFFIX = compile_later(r"\s*(?:[-_.]\s*)?(?:副本|的副本|复件|copy|拷贝|备份|旧|旧版|原版|原稿|修改前|old|bak|backup|orig)?"
                             r"\s*(?:[(（]\s*\d+\s*[)）])?", re.IGNORECASE)
# Windows XP's copies put the word first: "复件 baihe", "复件 (2) baihe", "Copy of baihe", "Copy (2) of baihe".
_COPY_PREFIX = compile_later(r"(?:复件|副本|copy)\s*(?:[(（]\s*\d+\s*[)）])?\s*(?:of\s+)?", re.IGNORECASE)


def copy_suffix(stem: str, original: str) -> str | None:
    """What a file's name ``stem`` adds to ``original`` when it is named as a copy of it, else None.

    Names as Windows Explorer gives a copy (``华新镇访谈 - 副本``,
    ``baihe - Copy``, ``baihe - 副本 (2)``, ``baihe (2)``), as WPS or other
    tools do (``华新镇访谈副本``, ``华新镇访谈的副本``), as macOS does
    (``baihe copy``) and as one kept by hand is (``baihe - 旧``,
    ``baihe_bak``, ``baihe.old``): ``original`` followed by such a suffix, returned as
    typed (`` - 副本``); or as Windows XP did, the word first (``复件 baihe``,
    ``Copy of baihe``: the prefix returned). Names are compared without their
    extension.
    """
    if stem == original:
        return None
    if stem.startswith(original):
        rest = stem[len(original):]
        return rest if _COPY_SUFFIX.fullmatch(rest) and rest.strip(" -") else None
    if stem.endswith(original):
        rest = stem[:-len(original)]
        return rest if _COPY_PREFIX.fullmatch(rest) else None
    return None
