"""Typed records of a progress-report site.

The content model: a *series* (a column such as 大调研微访谈) publishes
*interviews*; a *unit* (a town, subdistrict or committee) holds dated
*tallies* of the survey, coverage *targets* and *milestones*; *case studies*
tell how one problem was handled. Records are pydantic models, frozen, with
unknown keys forbidden, so a misspelt field is an error and never silently
ignored.

Values arrive as the text the editor typed (see `sitegen.yamltext`): the
field types below turn that text into numbers, dates and booleans by rules
written here, not by YAML 1.1's guesses. Each converter raises a
`PydanticCustomError` whose message is shown to the editor as it is; the
error's context carries a ``hint`` (how to fix it), which
`sitegen.validation` prints on the hint line.

May import: lazyre, errors, slugs, webaddress (and pydantic, the standard library).
"""

from __future__ import annotations

import calendar
import functools
import posixpath
import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from urllib.parse import quote, unquote
from typing import Annotated, Any, ClassVar, Iterable, Iterator, Mapping, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from .errors import LOST_CHARACTERS_HINT, WIDE_SPACES, lost_characters_message, paste_hint, space_name
from .lazyre import compile_later
from .slugs import device_name, device_trouble, windows_safe
from .webaddress import HALF_WIDTH_ADDRESS, address_slip, split_address

_SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Date spellings editors use: 2018-04-26, 2018-4-26, 2018/4/26, 2018.4.26, 2018年4月26日.
_DATE_RE = compile_later(
    r"^\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)\s*$"
)
_TIME_RE = compile_later(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_OFFERED_DATE_RE = compile_later(r"(?<![\dA-Z-])(?:\d{4}|YYYY)-(?:\d{2}|MM)-(?:\d{2}|DD)(?![\dA-Z-])")
"""A date a hint offers (2018-04-26, or YYYY-04-26 with a part to fill in): a publish time's hint offers it with
the time typed."""
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# Full-width digits and separators typed with a Chinese input method (２０１８－０４－２６, 10：00).
_FULLWIDTH_DATE = str.maketrans("０１２３４５６７８９－／．：\u3000", "0123456789-/.: ")
_SLUG_JUNK = compile_later(r"[^a-z0-9]+")
_DATE_LOOKALIKES = str.maketrans("OoＯｏ〇IlＩｌ", "000001111")
"""Signs typed for digits they look like in a date: the letter O (full-width Ｏ too) and the Chinese 〇 for 0, the
letters l and I for 1."""
_LOOKALIKE_IN_NUMBER = compile_later(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:(?<=\d)[OoＯｏ〇IlＩｌ]+|[OoＯｏ〇IlＩｌ]+(?=\d)"
    r"|(?<=[-/.年月])[OoＯｏ〇IlＩｌ]+(?=[-/.月日号]|$))(?![A-Za-zＡ-Ｚａ-ｚ])")
"""Signs of `_DATE_LOOKALIKES` touching a digit and no other letter (2018-05-1O, 2018-05-l0, 2018年5月1〇日), or
standing for a whole number of a date (2018-l-10): typed for digits, not words beside the date (Oct or 左右 are
words)."""

DATE_HINT = "write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and YYYY年M月D日 are read too"
"""The hint for a date sitegen cannot read. It shows the form, never an example date: typed as shown, an example
was published as the date of the record."""
SLUG_HINT = 'use lower-case letters a-z, digits and "-" only'


class DataText(str):
    """A text of a ``data/`` file, with where it was typed: ``path`` (from the site folder, with "/"),
    ``line`` and ``column`` (1-based, columns in characters).

    Templates use it as the `str` it is. A filter that cannot read it (a
    date, `sitegen.render.format_cn_date`) names this place, so the error
    points at the value in the data file, not at the template line that
    showed it: ``sitegen check`` renders no template, so a bad date in a
    data file is found only there.
    """

    path: str
    line: int
    column: int

    def __new__(cls, text: str, path: str, line: int, column: int) -> "DataText":
        made = super().__new__(cls, text)
        made.path, made.line, made.column = path, line, column
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return DataText, (str(self), self.path, self.line, self.column)


DATA_YES_NO = {word: word.lower() in ("true", "yes", "on")
               for word in ("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
                            "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF")}
"""The words a ``data/`` file may type a yes/no with, unquoted, each with the yes/no it spells: those YAML reads as
one (YAML 1.1's booleans as PyYAML resolves them, which include YAML 1.2's true/false; not y/n, nor 是/否,
which are more often text)."""


class DataFlag(DataText):
    """A yes/no of a ``data/`` file: a word of `DATA_YES_NO` typed without quotes (``show_on_home: false``).

    It stays the text typed, as every value of a data file does: a template
    shows ``false`` or ``no`` as typed, and a key or list item ``no`` is the
    text ``no`` (case 01 of the editor-mistake cases). Tested
    (``{% if site.data.survey.show_on_home %}``, ``not``, ``or``), it is the
    yes/no it spells: a text would always be true, so ``false`` would show
    what it turns off. Typed in quotes (``"no"``), the word is a plain text.
    """

    yes: bool

    def __new__(cls, text: str, path: str, line: int, column: int) -> "DataFlag":
        made = super().__new__(cls, text, path, line, column)
        made.yes = DATA_YES_NO[text]
        return made

    def __bool__(self) -> bool:
        return self.yes

    def __reduce__(self) -> tuple[Any, ...]:
        return DataFlag, (str(self), self.path, self.line, self.column)


class DataMap(dict):  # type: ignore[type-arg]
    """A mapping of a ``data/`` file (its keys and values as typed), with where it was typed: ``path`` (from
    the site folder, with "/"), ``line`` and ``column`` of the mapping (1-based, columns in characters), and
    ``places``: each key's value → where that value was typed, an empty one (None) included.

    Templates use it as the `dict` it is. When a template reads a key that
    one item of a list lacks (``date`` typed ``data``), or shows an empty
    value as a date, the error names this place in the data file
    (`sitegen.render`), not the template line that read it. ``item_keys``
    holds the keys the items of its list have, itself among them (its own
    keys when it is in no list): a key another item has and this one
    lacks is one a template may test (``{% if item.page %}``) as absent.
    """

    path: str
    line: int
    column: int
    places: dict[str, tuple[int, int]]
    item_keys: frozenset[str]

    def __init__(self, items: Mapping[str, Any], path: str, line: int, column: int,
                 places: Mapping[str, tuple[int, int]], item_keys: Iterable[str] = ()) -> None:
        super().__init__(items)
        self.path, self.line, self.column, self.places = path, line, column, dict(places)
        self.item_keys = frozenset(item_keys) | frozenset(key for key in self if isinstance(key, str))

    def __reduce__(self) -> tuple[Any, ...]:
        return DataMap, (dict(self), self.path, self.line, self.column, self.places, self.item_keys)


def values_in(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value in a value read from YAML (dicts, lists, texts, None), itself first, with its path of keys and
    list indexes from ``path`` on (as `sitegen.yamltext.YamlData.positions` has them), in the order typed."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from values_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from values_in(item, (*path, index))


def texts_in(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in a value read from YAML, with its path (`values_in`), in the order typed."""
    return ((where, item) for where, item in values_in(value, path) if isinstance(item, str))


STAND_INS = frozenset({
    "待定", "未定", "待补", "待补充", "待填", "待填写", "待确认", "待核实", "暂无", "暂缺", "无", "没有", "空", "略", "不详",
    "未知", "某某", "某", "xxx", "×××", "tbd", "todo", "n/a", "na", "none", "null", "nil",
})
"""Words an editor types for a value not known yet (待定, 暂无, 某某, TBD; read in lower case): the whole value,
never a word inside one. Typed as a unit or series, one was offered a new record named by it; typed as a
title, a name or a tag, it was published."""
_STAND_IN_MARKS = "（）()【】[]「」『』\"'“”‘’<>《》 \t\u3000"


def is_stand_in(text: str) -> bool:
    """True when ``text`` as a whole is a word standing for a value not known yet (`STAND_INS`), brackets and
    quotes around it set aside (（待定）, "暂无"), or when it holds no letter or digit at all (——, /, ？):
    what a page would publish in place of a value."""
    bare = text.strip(_STAND_IN_MARKS)
    return (len(bare) <= _LONGEST_STAND_IN and bare.casefold() in STAND_INS) or _WORD_CHARACTER.search(text) is None


_LONGEST_STAND_IN = max(map(len, STAND_INS))
_WORD_CHARACTER = compile_later(r"[^\W_]")
"""A letter or digit of any script: a value without one is signs alone."""


DAY_CUT_SHORT = compile_later(r"(\d{4})([-/.])(0[1-9]|1[0-2])\2([1-9])((?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)")
"""A date whose month is typed with its leading zero and whose day is one digit (``2018-06-3``, also with a
time; groups: year, sign, month, day, time): read as the 3rd, though most likely typed only part of the way
(2018-06-30), as a date saved while it was typed (`sitegen.validation.typed_value_warnings` warns of it)."""


def parse_date(value: Any) -> date:
    """Turn an editor's date into a `datetime.date`.

    Takes a `date` (passed through) or text in one of the spellings
    ``2018-04-26``, ``2018-4-26``, ``2018/4/26``, ``2018.4.26`` or
    ``2018年4月26日`` (case 04 of the editor-mistake cases: all five are read
    alike, and shown in one house format). Returns the date.

    Full-width digits and separators typed with a Chinese input method
    (``２０１８－４－２６``) are read the same. Raises `PydanticCustomError`
    ``date_format`` for other text and ``date_value`` for impossible dates
    (``2018-4-31``; a month past 12, whose hint gives the date with day and
    month swapped when that one exists: ``2018-26-04`` → 2018-04-26) and for
    years before `EARLIEST_YEAR` (``0218-04-26``, a slip for 2018), with a
    hint naming the fix; ``date_range`` for a period typed where one day goes
    (``2018年5月1日至5月20日``: `date_range`, `range_refusal`).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_format", "expected a date such as 2018-04-26, got {kind}",
                                  {"kind": kind_of(value), "hint": DATE_HINT})
    numbers = date_numbers(value)
    if numbers is None and (period := date_range(value)) is not None:
        raise range_refusal(value, period)
    if numbers is None:
        raise PydanticCustomError("date_format", '"{text}" is not a date sitegen understands',
                                  {"text": value, "hint": _date_format_hint(value.translate(_FULLWIDTH_DATE).strip())})
    year, month, day = numbers
    if not 1 <= month <= 12:  # most often day and month swapped (26-04 for 04-26)
        swapped = f"{year:04d}-{day:02d}-{month:02d}"
        hint = (f"did you mean {swapped}? sitegen reads dates as year-month-day (年-月-日)"
                if 1 <= day <= 12 and year >= EARLIEST_YEAR and _exists(year, day, month)
                else "check the date against the source document")
        raise PydanticCustomError(
            "date_value", '"{text}" does not exist (there is no month {month}: months run from 1 to 12)',
            {"text": value, "month": month, "hint": hint})
    try:
        parsed = date(year, month, day)
    except ValueError:
        # "check the date against the source document" alone left the editor to count the month's days.
        raise PydanticCustomError(
            "date_value", '"{text}" does not exist (there is no day {day} in month {month} of {year})',
            {"text": value, "day": day, "month": month, "year": year,
             "hint": f"{_days_of_month(month, day, year)}: check the day against the source document and write "
                     f"{year:04d}-{month:02d}-DD, with that day in place of DD (年-月-日)"}) from None
    if year < EARLIEST_YEAR:
        # 0218 or 1028 for 2018 is a slip of the keyboard, and was published as "218年4月26日".
        meant = _year_meant(year)
        try:
            hint = f"did you mean {meant}? write {parsed.replace(year=meant).isoformat()}" if meant else ""
        except ValueError:  # 29 February moved to a year without it
            hint = ""
        raise PydanticCustomError(
            "date_value", '"{text}" is before {earliest}: the year {year} looks like a typing slip',
            {"text": value, "earliest": EARLIEST_YEAR, "year": f"{year:04d}",
             "hint": hint or "check the year against the source document"})
    return parsed


def date_numbers(text: str) -> tuple[int, int, int] | None:
    """The year, month and day typed in ``text`` when it is spelt as `parse_date` reads dates, or None.

    Whether that day exists is not asked: ``2018-04-62`` gives ``(2018, 4, 62)``,
    ``2018年2月30日`` gives ``(2018, 2, 30)``; full-width digits are read the same.
    """
    match = _DATE_RE.match(text.translate(_FULLWIDTH_DATE))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or match.group(4)), int(match.group(3) or match.group(5))


_SAID_AFTER_DATES = "为止|止"
"""Words typed after a date that say what 截至 before it says (2018年4月26日止, "up to 26 April 2018"): a date
field that says 截至 says them too (`date_with_words`)."""


DATE_WORDS = {"as_of": "截至", "measured_as_of": "实测日期", "deadline": "期限", "date": "日期"}
"""What a note (or a milestone's description) calls a date of a unit file's record, by its field, as the pages
and the dashboard say it beside the date (templates/partials/tally.html: 截至; unit.html: 期限; dashboard.html:
实测日期): words typed beside the date are kept with it and this word (`DateWords.phrase`)."""


class DateWords(NamedTuple):
    """A date typed with words before or after it (`date_with_words`).

    ``written`` is the date as a date field takes it (2018-04-26; 2018-05-03 10:00 with the time of a publish
    time); ``words`` the words typed beside it, as a hint names them ("" when the field says them already);
    ``said`` the words left out as the field says them already (截至 of a tally's as_of, which the page shows
    before the date), or "". ``before`` and ``after`` are the words on either side of ``typed``, the date as typed
    with each letter typed for a digit turned into that digit (2018-04-2O is 2018-04-20: `digits_for_lookalikes`);
    ``lookalikes`` says what those letters are not (``the "O" typed in it is not the digit 0``), "" for none.
    """

    written: str
    words: str
    said: str
    before: str = ""
    typed: str = ""
    after: str = ""
    lookalikes: str = ""

    def phrase(self, field: str) -> str:
        """The words a note is to keep for the date of ``field`` (a key of `DATE_WORDS`; 日期 for another): the
        field's word, the date and the words typed beside it (截至2018-04-20左右, 期限2018-12-31前后, 日期约2018-01-15,
        截至2018-04-26，原定4月25日), so that the note says which date they are about; the raw value added to it
        read "…正在办理。2018-04-2O 左右", with its letter O and no word of which date it was."""
        word, after = DATE_WORDS.get(field, "日期"), self.after
        if after[:1].isdigit():  # a time typed after the date (2018-01-15 9:30): apart from 2018-01-15 as typed
            after = (" " if self.typed[-1:].isdigit() else "") + after
        elif after and after[0] not in "（(【[" and not _DATE_QUALIFIERS.match(after):
            after = f"，{after}"  # words of their own are a clause of their own, as for a figure's
        if self.before and not _DATE_QUALIFIERS.fullmatch(self.before):  # 据通知2018-01-15: 据通知，日期2018-01-15
            return f"{self.before}，{word}{self.typed}{after}"
        return f"{word}{self.before}{self.typed}{after}"


_DATE_IN_TEXT = compile_later(
    r"(?<!\d)\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2}\s*(?:[日号]|(?!\d)))")
"""A date spelt as `parse_date` reads it, inside other text (约2018-04-26, 2018年4月26日左右; its 日 ends it, so a
time may follow at once: 2018年4月26日10:00)."""
_CLOCK_AFTER = compile_later(r"(?:\s*T\s*|\s+|(?<=[日号])\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)")
"""A time right after a date, as a publish time has it (2018-05-03 10:00, 2018年5月3日10:00)."""
_DATE_QUALIFIERS = compile_later(
    r"[（(【\[]?(?:大约|大概|约|左右|前后|上下|之前|以前|前|之后|以后|后|起|以来|许)+[）)】\]]?")
"""Words beside a date that say how near it is (左右, 约, 前后, （约）): alone in a note they say nothing, so the
note keeps the date with them."""
_TIME_OF_DAY = compile_later(r"上午|早上|早晨|中午|下午|晚上|傍晚|凌晨|\b[ap]\.?m\b", re.IGNORECASE)
"""Words of a publish time that name a part of the day: its time, told by the time's own hint, not a note."""


def date_with_words(text: str, clock: bool = False, said: str = "") -> DateWords | None:
    """The date in ``text`` when it is one date `parse_date` reads with words before or after it (约2018-04-26,
    2018年4月26日左右, 2018-01-15（约）; in Chinese numerals, 二〇一八年四月二十六日左右, read and kept in digits), else
    None (a date alone, two dates, a date with a time and no words, no date).

    With ``clock``, a time after the date is part of it (2018-05-03 10:00左右), and words naming a part of the
    day (上午) are the time's, not words (None). Without it, a time after the date is one of the words
    (2018-04-26 10:00 左右: the words are "10:00 左右", and the note keeps the value as typed). ``said`` is a
    pattern of words the field says already (截至 for a tally's as_of): left out of the words, and named in
    `DateWords.said`. Signs, digits and spaces alone
    (2018-01-15日, 2018-04-26 (2)) are no words: those are left to `parse_date`'s other hints.
    """
    # One character for one: places in it are places in text. 2018-05-1O 左右 is 2018-05-10 with words: read
    # without its O, "delete O" offered 2018-05-01, and the 1st was published for the 10th.
    plain = digits_for_lookalikes(text.translate(_FULLWIDTH_DATE))
    if not _DATE_IN_TEXT.search(plain) and _CHINESE_NUMBER.search(plain):  # 二〇一八年四月二十六日左右
        text = plain = _CHINESE_NUMBER.sub(_digits_of, plain)
    found = list(_DATE_IN_TEXT.finditer(plain))
    numbers = date_numbers(found[0].group()) if len(found) == 1 else None
    if numbers is None or numbers[0] < EARLIEST_YEAR or not _exists(*numbers):
        return None
    start, end = found[0].span()
    written = "{:04d}-{:02d}-{:02d}".format(*numbers)
    moment = _CLOCK_AFTER.match(plain, end) if clock else None
    if moment is not None and int(moment[1]) <= 23 and int(moment[2]) <= 59 and int(moment[3] or 0) <= 59:
        written += f" {int(moment[1]):02d}:{moment[2]}" + (f":{moment[3]}" if moment[3] else "")
        end = moment.end()
    rest = plain[:start] + " " + re.sub(r"^\s*[日号]", "", plain[end:])
    # In a field without a time, a time typed after the date goes with the words (2018-04-26 10:00 左右): kept
    # in the note with them, not dropped unsaid. A time with no other words is `parse_date`'s to tell.
    timed = None if clock else _CLOCK_AFTER.match(plain, end)
    if timed is not None:
        rest = plain[:start] + " " + plain[timed.end():]
    if (re.search(r"\d\s*:\s*\d", rest) or not re.search(r"[^\W\d_]", rest)
            or (clock and _TIME_OF_DAY.search(rest))):
        return None
    lead = rf"(?:{said})\s*$" if said else r"(?!)"
    # 截至 2018-04-26 and 2018-04-26 止 say one thing: a field that says the one says the other.
    closing = rf"^\s*[日号]?\s*(?:{_SAID_AFTER_DATES})(?=\s*$)" if said else r"(?!)"
    units = re.compile(r"\s+|^\s*[日号]" + (f"|{said}|{_SAID_AFTER_DATES}" if said else ""))
    qualifiers = _DATE_QUALIFIERS if timed is None else re.compile(  # 约 … 10:00 says how near, as 约 alone
        rf"(?:\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?|{_DATE_QUALIFIERS.pattern}))+")
    noted = _note_words(text, text[start:end], lead, rf"{closing}|^\s*[日号]", units, qualifiers)
    if noted is not None and timed is not None and not _LETTER_RE.search(noted.words):
        return None  # 截至2018-04-26 10:00: the time alone beside what the field says, told as a time
    told = (re.search(rf"(?:{said})\s*$", plain[:start]) or re.match(closing, plain[end:])) if said else None
    said_words = told[0].strip().lstrip("日号").strip() if told else ""  # 2018-04-26日止: 日 is the date's
    typed = text[start:end]
    lookalikes = _lookalikes_told(typed) if _LOOKALIKE_IN_NUMBER.search(typed) else ""
    if noted is None:
        return DateWords(written, "", said_words, lookalikes=lookalikes) if told else None
    return DateWords(written, noted.words, said_words, noted.figure.before, _digits_as_typed(typed),
                     noted.figure.after, lookalikes)


def _digits_as_typed(typed: str) -> str:
    """``typed``, a date, with each letter typed for a digit in it turned into that digit (`digits_for_lookalikes`),
    in full width (全角) when the date's other digits are all full width (２０１８－０４－２Ｏ → ２０１８－０４－２０), as
    the note that keeps it is to show it: the date as typed, but for the slip."""
    fixed = digits_for_lookalikes(typed)
    if re.search(r"[0-9]", typed) or not re.search(r"[０-９]", typed):
        return fixed
    return "".join(chr(ord(new) + 0xFEE0) if new != old else new for old, new in zip(typed, fixed))


def digits_for_lookalikes(text: str) -> str:
    """``text`` with each letter typed for a digit of a number in it (`_LOOKALIKE_IN_NUMBER`: 2018-05-1O) turned
    into that digit (2018-05-10), one character for one, so places in it are places in ``text``."""
    return _LOOKALIKE_IN_NUMBER.sub(lambda found: found[0].translate(_DATE_LOOKALIKES), text)


def _lookalikes_told(text: str) -> str:
    """What the letters typed for digits in ``text`` (`digits_for_lookalikes`) are not: ``the "O" typed in it is
    not the digit 0``; for several, ``the "O", "l" typed in it are not the digits 0, 1``."""
    signs = list(dict.fromkeys("".join(_LOOKALIKE_IN_NUMBER.findall(text))))
    digits = list(dict.fromkeys(sign.translate(_DATE_LOOKALIKES) for sign in signs))
    typed = ", ".join(f'"{sign}"' for sign in signs)
    if len(signs) == 1:
        return f"the {typed} typed in it is not the digit {digits[0]}"
    return f"the {typed} typed in it are not the {'digit' if len(digits) == 1 else 'digits'} {', '.join(digits)}"


def _lookalike_date_hint(text: str) -> str | None:
    """The hint for a date typed with a letter for a digit (2018-05-1O, 2018.5.l0, 2018年5月1〇日), or None for
    text without one (`digits_for_lookalikes`).

    The date read with the digits is offered as "did you mean" (2018-05-10), never one with the letter dropped:
    "delete O" offered 2018-05-01 for 2018-05-1O, and the 1st was published for the 10th. A date that does not
    exist read so (2018-02-3O) is told with `parse_date`'s hint for it; a date with words beside it (2018-05-1O
    左右) `date_words_hint`'s, which says what the letter is not after the date; other text (2O180426) gets the hint
    for the text read with the digits, and what the letter is not.
    """
    read = digits_for_lookalikes(text)
    if read == text:
        return None
    if (worded := date_with_words(text)) is not None and worded.words:  # 2018-05-1O 左右: the date with its words
        return date_words_hint(worded)
    told = _lookalikes_told(text)
    numbers = date_numbers(read)
    if numbers is not None and numbers[0] >= EARLIEST_YEAR and _exists(*numbers):
        return f"did you mean {'{:04d}-{:02d}-{:02d}'.format(*numbers)}? {told}: write the date in digits (阿拉伯数字)"
    if numbers is not None:  # 2018-02-3O: the day the digits spell is none, and that is said as for 2018-02-30
        message, hint = date_refusal(read)
        return f"{told}, and read with digits, {message}: {hint}"
    return f"{_date_format_hint(read)} ({told})"


def date_words_hint(worded: DateWords) -> str:
    """The hint for a date typed with words (`date_with_words`) where the record it is in is not known (a
    ``data/`` file's date): the date to write, and that the words are to be kept elsewhere, named so that
    nothing is lost unsaid. `sitegen.validation` knows a record's note, and words its own hint."""
    return (f'write the date alone: {worded.written}{date_letters(worded)}; "{worded.words}" beside it is no part '
            "of a date: to keep it, type it in a field of its own")


def date_letters(worded: DateWords) -> str:
    """What to say after the date a hint offers for ``worded`` of the letters typed in it for digits: `` (the "O"
    typed in it is not the digit 0)``, or "" when it has none. Offered 2018-04-20 for 2018-04-2O 左右 with nothing
    said of the O, the editor was not told why the date offered was not the date typed."""
    return f" ({worded.lookalikes})" if worded.lookalikes else ""


class DateRange(NamedTuple):
    """A period typed where one day goes (2018年5月1日至5月20日, 2018-05-01~2018-05-20, 5月1日—5月20日): `date_range`.

    ``first`` and ``last`` are its first and last day as ``(year, month, day)``, the year None when the range
    gives none (5月1日—5月20日); ``typed`` is the range as typed, the words around it (自 … 止) left out: what a
    note that keeps it is to show.
    """

    first: tuple[int | None, int, int]
    last: tuple[int | None, int, int]
    typed: str

    def written(self, end: str) -> str:
        """The day ``end`` ("first" or "last") as a date field takes it: ``2018-05-20``, or ``YYYY-05-20`` when
        the range gives no year (for the editor to fill in: `YEAR_TO_WRITE`)."""
        year, month, day = getattr(self, end)
        return f"{'YYYY' if year is None else f'{year:04d}'}-{month:02d}-{day:02d}"

    def shown(self, end: str) -> str:
        """The day ``end`` ("first" or "last") as a message names it: ``2018-05-20``, or ``5月20日`` when the range
        gives no year (a message that said YYYY-05-20 would read as a date typed so)."""
        year, month, day = getattr(self, end)
        return f"{month}月{day}日" if year is None else self.written(end)


_RANGE_RE = compile_later(
    r"(?:自|从|由)?\s*(?P<range>"
    r"(?:(?P<y1>\d{4})\s*(?:年|[-/.])\s*)?(?P<m1>\d{1,2})\s*(?P<s1>月|[-/.])\s*(?P<d1>\d{1,2})\s*(?P<e1>[日号])?"
    r"\s*起?\s*(?P<mark>至|到|~|～|〜|-|−|—+|–|―|─|to)\s*"
    r"(?:(?:(?P<y2>\d{4})\s*(?:年|[-/.])\s*)?(?P<m2>\d{1,2})\s*(?:月|[-/.])\s*)?(?P<d2>\d{1,2})\s*(?P<e2>[日号])?)"
    r"\s*(?:止|为止|期间)?", re.IGNORECASE)
"""A date, a sign or word of a range (至, 到, ~, —, -), and a later day with its year and month when they differ
(2018年5月1日至5月20日, 2018年5月1日到20日, 2018.5.1-5.20, 2018-05-01~2018-05-20), in 自 … 止 or not."""


def date_range(text: str) -> DateRange | None:
    """The period ``text`` gives when it is two days joined as a range (`_RANGE_RE`), the second later than the
    first, else None.

    The second day may leave out its year and month (5月20日, 20日), which are then the first's (a year later
    when the day would come before the first: 12月20日至1月5日). Full-width digits and signs read alike. Read
    as no range: two numbers after a first day with no year typed with - / . (12-5-18 is a date with two
    digits of its year, told by `parse_date`'s own hint), a day alone after "-" in a date typed with "-"
    (2018-05-01-20 is no way to write a range), days that do not exist, and a second day not after the first.
    A range in Chinese numerals, as official documents (公文) write dates (二〇一八年五月一日至二十日), is read as
    if typed in digits; ``typed`` keeps its numerals as typed.
    """
    plain = text.translate(_FULLWIDTH_DATE).strip()
    places = list(range(len(plain) + 1))  # where each character of plain, and its end, is in the stripped text
    if _CHINESE_NUMBER.search(plain):
        plain, places = _numerals_as_digits(plain)
    found = _RANGE_RE.fullmatch(plain)
    if found is None:
        return None
    dashed = found["s1"] != "月"
    if found["m2"] is None and found["e2"] is None and (
            (dashed and found["y1"] is None) or (found["mark"] == "-" and found["s1"] == "-")):
        return None
    if dashed and found["y1"] is None and found["m2"] is None:
        return None
    year = int(found["y1"] or found["y2"] or 0) or None
    first = (year, int(found["m1"]), int(found["d1"]))
    month2 = int(found["m2"] or found["m1"])
    last_year = int(found["y2"]) if found["y2"] else year
    if found["y2"] is None and year is not None and (month2, int(found["d2"])) < first[1:]:
        last_year = year + 1  # 2018年12月20日至1月5日
    last = (last_year, month2, int(found["d2"]))
    known = [part for part in (first[0], last[0]) if part is not None]
    if any(part < EARLIEST_YEAR for part in known) or not all(
            _exists(part[0] or 2000, part[1], part[2]) for part in (first, last)):  # 2000 had 29 February
        return None
    if (first[0] or 2000, *first[1:]) >= (last[0] or 2000, *last[1:]):
        return None
    start, end = (places[at] for at in found.span("range"))
    begin = len(text) - len(text.lstrip())
    return DateRange(first, last, text[begin + start:begin + end].strip())


def _numerals_as_digits(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of Chinese numerals written in digits (`_digits_of`: 二〇一八年五月二十日 →
    2018年5月20日), and for each index of that text, and for its end, the index in ``text`` it comes from (the
    digits of a run all from the run's start), so that a span read in digits is cut from ``text`` as typed."""
    pieces: list[str] = []
    places: list[int] = []
    done = 0
    for run in _CHINESE_NUMBER.finditer(text):
        digits = _digits_of(run)
        pieces += [text[done:run.start()], digits]
        places += [*range(done, run.start()), *[run.start()] * len(digits)]
        done = run.end()
    pieces.append(text[done:])
    places += range(done, len(text) + 1)
    return "".join(pieces), places


def range_refusal(text: str, period: DateRange) -> PydanticCustomError:
    """The error (``date_range``) for ``text``, a period (``period``, `date_range`) typed where one day goes.

    Says it is a range and from which day to which; the hint, for a value whose field is not known (a
    ``data/`` file's date), offers either end. `sitegen.validation` knows the field and offers the one that
    field means (a tally's as_of its last day, a milestone its first), with the range kept in a note.
    """
    return PydanticCustomError(
        "date_range", '"{text}" is a date range (时段), from {first} to {last}, not one day',
        {"text": text, "first": period.shown("first"), "last": period.shown("last"),
         "hint": f"write the one day meant alone: the range's first, {period.written('first')}, or its last, "
                 f"{period.written('last')}; to keep the range, type it in a field of its own"})


def parse_related_day(value: Any) -> date | str:
    """Accept a date that names a record of that day (a case study's ``related_tally``), keeping a day that
    does not exist as typed.

    Takes what `parse_date` takes. Returns the date, or the text itself when
    it is spelt as a date but names no day of the calendar (``2018-04-62``,
    ``2018-02-30``, ``2018-26-04``, ``0218-04-26``: `parse_date`'s
    ``date_value``): no record has that day either, and the check of the
    reference (`sitegen.checks.check_references`) tells it with the days the
    records do have, which this field alone cannot know (`date_refusal`
    words what is wrong). Raises `PydanticCustomError` ``date_format`` for
    other text, as `parse_date` does.
    """
    try:
        return parse_date(value)
    except PydanticCustomError as refusal:
        if refusal.type != "date_value" or not isinstance(value, str):
            raise
        return value


def date_refusal(text: str) -> tuple[str, str]:
    """``(message, hint)`` of `parse_date` for ``text``, a date that it refuses; ``("", "")`` when it reads it."""
    try:
        parse_date(text)
    except PydanticCustomError as refusal:
        return refusal.message(), str((refusal.context or {}).get("hint", ""))
    return "", ""


def _days_of_month(month: int, day: int, year: int | None = None) -> str:
    """Why ``day`` is no day of ``month`` (1 to 12), in ``year`` when it is known, in words: ``"April has 30 days"``,
    ``"February has 28 days (29 in a leap year)"``, ``"February 2019 has 28 days, as 2019 is no leap year"``,
    ``"days run from 1"``."""
    if day < 1:
        return "days run from 1"
    if month != 2:
        return f"{_MONTH_NAMES[month]} has {calendar.monthrange(2001, month)[1]} days"
    if year is None:
        return "February has 28 days (29 in a leap year)"
    if calendar.isleap(year):
        return f"February {year:04d} has 29 days"
    # 2019-02-29: the 29th is a day of February, so why this February lacks it is said.
    return f"February {year:04d} has 28 days" + (f", as {year:04d} is no leap year" if day == 29 else "")


def _no_such_day_hint(first: int, second: int, text: str = "") -> str:
    """The hint for a month and day typed without the year that name no day in any year: ``first`` the month and
    ``second`` the day as typed (``2月30日``; ``2/30`` is ``text``, which is read as day/month when ``first`` is
    past 12 and ``second`` is a month: 31/4). Says there is no such day and why, and asks for the year and the
    day from the source (`YEAR_TO_WRITE`): no day is guessed, as 2月28日 offered for 2月30日 may be wrong."""
    month, day, read = first, second, ""
    if text and first > 12 and 1 <= second <= 12:
        month, day, read = second, first, f"{text} is read as day/month, as {first} is no month, and "
    if not 1 <= month <= 12:
        return (f"there is no {month}月{day}日: months run from 1 to 12; write YYYY-MM-DD, with the year, month and "
                "day of the source document (年-月-日)")
    return (f"{read}there is no {month}月{day}日: {_days_of_month(month, day)}; write YYYY-{month:02d}-DD, with the "
            "year and the day of the source document (年-月-日)")


def _exists(year: int, month: int, day: int) -> bool:
    """True when the day exists in the calendar (years 1–9999)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


#: No date sitegen reads lies before this year (a tally, a milestone, a deadline, a publish time).
EARLIEST_YEAR = 1900

_LATEST_YEAR = 2099
"""The last year a date read from digits run together may have, as for Excel's day numbers and a swapped year:
``2103`` of 210305 is no year of these records, which meant 2021-03-05."""

_TWO_DIGIT_YEARS = range(1930, 2030)
"""The years two digits stand for, as spreadsheets read them (`_full_year`)."""


def _plausible_year(year: int) -> bool:
    """True when ``year``, read from digits run together, may be a year of these records (1900 to 2099)."""
    return EARLIEST_YEAR <= year <= _LATEST_YEAR


def swapped_years(year: int) -> set[int]:
    """The years that swapping two digits of ``year`` (written with four) gives, ``year`` aside, none before
    `EARLIEST_YEAR`: the years a slip of the keyboard may have turned into ``year`` (0218 → {2018, 8210})."""
    digits = f"{year:04d}"
    found = set()
    for left in range(4):
        for right in range(left + 1, 4):
            swapped = list(digits)
            swapped[left], swapped[right] = swapped[right], swapped[left]
            found.add(int("".join(swapped)))
    return {other for other in found if other != year and other >= EARLIEST_YEAR}


def _year_meant(year: int) -> int | None:
    """The one year from 1900 to 2099 that swapping two digits of ``year`` gives (0218 → 2018), or None."""
    found = {other for other in swapped_years(year) if other < 2100}
    return found.pop() if len(found) == 1 else None


_DATETIME_HINT = "write the date, a space and the time on the 24-hour clock (24小时制): YYYY-MM-DD HH:MM"


_EXCEL_DAY_ZERO = date(1899, 12, 30)
"""Day 0 of the day numbers Excel shows for a date cell that lost its format (43216 is 2018-04-26)."""

_EXCEL_LAST_DAY = 73050
"""Excel's day number of 2099-12-31: a larger one is no date of these records (80000 would offer 2119-01-11)."""


YEAR_TO_WRITE = "the year of the source document in place of YYYY (年-月-日)"
"""What a hint offering a date typed without its year (``YYYY-04-26``) asks the editor to write: no year is guessed,
as one offered (2018) was typed as shown and published."""


def _date_format_hint(text: str) -> str:
    """The hint for a date `parse_date` cannot read, naming the date meant where the slip is plain.

    Names the slips with one reading: the digits run together (``20180426``; ``2018121`` reads two ways), Excel's
    day number (``43216``), a part of the year or the month (`_period_hint`: ``2018年底``, ``2018年第三季度``), a date
    in Chinese numerals (``二〇一八年四月二十六日``, as official documents write it), the year left out
    (``4月26日``), two digits of the year (``18-5-3``, ``18年5月3日``; ``15-3-18`` reads two ways), the year last
    (``12/25/2018``; ``5/3/2018`` reads two ways). Read so, a day its month has not (``2/30/2018``, ``20180230``)
    is told the month's days; any other text gets `DATE_HINT`.
    """
    def iso(year: int, month: int, day: int) -> str:
        return f"{year:04d}-{month:02d}-{day:02d}" if _exists(year, month, day) else ""

    if (lookalike := _lookalike_date_hint(text)) is not None:
        return lookalike
    if (run_together := _run_together_hint(text)) is not None:
        return run_together
    if re.fullmatch(r"\d{5}", text) and 20000 <= int(text) <= _EXCEL_LAST_DAY:
        meant = (_EXCEL_DAY_ZERO + timedelta(days=int(text))).isoformat()
        return (f"{text} is how Excel counts days when a date cell loses its format: did you mean {meant}? "
                "write the date itself")
    if _CHINESE_NUMBER.search(text):  # 二〇一八年四月二十六日, as official documents (公文) write dates
        text = _CHINESE_NUMBER.sub(_digits_of, text)  # read on as if typed in digits (四月二十六日: no year)
        if (numbers := date_numbers(text)) and (meant := iso(*numbers)):
            return f"did you mean {meant}? write the date in digits (阿拉伯数字), as YYYY-MM-DD (年-月-日)"
    if (period := _period_hint(text)) is not None:
        return period
    if re.search(r"季|旬|半年|[Qq]\s*\d", text):  # 2018年第3季度: "2018-03-DD" read the quarter as a month
        return DATE_HINT
    found = re.fullmatch(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", text)
    if found and iso(2000, int(found[1]), int(found[2])):  # 2000 had 29 February
        # The year is the source's: one offered here (2018) was typed as shown and published.
        return f"write the year too: YYYY-{int(found[1]):02d}-{int(found[2]):02d}, with {YEAR_TO_WRITE}"
    if found:  # 2月30日, 4月31日: no year has it, and the general hint did not say so
        return _no_such_day_hint(int(found[1]), int(found[2]))
    if (slashed := _month_day_hint(text)) is not None:
        return slashed
    if (three := _three_numbers_hint(text)) is not None:
        return three
    if (worded := date_with_words(text)) is not None and worded.words:  # 约2018-04-26: "did you mean" lost 约
        return date_words_hint(worded)
    return _typed_numbers_hint(text) or DATE_HINT


def _month_day_hint(text: str) -> str | None:
    """The hint for a date typed without its year as two numbers (``12/1``, ``11-20``, ``6.15``), or None for other
    text.

    Chinese writes the month first (12/1 is 12月1日), so that reading is taken, and said so; the other (1 December)
    is offered too when it is a date. A first number that is no month (13/5) is read as the day. Two numbers that
    are no day of any year either way (2/30, 4/31, 13/13) are told so (`_no_such_day_hint`). As with
    ``6月15日``, no year is guessed (`YEAR_TO_WRITE`).
    """
    found = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})", text)
    if found is None:
        return None
    first, second = int(found[1]), int(found[2])
    # 2000 had 29 February, so 2/29 is a date in some year.
    readings = [(month, day) for month, day in ((first, second), (second, first)) if _exists(2000, month, day)]
    if not readings:  # 2/30, 4/31, 13/13
        return _no_such_day_hint(first, second, text)
    month, day = readings[0]
    told = f"write the year too: YYYY-{month:02d}-{day:02d}, with {YEAR_TO_WRITE}"
    if month != first:
        return f"{told}; {text} is read as day/month ({month}月{day}日), as {first} is no month"
    if len(readings) == 1 or first == second:
        return told
    return (f"{told}; {text} is read as month/day ({month}月{day}日), as Chinese writes dates: if it means day/month "
            f"({day}月{month}日), write YYYY-{day:02d}-{month:02d}")


def _no_day_in_year_hint(year: int, month: int, day: int, read: str) -> str:
    """The hint for a date typed in another form than year-month-day that reads as ``day`` of ``month`` (1 to 12) in
    ``year``, a day that month does not have: says so and why, after ``read`` (how the text was read, ending in
    "and "), and asks for the day of the source document; no day is guessed, as the month's last may be wrong."""
    return (f"{read}there is no {month}月{day}日 in {year:04d}: {_days_of_month(month, day, year)}; write "
            f"{year:04d}-{month:02d}-DD, with the day of the source document in place of DD (年-月-日)")


_YEAR_LAST_RE = compile_later(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_SHORT_YEAR_RE = compile_later(r"(\d{1,2})\s*([-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?")


def _three_numbers_hint(text: str) -> str | None:
    """The hint for a date typed as three numbers with the year last (``12/25/2018``, ``1.12.2018``) or with two
    digits of the year (``18-12-01``, ``12/25/18``, ``18年4月26日``), or None for other text."""
    found = _YEAR_LAST_RE.fullmatch(text)
    if found:
        return _year_last_hint(int(found[1]), int(found[3]), int(found[4]), text, found[2])
    found = _SHORT_YEAR_RE.fullmatch(text)
    if found and (len(found[1]) == 2 or (len(found[4]) == 2 and found[2] != "年")):
        return _short_year_hint(found[1], found[3], found[4], text, found[2])
    return None


def _year_last_dates(first: int, second: int, year: int, mark: str) -> list[tuple[str, int, int]]:
    """The readings of ``first`` and ``second`` typed before ``year`` that are dates, as ``(label, month, day)``:
    month first, as American English writes dates, then day first; the other way round for ``mark`` ".", as Europe
    writes them."""
    sign = mark or "/"
    readings = [(f"month{sign}day{sign}year", first, second), (f"day{sign}month{sign}year", second, first)]
    if mark == ".":
        readings.reverse()
    return [(label, month, day) for label, month, day in readings if _exists(year, month, day)]


def _year_last_hint(first: int, second: int, year: int, text: str, mark: str, split: str = "") -> str | None:
    """The hint for ``text``, a date typed with the year last, ``first`` and ``second`` its other numbers and
    ``mark`` what is between them ("/", "-", "." or "" for digits run together); None for a year before
    `EARLIEST_YEAR`, which is no year of these records. ``split`` shows how digits run together were split, before
    the reading's name (``"4/26/2018, "`` for 4262018).

    When both numbers may be the month, the month is taken first with slashes and dashes, as American English
    writes dates, and the day first with dots, as Europe does; the other reading is offered too, as ``12/1`` is.
    A number past 12 is the day (``12/25/2018``), and said so. A day the month has not is told so with the month's
    days (``2/30/2018``), and no day is offered for it.
    """
    if year < EARLIEST_YEAR:
        return None
    sign = mark or "/"
    readings = [(f"month{sign}day{sign}year", first, second), (f"day{sign}month{sign}year", second, first)]
    if mark == ".":
        readings.reverse()
    fitting = [reading for reading in readings if 1 <= reading[1] <= 12]
    if not fitting:
        named = f"{first} is no month" if first == second else f"neither {first} nor {second} is a month"
        return (f"{named} (months run from 1 to 12): write {year:04d}-MM-DD, with the month and day of the source "
                "document (年-月-日)")
    (label, month, day), other = fitting[0], fitting[1:]
    if not _exists(year, month, day):  # one reading fits: two numbers of 1 to 12 are each a day of the other
        return _no_day_in_year_hint(year, month, day, f"{text} is read as {split}{label}, as {day} is no month, and ")
    told = f"write {year:04d}-{month:02d}-{day:02d}, year-month-day (年-月-日)"
    if first == second:
        return told
    if not other:
        return f"{told}; {text} is read as {split}{label} ({month}月{day}日), as {day} is no month"
    why = "as dates with dots and the year last are written in Europe" if mark == "." else \
        "as American English writes dates"
    return (f"{told}; {text} is read as {split}{label} ({month}月{day}日), {why}: if it means {other[0][0]} "
            f"({day}月{month}日), write {year:04d}-{day:02d}-{month:02d}")


def _short_year_hint(first: str, middle: str, last: str, text: str, mark: str) -> str | None:
    """The hint for ``text``, three numbers ``first``, ``middle`` and ``last`` of which the first or the last has the
    two digits of a year (`_full_year`), or None when no reading names a month: ``mark`` follows the first ("年"
    makes it the year).

    The year first is taken, as Chinese writes dates (``18-12-01``, ``18年12月1日``); the dates the year last gives
    (month/day, as American English writes, and day/month) are offered too, each told which number is the year,
    and which order, when both are dates. One reading alone is given without "if": ``18/12/1`` is 2018-12-01. A
    day its month has not is told so with the month's days (``18-2-30``, ``2/30/18``), and no day offered for it:
    with the year first naming a month, the year-last readings are not offered either.
    """
    head, tail = _short_year_readings(first, middle, last, mark)
    dates = {f"{year:04d}-{month:02d}-{day:02d}": label
             for year, month, day, label in tail if _exists(year, month, day)}
    later = " or ".join(f"{day} ({label})" for day, label in dates.items()) if len(dates) == 2 else "".join(dates)
    if head and _exists(*head):
        told = f"write the year with all four digits: {head[0]:04d}-{head[1]:02d}-{head[2]:02d}"
        return f"{told} if {first} is the year, or {later} if {last} is" if later else told
    if head and 1 <= head[1] <= 12:
        # 18-2-30 is 2018年2月30日 with a slip in the day: 2030-02-18, offered as well, was a date nobody meant, and
        # a tally so dated was refused again as in the future.
        return _no_day_in_year_hint(*head, f"{first} is read as the year {head[0]}, and ")
    if len(dates) == 2:
        return f"write the year with all four digits: {later}, as the source document means"
    fitting = [(year, month, day, label) for year, month, day, label in tail if 1 <= month <= 12]
    if not fitting:
        return None
    year, month, day, label = fitting[0]  # the one reading: the other names no month
    if dates:
        return (f"write the year with all four digits: {later}; {text} is read as {label} ({month}月{day}日), as {day} "
                "is no month")
    return _no_day_in_year_hint(year, month, day, f"{text} is read as {label}, as {day} is no month, and ")


def _short_year_readings(first: str, middle: str, last: str, mark: str) -> tuple[
        tuple[int, int, int] | None, list[tuple[int, int, int, str]]]:
    """How three numbers of which the first or the last has the two digits of a year (`_full_year`) read, dates or
    not: ``(year, month, day)`` with the year first, as Chinese writes dates (None when the first has not two
    digits), and ``(year, month, day, label)`` with the year last, month/day then day/month ([] when the last has
    not two digits, or ``mark``, what follows the first, is 年)."""
    head = (_full_year(first), int(middle), int(last)) if len(first) == 2 else None
    tail = [] if len(last) != 2 or mark == "年" else [(_full_year(last), int(first), int(middle), "month/day/year"),
                                                      (_full_year(last), int(middle), int(first), "day/month/year")]
    return head, tail


def short_year_dates(text: str) -> list[date]:
    """The dates a date typed with two digits of the year reads as, the readings `_date_format_hint` offers: the
    year first (``18-5-31``: 2018-05-31), then the year last (1931-05-18); [] for other text.

    Takes the text as typed (full-width digits are read as digits): three numbers apart by ``-``, ``/``, ``.``
    or 年 and 月 (`_SHORT_YEAR_RE`), or six digits run together that are no year and month (``180531``, not
    ``201805``: `_six_digits_hint`). Only the readings that are days of the calendar are returned, each once; none
    when the year first names a month that has not the day (``18-2-30``), as the hint offers none then. Raises
    nothing.
    """
    text = text.translate(_FULLWIDTH_DATE).strip()
    found = _SHORT_YEAR_RE.fullmatch(text)
    if found and (len(found[1]) == 2 or (len(found[4]) == 2 and found[2] != "年")):
        head, tail = _short_year_readings(found[1], found[3], found[4], found[2])
    elif re.fullmatch(r"\d{6}", text) and not (_plausible_year(int(text[:4])) and 1 <= int(text[4:]) <= 12):
        head, tail = _short_year_readings(text[:2], text[2:4], text[4:], "")
    else:
        return []
    if head and 1 <= head[1] <= 12 and not _exists(*head):
        return []  # 18-2-30 is 2018年2月30日 with a slip in the day: no date is offered (`_short_year_hint`)
    readings = ([head] if head else []) + [(year, month, day) for year, month, day, _ in tail]
    return list(dict.fromkeys(date(*reading) for reading in readings if _exists(*reading)))


def _full_year(digits: str) -> int:
    """The year two digits stand for, as spreadsheets read them: 1930 to 2029 (98 is 1998, 18 is 2018). 2098 for 98
    was a date to come, refused for a tally and not published for an interview."""
    century = 1900 if 1900 + int(digits) >= _TWO_DIGIT_YEARS.start else 2000
    return century + int(digits)


def _run_together_hint(text: str) -> str | None:
    """The hint for a date typed as digits run together, with the year first (``20181201``, ``2018121``, which
    reads two ways) or last (``12012018``, ``4262018``), or six of them (`_six_digits_hint`), or None for other text.

    Eight digits are year, month and day; seven drop a digit of the month or the day, so both are tried, and both
    dates offered when both are dates. A year first or last is taken only when it is a year of these records
    (`_plausible_year`): 4262018 is 4/26/2018, not the year 4262. When both are, both are offered, the later year
    first. A day the month has not is told so with the month's days (``20180230``).
    """
    if re.fullmatch(r"\d{6}", text):
        return _six_digits_hint(text)
    if not re.fullmatch(r"\d{7,8}", text):
        return None
    first = _year_first_run_hint(text) if _plausible_year(int(text[:4])) else None
    if len(text) == 8:  # 30122018 names no month with the year first; 2018 and 12 never both years
        if first is not None or not _plausible_year(int(text[4:])):
            return first
        return _year_last_hint(int(text[:2]), int(text[2:4]), int(text[4:]), text, "")
    last = _seven_year_last_hint(text) if _plausible_year(int(text[3:])) else None
    if first is None or last is None:
        return first if last is None else last
    if int(text[3:]) > int(text[:4]):
        return f"{last}; if {text[:4]} is the year, {first}"
    return f"{first}; if {text[3:]} is the year, {last}"


def _seven_year_last_hint(text: str) -> str | None:
    """The hint of `_run_together_hint` for ``text``, seven digits read with the year last, as `_year_last_hint`
    reads them (``4262018`` as 4/26/2018), or None when no reading names a month.

    The three digits before the year split two ways (1/12 and 11/2 for 1122018): when each gives a date, both are
    offered, each with how it was read; else the one that does is told as ``4/26/2018`` is.
    """
    year = int(text[3:])
    splits = [(text[0], text[1:3]), (text[:2], text[2])]
    dated = [(first, second, _year_last_dates(int(first), int(second), year, ""))
             for first, second in splits]
    dated = [(first, second, dates) for first, second, dates in dated if dates]
    if len(dated) == 2:
        options = [f"{year:04d}-{month:02d}-{day:02d} if it is {first}/{second}/{year} ({month}月{day}日)"
                   for first, second, ((_, month, day), *_) in dated]
        return (f"{text} reads two ways, with a digit of the month or the day left out: write {options[0]}, or "
                f"{options[1]}, as the source document means (年-月-日)")
    first, second = dated[0][:2] if dated else next(
        ((first, second) for first, second in splits if 1 <= int(first) <= 12 or 1 <= int(second) <= 12),
        splits[0])
    return _year_last_hint(int(first), int(second), year, text, "", f"{first}/{second}/{year}, ")


def _six_digits_hint(text: str) -> str | None:
    """The hint of `_run_together_hint` for six digits: the year and month with the day missing (``201812``; its
    other readings that are dates offered too: 2018年1月2日, and 2020年12月5日 for 201205), else two digits each of the
    year, month and day (``181201``, read as `_short_year_hint` reads 18-12-01); None when neither names a month.

    The year and month are taken only for a year of these records (`_plausible_year`: 210305 is 2021-03-05, not the
    month of 2103), and after the two digits of the year when their year is later (191205: 2019-12-05 first, 1912's
    May offered after it).
    """
    year, month = int(text[:4]), int(text[4:])
    short = _short_year_hint(text[:2], text[2:4], text[4:], text, "")
    if not _plausible_year(year) or not 1 <= month <= 12:
        return short
    month_only = (f"write {year:04d}-{month:02d}-DD, with the day of the source document in place of DD "
                  "(年-月-日)")
    if year not in _TWO_DIGIT_YEARS and short is not None:
        return f"{short}; if it is the year and month {year:04d}年{month}月 run together, without the day, {month_only}"
    told = f"{text} reads as the year and month run together, without the day: {month_only}"
    # 201812 may be 2018年1月2日, and 201205 20年12月5日: each other reading that is a date is offered too.
    for other in ((year, int(text[4]), int(text[5])), (_full_year(text[:2]), int(text[2:4]), month)):
        if _exists(*other):
            told += (f"; if it is {other[0]:04d}年{other[1]}月{other[2]}日, write "
                     f"{other[0]:04d}-{other[1]:02d}-{other[2]:02d}")
    return told


def _year_first_run_hint(text: str) -> str | None:
    """The hint of `_run_together_hint` for ``text``, seven or eight digits read with the year first, or None when
    no reading names a month."""
    year, rest = int(text[:4]), text[4:]
    splits = [(int(rest[:2]), int(rest[2:]))] if len(rest) == 4 else [(int(rest[0]), int(rest[1:])),
                                                                       (int(rest[:2]), int(rest[2]))]
    fitting = [(month, day) for month, day in splits if 1 <= month <= 12]
    dates = [(month, day) for month, day in fitting if _exists(year, month, day)]
    if len(dates) == 2:
        (month, day), (other_month, other_day) = dates
        return (f"{text} reads two ways, with a digit of the month or the day left out: write "
                f"{year:04d}-{month:02d}-{day:02d} if it is {month}月{day}日, or "
                f"{year:04d}-{other_month:02d}-{other_day:02d} if it is {other_month}月{other_day}日, as the source "
                "document means (年-月-日)")
    if dates:
        month, day = dates[0]
        told = f"write {year:04d}-{month:02d}-{day:02d}, with dashes between the year, month and day (年-月-日)"
        if len(splits) == 1:
            return told
        left, right = next(split for split in splits if split != (month, day))
        why = f"{left} is no month" if not 1 <= left <= 12 else f"there is no {left}月{right}日"
        return f"{told}; {text} is read as {month}月{day}日, as {why}"
    if fitting:
        month, day = fitting[0]
        return _no_day_in_year_hint(year, month, day, f"{text} is read as the year, month and day run together, "
                                                      "and ")
    return None


_PERIOD_RE = compile_later(
    r"(?:截至|截止到?|到|至|于)?\s*(?:(?P<year>\d{4})\s*年?)?\s*(?:"
    r"(?P<month>\d{1,2})\s*月份?\s*(?P<of_month>上旬|中旬|下旬|底|末|初|中|内)?"
    r"|第?\s*(?P<quarter>\d)\s*(?:季度|季(?=[末底]))\s*(?P<of_quarter>底|末|初|内)?"
    r"|(?P<half>[上下])半年\s*(?P<of_half>底|末|内)?"
    r"|年?\s*(?P<of_year>底|末|初|中|内))"
    r"\s*(?P<before>以前|之前|前)?")
"""A part of a year or a month typed for a date (year optional), as plans and reports name deadlines: 2018年底,
6月底前, 2018年第3季度 (Chinese numerals turned to digits), 三季度末, 2018年上半年, 6月上旬, 年中, 6月前."""
_QUARTER_IN_LETTERS = (compile_later(r"[Qq]\s*(\d)\s*[-/,，]?\s*(\d{4})\s*年?"),
                       compile_later(r"(\d{4})\s*年?\s*[-/]?\s*[Qq]\s*(\d)"))
"""A quarter written Q3 2018 or 2018Q3, read as 2018年第3季度."""
_ORDINALS = ("", "first", "second", "third", "fourth")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_TEN_DAYS = {"上旬": ("the first ten days of the month", 1, 10), "中旬": ("the middle ten days of the month", 11, 20),
             "下旬": ("the last ten days of the month", 21, 31)}
"""The thirds of a month (旬): the days they run from and to (下旬 to the month's last day)."""


def _period_hint(text: str) -> str | None:
    """The hint for a part of a year or a month typed for a date (`_PERIOD_RE`), or None for other text.

    Takes the text with Chinese numerals turned to digits. An end (2018年底, 6月底前, 三季度末, 上半年末) is one day,
    its last, offered so. A span (2018年第三季度, Q3 2018, 上半年, 6月上旬, 6月内) is no one day: its last day is
    offered for a date that is its end, as a deadline within it is, with why; else the source's day. A start or
    middle (年初, 年中, 月初, 月中) is vague: the source's day is asked for, and the day it most likely means offered
    with what it means. Before a span (6月前, 三季度前) may mean before it begins or by its end: both are offered.
    The quarter was read as a month (2018年第三季度 got "write 2018-03-DD") and the end of a span left unsaid.
    """
    for letters in _QUARTER_IN_LETTERS:
        found = letters.fullmatch(text)
        if found:
            year, quarter = sorted(found.groups(), key=len, reverse=True)
            text = f"{year}年第{quarter}季度"
    found = _PERIOD_RE.fullmatch(text)
    if found is None or (found["month"] and not (found["of_month"] or found["before"])):
        return None  # 2018年6月 is a month, whose day is asked for (`_typed_numbers_hint`)
    year = int(found["year"]) if found["year"] else None
    if year is not None and year < EARLIEST_YEAR:
        return None
    if found["quarter"] and not 1 <= int(found["quarter"]) <= 4:
        return "a year has four quarters (季度), 1 to 4: check the quarter against the source document"
    if found["month"] and not 1 <= int(found["month"]) <= 12:
        return None
    first, last, span, end, name = _period_days(found)
    word = found["of_month"] or found["of_quarter"] or found["of_half"] or found["of_year"] or ""
    day = functools.partial(_day_of, year)
    year_part = f", with {YEAR_TO_WRITE}" if year is None else " (年-月-日)"
    if word in ("底", "末"):
        return (f"did you mean {day(*last)}, {end}? write the date as YYYY-MM-DD (年-月-日)" if year is not None else
                f"write the year too: {day(*last)}, {end}, with {YEAR_TO_WRITE}")
    if word in ("初", "中"):  # 中旬 is a span, told below
        meant, which = (first, "its first day") if word == "初" else (last, end)
        return (f"{span} names no one day: write the day the source document gives; if it means {which}, write "
                f"{day(*meant)}{year_part}")
    if found["before"]:
        before = (first[0], first[1], first[2] - 1) if first[2] > 1 else \
            ((first[0], first[1] - 1, 31) if first[1] > 1 else (-1, 12, 31))
        return (f"{name}前 may mean before {name} begins, {day(*before)}, or by its end, {day(*last)}: write the day "
                f"the source document means{year_part}")
    return (f"{span}, not one day: write {day(*last)}, its last day, if the date is its end (as a deadline within it "
            f"is); else the day in it that the source document gives{year_part}")


def _period_days(found: re.Match[str]) -> tuple[tuple[int, int, int], tuple[int, int, int], str, str, str]:
    """``(first day, last day, the span in words, the day its word names in words, its name)`` of a `_PERIOD_RE`
    match (the name as Chinese writes it: 6月, 第三季度, 上半年, 6月上旬).

    The days are ``(year offset, month, day)``, the offset 0 (-1 for the year before), and a day of 31 is the
    month's last, whatever its length (`_day_of`). The day named is the end for 底 and 末, the middle for 中.
    """
    if found["month"]:
        month, word = int(found["month"]), found["of_month"]
        if word in _TEN_DAYS:
            meaning, start, stop = _TEN_DAYS[word]
            return ((0, month, start), (0, month, stop),
                    f"{word}, {meaning}, is day {start} to {stop if stop < 31 else 'the last'}", "", f"{month}月{word}")
        spans = {"初": "月初, the start of the month,", "中": "月中, the middle of the month,"}
        return ((0, month, 1), (0, month, 15 if word == "中" else 31),
                spans.get(word, "月内, within the month, is day 1 to the last"),
                "its middle, the 15th" if word == "中" else "the month's end (月底)", f"{month}月")
    if found["quarter"]:
        quarter = int(found["quarter"])
        numeral, ordinal = "一二三四"[quarter - 1], _ORDINALS[quarter]
        months = f"{_MONTH_NAMES[quarter * 3 - 2]} to {_MONTH_NAMES[quarter * 3]}"
        span = (f"{numeral}季度初, the start of the {ordinal} quarter," if found["of_quarter"] == "初" else
                f"第{numeral}季度, the {ordinal} quarter, is {months}")
        return ((0, quarter * 3 - 2, 1), (0, quarter * 3, 31), span, f"the end of the {ordinal} quarter ({numeral}季度末)",
                f"第{numeral}季度")
    if found["half"]:
        half, name, months = (("下", "second", "July to December") if found["half"] == "下" else
                              ("上", "first", "January to June"))
        return ((0, 7 if half == "下" else 1, 1), (0, 12 if half == "下" else 6, 31),
                f"{half}半年, the {name} half of the year, is {months}",
                f"the end of the {name} half of the year ({half}半年末)", f"{half}半年")
    if found["of_year"] == "中":  # 年中: the day offered, and named, is the end of the first half (上半年末)
        return (0, 1, 1), (0, 6, 30), "年中, the middle of the year,", "the end of its first half (上半年末)", "年中"
    return ((0, 1, 1), (0, 12, 31), "年初, the start of the year," if found["of_year"] == "初" else
            "年内, within the year, is January to December", "the year's end (年底)", "年")


def _day_of(year: int | None, offset: int, month: int, day: int) -> str:
    """The day ``(offset, month, day)`` of `_period_days` in ``year`` as YYYY-MM-DD (day 31: the month's last); the
    year as YYYY when it is not known (None), and February's last day given for both kinds of year."""
    if year is None:
        if offset:  # the day before 1月 or 第一季度: the year before the one to write
            return f"YYYY-{month:02d}-{day:02d} of the year before"
        if month == 2 and day == 31:
            return "YYYY-02-28 (YYYY-02-29 in a leap year)"
        return f"YYYY-{month:02d}-{min(day, calendar.monthrange(2001, month)[1]):02d}"
    year += offset
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def _digits_of(numerals: re.Match[str]) -> str:
    """A run of Chinese numerals (`_CHINESE_NUMBER`) as digits (四 → 4, 二十六 → 26, 二〇一八 → 2018), or as it is
    when it is no number `chinese_number` reads."""
    number = chinese_number(numerals.group())
    return numerals.group() if number is None else str(number)


def _typed_numbers_hint(text: str) -> str:
    """The hint for a date typed with its numbers in order but other signs among them, or with a part missing or
    extra: the date those numbers spell, or the form with the part missing left as letters; "" for none.

    ``2018-01-15日`` or ``2018年1月15`` is 2018-01-15; a time after the date (``2019-07-08 10:00``, where only a
    date is read) is left out; ``2018.12`` lacks its day (2018-12-DD) and ``2024`` its month and day. No
    number is made up: what the editor did not type stays a letter, so a hint typed as shown is refused again
    rather than published as a date nobody wrote.
    """
    numbers = [int(number) for number in re.findall(r"\d+", text)]
    if not numbers or not re.fullmatch(r"\d{4}", re.findall(r"\d+", text)[0]) or numbers[0] < EARLIEST_YEAR:
        return ""
    year = numbers[0]
    if len(numbers) >= 3 and _exists(year, numbers[1], numbers[2]):
        meant = f"{year:04d}-{numbers[1]:02d}-{numbers[2]:02d}"
        if len(numbers) == 3:
            return f"did you mean {meant}? write the date as YYYY-MM-DD, year-month-day (年-月-日)"
        if len(numbers) in (4, 5) and re.search(r"\d[:：]\d", text):
            return f"this field is a date without a time: write {meant}"
        return ""
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return (f"the day is missing: write {year:04d}-{numbers[1]:02d}-DD, with the day of the source document in "
                "place of DD (年-月-日)")
    if len(numbers) == 1:
        return (f"the month and day are missing: write {year:04d}-MM-DD, with those of the source document "
                "(年-月-日)")
    return ""


class DayOnly(datetime):
    """A publish time typed as a date alone (``date: 2018-05-03``): 00:00 of that day, as Hugo and Jekyll read it.

    It is a `datetime` everywhere (sorting, scheduling, feeds, the sitemap),
    but pages show the date alone (`publish_time_text`, the ``datetime`` filter): "00:00"
    was never typed. Kept through pickling, ``replace`` and pydantic.
    """

    __slots__ = ()


def typed_as_day(value: datetime) -> bool:
    """True when a publish time was typed as a date alone (a `DayOnly` still at 00:00): nothing said a time."""
    return isinstance(value, DayOnly) and value.time() == time()


def publish_time_text(value: datetime) -> str:
    """A publish time as an editor reads and types it: ``2018-05-03 10:00``, or ``2018-05-03`` for one typed as a
    date alone (`typed_as_day`): pages, messages and hints show no "00:00" nobody typed (feeds keep the moment;
    machine-read metadata gives the date alone, `machine_time`)."""
    if typed_as_day(value):
        return value.strftime("%Y-%m-%d")
    return value.strftime("%Y-%m-%d %H:%M")


def machine_time(value: datetime, zone: tzinfo, timespec: str = "minutes") -> str:
    """A publish time for machines (``<time datetime>``, JSON-LD, Open Graph): ISO 8601 with the site's offset.

    Takes a naive time in the site's time zone, that zone and the
    ``timespec`` of `datetime.isoformat` (``minutes``: ``2018-05-03T10:00+08:00``;
    ``seconds``: ``…10:00:00+08:00``). A time typed as a date alone
    (`typed_as_day`) is given as that date alone (``2018-05-03``,
    a valid date in HTML and schema.org), since nobody said midnight.
    Feeds keep the full moment: Atom (RFC 4287) requires one.
    """
    if typed_as_day(value):
        return value.date().isoformat()
    return value.replace(tzinfo=zone).isoformat(timespec=timespec)


def parse_datetime(value: Any) -> datetime:
    """Turn an editor's publish time into a naive `datetime` in the site's time zone.

    Takes a date in any spelling `parse_date` accepts, optionally followed by
    a space (or ``T``) and ``HH:MM`` or ``HH:MM:SS``; a date alone means
    00:00, returned as a `DayOnly`. The site's time zone (site.yaml ``time_zone``) is applied later.

    Raises `PydanticCustomError` ``datetime_format`` naming the expected form
    for a value that is no date and time, or the error of `parse_date` for
    the date part (``date_value`` for 2018-13-03, with the time kept in the date offered).
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return DayOnly.combine(value, time())
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_format", "expected a date such as 2018-05-03 10:00, got {kind}",
                                  {"kind": kind_of(value), "hint": _DATETIME_HINT})
    text = value.translate(_FULLWIDTH_DATE).strip()
    zoned = _ZONED_TIME_RE.fullmatch(text)
    if zoned:
        raise PydanticCustomError("datetime_format", 'the time in "{text}" ends with a time zone ("{zone}"), which '
                                  "a publish time does not take: it is read on the clock of the site's time zone "
                                  "(time_zone in site.yaml)",
                                  {"text": value, "zone": zoned["zone"], "hint": _zoned_time_hint(zoned)})
    spoken = _time_in_words(text)
    if spoken is not None:
        # The words named: "上午9:30" was told "written in words", its figures in plain sight.
        raise PydanticCustomError("datetime_format", 'the time in "{text}" is written with words ({words})',
                                  {"text": value, "words": ", ".join(f'"{word}"' for word in _time_words(text)),
                                   "hint": f"write the date, a space and the time on the 24-hour clock (24小时制): "
                                           f"{spoken}"})
    if (period := date_range(text)) is not None:  # 2018-05-01 至 2018-05-20: the space is no date's end
        raise range_refusal(value, period)
    # 2018-05-03 左右 was told to write a time in place of 左右, which was lost. Looked for only in a value with a
    # letter or a Chinese character in it (words need one): "2018-05-03 10:00", read for every page of every
    # build, is not searched for a date in other text.
    if _LETTER_RE.search(text) and (worded := date_with_words(text, clock=True)) is not None and worded.words:
        raise PydanticCustomError("date_format", '"{text}" is not a date sitegen understands',
                                  {"text": value, "hint": date_words_hint(worded)})
    # 2019年7月8日10:00: the 日 ends the date as a space would.
    # 2018年5月1O日10:00: the 日 is found with the O read as 0, so that the date's hint is not told a time.
    if (ended := re.match(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号](?=\d)", digits_for_lookalikes(text))):
        text = f"{text[:ended.end()]} {text[ended.end():]}"
    day_part, _, time_part = text.replace("T", " ", 1).partition(" ")
    try:
        day = parse_date(day_part)
    except PydanticCustomError as refusal:  # quote the value as typed, and keep its time in the date offered
        context = {**(refusal.context or {}), "text": value}
        # "10:00”" of “2018-05-17 10:00”: the closing quote or bracket is the date's slip, not the time's.
        typed_time = time_part.strip().rstrip(_CLOSERS).strip()
        if typed_time and _TIME_RE.match(typed_time):  # every date the hint offers, with the time
            context["hint"] = _OFFERED_DATE_RE.sub(lambda found: f"{found[0]} {typed_time}", str(context["hint"]))
        raise PydanticCustomError(refusal.type, refusal.message_template, context) from None
    if not time_part.strip():
        return DayOnly.combine(day, time())
    match = _TIME_RE.match(time_part.strip())
    hour, minute, second = (int(match.group(i) or 0) for i in (1, 2, 3)) if match else (99, 0, 0)
    if hour > 23 or minute > 59 or second > 59:
        raise PydanticCustomError("datetime_format", 'the time in "{text}" is not understood',
                                  {"text": value, "hint": _time_hint(day, time_part.strip())})
    return datetime.combine(day, time(hour, minute, second))


_ZONED_TIME_RE = compile_later(
    r"(?P<stamp>\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*"
    r"(?P<zone>[zZ]|UTC|GMT|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?)")
"""A publish time with a UTC offset or "Z" after it, as RFC 3339 writes one (``2018-05-03T10:00:00+08:00``), as
programs and other site generators export it."""
_CHINA_OFFSET = timedelta(hours=8)
"""UTC+8: the offset of Asia/Shanghai, the default ``time_zone`` (China has kept no summer time since 1991)."""


def _zoned_time_hint(zoned: re.Match[str]) -> str:
    """The hint for a publish time typed with a time zone (`_ZONED_TIME_RE`'s match): the same moment on the clock
    of China (UTC+8), the default time zone. Deleting the zone alone would move any other offset's moment by hours,
    so the time is given converted, with the seconds when they were typed; a time already on China's clock is
    told what to delete, and shown as that leaves it."""
    stamp = parse_datetime(zoned["stamp"])
    zone = zoned["zone"].upper().removeprefix("UTC").removeprefix("GMT")
    offset = timedelta()
    if zone not in ("", "Z"):  # +8, +08, +0800, +08:00
        rest = zone[1:]
        hours, minutes = rest.split(":") if ":" in rest else (rest[:-2], rest[-2:]) if len(rest) > 2 else (rest, "0")
        offset = timedelta(hours=int(hours), minutes=int(minutes)) * (-1 if zone[0] == "-" else 1)
    local = stamp - offset + _CHINA_OFFSET
    shown = local.isoformat(" ", timespec="seconds" if zoned["stamp"].count(":") == 2 else "minutes")
    if offset == _CHINA_OFFSET:  # what is left once it is deleted, as typed: "T" kept (the hint had a space)
        after = zoned.string[zoned.end("stamp"):zoned.end("zone")].strip()
        return (f'delete "{after}" for a site in China (time_zone: Asia/Shanghai, UTC+8, the default): '
                f'{zoned["stamp"]}')
    return (f"for a site in China (time_zone: Asia/Shanghai, UTC+8, the default), write the same moment as a clock "
            f"there shows it: {shown}")


def _time_hint(day: date, typed: str) -> str:
    """The hint for a publish time whose date ``day`` is read and whose time ``typed`` is not: the time meant
    when the slip is plain (``14.30`` is 14:30; ``24:00`` is the end of the day; ``10:00”`` is 10:00), else the
    form, on that date."""
    bare = typed.rstrip(_CLOSERS).strip()
    clock = _TIME_RE.match(bare)
    if bare != typed and clock and int(clock[1]) <= 23 and int(clock[2]) <= 59 and int(clock[3] or 0) <= 59:
        return f"did you mean {day.isoformat()} {bare}? the {typed[len(bare):].strip()} after the time is not part of it"
    found = re.fullmatch(r"(\d{1,2})\s*[.。·]\s*(\d{2})", typed)
    if found and int(found[1]) <= 23 and int(found[2]) <= 59:
        return f"did you mean {day.isoformat()} {int(found[1]):02d}:{found[2]}? write the time with a colon (:)"
    if re.fullmatch(r"24:00(:00)?", typed):
        return (f"the 24-hour clock ends at 23:59: write {day.isoformat()} 23:59, or "
                f"{(day + timedelta(days=1)).isoformat()} 00:00 for the start of the next day")
    return (f"write the time on the 24-hour clock (24小时制) after the date and a space: {day.isoformat()} HH:MM, "
            "hours 00 to 23 and minutes 00 to 59")


_LETTER_RE = compile_later(r"[^\W\d_]")
"""A letter or a Chinese character: what words beside a date need (`date_with_words`)."""
_CLOSERS = "”\"'’」』】》）)］]"
"""Closing quotes and brackets typed after a value (`parse_datetime`)."""
_HAN_NUMBER = "[零〇一二两三四五六七八九十]{1,3}"
_TIME_IN_WORDS_RE = compile_later(
    r"(?P<day>.+?[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*(?P<part>上午|早上|早晨|中午|下午|晚上|傍晚|凌晨)?\s*"
    rf"(?P<hour>\d{{1,2}}|{_HAN_NUMBER})\s*(?:(?:点|时|:)\s*(?:(?P<half>半)|(?P<minute>\d{{1,2}}|{_HAN_NUMBER})\s*分?)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?",
    re.IGNORECASE)
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _hour_or_minute(text: str) -> int:
    """A number of hours or minutes in digits or in Chinese numerals (十 10, 十二 12, 二十三 23, 两 2, 零五 5);
    100 (no hour, no minute) for numerals that spell no number below 100."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return sum(_HAN_DIGITS[digit] * 10 ** power for power, digit in enumerate(reversed(text))) if len(text) <= 2 \
            else 100
    if (tens and tens not in _HAN_DIGITS) or (ones and ones not in _HAN_DIGITS):
        return 100
    return _HAN_DIGITS.get(tens, 1) * 10 + _HAN_DIGITS.get(ones, 0)


def _time_in_words(text: str) -> str | None:
    """The publish time meant by a date and a time said in words (``2024年6月30日下午3点``, ``… 15时30分``,
    ``2024-06-30 3pm``, ``2018年5月17号上午十点``), as ``2024-06-30 15:00``; None for a text with no such
    words, or not read so.

    Only for the hint: 10点半 is read as 10:30, and the word for the part of the day sets the hour on the
    24-hour clock as `_on_the_24_hour_clock` says (下午3点 is 15:00, 12:30 AM is 00:30).
    """
    found = _TIME_IN_WORDS_RE.fullmatch(text)
    if found is None or not (found["part"] or found["half"] or found["ampm"] or re.search("[点时分]", text)):
        return None
    hour, minute = _hour_or_minute(found["hour"]), 30 if found["half"] else _hour_or_minute(found["minute"] or "0")
    try:
        day = parse_date(found["day"])
    except PydanticCustomError:
        return None
    if hour > 23 or minute > 59:
        return None
    return _on_the_24_hour_clock(day, found["part"] or (found["ampm"] or "").lower()[:1], hour, minute)


def _time_words(text: str) -> list[str]:
    """The words of the time `_time_in_words` reads in ``text`` (digits in half width), as typed, each run of
    other characters than digits, spaces and colons after the day: ["上午"] in 2018年5月10日 上午9:30, ["时", "分"]
    in 15时30分, ["下午三点半"], ["pm"]."""
    found = _TIME_IN_WORDS_RE.fullmatch(text)
    return re.findall(r"[^\d\s:]+", text[found.end("day"):]) if found else []


_MORNING = ("上午", "早上", "早晨")
_AFTERNOON = ("下午", "傍晚", "p")


def _on_the_24_hour_clock(day: date, part: str, hour: int, minute: int) -> str:
    """The time ``hour``:``minute`` of ``day`` said with ``part``, the part of the day (上午, 下午, 晚上, 凌晨 …;
    "a" or "p" for AM and PM), on the 24-hour clock: ``2024-06-30 15:00``, with why when 12 o'clock or a day
    after ``day`` is meant, and both readings when the words say either.

    12 AM is midnight and 12 PM noon, as the 12-hour clock counts: "12:30 AM" was offered as 12:30, half a
    day late. 凌晨 is the small hours of the day typed (凌晨12:30 is its 00:30); 下午, 傍晚 and PM add 12
    hours to 1–11, and 中午 to 1–3 (中午1点 is 13:00). 晚上 adds 12 hours to 5–11; 晚上12点半 or 晚上1点
    is after midnight, on the next day. Two readings are given for midnight said with 晚上 (the end of the
    day or the start of the next) and for 12 o'clock said with 上午 (noon as spoken, the hour after
    midnight as phones show 12:30 AM in Chinese).
    """
    def at(on: date, hours: int) -> str:
        return f"{on.isoformat()} {hours:02d}:{minute:02d}"

    next_day = day + timedelta(days=1)
    if part == "晚上" and hour in (12, 0) and not minute:
        # Midnight: the end of this day or the start of the next? The editor says which.
        return f"{day.isoformat()} 23:59 for the end of that day, or {next_day.isoformat()} 00:00 for the start of the next"
    if part == "晚上" and (hour in (12, 0) or 1 <= hour <= 4):
        return (f"{at(next_day, hour % 12)} ({part}{hour}:{minute:02d} of {day.isoformat()} is after midnight, so on "
                "the next day)")
    if part in _MORNING and hour == 12:
        return (f"{at(day, 12)} if noon is meant ({part} runs up to noon), or {at(day, 0)} if it is the time a phone "
                f"shows as {part}12:{minute:02d} (12:{minute:02d} AM, after midnight)")
    if part in ("a", "凌晨") and hour == 12:
        why = "12 AM is midnight" if part == "a" else "凌晨12点 is midnight, the start of that day"
        return f"{at(day, 0)} ({why})"
    if part == "p" and hour == 12:
        return f"{at(day, 12)} (12 PM is noon)"
    if (part in _AFTERNOON and 1 <= hour <= 11) or (part == "晚上" and 5 <= hour <= 11) \
            or (part == "中午" and 1 <= hour <= 3):
        hour += 12
    return at(day, hour)

def parse_count(value: Any) -> int:
    """Turn a count (issue lists, survey batches) into a whole number >= 0.

    Takes an int or text of digits; full-width digits (全角数字 ３１８) are read
    as the same number. Returns the int.

    Raises `PydanticCustomError` ``count`` for anything else: decimals,
    negative numbers, units or words typed around the number (``318批``,
    ``共 1,296 份``: the hint gives the digits, ``1296``, when there is one
    number), thousands separators (``1,296`` as Excel shows it: the hint gives ``1296``); a
    dot before each group of three digits (``1.296``, ``1.296.000``) may be
    a decimal point or a thousands separator as written in Europe, so its
    hint says both: a count is whole, and ``1296`` if the dot separates
    thousands; ``1.2万`` (万 = 10,000), ``1万2`` and ``1.2W`` get the digits, ``12000``, ``3千份`` gets
    ``3000`` and ``2百九十六`` gets ``296`` (`_digits_with_numerals`), never the digits before 万 or 百
    alone; a number said with 半 (``1万半``, a half) is not read, as its figure is more than its digits. Words
    that say something (``约1.2万``, ``1万余``, ``296份左右``) are offered a place in the
    tally's note. The rule (whole numbers >= 0) is from issue 3. A count above `LARGEST_COUNT` is refused
    too: the open data could not keep it exactly. The error's context holds the figure its hint offers to
    write as ``offered`` when it offers the digits typed alone (None else), for a hint that knows the record
    (`sitegen.validation`) to set it beside the figure the tally's sum gives.
    """
    hint = "write the number in digits (0-9) alone: no units such as 份 or 批, no commas, no spaces"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PydanticCustomError("count", "expected a whole number, got {kind}",
                                  {"kind": kind_of(value), "hint": hint})
    text = str(value).strip().translate(_FULLWIDTH_DIGITS)
    if re.fullmatch(r"[-−－]\s*\d+(\.\d+)?", text):
        raise PydanticCustomError("count", 'a count cannot be negative ("{text}")',
                                  {"text": value, "hint": "counts are 0 or more; check the figure"})
    # 1,296 as Excel shows it, 1，296 or 1　296 typed so, 1 296 with a no-break space from a web page
    if re.fullmatch(r"[1-9]\d{0,2}(?:[,，' \u3000\u00a0\u202f]\d{3})+", text):  # never 0,296: no number starts so
        digits = re.sub(r'[^0-9]', '', text)
        raise PydanticCustomError("count", '"{text}" holds a thousands separator (千位分隔符)',
                                  {"text": value, "hint": f"write the digits alone: {digits}", "offered": int(digits)})
    if not text.isascii() or not text.isdigit():
        offer = NoteOffer()
        offered: int | None = None  # the figure the hint offers to write, when it offers one
        if _HALF_OF_A_NUMBER.search(text):  # 1万半, 两千半: the figure without its half was offered, 10000 for 15000
            hint = (f'"{text}" holds 半 (a half), so its digits alone are not the figure: write the whole figure in '
                    "digits, the half included, as the source gives it")
        elif (spoken := _digits_with_numerals(text)) is not None:  # 1.2万: "digits alone" gave 1.2, refused again
            said, number = spoken
            unit = max((_MYRIAD_SIGNS.get(char, char) for char in said if char in _MULTIPLIERS or char in _MYRIAD_SIGNS),
                       key=_MULTIPLIERS.__getitem__)
            hint = f"{said} is {number.normalize():f} ({unit}, {_MYRIAD_WORDS[unit]}, is {_MULTIPLIERS[unit]:,})"
            if number == number.to_integral_value():
                offer = _words_to_note(text, said)
                hint += f": write {int(number)}{offer.tail}"
            else:
                hint += ", not a whole number: check the figure against the source"
        elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", text):  # 1.296 as written in Europe, or a decimal
            offered = int(text.replace(".", ""))
            hint = (f'if the "." separates thousands (千位分隔符), write the digits alone: {offered}; '
                    "if it is a decimal point, check the figure: counts are whole numbers")
        elif re.fullmatch(r"\d+\.0+", text):  # 296.0, as a spreadsheet may export it
            hint = f"write {int(text.partition('.')[0])}: a count has no decimal point"
        elif re.fullmatch(r"\d+\.\d+", text):
            hint = "counts are whole numbers: check the figure (a count has no decimal point)"
        elif re.fullmatch(r"[0-9OoIl|]+", text) and re.search(r"[0-9]", text):
            # 31O: the hint "write the digits alone: 31" dropped the O, and 31 was published
            meant = text.translate(_DIGIT_LOOKALIKES)
            letters = "".join(dict.fromkeys(char for char in text if not char.isdigit()))
            digits = "/".join(dict.fromkeys(letter.translate(_DIGIT_LOOKALIKES) for letter in letters))
            which = "the digits" if len(letters) > 1 else "the digit"
            hint = (f'"{letters}" in it is a letter, not a digit: if it is {which} {digits}, write {meant}; '
                    "else check the figure against the source")
        elif is_stand_in(text):  # 无, 待定: 0 typed for it would be published as a figure
            hint = (f'"{text}" stands for a figure not known yet: write the figure from the source; if the field may '
                    "be left out (batches, 调研批次), delete its line rather than write 0, which would be published")
        elif (meant := _count_with_words(text)) is not None:
            offered = int(meant)
            typed = text.rstrip(_TRAILING_COMMAS)
            offer = _words_to_note(typed, re.sub(r"[^0-9,，]", "", _before_bracketed_words(typed)))
            hint = (f"write the digits alone: {meant} (a count has no unit such as 份 or 批, and no other words)"
                    + offer.tail)
        elif (number := chinese_number(text)) is not None:
            offer = _words_to_note(text, _CHINESE_NUMBER.findall(text)[0])
            hint = (f"write the number in digits: {number} (a count is written 0-9, not in Chinese numerals 中文数字)"
                    + offer.tail)
        elif re.fullmatch(r"\d+(?:[ \u3000\u00a0]+\d+)+", text):
            hint = f"if it is one number, write it without the spaces: {re.sub(r'[^0-9]', '', text)}"
        raise PydanticCustomError("count", '"{text}" is not a whole number',
                                  {"text": value, "hint": hint, "figure": offer.figure, "offered": offered})
    if int(text) > LARGEST_COUNT:  # 16 digits or more: the open data would publish another figure
        raise PydanticCustomError(
            "count", '"{text}" is too large for a count ({digits} digits): a spreadsheet (Excel) keeps 15 digits of '
            "a number and a web page's JavaScript about 16, so the open data would be read as another figure",
            {"text": value, "digits": len(text.lstrip("0")),
             "hint": "type the figure from the source: were digits typed twice, or a key held down? (a count of "
                     "issue lists 问题清单 or survey batches 调研批次 runs to a few digits)"})
    return int(text)


_HALF_OF_A_NUMBER = compile_later(r"(?:\d|[零〇一二两三四五六七八九十百千万亿个])半|半(?:\d|[一二两三四五六七八九十百千万亿])")
"""半 (a half) beside a number (1万半, 两千半, 一个半, 一半): said so, the number means more than its digits and
numerals alone, and how much more is the source's to say."""


LARGEST_COUNT = 10**15 - 1
"""The largest count `parse_count` takes, 999999999999999: a spreadsheet (Excel) keeps 15 significant digits of a
number (1234567890123456 shows as 1234567890123450), and JavaScript reads a JSON number exactly only up to 2^53 − 1
(9007199254740991), so a larger count in the open data would be read as another figure."""


_DIGIT_LOOKALIKES = str.maketrans("OoIl|", "00111")
"""Letters typed for digits that look alike: O for 0, l and I for 1."""

_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_MYRIADS = {"万": 10_000, "亿": 100_000_000}
_NONZERO_DIGITS = "一二两三四五六七八九"
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
"""Chinese numerals and their places: beside digits, part of the number typed."""
_CHINESE_NUMBER = compile_later(f"[{''.join(_CHINESE_DIGITS)}{''.join(_CHINESE_UNITS)}{''.join(_CHINESE_MYRIADS)}]+")


def chinese_number(text: str) -> int | None:
    """The whole number ``text`` writes in Chinese numerals (中文数字), with words around it or not; else None.

    ``一百四十三`` → 143, ``二百九十六份`` → 296, ``三千零五`` → 3005, ``一万二千`` → 12000,
    ``一四三`` (digit by digit) → 143. A digit right after 百, 千 or 万 with no 零 between counts in
    the next place down, as it is read (``二百五`` → 250, ``一万二`` → 12000). None when the text
    holds no such number, two of them (``八九十``, eighty or ninety), or ASCII digits too.
    """
    runs = _CHINESE_NUMBER.findall(text)
    if len(runs) != 1 or any(char.isdigit() for char in text) or runs[0] in ("万", "亿"):
        return None
    run = runs[0]
    if all(char in _CHINESE_DIGITS for char in run):
        return int("".join(str(_CHINESE_DIGITS[char]) for char in run))
    if re.search(f"[{_NONZERO_DIGITS}][{_NONZERO_DIGITS}]", run):  # 八九十: eighty or ninety, not one number
        return None
    total = section = digit = 0
    last = 1  # the place of the last unit read: a digit after 百 with no 零 counts tens
    for char in run:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
            last = 1 if char in "零〇" else last
        elif char in _CHINESE_UNITS:
            section += (digit or 1) * _CHINESE_UNITS[char]
            digit, last = 0, _CHINESE_UNITS[char]
        else:
            total += (section + digit) * _CHINESE_MYRIADS[char]
            section = digit = 0
            last = _CHINESE_MYRIADS[char]
    if digit and last >= 100:
        digit *= last // 10
    return total + section + digit


_SPOKEN_RUN = compile_later(r"(?:\d+(?:\.\d+)?[wW]?|[零〇一二两三四五六七八九十百千万亿])+")
"""A number as it may be typed: digits, a decimal point, Chinese numerals (中文数字) and their places, side by side
(``1.2万``, ``2百九十六``, ``1千2百``; ``1.2W``, W for 万 as typed in chats)."""
_MYRIAD_SIGNS = {"w": "万", "W": "万"}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_MYRIAD_WORDS = {"万": "ten thousand", "亿": "a hundred million", "千": "a thousand", "百": "a hundred", "十": "ten"}


def _digits_with_numerals(text: str) -> tuple[str, Decimal] | None:
    """The number a count typed in digits with 十, 百, 千, 万 or 亿 (or Chinese digits) writes: ``(as typed, value)``.

    ``1.2万`` → 12000, ``约1.2万`` → ("1.2万", 12000), ``1万余`` → ("1万", 10000), ``2百九十六`` → 296,
    ``1千2百`` → 1200, ``2万5千`` → 25000. Read as the number is said: a lone digit right after 百, 千, 万
    or 亿 counts in the place below (``1万2`` is 一万二, 12000; ``2百5`` is 250), more digits are the
    number (``2万500`` → 20500), and 零 between keeps the place (``2千零5`` → 2005). None unless the text
    holds exactly one such number and it mixes digits with those characters; two numbers side by side
    (``2九``), and digits with Chinese digits but no place (``2〇``), are None too. The value may hold a
    decimal part (``1.23456万`` → 12345.6).
    """
    runs = _SPOKEN_RUN.findall(text)
    if len(runs) != 1 or not re.search(r"\d", runs[0]) or not re.search("[十百千万亿wW]", runs[0]):
        return None  # no number, two, none in digits, or digits without a place (2〇: which is meant?)
    total = section = Decimal(0)
    digit: Decimal | None = None
    lone = False  # the digit pending is one digit (2, 二): after 百, 千, 万 or 亿 it counts in the place below
    last = 1  # the place of the last 十, 百, 千, 万 or 亿 read
    for token in re.findall(r"\d+(?:\.\d+)?|.", runs[0]):
        sign = _MYRIAD_SIGNS.get(token, token)
        if token in ("零", "〇"):
            last = 1
        elif token[0].isdigit() or token in _CHINESE_DIGITS:
            if digit is not None:
                return None
            digit = Decimal(token) if token[0].isdigit() else Decimal(_CHINESE_DIGITS[token])
            lone = len(token) == 1
        elif sign in _CHINESE_UNITS:
            section += (1 if digit is None else digit) * _MULTIPLIERS[sign]
            digit, last = None, _MULTIPLIERS[sign]
        else:
            total += (section + (digit or 0)) * _MULTIPLIERS[sign]
            section, digit, last = Decimal(0), None, _MULTIPLIERS[sign]
    if digit is not None and lone and last >= 100:
        digit *= last // 10
    return runs[0], total + section + (digit or 0)


_COUNT_UNITS = compile_later(r"(?:[\s份批件个项条次家户人]|一共|总共|共计|合计|共)+")
"""Units typed after a count, 共 or 一共 (in all) before it, and spaces: words that say nothing the field does not."""


NOTE_EXAMPLE = "e.g. note: "
"""What a hint offering a value's words to its record's note (`_words_to_note`) ends with, before the words: the
note line to type when the record has no note. `sitegen.validation` knows the record, so it writes the line in
full there: the note the record has with the words added, and where it goes."""
_NOTE_EDGES = {"tally": (r"(?:一共|总共|共计|合计|共)\s*$", r"^\s*[份批件个项条次家户人]+"),
               "target": (r"(?:目标|达到|达|为)\s*$", r"^\s*[%％]+")}
"""What a count's or a percentage's words may hold right beside its number and say nothing the field does not
(共296, 296份, 目标80%): left out of the note, which is published beside the number."""

FIGURE_WORDS = {"collected": ("收集", "份"), "escalated": ("提交区级", "份"), "resolved": ("已解决", "份"),
                "in_progress": ("办理中", "份"), "batches": ("调研", "批"), "target": ("目标", "%"),
                "measured": ("实测", "%")}
"""What a note calls a figure of a tally or a target, and its unit, by its field: the labels the pages show beside
it (templates/partials/tally.html: 收集问题清单 … 份, 调研批次 … 批; unit.html and the target chart: 目标, 实测)."""
_BEFORE_MEASURE = "余多"
"""Words said between a count and its measure word (296余份, 300多份), not after it as 左右 is (296份左右)."""


class NoteFigure(NamedTuple):
    """A figure typed with words beside it that say something (`_words_to_note`): ``before`` and ``after`` are the
    words on either side of ``number`` (as typed, or in digits where the words were its unit: 八成 is 80), without
    what the field says already (共, 份, 目标, %) and the spaces at their ends."""

    before: str
    number: str
    after: str

    def phrase(self, field: str) -> str:
        """The words a note is to keep for the figure of ``field`` (a key of `FIGURE_WORDS`): its label, the
        words and the number, and its unit, so that the note says which figure they are about (收集约296份,
        收集296份左右, 调研318余批, 目标约80%, 收集85份，含线上问卷), not a fragment after its last sentence
        (…正在办理。约296)."""
        label, unit = FIGURE_WORDS[field]
        close, rest = "", self.after
        if unit != "%":  # 296余份: the measure word typed after 余 is the one the note writes
            close = rest[:len(rest) - len(rest.lstrip(_BEFORE_MEASURE))]
            rest = re.sub(_NOTE_EDGES["tally"][1], "", rest[len(close):]).strip(_NOTE_GAP)
        # 左右, 以上, a sign or words in brackets follow the unit; other words are a clause of their own.
        joined = rest if not rest or rest[0] in "（(【[" or _QUALIFIERS.match(rest) else f"，{rest}"
        return f"{label}{self.before}{self.number}{close}{unit}{joined}"


class NoteWords(NamedTuple):
    """Words typed beside a value (`_note_words`): ``words`` as a hint names them, ``shown`` as the note is to
    keep them when the record is not known, and the ``figure`` they were typed around."""

    words: str
    shown: str
    figure: NoteFigure


class NoteOffer(NamedTuple):
    """What a converter's hint says of words typed beside a value (`_words_to_note`): ``tail``, the end of the
    hint ("" when there are none to keep), and the ``figure`` they were typed around, for `sitegen.validation`
    to write with its label (`NoteFigure.phrase`); None when there are none."""

    tail: str = ""
    figure: NoteFigure | None = None


def _words_to_note(text: str, number: str, record: str = "tally", units: re.Pattern[str] | None = None,
                   written: str = "") -> NoteOffer:
    """What a hint says when ``text`` holds words beside its ``number`` that say something (约, 余, 左右,
    （含退回）, 以上): where to keep them, the note of the ``record`` (a tally, a target), so that nothing typed is
    lost; else an empty `NoteOffer`. ``units`` are the words that say nothing the field does not (default
    `_COUNT_UNITS`); ``written`` is the number as the note is to write it, when its unit is part of it as typed
    (八成 is 80). The tail ends with `NOTE_EXAMPLE` and the words as the note is to publish them when the
    record's field is not known: without the number, the unit beside it, the spaces around them and a "#" before
    them (``80　# 区要求`` → ``区要求``); words that only say how near the number is keep it (``约296``: 约 alone
    says nothing). A sign before the number (``+296``) says nothing and is left out."""
    lead, unit = _NOTE_EDGES.get(record, _NOTE_EDGES["tally"])
    # +296 is the number's sign, as in a spreadsheet, not "more than": a note ending "。+296" said nothing.
    text = re.sub(r"^\s*[+＋]\s*(?=[\d０-９])", "", text)
    found = _note_words(text, number, lead, unit, units or _COUNT_UNITS, _QUALIFIERS)
    if found is None:
        return NoteOffer()
    figure = found.figure._replace(number=written) if written else found.figure
    return NoteOffer(f'; to keep what "{found.words}" says, add it to the {record}\'s note, {NOTE_EXAMPLE}'
                     f"{found.shown}", figure)


def _note_words(text: str, value: str, lead: str, unit: str, units: re.Pattern[str],
                qualifiers: re.Pattern[str]) -> NoteWords | None:
    """The `NoteWords` of ``text``, a ``value`` typed with words beside it, or None when ``units`` (what says
    nothing the field does not) is all there is beside it. The words leave out ``lead`` (a pattern of what may
    end the text before the value and say nothing: 共), ``unit`` (what may start the text after it: 份), spaces
    and a "#" at their ends; the note is the words, or the value as typed with them when they only say how near
    it is (``qualifiers``: 约 alone says nothing, 约296 does)."""
    if not re.search(rf"\w|[{_NEAR_SIGNS}]", units.sub("", text.replace(value, "", 1))):
        return None
    before, _, after = text.partition(value)
    before, after = re.sub(lead, "", before).strip(_NOTE_GAP), re.sub(unit, "", after).strip(_NOTE_GAP)
    words = " ".join(part for part in (before, after) if part)
    # 296余份: the 份 after the qualifier says nothing; 余份 alone in a note, or 约 beside （含重复）, says less.
    near = any(qualifiers.fullmatch(units.sub("", part)) for part in (before, after) if part)
    return NoteWords(words, text.strip(_NOTE_GAP) if near else words, NoteFigure(before, value, after))


_NEAR_SIGNS = "~～≈≥>＞+＋↑"
"""Signs typed beside a number for 约 or 以上 (~296, ≈296, >296, 296+): they say what words would."""
_QUALIFIERS = compile_later(r"(?:大约|约|近|将近|逾|超过|超|不到|余|多|左右|上下|以上|以下|[~～≈≥>＞+＋↑])+")
"""Words beside a number that say how near it is (约, 余, 左右, 以上): alone in a note they say nothing, so the
note keeps the number with them (``约296``)."""
_NOTE_GAP = " \t\u3000\u00a0#＃"
"""What is not a note's text at either end of the words typed beside a number: spaces, and the "#" of a note
typed after a full-width space."""


def whole_number_meant(text: str) -> int | None:
    """The one whole number ``text`` writes, as a count's hint reads it (`parse_count`), or None.

    ``十`` → 10, ``五十`` → 50, ``２０条`` → 20, ``1.2万`` → 12000, ``2百5`` → 250. None for text with
    no number, two of them, a number with a decimal part, or 半 beside it (``1万半``: a half of what is unsaid).
    """
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    if _HALF_OF_A_NUMBER.search(text):  # 一半, 1万半: the numerals alone are not the number
        return None
    if (spoken := _digits_with_numerals(text)) is not None:
        return int(spoken[1]) if spoken[1] == spoken[1].to_integral_value() else None
    digits = _count_with_words(text)
    return int(digits) if digits is not None else chinese_number(text)


_WORDS_IN_BRACKETS = compile_later(r"(?P<rest>.*?\d.*?)\s*[（(【\[][^（）()【】\[\]]*[）)】\]]")
"""A number with words in brackets after it (``296（含重复，不含退回）``): what comes before the brackets."""


def _before_bracketed_words(text: str) -> str:
    """``text`` without the words in brackets typed after its number (`_WORDS_IN_BRACKETS`); as it is without."""
    aside = _WORDS_IN_BRACKETS.fullmatch(text)
    return aside["rest"] if aside is not None else text


_TRAILING_COMMAS = ",，、;；"
"""Signs an input method leaves after a figure typed as in a sentence (``125，``): they end the text, and say nothing."""


def _count_with_words(text: str) -> str | None:
    """The digits of a count typed with words around it (``296份``, ``共 1,296 份``, ``约296``), or None.

    Only one number, in ASCII digits (full-width ones already turned), with or without a thousands
    separator: ``3批296份`` holds two and is left to the editor, and so is ``2〇`` (a Chinese numeral
    beside the digits: 20, or 2?); words in brackets after it are words about it, whatever they hold
    (``296（含重复，其中143份已提交）``). A comma or 、 typed after it, as in a sentence (``125，``), is no
    word: it is left out.
    """
    # 296（其中143份已提交）: the words in brackets hold no second count
    rest = _before_bracketed_words(text.rstrip(_TRAILING_COMMAS))
    found = re.fullmatch(r"(?P<before>[^\d,，]*?)\s*(?P<number>[1-9]\d{0,2}(?:[,，]\d{3})+|\d+)\s*(?P<after>[^\d,，]*)", rest)
    if found is None or not (found["before"] or found["after"] or rest != text):
        return None
    touching = (found["before"].rstrip()[-1:], found["after"].lstrip()[:1])
    if any(char and char in _NUMERALS for char in touching):
        return None  # 2〇, 零5: a Chinese numeral beside the digits is part of the number, which is unclear
    return re.sub(r"[,，]", "", found["number"])


def parse_percent(value: Any) -> float:
    """Turn a percentage (``80``, ``80%``, ``80.5``, ``８０％``) into a float from 0 to 100.

    Raises `PydanticCustomError` ``percent`` for text that is not a plain
    decimal number (``nan``, ``1e2`` and ``八十`` are refused; for one number
    with words, ``约80%`` or ``80%以上``, the hint gives the number and offers the target's note for the
    words; ``八十``, ``百分之八十``, ``8成`` and ``八成`` are read as said, 80, and so are ``六成半``, 65, and
    ``四分之三``, 75 (`_spoken_percent`); for ``65。5``,
    typed with the Chinese full stop, ``65.5``) and for numbers
    outside 0..100, and ``percent`` for more than `PERCENT_DECIMALS` decimals (pages show the figure as typed,
    every decimal, `percent_digits`). A share written as 0.8 is taken as 0.8 (percent): a target
    below 1 is warned by `sitegen.checks.check_targets` as most likely meant as 80.
    """
    hint = "write a number from 0 to 100, e.g. 80 or 62.5 (a share of 0.8 is written 80)"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise PydanticCustomError("percent", "expected a percentage from 0 to 100, got {kind}",
                                  {"kind": kind_of(value), "hint": hint})
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        typed = value.strip().translate(_FULLWIDTH_DIGITS)
        text = typed.removesuffix("%").strip()
        if not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
            offer = NoteOffer()
            words = re.fullmatch(r"[^\d.%-]*?\s*(\d+(?:\.\d+)?)\s*%?\s*[^\d.%-]*", text)
            mille = re.fullmatch(r"(\d+(?:\.\d+)?)\s*‰", text)
            if re.fullmatch(r"[0-9OoIl|]+(\.[0-9OoIl|]+)?", text) and re.search(r"[0-9]", text):
                # 8O: "write the number alone: 8" dropped the O, and 8% was published
                letters = "".join(dict.fromkeys(char for char in text if char not in "0123456789."))
                digits = "/".join(dict.fromkeys(letter.translate(_DIGIT_LOOKALIKES) for letter in letters))
                hint = (f'"{letters}" in it is a letter, not a digit: if it is {digits}, write '
                        f"{text.translate(_DIGIT_LOOKALIKES)}; else check the figure against the source")
            elif mille is not None:  # 80‰ is 8 %: "write the number alone: 80" published ten times the figure
                per_cent = format((Decimal(mille[1]) / 10).normalize(), "f")
                hint = (f"‰ is per mille (千分之), a tenth of a percent: {mille[1]}‰ is {per_cent}%, so write "
                        f"{per_cent}%")
            elif (stop := re.fullmatch(r"(\d+)\s*([。｡])\s*(\d+)", text)) is not None:  # 65。5: the input method's 。
                hint = f'"{stop[2]}" is the Chinese full stop (句号), not a decimal point: write {stop[1]}.{stop[3]}'
            elif (spoken := _spoken_percent(text)) is not None:  # 8成: "write the number alone: 8" gave 8 %
                said, meaning, per_cent = spoken
                if Decimal(per_cent) <= 100:  # the note writes 约80%, not 约八成% with the unit twice
                    offer = _words_to_note(typed, said, "target", _PERCENT_SIGNS, written=per_cent)
                    hint = f"{said} is {per_cent}% ({meaning}): write {per_cent}{offer.tail}"
                else:
                    hint = f"{said} is {per_cent}% ({meaning}), more than 100: check the figure against the source"
            elif words is not None and 0 <= float(words[1]) <= 100:  # 约80%, 80%以上: one number, with words
                offer = _words_to_note(typed, words[1], "target", _PERCENT_SIGNS)
                hint = f"write the number alone: {words[1]} (a percentage has no other words){offer.tail}"
            raise PydanticCustomError("percent", '"{text}" is not a percentage',
                                      {"text": value, "hint": hint, "figure": offer.figure})
        number = float(text)
    if not 0 <= number <= 100:  # also refuses nan
        raise PydanticCustomError("percent", '"{text}" is outside 0 to 100',
                                  {"text": value, "hint": hint})
    figure, kept = Decimal(text if isinstance(value, str) else repr(number)), Decimal(1).scaleb(-PERCENT_DECIMALS)
    if figure != figure.quantize(kept, ROUND_DOWN):
        # Shown as typed (`percent_digits`), 79.99999999999999999 was the float 80.0, "已达 80%" beside a target of
        # 80; and 17 digits left a chart's track no room. Cut, not rounded: a figure cut never reaches a target
        # it was short of.
        cut = figure.quantize(kept, ROUND_DOWN).normalize()
        hint = (f"write {format(cut, 'f')}, the rest cut, not rounded" if cut else
                f"this one is less than {format(kept, 'f')}%, one in a hundred million: check the figure against "
                "the source")  # cut to 0, a share measured would read as nothing done
        raise PydanticCustomError("percent", '"{text}" has more than {places} decimals',
                                  {"text": value, "places": PERCENT_DECIMALS,
                                   "hint": f"a percentage keeps at most {PERCENT_DECIMALS} decimals (小数位): {hint}"})
    return number


PERCENT_DECIMALS = 6
"""The decimals a percentage may have (`parse_percent`): one person of a million is 0.0001%, so six say every
share a survey can measure, and a page shows them all (`percent_digits`)."""


def percent_digits(value: float) -> str:
    """A percentage as the editor typed it: the shortest decimal that is ``value``, never in exponent notation.

    Takes a value of `parse_percent` (a float from 0 to 100) and returns its digits: ``80.0`` → ``"80"``,
    ``79.96`` → ``"79.96"``, ``33.333333`` → ``"33.333333"``, ``1e-06`` → ``"0.000001"``. `parse_percent`
    refuses more decimals than a float gives back, so a page, a chart and the open data all show the figure typed,
    none of them a rounded one that could read as a target reached (79.96 as 80).
    """
    return format(Decimal(repr(float(value))), "f").removesuffix(".0")


_PERCENT_SIGNS = compile_later(r"[\s%％]+|目标|达到|达|为")
"""What a percentage may hold beside its number and say nothing the field does not: the sign, spaces, and
目标 (target), 达到 (reach), 为 (is)."""
_SPOKEN_PERCENT = compile_later(r"(?:(?P<of>百分之)(?P<number>[\d.零〇一二两三四五六七八九十百点]+)|(?P<whole>百分百|百分之百)"
                                r"|(?P<tenths>[\d.零〇一二两三四五六七八九十点]+|半)成(?P<tenth>[一二三四五六七八九\d]|半)?"
                                r"|(?P<half>一半|半数)"
                                r"|(?P<whole_of>[\d零〇一二两三四五六七八九十百千万]+)分之(?P<parts>[\d.零〇一二两三四五六七八九十百点]+))")
"""A percentage said in words: 百分之八十 (eighty of a hundred), 百分百, 8成 or 八成 (tenths), 七成五 (75), 六成半 (65),
半成 (5), 一半 (50), 四分之三 (75: three of four parts)."""
_SAID_NUMBER = compile_later(r"[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?")
"""A number from 0 to 100 in Chinese numerals, with 点 as its decimal point (六十二点五)."""


def _spoken_percent(text: str) -> tuple[str, str, str] | None:
    """A percentage typed as it is said: ``(as typed, what its words mean, the percentage in digits)``, or None.

    ``百分之八十`` → ("百分之八十", "百分之, per hundred", "80"); ``8成`` and ``八成`` → 80 (成, a tenth:
    八成 is eight tenths, the way Chinese says 80 %); ``七成五`` → 75; ``百分百`` → 100; ``百分之六十二点五``
    → 62.5 (点, the decimal point); plain Chinese numerals ``八十`` → 80. 半 is a half: ``六成半`` → 65
    (the half lost, it was offered 60), ``半成`` → 5, ``一半`` and ``半数`` → 50 (``一半`` was offered 1).
    A fraction, ``四分之三`` → 75, is given to two decimals and said to be rounded when it is not whole
    (``三分之二`` → "66.67"). None when the text holds none of these, or more than one number; and for a
    半 beside other numerals (``五十半``): half of which, the figure does not say.
    """
    found = list(_SPOKEN_PERCENT.finditer(text))
    if len(found) == 1:
        return _said_share(found[0])
    runs = _SAID_NUMBER.findall(text)
    if found or len(runs) != 1 or re.search(r"\d|半", text):
        return None
    number = _said_decimal(runs[0])
    return None if number is None else (runs[0], "中文数字, Chinese numerals", format(number.normalize(), "f"))


def _said_share(match: re.Match[str]) -> tuple[str, str, str] | None:
    """`_spoken_percent` of one `_SPOKEN_PERCENT` match: ``(as typed, what its words mean, the percentage)``, or
    None when its numbers are not read."""
    def digits(number: Decimal) -> str:
        return format(number.normalize(), "f")

    if match["whole"]:
        return match["whole"], "百分百, the whole", "100"
    if match["half"]:
        return match["half"], "半, a half", "50"
    if match["of"]:
        number = _said_decimal(match["number"])
        return None if number is None else (match.group(), "百分之, per hundred", digits(number))
    if match["whole_of"]:
        whole, parts = _said_decimal(match["whole_of"]), _said_decimal(match["parts"])
        if not whole or parts is None:
            return None
        share = parts * 100 / whole
        rounded = share.quantize(Decimal("0.01"))
        said = f"分之, {digits(parts)} of {digits(whole)} parts"
        return match.group(), said + ("" if rounded == share else ", rounded to two decimals"), digits(rounded)
    number = Decimal(1) / 2 if match["tenths"] == "半" else _said_decimal(match["tenths"])
    tenth = (Decimal(5) if match["tenth"] == "半" else
             _said_decimal(match["tenth"]) if match["tenth"] else Decimal(0))
    if number is None or tenth is None:
        return None
    meaning = "成, a tenth, is 10%" + (", and 半, half of one, 5%" if "半" in match.group() else "")
    return match.group(), meaning, digits(number * 10 + tenth)


def _said_decimal(typed: str) -> Decimal | None:
    """A number in digits or in Chinese numerals, with 点 or "." as its decimal point (``六十二点五`` → 62.5); or None."""
    if re.fullmatch(r"\d+(?:\.\d+)?", typed):
        return Decimal(typed)
    whole, _, tenths = typed.partition("点")
    number = chinese_number(whole)
    if number is None or not all(char in _CHINESE_DIGITS for char in tenths):
        return None
    return Decimal(f"{number}.{''.join(str(_CHINESE_DIGITS[char]) for char in tenths) or 0}")


FULL_WIDTH_FIX = "the value is typed in full width (全角): write it in half width (半角)"
"""How a value typed with the input method in full-width mode (``ｔｏｗｎ``, ``ｆａｌｓｅ``) is told, before the
line to write (``level: town``): the editor believes they typed that very word."""


def id_case_reason(typed: str) -> str:
    """Why ``typed`` is not the id it reads as (its NFKC form in lower case, without spaces around it), and how
    to write it.

    Takes an id as typed that differs from that form: in full width (全角,
    ``ｂａｉｈｅ``, typed with the input method in full-width mode), with
    capitals (``Baihe``), both, or only with a space before or after it
    (``"baihe "``, copied with the space after it). Returns the reason, to
    be followed by the line to write. Raises nothing.
    """
    half = unicodedata.normalize("NFKC", typed).strip()
    full_width, capitals = half != typed.strip(), half != half.lower()
    if not full_width and not capitals and typed != typed.strip():
        return "the id is typed with a space before or after it: write it without"
    if full_width and capitals:
        return ("the id is typed in full width (全角) and with capitals: write it in half width (半角) and in "
                "lower case (小写)")
    if capitals:
        return "the id is typed with capitals: write it in lower case (小写), as its file name is"
    return "the id is typed in full width (全角): write it in half width (半角)"


FLAG_MEANINGS: dict[str, tuple[str, str]] = {"draft": ("to keep it unpublished", "to publish the page")}
"""What ``true`` and ``false`` do, by yes/no field whose name does not say it: "write true or false" left the
editor of ``draft: 发布`` to guess which one publishes."""


def parse_bool(value: Any) -> bool:
    """Turn a yes/no field into a bool.

    Accepts ``true``/``false``, ``yes``/``no``, ``on``/``off`` (any case) and
    是/否, for fields the product declares boolean only (elsewhere ``no``
    stays the text ``no``). Raises `PydanticCustomError` ``bool`` otherwise (with the
    value to write when it is one of these typed in full width: ``ｆａｌｓｅ``).
    """
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("bool", "expected true or false, got {kind}",
                                  {"kind": kind_of(value), "hint": "write true or false (是 or 否)"})
    text = value.strip().lower()
    if text in {"true", "yes", "on", "是"}:
        return True
    if text in {"false", "no", "off", "否"}:
        return False
    half = unicodedata.normalize("NFKC", text)
    if half in {"true", "yes", "on", "false", "no", "off"}:
        raise PydanticCustomError("bool", '"{text}" is not true or false',
                                  {"text": clip(value), "meant": half, "fix": FULL_WIDTH_FIX})
    raise PydanticCustomError("bool", '"{text}" is not true or false',
                              {"text": clip(value), "hint": "write true or false (是 or 否)"})


_DOTS = frozenset(".．·・。…⋯‥")
_GAP_SPACES = " \t\u3000"


def is_gap(value: str) -> bool:
    """True for a value that is only an ellipsis: the gap a hint leaves for a text (``add a line "title: …"``),
    typed as shown. That is one ``…`` (``⋯``, ``‥``) or more, three ASCII dots or more (``...``: two, ``..``, is a
    path's parent folder), or two or more of any dots in full width or mixed (``。。。``, ``．．``, ``·····``),
    with spaces around or between them."""
    stripped = value.strip(_GAP_SPACES)
    if not stripped or stripped[0] not in _DOTS:  # most values: a word first, told at once
        return False
    dots = [char for char in stripped if char not in _GAP_SPACES]
    if any(char not in _DOTS for char in dots):
        return False
    if all(char == "." for char in dots):
        return len(dots) >= 3
    return len(dots) >= 2 or dots[0] in "…⋯‥"


def parse_text(value: Any) -> str:
    """Accept text as typed, without the line breaks a block (``note: |``, ``note: >``) ends with.

    YAML keeps a block's last line break (its "clip" chomping, YAML 1.2
    §8.1.1.2); the editor did not type it as text, and in a CSV cell or a
    JSON value it would be one more line. Line breaks inside the text stay.
    Raises `PydanticCustomError` ``text_empty`` for an empty value (``title:``
    with nothing after it, or only quotes or spaces: ``title: ""``),
    ``text_gap`` for a value that is only an ellipsis (`is_gap`: the
    gap in a hint, typed as shown) and ``text`` for lists or mappings.
    """
    if isinstance(value, str) and is_gap(value):
        raise PydanticCustomError("text_gap", '"{gap}" is where a hint leaves room for the text, not the text',
                                  {"gap": value.strip(" \t\u3000"),
                                   "hint": "write the text itself in place of the dots (省略号)"})
    if isinstance(value, str) and value.strip():
        return value.rstrip("\n")
    if value is None or isinstance(value, str):  # nothing typed, or only quotes or spaces: title: ""
        raise PydanticCustomError("text_empty", "the value is empty",
                                  {"hint": "write the value after the colon (and a space), or remove the line"})
    raise PydanticCustomError("text", "expected text, got {kind}",
                              {"kind": kind_of(value),
                               "hint": "write the text on the same line after the colon; if it contains "
                                       '": " or starts with "-" or "[", wrap it in quotes'})


_CJK_END = compile_later(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = compile_later(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
"""A line ending, or starting, in a Chinese character or mark: two such lines join with no space between."""


def parse_line(value: Any) -> str:
    """Accept text of one line, as `parse_text`: a title, a name, a role (职务), a publisher.

    Raises `PydanticCustomError` ``text_lines`` for a text of several lines (typed after ``|``): shown in a
    heading, a byline or a sentence, its break was a space (none between Chinese characters), the lines typed
    published joined untold; free text (a summary, a note, a description) keeps its lines on the pages.
    """
    return _one_line(parse_text(value))


def parse_optional_line(value: Any) -> str:
    """`parse_line` for a field that may be left empty (""), as `parse_optional_text`."""
    return _one_line(parse_optional_text(value))


_META_LINE = ("a gov: meta tag (政府网站 meta 标签) is one line: every page's <meta> tag would carry the line break "
              "in its value")


def parse_meta_line(value: Any) -> str:
    """Accept the value of a government-site meta tag (``gov:`` of ``site.yaml``: SiteName, ColumnName, …): one
    line, or "" when left empty, as `parse_optional_line`.

    Raises `PydanticCustomError` ``text_lines`` for a text of several lines (typed after ``|``), told as a meta
    tag's (`_META_LINE`): no page shows it, but each page's ``<meta content="…">`` held the line break.
    """
    return _one_line(parse_optional_text(value), _META_LINE)


def parse_meta_code(value: Any) -> str:
    """`parse_meta_line` for a meta tag that holds no spaces, a domain or a code (SiteDomain www.shqp.gov.cn,
    SiteIDCode 3101180001): the one line its hint offers joins the lines typed with nothing between, as the
    value is meant (``www.shqp.`` and ``gov.cn`` are www.shqp.gov.cn, not "www.shqp. gov.cn")."""
    return _one_line(parse_optional_text(value), _META_LINE, spaced=False)


_YAML_SIGN_FIRST = compile_later(r"""[-?:,\[\]{}#&*!|>'"%@`]""")
"""A first character by which YAML reads a bare value as something else than text (a comment, a list, a quote)."""


_TITLE_LINE = "a title or name is one line: pages would show it broken where the lines end"
"""Why a title, a name, a role or a publisher is one line (`parse_line`)."""


def _one_line(text: str, why: str = _TITLE_LINE, spaced: bool = True) -> str:
    """``text``, or `PydanticCustomError` ``text_lines`` with the lines joined as YAML would (with nothing between
    them when not ``spaced``), when it has several; ``why`` ends its message, saying why the field is one line."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) > 1:  # typed after "|": the title's <h1>, <title> and links held a line break, shown as a space
        joined = lines[0]
        for line in lines[1:]:
            joined += ("" if not spaced or _CJK_END.search(joined) and _CJK_START.match(line) else " ") + line
        if _YAML_SIGN_FIRST.match(joined) or ": " in joined or " #" in joined:  # typed bare, #3号楼 was a comment
            joined = _in_quotes(joined)
        raise PydanticCustomError("text_lines", "it is typed over {count} lines (after \"|\"), and {why}",
                                  {"count": len(lines), "why": why,
                                   "hint": f"write it on one line after the colon, without the |: {joined}"})
    return text


def parse_name(value: Any) -> str:
    """Accept what names a page, series or unit (its title, its name): text, as `parse_text`, holding a word.

    Raises `PydanticCustomError` ``text_lines`` for a text of several lines (typed after ``|``), and
    ``text_words`` for a value of punctuation alone (``——``, ``？？``, ``-``):
    a page titled so tells readers nothing, and the sign is most often typed for "none yet" (待定); ASCII
    question marks alone (``????``) are told as characters lost in a save (`sitegen.errors.lost_characters_message`).
    """
    text = parse_line(value)
    if len(text.strip()) >= 2 and not text.strip().strip("?"):  # ASCII "?" alone: the name's characters lost
        raise PydanticCustomError("text_words", lost_characters_message(text.strip()),
                                  {"hint": LOST_CHARACTERS_HINT})
    if not re.search(r"\w", text):
        raise PydanticCustomError("text_words", '"{text}" holds no words, only signs',
                                  {"text": text.strip(), "hint": "write the words of the title or name itself (标题、名称)"})
    return text


def parse_optional_text(value: Any) -> str:
    """Accept text as typed, empty included, as `parse_text` does; nothing typed (``summary:`` alone) is "".
    Raises like `parse_text` for lists and mappings."""
    if value is None:
        return ""
    return parse_text(value) if not isinstance(value, str) or is_gap(value) else value.rstrip("\n")


_ITEM_NUMBER = compile_later(r"(?:(?:^|(?<=\s)|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]))(\d{1,2})[ \t]*[.．、)）]"
                             r"|([一二三四五六七八九十])[ \t]*[、.．)）])[ \t]*(?=\S)")
"""A number before an item (1. 1、 一、): one may follow a Chinese item before it with no space, since lines
beside Chinese text typed one below another are joined without one (``1. 走访中心2. 研究``)."""
_CHINESE_ORDINALS = "一二三四五六七八九十"


def numbered_items(text: str) -> list[str]:
    """The items of a numbered list typed as one text (``1. 走访企业 2. 研究政策``, ``一、走访 二、研究``), without
    their numbers; [] when ``text`` is not one: it must start with 1 (一) and number its items 1, 2, 3 …"""
    marks = list(_ITEM_NUMBER.finditer(text.strip()))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    numbers = [int(mark[1]) if mark[1] else _CHINESE_ORDINALS.index(mark[2]) + 1 for mark in marks]
    if numbers != list(range(1, len(marks) + 1)):
        return []
    text = text.strip()
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return [text[mark.end():end].strip() for mark, end in zip(marks, ends)]


def parse_text_list(value: Any) -> tuple[str, ...]:
    """Accept a list of texts, or one text as a list of one; an empty value is an empty list.

    Raises `PydanticCustomError` ``text_list`` for a mapping or a list holding lists or mappings.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        items = numbered_items(value)
        if items:  # "1. 走访企业 2. 研究政策", typed one a line below the key: one item, shown as one
            lines = ", ".join(f'"  - {item}"' for item in items)
            raise PydanticCustomError("text_list", "the numbers in it show {count} items typed as one text, so the "
                                      "page would show them as one",
                                      {"count": len(items), "hint": "write each item on its own line below the key, "
                                       f'starting with "- " and without its number: {lines}'})
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        for number, item in enumerate(value, 1):
            if is_gap(item):
                raise PydanticCustomError("text_gap", 'item {number} of the list, "{gap}", is where a hint leaves '
                                          "room for the text, not the text",
                                          {"number": number, "index": number - 1, "gap": item.strip(" \t\u3000"),
                                           "hint": "write the text itself in place of the dots (省略号), or delete "
                                                   "the item"})
        return tuple(value)
    if isinstance(value, list):
        number = next(n for n, item in enumerate(value, 1) if not isinstance(item, str))
        text = _colon_text(value[number - 1])
        if text is not None:  # - 走访企业: 5家: YAML reads ": " in an item as a field's colon
            raise PydanticCustomError(
                "text_list", 'item {number} of the list, "{text}", has ": " in it, so YAML reads it as a field '
                "(key: value), not text",
                {"number": number, "index": number - 1, "text": clip(text), "quoted": _in_quotes(text),
                 "wide": text.replace(": ", "：", 1),
                 "hint": f"wrap the whole item in quotes: - {_in_quotes(text)} (or type the colon full width "
                         f"(全角冒号): - {text.replace(': ', '：', 1)})"})
        label = _bare_label(value[number - 1])
        if label is not None:  # - 计划打造: — a colon at the end reads as a field with nothing in it
            raise PydanticCustomError(
                "text_list", 'item {number} of the list, "{text}", ends in ":", so YAML reads it as a field with '
                "nothing in it (key:), not text",
                {"number": number, "index": number - 1, "text": clip(label + ":"), "quoted": _in_quotes(label + ":"),
                 "wide": f"{label}：",
                 "hint": f"wrap the whole item in quotes: - {_in_quotes(label + ':')} (or type the colon full "
                         f"width (全角冒号): - {label}：)"})
        raise PydanticCustomError("text_list", "item {number} of the list is {kind}, not text",
                                  {"number": number, "kind": kind_of(value[number - 1]),
                                   "hint": "write each item as text; delete empty items"})
    raise PydanticCustomError("text_list", "expected a list of texts, got {kind}",
                              {"kind": kind_of(value),
                               "hint": 'write [草莓, 补短板], or one item per line, each starting with "- "'})


def _colon_text(item: Any) -> str | None:
    """The text an item of a list was typed as when YAML read it as one field because of the ": " in it
    (``- 走访企业: 5家`` → ``走访企业: 5家``); None for any other item (a group of several fields, a list, a
    field with no text or a group after its colon)."""
    if not isinstance(item, dict) or len(item) != 1:
        return None
    [(key, value)] = item.items()
    if not isinstance(key, str) or not isinstance(value, str) or not value.strip():
        return None
    return f"{key}: {value}"


def _bare_label(item: Any) -> str | None:
    """The text before the colon of a list item typed as a text ending in ":" (``- 计划打造:`` → ``计划打造``),
    which YAML reads as one field with no value; None for any other item."""
    if not isinstance(item, dict) or len(item) != 1:
        return None
    [(key, value)] = item.items()
    if not isinstance(key, (str, int, float)) or isinstance(key, bool) or value not in (None, ""):
        return None
    return str(key)


_NAMED_ADDRESS = compile_later(r"(.*?)[ \t\u3000]*[：:]?[ \t\u3000]*((?i:https?)://\S+)", re.DOTALL)
"""A name and a web address typed on one line: apart by a space (a full-width one too), or by a colon,
full width or not, with or without spaces (``上海热线新闻网 http://…``, ``上海热线新闻网：http://…``)."""


def named_address(text: str) -> tuple[str, str] | None:
    """Split ``text``, a publisher's name with the web address of the source after it (``上海热线新闻网
    http://www.shcafe.org/…``), into (the name, the address); None when ``text`` does not end with an http(s)
    address after a name. A name left empty (``http://…`` alone) is returned as "". Raises nothing."""
    found = _NAMED_ADDRESS.fullmatch(text.strip())
    if found is None or "://" in found[1]:
        return None
    return found[1].strip(" \t\u3000，,、；;：:"), found[2]


def parse_web_address(value: Any) -> str:
    """Accept an empty value or a full http(s) address with a host; returns it stripped.

    Raises `PydanticCustomError` ``web_address`` for text with another scheme
    (``javascript:``, ``data:``) or no host: such a value would be published
    as a link; and for an address typed with an input method's full-width
    signs (``http：//``), ending in Chinese punctuation (``….html。``, copied
    with the end of its sentence) or typed in Chinese quotes as if they were
    YAML's (``“https://…”``), which readers' browsers would not find; with
    a space beside a "/" (`sitegen.webaddress.address_slip`); or holding
    ``&amp;`` copied from a page's HTML source.
    """
    if value is None:
        return ""
    text = parse_text(value).strip()
    if not text:
        return ""
    slip = address_slip(text)
    if slip is not None and slip.in_quotes:
        # The hint gives the whole line (url: https://…): the key is the validation's to add.
        raise PydanticCustomError("web_address", '"{text}" ' + slip.message,
                                  {"text": clip(text), "fix": slip.fix.rstrip(":"), "meant": slip.meant})
    if slip is not None and slip.full_width:
        raise PydanticCustomError("web_address", '"{text}" ' + slip.message,
                                  {"text": clip(text), "hint": _slip_hint(slip.fix, slip.meant)})
    parts = split_address(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in text for c in "\x00\n\r\t"):
        raise PydanticCustomError(
            "web_address", '"{text}" is not a web address',
            {"text": clip(text), "hint": "write the full address, starting with https:// or http://"})
    if slip is not None:
        raise PydanticCustomError("web_address", '"{text}" ' + slip.message,
                                  {"text": clip(text), "hint": _slip_hint(slip.fix, slip.meant)})
    if "&amp;" in text.lower():
        # Copied from a page's HTML source: published as it is typed, the link would hold "&amp;" where the
        # address has "&" (a YAML value is text, not HTML), and lead elsewhere.
        meant = re.sub("&amp;", "&", text, flags=re.IGNORECASE)
        raise PydanticCustomError("web_address", '"{text}" holds "&amp;", the way a web page\'s HTML source writes '
                                  '"&"', {"text": clip(text), "hint": _slip_hint('write "&" in its place:', meant)})
    return text




_TAG_SEPARATORS = compile_later(r"[,，、;；:：]")
_TAG_SPACES = compile_later(f"[ \t{WIDE_SPACES},，、;；:：]+")
_WORD_GAPS = " \t" + WIDE_SPACES
"""What stands between two words typed as one tag (大调研 补短板): a space, a TAB, or a full-width or special space."""
_ODD_GAP_RE = compile_later(f"[\t{WIDE_SPACES.replace(chr(0x3000), '')}]+")
"""A TAB or a special space (no-break …), never meant in a tag: a tag kept whole is typed with an ordinary one."""
SEPARATOR_MARKS = "，、；;：:"
"""Marks an input method types between two words that YAML keeps inside one item of a list (in square brackets
only the English comma parts items): an item holding one is two typed as one, unless typed in quotes (`parse_tags`)."""


@functools.cache
def _spaced_words_re() -> re.Pattern[str]:
    # Compiled on first use: its CJK ranges take ~3 ms to compile, and only a tag with a space needs it.
    return re.compile(f"[\u3400-\u9fff][{_WORD_GAPS}]+[\u3400-\u9fff]")


def _spaced_words(tag: str) -> bool:
    """True when ``tag`` holds two Chinese words with spaces between them (大调研 补短板): two tags typed as one.

    A TAB or a special space there (``大调研\t补短板``, a no-break space pasted from a web page) is such a space:
    YAML keeps it in the item as it keeps a space, so the tag was published whole, unwarned.
    """
    return any(gap in tag for gap in _WORD_GAPS) and _spaced_words_re().search(tag) is not None


SLASH_MARKS = "/／|｜"
"""Marks typed between words as "or" or "and" (大调研/补短板): between Chinese words in a tag, two tags typed as one."""
_TAG_SLASHES = compile_later(r"[ \t\u3000]*[,，、;；:：/／|｜][ \t\u3000]*")
_TAG_SLASHES_SPACES = compile_later(f"[ \t{WIDE_SPACES},，、;；:：/／|｜]+")
"""What parts the words of a tag with a slash in it (`_slashed_words`): the marks, with spaces around them; and
spaces alone too, when Chinese words stand apart by one as well (大调研/补短板 民生)."""


@functools.cache
def _slashed_words_re() -> re.Pattern[str]:
    # Compiled on first use, as `_spaced_words_re`.
    return re.compile(f"[\u3400-\u9fff][{_WORD_GAPS}]*[{SLASH_MARKS}][{_WORD_GAPS}]*[\u3400-\u9fff]")


def _slashed_words(tag: str) -> bool:
    """True when ``tag`` holds two Chinese words with a slash or a bar between them (大调研/补短板, 民生｜就业): two
    tags typed as one. YAML keeps the mark in the item, so the tag was published whole, one page for all the words,
    unwarned. ``R&D/研发`` or ``2018/05`` is a tag of its own words."""
    return any(mark in tag for mark in SLASH_MARKS) and _slashed_words_re().search(tag) is not None


def _gap_name(tag: str) -> str:
    """How a message names the space between the words of ``tag`` (`_spaced_words`): "a space" for a space or a
    full-width one, as an input method types them; "a TAB (制表符)", or the special space by name (`space_name`)."""
    found = _spaced_words_re().search(tag)
    odd = next((char for char in found.group()[1:-1] if char not in " \u3000"), "") if found else ""
    return "a space" if not odd else "a TAB (制表符)" if odd == "\t" else space_name(odd)


def _list_brackets(tag: str, typed_as_text: bool) -> str | None:
    """The brackets other than [ ] (【】, ［］; and （）, ( ) around a list typed as one text) that ``tag`` is
    typed in, as a list would be; else None.

    ``【大调研, 补短板】``, ``tags: (大调研, 补短板)`` and ``【大调研`` are; ``【专题】调研`` is a tag with
    brackets in it, and so is ``（补短板）`` as an item of a list in [ ]. ``typed_as_text``: the field's value
    was one text, not a list.
    """
    for opening, closing in ("【】", "［］", "（）", "()")[:4 if typed_as_text else 2]:
        starts, ends = tag.startswith(opening), tag.endswith(closing)
        if (starts and (ends or closing not in tag)) or (ends and opening not in tag):
            return opening + closing
    return None


_CHINESE_QUOTES = {"“”": "Chinese quotes “ ” (中文引号)", "‘’": "Chinese quotes ‘ ’ (中文引号)",
                   "「」": "corner quotes 「 」 (直角引号)", "『』": "corner quotes 『 』 (直角引号)",
                   "＂＂": "full-width quotes ＂ ＂ (全角引号)", "＇＇": "full-width quotes ＇ ＇ (全角引号)"}
QUOTE_MARKS = "".join(dict.fromkeys("".join(_CHINESE_QUOTES)))
"""Quotes an input method types (“ ” ‘ ’ 「 」 『 』 ＂ ＇): around an item of a list of words, they are part of it,
not YAML's quotes (`parse_tags`)."""


def _chinese_quotes(tag: str) -> str | None:
    """The Chinese quotes that ``tag`` is typed in (“大调研”, or a list's first or last item: “大调研), named; else None.

    ``“新”农村`` is a tag with a quoted word in it, not one typed in quotes.
    """
    for pair, name in _CHINESE_QUOTES.items():
        opening, closing = pair
        starts, ends = tag.startswith(opening), tag.endswith(closing)
        if (starts and ends and len(tag) > 1) or (starts and closing not in tag[1:]) \
                or (ends and opening not in tag[:-1]):
            return name
    return None


def in_chinese_quotes(tag: str) -> bool:
    """Whether a list item typed as ``tag`` without YAML's quotes would be typed in Chinese quotes (`_chinese_quotes`):
    a mistake `parse_tags` tells; a hint that lists it writes it in English quotes."""
    return _chinese_quotes(tag) is not None


def _without_chinese_quotes(tag: str) -> str:
    """``tag`` without the Chinese quotes it is typed in (`_chinese_quotes`); as it is when it is not."""
    return tag.strip(QUOTE_MARKS + " ") if _chinese_quotes(tag) else tag


QUOTED_TAGS = "quoted_tags"
"""Validation context key: ``{field: indexes}`` of the items of ``tags`` (or of a unit's ``aliases`` and
``misspellings``) typed in quotes (see `parse_tags`)."""

WORD_LIST_FIELDS = {"tags": "tag", "aliases": "name", "misspellings": "spelling", "not_misspellings": "name",
                    "distinct_tags": "tag"}
"""The lists of short words checked by `parse_tags`, each with what one item is called in messages."""

LIST_MEANT = "list_meant"
"""Context key of `parse_tags`'s errors: ``(how to mend the list, the list as it is to be typed)``, as its hint
gives them (``("write the tags separated by English commas", "[大调研, 补短板]")``), for a hint of another mistake
on the same line to give the line whole (`sitegen.validation.values_meant`)."""


def plain_name(name: str) -> str:
    """A name or title as readers tell them apart: full-width and half-width forms alike (NFKC), no spaces.

    Two units of one plain name are one place listed twice (`sitegen.checks.check_unit_names`).
    """
    return "".join(unicodedata.normalize("NFKC", name).split())


def tag_spelling(name: str) -> str:
    """A tag text with case, character width and spaces set aside (``Ｒ＆Ｄ`` and ``r&d`` are one spelling).

    Two tags of one spelling are one term (`sitegen.site`): NFKC, then case-folded, spaces removed.
    """
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


_MARK_NAMES = {"，": "a full-width comma (，)", "、": "a 顿号 (、)", "；": "a full-width semicolon (；, 分号)",
               ";": "a semicolon (;)", ",": "a comma (,)", "：": "a full-width colon (：, 冒号)", ":": "a colon (:)",
               "/": "a slash (/)", "／": "a full-width slash (／, 斜杠)", "|": "a vertical bar (|)",
               "｜": "a full-width vertical bar (｜, 竖线)"}


def marks_in(text: str, marks: str) -> str:
    """The marks of ``marks`` that ``text`` holds, named for a message: "a full-width semicolon (；, 分号) and a
    semicolon (;)"."""
    return " and ".join(_MARK_NAMES[mark] for mark in marks if mark in text)


def parse_tags(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    """Accept a page's tags (or a unit's aliases or misspellings): a list of texts, none of them a list typed as one.

    Takes the value typed after ``tags:``; returns the tags. A unit's
    ``aliases`` and ``misspellings`` are checked the same way (an item is
    then a "name" or a "spelling"): ``misspellings: 白河镇, 百合镇`` is one
    spelling that no text holds, so neither would be warned. A list needs
    half-width square brackets and English commas: ``tags: 大调研, 补短板``
    (no brackets), ``tags: 【大调研, 补短板】`` or ``［…］`` (full-width
    brackets from a Chinese input method), ``[大调研，补短板]`` (a
    full-width comma or 顿号 、), ``[大调研；补短板]`` (a semicolon, full-
    or half-width) and ``[大调研 补短板]`` (Chinese words apart by a space,
    full-width or not, a TAB or a special space: `_spaced_words`) and ``[大调研/补短板]`` (a slash or a bar,
    / ／ | ｜, between Chinese words: `_slashed_words`) are each one text to YAML, so one tag
    holding the whole line; that is never meant. A tag typed in Chinese
    quotes (``[“大调研”, 补短板]``, `QUOTE_MARKS`) would keep them as part
    of it: a tag and a page of its own, apart from 大调研's. (A half-width
    comma in an item of a list typed as one, ``[a, "b, c"]``, is kept, and
    so is a tag typed in English quotes, ``["小菜园、小果园"]`` or
    ``["“大调研”"]``: the validation context's
    `QUOTED_TAGS` names those items.) Raises `PydanticCustomError` ``tags``
    naming the tag and what is wrong with it, with the tags written as a
    list in the hint and in `LIST_MEANT` (and, for a tag in Chinese quotes that is one item of
    a list, its ``index`` in the context, to point at it; else the tags
    meant, ``items``, what one is, ``word``, and its index, ``at``, for a list
    typed one item a line, whose hint `sitegen.validation` words as lines).
    """
    field = info.field_name if info.field_name in WORD_LIST_FIELDS else "tags"
    word = WORD_LIST_FIELDS[field]
    colon = next((n for n, item in enumerate(value) if _colon_text(item) is not None), None) \
        if isinstance(value, list) else None
    if colon is not None:  # [大调研: 草莓]: YAML reads the ": " as a field's colon; a list of words never means one
        text = _colon_text(value[colon])
        items = list(dict.fromkeys(part.strip() for item in value
                                   for part in (_colon_text(item) or str(item)).split(": ") if part.strip()))
        keep = f'; if "{text}" is one {word}, put it in quotes: {_in_quotes(text)}'
        raise PydanticCustomError(
            "tags", 'the {word} "{tag}" has ": " in it, so YAML reads it as a field (key: value), not as a {word}',
            {"tag": text, "items": items, "word": word, "at": colon, "keep": keep, "index": colon,
             LIST_MEANT: (f"write the {field} separated by English commas", f"[{', '.join(items)}]"),
             "hint": f"write the {field} separated by English commas: {field}: [{', '.join(items)}]{keep}"})
    tags = parse_text_list(value)
    quoted = (info.context or {}).get(QUOTED_TAGS, {}).get(field, ())
    for index, tag in enumerate(tags):
        if index in quoted:
            continue  # typed in quotes: one tag, as written
        brackets = _list_brackets(tag, isinstance(value, str))
        if brackets:
            named = {"()": "round brackets ( ) (圆括号)", "（）": "full-width round brackets （） (全角括号)"}.get(
                brackets, f"full-width brackets {brackets} (全角括号)")
            message = f'the {word} "{{tag}}" is written in {named}, so it is one {word}'
            how = "in half-width square brackets"
        elif "，" in tag or "、" in tag:
            message = f'the {word} "{{tag}}" has a full-width comma (，) or 顿号 (、) in it, so it is one {word}'
            how = "separated by English commas"
        elif any(mark in tag for mark in "；;：:"):  # 大调研：草莓, typed with a Chinese input method: one tag
            message = f'the {word} "{{tag}}" has {marks_in(tag, "；;：:")} in it, so it is one {word}'
            how = "separated by English commas"
        elif "," in tag and isinstance(value, str):
            message, how = f'without square brackets, "{{tag}}" is one text, so it is one {word}', "in square brackets"
        elif "," in tag:  # a list typed one item a line: YAML splits a list on one line at its commas, not this
            message = f'the {word} "{{tag}}" has a comma (,) in it, so it is one {word}'
            how = "separated by English commas"
        elif _slashed_words(tag):  # 大调研/补短板/民生: one tag, its slug a run of the three words
            message = (f'the {word} "{{tag}}" has {marks_in(tag, SLASH_MARKS)} between Chinese words in it, so it is '
                       f"one {word}")
            how = "in square brackets, separated by English commas" if isinstance(value, str) else \
                "separated by English commas"
        elif _spaced_words(tag):
            message = f'the {word} "{{tag}}" has {_gap_name(tag)} between Chinese words in it, so it is one {word}'
            # Typed in square brackets already ([大调研 补短板]), only the commas are missing.
            how = "in square brackets, separated by English commas" if isinstance(value, str) else \
                "separated by English commas"
        elif _chinese_quotes(tag):
            quotes = _chinese_quotes(tag)
            message = f'the {word} "{{tag}}" is typed with {quotes}: as typed, they are part of the {word}'
            how = "without them"
        else:  # a list item with a comma in it ([a, "b, c"]) was written as one on purpose
            continue
        separators = (_TAG_SLASHES_SPACES if _slashed_words(tag) and _spaced_words(tag) else _TAG_SLASHES
                      if _slashed_words(tag) else _TAG_SEPARATORS if not _spaced_words(tag) or "," in tag else _TAG_SPACES)
        parts = [_without_chinese_quotes(part.strip(" 【】［］（）()[]" if _list_brackets(item, isinstance(value, str))
                                                    else " "))
                 for number, item in enumerate(tags)
                 for part in (separators.split(item) if number not in quoted else [_in_quotes(item)])]
        quotable = any(mark in tag for mark in SEPARATOR_MARKS + ",") or _spaced_words(tag) \
            or _slashed_words(tag)  # quotes keep it whole
        # [“大调研”，“补短板”]: each part in quotes of its own is an item, never one tag holding the quotes.
        quotable = quotable and not all(_chinese_quotes(part.strip(" ")) for part in separators.split(tag))
        whole = _without_chinese_quotes(tag)
        # A TAB or a special space is never meant in a tag: kept whole, it is typed with an ordinary space.
        spaced = _ODD_GAP_RE.sub(" ", whole)
        keep = (f'; if "{spaced}" is one {word}, put it in quotes' + (", with an ordinary space" * (spaced != whole))
                + f': "{spaced}"' if quotable and not brackets and not isinstance(value, str) else "")
        if how == "without them":  # a tag of a list typed in the quotes (not the list: [“a, b”]) may mean them
            wrapped = tag[0] in QUOTE_MARKS and tag[-1] in QUOTE_MARKS and not isinstance(value, str)
            keep = f'; if the quotes are meant as part of the {word}, put it in English quotes: "{tag}"' * wrapped
        listed = ", ".join(dict.fromkeys(part for part in parts if part))  # each tag once
        where = {"index": index} if how == "without them" and not isinstance(value, str) else {
            "items": list(dict.fromkeys(part for part in parts if part)), "word": word, "at": index, "keep": keep}
        raise PydanticCustomError("tags", message,
                                  {"tag": tag, **where, LIST_MEANT: (f"write the {field} {how}".replace(
                                      "without them", f"without {_chinese_quotes(tag)}"), f"[{listed}]"),
                                   "hint": f"write the {field} {how}: {field}: [{listed}]{keep}"})
    return tags


def _in_quotes(item: str) -> str:
    """An item of a list typed in quotes, as a hint writes it again: in the same quotes, so it stays one item."""
    return "'" + item.replace("'", "''") + "'" if '"' in item else '"' + item.replace("\\", "\\\\") + '"'


def ascii_id(text: str) -> str:
    """The id or slug that ``text`` spells in a-z and 0-9: lower case, each run of other signs one "-"
    (``Xin_Zhuang`` → ``xin-zhuang``); "" when no letter or digit is left. Chinese is not read (see
    `sitegen.slugs.make_slug`): ``新庄 xz`` → ``xz``."""
    return _SLUG_JUNK.sub("-", text.lower()).strip("-")


def spreadsheet_reading(text: str) -> str | None:
    """What a spreadsheet (Excel) makes of ``text`` in a cell of a CSV file, in words, when it is not the text
    itself: ``the number 3.10118E+11`` (``310118101000``: 12 digits or more are shown so, and saved so),
    ``the number 7`` (``007``: leading zeros dropped), ``the number 1.00E+05`` (``1e5``), or ``a date``
    (``1-12``, ``2018-12``, ``1-2-3``, ``jun-1``, ``sept2``, ``1-mar``: month and day, month and year, a
    month's English name with a number). Returns None for text it keeps as typed (``baihe``, ``101``: a
    number, but shown as typed). Raises nothing.

    A date is any reading a spreadsheet of any region may take (month-day, day-month, month-year,
    year-month; year-month-day, month-day-year, day-month-year), since the reader's settings are not known.
    """
    if text.isascii() and text.isdigit():
        digits = str(int(text))
        if len(digits) > 11:  # General format in a column of the default width: 6 digits and an exponent
            mantissa, exponent = f"{int(text):.5E}".split("E")
            digits = f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"
        return None if digits == text else f"the number {digits}"
    if _EXPONENT_RE.fullmatch(text):
        return f"the number {float(text):.2E}"
    if _MONTH_DATE_RE.fullmatch(text) or _reads_as_day(text):
        return "a date"
    return None


_MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
           "oct|october|nov|november|dec|december")
_MONTH_DATE_RE = compile_later(rf"(?:{_MONTHS})-?(?:\d{{1,2}}|\d{{4}})(?:-(?:\d{{2}}|\d{{4}}))?"
                               rf"|\d{{1,2}}-(?:{_MONTHS})(?:-(?:\d{{2}}|\d{{4}}))?")
"""A month's English name with a day or year, as a spreadsheet reads a date (SEPT2 → 2-Sep, MARCH1 → 1-Mar)."""
_NUMBER_DATE_RE = compile_later(r"(\d{1,4})-(\d{1,4})(?:-(\d{1,4}))?")
_EXPONENT_RE = compile_later(r"\d+e-?\d+")
"""Digits, "e" and digits: a number in scientific notation to a spreadsheet (1e5 is 100000)."""


def _reads_as_day(text: str) -> bool:
    """True when ``text``, two or three numbers joined by "-", reads as a date in some order (`spreadsheet_reading`)."""
    found = _NUMBER_DATE_RE.fullmatch(text)
    if found is None:
        return False
    first, second, third = found.groups()

    def day(year: str, month: str, day: str) -> bool:
        known = int(year) if len(year) == 4 else 2000  # two digits: a year of 1930–2029; 2000 has 29 February
        return (len(year) <= 2 or 1900 <= known <= 9999) and 1 <= int(month) <= 12 \
            and 1 <= int(day) <= calendar.monthrange(known, int(month))[1]

    if third is None:  # month-day, day-month, month-year, year-month
        return (day("00", first, second) or day("00", second, first)
                or (1 <= int(first) <= 12 and (len(second) <= 2 or 1900 <= int(second) <= 9999))
                or (len(first) == 4 and 1900 <= int(first) and 1 <= int(second) <= 12))
    return any(day(*order) for order in ((first, second, third), (third, first, second), (third, second, first)))


def parse_slug(value: Any) -> str:
    """Accept a page's ``slug``: the URL part, ASCII a-z, 0-9 and "-" (at most 80 characters).

    A slug becomes a folder of the output, so anything else is refused: "/",
    "\\" and ".." could leave the output folder (case 23 of the editor-mistake
    cases), and Chinese or upper-case letters make URLs that differ by
    server. Returns the slug. Raises `PydanticCustomError` ``slug`` with a
    suggested slug in the hint.
    """
    text = parse_text(value)
    if re.fullmatch(_SLUG_PATTERN, text) and len(text) <= 80:
        return text
    # The words of a path typed as a slug, its escapes read (%2e is "."), its "." and ".." steps left out:
    # "/%2e%2e/%2e%2e/outside-url/" suggested 2e-2e-2e-2e-outside-url.
    words = [step for step in re.split(r"[/\\]", unquote(text)) if step.strip(".")]
    suggestion = windows_safe(ascii_id("-".join(words))[:80].strip("-"))  # CON gives con-1: `parse_page_slug`
    # Chinese alone spells no slug here: without the line, the page gets its file name or its title's pinyin.
    example = (f"e.g. slug: {suggestion}" if suggestion
               else "or delete the line: the page's address is then its file name, or its title in pinyin (拼音)")
    if any(bad in text for bad in ("/", "\\", "..")):
        message = '"{text}" would leave the output folder: it contains "/", "\\" or ".."'
    elif len(text) > 80:
        message = '"{text}" is longer than 80 characters'
    else:
        message = '"{text}" may only contain a-z, 0-9 and "-"'
    raise PydanticCustomError("slug", message, {"text": clip(text), "hint": f"{SLUG_HINT}, {example}"})


def parse_page_slug(value: Any) -> str:
    """Accept a page's ``slug:`` (`parse_slug`), unless Windows keeps it for a device (Windows 保留名).

    The slug is the name of the page's folder in the output (``cases/con/``),
    and Windows can neither create nor copy a folder named ``con``, ``nul``,
    ``com1`` … (`sitegen.slugs.device_name`), where the site's publishers
    and editors work. Returns the slug. Raises `PydanticCustomError` ``slug``
    with the slug `sitegen.slugs.windows_safe` makes of it (``con-1``) in
    the hint. Slugs sitegen makes itself (of titles, file names, tags,
    units' ids) are made safe so, with no message.
    """
    text = parse_slug(value)
    device = device_name(text)
    if device is None:
        return text
    raise PydanticCustomError(
        "slug", '"{text}" is ' + device_trouble(device, "a folder of that name"),
        {"text": text, "hint": f"add a word or a number to it, e.g. slug: {windows_safe(text)}"})


ALIAS_EXAMPLE = "/news/2018/0521.html"
"""An old address in hints: not the example ``sitegen new`` writes (`sitegen.placeholders`), which is told."""
_PAGE_SUFFIXES = (".html", ".htm")


def _slip_hint(fix: str, meant: str) -> str:
    """The hint for a slip in a web address: its ``fix`` (``type it in half width (半角):``) and the address meant."""
    return paste_hint(fix.rstrip(":"), meant)


def parse_alias(value: Any) -> str:
    """Accept one of a page's ``aliases``: an old site path that is to lead to the page.

    Takes the path as typed: from the site's root, with or without the last
    "/" (``/interviews/old-name``), percent-escaped or in Chinese as a
    browser shows it (``/interviews/%E7%99%BD%E9%B9%A4/`` and
    ``/interviews/白鹤/`` are one path). Returns it in one spelling, so that
    two spellings of one path compare equal: percent-escaped UTF-8, ending
    in "/" (the redirect page is that folder's ``index.html``), or in the
    file name when the old address was a file (``/old/120946.html``;
    ``…/index.html`` is its folder). Raises `PydanticCustomError` ``alias``
    for what is no path of this site: a web address (``https://…``), a path
    without its leading "/", one with ``..``, ``.`` or an empty part between
    slashes, "\\", "?" or "#", or characters that cannot be in an address,
    or a part Windows keeps for a device (``/con/``, `sitegen.slugs.device_name`).
    """
    text = parse_text(value).strip()
    hint = f'write the old address\'s path from the site\'s root, starting with "/", e.g. {ALIAS_EXAMPLE}'
    if is_external_address(text):
        raise PydanticCustomError(
            "alias", '"{text}" is a web address, not a path of this site',
            {"text": clip(text), "hint": "write only the path that follows the site's address (base_url), "
                                         f'starting with "/", e.g. {ALIAS_EXAMPLE}'})
    if not text.startswith("/"):
        half = text.translate(HALF_WIDTH_ADDRESS)
        fix = "/" + half.lstrip("/") if half.startswith("/") else "/" + text
        raise PydanticCustomError("alias", '"{text}" does not start with "/"',
                                  {"text": clip(text), "hint": paste_hint("write the path from the site's root", fix,
                                                                     ': type "/" before it')})
    half = text.translate({ord("／"): "/", ord("．"): "."})
    if half != text:
        # /interviews/old-name／ was published as a folder "old-name／", an address no one had.
        raise PydanticCustomError("alias", '"{text}" has a full-width "／" or "．" (全角) where an address has "/" or "."',
                                  {"text": clip(text), "hint": paste_hint("type them in half width (半角)", half)})
    decoded = _decoded(text)
    if decoded is None or any(ord(c) < 32 or c == "\x7f" for c in decoded):
        raise PydanticCustomError("alias", '"{text}" holds characters an address cannot hold',
                                  {"text": clip(text), "hint": hint})
    parts = decoded.split("/")[1:]
    if "\\" in decoded or any(part in (".", "..") for part in parts):
        raise PydanticCustomError("alias", '"{text}" would leave the output folder: it contains "\\" or ".."',
                                  {"text": clip(text), "hint": hint})
    if "?" in decoded or "#" in decoded:
        cut = text[:min(i for i in (text.find("?"), text.find("#")) if i >= 0)]
        raise PydanticCustomError(
            "alias", '"{text}" has a "?" or "#": a redirect page stands for a path alone',
            {"text": clip(text), "hint": paste_hint('write the path without the part from the "?" or "#" on', cut,
                                                    ': delete the "?" or "#" and all after it')})
    if any(part == "" for part in parts[:-1]):
        raise PydanticCustomError("alias", '"{text}" has an empty part between two slashes',
                                  {"text": clip(text), "hint": paste_hint('write one "/" between parts',
                                                                          re.sub("/+", "/", text))})
    device = next(((part, name) for part in parts if (name := device_name(part))), None)
    if device is not None:  # /con/ served by a Linux server: no redirect page can stand there on Windows
        raise PydanticCustomError(
            "alias", '"{text}" holds "{part}", ' + device_trouble(device[1], "the redirect page's folder or file"),
            {"text": clip(text), "part": device[0],
             "hint": "delete it from aliases (the old address then shows the site's 404 page), or have the web "
                     "server redirect it to the page"})
    if parts[-1] == "index.html":
        decoded = decoded[:-len("index.html")]
    elif not parts[-1].lower().endswith(_PAGE_SUFFIXES):
        decoded = decoded.rstrip("/") + "/"
    return quote(decoded, safe="/")


def _decoded(text: str) -> str | None:
    """``text`` with its percent escapes decoded, or None when they do not spell UTF-8 (``%FF``)."""
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return None


def parse_aliases(value: Any) -> tuple[str, ...]:
    """Accept a page's ``aliases``: a list of old site paths (`parse_alias` reads each), or one path as a list of one.

    Raises `PydanticCustomError` ``text_list`` for a mapping, like `parse_text_list`.
    """
    if isinstance(value, str) and "," in value and value.strip().startswith("/"):
        raise PydanticCustomError(
            "alias", 'without square brackets, "{text}" is one path',
            {"text": clip(value), "hint": paste_hint("write the paths in square brackets", f"aliases: [{value}]",
                                                     ': type "[" before the first path and "]" after the last')})
    paths = parse_text_list(value) if not isinstance(value, list) else tuple(value)
    _refuse_paths_typed_as_one(paths)
    return paths


_PATHS_APART = compile_later(r"\s*[,，、;；]\s*(?=/)|\s+(?=/)")
"""A mark between two paths typed as one item (``/old/a/；/old/b/``), or only spaces (``/old/a/ /old/b/``): a path
has none before a "/"."""


def _refuse_paths_typed_as_one(paths: tuple[Any, ...]) -> None:
    """Raise `PydanticCustomError` ``alias`` for the first of ``paths`` that holds two paths or more apart by a
    comma, 顿号 or semicolon, as typed with an input method (``[/old/a/；/old/b/]`` is one path to YAML), or by
    spaces alone, with the paths written as a list in the hint."""
    for path in paths:
        if not isinstance(path, str) or len(_PATHS_APART.split(path.strip())) < 2:
            continue
        listed = ", ".join(part for item in paths if isinstance(item, str)
                           for part in _PATHS_APART.split(item.strip()) if part)
        typed = "".join(_PATHS_APART.findall(path.strip()))
        how = "in square brackets" if set(typed.replace(" ", "")) == {","} else "separated by English commas"
        raise PydanticCustomError(
            "alias", 'the path "{text}" has {marks} in it, so it is one path',
            {"text": clip(path), "marks": marks_in(typed, "，、；;,") or "a space",
             "hint": paste_hint(f"write the paths {how}", f"aliases: [{listed}]",
                                ': type ", " between the paths, in square brackets')})


_ID_EXAMPLES = {"unit": "baihe", "series": "dadiaoyan"}
"""An id of each kind of record a page names, for hints (a unit's for any other field)."""


def parse_id(value: Any, info: ValidationInfo) -> str:
    """Accept a reference to a record (``series: dadiaoyan``, ``unit: baihe``) as typed.

    Takes the value and the validation info, whose field name (``unit``,
    ``series``) the hints follow. Whether the id exists is checked with the other records
    (`sitegen.checks.check_references`), which can then name the ids that
    do exist. Raises `PydanticCustomError` ``id_list`` for a list (``unit: [baihe, huaxin]``: a page
    belongs to one unit and one series), ``text`` for a mapping and ``id_empty`` for an empty value.
    """
    field = info.field_name or "unit"
    example = _ID_EXAMPLES.get(field, _ID_EXAMPLES["unit"])
    if isinstance(value, list):
        ids = [str(item).strip() for item in value if isinstance(item, (str, int)) and str(item).strip()]
        why = ("a page with figures of several units names the one it is about, and links to the others in its "
               "text" if field == "unit" else f"a page belongs to one {field}")
        hint = (f"write one id: {ids[0]}" + (f" (or {', '.join(ids[1:])}); {why}" if len(ids) > 1 else "")
                if ids else f"write one id, e.g. {example}")
        raise PydanticCustomError("id_list", "a page names one record here, not a list", {"hint": hint})
    text = parse_text(value).strip()
    if not text:
        raise PydanticCustomError("id_empty", "the id is empty",
                                  {"hint": f"write the id: the record's file name without .yaml, e.g. {example}"})
    return text


def parse_reference(value: Any, info: ValidationInfo) -> str:
    """Accept the id of the one record a page names (``unit:``, ``series:``), as `parse_id` does; "" when empty.

    An empty value (``unit:`` alone, or ``unit: ""``) names no record, as
    an unknown id does: `sitegen.checks.check_references` reports it with
    the ids there are, which this module cannot know. (The field is
    required: "remove the line", the fix for an empty optional field,
    would only make it missing.)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return parse_id(value, info)


def kind_of(value: Any) -> str:
    """Name a value as typed, for a message.

    Returns "a list", "a group of fields (key: value lines)", "nothing", or
    the text itself in quotes (cut by `clip`).
    """
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields (key: value lines)"
    if value is None:
        return "nothing"
    return f'"{clip(value)}"'


def clip(value: Any, limit: int = 60) -> str:
    """Return ``str(value)`` cut to ``limit`` characters (with "…"), for messages.

    Only to show what was typed where the mistake is, never for a line or
    value a hint offers to type: cut, it would lose its end (`paste_hint`).
    """
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


Date = Annotated[date, BeforeValidator(parse_date)]
RelatedDay = Annotated[date | str, BeforeValidator(parse_related_day)]
DateTime = Annotated[datetime, BeforeValidator(parse_datetime)]
Count = Annotated[int, BeforeValidator(parse_count)]
Percent = Annotated[float, BeforeValidator(parse_percent)]
Flag = Annotated[bool, BeforeValidator(parse_bool)]
Text = Annotated[str, BeforeValidator(parse_text), Field(min_length=1)]
Name = Annotated[str, BeforeValidator(parse_name), Field(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(parse_optional_text)]
Line = Annotated[str, BeforeValidator(parse_line), Field(min_length=1)]
OptionalLine = Annotated[str, BeforeValidator(parse_optional_line)]
MetaLine = Annotated[str, BeforeValidator(parse_meta_line)]
MetaCode = Annotated[str, BeforeValidator(parse_meta_code)]
TextList = Annotated[tuple[str, ...], BeforeValidator(parse_text_list)]
Tags = Annotated[tuple[str, ...], BeforeValidator(parse_tags)]
WebAddress = Annotated[str, BeforeValidator(parse_web_address)]
Slug = Annotated[str, BeforeValidator(parse_slug)]
PageSlug = Annotated[str, BeforeValidator(parse_page_slug)]
Alias = Annotated[str, BeforeValidator(parse_alias)]
Aliases = Annotated[tuple[Alias, ...], BeforeValidator(parse_aliases)]
RecordId = Annotated[str, BeforeValidator(parse_reference)]
RecordIds = Annotated[tuple[Annotated[str, BeforeValidator(parse_id)], ...], BeforeValidator(parse_text_list)]


class Record(BaseModel):
    """Base of every record: frozen, unknown keys are errors.

    ``EXAMPLE_LINE`` is a first line of a file of the record's kind, for the
    hint of a file with no fields (`sitegen.validation.validate_record`);
    "" for records that are no file of their own. A required field's
    ``examples`` (and ``EXAMPLE_LINE``, for the field it types) give the
    value offered when it is typed empty. ``KIND`` names one record
    of the kind in messages, with its Chinese term (``a tally (统计)``), for
    an item typed in the list of another kind, a field of another kind of
    file, or a file in the folder of another kind (`sitegen.validation`).
    """

    # defer_build: a kind's validator is made when it first validates, not at import (~10 ms for all):
    # a rebuild after an edit validates only the files that changed.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    EXAMPLE_LINE: ClassVar[str] = ""
    KIND: ClassVar[str] = ""


class UnitLevel(str, Enum):
    """Kinds of unit (closed vocabulary). The value is what editors type."""

    district = "district"          # 区
    town = "town"                  # 镇
    subdistrict = "subdistrict"    # 街道
    committee = "committee"        # 委办局 / 委员会
    village = "village"            # 村
    community = "community"        # 居委会 / 社区
    park = "park"                  # 园区


UNIT_LEVEL_LABELS = {
    "district": "区", "town": "镇", "subdistrict": "街道", "committee": "委办局",
    "village": "村", "community": "社区", "park": "园区",
}
UNIT_LEVEL_PINYIN = {
    "district": "qu", "town": "zhen", "subdistrict": "jie-dao", "committee": "wei-ban-ju",
    "village": "cun", "community": "she-qu", "park": "yuan-qu",
}
"""The pinyin of each level's Chinese word, as an id spells it: put before a code of digits, it keeps the code's
meaning and makes it text to a spreadsheet (``zhen-310118101000``, `spreadsheet_reading`)."""


class TargetGroup(str, Enum):
    """Groups a survey covers (closed vocabulary)."""

    institutions = "institutions"                      # 机构 / 事业单位
    residents = "residents"                            # 居民
    registered_enterprises = "registered_enterprises"  # 注册企业
    enterprises = "enterprises"                        # 企业
    farmers = "farmers"                                # 农户
    social_organizations = "social_organizations"      # 社会组织
    villages = "villages"                              # 村居


TARGET_GROUP_LABELS = {
    "institutions": "机构", "residents": "居民", "registered_enterprises": "注册企业",
    "enterprises": "企业", "farmers": "农户", "social_organizations": "社会组织", "villages": "村居",
}


class CaseStatus(str, Enum):
    """Where a case stands (closed vocabulary)."""

    planned = "planned"           # 计划中
    in_progress = "in_progress"   # 推进中
    resolved = "resolved"         # 已解决


CASE_STATUS_LABELS = {"planned": "计划中", "in_progress": "推进中", "resolved": "已解决"}


class MilestoneStatus(str, Enum):
    """Where a milestone stands (closed vocabulary), when its date alone does not say it (`Milestone.status_on`)."""

    done = "done"                # 已完成
    planned = "planned"          # 计划
    postponed = "postponed"      # 推迟
    cancelled = "cancelled"      # 取消


MILESTONE_STATUS_LABELS = {"done": "已完成", "planned": "计划", "postponed": "推迟", "cancelled": "取消"}
"""What pages say of a milestone by its status: the unit's page marks each one not done so (（计划）, （推迟）,
（取消）, templates/unit.html)."""

CHOICE_LABELS: dict[type[Enum], dict[str, str]] = {
    UnitLevel: UNIT_LEVEL_LABELS, TargetGroup: TARGET_GROUP_LABELS, CaseStatus: CASE_STATUS_LABELS,
    MilestoneStatus: MILESTONE_STATUS_LABELS}
"""The Chinese label of each value of each closed vocabulary, as the pages show it."""

_OTHER_WORDS: dict[type[Enum], dict[str, str]] = {
    # 乡 is the rural township, a town's level (乡镇: either); a 开发区 is a park's.
    UnitLevel: {"委员会": "committee", "居委会": "community", "乡": "town", "乡镇": "town", "镇政府": "town",
                "街道办": "subdistrict", "街道办事处": "subdistrict", "村委会": "village", "开发区": "park",
                "工业园区": "park"},
    TargetGroup: {"事业单位": "institutions"},
    CaseStatus: {"计划": "planned", "进行中": "in_progress", "办理中": "in_progress", "已完成": "resolved"},
    # 计划中 is a case's label; 延期 says 推迟 in an official's words.
    MilestoneStatus: {"完成": "done", "已办结": "done", "计划中": "planned", "延期": "postponed", "已推迟": "postponed",
                      "已延期": "postponed", "已取消": "cancelled"},
}

UNIT_LEVEL_WORDS = tuple(sorted({*UNIT_LEVEL_LABELS.values(), *_OTHER_WORDS[UnitLevel]}, key=lambda w: (-len(w), w)))
"""The words that end a unit's name by its level (镇, 乡, 村, 街道, 社区, 居委会, 园区, 区 …): the labels of
`UnitLevel` and the other words for them. Longest first, so the first one a name ends with is the whole word
(工业园区, not 区)."""

_NAME_LEVELS: dict[str, str] = {
    **{label: value for value, label in UNIT_LEVEL_LABELS.items()}, **_OTHER_WORDS[UnitLevel],
    # An office's own name: 村民委员会 and 居民委员会 are a village's and a community's, not the district's offices.
    "村民委员会": "village", "村委": "village", "居民委员会": "community", "居委": "community",
    "县": "district", "新区": "district", "工业区": "park", "保税区": "park",
    "局": "committee", "委": "committee", "办": "committee"}
_OFFICE_WORDS = frozenset({"人民政府", "政府", "办事处", "管理委员会", "管委会", "党工委", "党委"})
"""The words of an office's name that say what it is, not which level (青浦区人民政府, 盈浦街道办事处, 青浦工业园区
管委会, 白鹤镇党委): the level is read from what comes before them."""
_NAME_ENDINGS = tuple(sorted({*_NAME_LEVELS, *_OFFICE_WORDS}, key=lambda word: (-len(word), word)))
_SIMPLIFIED_FORMS = str.maketrans("區鎮鎭鄉會園辦處員縣開發業稅黨", "区镇镇乡会园办处员县开发业税党")
"""The traditional forms (繁體字) of the characters of `_NAME_ENDINGS` that have them, to their simplified ones
(区 區, 镇 鎮 and its variant 鎭, 乡 鄉, 会 會, 园 園, 办 辦, 处 處, 员 員, 县 縣, 开 開, 发 發, 业 業, 税 稅, 党 黨, as
the 通用规范汉字表 of 2013 pairs them in its 规范字与繁体字、异体字对照表): a name typed or pasted in traditional
characters (華新鎮, 青浦區人民政府, 盈浦街道辦事處) says its level by the same words. One character for one, so a
place in the name read is the place in the name typed."""


def level_in_name(name: str) -> tuple[str, str] | None:
    """The level a unit's name says by its ending, and the word that says it: ``(level, word)``, or None.

    Takes the name as typed. The longest ending word is read (工业园区, not 区; 村委会, not 委), and an office's
    word (`_OFFICE_WORDS`) is set aside first: 青浦区人民政府 → ``("district", "区")``, 盈浦街道办事处 →
    ``("subdistrict", "街道")``, 蟠龙村民委员会 → ``("village", "村民委员会")``, 金泽乡 → ``("town", "乡")`` (乡 is a
    town's level, `_OTHER_WORDS`). Names in traditional characters (繁體字) are read alike, and the word is
    given as typed (`_SIMPLIFIED_FORMS`): 華新鎮 → ``("town", "鎮")``, 白鶴鎮人民政府 → ``("town", "鎮")``,
    盈浦街道辦事處 → ``("subdistrict", "街道辦事處")``. None when no level word ends it (金泽, 淀山湖管委会). Raises
    nothing.
    """
    typed = name.strip()
    text = typed.translate(_SIMPLIFIED_FORMS)
    while text:
        word = next((ending for ending in _NAME_ENDINGS if text.endswith(ending)), None)
        if word is None:
            return None
        if word not in _OFFICE_WORDS:
            return _NAME_LEVELS[word], typed[len(text) - len(word):len(text)]
        text = text[:-len(word)].rstrip()
    return None


_VILLAGE_OFFICES = ("村民委员会", "村委会", "村委")
"""A village's office, written after its name with 村 or without (长寿村村委会, 长寿村委会): the village is 长寿村."""


def place_name(name: str) -> str:
    """The place a unit's name names, with the words of its office set aside, compared as `plain_name` compares:
    重固镇人民政府, 重固镇政府 and 重固镇党委 → 重固镇; 盈浦街道办事处 → 盈浦街道; 长寿村委会, 长寿村村委会 and
    长寿村民委员会 → 长寿村 (`_OFFICE_WORDS`, `_VILLAGE_OFFICES`, in simplified or traditional characters). A unit
    is a place, whose figures the totals add up: two units of one place are counted twice, whichever office
    names it (`sitegen.checks.check_unit_names`). A name without such a word is given as `plain_name` gives it.
    Raises nothing."""
    return split_office(name)[0]


def split_office(name: str) -> tuple[str, str]:
    """``(place, office)``: the place `place_name` reads from ``name``, and the words of its office as typed
    after it ("" for none): 重固镇人民政府 → ``("重固镇", "人民政府")``, 长寿村委会 → ``("长寿村", "村委会")``. Raises
    nothing."""
    text = plain_name(name)
    read = text.translate(_SIMPLIFIED_FORMS)
    whole = text
    offices = sorted(_OFFICE_WORDS, key=len, reverse=True)
    while (word := next((office for office in offices if read.endswith(office) and len(read) > len(office)),
                        None)) is not None:
        text, read = text[:-len(word)], read[:-len(word)]
    for office in _VILLAGE_OFFICES:
        if read.endswith(office) and len(read) > len(office):
            text, read = text[:-len(office)], read[:-len(office)]
            if read.endswith("村"):
                return text, whole[len(text):]
            return text + "村", whole[len(text):]
    return text, whole[len(text):]


_ONE_PLACE_LEVELS = frozenset({"district", "town", "subdistrict", "village", "community"})
"""The levels whose words (`_NAME_LEVELS`) are other names of one place: 乡 and 镇 are both a town's (a 乡 made a
镇, 撤乡建镇, keeps its name), 县 and 区 the district's (撤县设区), 街道办 a 街道's, 居委会 a 社区's, 村委会 a 村's. A
committee's words (局, 委, 办) and a park's (开发区, 保税区, 工业园区) name kinds of office and of zone: a 局 and a 委, or
a 保税区 and a 开发区, of one stem may well be two."""


LEVEL_RENAMINGS = {"town": "撤乡建镇: a 乡 made a 镇 keeps its name", "district": "撤县设区: a 县 made a 区 keeps its name"}
"""How a place of a level comes to be called by two words of it (`_ONE_PLACE_LEVELS`), as messages say it."""


def one_place_name(name: str) -> str:
    """The place a unit's name names (`place_name`), with a word of its level that names one place with the others
    of that level (`_ONE_PLACE_LEVELS`) written as the level's label: 练塘乡 and 练塘镇 → 练塘镇, 盈中居委会 → 盈中社区,
    青浦县 → 青浦区, 盈浦街道办 → 盈浦街道. Two units of one such name are most likely one place, counted twice
    (`sitegen.checks.check_office_named_units`); 白鹤镇 and 白鹤村 (two levels) stay apart, and so do 青浦工业园区
    and 青浦开发区 (a park's words). A name with no such word, or only the word, is given as `place_name` gives it.
    Raises nothing."""
    place = place_name(name)
    read = level_in_name(place)
    if read is None or read[0] not in _ONE_PLACE_LEVELS or not place.endswith(read[1]) or place == read[1]:
        return place
    return place[:-len(read[1])] + UNIT_LEVEL_LABELS[read[0]]


def place_level_word(name: str) -> str:
    """The word of level that ends the place a unit's name names (`place_name`, `level_in_name`), as typed: 练塘乡
    → 乡, 练塘镇人民政府 → 镇; "" for none. Raises nothing."""
    read = level_in_name(place_name(name))
    return read[1] if read is not None else ""


def names_of(record: object) -> list[str]:
    """The names a record is known by: a unit's name and aliases, a series' title (empty ones left out)."""
    names = [getattr(record, "name", None), getattr(record, "title", None), *getattr(record, "aliases", ())]
    return [name for name in names if name]


def short_name(name: str) -> str:
    """A unit's name as people call it in short, without the word of its level that ends it (白鹤镇 → 白鹤,
    盈浦街道 → 盈浦, `level_word_ending`); "" when no such word ends it, or when less than two letters would be
    left (a name such as 某镇 has no short form). Raises nothing."""
    ending = level_word_ending(name)
    short = name.strip()[:-len(ending)].strip() if ending else ""
    return short if len(short) >= 2 else ""


def level_word_ending(text: str) -> str:
    """The word of `UNIT_LEVEL_WORDS` that ends ``text`` (金泽镇 → 镇, 青浦工业园区 → 工业园区), as typed there, or "".

    Read in simplified or traditional characters alike (`_SIMPLIFIED_FORMS`): 金澤鎮 → 鎮, 香花橋社區 → 社區.
    Raises nothing.
    """
    typed = text.strip()
    read = typed.translate(_SIMPLIFIED_FORMS)
    word = next((word for word in UNIT_LEVEL_WORDS if read.endswith(word)), "")
    return typed[len(typed) - len(word):] if word else ""


def simplified_level_word(word: str) -> str:
    """A word of level (`UNIT_LEVEL_WORDS`) as typed, in simplified characters (鎮 → 镇, 社區 → 社区); other text
    is given with the same characters simplified. Raises nothing."""
    return word.translate(_SIMPLIFIED_FORMS)


def level_word_forms(word: str) -> tuple[str, ...]:
    """Every way ``word`` (a word of level, in simplified characters) may be typed, in simplified or traditional
    characters (`_SIMPLIFIED_FORMS`): 镇 → ``("镇", "鎭", "鎮")``, 社区 → ``("社区", "社區")``; ``word`` first.
    Raises nothing."""
    forms = [""]
    for char in word:
        typed = [char] + sorted(chr(traditional) for traditional, simple in _SIMPLIFIED_FORMS.items()
                                if chr(simple) == char)
        forms = [start + one for start in forms for one in typed]
    return tuple(forms)


def snake_case(typed: str) -> str:
    """A field name or closed-vocabulary word as the records spell them: ``As-Of`` and ``In progress`` → ``as_of``,
    ``in_progress`` (stripped, lower case, "-" and spaces as "_")."""
    return typed.strip().lower().replace("-", "_").replace(" ", "_")


def choice_meant(choices: type[Enum], typed: str) -> str | None:
    """The value of the closed vocabulary ``choices`` an editor most likely meant by ``typed``, or None.

    Editors type the Chinese word the page shows (推进中 for in_progress,
    镇 for town, 居民 for residents), a word the comments above name
    (居委会 for community), the English one spelt another way
    (``In progress``), or a value with its label (``town (镇)``, ``镇 town``,
    when both name one value). Such a value is refused, since the record must hold
    one of the English values; this says which one to write.
    """
    text = typed.strip()
    meant = _one_choice(choices, text)
    if meant is not None:
        return meant
    # A value typed with its label, or the label with the value (town (镇), 镇 town): the one value both name.
    words = {_one_choice(choices, word) for word in _CHOICE_WORDS.split(text) if word}
    return words.pop() if len(words) == 1 else None


_CHOICE_WORDS = compile_later(r"[\s()（）、，,/|:：]+")


def choice_value(choices: type[Enum], typed: object) -> object:
    """The value of the closed vocabulary ``choices`` that ``typed`` names as it stands, else ``typed`` unchanged.

    Takes what the record holds (any YAML value); returns the English value
    (``town``) for the value itself or for its Chinese label exactly as the
    pages show it (镇, 推进中, 居民; spaces around it aside). Editors type with a
    Chinese input method, and a label names one value and is published as typed,
    so nothing they wrote changes on the page. Another word for a value (乡, 居委会,
    办理中) or a mixture (``town (镇)``) is left for the validator to refuse:
    published, it would read as the label, not as typed (`choice_meant` names the
    value to write).
    """
    if not isinstance(typed, str):
        return typed
    text = typed.strip()
    if text in {choice.value for choice in choices}:
        return text
    return next((value for value, label in CHOICE_LABELS.get(choices, {}).items() if label == text), typed)


def _one_choice(choices: type[Enum], text: str) -> str | None:
    """The value of ``choices`` that ``text`` is, or is the label of or another word for; None for none."""
    folded = snake_case(text)
    if folded in {choice.value for choice in choices}:
        return folded
    labels = CHOICE_LABELS.get(choices, {})
    meant = next((value for value, label in labels.items() if label == text), None)
    return meant or _OTHER_WORDS.get(choices, {}).get(text)


Level = Annotated[UnitLevel, BeforeValidator(lambda typed: choice_value(UnitLevel, typed))]
Group = Annotated[TargetGroup, BeforeValidator(lambda typed: choice_value(TargetGroup, typed))]
Status = Annotated[CaseStatus, BeforeValidator(lambda typed: choice_value(CaseStatus, typed))]
MilestoneState = Annotated[MilestoneStatus, BeforeValidator(lambda typed: choice_value(MilestoneStatus, typed))]


class Series(Record):
    """A column of interviews (e.g. 大调研微访谈). File: ``content/series/<id>.yaml``.

    ``id`` is the file name without ``.yaml`` (a slug); interviews name it in
    their ``series`` field.
    """

    EXAMPLE_LINE: ClassVar[str] = "title: 大调研微访谈"
    KIND: ClassVar[str] = "a series (栏目)"
    id: Slug
    title: Name
    blurb: Text = Field(examples=["各镇和委办局负责人谈大调研。"])
    publisher: Line = Field(examples=["上海热线新闻网"])


class Tally(Record):
    """A dated snapshot of a unit's survey: cumulative counts as of one day.

    ``collected`` issue lists (问题清单) = ``escalated`` to the district
    (提交区级) + ``resolved`` (已解决) + ``in_progress`` (办理中); the rule is
    checked in `sitegen.checks`. ``batches`` counts survey visits (调研批次).
    """

    KIND: ClassVar[str] = "a tally (统计)"

    as_of: Date
    batches: Count | None = None
    collected: Count
    escalated: Count
    resolved: Count
    in_progress: Count
    note: OptionalText = ""


TALLY_SUM = ("collected", "escalated", "resolved", "in_progress")
"""A tally's figures that add up: collected = escalated + resolved + in progress (`sitegen.checks`)."""


TARGET_STATUS_LABELS = {"reached": "已达到", "missed": "逾期未达到", "short": "实测时尚未达到"}
"""What pages say of a measured target (`Target.status`)."""


class Target(Record):
    """A coverage target: share of a group to be surveyed, in percent (0–100)."""

    KIND: ClassVar[str] = "a target (目标)"

    group: Group
    target: Percent
    deadline: Date | None = None
    measured: Percent | None = None
    measured_as_of: Date | None = None
    note: OptionalText = ""

    @property
    def status(self) -> str | None:
        """Where the target stands by its own figures: a key of `TARGET_STATUS_LABELS`, or None when unmeasured.

        ``reached`` when the share measured is at least the target;
        ``missed`` when it is below and was measured after the deadline (60%
        by 2018-12-03, 40.9% on 2018-12-28); ``short`` when it is below
        otherwise (no deadline, or measured by it). Read from the record
        alone, never from the build's day, so a page says the same whenever
        it is built: a deadline passed without a later measurement says
        ``short``, as the figures do not tell more, and its label says when
        (实测时尚未达到, "not reached when measured"), so that a page read
        after the deadline does not seem to say the work goes on.
        """
        if self.measured is None:
            return None
        if self.measured >= self.target:
            return "reached"
        if self.deadline is not None and self.measured_as_of is not None and self.measured_as_of > self.deadline:
            return "missed"
        return "short"


class Milestone(Record):
    """A dated event of a unit's campaign (a team set up, a meeting held).

    ``status`` says where it stands when its date alone does not: a meeting
    postponed (推迟) or cancelled (取消), one held on a day still ahead of
    the build, or one planned though its day has come. Left out (None), the
    date says it (`status_on`).
    """

    KIND: ClassVar[str] = "a milestone (大事记)"

    date: Date
    title: Line = Field(examples=["召开大调研动员部署会"])
    description: OptionalText = ""
    status: MilestoneState | None = None

    def status_on(self, today: date) -> str:
        """Where the milestone stands on ``today`` (the build's day, site time zone): a key of
        `MILESTONE_STATUS_LABELS`.

        The ``status`` typed, when there is one; else ``planned`` while the
        date is after ``today`` and ``done`` from its day on, the rule the
        unit's page and the open data followed before milestones had a status
        (a site that types none publishes the same). `sitegen.checkdates`
        warns a typed status the date contradicts.
        """
        if self.status is not None:
            return self.status.value
        return "planned" if self.date > today else "done"


class Unit(Record):
    """A town, subdistrict or committee, with its figures. File: ``content/units/<id>.yaml``.

    ``misspellings`` lists wrong spellings of ``name`` seen in sources (the
    seed article writes 白鹤镇 as 白河镇 and 百合镇); pages that contain them
    get a warning. ``aliases`` are other correct names (白鹤).
    ``distinct_from`` lists the ids of other units whose names read the same
    in pinyin but are other places (白鹤村 and 白河村, both bai-he-cun): it
    silences the warning of `sitegen.checks.check_sound_alike_units` for
    those two units. ``not_misspellings`` lists texts that read like
    ``name`` (or an alias) but are right as typed, which
    `sitegen.checkheard` then does not warn: another place (a 白河镇
    elsewhere) or ordinary words (需经镇 of 需经镇政府审批, beside 徐泾镇).
    """

    EXAMPLE_LINE: ClassVar[str] = "name: 白鹤镇"
    KIND: ClassVar[str] = "a unit (单位)"
    id: Slug
    name: Name
    level: Level
    aliases: Tags = ()
    misspellings: Tags = ()
    not_misspellings: Tags = ()
    distinct_from: RecordIds = ()
    summary: OptionalText = ""
    tallies: tuple[Tally, ...] = ()
    targets: tuple[Target, ...] = ()
    milestones: tuple[Milestone, ...] = ()


class Person(Record):
    """An interviewee: name and role (职务)."""

    name: Line = Field(examples=["王建国"])
    role: Line = Field(examples=["中共白鹤镇党委书记"])


_SCHEME_RE = compile_later(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


def is_external_address(link: str) -> bool:
    """True for a link that is not a site path: it has a scheme, starts with "//" or "#", or is empty."""
    return not link or link.startswith(("#", "//")) or bool(_SCHEME_RE.match(link))


def site_image_path(src: str) -> str:
    """The address an image path typed in a page means: a relative one is read from the site root.

    ``images/a.png``, ``./images/a.png`` and ``../images/a.png`` all mean
    the file content/images/a.png, published as ``/images/a.png`` (the rule
    of front matter images); addresses with a scheme, ``//host`` or ``#``
    and root-relative ones are returned as they are, as is a query alone
    (``?page=2``). Only the path is tidied (``./``, ``../``); a query or
    fragment is kept as typed (``files/a.pdf?v=../1`` → ``/files/a.pdf?v=../1``).
    """
    if is_external_address(src) or src.startswith(("/", "?")):
        return src  # "?page=2" stays on the page it is on
    cut = min((index for index in (src.find("?"), src.find("#")) if index >= 0), default=len(src))
    path, rest = src[:cut], src[cut:]  # only the path is tidied: a query or fragment is kept as typed
    tidy = posixpath.normpath("/" + path)
    return tidy + ("/" if path.endswith("/") and not tidy.endswith("/") else "") + rest


class Image(Record):
    """An image slot: ``src`` relative to ``content/`` (e.g. ``images/baihe-1.svg``).

    ``alt`` describes the picture for readers who cannot see it; leaving it
    empty is a warning (WCAG 1.1.1).
    """

    KIND: ClassVar[str] = "an image (图片)"

    src: Text = Field(examples=["images/baihe-1.svg"])
    alt: OptionalText = ""
    caption: OptionalText = ""


class SourceAttribution(Record):
    """Where a text was first published (来源): publisher, original title, address.

    ``url`` is empty or a web address (http or https): it is published as a
    link, so any other scheme (``javascript:``) is refused.
    """

    publisher: Line = Field(examples=["上海热线新闻网"])
    title: OptionalLine = ""
    url: WebAddress = ""


class PageMeta(Record):
    """Front matter fields shared by every Markdown page.

    ``aliases`` are old site paths of the page (`parse_alias`), each published
    as a small page that leads readers to the page's address. ``updated``
    (更新时间, the name Zola gives it) is when a published page was last
    corrected, typed as ``date`` is: shown under the publish time, and the
    time its feeds' ``<updated>``, the sitemap's ``<lastmod>`` and its
    ``dateModified`` give, so readers and search engines learn of the
    correction; `sitegen.checks.check_update_time` refuses one before ``date``.
    """

    EXAMPLE_LINE: ClassVar[str] = "title: 白鹤镇访谈"
    title: Name
    slug: PageSlug | None = None
    date: DateTime
    updated: DateTime | None = None
    summary: OptionalText = ""
    tags: Tags = ()
    images: tuple[Image, ...] = ()
    draft: Flag = False
    aliases: Aliases = ()


class InterviewMeta(PageMeta):
    """Front matter of an interview (``content/interviews/*.md``).

    The body holds the questions as ``##`` headings and the answers below
    them. ``series`` and ``unit`` are ids of records.
    """

    KIND: ClassVar[str] = "an interview (访谈)"

    series: RecordId
    unit: RecordId
    interviewee: Person
    source: SourceAttribution | None = None


class CaseStudyMeta(PageMeta):
    """Front matter of a case study (``content/cases/*.md``).

    ``related_tally`` is the ``as_of`` date of one of the unit's tallies;
    a day that does not exist is kept as typed, text (`parse_related_day`),
    for `sitegen.checks.check_references` to report with the unit's tally
    dates.
    """

    EXAMPLE_LINE: ClassVar[str] = "title: 做大做强白鹤草莓"
    KIND: ClassVar[str] = "a case study (案例)"
    unit: RecordId
    status: Status
    problem: Text = Field(examples=["草莓企业希望把传统优势产业做大做强。"])
    actions: TextList
    outcome: OptionalText = ""
    related_tally: RelatedDay | None = None
    source: SourceAttribution | None = None
