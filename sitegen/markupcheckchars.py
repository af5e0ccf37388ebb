"""Source-level checks of characters, spaces and controls, and of signs that make text vanish.

Job: warn an HTML comment never closed, Chinese words in half-width angle
brackets, bold typed with spaces inside its stars, characters that show
nothing, no-break spaces beside Chinese text, line and paragraph
separators, an article's length and reading time pasted with its text,
question marks that stand for characters lost in a save, and control
characters.

May import: errors, lazyre, markupbits, markupcheckbits, plaintext, yamltext (and the standard library).
"""

from __future__ import annotations

import html
import re
import unicodedata

from .errors import LOST_CHARACTERS_HINT, Problem, and_joined, lost_characters_message, paste_hint
from .lazyre import compile_later
from .markupbits import SERIALIZED_TAG_RE, clipped, is_html_tag
from .markupcheckbits import PIPE_ROW_RE, outside_fences, without_code_spans
from .plaintext import is_han
from .yamltext import (SHOWS_NOTHING_NAMES, SHOWS_NOTHING_RE, control_name, invisible_place, invisibles_on_line,
                       lost_characters, space_name)

# Bold typed with a space just inside its stars or underscores: "** 重点 **", "**重点 **". Python-Markdown
# (inlinepatterns.Delimiter, 3.x) opens bold only at stars with no whitespace (\s: full-width and no-break spaces
# too) after them, and closes it only at stars with none before them, so the page shows such stars as typed.
# Groups: the run of two or three signs, the sign, the text between the runs.
_SPACED_BOLD_RE = compile_later(r"(?<![*_\\])(?P<run>(?P<sign>[*_])(?P=sign){1,2})(?![*_])"
                             r"(?P<text>(?:(?!(?P=sign))[^\n])*?)(?<![*_])(?P=run)(?![*_])")
# What may stand before bold's opening stars with a space between: nothing but a list item's, a heading's
# or a quote's marker ("- ** 重点 **"). Elsewhere a space outside the stars is a formula's (x ** 2) or
# follows stars typed for hidden characters (王** 和李** 两位).
_LINE_OPENING_RE = compile_later(r"[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)]|#{1,6}|>)[ \t]+)?")


_CODE_ELEMENT_RE = compile_later(r"<(code|pre)\b[^>]*>.*?</\1>", re.DOTALL)


def open_comment_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for an HTML comment (注释) opened with ``<!--`` and never closed with ``-->``: Markdown then
    shows it as text, so a note meant for the editors (``<!-- 待核实``) is published with what follows.

    Only when the page shows a ``<!--`` outside code at all. Each ``<!--``
    typed outside code is warned when no ``-->`` follows it in its
    paragraph, or, for one that starts a block, anywhere after it (a comment
    alone may span paragraphs). Takes the body's lines and the page's HTML;
    returns the warnings in the order typed.
    """
    if "&lt;!--" not in clean_html or "&lt;!--" not in _CODE_ELEMENT_RE.sub("", clean_html):
        return []
    problems: list[Problem] = []
    plain = {index: without_code_spans(line) for index, line in outside_fences(lines)}
    for index, line in plain.items():
        for found in re.finditer("<!--", line):
            rest = [line[found.end():]]
            block = not line[:found.start()].strip() and (index == 0 or not lines[index - 1].strip())
            for later in range(index + 1, len(lines)):
                if not block and not lines[later].strip():
                    break
                rest.append(plain.get(later, ""))
            if "-->" in "\n".join(rest):
                continue
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                'this "<!--" opens an HTML comment (注释) that is never closed with "-->", so the page shows it '
                f"and the text after it: {clipped(line[found.start():].strip())}",
                'to keep a note off the page, end it with "-->" on its line or after it; else delete the "<!--"'))
    return problems


# Words in half-width angle brackets, starting with a letter or character (so not "<5万元" or "<!--").
_ANGLE_WORDS_RE = compile_later(r"<(?P<text>[^\W\d_][^<>\n]*?(?<=\S))>")


def angle_bracket_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for Chinese words in half-width angle brackets (``<WPS表格>``), which are meant as 《》 (书名号).

    In a Chinese input method the keys of "<" and ">" type 《 and 》, so
    half-width ones around Chinese words are a title typed with the input
    method off: the page shows them as typed (see `TagsOnly`), but Chinese
    text has no such marks. Words in angle brackets without Chinese
    (``<Excel>``, ``<PM2.5>``) are shown as typed without a warning, as are
    tags (`is_html_tag`: the sanitizer's warnings tell them) and addresses
    (``<https://…>`` is a link). Each is warned at its "<", when the page
    shows it; fenced code and code spans are left alone. Takes the body's
    lines and the page's HTML; returns the warnings in the order typed.
    """
    if "&lt;" not in clean_html:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "<" not in line:
            continue
        for found in _ANGLE_WORDS_RE.finditer(without_code_spans(line)):
            typed, text = found.group(), found.group("text")
            if not any(is_han(char) for char in text) or is_html_tag(typed) \
                    or html.escape(typed, quote=False) not in clean_html:
                continue
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f"half-width angle brackets (<>) around Chinese words are shown as typed: {clipped(typed)}; "
                "a title in Chinese text takes book-title marks (书名号) 《》",
                f"if it is a title (of a document, book, program or system), type 《{text}》; if the angle "
                f"brackets are meant, type them full-width: ＜{text}＞"))
    return problems


