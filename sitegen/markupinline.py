"""The inline patterns of the Markdown extension, pruned to those a text can use.

Job: addresses typed as text made links, digits before stars, tags that
are not HTML, headings typed with ``#``, ids typed at a heading's end and
the ids the layout holds (`LAYOUT_IDS`), addresses in references, and the
inline processor that runs only the patterns a text's characters can meet.

May import: lazyre, markupbits, yamltext (and Python-Markdown and the standard library).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from types import MappingProxyType

import markdown
from markdown import inlinepatterns
from markdown.extensions.footnotes import FootnoteInlineProcessor
from markdown.extensions.toc import unique
from markdown.blockprocessors import HashHeaderProcessor, ReferenceProcessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, INLINE_PLACEHOLDER_PREFIX, INLINE_PLACEHOLDER_RE, AtomicString

from .lazyre import compile_later
from .markupbits import is_html_tag
from .yamltext import FULL_WIDTH_PUNCTUATION

# --------------------------------------------------------------------------
# Inline patterns pruned per document (same output, less work)
# --------------------------------------------------------------------------

class DigitStarProcessor(inlinepatterns.InlineProcessor):
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
ADDRESS_TRAILING = "?!.,:;*_~'"
# Raw HTML elements whose text is no place for a link: a link already, or code.
NO_LINK_INSIDE = frozenset({"a", "code", "kbd", "pre", "samp"})
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
        if last in ADDRESS_TRAILING:
            address = address[:-1]
        elif (last == ")" and address.count("(") < address.count(")")) or \
                (last == "]" and address.count("[") < address.count("]")):
            address = address[:-1]
        else:
            return address
    return address


class BareAddressProcessor(inlinepatterns.InlineProcessor):
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
        """True when raw HTML typed in ``before`` leaves an ``<a>`` or ``<code>`` (`NO_LINK_INSIDE`) open.

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
            if name not in NO_LINK_INSIDE:
                continue
            if not tag.group(1):
                open_tags.append(name)
            elif name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
        return bool(open_tags)


class TagsOnly(inlinepatterns.HtmlInlineProcessor):
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


class HashHeadings(HashHeaderProcessor):
    """Python-Markdown's "#" headings, with CommonMark's rule for the closing "#" signs.

    Python-Markdown drops every "#" at a heading's end, so ``## 学习C#``
    was published as 学习C, and ``## 3#`` (building 3, 3号楼) as 3. The
    signs closing a heading are signs only after a space or a tab
    (``## 问题 ##``), or when the heading holds nothing else (``## ##``);
    otherwise they are the heading's text. A line with no space after its
    first signs, which CommonMark makes no heading, is read as
    Python-Markdown reads it: ``#话题#`` is the heading 话题, and warned
    (`heading_problems`).
    """

    RE = compile_later(r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?P<spaced>(?=[ \t]))?"
                       r"(?:\\.|[^\\#]|#+(?=[^#\n])|(?(spaced)(?<=[^#\s])#+(?=[ \t]*(?:\n|$))|(?!)))*?)"
                       r"(?(spaced)(?:(?<=[ \t])#+)?[ \t]*|#*)(?:\n|$)")


# A heading's own id typed at its end, as Hugo, Pandoc and Python-Markdown's attr_list take it: ``## 下 {#xia}``
# (``## 下{#xia}``, ``## 下 { #xia }`` and attr_list's ``## 下 {: #xia}`` too). Group "id": what follows "#" up to
# the closing brace, checked by `heading_id_fault`. Not after a backslash: ``## 下 \{#xia}`` is text as typed.
_HEADING_ID_RE = compile_later(r"[ \t]*(?<!\\)\{:?[ \t]*#(?P<id>[^{}\s]*)[ \t]*\}[ \t]*$")
# Braces at a heading's end that may be meant as its attributes, half or full width (全角): an id, a class or a
# style (``{#两个 词}``, ``{.big}``, ``{: style="…"}``, ``｛#xia｝``), anything with "=" in it. Group "inner": what
# they hold.
HEADING_BRACES_RE = compile_later(r"(?<!\\)[{｛](?P<inner>[ \t\u3000]*[#＃.．:：][^{}｛｝\n]*|[^{}｛｝\n]*[=＝][^{}｛｝\n]*)"
                                  r"[}｝][ \t\u3000]*$")
_HEADING_TAG_RE = compile_later(r"h[1-6]$")
# Ids the footnotes take (`extension_options`: fn-1, fnref-1, fnref2-1 for a note cited twice).
_FOOTNOTE_ID_RE = compile_later(r"fn(?:ref\d*)?-", re.IGNORECASE)


def heading_id_fault(name: str, before: str) -> str:
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
    if HEADING_BRACES_RE.search(before.rstrip()):
        return "a heading takes one pair of braces, at its end"
    if not name:
        return 'it has no name after "#"'
    if re.search(r"[^\w-]", name) or unicodedata.normalize("NFKC", name) != name:
        return 'an id is letters, digits, "-" and "_" only, in half width (半角), no spaces'
    if _FOOTNOTE_ID_RE.match(name):
        return 'ids beginning "fn-" or "fnref-" are the places of footnotes'
    return ""


