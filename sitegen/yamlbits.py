"""The pieces every part of YAML loading shares: limits, paths and positions, what a problem found is.

Job: hold what the loader (`sitegen.yamltext`) and its parts (the line scan,
`sitegen.yamlscan`; the tree builder, `sitegen.yamltree`; the explanations of
parse errors, `sitegen.yamlexplain`) all use: the limits on one text
(`MAX_LINES`, `MAX_NODES`, `MAX_DEPTH`, `MAX_PROBLEMS`), `KeyPath` and
`Position`, what the records tell the loader through its callbacks
(`GroupFinder`, `FieldNamer`, `ValueMender`, `ElsewhereFinder` with
`FieldElsewhere`, and `LostIndent`), `Issue` (a problem found, 0-based),
`Lines` (character index ↔ line and column), `Scan` (where the line scan is)
and `Explanation` (what an explanation of a parse error gives), PyYAML's
loader and tags, and the messages and hints more than one part gives.

May import: errors, lazyre (and the standard library, PyYAML).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable, Mapping, Protocol

import yaml

from .errors import WIDE_SPACES
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

class GroupFinder(Protocol):
    """What the records say of the paths of a file (`sitegen.validation.group_fields`)."""

    def __call__(self, path: KeyPath) -> tuple[str, ...] | None:
        """The fields of the record typed at ``path``, required ones first: the file's own at ``()``, a group of
        fields (``("interviewee",)`` → ``("name", "role")``), an item of a list of records (``("tallies", 0)``);
        None when no record is typed there."""

    def lists_texts(self, path: KeyPath) -> bool:
        """Whether the field at ``path`` is a list of texts (``("actions",)``, ``("tags",)``), one item a line."""


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
ASCII_KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
CJK_KEY = r"[\u3400-\u4dbf\u4e00-\u9fff]{1,8}"
FIELD_KEY = rf"(?:{ASCII_KEY}|{CJK_KEY})"
"""A pattern for a field name as editors type it: an English one, or a short Chinese one (标题)."""


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


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
STD = "tag:yaml.org,2002:"
SCALAR_TAGS = frozenset({None} | {STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")})
MAP_TAGS = frozenset({None, "!", STD + "map"})
SEQ_TAGS = frozenset({None, "!", STD + "seq"})

TAB_MESSAGE = "a TAB is used for indentation; YAML needs spaces"
TAB_HINT = ("replace the TAB (制表符) with spaces, lined up with the lines it belongs with: the fields of one block, "
            'and the "- " of the items of one list, stand equally far in')
"""The hint for a TAB in a line's indentation when the lines around it do not tell how far in it goes
(`_tab_hint` gives the spaces when they do)."""
QUOTE_HINT = "wrap the whole value in quotes"
GAP = " \t" + WIDE_SPACES


@dataclass(frozen=True)
class Issue:
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


class Lines:
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


@dataclass
class Scan:
    """State of the line scan (local to one call; never shared)."""

    lines: Lines
    issues: list[Issue] = field(default_factory=list)
    replacements: list[int] = field(default_factory=list)
    mode: str = "normal"          # normal | block | '"' | "'" | flow
    block_indent: int = -1        # a block scalar's lines are indented more than this
    block_head: int = -1          # the line of the key (or "-") a block scalar's text is typed after
    block_notes: list[str] = field(default_factory=list)  # the notes told so far ending lines of that text, in
    # order: the key's line a hint offers holds them all (`check_note_after_block_text`)
    plain_owner: int | None = None  # lines indented more than this continue a plain value
    plain_item: int = -1          # the line of a list item whose plain text those lines continue, while not told
    plain_text: tuple[int, int, int, str] | None = None  # a plain text's first line, start, key column and what is
    # typed before it on its line (``note: ``), while no "#" cutting it was told (`check_text_cut`)
    told_through: int = -1        # the last line of a text whose "#" lines were told already (`_hash_before_text`)
    quoted: tuple[int, int, int, str] | None = None  # a quoted text left open: its first line, its quote's column,
    # its key's column and what is typed before it (`check_hash_after_quoted`, once it is closed)
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


NOTE_MESSAGE = 'this line is a note (说明), not a field: "{key}" is no field that can be typed here'
"""The message of a note typed without its ``# `` (``{key}``: the words read as a key), here and in `sitegen.validation`."""
NOTE_HINT = 'put "# " back at the start of the line, as a note starts with it (以 # 开头的行是说明)'
"""The hint that goes with `NOTE_MESSAGE`, before the line to type."""


Explanation = tuple[str, str, tuple[int, int] | None]
"""(message, hint, position to report instead of the parser's problem position, or None)."""


def path_with_slashes(text: str) -> str | None:
    """The line ``text`` with its double-quoted Windows path (`_WINDOWS_PATH_QUOTED`) written with "/", stripped;
    None when it holds none."""
    path = _WINDOWS_PATH_QUOTED.search(text)
    if path is None:
        return None
    return (text[:path.start(1)] + path.group(1).replace("\\", "/") + text[path.end(1):]).strip(" ")


SLASHES_HINT = 'write "/" between folders, as web addresses do'
"""The hint's words for a path typed with "\\" between folders, before the line to write."""


_WINDOWS_PATH_QUOTED = compile_later(r'"((?:[^\s"\\:]+\\)+[^\s"\\]+\.[A-Za-z0-9]{1,5})"')
"""A relative path typed in double quotes with "\\" between its folders, ending in a file's name and ending
(``"images\\a.svg"``); not a drive's path (``C:\\…``, told as a file on the computer where the path is read)."""
