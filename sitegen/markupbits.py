"""The pieces every part of Markdown conversion shares: character classes, a line's patterns, what a body gives.

Job: hold what `sitegen.markup` and its parts all use: the classes of Chinese
characters and punctuation, the patterns that tell a line of the source
(fences, list items, rules, tables, headings), the names of HTML elements,
and `Heading` and `RenderedMarkdown` (what a converted body gives); kept
here so that the parts' imports run one way only.

May import: errors, lazyre (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem
from .lazyre import compile_later

HTML_ELEMENTS: frozenset[str] = frozenset({
    # The HTML standard's index of elements (html.spec.whatwg.org, "Elements"), with svg and math.
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote",
    "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
    "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
    "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math",
    "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture",
    "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot",
    "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video",
    "wbr",
    # Its obsolete elements, which browsers (and so nh3's parser) still know: old Word and web pages have them.
    "acronym", "applet", "basefont", "bgsound", "big", "blink", "center", "dir", "font", "frame", "frameset",
    "image", "isindex", "keygen", "listing", "marquee", "menuitem", "multicol", "nextid", "nobr", "noembed",
    "noframes", "param", "plaintext", "rb", "rtc", "spacer", "strike", "tt", "xmp",
})
"""Names of the elements HTML defines. Text in angle brackets whose name is none of these (``<WPS表格>``,
``<PM2.5>``, ``<Excel>``) is no tag: the page shows it as typed (`TagsOnly`)."""


# --------------------------------------------------------------------------
# Character classes (counts, summaries, line joining)
# --------------------------------------------------------------------------

CJK_CHARS = (
    "\u1100-\u11ff"            # Hangul Jamo
    "\u3005\u3007"             # 々 〇 (ideographic iteration mark, number zero)
    "\u3041-\u309f"            # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # Katakana (not ゠ ・)
    "\u3130-\u318f"            # Hangul compatibility Jamo
    "\u31f0-\u31ff"            # Katakana phonetic extensions
    "\u3400-\u4dbf"            # CJK extension A
    "\u4e00-\u9fff"            # CJK unified ideographs
    "\uac00-\ud7af"            # Hangul syllables
    "\uf900-\ufaff"            # CJK compatibility ideographs
    "\uff66-\uff9f"            # half-width Katakana
    "\U00020000-\U0002fa1f"    # extensions B-F, compatibility supplement
    "\U00030000-\U000323af"    # extensions G-H
)
CJK_RUN_RE = compile_later(f"[{CJK_CHARS}]+")
_CJK_PUNCT = "\u3000-\u3004\u3008-\u303f\uff01-\uff65\u2014\u2026\u201c\u201d\u2018\u2019\u00b7\u30fb"
CJK_PUNCT_RE = compile_later(f"[{_CJK_PUNCT}]")
# A word of count_words, in text whose CJK characters (word characters to re, but
# counted one by one) have been replaced by spaces.
WORD_RE = compile_later("[^\\W_]+(?:[.'\\-&\u2019][^\\W_]+)*")
URL_RE = compile_later(
    r"(?:https?://|ftp://|mailto:|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
SURROGATE_RE = compile_later("[\ud800-\udfff]")

# --------------------------------------------------------------------------
# Source-line patterns (what Python-Markdown treats as lists, tables, headings)
# --------------------------------------------------------------------------

FENCE_RE = compile_later(r"^ {0,3}(`{3,}|~{3,})")
LIST_ITEM_RE = compile_later(r"^ {0,3}(?:[-*+]|\d+\.)[ \t]+\S")
HR_RE = compile_later(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
TABLE_DELIMITER_RE = compile_later(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_NOT_PARAGRAPH_RE = compile_later(r"^(?:#|>| {0,3}<| {4}|\t)")
ATX_RE = compile_later(r"^(#{1,6})")
# Word's or WPS's first-line indent (首行缩进) as typed: 4 spaces, a tab or full-width spaces.
FIRST_LINE_INDENT_RE = compile_later(r"^(?: {4}| {0,3}\t|[ \t]*\u3000)")
# The end of a line that closes raw HTML: a comment's or an element's end tag.
CLOSES_HTML_RE = compile_later(r"(?:-->|</[A-Za-z][^<>]*>)$")


def not_paragraph(line: str) -> bool:
    """True when ``line`` starts a block other than a paragraph's text: a heading, a quote, HTML, an indent.

    A "<" starts HTML only as a tag of an element (`is_html_tag`), a comment
    or ``<!…>``/``<?…>``: a line that opens with words in angle brackets
    (``<WPS表格>使用说明：``) is text, which a list right under it follows.
    """
    found = _NOT_PARAGRAPH_RE.match(line)
    if found is None or not found.group().endswith("<"):
        return found is not None
    rest = line[found.end() - 1:]
    return rest[1:2] in ("!", "?") or is_html_tag(rest)
SETEXT_RE = compile_later(r"^(=+|-+) *$")


# --------------------------------------------------------------------------
# Public data
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    """One heading of the body, as it appears in the page.

    Fields:
        level: 2..6 (``##`` is 2).
        text: plain text of the heading: no tags, entities decoded, spaces collapsed.
        anchor: the ``id`` of the heading in the page, unique in the page
            (Chinese kept, punctuation dropped, ``_1`` appended to repeats).
    """

    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class RenderedMarkdown:
    """The result of rendering one Markdown body.

    Fields:
        html: sanitized HTML of the body (a fragment, str; no ``<h1>`` is added).
        headings: every h2..h6 that has an id, in document order (the table
            of contents uses level 2: the interview's questions).
        text: plain text of the body; blocks and ``<br>`` separated by ``"\\n"``,
            no empty lines, footnote markers left out.
        word_count: :func:`count_words` of ``text``.
        problems: warnings found while rendering, at lines of the file.
        lead: the running text a summary is made from: paragraphs and list
            items only (no headings, tables, code or footnotes); blocks separated by
            ``"\\n\\n"``, ``<br>`` by ``"\\n"``.
        images: the ``src`` of each ``<img>`` in ``html``, entities decoded,
            in order, each once (the site graph reads their sizes).
        links: the ``href`` of each ``<a>`` in ``html`` (footnote markers
            left out), entities decoded, in order, each once (the site graph
            checks that those on this site lead somewhere).
    """

    html: str
    headings: tuple[Heading, ...]
    text: str
    word_count: int
    problems: tuple[Problem, ...]
    lead: str = ""
    images: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


# A start or end tag's name, as HTML reads it: up to a space, "/" or ">".
_TYPED_TAG_NAME_RE = compile_later(r"</?([^\s/>]+)")


def is_html_tag(typed: str) -> bool:
    """True when ``typed``, text in angle brackets (``<b>``, ``</Excel>``, ``<font color=red>``), is a tag of
    an element HTML defines (:data:`HTML_ELEMENTS`, any case); False for ``<WPS表格>``, ``<PM2.5>``, ``<Excel>``,
    a comment, or text that is not in angle brackets."""
    name = _TYPED_TAG_NAME_RE.match(typed)
    return name is not None and element_name(name.group(1))


# A tag of Word's own markup, which a page pasted from Word (or saved by it as HTML) holds: <o:p> (Office),
# <w:…> (Word), <v:…> (drawings), <m:…> (formulas), <x:…> (Excel), <st1:chsdate …> (smart tags).
WORD_TAG_RE = compile_later(r"(?:o|w|v|m|x|wp|st\d{1,2}):[A-Za-z][A-Za-z0-9]*", re.IGNORECASE)


def element_name(name: str) -> bool:
    """True when ``name`` names an element of :data:`HTML_ELEMENTS` as HTML reads names: ASCII letters in any
    case (``str.lower`` would also make the Kelvin sign K a "k", which HTML does not); or a tag of Word's own
    markup (``o:p``, ``st1:chsdate``: `WORD_TAG_RE`), which is removed, its text kept, and warned, not shown
    as typed."""
    return name.isascii() and (name.lower() in HTML_ELEMENTS or WORD_TAG_RE.fullmatch(name) is not None)


NOTES_HEADING = {"class": "footnotes-heading"}
"""The attributes of the heading `FootnoteLinkNames` gives a text's notes: a plain heading all the same."""


def clipped(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters (with "…"), to show where a mistake is; never for text to type."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A tag as nh3 writes it (see TextCollector.feed_serialized): "/" for an end
# tag, the name, the attributes (double-quoted values; a ">" may stand in one).
SERIALIZED_TAG_RE = compile_later(r'<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>')
SERIALIZED_ATTRIBUTE_RE = compile_later(r' ([a-z][a-z0-9-]*)="([^"]*)"')
# A line that is a note's text ([^1]: …) or a link definition ([1]: …): Python-Markdown takes it out of the item.
NOTE_OR_DEFINITION_RE = compile_later(r"^ {0,3}\[[^\]]+\]:")


# The signs of a quote at a line's start, and its one space (``> ``); a line of quotes in quotes repeats it.
QUOTE_PREFIX_RE = compile_later(r" {0,3}> ?")
