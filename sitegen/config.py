"""Site settings: ``site.yaml`` → a frozen, validated `Config`.

Every problem in ``site.yaml`` is reported at once, and unknown keys are
errors with a did-you-mean (as Zola does), so a typo never silently falls
back to a default.

May import: lazyre, errors, sources, yamltext, validation, models, slugs, webaddress, placeholders.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Annotated, ClassVar, Mapping
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo,
                      field_validator, model_validator)
from pydantic_core import PydanticCustomError

from .errors import SHOW_FILE_ENDINGS, Problem, Report, SiteError, command_word, paste_hint
from .lazyre import compile_later
from .models import Line, MetaCode, MetaLine, OptionalLine, OptionalText, Tags, Text, WebAddress
from .webaddress import SENTENCE_END, address_path, address_slip, half_width_address, split_address
from .placeholders import INIT_SITE_TITLE, placeholders_in
from .slugs import device_name, device_trouble, windows_safe
from .sources import read_source
from .validation import group_fields, names_a_field, typed_value_warnings, validate_record
from .yamltext import YamlData, load_yaml

CONFIG_FILE = "site.yaml"


_BACKSLASHES = compile_later(r"\\+")


def _refuse(kind: str, message: str, text: str, hint: str, **quoted: str) -> PydanticCustomError:
    """Return the error for a bad setting: ``message`` (may quote ``{text}`` and ``quoted``) and a hint line."""
    return PydanticCustomError(kind, message, {"text": text, "hint": hint, **quoted})


def _check_base_url(value: str) -> str:
    """Accept an http(s) address with a host, and no query or fragment; return it ending in "/", its scheme and
    host in lower case and its path in the one spelling links are written in (`sitegen.webaddress.address_path`:
    ``/青浦/`` → ``/%E9%9D%92%E6%B5%A6/``)."""
    example = 'write the full address, e.g. https://example.org/ or https://example.org/qingpu/diaoyan/'
    text = value.strip()
    slip = address_slip(text)
    if slip is not None and slip.in_quotes:  # “https://example.org/”: before its ” is taken for a copied sentence end
        raise _refuse("base_url", '"{text}" ' + slip.message, value,
                      paste_hint(slip.fix.rstrip(":"), f"base_url: {slip.meant}"))
    stray = _stray_end(text)
    if stray:  # copied with the end of its sentence or bracket (a folder never ends in ）or ,)
        # A " is named, not quoted: ends in """ would be read as nothing.
        said = f'"{stray}"' if '"' not in stray else 'the quote "' if stray == '"' else f"the signs {stray}"
        raise _refuse("base_url", '"{text}" ends in {sign}, which would be taken as part of the address', value,
                      f"delete {said if said.startswith('the') else 'the ' + said} at the end: "
                      f"{half_width_address(text[:-len(stray)])}", sign=said)
    slip = address_slip(text)
    if slip is not None:
        raise _refuse("base_url", '"{text}" ' + slip.message, value, slip.hint)
    if "\\" in text:  # https://example.org\qingpu\: the host would run to the end, every link from the root
        meant = split_address(re.sub(r"^(https?):/*", r"\1://", _BACKSLASHES.sub("/", text), flags=re.IGNORECASE))
        meant = meant._replace(path=re.sub(r"/{2,}", "/", meant.path))
        raise _refuse("base_url", '"{text}" has \\ between its parts (as Windows shows folders), where a web address '
                      "has /", value, f"write / between the parts: {urlunsplit(meant)}")
    parts = split_address(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        host = text.split("/", 1)[0]
        if not parts.scheme and "." in host and re.fullmatch(r"[A-Za-z0-9.-]+(:\d+)?", host):
            # www.example.org/town: the address as a browser's address bar shows it, without https://
            raise _refuse("base_url", '"{text}" is not a full web address: "https://" is missing before it', value,
                          f"write https://{text.rstrip('/')}/ (or http:// if the server has no https)")
        raise _refuse("base_url", '"{text}" is not a full web address', value, example)
    if "?" in text or "#" in text:  # an empty one too: "…/#" would become "…/#/" once "/" is added
        raise _refuse("base_url", '"{text}" has a ?query or #fragment', value,
                      f"remove everything from the ? or # on: {re.split('[?#]', text, maxsplit=1)[0]}")
    _check_base_path(value, parts)
    # One spelling of the path, however it was typed (青浦, %E9%9D%92…, %e9%9d%92…): every link, the data
    # package's name and the comparisons with links typed in pages start from it.
    if parts.path and text.endswith(parts.path):
        text = text[:len(text) - len(parts.path)] + address_path(parts.path)
    # The scheme and host in one spelling too (RFC 3986 §6.2.2.1: they ignore case; §6.2.3: a default port is
    # as good as none), so that an address typed HTTPS://Example.gov.cn:443/ and https://example.gov.cn/ make
    # the same pages and feed entry ids.
    end = len(parts.scheme) + 3 + len(parts.netloc)
    head = text[:len(parts.scheme) + 3] + _usual_host(parts.scheme, parts.netloc)
    if head.isascii():  # a host of other letters is left as typed: lower case may change its length
        head = head.lower()
    text = head + text[end:]
    return text if text.endswith("/") else text + "/"


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _usual_host(scheme: str, netloc: str) -> str:
    """``netloc`` (a host and an optional port, no user) as browsers reach it: without the ``scheme``'s
    default port (``:443`` for https, ``:80`` for http) or an empty one (``example.org:``), and without the
    dot that ends a host's full name (``example.gov.cn.``), which names the same host."""
    host, colon, port = netloc.rpartition(":") if ":" in netloc.rpartition("]")[2] else (netloc, "", "")
    if colon and (not port or port.isdigit() and int(port) == _DEFAULT_PORTS.get(scheme.lower())):
        colon = port = ""
    stripped = host.rstrip(".")
    return (stripped or host) + colon + port


_ASCII_END = ".,;:!)]}>\"'`"
"""Half-width signs a copy leaves at the end of an address: a sentence's (``见 https://…/baihe/.``), a list's,
a bracket's or quote's around it. A "?" is not among them: it starts a query, told as that."""
_CLOSING = {")": "(", "]": "[", "}": "{", ">": "<", "）": "（", "」": "「", "』": "『", "】": "【", "”": "“", "’": "‘"}


def _stray_end(text: str) -> str:
    """The signs at the end of a base address that a copy left there (`SENTENCE_END`, `_ASCII_END`), or "".

    A closing bracket is one only when its opening one is not in the address; a "." right after the host
    (``https://example.gov.cn.``) is the host's own, the dot of a full domain name, and is not.
    """
    end = len(text)
    while end and text[end - 1] in SENTENCE_END + _ASCII_END and _CLOSING.get(text[end - 1], "\n") not in text[:end]:
        end -= 1
    if text[end:] == "." and not split_address(text[:end]).path:
        return ""
    return text[end:]


_DOT_ESCAPE = compile_later("%2e", re.IGNORECASE)
"""A "." percent-encoded: a part of a path that is "." or ".." with "%2e" for any dot (%2e%2e, .%2E, %2e.) is that
part to browsers (the URL Standard's single- and double-dot segments), and leads out of the folder alike."""

# The last part of an address that names a page, not a folder: index.html, default.aspx …
_PAGE_NAME = compile_later(r"[^/]+\.(?:s?html?|php|aspx?|jsp)", re.IGNORECASE)
# The last part of an address that names a file: a name, a dot and an ending that starts with a letter (data.json,
# 通知.pdf, opendata.zip, table.xlsx). A folder named v1.2 or 2018.05 is no file's: its ending starts with a digit.
_FILE_NAME = compile_later(r"[^/]*[^/.]\.[A-Za-z][A-Za-z0-9]{0,5}")
_OWN_FILES = {"sitemap.xml": "the site's sitemap (sitemap.xml)", "feed.xml": "the site's feed (feed.xml)",
              "robots.txt": "the site's robots.txt", "datapackage.json": "the open data's description (datapackage.json)"}
"""The files sitegen writes at the top of the site, by the name readers of a message know each by: the address of
one, copied from a browser for base_url, names that file, not the folder the site is in."""


def _check_base_path(value: str, parts: SplitResult) -> None:
    """Refuse a base address whose links would lead elsewhere, with the address meant in the hint.

    Every link of the site starts with the path of ``base_url``: "//" in it makes "//r/…", which
    browsers read as the host "r"; a page's name (index.html) makes every link a 404; a user name
    or password would be published in every page, feed and the sitemap; "." and ".." segments are
    resolved by browsers but not by the host's folder, and so are they percent-encoded (``%2e%2e``,
    `_DOT_ESCAPE`), as a page's ``aliases`` are refused alike (`sitegen.models.parse_alias`).
    """
    path = parts.path
    login, at, host = parts.netloc.rpartition("@")
    if at:
        meant = urlunsplit((parts.scheme, host, path, "", ""))
        raise _refuse("base_url", '"{text}" holds a user name or password ({login}@), which every page would publish',
                      value, f"remove it: {meant}", login=login)
    _check_path_signs(value, parts)
    if "//" in path:
        meant = urlunsplit((parts.scheme, parts.netloc, re.sub(r"/{2,}", "/", path), "", ""))
        raise _refuse("base_url", '"{text}" has an empty part ("//") in its path, which browsers read as another '
                      "host's address", value, f"write one / between the parts: {meant}")
    segments = path.split("/")
    dots = [segment for segment in segments if _DOT_ESCAPE.sub(".", segment) in (".", "..")]
    if dots:
        folder = posixpath.normpath(_DOT_ESCAPE.sub(".", path)).lstrip("/")
        meant = urlunsplit((parts.scheme, parts.netloc, "/" + folder + ("/" if folder else ""), "", ""))
        escaped = next((segment for segment in dots if "%" in segment), None)
        said = f' ({escaped}: %2e is "." percent-encoded, and browsers read it so)' if escaped else ""
        raise _refuse("base_url", '"{text}" has "." or ".." in its path' + said.replace("{", "{{").replace("}", "}}"),
                      value, f"write the address without them: {meant}")
    _check_base_name(value, parts)


def _check_base_name(value: str, parts: SplitResult) -> None:
    """Refuse a base address whose last part names a page (`_PAGE_NAME`), a file of sitegen's own
    (`_OWN_FILES`: sitemap.xml, feed.xml …) or any file (`_FILE_NAME`): every link of the site would
    start with that name as if it were a folder (``/reports/sitemap.xml/assets/…``) and lead nowhere.
    The hint gives the folder's address; for a file other than sitegen's, it also offers ending the
    address in "/", for a folder whose name does hold a dot. Raises `PydanticCustomError` ``base_url``."""
    folder, _, name = parts.path.rpartition("/")
    meant = urlunsplit((parts.scheme, parts.netloc, folder + "/", "", ""))
    if _PAGE_NAME.fullmatch(name):
        raise _refuse("base_url", '"{text}" is the address of a page, not of the folder the site is in', value,
                      f"write the folder's address: {meant}")
    own = _OWN_FILES.get(unquote(name).lower())
    if own is not None:
        raise _refuse("base_url", '"{text}" is the address of {own}, not of the folder the site is in', value,
                      f"write the folder's address: {meant}", own=own)
    if _FILE_NAME.fullmatch(unquote(name)):
        raise _refuse("base_url", '"{text}" is the address of a file ({name}), not of the folder the site is in',
                      value, f"write the folder's address: {meant} (if {unquote(name)} is itself a folder, end the "
                      f"address with \"/\": {urlunsplit(parts._replace(path=parts.path + '/'))})", name=unquote(name))


_PATH_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/")
"""The ASCII characters a path holds as they are (RFC 3986 §3.3: unreserved, sub-delims, ":", "@"; "%" starts an
escape, "/" parts folders)."""


def _path_sign(char: str) -> bool:
    """True for a character no folder of a site's address is named with: a space (half or full width), a sign
    outside `_PATH_ASCII` (\" < > ^ ` { | }), a full-width letter, digit or sign (全角, U+FF01–U+FF5E) or a
    punctuation mark or symbol in another script (。，、“”《》). Letters and digits of any script (青浦) are not."""
    if char.isascii():
        return char not in _PATH_ASCII
    return "\uff01" <= char <= "\uff5e" or unicodedata.category(char)[0] not in "LNM"


def _path_mended(path: str, space: str) -> str:
    """``path`` with each `_path_sign` made half width where it has a half-width form a path holds (／ ． － ＿),
    a space (and a full-width one) made ``space``, and the others left out."""
    def mended(char: str) -> str:
        if not _path_sign(char):
            return char
        if char.isspace():
            return space
        half = unicodedata.normalize("NFKC", char)
        return half if all(sign in _PATH_ASCII for sign in half) else ""
    return "".join(map(mended, path))


def _check_path_signs(value: str, parts: SplitResult) -> None:
    """Refuse a base address whose path holds a sign typed by slip (`_path_sign`): a space (``/qing pu/``), a
    Chinese quote or 。, a full-width letter. Browsers would take it, percent-encoded (``/qing%20pu/``), and
    every link of the site would lead to a folder the host most likely has not. The hint writes the path
    without them (half width where they have a half-width form); for a space, it offers ``%20`` too, the
    spelling of a folder whose name does hold one. Raises `PydanticCustomError` ``base_url``."""
    sign = next((char for char in parts.path if _path_sign(char)), None)
    if sign is None:
        return
    def address(space: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, re.sub(r"/{2,}", "/", _path_mended(parts.path, space)), "", ""))
    if sign.isspace():
        spaces = "spaces" if sum(map(str.isspace, parts.path)) > 1 else "space"
        raise _refuse("base_url", '"{text}" has a space in its path, which every link would carry as %20', value,
                      f"delete the {spaces}: {address('')} (if the folder's name does hold a space, write it as "
                      f"%20: {address('%20')})")
    half = _path_mended(sign, "")
    if half:
        raise _refuse("base_url", '"{text}" has the full-width (全角) {sign} in its path, which browsers do not read '
                      "as {half}: every link would carry it percent-encoded", value,
                      f"type it in half width (半角): {address('')}", sign=sign, half=half)
    signs = {char for char in parts.path if _path_sign(char) and not char.isspace() and not _path_mended(char, "")}
    raise _refuse("base_url", '"{text}" has the sign {sign} in its path, which no folder of a web address is named '
                  "with: every link would carry it percent-encoded", value,
                  f"delete {'them' if len(signs) > 1 else 'it'}: {address('')}", sign=sign)


