"""Load a site's content: source files → typed records, each with its origin.

The layout under ``content/`` (documented in the README):

- ``series/<id>.yaml``: one `Series` per file.
- ``units/<id>.yaml``: one `Unit` per file, with its tallies, targets and
  milestones.
- ``interviews/**/*.md`` and ``cases/**/*.md``: Markdown with YAML front
  matter (`InterviewMeta`, `CaseStudyMeta`).
- any other file (images, PDFs) is an asset, copied to the same path in the
  output.

Free-form YAML under ``data/`` (beside ``content/``) is loaded as it was
typed, every scalar a string, for templates (as Hugo's data files).

Every record keeps its path and the positions of its YAML, so that later
checks can point at the exact line. Problems go to the report; a file that
cannot be read or validated is left out and the build stops later.

May import: errors, config, sources, yamltext, validation, models, markup, slugs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Generic, TypeVar

from .config import Config
from .errors import Report
from .markup import MarkdownRenderer, RenderedMarkdown
from .models import CaseStudyMeta, InterviewMeta, Series, Unit
from .slugs import is_slug, make_slug
from .sources import find_sources, read_source, split_front_matter
from .validation import validate_record
from .yamltext import YamlData, load_yaml

RecordT = TypeVar("RecordT")

CONTENT_DIR = "content"
DATA_DIR = "data"
MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
# Folders of content/ and the record each holds.
COLLECTIONS = {"series": Series, "units": Unit, "interviews": InterviewMeta, "cases": CaseStudyMeta}


@dataclass(frozen=True)
class Sourced(Generic[RecordT]):
    """A record with where it came from: its file and the positions of its YAML."""

    record: RecordT
    path: str
    yaml: YamlData


@dataclass(frozen=True)
class Document:
    """A Markdown page: its front matter record, body and rendered body.

    ``slug`` is the front matter ``slug``, else the file name when it is a
    slug already, else the pinyin slug of the title (see `sitegen.slugs`).
    ``body_line`` is the file line of the body's first line.
    """

    collection: str
    path: str
    meta: InterviewMeta | CaseStudyMeta
    yaml: YamlData
    body: str
    body_line: int
    rendered: RenderedMarkdown
    slug: str


@dataclass
class Content:
    """Everything loaded from a site folder, before cross-record checks."""

    series: dict[str, Sourced[Series]] = field(default_factory=dict)
    units: dict[str, Sourced[Unit]] = field(default_factory=dict)
    interviews: list[Document] = field(default_factory=list)
    cases: list[Document] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def load_content(config: Config, report: Report, renderer: MarkdownRenderer | None = None) -> Content:
    """Read every source file of the site into a `Content`.

    Takes the settings, the report and optionally a Markdown renderer to
    reuse. Returns what could be loaded; every problem (unreadable file,
    invalid YAML, invalid field, a file outside any collection) is in the
    report. Raises nothing for bad input.
    """
    renderer = renderer or MarkdownRenderer()
    content = Content()
    paths = find_sources(config.root, CONTENT_DIR, (), report)
    for rel in paths:
        _load_one(config, rel, content, renderer, report)
    for rel in find_sources(config.root, DATA_DIR, YAML_SUFFIXES, report):
        _load_data_file(config, rel, content, report)
    return content


def _collection_of(rel: str) -> str | None:
    parts = PurePosixPath(rel).parts
    return parts[1] if len(parts) > 2 and parts[1] in COLLECTIONS else None


def _load_one(config: Config, rel: str, content: Content, renderer: MarkdownRenderer,
              report: Report) -> None:
    suffix = PurePosixPath(rel).suffix.lower()
    collection = _collection_of(rel)
    if suffix not in MARKDOWN_SUFFIXES + YAML_SUFFIXES:
        content.assets.append(rel)
    elif collection is None:
        folders = ", ".join(f"content/{name}/" for name in COLLECTIONS)
        report.warning(rel, None, None, "this file is not in a content folder sitegen knows, so it is not published",
                       f"move it into one of: {folders}")
    elif collection in ("series", "units"):
        if suffix in YAML_SUFFIXES:
            _load_record_file(config, rel, collection, content, report)
        else:
            report.warning(rel, None, None, f"content/{collection}/ holds .yaml records; this file is ignored",
                           "write the record as a .yaml file")
    elif suffix in MARKDOWN_SUFFIXES:
        document = _load_document(config, rel, collection, renderer, report)
        if document is not None:
            getattr(content, collection).append(document)
    else:
        report.warning(rel, None, None, f"content/{collection}/ holds Markdown pages (.md); this file is ignored",
                       "write the page as a .md file with front matter")


def _load_record_file(config: Config, rel: str, collection: str, content: Content,
                      report: Report) -> None:
    source = read_source(config.root, rel, report)
    data = load_yaml(source.text, rel, report) if source else None
    if data is None:
        return
    stem = PurePosixPath(rel).stem
    if isinstance(data.value, dict) and "id" in data.value and data.value["id"] != stem:
        line, column = data.locate(("id",))
        report.error(rel, line, column, f'id "{data.value["id"]}" differs from the file name "{stem}"',
                     f'the id is the file name: rename the file to {data.value["id"]}.yaml or write id: {stem}')
        return
    if not is_slug(stem):
        report.error(rel, None, None, f'the file name "{stem}" is not a valid id',
                     f'rename the file using a-z, 0-9 and "-" only, e.g. {make_slug(stem) or "baihe"}.yaml')
        return
    record = validate_record(COLLECTIONS[collection], data, rel, report, defaults={"id": stem})
    if record is not None:
        getattr(content, collection)[stem] = Sourced(record, rel, data)


def _load_document(config: Config, rel: str, collection: str, renderer: MarkdownRenderer,
                   report: Report) -> Document | None:
    source = read_source(config.root, rel, report)
    if source is None:
        return None
    split = split_front_matter(source, report)
    if split.front_matter is None:
        report.error(rel, 1, 1, "the page has no front matter",
                     'start the file with a line "---", then the fields (title: …, date: …), then "---"')
        return None
    data = load_yaml(split.front_matter, rel, report, first_line=split.front_matter_line)
    if data is None:
        return None
    meta = validate_record(COLLECTIONS[collection], data, rel, report)
    if meta is None:
        return None
    rendered = renderer.render(split.body, rel, split.body_line)
    report.extend(rendered.problems)
    return Document(collection, rel, meta, data, split.body, split.body_line, rendered,
                    _page_slug(meta, rel))


def _page_slug(meta: InterviewMeta | CaseStudyMeta, rel: str) -> str:
    if meta.slug:
        return meta.slug
    stem = PurePosixPath(rel).stem
    return stem if is_slug(stem) else make_slug(meta.title)


def _load_data_file(config: Config, rel: str, content: Content, report: Report) -> None:
    source = read_source(config.root, rel, report)
    data = load_yaml(source.text, rel, report) if source else None
    if data is None:
        return
    node = content.data
    parts = PurePosixPath(rel).with_suffix("").parts[1:]
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = data.value
