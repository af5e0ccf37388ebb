"""Load a site's content: source files → typed records, each with its origin.

The layout under ``content/`` (documented in the README):

- ``series/<id>.yaml``: one `Series` per file.
- ``units/<id>.yaml``: one `Unit` per file, with its tallies, targets and
  milestones.
- ``interviews/**/*.md`` and ``cases/**/*.md``: Markdown with YAML front
  matter (`InterviewMeta`, `CaseStudyMeta`).
- any other file (images, PDFs) is an asset, copied to the same path in the
  output; one at the path of a file sitegen writes is refused with the site
  graph (`sitegen.site.check_content_assets`).

Free-form YAML under ``data/`` (beside ``content/``) is loaded as it was
typed, every scalar a string, for templates (as Hugo's data files).

Every record keeps its path, its text and the positions of its YAML, so
that later checks can point at the exact line and column. Problems go to
the report; a file that cannot be read or validated is left out and the
build stops later. Two rules are checked here because only loading knows
them: every page gets a non-empty URL part (slug), and no two pages get the
same URL (Eleventy's rule: never a silent overwrite; case 13), nor does an
old address a page keeps (``aliases:``) name another page or another
page's old address. Files are never written.

May import: lazyre, errors, config, sources, yamltext, validation, models, markup, bodies, slugs, fresh, heardnames,
pagecache, workers, recordfiles, strayfields, textfigures, wiretext.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote
from typing import Any, Generic, Iterable, Iterator, Mapping, NamedTuple, Sequence, TypeVar

from .bodies import Body, BodyBook, BodyJob, Facts, Stored, convert_and_store, process_renderer
from .config import Config
from .errors import SHOW_FILE_ENDINGS, Problem, Report
from .lazyre import compile_later
from .markup import MarkdownRenderer, RenderedMarkdown, body_complexity
from .models import DATA_YES_NO, CaseStudyMeta, DataFlag, DataMap, DataText, InterviewMeta, Series, Unit, plain_name
from .slugs import device_name, heard_reading, is_slug, make_slug, make_slugs, windows_safe
from .fresh import code_fingerprint
from .heardnames import given_names, kept_spans, name_shape, name_spans
from .pagecache import Entry, PageCache, settled_stamp, source_digest, text_key
from .recordfiles import MisnamedFile, copy_suffix, id_differs_hint, report_misnamed
from .sources import SourceFile, SourceReader, find_sources, split_front_matter
from .strayfields import check_fields_below, check_pasted_front_matter
from .validation import (fields_elsewhere, group_fields, names_a_field, typed_value_warnings, validate_record,
                         values_meant, withdraw_missing_beside_text, withdraw_wide_note_warnings)
from .workers import Pending, WorkerPool, can_fork, run_apart
from .yamltext import YamlData, load_yaml, typed_line_list, typed_line_value
from .textfigures import PageFigures, page_figures
from .wiretext import packed, unpacked

RecordT = TypeVar("RecordT")

CONTENT_DIR = "content"
DATA_DIR = "data"
MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
DOCUMENT_SUFFIXES = (".doc", ".docx", ".docm", ".wps", ".rtf", ".odt", ".txt", ".xls", ".xlsx", ".et", ".ods",
                     ".csv", ".ppt", ".pptx", ".dps")
"""Office and text documents: in a folder of pages or records (content/interviews/ …) they are not published."""
# Folders of content/ and the record each holds.
COLLECTIONS = {"series": Series, "units": Unit, "interviews": InterviewMeta, "cases": CaseStudyMeta}
KINDS_ALIKE = {name: {COLLECTIONS[kind]: f"{CONTENT_DIR}/{kind}/" for kind in alike}
               for alike in (("interviews", "cases"), ("series", "units")) for name in alike}
"""For each folder of content/, the kinds of file that may be saved in it by mistake, its own among them, each
with its own folder (pages with pages, records with records), for `sitegen.validation.validate_record`."""


@dataclass(frozen=True)
class Sourced(Generic[RecordT]):
    """A record with where it came from: its file, its text and the positions of its YAML.

    ``modified_ns``: the file's modification time in nanoseconds (0 when not known): of two unit files
    with one text, the newer is more likely the copy (``cp`` and 复制 make a new file).
    """

    record: RecordT
    path: str
    yaml: YamlData
    text: str = ""
    modified_ns: int = 0


@dataclass(frozen=True)
class Document:
    """A Markdown page: its front matter record, body and rendered body.

    ``slug`` is the front matter ``slug``, else the file name when it is a
    slug already, else the pinyin slug of the title (see `sitegen.slugs`).
    ``body_line`` is the file line of the body's first line;
    ``front_matter`` the YAML text as typed, starting at file line
    ``front_matter_line``. ``source_digest`` identifies the file's decoded
    text (with the settings and sitegen's code; `sitegen.pagecache.text_key`),
    so fingerprints need not hash the text again; "" when not known.
    ``modified_ns`` is the file's modification time in nanoseconds (0 when
    not known), as `Sourced.modified_ns`: of two pages with one text, the
    newer is more likely the copy. ``name_spans`` are the spans of its
    front matter and body shaped like a unit's name
    (`sitegen.heardnames.name_spans`), sorted, their strings shared between pages
    (`sitegen.heardnames.kept_spans`); None when not read. ``figures`` are
    the figures its texts give for the days they name
    (`sitegen.textfigures.page_figures`), read once with the page and kept
    with it in the page cache; None when not read (the checks read them then).
    """

    collection: str
    path: str
    meta: InterviewMeta | CaseStudyMeta
    yaml: YamlData
    body: str
    body_line: int
    rendered: Body
    slug: str
    front_matter: str = ""
    front_matter_line: int = 2
    source_digest: str = ""
    modified_ns: int = 0
    name_spans: tuple[str, ...] | None = None
    figures: PageFigures | None = None


class FailedPage(NamedTuple):
    """A page whose front matter was read but not accepted: its collection and path, its front matter as
    read, and its text (``body``, from file line ``body_line``), for the checks of what else it holds."""

    collection: str
    path: str
    front_matter: YamlData
    body: str
    body_line: int


class UnitNames(NamedTuple):
    """A unit of the site as an editor's hint names it (`Content.unit_names`): its id (file name), its file, its
    name (its id when no name can be read), aliases and misspellings as typed; ``mending`` when its file has
    errors (told at their lines), so that the unit is not read until they are mended."""

    id: str
    path: str
    name: str
    aliases: tuple[str, ...]
    misspellings: tuple[str, ...]
    mending: bool


def _texts_of(value: object) -> tuple[str, ...]:
    """The texts of a list field as typed (``[白河镇, 百合镇]``); () for anything else."""
    return tuple(text for text in value if isinstance(text, str)) if isinstance(value, list) else ()


@dataclass
class Content:
    """Everything loaded from a site folder, before cross-record checks.

    ``converted`` counts the Markdown bodies converted by this load (the
    others came unchanged from the build cache). ``broken`` holds
    ``(collection, id)`` of record files that exist but could not be loaded
    (their own errors are reported). ``tag_slugs`` maps each tag text of
    the pages to its slug (`sitegen.slugs.make_slug`), made while loading.
    ``failed`` holds the pages whose front matter was read but not accepted
    (`FailedPage`; its errors are reported), so that the checks can report
    at once what else is wrong in it or in the page's text (a missing
    picture, a placeholder);
    ``unloaded_pages`` holds the paths of the pages that could not be read
    that far (no front matter, YAML that cannot be read, a file that cannot
    be decoded; their errors are reported): with ``failed``, the editor's
    pages a check of the whole site must still count as pages
    (`sitegen.checktexts.check_init_examples`);
    ``failed_units`` holds ``(path, YAML)`` of the unit files alike, whose
    valid tallies and milestones are checked all the same; ``unreadable_units``
    ``(path, text)`` of those whose YAML cannot be read at all, so that a page
    naming one by a name its text holds is told that file, not to make another.
    ``readings`` maps each unit's name and alias (of a unit file with errors too: `unit_names`), and each
    page's ``unit:`` that is no id (not ASCII: a name typed there), to its toneless pinyin reading
    (its slug, `sitegen.slugs.make_slug`: 白鹤镇 → ``bai-he-zhen``); the
    checks that compare names by sound (`sitegen.checks`) ask `sound_of`.
    ``unread`` maps ``(collection, id)`` of a series or unit file that is not
    read for its name (``baihe.yaml.txt``: Notepad added ``.txt``; a warning
    says so) to ``(its path, the name to rename it to)``, so that a page
    naming that id is told which file to rename rather than to make a new one.
    ``misnamed`` maps ``(collection, id)`` of an id a page may name a record by
    whose file name is no id (``重固镇.yaml``; its error says so) to ``(its
    path, the id to rename it to)``, as that error does (`sitegen.recordfiles`).
    """

    series: dict[str, Sourced[Series]] = field(default_factory=dict)
    units: dict[str, Sourced[Unit]] = field(default_factory=dict)
    interviews: list[Document] = field(default_factory=list)
    cases: list[Document] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    converted: int = 0
    broken: set[tuple[str, str]] = field(default_factory=set)
    tag_slugs: dict[str, str] = field(default_factory=dict)
    failed: list[FailedPage] = field(default_factory=list)
    unloaded_pages: list[str] = field(default_factory=list)
    failed_units: list[tuple[str, YamlData]] = field(default_factory=list)
    unreadable_units: list[tuple[str, str]] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)
    unread: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    misnamed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def unit_names(self) -> list[UnitNames]:
        """Every unit of the site as a hint names it, by id: those read (`units`) and those whose file has errors
        (`failed_units`, their fields as typed; `unreadable_units`, the ``name:`` line of their text and the lists
        typed on one line), whose file name is an id. Raises nothing.

        A unit whose file has a slip in its YAML is the editor's still: a hint or a duplicate check that left it
        out offered "sitegen new unit" for it, and the town had two files.
        """
        found = [UnitNames(rid, unit.path, unit.record.name, tuple(unit.record.aliases),
                           tuple(unit.record.misspellings), False) for rid, unit in self.units.items()]
        for path, data in self.failed_units:
            fields = data.value if isinstance(data.value, dict) else {}
            rid = PurePosixPath(path).stem
            name = fields.get("name")
            found.append(UnitNames(rid, path, name.strip() if isinstance(name, str) and name.strip() else rid,
                                   _texts_of(fields.get("aliases")), _texts_of(fields.get("misspellings")), True))
        for path, text in self.unreadable_units:
            rid = PurePosixPath(path).stem
            found.append(UnitNames(rid, path, typed_line_value(text, "name") or rid,
                                   tuple(typed_line_list(text, "aliases") or ()),
                                   tuple(typed_line_list(text, "misspellings") or ()), True))
        return sorted((unit for unit in found if is_slug(unit.id)), key=lambda unit: unit.id)

    def sound_of(self, name: str) -> str:
        """The reading of ``name`` to compare by sound (`readings`), or "" when there is none to compare
        (none, or one that may have been cut: `sitegen.slugs.heard_reading`)."""
        return heard_reading(self.readings.get(name, ""))


@dataclass(frozen=True)
class _Page:
    """A Markdown page read and validated, its body not converted yet.

    ``slug`` and the slugs in ``tag_slugs`` are None while they wait for
    `_finish_slugs` (only between a worker and the main process).
    ``body_key`` is ``(Markdown settings key, key)`` of the body in the
    Markdown cache (`sitegen.bodies.BodyJob.known_key`), once known;
    ``body_facts`` the body's `sitegen.bodies.Body.facts` and summary then,
    so that a page taken from the page cache need not have them read from
    the Markdown cache (`sitegen.bodies.BodyBook.recall`).
    ``name_spans`` and ``figures``: `Document.name_spans` and `Document.figures`,
    kept with the page in the page cache so that a rebuild does not read
    every text for them again.
    """

    collection: str
    path: str
    meta: InterviewMeta | CaseStudyMeta
    yaml: YamlData
    body: str
    body_line: int
    slug: str | None
    front_matter: str
    front_matter_line: int
    tag_slugs: tuple[tuple[str, str | None], ...] = ()
    body_key: tuple[str, str] = ("", "")
    body_facts: tuple[Facts, str] | None = None
    name_spans: tuple[str, ...] = ()
    figures: PageFigures = ()

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        # Texts as bytes (`sitegen.wiretext`): the page cache pickles the page this process keeps.
        return (_page_of, (self.collection, self.path, self.meta, self.yaml, packed(self.body), self.body_line,
                           self.slug, packed(self.front_matter), self.front_matter_line, self.tag_slugs,
                           self.body_key, self.body_facts, self.name_spans, self.figures))


def _page_of(collection: str, path: str, meta: InterviewMeta | CaseStudyMeta, yaml: YamlData, body: bytes,
             body_line: int, slug: str | None, front_matter: bytes, *rest: Any) -> _Page:
    """The `_Page` its `_Page.__reduce__` pickled."""
    return _Page(collection, path, meta, yaml, unpacked(body), body_line, slug, unpacked(front_matter), *rest)


def load_content(config: Config, report: Report, renderer: MarkdownRenderer | None = None, *,
                 workers: int = 1, cache_folder: Path | None = None,
                 known_slugs: Mapping[str, str] | None = None) -> Content:
    """Read every source file of the site into a `Content`.

    Takes the settings, the report, optionally a Markdown renderer to reuse,
    the number of worker processes and the build cache folder (None: no
    cache; see `sitegen.bodies` and `sitegen.pagecache`). Returns what could
    be loaded (with the slug of every tag: from ``known_slugs``, slugs of
    earlier builds, or made now); every problem (unreadable file, invalid YAML, invalid field,
    a file outside any collection, a page without a URL, two pages with one
    URL, no content folder at all) is in the report. Raises nothing for bad input.

    Files are read and decoded here (their digests decide what the caches
    hold); the front matter of pages not in the page cache is read and
    their bodies converted by the workers (`sitegen.workers`), one job per
    page. The result is the same as loading here, in the same order.
    """
    content = Content()
    if not (config.root / CONTENT_DIR).is_dir():
        # A folder renamed, moved or not synced yet: published, the site would lose every page.
        report.error(f"{CONTENT_DIR}/", None, None,
                     f"the site has no content folder (内容文件夹): {CONTENT_DIR}/ is missing beside site.yaml, so "
                     "the site would be published without a page",
                     f"if the folder was renamed or moved, put it back as {CONTENT_DIR}/ in {config.root}; if that "
                     "is not the site's folder, name the folder that holds site.yaml and content/ (--site)")
    cache = PageCache(cache_folder)
    renderer = renderer or process_renderer()
    found = _Discovery(config, content, report, cache, SourceReader(config.root),
                       _settings_key(config) if cache_folder is not None else "")
    bodies: dict[str, Body] = {}
    with WorkerPool(workers) as pool, \
            BodyBook(cache_folder, renderer.settings_key, config.summary_length) as book:
        batches = _PageBatches(pool, book, workers, (cache_folder, config.summary_length, dict(known_slugs or {})))
        for rel in find_sources(config.root, CONTENT_DIR, (), report):
            found.file(rel)
            batches.offer(found.jobs)
        pages, jobs, keys = found.pages, batches.finish(found.jobs), found.keys
        results = batches.results()
        shared_spans: dict[str, str] = {}  # one string per span for all pages (`kept_spans`)
        read: list[tuple[str, list[Problem]]] = []
        for job, (page, problems, converted) in zip(jobs, results):
            report.extend(problems)
            if page is None:  # read again here (pages with errors are few) for the checks of what it holds
                data = load_yaml(job.front_matter, job.path, Report(), first_line=job.front_matter_line)
                if data is None:
                    content.unloaded_pages.append(job.path)
                else:
                    content.failed.append(FailedPage(job.collection, job.path, data, job.body, job.body_line))
            if page is not None:  # the texts came back empty: this process holds them already
                page = dataclasses.replace(page, body=job.body, front_matter=job.front_matter,
                                           name_spans=kept_spans(page.name_spans, shared_spans))
            pages[job.path] = page
            if page is not None and isinstance(converted, Stored):
                bodies[job.path] = book.stored(job.body_job, converted)
            elif page is not None and converted is not None:
                bodies[job.path] = book.add(job.body_job, converted)
            if page is not None and job.path not in found.split_errors \
                    and not any(problem.severity == "error" for problem in problems):
                read.append((job.path, problems))
        pool.close()  # before `_finish_slugs` forks its own process: a smaller one
        content.readings = _finish_slugs(pages, report, workers, _named_by_sound(content, pages),
                                         known_slugs or {})
        loaded = [page for page in pages.values() if page is not None]
        bodies.update(book.recall([(BodyJob(p.path, p.body, p.body_line, p.body_key), *p.body_facts)
                                   for p in loaded if p.path not in bodies and p.body_facts is not None]))
        bodies.update(book.take([BodyJob(p.path, p.body, p.body_line, p.body_key) for p in loaded
                                 if p.path not in bodies], pool, renderer))
        for path, problems in read:
            page = pages[path]
            if page is not None:
                # Stored with its body's key and facts: the next build neither hashes the body nor reads its facts.
                body = bodies[path]
                found.remember(path, keys[path], dataclasses.replace(
                    page, body_key=(renderer.settings_key, body.key), body_facts=(body.facts, body.summary)), problems)
        cache.save()
    content.converted = book.converted
    for page in _windows_safe_slugs(loaded):
        body = bodies[page.path]
        report.extend(body.problems)
        content.tag_slugs.update(page.tag_slugs)
        getattr(content, page.collection).append(Document(
            page.collection, page.path, page.meta, page.yaml, page.body, page.body_line, body,
            page.slug, page.front_matter, page.front_matter_line, keys[page.path],
            found.modified.get(page.path, 0), kept_spans(page.name_spans, shared_spans), page.figures))
    _report_misnamed(config.root, found.misnamed, content, report)
    for rel in find_sources(config.root, DATA_DIR, YAML_SUFFIXES, report):
        _load_data_file(found.reader, rel, content, report)
    _report_unread_data_files(config.root, report)
    check_page_urls(config, content, report)
    check_aliases(config, content, report)
    return content


def _report_misnamed(root: Path, files: list[MisnamedFile], content: Content, report: Report) -> None:
    """Report the record files whose name is no id (`sitegen.recordfiles.report_misnamed`), with the ids the
    pages name as their unit and no unit has; keep the renames offered in `Content.misnamed`.

    An id pages name that a file is to be renamed to is no longer "there is
    no unit" for them alone: their error names the file to rename instead.
    An id typed in full width or with capitals (``ｃｈｏｎｇｇｕ``, ``Chonggu``)
    counts as the id it reads as, which the page is told to write.
    """
    if not files:
        return
    page_ids: dict[str, list[str]] = {}
    for document in sorted(content.interviews + content.cases, key=lambda document: document.path):
        unit = document.meta.unit
        if unit and unit not in content.units:
            half = unicodedata.normalize("NFKC", unit).strip().lower()
            # Matched as typed, ｃｈｏｎｇｇｕ spelt no file's name: 重固镇.yaml was told its pinyin, zhong-gu-zhen, and
            # the page "sitegen new unit", which together made two units of one town.
            page_ids.setdefault(half if is_slug(half) else unit, []).append(document.path)
    content.misnamed.update(report_misnamed(root, files, page_ids, report))
    for (collection, rid), (path, target) in content.misnamed.items():
        # The pinyin of 重固镇.yaml silenced pages naming zhong-gu-zhen; with the file renamed to another id, they
        # would be told "there is no unit" only then: they are told the rename now.
        if rid != target and not any((root / f"{CONTENT_DIR}/{collection}/{rid}{suffix}").is_file()
                                     for suffix in YAML_SUFFIXES):
            content.broken.discard((collection, rid))


def _collection_of(rel: str) -> str | None:
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 and parts[1] in COLLECTIONS else None


def _collection_in_other_case(rel: str) -> str | None:
    """The content folder (`COLLECTIONS`) that the first folder of ``rel`` under content/ is in other capitals or
    in full width (``content/Interviews/a.md``, ``content/ｕｎｉｔｓ/``: one folder on Windows, another on the web
    server), or None."""
    parts = rel.split("/")
    if len(parts) < 3 or parts[1] in COLLECTIONS:
        return None
    folded = unicodedata.normalize("NFKC", parts[1]).casefold()
    return next((name for name in COLLECTIONS if name == folded), None)


def _notepad_suffix(rel: str) -> str | None:
    """Return ".md" for ``访谈.md.txt`` (a source whose name Notepad extended with ".txt"), else None."""
    name = rel.rpartition("/")[2].lower()
    return next((suffix for suffix in MARKDOWN_SUFFIXES + YAML_SUFFIXES if name.endswith(suffix + ".txt")), None)


def _meant_name(root: Path, rel: str, collection: str | None) -> str | None:
    """The name a page or record saved under another file name was meant to have; None for any other file.

    Takes the site folder, the file's path from it (its name ends in
    neither .md nor .yaml) and the content folder it is in. In a folder
    of pages (interviews, cases) that is a file whose name, read in half
    width (NFKC), ends in .md or .markdown (``访谈．ｍｄ``, typed with an
    input method), or that starts with ``---`` as a page does (``访谈``
    without an ending, ``访谈.md.bak``, ``访谈.mdown``): such a file would
    be published as it is, its front matter and drafts included, and its
    page would be missing. In a folder of records (units, series): a name
    ending in .yaml or .yml in half width, holding one before another
    ending (``baihe.yaml.bak``), or with no ending (``huaxin``, its
    .yaml hidden by Windows and deleted with the name). Returns the name meant (``访谈.md``).
    """
    name = rel.rpartition("/")[2]
    half = unicodedata.normalize("NFKC", name).rstrip(". 。")
    lower = half.lower()
    if collection in ("interviews", "cases"):
        endings = MARKDOWN_SUFFIXES
        if not lower.endswith(endings) and not _starts_with_fence(root / rel):
            return None
    elif collection in ("series", "units"):
        endings = YAML_SUFFIXES
        if not lower.endswith(endings) and not any(ending + "." in lower for ending in endings) \
                and os.path.splitext(half)[1]:
            return None
    else:
        return None
    if lower.endswith(endings):
        return half
    stem = next((half[:lower.index(ending + ".")] for ending in endings if ending + "." in lower),
                os.path.splitext(half)[0] or half)
    return stem + endings[0]


def _starts_with_fence(path: Path) -> bool:
    """True when the file at ``path`` starts with ``---`` (after a byte-order mark), as a page does."""
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


_RECORD_START = compile_later(rb"(?:\xef\xbb\xbf)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:name|title|id|level)[ \t]*:")


def _holds_a_record(path: Path) -> bool:
    """True when the file at ``path`` starts, past notes and blank lines, with a field a unit or series file
    starts with: ``name:`` or ``level:`` (a unit), ``title:`` (a series), or ``id:``."""
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    return _RECORD_START.match(head) is not None


def _rename_hint(path: Path, meant: str, why: str) -> str:
    """The hint for the file at ``path``, named as a page or record ``meant`` is with an ending after or in its
    place (``a.md.bak``, ``a.md.txt``, ``a.txt``): rename it to ``meant``, ``why`` after (" (turn on …)", what
    hid the ending, or ", typed in half width …"); but when ``meant`` is there too, renamed it would replace that file, so it is
    told to be moved out as the copy kept by hand it most likely is."""
    if not path.with_name(meant).exists():
        return f"rename the file to {meant}{why}"
    return (f"{meant} is there too, so this is most likely a copy kept by hand (备份): move it out of content/ "
            f"(if it holds the newer text, copy that into {meant} first)")


def _move_hint(meant: tuple[str, str, str]) -> str:
    """The hint for a file in the wrong place, from what `_collection_meant` found it to be."""
    folder, field, kind = meant
    return f"move it into content/{folder}/: its {field}: field makes it {kind}"


def _collection_meant(path: Path, page: bool) -> tuple[str, str, str] | None:
    """The collection a page (``page``) or record outside any (``content/访谈/a.md``) was written for, told by a
    field that only that collection's files have among those of its kind (an interview's ``interviewee:``, a
    unit's ``tallies:``; from the models in `COLLECTIONS`): ``(collection, that field, what one is)``, or None
    when its first 8 KB hold no such field, or fields of two collections."""
    try:
        with open(path, "rb") as file:
            head = file.read(8192).decode("utf-8", "replace")
    except OSError:
        return None
    typed = re.findall(r"(?m)^(\w+)[ \t]*[:：]", head)
    kinds = KINDS_ALIKE["interviews" if page else "units"]  # pages with pages, records with records
    found = []
    for model, folder in kinds.items():
        others = {field for kind in kinds if kind is not model for field in kind.model_fields}
        own = [key for key in typed if key in model.model_fields and key not in others]
        if own:
            found.append((folder.removeprefix(f"{CONTENT_DIR}/").rstrip("/"), own[0], str(model.KIND)))
    return found[0] if len(found) == 1 else None


def _settings_key(config: Config) -> str:
    return f"{config!r}|{code_fingerprint()}"


class _Origin(NamedTuple):
    """Where a loaded file's cache entry comes from: its `source_digest`, `settled_stamp` and reading warnings."""

    source: str
    stamp: str
    read_warnings: list[Problem]


