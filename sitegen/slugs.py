"""Slugs: readable ASCII URL parts made from Chinese titles.

Chinese is transliterated to toneless pinyin, one syllable per character,
joined by "-" (白鹤镇 → ``bai-he-zhen``), as pypinyin reads it; Latin
letters and digits are kept, lower-cased. The same rule serves pages, tag
terms and units, so a link and the file it points to always agree, and file
names stay valid on every system (Windows included).

May import: the standard library and pypinyin / python-slugify.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from slugify import slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80


@lru_cache(maxsize=4096)
def make_slug(text: str) -> str:
    """Return the ASCII slug of ``text`` (may be "" when nothing readable is left).

    Takes any text. Han characters become pinyin syllables without tones
    (pypinyin's reading, phrases included: 重庆 → ``chong-qing``); everything
    else goes through python-slugify (accents dropped, punctuation to "-").
    The result matches ``SLUG_RE`` and is at most 80 characters, cut at a
    "-" boundary. Raises nothing.

    Pure, so the last 4,096 results are remembered: a tag used on thousands
    of pages is transliterated once (pypinyin is the costly part).
    """
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    slug = slugify(" ".join(syllables), lowercase=True, separator="-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def is_slug(text: str) -> bool:
    """True when ``text`` is already a slug: a-z, 0-9 and single "-" between them."""
    return bool(SLUG_RE.match(text)) and len(text) <= MAX_SLUG_LENGTH
