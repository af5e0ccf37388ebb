"""Texts typed over several lines that look like a list, which YAML joins into one text: found for a warning.

Job: `listed_lines` finds each plain text of a YAML text whose lines after its
first start like a list's items (``- 本地居民``, ``1. 路灯已修复``), or are rows
of cells or names, and `ListedLines` says where it is and how to keep its lines
(a ``|`` block); `sitegen.checks` warns of them.

May import: lazyre, yamlbits, yamllines (and the standard library).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .lazyre import compile_later
from .yamlbits import ASCII_KEY
from .yamllines import bare_key, typed_value


@dataclass(frozen=True)
class ListedLines:
    """A text typed over several lines without quotes, some of them starting like a list's items (``- 本地居民``,
    ``1. 路灯已修复``): YAML joins the lines into one text, so the list is gone.

    ``line`` and ``column`` are where the text starts (file line, 1-based column): after its key, on the
    line below a key with nothing after it, or after a list's "-". ``key`` is that key ("-" for an item)
    and ``key_column`` its column; ``lines`` are the lines as typed, each stripped (without the quotes of a
    quoted text, ``quoted``).
    """

    line: int
    column: int
    key: str
    key_column: int
    lines: tuple[str, ...]
    quoted: bool = False  # typed in quotes: the block takes their place
    folded: str = ""  # the header of a folded block (">", ">-") typed after the key: "|" takes the place of its ">"
    kind: str = "items"  # what its lines are: "items" of a list, "rows" of cells (TABs between), or "names"

    @property
    def first_item(self) -> str:
        """The first line that is one of the list's items, rows or names (``- 本地居民``, ``东庄村\t120``,
        ``张明``), after the text's first but in a folded block."""
        return next(line for line in self.lines[0 if self.folded else 1:] if _LISTED_KINDS[self.kind](line))

    def block_lines(self) -> list[str]:
        """The lines that keep the text's lines as typed (a literal block, ``|``, YAML 1.2 §8.1.2): the key with
        "|" (``- |`` for a list's item, whose key is "-"), then each line indented two spaces more than the key.
        A folded block's header keeps what follows its ">" (``>-`` becomes ``|-``), and its lines stay as typed."""
        indent = " " * (self.key_column - 1)
        mark = "|" + self.folded[1:]
        head = f"{indent}- {mark}" if self.key == "-" else f"{indent}{self.key}: {mark}"
        return [head] if self.folded else [head, *(f"{indent}  {text}" for text in self.lines)]


_LIST_ITEM_START = compile_later(r"(?:(?:[-*+]|[0-9０-９]{1,2}\.)[ \t\u3000]+|(?:[•●▪■◆➢►]|[0-9０-９]{1,2}[．、)）]"
                              r"|[（(](?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})[)）]|[①-⑳⑴-⒇]"
                              r"|[一二三四五六七八九十]{1,2}、)[ \t\u3000]*)(?![0-9０-９一二三四五六七八九十两])\S")
"""How an item of a list typed as text starts: a bullet (``- ``, ``•``, ``■``) or a number (``1. ``, ``１．``,
``1、``, ``1）``, ``（1）``, ``（一）``, ``①``, ``一、``). After ``-`` or ``1.`` a space, as Markdown asks: ``-5``
and ``1.5万`` are text; a number after the mark says the line counts things (``1、2月份``, ``一、二期``), as prose
wrapped before it does."""
_ROW_LINE = compile_later(r"[^\t#][^\t]*\t[ \t]*\S.*")
"""A line of cells with TABs between them, as pasted from Excel or WPS (``东庄村\t120``)."""
_NAME_LINE = compile_later(r"[\u3400-\u9fff·]{2,4}")
"""A line that is a name alone (``张明``, ``东庄村``): a list of names typed a line each, as a document lists them."""
_LISTED_KINDS = {"items": lambda line: bool(_LIST_ITEM_START.match(line)),
                 "rows": lambda line: bool(_ROW_LINE.fullmatch(line)),
                 "names": lambda line: bool(_NAME_LINE.fullmatch(line))}
"""How a line of each kind of `ListedLines` is told."""


