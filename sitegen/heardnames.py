"""Where a text may type a unit's name with other characters of the same sound (同音字): the spans to read.

An editor who types with a pinyin input method picks characters by their
sound, so a town's name can come out as another name that reads the same:
the seed article spells 白鹤镇 as 白河镇 and 百合镇. Such a slip has the
shape of a unit's name: a few Han characters before a word of level (镇,
街道, 村 …). `shaped_spans` finds every span of a text with that shape,
whatever the units; loading keeps each page's spans (`name_spans`) with the
page in the page cache and reads each span once (its pinyin, kept in the
build cache with the units' names), and `sitegen.checkheard` compares the
readings with the units' names.

May import: lazyre, models (and the standard library).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .lazyre import compile_later
from .models import UNIT_LEVEL_WORDS, Unit, level_word_forms, plain_name, simplified_level_word

STEM_LENGTHS = (2, 3)
"""How many Han characters before its word of level a name is looked for with: 白鹤镇 and 朱家角镇. One
character reads like hundreds of others (新镇, 心镇, 信镇); names of four or more (before 镇) are few, and each
length looked for adds as many spans to read as the first."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN_RE = compile_later(f"[{_HAN}]+")
_FORMS = sorted({form for word in UNIT_LEVEL_WORDS for form in level_word_forms(word)},
                key=lambda form: (-len(form), form))
_LEVEL_WORD_RE = compile_later("|".join(_FORMS))
_SHORTER_WORDS = {form: tuple(other for other in _FORMS if other != form and form.startswith(other))
                  for form in _FORMS}
"""Each word of level, as typed, with the words of level it starts with (镇政府: 镇; 街道办事处: 街道办,
街道): 白鹤镇政府 holds the name 白鹤镇 too."""


def shaped_spans(text: str) -> Iterator[tuple[int, str]]:
    """Each span of ``text`` shaped like a unit's name: ``(its index in text, the span)``, in order of its word.

    A span is `STEM_LENGTHS` Han characters just before a word of level
    (`sitegen.models.UNIT_LEVEL_WORDS`, simplified or traditional: 镇, 鎮),
    with that word: in 在白河镇政府, 在白河镇, 白河镇, 在白河镇政府 and
    白河镇政府. Nothing is compared here. Raises nothing.
    """
    for match in _LEVEL_WORD_RE.finditer(text):
        at = match.start()
        for word in (match.group(), *_SHORTER_WORDS[match.group()]):
            for length in STEM_LENGTHS:
                if at >= length and _HAN_RUN_RE.fullmatch(text, at - length, at):
                    yield at - length, text[at - length:at + len(word)]


def name_spans(*texts: str) -> frozenset[str]:
    """Every span of ``texts`` shaped like a unit's name (`shaped_spans`), once each. Raises nothing."""
    return frozenset(span for text in texts for _, span in shaped_spans(text))


def kept_spans(spans: Iterable[str], shared: dict[str, str]) -> tuple[str, ...]:
    """``spans`` as a page keeps them (`sitegen.load.Document.name_spans`): sorted, each the one string of its text
    in ``shared`` (added there when new), so the pages of a site share each span's string.

    A frozenset of new strings held 5.3 KB a page (37 spans a page in the benchmark's interviews, 863 different
    ones in 500 pages): 53 MB at 10,000 pages, the whole build long. A tuple of shared strings holds a tenth.
    Raises nothing."""
    return tuple(sorted(shared.setdefault(span, span) for span in spans))


def given_names(units: Iterable[Unit]) -> set[str]:
    """Every text ``units`` give as a name or list as a known spelling: names, aliases, misspellings and
    not-misspellings, as readers tell names apart (`sitegen.models.plain_name`: 白鹤镇 is the name typed
    ``白鹤镇　``). A span among them is not heard as a slip. Raises nothing."""
    return {plain_name(text) for unit in units
            for text in (unit.name, *unit.aliases, *unit.misspellings, *unit.not_misspellings)}


def name_shape(name: str) -> str:
    """The word of level that ends ``name`` (simplified: 白鶴鎮 → 镇) when the name has the shape
    `shaped_spans` finds (a stem of `STEM_LENGTHS` Han characters before it), else "". Raises nothing."""
    typed = name.strip()
    word = next((form for form in _FORMS if typed.endswith(form)), "")
    stem = typed[:len(typed) - len(word)]
    if not word or len(stem) not in STEM_LENGTHS or not _HAN_RUN_RE.fullmatch(stem):
        return ""
    return simplified_level_word(word)
