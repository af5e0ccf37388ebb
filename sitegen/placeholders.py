"""The texts that ``sitegen new`` and ``sitegen init`` write for an editor to replace, defined once.

`sitegen.scaffold` writes them into new pages and records, and
`sitegen.checks` reports each one left in a page or record that would be
published: template text and invented figures must never reach residents.
A placeholder is found only where scaffold writes it (its field, or a whole
line of a page's text) and only when the text is exactly it, so a real
value that holds it (职务 in 党委职务秘书, a real question) is never taken
for one.

The examples of a new unit's tallies, targets and milestones are written
commented out; once uncommented, only their placeholder values tell them
from real entries: the example tally's and target's notes
(`EXAMPLE_TALLY_NOTE`, `EXAMPLE_TARGET_NOTE`, which say so in Chinese)
and the example milestone's title and description (`EXAMPLE_MILESTONE_TITLE`,
`EXAMPLE_MILESTONE`: either of them deleted, the other still tells it). With
its note deleted, the example tally's zeros and the example target's figures
(`EXAMPLE_TARGET_FIGURES`) are warned of, not refused: a real tally or target
may hold them. So are the figures of the examples that the editors' guide
shows to paste (`GUIDE_TALLY_FIGURES`, `GUIDE_TARGET_FIGURES`).

May import: lazyre (and the standard library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .lazyre import LazyPattern, compile_later


@dataclass(frozen=True)
class Placeholder:
    """A text ``sitegen new`` writes for the editor to replace.

    Fields:
        text: exactly as written (a field's value, or a whole line of a page's text).
        what: what it is, to follow "is" in a message ("the placeholder that sitegen new writes for …").
        hint: what to write instead.
        shows: what publishing it would show, to follow "would publish" ("it", "the example's figures …").
        example: it marks a commented-out example of a new unit: told once for the example's list item (the
            first found of its fields), since the example as a whole is to be rewritten or put back.
        warning: told as a warning, not an error: ``sitegen init`` writes it into a new site, which must build
            as written so that the editor sees it at once.
        spellings: a regular expression of the other ways of typing it that are it too (any case), "" for none.
    """

    text: str
    what: str
    hint: str
    shows: str = "it"
    example: bool = False
    warning: bool = False
    spellings: str = ""

    def typed_as(self, typed: str) -> bool:
        """True when ``typed`` is this placeholder once the spaces around it are set aside (`SPACES`): its text,
        or any text `spellings` (a regular expression, any case) matches whole."""
        typed = typed.strip(SPACES)
        return typed == self.text or bool(self.spellings and re.fullmatch(self.spellings, typed, re.IGNORECASE))

    def said(self, published_on: str, field: str = "") -> str:
        """The message telling this placeholder: ``published_on`` is where it would be published ("the page"),
        ``field`` the field's name as a message shows it (``interviewee → name``; "" for a line of text)."""
        told = f'"{self.text}" is {self.what}, so {published_on} would publish {self.shows}'
        return f"{field}: {told}" if field else told

    def said_public(self, published_on: str, field: str, address: str) -> str:
        """`said`, for a site built for ``address``, a public address: a placeholder a new site builds with
        (``warning``) is an error there, as readers would see it."""
        return f"{self.said(published_on, field)}, and the site is built for {address}, a public address"


def _for(thing: str) -> str:
    return f"the placeholder that sitegen new writes for {thing}"


_PUT_BACK = 'or put the "# " back before the example\'s lines'

INTERVIEWEE_NAME = Placeholder("受访人姓名", _for("the interviewee's name"),
                               "write the name of the person interviewed (受访人姓名)")
INTERVIEWEE_ROLE = Placeholder("职务", _for("the interviewee's role"),
                               "write the role in full (职务, e.g. 中共白鹤镇党委书记)")
PAGE_SUMMARY = Placeholder("一两句话的摘要", _for("the summary"),
                           "write a summary of one or two sentences (摘要), or delete the line to use the start "
                           "of the text")
