"""Accessible charts made at build time: inline SVG plus the same figures as a table.

Job: turn a unit's tallies and targets into a `Chart`: a complete ``<svg>``
element (no JavaScript, no external fonts, no ``<style>``) in two drawings
(normal and large text, see "Size"), a one- or two-sentence Chinese summary,
and a `DataTable` holding the same figures. The render layer shows all three:
the summary as text, one of the two SVGs, and the table (visible or in
``<details>``), so no reader depends on the picture.

Pure: no I/O, no global mutable state; the same input gives the same bytes.
May import: lazyre, models (and the standard library; no plotting libraries).

Design choices (the reasons, so they are kept):

* **Size.** The SVG has ``width="100%"`` and a ``viewBox`` 360 units wide, no
  fixed pixel size, ``preserveAspectRatio="xMinYMin meet"`` (if a theme fixes
  the height, the chart keeps its shape and hugs the top left). All text is
  one size, and nothing is ever smaller. Text scales with the chart's width,
  not with the reader's text size, so every chart is drawn twice (WCAG 1.4.4):
  `Chart.svg` with text of `FONT_SIZE` 18 units: at 320 px wide it is
  18 × 320/360 = 16 px, and it stays at or above 14 px down to 280 px (a
  320 px phone with 20 px page margins); and `Chart.svg_large` with text
  `LARGE_TEXT_SCALE` (4/3) times larger, 24 units, in the same 360-unit width,
  every size measured from the text (lines, bars, markers, gaps) grown alike
  (`_Layout`), the labels wrapped again and the bars laid out again, so
  nothing overlaps or leaves the viewBox. A theme shows exactly one of the
  two: the default theme shows the large one in its reading mode (on a
  375 px phone its chart text goes from 17 px to 22.7 px, as its page text
  goes 1.3 times larger) and when the screen is narrow for the reader's text
  size (less than 21 em, em of the browser's default font: a 375 px phone
  from a default font of 18 px); `CHART_CSS` shows how. Labels go on their
  own line *above* each bar, never beside it, so every bar can use the full
  width. On wide screens the text grows; `CHART_CSS` caps the width (the
  large drawing's at 3/4 of the normal one's: the same largest text). Page
  zoom narrows the screen in CSS px without enlarging the text, so on a
  zoomed phone the chart's text would barely grow: `CHART_CSS` keeps the
  large drawing at least 16rem wide (its text then at least the size of
  a root font of 16 to 18 px) and lets its box scroll sideways instead, as
  WCAG 1.4.10 allows a chart.
* **Palette.** Every bar colour, and every colour drawn inside a bar pattern,
  has at least 4.5:1 contrast against the white chart background. That is
  more than the 3:1 WCAG 2.x SC 1.4.11 (non-text contrast) asks for, so the
  white numbers written inside bars also pass SC 1.4.3 (text, 4.5:1). Text on
  the chart is #1a1a1a (17.4:1). The chart paints its own white background,
  so these ratios hold on any page background. Adjacent segments are split by
  a 2-unit white gap, so their edges do not depend on colour.
* **Not colour alone** (SC 1.4.1). Each kind of segment has its own pattern:
  提交区级 solid, 已解决 diagonal stripes, 办理中 dots; the legend uses the same
  fills. Inside a segment the name and number are written when they fit
  ("提交区级143"), else the number alone; a number that does not fit (and a
  zero, whose segment is not drawn) is written under the bar with its legend
  marker. The target chart labels each bar in words (目标 / 实测), writes the
  percentage beside it, and draws targets striped and measured values solid.
* **Classes** ``seg-escalated``, ``seg-resolved``, ``seg-in-progress``,
  ``bar-target``, ``bar-measured`` (and ``track``, ``seg-sep``, ``chart-bg``)
  let a theme restyle the chart, e.g. for Windows high-contrast mode (see
  `CHART_CSS`); the default colours are presentation attributes, so the chart
  is complete without any CSS. Text uses ``currentColor`` from the root's
  ``color`` attribute, so one CSS rule recolours all of it.
* **Names.** ``role="img"``; ``aria-labelledby`` points to the ``<title>``
  (the name: a short one, "白鹤镇问题清单办理情况") and ``aria-describedby``
  to the ``<desc>``, which says how the picture is drawn and nothing more.
  Neither repeats `Chart.summary` or a figure: the page shows the summary
  as the figure's caption and every figure in the table (WCAG 1.1.1 by a
  short text alternative plus a long description beside the image, as the
  W3C's "complex images" tutorial does it), so a screen reader meets each
  once. Everything drawn (the texts, bars and their tooltips) is in one
  ``<g aria-hidden="true">``: browsers do not treat the children of an
  SVG ``role="img"`` as presentational, and would read every label and
  number of the bars between the image and its caption. The ids (and the
  pattern ids) start with a hash of the chart's content, so two charts on
  one page do not clash and rebuilds are byte-identical. Each bar segment
  carries a ``<title>`` tooltip ("已解决103份") for mouse users, which
  aria-hidden does not take away.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sitegen.lazyre import compile_later
from sitegen.models import TARGET_GROUP_LABELS, Tally, Target, percent_digits

# --- public data ------------------------------------------------------------


@dataclass(frozen=True)
class DataTable:
    """The figures of a chart as a table, ready for an HTML ``<table>``.

    ``caption``: the table's caption, e.g. "白鹤镇问题清单办理情况（按统计日期）".
    ``column_headers``: the header of every column; the first is the header
    of the row-header column, e.g. ("统计日期", "收集", "提交区级", "已解决", "办理中").
    ``rows``: ``(row header, cells)`` pairs, one cell per data column, every
    value already formatted as text (counts as digits, dates ISO 8601,
    percentages as "80%", a missing value as "—").
    ``numeric``: one flag per data column (``len(column_headers) - 1`` of
    them); True means the column holds numbers and is right-aligned.
    All text is plain (not escaped): the template escapes it.
    """

    caption: str
    column_headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Chart:
    """A chart and its words.

    ``svg``: one complete ``<svg>`` element, every text in it XML-escaped, safe
    to insert into HTML as it is (mark it safe in Jinja). A screen reader hears
    only its short title and how it is drawn, so a page shows ``summary`` and
    ``table`` with it.
    ``svg_large``: the same chart with its text `LARGE_TEXT_SCALE` times larger
    for the same width (labels wrapped and bars laid out again), same title,
    desc and figures; its root has the extra class ``chart-large`` and its ids
    differ from ``svg``'s, so a page may hold both and show one (see the
    module docstring, "Size").
    ``summary``: one or two Chinese sentences with the key figures, plain text
    (escape it), e.g. "截至2018年4月26日，白鹤镇共收集问题清单296份：提交区级143份，已解决103份，办理中50份。".
    ``table``: the same figures as the chart (see `DataTable`).
    """

    svg: str
    svg_large: str
    summary: str
    table: DataTable


@dataclass(frozen=True)
class BarStyle:
    """How one kind of bar or segment is drawn.

    ``key``: the `Tally` field it shows (or "target"/"measured"); ``label``:
    its Chinese name; ``css_class``: the class on its shapes; ``base``: the
    fill colour (``#rrggbb``); ``accent``: the colour of the pattern marks
    drawn over ``base`` (None when ``pattern`` is "solid"); ``pattern``: one
    of "solid", "stripes", "dots".
    """

    key: str
    label: str
    css_class: str
    base: str
    accent: str | None
    pattern: str


#: The three segments of a tally bar, in the order they are stacked.
SEGMENT_STYLES: tuple[BarStyle, ...] = (
    BarStyle("escalated", "提交区级", "seg-escalated", "#1f4e8c", None, "solid"),
    BarStyle("resolved", "已解决", "seg-resolved", "#0f5132", "#2a7a50", "stripes"),
    BarStyle("in_progress", "办理中", "seg-in-progress", "#7a3300", "#b35900", "dots"),
)
#: A coverage target (the plan): striped.
TARGET_STYLE = BarStyle("target", "目标", "bar-target", "#3d4f63", "#5d6e82", "stripes")
#: Said of a target that has no measurement: in the summary, and (after the label 实测) in its empty track.
NO_MEASUREMENT = "暂无实测数据"
NO_MEASUREMENT_IN_TRACK = "暂无数据"

#: A measured coverage (what was reached): solid.
MEASURED_STYLE = BarStyle("measured", "实测", "bar-measured", "#00606b", None, "solid")

BACKGROUND = "#ffffff"     #: chart background, painted by the chart itself
TEXT_COLOUR = "#1a1a1a"    #: text on the background and on empty tracks
TEXT_ON_BAR = "#ffffff"    #: text written inside a bar
TRACK_FILL = "#f2f2f2"     #: the empty part of a bar (the whole scale)
TRACK_STROKE = "#767676"   #: outline of the track; 4.5:1 on white, so an empty bar is seen

#: Suggested theme CSS: a width cap (the chart's text scales with its width),
#: one of the two drawings shown (the large one on a screen less than 21 em of
#: the browser's default font wide; a theme may add its own reading mode), a
#: least width for the large drawing, whose box then scrolls when zoomed, and
#: system colours for Windows high-contrast mode (forced colours).
CHART_CSS = """\
svg.chart { display: block; max-width: 28rem; height: auto; }
svg.chart-large { display: none; max-width: 21rem; min-width: 16rem; }
:has(> svg.chart-large) { overflow-x: auto; }
@media (max-width: 21em) {
  svg.chart { display: none; }
  svg.chart-large { display: block; }
}
@media (forced-colors: active) {
  svg.chart { color: CanvasText; }
  svg.chart .chart-bg, svg.chart .track { fill: Canvas; }
  svg.chart .track, svg.chart .seg, svg.chart .swatch, svg.chart .bar-target, svg.chart .bar-measured {
    stroke: CanvasText; }
  svg.chart .seg-sep { stroke: Canvas; }
  svg.chart .seg-value { fill: Canvas; paint-order: stroke; stroke: CanvasText; stroke-width: 4px; }
}
"""

# --- layout (viewBox units) ----------------------------------------------------

VIEW_WIDTH = 360           #: viewBox width; see the module docstring
FONT_SIZE = 18             #: the only text size of `Chart.svg`; 16 px at 320 px wide
#: How much larger the text of `Chart.svg_large` is than that of `Chart.svg`, for the same
#: width: 24 units. The theme shows it in its reading mode (文字放大约三成: its chart is about
#: 2 % narrower there, so 4/3 of the units reads about 1.3 times larger) and on a screen narrow
#: for the reader's text size; see the module docstring.
LARGE_TEXT_SCALE = 4 / 3
_PAD = 4                   # left/right margin inside the viewBox
_TRACK_W = VIEW_WIDTH - 2 * _PAD
_LARGE_TEXT_END = 2 / 3
"""How far across the track the large drawing's text of a stacked chart may reach. Its box scrolls sideways
when the drawing is wider (the reading mode on a phone cuts its last tenth, the browser's text at 200 % its last
third): a "收集10234份" written at the right end showed as "收集1023", a number that looks whole. So in the large
drawing each total is written on its own line at the left, a segment's number inside it only where it ends in
the first two thirds (else under the bar, with the others that do not fit), and a row of those stops there."""
_FONT_FAMILY = ("system-ui,-apple-system,'PingFang SC','Hiragino Sans GB',"
                "'Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif")
_ID = "\x01"               # id placeholder; `_xml` strips \x01, so text never contains it
ID_PATTERN = r"chart-(?:large-)?[0-9a-f]{10}-.+"
"""Every id a chart's SVG gives its parts (its prefix, see `_svg`, then "-t", "-d" or a pattern's key)."""


@dataclass(frozen=True)
class _Layout:
    """The sizes of one drawing of a chart, in viewBox units: its text size and all that follows from it.

    ``scale`` 1 gives the sizes `Chart.svg` has always had (each field's
    comment ends with its value there); at another scale every size is that
    value times ``scale``, rounded to a whole unit (24 units of text at 4/3).
    Only the margins `_PAD` and the width stay the same.
    """

    scale: float
    font: float          # text size: FONT_SIZE × scale
    line: int            # height of a line of text: 26
    baseline: int        # baseline offset within a line: 19
    bar_h: int           # stacked bar height: 36
    target_bar_h: int    # target/measured bar height: 28
    bar_gap: int         # space between a target bar and its measured bar: 6
    gap: int             # space after each bar block: 14
    swatch: int          # legend marker size: 18
    swatch_top: int      # legend marker's offset within its line: 4
    space: int           # between a marker or bar and its text: 6
    item_gap: int        # between two legend items on a line: 16
    label_gap: int       # between a heading and the text at the right of its line: 12
    inside_pad: int      # padding around text written inside a segment: 6
    zero_x: int          # where the "0" of an empty track starts, from the track: 8
    below: int           # from the bottom of a bar to what is written under it: 4
    legend_gap: int      # under the legend of a stacked chart: 8
    key_gap: int         # between the word 目标 or 实测 and its track: 8
    value_end: int       # room left between a target's percentage and its track's end: 4
    bottom: int          # under the last bar block: 4
    text_end: float      # where text of a stacked chart may reach: the track's end (`_LARGE_TEXT_END` in large)

    @property
    def text_held_left(self) -> bool:
        """True when text may not reach the track's end (`_LARGE_TEXT_END`): numbers go at the left instead."""
        return self.text_end < _PAD + _TRACK_W

    @property
    def middle(self) -> float:
        """From the vertical middle of a bar to the baseline of text centred in it."""
        return self.font * 0.35


