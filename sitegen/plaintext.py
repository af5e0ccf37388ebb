"""Markdown and HTML typed into fields that are plain text, which a page would show sign for sign.

Only a page's text (below its front matter) is Markdown. Every field of front
matter and of the YAML records (a title, a summary, a case study's problem,
actions and outcome, a unit's milestones and notes) is published as plain
text (纯文本), escaped: ``**重点**`` shows its asterisks, ``[通知](https://…)``
its brackets and address, ``<br>`` its angle brackets. Editors type them
there because the page's text takes them. This module finds them in a
field's text as typed; `sitegen.checks` walks the fields and reports them.

Looked for: bold (``**…**``, ``__…__``), links (``[文字](address)``) and HTML
tags (``<br>``, ``<b>``, ``<a href=…>`` …). Not single ``*`` or ``_``, which
plain text uses (注*, file_name), and not headings: a YAML value cannot start
with ``#`` unquoted.

May import: errors (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import paste_hint

_MAY_HOLD_RE = re.compile(r"\*\*|__|\]\(|<[A-Za-z/]")
_BOLD_RE = re.compile(r"\*\*(?P<words>[^*\n]+?)\*\*|__(?P<under>[^_\n]+?)__")
_LINK_RE = re.compile(r"\[(?P<words>[^\]\n]+)\]\([^)\n]*\)")
_TAG_RE = re.compile(r"</?(?:br|b|strong|i|em|u|a|span|p|font|sup|sub)\b[^<>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class TypedMarkup:
    """Markup found in one plain-text field.

    Fields:
        kind: ``"bold"``, ``"link"`` or ``"tag"``: the first kind found in the field.
        shown: the markup as typed, as the page would show it (``**重点**``).
        meant: the whole field's text with every markup of these kinds taken out, its words kept.
    """

    kind: str
    shown: str
    meant: str

    def message(self, field: str) -> str:
        """The warning for the field named ``field`` (``actions → item 2``)."""
        what = {"bold": "bold (加粗) typed in Markdown", "link": "a link (链接) typed in Markdown",
                "tag": "an HTML tag"}[self.kind]
        shown = self.shown if len(self.shown) <= 30 else f"{self.shown[:14]}…{self.shown[-14:]}"
        return f'{field}: "{shown}" is {what}, but this field is plain text (纯文本), so the page would show it as typed'

    def hint(self, has_text: bool) -> str:
        """What to write instead; ``has_text`` says the record is a page with a text of its own below its
        front matter, where the markup works."""
        elsewhere = " below the front matter" if has_text else ""
        how = {"bold": "write the words alone" + (f" (bold works in the page's text{elsewhere})" if has_text else ""),
               "link": "write the words alone" + (f", and put the link in the page's text{elsewhere}" if has_text
                                                  else ""),
               "tag": "delete the tag"}[self.kind]
        return paste_hint(how, self.meant)


def may_hold_markup(typed: str) -> bool:
    """False when the text of a record or front matter as typed (str) holds none of the signs looked for.

    A cheap test before the fields are walked: most records have no ``**``, ``__``, ``](`` or ``<``.
    """
    return _MAY_HOLD_RE.search(typed) is not None


def typed_markup(text: str) -> TypedMarkup | None:
    """The first markup (bold, link or tag, whichever comes first) in one field's text as typed, or None."""
    if not _MAY_HOLD_RE.search(text):
        return None
    matches = [(match.start(), kind, match.group(0)) for kind, pattern in
               (("bold", _BOLD_RE), ("link", _LINK_RE), ("tag", _TAG_RE)) if (match := pattern.search(text))]
    if not matches:
        return None
    _, kind, shown = min(matches)
    return TypedMarkup(kind, shown, _without_markup(text))


def _without_markup(text: str) -> str:
    """``text`` with the markup taken out: bold and links leave their words, tags go."""
    text = _LINK_RE.sub(lambda match: match.group("words"), text)
    text = _BOLD_RE.sub(lambda match: match.group("words") or match.group("under"), text)
    return re.sub(r" {2,}", " ", _TAG_RE.sub("", text)).strip()
