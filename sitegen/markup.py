"""Markdown bodies to sanitized HTML, plus the plain text, counts and summaries.

Job: turn the Markdown body of one content file into safe HTML for the page,
its headings (for the table of contents), its plain text (for counts,
summaries, feeds and search) and the warnings an editor should see, each at a
real line of the file.

This module is the entry point: the renderer (:class:`MarkdownRenderer` and
its cache key), the limits on a body (`body_complexity`), and every name the
rest of sitegen and the tests take from it (its ``__all__``). The work lives
by its job in modules of their own, below it: `sitegen.markupallow` (the one
allowlist of HTML), `sitegen.markupblocks`, `sitegen.markupinline` and
`sitegen.markupext` (the Markdown extension: blocks, inline patterns, heading
ids), `sitegen.markupclean` (sanitizing), `sitegen.markupplain` (plain text
and headings from the sanitized HTML), `sitegen.markuptext` (counts, reading
time, summaries), and the checks of the source as typed, by kind:
`sitegen.markupcheckheadings` (headings), `sitegen.markupchecklinks` (links
and pictures), `sitegen.markupchecklists`, `sitegen.markupcheckitems` and
`sitegen.markupchecknumbers` (lists and their items), `sitegen.markupchecknotes`
(sources, ">" and footnotes), `sitegen.markupchecktables` (tables),
`sitegen.markupcheckwide` (signs typed in full width),
`sitegen.markupcheckfences` (code fences), `sitegen.markupcheckstars` (stars
that hid a name), `sitegen.markupcheckchars` (characters, spaces and
controls) and `sitegen.markupcheckhtml` (what sanitizing removed, raw HTML),
with what the checks share in `sitegen.markupcheckbits` and what every part
shares in `sitegen.markupbits`.

May import: errors, fresh, lazyre, markupallow, markupbits, markupblocks,
markupcheckbits, markupcheckchars, markupcheckfences, markupcheckheadings,
markupcheckhtml, markupcheckitems, markupchecklinks, markupchecklists,
markupchecknotes, markupchecknumbers, markupcheckstars, markupchecktables,
markupcheckwide, markupclean, markupdepth, markupext, markupinline, markupplain,
markuptext
(and Python-Markdown, nh3 and the standard library).

Policies (what editors get, and why):

* **Extensions**: ``fenced_code``, ``tables``, ``footnotes``, ``sane_lists``,
  ``toc`` and ``nl2br``; output format ``html``. ``attr_list`` is *not* enabled (editors
  set no classes or styles: the theme formats the page). Heading ids keep Chinese text (``## 组织调研的进展如何？``
  gets ``id="组织调研的进展如何"``); repeated headings get ``_1``, ``_2``...
  (Python-Markdown's default slugify drops Chinese; see NOTES.md.) An id typed
  at a heading's end, as Hugo and Pandoc take it (``## 下 {#xia}``), is that
  heading's id, the braces out of its text (`HeadingIds`); other braces
  there (``{.big}``, ``{#}``, ``{#两个 词}``, ``｛#xia｝``) stay text and are
  warned, with the line to type, and so is an id given twice or one the
  theme's layout gives an element of the page (`LAYOUT_IDS`: ``{#main}``),
  which no heading gets (``## Main`` gets ``main_1``) (`heading_id_problems`). Such braces at the end of a paragraph's or a
  list item's line, or on a line of their own (``这一段 {#duan}``,
  ``{: .note}``), are text too, and warned (`text_id_problems`).
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
  (:class:`BareAddressProcessor`): http:// or https:// and a host with a
  dot; the address ends at a space, a Chinese character or full-width
  punctuation (。，；：）」 …), and a ``.`` ``,`` ``)`` typed after it is the
  sentence's. Not in code, links, link titles, picture addresses or raw
  HTML; ``www.…`` without a scheme and e-mail addresses stay text. One typed
  with an input method's full-width signs (``http：//…``, ``ｈｔｔｐ://…``,
  ``www．…``) stays text, and is warned with the half-width address to type
  (`wide_bare_address_problems`).
* **Links and pictures typed with a slip** stay text, and are warned with
  the Markdown to type: one typed with an input method's full-width sign or
  a space between ``]`` and ``(`` (`typed_link_problems`), one missing a
  bracket or parenthesis (``详见[路灯案例](/cases/x/。``,
  ``[路灯案例(/cases/x/)``, ``[路灯案例]/cases/x/)``, ``路灯案例](/cases/x/)``:
  `broken_link_problems`; the ``)`` goes right after the address, before
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
  it is warned, with the blank line or indent to type (`lazy_line_problems`).
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
  level under the item above; behind a first-line indent, ``　　•成立``,
  offered at the line's start, or under the item above when further in than
  the list's first item), are text to Markdown: two or more in a row (a blank line
  between them or not), numbered in order, or one right under a line ending
  in a colon, are warned with the line to type (``- `` for a sign, ``3. ``
  for ``③``: Markdown starts a list at its first number), in quotes too
  (``> 1.成立`` gets ``> 1. 成立``) (`slipped_item_problems`); short titles
  numbered ``一、`` or ``（一）`` (``一、工作背景``, a blank line, ``二、主要做法``),
  each standing alone, only blank lines between them and a paragraph under
  the last, are the titles of a report's parts as Word numbers them,
  offered as headings (below), not as items; a list that
  starts again right under a numbered list (``①…`` ``②…``, a blank line,
  ``1、…`` ``2、…``), which Markdown would join to it once both are typed as
  its items (one list, numbered 1 to 4), is offered at its first item how to
  keep the two apart as well: ``<!-- -->`` on a line above it, or a sentence
  after a blank line (in a quote, after a line of ``>`` alone); a list typed
  as Markdown's right under such a list (``①…`` ``②…``, a blank line,
  ``1. …`` ``2. …``), which no warning of its own tells, is offered the same
  at the first item of the list above it, in the first round, not once its
  items are typed; figures (``1.5万元``,
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
  (`full_width_sign_problems`, `odd_space_item_problems`), inside quotes
  too (``> － 项目`` gets ``> - 项目``).
* **A list of the other kind, or a quote, right under a list** (``1. 丙``
  under ``- 乙``, ``> 引文`` under an item) is a block of its own, as in
  CommonMark, where it is no further in than the item above: a blank line
  is inserted, not a line of the last item's text.
* **Questions numbered as a report's headings** (``一、大调研开展以来，有哪些进展？``,
  ``（一）及时启动，建立体系``, ``二、 下一步``: a space or TAB after the mark or
  not) typed without ``##``, standing alone as a
  paragraph or a short line ending in ？ or in no mark, are text to
  Markdown: they are warned with the heading to type, the mark kept, one
  level under the heading above of a higher rank (``## `` before ``一、`` at
  the top of a body, ``### `` under a question ``##``, as parts of an answer
  take; ``### `` before ``（一）`` under ``## 一、``), or at the level of the part
  or section numbered before it (``二、`` beside ``## 一、``); a question
  (``二、…？``) ``## `` always, so the table of contents keeps to the
  questions (`_ordinal_heading_problems`); such
  a mark inside a paragraph, and lines told as a list's items, are not.
* **A heading's closing "#" signs** are dropped only after a space, as
  CommonMark has it (``## 问题 ##`` is 问题): ``## 学习C#`` and ``## 3#``
  keep their last "#" (`HashHeadings`), which Python-Markdown drops.
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
  ``### 标题``) is warned too (`html_markdown_problems`). Only a tag of an
  element HTML defines (:data:`HTML_ELEMENTS`), or of Word's own markup
  (``<o:p>``, ``<st1:chsdate>``: removed, its text kept, told once a page
  for each name), is a tag: words in angle
  brackets (``<WPS表格>``, ``<PM2.5>``, ``</Excel>``) are text, shown as typed,
  in Markdown and in raw HTML alike; Chinese words in them are warned, with
  book-title marks (《》) offered.
  An ``<img>`` copied from a page that loads pictures late, its address in
  ``data-src`` (WeChat) or the like (`lazy_picture`), with no src or a
  stand-in there (``data:image/svg+xml,…``, a blank GIF, ``#``), is left out
  (`lazy_stand_ins_dropped`) and told once, by that address.
* **Control characters**, which no page or feed can hold: a line break made
  in Word with Shift+Enter (U+000B, 手动换行符) or a page break (U+000C) is
  published as the line break the editor saw in Word; any other becomes
  ``�`` (`published_controls`). Each line holding one is warned, at the
  character, with what it is and what to type (`control_problems`).
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

import markdown
import nh3

from .errors import Problem
from .fresh import code_fingerprint
from .lazyre import compile_later
from .markupallow import (ALLOWED_ATTRIBUTES, ALLOWED_ATTRIBUTE_VALUES, ALLOWED_CLASSES, ALLOWED_STYLE_PROPERTIES,
                          ALLOWED_TAGS, CONTENT_DROPPED_TAGS, URL_SCHEMES)
from .markupbits import CJK_CHARS, HTML_ELEMENTS, Heading, RenderedMarkdown, SURROGATE_RE, URL_RE, element_name
from .markupblocks import open_blocks
from .markupcheckbits import outside_fences
from .markupcheckchars import (CONTROL_RE, angle_bracket_problems, control_problems, invisible_problems,
                               lost_character_problems, no_break_space_problems, open_comment_problems,
                               published_controls, reading_figures_problems, separator_problems,
                               spaced_bold_problems)
from .markupcheckfences import open_fence_problems, tilde_block_problems
from .markupcheckheadings import (free_id, heading_id_problems, heading_problems, heading_with_id,
                                  nested_empty_heading_problems, path_escape_problems, text_id_problems)
from .markupcheckhtml import (html_blocks, html_markdown_problems, outside_html_blocks, removal_possible,
                              removal_problems)
from .markupcheckitems import end_mark_problems, odd_space_item_problems, slipped_item_problems, sub_item_problems
from .markupchecklinks import (TYPED_LINK_RE, address_slip_problems, broken_link_problems, is_slip, place_in_block,
                               places_typed, slip_possible, swallowed_title, text_blocks, title_quote_problems,
                               typed_link_problems, typed_links, untitled_words_problems, wide_bare_address_problems)
from .markupchecklists import indented_marker_problems, lazy_line_problems
from .markupchecknotes import citation_problems, footnote_problems, more_than_problems
from .markupchecknumbers import numbering_problems, year_item_problems
from .markupcheckstars import masking_star_problems, unclosed_bold_problems
from .markupchecktables import pipe_blocks_formed, table_cell_problems, table_problems, table_scan_problems
from .markupcheckwide import full_width_sign_problems
from .markupclean import (is_local_path, lazy_picture, lazy_stand_ins_dropped, local_file_name, make_cleaner,
                          refused_pictures_as_text, typed_images, typed_lazy_picture, without_empty_classes)
from .markupdepth import kept_as_text, too_deep_line
from .markupext import MARKDOWN_EXTENSIONS, SitegenExtension, extension_options, slugify_heading
from .markupinline import ADDRESS_TRAILING, BARE_ADDRESS_RE, LAYOUT_IDS, NO_LINK_INSIDE, PrunedInlineProcessor
from .markupplain import TextCollector, collect_text, plain_text
from .markuptext import count_words, reading_minutes, summarize

# Bump when this module's behaviour changes in a way the output depends on
# (it is part of MarkdownRenderer.settings_key, the cache key, with a digest of
# sitegen's code, which a new release changes anyway).
POLICY_VERSION = "92"

__all__ = [
    "ALLOWED_TAGS", "BARE_ADDRESS_RE", "CJK_CHARS", "CONTENT_DROPPED_TAGS", "HTML_ELEMENTS", "Heading",
    "LAYOUT_IDS", "MAX_BODY_BRACKETS", "MAX_BODY_EMPHASIS", "MAX_BODY_LINES", "MarkdownRenderer", "POLICY_VERSION",
    "PrunedInlineProcessor", "RenderedMarkdown", "TYPED_LINK_RE", "TextCollector", "URL_RE", "body_complexity",
    "collect_text", "count_words", "free_id", "heading_with_id", "is_local_path", "is_slip", "lazy_picture",
    "local_file_name", "open_blocks", "outside_fences", "pipe_blocks_formed", "place_in_block", "places_typed",
    "plain_text", "reading_minutes", "removal_possible", "removal_problems", "slip_possible", "slugify_heading",
    "summarize", "swallowed_title", "table_problems", "table_scan_problems", "text_blocks", "typed_images",
    "typed_lazy_picture", "typed_links",
]


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
    (:class:`PrunedInlineProcessor`), Python-Markdown steps with nothing to
    do (:class:`_FencesIfAny`, :class:`_HtmlBlocksIfMarkup`,
    :class:`_UnescapeAfterEscapes`), the
    table of contents built only to set plain heading ids
    (:class:`_PlainHeadingIds`), HTMLParser on nh3's regular output
    (`TextCollector.feed_serialized`). The result is the same, only slower;
    tests/test_markup_speed.py holds the default renderer to it.

    Attributes:
        settings_key: a short string that changes whenever the extensions,
            their options, the allowlist, this module's policies or any of
            sitegen's code changes (use it in cache keys): a body's
            warnings are kept with it, so a sitegen that tells a slip in
            other words, or tells a new one, must not be given the old
            ones (`sitegen.fresh.code_fingerprint`).
    """

    def __init__(self, *, reference: bool = False) -> None:
        self._reference = reference
        self._md = self._markdown()
        self._cleaner = make_cleaner()
        self.settings_key: str = _settings_key()

    def _markdown(self) -> markdown.Markdown:
        """A new Python-Markdown instance with sitegen's extensions (reused for every body, `reset` between)."""
        return markdown.Markdown(
            extensions=[*MARKDOWN_EXTENSIONS, SitegenExtension(shortcuts=not self._reference)],
            extension_configs=extension_options(),
            output_format="html",
        )

    def render(self, body: str, path: str, first_line: int) -> RenderedMarkdown:
        """Render one Markdown body.

        Takes the body text (str, newlines ``\\n``, ``\\r\\n`` or ``\\r``), the
        file's path relative to the site root (for problems) and the 1-based
        file line of the body's first line. Returns a :class:`RenderedMarkdown`
        whose problems are warnings at file lines. Lone surrogate code points
        are replaced by U+FFFD; control characters as `published_controls`
        says. Does not raise for any text.
        """
        source = SURROGATE_RE.sub("\ufffd", body.replace("\r\n", "\n").replace("\r", "\n"))
        lines = source.split("\n")
        deepest = too_deep_line(source, lines)
        if deepest is not None:
            return kept_as_text(lines, deepest, path, first_line)
        self._md.reset()
        try:
            converted = self._md.convert(source)
        except RecursionError:  # lists are held to MAX_LIST_LEVELS; this is for a caller already deep in calls
            # Its block parser's state is left half way (reset() does not clear it): every body converted after
            # by this instance came out wrong (paragraphs as line breaks). A new one for the next body.
            self._md = self._markdown()
            return kept_as_text(lines, None, path, first_line)
        raw_html = _pseudo_tags_as_text(_ascii_list_starts(converted))
        if "\x00" in raw_html:  # the cleaner drops U+0000 unseen; as every other control, it is shown as �
            raw_html = raw_html.replace("\x00", "\ufffd")
        cleaned = self._cleaner.clean(lazy_stand_ins_dropped(raw_html))
        clean_html = without_empty_classes(refused_pictures_as_text(cleaned))
        control = CONTROL_RE.search(clean_html) is not None
        if control:
            clean_html = published_controls(clean_html)
        collector = collect_text(clean_html, serialized=not self._reference)
        text = collector.text()
        blocks = html_blocks(lines, self._md) if "<" in source else []
        # In an HTML block a line's signs are shown as typed: no heading, quotation, fence or list item there.
        problems = outside_html_blocks(heading_problems(lines, path, first_line), blocks, first_line)
        problems += outside_html_blocks(heading_id_problems(source, lines, path, first_line), blocks, first_line)
        problems += outside_html_blocks(text_id_problems(source, lines, text, path, first_line), blocks, first_line)
        problems += html_markdown_problems(lines, blocks, path, first_line)
        problems += nested_empty_heading_problems(lines, clean_html, path, first_line)
        problems += path_escape_problems(source, lines, path, first_line)
        problems += typed_link_problems(source, lines, path, first_line)
        problems += outside_html_blocks(broken_link_problems(source, lines, path, first_line, text), blocks,
                                        first_line)
        problems += title_quote_problems(source, lines, path, first_line)
        problems += untitled_words_problems(source, lines, path, first_line)
        problems += address_slip_problems(raw_html, lines, path, first_line)
        problems += outside_html_blocks(wide_bare_address_problems(lines, clean_html, path, first_line), blocks,
                                        first_line)
        problems += indented_marker_problems(source, lines, clean_html, path, first_line)
        problems += lazy_line_problems(source, lines, path, first_line)
        problems += citation_problems(source, lines, path, first_line)
        problems += outside_html_blocks(more_than_problems(source, lines, path, first_line), blocks, first_line)
        problems += footnote_problems(source, lines, clean_html, self._md, path, first_line)
        problems += numbering_problems(source, lines, path, first_line)
        problems += outside_html_blocks(year_item_problems(source, lines, clean_html, path, first_line),
                                        blocks, first_line)
        problems += full_width_sign_problems(source, lines, path, first_line)
        spaced = spaced_bold_problems(lines, clean_html, path, first_line)
        problems += spaced
        spaced_lines = {told.line for told in spaced}
        problems += open_comment_problems(lines, clean_html, path, first_line)
        problems += angle_bracket_problems(lines, clean_html, path, first_line)
        problems += odd_space_item_problems(source, lines, path, first_line)
        problems += slipped_item_problems(source, lines, path, first_line)
        problems += outside_html_blocks(open_fence_problems(lines, clean_html, path, first_line)
                                        + tilde_block_problems(source, lines, clean_html, path, first_line)
                                        + end_mark_problems(source, lines, path, first_line), blocks, first_line)
        problems += table_problems(source, lines, path, first_line, clean_html)
        problems += table_cell_problems(source, lines, self._md, path, first_line)
        problems += invisible_problems(source, lines, path, first_line)
        problems += no_break_space_problems(source, lines, clean_html, path, first_line)
        problems += separator_problems(source, lines, path, first_line)
        problems += lost_character_problems(source, lines, path, first_line)
        problems += reading_figures_problems(source, lines, path, first_line)
        problems += masking_star_problems(lines, clean_html, path, first_line)
        # A line whose bold has a space inside its stars is told so, and Markdown in an HTML block as such: not
        # as bold never closed too.
        problems += [problem for problem in outside_html_blocks(unclosed_bold_problems(lines, clean_html, path,
                                                                                  first_line), blocks, first_line)
                     if problem.line not in spaced_lines]
        problems += sub_item_problems(source, lines, clean_html, path, first_line)
        if removal_possible(source, raw_html):
            problems += removal_problems(raw_html, lines, blocks, path, first_line)
        problems += control_problems(source, lines, control, path, first_line)
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