@dataclass
class _Discovery:
    """The state of one load while its files are found and read, one `file` call per source file.

    ``pages`` holds the Markdown pages in discovery order (None: waiting
    for its job in ``jobs``); ``keys`` the page-cache key of each page;
    ``origins`` what the page cache stores of each file read (`_Origin`);
    ``split_errors`` the pages whose splitting into front matter and body
    reported an error (a closing ``———``): they are loaded, so that their
    fields are checked too, but never stored in the page cache, whose
    entries keep no errors, so that the next build reports them again.
    ``modified`` the modification time (ns) of each page file, from the
    status taken to look it up in the page cache (`Document.modified_ns`).
    """

    config: Config
    content: Content
    report: Report
    cache: PageCache
    reader: SourceReader
    settings: str
    pages: dict[str, _Page | None] = field(default_factory=dict)
    jobs: list[_PageJob] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    origins: dict[str, _Origin] = field(default_factory=dict)
    split_errors: set[str] = field(default_factory=set)
    misnamed: list[MisnamedFile] = field(default_factory=list)
    modified: dict[str, int] = field(default_factory=dict)

    def _unread(self, rel: str, collection: str | None, meant: str) -> None:
        """Keep a series or unit file not read for its name (see `Content.unread`), by the id its name ``meant``
        would give: a name that is no id (白鹤镇.yaml.txt) is to be renamed to its slug (bai-he-zhen.yaml), as the
        error for such a file asks once it is read, and is kept by both."""
        if collection not in ("series", "units"):
            return
        stem, suffix = os.path.splitext(meant)
        rename = meant if is_slug(stem) or not make_slug(stem) else make_slug(stem) + suffix
        for typed in dict.fromkeys((stem, os.path.splitext(rename)[0])):
            self.content.unread.setdefault((collection, typed), (rel, rename))

    def file(self, rel: str) -> None:
        """Take one file found under content/: a record, a page, an asset, or a warning why not."""
        report = self.report
        name = rel.rpartition("/")[2]
        suffix = os.path.splitext(name)[1].lower()
        collection = _collection_of(rel)
        typed = _notepad_suffix(rel)
        if typed is not None:
            report.warning(rel, None, None,
                           f'the file name ends in "{typed}.txt" (Notepad added ".txt"), so it is neither read '
                           "nor published",
                           _rename_hint(self.config.root / rel, name[:-4],
                                        f" ({SHOW_FILE_ENDINGS} the .txt)"))
            self._unread(rel, collection, name[:-4])
        elif suffix in DOCUMENT_SUFFIXES and collection is not None:
            if not self.reader.check_inside(rel, report):
                return
            if suffix == ".txt" and collection in ("interviews", "cases") and _starts_with_fence(self.config.root / rel):
                report.warning(rel, None, None,
                               "this page (it starts with ---) is saved as .txt, so it is neither read nor published",
                               _rename_hint(self.config.root / rel, name[:-4] + ".md",
                                            f" ({SHOW_FILE_ENDINGS} the .txt)"))
                return
            if suffix == ".txt" and collection in ("units", "series") and _holds_a_record(self.config.root / rel):
                report.warning(rel, None, None,
                               "this record (its fields start with name: or title:) is saved as .txt, so it is "
                               "neither read nor published",
                               f"rename the file to {name[:-4]}.yaml ({SHOW_FILE_ENDINGS} the .txt)")
                self._unread(rel, collection, name[:-4] + ".yaml")
                return
            report.warning(rel, None, None,
                           f"a {suffix} document in content/{collection}/ is not published: this folder holds "
                           f"{'.md pages' if collection in ('interviews', 'cases') else '.yaml records'}, and a "
                           "document beside them is most often the draft or the figures they were written from",
                           f"to offer it for download, move it into content/files/ and link to it from a page: "
                           f"[{name}](files/{name})")
        elif suffix not in MARKDOWN_SUFFIXES + YAML_SUFFIXES:
            if not self.reader.check_inside(rel, report):
                return
            if suffix == ".json" and collection in ("series", "units"):
                # Published as a stray file, the unit had no page, no figures in the totals and no warning.
                meant = os.path.splitext(name)[0] + YAML_SUFFIXES[0]
                self._unread(rel, collection, meant)
                report.warning(rel, None, None, "this record is written as JSON (.json), so it is neither read "
                               "nor published", _rename_hint(self.config.root / rel, meant, ": JSON is written the "
                                                             "same in YAML, and the file is then read as typed"))
                return
            meant = _meant_name(self.config.root, rel, collection)
            if meant is None:
                self.content.assets.append(rel)
            else:
                self._unread(rel, collection, meant)
                kind = "page" if collection in ("interviews", "cases") else "record"
                report.warning(rel, None, None,
                               f"this {kind} is neither read nor published: its file name does not end in "
                               f'"{os.path.splitext(meant)[1]}"',
                               _rename_hint(self.config.root / rel, meant, ", typed in half width (半角)"
                                            if unicodedata.normalize("NFKC", name) != name else
                                            f" ({SHOW_FILE_ENDINGS} the whole name); if it is a "
                                            "copy kept by hand, move it out of content/"))
        elif collection is None and (folder := _collection_in_other_case(rel)) is not None:
            typed = rel.split("/")[1]
            why = ("a web server (Linux) tells capital from small letters, though Windows and macOS do not"
                   if typed.lower() == folder else "its letters are full width (全角), other letters than those of "
                   f"content/{folder}/")
            report.error(rel, None, None,
                         f"this file is in content/{typed}/, which is not content/{folder}/: {why}; sitegen reads "
                         f"only content/{folder}/, so this file would not be published",
                         f"rename the folder content/{typed} to content/{folder}, typed in small half-width letters "
                         f"(if content/{folder} is there too, move the files of content/{typed} into it)")
        elif collection is None:
            folders = ", ".join(f"content/{name}/" for name in COLLECTIONS)
            meant = _collection_meant(self.config.root / rel, suffix in MARKDOWN_SUFFIXES)
            report.warning(rel, None, None,
                           "this file is not in a content folder sitegen knows, so it is not published",
                           _move_hint(meant)
                           if meant else f"move it into one of: {folders}")
        elif collection in ("series", "units"):
            if suffix in YAML_SUFFIXES:
                self.record(rel, collection)
            else:
                meant = _collection_meant(self.config.root / rel, page=True)
                report.warning(rel, None, None, f"content/{collection}/ holds .yaml records; this file is ignored",
                               _move_hint(meant)
                               if meant else "write the record as a .yaml file")
        elif suffix in MARKDOWN_SUFFIXES:
            self.page(rel, collection)
        else:
            written = _collection_meant(self.config.root / rel, page=True)  # a page typed as a YAML file
            meant = None if written else _collection_meant(self.config.root / rel, page=False)
            report.warning(rel, None, None,
                           f"content/{collection}/ holds Markdown pages (.md); this file is ignored",
                           f"its {written[1]}: field makes it {written[2]} written as a .yaml file: save it as "
                           f"content/{written[0]}/{os.path.splitext(name)[0]}.md, with its fields between two lines "
                           '"---" at its top and its text below them' if written else
                           _move_hint(meant) if meant else "write the page as a .md file with front matter")

    def record(self, rel: str, collection: str) -> None:
        """Load a series or unit record; its YAML and fields come from the page cache when its text is unchanged."""
        content, report = self.content, self.report
        # Until it loads, the record counts as broken: pages naming it then get no
        # second, misleading "there is no unit" error beside the file's own error.
        stem = os.path.splitext(rel.rpartition("/")[2])[0]
        content.broken.add((collection, stem))
        info = self.reader.look(rel, self.report)
        if info is None:
            return
        read = self._read(rel, info)
        if read is None:
            return
        source, key, cached = read
        if cached is not None:
            data, record = cached.value
            if not self._unused_id(rel, collection, stem):
                return
            report.extend(cached.warnings)
        else:
            own = Report()
            # partial: a key typed twice leaves the rest read, so its fields are checked in this run too
            data = load_yaml(source.text, rel, own, elsewhere=fields_elsewhere(COLLECTIONS[collection]),
                             groups=group_fields(COLLECTIONS[collection]),
                             names=names_a_field(COLLECTIONS[collection]),
                             values=values_meant(COLLECTIONS[collection]), partial=True)
            read_whole = not own.has_errors()
            record = None
            declared = data.value.get("id") if data is not None and isinstance(data.value, dict) else None
            if isinstance(declared, str) and declared != stem:
                # Renamed from the id it declares (baihe.yaml → baihezhen.yaml, id: baihe still in it): the
                # pages naming that id get no "there is no unit" error beside the file's own.
                content.broken.add((collection, declared))
            if not is_slug(stem) and make_slug(stem):
                # 赵巷镇.yaml: its error says to rename it zhao-xiang-zhen.yaml, the id pages name it by; they get no
                # "there is no unit zhao-xiang-zhen, create it with sitegen new unit" beside it.
                content.broken.add((collection, make_slug(stem)))
            named = is_slug(stem)
            if data is not None and not named:  # told once the pages are read: they may name its id
                self.misnamed.append(MisnamedFile(collection, rel, stem, data))
            if data is not None:
                id_ok = named and _record_id_ok(data, rel, stem, own, self.config.root, collection)
                if id_ok and not self._unused_id(rel, collection, stem):
                    report.extend(own.problems)
                    return
                # The other fields are checked with an id of the file's own (its name, or the one it is to be
                # renamed to): told the wrong id or file name alone, the editor mended it and only then met a
                # missing field or a wrong date (one build each).
                own_id = stem if named else make_slug(stem) or "x"
                checked = data if id_ok or not isinstance(data.value, dict) else data.with_value(
                    {**data.value, "id": own_id})
                fields = Report()
                record = validate_record(COLLECTIONS[collection], checked, rel, fields, defaults={"id": own_id},
                                         folders=KINDS_ALIKE[collection])
                # A line with an error of its YAML is told that alone: what its fields say of it comes once it is
                # mended (the first of a field typed twice without its indent is told so, not also "unknown field").
                told = {problem.line for problem in own.errors}
                own.extend(problem for problem in fields.problems if problem.line not in told)
                withdraw_wide_note_warnings(own)
                withdraw_missing_beside_text(own)
                record = record if id_ok and read_whole else None
            report.extend(own.problems)
            if record is None and data is not None and collection == "units":
                content.failed_units.append((rel, data))
            elif data is None and collection == "units":
                content.unreadable_units.append((rel, source.text))
            if record is None or data is None:
                return
            if not own.has_errors():
                self.remember(rel, key, (data, record), own.problems)
        content.broken.discard((collection, stem))
        getattr(content, collection)[stem] = Sourced(record, rel, data, source.text, info.st_mtime_ns)

    def _read(self, rel: str, info: os.stat_result | None = None,
              stamp: str = "") -> tuple[SourceFile, str, Entry | None] | None:
        """Read a file: (its source, its page-cache key, the cache's entry for it or None); None if unreadable.

        ``info`` and ``stamp``: the file's status and `settled_stamp`, when
        just taken. Reading warnings are reported, and kept in ``origins``.
        """
        own = Report()
        source = self.reader.read(rel, own, info)
        self.report.extend(own.problems)
        if source is None:
            return None
        digest = source_digest(rel, source.text)
        key = text_key(self.settings, digest)
        self.origins[rel] = _Origin(digest, stamp, own.problems)
        return source, key, self.cache.get(rel, key)

    def remember(self, rel: str, key: str, value: Any, warnings: list[Problem]) -> None:
        """Put what loading ``rel`` (read by `_read`) gave into the page cache, with where it came from."""
        origin = self.origins[rel]
        self.cache.put(rel, key, value, warnings, source=origin.source, stamp=origin.stamp,
                       read_warnings=origin.read_warnings)

    def _unused_id(self, rel: str, collection: str, stem: str) -> bool:
        """True when no earlier file has the id ``stem``; else reports the clash."""
        earlier = getattr(self.content, collection).get(stem)
        if earlier is None:
            return True
        self.report.error(rel, None, None, f'the id "{stem}" is already used by {earlier.path}',
                          f"keep one of the two files: {earlier.path} or {rel}")
        return False

    def page(self, rel: str, collection: str) -> None:
        """Take a page from the page cache when its text, the settings and the code are unchanged, else make its job.

        A file whose stamp is the one cached with it (`sitegen.pagecache`) is
        not read at all; the others are read and decoded, and taken from the
        cache when their text is. Warnings come as they were first reported,
        those of reading and decoding (e.g. GB18030) included. A page whose
        front matter cannot even be found is reported here and gets no job.
        """
        report = self.report
        info = self.reader.look(rel, report)
        if info is None:
            return
        self.modified[rel] = info.st_mtime_ns
        stamp = settled_stamp(info)
        settled = self.cache.settled(rel, stamp, self.settings)
        if settled is not None:  # the file is as it was when cached: not even read
            report.extend(settled.read_warnings)
            report.extend(settled.warnings)
            self.pages[rel] = settled.value
            self.keys[rel] = settled.key
            return
        read = self._read(rel, info, stamp)
        if read is None:
            self.content.unloaded_pages.append(rel)
            return
        source, key, cached = read
        if cached is not None:
            report.extend(cached.warnings)
            self.pages[rel] = cached.value
            self.keys[rel] = key
            if stamp:  # the same text in a file written since: store its stamp and reading warnings
                self.remember(rel, key, cached.value, cached.warnings)
            return
        errors_before = len(report.errors)
        split = split_front_matter(source, report)
        if split.front_matter is None:
            if len(report.errors) == errors_before and not source.text.strip():
                report.error(rel, 1, 1, "the file is empty",
                             "if it was emptied by mistake, restore it (undo in the editor, or 回收站, the recycle "
                             "bin, or a backup); to start a page, use sitegen new interview or sitegen new case")
            elif len(report.errors) == errors_before:
                report.error(rel, 1, 1, "the page has no front matter",
                             'start the file with a line "---", then the fields (title: …, date: …), then "---"')
            self.content.unloaded_pages.append(rel)
            return
        if len(report.errors) > errors_before:
            self.split_errors.add(rel)
        self.pages[rel] = None
        self.keys[rel] = key
        self.jobs.append(_PageJob(collection, rel, split.front_matter, split.front_matter_line,
                                  split.body, split.body_line))