IMAGE_ALT = Placeholder("图片内容的文字描述", _for("a picture's description"),
                        "describe what the picture shows, for readers who cannot see it (替代文字)")
IMAGE_CAPTION = Placeholder("图片说明", _for("a picture's caption"), "write the caption (图注), or delete the line")
SOURCE_PUBLISHER = Placeholder("发布机构", _for("who first published the text"),
                               "write who first published it (发布机构), or delete source: and its lines if it "
                               "is first published here")
SOURCE_TITLE = Placeholder("原文标题", _for("the title it was first published under"),
                           "write the original's title (原文标题), or delete the line")
SOURCE_URL = Placeholder("https://example.org/", _for("the address where it was first published"),
                         "write the original's web address (原文网址), or delete the line")


def _alias_example(collection: str) -> Placeholder:
    """The example of an old address that ``sitegen new`` writes for a page of ``collection``, in any spelling of
    that path or near it: without the last "/", with ``index.html`` or ``.html``, in capitals, with ``_``, a
    full-width hyphen or nothing for its "-"."""
    return Placeholder(
        f"/{collection}/old-name/", "the example of an old address that sitegen new writes",
        "write the address this page had before, its path from the site's root (旧网址, e.g. /news/2018/0521.html), "
        "or delete it from aliases (and the line of aliases, when it is the only one)",
        "a redirect (跳转页) at that made-up address",
        spellings=f"/{collection}/old[-_－]?name(?:/|/index(?:\\.html?)?|\\.html?)?")


INTERVIEW_ALIAS = _alias_example("interviews")
CASE_ALIAS = _alias_example("cases")

CASE_PROBLEM = Placeholder("调研中发现的问题（一两句话）", _for("the problem found"),
                           "write the problem the survey found, in one or two sentences (问题)")
CASE_ACTION = Placeholder("第一项做法", _for("an action taken"), "write what was done, one action a line (做法)")
CASE_OUTCOME = Placeholder("取得的成效", _for("the outcome"),
                           "write what has come of it so far (成效), or delete the line")
SERIES_BLURB = Placeholder("一两句话介绍本栏目。", _for("the series' blurb"),
                           "write one or two sentences on what the series is about (栏目介绍)")
PUBLISHER = Placeholder("发布机构名称", "the placeholder that sitegen init writes for the publisher",
                       "write the name of the office that publishes it (发布机构)",
                       warning=True)
UNIT_SUMMARY = Placeholder("一段简介", _for("the unit's description"),
                           "write a short description of the unit (简介), or delete the line")
TALLY_NOTE = Placeholder("数据来源", _for("a tally's note"),
                         "write where the figures come from (数据来源), e.g. 镇大调研办公室统计, or delete the line")
EXAMPLE_TALLY_NOTE = Placeholder(
    "示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源", "the note of the example tally that sitegen new writes",
    f"write the unit's real figures as of this date, and in note: where they come from; {_PUT_BACK}",
    "the example's figures as the unit's")
EXAMPLE_TARGET_NOTE = Placeholder(
    "示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据", "the note of the example target that sitegen new writes",
    f"write the unit's real target (and the share reached, with its date), and in note: where it comes from; "
    f"{_PUT_BACK}", "the example's target and share reached as the unit's")