def _check_time_zone(value: str) -> str:
    """Accept an IANA time zone name (Asia/Shanghai); refuse one unknown, and ``Etc/GMT+N`` (see
    `_check_posix_offset`). Returns the name; raises `PydanticCustomError` ``time_zone``."""
    _check_posix_offset(value)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise _refuse("time_zone", 'unknown time zone "{text}"', value,
                      "use a name such as Asia/Shanghai (北京时间)") from None
    return value


_POSIX_OFFSET = compile_later(r"etc/gmt\+0*([1-9][0-9]?)", re.IGNORECASE)
_ZONE_EAST = {8: ("Asia/Shanghai", " (北京时间)")}
"""The zone of a place to write for UTC+N, by N, where one is the zone a site of sitegen's means (China's);
other offsets get ``Etc/GMT-N``."""


def _check_posix_offset(value: str) -> None:
    """Refuse ``Etc/GMT+N`` (N from 1), which the IANA database defines as UTC−N: its sign is POSIX's, turned
    round from the one every clock and ISO 8601 write, so ``Etc/GMT+8`` typed for 北京时间 put every publish
    time of the feeds and structured data 16 hours off (``-08:00``).

    An error, not a warning: a site that does mean UTC−N has the zone of its place to write
    (America/Los_Angeles), which says the same and cannot be misread, while a warning would let every time
    be published wrong. ``Etc/GMT-N`` is accepted: whoever types a minus for a zone east of Greenwich has
    read the sign rule, and it is the spelling the hint offers for an offset without a zone of its own here
    (`_ZONE_EAST`). Raises `PydanticCustomError` ``time_zone`` with the zone meant; returns None otherwise.
    """
    found = _POSIX_OFFSET.fullmatch(value.strip())
    if found is None or int(found.group(1)) > 12:  # Etc/GMT+13 and on: no such zone, "unknown" says so
        return
    hours = int(found.group(1))
    zone, called = _ZONE_EAST.get(hours, (f"Etc/GMT-{hours}", ""))
    raise _refuse("time_zone", '"{text}" is UTC−{hours}, {hours} hours behind UTC, not UTC+{hours}: in the '
                  "Etc/ names the sign is turned round (POSIX)", value,
                  f"for UTC+{hours}{called}, write time_zone: {zone}; if UTC−{hours} is meant, write the zone of "
                  "the place instead, named Area/City as in the IANA time zone database", hours=str(hours))


