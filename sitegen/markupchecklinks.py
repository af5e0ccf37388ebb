"""Source-level checks of links and pictures typed with a slip.

Job: read the links as typed (`typed_links`) and warn those typed with an
input method's full-width sign or a space (`typed_link_problems`) or
missing a bracket (`broken_link_problems`), titles in quotes Markdown
does not read, words typed after an address, and addresses typed with
full-width signs.

May import: errors, lazyre, markupbits, markupcheckbits, markupinline, webaddress, yamltext (and Python-Markdown and
the standard library).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown import inlinepatterns
from markdown.blockprocessors import ReferenceProcessor

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import clipped
from .markupcheckbits import HREF_RE, outside_fences, without_code_spans
from .markupinline import BARE_ADDRESS_RE, bare_address_end, looks_like_address
from .webaddress import address_slip, half_width_address
from .yamltext import FULL_WIDTH_PUNCTUATION

# A link or picture as an input method may type it: ！ for !, 【】 or ［］ for [], （） for (), or a space
# between ] and (. Group "target" must look like an address (`is_slip`: a "/", "." or ":" in it), so that
# ordinary Chinese punctuation such as 【通知】（二） is left alone; it keeps the pairs of parentheses it holds
# (http://www.qingpu.gov.cn/通知（2018）.pdf, …/wiki/A_(B)), taken whole and never given back (*+: no
# backtracking over them). A title may follow the address. After "[", the text runs to the first closing
# bracket a parenthesis follows, so that a caption's own 【】 is text (![图（一）：【茭白田】](images/photo2.png）);
# after 【 or ［, to the first closing bracket.
TYPED_LINK_RE = compile_later(r"(?P<bang>[!！]?)(?P<open>[\[【［])(?P<text>(?<=\[)[^\]\n]*?|(?<!\[)[^\]】］\n]*)"
                            r"(?P<close>[\]】］])(?P<gap>[ \t]*)"
                            r"(?P<paren>[(（])[ \t]*(?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^)）\s])*+)"
                            r"(?P<title>[ \t]+(?:\"[^\"]*\"|“[^”]*”|'[^']*'))?[ \t]*(?P<end>[)）])")
# What a slip holds somewhere (a quick look before the line-by-line one), sign by sign of `is_slip`:
# ！ before a bracket; a full-width opening bracket, then a closing one and a parenthesis (no other opening
# bracket between: the last one before the closing bracket is found, in linear time); a full-width closing
# bracket before a parenthesis; "]" before a full-width parenthesis or a space. A full-width closing
# parenthesis after "](" is looked for by `slip_possible`.
_SLIP_SIGNS_RE = compile_later(r"！[\[【［]|[【［][^\]】］\n【［]*[\]】］][ \t]*[(（]|[】］][ \t]*[(（]|\][ \t]*（|\][ \t]+\(")
_HALF_WIDTH = str.maketrans("！【】［］（）“”", "![][]()\"\"")


def slip_possible(source: str) -> bool:
    """False only when no line of ``source`` holds a link or picture `is_slip` tells (so none is looked for).

    True when `_SLIP_SIGNS_RE` finds a sign, or a line has "](" and then a
    full-width closing parenthesis: ``![茭白田](images/photo2.png）``, whose
    slip is only its last sign, was never looked for, and so never told.
    (Read line by line, not by a regex, which would take quadratic time on
    a line of many "](" and no "）".)
    """
    if _SLIP_SIGNS_RE.search(source):
        return True
    at = source.find("](")
    while at >= 0:
        end = source.find("\n", at)
        if source.find("）", at, None if end < 0 else end) >= 0:
            return True
        at = -1 if end < 0 else source.find("](", end)
    return False


def is_slip(found: re.Match[str]) -> bool:
    """True when a `TYPED_LINK_RE` match has a full-width sign or a space where Markdown wants neither, and
    an address ("/", "." or ":" in its target)."""
    signs = found.group("bang") + found.group("open") + found.group("close") + found.group("paren") \
        + found.group("end")
    target = found.group("target")
    return (not signs.isascii() or bool(found.group("gap"))) and ("/" in target or "." in target or ":" in target)


def _typed_link_mended(found: re.Match[str]) -> str:
    """The link or picture of a `TYPED_LINK_RE` match as Markdown reads it: its signs in half width, nothing
    between ``]`` and ``(``, a title's quotes half-width; its text, address and title's words as typed (a
    caption's （一） or 【】 is the editor's, not a slip)."""
    title = found.group("title") or ""
    if title:
        words = title.lstrip(" \t")
        title = title[:len(title) - len(words)] + words[0].translate(_HALF_WIDTH) + words[1:-1] \
            + words[-1].translate(_HALF_WIDTH)
    return (found.group("bang").translate(_HALF_WIDTH) + "[" + found.group("text") + "](" + found.group("target")
            + title + ")")


class _LinkReader(inlinepatterns.LinkInlineProcessor):
    """Python-Markdown's own reading of a link's ``[text]`` and ``(address "title")`` (`typed_links`)."""

    def unescape(self, text: str) -> str:
        return text  # typed text holds none of the placeholders a conversion stashes


_LINK_READER = _LinkReader(inlinepatterns.LINK_RE)


@dataclass(frozen=True)
class TypedLink:
    """A link or picture in a line (or run of lines) of Markdown, as Python-Markdown reads it.

    Fields: ``start`` and ``end``, the indexes in the line of its first
    sign (the ``!`` of a picture, else ``[``) and just after its ``)``;
    ``picture``; ``text`` (between the brackets); ``address`` (the
    ``href`` or ``src`` Markdown makes, without ``<>``); ``address_start``,
    its index in the line; ``title`` (None: none read).
    """

    start: int
    end: int
    picture: bool
    text: str
    address: str
    address_start: int
    title: str | None


def typed_links(line: str, begin: int = 0, stop: int | None = None) -> Iterator[TypedLink]:
    """Every ``[text](address "title")`` and ``![text](path "title")`` of ``line``, as Python-Markdown reads them.

    Read by Python-Markdown's own code (nested brackets and parentheses,
    ``<…>`` addresses, a title only between matching half-width quotes),
    within ``line``: give a run of lines (`text_blocks`) to find a link
    Markdown closes on a later line of its paragraph. A link in another's
    text is given after it, read within that text as Markdown reads it.
    ``begin`` and ``stop``: the part of the line to read (indexes stay the
    line's).
    """
    data = line if stop is None else line[:stop]
    index = begin
    while (opening := data.find("[", index)) >= 0:
        index = opening + 1
        if data.find("](", opening) < 0:
            return  # no link can close after this bracket (a quick end for text with brackets, 【】 aside)
        if _escaped(data, opening):
            continue
        text, after, closed = _LINK_READER.getText(data, opening + 1)
        if not closed:
            continue
        address, title, end, handled = _LINK_READER.getLink(data, after)
        if not handled:
            continue
        picture = opening > begin and data[opening - 1] == "!" and not _escaped(data, opening - 1)
        found = data.find(address, after, end) if address else -1
        yield TypedLink(opening - picture, end, picture, text, address, found if found >= 0 else after + 1, title)
        yield from typed_links(line, opening + 1, after - 1)
        index = end


# A line that starts a block of its own, so a link cannot run on into it from the line before: a list item,
# a heading, a quote.
_OWN_BLOCK_RE = compile_later(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>)")


def text_blocks(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The runs of lines a link or picture may span, as ``(number of the first line, lines joined by "\\n")``.

    Takes ``(number, line)`` pairs (`outside_fences`). A run is lines with
    consecutive numbers and text, each but the first not starting a list
    item, heading or quote: Markdown reads ``![草莓](a.svg`` and ``"白鹤草莓")``
    on the next line as one picture. Map an index in a run back with
    `place_in_block`.
    """
    first, held, previous = 0, [], -2
    for number, line in numbered:
        if held and (number != previous + 1 or not line.strip() or _OWN_BLOCK_RE.match(line)):
            yield first, "\n".join(held)
            held = []
        if line.strip():
            first, held = (first, held + [line]) if held else (number, [line])
        previous = number
    if held:
        yield first, "\n".join(held)


def place_in_block(first: int, block: str, index: int) -> tuple[int, int]:
    """``(line number, 1-based column)`` of ``block[index]``, for a block from `text_blocks` starting at ``first``."""
    return first + block.count("\n", 0, index), index - block.rfind("\n", 0, index)


def _escaped(line: str, index: int) -> bool:
    """True when the sign at ``index`` follows an odd number of backslashes (Markdown shows it as typed)."""
    before = line[:index]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 1


# A title in quotes Markdown does not read as a title's (two half-width " or two '), so that the title becomes
# part of the address: "白鹤草莓”, “白鹤草莓”, '白鹤草莓’, "白鹤草莓 (an input method's closing quote, or none).
_TITLE_QUOTES = "\"'“”‘’"
_SWALLOWED_TITLE_RE = compile_later(f"(?P<path>.*?\\S)(?P<gap>\\s+)(?P<title>[{_TITLE_QUOTES}].*)", re.DOTALL)
_TITLE_SLIP_RE = compile_later(f"\\][(:][^)\\n]*?\\s[{_TITLE_QUOTES}]")  # a quick look: a quote after a space in (…)
# A link definition ([1]: images/a.svg "白鹤草莓”) with a title in quotes; Python-Markdown's own pattern says
# whether it reads it.
_DEFINITION_RE = compile_later(f"^ {{0,3}}\\[(?P<label>[^\\[\\]\\n]*)\\]:[ ]*(?P<target>\\S+)[ \\t]+"
                            f"(?P<title>[{_TITLE_QUOTES}].*?)[ \\t]*$")


def swallowed_title(address: str) -> tuple[str, str] | None:
    """``(path, typed title)`` when ``address`` (as Markdown read it) holds a title typed in quotes it did not
    read: ``images/a.svg "白鹤草莓”`` gives ``("images/a.svg", '"白鹤草莓”')``; else None."""
    found = _SWALLOWED_TITLE_RE.fullmatch(address)
    return (found.group("path"), found.group("title")) if found else None


def _title_fault(typed: str) -> tuple[str, str]:
    """What is wrong with a swallowed title ``typed`` (`swallowed_title`), in words, and its text to quote."""
    opening, closing = typed[0], typed[-1] if len(typed) > 1 and typed[-1] in _TITLE_QUOTES else ""
    if not closing and opening in typed[1:]:
        return f"has more text after its closing quote ({typed})", typed[1:].replace(opening, "", 1)
    if not closing:
        return f"has no closing quote ({opening}…)", typed[1:]
    if not opening.isascii() and not closing.isascii():
        return f"is in full-width quotes ({opening}…{closing}, 全角引号)", typed[1:-1]
    if opening == closing:
        return f"is followed by another ({typed})", typed[1:-1]  # Markdown read the second: '甲' "乙"
    return f"is in quotes that do not match ({opening}…{closing})", typed[1:-1]


def title_quote_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a link's or picture's title in quotes Markdown does not read: ``![草莓](a.svg "白鹤草莓”)``.

    Markdown reads a title only between two half-width ``"`` or two
    ``'``; else the title is part of the address, so the picture is
    missing (its path names no file) and the link leads nowhere, unwarned
    by the check of picture files, which reads the path the editor meant.
    When a later ``"`` in the line closes it, the title runs on to it
    instead, hiding the text between (`_title_run_on`). Each is warned at
    its first sign with the whole link or picture to type. Fenced code and
    code spans are left alone; found while converting (cached).
    """
    if not _TITLE_SLIP_RE.search(source):
        return []
    problems = _definition_title_problems(lines, path, first_line)
    for first, block in text_blocks(outside_fences(lines)):
        shown = without_code_spans(block)
        for read in typed_links(block):
            link = read if swallowed_title(read.address) else _title_run_on(block, read)
            if link is None or shown[link.start] != block[link.start]:
                continue  # read right, or inside a code span (shown as typed)
            meant, title = swallowed_title(link.address) or ("", "")
            fault, inner = _title_fault(title)
            inner += f" {link.title}" if link.title else ""  # the title Markdown did read, after the one it did not
            fixed = _one_line(f'{"!" if link.picture else ""}[{link.text}]({meant} "{inner}")')
            what = "picture" if link.picture else "link"
            if link is not read:
                result = f"reads the title on to a later quote and hides the text typed after the {what} in it"
            elif link.picture:
                result = "reads it as part of the picture's path, and the picture is missing"
            else:
                result = "reads it as part of the link's address, and the link leads nowhere"
            line, column = place_in_block(first_line + first, block, link.start)
            problems.append(Problem(
                path, line, column, "warning",
                f"the title of this {what} {fault}, so Markdown {result}: {_one_line(block[link.start:link.end])}",
                paste_hint('put the title between two half-width quotes (半角引号 "…")', fixed)))
    return problems


# Words typed after a web address and a space, with no quotes (``[原文](http://… 上海热线)``): Markdown reads no
# title without them, so the words become part of the address. A quick look first, then `_words_after_address`.
_WORDS_SLIP_RE = compile_later(r"\]\([ \t]*<?https?://[^)\s]*\s+[^)\s\"'“”‘’]", re.IGNORECASE)
_ADDRESS_AND_WORDS_RE = compile_later(r"(?P<address>https?://[^\s?#]+)(?P<gap>\s+)(?P<words>[^/\"'“”‘’].*)",
                                      re.IGNORECASE | re.DOTALL)
_FILE_ENDING_RE = compile_later(r"\.[A-Za-z0-9]{1,5}$")


def _words_after_address(address: str) -> tuple[str, str] | None:
    """``(web address, words)`` when ``address`` (a link's or picture's, as Markdown read it) is an http(s)
    address, a space and words with no "/" (``http://www.shcafe.org/a.html 上海热线``); else None.

    Words ending as a file name does (``…/files/my report.pdf``, ``…/shzxxw/ 120946.html``) are a file name
    with a space or an address broken where it was copied (`sitegen.webaddress.address_slip`), and an
    address with a query (``?wd=白鹤 大调研``) may hold spaces: neither is taken for words.
    """
    found = _ADDRESS_AND_WORDS_RE.fullmatch(address.strip())
    if found is None or _FILE_ENDING_RE.search(found.group("words").rstrip()) or any(
            sign in found.group("words") for sign in "/\""):
        return None
    return found.group("address"), " ".join(found.group("words").split())


def untitled_words_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for words typed after a link's or picture's web address and a space, without quotes:
    ``[原文](http://www.shcafe.org/a.html 上海热线)``.

    Markdown reads a title only in half-width quotes; else the words are
    part of the address, so the link leads nowhere (the site it names has
    no such page), a picture is missing, and the words show nowhere on the
    page, unwarned, as the address is another site's. A path of this site
    so typed is told by the check of links and pictures
    (`sitegen.checks`). Each is warned at its first sign, with the link to
    type with the words as its title (shown when the pointer rests on it)
    or after it, on the page. Fenced code and code spans are left alone.
    """
    if not _WORDS_SLIP_RE.search(source):
        return []
    problems: list[Problem] = []
    for first, block in text_blocks(outside_fences(lines)):
        shown = without_code_spans(block)
        for link in typed_links(block):
            split = None if link.title is not None else _words_after_address(link.address)
            if split is None or shown[link.start] != block[link.start]:
                continue
            address, words = split
            what, sign = ("picture", "!") if link.picture else ("link", "")
            result = "the picture is missing" if link.picture else "the link leads nowhere"
            line, column = place_in_block(first_line + first, block, link.start)
            typed = f"{sign}[{link.text}]({address}"
            problems.append(Problem(
                path, line, column, "warning",
                f'the words "{words}" after the address of this {what} have no quotes, so Markdown reads them as '
                f"part of the address: {result} and the words are not shown: "
                f"{_one_line(block[link.start:link.end])}",
                paste_hint('to make them its title (标题, shown when the pointer rests on it), put them between two '
                           'half-width quotes (半角引号 "…")', f'{_one_line(typed)} "{words}")',
                           f' before and after "{words}"')
                + ("" if link.picture else paste_hint("; to show them on the page, write them after the link",
                                                      f"{_one_line(typed)}) {words}", ' instead, after its ")"'))))
    return problems


def _one_line(text: str) -> str:
    """``text`` with each line break a space: a link typed over two lines, quoted or given to type on one."""
    return text.replace("\n", " ")


def _definition_title_problems(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for a link definition whose title is in quotes Markdown does not read (`title_quote_problems`).

    ``[1]: images/a.svg "白鹤草莓”`` is then no definition: the page shows
    the line as typed, and ``![草莓][1]`` and ``[文字][1]`` as text.
    """
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        found = _DEFINITION_RE.match(line)
        if found is None or ReferenceProcessor.RE.match(line) or not looks_like_address(
                found.group("target").lstrip("<").rstrip(">")):
            continue  # no definition, read as one, or text by design (`AddressReferences`)
        fault, inner = _title_fault(found.group("title"))
        label = found.group("label")
        problems.append(Problem(
            path, first_line + index, found.start("label"), "warning",  # the column of its "[" (1-based)
            f"the title of this link definition (链接定义) {fault}, so Markdown does not read the line as one: the "
            f"page shows it as typed, and [{label}] in the text as text: {clipped(line.strip())}",
            paste_hint('put the title between two half-width quotes (半角引号 "…")',
                       f'[{label}]: {found.group("target")} "{inner}"')))
    return problems


_QUOTE_THEN_PARENTHESIS_RE = compile_later(f"[{_TITLE_QUOTES}][ \t]*\\)")


def _title_run_on(line: str, read: TypedLink) -> TypedLink | None:
    """The link or picture as typed, when Markdown read its title on past the ``)`` that ended it; else None.

    ``![草莓](a.svg "白鹤草莓”)，见"说明")`` is read with the title
    ``白鹤草莓”)，见"说明``: the picture shows, but "，见说明" is hidden in
    its title. Given is the link read up to the first ``)`` after a quote,
    when its title is swallowed there (`swallowed_title`).
    """
    if not read.title:
        return None
    for end in _QUOTE_THEN_PARENTHESIS_RE.finditer(line, read.address_start, read.end - 1):
        typed = next(typed_links(line, read.start, end.end()), None)
        if typed is not None and typed.start == read.start and swallowed_title(typed.address):
            return typed
    return None


def places_typed(lines: Iterable[tuple[int, str]], text: str) -> Iterator[tuple[int, int, str]]:
    """Each place ``text`` stands in numbered lines (`outside_fences`, or ``enumerate`` of a body's lines):
    ``(line number, column from 1, what stands before it on its line, the spaces after that set aside)``.

    The callers tell an address typed as one (after ``(`` or ``]:``) from the same words elsewhere.
    """
    for number, line in lines:
        found = line.find(text)
        while found >= 0:
            yield number, found + 1, line[:found].rstrip(" ")
            found = line.find(text, found + 1)
_SRC_RE = compile_later(r'<img [^>]*?src="([^"]*)"')


def address_slip_problems(raw_html: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for web addresses of links and pictures typed with full-width signs or copied with a 。.

    Takes the HTML as Python-Markdown made it (before sanitizing: an
    address Python cannot split, such as a full-width slash in the host,
    is dropped there, leaving a link to nowhere or a picture without a
    file) and the body's lines. Each address that `address_slip` names is
    a warning at the place it is typed (the first not yet named), with the
    address meant. Only http(s) addresses are looked at.
    """
    problems: list[Problem] = []
    start: dict[int, int] = {}  # per line, where the next search starts: one address typed twice is two places
    found = sorted([(match.start(), "link", match.group(1)) for match in HREF_RE.finditer(raw_html)]
                   + [(match.start(), "picture", match.group(1)) for match in _SRC_RE.finditer(raw_html)])
    for _, what, typed in found:
        if typed.isascii() and " " not in typed:  # an input method's slips are full-width signs or 。; a copy's, spaces
            continue
        address = html.unescape(typed)
        if swallowed_title(address) is not None or _words_after_address(address) is not None:
            continue  # a title Markdown did not read: `title_quote_problems`, `untitled_words_problems` name it
        slip = address_slip(address) if half_width_address(address)[:8].lower().startswith(
            ("http://", "https://")) else None
        if slip is None:
            continue
        where = next(((index, column) for index, line in enumerate(lines)
                      if (column := line.find(address, start.get(index, 0))) >= 0), None)
        if where is None:
            continue
        index, column = where
        start[index] = column + len(address)
        problems.append(Problem(path, first_line + index, column + 1, "warning",
                                f'this {what}\'s address "{address}" {slip.message}', slip.hint))
    return problems


# A web address typed as text with an input method's full-width signs (http：//…, ｈｔｔｐ://…, http：／／…,
# www．shcafe．org): the scheme in either width, its colon and slashes, then what an address holds in either
# width (`sitegen.webaddress.half_width_address`). Not after a letter or digit of either width.
_WIDE_BARE_ADDRESS_RE = compile_later(
    r"(?<![A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])[HhＨｈ][TtＴｔ]{2}[PpＰｐ][SsＳｓ]?[:：][/／]{2}"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A．／：？＝＆＃－]*")
# What each of them starts with, looked for without looking behind first: far faster, for a body that has none.
_SCHEME_EITHER_WIDTH_RE = compile_later(r"[HhＨｈ][TtＴｔ]{2}[PpＰｐ][SsＳｓ]?[:：][/／]{2}")
# What stands before an address that is a link's (](…, ]（…, ](<…), an attribute's (href="…) or a link's text
# ([…): those are told by `typed_link_problems` and `address_slip_problems`.
_NOT_TEXT_BEFORE = ("](", "]（", "](<", "=", '="', "='", "[")


def wide_bare_address_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for web addresses typed as text with full-width signs (``详见 http：//www.shcafe.org/…``).

    A bare address typed in half width is a link (:class:`BareAddressProcessor`); one typed with an input
    method's full-width colon, slashes, dots or letters (`_WIDE_BARE_ADDRESS_RE`) is shown as text (or linked
    only up to its first full-width sign), untold. Each is warned at its first character, when the page shows
    it, with the half-width address to type, in the words of the same slip in a link's address
    (`sitegen.webaddress.address_slip`). Not in fenced code or code spans, nor in a link's address, text or
    definition, or an attribute (`_NOT_TEXT_BEFORE`). Takes the body's lines and the page's HTML.
    """
    if not _SCHEME_EITHER_WIDTH_RE.search("\n".join(lines)):
        return []  # most bodies: no address typed as text at all
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if not any(sign in line for sign in "：／ｈＨ．"):
            continue
        for found in _WIDE_BARE_ADDRESS_RE.finditer(without_code_spans(line)):
            meant = bare_address_end(half_width_address(found.group()))
            typed = found.group()[:len(meant)]  # half_width_address changes one character for one
            slip = address_slip(typed) if not typed.isascii() else None
            prefix = re.match(BARE_ADDRESS_RE, typed)  # linked up to its first full-width sign (a／b.html)
            linked = bare_address_end(prefix.group()) if prefix else ""
            if slip is None or not slip.full_width or re.fullmatch(BARE_ADDRESS_RE, slip.meant) is None \
                    or line[:found.start()].rstrip(" ").endswith(_NOT_TEXT_BEFORE) \
                    or html.escape(typed[len(linked):], quote=False) not in clean_html:
                continue
            shown = f'the page links only "{linked}"' if linked else "the page shows it as text, not a link"
            problems.append(Problem(path, first_line + index, found.start() + 1, "warning",
                                    f'the web address "{typed}" {slip.message}: {shown}', slip.hint))
    return problems


def typed_link_problems(source: str, lines: list[str], path: str, first_line: int) -> list[Problem]:
    """Warnings for links and pictures typed with full-width signs, which Markdown shows as plain text.

    Markdown knows ``[文字](address)`` and ``![说明](path)`` only in half
    width (半角) and with nothing between ``]`` and ``(``. A Chinese input
    method types ``！``, ``【】``, ``［］`` and ``（）``: the page then shows
    the brackets and the address as text, and a picture is missing, for one
    such sign as for all (``![茭白田](images/photo2.png）``). Each
    warning is at its line and column, with the text to type; fenced code
    and code spans are left alone. (Found while converting, so the Markdown
    cache keeps them: a rebuild does not look again.)
    """
    if not slip_possible(source):
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "[" not in line and "【" not in line and "［" not in line:
            continue  # no bracket that opens a link (most lines of a body that has one somewhere)
        text = without_code_spans(line)
        for found in TYPED_LINK_RE.finditer(text):
            if not is_slip(found):
                continue  # typed right (or only its text holds full-width signs)
            what = "picture" if found.group("bang") else "link"
            fixed = _typed_link_mended(found)
            problems.append(Problem(
                path, first_line + index, found.start() + 1, "warning",
                f"this {what} is typed with full-width signs or a space (全角符号), which Markdown does not "
                f"read as a {what}: {found.group(0)}",
                f"type it in half width (半角), with nothing between ] and (: {fixed}"))
    return problems


# A link or picture with one of its signs missing, which Markdown then shows as typed, brackets, address and all:
# no ")" after the address ([路灯案例](/cases/x/。, ![村道路灯](images/a.png at the line's end, or before words
# after a space), no "]" after the text ([路灯案例(/cases/x/)), no "(" before the address ([路灯案例]/cases/x/)) or
# no "[" before the text (路灯案例](/cases/x/)). What stands for the address must look like one
# (`_LINK_TARGET_RE`), so that square brackets of Chinese text ([1], [注], 【一】) are left alone; a "[" right
# after a letter or digit (a[i], x[1](…)) is code or a formula's, not a link's. An address ends at a space or at
# a mark a sentence goes on with (`_SENTENCE_MARKS`), which no address holds, its own pairs of parentheses kept
# whole (…/通知（2018）.pdf); a title in half-width quotes may follow it. A link with a full-width bracket (【原文],
# [原文】) is `typed_link_problems`'.
_SENTENCE_MARKS = "。，、；：！？…“”‘’《》「」『』"
_LINK_START = r"(?:(?P<bang>!)|(?<![A-Za-z0-9_!\\]))\["
_UNCLOSED_ADDRESS_RE = compile_later(
    _LINK_START + r"(?P<text>[^\[\]\n]*)\]\((?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^\s()（）\[\]"
    + _SENTENCE_MARKS + r"])++)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?(?=[\s" + _SENTENCE_MARKS + r"]|\Z)")
# The same with a full-width sign or a space among its signs too (详见[路灯案例】(/cases/x/, 【原文】（http://a.org/x.html，
# ！[图](a.png): `TYPED_LINK_RE` reads a slip only up to its ")", and this one has none. Its text as there (a
# caption's own 【】 kept after "["), with no other opening bracket in it: each is read up to the next one.
_WIDE_UNCLOSED_ADDRESS_RE = compile_later(
    r"(?P<bang>(?<![A-Za-z0-9_!！\\])|[!！])(?P<open>[\[【［])(?P<text>(?<=\[)[^\[\]\n]*?|(?<!\[)[^\[\]【】［］\n]*)(?P<close>[\]】］])"
    r"(?P<gap>[ \t]*)(?P<paren>[(（])(?P<target>(?:（[^()（）\s]*）|\([^()（）\s]*\)|[^\s()（）\[\]"
    + _SENTENCE_MARKS + r"])++)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|“[^”\n]*”))?(?=[\s" + _SENTENCE_MARKS + r"]|\Z)")
_UNCLOSED_TEXT_RE = compile_later(_LINK_START + r"(?P<text>[^\[\]()（）】］\n]+)\((?P<target>[^\s()（）\[\]]+)\)")
_UNOPENED_ADDRESS_RE = compile_later(
    _LINK_START + r"(?P<text>[^\[\]^\n][^\[\]\n]*)\](?P<target>[^\s()（）\[\]:：][^\s()（）\[\]]*)\)")
_UNOPENED_TEXT_RE = compile_later(r"(?<=[^\s\[\]])\]\((?P<target>[^\s()（）\[\]]+)\)")
_LINK_TARGET_RE = compile_later(r"(?:[A-Za-z][A-Za-z0-9+.-]*:|\.{0,2}/|#[^\W_]|www\.)|.*/"
                                r"|.*\.[A-Za-z][A-Za-z0-9]{0,4}$")
_PICTURE_ENDING_RE = compile_later(r"\.(?:png|jpe?g|gif|webp|svg|bmp)$", re.IGNORECASE)
_TARGET_END_RE = compile_later(r"(?:/|\.[A-Za-z][A-Za-z0-9]{0,4})$")
_WORDS_BACK = 30
_WORDS_AFTER = " \t\u3000()（）" + _SENTENCE_MARKS
"""How far back from a "]" no "[" opened, and after which signs, a message shows the words a link's text may be."""


@dataclass(frozen=True)
class _BrokenLink:
    """A link or picture missing one sign (`_broken_links`): where it starts in its block of lines, what is
    typed, the sign missing, where it goes (words of the hint), the link to type ("" when it cannot be told), and
    ``wide``: whether it is typed with a full-width sign or a space between "]" and "(" as well."""

    start: int
    typed: str
    picture: bool
    sign: str
    place: str
    fixed: str
    wide: bool = False


def _looks_like_target(target: str) -> bool:
    """True when ``target``, typed where a link's address goes, is shaped as one (`_LINK_TARGET_RE`) and holds
    no full-width punctuation (an address never does) but pairs of parentheses (…/通知（2018）.pdf)."""
    return _LINK_TARGET_RE.match(target) is not None \
        and not FULL_WIDTH_PUNCTUATION.search(target.replace("（", "").replace("）", ""))


def _unpaired_brackets(block: str) -> tuple[frozenset[int], frozenset[int]]:
    """The indexes of the "[" of ``block`` no later "]" closes, and of the "]" that close no "[" before them,
    nested as Python-Markdown pairs them (`typed_links`), escaped ones set aside: read in one pass."""
    opened: list[int] = []
    stray: set[int] = set()
    escaped = False
    for index, char in enumerate(block):
        if char == "[" and not escaped:
            opened.append(index)
        elif char == "]" and not escaped:
            if opened:
                opened.pop()
            else:
                stray.add(index)
        escaped = char == "\\" and not escaped
    return frozenset(opened), frozenset(stray)


def _read_as_link(block: str, start: int, after: int) -> bool:
    """True when Python-Markdown reads the link or picture starting at ``block[start]`` (its "!" or "[") as one,
    its address typed up to ``after``: read up to the next "[" on its line, or else to the end of the next line,
    as far as a title typed over two lines goes (so that a long paragraph is not read again for each link)."""
    opening = start + (block[start] == "!")
    line_end = block.find("\n", after)
    bracket = block.find("[", after, None if line_end < 0 else line_end)
    stop = bracket if bracket >= 0 else block.find("\n", line_end + 1) if line_end >= 0 else -1
    data = block if stop < 0 else block[:stop]
    _, address_at, closed = _LINK_READER.getText(data, opening + 1)
    return closed and _LINK_READER.getLink(data, address_at)[3]


def _read_links(block: str) -> list[tuple[int, int]]:
    """The spans ``(start, end)`` of ``block`` that Python-Markdown reads as links or pictures (from their "["
    to the end of their address): a sign typed inside one (``[图](](a.png))``, whose address is ``](a.png)``)
    misses nothing. Read only for a block where a broken link was found."""
    spans: list[tuple[int, int]] = []
    opened, _ = _unpaired_brackets(block)
    start = block.find("[")
    while start >= 0:
        if start not in opened and not (start and block[start - 1] == "\\"):
            _, address_at, closed = _LINK_READER.getText(block, start + 1)
            if closed:
                end, handled = _LINK_READER.getLink(block, address_at)[2:]
                if handled:
                    spans.append((start, end))
        start = block.find("[", start + 1)
    return spans


def _broken_links(block: str) -> Iterator[_BrokenLink]:
    """The links and pictures of ``block`` (lines of a paragraph, code spans blanked: `text_blocks`) that miss
    one of their signs, as `_BrokenLink`; none that Python-Markdown reads as a link (`_read_as_link`, and a
    "[" a "]" closes, `_unpaired_brackets`, is no text missing its "]"), nor one inside the address of a link
    it reads (`_read_links`)."""
    spans: list[tuple[int, int]] | None = None
    for broken in _signs_missing(block):
        spans = _read_links(block) if spans is None else spans
        if not any(start < broken.start + len(broken.typed) and broken.start < end and
                   not (start == broken.start + (broken.typed[:1] == "!")) for start, end in spans):
            yield broken


def _signs_missing(block: str) -> Iterator[_BrokenLink]:
    """The candidates of `_broken_links`: each of its four patterns' matches, before links read are set aside."""
    for found in _UNCLOSED_ADDRESS_RE.finditer(block):
        line_end = block.find("\n", found.end())
        rest = block[found.end():line_end if line_end >= 0 else len(block)]
        target, rest = found.group("target"), rest[:rest.find("[")] if "[" in rest else rest
        if _looks_like_target(target) and ")" not in rest and "）" not in rest and block[found.start() - 1:
                                                                                        found.start()] != "！" \
                and not _read_as_link(block, found.start(), found.end()):  # ！[图](a.png: `_wide_unclosed`'s
            sure = target.isascii() or _TARGET_END_RE.search(target) is not None
            yield _BrokenLink(found.start(), found.group(), bool(found.group("bang")), ")", "right after the address",
                              found.group() + ")" if sure else "")
    yield from _wide_unclosed(block)
    unpaired: tuple[frozenset[int], frozenset[int]] | None = None
    for found in _UNCLOSED_TEXT_RE.finditer(block):
        unpaired = _unpaired_brackets(block) if unpaired is None else unpaired
        if _looks_like_target(found.group("target")) and found.start("text") - 1 in unpaired[0]:
            typed = found.group()
            yield _BrokenLink(found.start(), typed, bool(found.group("bang")), "]", 'right after the text, before "("',
                              typed[:found.start("target") - 1 - found.start()] + "](" + found.group("target") + ")")
    for found in _UNOPENED_ADDRESS_RE.finditer(block):
        line_start = block.rfind("\n", 0, found.start()) + 1
        before = block[line_start:found.start()]
        if _looks_like_target(found.group("target")) and before.count("(") <= before.count(")"):
            typed = found.group()
            yield _BrokenLink(found.start(), typed, bool(found.group("bang")), "(", 'right after "]"',
                              typed[:found.start("target") - found.start()] + "(" + typed[found.start("target")
                                                                                         - found.start():])
    for found in _UNOPENED_TEXT_RE.finditer(block):
        target = found.group("target")
        unpaired = _unpaired_brackets(block) if unpaired is None else unpaired
        broken = _unopened_text(block, found) if found.start() in unpaired[1] and _looks_like_target(target) else None
        if broken is not None:
            yield broken


def _wide_unclosed(block: str) -> Iterator[_BrokenLink]:
    """The links and pictures of ``block`` typed with a full-width sign or a space where Markdown wants neither
    and no ")" after the address either (`_WIDE_UNCLOSED_ADDRESS_RE`: 详见[路灯案例】(/cases/x/。), as `_BrokenLink`
    marked ``wide``, the link to type in half width; none that `TYPED_LINK_RE` reads with a ")" or "）" after the
    address (`typed_link_problems` tells of those)."""
    if not _SLIP_SIGNS_RE.search(block):
        return  # most blocks: no full-width sign of a link, nor a space after "]"
    slips: list[tuple[int, int]] | None = None
    for found in _WIDE_UNCLOSED_ADDRESS_RE.finditer(block):
        signs = found.group("bang") + found.group("open") + found.group("close") + found.group("paren")
        target = found.group("target")
        if signs.isascii() and not found.group("gap") or not _looks_like_target(target):
            continue  # typed in half width: `_UNCLOSED_ADDRESS_RE`'s
        slips = [found.span() for found in TYPED_LINK_RE.finditer(block) if is_slip(found)] \
            if slips is None else slips
        if any(start < found.end() and found.start() < end for start, end in slips):
            continue
        sure = target.isascii() or _TARGET_END_RE.search(target) is not None
        yield _BrokenLink(found.start(), found.group(), bool(found.group("bang")), ")", "right after the address",
                          _typed_link_mended(found) if sure else "", wide=True)


def _unopened_text(block: str, found: re.Match[str]) -> _BrokenLink | None:
    """The `_BrokenLink` of a `_UNOPENED_TEXT_RE` match, a "](address)" no "[" opened: shown with the words
    before it on its line, up to a space or a sentence's mark (`_WORDS_AFTER`) and at most `_WORDS_BACK`
    characters; the link to type only when a picture's "!" tells where its text begins (如图!村道路灯](…)).
    None when a full-width bracket opens it (【原文](…): `typed_link_problems` tells of that)."""
    target = found.group("target")
    before = block[max(block.rfind("\n", 0, found.start()) + 1, found.start() - _WORDS_BACK):found.start()]
    words = before[max(before.rfind(mark) for mark in _WORDS_AFTER) + 1:]
    if "【" in words or "［" in words:
        return None
    bang = words.rfind("!")
    picture = bang >= 0 or _PICTURE_ENDING_RE.search(target) is not None
    fixed = words[:bang + 1] + "[" + words[bang + 1:] + found.group() if bang >= 0 and words[bang + 1:] else ""
    example = "" if fixed else f", as in {'![说明' if picture else '[文字'}]({target})"
    return _BrokenLink(found.start() - len(words), words + found.group(), picture,
                       "![" if picture and bang < 0 else "[", "right before its text" + example, fixed)


def broken_link_problems(source: str, lines: list[str], path: str, first_line: int,
                         shown: str) -> list[Problem]:
    """Warnings for links and pictures typed with a bracket or parenthesis missing (`_broken_links`), which
    Markdown shows as plain text: ``详见[路灯案例](/cases/x/。``, ``![村道路灯](images/a.png``,
    ``[路灯案例(/cases/x/)``, ``[路灯案例]/cases/x/)``, ``路灯案例](/cases/x/)``.

    Takes the body, its lines, the file's path, the file line of the
    body's first line and the page's text as shown (`TextCollector`).
    Each is warned at its first sign (or, missing its "[", at the words
    before "]"), with the link to type where it can be told: the ")" goes
    right after the address, before the sentence's mark (。) or a space, or
    at the line's end. Fenced code, code spans and links Markdown reads
    (across a paragraph's lines too) are left alone, and so is anything the
    page does not show as typed: a warning quotes what readers see. A link
    typed with a full-width sign as well (``详见[路灯案例】(/cases/x/``) gets
    one warning for both, with the link to type in half width.
    """
    if "[" not in source and "](" not in source and not _SLIP_SIGNS_RE.search(source):
        return []
    problems: list[Problem] = []
    for first, block in text_blocks((number, without_code_spans(line)) for number, line in outside_fences(lines)):
        if "(" not in block and ")" not in block and "（" not in block:
            continue
        for broken in sorted(_broken_links(block), key=lambda broken: broken.start):
            what = "picture" if broken.picture else "link"
            line, column = place_in_block(first_line + first, block, broken.start)
            as_typed = lines[line - first_line][column - 1:column - 1 + len(broken.typed)] \
                if 0 <= line - first_line < len(lines) else ""
            if as_typed != broken.typed or broken.typed not in shown:
                # A code span in it ([`!`](a.png), blanked to be read), or a link Markdown reads in a way the
                # look above cannot ([图]("题"[图](a.png): what the message would quote is not on the page.
                continue
            how = f'type "{broken.sign}" {broken.place}'
            slips = f'has no "{broken.sign}" (缺少括号)'
            if broken.wide:
                how = f"type it in half width (半角), with nothing between ] and (, and {how}"
                slips = f"is typed with full-width signs or a space (全角符号) and {slips}"
            problems.append(Problem(
                path, line, column, "warning",
                f"this {what} {slips}, so Markdown does not read it as a {what}: the page shows it as typed: "
                f"{broken.typed}",
                f"{how}: {broken.fixed}" if broken.fixed else how))
    return problems
