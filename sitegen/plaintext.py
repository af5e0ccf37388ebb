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
with ``#`` unquoted. Not the stars typed to hide characters of a name or a
number either (王**、李**, 138****5678), which a field shows as typed, as the
editor meant: what tells them from bold (`AFTER_NAME`, `MASK_OPENING`,
`SURNAMES`, `masks_two_names`) is shared with `sitegen.markup`, which
tells them apart in a page's text.

May import: lazyre, errors (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import paste_hint
from .lazyre import compile_later

_MAY_HOLD_RE = compile_later(r"\*\*|__|\]\(|<[A-Za-z/]")
_BOLD_RE = compile_later(r"\*\*(?P<words>[^*\n]+?)\*\*|__(?P<under>[^_\n]+?)__")
_LONGEST_EMPHASIS = 3
"""The most stars Markdown's emphasis takes on one side (``***``, bold italics): a longer run hides characters."""
_LINK_RE = compile_later(r"\[(?P<words>[^\]\n]+)\]\([^)\n]*\)")
_TAG_RE = compile_later(r"</?(?:br|b|strong|i|em|u|a|span|p|font|sup|sub)\b[^<>]*>", re.IGNORECASE)


# Stars typed to hide characters of names (王**、李**, 张*明, 张**反映，李**也说): what tells them from emphasis,
# here and in a page's text (`sitegen.markup`).
AFTER_NAME = "、，。；：！？,.;:!?）)」"
"""What follows the stars that end a hidden name (王**、, 李**。): bold's text does not start with it."""
MASK_OPENING = AFTER_NAME + "（("
"""What the text of a pair of stars hiding characters may start with: `AFTER_NAME`, or a bracket (陈*（化名）)."""
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                     "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                     "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单")
"""The most common Chinese surnames (百家姓 as counted today): what stands before a star typed for a hidden
character of a name."""
NAME_SEPARATORS = "、，,；和与及跟同 \u3000"
"""What stands between two people's names: 张*明、李*华, 张*明和李*华, 张*明 李*华."""


def is_han(char: str) -> bool:
    """True for a Chinese character (CJK Unified Ideographs, basic block); False for anything else or ""."""
    return len(char) == 1 and "\u4e00" <= char <= "\u9fff"


def masks_two_names(before: str, text: str) -> bool:
    """True when a pair of star runs around ``text``, after the character ``before``, hides characters of two
    names: a surname before the first run, ``text`` starting with a Chinese character and ending with a surname
    right before the second run, and what stands between two names in it (张**反映，李**也说: ``before`` "张",
    ``text`` "反映，李"; 张*明和李*华)."""
    return (before in SURNAMES and is_han(text[:1]) and text[-1:] in SURNAMES
            and any(sign in text for sign in NAME_SEPARATORS))


@dataclass(frozen=True)
class TypedMarkup:
    """Markup found in one plain-text field.

    Fields:
        kind: ``"bold"``, ``"link"`` or ``"tag"``: the first kind found in the field.
        shown: the markup as typed, as the page would show it (``**重点**``).
        meant: the whole field's text with every markup of these kinds taken out, its words kept (and the
            stars that hide characters of a name or a number, 王**, 138****5678, kept as typed).
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
    """The first markup (bold, link or tag, whichever comes first) in one field's text as typed, or None.

    Stars that hide characters of a name or a number (王**、李**, 138****5678: `_masking_end`) are not bold.
    """
    if not _MAY_HOLD_RE.search(text):
        return None
    bold = _bold_in(text)
    matches = [(match.start(), kind, match.group(0)) for kind, match in
               (("bold", bold[0] if bold else None), ("link", _LINK_RE.search(text)), ("tag", _TAG_RE.search(text)))
               if match is not None]
    if not matches:
        return None
    _, kind, shown = min(matches)
    return TypedMarkup(kind, shown, _without_markup(text, bold))


def _bold_in(text: str) -> list[re.Match[str]]:
    """The pairs of ``**`` (or ``__``) in ``text`` that make bold, from the left, leaving out stars that hide
    characters (`_masking_end`): after those, the next pair is looked for where the masking stars end."""
    found: list[re.Match[str]] = []
    start = 0
    while (match := _BOLD_RE.search(text, start)) is not None:
        masked_to = _masking_end(text, match)
        if masked_to is None:
            found.append(match)
        start = masked_to if masked_to is not None else match.end()
    return found


def _masking_end(text: str, pair: re.Match[str]) -> int | None:
    """Where the stars hiding characters end when the opening run of ``pair`` (a match of `_BOLD_RE` in ``text``)
    is such stars, or None when the pair is bold.

    Chinese media hide part of a name or a number with stars (王**, 张**反映, 138****5678). Masking: a run right
    after a digit (138**5678, 021-5976****) or longer than bold takes (****5678): the run alone; a run after a
    word with punctuation or a space right after it (王**、, 李**。): the run, and the pair's closing run too when
    a word stands right before it (王**、李**: two names); stars from one surname to the next across what stands
    between two names (张**反映，李**也说, `masks_two_names`): the pair. Anything else is bold (**重点**,
    成立**领导小组**, 实施**“乡村振兴”**).
    """
    sign, words = pair.group(0)[0], pair.group("words") or pair.group("under")
    run_start = pair.start()
    while run_start > 0 and text[run_start - 1] == sign:
        run_start -= 1
    before, run_end = text[run_start - 1] if run_start else "", pair.start() + 2
    if before.isdigit() or run_end - run_start > _LONGEST_EMPHASIS:
        return run_end
    if re.fullmatch(r"\w", before) and (words[0] in AFTER_NAME or words[0].isspace()):
        return pair.end() if re.fullmatch(r"\w", words[-1]) else run_end
    if masks_two_names(before, words):
        return pair.end()
    return None


def _without_markup(text: str, bold: list[re.Match[str]]) -> str:
    """``text`` with the markup taken out: bold (the pairs ``bold``, found in ``text``) and links leave their
    words, tags go."""
    for match in reversed(bold):
        text = text[:match.start()] + (match.group("words") or match.group("under")) + text[match.end():]
    text = _LINK_RE.sub(lambda match: match.group("words"), text)
    return re.sub(r" {2,}", " ", _TAG_RE.sub("", text)).strip()
