"""Helpers for tests: write small sites from dicts, build them, parse their pages."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Mapping

import lxml.html

from sitegen.errors import WIDE_SPACES
from sitegen.write import MANIFEST, listed_files

REPO = Path(__file__).resolve().parents[1]
# The editor-mistake cases, byte-exact copies kept with the tests (see tests/cases/README.md).
CASES = REPO / "tests" / "cases"

MINIMAL_CONFIG = "title: 测试站点\nbase_url: https://example.org/\n"

LINKS_LATER = "; links are checked once the errors are mended (改正错误后再检查链接)"
"""What ``sitegen check``'s summary line adds when an error stopped it before the links between pages."""

SERIES = "title: 大调研微访谈\nblurb: 各镇负责人谈大调研。\npublisher: 区大调研办公室\n"
UNIT = """name: 白鹤镇
level: town
misspellings: [白河镇, 百合镇]
tallies:
  - as_of: 2018-04-26
    batches: 318
    collected: 296
    escalated: 143
    resolved: 103
    in_progress: 50
"""


def interview(title: str = "白鹤镇访谈", *, date: str = "2018-05-03 10:00", body: str = "## 问题一\n\n回答。\n",
              extra: str = "") -> str:
    """Return the text of a valid interview with the given title, date and body."""
    return (f"---\ntitle: {title}\nseries: dadiaoyan\nunit: baihe\n"
            f"interviewee:\n  name: 受访人\n  role: 党委书记\ndate: {date}\n{extra}---\n\n{body}")


def write_site(root: Path, files: Mapping[str, str | bytes], *, config: str = MINIMAL_CONFIG,
               records: bool = True) -> Path:
    """Write a site folder: site.yaml, optionally a series and a unit, then ``files``.

    ``files`` maps paths relative to the site root to text (written as UTF-8)
    or bytes (written as they are). Returns the root.
    """
    root.mkdir(parents=True, exist_ok=True)
    all_files: dict[str, str | bytes] = {"site.yaml": config}
    if records:
        all_files["content/series/dadiaoyan.yaml"] = SERIES
        all_files["content/units/baihe.yaml"] = UNIT
    all_files.update(files)
    for rel, data in all_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    return root


def copy_example(dest: Path) -> Path:
    """Copy the bundled example site (site.yaml, content/, templates/) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, dest / folder)
    return dest


def edit_file(root: Path, rel: str, old: str, new: str) -> None:
    """Replace every ``old`` in the UTF-8 file ``rel`` of the site ``root`` with ``new``, as an editor's edit;
    fails the test when the file does not hold ``old`` (an edit that changes nothing tests nothing)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_as_hinted(hint: str, typed: str) -> str:
    """Return the line ``hint`` ends with for the slipped line ``typed``, as an editor types it in its place.

    That is the text after a ": " of the hint that holds ``typed``'s text (its spaces, TABs and odd spaces at
    either end left out): in double quotes when it starts with spaces (the quotes are not typed), bare when it
    starts at the left edge. Fails when the hint gives no such line.
    """
    text = typed.strip(" \t" + WIDE_SPACES)
    at = hint.find(": ")
    while at >= 0:
        shown = hint[at + 2:]
        line = shown[1:-1] if shown[:2] == '" ' and shown[-1:] == '"' and len(shown) > 2 else shown
        if line.lstrip(" ") == text and (line != shown or not line.startswith(" ")):
            return line
        at = hint.find(": ", at + 1)
    raise AssertionError(f"the hint gives no line to type for {typed!r}: {hint}")


