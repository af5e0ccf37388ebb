"""Slugs: readable ASCII URL parts made from Chinese titles.

Chinese is transliterated to toneless pinyin, one syllable per character,
joined by "-" (白鹤镇 → ``bai-he-zhen``), as pypinyin reads it; Latin
letters and digits are kept, lower-cased. The same rule serves pages, tag
terms and units, so a link and the file it points to always agree, and file
names stay valid on every system (Windows included).

May import: lazyre, cachefile (and the standard library, pypinyin / python-slugify).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .cachefile import replace_file
from .lazyre import compile_later

SLUG_RE = compile_later(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80

WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$",
                                  *(f"{port}{number}" for port in ("com", "lpt") for number in "0123456789¹²³")})
"""Names Windows keeps for devices (Windows 保留名), in lower case: no file or folder can have one, in any case,
with or without an ending (``NUL.txt``). Microsoft's "Naming Files, Paths, and Namespaces" lists CON, PRN, AUX,
NUL, COM1–9 and LPT1–9 (COM¹²³ and LPT¹²³ too, read as digits); COM0 and LPT0 are refused by some versions, and
CONIN$ and CONOUT$ by Windows 11, as Python's ``ntpath.isreserved`` has them."""


def device_name(name: str) -> str | None:
    """The device name (`WINDOWS_DEVICE_NAMES`) that the file or folder name ``name`` is to Windows, in
    capitals (``CON``), or None for a name Windows can hold.

    Windows reads a name's part before its first "." with the spaces at its end set aside, in any case:
    ``con``, ``Con.pdf``, ``nul.tar.gz`` and ``aux .txt`` are all devices; ``con-1``, ``icon`` and ``com10``
    are not. Takes one name, not a path. Raises nothing.
    """
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    return stem.upper() if stem in WINDOWS_DEVICE_NAMES else None


def device_trouble(device: str, what: str) -> str:
    """Why a name Windows keeps for a device cannot be published, for messages: ``device`` is the name as
    `device_name` gives it (``CON``) and ``what`` the thing of that name (``a folder of that name``). Returns
    the words after "is" or a comma: "a name Windows keeps for a device (CON: Windows 保留名), so Windows cannot
    hold a folder of that name, and the site could not be copied or published there". One wording serves slugs,
    aliases, permalink folders and content files alike. Raises nothing."""
    return (f"a name Windows keeps for a device ({device}: Windows 保留名), so Windows cannot hold {what}, and the "
            "site could not be copied or published there")


def windows_safe(slug: str, taken: Iterable[str] = ()) -> str:
    """``slug``, or when Windows keeps it for a device (`device_name`: ``con``, ``nul``, ``com1``) the slug
    with ``-1`` added (``con-1``), ``-2`` when ``-1`` is in ``taken`` and so on: the first such slug not taken.

    A slug becomes a folder of the output, which Windows could neither create nor copy; the number keeps
    the slug readable and apart from the device (``con-1`` is none). Deterministic: the same slug and
    ``taken`` give the same result. Raises nothing.
    """
    if device_name(slug) is None:
        return slug
    used = set(taken)
    return next(f"{slug}-{number}" for number in range(1, len(used) + 2) if f"{slug}-{number}" not in used)


