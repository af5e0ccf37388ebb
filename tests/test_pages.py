"""Every page type is built with the right content, and its markup keeps the accessibility rules.

Figures from the bundled Baihe example (as of 2018-04-26: 318 batches, 296
collected, 143 escalated, 103 resolved, 50 in progress; targets 100/80/80;
milestones 2018-01-12 and 2018-01-15), plus small sites written per test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen.models import Target
from sitegen.site import pager_window
from sitegen.slugs import id_syllables

from .sitekit import (MINIMAL_CONFIG, SERIES, build_at, file_for, fingerprinted, interview, json_ld_of,
                      parse_html, shown_text, spoken_text, text_of, write_site)

INTERVIEW = "interviews/baihe-dadiaoyan-weifangtan/index.html"
PAGE_TYPES = {
    "home": "index.html", "interview list": "interviews/index.html", "interview": INTERVIEW,
    "series": "series/dadiaoyan-weifangtan/index.html", "units": "units/index.html",
    "unit": "units/baihe/index.html", "case list": "cases/index.html",
    "case": "cases/baihe-caomei/index.html", "tags": "tags/index.html",
    "tag": "tags/cao-mei-chan-ye/index.html", "archive": "archive/index.html",
    "dashboard": "dashboard/index.html", "about the data": "about-data/index.html",
    "accessibility": "accessibility/index.html", "404": "404.html",
}
CONFIG_2_PER_PAGE = MINIMAL_CONFIG + "per_page: 2\n"
UNIT_B = """name: 金泽镇
level: town
tallies:
  - as_of: 2018-03-01
    collected: 10
    escalated: 4
    resolved: 3
    in_progress: 3
  - as_of: 2018-05-10
    batches: 40
    collected: 20
    escalated: 5
    resolved: 10
    in_progress: 5
targets:
  - group: residents
    target: 90
    measured: 62.5
    measured_as_of: 2018-05-10