def _layout(scale: float) -> _Layout:
    """The sizes of a chart drawn with its text ``scale`` times `FONT_SIZE` (1: `Chart.svg`)."""
    def size(units: int) -> int:
        return round(units * scale)

    return _Layout(scale=scale, font=round(FONT_SIZE * scale, 1), line=size(26), baseline=size(19),
                   bar_h=size(36), target_bar_h=size(28), bar_gap=size(6), gap=size(14), swatch=size(18),
                   swatch_top=size(4), space=size(6), item_gap=size(16), label_gap=size(12),
                   inside_pad=size(6), zero_x=size(8), below=size(4), legend_gap=size(8), key_gap=size(8),
                   value_end=size(4), bottom=size(4),
                   text_end=_PAD + (_TRACK_W if scale == 1 else round(_TRACK_W * _LARGE_TEXT_END)))


_NORMAL = _layout(1)
_LARGE = _layout(LARGE_TEXT_SCALE)


# --- small formatters ----------------------------------------------------------


def format_share(part: int, whole: int) -> str:
    """Format ``part`` as a percentage of ``whole``, one decimal, rounded half up (四舍五入).

    Takes two counts; returns e.g. "34.8%" for (103, 296), "100.0%" for
    (5, 5), and "—" when ``whole`` is 0 (no share exists). A share that is
    not whole or nothing never reads 100.0% or 0.0%: more decimals are
    shown instead (2959 of 2960 is "99.97%", see `_decimals_short_of_bounds`).
    """
    if whole == 0:
        return "—"
    return f"{_decimals_short_of_bounds(Decimal(part) * 100 / Decimal(whole))}%"