INIT_SITE_TITLE = "进度公开"
"""The site's title that ``sitegen init`` writes into site.yaml when given no ``--title``: a name of no site in
particular, to be replaced by the site's own before it is published (`sitegen.config.init_title`)."""
INIT_UNIT_NAME = "示例镇"
"""The name of ``sitegen init``'s example unit (renamed, it is the editor's unit: never told to delete it)."""
INIT_UNIT_ID = "shi-li-zhen"
"""The id (file name) of ``sitegen init``'s example unit: 示例镇 read in pinyin."""
INIT_INTERVIEW_TITLE = "示例访谈：调研带来的变化"
"""The title of ``sitegen init``'s example interview."""
INIT_CASE_TITLE = "示例案例：解决一个具体问题"
"""The title of ``sitegen init``'s example case study."""
INIT_UNIT_NOTE = "示例数据，请换成真实数字。"
"""The note of the example tally in ``sitegen init``'s example unit: it marks that unit."""
INIT_UNIT_SUMMARY = "这是一个示例单位。"
"""The summary of ``sitegen init``'s example unit: it marks that unit too (the tally may be rewritten)."""
INIT_INTERVIEW_LINE = "这是一篇示例访谈，请换成真实的访谈内容。"
"""A line of the text of ``sitegen init``'s example interview: it marks that interview."""
INIT_CASE_LINE = "这是一个示例案例，请换成真实内容。"
"""A line of the text of ``sitegen init``'s example case study: it marks that case study."""
INIT_SERIES_BLURB = "示例栏目：各单位负责人谈调研工作的进展。"
"""The blurb of ``sitegen init``'s series."""
INIT_MILESTONE_DESCRIPTION = "示例大事记，请换成真实事件。"
"""The description of the milestone of ``sitegen init``'s example unit."""
INIT_TALLY_FIGURES = (12, 10, 2, 5, 3)
"""The batches, collected, escalated, resolved and in progress of the tally of ``sitegen init``'s example unit."""
INIT_TARGET = ("residents", 80)
"""The group and target (percent) of the target of ``sitegen init``'s example unit (deadline: its year's end)."""
INIT_MILESTONE_TITLE = "启动调研"
"""The title of the milestone of ``sitegen init``'s example unit, dated as its tally."""
INIT_TEXTS: dict[str, dict[tuple[str, ...], str]] = {
    "units": {("tallies", "*", "note"): INIT_UNIT_NOTE, ("summary",): INIT_UNIT_SUMMARY,
              ("milestones", "*", "description"): INIT_MILESTONE_DESCRIPTION},
    "interviews": {("interviewee", "name"): "示例受访人", ("interviewee", "role"): "示例镇党委书记"},
    "cases": {("problem",): "示例问题：请换成调研中发现的真实问题。", ("actions", "*"): "示例做法：请换成真实的做法"},
}
"""Where ``sitegen init``'s examples hold texts of their own, by collection and path (``"*"``: any item of a
list): kept in a unit or page rewritten as the editor's own, they would publish the example's words or figures."""
GUIDE_TALLY_FIGURES = (340, 310, 150, 120, 40)
"""The batches, collected, escalated, resolved and in progress of the example tally of the editors' guide
(docs/editing.md, "A tally"); tests/test_editing_guide.py holds the guide to it."""
GUIDE_TARGET_FIGURES = ("farmers", 90, 45.5, "2018-12-31", "2018-06-30")
"""The group, target, share reached (percent), deadline and day measured of the example target of the editors'
guide (docs/editing.md, "A target"); tests/test_editing_guide.py holds the guide to it."""
EXAMPLE_TARGET_FIGURES = ("residents", 80, 50)
"""The group, target and share reached (percent) of the example target ``sitegen new unit`` writes; its deadline
is the last day of the year it is measured in."""
EXAMPLE_MILESTONE_TITLE = Placeholder(
    "示例：成立调研领导小组", "the title of the example milestone that sitegen new writes",
    f"write what happened (事件), with the real date, and in description: one or two sentences on it or "
    f"nothing; {_PUT_BACK}", "the example as one of the unit's milestones", example=True)
EXAMPLE_MILESTONE = Placeholder(
    "一两句说明", "the description of the example milestone that sitegen new writes",
    f"write what happened, in one or two sentences, with the real date and title; {_PUT_BACK}",
    "the example as one of the unit's milestones", example=True)

FIRST_QUESTION = Placeholder("## 第一个问题？", _for("the first question"),
                             'write the first question as the heading, after "## "')
ANSWER = Placeholder("回答……", _for("the answer"), "write the answer in its place")
CASE_TEXT = Placeholder("正文……", _for("the case's text"),
                        "write how the problem was found and dealt with, in its place")

