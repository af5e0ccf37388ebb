"""Web addresses as editors type them: what an input method or a copied sentence does to one.

Job: give the half-width form of an address typed with full-width signs,
name the slip (full width, a sentence-end sign copied at its end), and split
any text into address parts without raising. Used wherever an address is
read: settings (base_url), front matter (source url, pictures) and the
Markdown of a page's text (links and pictures).

May import: lazyre (and the standard library).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple
from urllib.parse import SplitResult, quote, unquote, urlsplit

from .lazyre import compile_later

# The signs that shape an address, as an input method types them: colon, slash, dot, ?, =, &, #.
HALF_WIDTH_ADDRESS = str.maketrans({"：": ":", "／": "/", "．": ".", "？": "?", "＝": "=", "＆": "&", "＃": "#"})
# In the scheme and host, every full-width ASCII sign, letter or digit (U+FF01–U+FF5E, 0xFEE0 above its
# ASCII) and the 。 typed for ".": a host holds nothing else. A path or query may hold （）， and 。 as
# they are (通知（2018）.pdf), which browsers send escaped.
_HALF_WIDTH_HOST = str.maketrans({**{chr(code + 0xFEE0): chr(code) for code in range(0x21, 0x7F)}, "。": "."})


def half_width_address(text: str) -> str:
    """``text`` with what an input method types in an address made half width.

    The signs that shape an address (：／．？＝＆＃, `HALF_WIDTH_ADDRESS`)
    anywhere, and in the scheme and host every full-width letter, digit
    and sign, and 。 (``ｅｘａｍｐｌｅ。org``). A sentence-end sign at the
    very end (``….html。``) is left as it is: it was copied with the end of
    a sentence, and is reported as that (`address_slip`).
    """
    end = text[-1] if text and text[-1] in SENTENCE_END else ""
    shaped = text[:len(text) - len(end)].translate(HALF_WIDTH_ADDRESS)
    scheme, separator, host, rest = _parts(shaped)
    if not separator:
        return shaped + end
    return scheme.translate(_HALF_WIDTH_HOST) + separator + host.translate(_HALF_WIDTH_HOST) + rest + end


def address_path(path: str) -> str:
    """The path of an address (``/青浦/调研/``) in the one spelling links are written in: each part between
    slashes decoded and percent-encoded again, as UTF-8 with upper-case hex
    (``/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/``).

    Takes the path as typed: in Chinese as a browser shows it, percent-encoded in either case (``%e9``), or a
    mix; ``/q r/`` and ``/q%20r/`` are one path, ``/q%20r/``. A "/" typed encoded (``%2F``) stays within its
    part, and a "%" that starts no escape becomes ``%25``; a part whose escapes spell no UTF-8 (``%FF``) keeps
    them, upper-cased. Signs a part holds as they are (RFC 3986 §3.3: ``!$&'()*+,;=:@``, and ``-._~``)
    stay. Returns the path; raises nothing.
    """
    parts = []
    for part in path.split("/"):
        try:
            parts.append(quote(unquote(part, errors="strict"), safe=_PATH_SIGNS))
        except UnicodeDecodeError:
            parts.append(_ESCAPE_RE.sub(lambda escape: escape.group().upper(), part))
    return "/".join(parts)


_PATH_SIGNS = "!$&'()*+,;=:@"
_ESCAPE_RE = compile_later("%[0-9A-Fa-f]{2}")


class AddressSlip(NamedTuple):
    """A slip in a web address (`address_slip`): which kind, what is wrong, how to fix it, the address meant."""

    full_width: bool  # typed with full-width signs; else a space in its host, or a sentence-end sign at its end
    message: str  # e.g. 'ends in "。", which would be taken as part of the address'
    fix: str  # e.g. 'delete the "。" at the end:'
    meant: str  # the address as it should be typed
    in_quotes: bool = False  # typed in Chinese quotes (“https://…”), which YAML does not read as quotes

    @property
    def hint(self) -> str:
        """The fix followed by the address meant."""
        return f"{self.fix} {self.meant}"


def address_slip(text: str) -> AddressSlip | None:
    """What an input method or a copied sentence did to a web address, or None.

    Takes the address as typed (stripped). Full-width signs where an
    address has its colon, slashes, dots and host (`half_width_address`),
    when the half-width form is an http(s) address: ``is typed with
    full-width signs (全角符号), …``, fix ``type it in half width (半角):``.
    Else a sentence-end sign at the end (``….html。``, copied with its
    sentence; a closing bracket whose opening one is in the address is
    part of it): ``ends in "。", …``, fix ``delete the "。" at the end:``.
    Else a space (half or full width, or a no-break one) in the scheme or
    host of an http(s) address (``https://example.org /``): ``has a space
    in its host name …``, fix ``delete the space:``; or beside a "/" of
    its path (``…/shzxxw/ 120946.html``, the address broken over two lines
    where it was copied from): ``has a space beside a "/" …``, fix the same.
    Before all these, Chinese quotes typed around an http(s) address as
    if they were YAML's (``“https://example.org/”``, or only the opening
    one): ``is in Chinese quotes “ ”, …``, fix ``delete the “ and the ” (or
    type " in place of each):``, worded for a YAML value (the callers that
    read Markdown look only at addresses that start with http).
    Callers put what the address is (``image "…"``) before the message and
    the address meant after the fix.
    """
    quoted = _in_chinese_quotes(text)
    if quoted is not None:
        meant, marks = quoted
        both = len(marks) > 1
        what = f"is in Chinese quotes {marks[0]} {marks[1]}" if both else f"starts with the Chinese quote {marks}"
        return AddressSlip(False, f"{what}, which would be taken as part of the address (only \" and ' are "
                           "quotes to YAML)", f"delete the {' and the '.join(marks)} (or type \" in place of "
                           f"{'each' if both else 'it'}):", meant, in_quotes=True)
    half_width = half_width_address(text)
    if half_width != text and split_address(half_width).scheme.lower() in ("http", "https"):
        return AddressSlip(True, "is typed with full-width signs (全角符号), which an address cannot hold",
                           "type it in half width (半角):",
                           half_width[:-1] if _copied_end(half_width) else half_width)
    unspaced = _without_host_spaces(text)
    if unspaced is not None:
        return AddressSlip(False, "has a space in its host name (域名), which an address cannot hold",
                           "delete the space:", unspaced)
    unbroken = _without_slash_spaces(text)
    if unbroken is not None:
        return AddressSlip(False, 'has a space beside a "/", most often a line break copied with it, which breaks '
                           "the address", "delete the space:", unbroken)
    if _copied_end(text):
        return AddressSlip(False, f'ends in "{text[-1]}", which would be taken as part of the address',
                           f'delete the "{text[-1]}" at the end:', text[:-1])
    return None


_CHINESE_QUOTES = {"“": "”\"", "‘": "’'", "「": "」", "『": "』"}
"""Chinese opening quotes, and the closing quotes typed after each (an ASCII one too: “https://…")."""


def _in_chinese_quotes(text: str) -> tuple[str, str] | None:
    """The address typed in Chinese quotes (``“https://example.org/”``, or only the opening one) and those
    quotes (``“”``), else None.

    Only an http(s) address inside counts: the quotes are then surely no
    part of it.
    """
    if not text or text[0] not in _CHINESE_QUOTES:
        return None
    closed = len(text) > 1 and text[-1] in _CHINESE_QUOTES[text[0]]
    inner = (text[1:-1] if closed else text[1:]).strip()
    if split_address(half_width_address(inner)).scheme.lower() not in ("http", "https"):
        return None
    return inner, text[0] + (text[-1] if closed else "")


def _without_host_spaces(text: str) -> str | None:
    """``text`` without the spaces in its scheme and host, when it is an http(s) address with some there; else None.

    Any white space counts: a half-width, full-width (全角) or no-break one
    (from a web page). Spaces in the path are left as they are: a folder
    or file name may hold one, and browsers send it escaped.
    """
    scheme, separator, host, rest = _parts(text)
    if not separator or not any(char.isspace() for char in scheme + host):
        return None
    meant = "".join(scheme.split()) + separator + "".join(host.split()) + rest
    return meant if split_address(meant).scheme.lower() in ("http", "https") else None


_SLASH_SPACES_RE = compile_later(r"[^\S\n]+(?=/)|(?<=/)[^\S\n]+")


def _without_slash_spaces(text: str) -> str | None:
    """``text`` without the spaces beside a "/" of its path, when it is an http(s) address with some; else None.

    A folder or file name may hold a space inside it (``my report.pdf``,
    left as it is), but none starts or ends with one: a space beside a "/"
    is where a long address was broken over two lines, on the page it was
    copied from (``…/shzxxw/ 120946.html``).
    """
    scheme, separator, host, rest = _parts(text)
    if not separator or scheme.strip().lower() not in ("http", "https"):
        return None
    path = re.split("[?#]", rest, maxsplit=1)[0]
    meant = _SLASH_SPACES_RE.sub("", path)
    return None if meant == path else scheme + separator + host + meant + rest[len(path):]


def _parts(text: str) -> tuple[str, str, str, str]:
    """``(scheme, "://", host, the rest)`` of an address as typed, or ``(text, "", "", "")`` without a "://".

    The host runs to the first "/", "?" or "#" after the "://" (or to the end).
    """
    scheme, separator, rest = text.partition("://")
    host_end = min((index for index in map(rest.find, "/?#") if index >= 0), default=len(rest))
    return scheme, separator, rest[:host_end], rest[host_end:]


def _copied_end(text: str) -> bool:
    """True when ``text`` ends in a sentence-end sign that is not the close of a bracket opened in it."""
    return bool(text) and text[-1] in SENTENCE_END and _OPENING.get(text[-1], "\n") not in text


def split_address(text: str) -> SplitResult:
    """`urllib.parse.urlsplit`, which never raises: the parts of an address as typed by anyone.

    Python refuses a host holding signs that NFKC normalisation turns into
    "/", "?", "#", "@" or ":" (``https://example.org／a.png``, typed with an
    input method's full-width slash) and an unclosed ``[`` (IPv6), with
    ValueError. Such an address is split as its NFKC form, else as a path
    alone (no scheme, no host); a check then finds it broken, never a crash.
    """
    try:
        return urlsplit(text)
    except ValueError:
        pass
    try:
        return urlsplit(unicodedata.normalize("NFKC", text))
    except ValueError:
        return SplitResult("", "", text, "", "")


# Signs that end a sentence or clause: one at the end of an address was copied with its sentence.
SENTENCE_END = "。，、；：！？）」』】”’"
_OPENING = {"）": "（", "」": "「", "』": "『", "】": "【", "”": "“", "’": "‘"}


def after_base_path(path: str, base: str) -> str | None:
    """What a site path typed with the path of base_url names from the site's root, or None.

    Takes the path as typed, decoded (``/qingpu/diaoyan/cases/x/``), and the
    path of base_url, decoded and ending in "/" (``/qingpu/diaoyan/``).
    Returns the rest from its "/" (``/cases/x/``; ``/`` for the base path
    itself, with or without its last "/"). None when ``base`` is "/" (a
    site at the root: every path is from there) or ``path`` is not under
    it: only whole folders count (``/qingpu/`` alone, ``/qingpu/diaoyan2/``).
    """
    if base == "/" or not base.endswith("/"):
        return None
    if path == base.rstrip("/"):
        return "/"
    return "/" + path[len(base):] if path.startswith(base) else None


ADDRESS_SIGNS = {"#": "the start of a place in a page", "?": "the start of a query",
                 "%": "the start of a code for another character (%20 is a space)"}
"""Signs a file name may hold that a web address reads otherwise (RFC 3986, section 3), with what each starts."""


def signs_in_name_hint(typed: str, named: str, *, use: str, what: str) -> str:
    """The hint for an address typed as the name of a file that holds "#", "?" or "%" (`ADDRESS_SIGNS`).

    Takes the address as typed, the file's site path (``/files/Data#1.txt``, under content/), how the
    page is to use the renamed file (``link to it``, ``write its path``) and what the address is (``link``,
    ``path``). A web address reads those signs otherwise, so ``files/Data#1.txt`` leads to ``files/Data``;
    the hint names each sign and offers renaming the file (the name then works everywhere) or the address
    with each sign escaped as RFC 3986 writes it (``%23``, ``%3F``, ``%25``), which reads back as the
    file's name; other characters are left as typed. Raises nothing.
    """
    signs = [sign for sign in ADDRESS_SIGNS if sign in named]
    read_as = "; ".join(f'"{sign}" as {ADDRESS_SIGNS[sign]}' for sign in signs)
    typed_signs = " and ".join(f'"{sign}"' for sign in signs)
    renamed = re.sub(r"-+(?=\.[^.]*$)", "", re.sub(r"[#?%]+", "-", named.rsplit("/", 1)[1])).strip("-") or "file"
    escaped = typed.replace("%", "%25").replace("#", "%23").replace("?", "%3F")  # "%" first: the others add one
    return (f"the file content{named} is there, but a web address reads {typed_signs} in its name otherwise "
            f"({read_as}): rename the file without {typed_signs} (as {renamed}) and {use} by that name, "
            f"or write the {what} as {escaped}")


NO_HOTLINK_HOSTS = {"mmbiz.qpic.cn": "微信公众平台 (WeChat)", "mmbiz.qlogo.cn": "微信公众平台 (WeChat)",
                    "sinaimg.cn": "新浪微博 (Weibo)"}
"""Hosts of pictures copied with a text from a social platform, ``{host (and its subdomains): platform}``:
they refuse to show the picture on other sites (WeChat draws "此图片来自微信公众平台，未经允许不可引用"
in its place), so readers of the site would not see it."""


def hotlink_platform(address: str) -> str | None:
    """The platform (`NO_HOTLINK_HOSTS`) whose servers hold the picture at ``address`` and show it on that
    platform's own pages only (``微信公众平台 (WeChat)`` for https://mmbiz.qpic.cn/…), else None."""
    host = split_address(address).netloc.lower().rpartition("@")[2].partition(":")[0].rstrip(".")  # qpic.cn. too
    return next((name for known, name in NO_HOTLINK_HOSTS.items() if host == known or host.endswith("." + known)),
                None)


def words_after_path(typed: str) -> tuple[str, str] | None:
    """``(path, words)`` for a link's or picture's path typed with words after a space, half or full width
    (``/cases/baihe-caomei/ 草莓案例``, ``images/a.svg　白鹤草莓``): a title typed without quotes, which Markdown
    reads as part of the path; None when ``typed`` (stripped) holds no space."""
    path, *after = re.split(r"\s+", typed.strip(), maxsplit=1)  # a full-width space (全角空格) too
    words = after[0].strip() if after else ""
    return (path, words) if path and words else None


def untitled_hint(path: str, words: str, what: str) -> str:
    """The hint for the words typed after a path that is a page or file of the site (`words_after_path`),
    ``what`` naming what the path is of ("picture", "link"): the path alone, and the words as its title."""
    return (f'the path ends at "{path}": if "{words}" is the {what}\'s title, put it between two half-width quotes '
            f'(半角引号): {path} "{words}"')