# A well-formed BCP 47 language tag (RFC 5646 §2.1), any case: a language of 2–3 letters (ISO 639) with up
# to three extended languages, then an optional script (Hans), region (CN, 419), variants, extensions and
# private use. Languages of 4–8 letters are allowed by the syntax but none is in use: "english" is refused.
_LANGUAGE_TAG = compile_later(r"[a-z]{2,3}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
                           r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
                           r"(?:-x(?:-[a-z0-9]{1,8})+)?", re.IGNORECASE)

# Names of a language typed where its tag belongs → the tag, with the name readers know it by.
_LANGUAGE_NAMES = {
    **dict.fromkeys(("中文", "汉语", "漢語", "简体中文", "中文简体", "简体", "普通话", "华语", "chinese", "cn"),
                    "zh-CN (简体中文)"),
    **dict.fromkeys(("繁體中文", "繁体中文", "中文繁體", "繁體", "繁体", "正體中文"), "zh-TW (繁體中文)"),
    **dict.fromkeys(("英文", "英语", "english"), "en (English)"),
}


def _check_language(value: str) -> str:
    """Accept a BCP 47 language tag (zh-CN, zh-Hans, en); refuse a language's name (中文) or ``zh_CN``.

    The tag is published as typed in ``<html lang>``, the feeds and the
    structured data, where screen readers, search engines and browsers'
    fonts and translation read it: a name such as 中文 means nothing to them.
    Returns the tag without surrounding spaces; raises `PydanticCustomError`
    ``language`` with a hint naming the tag meant, where it can be told.
    """
    text = value.strip()
    if _is_language_tag(text):
        return text
    named, fixed = _LANGUAGE_NAMES.get(text.lower()), text.replace("_", "-")
    if named:
        hint = f"write {named}"
    elif _is_language_tag(fixed):
        hint = f'write {fixed} (a language tag is written with "-", not "_")'
    else:
        hint = "write zh-CN (简体中文), or another language tag such as en (English)"
    raise _refuse("language", '"{text}" is not a language tag (语言代码, BCP 47) such as zh-CN', value, hint)


def _is_language_tag(text: str) -> bool:
    """True for a well-formed BCP 47 tag whose language is not "cn" (CN is China's code, not a language's)."""
    return bool(_LANGUAGE_TAG.fullmatch(text)) and text.lower().partition("-")[0] != "cn"


def _permalink_mended(value: str) -> str | None:
    """The hint for a permalink pattern lacking its slashes or its {slug}: the pattern mended, keeping the
    folders typed (``anli/{slug}`` → ``/anli/{slug}/``; ``/anli/{title}/``, another name in braces, →
    ``/anli/{slug}/``; ``/anli/`` → ``/anli/{slug}/``), or None when nothing is typed but slashes."""
    core = re.sub(r"\{[^{}]*\}", "{slug}", value.strip().strip("/").strip(), count=1)
    if not core.replace("{slug}", ""):
        return None
    if "{slug}" not in core:
        core += "/{slug}"
    said = " ({slug} is the page's own part of the address, the only name in braces a pattern may hold)" \
        if re.search(r"\{(?!slug\})[^{}]*\}", value) else ""
    return f'write "/{core}/"{said}'


def _check_permalink(value: str, info: ValidationInfo) -> str:
    """Accept a URL pattern that starts and ends with "/", contains {slug}, and never climbs out; none of its
    folders may be a name Windows keeps for a device (``/con/{slug}/``, `sitegen.slugs.device_name`). The
    example a hint gives is the collection's own default pattern (``/cases/{slug}/`` for ``cases:``): another
    collection's would give two collections one folder."""
    example = f'write a pattern such as "/{info.field_name or "interviews"}/{{slug}}/"'
    half = unicodedata.normalize("NFKC", value).strip()
    if half != value.strip() and half.startswith("/") and half.endswith("/") and "{slug}" in half:
        # ｛slug｝, ／ typed with an input method: the hint mending the slashes and braces kept the full-width ones.
        raise _refuse("permalink", 'the permalink pattern "{text}" is typed with full-width signs (全角)', value,
                      f'write "{half}", typed in half width (半角)')
    if not value.startswith("/") or not value.endswith("/") or "{slug}" not in value:
        raise _refuse("permalink", 'the permalink pattern "{text}" must start and end with "/" and contain '
                      "{slug}", value, _permalink_mended(value) or example)
    if ".." in value or "\\" in value:
        raise _refuse("permalink", 'the permalink pattern "{text}" contains ".." or "\\"', value, example)
    parts = value.replace("{slug}", "x")[1:-1].split("/")
    if not all(_PERMALINK_PART.fullmatch(part) for part in parts):
        raise _refuse("permalink", 'the permalink pattern "{text}" may only hold "/", {slug}, and a-z, 0-9, '
                      '"-" or "_" between the slashes', value, example)
    device = next((part for part in value[1:-1].split("/") if device_name(part)), None)
    if device is not None:
        raise _refuse("permalink", 'the permalink pattern "{text}" puts pages in a folder named "{folder}", '
                      + device_trouble(device_name(device) or device, "that folder"), value,
                      f'add a word or a number to it, e.g. "{value.replace(f"/{device}/", f"/{windows_safe(device)}/", 1)}"',
                      folder=device)
    folder = value[1:].split("/", 1)[0]
    if folder in SITEGEN_FOLDERS:
        raise _refuse("permalink", 'the permalink pattern "{text}" puts pages in /{folder}/, which sitegen fills '
                      "with {what}", value, 'choose a folder of its own, as the default patterns do ("/tags/{slug}/", "/interviews/{slug}/")',
                      folder=folder, what=SITEGEN_FOLDERS[folder])
    return value


