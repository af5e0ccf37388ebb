"""Plain text and headings from sanitized HTML.

Job: read the sanitized HTML once (`TextCollector`) for the plain text
(counts, summaries, feeds and search) and the headings (the table of
contents).

May import: lazyre, markupbits, markupclean (and the standard library).
"""

from __future__ import annotations

import html

from .lazyre import compile_later
from .markupbits import Heading, SERIALIZED_ATTRIBUTE_RE, SERIALIZED_TAG_RE
from .markupclean import LenientParser

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
# Blocks whose text a summary leaves out (see RenderedMarkdown.lead).
_NOT_LEAD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "figure"})


_HTML_SPACES_RE = compile_later(r"[ \t\r\n\f]+")
_BLOCK_BREAK_RE = compile_later(r"\n{2,}")


class TextCollector(LenientParser):
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
        if not self._pre_depth and ("\n" in data or "  " in data or "\t" in data or "\r" in data or "\f" in data):
            data = _HTML_SPACES_RE.sub(" ", data)  # a lone " " is left as it is: most runs of text have no other
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
        parts = SERIALIZED_TAG_RE.split(fragment)
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
                                           in SERIALIZED_ATTRIBUTE_RE.findall(attributes)]
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
    return collect_text(fragment, serialized=False).text()


def collect_text(fragment: str, serialized: bool) -> TextCollector:
    """Run a :class:`TextCollector` over an HTML fragment and return it.

    ``serialized``: the fragment is nh3's output, so try
    `TextCollector.feed_serialized` first (HTMLParser when it returns False).
    """
    if serialized:
        collector = TextCollector()
        if collector.feed_serialized(fragment):
            return collector
    collector = TextCollector()
    collector.feed(fragment)
    collector.close()
    return collector