_PAGE_FIELDS: dict[tuple[str, ...], Placeholder] = {
    ("summary",): PAGE_SUMMARY, ("images", "*", "alt"): IMAGE_ALT, ("images", "*", "caption"): IMAGE_CAPTION,
    ("source", "publisher"): SOURCE_PUBLISHER, ("source", "title"): SOURCE_TITLE, ("source", "url"): SOURCE_URL,
}

FIELDS: dict[str, dict[tuple[str, ...], tuple[Placeholder, ...]]] = {
    "interviews": {**{path: (placeholder,) for path, placeholder in {
        **_PAGE_FIELDS, ("interviewee", "name"): INTERVIEWEE_NAME, ("interviewee", "role"): INTERVIEWEE_ROLE,
    }.items()}, ("aliases", "*"): (INTERVIEW_ALIAS, CASE_ALIAS)},
    "cases": {**{path: (placeholder,) for path, placeholder in {
        **_PAGE_FIELDS, ("problem",): CASE_PROBLEM, ("actions", "*"): CASE_ACTION, ("outcome",): CASE_OUTCOME,
    }.items()}, ("aliases", "*"): (CASE_ALIAS, INTERVIEW_ALIAS)},
    "series": {("blurb",): (SERIES_BLURB,), ("publisher",): (PUBLISHER,)},
    "units": {("summary",): (UNIT_SUMMARY,), ("tallies", "*", "note"): (TALLY_NOTE, EXAMPLE_TALLY_NOTE),
              ("targets", "*", "note"): (EXAMPLE_TARGET_NOTE,), ("milestones", "*", "title"): (EXAMPLE_MILESTONE_TITLE,),
              ("milestones", "*", "description"): (EXAMPLE_MILESTONE,)},
    "settings": {("publisher",): (PUBLISHER,)},
}
"""For each collection of ``content/``, and ``"settings"`` for ``site.yaml``, the fields ``sitegen new`` or
``sitegen init`` writes a placeholder in (``"*"``: any item of a list) and the placeholders each may hold."""

BODY_LINES: tuple[Placeholder, ...] = (FIRST_QUESTION, ANSWER, CASE_TEXT)
"""Placeholders that are a whole line of a page's text (of an interview's or a case study's)."""


SPACES = " \t\u3000"
"""The spaces set aside around a value before it is compared with a placeholder: half width (and TAB) and the
full-width space (全角空格) that Chinese input methods type."""
EXAMPLE_MARK = "示例"
"""The word (example) the texts of examples start with: those of the editors' guide, and of ``sitegen new`` and
``sitegen init``."""
_QUOTES = "“”‘’「」『』\"'"
"""Quotes typed around a text as part of it (a Chinese input method's among them)."""


def unquoted(text: str) -> str:
    """``text`` without the spaces, line breaks and quotes typed around it (``“示例：…”`` → ``示例：…``), as
    `sitegen.checktexts.check_example_texts` and `sitegen.checkfigures.check_guide_figures` look for
    `EXAMPLE_MARK` at its start."""
    return text.strip(SPACES + "\n").strip(_QUOTES).strip(SPACES)


def _any_of(texts: Iterator[str], then: str = "") -> LazyPattern:
    """One pattern finding any of ``texts`` (longest first), followed by the pattern ``then`` (compiled on first use)."""
    return compile_later("(?:" + "|".join(map(re.escape, sorted(set(texts), key=len, reverse=True))) + ")" + then)


_VALUE_END = r"""(?=[\r\n"' \t\u3000#,\]}]|\Z)"""
_AS_VALUES = {collection: _any_of((p.text for group in fields.values() for p in group), _VALUE_END)
              for collection, fields in FIELDS.items()}
"""Per collection: a placeholder's text as the end of a value (then the line's end, a quote, a space, half or
full width, a comment, or a comma or bracket of a flow collection: ``https://example.org/news/1`` is no
placeholder)."""
_SPELLINGS = {collection: compile_later("|".join(sorted({p.spellings for group in fields.values() for p in group
                                                     if p.spellings})), re.IGNORECASE)
              for collection, fields in FIELDS.items() if any(p.spellings for group in fields.values() for p in group)}