def _record_id_ok(data: YamlData, rel: str, stem: str, report: Report, root: Path, collection: str) -> bool:
    """True when a record's ``id:`` (if any) is its file name ``stem`` (an id); else reports why.

    Takes the record's YAML, its path and file name, the report, the site
    folder and the record's folder: a hint never offers to rename the file
    to the name of another (`sitegen.recordfiles.id_differs_hint`). A file
    name that is no id is told with the pages read (`report_misnamed`).
    """
    declared = data.value.get("id") if isinstance(data.value, dict) else None
    if isinstance(data.value, dict) and "id" in data.value and declared != stem:
        line, column = data.locate(("id",))
        report.error(rel, line, column, f'id "{declared}" differs from the file name "{stem}"',
                     id_differs_hint(root, collection, rel, stem, declared))
        return False
    return True


PAGE_JOBS = 16
"""Below this many pages to read, reading them here is faster than starting worker processes."""

STREAM_AFTER = 256
"""Once this many pages wait to be read, batches go to the workers while the other files are still found."""


@dataclass(frozen=True)
class _PageJob:
    """A page to read in a worker: its front matter and body as split, and whether to convert the body.

    ``convert`` False: the Markdown cache holds the converted body already.
    """

    collection: str
    path: str
    front_matter: str
    front_matter_line: int
    body: str
    body_line: int
    convert: bool = True

    @property
    def body_job(self) -> BodyJob:
        """The body as `sitegen.bodies` converts it."""
        return BodyJob(self.path, self.body, self.body_line)

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        # Texts as bytes (`sitegen.wiretext`): sent to a worker, the texts stay this process's page texts.
        return (_page_job_of, (self.collection, self.path, packed(self.front_matter), self.front_matter_line,
                               packed(self.body), self.body_line, self.convert))