def lines_as_hinted(hint: str, text: str, first_line: int = 1) -> str:
    """Return ``text`` with its lines indented as ``hint`` says, as an editor follows it: each "add 2 spaces at the
    start of line 5" or "remove 1 space at the start of lines 20 and 21" (lines named one by one, "14, 19 and 24",
    or as runs, "14 to 16") done, the lines named as the file's (``text`` starting at file line ``first_line``).

    Fails when the hint names no such change, or when the line it ends with (``line 20 then reads "…"``, or the
    line after its last ": ", `line_as_hinted`) is not the line the change made.
    """
    steps = re.findall(r"(add|remove) (\d+) spaces? at the start of lines? (\d+(?:(?:, | and | to )\d+)*)", hint)
    assert steps, f"the hint names no lines to indent: {hint}"
    lines = text.split("\n")
    for how, count, named in steps:
        numbers: list[int] = []
        for part in re.split(r", | and ", named):
            ends = [int(number) for number in part.split(" to ")]
            numbers.extend(range(ends[0], ends[-1] + 1))
        for number in numbers:
            typed = lines[number - first_line]
            if how == "add":
                lines[number - first_line] = " " * int(count) + typed
            else:
                assert typed[:int(count)] == " " * int(count), f"line {number} has not {count} spaces: {typed!r}"
                lines[number - first_line] = typed[int(count):]
    reads = re.search(r"line (\d+) then reads \"(.*)\"$", hint)
    if reads is not None:
        assert lines[int(reads.group(1)) - first_line] == reads.group(2), hint
    else:
        number = int(re.findall(r"\d+", steps[0][2])[0])
        assert line_as_hinted(hint, text.split("\n")[number - first_line]) == lines[number - first_line], hint
    return "\n".join(lines)


def parse_html(path: Path) -> lxml.html.HtmlElement:
    """Parse an HTML file (UTF-8)."""
    return lxml.html.fromstring(path.read_bytes())


def text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text with whitespace runs folded to one space."""
    return " ".join(element.text_content().split())


def shown_text(element: lxml.html.HtmlElement) -> str:
    """What the page shows of the element (`text_of` without its ``.visually-hidden`` parts, which only
    screen readers read)."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    for hidden in copy.cssselect(".visually-hidden"):
        hidden.drop_tree()
    return text_of(copy)


def spoken_text(element: lxml.html.HtmlElement) -> str:
    """What a screen reader reads of the element (`text_of` without its ``aria-hidden="true"`` parts)."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    for hidden in copy.cssselect('[aria-hidden="true"]'):
        hidden.drop_tree()
    return text_of(copy)


def tree_hashes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, by relative path (for before/after comparisons).

    A manifest (`sitegen.write.MANIFEST`) is taken without its line naming the site, whose folder it holds:
    builds of copies of one site in two folders compare equal.
    """
    return {p.relative_to(root).as_posix(): _without_site_line(p) for p in sorted(root.rglob("*")) if p.is_file()}


