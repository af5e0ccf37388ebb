"""Heading ids and the Markdown extension that puts sitegen's pieces together.

Job: heading ids that keep Chinese text (`slugify_heading`), the tree
processors run after the inline ones, `SitegenExtension` and the
extensions with their settings (`MARKDOWN_EXTENSIONS`,
`extension_options`).

May import: lazyre, markupbits, markupblocks, markupinline (and Python-Markdown and the standard library).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

import markdown
from markdown import inlinepatterns
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import TocTreeprocessor, unique
from markdown.blockprocessors import HashHeaderProcessor, ReferenceProcessor
from markdown.preprocessors import HtmlBlockPreprocessor
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

from .lazyre import compile_later
from .markupbits import NOTES_HEADING
from .markupblocks import FootnoteLinkNames, OpenBlocksPreprocessor, TableScrollTreeprocessor
from .markupinline import (AddressReferences, BARE_ADDRESS_RE, BareAddressProcessor, DigitStarProcessor, HashHeadings,
                           HeadingIds, LayoutIdsHeld, PrunedInlineProcessor, TagsOnly)

# --------------------------------------------------------------------------
# Heading ids without the table of contents (same ids, less work)
# --------------------------------------------------------------------------

# What keeps a heading's text from being its own inner HTML at the time toc runs:
# characters the serializer escapes, and placeholders (backslash escapes, raw HTML).
_NOT_PLAIN_TEXT_RE = compile_later("[&<>\x02\x03]")


class _PlainHeadingIds(Treeprocessor):
    """The ``toc`` tree processor, set short for documents whose headings are plain text.

    Python-Markdown's toc (``TocTreeprocessor.run``) gives each heading
    without an id the id ``unique(slugify(html.unescape(strip_tags(inner
    HTML))), every id in the document)``, and builds a table of contents
    (``md.toc``, ``md.toc_tokens``) that sitegen does not use. For a heading
    with no attributes (but the notes' class, `NOTES_HEADING`), no children, and text and tail without ``& < >``,
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
                if ((element.attrib and element.attrib != NOTES_HEADING) or len(element)
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
    they read, so (see :class:`PrunedInlineProcessor`) in the text the
    inline processor found; without one, ``run`` would change nothing.
    (A subclass, as the ``html`` pattern uses this processor's ``RE``.)
    """

    def __init__(self, md: markdown.Markdown, inline: PrunedInlineProcessor) -> None:
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


class SitegenExtension(Extension):
    """Registers sitegen's preprocessor and tree processors, and turns off indented code blocks.

    A paragraph typed with Word's or WPS's first-line indent starts with
    four spaces, which Markdown makes a code block: monospaced, never
    wrapped, wider than a phone. Editors write prose, so text indented that
    way stays a paragraph (its leading spaces dropped); code is written
    between ``` fences.

    ``shortcuts``: also put sitegen's shortcut versions in place of
    Python-Markdown's ``fenced_code_block`` and ``html_block`` preprocessors
    (:class:`_FencesIfAny`, :class:`_HtmlBlocksIfMarkup`) and ``inline``,
    ``unescape`` and ``toc`` tree processors (:class:`PrunedInlineProcessor`,
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
        md.preprocessors.register(OpenBlocksPreprocessor(md), "sitegen_open_blocks", 25)
        md.treeprocessors.register(TableScrollTreeprocessor(md), "sitegen_table_scroll", 12)
        # Before the inline patterns (20) read a heading's text, and toc (5) gives ids to the others.
        md.treeprocessors.register(HeadingIds(md), "sitegen_heading_ids", 30)
        # Right around toc (5), which gives the other headings their ids.
        md.treeprocessors.register(LayoutIdsHeld(md, True), "sitegen_layout_ids_held", 6)
        md.treeprocessors.register(LayoutIdsHeld(md, False), "sitegen_layout_ids_freed", 4)
        # After the footnotes' marks are made (inline 20, footnote-duplicate 15).
        md.treeprocessors.register(FootnoteLinkNames(md), "sitegen_footnote_names", 11)
        md.parser.blockprocessors.deregister("code")
        if type(md.parser.blockprocessors["hashheader"]) is HashHeaderProcessor:
            md.parser.blockprocessors.register(HashHeadings(md.parser), "hashheader", 70)
        if type(md.parser.blockprocessors["reference"]) is ReferenceProcessor:
            md.parser.blockprocessors.register(AddressReferences(md.parser), "reference", 15)
        md.inlinePatterns.register(DigitStarProcessor(r"(?<=\d)\*(?=\d)", md), "sitegen_digit_star", 75)
        # Below raw HTML (90) and entities (80), above emphasis (60): "*" and "_" in an address stay its own.
        md.inlinePatterns.register(BareAddressProcessor(BARE_ADDRESS_RE, md), "sitegen_bare_address", 70)
        if type(md.inlinePatterns["html"]) is inlinepatterns.HtmlInlineProcessor:
            md.inlinePatterns.register(TagsOnly(inlinepatterns.HTML_RE, md), "html", 90)

    def _register_shortcuts(self, md: markdown.Markdown) -> None:
        """Put the shortcut versions in place of Python-Markdown's processors (same names and priorities)."""
        if type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
            md.preprocessors.register(_HtmlBlocksIfMarkup(md), "html_block", 20)
        fences = md.preprocessors["fenced_code_block"]
        if type(fences) is FencedBlockPreprocessor:
            md.preprocessors.register(_FencesIfAny(md, fences.config), "fenced_code_block", 25)
        inline = PrunedInlineProcessor(md)
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


def extension_options() -> dict[str, dict[str, object]]:
    """Options of the Markdown extensions (a fresh dict per call)."""
    return {
        "footnotes": {"SEPARATOR": "-", "BACKLINK_TITLE": "返回正文第 {} 处注释"},
        "toc": {"slugify": slugify_heading, "marker": "", "toc_depth": "2-6"},
        "tables": {"use_align_attribute": False},
    }
