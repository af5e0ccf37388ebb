"""YAML that keeps exactly what the editor typed, with file positions.

Job: turn the YAML text of a data file or of a page's front matter into plain
data — ``dict[str, ...]``, ``list``, ``str`` or ``None`` — together with the
file line and column of every key and value, and report every mistake as one
`Problem` naming file, line, column, what is wrong and how to fix it.

Why not ``yaml.safe_load``: PyYAML follows YAML 1.1 and silently turns ``no``
into False, ``14:30`` into 870, ``010`` into 8 and ``2018-04-26`` into a date,
and keeps the last of two duplicate keys (cases 01, 02, 04 in
``shared/cases``). We use PyYAML (the libyaml ``CSafeLoader`` when present)
only to *parse* the text into events; our own iterative walk builds the data:
every scalar stays the text typed, only a plain ``~``/``null``/``Null``/
``NULL``/empty value becomes None. Anchors, aliases and non-standard tags are
refused, nesting is limited to `MAX_DEPTH` levels, a text to `MAX_LINES`
lines and `MAX_NODES` values, so hostile YAML (an alias bomb, 10,000-deep
nesting, a huge list) ends in one clear error in bounded time and memory.
A value may not hold a control character written as an escape (``"\\x01"``),
nor a line break other than ``"\\n"`` (``"\\r"``, ``"\\N"``, ``"\\L"``, ``"\\P"``):
such text cannot be published in XML feeds, or breaks the rows of the open
data, and nobody types it on purpose.

Before parsing, a line scan catches the mistakes that PyYAML reports at the
wrong place or with baffling words (cases 09 and 11): TAB indentation,
full-width colons, spaces and dashes typed by a Chinese input method,
``key:value`` without a space, a list item without the space after ``-``,
invisible control characters, a ``#`` that cuts a text short (``第三期 #3``,
or a line ``#3号楼`` among a text's lines, before or after a text in quotes,
or after a note), and characters that show nothing (a
zero-width space or a stray BOM pasted from a web page: ``unit: baihe``
with one names no unit, yet reads right). A TAB used as the gap right
after ``key:`` is allowed (YAML 1.2 allows tabs as separation space): it is
read as a space, and columns stay right.

Most texts have nothing to report, so `load_yaml` takes a fast path
(`_load_fast`): a few regular expressions over the whole text that prove the
line scan would find nothing (else the scan runs), then one flat loop over
the events (`_walk_fast`). At anything the walk would report, the text goes
on by the reference path (the line scan, then `_TreeBuilder`), and a parse
error is explained by the same `_explain`, so every problem is found and
worded by one code path. `_load_yaml_reference` runs the reference path
(`_load`) alone; tests/test_yamltext_speed.py checks that both give the same
data and problems.

May import: lazyre, errors (and the standard library, PyYAML).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml

from .errors import PASTE_LIMIT, WIDE_SPACES, Problem, Report, paste_hint, space_name
from .lazyre import compile_later

MAX_DEPTH = 64
"""Deepest allowed nesting of lists and mappings (the root collection is level 1)."""

MAX_PROBLEMS = 50
"""At most this many problems are reported for one YAML text; then one summary error."""

MAX_LINES = 100_000
"""Longest YAML text read, in lines (issue 7). The pre-scan costs about 5 µs a line, so this
bounds it to about half a second; a unit with a daily tally for ten years is about 26,000 lines."""

MAX_NODES = 100_000
"""Most values (texts, lists and mappings, keys included) in one YAML text (issue 7). Each
costs about 0.6 KB with its position, so this bounds the data to about 60 MB; the bundled
example unit has 72."""

KeyPath = tuple[str | int, ...]
"""Where a value sits: mapping keys and list indexes from the root, e.g. ("tags", 0)."""
Position = tuple[int, int]


@dataclass(frozen=True)
class FieldElsewhere:
    """A key that is no field of the block it is typed in, but a field of blocks held in it: ``note:`` typed at
    the left edge of a unit file is a field of each tally and each target (`sitegen.validation.fields_elsewhere`).

    ``message`` and ``hint`` are what an unknown field is told; ``held`` says
    whose field it is (``a field of each item of tallies and of each item of
    targets``); ``blocks`` are the keys of the blocks holding it by the name
    typed (none for another word for the field, ``职务`` for ``role``, which
    moving alone does not mend); ``rename`` is the field of this block it may
    be a slip for, or "".
    """

    message: str
    hint: str
    held: str
    blocks: frozenset[str]
    rename: str = ""

    def hint_below(self, indent: "LostIndent") -> str:
        """The hint for such a key typed right below a block holding it: indent it into that block."""
        fix = f"it probably lost its indent: {indent.hint()}"
        return f'rename it to "{self.rename}", or {fix}' if self.rename else fix


ElsewhereFinder = Callable[[KeyPath, str], "FieldElsewhere | None"]
"""Whether a key typed in the mapping at a path is a field of blocks held in it: what the records say."""

GroupFinder = Callable[[KeyPath], "tuple[str, ...] | None"]
"""The fields of the record typed at a path, required ones first: the file's own at ``()``, a group of fields
(``("interviewee",)`` → ``("name", "role")``), an item of a list of records (``("tallies", 0)``); None when no
record is typed there: what the records say (`sitegen.validation.group_fields`)."""


FieldNamer = Callable[[KeyPath, str], "str | None"]
"""The field a key typed in the mapping at a path names: the key itself when it is a field of the record there or
of a block held there (or the records cannot say), the field meant when it is a slip or another word for one
(``title`` for ``标题`` or ``titel``), None when it names none (`sitegen.validation.names_a_field`)."""

ValueMender = Callable[[KeyPath, str], "tuple[str, str] | None"]
"""The value typed after the key of the field at a path (its comment left out) as the field needs it typed:
``(how to mend it, the value to type)`` (``("write the tags separated by English commas", "[大调研, 补短板]")``
for ``大调研，补短板`` typed after ``tags:``), None when the records have nothing to mend
(`sitegen.validation.values_meant`)."""


@dataclass(frozen=True)
class LostIndent:
    """A key typed right below a block that holds such a field, less indented than the block's fields.

    ``line`` is its file line, ``spaces`` how many spaces it lacks, ``block``
    the block above as messages name it (``targets → item 3``, ``interviewee``).
    """

    line: int
    spaces: int
    block: str

    def hint(self) -> str:
        """How to mend it: "indent line 28 by 4 spaces, lined up with the fields of targets → item 3 above it"."""
        return f"indent line {self.line} by {self.spaces} spaces, lined up with the fields of {self.block} above it"


# A key as editors type it: an English field name, or a short Chinese one.
_ASCII_KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
_CJK_KEY = r"[\u3400-\u4dbf\u4e00-\u9fff]{1,8}"
FIELD_KEY = rf"(?:{_ASCII_KEY}|{_CJK_KEY})"
"""A pattern for a field name as editors type it: an English one, or a short Chinese one (标题)."""


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
_TEXT_AFTER_KEY = compile_later(rf"(?P<lead>(?:- )*)(?P<key>{_ASCII_KEY}):[ \t]+"
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
        elif (key := _bare_key(stripped)) is not None:
            bare = (key, indent + _typed_value(stripped)[0])
        elif below is not None and indent > below[1]:  # "outcome:", then its text on the lines below
            start = (index, indent + 1, below[0], below[1], [stripped.split(" #")[0].strip()])
    close()
    return found


_FOLDED_HEADER = compile_later(rf"(?P<lead>(?:- )*)(?:(?P<key>{_ASCII_KEY}):[ \t]+)?(?<=[ \t])"
                            r"(?P<mark>>[-+]?)[ \t]*(?:#.*)?")
"""The header of a folded block (``note: >``, ``- >-``, a comment after it), which joins the lines below it."""
_QUOTED_OPEN = compile_later(rf"(?P<lead>(?:- )*)(?P<key>{_ASCII_KEY}):[ \t]+(?P<quote>[\"'])"
                          r"(?P<text>[^\"'\\]*)")
"""A key with a quoted text that does not close on its line (and holds no escape or other quote)."""
_QUOTING = compile_later(r"[\"'\\]")
"""A quote or a backslash: in a quoted text's lines, YAML reads it otherwise than a block would."""
_ITEM_TEXT = compile_later(r"- +(?P<text>(?![-?:] )[^ \t|>\"'\[{&*!%@`#](?:(?!: |:$).)*)")
"""A list's item holding a plain text (not a key: value, a block, quoted text or a flow collection)."""


