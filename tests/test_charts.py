"""Tests of sitegen.charts: exact figures, words and tables; SVG structure; contrast; escaping.

Each chart is drawn twice (`Chart.svg`, and `Chart.svg_large` with larger text): the geometry,
hygiene and property tests run on both drawings, and both must show the same figures.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitegen import charts
from sitegen.charts import (
    BACKGROUND, CHARTED_TALLIES, FONT_SIZE, LARGE_TEXT_SCALE, MEASURED_STYLE, SEGMENT_STYLES, TARGET_STYLE, TEXT_COLOUR,
    TEXT_ON_BAR, TRACK_FILL, TRACK_STROKE, VIEW_WIDTH, Chart, DataTable, contrast_ratio, format_date,
    format_percent, format_share, relative_luminance, target_chart, tally_chart, units_chart,
)
from sitegen.models import PERCENT_DECIMALS, Tally, Target

SVG = "{http://www.w3.org/2000/svg}"
BAIHE = Tally(as_of="2018-04-26", batches=318, collected=296, escalated=143, resolved=103, in_progress=50)
BAIHE_TARGETS = (
    Target(group="institutions", target=100),
    Target(group="residents", target=80),
    Target(group="registered_enterprises", target=80),
)


def tally(day: str, escalated: int, resolved: int, in_progress: int) -> Tally:
    return Tally(as_of=day, collected=escalated + resolved + in_progress,
                 escalated=escalated, resolved=resolved, in_progress=in_progress)


#: The two drawings of a chart: the attribute of `Chart` that holds it, and its text scale.
VARIANTS = (("svg", 1.0), ("svg_large", LARGE_TEXT_SCALE))


def parse(chart: Chart, variant: str = "svg") -> ET.Element:
    return ET.fromstring(getattr(chart, variant))


def drawings(chart: Chart) -> list[ET.Element]:
    """Both drawings of a chart, normal first."""
    return [parse(chart, variant) for variant, _ in VARIANTS]


def font_size(root: ET.Element) -> float:
    """The chart's text size (one size, set on the root), in viewBox units."""
    return float(root.get("font-size"))


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def segments(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if "seg" in classes(r)]


def tracks(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if "track" in classes(r)]


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    return x, y, w, h


# --- the Baihe figures, exactly -------------------------------------------------------


def test_baihe_tally_table_is_exact():
    chart = tally_chart("白鹤镇", [BAIHE])
    assert chart.table == DataTable(
        caption="白鹤镇问题清单办理情况（按统计日期）",
        column_headers=("统计日期", "调研批次", "收集", "提交区级", "已解决", "办理中"),
        rows=(("2018-04-26", ("318", "296", "143", "103", "50")),),
        numeric=(True, True, True, True, True),
    )


def test_tally_table_leaves_out_batches_when_no_tally_has_them():
    chart = tally_chart("白鹤镇", [BAIHE.model_copy(update={"batches": None})])
    assert chart.table.column_headers == ("统计日期", "收集", "提交区级", "已解决", "办理中")
    assert chart.table.rows == (("2018-04-26", ("296", "143", "103", "50")),)


def test_baihe_tally_summary_is_exact():
    chart = tally_chart("白鹤镇", [BAIHE])
    assert chart.summary == "截至2018年4月26日，白鹤镇共收集问题清单296份：提交区级143份，已解决103份，办理中50份。"


def test_baihe_svg_is_an_accessible_image():
    root = parse(tally_chart("白鹤镇", [BAIHE]))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "白鹤镇问题清单办理情况"
    # How it is drawn, and no figure: the page's caption and table say those, each once.
    assert desc.text == "图中每个统计日期一条横条，分为提交区级、已解决、办理中三段；条形长度按图中最大的收集数等比例绘制。"
    assert (root.get("aria-labelledby"), root.get("aria-describedby")) == (title.get("id"), desc.get("id"))
    assert list(root)[:2] == [title, desc]


def test_baihe_segments_are_proportional_and_fill_the_track():
    root = parse(tally_chart("白鹤镇", [BAIHE]))
    segs = segments(root)
    [track] = tracks(root)
    assert [classes(s) - {"seg"} for s in segs] == [{"seg-escalated"}, {"seg-resolved"}, {"seg-in-progress"}]
    widths = [float(s.get("width")) for s in segs]
    track_width = float(track.get("width"))
    assert sum(widths) == pytest.approx(track_width, abs=0.01)
    for width, count in zip(widths, (143, 103, 50)):
        assert width == pytest.approx(track_width * count / 296, abs=0.1)
    # they abut, left to right, from the start of the track
    x = float(track.get("x"))
    for seg in segs:
        assert float(seg.get("x")) == pytest.approx(x, abs=0.01)
        x += float(seg.get("width"))