def _page_job_of(collection: str, path: str, front_matter: bytes, front_matter_line: int, body: bytes,
                 body_line: int, convert: bool) -> _PageJob:
    """The `_PageJob` its `_PageJob.__reduce__` pickled."""
    return _PageJob(collection, path, unpacked(front_matter), front_matter_line, unpacked(body), body_line, convert)


PAGE_BATCH = 32
"""Most pages in one worker job (fewer on small sites); their converted bodies go into the cache in one transaction."""


class _PageBatches:
    """The page jobs of one load, shared out to the workers in batches of `PAGE_BATCH`, in discovery order.

    Takes the pool, the Markdown cache (which bodies it holds already), the
    number of workers and what every batch carries besides its jobs (cache
    folder, summary length, known tag slugs). Once `STREAM_AFTER` jobs wait
    (a large site being built afresh), each full batch goes to a worker at
    once, so reading the remaining files overlaps the converting: reading
    10,000 pages took 1.4 s here while the workers waited. Fewer jobs are
    shared out when all are known, in smaller batches so that each worker
    gets a few. Batches, results and their order are the same either way.
    """

    def __init__(self, pool: WorkerPool, book: BodyBook, workers: int,
                 shared: tuple[Path | None, int, dict[str, str]]) -> None:
        self._pool, self._book, self._workers, self._shared = pool, book, workers, shared
        self._sent: list[_PageJob] = []
        self._pending: list[Pending[list[_PageResult]]] = []
        self._streaming = False
        self._rest: Iterator[list[_PageResult]] = iter(())

    def offer(self, jobs: list[_PageJob]) -> None:
        """Send the full batches of ``jobs`` (all jobs found so far) not sent yet, once streaming pays."""
        if not self._streaming:
            if len(jobs) < STREAM_AFTER or not can_fork(self._workers):
                return
            self._streaming = True
        while len(jobs) - len(self._sent) >= PAGE_BATCH:
            self._send(jobs[len(self._sent):len(self._sent) + PAGE_BATCH])

    def finish(self, jobs: list[_PageJob]) -> list[_PageJob]:
        """Share out the jobs not sent yet (all of ``jobs`` is every job); return them marked as sent."""
        if self._streaming:
            if len(jobs) > len(self._sent):
                self._send(jobs[len(self._sent):])
            return self._sent
        marked = self._marked(jobs)
        size = min(PAGE_BATCH, max(1, len(marked) // (max(self._workers, 1) * 4)))  # a few batches per worker
        batches = [(marked[start:start + size], *self._shared) for start in range(0, len(marked), size)]
        parallel = len(marked) >= PAGE_JOBS
        self._rest = self._pool.imap(_run_page_batch, batches, threshold=1 if parallel else len(batches) + 1)
        return marked

    def results(self) -> Iterator[_PageResult]:
        """Yield the result of each job, in the order of the jobs `finish` returned."""
        for pending in self._pending:
            yield from pending.result()
        for batch in self._rest:
            yield from batch

    def _marked(self, jobs: list[_PageJob]) -> list[_PageJob]:
        known = self._book.known([job.body_job for job in jobs])
        return [dataclasses.replace(job, convert=job.body_job not in known) for job in jobs]

    def _send(self, jobs: list[_PageJob]) -> None:
        marked = self._marked(jobs)
        self._sent.extend(marked)
        self._pending.append(self._pool.submit(_run_page_batch, (marked, *self._shared)))

_PageResult = tuple[_Page | None, list[Problem], Stored | RenderedMarkdown | None]


def _run_page_batch(batch: tuple[list[_PageJob], Path | None, int, dict[str, str]]) -> list[_PageResult]:
    """Read the front matter of pages and convert their bodies: per page (page or None, problems, body or None).

    Takes the jobs, the cache folder, the summary length and tag slugs
    already known (``{tag: slug}``). Runs in a
    worker process (or here); the problems are those of reading the front
    matter (the body's own are in the converted body). Bodies are stored
    in the cache by `sitegen.bodies.convert_and_store`.
    """
    jobs, folder, summary_length, known_slugs = batch
    results: list[list] = []
    to_convert: list[tuple[int, BodyJob]] = []
    for job in jobs:
        report = Report()
        page = _read_front_matter(job, report, known_slugs)
        if page is not None and job.convert:
            to_convert.append((len(results), job.body_job))
        results.append([page, report.problems, None])
    converted = convert_and_store([body for _, body in to_convert], folder, summary_length)
    for (index, _), body in zip(to_convert, converted):
        results[index][2] = body
    # The caller has the texts: sending them back would only make a second copy of every page.
    return [(None if page is None else dataclasses.replace(page, body="", front_matter=""), problems, body)
            for page, problems, body in results]


def _read_front_matter(job: _PageJob, report: Report, known_slugs: Mapping[str, str]) -> _Page | None:
    """Read, validate and check a page's front matter; None after an error (reported)."""
    rel = job.path
    # partial: a slip YAML reads past once mended as told (a full-width colon) leaves the rest read, so the
    # fields' own errors are told in this run too, as a unit file's are (status： then tags: [大调研，停车] took
    # two runs).
    read = Report()
    data = load_yaml(job.front_matter, rel, read, first_line=job.front_matter_line,
                     elsewhere=fields_elsewhere(COLLECTIONS[job.collection]),
                     groups=group_fields(COLLECTIONS[job.collection]),
                     names=names_a_field(COLLECTIONS[job.collection]),
                     values=values_meant(COLLECTIONS[job.collection]), partial=True)
    report.extend(read.problems)
    names = COLLECTIONS[job.collection].model_fields
    closed_early = check_fields_below(job.front_matter, job.body, job.body_line, names, rel, report)
    pasted = check_pasted_front_matter(job.front_matter, job.body, job.body_line, names, rel, report)
    if data is not None and read.has_errors() and not closed_early:
        told = {problem.line for problem in read.errors}
        fields = Report()
        validate_record(COLLECTIONS[job.collection], data, rel, fields, folders=KINDS_ALIKE[job.collection])
        report.extend([problem for problem in fields.problems if problem.severity == "error"
                       and problem.line not in told])
        return None
    if data is None or closed_early:  # fields typed below an early "---" are not to be told missing
        return None
    meta = validate_record(COLLECTIONS[job.collection], data, rel, report, folders=KINDS_ALIKE[job.collection])
    if meta is None or pasted:  # the text's own warnings would be about the pasted fields' lines: told once fixed
        return None
    if not meta.draft:  # drafts are never published
        report.extend(typed_value_warnings(rel, data, "the page", job.front_matter, job.front_matter_line,
                                           collection=job.collection))
    slug = page_slug(meta, rel)
    if slug == "":
        _no_url(meta, data, rel, report)
        return None
    too_complex = body_complexity(job.body)
    if too_complex:
        reason, hint = too_complex
        report.error(rel, job.body_line, 1, f"the text is too complex to convert safely: {reason}", hint)
        return None
    # Slugs that need pypinyin are left None here and made by `_finish_slugs`: loading its
    # dictionaries (55 MB) in every worker would cost more memory than the rest of the worker.
    tag_slugs = tuple((tag, known_slugs.get(tag) or (make_slug(tag) if tag.isascii() else None))
                      for tag in dict.fromkeys(meta.tags))
    return _Page(job.collection, rel, meta, data, job.body, job.body_line, slug,
                 job.front_matter, job.front_matter_line, tag_slugs,
                 name_spans=tuple(name_spans(job.front_matter, job.body)),
                 figures=page_figures(job.front_matter, job.front_matter_line, job.body, job.body_line,
                                      meta.date.date()))


def _no_url(meta: InterviewMeta | CaseStudyMeta, data: YamlData, rel: str, report: Report) -> None:
    line, column = data.locate(("title",))
    report.error(rel, line, column,
                 f'the page has no URL: neither its file name nor its title "{meta.title}" gives a slug',
                 'add a line "slug: …" with a-z, 0-9 and "-", e.g. slug: 2024-jindu '
                 "(网址名, used in the page's address)")


def _named_by_sound(content: Content, pages: Mapping[str, _Page | None]) -> list[str]:
    """The texts whose readings `Content.readings` holds: unit names and aliases, each page's ``unit:`` that is
    no id, and the spans of pages and records shaped like a unit's name that are none (`heard_names_to_read`).

    An id is ASCII (a file name, `is_slug`), so a ``unit:`` with Chinese in
    it names no unit; its reading lets the check name the unit meant.
    """
    names = {name for unit in content.unit_names() for name in (unit.name, *unit.aliases)
             if not unit.mending or unit.name != unit.id}
    names.update(page.meta.unit for page in pages.values()
                 if page is not None and page.meta.unit not in content.units and not page.meta.unit.isascii())
    names.update(heard_names_to_read(content, [page.name_spans for page in pages.values() if page is not None]))
    return sorted(names)


def heard_names_to_read(content: Content, page_spans: Sequence[Iterable[str]]) -> set[str]:
    """The spans shaped like a unit's name (`sitegen.heardnames.name_spans`) of ``page_spans`` (each page's) and
    of the unit and series records' texts that are no name a unit gives (its name, aliases, misspellings or
    not-misspellings): those whose reading `sitegen.checkheard` compares with the units' names. Empty when no
    unit's name has that shape, so that a site without one reads none. Raises nothing."""
    units = [sourced.record for sourced in content.units.values()]
    if not any(name_shape(name) for unit in units for name in (unit.name, *unit.aliases)):
        return set()
    spans = set(name_spans(*(sourced.text for sourced in (*content.units.values(), *content.series.values()))))
    spans.update(*page_spans)
    known = given_names(units)
    return {span for span in spans if plain_name(span) not in known}


def _finish_slugs(pages: dict[str, _Page | None], report: Report, workers: int,
                  names: list[str], known: Mapping[str, str]) -> dict[str, str]:
    """Make the slugs the page readers left None (Chinese titles and tags), in place; a page without one is an error.

    Takes the pages read (None: failed), the report, the number of
    workers, and texts whose readings (slugs) are wanted too, with the
    slugs known from earlier builds (`sitegen.slugs.SlugBook`). Returns
    ``{name: slug}`` for ``names``. The texts not known are transliterated
    together, by `sitegen.workers.run_apart` when the pages were read by
    workers, so that neither this process nor each worker loads pypinyin;
    when every text is known, pypinyin is not started at all. A page whose
    title gives no slug is reported (see `page_slug`) and becomes None.
    """
    readings = {name: known[name] if name in known else make_slug(name) if name.isascii() else None
                for name in names}
    wanted = {text for page in pages.values() if page is not None
              for text in ([page.meta.title] if page.slug is None else [])
              + [tag for tag, slug in page.tag_slugs if slug is None]}
    wanted.update(name for name, reading in readings.items() if reading is None)
    if not wanted:
        return {name: reading or "" for name, reading in readings.items()}
    made = run_apart(make_slugs, sorted(wanted), workers=workers)
    for path, page in pages.items():
        if page is None or (page.slug is not None and all(slug is not None for _, slug in page.tag_slugs)):
            continue
        slug = made[page.meta.title] if page.slug is None else page.slug
        if not slug:
            _no_url(page.meta, page.yaml, path, report)
            pages[path] = None
            continue
        pages[path] = dataclasses.replace(page, slug=slug, tag_slugs=tuple(
            (tag, made[tag] if tag_slug is None else tag_slug) for tag, tag_slug in page.tag_slugs))
    return {name: made[name] if reading is None else reading for name, reading in readings.items()}


def _windows_safe_slugs(pages: list[_Page]) -> list[_Page]:
    """``pages``, each whose slug is its file name and a name Windows keeps for a device (``con.md``,
    `sitegen.slugs.device_name`) given the slug `sitegen.slugs.windows_safe` makes of it (``con-1``), apart
    from the slugs of the other pages of its collection, so that no two pages are given one address.

    A slug typed in front matter is never one (`sitegen.models.parse_page_slug` refuses it), nor is one made
    of a title (`sitegen.slugs.make_slug`). Pure; the page cache keeps the slug as read.
    """
    taken: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        taken[page.collection].add(page.slug or "")
    return [dataclasses.replace(page, slug=windows_safe(page.slug, taken[page.collection]))
            if page.slug and device_name(page.slug) else page for page in pages]


def page_slug(meta: InterviewMeta | CaseStudyMeta, rel: str) -> str | None:
    """Return a page's URL part (README "Slugs").

    Takes the front matter record and the file path. Returns ``slug:`` when
    given; else the file name when it is already a slug (``a-z``, ``0-9``,
    ``-``; one Windows keeps for a device, ``con``, is made safe once every
    page is read, `_windows_safe_slugs`); else the pinyin of the title (白鹤镇 → ``bai-he-zhen``, see
    `sitegen.slugs`), or None when that needs pypinyin: `_finish_slugs`
    makes those together. May return "" when the title has no letters or
    digits; the caller reports that.
    """
    if meta.slug:
        return meta.slug
    stem = PurePosixPath(rel).stem
    if is_slug(stem):
        return stem
    return make_slug(meta.title) if meta.title.isascii() else None


def check_page_urls(config: Config, content: Content, report: Report) -> None:
    """Error when two pages would get the same URL, naming both files.

    Takes the settings (URL patterns), the loaded content and the report.
    The URL is the collection's permalink with the page's slug; drafts and
    scheduled pages count too, so a clash is found before it is published.
    The error is placed at the second file (in path order), at its ``slug:``
    (or ``title:``, when the slug comes from the title).
    """
    owners: dict[str, list[Document]] = {}
    for document in sorted(content.interviews + content.cases, key=lambda d: d.path):
        owners.setdefault(config.permalinks.url(document.collection, document.slug), []).append(document)
    for url, documents in owners.items():
        if len(documents) > 1:
            _report_url_clash(url, documents, report)


def _report_url_clash(url: str, documents: list[Document], report: Report) -> None:
    """Report the pages ``documents`` (two or more, in path order) that want one ``url``.

    A file named as Windows or macOS names a copy of another of them
    (`copy_suffix`: ``华新镇访谈 - 副本.md``, ``… (2).md``) is told, at the
    copy, that it is that file's copy: following "change one slug" would
    publish the interview twice. Of the others, each after the first is
    told the clash at its slug (`slug_origin`), naming the first; when the
    two have one title, most likely one is a copy too, and the hint says
    what to do with a copy, as the warning of two pages of one title does
    (`sitegen.checks.check_page_titles`); else it says to change one slug.
    """
    copies: list[Document] = []
    for document in documents:
        stem = PurePosixPath(document.path).stem
        found = next(((other, suffix) for other in documents if other is not document
                      for suffix in [copy_suffix(stem, PurePosixPath(other.path).stem)] if suffix), None)
        if found is None:
            continue
        copies.append(document)
        original, suffix = found
        report.error(document.path, *slug_origin(document),
                     f"two pages want the URL {url}: {document.path} is a copy of {original.path} (its file name "
                     f'is that file\'s name with "{suffix}" added, as copies are named)',
                     "delete the copy or move it out of content/ (every page in content/ is published); if it is a "
                     "new page begun from the copy, give it a title and a slug of its own")
    others = [document for document in documents if document not in copies]
    for second in others[1:]:
        first = others[0]
        if plain_name(first.meta.title) == plain_name(second.meta.title):
            message = f'two pages want the URL {url}: {first.path} and {second.path}, both titled "{second.meta.title}"'
            hint = ("if one file is a copy (副本) of the other, delete it or move it out of content/ (every page in "
                    "content/ is published); if it is a new page begun from a copy, give it a title and a slug of "
                    "its own")
        else:
            message = f"two pages want the URL {url}: {first.path} and {second.path}"
            hint = 'change one slug: write a different "slug: …" in one of the two files'
        report.error(second.path, *slug_origin(second), message, hint)


def check_aliases(config: Config, content: Content, report: Report) -> None:
    """Check the old addresses pages keep (``aliases:``) against every page's address and each other.

    Takes the settings (URL patterns), the loaded content and the report.
    An alias naming another page's address, or an alias another page (or
    the same page) gave already, is an error; one naming the page's own
    address is a warning (it leads nowhere new, and no redirect page is
    made for it). Drafts and scheduled pages count, as for `check_page_urls`.
    Each problem is placed at the alias as typed. Clashes with pages and
    files the build makes are found with the site graph
    (`sitegen.site.redirect_pages`).
    """
    documents = sorted(content.interviews + content.cases, key=lambda d: d.path)
    addresses = {config.permalinks.url(d.collection, d.slug): d for d in documents}
    given: dict[str, Document] = {}
    for document in documents:
        own = config.permalinks.url(document.collection, document.slug)
        for index, alias in enumerate(document.meta.aliases):
            line, column = document.yaml.locate(("aliases", index))
            shown = alias_as_typed(document, index)
            owner = addresses.get(alias)
            if alias == own:
                report.warning(document.path, line, column, f"the alias {shown} is the page's own address",
                               "delete it: aliases are the page's old addresses, which lead to its address")
            elif owner is not None:
                report.error(document.path, line, column, f"the alias {shown} is the address of {owner.path}",
                             f"delete it from aliases, or change the slug of {owner.path}")
            elif alias in given:
                first = given[alias]
                report.error(document.path, line, column,
                             f"the alias {shown} is given twice"
                             + ("" if first is document else f": also by {first.path}"),
                             "keep it in one place: an old address can lead to one page only")
            else:
                given[alias] = document


def alias_as_typed(document: Document, index: int) -> str:
    """The page's alias number ``index`` (from 0) as the editor typed it, for messages; else as read."""
    typed = document.yaml.value.get("aliases") if isinstance(document.yaml.value, dict) else None
    item = typed[index] if isinstance(typed, list) and index < len(typed) else typed if index == 0 else None
    return item.strip() if isinstance(item, str) else unquote(document.meta.aliases[index])


def keep_aliases(document: Document, addresses: list[str], file: str = "", own: str = "") -> str:
    """How to make ``addresses`` (site paths) old addresses of ``document``, for a hint: ``add aliases: [/a/]``
    when the page has no ``aliases:`` line; else the list it has with them, to write in place of that line (or of
    the lines of a list typed one item a line), as a second ``aliases:`` line is an error and a line replaced by
    the new addresses alone drops the old ones. ``file`` (the page's file) is named when given.

    Takes the page, the addresses (those it lists already are not repeated), the file to name and the page's own
    address now (``own``: an alias it lists that has become its own address is left out of the list to write, as
    keeping it is warned of); returns the words of the hint. Raises nothing.
    """
    if not isinstance(document.yaml.value, dict) or "aliases" not in document.yaml.value:
        return f"add aliases: [{', '.join(map(_flow_item, addresses))}]" + (f" to {file}" if file else "")
    listed = [alias_as_typed(document, index) for index, alias in enumerate(document.meta.aliases) if alias != own]
    listed += [address for address in addresses if address not in document.meta.aliases and address != own]
    first = document.yaml.locate_key(("aliases",))[0]
    last = max(first, document.yaml.lines_of(("aliases",))[1])
    lines = f"line, line {first}" if first == last else f"lines, lines {first}–{last}"
    return (f"write aliases: [{', '.join(map(_flow_item, listed))}]" + (f" in {file}" if file else "")
            + f" (in place of the aliases: {lines})")


def _flow_item(text: str) -> str:
    """``text`` as an item of a list in square brackets: quoted when a mark in it would end or split the item."""
    if any(mark in text for mark in ",[]{}\"") or ": " in text or " #" in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def slug_origin(document: Document) -> tuple[int | None, int | None]:
    """Where a page's slug was typed: its ``slug:`` key, its ``title:`` key, or (None, None) for the file name."""
    if document.meta.slug:
        return document.yaml.locate_key(("slug",))
    if is_slug(PurePosixPath(document.path).stem):
        return None, None
    return document.yaml.locate_key(("title",))


_TABLE_SUFFIXES = (".csv", ".xls", ".xlsx", ".et", ".ods")


def _report_unread_data_files(root: Path, report: Report) -> None:
    """Warn of each file in data/ that is not read: one not ending in .yaml or .yml (but the ``.yaml.txt`` of
    Notepad, which `sitegen.sources.find_sources` warns of).

    Static site generators that read data/ read JSON, TOML or CSV there too (Hugo does), so a theme author may
    put ``timeline.json`` or ``tallies.csv`` there and find ``site.data.timeline`` empty in the templates, and
    an editor may leave a spreadsheet there for the site. The hint for JSON renames it: JSON is written the
    same in YAML, and the file is then read as typed. A table has its rows typed as a YAML list, or is offered
    for download from content/files/. A README or LICENSE file (notes on the data for people) is left alone.
    """
    for rel in find_sources(root, DATA_DIR, (), report):
        name = rel.rpartition("/")[2]
        lowered = name.lower()
        if lowered.endswith(YAML_SUFFIXES) or lowered.endswith(tuple(s + ".txt" for s in YAML_SUFFIXES)):
            continue
        if lowered.startswith(("readme", "license", "licence")):  # notes on the data for people, read by none
            continue
        stem, suffix = os.path.splitext(name)
        download = f"to offer it for download, move it into content/files/ and link to it from a page: [{name}](files/{name})"
        if suffix.lower() == ".json":
            dotted = ".".join(PurePosixPath(rel).with_suffix("").parts[1:])
            hint = f"rename it to {stem}.yaml: JSON is written the same in YAML, and it is then read as site.data.{dotted}"
        elif suffix.lower() in _TABLE_SUFFIXES:
            hint = (f"to give the templates its rows, type them as a YAML list in data/{stem}.yaml (a unit's figures "
                    f"go in content/units/<id>.yaml: tallies:, targets:); {download}")
        else:
            hint = f"{download}; or move it out of data/"
        report.warning(rel, None, None,
                       "this file is not read: sitegen reads only the .yaml (or .yml) files in data/, each as "
                       "site.data.<name> for the templates", hint)


def _load_data_file(reader: SourceReader, rel: str, content: Content, report: Report) -> None:
    """Load ``data/a/b.yaml`` as ``content.data["a"]["b"]``; a name given twice is an error."""
    source = reader.read(rel, report)
    data = load_yaml(source.text, rel, report) if source else None
    if data is None:
        return
    node: Any = content.data
    parts = PurePosixPath(rel).with_suffix("").parts[1:]
    for part in parts[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else None
    if not isinstance(node, dict) or parts[-1] in node:
        name = ".".join(parts)
        report.error(rel, None, None, f'the data name "{name}" is given twice (site.data.{name})',
                     "rename one of the files or folders under data/ (a.yaml and a.yml, or a.yaml and a/)")
        return
    node[parts[-1]] = _placed(data, rel)


def _placed(data: YamlData, rel: str) -> Any:
    """The value of the data file ``rel`` (`YamlData.value`), each text in it a `DataText` and each mapping a
    `DataMap`, naming where they were typed; a yes/no word typed without quotes (`DATA_YES_NO`) a `DataFlag`.

    Nesting is at most `sitegen.yamltext.MAX_DEPTH` levels, so the walk is recursive.
    """
    positions = data.positions

    def placed(value: Any, path: tuple[str | int, ...]) -> Any:
        if isinstance(value, str):
            line, column = positions.get(path, (0, 0))
            if not line:
                return value
            plain = value in DATA_YES_NO and not data.typed_in_quotes(path)
            return (DataFlag if plain else DataText)(value, rel, line, column)
        if isinstance(value, dict):
            line, column = positions.get(path, (0, 0))
            return DataMap({key: placed(item, (*path, key)) for key, item in value.items()}, rel, line, column,
                           {key: positions[(*path, key)] for key in value if (*path, key) in positions})
        if isinstance(value, list):
            items = [placed(item, (*path, index)) for index, item in enumerate(value)]
            keys = frozenset(key for item in items if isinstance(item, DataMap) for key in item.item_keys)
            for item in items:
                if isinstance(item, DataMap):
                    item.item_keys = keys  # what its list's items have: a key of theirs it lacks may be tested
            return items
        return value

    return placed(data.value, ())