def _listed_kind(lines: Sequence[str]) -> str | None:
    """What the lines after a text's first are, when YAML's joining them into one text loses what they say: two
    or more items of a list (one may be a sentence wrapped before "一、二期") or rows of cells; or names, every
    one of them, two or more. None for a text wrapped over lines."""
    if sum(1 for line in lines if _LIST_ITEM_START.match(line)) >= 2:
        return "items"
    if sum(1 for line in lines if _ROW_LINE.fullmatch(line)) >= 2:
        return "rows"
    if len(lines) >= 2 and all(_NAME_LINE.fullmatch(line) for line in lines):
        return "names"
    return None


_SHORT_LINES_RE = compile_later(r"\n[ ]+[\u3400-\u9fff·]{2,4}[ ]*\n[ ]+[\u3400-\u9fff·]{2,4}[ ]*(?:\n|$)")
"""Two lines further in than the first column, each a name alone (`_NAME_LINE`): a quick look for `listed_lines`."""
_TEXT_AFTER_KEY = compile_later(rf"(?P<lead>(?:- )*)(?P<key>{ASCII_KEY}):[ \t]+"
                             r"(?P<text>[^ \t|>\"'\[{&*!%@`#].*)")
"""A key with a plain text after it (not a block, quoted text, a flow collection, an anchor, an alias or a tag)."""


_INDENTED_ITEM = compile_later(r"\n[ \t]+(?=[-*+•●▪■◆➢►0-9０-９（(①-⑳⑴-⒇一二三四五六七八九十])")
"""Where a line further in than the file's first column may start like a list's item (`_LIST_ITEM_START` says)."""


def _may_list_lines(text: str) -> bool:
    """Whether ``text`` may hold a text with listed lines (`listed_lines`): a line that starts like a list's item
    below a line that is neither a key alone (``tags:``) nor an item of a list (``- 大调研``). Quick: most files
    have none, and a page's lists are below keys alone. A TAB, or two lines of a name alone, may be rows or names
    (`_listed_kind`)."""
    if "\t" in text or _SHORT_LINES_RE.search(text):
        return True
    for found in _INDENTED_ITEM.finditer(text):
        if not _LIST_ITEM_START.match(text, found.end()):
            continue
        above = text[text.rfind("\n", 0, found.start()) + 1:found.start()]
        typed = above.lstrip(" ")
        key_indent, item = len(above) - len(typed), typed.startswith("- ")
        while typed.startswith("- "):  # "  - note: …": the key is further in than the line
            typed, key_indent = typed[2:].lstrip(" "), key_indent + 2 + len(typed[2:]) - len(typed[2:].lstrip(" "))
        typed = typed.rstrip()
        item_indent = len(found.group()) - 1  # the spaces after the "\n"
        if not typed or typed.endswith(":"):
            continue  # "tags:", then "  - 大调研": a list
        if _TEXT_AFTER_KEY.fullmatch(typed) is not None:
            if item_indent > key_indent:
                return True
        elif not item or item_indent > len(above) - len(above.lstrip(" ")):
            return True  # a line of a text typed over several lines (an item's too), or a comment
    return False