SITEGEN_FOLDERS = {"assets": "the theme's files", "data": "the open data", "pagefind": "the search index"}
"""The output folders sitegen fills besides its pages, and with what: no page may be put there."""


# One part of a permalink between two slashes: no "." (no "..", no ".git"), "%", ":" or empty part.
_PERMALINK_PART = compile_later(r"[A-Za-z0-9_-]+")


_DIGITS = compile_later("[0-9０-９]+")


def _setting_number(value: object) -> object:
    """Read a number setting typed in digits, full-width ones too (全角数字 １０), as counts are read.

    Takes the value as loaded; returns the int when it is text of the
    digits 0-9 or ０-９ only (read as `sitegen.models.parse_count` reads
    them), else the value unchanged, for the whole-number check and its
    message ("per_page" should be a whole number, not "十"). Raises nothing.
    An editor typing with a Chinese input method gets full-width digits; the
    tallies accept them, so the settings do too. A setting's largest value is
    its field's (``le=``): the limit of a published count (the open data's,
    `sitegen.models.LARGEST_COUNT`) would name the wrong reason.
    """
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())  # int() reads full-width digits (１０) as the same number
    return value


def _renamed_tags(value: object) -> tuple[tuple[str, str], ...]:
    """Read ``renamed_tags:``: a mapping of tags no page has any more to the tag that replaced each,
    ``{草莓产业: 草莓种植}``, as typed (``None``, the key alone, is refused: it names nothing).

    Returns ``((old tag, new tag), …)`` in the order typed (a tuple: `Config` is frozen and hashable). A
    tag typed as a number (``2018: 二〇一八``) is its text, as in a page's ``tags:``. Raises
    `PydanticCustomError` ``renamed_tags`` for a value that is no mapping (a list: the old and new tag are
    then offered on one line), for a tag renamed to nothing, to a list or to itself. Whether the old tag
    is gone from the pages and the new one is on them is checked with the pages
    (`sitegen.site.tag_redirect_pages`); a chain is checked by `check_renamed_tags`.
    """
    example = "renamed_tags: {草莓产业: 草莓种植}"
    if value is None:
        raise _refuse("renamed_tags", "is empty", "",
                      f"write each old tag and the tag that replaces it, e.g. {example}, or delete the line")
    if isinstance(value, list) and len(value) == 2 and all(isinstance(tag, (str, int)) for tag in value):
        raise _refuse("renamed_tags", "is typed as a list, but it pairs each old tag with the tag that replaces it", "",
                      paste_hint("write the old tag, a colon and the new tag",
                                 f"renamed_tags: {{{value[0]}: {value[1]}}}"))
    if not isinstance(value, dict):
        raise _refuse("renamed_tags", "should pair each old tag with the tag that replaces it, one old tag: new tag "
                      "a line under it (indented)", "", f"e.g. {example}")
    pairs = []
    for old, new in value.items():
        old_tag = str(old).strip() if isinstance(old, (str, int, float)) else ""
        if not old_tag:
            raise _refuse("renamed_tags", "has an empty old tag", "",
                          f"write the old tag before the colon, e.g. {example}")
        if isinstance(new, (list, dict)):
            raise _refuse("renamed_tags", "the tag {text} is renamed to a list: a tag's old address can lead to one "
                          "tag's page only", old_tag,
                          f"write one tag after {old_tag}: (the one most of its pages have now)")
        new_tag = str(new).strip() if new is not None else ""
        if not new_tag:
            raise _refuse("renamed_tags", "the tag {text} is renamed to nothing", old_tag,
                          f"write the tag that replaces it after the colon ({old_tag}: 新标签), or delete the line")
        if new_tag == old_tag:
            raise _refuse("renamed_tags", "the tag {text} is renamed to itself", old_tag,
                          "write the tag that replaces it after the colon, or delete the line")
        pairs.append((old_tag, new_tag))
    return tuple(pairs)


BaseUrl = Annotated[str, AfterValidator(_check_base_url)]
SettingNumber = Annotated[int, BeforeValidator(_setting_number)]
TimeZone = Annotated[str, AfterValidator(_check_time_zone)]
Language = Annotated[Text, AfterValidator(_check_language)]
Permalink = Annotated[str, AfterValidator(_check_permalink)]
RenamedTags = Annotated[tuple[tuple[str, str], ...], BeforeValidator(_renamed_tags)]


class Permalinks(BaseModel):
    """URL patterns per collection; ``{slug}`` is replaced by the page's slug."""

    # Validators made on first use, as the records' are (`sitegen.models.Record`).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    interviews: Permalink = "/interviews/{slug}/"
    cases: Permalink = "/cases/{slug}/"
    units: Permalink = "/units/{slug}/"
    series: Permalink = "/series/{slug}/"
    tags: Permalink = "/tags/{slug}/"

    def url(self, collection: str, slug: str) -> str:
        """The site path of the page of ``collection`` (interviews, cases, units, series, tags) with ``slug``."""
        pattern: str = getattr(self, collection)
        return pattern.replace("{slug}", slug)

    def slug_of(self, collection: str, url: str) -> str | None:
        """The slug that gives the site path ``url`` in ``collection``'s pattern, or None when none does."""
        before, _, after = getattr(self, collection).partition("{slug}")
        if len(url) <= len(before) + len(after) or not (url.startswith(before) and url.endswith(after)):
            return None
        slug = url[len(before):len(url) - len(after)]
        return slug if "/" not in slug else None


class GovMeta(BaseModel):
    """Meta tags of Chinese government websites (政府网站 meta 标签), emitted where given."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    # One line each: typed after "|", every page's <meta content="…"> held the line break.
    site_name: MetaLine = ""
    site_domain: MetaCode = ""
    site_id_code: MetaCode = ""
    column_name: MetaLine = ""
    content_source: MetaLine = ""


class DataLicense(BaseModel):
    """The licence the open data is published under (开放数据许可), as the publisher states it.

    ``name``: its short name or SPDX id (``CC-BY-4.0``); ``title``: its
    full name as readers should see it; ``url``: where its text is. It is
    shown on the about-data page and in ``datapackage.json`` (``licenses``,
    Data Package v1).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    name: Line
    title: OptionalLine = ""
    url: WebAddress = ""


_EMAIL_RE = compile_later(r"[^@\s<>\"'():\u3000-\u303f\uff00-\uffef]+@[^@\s<>\"'():\u3000-\u303f\uff00-\uffef]+"
                       r"\.[^@\s<>\"'().:\u3000-\u303f\uff00-\uffef]+")
# Digits with - ( ) and spaces between groups (a hotline such as 12345 or 110 too), an optional extension
# (转 123, ext. 123), and an optional note in brackets: 12345（市民热线）.
_PHONE_RE = compile_later(r"(?P<number>\+?\(?[0-9][0-9 ()\-]{1,30}[0-9])(?:[ ]?(?:转|ext\.?|x)[ ]?(?P<ext>[0-9]{1,6}))?"
                       r"(?:[ ]?\([^()]*\))?")


_EMAIL_DOTS = str.maketrans({"．": ".", "。": ".", "｡": "."})
# What parts an e-mail address from a telephone number typed after it on one line.
_CONTACT_SEPARATOR_RE = compile_later(r"\s*[;；,，、/]\s*|\s+")


