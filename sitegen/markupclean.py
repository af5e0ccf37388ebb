"""Sanitizing: the converted HTML through nh3, and what was removed, told at its line.

Job: the cleaner (`make_cleaner`), address schemes refused, pictures
refused or loaded lazily (`lazy_picture`, `typed_images`), and the scan
of raw HTML for what sanitizing removes (`RemovalScanner`), with the
hints about local files.

May import: errors, lazyre, markupallow, markupbits, webaddress (and nh3 and the standard library).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import nh3

from .errors import paste_hint
from .lazyre import compile_later
from .markupallow import (ALIGNMENT, ALLOWED_ATTRIBUTES, ALLOWED_ATTRIBUTE_VALUES, ALLOWED_CLASSES,
                          ALLOWED_STYLE_PROPERTIES, ALLOWED_TAGS, ATTRIBUTE_LOOKS, CONTENT_DROPPED_TAGS,
                          DANGER_TAG_REASONS, DATA_IMAGE_RE, Look, MEDIA_TAGS, OTHER_TAG_HINT, RemovedFormatting,
                          SCHEME_RE, URL_ATTRIBUTES, URL_SCHEMES, alignment_missed, cell_alignment,
                          raw_attribute_value, removed_formatting)
from .markupbits import SERIALIZED_ATTRIBUTE_RE, WORD_TAG_RE, clipped
from .webaddress import hotlink_platform

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
    match = SCHEME_RE.match(cleaned)
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
        if tag == "img" and attribute == "src" and DATA_IMAGE_RE.match(stripped):
            return ""
        return "only data:image/png, jpeg, gif or webp pictures are allowed"
    return "only http, https, mailto, tel and relative links are allowed"


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: drop URLs that :func:`url_refusal` refuses, and an ``<img>``'s src that leads
    nowhere (`is_blank_source`), so the picture is left out (`refused_pictures_as_text`) as its warning says."""
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


# A picture as nh3 writes it (`SERIALIZED_TAG_RE`): group "attributes" its attributes; groups "open" and "close"
# the tags of a paragraph it is all of.
_SERIALIZED_IMG_RE = compile_later(r'(?P<open><p>)?<img(?P<attributes>(?: [a-z][a-z0-9-]*="[^"]*")*)>'
                                   r"(?P<close></p>\n?)?")


def refused_pictures_as_text(clean_html: str) -> str:
    """``clean_html`` (nh3's output) with each ``<img>`` that has no ``src`` replaced by its alt text.

    The cleaner drops a ``src`` that :func:`url_refusal` refuses (a file on
    the editor's computer, ``C:\\…`` or ``file:``; a ``javascript:`` or
    ``ftp:`` address; a ``data:`` one that is no picture) and kept the
    ``<img>``: no picture, invalid HTML, a broken-image mark on the page;
    so is an ``<img>`` typed in HTML with no ``src``. The picture is left
    out, as its warning says (`RemovalScanner`), and the words the editor
    typed to describe it stay, as a link's text stays when its address is
    refused; a paragraph that held only a picture with no alt text goes
    with it.
    """
    def text(found: re.Match[str]) -> str:
        attributes = dict(SERIALIZED_ATTRIBUTE_RE.findall(found.group("attributes")))
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