def format_percent(value: float) -> str:
    """Format a percentage value (0–100) as text, its figure as typed: 80.0 → "80%", 79.96 → "79.96%", 33.333333 → "33.333333%".

    Never rounded (`sitegen.models.percent_digits`): a measured 79.96 rounded to one decimal read "已达 80%"
    beside a target of 80, and 66.66 read 66.7% beside 66.67, pages that said a target was reached and, in
    the same line, that it was not. Pages, charts and tables all write percentages with this function.
    """
    return f"{percent_digits(value)}%"


def _decimals_short_of_bounds(value: Decimal) -> str:
    """``value`` (a percentage) rounded half up to one decimal, or to as many more as it takes (up to
    6; beyond, "<0.000001" or ">99.999999") for a value strictly between 0 and 100 not to read as 0 or
    100: a share of 2959 in 2960 is not all of them, and a page saying "100.0%" would claim it was.
    Returns the digits."""
    places, rounded = 1, value.quantize(Decimal("0.1"), ROUND_HALF_UP)
    while 0 < value < 100 and rounded in (0, 100):
        if places == 6:  # closer to 0 or 100 than six decimals show: say so, never a wrong digit
            return "<0.000001" if rounded == 0 else ">99.999999"
        places += 1
        rounded = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return format(rounded, "f")


def format_date(day: date) -> str:
    """Write a date the way the reports do: ``date(2018, 4, 26)`` → "2018年4月26日"."""
    return f"{day.year}年{day.month}月{day.day}日"


