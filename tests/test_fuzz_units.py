"""Fuzzing the four units that read what editors type: never a traceback, always a result or a clear message.

Issue 7 ("Fuzzing"): Hypothesis drives

- the front matter splitter, through `sitegen.sources.decode_source` on
  random bytes (UTF-8, GB18030, BOMs, CR/LF, ``---`` lines);
- YAML loading, `sitegen.yamltext.load_yaml`, on YAML-shaped text built from
  hostile pieces (anchors, aliases, Python tags, escapes, deep brackets);
- Markdown rendering, `sitegen.markup.MarkdownRenderer.render`, on text built
  from Markdown and raw-HTML pieces and script addresses;
- slug making, `sitegen.slugs.make_slug`, on any text.

Whole sites are fuzzed in tests/test_fuzz_site.py; plain random text for
YAML in tests/test_yamltext.py. ``max_examples`` keeps this module to a few
seconds; there is no deadline (a slow example is not a failure here).

Imports: hypothesis, lxml; sitegen.errors, sources, yamltext, markup, slugs.
"""

from __future__ import annotations

import re

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.errors import Report
from sitegen.markup import MarkdownRenderer
from sitegen.slugs import MAX_SLUG_LENGTH, SLUG_RE, device_name, is_slug, make_slug
from sitegen.sources import decode_source, split_front_matter
from sitegen.yamltext import load_yaml

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

# -- the front matter splitter -------------------------------------------------------------------

_BYTE_PIECES = st.sampled_from([
    b"---", b"---\n", b"--- \t\n", b"\r\n", b"\r", b"\n", b"\xef\xbb\xbf", b"\xff\xfe", b"title: ",
    "标题：白鹤镇".encode("utf-8"), "白鹤镇".encode("gb18030"), b"\x80", b"\xc3", b"\x00", b"   ", b"\t",
])


@FUZZ
@given(st.lists(st.one_of(_BYTE_PIECES, st.binary(max_size=12)), max_size=30))
def test_decode_and_split_random_bytes(pieces: list[bytes]) -> None:
    """Any bytes decode to text or one error; the split keeps every line, in order, in the right part."""
    report = Report()
    source = decode_source("content/interviews/x.md", b"".join(pieces), report)
    if source is None:
        assert [p.severity for p in report.problems] == ["error"]
        return
    assert "\r" not in source.text
    document = split_front_matter(source, report)
    lines = source.text.split("\n")
    if document.front_matter is None:
        assert (document.body, document.body_line, document.front_matter_line) == (source.text, 1, 1)
    else:
        closing = document.body_line - 2
        assert document.front_matter_line == 2
        assert document.front_matter == "".join(line + "\n" for line in lines[1:closing])
        rest = [document.body] if closing + 1 < len(lines) else []  # "---" on the last line: no body
        assert "\n".join(lines[:closing + 1] + rest) == source.text and (rest or document.body == "")
    for problem in report.problems:
        assert problem.path == "content/interviews/x.md" and problem.message
        assert problem.line is None or problem.line >= 1


# -- YAML loading ---------------------------------------------------------------------------------

_YAML_PIECES = st.sampled_from([
    "title: ", "a:", "  ", "- ", "\n", "\n", "[", "]", "{", "}", ", ", '"', "'", "|", ">", "#", "&a ", "*a",
    "!!python/object/apply:os.system ", "!!binary ", "!x ", "? ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a",
    '"\\x01"', '"\\0"', '"\\e"', '"\\u2028"', '"\\uFFFE"', '"\\ud800"', "\\", "\t", "\u3000", "：", "\x00",
    "\u2028", "\ufeff", "[" * 70, "]" * 70, "- " * 70, "yes", "1:30", "2018-04-26", "白鹤镇", "~", "null",
])


def _strings(value: object) -> list[str]:
    """Every key and text inside loaded YAML data (dicts, lists, strings), depth first."""
    pending, found = [value], []
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            found += list(item)
            pending += list(item.values())
        elif isinstance(item, list):
            pending += item
        else:
            assert item is None or isinstance(item, str)
            found += [item] if item is not None else []
    return found