def without_empty_classes(clean_html: str) -> str:
    """``clean_html`` (nh3's output) with each ``class=""`` left on a tag taken away.

    nh3 (ammonia) filters a ``class`` value by ``allowed_classes`` and keeps
    the attribute when it drops every class in it: ``<div class="note">``
    becomes ``<div class="">``. The editor's class is warned of and removed
    (`RemovalScanner`); the empty attribute left is noise in the page and
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


class LenientParser(HTMLParser):
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


class RemovalScanner(LenientParser):
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
        removed = [] if tag in CONTENT_DROPPED_TAGS else removed_formatting(tag, attrs, raw)
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
            # No picture to show: left out (`lazy_stand_ins_dropped`, `refused_pictures_as_text`).
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

    def _look_findings(self, tag: str, removed: list[RemovedFormatting], raw: str) -> None:
        """Record the formatting removed from one start tag: every tag is told (a page coloured in two places
        loses both colours), once a line for each look (`removal_problems`)."""
        start = clipped(raw.split("\n", 1)[0].strip(), 40)
        if tag not in ALLOWED_TAGS and len(removed) > 1:  # the whole tag goes: one warning for all it asked
            removed = [RemovedFormatting("", "", tuple(pair for found in removed for pair in found.looks))]
        for found in removed:
            looks: dict[Look, str] = {}
            for look, value in found.looks:
                looks.setdefault(look, value)
            missed = " or ".join(alignment_missed(value) if look is ALIGNMENT else look.missed
                                 for look, value in looks.items()).replace(" or show ", " or ")
            if tag not in ALLOWED_TAGS:
                what, delete, needle = f"raw HTML {start}", f"{start} and </{tag}>", f"<{tag}"
            elif found.part:
                what, delete = f'"{found.part}" in {found.typed} on <{tag}>', f"{found.part} from {found.typed}"
                needle = found.typed.lower()
            else:
                what, delete, needle = f"{found.typed} on <{tag}>", found.typed, found.typed.lower()
            kept_as = cell_alignment(tag, looks) if not found.part else None
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
        hint = OTHER_TAG_HINT
        if tag in MEDIA_TAGS and src.strip():
            # A video or sound file left with nothing on the page; a link to it plays in the reader's own player.
            # (Without src, its file is named by a <source> inside, told so; its own text is kept.)
            name = MEDIA_TAGS[tag]
            self.findings.append(_Finding(
                f"raw HTML <{tag}> was removed: a page here plays no video or sound itself (视频、音频), so nothing "
                "of it is shown",
                f"link to the file instead, and the reader's phone plays it: [{name}]({src.strip()})",
                (first_line, f"<{tag}")))
            return
        if tag in DANGER_TAG_REASONS:
            reason, hint = DANGER_TAG_REASONS[tag]
            message = f"raw HTML <{tag}> was removed ({reason})"
        elif tag in self._reported_tags:
            return
        elif tag in CONTENT_DROPPED_TAGS:
            message = f"raw HTML <{tag}> was removed with its content (not allowed in content)"
        elif WORD_TAG_RE.fullmatch(tag):
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
                raw_value = raw_attribute_value(raw, name)
                place = (first_line, value.lower(), raw_value.lower(), f"{scheme}:")
                shown = _refused_picture_shown(raw) if tag == "img" else ""
                if is_local_path(value):
                    what = "picture" if tag == "img" else "link to"
                    self.findings.append(_Finding(
                        f'the {what} "{clipped(value)}" is a file on your computer, which readers cannot '
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
              and (ATTRIBUTE_LOOKS.get(f"{tag} {name}") or ATTRIBUTE_LOOKS.get(name)) is None
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
    The page leaves the picture out (`lazy_stand_ins_dropped`), as the warning about it says."""
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
    the order typed; of two with one name, browsers read the first. For the picture check (`sitegen.checks`) and for `lazy_stand_ins_dropped`, so
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


def lazy_stand_ins_dropped(raw_html: str) -> str:
    """``raw_html`` without the src of each ``<img>`` that holds a stand-in there for an address of lazy loading
    (`lazy_picture`), so that the picture is left out (`refused_pictures_as_text`), as its warning says
    (`RemovalScanner._sourceless_picture`, `sitegen.checks.check_typed_pictures`): a blank GIF allowed as
    a data: picture would show nothing, and ``src="#"`` a broken picture."""
    if not _IMG_START_RE.search(raw_html) or not _LAZY_NAME_RE.search(raw_html):  # "<img" first: far faster
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
    (alt text) the page shows in its place (`refused_pictures_as_text`), or "" when it has none."""
    alt = " ".join(html.unescape(raw_attribute_value(raw, "alt")).split())
    return f', and its description "{clipped(alt, 30)}" is shown in its place' if alt else ""


def _dropped_attribute(tag: str, name: str, value: str) -> tuple[str, str]:
    """``(message, hint)`` for the attribute ``name="value"`` of a kept ``<tag>`` that the sanitizer removes
    (not in :data:`ALLOWED_ATTRIBUTES`): what the page then does without it, and to delete it."""
    typed = f'{name}="{clipped(value, 30)}"' if value else name
    delete = f'delete {name}="…"' if value else f"delete {name}"
    if tag == "img" and name in ("srcset", "sizes"):
        return (f"{name} on <img> was removed, so the page shows the picture in src on every screen",
                f"{delete}; for a sharper picture, put a larger file in src (1600 pixels wide is plenty)")
    if tag == "a" and name == "target":
        return (f"{typed} on <a> was removed: the link opens in the same tab, and the reader comes back with the "
                "browser's Back button (返回)", delete)
    if name == "id" or (tag == "a" and name == "name"):  # <a name="s1">: the anchors of old HTML
        return (f"{typed} on <{tag}> was removed, so a link to #{clipped(value, 30)} finds no place in the page",
                f"{delete}, and link to the heading above it instead: every heading gets an id made from its text")
    if name == "class":
        return f"{typed} on <{tag}> was removed: the site's theme gives every page its look", delete
    return f"{typed} on <{tag}> was removed (pages keep only the attributes they need)", delete


# A path on the editor's computer: C:\Users\… or D:/照片/… (Windows), or a file: address.
_LOCAL_PATH_RE = compile_later(r"^(?:[A-Za-z]:[\\/]|file:)", re.IGNORECASE)


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