def relative_luminance(colour: str) -> float:
    """Relative luminance (0–1) of an sRGB colour ``#rrggbb`` or ``#rgb``, as WCAG 2.x defines it."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", digits):
        raise ValueError(f"not a hex colour: {colour!r}")

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(digits[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(hex1: str, hex2: str) -> float:
    """WCAG 2.x contrast ratio of two colours (``#rrggbb``), from 1.0 to 21.0, order-free.

    (L1 + 0.05) / (L2 + 0.05) with L1 the lighter relative luminance. WCAG
    asks 4.5:1 for text (SC 1.4.3) and 3:1 for graphics such as bars (SC 1.4.11).
    """
    light, dark = sorted((relative_luminance(hex1), relative_luminance(hex2)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The complement of XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
# [#x10000-#x10FFFF]), listed as such: the negated class costs ~5 ms to compile in every process.
_XML_ILLEGAL = compile_later("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Escape text for XML content or a double-quoted attribute; drop characters XML forbids."""
    text = _XML_ILLEGAL.sub("", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def _n(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing ".0"."""
    return f"{round(value, 1):.1f}".removesuffix(".0")


def _tenths(value: int) -> str:
    """A coordinate given in integer tenths of a unit, as text."""
    return str(value // 10) if value % 10 == 0 else f"{value // 10}.{value % 10}"


def _scaled(amount: float, scale_max: float, length: int) -> int:
    """``amount / scale_max`` of ``length``, rounded half up to an int (0 when scale_max is 0)."""
    if scale_max <= 0:
        return 0
    return int(Decimal(repr(amount)) * length / Decimal(repr(scale_max)) + Decimal("0.5"))


def _text_width(text: str, font: float = FONT_SIZE) -> float:
    """Estimated width of ``text`` at text size ``font``: wide (CJK) characters and "%" 1 em, others 0.62 em.

    0.62 em is on the safe side for digits and Latin letters in system sans
    fonts, but not for "%", which is 0.85 to 1 em wide in them; the estimate
    decides what fits inside a bar and where labels wrap.
    """
    ems = sum(1.0 if c == "%" or unicodedata.east_asian_width(c) in "WF" else 0.62 for c in text)
    return ems * font


_NO_LINE_START = frozenset("，。、：；！？）》」』】〉”’·…%),.:;!?]}")
_NO_LINE_END = frozenset("（《「『【〈“‘([{")


def _tokens(text: str) -> list[str]:
    """Split text into unbreakable pieces: dates (2018年4月26日), runs of printable ASCII, spaces, other single characters.

    A closing mark sticks to the piece before it and an opening mark to the
    piece after it, so no line starts with "）" or "，" or ends with "（"
    (the usual Chinese line-breaking rules, 禁则).
    """
    pieces: list[str] = []
    for piece in re.findall(r"\d+年\d+月\d+日|[!-~]+| +|.", text, flags=re.S):
        glue = pieces and not pieces[-1].isspace() and not piece.isspace() and (
            piece[0] in _NO_LINE_START or pieces[-1][-1] in _NO_LINE_END)
        if glue:
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _wrap(text: str, width: float, font: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` at text size ``font`` (estimated), between `_tokens` pieces.

    A piece wider than a whole line is cut between characters. Returns at
    least one line; lines carry no leading or trailing spaces.
    """
    lines: list[str] = []
    line = ""
    for piece in _tokens(text):
        if _text_width(line + piece, font) <= width or not line.strip():
            line += piece
        else:
            lines.append(line.strip())
            line = piece.lstrip()
        while _text_width(line, font) > width and len(line) > 1:
            cut = max(i for i in range(1, len(line) + 1) if i == 1 or _text_width(line[:i], font) <= width)
            lines.append(line[:cut].strip())
            line = line[cut:].lstrip()
    lines.append(line.strip())
    return [ln for ln in lines if ln] or [""]


# --- SVG pieces ------------------------------------------------------------------


def _fill(style: BarStyle) -> str:
    """The ``fill`` value for a style: its colour, or a reference to its pattern."""
    return style.base if style.pattern == "solid" else f"url(#{_ID}-{style.key})"


def _pattern(style: BarStyle) -> str:
    """The ``<pattern>`` element for a striped or dotted style ("" for solid)."""
    if style.pattern == "solid":
        return ""
    if style.pattern == "stripes":
        marks = f'<rect width="4" height="8" fill="{style.accent}"/>'
        extra = ' patternTransform="rotate(45)"'
    else:
        marks = f'<circle cx="4" cy="4" r="1.8" fill="{style.accent}"/>'
        extra = ""
    return (f'<pattern id="{_ID}-{style.key}" width="8" height="8" patternUnits="userSpaceOnUse"{extra}>'
            f'<rect width="8" height="8" fill="{style.base}"/>{marks}</pattern>')


def _text(x: float, y: float, text: str, *, anchor: str = "", bold: bool = False,
          cls: str = "", fill: str = "") -> str:
    """A ``<text>`` element at baseline (x, y); text escaped."""
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' text-anchor="{anchor}"' if anchor else ""
    attrs += ' font-weight="bold"' if bold else ""
    attrs += f' fill="{fill}"' if fill else ""
    return f'<text x="{_n(x)}" y="{_n(y)}"{attrs}>{_xml(text)}</text>'


def _track(x: float, y: float, width: float, height: float) -> str:
    """The outlined background of a bar: the full length of the scale."""
    return (f'<rect class="track" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{TRACK_FILL}" stroke="{TRACK_STROKE}"/>')


def _key_items(items: Sequence[tuple[BarStyle, str]], top: float, layout: _Layout) -> tuple[list[str], float]:
    """Lay out legend-style items (marker + text), flowing onto new rows; returns parts, new top."""
    parts: list[str] = []
    x, row_top = float(_PAD), top
    for style, label in items:
        width = layout.swatch + layout.space + _text_width(label, layout.font)
        if x > _PAD and x + width > layout.text_end:
            x, row_top = float(_PAD), row_top + layout.line
        parts.append(f'<rect class="swatch {style.css_class}" x="{_n(x)}" y="{_n(row_top + layout.swatch_top)}" '
                     f'width="{layout.swatch}" height="{layout.swatch}" fill="{_fill(style)}"/>')
        parts.append(_text(x + layout.swatch + layout.space, row_top + layout.baseline, label))
        x += width + layout.item_gap
    return parts, (row_top + layout.line if items else top)


def _heading(label: str, right: str, note: str, top: float, layout: _Layout) -> tuple[list[str], float]:
    """A bar's heading; returns parts and the new top.

    ``label`` in bold at the left, wrapped; ``right`` (may be "") at the
    right end of the first line; ``note`` (may be "") in normal weight on
    the lines below, wrapped to the full width.
    """
    beside = bool(right) and not layout.text_held_left  # else on a line of its own
    room = _TRACK_W - (_text_width(right, layout.font) + layout.label_gap if beside else 0)
    lines = [(line, True) for line in _wrap(label, room, layout.font)]
    lines += [(right, False)] if right and not beside else []
    lines += [(line, False) for line in (_wrap(note, _TRACK_W, layout.font) if note else [])]
    parts = [_text(_PAD, top + layout.baseline + i * layout.line, line, bold=bold)
             for i, (line, bold) in enumerate(lines)]
    if beside:
        parts.append(_text(_PAD + _TRACK_W, top + layout.baseline, right, anchor="end"))
    return parts, top + layout.line * len(lines)


def _svg(kind: str, title: str, desc: str, body: list[str], height: float,
         styles: Sequence[BarStyle], layout: _Layout) -> str:
    """Wrap the body in the root ``<svg>`` with title, desc, patterns and background; fix the ids.

    The background and body go in one ``<g aria-hidden="true">`` (see "Names" in the module
    docstring): the image is named by its title and described by its desc alone.

    The ids start with "chart-" and a hash of the kind and the content; those of a drawing with
    larger text (``layout`` not `_NORMAL`) with "chart-large-" (never a hex digit after "chart-"), and
    its root has the class ``chart-large``: the two drawings of one chart can share a page.
    """
    defs = "".join(_pattern(s) for s in styles)
    inner = (f'<title id="{_ID}-t">{_xml(title)}</title><desc id="{_ID}-d">{_xml(desc)}</desc>'
             + (f"<defs>{defs}</defs>" if defs else "")
             + f'<g aria-hidden="true"><rect class="chart-bg" width="{VIEW_WIDTH}" height="{_n(height)}" '
             + f'fill="{BACKGROUND}"/>' + "".join(body) + "</g>")
    variant = "" if layout == _NORMAL else "large"
    digest = hashlib.sha256(f"{kind}{' ' + variant if variant else ''}\n{inner}".encode()).hexdigest()[:10]
    prefix = f"chart-{variant}-{digest}" if variant else f"chart-{digest}"
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}{" chart-large" if variant else ""}" '
           f'role="img" aria-labelledby="{_ID}-t" aria-describedby="{_ID}-d" '
           f'viewBox="0 0 {VIEW_WIDTH} {_n(height)}" width="100%" '
           f'preserveAspectRatio="xMinYMin meet" font-family="{_FONT_FAMILY}" font-size="{_n(layout.font)}" '
           f'color="{TEXT_COLOUR}" fill="currentColor">{inner}</svg>')
    return svg.replace(_ID, prefix)


# --- stacked bars (tallies) ----------------------------------------------------------


@dataclass(frozen=True)
class _StackedBar:
    """One stacked bar to draw: heading, note below it, total, the three counts in `SEGMENT_STYLES` order."""

    label: str
    note: str
    total: int
    counts: tuple[int, ...]


def _segment_parts(bar: _StackedBar, top: float, scale_max: int,
                   layout: _Layout) -> tuple[list[str], list[tuple[BarStyle, str]]]:
    """Draw the segments of one bar; return the parts and the numbers that did not fit inside."""
    parts: list[str] = []
    outside: list[tuple[BarStyle, str]] = []
    x0, length = _PAD * 10, _TRACK_W * 10          # in tenths of a unit
    edges = [x0 + _scaled(sum(bar.counts[:i]), scale_max, length) for i in range(len(bar.counts) + 1)]
    inner_edges: list[int] = []
    for style, count, start, end in zip(SEGMENT_STYLES, bar.counts, edges, edges[1:]):
        if end <= start:
            outside.append((style, f"{style.label}{count}份"))
            continue
        if start > x0:
            inner_edges.append(start)
        parts.append(f'<rect class="seg {style.css_class}" x="{_tenths(start)}" y="{_n(top)}" '
                     f'width="{_tenths(end - start)}" height="{layout.bar_h}" fill="{_fill(style)}">'
                     f"<title>{_xml(f'{style.label}{count}份')}</title></rect>")
        room = (end - start) / 10 - 2 * layout.inside_pad
        middle = (start + end) / 20
        fitting = [t for t in (f"{style.label}{count}", str(count)) if _text_width(t, layout.font) <= room
                   and middle + _text_width(t, layout.font) / 2 <= layout.text_end]
        if fitting:
            parts.append(_text(middle, top + layout.bar_h / 2 + layout.middle, fitting[0],
                               anchor="middle", cls="seg-value", fill=TEXT_ON_BAR))
        else:
            outside.append((style, f"{style.label}{count}份"))
    if inner_edges:
        path = "".join(f"M{_tenths(e)} {_n(top)}v{layout.bar_h}" for e in inner_edges)
        parts.append(f'<path class="seg-sep" d="{path}" stroke="{BACKGROUND}" stroke-width="2"/>')
    return parts, outside


def _stacked_block(bar: _StackedBar, top: float, scale_max: int, layout: _Layout) -> tuple[list[str], float]:
    """One ``<g class="bar">``: heading, track, segments, numbers written below; returns parts, new top."""
    heading, top = _heading(bar.label, f"收集{bar.total}份", bar.note, top, layout)
    parts = ['<g class="bar">', *heading, _track(_PAD, top, _TRACK_W, layout.bar_h)]
    outside: list[tuple[BarStyle, str]] = []
    if bar.total == 0:
        parts.append(_text(_PAD + layout.zero_x, top + layout.bar_h / 2 + layout.middle, "0"))
    else:
        segments, outside = _segment_parts(bar, top, scale_max, layout)
        parts.extend(segments)
    below, top = _key_items(outside, top + layout.bar_h + layout.below, layout)
    return [*parts, *below, "</g>"], top + layout.gap


def _stacked_chart(kind: str, title: str, desc: str, bars: Sequence[_StackedBar]) -> tuple[str, str]:
    """Stacked horizontal bars scaled to the largest total, with a legend on top: the SVG at each text size."""
    return _stacked_svg(kind, title, desc, bars, _NORMAL), _stacked_svg(kind, title, desc, bars, _LARGE)


def _stacked_svg(kind: str, title: str, desc: str, bars: Sequence[_StackedBar], layout: _Layout) -> str:
    """One SVG of `_stacked_chart`, laid out for ``layout``."""
    scale_max = max(bar.total for bar in bars)
    body, top = _key_items([(s, s.label) for s in SEGMENT_STYLES], 0, layout)
    top += layout.legend_gap
    for bar in bars:
        parts, top = _stacked_block(bar, top, scale_max, layout)
        body.extend(parts)
    return _svg(kind, title, desc, body, top - layout.gap + layout.bottom, SEGMENT_STYLES, layout)


def _counts(tally: Tally) -> tuple[int, ...]:
    """The three segment counts of a tally; ValueError if they do not add up to ``collected``."""
    counts = tuple(getattr(tally, s.key) for s in SEGMENT_STYLES)
    if sum(counts) != tally.collected:
        raise ValueError(f"tally of {tally.as_of.isoformat()}: escalated + resolved + in_progress = "
                         f"{sum(counts)}, but collected = {tally.collected} (run sitegen.checks first)")
    return counts


def _breakdown(counts: Sequence[int]) -> str:
    """ "提交区级143份，已解决103份，办理中50份" for the three counts."""
    return "，".join(f"{s.label}{c}份" for s, c in zip(SEGMENT_STYLES, counts))


def _tally_row(tally: Tally) -> tuple[str, ...]:
    """The four count cells of a tally row: collected, escalated, resolved, in progress."""
    return (str(tally.collected), *(str(c) for c in _counts(tally)))


_TALLY_HEADERS = ("收集", *(s.label for s in SEGMENT_STYLES))


def _tally_summary(unit_name: str, ordered: Sequence[Tally]) -> str:
    """Key figures of the latest tally, and the change since the one before it and since the earliest shown.

    With three tallies or more both changes are given, the latest first: the
    change since the earliest alone hid a fall since the tally before (152,
    248, 240 read "增加88份").
    """
    last = ordered[-1]
    text = f"截至{format_date(last.as_of)}，{unit_name}共收集问题清单{last.collected}份"
    text += f"：{_breakdown(_counts(last))}。" if last.collected else "。"
    if len(ordered) > 2:
        text += _change_since(last, ordered[-2], "上次统计") + "；" + _change_since(last, ordered[0], "") + "。"
    elif len(ordered) == 2:
        text += _change_since(last, ordered[0], "") + "。"
    return text


def _change_since(last: Tally, before: Tally, which: str) -> str:
    """ "与{which}2018年3月1日（120份）相比，增加176份": the change of ``collected`` from ``before`` to ``last``.

    No change is said as 收集数量不变 ("the number collected is the same"), not 没有变化 ("nothing
    changed"): resolved and in progress may have moved while the number collected did not.
    """
    change = last.collected - before.collected
    return (f"与{which}{format_date(before.as_of)}（{before.collected}份）相比，"
            + ("收集数量不变" if change == 0 else f"{'增加' if change > 0 else '减少'}{abs(change)}份"))


CHARTED_TALLIES = 8
"""The most tallies a unit's chart draws, the latest: a bar takes about 100 px of a phone's height, so a unit
counted every month for four years drew a chart 5,000 px tall. Its table lists every tally."""


def tally_chart(unit_name: str, tallies: Sequence[Tally]) -> Chart | None:
    """Chart one unit's tallies: one stacked horizontal bar per tally, oldest at the top; at most the latest
    `CHARTED_TALLIES`, the summary then saying how many are drawn and that the table lists all of them.

    Takes the unit's name (any text; it is escaped) and its tallies in any
    order; they are shown by ``as_of``, oldest first, in the chart and table.
    Each bar is split into 提交区级 / 已解决 / 办理中 and headed by its date
    ("2018年4月26日") and "收集296份"; bar lengths are proportional to the
    largest ``collected`` among the bars shown (the desc says so, without
    the figure). A tally with nothing collected is an empty outlined track
    with the text "0".

    Returns None when there are no tallies. The table has one row per tally
    (ISO date, then 收集/提交区级/已解决/办理中 as digits). Raises ValueError if
    a tally's three parts do not add up to ``collected`` (`sitegen.checks`
    reports that to the editor first).
    """
    if not tallies:
        return None
    ordered = sorted(tallies, key=lambda t: t.as_of)
    charted = ordered[-CHARTED_TALLIES:]
    summary = _tally_summary(unit_name, ordered)
    desc = "图中每个统计日期一条横条，分为提交区级、已解决、办理中三段；条形长度按图中最大的收集数等比例绘制。"
    if len(charted) < len(ordered):
        summary += f"图中是最近{len(charted)}次统计；全部{len(ordered)}次统计见下表。"
        desc = f"图中是最近{len(charted)}次统计，" + desc.removeprefix("图中")
    bars = [_StackedBar(format_date(t.as_of), "", t.collected, _counts(t)) for t in charted]
    svg, svg_large = _stacked_chart("tally", f"{unit_name}问题清单办理情况", desc, bars)
    with_batches = any(t.batches is not None for t in ordered)
    headers = (("调研批次",) if with_batches else ()) + _TALLY_HEADERS
    table = DataTable(
        caption=f"{unit_name}问题清单办理情况（按统计日期）",
        column_headers=("统计日期", *headers),
        rows=tuple((t.as_of.isoformat(), _batches_cell(t, with_batches) + _tally_row(t)) for t in ordered),
        numeric=(True,) * len(headers),
    )
    return Chart(svg=svg, svg_large=svg_large, summary=summary, table=table)


def _batches_cell(tally: Tally, with_batches: bool) -> tuple[str, ...]:
    """The survey-batches cell when the table has that column ("—" when a tally lacks it)."""
    if not with_batches:
        return ()
    return (str(tally.batches) if tally.batches is not None else "—",)


def _units_summary(rows: Sequence[tuple[str, Tally]]) -> str:
    """Totals over all units, and which unit collected the most."""
    if len(rows) == 1:
        return _tally_summary(rows[0][0], [rows[0][1]])
    days = {tally.as_of for _, tally in rows}
    prefix = f"截至{format_date(days.pop())}，" if len(days) == 1 else "按各单位最近一次统计，"
    totals = [sum(c) for c in zip(*(_counts(t) for _, t in rows))]
    collected = sum(t.collected for _, t in rows)
    text = f"{prefix}{len(rows)}个单位共收集问题清单{collected}份"
    if not collected:
        return text + "。"
    most = max(t.collected for _, t in rows)
    leaders = [name for name, t in rows if t.collected == most]
    text += f"：{_breakdown(totals)}。收集最多的是{'、'.join(leaders)}"
    return text + (f"（{most}份）。" if len(leaders) == 1 else f"（各{most}份）。")


def units_chart(rows: Sequence[tuple[str, Tally]]) -> Chart | None:
    """Dashboard chart: one stacked bar per unit, from the unit's latest tally, in the order given.

    Takes ``(unit name, latest tally)`` pairs. Bars are proportional to the
    largest ``collected`` among them; each is headed by the unit's name (long
    names wrap) and "收集N份", plus the date when the units' dates differ.
    Returns None when ``rows`` is empty. The table has one row per unit:
    统计日期 (ISO), 收集, 提交区级, 已解决, 办理中. Raises ValueError like `tally_chart`.
    """
    if not rows:
        return None
    summary = _units_summary(rows)
    same_day = len({t.as_of for _, t in rows}) == 1
    desc = "图中每个单位一条横条，分为提交区级、已解决、办理中三段；条形长度按图中最大的收集数等比例绘制。"
    bars = [_StackedBar(name, "" if same_day else f"截至{format_date(t.as_of)}", t.collected, _counts(t))
            for name, t in rows]
    svg, svg_large = _stacked_chart("units", "各单位问题清单办理情况", desc, bars)
    table = DataTable(
        caption="各单位问题清单办理情况（按最近一次统计）",
        column_headers=("单位", "统计日期", *_TALLY_HEADERS),
        rows=tuple((name, (t.as_of.isoformat(), *_tally_row(t))) for name, t in rows),
        numeric=(False,) + (True,) * len(_TALLY_HEADERS),
    )
    return Chart(svg=svg, svg_large=svg_large, summary=summary, table=table)


# --- target bars ---------------------------------------------------------------------


def _group_label(target: Target) -> str:
    """The Chinese name of a target's group, e.g. 机构."""
    return TARGET_GROUP_LABELS[target.group.value]


def _value_x(x0: float, length: float, width: float, text: str, layout: _Layout) -> float:
    """Where a target bar's percentage starts: just after the bar, or after the whole track.

    Takes the track's start and width and the bar's length. The percentage
    goes after the bar while it ends inside the track, 4 units short of its
    outline; else (a bar of 85%, 90%, 100%) after the track, in the room kept
    there, so that no digit is drawn across the track's outline.
    """
    beside = x0 + length + layout.space
    fits = beside + _text_width(text, layout.font) <= x0 + width - layout.value_end
    return beside if fits else x0 + width + layout.space


def _target_block(target: Target, top: float, key_room: float, value_room: float,
                  layout: _Layout) -> tuple[list[str], float]:
    """Heading (group, deadline), a bar for the target and one for the measured value.

    ``key_room`` is kept before the tracks for the words 目标 and 实测 (in the large drawing with the
    percentage: "目标80%", see `_LARGE_TEXT_END`; no ``value_room`` after them then), ``value_room`` after
    them for the percentages. A target without a measurement gets an empty 实测 track with
    `NO_MEASUREMENT_IN_TRACK` written in it.
    """
    deadline = f"期限：{format_date(target.deadline)}" if target.deadline else ""
    parts, top = _heading(_group_label(target), "", deadline, top, layout)
    keyed = layout.text_held_left  # each percentage beside its word, at the left
    x0, width = _PAD + key_room, _TRACK_W - key_room - value_room
    for style, value in ((TARGET_STYLE, target.target), (MEASURED_STYLE, target.measured)):
        middle = top + layout.target_bar_h / 2 + layout.middle
        if value is None:
            # An empty 实测 track saying so: a lone striped bar reached 100% and was read as achieved.
            parts.append(f'<g class="no-measurement">{_text(_PAD, middle, style.label)}'
                         f'{_track(x0, top, width, layout.target_bar_h)}'
                         f'{_text(x0 + layout.space, middle, NO_MEASUREMENT_IN_TRACK)}</g>')
            top += layout.target_bar_h + layout.bar_gap
            continue
        length = _scaled(value, 100, round(width * 10)) / 10
        text = format_percent(value)
        parts.append(f'<g class="bar">{_text(_PAD, middle, f"{style.label}{text}" if keyed else style.label)}'
                     f'{_track(x0, top, width, layout.target_bar_h)}')
        if length > 0:
            parts.append(f'<rect class="{style.css_class}" x="{_n(x0)}" y="{_n(top)}" width="{_n(length)}" '
                         f'height="{layout.target_bar_h}" fill="{_fill(style)}">'
                         f"<title>{_xml(f'{_group_label(target)}{style.label}{text}')}</title></rect>")
        parts.append(("" if keyed else _text(_value_x(x0, length, width, text, layout), middle, text)) + "</g>")
        top += layout.target_bar_h + layout.bar_gap
    return parts, top - layout.bar_gap + layout.gap


def _target_summary(unit_name: str, targets: Sequence[Target]) -> str:
    """The targets in one sentence; the measured values, if any, in a second; which have none, last."""
    def goal(t: Target) -> str:
        return f"{_group_label(t)}{format_percent(t.target)}" + (
            f"（{format_date(t.deadline)}前）" if t.deadline else "")

    text = f"{unit_name}调研覆盖目标：{'，'.join(goal(t) for t in targets)}。"
    measured = [t for t in targets if t.measured is not None]
    if measured:
        days = {t.measured_as_of for t in measured}
        day = days.pop() if len(days) == 1 else None
        text += f"截至{format_date(day)}实测：" if day else "实测："
        text += "，".join(f"{_group_label(t)}{format_percent(t.measured)}" for t in measured) + "。"
    unmeasured = [t for t in targets if t.measured is None]
    if unmeasured and measured:
        text += "、".join(_group_label(t) for t in unmeasured) + NO_MEASUREMENT + "。"
    elif unmeasured:
        text += ("均" if len(targets) > 1 else "") + NO_MEASUREMENT + "。"
    return text


def _target_table(unit_name: str, targets: Sequence[Target]) -> DataTable:
    """One row per target: 目标, then 实测 and 实测日期, and 期限, when any target has them."""
    with_measured = any(t.measured is not None for t in targets)
    with_deadline = any(t.deadline is not None for t in targets)

    def iso(day: date | None) -> str:
        return day.isoformat() if day else "—"

    def cells(t: Target) -> tuple[str, ...]:
        row = [format_percent(t.target)]
        if with_measured:
            row += ["—" if t.measured is None else format_percent(t.measured), iso(t.measured_as_of)]
        if with_deadline:
            row.append(iso(t.deadline))
        return tuple(row)

    headers = ("目标", *(("实测", "实测日期") if with_measured else ()), *(("期限",) if with_deadline else ()))
    numeric = (True, *((True, False) if with_measured else ()), *((False,) if with_deadline else ()))
    return DataTable(
        caption=f"{unit_name}调研覆盖目标" + ("与实测" if with_measured else ""),
        column_headers=("调研对象", *headers),
        rows=tuple((_group_label(t), cells(t)) for t in targets),
        numeric=numeric,
    )


def target_chart(unit_name: str, targets: Sequence[Target]) -> Chart | None:
    """Chart a unit's coverage targets: per target a bar of the target % and one of the measured %.

    Takes the unit's name and its targets, shown in the order given. Each
    group is headed by its Chinese name (机构, 居民, …) in bold, with
    "期限：2018年6月30日" below when it has a deadline; its bars are labelled 目标 (striped) and 实测 (solid) in words, drawn on a 0–100%
    scale (the outlined track is 100%), with the percentage ("80%") written
    beside the bar, or after the track when it would cross the track's outline. A target
    not measured gets an empty 实测 track reading 暂无数据, and the summary says 暂无实测数据,
    so that a lone striped bar is never taken for progress. No legend: every bar is named in words. Returns None when there are no targets. The table has
    one row per target: 目标, plus 实测 / 实测日期 / 期限 columns when any
    target has them (a missing value is "—").
    """
    if not targets:
        return None
    summary = _target_summary(unit_name, targets)
    desc = (f"图中每个调研对象一条目标横条和一条实测横条，没有实测数的实测横条为空，标“{NO_MEASUREMENT_IN_TRACK}”"
            "；条形长度按0%至100%的比例绘制，整条轨道为100%。")
    svg, svg_large = (_target_svg(unit_name, targets, desc, layout) for layout in (_NORMAL, _LARGE))
    return Chart(svg=svg, svg_large=svg_large, summary=summary, table=_target_table(unit_name, targets))


def _target_svg(unit_name: str, targets: Sequence[Target], desc: str, layout: _Layout) -> str:
    """The SVG of `target_chart`, laid out for ``layout``: the percentages' room is kept after every track."""
    percents = [format_percent(v) for t in targets for v in (t.target, t.measured) if v is not None]
    words = [s.label for s in (TARGET_STYLE, MEASURED_STYLE)]
    if not layout.text_held_left:
        value_room = max(_text_width(p, layout.font) for p in percents) + layout.space + layout.value_end
    else:  # the large drawing: "目标80%" before the track (`_target_block`)
        value_room, words = 0, [f"{word}{p}" for word in words for p in percents]
    key_room = max(_text_width(word, layout.font) for word in words) + layout.key_gap
    body: list[str] = []
    top = 0.0
    for target in targets:
        parts, top = _target_block(target, top, key_room, value_room, layout)
        body.extend(parts)
    measured = any(t.measured is not None for t in targets)
    styles = (TARGET_STYLE, MEASURED_STYLE) if measured else (TARGET_STYLE,)
    height = top - layout.gap + layout.bottom
    return _svg("target", f"{unit_name}调研覆盖目标", desc, body, height, styles, layout)
