"""Web addresses as editors type them: what an input method or a copied sentence does to one.

Job: give the half-width form of an address typed with full-width signs,
name the slip (full width, a sentence-end sign copied at its end), and split
any text into address parts without raising. Used wherever an address is
read: settings (base_url), front matter (source url, pictures) and the
Markdown of a page's text (links and pictures).

May import: the standard library only.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import SplitResult, urlsplit

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
    scheme, separator, rest = shaped.partition("://")
    if not separator:
        return shaped + end
    host_end = min((index for index in map(rest.find, "/?#") if index >= 0), default=len(rest))
    return (scheme.translate(_HALF_WIDTH_HOST) + separator + rest[:host_end].translate(_HALF_WIDTH_HOST)
            + rest[host_end:] + end)


def address_slip(text: str) -> tuple[str, str, str] | None:
    """What an input method or a copied sentence did to a web address, ``(message, fix, address meant)``, or None.

    Takes the address as typed (stripped). Full-width signs where an
    address has its colon, slashes, dots and host (`half_width_address`),
    when the half-width form is an http(s) address: ``is typed with
    full-width signs (全角符号), …``, fix ``type it in half width (半角):``.
    Else a sentence-end sign at the end (``….html。``, copied with its
    sentence; a closing bracket whose opening one is in the address is
    part of it): ``ends in "。", …``, fix ``delete the "。" at the end:``.
    Callers put what the address is (``image "…"``) before the message and
    the address meant after the fix.
    """
    half_width = half_width_address(text)
    if half_width != text and split_address(half_width).scheme.lower() in ("http", "https"):
        if half_width[-1:] in SENTENCE_END and _OPENING.get(half_width[-1], "\n") not in half_width:
            half_width = half_width[:-1]
        return ("is typed with full-width signs (全角符号), which an address cannot hold",
                "type it in half width (半角):", half_width)
    if text and text[-1] in SENTENCE_END and _OPENING.get(text[-1], "\n") not in text:
        return (f'ends in "{text[-1]}", which would be taken as part of the address',
                f'delete the "{text[-1]}" at the end:', text[:-1])
    return None


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