def _email(value: str) -> str:
    """An e-mail address as typed, or "" (see `Contact`); the input method's ＠ is refused with the fix."""
    if not value or _EMAIL_RE.fullmatch(value):
        return value
    # The input method's ＠ and 。 (diaoyan@qp。gov。cn), a mailto: copied from a link, a full stop after it.
    fixed = value.strip().removeprefix("mailto:").rstrip("。，；.,; ").replace("＠", "@").translate(_EMAIL_DOTS)
    address, rest = (_CONTACT_SEPARATOR_RE.split(fixed, maxsplit=1) + [""])[:2]
    if rest and _EMAIL_RE.fullmatch(address) and _PHONE_RE.fullmatch(unicodedata.normalize("NFKC", rest).strip()):
        # "diaoyan@qp.gov.cn；021-59000000": both ways of reaching the office typed after email:.
        hint = (f"write the e-mail address alone, email: {address}, and the telephone number on a line of its own "
                f"under contact:, phone: {rest.strip()}")
    elif rest and _EMAIL_RE.fullmatch(address):
        hint = (f"write the e-mail address alone, email: {address}; a telephone number goes on a line of its own "
                "under contact:, phone: …")
    elif fixed != value and _EMAIL_RE.fullmatch(fixed):
        hint = f"write it as {fixed} (@ and dots in half width, 半角; no mailto: and nothing after it)"
    else:
        hint = "write it as name@example.org"
    raise _refuse("email", '"{text}" is not an e-mail address', value, hint)


def _phone(value: str) -> str:
    """A telephone number as typed, full-width digits read as digits, or "" (see `Contact`)."""
    text = unicodedata.normalize("NFKC", value).strip()
    if not text or _PHONE_RE.fullmatch(text):
        return value.strip()  # shown as typed; its tel: address is made from the digits
    raise _refuse("phone", '"{text}" is not a telephone number', value,
                  "write the digits, with - or spaces between groups if you like: 021-1234 5678")