# "<" or "</" and a letter: where HTML reads a tag, named up to a space, "/" or ">" (a "<" in the name too).
_HTML_TAG_START_RE = compile_later(r"</?([A-Za-z][^\s/>]*)")


def _pseudo_tags_as_text(html: str) -> str:
    """``html`` with the "<" of each tag named by no element (`is_html_tag`) written ``&lt;``, shown as text.

    Python-Markdown writes every "<" of text as ``&lt;`` and `TagsOnly`
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
    if all(element_name(name) for name in set(_HTML_TAG_START_RE.findall(html))):
        return html  # the usual case: a page's hundred tags have a dozen names, each looked up once
    return _HTML_TAG_START_RE.sub(lambda m: m.group() if element_name(m.group(1)) else "&lt;" + m.group()[1:],
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
        POLICY_VERSION, code_fingerprint(), markdown.__version__, getattr(nh3, "__version__", "?"),
        repr(MARKDOWN_EXTENSIONS),
        repr(sorted((name, sorted((k, repr(v) if not callable(v) else v.__qualname__)
                                  for k, v in options.items()))
                    for name, options in extension_options().items())),
        # Which addresses typed as text are linked, and where they end (a change re-renders every body).
        BARE_ADDRESS_RE, ADDRESS_TRAILING, repr(sorted(NO_LINK_INSIDE)),
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