def spaced_bold_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for bold typed with spaces inside its stars (``** 重点 **``), which the page shows as typed.

    Input methods and Word habits put a space between ``**`` and the text
    (半角 or 全角); Markdown then makes nothing bold and the page shows the
    stars, spaces and all. Each is warned at its opening stars, with the text
    to type (``__`` gets stars: between Chinese characters ``__`` makes no
    bold even without spaces). Such a pair is never bold as typed, whatever
    surrounds it (``这是** 重点 **内容，**难点 **`` bolds "内容，" between
    the two); only text with a letter or character between the stars counts
    (``2 ** 3 ** 4`` is arithmetic), and only when the page shows such stars
    at all: a page whose bold is all typed right shows none, and is not read
    further. Fenced code and code spans are left alone; found while
    converting (cached). Takes the body's lines and the page's HTML; returns
    the warnings in the order typed.
    """
    if "**" not in clean_html and "__" not in clean_html:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        for found in _SPACED_BOLD_RE.finditer(without_code_spans(line)):
            typed, text = found.group(), found.group("text")
            words = text.strip()
            if not (text[:1].isspace() or text[-1:].isspace()) or not any(char.isalpha() for char in words) \
                    or found.group("run") not in clean_html or _spaced_outside(line, found.start(), found.end()):
                continue
            edges = text[:1] + text[-1:]
            odd = next((char for char in edges if char.isspace() and char not in " \t"), "")
            run = found.group("run")
            stars = "*" * len(run)
            fixed = f"{stars}{words}{stars}"
            shown = "".join("\\" + sign for sign in run)
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f'{space_name(odd) if odd else "a space"} just inside the "{run}" keeps Markdown from making this '
                f"bold (加粗), so the page shows the {'stars' if run[0] == '*' else 'underscores'} as typed: "
                f"{clipped(typed)}",
                (paste_hint("to make it bold, write the text right against the stars, with no space between "
                            "(星号内侧不留空格)", fixed, ": delete the spaces just inside them") if run[0] == "*" else
                 paste_hint("to make it bold, write it between stars, with no space inside them (星号内侧不留空格)", fixed,
                            f": type {stars} in place of each {run}, and delete the spaces just inside them")
                 + f" (next to Chinese characters, {run} makes no bold even without spaces)")
                + f"; if the {'stars' if run[0] == '*' else 'underscores'} are meant to show, type a backslash "
                  f"before each: {shown}"))
    return problems


def _spaced_outside(line: str, start: int, end: int) -> bool:
    """True when the pair of runs at ``line[start:end]`` has a space outside it: before its opening run (but
    for a line's marker, `_LINE_OPENING_RE`) or after its closing run with more text after that."""
    before, after = line[start - 1:start], line[end:end + 1]
    return (before.isspace() and _LINE_OPENING_RE.fullmatch(line[:start]) is None) or \
        (after.isspace() and bool(line[end:].strip()))


def invisible_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for characters that show nothing (`sitegen.yamltext.SHOWS_NOTHING_RE`: a zero-width joiner only
    beside no emoji), one at the first of each line.

    The page shows the text as it looks, but search and the misspelling
    check read it with them, so a word holding one is neither found nor
    checked. Each is named with the text around it, since it cannot be
    seen. Fenced code is left alone; found while converting (cached).
    """
    if not SHOWS_NOTHING_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = SHOWS_NOTHING_RE.search(line)
        if found is None:
            continue
        where, count = invisibles_on_line(line, found.start())
        name = SHOWS_NOTHING_NAMES[found.group()]
        marker = _BLOCK_MARKER_RE.match(SHOWS_NOTHING_RE.sub("", line)) if not line[:found.start()].strip() else None
        if marker is not None:  # "\ufeff## 标题": Markdown sees no heading, and the page shows the "##"
            kind = _BLOCK_KINDS.get(marker["sign"][0], "a list item (列表项)")
            told = (f'an invisible {name} is at the start of this line, before "{marker["sign"]}": Markdown then '
                    f'does not read the line as {kind}, and the page shows the "{marker["sign"]}" as text')
        else:
            told = (f"an invisible {name} is in the text"
                    + (f" ({count} invisible characters on this line)" if count > 1 else "")
                    + ": it shows nothing, but search and the misspelling check do not find the word it stands in")
        problems.append(Problem(
            path, first_line + index, found.start() + 1, "warning", told,
            f"delete it: it stands {where} (it often comes from text copied from a web page, WeChat or Word; "
            "retyping the word removes it)" if count == 1 else
            f"delete them: they stand {where} (they often come from text copied from a web page, WeChat or Word; "
            "retyping the words removes them)"))
    return problems


_NO_BREAK_RUN_RE = compile_later("[ \t]*\u00a0[ \t\u00a0]*")
"""A no-break space (U+00A0), with the other spaces and TABs typed next to it: one gap on the page."""
_ITEM_MARKER_RE = compile_later(r"[ \t>]*(?:[-*+]|[0-9]{1,3}[.)])")
"""What stands before the space of a list item's marker, quote signs and all: a no-break space right after it is
told by `sitegen.markupcheckitems.odd_space_item_problems`."""


def no_break_space_problems(source: str, lines: list[str], clean_html: str, path: str,
                            first_line: int) -> list[Problem]:
    """Warnings for no-break spaces (U+00A0, 不间断空格) beside Chinese text, one at the first of each line.

    Takes the body, its lines, the page's HTML, the file's path and the file
    line of the body's first line; returns the warnings in the order typed.
    Word, web pages and WeChat paste U+00A0 for a space, and Chinese is
    written without spaces: between 走访 and 居民 the page shows a gap. One
    is told when a Chinese character or full-width punctuation mark
    (`_is_cjk`) stands on either side of it and text on both: between
    Latin words or a figure and its unit (``5<U+00A0>km``) it keeps them on one
    line, as meant. A no-break space the page does not show (at the start of
    a paragraph, a heading or a table's cell, which Markdown trims) is not
    told, nor one right after a list item's marker, which
    `sitegen.markupcheckitems.odd_space_item_problems` tells. Fenced code
    and code spans are left alone; found while converting (cached).
    """
    # The hot path: most bodies hold none, and a page that shows none (all trimmed) is not read further.
    if "\u00a0" not in source or "&nbsp;" not in clean_html:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "\u00a0" not in line:
            continue
        plain = without_code_spans(line)
        gaps = [run for run in _NO_BREAK_RUN_RE.finditer(plain) if _pasted_gap(plain, run, clean_html)]
        if not gaps:
            continue
        places = list(dict.fromkeys(invisible_place(plain, run.start(), run.end()) for run in gaps))
        where = and_joined(places)
        # Between Chinese and a Latin word or a figure, a space may be meant: an ordinary one then.
        latin = any(char.isalnum() and not _is_cjk(char) for run in gaps for char in (plain[run.start() - 1],
                                                                                       plain[run.end()]))
        it, stands = ("it", "it stands") if len(gaps) == 1 else ("them", "they stand")
        problems.append(Problem(
            path, first_line + index, gaps[0].start() + gaps[0].group().index("\u00a0") + 1, "warning",
            f"{space_name(chr(0xA0))} stands beside Chinese text"
            + (f" ({len(gaps)} such gaps on this line)" if len(gaps) > 1 else "")
            + ", which is written without spaces: the page shows a gap there",
            f"delete {it}: {stands} {where}"
            + ("; where a space is meant between Chinese and Latin letters or figures, type an ordinary space "
               "(半角空格) in its place" if latin else "")))
    return problems


def _pasted_gap(line: str, run: re.Match[str], clean_html: str) -> bool:
    """True when the no-break space of ``run`` in ``line`` (code spans made spaces) is one to tell
    (`no_break_space_problems`): text on both sides, a Chinese character or mark on one of them, not right
    after a list item's marker, and the page shows it beside that character."""
    before, after = line[run.start() - 1:run.start()], line[run.end():run.end() + 1]
    if not before or not after or _ITEM_MARKER_RE.fullmatch(line, 0, run.start()):
        return False
    shown = run.group().replace("\u00a0", "&nbsp;")
    if _is_cjk(after):
        return shown + html.escape(after) in clean_html
    return _is_cjk(before) and html.escape(before) + shown in clean_html


def _is_cjk(char: str) -> bool:
    """True for one character of Chinese text, beside which no space is written: a wide or full-width one (Han,
    kana, hangul, full-width punctuation), as `sitegen.validation` reads a front matter's text."""
    return unicodedata.east_asian_width(char) in ("W", "F")


_SEPARATOR_NAMES = {"\u2028": "line separator (行分隔符, U+2028)", "\u2029": "paragraph separator (段分隔符, U+2029)",
                    "\x85": "next-line character (U+0085)"}
"""Line breaks that are no line break to Markdown (YAML's "invisible line separators") → how a message names them."""
_SEPARATOR_RE = compile_later(f"[{''.join(_SEPARATOR_NAMES)}]")


def separator_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for the line and paragraph separators of `_SEPARATOR_NAMES` in a body, one at the first of each line.

    Takes the body, its lines, the file's path and the file line of the
    body's first line. Word and web pages paste them for a line break, but
    Markdown reads none there: the page holds the character inside the word
    (shown as nothing, or as a break where the editor saw none), and search
    and the misspelling check do not find the word. In YAML they are an
    error; in a body, a warning like `invisible_problems`, placed by the
    text around it. Fenced code is left alone; found while converting (cached).
    """
    if not _SEPARATOR_RE.search(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _SEPARATOR_RE.search(line)
        if found is None:
            continue
        places = list(dict.fromkeys(invisible_place(line, match.start(), match.end())
                                    for match in _SEPARATOR_RE.finditer(line)))
        count = len(_SEPARATOR_RE.findall(line))
        where = and_joined(places)
        problems.append(Problem(
            path, first_line + index, found.start() + 1, "warning",
            f"an invisible {_SEPARATOR_NAMES[found.group()]} is in the text"
            + (f" ({count} on this line)" if count > 1 else "")
            + ": Markdown reads no line break there, so the page holds it inside the text, and search and the "
              "misspelling check do not find the word it stands in",
            (f"delete it: it stands {where} (it often comes from text copied from Word or a web page); if a new "
             "line is meant there, press Enter in its place" if count == 1 else
             f"delete them: they stand {where} (they often come from text copied from Word or a web page); where a "
             "new line is meant, press Enter in its place")))
    return problems


_BLOCK_MARKER_RE = compile_later(r"[ \t]{0,3}(?P<sign>#{1,6}|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])|>|\|)")
"""What starts a line Markdown reads as a heading (Python-Markdown needs no space after "#"), a list item, a quote
or a table's first row."""
_BLOCK_KINDS = {"#": "a heading (标题)", ">": "a quote (引用)", "|": "the start of a table (表格)"}


_READING_FIGURES_RE = compile_later(r"本篇文章[ \t]*[共约]?[ \t]*[0-9０-９,，]+[ \t]*字[ \t]*[,，、；;]?[ \t]*(?:预计)?"
                                 r"(?:阅读|读完)(?:时间|需要|需)?[ \t]*约?[ \t]*[0-9０-９.]+[ \t]*分钟")
"""The line of an article's length and reading time as WeChat and news sites print it (本篇文章1688字,读完约4分钟)."""


def reading_figures_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A warning for the source article's length and reading time pasted with its text (本篇文章1688字,读完约4分钟).

    The page prints its own such line, worked out from its text (`sitegen.site.Entry.word_count`), above
    it: the reader saw two, 本篇文章439字 then 本篇文章1688字, and the pasted one led every summary made from
    the text. Warned at the line, outside fenced code; found while converting (cached).
    """
    if "本篇文章" not in source:
        return []
    return [Problem(path, first_line + index, found.start() + 1, "warning",
                    f'"{found.group()}" is the source article\'s length and reading time, pasted with its text: the '
                    "page prints its own, worked out from this text, so readers would see two different ones",
                    "delete the line")
            for index, line in outside_fences(lines) if (found := _READING_FIGURES_RE.search(line))]


def lost_character_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for runs of question marks that stand for characters lost in a save (`sitegen.yamltext.lost_characters`:
    3 or more ASCII "?", not in a web address), one at the first run of each line.

    A file saved in an encoding that cannot hold Chinese publishes every
    Chinese character as "?": ``## ????????`` and paragraphs of them,
    unwarned. Fenced code and code spans show text as typed and are left
    alone; found while converting (cached).
    """
    if "???" not in source:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = lost_characters(without_code_spans(line)) if "???" in line else None
        if found is not None:
            start, end = found
            problems.append(Problem(path, first_line + index, start + 1, "warning",
                                    lost_characters_message(line[start:end]) + ", so the page would publish them",
                                    LOST_CHARACTERS_HINT))
    return problems


# --------------------------------------------------------------------------
# The renderer
# --------------------------------------------------------------------------

# Characters XML (feeds, sitemaps) cannot hold and no reader can see: C0 controls but
# tab and newline, DEL, and the non-characters U+FFFE/U+FFFF; typed, or written as a code (&#11;).
CONTROL_RE = compile_later("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_ENTITY_RE = compile_later(r"&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|127)|x0*(?:[0-8bcefBCEF]|1[0-9a-fA-F]|7[fF]));")
_BREAK_CONTROL_RE = compile_later("[\x0b\x0c]")
"""The control characters of `sitegen.yamltext.BREAK_CONTROL_NAMES`: a line break made in Word with Shift+Enter
(U+000B), a page break (U+000C)."""


def published_controls(clean_html: str) -> str:
    """``clean_html`` with its control characters made what a page and a feed can hold.

    A line break made in Word with Shift+Enter (U+000B, 手动换行符) or a page
    break (U+000C) is published as a line break, since that is what the editor
    saw in Word where it stands: in text, ``<br>`` and a newline, as a newline
    inside a paragraph gives (``nl2br``), so ``甲<U+000B>乙`` shows as the lines
    ``甲`` and ``乙`` typed one below the other would; in a table cell or a
    heading, a second line in it, as Word showed; in ``<pre>``, a newline; in
    an attribute's value (a picture's alt text), a space. Any other control
    character becomes U+FFFD (�), a visible mark where something was lost.
    Each is warned at its line (`control_problems`), so nothing typed is
    changed silently. Takes and returns HTML as nh3 writes it (tags as
    `SERIALIZED_TAG_RE` reads them); in any other form every control
    character becomes U+FFFD.
    """
    if _BREAK_CONTROL_RE.search(clean_html):
        # split() gives: text, then per tag "/" or "", its name, its attributes, the text after it.
        parts = SERIALIZED_TAG_RE.split(clean_html)
        if "<" not in "".join(parts[::4]):
            shown, pre = [_BREAK_CONTROL_RE.sub("<br>\n", parts[0])], 0
            for slash, tag, attributes, text in zip(parts[1::4], parts[2::4], parts[3::4], parts[4::4]):
                pre += (-1 if slash else 1) if tag == "pre" else 0
                shown.append(f"<{slash}{tag}{_BREAK_CONTROL_RE.sub(' ', attributes)}>")
                shown.append(_BREAK_CONTROL_RE.sub("\n" if pre > 0 else "<br>\n", text))
            clean_html = "".join(shown)
    return CONTROL_RE.sub("\ufffd", clean_html)


def control_problems(source: str, lines: list[str], published: bool, path: str,
                     first_line: int) -> list[Problem]:
    """Warnings for control characters in a body, one at the first on each line that holds one.

    Takes the body, its lines, whether the HTML held one (``published``),
    the file's path and the file line of the body's first line. A control
    character shows nothing where it is typed, so it is named by what it
    stands for (`sitegen.yamltext.control_name`: Word's Shift+Enter line
    break, 手动换行符) and placed by the text around it; the message says
    what the page shows (`published_controls`), the hint what to type.
    Typed in code it is warned too (the code shows it changed); written as a
    code (``&#11;``) it is warned outside code, where it is decoded. Should
    the HTML hold one no line shows, one warning without a line says so.
    """
    problems: list[Problem] = []
    if CONTROL_RE.search(source) or ("&#" in source and _CONTROL_ENTITY_RE.search(source)):
        outside = dict(outside_fences(lines))
        for index, line in enumerate(lines):
            typed = CONTROL_RE.search(line)
            coded = _CONTROL_ENTITY_RE.search(without_code_spans(line)) if index in outside and "&#" in line else None
            found = min((match for match in (typed, coded) if match), key=lambda match: match.start(), default=None)
            if found is not None:
                problems.append(_control_problem(line, found, path, first_line + index))
    if published and not problems:
        problems.append(Problem(path, None, None, "warning", "an invisible control character is in the text: the "
                                "page shows � in its place", "delete it: it usually comes from text pasted from "
                                "Word or a PDF (复制粘贴带入的控制字符)"))
    return problems


_HEADING_LINE_RE = compile_later(r"#{1,6}")
"""How a line Python-Markdown reads as a heading starts (it needs no space after the "#")."""


def _control_problem(line: str, found: re.Match[str], path: str, number: int) -> Problem:
    """The warning of `control_problems` for the control character ``found`` (typed, or as ``&#11;``) in ``line``."""
    code = found.group()[2:-1]  # of "&#11;" or "&#x0b;": html.unescape drops such a code, as no character
    char = found.group() if len(found.group()) == 1 else chr(int(code[1:], 16) if code[0] in "xX" else int(code))
    shown = "the page starts a new line in its place" if char in "\v\f" else "the page shows � in its place"
    told = (f"{control_name(char)} is in this line, where it shows nothing: {shown}" if found.group() == char else
            f'"{found.group()}" in this line is the code of a control character (U+{ord(char):04X}): {shown}')
    # A code can be seen; a character is placed by the text around it.
    it = (f"it (it stands {invisible_place(line, found.start(), found.end())})" if found.group() == char
          else f'"{found.group()}"')
    if char not in "\v\f":
        hint = f"delete {it}: it usually comes from text pasted from Word or a PDF (复制粘贴带入的控制字符)"
    elif not line[:found.start()].strip() or not line[found.end():].strip():
        hint = f"delete {it}: a line starts or ends there already"
    elif PIPE_ROW_RE.match(line) or _HEADING_LINE_RE.match(line):
        within, ends = (("the heading", "the heading") if _HEADING_LINE_RE.match(line)
                        else ("the table's cell", "the table's row"))
        hint = f"delete {it}; to keep the new line in {within}, type <br> in its place (Enter would end {ends})"
    else:
        hint = f"delete {it} and press Enter in its place to start the new line, or only delete it"
    return Problem(path, number, found.start() + 1, "warning", told, hint)