"""


def rows_of(table) -> list[list[str]]:
    """Text of every cell of every body row of a table."""
    return [[shown_text(c) for c in row.cssselect("th, td")] for row in table.cssselect("tbody tr")]


@pytest.fixture(scope="module")
def output(example_site: Path) -> Path:
    return example_site / "output"


def test_every_page_type_is_built_with_one_h1_and_the_site_language(output: Path) -> None:
    for kind, rel in PAGE_TYPES.items():
        page = parse_html(output / rel)
        assert page.get("lang") == "zh-CN", kind
        assert len(page.cssselect("h1")) == 1, kind
        assert page.cssselect("header.site-header") and page.cssselect("main#main"), kind
        assert page.cssselect("footer.site-footer") and page.cssselect('nav[aria-label="主导航"]'), kind


def test_headings_never_skip_a_level(output: Path) -> None:
    for html in output.rglob("*.html"):
        levels = [int(h.tag[1]) for h in parse_html(html).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1, html
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{html.relative_to(output)}: h{before} then h{after}"


def test_skip_link_reading_mode_and_footer_links(output: Path) -> None:
    page = parse_html(output / INTERVIEW)
    body = page.find("body")
    first, form = [child for child in body if isinstance(child.tag, str)]
    assert first.get("class") == "skip-link" and first.get("href") == "#main"
    # The checkbox comes right before the page wrapper, so ".reading-mode:checked ~ .page" reaches everything.
    # Both are in a form named by the switch's label: a landmark, so the checkbox is in one (axe's "region"),
    # which leaves the header and footer the banner and contentinfo landmarks, as a section would not.
    assert (form.tag, form.get("aria-labelledby"), form.get("action"), form.get("method")) == (
        "form", "reading-mode-label", None, None)
    switch, remembered, wrapper = [child for child in form if isinstance(child.tag, str)]
    assert (switch.tag, switch.get("type"), switch.get("id"), switch.get("name")) == (
        "input", "checkbox", "reading-mode", None)
    # The remembered mode is ticked by one inline line right after the box, before the page is parsed.
    assert (remembered.tag, remembered.get("src")) == ("script", None) and "reading-mode-script" in remembered.text
    assert wrapper.get("class") == "page"
    assert not form.cssselect("button, input:not(#reading-mode), select, textarea")
    for html in output.rglob("*.html"):  # a form written inside it would lose its tag to the parser
        assert html.read_text(encoding="utf-8").count("<form") == 1, html.relative_to(output)
    label = page.cssselect("header label.mode-toggle")[0]
    assert label.get("for") == "reading-mode" and text_of(label) == "大字号 · 高对比度"
    assert label.get("id") == "reading-mode-label"
    footer = {text_of(a): a.get("href") for a in page.cssselect("footer a")}
    assert footer["关于数据"] == "/about-data/" and footer["无障碍说明"] == "/accessibility/"
    assert footer["开放数据下载"] == "/about-data/#downloads" and footer["订阅更新"] == "/about-data/#feeds"


def test_stylesheet_has_the_reading_mode_and_respects_system_settings(output: Path) -> None:
    css = (output / "assets/site.css").read_text(encoding="utf-8")
    mode = re.search(r"\.reading-mode:checked ~ \.page \{([^}]*)\}", css)
    assert mode, "the reading mode rule"
    assert re.search(r"font-size:\s*1\.3rem", mode.group(1)) and "--text: #000000" in mode.group(1)
    assert ".reading-mode:focus-visible ~ .page .mode-toggle" in css  # the hidden checkbox's focus shows on its label
    for media in ("@media (prefers-contrast: more)", "@media (forced-colors: active)", "@media print"):
        assert media in css
    body = re.search(r"\nbody \{([^}]*)\}", css).group(1)
    assert float(re.search(r"line-height:\s*([\d.]+)", body).group(1)) >= 1.6
    assert "Noto Sans CJK SC" in body and "PingFang SC" in body
    assert not re.search(r"text-align:\s*justify", css)
    assert re.search(r"\.mode-toggle \{[^}]*min-height: 44px", css)
    assert re.search(r":focus-visible \{ outline: 3px solid", css)



def _css_blocks(css: str) -> list[tuple[tuple[str, ...], str, list[tuple[str, str]]]]:
    """Each style rule of a stylesheet: the at-rules around it, its selector and its declarations in order."""
    blocks, stack, start = [], [], 0
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for match in re.finditer(r"[{}]", css):
        head = css[start:match.start()].strip()
        if match.group() == "{":
            stack.append(head)
        else:
            selector = stack.pop()
            if head and not selector.startswith("@"):
                declarations = [tuple(part.strip() for part in item.split(":", 1))
                                for item in head.split(";") if ":" in item]
                blocks.append((tuple(stack), selector, declarations))
        start = match.end()
    return blocks


def test_every_value_with_min_or_max_has_a_plain_one_before_it(output: Path) -> None:
    # Browsers before Chrome 79 (older WeChat, QQ and UC browsers) drop a declaration with min() or max(): the
    # tallies' boxes and figures lost their side padding, the text touching the edge. A plain value of the same
    # property comes first, in the rule or in an earlier rule of the same selector. Rules those browsers drop
    # whole (in @container, or with :has()) need none.
    seen: dict[str, set[str]] = {}
    bare = []
    for at_rules, selector, declarations in _css_blocks((output / "assets/site.css").read_text(encoding="utf-8")):
        plain = seen.setdefault(selector, set())
        for name, value in declarations:
            if not re.search(r"\b(min|max|clamp)\(", value):
                plain.add(name)
            elif name not in plain and ":has(" not in selector and not any(a.startswith("@container") for a in at_rules):
                bare.append(f"{selector} {{ {name}: {value} }}")
    assert bare == []

def test_interview_page_weighs_under_60_kb_with_its_stylesheet(output: Path) -> None:
    weight = (output / INTERVIEW).stat().st_size + (output / "assets/site.css").stat().st_size
    print(f"interview page weight (HTML + CSS, no images): {weight} bytes")
    assert weight < 60 * 1024, weight


def test_home_keeps_totals_latest_interviews_and_units(output: Path) -> None:
    page = parse_html(output / "index.html")
    assert text_of(page.cssselect(".totals .share")[0]) == "已解决占34.8%"
    titles = [text_of(a) for a in page.cssselect(".entries .entry-title a")]
    assert titles == ["白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤"]
    assert rows_of(page.cssselect("table.data")[0]) == [
        ["白鹤镇", "2018年4月26日", "296", "143", "103", "50", "34.8%"]]
    assert "/dashboard/" in [a.get("href") for a in page.cssselect(".totals a")]


def test_dashboard_compares_units_with_targets_and_chart(output: Path) -> None:
    page = parse_html(output / "dashboard/index.html")
    table = page.cssselect("table.dashboard")[0]
    assert [text_of(th) for th in table.cssselect("thead th")] == [
        "单位", "统计日期", "调研批次", "收集", "提交区级", "已解决", "办理中", "已解决占比"]
    # A figure's heading stands over it, at the right of its column, as the figures do: in every table of figures.
    assert [th.get("class") for th in table.cssselect("thead th")] == [None, None] + ["num"] * 6
    for path in ("index.html", "units/baihe/index.html"):
        for figures in parse_html(output / path).cssselect("table.data"):
            numeric = [any(td.get("class") == "num" for td in row.cssselect("td")[i - 1:i])
                       for row in figures.cssselect("tbody tr")[:1] for i in range(len(row.cssselect("th, td")))]
            assert [th.get("class") == "num" for th in figures.cssselect("thead th")] == numeric, path
    assert rows_of(table) == [["白鹤镇", "2018年4月26日", "318", "296", "143", "103", "50", "34.8%"]]
    total = table.cssselect("tfoot tr")[0].cssselect("th, td")
    assert [shown_text(c) for c in total] == [
        "合计1个单位", "截至2018年4月26日", "318", "296", "143", "103", "50", "34.8%"]
    # Targets have a table of their own, one to a row, the unit heading its rows.
    targets = page.cssselect("table.targets")[0]
    assert text_of(targets.cssselect("caption")[0]) == "各单位覆盖目标与实测"
    assert [text_of(th) for th in targets.cssselect("thead th")] == ["单位", "调研对象", "目标", "已达", "实测日期"]
    assert [[shown_text(c) for c in tr.cssselect("th, td")] for tr in targets.cssselect("tbody tr")] == [
        ["白鹤镇", "机构", "100%", "—", "—"], ["居民", "80%", "—", "—"], ["注册企业", "80%", "—", "—"]]
    heading = targets.cssselect("tbody th")[0]
    assert (heading.get("scope"), heading.get("rowspan")) == ("rowgroup", "3")
    # A screen reader said "dash" (破折号) for the empty cell: it says 无 ("none"), as the page's "—" means.
    assert spoken_text(targets.cssselect("tbody td")[2]) == "无"
    chart = page.cssselect("figure.chart")[0]
    assert chart.cssselect("svg") and "296" in text_of(chart.cssselect("figcaption")[0])
    links = {a.get("href") for a in page.cssselect(".downloads a")}
    assert {"/data/tallies.csv", "/data/tallies.json", "/data/targets.csv", "/data/milestones.csv",
            "/data/units.json", "/datapackage.json"} <= links


def test_dashboard_sums_each_units_latest_tally_only(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B,
                                 "content/interviews/a.md": interview()})
    page = parse_html(build_at(root) / "dashboard/index.html")
    table = page.cssselect("table.dashboard")[0]
    assert rows_of(table) == [
        ["白鹤镇", "2018年4月26日", "318", "296", "143", "103", "50", "34.8%"],
        ["金泽镇", "2018年5月10日", "40", "20", "5", "10", "5", "50.0%"]]
    total = [shown_text(c) for c in table.cssselect("tfoot td")]
    # It read "截至 2018-05-10", as if 白鹤镇's 296 were counted on that day too (it is of 2018-04-26).
    assert total == ["各单位不同：2018年4月26日至2018年5月10日", "358", "316", "148", "113", "55", "35.8%"]
    targets = page.cssselect("table.targets")[0]
    assert [[shown_text(c) for c in tr.cssselect("th, td")] for tr in targets.cssselect("tbody tr")] == [
        ["金泽镇", "居民", "90%", "62.5%", "2018年5月10日", "实测时尚未达到"]]
    assert "白鹤镇未填写覆盖目标。" in [shown_text(p) for p in page.cssselect("main p")]
    assert len(page.cssselect("figure.chart")) == 1


def test_every_empty_cell_shows_a_dash_and_is_read_as_none(tmp_path: Path) -> None:
    # Screen readers read a bare "—" as "dash" (破折号): an older reader heard punctuation where the page
    # meant "no figure". Each kind of empty cell: batches not given, a share of nothing collected, a target
    # not measured, a unit with no targets.
    empty = ("name: 徐泾镇\nlevel: town\ntallies:\n  - as_of: 2018-05-01\n    collected: 0\n    escalated: 0\n"
             "    resolved: 0\n    in_progress: 0\n")
    unmeasured = UNIT_B + "  - group: enterprises\n    target: 80\n"
    root = write_site(tmp_path, {"content/units/jinze.yaml": unmeasured, "content/units/xujing.yaml": empty,
                                 "content/interviews/a.md": interview()})
    output = build_at(root)
    dashboard = parse_html(output / "dashboard/index.html").cssselect("main")[0]
    assert rows_of(dashboard.cssselect("table.dashboard")[0])[2] == ["徐泾镇", "2018年5月1日", "—", "0", "0", "0", "0",
                                                                     "—"]
    unit = parse_html(output / "units/jinze/index.html")
    targets = [t for t in unit.cssselect("table.data") if "覆盖目标" in text_of(t.cssselect("caption")[0])][0]
    assert rows_of(targets)[-1] == ["企业", "80%", "—", "—"]
    xujing = parse_html(output / "units/xujing/index.html")
    assert shown_text(xujing.cssselect("section.tally .share")[0]) == "已解决占—"
    cells = [c for page in (dashboard, unit, xujing) for c in page.iter("td", "p") if shown_text(c).endswith("—")]
    # The dashboard: 白鹤镇's batches, 徐泾镇's batches and share, the totals' batches, 金泽镇's unmeasured target's
    # 已达, 实测日期 and 状态; 金泽镇's page: 实测, 实测日期; 徐泾镇's page: the share in its tally table and under
    # its figures.
    assert len(cells) == 10
    assert [spoken_text(c)[-1] for c in cells] == ["无"] * 10
    assert all(c.cssselect('[aria-hidden="true"]')[0].text == "—" for c in cells)


def test_a_dashboard_target_says_the_day_its_share_was_measured(tmp_path: Path) -> None:
    # A share measured earlier than the unit's tally read as if measured on the tally's day.
    unit = UNIT_B.replace("    measured_as_of: 2018-05-10\n", "    measured_as_of: 2018-03-01\n") + (
        "  - group: enterprises\n    target: 80\n    measured: 72\n    measured_as_of: 2018-05-10\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": unit, "content/interviews/a.md": interview()})
    dashboard = parse_html(build_at(root) / "dashboard/index.html")
    assert [[shown_text(c) for c in tr.cssselect("th, td")] for tr in dashboard.cssselect("table.targets tbody tr")] \
        == [["金泽镇", "居民", "90%", "62.5%", "2018年3月1日", "实测时尚未达到"], ["企业", "80%", "72%", "2018年5月10日", "实测时尚未达到"]]


@pytest.mark.parametrize(("figures", "status"), [
    ({"measured": 80}, "reached"),
    ({"measured": 95.5, "deadline": "2018-06-30", "measured_as_of": "2018-07-31"}, "reached"),
    ({"measured": 79.9}, "short"),
    ({"measured": 40.9, "deadline": "2018-12-03", "measured_as_of": "2018-12-03"}, "short"),  # measured on the day
    ({"measured": 40.9, "deadline": "2018-12-03", "measured_as_of": "2018-12-28"}, "missed"),
    ({"measured": 40.9, "deadline": "2018-12-03"}, "short"),  # no day measured: not told missed
    ({"deadline": "2018-12-03"}, None),
])
def test_a_target_says_whether_it_was_reached_from_its_own_figures(figures: dict[str, object],
                                                                  status: str | None) -> None:
    assert Target.model_validate({"group": "residents", "target": 80, **figures}).status == status


def test_the_dashboard_and_the_unit_page_say_whether_each_target_was_reached(tmp_path: Path) -> None:
    # A target of 60% by 2018-12-03, measured at 40.9% on 2018-12-28, was shown as figures only: a reader had to
    # compare four cells to learn it was missed.
    unit = UNIT_B.replace("    measured: 62.5\n    measured_as_of: 2018-05-10\n",
                          "    measured: 92\n    measured_as_of: 2018-05-10\n"
                          "  - group: enterprises\n    target: 60\n    deadline: 2018-12-03\n    measured: 40.9\n"
                          "    measured_as_of: 2018-12-28\n  - group: villages\n    target: 100\n"
                          # Measured before its deadline, years ago: "尚未达到" read in 2026 as work still going on.
                          "  - group: farmers\n    target: 80\n    deadline: 2018-12-31\n    measured: 45.5\n"
                          "    measured_as_of: 2018-06-30\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": unit, "content/interviews/a.md": interview()})
    output = build_at(root)
    dashboard = parse_html(output / "dashboard/index.html")
    table = dashboard.cssselect("table.targets")[0]
    assert [shown_text(th) for th in table.cssselect("thead th")][-1] == "状态"
    assert [[shown_text(c) for c in tr.cssselect("td")][::len(tr.cssselect("td")) - 1]
            for tr in table.cssselect("tbody tr")] == [["居民", "已达到"], ["企业", "逾期未达到"], ["村居", "—"],
                                                       ["农户", "实测时尚未达到"]]
    lines = [text_of(p) for p in parse_html(output / "units/jinze/index.html").cssselect(".target-label")]
    assert lines == ["居民：目标调研率90%，截至2018年5月10日已达92%。已达到目标",
                     "企业：目标调研率60%，截至2018年12月28日已达40.9%，期限2018年12月3日。逾期未达到目标",
                     "村居：目标调研率100%，暂无实测数据",
                     "农户：目标调研率80%，截至2018年6月30日已达45.5%，期限2018年12月31日。实测时尚未达到目标"]


def test_a_tally_without_batches_names_the_batches_of_the_latest_earlier_tally_that_gave_them(tmp_path: Path) -> None:
    # The 调研批次 box vanished from the unit page when the newest tally left batches out, as if the surveys stopped.
    later = UNIT_B.replace("targets:", "  - as_of: 2018-06-30\n    collected: 30\n    escalated: 6\n    resolved: 20\n"
                                       "    in_progress: 4\ntargets:")
    root = write_site(tmp_path, {"content/units/jinze.yaml": later,
                                 "content/interviews/a.md": interview().replace("unit: baihe", "unit: jinze")})
    output = build_at(root)
    panel = parse_html(output / "units/jinze/index.html").cssselect("section.tally")[0]
    assert [text_of(n) for n in panel.cssselect("dt")] == ["收集问题清单", "提交区级", "已解决", "办理中"]
    assert text_of(panel.cssselect(".batches-earlier")[0]) == "这次统计没有公布调研批次；截至2018年5月10日，调研40批。"
    # The first tally gave no batches, and none before it did: nothing to name.
    first = parse_html(output / "interviews/a/index.html").cssselect("section.tally")[0]
    assert text_of(first.cssselect(".as-of")[0]) == "截至2018年3月1日" and not first.cssselect(".batches-earlier")


def test_an_interview_shows_the_figures_of_its_day_and_names_a_newer_tally(tmp_path: Path) -> None:
    # An interview of 2018-04 showed the unit's newest tally under its text, though its text spoke of
    # the figures of its own day: a reader saw two different counts one above the other.
    def of_jinze(date: str) -> str:
        return interview(date=date).replace("unit: baihe", "unit: jinze")
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B,
                                 "content/interviews/april.md": of_jinze("2018-04-01 10:00"),
                                 "content/interviews/may.md": of_jinze("2018-05-10 09:00"),
                                 "content/interviews/february.md": of_jinze("2018-02-01 10:00")})
    output = build_at(root)
    april = parse_html(output / "interviews/april/index.html")
    panel = april.cssselect("section.tally")[0]
    assert text_of(panel.cssselect(".as-of")[0]) == "截至2018年3月1日"
    assert [text_of(n) for n in panel.cssselect(".num")] == ["10", "4", "3", "3"]
    assert text_of(panel.cssselect(".newer")[0]) == (
        "以上是本文发布时的数据。最新数据截至2018年5月10日：收集问题清单20份，已解决10份。")
    assert panel.cssselect(".newer time")[0].get("datetime") == "2018-05-10"
    may = parse_html(output / "interviews/may/index.html").cssselect("section.tally")[0]
    assert text_of(may.cssselect(".as-of")[0]) == "截至2018年5月10日", "a tally of the interview's day is its own"
    assert not may.cssselect(".newer")
    february = parse_html(output / "interviews/february/index.html")
    assert not february.cssselect("section.tally"), "no figures of a later day stand under an earlier text"
    assert [(text_of(a), a.get("href")) for a in february.cssselect("main .more-links a")] == [
        ("查看金泽镇调研数据和全部进展", "/units/jinze/")]


@pytest.mark.parametrize(("typed", "shown", "feed_time", "machine", "machine_seconds"), [
    # "date: 2018/5/3" showed 发布时间：2018-05-03 00:00, a time nobody typed.
    ("2018/5/3", "2018年5月3日", "2018-05-03T00:00:00+08:00", "2018-05-03", "2018-05-03"),
    ("２０１８－０５－０３", "2018年5月3日", "2018-05-03T00:00:00+08:00", "2018-05-03", "2018-05-03"),
    ("2018-05-03", "2018年5月3日", "2018-05-03T00:00:00+08:00", "2018-05-03", "2018-05-03"),
    ("2018-05-03 00:00", "2018年5月3日 00:00", "2018-05-03T00:00:00+08:00", "2018-05-03T00:00+08:00",
     "2018-05-03T00:00:00+08:00"),
    ("2018-05-03 10:00", "2018年5月3日 10:00", "2018-05-03T10:00:00+08:00", "2018-05-03T10:00+08:00",
     "2018-05-03T10:00:00+08:00"),
])
def test_a_publish_time_typed_as_a_date_alone_is_shown_as_typed(tmp_path: Path, typed: str, shown: str,
                                                                  feed_time: str, machine: str,
                                                                  machine_seconds: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(date=typed)},
                      config=MINIMAL_CONFIG + "time_zone: Asia/Shanghai\n")
    output = build_at(root)
    page = parse_html(output / "interviews/a/index.html")
    assert text_of(page.cssselect(".dateline time")[0]) == shown
    listed = parse_html(output / "interviews/index.html").cssselect("main li time")
    assert [text_of(t) for t in listed] == [shown]
    # Atom needs a moment: 00:00 of that day in the site's time zone.
    assert f"<updated>{feed_time}</updated>" in (output / "feed.xml").read_text(encoding="utf-8")
    # <time datetime>, JSON-LD and Open Graph said T00:00 for a date typed alone: now the date, as typed.
    assert [t.get("datetime") for t in listed] == [machine]
    assert page.cssselect(".dateline time")[0].get("datetime") == machine
    article = next(data for data in (json.loads(s.text) for s in page.cssselect('script[type="application/ld+json"]'))
                   if data.get("@type") == "NewsArticle")
    assert (article["datePublished"], article["dateModified"]) == (machine_seconds, machine_seconds)
    assert page.cssselect('meta[property="article:published_time"]')[0].get("content") == machine_seconds


def test_a_case_study_citing_older_figures_names_the_newer_tally(tmp_path: Path) -> None:
    # A case study showed the figures it cites and never said that newer ones exist; an interview did.
    case = ("---\ntitle: 金泽镇案例\nunit: jinze\nstatus: resolved\nproblem: 路灯不亮。\nactions: [修复路灯]\n"
            "related_tally: {day}\ndate: 2018-05-20 10:00\n---\n正文。\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B,
                                 "content/cases/old.md": case.format(day="2018-03-01"),
                                 "content/cases/new.md": case.format(day="2018-05-10").replace("金泽镇案例", "新案例")})
    output = build_at(root)
    panel = parse_html(output / "cases/old/index.html").cssselect("section.tally")[0]
    assert text_of(panel.cssselect(".as-of")[0]) == "截至2018年3月1日"
    assert text_of(panel.cssselect(".newer")[0]) == (
        "以上是本文所引的数据。最新数据截至2018年5月10日：收集问题清单20份，已解决10份。")
    newest = parse_html(output / "cases/new/index.html").cssselect("section.tally")[0]
    assert text_of(newest.cssselect(".as-of")[0]) == "截至2018年5月10日" and not newest.cssselect(".newer")


def test_totals_of_units_counted_on_different_days_give_both_dates(tmp_path: Path) -> None:
    # The home page said "2 个单位最新数据之和，最近统计日期 2018年5月10日": a reader took the
    # 316 lists as counted by 2018-05-10, though 296 of them are 白鹤镇's of 2018-04-26.
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B,
                                 "content/interviews/a.md": interview()})
    home = parse_html(build_at(root) / "index.html")
    assert text_of(home.cssselect(".totals .as-of")[0]) == (
        "2个单位最新数据之和；各单位统计日期不同，从2018年4月26日到2018年5月10日")
    assert [t.get("datetime") for t in home.cssselect(".totals .as-of time")] == ["2018-04-26", "2018-05-10"]
    # The about-data page still said the totals give "the latest of the dates" (其中最近的日期).
    rules = text_of(parse_html(root / "output/about-data/index.html").cssselect("#rules-heading + ul")[0])
    assert "各单位的统计日期不同时，合计旁注明其中最早和最近的日期。" in rules and "其中最近的日期" not in rules


def test_a_district_units_figures_are_not_added_to_its_towns_in_the_totals_and_the_chart(tmp_path: Path) -> None:
    # 青浦区 (level: district, 5000 lists: the whole district's) beside 白鹤镇 (296) made the home page's total
    # 5296: the town's lists counted twice.
    district = ("name: 青浦区\nlevel: district\ntallies:\n  - as_of: 2018-04-26\n    collected: 5000\n"
                "    escalated: 2000\n    resolved: 2000\n    in_progress: 1000\n")
    root = write_site(tmp_path, {"content/units/qingpu.yaml": district, "content/interviews/a.md": interview()})
    output = build_at(root)
    home = parse_html(output / "index.html")
    assert [text_of(dd) for dd in home.cssselect(".totals .figures dd")][:1] == ["296份"]
    assert [text_of(p) for p in home.cssselect(".totals .as-of")] == [
        "1个单位最新数据之和，截至2018年4月26日",
        "青浦区是区级单位，其数字是全区的，已含各单位的问题清单，所以不计入合计，以免重复。"]
    dashboard = parse_html(output / "dashboard/index.html")
    assert [text_of(row.cssselect("th")[0]) for row in dashboard.cssselect("table.dashboard tbody tr")] == [
        "白鹤镇", "青浦区"], "the table still shows the district's own row"
    assert text_of(dashboard.cssselect("table.dashboard tfoot th")[0]) == "合计1个单位（不含青浦区）"
    assert text_of(dashboard.cssselect("table.dashboard tfoot td.num")[1]) == "296"
    chart = text_of(dashboard.cssselect("#chart-heading")[0].getparent())
    assert "5000" not in chart and "296" in chart
    # A site of district-level units only sums them: there is nothing else to add them to.
    only = write_site(tmp_path / "only", {"content/units/baihe.yaml": district})
    assert [text_of(dd) for dd in parse_html(build_at(only) / "index.html").cssselect(".totals .figures dd")][:1] == [
        "5000份"]


def test_totals_of_units_counted_on_one_day_say_as_of_that_day(output: Path) -> None:
    home = parse_html(output / "index.html")
    assert text_of(home.cssselect(".totals .as-of")[0]) == "1个单位最新数据之和，截至2018年4月26日"


def test_a_page_of_pictures_only_has_no_reading_line(tmp_path: Path) -> None:
    # It said 本篇文章0字，读完约0分钟.
    picture = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>'
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body="![草莓田](images/a.svg)\n"),
                                 "content/interviews/b.md": interview(body="## 问题\n\n回答五个字。\n"),
                                 "content/images/a.svg": picture})
    output = build_at(root)
    assert not parse_html(output / "interviews/a/index.html").cssselect(".reading")
    assert [text_of(p) for p in parse_html(output / "interviews/b/index.html").cssselect(".reading")] == [
        "本篇文章7字，读完约1分钟"]


def test_a_target_short_of_100_never_reads_as_reached(tmp_path: Path) -> None:
    # 99.96 was "已达 100.0%" in the unit page's text and on the dashboard, "100%" in its table, while
    # targets.csv said 99.96: the pages claimed a target reached that was not. 0.04 read 0% and 0.0%.
    unit = UNIT_B.replace("  - group: residents\n    target: 90\n    measured: 62.5\n",
                          "  - group: institutions\n    target: 33.333\n    measured: 0.04\n"
                          "    measured_as_of: 2018-05-10\n"
                          "  - group: residents\n    target: 100\n    measured: 99.96\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": unit, "content/interviews/a.md": interview()})
    output = build_at(root)
    dashboard = parse_html(output / "dashboard/index.html")
    assert [[shown_text(c) for c in tr.cssselect("th, td")][-5:] for tr in dashboard.cssselect("table.targets tr")
            ][1:] == [["机构", "33.333%", "0.04%", "2018年5月10日", "实测时尚未达到"], ["居民", "100%", "99.96%", "2018年5月10日", "实测时尚未达到"]]
    unit_page = text_of(parse_html(output / "units/jinze/index.html").cssselect("main")[0])
    assert "已达99.96%" in unit_page and "已达0.04%" in unit_page
    assert not re.findall(r"已达 (?:100(?:\.0)?|0(?:\.0)?)%", unit_page)
    table = [row for table in parse_html(output / "units/jinze/index.html").cssselect("table")
             for row in rows_of(table) if row and row[0] in ("居民", "机构")]
    assert [row[:3] for row in table] == [["机构", "33.333%", "0.04%"], ["居民", "100%", "99.96%"]]
    assert "99.96" in (output / "data/targets.csv").read_text(encoding="utf-8-sig")


def test_a_share_is_shown_as_typed_never_rounded_to_its_target(tmp_path: Path) -> None:
    # Rounded to one decimal, 79.96 read "已达 80%" beside a target of 80 and 66.66 read 66.7% beside 66.67, each
    # in the line that said the target was not reached; 0.625 (the figure a warning's hint offers) read 0.6%.
    figures = [("residents", "80", "79.96"), ("registered_enterprises", "66.67", "66.66"),
               ("institutions", "80.5", "80.49"), ("villages", "33.333333", "0.625%"), ("farmers", "100", "99.999")]
    unit = UNIT_B.split("targets:")[0] + "targets:\n" + "".join(
        f"  - group: {group}\n    target: {target}\n    measured: {measured}\n    measured_as_of: 2018-06-30\n"
        for group, target, measured in figures)
    root = write_site(tmp_path, {"content/units/jinze.yaml": unit, "content/interviews/a.md": interview()})
    output = build_at(root)
    unit_page = parse_html(output / "units/jinze/index.html")
    assert [text_of(p) for p in unit_page.cssselect(".target-label")] == [
        "居民：目标调研率80%，截至2018年6月30日已达79.96%。实测时尚未达到目标",
        "注册企业：目标调研率66.67%，截至2018年6月30日已达66.66%。实测时尚未达到目标",
        "机构：目标调研率80.5%，截至2018年6月30日已达80.49%。实测时尚未达到目标",
        "村居：目标调研率33.333333%，截至2018年6月30日已达0.625%。实测时尚未达到目标",
        "农户：目标调研率100%，截至2018年6月30日已达99.999%。实测时尚未达到目标"]
    shown = [["居民", "80%", "79.96%"], ["注册企业", "66.67%", "66.66%"], ["机构", "80.5%", "80.49%"],
             ["村居", "33.333333%", "0.625%"], ["农户", "100%", "99.999%"]]
    table = [row[:3] for table in unit_page.cssselect("table.data") for row in rows_of(table)
             if row and row[0] in ("居民", "注册企业", "机构", "村居", "农户")]
    assert table == shown
    chart = unit_page.cssselect("figure.chart svg")[-1]
    assert [t.text for t in chart.iter("{*}text", "text") if t.text and "%" in t.text][-10:] == [
        "目标80%", "实测79.96%", "目标66.67%", "实测66.66%", "目标80.5%", "实测80.49%",
        "目标33.333333%", "实测0.625%", "目标100%", "实测99.999%"]
    dashboard = parse_html(output / "dashboard/index.html")
    assert [[shown_text(c) for c in tr.cssselect("td")][:3] for tr in dashboard.cssselect("table.targets tbody tr")
            ] == shown
    assert (output / "data/targets.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        f"jinze,金泽镇,{group},{name},{target},,{measured.rstrip('%')},2018-06-30,"
        for (group, target, measured), name in zip(figures, ["居民", "注册企业", "机构", "村居", "农户"])]


def test_units_are_listed_in_pinyin_order(tmp_path: Path) -> None:
    # 徐泾镇 came before 白鹤镇 everywhere (home, units, dashboard, data files): 徐 is U+5F90, 白 U+767D.
    root = write_site(tmp_path, {"content/units/xujing.yaml": UNIT_B.replace("金泽镇", "徐泾镇"),
                                 "content/units/bai-yun.yaml": UNIT_B.replace("金泽镇", "白云镇"),
                                 "content/interviews/a.md": interview()})
    output = build_at(root)
    dashboard = parse_html(output / "dashboard/index.html")
    # 白鹤镇, 白云镇: bai he before bai yun, however the ids are written (baihe, bai-yun).
    assert [row[0] for row in rows_of(dashboard.cssselect("table.dashboard")[0])] == ["白鹤镇", "白云镇", "徐泾镇"]
    units_page = text_of(parse_html(output / "units/index.html").cssselect("main")[0])
    assert units_page.index("白鹤镇") < units_page.index("徐泾镇")
    assert [line.split(",")[0] for line in (output / "data/units.csv").read_text(encoding="utf-8-sig").split()[1:]] \
        == ["baihe", "bai-yun", "xujing"]


@pytest.mark.parametrize(("unit_id", "reading", "syllables"), [
    ("changlin", ("zhang", "lin", "jie", "dao"), ("chang", "lin", "jie", "dao")),  # the ending left out
    ("chang-an", ("zhang", "an"), ("chang", "an")),
    ("baihe", ("bai", "he", "zhen"), ("bai", "he", "zhen")),
    ("town-9", ("xu", "jing", "zhen"), ("xu", "jing", "zhen")),  # no pinyin: the reading
    ("towna", ("xu", "jing", "zhen"), ("xu", "jing", "zhen")),  # every syllable other: the reading
])
def test_an_id_gives_the_reading_of_a_name_it_spells(unit_id: str, reading: tuple[str, ...],
                                                     syllables: tuple[str, ...]) -> None:
    assert id_syllables(unit_id, reading) == syllables


def test_units_are_ordered_syllable_by_syllable_by_their_names(tmp_path: Path) -> None:
    # 夏丰园区 (xiafeng) and 香坪村 (xiangping) came before 西江镇 (xijiang): the letters were compared run together.
    # A dictionary compares syllables: xi < xia < xiang. An id that is no pinyin (town-9) sorts by the name too.
    # A 多音字 is read as the id spells it (pypinyin reads 长林 zhang lin and 重固 zhong gu, out of context).
    names = {"xiafeng": "夏丰镇", "xiangping": "香坪镇", "xijiang": "西江镇", "town-9": "徐泾镇",
             "changlin": "长林镇", "chonggu": "重固镇"}
    root = write_site(tmp_path, {**{f"content/units/{uid}.yaml": UNIT_B.replace("金泽镇", name)
                                    for uid, name in names.items()},
                                 "content/interviews/a.md": interview()})
    output = build_at(root)
    dashboard = parse_html(output / "dashboard/index.html")
    expected = ["白鹤镇", "长林镇", "重固镇", "西江镇", "夏丰镇", "香坪镇", "徐泾镇"]
    assert [row[0] for row in rows_of(dashboard.cssselect("table.dashboard")[0])] == expected
    units_page = text_of(parse_html(output / "units/index.html").cssselect("main")[0])
    assert sorted(expected, key=units_page.index) == expected
    assert [line.split(",")[0] for line in (output / "data/units.csv").read_text(encoding="utf-8-sig").split()[1:]] \
        == ["baihe", "changlin", "chonggu", "xijiang", "xiafeng", "xiangping", "town-9"]


def test_a_unit_page_heading_names_the_level_only_when_the_name_does_not(tmp_path: Path) -> None:
    # 白鹤镇（镇） said 镇 twice, in the heading and in the search results that quote it.
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B.replace("name: 金泽镇", "name: 金泽"),
                                 "content/units/xicen.yaml": UNIT_B.replace("name: 金泽镇", "name: 西岑村"),
                                 "content/interviews/a.md": interview()})
    output = build_at(root)
    headings = {unit: text_of(parse_html(output / f"units/{unit}/index.html").cssselect("h1")[0])
                for unit in ("baihe", "jinze", "xicen")}
    # 西岑村 is a town here: its name's 村 is not its level, so the level is said.
    assert headings == {"baihe": "白鹤镇", "jinze": "金泽（镇）", "xicen": "西岑村（镇）"}


def test_about_the_data_defines_each_figure_and_links_the_downloads(output: Path) -> None:
    page = parse_html(output / "about-data/index.html")
    terms = [text_of(dt) for dt in page.cssselect(".definitions dt")]
    for term in ("收集问题清单（collected）", "提交区级（escalated）", "已解决（resolved）",
                 "办理中（in progress）", "调研批次（batches）", "覆盖目标（targets）"):
        assert term in terms
    text = text_of(page)
    assert "提交区级 + 已解决 + 办理中 = 收集问题清单" in text and "143 + 103 + 50 = 296" in text
    assert "每个单位只取最新一次统计" in text
    downloads = page.cssselect("#downloads a")
    for link in downloads:
        assert file_for(output, "/", link.get("href")).is_file(), link.get("href")
    assert len(downloads) == 8  # six files, datapackage.json and their archive
    columns = [text_of(code) for code in page.cssselect("details.columns code")]
    assert columns[:9] == ["unit_id", "unit_name", "as_of", "batches", "collected", "escalated",
                           "resolved", "in_progress", "note"]
    # The English words are marked as English, for screen readers to speak them as such (WCAG 3.1.2).
    assert [text_of(span) for span in page.cssselect('.definitions dt span[lang="en"]')] == [
        "collected", "escalated", "resolved", "in progress", "batches", "targets"]
    assert all(code.get("lang") == "en" for code in page.cssselect("details.columns code"))


def test_accessibility_statement(output: Path) -> None:
    page = parse_html(output / "accessibility/index.html")
    text = text_of(page)
    assert "WCAG 2.2 AA" in text and "大字号 · 高对比度" in text
    assert page.cssselect("abbr")[0].get("lang") == "en"
    # With JavaScript the mode is kept from page to page (assets/reading-mode.js): where, and how to turn it off.
    assert "都会自动保持这个模式" in text and "只记在您这台设备的这个浏览器里，不使用 Cookie" in text
    assert "不需要时，在任意一页再点一下开关即可关闭" in text
    assert "打开另一个页面时需要重新开启" in text  # the known limit of the no-JavaScript switch
    assert "青浦区大调研工作办公室（示例）" in text_of(page.cssselect("#contact-heading")[0].getparent())


def test_not_found_page_is_not_indexed(output: Path) -> None:
    page = parse_html(output / "404.html")
    assert page.cssselect('meta[name="robots"]')[0].get("content") == "noindex"
    assert not page.cssselect('link[rel="canonical"]') and not page.cssselect('meta[property="og:url"]')
    assert text_of(page.cssselect("h1")[0]) == "页面未找到"


def test_case_page_shows_status_as_text(output: Path) -> None:
    page = parse_html(output / "cases/baihe-caomei/index.html")
    assert text_of(page.cssselect(".dateline .status")[0]) == "推进中"
    facts = [text_of(dt) for dt in page.cssselect(".case-facts dt")]
    assert facts == ["问题", "举措", "成效"]
    listed = parse_html(output / "cases/index.html")
    assert [text_of(s) for s in listed.cssselect(".entry .status")] == ["推进中", "推进中"]


def test_unit_page_links_its_feed_and_the_downloads(output: Path) -> None:
    page = parse_html(output / "units/baihe/index.html")
    assert page.cssselect(".feed-link a")[0].get("href") == "/units/baihe/feed.xml"
    assert "/data/tallies.csv" in [a.get("href") for a in page.cssselect(".downloads a")]
    assert "/data/units/baihe/tallies.csv" in [a.get("href") for a in page.cssselect(".downloads a")]
    # Each unit's tallies.csv, and the site's, were all saved as tallies.csv: "tallies (1).csv" told no town.
    saved = {a.get("href"): a.get("download") for a in page.cssselect(".downloads a")}
    assert {href: name for href, name in saved.items() if href.startswith("/data/units/")} == {
        "/data/units/baihe/tallies.csv": "baihe-tallies.csv", "/data/units/baihe/targets.csv": "baihe-targets.csv",
        "/data/units/baihe/milestones.csv": "baihe-milestones.csv", "/data/units/baihe/unit.json": "baihe-unit.json"}
    assert saved["/data/tallies.csv"] == ""  # the site's own: saved under its own name
    feeds = [link.get("href") for link in page.cssselect('link[rel="alternate"][type="application/atom+xml"]')]
    assert feeds == ["/feed.xml", "/units/baihe/feed.xml"]


def _five_interviews(root: Path, config: str = CONFIG_2_PER_PAGE) -> Path:
    files = {f"content/interviews/i{n}.md": interview(f"访谈{n}", date=f"2018-05-0{n} 10:00")
             for n in range(1, 6)}
    return build_at(write_site(root, files, config=config))


def test_pagination_five_items_two_per_page_gives_exactly_three_pages(tmp_path: Path) -> None:
    output = _five_interviews(tmp_path)
    pages = [output / "interviews/index.html", output / "interviews/page/2/index.html",
             output / "interviews/page/3/index.html"]
    titles = [[text_of(a) for a in parse_html(p).cssselect(".entry-title a")] for p in pages]
    assert titles == [["访谈5", "访谈4"], ["访谈3", "访谈2"], ["访谈1"]]
    assert not (output / "interviews/page/4").exists()
    assert not (output / "interviews/page/1").exists()
    middle = parse_html(pages[1]).cssselect("nav.pager")[0]
    assert text_of(middle.cssselect(".pager-where")[0]) == "第2页，共3页"
    # Each page is linked by its number (read "第1页"), the current one marked, not linked.
    assert [(a.get("rel"), a.get("href"), text_of(a)) for a in middle.cssselect("a")] == [
        ("prev", "/interviews/", "上一页"), (None, "/interviews/", "第1页"),
        (None, "/interviews/page/3/", "第3页"), ("next", "/interviews/page/3/", "下一页")]
    assert [text_of(s) for s in middle.cssselect('[aria-current="page"]')] == ["第2页"]
    assert [text_of(s) for s in middle.cssselect(".pager-number .visually-hidden")] == ["第", "页"] * 3
    assert parse_html(pages[1]).cssselect("title")[0].text == "访谈（第2页） - 测试站点"


@pytest.mark.parametrize(("number", "count", "window"), [
    (1, 1, [1]),
    (2, 7, [1, 2, 3, 4, None, 7]),
    (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    (6, 20, [1, None, 4, 5, 6, 7, 8, None, 20]),
    (5, 20, [1, 2, 3, 4, 5, 6, 7, None, 20]),  # one page left out is shown, not an ellipsis
    (20, 20, [1, None, 18, 19, 20]),
])
def test_the_pager_shows_first_last_and_two_pages_each_side(number: int, count: int,
                                                            window: list[int | None]) -> None:
    assert pager_window(number, count) == window


def test_a_long_list_pager_links_by_number_with_ellipses(tmp_path: Path) -> None:
    files = {f"content/interviews/i{n:02}.md": interview(f"访谈{n}", date=f"2018-05-{n:02} 10:00")
             for n in range(1, 25)}
    output = build_at(write_site(tmp_path, files, config=CONFIG_2_PER_PAGE))  # 12 pages
    pager = parse_html(output / "interviews/page/6/index.html").cssselect("nav.pager")[0]
    assert [text_of(li) for li in pager.cssselect("li")] == [
        "上一页", "第1页", "…", "第4页", "第5页", "第6页", "第7页", "第8页", "…", "第12页", "下一页"]
    assert [a.get("href") for a in pager.cssselect("a.pager-number")] == [
        "/interviews/", "/interviews/page/4/", "/interviews/page/5/", "/interviews/page/7/",
        "/interviews/page/8/", "/interviews/page/12/"]
    assert [li.get("aria-hidden") for li in pager.cssselect(".pager-gap")] == ["true", "true"]


def test_an_empty_list_is_one_page_saying_so(tmp_path: Path) -> None:
    output = build_at(write_site(tmp_path, {}))
    page = parse_html(output / "interviews/index.html")
    assert text_of(page.cssselect(".empty")[0]) == "暂无访谈。"
    assert not page.cssselect("nav.pager") and not (output / "interviews/page").exists()
    assert text_of(parse_html(output / "archive/index.html").cssselect(".empty")[0]) == "暂无内容。"


def test_archive_lists_months_newest_first_with_counts(tmp_path: Path) -> None:
    case = ("---\ntitle: 案例一\nunit: baihe\nstatus: resolved\nproblem: 问题。\nactions: [走访]\n"
            "date: 2018-05-20 09:00\n---\n\n正文。\n")
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview("四月访谈", date="2018-04-10 10:00"),
        "content/interviews/b.md": interview("五月访谈一", date="2018-05-03 10:00"),
        "content/interviews/c.md": interview("五月访谈二", date="2018-05-15 10:00"),
        "content/cases/d.md": case})
    page = parse_html(build_at(root) / "archive/index.html")
    assert [text_of(h) for h in page.cssselect(".archive-month h2")] == ["2018年5月（3篇）", "2018年4月（1篇）"]
    may = page.cssselect(".archive-month")[0]
    assert [text_of(li) for li in may.cssselect("li")] == [
        "5月20日 典型案例 案例一", "5月15日 访谈 五月访谈二", "5月3日 访谈 五月访谈一"]
    index = [(text_of(a), a.get("href")) for a in page.cssselect(".month-index a")]
    assert index == [("2018年5月", "#m-2018-05"), ("2018年4月", "#m-2018-04")]
    # Each month was a named section, so a landmark (region): a site of five years listed 60 of them in a screen
    # reader's list of landmarks. The months are headings, reached as headings and from the index above.
    assert [(s.get("aria-labelledby"), s.get("aria-label"), s.get("role")) for s in page.cssselect("section")] == [
        (None, None, None)] * 2


def test_previous_and_next_stay_within_a_series(tmp_path: Path) -> None:
    other = interview("别的栏目", date="2018-05-02 10:00").replace("series: dadiaoyan", "series: qita")
    root = write_site(tmp_path, {
        "content/series/qita.yaml": SERIES,
        "content/interviews/one.md": interview("第一篇", date="2018-05-01 10:00"),
        "content/interviews/two.md": interview("第二篇", date="2018-05-03 10:00"),
        "content/interviews/three.md": interview("第三篇", date="2018-05-05 10:00"),
        "content/interviews/other.md": other})
    output = build_at(root)
    middle = parse_html(output / "interviews/two/index.html").cssselect("nav.prev-next a")
    assert [(a.get("rel"), a.get("href"), text_of(a)) for a in middle] == [
        ("prev", "/interviews/one/", "上一篇：第一篇"), ("next", "/interviews/three/", "下一篇：第三篇")]
    first = parse_html(output / "interviews/one/index.html").cssselect("nav.prev-next a")
    assert [a.get("rel") for a in first] == ["next"]
    assert not parse_html(output / "interviews/other/index.html").cssselect("nav.prev-next")


def test_an_interview_links_its_units_case_studies_and_a_case_study_its_interviews(output: Path) -> None:
    page = parse_html(output / INTERVIEW)
    [section] = page.cssselect("section.related")
    assert text_of(section.cssselect("h2")[0]) == "白鹤镇的典型案例"
    assert [(a.get("href"), text_of(a)) for a in section.cssselect("a")] == [
        ("/cases/baihe-sige-zui/", "白鹤镇补齐“四个最”民生短板"), ("/cases/baihe-caomei/", "做大做强白鹤草莓")]
    assert [text_of(p) for p in section.cssselect(".entry-meta")] == ["推进中 2018年5月3日 10:00"] * 2
    case = parse_html(output / "cases/baihe-caomei/index.html")
    [section] = case.cssselect("section.related")
    assert text_of(section.cssselect("h2")[0]) == "白鹤镇的访谈"
    assert [(a.get("href"), text_of(a)) for a in section.cssselect("a")] == [
        ("/interviews/baihe-dadiaoyan-weifangtan/", "白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤")]
    assert [text_of(p) for p in section.cssselect(".entry-meta")] == ["中共白鹤镇党委书记 2018年5月3日 10:00"]


def _case(title: str, day: int, unit: str = "baihe") -> str:
    return (f"---\ntitle: {title}\nunit: {unit}\nstatus: resolved\nproblem: 问题。\nactions: [做法]\n"
            f"date: 2018-05-{day:02d} 10:00\n---\n\n正文。\n")


def test_the_five_case_studies_nearest_in_time_are_linked_and_the_units_page_for_the_rest(tmp_path: Path) -> None:
    files = {f"content/cases/c{day}.md": _case(f"案例{day}", day) for day in range(1, 8)}
    files["content/units/jinze.yaml"] = UNIT_B
    files["content/interviews/a.md"] = interview("白鹤访谈")
    files["content/interviews/b.md"] = interview("金泽访谈").replace("unit: baihe", "unit: jinze")
    output = build_at(write_site(tmp_path, files), base_url="https://example.org/qingpu/")
    [section] = parse_html(output / "interviews/a/index.html").cssselect("section.related")
    links = [(a.get("href"), text_of(a)) for a in section.cssselect("a")]
    # The interview is of 2018-05-03: the cases of 05-01 to 05-05 are nearer than those of 05-06 and 05-07.
    assert links == [(f"/qingpu/cases/c{day}/", f"案例{day}") for day in (5, 4, 3, 2, 1)] + [
        ("/qingpu/units/baihe/#cases-heading", "查看白鹤镇全部7个典型案例")]
    assert file_for(output, "/qingpu/", links[-1][0]).exists()
    assert parse_html(output / "units/baihe/index.html").cssselect("h2#cases-heading")
    # A unit with no case study: no heading over nothing.
    assert not parse_html(output / "interviews/b/index.html").cssselect("section.related")
    # Each case study links the unit's interviews: one, so no link to more.
    [section] = parse_html(output / "cases/c1/index.html").cssselect("section.related")
    assert [(a.get("href"), text_of(a)) for a in section.cssselect("a")] == [("/qingpu/interviews/a/", "白鹤访谈")]


def test_a_site_with_its_own_lists_partial_still_gets_the_related_lists(tmp_path: Path) -> None:
    # A theme that copied partials/lists.html before the lists of a unit's other pages came keeps building.
    from sitegen.render import default_theme_dir
    lists = (default_theme_dir() / "partials/lists.html").read_text(encoding="utf-8").replace("标签：", "关键词：")
    assert "related_list" not in lists  # the new macro has a partial of its own
    files = {"content/cases/c1.md": _case("案例1", 1), "content/interviews/a.md": interview("白鹤访谈"),
             "templates/partials/lists.html": lists}
    output = build_at(write_site(tmp_path, files))
    page = parse_html(output / "interviews/a/index.html")
    assert [(a.get("href"), text_of(a)) for a in page.cssselect("section.related a")] == [("/cases/c1/", "案例1")]


def test_list_summaries_are_escaped_and_cut_at_a_character(tmp_path: Path) -> None:
    body = "`<b>粗体</b>` & 符号。" + "草莓𠀀" * 60 + "\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview("摘要", body=body)},
                      config=MINIMAL_CONFIG + "summary_length: 40\n")
    output = build_at(root)
    summary = text_of(parse_html(output / "interviews/index.html").cssselect(".entry-summary")[0])
    assert summary.startswith("<b>粗体</b> & 符号。草莓𠀀") and summary.endswith("…")
    assert len(summary) <= 40 and ("<b>粗体</b> & 符号。" + "草莓𠀀" * 60).startswith(summary[:-1])
    source = (output / "interviews/index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;粗体&lt;/b&gt;" in source


def test_interview_open_graph_and_json_ld(output: Path) -> None:
    page = parse_html(output / INTERVIEW)
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:type"] == "article" and og["og:locale"] == "zh_CN"
    assert og["og:url"] == "https://example.org/interviews/baihe-dadiaoyan-weifangtan/"
    # Its three pictures are SVG drawings, which link previews do not show: none is offered.
    assert "og:image" not in og and "og:image:alt" not in og
    assert og["og:site_name"] == "青浦大调研进度公开"
    assert og["og:description"] == page.cssselect('meta[name="description"]')[0].get("content")
    [article] = json_ld_of(page)
    reading = text_of(page.cssselect(".reading")[0])
    words, minutes = re.fullmatch(r"本篇文章(\d+)字，读完约(\d+)分钟", reading).groups()
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤"
    assert article["wordCount"] == int(words) and article["timeRequired"] == f"PT{minutes}M"
    assert article["datePublished"] == "2018-05-03T10:00:00+08:00"
    assert article["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "大调研微访谈",
                                   "url": "https://example.org/series/dadiaoyan-weifangtan/",
                                   "publisher": {"@type": "Organization", "name": "上海热线新闻网"}}
    # "（姓名略）" says the name is left out: search engines read "name" as the person's name.
    assert article["mentions"] == {"@type": "Person", "jobTitle": "中共白鹤镇党委书记"}
    assert article["about"]["url"] == "https://example.org/units/baihe/"
    assert article["publisher"]["name"] == "青浦区大调研工作办公室（示例）"
    home = {m.get("property"): m.get("content") for m in parse_html(output / "index.html").cssselect("meta[property]")}
    assert home["og:type"] == "website" and "og:image" not in home


@pytest.mark.parametrize(("name", "withheld"), [
    ("（姓名略）", True), ("(匿名)", True), ("【姓名隐去】", True), ("姓名略", True), ("某某", True), ("不具名", True),
    ("王建国", False), ("欧阳娜娜", False), ("张略", False), ("John Smith", False)])
def test_a_name_left_out_is_no_persons_name(name: str, withheld: bool) -> None:
    from sitegen.outputs.structured import withheld_name
    assert withheld_name(name) is withheld


def test_unit_and_dashboard_describe_a_dataset_with_downloads(output: Path) -> None:
    for rel in ("units/baihe/index.html", "dashboard/index.html"):
        [dataset] = json_ld_of(parse_html(output / rel))
        assert dataset["@type"] == "Dataset" and dataset["temporalCoverage"] == "2018-04-26/2018-04-26"
        downloads = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
        assert downloads["https://example.org/data/tallies.csv"] == "text/csv"
        assert downloads["https://example.org/data/tallies.json"] == "application/json"
        assert all(d["@type"] == "DataDownload" for d in dataset["distribution"])
        for url in downloads:
            assert (output / url.removeprefix("https://example.org/")).is_file()
        # The unit's page offers the unit's own files first, as the page lists them; the dashboard, every unit's.
        own = [d["contentUrl"] for d in dataset["distribution"] if "/data/units/" in d["contentUrl"]]
        assert own == ([f"https://example.org/data/units/baihe/{name}" for name in
                        ("tallies.csv", "targets.csv", "milestones.csv", "unit.json")] if rel.startswith("units/") else [])
        assert dataset["distribution"][:len(own)] == [d for d in dataset["distribution"] if d["contentUrl"] in own]
        assert ("白鹤镇的文件只含本单位的数据" in dataset["description"]) == bool(own)


def test_json_ld_cannot_be_closed_by_a_title(tmp_path: Path) -> None:
    title = "标题</script><script>alert(1)</script>&amp;"
    root = write_site(tmp_path, {"content/interviews/x.md": interview(f"'{title}'")})
    html = (build_at(root) / "interviews/x/index.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["headline"] == title
    page = parse_html(tmp_path / "output/interviews/x/index.html")
    # No script from the title: only the JSON-LD and the theme's own reading-mode script and line.
    assert [(s.get("type"), s.get("src")) for s in page.iter("script")] == [
        (None, "/" + fingerprinted(tmp_path / "output", "assets/reading-mode.js")), ("application/ld+json", None),
        (None, None)]
    assert "reading-mode-script" in list(page.iter("script"))[-1].text


def test_government_meta_tags_where_site_yaml_gives_them(tmp_path: Path) -> None:
    gov = ("gov:\n  site_name: 青浦区人民政府\n  site_domain: www.shqp.gov.cn\n  site_id_code: '3101180001'\n"
           "  column_name: 大调研\n  content_source: 区大调研办\n")
    extra = "source:\n  publisher: 上海热线新闻网\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview("访谈", extra=extra),
                                 "content/interviews/b.md": interview("无来源", date="2018-05-04 08:05")},
                      config=MINIMAL_CONFIG + gov)
    output = build_at(root)

    def meta(rel: str) -> dict[str, str]:
        return {m.get("name"): m.get("content") for m in parse_html(output / rel).cssselect("meta[name]")}
    assert meta("interviews/a/index.html") | {"description": "", "viewport": ""} == {
        "description": "", "viewport": "", "SiteName": "青浦区人民政府", "SiteDomain": "www.shqp.gov.cn",
        "SiteIDCode": "3101180001", "ColumnName": "大调研微访谈", "ArticleTitle": "访谈",
        "PubDate": "2018-05-03 10:00", "ContentSource": "上海热线新闻网"}
    assert meta("interviews/b/index.html")["ContentSource"] == "区大调研办"
    home = meta("index.html")
    assert home["ColumnName"] == "大调研" and "ArticleTitle" not in home
    plain = build_at(write_site(tmp_path / "plain", {"content/interviews/a.md": interview()}))
    names = {m.get("name") for m in parse_html(plain / "interviews/a/index.html").cssselect("meta[name]")}
    assert names == {"viewport", "description"}


def test_custom_permalink_patterns_end_to_end(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG + ("permalinks:\n  interviews: /fangtan/{slug}/\n  cases: /anli/{slug}/\n"
                               "  units: /danwei/{slug}/\n  series: /lanmu/{slug}/\n  tags: /biaoqian/{slug}/\n")
    case = ("---\ntitle: 案例\nunit: baihe\nstatus: planned\nproblem: 问题。\nactions: [走访]\n"
            "date: 2018-05-01\n---\n\n正文。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="tags: [草莓]\n"),
                                 "content/cases/c.md": case}, config=config)
    output = build_at(root)
    for rel in ("fangtan/a/index.html", "fangtan/index.html", "anli/c/index.html", "anli/index.html",
                "danwei/baihe/index.html", "danwei/index.html", "danwei/baihe/feed.xml",
                "lanmu/dadiaoyan/index.html", "lanmu/dadiaoyan/feed.xml", "biaoqian/cao-mei/index.html",
                "biaoqian/index.html"):
        assert (output / rel).is_file(), rel
    for folder in ("interviews", "cases", "units", "series", "tags"):
        assert not (output / folder).exists(), folder
    for html in output.rglob("*.html"):  # the search page's list of sections too (it wrote /interviews/ …)
        for _, _, link, _ in parse_html(html).iterlinks():
            if link.startswith("/"):
                assert file_for(output, "/", link).is_file(), (html.relative_to(output), link)
    nav = {text_of(a): a.get("href") for a in parse_html(output / "index.html").cssselect(".nav a")}
    assert nav["访谈"] == "/fangtan/" and nav["各单位进展"] == "/danwei/" and nav["典型案例"] == "/anli/"
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/fangtan/a/</loc>" in sitemap and "/interviews/" not in sitemap
    feed = (output / "danwei/baihe/feed.xml").read_text(encoding="utf-8")
    assert "https://example.org/fangtan/a/" in feed