@FUZZ
@given(st.lists(_YAML_PIECES, max_size=40), st.integers(1, 30))
def test_load_yaml_on_hostile_pieces(pieces: list[str], first_line: int) -> None:
    """Data or errors, never an internal error; data holds only texts, lists and mappings, no control character."""
    report = Report()
    data = load_yaml("".join(pieces), "data/x.yaml", report, first_line=first_line)
    assert not any("internal error" in p.message for p in report.problems), report.problems
    assert (data is None) == report.has_errors()
    for problem in report.problems:
        assert problem.line is not None and problem.line >= first_line and (problem.column or 0) >= 1
    if data is not None:
        assert not any(CONTROL.search(text) for text in _strings(data.value))


# -- Markdown rendering ----------------------------------------------------------------------------

_MARKDOWN_PIECES = st.sampled_from([
    "## ", "# ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n", "```\n", "`", "**", "*", "_", "~~", "[", "]", "(",
    ")", "![", "<", ">", "&", "&#x6a;", "&#0;", "[x](javascript:alert(1))", "[x](java\tscript:alert(1))",
    "<a href=\"javascript:alert(1)\">", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
    "<svg onload=alert(1)>", "<iframe srcdoc='<script>alert(1)</script>'>", "<style>", "<!--", "-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "[^1]", "[^1]: ", "<https://a.b/>",
    "[r]: data:text/html,x", "{{7*7}}", "\n", "\n", "\n\n", "  \n", "\t", "白鹤镇", "：", "\u2028", "\ufeff",
])
_RENDERER: list[MarkdownRenderer] = []


def renderer() -> MarkdownRenderer:
    """One renderer for the whole module (building one is the costly part, NOTES.md)."""
    if not _RENDERER:
        _RENDERER.append(MarkdownRenderer())
    return _RENDERER[0]


@FUZZ
@given(st.lists(st.one_of(_MARKDOWN_PIECES, st.text(max_size=8)), max_size=40), st.integers(1, 30))
def test_markdown_render_on_hostile_pieces(pieces: list[str], first_line: int) -> None:
    """A result with warnings at file lines; its HTML holds no script, event attribute or script address."""
    result = renderer().render("".join(pieces), "content/interviews/x.md", first_line)
    assert isinstance(result.html, str) and isinstance(result.text, str) and result.word_count >= 0
    for problem in result.problems:
        assert problem.severity == "warning" and problem.path == "content/interviews/x.md"
        assert problem.line is None or problem.line >= first_line
    if not result.html.strip():
        return
    for element in lxml.html.fragment_fromstring(CONTROL.sub("", result.html), create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("script", "iframe", "object", "embed", "style", "svg", "math"), result.html
        assert not any(name.lower().startswith("on") for name in element.attrib), result.html
        for name in ("href", "src"):
            address = re.sub(r"[\t\n\r]", "", (element.get(name) or "").strip()).lower()
            assert not address.startswith(("javascript:", "vbscript:", "data:text")), result.html


# -- slug making ------------------------------------------------------------------------------------

_SLUG_PIECES = st.sampled_from(["..", "/", "\\", "%2e", "%2f", "C:", "\x00", " ", "-", "--", "白鹤镇", "重庆",
                                "Ünïcödé", "ＡＢＣ", "１２３", "ﬁ", "\u200b", "\u202e", "😀", "a", "Z", "0", "CON",
                                "nul", "Com1"])


@FUZZ
@given(st.one_of(st.text(max_size=120), st.lists(_SLUG_PIECES, max_size=30).map("".join)))
def test_make_slug_gives_a_safe_slug_or_nothing(text: str) -> None:
    """``^[a-z0-9]+(-[a-z0-9]+)*$`` or "", at most 80 characters, never "..", "/" or "\\"; a slug is kept."""
    slug = make_slug(text)
    assert slug == "" or (SLUG_RE.match(slug) and is_slug(slug))
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
    assert len(slug) <= MAX_SLUG_LENGTH and ".." not in slug and "/" not in slug and "\\" not in slug
    assert make_slug(slug) == slug
    assert device_name(slug) is None  # never a folder Windows cannot hold (con, nul, com1)