"""Per collection: any of its placeholders' other `Placeholder.spellings`, anywhere (the cheap test's)."""
_FOLDED_TAILS = {collection: _any_of(p.text[-2:] for group in fields.values() for p in group if not p.text.isascii())
                 for collection, fields in FIELDS.items()}
_CONTINUATION_RE = compile_later(r"[ \t]*\r?\n[ \t]+(?=[^\s#:-][^:\n]*$)", re.MULTILINE)
"""The line break before an indented line with no "key:" on it: that line is the rest of the value above."""


def may_hold_placeholders(collection: str, typed: str) -> bool:
    """False when the text of a record or front matter as typed (str) cannot hold a placeholder of ``collection``.

    A cheap test before `placeholders_in` walks the record's fields (17 µs a page; this, 2 µs): True when
    one of the collection's placeholder texts is in ``typed`` as the end of a value, also once a value
    folded over lines is joined (when its last two characters are on one line; a web address is not
    looked for folded). A placeholder written with YAML escapes (``\\u804c``) is not seen.
    """
    found = _AS_VALUES.get(collection)
    if found is None:
        return False
    if found.search(typed) or (collection in _SPELLINGS and _SPELLINGS[collection].search(typed)):
        return True
    if not _FOLDED_TAILS[collection].search(typed) or _CONTINUATION_RE.search(typed) is None:
        return False
    return found.search(_CONTINUATION_RE.sub("", typed)) is not None


def placeholders_in(collection: str, value: object) -> Iterator[tuple[tuple[str | int, ...], Placeholder]]:
    """The placeholders left in a record's fields, as ``(path, placeholder)`` in the order of `FIELDS`.

    Takes the collection (``"interviews"``, ``"cases"``, ``"series"``, ``"units"``) and the record's
    value as typed (`sitegen.yamltext.YamlData.value`: every scalar the exact text typed). A field holds a
    placeholder when its text is exactly the placeholder's once the spaces around it are set aside (`SPACES`:
    ``职务　`` with the full-width space an input method types, ``" 职务"`` in quotes); a path gives list indexes from 0
    (``("tallies", 0, "note")``). Yields nothing for an unknown collection or a value of another shape.
    """
    examples: set[tuple[str | int, ...]] = set()  # the list items of examples told
    for pattern, placeholders in FIELDS.get(collection, {}).items():
        for path, text in _values_at(value, pattern, ()):
            for placeholder in placeholders:
                if placeholder.typed_as(text) and path[:-1] not in examples:
                    if placeholder.example:
                        examples.add(path[:-1])
                    yield path, placeholder


def init_texts_in(collection: str, value: object) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The texts of ``sitegen init``'s examples (`INIT_TEXTS`) left in a record's fields, as ``(path, text)``.

    Takes the collection and the record's value as typed, as `placeholders_in` does, and matches alike (the
    exact text, spaces around it set aside). Yields nothing for an unknown collection or a value of another
    shape.
    """
    for pattern, text in INIT_TEXTS.get(collection, {}).items():
        for path, typed in _values_at(value, pattern, ()):
            if typed.strip(SPACES) == text:
                yield path, text


def texts_at(value: object, pattern: tuple[str, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The texts of a record's value as typed at ``pattern`` (``"*"``: each item of a list), as ``(path, text)``
    with list indexes from 0; nothing where the value has another shape."""
    return _values_at(value, pattern, ())


def _values_at(value: object, pattern: tuple[str, ...], path: tuple[str | int, ...]
               ) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The texts at ``pattern`` under ``value`` (``"*"`` stands for each item of a list), with their paths."""
    if not pattern:
        if isinstance(value, str):
            yield path, value
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values_at(item, rest, (*path, index))
    elif step == "*" and isinstance(value, str) and not rest:
        yield (*path, 0), value  # one item typed without a list (aliases: /interviews/old-name/), read as a list of it
    elif step != "*" and isinstance(value, dict) and step in value:
        yield from _values_at(value[step], rest, (*path, step))
