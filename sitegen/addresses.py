"""Which source file had which address at the last build, and a warning when a page's address moved.

A page's address comes from its ``slug:``, else its file name, else the
pinyin of its title (README "Slugs"), so renaming a file or mending a
title can move a page: links readers shared then give 404. After each
successful build the build cache keeps, per output folder
(`address_record_path`), an `AddressBook`: for every published interview
and case study, its file, address, title and a digest of its text; for
every unit and series page, its record file, address and name (their
address is the file's name: renaming the file moves the page); the
address patterns of site.yaml's ``permalinks:`` the build used; and the
slug of each tag published (``民生``: ``min-sheng``), so that a tag keeps
its address when another word of the same reading comes (`sitegen.site`).

The next build compares its pages with that record (`moved_pages`): a
file whose address is not the one recorded, or a new file with the
title or the text of a file that is gone (a rename), is warned when
nothing of the site is at the old address any more (no alias keeps it,
no other page took it). A pattern of ``permalinks:`` changed moves every
page of its collection, its list, its tag pages and its feeds at once:
that is one warning at its line in site.yaml, not one at each page. The
warning depends on the record alone: a first build, or one after
``--clean``, has none and warns of nothing.

Only a build publishes, so only a build's addresses are recorded: the
preview (``sitegen serve``) compares with the record of the published
output folder and keeps none, and a draft or a page scheduled for later
is never recorded at the address it has now (its slug may change freely
before it is published); one published before keeps its published
address in the record while it is held back, marked held (`Known.held`).
A page the last build published and that is a draft now is warned once,
by the build that takes it off (`drafts_taken_off`), as a file deleted is.

May import: errors, load, site, fresh, placeholders, cachefile.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Collection, Mapping, NamedTuple, Sequence
from urllib.parse import unquote

from .cachefile import replace_file
from .errors import SHOW_FILE_ENDINGS, Report
from .fresh import digest, options_key
from .load import Document, keep_aliases, slug_origin
from .placeholders import INIT_CASE_TITLE, INIT_INTERVIEW_TITLE, INIT_SERIES_BLURB, INIT_UNIT_NAME
from .site import FEED_FILE, Entry, SeriesView, SiteGraph, SiteLinks, listed_tag, section_url

ADDRESS_FILE = "addresses-{key}.json"
"""The record of the last build's page addresses in the build cache, one per build options."""
_VERSION = 1


class Known(NamedTuple):
    """What the record holds of one page: its address, title, source key (`Document.source_digest`), text digest,
    and the address it had before its last move, kept while it stays ("" when it never moved): moving back
    there, as the warning's hint offers, is not a move to warn of, however many builds came between; and the old
    addresses its redirect pages were published at (``aliases:``), which records written before they were kept
    lack (read as none); whether it was the series of sitegen init's example when published (`example`:
    `_is_init_series`), which records written before it was kept lack (read as not); its tags as typed, which
    tell where a tag no page has any more was (`moved_pages`; none in records written before they were kept);
    and whether the build that kept it held the page back (a draft, or scheduled for later: ``url`` is where an
    earlier build published it), which records written before it was kept lack (read as held: they cannot tell,
    and a page already off the site is not to be told as taken off again)."""

    url: str
    title: str
    source: str
    text: str
    was: str = ""
    aliases: tuple[str, ...] = ()
    example: bool = False
    tags: tuple[str, ...] = ()
    held: bool = False


def is_address_record(name: str) -> bool:
    """True when the file name ``name`` (in the build cache) is an address record's (`ADDRESS_FILE`): a record of
    what was published, kept by ``sitegen build --clean`` (`sitegen.fresh.empty_cache`)."""
    head, _, tail = ADDRESS_FILE.partition("{key}")
    return name.startswith(head) and name.endswith(tail) and len(name) > len(head) + len(tail)


def address_record_path(cache_folder: Path, output: Path, root: Path) -> Path:
    """Where the address record of the builds into the output folder ``output`` of the site folder ``root`` (both
    absolute and resolved, as `sitegen.config.Config` gives them) is kept in the build cache ``cache_folder``.

    The record is named by the output folder's path from the site folder when it is inside it (``output``,
    ``public/site``), so that a site folder moved, copied or handed over whole, with its build cache and
    output folder, keeps its records. An output folder outside (``--output /srv/www/site``) is named by its
    absolute path, the one name it has: a site folder moved without it still finds its record, and a folder
    at the same path from another place is never taken for it.
    """
    name = output.relative_to(root).as_posix() if output.is_relative_to(root) else str(output)
    key = digest(b"output folder", name.encode("utf-8", "surrogateescape"))
    return cache_folder / ADDRESS_FILE.format(key=key)