@lru_cache(maxsize=4096)
def make_slug(text: str) -> str:
    """Return the ASCII slug of ``text`` (may be "" when nothing readable is left).

    Takes any text. Han characters become pinyin syllables without tones
    (pypinyin's reading, phrases included: 重庆 → ``chong-qing``); everything
    else goes through python-slugify (accents dropped, punctuation to "-").
    The result matches ``SLUG_RE`` and is at most 80 characters, cut at a
    "-" boundary. A slug Windows keeps for a device (``CON``, ``nul``,
    ``COM1`` → ``con``, ``nul``, ``com1``: Windows 保留名) gets ``-1`` added
    (`windows_safe`: ``con-1``), as it becomes a folder of the output,
    which Windows cannot hold; a site that also has a text giving ``con-1``
    gets the second one ``con-1-2`` from the caller, as for any two texts
    of one slug (`sitegen.site`). Raises nothing.

    Pure, so the last 4,096 results are remembered: a tag used on thousands
    of pages is transliterated once (pypinyin is the costly part).
    """
    from slugify import slugify  # only here: 3 ms to import, and a rebuild finds its slugs in its SlugBook

    syllables = [text] if text.isascii() else lazy_pinyin(text, errors="default")
    slug = slugify(" ".join(syllables), lowercase=True, separator="-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return windows_safe(slug)


def lazy_pinyin(text: str, **options: Any) -> list[str]:
    """pypinyin's ``lazy_pinyin`` in ``Style.NORMAL`` (no tones), imported on first use.

    Loading pypinyin's phrase dictionary takes about 0.2 s, more than a
    rebuild that finds its slugs in a `SlugBook` needs in all.
    """
    from pypinyin import Style
    from pypinyin import lazy_pinyin as convert
    return convert(text, style=Style.NORMAL, **options)


class SlugBook:
    """`make_slug` with a memory kept between builds, in a JSON file of ``{text: slug}``.

    Takes the file (None: keep nothing) and a key naming the code that made
    the slugs (sitegen's and pypinyin's versions): a file written under
    another key is ignored. Calling the book returns ``make_slug(text)``;
    `save` writes the texts asked for (or given to `keep`) in this build
    (atomically; an unwritable file is ignored).
    """

    def __init__(self, path: Path | None, key: str) -> None:
        self._path, self._key = path, key
        self._known: dict[str, str] = {}
        self._used: dict[str, str] = {}
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("key") == key and isinstance(data.get("slugs"), dict):
                    self._known = {str(k): str(v) for k, v in data["slugs"].items()}
            except (OSError, ValueError, AttributeError):
                pass
        self._stored = dict(self._known)

    @property
    def stored(self) -> dict[str, str]:
        """The slugs read from the file, ``{text: slug}`` (a copy)."""
        return dict(self._stored)

    def learn(self, slugs: dict[str, str]) -> None:
        """Take slugs made elsewhere by `make_slug` (e.g. while loading), as if read from the file."""
        self._known.update(slugs)

    def keep(self, slugs: dict[str, str]) -> None:
        """Take slugs made elsewhere and keep them for the next build, though this build may not ask for them.

        For the readings of unit names (`sitegen.load.Content.readings`),
        which the checks compare and no page asks the book for: kept, a
        rebuild with the same names finds them here and starts no pypinyin
        (a build stopped by an error too, if it saves with ``partial``).
        """
        self._known.update(slugs)
        self._used.update(slugs)

    def __call__(self, text: str) -> str:
        slug = self._known.get(text)
        if slug is None:
            slug = make_slug(text)
        self._used[text] = slug
        return slug

    def save(self, *, partial: bool = False) -> None:
        """Write the slugs used in this build, when they differ from what the file holds.

        ``partial`` True: the build has not asked for all its slugs yet (it
        may stop at an error before), so the file's slugs are kept beside
        the new ones; the last save of a build that went through drops the
        slugs it did not use.
        """
        slugs = {**self._stored, **self._used} if partial else self._used
        if self._path is None or slugs == self._stored:
            return
        if replace_file(self._path, json.dumps({"key": self._key, "slugs": slugs}, ensure_ascii=False,
                                               sort_keys=True)):
            self._stored = dict(slugs)


def is_slug(text: str) -> bool:
    """True when ``text`` is already a slug: a-z, 0-9 and single "-" between them."""
    return bool(SLUG_RE.fullmatch(text)) and len(text) <= MAX_SLUG_LENGTH


def heard_reading(slug: str) -> str:
    """``slug`` (a name's `make_slug`) as the reading two names are compared by (同音: 华新镇 and 華新鎮 both read
    ``hua-xin-zhen``), or "" when it is not to be compared.

    "" for a slug that may have been cut: a slug is cut at the last "-" before its 80th character
    (`MAX_SLUG_LENGTH`), so one that long may end short of the name (上海市…第一居民委员会 and
    …第二居民委员会 would read alike); a pinyin syllable has at most 6 letters. The one rule of
    `sitegen.load.Content.sound_of` (``sitegen check``'s homophone warning) and ``sitegen new``. Raises nothing.
    """
    return slug if len(slug) < MAX_SLUG_LENGTH - 7 else ""


def make_slugs(texts: list[str]) -> dict[str, str]:
    """``{text: make_slug(text)}`` for many texts at once (e.g. in a process of their own, see `sitegen.load`)."""
    return {text: make_slug(text) for text in texts}


_NAME_ENDINGS = ("街道", "社区", "园区", "镇", "乡", "村", "区")
"""Words a unit's name ends with that an id often leaves out (重固镇 → ``chonggu``)."""


def spells(record_id: str, name: str) -> bool:
    """True when ``record_id`` is a pinyin spelling of ``name``: one syllable per character, in any of its
    readings (多音字: 重固镇 → ``chong-gu-zhen`` as well as ``zhong-gu-zhen``), with or without "-" between
    them, and with or without a word the name ends with (`_NAME_ENDINGS`: 重固镇 → ``chonggu``).

    Takes an id and a name (a name with no Han character spells nothing). Raises nothing. Loads pypinyin:
    for the few ids that name no record, not for every build.
    """
    return spelling(record_id, name) is not None


def spelling(record_id: str, name: str) -> tuple[str, tuple[str, ...]] | None:
    """How ``record_id`` spells ``name`` (see `spells`): the part of the name it spells (the name, or the
    name without its ending) and the reading it takes for each character, or None when it spells neither.

    Takes an id (``chonggu``) and a name (``重固镇``); returns e.g. ``("重固", ("chong", "gu"))``. Raises nothing.
    """
    if not re.search(r"[\u3400-\u9fff]", name):
        return None
    typed = record_id.replace("-", "")
    stems = [name] + [name[:-len(end)] for end in _NAME_ENDINGS if name.endswith(end) and len(name) > len(end) + 1]
    for stem in stems:
        read = _spelt_by(typed, stem)
        if read is not None:
            return stem, read
    return None


def _spelt_by(typed: str, name: str) -> tuple[str, ...] | None:
    """The readings of the characters of ``name``, one each, that make ``typed`` (no "-") one after another;
    None when no readings do."""
    from pypinyin import Style, pinyin

    reached: dict[int, tuple[str, ...]] = {0: ()}  # how far into ``typed``, by the readings taken to get there
    for readings in pinyin(name, style=Style.NORMAL, heteronym=True, errors=lambda text: [text.lower()]):
        choices = dict.fromkeys(reading.replace("-", "").replace(" ", "").lower() for reading in readings)
        reached = {at + len(choice): taken + (choice,) for at, taken in reached.items() for choice in choices
                   if typed.startswith(choice, at)}
        if not reached:
            return None
    return reached.get(len(typed))


def heteronyms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The characters of ``text`` that pypinyin reads more than one way without tones (多音字), each once, in the
    order of the text, with those readings in pypinyin's order (the most common first): 重固镇 →
    ``[("重", ("zhong", "chong"))]``; [] when there is none (华新镇, 白鹤镇).

    Takes any text. pypinyin's own data, read in context: a phrase it knows gives its one reading (重庆: chong
    only), and tones are set aside (好, hǎo or hào, is hao either way: a slug cannot tell them apart). A reading
    that no word of pypinyin's phrase list gives the character is left out (`_readings_in_words`): 白 is read bo
    only in old texts, 朱 shu in none, so 白鹤镇 and 朱家角镇's 朱 are named no more than 华新镇, while 巷 keeps
    hang (巷道) and 重 chong (重新). The particles 的, 了 and 着, read de, le and zhe standing alone (`_PARTICLES`),
    are not named: every title holds them, and no title reads them otherwise. Raises nothing. Loads pypinyin.
    """
    from pypinyin import Style, pinyin

    readings = pinyin(text, style=Style.NORMAL, heteronym=True, errors=lambda other: list(other))
    if len(readings) != len(text):  # one list a character, as pypinyin gives them; else each character alone
        readings = [pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda other: [other])[0]
                    for char in text]
    found: dict[str, tuple[str, ...]] = {}
    for char, read in zip(text, readings):
        choices = tuple(dict.fromkeys(read))
        if len(choices) > 1 and char not in found:
            found[char] = choices
    for char, particle in _PARTICLES.items():
        if found.get(char, ("",))[0] == particle:
            del found[char]  # 家门口的日间照料中心: de, as every 的 standing alone is read
    in_words = _readings_in_words(frozenset(found)) if found else {}
    kept = {char: tuple(choice for choice in choices if choice in in_words[char]) if in_words.get(char) else choices
            for char, choices in found.items()}
    return [(char, choices) for char, choices in kept.items() if len(choices) > 1]


_PARTICLES = {"的": "de", "了": "le", "着": "zhe"}
"""Particles (助词) read one way wherever they stand alone: their other readings (的确 dí, 了解 liǎo, 着急 zháo)
come only in words, which pypinyin reads in context as one reading (`heteronyms` names none of them)."""


@lru_cache(maxsize=64)
def _readings_in_words(chars: frozenset[str]) -> dict[str, frozenset[str]]:
    """The readings, without tones, that the words of pypinyin's phrase list give each of ``chars`` (single
    characters), by character; one that no word holds is left out (its readings are then all taken as they
    are). One pass over the list (47,000 words, about 0.06 s). Loads pypinyin's phrase list."""
    from pypinyin import Style
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.style import convert

    found: dict[str, set[str]] = {}
    for phrase, readings in phrases_dict.items():
        if chars.isdisjoint(phrase):
            continue
        for typed, read in zip(phrase, readings):
            if typed in chars:
                found.setdefault(typed, set()).update(convert(reading, Style.NORMAL, True) for reading in read)
    return {char: frozenset(read) for char, read in found.items()}