def typed_heading_id(text: str) -> re.Match[str] | None:
    """The heading id typed at the end of a heading's ``text`` (`_HEADING_ID_RE`), when it can be one
    (`heading_id_fault`); else None."""
    found = _HEADING_ID_RE.search(text) if "{" in text else None
    return found if found is not None and not heading_id_fault(found.group("id"), text[:found.start()]) else None


LAYOUT_IDS = frozenset({
    "all-downloads-heading", "as-of", "batches", "browse-title", "cases-heading", "chart-heading", "collected",
    "columns-heading", "compare-caption", "compare-heading", "contact-heading", "done-heading", "downloads",
    "downloads-heading", "escalated", "feeds", "feeds-heading", "figures-heading", "in-progress", "interviews-heading",
    "latest-heading", "license-heading", "limits-heading", "main", "milestones", "milestones-heading",
    "mode-heading", "notes-heading", "reading-mode", "reading-mode-label", "reading-mode-script", "related-heading",
    "resolved", "rules-heading", "search", "search-input", "search-status", "search-title", "standard-heading",
    "tallies-heading", "targets", "targets-caption", "targets-heading", "terms-heading", "toc-heading",
    "totals-heading", "unit-downloads-heading", "units-heading"})
"""The ids the default theme's layouts, partials and scripts give elements of a page as they are (``main``, the
skip link's target; ``toc-heading``), as `sitegen.render.layout_places` reads them from its files (a test holds
the two equal). A heading's id is none of them (`LayoutIdsHeld`, `HeadingIds`): the page would have two
elements of one id, and the skip link or the table of contents could lead to the other. Ids made of template
values (``m-{{ key }}``) are not here: no heading's is made so. A site's own templates may add others:
`sitegen.site.check_heading_ids` warns of those."""
_HELD_TAG = "sitegen-held-id"


class LayoutIdsHeld(Treeprocessor):
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


class HeadingIds(Treeprocessor):
    """Gives a heading the id typed at its end (``## 下 {#xia}``), and takes the braces out of its text.

    Editors coming from Hugo or Pandoc name a heading's place so, and link
    to it as ``[下文](#xia)``; sitegen took none of it, the page, its table
    of contents and the feeds showed "{#xia}" and the link led nowhere.
    Python-Markdown's ``attr_list`` does this too, but also takes classes and
    any attribute on any block, which editors have no use for (the theme
    formats the page), so only an id at a heading's end is taken, before
    the inline patterns read the heading's text. An id typed twice stays on
    the first heading; a later one gets ``_1`` as toc gives a repeated heading
    (`unique`), and is warned (`heading_id_problems`); so does one the
    theme's layout gives an element (`LAYOUT_IDS`: ``{#main}``). toc gives
    the other headings their ids around these. Braces it does not take stay
    as text, and are warned.
    """

    def run(self, root: etree.Element) -> None:
        typed: list[tuple[etree.Element, str]] = []
        for element in root.iter():
            if isinstance(element.tag, str) and _HEADING_TAG_RE.match(element.tag) and "id" not in element.attrib:
                found = typed_heading_id(element.text or "")
                if found is not None:
                    element.text = (element.text or "")[:found.start()]
                    typed.append((element, found.group("id")))
        used = {name for _, name in typed} | LAYOUT_IDS
        taken = set(LAYOUT_IDS)  # the layout's element has it first
        for element, name in typed:
            element.set("id", unique(name, used) if name in taken else name)
            taken.add(name)


class AddressReferences(ReferenceProcessor):
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
"""The need of `DigitStarProcessor`: a star between two digits somewhere in the text."""
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
    "html": (TagsOnly, ("<",)),
    # ENTITY_RE starts with "&".
    "entity": (inlinepatterns.HtmlInlineProcessor, ("&",)),
    # LINE_BREAK_RE = "  \n" (its newline is the need: see PrunedInlineProcessor).
    "linebreak": (inlinepatterns.SubstituteTagInlineProcessor, ("\n",)),
    # DelimiterProcessor's pattern is \*|_ (both delimiters registered by Python-Markdown).
    "em_strong": (inlinepatterns.DelimiterProcessor, ("*_",)),
    # nl2br's BR_RE = \n
    "nl": (inlinepatterns.SubstituteTagInlineProcessor, ("\n",)),
    # sitegen's (?<=\d)\*(?=\d): see DigitStarProcessor (a star alone is in most texts, bold: **)
    "sitegen_digit_star": (DigitStarProcessor, (_DIGIT_STAR,)),
    # sitegen's BARE_ADDRESS_RE: "://" in every address it matches, so both a ":" and a "/".
    "sitegen_bare_address": (BareAddressProcessor, (":", "/")),
})

_PATTERN_CHARACTERS = "`\\[^!<&*_\n:/"
"""Every character :data:`_PATTERN_NEEDS` names."""

_ALL_NEEDS = frozenset([*_PATTERN_CHARACTERS, *_WHOLE_NEEDS])
"""Every need: meeting them all leaves no pattern out."""

_PRUNING_VERIFIED_FOR = (3, 11)
"""The Python-Markdown version (major, minor) whose code :data:`_PATTERN_NEEDS` was read from."""


class PrunedInlineProcessor(InlineProcessor):
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
