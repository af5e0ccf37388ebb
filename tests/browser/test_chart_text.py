"""Chart text follows the reader's text size: the reading mode and the browser's own font size, in Chromium.

Each chart is on the page twice (sitegen.charts: ``Chart.svg``, and
``Chart.svg_large`` whose text is 4/3 larger for the same width); the
stylesheet shows exactly one. At 375 px, headless Chromium checks that:

- at default settings each chart shows the normal drawing, and only one
  drawing per chart is rendered or in the accessibility tree;
- in the reading mode (大字号) the large drawing is shown, and its text is at
  least 1.25 times the normal mode's chart text (the accessibility page
  promises text about 30 % larger);
- with the browser's default font size at 200 % (32 px, set in the profile's
  preferences, as a reader sets it in chrome://settings/fonts) the large
  drawing is shown, and on a wide screen the chart's width cap grows with it;
- printed, each chart is printed once; in Windows' forced colours the large
  drawing takes the system colours too; drawn with real fonts, no text of
  either drawing leaves its chart or overlaps another.

Imports: the fixtures of tests/browser/conftest.py, sitegen's build and tests.sitekit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import interview, write_site
from .conftest import CHROMIUM_ARGS, ServedSite, chromium_path, serving

CHART_PAGES = ("/units/baihe/", "/dashboard/")

# Per chart (figure.chart): its drawings that are rendered (display: none has no client rects), each
# with its class, width and text size in CSS px (the text's font size in viewBox units times the scale
# from the viewBox to the screen).
_SHOWN = """() => [...document.querySelectorAll('figure.chart')].map(figure =>
  [...figure.querySelectorAll('svg.chart')].filter(svg => svg.getClientRects().length > 0).map(svg => {
    const text = svg.querySelector('text');
    return {large: svg.classList.contains('chart-large'), width: svg.getBoundingClientRect().width,
            px: text.getScreenCTM().a * parseFloat(getComputedStyle(text).fontSize)};
  }))"""


def shown_charts(page: Any) -> list[dict[str, Any]]:
    """The one drawing shown of each chart on the page; fails if a chart shows none or both."""
    figures = page.evaluate(_SHOWN)
    assert figures, page.url
    assert all(len(drawings) == 1 for drawings in figures), (page.url, figures)
    return [drawings[0] for drawings in figures]


def images_in_accessibility_tree(page: Any) -> list[int]:
    """How many images (role img) each chart's figure has in Chromium's accessibility tree."""
    figures = page.locator("figure.chart")
    return [figures.nth(i).aria_snapshot().count("- img") for i in range(figures.count())]


def test_reading_mode_shows_the_large_chart_with_text_at_least_a_quarter_larger(served_example: ServedSite,
                                                                                 page_at: Any) -> None:
    page = page_at(375)
    measured = {}
    for path in CHART_PAGES:
        page.goto(served_example.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
        normal = shown_charts(page)
        assert not any(chart["large"] for chart in normal), (path, normal)
        assert images_in_accessibility_tree(page) == [1] * len(normal)
        page.set_checked("label[for=reading-mode]", True)
        large = shown_charts(page)
        assert all(chart["large"] for chart in large), (path, large)
        assert images_in_accessibility_tree(page) == [1] * len(large)
        for before, after in zip(normal, large):
            assert after["px"] >= 1.25 * before["px"], (path, before, after)
        measured[path] = (normal[0]["px"], large[0]["px"])
    print(f"\nchart text at 375 px, normal / reading mode: {measured}")


def test_a_200_percent_default_font_shows_the_large_chart(browser: Any, served_example: ServedSite,
                                                          tmp_path: Path) -> None:
    # The reader's own setting, as chrome://settings/fonts writes it in the profile (webkit.webprefs):
    # 32 px, 200 % of the usual 16 px. Em in a media query is that size, so (max-width: 21em) holds at
    # 375 px (11.7em).
    preferences = tmp_path / "profile" / "Default" / "Preferences"
    preferences.parent.mkdir(parents=True)
    preferences.write_text(json.dumps({"webkit": {"webprefs": {"default_font_size": 32}}}), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS,
        viewport={"width": 375, "height": 800}, device_scale_factor=1, locale="zh-CN")
    try:
        page = context.new_page()
        measured = {}
        for path in CHART_PAGES:
            page.goto(served_example.address(path), wait_until="load")
            page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "36px"  # 32 px × 112.5 %
            charts = shown_charts(page)
            assert all(chart["large"] for chart in charts), (path, charts)
            assert images_in_accessibility_tree(page) == [1] * len(charts)
            # 24 of the 360 units: 4/3 of what the normal drawing's text would be at this width
            assert all(chart["px"] == pytest.approx(chart["width"] * 24 / 360, abs=0.05) for chart in charts)
            assert all(chart["px"] >= 20 for chart in charts), charts  # the normal drawing's was 16 px here
            measured[path] = charts[0]["px"]
        print(f"\nchart text at 375 px with a 200 % default font: {measured}")
        # On a wide screen the normal drawing is shown, and its width cap (28rem) grows with the reader's
        # font: its text is 28 × 36 px × 18/360 = 50.4 px, twice the 25.2 px of a 16 px default font.
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(served_example.address("/units/baihe/"), wait_until="load")
        page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
        charts = shown_charts(page)
        assert all(not chart["large"] and chart["px"] == pytest.approx(50.4, abs=0.1) for chart in charts), charts
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375, 414, 1280])
def test_at_default_settings_a_phone_shows_one_chart_the_normal_one_from_360_px(served_example: ServedSite,
                                                                              page_at: Any, width: int) -> None:
    # 21em at 16 px is 336 px: 360 to 414 px phones keep the normal chart (17 to 19 px text beside 18 px
    # page text); a 320 px phone gets the large one (19.5 px, not 14.6).
    page = page_at(width)
    for path in CHART_PAGES:
        page.goto(served_example.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
        charts = shown_charts(page)
        assert all(chart["large"] == (width < 336) for chart in charts), (path, width, charts)
        assert all(chart["px"] >= 17 for chart in charts), (path, width, charts)


_ZOOMED = """() => [...document.querySelectorAll('figure.chart svg.chart')].filter(s => s.getClientRects().length).map(svg => {
  const text = svg.querySelector('text'), box = svg.parentElement;
  return {px: text.getScreenCTM().a * parseFloat(getComputedStyle(text).fontSize), large: box.matches('.chart-large-box'),
          scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0, name: box.getAttribute('aria-label'),
          role: box.getAttribute('role')};
})"""


@pytest.mark.parametrize("width", [320, 375, 414])
def test_a_phone_zoomed_to_200_percent_doubles_the_chart_text_and_scrolls_the_chart_not_the_page(
        served_example: ServedSite, browser: Any, width: int) -> None:
    # Zoom halves the width in CSS px and doubles the device pixels per CSS px. The chart's text used to
    # follow the narrower chart: at 375 px it went from 17.4 to 21.5 device px (1.2 times), at 320 px from
    # 19.5 to 17.7, while the page's text doubled. Zoomed, it is now at least the page's text (18 CSS px)
    # and at least twice its size at 100 %, and the chart's own box scrolls sideways, keyboard included.
    sizes = {}
    for zoom in (1, 2):
        context = browser.new_context(viewport={"width": width // zoom, "height": 800}, locale="zh-CN",
                                      device_scale_factor=zoom)
        try:
            page = context.new_page()
            page.goto(served_example.address("/units/baihe/"), wait_until="load")
            charts = page.evaluate(_ZOOMED)
            assert len(charts) == 2, charts
            assert page.evaluate("document.documentElement.scrollWidth") <= width // zoom  # the page: never sideways
            if zoom == 2:
                page_text = float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))
                assert page_text == 18 and all(chart["px"] >= page_text for chart in charts), (width, charts)
                assert all(c["large"] and c["scrolls"] and c["focusable"] and c["role"] == "region"
                           and c["name"].startswith("图表：白鹤镇") for c in charts), charts
                assert page.evaluate(_SCROLL_LINES) == [[True, True]] * len(charts), width  # and says so
            sizes[zoom] = [chart["px"] * zoom for chart in charts]  # in device pixels
        finally:
            context.close()
    assert all(zoomed >= 1.95 * before for before, zoomed in zip(sizes[1], sizes[2])), (width, sizes)
    print(f"\nchart text at {width} px, device px at 100 % / 200 %: {sizes}")


def test_a_printed_page_prints_each_chart_once(served_example: ServedSite, page_at: Any) -> None:
    # On paper too each chart is there once: the normal drawing, or the large one when the reader
    # printed in the reading mode (whose text the printout keeps).
    page = page_at(718)
    for path in CHART_PAGES:
        for mode in ("normal", "reading mode"):
            page.emulate_media(media="screen")
            page.goto(served_example.address(path), wait_until="load")
            page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
            if mode != "normal":
                page.set_checked("label[for=reading-mode]", True)
            page.emulate_media(media="print")
            assert all(chart["large"] == (mode != "normal") for chart in shown_charts(page)), (path, mode)


_FORCED = """() => [...document.querySelectorAll('figure.chart svg.chart')].filter(s => s.getClientRects().length)
  .map(svg => [svg.getAttribute('class'), getComputedStyle(svg.querySelector('.seg, .track')).stroke,
               getComputedStyle(svg.querySelector('.chart-bg')).fill, getComputedStyle(svg).color])"""


@pytest.mark.parametrize("width", [320, 375, 414])
def test_in_the_reading_mode_a_phone_s_chart_text_is_as_large_as_the_page_s(served_example: ServedSite,
                                                                           page_at: Any, width: int) -> None:
    # The large drawing's least width was 16rem whatever the mode: at 320 px its text stayed 19.2 px while
    # the reading mode's text was 25 px. It follows the mode's text now; the chart's box scrolls, the page not.
    page = page_at(width)
    for path in CHART_PAGES:
        page.goto(served_example.address(path), wait_until="load")
        page.set_checked("label[for=reading-mode]", True)
        text = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
        for chart in shown_charts(page):
            assert chart["large"] and chart["px"] >= text, (path, width, chart, text)
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), (path, width)
        # Cut off at the right, each chart says that it scrolls; at 100 % without the mode none is cut, nor says so.
        assert page.evaluate(_SCROLL_LINES) == [[True, True]] * len(shown_charts(page)), (path, width)
        page.set_checked("label[for=reading-mode]", False)  # remembered from page to page
        assert not any(cut or said for cut, said in page.evaluate(_SCROLL_LINES)), (path, width)


# Per large drawing shown: whether its box cuts it off, and whether the line saying it scrolls is shown, above
# the drawing and no wider than the box shows (at 200 % text it was cut off itself: "图表较宽，可左右").
_SCROLL_LINES = """() => [...document.querySelectorAll('.chart-large-box')].filter(box => box.getClientRects().length)
  .map(box => { const line = getComputedStyle(box, '::before');
                const said = line.content !== 'none' && line.display !== 'none';
                if (said && parseFloat(line.width) > box.clientWidth + 0.5) return ['line cut off', line.width];
                return [box.scrollWidth > box.clientWidth, said]; })"""


@pytest.mark.parametrize("width", [320, 375])
def test_at_twice_the_browsers_text_size_the_line_saying_a_chart_scrolls_wraps(served_example: ServedSite,
                                                                             page_at: Any, width: int) -> None:
    # The browser's own text size set to 32 px (200 %), as older readers do: the chart scrolls in its box, and
    # the line saying so, once as wide as its text and cut off by the box, wraps inside it.
    page = page_at(width)
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})
    page.goto(served_example.address("/units/baihe/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
    assert page.evaluate(_SCROLL_LINES) == [[True, True]] * len(shown_charts(page)), width
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), width


@pytest.mark.parametrize("width", [320, 375])
def test_at_twice_the_page_s_own_text_size_a_chart_that_scrolls_says_so(served_example: ServedSite, page_at: Any,
                                                                        width: int) -> None:
    # html { font-size: 200% } (a reader's style sheet, an app's text scaling) made the drawing 512 px wide in a
    # box 272 px wide at 320 px, cut off at 办理中 with no line saying it scrolls: the media queries that show the
    # line see the browser's text size only.
    page = page_at(width)
    page.goto(served_example.address("/units/baihe/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
    page.add_style_tag(content="html { font-size: 200% !important; }")
    lines = page.evaluate(_SCROLL_LINES)
    assert all(cut == said for cut, said in lines), (width, lines)  # the line shows exactly when the chart is cut
    # At 320 px the large drawings are shown and cut; at 375 px the normal ones, which fit their box.
    assert lines == ([[True, True]] * len(shown_charts(page)) if width == 320 else []), width
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), width


def test_forced_colours_outline_the_target_bars(served_example: ServedSite, page_at: Any) -> None:
    # The striped target bars (#3d4f63 and #5d6e82) on a black canvas were 2.5:1 and 4:1 without an outline.
    page = page_at(375)
    page.emulate_media(forced_colors="active")
    page.goto(served_example.address("/units/baihe/"), wait_until="load")
    strokes = page.evaluate("""() => [...document.querySelectorAll('svg.chart .bar-target, svg.chart .bar-measured')]
      .filter(bar => bar.getClientRects().length).map(bar => getComputedStyle(bar).stroke)""")
    text = page.evaluate("() => getComputedStyle(document.body).color")
    assert strokes and set(strokes) == {text}, (strokes, text)


def test_forced_colours_restyle_the_large_chart_too(served_example: ServedSite, page_at: Any) -> None:
    # Windows high contrast: site.css paints the chart in system colours (svg.chart ...); the large
    # drawing carries the class chart too, so the same rules reach it.
    page = page_at(375)
    page.emulate_media(forced_colors="active")
    page.goto(served_example.address("/units/baihe/"), wait_until="load")
    page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
    normal = page.evaluate(_FORCED)
    page.set_checked("label[for=reading-mode]", True)
    large = page.evaluate(_FORCED)
    assert [c for c, *_ in large] == ["chart chart-tally chart-large", "chart chart-target chart-large"]
    page.emulate_media(forced_colors="none")
    plain = page.evaluate(_FORCED)
    for (_, *forced), (_, *other), (_, *unforced) in zip(normal, large, plain):
        assert forced == other and forced != unforced, (forced, other, unforced)


_CLASHES = """() => [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length).flatMap(svg => {
  const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number), found = [];
  const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox()]);
  for (const [text, b] of boxes)
    if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5) found.push(`${text} leaves the chart`);
  boxes.forEach(([first, a], i) => boxes.slice(i + 1).forEach(([second, b]) => {
    if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5)
      found.push(`${first} overlaps ${second}`);
  }));
  return found.map(f => `${svg.getAttribute('class')}: ${f}`);
})"""


def test_with_real_fonts_no_chart_text_overlaps_or_leaves_its_chart(served_example: ServedSite, tmp_path: Path,
                                                                   page_at: Any) -> None:
    # sitegen.charts lays text out by an estimate of its width; here Chromium measures the glyphs it drew
    # (bold headings, digits, CJK), in both drawings, for the example and for long names and small counts.
    units = {"content/units/ban-gong-shi.yaml": (
        "name: 华新镇人民政府社区事务受理服务中心（含徐泾、赵巷工作站）\nlevel: town\ntallies:\n"
        "  - as_of: 2018-05-10\n    collected: 1000\n    escalated: 500\n    resolved: 495\n    in_progress: 5\n"),
        "content/units/yuan-qu.yaml": (
        "name: 青浦工业园区\nlevel: park\ntallies:\n  - as_of: 2018-04-26\n    collected: 12345\n"
        "    escalated: 10000\n    resolved: 2345\n    in_progress: 0\n"
        "targets:\n  - group: residents\n    target: 99.96\n    measured: 62.5\n    measured_as_of: 2018-04-26\n"
        "    deadline: 2018-06-30\n  - group: institutions\n    target: 100\n")}
    root = write_site(tmp_path / "site", {**units, "content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    failures = []
    page = page_at(375)
    with serving(root) as served:
        for site, paths in ((served_example, CHART_PAGES), (served, ("/dashboard/", "/units/yuan-qu/"))):
            for path in paths:
                page.goto(site.address(path), wait_until="load")
                page.set_checked("label[for=reading-mode]", False)  # remembered from the last page
                page.evaluate("document.fonts.ready")
                for mode in ("normal", "reading mode"):
                    if mode != "normal":
                        page.set_checked("label[for=reading-mode]", True)
                    failures += [f"{path}, {mode}: {found}" for found in page.evaluate(_CLASHES)]
    assert not failures, "\n".join(failures)