def lost_indent(key: str, mapping: Mapping[str, object], before: str | None, path: KeyPath,
                positions: Mapping[KeyPath, Position], key_at: Position, blocks: frozenset[str],
                line_offset: int = 0) -> LostIndent | None:
    """Whether ``key``, typed in ``mapping``, lost its indent under the block just above it, and by how much.

    Takes the key, the mapping it was typed in and its path, the key it
    stands before in the mapping (None: after its last key), the value
    positions (of ``YamlData`` or of a walk in progress), the key's own
    position, the keys of the blocks holding such a field and what to add
    to a position's line to get the file line. The block above is the value
    of the key before it; when that key is one of ``blocks``, the block
    (its last item, for a list) has no ``key`` yet, and its fields stand
    further in than the key, returns how to indent it. None otherwise.
    """
    keys = list(mapping)
    index = keys.index(before) if before in mapping else len(keys)
    if index == 0 or keys[index - 1] not in blocks:
        return None
    above = keys[index - 1]
    block = mapping[above]
    if isinstance(block, list) and block and isinstance(block[-1], dict) and block[-1] and key not in block[-1]:
        where, name = path + (above, len(block) - 1), f"{above} → item {len(block)}"
    elif isinstance(block, dict) and block and key not in block:
        where, name = path + (above,), str(above)
    else:
        return None
    start = positions.get(where)
    if start is None or start[1] <= key_at[1]:
        return None
    return LostIndent(key_at[0] + line_offset, start[1] - key_at[1], name)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset({None} | {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")})
_MAP_TAGS = frozenset({None, "!", _STD + "map"})
_SEQ_TAGS = frozenset({None, "!", _STD + "seq"})

TAB_MESSAGE = "a TAB is used for indentation; YAML needs spaces"
TAB_HINT = ("replace the TAB (制表符) with spaces, lined up with the lines it belongs with: the fields of one block, "
            'and the "- " of the items of one list, stand equally far in')
"""The hint for a TAB in a line's indentation when the lines around it do not tell how far in it goes
(`_tab_hint` gives the spaces when they do)."""
QUOTE_HINT = "wrap the whole value in quotes"



BREAK_CONTROL_NAMES = {"\v": "a line break made in Word with Shift+Enter (手动换行符, U+000B)",
                       "\f": "a page break from Word or a PDF (分页符, U+000C)"}
"""The control characters that stand for a break in the text they were copied from → how a message names them:
Word's plain text holds U+000B for a line break made with Shift+Enter and U+000C for a page or section break,
as text copied out of a PDF holds U+000C between its pages (a page's text is published with a new line for each,
`sitegen.markup`)."""


def control_name(char: str) -> str:
    """How a message names the control character ``char``, in YAML and Markdown alike: by what it stands for
    (`BREAK_CONTROL_NAMES`), or ``an invisible control character (U+0001)``."""
    return BREAK_CONTROL_NAMES.get(char) or f"an invisible control character (U+{ord(char):04X})"



@functools.cache
def _key_typing(after_dash: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of `_check_key_typing`: a key then a colon, spaces of any kind between (``title：``, ``title　:``;
    the caller tells a slip from ``title: …``), and a key then ":" with no space (``title:x``); after "- ", English
    keys only.

    Compiled on first use: only the line scan needs them, and the Chinese key's ranges take 3 ms to compile.
    """
    key = _ASCII_KEY if after_dash else f"{_ASCII_KEY}|{_CJK_KEY}"
    return (re.compile(rf"({key})([ \t{WIDE_SPACES}]*)[：:]"),
            re.compile(rf"({key}):(?=[^ \t{WIDE_SPACES}/:])"))


_URI_SCHEMES = frozenset({"mailto", "tel", "urn", "data", "javascript", "file"})
_KEY_COLON = compile_later(f":(?=[ \t{WIDE_SPACES}]|$)")
_BLOCK_HEADER = compile_later(r"[|>][0-9+\-]*[ \t]*(#.*)?$")
_FLOW_SPECIAL = compile_later(r"[\"'\[\]{}#]")
_BAD_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
_BAD_BREAKS = "\x85\u2028\u2029"
# Characters that show nothing, pasted with text from web pages, WeChat and Word: a unit id, tag or name
# holding one is not the one it looks like (unit: baihe<U+200B> names no unit, yet reads "baihe").
INVISIBLE_NAMES = {"\u00ad": "soft hyphen (软连字符, U+00AD)", "\u200b": "zero-width space (零宽空格, U+200B)",
                   "\u200c": "zero-width non-joiner (U+200C)",
                   "\u200e": "left-to-right mark (U+200E)", "\u200f": "right-to-left mark (U+200F)",
                   "\u2060": "word joiner (U+2060)", "\ufeff": "zero-width no-break space or byte-order mark (U+FEFF)",
                   **{chr(code): f"text-direction control (U+{code:04X})"
                      for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}}
"""Characters that show nothing → how a message names them (with the zero-width joiner: `SHOWS_NOTHING_NAMES`)."""
_INVISIBLES = "".join(INVISIBLE_NAMES)
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F"
_STRAY_JOINER_RE = compile_later(f"(?<![{_EMOJI}])\u200d(?![{_EMOJI}])")
"""A zero-width joiner (U+200D) with no emoji beside it: emoji sequences (👨\u200d👩) are made with it, and keep it;
beside Chinese text or a sign it joins nothing (大调研\u200d typed as a tag was another tag than 大调研, with its own
page, and looked the same)."""
_SHOWS_NOTHING = f"[{_INVISIBLES}]|{_STRAY_JOINER_RE.pattern}"
SHOWS_NOTHING_RE = compile_later(_SHOWS_NOTHING)
"""A character of `INVISIBLE_NAMES`, or a zero-width joiner beside no emoji: what a text is told to lose (a record's
here, a page's in `sitegen.markup`)."""
_SHOWS_NOTHING_RUN_RE = compile_later(f"(?:{_SHOWS_NOTHING})+")
SHOWS_NOTHING_NAMES = {**INVISIBLE_NAMES, "\u200d": "zero-width joiner (U+200D)"}
"""A character `SHOWS_NOTHING_RE` finds → how a message names it."""
# Up to 8 visible characters of text before and after one of them, to say where it stands.
_VISIBLE_END_RE = compile_later(f"[^\\s{_INVISIBLES}]{{0,8}}$")
_VISIBLE_START_RE = compile_later(f"[^\\s{_INVISIBLES}]{{0,8}}")
# Spaces (a paragraph's indent of two full-width ones, 　　) and other invisible characters between it and the text.
_PASSED_OVER_END_RE = compile_later(f"[\\s{_INVISIBLES}\u200d]+$")
_PASSED_OVER_START_RE = compile_later(f"^[\\s{_INVISIBLES}\u200d]+")


def invisible_place(line: str, start: int, end: int) -> str:
    """Where the invisible characters ``line[start:end]`` stand, told by the visible text around them.

    Returns ``between "白" and "河镇"``, ``before "…"``, ``after "…"`` or
    ``alone on the line``: up to 8 visible characters each side, other
    invisible characters and spaces passed over, since the reader cannot
    see the character itself.
    """
    before = _VISIBLE_END_RE.search(_PASSED_OVER_END_RE.sub("", line[:start])).group()  # type: ignore[union-attr]
    after = _VISIBLE_START_RE.match(_PASSED_OVER_START_RE.sub("", line[end:])).group()  # type: ignore[union-attr]
    return (f'between "{before}" and "{after}"' if before and after else
            f'before "{after}"' if after else f'after "{before}"' if before else "alone on the line")


def invisibles_on_line(line: str, start: int = 0) -> tuple[str, int]:
    """Where every character that shows nothing (`SHOWS_NOTHING_RE`) on ``line`` from index ``start`` on stands,
    and how many there are: ``('between "新" and "建小区" and between "新建" and "小区"', 2)``.

    Each one on a line is named in one message: told one a run, two soft
    hyphens in 新­建­小区 took two runs. Places are told by `invisible_place`.
    """
    runs = [run for run in _SHOWS_NOTHING_RUN_RE.finditer(line) if run.end() > start]
    places = list(dict.fromkeys(invisible_place(line, run.start(), run.end()) for run in runs))
    where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
    return where, sum(len(run.group()) for run in runs)


_LOST_RUN_RE = compile_later(r"\?{3,}")
_ADDRESS_START_RE = compile_later(r"[A-Za-z][A-Za-z0-9+.-]*://|www\.|\]\([^)]*$")
_TOKEN_GAPS = " \t\n\u3000"


def lost_characters(text: str, *, whole: bool = False) -> tuple[int, int] | None:
    """``(start, end)`` of the first run of question marks in ``text`` that most likely stands for characters
    lost in a save (`sitegen.errors.lost_characters_message`), or None.

    A run is 3 or more ASCII "?" (a Chinese word of one or two characters
    lost is "?" or "??", which a sentence may hold: "真的吗??"); with
    ``whole`` (a YAML value), the whole text of 2 or more "?" too, a
    two-character name lost (``name: ??``). Full-width "？" is never a lost
    character: an encoding that cannot hold Chinese cannot hold it either,
    and "？？？" is typed for emphasis. A run in a web address is skipped: it
    stands in the address's query (``https://example.org/s?q=???``), which
    is no text: from ``scheme://`` or ``www.`` on in the same word (text
    without spaces), or inside a Markdown link's ``(…)``.
    """
    if whole and len(text.strip()) >= 2 and not text.strip().strip("?"):
        start = text.index("?")
        return start, start + len(text.strip())
    for found in _LOST_RUN_RE.finditer(text):
        word = max(text.rfind(gap, 0, found.start()) for gap in _TOKEN_GAPS) + 1
        if not _ADDRESS_START_RE.search(text[word:found.start()]):
            return found.span()
    return None


_BAD_CHAR = compile_later(f"[{_BAD_CHARS}]")
_BAD_BREAK = compile_later(f"[{_BAD_BREAKS}]")
_GAP = " \t" + WIDE_SPACES
# Escapes YAML accepts in double quotes that change the text (not \" or \\); others are parse errors.
_VALID_ESCAPE = compile_later(r"\\[0abtnvfre /N_LPxuU\t]")
_ESCAPE_PAIR = compile_later(r'\\(?:[\\"]|([0abtnvfre /N_LPxuU\t]))')
"""A backslash and the character after it in a double-quoted value, read from its start: ``\\\\`` and ``\\"``
(typed to mean a backslash and a quote), or an escape that surprises (group 1: ``\\t`` in ``C:\\temp``)."""


class YamlData:
    """The data of one YAML text, with where each part was typed.

    Attributes:
        value: ``dict[str, ...]``, ``list``, ``str`` or ``None``, nested. Every
            scalar is the exact text typed (after YAML quoting and folding);
            a plain ``~``/``null``/``Null``/``NULL``/empty value is ``None``.
            Keys are always ``str`` as typed (``yes:`` → ``"yes"``).
        positions: path of keys and list indexes → ``(line, column)`` of the
            start of that VALUE, 1-based, in FILE coordinates (columns count
            characters). ``()`` maps to ``(first_line, 1)``, or to the first "-" of a list typed as the
            whole text (a record typed as a list item is told there, not at the comments above it).
        key_positions: path → ``(line, column)`` of the KEY (mapping entries only).

    Positions are needed only to point at a line in a message, so a copy
    made by pickling (the page cache, a worker's result) carries the text
    instead and finds them again on first use, by loading the text once
    more: a 10,000-page site then holds no positions (48 MB) and unpickles
    its cached pages about twice as fast. Equal when value and positions are.
    """

    __slots__ = ("value", "_positions", "_key_positions", "_text", "_first_line")

    def __init__(self, value: object, positions: Mapping[KeyPath, Position] | None,
                 key_positions: Mapping[KeyPath, Position] | None, *, text: str | None = None,
                 first_line: int = 1) -> None:
        self.value = value
        self._positions, self._key_positions = positions, key_positions
        self._text, self._first_line = text, first_line

    @property
    def positions(self) -> Mapping[KeyPath, Position]:
        """Value positions by path (see the class)."""
        if self._positions is None:
            self._find_positions()
        return self._positions  # type: ignore[return-value]

    @property
    def key_positions(self) -> Mapping[KeyPath, Position]:
        """Key positions by path (see the class)."""
        if self._key_positions is None:
            self._find_positions()
        return self._key_positions  # type: ignore[return-value]

    def _find_positions(self) -> None:
        """Load the text again for its positions (it loaded without errors before, so it does again)."""
        found = _load_fast(self._text, self._first_line)[1] if self._text is not None else None
        if found is None:  # not expected: a text that loaded once loads the same again
            self._positions = MappingProxyType({(): (self._first_line, 1)})
            self._key_positions = MappingProxyType({})
            return
        self._positions, self._key_positions = found._positions, found._key_positions

    @property
    def text(self) -> str:
        """The YAML text this data was loaded from (``\\n`` breaks), or "" when it is not known."""
        return self._text or ""

    def with_text(self, text: str, first_line: int) -> "YamlData":
        """This data, remembering the text it was loaded from (``\\n`` breaks) and the text's first file line."""
        return YamlData(self.value, self._positions, self._key_positions, text=text, first_line=first_line)

    def with_value(self, value: object) -> "YamlData":
        """The same positions (and text) with another value, e.g. settings with a field overridden."""
        return YamlData(value, self._positions, self._key_positions, text=self._text, first_line=self._first_line)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, YamlData):
            return NotImplemented
        return (self.value, dict(self.positions), dict(self.key_positions)) == (
            other.value, dict(other.positions), dict(other.key_positions))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"YamlData(value={self.value!r})"

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        """Pickle the value with the text (positions are found again) or, without a text, with the positions."""
        if self._text is not None:
            return (_yaml_data_of_text, (self.value, self._text, self._first_line))
        return (_yaml_data, (self.value, dict(self.positions), dict(self.key_positions)))

    def typed_in_quotes(self, path: Sequence[str | int]) -> bool:
        """True when the value at ``path`` was typed in quotes (``"…"`` or ``'…'``); False when it was not,
        or is not known (no such path, or no text kept)."""
        position = self.positions.get(tuple(path))
        if position is None or self._text is None:
            return False
        line, column = position
        lines = self._text.split("\n")
        index = line - self._first_line
        return 0 <= index < len(lines) and lines[index][column - 1:column] in ("\"", "'")

    def typed_lines(self, path: Sequence[str | int]) -> list[str]:
        """The lines of a text typed below its key over several lines without quotes (``actions:``, then
        ``  利用厂房改建``, ``  与卫生服务中心签约``), which YAML joins into one text, each line stripped; [] for a
        value typed otherwise (on its key's line, in one line, quoted, ``|``/``>``, not a text) or not known."""
        path = tuple(path)
        value, key = self.positions.get(path), self.key_positions.get(path)
        if value is None or key is None or value[0] <= key[0] or self._text is None:
            return []
        lines = self._text.split("\n")
        index = value[0] - self._first_line
        if not 0 <= index < len(lines) or lines[index][value[1] - 1:value[1]] in ("\"", "'", "|", ">"):
            return []
        typed = [lines[index].strip()]
        for line in lines[index + 1:]:
            indent = len(line) - len(line.lstrip(" "))
            if not line.strip() or line.lstrip().startswith("#") or indent < key[1]:
                break
            typed.append(line.strip())
        return typed if len(typed) > 1 else []

    def locate(self, path: Sequence[str | int]) -> Position:
        """Return the value position of ``path``, or of its nearest known ancestor.

        ``()`` (and any path with no known ancestor) gives ``(first_line, 1)``, or the first "-" of a list
        typed as the whole text.
        Never raises.
        """
        key = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return self.positions.get((), (1, 1))

    def lost_indent(self, path: Sequence[str | int], blocks: frozenset[str]) -> LostIndent | None:
        """`lost_indent` for the key at ``path`` (a key of a mapping), typed below a block of ``blocks``; None
        when it is not, or when ``path`` names no key."""
        *parent, key = path
        mapping: object = self.value
        for part in parent:
            if isinstance(mapping, dict) and isinstance(part, str):
                mapping = mapping.get(part)
            elif isinstance(mapping, list) and isinstance(part, int) and 0 <= part < len(mapping):
                mapping = mapping[part]
            else:
                return None
        key_at = self.key_positions.get(tuple(path))
        if not isinstance(mapping, dict) or key not in mapping or key_at is None:
            return None
        return lost_indent(str(key), mapping, str(key), tuple(parent), self.positions, key_at, blocks)

    def lines_of(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The first and last line of the value at ``path`` (a list item with its fields, say), in file lines.

        The first is the line the value starts on; the last, the last line
        after it indented more than that one (comment lines and the lines of
        a long text included), or, without the text, the last line where a
        part of the value starts. Never raises.
        """
        first = self.locate(path)[0]
        prefix = tuple(path)
        starts = [line for key, (line, _) in (*self.positions.items(), *self.key_positions.items())
                  if key[:len(prefix)] == prefix]
        last = max(starts, default=first)
        if self._text is None:
            return first, last
        lines = self._text.split("\n")
        start = first - self._first_line
        if not 0 <= start < len(lines):
            return first, last
        indent = len(lines[start]) - len(lines[start].lstrip(" "))
        for index in range(start + 1, len(lines)):
            if lines[index].strip() and len(lines[index]) - len(lines[index].lstrip(" ")) <= indent:
                break
            if lines[index].strip():
                last = max(last, index + self._first_line)
        return first, last

    def line_text(self, line: int) -> str | None:
        """The text of the file's line ``line`` (1-based, as positions count), or None when the text is not kept
        or holds no such line."""
        if self._text is None or line < self._first_line:
            return None
        lines = self._text.splitlines()
        return lines[line - self._first_line] if line - self._first_line < len(lines) else None

    def locate_key(self, path: Sequence[str | int]) -> Position:
        """Return the key position of ``path``, or of its nearest ancestor key.

        List indexes have no key: ``("tags", 2)`` gives the position of ``tags:``.
        Falls back to ``locate(())``. Never raises.
        """
        key = tuple(path)
        while key:
            if key in self.key_positions:
                return self.key_positions[key]
            key = key[:-1]
        return self.locate(())


def _yaml_data(value: object, positions: dict[KeyPath, Position],
               key_positions: dict[KeyPath, Position]) -> YamlData:
    return YamlData(value, MappingProxyType(positions), MappingProxyType(key_positions))


def _yaml_data_of_text(value: object, text: str, first_line: int) -> YamlData:
    return YamlData(value, None, None, text=text, first_line=first_line)


@dataclass(frozen=True)
class _Issue:
    """A problem found in the text, 0-based line/column within the text.

    ``whole``: an error that leaves the rest of the data read as typed (a key
    typed twice: the first is kept, the repeat left out), so that
    `load_yaml` with ``partial`` can still give the data for its fields to be
    checked in the same run. ``mended``: for an error of the line scan, the
    line as its hint mends it (``collected：296`` → ``collected: 296``), read
    in its place for the rest of the data to be checked in the same run, as
    it will be read once the hint is followed.
    """

    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = "error"
    whole: bool = False
    mended: str | None = None


class _Lines:
    """Character index ↔ (0-based line, 0-based column) for a text with ``\\n`` breaks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def at(self, index: int) -> tuple[int, int]:
        """Return (line, column), both 0-based, of a character index (clamped to the text)."""
        index = max(0, min(index, len(self.text)))
        line = bisect.bisect_right(self.starts, index) - 1
        return line, index - self.starts[line]

    def line(self, number: int) -> str:
        """Return line ``number`` (0-based), or "" past the end."""
        return self.lines[number] if 0 <= number < len(self.lines) else ""


def load_yaml(text: str, path: str, report: Report, *, first_line: int = 1,
              elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
              names: FieldNamer | None = None, values: ValueMender | None = None,
              partial: bool = False) -> YamlData | None:
    """Parse YAML ``text`` into `YamlData`, reporting every mistake to ``report``.

    Args:
        text: the YAML, already decoded (see ``sources.read_source``); ``\\r\\n``
            and lone ``\\r`` are read as line breaks.
        path: the file path relative to the site root, used in problems.
        report: where problems go (errors, such as a ``#`` comment cutting a
            value short, and warnings).
        first_line: the file line of the text's first line (2 for front matter
            after an opening ``---``), so every reported line is a FILE line.
        elsewhere: for a key typed twice in one mapping, whether it is a
            field of blocks held there rather than of the mapping (what the
            records say: `sitegen.validation.fields_elsewhere`). If so, both
            lines are told so, each with the block above it to indent it
            into when that block holds such a field (`lost_indent`), not
            only that the key is given twice.
        groups: the fields of the records typed at paths (what the
            records say: `sitegen.validation.group_fields`), so that a
            group's key typed with a value on its own line
            (``interviewee: 王建国``, its ``role:`` indented under it) is told
            to stand alone, with the value under it as its field
            (``name: 王建国``); and so that a field typed after another's
            value (``title: 白鹤镇 slug: baihe``) is told to go on a line of
            its own, while a key no record knows there (``title: Tip: …``)
            is told to be quoted as part of the value.
        names: whether a key typed at a path names a field there or in a
            block held there, or is a slip of one (what the records say:
            `sitegen.validation.names_a_field`), so that a line of text
            with a full-width colon (``以后每次新数据：…``, a note of
            ``sitegen new`` left without its ``# ``) is told it is a note,
            not told to become a field.
        values: a value typed after a key as its field needs it typed
            (what the records say: `sitegen.validation.values_meant`), so
            that a hint giving the line whole for a slip of its key
            (``标签：大调研，补短板``) gives the value mended too
            (``tags: [大调研, 补短板]``), and following it gives no error
            of the value on the same line.
        partial: give the data even after errors, when each of them left
            the rest read as typed (a key typed twice in one block: the
            first is kept), so that the caller can report the errors of its
            fields in the same run rather than one build later. The caller
            must then not publish it: ``report`` holds the errors.

    Returns:
        The data, or None when at least one error was reported (with
        ``partial``, one that left the data unread). Empty text gives
        ``YamlData(value=None, ...)``. The root may be any kind; callers that
        need a mapping check ``isinstance(data.value, dict)`` themselves.

    Never raises: any failure, even an internal one, ends as an error in ``report``.
    """
    return _read(_load_fast, text, path, report, first_line, elsewhere, groups, names, values, partial)


def _load_yaml_reference(text: str, path: str, report: Report, *, first_line: int = 1,
                         elsewhere: ElsewhereFinder | None = None,
                         groups: GroupFinder | None = None, names: FieldNamer | None = None,
                         values: ValueMender | None = None) -> YamlData | None:
    """`load_yaml` by the reference path only (`_load`: full line scan, then `_TreeBuilder`).

    Takes and returns what `load_yaml` does. Not used by the build: it stays so
    that tests can prove the fast path gives the same data and problems.
    """
    return _read(_load, text, path, report, first_line, elsewhere, groups, names, values)


_Loader = Callable[[str, int, "ElsewhereFinder | None", "GroupFinder | None", "FieldNamer | None",
                    "ValueMender | None"], tuple[list[_Issue], YamlData | None]]


def _read(load: _Loader, text: str, path: str, report: Report, first_line: int,
          elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
          names: FieldNamer | None = None, values: ValueMender | None = None,
          partial: bool = False) -> YamlData | None:
    """Run ``load`` (`_load_fast` or `_load`) on ``text`` with ``\\n`` breaks; report; return the data
    (``partial``: `load_yaml`'s)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        issues, data = load(text, first_line, elsewhere, groups, names, values)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raise"
        report.error(path, None, None,
                     f"the YAML could not be read because of an internal error ({type(exc).__name__}: {exc})",
                     "please report this file to the site's maintainers")
        return None
    _report_issues(issues, path, report, first_line)
    if data is None or any(issue.severity == "error" and not (partial and issue.whole) for issue in issues):
        return None
    return data.with_text(text, first_line)


def _report_issues(issues: list[_Issue], path: str, report: Report, first_line: int) -> None:
    """Add ``issues`` to ``report`` in file coordinates, at most `MAX_PROBLEMS` of them."""
    for issue in issues[:MAX_PROBLEMS]:
        add = report.error if issue.severity == "error" else report.warning
        add(path, issue.line + first_line, issue.column + 1, issue.message, issue.hint)
    if len(issues) > MAX_PROBLEMS:
        last = issues[MAX_PROBLEMS]
        report.error(path, last.line + first_line, last.column + 1,
                     "more problems in this file are not shown (the count stops here)",
                     "fix the problems above first, then build again")


def _load(text: str, first_line: int, elsewhere: ElsewhereFinder | None = None, groups: GroupFinder | None = None,
          names: FieldNamer | None = None, values: ValueMender | None = None) -> tuple[list[_Issue], YamlData | None]:
    """Pre-scan, then parse ``text`` (``\\n`` line breaks); return issues and data (``elsewhere``, ``groups``:
    `load_yaml`'s)."""
    if text.count("\n") >= MAX_LINES:
        return [_Issue(MAX_LINES, 0, f"the YAML is longer than {MAX_LINES:,} lines; sitegen reads no more",
                       "split the data into several smaller files (e.g. one file per unit or per year)")], None
    lines = _Lines(text)
    return _parse_scanned(lines, _prescan(lines, groups, names, first_line, values), first_line, elsewhere, groups)


def _parse_scanned(lines: _Lines, scan: _Scan, first_line: int, elsewhere: ElsewhereFinder | None = None,
                   groups: GroupFinder | None = None) -> tuple[list[_Issue], YamlData | None]:
    """Parse the text of ``lines``, whose line scan is ``scan``, with `_TreeBuilder`; return issues and data."""
    errors = [issue for issue in scan.issues if issue.severity == "error"]
    if any(issue.mended is None for issue in errors):
        return scan.issues, None
    fixed = _apply_replacements(lines.text, scan.replacements)
    if errors:  # each mended as its hint says: the rest is read as it will be then (`load_yaml`'s partial)
        typed = fixed.split("\n")
        for issue in errors:
            typed[issue.line] = issue.mended  # type: ignore[call-overload]
        fixed = "\n".join(typed)
        lines = _Lines(fixed)
    builder = _TreeBuilder(lines, first_line, elsewhere)
    try:
        builder.run(yaml.parse(fixed, Loader=_LOADER))
    except yaml.YAMLError as exc:
        if errors:
            return scan.issues, None  # told once the lines are mended, in the words of the text then
        told, mended = _parse_errors(exc, lines, scan.unclosed_before(), groups, first_line)
        if mended is None:
            return scan.issues + builder.issues + told, None
        # Each line of text read as its hint mends it: the rest is read as it will be then (`load_yaml`'s partial).
        lines, builder = mended, _TreeBuilder(mended, first_line, elsewhere)
        builder.run(yaml.parse(mended.text, Loader=_LOADER))
        builder.issues = told + [issue for issue in builder.issues if issue.line not in {bad.line for bad in told}]
    # What the mended lines themselves hold is told once they are mended, as before: beside the line's own
    # error, it would say another thing to type on that line.
    issues = scan.issues + [issue for issue in builder.issues if issue.line not in {bad.line for bad in errors}]
    if builder.failed or len(builder.issues) > MAX_PROBLEMS or any(
            issue.severity == "error" and not issue.whole for issue in builder.issues):  # past MAX_PROBLEMS: in part
        return issues, None
    positions = {p: (ln + first_line, col + 1) for p, (ln, col) in builder.positions.items()}
    if not isinstance(builder.root, list) or () not in positions:
        positions[()] = (first_line, 1)
    keys = {p: (ln + first_line, col + 1) for p, (ln, col) in builder.key_positions.items()}
    return issues, YamlData(builder.root, MappingProxyType(positions), MappingProxyType(keys))


# A line that starts a field of the top level, or a slip of one (``date 2018-05-03``): typed at the start of the
# line, not a comment, a list item, a bracket, a quote or another sign YAML reads otherwise there, and holding no
# quote, which could be the end of a text above it.
_TOP_LEVEL_LINE = compile_later(r"^[^\s#\-\[\]{},:'\"|>!&*%@`?.][^'\"]*$")


def _parse_errors(exc: yaml.YAMLError, lines: _Lines, unclosed: tuple[int, int | None] | None,
                  groups: GroupFinder | None, first_line: int) -> tuple[list[_Issue], _Lines | None]:
    """The parse error ``exc`` told (`_explain`, whose arguments these are), then the others below or above it;
    the first alone after a quote or bracket left open, which may end anywhere: what follows it is read once it
    is closed.

    A line of text (`_text_mend`: a note of ``sitegen new`` whose "# " was taken off, text going on from the
    value above at the left edge) is read as its hint mends it, and the whole text read again, so that every
    such line is told in one run: PyYAML stops at the first, and a line the fields below were read again from
    (`_parse_errors_further_on`) has no line above it to go on from. An editor who took "# " off every line of
    a new unit's file was told its lines of text in three runs. Returns the issues, with the text as they mend
    it when it then reads whole (each issue then ``whole``), else None.
    """
    told = _explain(exc, lines, unclosed, groups, first_line)
    if unclosed is not None:
        return [told], None
    found, mended = [told], lines
    while len(found) < MAX_PROBLEMS:
        mend = _text_mend(mended, found[-1])
        if mend is None:
            break
        typed = list(mended.lines)
        for number, line in mend.items():
            typed[number] = line
        mended = _Lines("\n".join(typed))
        try:
            for _event in yaml.parse(mended.text, Loader=_LOADER):
                pass
        except yaml.YAMLError as again:
            found.append(_explain(again, mended, None, groups, first_line))
            continue
        return [dataclasses.replace(issue, whole=True) for issue in found], mended
    return [*found, *_parse_errors_further_on(mended, found[-1].line, first_line, groups)], None


_READS_AS_SENTENCE = compile_later(r"[。，、；：！？（）]|(?:\S+\s+){3}\S")
"""What a note (说明) holds and a field's value typed alone on its line (``华新镇``) seldom does: Chinese sentence
punctuation, or four words or more."""


def _text_mend(lines: _Lines, issue: _Issue) -> dict[int, str] | None:
    """The lines to read in place of those of ``lines`` for ``issue``, a line of text (`_line_of_text`), as its
    hint's first choice mends it: one more item of the list above, joined to the end of the value or item above
    (before its note), or else made a note; ``{0-based line: its text}``. None for any other issue; for text
    under a key with no value (``summary:``), and for text that reads as no note (``华新镇``, a value typed
    without its ``name: ``): read as a note, the field would be read empty or missing, and told so too, a second
    message for one slip."""
    told = _line_of_text(lines, issue.line)
    if told is None or told[2] != (issue.line, issue.column) or not issue.message.startswith(told[0] + " "):
        return None
    typed = lines.line(issue.line)
    text = typed.strip(" ")
    going_on = _going_on_from(lines, issue.line)
    if going_on.startswith("if it is the value of") or not (going_on or _READS_AS_SENTENCE.search(text)):
        return None
    if _item_above_in_line(lines, issue.line):
        return {issue.line: f"{typed[:_indent(typed)]}- {text}"}
    if not going_on:
        return {issue.line: f"{typed[:_indent(typed)]}# {text}"}
    above = _yaml_line(lines, issue.line, -1)
    head = lines.line(above)
    pos = _typed_value(head)[2]
    value, note = _split_comment(head[pos:])
    return {above: head[:pos] + value + text + note, issue.line: ""}


def _parse_errors_further_on(lines: _Lines, told: int, first_line: int,
                             groups: GroupFinder | None) -> list[_Issue]:
    """The parse errors of the top-level fields below line ``told`` (0-based), where a parse error is told,
    each told as if it were the text's first.

    An editor who typed three slips was told one a run, and built three times. PyYAML stops at the first; the
    text from the next line of the top level below it (`_TOP_LEVEL_LINE`) is read again on its own (the lines
    above blanked, so that line numbers hold, but the one right above, a field, so that it is read as fields
    of the mapping the text is), and so on from each error found, up to `MAX_PROBLEMS`. PyYAML
    may stop on that line for the slip above it (``role 书记`` then ``date: …``): read on its own, the line
    is told only for a slip of its own. Only parse errors are told: what else the fields hold (a key typed
    twice, a field's value) is checked once the text can be read.
    """
    found: list[_Issue] = []
    while len(found) < MAX_PROBLEMS:
        start = next((n for n in range(told + 1, len(lines.lines)) if _TOP_LEVEL_LINE.match(lines.lines[n])), None)
        if start is None:
            break
        # A field of the mapping the text is, as the lines below are read: alone, "date 2018-05-03" is a text.
        rest = _Lines("\n" * (start - 1) + "_: 0\n" + "\n".join(lines.lines[start:]))
        try:
            for _event in yaml.parse(rest.text, Loader=_LOADER):
                pass
        except yaml.YAMLError as exc:
            found.append(_explain(exc, rest, None, groups, first_line))
            told = max(found[-1].line, start)
            continue
        break
    return found


def _load_fast(text: str, first_line: int, elsewhere: ElsewhereFinder | None = None,
               groups: GroupFinder | None = None, names: FieldNamer | None = None,
               values: ValueMender | None = None) -> tuple[list[_Issue], YamlData | None]:
    """Return exactly what `_load` returns for ``text`` (``\\n`` breaks), cheaper when nothing is wrong.

    The line scan is skipped when `_nothing_to_scan` proves it would find
    nothing, and the events are walked by `_walk_fast`. When the walk meets
    anything to report (or a parse error), the text goes on by the reference
    path (`_parse_scanned`, after the line scan), which reports it.
    """
    if text.count("\n") >= MAX_LINES:
        return _load(text, first_line, elsewhere, groups, names, values)
    lines = _Lines(text)
    scan = None if _nothing_to_scan(text) else _prescan(lines, groups, names, first_line, values)
    if scan is not None and any(issue.severity == "error" for issue in scan.issues):
        return _parse_scanned(lines, scan, first_line, elsewhere, groups)
    fixed = text if scan is None else _apply_replacements(text, scan.replacements)
    try:
        data = _walk_fast(fixed, lines, first_line)
    except yaml.YAMLError:
        # The walk stops at the first thing to report, so none came before this error:
        # `_parse_scanned` meets the same error with nothing else to say, unless the line
        # scan (skipped when it looked needless) finds an error, which it reports alone; it
        # reads on past lines of text (`_parse_errors`), as it does for every text.
        scan = _prescan(lines, groups, names, first_line, values) if scan is None else scan
        return _parse_scanned(lines, scan, first_line, elsewhere, groups)
    if data is not None:
        return ([] if scan is None else scan.issues), data
    scan = _prescan(lines, groups, names, first_line, values) if scan is None else scan
    return _parse_scanned(lines, scan, first_line, elsewhere, groups)


# The patterns of _nothing_to_scan. Each finds anywhere in the text, whatever mode the line
# scan would be in there, a superset of what some checks of the scan look for:
#   _QUICK_CHAR     TABs and full-width spaces (_check_indent, _scan_dashes, _scan_gap) and
#                   the characters of _scan_characters;
#   _VALID_ESCAPE   _check_escapes;
#   _QUICK_COMMENT  _check_comment, _check_wide_comment and a "＃" starting a line;
#   _QUICK_KEY      _check_key_typing: a key at the start of a line or after its "- "
#                   markers (searched in "\n" + text, so the first line has its "\n" too);
#   _QUICK_WIDE_KEY _full_width_line: a key typed in full-width letters (a half-width key
#                   with a full-width colon is _QUICK_KEY's);
#   _QUICK_DASH     _check_list_dash: a line starting with "-" and no space, another dash, or a "*"
#                   starting no alias;
#   _QUICK_LATER    _check_joined_fields: `_LATER_FIELD`'s keys typed with no ": ";
#   _QUICK_SWALLOWED _check_items_swallowed: a list item below one indented less, with only lines
#                   further in than that one (its text going on), blank lines and comments between.
#   _QUICK_COMMENT_LINE _check_comment_in_text: a comment line, then (past blank lines and comments)
#                   a line further in than the first column that may be a line of text.
#   _QUICK_BLOCK and _QUICK_NOTE, together: _check_note_in_block and _check_note_after_block_text:
#                   a line that may open a text after "|" or ">", and a "#" that may start a note.
# The two before those rely on _QUICK_CHAR being tried first: with no TAB or full-width space in
# the text, indentation and "- " markers are spaces and dashes only, and a "#" cutting a
# value follows a space. The trailing "+" on the key patterns makes their repeats
# possessive: no backtracking, and the same matches, since a key ends where a non-key
# character follows.
_QUICK_CHAR = compile_later(f"[\t{WIDE_SPACES}{_BAD_CHARS}{_BAD_BREAKS}{_INVISIBLES}\u200d]")
_QUICK_KEY = compile_later(rf"\n[ -]*+(?:{_ASCII_KEY}+|{_CJK_KEY}+)(?::(?=[^ \t{WIDE_SPACES}/:\n])|[ \t]*+："
                        rf"|[ \t]++:(?=[^ \t{WIDE_SPACES}\n]))")
_QUICK_COMMENT = compile_later(r"(?:^|[ \t])#(?=[^ \t#\n])|[ \t]＃|^ *＃", re.MULTILINE)  # a "＃" too:
# `_check_wide_comment`, and one starting a line (`_scan_normal_line`); a "#" starting a line is a comment
# too, which swallows the "]" of brackets opened on a line above ("[\n#]": `_flow_comment_issue`)
_QUICK_DASH = compile_later(r"\n *+(?:-[^ \n-]|[－—–−]|\*[^0-9A-Za-z_\-*\n])")
_QUICK_FLOW_HASH = compile_later(r"[\[,][ \t]*#")  # a list's item typed with # (`_check_item_hash`)
_QUICK_CHINESE_QUOTE = compile_later("[“‘”’]")  # `_check_mismatched_quotes`: see `_mixes_quotes`
_QUICK_LATER = compile_later(r"[ \t\u3000][A-Za-z_][A-Za-z0-9_\-]*+(?:：|:[^ \t\n/:])")
_WIDE_LETTERS = "\uff21-\uff3a\uff41-\uff5a\uff3f"
"""Full-width Latin letters and underscore, as a character class's ranges (ｓｅｒｉｅｓ, ａｓ＿ｏｆ)."""
_QUICK_WIDE_KEY = compile_later(rf"\n[ -]*+[{_WIDE_LETTERS}]")  # `_full_width_line`'s full-width key
_QUICK_SWALLOWED = compile_later(r"\n( *+)- [^\n]*(?:\n(?:\1 ++(?!-(?:[ \n]|\Z))[^\n]+| *+(?:#[^\n]*)?))*\n\1 ++- ")
_QUICK_COMMENT_LINE = compile_later(r"^ *#[^\n]*\n(?: *(?:#[^\n]*)?\n)* +(?!-(?: |$))[^ \n|>\"'\[{&*!%@`#]", re.MULTILINE)
_QUICK_BLOCK = compile_later(r"[|>][0-9+\-]*[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_QUICK_NOTE = compile_later(r"(?:^|[ \t])#(?=[ \t#]|$)", re.MULTILINE)


def _nothing_to_scan(text: str) -> bool:
    """True when `_prescan` of ``text`` would report no issue and replace no TAB.

    False means "not proven": the text may well be fine.
    """
    return (_QUICK_CHAR.search(text) is None
            and _VALID_ESCAPE.search(text) is None
            and _QUICK_COMMENT.search(text) is None
            and _QUICK_FLOW_HASH.search(text) is None
            and not _mixes_quotes(text)
            and _QUICK_DASH.search("\n" + text) is None
            and _QUICK_KEY.search("\n" + text) is None
            and _QUICK_WIDE_KEY.search("\n" + text) is None
            and _QUICK_LATER.search(text) is None
            and _QUICK_SWALLOWED.search("\n" + text) is None
            and _QUICK_COMMENT_LINE.search(text) is None
            and (_QUICK_BLOCK.search(text) is None or _QUICK_NOTE.search(text) is None))


def _mixes_quotes(text: str) -> bool:
    """True when a line of ``text`` holds a Chinese quote and an ASCII one, or both ASCII quotes
    (`_check_mismatched_quotes` looks only at such lines); in one pass, each line looked at once, however many
    quotes it holds."""
    if "'" in text and '"' in text and any("'" in line and '"' in line for line in text.split("\n")):
        return True  # '…份。": a value between two kinds of ASCII quote
    match = _QUICK_CHINESE_QUOTE.search(text)
    while match is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        if '"' in text[start:end] or "'" in text[start:end]:
            return True
        match = _QUICK_CHINESE_QUOTE.search(text, end)
    return False


def _apply_replacements(text: str, indexes: list[int]) -> str:
    """Return ``text`` with the characters at ``indexes`` (gap TABs) replaced by spaces."""
    if not indexes:
        return text
    chars = list(text)
    for index in indexes:
        chars[index] = " "
    return "".join(chars)


# --------------------------------------------------------------------------
# Pre-scan: editor mistakes PyYAML reports badly, found line by line.
# --------------------------------------------------------------------------

@dataclass
class _Scan:
    """State of the line scan (local to one call; never shared)."""

    lines: _Lines
    issues: list[_Issue] = field(default_factory=list)
    replacements: list[int] = field(default_factory=list)
    mode: str = "normal"          # normal | block | '"' | "'" | flow
    block_indent: int = -1        # a block scalar's lines are indented more than this
    block_head: int = -1          # the line of the key (or "-") a block scalar's text is typed after
    block_notes: list[str] = field(default_factory=list)  # the notes told so far ending lines of that text, in
    # order: the key's line a hint offers holds them all (`_check_note_after_block_text`)
    plain_owner: int | None = None  # lines indented more than this continue a plain value
    plain_item: int = -1          # the line of a list item whose plain text those lines continue, while not told
    plain_text: tuple[int, int, int, str] | None = None  # a plain text's first line, start, key column and what is
    # typed before it on its line (``note: ``), while no "#" cutting it was told (`_check_text_cut`)
    told_through: int = -1        # the last line of a text whose "#" lines were told already (`_hash_before_text`)
    quoted: tuple[int, int, int, str] | None = None  # a quoted text left open: its first line, its quote's column,
    # its key's column and what is typed before it (`_check_hash_after_quoted`, once it is closed)
    flow_depth: int = 0
    flow_quote: str = ""
    opener: int = -1              # text index of the quote or bracket still open
    swallowed: tuple[int, int] | None = None  # the first quote closed only by another field's opening quote on a
    # later line (``note: "…`` then ``title: "…"``): its text index and the line of that field (`_explain`)
    tab_indents: dict[int, int | None] = field(default_factory=dict)  # line → spaces its TAB stands for, if known
    groups: GroupFinder | None = None  # `load_yaml`'s: the fields the records know at paths
    names: FieldNamer | None = None  # `load_yaml`'s: whether a key names a field the records know
    values: ValueMender | None = None  # `load_yaml`'s: a value as its field needs it typed
    first_line: int = 1           # `load_yaml`'s: the file line of the text's first line, for lines a hint names

    @property
    def open_at(self) -> int | None:
        """Text index of a quote or bracket left open at the end of the text, or None."""
        return self.opener if self.mode in ('"', "'", "flow") else None

    def unclosed_before(self) -> tuple[int, int | None] | None:
        """Where the quote or bracket a parse error is told at opens, and the line of the field whose opening
        quote closed it (None when nothing did), or None: the first quote closed only by another field's
        opening quote, else the quote or bracket left open at the end of the text."""
        if self.swallowed is not None:
            return self.swallowed
        return None if self.open_at is None else (self.open_at, None)


def _prescan(lines: _Lines, groups: GroupFinder | None = None, names: FieldNamer | None = None,
             first_line: int = 1, values: ValueMender | None = None) -> _Scan:
    """Scan every line outside block scalars and quoted strings; collect issues (``groups``, ``names``,
    ``first_line``, ``values``: `load_yaml`'s)."""
    scan = _Scan(lines, groups=groups, names=names, first_line=first_line, values=values)
    _scan_characters(lines, scan.issues)
    for number, line in enumerate(lines.lines):
        if len(scan.issues) > MAX_PROBLEMS:
            break
        _scan_line(scan, number, line)
    return scan


def _scan_characters(lines: _Lines, issues: list[_Issue]) -> None:
    """Report characters YAML cannot read or reads as hidden line breaks (one per line)."""
    seen: set[int] = set()
    for pattern, name in ((_BAD_CHAR, control_name),
                          (_BAD_BREAK, lambda char: f"an invisible line separator (U+{ord(char):04X})")):
        for match in pattern.finditer(lines.text):
            line, column = lines.at(match.start())
            if line in seen:
                continue
            seen.add(line)
            issues.append(_Issue(line, column, f"{name(match.group())} is in the text; YAML cannot keep it",
                                 "delete it (it often comes from text copied from a web page or Word)"))
            if len(issues) > MAX_PROBLEMS:
                return
    for match in SHOWS_NOTHING_RE.finditer(lines.text):
        line, column = lines.at(match.start())
        if line in seen:
            continue
        seen.add(line)
        where, count = invisibles_on_line(lines.line(line), column)
        char = match.group()
        issues.append(_Issue(line, column, f"an invisible {SHOWS_NOTHING_NAMES[char]} is in the text"
                                           + (f" ({count} invisible characters on this line)" if count > 1 else "")
                                           + ": it shows nothing, but makes the text differ from what is seen",
                             f"delete it: it stands {where} (it often comes from text copied from a web page, "
                             "WeChat or Word; retyping the word removes it)" if count == 1 else
                             f"delete them: they stand {where} (they often come from text copied from a web page, "
                             "WeChat or Word; retyping the words removes them)"))
        if len(issues) > MAX_PROBLEMS:
            return


def _scan_line(scan: _Scan, number: int, line: str) -> None:
    """Advance the scan over one line, by the mode left by the lines before it."""
    if scan.mode == "block":
        stripped = line.lstrip(" ")
        if not stripped or len(line) - len(stripped) > scan.block_indent:
            if _NOTE_LIKE.match(stripped):
                _check_note_in_block(scan, number, len(line) - len(stripped))
            elif stripped:
                _check_note_after_block_text(scan, number, line, len(line) - len(line.lstrip(_GAP)))
            return
        scan.mode = "normal"
    if scan.mode in ('"', "'", "flow"):
        _check_kept_indent(scan, number, line)
    if scan.mode in ('"', "'"):
        end = _quote_end(line, 0, scan.mode)
        if end is None:
            return
        start, colon, value_at = _typed_value(line)
        if scan.swallowed is None and colon is not None and value_at == end and number > scan.lines.at(scan.opener)[0]:
            scan.swallowed = scan.opener, number  # "title: " then the quote that closes: the field's own opening quote
        scan.mode = "normal"
        if scan.quoted is not None:
            _check_hash_after_quoted(scan, *scan.quoted)
            scan.quoted = None
        return
    if scan.mode == "flow":
        _scan_flow(scan, number, line, 0)
        return
    _scan_normal_line(scan, number, line)


_NOTE_LIKE = compile_later(r"#(?:[ \t]|$)")
"""A line typed as a note (说明) is: "#", then a space or nothing (``# 说明``, not ``#3号楼`` nor ``##``)."""


def _check_note_in_block(scan: _Scan, number: int, column: int) -> None:
    """Warn of a line typed as a note (``# 说明：不超过120字``, `_NOTE_LIKE`) inside a text typed after "|" or ">".

    YAML reads "#" as a note only outside a text: inside one, the line is
    text, and was published with the page (and in the open data) without
    a word. A warning, as the line may be meant; the hint moves it above
    the key, where it is a note.
    """
    head = scan.block_head
    typed = scan.lines.line(number).strip(_GAP)
    marker = _BLOCK_HEADER.search(scan.lines.line(head))
    after = f' (typed after "{marker.group()[0]}" on line {head + scan.first_line})' if marker else ""
    scan.issues.append(_Issue(
        number, column,
        f'this line is part of the text of "{_key_named(scan.lines, head)}"{after}, not a note (说明): '
        f'inside a text YAML does not read "#" as a note, so the page shows "{_clip(typed, 40)}"',
        f'to keep it a note, move the line above "{_key_named(scan.lines, head)}" (line {head + scan.first_line})',
        severity="warning"))


def _check_note_after_block_text(scan: _Scan, number: int, line: str, start: int) -> None:
    """Warn of a note (说明) ending a line of a text typed after "|" or ">" (``居民满意。   # 摘要``).

    Takes the scan, the 0-based ``number`` of the line, the line and the
    column its text starts at. A note is told as `_split_comment` finds
    one: "#" after a space or TAB and before a space, a TAB, a "#" or the
    line's end, as every line ``sitegen new`` writes ends; ``#3号楼``,
    ``C#`` and ``http://x/#a`` are text. Outside a text YAML drops such a
    note, so an editor who turns ``problem: 问题   # 问题 …`` into a text
    over several lines (``problem: |``) keeps it there, and it was
    published with the page (and in the open data) without a word. A
    warning, as `_check_note_in_block`'s; the hint moves the note onto the
    key's line, after the "|" or ">", where YAML reads it as a note.
    A note typed with an input method (``居民满意。　#待核实``, `_WIDE_COMMENT`)
    is told alike: outside the text it would be published all the same.
    """
    found = _COMMENT.search(line, start)  # from the text's start: indentation is no space before a "#"
    wide = None if found is not None else _WIDE_COMMENT.search(line, start)
    if wide is not None and line[start:wide.start()].strip(_GAP):
        column = wide.end() - 1
        note = "# " + line[wide.end():].strip(_GAP) if line[wide.end():].strip(_GAP) else "#"
    elif found is not None:
        column, note = found.end() - 1, line[found.end() - 1:].rstrip(_GAP)
    else:
        return
    head = scan.block_head
    typed = scan.lines.line(head).strip(_GAP)
    marker = _BLOCK_HEADER.search(typed)
    sign = marker.group()[0] if marker else "|"
    scan.block_notes.append(note)
    gap = " " if marker is not None and marker.group(1) else "   "
    key_line = f"{typed}{gap}{' '.join(scan.block_notes)}"
    where = head + scan.first_line
    scan.issues.append(_Issue(
        number, column,
        f'"{_clip(line[column:].rstrip(_GAP), 40)}" at the end of this line is part of the text of "{_key_named(scan.lines, head)}" '
        f'(typed after "{sign}" on line {where}), not a note (说明): inside a text YAML does not read "#" as a '
        "note, so it is published with the text",
        paste_hint(f'cut it from this line, with the spaces before it; to keep it a note, put it after the "{sign}" '
                   f"on line {where}", key_line),
        severity="warning"))


def _scan_normal_line(scan: _Scan, number: int, line: str) -> None:
    """Check indentation, sequence dashes and the key of a line in block context."""
    pos = len(line) - len(line.lstrip(_GAP))
    rest = line[pos:]
    if _check_indent(scan, number, line[:pos], blank=not rest) or not rest:
        return
    if rest.startswith("#"):
        if pos and _HASH_TEXT.match(rest):
            _check_text_cut(scan, number, pos)
        elif scan.plain_owner is not None and scan.plain_owner >= 0:
            _check_comment_in_text(scan, number, pos)
        return
    if rest.startswith("＃"):
        # "＃ outcome: 还没写好" was told to be renamed "outcome", which published the note.
        note = line[:pos] + "#" + rest[1:]
        scan.issues.append(_Issue(number, pos, 'this line starts with a full-width "＃" (全角), so YAML reads it as '
                                               "a field, not as a note (说明)",
                                  paste_hint('to keep it a note, type the "#" in half width (半角)', note.rstrip())
                                  + '; to use it as a field, delete the "＃" and the spaces after it'))
        return
    if scan.plain_owner is not None and pos > scan.plain_owner:
        if scan.plain_item >= 0 and _is_item(rest):
            _check_items_swallowed(scan, number, pos)
        typed, note = _split_comment(rest)
        comment = re.search(r"[ \t]#", typed)
        if comment is not None:
            _check_text_cut(scan, number, pos + comment.start() + 1)
        elif scan.plain_text is not None:
            _check_wide_comment(scan, number, pos, typed, note, line[:pos])
        return  # continuation line of a multi-line plain value
    scan.plain_owner, scan.plain_item = None, -1
    if pos == 0 and re.match(r"(---|\.\.\.)([ \t]|$)", line):
        return
    wide = _full_width_line(scan, number, line, pos)
    if wide is not None:
        scan.issues.append(wide)
        return
    indent = pos
    owner, pos, after_dash = _check_list_dash(scan, number, line, pos)
    owner, pos, seen = _scan_dashes(scan, number, line, pos, owner)
    after_dash = after_dash or seen
    if _check_key_typing(scan, number, line, pos, after_dash):
        return
    lead = indent if after_dash else pos
    colon = _key_colon(line, pos)
    if colon is not None:
        owner, pos = pos, _scan_gap(scan, number, line, colon)
    _scan_value(scan, number, line, pos, owner, line[lead:pos])


def _check_indent(scan: _Scan, number: int, indent: str, *, blank: bool) -> bool:
    """Report the first TAB or full-width space in a line's indentation (or on an empty line). True when the line
    was told to be text (`_odd_indent_issue`): nothing more is to be told of it (``其中：…`` is no key)."""
    for column, char in enumerate(indent):
        if char == "\t" and blank:
            scan.issues.append(_Issue(number, column, "a TAB is on this empty line; YAML does not allow it",
                                      "delete the TAB (制表符) so that the line is really empty"))
        elif char == "\t":
            issue, text = _tab_issue(scan, number, column)
            scan.issues.append(issue)
            return text
        elif char in WIDE_SPACES and blank:
            scan.issues.append(_Issue(number, column, f"{space_name(char)} is on this empty line",
                                      "delete it so that the line is really empty"))
        elif char in WIDE_SPACES:
            issue, text = _odd_indent_issue(scan, number, column, char)
            scan.issues.append(issue)
            return text
        else:
            continue
        return False
    return False


def _check_kept_indent(scan: _Scan, number: int, line: str) -> None:
    """Report odd spaces (full-width, no-break …) that start a line inside quotes or brackets opened above.

    There YAML drops the ordinary spaces that indent a line and keeps the
    others as part of the value: ``tags: [大调研,`` then ``　　草莓产业]``
    published the tag "　　草莓产业", and a quoted summary went on with two
    full-width spaces in its middle.
    """
    stripped = line.lstrip(" \t")
    odd = stripped[:len(stripped) - len(stripped.lstrip(WIDE_SPACES))]
    if not odd:
        return
    inside = "the brackets" if scan.mode == "flow" and not scan.flow_quote else "the quotes"
    scan.issues.append(_Issue(
        number, len(line) - len(stripped),
        f"{space_name(odd[0])} starts this line inside {inside} opened above, so YAML keeps it as part of the value",
        "replace the spaces at the start of the line with ordinary spaces (switch the input method to 半角)"
        if stripped.strip(_GAP) else "delete the spaces on this line"))


def _odd_indent_issue(scan: _Scan, number: int, column: int, char: str) -> tuple[_Issue, bool]:
    """The issue of the 0-based line ``number``, indented with the odd space ``char`` (full-width, no-break …) at
    ``column``, and whether the line is told to be text (no field, no item): then nothing more is told of it.

    A line of text under a value it cannot go on from is told as text (`_text_after_value`); any other line is
    told the ordinary spaces that line it up (`_odd_line_indent`), or else to be indented with ordinary spaces.
    """
    name = space_name(char)
    found = _text_after_value(scan, number)
    if found is not None:
        return _text_issue(number, column, name, "the spaces", found), True
    going_on, spaces = _odd_line_indent(scan, number)
    message = f"{name} is used for indentation; YAML needs ordinary spaces"
    if spaces is not None:
        count, where = spaces
        if not count:
            return _Issue(number, column, message, f"delete the spaces at the start of the line, {where}"), going_on
        return _Issue(number, column, message, f"replace the spaces at the start of the line with {count} ordinary "
                                               f"space{'s' if count > 1 else ''}, {where}"), going_on
    return _Issue(number, column, message, "delete the spaces at the start of the line and type ordinary spaces, "
                                           "lined up with the lines above"), going_on


def _tab_issue(scan: _Scan, number: int, column: int) -> tuple[_Issue, bool]:
    """`_odd_indent_issue` for a line indented with a TAB (at ``column``), in the words of `_tab_hint`."""
    found = _text_after_value(scan, number)
    if found is not None:
        return _text_issue(number, column, "a TAB (制表符)", "the TAB", found), True
    going_on, spaces = _odd_line_indent(scan, number)
    return _Issue(number, column, TAB_MESSAGE, _tab_hint(scan, number, spaces)), going_on


def _text_issue(number: int, column: int, name: str, instead: str, found: tuple[str, str, str, bool]) -> _Issue:
    """The issue of a line of text (`_text_after_value`'s ``found``) indented with ``name`` (a TAB, an odd space),
    which a hint calls ``instead`` ("the TAB", "the spaces") where it says what to type in its place."""
    text, where, key, closed_by_note = found
    where = where.format(instead=instead)
    join = (f'if it goes on from the value of "{key}:" above, type it at the end of that value, before its note '
            '(" # …"); if it is a value of its own' if closed_by_note else "if it is a value")
    return _Issue(number, column, f'{name} starts this line, and it is text, not a field ("name: value")',
                  paste_hint(f'{join}, type its field\'s name and ": " before it, {where}; if it is a note (说明), '
                             f'start the line with "# " in place of {instead}, as a note starts with it '
                             "(以 # 开头的行是说明)", f"# {text}"))


def _odd_line_indent(scan: _Scan, number: int) -> tuple[bool, tuple[int, str] | None]:
    """For the 0-based line ``number``, indented with a TAB or odd spaces (and no text after a value): whether it
    is text going on from the value above, and the ordinary spaces that line it up with why, as a hint says it
    (None when the lines above do not tell). Remembers the spaces, for such a line below.

    A field or a list item is lined up by the line above it (`_tab_indent`; a field of the file's own after a
    group goes to the left edge, `_own_field_indent`); an item typed with a slip of its dash is lined up with
    the item above (`_item_slip_indent`); text is told the spaces that make it go on (`_going_on_indent`).
    """
    content = scan.lines.line(number).lstrip(_GAP)
    key = _key_typing(False)[0].match(content)
    going_on = False
    if content[:1] in _LIST_DASHES and not content.startswith("- ") and content != "-":
        spaces = _item_slip_indent(scan.lines, number)  # "－ 计划…", "-计划…": an item with a slip of its dash
    elif (key and _may_name_a_field(scan, number, key.group(1))) or content.startswith("- ") or content == "-":
        spaces = _own_field_indent(scan, number, _tab_indent(scan, number))
    else:
        spaces, going_on = _going_on_indent(scan, number), True
    scan.tab_indents[number] = spaces[0] if spaces else None
    return going_on, spaces


def _item_slip_indent(lines: _Lines, number: int) -> tuple[int, str] | None:
    """The ordinary spaces for the 0-based line ``number``, a list item typed with a slip of its dash (``－ 计划…``,
    ``-计划…``, told by `_check_list_dash`) and odd spaces before it: those of the list item above it, as it is one
    of them (told as text going on, it was joined to that item). None without a list item just above."""
    above = _yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if not typed.startswith(" " * _indent(typed) + "- ") or _gap(typed).strip(" "):
        return None
    return _indent(typed), 'lined up with the "- " above it'


def _going_on_indent(scan: _Scan, number: int) -> tuple[int, str] | None:
    """The ordinary spaces that make the 0-based line ``number`` (text, indented with odd spaces) go on from the
    value above it, and why, as a hint says it: further in than the key of a ``key: value`` (or ``key: |``) above,
    lined up with the text of a list item or with a line of text above (with the spaces told for it, when it was
    indented oddly too). None when the line above tells nothing.

    Each full-width space was told to be two ordinary ones: under ``    note: 据…`` two of them made 4 spaces,
    as far in as ``note:``, which is no longer its value.
    """
    lines = scan.lines
    above = _yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if above >= 0 and _gap(typed).strip(" "):
        told = scan.tab_indents.get(above)
        content = typed.lstrip(_GAP)
        if told is None or _typed_value(content)[1] is not None or _is_item(content):
            return None
        return told, "lined up with the line above it, as told for it, so that the text goes on from it"
    if above < 0:
        return None
    start, colon, _pos = _typed_value(typed)
    if colon is not None:
        key = _clip(typed[start:colon].strip(), 20)
        return start + 2, f'further in than "{key}:" above it, so that the text goes on from its value'
    if start > _indent(typed):
        return start, "lined up with the text of the list item above it, so that the text goes on from it"
    return start, "lined up with the line above it, so that the text goes on from it"


def _text_after_value(scan: _Scan, number: int) -> tuple[str, str, str, bool] | None:
    """The 0-based line ``number``, indented with odd spaces, when it is a line of text (no field, no list item)
    under a field whose value it cannot go on from: (its text, where a field's name would go, as a hint says it
    with ``{instead}`` for what indents the line, the key above, whether the value is text closed by a note on its
    line).

    A value that cannot go on is an id, a date, a number, a quoted or bracketed value: one that holds no wide
    character (Han, full-width punctuation), or starts with a quote or bracket (``unit: baihe`` then
    ``　　白鹤镇的访谈``, a paragraph's indent typed by an input method); or one with a note after it
    (``publisher: 上海热线新闻网   # 原刊发平台``). Typed with ordinary spaces instead, the text would join that
    value (the unit ``baihe 白鹤镇的访谈``) or break the file. Lines of such text in a row are all told so. A
    sentence with a full-width colon is such text when the words before the colon name no field
    (``白鹤镇：补好短板…``; ``　　role：…`` is told its colon). None for any other line: a Chinese value above may
    go on (``summary: 截至4月26日开展调研318批次`` then ``　　收集问题清单296份``). Text on the first line, or
    under the key of a group of fields (``interviewee:``), is such text too.
    """
    lines = scan.lines
    colon = _key_typing(False)[0]

    def text_of(line: int) -> str | None:
        typed = lines.line(line).strip(_GAP)
        match = colon.match(typed)
        if not _reads_as_text(typed) or (match and _may_name_a_field(scan, line, match.group(1))):
            return None
        return typed

    text = text_of(number)
    if text is None:
        return None
    above = _yaml_line(lines, number, -1)
    while above >= 0 and lines.line(above)[:1] in WIDE_SPACES and text_of(above) is not None:
        above = _yaml_line(lines, above, -1)  # a line of such text above: the field is above it
    at_edge = "at the start of the line, in place of {instead}"
    if above < 0:
        return text, at_edge, "", False  # the first line: no value above it
    start, key_colon, pos = _typed_value(lines.line(above))
    value, note = _split_comment(lines.line(above)[pos:])
    value = value.strip()
    if key_colon is None or (value and value[0] in "|>"):
        return None
    key = _clip(lines.line(above)[start:key_colon].strip(), 20)
    if not value:
        path = _mapping_path(lines, above)
        if path is None or scan.groups is None or scan.groups((*path, key)) is None:
            return None
        # A group's key (interviewee:): the text is no value of it, but may be one of its fields.
        return text, f'in place of {{instead}}, after {start + 2} ordinary spaces, under "{key}:" above', key, False
    goes_on = value[0] not in "\"'[{" and any(_is_wide(char) for char in value)
    if goes_on and not note:
        return None
    where = at_edge if not start else \
        f'in place of {{instead}}, after {start} ordinary spaces, lined up with "{key}:" above'
    return text, where, key, goes_on


def _may_name_a_field(scan: _Scan, line: int, key: str) -> bool:
    """False when ``key`` (typed before a full-width colon on the 0-based ``line``, indented with odd spaces)
    names no field, neither of the file's own nor of the group of the field above: ``白鹤镇`` in ``白鹤镇：…``.
    True when it does or the records cannot tell."""
    if scan.names is None or scan.groups is None:
        return True
    above = _yaml_line(scan.lines, line, -1)
    paths = {(), *([found] if above >= 0 and (found := _mapping_path(scan.lines, above)) is not None else [])}
    told = [path for path in paths if scan.groups(path) is not None]
    return not told or any(scan.names(path, key) is not None for path in told)


def _tab_hint(scan: _Scan, number: int, found: tuple[int, str] | None) -> str:
    """The hint for the 0-based line ``number``, indented with a TAB: the spaces to type in its place and why, when
    the lines above tell them (``found``, `_odd_line_indent`), else `TAB_HINT`."""
    if found is None:
        return TAB_HINT
    spaces, where = found
    typed = scan.lines.line(number)
    gap = _gap(typed)
    tabs = gap.count("\t")
    what = f"the {tabs} TABs (制表符)" if tabs > 1 and not gap.strip("\t") else "the TAB (制表符)"
    if not spaces:
        return f"delete {what}{' and the spaces' if gap.strip(chr(9)) else ''} at the start of the line, {where}"
    if gap.strip("\t"):
        return f"indent the line with {spaces} spaces and no TAB (制表符), {where}"
    return f"replace {what} with {spaces} space{'s' if spaces > 1 else ''}, {where}"


def _own_field_indent(scan: _Scan, number: int, found: tuple[int, str] | None) -> tuple[int, str] | None:
    """`_tab_indent`'s ``found`` (spaces, where; or None) for the 0-based line ``number``, indented with a TAB or
    odd spaces, unless its key names a field of the file's own (a slip or another word for one too: ``Date``,
    ``日期``) and none of the group the lines above it are in: then (0, why).

    ``date:`` typed with a TAB or a full-width space below ``interviewee:``'s fields was told to line up with
    ``role:``, which made it an unknown field of interviewee and left the page without its date. The group is
    the nearest key alone at the left edge above (``interviewee:``; ``tallies:``, whose items hold the fields),
    read whatever the lines between were indented with.
    """
    if (found is not None and not found[0]) or scan.groups is None or scan.names is None:
        return found
    content = scan.lines.line(number).lstrip(_GAP)
    match = _key_typing(False)[0].match(content)
    own = scan.groups(())
    if match is None or own is None:
        return found
    key = match.group(1)
    meant = scan.names((), key)
    if meant is None or meant not in own:
        return found
    line = number
    while (line := _yaml_line(scan.lines, line, -1)) >= 0 and scan.lines.line(line)[:1] in _GAP:
        pass
    group = _bare_key(scan.lines.line(line)) if line >= 0 else None
    if group is None:
        return found
    below = _yaml_line(scan.lines, line, 1)
    path: KeyPath = (group, 0) if below >= 0 and scan.lines.line(below).lstrip(_GAP)[:2] == "- " else (group,)
    if scan.groups(path) is not None and scan.names(path, key) is not None:
        return found  # a field of the group (or a slip of one): lined up in it
    return 0, f'as "{meant}" is a field of the file\'s own, not of "{group}:" above it'


def _tab_indent(scan: _Scan, number: int) -> tuple[int, str] | None:
    """How far in the 0-based line ``number``, indented with a TAB, goes, by the line above it: (spaces, which line
    it lines up with, as a hint says it). None when that line does not tell (a line of a block scalar, a list of
    plain texts above a key, an earlier TAB whose spaces are not known).

    A key below a key alone (``counts:``) or a list item below one (``tags:``) goes 2 spaces further in (or as far
    in as the line after it, if that one is); a key below a key lines up with it, below a list item with the key
    after its ``- ``; a list item below a list item lines up with it, below a field of an item with that item.
    """
    def seen(line: int) -> tuple[int | None, str]:
        text = scan.lines.line(line)
        content = text.lstrip(_GAP)
        if line in scan.tab_indents:
            return scan.tab_indents[line], content
        return (None if text[:len(text) - len(content)].strip(" ") else len(text) - len(content)), content

    here = scan.lines.line(number).lstrip(_GAP)
    item = here.startswith("- ") or here == "-"
    above = _yaml_line(scan.lines, number, -1)
    if above < 0:
        return 0, "as the file's first field starts at the left edge"
    indent, content = seen(above)
    if indent is None:
        return None
    key = _bare_key(content)
    start, colon, _pos = _typed_value(content)
    if key is not None:
        below = _yaml_line(scan.lines, number, 1)
        next_indent, next_content = seen(below) if below >= 0 else (None, "")
        further = next_indent if next_indent is not None and next_indent > indent + start and \
            next_content.startswith("- ") == item else indent + start + 2
        return further, f'{further - indent - start} spaces further in than "{_clip(key, 20)}:" above it'
    above_item = content.startswith("- ")
    if not item and colon is not None:
        return indent + start, f'lined up with "{_clip(content[start:colon].strip(), 20)}:" above it'
    if item and above_item:
        return indent, 'lined up with the "- " above it'
    if item and colon is not None:
        for line in range(above - 1, -1, -1):
            outer, text = seen(line)
            if not _holds_yaml(text) or outer is None or outer >= indent:
                if outer is None and _holds_yaml(text):
                    return None
                continue
            if text.startswith("- ") and outer + _typed_value(text)[0] == indent:
                return outer, f'lined up with the "- " of the item above it ("{_clip(text.split("   #")[0], 30)}")'
            return None
    return None


_NUMBER = compile_later(r"-[0-9]+(?:\.[0-9]+)?%?")
_LIST_DASHES = "-－—–−"
_DASH_NAMES = {"－": "a full-width dash (全角)", "—": "a long dash (破折号)", "–": "an en dash",
               "−": "a minus sign"}


_BULLET_NAMES = {"•": "a bullet (项目符号)", "·": "a middle dot (间隔号)", "・": "a middle dot (中点)",
                 "●": "a round bullet (实心圆)", "○": "a round bullet (空心圆)", "■": "a square bullet (实心方块)",
                 "▪": "a square bullet (方块)", "◆": "a diamond bullet (实心菱形)", "◇": "a diamond bullet (菱形)"}
"""Signs that Word, WPS or an input method types at the start of a list item, each as a message names it."""

_ALIAS_CHAR = compile_later(r"[0-9A-Za-z_\-]")
"""A character of an alias's name (``*ref``): a ``*`` followed by anything else starts no alias."""


def _check_list_dash(scan: _Scan, number: int, line: str, pos: int) -> tuple[int, int, bool]:
    """Report a list item typed ``-走访`` (no space), ``－ 走访``/``— 走访`` (a dash that is not "-"), ``* 走访``
    or ``· as_of: …`` (a bullet, `_BULLET_NAMES`).

    Takes the scan, the line's number and text, and ``pos``, where its text
    starts (after the indentation). YAML reads such a line as text, and
    joins it to the lines around it: ``actions:`` followed by ``-走访`` and
    ``-研究`` publishes the one action "-走访 -研究", and ``-as_of: …`` is
    reported by the parser a line too late. An error at the dash, with the
    line as it should be typed, stops that. Lines the scan does not look at
    (block scalars, quoted text, the lines continuing a value) are never
    checked here, nor are ``---``, a number (``-5``, ``-2.5%``), a line of
    dashes only, or an alias (``*ref``, refused as such) and ``**``.

    Returns (column of the dash, where the item's text starts, True) after
    a report, so that the rest of the line is checked as a list item's;
    else (-1, ``pos``, False).
    """
    char, after = line[pos:pos + 1], line[pos + 1:pos + 2]
    rest = line[pos:].rstrip(_GAP)
    if char == "-":
        if after in ("", "-") or after in _GAP or _NUMBER.fullmatch(rest):
            return -1, pos, False
        message, how = 'a list item needs a space after "-" (列表项 "-" 后要有空格)', 'add a space after "-"'
    elif char in _DASH_NAMES and after not in _LIST_DASHES and rest.strip(_LIST_DASHES):
        message = f'"{char}" is {_DASH_NAMES[char]}; a list item starts with a half-width "-" (半角) and a space'
        how = 'type a half-width "-" and a space'
    elif char == "*" and after and not _ALIAS_CHAR.match(after) and after != "*":
        # "* 走访…", a bullet as Word and Markdown type it: YAML reads "*" as an alias, and quoting it, as that
        # error is told, left lines no list could hold ("this line is not lined up").
        message = '"*" is a bullet (项目符号), as Word or Markdown types it; a list item starts with "-" and a space'
        how = 'type "-" and a space in place of the "*"'
    elif char in _BULLET_NAMES and rest[1:].strip(_GAP):
        # "· as_of: …": YAML reads the line as text, and the error came at the next field, "not expected here".
        message = (f'"{char}" is {_BULLET_NAMES[char]}, as Word or an input method types it; a list item starts '
                   'with "-" and a space')
        how = f'type "-" and a space in place of the "{char}"'
    else:
        return -1, pos, False
    start = pos + 1 + len(line[pos + 1:]) - len(line[pos + 1:].lstrip(_GAP))
    scan.issues.append(_Issue(number, pos, message, paste_hint(how, "- " + line[start:].rstrip())))
    return pos, start, True


def _scan_dashes(scan: _Scan, number: int, line: str, pos: int, owner: int) -> tuple[int, int, bool]:
    """Skip ``- `` list markers; report TABs and full-width spaces after them.

    Returns (owner column, position after the markers, whether a marker was seen).
    """
    seen = False
    while pos < len(line) and line[pos] == "-" and (pos + 1 == len(line) or line[pos + 1] in _GAP):
        owner, seen, start = pos, True, pos + 1
        pos = start
        while pos < len(line) and line[pos] in _GAP:
            pos += 1
        gap = line[start:pos]
        if "\t" in gap:
            scan.issues.append(_Issue(number, start + gap.index("\t"), 'a TAB follows the list marker "-"; YAML needs spaces',
                                      'replace the TAB (制表符) with a space: "- " then the item'))
        elif gap.strip(" "):
            odd = len(gap) - len(gap.lstrip(" "))
            scan.issues.append(_Issue(number, start + odd,
                                      f'{space_name(gap[odd])} follows the list marker "-"; YAML needs an ordinary space',
                                      'replace it with an ordinary space: "- " then the item'))
    return owner, pos, seen


def _check_key_typing(scan: _Scan, number: int, line: str, pos: int, after_dash: bool) -> bool:
    """Report ``title：…`` (full-width colon), ``title　: …`` (a full-width space before the colon), ``title :…``
    (the space before the colon, none after) and ``title:…`` (no space); True when found."""
    colon, nospace = _key_typing(after_dash)
    match = colon.match(line, pos)
    if match and match.group()[-1] == "：" and _inside_text(scan, number, line, match):
        return False  # "outcome:", then "  已完成：": a line of the text, its colon the sentence's
    if match and (match.group()[-1] == "：" or match.group(2).strip(" \t")):
        key, field = match.group(1), _field_named(scan, number, line, match)
        meant = _value_meant(scan, number, line[:match.start()], field or key, line[match.end():].lstrip(_GAP))
        scan.issues.append(_note_uncommented(number, line, match, field)
                           or _odd_colon(number, line, match, field if field != key else None, meant))
        return True
    if match and match.group(2) and match.end() < len(line) and line[match.end()] not in f" \t{WIDE_SPACES}":
        # title :白鹤镇 — a space before the ":" and none after: YAML reads the whole line as text.
        _key_slip(scan, number, line, match, "move the space after the colon", match.start(2),
                  f'the space is typed before the ":" and none after it, so YAML reads '
                  f'"{_clip(line[pos:].rstrip())}" as text, not as the field "{match.group(1)}"')
        return True
    match = _KEY_SIGN.match(line, pos)
    if match and ":" not in line[match.end():] and "：" not in line[match.end():] and _known_field(scan, number,
                                                                                                line, match):
        # collected; 296 — a key the records know, then a mark typed for its ":": told as text, "put "# " back".
        key, sign = match.group(1), match.group(2)
        _key_slip(scan, number, line, match, f'type ": " in place of the "{sign}"', match.start(2),
                  f'"{sign}" is typed after "{key}" where its ":" goes, so YAML reads '
                  f'"{_clip(line[pos:].rstrip())}" as text, not as the field "{key}"')
        return True
    match = nospace.match(line, pos)
    if match and match.group(1).lower() not in _URI_SCHEMES:
        _key_slip(scan, number, line, match, "add a space after the colon", match.end() - 1,
                  f'no space after ":" in "{_clip(line[pos:].rstrip())}"')
        return True
    return False


def _key_slip(scan: _Scan, number: int, line: str, match: re.Match[str], how: str, column: int,
              message: str) -> None:
    """Report, at ``column`` of the 0-based line ``number``, a key (group 1 of ``match``) typed with a slip
    between it and its value (what follows ``match``): ``message``, and the hint ``how`` to mend it with the line
    ``key: value`` to type, the value as its field needs it (`_value_meant`), read in the line's place for the
    rest of the data (`_Issue.mended`)."""
    key, value = match.group(1), line[match.end():]
    how, value = _with_value_meant(how, value, _value_meant(scan, number, line[:match.start()], key, value))
    scan.issues.append(_Issue(number, column, message, _mended(how, key, value),
                              whole=True, mended=_mended_line(line, match.start(1), key, value)))


def _value_meant(scan: _Scan, number: int, before: str, key: str, typed: str) -> tuple[str, str] | None:
    """How to mend the value ``typed`` after the key of field ``key`` on the 0-based line ``number`` (``before``:
    what is typed before the key, its indent and "- "), and the value to type then, its comment kept after it,
    when its field needs it typed otherwise (`load_yaml`'s ``values``); None when it does not, or the records
    cannot say. A hint that gives the line whole for a slip of its key gives this value, so that following it
    gives no second error on the line (``标签：大调研，补短板`` → ``tags: [大调研, 补短板]``)."""
    if scan.values is None:
        return None
    path = _mapping_path(scan.lines, number, f"{before}{key}: {typed}")
    bare, note = _split_comment(typed)
    found = None if path is None or not bare.strip(_GAP) else scan.values((*path, key), bare.strip(_GAP))
    return None if found is None else (found[0], _with_comment(found[1], note))


def _with_value_meant(how: str, typed: str, meant: tuple[str, str] | None) -> tuple[str, str]:
    """``how`` to mend a line and the value ``typed`` on it, with the mending of the value (`_value_meant`) when
    there is one: ``("add a space after the colon, and write the tags separated by English commas", "[a, b]")``."""
    return (how, typed) if meant is None else (f"{how}, and {meant[0]}", meant[1])


_FULL_WIDTH_LINE = compile_later(rf"((?:[-－][ \u3000]+)?)([A-Za-z_{_WIDE_LETTERS}]"
                              rf"[A-Za-z0-9_\-{_WIDE_LETTERS}\uff10-\uff19\uff0d]*)([ \t\u3000]*)([：:])(.*)")
"""A key typed with the input method in full-width mode (全角), with or without its list item's dash: ``ｓｅｒｉｅｓ：
ｆａｎｇｔａｎ``, ``－　ｇｒｏｕｐ：　ｒｅｓｉｄｅｎｔｓ``, or an English key whose colon and value are (``series：ｆａｎｇｔａｎ``)."""
_FULL_WIDTH_FORMS = compile_later("[\uff01-\uff5e\u3000]+")


def _full_width_line(scan: _Scan, number: int, line: str, pos: int) -> _Issue | None:
    """The issue of the 0-based line ``number`` (text ``line``, indented up to ``pos``) when it is a field typed with
    the input method in full-width mode (全角): its key in full-width letters (``ｓｅｒｉｅｓ：　ｆａｎｇｔａｎ``,
    ``ｓｅｒｉｅｓ: ｆａｎｇｔａｎ``), or a full-width colon and a value all in full-width letters and signs
    (``series：ｆａｎｇｔａｎ``); None for any other line.

    Such a line was told to be text, and to put "# " before it, which took the field out (then "the field series
    is missing"); and a colon mended alone left the value in full width, another round. The hint gives the line in
    half width (半角): the key, the list item's "- " and a value typed all in full-width forms turned (NFKC); a value
    of Chinese text is kept as typed, as its full-width signs (，：) are part of it, unless its field needs it
    typed otherwise (`_value_meant`: ``ｔａｇｓ：大调研，补短板`` → ``tags: [大调研, 补短板]``). ``scan`` is the line
    scan's state.
    """
    match = _FULL_WIDTH_LINE.match(line, pos)
    if match is None:
        return None
    dash, typed_key, gap, colon, rest = match.groups()
    key = unicodedata.normalize("NFKC", typed_key)
    value = rest.lstrip(_GAP)
    bare, note = _split_comment(value)
    wide_value = bool(bare.strip(_GAP)) and _FULL_WIDTH_FORMS.fullmatch(bare.strip(" \t")) is not None
    if (key == typed_key and not (colon == "：" and wide_value)) or not re.fullmatch(_ASCII_KEY, key):
        return None
    if colon == ":" and gap == "" and rest[:1] not in ("", " ", "\t", "\u3000"):
        return None  # ｕｒｌ:ｈｔｔｐ…: no key to YAML either way, and told as a key without its space elsewhere
    if wide_value:
        value = _with_comment(unicodedata.normalize("NFKC", bare).strip(" "), note)
    how, lead = "switch the input method to half width (半角) and type the line as", "- " if dash else ""
    meant = _value_meant(scan, number, line[:pos] + lead, key, value) if value.strip(_GAP) else None
    if meant is not None:
        how, value = f"switch the input method to half width (半角), {meant[0]}, and type the line as", meant[1]
    return _Issue(number, pos, f'this line is typed in full width (全角), so YAML does not read it as the field "{key}"',
                  _mended(how, lead + key, value) if value.strip(_GAP) else paste_hint(how, f"{lead}{key}:"))


_READS_AS_NOTE = compile_later(r"\S{6}|\s\S|[。，、；！？（）]")
"""Words before a colon that only a note holds: six characters or more in a row, a space inside, sentence
punctuation. A field's name, Chinese label included (问题, 栏目介绍, 标题), is shorter: told as such, it is
told to take an English colon, never to become a note again, which would take a field out."""
NOTE_MESSAGE = 'this line is a note (说明), not a field: "{key}" is no field that can be typed here'
"""The message of a note typed without its ``# `` (``{key}``: the words read as a key), here and in `sitegen.validation`."""
NOTE_HINT = 'put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明)'
"""The hint that goes with `NOTE_MESSAGE`, before the line to type."""


def _note_uncommented(number: int, line: str, match: re.Match[str], field: str | None) -> _Issue | None:
    """The issue of a line of text whose words before a full-width colon name no field: a note (说明) typed without
    its ``# `` (``以后每次新数据：sitegen new tally …``, a line of ``sitegen new`` uncommented with the example below it).

    Takes the line's 0-based number and text, the match of `_key_typing`'s
    first pattern and the field its words name (`_field_named`). Told to
    type an English colon, the editor got "unknown field" next. None when
    the words may be a field: they name one (or a slip of one) there, the
    records cannot say, or they are short enough to be a field's label
    (`_READS_AS_NOTE`), whatever follows: a field's value may well end a
    sentence (成效：…品牌。), and told it is a note, the editor would comment
    it out. The full-width colon is then told as such (`_odd_colon`).
    """
    if field is not None or match.group()[-1] != "：" or not _READS_AS_NOTE.search(match.group(1)):
        return None
    typed = line.strip()
    return _Issue(number, match.start(1), NOTE_MESSAGE.format(key=_clip(match.group(1), 20))
                  + ", and the text after its full-width colon (：) is no value", paste_hint(NOTE_HINT, f"# {typed}", ""))


def _inside_text(scan: _Scan, number: int, line: str, match: re.Match[str]) -> bool:
    """Whether the 0-based line ``number``, read as a key by `_key_typing`'s first ``match``, stands below a field
    that holds text, not a group of fields (``outcome:``, then ``  已完成：``), or below an item of a list of texts
    (``actions:``, ``  -``, then ``    召开座谈会：``): no key can be typed there, so the line is the text's own, and
    its full-width colon ends a sentence. False when the records cannot say."""
    if scan.groups is None:
        return False
    path = _mapping_path(scan.lines, number, f"{line[:match.start()]}{match.group(1)}: {line[match.end():]}")
    if path is None:
        path = _below_bare_dash(scan.lines, number)
    if not path or scan.groups(path) is not None:
        return False
    field = path[:-1] if isinstance(path[-1], int) else path  # "actions:", "  -", then "    召开座谈会：": an item
    if not field or not isinstance(field[-1], str):
        return False
    fields = scan.groups(field[:-1])
    return fields is not None and field[-1] in fields


def _below_bare_dash(lines: _Lines, number: int) -> KeyPath | None:
    """The path of the item whose "-" stands alone on a line above the 0-based line ``number``, under a key of the
    file's own (``actions:``, ``  -``, then the item's text further in): ``("actions", index)``; None otherwise."""
    def typed(at: int) -> bool:
        return bool(lines.line(at).strip()) and not lines.line(at).lstrip(" ").startswith("#")

    indent, above = _indent(lines.line(number)), number - 1
    while above >= 0 and (not typed(above) or _indent(lines.line(above)) >= indent):
        above -= 1
    if above < 0 or lines.line(above).strip() != "-":
        return None
    dash, index, key_at = _indent(lines.line(above)), 0, above - 1
    while key_at >= 0 and (not typed(key_at) or _indent(lines.line(key_at)) >= dash):
        text = lines.line(key_at)
        if typed(key_at) and _indent(text) == dash and _is_item(text):
            index += 1  # an item of the same list above this one
        key_at -= 1
    if key_at < 0 or _indent(lines.line(key_at)) != 0 or _is_item(lines.line(key_at)):
        return None
    key = _bare_key(lines.line(key_at))
    return None if key is None else (key, index)


_KEY_SIGN = compile_later(rf"({_ASCII_KEY})[ \t]*([;；=.。,，])[ \t{WIDE_SPACES}]*(?=[^ \t{WIDE_SPACES}])")
"""A key then a mark typed where its ":" goes (``collected; 296``, ``collected= 296``, ``collected. 296``): with
the records' field of that name where the line stands (`_known_field`), a slip of the colon."""


def _known_field(scan: _Scan, number: int, line: str, match: re.Match[str]) -> bool:
    """Whether the key of ``match`` (its group 1) on the 0-based line ``number`` is the name of a field the records
    know where the line stands: False when the records cannot tell (no ``names``, or no record there), so that a
    line of text (``Note. 见附件``) is not taken for a field."""
    key = match.group(1)
    if scan.names is None or scan.groups is None:
        return False
    path = _mapping_path(scan.lines, number, f"{line[:match.start()]}{key}: {line[match.end():].lstrip(_GAP)}")
    return path is not None and scan.groups(path) is not None and scan.names(path, key) == key


def _field_named(scan: _Scan, number: int, line: str, match: re.Match[str]) -> str | None:
    """The field the key of `_key_typing`'s first ``match`` on the 0-based line ``number`` names (`FieldNamer`):
    the key itself when it is the field's own name or the records cannot tell (no ``names``, or no record where
    the line stands), the field meant when it is another word for one or a slip of one (``title`` for ``标题``),
    None when it names none."""
    key = match.group(1)
    if scan.names is None or scan.groups is None:
        return key
    path = _mapping_path(scan.lines, number, f"{line[:match.start()]}{key}: {line[match.end():].lstrip(_GAP)}")
    if path is None or scan.groups(path) is None:
        return key
    return scan.names(path, key)


def _odd_colon(number: int, line: str, match: re.Match[str], meant: str | None = None,
               value_meant: tuple[str, str] | None = None) -> _Issue:
    """The issue of a key typed with a full-width colon (``title：``) or an odd space before its colon (``title　:``).

    Takes the line's 0-based number and text, the match of `_key_typing`'s
    first pattern, and the field the key stands for when it is another word
    for it (``title`` for ``标题``, `_field_named`): the hint then types that
    name, so that following it gives no second error; and ``value_meant``,
    the value as its field needs it typed (`_value_meant`), for the same
    reason. The issue stands at the first odd character: the space (全角空格)
    if one is typed, else the colon.
    """
    key, gap, value = match.group(1), match.group(2), line[match.end():].lstrip(_GAP)
    extra, value = _with_value_meant("", value, value_meant)
    odd = next((index for index, char in enumerate(gap) if char in WIDE_SPACES), None)
    wide_colon = match.group()[-1] == "："
    if odd is None and meant is not None:
        return _Issue(number, match.end() - 1, f'"{key}：" uses a full-width colon (全角冒号 ：), and the field '
                      f'"{_clip(key, 20)}" stands for is "{meant}"',
                      _mended(f'type "{meant}" and an English colon followed by a space{extra}', meant, value),
                      whole=True, mended=_mended_line(line, match.start(1), meant, value))
    if odd is None:
        return _Issue(number, match.end() - 1, f'"{key}：" uses a full-width colon (全角冒号 ：)',
                      _mended(f"type an English colon followed by a space{extra}", key, value),
                      whole=True, mended=_mended_line(line, match.start(1), key, value))
    space = space_name(gap[odd])
    if wide_colon:
        message = f'"{_clip(key, 20)}" is followed by {space} and a full-width colon (全角冒号 ：)'
        how = "delete the space and type an English colon followed by a space"
    else:
        message = (f'{space} is typed between "{_clip(key, 20)}" and its ":"; YAML reads it as part of the key, '
                   f'so there is no "{_clip(key, 20)}"')
        how = "delete the space before the colon"
    return _Issue(number, match.start(2) + odd, message, _mended(how + extra, key, value),
                  whole=True, mended=_mended_line(line, match.start(1), key, value))


def _mended_line(line: str, start: int, key: str, typed: str) -> str:
    """``line`` with what is typed from ``start`` (its key) written as the hint of `_mended` writes it: ``key:
    value``, the value as it must be typed to be read as typed."""
    return line[:start] + f"{key}: {_value_as_typed(typed)[0]}".rstrip(" ")


def _mended(how: str, key: str, typed: str) -> str:
    """A hint: ``how`` to mend the line, then the line ``key: value``, from the key and the text typed after it.

    When the value needs quotes to be read as typed (`_value_as_typed`),
    the hint says so before the line, whose comment stays after them.
    """
    value, why = _value_as_typed(typed)
    if not why:
        return paste_hint(how, f"{key}: {value}")
    bare, note = _split_comment(typed)
    return paste_hint(f"{how}, and put the value in quotes, as {why}", f"{key}: {value}",
                      f": {_quote_steps(value[0], bare, note)}")


def _key_colon(line: str, pos: int) -> int | None:
    """Return the index of the ``:`` ending a simple key that starts at ``pos``, or None."""
    if pos >= len(line):
        return None
    first = line[pos]
    if first in "\"'":
        end = _quote_end(line, pos + 1, first)
        if end is None:
            return None
        after = end + 1 + len(line[end + 1:]) - len(line[end + 1:].lstrip(" "))
        return after if _KEY_COLON.match(line, after) else None
    if first in "[]{}|>!&*#%@`,?":
        return None
    match = _KEY_COLON.search(line, pos)
    if match is None or re.search(r"[ \t]#", line[pos:match.start()]):
        return None
    return match.start()


def _scan_gap(scan: _Scan, number: int, line: str, colon: int) -> int:
    """Read the gap after ``key:``: TABs become spaces, full-width spaces are errors.

    Returns the index where the value starts.
    """
    pos = colon + 1
    while pos < len(line) and line[pos] in _GAP:
        if line[pos] == "\t":
            scan.replacements.append(scan.lines.starts[number] + pos)
        elif line[pos] in WIDE_SPACES:
            key = line[:colon + 1].lstrip(" -")
            value = line[pos:].lstrip(_GAP)
            bare = _split_comment(value)[0].strip(_GAP)
            how, value = _with_value_meant("replace it with an ordinary space", value, _value_meant(
                scan, number, line[:colon + 1 - len(key)], key[:-1], value))
            scan.issues.append(_Issue(number, pos, f'{space_name(line[pos])} follows "{_clip(key)}"',
                                      _mended(how, key[:-1], value) if bare else
                                      f'nothing but this space is typed after "{_clip(key)}": delete it, then '
                                      f'type the value after "{_clip(key)} " (the colon and an ordinary space)'))
            break
        pos += 1
    return pos


def _scan_value(scan: _Scan, number: int, line: str, pos: int, owner: int, lead: str) -> None:
    """Classify the value starting at ``pos``: block scalar, quoted, flow or plain.

    ``owner`` is the column of its key or list marker (-1 at the root), ``lead``
    the text typed before the value on this line (``title: `` or ``- ``).
    """
    char = line[pos] if pos < len(line) else ""
    if char == "#":
        _check_comment_value(scan, number, line, pos, lead, owner)
    if char in ("", "#"):
        if owner >= 0 and not _HASH_TEXT.match(line, pos):
            _check_hash_below(scan, number, owner, lead)
        return
    if char in "|>" and _BLOCK_HEADER.match(line, pos):
        scan.mode, scan.block_indent, scan.block_head = "block", owner, number
        scan.block_notes = []
    elif char in "\"'":
        end = _quote_end(line, pos + 1, char)
        key = _key_above(scan.lines, number, pos) if owner < 0 and not lead else owner
        if end is None:
            if not _check_mismatched_quotes(scan, number, line, pos, owner, lead):
                scan.mode, scan.opener = char, scan.lines.starts[number] + pos
                scan.quoted = number, pos, key, lead
            return
        if char == '"':
            _check_escapes(scan, number, line, pos, end, lead)
        _check_hash_after_quoted(scan, number, pos, key, lead)
    elif char in "[{":
        scan.flow_depth, scan.flow_quote = 0, ""
        _scan_flow(scan, number, line, pos)
    else:
        if owner < 0 and not lead:
            owner = _key_above(scan.lines, number, pos)
        # An item's text follows its "- " ("---title: …" is a key typed after dashes, no item: `_QUICK_SWALLOWED`).
        scan.plain_owner, scan.plain_item = owner, (number if _LIST_ITEM_LEAD.match(lead) else -1)
        # A text typed on the line below its key has no key on its line: its lines are those as far in as its first.
        scan.plain_text = number, pos, owner if owner >= 0 else _indent(line) - 1, lead
        if not _check_mismatched_quotes(scan, number, line, pos, owner, lead) and not _check_joined_fields(
                scan, number, line):
            _check_comment(scan, number, line, pos, lead)


def _key_above(lines: _Lines, number: int, pos: int) -> int:
    """The column of the key (or lone "-") a text typed on the 0-based line ``number``, at column ``pos``, is the
    value of: the nearest line above holding YAML, when it holds a key alone (``summary:``) or a lone "-" less far
    in than the text. -1 for any other text (the whole file's value, or a line the parser will refuse).

    The text's lines go on while they stand further in than that key (YAML 1.2 §7.3.3); with no column, every
    line below was taken for one of them, and a slip there (``title：…``) went unscanned.
    """
    above = _yaml_line(lines, number, -1)
    typed = lines.line(above) if above >= 0 else ""
    if typed.strip() == "-":
        column = _indent(typed)
    elif _bare_key(typed) is not None:
        column = _typed_value(typed)[0]
    else:
        return -1
    return column if column < pos else -1


_LIST_ITEM_LEAD = compile_later(r" *-(?:[ \t]|$)")
"""What is typed before the text of a list's item on its line: its "-" and a space (``- ``, ``  - - ``)."""


def _check_items_swallowed(scan: _Scan, number: int, pos: int) -> None:
    """Report list items that YAML reads as more of the text of the item above them, once per item.

    ``actions:`` / ``- 走访…`` / ``  - 研究…``: the first item lost its indent, or the others were typed
    further in, and the page would show one item, "走访… - 研究…". Takes the scan, the 0-based ``number``
    of the first such line and its indent ``pos``. When the item above is the only one of its list at
    its indent, it is told to go in as far as the ones below; else the ones typed further in (this
    line and those like it below) are told to come out to it.
    """
    lines, item = scan.lines, scan.plain_item
    scan.plain_item = -1
    if _gap(lines.line(item)).strip(" "):
        return  # indented with a TAB or odd spaces: told so, with the spaces that line it up (`_check_indent`)
    dash, spaces = _indent(lines.line(item)), pos - _indent(lines.line(item))
    further, _last, _inner = _items_typed_out(lines, number, pos, None)
    after = _yaml_line(lines, further[-1], 1)
    before = _yaml_line(lines, item, -1)
    if not any(n >= 0 and _indent(lines.line(n)) == dash and _is_item(lines.line(n)) for n in (before, after)):
        shown = _clip(_split_comment(lines.line(number).strip())[0], 20)
        scan.issues.append(_Issue(item, dash, f'this list item lost its indent (缩进): the items below it ("{shown}") '
                                              "are indented further, so YAML reads them as more of its text, and the "
                                              "page would show them as one item",
                                  f'indent it by {_spaces_more(spaces, dash)}, lined up with "{shown}" below it'))
        return
    shown = _clip(_split_comment(lines.line(item).strip())[0], 20)
    count = f"{spaces} space{'s' if spaces > 1 else ''}"
    which = ("the start of the line" if len(further) == 1
             else f"the start of this line and of the {len(further) - 1} item{'s' if len(further) > 2 else ''} "
                  "below it indented as far")
    scan.issues.append(_Issue(number, pos, f'this list item is indented further than "{shown}" above it, so YAML reads '
                                           "it as more of that item's text, and the page would show them as one item",
                              f'remove {count} at {which}, lined up with "{shown}"'))


_CHINESE_PAIR = {'"': ("“", "”"), "'": ("‘", "’"), "“": ("“", "”"), "‘": ("‘", "’")}
"""The Chinese quotes an input method types for a quote: for " (or “) “ and ”, for ' (or ‘) ‘ and ’."""


def _mismatched_quotes(value: str) -> bool:
    """True for a value typed between a quote and a Chinese quote: ``"白鹤镇”``, ``"白鹤镇“``, ``“白鹤镇"``, ``'白鹤镇’``.

    Takes the value as typed (its comment split off). An ASCII quote
    opening it is unclosed on its line and the value ends with the Chinese
    closing quote, or with its only ASCII quote of the other kind
    (``'…份。"``); or a Chinese quote opens it and it ends with its only
    ASCII quote (``“大调研”微访谈"共建"`` holds a pair: text, not a slip).
    A Chinese quote at the end that closes a pair opened in the value
    (``"把“问题清单”变成“幸福清单”``: as many “ as ”) is the text's own.
    """
    if len(value) < 2:
        return False
    if value[0] in "\"'":  # closed with ” or with “ (an input method gives “ and ” by turns, and may start with ”)
        if _quote_end(value, 1, value[0]) is not None:
            return False
        if value[-1] in "\"'":
            return value[-1] != value[0] and value.count(value[-1]) == 1
        opens, closes = _CHINESE_PAIR[value[0]]
        return value[-1] in (opens, closes) and not 0 < value.count(opens) == value.count(closes)
    return value[0] in "“‘" and value[-1] in "\"'" and value.count(value[-1]) == 1


def _check_mismatched_quotes(scan: _Scan, number: int, line: str, pos: int, owner: int, lead: str) -> bool:
    """Report a value typed between a quote and a Chinese quote (`_mismatched_quotes`); True when one was.

    ``title: "白鹤镇：建设新白鹤”``: the quote is never closed, and the
    hint that adds a closing one kept the ” on the page;
    ``title: “白鹤镇：建设新白鹤"`` was read as text and published with
    both. The hint gives the value between two ASCII quotes, exactly the
    text typed between them, or between Chinese quotes, which then show.
    A quote opened here and closed on an indented line below may be a
    value over several lines, and is left to the parser.
    """
    value, note = _split_comment(line[pos:])
    if not _mismatched_quotes(value):
        return False
    lines = scan.lines.lines
    below = next((lines[n] for n in range(number + 1, len(lines)) if lines[n].strip()), "")
    if value[0] in "\"'" and _indent(below) > owner and any(
            _quote_end(lines[n], 0, value[0]) is not None for n in range(number + 1, len(lines))):
        return False
    opener, closer = _CHINESE_PAIR[value[0]]
    chinese = value[0] if value[0] in "“‘" else value[-1]
    inner = value[1:-1]
    kept, shown = _quote(inner), _value_as_typed(opener + inner + closer)[0]
    column = pos + len(value) - 1 if chinese == value[-1] else pos
    where = (f"opens with {value[0]} and ends with {value[-1]}, a quote of the other kind, which YAML does not read "
             f"as its closing quote, so the {value[0]} is never closed" if chinese in "\"'" else
             f'opens with {value[0]} and ends with the Chinese quote {chinese}, which YAML does not read as its '
             f"closing quote, so the {value[0]} is never closed" if chinese == value[-1] else
             f"opens with the Chinese quote {chinese} and ends with {value[-1]}: YAML reads neither as a quote, so "
             f"the page would show both")
    ascii_fix = paste_hint(f"type {kept[0]} at both ends", _with_comment(lead + kept, note),
                           f": {_quote_steps(kept[0], inner, note)}, in place of the quotes typed")
    chinese_fix = paste_hint("or, for quotes that show on the page, type Chinese quotes at both ends",
                             _with_comment(lead + shown, note), f": {opener} before the value and {closer} after it")
    if re.match(r"https?://", inner, re.IGNORECASE):  # quotes never show around a web address: only one fix
        return _told(scan, _Issue(number, column, f"the value {where}", ascii_fix))
    return _told(scan, _Issue(number, column, f"the value {where}", f"{ascii_fix} ({chinese_fix})"))


def _told(scan: _Scan, issue: _Issue) -> bool:
    """Add ``issue`` to the scan's issues; True, for a check that reports it."""
    scan.issues.append(issue)
    return True


def _check_comment(scan: _Scan, number: int, line: str, pos: int, lead: str) -> None:
    """Report an error when `` #`` cuts a plain value short (YAML reads the rest as a comment).

    Only a ``#`` glued to the text after it (``第三期 #3``, ``#大调研#``) is
    suspicious; a comment written the usual way (``# note``, with a space)
    is not, and what follows it is not looked at. It is an error: the page
    would publish the value cut (西江镇经发办 for ``西江镇经发办 #2 走进企业``;
    as a warning, it was), inside a bracket too (``（见 #2 号文件）``), and
    a comment meant so takes a space after its "#". The message says what the page
    shows; the hint's quoted value is what the editor meant, with the
    line's comment (``   # 标题 title``) kept after the closing quote. A
    text going on over the lines below is told with them (`_check_text_cut`).
    """
    typed, note = _split_comment(line[pos:])
    if _check_wide_comment(scan, number, pos, typed, note, lead):
        return
    comment = re.search(r"[ \t]#", typed)
    if comment is None:
        return
    cut = pos + comment.start()
    kept = line[pos:cut].rstrip()
    if _ID_BEFORE_NOTE.match(kept) and _NOTE_IN_CHINESE.match(typed, comment.end()):
        return  # ``unit: baihe #白鹤镇``: an id never holds a #, so the Chinese after it is a note
    if _check_text_cut(scan, number, cut + 1):
        return  # the text goes on below: its lines are told with it
    scan.issues.append(_Issue(
        number, cut + 1, f'" #" (a space, then #) starts a comment in YAML, so the value is only "{_clip(kept)}": '
                         f"the page shows {_clip(kept, 40)}, not {_clip(typed, 40)}",
        paste_hint("if the # belongs to the value, wrap the whole value in quotes",
                   _with_comment(lead + _quote(typed), note), f": {_quote_steps(_quote(typed)[0], typed, note)}"),
        whole=True, mended=line[:pos] + _with_comment(_quote(typed), note)))  # the rest read, as in `_Issue`


_HASH_TEXT = compile_later(rf"#(?![ \t#-]|$|{_ASCII_KEY}:(?:[ \t]|$))")
"""A line starting with "#" glued to text (``#3号楼、#5号楼``), which in the lines of a text is text the editor
meant, not a note: a note is written ``# 说明`` (a space after the "#"), and a field or list item commented out
(``#note: …``, ``#- 大调研``) is no text either."""
_QUOTED_SHOWN = 16
"""Most characters of a text's first or last line a hint shows to say where a quote goes (`_text_quotes_hint`)."""


def _check_text_cut(scan: _Scan, number: int, cut: int) -> bool:
    """Report a "#" that cuts a plain text typed over several lines (YAML reads it as starting a comment); True
    when one was reported.

    Takes the scan, the 0-based ``number`` of a line of the text being
    scanned (`_Scan.plain_text`) and the column of the "#": glued to text
    after a space (``重点解决 #3号楼``), or starting a line of the text
    (``#3号楼、#5号楼``, `_HASH_TEXT`), which YAML drops silently, as it is
    the text's last line, or else refuses the lines after it with words
    about indentation. The line is text the editor meant when it is further
    in than the text's key, between the text's lines; a note typed there
    (``# 说明``) is not looked at. Told once per text, at its first cut, as
    an error (the page would publish the text cut, as `_check_comment`
    tells). The hint
    says where to type quotes around the whole text (`_text_quotes_hint`),
    as they keep the "#": YAML reads no comment inside quotes. False, and
    nothing told, for a line that is no line of the text, or a text of one
    line (`_check_comment` tells it).
    """
    if number <= scan.told_through:
        return True  # told with the "#" lines above the text (`_hash_before_text`)
    if scan.plain_text is None:
        return False
    first, start, owner, lead = scan.plain_text
    lines = scan.lines
    last = _text_end(lines, first, start, owner)
    if number > last:
        scan.plain_text = None  # that text ended above this line
        return not lines.line(number)[:cut].strip(_GAP) and _check_hash_after_comment(
            scan, number, (first, start, owner, lead), last)
    if last == first:
        return False
    if not _split_comment(lines.line(last).lstrip(_GAP))[1] and _text_goes_on(lines, last, owner):
        return True  # it goes on past a note: told at the note, the whole text at once (`_check_comment_in_text`)
    scan.plain_text = None
    typed = [lines.line(first)[start:]] + [lines.line(n).strip(_GAP) for n in range(first + 1, last + 1)]
    typed[-1], note = _split_comment(typed[-1])
    at = number - first
    here = lines.line(number)
    kept = typed[:at] + [here[start if at == 0 else 0:cut].strip(_GAP)]
    kept_text, meant = _folds(kept)[1].rstrip(), _folds(typed)[1]
    what = ('"#" at the start of a line of the text' if not here[:cut].strip(_GAP)
            else '" #" (a space, then #)')
    if number == last:
        why = f": the page shows {_clip(kept_text, 40)}, not {_clip(meant, 40)}"
    else:
        why = ", and YAML cannot read the lines of the text below it"
    scan.issues.append(_Issue(number, cut, f'{what} starts a comment in YAML, so the value is only '
                                           f'"{_clip(kept_text)}"{why}',
                              _text_quotes_hint(scan, first, typed, note)))
    return True


def _check_hash_after_comment(scan: _Scan, number: int, text_at: tuple[int, int, int, str], last: int) -> bool:
    """Report lines starting with "#" glued to text (`_HASH_TEXT`), the first on the 0-based line ``number``, typed
    after a plain text whose last line ``last`` ends in a comment (``note: 加装电梯   # 说明``) or is followed by
    a note (``  # 说明``): YAML ends the text there and reads the lines as comments, so their text was lost,
    untold. True when told.

    Takes the scan and where the text is (as `_Scan.plain_text` held it). An error,
    as when no comment stands before them (`_check_text_cut`); the hint
    wraps the text and the "#" lines in quotes, and moves the comments,
    which the quotes would publish, above the text's key. Nothing is told
    when a line further in than the key follows them (the parser refuses
    it: `_check_comment_in_text`), nor for a "#" line, other than the
    last, ending in a comment of its own.
    """
    first, start, owner, lead = text_at
    lines = scan.lines
    hashed, notes, after = _hash_lines(lines, last + 1, owner)
    if not hashed or hashed[0] != number or (after >= 0 and _indent(lines.line(after)) > owner):
        return False
    notes = [n for n in range(last + 1, hashed[-1]) if n not in hashed and lines.line(n).strip(_GAP)]
    text = [lines.line(first)[start:]] + [lines.line(n).strip(_GAP) for n in range(first + 1, last + 1)]
    text[-1], comment = _split_comment(text[-1])
    typed = text + _typed_lines(lines, last + 1, hashed[-1], notes)
    typed[-1], note = _split_comment(typed[-1])
    if any(_split_comment(line)[1] for line in typed):
        return False
    shown, meant = _folds(text)[1].rstrip(), _folds(typed)[1]
    head = first if lead else _yaml_line(lines, first, -1)
    ending = _notes_moved(scan, notes, head, [(last, comment)] if comment else [])
    scan.issues.append(_Issue(
        number, _indent(lines.line(number)),
        f'"#" at the start of a line starts a comment in YAML, so the value is only "{_clip(shown)}": the page '
        f"shows {_clip(shown, 40)}, not {_clip(meant, 40)}",
        _text_quotes_hint(scan, first, typed, note, last=hashed[-1]) + ending))
    return True


def _comments_taken_out(typed: list[str], first: int, notes: list[int]) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines ``typed`` of a text from the 0-based line ``first`` on (each stripped, the last without its
    comment) as they go in quotes: the comment lines ``notes`` left out, and the comments that end lines cut off.
    Returns (those lines, each comment cut off with its line), for `_notes_moved`."""
    out: list[str] = []
    tails: list[tuple[int, str]] = []
    for at, line in enumerate(typed):
        if first + at in notes:
            continue
        line, tail = _split_comment(line)
        out.append(line)
        if tail:
            tails.append((first + at, tail))
    return out, tails


def _text_goes_on(lines: _Lines, last: int, owner: int) -> bool:
    """True when a plain text, its key at column ``owner``, ended by a note (``# 编者：待核实``) typed on a line of
    its own below its 0-based line ``last``, goes on below the note, as the editor typed it: the line YAML reads
    next, further in than the key, is more of the text, no field, item or other kind of value
    (`_check_comment_in_text` tells it)."""
    after = _yaml_line(lines, last, 1)
    if after < 0:
        return False
    text = lines.line(after)
    return _indent(text) > owner and _typed_value(text)[1] is None and not _is_item(text) \
        and text.lstrip(_GAP)[0] not in "|>\"'[{&*!%@`#"


def _check_comment_in_text(scan: _Scan, number: int, pos: int) -> None:
    """Report a comment line (``# 编者：待核实``) typed between the lines of a plain text, at its "#".

    Takes the scan, the 0-based ``number`` of the comment line and its
    column ``pos``. YAML ends a plain text at a comment line (a text's
    lines hold no comment, YAML 1.2 §7.3.3), so the value is the lines
    above it, and the next line, further in than the text's key, is a
    text that belongs to nothing: the parser refuses it, and that was
    told as "this line is not lined up", though it is. An error, told at
    the first comment line before that line; the hint moves the comment
    above the text's first line (`_Scan.first_line` gives file lines), or
    quotes the whole text, comment included (`_text_quotes_hint`).
    Nothing is told when the text ends at the comment (a line less far
    in, a field, a list item or the end comes next), nor for a second
    comment line right below the first. Lines among the comment lines
    that are text (``#3号楼``, `_HASH_TEXT`) stay in the text: moved with
    the comments, they were lost; kept where they are, they cut it, so the
    hint that keeps the comments out of the text quotes it too.
    """
    lines, owner = scan.lines, scan.plain_owner
    if scan.plain_text is None or owner is None or scan.plain_text[0] >= number or number <= scan.told_through:
        return
    above = lines.line(next(n for n in range(number - 1, -1, -1) if lines.line(n).strip(_GAP)))
    after = _yaml_line(lines, number, 1)
    text = lines.line(after)
    if above.lstrip(_GAP).startswith("#") and (_indent(above) <= owner or not _HASH_TEXT.match(above.lstrip(_GAP))) \
            or not _text_goes_on(lines, number - 1, owner):
        return
    first, start, _owner, lead = scan.plain_text
    scan.plain_text = None
    last = _text_end(lines, first, start, owner)
    kept = [lines.line(first)[start:]] + [lines.line(n).strip(_GAP) for n in range(first + 1, last + 1)]
    end = _text_end(lines, after, _indent(text), owner)
    typed = kept + [lines.line(n).strip(_GAP) for n in range(last + 1, end + 1)]
    typed[-1], note = _split_comment(typed[-1])
    head = first if lead else _yaml_line(lines, first, -1)  # a text typed below its key: the key's line
    named = _key_named(lines, head)
    comments = [n for n in range(number, after) if lines.line(n).strip(_GAP)]
    notes = [n for n in comments if _indent(lines.line(n)) <= owner or not _HASH_TEXT.match(lines.line(n).lstrip(_GAP))]
    which = ("this line" if len(comments) == 1 else "this line and the comment line below it" if len(comments) == 2
             else f"this line and the {len(comments) - 1} comment lines below it")
    shown = _kept_before_cut(kept)
    out, tails = _comments_taken_out(typed, first, notes)
    if notes == comments and not tails and _kept_before_cut(out) == out:
        hint = f'to keep the comment out of the text, move {which} above "{named}" (line {head + scan.first_line})'
    else:  # "#" lines among them, or a "#" cutting the text: moving the notes leaves it cut, quotes keep it whole
        hint = _text_quotes_hint(scan, first, out, note, last=end,
                                 how="to keep the comment out of the text, wrap the whole text in quotes") \
            + _notes_moved(scan, notes, head, tails)
    scan.issues.append(_Issue(
        number, pos, "this comment (注释) stands between the lines of a text, and YAML ends a text at a comment: the "
                     f'value is only "{_clip(_folds(shown)[1].rstrip())}", and YAML cannot read the text\'s next line, '
                     f'"{_clip(text.strip(), 30)}"',
        f"{hint}; "
        + _text_quotes_hint(scan, first, typed, note, how="to make it part of the text, wrap the whole text in quotes")))


def _text_end(lines: _Lines, first: int, start: int, owner: int) -> int:
    """The 0-based last line of a plain text that starts on line ``first`` at column ``start``, its key at column
    ``owner``: the lines below further in than the key (blank lines between them), ``#3号楼`` lines among them
    (`_HASH_TEXT`), up to a note (``# 说明``), a line less far in, or a line ending in a comment (`_split_comment`),
    where YAML ends the text."""
    last = first
    if _split_comment(lines.line(first)[start:])[1]:
        return last
    for number in range(first + 1, len(lines.lines)):
        line = lines.line(number)
        rest = line.lstrip(_GAP)
        if not rest:
            continue
        if len(line) - len(rest) <= owner or (rest.startswith("#") and not _HASH_TEXT.match(rest)):
            break
        last = number
        if _split_comment(rest)[1]:
            break
    return last


def _text_quotes_hint(scan: _Scan, first: int, typed: list[str], note: str,
                      how: str = "if the # belongs to the value, wrap the whole value in quotes",
                      last: int | None = None) -> str:
    """The hint for a text over several lines cut by a "#" (`_check_text_cut`): where the two quotes go that wrap
    the whole text, named by the text they go before and after and its file lines (`_Scan.first_line`).

    Takes the scan, the text's first line (0-based), its lines as typed
    (each stripped, the last without its comment, blank lines "") and the
    last line's comment, which stays after the closing quote. The quotes
    are double ones unless the text holds a double quote or a backslash
    (`_quote`); each ' inside single ones is typed twice. ``how`` opens
    the hint. The lines stay as typed, so the hint gives no lines to type:
    given in quotes, they held the text's own quotes inside them. ``last``
    is the 0-based line of the closing quote when comment lines left out
    of ``typed`` stand among the lines (by default the text's lines run on).
    """
    mark = "'" if any('"' in text or "\\" in text for text in typed) else '"'
    opening, closing = _quoted_start(typed[0]), _quoted_end(typed[-1])
    end = f" (before the comment {_clip(note.strip(), 20)})" if note else ""
    twice = ", and type each ' inside the value twice" if mark == "'" and any("'" in text for text in typed) else ""
    return (f"{how}: type {mark} before {opening} on line {first + scan.first_line}, and another {mark} after "
            f"{closing} on line {(first + len(typed) - 1 if last is None else last) + scan.first_line}{end}{twice}")


def _check_hash_below(scan: _Scan, number: int, owner: int, lead: str) -> None:
    """Report lines starting with "#" glued to text (`_HASH_TEXT`) typed right below a key with nothing after it.

    Takes the scan, the 0-based ``number`` of the key's line (or of a lone
    "-"), the key's (or the "-"'s) column ``owner`` and what is typed
    before the value on its line (``note: ``, ``- ``). YAML reads
    ``note:`` then ``  #3号楼、#5号楼已整改`` as a key with no value and a
    comment: the text is lost, and was published as an empty note,
    unwarned. With nothing else below as the value, it is an error, as
    ``note: #3号楼`` is (`_check_comment_value`): nothing of the text is
    left. With a text below them (``  #3号楼`` then ``  重点解决``, or
    ``  "重点解决"`` in quotes), YAML keeps that text alone: a warning, as
    for a "#" line after a text's first (`_check_text_cut`), told only when
    that text has no "#" cutting it (else that is told). The hint puts the
    "#" lines in quotes, with the text below when there is one; a note
    (``# 说明``) among them is told to be moved above the key, as quotes
    around it would publish it. A group of fields or a list below is not
    looked at.
    """
    lines = scan.lines
    hashed, notes, after = _hash_lines(lines, number + 1, owner)
    if not hashed:
        return
    text = lines.line(after) if after >= 0 else ""
    if after < 0 or _indent(text) <= owner:
        if after >= 0 and _is_item(text) and _indent(text) == owner and not _LIST_ITEM_LEAD.match(lead):
            return  # "tags:", "#…", then "- 大调研" as far in as the key: the items are its value
        _hash_value_lost(scan, hashed, [n for n in notes if n < hashed[-1]], lead, number)
    elif _typed_value(text)[1] is None and not _is_item(text):
        first = text.lstrip(_GAP)[0]
        if first in "\"'":
            _hash_before_quoted(scan, hashed, notes, after, number)
        elif first not in "|>[{&*!%@`":
            _hash_before_text(scan, hashed, notes, after, owner, number)


def _hash_lines(lines: _Lines, below: int, owner: int) -> tuple[list[int], list[int], int]:
    """The lines starting with "#" glued to text (`_HASH_TEXT`) from the 0-based line ``below`` on, further in than
    column ``owner``, up to the first line holding YAML.

    Returns (those lines, the other comment lines after the first of them:
    notes such as ``# 说明``, the first line holding YAML or -1 at the end).
    Blank lines and notes before the first "#" line are passed over.
    """
    hashed: list[int] = []
    notes: list[int] = []
    while below < len(lines.lines):
        typed = lines.line(below)
        rest = typed.lstrip(_GAP)
        if rest.startswith("#"):
            if len(typed) - len(rest) > owner and _HASH_TEXT.match(rest):
                hashed.append(below)
            elif hashed:
                notes.append(below)
        elif rest:
            return hashed, notes, below
        below += 1
    return hashed, notes, -1


def _key_named(lines: _Lines, head: int) -> str:
    """The key on the 0-based line ``head`` as typed up to its colon (``summary:``, ``- note:``), or the line
    (a lone "-"), clipped: how a hint names the line to move a comment above."""
    named = lines.line(head).strip(_GAP)
    colon = _typed_value(lines.line(head))[1]
    return _clip(named[:colon - _indent(lines.line(head)) + 1] if colon is not None
                 else _split_comment(named)[0], 30)


def _notes_moved(scan: _Scan, notes: list[int], head: int, tails: Sequence[tuple[int, str]] = ()) -> str:
    """The last step of a hint that wraps lines in quotes: move the comment lines ``notes`` (0-based) among them,
    and the comments ``tails`` that end lines among them (each line and comment), above the key on line
    ``head``, else the quotes would publish them; "" for none."""
    which = [f"the comment at the end of line {line + scan.first_line} ({_clip(tail.strip(), 20)})"
             for line, tail in tails]
    if len(notes) == 1:
        which.append(f"the comment on line {notes[0] + scan.first_line}")
    elif notes:
        which.append("the comments on lines " + ", ".join(str(n + scan.first_line) for n in notes[:-1])
                     + f" and {notes[-1] + scan.first_line}")
    if not which:
        return ""
    return f', then move {" and ".join(which)} above "{_key_named(scan.lines, head)}" (line {head + scan.first_line})'


def _typed_lines(lines: _Lines, first: int, last: int, notes: list[int]) -> list[str]:
    """The lines ``first`` to ``last`` (0-based) as typed, each stripped, blank ones "", the ``notes`` left out."""
    return [lines.line(n).strip(_GAP) for n in range(first, last + 1) if n not in notes]


def _hash_value_lost(scan: _Scan, hashed: list[int], notes: list[int], lead: str, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, as the whole value of the key on line
    ``head`` (`_check_hash_below`), lost."""
    lines = scan.lines
    typed = _typed_lines(lines, hashed[0], hashed[-1], notes)
    typed[-1], note = _split_comment(typed[-1])
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{_clip(key, 40)}" above has no value' if key else "the list item above is empty"
    start = _indent(lines.line(hashed[0]))
    message = (f'"#" at the start of a line starts a comment in YAML, so {where}: the text typed below it, '
               f"{_clip(_folds(typed)[1].replace(chr(10), ' '), 40)}, is dropped")
    if len(hashed) == 1:
        hint = paste_hint("put the value in quotes", _with_comment(_quote(typed[0]), note),
                          f": {_quote_steps(_quote(typed[0])[0], typed[0], note)}")
    else:
        hint = _text_quotes_hint(scan, hashed[0], typed, note, how="put the value in quotes", last=hashed[-1]) \
            + _notes_moved(scan, notes, head)
    scan.issues.append(_Issue(hashed[0], start, message, hint))


def _hash_before_text(scan: _Scan, hashed: list[int], notes: list[int], first: int, owner: int, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, typed before the text starting on line
    ``first`` below its key on line ``head`` at column ``owner``: YAML keeps the text alone (`_check_hash_below`).
    A "#" cutting that text too, or a note the text goes on after (`_text_goes_on`), is told with them, once
    (`_Scan.told_through`): a hint quoting the text alone would leave the lines above it dropped."""
    lines = scan.lines
    last = _text_end(lines, first, _indent(lines.line(first)), owner)
    kept = _kept_before_cut([lines.line(n).strip(_GAP) for n in range(first, last + 1)])
    notes = list(notes)
    while not _split_comment(lines.line(last).lstrip(_GAP))[1] and _text_goes_on(lines, last, owner):
        after = _yaml_line(lines, last, 1)
        notes += [n for n in range(last + 1, after) if lines.line(n).strip(_GAP)
                  and not _HASH_TEXT.match(lines.line(n).lstrip(_GAP))]
        last = _text_end(lines, after, _indent(lines.line(after)), owner)
    text = _typed_lines(lines, first, last, notes)
    text[-1], note = _split_comment(text[-1])
    typed = _typed_lines(lines, hashed[0], first - 1, notes) + text
    shown, meant = _folds(kept)[1].rstrip(), _folds(typed)[1]
    whole = len(kept) == len(text) or not any(text[len(kept):])
    why = f": the page shows {_clip(shown, 40)}, not {_clip(meant, 40)}" if whole else \
        ", and YAML cannot read the rest of the text"
    scan.told_through = last
    scan.issues.append(_Issue(hashed[0], _indent(lines.line(hashed[0])),
                              '"#" at the start of a line of the text starts a comment in YAML, so the value is only '
                              f'"{_clip(shown)}"{why}',
                              _text_quotes_hint(scan, hashed[0], typed, note, last=last)
                              + _notes_moved(scan, notes, head)))


def _kept_before_cut(text: list[str]) -> list[str]:
    """The lines ``text`` (as typed, each stripped) of a plain text as YAML keeps them: up to the first "#" that
    starts a line (but the first) or follows a space, where YAML reads a comment; the last one cut there."""
    kept: list[str] = []
    for at, line in enumerate(text):
        cut = 0 if at and line.startswith("#") else next((m.start() for m in re.finditer(r"[ \t]#", line)), None)
        kept.append(line if cut is None else line[:cut])
        if cut is not None:
            break
    return kept


def _quoted_lines(lines: _Lines, first: int, start: int, mark: str) -> tuple[list[str], int, int] | None:
    """The text of a quoted value whose opening ``mark`` stands on the 0-based line ``first`` at column ``start``:
    (its lines inside the quotes, each stripped, blank ones "", the line of the closing quote, that quote's
    column). None when it is not closed, or text follows its closing quote (told by the parser and
    `_check_mismatched_quotes`) or a comment does (a quote moved past it would publish the comment)."""
    pos = start + 1
    inside: list[str] = []
    for number in range(first, min(len(lines.lines), first + MAX_LINES)):
        line = lines.line(number)
        end = _quote_end(line, pos, mark)
        inside.append(line[pos:len(line) if end is None else end].strip(_GAP))
        if end is not None:
            return (inside, number, end) if not line[end + 1:].strip(_GAP) else None
        pos = 0
    return None


def _quote_moved_hint(scan: _Scan, typed: list[str], hashed: list[int], mark: str) -> str:
    """What to type on the "#" lines ``hashed`` (0-based; ``typed``: their text) taken into quotes of kind
    ``mark``: each ' twice in single quotes, a \\ before each " and \\ in double ones; "" when none needs it
    (`_hash_before_quoted`, `_check_hash_after_quoted`)."""
    where = (f"line {hashed[0] + scan.first_line}" if len(hashed) == 1 else
             f"lines {hashed[0] + scan.first_line} to {hashed[-1] + scan.first_line}")
    if mark == "'" and any("'" in text for text in typed):
        return f", and type each ' on {where} twice"
    if mark == '"' and any('"' in text or "\\" in text for text in typed):
        return f', and type a \\ before each " and each \\ on {where}'
    return ""


def _hash_before_quoted(scan: _Scan, hashed: list[int], notes: list[int], first: int, head: int) -> None:
    """Report the "#" lines ``hashed`` (0-based), the ``notes`` among them, typed before a text in quotes starting
    on line ``first`` below its key on line ``head`` (``  #3号楼已整改`` then ``  "5号楼正在整改"``): YAML keeps
    the quoted text alone, the "#" lines are lost. An error, as before a text typed without quotes
    (`_hash_before_text`); the hint moves the opening quote up before the first "#" line. Nothing is told for
    a quote left open or one followed by text (`_quoted_lines`), nor for a "#" line ending in a comment of its
    own, which the quotes would publish."""
    lines = scan.lines
    line = lines.line(first)
    start = _indent(line)
    mark = line[start]
    quoted = _quoted_lines(lines, first, start, mark)
    typed = _typed_lines(lines, hashed[0], first - 1, notes)
    if quoted is None or any(_split_comment(text)[1] for text in typed):
        return
    inside = quoted[0]
    opening, moved = _quoted_start(inside[0]), _quoted_start(typed[0])
    _report_quote_to_move(
        scan, hashed, notes, head, typed, mark, shown=_folds(inside)[1].rstrip(), meant=_folds(typed + inside)[1],
        side="below", move=f"delete the {mark} before {opening} on line {first + scan.first_line}, and type it "
                           f"before {moved} on line {hashed[0] + scan.first_line}")


def _quoted_start(text: str) -> str:
    """The start of ``text`` as a hint names a line by it: whole, or its first `_QUOTED_SHOWN` characters with "…"."""
    return text if len(text) <= _QUOTED_SHOWN else text[:_QUOTED_SHOWN - 1] + "…"


def _quoted_end(text: str) -> str:
    """The end of ``text`` as a hint names a line by it: whole, or "…" and its last characters (`_quoted_start`)."""
    return text if len(text) <= _QUOTED_SHOWN else "…" + text[1 - _QUOTED_SHOWN:]


def _report_quote_to_move(scan: _Scan, hashed: list[int], notes: list[int], head: int, typed: list[str], mark: str,
                          *, shown: str, meant: str, side: str, move: str) -> None:
    """The error for the "#" lines ``hashed`` (0-based; ``typed``: their text) lost beside a text in quotes of
    kind ``mark`` on the ``side`` of them ("below" or "above"): the page shows ``shown``, not ``meant``. The hint
    is ``move`` (where to move the quote), then what to type inside the quotes (`_quote_moved_hint`) and where
    the ``notes`` among the lines go, above the key on line ``head`` (`_notes_moved`)."""
    scan.issues.append(_Issue(
        hashed[0], _indent(scan.lines.line(hashed[0])),
        f'"#" at the start of a line starts a comment in YAML, so the value is only "{_clip(shown)}", the text '
        f"in quotes {side} it: the page shows {_clip(shown, 40)}, not {_clip(meant, 40)}",
        f"if the # belongs to the value, {move}" + _quote_moved_hint(scan, typed, hashed, mark)
        + _notes_moved(scan, notes, head)))


def _check_hash_after_quoted(scan: _Scan, first: int, start: int, owner: int, lead: str) -> None:
    """Report lines starting with "#" glued to text (`_HASH_TEXT`) typed right after a text in quotes
    (``note: "5号楼正在整改"`` then ``  #3号楼已整改``): YAML ends the value at its closing quote and reads the
    lines as comments, so their text is lost, unwarned.

    Takes the scan, the 0-based line ``first`` and column ``start`` of the
    opening quote, the column ``owner`` of the value's key or "-" (-1 when
    none is known: nothing is told) and what is typed before the value on
    its line (``note: ``; "" for a text typed below its key). A warning,
    as after a text's first line without quotes (`_check_text_cut`); the
    hint moves the closing quote down after the last "#" line, and the
    notes (``# 说明``) among them above the key. Nothing is told when a
    line further in than the key follows them (the parser refuses it), for
    a quote left open or followed by text or a comment (`_quoted_lines`),
    nor for a "#" line, other than the last, ending in a comment of its own.
    """
    lines = scan.lines
    if owner < 0:
        return
    quoted = _quoted_lines(lines, first, start, lines.line(first)[start])
    if quoted is None:
        return
    inside, close, end = quoted
    hashed, _, after = _hash_lines(lines, close + 1, owner)
    if not hashed or (after >= 0 and _indent(lines.line(after)) > owner):
        return
    notes = [n for n in range(close + 1, hashed[-1]) if n not in hashed and lines.line(n).strip(_GAP)]
    typed = _typed_lines(lines, close + 1, hashed[-1], notes)  # blank lines above the "#" lines too: quoted, breaks
    typed[-1], note = _split_comment(typed[-1])
    if any(_split_comment(text)[1] for text in typed):
        return
    mark = lines.line(first)[start]
    closing, moved = _quoted_end(inside[-1]), _quoted_end(typed[-1])
    before = f" (before the comment {_clip(note.strip(), 20)})" if note else ""
    head = first if lead else _yaml_line(lines, first, -1)
    _report_quote_to_move(
        scan, hashed, notes, head, typed, mark, shown=_folds(inside)[1].rstrip(), meant=_folds(inside + typed)[1],
        side="above", move=f"delete the {mark} after {closing} on line {close + scan.first_line}, and type it "
                           f"after {moved} on line {hashed[-1] + scan.first_line}{before}")


_ID_BEFORE_NOTE = compile_later(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""A value that is an id (``baihe``, ``dadiaoyan-weifangtan``): a ``#`` is never part of one."""
_NOTE_IN_CHINESE = compile_later(r"[ \t]*[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
"""A comment's text that starts in Chinese (``# 白鹤镇``, ``# （白鹤镇）``)."""

_WIDE_COMMENT = compile_later(r"[ \t\u3000\u00a0]*[\u3000\u00a0][ \t\u3000\u00a0]*[#＃]|[ \t]+＃")
"""A comment typed after a full-width or no-break space, or with a full-width ＃: YAML reads it as value."""


def _check_wide_comment(scan: _Scan, number: int, pos: int, typed: str, note: str, lead: str) -> bool:
    """Warn of a note typed with an input method after a plain value (``白鹤镇　# 标题``, ``书记　#待核实``,
    ``书记 ＃ 职务``); True when one was.

    Takes the scan, the 0-based line, the column the value starts at, the
    value as typed (up to its line's own comment), that comment (``note``)
    and what was typed before the value on the line (``lead``). YAML starts
    a note only at an ordinary space followed by an ordinary ``#``, so this
    one is published as part of the value (``<h1>白鹤镇　# 标题</h1>``, and in
    the open data). A warning, placed at the ``#``, as the ``#`` may belong
    to the text (``活动　#白鹤草莓节#``); quotes say so and silence it. The hint
    gives the line with the note typed as YAML reads one; when the text goes
    on over the lines below (`_text_end`), a note cannot end this line (YAML
    would end the text there and refuse the lines below), so the hint moves
    it onto a line of its own above the text's key (`_wide_note_above`).
    """
    wide = _WIDE_COMMENT.search(typed)
    if wide is None or not typed[:wide.start()].strip():
        return False
    meant = typed[:wide.start()].rstrip(" \t\u3000\u00a0")
    text = scan.plain_text
    goes_on = text is not None and _text_end(scan.lines, *text[:3]) > number
    fixed = "" if goes_on else _with_comment(_wide_note_fixed(lead + meant, typed[wide.end():]), note)
    scan.issues.append(_wide_note_issue(scan, number, pos, typed, wide, fixed, note, lead))
    return True


def _wide_note_fixed(before: str, comment: str) -> str:
    """The line ``before`` (up to the value's end) with ``comment`` (the note's text, its ``#`` left out) after
    it as YAML reads a note: three ordinary spaces, ``#`` and a space, as the lines ``sitegen new`` writes."""
    comment = comment.strip(_GAP)
    return f"{before}   # {comment}" if comment else before


def _wide_note_issue(scan: _Scan, number: int, pos: int, typed: str, wide: re.Match[str], fixed: str, note: str,
                     lead: str) -> _Issue:
    """The warning of a note typed after a full-width or no-break space, or with a full-width ＃ (`_WIDE_COMMENT`,
    found as ``wide`` in ``typed``, the text typed from column ``pos`` of the 0-based line ``number``), at its
    ``#``; the hint types ``fixed`` (the line mended), or, when that is "", moves the note above the text's key
    (`_wide_note_above`). ``note`` is the line's own comment, ``lead`` what was typed before the value."""
    typed_note = typed[wide.end() - 1:].strip(_GAP)
    message, fix = _wide_note_words(wide.group(), typed_note, (
        f'so the page shows "{_clip(typed.strip(_GAP), 40)}"' if fixed
        else "so the page shows it in the text, with the lines below"))
    if fixed:
        hint = paste_hint(fix, fixed)
    else:
        hint = _wide_note_above(scan, number, typed_note)
    return _Issue(number, pos + wide.end() - 1, message,
                  hint + "; " + paste_hint("if the # belongs to the text, wrap the whole value in quotes",
                                           _with_comment(lead + _quote(typed), note),
                                           f": {_quote_steps(_quote(typed)[0], typed, note)}")
                  if fixed and scan.plain_text is not None and scan.plain_text[0] == number
                  else hint, severity="warning")


def _wide_note_why(gap: str) -> tuple[str, str]:
    """What makes YAML read a note typed after ``gap`` (the spaces and the ``#`` or ``＃`` before it,
    `_WIDE_COMMENT`) as text (``the full-width space (全角空格) before it``), and the words of the fix."""
    space = next((char for char in gap if char in "\u3000\u00a0"), "")
    return (("the full-width space (全角空格) before it",
             "type the space before the # as an ordinary space (半角), not a full-width one")
            if space == "\u3000" else
            ("the no-break space before it", "type the space before the # as an ordinary space, not a no-break one")
            if space else ("its full-width ＃ (全角)", "type the # in half width (半角)"))


@dataclass(frozen=True)
class WideNote:
    """A note typed after a value with a full-width or no-break space before its ``#``, or a full-width ``＃``,
    which YAML reads as part of the value (`split_wide_note`).

    Fields: ``value``, the value typed before it (``false``); ``note``, the note as typed (``# 发布``); ``why``,
    what made it text (``the full-width space (全角空格) before it``); ``fix``, the words of the fix.
    """

    value: str
    note: str
    why: str
    fix: str

    def line(self, key: str | int) -> str:
        """The line of the field ``key`` (a list item's for an index) with the note typed as YAML reads one."""
        return _wide_note_fixed(f"- {self.value}" if isinstance(key, int) else f"{key}: {self.value}",
                                self.note.lstrip("#＃"))


def split_wide_note(text: str) -> WideNote | None:
    """The value and the note typed in ``text``, a plain value as loaded (``false　# 发布``), when a note follows
    the value after a full-width or no-break space or with a full-width ``＃`` (`_check_wide_comment` warns of
    it where the value is text); None when there is none, or nothing before it."""
    wide = _WIDE_COMMENT.search(text)
    if wide is None or not text[:wide.start()].strip(_GAP):
        return None
    why, fix = _wide_note_why(wide.group())
    return WideNote(text[:wide.start()].strip(_GAP), text[wide.end() - 1:].strip(_GAP), why, fix)


def is_wide_note_warning(problem: Problem) -> bool:
    """Whether ``problem`` is the warning of a note typed after a full-width space published as text
    (`_check_wide_comment`): a field whose value is no text says so in its own error instead."""
    return problem.severity == "warning" and problem.message.startswith('the note "') and \
        " is published as text, because of " in problem.message


def _wide_note_words(gap: str, typed_note: str, shown: str) -> tuple[str, str]:
    """The message and the words of the fix for a note ``typed_note`` (``#待核实``) typed after ``gap`` (the
    spaces and the ``#`` or ``＃`` before it, `_WIDE_COMMENT`), read as text; ``shown`` says what the page shows."""
    why, fix = _wide_note_why(gap)
    return (f'the note "{_clip(typed_note, 30)}" is published as text, because of {why}: YAML reads an ordinary "#" '
            f"after an ordinary space as the start of a note (注释), {shown}", fix)


def _wide_note_above(scan: _Scan, number: int, typed_note: str) -> str:
    """The hint for a note ``typed_note`` (``#待核实``) typed on the 0-based line ``number`` of a text going on
    over several lines, where YAML reads no note: cut it, and type it on a line of its own above the text's key,
    indented as the key (or the text's "- "), where it is one."""
    text = scan.plain_text
    head = number if text is None else text[0] if text[3] else _yaml_line(scan.lines, text[0], -1)
    head_line = scan.lines.line(max(head, 0))
    indent = head_line[:len(head_line) - len(head_line.lstrip(_GAP))]
    comment = typed_note.lstrip("#＃").strip(_GAP)
    return (f"cut {_clip(typed_note, 30)} from this line, with the space before it; to keep it a note, type it on "
            f"a line of its own above line {max(head, 0) + scan.first_line}: {indent}# {comment}")


def _check_comment_value(scan: _Scan, number: int, line: str, pos: int, lead: str, owner: int) -> None:
    """Report a value that starts with ``#`` glued to text (``title: #1 白鹤镇``): YAML drops it all.

    ``pos`` is where the value starts, ``lead`` what was typed before it on
    the line (``title: `` or ``- ``), ``owner`` the column of its key or
    "-". "#" after a space starts a comment, so the field is left empty,
    and the editor would read "the value is empty" about a line that
    plainly has one. An error, as `_check_comment`'s is: here nothing of
    the value is left. A comment typed the usual way
    (``title: # 标题``, with a space) is not reported, nor one glued to its
    "#" above the fields or the list that are the value
    (``interviewee: #受访人`` then ``  name: …``): YAML reads those as meant.
    A text going on below (``summary: #3号楼已解决，`` then ``  居民很满意``)
    is all YAML keeps: the hint wraps the whole text in quotes.
    """
    if line[pos + 1:pos + 2] in ("", " ", "\t", "#"):
        return
    lines = scan.lines
    hashed, _notes, below = _hash_lines(lines, number + 1, owner)
    text = lines.line(below) if below >= 0 else ""
    if below >= 0 and (_indent(text) > owner or (_is_item(text) and not _LIST_ITEM_LEAD.match(lead))):
        rest = text.lstrip(_GAP)
        if _is_item(text) or _typed_value(text)[1] is not None or rest[0] in "|>[{&*!%@`":
            return  # the fields, the list or the block below are the value; "#受访人" is a note
        if rest[0] not in "\"'" and not hashed and not _split_comment(line[pos:])[1]:
            _comment_before_text(scan, number, pos, lead, below, owner)
            return
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{_clip(key, 40)}" has no value' if key else "this list item is empty"
    value, note = _split_comment(line[pos:])
    scan.issues.append(_Issue(number, pos, f'"#" after a space starts a comment in YAML, so {where}',
                              paste_hint("put the value in quotes", _with_comment(lead.strip() + " " + _quote(value), note),
                                         f": {_quote_steps(_quote(value)[0], value, note)}")))


def _comment_before_text(scan: _Scan, number: int, pos: int, lead: str, first: int, owner: int) -> None:
    """Report ``summary: #3号楼已解决，`` (0-based line ``number``, the "#" at column ``pos``) with its text going on
    from line ``first`` (``  居民很满意``), its key at column ``owner``: YAML keeps the lines below alone.

    An error, as `_check_comment_value`: the start of the text is dropped
    without a trace. The hint wraps the whole text in quotes, from the "#"
    to the end of its last line (`_text_quotes_hint`), which YAML then
    reads as one text, joined as typed (`_unfolded_as_styled`).
    """
    lines = scan.lines
    last = _text_end(lines, first, _indent(lines.line(first)), owner)
    typed = [lines.line(number)[pos:].strip(_GAP)] + [lines.line(n).strip(_GAP) for n in range(number + 1, last + 1)]
    typed[-1], note = _split_comment(typed[-1])
    typed[-1] = typed[-1].rstrip(_GAP)
    kept = _folds(_kept_before_cut(typed[1:]))[1].rstrip().replace("\n", " ")
    key = lead.strip(" -").rstrip(":").strip()
    where = f'"{_clip(key, 40)}" is only "{_clip(kept)}"' if key else f'this list item is only "{_clip(kept)}"'
    scan.told_through = last
    scan.issues.append(_Issue(number, pos, f'"#" after a space starts a comment in YAML, so {where}: the text '
                                           f'"{_clip(typed[0])}" on this line is dropped',
                              _text_quotes_hint(scan, number, typed, note, how="put the whole value in quotes")))


def _check_escapes(scan: _Scan, number: int, line: str, start: int, end: int, lead: str) -> None:
    """Warn when a backslash in a double-quoted value changes what was typed (``"C:\\temp"``)."""
    # Read pair by pair from the opening quote: in "C:\\reports" the backslash before "r" is the second of
    # an escaped one, typed on purpose, not an escape of its own.
    match = next((pair for pair in _ESCAPE_PAIR.finditer(line, start + 1, end) if pair.group(1)), None)
    if match is None:
        return
    typed, note = line[start + 1:end], _split_comment(line[end + 1:])[1]
    typed = _ESCAPE_PAIR.sub(lambda pair: pair.group() if pair.group(1) else pair.group()[1], typed)
    if (fixed := _path_with_slashes(line)) is not None:  # "images\baihe.svg": single quotes keep a wrong path
        scan.issues.append(_Issue(number, match.start(), f'"{match.group()}" inside double quotes is read as a '
                                  'special character (an escape): the "\\" is typed between folders, as Windows '
                                  "shows paths", paste_hint(_SLASHES_HINT, fixed), severity="warning"))
        return
    scan.issues.append(_Issue(
        number, match.start(),
        f'"{match.group()}" inside double quotes is read as a special character (an escape), not as typed',
        paste_hint("to keep backslashes as typed, use single quotes", _with_comment(lead + _quote_single(typed), note),
                   ": type ' in place of the \" before the value and of the \" after it"
                   + (", and type each ' inside the value twice" if "'" in typed else "")),
        severity="warning"))


_FLOW_ODD_GAP = compile_later(f"(?<=[\\[{{,])[ \t]*[{WIDE_SPACES}][ \t{WIDE_SPACES}]*"
                           f"|[ \t]*[{WIDE_SPACES}][ \t{WIDE_SPACES}]*(?=[,\\]}}])")
"""Odd spaces (full-width, no-break …) after ``[``, ``{`` or a comma, or before a comma, ``]`` or ``}``."""


def _check_flow_gaps(scan: _Scan, number: int, line: str, pos: int) -> None:
    """Report odd spaces between the items of brackets on the line from ``pos`` (none inside quotes opened above).

    YAML keeps them in the item: ``tags: [大调研,　补短板]`` published the tag "　补短板", a term apart from
    补短板. Told once per line, at the first, with the line as it is meant (ordinary spaces after each comma).
    """
    if scan.flow_quote:
        return
    found = next((match for match in _FLOW_ODD_GAP.finditer(line, pos)
                  if not _inside_quotes(line, pos, match.start())), None)
    if found is None:
        return
    char = next(char for char in found.group() if char in WIDE_SPACES)
    fixed = line[:pos] + _FLOW_ODD_GAP.sub(
        lambda gap: " " if gap.string[gap.start() - 1:gap.start()] == "," else "", line[pos:])
    scan.issues.append(_Issue(
        number, found.start() + found.group().index(char),
        f"{space_name(char)} stands between the items in the brackets, so YAML keeps it as part of an item",
        paste_hint("type an ordinary space after each comma, and none after [ or before ]", fixed.rstrip())))


def _inside_quotes(line: str, start: int, index: int) -> bool:
    """True when ``index`` of ``line`` stands inside quotes opened after ``start`` (a quote opens after ``[``,
    ``{``, a comma or a colon, as in brackets)."""
    quote = ""
    for at in range(start, index):
        char = line[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and _previous_char(line, at) in ("", "[", "{", ",", ":"):
            quote = char
    return bool(quote)


def _scan_flow(scan: _Scan, number: int, line: str, pos: int) -> None:
    """Follow ``[...]``/``{...}`` nesting and quotes inside them, across lines."""
    _check_flow_gaps(scan, number, line, pos)
    scan.mode = "flow"
    start, depth = pos, scan.flow_depth
    while True:
        if scan.flow_quote:
            end = _quote_end(line, pos, scan.flow_quote)
            if end is None:
                return
            scan.flow_quote, pos = "", end + 1
        match = _FLOW_SPECIAL.search(line, pos)
        if match is None:
            return
        char, pos = match.group(), match.end()
        after_space = pos == 1 or line[pos - 2] in " \t"
        if char == "#" and _previous_char(line, pos - 1) in ("[", ",") and (not after_space or "]" in line[pos:]):
            # Glued, or after a space with the list's "]" typed after it (a comment between the
            # lines of a list written over several lines is a comment, and fine).
            _check_item_hash(scan, number, line, pos - 1)
            if after_space:
                return  # a comment: the rest of the line is gone
            continue  # the item cannot be read, but the list's brackets still count
        if char == "#" and line[pos - 2:pos - 1] in ("\u3000", "\u00a0") and not scan.flow_quote:
            _check_flow_wide_note(scan, number, line, pos - 1)  # text to YAML: the brackets go on
            continue
        if char == "#" and after_space:
            issue = _flow_comment_issue(number, line, pos - 1, start, depth)
            if issue is not None:
                scan.issues.append(issue)
            return
        if char in "\"'" and _previous_char(line, pos - 1) in ("", "[", "{", ",", ":"):
            scan.flow_quote = char
        elif char in "[{":
            if scan.flow_depth == 0:
                scan.opener = scan.lines.starts[number] + pos - 1
            scan.flow_depth += 1
        elif char in "]}":
            scan.flow_depth -= 1
            if scan.flow_depth <= 0:
                scan.mode, scan.flow_depth = "normal", 0
                return


def _check_flow_wide_note(scan: _Scan, number: int, line: str, at: int) -> None:
    """Warn of a note typed after a full-width or no-break space in an item in brackets (``tags: [大调研　#备注,
    民生]``, the "#" at index ``at`` of the 0-based line ``number``): YAML reads it as part of the item.

    A note cannot stand inside the brackets (it would swallow the "]"), so
    the hint gives the line with the note after the brackets, when they
    close on this line and no note ends it yet; else it says to cut it.
    An item holding nothing but the note (``[　#备注]``) is left alone.
    """
    gap = at
    while gap > 0 and line[gap - 1] in _GAP:
        gap -= 1
    begin = max(line.rfind(mark, 0, at) for mark in ",[{") + 1
    if not line[begin:gap].strip(_GAP):
        return
    ends = [index for index in (line.find(mark, at) for mark in ",]}") if index >= 0]
    end = min(ends) if ends else len(line)
    typed_note = line[at:end].strip(_GAP)
    rest = line[end:].rstrip(_GAP)
    body = typed_note[1:].strip(_GAP)
    closed = rest.count("]") + rest.count("}") > rest.count("[") + rest.count("{")
    message, fix = _wide_note_words(line[gap:at + 1], typed_note,
                                    f'so the page shows the item "{_clip(line[begin:end].strip(_GAP), 40)}"')
    fixed = line[:gap] + rest + (f"   # {body}" if body else "")
    hint = (paste_hint("cut it from the item, with the space before it; to keep it a note, type it after the "
                       "brackets", fixed.strip(_GAP))
            if closed and "#" not in rest else "cut it from the item, with the space before it")
    scan.issues.append(_Issue(number, at, message, hint, severity="warning"))


def _flow_comment_issue(number: int, line: str, at: int, start: int, depth: int) -> _Issue | None:
    """The error for a "#" after a space inside an item in brackets (``tags: [大调研, 第三期 #3, 民生]``), or None.

    Takes the line's number and text, the index of the "#", where the
    brackets' text starts on the line (its "[" or "{", or 0 on a line
    below it) and how many brackets are open there. YAML reads the "#" as
    a comment, whose end swallows the "]" (or "}") and commas typed after
    it: the brackets are then never closed, or a line below runs into the
    item. Reported only when the rest of the line holds a "]", "}" or
    (the "#" glued to text, ``#3,``) a comma: a comment typed in brackets
    written over several lines (``[大调研,   # 标签``) is fine. The fix
    keeps every item: the items holding the "#" in quotes ("add the
    closing ]" would, typed, drop the text after the "#").
    """
    rest = line[at:]
    marks = [char for char in rest if char in "]},"]
    if not marks or (set(marks) == {","} and line[at + 1:at + 2] in ("", " ", "\t", "#")):
        return None
    fixed, items = _quote_hash_items(line, start, depth)
    if fixed is None:
        return None
    closer = next((char for char in marks if char != ","), ",")
    how = "put the item holding the # in quotes" if len(items) == 1 else "put each item holding a # in quotes"
    kept = _quote(items[0])
    return _Issue(number, at, f'"#" after a space starts a comment in YAML, so the rest of the line, "{closer}" '
                              f'included, is not read: "{_clip(rest.rstrip(), 40)}"',
                  paste_hint(how, fixed.strip(), f': type {kept[0]} before "{_clip(items[0], 40)}" and another '
                                                 "after it"))


def _quote_hash_items(line: str, start: int, depth: int) -> tuple[str | None, list[str]]:
    """Return ``line`` with each item in brackets that holds a "#" after a space in quotes, and those items.

    Takes the line, where the brackets' text starts on it and how many
    brackets are open there. Items end at a comma, a bracket or a ": "
    (the key of a ``{key: value}``); quoted ones are kept as typed. What
    follows the brackets' closing (a comment) is kept as typed, as is a
    last item that is only a comment. (None, []) when no item needs quotes
    or a quote is never closed on the line.
    """
    out, items, pos, open_ = [line[:start]], [], start, depth
    while pos < len(line):
        char = line[pos]
        if char in "[{,]}" or (char == ":" and line[pos + 1:pos + 2] in ("", " ", "\t")):
            open_ += 1 if char in "[{" else -1 if char in "]}" else 0
            out.append(char)
            pos += 1
            if char in "]}" and open_ <= 0:
                out.append(line[pos:])
                break
            continue
        end = pos
        while end < len(line) and line[end] not in "[{,]}" and not (
                line[end] == ":" and line[end + 1:end + 2] in ("", " ", "\t")):
            end += 1
        item = line[pos:end]
        text = item.strip()
        if text[:1] in ("\"", "'"):
            close = _quote_end(line, line.index(text[0], pos) + 1, text[0])
            if close is None:
                return None, []
            end = max(end, close + 1)
            while end < len(line) and line[end] not in ",]}:":
                end += 1
            item = line[pos:end]
        elif re.search(r"[ \t]#", " " + text) and not (end == len(line) and text.startswith("#")):
            lead = item[:len(item) - len(item.lstrip())]
            item = lead + _quote(text) + item[len(lead) + len(text):]
            items.append(text)
        out.append(item)
        pos = end
    return ("".join(out), items) if items else (None, [])


def _check_item_hash(scan: _Scan, number: int, line: str, at: int) -> None:
    """Report an item of a ``[...]`` list that begins with ``#`` (``tags: [#大调研, 民生]``), at the ``#``.

    Glued to the ``[`` or ``,`` YAML cannot read it (an item cannot begin
    with ``#``); after a space it starts a comment, and the list is never
    closed. Either way YAML's own error comes lines later, at the end of
    the front matter. The hint offers the line without the ``#`` (a tag
    typed as a hashtag, #大调研, is meant as 大调研) and, to keep it, the
    item in quotes; the rest of the line as typed (its comment too).
    """
    end = at
    while end < len(line) and line[end] not in ",]":
        end += 1
    item = line[at:end].rstrip()
    what = ('"#" after a space starts a comment in YAML, so this list is cut short here' if line[at - 1] in " \t"
            else f'an item of a list cannot begin with "#" in YAML, so this list cannot be read: {_clip(item, 40)}')
    bare = item.strip("#").strip()
    without = (line[:at] + bare + line[at + len(item):]).strip()
    kept = _quote(item)
    quoted = (line[:at] + kept + line[at + len(item):]).strip()
    scan.issues.append(_Issue(number, at, what, paste_hint("delete the # (a tag or item is written without it)",
                                                           without, "")
                              + "; " + paste_hint("or, to keep it, put the item in quotes", quoted,
                                                  f": type {kept[0]} before its # and another after its last "
                                                  "character")))


def _previous_char(line: str, index: int) -> str:
    """Return the last character before ``index`` that is not a space or TAB ("" if none)."""
    index -= 1
    while index >= 0 and line[index] in " \t":
        index -= 1
    return line[index] if index >= 0 else ""


def _quote_end(line: str, pos: int, quote: str) -> int | None:
    """Return the index of the quote closing a string whose text starts at ``pos``."""
    while True:
        end = line.find(quote, pos)
        if end < 0:
            return None
        if quote == '"':
            backslashes = len(line[pos:end]) - len(line[pos:end].rstrip("\\"))
            if backslashes % 2 == 0:
                return end
        elif line[end + 1:end + 2] != "'":
            return end
        else:
            end += 1
        pos = end + 1


def _clip(text: str, limit: int = 80) -> str:
    """Return ``text`` cut to ``limit`` characters (with "…"), to show in a message where the mistake is.

    Never for a line a hint offers to type: cut, it would lose its end (`paste_hint`).
    """
    return text if len(text) <= limit else text[:limit - 1] + "…"


_COMMENT = compile_later(r"[ \t]+#(?=[ \t#]|$)")


def _split_comment(typed: str) -> tuple[str, str]:
    """Split the text typed after ``key:`` into the value meant and the line's trailing comment.

    Takes the text from the value's start to the end of the line. The
    comment starts at the first "#" written as a comment usually is: after a
    space or TAB, and before a space, a TAB, another "#" or the line's end
    (``   # 标题 title``, as every line ``sitegen new`` writes ends). A "#"
    glued to text (``第三期 #3``) is taken as part of the value, which is
    what editors mean by it (YAML reads it as a comment: see
    `_check_comment`). Returns (the value with the spaces after it removed,
    the comment with the spaces before it, or ""). Raises nothing.
    """
    match = _COMMENT.search(typed)
    if match is None:
        return typed.rstrip(), ""
    return typed[:match.start()].rstrip(), typed[match.start():].rstrip()


def _with_comment(fixed: str, comment: str) -> str:
    """Return the line ``fixed`` with the line's ``comment`` after it, outside any quotes: both whole.

    Takes the mended line up to the end of its value and the comment as
    `_split_comment` gives it (spaces before it included).
    """
    return fixed + comment


def _quote_steps(mark: str, value: str, comment: str, what: str = "value") -> str:
    """Say how to put ``value`` in quotes where it stands, for a line too long to give whole (`paste_hint`).

    Takes the quote to type (``"`` or ``'``, as `_quote` chose), the value as
    typed, the line's comment (`_split_comment`; "" for none), which the
    closing quote goes before, and what the words call the value (``item``).
    """
    end = f' (before the comment "{_clip(comment.strip(), 20)}")' if comment else ""
    twice = f", and type each ' inside the {what} twice" if mark == "'" and "'" in value else ""
    return f"type {mark} before the {what}'s first character and another {mark} after its last{end}{twice}"


def _value_as_typed(typed: str) -> tuple[str, str]:
    """The text typed after a key, as it must be typed after ``key: `` to be read as the editor meant it.

    Takes the text from the value's start to the end of the line (its
    comment included). A value YAML would not read as typed (one holding
    ``": "`` or a ``#`` after a space, one starting with ``#``, ``@`` or a
    backquote, or with a quote closed before its end: ``"华新镇"：…``) is put
    in quotes, the line's comment kept after them (`_split_comment`).
    Returns (the text to type, "" or why the quotes are needed, as
    ``it holds ": "``).
    """
    value, note = _split_comment(typed)
    quote = value[:1]
    end = _quote_end(value, 1, quote) if quote in ("\"", "'") else None
    why = ('it starts with "#"' if quote == "#" else
           f'it starts with "{quote}"' if quote in ("@", "`") else
           f"it starts with {quote} and goes on after the closing {quote}" if end is not None and end < len(value) - 1
           else 'it holds ": "' if ": " in value or value.endswith(":") else
           'it holds " #"' if re.search(r"[ \t]#", value) else "")
    if not why:
        return value + note, ""
    return _with_comment(_quote_single(value) if quote == '"' else _quote(value), note), why


_PLAIN_UNSAFE = compile_later(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|: |\s#|:$|\s$|[\t\n\r]""")
"""What a plain (unquoted) YAML value may not hold: a sign it cannot start with, ": ", " #", an end space."""


def yaml_text(value: str) -> str:
    """Return ``value`` as a YAML scalar to type after ``key: ``: plain when it reads back unchanged, else
    double-quoted (JSON's escapes are YAML's). Used wherever a line to type is given (new files, hints)."""
    if value and not _PLAIN_UNSAFE.search(value) and value not in _NULLS:
        return value
    return json.dumps(value, ensure_ascii=False)


def _quote(value: str) -> str:
    """Return ``value`` wrapped in YAML quotes that keep it exactly."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return _quote_single(value)


def _quote_single(value: str) -> str:
    """Return ``value`` in YAML single quotes (no escapes; ``'`` doubled)."""
    return "'" + value.replace("'", "''") + "'"


# --------------------------------------------------------------------------
# Events → data, iteratively (no recursion, so no depth bombs).
# --------------------------------------------------------------------------

_EXPECT_KEY = object()
_SKIP = object()


@dataclass
class _Frame:
    """An open mapping or list while the events are walked."""

    container: dict[str, object] | list[object]
    path: KeyPath
    start: tuple[int, int]           # 0-based (line, column) where it starts
    record: bool                     # False inside a skipped value (bad or duplicate key)
    key: object = _EXPECT_KEY        # the pending key (a str), _EXPECT_KEY or _SKIP
    key_lines: dict[str, int] = field(default_factory=dict)
    misplaced: set[str] = field(default_factory=set)  # keys typed twice whose first line was told it is misplaced
    next_item: int | None = None     # 0-based line where a list item's first key came again: a "- " left out


class _TreeBuilder:
    """Builds plain data and positions (0-based) from PyYAML events; collects issues."""

    def __init__(self, lines: _Lines, first_line: int, elsewhere: ElsewhereFinder | None = None) -> None:
        self.lines = lines
        self.first_line = first_line
        self.elsewhere = elsewhere
        self.stack: list[_Frame] = []
        self.root: object = None
        self.documents = 0
        self.failed = False
        self.issues: list[_Issue] = []
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.key_positions: dict[KeyPath, tuple[int, int]] = {}
        self.nodes = 0

    def run(self, events: Iterable[yaml.Event]) -> None:
        """Consume ``events``; stop early after a fatal problem. May raise yaml.YAMLError."""
        for event in events:
            if self.failed or len(self.issues) > MAX_PROBLEMS:
                return
            self.on_event(event)

    def on_event(self, event: yaml.Event) -> None:
        """Handle one event; stop the walk at the `MAX_NODES`-plus-first value."""
        if isinstance(event, yaml.NodeEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(event, f"the data holds more than {MAX_NODES:,} values; sitegen reads no more",
                          "split the data into several smaller files (e.g. one file per unit or per year)")
                return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(event, "a second YAML document starts here; a file holds only one",
                          self.second_document_hint(self.where(event)[0]))
        elif isinstance(event, yaml.AliasEvent):
            self.refuse_anchor(event)
            self.add_node(None, self.where(event), key_text=None)
        elif isinstance(event, yaml.ScalarEvent):
            self.check_node(event, _SCALAR_TAGS)
            self.check_escaped_characters(event)
            value = _scalar_value(event)
            if value and event.start_mark.line != event.end_mark.line:
                value = _unfolded_as_styled(value, self.lines.text[event.start_mark.index:event.end_mark.index],
                                            event.style)
            self.add_node(value, self.where(event), key_text=event.value, plain=not event.style)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self.add_node(frame.container, frame.start, key_text=None, opened=True)

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        """Start a mapping or list, unless it is nested too deep."""
        is_map = isinstance(event, yaml.MappingStartEvent)
        self.check_node(event, _MAP_TAGS if is_map else _SEQ_TAGS)
        if len(self.stack) >= MAX_DEPTH:
            self.fail(event, f"the data is nested more than {MAX_DEPTH} levels deep",
                      "simplify the structure; content files never need this many levels")
            return
        path, record = self.child_path()
        start = self.where(event)
        if record:
            self.positions[path] = start
        self.stack.append(_Frame({} if is_map else [], path, start, record))

    def child_path(self) -> tuple[KeyPath, bool]:
        """Return the path of the next node and whether its positions are recorded."""
        if not self.stack:
            return (), True
        top = self.stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),), top.record
        if isinstance(top.key, str):
            return top.path + (top.key,), top.record
        return top.path, False  # a key that is not plain text, or a skipped value

    def add_node(self, value: object, start: tuple[int, int], *, key_text: str | None,
                 plain: bool = False, opened: bool = False) -> None:
        """Put a finished node into its parent: as the root, a list item, a key or a value.

        ``opened`` is True for a finished collection, whose position was recorded in `open`.
        """
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            if top.record and not opened:
                self.positions[top.path + (len(top.container),)] = start
            top.container.append(value)
        elif top.key is _EXPECT_KEY:
            top.key = self.take_key(top, key_text, start, plain, opened)
        else:
            if isinstance(top.key, str):
                if top.record and not opened:
                    self.positions[top.path + (top.key,)] = start
                top.container[top.key] = value
            top.key = _EXPECT_KEY

    def take_key(self, top: _Frame, text: str | None, start: tuple[int, int],
                 plain: bool, opened: bool) -> object:
        """Check a key; return it (a str), or _SKIP after reporting why its value is dropped."""
        line, column = start
        if opened:
            self.issues.append(_Issue(line, column, "a key must be plain text, not a list or a mapping",
                                      "write the key as a word followed by a colon: key: value"))
            return _SKIP
        if text is None:
            return _SKIP  # an alias: already reported
        if text == "" and plain:
            self.issues.append(_Issue(line, column, 'a key is missing before ":"',
                                      "write a field name before the colon, e.g. title: …"))
            return _SKIP
        if text in top.key_lines:
            first = top.key_lines[text] + self.first_line
            if top.next_item is not None and line > top.next_item:
                return _SKIP  # a field of the item whose "- " is missing: told with its first line
            if (len(self.stack) > 1 and isinstance(self.stack[-2].container, list) and column == top.start[1]
                    and column >= 2 and text == next(iter(top.key_lines))):
                # A tally pasted below the last one without its "- ": "keep one as_of line and delete the
                # other", followed, deleted the new tally, and the check was clean.
                top.next_item = line
                self.issues.append(_Issue(
                    line, column, f'the key "{_clip(text)}" appears twice in the same item; it was first given on '
                    f'line {first}, where the item starts: this line most likely starts the next item, its "- " '
                    "left out",
                    f'replace the two spaces before "{_clip(text)}:" with "- " (a hyphen and a space), lined up with '
                    f'the "- " of line {first}: the line then starts a new item, and the lines below it are its '
                    "fields"))  # not whole: its fields are left out, and the items after it renumbered once mended
                return _SKIP
            twice = f'the key "{_clip(text)}" appears twice in the same block; it was first given on line {first}'
            elsewhere = self.elsewhere(top.path, text) if self.elsewhere is not None and top.record else None
            if elsewhere is None:
                self.issues.append(_Issue(line, column, twice,
                                          f'keep one "{_clip(text)}" line and delete or rename the other', whole=True))
            else:
                self.tell_misplaced_twice(top, text, start, elsewhere, twice)
            return _SKIP
        top.key_lines[text] = line
        if top.record:
            self.key_positions[top.path + (text,)] = start
        return text

    def tell_misplaced_twice(self, top: _Frame, text: str, start: tuple[int, int], elsewhere: FieldElsewhere,
                             twice: str) -> None:
        """Report a key typed twice in the mapping ``top`` that is a field of blocks held there (``note:`` of a
        tally and of a target, both typed without their indent): each line is told where it belongs.

        The first line gets, once, what an unknown field is told, as it would
        once the second is mended; the repeat at ``start`` (0-based), that it
        is given twice (``twice`` says so) and whose field it is. Each names
        the line to indent when the block just above it holds such a field
        (`lost_indent`).
        """
        mapping = top.container if isinstance(top.container, dict) else {}
        first_at = self.key_positions.get(top.path + (text,))
        if text not in top.misplaced and first_at is not None:
            top.misplaced.add(text)
            first = lost_indent(text, mapping, text, top.path, self.positions, first_at, elsewhere.blocks,
                                self.first_line)
            self.issues.append(_Issue(*first_at, elsewhere.message,
                                      elsewhere.hint_below(first) if first else elsewhere.hint, whole=True))
        below = lost_indent(text, mapping, None, top.path, self.positions, start, elsewhere.blocks, self.first_line)
        message = f"{twice}, and it is {elsewhere.held}" + (
            f", so this line probably lost its indent and belongs under {below.block} above it" if below
            else ", not of this block")
        self.issues.append(_Issue(*start, message, below.hint() if below else elsewhere.hint, whole=True))

    def check_node(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent,
                   tags: frozenset[str | None]) -> None:
        """Refuse anchors, and tags outside the standard set for this kind of node."""
        if event.anchor is not None:
            self.refuse_anchor(event)
        if event.tag == "!" and isinstance(event, yaml.ScalarEvent):
            # "title: ! 召开…": YAML takes a "!" and a space for a tag that changes nothing, and drops it.
            line, column = self.where(event)
            message, hint, _ = _explain_tag(self.lines, line, column, None)
            self.issues.append(_Issue(line, column, message, hint))
        elif event.tag not in tags:
            line, column = self.where(event)
            self.issues.append(_Issue(line, column,
                                      f'the tag "{_clip(_short_tag(event.tag))}" is not allowed in content files',
                                      "remove the tag and write the value as plain text"))

    def check_escaped_characters(self, event: yaml.ScalarEvent) -> None:
        """Refuse a control character that an escape (``"\\x01"``, ``"\\0"``, ``"\\e"``) put into a value.

        Typed ones are caught by the pre-scan (`_scan_characters`); these would
        reach the pages and break the XML feeds (XML 1.0 §2.2 allows no C0
        control character but TAB and line ends). A line break other than
        ``"\\n"`` (``"\\r"``, ``"\\N"``, ``"\\L"``, ``"\\P"``: `_ESCAPED_BREAKS`)
        is refused alike, as the README says, and told how to make a new line.
        """
        match = _ESCAPED_BAD.search(event.value)
        if match is None:
            return
        line, column = self.where(event)
        code = f"U+{ord(match.group()):04X}"
        if match.group() in _ESCAPED_BREAKS:
            what = "control character" if match.group() == "\r" else "line separator"  # as `_scan_characters` names it
            self.issues.append(_Issue(line, column, f"an escape in this value makes an invisible {what} ({code})",
                                      _escaped_break_hint(self.lines, event)))
            return
        fixed = _path_with_slashes(self.lines.line(line))  # "images\baihe.svg": \b is a control character
        self.issues.append(_Issue(line, column,
                                  f"an escape in this value makes an invisible control character ({code})",
                                  paste_hint(_SLASHES_HINT, fixed) if fixed is not None else
                                  'delete the backslash code (such as "\\0", "\\x01" or "\\u0001") from the value'))

    def refuse_anchor(self, event: yaml.NodeEvent) -> None:
        """Report an anchor (&name) or alias (*name), once per line."""
        line, column = self.where(event)
        if any(issue.line == line and issue.message.startswith("anchors") for issue in self.issues):
            return
        self.issues.append(_Issue(line, column, "anchors and aliases are not supported in content files",
                                  'write the value out in full instead of using "&name" and "*name"'))

    def second_document_hint(self, line: int) -> str:
        """The hint for a "---" on the 0-based ``line`` that starts a second document.

        When the fields at the left edge below it are all fields the first
        document lacks (``targets:`` and ``milestones:`` under a unit's
        tallies), they are the rest of the same record, and "remove what
        follows it" would lose them: the hint is to delete the line alone.
        When the fields that come again are lists the record has (``tallies:``
        with a new tally under it, pasted below the file), their items belong
        to those lists (`lists_again_hint`). When another field comes again
        (a second ``name:``), a second record follows.
        """
        tops = [(number, typed[1]) for number, typed in enumerate(map(_TOP_KEY.match, self.lines.lines), 0)
                if typed is not None and number > line]
        keys = [key for _, key in tops]
        if keys and isinstance(self.root, dict) and len(set(keys)) == len(keys):
            again = [key for key in keys if key in self.root]
            if not again:
                named = ", ".join(f'"{key}:"' for key in keys[:3]) + (" …" if len(keys) > 3 else "")
                return f'delete the "---" line: the fields below it ({named}) belong to this record'
            if all(isinstance(self.root[key], list) for key in again):
                return self.lists_again_hint(line, tops, again)
        return 'remove the "---" line and what follows it, or move it to its own file'

    def lists_again_hint(self, line: int, tops: list[tuple[int, str]], again: list[str]) -> str:
        """The hint for a "---" on the 0-based ``line`` followed by lists the record has already (``tallies:``
        and a new tally under it, pasted below the file), of the fields at the left edge below it (``tops``:
        0-based line and key): delete the "---" line and each such list's key line, and move its items to the
        end of the list above. "Remove what follows it" lost the new tally; "its own file" made a second unit.
        """
        steps = [f'delete the "---" line (line {line + self.first_line})']
        ends = [number for number, _ in tops] + [len(self.lines.lines)]
        for (number, key), end in zip(tops, ends[1:]):
            if key not in again:
                continue
            last = self.last_line_before(end)
            if last <= number:  # "tallies: 无" below the "---": no items to move
                return 'remove the "---" line and what follows it, or move it to its own file'
            above = self.last_line_before(self.next_top_after(self.key_positions[(key,)][0], line))
            items = f"line {last + self.first_line}" if last == number + 1 else \
                f"lines {number + 1 + self.first_line}–{last + self.first_line}"
            if above == line - 1 and number == line + 1:  # the list above ends the record: its items go on
                steps.append(f'delete the "{key}:" line below it (line {number + self.first_line}): the items '
                             f'under it then follow those of the "{key}:" list above')
            else:
                steps.append(f'delete the "{key}:" line (line {number + self.first_line}) and move its items '
                             f'({items}) right below line {above + self.first_line}, the end of the "{key}:" list '
                             'above, with their "-" lined up with the "-" of the items there')
        return "; ".join(steps) + "; their values stay as typed"

    def next_top_after(self, number: int, stop: int) -> int:
        """The 0-based line of the first field at the left edge after line ``number``, or ``stop`` (the "---")."""
        return next((index for index in range(number + 1, stop) if _TOP_KEY.match(self.lines.line(index))), stop)

    def last_line_before(self, end: int) -> int:
        """The last 0-based line before ``end`` that holds more than spaces or a note at the left edge."""
        last = end - 1
        while last > 0 and (not self.lines.line(last).strip() or self.lines.line(last).startswith("#")):
            last -= 1
        return last

    def fail(self, event: yaml.Event, message: str, hint: str) -> None:
        """Report a problem that stops the walk."""
        line, column = self.where(event)
        self.issues.append(_Issue(line, column, message, hint))
        self.failed = True

    def where(self, event: yaml.Event) -> tuple[int, int]:
        """Return the (0-based line, column) where ``event`` starts."""
        mark = event.start_mark
        return self.lines.at(mark.index if mark is not None else 0)


_TOP_KEY = compile_later(r"([^\s#:\-\[{][^:#]*?):(?:[ \t]|$)")
"""A field typed at the left edge of a line (``targets:``): its key."""


_ESCAPED_BREAKS = "\r" + _BAD_BREAKS
"""Line breaks an escape can put into a double-quoted value besides "\\n" (``\\r``, ``\\N``, ``\\L``, ``\\P``, or
``\\x0d``, ``\\u2028`` …): the page shows none of them as a new line, the open data keeps them raw (a carriage
return splits a row of a CSV file in a spreadsheet), and nobody types one on purpose."""
_ESCAPED_BAD = compile_later(f"[{_BAD_CHARS}{_ESCAPED_BREAKS}]")
"""What no value may hold, typed or made by an escape (`_TreeBuilder.check_escaped_characters`)."""
_ESCAPE_TOKEN = compile_later(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
"""One escape of a double-quoted value (YAML 1.2 §5.7): a backslash and the character, or code, after it."""
_BREAK_ESCAPES = {"r": "\r", "n": "\n", "N": "\x85", "L": "\u2028", "P": "\u2029"}


def _escaped(token: str) -> str:
    """The character an escape (`_ESCAPE_TOKEN`) makes, for the line breaks and codes; "" for the others."""
    if token[1] in "xuU" and len(token) > 2:
        return chr(int(token[2:], 16))
    return _BREAK_ESCAPES.get(token[1], "")


def _escaped_break_hint(lines: _Lines, event: yaml.ScalarEvent) -> str:
    """The hint for a line break other than "\\n" that an escape put into a double-quoted value (``"X\\r=1"``).

    Takes the text's lines and the value's event. Each such escape is written
    "\\n", which makes a new line inside double quotes, and a ``\\r`` right
    before a ``\\n`` (a Windows line end, "\\r\\n") is deleted; the hint gives
    the line so typed when the value is on one line, and offers a literal
    block (``|``), whose lines are kept as typed, in either case.
    """
    start, end = event.start_mark.index, event.end_mark.index
    typed = lines.text[start:end]
    tokens = list(_ESCAPE_TOKEN.finditer(typed))
    mended, at, windows, others = [], 0, False, False
    for number, token in enumerate(tokens):
        char = _escaped(token.group())
        if char not in _ESCAPED_BREAKS:
            continue
        after = tokens[number + 1] if number + 1 < len(tokens) else None
        ends = char == "\r" and after is not None and after.start() == token.end() and _escaped(after.group()) == "\n"
        windows, others = windows or ends, others or not ends
        mended += [typed[at:token.start()], "" if ends else "\\n"]
        at = token.end()
    mended.append(typed[at:])
    how = ('delete the "\\r" before "\\n", which alone makes a new line inside double quotes' if not others else
           'write "\\n" in its place for a new line, as inside double quotes only it makes one'
           + (', and delete a "\\r" before "\\n"' if windows else ""))
    block = ' (or type the text as a block: "|" after the colon, then its lines below it, further in)'
    line, column = lines.at(start)
    if lines.at(end)[0] != line:
        return how + block
    text = lines.line(line)
    return paste_hint(how, (text[:column] + "".join(mended) + text[lines.at(end)[1]:]).strip(), "") + block


FULL_WIDTH_PUNCTUATION = compile_later("[\u3000-\u303f\uff00-\uffef]")
"""Full-width punctuation (。，；：、《》…): nothing follows it where a line break joins two lines, and a web
address never holds it (`sitegen.markup`)."""


def _unfolded(value: str, typed: str) -> str:
    """A plain value typed over several lines, with no space where a line break met Chinese text.

    Takes the value as YAML folded it (each single line break became a
    space) and the text it was typed as. Chinese is written without spaces,
    so ``summary: 白鹤镇党委书记谈大调研，`` continued on the next line
    (``  截至4月26日…``) reads ``…大调研，截至…``, not ``…大调研， 截至…``: a
    break with a wide character on either side (East Asian Width W or F:
    Han, kana, hangul, full-width punctuation; or Chinese quotes and dashes,
    `_CJK_SIGNS`) joins the lines, so ``截至`` then ``2018.4.26`` reads
    ``截至2018.4.26`` and ``“白鹤草莓”`` then ``APP反映`` reads
    ``“白鹤草莓”APP反映``, as typed on one line (a space there was published
    and went into the open data). A break between two other characters
    (``Hello`` then ``world``) stays a space.
    Returns ``value`` unchanged when the fold cannot be told apart exactly.
    """
    spaced, joined = _folds(typed.split("\n"))
    return joined if spaced == value else value


def _folds(lines: Sequence[str]) -> tuple[str, str]:
    """The text of a value typed over ``lines`` as YAML folds it (each single line break a space, blank lines
    line breaks), and as sitegen publishes it (no space where a break meets Chinese: `_unfolded`)."""
    spaced: list[str] = []
    joined: list[str] = []
    blanks = 0
    for line in (line.strip(" \t") for line in lines):
        if not line:
            blanks += 1
            continue
        if spaced:
            gap = "\n" * blanks if blanks else " "
            wide = not blanks and (_in_chinese(spaced[-1][-1]) or _in_chinese(line[0]))
            spaced.append(gap)
            joined.append("" if wide else gap)
        spaced.append(line)
        joined.append(line)
        blanks = 0
    return "".join(spaced), "".join(joined)


def _unfolded_as_styled(value: str, typed: str, style: str | None) -> str:
    """`_unfolded` for a value of any style YAML folds: plain, quoted (``"…"``, ``'…'``) or folded (``>``).

    Takes the value as YAML made it, the text typed (from the value's
    first character to its end) and the scalar's style. A quoted value
    holding an escape (``\\`` in double quotes, ``''`` in single ones) and a
    literal block (``|``, which keeps its line breaks) are returned as they
    are; a folded block keeps its final line breaks (chomping). Returns
    ``value`` unchanged whenever the fold cannot be told apart exactly.
    """
    if not style:
        return _unfolded(value, typed)
    if style in ('"', "'"):
        escape = "\\" if style == '"' else "''"
        if escape in typed[1:-1] or len(typed) < 2 or typed[-1] != style:
            return value
        return _unfolded(value, typed[1:-1])
    if style == ">":
        body = typed.partition("\n")[2]  # after the header line (">", ">-", ">+", a comment)
        core = value.rstrip("\n")
        joined = _unfolded(core, body)
        return joined + value[len(core):] if joined != core else value
    return value


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


_CJK_SIGNS = frozenset("“”‘’…—·")
"""Signs of Chinese text that Unicode gives an ambiguous width (the quotes a Chinese input method types)."""


def _in_chinese(char: str) -> bool:
    """True for a character of Chinese text, beside which a line break is no space (`_unfolded`)."""
    return _is_wide(char) or char in _CJK_SIGNS


def _scalar_value(event: yaml.ScalarEvent) -> str | None:
    """Return a scalar's value: the text typed, or None for a plain null word or ``!!null``."""
    if event.tag == _STD + "null":
        return None
    if event.tag is None and not event.style and event.value in _NULLS:
        return None
    return event.value


def _short_tag(tag: str | None) -> str:
    """Return a tag as typed in short form (``!!python/object`` rather than the long URI)."""
    if tag and tag.startswith(_STD):
        return "!!" + tag[len(_STD):]
    return tag or ""


# --------------------------------------------------------------------------
# The same walk, fast, for events that need no report.
# --------------------------------------------------------------------------

_NULL_TAG = _STD + "null"
_QUIET_EVENTS = frozenset({yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent})


def _walk_fast(text: str, lines: _Lines, first_line: int) -> YamlData | None:
    """Return the `YamlData` that `_TreeBuilder` builds from ``text``, or None to leave it to `_TreeBuilder`.

    ``text`` is the pre-scanned text (gap TABs replaced) and ``lines`` the
    original; positions come out in file coordinates, in `_load`'s order.
    None (no data) is returned at the first event about which `_TreeBuilder`
    would have anything to say (anchor, alias, odd tag, escaped control
    character, empty, repeated or non-text key, second document, `MAX_DEPTH`,
    `MAX_NODES`) and at any event it does not know. Positions are recorded
    unconditionally: `_TreeBuilder` only skips them inside values it reports.

    Raises yaml.YAMLError where the text cannot be parsed (before it, nothing
    was found to report).
    """
    # One flat loop, the open collection in locals and globals bound to locals: per
    # event, a method call, a frame object or a few global look-ups would cost as much
    # as the work itself (this loop, parsing included, is most of the cost of a page's
    # front matter).
    scalar_event, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end, quiet = yaml.MappingEndEvent, yaml.SequenceEndEvent, _QUIET_EVENTS
    expect_key, nulls, scalar_tags, bad_char = _EXPECT_KEY, _NULLS, _SCALAR_TAGS, _ESCAPED_BAD
    bisect_right, starts, size = bisect.bisect_right, lines.starts, len(lines.text)
    positions: dict[KeyPath, Position] = {}
    key_positions: dict[KeyPath, Position] = {}
    stack: list[tuple[Any, KeyPath, object, bool]] = []
    root: object = None
    container: Any = None          # the open dict or list; None before the root opens
    is_map = False                 # whether `container` is a dict
    path: KeyPath = ()
    key: object = expect_key       # in an open dict: the key waiting for its value
    nodes = documents = 0
    for event in yaml.parse(text, Loader=_LOADER):
        kind = type(event)
        if kind is scalar_event or kind is map_start or kind is seq_start:
            nodes += 1
            if nodes > MAX_NODES or event.anchor is not None:
                return None
            mark = event.start_mark
            index = mark.index if mark is not None else 0
            if not 0 <= index <= size:
                index = min(max(index, 0), size)
            line = bisect_right(starts, index) - 1
            start = (line + first_line, index - starts[line] + 1)
        elif kind is map_end or kind is seq_end:
            value = container
            container, path, key, is_map = stack.pop()
            if container is None:
                root = value
            elif is_map:
                container[key] = value
                key = expect_key
            else:
                container.append(value)
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
            continue
        elif kind in quiet:
            continue
        else:
            return None
        if kind is scalar_event:
            tag, typed, style = event.tag, event.value, event.style
            if tag is not None and tag not in scalar_tags:
                return None
            # Only a double-quoted value can hold what its text does not: a control
            # character typed as such never gets here (see `_scan_characters`, _QUICK_CHAR).
            if style == '"' and bad_char.search(typed):
                return None
            if tag is None:
                value = None if not style and typed in nulls else typed
            else:
                value = None if tag == _NULL_TAG else typed
            if value and event.start_mark.line != event.end_mark.line:
                value = _unfolded_as_styled(value, text[event.start_mark.index:event.end_mark.index], style)
            if container is None:
                root = value
            elif not is_map:
                positions[path + (len(container),)] = start
                container.append(value)
            elif key is expect_key:
                # Each key taken before has its value by now, so "in" finds a repeat.
                if (not style and typed == "") or typed in container:
                    return None
                key_positions[path + (typed,)] = start
                key = typed
            else:
                positions[path + (key,)] = start
                container[key] = value
                key = expect_key
            continue
        if event.tag is not None and event.tag not in (_MAP_TAGS if kind is map_start else _SEQ_TAGS):
            return None
        if container is None:
            child: KeyPath = ()
        elif not is_map:
            child = path + (len(container),)
        elif key is expect_key:
            return None
        else:
            child = path + (key,)
        if len(stack) >= MAX_DEPTH:
            return None
        positions[child] = start
        stack.append((container, path, key, is_map))
        is_map = kind is map_start
        container, path, key = ({} if is_map else []), child, expect_key
    if not isinstance(root, list) or () not in positions:
        positions[()] = (first_line, 1)
    return YamlData(root, MappingProxyType(positions), MappingProxyType(key_positions))


# --------------------------------------------------------------------------
# PyYAML errors → plain words.
# --------------------------------------------------------------------------

def _explain(exc: yaml.YAMLError, lines: _Lines, unclosed: tuple[int, int | None] | None,
             groups: GroupFinder | None = None, first_line: int = 1) -> _Issue:
    """Translate a PyYAML error into one plain issue at the right place.

    Takes the error, the text's lines, where a quote or bracket left open
    starts and the line of the field whose opening quote closed it, if any
    (`_Scan.unclosed_before`, or None), `load_yaml`'s ``groups`` and the file line of the
    text's first line (for hints that name other lines). PyYAML's own words
    are kept, after the plain explanation, in parentheses.
    """
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = lines.at(exc.position)
        return _Issue(line, column, f"a character YAML cannot read is in the text (YAML parser: {exc.reason})",
                      "delete it (it often comes from text copied from a web page or Word)")
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    index = problem_mark.index if problem_mark is not None else len(lines.text)
    words = f"(YAML parser: {context + ': ' if context else ''}{problem or exc})"
    if unclosed is not None and index >= unclosed[0]:
        return _unclosed(lines, unclosed[0], words, unclosed[1], first_line)
    line, column = lines.at(index)
    too_far = _key_too_far_in(lines, line, groups) if groups is not None and problem.startswith("mapping values") \
        else None
    if too_far is not None:
        return _Issue(too_far[2][0], too_far[2][1], f"{too_far[0]} {words}", too_far[1])
    if problem.startswith("mapping values") or "expected key" in problem or "expected <block end>" in problem:
        lost = (_lost_indent_above(lines, line, column) or _item_lost_indent(lines, line, column, first_line)
                or _first_item_lost_indent(lines, line, column, first_line)
                or _item_typed_in(lines, line, column, first_line))
        if lost is not None:
            return _Issue(lost[2][0], lost[2][1], f"{lost[0]} {words}", lost[1])
    if groups is not None and (problem.startswith("mapping values") or "expected key" in problem):
        held = _group_given_a_value(lines, line, column, groups)
        if held is not None:
            return _Issue(held[2][0], held[2][1], f"{held[0]} {words}", held[1])
    if groups is not None and problem.startswith("mapping values"):
        named = _address_after_a_name(lines, line, column, groups)
        if named is not None:
            return _Issue(named[2][0], named[2][1], f"{named[0]} {words}", named[1])
    if problem.startswith("mapping values") or "expected key" in problem or "expected <block end>" in problem:
        joined = _fields_on_one_line(lines, line, column, groups)
        if joined is not None:
            return _Issue(joined[2][0], joined[2][1], f"{joined[0]} {words}", joined[1])
    if groups is not None and problem == "could not find expected ':'" and context_mark is not None:
        missing = _colon_missing(lines, context_mark.line, groups)
        if missing is not None:
            return _Issue(context_mark.line, missing[2], f"{missing[0]} {words}", missing[1])
    # "title 重固镇微访谈" on the first line (or "source" there), "- as_of 2018-04-26" opening an item: read as a
    # text going on into the field below.
    text_at = (_text_opening(lines, line) if groups is not None and problem.startswith("mapping values")
               else _yaml_line(lines, -1, 1) if groups is not None and "<document start>" in problem else None)
    text_at = text_at if text_at is not None and text_at >= 0 else None
    missing = _colon_missing(lines, text_at, groups) if text_at is not None and groups is not None else None
    if text_at is not None and missing is not None:
        return _Issue(text_at, missing[2], f"{missing[0]} {words}", missing[1])
    if groups is not None and (problem.startswith("mapping values") or "expected '-' indicator" in problem):
        bare = _item_given_a_value(lines, line, column, groups)
        if bare is not None:
            return _Issue(bare[2][0], bare[2][1], f"{bare[0]} {words}", bare[1])
    top = _file_field_indented(lines, line, groups, first_line) \
        if groups is not None and "expected '-' indicator" in problem else None
    if top is not None:
        return _Issue(line, top[2], f"{top[0]} {words}", top[1])
    between = _key_between(lines, line, groups) if groups is not None and "expected key" in problem else None
    if between is not None:
        return _Issue(line, _indent(lines.line(line)), f"{between[0]} {words}", between[1])
    for test, explain in _EXPLAINERS:
        if test(problem, context):
            message, hint, at = explain(lines, line, column, context_mark)
            line, column = at if at is not None else (line, column)
            return _Issue(line, column, f"{message} {words}", hint)
    return _Issue(line, column, f"{_UNREADABLE[0]} {words}", _UNREADABLE[1])


def _file_field_indented(lines: _Lines, line: int, groups: GroupFinder, first_line: int) -> tuple[str, str, int] | None:
    """``(message, hint, column)`` for a field of the file typed indented right after the items of a list of records
    (``  targets:`` under the items of ``tallies:``), which YAML reads as more of that list; None for a line that
    is no such field, or a field of the list's items (told to line up with them by `_explain_expected_dash`).

    "indent it to belong to the item above", followed, made it a field of the last tally: three errors more.
    The hint gives the line at the left edge, and the lines under it with as many spaces fewer, so that the
    field's own lines keep their place under it.
    """
    text = lines.line(line)
    typed = re.match(r"( +)([^\s:#\-][^:#]*?):(?:[ \t]|$)", text)
    above = next((n for n in range(line - 1, -1, -1) if lines.line(n)[:1] not in ("", " ", "#")), None)
    if typed is None or above is None:
        return None
    key, spaces, owner = typed[2].strip(), len(typed[1]), lines.line(above).split(":", 1)[0].strip()
    items = groups((owner, 0))
    if items is None or key not in (groups(()) or ()) or key == owner or key in items:
        return None  # below a list of texts, `_field_among_texts` tells it
    under = []
    for number in range(line + 1, len(lines.lines)):
        below = lines.line(number)
        if below.strip() and not below.lstrip(" ").startswith("#") and len(below) - len(below.lstrip(" ")) <= spaces:
            break
        under.append(number)
    while under and not lines.line(under[-1]).strip():
        under.pop()
    message = (f'"{key}:" is a field of the file, typed with {spaces} space{"s" if spaces > 1 else ""} before it: '
               f'YAML reads it as part of the list "{owner}:" above, whose items start with "- "')
    how = "type it at the left edge, with no spaces before it, as the file's other fields"
    if under:
        lines_named = (f"line {under[0] + first_line}" if len(under) == 1
                       else f"lines {under[0] + first_line} to {under[-1] + first_line}")
        how += f", and take {spaces} spaces from the start of each line under it ({lines_named})"
    return message, paste_hint(how, text.strip()), spaces


_UNREADABLE = ("the YAML cannot be read here",
               'check this line and the one above: spaces (not TABs) for indentation, a space after ":" '
               "in key: value, and quotes and brackets closed")
"""What `_explain` says of a parse error it has no better words for."""


def _unclosed(lines: _Lines, open_at: int, words: str, closed_at: int | None = None, first_line: int = 1) -> _Issue:
    """Explain a quote or bracket that is never closed, pointing at where it opens.

    ``closed_at``: the 0-based line of the field whose opening quote YAML
    took for this quote's closing one (``note: "…`` then, lines below,
    ``title: "…"``), told with its file line (``first_line``: that of the
    text's first line); the parse error comes there, at a line typed right.
    A quote never closed at all, on a value whose text goes on over the
    lines indented under its key, gets its closing quote after the last of
    them (`_quoted_text_end`), where the text the editor meant ends.
    """
    line, column = lines.at(open_at)
    opener = lines.text[open_at]
    closer = {"[": "]", "{": "}"}.get(opener, opener)
    if opener in "[{":
        message = f'the "{opener}" opened here is never closed with "{closer}"'
    else:
        message = f"the quote {opener} opened here is never closed"
        if closed_at is not None:
            message += (f" on its line, so YAML reads on to the {opener} that opens the value of line "
                        f"{closed_at + first_line} and takes the lines between as part of this value")
        else:
            last = _quoted_text_end(lines, line)
            if last != line:
                typed = lines.line(last).rstrip()
                return _Issue(line, column, f"{message} {words}", paste_hint(
                    f"add the closing {closer} at the end of the value, on line {last + first_line}",
                    (typed + closer).lstrip(" ")))
    typed = lines.line(line).rstrip()
    # The closer goes before a trailing "# comment" (every line sitegen new writes has one):
    # after it, the closer would be part of the comment and the line as broken as before.
    # Inside quotes a "#" glued to text (#3) is text, as the editor meant it.
    comment = (_TRAILING_COMMENT.search(typed, column) if opener in "[{" else
               _COMMENT.search(typed, column))
    end = comment.start() if comment else len(typed)
    before = f' (before the comment "{_clip(typed[end:].strip(), 20)}")' if comment else ""
    last = len(typed[:end].rstrip()) - 1
    wrong = _WRONG_CLOSERS.get(opener, {}).get(typed[last]) if last > column else None
    if wrong is not None:  # 老街改造］: adding "]" after it would keep the ］ in the last item
        fixed = typed[:last] + closer + typed[last + 1:]
        return _Issue(line, column, f'{message}: the "{typed[last]}" at the end is {wrong} {words}',
                      paste_hint(f'type {closer} in place of the "{typed[last]}"', fixed.lstrip(" ")))
    if comment and opener in "[{" and any(char in "]}" for char in typed[end:]):
        # "add the closing ]" before this "#" would, typed, check clean and drop the text after it.
        hashed = _flow_comment_issue(line, typed, typed.index("#", end), column, 0)
        if hashed is not None:
            return _Issue(hashed.line, hashed.column, f"{hashed.message} {words}", hashed.hint)
        return _Issue(line, column, f"{message} {words}", _UNREADABLE[1])
    fixed = typed[:end] + closer + typed[end:]
    return _Issue(line, column, f"{message} {words}",
                  paste_hint(f"add the closing {closer} at the end of the value", fixed.lstrip(" "), before))


def _quoted_text_end(lines: _Lines, line: int) -> int:
    """The last line of a quoted text opened on the 0-based ``line`` and never closed: the last of the lines
    right under it that stand further in than its line (a text typed over several lines, as YAML lets it go
    on), stopping at a blank line or a line holding a quote; ``line`` itself when none does."""
    indent, last = _indent(lines.line(line)), line
    for number in range(line + 1, len(lines.lines)):
        text = lines.line(number)
        if not text.strip() or _indent(text) <= indent or '"' in text or "'" in text:
            break
        last = number
    return last


_WRONG_CLOSERS = {
    "[": {"］": "a full-width bracket (全角括号)", "】": "a Chinese bracket (方头括号)", "〕": "a Chinese bracket (六角括号)",
          "）": "a full-width round bracket (全角括号)", ")": "a round bracket", "｝": "a full-width brace (全角括号)",
          "}": "a brace"},
    "{": {"｝": "a full-width brace (全角括号)", "）": "a full-width round bracket (全角括号)", ")": "a round bracket",
          "］": "a full-width bracket (全角括号)", "]": "a square bracket"},
}
"""The closing brackets typed, at the end of a value, for the one an opening "[" or "{" needs, each as a message
names it (`_unclosed`)."""


_TRAILING_COMMENT = compile_later(r"[ \t]+#.*$")
"""A "# comment" after the value on a line (YAML needs a space or TAB before its "#")."""


Explanation = tuple[str, str, tuple[int, int] | None]
"""(message, hint, position to report instead of the parser's problem position, or None)."""


def _explain_colon(lines: _Lines, line: int, column: int, _mark: object) -> Explanation:
    """A second ``: `` on a line: inside the value (quote it), or a key where none fits."""
    text = lines.line(line)
    start, colon, pos = _typed_value(text)
    doubled = re.match(r"[:：][ \t]*", text[pos:]) if colon is not None and column > colon else None
    if doubled is not None and text[pos + doubled.end():].strip() and ": " not in text[pos + doubled.end():]:
        # collected: : 296 — the colon typed twice: "wrap the value in quotes" gave ": 296", no whole number.
        lead = _typed_lead(text)[0]
        key = text[start:colon].strip()
        return (f'the ":" after "{_clip(key, 20)}" is typed twice, so YAML reads "{_clip(text[pos:].rstrip())}" as '
                "its value", paste_hint('delete the second ":"', lead + text[pos + doubled.end():].rstrip()),
                (line, pos))
    below = _yaml_line(lines, line, 1)
    if colon is not None and column > colon and not _split_comment(text[column + 1:])[0].strip(" ") \
            and below >= 0 and _going_on_from(lines, below).startswith("if it goes on"):
        # "summary: 谈大调研:" then the text it goes on with at the left edge: joined, the ":" is text, as typed
        # (told to quote the value, the editor still had the line below to mend, and the hint to join it after the
        # closing quote broke the line again).
        told = _line_of_text(lines, below)
        if told is not None:
            return told
    if colon is not None and column > colon:
        # The line's comment (every line sitegen new writes has one) stays after the closing quote.
        # The line's "- " stays: without it, the mended line is no list item.
        lead = _typed_lead(text)[0]
        value, note = _split_comment(text[pos:])
        fixed = f"{lead}{_quote(value)}"
        hint = paste_hint(QUOTE_HINT, _with_comment(fixed, note), f": {_quote_steps(_quote(value)[0], value, note)}")
        # “专访: …” typed as if Chinese quotes were YAML's: they would show on the page, so both fixes are named.
        if len(value) > 2 and value[0] in "“‘" and value[-1] in "”’":
            bare = f"{lead}{_quote(value[1:-1])}"
            without = paste_hint("without them", _with_comment(bare, note),
                                 f': type " in place of {value[0]} and of {value[-1]}')
            hint += f" (the {value[0]}{value[-1]} then show; {without})"
        else:
            # "misspellings: 白河镇: 百合镇": the ": " parts the words of a list, which quotes would make one word.
            hint = _as_word_list(text[start:colon].strip(), lead, value, note, hint)
        return 'the value contains ": "', hint, None
    text_above = _starts_text(lines, line) if start == _indent(text) or _is_item(text) else None
    told = _line_of_text(lines, text_above) if text_above is not None else None
    if told is not None:
        return told
    if colon is not None and not re.fullmatch(_ASCII_KEY, text[start:colon].strip()):
        # "其中: 环境类600份" going on from a text above: no field's name, but the text's own colon, typed in half
        # width. Told to line it up as a key, the editor got "unknown field 其中 … remove it", and lost the line.
        fixed = text[:colon] + "：" + text[colon + 1:].lstrip(" ")
        return (f'the ": " after "{_clip(text[start:colon].strip(), 20)}" makes this line of the text above a new '
                "field, which YAML does not allow inside a text",
                paste_hint("type the colon in full width (全角), as Chinese text does", fixed.strip(" "),
                           ", keeping the line where it is"), (line, colon))
    message = 'a "key:" is not expected here: this line is read as part of the value above'
    # "or wrap the value above in quotes", followed, left this line as it was: only quotes closed after it mend it.
    return message, _GOING_ON_HINT, None


def _as_word_list(key: str, lead: str, value: str, note: str, quoted: str) -> str:
    """The hint for ``value``, typed after ``key`` with ": " in it, when ``quoted`` (the hint to quote it) is not all.

    In a list of words (`_WORD_LISTS`), ": " most likely parts its words
    (``misspellings: 白河镇: 百合镇``): the hint offers the list first
    (``misspellings: [白河镇, 百合镇]``), then one word in quotes in the list
    (``misspellings: ["白河镇: 百合镇"]``: a word list typed as one text is
    refused, `sitegen.models.parse_tags`). Any other key, or words that
    would not be read as typed inside ``[...]``, gives ``quoted``. ``lead`` is the line up to the value, ``note`` its
    comment (`_split_comment`).
    """
    words = [word.strip() for word in value.split(": ")]
    one = _WORD_LISTS.get(key)
    if one is None or not all(words) or value[:1] in "[{\"'" or any(sign in value for sign in ",[]{}#&*!|>%@`"):
        return quoted
    noun = one.split(" ", 1)[1]
    plural = noun + ("es" if noun.endswith("s") else "s")
    listed = _with_comment(f"{lead}[{', '.join(words)}]", note)
    # One word in quotes must be an item in brackets too: a list of words typed as one text is refused.
    one = _with_comment(f"{lead}[{_quote(value)}]", note)
    return (paste_hint(f"if these are {len(words)} {plural}, write them in square brackets, separated by English "
                       "commas", listed) + f" (if it is one {noun}, "
            + paste_hint("put it in quotes inside the brackets", one) + ")")


_GOING_ON_HINT = ('line up this key with the keys above it (same number of spaces); only if this line is text going on '
                  'from the value above, put that value and this line in one pair of quotes: " before the value, '
                  '" at the end of this line')
"""`_explain_colon`'s hint for a key further in than the line above, that no record tells (`_key_too_far_in`)."""


def _indent(text: str) -> int:
    """How many spaces a line begins with."""
    return len(text) - len(text.lstrip(" "))


def _gap(text: str) -> str:
    """The spaces a line begins with, of any kind: ordinary, TABs, full-width and the other `WIDE_SPACES`."""
    return text[:len(text) - len(text.lstrip(_GAP))]


def _holds_yaml(text: str) -> bool:
    """True for a line that is neither blank nor a comment alone."""
    return bool(text.strip()) and not text.lstrip().startswith("#")


def _yaml_line(lines: _Lines, line: int, step: int) -> int:
    """The nearest 0-based line from ``line`` (not included) that holds YAML (`_holds_yaml`), going up (``step``
    -1) or down (1); -1 when there is none."""
    line += step
    while 0 <= line < len(lines.lines) and not _holds_yaml(lines.line(line)):
        line += step
    return line if 0 <= line < len(lines.lines) else -1


_NAMED_ADDRESS = compile_later(r"(.*?\S)[ \t\u3000]*[：:][ \t\u3000]*((?i:https?)://\S+)")
"""A name and a web address joined by a colon (``上海热线新闻网: http://…``): the value of a group of fields
with a ``url`` field typed on its key's line."""


def _address_after_a_name(lines: _Lines, line: int, column: int,
                          groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``source: 上海热线新闻网: http://…``: a group of fields with a ``url`` field (by the records)
    typed as its first field's value and the web address, joined by ": ", which YAML reads as a second key.

    Told to quote the value, the editor was next told to write it as a group, with the address in the name.
    Takes the lines, the 0-based line and column of the parse error and `load_yaml`'s ``groups``; returns
    (message, hint, the value's 0-based position), or None for any other line (a key not at the left edge, a
    value of another shape)."""
    text = lines.line(line)
    start, colon, pos = _typed_value(text)
    if colon is None or start != 0 or column <= colon:
        return None
    key = text[:colon].strip()
    fields = groups((key,))
    value = _split_comment(text[pos:])[0]
    found = _NAMED_ADDRESS.fullmatch(value)
    if not fields or "url" not in fields or found is None or "://" in found[1] or fields[0] == "url":
        return None
    lines_to_type = f'"  {fields[0]}: {found[1]}", then "  url: {found[2]}"'
    return (f'"{key}" should be a group of fields (key: value lines), not "{_clip(value, 60)}"',
            f"write {fields[0]}: and url: lines below it, each indented with two spaces: {lines_to_type}",
            (line, pos))


def _item_given_a_value(lines: _Lines, line: int, column: int,
                        groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``- images/laojie.png`` with ``alt: …`` lined up under it: an item of a list of records (an
    image, a tally) typed as its first field's value alone, its other fields under it.

    Told to line the key up or to quote, the editor moved the ``alt:`` line and got another error; the fix
    is the first field's name before the value: ``- src: images/laojie.png``. Takes the lines, the 0-based
    line and column of the parse error (at the ``key:`` under the item) and `load_yaml`'s ``groups``. The
    item's fields are the records' (``groups((*path, 0))``, required first), the key must be one of them,
    and the name given is the first field not typed in the item. Returns (message, hint, the value's
    0-based position), or None for any other shape (an item with a key, a list inside a list item …).
    """
    here = lines.line(line)
    start, colon, _pos = _typed_value(here)
    if colon is None or start != _indent(here) or column > colon:
        return None
    above = _yaml_line(lines, line, -1)
    text = lines.line(above) if above >= 0 else ""
    item_start, item_colon, _ = _typed_value(text)
    if not _is_item(text) or item_colon is not None or item_start != start:
        return None
    value, _note = _split_comment(text[item_start:])
    if not value or value[0] in "|>[{&*!\"'#-":
        return None
    path = _keys_above(lines, above, list_item=True)
    fields = groups((*path, 0)) if path else None
    key = here[start:colon].strip()
    if not fields or key not in fields:
        return None
    typed = _keys_under(lines, above, start)
    missing = [name for name in fields if name not in typed]
    if not missing:
        return None
    named = f"{text[:item_start]}{missing[0]}: {value}".strip(" ")
    message = (f'this item of "{_clip(path[-1], 40)}" is a value alone ("{_clip(value, 40)}"), with no field name, so '
               f'the "{_clip(key, 20)}:" line under it cannot be one of its fields')
    hint = (paste_hint(f"write the field name {missing[0]}: before the value", named, "")
            + f", and keep {_clip(key, 20)}: lined up under {missing[0]}:")
    return message, hint, (above, item_start)


def _keys_above(lines: _Lines, line: int, *, list_item: bool = False) -> list[str] | None:
    """The keys of the blocks that hold the 0-based ``line``, outermost first (``["source"]`` for a line under
    ``source:``), found as the nearest lines above it each less indented, each a key with no value; None when
    one holding it is anything else (a list item, a key with a value): the records cannot say what it is.

    With ``list_item``, ``line`` is an item of a list whose own key may stand as far in as its items
    (``tallies:`` over ``- as_of: …``), not further.
    """
    path: list[str] = []
    level = _indent(lines.line(line))
    for number in range(line - 1, -1, -1):
        outer = lines.line(number)
        indent = _indent(outer)
        if not _holds_yaml(outer) or indent > level or (
                indent == level and not (list_item and not path and not _is_item(outer))):
            continue
        outer_start, outer_colon, outer_value = _typed_value(outer)
        if outer_colon is None or outer_start != indent or outer[outer_value:].strip():
            return None
        path.insert(0, outer[outer_start:outer_colon].strip())
        level = indent
        if level == 0:
            break
    return path


def _keys_under(lines: _Lines, line: int, indent: int) -> set[str]:
    """The keys typed ``indent`` spaces in on the lines under the 0-based ``line``, up to the next line as far in
    as ``line`` or less: the fields typed in the block or list item that ``line`` opens."""
    typed: set[str] = set()
    for number in range(line + 1, len(lines.lines)):
        inner = lines.line(number)
        if not _holds_yaml(inner):
            continue
        if _indent(inner) <= _indent(lines.line(line)):
            break
        inner_start, inner_colon, _ = _typed_value(inner)
        if inner_colon is not None and _indent(inner) == indent:
            typed.add(inner[inner_start:inner_colon].strip())
    return typed


def _group_given_a_value(lines: _Lines, line: int, column: int,
                         groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``interviewee: 王建国`` typed with ``role:`` still indented under it: a group's key with a value.

    Takes the lines, the 0-based line and column of the parse error (on the
    indented ``key:`` line) and `load_yaml`'s ``groups``. When the line
    above, less indented, is ``key: value`` whose key is a group of fields
    by the records (not inside a list), the value typed there is the
    group's first field not typed under it, so the hint shows that field's
    line (``name: 王建国``) to type under the key left alone; with every
    field typed under it, the value is to be deleted. Returns (message,
    hint, the value's 0-based position), or None for any other shape (a
    ``: `` in this line's value, a line above that lost its indent …).
    """
    here = lines.line(line)
    start, colon, _pos = _typed_value(here)
    if colon is None or start != _indent(here) or column > colon or _lost_indent_above(lines, line, column):
        return None
    above = _yaml_line(lines, line, -1)
    text = lines.line(above) if above >= 0 else ""
    key_start, key_colon, value_at = _typed_value(text)
    if key_colon is None or key_start != _indent(text) or _indent(text) >= _indent(here):
        return None
    value, _note = _split_comment(text[value_at:])
    if not value or value[0] in "|>[{&*!\"'#":
        return None
    outer = _keys_above(lines, above)
    if outer is None:
        return None
    path = [*outer, text[key_start:key_colon].strip()]
    fields = groups(tuple(path))
    if fields is None:
        return None
    typed = _keys_under(lines, above, _indent(here))
    key = path[-1]
    message = (f'"{_clip(key, 40)}" is a group of fields, but it has a value on its own line ("{_clip(value, 40)}"), '
               "so the lines indented under it cannot be its fields")
    missing = [name for name in fields if name not in typed]
    if not missing:
        hint = f'delete "{_clip(value, 40)}" after "{_clip(key, 40)}:": its fields are the lines under it'
    else:
        shown, why = _value_as_typed(value)
        typed = f"{' ' * _indent(here)}{missing[0]}: {shown}"
        hint = (f'write "{_clip(key, 40)}:" alone on its line, and under it, indented as '
                f'"{_clip(here[start:colon], 20)}:" is, ')
        if len(typed) <= PASTE_LIMIT:
            hint += f'the line "{typed}"'
        else:  # too long to type again: the value is moved
            steps = f", in quotes ({_quote_steps(shown[0], value, '')})" if why else ""
            hint += f'"{missing[0]}: " followed by the value now after "{_clip(key, 40)}:"{steps}'
    return message, hint, (above, value_at)


def _mapping_path(lines: _Lines, line: int, here: str | None = None) -> KeyPath | None:
    """The path of the mapping that the key starting the 0-based ``line`` is typed in, read from the lines above.

    ``here`` stands for the line's own text when given (the line as it
    should have been typed).

    ``title: …`` at the left edge is in ``()``; ``  role: …`` under
    ``interviewee:`` in ``("interviewee",)``; ``  - as_of: …`` under
    ``tallies:`` in ``("tallies", 0)`` (any item of a list is 0), as is a
    field lined up with ``as_of`` below it. None for a line with no key,
    or when a line above that should hold a key alone does not (a list of
    lists, a key with a value, brackets).
    """
    here = lines.line(line) if here is None else here
    start, colon, _pos = _typed_value(here)
    if colon is None or here[_indent(here):start] not in ("", "- "):
        return None
    path: list[str | int] = [0] if start > _indent(here) else []
    # The column a line holding this mapping (or, in_list, this list item) stands left of.
    edge, in_list = (_indent(here), True) if path else (start, False)
    for number in range(line - 1, -1, -1):
        if edge == 0 and not in_list:
            break
        above = lines.line(number)
        if not _holds_yaml(above):
            continue
        above_start, above_colon, value_at = _typed_value(above)
        dash = above[_indent(above):above_start]
        if not in_list and dash and above_start == edge:  # the "- " line that opens the item this mapping is
            if dash != "- ":
                return None
            path.insert(0, 0)
            edge, in_list = _indent(above), True
            continue
        if _indent(above) > edge or (_indent(above) == edge and (not in_list or dash)):
            continue  # a line of a block above, or another item of the same list
        value = above[value_at:].strip()
        if above_colon is None or dash not in ("", "- ") or (value and not value.startswith("#")):
            return None
        path.insert(0, above[above_start:above_colon].strip())
        if dash:
            path.insert(0, 0)
        edge, in_list = (_indent(above), True) if dash else (above_start, False)
    return tuple(path) if edge == 0 and not in_list else None


# A key typed after a value on its line: an English field name after a space or TAB, then ":" and a space, a TAB
# or the line's end (so https://… is no key).
_LATER_KEY = compile_later(rf"(?<=[ \t\u3000])({_ASCII_KEY}):(?=[ \t]|$)")
# The same, as a field the records know may be typed: its ":" also followed by the value (slug:baihe), or
# full-width (slug：baihe). YAML reads these as part of the value, so they count only for a known field.
_LATER_FIELD = compile_later(rf"(?<=[ \t\u3000])({_ASCII_KEY})(?:：|:(?![/:]))")


def _later_keys(text: str, pos: int, end: int, wanted: Callable[[str], bool],
                pattern: re.Pattern[str] = _LATER_KEY) -> list[re.Match[str]]:
    """The keys ``wanted`` typed after the value that starts at ``pos`` in the line ``text`` (it ends at ``end``).

    A value typed in quotes is skipped whole (``"注意: 事项" slug: x`` has
    one such key), as is the value after each key found. A key is typed
    as ``pattern`` says: `_LATER_KEY`, or `_LATER_FIELD` for known fields.
    """
    found: list[re.Match[str]] = []
    while True:
        if text[pos:pos + 1] in ("\"", "'"):
            close = _quote_end(text, pos + 1, text[pos])
            if close is None or close >= end:
                return found
            pos = close + 1
        match = next((m for m in pattern.finditer(text, pos, end) if wanted(m.group(1))), None)
        if match is None:
            return found
        found.append(match)
        pos = match.end() + len(text[match.end():end]) - len(text[match.end():end].lstrip(" \t\u3000"))


@dataclass(frozen=True)
class _JoinedFields:
    """Fields typed on one line (`_joined_fields`): the key opening the line, and each key typed after a value."""

    key: str
    later: list[re.Match[str]]
    values: list[str]  # the value typed after each key, the first key's first ("" for none)
    note: str  # the line's comment, with the spaces before it ("" for none)

    @property
    def read_as_text(self) -> bool:
        """True when YAML reads the line without an error, every later key part of the first value: no later
        key is typed with ": " (slug:baihe, slug：baihe)."""
        return not any(m.group().endswith(":") and m.string[m.end():m.end() + 1] in ("", " ", "\t")
                       for m in self.later)

    @property
    def wide_colons(self) -> list[str]:
        """The later keys typed with a full-width colon (slug：baihe)."""
        return [m.group(1) for m in self.later if m.group().endswith("：")]


def _joined_fields(text: str, wanted: Callable[[str], bool],
                   pattern: re.Pattern[str] = _LATER_KEY) -> _JoinedFields | None:
    """The fields ``wanted`` typed after the first value of the line ``text``, with every value; None if none.

    A later key is typed as ``pattern`` says (`_later_keys`).
    """
    start, colon, pos = _typed_value(text)
    if colon is None:
        return None
    value, note = _split_comment(text[pos:])
    if value[:1] in ("[", "{", "|", ">", "&", "*", "!"):
        return None
    end = pos + len(value)
    later = _later_keys(text, pos, end, wanted, pattern)
    if not later:
        return None
    bounds = [colon + 1, *(m.end() for m in later)]
    ends = [*(m.start() for m in later), end]
    values = [text[begin:stop].strip(" \t\u3000") for begin, stop in zip(bounds, ends)]
    return _JoinedFields(text[start:colon].strip(), later, values, note)


def _field_line(indent: str, key: str, value: str) -> str:
    """``key: value`` typed after ``indent``, the value as YAML reads it as typed (`_value_as_typed`)."""
    return f"{indent}{key}:" + (f" {_value_as_typed(value)[0]}" if value else "")


def _names(keys: Sequence[str]) -> str:
    """``"title" and "slug"``, ``"a", "b" and "c"``: keys as a message names them."""
    quoted = [f'"{_clip(key, 20)}"' for key in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


_HOW_MANY = {2: "two", 3: "three", 4: "four", 5: "five"}
_ONE_A_LINE = "(一行只写一个字段)"


def _fields_on_one_line(lines: _Lines, line: int, column: int,
                        groups: GroupFinder | None) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``title: 白鹤镇 slug: baihe`` or a tally row pasted from Excel (``- as_of: 2024-06-30⇥collected: 296``).

    Takes the lines, the 0-based line and column of the parse error (past
    the line's first ``key:``) and `load_yaml`'s ``groups``. A later key
    counts when the records know it as a field of the mapping the line is
    typed in (the line is then each field on a line of its own), or of the
    group its first key is (``interviewee: 张三 role: 党委书记``: the key
    alone, its fields under it, the value typed after it as its first
    field not typed). Where the records cannot say (no ``groups``, or a
    block they do not know), any English key counts, and the hint offers
    the quotes too. A key the records do not know (``title: Tip: …``) is
    left to the quote hint. Returns (message, hint, the first later key's
    0-based position), or None.
    """
    here = lines.line(line)
    start, colon, _pos = _typed_value(here)
    if colon is None or column <= colon:
        return None
    path = _mapping_path(lines, line)
    if groups is not None and path is not None and groups(path) is not None:
        found = _known_fields_joined(here, path, groups, (lines, line))
        return None if found is None else (*found[0], (line, found[1].later[0].start(1)))
    joined = _joined_fields(here, lambda key: True)
    # title: Tip: use it: no value before "Tip:", so no field is plainly typed after one
    told = None if joined is None or not joined.values[0] else _guessed_fields(here, start, joined)
    return None if told is None or joined is None else (*told, (line, joined.later[0].start(1)))


def _known_fields_joined(here: str, path: KeyPath, groups: GroupFinder,
                         at: tuple[_Lines, int]) -> tuple[tuple[str, str], _JoinedFields] | None:
    """`_fields_on_one_line` where the records know the fields at ``path``, the mapping the line ``here`` is in.

    ``at`` is the text's lines and the line's 0-based number. A later key
    counts typed as `_LATER_FIELD` says (``slug:baihe`` and ``slug：baihe``
    too). Returns ((message, hint), the fields found), or None when no
    field the records know there is typed after a value.
    """
    start, colon, _pos = _typed_value(here)
    record = groups(path) or ()
    joined = _joined_fields(here, record.__contains__, _LATER_FIELD)
    key = here[start:colon or start].strip()
    group = groups(path + (key,)) if joined is None and key in record else None
    if group:
        joined = _joined_fields(here, group.__contains__, _LATER_FIELD)
    told = (None if joined is None else _group_fields_joined(here, start, joined, group) if group
            else _sibling_fields(here, start, joined, _typed_elsewhere(*at, [m.group(1) for m in joined.later])))
    if told is None or joined is None:
        return None
    wide = joined.wide_colons
    if wide:
        told = (f"{told[0]}; the colon after {_names(wide)} is a full-width colon (全角冒号 ：), "
                'where a half-width ":" (半角) is needed', told[1])
    return told, joined


def _check_joined_fields(scan: _Scan, number: int, line: str) -> bool:
    """Report ``title: 白鹤镇 slug:baihe`` (or ``slug：baihe``): fields typed on one line that YAML reads as one value.

    Only a field the records know in the mapping the line is in (or in the
    group its key is) counts: ``title: 会议纪要 note:2024`` is a title
    where no ``note`` field is. A later key typed with ": " makes the line
    a parse error, told by `_fields_on_one_line`. True when reported.
    """
    if scan.groups is None or _LATER_FIELD.search(line) is None:
        return False
    path = _mapping_path(scan.lines, number)
    if path is None or scan.groups(path) is None:
        return False
    found = _known_fields_joined(line, path, scan.groups, (scan.lines, number))
    if found is None or not found[1].read_as_text or not found[1].values[0]:
        return False
    (message, hint), joined = found
    scan.issues.append(_Issue(number, joined.later[0].start(1), message, hint))
    return True


def _sibling_lines(here: str, start: int, joined: _JoinedFields) -> list[str]:
    """The line ``here`` as one line for each field, the later ones lined up with its first key (at ``start``)."""
    inner = " " * start
    return [_field_line(here[:start], joined.key, joined.values[0]) + joined.note,
            *(_field_line(inner, m.group(1), value) for m, value in zip(joined.later, joined.values[1:]))]


def _lines_hint(how: str, typed: list[str], instead: str) -> str:
    """``how``, then the lines ``typed`` to type in place of the line, or ``instead`` when one is too long to give."""
    if max(map(len, typed)) > PASTE_LIMIT:
        return how + instead
    return f"{how}, typing these {len(typed)} lines in place of this one: " + ", ".join(f'"{t}"' for t in typed)


def _lined_up(key: str, start: int) -> str:
    """``lined up with "as_of:" (indented by 4 spaces)``: where a field split off a line starts."""
    return f'lined up with "{_clip(key, 20)}:"' + (f" (indented by {start} spaces)" if start else "")


def _sibling_fields(here: str, start: int, joined: _JoinedFields,
                    elsewhere: Mapping[str, str]) -> tuple[str, str]:
    """`_fields_on_one_line` for fields of one mapping: each on a line of its own, lined up with the first.

    ``elsewhere`` maps each later key that has a line of its own in the same
    mapping too to that line (`_typed_elsewhere`): the lines to type leave
    that field out, since the mapping would have it twice, and the hint says
    to type it in place of its line if this value is the one meant.
    """
    keys = [joined.key, *(m.group(1) for m in joined.later)]
    message = (f"{_HOW_MANY.get(len(keys), len(keys))} fields are typed on one line: {_names(keys)}; "
               f"each field needs a line of its own {_ONE_A_LINE}")
    typed = [line for key, line in zip(keys, _sibling_lines(here, start, joined)) if key not in elsewhere]
    if len(typed) > 1:
        hint = _lines_hint(f"put each field on a line of its own, {_lined_up(joined.key, start)}", typed,
                           f": start a new line before {_names([m.group(1) + ':' for m in joined.later])}")
    else:
        hint = f'keep "{_clip(joined.key, 20)}" alone on its line, typing this line in place of this one: "{typed[0]}"'
    for match, value in zip(joined.later, joined.values[1:]):
        key = match.group(1)
        if key in elsewhere:
            hint += (f'; there is a "{_clip(key, 20)}" line already ("{_clip(elsewhere[key], 60)}"): if '
                     f'"{_clip(_field_line("", key, value), 60)}" is the one you mean, type it in place of that line')
    return message, hint


def _typed_elsewhere(lines: _Lines, line: int, keys: Sequence[str]) -> dict[str, str]:
    """The keys of ``keys`` that another line of the mapping the 0-based ``line`` is in starts with: ``{key: that
    line, without its comment}``. Empty for a mapping inside a list (its items are not told apart here)."""
    here = lines.line(line)
    start, _colon, _pos = _typed_value(here)
    path = _mapping_path(lines, line)
    if path is None or any(isinstance(part, int) for part in path):
        return {}
    found: dict[str, str] = {}
    for number, text in enumerate(lines.lines):
        if number == line or not _holds_yaml(text):
            continue
        other_start, other_colon, value_at = _typed_value(text)
        key = text[other_start:other_colon].strip() if other_colon is not None else None
        if other_start == start and key in keys and key not in found and _mapping_path(lines, number) == path:
            found[key] = f"{key}: {_split_comment(text[value_at:])[0].strip()}".rstrip()
    return found


def _guessed_fields(here: str, start: int, joined: _JoinedFields) -> tuple[str, str]:
    """`_fields_on_one_line` where the records cannot say whether the later keys are fields: both fixes."""
    later = _names([m.group(1) + ":" for m in joined.later])
    one = len(joined.later) == 1
    message = (f'{later} after the value {"looks like another field" if one else "look like other fields"} '
               f"typed on the same line; each field needs a line of its own {_ONE_A_LINE}")
    fields = _lines_hint(f"if {'it is a field' if one else 'they are fields'}, put each field on a line of its own, "
                         f"{_lined_up(joined.key, start)}",
                         _sibling_lines(here, start, joined), f": start a new line before {later}")
    return message, f"{fields}; if {'it is' if one else 'they are'} part of the value, {_quote_hint(here)}"


def _group_fields_joined(here: str, start: int, joined: _JoinedFields,
                         group: tuple[str, ...]) -> tuple[str, str]:
    """`_fields_on_one_line` for a group's fields typed after its key (``interviewee: 张三 role: 党委书记``).

    When every field of the group is typed after the first value
    (``interviewee: 张三 name: 李四 role: 书记``), no field is left for that
    value: the hint gives the fields their lines and says the value has
    none. Returns (message, hint); never None.
    """
    later = [m.group(1) for m in joined.later]
    missing = [name for name in group if name not in later]
    inner = " " * (start + 2)
    first = [_field_line(inner, missing[0], joined.values[0])] if joined.values[0] and missing else []
    stray = joined.values[0] if joined.values[0] and not missing else ""
    typed = [here[:start] + joined.key + ":" + joined.note, *first,
             *(_field_line(inner, key, value) for key, value in zip(later, joined.values[1:]))]
    key = _clip(joined.key, 20)
    message = (f'{_names(later)} {"is a field" if len(later) == 1 else "are fields"} of "{key}", typed on its line; '
               f"a group of fields has each field on a line of its own under it {_ONE_A_LINE}")
    value = f', and write the value now after "{key}:" as "{missing[0]}: …"' if first else ""
    hint = _lines_hint(f'write "{key}:" alone on its line, and under it each field on a line of its own, '
                       f"indented by 2 spaces more than \"{key}:\"", typed,
                       f": start a new line before {_names([name + ':' for name in later])}{value}")
    if stray:
        hint = (f'"{_clip(stray, 20)}", typed before the fields, is in no field: delete it, or move it into the '
                f"field it belongs to; {hint}")
    return message, hint


# A field name typed without its colon, then a space (全角 or not) and the value: "    collected 350".
_KEY_WITHOUT_COLON = compile_later(rf"( *(?:- )*)({_ASCII_KEY})([ \t{WIDE_SPACES}]+)(?=[^ \t{WIDE_SPACES}#:：])")


# A field name alone on its line, its ":" not typed: "source" above the fields of its group, a note allowed after it.
_GROUP_KEY_WITHOUT_COLON = compile_later(rf"( *(?:- )*)({_ASCII_KEY})([ \t{WIDE_SPACES}]*)(?:[ \t]#.*)?$")


def _colon_missing(lines: _Lines, line: int, groups: GroupFinder) -> tuple[str, str, int] | None:
    """Explain ``collected 350``, or ``source`` above the fields of its group: a field of the record the 0-based
    ``line`` is typed in, its ":" not typed.

    Takes the lines, the line and `load_yaml`'s ``groups``. Returns
    (message, hint, 0-based column of the space typed for the colon, or
    of the end of a field name typed alone), or None when the line's first
    word is no field the records know there, or a name alone has no block
    under it (no fields or list items further in, nor items as far in).
    """
    here = lines.line(line)
    match = _KEY_WITHOUT_COLON.match(here)
    if match is None:
        return _group_colon_missing(lines, line, groups)
    lead, key, gap = match.groups()
    value, note = _split_comment(here[match.end():])
    typed = _field_line(lead, key, value.rstrip(_GAP)) + note
    path = _mapping_path(lines, line, typed)
    if path is None or key not in (groups(path) or ()):
        return None
    wide = next((char for char in gap if char in WIDE_SPACES), None)
    instead = f", and {space_name(wide)} is typed in its place" if wide else ""
    message = f'"{_clip(key, 20)}" is a field, but the ":" after it is missing{instead}'
    how = (f'replace the space after "{_clip(key, 20)}" with ":" and an ordinary space' if wide
           else f'type ":" and an ordinary space after "{_clip(key, 20)}"')
    hint = (f'{how}, typing this line in place of this one: "{typed}"' if len(typed) <= PASTE_LIMIT
            else f"{how}, before the value")
    return message, hint, match.start(3) + (gap.index(wide) if wide else 0)


def _group_colon_missing(lines: _Lines, line: int, groups: GroupFinder) -> tuple[str, str, int] | None:
    """Explain ``source`` typed alone above the fields of its group (or ``images`` above its items): the ":" of a
    group's field not typed (`_colon_missing`). Followed, "this line is text … put "# " back" made the group a
    note and lost it."""
    here = lines.line(line)
    match = _GROUP_KEY_WITHOUT_COLON.match(here)
    below = _yaml_line(lines, line, 1)
    if match is None or below < 0:
        return None
    lead, key, gap = match.groups()
    under = lines.line(below)
    if not (_indent(under) > match.start(2) or (_indent(under) == match.start(2) and _is_item(under.lstrip(" ")))):
        return None
    note = here[match.end(3):]
    typed = f"{lead}{key}:" + (f" {note.lstrip(' ')}" if note else "")
    path = _mapping_path(lines, line, typed)
    if path is None or key not in (groups(path) or ()):
        return None
    hint = paste_hint(f'type ":" after "{_clip(key, 20)}", typing this line in place of this one', f'"{typed}"')
    return f'"{_clip(key, 20)}" is a field, but the ":" after it is missing', hint, match.end(2)


def _key_too_far_in(lines: _Lines, line: int, groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``    role: 镇长`` under ``  name: 受访人``, or ``  summary: …`` under ``date: …``: a field typed further in
    than the field above it, whose value it is then read to go on.

    Both keys must be fields of the record the line above is typed in (by
    `load_yaml`'s ``groups``): a key that is none (``publisher:`` at the
    left edge, then ``  title:``) is `_lost_indent_above`'s, and a text
    going on from a value is no field. The lines below as far in go with it
    (a group's fields typed 2 spaces too far in): the hint gives each line
    to type, lined up with the field above. Returns (message, hint, the
    0-based line and column of the line's first character), or None for any
    other shape. "line up this key, or wrap the value above in quotes" was
    said before: quotes mend nothing here.
    """
    here, above = lines.line(line), _yaml_line(lines, line, -1)
    start, colon, _pos = _typed_value(here)
    if above < 0 or colon is None or start != _indent(here):
        return None
    typed = lines.line(above)
    above_start, above_colon, value_at = _typed_value(typed)
    value = _split_comment(typed[value_at:])[0].strip()
    if above_colon is None or not value or value[0] in "|>" or above_start >= start:
        return None
    path = _mapping_path(lines, above)
    known = groups(path) if path is not None else None
    key, above_key = here[start:colon].strip(), typed[above_start:above_colon].strip()
    if not known or key not in known or above_key not in known:
        return None
    block = [line]
    for number in range(line + 1, len(lines.lines)):
        if _holds_yaml(lines.line(number)):
            if _indent(lines.line(number)) < start:
                break
            block.append(number)
    shift = start - above_start
    fixed = [lines.line(number)[shift:] for number in block]
    spaces = f"{shift} space{'s' if shift > 1 else ''}"
    where = f'lined up with "{_clip(above_key, 20)}:" above it'
    if len(fixed) == 1:
        hint = paste_hint(f"delete {spaces} at its start, {where}, typing this line in place of this one",
                          f'"{fixed[0]}"')
    else:
        lines_said = f"this line and the {len(fixed) - 1} line{'s' if len(fixed) > 2 else ''} below it"
        shown = ", ".join(f'"{text}"' for text in fixed)
        hint = (f"delete {spaces} at the start of {lines_said}, {where}, typing these {len(fixed)} lines in place "
                f"of them: {shown}" if len(shown) <= PASTE_LIMIT
                else f"delete {spaces} at the start of {lines_said}, {where}")
    message = (f'"{_clip(key, 20)}:" is indented (缩进) further than "{_clip(above_key, 20)}:" above it, so it is read '
               f'as part of the value of "{_clip(above_key, 20)}:"')
    return message, hint, (line, 0)


def _bare_key(text: str) -> str | None:
    """The key of a line that holds a key alone (``interviewee:``, a comment after it allowed), else None."""
    start, colon, pos = _typed_value(text)
    value = text[pos:].strip()
    if colon is None or (value and not value.startswith("#")):
        return None
    return text[start:colon].strip()


def _opening_key(lines: _Lines, number: int, column: int) -> str | None:
    """The key of the line opening the block whose fields stand at ``column``, looking up from the 0-based line
    ``number`` (included); list items on the way are passed through to the key holding the list. None when the
    nearest line left of the block holds more than a key (the records cannot be told then)."""
    while number >= 0:
        text = lines.line(number)
        if _holds_yaml(text) and _indent(text) < column:
            if not text.lstrip().startswith("- "):
                return _bare_key(text)
            column = _indent(text) + 1  # the key holding a list may stand as far in as its "- "
        number -= 1
    return None


def _lost_indent_above(lines: _Lines, line: int, column: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a parse error at the key of the 0-based ``line`` (at ``column``) when the line above it lost its indent.

    Two shapes. ``interviewee:`` / ``name: 甲`` / ``  role: 乙``: a key with
    nothing after it, then a line as far in as that key (which ends the
    block it opens), then this line further in. And a line less indented
    than the block it stands in (``resolved:`` typed at the left edge
    inside a tally, ``note:`` between two targets), then this line, which
    goes on with that block: as far in as a key of it above (both items of
    a list, or neither), or lined up with the key after the ``- `` opening
    the item. Either way the line above was meant to be in the block, as
    this one is. A trailing ``# comment`` on any of the lines changes
    nothing (it only changes which error the parser gives). Returns
    (message, hint, the 0-based position of the line that lost its indent),
    or None for any other shape.
    """
    here, above = lines.line(line), _yaml_line(lines, line, -1)
    middle = lines.line(above)
    start, colon, _pos = _typed_value(here)
    if above < 0 or colon is None or column > colon or _typed_value(middle)[1] is None \
            or middle.lstrip().startswith("-") or _indent(middle) >= _indent(here):
        return None  # a list item may stand as far in as its key
    item = start > _indent(here)
    number = _yaml_line(lines, above, -1)
    while number >= 0 and _indent(lines.line(number)) > _indent(here):
        number = _yaml_line(lines, number, -1)
    if number < 0:
        return None
    typed = lines.line(number)
    shown = _clip(_split_comment(here.strip())[0], 40)
    key = _bare_key(typed)
    if key is not None and number == _yaml_line(lines, above, -1) and _indent(typed) == _indent(middle) and not item:
        fields, hint_end = _indent(here), f'as "{_clip(here[start:colon], 20)}:" below it is: both belong under "{key}:"'
    else:
        above_start, above_colon, _ = _typed_value(typed)
        # A key of the block as far in as this line, or the item its "- " opens; for an item, the item above.
        lined_up = (typed.lstrip().startswith("- ") and _indent(typed) == _indent(here) if item
                    else above_start == _indent(here))
        if above_colon is None or not lined_up:
            return None
        fields, key = above_start, _opening_key(lines, number, above_start)
        if key is None:
            return None
        sibling = next(n for n in range(above - 1, number - 1, -1) if _holds_yaml(lines.line(n))
                       and _typed_value(lines.line(n))[0] == fields and _typed_value(lines.line(n))[1] is not None)
        sibling_text = lines.line(sibling)
        sibling_start, sibling_colon, _ = _typed_value(sibling_text)
        hint_end = f'lined up with "{_clip(sibling_text[sibling_start:sibling_colon], 20)}:" above it' + (
            "" if item else f' and "{_clip(here[start:colon], 20)}:" below it')
    spaces = fields - _indent(middle)
    by = f"{spaces} {'more ' if _indent(middle) else ''}space{'s' if spaces > 1 else ''}" + (
        f" ({fields} in all)" if _indent(middle) else "")
    return (f'this line lost its indent (缩进): it ends the block under "{key}:" that the indented line below it '
            f'("{shown}") is part of', f"indent it by {by}, {hint_end}", (above, _indent(middle)))


def _is_item(text: str) -> bool:
    """True for a line that starts a list item (``- as_of: …``, ``- 走访…``, a lone ``-``)."""
    typed = text.lstrip(" ")
    return typed.startswith("- ") or typed.rstrip() == "-"


def _item_lead(text: str) -> str:
    """A list item's line as a hint names it: ``- as_of:`` for an item opening fields, else its text, cut short."""
    start, colon, _pos = _typed_value(text)
    if colon is not None:
        return f"- {_clip(text[start:colon], 20)}:"
    return f"- {_clip(_split_comment(text[start:])[0], 20)}"


def _line_numbers(numbers: Sequence[int]) -> str:
    """File lines as a hint names them: "line 14", "lines 14 and 19", "lines 14, 19 and 24"."""
    shown = [str(number) for number in numbers]
    if len(shown) == 1:
        return f"line {shown[0]}"
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"


def _spaces_more(spaces: int, indent: int) -> str:
    """How many spaces to add to a line indented by ``indent``: "2 spaces", "1 more space"."""
    return f"{spaces} {'more ' if indent else ''}space{'s' if spaces > 1 else ''}"


def _items_typed_out(lines: _Lines, line: int, column: int, sibling: int | None) -> tuple[list[int], int, int | None]:
    """The list items typed at ``column`` from the 0-based item ``line`` down, with the lines under them.

    The run ends at a line further out, at a line as far out that is no
    item, or at an item at ``sibling`` (a column: an item of the list where
    it belongs). Returns (the 0-based lines of the items at ``column``, the
    run's last line, the least indent of the other lines of the run, or
    None when it has none).
    """
    items, last, inner = [line], line, None
    for number in range(line + 1, len(lines.lines)):
        text = lines.line(number)
        if not _holds_yaml(text):
            continue
        indent = _indent(text)
        if indent < column or (indent == column and not _is_item(text)) or (indent == sibling and _is_item(text)):
            break
        if indent == column:
            items.append(number)
        else:
            inner = indent if inner is None else min(inner, indent)
        last = number
    return items, last, inner


def _item_lost_indent(lines: _Lines, line: int, column: int,
                      first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a list item typed further out than the items above it (a tally pasted at the left edge).

    ``tallies:`` / ``  - as_of: …`` and its fields / ``- as_of: …``: the
    parse error is at the ``-`` of the 0-based ``line`` (at ``column``).
    The item belongs to the list above it; its "-" goes as far in as theirs.
    The lines under it move with it when they stand as far in as its own
    key (the whole item was pasted out), not when they already line up with
    the fields of the items above; other items typed as far out below it
    move too, so that one round of the hint mends them all. ``first_line``
    turns 0-based lines into file lines. A trailing ``# comment`` on any
    line changes nothing. Returns (message, hint, the item's 0-based
    position), or None for any other shape.
    """
    here = lines.line(line)
    if not _is_item(here) or _indent(here) != column:
        return None
    number, held = line - 1, []
    while number >= 0 and not (_holds_yaml(lines.line(number)) and _indent(lines.line(number)) <= column):
        if _holds_yaml(lines.line(number)):
            held.append(number)
        number -= 1
    key = _bare_key(lines.line(number)) if number >= 0 else None
    if key is None or not held:
        return None
    dash = min(_indent(lines.line(n)) for n in held)
    if not all(_is_item(lines.line(n)) for n in held if _indent(lines.line(n)) == dash):
        return None  # the lines further in are no list under the key above
    above = lines.line(max(n for n in held if _indent(lines.line(n)) == dash))
    spaces, fields = dash - column, _typed_value(above)[0]
    if fields - dash != _typed_value(here)[0] - column:
        return None
    items, last, inner = _items_typed_out(lines, line, column, dash)
    more = _spaces_more(spaces, column)
    lead = _item_lead(above)
    if inner is None or inner == fields:  # only the "- " lines are out of line
        if len(items) == 1:
            hint = f'indent it by {more}{f" ({dash} in all)" if column else ""}, lined up with "{lead}" above it'
        else:
            below = _line_numbers([n + first_line for n in items[1:]])
            hint = (f'indent it and {below} (the items below it typed as far out) by {more} each, '
                    f'lined up with "{lead}" above them')
    elif inner == fields - spaces:  # the whole item is out of line
        what = ("this item and the lines under it" if len(items) == 1
                else "the items typed as far out as this one, and the lines under them")
        hint = (f"indent lines {line + first_line} to {last + first_line} by {more} each ({what}), "
                f'so that this item lines up with "{lead}" above it')
    else:
        return None
    message = (f'this list item lost its indent (缩进): it is not lined up with the items of "{_clip(key, 20)}:" '
               "above it, so YAML cannot read it as one of them")
    return message, hint, (line, column)


def _item_typed_in(lines: _Lines, line: int, column: int,
                   first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain a list item typed further in than the item above it in its list (``  - group: …`` with its
    fields, then ``    - group: …``: a target pasted with 4 spaces where the others have 2).

    The parse error is at the ``-`` of the 0-based ``line`` (at ``column``).
    The item above is found past the lines under it (indented ``column``
    or more) and past blank lines and notes; a key further out than this
    item before it means no such item. The item moves out to the item
    above, with the lines under it, and other items typed as far in below
    it. ``first_line`` turns 0-based lines into file lines. Returns
    (message, hint, the item's 0-based position), or None for any other
    shape.
    """
    here = lines.line(line)
    if not _is_item(here) or _indent(here) != column:
        return None
    above = line - 1
    while above >= 0 and not (_holds_yaml(lines.line(above)) and _indent(lines.line(above)) < column):
        above -= 1
    if above < 0 or not _is_item(lines.line(above)):
        return None
    dash = _indent(lines.line(above))
    _items, last, _inner = _items_typed_out(lines, line, column, dash)
    spaces = column - dash
    moved = (f"line {line + first_line}" if last == line
             else f"lines {line + first_line} to {last + first_line}")
    message = (f'this list item is indented further (缩进) than the item above it ("{_item_lead(lines.line(above))}"), '
               "so YAML cannot read it as an item of the same list")
    hint = (f"remove {spaces} space{'s' if spaces > 1 else ''} at the start of {moved}, "
            f'so that this item lines up with "{_item_lead(lines.line(above))}" above it')
    return message, hint, (line, column)


def _first_item_lost_indent(lines: _Lines, line: int, column: int,
                            first_line: int) -> tuple[str, str, tuple[int, int]] | None:
    """Explain the first item of a list typed further out than its fields (``- as_of: …`` at the left edge under
    ``tallies:``, ``    collected: …`` below it).

    The parse error is at the first field under the item, on the 0-based
    ``line`` (at ``column``, its key or its colon): the parser read that
    field as more of the value above. The item's "-" goes in until its key
    lines up with the fields under it; other items typed as far out below
    it move too. ``first_line`` turns 0-based lines into file lines. Returns
    (message, hint, the item's 0-based position), or None for any other
    shape.
    """
    here = lines.line(line)
    start, colon, _pos = _typed_value(here)
    if colon is None or _is_item(here) or column not in (start, colon):
        return None
    above = _yaml_line(lines, line, -1)
    text = lines.line(above)
    dash = _indent(text)
    key_start, key_colon, _ = _typed_value(text)
    if above < 0 or not _is_item(text) or key_colon is None or key_start >= start:
        return None
    holder = _yaml_line(lines, above, -1)
    if holder < 0 or _indent(lines.line(holder)) > dash or _bare_key(lines.line(holder)) is None:
        return None  # not the first item of its list
    spaces = start - key_start
    items, _last, inner = _items_typed_out(lines, above, dash, dash + spaces)
    if inner != start:
        return None  # the lines under it are not lined up with one another: this line may be the one out of line
    more = _spaces_more(spaces, dash)
    name, field = _clip(text[key_start:key_colon], 20), _clip(here[start:colon], 20)
    if len(items) == 1:
        hint = f'indent it by {more}, so that "{name}:" lines up with "{field}:" below it'
    else:
        below = _line_numbers([n + first_line for n in items[1:]])
        hint = (f"indent it and {below} (the items below it typed as far out) by {more} each, "
                f'so that "{name}:" lines up with "{field}:" below it')
    shown = _clip(_split_comment(here.strip())[0], 40)
    message = (f'this list item lost its indent (缩进): "{name}:" is not lined up with the lines under it '
               f'("{shown}"), so YAML cannot read them as its fields')
    return message, hint, (above, dash)


def _typed_value(text: str) -> tuple[int, int | None, int]:
    """Find the parts of a line: (start of its key or item text, its key's colon or None, start of its value).

    The start is past the indentation and any ``- `` list markers; the value
    starts past the colon and the spaces after it (at the start, without a key).
    """
    start = len(text) - len(text.lstrip(" "))
    while text[start:start + 2] == "- ":
        start += 2
    colon = _key_colon(text, start)
    if colon is None:
        return start, None, start
    return start, colon, colon + 1 + len(text[colon + 1:]) - len(text[colon + 1:].lstrip(_GAP))


def _typed_lead(text: str) -> tuple[str, int]:
    """Return what a line holds before its value, as a hint shows it (``title: ``, ``- ``), and the value's start."""
    _start, colon, pos = _typed_value(text)
    indent = len(text) - len(text.lstrip(" "))
    return (text[indent:colon + 1] + " " if colon is not None else text[indent:pos]), pos


def _quoted_then_text(lines: _Lines, line: int) -> Explanation:
    """Explain ``title: "大调研"微访谈``: quotes around a part of a value, read by YAML as quoting the value.

    The fixes are `_quoted_text_hint`'s. Takes the text's lines and the line's number (0-based, to find the
    field of a list item: `_list_field`); returns the explanation.
    """
    text = lines.line(line)
    lead, pos = _typed_lead(text)
    value = text[pos:].rstrip()
    quote = value[:1]
    end = _quote_end(value, 1, quote) if quote in "\"'" and value else None
    message = "there is more text after the closing quote"
    if end is None:
        return message, "put the whole value inside the quotes", None
    # The line's comment (   # 标题 title) stays after the quotes added, or the page would show it.
    rest, note = _split_comment(value[end + 1:])
    item = lead.startswith("-") and not lead.rstrip().endswith(":")
    words = _list_field(lines, line, pos) if item else ""
    joined = _joined_items(value[:end + 1] + rest)
    if joined is not None and (words or lead[:-2].strip()) in _WORD_LISTS:  # tags: "大调研"，"补短板"
        return _joined_list(text[:len(text) - len(text.lstrip(" "))] + lead, joined, note, item)
    mend = _Mend(lead, note, fit=_as_item, words=words if words in _WORD_LISTS else "") if item else _Mend(lead, note)
    return message, _quoted_text_hint(mend, value[:end + 1] + rest), None


@dataclass(frozen=True)
class _Mend:
    """Where a value a hint mends stands on its line: ``lead``, what the line holds before it (``title: ``,
    ``- ``, ``tags: [大调研, ``); ``note``, the line's comment after it (`_split_comment`), named in the
    words for a line too long to give; ``tail``, the rest of the line after it and its note (``, 民生]``);
    ``fit``, how a text is typed there to be read as itself (`as_value`; `_as_item` for a list's item,
    `_as_flow_item` for one in brackets); ``what``, the word the hint calls it by; ``words``, the field of the
    list of words the value is an item of (`_WORD_LISTS`: ``tags``, ``misspellings`` …), else ""."""

    lead: str
    note: str = ""
    tail: str = ""
    fit: Callable[[str], str] = field(default=lambda text: as_value(text))
    what: str = "value"
    words: str = ""

    def line(self, typed: str) -> str:
        """The line with ``typed`` in place of the value."""
        return _with_comment(self.lead + typed, self.note) + self.tail


def _quoted_text_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, a text typed starting with a quote and going on after the quote that closes
    it (``"大调研"微访谈``), which YAML reads as quoting the value: the whole value in the other kind of
    quotes, which keeps the typed ones, or Chinese quotes, which YAML does not read.

    A value that also ends with the quote may have been wrapped in quotes
    for YAML around a text holding its own (``"重固镇："把问题解决在家门口""``):
    then the first and last quotes are YAML's and the fixes keep only the
    others (`_wrapped_reading`). A value holding an odd number of the quote
    has one without a partner (`_odd_quotes_hint`). An item of a list of
    names or terms (``misspellings: ["白河"镇, 百合镇]``, ``tags: [""补短板""]``)
    is first offered without its quotes (`_word_quotes_hint`).
    Takes where the value stands and the value typed; returns the hint.
    """
    quote = value[0]
    if mend.words and value.replace(quote, "").strip(" "):
        return _word_quotes_hint(mend, value)
    return _kept_quotes_hint(mend, value)


def _kept_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes `_quoted_text_hint` gives for ``value`` read as a text, which may hold quotes: each keeps them
    (in the other kind of quotes, or as Chinese quotes). Takes where the value stands and the value."""
    quote = value[0]
    end = _quote_end(value, 1, quote) or len(value) - 1
    if value.count(quote) % 2:
        return _odd_quotes_hint(mend, value)
    reading = _wrapped_reading(value, quote)
    if reading is None:
        return _typed_quotes_hint(mend, value, end)
    wrapped = _wrapped_quotes_hint(mend, value)
    if reading:
        return f"the first and last {quote} only wrap the {mend.what}: {wrapped}"
    return (f"if the first and last {quote} only wrap the {mend.what}: {wrapped}; if they are part of it, "
            + _typed_quotes_hint(mend, value, end))


def _wrapped_reading(value: str, quote: str) -> bool | None:
    """Whether the first and last quote of ``value`` (which starts with ``quote`` and goes on after the quote
    closing it) were typed for YAML around the text meant: True when they surely were, False when they may
    have been, None when they cannot have been (the value does not end with ``quote``).

    Read as part of the text, ``""把问题解决在家门口""`` or ``"重固镇："把问题""`` would hold an empty pair of
    quotes, which no title has; ``"大调研"微访谈"共建"`` reads either way.
    """
    if len(value) < 3 or not value.endswith(quote):
        return None
    return value.startswith(quote * 2) or value.endswith(quote * 2)


_WORD_LISTS = {"tags": "a tag", "aliases": "an alias", "misspellings": "a misspelling",
               "distinct_from": "a unit id"}
"""The fields that list names, ids or terms (the records' `sitegen.models.WORD_LIST_FIELDS`, a unit's
``distinct_from`` and a page's ``aliases``), each with what one item is called: an item of them holds no
quote marks, so quotes typed in one (``misspellings: ["白河"镇, 百合镇]``) are a slip, and a hint offers it
without them first. A place name so kept would never match the text it is to warn of or stand for, and a tag
would get a page of its own beside the tag without quotes."""


def _word_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, an item of a list of words (`_WORD_LISTS`) typed with quotes in it (``"白河"镇``,
    ``""补短板""``): the item without the quotes. A name or id never holds any, so that is all; a tag may
    (a slogan's words), so the fixes that keep them (`_kept_quotes_hint`) follow, as the second choice.
    Takes where the value stands and the value; returns the hint."""
    quote, field_name = value[0], mend.words
    meant = value.replace(quote, "").strip(" ")
    typed = mend.fit(meant)
    count = "the " if value.count(quote) < 3 else f"all {value.count(quote)} "
    steps = f": delete {count}{quote} in {_clip(value, 30)}{_fit_steps(mend, meant, typed)}"
    if field_name != "tags":
        return paste_hint(f"delete the {quote}: {_WORD_LISTS[field_name]} holds no quote marks",
                          mend.line(typed), steps)
    plain = paste_hint(f"to tag the page {meant}, delete the {quote}", mend.line(typed), steps)
    return f"{plain}; if the quotes are part of the tag: {_kept_quotes_hint(mend, value)}"


def _list_field(lines: _Lines, line: int, start: int) -> str:
    """The field whose list holds the item starting at column ``start`` of ``line`` (0-based): the key before it on
    its line (``tags: [大调研, ""补短板""]``), else the nearest key above that the item is under (``tags:`` above
    ``- ""补短板""``, or above a list in brackets typed one item a line); "" when none is found."""
    text = lines.line(line)
    key_start, colon, _pos = _typed_value(text)
    if colon is not None and colon < start:
        return text[key_start:colon].strip(" ")
    indent = len(text) - len(text.lstrip(" "))
    for number in range(line - 1, -1, -1):
        above = lines.line(number)
        if not above.strip() or above.lstrip(" ").startswith("#"):
            continue
        depth = len(above) - len(above.lstrip(" "))
        key_start, colon, _pos = _typed_value(above)
        if colon is None or depth > indent or (depth == indent and above.lstrip(" ").startswith("-")):
            continue  # another item of the list (大调研, or - 大调研), or a line of a deeper block
        # A key at the item's own depth holds it only as a "- " line (YAML lets a list so typed stand at its
        # key's depth) or in brackets opened after it; any other ends the search.
        if depth < indent or text.lstrip(" ").startswith("-") or "[" in above[colon:]:
            return above[key_start:colon].strip(" ")
        return ""
    return ""


def _chinese_pairs(text: str, quote: str) -> str:
    """``text`` with each pair of ``quote`` in it turned into Chinese quotes (“…” for ", ‘…’ for '); an odd last
    quote, which has no partner, stays as typed."""
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    marks = iter([*chinese] * (text.count(quote) // 2))
    return "".join(next(marks, char) if char == quote else char for char in text)


def _typed_quotes_hint(mend: _Mend, value: str, end: int) -> str:
    """The fixes for ``value`` read with every quote part of the text (``"大调研"微访谈``): the whole value in
    the other kind of quotes, or Chinese quotes in place of each pair typed. Takes where the value stands,
    the value and the index of the quote closing its first quote."""
    quote, rest = value[0], value[end + 1:]
    kept = _quote_single(value) if quote == '"' else _quote(value)
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    inside = value[1:end].replace("''", "'") if quote == "'" else value[1:end]
    # Every pair typed becomes Chinese quotes ("大调研"微访谈"共建"), not the first alone: the
    # others would show as typed beside them.
    pairs = rest.count(quote) // 2
    meant = chinese[0] + inside + chinese[1] + _chinese_pairs(rest, quote)
    typed = mend.fit(meant)
    other = "single" if quote == '"' else "double"
    whole = paste_hint(f"to keep the {quote} as typed, put the whole {mend.what} in {other} quotes",
                       mend.line(kept), f": {_quote_steps(kept[0], value, mend.note, mend.what)}")
    steps = (f": {chinese[0]} in place of the first {quote} and {chinese[1]} in place of the second" if not pairs
             else f": {chinese[0]} in place of each opening {quote} and {chinese[1]} in place of each closing one")
    steps += _fit_steps(mend, meant, typed)
    return f"{whole} ({paste_hint('or type Chinese quotes', mend.line(typed), steps)})"


def _wrapped_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value`` read as a text in YAML quotes, its first and last characters (`_wrapped_reading`):
    the text in the other kind of quotes, or the text with Chinese quotes in place of each pair inside it.
    Takes where the value stands and the value."""
    quote, meant = value[0], value[1:-1]
    kept = _quote(meant)
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    typed = mend.fit(_chinese_pairs(meant, quote))
    twice = ", and type each ' inside it twice" if kept[0] == "'" and "'" in meant else ""
    if kept[0] == quote:  # a ' inside, and a " too: the single quotes stay, each ' inside typed twice
        how, steps = (f"to keep the {quote} inside it as typed, type each of them twice",
                      f" (not the first and the last {quote})")
    else:
        kind = "single" if kept[0] == "'" else "double"
        how = f"to keep the {quote} inside it as typed, put it in {kind} quotes instead"
        steps = f": type {kept[0]} in place of the first and the last {quote}{twice}"
    whole = paste_hint(how, mend.line(kept), steps)
    ends = (f", and delete the first and the last {quote}" if typed[:1] not in "'\"" else
            "" if typed[0] == quote else f", and type {typed[0]} in place of the first and the last {quote}")
    steps = (f": {chinese[0]} in place of each opening {quote} inside it and {chinese[1]} in place of each "
             f"closing one{ends}")
    return f"{whole} ({paste_hint('or type Chinese quotes inside it', mend.line(typed), steps)})"


def _odd_quotes_hint(mend: _Mend, value: str) -> str:
    """The fixes for ``value``, starting with a quote and holding an odd number of them (``"草莓"产业"``): one
    has no partner, and typed as it is, it would show on the page.

    The readings (`_odd_readings`): the last quote is one too many (it only
    closes the value: ``“草莓”产业``), or the first is (it only opens it:
    ``草莓“产业”``), or, in a value that does not end with a quote
    (``"大调研"微访谈"共建``), the partner of the last is missing at the end
    (``“大调研”微访谈“共建”``). Each reading's fixes: the text in the other
    kind of quotes, which keeps its quotes as typed, or with Chinese quotes
    in place of each pair. Takes where the value stands and the value;
    returns the hint.
    """
    quote = value[0]
    chinese = ("“", "”") if quote == '"' else ("‘", "’")
    readings = _odd_readings(value, quote)
    kinds = {"single" if _quote_other(text, quote)[0] == "'" else "double" for _which, _how, text in readings}
    fixes = []
    for which, how, text in readings:
        kept, meant = _quote_other(text, quote), _chinese_pairs(text, quote)
        typed = mend.fit(meant)
        said = f"if {which}" if len(readings) > 1 else which
        whole = paste_hint(said, mend.line(kept), f": {how}, then {_quote_steps(kept[0], text, mend.note, mend.what)}")
        steps = (f": {how}, then type {chinese[0]} in place of each opening {quote} and {chinese[1]} in place of "
                 f"each closing one{_fit_steps(mend, meant, typed)}")
        fixes.append(f"{whole} ({paste_hint('or, in Chinese quotes', mend.line(typed), steps)})")
    return (f"one of the {value.count(quote)} {quote} has no partner; to keep the others as typed, put the "
            f"{mend.what} in {' or '.join(sorted(kinds))} quotes, or type Chinese quotes in place of each pair: "
            + "; ".join(fixes))


def _fit_steps(mend: _Mend, meant: str, typed: str) -> str:
    """The words that end a hint's steps for a line too long to give (`paste_hint`) when ``meant``, the text
    with Chinese quotes, is typed in quotes (``typed``, as ``mend.fit`` gives it): "" when it is typed bare."""
    if typed == meant:
        return ""
    return f", and then {_quote_steps(typed[0], meant, mend.note, mend.what)}"


def _odd_readings(value: str, quote: str) -> list[tuple[str, str, str]]:
    """The texts ``value`` (starting with ``quote`` and holding an odd number of them) may have been meant as,
    each as (the reading in words, the change in words, the text): without its last quote, without its
    first, and, for a value not ending with a quote, with one more at its end (`_odd_quotes_hint`). A
    reading that leaves an empty pair of quotes (``""``), which no text has, is left out unless all do."""
    last = value.rindex(quote)
    readings = [(f"the last {quote} is one too many", f"delete the last {quote}", value[:last] + value[last + 1:]),
                (f"the first {quote} is one too many", f"delete the first {quote}", value[1:])]
    if not value.endswith(quote):
        readings.append((f"a closing {quote} is missing at the end", f"type {quote} at the end", value + quote))
    return [reading for reading in readings if quote * 2 not in reading[2]] or readings


def _quote_other(text: str, quote: str) -> str:
    """``text`` in the YAML quotes that keep each ``quote`` in it as typed: single ones for ", else `_quote`'s."""
    return _quote_single(text) if quote == '"' else _quote(text)


def _explain_flow_item(lines: _Lines, line: int, column: int, _mark: object) -> Explanation:
    """An item in brackets with text after its closing quote (``tags: ["大调研", ""补短板""]``, ``"补"短"板"``):
    YAML read its first quotes as quoting the item and cannot read what follows them. The fixes are
    `_quoted_text_hint`'s for the item, the rest of the line kept as typed; a line where no such item
    ends at the place the parser stopped gets `_UNREADABLE`'s words."""
    text = lines.line(line)
    found = _quoted_item(text, column)
    if found is None:
        return _UNREADABLE[0], _UNREADABLE[1], None
    start, end = found
    if not _reads_as_items(text[end:], text[start]):  # [大调研, ""补短板, 民生""]: where the item ends cannot be told
        return _UNREADABLE[0], _UNREADABLE[1], None
    indent = len(text) - len(text.lstrip(" "))
    # ["大调研"，] or ["大调研"，"补短板"，]: a mark typed after the last item too, where no item follows.
    item = text[start:end].rstrip(" \u3000")
    last = item[-1:] if item[-1:] in _JOINING_MARKS else ""
    item = item[:-1].rstrip(" \u3000") if last else text[start:end]
    joined = _joined_items(item) or (([item], []) if last and _quoted_whole(item) else None)
    if joined is not None:  # ["大调研"，"补短板"]: two items joined by a comma typed in full width
        parts, marks = joined
        typed = text[indent:start] + ", ".join(parts) + text[end:].rstrip()
        dropped = f"delete the {last} after the last item" if last else ""
        if not marks:
            return (f"this item is followed by {_JOINING_MARKS[last]}, where no item follows",
                    paste_hint(dropped, typed, ""), None)
        return (f"these items are joined by {' and '.join(_JOINING_MARKS[mark] for mark in marks)}, "
                "not by an English comma",
                paste_hint(f"replace {' and '.join(marks)} with an English comma (半角逗号)"
                           + f" and {dropped}" * bool(last), typed,
                           f": type , and a space in place of each {' and each '.join(marks)}"
                           + f", and {dropped}" * bool(last)), None)
    words = _list_field(lines, line, start)
    mend = _Mend(text[indent:start], tail=text[end:].rstrip(), fit=_as_flow_item, what="item",
                 words=words if words in _WORD_LISTS else "")
    return "there is more text after the closing quote of this item", _quoted_text_hint(mend, text[start:end]), None


def _joined_list(lead: str, joined: tuple[list[str], list[str]], note: str, item: bool) -> Explanation:
    """Explain a value of a list of words typed as items in quotes joined by `_JOINING_MARKS` outside brackets
    (``tags: "大调研"，"补短板"``, or ``- "大调研"，"补短板"`` one item a line): YAML reads the first quotes as the
    value's and cannot read what follows. Takes what the line holds before the value, the items and marks
    (`_joined_items`), the line's comment and whether the line is an item; returns the explanation.
    ``lead`` holds the line's indentation, kept in the lines offered for an item."""
    parts, marks = joined
    message = f"these items are joined by {' and '.join(_JOINING_MARKS[mark] for mark in marks)}, not by an English comma"
    if not item:
        return message, paste_hint("write them in square brackets, separated by English commas (半角逗号)",
                                   _with_comment(f"{lead.lstrip(' ')}[{', '.join(parts)}]", note),
                                   f": type [ before the first, ] after the last, and , and a space in place of each "
                                   f"{' and each '.join(marks)}"), None
    # Each item is offered bare when its quotes only wrap it, as the lines of a list of words are typed.
    bare = [_as_item(part[1:-1]) if part[:1] in "\"'" and not set(part[1:-1]) & {"\\", "'", '"'} else part
            for part in parts]
    lines = ", then ".join(f'"{lead}{part}"' for part in bare)
    return message, f"write each as an item of its own, one a line: {lines}", None


_JOINING_MARKS = {"，": "a full-width comma (全角逗号 ，)", "、": "a 顿号 (、)", "；": "a full-width semicolon (分号 ；)"}
"""The marks a Chinese input method types where an English comma separates the items of a list, each named."""


def _quoted_whole(value: str) -> bool:
    """True when ``value`` is one text in quotes, ``"…"`` or ``'…'``, its closing quote its last character."""
    return value[:1] in ("'", '"') and _quote_end(value, 1, value[0]) == len(value) - 1


def _joined_items(value: str) -> tuple[list[str], list[str]] | None:
    """Read ``value``, typed as one item in brackets (``"大调研"，"补短板"``, ``'重固'、重固老镇``), as items in
    quotes, or bare after the first, joined by `_JOINING_MARKS` instead of English commas. Returns (each
    item as typed, the marks that join them, each once in order typed), or None when ``value`` does not
    read so (a quote inside an item, or a part that is not one item)."""
    parts: list[str] = []
    marks: list[str] = []
    pos = 0
    while True:
        quote = value[pos:pos + 1]
        if quote in ("'", '"'):
            close = _quote_end(value, pos + 1, quote)
            if close is None:
                return None
            part_end = close + 1
        else:
            part_end = next((index for index, char in enumerate(value) if index >= pos and char in _JOINING_MARKS),
                            len(value))
            part_end = pos + len(value[pos:part_end].rstrip(" \u3000"))
            if part_end == pos or any(char in "'\"“”‘’,[]{}#" for char in value[pos:part_end]):
                return None
        parts.append(value[pos:part_end])
        gap = value[part_end:]
        mark = gap.lstrip(" \u3000")[:1]
        if not gap:
            return (parts, marks) if marks else None
        if mark not in _JOINING_MARKS:
            return None
        if mark not in marks:
            marks.append(mark)
        pos = len(value) - len(gap.lstrip(" \u3000")[1:].lstrip(" \u3000"))


def _quoted_item(text: str, column: int) -> tuple[int, int] | None:
    """Where the item in brackets starts and ends on the line ``text`` when it starts with a quote that closes
    right before ``column`` and goes on after it (``""补短板""`` in ``tags: ["大调研", ""补短板""]``): the
    index of its first quote and the index just past its last character (before the ``,`` or ``]`` after it,
    or the line's comment). None when the quote before ``column`` closes no item so typed."""
    closing = len(text[:column].rstrip(" ")) - 1
    quote = text[closing:closing + 1]
    if closing < 1 or quote not in ("'", '"'):
        return None
    start = text.rfind(quote, 0, closing)
    while quote == "'" and start > 0 and text[start - 1] == "'":  # '' is a ' inside single quotes
        start = text.rfind(quote, 0, start - 1)
    if start < 0 or not (text[:start].rstrip(" ").endswith(("[", ",")) or not text[:start].strip(" ")):
        return None
    comment = _COMMENT.search(text, column)
    stop = comment.start() if comment else len(text)
    end = next((index for index in range(column, stop) if text[index] in ",]"), stop)
    return start, len(text[:end].rstrip(" "))


def _reads_as_items(rest: str, quote: str) -> bool:
    """True when ``rest``, what a line holds after an item in brackets (``, 民生]   # 标签``, or ``,`` in a list
    typed one item a line), reads as the rest of the list, none of its items holding ``quote``: the items
    after it typed right, if any (in ``, 民生""]`` the item's own quotes went on past a comma). Lists in it
    nested deeper than a few levels, anchors, aliases and tags are not read: False, as for hostile YAML."""
    rest = _TRAILING_COMMENT.sub("", rest)
    if rest.count("[") + rest.count("{") > _NESTED_ITEMS or any(sign in rest for sign in "&*!"):
        return False
    try:
        items = yaml.safe_load("[x" + rest + "]" * (rest.count("[") + 1 - rest.count("]")))
    except yaml.YAMLError:
        return False
    return not any(isinstance(item, str) and quote in item for item in items)


_NESTED_ITEMS = 8
"""The most brackets after an item that `_reads_as_items` reads: a list of words never holds more."""


def _as_item(text: str) -> str:
    """Return ``text`` as it is typed for an item of a list one item a line (``- 大调研``) to be read as itself:
    as `as_value` types it, in quotes when it starts and ends with Chinese quotes (``“补短板”``, ``“补”短“板”``):
    typed bare so in a list of words (tags, aliases, misspellings), they are taken for quotes typed around
    the word by mistake (`sitegen.models.parse_tags`); in quotes they are kept as part of it. Raises nothing."""
    typed = as_value(text)
    return _quote(text) if typed == text and len(text) > 1 and text[0] + text[-1] in ("“”", "‘’") else typed


def _as_flow_item(text: str) -> str:
    """Return ``text`` as it is typed for an item in brackets (``[大调研, 民生]``) to be read as itself: as
    `_as_item` types it, in quotes when it also holds a sign that ends or opens an item there. Raises nothing."""
    typed = _as_item(text)
    return _quote(text) if typed == text and any(char in ",[]{}" for char in text) else typed


def as_value(text: str) -> str:
    """Return ``text`` as it is typed after ``key: `` to be read as itself: bare where YAML reads it so (Chinese
    text needs no quotes), else in the quotes that keep it (`_quote`). Raises nothing."""
    bare = (text and text == text.strip() and text[0] not in "-?:,[]{}#&*!|>'\"%@`" and ": " not in text
            and not text.endswith(":") and re.search(r"[ \t]#", text) is None
            and text not in ("~", "null", "Null", "NULL"))
    return text if bare else _quote(text)


def _explain_tab(_lines: _Lines, _line: int, _column: int, _mark: object) -> Explanation:
    """A TAB the pre-scan did not catch."""
    return "a TAB is used here; YAML needs spaces", TAB_HINT, None


def _explain_token(lines: _Lines, line: int, column: int, _mark: object) -> Explanation:
    """A value starting with a character YAML reserves (``@``, backquote, TAB …).

    A percentage typed ``%80`` gets the number alone as its fix: quoting it
    would only move the mistake, since ``"%80"`` is no percentage either.
    """
    text = lines.line(line)
    char = text[column:column + 1]
    if char == "\t":
        return _explain_tab(lines, line, column, _mark)
    number = _PERCENT_FIRST.fullmatch(text[column:].rstrip())
    if number is not None:
        lead, _pos = _typed_lead(text)
        return (f'a value cannot start with "{char}"',
                f"write the number alone: {lead + number.group(1)} (a percentage needs no % sign)", None)
    if _typed_lead(text)[1] != column:  # inside brackets: quoting the whole value would change it
        return (f'a value cannot start with "{char}"',
                f'{QUOTE_HINT}, e.g. "{_clip(_split_comment(text[column:])[0], 40)}"', None)
    return f'a value cannot start with "{char}"', _quote_hint(text), None


def _quote_hint(text: str, starts: str = "") -> str:
    """`QUOTE_HINT` with the line ``text`` mended: its value in quotes, its comment (if any) after them.

    Takes the line and, if not "", the characters one of which the value
    must start with for the quotes to mend it (else `QUOTE_HINT` alone is
    returned, as it is for a line with no value).
    """
    lead, pos = _typed_lead(text)
    value, note = _split_comment(text[pos:])
    if not value or (starts and value[0] not in starts):
        return QUOTE_HINT
    return paste_hint(QUOTE_HINT, _with_comment(lead + _quote(value), note),
                      f": {_quote_steps(_quote(value)[0], value, note)}")


_PERCENT_FIRST = compile_later(r"%[ \t]*([0-9０-９]+(?:[.．][0-9０-９]+)?)")


def _explain_simple_key(lines: _Lines, line: int, column: int, mark: object) -> Explanation:
    """A line that is neither ``key: value`` nor a list item: a line of text (`_line_of_text`), or a key without
    its ":"."""
    at = lines.at(mark.index) if mark is not None else None  # type: ignore[attr-defined]
    if at is not None and at[1] == _indent(lines.line(at[0])) and not _FIELD_WITHOUT_COLON.match(
            lines.line(at[0]).strip(" ")):
        told = _line_of_text(lines, at[0])
        if told is not None:
            return told
    return ('this line is not a "key: value" pair: the ":" is missing',
            "write it as key: value, or, if it continues the value above, indent it or wrap that value in quotes", at)


def _explain_indent(lines: _Lines, line: int, column: int, mark: object) -> Explanation:
    """A line whose indentation does not fit the block it is in, or text left over after a value."""
    text = lines.line(line)
    char = text[column:column + 1]
    if char and char in "]}":
        return f'"{char}" here has no matching opening bracket', f'delete the "{char}" or add the opening bracket', None
    if text[:column].strip(" "):
        odd = _odd_space_after_value(text, column)
        if odd is not None:
            return odd
        if _previous_char(text, column) in "\"'":
            return _quoted_then_text(lines, line)
        quoted = _value_quoted(text)
        return (f'unexpected "{_clip(char, 1)}" after the value',
                paste_hint(QUOTE_HINT, quoted) + ", or check the brackets on this line" if quoted
                else f"{QUOTE_HINT}, or check the brackets on this line", None)
    if char == ":":
        return 'a key is missing before ":"', "write a field name before the colon, e.g. title: …", None
    group = _commented_group_above(lines, line)
    if group is not None:
        return (f'this line belongs to "{group[0]}:" above, which is still a note (说明): it starts with "#"',
                paste_hint(f'remove the "# " at the start of the line of "{group[0]}:" too', group[1]), None)
    if char == "-":
        return _first_item_without_dash(lines, line, column) or (
            'a list item ("- ") is not expected here',
            "line the items up under the key they belong to, or put the list under its own key", None)
    further = _key_further_in(lines, line) or _key_between(lines, line)
    if further is not None:
        return further
    return ("this line is not lined up with the lines above it",
            "indent keys of the same level with the same number of spaces", None)


def _key_between(lines: _Lines, line: int, groups: GroupFinder | None = None) -> Explanation | None:
    """A key typed less far in than the fields above it and further in than the key they stand under
    (``interviewee:``, ``    name: …``, then ``  role: …``): told with how far those fields stand in and the line
    lined up with them. It was told only "indent keys of the same level with the same number of spaces", with
    no word of which line or how many. With ``groups`` (`load_yaml`'s), a field of the file typed so under a
    field at the left edge (`` date:`` under ``interviewee:``) is told to go to the left edge: lined up with
    the fields above, it was "unknown field date in interviewee". Takes the lines and the 0-based line YAML
    refused; None for any other line."""
    text = lines.line(line)
    start, colon, _pos = _typed_value(text)
    if colon is None or _is_item(text):
        return None
    indent = _indent(text)
    fields: list[int] = []
    above = line - 1
    while above >= 0:
        typed = lines.line(above)
        if typed.strip(" ") and not typed.lstrip(" ").startswith("#"):
            if _indent(typed) <= indent:
                break
            fields.append(above)
        above -= 1
    parent = _bare_key(lines.line(above)) if above >= 0 and not _is_item(lines.line(above)) else None
    if parent is None or not fields or _indent(lines.line(above)) >= indent:
        return None
    level = _indent(lines.line(fields[-1]))  # the first field under the key
    first = lines.line(fields[-1])
    key_start, key_colon, _ = _typed_value(first)
    if key_colon is None or _is_item(first) or any(_indent(lines.line(n)) < level for n in fields):
        return None
    first_key = first[key_start:key_colon].strip()
    key = text[start:colon].strip()
    if groups is not None and _indent(lines.line(above)) == 0 and key in (groups(()) or ()) \
            and key not in (groups((parent,)) or ()):
        return (f'"{key}:" is a field of the file, typed with {_spaces_more(indent, 0)} before it, so YAML reads it '
                f'under "{parent}:" above, whose fields ("{first_key}:" …) stand {_spaces_more(level, 0)} in',
                paste_hint("type it at the left edge, with no spaces before it, as the file's other fields",
                           text.strip(" ")), None)
    fixed = " " * level + text.strip(" ")
    more = level - indent
    return (f'this line stands {_spaces_more(indent, 0)} in, the fields under "{parent}:" above it '
            f'("{first_key}:" …) {_spaces_more(level, 0)}, so YAML cannot tell which they belong to',
            paste_hint(f'line it up with "{first_key}:": type {_spaces_more(more, indent)} at its start',
                       f'"{fixed}"'), None)


def _key_further_in(lines: _Lines, line: int) -> Explanation | None:
    """A key typed further in than the key above it, which holds a value of its own: told with the line to write.

    `` tallies:`` under ``misspellings: []``, its "#" deleted and not the
    space after it (as ``sitegen new`` writes optional fields, ``# tallies:``)
    was told only "indent keys of the same level with the same number of
    spaces". Takes the lines and the 0-based line YAML refused; None
    when the line is no ``key:`` line, or the line above is no
    ``key: value`` line standing less far in.
    """
    text = lines.line(line)
    start, colon, _pos = _typed_value(text)
    if colon is None or _is_item(text):
        return None
    above = next((number for number in range(line - 1, -1, -1) if lines.line(number).strip(" ")
                  and not lines.line(number).lstrip(" ").startswith("#")), None)
    if above is None:
        return None
    typed_above = lines.line(above)
    start_above, colon_above, _ = _typed_value(typed_above)
    if colon_above is None or _is_item(typed_above) or _bare_key(typed_above) is not None:
        return None
    indent_above, indent = _indent(typed_above), _indent(text)
    if indent <= indent_above:
        return None
    key_above = typed_above[start_above:colon_above].strip()
    spaces = f"{indent - indent_above} space{'s' if indent - indent_above > 1 else ''}"
    fixed = " " * indent_above + text.strip(" ")
    return (f'this line stands {spaces} further in than "{key_above}:" above it, which holds a value, not fields '
            "under it",
            paste_hint(f'line it up with "{key_above}:": delete the {spaces} at the start of the line',
                       fixed if not indent_above else f'"{fixed}"'), None)


def _first_item_without_dash(lines: _Lines, line: int, column: int) -> Explanation | None:
    """A list whose first item was typed without its "- ", told at that item rather than at the next one.

    Takes the lines and the 0-based line and column of the "- " YAML
    refused. Under ``tallies:``, the lines ``as_of: 2018-03-15`` …
    typed without "- ", then ``  - as_of: 2018-05-10``: YAML reads the
    first lines as fields of ``tallies:`` itself and refuses the second
    item, which is right (told "line the items up", it could not be
    mended). Returns the explanation placed at the first item's first line,
    with that line to write and, when its other lines do not stand under
    its first key then, how far to indent them; None when the lines above
    are no such item (their first key is not the refused item's first key).
    """
    item = lines.line(line)
    first_key = _typed_value(item[column + 1:])
    if first_key[1] is None:
        return None
    key = item[column + 1:][first_key[0]:first_key[1]].strip()
    block: list[int] = []
    above = line - 1
    while above >= 0:
        text = lines.line(above)
        if text.strip() and not text.lstrip(" ").startswith("#"):
            if _indent(text) < column or _is_item(text):
                break
            block.append(above)
        above -= 1
    parent = _bare_key(lines.line(above)) if above >= 0 and not _is_item(lines.line(above)) else None
    if parent is None or not block:
        return None
    block.reverse()
    start = lines.line(block[0])
    start_key = _typed_value(start)
    if start_key[1] is None or start[start_key[0]:start_key[1]].strip() != key or _indent(start) < column:
        return None
    fixed = " " * column + "- " + start.strip(" ")
    hint = paste_hint(f'type "- " before {key} on line {block[0] + 1}, as the other items have it', f'"{fixed}"')
    rest = [number for number in block[1:] if _indent(lines.line(number)) != column + 2]
    if rest:
        hint += (f", and indent {_line_numbers([number + 1 for number in rest])} by {column + 2} spaces, under "
                 f"{key}")
    return (f'the first item of "{parent}:" has no "- ": its lines are read as fields of "{parent}:" itself, so '
            'the "- " of the next item is not expected', hint, (block[0], _indent(start)))


_COMMENTED_KEY = compile_later(r"#[ \t]?( *)([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?:#.*)?$")
"""A line of a commented group's key: ``# contact:   # 联系方式…``, ``# images:``."""


def _value_quoted(text: str) -> str | None:
    """The line ``text`` (``key: value``) with its value wrapped in quotes and its comment kept, from the key on
    (``note: "[补录] 数据来源"``); None for a line without a key or a value."""
    start, colon, pos = _typed_value(text)
    if colon is None or pos >= len(text):
        return None
    value, note = _split_comment(text[pos:])
    return _with_comment(text[start:pos] + _quote(value.rstrip()), note) if value.strip() else None


def _explain_tag(lines: _Lines, line: int, column: int, mark: object) -> Explanation:
    """A value starting with "!" (``note: !重要：初步统计``, ``- ! 走访企业``), which YAML reads as a type tag."""
    text = lines.line(line)
    quoted = _value_quoted(text)
    lead, start = _typed_lead(text)
    if quoted is None and lead.startswith("- ") and text[start:].strip():
        value, note = _split_comment(text[start:])
        quoted = _with_comment(lead + _quote(value.rstrip()), note)
    return ('a value starting with "!" is read by YAML as a type tag (类型标记), not as text',
            paste_hint(QUOTE_HINT, quoted) if quoted else QUOTE_HINT, None)


def _commented_group_above(lines: _Lines, line: int) -> tuple[str, str] | None:
    """The commented group whose field the 0-based ``line`` is: ``#   email: …`` uncommented under ``# contact:``.

    Looks up through the comment lines right above it for a key with no value (a group's) standing
    less far in than this line, as ``sitegen init`` and ``sitegen new`` write optional groups. Returns
    (its key, its line without "# "), or None.
    """
    indent = _indent(lines.line(line))
    for number in range(line - 1, -1, -1):
        text = lines.line(number).strip(" ")
        if not text:
            continue
        if not text.startswith("#"):
            return None
        match = _COMMENTED_KEY.match(text)
        if match is not None and len(match.group(1)) + _indent(lines.line(number)) < indent:
            return match.group(2), " " * _indent(lines.line(number)) + text[1:].lstrip(" \t")
    return None


def _explain_escape(lines: _Lines, line: int, column: int, _mark: object) -> Explanation:
    """A backslash in a double-quoted value that YAML reads as an escape.

    A file's path typed as Windows shows it (``src: "images\\a.svg"``) is
    given with "/" at once: told to double each backslash, it was refused
    again, as a path with "\\" between its folders.
    """
    text = lines.line(line)
    escape = text[column:column + 2]
    fixed = _path_with_slashes(text)
    if fixed is not None:
        return (f'"{escape}" is not a valid escape in a double-quoted value: the "\\" is typed between folders, '
                "as Windows shows paths", paste_hint(_SLASHES_HINT, fixed), None)
    return (f'"{escape}" is not a valid escape in a double-quoted value',
            "use single quotes instead of double quotes, or write each backslash twice (\\\\)", None)


def _path_with_slashes(text: str) -> str | None:
    """The line ``text`` with its double-quoted Windows path (`_WINDOWS_PATH_QUOTED`) written with "/", stripped;
    None when it holds none."""
    path = _WINDOWS_PATH_QUOTED.search(text)
    if path is None:
        return None
    return (text[:path.start(1)] + path.group(1).replace("\\", "/") + text[path.end(1):]).strip(" ")


_SLASHES_HINT = 'write "/" between folders, as web addresses do'
"""The hint's words for a path typed with "\\" between folders, before the line to write."""


_WINDOWS_PATH_QUOTED = compile_later(r'"((?:[^\s"\\:]+\\)+[^\s"\\]+\.[A-Za-z0-9]{1,5})"')
"""A relative path typed in double quotes with "\\" between its folders, ending in a file's name and ending
(``"images\\a.svg"``); not a drive's path (``C:\\…``, told as a file on the computer where the path is read)."""


def _explain_anchor(lines: _Lines, line: int, _column: int, _mark: object) -> Explanation:
    """A lone ``&`` or ``*`` read as an (incomplete) anchor or alias."""
    return ('"&" and "*" at the start of a value are read as YAML anchors and aliases',
            _quote_hint(lines.line(line), "&*"), None)


def _explain_dash(lines: _Lines, line: int, _column: int, _mark: object) -> Explanation:
    """``key: - item`` on one line; ``key: -``, a dash typed for "none", is told as a value missing.

    After a field that holds text (``summary: - 镇里补短板``), the dash is the text's: the value is offered in
    quotes. Told to put the item on its own line, the editor got "expected text, got a list".

    A dash alone was told as a list item, then (moved below the key) as
    "expected text, got a list", then (quoted) as signs alone: three rounds
    before the editor learnt to write the value or leave the field out.
    """
    text = lines.line(line)
    start, colon, pos = _typed_value(text)
    value, _note = _split_comment(text[pos + 1:]) if text[pos:pos + 1] == "-" else ("?", "")
    if colon is not None and not value.strip(_GAP):
        key = text[start:colon]
        return (f'"{key}: -": a dash alone is no value (after "{key}:", YAML reads "-" as the start of a list)',
                f'type the value itself after "{key}: ", or delete the line if the field may be left out; '
                f'for a list, put each item on its own line below "{key}:", indented with spaces: "  - item"', None)
    items = 'start each list item on its own line below the key, indented with spaces: "  - item"'
    if colon is not None and text[start:colon] not in LIST_KEYS:  # summary: - 镇里补短板: text that starts with "-"
        return (f'"{text[start:colon]}: - …": after "{text[start:colon]}:", YAML reads "- " as the start of a list',
                f"{_quote_hint(text, '-')}; for a list, {items}", None)
    return ('a list item ("- ") cannot follow "key:" on the same line', items, None)


LIST_KEYS = frozenset(_WORD_LISTS) | {"actions", "images", "tallies", "targets", "milestones"}
"""The fields whose value is a list (the records' tuple fields in `sitegen.models`; a test keeps the two alike):
after any other key, "- " typed on its line starts the text, not a list."""


def _odd_space_after_value(text: str, column: int) -> Explanation | None:
    """Explain an odd space (full-width, no-break …) at ``column`` of the line ``text``, after a value closed by a
    quote or bracket, when only spaces or a note follow it; None otherwise.

    ``[/news/2018/0521.html]　`` was told to quote the value, which made it the text
    "[/news/2018/0521.html]"; ``"…"　# 标题``, to put it all in single quotes, which published the note.
    """
    char = text[column:column + 1]
    if not char or char not in WIDE_SPACES:
        return None
    value, note = _split_comment(text[column:])
    after, closed = text[column:].lstrip(_GAP), text[:column].rstrip(_GAP)
    if not value.strip(_GAP):
        return f"{space_name(char)} follows the value", paste_hint("delete it", _with_comment(closed, note)), None
    if after[:1] in ("#", "＃"):
        comment = after[1:].strip()
        return (f'the comment "{_clip(after, 30)}" cannot follow the value after {space_name(char)}: YAML starts a '
                "comment only at a half-width space followed by a half-width #",
                paste_hint("type the space and the # in half width (半角)",
                           f"{closed}   # {comment}" if comment else closed), None)
    return None


def _explain_expected_dash(lines: _Lines, line: int, column: int, _mark: object) -> Explanation:
    """A line in a list that is not a list item, or an item with text after its closing quote."""
    text = lines.line(line)
    if text[:column].strip(" ") and (odd := _odd_space_after_value(text, column)) is not None:
        return odd
    if text[:column].strip(" ") and _previous_char(text, column) in "\"'":
        return _quoted_then_text(lines, line)
    above = next((lines.line(n) for n in range(line - 1, -1, -1)
                  if lines.line(n).strip() and not lines.line(n).lstrip(" ").startswith("#")), "")
    start, colon, _pos = _typed_value(above)
    if (wide := _dash_spaced(lines, line, column)) is not None:
        return wide
    field = _field_among_texts(lines, line)
    if field is not None:
        return field
    if colon is not None and above[start:colon] and start != len(text) - len(text.lstrip(" ")):
        # batches: 318 typed with 3 spaces under "    collected:": say how far to indent it
        lined_up = f'indent it with {start} spaces, lined up with "{_clip(above[start:colon], 20)}:" above'
        own_start, own_colon, _ = _typed_value(text)
        dash, keys = _item_fields_above(lines, line, start)
        if own_colon is not None and dash is not None and text[own_start:own_colon] not in keys:
            # "   resolved: 1180" under an item without one: it is that item's; "- " made it a new item,
            # which lacked as_of and the other figures.
            spaces = len(text) - len(text.lstrip(" "))
            return (f'"{text[own_start:own_colon]}:" stands {spaces} space{"s" if spaces != 1 else ""} in, not lined '
                    f"up with the fields of the item above ({start} spaces in), so YAML reads it neither as a field "
                    "of that item nor as a new item", f"{lined_up}", None)
        if own_colon is not None and dash is not None:
            return ('a list item starting with "- " is expected here, like the lines above',
                    f'the item above has "{text[own_start:own_colon]}:" already: if this line starts a new item, '
                    f'type "- " before it, the "-" lined up with the "- " above ({dash} spaces in); if it belongs '
                    f"to the item above, {lined_up}", None)
        return ('a list item starting with "- " is expected here, like the lines above',
                f'start the line with "- ", or, if it belongs to the item above, {lined_up}', None)
    return ('a list item starting with "- " is expected here, like the lines above',
            'start the line with "- ", or indent it to belong to the item above', None)


def _item_fields_above(lines: _Lines, line: int, start: int) -> tuple[int | None, set[str]]:
    """The list item above the 0-based ``line`` whose fields stand ``start`` spaces in: the column of its "-"
    and the keys of its fields (its first, typed after the "- ", too); (None, empty) when no such item is found."""
    keys: set[str] = set()
    for number in range(line - 1, -1, -1):
        text = lines.line(number)
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        key_start, colon, _ = _typed_value(text)
        if key_start != start or colon is None:
            return None, set()
        keys.add(text[key_start:colon])
        if indent < start:  # "  - as_of: …": the item's first line
            return (indent, keys) if stripped.startswith("- ") else (None, set())
    return None, set()


_SPACED_DASH = compile_later(r"(?P<dash> *- )(?P<more> +)(?P<key>[^ #][^:]*):(?:[ \t]|$)")
"""A list's item with two spaces or more after its "-", a field first (``  -  as_of: 2018-04-26``)."""


def _dash_spaced(lines: _Lines, line: int, column: int) -> Explanation | None:
    """Explain fields typed under a list item with two spaces or more after its "-" (``  -  as_of: …``), lined up
    as under an item with one: the item's first key then stands further in than they do, so YAML ends the
    item at the first of them. The message points at the item's line, not at that field's; None for any other
    shape. (The error came at the 0-based ``line``, at ``column``.)
    """
    number = line - 1
    while number >= 0 and (not lines.line(number).strip() or _indent(lines.line(number)) > column
                           or lines.line(number).lstrip(" ").startswith("#")):
        number -= 1
    item = _SPACED_DASH.match(lines.line(number)) if number >= 0 else None
    if item is None or len(item["dash"]) != column:
        return None
    typed = lines.line(number)
    mended = item["dash"] + typed[item.end("more"):]
    spaces = len(item["more"]) + 1
    return (f'this list item has {spaces} spaces after its "-", so its first field "{_clip(item["key"], 20)}:" stands '
            f"further in than the fields typed under it, and YAML cannot read those as part of the item",
            paste_hint('type one space after the "-"', f'"{mended.rstrip()}"'), (number, len(item["dash"]) - 2))


def _field_among_texts(lines: _Lines, line: int) -> Explanation | None:
    """Explain a field (``key: value``) on the 0-based ``line``, typed as far in as the items of a list of texts
    above it (``  outcome: …`` below ``actions:``'s ``  - …`` items): it can be no field of those items, so it is
    told to line up with the list's key. None for any other line.

    It was told to start with "- ", which made it an item holding a field ("a group of fields, not text"), and
    following that hint too put the case's outcome among its actions.
    """
    text = lines.line(line)
    start, colon, _pos = _typed_value(text)
    if colon is None or start != _indent(text) or not _KEY_NAME.fullmatch(text[start:colon]):
        return None
    owner = None
    for number in range(line - 1, -1, -1):
        typed = lines.line(number)
        if not _holds_yaml(typed) or _indent(typed) > start:
            continue
        if _indent(typed) == start and _is_item(typed.lstrip(" ")) and _typed_value(typed)[1] is None:
            continue  # an item of texts, as far in
        owner = number if _indent(typed) < start and _bare_key(typed) is not None else None
        break
    if owner is None or not any(_is_item(lines.line(n).lstrip(" ")) for n in range(owner + 1, line)):
        return None
    key, list_key, spaces = text[start:colon], _bare_key(lines.line(owner)), _indent(lines.line(owner))
    where = "delete the spaces at the start of the line" if not spaces else f"indent it by {spaces} spaces"
    return (f'"{_clip(key, 20)}:" is typed as far in as the items of "{list_key}:" above, which are texts, so it '
            "can be no field of theirs",
            f'if it is a field of its own, {where}, lined up with "{list_key}:"; if it is an item, start it with "- "',
            None)


_KEY_NAME = compile_later(r"[A-Za-z_][A-Za-z0-9_]*")
"""A key as sitegen's fields are named."""


def _explain_node_content(lines: _Lines, line: int, column: int, mark: object) -> Explanation:
    """A value that starts with a closing bracket or a comma."""
    text = lines.line(line)
    char = text[column:column + 1]
    if char == "," and text[:column].rstrip(" ")[-1:] in (",", "[", "{"):
        # [大调研, , 补短板]: an empty item between two commas (quoting the rest, as for other signs, breaks the list)
        after = text[column + 1:]
        fixed = text[:column] + after[len(after) - len(after.lstrip(" ")):]
        return ("there is nothing between this comma and the one (or the bracket) before it",
                paste_hint("delete the extra comma", fixed.strip()), None)
    if char and char in "]},":
        return _explain_token(lines, line, column, mark)
    return ("a value is missing or cut short here",
            "check this line and the one above: brackets and quotes closed, one value after each \"key:\"", None)


def _explain_block_header(lines: _Lines, line: int, column: int, mark: object) -> Explanation:
    """Explain text typed after ``|`` or ``>`` on the field's own line (``title: >90%居民满意的白鹤镇``), pointing
    at the sign (the ``mark`` of the block scalar; the parser's ``line``:``column`` is past the digits it read).

    The text there is the value itself, the sign its first character: "move the text to the next line",
    followed, published 90%居民满意的白鹤镇, the ">" lost. The hint gives the line with the value in quotes;
    when lines further in go on from it, where to type the two quotes.
    """
    index = getattr(mark, "index", None)  # PyYAML's and libyaml's marks alike
    at = lines.at(index) if isinstance(index, int) else (line, column)
    typed = lines.line(at[0])
    sign, value_at = typed[at[1]:at[1] + 1], at[1]  # the sign is the value's first character
    if sign not in ("|", ">"):
        return ('after "|" or ">" the text must start on the next line',
                "move the text to the next line, indented with spaces", None)
    value, comment = _split_comment(typed[value_at:])
    below = []
    for number in range(at[0] + 1, len(lines.lines)):
        if _holds_yaml(lines.line(number)) and _indent(lines.line(number)) <= _indent(typed):
            break
        below.append(number)
    while below and not _holds_yaml(lines.line(below[-1])):
        below.pop()
    message = (f'after "|" or ">" the text must start on the next line: YAML reads a value starting with "{sign}" '
               "as the sign of a block of text (多行文本) typed below it")
    if not below:
        return message, paste_hint(f'type the value in quotes, so that "{sign}" is its first character',
                                   _with_comment(typed[:value_at] + _quote(value), comment).strip(" "),
                                   f": {_quote_steps(_quote(value)[0], value, comment)}"), at
    text = "\n".join([value] + [lines.line(n) for n in below])
    quote = _quote(text)[0]
    twice = ", and type each ' inside it twice" if quote == "'" and "'" in text else ""
    return (message, f'if "{sign}" is part of the value, type {quote} before the "{sign}" and another {quote} at the '
            f"end of the value's last line{twice}; if it starts a block of text, move "
            f'"{_clip(value[1:].strip(), 20)}" to the next line, as far in as the lines below it', at)


def _explain_document_start(lines: _Lines, line: int, _column: int, _mark: object) -> Explanation:
    """Text left over after the data ends: most often the first line was typed with a space before it.

    `` title: 访谈`` then ``series: x`` makes the first line a block of its
    own, indented one space, and the parser complains only at the line
    after it; the slip is the space, so the error goes to the first line.
    """
    first = next((number for number, text in enumerate(lines.lines)
                  if text.strip(" ") and not text.lstrip(" ").startswith("#")), line)
    typed = lines.line(first)
    if first < line and typed.startswith(" "):
        spaces = "spaces" if typed.startswith("  ") else "space"
        return (f"this line starts with a {spaces[:5]}, so the lines below it do not line up with it",
                paste_hint(f"remove the {spaces} at the start of the line", typed.strip(" ")), (first, 0))
    # A note of sitegen new whose "# " was taken off with the fields below it (访谈 Interview。以 # 开头的行…):
    # the parser reads it as the whole data, and stops only at the first field after it.
    told = _line_of_text(lines, first) if first < line else None
    return told if told is not None else (*_UNREADABLE, None)


TEXT_LINE_MESSAGE = 'this line is text, not a field ("name: value")'
"""How the message of a line of text where a field is expected starts (`_line_of_text`)."""


def is_text_line_error(problem: Problem) -> bool:
    """Whether ``problem`` is the error of a line of text where a field is expected (`TEXT_LINE_MESSAGE`): with
    ``load_yaml``'s ``partial``, the fields around it are read with the line as its hint mends it, a note when
    it goes on from no value above (`_text_mend`)."""
    return problem.severity == "error" and problem.message.startswith(TEXT_LINE_MESSAGE)


def _line_of_text(lines: _Lines, number: int) -> Explanation | None:
    """Explain the 0-based line ``number`` when it holds a line of text where a field is expected.

    A note of ``sitegen new`` whose ``# `` was taken off, or a line typed
    between the fields (a series' blurb, 白鹤镇大调研微访谈系列): it has
    no "key: value", and the parser stops at it or at the field below it.
    Returns None for any other line. The explanation points at the text's
    first character.
    """
    typed = lines.line(number)
    text = typed.strip(" ")
    if not _reads_as_text(text):
        return None
    below = any(_holds_yaml(lines.line(n)) for n in range(number + 1, len(lines.lines)))
    message = TEXT_LINE_MESSAGE + (
        ", so the fields below it cannot be read" if below else "")
    going_on = _going_on_from(lines, number)
    hint = paste_hint(going_on + f'if it is {"a value of its own" if going_on else "a value"}, type its '
                      'field\'s name and ": " before it; if it is a note (说明), ' + NOTE_HINT, f"# {text}")
    if _item_above_in_line(lines, number):  # "  ①制定方案" under "  - 走访…": an item typed without its "- "
        hint = paste_hint('if it is another item of the list above, type "- " before it', f"- {text}") + "; " + hint
    return (message, hint, (number, _indent(typed)))


def _item_above_in_line(lines: _Lines, number: int) -> bool:
    """Whether the YAML line above the 0-based line ``number`` is a list item ("- …") whose "-" stands where this
    line's text starts: the text is then most likely one more item, typed without "- " (an input method's ①, 一、
    or nothing in its place)."""
    above = _yaml_line(lines, number, -1)
    return above >= 0 and _indent(lines.line(above)) == _indent(lines.line(number)) \
        and _is_item(lines.line(above).lstrip(" "))


_SENTENCE_PUNCTUATION = compile_later("[。，；、！？…]")
"""What a value of sentences holds, and an id or a date never does."""

_GOING_ON_MARKS = "，,、；;：:—–…～~（(《〈“‘「『【"
"""Marks that end no text but say it goes on: a value ending in one (``summary: 华新镇党委书记谈大调研：``) goes on
in the line below, whatever else it holds."""


def _going_on_from(lines: _Lines, number: int) -> str:
    """The start of `_line_of_text`'s hint when the field or list item on the line above, as far in or further,
    may be what the text goes on from (``blurb: 青浦…推进。`` then ``本栏目推出…``: a value of sentences, or one
    ending in a mark that goes on, `_GOING_ON_MARKS`, as ``summary: 谈大调研：`` does; a milestone's ``    description: …`` or an action ``  - 配备护理人员，`` then text at the left edge) or the
    value of (``summary:`` then the text, no block under it): told first, as following the others would lose
    the text. "" otherwise (``unit: baihe`` above: an id goes on with no text)."""
    above = _yaml_line(lines, number, -1)
    after = _yaml_line(lines, number, 1)
    indent = _indent(lines.line(number))
    if above < 0 or _indent(lines.line(above)) < indent:
        return ""
    text = lines.line(above)
    start, colon, pos = _typed_value(text)
    if colon is None and _is_item(text.lstrip(" ")):
        item, note = _split_comment(text[start:])
        item = item.strip()
        if item[:1] in "|>\"'[{&*!" or not (_SENTENCE_PUNCTUATION.search(item) or any(map(_is_wide, item))
                                            or item[-1:] in _GOING_ON_MARKS):
            return ""
        return f'if it goes on from the item above ("{_clip(item, 20)}"), {_join_words(note, "item")}; '
    if colon is None:
        return ""
    key = _clip(text[start:colon], 20)
    value, note = _split_comment(text[pos:])
    value = value.strip()
    if not value:
        if after >= 0 and _indent(lines.line(after)) > indent:
            return ""  # a group's key (interviewee:): its fields are below
        return f'if it is the value of "{key}:" above, type it after "{key}: " on that line; '
    # A value ending in "：" or "、" goes on, though it may hold no other mark (谈大调研：): told only to become a
    # field or a note, the editor lost the text that followed it.
    if value[0] in "|>\"'[{&*!" or not (_SENTENCE_PUNCTUATION.search(value) or value[-1] in _GOING_ON_MARKS):
        return ""
    return f'if it goes on from the value of "{key}:" above, {_join_words(note, "value")}; '


def _join_words(note: str, what: str) -> str:
    """How `_going_on_from`'s hint says to join a line of text to the ``what`` ("value", "item") above, whose line
    ends in the note ``note`` (`_split_comment`; "" for none): typed after the note, the text would be part of it,
    and never published."""
    if note:
        return f'type it at the end of that {what}, before its note (" # …")'
    return "join it to the end of that line"



def _starts_text(lines: _Lines, line: int) -> int | None:
    """The 0-based line of text above the 0-based ``line`` that the parser read as the start of a value going on to
    ``line`` (a line of text, then a field: ``白鹤镇大调研微访谈系列`` then ``title: …``), or None.

    The value starts at the text when no value above can go on into it:
    it is the first line, or the line above it is a comment, ends in one,
    or is a key with no value on its line (``interviewee:``).
    """
    above = next((n for n in range(line - 1, -1, -1) if lines.line(n).strip()), -1)
    if above < 0 or not _holds_yaml(lines.line(above)) or _line_of_text(lines, above) is None:
        return None
    before = next((n for n in range(above - 1, -1, -1) if lines.line(n).strip()), -1)
    while before >= 0 and _indent(lines.line(before)) == _indent(lines.line(above)) \
            and _typed_value(lines.line(before))[1] is None and _line_of_text(lines, before) is not None:
        # "  和丙" above "  丁戊。": lines of one text going on, from a value further up ("summary: 甲乙，").
        before = next((n for n in range(before - 1, -1, -1) if lines.line(n).strip()), -1)
    if before < 0:
        return above
    typed = lines.line(before)
    if not _holds_yaml(typed) or _bare_key(typed) is not None or _split_comment(typed)[1] \
            or _indent(lines.line(above)) <= _indent(typed):
        return above
    return None


def _text_opening(lines: _Lines, line: int) -> int | None:
    """The 0-based line above the 0-based ``line`` whose text the parser read as going on into it: a line of text
    (`_starts_text`), or a list item's text (``- as_of 2018-04-26``) with ``line`` lined up after its "- "; or
    None."""
    told = _starts_text(lines, line)
    above = _yaml_line(lines, line, -1)
    if told is not None or above < 0:
        return told
    typed = lines.line(above)
    start = _typed_lead(typed)[1] if _is_item(typed) else -1
    return above if start == _indent(lines.line(line)) and _typed_value(typed)[1] is None else None


_LINE_OF_TEXT = compile_later(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:]*(?::\S[^:]*)*$")
"""A line holding no "key: value" (no colon followed by a space or ending it) and starting as plain text does."""


def _reads_as_text(typed: str) -> bool:
    """True for a line's text (its indentation taken off) that is a line of text (`_LINE_OF_TEXT`) up to its
    comment, if any (" #" starts one)."""
    return _LINE_OF_TEXT.match(re.split(r"\s#", typed, maxsplit=1)[0]) is not None

_FIELD_WITHOUT_COLON = compile_later(r"[a-z][a-z0-9_]*[ \t\u3000]+[^ \t\u3000#]\S*(?:[ \t]+#.*)?$")
"""A field's name (lowercase, as every field of sitegen is named) and one word after it: a "key: value" typed
without its ":", told so rather than as a line of text (`_explain_simple_key`)."""


def _explain_depth(_lines: _Lines, _line: int, _column: int, _mark: object) -> Explanation:
    """Brackets nested deeper than libyaml allows (1,000 levels), found before the walk's own limit."""
    return (f"the data is nested more than {MAX_DEPTH} levels deep",
            "simplify the structure; content files never need this many levels", None)


_Test = Callable[[str, str], bool]
_Explainer = Callable[[_Lines, int, int, object], Explanation]
_EXPLAINERS: tuple[tuple[_Test, _Explainer], ...] = (
    (lambda p, c: "maximum nesting depth" in p, _explain_depth),
    (lambda p, c: p.startswith("mapping values are not allowed"), _explain_colon),
    (lambda p, c: "tab character" in p, _explain_tab),
    (lambda p, c: "cannot start any token" in p, _explain_token),
    (lambda p, c: "simple key" in c, _explain_simple_key),
    (lambda p, c: "unknown escape" in p, _explain_escape),
    (lambda p, c: "anchor" in c or "alias" in c, _explain_anchor),
    (lambda p, c: p.startswith("block sequence entries are not allowed"), _explain_dash),
    (lambda p, c: "expected '-' indicator" in p, _explain_expected_dash),
    (lambda p, c: "block scalar" in c, _explain_block_header),
    (lambda p, c: "expected node content" in p, _explain_node_content),
    (lambda p, c: "expected key" in p or "expected <block end>" in p, _explain_indent),
    (lambda p, c: "<document start>" in p, _explain_document_start),
    (lambda p, c: "scanning a tag" in c, _explain_tag),
    (lambda p, c: "expected ',' or ']'" in p, _explain_flow_item),
)