class Contact(BaseModel):
    """How readers reach the publisher (联系方式): shown where a reader may need help (the accessibility
    page) or permission (the about-data page), and linked from every page's footer.

    ``email`` (``name@example.org``), ``phone`` (digits with ``-``, spaces,
    ``()``, a leading ``+``; full-width digits are read as digits) and
    ``url`` (an http(s) page of the publisher's own), each optional, at
    least one given. WCAG 2.2's 3.2.6 (consistent help) asks for one such
    way, in the same place on every page.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    email: Annotated[OptionalText, AfterValidator(_email)] = ""
    phone: Annotated[OptionalText, AfterValidator(_phone)] = ""
    url: WebAddress = ""

    @property
    def phone_address(self) -> str:
        """The ``tel:`` address of ``phone`` (RFC 3966: no spaces; "转"/"ext" becomes ";ext=")."""
        parts = _PHONE_RE.fullmatch(unicodedata.normalize("NFKC", self.phone).strip())  # as `_phone` read it
        if parts is None:
            return ""
        address = "tel:" + re.sub(r"[ ()]", "", parts["number"])
        return address + (f";ext={parts['ext']}" if parts["ext"] else "")

    @model_validator(mode="after")
    def _one_way_at_least(self) -> "Contact":
        if not (self.email or self.phone or self.url):
            raise _refuse("contact", "gives no way to reach the publisher", "",
                          "write at least one of email:, phone: and url: under contact:, or delete contact:")
        return self


class Config(BaseModel):
    """The settings of one site, read from ``site.yaml``.

    Fields:
        title: the site's name, shown in every page header.
        description: one sentence for search engines and the home page.
        base_url: the address the site is published at, ending in "/"
            (``https://example.org/qingpu/diaoyan/``); links are made from it.
        language: the pages' ``lang`` (BCP 47), ``zh-CN`` by default.
        time_zone: IANA name of the zone publish times are written in.
        reading_speed: CJK characters (or words) read per minute, for the
            reading-time line (500, as Hugo reads CJK).
        per_page: items per page of paginated lists.
        summary_length: characters of automatic summaries on list pages.
        feed_entries: how many of the newest interviews each Atom feed
            carries (50), so feeds stay small on large sites.
        publisher: who publishes the site (footer, feeds, open data).
        data_license: the open data's licence, or None when the publisher
            states none (the about-data page then says so).
        contact: how readers reach the publisher (`Contact`), or None.
        permalinks: URL patterns per collection.
        distinct_tags: tags that read alike (同音: 民生, 民声) and are all meant, different words, so that
            the build does not warn that one may be a typing slip for the other (`sitegen.site`).
        renamed_tags: ``((old tag, new tag), …)``, tags no page has any more, each with the tag that replaced
            it: the old tag's address is kept by a page leading to the new tag's (`sitegen.site.tag_redirect_pages`),
            as a page's ``aliases:`` keep its old addresses.
        gov: government-site meta tags.
        root: the site folder (not read from the file).
        output_dir: where the site is written: relative to ``root``, or an absolute path.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    EXAMPLE_LINE: ClassVar[str] = "title: 青浦大调研进度公开"
    title: Line
    description: OptionalText = ""
    base_url: BaseUrl = "https://example.org/"
    language: Language = "zh-CN"
    time_zone: TimeZone = "Asia/Shanghai"
    reading_speed: SettingNumber = Field(default=500, ge=50, le=5000)
    per_page: SettingNumber = Field(default=10, ge=1, le=1000)
    summary_length: SettingNumber = Field(default=120, ge=20, le=2000)
    feed_entries: SettingNumber = Field(default=50, ge=1)
    publisher: OptionalLine = ""
    data_license: DataLicense | None = None
    contact: Contact | None = None

    @field_validator("contact", mode="before")
    @classmethod
    def _contact_given_when_named(cls, value: object) -> object:
        if value is None:  # "contact:" typed with nothing under it
            raise _refuse("contact", "is empty", "",
                          "write email:, phone: or url: under contact: (indented), or delete the line")
        return value
    permalinks: Permalinks = Permalinks()
    distinct_tags: Tags = ()
    renamed_tags: RenamedTags = ()
    gov: GovMeta = GovMeta()
    root: Path
    output_dir: OptionalText = "output"

    @field_validator("output_dir")
    @classmethod
    def _output_dir_as_meant(cls, value: str) -> str:
        """Refuse an output folder that would be made as no one means it (`output_dir_slip`)."""
        slip = output_dir_slip(value, "output_dir: ", "public", "delete the line (the site then goes into output/)")
        if slip is not None:
            raise _refuse("output_dir", "{said}", value, slip[1], said=slip[0])
        return value

    @property
    def output_path(self) -> Path:
        """The absolute output folder."""
        return (self.root / self.output_dir).resolve()

    @property
    def base_path(self) -> str:
        """The path part of ``base_url``: ``/`` or ``/qingpu/diaoyan/``."""
        return urlsplit(self.base_url).path or "/"

    @property
    def base_folder(self) -> str:
        """`base_path` decoded (``/青浦/调研/``), to compare with a path typed in any spelling, decoded too."""
        return unquote(self.base_path)

    @property
    def zone(self) -> ZoneInfo:
        """The site's time zone."""
        return ZoneInfo(self.time_zone)


_DRIVE = compile_later(r"([A-Za-z]):(?:[\\/]|$)")
"""A Windows drive at the start of a path (``C:\\``, ``D:/``, ``E:``), read in half width."""


def output_dir_slip(value: str, typed: str, example: str, leave_out: str) -> tuple[str, str] | None:
    """The message and hint for an output folder that would be made as no one means it, or None.

    Takes the folder as typed, how the editor types it with a value
    (``"output_dir: "`` or ``"--output "``), a folder to offer and how to do
    without it (for the hint). Refused: ``~/out`` (``~`` is not read as the home folder
    here: a folder named ``~`` would be made in the site folder); where "/"
    parts folders, ``..\\out`` (one folder named so, not ``out`` beside the
    site); and ``-``, which in many commands means the screen (stdout):
    sitegen writes a folder, and would make one named ``-``; on a system without
    drives, ``C:\\site\\output`` (`_DRIVE`): with "/" for "\\", as the hint for
    "\\" said, it was made as ``C:/site/output`` inside the site folder; a variable a shell or
    Windows would fill in (``$HOME``, ``%USERPROFILE%``) or a ``file://`` address (`_named_folder_slip`).
    """
    quoted = f'"{value}"'
    whole_path = "write the whole path (e.g. /home/editor/out) or a path from the site folder (e.g. ../out)"
    if value.strip().startswith("~"):
        # The home folder this computer gives (~ or ~name), as for $HOME: a publisher was left to work it out.
        home = os.path.expanduser(value.strip())
        meant = _BACKSLASHES.sub("/", home) if os.sep == "/" else home
        return (f"{quoted} starts with ~, which sitegen does not read as your home folder: it would make a folder "
                "named ~ in the site folder",
                whole_path if home == value.strip() else paste_hint("write the whole path", typed + meant))
    named = _named_folder_slip(value.strip(), typed, whole_path)
    if named is not None:
        return named
    drive = _DRIVE.match(unicodedata.normalize("NFKC", value.strip()))
    if drive and os.name != "nt":  # C:\site\output, in a site.yaml written on Windows: "/" in place of \ made ./C:/…
        return (f"{quoted} starts with the drive {drive.group(1).upper()}:, which only Windows has: here it would "
                "be a folder inside the site folder", whole_path)
    if "\\" in value and os.sep == "/":
        return (f"{quoted} holds \\, which parts no folders here: it would make one folder named so in the site "
                "folder", paste_hint("write / between folders", typed + _BACKSLASHES.sub("/", value)))
    if value.strip() == "-":
        return (f"{quoted} names no folder: sitegen writes the site into a folder, never to the screen (stdout), "
                "and would make a folder named - in the site folder",
                f"write the folder to write the site into, e.g. {typed}{example}, or {leave_out}")
    return None


_VARIABLE = compile_later(r"\$\{(?P<braced>[A-Za-z_]\w*)\}|\$(?P<bare>[A-Za-z_]\w*)|%(?P<windows>[A-Za-z_][\w()]*)%")
"""A variable as a shell (``$HOME``, ``${HOME}``) or Windows (``%USERPROFILE%``) fills it in: sitegen reads a
path as typed, so each would be a folder's name."""
_HOME_VARIABLES = frozenset({"HOME", "USERPROFILE"})


def _variable_value(name: str) -> str | None:
    """What the variable ``name`` holds on this computer (the home folder for HOME and USERPROFILE), or None."""
    if name.upper() in _HOME_VARIABLES:
        return str(Path.home())
    return os.environ.get(name) or None


def _named_folder_slip(value: str, typed: str, whole_path: str) -> tuple[str, str] | None:
    """The message and hint for an output folder typed with a variable (`_VARIABLE`) or as a ``file://``
    address, or None: both were made as a folder of that name in the site folder (``./$HOME/www``). The hint
    gives the path meant where this computer tells it (the variable's value, the address's path), else
    ``whole_path``; ``typed`` is how the value is typed (``"output_dir: "``)."""
    if value.lower().startswith("file:"):
        path = unquote(split_address(value).path)
        path = path[1:] if re.match(r"/[A-Za-z]:", path) else path  # file:///C:/site → C:/site
        hint = (paste_hint("write the folder's path without file://", typed + path)
                if path.startswith("/") or os.name == "nt" and _DRIVE.match(path) else whole_path)
        return (f'"{value}" is a web address (file://), not a folder\'s path: it would make a folder named file: '
                "in the site folder", hint)
    variable = _VARIABLE.search(value)
    if variable is None:
        return None
    name = variable.group("braced") or variable.group("bare") or variable.group("windows")
    what = "your home folder" if name.upper() in _HOME_VARIABLES else f"what the variable {name} holds"
    where = "starts with" if variable.start() == 0 else "holds"
    made = " in the site folder" if variable.start() == 0 else ""
    message = (f'"{value}" {where} {variable.group()}, which sitegen does not read as {what}: it would make a '
               f"folder named {variable.group()}{made}")
    values = [_variable_value(next(filter(None, found.groups()))) for found in _VARIABLE.finditer(value)]
    if None in values:
        return message, whole_path
    meant = _VARIABLE.sub(lambda found: _variable_value(next(filter(None, found.groups()))) or "", value)
    meant = _BACKSLASHES.sub("/", meant) if os.sep == "/" else meant  # %USERPROFILE%\www, from Windows
    return message, paste_hint("write the whole path", typed + meant)


def check_output_option(value: str, report: Report, example: str, leave_out: str) -> None:
    """Refuse ``--output`` typed as no one means it (`output_dir_slip`), as the command line's.

    Takes the option's value, the report, a folder to offer and how to do
    without the option (for the hint). Raises `SiteError` with the problem added to ``report``.
    """
    slip = output_dir_slip(value, "--output ", example, leave_out)
    if slip is not None:
        report.error("", None, None, f"--output: {slip[0]}", slip[1])
        raise SiteError(report.problems)


def check_site_folder(root: Path, report: Report) -> None:
    """Raise `SiteError` (with the problem added to ``report``) when ``root`` is not a folder."""
    if not root.is_dir():
        report.error("", None, None, f"{root} is a file, not a site folder" if root.exists()
                     else f"the site folder {root} does not exist",
                     "give --site the folder that holds site.yaml (run sitegen init DIR to start a new site)")
        raise SiteError(report.problems)


_SETTINGS_NAME = compile_later(r"site(?:\.ya?ml)+(?:\.txt)?")
"""A name site.yaml is saved under by slip, read in half width, small letters and without spaces: ``site.yml``,
``site.yaml.txt`` (Notepad), ``site.yaml.yaml``, ``Site.yaml``, ``site .yaml``."""


def misnamed_settings(root: Path) -> tuple[str, None, None, str, str] | None:
    """The error for the settings saved under another name than site.yaml (`_SETTINGS_NAME`) in ``root``, which
    has no site.yaml: ``(file, None, None, message, hint)``, the hint the rename, worded as for a page or record
    file of content/ (`sitegen.load`); None when no such file is there. Without it, "no site.yaml" sent the
    editor to make a new site. Raises nothing."""
    try:
        names = sorted(path.name for path in root.iterdir() if path.is_file())
    except OSError:
        return None
    for name in names:
        folded = unicodedata.normalize("NFKC", name)
        read = re.sub(r"\s+", "", folded.lower())
        if not _SETTINGS_NAME.fullmatch(read):
            continue
        if read == CONFIG_FILE + ".txt" and folded.lower().endswith(".yaml.txt"):
            return (name, None, None, 'the file name ends in ".yaml.txt" (Notepad added ".txt"), so it is not read '
                    "as the site's settings", f"rename the file to {CONFIG_FILE} ({SHOW_FILE_ENDINGS} the .txt)")
        why = (", typed in half width (半角)" if folded != name else
               ", without the space" if re.search(r"\s", name) else
               ", in small letters (this computer tells them from capital ones)" if read == CONFIG_FILE else
               f" ({SHOW_FILE_ENDINGS} the whole name)" if read.count(".") > 1 else "")
        return (name, None, None, "this file is not read as the site's settings: sitegen reads them from "
                f"{CONFIG_FILE} only", f"rename the file to {CONFIG_FILE}{why}")
    return None


_CONTENT_FREE = frozenset({"description", "language", "time_zone", "reading_speed", "per_page", "summary_length",
                           "feed_entries", "publisher", "data_license", "contact", "gov", "distinct_tags",
                           "renamed_tags"})
"""Settings with a default that decide nothing of how the content is read or checked: refused, their defaults
stand in for them so that `sitegen check` tells the content's problems in the same run (`stand_in_config`).
Not among them: ``title`` (no default), ``base_url`` and ``permalinks`` (links in pages are checked by them),
``output_dir`` (the folder a build is refused to write into)."""


def stand_in_config(data: YamlData, root: Path) -> Config | None:
    """The settings of ``data`` (site.yaml, its values as typed, overrides from the command line in) with the
    default of each setting refused, when every one refused is unknown (``perpage:``) or `_CONTENT_FREE`
    (``time_zone: Asia/Beijing``); else None, as when nothing is refused (a slip told by how it is typed,
    lines joined). For a check only: the problems are reported by `load_config`, and a build stops at them.
    Raises nothing."""
    values = {**data.value, "root": root.resolve()} if isinstance(data.value, dict) else None
    if values is None:
        return None
    try:
        Config.model_validate(values)
        return None
    except ValidationError as failure:
        refused = {error["loc"][0] if error["loc"] else "" for error in failure.errors()}
    if any(key in Config.model_fields and key not in _CONTENT_FREE or key == "" for key in refused):
        return None
    try:
        return Config.model_validate({key: value for key, value in values.items() if key not in refused})
    except ValidationError:
        return None


def load_config(root: Path, report: Report, *, base_url: str | None = None,
                output_dir: str | None = None, stand_in: bool = False) -> Config:
    """Read and validate ``root/site.yaml``.

    Takes the site folder, the report, and optional overrides from the
    command line (``--base-url``, ``--output``). Returns the `Config`.
    With ``stand_in`` (`sitegen check`, which tells every problem in one
    run, as the README says), settings refused whose defaults can stand in
    for them (`stand_in_config`) give a `Config` with those defaults, the
    problems in ``report``.

    Raises `SiteError` with every problem of the file when it is missing or
    invalid (the build cannot go on without settings).
    """
    check_site_folder(root, report)
    misnamed = misnamed_settings(root) if not (root / CONFIG_FILE).is_file() else None
    if misnamed is not None:
        report.error(*misnamed)
        raise SiteError(report.problems)
    if not (root / CONFIG_FILE).is_file():
        above = next((folder for folder in root.absolute().parents if (folder / CONFIG_FILE).is_file()), None)
        report.error(CONFIG_FILE, None, None, f"no {CONFIG_FILE} in {root.absolute()}",
                     f"this folder is inside the site folder {above}: run sitegen there, or pass --site {command_word(str(above))}"
                     if above is not None else
                     "run sitegen in a site folder, pass --site DIR, or create one with: sitegen init DIR")
        raise SiteError(report.problems)
    if base_url is not None:
        try:
            base_url = _check_base_url(base_url)
        except PydanticCustomError as refusal:
            report.error("", None, None, f"--base-url: {refusal.message()}", str((refusal.context or {})["hint"]))
            raise SiteError(report.problems) from None
    if output_dir:
        check_output_option(output_dir, report, "public",
                            "leave --output out (the site then goes into output_dir: of site.yaml, or output/)")
    source = read_source(root, CONFIG_FILE, report)
    data = load_yaml(source.text, CONFIG_FILE, report, groups=group_fields(Config),
                     names=names_a_field(Config)) if source else None
    config = None
    if data is not None:
        overrides = {"base_url": base_url} if base_url else {}
        if output_dir:
            overrides["output_dir"] = output_dir
        if isinstance(data.value, dict) and "root" in data.value:  # set by sitegen, never by the file
            line, column = data.locate_key(("root",))
            report.error(CONFIG_FILE, line, column, 'unknown field "root"',
                         "remove it: the site folder is the folder that holds site.yaml (or --site DIR)")
            data = data.with_value({k: v for k, v in data.value.items() if k != "root"})
        typed = data  # as the file has it: a value from the command line is no slip at a line of site.yaml
        if overrides and isinstance(data.value, dict):
            data = data.with_value({**data.value, **overrides})
        config = validate_record(Config, data, CONFIG_FILE, report, defaults={"root": root.resolve()})
        report.extend(_overridden_slips(typed, overrides, root))
        if config is None and stand_in:
            config = stand_in_config(data, root)
        # The site's title and publisher head every page, the feeds and the open data: an odd space or quotes
        # pasted with them, or a stand-in (待定), are told as in a record. The output folder is no text a page
        # shows: "." or "-" there is a path, told by its own check.
        if isinstance(typed.value, dict) and "output_dir" in typed.value:
            typed = typed.with_value({k: v for k, v in typed.value.items() if k != "output_dir"})
        report.extend(typed_value_warnings(CONFIG_FILE, typed, "every page", source.text, collection="settings"))
        for loc, placeholder in placeholders_in("settings", data.value):
            # Built for a public address, the placeholder a new site builds with would reach readers: an error.
            if config is not None and is_public_address(config.base_url):
                report.error(CONFIG_FILE, *data.locate(loc),
                             placeholder.said_public("every page's footer", str(loc[0]), config.base_url),
                             placeholder.hint)
            else:
                report.warning(CONFIG_FILE, *data.locate(loc), placeholder.said("every page's footer", str(loc[0])),
                               placeholder.hint)
    if config is None:
        raise SiteError(report.problems)
    if data is not None:
        if (told := init_title(config)) is not None:
            line, column = data.locate(("title",))
            report.warning(CONFIG_FILE, line, column, told,
                           f'write the site\'s own name (网站名称) after "title:" on line {line} of {CONFIG_FILE}, e.g. '
                           f"{Config.EXAMPLE_LINE}")
        check_renamed_tags(config, data, report)
        for loc, message, hint in example_contact(config):
            report.warning(CONFIG_FILE, *data.locate(loc), message, hint)
        if (line := commented_contact(config, source.text)) is not None:
            report.warning(CONFIG_FILE, line, 1,
                           "the contact: lines that sitegen init writes are still commented out (# contact:), and the "
                           f"site is built for {config.base_url}: the accessibility page (无障碍说明) asks readers who "
                           f"meet difficulties to contact {config.publisher or '本站编辑'}, with no e-mail address, "
                           "phone number or page to do it",
                           'delete the "# " at the start of the contact: line and of the lines under it that you keep, '
                           "and write the publisher's own e-mail address, phone number or contact page there (联系方式)")
    return config


def _overridden_slips(typed: YamlData, overrides: Mapping[str, str], root: Path) -> list[Problem]:
    """The problems of the values of site.yaml (``typed``, as the file has them) that ``overrides`` from the
    command line replace in this run (``base_url``, ``output_dir``), at their lines.

    `sitegen serve` builds for its own address into its own folder, so a
    slip typed in those two lines (``base_url: https：//…``, ``output_dir:
    C:\\site``) would pass the preview unseen and stop the next ``sitegen
    build``: it is told, with the same severity, wherever the value is
    replaced. Empty when nothing typed is replaced. Raises nothing.
    """
    if not isinstance(typed.value, dict):
        return []
    lines = {typed.locate_key((key,))[0] for key in overrides if key in typed.value}
    if not lines:
        return []
    scratch = Report()
    validate_record(Config, typed, CONFIG_FILE, scratch, defaults={"root": root.resolve()})
    return [problem for problem in scratch.problems if problem.line in lines]


def init_title(config: Config) -> str | None:
    """The warning's message when the site's title is still the one ``sitegen init`` writes when given no
    ``--title`` (`sitegen.placeholders.INIT_SITE_TITLE`, 进度公开) and the site is built for a public address
    (`is_public_address`); else None.

    The title heads every page, names the browser's tab, the search results and the feeds: left as init wrote
    it, a site published for a district names itself as no site in particular. For an example or local
    address, or a preview (which is built for its own local address), init's title is expected: not told.
    """
    if config.title != INIT_SITE_TITLE or not is_public_address(config.base_url):
        return None
    return (f'title: "{config.title}" is the title that sitegen init writes when given no --title, and the site is '
            f"built for {config.base_url}: every page's heading and browser tab, the search results and the feeds "
            "would name the site so")


def check_renamed_tags(config: Config, data: YamlData, report: Report) -> None:
    """Error at each line of ``renamed_tags:`` (in ``data``, site.yaml as read) whose new tag is renamed too.

    An old tag's address leads to one page, the new tag's (`sitegen.site.tag_redirect_pages`): a new tag
    renamed again (草莓产业 → 草莓种植 → 草莓) would send readers to an address that leads on again, or,
    renamed in a circle, to no page at all. A chain is offered its end (``草莓产业: 草莓``); a circle, the
    tags in it, of which the one still on pages is the new tag of the others. Raises nothing.
    """
    renamed = dict(config.renamed_tags)
    circles: set[str] = set()
    for old, new in config.renamed_tags:
        path = [old, new]
        while path[-1] in renamed and renamed[path[-1]] not in path:
            path.append(renamed[path[-1]])
        if path[-1] not in renamed:
            if len(path) > 2:
                report.error(CONFIG_FILE, *data.locate_key(("renamed_tags", old)),
                             f"renamed_tags: {old} is renamed to {new}, which is renamed too (to {path[2]})"
                             + (f", and on to {path[-1]}" if len(path) > 3 else "")
                             + ": an old tag's address leads to the page of a tag the pages have, not to another "
                             "old address",
                             paste_hint(f"rename {old} to the last tag", f"{old}: {path[-1]}"))
            continue
        # Back to a tag of the path: a circle, told once, at its first line (a line leading into it is mended with it).
        circle = path[path.index(renamed[path[-1]]):]
        if circles.isdisjoint(circle):
            circles.update(circle)
            first = next(tag for tag, _ in config.renamed_tags if tag in circle)
            at = circle.index(first)
            shown = circle[at:] + circle[:at] + [first]
            report.error(CONFIG_FILE, *data.locate_key(("renamed_tags", first)),
                         f"renamed_tags: the tags {' → '.join(shown)} are renamed in a circle, so no tag's page is at "
                         "the end of it",
                         "keep the line of each tag no page has any more, with the tag the pages have now after its "
                         "colon, and delete the line of that tag")


_COMMENTED_CONTACT_RE = compile_later(r"(?m)^#\s*contact\s*:")


def commented_contact(config: Config, text: str) -> int | None:
    """The line of ``# contact:`` in site.yaml's ``text`` when the site gives no ``contact:`` and is built for a
    public address (`is_public_address`), else None.

    ``sitegen init`` writes the contact details commented out, for the publisher to fill in: left so, a site
    built to be published asks readers, on its accessibility page, to contact the publisher with no way to.
    A site.yaml that never had the lines is the publisher's choice, not told.
    """
    if config.contact is not None or not is_public_address(config.base_url):
        return None
    found = _COMMENTED_CONTACT_RE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
"""Domains kept for examples (RFC 2606): ``sitegen init`` and the bundled site use them; no one answers there."""


def is_example_host(host: str) -> bool:
    """True for a host name (lower case, no port) of `EXAMPLE_DOMAINS` or under one (``www.example.org``)."""
    return host in EXAMPLE_DOMAINS or host.endswith(tuple("." + name for name in EXAMPLE_DOMAINS))


def is_public_address(url: str) -> bool:
    """Whether ``url`` (an absolute base URL) is an address readers outside this computer or network reach: not an
    example domain (`EXAMPLE_DOMAINS`), ``localhost``, a ``.local`` name or an IP address that is not global. A
    site built for one is being published: what it shows must be the publisher's own (`example_contact`,
    `sitegen.checks.check_content`)."""
    return _is_public_host((urlsplit(url).hostname or "").lower())


def _is_public_host(host: str) -> bool:
    """False for a host no reader outside this computer or network reaches: an example domain, ``localhost``,
    a ``.local`` name, an IP address that is not global (127.0.0.1, 192.168.x.x, ::1)."""
    import ipaddress  # only for a site built for a real address

    if is_example_host(host) or host == "localhost" or host.endswith((".localhost", ".local")):
        return False
    try:
        return ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return True


_PLACEHOLDER_PHONE_RE = compile_later(r"0{7,}$|^02112345678$")
"""The digits of a phone number whose own part (after the area code) is all zeros (``021-0000 0000``), or of the
example ``sitegen init`` wrote before it wrote that one (``021-1234 5678``): sites begun then still hold it.
Full-width digits (０２１) are read as digits first."""


def example_contact(config: Config) -> list[tuple[tuple[str, ...], str, str]]:
    """The example contact details of a site built for a real, public address: what readers would be sent to
    but never reach. Returns ``(setting keys, message, hint)`` for each: ``contact:`` ``email``/``url`` at an
    example domain (`EXAMPLE_DOMAINS`), a ``phone`` whose number is all zeros (``021-0000 0000``), a
    ``publisher`` that says it is an example (示例), as the bundled site and ``sitegen init`` have them.
    Empty for a site built for an example or a local address (`_is_public_host`): there they are expected.
    """
    if not is_public_address(config.base_url):
        return []
    found: list[tuple[tuple[str, ...], str, str]] = []
    contact = config.contact
    where = f"the site is built for {config.base_url}"
    if contact is not None and "@" in contact.email and is_example_host(contact.email.rsplit("@", 1)[1].lower()):
        found.append((("contact", "email"), f'contact: email: {contact.email} is an example address, and {where}: '
                      "readers who write to it reach no one", "write the publisher's own e-mail address (电子邮箱), "
                      "or delete the email: line"))
    if contact is not None and contact.url and is_example_host((urlsplit(contact.url).hostname or "").lower()):
        found.append((("contact", "url"), f"contact: url: {contact.url} is an example address, and {where}: "
                      "readers sent there find nothing", "write the address of the publisher's own contact page, "
                      "or delete the url: line"))
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", contact.phone)) if contact is not None else ""
    if contact is not None and contact.phone and _PLACEHOLDER_PHONE_RE.search(digits):
        found.append((("contact", "phone"), f"contact: phone: {contact.phone} is an example number, and {where}: "
                      "readers who call it reach no one", "write the publisher's own telephone number (联系电话), "
                      "or delete the phone: line"))
    if "示例" in config.publisher:
        found.append((("publisher",), f"publisher: {config.publisher} says it is an example (示例), and {where}: "
                      "every page's footer and the open data name it", "write the name of the office that "
                      "publishes the site"))
    return found


def setting_place(root: Path, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """Where the setting ``keys`` (``("permalinks", "units")``) is typed in ``root``'s site.yaml, for a warning
    about it: the line and column of its key, else of the nearest key above it that is typed, else (None, None)
    (the setting is its default, or the file no longer reads). Reads the file again: called only for a warning.
    Raises nothing.
    """
    quiet = Report()
    source = read_source(root, CONFIG_FILE, quiet)
    data = load_yaml(source.text, CONFIG_FILE, quiet) if source else None
    for end in range(len(keys), 0, -1):
        if data is not None and keys[:end] in data.key_positions:
            return data.key_positions[keys[:end]]
    return None, None