def _without_site_line(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name != MANIFEST:
        return data
    return "".join(f"{line}\n" for line in listed_files(data.decode("utf-8"))).encode("utf-8")


# -- editor-mistake cases (tests/test_cases.py and friends) -------------------

PAGE_FIELDS = "series: dadiaoyan\nunit: baihe\ninterviewee:\n  name: 受访人\n  role: 网格员\n"
"""The front matter lines an interview needs besides title and date (5 lines)."""


def case_bytes(case: str, rel: str) -> bytes:
    """The bytes of one file of a case in ``tests/cases``, exactly as stored."""
    return (CASES / case / rel).read_bytes()


def add_front_matter(data: bytes, lines: str = PAGE_FIELDS, encoding: str = "utf-8") -> bytes:
    """Insert ``lines`` just before the closing ``---`` of a page's front matter.

    Every byte of the page is kept and every front-matter line keeps its
    number (body lines move down by the number of lines added). The lines
    are encoded with ``encoding`` and end like the page's own lines (CRLF
    stays CRLF). Raises AssertionError when the page has no closing ``---``.
    """
    ending = b"\r\n" if b"\r\n" in data else b"\n"
    rows = data.splitlines(keepends=True)
    for index in range(1, len(rows)):
        if rows[index].rstrip(b"\r\n").rstrip(b" \t") == b"---":
            added = b"".join(line.encode(encoding) + ending for line in lines.splitlines())
            return b"".join(rows[:index]) + added + b"".join(rows[index:])
    raise AssertionError("the page has no closing ---")


def output_files(root: Path) -> list[Path]:
    """Every file of the built site under ``root/output``, sorted."""
    return sorted(p for p in (root / "output").rglob("*") if p.is_file())


# -- built sites: links of pages, feeds and data (tests/test_pages.py and friends) ------

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def build_at(root: Path, base_url: str | None = None) -> Path:
    """Build the site folder ``root`` (optionally with ``--base-url``); return its output folder."""
    from sitegen.build import BuildOptions, build
    build(BuildOptions(root=root, base_url=base_url))
    return root / "output"


def fingerprinted(output: Path, path: str) -> str:
    """The path the pages link for the theme file ``path`` of ``output`` (``assets/site.css`` →
    ``assets/site.d7d2eb46e1.css``): 10 hex digits of the BLAKE2b digest of its published bytes, the first made
    a letter ("abcdef"[digit % 6]) when all ten are decimal digits."""
    stem, ending = path.rsplit(".", 1)
    return f"{stem}.{fingerprint_mark((output / path).read_bytes())}.{ending}"


def fingerprint_mark(data: bytes) -> str:
    """The mark a published file of ``data`` is named by (``d7d2eb46e1``): see `fingerprinted`."""
    mark = hashlib.blake2b(data, digest_size=5).hexdigest()
    return "abcdef"[int(mark[0]) % 6] + mark[1:] if mark.isdigit() else mark


def json_ld_of(page: lxml.html.HtmlElement) -> list[dict]:
    """The parsed JSON-LD objects of a page (every ``<script type="application/ld+json">``)."""
    import json
    return [json.loads(s.text) for s in page.iter("script") if s.get("type") == "application/ld+json"]


def strings_in(value: object) -> list[str]:
    """Every string inside a JSON value (dict values, list items), depth first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def html_links(path: Path) -> list[str]:
    """Every address a built HTML file refers to.

    href/src/action of every element (lxml ``iterlinks``, so ``<link>``,
    ``<a>``, ``<img>``, ``<form>``), ``og:url``/``og:image`` meta content, and
    every ``http(s)`` string in its JSON-LD.
    """
    page = parse_html(path)
    links = [link for _, _, link, _ in page.iterlinks()]
    links += [m.get("content") for m in page.iter("meta") if m.get("property") in ("og:url", "og:image")]
    links += [s for data in json_ld_of(page) for s in strings_in(data) if s.startswith(("http://", "https://"))]
    return links


def xml_links(path: Path) -> list[str]:
    """Every address a built XML file (Atom feed or sitemap) refers to.

    ``href`` attributes, Atom ``id`` and sitemap ``loc`` texts, and the
    href/src inside each entry's HTML ``content``.
    """
    import lxml.etree
    tree = lxml.etree.parse(str(path))
    links = [e.get("href") for e in tree.iter() if isinstance(e.tag, str) and e.get("href") is not None]
    links += [e.text for e in tree.iter(f"{ATOM}id", f"{SITEMAP}loc")]
    for content in tree.iter(f"{ATOM}content"):
        fragment = lxml.html.fragment_fromstring(content.text or "", create_parent="div")
        links += [link for _, _, link, _ in fragment.iterlinks()]
    return links


def file_for(output: Path, base_path: str, link: str) -> Path | None:
    """The output file a site link (``/qingpu/units/baihe/``, fragment allowed) names; None if it is outside the base path."""
    from urllib.parse import unquote, urlsplit
    path = unquote(urlsplit(link).path)
    if not path.startswith(base_path):
        return None
    rel = path[len(base_path):]
    return output / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def benchmark_corpus() -> ModuleType:
    """Import benchmarks/corpus.py (not a package) by its path; the corpus generator, for tests of real-sized input."""
    name = "sitegen_benchmark_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