def test_baihe_segments_carry_tooltips_and_numbers_as_text():
    root = parse(tally_chart("白鹤镇", [BAIHE]))
    assert [s.find(f"{SVG}title").text for s in segments(root)] == ["提交区级143份", "已解决103份", "办理中50份"]
    words = texts(root)
    assert "2018年4月26日" in words and "收集296份" in words
    assert "提交区级143" in words and "已解决103" in words and "50" in words
    assert [w for w in words if w in {"提交区级", "已解决", "办理中"}] == ["提交区级", "已解决", "办理中"]  # legend


def test_legend_markers_use_the_same_fills_as_the_segments():
    root = parse(tally_chart("白鹤镇", [BAIHE]))
    swatches = {frozenset(classes(r) - {"swatch"}): r.get("fill") for r in root.iter(f"{SVG}rect")
                if "swatch" in classes(r)}
    for seg in segments(root):
        assert swatches[frozenset(classes(seg) - {"seg"})] == seg.get("fill")
    fills = [s.get("fill") for s in segments(root)]
    assert len(set(fills)) == 3                          # three distinct fills ...
    assert sum(f.startswith("url(#") for f in fills) == 2  # ... two of them patterns, one solid


def test_baihe_targets_show_percentages_as_text():
    chart = target_chart("白鹤镇", BAIHE_TARGETS)
    root = parse(chart)
    words = texts(root)
    assert words.count("100%") == 1 and words.count("80%") == 2
    assert {"机构", "居民", "注册企业"} <= set(words)
    assert chart.summary == "白鹤镇调研覆盖目标：机构100%，居民80%，注册企业80%。均暂无实测数据。"
    assert chart.table == DataTable(
        caption="白鹤镇调研覆盖目标",
        column_headers=("调研对象", "目标"),
        rows=(("机构", ("100%",)), ("居民", ("80%",)), ("注册企业", ("80%",))),
        numeric=(True,),
    )
    bars = [r for r in root.iter(f"{SVG}rect") if "bar-target" in classes(r)]
    track_width = float(tracks(root)[0].get("width"))
    assert [float(b.get("width")) for b in bars] == pytest.approx(
        [track_width, 0.8 * track_width, 0.8 * track_width], abs=0.1)
    assert "0%至100%" in root.find(f"{SVG}desc").text
    # No measurement: under each target an empty 实测 track says so, so that the full striped
    # bar of 机构 100% is not read as reached.
    empty = [g for g in root.iter(f"{SVG}g") if "no-measurement" in classes(g)]
    assert len(empty) == 3 and len(tracks(root)) == 6
    for bar in empty:
        assert [t.text for t in bar.iter(f"{SVG}text")] == ["实测", "暂无数据"]
        assert not [r for r in bar.iter(f"{SVG}rect") if classes(r) & {"bar-target", "bar-measured"}]


def test_target_chart_with_measured_values_and_deadlines():
    targets = (
        Target(group="institutions", target=100, measured=100, measured_as_of="2018-04-26"),
        Target(group="residents", target=80, deadline="2018-06-30", measured=62.5, measured_as_of="2018-04-26"),
        Target(group="farmers", target=90),
    )
    chart = target_chart("白鹤镇", targets)
    root = parse(chart)
    assert chart.summary == ("白鹤镇调研覆盖目标：机构100%，居民80%（2018年6月30日前），农户90%。"
                             "截至2018年4月26日实测：机构100%，居民62.5%。农户暂无实测数据。")
    assert chart.table == DataTable(
        caption="白鹤镇调研覆盖目标与实测",
        column_headers=("调研对象", "目标", "实测", "实测日期", "期限"),
        rows=(("机构", ("100%", "100%", "2018-04-26", "—")),
              ("居民", ("80%", "62.5%", "2018-04-26", "2018-06-30")),
              ("农户", ("90%", "—", "—", "—"))),
        numeric=(True, True, False, False),
    )
    measured = [r for r in root.iter(f"{SVG}rect") if "bar-measured" in classes(r)]
    assert [r.find(f"{SVG}title").text for r in measured] == ["机构实测100%", "居民实测62.5%"]
    assert texts(root).count("实测") == 3 and texts(root).count("目标") == 3
    [empty] = [g for g in root.iter(f"{SVG}g") if "no-measurement" in classes(g)]
    assert "暂无数据" in texts(empty)
    assert "期限：2018年6月30日" in texts(root)


def bar_values(root: ET.Element) -> list[tuple[ET.Element, float]]:
    """Each target bar's percentage text, with the x where its track ends."""
    found = []
    for bar in (g for g in root.iter(f"{SVG}g") if "bar" in classes(g)):
        track = next(r for r in bar.iter(f"{SVG}rect") if "track" in classes(r))
        value = next(t for t in bar.iter(f"{SVG}text") if (t.text or "").endswith("%"))
        found.append((value, float(track.get("x")) + float(track.get("width"))))
    return found


def assert_percentages_clear_of_track_ends(root: ET.Element) -> None:
    """Each target bar's percentage lies inside its track or wholly after it, never across its outline."""
    for value, end in bar_values(root):
        left, right = text_extent(value, font_size(root))
        assert right <= end or left >= end, (value.text, left, right, end)


