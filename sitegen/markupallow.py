"""The one allowlist of HTML, used by nh3 and by the warnings about removals.

Job: say which tags, attributes, classes, styles and address schemes a
body may keep, why a tag is refused, and which formatting (colour,
alignment, fonts) a removal took away, with the hint to give.

May import: lazyre, markupbits (and the standard library).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .lazyre import compile_later
from .markupbits import clipped

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

VOID_ELEMENTS: frozenset[str] = frozenset({
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
})
"""Elements that hold no text (HTML's void elements): removing one keeps no text of its own."""

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
"""Schemes allowed in ``href``/``src``; relative URLs are always allowed."""

URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src"})
DATA_IMAGE_RE = compile_later(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
SCHEME_RE = compile_later(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")

DANGER_TAG_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "script": ("scripts are not allowed in content",
               "delete the <script> element; to show code as text, put it between backticks (`…`)"),
    "style": ("style sheets are not allowed in content",
              "delete the <style> element; the site's theme does the formatting"),
    "iframe": ("embedded pages are not allowed in content",
               "link to the page instead: [标题](https://…)"),
})
OTHER_TAG_HINT = "delete it from the Markdown; formatting comes from Markdown (**粗体**, lists, tables) and the theme"
MEDIA_TAGS: Mapping[str, str] = MappingProxyType({"video": "视频", "audio": "音频", "embed": "视频", "source": "视频"})
"""Tags that play a file, with what a link to that file is called (`_tag_finding`)."""


@dataclass(frozen=True)
class Look:
    """A kind of formatting raw HTML can give text, which the site's theme gives instead (for warnings).

    Fields:
        missed: what the page then does not do, e.g. "show that colour (颜色)" (alignment: `alignment_missed`).
        setter: what the theme sets, e.g. "the colours".
        bold: True when bold (加粗) is the way to make words stand out instead.
    """

    missed: str
    setter: str
    bold: bool


_COLOUR = Look("show that colour (颜色)", "the colours", True)
ALIGNMENT = Look("", "the alignment", False)
_FONT = Look("show that font, size or weight (字体/字号)", "the fonts", True)
_OTHER_STYLE = Look("show that style (样式)", "the look of the page", False)

# What each CSS property, presentational attribute ("tag name" for one tag's) and tag sets. Whether one is
# removed is read from the allowlists (`removed_formatting`); a removed style property not named here is
# _OTHER_STYLE.
_PROPERTY_LOOKS: Mapping[str, Look] = MappingProxyType({
    "color": _COLOUR, "background": _COLOUR, "background-color": _COLOUR, "text-align": ALIGNMENT,
    "font": _FONT, "font-family": _FONT, "font-size": _FONT, "font-style": _FONT, "font-weight": _FONT,
})
ATTRIBUTE_LOOKS: Mapping[str, Look] = MappingProxyType({
    "color": _COLOUR, "bgcolor": _COLOUR, "align": ALIGNMENT, "font face": _FONT, "font size": _FONT,
})
_TAG_LOOKS: Mapping[str, Look] = MappingProxyType({"center": ALIGNMENT})
_CSS_COMMENT_RE = compile_later(r"/\*.*?\*/", re.DOTALL)


_CELL_ALIGNMENTS: Mapping[str, str] = MappingProxyType({
    "left": "left", "center": "center", "middle": "center", "right": "right", "justify": "justify"})
"""Alignments typed in a table cell's ``align`` or ``style`` → the ``text-align`` value the page keeps."""


def cell_alignment(tag: str, looks: Mapping[Look, str]) -> str | None:
    """``style="text-align:…"`` that a table cell (``<td>``, ``<th>``) keeps for the alignment removed, or None.

    Only when the alignment is all that was removed (``align="right"``,
    ``style="TEXT-ALIGN:right"``: nh3 matches property names as typed) and
    its value is one CSS knows (``middle``, HTML's word, becomes ``center``).
    """
    if tag not in ("td", "th") or list(looks) != [ALIGNMENT]:
        return None
    value = _CELL_ALIGNMENTS.get(looks[ALIGNMENT].strip().lower())
    return f'style="text-align:{value}"' if value is not None else None


def alignment_missed(value: str) -> str:
    """What the page does not do when an alignment (``center``, ``right`` …) is removed."""
    value = value.strip().lower()
    if value in ("center", "middle"):
        return "centre it (居中)"
    if value == "right":
        return "align it right (右对齐)"
    return "align it as typed (对齐)"


@dataclass(frozen=True)
class RemovedFormatting:
    """Formatting that one attribute of a start tag, or the tag itself, asks for and the sanitizer removes.

    Fields:
        typed: the attribute as typed (``style="color:red"``), "" for the tag itself (``<center>``).
        part: the declarations removed from a ``style`` that is kept in part (``color:red``), else "".
        looks: each look asked for, with the value asked (``red``, ``center``), in the order typed.
    """

    typed: str
    part: str
    looks: tuple[tuple[Look, str], ...]


def removed_formatting(tag: str, attrs: list[tuple[str, str | None]], start_tag: str) -> list[RemovedFormatting]:
    """The formatting the sanitizer removes from the start tag ``start_tag`` (its name and attributes given).

    Derived from the allowlists nh3 is given: a tag outside :data:`ALLOWED_TAGS`
    loses every attribute, and a kept one those :data:`ALLOWED_ATTRIBUTES` does
    not list for it; a ``style`` kept keeps only :data:`ALLOWED_STYLE_PROPERTIES`.
    Only formatting is returned (colour, alignment, fonts, other CSS: the
    looks of `_PROPERTY_LOOKS`, `ATTRIBUTE_LOOKS` and `_TAG_LOOKS`), in the
    order typed, the tag's own first.
    """
    kept = ALLOWED_ATTRIBUTES.get(tag, frozenset()) if tag in ALLOWED_TAGS else frozenset()
    found = [RemovedFormatting("", "", ((_TAG_LOOKS[tag], "center"),))] \
        if tag in _TAG_LOOKS and tag not in ALLOWED_TAGS else []
    for name, value in attrs:
        look = ATTRIBUTE_LOOKS.get(f"{tag} {name}") or ATTRIBUTE_LOOKS.get(name)
        if name == "style":
            declarations = _style_declarations(value or "")
            removed = [(prop, setting, typed) for prop, setting, typed in declarations
                       if "style" not in kept or prop not in ALLOWED_STYLE_PROPERTIES]
            if removed:
                found.append(RemovedFormatting(
                    _raw_attribute(start_tag, name),
                    "" if len(removed) == len(declarations) else "; ".join(typed for _, _, typed in removed),
                    tuple((_PROPERTY_LOOKS.get(prop.lower(), _OTHER_STYLE), setting) for prop, setting, _ in removed)))
        elif look is not None and name not in kept:
            found.append(RemovedFormatting(_raw_attribute(start_tag, name), "", ((look, value or ""),)))
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


def _raw_attribute_match(start_tag: str, name: str) -> re.Match[str] | None:
    """Find an attribute with its value (in groups 1 to 3) as written in a raw start tag."""
    return re.search(rf"\b{re.escape(name)}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", start_tag, re.IGNORECASE)


def raw_attribute_value(start_tag: str, name: str) -> str:
    """Return an attribute's value as written in a raw start tag ("" if not found)."""
    match = _raw_attribute_match(start_tag, name)
    if not match:
        return ""
    return next(group for group in match.groups() if group is not None)


def _raw_attribute(start_tag: str, name: str) -> str:
    """Return an attribute as written in a raw start tag, name and value (``style="color:red"``), else its name."""
    match = _raw_attribute_match(start_tag, name)
    return clipped(match.group(), 60) if match else name