def reading_check(text: str) -> str | None:
    """What to check of an id or slug made from ``text`` as its pinyin: ``check the 多音字 重 (zhong, chong, tong):
    if it reads otherwise here`` for 重固镇, the characters of more than one reading (`heteronyms`) each with its
    readings (``if one reads otherwise`` for several); None when no character has more than one (华新镇).

    pypinyin reads a 多音字 as it is most often read, which a place name may not follow (重固 is chóng gù), and
    an id or slug goes into a published address. `sitegen new` and the check of a unit file named in Chinese
    end the phrase with what to do. Raises nothing. Loads pypinyin.
    """
    listed = [f"{char} ({', '.join(readings)})" for char, readings in heteronyms(text)]
    if not listed:
        return None
    return f"check the 多音字 {', '.join(listed)}: if {'it' if len(listed) == 1 else 'one'} reads otherwise here"


def id_syllables(record_id: str, reading: tuple[str, ...]) -> tuple[str, ...]:
    """The syllables of a name as its record's id spells them, else ``reading`` (pypinyin's, one per character).

    Editors name a unit's file by the pinyin they say, and pypinyin reads a
    多音字 out of context: 长林街道 is zhang lin jie dao to it, chang lin in
    ``changlin.yaml``, and 重固镇 chong gu in ``chonggu.yaml``. Takes the id
    and the reading; splits the id's letters (without "-") into one
    syllable per character of the reading, each the reading's or one of at
    most 6 other letters, at most half of them other; the syllables after
    the id's end (an ending it leaves out: 街道, 镇) are the reading's. An id
    that cannot be split so (``town-9``, ``towna``) gives ``reading``. No
    pypinyin is loaded (`spelling` does the same with every reading pypinyin
    knows, at the cost of loading it: for the few ids that name no record,
    not for ordering every unit of every build). Raises nothing.
    """
    typed = record_id.replace("-", "").lower()
    if not (typed.isascii() and typed.isalpha()):
        return reading

    @lru_cache(maxsize=None)  # each (place, syllable, count) once: a long name stays quick
    def align(at: int, index: int, otherwise: int) -> tuple[str, ...] | None:
        if otherwise * 2 > len(reading):
            return None
        if at == len(typed):  # the id ends here: the rest is an ending it leaves out
            return reading[index:] if index and otherwise * 2 <= index else None
        if index == len(reading):
            return None
        if typed.startswith(reading[index], at):
            found = align(at + len(reading[index]), index + 1, otherwise)
            if found is not None:
                return (reading[index],) + found
        for end in range(at + 1, min(len(typed), at + 6) + 1):  # a pinyin syllable has at most 6 letters
            found = align(end, index + 1, otherwise + 1)
            if found is not None:
                return (typed[at:end],) + found
        return None

    return align(0, 0, 0) or reading


