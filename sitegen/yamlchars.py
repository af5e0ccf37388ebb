"""Characters an editor cannot see, or that were lost in a save: finding them and naming them.

Job: for YAML and Markdown alike (`sitegen.markup` uses them too): the
characters that show nothing (a zero-width space or a stray BOM pasted from a
web page, `SHOWS_NOTHING_RE`) and where they stand (`invisibles_on_line`),
control characters and what they stand for (`control_name`: Word's
Shift+Enter), the characters a value may not hold (`BAD_CHARS`,
`BAD_BREAKS`), full-width punctuation, and runs of "?" that stand for Chinese
lost in a save (`lost_characters`); each with the words a message names it by.

May import: lazyre (and the standard library).
"""

from __future__ import annotations

from .lazyre import compile_later


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


BAD_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
BAD_BREAKS = "\x85\u2028\u2029"
# Characters that show nothing, pasted with text from web pages, WeChat and Word: a unit id, tag or name
# holding one is not the one it looks like (unit: baihe<U+200B> names no unit, yet reads "baihe").
INVISIBLE_NAMES = {"\u00ad": "soft hyphen (软连字符, U+00AD)", "\u200b": "zero-width space (零宽空格, U+200B)",
                   "\u200c": "zero-width non-joiner (U+200C)",
                   "\u200e": "left-to-right mark (U+200E)", "\u200f": "right-to-left mark (U+200F)",
                   "\u2060": "word joiner (U+2060)", "\ufeff": "zero-width no-break space or byte-order mark (U+FEFF)",
                   **{chr(code): f"text-direction control (U+{code:04X})"
                      for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}}
"""Characters that show nothing → how a message names them (with the zero-width joiner: `SHOWS_NOTHING_NAMES`)."""
INVISIBLES = "".join(INVISIBLE_NAMES)
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F"
# A zero-width joiner (U+200D) counts only with no emoji beside it: emoji sequences (👨\u200d👩) are made with it,
# and keep it; beside Chinese text or a sign it joins nothing (大调研\u200d typed as a tag was another tag than 大调研,
# with its own page, and looked the same). Its look behind comes after it (the two characters ending there are not
# an emoji and the joiner): the same matches as looking behind first, found about three times faster.
_SHOWS_NOTHING = f"[{INVISIBLES}]|\u200d(?<![{_EMOJI}]\u200d)(?![{_EMOJI}])"
SHOWS_NOTHING_RE = compile_later(_SHOWS_NOTHING)
"""A character of `INVISIBLE_NAMES`, or a zero-width joiner beside no emoji: what a text is told to lose (a record's
here, a page's in `sitegen.markup`)."""
_SHOWS_NOTHING_RUN_RE = compile_later(f"(?:{_SHOWS_NOTHING})+")
SHOWS_NOTHING_NAMES = {**INVISIBLE_NAMES, "\u200d": "zero-width joiner (U+200D)"}
"""A character `SHOWS_NOTHING_RE` finds → how a message names it."""
# Up to 8 visible characters of text before and after one of them, to say where it stands.
_VISIBLE_END_RE = compile_later(f"[^\\s{INVISIBLES}]{{0,8}}$")
_VISIBLE_START_RE = compile_later(f"[^\\s{INVISIBLES}]{{0,8}}")
# Spaces (a paragraph's indent of two full-width ones, 　　) and other invisible characters between it and the text.
_PASSED_OVER_END_RE = compile_later(f"[\\s{INVISIBLES}\u200d]+$")
_PASSED_OVER_START_RE = compile_later(f"^[\\s{INVISIBLES}\u200d]+")


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


FULL_WIDTH_PUNCTUATION = compile_later("[\u3000-\u303f\uff00-\uffef]")
"""Full-width punctuation (。，；：、《》…): nothing follows it where a line break joins two lines, and a web
address never holds it (`sitegen.markup`)."""