@pytest.mark.parametrize(("value", "after_track"), [
    (0, False), (62.5, False), (75, False),
    (80, True), (85, True), (90, True), (99.5, True), (100, True),
])
def test_target_percentage_never_crosses_the_end_of_its_track(value, after_track):
    chart = target_chart("某镇", [Target(group="residents", target=100, measured=value),
                                  Target(group="farmers", target=value)])
    root = parse(chart)
    assert_percentages_clear_of_track_ends(root)
    shown = [(text, end) for text, end in bar_values(root) if text.text == format_percent(value)]
    assert len(shown) == (3 if value == 100 else 2)
    for text, end in shown:
        assert (float(text.get("x")) == pytest.approx(end + 6)) == after_track, (value, text.get("x"), end)
    # The large drawing's box may scroll (`charts._LARGE_TEXT_END`): a percentage after the track at its right
    # end showed as "10" of 100%. Each is written with its word at the left, before the track.
    large = parse(chart, "svg_large")
    assert_percentages_clear_of_track_ends(large)
    for bar in (g for g in large.iter(f"{SVG}g") if "bar" in classes(g)):
        [track] = tracks(bar)
        written = next(t for t in bar.iter(f"{SVG}text") if t.text.endswith("%"))
        assert float(written.get("x")) == 4 and written.text[:2] in {"目标", "实测"}, written.text
        assert text_extent(written, font_size(large))[1] < float(track.get("x")), written.text
    assert sorted(t for t in texts(large) if t.endswith("%")) == sorted(
        ["目标100%", "目标" + format_percent(value), "实测" + format_percent(value)])


def test_zero_target_is_an_empty_track_with_its_number():
    chart = target_chart("某镇", [Target(group="villages", target=0)])
    assert chart.summary.endswith("0%。暂无实测数据。")      # one target: no 均 ("all")
    root = parse(chart)
    assert not [r for r in root.iter(f"{SVG}rect") if "bar-target" in classes(r)]
    assert len(tracks(root)) == 2 and "0%" in texts(root)   # the target's track, and the empty 实测 one


# --- formatting ---------------------------------------------------------------------


@pytest.mark.parametrize(("part", "whole", "text"), [
    (103, 296, "34.8%"), (143, 296, "48.3%"), (0, 0, "—"), (5, 0, "—"), (5, 5, "100.0%"),
    (0, 7, "0.0%"), (1, 8, "12.5%"), (1, 16, "6.3%"),  # 6.25 rounds half up (四舍五入)
    # Short of whole, or above nothing, a share never reads 100.0% or 0.0%.
    (2959, 2960, "99.97%"), (1, 3000, "0.03%"), (29999, 30000, "99.997%"), (1, 2000, "0.1%"),
])
def test_format_share(part, whole, text):
    assert format_share(part, whole) == text


# A percentage shows its figure as typed: rounded to one decimal, 79.96 read "80%" beside a target of 80, and
# 66.66 read 66.7% beside 66.67, as if the target were reached.
@pytest.mark.parametrize(("value", "text"), [(100, "100%"), (80.0, "80%"), (62.5, "62.5%"),
                                             (80.45, "80.45%"), (0, "0%"), (33.333, "33.333%"),
                                             (33.333333, "33.333333%"), (79.96, "79.96%"), (66.66, "66.66%"),
                                             (80.49, "80.49%"), (0.625, "0.625%"), (99.999, "99.999%"),
                                             (99.96, "99.96%"), (99.94, "99.94%"), (0.04, "0.04%"),
                                             (0.05, "0.05%"), (99.999999, "99.999999%"),
                                             (0.000001, "0.000001%")])
def test_format_percent(value, text):
    assert format_percent(value) == text


def test_format_date():
    assert format_date(date(2018, 4, 26)) == "2018年4月26日"
    assert format_date(date(2018, 12, 1)) == "2018年12月1日"