def listed_lines(text: str, first_line: int = 1) -> list[ListedLines]:
    """Each plain text of a YAML ``text`` typed over several lines with two lines or more, after its first, that
    start like a list's items (`ListedLines`: one may be a sentence wrapped before "一、二期"), in the order typed. ``first_line`` is the file line of ``text``'s first
    line (a page's front matter starts on line 2).

    The text starts after its key (quoted too, ``problem: "…``), on the line below a key with nothing after
    it (``outcome:``), or after a list's "-" (an item of a list of texts). A line is the text's own when it is indented more than its
    key, or its "-" (YAML 1.2 §7.3.3, plain scalars in block context), and is no comment; blank lines may
    come between. Lists typed below a key with nothing after it (``tags:`` then ``- 大调研``) are lists, not
    this. A quick look for an indented item-like line comes first: most files have none.
    """
    if not _may_list_lines(text):
        return []
    found: list[ListedLines] = []
    folded = ""  # the header (">", ">-") of the folded block being read; its lines are kept with their indents
    # The text being read: its line index, value column, key ("-" for a list's item), the key's (or the "-"'s)
    # indent, which its lines pass, and its lines.
    start: tuple[int, int, str, int, list[str]] | None = None
    bare: tuple[str, int] | None = None  # a key with nothing after it (``outcome:``) and its indent

    quote = ""  # the quote the text being read opened, when it is quoted

    def close() -> None:
        if start is None:
            return
        index, column, key, key_indent, lines = start
        if folded:
            # A folded block joins the lines of its own indent; lines further in keep their breaks (YAML 1.2 §8.1.3).
            own = min((len(line) - len(line.lstrip(" ")) for line in lines), default=0)
            joined = [line.strip() for line in lines if len(line) - len(line.lstrip(" ")) == own]
            kind = _listed_kind(joined[1:]) or ("items" if _listed_kind(joined) == "items" else None)
            if kind is not None:
                found.append(ListedLines(first_line + index, column, key, key_indent + 1,
                                         tuple(line.strip() for line in lines), folded=folded, kind=kind))
            return
        if quote and lines[-1].endswith(quote):
            lines[-1] = lines[-1][:-1].rstrip()  # the closing quote is no part of the text
            if not lines[-1]:
                lines.pop()
            if any(_QUOTING.search(line) for line in lines):
                return  # \" or '' inside: typed under "|" as shown, they would be published as typed
        elif quote:
            return  # closed after a comment or on a line of its own: told by YAML, or too odd to rewrite
        kind = _listed_kind(lines[1:])
        if kind is not None:
            found.append(ListedLines(first_line + index, column, key, key_indent + 1, tuple(lines), bool(quote),
                                     kind=kind))

    for index, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if start is not None and indent > start[3]:
            start[4].append(line.rstrip() if folded else stripped.strip())
            continue
        close()
        start, below, quote, folded = None, bare, "", ""
        bare = None
        typed = _TEXT_AFTER_KEY.fullmatch(stripped.rstrip())
        quoted = _QUOTED_OPEN.fullmatch(stripped.rstrip())
        if (header := _FOLDED_HEADER.fullmatch(stripped.rstrip())) is not None:  # "note: >", its lines below
            start = (index, indent + header.start("mark") + 1, header["key"] or "-",
                     indent + len(header["lead"]) - (0 if header["key"] else 2), [])
            folded = header["mark"]
        elif typed is not None:
            key_indent = indent + len(typed["lead"])
            value = typed["text"].split(" #")[0].strip()
            start = (index, indent + typed.start("text") + 1, typed["key"], key_indent, [value])
        elif quoted is not None:  # problem: "调研发现三类问题：, then its lines, the last closing the quotes
            key_indent = indent + len(quoted["lead"])
            start = (index, indent + quoted.start("quote") + 1, quoted["key"], key_indent, [quoted["text"].strip()])
            quote = quoted["quote"]
        elif (item := _ITEM_TEXT.fullmatch(stripped.rstrip())) is not None:  # "- 走访沿线各村，重点是："
            start = (index, indent + item.start("text") + 1, "-", indent, [item["text"].split(" #")[0].strip()])
        elif (key := bare_key(stripped)) is not None:
            bare = (key, indent + typed_value(stripped)[0])
        elif below is not None and indent > below[1]:  # "outcome:", then its text on the lines below
            start = (index, indent + 1, below[0], below[1], [stripped.split(" #")[0].strip()])
    close()
    return found


_FOLDED_HEADER = compile_later(rf"(?P<lead>(?:- )*)(?:(?P<key>{ASCII_KEY}):[ \t]+)?(?<=[ \t])"
                            r"(?P<mark>>[-+]?)[ \t]*(?:#.*)?")
"""The header of a folded block (``note: >``, ``- >-``, a comment after it), which joins the lines below it."""
_QUOTED_OPEN = compile_later(rf"(?P<lead>(?:- )*)(?P<key>{ASCII_KEY}):[ \t]+(?P<quote>[\"'])"
                          r"(?P<text>[^\"'\\]*)")
"""A key with a quoted text that does not close on its line (and holds no escape or other quote)."""
_QUOTING = compile_later(r"[\"'\\]")
"""A quote or a backslash: in a quoted text's lines, YAML reads it otherwise than a block would."""
_ITEM_TEXT = compile_later(r"- +(?P<text>(?![-?:] )[^ \t|>\"'\[{&*!%@`#](?:(?!: |:$).)*)")
"""A list's item holding a plain text (not a key: value, a block, quoted text or a flow collection)."""
