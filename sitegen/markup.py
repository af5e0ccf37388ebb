"""Markdown bodies to sanitized HTML, plus the plain text, counts and summaries.

Job: turn the Markdown body of one content file into safe HTML for the page,
its headings (for the table of contents), its plain text (for counts,
summaries, feeds and search) and the warnings an editor should see, each at a
real line of the file.

May import: ``sitegen.lazyre``, ``sitegen.errors``, ``sitegen.yamltext`` (the names of characters that show
nothing and of odd spaces, full-width punctuation), ``sitegen.webaddress`` (addresses typed with an input method), ``sitegen.plaintext`` (what tells stars hiding a name from emphasis, shared with the plain-text fields); libraries ``markdown`` (Python-Markdown) and ``nh3``; the standard library.

Policies (what editors get, and why):

* **Extensions**: ``fenced_code``, ``tables``, ``footnotes``, ``sane_lists``,
  ``toc`` and ``nl2br``; output format ``html``. ``attr_list`` is *not* enabled (editors
  set no classes or styles: the theme formats the page). Heading ids keep Chinese text (``## 组织调研的进展如何？``
  gets ``id="组织调研的进展如何"``); repeated headings get ``_1``, ``_2``...
  (Python-Markdown's default slugify drops Chinese; see NOTES.md.) An id typed
  at a heading's end, as Hugo and Pandoc take it (``## 下 {#xia}``), is that
  heading's id, the braces out of its text (`_HeadingIds`); other braces
  there (``{.big}``, ``{#}``, ``{#两个 词}``, ``｛#xia｝``) stay text and are
  warned, with the line to type, and so is an id given twice or one the
  theme's layout gives an element of the page (`LAYOUT_IDS`: ``{#main}``),
  which no heading gets (``## Main`` gets ``main_1``) (`_heading_id_problems`). Such braces at the end of a paragraph's or a
  list item's line, or on a line of their own (``这一段 {#duan}``,
  ``{: .note}``), are text too, and warned (`_text_id_problems`).
* **Line breaks** (case 15): a single newline inside a paragraph is a line
  break (``<br>``), as text pasted from WPS/Word expects: every line of the
  source stays its own visual line, and no space is ever inserted between two
  Chinese characters. This applies to every language (an English paragraph
  hard-wrapped in the source keeps its breaks too). A blank line starts a new
  paragraph. Trailing spaces on a line mean nothing. In :func:`summarize`
  lines stay apart as on the page (:func:`join_blocks`): nothing after
  full-width punctuation, an ideographic space between two CJK characters,
  one space otherwise.
* **Web addresses typed as text** (``原文地址：https://…``, ``详见 http://…。``) are
  links, their text the address, as GitHub and WeChat make them
  (:class:`_BareAddressProcessor`): http:// or https:// and a host with a
  dot; the address ends at a space, a Chinese character or full-width
  punctuation (。，；：）」 …), and a ``.`` ``,`` ``)`` typed after it is the
  sentence's. Not in code, links, link titles, picture addresses or raw
  HTML; ``www.…`` without a scheme and e-mail addresses stay text. One typed
  with an input method's full-width signs (``http：//…``, ``ｈｔｔｐ://…``,
  ``www．…``) stays text, and is warned with the half-width address to type
  (`_wide_bare_address_problems`).
* **Links and pictures typed with a slip** stay text, and are warned with
  the Markdown to type: one typed with an input method's full-width sign or
  a space between ``]`` and ``(`` (`_typed_link_problems`), one missing a
  bracket or parenthesis (``详见[路灯案例](/cases/x/。``,
  ``[路灯案例(/cases/x/)``, ``[路灯案例]/cases/x/)``, ``路灯案例](/cases/x/)``:
  `_broken_link_problems`; the ``)`` goes right after the address, before
  a sentence's mark or a space), one warning for both slips at once
  (``详见[路灯案例】(/cases/x/``: `_wide_unclosed`); square brackets of Chinese text (``[1]``,
  ``[注]``, ``a[i]``) and code are left alone.
* **Lists and tables right under a text line** (case 14): ``主要做法：`` followed
  on the next line by ``- item`` / ``1. item`` / a pipe table is taken as a
  paragraph followed by the list or table (a blank line is inserted before
  Markdown sees the text; not inside fenced code), also when the text line
  is right under a heading, a rule, a fence, an HTML comment or a table
  (each ends at its own line; a line without ``|`` ends a table), and inside
  a quote (``> 主要做法：`` then ``> - item``). A list or table typed without
  ``>`` right under a quote is not in it; a table right under a list item
  is not in the item. A text line ending with a colon right under a list
  item, a list under it, is that item's text to Markdown (a "lazy" line):
  it is warned, with the blank line or indent to type (`_lazy_line_problems`).
* **First-line indent under a list** (首行缩进): a paragraph indented by 4
  spaces, a tab or full-width spaces under a list's last item, with or
  without a blank line between, is a paragraph of its own, as it is
  elsewhere, not that item's text; so is one typed after a blank line with
  the next list right under it. Where the list goes on after it as
  Markdown writes an item's second paragraph or line, or in a list whose
  items hold a sub-item or an indented block, it stays the item's
  (`_ListEnds`); a list of the other kind (``1.`` after ``-``) is no going
  on. Under a paragraph's line, or a quote's, a line with a first-line
  indent begins a new paragraph (paragraphs pasted from Word with no blank
  line between), not in fenced code, a list item or a table.
* **List items typed with an input method** (``1.成立``, ``1．成立``,
  ``-成立``: no space, or a full-width dot; ``－成立``, ``—成立``, ``–成立``,
  ``•成立``, ``·成立``, ``・成立``, ``●成立``, ``▪成立``, ``★成立``...: a sign
  Markdown knows no bullet by; ``①成立``, ``1、成立``,
  ``（1）成立``, ``1）成立``, ``一、成立``, ``（一）成立``: a number typed in
  Chinese style), right before the text or with a space or TAB between
  (``• 成立``, ``1、 成立``, ``一、<TAB>成立``: a list pasted from Word or WPS;
  its second and third levels ``o<TAB>成立``, ``§<TAB>成立``, ``a.<TAB>成立``,
  ``i.<TAB>成立``, a TAB after the sign, offered 4 spaces further in for each
  level under the item above), are text to Markdown: two or more in a row (a blank line
  between them or not), numbered in order, or one right under a line ending
  in a colon, are warned with the line to type (``- `` for a sign, ``3. ``
  for ``③``: Markdown starts a list at its first number), in quotes too
  (``> 1.成立`` gets ``> 1. 成立``) (`_slipped_item_problems`); figures (``1.5万元``,
  ``-5元``, ``－5元``), a sentence opened with a Chinese dash (``——``) and
  a line of cells between TABs after the number (``1、<TAB>照明<TAB>18``, a
  table's row) are not. A line typed without
  ``>`` right under a quoted item (``> 1. 成立`` then ``2.制定``) is that
  item's text on the page (a lazy line): it is read with the quote and
  offered with the quote's signs (``> 2. 制定``).
* **Signs typed in full width or with a full-width space** (``－ 项目``,
  ``＞ 引文``, ``＃＃ 标题``, ``## 标题 ＃＃``, ``-　项目``, a table typed
  with ``｜`` (`_full_width_tables`) or with ``－－`` under its first row
  (`_wide_dash_separator`)) are warned with the line to type
  (`_full_width_sign_problems`, `_odd_space_item_problems`), inside quotes
  too (``> － 项目`` gets ``> - 项目``).
* **A list of the other kind, or a quote, right under a list** (``1. 丙``
  under ``- 乙``, ``> 引文`` under an item) is a block of its own, as in
  CommonMark, where it is no further in than the item above: a blank line
  is inserted, not a line of the last item's text.
* **Questions numbered as a report's headings** (``一、大调研开展以来，有哪些进展？``,
  ``（一）及时启动，建立体系``, ``二、 下一步``: a space or TAB after the mark or
  not) typed without ``##``, standing alone as a
  paragraph or a short line ending in ？ or in no mark, are text to
  Markdown: they are warned with the heading to type, the mark kept (``## ``
  before ``一、``, ``### `` before ``（一）``) (`_ordinal_heading_problems`); such
  a mark inside a paragraph, and lines told as a list's items, are not.
* **A heading's closing "#" signs** are dropped only after a space, as
  CommonMark has it (``## 问题 ##`` is 问题): ``## 学习C#`` and ``## 3#``
  keep their last "#" (`_HashHeadings`), which Python-Markdown drops.
* **Tables** are wrapped in ``<div class="table-scroll" role="region"
  tabindex="0" aria-label="表格：…">`` so that a keyboard or a 360 px phone can
  scroll them (the theme gives ``.table-scroll`` ``overflow-x: auto``; its script
  takes a box whose table fits out of the Tab order).
* **Raw HTML** (case 16) is allowed only as far as one allowlist goes
  (:data:`ALLOWED_TAGS`, :data:`ALLOWED_ATTRIBUTES`, URL schemes http, https,
  mailto, tel and relative; ``data:`` only for ``<img src>`` PNG/JPEG/GIF/WebP).
  The whole HTML output is cleaned with nh3. Each removed danger (script,
  style, iframe and other embedding elements, ``on*`` attributes, forbidden
  URL schemes, also in Markdown links) and the first removal of any other
  disallowed tag is reported as a warning at the file line it was written on;
  so is each colour, alignment, font and other style the allowlist removes
  (``style``, ``align``, ``color``, ``<font>``, ``<center>``: the theme sets
  them), once a line, with bold (加粗) offered for emphasis: ``**…**`` in
  Markdown's text, ``<strong>…</strong>`` inside a raw HTML block, where
  Markdown is not read; Markdown typed in such a block (``<div>`` right above
  ``### 标题``) is warned too (`_html_markdown_problems`). Only a tag of an
  element HTML defines (:data:`HTML_ELEMENTS`), or of Word's own markup
  (``<o:p>``, ``<st1:chsdate>``: removed, its text kept, told once a page
  for each name), is a tag: words in angle
  brackets (``<WPS表格>``, ``<PM2.5>``, ``</Excel>``) are text, shown as typed,
  in Markdown and in raw HTML alike; Chinese words in them are warned, with
  book-title marks (《》) offered.
  An ``<img>`` copied from a page that loads pictures late, its address in
  ``data-src`` (WeChat) or the like (`lazy_picture`), with no src or a
  stand-in there (``data:image/svg+xml,…``, a blank GIF, ``#``), is left out
  (`_lazy_stand_ins_dropped`) and told once, by that address.
* **Control characters**, which no page or feed can hold: a line break made
  in Word with Shift+Enter (U+000B, 手动换行符) or a page break (U+000C) is
  published as the line break the editor saw in Word; any other becomes
  ``�`` (`_published_controls`). Each line holding one is warned, at the
  character, with what it is and what to type (`_control_problems`).
* **Counts**: see :func:`count_words`; reading time :func:`reading_minutes`.

Speed: :class:`MarkdownRenderer` skips work that cannot change the result
(see its ``reference`` argument); tests/test_markup_speed.py proves the
result equal to that of the plain paths.

Per-call state lives in local variables and, as Python-Markdown's own does,
on the renderer's Markdown instance (each document replaces the last one's);
the module holds only immutable constants, so one :class:`MarkdownRenderer`
can render many documents.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from types import MappingProxyType

import markdown
import nh3
from markdown import inlinepatterns
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.footnotes import FootnoteExtension, FootnoteInlineProcessor
from markdown.extensions.toc import TocTreeprocessor, unique
from markdown.blockprocessors import HashHeaderProcessor, ReferenceProcessor
from markdown.preprocessors import HtmlBlockPreprocessor, Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor, UnescapeTreeprocessor
from markdown.util import (AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE, INLINE_PLACEHOLDER_PREFIX, INLINE_PLACEHOLDER_RE,
                           AtomicString)

from .errors import LOST_CHARACTERS_HINT, Problem, lost_characters_message, paste_hint
from .lazyre import compile_later
from .plaintext import AFTER_NAME, MASK_OPENING, SURNAMES, is_han, masks_two_names
from .webaddress import address_slip, half_width_address, hotlink_platform
from .yamltext import (FULL_WIDTH_PUNCTUATION, SHOWS_NOTHING_NAMES, SHOWS_NOTHING_RE, WIDE_SPACES, control_name,
                       invisible_place, invisibles_on_line, lost_characters, space_name)

# Bump when this module's behaviour changes in a way the output depends on
# (it is part of MarkdownRenderer.settings_key, the cache key).
POLICY_VERSION = "88"

# --------------------------------------------------------------------------
# The one allowlist (used by nh3 and by the warnings about removals)
# --------------------------------------------------------------------------

ALLOWED_TAGS: frozenset[str] = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
})
"""Tags kept in the output (everything Python-Markdown emits, plus inline formatting)."""

ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType({
    "a": frozenset({"href", "title", "aria-label"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"style", "colspan", "rowspan", "scope"}),
    "td": frozenset({"style", "colspan", "rowspan"}),
    "div": frozenset({"aria-label"}),
    "li": frozenset({"id"}),
    "sup": frozenset({"id"}),
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
})
"""Attributes kept per tag; ``style`` keeps only :data:`ALLOWED_STYLE_PROPERTIES`."""

ALLOWED_STYLE_PROPERTIES: frozenset[str] = frozenset({"text-align"})
"""CSS properties kept in a ``style`` attribute, where :data:`ALLOWED_ATTRIBUTES` allows one: the alignment of
a table column, which Python-Markdown writes for ``:-:``. nh3 removes every other property, and matches
names as typed (``TEXT-ALIGN`` is removed)."""

ALLOWED_CLASSES: Mapping[str, frozenset[str]] = MappingProxyType({
    "a": frozenset({"footnote-ref", "footnote-backref"}),
    "div": frozenset({"footnote", "table-scroll"}),
    "h2": frozenset({"footnotes-heading"}),
})
"""Class values kept (only the ones sitegen itself emits)."""

ALLOWED_ATTRIBUTE_VALUES: Mapping[str, Mapping[str, frozenset[str]]] = MappingProxyType({
    "div": MappingProxyType({"role": frozenset({"region"}), "tabindex": frozenset({"0"})}),
})
"""Attributes kept only with these exact values (the table scroll container)."""

CONTENT_DROPPED_TAGS: frozenset[str] = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "noembed", "noframes", "template", "textarea", "select", "xmp",
    "title", "svg", "math",
})
"""Tags removed together with everything inside them."""

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
``<PM2.5>``, ``<Excel>``) is no tag: the page shows it as typed (`_TagsOnly`)."""

VOID_ELEMENTS: frozenset[str] = frozenset({
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
})
"""Elements that hold no text (HTML's void elements): removing one keeps no text of its own."""

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Schemes allowed in ``href``/``src``; relative URLs are always allowed."""

URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src"})
_DATA_IMAGE_RE = compile_later(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
_SCHEME_RE = compile_later(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")

_DANGER_TAG_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "script": ("scripts are not allowed in content",
               "delete the <script> element; to show code as text, put it between backticks (`…`)"),
    "style": ("style sheets are not allowed in content",
              "delete the <style> element; the site's theme does the formatting"),
    "iframe": ("embedded pages are not allowed in content",
               "link to the page instead: [标题](https://…)"),
})
_OTHER_TAG_HINT = "delete it from the Markdown; formatting comes from Markdown (**粗体**, lists, tables) and the theme"
_MEDIA_TAGS: Mapping[str, str] = MappingProxyType({"video": "视频", "audio": "音频", "embed": "视频", "source": "视频"})
"""Tags that play a file, with what a link to that file is called (`_tag_finding`)."""


@dataclass(frozen=True)
class _Look:
    """A kind of formatting raw HTML can give text, which the site's theme gives instead (for warnings).

    Fields:
        missed: what the page then does not do, e.g. "show that colour (颜色)" (alignment: `_alignment_missed`).
        setter: what the theme sets, e.g. "the colours".
        bold: True when bold (加粗) is the way to make words stand out instead.
    """

    missed: str
    setter: str
    bold: bool


_COLOUR = _Look("show that colour (颜色)", "the colours", True)
_ALIGNMENT = _Look("", "the alignment", False)
_FONT = _Look("show that font, size or weight (字体/字号)", "the fonts", True)
_OTHER_STYLE = _Look("show that style (样式)", "the look of the page", False)

# What each CSS property, presentational attribute ("tag name" for one tag's) and tag sets. Whether one is
# removed is read from the allowlists (`_removed_formatting`); a removed style property not named here is
# _OTHER_STYLE.
_PROPERTY_LOOKS: Mapping[str, _Look] = MappingProxyType({
    "color": _COLOUR, "background": _COLOUR, "background-color": _COLOUR, "text-align": _ALIGNMENT,
    "font": _FONT, "font-family": _FONT, "font-size": _FONT, "font-style": _FONT, "font-weight": _FONT,
})
_ATTRIBUTE_LOOKS: Mapping[str, _Look] = MappingProxyType({
    "color": _COLOUR, "bgcolor": _COLOUR, "align": _ALIGNMENT, "font face": _FONT, "font size": _FONT,
})
_TAG_LOOKS: Mapping[str, _Look] = MappingProxyType({"center": _ALIGNMENT})
_CSS_COMMENT_RE = compile_later(r"/\*.*?\*/", re.DOTALL)


_CELL_ALIGNMENTS: Mapping[str, str] = MappingProxyType({
    "left": "left", "center": "center", "middle": "center", "right": "right", "justify": "justify"})
"""Alignments typed in a table cell's ``align`` or ``style`` → the ``text-align`` value the page keeps."""


def _cell_alignment(tag: str, looks: Mapping[_Look, str]) -> str | None:
    """``style="text-align:…"`` that a table cell (``<td>``, ``<th>``) keeps for the alignment removed, or None.

    Only when the alignment is all that was removed (``align="right"``,
    ``style="TEXT-ALIGN:right"``: nh3 matches property names as typed) and
    its value is one CSS knows (``middle``, HTML's word, becomes ``center``).
    """
    if tag not in ("td", "th") or list(looks) != [_ALIGNMENT]:
        return None
    value = _CELL_ALIGNMENTS.get(looks[_ALIGNMENT].strip().lower())
    return f'style="text-align:{value}"' if value is not None else None


def _alignment_missed(value: str) -> str:
    """What the page does not do when an alignment (``center``, ``right`` …) is removed."""
    value = value.strip().lower()
    if value in ("center", "middle"):
        return "centre it (居中)"
    if value == "right":
        return "align it right (右对齐)"
    return "align it as typed (对齐)"


@dataclass(frozen=True)
class _RemovedFormatting:
    """Formatting that one attribute of a start tag, or the tag itself, asks for and the sanitizer removes.

    Fields:
        typed: the attribute as typed (``style="color:red"``), "" for the tag itself (``<center>``).
        part: the declarations removed from a ``style`` that is kept in part (``color:red``), else "".
        looks: each look asked for, with the value asked (``red``, ``center``), in the order typed.
    """

    typed: str
    part: str
    looks: tuple[tuple[_Look, str], ...]


def _removed_formatting(tag: str, attrs: list[tuple[str, str | None]], start_tag: str) -> list[_RemovedFormatting]:
    """The formatting the sanitizer removes from the start tag ``start_tag`` (its name and attributes given).

    Derived from the allowlists nh3 is given: a tag outside :data:`ALLOWED_TAGS`
    loses every attribute, and a kept one those :data:`ALLOWED_ATTRIBUTES` does
    not list for it; a ``style`` kept keeps only :data:`ALLOWED_STYLE_PROPERTIES`.
    Only formatting is returned (colour, alignment, fonts, other CSS: the
    looks of `_PROPERTY_LOOKS`, `_ATTRIBUTE_LOOKS` and `_TAG_LOOKS`), in the
    order typed, the tag's own first.
    """
    kept = ALLOWED_ATTRIBUTES.get(tag, frozenset()) if tag in ALLOWED_TAGS else frozenset()
    found = [_RemovedFormatting("", "", ((_TAG_LOOKS[tag], "center"),))] \
        if tag in _TAG_LOOKS and tag not in ALLOWED_TAGS else []
    for name, value in attrs:
        look = _ATTRIBUTE_LOOKS.get(f"{tag} {name}") or _ATTRIBUTE_LOOKS.get(name)
        if name == "style":
            declarations = _style_declarations(value or "")
            removed = [(prop, setting, typed) for prop, setting, typed in declarations
                       if "style" not in kept or prop not in ALLOWED_STYLE_PROPERTIES]
            if removed:
                found.append(_RemovedFormatting(
                    _raw_attribute(start_tag, name),
                    "" if len(removed) == len(declarations) else "; ".join(typed for _, _, typed in removed),
                    tuple((_PROPERTY_LOOKS.get(prop.lower(), _OTHER_STYLE), setting) for prop, setting, _ in removed)))
        elif look is not None and name not in kept:
            found.append(_RemovedFormatting(_raw_attribute(start_tag, name), "", ((look, value or ""),)))
    return found


def _style_declarations(style: str) -> list[tuple[str, str, str]]:
    """``(property, value, declaration)`` of each ``property: value`` in a style attribute, stripped, as typed
    (comments left out)."""
    found = []
    for declaration in _CSS_COMMENT_RE.sub("", style).split(";"):
        prop, colon, value = declaration.partition(":")
        if colon and prop.strip() and value.strip():
            found.append((prop.strip(), value.strip(), declaration.strip()))
    return found


# --------------------------------------------------------------------------
# Character classes (counts, summaries, line joining)
# --------------------------------------------------------------------------

_CJK_CHARS = (
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
_CJK_RUN_RE = compile_later(f"[{_CJK_CHARS}]+")
_CJK_PUNCT = "\u3000-\u3004\u3008-\u303f\uff01-\uff65\u2014\u2026\u201c\u201d\u2018\u2019\u00b7\u30fb"
_CJK_PUNCT_RE = compile_later(f"[{_CJK_PUNCT}]")
# A word of count_words, in text whose CJK characters (word characters to re, but
# counted one by one) have been replaced by spaces.
_WORD_RE = compile_later("[^\\W_]+(?:[.'\\-&\u2019][^\\W_]+)*")
_URL_RE = compile_later(
    r"(?:https?://|ftp://|mailto:|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
_SURROGATE_RE = compile_later("[\ud800-\udfff]")

# --------------------------------------------------------------------------
# Source-line patterns (what Python-Markdown treats as lists, tables, headings)
# --------------------------------------------------------------------------

_FENCE_RE = compile_later(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM_RE = compile_later(r"^ {0,3}(?:[-*+]|\d+\.)[ \t]+\S")
_HR_RE = compile_later(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_DELIMITER_RE = compile_later(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_NOT_PARAGRAPH_RE = compile_later(r"^(?:#|>| {0,3}<| {4}|\t)")
_ATX_RE = compile_later(r"^(#{1,6})")
# Word's or WPS's first-line indent (首行缩进) as typed: 4 spaces, a tab or full-width spaces.
_FIRST_LINE_INDENT_RE = compile_later(r"^(?: {4}| {0,3}\t|[ \t]*\u3000)")
# The end of a line that closes raw HTML: a comment's or an element's end tag.
_CLOSES_HTML_RE = compile_later(r"(?:-->|</[A-Za-z][^<>]*>)$")


def _not_paragraph(line: str) -> bool:
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
_SETEXT_RE = compile_later(r"^(=+|-+) *$")


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


# --------------------------------------------------------------------------
# Markdown extension: blank lines before lists/tables, scrollable tables
# --------------------------------------------------------------------------

def open_blocks(lines: list[str]) -> list[str]:
    """Insert a blank line where a list or table starts right under a text line.

    Takes the body's lines (no newline characters) and returns new lines:
    trailing spaces/tabs removed, and ``""`` inserted before a list item
    (``-``, ``*``, ``+``, ``1.``) or a pipe-table header that directly follows
    a paragraph line (case 14), also one under a heading, a rule, a fence,
    an HTML comment or a table (each ends at its own line, so the text line
    under it begins a paragraph); before a table right under a list item;
    before a line with no ``|`` under a table (it ends the table, rather
    than being a row); before a list or table right under a quote (``>``
    lines are opened the same way inside the quote, with ``>``). A text line
    indented by 4 spaces, a tab or full-width spaces (Word's first-line
    indent, 首行缩进) under a list that ends there is a paragraph of its own:
    a blank line goes before it and its spaces and tabs are taken off, so
    that Python-Markdown does not make it the last item's text (where the
    list goes on after it, `_ListEnds`, it stays that item's); so is one
    under a paragraph's line, or under a quote. A list item of the other
    kind (numbered or bulleted) or a quote right under a list's item, no
    further in than that item, gets a blank line before it. Lines inside
    fenced code (``` or ~~~) are left exactly as they are, and so are quotes
    more than 16 deep. Never raises.
    """
    return [line for line, _ in _opened_lines(lines)]


# Quotes in quotes opened inside: deeper ones are left as typed (each level is one more call).
_OPENED_QUOTE_DEPTH = 16


def _opened_lines(lines: Sequence[str], depth: int = 0) -> list[tuple[str, int]]:
    """:func:`open_blocks`, each line returned with the index in ``lines`` it comes from (-1: a line added);
    ``depth``: how many quotes hold ``lines``."""
    out: list[tuple[str, int]] = []
    fence = ""
    block = ""  # "", "para", "note" (a note's or link definition's text), "list", "table", "html"
    lists = _ListEnds(lines)
    # "list": a list is open (to Python-Markdown an indented block here is its last item's); "nested": one
    # whose items hold an indented block or sub-item, so its author indents as Markdown means; "": none.
    after_list = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence:
            out.append((line, index))
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence, block = "", ""
        elif match := _FENCE_RE.match(line):
            fence, block, after_list = match.group(1), "", ""
            out.append((line, index))
        elif _QUOTE_PREFIX_RE.match(line):
            end = _quote_end(lines, index)
            if block == "list" and _ends_list(lines, index, line):
                out.append(("", -1))  # a quote no further in than the item above is not in it, as in CommonMark
            if depth < _OPENED_QUOTE_DEPTH:
                out += _opened_quote(lines, index, end, depth + 1)
            else:
                out += [(lines[at], at) for at in range(index, end)]
            if end < len(lines) and lines[end].strip():
                out.append(("", -1))  # the list, table or indented paragraph under it is not in it (no ">")
            block, after_list, index = "", "", end
            continue
        else:
            line = line.rstrip(" \t")
            if block == "table" and line and "|" not in line and not _TABLE_DELIMITER_RE.match(line):
                out.append(("", -1))  # a line without "|" is no row: the table ended above it
                block = ""
            if after_list == "list" and lists.first_line_indent(index, line):
                if block:
                    out.append(("", -1))
                out.append((line.lstrip(" \t"), index))
                block, after_list = "para", ""
            else:
                block, after_list = _opened_line(out, line, index, lines, block, after_list)
        index += 1
    return out


def _opened_line(out: list[tuple[str, int]], line: str, index: int, lines: Sequence[str], block: str,
                 after_list: str) -> tuple[str, str]:
    """Append ``line`` (at ``index`` of ``lines``, outside fences and quotes, trailing spaces off) to ``out``,
    a blank line before it if it opens a list or table under text; return the new ``block`` and ``after_list``
    of `_opened_lines`."""
    if not line:
        out.append((line, index))
        return "", after_list
    starts = _block_start(line, lines[index + 1] if index + 1 < len(lines) else "")
    if block in ("para", "note") and starts or block == "list" and starts == "table":
        out.append(("", -1))
    elif block == "list" and starts == "list" and _ends_list(lines, index, line):
        out.append(("", -1))  # a list of the other kind: Python-Markdown would show it as the last item's text
    elif block == "para" and _first_line_indented(line):
        out.append(("", -1))  # Word's first-line indent (首行缩进) under a paragraph's line starts the next one
    out.append((line, index))
    indented = line[:1] in (" ", "\t", "\u3000")
    if starts == "list" or after_list and line.startswith((" " * 4, "\t")):
        after_list = "nested" if after_list == "nested" or line.startswith((" " * 4, "\t")) else "list"
    elif not indented and (block != "list" or starts or line.startswith("#")):
        after_list = ""
    if starts:
        return starts, after_list
    if line.startswith("#"):
        return "", after_list  # a heading is one line: the text under it begins a paragraph
    if block == "html" or not block and _not_paragraph(line) and not indented:
        return ("" if _CLOSES_HTML_RE.search(line) else "html"), after_list
    if not block:
        # Indented code blocks are off: an indented line begins a paragraph, unless the list above takes it.
        if after_list and indented:
            return "list", after_list
        # A note's lines under its first are indented as Markdown asks, by 4 spaces: no first-line indent.
        return ("note" if _NOTE_OR_DEFINITION_RE.match(line) else "para"), after_list
    return block, after_list


def _first_line_indented(line: str) -> bool:
    """True when ``line`` (trailing spaces off) is text typed with Word's first-line indent (首行缩进: 4
    spaces, a tab or full-width spaces), not an indented list item, heading, quote, HTML, fence or rule
    (`_indented_marker_problems` tells of those)."""
    if not _FIRST_LINE_INDENT_RE.match(line):
        return False
    text = line.lstrip(" \t\u3000")
    return bool(text) and not (_LIST_ITEM_RE.match(text) or _not_paragraph(text) or _FENCE_RE.match(text)
                               or _HR_RE.match(text))


def _item_kind(line: str) -> str:
    """"ol" when ``line`` is a numbered list item (``1.``) at most 3 spaces in, "ul" when a bulleted one
    (``-``, ``*``, ``+``), else ""."""
    if not _LIST_ITEM_RE.match(line) or _HR_RE.match(line):
        return ""
    return "ol" if line.lstrip(" ")[:1].isdigit() else "ul"


def _spaces_in(line: str) -> int:
    """How many spaces ``line`` starts with."""
    return len(line) - len(line.lstrip(" "))


def _item_above(lines: Sequence[str], index: int, indent: int) -> str:
    """The nearest list item at most ``indent`` spaces in above the line at ``index`` of ``lines``, in the
    list there (its items' lines, lazy ones too, and blank lines with indented lines under them); "" if
    none."""
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if _item_kind(line) and _spaces_in(line) <= indent:
            return line
        if not line.strip() and (above + 1 == index or lines[above + 1][:1] not in (" ", "\t", "\u3000")):
            return ""  # a blank line the list ends at
    return ""


def _ends_list(lines: Sequence[str], index: int, line: str) -> bool:
    """True when ``line`` (at ``index`` of ``lines``), a list item or a quote right under a list's item, is
    no further in than that item and so starts a block of its own, as CommonMark reads it: a quote, or an
    item of the other kind (numbered under bulleted, or bulleted under numbered)."""
    item = _item_above(lines, index, _spaces_in(line))
    if not item or _spaces_in(item) < _spaces_in(line):
        return False  # further in: a sub-item or quote meant for the item (or warned as its text)
    kind = _item_kind(line)
    return not kind or kind != _item_kind(item)


def _quote_end(lines: Sequence[str], index: int) -> int:
    """The index of the first line after the quote that starts at ``index`` of ``lines``.

    The quote runs over its ``>`` lines and the text lines right under them
    that Python-Markdown takes into it (lazy lines); it ends at a blank
    line, a fence, a list item or table typed without ``>``, or a line
    typed with a first-line indent (首行缩进, the next paragraph pasted
    from Word).
    """
    end = index + 1
    while end < len(lines):
        line = lines[end]
        if not _QUOTE_PREFIX_RE.match(line) and (
                not line.strip() or _FENCE_RE.match(line) or _first_line_indented(line.rstrip(" \t"))
                or _block_start(line.rstrip(" \t"), lines[end + 1] if end + 1 < len(lines) else "")):
            break
        end += 1
    return end


def _opened_quote(lines: Sequence[str], start: int, end: int, depth: int) -> list[tuple[str, int]]:
    """The quote ``lines[start:end]`` opened inside: its text after ``>`` is opened as a body is
    (`_opened_lines`, at ``depth``), each line given back its ``>``; a line added is ``">"``."""
    prefixes: list[str] = []
    inside: list[str] = []
    for line in lines[start:end]:
        found = _QUOTE_PREFIX_RE.match(line)
        cut = found.end() if found else 0
        prefixes.append(line[:cut])
        inside.append(line[cut:])
    return [((prefixes[at] + line if line else prefixes[at].rstrip(" \t")) if at >= 0 else ">",
             start + at if at >= 0 else -1) for line, at in _opened_lines(inside, depth)]


class _ListEnds:
    """Tells, for an indented line under a list, whether the list goes on after it (`_opened_lines`).

    Remembers the last line looked at, so that a long run of indented lines
    is looked through once.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._until = -1  # the lines before this index share the next line at the left margin, found last
        self._item = False  # that line is a list item
        self._blank = False  # a blank line is right above it

    def first_line_indent(self, index: int, line: str) -> bool:
        """True when ``line`` (at ``index``, trailing spaces off), under an open list, is a paragraph typed
        with a first-line indent (4 spaces, a tab or full-width spaces) that the list does not go on after.

        It goes on when a list item is the next line at the left margin, with
        a blank line above that item if one is above ``line`` too (an item's
        second paragraph, as Markdown writes it). A blank line above the
        indented paragraph and none under it, before the next item, is a
        paragraph of its own between two lists (Python-Markdown would show
        that item's "-" as more of the paragraph's text).
        """
        if not _first_line_indented(line):
            return False  # a sub-item, an indented heading or quote (`_indented_marker_problems`), a fence
        if index >= self._until:
            self._until, self._item, self._blank = self._next_margin_line(index)
            # An item of the other kind (1. under -, - under 1.) begins a list of its own, not this one's.
            self._item = self._item and _item_kind(self._lines[self._until]) == next(
                (kind for above in range(index - 1, -1, -1) if (kind := _item_kind(self._lines[above]))), "")
        after_blank = index > 0 and not self._lines[index - 1].strip()
        return not (self._item and (self._blank or not after_blank))

    def _next_margin_line(self, index: int) -> tuple[int, bool, bool]:
        """The index of the first line after ``index`` at the left margin (not blank or indented), whether it
        is a list item, and whether a blank line is right above it; ``len(lines)``, False, False if none."""
        for after in range(index + 1, len(self._lines)):
            line = self._lines[after]
            item = bool(_item_kind(line))
            if item or line.strip() and line[:1] not in (" ", "\t", "\u3000"):
                return after, item, not self._lines[after - 1].strip()  # an item may be 1-3 spaces in
        return len(self._lines), False, False


def _block_start(line: str, next_line: str) -> str:
    """Return "list" or "table" when ``line`` starts one, else ""."""
    if _LIST_ITEM_RE.match(line) and not _HR_RE.match(line):
        return "list"
    if "|" in line and "|" in next_line and _TABLE_DELIMITER_RE.match(next_line):
        return "table"
    return ""


class _OpenBlocksPreprocessor(Preprocessor):
    """Runs :func:`open_blocks` before Python-Markdown parses blocks."""

    def run(self, lines: list[str]) -> list[str]:
        return open_blocks(lines)


class _TableScrollTreeprocessor(Treeprocessor):
    """Wraps every ``<table>`` in a focusable, labelled scroll region."""

    def run(self, root: etree.Element) -> None:
        # Tables usually sit at the top level: stop looking once all are wrapped.
        left = sum(1 for _ in root.iter("table"))
        for parent in list(root.iter()) if left else ():
            for position, child in enumerate(list(parent)):
                if child.tag == "table":
                    parent.remove(child)
                    parent.insert(position, _scroll_wrapper(child))
                    left -= 1
            if not left:
                break


class _FootnoteLinkNames(Treeprocessor):
    """Names a footnote's mark and its way back for screen readers: ``aria-label="注释 1"`` on the mark (its
    text is the number alone) and the back link's title (返回正文第 1 处注释) as its ``aria-label`` (its text
    is ↩, and a title is not read as a link's name). The notes get a heading, ``<h2
    class="footnotes-heading">注释</h2>``, under the rule that opens their ``<div class="footnote">``, unless a
    heading typed in the text stands right above them (``## 注释``): the theme's label was drawn by CSS, which a
    screen reader's list of headings does not hold (WCAG 1.3.1). It is sitegen's, not the editor's: the text,
    the count of 字 and the headings of a page leave it out (`_TextCollector`)."""

    def run(self, root: etree.Element) -> None:
        for notes in root.iter("div"):
            if notes.get("class") == "footnote":
                above = list(root)
                place = above.index(notes) if notes in above else 0
                if place and above[place - 1].tag in _HEADING_TAGS:
                    break  # "## 注释" typed above the notes: they have a heading
                heading = etree.Element("h2", dict(_NOTES_HEADING))
                heading.text = "注释"
                notes.insert(1 if len(notes) and notes[0].tag == "hr" else 0, heading)
                break
        # A note's links back, one per mark, share its title (返回正文第 1 处注释, numbered by the note).
        backs: dict[str, list[etree.Element]] = {}
        for link in root.iter("a"):
            kind = link.get("class")
            if kind == "footnote-ref":
                link.set("aria-label", f"注释 {link.text}")
            elif kind == "footnote-backref" and link.get("title"):
                backs.setdefault(link.get("title", ""), []).append(link)
        for links in backs.values():
            # A note cited twice has a link back to each mark: each names which (第 2 处引用), or both read alike.
            for number, link in enumerate(links, 1):
                link.set("aria-label", link.get("title", "") + (f"（第 {number} 处引用）" if len(links) > 1 else ""))


def _scroll_wrapper(table: etree.Element) -> etree.Element:
    """Return ``<div class="table-scroll" role="region" tabindex="0" aria-label>`` around ``table``, whose
    header cells in ``<thead>`` get ``scope="col"`` (WCAG 1.3.1: each names the column under it). A table typed
    in HTML is not in the tree, and is kept as typed."""
    for head in table.iter("thead"):
        for cell in head.iter("th"):
            cell.attrib.setdefault("scope", "col")
    headers = [_tree_text(cell) for cell in table.iter("th")]
    label = "表格"
    if any(headers):
        label += "：" + "、".join(h for h in headers[:6] if h)
    wrapper = etree.Element("div", {
        "class": "table-scroll", "role": "region", "tabindex": "0", "aria-label": label,
    })
    wrapper.tail, table.tail = table.tail, None
    wrapper.text = "\n"
    wrapper.append(table)
    table.tail = "\n"
    return wrapper


def _tree_text(element: etree.Element) -> str:
    """Plain text of an element during tree processing (placeholders removed)."""
    text = "".join(element.itertext()).replace(AMP_SUBSTITUTE, "&")
    text = re.sub("\x02[^\x03]*\x03", "", html.unescape(text))
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Inline patterns pruned per document (same output, less work)
# --------------------------------------------------------------------------

class _DigitStarProcessor(inlinepatterns.InlineProcessor):
    """Keeps a ``*`` between two digits as typed: ``3*4米``, ``5*6=30`` (a multiplication, not emphasis).

    Markdown would pair such stars into italics: ``面积3*4米，共计5*6=30`` showed
    "34米，共计56=30" with the middle in italics and both stars gone.
    Registered above the emphasis patterns, so they never see these stars.
    """

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # noqa: N802 (library API)
        return "*", m.start(0), m.end(0)


# A web address typed as text: http:// or https://, a host with a dot in it (and a port), then what an
# address may hold (RFC 3986: ASCII letters, digits, -._~:/?#[]@!$&'()*+,;=%). Not after an ASCII
# letter or digit ("xhttp://"); anything else may stand right before it, as Chinese does (地址：https://…).
# It ends at the first character no address holds: a space, a Chinese character, full-width punctuation.
BARE_ADDRESS_RE = (r"(?<![A-Za-z0-9])[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]+)?"
                   r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")
# Signs that end a sentence or a quote rather than the address typed before them (GFM's rule, and ";" and
# "'", which a Chinese sentence typed with half-width punctuation ends an address with far more often).
_ADDRESS_TRAILING = "?!.,:;*_~'"
# Raw HTML elements whose text is no place for a link: a link already, or code.
_NO_LINK_INSIDE = frozenset({"a", "code", "kbd", "pre", "samp"})
_RAW_TAG_RE = compile_later(r"<(/?)([A-Za-z][A-Za-z0-9]*)")


def bare_address_end(address: str) -> str:
    """``address`` (a match of :data:`BARE_ADDRESS_RE`) without the punctuation typed after it.

    As GitHub links a bare address: trailing ``? ! . , : * _ ~`` (and ``;``,
    ``'``) are the sentence's; a closing ``)`` or ``]`` is the address's only
    when it closes one opened in it (``https://x.cn/a_(b)``), else the
    sentence's (``(见 https://x.cn/a)``). Returns what is left, the whole
    address or a shorter start of it; raises nothing.
    """
    while address:
        last = address[-1]
        if last in _ADDRESS_TRAILING:
            address = address[:-1]
        elif (last == ")" and address.count("(") < address.count(")")) or \
                (last == "]" and address.count("[") < address.count("]")):
            address = address[:-1]
        else:
            return address
    return address


class _BareAddressProcessor(inlinepatterns.InlineProcessor):
    """Links a web address typed as text (``详见 https://www.shqp.gov.cn/。``), its text the address.

    As GitHub and WeChat do, so that a reader on a phone can tap it. The
    address ends as :data:`BARE_ADDRESS_RE` and `bare_address_end` say:
    before a space, a Chinese character, full-width punctuation, or a
    sentence's ``.`` ``,`` ``)``. Registered below code spans, links,
    ``<…>`` links and raw HTML, which have taken their addresses first;
    never inside a link (Markdown's, or raw ``<a>``) nor raw ``<code>``.
    The link is written as ``<https://…>`` writes it: ``<a href>`` only.
    """

    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m: re.Match[str], data: str  # noqa: N802 (library API)
                    ) -> tuple[etree.Element | None, int | None, int | None]:
        if self._inside_raw_element(data[:m.start(0)]):
            return None, None, None
        # The host (with its dot) ends in a letter or digit, so what is cut off is always after it.
        address = bare_address_end(m.group(0))
        link = etree.Element("a")
        link.set("href", address)
        link.text = AtomicString(address)
        return link, m.start(0), m.start(0) + len(address)

    def _inside_raw_element(self, before: str) -> bool:
        """True when raw HTML typed in ``before`` leaves an ``<a>`` or ``<code>`` (`_NO_LINK_INSIDE`) open.

        The ``html`` pattern stashes a raw tag in ``md.htmlStash`` and the inline processor stashes that
        placeholder in its ``stashed_nodes``: ``before`` holds the inline processor's placeholders.
        """
        if INLINE_PLACEHOLDER_PREFIX not in before:
            return False
        nodes = getattr(self.md.treeprocessors["inline"], "stashed_nodes", {})
        stash = self.md.htmlStash.rawHtmlBlocks
        open_tags: list[str] = []
        for found in INLINE_PLACEHOLDER_RE.finditer(before):
            node = nodes.get(found.group(1))
            raw = HTML_PLACEHOLDER_RE.fullmatch(node) if isinstance(node, str) else None
            typed = stash[int(raw.group(1))] if raw and int(raw.group(1)) < len(stash) else None
            tag = _RAW_TAG_RE.match(typed) if isinstance(typed, str) else None
            name = tag.group(2).lower() if tag else ""
            if name not in _NO_LINK_INSIDE:
                continue
            if not tag.group(1):
                open_tags.append(name)
            elif name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
        return bool(open_tags)


# A start or end tag's name, as HTML reads it: up to a space, "/" or ">".
_TYPED_TAG_NAME_RE = compile_later(r"</?([^\s/>]+)")


def is_html_tag(typed: str) -> bool:
    """True when ``typed``, text in angle brackets (``<b>``, ``</Excel>``, ``<font color=red>``), is a tag of
    an element HTML defines (:data:`HTML_ELEMENTS`, any case); False for ``<WPS表格>``, ``<PM2.5>``, ``<Excel>``,
    a comment, or text that is not in angle brackets."""
    name = _TYPED_TAG_NAME_RE.match(typed)
    return name is not None and _element_name(name.group(1))


# A tag of Word's own markup, which a page pasted from Word (or saved by it as HTML) holds: <o:p> (Office),
# <w:…> (Word), <v:…> (drawings), <m:…> (formulas), <x:…> (Excel), <st1:chsdate …> (smart tags).
_WORD_TAG_RE = compile_later(r"(?:o|w|v|m|x|wp|st\d{1,2}):[A-Za-z][A-Za-z0-9]*", re.IGNORECASE)


def _element_name(name: str) -> bool:
    """True when ``name`` names an element of :data:`HTML_ELEMENTS` as HTML reads names: ASCII letters in any
    case (``str.lower`` would also make the Kelvin sign K a "k", which HTML does not); or a tag of Word's own
    markup (``o:p``, ``st1:chsdate``: `_WORD_TAG_RE`), which is removed, its text kept, and warned, not shown
    as typed."""
    return name.isascii() and (name.lower() in HTML_ELEMENTS or _WORD_TAG_RE.fullmatch(name) is not None)


class _TagsOnly(inlinepatterns.HtmlInlineProcessor):
    """Python-Markdown's inline raw HTML, taken only for tags of HTML's elements (and comments).

    The library takes any ``<letter…>`` for a tag; the sanitizer then
    removed one it did not know, and with it the words that were its
    "name": ``使用<WPS表格>统计`` was published as "使用统计" (editors type
    half-width angle brackets for 《》, or mean them). Text in angle brackets
    whose name is not an element's (`is_html_tag`) stays text, which the
    page shows as typed, and so does the start tag of an element never
    closed in its paragraph (`_never_closed`). Comments, ``<?…?>`` and CDATA
    are taken as before.
    """

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:  # noqa: N802
        typed = m.group(1)
        if typed[1] not in "!?" and (not is_html_tag(typed) or _never_closed(typed, data, m.end())):
            return None, None, None
        return super().handleMatch(m, data)


_BARE_TAG_RE = compile_later(r"<([A-Za-z]{1,6})>")
"""A start tag typed as a name alone in angle brackets (``<A>``, ``<b>``): no attribute says it is markup."""
_TEXT_FORMATTING = frozenset({"a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small",
                              "span", "strong", "sub", "sup", "u"})
"""The elements kept on the page (`ALLOWED_TAGS`) that format the words they hold and need their end tag: opened
and never closed, they format the rest of the page."""


def _never_closed(typed: str, data: str, end: int) -> bool:
    """True when ``typed`` is a bare start tag of a formatting element (`_BARE_TAG_RE`, `_TEXT_FORMATTING`:
    ``<A>``, ``<b>``) with no end tag in ``data`` after ``end`` (the rest of its paragraph). Such a tag is text:
    ``方案<A>与方案<B>``, options named in angle brackets, made every word after it, to the end of the page, a bold
    link (the sanitizer closes an open tag only where the body ends), and ``如果a<b>c`` lost its ``<b>``. A tag
    with attributes (``<a href=…>``, ``<font color=red>``) is markup meant, and an element the sanitizer removes
    (``<script>``, ``<iframe>``) is removed and warned of, as before."""
    bare = _BARE_TAG_RE.fullmatch(typed)
    if bare is None or bare.group(1).lower() not in _TEXT_FORMATTING:
        return False
    return re.search(rf"</{bare.group(1)}\s*>", data[end:], re.IGNORECASE) is None


_ADDRESS_START_RE = compile_later(r"[a-zA-Z][a-zA-Z0-9+.-]*:|[/#.?]")


def looks_like_address(target: str) -> bool:
    """True when ``target`` (a link's target as typed) can be an address: a scheme, "/", "#", "." or "?"
    first, or a "/" or "." in it, and no Chinese punctuation (，。：…, which an address never holds)."""
    return bool(_ADDRESS_START_RE.match(target) or "/" in target or "." in target) \
        and not FULL_WIDTH_PUNCTUATION.search(target)


class _HashHeadings(HashHeaderProcessor):
    """Python-Markdown's "#" headings, with CommonMark's rule for the closing "#" signs.

    Python-Markdown drops every "#" at a heading's end, so ``## 学习C#``
    was published as 学习C, and ``## 3#`` (building 3, 3号楼) as 3. The
    signs closing a heading are signs only after a space or a tab
    (``## 问题 ##``), or when the heading holds nothing else (``## ##``);
    otherwise they are the heading's text. A line with no space after its
    first signs, which CommonMark makes no heading, is read as
    Python-Markdown reads it: ``#话题#`` is the heading 话题, and warned
    (`_heading_problems`).
    """

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?P<spaced>(?=[ \t]))?"
                    r"(?:\\.|[^\\#]|#+(?=[^#\n])|(?(spaced)(?<=[^#\s])#+(?=[ \t]*(?:\n|$))|(?!)))*?)"
                    r"(?(spaced)(?:(?<=[ \t])#+)?[ \t]*|#*)(?:\n|$)")


# A heading's own id typed at its end, as Hugo, Pandoc and Python-Markdown's attr_list take it: ``## 下 {#xia}``
# (``## 下{#xia}``, ``## 下 { #xia }`` and attr_list's ``## 下 {: #xia}`` too). Group "id": what follows "#" up to
# the closing brace, checked by `_heading_id_fault`. Not after a backslash: ``## 下 \{#xia}`` is text as typed.
_HEADING_ID_RE = compile_later(r"[ \t]*(?<!\\)\{:?[ \t]*#(?P<id>[^{}\s]*)[ \t]*\}[ \t]*$")
# Braces at a heading's end that may be meant as its attributes, half or full width (全角): an id, a class or a
# style (``{#两个 词}``, ``{.big}``, ``{: style="…"}``, ``｛#xia｝``), anything with "=" in it. Group "inner": what
# they hold.
_HEADING_BRACES_RE = compile_later(r"(?<!\\)[{｛](?P<inner>[ \t\u3000]*[#＃.．:：][^{}｛｝\n]*|[^{}｛｝\n]*[=＝][^{}｛｝\n]*)"
                                   r"[}｝][ \t\u3000]*$")
_HEADING_TAG_RE = compile_later(r"h[1-6]$")
# Ids the footnotes take (`_extension_configs`: fn-1, fnref-1, fnref2-1 for a note cited twice).
_FOOTNOTE_ID_RE = compile_later(r"fn(?:ref\d*)?-", re.IGNORECASE)


def _heading_id_fault(name: str, before: str) -> str:
    """Why ``name``, typed as a heading's id after "#" (``{#xia}``) with ``before`` the heading's text before the
    braces, cannot be one ("" when it can).

    An id is letters (of any script: ``{#下一步}``), digits, ``-`` and ``_``,
    as `slugify_heading` makes them, typed in half width (a full-width
    letter would not match a link typed in half width), and does not begin
    as a footnote's place does (``fn-1``, ``fnref-1``), which would then be
    on the page twice. The heading has text before the braces, and no other
    braces (``## 子 {#a} {#b}`` would show "{#a}").
    """
    if not before.strip():
        return "the heading has no text before it"
    if _HEADING_BRACES_RE.search(before.rstrip()):
        return "a heading takes one pair of braces, at its end"
    if not name:
        return 'it has no name after "#"'
    if re.search(r"[^\w-]", name) or unicodedata.normalize("NFKC", name) != name:
        return 'an id is letters, digits, "-" and "_" only, in half width (半角), no spaces'
    if _FOOTNOTE_ID_RE.match(name):
        return 'ids beginning "fn-" or "fnref-" are the places of footnotes'
    return ""


def _typed_heading_id(text: str) -> re.Match[str] | None:
    """The heading id typed at the end of a heading's ``text`` (`_HEADING_ID_RE`), when it can be one
    (`_heading_id_fault`); else None."""
    found = _HEADING_ID_RE.search(text) if "{" in text else None
    return found if found is not None and not _heading_id_fault(found.group("id"), text[:found.start()]) else None


LAYOUT_IDS = frozenset({
    "all-downloads-heading", "as-of", "batches", "browse-title", "cases-heading", "chart-heading", "collected",
    "columns-heading", "compare-caption", "compare-heading", "contact-heading", "done-heading", "downloads",
    "downloads-heading", "escalated", "feeds", "feeds-heading", "in-progress", "interviews-heading",
    "latest-heading", "license-heading", "limits-heading", "main", "milestones", "milestones-heading",
    "mode-heading", "reading-mode", "reading-mode-label", "reading-mode-script", "related-heading", "resolved",
    "rules-heading", "search", "search-input", "search-status", "search-title", "standard-heading",
    "tallies-heading", "targets", "targets-caption", "targets-heading", "terms-heading", "toc-heading",
    "totals-heading", "unit-downloads-heading", "units-heading"})
"""The ids the default theme's layouts, partials and scripts give elements of a page as they are (``main``, the
skip link's target; ``toc-heading``), as `sitegen.render.layout_places` reads them from its files (a test holds
the two equal). A heading's id is none of them (`_LayoutIdsHeld`, `_HeadingIds`): the page would have two
elements of one id, and the skip link or the table of contents could lead to the other. Ids made of template
values (``m-{{ key }}``) are not here: no heading's is made so. A site's own templates may add others:
`sitegen.site.check_heading_ids` warns of those."""
_HELD_TAG = "sitegen-held-id"


class _LayoutIdsHeld(Treeprocessor):
    """Holds the ids of `LAYOUT_IDS` as taken while toc gives headings their ids (``## Main`` gets ``main_1``, as a
    repeated heading gets ``_1``): ``hold`` True adds an empty element of each id at the end of the document
    before toc reads the ids it has, False takes them out after it."""

    def __init__(self, md: markdown.Markdown, hold: bool) -> None:
        super().__init__(md)
        self.hold = hold

    def run(self, root: etree.Element) -> None:
        if self.hold:
            for name in sorted(LAYOUT_IDS):
                etree.SubElement(root, _HELD_TAG, {"id": name})
        else:
            for element in root.findall(_HELD_TAG):
                root.remove(element)


class _HeadingIds(Treeprocessor):
    """Gives a heading the id typed at its end (``## 下 {#xia}``), and takes the braces out of its text.

    Editors coming from Hugo or Pandoc name a heading's place so, and link
    to it as ``[下文](#xia)``; sitegen took none of it, the page, its table
    of contents and the feeds showed "{#xia}" and the link led nowhere.
    Python-Markdown's ``attr_list`` does this too, but also takes classes and
    any attribute on any block, which editors have no use for (the theme
    formats the page), so only an id at a heading's end is taken, before
    the inline patterns read the heading's text. An id typed twice stays on
    the first heading; a later one gets ``_1`` as toc gives a repeated heading
    (`unique`), and is warned (`_heading_id_problems`); so does one the
    theme's layout gives an element (`LAYOUT_IDS`: ``{#main}``). toc gives
    the other headings their ids around these. Braces it does not take stay
    as text, and are warned.
    """

    def run(self, root: etree.Element) -> None:
        typed: list[tuple[etree.Element, str]] = []
        for element in root.iter():
            if isinstance(element.tag, str) and _HEADING_TAG_RE.match(element.tag) and "id" not in element.attrib:
                found = _typed_heading_id(element.text or "")
                if found is not None:
                    element.text = (element.text or "")[:found.start()]
                    typed.append((element, found.group("id")))
        used = {name for _, name in typed} | LAYOUT_IDS
        taken = set(LAYOUT_IDS)  # the layout's element has it first
        for element, name in typed:
            element.set("id", unique(name, used) if name in taken else name)
            taken.add(name)


class _AddressReferences(ReferenceProcessor):
    """Python-Markdown's link definitions (``[id]: address "title"``), only for targets that are addresses.

    A list of sources typed as ``[1]: 上海热线新闻网，2018年5月3日`` was taken
    as the definition of a link "1" to that text: the line vanished from
    the page, and ``[1]`` in the text became a link to nowhere. A line
    whose target is no address (`looks_like_address`) stays text, as typed.
    """

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        start = end = -1
        for found in self.RE.finditer(block):
            link = found.group(2).lstrip("<").rstrip(">")
            if not looks_like_address(link):
                if start < 0:
                    continue
                break
            if start < 0:
                start = end = found.start()
            elif block[end:found.start()].strip("\n") or "\n" in found.group():
                break  # as the library does: one run of definitions, each on its line
            self.parser.md.references[found.group(1).strip().lower()] = (link, found.group(5) or found.group(6))
            end = found.end()
        if start < 0:
            blocks.insert(0, block)
            return False
        if block[end:].strip():
            blocks.insert(0, block[end:].lstrip("\n"))
        if block[:start].strip():
            blocks.insert(0, block[:start].rstrip("\n"))
        return True


_REFERENCES = "references"
"""A need of the reference patterns: the document defines a reference (``[id]: url``)."""

_DIGIT_STAR = "digit*digit"
"""The need of `_DigitStarProcessor`: a star between two digits somewhere in the text."""
_DIGIT_STAR_RE = compile_later(r"\d\*\d")
_WHOLE_NEEDS = (_REFERENCES, _DIGIT_STAR)
"""Needs met as a whole, not by any one of their characters."""

# What each inline pattern needs in the text before it can change anything, read
# from Python-Markdown 3.11 (markdown/inlinepatterns.py, extensions/footnotes.py,
# extensions/nl2br.py). Name in md.inlinePatterns -> (its exact class, its needs);
# every need must be met: a string of characters by any one of them in the text,
# _REFERENCES by a non-empty md.references. A pattern missing here, or of another
# class, is never left out.
_PATTERN_NEEDS: Mapping[str, tuple[type, tuple[str, ...]]] = MappingProxyType({
    # BACKTICK_RE: both alternatives match "`" or look ahead for it.
    "backtick": (inlinepatterns.BacktickInlineProcessor, ("`",)),
    # ESCAPE_RE = \\(.)
    "escape": (inlinepatterns.EscapeInlineProcessor, ("\\",)),
    # \[\^([^\]]*)\]
    "footnote": (FootnoteInlineProcessor, ("[", "^")),
    # REFERENCE_RE = (?<!\!)\[ ; handleMatch makes an element only for an id in
    # md.references and otherwise returns none, changing nothing (it has no side effects).
    "reference": (inlinepatterns.ReferenceInlineProcessor, ("[", _REFERENCES)),
    # LINK_RE = (?<!\!)\[
    "link": (inlinepatterns.LinkInlineProcessor, ("[",)),
    # IMAGE_LINK_RE = \!\[
    "image_link": (inlinepatterns.ImageInlineProcessor, ("[", "!")),
    # IMAGE_REFERENCE_RE = \!\[ ; an element only for an id in md.references (as "reference").
    "image_reference": (inlinepatterns.ImageReferenceInlineProcessor, ("[", "!", _REFERENCES)),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, ("[", _REFERENCES)),
    "short_image_ref": (inlinepatterns.ShortImageReferenceInlineProcessor, ("[", "!", _REFERENCES)),
    # AUTOLINK_RE and AUTOMAIL_RE start with "<"; so does HTML_RE.
    "autolink": (inlinepatterns.AutolinkInlineProcessor, ("<",)),
    "automail": (inlinepatterns.AutomailInlineProcessor, ("<",)),
    "html": (_TagsOnly, ("<",)),
    # ENTITY_RE starts with "&".
    "entity": (inlinepatterns.HtmlInlineProcessor, ("&",)),
    # LINE_BREAK_RE = "  \n" (its newline is the need: see _PrunedInlineProcessor).
    "linebreak": (inlinepatterns.SubstituteTagInlineProcessor, ("\n",)),
    # DelimiterProcessor's pattern is \*|_ (both delimiters registered by Python-Markdown).
    "em_strong": (inlinepatterns.DelimiterProcessor, ("*_",)),
    # nl2br's BR_RE = \n
    "nl": (inlinepatterns.SubstituteTagInlineProcessor, ("\n",)),
    # sitegen's (?<=\d)\*(?=\d): see _DigitStarProcessor (a star alone is in most texts, bold: **)
    "sitegen_digit_star": (_DigitStarProcessor, (_DIGIT_STAR,)),
    # sitegen's BARE_ADDRESS_RE: "://" in every address it matches, so both a ":" and a "/".
    "sitegen_bare_address": (_BareAddressProcessor, (":", "/")),
})

_PATTERN_CHARACTERS = "`\\[^!<&*_\n:/"
"""Every character :data:`_PATTERN_NEEDS` names."""

_ALL_NEEDS = frozenset([*_PATTERN_CHARACTERS, *_WHOLE_NEEDS])
"""Every need: meeting them all leaves no pattern out."""

_PRUNING_VERIFIED_FOR = (3, 11)
"""The Python-Markdown version (major, minor) whose code :data:`_PATTERN_NEEDS` was read from."""


class _PrunedInlineProcessor(InlineProcessor):
    """Python-Markdown's ``inline`` tree processor, given only the patterns that can match.

    Registered instead of the library's (same name and priority, 20) unless the
    renderer is built with ``reference=True``. For each document it reads the
    text the patterns will see (:func:`_inline_text`), and runs the library's
    own loop with the registered patterns, in registry order, minus those
    whose needs (:data:`_PATTERN_NEEDS`) the text does not meet; the full
    registry is put back afterwards. Lists are cached by the needs met.

    Why the output is the same: the patterns only ever see the text and tails
    of the tree as it stands when this processor runs (the footnote tree
    processor, priority 50, has already added its div), and strings the
    patterns make from them: slices, joined with placeholders (STX, ASCII
    letters, digits, ``:``, ETX: Python-Markdown strips STX/ETX from the
    source), and texts of their own (atomic strings, never processed;
    footnote numbers). A character the tree holds nowhere can therefore
    reach no pattern. (Needs are single characters: a pair such as ``](``
    might form where slices are rejoined.) A pattern whose regex cannot
    match (or, for the reference patterns, that finds no reference) returns
    the text unchanged, with no side effect, exactly as if skipped; the
    library's loop starts the next pattern at 0 either way, and nested runs
    start at "the pattern after this one", which the kept order preserves.

    Attributes:
        met: the needs the last document met (all of them with an unverified
            Python-Markdown version, so that nothing is left out).
        used: the patterns the last document was given (tests check the pruning).
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.met: frozenset[str] = _ALL_NEEDS
        self.used: tuple[inlinepatterns.Pattern, ...] = ()
        self._lists: dict[frozenset[str], tuple[inlinepatterns.Pattern, ...]] = {}

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        met = self.met = _needs_met(tree, self.md)
        patterns = self._lists.get(met)
        if patterns is None:
            patterns = self._lists[met] = _patterns_meeting(self.md.inlinePatterns, met)
        self.used = patterns
        registry = self.inlinePatterns
        # A tuple, not a Registry: the library's loop only takes len() and [index].
        self.inlinePatterns = patterns
        try:
            return super().run(tree, ancestors)
        finally:
            self.inlinePatterns = registry


def _needs_met(tree: etree.Element, md: markdown.Markdown) -> frozenset[str]:
    """The needs (see :data:`_PATTERN_NEEDS`) the document in ``tree`` meets."""
    if markdown.__version_info__[:2] != _PRUNING_VERIFIED_FOR:
        return _ALL_NEEDS
    text = _inline_text(tree)
    return frozenset([char for char in _PATTERN_CHARACTERS if char in text]
                     + ([_REFERENCES] if md.references else [])
                     + ([_DIGIT_STAR] if "*" in text and _DIGIT_STAR_RE.search(text) else []))


def _inline_text(tree: etree.Element) -> str:
    """Every text and tail in ``tree`` the inline patterns may read, joined (atomic strings left out)."""
    parts: list[str] = []
    for element in tree.iter():
        text, tail = element.text, element.tail
        if text and not isinstance(text, AtomicString):
            parts.append(text)
        if tail and not isinstance(tail, AtomicString):
            parts.append(tail)
    return "".join(parts)


def _patterns_meeting(registry: markdown.util.Registry, met: frozenset[str]) -> tuple[inlinepatterns.Pattern, ...]:
    """The patterns of ``registry``, in its order, minus those whose needs ``met`` does not meet."""
    needs = {id(registry[name]): wanted for name, (kind, wanted) in _PATTERN_NEEDS.items()
             if name in registry and type(registry[name]) is kind}
    return tuple(pattern for pattern in registry
                 if all(need in met if need in _WHOLE_NEEDS else any(char in met for char in need)
                        for need in needs.get(id(pattern), ())))


# --------------------------------------------------------------------------
# Heading ids without the table of contents (same ids, less work)
# --------------------------------------------------------------------------

# What keeps a heading's text from being its own inner HTML at the time toc runs:
# characters the serializer escapes, and placeholders (backslash escapes, raw HTML).
_NOT_PLAIN_TEXT_RE = compile_later("[&<>\x02\x03]")


_NOTES_HEADING = {"class": "footnotes-heading"}
"""The attributes of the heading `_FootnoteLinkNames` gives a text's notes: a plain heading all the same."""


class _PlainHeadingIds(Treeprocessor):
    """The ``toc`` tree processor, set short for documents whose headings are plain text.

    Python-Markdown's toc (``TocTreeprocessor.run``) gives each heading
    without an id the id ``unique(slugify(html.unescape(strip_tags(inner
    HTML))), every id in the document)``, and builds a table of contents
    (``md.toc``, ``md.toc_tokens``) that sitegen does not use. For a heading
    with no attributes (but the notes' class, `_NOTES_HEADING`), no children, and text and tail without ``& < >``,
    STX or ETX (toc cuts the serialized heading, tail included, at its
    first ``>`` and last ``<``), the inner HTML is that text (the serializer
    escapes nothing in it, the postprocessors find no placeholder),
    ``strip_tags`` leaves its words joined by one space and
    ``html.unescape`` changes nothing. When every
    heading is such, this sets the ids directly, with the library's
    ``unique`` over the same set of ids; otherwise it runs the library's
    processor. ``md.toc``/``md.toc_tokens`` stay as ``reset()`` left them
    (empty) in the short way. Used only when toc's options make it add
    nothing else to the page (no marker, anchors, permalinks or base level).
    """

    def __init__(self, md: markdown.Markdown, toc: TocTreeprocessor) -> None:
        super().__init__(md)
        self.toc = toc

    def run(self, root: etree.Element) -> None:
        used: set[str] = set()
        headings: list[etree.Element] = []
        for element in root.iter():
            given = element.get("id")
            if given is not None:
                used.add(given)
            if isinstance(element.tag, str) and self.toc.header_rgx.match(element.tag):
                if ((element.attrib and element.attrib != _NOTES_HEADING) or len(element)
                        or _NOT_PLAIN_TEXT_RE.search(element.text or "")
                        or _NOT_PLAIN_TEXT_RE.search(element.tail or "")):
                    self.toc.run(root)
                    return
                headings.append(element)
        counters: dict[str, int] = {}
        for heading in headings:
            name = " ".join((heading.text or "").split())
            heading.set("id", unique(self.toc.slugify(name, self.toc.sep), used, counters))


class _UnescapeAfterEscapes(UnescapeTreeprocessor):
    """Python-Markdown's ``unescape`` tree processor, skipped for a document without a backslash.

    UnescapeTreeprocessor turns STX, digits, ETX back into the character
    they stand for, in every text, tail and attribute. Only the ``escape``
    pattern (``\\x``) and the ``backtick`` pattern (pairs of backslashes
    before a backtick) write that, and both need a backslash in the text
    they read, so (see :class:`_PrunedInlineProcessor`) in the text the
    inline processor found; without one, ``run`` would change nothing.
    (A subclass, as the ``html`` pattern uses this processor's ``RE``.)
    """

    def __init__(self, md: markdown.Markdown, inline: _PrunedInlineProcessor) -> None:
        super().__init__(md)
        self.inline = inline

    def run(self, root: etree.Element) -> None:
        # The inline processor (priority 20) has read this document before this one (0) runs.
        if "\\" in self.inline.met:
            super().run(root)


class _HtmlBlocksIfMarkup(HtmlBlockPreprocessor):
    """Python-Markdown's ``html_block`` preprocessor, skipped for a source without ``<`` or ``&``.

    HtmlBlockPreprocessor feeds the joined lines to an HTMLParser (with
    ``convert_charrefs`` off, so it stops only at ``<`` or ``&``) and returns
    what the parser passed on, split into lines again. Without either
    character the parser passes on the whole text as one piece of data: the
    lines come back unchanged.
    """

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "<" in source or "&" in source:
            return super().run(lines)
        return lines


class _FencesIfAny(FencedBlockPreprocessor):
    """Python-Markdown's ``fenced_code_block`` preprocessor, skipped for a source without a fence.

    FencedBlockPreprocessor joins the lines, stashes every block its regex
    finds (a fence is three or more ``` ` ``` or ``~`` at the start of a
    line) and splits the text into lines again: without "```" or "~~~"
    the lines come back unchanged.
    """

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "```" in source or "~~~" in source:
            return super().run(lines)
        return lines


def _toc_adds_only_ids(toc: Treeprocessor) -> bool:
    """True when the toc processor's options make it change nothing in the page but heading ids."""
    return (type(toc) is TocTreeprocessor and not toc.marker and toc.base_level == 0
            and not toc.use_anchors and not toc.use_permalinks)


class _SitegenExtension(Extension):
    """Registers sitegen's preprocessor and tree processors, and turns off indented code blocks.

    A paragraph typed with Word's or WPS's first-line indent starts with
    four spaces, which Markdown makes a code block: monospaced, never
    wrapped, wider than a phone. Editors write prose, so text indented that
    way stays a paragraph (its leading spaces dropped); code is written
    between ``` fences.

    ``shortcuts``: also put sitegen's shortcut versions in place of
    Python-Markdown's ``fenced_code_block`` and ``html_block`` preprocessors
    (:class:`_FencesIfAny`, :class:`_HtmlBlocksIfMarkup`) and ``inline``,
    ``unescape`` and ``toc`` tree processors (:class:`_PrunedInlineProcessor`,
    :class:`_UnescapeAfterEscapes`, :class:`_PlainHeadingIds`): same output,
    less work.
    """

    def __init__(self, shortcuts: bool) -> None:
        super().__init__()
        self.shortcuts = shortcuts

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (library API)
        # Shortcuts first: a replacement goes last among equal priorities, and
        # fenced_code_block (25) must stay before sitegen_open_blocks (25).
        if self.shortcuts:
            self._register_shortcuts(md)
        md.preprocessors.register(_OpenBlocksPreprocessor(md), "sitegen_open_blocks", 25)
        md.treeprocessors.register(_TableScrollTreeprocessor(md), "sitegen_table_scroll", 12)
        # Before the inline patterns (20) read a heading's text, and toc (5) gives ids to the others.
        md.treeprocessors.register(_HeadingIds(md), "sitegen_heading_ids", 30)
        # Right around toc (5), which gives the other headings their ids.
        md.treeprocessors.register(_LayoutIdsHeld(md, True), "sitegen_layout_ids_held", 6)
        md.treeprocessors.register(_LayoutIdsHeld(md, False), "sitegen_layout_ids_freed", 4)
        # After the footnotes' marks are made (inline 20, footnote-duplicate 15).
        md.treeprocessors.register(_FootnoteLinkNames(md), "sitegen_footnote_names", 11)
        md.parser.blockprocessors.deregister("code")
        if type(md.parser.blockprocessors["hashheader"]) is HashHeaderProcessor:
            md.parser.blockprocessors.register(_HashHeadings(md.parser), "hashheader", 70)
        if type(md.parser.blockprocessors["reference"]) is ReferenceProcessor:
            md.parser.blockprocessors.register(_AddressReferences(md.parser), "reference", 15)
        md.inlinePatterns.register(_DigitStarProcessor(r"(?<=\d)\*(?=\d)", md), "sitegen_digit_star", 75)
        # Below raw HTML (90) and entities (80), above emphasis (60): "*" and "_" in an address stay its own.
        md.inlinePatterns.register(_BareAddressProcessor(BARE_ADDRESS_RE, md), "sitegen_bare_address", 70)
        if type(md.inlinePatterns["html"]) is inlinepatterns.HtmlInlineProcessor:
            md.inlinePatterns.register(_TagsOnly(inlinepatterns.HTML_RE, md), "html", 90)

    def _register_shortcuts(self, md: markdown.Markdown) -> None:
        """Put the shortcut versions in place of Python-Markdown's processors (same names and priorities)."""
        if type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
            md.preprocessors.register(_HtmlBlocksIfMarkup(md), "html_block", 20)
        fences = md.preprocessors["fenced_code_block"]
        if type(fences) is FencedBlockPreprocessor:
            md.preprocessors.register(_FencesIfAny(md, fences.config), "fenced_code_block", 25)
        inline = _PrunedInlineProcessor(md)
        md.treeprocessors.register(inline, "inline", 20)
        if type(md.treeprocessors["unescape"]) is UnescapeTreeprocessor:
            md.treeprocessors.register(_UnescapeAfterEscapes(md, inline), "unescape", 0)
        toc = md.treeprocessors["toc"]
        if _toc_adds_only_ids(toc):
            md.treeprocessors.register(_PlainHeadingIds(md, toc), "toc", 5)


def slugify_heading(value: str, separator: str) -> str:
    """Return the id for a heading's text, keeping Chinese (and every other script).

    NFKC-normalises (full-width digits become ASCII), drops everything that
    is not a letter, digit, ``_``, ``-`` or space, lower-cases, and joins words
    with ``separator``: ``"组织调研的进展如何？"`` → ``"组织调研的进展如何"``,
    ``"2024年 工作"`` → ``"2024年-工作"``. Returns ``"section"`` when nothing
    is left (Python-Markdown's toc then makes repeats unique with ``_1``...).
    """
    value = unicodedata.normalize("NFKC", value)
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    value = re.sub(rf"[{re.escape(separator)}\s]+", separator, value)
    return value or "section"


MARKDOWN_EXTENSIONS: tuple[str, ...] = ("fenced_code", "tables", "footnotes", "sane_lists", "toc", "nl2br")


def _extension_configs() -> dict[str, dict[str, object]]:
    """Options of the Markdown extensions (a fresh dict per call)."""
    return {
        "footnotes": {"SEPARATOR": "-", "BACKLINK_TITLE": "返回正文第 {} 处注释"},
        "toc": {"slugify": slugify_heading, "marker": "", "toc_depth": "2-6"},
        "tables": {"use_align_attribute": False},
    }


# --------------------------------------------------------------------------
# Sanitizing
# --------------------------------------------------------------------------

def url_scheme(value: str) -> str:
    """Return the lower-case scheme of a URL as a browser reads it, "" if relative.

    Follows the WHATWG URL parser: leading/trailing control characters and
    spaces are ignored and tabs/newlines inside are removed, so
    ``" java\\tscript:x"`` has the scheme ``"javascript"``.
    """
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                   "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                                   "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                   "\x1e\x1f ")
    match = _SCHEME_RE.match(cleaned)
    return match.group(1).lower() if match else ""


def url_refusal(tag: str, attribute: str, value: str) -> str:
    """Return why a URL attribute is removed ("" when it is allowed).

    Allowed: relative URLs and http, https, mailto, tel; ``data:`` only in
    ``<img src>`` with an image/png, jpeg, gif or webp payload.
    """
    scheme = url_scheme(value)
    if not scheme or scheme in URL_SCHEMES:
        return ""
    if scheme == "data":
        stripped = re.sub(r"[\t\n\r]", "", value).strip()
        if tag == "img" and attribute == "src" and _DATA_IMAGE_RE.match(stripped):
            return ""
        return "only data:image/png, jpeg, gif or webp pictures are allowed"
    return "only http, https, mailto, tel and relative links are allowed"


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: drop URLs that :func:`url_refusal` refuses, and an ``<img>``'s src that leads
    nowhere (`is_blank_source`), so the picture is left out (`_refused_pictures_as_text`) as its warning says."""
    if attribute in URL_ATTRIBUTES and url_refusal(tag, attribute, value):
        return None
    if tag == "img" and attribute == "src" and is_blank_source(value):
        return None
    return value


def is_blank_source(src: str) -> bool:
    """True for an ``<img>``'s src that names no picture: nothing, spaces, or ``#`` alone (a place kept to fill
    in later, or ``![说明]()``), which browsers show as a broken picture."""
    return src.strip() in ("", "#")


def make_cleaner() -> nh3.Cleaner:
    """Return an nh3 cleaner configured with the module's one allowlist."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CONTENT_DROPPED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=None,
        tag_attribute_values={tag: {name: set(values) for name, values in attrs.items()}
                              for tag, attrs in ALLOWED_ATTRIBUTE_VALUES.items()},
        url_schemes=set(URL_SCHEMES) | {"data"},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
    )


# A picture as nh3 writes it (`_SERIALIZED_TAG_RE`): group "attributes" its attributes; groups "open" and "close"
# the tags of a paragraph it is all of.
_SERIALIZED_IMG_RE = compile_later(r'(?P<open><p>)?<img(?P<attributes>(?: [a-z][a-z0-9-]*="[^"]*")*)>'
                                   r"(?P<close></p>\n?)?")


def _refused_pictures_as_text(clean_html: str) -> str:
    """``clean_html`` (nh3's output) with each ``<img>`` that has no ``src`` replaced by its alt text.

    The cleaner drops a ``src`` that :func:`url_refusal` refuses (a file on
    the editor's computer, ``C:\\…`` or ``file:``; a ``javascript:`` or
    ``ftp:`` address; a ``data:`` one that is no picture) and kept the
    ``<img>``: no picture, invalid HTML, a broken-image mark on the page;
    so is an ``<img>`` typed in HTML with no ``src``. The picture is left
    out, as its warning says (`_RemovalScanner`), and the words the editor
    typed to describe it stay, as a link's text stays when its address is
    refused; a paragraph that held only a picture with no alt text goes
    with it.
    """
    def text(found: re.Match[str]) -> str:
        attributes = dict(_SERIALIZED_ATTRIBUTE_RE.findall(found.group("attributes")))
        if "src" in attributes:
            return found.group()
        alt = html.escape(html.unescape(attributes.get("alt", "")), quote=False)
        if not alt and found.group("open") and found.group("close"):
            return ""
        return f"{found.group('open') or ''}{alt}{found.group('close') or ''}"

    return _SERIALIZED_IMG_RE.sub(text, clean_html) if "<img" in clean_html else clean_html


# A start tag as nh3 writes it, up to an empty class attribute: group 1 what comes before it. Text never holds a
# "<" (nh3 writes it &lt;), and an attribute's value never holds a '"' (written &quot;), so only tags match.
_EMPTY_CLASS_RE = compile_later(r'(<[a-z][a-z0-9]*(?: [a-z][a-z0-9-]*="[^"]*")*?) class=""')


def _without_empty_classes(clean_html: str) -> str:
    """``clean_html`` (nh3's output) with each ``class=""`` left on a tag taken away.

    nh3 (ammonia) filters a ``class`` value by ``allowed_classes`` and keeps
    the attribute when it drops every class in it: ``<div class="note">``
    becomes ``<div class="">``. The editor's class is warned of and removed
    (`_RemovalScanner`); the empty attribute left is noise in the page and
    tells no browser anything.
    """
    return _EMPTY_CLASS_RE.sub(r"\1", clean_html) if ' class=""' in clean_html else clean_html


@dataclass(frozen=True)
class _Finding:
    """Something the sanitizer removes, with text to find its line in the source."""

    message: str
    hint: str
    needles: tuple[str, ...]
    typed_only: bool = False
    """Told only when the first needle (the start tag's first line) is in the source: Python-Markdown writes
    attributes of its own (``class="language-python"`` on code, the footnotes' classes), which no editor typed."""
    html_hint: str = ""
    """The hint for the tag typed inside a raw HTML block, where Markdown is not read (bold offered as
    ``<strong>…</strong>``, not ``**…**``); "" when it is the same as ``hint``."""
    once_a_line: str = ""
    """Told once a line: the first tag of a line asking for this (the colour, say) speaks for the others on it."""
    occurrence: int = 0
    """How many start tags before this one were typed as the first needle is (for a finding told once a line: the
    same tag typed in two places is found at each, not twice at the first)."""


class _LenientParser(HTMLParser):
    """HTMLParser that reads a ``<![`` it does not know as HTML5 does, instead of raising.

    Python's parser raises AssertionError for ``<![`` not followed by a
    known keyword (``<![ if x ]>``, ``<![b``); HTML5 (and so nh3) reads it as
    a bogus comment that ends at the next ``>``, or at the end of the text.
    """

    def parse_marked_section(self, i: int, report: int = 1) -> int:  # noqa: D102 (library hook)
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            stop = len(self.rawdata) if end < 0 else end + 1
            self.handle_bogus_section(self.rawdata[i:stop])
            return stop

    def handle_bogus_section(self, text: str) -> None:
        """Called with a ``<![…>`` read as a bogus comment (it is not shown); does nothing here."""


class _RemovalScanner(_LenientParser):
    """Lists, in document order, what the allowlist will remove (for warnings)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[_Finding] = []
        self._reported_tags: set[str] = set()
        self._reported_attributes: set[tuple[str, str]] = set()
        self._starts: dict[str, int] = {}  # how many start tags were read with each first line, lowered
        self._awaiting_text: list[tuple[int, str]] = []  # (finding, what to delete) whose hint wants the text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        first_line = raw.split("\n", 1)[0].lower()
        self._starts[first_line] = self._starts.get(first_line, 0) + 1
        removed = [] if tag in CONTENT_DROPPED_TAGS else _removed_formatting(tag, attrs, raw)
        self._look_findings(tag, removed, raw)
        if tag not in ALLOWED_TAGS:
            if removed:
                self._reported_tags.add(tag)  # its formatting is all it loses: told as looks (`_look_findings`)
            else:
                self._tag_finding(tag, first_line, dict(attrs).get("src") or "")
        lazy = lazy_picture(attrs) if tag == "img" else None
        for name, value in attrs:
            if lazy is None or name != "src":  # a stand-in in src is told as the address it stands for
                self._attribute_finding(tag, name, value or "", raw, first_line)
        src = dict(attrs).get("src") or ""
        if tag == "img" and ("src" not in dict(attrs) or lazy is not None or is_blank_source(src)):
            # No picture to show: left out (`_lazy_stand_ins_dropped`, `_refused_pictures_as_text`).
            self._sourceless_picture(attrs, raw, first_line, lazy)
        elif tag == "img" and not (dict(attrs).get("alt") or "").strip() and not url_refusal(tag, "src", src):
            # A picture whose address is refused is left out (`_attribute_finding` tells it): no alt to add.
            self.findings.append(_Finding(
                f'image "{src}" has no description (alt text)' if src else "image (no address) has no description "
                "(alt text)",
                "describe the picture for readers who cannot see it: ![图片说明](" + (src or "x.png") + ")",
                (first_line, src.lower()) if src else (first_line,)))

    def _sourceless_picture(self, attrs: list[tuple[str, str | None]], raw: str, first_line: str,
                            lazy: tuple[str, str] | None) -> None:
        """Record an ``<img>`` without src or with a stand-in there, which is left out: its address typed in an
        attribute of lazy loading (``lazy``, from `lazy_picture`) is offered in src, but for a platform's
        (`sitegen.webaddress.hotlink_platform`), which the picture check tells with the platform's advice
        (`sitegen.checks.check_typed_pictures`)."""
        alt = html.escape(dict(attrs).get("alt") or "", quote=True).strip() or "图片说明"
        if lazy is None and _MARKDOWN_PICTURE_RE.match(raw):
            typed = f"![{dict(attrs).get('alt') or ''}]("
            self.findings.append(_Finding(
                f'the picture "{typed})" has no address in its "()", so it was left out'
                f"{_refused_picture_shown(raw)}",
                f'write the path of its file in the "()": ![{alt}](images/a.png)',
                (typed.lower(), first_line)))
        elif lazy is None:
            self.findings.append(_Finding(
                f"this picture (<img>) has no address (src), so it was left out{_refused_picture_shown(raw)}",
                f'write the path of its file in src, e.g. <img src="images/a.png" alt="{alt}">', (first_line,)))
        elif hotlink_platform(lazy[1]) is None:
            name, address = lazy
            self.findings.append(_Finding(
                f"this picture (<img>) has its address in {name}, which browsers do not read (it is for scripts "
                f"that load pictures late), so it was left out{_refused_picture_shown(raw)}",
                f'write its address in src: <img src="{html.escape(address, quote=True)}" alt="{alt}">',
                (first_line,)))

    def handle_data(self, data: str) -> None:
        if self._awaiting_text and data.strip():
            self._give_text(data.strip().split("\n", 1)[0])

    def handle_endtag(self, tag: str) -> None:
        if self._awaiting_text:
            self._give_text("")

    def close(self) -> None:
        super().close()
        self._give_text("")

    def _look_findings(self, tag: str, removed: list[_RemovedFormatting], raw: str) -> None:
        """Record the formatting removed from one start tag: every tag is told (a page coloured in two places
        loses both colours), once a line for each look (`_removal_problems`)."""
        start = _clipped(raw.split("\n", 1)[0].strip(), 40)
        if tag not in ALLOWED_TAGS and len(removed) > 1:  # the whole tag goes: one warning for all it asked
            removed = [_RemovedFormatting("", "", tuple(pair for found in removed for pair in found.looks))]
        for found in removed:
            looks: dict[_Look, str] = {}
            for look, value in found.looks:
                looks.setdefault(look, value)
            missed = " or ".join(_alignment_missed(value) if look is _ALIGNMENT else look.missed
                                 for look, value in looks.items()).replace(" or show ", " or ")
            if tag not in ALLOWED_TAGS:
                what, delete, needle = f"raw HTML {start}", f"{start} and </{tag}>", f"<{tag}"
            elif found.part:
                what, delete = f'"{found.part}" in {found.typed} on <{tag}>', f"{found.part} from {found.typed}"
                needle = found.typed.lower()
            else:
                what, delete, needle = f"{found.typed} on <{tag}>", found.typed, found.typed.lower()
            kept_as = _cell_alignment(tag, looks) if not found.part else None
            if kept_as is not None:  # a table cell keeps an alignment written as its style: offer that
                self.findings.append(_Finding(
                    f"{what} was removed, so the page does not {missed}: a table cell keeps its alignment only "
                    f"written as {kept_as}",
                    f"write {kept_as} in place of {found.typed} (in a Markdown table, a colon in the line under the "
                    "header does it: :-: centres a column, --: aligns it right)",
                    (raw.split("\n", 1)[0].lower(), needle)))
                continue
            self.findings.append(_Finding(
                f"{what} was removed, so the page does not {missed}: the site's theme sets "
                + " and ".join(look.setter for look in looks) + ("" if tag in ALLOWED_TAGS else "; its text was kept"),
                f"delete {delete}", (raw.split("\n", 1)[0].lower(), needle),
                once_a_line=" ".join(look.setter for look in looks),
                occurrence=self._starts[raw.split("\n", 1)[0].lower()] - 1))
            if any(look.bold for look in looks):
                self._awaiting_text.append((len(self.findings) - 1, delete))

    def _give_text(self, text: str) -> None:
        """Complete the hints waiting for the text their tag holds ("" when it holds none)."""
        for index, delete in self._awaiting_text:
            how = "to make words stand out, write them in bold (加粗)"
            bold = paste_hint(how, f"**{text or '重点'}**", ": type ** before them and ** after them")
            # Inside raw HTML, Markdown is not read: ** would show as typed.
            strong = paste_hint(how, f"<strong>{text or '重点'}</strong>", ": type <strong> before them and </strong> after them")
            self.findings[index] = replace(self.findings[index], hint=f"{bold}; otherwise delete {delete}",
                                           html_hint=f"{strong}; otherwise delete {delete}")
        self._awaiting_text = []

    def handle_bogus_section(self, text: str) -> None:
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 30 else shown[:29] + "…"
        self.findings.append(_Finding(
            f'"{shown}" was removed and is not shown (不会显示): '
            'HTML reads "<![" as the start of a hidden section, up to the next ">"',
            'write it as "&lt;![" to show it, or delete it', ("<![",)))

    def _tag_finding(self, tag: str, first_line: str, src: str = "") -> None:
        """Record a disallowed tag (dangerous ones every time, others once); ``src`` is its ``src`` attribute's
        value, "" when it has none."""
        hint = _OTHER_TAG_HINT
        if tag in _MEDIA_TAGS and src.strip():
            # A video or sound file left with nothing on the page; a link to it plays in the reader's own player.
            # (Without src, its file is named by a <source> inside, told so; its own text is kept.)
            name = _MEDIA_TAGS[tag]
            self.findings.append(_Finding(
                f"raw HTML <{tag}> was removed: a page here plays no video or sound itself (视频、音频), so nothing "
                "of it is shown",
                f"link to the file instead, and the reader's phone plays it: [{name}]({src.strip()})",
                (first_line, f"<{tag}")))
            return
        if tag in _DANGER_TAG_REASONS:
            reason, hint = _DANGER_TAG_REASONS[tag]
            message = f"raw HTML <{tag}> was removed ({reason})"
        elif tag in self._reported_tags:
            return
        elif tag in CONTENT_DROPPED_TAGS:
            message = f"raw HTML <{tag}> was removed with its content (not allowed in content)"
        elif _WORD_TAG_RE.fullmatch(tag):
            message = (f"raw HTML <{tag}> was removed: it is Word's own markup (Word 的格式标记), pasted with the text, "
                       "which no page shows; its text was kept")
            hint = (f"delete <{tag}> and </{tag}> wherever they stand (to paste from Word without them, use "
                    "选择性粘贴 → 无格式文本)")
        else:
            message = f"raw HTML <{tag}> was removed (not allowed in content); its text was kept"
        self._reported_tags.add(tag)
        self.findings.append(_Finding(message, hint, (first_line, f"<{tag}")))

    def _attribute_finding(self, tag: str, name: str, value: str, raw: str, first_line: str) -> None:
        """Record an event attribute or a refused URL."""
        if name.startswith("on"):
            self.findings.append(_Finding(
                f"event attribute {name} on <{tag}> was removed (scripts are not allowed in content)",
                f'delete {name}="…"; links and pictures work without it',
                (first_line, name)))
        elif name in URL_ATTRIBUTES and tag in ALLOWED_TAGS:
            reason = url_refusal(tag, name, value)
            if reason:
                scheme = url_scheme(value)
                raw_value = _raw_attribute_value(raw, name)
                place = (first_line, value.lower(), raw_value.lower(), f"{scheme}:")
                shown = _refused_picture_shown(raw) if tag == "img" else ""
                if is_local_path(value):
                    what = "picture" if tag == "img" else "link to"
                    self.findings.append(_Finding(
                        f'the {what} "{_clipped(value)}" is a file on your computer, which readers cannot '
                        f"see; it was left out{shown}", _local_file_hint(tag, value), place))
                    return
                if tag == "img":
                    self.findings.append(_Finding(
                        f"{scheme}: address in <img {name}> was removed ({reason}), so the picture was left "
                        f"out{shown}", "give a picture file under content/ (images/a.png) or an https:// address",
                        place))
                    return
                self.findings.append(_Finding(
                    f"{scheme}: address in <{tag} {name}> was removed ({reason})",
                    "link to an https:// address instead", place))
        elif (tag in ALLOWED_TAGS and name not in ALLOWED_ATTRIBUTES.get(tag, ()) and name != "style"
              and (_ATTRIBUTE_LOOKS.get(f"{tag} {name}") or _ATTRIBUTE_LOOKS.get(name)) is None
              and not name.startswith("data-") and (tag, name) not in self._reported_attributes):
            # Colours, fonts and alignment are told as looks (`_look_findings`); data-* attributes, which
            # editing tools (秀米, 135编辑器) write, change nothing a reader sees.
            self._reported_attributes.add((tag, name))
            self.findings.append(_Finding(*_dropped_attribute(tag, name, value), (first_line, name), typed_only=True))


LAZY_SOURCES = ("data-src", "data-original", "data-original-src", "data-actualsrc", "data-lazy-src", "data-lazy",
                "data-lazyload", "data-ks-lazyload", "data-echo", "data-url", "lazy-src")
"""Attributes in which pages that load pictures late keep a picture's address for their scripts, which
browsers do not read: WeChat (data-src), lazysizes (data-src), jQuery Lazy Load (data-original), Jianshu
(data-original-src), Zhihu (data-actualsrc), WordPress (data-lazy-src), Taobao (data-ks-lazyload), echo.js
(data-echo). An ``<img>`` copied from such a page has no src, or a stand-in there (`is_stand_in_source`)."""

LAZY_SOURCE_SETS = ("data-srcset", "data-lazy-srcset")
"""Attributes in which such pages keep a picture's addresses for screens of each size, as ``srcset`` lists them
("a.jpg 1x, a@2x.jpg 2x": WeChat, lazysizes, WordPress), read after `LAZY_SOURCES`: the first is the picture."""


def lazy_source(attrs: Sequence[tuple[str, str | None]]) -> tuple[str, str] | None:
    """``(attribute, address)`` of the first attribute of `LAZY_SOURCES` with an address among an ``<img>``'s
    ``attrs`` (as `html.parser` gives them: names lowered, values unescaped), else of the first of
    `LAZY_SOURCE_SETS` with one, its first address (`first_candidate`); else None."""
    typed = {name: (value or "").strip() for name, value in reversed(attrs)}  # the first of a name counts
    return next(((name, typed[name]) for name in LAZY_SOURCES if typed.get(name)), None) or next(
        ((name, first_candidate(typed[name])) for name in LAZY_SOURCE_SETS if first_candidate(typed.get(name, ""))),
        None)


def first_candidate(srcset: str) -> str:
    """The address of the first picture a ``srcset`` value lists (``a.jpg`` of ``"a.jpg 1x, b.jpg 2x"``), as
    HTML's rules for parsing a srcset read it: after spaces and commas, up to a space, commas at its end cut
    off; "" when it lists none."""
    return re.split(r"[ \t\n\f\r]", srcset.lstrip(_SRCSET_SEPARATORS), maxsplit=1)[0].rstrip(",")


_SRCSET_SEPARATORS = " \t\n\f\r,"
"""What HTML skips before each address of a srcset (its rules for parsing a srcset attribute)."""


def is_stand_in_source(src: str) -> bool:
    """True for the ``src`` of an ``<img>`` that pages loading pictures late fill until their script writes in the
    address of `lazy_source`, which shows no picture of its own: nothing, ``#``, or an ``about:`` (about:blank),
    ``javascript:`` or ``data:`` address (a blank GIF or SVG of one pixel, WeChat's ``data:image/svg+xml,…``).
    ``src`` is as `html.parser` gives it (entities decoded)."""
    return is_blank_source(src) or url_scheme(src) in ("about", "javascript", "data")


def lazy_picture(attrs: Sequence[tuple[str, str | None]]) -> tuple[str, str] | None:
    """``(attribute, address)`` of the picture an ``<img>`` copied from a page that loads pictures late meant,
    which browsers do not show: its ``attrs`` (as `html.parser` gives them) hold no src, or a stand-in
    (`is_stand_in_source`: the first src counts, as in browsers), and an address in an attribute of lazy loading
    (`lazy_source`) that src could hold (not refused by `url_refusal`, not a file on the computer); else None.
    The page leaves the picture out (`_lazy_stand_ins_dropped`), as the warning about it says."""
    src = next((value or "" for name, value in attrs if name == "src"), None)
    lazy = lazy_source(attrs) if src is None or is_stand_in_source(src) else None
    if lazy is None or url_refusal("img", "src", lazy[1]) or is_local_path(lazy[1]):
        return None
    return lazy


# An <img> start tag as typed: group "attributes" holds its attributes, a value in quotes read whole as browsers
# read it (a data: SVG in src may hold ">").
_TYPED_IMG_RE = compile_later(r"<img\b(?P<attributes>(?:=\s*(?:\"[^\"]*\"|'[^']*')|[^>])*)", re.IGNORECASE)
# An attribute of a start tag, after a space, a quote or "/" (src, not the "src" of data-src): group "name", its
# value in group "double", "single" or "bare" (none for a name alone).
_TYPED_ATTRIBUTE_RE = compile_later(r"(?<=[\s\"'/])(?P<name>[^\s\"'/>=]+)(?:\s*=\s*(?:\"(?P<double>[^\"]*)\"|"
                                    r"'(?P<single>[^']*)'|(?P<bare>[^\s>]+)))?")


@dataclass(frozen=True)
class TypedAttribute:
    """An attribute of an ``<img>`` typed in HTML (`typed_images`), with its place in the text it was read from."""

    name: str
    """Its name, lowered (``data-src``)."""
    value: str
    """Its value as typed, entities not decoded; "" for a name alone."""
    value_start: int
    """The index of its value in the text (of the end of its name for a name alone)."""
    span: tuple[int, int]
    """The indexes of the whole attribute, name to value, in the text."""


def typed_images(text: str) -> Iterator[tuple[TypedAttribute, ...]]:
    """The attributes of each ``<img>`` start tag typed in ``text`` (HTML, or Markdown with HTML in it), in order.

    Read as browsers read a start tag: a value in quotes is whole (spaces, ">"). Every attribute is given, in
    the order typed; of two with one name, browsers read the first. For the picture check (`sitegen.checks`) and for `_lazy_stand_ins_dropped`, so
    that what the check reads of an ``<img>`` is what the page shows."""
    for tag in _TYPED_IMG_RE.finditer(text):
        attributes: list[TypedAttribute] = []
        for found in _TYPED_ATTRIBUTE_RE.finditer(text, tag.start("attributes"), tag.end("attributes")):
            group = next((name for name in ("double", "single", "bare") if found.group(name) is not None), "name")
            value = "" if group == "name" else found.group(group)
            attributes.append(TypedAttribute(found.group("name").lower(), value, found.end(group) - len(value),
                                             found.span()))
        yield tuple(attributes)


def typed_lazy_picture(attributes: Sequence[TypedAttribute]) -> tuple[int, str, str] | None:
    """``(index, address, attribute)`` of `lazy_picture` for an ``<img>`` read by `typed_images`: the index of
    the address in the text read (of the first of a srcset's list), the address with entities decoded, and the
    attribute's name; None when the ``<img>`` has none."""
    lazy = lazy_picture([(typed.name, html.unescape(typed.value)) for typed in attributes])
    if lazy is None:
        return None
    typed = next(typed for typed in attributes if typed.name == lazy[0])
    skipped = _SRCSET_SEPARATORS if lazy[0] in LAZY_SOURCE_SETS else _SRCSET_SEPARATORS.rstrip(",")
    return typed.value_start + len(typed.value) - len(typed.value.lstrip(skipped)), lazy[1], lazy[0]


def _lazy_stand_ins_dropped(raw_html: str) -> str:
    """``raw_html`` without the src of each ``<img>`` that holds a stand-in there for an address of lazy loading
    (`lazy_picture`), so that the picture is left out (`_refused_pictures_as_text`), as its warning says
    (`_RemovalScanner._sourceless_picture`, `sitegen.checks.check_typed_pictures`): a blank GIF allowed as
    a data: picture would show nothing, and ``src="#"`` a broken picture."""
    if not _LAZY_NAME_RE.search(raw_html) or not _IMG_START_RE.search(raw_html):
        return raw_html  # most pages
    cuts = [typed.span for attributes in typed_images(raw_html) if typed_lazy_picture(attributes) is not None
            for typed in attributes if typed.name == "src"]
    for start, end in reversed(cuts):
        raw_html = raw_html[:start] + raw_html[end:]
    return raw_html


# What every attribute of `LAZY_SOURCES` and `LAZY_SOURCE_SETS` starts with: a text without it has none.
_LAZY_NAME_RE = compile_later(r"(?:data|lazy)-", re.IGNORECASE)
_IMG_START_RE = compile_later(r"<img", re.IGNORECASE)


# A picture as Python-Markdown writes ![说明](地址 "标题"): alt, then src, then title. One typed so in HTML is
# told in Markdown's form too, which mends it as well.
_MARKDOWN_PICTURE_RE = compile_later(r'<img alt="[^"]*" src="[^"]*"(?: title="[^"]*")?(?: /)?>\Z')


def _refused_picture_shown(raw: str) -> str:
    """What a message adds for a picture whose address is refused, from its start tag ``raw``: the description
    (alt text) the page shows in its place (`_refused_pictures_as_text`), or "" when it has none."""
    alt = " ".join(html.unescape(_raw_attribute_value(raw, "alt")).split())
    return f', and its description "{_clipped(alt, 30)}" is shown in its place' if alt else ""


def _dropped_attribute(tag: str, name: str, value: str) -> tuple[str, str]:
    """``(message, hint)`` for the attribute ``name="value"`` of a kept ``<tag>`` that the sanitizer removes
    (not in :data:`ALLOWED_ATTRIBUTES`): what the page then does without it, and to delete it."""
    typed = f'{name}="{_clipped(value, 30)}"' if value else name
    delete = f'delete {name}="…"' if value else f"delete {name}"
    if tag == "img" and name in ("srcset", "sizes"):
        return (f"{name} on <img> was removed, so the page shows the picture in src on every screen",
                f"{delete}; for a sharper picture, put a larger file in src (1600 pixels wide is plenty)")
    if tag == "a" and name == "target":
        return (f"{typed} on <a> was removed: the link opens in the same tab, and the reader comes back with the "
                "browser's Back button (返回)", delete)
    if name == "id" or (tag == "a" and name == "name"):  # <a name="s1">: the anchors of old HTML
        return (f"{typed} on <{tag}> was removed, so a link to #{_clipped(value, 30)} finds no place in the page",
                f"{delete}, and link to the heading above it instead: every heading gets an id made from its text")
    if name == "class":
        return f"{typed} on <{tag}> was removed: the site's theme gives every page its look", delete
    return f"{typed} on <{tag}> was removed (pages keep only the attributes they need)", delete


# A path on the editor's computer: C:\Users\… or D:/照片/… (Windows), or a file: address.
_LOCAL_PATH_RE = compile_later(r"^(?:[A-Za-z]:[\\/]|file:)", re.IGNORECASE)


def _clipped(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters (with "…"), to show where a mistake is; never for text to type."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def is_local_path(address: str) -> bool:
    """True for an address naming a file on the editor's computer: ``C:\\…``, ``D:/…`` or ``file:…``."""
    return bool(_LOCAL_PATH_RE.match(address))


def local_file_name(address: str) -> str:
    """The file name at the end of a path on the editor's computer (``C:\\照片\\a.png`` → ``a.png``)."""
    return re.split(r"[\\/]", address.rstrip("\\/"))[-1] or "a.png"


def _local_file_hint(tag: str, value: str) -> str:
    """What to do with a file on the editor's computer: copy it under content/ and give that path."""
    name = local_file_name(value)
    if tag == "img":
        return f"copy the file into content/images/ and write its path from there, e.g. images/{name}"
    return f"copy the file into content/files/ and link to it from the site's root, e.g. /files/{name}"


def _raw_attribute_match(start_tag: str, name: str) -> re.Match[str] | None:
    """Find an attribute with its value (in groups 1 to 3) as written in a raw start tag."""
    return re.search(rf"\b{re.escape(name)}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", start_tag, re.IGNORECASE)


def _raw_attribute_value(start_tag: str, name: str) -> str:
    """Return an attribute's value as written in a raw start tag ("" if not found)."""
    match = _raw_attribute_match(start_tag, name)
    if not match:
        return ""
    return next(group for group in match.groups() if group is not None)


def _raw_attribute(start_tag: str, name: str) -> str:
    """Return an attribute as written in a raw start tag, name and value (``style="color:red"``), else its name."""
    match = _raw_attribute_match(start_tag, name)
    return _clipped(match.group(), 60) if match else name


# --------------------------------------------------------------------------
# Plain text and headings from sanitized HTML
# --------------------------------------------------------------------------

_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr",
    "blockquote", "pre", "hr", "dl", "dt", "dd", "figure", "figcaption",
    "caption", "h1", "h2", "h3", "h4", "h5", "h6",
})
_SKIPPED = frozenset({("a", "footnote-ref"), ("a", "footnote-backref"), ("h2", "footnotes-heading")})
"""Elements (tag, class) sitegen adds to a text, whose words are no part of it: footnote marks, the notes' heading."""
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks whose text a summary leaves out (see RenderedMarkdown.lead).
_NOT_LEAD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "figure"})


_HTML_SPACES_RE = compile_later(r"[ \t\r\n\f]+")
_BLOCK_BREAK_RE = compile_later(r"\n{2,}")
# A tag as nh3 writes it (see _TextCollector.feed_serialized): "/" for an end
# tag, the name, the attributes (double-quoted values; a ">" may stand in one).
_SERIALIZED_TAG_RE = compile_later(r'<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>')
_SERIALIZED_ATTRIBUTE_RE = compile_later(r' ([a-z][a-z0-9-]*)="([^"]*)"')


class _TextCollector(_LenientParser):
    """Collects the plain text and the headings of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.lead_chunks: list[str] = []
        self.headings: list[Heading] = []
        self.images: dict[str, None] = {}  # the src of each <img>, in order, each once
        self.links: dict[str, None] = {}  # the href of each <a>, in order, each once
        self._not_lead_depth = 0
        self._notes_depth = 0  # <div>s open inside the footnotes' <div class="footnote">: no running text
        self._skip_depth = 0
        self._skip_tag = ""  # the tag of the skipped element (`_SKIPPED`) the parser is in
        self._pre_depth = 0
        self._heading: tuple[int, str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self._skip_depth:
            self._skip_depth += tag == self._skip_tag
            return
        if (tag, values.get("class")) in _SKIPPED:
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag in _BLOCK_TAGS or tag == "br":
            self.chunks.append("\n")
            self.lead_chunks.append("\n" if tag == "br" else "\n\n")
        elif tag in ("td", "th"):
            self.chunks.append(" ")
        if tag in _NOT_LEAD_TAGS:
            self._not_lead_depth += 1
        if tag == "div" and (self._notes_depth or values.get("class") == "footnote"):
            self._notes_depth += 1
            self._not_lead_depth += self._notes_depth == 1
        if tag == "pre":
            self._pre_depth += 1
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = (int(tag[1]), values.get("id") or "", [])
        elif tag == "img" and (src := values.get("src")):
            self.images[src] = None
        elif tag == "a" and (href := values.get("href")):
            self.links[href] = None

    def handle_endtag(self, tag: str) -> None:
        if self._skip_depth:
            self._skip_depth -= tag == self._skip_tag
            return
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")
            self.lead_chunks.append("\n\n")
        if tag in _NOT_LEAD_TAGS and self._not_lead_depth:
            self._not_lead_depth -= 1
        if tag == "div" and self._notes_depth:
            self._notes_depth -= 1
            self._not_lead_depth -= self._not_lead_depth > 0 and not self._notes_depth
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if self._heading and tag == f"h{self._heading[0]}":
            level, anchor, parts = self._heading
            text = " ".join("".join(parts).split())
            if level >= 2 and anchor:
                self.headings.append(Heading(level, text, anchor))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if not self._pre_depth:
            data = _HTML_SPACES_RE.sub(" ", data)
        self.chunks.append(data)
        if not self._not_lead_depth:
            self.lead_chunks.append(data)
        if self._heading:
            self._heading[2].append(data)

    def feed_serialized(self, fragment: str) -> bool:
        """Collect from HTML as nh3 writes it, faster than ``feed``; False if it is not in that form.

        Takes nh3's output (html5ever's serializer: text with ``&``, ``<``,
        ``>`` and no-break spaces escaped, start tags with double-quoted
        attribute values, where ``"`` and ``&`` are escaped but a ``>`` may
        stand, end tags, no comments) and makes the calls HTMLParser's
        ``feed`` + ``close`` would make: one ``handle_data`` per run of text
        between tags, entities decoded with ``html.unescape`` (HTMLParser's
        own), tag and attribute names as written (lower case in this form).
        Returns False, having collected only part, when some of the
        fragment is not of that form or holds ``<script>``/``<style>``
        (where HTMLParser reads raw text): use a fresh collector then.
        """
        # split() gives: text, then per tag "/" or "", its name, its attributes, the text after it.
        parts = _SERIALIZED_TAG_RE.split(fragment)
        if "<" in "".join(parts[::4]):
            return False
        unescape, handle_data = html.unescape, self.handle_data
        if parts[0]:
            handle_data(unescape(parts[0]))
        for slash, tag, attributes, text in zip(parts[1::4], parts[2::4], parts[3::4], parts[4::4]):
            if not slash:
                if tag in self.CDATA_CONTENT_ELEMENTS:
                    return False
                self.handle_starttag(tag, [(name, unescape(value)) for name, value
                                           in _SERIALIZED_ATTRIBUTE_RE.findall(attributes)]
                                     if attributes else [])
            elif attributes:
                return False
            else:
                self.handle_endtag(tag)
            if text:
                handle_data(unescape(text))
        return True

    def text(self) -> str:
        """The collected text: one line per block or ``<br>``, no empty lines."""
        return _tidy_lines(_squeeze_spaces("".join(self.chunks)))

    def lead(self) -> str:
        """The running text (see `RenderedMarkdown.lead`): blocks by ``"\n\n"``, ``<br>`` by ``"\n"``."""
        blocks = map(_tidy_lines, _BLOCK_BREAK_RE.split(_squeeze_spaces("".join(self.lead_chunks))))
        return "\n\n".join(block for block in blocks if block)


def _squeeze_spaces(text: str) -> str:
    """Return ``text`` with every run of spaces made one space (``re.sub(" {2,}", " ", text)``, faster)."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _tidy_lines(text: str) -> str:
    """Return the lines of ``text`` stripped, the empty ones dropped, joined by ``"\n"``."""
    return "\n".join(filter(None, [line.strip() for line in text.split("\n")]))


def plain_text(fragment: str) -> str:
    """Return the plain text of an HTML fragment.

    Takes HTML (str); returns text with entities decoded, spaces collapsed,
    each block (paragraph, list item, heading, table row...) and each
    ``<br>`` on its own line (``"\\n"``), empty lines dropped, footnote
    markers (``footnote-ref``/``footnote-backref`` links) left out. Table
    cells on one row are separated by one space. Never raises.
    """
    return _collect_text(fragment, serialized=False).text()


def _collect_text(fragment: str, serialized: bool) -> _TextCollector:
    """Run a :class:`_TextCollector` over an HTML fragment and return it.

    ``serialized``: the fragment is nh3's output, so try
    `_TextCollector.feed_serialized` first (HTMLParser when it returns False).
    """
    if serialized:
        collector = _TextCollector()
        if collector.feed_serialized(fragment):
            return collector
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return collector


# --------------------------------------------------------------------------
# Source-level checks (headings)
# --------------------------------------------------------------------------

_ANY_UNDERLINE_RE = compile_later(r"^(?:=+|-+) *$", re.MULTILINE)


def _atx_headings(lines: list[str]) -> list[tuple[int, int]]:
    """``(line index, level)`` of the ``#`` headings outside fenced code (see `_source_headings`)."""
    return [(index, len(atx.group(1))) for index, line in outside_fences(lines) if (atx := _ATX_RE.match(line))]


def _source_headings(lines: list[str]) -> list[tuple[int, int]]:
    """Return ``(line index, level)`` of headings as Python-Markdown sees them.

    ATX headings are any line starting with 1-6 ``#`` (Python-Markdown needs
    no space after them: ``#话题#`` is an h1); setext headings are a text
    line underlined with ``===`` (level 1) or ``---`` (level 2), when that
    text line begins a block: after a blank line (one `open_blocks` puts
    before a list or table under text included), a heading or a rule. So
    ``- 甲`` then ``---`` is a heading "- 甲", and under the second line of
    a paragraph ``---`` is a rule. Fenced code skipped.
    """
    if not _ANY_UNDERLINE_RE.search("\n".join(lines)):
        return _atx_headings(lines)  # most texts: no line that could underline one
    paired = _opened_lines(lines)
    opened = [line for line, _ in paired]
    origin = [at for _, at in paired]  # the index in ``lines`` of each line of ``opened`` (-1: a line added)
    found: list[tuple[int, int]] = []
    fence = ""
    previous = ""
    previous_begins = False  # the previous line begins a block
    begins = True  # this line begins a block
    for index, line in enumerate(opened):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            previous, previous_begins, begins = "", False, True
            continue
        match = _FENCE_RE.match(line)
        atx = _ATX_RE.match(line)
        if match:
            fence = match.group(1)
        elif atx:
            found.append((origin[index], len(atx.group(1))))
        elif _SETEXT_RE.match(line) and previous.strip() and previous_begins and not _ATX_RE.match(previous) \
                and not _HR_RE.match(previous):
            found.append((origin[index - 1], 1 if line.startswith("=") else 2))
            previous, previous_begins, begins = "", False, True
            continue
        previous, previous_begins = ("", False) if match else (line, begins)
        begins = not line.strip() or bool(atx) or bool(_HR_RE.match(line))
    return found


# A link or picture as an input method may type it: ！ for !, 【】 or ［］ for [], （） for (), or a space
# between ] and (. Group "target" must look like an address (`_is_slip`: a "/", "." or ":" in it), so that
# ordinary Chinese punctuation such as 【通知】（二） is left alone; it keeps the pairs of parentheses it holds
# (http://www.qingpu.gov.cn/通知（2018）.pdf, …/wiki/A_(B)), taken whole and never given back (*+: no
# backtracking over them). A title may follow the address. After "[", the text runs to the first closing
# bracket a parenthesis follows, so that a caption's own 【】 is text (![图（一）：【茭白田】](images/photo2.png）);
# after 【 or ［, to the first closing bracket.
_TYPED_LINK_RE = compile_later(r"(?P<bang>[!！]?)(?P<open>[\[【［])(?P<text>(?<=\[)[^\]\n]*?|(?<!\[)[^\]】］\n]*)"
                            r"(?P<close>[\]】］])(?P<gap>[ \t]*)"
                            r"(?P<paren>[(（])[ \t]*(?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^)）\s])*+)"
                            r"(?P<title>[ \t]+(?:\"[^\"]*\"|“[^”]*”|'[^']*'))?[ \t]*(?P<end>[)）])")
# What a slip holds somewhere (a quick look before the line-by-line one), sign by sign of `_is_slip`:
# ！ before a bracket; a full-width opening bracket, then a closing one and a parenthesis (no other opening
# bracket between: the last one before the closing bracket is found, in linear time); a full-width closing
# bracket before a parenthesis; "]" before a full-width parenthesis or a space. A full-width closing
# parenthesis after "](" is looked for by `_slip_possible`.
_SLIP_SIGNS_RE = compile_later(r"！[\[【［]|[【［][^\]】］\n【［]*[\]】］][ \t]*[(（]|[】］][ \t]*[(（]|\][ \t]*（|\][ \t]+\(")
_HALF_WIDTH = str.maketrans("！【】［］（）“”", "![][]()\"\"")
_CODE_SPAN_RE = compile_later(r"(`+)[^`].*?\1")


def _slip_possible(source: str) -> bool:
    """False only when no line of ``source`` holds a link or picture `_is_slip` tells (so none is looked for).

    True when `_SLIP_SIGNS_RE` finds a sign, or a line has "](" and then a
    full-width closing parenthesis: ``![茭白田](images/photo2.png）``, whose
    slip is only its last sign, was never looked for, and so never told.
    (Read line by line, not by a regex, which would take quadratic time on
    a line of many "](" and no "）".)
    """
    if _SLIP_SIGNS_RE.search(source):
        return True
    at = source.find("](")
    while at >= 0:
        end = source.find("\n", at)
        if source.find("）", at, None if end < 0 else end) >= 0:
            return True
        at = -1 if end < 0 else source.find("](", end)
    return False


def _without_code_spans(line: str) -> str:
    """Return ``line`` with each code span (`` `…` ``) made spaces of its length: the page shows code as typed,
    so no slip is looked for inside it, and columns stay those of the line."""
    return _CODE_SPAN_RE.sub(lambda span: " " * len(span.group()), line)


def _is_slip(found: re.Match[str]) -> bool:
    """True when a `_TYPED_LINK_RE` match has a full-width sign or a space where Markdown wants neither, and
    an address ("/", "." or ":" in its target)."""
    signs = found.group("bang") + found.group("open") + found.group("close") + found.group("paren") \
        + found.group("end")
    target = found.group("target")
    return (not signs.isascii() or bool(found.group("gap"))) and ("/" in target or "." in target or ":" in target)


def _typed_link_mended(found: re.Match[str]) -> str:
    """The link or picture of a `_TYPED_LINK_RE` match as Markdown reads it: its signs in half width, nothing
    between ``]`` and ``(``, a title's quotes half-width; its text, address and title's words as typed (a
    caption's （一） or 【】 is the editor's, not a slip)."""
    title = found.group("title") or ""
    if title:
        words = title.lstrip(" \t")
        title = title[:len(title) - len(words)] + words[0].translate(_HALF_WIDTH) + words[1:-1] \
            + words[-1].translate(_HALF_WIDTH)
    return (found.group("bang").translate(_HALF_WIDTH) + "[" + found.group("text") + "](" + found.group("target")
            + title + ")")


def outside_fences(lines: Sequence[str], first: int = 0) -> Iterator[tuple[int, str]]:
    """The lines of a Markdown text outside fenced code blocks, as ``(number, line)``.

    Takes the lines and the number of the first (0: indexes; a file line
    gives file lines). A fence is 3 or more backticks or tildes after at
    most 3 spaces, closed by a fence of the same sign at least as long.
    """
    fence = ""
    for number, line in enumerate(lines, first):
        opening = _FENCE_RE.match(line)
        if opening and (not fence or opening.group(1).startswith(fence)):
            fence = "" if fence else opening.group(1)[0] * 3
            continue
        if not fence:
            yield number, line


class _LinkReader(inlinepatterns.LinkInlineProcessor):
    """Python-Markdown's own reading of a link's ``[text]`` and ``(address "title")`` (`typed_links`)."""

    def unescape(self, text: str) -> str:
        return text  # typed text holds none of the placeholders a conversion stashes


_LINK_READER = _LinkReader(inlinepatterns.LINK_RE)


@dataclass(frozen=True)
class TypedLink:
    """A link or picture in a line (or run of lines) of Markdown, as Python-Markdown reads it.

    Fields: ``start`` and ``end``, the indexes in the line of its first
    sign (the ``!`` of a picture, else ``[``) and just after its ``)``;
    ``picture``; ``text`` (between the brackets); ``address`` (the
    ``href`` or ``src`` Markdown makes, without ``<>``); ``address_start``,
    its index in the line; ``title`` (None: none read).
    """

    start: int
    end: int
    picture: bool
    text: str
    address: str
    address_start: int
    title: str | None


def typed_links(line: str, begin: int = 0, stop: int | None = None) -> Iterator[TypedLink]:
    """Every ``[text](address "title")`` and ``![text](path "title")`` of ``line``, as Python-Markdown reads them.

    Read by Python-Markdown's own code (nested brackets and parentheses,
    ``<…>`` addresses, a title only between matching half-width quotes),
    within ``line``: give a run of lines (`text_blocks`) to find a link
    Markdown closes on a later line of its paragraph. A link in another's
    text is given after it, read within that text as Markdown reads it.
    ``begin`` and ``stop``: the part of the line to read (indexes stay the
    line's).
    """
    data = line if stop is None else line[:stop]
    index = begin
    while (opening := data.find("[", index)) >= 0:
        index = opening + 1
        if data.find("](", opening) < 0:
            return  # no link can close after this bracket (a quick end for text with brackets, 【】 aside)
        if _escaped(data, opening):
            continue
        text, after, closed = _LINK_READER.getText(data, opening + 1)
        if not closed:
            continue
        address, title, end, handled = _LINK_READER.getLink(data, after)
        if not handled:
            continue
        picture = opening > begin and data[opening - 1] == "!" and not _escaped(data, opening - 1)
        found = data.find(address, after, end) if address else -1
        yield TypedLink(opening - picture, end, picture, text, address, found if found >= 0 else after + 1, title)
        yield from typed_links(line, opening + 1, after - 1)
        index = end


# A line that starts a block of its own, so a link cannot run on into it from the line before: a list item,
# a heading, a quote.
_OWN_BLOCK_RE = compile_later(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>)")


def text_blocks(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The runs of lines a link or picture may span, as ``(number of the first line, lines joined by "\\n")``.

    Takes ``(number, line)`` pairs (`outside_fences`). A run is lines with
    consecutive numbers and text, each but the first not starting a list
    item, heading or quote: Markdown reads ``![草莓](a.svg`` and ``"白鹤草莓")``
    on the next line as one picture. Map an index in a run back with
    `place_in_block`.
    """
    first, held, previous = 0, [], -2
    for number, line in numbered:
        if held and (number != previous + 1 or not line.strip() or _OWN_BLOCK_RE.match(line)):
            yield first, "\n".join(held)
            held = []
        if line.strip():
            first, held = (first, held + [line]) if held else (number, [line])
        previous = number
    if held:
        yield first, "\n".join(held)


def place_in_block(first: int, block: str, index: int) -> tuple[int, int]:
    """``(line number, 1-based column)`` of ``block[index]``, for a block from `text_blocks` starting at ``first``."""
    return first + block.count("\n", 0, index), index - block.rfind("\n", 0, index)


def _escaped(line: str, index: int) -> bool:
    """True when the sign at ``index`` follows an odd number of backslashes (Markdown shows it as typed)."""
    before = line[:index]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 1


# A title in quotes Markdown does not read as a title's (two half-width " or two '), so that the title becomes
# part of the address: "白鹤草莓”, “白鹤草莓”, '白鹤草莓’, "白鹤草莓 (an input method's closing quote, or none).
_TITLE_QUOTES = "\"'“”‘’"
_SWALLOWED_TITLE_RE = compile_later(f"(?P<path>.*?\\S)(?P<gap>\\s+)(?P<title>[{_TITLE_QUOTES}].*)", re.DOTALL)
_TITLE_SLIP_RE = compile_later(f"\\][(:][^)\\n]*?\\s[{_TITLE_QUOTES}]")  # a quick look: a quote after a space in (…)
# A link definition ([1]: images/a.svg "白鹤草莓”) with a title in quotes; Python-Markdown's own pattern says
# whether it reads it.
_DEFINITION_RE = compile_later(f"^ {{0,3}}\\[(?P<label>[^\\[\\]\\n]*)\\]:[ ]*(?P<target>\\S+)[ \\t]+"
                            f"(?P<title>[{_TITLE_QUOTES}].*?)[ \\t]*$")


def swallowed_title(address: str) -> tuple[str, str] | None:
    """``(path, typed title)`` when ``address`` (as Markdown read it) holds a title typed in quotes it did not
    read: ``images/a.svg "白鹤草莓”`` gives ``("images/a.svg", '"白鹤草莓”')``; else None."""
    found = _SWALLOWED_TITLE_RE.fullmatch(address)
    return (found.group("path"), found.group("title")) if found else None


def _title_fault(typed: str) -> tuple[str, str]:
    """What is wrong with a swallowed title ``typed`` (`swallowed_title`), in words, and its text to quote."""
    opening, closing = typed[0], typed[-1] if len(typed) > 1 and typed[-1] in _TITLE_QUOTES else ""
    if not closing and opening in typed[1:]:
        return f"has more text after its closing quote ({typed})", typed[1:].replace(opening, "", 1)
    if not closing:
        return f"has no closing quote ({opening}…)", typed[1:]
    if not opening.isascii() and not closing.isascii():
        return f"is in full-width quotes ({opening}…{closing}, 全角引号)", typed[1:-1]
    if opening == closing:
        return f"is followed by another ({typed})", typed[1:-1]  # Markdown read the second: '甲' "乙"
    return f"is in quotes that do not match ({opening}…{closing})", typed[1:-1]


def _title_quote_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a link's or picture's title in quotes Markdown does not read: ``![草莓](a.svg "白鹤草莓”)``.

    Markdown reads a title only between two half-width ``"`` or two
    ``'``; else the title is part of the address, so the picture is
    missing (its path names no file) and the link leads nowhere, unwarned
    by the check of picture files, which reads the path the editor meant.
    When a later ``"`` in the line closes it, the title runs on to it
    instead, hiding the text between (`_title_run_on`). Each is warned at
    its first sign with the whole link or picture to type. Fenced code and
    code spans are left alone; found while converting (cached).
    """
    if not _TITLE_SLIP_RE.search(source):
        return []
    problems = _definition_title_problems(lines, path, first_line)
    for first, block in text_blocks(outside_fences(lines)):
        shown = _without_code_spans(block)
        for read in typed_links(block):
            link = read if swallowed_title(read.address) else _title_run_on(block, read)
            if link is None or shown[link.start] != block[link.start]:
                continue  # read right, or inside a code span (shown as typed)
            meant, title = swallowed_title(link.address) or ("", "")
            fault, inner = _title_fault(title)
            inner += f" {link.title}" if link.title else ""  # the title Markdown did read, after the one it did not
            fixed = _one_line(f'{"!" if link.picture else ""}[{link.text}]({meant} "{inner}")')
            what = "picture" if link.picture else "link"
            if link is not read:
                result = f"reads the title on to a later quote and hides the text typed after the {what} in it"
            elif link.picture:
                result = "reads it as part of the picture's path, and the picture is missing"
            else:
                result = "reads it as part of the link's address, and the link leads nowhere"
            line, column = place_in_block(first_line + first, block, link.start)
            problems.append(Problem(
                path, line, column, "warning",
                f"the title of this {what} {fault}, so Markdown {result}: {_one_line(block[link.start:link.end])}",
                paste_hint('put the title between two half-width quotes (半角引号 "…")', fixed)))
    return problems


# Words typed after a web address and a space, with no quotes (``[原文](http://… 上海热线)``): Markdown reads no
# title without them, so the words become part of the address. A quick look first, then `_words_after_address`.
_WORDS_SLIP_RE = compile_later(r"\]\([ \t]*<?https?://[^)\s]*\s+[^)\s\"'“”‘’]", re.IGNORECASE)
_ADDRESS_AND_WORDS_RE = compile_later(r"(?P<address>https?://[^\s?#]+)(?P<gap>\s+)(?P<words>[^/\"'“”‘’].*)",
                                      re.IGNORECASE | re.DOTALL)
_FILE_ENDING_RE = compile_later(r"\.[A-Za-z0-9]{1,5}$")


def _words_after_address(address: str) -> tuple[str, str] | None:
    """``(web address, words)`` when ``address`` (a link's or picture's, as Markdown read it) is an http(s)
    address, a space and words with no "/" (``http://www.shcafe.org/a.html 上海热线``); else None.

    Words ending as a file name does (``…/files/my report.pdf``, ``…/shzxxw/ 120946.html``) are a file name
    with a space or an address broken where it was copied (`sitegen.webaddress.address_slip`), and an
    address with a query (``?wd=白鹤 大调研``) may hold spaces: neither is taken for words.
    """
    found = _ADDRESS_AND_WORDS_RE.fullmatch(address.strip())
    if found is None or _FILE_ENDING_RE.search(found.group("words").rstrip()) or any(
            sign in found.group("words") for sign in "/\""):
        return None
    return found.group("address"), " ".join(found.group("words").split())


def _untitled_words_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for words typed after a link's or picture's web address and a space, without quotes:
    ``[原文](http://www.shcafe.org/a.html 上海热线)``.

    Markdown reads a title only in half-width quotes; else the words are
    part of the address, so the link leads nowhere (the site it names has
    no such page), a picture is missing, and the words show nowhere on the
    page, unwarned, as the address is another site's. A path of this site
    so typed is told by the check of links and pictures
    (`sitegen.checks`). Each is warned at its first sign, with the link to
    type with the words as its title (shown when the pointer rests on it)
    or after it, on the page. Fenced code and code spans are left alone.
    """
    if not _WORDS_SLIP_RE.search(source):
        return []
    problems: list[Problem] = []
    for first, block in text_blocks(outside_fences(lines)):
        shown = _without_code_spans(block)
        for link in typed_links(block):
            split = None if link.title is not None else _words_after_address(link.address)
            if split is None or shown[link.start] != block[link.start]:
                continue
            address, words = split
            what, sign = ("picture", "!") if link.picture else ("link", "")
            result = "the picture is missing" if link.picture else "the link leads nowhere"
            line, column = place_in_block(first_line + first, block, link.start)
            typed = f"{sign}[{link.text}]({address}"
            problems.append(Problem(
                path, line, column, "warning",
                f'the words "{words}" after the address of this {what} have no quotes, so Markdown reads them as '
                f"part of the address: {result} and the words are not shown: "
                f"{_one_line(block[link.start:link.end])}",
                paste_hint('to make them its title (标题, shown when the pointer rests on it), put them between two '
                           'half-width quotes (半角引号 "…")', f'{_one_line(typed)} "{words}")',
                           f' before and after "{words}"')
                + ("" if link.picture else paste_hint("; to show them on the page, write them after the link",
                                                      f"{_one_line(typed)}) {words}", ' instead, after its ")"'))))
    return problems


def _one_line(text: str) -> str:
    """``text`` with each line break a space: a link typed over two lines, quoted or given to type on one."""
    return text.replace("\n", " ")


def _definition_title_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a link definition whose title is in quotes Markdown does not read (`_title_quote_problems`).

    ``[1]: images/a.svg "白鹤草莓”`` is then no definition: the page shows
    the line as typed, and ``![草莓][1]`` and ``[文字][1]`` as text.
    """
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _DEFINITION_RE.match(line)
        if found is None or ReferenceProcessor.RE.match(line) or not looks_like_address(
                found.group("target").lstrip("<").rstrip(">")):
            continue  # no definition, read as one, or text by design (`_AddressReferences`)
        fault, inner = _title_fault(found.group("title"))
        label = found.group("label")
        problems.append(Problem(
            path, first_line + index, found.start("label"), "warning",  # the column of its "[" (1-based)
            f"the title of this link definition (链接定义) {fault}, so Markdown does not read the line as one: the "
            f"page shows it as typed, and [{label}] in the text as text: {_clipped(line.strip())}",
            paste_hint('put the title between two half-width quotes (半角引号 "…")',
                       f'[{label}]: {found.group("target")} "{inner}"')))
    return problems


_QUOTE_THEN_PARENTHESIS_RE = compile_later(f"[{_TITLE_QUOTES}][ \t]*\\)")


def _title_run_on(line: str, read: TypedLink) -> TypedLink | None:
    """The link or picture as typed, when Markdown read its title on past the ``)`` that ended it; else None.

    ``![草莓](a.svg "白鹤草莓”)，见"说明")`` is read with the title
    ``白鹤草莓”)，见"说明``: the picture shows, but "，见说明" is hidden in
    its title. Given is the link read up to the first ``)`` after a quote,
    when its title is swallowed there (`swallowed_title`).
    """
    if not read.title:
        return None
    for end in _QUOTE_THEN_PARENTHESIS_RE.finditer(line, read.address_start, read.end - 1):
        typed = next(typed_links(line, read.start, end.end()), None)
        if typed is not None and typed.start == read.start and swallowed_title(typed.address):
            return typed
    return None


def places_typed(lines: Iterable[tuple[int, str]], text: str) -> Iterator[tuple[int, int, str]]:
    """Each place ``text`` stands in numbered lines (`outside_fences`, or ``enumerate`` of a body's lines):
    ``(line number, column from 1, what stands before it on its line, the spaces after that set aside)``.

    The callers tell an address typed as one (after ``(`` or ``]:``) from the same words elsewhere.
    """
    for number, line in lines:
        found = line.find(text)
        while found >= 0:
            yield number, found + 1, line[:found].rstrip(" ")
            found = line.find(text, found + 1)

# A link's or picture's address, as Python-Markdown writes it: it always writes one space before an
# attribute and quotes with '"' (a literal start: the search skips to it). A picture has a src, not an href.
_HREF_RE = compile_later(r' href="([^"]*)"')
_SRC_RE = compile_later(r'<img [^>]*?src="([^"]*)"')


def _address_slip_problems(raw_html: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for web addresses of links and pictures typed with full-width signs or copied with a 。.

    Takes the HTML as Python-Markdown made it (before sanitizing: an
    address Python cannot split, such as a full-width slash in the host,
    is dropped there, leaving a link to nowhere or a picture without a
    file) and the body's lines. Each address that `address_slip` names is
    a warning at the place it is typed (the first not yet named), with the
    address meant. Only http(s) addresses are looked at.
    """
    problems: list[Problem] = []
    start: dict[int, int] = {}  # per line, where the next search starts: one address typed twice is two places
    found = sorted([(match.start(), "link", match.group(1)) for match in _HREF_RE.finditer(raw_html)]
                   + [(match.start(), "picture", match.group(1)) for match in _SRC_RE.finditer(raw_html)])
    for _, what, typed in found:
        if typed.isascii() and " " not in typed:  # an input method's slips are full-width signs or 。; a copy's, spaces
            continue
        address = html.unescape(typed)
        if swallowed_title(address) is not None or _words_after_address(address) is not None:
            continue  # a title Markdown did not read: `_title_quote_problems`, `_untitled_words_problems` name it
        slip = address_slip(address) if half_width_address(address)[:8].lower().startswith(
            ("http://", "https://")) else None
        if slip is None:
            continue
        where = next(((index, column) for index, line in enumerate(lines)
                      if (column := line.find(address, start.get(index, 0))) >= 0), None)
        if where is None:
            continue
        index, column = where
        start[index] = column + len(address)
        problems.append(Problem(path, first_line + index, column + 1, "warning",
                                f'this {what}\'s address "{address}" {slip.message}', slip.hint))
    return problems


# A web address typed as text with an input method's full-width signs (http：//…, ｈｔｔｐ://…, http：／／…,
# www．shcafe．org): the scheme in either width, its colon and slashes, then what an address holds in either
# width (`sitegen.webaddress.half_width_address`). Not after a letter or digit of either width.
_WIDE_BARE_ADDRESS_RE = compile_later(
    r"(?<![A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])[HhＨｈ][TtＴｔ]{2}[PpＰｐ][SsＳｓ]?[:：][/／]{2}"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A．／：？＝＆＃－]*")
# What stands before an address that is a link's (](…, ]（…, ](<…), an attribute's (href="…) or a link's text
# ([…): those are told by `_typed_link_problems` and `_address_slip_problems`.
_NOT_TEXT_BEFORE = ("](", "]（", "](<", "=", '="', "='", "[")


def _wide_bare_address_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for web addresses typed as text with full-width signs (``详见 http：//www.shcafe.org/…``).

    A bare address typed in half width is a link (:class:`_BareAddressProcessor`); one typed with an input
    method's full-width colon, slashes, dots or letters (`_WIDE_BARE_ADDRESS_RE`) is shown as text (or linked
    only up to its first full-width sign), untold. Each is warned at its first character, when the page shows
    it, with the half-width address to type, in the words of the same slip in a link's address
    (`sitegen.webaddress.address_slip`). Not in fenced code or code spans, nor in a link's address, text or
    definition, or an attribute (`_NOT_TEXT_BEFORE`). Takes the body's lines and the page's HTML.
    """
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if not any(sign in line for sign in "：／ｈＨ．"):
            continue
        for found in _WIDE_BARE_ADDRESS_RE.finditer(_without_code_spans(line)):
            meant = bare_address_end(half_width_address(found.group()))
            typed = found.group()[:len(meant)]  # half_width_address changes one character for one
            slip = address_slip(typed) if not typed.isascii() else None
            prefix = re.match(BARE_ADDRESS_RE, typed)  # linked up to its first full-width sign (a／b.html)
            linked = bare_address_end(prefix.group()) if prefix else ""
            if slip is None or not slip.full_width or re.fullmatch(BARE_ADDRESS_RE, slip.meant) is None \
                    or line[:found.start()].rstrip(" ").endswith(_NOT_TEXT_BEFORE) \
                    or html.escape(typed[len(linked):], quote=False) not in clean_html:
                continue
            shown = f'the page links only "{linked}"' if linked else "the page shows it as text, not a link"
            problems.append(Problem(path, first_line + index, found.start() + 1, "warning",
                                    f'the web address "{typed}" {slip.message}: {shown}', slip.hint))
    return problems


def _typed_link_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for links and pictures typed with full-width signs, which Markdown shows as plain text.

    Markdown knows ``[文字](address)`` and ``![说明](path)`` only in half
    width (半角) and with nothing between ``]`` and ``(``. A Chinese input
    method types ``！``, ``【】``, ``［］`` and ``（）``: the page then shows
    the brackets and the address as text, and a picture is missing, for one
    such sign as for all (``![茭白田](images/photo2.png）``). Each
    warning is at its line and column, with the text to type; fenced code
    and code spans are left alone. (Found while converting, so the Markdown
    cache keeps them: a rebuild does not look again.)
    """
    if not _slip_possible(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        text = _without_code_spans(line)
        for found in _TYPED_LINK_RE.finditer(text):
            if not _is_slip(found):
                continue  # typed right (or only its text holds full-width signs)
            what = "picture" if found.group("bang") else "link"
            fixed = _typed_link_mended(found)
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f"this {what} is typed with full-width signs or a space (全角符号), which Markdown does not "
                f"read as a {what}: {found.group(0)}",
                f"type it in half width (半角), with nothing between ] and (: {fixed}"))
    return problems


# A link or picture with one of its signs missing, which Markdown then shows as typed, brackets, address and all:
# no ")" after the address ([路灯案例](/cases/x/。, ![村道路灯](images/a.png at the line's end, or before words
# after a space), no "]" after the text ([路灯案例(/cases/x/)), no "(" before the address ([路灯案例]/cases/x/)) or
# no "[" before the text (路灯案例](/cases/x/)). What stands for the address must look like one
# (`_LINK_TARGET_RE`), so that square brackets of Chinese text ([1], [注], 【一】) are left alone; a "[" right
# after a letter or digit (a[i], x[1](…)) is code or a formula's, not a link's. An address ends at a space or at
# a mark a sentence goes on with (`_SENTENCE_MARKS`), which no address holds, its own pairs of parentheses kept
# whole (…/通知（2018）.pdf); a title in half-width quotes may follow it. A link with a full-width bracket (【原文],
# [原文】) is `_typed_link_problems`'.
_SENTENCE_MARKS = "。，、；：！？…“”‘’《》「」『』"
_LINK_START = r"(?:(?P<bang>!)|(?<![A-Za-z0-9_!\\]))\["
_UNCLOSED_ADDRESS_RE = compile_later(
    _LINK_START + r"(?P<text>[^\[\]\n]*)\]\((?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^\s()（）\[\]"
    + _SENTENCE_MARKS + r"])++)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?(?=[\s" + _SENTENCE_MARKS + r"]|\Z)")
# The same with a full-width sign or a space among its signs too (详见[路灯案例】(/cases/x/, 【原文】（http://a.org/x.html，
# ！[图](a.png): `_TYPED_LINK_RE` reads a slip only up to its ")", and this one has none. Its text as there (a
# caption's own 【】 kept after "["), with no other opening bracket in it: each is read up to the next one.
_WIDE_UNCLOSED_ADDRESS_RE = compile_later(
    r"(?P<bang>(?<![A-Za-z0-9_!！\\])|[!！])(?P<open>[\[【［])(?P<text>(?<=\[)[^\[\]\n]*?|(?<!\[)[^\[\]【】［］\n]*)(?P<close>[\]】］])"
    r"(?P<gap>[ \t]*)(?P<paren>[(（])(?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^\s()（）\[\]"
    + _SENTENCE_MARKS + r"])++)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|“[^”\n]*”))?(?=[\s" + _SENTENCE_MARKS + r"]|\Z)")
_UNCLOSED_TEXT_RE = compile_later(_LINK_START + r"(?P<text>[^\[\]()（）】］\n]+)\((?P<target>[^\s()（）\[\]]+)\)")
_UNOPENED_ADDRESS_RE = compile_later(
    _LINK_START + r"(?P<text>[^\[\]^\n][^\[\]\n]*)\](?P<target>[^\s()（）\[\]:：][^\s()（）\[\]]*)\)")
_UNOPENED_TEXT_RE = compile_later(r"(?<=[^\s\[\]])\]\((?P<target>[^\s()（）\[\]]+)\)")
_LINK_TARGET_RE = compile_later(r"(?:[A-Za-z][A-Za-z0-9+.-]*:|\.{0,2}/|#[^\W_]|www\.)|.*/"
                                r"|.*\.[A-Za-z][A-Za-z0-9]{0,4}$")
_PICTURE_ENDING_RE = compile_later(r"\.(?:png|jpe?g|gif|webp|svg|bmp)$", re.IGNORECASE)
_TARGET_END_RE = compile_later(r"(?:/|\.[A-Za-z][A-Za-z0-9]{0,4})$")
_WORDS_BACK = 30
_WORDS_AFTER = " \t\u3000()（）" + _SENTENCE_MARKS
"""How far back from a "]" no "[" opened, and after which signs, a message shows the words a link's text may be."""


@dataclass(frozen=True)
class _BrokenLink:
    """A link or picture missing one sign (`_broken_links`): where it starts in its block of lines, what is
    typed, the sign missing, where it goes (words of the hint), the link to type ("" when it cannot be told), and
    ``wide``: whether it is typed with a full-width sign or a space between "]" and "(" as well."""

    start: int
    typed: str
    picture: bool
    sign: str
    place: str
    fixed: str
    wide: bool = False


def _looks_like_target(target: str) -> bool:
    """True when ``target``, typed where a link's address goes, is shaped as one (`_LINK_TARGET_RE`) and holds
    no full-width punctuation (an address never does) but pairs of parentheses (…/通知（2018）.pdf)."""
    return _LINK_TARGET_RE.match(target) is not None \
        and not FULL_WIDTH_PUNCTUATION.search(target.replace("（", "").replace("）", ""))


def _unpaired_brackets(block: str) -> tuple[frozenset[int], frozenset[int]]:
    """The indexes of the "[" of ``block`` no later "]" closes, and of the "]" that close no "[" before them,
    nested as Python-Markdown pairs them (`typed_links`), escaped ones set aside: read in one pass."""
    opened: list[int] = []
    stray: set[int] = set()
    escaped = False
    for index, char in enumerate(block):
        if char == "[" and not escaped:
            opened.append(index)
        elif char == "]" and not escaped:
            if opened:
                opened.pop()
            else:
                stray.add(index)
        escaped = char == "\\" and not escaped
    return frozenset(opened), frozenset(stray)


def _read_as_link(block: str, start: int, after: int) -> bool:
    """True when Python-Markdown reads the link or picture starting at ``block[start]`` (its "!" or "[") as one,
    its address typed up to ``after``: read up to the next "[" on its line, or else to the end of the next line,
    as far as a title typed over two lines goes (so that a long paragraph is not read again for each link)."""
    opening = start + (block[start] == "!")
    line_end = block.find("\n", after)
    bracket = block.find("[", after, None if line_end < 0 else line_end)
    stop = bracket if bracket >= 0 else block.find("\n", line_end + 1) if line_end >= 0 else -1
    data = block if stop < 0 else block[:stop]
    _, address_at, closed = _LINK_READER.getText(data, opening + 1)
    return closed and _LINK_READER.getLink(data, address_at)[3]


def _read_links(block: str) -> list[tuple[int, int]]:
    """The spans ``(start, end)`` of ``block`` that Python-Markdown reads as links or pictures (from their "["
    to the end of their address): a sign typed inside one (``[图](](a.png))``, whose address is ``](a.png)``)
    misses nothing. Read only for a block where a broken link was found."""
    spans: list[tuple[int, int]] = []
    opened, _ = _unpaired_brackets(block)
    start = block.find("[")
    while start >= 0:
        if start not in opened and not (start and block[start - 1] == "\\"):
            _, address_at, closed = _LINK_READER.getText(block, start + 1)
            if closed:
                end, handled = _LINK_READER.getLink(block, address_at)[2:]
                if handled:
                    spans.append((start, end))
        start = block.find("[", start + 1)
    return spans


def _broken_links(block: str) -> Iterator[_BrokenLink]:
    """The links and pictures of ``block`` (lines of a paragraph, code spans blanked: `text_blocks`) that miss
    one of their signs, as `_BrokenLink`; none that Python-Markdown reads as a link (`_read_as_link`, and a
    "[" a "]" closes, `_unpaired_brackets`, is no text missing its "]"), nor one inside the address of a link
    it reads (`_read_links`)."""
    spans: list[tuple[int, int]] | None = None
    for broken in _signs_missing(block):
        spans = _read_links(block) if spans is None else spans
        if not any(start < broken.start + len(broken.typed) and broken.start < end and
                   not (start == broken.start + (broken.typed[:1] == "!")) for start, end in spans):
            yield broken


def _signs_missing(block: str) -> Iterator[_BrokenLink]:
    """The candidates of `_broken_links`: each of its four patterns' matches, before links read are set aside."""
    for found in _UNCLOSED_ADDRESS_RE.finditer(block):
        line_end = block.find("\n", found.end())
        rest = block[found.end():line_end if line_end >= 0 else len(block)]
        target, rest = found.group("target"), rest[:rest.find("[")] if "[" in rest else rest
        if _looks_like_target(target) and ")" not in rest and "）" not in rest and block[found.start() - 1:
                                                                                        found.start()] != "！" \
                and not _read_as_link(block, found.start(), found.end()):  # ！[图](a.png: `_wide_unclosed`'s
            sure = target.isascii() or _TARGET_END_RE.search(target) is not None
            yield _BrokenLink(found.start(), found.group(), bool(found.group("bang")), ")", "right after the address",
                              found.group() + ")" if sure else "")
    yield from _wide_unclosed(block)
    unpaired: tuple[frozenset[int], frozenset[int]] | None = None
    for found in _UNCLOSED_TEXT_RE.finditer(block):
        unpaired = _unpaired_brackets(block) if unpaired is None else unpaired
        if _looks_like_target(found.group("target")) and found.start("text") - 1 in unpaired[0]:
            typed = found.group()
            yield _BrokenLink(found.start(), typed, bool(found.group("bang")), "]", 'right after the text, before "("',
                              typed[:found.start("target") - 1 - found.start()] + "](" + found.group("target") + ")")
    for found in _UNOPENED_ADDRESS_RE.finditer(block):
        line_start = block.rfind("\n", 0, found.start()) + 1
        before = block[line_start:found.start()]
        if _looks_like_target(found.group("target")) and before.count("(") <= before.count(")"):
            typed = found.group()
            yield _BrokenLink(found.start(), typed, bool(found.group("bang")), "(", 'right after "]"',
                              typed[:found.start("target") - found.start()] + "(" + typed[found.start("target")
                                                                                         - found.start():])
    for found in _UNOPENED_TEXT_RE.finditer(block):
        target = found.group("target")
        unpaired = _unpaired_brackets(block) if unpaired is None else unpaired
        broken = _unopened_text(block, found) if found.start() in unpaired[1] and _looks_like_target(target) else None
        if broken is not None:
            yield broken


def _wide_unclosed(block: str) -> Iterator[_BrokenLink]:
    """The links and pictures of ``block`` typed with a full-width sign or a space where Markdown wants neither
    and no ")" after the address either (`_WIDE_UNCLOSED_ADDRESS_RE`: 详见[路灯案例】(/cases/x/。), as `_BrokenLink`
    marked ``wide``, the link to type in half width; none that `_TYPED_LINK_RE` reads with a ")" or "）" after the
    address (`_typed_link_problems` tells of those)."""
    if not _SLIP_SIGNS_RE.search(block):
        return  # most blocks: no full-width sign of a link, nor a space after "]"
    slips: list[tuple[int, int]] | None = None
    for found in _WIDE_UNCLOSED_ADDRESS_RE.finditer(block):
        signs = found.group("bang") + found.group("open") + found.group("close") + found.group("paren")
        target = found.group("target")
        if signs.isascii() and not found.group("gap") or not _looks_like_target(target):
            continue  # typed in half width: `_UNCLOSED_ADDRESS_RE`'s
        slips = [found.span() for found in _TYPED_LINK_RE.finditer(block) if _is_slip(found)] \
            if slips is None else slips
        if any(start < found.end() and found.start() < end for start, end in slips):
            continue
        sure = target.isascii() or _TARGET_END_RE.search(target) is not None
        yield _BrokenLink(found.start(), found.group(), bool(found.group("bang")), ")", "right after the address",
                          _typed_link_mended(found) if sure else "", wide=True)


def _unopened_text(block: str, found: re.Match[str]) -> _BrokenLink | None:
    """The `_BrokenLink` of a `_UNOPENED_TEXT_RE` match, a "](address)" no "[" opened: shown with the words
    before it on its line, up to a space or a sentence's mark (`_WORDS_AFTER`) and at most `_WORDS_BACK`
    characters; the link to type only when a picture's "!" tells where its text begins (如图!村道路灯](…)).
    None when a full-width bracket opens it (【原文](…): `_typed_link_problems` tells of that)."""
    target = found.group("target")
    before = block[max(block.rfind("\n", 0, found.start()) + 1, found.start() - _WORDS_BACK):found.start()]
    words = before[max(before.rfind(mark) for mark in _WORDS_AFTER) + 1:]
    if "【" in words or "［" in words:
        return None
    bang = words.rfind("!")
    picture = bang >= 0 or _PICTURE_ENDING_RE.search(target) is not None
    fixed = words[:bang + 1] + "[" + words[bang + 1:] + found.group() if bang >= 0 and words[bang + 1:] else ""
    example = "" if fixed else f", as in {'![说明' if picture else '[文字'}]({target})"
    return _BrokenLink(found.start() - len(words), words + found.group(), picture,
                       "![" if picture and bang < 0 else "[", "right before its text" + example, fixed)


def _broken_link_problems(source: str, lines: list[str], path: str, first_line: int,
                          shown: str) -> list[Problem]:
    """Warnings for links and pictures typed with a bracket or parenthesis missing (`_broken_links`), which
    Markdown shows as plain text: ``详见[路灯案例](/cases/x/。``, ``![村道路灯](images/a.png``,
    ``[路灯案例(/cases/x/)``, ``[路灯案例]/cases/x/)``, ``路灯案例](/cases/x/)``.

    Takes the body, its lines, the file's path, the file line of the
    body's first line and the page's text as shown (`_TextCollector`).
    Each is warned at its first sign (or, missing its "[", at the words
    before "]"), with the link to type where it can be told: the ")" goes
    right after the address, before the sentence's mark (。) or a space, or
    at the line's end. Fenced code, code spans and links Markdown reads
    (across a paragraph's lines too) are left alone, and so is anything the
    page does not show as typed: a warning quotes what readers see. A link
    typed with a full-width sign as well (``详见[路灯案例】(/cases/x/``) gets
    one warning for both, with the link to type in half width.
    """
    if "[" not in source and "](" not in source and not _SLIP_SIGNS_RE.search(source):
        return []
    problems: list[Problem] = []
    for first, block in text_blocks((number, _without_code_spans(line)) for number, line in outside_fences(lines)):
        if "(" not in block and ")" not in block and "（" not in block:
            continue
        for broken in sorted(_broken_links(block), key=lambda broken: broken.start):
            what = "picture" if broken.picture else "link"
            line, column = place_in_block(first_line + first, block, broken.start)
            as_typed = lines[line - first_line][column - 1:column - 1 + len(broken.typed)] \
                if 0 <= line - first_line < len(lines) else ""
            if as_typed != broken.typed or broken.typed not in shown:
                # A code span in it ([`!`](a.png), blanked to be read), or a link Markdown reads in a way the
                # look above cannot ([图]("题"[图](a.png): what the message would quote is not on the page.
                continue
            how = f'type "{broken.sign}" {broken.place}'
            slips = f'has no "{broken.sign}" (缺少括号)'
            if broken.wide:
                how = f"type it in half width (半角), with nothing between ] and (, and {how}"
                slips = f"is typed with full-width signs or a space (全角符号) and {slips}"
            problems.append(Problem(
                path, line, column, "warning",
                f"this {what} {slips}, so Markdown does not read it as a {what}: the page shows it as typed: "
                f"{broken.typed}",
                f"{how}: {broken.fixed}" if broken.fixed else how))
    return problems


# A line that would start a heading, list item or quote, were it not indented: by spaces (four or more, or
# fewer after a paragraph line), a tab or full-width spaces (U+3000, Word's first-line indent in Chinese).
# "1)" is left out: Python-Markdown reads no list item from it, indented or not, so no indent is to blame.
_INDENTED_MARKER_RE = compile_later(r"^(?P<indent>[ \t\u3000]+)(?P<marker>#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])"
                                 r"|\d{1,9}\.(?=[ \t])|>)", re.MULTILINE)
_MARKER_KINDS = (("#", "heading (标题)"), (">", "quote (引用)"), ("", "list item (列表)"))
_INLINE_SIGNS_RE = compile_later(r"[*_`\[\]<>&!\\]")


def _indented_marker_problems(source: str, lines: list[str], clean_html: str, path: str,
                              first_line: int) -> list[Problem]:
    """Warnings for headings, list items and quotes that their indent turned into plain text.

    A line such as ``    ## 标题`` or ``　　- 项目`` (pasted with Word's
    indent, or typed after full-width spaces) is not a heading or list item
    to Markdown: the page shows ``##`` or ``-`` as text. Each such line is
    warned at column 1 when the converted HTML shows its marker as typed
    (so an indented item of a nested list, which Markdown reads as one, is
    not). A list item's line right under an item of a list
    (`_under_list_item`) is told as the sub-item it was meant to be
    (`_text_sub_item_problem`): deleting its indent would keep it text.
    Fenced code is left alone. Found while converting: the Markdown cache
    keeps the warnings.
    """
    if not _INDENTED_MARKER_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _INDENTED_MARKER_RE.match(line)
        if not found:
            continue
        typed = line[found.end("indent"):].rstrip()
        if not _shown_as_typed(typed, clean_html) or _is_year_item(typed):
            continue  # Markdown read it (an item of a nested list, say), or a year shown as typed, as meant
        marker = found.group("marker")
        kind = next(name for sign, name in _MARKER_KINDS if marker.startswith(sign))
        indent = found.group("indent")
        if kind == _MARKER_KINDS[-1][1] and _under_list_item(lines, index):
            problems.append(_text_sub_item_problem(indent, marker, typed, path, first_line + index))
            continue
        spaces, chinese = _indent_names(indent)
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f"this line starts with {'a ' if spaces == 'tab' else ''}{spaces} ({chinese}), so Markdown does not read it as a {kind}; "
            f'the page shows "{marker}" as text: {_clipped(typed)}',
            f'delete the {spaces} before "{marker}" (删去行首的{chinese}): a {kind.split(" (")[0]} starts '
            "at the beginning of its line"))
    return problems


def _shown_as_typed(typed: str, clean_html: str) -> bool:
    """True when the page's HTML ``clean_html`` shows ``typed`` (a line from its marker on: ``- 子项``,
    ``## 标题``) as text, marker and all: Markdown read no list item, heading or quote from it.

    Compared up to the first sign that inline Markdown may change (``*``,
    a link's ``[``...), which the page does not show as typed; a marker's
    own first character (the ``*`` of ``* 子项``, ``>``) is not such a sign.
    Such a line starts a line of the HTML or follows a tag (``<p>``,
    ``<br>``): so ``- **子项**``, compared as ``- ``, is not taken as shown
    by a ``价格 - **很**低`` elsewhere.
    """
    cut = _INLINE_SIGNS_RE.search(typed, 1)
    shown = html.escape(typed[:cut.start() if cut else None], quote=False)
    return shown in clean_html and re.search(
        f"(?:^|>)[ \\t\\u3000]*{re.escape(shown)}", clean_html, re.MULTILINE) is not None


def _under_list_item(lines: Sequence[str], index: int) -> bool:
    """True when the line at ``index`` of ``lines`` goes on an item of a list, to Python-Markdown.

    It does when the lines right above it, with no blank line between and
    none that starts a block of its own (a heading, a quote, HTML, a line
    indented by 4 spaces or a tab, a fence), lead up to a list item at most
    3 spaces in (`_LIST_ITEM_RE`). A line there that Markdown reads as no
    item of that list is more of the item's text (a "lazy" line, in
    Python-Markdown's list processor).
    """
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if _LIST_ITEM_RE.match(line) and not _HR_RE.match(line):
            return True
        if not line.strip() or _not_paragraph(line) or _FENCE_RE.match(line):
            return False
    return False


def _indent_names(indent: str) -> tuple[str, str]:
    """Return the English and Chinese names of what ``indent`` (the start of a line) is typed with:
    full-width spaces, a tab, or spaces."""
    if "\u3000" in indent:
        return "full-width spaces", "全角空格"
    return ("tab", "制表符") if "\t" in indent else ("spaces", "空格")


def _text_sub_item_problem(indent: str, marker: str, typed: str, path: str, line: int) -> Problem:
    """Return the warning for a list item's line right under an item of a list, which the page shows as text.

    Takes the line's indent, its marker (``-``, ``1.``), the line from the
    marker on, the file's path and the file line. Under ``1. 第一项``, the
    line ``   - 子项`` is indented too little for a sub-item
    (Python-Markdown nests from 4 spaces, its tab length) and its ``-``
    does not go on a numbered list (the ``sane_lists`` extension), so the
    page shows it as more of the item's text; so is ``1.`` under ``-``.
    Deleting the indent would keep it text: 4 spaces make it the sub-item
    (下一级) meant.
    """
    if indent.strip(" "):
        spaces, chinese = _indent_names(indent)
        what = f"{'a ' if spaces == 'tab' else ''}{spaces} ({chinese})"
        fix = f"4 ordinary spaces (半角空格) instead of the {spaces}"
    else:
        what, fix = _spaces(len(indent)), "4 spaces"
    return Problem(
        path, line, 1, "warning",
        f"this line is indented by {what}, so Markdown does not read it as a sub-item (下一级) but as more text "
        f'of the item above; the page shows "{marker}" as text: {_clipped(typed)}',
        f"to make it a sub-item (下一级), indent it by {fix}")


# A list item's line at most 3 spaces in, and the line under it at the left margin: a lazy line, maybe.
_ITEM_THEN_MARGIN_RE = compile_later(r"^ {0,3}(?:[-*+]|\d{1,9}\.)[ \t]+\S[^\n]*\n(?:[ \t\u3000]+\S[^\n]*\n)*"
                                     r"(?![ \t\u3000\n#>])", re.MULTILINE)
# A line that is a note's text ([^1]: …) or a link definition ([1]: …): Python-Markdown takes it out of the item.
_NOTE_OR_DEFINITION_RE = compile_later(r"^ {0,3}\[[^\]]+\]:")


def _lazy_line_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a text line that opens a list or table (``主要有：``) typed right under a list item.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. ``- 第二点``, then ``主要有：`` and ``- 甲`` on the
    next lines, with no blank line between, is one list to Markdown: the
    page shows ``主要有：`` as a second line of the item 第二点 ("lazy"
    lines) and 甲 as one more item of the same list, not as a paragraph and
    the new list it opens; over a table (which `open_blocks` takes out of
    the item) the line stays the item's. Told when a run of such lines ends
    with a colon (：or :) and a list item or table follows it, at the run's
    first line; a run without that is taken as the item's own line (a line
    break typed in the item, as Word's Shift+Enter gives,
    `_control_problems`). A blank line above it makes it a paragraph (the
    list under it is then a new list); indenting the run, and the list
    under it by 4 spaces, keeps both in the item, as Markdown means.
    Lines that start a block of their own (headings, quotes, HTML, rules,
    tables, notes) are not taken. Fenced code is left alone.
    """
    if not _ITEM_THEN_MARGIN_RE.search(source):
        return []
    problems: list[Problem] = []
    inside = dict(outside_fences(lines))
    index = 1
    while index < len(lines):
        run = 0
        while _taken_by_item(lines, index + run, inside) and (run or _LIST_ITEM_RE.match(lines[index - 1])
                                                               or lines[index - 1][:1] in (" ", "\t")):
            run += 1
        below = index + run
        opened = _block_start(lines[below].rstrip(" \t"), lines[below + 1] if below + 1 < len(lines) else "") \
            if run and below < len(lines) else ""
        if opened and lines[below - 1].rstrip(" \t").endswith(("：", ":")) and index - 1 in inside \
                and _under_list_item(lines, index):
            if opened == "list" and _item_kind(lines[below]) != _item_kind(_item_above(lines, index, 3)):
                opened = "other list"  # `open_blocks` ends the list above it: the line alone is the item's
            problems.append(_lazy_line_problem(lines, index, run, opened, path, first_line))
        index += run or 1
    return problems


def _taken_by_item(lines: list[str], index: int, inside: Mapping[int, str]) -> bool:
    """True when the line at ``index`` (outside fences) is text at the left margin that a list item above
    would take as its own: no list item, heading, quote, HTML, rule, underline, table or definition."""
    if index >= len(lines) or index not in inside:
        return False
    line = lines[index].rstrip(" \t")
    next_line = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(line) and line[:1] not in (" ", "\t", "\u3000") and not (
        _not_paragraph(line) or _FENCE_RE.match(line) or _HR_RE.match(line) or _SETEXT_RE.match(line)
        or _block_start(line, next_line) or _NOTE_OR_DEFINITION_RE.match(line))


def _lazy_line_problem(lines: list[str], index: int, run: int, opened: str, path: str,
                       first_line: int) -> Problem:
    """The warning of `_lazy_line_problems` for the ``run`` lines from ``index``, a "list", an "other list"
    (of the other kind than the item's) or a "table" (``opened``) under them: the item's text is as far in as its marker and the space after it (at most 3
    spaces, which keep it in the item). A list under it goes in the item as its sub-list only at 4 spaces
    (Python-Markdown's tab length; at 2 its items stay the outer list's); a table cannot (`open_blocks`)."""
    item = next(lines[above] for above in range(index - 1, -1, -1) if _LIST_ITEM_RE.match(lines[above]))
    marker = re.match(r" *(?:[-*+]|\d+\.)[ \t]", item)
    indent = min(len(marker.group()) if marker else 2, 3)
    which = "it" if run == 1 else f"it and the {'line' if run == 2 else f'{run - 1} lines'} below it"
    return Problem(
        path, first_line + index, 1, "warning",
        "this line is right under a list item (列表), with no blank line between, so Markdown reads it as "
        "more text of that item" + (" and the list under it as more items of the same list, not as a paragraph "
                                    "that opens a new list" if opened == "list" else
                                    ", not as a paragraph over the list (列表) under it" if opened == "other list"
                                    else ", not as a paragraph over the table (表格) under it")
        + f": {_clipped(lines[index].strip())}",
        f"for a paragraph of its own, leave a blank line above it; to keep it in the item, indent {which} "
        f"by {_spaces(indent)}" + (" and each line of the list under it by 4 spaces (its sub-items, 下一级)"
                                   if opened != "table" else ""))


_CITATION_LABEL_RE = compile_later(r"\d{1,4}")


def _citation_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for sources typed as ``[2]: https://…``, which Markdown hides as link definitions.

    ``[2]: address`` defines where ``[2]`` in the text links to; the line
    itself is not shown. An editor typing a numbered list of sources means
    it to be read, so each such line is warned (a definition whose target
    is no address stays text, see `_AddressReferences`). Fenced code is
    left alone; found while converting (cached).
    """
    if "]:" not in source:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = ReferenceProcessor.RE.match(line)  # what Markdown takes as a definition, as _AddressReferences
        if not found or not _CITATION_LABEL_RE.fullmatch(found.group(1)) \
                or not looks_like_address(found.group(2).lstrip("<").rstrip(">")):
            continue  # no definition, or not a numbered one: the line is shown as typed, or meant as a link
        label = found.group(1)
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f'this line defines where "[{label}]" in the text links to, so Markdown does not show it: '
            f"{_clipped(line.strip())}",
            f'to show it as a source on the page, delete the ":" after "[{label}]" '
            f"(the text's [{label}] is then no link)"))
    return problems


# A ">" typed at the start of a line to mean "more than": a figure (half or full width) or "=" right after it;
# not a number that opens a list item typed in a quote with no space (">1.摸排", ">2、整改").
_MORE_THAN_SIGN = (r">(?=[=＝]|(?![0-9０-９]{4}[.．/\-－年])[0-9０-９]++(?![.．、)）](?![0-9０-９]))"
                   r"(?![年月日号时点]))")
_MORE_THAN_RE = compile_later(r"^ {0,3}" + _MORE_THAN_SIGN)
_ITEM_MORE_THAN_RE = compile_later(r"^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+" + _MORE_THAN_SIGN)
"""A list item that begins with ">" for "more than" (``- >90%的村已完成``): its text is a quotation in the item."""
_MORE_THAN_SOURCE_RE = compile_later(r"^[ \t>]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?>[0-9０-９=＝]", re.MULTILINE)


def _commented_lines(lines: Sequence[str]) -> set[int]:
    """The indexes of the lines that are all or partly inside an HTML comment (``<!-- … -->``, 注释)."""
    inside, noted = False, set()
    for index, line in enumerate(lines):
        rest = line
        while True:
            if inside:
                noted.add(index)
                end = rest.find("-->")
                if end < 0:
                    break
                inside, rest = False, rest[end + 3:]
            start = rest.find("<!--")
            if start < 0:
                break
            noted.add(index)
            inside, rest = True, rest[start + 4:]
    return noted


def _more_than_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for ">" typed at the start of a line to mean "more than" (``>90%的居民表示满意。``, ``>=3``).

    Markdown reads ">" at the start of a line as a quotation (引用) and
    drops it: the page shows ``90%的居民表示满意。`` in a quote, the meaning
    changed; so it does at the start of a list item's text (``- >90%的村``;
    indented 4 spaces or more, only under an item: else the line is shown as
    typed). A ">" right before a digit (half or full width) or "=" is
    taken as the sign, at any depth of quotes (``> >90%``); one before a
    space or words (``> 引文``, ``>引文``) or before a list item's number
    (``>1.摸排``: `_slipped_item_problems` tells it) is a quotation. Each is warned
    at its ">", with the backslash that keeps it (``\\>90%``) offered first.
    Fenced code is left alone; found while converting (cached).
    """
    if not _MORE_THAN_SOURCE_RE.search(source):
        return []
    problems: list[Problem] = []
    noted = _commented_lines(lines)
    for text, places, lazy in _quoted_texts(lines):
        for inner, line in outside_fences(text):
            found = _MORE_THAN_RE.match(line)
            above = text[inner - 1] if inner > 0 else ""
            if found is None and (len(line) - len(line.lstrip(" ")) <= 3 or _LIST_ITEM_RE.match(
                    next((typed.lstrip(" ") for typed in reversed(text[:inner]) if typed.strip()), ""))):
                found = _ITEM_MORE_THAN_RE.match(line)  # indented further, an item only under one
            if found is None or inner in lazy or places[inner][0] in noted or "|" in line:
                continue  # a note is never shown; a table's row (>=3 | 满意) shows its ">"
            if above.lstrip(" ").startswith(">") and not _MORE_THAN_RE.match(above) and line.lstrip(" ")[:1] == ">":
                continue  # the next line of a quotation (>截至… then >318批次…), not a sign typed alone
            index, signs, _ = places[inner]
            at = signs + found.end() - 1  # the ">" in the file's line
            typed = lines[index]
            kept = f"to keep the sign, type a backslash before it: {typed[:at]}\\{typed[at:]}"
            if typed[at + 1] in "=＝":  # ">=3": no quotation is meant
                hint = f'{kept} (or write ≥ in place of "{typed[at:at + 2]}")'
            else:
                hint = (f"{kept} (or type it in full width, ＞, or write 超过); if a quotation is meant, type a space "
                        f"after it: {typed[:at + 1]} {typed[at + 1:]}")
            problems.append(Problem(
                path, first_line + index, at + 1, "warning",
                'Markdown reads ">" at the start of a line as a quotation (引用), so the page shows this line '
                f'without it: {typed.strip()}', hint))
    return problems


# A footnote's mark in the text ([^1]), as the footnotes extension finds it (its FOOTNOTE_RE; "\\[" is text), and a
# note typed with an input method's full-width colon ([^1]：…), which is then no note but text.
_FOOTNOTE_MARK_RE = compile_later(r"(?<!\\)\[\^([^\]\n]+)\]")
_WIDE_COLON_NOTE_RE = compile_later(r"^ {0,3}\[\^([^\]\n]+)\][ \t\u3000]*[：﹕]")


@dataclass(frozen=True)
class _FootnoteLabels:
    """The footnotes of one converted body, as Python-Markdown's footnotes extension recorded them.

    Fields:
        defined: the labels of the notes defined (``[^1]: …``), in the order defined.
        referred: the labels the text refers to (``[^1]``) that have a note, in the order referred.
    """

    defined: tuple[str, ...]
    referred: tuple[str, ...]


def _footnote_labels(md: markdown.Markdown) -> _FootnoteLabels | None:
    """Return the footnotes of the document ``md`` last converted, or None when its footnotes extension is off.

    Read from the extension itself (``footnotes`` and ``footnote_order``,
    reset with each document), so a note counts as defined or used exactly
    when Python-Markdown made it so.
    """
    for extension in md.registeredExtensions:
        if isinstance(extension, FootnoteExtension):
            return _FootnoteLabels(tuple(extension.footnotes), tuple(extension.footnote_order))
    return None


def _footnote_problems(source: str, lines: list[str], clean_html: str, md: markdown.Markdown, path: str,
                       first_line: int) -> list[Problem]:
    """Warnings for footnotes without a note, and for notes the text never refers to.

    Takes the body, its lines, the page's HTML and the Markdown instance
    that has just converted it, whose footnotes extension recorded the notes
    and marks (`_footnote_labels`; without that extension nothing is
    warned). A mark ``[^1]`` with no line ``[^1]: …`` is shown as typed: it
    is warned once per label, at its first place, or at the line meant as
    its note when that line has a full-width colon (``[^1]：…``, which
    Markdown reads as text). A note no mark refers to is still listed at
    the end of the page, with a ↩ link back to a place that does not exist:
    it is warned at its line. Fenced code and code spans are left alone;
    found while converting (cached). Returns the warnings in that order.
    """
    labels = _footnote_labels(md) if "[^" in source else None
    if labels is None:
        return []
    problems: list[Problem] = []
    marks: dict[str, tuple[int, int]] = {}  # an undefined label -> (line index, column) of the place to warn
    counts: dict[str, int] = {}  # an undefined label -> how many times it is typed
    # A mark with a note becomes a number: only a page showing "[^" can hold a mark without one.
    for index, line in outside_fences(lines) if "[^" in clean_html else ():
        text = _without_code_spans(line)
        for found in _FOOTNOTE_MARK_RE.finditer(text):
            if found.group(1) not in labels.defined:
                marks.setdefault(found.group(1), (index, found.start()))
                counts[found.group(1)] = counts.get(found.group(1), 0) + 1
        wide = _WIDE_COLON_NOTE_RE.match(text)
        if wide and wide.group(1) not in labels.defined:
            marks[wide.group(1)] = (index, wide.start(1) - 2)  # the line meant as its note: fixed there
    for label, (index, column) in marks.items():
        mark = f"[^{label}]"
        if html.escape(mark, quote=False) not in clean_html:
            continue  # not shown as typed (in raw HTML, say)
        wide = _WIDE_COLON_NOTE_RE.match(lines[index])
        if wide and wide.start(1) - 2 == column:
            problems.append(Problem(
                path, first_line + index, column + 1, "warning",
                f'a full-width colon (全角冒号 ：) follows "{mark}", so Markdown does not read this line as the '
                f"footnote's note (脚注): the page shows it as typed"
                + (f', and "{mark}" in the text too' if counts[label] > 1 else ""),
                paste_hint("type a half-width colon and a space (半角)", f"{mark}: {lines[index][wide.end():].strip()}",
                           f' in place of the "：" after "{mark}"')))
            continue
        problems.append(Problem(
            path, first_line + index, column + 1, "warning",
            f'"{mark}" refers to a footnote (脚注) that has no note: no line "{mark}: …" gives its text, so the '
            f'page shows "{mark}" as typed',
            f'add the note at the end of the text, on a line of its own after a blank line: {mark}: 注释内容; '
            f'or delete "{mark}"; or, if it is meant as typed, write \\{mark}'))
    for label in labels.defined:
        if label in labels.referred:
            continue
        note = f"[^{label}]:"
        place = next(((index, line.find(note)) for index, line in outside_fences(lines) if note in line), None)
        problems.append(Problem(
            path, None if place is None else first_line + place[0], None if place is None else place[1] + 1,
            "warning",
            f'no "[^{label}]" in the text refers to this footnote (脚注): the page still lists it with the notes '
            "at the end, and its ↩ link back to the text leads nowhere",
            f'put [^{label}] in the text where the note belongs, or delete the note'))
    return problems


_ORDERED_ITEM_RE = compile_later(r"^ {0,3}(\d{1,9})\.[ \t]+\S")
_CONTINUATION_RE = compile_later(r"^(?: {2,}|\t)\S")
# A line that starts a block of its own right under a list item: a heading, an HTML block, a rule.
_ENDS_LIST_RE = compile_later(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|<|(?:[-*_][ \t]*){3,}$)")


def _ordered_lists(lines: Sequence[str]) -> Iterator[list[tuple[int, int]]]:
    """The numbered lists of a text as Markdown groups them, each as ``[(line index, number typed)]``.

    A list runs over items, blank lines and indented lines, and ends at a
    text line after a blank line, at a bulleted item, at a heading, HTML
    block or rule, and at fenced code.
    """
    current: list[tuple[int, int]] = []
    blank = False
    previous = -1
    for index, line in outside_fences(lines):
        if current and index != previous + 1:  # fenced code came between
            yield current
            current = []
        previous = index
        found = _ORDERED_ITEM_RE.match(line)
        if found:
            current.append((index, int(found.group(1))))
        elif not line.strip():
            blank = True
            continue
        elif current and ((blank and not _CONTINUATION_RE.match(line)) or _LIST_ITEM_RE.match(line)
                          or _ENDS_LIST_RE.match(line)):
            yield current
            current = []
        blank = False
    if current:
        yield current


# The signs of a quote at a line's start, and its one space (``> ``); a line of quotes in quotes repeats it.
_QUOTE_PREFIX_RE = compile_later(r" {0,3}> ?")
# A numbered item at the start of any line, inside quotes too (a quick look before the line-by-line one). The
# quotes' signs are taken possessively (*+): a space between two ">" fits either the one before or the one after,
# and trying both ways took seconds for a line of 25 quotes.
_ANY_ORDERED_ITEM_RE = compile_later(f"^(?:{_QUOTE_PREFIX_RE.pattern})*+{_ORDERED_ITEM_RE.pattern[1:]}",
                                     re.MULTILINE)


# Where a line of a quote's text comes from: its index in the body's lines, the column (from 0) of the body's
# line at which it begins, and the quote signs to type before it to keep it where the page shows it (for a line
# typed with its signs, those signs exactly; for a lazy line, typed without them, the signs of the line above).
_Place = tuple[int, int, str]


def _quote_spans(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The quotes of ``lines`` outside fenced code, each as (index of its first line, index after its last).

    A quote runs over its ``>`` lines and the lines without ``>`` right under
    them that Markdown takes into it (lazy lines), as `_quote_end` says.
    """
    end = 0
    for index, line in outside_fences(lines):
        if index >= end and _QUOTE_PREFIX_RE.match(line):
            end = _quote_end(lines, index)
            yield index, end


def _quoted_texts(lines: Sequence[str], places: list[_Place] | None = None,
                  ) -> Iterator[tuple[Sequence[str], list[_Place], frozenset[int]]]:
    """The body's ``lines``, then the text of every quote in them at any depth, each as (its lines, with one
    level of quote signs taken off; where each comes from, a `_Place` in ``lines``; the indices of its lines
    that a quote in it takes lazily, without ``>``, which are read in that quote's text, not in this one).

    ``places`` says where ``lines`` come from when they are a text inside
    the body (a list item's, `_item_texts`); by default, the body's lines.
    The quotes are read one level after another from a list, not with a
    call per level: a line of thousands of ``>`` is thousands of levels.
    Never raises.
    """
    texts: list[tuple[Sequence[str], list[_Place]]] = [
        (lines, places if places is not None else [(index, 0, "") for index in range(len(lines))])]
    while texts:
        text, places = texts.pop()
        inner: list[tuple[Sequence[str], list[_Place]]] = []
        lazy: set[int] = set()
        for start, end in _quote_spans(text):
            quoted: list[str] = []
            quoted_places: list[_Place] = []
            for at in range(start, end):
                sign = _QUOTE_PREFIX_RE.match(text[at])
                index, column, typed = places[at]
                if sign:
                    quoted_places.append((index, column + sign.end(), typed + text[at][:sign.end()]))
                else:
                    lazy.add(at)
                    quoted_places.append((index, column, quoted_places[-1][2]))
                quoted.append(text[at][sign.end():] if sign else text[at])
            inner.append((quoted, quoted_places))
        yield text, places, frozenset(lazy)
        texts += reversed(inner)  # reversed: the first quote is read next, as typed


def _item_texts(lines: Sequence[str], places: list[_Place]) -> Iterator[tuple[list[str], list[_Place]]]:
    """The texts that Markdown nests in the list items of ``lines`` (a text from `_quoted_texts`, ``places``
    where its lines come from), each as (its lines with 4 columns of indent taken off, their `_Place`).

    Python-Markdown (tab length 4, TABs counted to the next multiple of 4)
    reads the lines right under an item that are indented by 4 columns or
    more, with blank lines between them, as blocks in that item: a line
    ``    2018. 启动`` under ``- 时间线：`` is a sub-list's item there. The
    indent taken off goes into each place's signs, as 4 spaces, so that a
    line offered from it is typed as far in as it was. A line of 2 or 3
    spaces stays the item's own text, and is not in these; the items of a
    text yielded are not looked into (`_texts_in_blocks` does).
    """
    outside = {at for at, _ in outside_fences(lines)}
    index = 0
    while index < len(lines):
        index += 1
        if index - 1 not in outside or not _LIST_ITEM_RE.match(lines[index - 1]):
            continue
        inner: list[str] = []
        inner_places: list[_Place] = []
        while index < len(lines) and (_indent_width(lines[index]) >= 4 or not lines[index].strip()):
            line, (at, column, signs) = lines[index], places[index]
            taken = _indent_chars(line, 4)
            inner.append(line[taken:])
            inner_places.append((at, column + taken, signs + " " * 4))
            index += 1
        while inner and not inner[-1].strip():
            inner.pop()
            inner_places.pop()
            index -= 1  # a blank line under the item's last block ends it
        if inner:
            yield inner, inner_places


def _indent_width(line: str) -> int:
    """How many columns the indent of ``line`` fills, a TAB counted to the next multiple of 4 (as
    Python-Markdown expands it); a line of spaces alone counts 0."""
    if not line.strip():
        return 0
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _indent_chars(line: str, columns: int) -> int:
    """How many characters at the start of ``line`` (spaces and TABs, a TAB to the next multiple of 4) make
    up its first ``columns`` columns of indent, or fewer when the indent is not that wide."""
    width = 0
    for taken, char in enumerate(line):
        if width >= columns or char not in " \t":
            return taken
        width = width + 1 if char == " " else (width // 4 + 1) * 4
    return len(line)


def _numbered_lists_everywhere(lines: Sequence[str]) -> Iterator[list[tuple[int, int, int]]]:
    """Every numbered list of a text, quoted ones included, as ``[(line index, column, number typed)]``."""
    for text, places, _ in _quoted_texts(lines):
        for items in _ordered_lists(text):
            yield [(places[inner][0], places[inner][1] + 1, number) for inner, number in items]


def _numbering_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for numbered lists whose page numbers differ from the numbers typed.

    Markdown numbers a list on from its first item's number and ignores the
    others: items typed 1, 5, 6 show as 1, 2, 3. A year typed as an item's
    number (``2018. 年度总结`` above items typed 1 and 3) is told by
    `_year_item_problems`, and only the items above it are checked here: the
    items from it on are numbered otherwise once the year is text (a list
    of their own). One warning per list, at its first item; a list typed with one number throughout (1. 1. 1.) is
    Markdown's own way of counting and is left alone. Lists inside quotes (``> 1. …``) are checked alike.
    """
    if len(_ANY_ORDERED_ITEM_RE.findall(source)) < 2:
        return []  # most texts: no numbered list of two items or more
    problems: list[Problem] = []
    for items in _numbered_lists_everywhere(lines):
        items = list(itertools.takewhile(lambda item: not _is_year(item[2]), items))
        typed = [number for _, _, number in items]
        if len(typed) < 2:
            continue
        shown = [typed[0] + offset for offset in range(len(typed))]
        if typed == shown or len(set(typed)) == 1:
            continue
        index, column = items[0][0], items[0][1]
        hint = "number the items in order, from the first item's number"
        if typed[0] >= 1000:
            hint += f'; if "{typed[0]}." begins a line of text (a year), not a list item, write {typed[0]}\\.'
        problems.append(Problem(
            path, first_line + index, column, "warning",
            f"this list is numbered {_clipped(', '.join(map(str, typed)), 40)} as typed, but the page numbers "
            f"it {_clipped(', '.join(map(str, shown)), 40)}: Markdown counts on from the first item's number",
            hint))
    return problems


def _is_year(number: int) -> bool:
    """True when a list item's ``number`` reads as a year: 1900 to 2100 (four digits, as typed in a timeline)."""
    return 1900 <= number <= 2100


def _is_year_item(line: str) -> bool:
    """True when ``line`` (spaces and TABs before it or not) opens with a list item's number that `_is_year`
    takes for a year and its dot (``2018. 全年目标完成。``): a year meant as text, not an item to nest."""
    found = re.match(r"[ \t]*(\d{1,9})\.[ \t]", line)
    return found is not None and _is_year(int(found.group(1)))


# A list item's number that `_is_year` takes for a year, in half- or full-width digits (Markdown takes both).
_YEAR_NUMBER = r"(?:[1１][9９]|[2２][0０])\d\d|[2２][1１][0０][0０]"
# A numbered item whose number is a year, at the start of any line, inside quotes and list items too (a quick
# look first).
_ANY_YEAR_ITEM_RE = compile_later(f"^(?:[ \\t]*> ?)*+[ \\t]*(?:{_YEAR_NUMBER})\\.[ \\t]+\\S", re.MULTILINE)


def _year_item_problems(source: str, lines: list[str], clean_html: str, path: str,
                        first_line: int) -> list[Problem]:
    """Warnings for a year typed at the start of a line that Markdown made a list item's number.

    Takes the body, its lines, the converted HTML, the file's path and the
    file line of the body's first line. A timeline typed as
    ``2018. 全年目标完成。`` is a numbered list to Python-Markdown (its
    ``OListProcessor`` takes any number, a dot and a space): the page shows
    ``<ol start="2018">``, the year gone from the text (a screen reader reads
    a list of 1 item, search and summaries lose it), and a next line
    ``2020. …`` is numbered 2019, as Markdown counts on from the first item's
    number. A number of 4 digits from 1900 to 2100 is taken for a year
    (`_is_year`); ``1.`` ``2.`` and other numbers are a list meant, and
    ``2018.5.12 召开会议``, ``2018.全年`` or ``2018年.`` are no list item.

    Each item whose number is a year is warned, at the year: the first of a
    list, and any later one (its number ignored, the year lost as well), in
    a list of years or under items of ordinary numbers; `_numbering_problems`
    checks the items above the first year only. The hint is the line with a
    backslash before the dot (``2018\\. 全年目标完成。``), which the page shows
    as typed; under an item of an ordinary number, with a blank line above it
    too (a line of the quote's signs alone, in a quote), else the escaped
    line would go on that item's text. Lists in quotes are checked (the line
    offered keeps the quote's signs), and so are sub-lists nested under an
    item at any depth (`_texts_in_blocks`: 4 spaces or a TAB in, as
    Python-Markdown nests), the line offered as far in as typed, with the
    indent named (a TAB as 4 spaces): the page shows it as a paragraph of
    its own under the last item of a list (sitegen's first-line indent), as
    a line of the item when items follow; at 2, 3 or 8 spaces the line is
    the item's text, the year shown, and `_indented_marker_problems` and
    `_sub_item_problems` leave it alone too. A list that the page does not show (in a table, an
    HTML block: see `_outside_html_blocks`) is not told.
    """
    if not _ANY_YEAR_ITEM_RE.search(source):
        return []
    problems: list[Problem] = []
    for text, places in _texts_in_blocks(lines):
        for items in _ordered_lists(text):
            first = items[0][1]
            if f'<ol start="{first}">' not in clean_html and not (first == 1 and "<ol>" in clean_html):
                continue  # not a list on the page (a table's cell, say)
            for position, (inner, number) in enumerate(items):
                found = re.match(r"( *)(\d+)\.", text[inner])
                if found is None or not _is_year(number):
                    continue
                above = items[position - 1][1] if position else None
                apart = above is not None and not _is_year(above) and text[inner - 1].strip() != ""
                problems.append(_year_item_problem(text[inner], found, places[inner], first + position,
                                                   None if position == 0 else first_line + places[items[0][0]][0],
                                                   apart, path, first_line))
    return problems


def _texts_in_blocks(lines: Sequence[str]) -> Iterator[tuple[Sequence[str], list[_Place]]]:
    """The body's ``lines``, the text of every quote (`_quoted_texts`) and of every list item's nested
    blocks (`_item_texts`) in them, at any depth, each as (its lines, where each comes from)."""
    pending: list[tuple[Sequence[str], list[_Place] | None]] = [(lines, None)]
    while pending:
        text, places = pending.pop()
        for quoted, quoted_places, _ in _quoted_texts(text, places):
            yield quoted, quoted_places
            pending += reversed(list(_item_texts(quoted, quoted_places)))


def _year_item_problem(line: str, found: re.Match[str], place: _Place, shown: int, start: int | None,
                       apart: bool, path: str, first_line: int) -> Problem:
    """The warning of `_year_item_problems` for ``line`` (a quote's signs taken off), ``found`` its year and
    dot, at ``place``; ``shown`` the number the page gives it, ``start`` the file line of its list's first
    item (None for that item), ``apart`` True when a blank line must go above it to end the list above."""
    index, column, signs = place
    year = found.group(2)
    fixed = signs + line[:found.end() - 1] + "\\" + line[found.end() - 1:]
    shows = (f"the page shows a numbered list (列表) starting at {int(year)}" if start is None else
             f"the page numbers it {shown} in the list that starts at line {start}, as Markdown counts on from "
             "the first item's number")
    how = "to keep the year as typed, type a backslash before its dot"
    if apart:
        blank = f'a line of "{signs.rstrip()}" alone' if signs.strip() else "a blank line"
        how = f"to keep the year as typed, as a paragraph of its own, leave {blank} above it and type a backslash " \
              "before its dot"
    indent = _spaces_in(fixed)
    if indent:  # spaces at the start of a hint are easily missed, and a TAB typed there is 4 to Markdown
        how += f", the line indented by {_spaces(indent)} (缩进) as now"
    return Problem(
        path, first_line + index, column + len(found.group(1)) + 1, "warning",
        f'Markdown reads the year "{year}." at the start of this line as a list item\'s number, not as text: {shows}, '
        f"and the year is no longer in the text: {_clipped(line.strip())}",
        paste_hint(how, fixed.rstrip()) + ("" if apart else f' (or write {year}年 in place of "{year}.")'))


# Markdown signs typed with an input method's full-width forms, at the start of a line (lists, quotes),
# around bold text, or as table borders; each with its half-width form. Headings: `_wide_heading`.
_FULL_WIDTH_SIGNS_RE = compile_later("[＃＊｜－＞]")
_FULL_WIDTH_LINE_RE = compile_later(r"^ {0,3}(?P<sign>[－＞])[ \t\u3000]+(?=\S)")
_FULL_WIDTH_BOLD_RE = compile_later(r"＊＊(?=\w)(?P<text>[^＊\n]+?)(?<=\S)＊＊")
_FULL_WIDTH_SIGN_NAMES = {"－": ("list item", "-"), "＞": ("quote", ">")}
# What opens the text after a full-width ＞: more quote signs, full-width or not, and a full-width "－" (＞ ＞ 引文,
# ＞ － 项目), each as one group, so that the line offered makes them all half width (> > 引文, > - 项目).
_WIDE_OPENING_RE = compile_later(r"(?:(＞)[ \t\u3000]+(?=\S)|(> ?)(?=\S))*+(?:(－)[ \t\u3000]+(?=\S))?")
_WIDE_OPENING_SIGN_RE = compile_later(r"(＞)[ \t\u3000]+|(> ?)|(－)[ \t\u3000]+")
# A heading's signs with a full-width ＃ among them (＃＃ 标题, ＃＃标题, #＃ 标题, ＃＃　标题); group "space" is what
# follows them, "text" the heading's text, without closing signs (## 标题 ##).
_WIDE_HEADING_RE = compile_later(r"^ {0,3}(?P<sign>[#＃]{1,6})(?![#＃])(?P<space>[ \t\u3000]*)"
                              r"(?P<text>\S.*?)(?:[ \t\u3000]+[#＃]+)?[ \t\u3000]*$")
# A heading typed with half-width signs whose closing signs hold a full-width ＃ (## 标题 ＃＃, ## 标题 #＃): Markdown
# drops closing signs only when all are "#" (`_HashHeadings`), so these stay in the heading's text.
_WIDE_CLOSING_RE = compile_later(r"^ {0,3}(?P<sign>#{1,6})[ \t]+(?P<text>.*?\S)[ \t\u3000]+"
                              r"(?P<closing>[#＃]*＃[#＃]*)[ \t\u3000]*$")


@dataclass(frozen=True)
class _WideHeading:
    """A line meant as a heading but typed with a full-width ＃ (全角井号): its signs, level and text."""

    column: int
    sign: str
    spaced: bool
    text: str

    @property
    def level(self) -> int:
        return len(self.sign)


def _wide_heading(line: str) -> _WideHeading | None:
    """The heading ``line`` was meant to be, when its signs hold a full-width ＃; else None.

    A single ＃ right against a digit or a Latin letter (＃1号楼, ＃A栋) is
    a number, and a single ＃ with another ＃ later (＃大调研＃) a topic
    tag: both are text as typed, not headings.
    """
    found = _WIDE_HEADING_RE.match(line) if "＃" in line else None
    if found is None or "＃" not in found.group("sign"):
        return None
    sign, spaced, text = found.group("sign"), bool(found.group("space")), found.group("text")
    if len(sign) == 1 and not spaced and (_is_number_sign(text[0]) or "＃" in text):
        return None
    return _WideHeading(found.start("sign") + 1, sign, spaced, text)


def _is_number_sign(first: str) -> bool:
    """True when ``first``, the character after a lone ＃, makes it a number sign: a digit or Latin letter."""
    half = unicodedata.normalize("NFKC", first)
    return half.isascii() and half.isalnum()


def _wide_heading_problem(heading: _WideHeading, line: str, signs: str = "") -> tuple[str, str]:
    """``(message, hint)`` for a `_WideHeading` typed as ``line`` (in a quote whose signs are ``signs``): what
    Markdown makes of it, and the line to type, the quote's signs kept."""
    sign = heading.sign
    if sign.strip("＃"):
        why = 'mixes half-width "#" and full-width "＃" (全角井号)'
    else:
        why = "is full-width (全角井号)" + ("" if heading.spaced else " and has no space after it")
    leading = len(sign) - len(sign.lstrip("#"))
    if leading:
        level = "a level-1 heading (一级标题)" if leading == 1 else f"a level-{leading} heading"
        read = f'makes this line {level} with "{sign[leading:]}" in its text'
    else:
        read = "reads this line as text, not a heading (标题)"
    message = f'the "{sign}" {why}, so Markdown {read}: {_clipped(line.strip())}'
    if heading.level == 1:
        return message, paste_hint("for a heading, type ## in half width (半角) and a space (二级标题: the page "
                                   "title is the only level-1 heading)", f"{signs}## {heading.text}")
    return message, paste_hint("type it in half width (半角), with a space after it",
                               f"{signs}{'#' * heading.level} {heading.text}")


def _wide_closing_problem(closing: re.Match[str], line: str, signs: str) -> tuple[str, str]:
    """``(message, hint)`` for a heading typed as ``line`` (in a quote whose signs are ``signs``) whose closing
    signs, a `_WIDE_CLOSING_RE` match, hold a full-width ＃: the page shows them in the heading, and the line to
    type drops them, as the closing signs of ``## 问题 ##`` are dropped (CommonMark's rule, `_HashHeadings`)."""
    signs_typed = closing.group("closing")
    why = 'mixes half-width "#" and full-width "＃" (全角井号)' if "#" in signs_typed else "is full-width (全角井号)"
    return (f'the closing "{signs_typed}" of this heading {why}, so Markdown keeps it in the heading\'s text: '
            f"{_clipped(line.strip())}",
            paste_hint("delete it (a heading needs no closing #)",
                       f"{signs}{closing.group('sign')} {closing.group('text')}"))


def _full_width_sign_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for Markdown signs typed in full width (全角): ``＃＃ 标题`` (``＃＃标题``, ``#＃ 标题``),
    ``－ 项目``, ``＊＊粗体＊＊``, ``｜`` in a table row.

    Markdown reads only the half-width signs, so the page shows these as
    typed: a heading or list item as plain text (a heading missing from the
    table of contents too; after a half-width "#", a heading of the wrong
    level with "＃" in its text), bold as stars, and a
    ``｜`` inside a table row as part of a cell, which moves every figure
    after it one column left of its heading. Each is warned at its column
    with the text to type. The signs that open a line are looked for inside
    quotes too, at any depth (``> － 项目`` gets ``> - 项目``, the quote's
    signs kept as typed; a list item on a lazy line, typed without ``>``
    right under a quote, gets the signs of the line above it,
    `_full_width_line_start`). Fenced code and code spans are
    left alone; found while converting (cached).
    """
    if not _FULL_WIDTH_SIGNS_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        for bold in _FULL_WIDTH_BOLD_RE.finditer(_without_code_spans(line)):
            problems.append(Problem(
                path, first_line + index, bold.start() + 1, "warning",
                f"the stars are full-width (全角), so Markdown does not make this bold: {bold.group()}",
                f"type them in half width (半角): **{bold.group('text')}**"))
    for text, places, lazy in _quoted_texts(lines):
        tabled: set[int] = set()
        if "｜" in source:
            for table in _full_width_tables(text):
                tabled.update(table.rows)
                index, signs, _ = places[table.at]
                first = lines[places[table.rows[0]][0]]  # the quote's signs typed on it go before the lines offered
                problems.append(Problem(
                    path, first_line + index, signs + table.column, "warning",
                    *_full_width_table_problem(table, first[:len(first) - len(text[table.rows[0]])])))
        for inner, line in outside_fences(text):
            if inner not in lazy:
                index, signs, kept = places[inner]
                problems += [Problem(path, first_line + index, signs + column, "warning", message, hint)
                             for column, message, hint in _full_width_line_start(text, inner, lines[index], kept,
                                                                                 inner in tabled)]
    return problems


# Dashes an input method types for "-" (全角 －, the long dashes of ——, ―, –, ─) and its full-width colon, in a table's
# line under its first row; and its full-width bar.
_WIDE_DASHES = str.maketrans({"－": "-", "—": "-", "―": "-", "–": "-", "─": "-", "：": ":"})
_WIDE_BARS = str.maketrans({"｜": "|"})


def _separator_to_type(line: str) -> str:
    """The line under a table's first row to type for ``line``, one typed with full-width bars or dashes: each
    cell ``---``, with the colons typed for its alignment (``：－－`` → ``:---``, ``－－：`` → ``---:``), and
    bars at its ends only where ``line`` has them (Python-Markdown reads ``| --- | --- |`` under
    ``类别 | 收集`` as no table)."""
    half = line.translate(_WIDE_BARS).translate(_WIDE_DASHES).strip()
    cells = half.strip("|").split("|")
    signs = " | ".join((":" if cell.strip().startswith(":") else "") + "---" + (":" if cell.strip().endswith(":")
                                                                                else "") for cell in cells)
    return ("| " if half.startswith("|") else "") + signs + (" |" if half.endswith("|") else "")


def _is_wide_separator(line: str) -> bool:
    """True when ``line`` is the line under a table's first row (``| --- | :-: |``) once its full-width bars
    and dashes (`_WIDE_BARS`, `_WIDE_DASHES`) are made half width, and holds a bar and a dash."""
    half = line.translate(_WIDE_BARS).translate(_WIDE_DASHES).replace("\u3000", " ")
    return "|" in half and "-" in half and _SEPARATOR_ROW_RE.match(half) is not None


@dataclass(frozen=True)
class _WideTable:
    """Lines of a text meant as a table but typed with full-width bars (全角竖线 ｜): the indices of its rows,
    the line and column (from 1) of the first "｜", and the line under its first row (None when there is none)."""

    rows: range
    at: int
    column: int
    header: str
    separator: str | None


def _full_width_tables(text: Sequence[str]) -> Iterator[_WideTable]:
    """The tables of ``text`` (a body's or a quote's lines) that Markdown shows as text for their full-width bars.

    A table is two or more lines in a row holding a bar, "|" or "｜", one of
    the first two a "｜": its second line the line of dashes under the first
    row (``｜－－｜－－｜``, ``---｜---``), or each line starting with a bar
    (``｜类别｜收集｜``, no line of dashes). A single line with a "｜"
    (地址｜电话), lines without a bar at their start and no line of dashes
    under the first (a list of titles, 大调研微访谈｜白鹤镇), and a table
    Markdown reads, whose first two lines have only half-width bars (a "｜"
    in a later row is `_full_width_line_start`'s), are not. Fenced code and
    code spans are left alone.
    """
    rows = [(inner, _without_code_spans(line)) for inner, line in outside_fences(text)]
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end][0] == rows[start][0] + end - start and ("|" in rows[end][1]
                                                                                    or "｜" in rows[end][1]):
            end += 1
        block, start = rows[start:end], max(end, start + 1)
        if len(block) < 2 or "｜" not in block[0][1] + block[1][1]:
            continue
        separated = _is_wide_separator(block[1][1]) and not _is_wide_separator(block[0][1])
        if not separated and not all(line.lstrip(" \u3000").startswith(("|", "｜")) for _, line in block):
            continue
        at, line = next((inner, line) for inner, line in block if "｜" in line)
        yield _WideTable(range(block[0][0], block[-1][0] + 1), at, line.index("｜") + 1,
                         text[block[0][0]].strip(), text[block[1][0]].strip() if separated else None)


def _full_width_table_problem(table: _WideTable, signs: str) -> tuple[str, str]:
    """``(message, hint)`` for a `_WideTable` in a quote whose signs, as typed, are ``signs``: the lines to type
    for its first row and the line under it, with half-width bars and dashes."""
    header = signs + table.header.translate(_WIDE_BARS)
    count = len(table.rows)
    message = (f"these {count} lines look like a table (表格), but their bars are full-width (全角竖线 ｜), so "
               "Markdown shows them as text")
    if table.separator is None:
        cells = table.header.translate(_WIDE_BARS).strip().strip("|").count("|") + 1
        return message, (f"type every bar in half width (半角 |), in every line, and add a line of --- under the "
                         f"first row: {header}, then {signs}|{' --- |' * cells}")
    separator = table.separator.translate(_WIDE_BARS)
    if separator.translate(_WIDE_DASHES) != separator:
        return message, (f"type every bar in half width (半角 |), in every line, and the dashes under the first row "
                         f"as -: {header}, then {signs}{_separator_to_type(table.separator)}")
    return message, f"type every bar in half width (半角 |), in every line: {header}, then {signs}{separator}"


def _full_width_line_start(text: Sequence[str], inner: int, line: str, kept: str,
                           tabled: bool = False) -> Iterator[tuple[int, str, str]]:
    """The warnings of `_full_width_sign_problems` for a full-width sign that starts line ``inner`` of
    ``text`` (a body's or a quote's, its signs taken off), as (column from 1 in ``text``'s line, message,
    hint); ``line`` is the line as typed in the file, ``kept`` the quote signs that keep it in its quote,
    ``tabled`` True for a line of a `_WideTable` (warned as a whole, not row by row).

    A list item is offered with ``kept``, also on a lazy line, typed without
    ``>`` right under a quote, which the page shows in it (``－ 乙`` under
    ``> - 甲`` gets ``> - 乙``, one more item of that list); a quote's or
    heading's sign, or a table row, only with the signs typed: ``＞ 引文``
    under ``> 原文`` was meant as ``> 引文``, not as a quote in the quote.
    """
    own = text[inner]
    signs = line[:len(line) - len(own)]
    stripped = _without_code_spans(own)
    heading = _wide_heading(own)  # the line itself: a code span in the heading's text is kept in the hint
    if heading is not None:
        yield heading.column, *_wide_heading_problem(heading, line, signs)
    closing = _WIDE_CLOSING_RE.match(own) if heading is None and "＃" in own else None
    if closing is not None:
        yield closing.start("closing") + 1, *_wide_closing_problem(closing, line, signs)
    start = _FULL_WIDTH_LINE_RE.match(stripped)
    if start:
        sign = start.group("sign")
        kind, half = _FULL_WIDTH_SIGN_NAMES[sign[0]]
        rest = stripped[start.end():].rstrip()
        before = kept if half == "-" else signs
        yield (start.start("sign") + 1,
               f'the "{sign}" is full-width (全角), so Markdown does not read this line as a {kind}: '
               f"{_clipped(line.strip())}",
               paste_hint("type it in half width (半角), with a space after it",
                          f"{before}{half} {_half_width_opening(rest) if half == '>' else rest}"))
    if "｜" in stripped and not tabled and stripped.lstrip().startswith(("|", "｜")) \
            and not _borders_complete(text, inner, stripped):
        if stripped.lstrip().startswith("|"):
            message = ('a full-width "｜" in this table row is text, not a cell border, so the cells after '
                       f"it move one column left: {_clipped(line.strip())}")
        else:
            message = f'this table row is typed with full-width "｜" (全角), which Markdown does not read: ' \
                      f"{_clipped(line.strip())}"
        yield (stripped.index("｜") + 1, message,
               paste_hint("type every cell border in half width (半角)", (signs + own.strip()).replace("｜", "|"),
                          ': | in place of each "｜"'))


def _half_width_opening(rest: str) -> str:
    """``rest``, the text after a full-width quote sign (＞) and its space, with the quote signs and the
    full-width "－" that open it (`_WIDE_OPENING_RE`) made half width, and a heading's ＃ after them as
    `_wide_heading_problem` offers it: ``> 引文`` for ``＞ 引文``, ``## 标题`` for ``＃＃ 标题``."""
    opening = _WIDE_OPENING_RE.match(rest)
    signs = "".join("> " if wide else typed or "- "
                    for wide, typed, _ in (sign.groups() for sign in _WIDE_OPENING_SIGN_RE.finditer(opening.group())))
    heading = None if signs.endswith("- ") else _wide_heading(rest[opening.end():])
    if heading is not None:
        return f"{signs}{'#' * max(heading.level, 2)} {heading.text}"
    return signs + rest[opening.end():]


def _borders_complete(lines: Sequence[str], index: int, text: str) -> bool:
    """Whether the table row ``text`` (line ``index`` of ``lines``, code spans blanked) has as many half-width
    cell borders as another row of its table (the first other one): a "｜" in it is then the text's own
    (大调研微访谈｜白鹤镇, a WeChat article's title), not a border typed in full width."""
    def row(at: int) -> bool:
        return 0 <= at < len(lines) and lines[at].lstrip().startswith(("|", "｜"))

    first = index
    while row(first - 1):
        first -= 1
    other = first if first != index else index + 1
    if not row(other):
        return False
    return text.count("|") - text.count("\\|") >= lines[other].count("|") - lines[other].count("\\|")


# Bold typed with a space just inside its stars or underscores: "** 重点 **", "**重点 **". Python-Markdown
# (inlinepatterns.Delimiter, 3.x) opens bold only at stars with no whitespace (\s: full-width and no-break spaces
# too) after them, and closes it only at stars with none before them, so the page shows such stars as typed.
# Groups: the run of two or three signs, the sign, the text between the runs.
_SPACED_BOLD_RE = compile_later(r"(?<![*_\\])(?P<run>(?P<sign>[*_])(?P=sign){1,2})(?![*_])"
                             r"(?P<text>(?:(?!(?P=sign))[^\n])*?)(?<![*_])(?P=run)(?![*_])")
# What may stand before bold's opening stars with a space between: nothing but a list item's, a heading's
# or a quote's marker ("- ** 重点 **"). Elsewhere a space outside the stars is a formula's (x ** 2) or
# follows stars typed for hidden characters (王** 和李** 两位).
_LINE_OPENING_RE = compile_later(r"[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)]|#{1,6}|>)[ \t]+)?")


_CODE_ELEMENT_RE = compile_later(r"<(code|pre)\b[^>]*>.*?</\1>", re.DOTALL)


def _open_comment_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for an HTML comment (注释) opened with ``<!--`` and never closed with ``-->``: Markdown then
    shows it as text, so a note meant for the editors (``<!-- 待核实``) is published with what follows.

    Only when the page shows a ``<!--`` outside code at all. Each ``<!--``
    typed outside code is warned when no ``-->`` follows it in its
    paragraph, or, for one that starts a block, anywhere after it (a comment
    alone may span paragraphs). Takes the body's lines and the page's HTML;
    returns the warnings in the order typed.
    """
    if "&lt;!--" not in clean_html or "&lt;!--" not in _CODE_ELEMENT_RE.sub("", clean_html):
        return []
    problems: list[Problem] = []
    plain = {index: _without_code_spans(line) for index, line in outside_fences(lines)}
    for index, line in plain.items():
        for found in re.finditer("<!--", line):
            rest = [line[found.end():]]
            block = not line[:found.start()].strip() and (index == 0 or not lines[index - 1].strip())
            for later in range(index + 1, len(lines)):
                if not block and not lines[later].strip():
                    break
                rest.append(plain.get(later, ""))
            if "-->" in "\n".join(rest):
                continue
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                'this "<!--" opens an HTML comment (注释) that is never closed with "-->", so the page shows it '
                f"and the text after it: {_clipped(line[found.start():].strip())}",
                'to keep a note off the page, end it with "-->" on its line or after it; else delete the "<!--"'))
    return problems


# Words in half-width angle brackets, starting with a letter or character (so not "<5万元" or "<!--").
_ANGLE_WORDS_RE = compile_later(r"<(?P<text>[^\W\d_][^<>\n]*?(?<=\S))>")


def _angle_bracket_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for Chinese words in half-width angle brackets (``<WPS表格>``), which are meant as 《》 (书名号).

    In a Chinese input method the keys of "<" and ">" type 《 and 》, so
    half-width ones around Chinese words are a title typed with the input
    method off: the page shows them as typed (see `_TagsOnly`), but Chinese
    text has no such marks. Words in angle brackets without Chinese
    (``<Excel>``, ``<PM2.5>``) are shown as typed without a warning, as are
    tags (`is_html_tag`: the sanitizer's warnings tell them) and addresses
    (``<https://…>`` is a link). Each is warned at its "<", when the page
    shows it; fenced code and code spans are left alone. Takes the body's
    lines and the page's HTML; returns the warnings in the order typed.
    """
    if "&lt;" not in clean_html:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "<" not in line:
            continue
        for found in _ANGLE_WORDS_RE.finditer(_without_code_spans(line)):
            typed, text = found.group(), found.group("text")
            if not any(is_han(char) for char in text) or is_html_tag(typed) \
                    or html.escape(typed, quote=False) not in clean_html:
                continue
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f"half-width angle brackets (<>) around Chinese words are shown as typed: {_clipped(typed)}; "
                "a title in Chinese text takes book-title marks (书名号) 《》",
                f"if it is a title (of a document, book, program or system), type 《{text}》; if the angle "
                f"brackets are meant, type them full-width: ＜{text}＞"))
    return problems


def _spaced_bold_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for bold typed with spaces inside its stars (``** 重点 **``), which the page shows as typed.

    Input methods and Word habits put a space between ``**`` and the text
    (半角 or 全角); Markdown then makes nothing bold and the page shows the
    stars, spaces and all. Each is warned at its opening stars, with the text
    to type (``__`` gets stars: between Chinese characters ``__`` makes no
    bold even without spaces). Such a pair is never bold as typed, whatever
    surrounds it (``这是** 重点 **内容，**难点 **`` bolds "内容，" between
    the two); only text with a letter or character between the stars counts
    (``2 ** 3 ** 4`` is arithmetic), and only when the page shows such stars
    at all: a page whose bold is all typed right shows none, and is not read
    further. Fenced code and code spans are left alone; found while
    converting (cached). Takes the body's lines and the page's HTML; returns
    the warnings in the order typed.
    """
    if "**" not in clean_html and "__" not in clean_html:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        for found in _SPACED_BOLD_RE.finditer(_without_code_spans(line)):
            typed, text = found.group(), found.group("text")
            words = text.strip()
            if not (text[:1].isspace() or text[-1:].isspace()) or not any(char.isalpha() for char in words) \
                    or found.group("run") not in clean_html or _spaced_outside(line, found.start(), found.end()):
                continue
            edges = text[:1] + text[-1:]
            odd = next((char for char in edges if char.isspace() and char not in " \t"), "")
            run = found.group("run")
            stars = "*" * len(run)
            fixed = f"{stars}{words}{stars}"
            shown = "".join("\\" + sign for sign in run)
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f'{space_name(odd) if odd else "a space"} just inside the "{run}" keeps Markdown from making this '
                f"bold (加粗), so the page shows the {'stars' if run[0] == '*' else 'underscores'} as typed: "
                f"{_clipped(typed)}",
                (paste_hint("to make it bold, write the text right against the stars, with no space between "
                            "(星号内侧不留空格)", fixed, ": delete the spaces just inside them") if run[0] == "*" else
                 paste_hint("to make it bold, write it between stars, with no space inside them (星号内侧不留空格)", fixed,
                            f": type {stars} in place of each {run}, and delete the spaces just inside them")
                 + f" (next to Chinese characters, {run} makes no bold even without spaces)")
                + f"; if the {'stars' if run[0] == '*' else 'underscores'} are meant to show, type a backslash "
                  f"before each: {shown}"))
    return problems


def _spaced_outside(line: str, start: int, end: int) -> bool:
    """True when the pair of runs at ``line[start:end]`` has a space outside it: before its opening run (but
    for a line's marker, `_LINE_OPENING_RE`) or after its closing run with more text after that."""
    before, after = line[start - 1:start], line[end:end + 1]
    return (before.isspace() and _LINE_OPENING_RE.fullmatch(line[:start]) is None) or \
        (after.isspace() and bool(line[end:].strip()))


# A list marker followed by a space Markdown does not count as one: the full-width space an input method types,
# or the no-break and other special spaces of text copied from web pages and WeChat. (Numbers of 1 to 3 digits:
# "2018.　年度总结" is a year.) The spaces are the ones YAML does not count either (`WIDE_SPACES`).
_ODD_SPACE_RE = compile_later(f"[{WIDE_SPACES}]")
_ODD_SPACE_ITEM_RE = compile_later(f"^[ \\t]*(?P<marker>[-*+]|[0-9]{{1,3}}[.)])(?P<space>[{WIDE_SPACES}])[{WIDE_SPACES} ]*(?=\\S)")


def _invisible_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for characters that show nothing (`sitegen.yamltext.SHOWS_NOTHING_RE`: a zero-width joiner only
    beside no emoji), one at the first of each line.

    The page shows the text as it looks, but search and the misspelling
    check read it with them, so a word holding one is neither found nor
    checked. Each is named with the text around it, since it cannot be
    seen. Fenced code is left alone; found while converting (cached).
    """
    if not SHOWS_NOTHING_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = SHOWS_NOTHING_RE.search(line)
        if found is None:
            continue
        where, count = invisibles_on_line(line, found.start())
        name = SHOWS_NOTHING_NAMES[found.group()]
        marker = _BLOCK_MARKER_RE.match(SHOWS_NOTHING_RE.sub("", line)) if not line[:found.start()].strip() else None
        if marker is not None:  # "\ufeff## 标题": Markdown sees no heading, and the page shows the "##"
            kind = _BLOCK_KINDS.get(marker["sign"][0], "a list item (列表项)")
            told = (f'an invisible {name} is at the start of this line, before "{marker["sign"]}": Markdown then '
                    f'does not read the line as {kind}, and the page shows the "{marker["sign"]}" as text')
        else:
            told = (f"an invisible {name} is in the text"
                    + (f" ({count} invisible characters on this line)" if count > 1 else "")
                    + ": it shows nothing, but search and the misspelling check do not find the word it stands in")
        problems.append(Problem(
            path, first_line + index, found.start() + 1, "warning", told,
            f"delete it: it stands {where} (it often comes from text copied from a web page, WeChat or Word; "
            "retyping the word removes it)" if count == 1 else
            f"delete them: they stand {where} (they often come from text copied from a web page, WeChat or Word; "
            "retyping the words removes them)"))
    return problems


_SEPARATOR_NAMES = {"\u2028": "line separator (行分隔符, U+2028)", "\u2029": "paragraph separator (段分隔符, U+2029)",
                    "\x85": "next-line character (U+0085)"}
"""Line breaks that are no line break to Markdown (YAML's "invisible line separators") → how a message names them."""
_SEPARATOR_RE = compile_later(f"[{''.join(_SEPARATOR_NAMES)}]")


def _separator_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for the line and paragraph separators of `_SEPARATOR_NAMES` in a body, one at the first of each line.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. Word and web pages paste them for a line break, but
    Markdown reads none there: the page holds the character inside the word
    (shown as nothing, or as a break where the editor saw none), and search
    and the misspelling check do not find the word. In YAML they are an
    error; in a body, a warning like `_invisible_problems`, placed by the
    text around it. Fenced code is left alone; found while converting (cached).
    """
    if not _SEPARATOR_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _SEPARATOR_RE.search(line)
        if found is None:
            continue
        places = list(dict.fromkeys(invisible_place(line, match.start(), match.end())
                                    for match in _SEPARATOR_RE.finditer(line)))
        count = len(_SEPARATOR_RE.findall(line))
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
        problems.append(Problem(
            path, first_line + index, found.start() + 1, "warning",
            f"an invisible {_SEPARATOR_NAMES[found.group()]} is in the text"
            + (f" ({count} on this line)" if count > 1 else "")
            + ": Markdown reads no line break there, so the page holds it inside the text, and search and the "
              "misspelling check do not find the word it stands in",
            (f"delete it: it stands {where} (it often comes from text copied from Word or a web page); if a new "
             "line is meant there, press Enter in its place" if count == 1 else
             f"delete them: they stand {where} (they often come from text copied from Word or a web page); where a "
             "new line is meant, press Enter in its place")))
    return problems


_BLOCK_MARKER_RE = compile_later(r"[ \t]{0,3}(?P<sign>#{1,6}|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])|>|\|)")
"""What starts a line Markdown reads as a heading (Python-Markdown needs no space after "#"), a list item, a quote
or a table's first row."""
_BLOCK_KINDS = {"#": "a heading (标题)", ">": "a quote (引用)", "|": "the start of a table (表格)"}


_READING_FIGURES_RE = compile_later(r"本篇文章[ \t]*[共约]?[ \t]*[0-9０-９,，]+[ \t]*字[ \t]*[,，、；;]?[ \t]*(?:预计)?"
                                 r"(?:阅读|读完)(?:时间|需要|需)?[ \t]*约?[ \t]*[0-9０-９.]+[ \t]*分钟")
"""The line of an article's length and reading time as WeChat and news sites print it (本篇文章1688字,读完约4分钟)."""


def _reading_figures_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A warning for the source article's length and reading time pasted with its text (本篇文章1688字,读完约4分钟).

    The page prints its own such line, worked out from its text (`sitegen.site.Entry.word_count`), above
    it: the reader saw two, 本篇文章439字 then 本篇文章1688字, and the pasted one led every summary made from
    the text. Warned at the line, outside fenced code; found while converting (cached).
    """
    if "本篇文章" not in source:
        return []
    return [Problem(path, first_line + index, found.start() + 1, "warning",
                    f'"{found.group()}" is the source article\'s length and reading time, pasted with its text: the '
                    "page prints its own, worked out from this text, so readers would see two different ones",
                    "delete the line")
            for index, line in outside_fences(lines) if (found := _READING_FIGURES_RE.search(line))]


def _lost_character_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for runs of question marks that stand for characters lost in a save (`sitegen.yamltext.lost_characters`:
    3 or more ASCII "?", not in a web address), one at the first run of each line.

    A file saved in an encoding that cannot hold Chinese publishes every
    Chinese character as "?": ``## ????????`` and paragraphs of them,
    unwarned. Fenced code and code spans show text as typed and are left
    alone; found while converting (cached).
    """
    if "???" not in source:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = lost_characters(_without_code_spans(line)) if "???" in line else None
        if found is not None:
            start, end = found
            problems.append(Problem(path, first_line + index, start + 1, "warning",
                                    lost_characters_message(line[start:end]) + ", so the page would publish them",
                                    LOST_CHARACTERS_HINT))
    return problems


# A table row typed with pipes (| 照明 | 18 |), the separator row under a table's first row (| --- | :-: |), and a
# line of cells pasted from Excel or WPS (照明<TAB>18<TAB>10).
_PIPE_ROW_RE = compile_later(r"^ {0,3}\|.*\|")
_SEPARATOR_ROW_RE = compile_later(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_TAB_CELLS_RE = compile_later(r"^[^\t]*\S\t+\S")
# What opens a line of such cells and is no cell: a quote's signs, kept in the rows offered, an indent (under a list
# item, say) and a bullet (- 照明<TAB>18).
_CELLS_LEAD_RE = compile_later(r"(?P<signs>(?: {0,3}> ?)*+)(?P<indent>[ \t\u3000]*)(?:[-*+][ \t]+)?")
# A cell that opens with a figure (18, 85%, 5.5万元, 18户): a lone line of TAB-separated cells with one is a pasted row.
_FIGURE_CELL_RE = compile_later(r"[-+－]?[0-9０-９]")
_CHINESE_DIGITS = "一二三四五六七八九十"
_HANZI_NUMBER = f"[{_CHINESE_DIGITS}]{{1,3}}"
"""A number of a list or a heading in Chinese numerals, one to ninety-nine (一, 十二, 九十九), as its marks write it
(一、, （一）): read by `_chinese_number_value`."""
# A list item as Word or WPS pastes it: its bullet or number, a TAB, then the item's text with no TAB in it
# (•<TAB>第一项, 1.<TAB>…, 一、<TAB>…, （1）<TAB>…). Word's plain text puts "o" and "§" (or U+F0A7) for its second
# and third levels of bullets, letters and Roman numerals (a. i. ii.) for its second and third levels of numbers.
_PASTED_ITEM_RE = compile_later(r"^ {0,3}(?:[-*+•●○◦▪▫■□◆◇❖➢➤►▶★☆✓✔√·・o§\uf0a7]|(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})[.)）]"
                             r"|[0-9０-９]{1,3}[.．、)）]"
                             rf"|[(（](?:[0-9０-９]{{1,3}}|{_HANZI_NUMBER})[)）]|{_HANZI_NUMBER}[、.．]"
                             r"|[A-Za-z][.)）]|[①-⑳⑴-⒇⒈-⒛㈠-㈩])\t+[^\t]*\S[ \t]*$")


def _table_problems(source: str, lines: list[str], path: str, first_line: int, clean_html: str = "") -> list[Problem]:
    """Warnings for tables Markdown shows as text: pipe rows with no separator row, or with one typed with
    full-width or long dashes (`_wide_dash_separator`), and cells pasted from Excel.

    A pipe table needs the line ``| --- | --- |`` under its first row;
    without it, the rows are shown as lines of text with their pipes. Rows
    copied from Excel or WPS are cells separated by TABs, which Markdown
    shows as text, the cells run together with a space between. Each is
    warned once, at the first row of two or more, with the lines to type; a
    row pasted alone is warned too when it holds three cells or more, one of
    them opening with a figure (``照明<TAB>18<TAB>10``): a line with one TAB,
    or of words only (``时间：5月3日<TAB>地点：镇政府<TAB>主持：张三``), is
    taken as text spaced with TABs. In a quote the rows offered keep its
    signs (``> | 照明 | 18 |``); a bullet before the cells is no cell. Rows
    typed with an indent, under a list item say, are text as well (indented
    code blocks are off) and told alike, the table offered at the line's
    start, out of the list (`_tab_cells_problem`). Lines that each hold one TAB, right
    after a list's bullet or number (``1.<TAB>编号第一项``, ``•<TAB>第一项``,
    ``一、<TAB>全面启动``: Word and WPS paste their lists so), are a list,
    not cells, and the page shows them as it shows the same lines with a
    space after the marker. Fenced code is left alone; found while
    converting (cached).
    """
    if "|" not in source and "\t" not in source:
        return []
    if "\t" not in source and _pipe_blocks_formed(lines):
        return []  # most pages with a table: each block of | lines has its --- line second
    return _table_scan_problems(lines, path, first_line, clean_html)


def _pipe_blocks_formed(lines: list[str]) -> bool:
    """True when no line can start a table Markdown shows as text, so `_table_scan_problems` finds none.

    Looks at each block of consecutive lines holding "|": it is well formed
    when each of its lines is a pipe row and it is one line, or its second
    line is the ``| --- |`` line (what follows that line never warns). Any
    other block, fences included, is left to the full scan. On a benchmark
    page with a table: 6 µs, against the scan's 58 µs.
    """
    count = len(lines)
    index = 0
    while index < count:
        if "|" not in lines[index]:
            index += 1
            continue
        end = index + 1
        while end < count and "|" in lines[end]:
            end += 1
        block = lines[index:end]
        if not all(_PIPE_ROW_RE.match(line) for line in block):
            return False
        if len(block) > 1 and (_SEPARATOR_ROW_RE.match(block[0]) or not _SEPARATOR_ROW_RE.match(block[1])):
            return False
        index = end
    return True


def _table_cell_problems(source: str, lines: list[str], md: markdown.Markdown, path: str,
                         first_line: int) -> list[Problem]:
    """Warnings for pipe tables whose rows do not have the first row's number of cells, each at its row.

    Python-Markdown's tables extension (its processor, from ``md``, splits
    the rows as it does when converting: ``\\|`` and pipes in code spans stay
    in their cell) drops the cells of a row beyond the first row's count:
    ``| 是否满意 | 是|否 |`` under two columns published "是" and lost "否",
    unwarned. A ``---`` line with another count than the first row makes
    the table text, pipes and all. Rows with fewer cells get empty ones:
    nothing is lost, and nothing is said. Fenced code is left alone.
    """
    processor = md.parser.blockprocessors["table"] if "table" in md.parser.blockprocessors else None
    if "|" not in source or processor is None:
        return []
    problems: list[Problem] = []
    # A table in a quote is read as one without its "> " (Markdown reads the quote's lines so).
    rows = [(index, _QUOTE_SIGNS_RE.sub("", line) if line.lstrip(" ").startswith(">") else line)
            for index, line in outside_fences(lines) if "|" in line]  # a table's lines, each holding a "|"
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end][0] == rows[start][0] + end - start \
                and not rows[end][1].startswith(("    ", "\t")):
            end += 1
        block = rows[start:end]
        start = max(end, start + 1)
        if len(block) < 2 or not _SEPARATOR_ROW_RE.match(block[1][1]):
            continue
        text = "\n".join(line for _, line in block)
        if "`" not in text and "\\" not in text and len({_inner_pipes(line) for _, line in block}) == 1:
            continue  # every row as many cells as the first (most tables): no pipe is escaped or in code
        if not processor.test(None, text):  # type: ignore[arg-type]
            # An invisible character before the first "|" (a BOM, U+200B) is told by `_invisible_problems`.
            split = processor._split_row  # type: ignore[attr-defined]
            header, under = ([cell.strip() for cell in split(_visible(line).strip(" "))] for _, line in block[:2])
            if len(header) > 1 and len(under) != len(header):
                signs = (under + ["---"] * len(header))[:len(header)]  # the alignments typed (:-:, --:) kept
                problems.append(Problem(
                    path, first_line + block[1][0], 1, "warning",
                    f"the line under the table's first row has {len(under)} cells and the first row "
                    f"{len(header)}, so Markdown shows the table as text, pipes and all",
                    f"write one --- for each column: {'| ' + ' | '.join(signs) + ' |'}"))
            continue
        count = len(processor.separator)  # type: ignore[attr-defined]
        for index, line in block[2:]:
            cells = processor._split_row(line.strip(" "))  # type: ignore[attr-defined]
            lost = "、".join(_clipped(cell.strip(), 20) for cell in cells[count:] if cell.strip())
            if len(cells) > count and lost:  # empty cells after the last (| 1 | 2 | |) lose nothing
                problems.append(Problem(
                    path, first_line + index, 1, "warning",
                    f"this row has {len(cells)} cells and the table's first row {count}, so the page shows only its "
                    f"first {count} and leaves out: {lost}",
                    'if a "|" belongs inside a cell, type it as \\|; for another column, add it to the first row '
                    "and a --- for it to the line under it"))
    return problems


_QUOTE_SIGNS_RE = compile_later(r"^ {0,3}(?:>[ ]?)+")
"""The quote signs that open a line of a quote (``> ``, ``> > ``)."""


def _visible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf: BOM, zero-width spaces)."""
    return "".join(char for char in text if unicodedata.category(char) != "Cf") if not text.isascii() else text


def _inner_pipes(row: str) -> int:
    """The pipes of a table row between its cells (those at its ends left out): its cells less one."""
    inner = row.strip(" \t")
    return inner[inner.startswith("|"):len(inner) - inner.endswith("|")].count("|")


def _table_scan_problems(lines: list[str], path: str, first_line: int, clean_html: str = "") -> list[Problem]:
    """The warnings of `_table_problems`, found by reading every line outside fences; an indented table only when
    the page (``clean_html``) shows its first row as typed, since a list item Markdown reads loosely (its text
    after a blank line) takes an indented table in as a table."""
    problems: list[Problem] = []
    rows = list(outside_fences(lines))
    index = 0
    while index < len(rows):
        number, line = rows[index]
        run = 1
        if (under := _wide_dash_separator(rows, index)) is not None:
            problems.append(Problem(path, first_line + number + 1, *under))
            while index + run < len(rows) and rows[index + run][0] == number + run and "|" in rows[index + run][1]:
                run += 1
            index += run
            continue
        if (indented := _indented_table_run(rows, index)) > 1:
            if html.escape(line.strip(" \t\u3000"), quote=False) in clean_html:
                problems.append(_indented_table_problem(lines, number, indented, path, first_line))
            index += indented
            continue
        pasted = _tab_cells(line)
        if not pasted and not _PIPE_ROW_RE.match(line):
            index += 1
            continue
        same = _tab_cells if pasted else _PIPE_ROW_RE.match
        while (index + run < len(rows) and rows[index + run][0] == number + run and same(rows[index + run][1])
               and (pasted or not _SEPARATOR_ROW_RE.match(rows[index + run][1]))):
            run += 1
        # A list pasted from Word (1.<TAB>…, •<TAB>…), in a quote or not, is no table: a cell typed beside a
        # number in a row (序号<TAB>措施 above 1.<TAB>摸排) makes the lines one.
        listed = pasted and all(_PASTED_ITEM_RE.match(_QUOTE_SIGNS_RE.sub("", text).lstrip(" \t"))
                                for _, text in rows[index:index + run])
        if pasted and not listed and (run >= 2 or _pasted_row_alone(line)):
            problems.append(_tab_cells_problem(line, run, _in_list_item(lines, number), path, first_line + number))
        elif not pasted and run >= 2 and not _SEPARATOR_ROW_RE.match(line):
            cells = line.strip().strip("|").count("|") + 1
            problems.append(Problem(
                path, first_line + number, 1, "warning",
                f"these {run} lines look like a table (表格), but no line of --- is under the first row, so "
                "Markdown shows them as text, pipes and all",
                f"add this line under the first row: |{' --- |' * cells}"))
        index += run
    return problems


_INDENTED_PIPE_ROW_RE = compile_later(r"^(?: {4,}| {0,3}[\t\u3000])[ \t\u3000]*\|.*\|")
"""A row of a pipe table typed 4 spaces or more in, or after a TAB or a full-width space (缩进)."""


def _indented_table_run(rows: list[tuple[int, str]], index: int) -> int:
    """How many lines from ``rows[index]`` on (line number, text) are an indented pipe table: a row, a line of
    --- under it, and the rows after, each indented as `_INDENTED_PIPE_ROW_RE` says; 0 when none starts there."""
    number, line = rows[index]
    if not _INDENTED_PIPE_ROW_RE.match(line) or index + 1 >= len(rows) or rows[index + 1][0] != number + 1 \
            or not _INDENTED_PIPE_ROW_RE.match(rows[index + 1][1]) \
            or not _SEPARATOR_ROW_RE.match(rows[index + 1][1].lstrip(" \t\u3000")):
        return 0
    run = 2
    while index + run < len(rows) and rows[index + run][0] == number + run \
            and _INDENTED_PIPE_ROW_RE.match(rows[index + run][1]):
        run += 1
    return run


def _indented_table_problem(lines: list[str], number: int, run: int, path: str, first_line: int) -> Problem:
    """The warning of `_table_problems` for ``run`` lines of a pipe table typed with an indent from ``lines[number]``.

    Indented code blocks are off and the tables extension reads no indented
    row, so each row is published as a paragraph of its own, pipes and all.
    A table is read at a line's start (up to 3 spaces in) and never inside
    a list item, so the hint gives the lines at their start, and under an
    item says that the table then goes under it, out of the list.
    """
    line = lines[number]
    indent = line[:len(line) - len(line.lstrip(" \t\u3000"))]
    wide = "a TAB (制表符)" if "\t" in indent else "a full-width space (全角空格)" if "\u3000" in indent \
        else f"{len(indent)} spaces"
    rows = [text.strip(" \t\u3000") for text in lines[number:number + run]]
    shown = ", then ".join(rows[:3]) + (", then the other rows" if run > 3 else "")
    place, where = "", ""
    if _in_list_item(lines, number):
        place = "Markdown reads no table among the lines of a list item (列表); "
        where = ", so that it goes under the item, out of the list"
    return Problem(
        path, first_line + number, len(indent) + 1, "warning",
        f"these {run} lines are a table (表格) typed with an indent (缩进) of {wide}, so Markdown shows each row as "
        "text, pipes and all, not as a table",
        f"{place}type each line at its start, not indented{where}: {shown}")


def _tab_cells(line: str) -> bool:
    """True when ``line`` holds cells separated by TABs (``照明<TAB>18``), however far in it is typed: indented
    code blocks are off, so an indented line is text too (under a list item, say), its cells run together."""
    return _TAB_CELLS_RE.match(line.lstrip(" \t")) is not None


def _in_list_item(lines: list[str], index: int) -> bool:
    """True when the line at ``index`` of ``lines``, indented (a quote's signs before it or not), goes on a list
    item above it (`_item_above`), where a table typed in its place would not be read as one."""
    bare = [_QUOTE_SIGNS_RE.sub("", line) for line in lines[:index + 1]]
    return bare[index][:1] in (" ", "\t", "\u3000") and _item_above(bare, index, 3) != ""


def _row_cells(line: str) -> tuple[str, list[str]]:
    """The quote signs a line of TAB-separated cells opens with, and its cells (a bullet before them left out)."""
    lead = _CELLS_LEAD_RE.match(line)
    return lead.group("signs"), [cell.strip() for cell in line[lead.end():].split("\t") if cell.strip()]


def _pasted_row_alone(line: str) -> bool:
    """True when ``line``, TAB-separated cells with no such line above or below it, is a row pasted from a
    spreadsheet: three cells or more, one opening with a figure (``照明<TAB>18<TAB>10``)."""
    cells = _row_cells(line)[1]
    return len(cells) >= 3 and any(_FIGURE_CELL_RE.match(cell) for cell in cells)


def _tab_cells_problem(line: str, run: int, in_item: bool, path: str, line_number: int) -> Problem:
    """The warning of `_table_problems` for ``run`` lines of TAB-separated cells from ``line`` (the first, at
    ``line_number`` of the file): the table to type, a quote's signs before each of its rows.

    Rows typed with an indent are offered at the line's start: a table is
    read only there, and never inside a list item (the tables extension
    reads no indented row, and `open_blocks` takes a table right under an
    item out of it), so rows under an item (``in_item``) are told that it
    goes under the item, out of the list; the items below it go on as a
    list of their own, a numbered one from its number.
    """
    lead = _CELLS_LEAD_RE.match(line)
    signs, cells = _row_cells(line)
    row, rule = f"{signs}| {' | '.join(cells)} |", f"{signs}|{' --- |' * len(cells)}"
    place, where = "", ""
    if in_item:
        place = "Markdown reads no table among the lines of a list item (列表); "
        where = ", each line at its start, not indented (缩进), so that it goes under the item, out of the list"
    elif lead.group("indent"):
        where = ", each line at its start, not indented (缩进)"
    if run > 1:
        return Problem(
            path, line_number, 1, "warning",
            f"these {run} lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown "
            "shows them as text, not as a table",
            f"{place}type the table with | between cells and a line of --- under the first row{where}: {row}, then "
            f"{rule}, then one row per line" + (f', each after "{signs}"' if signs else ""))
    heading = f"{signs}| {' | '.join(f'列{column}' for column in range(1, len(cells) + 1))} |"
    return Problem(
        path, line_number, 1, "warning",
        "this line holds cells separated by TABs, as pasted from a row of Excel or WPS (表格), so Markdown shows it as "
        "text, the cells run together with a space between, not as a table",
        f"{place}to show it as a table, type a heading row (表头) above it, a line of --- under that and | between "
        f"cells{where}: {heading}, then {rule}, then {row}, with the columns' names in place of 列1 …")


_WIDE_DASH_NAMES = {"－": "full-width dashes (全角 －)", "—": "long dashes (—, 破折号)", "―": "long dashes (―)",
                    "–": "en dashes (–)", "─": "box-drawing lines (─)", "：": "full-width colons (全角冒号 ：)"}
"""The signs of `_WIDE_DASHES` → how a message names them."""


def _wide_dash_separator(rows: Sequence[tuple[int, str]], index: int) -> tuple[int, str, str, str] | None:
    """``(column, "warning", message, hint)`` for the line under the table row ``rows[index]`` (``(number,
    line)`` pairs, as `outside_fences` gives them) when its dashes are typed with an input method (``| －－ |
    ：－－ |``, ``—— | ——``), placed on that line; None for any other.

    Markdown reads the line under a table's first row only with half-width
    "-" and ":", so the table was shown as text, pipes and all; told as a
    missing line, the hint added a line and the typed one became a row of
    "－－". The line offered replaces it, the alignments typed kept
    (`_separator_to_type`). Bars typed full-width are `_full_width_tables`'.
    """
    number, line = rows[index]
    if index + 1 >= len(rows) or rows[index + 1][0] != number + 1 or "|" not in line or "｜" in line:
        return None
    under = rows[index + 1][1]
    if "｜" in under or _SEPARATOR_ROW_RE.match(line) or _SEPARATOR_ROW_RE.match(under) \
            or not _is_wide_separator(under):
        return None
    typed = [sign for sign in _WIDE_DASH_NAMES if sign in under]
    column = min(under.index(sign) for sign in typed) + 1
    names = " and ".join(_WIDE_DASH_NAMES[sign] for sign in typed)
    return (column, "warning",
            f"the line under the table's first row is typed with {names}, so Markdown does not read it as that "
            "line and shows the table as text, pipes and all",
            paste_hint("type it in half width (半角), in place of this line", _separator_to_type(under)))


# A list item as an input method types it: "1.成立" (no space), "1．成立" (a full-width dot), "-成立" (no space), or
# with a sign Markdown knows no bullet by: a full-width "－" (spaced or not, as "-" would be), a dash "—" or "–", a
# dot "•", "·" or "・" or any other sign editors put before an item (●, ■, ★, ✓, ※, ＊...) right before the text,
# or a number typed in Chinese style (1、 （1） (1) 1） 一、 （一） ① ⑴), right before the text or a space, TAB or
# odd space before it (`_ITEM_GAP`: • 60份, •<TAB>第一项, 一、<TAB>全面启动, as Word and WPS paste a list):
# Markdown reads no list from either, and the page runs the lines into one paragraph. A digit right after the dot
# or a dash is a figure (1.5万元, 2018.5, -5元, －5元), not an item; so the text right after "1.", "-" or a dash
# must start with a letter or an opening quote or bracket, after "1．" with no digit; after a gap a digit may
# follow (— 60份, 1． 60份). A dot sign is no minus: a digit may follow it (•2024年完成). Two dashes (——) open a
# sentence as punctuation, not a list. Bold text may open an item (•**走访**老旧小区).
_ITEM_TEXT = r"(?=[^\W\d_]|[“‘《（【「]|\*\*(?!\*))"
_SIGN_TEXT = r"(?=[^\W_]|[“‘《（【「]|\*\*(?!\*))"
_ITEM_GAP = f"[ \t{WIDE_SPACES}]"
_ITEM_SIGN_NAMES = MappingProxyType({
    "—": "an em dash, 破折号", "–": "an en dash, 连接号", "•": "a bullet, 项目符号",
    "·": "a middle dot, 间隔号", "・": "a full-width middle dot, 全角间隔号", "●": "a black circle, 实心圆点",
    "○": "a white circle, 空心圆点", "◦": "a white bullet, 空心圆点", "■": "a black square, 实心方块",
    "□": "a white square, 空心方块", "▪": "a small black square, 小方块", "▫": "a small white square, 小方块",
    "◆": "a black diamond, 实心菱形", "◇": "a white diamond, 空心菱形", "❖": "a diamond, 菱形",
    "★": "a black star, 实心星号", "☆": "a white star, 空心星号", "▶": "a triangle, 三角形",
    "►": "a pointer, 三角形", "➢": "an arrowhead, 箭头", "➤": "an arrowhead, 箭头", "✓": "a check mark, 对勾",
    "✔": "a check mark, 对勾", "√": "a check mark, 对勾", "※": "a reference mark, 米字符号",
    "＊": "a full-width asterisk, 全角星号", "￭": "a black square, 实心方块", "￮": "a white circle, 空心圆点"})
# A number typed in Chinese style, each group named for how its value is read: "1、", "（1）", "(1)", "1）",
# "一、", "（一）", a circled number (①-⑳) or one in brackets (⑴-⒇).
_CHINESE_NUMBER_PATTERN = (r"(?P<numbered>(?P<figure>\d{1,2})(?:、|）)|[（(](?:(?P<bracketed>\d{1,2})"
                           rf"|(?P<hanzi_bracketed>{_HANZI_NUMBER}))[）)]"
                           rf"|(?P<hanzi>{_HANZI_NUMBER})、|(?P<circled>[①-⑳⑴-⒇]))")
# The sign or number of an item of a second or third level as Word and WPS paste a list as text, a TAB after it:
# the bullets "o" (second level), "§" or U+F0A7 (third: Wingdings' square, its font lost; with it kept, "▪", one
# of `_ITEM_SIGN_NAMES`), a letter (a. a) b.) or a Roman numeral (i. ii. iii.). Only before a TAB: "o ring", "a. m."
# are words.
_ROMAN = "(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})"
_WORD_LEVEL_SIGNS = MappingProxyType({"o": "Word's bullet of a second level, 二级项目符号",
                                      "§": "Word's bullet of a third level, 三级项目符号",
                                      "\uf0a7": "Word's bullet of a third level, 三级项目符号"})
_WORD_LEVEL_PATTERN = rf"(?P<level>[o§\uf0a7]|(?P<lettered>[a-z]|{_ROMAN})[.)）])"
_SLIPPED_ITEM_PATTERN = (r" {0,3}(?:(?P<number>\d{1,9})(?:(?P<dot>\.)" + _ITEM_TEXT
                         + r"|．(?:" + _ITEM_GAP + r"+(?=\S)|(?![\d０-９])(?=\S)))"
                         + r"|-" + _ITEM_TEXT
                         + r"|(?P<sign>－(?P<space>[ \t\u3000]*)" + _ITEM_TEXT
                         + r"|[—–](?:" + _ITEM_TEXT + "|" + _ITEM_GAP + "+" + _SIGN_TEXT + ")"
                         + "|[" + "".join(sign for sign in _ITEM_SIGN_NAMES if sign not in "—–") + "]"
                         + _ITEM_GAP + "*" + _SIGN_TEXT + ")"
                         + "|" + _CHINESE_NUMBER_PATTERN + _ITEM_GAP + "*" + _SIGN_TEXT
                         + "|" + _WORD_LEVEL_PATTERN + r"\t" + _ITEM_GAP + "*" + _SIGN_TEXT + ")")
_SLIPPED_ITEM_RE = compile_later("^" + _SLIPPED_ITEM_PATTERN)
# The same at the start of any line, inside quotes too (a quick look before the line-by-line one); the quotes'
# signs are taken possessively, as in `_ANY_ORDERED_ITEM_RE`.
_ANY_SLIPPED_ITEM_RE = compile_later(f"^(?:{_QUOTE_PREFIX_RE.pattern})*+{_SLIPPED_ITEM_PATTERN}", re.MULTILINE)


_Reading = tuple[int, str, int, str]
"""How a line reads as a list item (`_item_readings`): the level its sign says (0 for any sign but Word's of a second
level, 1, or third, 2); its kind, "ol" or "ul"; its number, 0 for "ul"; the line to type at the list's first
level, "" when Markdown reads it as an item already or another warning gives it."""


def _item_readings(line: str) -> list[_Reading]:
    """How ``line`` (a quote's signs taken off) reads as a list item, as typed or as it looks typed
    (`_Reading`), the likeliest first: two for a Word item whose letter is a Roman numeral too (``i.``, ``v.``,
    ``x.``: a third level's first number, or the letter after ``h.``), one for any other item, none for any other
    line."""
    kind = _item_kind(line)
    if kind:
        return [(0, kind, int(re.match(r" *(\d*)", line).group(1) or 0), "")]
    found = _SLIPPED_ITEM_RE.match(line)
    if found is None or _TAB_CELLS_RE.match(line[found.end():]):
        return []  # cells between TABs after the number (1、<TAB>照明<TAB>18): a table's row, `_table_problems`
    number = found.group("number")
    text = line[found.end():].strip()
    if number and _is_year(int(number)):
        return []  # "2018.全年目标完成" is a year, shown as typed: "2018. 全年…" would make it a list's number
    if found.group("level"):
        return _word_level_readings(found.group("level"), found.group("lettered"), text)
    if found.group("numbered"):
        value = _chinese_number_value(found)
        return [(0, "ol", value, f"{value}. {text}")] if value else []
    if number:
        return [(0, "ol", int(number), f"{number}. {text}")]
    if found.group("space"):
        return [(0, "ul", 0, "")]  # "－ 项目": `_full_width_sign_problems` tells of it, even alone and in quotes
    sign = found.group("sign") or ""
    return [(2 if sign.startswith("▪\t") else 0, "ul", 0, f"- {text}")]  # ▪<TAB>: Word's third level, its font kept


def _word_level_readings(sign: str, lettered: str | None, text: str) -> list[_Reading]:
    """The readings (`_Reading`) of an item of Word's second or third level: ``sign`` its bullet or its letter
    and mark (``o``, ``§``, ``b.``, ``ii)``), ``lettered`` the letter or Roman numeral, ``text`` what follows."""
    if not lettered:
        return [(1 if sign == "o" else 2, "ul", 0, f"- {text}")]
    readings: list[_Reading] = []
    if re.fullmatch(_ROMAN, lettered):
        value = _roman_value(lettered)
        readings.append((2, "ol", value, f"{value}. {text}"))
    if len(lettered) == 1:
        value = ord(lettered) - ord("a") + 1
        readings.append((1, "ol", value, f"{value}. {text}"))
    return readings


def _roman_value(numeral: str) -> int:
    """The value of a small Roman numeral in lower case (``iv`` → 4, `_ROMAN`)."""
    values = [{"i": 1, "v": 5, "x": 10}[char] for char in numeral]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0]))


def _chinese_number_value(found: re.Match[str]) -> int:
    """The value of the number a match of `_SLIPPED_ITEM_RE` typed in Chinese style (``3、``, ``（3）``, ``③``,
    ``⑶``, ``三、``, ``（十二）``), 0 for a run of Chinese numerals no number is written as (``一一、``)."""
    figure = found.group("figure") or found.group("bracketed")
    if figure:
        return int(figure)
    circled = found.group("circled")
    if circled:
        return (ord(circled) - ord("①")) % 20 + 1  # ①-⑳ and ⑴-⒇ are two runs of 20 in Unicode
    hanzi = found.group("hanzi") or found.group("hanzi_bracketed")
    tens, ten, units = hanzi.rpartition("十")
    if not ten:
        return _CHINESE_DIGITS.index(hanzi) + 1 if len(hanzi) == 1 else 0
    if len(tens) > 1 or len(units) > 1 or "十" in tens + units:
        return 0
    return (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_CHINESE_DIGITS.index(units) + 1 if units else 0)


_OPENING_FENCE_RE = compile_later(r"^(`{3,})[ ]*(?:\{[^}\n]*\}|\.?[\w#.+-]*)[ ]*$")
"""A line Python-Markdown's fenced_code reads as a code block's opening fence (backticks and a language at most),
closed only by a line of the same fence. Tildes are left out: "~~~~~~" is a separator line in Chinese text,
"~~~好消息~~~" decoration."""


def _open_fence_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """A warning at a code fence (```, 代码块) that no fence closes.

    Python-Markdown makes a code block only of a fence and its closing one: a
    fence left open is shown as typed (a line "```" in the page) and the lines
    after it read as text, while the checks that skip code (`outside_fences`)
    took them for code and told nothing of them. Only when the page shows the
    fence's signs (a closed block holds none of them as text). The hint
    closes it, or deletes it when no code was meant.
    """
    if "```" not in clean_html:
        return []
    fence, opened = "", None
    for index, line in enumerate(lines):
        found = _OPENING_FENCE_RE.match(line)
        if fence and line.strip() == fence:
            fence, opened = "", None
        elif not fence and found:
            fence, opened = found.group(1), index
    if opened is None:
        return []
    line = lines[opened]
    sign = fence
    return [Problem(path, first_line + opened, line.index(sign) + 1, "warning",
                    f'the code block (代码块) begun by "{sign}" on this line is never closed, so the page shows '
                    f'"{sign}" as typed and the lines after it as text',
                    f"type {sign} on a line of its own below the code's last line; if no code was meant, delete "
                    f"this line")]


def _tilde_block_problems(source: str, lines: list[str], clean_html: str, path: str,
                          first_line: int) -> list[Problem]:
    """A warning at each pair of "~~~" lines that made Chinese text a code block (代码块).

    A line of tildes is a separator in Chinese articles (``~~~~~~~~``), and
    Markdown draws no line for it: two such lines of the same length, with
    no language after the first, are a fenced code block to Python-Markdown,
    and the text between them is shown as code (fixed-width type, line by
    line as typed, its bold and links not read) and skipped by the checks of
    text. Paired with Python-Markdown's own pattern (fenced_code's
    ``FENCED_BLOCK_RE``), so the warning names exactly the blocks the page
    shows; a block with no Han character in it is taken for code meant.
    """
    if "~~~" not in source or "<pre" not in clean_html:
        return []
    problems = []
    for found in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(source):
        fence = found.group("fence")
        code = found.group("code")
        if not fence.startswith("~") or found.group("lang") or found.group("attrs") or not any(map(is_han, code)):
            continue
        opened = source.count("\n", 0, found.start())
        closed = opened + code.count("\n") + 1
        between = closed - opened - 1
        problems.append(Problem(
            path, first_line + opened, 1, "warning",
            f'the lines "{fence}" here and at line {first_line + closed} make a code block (代码块) of the '
            f"{between} line{'s' * (between != 1)} between them: the page shows them as code, in fixed-width type "
            "and as typed, their bold, lists and links not read; Markdown draws no line for a line of ~",
            "if the ~ lines were meant to set the text apart, delete both; to draw a separating line (分隔线), type "
            "*** in place of each, with a blank line above and below it"))
    return problems


_END_MARK_RE = compile_later(r"^( {0,3})[-*+][ \t]+(?:((?:THE )?END)(?:[ \t]+[-*+])?|(全文完|完|结束)[ \t]+[-*+])[ \t]*$",
                             re.IGNORECASE)
"""The mark a WeChat article ends with, typed with list dashes: "- END -" (a list item "END -" in Markdown); a
Chinese word (完, 结束) only between two dashes, as "- 结束" alone is an item of a list of steps."""


def _beside_items(lines: Sequence[str], index: int) -> bool:
    """True when the line before or after ``lines[index]`` (blank lines set aside) is a list item: the line is
    one item of a list, not a mark standing alone."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    after = next((line for line in lines[index + 1:] if line.strip()), "")
    return bool(_LIST_ITEM_RE.match(before) or _LIST_ITEM_RE.match(after))


def _end_mark_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A warning at each line "- END -" (the end mark of a WeChat article, 文末标记) outside code: Markdown reads
    it as a list item, and the page shows a dot and "END -". The hint deletes it (a page needs no end mark),
    or keeps it typed with full-width dashes, which no list starts with."""
    if "完" not in source and "结束" not in source and "end" not in source.lower():
        return []  # most pages: no line to look at
    problems = []
    for index, line in outside_fences(lines):
        found = _END_MARK_RE.match(line) if "-" in line or "*" in line or "+" in line else None
        if found is not None and not _beside_items(lines, index):
            item = line.strip()[1:].strip()
            problems.append(Problem(path, first_line + index, len(found.group(1)) + 1, "warning",
                                    f'"{line.strip()}" is read as a list item (列表), so the page shows a dot and '
                                    f'"{item}"', f"delete this line: a page ends without an end mark; to keep it, "
                                    f"type it with full-width dashes (全角): —{found.group(2) or found.group(3)}—"))
    return problems


def _slipped_item_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for list items typed as an input method gives them: ``1.成立`` with no space after the dot,
    ``1．成立`` with a full-width dot (全角), ``-成立`` with no space after the dash, ``－成立`` with a
    full-width dash, ``—成立``, ``–成立``, ``•成立``, ``●成立``, ``★成立`` (`_ITEM_SIGN_NAMES`) with a sign
    Markdown knows no bullet by, ``①成立``, ``1、成立``, ``（1）成立``, ``一、成立`` with a number typed in
    Chinese style; inside quotes too (``> 1.成立``). So with a space or TAB
    after the sign or number (``• 第一项``, ``1、 第一项``, ``•<TAB>第一项``, as
    Word and WPS paste a list): the line offered is the same.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. Markdown reads none of them as an item: the page
    shows each as a line of text, the run as one paragraph. Told, at each
    such line with the line to type (a quote's signs kept), only in a run
    of two or more lines in a row, blank lines between them or not, that
    are items of one kind (the numbers in order, 1, 2, 3), as typed or so
    slipped, or in one such line right under a line ending in a colon
    (``主要做法：``): a single line elsewhere, a sign inside a sentence, figures
    (``1.5万元``, ``2018.5``, ``-5元``, ``－5元``), a year (``2018.全年目标完成``,
    shown as typed, where a space after the dot would make the year a list's
    number: `_year_item_problems`), a sentence opened with a
    Chinese dash (``——``) and fenced code are left alone.
    """
    if not _ANY_SLIPPED_ITEM_RE.search(source):
        return []
    return [_slipped_item_problem(lines[index], column, fixed, path, first_line + index,
                                  _stands_alone(lines, index))
            for index, column, fixed in _slipped_items(lines)]


def _stands_alone(lines: Sequence[str], index: int) -> bool:
    """True when ``lines[index]`` has a blank line (or a quote's signs only) or the body's edge above and below
    it: a paragraph of its own."""
    return all(not (lines[near].strip(" \t>") if 0 <= near < len(lines) else "") for near in (index - 1, index + 1))


def _slipped_items(lines: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """The slipped items of `_slipped_item_problems` in ``lines`` and in the quotes among them, at any
    depth (`_quoted_texts`), as (line index, column of the item's sign from 0, the line to type, the quote's
    signs kept; a lazy line under a quote gets the signs of the line above it, which keep it in the quote)."""
    for text, places, lazy in _quoted_texts(lines):
        for inner, column, fixed in _slipped_runs(text, lazy):
            index, signs, typed = places[inner]
            yield index, signs + column, typed + fixed


def _slipped_runs(lines: Sequence[str], lazy: frozenset[int]) -> Iterator[tuple[int, int, str]]:
    """The slipped items in runs of two or more in ``lines``, quotes not looked into nor the lines of
    ``lazy`` (a quote's lazy lines, read with it), as (line index, column of the item's sign from 0, the
    line to type).

    Items of Word's second and third levels (``o<TAB>…`` under ``•<TAB>…``)
    go on the run, each offered 4 spaces further in than the item above it
    for each level down, as Python-Markdown nests a list; one typed with no
    item of a level above it is offered at the first level.
    """
    run: list[tuple[int, str]] = []
    stack: list[tuple[int, str, int]] = []
    for index, line in [*outside_fences(lines), (len(lines), "-")]:
        if not line.strip() and index not in lazy:
            continue  # items typed a blank line apart (●坚持…, blank, ●坚持…) are one list to the eye too
        readings = [] if index in lazy else _item_readings(line.rstrip(" \t"))
        apart = bool(run) and any(lines[between].strip() for between in range(run[-1][0] + 1, index))
        nested = _nested_item_depth(line) if run and not apart and index not in lazy else 0
        if nested:  # a sub-item Markdown reads (a line offered here, typed): the run goes on under it
            depth = min(nested, len(stack))
            number = re.match(r"[ \t]*(\d*)", line).group(1)
            stack[depth:] = [(depth, "ol" if number else "ul", int(number or 0))]
            run.append((index, ""))
            continue
        placed = _placed_item(stack, readings) if run and not apart else None
        if run and placed is None:
            if len(run) > 1 or _introduces_items(lines, run[0][0]):
                yield from ((at, _spaces_in(lines[at]), fixed) for at, fixed in run if fixed)
            run = []
        if readings:
            if placed is None:
                stack[:] = [readings[0][:3]]
                placed = (0, readings[0])
            depth, (_, _, _, fixed) = placed
            run.append((index, " " * 4 * depth + fixed if fixed else ""))


def _nested_item_depth(line: str) -> int:
    """How many levels in ``line`` is typed as a list item Markdown nests (``    - 走访``: 4 columns of indent a
    level, a TAB as 4), 0 for any other line."""
    width = _indent_width(line)
    return width // 4 if width >= 4 and _LIST_ITEM_RE.match(line[_indent_chars(line, width // 4 * 4):]) else 0


def _placed_item(stack: list[tuple[int, str, int]], readings: list[_Reading]) -> tuple[int, _Reading] | None:
    """Where an item read as ``readings`` (`_item_readings`) goes in the list typed above it, or None when it goes
    on none (or ``readings`` is empty): (its depth, 0 for the first level, and the reading taken).

    ``stack`` holds the level, kind and number of the last item at each depth, the first level's first, and is
    updated. An item goes on the list at the depth of its level, as the next of its kind (in a numbered list,
    the next number), or, deeper than every item above, starts a list under the item above; the first is taken
    first (``i.`` after ``h.`` is the letter that follows, not a list of Roman numerals). An item of Word's lower
    levels that goes on no list above (``a.`` after ``o``) starts one under the item right above, as it does once
    the items above are typed as Markdown's (``- ``, their levels then told by their indent).
    """
    opening = None
    for reading in readings:
        level, kind, number, _ = reading
        depth = next((at for at, above in enumerate(stack) if above[0] >= level), len(stack))
        for at in (depth, depth + 1) if level else (depth,):
            if at < len(stack) and kind == stack[at][1] and (kind == "ul" or number == stack[at][2] + 1):
                stack[at:] = [(level, kind, number)]
                return at, reading
        if opening is None and (depth == len(stack) or level):
            opening = reading
    if opening is None:
        return None
    stack.append(opening[:3])
    return len(stack) - 1, opening


def _introduces_items(lines: Sequence[str], index: int) -> bool:
    """True when the line right above ``lines[index]`` ends with a colon (``主要做法：``): a single item typed
    under it is meant as a list's, as one after another would be."""
    return index > 0 and lines[index - 1].rstrip().endswith(("：", ":"))


def _slipped_item_problem(line: str, column: int, fixed: str, path: str, line_number: int,
                          alone: bool) -> Problem:
    """The warning of `_slipped_item_problems` for ``line`` (at ``line_number`` of the file), its item's sign
    at ``column`` (from 0), ``fixed`` the line to type; ``alone`` when the line is a paragraph of its own."""
    marker = _SLIPPED_ITEM_RE.match(line[column:])
    number = marker.group("number") if marker else ""
    sign = (marker.group("sign") or "")[:1] if marker else ""
    extra = ""
    offered = _QUOTE_SIGNS_RE.sub("", fixed)
    if marker and marker.group("lettered"):
        value = offered.strip().split(".", 1)[0]
        roman = re.fullmatch(_ROMAN, marker.group("lettered")) and _roman_value(marker.group("lettered")) == int(value)
        what = (f'the number before the text is typed "{marker.group("level")}" '
                f'({"a Roman numeral, 罗马数字" if roman else "a letter, 字母"}), not "{value}."')
        how = f'type "{value}." in its place, with a space after it'
    elif marker and marker.group("level"):
        shown = "U+F0A7" if marker.group("level") == "\uf0a7" else f'"{marker.group("level")}"'
        what = f'the sign before the text is {shown} ({_WORD_LEVEL_SIGNS[marker.group("level")]}), not "-"'
        how = 'type "-" in its place, with a space after it'
    elif marker and marker.group("numbered"):
        value = _chinese_number_value(marker)
        what = f'the number before the text is typed "{marker.group("numbered")}", not "{value}."'
        how = f'type "{value}." in its place, with a space after it'
    elif number and marker and not marker.group("dot"):
        what = f'the dot after "{number}" is full-width (全角)'
        how = "type the dot in half width (半角), with a space after it"
    elif sign == "－":
        what, how = 'the "－" is full-width (全角)', "type it in half width (半角), with a space after it"
    elif sign:
        what = f'the sign before the text is "{sign}" ({_ITEM_SIGN_NAMES[sign]}), not "-"'
        how = 'type "-" in its place, with a space after it'
        if sign == "—":  # a Chinese dash typed once where two were meant ("—是的。") is no bullet
            extra = "; if it is punctuation, not a bullet, " + paste_hint(
                "type the dash as two (破折号)", line[:column] + "——" + line[column + len(marker.group()):].strip())
    else:
        sign = f"{number}." if number else "-"
        what, how = f'there is no space after "{sign}"', f'type a space after "{sign}"'
    if _spaces_in(offered):  # an item of Word's second or third level; spaces at a hint's start are easily missed
        how += f", the line indented by {_spaces(_spaces_in(offered))} (缩进) to go under the item above (下一级)"
    return Problem(
        path, line_number, column + 1, "warning",
        f"{what}, so Markdown does not read this line as a list item (列表): the page shows it as text, "
        f"{'a paragraph of its own' if alone else 'run together with the lines around it'}: "
        f"{_clipped(line.strip())}",
        paste_hint(how, fixed) + extra)


def _odd_space_item_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for list items whose marker is followed by a full-width or no-break space (``-　征求意见``).

    Markdown needs an ordinary space (or a TAB) after ``-``, ``*``, ``+`` or
    ``1.``, so the page shows such a line as text, marker and all, where a
    list was meant. Each is warned at the marker, with the line to type;
    inside quotes too, at any depth (``> -　甲`` gets ``> - 甲``, the quote's
    signs kept as typed; a lazy line, typed without ``>`` right under a
    quote, which the page shows in it, the signs of the line above it).
    Fenced code is left alone; found while converting (cached).
    """
    if not _ODD_SPACE_RE.search(source):
        return []
    problems: list[Problem] = []
    for text, places, lazy in _quoted_texts(lines):
        for inner, own in outside_fences(text):
            found = None if inner in lazy else _ODD_SPACE_ITEM_RE.match(own)
            if found is None:
                continue
            index, column, signs = places[inner]
            marker, rest = found.group("marker"), own[found.end():].rstrip()
            problems.append(Problem(
                path, first_line + index, column + found.start("marker") + 1, "warning",
                f'{space_name(found.group("space"))} follows "{marker}", so Markdown does not read this line as a '
                f"list item (列表项): {_clipped(lines[index].strip())}",
                paste_hint(f'type an ordinary space (半角空格) after "{marker}"', f"{signs}{marker} {rest}")))
    return problems


# Stars typed to hide part of a name (王**、李**): right after a word, right before punctuation; and the
# bold they make, starting with that punctuation.
_MASKING_STARS_RE = compile_later(r"(?<=\w)(\*{2,}|_{2,})(?=[" + re.escape(AFTER_NAME) + "])")
_BOLD_FROM_PUNCTUATION_RE = compile_later("<strong>[" + re.escape(AFTER_NAME) + "]")
# Stars typed for hidden characters that Markdown pairs into italics (one a character: 张*明、李*华; 陈*（化名）) or
# bold (张**反映，李**也说). A pair is taken for masking stars when it follows a surname, its text starts with a
# Chinese character and it ends before another surname with what stands between two names in it (张*明和李*华,
# 张**反映，李**也说: `masks_two_names`, which the plain-text fields use too), or, for italics, holds a sentence's
# end or a quote (张*明说。李*华也说; 王*红说：“*很好*”); italics too when their text starts with punctuation
# (张*、李*) or holds a list's separator with a word right after the second star (张*明、李*华反映). Bold is mostly
# meant, after any word (实施**“乡村振兴”**, 关于**资金**, 对**红白事场所、日托中心**的需求), and so are italics
# of words (这是*重点和难点*内容); bold starting with punctuation is `_MASKING_STARS_RE`'s.
_MASKING_STAR_PAIR_RE = compile_later(
    r"(?<=\w)(?<![\\*])(?P<run>\*\*?)(?!\*)(?P<text>[^*\n]+?)(?<![\\*])(?P=run)(?!\*)(?=(?P<after>.?))")
_SENTENCE_SIGNS = "。！？：“”‘’"
_FORMULA_REACH = 30
"""How far before a star `_FORMULA_LEFT_RE` looks: a formula's word is short, and a paragraph's line is long."""
_FORMULA_LEFT_RE = compile_later(r"(?P<equals>[=＝]\s*)?(?P<word>\w+)$")
"""The word before a star (searched up to it), and an "=" right before that word: a formula's start."""
_FORMULA_RIGHT_RE = compile_later(r"(?P<word>\w+)(?P<equals>\s*[=＝])?")
"""The word after a closing star, and an "=" right after it: a formula's end (长*宽*高=面积)."""
_FIGURE_STAR_PAIR_RE = compile_later(r"(?<=[0-9０-９%％‰])(?<![\\*])\*(?!\*)(?P<text>[^*\n]+?[0-9０-９%％‰])\*(?!\*)")
"""Two single stars each typed right after a figure (``95%*，整改率达90%*``): marks of a note, as reports put after
the figures a note explains, which Markdown reads as the start and end of italics."""


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _masking_star_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for stars that hid part of a name.

    ``王**、李**两位`` (stars typed for hidden characters) is bold to
    Markdown: the page shows "王、李两位" with "、李" in bold and no star;
    ``张*明、李*华反映`` is italics: "张明、李华反映", the names changed.
    Each is warned at its line and column, when the page shows it so.
    Fenced code is left alone; found while converting (cached).
    """
    masked = bool(_BOLD_FROM_PUNCTUATION_RE.search(clean_html))
    masked_one_by_one = "<em>" in clean_html or "<strong>" in clean_html
    if not masked and not masked_one_by_one:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "*" not in line and "_" not in line:
            continue  # every pattern below holds a star, or a run of "_" (most lines: skipped at once)
        if masked_one_by_one:
            plain = _without_code_spans(line)
            for pair in _MASKING_STAR_PAIR_RE.finditer(plain):
                text, run = pair["text"], pair["run"]
                if len(run) == 2 and text[0] in MASK_OPENING:
                    continue  # 王**、李**: told below
                if len(run) == 1 and _FIGURE_STAR_PAIR_RE.match(plain, pair.start()):
                    continue  # 296*份，已解决103*: marks of a note after figures, told below
                tag = "em" if len(run) == 1 else "strong"
                if f"<{tag}>{html.escape(text, quote=False)}</{tag}>" not in clean_html:
                    continue  # not a pair Markdown made (the end of one bold and the start of the next)
                # 张*明和李*华: a surname before each run, the text starting with a name's character and holding
                # what stands between two names (or, for italics, a sentence's end or a quote: 张*明说。李*华).
                before = plain[pair.start() - 1]
                surnamed = masks_two_names(before, text) or (
                    len(run) == 1 and before in SURNAMES and is_han(text[0])
                    and any(sign in text for sign in _SENTENCE_SIGNS))
                # 面积=长*宽*高, 长*宽*高=面积, A*B*C型: stars between the words of a formula (an "=" right before its
                # first word or right after its last) or between letters are multiplication signs (乘号);
                # 这是*重点*内容, and 设x=1，则*重点*在于, are italics meant.
                between_words = len(run) == 1 and re.fullmatch(r"\w", pair["after"]) and re.fullmatch(r"\w+", text)
                # The formula's words either side, looked for only then, and within _FORMULA_REACH characters.
                left = _FORMULA_LEFT_RE.search(plain, max(0, pair.start() - _FORMULA_REACH), pair.start()) \
                    if between_words else None
                right = _FORMULA_RIGHT_RE.match(plain, pair.end()) if between_words else None
                multiplied = between_words and ((before + text + pair["after"]).isascii()
                                                or bool(left and left["equals"]) or bool(right and right["equals"]))
                if surnamed or multiplied or (len(run) == 1 and (text[0] in MASK_OPENING or (
                        re.search(r"[、，；]", text) and re.fullmatch(r"\w", pair["after"])))):
                    escaped = "\\*" * len(run)
                    shown = line[pair.start() - 1] + escaped + text + escaped + pair["after"]
                    stars, kind = ('two "*"', "italics (斜体)") if len(run) == 1 else ('two "**"', "bold (加粗)")
                    formula = (left["word"] if left else before) + f"×{text}×" + (right["word"] if right else "")
                    times = (f"if they are multiplication signs (乘号), write × in their place: {formula}; "
                             if multiplied and not surnamed else "")
                    shown = formula.replace("×", escaped) if times else shown
                    problems.append(Problem(
                        path, first_line + index, pair.start() + 1, "warning",
                        f'the {stars} here are read as {kind}, so the page shows no stars and "{text}" '
                        f"{'slanted' if len(run) == 1 else 'in bold'}: {_clipped(line.strip())}",
                        f"{times}to show the stars, write a backslash before each: {shown}"))
            for pair in _FIGURE_STAR_PAIR_RE.finditer(plain):
                text = pair["text"]
                if f"<em>{html.escape(text, quote=False)}</em>" not in clean_html:
                    continue
                problems.append(Problem(
                    path, first_line + index, pair.start() + 1, "warning",
                    f'the two "*" after figures here are read as italics (斜体), so the page shows no stars and '
                    f'"{_clipped(text, 30)}" slanted: {_clipped(line.strip())}',
                    f"to show the stars (marks of a note), write a backslash before each: "
                    f"{re.search(r'[0-9０-９.%％‰]*$', plain[:pair.start()]).group()}\\*{text}\\*"))  # type: ignore[union-attr]
        if masked:
            for found in _MASKING_STARS_RE.finditer(line):
                if line.count(found.group(1)[:2], 0, found.start()) % 2:
                    continue  # it closes bold opened before it (**重点**，)
                problems.append(Problem(
                    path, first_line + index, found.start() + 1, "warning",
                    f'the "{found.group(1)}" here is read as bold (加粗), so the page shows no stars: '
                    f"{_clipped(line.strip())}",
                    "to show the stars, write a backslash before each: " + "".join("\\" + c for c in found.group(1))))
    return problems


def _sub_item_problems(source: str, lines: list[str], clean_html: str, path: str,
                       first_line: int) -> list[Problem]:
    """Warnings for sub-items Markdown put at the level above.

    Takes the body, its lines, the page's HTML, the file's path and the
    file line of the body's first line. A sub-item indented by two spaces
    (as many editors do) is read as an item of the same list, or, after a
    blank line, as the first item of a list of its own below that list:
    Python-Markdown nests an item only when it is indented by four spaces.
    Each is warned at its line. After a blank line, 4 spaces alone would
    not do: Python-Markdown then takes the next item of the list above
    (``2. 第二项``) into the sub-list too, so the hint deletes the blank
    line. A sub-item the page shows as text, marker and all (``-`` under
    ``1.``, which does not go on a numbered list), is not read at any level:
    `_indented_marker_problems` tells it, one warning a line. Fenced code is
    left alone; found while converting (cached).
    """
    if "\n " not in source:
        return []
    problems: list[Problem] = []
    base: int | None = None  # indent of the first item of the list the lines above are in
    for index, line in outside_fences(lines):
        item = _LIST_ITEM_RE.match(line)  # at most 3 spaces in: a sub-item only from 4
        indent = len(line) - len(line.lstrip(" "))
        if item and base is not None and base < indent and not _shown_as_typed(line.strip(), clean_html) \
                and not _is_year_item(line):  # `_year_item_problems` tells a year taken for an item's number
            after_blank = index > 0 and not lines[index - 1].strip()
            nest = "indent it by 4 spaces" + (" and delete the blank line above it" if after_blank else "")
            problems.append(Problem(
                path, first_line + index, 1, "warning",
                f"this item is indented by {_spaces(indent)}, so Markdown reads it at the "
                f"same level as the item above, not under it: {_clipped(line.strip())}",
                f"to make it a sub-item (下一级), {nest}; to keep it at the same level, delete the spaces before it"))
        if item:
            base = indent if base is None else base
        elif line.strip() and not line.startswith((" ", "\t")):
            base = None  # a paragraph: the list is over
    return problems


_EMPTY_HEADING_HTML_RE = compile_later(r"<h[1-6][^>]*></h[1-6]>")
_NESTED_EMPTY_HEADING_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)+(#{1,6})[ \t#]*$")
"""A line of a list item or a quote that holds only a heading's "#" signs (``- ###``, ``> ##``)."""


def _nested_empty_heading_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for an empty heading typed in a list item or a quote (``- ###``, ``> ###``), as
    `_heading_problems` warns one at the left edge: the page showed an empty heading, unwarned. Only when the
    page holds one; fenced code is left alone."""
    if not _EMPTY_HEADING_HTML_RE.search(clean_html):
        return []
    problems = []
    for index, line in outside_fences(lines):
        found = _NESTED_EMPTY_HEADING_RE.match(line)
        if found is not None:
            problems.append(_empty_heading(path, first_line + index, found.start(1) + 1,
                                           line[found.start(1):].strip(), found.group(1)))
    return problems


def _empty_heading(path: str, line: int, column: int, typed: str, signs: str) -> Problem:
    """The warning for a heading typed as its "#" ``signs`` alone (``typed``: as the line has them)."""
    return Problem(path, line, column, "warning",
                   f'"{typed}" alone makes an empty heading (空标题): screen readers announce a heading with nothing '
                   "in it", f"write the heading's text after {signs} and a space, or delete the line")


_PATH_ESCAPE_RE = compile_later(r"(?<![\w`])[A-Za-z]:\\[^\s`]*?\\([\\`*_{}\[\]()>#+\-.!])")
"""A Windows path typed in text (``D:\\资料\\_备份``) with a backslash before a sign Markdown escapes."""


def _path_escape_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a Windows path typed in text whose backslash before ``_``, ``[``, ``.`` … Markdown reads as
    an escape: ``D:\\资料\\_备份`` was published as "D:\\资料_备份", the backslash gone, unwarned. Code spans and
    fenced code keep backslashes, so the hint offers backquotes; found while converting (cached)."""
    if ":\\" not in source:
        return []
    problems = []
    for index, line in outside_fences(lines):
        plain = _without_code_spans(line)
        found = _PATH_ESCAPE_RE.search(plain) if ":\\" in plain else None
        if found is not None:
            typed = re.match(r"[^\s，。；、）)]+", plain[found.start():]).group()  # type: ignore[union-attr]
            problems.append(Problem(
                path, first_line + index, found.start(1), "warning",
                f'the "\\" before "{found.group(1)}" in {typed} is read by Markdown as an escape, so the page '
                f"leaves it out: {typed.replace(chr(92) + found.group(1), found.group(1))}",
                f"to show the path as typed, put it in backquotes (`): `{typed}`"))
    return problems


def _heading_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for an h1 in the body, for heading levels that skip, for a heading with no text, and for lines made
    headings unawares, each at the heading's line (the first three at the column of its "#").

    Two of these come from text an editor did not mean as a heading:
    ``#3号楼已完成加装电梯`` (Markdown needs no space after ``#``, so the line
    is a level-1 heading and its "#" is gone), and a text line with
    ``---`` or ``===`` right under it (meant as a separator line, it makes
    the line above a heading). Each is warned with both fixes.
    """
    problems: list[Problem] = []
    previous = 1  # the page title is the level-1 heading
    for index, level in _source_headings(lines):
        if _wide_heading(lines[index]) is not None:
            continue  # "#＃ 标题": `_full_width_sign_problems` names the full-width sign
        line, text = first_line + index, lines[index].strip()
        column = len(lines[index]) - len(lines[index].lstrip(" \t")) + 1  # of the "#"
        underlined = not text.startswith("#")
        if not underlined and not text.strip("# \t"):  # "###" alone: an empty heading (空标题), no level to keep
            problems.append(_empty_heading(path, line, column, text, text.rstrip()[:level]))
            continue
        if underlined:
            sign = lines[index + 1].strip()[:3]
            problems.append(Problem(
                path, line + 1, 1, "warning",
                f'the "{sign}" under the line above makes that line a {"level-1 " if level == 1 else ""}heading '
                f"(标题): {_clipped(text)}",
                "for a separator line (分隔线), leave a blank line before it and write ---; "
                f"for a heading, write {'#' * max(2, min(level, previous + 1))} and a space before the text instead"))
        elif level == 1 and not text[1:2].isspace() and text[1:2]:
            problems.append(Problem(
                path, line, 1, "warning",
                'this line starts with "#", so Markdown makes it a level-1 heading (一级标题) and drops the "#": '
                f"{_clipped(text)}",
                paste_hint('if it is text, write a backslash before the "#"', "\\" + text)
                + "; for a heading, write ## and a space (二级标题: the page title is the only level-1 heading)"))
        elif level == 1:
            problems.append(Problem(
                path, line, column, "warning",
                "a level-1 heading (#) in the body; the page title is the only level-1 heading",
                "use ## here (二级标题); the title comes from the front matter"))
        if level > previous + 1 and not (underlined and level == 1):
            problems.append(Problem(
                path, line, column, "warning",
                f"heading level jumps from {previous} to {level}",
                f"use {'#' * (previous + 1)} here (headings go one level at a time; "
                "screen readers use them to navigate)"))
        previous = level
    return problems + _ordinal_heading_problems(lines, path, first_line)


# A line opened as the headings of a Chinese report are numbered: "一、" (a part, 二级标题) or "（一）" (a
# section of it, 三级标题), the text right after the mark or after a space or TAB (二、 下一步有什么打算？).
_ORDINAL_HEADING_RE = compile_later(rf"^(?:(?P<part>{_HANZI_NUMBER}、)|(?P<section>[（(]{_HANZI_NUMBER}[）)]))"
                                    rf"(?=[ \t{WIDE_SPACES}]*\S)")
_ORDINAL_HEADING_LENGTH = 40
"""The most characters a line may hold to be taken as a heading with text right under it: a question or a title,
not a paragraph."""
_PARAGRAPH_LINE_ENDS = "。．.！!；;，,、：:…—"
"""Marks a sentence or a clause ends with: a numbered line ending in one, text right under it, opens a paragraph."""


def _ordinal_heading(lines: Sequence[str], index: int) -> re.Match[str] | None:
    """The ordinal mark (`_ORDINAL_HEADING_RE`) of ``lines[index]`` when the line is meant as a heading: it
    stands alone as a paragraph (a blank line, a heading or the body's edge above it, and a blank line or the
    body's edge under it), or it opens a paragraph and is short, ending in a question mark (？) or in no mark
    at all (``（一）及时启动，建立体系``), with no line numbered so right under it (a list's items); else None."""
    found = _ORDINAL_HEADING_RE.match(lines[index])
    if found is None or index > 0 and lines[index - 1].strip() and not lines[index - 1].startswith("#"):
        return None
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if not below:
        return found
    text = lines[index].rstrip()
    end = text.rstrip("”’」』")[-1:]
    if (len(text) > _ORDINAL_HEADING_LENGTH or end in _PARAGRAPH_LINE_ENDS and end not in "？?"
            or _ORDINAL_HEADING_RE.match(below) or below.startswith("#")):
        return None
    return found


def _ordinal_heading_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for questions and titles typed as the headings of a Chinese report are numbered, ``一、…`` or
    ``（一）…``, without ``##`` (`_ordinal_heading`): Markdown reads them as text, so the page shows them as
    paragraphs and its table of contents (本文目录) leaves them out. Each is warned at its mark with the
    heading to type, the mark kept: ``## `` before ``一、``, ``### `` before ``（一）`` (``## `` when no part
    heading is above it, as heading levels go one at a time: `_heading_problems`). Lines told as a list's
    items (`_slipped_items`), fenced code and lines in quotes or list items are left alone."""
    if not any(_ORDINAL_HEADING_RE.match(line) for line in lines):
        return []  # most pages: no line to look at
    listed = {index for index, _, _ in _slipped_items(lines)}
    problems, part_above = [], False
    for index, line in outside_fences(lines):
        part_above = part_above or line.startswith("## ")
        found = _ordinal_heading(lines, index) if index not in listed else None
        if found is None:
            continue
        section = found.group("section") is not None
        level = 3 if section and part_above else 2
        part_above = part_above or level == 2
        signs = "#" * level
        problems.append(Problem(
            path, first_line + index, 1, "warning",
            f'this line opens with "{found.group()}" as a heading (标题) does, but has no "{signs}" before it, so '
            f"Markdown reads it as text: the page shows it as a paragraph, and the table of contents (本文目录) "
            f"leaves it out: {_clipped(line.strip())}",
            paste_hint(f"for a heading, write {signs} and a space before it "
                       f"({'三级标题' if level == 3 else '二级标题'})", f"{signs} {line.strip()}")))
    return problems


# The signs before a heading's text on its line: a list item's or a quote's, then its "#" signs.
_HEADING_SIGNS_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)*#{1,6}[ \t]*")
# A heading in a list item or a quote (``- ## 下``, ``> ## 下``), which `_source_headings` does not list.
_NESTED_HEADING_RE = compile_later(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)+#{1,6}[ \t]")
# A heading's closing "#" signs, which `_HashHeadings` drops after a space.
_CLOSING_SIGNS_RE = compile_later(r"(?<=[ \t])#+[ \t]*$")


def _heading_texts(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """``(line index, column, text)`` of each heading's text as typed (its signs and closing "#" left out; the
    0-based column where it begins): a "#" heading, one in a list item or a quote, a line underlined."""
    nested = {index for index, line in outside_fences(lines) if _NESTED_HEADING_RE.match(line)}
    for index in sorted({index for index, _ in _source_headings(lines)} | nested):
        line = lines[index]
        signs = _HEADING_SIGNS_RE.match(line)
        start = signs.end() if signs is not None else len(line) - len(line.lstrip(" \t"))
        closing = _CLOSING_SIGNS_RE.search(line, start) if signs is not None else None
        yield index, start, line[start:closing.start() if closing is not None else len(line)]


def _heading_braces_fault(typed: str, before: str) -> tuple[str, str | None]:
    """``(why, id)`` for braces ``typed`` at a heading's end (`_HEADING_BRACES_RE`) that `_typed_heading_id` does not
    take, ``before`` the heading's text before them: why they are no id, and the id they were meant to give, to
    type as ``{#id}`` (None: none can be read from them)."""
    half = unicodedata.normalize("NFKC", typed)
    words = half[1:-1].strip().removeprefix(":").split()
    names = [re.sub(r"[^\w-]", "", word[1:]) for word in words if word.startswith("#")]
    others = [word for word in words if not word.startswith("#")]
    if not before.strip():
        return "the heading has no text before it", None
    if names and words[0].startswith("#") and others and not any(word[0] in ".:" or "=" in word for word in others):
        why, name = "an id has no spaces", "-".join(re.sub(r"[^\w-]", "", word.lstrip("#")) for word in words)
    elif others or not names:
        why = "sitegen gives a heading no class or style, only an id (the theme formats headings)"
        name = names[0] if names else ""
    elif len(names) > 1:
        why, name = "a heading has one id", names[0]
    else:
        why = _heading_id_fault(words[0][1:], before) or "it is typed in full width (全角)"
        name = names[0]
    return why, (name if name and not _heading_id_fault(name, before) else None)


def _heading_id_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for braces at a heading's end that are meant as its attributes but give it no id
    (`_HEADING_BRACES_RE`: ``{.big}``, ``{#}``, ``{#两个 词}``, ``｛#xia｝``), which the page shows in the
    heading, its table of contents and the feeds, each with the line to type; and for an id given to two
    headings (`_HeadingIds`: a link leads to the first), with an id of its own to type. At the opening brace."""
    if "{" not in source and "｛" not in source:
        return []
    problems: list[Problem] = []
    given: dict[str, int] = {}
    texts = [(index, start, text, braces, _typed_heading_id(text)) for index, start, text in _heading_texts(lines)
             if (braces := _HEADING_BRACES_RE.search(text)) is not None]
    # The places an id offered instead must not be: every id typed, every heading's own (if it had none), the
    # layout's.
    places = {taken.group("id") for *_, taken in texts if taken is not None} | LAYOUT_IDS
    places |= {slugify_heading(text, "-") for _, _, text in _heading_texts(lines)}
    for index, start, text, braces, taken in texts:
        line, column = lines[index], start + braces.start()
        before = line[:column].rstrip()
        if taken is None:
            why, name = _heading_braces_fault(braces.group(), text[:braces.start()])
            name = free_id(name, places) if name in LAYOUT_IDS else name
            hint = (paste_hint(f"to name the heading's place #{name}, type", f"{before} {{#{name}}}") if name else
                    "write the heading's text before the braces" if not text[:braces.start()].strip() else
                    paste_hint("delete it", before))
            problems.append(Problem(
                path, first_line + index, column + 1, "warning",
                f'"{braces.group().strip()}" at the end of this heading gives it no id (锚点): {why}, so the page '
                f"shows it in the heading's text: {_clipped(line.strip())}", hint))
            continue
        name = taken.group("id")
        if name not in given and name not in LAYOUT_IDS:
            given[name] = first_line + index
            continue
        other = free_id(name, places)
        places.add(other)  # a third heading with the same id is offered the next one
        elsewhere = (f'one the theme gives an element of the page (id="{name}" in its layout)' if name in LAYOUT_IDS
                     else f"given to the heading on line {given[name]} too")
        problems.append(Problem(
            path, first_line + index, column + 1, "warning",
            f'the id "{name}" is {elsewhere}, so a link to #{name} leads there, not here',
            paste_hint("give this heading an id of its own", f"{before} {{#{other}}}")))
    return problems


def heading_with_id(body: str, anchor: str) -> tuple[int, int, str, bool] | None:
    """Where the heading of ``body`` whose id is ``anchor`` is typed: ``(line index, 0-based column, line,
    typed)``, at the braces of an id typed (``## 下 {#xia}``: the line up to them, typed True) or at the text of
    one made from its text (``## Downloads``: the line without its closing "#" signs, typed False); None when no
    heading has it so. An id typed is the heading's before any made from a text (`_HeadingIds`)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    texts = [(index, start, text, _typed_heading_id(text)) for index, start, text in _heading_texts(lines)]
    for index, start, text, typed in texts:
        if typed is not None and typed.group("id") == anchor:
            return index, start + text.index("{", typed.start()), lines[index][:start + typed.start()].rstrip(), True
    for index, start, text, typed in texts:
        if typed is None and slugify_heading(" ".join(text.split()), "-") == anchor:
            return index, start, lines[index][:start] + text.rstrip(), False
    return None


def free_id(name: str, places: set[str]) -> str:
    """The id to offer for a heading's id ``name`` that another element has: ``name-2`` (``-3``... when that is
    one of ``places``, the ids the page has or is offered)."""
    return next(f"{name}-{count}" for count in itertools.count(2) if f"{name}-{count}" not in places)


# Braces at the end of a line of text, half or full width (全角), that are meant as its attributes, as
# attr_list or Pandoc take them: an id, a class or attr_list's ``{: …}`` (``{#duan}``, ``{.red}``, ``{: .note}``,
# ``｛：#duan｝``). A class begins with a letter (``{...}`` is an ellipsis); not after a backslash (``\{#duan}`` is
# text as typed) nor in a template's double braces (``{{ page.title }}``, text too).
_TEXT_BRACES_RE = compile_later(r"(?<![\\{｛])[{｛](?![{｛])[ \t\u3000]*(?:[:：#＃]|[.．][^\W\d])[^{}｛｝\n]*[}｝]"
                                r"[ \t\u3000]*$")
# The signs before a line's text: a quote's, then a list item's.
_TEXT_SIGNS_RE = compile_later(r"^[ \t]*(?:>[ \t]?)*(?P<item>(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?")


def _text_braces_id(typed: str) -> str | None:
    """The id braces ``typed`` at a line's end (`_TEXT_BRACES_RE`) were meant to give, as a heading would take it
    (``{#duan}``, ``{: #duan .note}``, ``｛#duan｝``: duan); None when they name none a heading could take."""
    words = unicodedata.normalize("NFKC", typed)[1:-1].strip().removeprefix(":").split()
    names = [word[1:] for word in words if word.startswith("#")]
    # "-" stands for a heading's text before the braces, which `_heading_id_fault` asks for.
    return names[0] if names and not _heading_id_fault(names[0], "-") else None


def _text_id_hint(before: str, alone: bool, heading: str, name: str | None) -> str:
    """The hint of `_text_id_problems` for braces naming the id ``name`` (None: none, or one no heading may be
    offered), typed after ``before`` on their line or ``alone`` on it, right under the "#" heading line
    ``heading`` ("" when not): the line without them, and a heading to type with the id."""
    if name is not None and heading and not _HEADING_BRACES_RE.search(heading):  # ## 下, then {#xia} under it
        return paste_hint("delete this line and type the id at the end of the heading above", f"{heading} {{#{name}}}")
    hint = "delete this line" if alone else paste_hint("delete it", before)
    if name is None:
        return hint
    return f"{hint}; to link to this place, type a heading with this id above the text: ## 小标题 {{#{name}}}"


def _text_id_problems(source: str, lines: list[str], text: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for braces typed at the end of a paragraph's or a list item's line, or on a line of their own,
    as attr_list, Pandoc or Hugo would read them (`_TEXT_BRACES_RE`: ``这一段 {#duan}``, ``- 一项 {.red}``,
    ``{: #duan}``, ``｛#duan｝``), at the opening brace.

    Takes the body, its lines, the page's plain ``text`` and where the body
    is. sitegen takes an id only at a heading's end (`_HeadingIds`) and no
    class anywhere, so the page shows such braces as text: the hint gives
    the line without them, or deletes a line of braces alone, and offers a
    heading with the id typed, the way to name a place to link to. Braces
    the page does not show as typed (in code, a heading, escaped) are left
    alone, and so are braces inside a line.
    """
    if "{" not in source and "｛" not in source:
        return []
    texts = list(_heading_texts(lines))
    headings = {index for index, _, _ in texts}
    # The ids the page's headings and layout have: a heading offered with one of them would be warned.
    places = {slugify_heading(heading, "-") for *_, heading in texts} | LAYOUT_IDS
    places |= {typed.group("id") for *_, heading in texts if (typed := _typed_heading_id(heading)) is not None}
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = (_TEXT_BRACES_RE.search(_without_code_spans(line))
                 if index not in headings and ("{" in line or "｛" in line) else None)
        if found is None or found.group().rstrip() not in text or line.lstrip(" >").startswith("|"):
            continue
        typed, before = found.group().rstrip(), line[:found.start()].rstrip()
        signs = _TEXT_SIGNS_RE.match(before)
        alone = signs is not None and not before[signs.end():].strip()
        name = _text_braces_id(typed)
        item = bool(signs is not None and signs.group("item"))
        where = ("on a line of its own" if alone else "at the end of this list item" if item else
                 "at the end of this paragraph")
        why = (f"{where} gives {'no text an' if alone else 'it no'} id (锚点): sitegen takes an id {{#…}} only at "
               "the end of a heading (标题) line" if "#" in unicodedata.normalize("NFKC", typed) else
               f"{where} gives {'no text a' if alone else 'it no'} class or style: sitegen takes none (the theme "
               "formats the page)")
        heading = _CLOSING_SIGNS_RE.sub("", lines[index - 1]).rstrip() if alone and index - 1 in headings else ""
        hint = _text_id_hint(before, alone, heading, name if not item and name not in places else None)
        problems.append(Problem(path, first_line + index, found.start() + 1, "warning",
                                f'"{typed}" {why}, so the page shows it as text: {_clipped(line.strip())}', hint))
    return problems


def _locate(needles: tuple[str, ...], lowered: list[str], start: int) -> tuple[int, int] | None:
    """Return ``(line index, column)`` of the first line (from ``start``, then from 0) containing a
    needle, and the 1-based column where the needle stands in it (the needles go from the most exact)."""
    for begin in (start, 0):
        for needle in needles:
            if not needle:
                continue
            for index in range(begin, len(lowered)):
                found = lowered[index].find(needle)
                if found >= 0:
                    return index, found + 1
    return None



def _occurrence(needle: str, skipped: int, lowered: list[str]) -> tuple[int, int] | None:
    """``(line index, column)`` of ``needle`` in ``lowered`` (lines outside fenced code) after ``skipped``
    earlier places of it, or None when it is there fewer times."""
    for index, line in outside_fences(lowered):
        found = line.find(needle)
        while found >= 0:
            if not skipped:
                return index, found + 1
            skipped -= 1
            found = line.find(needle, found + 1)
    return None


def _removal_possible(source: str, raw_html: str) -> bool:
    """False only when `_RemovalScanner` provably finds nothing in ``raw_html``.

    Takes the Markdown source and the HTML Python-Markdown made of it. Without
    a ``<`` in the source there is no raw HTML, autolink or ``<url>``, so every
    tag and attribute in ``raw_html`` is one Python-Markdown writes itself: all
    in :data:`ALLOWED_TAGS`, no ``on*`` attribute, ``src`` only on ``<img>``.
    What is left to find is then an ``<img>`` (its alt text is checked) and a
    refused ``href`` scheme, checked here with the same `url_refusal` on the
    value as the HTML parser decodes it. Entities (``&``) cannot make a tag,
    since the scanner decodes them as text. True means "scan to find out".
    """
    if "<" in source or "<img" in raw_html:
        return True
    return any(url_refusal("a", "href", html.unescape(value)) for value in _HREF_RE.findall(raw_html))


def _removal_problems(raw_html: str, lines: list[str], blocks: Sequence[_HtmlBlock], path: str,
                      first_line: int) -> list[Problem]:
    """Warnings for what the sanitizer removes, at the source line it came from.

    Takes the HTML Python-Markdown made, the body's lines, its raw HTML
    blocks (`_html_blocks`: a finding on one of their lines gets the hint
    written for HTML, ``<strong>`` for ``**``), the file's path and the file
    line of the body's first line.
    """
    scanner = _RemovalScanner()
    scanner.feed(raw_html)
    scanner.close()
    lowered = [line.lower() for line in lines]
    problems: list[Problem] = []
    told: set[tuple[int, str]] = set()  # (line index, look) of the findings told once a line
    cursor = 0
    for finding in scanner.findings:
        if finding.typed_only and _locate(finding.needles[:1], lowered, cursor) is None:
            continue
        found = (_occurrence(finding.needles[0], finding.occurrence, lowered) if finding.once_a_line else None) \
            or _locate(finding.needles, lowered, cursor)
        if found is not None:
            cursor = found[0]
        line, column = (None, None) if found is None else (first_line + found[0], found[1])
        if found is not None:  # point at the attribute or address itself, not at the start of its tag
            text = lowered[found[0]]
            column = next((text.find(needle) + 1 for needle in finding.needles[1:]
                           if needle and needle in text), column)
            if finding.once_a_line and (found[0], finding.once_a_line) in told:
                continue
            told.add((found[0], finding.once_a_line))
        in_html = found is not None and finding.html_hint and _in_html_block(found[0], blocks)
        problems.append(Problem(path, line, column, "warning", finding.message,
                                finding.html_hint if in_html else finding.hint))
    return problems


@dataclass(frozen=True)
class _HtmlBlock:
    """A raw HTML block of a body: the lines from a line that starts with a block-level tag (``<div>``, ``<p>``,
    ``<table>``) to its end tag, which Python-Markdown passes on as HTML without reading Markdown in them.

    Fields:
        start: the index of its first line in the body's lines.
        end: the index after its last line.
        tag: the name of the tag that opens it, in lower case (``div``).
        opening: that start tag as typed (``<div align="center">``).
        closing: the index of the line holding its last end tag (``</div>``), or -1 when it is never closed.
    """

    start: int
    end: int
    tag: str
    opening: str
    closing: int


_BLOCK_START_TAG_RE = compile_later(r"<([A-Za-z][A-Za-z0-9]*)\b[^>]*>?")


def _html_blocks(lines: Sequence[str], md: markdown.Markdown) -> list[_HtmlBlock]:
    """The raw HTML blocks of a body just converted by ``md``, in order, found where Python-Markdown's
    ``html_block`` preprocessor stashed them (its rule: from a block-level start tag at a line's start to the
    end tag that closes it, blank lines or not, or to the end of the text). Each is placed by its lines in
    ``lines`` (tabs read as 4 spaces, as Python-Markdown does; blank lines it inserted skipped); a stashed
    piece found in no line (fenced code, a tag inside a paragraph) is none.
    """
    blocks: list[_HtmlBlock] = []
    cursor = 0
    for stashed in md.htmlStash.rawHtmlBlocks:
        found = _BLOCK_START_TAG_RE.match(stashed) if isinstance(stashed, str) else None
        if found is None or not md.is_block_level(found.group(1).lower()):
            continue
        typed = stashed.rstrip("\n").split("\n")
        span = next((span for start in range(cursor, len(lines)) if (span := _typed_from(lines, typed, start))),
                    None)
        if span is None:
            continue
        start, end = span
        tag = found.group(1).lower()
        closing = next((index for index in range(end - 1, start - 1, -1) if f"</{tag}" in lines[index].lower()), -1)
        blocks.append(_HtmlBlock(start, end, tag, found.group(), closing))
        cursor = end
    return blocks


def _typed_from(lines: Sequence[str], typed: Sequence[str], start: int) -> tuple[int, int] | None:
    """``(start, end)`` when the lines from ``start`` are ``typed`` (as `_html_blocks` compares them), else None."""
    if lines[start].expandtabs(4).rstrip() != typed[0].rstrip():
        return None
    at = start + 1
    for line in typed[1:]:
        if at < len(lines) and lines[at].expandtabs(4).rstrip() == line.rstrip():
            at += 1
        elif line.strip():
            return None
    return start, at


def _in_html_block(index: int, blocks: Sequence[_HtmlBlock]) -> bool:
    """True when the line at ``index`` is in one of the raw HTML ``blocks``."""
    return any(block.start <= index < block.end for block in blocks)


def _outside_html_blocks(problems: list[Problem], blocks: Sequence[_HtmlBlock], first_line: int) -> list[Problem]:
    """``problems`` but those at a line of one of the raw HTML ``blocks`` (``first_line``: the file line of the
    body's first line)."""
    return [problem for problem in problems if not _in_html_block(problem.line - first_line, blocks)] \
        if blocks else problems


# Markdown an editor types in a raw HTML block, where the page shows it as typed: a heading, a list item (at a
# line's start), bold, a link or picture (anywhere). Groups: the sign named in the message, and the text.
_HTML_BLOCK_MARKDOWN_RE = compile_later(
    r"^ {0,3}(?P<heading>#{1,6})[ \t]+(?P<title>\S.*?)[ \t#]*$"
    r"|^ {0,3}(?P<item>[-*+]|(?!(?:" + _YEAR_NUMBER + r")\.)\d+\.)[ \t]+(?P<text>\S.*)$"
    r"|(?P<bold>\*\*)(?P<strong>(?=\S)[^*\n]*?\S)\*\*"
    r"|(?P<link>!?\[)(?P<label>[^\]\n]+)\]\((?P<address>[^()\s]+)\)")
# Tags that open a block and change nothing the page shows: deleted, the lines between them are read as Markdown.
_PLAIN_BLOCK_TAGS = frozenset({"div", "p", "center", "section", "article", "aside", "header", "footer", "main",
                               "nav"})
_PLAIN_TAG_LINE_RE = compile_later(r"^[ \t]*</?(?:" + "|".join(sorted(_PLAIN_BLOCK_TAGS)) + r")\b[^<>]*>[ \t]*$",
                                   re.IGNORECASE)
"""A line that is a start or end tag of `_PLAIN_BLOCK_TAGS` alone (``<div class="inner">``, ``</div>``)."""
# Blocks whose text is code or is removed: Markdown signs in them are meant, or never shown.
_UNREAD_BLOCK_TAGS = CONTENT_DROPPED_TAGS | {"pre", "code"}


def _html_markdown_problems(lines: Sequence[str], blocks: Sequence[_HtmlBlock], path: str,
                            first_line: int) -> list[Problem]:
    """Warnings for Markdown typed inside a raw HTML block (`_html_blocks`), which the page shows as typed.

    Python-Markdown reads no Markdown from an HTML block's start tag at a
    line's start to its end tag, blank lines or not (``md_in_html`` is not
    enabled): ``<div>`` right above ``### 补齐短板`` shows "### 补齐短板",
    the heading gone; ``**重点**`` in ``<div align="center">`` shows its
    stars. Each block is warned once, at the first such sign in it, naming
    the line of its start tag; a year at a line's start (``2018. 全年目标完成``)
    is no list item meant, shown as typed there as it should be; a line opening with "1." or "-" in a table's
    cell reads as typed, so a list item is looked for only where the tags
    can go. The hint deletes the block's tags where they
    change nothing the page shows (`_PLAIN_BLOCK_TAGS`), else gives the sign
    written in HTML (``<strong>重点</strong>``).
    """
    problems: list[Problem] = []
    for block in blocks:
        if block.tag in _UNREAD_BLOCK_TAGS:
            continue
        for index in range(block.start, block.end):
            line = _COMMENT_RE.sub("", lines[index])  # a note in <!-- --> is never shown: its signs are no slip
            found = next((found for found in _HTML_BLOCK_MARKDOWN_RE.finditer(line)
                          if (index > block.start or not (found.group("heading") or found.group("item")))
                          and (block.tag in _PLAIN_BLOCK_TAGS or not found.group("item"))
                          and not _masking_stars(line, found)), None)
            if found is not None:
                problems.append(_html_markdown_problem(block, found, lines, path, first_line, index))
                break
    return problems


_COMMENT_RE = compile_later(r"<!--.*?(?:-->|$)")


def _masking_stars(line: str, found: re.Match[str]) -> bool:
    """True when the "**" pair ``found`` in ``line`` is two masks (``张**、李**``, ``138****5678``: stars standing
    for the characters of a name or number left out), not bold: its text starts with a mark (、（), or its
    stars touch more stars."""
    if not found.group("bold"):
        return False
    return (found.group("strong")[0] in "、，,。；;：:（()）—-/" or line[found.end():found.end() + 1] == "*"
            or line[found.start() - 1:found.start()] == "*")


def _html_markdown_problem(block: _HtmlBlock, found: re.Match[str], lines: Sequence[str], path: str,
                           first_line: int, index: int) -> Problem:
    """The warning of `_html_markdown_problems` for the Markdown ``found`` in ``lines[index]``, in ``block``."""
    sign = next(group for group in ("heading", "item", "bold", "link") if found.group(group))
    column = found.start(sign) + 1
    shown = {"heading": found.group("heading"), "item": found.group("item"), "bold": found.group("bold"),
             "link": "[…](…)"}[sign]
    opening = _clipped(block.opening, 40)
    message = (f"this line is inside the HTML block that starts at line {first_line + block.start} ({opening}), "
               f'where Markdown is not read, so the page shows "{shown}" as typed: {_clipped(lines[index].strip())}')
    if block.tag in _PLAIN_BLOCK_TAGS:
        # Tags of the same kind inside it, each on a line of its own (<div> in <div>), go too: left, they would
        # start a block of their own around the same lines.
        inner = [(_clipped(lines[number].strip(), 40), number)
                 for number in range(block.start + 1, block.closing if block.closing >= 0 else block.end)
                 if _PLAIN_TAG_LINE_RE.match(lines[number])]
        named = [f"{opening} (line {first_line + block.start}"
                 + ("; it is never closed, so the HTML block runs to the end of the text)" if block.closing < 0 else ")"),
                 *(f"{tag} (line {first_line + number})" for tag, number in inner)]
        if block.closing >= 0:
            named.append(f"</{block.tag}> (line {first_line + block.closing})")
        listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        hint = (f"delete {listed}, and Markdown reads the lines between them; the page looks the same without these "
                "tags" if block.closing >= 0 else f"delete {listed}, and Markdown reads the lines after it")
        return Problem(path, first_line + index, column, "warning", message, hint)
    if sign == "heading":
        level = len(found.group("heading"))
        typed = f"<h{level}>{found.group('title')}</h{level}>"
    elif sign == "bold":
        typed = f"<strong>{found.group('strong')}</strong>"
    elif found.group("link") == "[":
        typed = f'<a href="{found.group("address")}">{found.group("label")}</a>'
    else:
        typed = f'<img src="{found.group("address")}" alt="{found.group("label")}">'
    hint = paste_hint("write it in HTML there", typed, f": {typed[:typed.index('>') + 1]} … ")
    return Problem(path, first_line + index, column, "warning", message, hint)


# --------------------------------------------------------------------------
# The renderer
# --------------------------------------------------------------------------

# Characters XML (feeds, sitemaps) cannot hold and no reader can see: C0 controls but
# tab and newline, DEL, and the non-characters U+FFFE/U+FFFF; typed, or written as a code (&#11;).
_CONTROL_RE = compile_later("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_ENTITY_RE = compile_later(r"&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|127)|x0*(?:[0-8bcefBCEF]|1[0-9a-fA-F]|7[fF]));")
_BREAK_CONTROL_RE = compile_later("[\x0b\x0c]")
"""The control characters of `sitegen.yamltext.BREAK_CONTROL_NAMES`: a line break made in Word with Shift+Enter
(U+000B), a page break (U+000C)."""


def _published_controls(clean_html: str) -> str:
    """``clean_html`` with its control characters made what a page and a feed can hold.

    A line break made in Word with Shift+Enter (U+000B, 手动换行符) or a page
    break (U+000C) is published as a line break, since that is what the editor
    saw in Word where it stands: in text, ``<br>`` and a newline, as a newline
    inside a paragraph gives (``nl2br``), so ``甲<U+000B>乙`` shows as the lines
    ``甲`` and ``乙`` typed one below the other would; in a table cell or a
    heading, a second line in it, as Word showed; in ``<pre>``, a newline; in
    an attribute's value (a picture's alt text), a space. Any other control
    character becomes U+FFFD (�), a visible mark where something was lost.
    Each is warned at its line (`_control_problems`), so nothing typed is
    changed silently. Takes and returns HTML as nh3 writes it (tags as
    `_SERIALIZED_TAG_RE` reads them); in any other form every control
    character becomes U+FFFD.
    """
    if _BREAK_CONTROL_RE.search(clean_html):
        # split() gives: text, then per tag "/" or "", its name, its attributes, the text after it.
        parts = _SERIALIZED_TAG_RE.split(clean_html)
        if "<" not in "".join(parts[::4]):
            shown, pre = [_BREAK_CONTROL_RE.sub("<br>\n", parts[0])], 0
            for slash, tag, attributes, text in zip(parts[1::4], parts[2::4], parts[3::4], parts[4::4]):
                pre += (-1 if slash else 1) if tag == "pre" else 0
                shown.append(f"<{slash}{tag}{_BREAK_CONTROL_RE.sub(' ', attributes)}>")
                shown.append(_BREAK_CONTROL_RE.sub("\n" if pre > 0 else "<br>\n", text))
            clean_html = "".join(shown)
    return _CONTROL_RE.sub("\ufffd", clean_html)


def _control_problems(source: str, lines: list[str], published: bool, path: str,
                      first_line: int) -> list[Problem]:
    """Warnings for control characters in a body, one at the first on each line that holds one.

    Takes the body, its lines, whether the HTML held one (``published``),
    the file's path and the file line of the body's first line. A control
    character shows nothing where it is typed, so it is named by what it
    stands for (`sitegen.yamltext.control_name`: Word's Shift+Enter line
    break, 手动换行符) and placed by the text around it; the message says
    what the page shows (`_published_controls`), the hint what to type.
    Typed in code it is warned too (the code shows it changed); written as a
    code (``&#11;``) it is warned outside code, where it is decoded. Should
    the HTML hold one no line shows, one warning without a line says so.
    """
    problems: list[Problem] = []
    if _CONTROL_RE.search(source) or ("&#" in source and _CONTROL_ENTITY_RE.search(source)):
        outside = dict(outside_fences(lines))
        for index, line in enumerate(lines):
            typed = _CONTROL_RE.search(line)
            coded = _CONTROL_ENTITY_RE.search(_without_code_spans(line)) if index in outside and "&#" in line else None
            found = min((match for match in (typed, coded) if match), key=lambda match: match.start(), default=None)
            if found is not None:
                problems.append(_control_problem(line, found, path, first_line + index))
    if published and not problems:
        problems.append(Problem(path, None, None, "warning", "an invisible control character is in the text: the "
                                "page shows � in its place", "delete it: it usually comes from text pasted from "
                                "Word or a PDF (复制粘贴带入的控制字符)"))
    return problems


_HEADING_LINE_RE = compile_later(r"#{1,6}")
"""How a line Python-Markdown reads as a heading starts (it needs no space after the "#")."""


def _control_problem(line: str, found: re.Match[str], path: str, number: int) -> Problem:
    """The warning of `_control_problems` for the control character ``found`` (typed, or as ``&#11;``) in ``line``."""
    code = found.group()[2:-1]  # of "&#11;" or "&#x0b;": html.unescape drops such a code, as no character
    char = found.group() if len(found.group()) == 1 else chr(int(code[1:], 16) if code[0] in "xX" else int(code))
    shown = "the page starts a new line in its place" if char in "\v\f" else "the page shows � in its place"
    told = (f"{control_name(char)} is in this line, where it shows nothing: {shown}" if found.group() == char else
            f'"{found.group()}" in this line is the code of a control character (U+{ord(char):04X}): {shown}')
    # A code can be seen; a character is placed by the text around it.
    it = (f"it (it stands {invisible_place(line, found.start(), found.end())})" if found.group() == char
          else f'"{found.group()}"')
    if char not in "\v\f":
        hint = f"delete {it}: it usually comes from text pasted from Word or a PDF (复制粘贴带入的控制字符)"
    elif not line[:found.start()].strip() or not line[found.end():].strip():
        hint = f"delete {it}: a line starts or ends there already"
    elif _PIPE_ROW_RE.match(line) or _HEADING_LINE_RE.match(line):
        within, ends = (("the heading", "the heading") if _HEADING_LINE_RE.match(line)
                        else ("the table's cell", "the table's row"))
        hint = f"delete {it}; to keep the new line in {within}, type <br> in its place (Enter would end {ends})"
    else:
        hint = f"delete {it} and press Enter in its place to start the new line, or only delete it"
    return Problem(path, number, found.start() + 1, "warning", told, hint)


MAX_BODY_LINES = 20_000
MAX_BODY_BRACKETS = 5_000
MAX_BODY_EMPHASIS = 10_000


def body_complexity(body: str) -> tuple[str, str] | None:
    """Return why a body is too complex to convert safely and what to do, or None when it is fine.

    Python-Markdown's inline patterns take quadratic time on long runs of
    ``[`` and on very many paragraphs (upstream issue #798): 20,000 ``[``
    take over a minute, a 1 MB line of them hours. A real page has nowhere
    near these limits: 20,000 lines, 5,000 ``[``, 10,000 ``*`` or ``_``.
    Returns ``(reason, hint)``, e.g. ``("it has 300000 lines (at most
    20000)", "split the page into several, …")``.
    """
    lines = body.count("\n") + 1
    if lines > MAX_BODY_LINES:
        return (f"it has {lines} lines (at most {MAX_BODY_LINES})",
                f"split the page into several of at most {MAX_BODY_LINES} lines each")
    brackets = body.count("[")
    if brackets > MAX_BODY_BRACKETS:
        return (f'it has {brackets} "[" characters (at most {MAX_BODY_BRACKETS})',
                'remove the repeated "[" characters, or split the page into several')
    emphasis = body.count("*") + body.count("_")
    if emphasis > MAX_BODY_EMPHASIS:
        return (f'it has {emphasis} "*" and "_" characters (at most {MAX_BODY_EMPHASIS})',
                'remove the repeated "*" and "_" characters, or split the page into several')
    return None


class MarkdownRenderer:
    """Markdown → sanitized HTML, headings, plain text, counts and warnings.

    One Python-Markdown instance (and one nh3 cleaner) is built here and
    reused for every document with ``reset()``: building them is the
    dominant cost (NOTES.md). Rendering is deterministic. Not thread-safe:
    use one renderer per thread.

    Keyword-only argument ``reference`` (default False): True takes none of
    the shortcuts the default renderer takes, which skip work that cannot
    change the result: inline patterns a document cannot use
    (:class:`_PrunedInlineProcessor`), Python-Markdown steps with nothing to
    do (:class:`_FencesIfAny`, :class:`_HtmlBlocksIfMarkup`,
    :class:`_UnescapeAfterEscapes`), the
    table of contents built only to set plain heading ids
    (:class:`_PlainHeadingIds`), HTMLParser on nh3's regular output
    (`_TextCollector.feed_serialized`). The result is the same, only slower;
    tests/test_markup_speed.py holds the default renderer to it.

    Attributes:
        settings_key: a short string that changes whenever the extensions,
            their options, the allowlist or this module's policies change
            (use it in cache keys).
    """

    def __init__(self, *, reference: bool = False) -> None:
        self._reference = reference
        self._md = self._markdown()
        self._cleaner = make_cleaner()
        self.settings_key: str = _settings_key()

    def _markdown(self) -> markdown.Markdown:
        """A new Python-Markdown instance with sitegen's extensions (reused for every body, `reset` between)."""
        return markdown.Markdown(
            extensions=[*MARKDOWN_EXTENSIONS, _SitegenExtension(shortcuts=not self._reference)],
            extension_configs=_extension_configs(),
            output_format="html",
        )

    def render(self, body: str, path: str, first_line: int) -> RenderedMarkdown:
        """Render one Markdown body.

        Takes the body text (str, newlines ``\\n``, ``\\r\\n`` or ``\\r``), the
        file's path relative to the site root (for problems) and the 1-based
        file line of the body's first line. Returns a :class:`RenderedMarkdown`
        whose problems are warnings at file lines. Lone surrogate code points
        are replaced by U+FFFD; control characters as `_published_controls`
        says. Does not raise for any text.
        """
        source = _SURROGATE_RE.sub("\ufffd", body.replace("\r\n", "\n").replace("\r", "\n"))
        lines = source.split("\n")
        self._md.reset()
        try:
            converted = self._md.convert(source)
        except RecursionError:  # Python-Markdown reads each level of lists with more calls: some 200 levels
            # Its block parser's state is left half way (reset() does not clear it): every body converted after
            # by this instance came out wrong (paragraphs as line breaks). A new one for the next body.
            self._md = self._markdown()
            return _unreadable(lines, path, first_line)
        raw_html = _pseudo_tags_as_text(_ascii_list_starts(converted))
        if "\x00" in raw_html:  # the cleaner drops U+0000 unseen; as every other control, it is shown as �
            raw_html = raw_html.replace("\x00", "\ufffd")
        cleaned = self._cleaner.clean(_lazy_stand_ins_dropped(raw_html))
        clean_html = _without_empty_classes(_refused_pictures_as_text(cleaned))
        control = _CONTROL_RE.search(clean_html) is not None
        if control:
            clean_html = _published_controls(clean_html)
        collector = _collect_text(clean_html, serialized=not self._reference)
        text = collector.text()
        blocks = _html_blocks(lines, self._md) if "<" in source else []
        # In an HTML block a line's signs are shown as typed: no heading, quotation, fence or list item there.
        problems = _outside_html_blocks(_heading_problems(lines, path, first_line), blocks, first_line)
        problems += _outside_html_blocks(_heading_id_problems(source, lines, path, first_line), blocks, first_line)
        problems += _outside_html_blocks(_text_id_problems(source, lines, text, path, first_line), blocks, first_line)
        problems += _html_markdown_problems(lines, blocks, path, first_line)
        problems += _nested_empty_heading_problems(lines, clean_html, path, first_line)
        problems += _path_escape_problems(source, lines, path, first_line)
        problems += _typed_link_problems(source, lines, path, first_line)
        problems += _outside_html_blocks(_broken_link_problems(source, lines, path, first_line, text), blocks,
                                         first_line)
        problems += _title_quote_problems(source, lines, path, first_line)
        problems += _untitled_words_problems(source, lines, path, first_line)
        problems += _address_slip_problems(raw_html, lines, path, first_line)
        problems += _outside_html_blocks(_wide_bare_address_problems(lines, clean_html, path, first_line), blocks,
                                         first_line)
        problems += _indented_marker_problems(source, lines, clean_html, path, first_line)
        problems += _lazy_line_problems(source, lines, path, first_line)
        problems += _citation_problems(source, lines, path, first_line)
        problems += _outside_html_blocks(_more_than_problems(source, lines, path, first_line), blocks, first_line)
        problems += _footnote_problems(source, lines, clean_html, self._md, path, first_line)
        problems += _numbering_problems(source, lines, path, first_line)
        problems += _outside_html_blocks(_year_item_problems(source, lines, clean_html, path, first_line),
                                         blocks, first_line)
        problems += _full_width_sign_problems(source, lines, path, first_line)
        problems += _spaced_bold_problems(lines, clean_html, path, first_line)
        problems += _open_comment_problems(lines, clean_html, path, first_line)
        problems += _angle_bracket_problems(lines, clean_html, path, first_line)
        problems += _odd_space_item_problems(source, lines, path, first_line)
        problems += _slipped_item_problems(source, lines, path, first_line)
        problems += _outside_html_blocks(_open_fence_problems(lines, clean_html, path, first_line)
                                         + _tilde_block_problems(source, lines, clean_html, path, first_line)
                                         + _end_mark_problems(source, lines, path, first_line), blocks, first_line)
        problems += _table_problems(source, lines, path, first_line, clean_html)
        problems += _table_cell_problems(source, lines, self._md, path, first_line)
        problems += _invisible_problems(source, lines, path, first_line)
        problems += _separator_problems(source, lines, path, first_line)
        problems += _lost_character_problems(source, lines, path, first_line)
        problems += _reading_figures_problems(source, lines, path, first_line)
        problems += _masking_star_problems(lines, clean_html, path, first_line)
        problems += _sub_item_problems(source, lines, clean_html, path, first_line)
        if _removal_possible(source, raw_html):
            problems += _removal_problems(raw_html, lines, blocks, path, first_line)
        problems += _control_problems(source, lines, control, path, first_line)
        problems.sort(key=Problem.sort_key)
        return RenderedMarkdown(
            html=clean_html,
            headings=tuple(collector.headings),
            text=text,
            word_count=count_words(text),
            problems=tuple(problems),
            lead=collector.lead(),
            images=tuple(collector.images),
            links=tuple(collector.links),
        )


def _unreadable(lines: list[str], path: str, first_line: int) -> RenderedMarkdown:
    """The result for a body Python-Markdown cannot read (it ran out of stack: lists or quotes nested a few
    hundred levels deep): its lines as text, one paragraph, nothing lost, and an error at the line that begins
    furthest in (its spaces and quote signs), which stops the build."""
    depth = [len(line) - len(line.lstrip(" \t>\u3000")) for line in lines]
    index = depth.index(max(depth))
    text = "\n".join(line.strip() for line in lines if line.strip())
    problem = Problem(
        path, first_line + index, 1, "error",
        "Markdown cannot read this text: its lists or quotes are nested too deep (嵌套过深); this line begins "
        f"after {depth[index]} spaces and quote signs",
        "indent the lines less, or leave a blank line between them and start them at the left margin: a list "
        "inside a list item takes 4 more spaces a level, and a text rarely needs more than 3 levels")
    html_text = "<br>\n".join(html.escape(line, quote=False) for line in text.split("\n"))
    return RenderedMarkdown(html=f"<p>{html_text}</p>" if text else "", headings=(), text=text,
                            word_count=count_words(text), problems=(problem,), lead=text)


# "<" or "</" and a letter: where HTML reads a tag, named up to a space, "/" or ">" (a "<" in the name too).
_HTML_TAG_START_RE = compile_later(r"</?([A-Za-z][^\s/>]*)")


def _pseudo_tags_as_text(html: str) -> str:
    """``html`` with the "<" of each tag named by no element (`is_html_tag`) written ``&lt;``, shown as text.

    Python-Markdown writes every "<" of text as ``&lt;`` and `_TagsOnly`
    keeps words in angle brackets as text, but a raw HTML block
    (``<div>``, ``<p>``, a pasted ``<table>``…) reaches the page as typed:
    ``<td>依据<Excel>模板</td>`` lost "Excel" to the sanitizer. So any
    "<letter" left is a tag Python-Markdown wrote, a tag the editor typed,
    or such words. Inside an attribute's value ``&lt;`` means "<" all the
    same; inside a comment or a script (both removed) it changes nothing
    shown.
    """
    if "<" not in html:
        return html
    if all(_element_name(name) for name in set(_HTML_TAG_START_RE.findall(html))):
        return html  # the usual case: a page's hundred tags have a dozen names, each looked up once
    return _HTML_TAG_START_RE.sub(lambda m: m.group() if _element_name(m.group(1)) else "&lt;" + m.group()[1:],
                                  html)


_LIST_START_RE = compile_later(r'<ol start="([^"]+)">')


def _ascii_list_starts(html: str) -> str:
    """``<ol start="３">`` written with ASCII digits (``start="3"``); other HTML unchanged.

    Python-Markdown reads a numbered list's first number with ``\\d``, which
    takes full-width digits (``３. 第三条``, typed with an input method) and
    copies them into ``start``, where browsers read no number and count from
    1: the list was shown as 1, 2 for a text that says 3, 4.
    """
    if "<ol start=" not in html:
        return html
    return _LIST_START_RE.sub(lambda m: f'<ol start="{int(m.group(1))}">' if m.group(1).isdecimal()
                              else m.group(0), html)


def _settings_key() -> str:
    """Return the cache key of the rendering settings (see MarkdownRenderer)."""
    parts = [
        POLICY_VERSION, markdown.__version__, getattr(nh3, "__version__", "?"),
        repr(MARKDOWN_EXTENSIONS),
        repr(sorted((name, sorted((k, repr(v) if not callable(v) else v.__qualname__)
                                  for k, v in options.items()))
                    for name, options in _extension_configs().items())),
        # Which addresses typed as text are linked, and where they end (a change re-renders every body).
        BARE_ADDRESS_RE, _ADDRESS_TRAILING, repr(sorted(_NO_LINK_INSIDE)),
        repr(sorted(LAYOUT_IDS)),  # no heading's id (a theme with another id re-renders every body)
        repr(sorted(ALLOWED_TAGS)), repr(sorted(CONTENT_DROPPED_TAGS)), repr(sorted(URL_SCHEMES)),
        repr(sorted(ALLOWED_STYLE_PROPERTIES)),
        repr(sorted((tag, sorted(names)) for tag, names in ALLOWED_ATTRIBUTES.items())),
        repr(sorted((tag, sorted(names)) for tag, names in ALLOWED_CLASSES.items())),
        repr(sorted((tag, sorted((a, sorted(v)) for a, v in attrs.items()))
                    for tag, attrs in ALLOWED_ATTRIBUTE_VALUES.items())),
    ]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"markup-{POLICY_VERSION}-{digest}"


# --------------------------------------------------------------------------
# Counts, reading time, summaries
# --------------------------------------------------------------------------

def count_words(text: str) -> int:
    """Return N, the size of a text in "字/words", CJK-aware.

    Takes plain text (not HTML or Markdown: count the ``text`` of a
    :class:`RenderedMarkdown`, so markup and link addresses do not count).
    N = number of CJK characters (Han ideographs incl. extensions A-H and
    compatibility ideographs, 々 〇, kana, hangul; not punctuation)
    + number of other words: maximal runs of letters/digits, where ``.``,
    ``'``, ``’``, ``-`` and ``&`` between two letters/digits keep the run
    going (``R&D``, ``3.5``, ``e-mail``, ``don't`` are one word each).
    A URL or e-mail address written in the text counts as one word.
    Text is NFC-normalised first. Rule as Hugo's for CJK (one character =
    one word) but per character, so mixed pages are counted right.
    Example: ``"我们用Python写了3.5个App"`` → 6 + 3 = 9.
    """
    text = unicodedata.normalize("NFC", text)
    urls = 0
    # _URL_RE needs "://", "mailto:", "www." or "@": skip it when none can occur.
    if ":" in text or "@" in text or "www." in text:
        text, urls = _URL_RE.subn(" ", text)
    # Each run of CJK characters counts its length, then stands as one space, which
    # ends a word just as a CJK character does.
    spaced, runs = _CJK_RUN_RE.subn(" ", text)
    cjk = len(text) - len(spaced) + runs
    return urls + cjk + len(_WORD_RE.findall(spaced))


def reading_minutes(count: int, per_minute: int) -> int:
    """Return the reading time in whole minutes: ``ceil(count / per_minute)``.

    ``count`` comes from :func:`count_words`; ``per_minute`` is the reading
    speed (Hugo: 500 CJK characters or 212 words per minute; the seed's
    "1688字，读完约4分钟" is ceil(1688 / 500) = 4). Returns 0 for 0, at least 1
    otherwise. Raises ValueError if ``count < 0`` or ``per_minute < 1``.
    """
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}")
    if per_minute < 1:
        raise ValueError(f"per_minute must be 1 or more, got {per_minute}")
    return math.ceil(count / per_minute)


# Full-width punctuation ends a line with its own space: the next line follows it with nothing between.
_FULL_WIDTH_END_PUNCTUATION = "。！？；：，、…—）」』”’》〉"


def _is_cjk_context(char: str) -> bool:
    """True for one CJK character or CJK punctuation mark."""
    # _CJK_RUN_RE, not one pattern of both sets: each pattern holding the CJK ranges costs 2 ms more to compile.
    return bool(_CJK_RUN_RE.match(char) or _CJK_PUNCT_RE.match(char))


def join_blocks(text: str) -> str:
    """Join the lines of plain text (blocks and line breaks alike) into one line, keeping them apart.

    Takes text such as ``RenderedMarkdown.lead``; returns one line. Lines
    are stripped and empty ones dropped. Each line stays apart from the
    next, as the page shows them apart (a line break in a paragraph is a
    ``<br>``): with nothing after full-width punctuation (``主要做法：`` then
    ``摸排问题点位``), with an ideographic space (U+3000, 全角空格) between
    two CJK characters (``镇政府　二楼参会人员``: joined with nothing, the
    lines would read as one phrase, and Chinese text never gets an ASCII
    space, as the line-break policy requires), and with one space
    otherwise (also after ``.`` or ``,``: ``Hello. Next``).
    """
    result = ""
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        if result and result[-1] not in _FULL_WIDTH_END_PUNCTUATION:
            both_cjk = _is_cjk_context(result[-1]) and _is_cjk_context(line[0])
            result += "\u3000" if both_cjk else " "
        result += line
    return result


def summarize(text: str, limit: int) -> str:
    """Return a one-line summary of plain text, at most ``limit`` characters.

    Takes plain text (e.g. ``RenderedMarkdown.lead``) and a limit in
    characters (code points; the ``…`` counts). Blocks and lines are joined
    with :func:`join_blocks`. If the text is longer, it is cut at a character
    boundary (never inside a surrogate pair, combining sequence, emoji ZWJ
    sequence or flag), preferring the end of a CJK sentence or clause
    (after 。！？ or before ，、；：) or a space when one lies within the last
    ~20 % of the limit, and ``…`` is appended; never inside a figure (``1296``,
    ``80%``, ``1.2万``) or a Latin word, which is left out whole
    (`_before_figure`). Raises ValueError if limit < 1.
    """
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, got {limit}")
    flat = join_blocks(text)
    if len(flat) <= limit:
        return flat
    budget = limit - 1
    cut = _boundary_at_or_before(flat, budget)
    cut = _preferred_cut(flat, cut, max(1, math.ceil(limit * 0.2)))
    cut = _before_figure(flat, cut)
    return flat[:cut].rstrip() + "…"


# A figure as a reader takes it in at once: digits (full-width too) with the signs between them of a decimal,
# thousands, date or time (1,296  3.5  2018-04-26  10:00), the percent sign or the 万/亿 after them, and the
# Latin letters joined to them (G60, 5G); or a Latin word.
_FIGURE_RE = compile_later(r"(?:[0-9０-９A-Za-z]+(?:[.,．:：/-](?=[0-9０-９])[0-9０-９]+)*)+(?:[%％‰]|[万亿])?")
_FIGURE_BACK = 20
"""How far a summary's cut moves back to keep a figure whole; a longer run (an address) is cut where it falls."""


def _before_figure(text: str, cut: int) -> int:
    """``cut``, or the start of the figure or Latin word it falls inside (`_FIGURE_RE`), so that a summary never
    ends in part of a number: "收集问题清单1296份" cut after its "1" read as a figure of 1 (…清单1…), 80% cut
    before its "%" as 80, 1.2万 before its "万" as 1.2. A figure starting the text, or longer than
    `_FIGURE_BACK` characters, is cut where it falls."""
    for found in _FIGURE_RE.finditer(text, max(0, cut - _FIGURE_BACK - 1), min(len(text), cut + _FIGURE_BACK)):
        if found.start() < cut < found.end():
            start = _boundary_at_or_before(text, found.start())  # not inside a sequence joined to it (ZWJ)
            return start if 0 < start and cut - start <= _FIGURE_BACK else cut
        if found.start() >= cut:
            break
    return cut


_SENTENCE_ENDS = "。！？!?"
_CLAUSE_ENDS = "，、；：,;:"


def _preferred_cut(text: str, cut: int, window: int) -> int:
    """Move ``cut`` back to a sentence/clause end or a space within ``window``."""
    for position in range(cut - 1, max(0, cut - window) - 1, -1):
        char = text[position]
        if char in _SENTENCE_ENDS and _is_boundary(text, position + 1):
            return position + 1
        if (char in _CLAUSE_ENDS or char == " ") and position > 0:
            return _boundary_at_or_before(text, position)
    return cut


def _boundary_at_or_before(text: str, index: int) -> int:
    """Return the largest character boundary ≤ ``index`` (0 if none)."""
    while 0 < index < len(text) and not _is_boundary(text, index):
        index -= 1
    return max(index, 0)


def _is_boundary(text: str, index: int) -> bool:
    """True when ``text[:index]`` does not split a user-perceived character."""
    char, before = text[index], text[index - 1]
    if "\udc00" <= char <= "\udfff" and "\ud800" <= before <= "\udbff":
        return False
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return False
    if char == "\u200d" or before == "\u200d":
        return False
    if "\ufe00" <= char <= "\ufe0f" or "\U000e0000" <= char <= "\U000e01ef":
        return False
    if "\U0001f3fb" <= char <= "\U0001f3ff":
        return False
    if _is_regional(char) and _is_regional(before):
        run = 0
        while index - run - 1 >= 0 and _is_regional(text[index - run - 1]):
            run += 1
        return run % 2 == 0
    return True


def _is_regional(char: str) -> bool:
    """True for a regional indicator symbol (two make a flag)."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"