# --- colour ---------------------------------------------------------------------------


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#fff") == pytest.approx(4.54, abs=0.01)  # the known 4.5:1 grey
    assert contrast_ratio("#949494", "#ffffff") == pytest.approx(3.03, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    with pytest.raises(ValueError):
        relative_luminance("white")


BAR_COLOURS = [c for s in (*SEGMENT_STYLES, TARGET_STYLE, MEASURED_STYLE) for c in (s.base, s.accent) if c]


@pytest.mark.parametrize("colour", BAR_COLOURS)
def test_bar_colours_contrast_with_background_and_carry_white_text(colour):
    assert contrast_ratio(colour, BACKGROUND) >= 3.0        # WCAG 1.4.11 non-text contrast
    assert contrast_ratio(colour, TEXT_ON_BAR) >= 4.5       # WCAG 1.4.3: numbers written inside bars


def test_text_and_track_colours():
    assert BACKGROUND.lower() == "#ffffff"
    for ground in (BACKGROUND, TRACK_FILL):
        assert contrast_ratio(TEXT_COLOUR, ground) >= 4.5   # WCAG 1.4.3
    assert contrast_ratio(TRACK_STROKE, BACKGROUND) >= 3.0  # the outline of an empty bar (1.4.11)


def test_every_colour_in_the_svgs_passes():
    """Read the colours back out of real charts, so a colour added later cannot skip the check."""
    samples = (tally_chart("白鹤镇", [BAIHE]), target_chart("白鹤镇", [Target(group="residents", target=80, measured=60)]))
    svgs = [getattr(chart, variant) for chart in samples for variant, _ in VARIANTS]
    for svg in svgs:
        root = ET.fromstring(svg)
        for element in root.iter():
            fill = element.get("fill", "")
            if not fill.startswith("#"):
                continue
            tag = element.tag.removeprefix(SVG)
            if tag == "text":                               # white text sits on bars only
                assert all(contrast_ratio(fill, bar) >= 4.5 for bar in BAR_COLOURS), fill
            elif "chart-bg" not in classes(element) and "track" not in classes(element):
                assert contrast_ratio(fill, BACKGROUND) >= 3.0, (tag, fill)
        assert contrast_ratio(root.get("color"), BACKGROUND) >= 4.5


def test_patterns_are_distinct():
    assert len({s.pattern for s in SEGMENT_STYLES}) == 3
    assert TARGET_STYLE.pattern != MEASURED_STYLE.pattern


# --- SVG hygiene ---------------------------------------------------------------------------


#: One chart of each kind, the example's figures.
SAMPLES = (tally_chart("白鹤镇", [BAIHE]), target_chart("白鹤镇", BAIHE_TARGETS),
           units_chart([("白鹤镇", BAIHE)]))


@pytest.mark.parametrize("variant", [v for v, _ in VARIANTS])
@pytest.mark.parametrize("chart", SAMPLES, ids=("tally", "target", "units"))
def test_all_that_is_drawn_is_hidden_from_screen_readers(chart, variant):
    # A screen reader read every label and number of the bars after the image; the table has them.
    root = parse(chart, variant)
    *named, drawn = list(root)
    assert [e.tag for e in named] == [f"{SVG}title", f"{SVG}desc"] + [f"{SVG}defs"] * (len(named) - 2)
    assert drawn.tag == f"{SVG}g" and drawn.attrib == {"aria-hidden": "true"}
    assert list(drawn.iter(f"{SVG}text")) == list(root.iter(f"{SVG}text")) != []
    assert chart.summary not in root.find(f"{SVG}desc").text


def test_svg_is_responsive_and_text_is_large_enough_at_320px():
    for root in (root for chart in SAMPLES for root in drawings(chart)):
        _, _, width, height = view_box(root)
        assert width == VIEW_WIDTH and height > 0
        assert root.get("width") == "100%" and root.get("height") is None
        assert root.get("preserveAspectRatio") == "xMinYMin meet"
        sizes = [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
        assert sizes and min(sizes) * 320 / width >= 14       # ≥ 14 px when the chart is 320 px wide
        assert min(sizes) * 280 / width >= 14                  # ... and still at 280 px (page margins)


def test_svg_has_no_script_style_or_external_references():
    for svg in (getattr(chart, variant) for chart in SAMPLES for variant, _ in VARIANTS):
        lowered = svg.lower()
        for banned in ("<script", "<style", "@import", "<foreignobject", "href", "javascript:", "<image"):
            assert banned not in lowered
        assert not re.search(r"\son[a-z]+=", lowered)      # no event handlers


@pytest.mark.parametrize(("variant", "scale"), VARIANTS)
def test_coordinates_are_rounded_to_one_decimal(variant, scale):
    chart = tally_chart("某镇", [tally("2018-01-01", 1, 1, 1), tally("2018-02-01", 7, 11, 13)])
    numbers = re.findall(r'(?:x|y|width|height|font-size)="(-?[\d.]+)"', getattr(chart, variant))
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d)?", n) for n in numbers)


def test_ids_are_unique_stable_and_references_resolve():
    first = tally_chart("白鹤镇", [BAIHE])
    again = tally_chart("白鹤镇", [BAIHE])
    other = tally_chart("白鹤镇", [tally("2018-04-26", 143, 104, 49)])
    assert first.svg == again.svg                      # deterministic, byte for byte
    ids = [re.findall(r'\bid="([^"]+)"', c.svg) for c in (first, other,
                                                         target_chart("白鹤镇", BAIHE_TARGETS))]
    for chart_ids in ids:
        assert len(chart_ids) == len(set(chart_ids))
    assert not set(ids[0]) & set(ids[1]) and not set(ids[0]) & set(ids[2])
    for chart in (first, other):
        defined = set(re.findall(r'\bid="([^"]+)"', chart.svg))
        assert set(re.findall(r"url\(#([^)]+)\)", chart.svg)) <= defined
        assert {parse(chart).get("aria-labelledby"), parse(chart).get("aria-describedby")} <= defined


@pytest.mark.parametrize("chart", SAMPLES, ids=("tally", "target", "units"))
def test_the_large_drawing_has_ids_of_its_own_and_its_references_resolve(chart):
    # A page holds both drawings (one hidden): an id of the large one equal to one of the normal one
    # would make the visible chart's aria-labelledby or pattern fill point into the hidden one.
    normal, large = (re.findall(r'\bid="([^"]+)"', svg) for svg in (chart.svg, chart.svg_large))
    assert len(large) == len(set(large)) == len(normal) and not set(normal) & set(large)
    assert all(i.startswith("chart-large-") for i in large)
    assert not any(i.startswith("chart-large-") for i in normal)
    root = parse(chart, "svg_large")
    assert set(re.findall(r"url\(#([^)]+)\)", chart.svg_large)) <= set(large)
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert (root.get("aria-labelledby"), root.get("aria-describedby")) == (title.get("id"), desc.get("id"))
    assert classes(root) == classes(parse(chart)) | {"chart-large"}


# --- escaping --------------------------------------------------------------------------------


def test_unit_names_are_escaped():
    name = "A&B<script>"
    chart = tally_chart(name, [BAIHE])
    assert "<script" not in chart.svg
    assert "A&amp;B&lt;script&gt;" in chart.svg
    root = parse(chart)
    assert root.find(f"{SVG}title").text == "A&B<script>问题清单办理情况"
    assert chart.summary.startswith("截至2018年4月26日，A&B<script>共收集")   # plain text: the template escapes it
    assert chart.table.caption == "A&B<script>问题清单办理情况（按统计日期）"
    units = units_chart([(name, BAIHE), ('"引号" \'单引号\'', BAIHE)])
    assert "<script" not in units.svg
    assert {"A&B<script>", '"引号" \'单引号\''} <= set(texts(parse(units)))
    targets = target_chart(name, BAIHE_TARGETS)
    assert "<script" not in targets.svg and parse(targets).find(f"{SVG}title").text.startswith(name)


def test_characters_xml_forbids_are_dropped():
    chart = tally_chart("白鹤\x00镇\x1b\ufffe", [BAIHE])
    assert parse(chart).find(f"{SVG}title").text == "白鹤镇问题清单办理情况"


# --- edge cases -------------------------------------------------------------------------------


def test_empty_input_gives_no_chart():
    assert tally_chart("白鹤镇", []) is None
    assert target_chart("白鹤镇", []) is None
    assert units_chart([]) is None


def test_nothing_collected_is_an_empty_track_with_the_text_0():
    chart = tally_chart("某镇", [tally("2018-04-26", 0, 0, 0)])
    root = parse(chart)
    assert segments(root) == [] and len(tracks(root)) == 1
    assert "0" in texts(root) and "收集0份" in texts(root)
    assert chart.summary == "截至2018年4月26日，某镇共收集问题清单0份。"


def test_zero_segments_are_not_drawn_and_their_number_is_written():
    root = parse(tally_chart("某镇", [tally("2018-04-26", 0, 280, 16)]))
    assert [classes(s) - {"seg"} for s in segments(root)] == [{"seg-resolved"}, {"seg-in-progress"}]
    assert "提交区级0份" in texts(root)


def test_numbers_that_do_not_fit_inside_are_written_below():
    root = parse(tally_chart("某镇", [tally("2018-04-26", 500, 495, 5)]))
    segs = segments(root)
    assert len(segs) == 3 and float(segs[2].get("width")) < 5
    assert "办理中5份" in texts(root)


def test_inconsistent_tally_is_refused():
    bad = Tally(as_of="2018-04-26", collected=296, escalated=143, resolved=103, in_progress=51)
    with pytest.raises(ValueError, match="297, but collected = 296"):
        tally_chart("白鹤镇", [bad])


def test_tallies_are_shown_oldest_first_and_scaled_to_the_largest():
    earlier = tally("2018-03-01", 60, 57, 3)
    chart = tally_chart("白鹤镇", [BAIHE, earlier])
    assert [row[0] for row in chart.table.rows] == ["2018-03-01", "2018-04-26"]
    assert chart.summary == ("截至2018年4月26日，白鹤镇共收集问题清单296份：提交区级143份，已解决103份，办理中50份。"
                             "与2018年3月1日（120份）相比，增加176份。")
    root = parse(chart)
    track_width = float(tracks(root)[0].get("width"))
    segs = segments(root)
    first_bar = sum(float(s.get("width")) for s in segs[:3])
    assert first_bar == pytest.approx(track_width * 120 / 296, abs=0.1)
    assert sum(float(s.get("width")) for s in segs[3:]) == pytest.approx(track_width, abs=0.01)
    words = texts(root)
    assert words.index("2018年3月1日") < words.index("2018年4月26日")


def test_three_tallies_give_the_change_since_the_last_one_and_since_the_first():
    # With 152, 248 then 240 lists, the summary said only "增加88份" since the first tally: the fall of 8
    # since the tally before was not told. Both are now, the latest change first.
    chart = tally_chart("华新镇", [tally("2018-03-31", 100, 50, 2), tally("2018-05-10", 150, 90, 8),
                                   tally("2018-06-30", 120, 110, 10)])
    assert chart.summary.endswith("与上次统计2018年5月10日（248份）相比，减少8份；"
                                  "与2018年3月31日（152份）相比，增加88份。")
    same = tally_chart("华新镇", [tally("2018-03-31", 100, 50, 2), tally("2018-05-10", 150, 90, 8),
                                  tally("2018-06-30", 120, 118, 10)])
    # Resolved rose by 28 and in progress fell: "没有变化" (nothing changed) read as nothing done.
    assert same.summary.endswith("与上次统计2018年5月10日（248份）相比，收集数量不变；与2018年3月31日（152份）相比，增加96份。")


def test_units_chart_with_several_units():
    rows = [
        ("白鹤镇", BAIHE),
        ("华新镇", tally("2018-04-26", 200, 180, 20)),
        ("练塘镇", tally("2018-04-26", 0, 28, 2)),
    ]
    chart = units_chart(rows)
    assert chart.summary == ("截至2018年4月26日，3个单位共收集问题清单726份：提交区级343份，已解决311份，办理中72份。"
                             "收集最多的是华新镇（400份）。")
    assert chart.table == DataTable(
        caption="各单位问题清单办理情况（按最近一次统计）",
        column_headers=("单位", "统计日期", "收集", "提交区级", "已解决", "办理中"),
        rows=(("白鹤镇", ("2018-04-26", "296", "143", "103", "50")),
              ("华新镇", ("2018-04-26", "400", "200", "180", "20")),
              ("练塘镇", ("2018-04-26", "30", "0", "28", "2"))),
        numeric=(False, True, True, True, True),
    )
    root = parse(chart)
    words = texts(root)
    assert [w for w in words if w in {"白鹤镇", "华新镇", "练塘镇"}] == ["白鹤镇", "华新镇", "练塘镇"]  # as given
    assert len(tracks(root)) == 3
    track_width = float(tracks(root)[0].get("width"))
    lengths = [sum(float(s.get("width")) for s in bar.iter(f"{SVG}rect") if "seg" in classes(s))
               for bar in root.iter(f"{SVG}g") if "bar" in classes(bar)]
    assert lengths == pytest.approx([track_width * 296 / 400, track_width, track_width * 30 / 400], abs=0.1)
    assert "条形长度按图中最大的收集数等比例绘制" in root.find(f"{SVG}desc").text


def test_units_chart_with_different_dates_and_a_tie():
    chart = units_chart([("甲镇", tally("2018-04-20", 1, 1, 1)), ("乙镇", tally("2018-04-26", 0, 3, 0))])
    assert chart.summary == ("按各单位最近一次统计，2个单位共收集问题清单6份：提交区级1份，已解决4份，办理中1份。"
                             "收集最多的是甲镇、乙镇（各3份）。")
    assert {"截至2018年4月20日", "截至2018年4月26日"} <= set(texts(parse(chart)))


def test_units_chart_of_one_unit_reads_like_its_tally_chart():
    assert units_chart([("白鹤镇", BAIHE)]).summary == tally_chart("白鹤镇", [BAIHE]).summary


def test_long_names_wrap_within_the_chart_and_keep_brackets_on_their_line():
    name = "华新镇人民政府社区事务受理服务中心（含徐泾、赵巷工作站）"
    for root in drawings(units_chart([(name, BAIHE)])):
        label_lines = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
        assert len(label_lines) > 1 and "".join(label_lines) == name
        assert not any(line[0] in "）、，" for line in label_lines)
        assert_text_inside(root)
        assert_nothing_overlaps(root)


# --- properties over many inputs ---------------------------------------------------------------


def text_extent(element: ET.Element, font: float = FONT_SIZE) -> tuple[float, float]:
    """Left and right of a text at text size ``font``, by the estimate the layout uses."""
    x = float(element.get("x"))
    width = charts._text_width(element.text or "", font)
    anchor = element.get("text-anchor", "start")
    start = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return start, start + width


Box = tuple[float, float, float, float]


def text_box(element: ET.Element, font: float) -> Box:
    """Left, top, right, bottom of a text: its estimated width, and the em box of a CJK font around the
    baseline (0.88 em above it, 0.12 em below)."""
    left, right = text_extent(element, font)
    y = float(element.get("y"))
    return left, y - 0.88 * font, right, y + 0.12 * font


def rect_box(element: ET.Element) -> Box:
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    return x, y, x + float(element.get("width")), y + float(element.get("height"))


def overlap(a: Box, b: Box) -> bool:
    """True when two boxes share more than a hundredth of a unit each way (touching is not overlapping)."""
    return a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01


def contains(outer: Box, inner: Box) -> bool:
    """True when ``inner`` lies wholly inside ``outer`` (give or take a hundredth of a unit)."""
    return (outer[0] <= inner[0] + 0.01 and outer[1] <= inner[1] + 0.01
            and inner[2] <= outer[2] + 0.01 and inner[3] <= outer[3] + 0.01)


def assert_text_inside(root: ET.Element) -> None:
    """Every text lies wholly inside the viewBox, across and down."""
    _, _, width, height = view_box(root)
    for element in root.iter(f"{SVG}text"):
        left, top, right, bottom = text_box(element, font_size(root))
        assert -0.01 <= left and right <= width + 0.01, element.text
        assert -0.01 <= top and bottom <= height + 0.01, (element.text, top, bottom, height)


def assert_nothing_overlaps(root: ET.Element) -> None:
    """No two texts overlap, and no text but a number written inside a bar lies over a bar or a legend marker."""
    font = font_size(root)
    words = [(t.text, text_box(t, font), "seg-value" in classes(t)) for t in root.iter(f"{SVG}text")]
    for (first, box, _), (second, other, _) in itertools.combinations(words, 2):
        assert not overlap(box, other), (first, second)
    shapes = [rect_box(r) for r in root.iter(f"{SVG}rect")
              if classes(r) & {"seg", "bar-target", "bar-measured", "swatch"}]
    for text, box, inside_a_bar in words:
        assert inside_a_bar or not any(overlap(box, shape) for shape in shapes), text


def shown_numbers(root: ET.Element) -> list[str]:
    """Every number written in a chart (counts, percentages, dates' digits) outside its bold headings,
    sorted: the headings (names) may wrap elsewhere in the other drawing."""
    return sorted(n for t in root.iter(f"{SVG}text") if t.get("font-weight") != "bold"
                  for n in re.findall(r"\d+(?:\.\d+)?%?", t.text or ""))


def segment_tooltips(root: ET.Element) -> list[str]:
    return [s.find(f"{SVG}title").text for s in segments(root)]


def assert_same_figures(chart: Chart) -> None:
    """Both drawings carry the same title, desc, numbers, tracks and segments (by their tooltips).

    (A target bar of 0.03 % may be drawn 0.1 unit long on one track and not at all on the shorter
    track of the large drawing; its percentage is written in both.)
    """
    normal, large = drawings(chart)
    for element in ("title", "desc"):
        assert normal.find(f"{SVG}{element}").text == large.find(f"{SVG}{element}").text
    assert shown_numbers(normal) == shown_numbers(large)
    assert segment_tooltips(normal) == segment_tooltips(large)
    assert len(tracks(normal)) == len(tracks(large))


@pytest.mark.parametrize("chart", SAMPLES, ids=("tally", "target", "units"))
def test_the_large_drawing_has_larger_text_and_the_same_figures(chart):
    normal, large = drawings(chart)
    assert font_size(normal) == FONT_SIZE
    assert font_size(large) == pytest.approx(FONT_SIZE * LARGE_TEXT_SCALE)
    assert 23 <= font_size(large) <= 24.5            # the reading mode's "about 30 % larger" text
    for root in (normal, large):                     # one text size, set once on the root
        assert [e for e in root.iter() if e.get("font-size")] == [root]
        assert view_box(root)[2] == VIEW_WIDTH       # the same width: the text is larger relative to it
        assert_text_inside(root)
        assert_nothing_overlaps(root)
    assert view_box(large)[3] > view_box(normal)[3]  # larger text and bars: a taller chart
    assert_same_figures(chart)


def test_the_large_baihe_drawing_writes_every_figure_where_a_scrolled_box_cannot_cut_it():
    # The large drawing's box scrolls sideways when the drawing is wider (the reading mode on a phone): the
    # total written at the right end of its line showed as "收集1023" of 收集10234份, a number that looks whole.
    large = parse(tally_chart("白鹤镇", [BAIHE]), "svg_large")
    words = texts(large)
    assert words[3:8] == ["2018年4月26日", "收集296份", "提交区级143", "已解决103份", "办理中50份"]
    lines = {t.text: (float(t.get("x")), t.get("text-anchor")) for t in large.iter(f"{SVG}text")}
    assert lines["收集296份"] == (4.0, None)                              # at the left, on its own line
    assert [w for w in words if w in {"提交区级", "已解决", "办理中"}] == ["提交区级", "已解决", "办理中"]  # legend
    end = 4 + round((VIEW_WIDTH - 8) * 2 / 3)
    for text in large.iter(f"{SVG}text"):  # every text ends within the first two thirds of the track
        assert text_extent(text, font_size(large))[1] <= end + 0.1, text.text
    normal = texts(parse(tally_chart("白鹤镇", [BAIHE])))  # the normal drawing: as before, each inside its bar
    assert {"143", "103", "50"} <= {w.lstrip("提交区级已解决办理中") for w in normal}


names = st.text(alphabet=st.sampled_from("白鹤镇华新（）、<&>\"' abcXYZ0123"), min_size=1, max_size=40)
counts = st.integers(min_value=0, max_value=20000)


@settings(max_examples=150, deadline=None)
@example(rows=[("甲", 0, 0, 0), ("乙", 5, 0, 1), ("丙", 0, 1, 20000)])
@example(rows=[("甲", 0, 0, 0)])
@given(rows=st.lists(st.tuples(names, counts, counts, counts), min_size=1, max_size=6))
def test_any_units_chart_is_well_formed(rows):
    data = [(name, tally("2018-04-26", e, r, p)) for name, e, r, p in rows]
    chart = units_chart(data)
    for root in drawings(chart):
        assert_units_drawing_is_well_formed(root, data)
    assert_same_figures(chart)


def assert_units_drawing_is_well_formed(root: ET.Element, data: list[tuple[str, Tally]]) -> None:
    assert_text_inside(root)
    assert_nothing_overlaps(root)
    scale = max(t.collected for _, t in data)
    bars = [bar for bar in root.iter(f"{SVG}g") if "bar" in classes(bar)]
    assert len(bars) == len(data)
    for bar, (_, t) in zip(bars, data):
        [track] = tracks(bar)
        segs = segments(bar)
        drawn = {next(iter(classes(s) - {"seg"})) for s in segs}
        for style in SEGMENT_STYLES:          # every count is drawn, or written under the bar
            count = getattr(t, style.key)
            assert style.css_class in drawn or f"{style.label}{count}份" in texts(bar) or not t.collected
            assert style.css_class not in drawn or count
        length = sum(float(s.get("width")) for s in segs)
        expected = float(track.get("width")) * t.collected / scale if scale else 0
        assert length == pytest.approx(expected, abs=0.06)
        for seg in segs:
            assert float(seg.get("width")) > 0
        for value in bar.iter(f"{SVG}text"):       # numbers written inside stay inside their segment
            if "seg-value" in classes(value):
                box = text_box(value, font_size(root))
                inside = [s for s in segs if contains(rect_box(s), box)]
                assert inside, value.text


_PERCENTS = st.integers(0, 100 * 10 ** PERCENT_DECIMALS).map(lambda n: n / 10 ** PERCENT_DECIMALS)
"""Any percentage an editor may type: 0 to 100 with up to `PERCENT_DECIMALS` decimals, all shown."""


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.tuples(_PERCENTS, st.none() | _PERCENTS), min_size=1, max_size=7),
       deadline=st.none() | st.dates(date(2018, 1, 1), date(2030, 12, 31)))