def readings_of(records: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """The readings a site's ids give its names where pypinyin reads them otherwise: ``{name: syllables}``.

    Takes ``(id, name)`` pairs of records (units). Editors name a unit's file
    with the pinyin they say: ``chonggu.yaml`` for 重固镇 tells that 重 reads
    chóng there (多音字), where pypinyin's reading, out of context, is zhòng.
    Only names whose id differs from pypinyin's reading are returned, by the
    part of the name the id spells (``{"重固": ("chong", "gu")}``). Raises nothing.
    """
    learned: dict[str, tuple[str, ...]] = {}
    for record_id, name in records:
        found = spelling(record_id, name)
        if found is None:
            continue
        spelt, read = found
        # An id that spells the ending too (chongguzhen) reads the name without it alike: 重固老街 names no 镇.
        parts = [(spelt, read)] + [(spelt[:-len(end)], read[:-len(end)]) for end in _NAME_ENDINGS
                                   if spelt.endswith(end) and len(spelt) > len(end) + 1]
        for part, syllables in parts:
            if list(syllables) != lazy_pinyin(part):
                learned[part] = syllables
    return learned


def slug_reading(text: str, readings: Mapping[str, tuple[str, ...]]) -> str:
    """`make_slug` of ``text``, with the names in ``readings`` (`readings_of`) read as given there.

    Takes a text and ``{name: syllables}``; returns its slug (重固老街路灯修复
    with ``{"重固": ("chong", "gu")}`` → ``chong-gu-lao-jie-lu-deng-xiu-fu``,
    not ``zhong-gu-…``). Raises nothing.
    """
    names = sorted((name for name in readings if name in text), key=len, reverse=True)
    if not names:
        return make_slug(text)
    # Each name becomes its syllables in ASCII, which pypinyin passes through as they are.
    read = re.sub("|".join(map(re.escape, names)), lambda found: f" {' '.join(readings[found.group()])} ", text)
    return make_slug(read)