def read_address_record(cache_folder: Path, output: Path, root: Path) -> tuple[Path, "AddressBook", Path | None]:
    """The address record of the builds into ``output`` (`address_record_path`): where it is kept, what it holds,
    and where it was read from when that is elsewhere, to be removed once it is kept in its place (else None).

    Records were once named by the output folder's absolute path (`sitegen.fresh.options_key`, without
    drafts): one found only under that name is read, so the first build of a site after an update of
    sitegen still warns of what moved since the last.
    """
    path = address_record_path(cache_folder, output, root)
    if path.exists():
        return path, AddressBook.load(path), None
    older = cache_folder / ADDRESS_FILE.format(key=options_key(None, str(output), False, False))
    book = AddressBook.load(older)
    return path, book, older if book.pages else None


PATTERNS = ("interviews", "cases", "units", "series", "tags")
"""The collections whose address pattern ``permalinks:`` in site.yaml sets, in the order they are warned of."""


@dataclass(frozen=True)
class AddressBook:
    """The addresses of a build's pages: ``{source file: Known}``; the address patterns they were made with,
    ``{collection: (pattern, the pattern before its last change, or "")}`` (`PATTERNS`; empty in records
    written before they were kept: no change of pattern is then told); and the slug of each tag of the
    published pages, ``{tag: slug}`` (empty in records written before they were kept)."""

    pages: Mapping[str, Known]
    patterns: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "AddressBook":
        """The record at ``path``; empty when missing, damaged or of another version."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != _VERSION:
                return cls({})
            pages = {rel: Known(*fields) if len(fields) == len(Known._fields) else Known(*fields)._replace(held=True)
                     for rel, fields in data["pages"].items()}
            patterns = {name: (str(pattern), str(was)) for name, (pattern, was) in data.get("permalinks", {}).items()
                        if name in PATTERNS}
            tags = {str(tag): str(slug) for tag, slug in data.get("tags", {}).items()}
            return cls({rel: known._replace(aliases=tuple(known.aliases), tags=tuple(known.tags))
                        for rel, known in pages.items()}, patterns, tags)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls({})

    @classmethod
    def of(cls, graph: SiteGraph, before: "AddressBook", records: Mapping[str, str] | None = None,
           held: Collection[str] = ()) -> "AddressBook":
        """The addresses of the published pages of ``graph``; a text unchanged since ``before`` is not hashed again.

        ``records`` maps the address of each unit and series page to its record file (``content/units/x.yaml``);
        those pages are kept by file, with their name and no text digest (a tally's edit changes no address).
        ``held`` names the page files a build does not publish now (drafts, pages scheduled for later), which
        ``graph`` holds when it is a preview's: none is recorded at the address it has now, and one that
        ``before`` holds keeps its record there, marked held (`Known.held`), as its address was public: published
        again elsewhere, it moved.
        """
        pages = {}
        names = {view.url: view.unit.name for view in graph.units}
        names.update((view.url, view.series.title) for view in graph.series)
        redirects: dict[str, list[str]] = {}
        # A tag renamed in site.yaml (renamed_tags:) keeps its address by a redirect page: recorded, it keeps that
        # slug after --clean, and the line deleted later is told as its page gone.
        renamed: dict[str, str] = {}
        for page in graph.pages:
            if page.kind != "redirect":
                continue
            if "renamed_tag" in page.context:
                renamed[page.context["renamed_tag"]] = graph.config.permalinks.slug_of("tags", page.url) or ""
            elif page.source is not None:
                redirects.setdefault(page.source, []).append(page.url)
        examples = {view.url for view in graph.series if _is_init_series(view)}
        for url, rel in (records or {}).items():
            if url in names:
                pages[rel] = Known(url, names[url], "", "", _was(before.pages.get(rel), url), example=url in examples)
        for entry in graph.interviews + graph.cases:
            document = entry.document
            if document.path in held:
                continue
            known = before.pages.get(document.path)
            text = (known.text if known is not None and document.source_digest
                    and known.source == document.source_digest else _text_digest(document))
            pages[document.path] = Known(entry.url, document.meta.title, document.source_digest, text,
                                         _was(known, entry.url), tuple(redirects.get(document.path, ())),
                                         tags=tuple(document.meta.tags))
        pages.update((rel, before.pages[rel]._replace(held=True)) for rel in held if rel in before.pages)
        patterns = {}
        for name in PATTERNS:
            pattern, (last, was) = getattr(graph.config.permalinks, name), before.patterns.get(name, ("", ""))
            patterns[name] = (pattern, was if pattern == last else "")
        tags = {term.name: term.slug for entry in graph.interviews + graph.cases
                if entry.document.path not in held for term in entry.tags}
        tags.update(renamed)
        return cls(pages, patterns, tags)

    def save(self, path: Path) -> None:
        """Keep the record for the next build (atomically; an unwritable cache is ignored)."""
        replace_file(path, json.dumps({"version": _VERSION, "pages": {
            rel: list(known) for rel, known in sorted(self.pages.items())},
            "permalinks": {name: list(kept) for name, kept in self.patterns.items()},
            "tags": dict(sorted(self.tags.items()))}, ensure_ascii=False))


def _was(known: Known | None, url: str) -> str:
    """The address a page at ``url`` had before its last move, as the record ``known`` of its file keeps it
    while the page stays where it moved (`moved_pages` sets it when it moves)."""
    return known.was if known is not None and known.url == url else ""


def _text_digest(document: Document) -> str:
    """What identifies a page's text wherever its file is: a digest of its body."""
    return digest(document.body.encode("utf-8", "surrogatepass"))


Place = Callable[[tuple[str, ...]], tuple[int | None, int | None]]
"""Where a setting (``("permalinks", "units")``) is typed in site.yaml (`sitegen.config.setting_place`)."""


def moved_pages(graph: SiteGraph, sources: set[str], before: AddressBook, now: AddressBook,
                report: Report, setting: Place | None = None, shown_as: Mapping[str, str] | None = None) -> AddressBook:
    """Warn at each page whose address moved since the build recorded in ``before``, leaving nothing at the old one,
    and at each page that no longer keeps an old address it kept then (``aliases:``), leaving nothing there;
    return ``now`` with the address each moved page had (`Known.was`) and the pattern each changed pattern
    replaced, the record to keep.

    Takes the site graph, every page file loaded (drafts too), the last
    build's record, this build's (`AddressBook.of`), the report and where
    a setting is typed in site.yaml (``setting``; without it, warnings of
    a setting are at the file). A file
    in both records is compared with itself; a file new since then with
    the files gone since (not loaded at all: a draft is not gone), by text,
    else by title, each gone file matched once. The warning is at the
    file, at its ``slug:`` or ``title:`` line when the address comes from
    it (`sitegen.load.slug_origin`). A page moved back to the address it
    had before its last move (the hint followed, at once or builds later)
    is not warned. An old address dropped from a page's ``aliases:`` is
    warned at that line (at the file when the line is gone too), unless
    another page or alias now has it; the hints of a page give one
    ``aliases:`` list keeping every address it lost (`keep_aliases`). A
    file gone (deleted, or moved out of ``content/``) and taken for no new
    file is warned once, at its path, when nothing is at its address now:
    its page is no longer published, and links to it get 404 (its old
    ``aliases:`` go with it unwarned). A draft never published has no
    address and is never in the record; one the record marks held
    (`Known.held`: a draft, or a page scheduled for later, that an earlier
    build published) was off the site already, and its taking off was told
    (`drafts_taken_off`, `sitegen.checkdates.check_taken_off`): gone, it is
    not warned, and leaves the record. When the editor last saw it under
    another name (``shown_as``: its name in the record → that name, which
    the preview, `sitegen serve`, knows from its earlier builds), the
    warning is at that name, and tells the name it was published as. A file gone but beside itself under
    another ending (``访谈.md.txt``, saved by Notepad), which loading warns
    of with its name to give back (`_kept_unread`), is not warned here: it
    stays in the record, told as gone when that file goes too.

    A page of the same file that moved because its collection's pattern
    (``permalinks:``) changed is not warned alone: each pattern changed is
    warned once, at its line in site.yaml, with how many pages, lists,
    tag pages and feeds it moved (`_warn_pattern`); a pattern put back as
    it was before its last change is not.

    A tag the last build published that no published page has now, its
    address left empty, is warned once (`_gone_tags`).
    """
    if not before.pages:
        return now
    moved: dict[str, Known] = {}
    served = {page.url for page in graph.pages}
    entries = {entry.document.path: entry for entry in graph.interviews + graph.cases}
    gone = {rel: known for rel, known in before.pages.items() if rel not in sources and rel not in now.pages}
    changed = _changed_patterns(graph, before, now, entries)
    by_pattern: dict[str, list[tuple[str, str, str]]] = {}
    for rel, known in sorted(now.pages.items()):
        same = before.pages.get(rel)
        old = same or _renamed_from(rel, known, gone)
        if old is None:
            continue
        lost_url = old.url != known.url and old.url not in served and known.url != old.was
        name = _collection(rel, entries)
        if old.url != known.url:
            moved[rel] = known._replace(was=_moved_back(graph, name, changed.get(name), old.url, same is None))
        if same is not None and _by_pattern(graph, name, changed.get(name), old.url, known.url):
            if lost_url:
                by_pattern.setdefault(name, []).append((old.url, known.url, rel))
            lost_url = False
        if rel not in entries:
            if lost_url:
                _warn_record(rel, old, known, report)
            continue
        dropped = [alias for alias in old.aliases if alias not in served]
        lost = dropped + [old.url] if lost_url else dropped
        if lost_url:
            _warn(entries[rel], old.url, lost, graph, report)
        for alias in dropped:
            _warn_dropped(entries[rel], alias, lost, report)
    unread: dict[str, Known] = {}  # kept in the record: told as gone once their other name is gone too
    for rel, old in sorted(gone.items()):  # the files left after the renamed ones were taken out
        # sitegen init's examples are deleted as sitegen tells (`sitegen.checks.check_init_examples`): not warned.
        # Nor is a page the last build held back (a draft, or scheduled for later): it was off the site already.
        if old.url in served or old.title in _INIT_EXAMPLE_TITLES or old.example or old.held:
            continue
        if (other := _kept_unread(graph.config.root, rel)) is not None:
            unread[rel] = old
            _refuse_unread(rel, other, old, report)
        else:
            _warn_gone(rel, old, report, (shown_as or {}).get(rel), _tag_pages_gone(graph, old, before, now, served))
    _gone_tags(graph, before, now, served, entries, report, setting)
    patterns = dict(now.patterns)
    for name, old_pattern in changed.items():
        patterns[name] = (patterns[name][0], old_pattern)
        if patterns[name][0] != before.patterns.get(name, ("", ""))[1]:  # not put back as it was
            _warn_pattern(graph, name, old_pattern, by_pattern.get(name, []), served, entries, report, setting)
    return AddressBook({**unread, **now.pages, **moved}, patterns, now.tags)


def _gone_tags(graph: SiteGraph, before: AddressBook, now: AddressBook, served: set[str],
               entries: Mapping[str, Entry], report: Report, setting: Place | None) -> None:
    """Warn once of each tag whose page the last build published (``before.tags``) that no published page has now
    (``now.tags``: nor does site.yaml's ``renamed_tags:`` keep it), when nothing is at its old address: its page
    is gone, and links to it get 404 (README "Slugs"). Its old address is in the pattern the last build used.

    The warning is at the ``tags:`` line of a page that had the tag (`Known.tags`), published now: the
    editor renamed or deleted the tag there, and reads the warning beside that page (in the preview too),
    where "this page had it" needs no search; the hint names the line to add to site.yaml. A page that
    had it is known from the record alone, no file read again. A tag gone with every page that had it (each
    deleted, made a draft or held back) is not warned: each page's own warning tells the act, and putting a
    page back brings its tag page back too (init's examples, deleted as told, are warned of nothing). A tag
    kept by a line of ``renamed_tags:`` since deleted, whose pages the record does not name, is warned at
    site.yaml, at ``renamed_tags:`` when typed. When every page that had it is published and has one same tag it did
    not have (the tag renamed on each), the hint gives the line of ``renamed_tags:`` that keeps the old
    address (`_keep_tag`).
    """
    pattern = before.patterns.get("tags", (graph.config.permalinks.tags, ""))[0] or graph.config.permalinks.tags
    for tag, slug in sorted(before.tags.items()):
        url = pattern.replace("{slug}", slug)
        if tag in now.tags or url in served:  # kept, or its address another spelling's (R&D, r&d) or tag's now
            continue
        had = [rel for rel, known in sorted(before.pages.items()) if tag in known.tags]
        shown = [rel for rel in had if rel in entries]
        added = [set(now.pages[rel].tags) - set(before.pages[rel].tags) for rel in shown if rel in now.pages]
        common = set.intersection(*added) if added and len(added) == len(had) else set()
        new = next(iter(common)) if len(common) == 1 else ""
        keep = _keep_tag(graph, tag, new)
        back = f"or write {tag} back in the tags of a page to publish its page again"
        if not shown and had:
            continue  # every page that had it is gone or held back: each is told so itself, its tag page with it
        if not shown:
            line, column = setting(("renamed_tags",)) if setting is not None else (None, None)
            report.warning("site.yaml", line, column,
                           f'the tag "{tag}" is on no page now, so its page {url} is no longer published: links to '
                           "it will get 404 (page not found)", f"{keep}; {back}", once=True)
            continue
        document = entries[shown[0]].document
        typed = isinstance(document.yaml.value, dict) and "tags" in document.yaml.value
        line, column = document.yaml.locate_key(("tags",)) if typed else (None, None)
        others = len(had) - 1
        who = "this page" + (f" and {others} other{'s' if others > 1 else ''}" if others else "")
        report.warning(document.path, line, column,
                       f'the tag "{tag}", which {who} had in the last build, is on no page now, so its page {url} is '
                       "no longer published: links to it will get 404 (page not found)", f"{keep}; {back}",
                       once=True)


def _keep_tag(graph: SiteGraph, old: str, new: str) -> str:
    """The words of a hint that keep the address of tag ``old`` with a line of ``renamed_tags:`` in site.yaml,
    leading to the page of tag ``new`` ("" when it is not known: a stand-in the editor replaces)."""
    pair = f"{listed_tag(old)}: {listed_tag(new) if new else '新标签'}"
    line = (f"add {pair} under renamed_tags: in site.yaml" if graph.config.renamed_tags else
            f"add the line renamed_tags: {{{pair}}} to site.yaml")
    if new:
        return f"if {old} was renamed to {new}, {line} so its old address leads to the page of {new}"
    return f"if another tag replaced it, {line} (新标签: that tag) so its old address leads to that tag's page"


def _collection(rel: str, entries: Mapping[str, Entry]) -> str:
    """The collection (`PATTERNS`) of the page of the file ``rel``: an interview's or case study's, or a record's."""
    if rel in entries:
        return entries[rel].document.collection
    return "units" if rel.startswith("content/units/") else "series"


def _moved_back(graph: SiteGraph, name: str, old_pattern: str | None, old: str, renamed: bool) -> str:
    """The address a page that left ``old`` goes back to when its move is undone: ``old``; or, for a file renamed
    while its pattern changed from ``old_pattern``, its old name's address in the new pattern (renamed back, as
    its warning offers, the page is there: the pattern's own warning told of the rest)."""
    before, _, after = (old_pattern or "").partition("{slug}")
    slug = old[len(before):len(old) - len(after)]
    if not renamed or not before or not old.startswith(before) or not old.endswith(after) or "/" in slug or not slug:
        return old
    return graph.config.permalinks.url(name, slug)


def _by_pattern(graph: SiteGraph, name: str, old_pattern: str | None, old: str, new: str) -> bool:
    """True when a page of ``name`` moved from ``old`` to ``new`` by its pattern's change from ``old_pattern``
    alone (its slug is the same)."""
    slug = graph.config.permalinks.slug_of(name, new)
    return old_pattern is not None and slug is not None and old_pattern.replace("{slug}", slug) == old


def _changed_patterns(graph: SiteGraph, before: AddressBook, now: AddressBook,
                      entries: Mapping[str, Entry]) -> dict[str, str]:
    """``{collection: its pattern in the last build}`` of each pattern that changed since (`PATTERNS`).

    A record written before the patterns were kept gives those of units and series as their pages show
    them: a record file that kept its name keeps its id, so its page moved only by its pattern.
    """
    if before.patterns:
        return {name: before.patterns[name][0] for name in PATTERNS
                if name in before.patterns and before.patterns[name][0] != now.patterns[name][0]}
    found: dict[str, str] = {}
    for rel, known in now.pages.items():
        old = before.pages.get(rel)
        if rel in entries or old is None or old.url == known.url:
            continue
        name = _collection(rel, entries)
        slug = graph.config.permalinks.slug_of(name, known.url)
        at = old.url.rfind(slug) if slug else -1
        if slug and at > 0:
            found.setdefault(name, old.url[:at] + "{slug}" + old.url[at + len(slug):])
    return found


_NOUNS = {"interviews": ("interview", "the list of interviews"), "cases": ("case study", "the list of case studies"),
          "units": ("unit", "the list of units"), "series": ("series", ""), "tags": ("tag", "the list of tags")}


def _warn_pattern(graph: SiteGraph, name: str, old_pattern: str, pages: list[tuple[str, str, str]],
                  served: set[str], entries: Mapping[str, Entry], report: Report, setting: Place | None) -> None:
    """The one warning for the pattern of ``name`` changed from ``old_pattern``: ``pages`` are the pages it moved
    (old address, new one, file), which take their feeds with them; the collection's list and tag pages moved
    too are found here. Nothing is warned when nothing moved leaves its old address empty."""
    noun, listed = _NOUNS[name]
    pattern = getattr(graph.config.permalinks, name)
    moves = [(pages, f"{noun} page")]
    if name in ("units", "series"):
        moves.append(([(old + FEED_FILE, new + FEED_FILE, rel) for old, new, rel in pages], f"{noun} feed"))
    if name == "tags":
        moves[0] = ([(old_pattern.replace("{slug}", term.slug), term.url, "") for term, _ in graph.tags
                     if old_pattern.replace("{slug}", term.slug) not in served], "tag page")
    parts = [f"{len(moved)} {kind}{'s' if len(moved) > 1 else ''} ({'e.g. ' if len(moved) > 1 else ''}"
             f"{moved[0][0]} → {moved[0][1]})" for moved, kind in moves if moved]
    if listed:
        old_list, new_list = section_url(old_pattern, getattr(SiteLinks, name)), getattr(graph.links, name)
        if old_list != new_list and old_list not in served:
            parts.append(f"{listed} ({old_list} → {new_list})")
    if not parts:
        return
    line, column = setting(("permalinks", name)) if setting is not None else (None, None)
    keep = (f"write {name}: {old_pattern} under permalinks: to keep the old addresses" if line is not None else
            f"write permalinks: with {name}: {old_pattern} under it (indented) to keep the old addresses")
    if pages and pages[0][2] in entries:
        old, _, rel = pages[0]
        each = " (and to each page its own old address)" if len(pages) > 1 else ""
        keep += (f", or keep the new pattern and {keep_aliases(entries[rel].document, [old], rel, entries[rel].url)}{each} so links "
                 "to a page's old address lead to it")
    else:
        keep += ", or keep the new pattern if the old addresses were never shared"
    moved_parts = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    report.warning("site.yaml", line, column,
                   f"the address pattern of {name} changed from {old_pattern} to {pattern} since the last build "
                   f"(permalinks:), so {moved_parts} moved: links and bookmarks to the old addresses will no longer "
                   "work", keep, once=True)


def _renamed_from(rel: str, known: Known, gone: dict[str, Known]) -> Known | None:
    """The gone file of the same folder a new file most likely was (same text, else same title or name), taken
    out of ``gone``; else None."""
    folder = rel.rpartition("/")[0]
    for same in (lambda other: known.text and other.text == known.text, lambda other: other.title == known.title):
        match = next((gone_rel for gone_rel, other in sorted(gone.items())
                      if gone_rel.rpartition("/")[0] == folder and same(other)), None)
        if match is not None:
            return gone.pop(match)
    return None


_INIT_EXAMPLE_TITLES = frozenset({INIT_UNIT_NAME, INIT_INTERVIEW_TITLE, INIT_CASE_TITLE})
"""The titles (a unit's: its name) of the pages of sitegen init's examples. Not its series': 进度访谈 is a title a
series of the editor's own may have (`_is_init_series`)."""


def _is_init_series(view: SeriesView) -> bool:
    """True when the series of ``view`` is still the one ``sitegen init`` wrote: its blurb is init's
    (`sitegen.placeholders.INIT_SERIES_BLURB`), as `sitegen.checktexts.check_init_examples` tells it. Its title,
    进度访谈, and id, fangtan, may stay in a series the editor made their own by its blurb, whose page is theirs:
    gone, it is warned as any page is. Deleted while it held init's blurb, it was init's example content, which
    the editor is told to replace, and it is not."""
    return view.series.blurb == INIT_SERIES_BLURB


def _kept_unread(root: Path, rel: str) -> str | None:
    """The file (path from the site folder) that is ``rel`` (gone) under another ending, which sitegen does not
    read: ``访谈.md.txt`` (saved by Notepad), ``访谈.txt``, ``baihe.yaml.bak``; None when there is none. Loading
    warns of any such file in a folder of pages or records, with the name to give it back (`sitegen.load`,
    `sitegen.sources`); "this file is gone … 404", beside it, told the editor to put back a file that is there, or
    to give its address to another page. Raises nothing."""
    path = root / rel
    stem = path.name.partition(".")[0]
    try:
        return next((posixpath.join(posixpath.dirname(rel), other.name) for other in sorted(path.parent.iterdir())
                     if other.name != path.name and other.is_file() and other.name.partition(".")[0] == stem), None)
    except OSError:
        return None


def _refuse_unread(rel: str, other: str, old: Known, report: Report) -> None:
    """Error at ``other``, the file ``rel`` under an ending sitegen does not read (`_kept_unread`), when the last
    build published ``rel`` (``old``): its page would be taken off the site by a slip of its name.

    Notepad's ``访谈.md.txt`` published the site without the page, told only as a file not read: nothing said
    that a page readers had was going, as a file deleted is told (`_warn_gone`). An error, not a warning: no
    editor takes a page off by its file's ending, and the hint gives the ways that do (``draft: true``, or the
    file moved out of content/). Loading's warning at ``other`` says why it is not read; this says what it would
    take off the site. Raises nothing.
    """
    name = posixpath.basename(rel)
    title = f' "{old.title}"' if old.title else ""
    pages = rel.startswith(("content/interviews/", "content/cases/"))
    figures = " with its figures" if rel.startswith("content/units/") else ""
    away = "write draft: true in it, or move it out of content/" if pages else "move it out of content/"
    report.error(other, None, None,
                 f"the last build published this file as {rel}: under this name it is not read, so its page{title} "
                 f"at {old.url} would be taken off the site{figures}, and links to it would get 404 (page not found)",
                 f"rename the file back to {name} ({SHOW_FILE_ENDINGS} its whole name); to take the page off the "
                 f"site on purpose, {away}")


def _tag_pages_gone(graph: SiteGraph, old: Known, before: AddressBook, now: AddressBook,
                    served: set[str]) -> list[tuple[str, str]]:
    """The tags of the gone page ``old`` whose pages the last build published (``before``) and this one does
    not, nothing else at their addresses: ``[(tag, its page's old address)]``, in the order typed.

    Such a tag was on no page left (`_gone_tags` warns of a tag still on a page at that page), so its page
    goes with the file, and is told in the file's own warning (`_warn_gone`)."""
    pattern = before.patterns.get("tags", (graph.config.permalinks.tags, ""))[0] or graph.config.permalinks.tags
    gone = []
    for tag in old.tags:
        slug = before.tags.get(tag)
        url = pattern.replace("{slug}", slug) if slug else ""
        if url and tag not in now.tags and url not in served and (tag, url) not in gone:
            gone.append((tag, url))
    return gone


def _warn_gone(rel: str, old: Known, report: Report, shown: str | None = None,
               tag_pages: Sequence[tuple[str, str]] = ()) -> None:
    """The warning for the file ``rel`` gone since the last build, whose page (``old``) is no longer published;
    at ``shown`` instead, the name the editor last saw it under when it was renamed since, the record's name
    told as the one it was published as (the editor never saw a file by that name gone). ``tag_pages``: the
    tags whose pages go with it (`_tag_pages_gone`), ``[(tag, address)]``, told in the same sentence."""
    title = f' "{old.title}"' if old.title else ""
    # A unit's file holds its figures: gone, they leave its page, the district's totals and the open data too,
    # which "its page is no longer published" did not say.
    figures = (", and its figures (tallies, targets, milestones) leave the totals, the dashboard and the open data "
               "(data/)" if rel.startswith("content/units/") else "")
    if tag_pages:
        # The page of a tag no page has any more went unsaid: the deleted page's 404 was told, the tag's was not.
        listed = [f"{tag} ({url})" for tag, url in tag_pages]
        named = ", ".join(listed[:-1]) + f" and {listed[-1]}" if len(listed) > 1 else listed[0]
        figures += (f", nor {'are the pages of its tags' if len(listed) > 1 else 'is the page of its tag'} "
                    f"{named}, on no page now")
    gone = (f"this file is gone (the last build published it under its old name {rel})" if shown and shown != rel
            else "this file is gone since the last build")
    report.warning(shown or rel, None, None,
                   f"{gone}, so its page{title} at {old.url} is no longer published{figures}: links to "
                   f"{'them' if tag_pages else 'it'} will get 404 (page not found)", _gone_hint(rel, old.url),
                   once=True)


def _gone_hint(rel: str, url: str) -> str:
    """How to keep the address ``url`` of the file ``rel``, gone: put it back; for a page, the alias of another."""
    back = "if it was deleted or moved out of the folder by mistake, put it back"
    if rel.startswith(("content/units/", "content/series/")):
        # A record's aliases are other names of it, not addresses: "/units/x/" there published as a name.
        kind = "unit" if rel.startswith("content/units/") else "series"
        return f"{back}: a {kind}'s page is at its file's name, so no other file can keep {url}"
    return (f"{back}; if another page takes its place, add {url} to its aliases (aliases: [{url}], or into the list "
            "it has) so the old address leads there")


def drafts_taken_off(graph: SiteGraph, before: AddressBook, documents: Collection[Document], held: Collection[str],
                     report: Report) -> None:
    """Warn at each draft that the last build published, when nothing of the site is at its address now: this
    build takes the page off the site, and links to it get 404.

    Takes the site graph, the last build's record (`AddressBook`), the drafts (``draft: true``;
    `sitegen.checks.drafts`), the page files held back now (drafts and pages scheduled for later, which a
    preview's ``graph`` holds: what they show is not published) and the report. A draft the record marks
    held (`Known.held`) was off the site already, and was told when it was taken off: told once, as a file
    deleted is (`_warn_gone`), though the routine note of each draft goes on. A page taken off by a publish
    time still to come is told by `sitegen.checkdates.check_taken_off`, with the year meant. The warning is
    at the ``draft:`` line; its hint (`_draft_hint`) publishes the page at that address again, or gives the
    address to another page. Raises nothing.
    """
    served = {page.url for page in graph.pages if page.source not in held}
    for document in sorted(documents, key=lambda document: document.path):
        known = before.pages.get(document.path)
        if known is None or known.held or known.url in served:
            continue
        line, column = document.yaml.locate(("draft",))
        report.warning(document.path, line, column,
                       f"the last build published this page at {known.url}, but draft: true (草稿) takes it off the "
                       "site: links to it will get 404 (page not found)", _draft_hint(graph, document, known.url),
                       once=True)


def _draft_hint(graph: SiteGraph, document: Document, url: str) -> str:
    """How to keep the address ``url`` the draft ``document`` was published at: publish it there again (with the
    slug it had, when that changed since, and a publish time already come, when its own is still to come, as
    `sitegen.checkdates.check_taken_off` asks of a page not a draft), or give the address to the page that takes
    its place."""
    collection = document.collection
    slug = graph.config.permalinks.slug_of(collection, url)
    back = ["draft: false"]
    if graph.config.permalinks.url(collection, document.slug) == url:
        # A draft's address is still its own: another page's alias of it is an error (`sitegen.load.check_aliases`).
        away = "delete this file (or move it out of content/) and "
    else:  # its slug changed while it was a draft: published so, it would move
        back += [f"slug: {slug}"] if slug else []
        away = ""
    if document.meta.date > graph.now:
        back.append("in date: the time it was first published (发布时间), as the one there is still to come")
    return (f"to keep it on the site, write {' and '.join(back)}; if another page takes its place, {away}add {url} "
            f"to that page's aliases (aliases: [{url}], or into the list it has) so the old address leads there")


def _warn_record(rel: str, old: Known, known: Known, report: Report) -> None:
    """The warning for a unit's or series' page moved with its file's new name: a record's address is its id."""
    kind = "unit" if rel.startswith("content/units/") else "series"
    before = old.url.rstrip("/").rpartition("/")[2]
    suffix = rel.rpartition(".")[2]
    report.warning(rel, None, None,
                   f"the {kind}'s page moved from {old.url} to {known.url} since the last build, as its file was "
                   "renamed: links to the old address will no longer work",
                   f"a {kind}'s address is its file name: rename the file back to {before}.{suffix} to keep it (and "
                   f"write {kind}: {before} in the pages again), or keep the new name if the old address was never "
                   "shared", once=True)


def _warn(entry: Entry, old: str, lost: list[str], graph: SiteGraph, report: Report) -> None:
    """The warning for a page moved from ``old``; ``lost`` is every old address it no longer keeps, ``old`` among
    them, which its hint's ``aliases:`` keeps at once (`keep_aliases`)."""
    document = entry.document
    line, column = slug_origin(document)
    slug = graph.config.permalinks.slug_of(document.collection, old)
    keep = f"{keep_aliases(document, lost, own=entry.url)} so the old address leads here"
    report.warning(document.path, line, column,
                   f"the page's address changed from {old} to {entry.url} since the last build: links to the old "
                   "address will no longer work",
                   f"keep the old address with slug: {slug}, or keep the new one and {keep}" if slug else keep,
                   once=True)


def _warn_dropped(entry: Entry, alias: str, lost: list[str], report: Report) -> None:
    """The warning for an old address the page kept in the last build (``aliases:``) and no page has now."""
    document = entry.document
    typed = isinstance(document.yaml.value, dict) and "aliases" in document.yaml.value
    line, column = document.yaml.locate_key(("aliases",)) if typed else (None, None)
    # The record keeps addresses percent-encoded (/%E7%99%BD…/); an editor typed /白鹤访谈/, and reads it so.
    report.warning(document.path, line, column,
                   f"the old address {unquote(alias)} led to this page in the last build (aliases:), and no page is "
                   "there now: links to it will no longer work",
                   f"{keep_aliases(document, [unquote(address) for address in lost], own=entry.url)} so the old "
                   "address still leads here", once=True)