def test_any_target_chart_is_well_formed(values, deadline):
    groups = ["institutions", "residents", "registered_enterprises", "enterprises", "farmers",
              "social_organizations", "villages"]
    targets = [Target(group=g, target=t, measured=m, deadline=deadline) for g, (t, m) in zip(groups, values)]
    chart = target_chart("某镇", targets)
    for root in drawings(chart):
        assert_text_inside(root)
        assert_nothing_overlaps(root)
        assert_percentages_clear_of_track_ends(root)
        words = texts(root)
        for target in targets:  # the large drawing writes "目标80%"
            assert format_percent(target.target) in words or f"目标{format_percent(target.target)}" in words
    assert_same_figures(chart)


# --- the module itself ----------------------------------------------------------------------------


def test_charts_imports_only_models_lazyre_and_the_standard_library():
    tree = ast.parse(Path(charts.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    for module in imported:
        # sitegen.lazyre is itself the standard library only (its patterns compiled on first use).
        assert module in ("sitegen.models", "sitegen.lazyre") or module.split(".")[0] in sys.stdlib_module_names | {"__future__"}, module


def test_public_names_have_docstrings():
    public = [getattr(charts, n) for n in dir(charts) if not n.startswith("_")
              and getattr(getattr(charts, n), "__module__", None) == "sitegen.charts"]
    assert len(public) >= 10
    for item in public:
        if inspect.isfunction(item) or inspect.isclass(item):
            assert inspect.getdoc(item), item


def test_a_unit_counted_many_times_charts_its_latest_tallies_and_tables_them_all():
    # Counted every month for four years, a unit's chart drew 48 bars: 5,000 px of a phone's height before
    # the next section. The chart draws the latest 8; the table keeps every tally.
    monthly = [tally(f"{2015 + month // 12}-{month % 12 + 1:02d}-28", 2 * month, month, month + 1)
               for month in range(48)]
    chart = tally_chart("白鹤镇", list(reversed(monthly)))
    assert CHARTED_TALLIES == 8
    for variant, _ in VARIANTS:
        drawn = [w for w in texts(parse(chart, variant)) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", w)]
        assert drawn == [f"2018年{month}月28日" for month in range(5, 13)]
    assert [row[0] for row in chart.table.rows] == [t.as_of.isoformat() for t in monthly]
    assert chart.summary.endswith("图中是最近8次统计；全部48次统计见下表。")
    assert parse(chart).find(f"{SVG}desc").text.startswith("图中是最近8次统计，每个统计日期一条横条，")
    eight = tally_chart("白鹤镇", monthly[-8:])  # 8 or fewer: all drawn, nothing said of it
    assert "图中是最近" not in eight.summary and len(eight.table.rows) == 8
