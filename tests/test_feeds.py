"""Atom feeds (site-wide, case studies, per series, per unit), the sitemap and robots.txt.

Feeds are parsed twice: with lxml (well-formed XML in the Atom namespace,
RFC 4287 elements) and with feedparser (``bozo == 0``: no error at all).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
import yaml

from sitegen.config import load_config
from sitegen.errors import Report, SiteError

from .sitekit import ATOM, MINIMAL_CONFIG, SERIES, SITEMAP, build_at, interview, json_ld_of, parse_html, write_site

INTERVIEW_URL = "https://example.org/interviews/baihe-dadiaoyan-weifangtan/"
UNIT_B = "name: 金泽镇\nlevel: town\n"


@pytest.fixture(scope="module")
def output(example_site: Path) -> Path:
    return example_site / "output"


def parse_feed(path: Path) -> tuple[lxml.etree._ElementTree, feedparser.FeedParserDict]:
    """Parse a feed file with lxml and feedparser; fail on any feedparser problem."""
    tree = lxml.etree.parse(str(path))
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert tree.getroot().tag == f"{ATOM}feed"
    return tree, parsed


def test_site_feed_is_valid_atom_with_absolute_links(output: Path) -> None:
    tree, parsed = parse_feed(output / "feed.xml")
    root = tree.getroot()
    assert root.findtext(f"{ATOM}id") == "https://example.org/feed.xml"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": "https://example.org/feed.xml", "alternate": "https://example.org/"}
    # Titled as every feed and page is: what it holds, then the site.
    assert parsed.feed.title == "访谈 - 青浦大调研进度公开"
    assert root.findtext(f"{ATOM}updated") == "2018-05-03T10:00:00+08:00"
    assert root.find(f"{ATOM}author").findtext(f"{ATOM}name") == "青浦区大调研工作办公室（示例）"
    [entry] = parsed.entries
    assert entry.id == INTERVIEW_URL and entry.link == INTERVIEW_URL
    assert entry.title == "白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤"
    assert entry.published == "2018-05-03T10:00:00+08:00" and entry.updated == entry.published
    assert entry.author == "上海热线新闻网"
    assert [tag.term for tag in entry.tags] == ["大调研", "补短板", "草莓产业", "民生"]
    assert entry.summary.startswith("白鹤镇党委书记谈大调研")


def test_entry_content_is_the_sanitized_body(output: Path) -> None:
    tree, _ = parse_feed(output / "feed.xml")
    content = tree.getroot().find(f"{ATOM}entry/{ATOM}content")
    assert content.get("type") == "html"
    body = lxml.html.fragment_fromstring(content.text, create_parent="div")
    page = parse_html(output / "interviews/baihe-dadiaoyan-weifangtan/index.html")
    assert [h.text_content() for h in body.iter("h2")] == [h.text_content() for h in page.cssselect(".body h2")]
    assert "318批次" in body.text_content()
    assert not list(body.iter("script"))
    # The pictures of its front matter, as the page places them (they were left out of the feed).
    pictures = [(img.get("src"), img.get("alt"), img.get("width"), img.get("height")) for img in body.iter("img")]
    shown = [("https://example.org" + img.get("src"), img.get("alt"), img.get("width"), img.get("height"))
             for img in page.cssselect("main figure img")]
    assert len(pictures) == 3 and pictures == shown
    # The interviewee first, as the page's byline names them, then the summary and the lead picture; the others last.
    assert [body[0].tag, body[1].tag, body[2].tag, body[-1].tag] == ["p", "p", "figure", "figure"]
    assert [c.text_content() for c in body.iter("figcaption")] == [c.text_content() for c in
                                                                    page.cssselect("main figcaption")]


def _front_matter(path: Path) -> dict:
    """The front matter of a Markdown page, as YAML reads it."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _entry_html(path: Path, link: str) -> lxml.html.HtmlElement:
    """The content of the entry of a feed file that links ``link``, as an HTML fragment in a ``<div>``."""
    tree, _ = parse_feed(path)
    [entry] = [e for e in tree.getroot().iter(f"{ATOM}entry")
               if e.find(f"{ATOM}link").get("href") == link]
    return lxml.html.fragment_fromstring(entry.findtext(f"{ATOM}content"), create_parent="div")


def test_a_case_entry_starts_with_status_problem_actions_and_outcome_as_its_page_shows_them(
        example_site: Path) -> None:
    # The feed carried a case study's text only: a subscriber never saw where it stood, what the problem was,
    # what was done and what came of it, which its page shows above the text.
    typed = _front_matter(example_site / "content/cases/baihe-caomei.md")
    assert typed["status"] == "in_progress" and len(typed["actions"]) == 4
    body = _entry_html(example_site / "output/cases/feed.xml", "https://example.org/cases/baihe-caomei/")
    assert [child.tag for child in body[:4]] == ["p", "dl", "figure", "h2"]  # the lead picture after them
    assert body[0].text_content() == "状态：推进中"
    facts = body[1]
    assert [dt.text_content() for dt in facts.iter("dt")] == ["问题", "举措", "成效"]
    problem, actions, outcome = facts.iter("dd")
    assert problem.text_content() == typed["problem"]
    assert [li.text_content() for li in actions.iter("li")] == typed["actions"]
    assert outcome.text_content() == typed["outcome"]
    # The page's words, in the page's order.
    page = parse_html(example_site / "output/cases/baihe-caomei/index.html")
    assert [dt.text_content() for dt in page.cssselect(".case-facts dt")] == ["问题", "举措", "成效"]
    assert [" ".join(dd.text_content().split()) for dd in page.cssselect(".case-facts dd")] == [
        " ".join(dd.text_content().split()) for dd in facts.iter("dd")]
    assert page.cssselect(".dateline .status")[0].text_content() == "推进中"


def test_an_interview_entry_names_the_interviewee_as_its_page_does(example_site: Path) -> None:
    person = _front_matter(example_site / "content/interviews/2018-05-baihe-dadiaoyan.md")["interviewee"]
    assert person == {"name": "（姓名略）", "role": "中共白鹤镇党委书记"}
    page = parse_html(example_site / "output/interviews/baihe-dadiaoyan-weifangtan/index.html")
    byline = page.cssselect(".byline")[0].text_content()
    assert byline == "受访人：（姓名略），中共白鹤镇党委书记"
    # Then its summary, the lead paragraph the page shows before the lead picture (the feed had it in <summary>
    # only, which readers showing the content leave out).
    lead = page.cssselect("p.lead")[0].text_content()
    assert lead == _front_matter(example_site / "content/interviews/2018-05-baihe-dadiaoyan.md")["summary"]
    assert lead.startswith("白鹤镇党委书记谈大调研：截至4月26日")
    for feed in ("feed.xml", "series/dadiaoyan-weifangtan/feed.xml", "units/baihe/feed.xml"):
        body = _entry_html(example_site / "output" / feed, INTERVIEW_URL)
        assert [(child.tag, child.text_content()) for child in body[:2]] == [("p", byline), ("p", lead)], feed
        assert body[2].tag == "figure", feed


def test_an_interview_summary_in_feeds_is_escaped_keeps_its_line_breaks_and_is_left_out_when_not_typed(
        tmp_path: Path) -> None:
    summary = "summary: |\n  第一行<b>粗</b>\n  第二行 & 其他\n"
    root = write_site(tmp_path, {
        "content/interviews/a.md": interview("有摘要", date="2018-05-02 10:00", body="正文。\n", extra=summary),
        "content/interviews/b.md": interview("无摘要", date="2018-05-01 10:00", body="正文二。\n")})
    tree, _ = parse_feed(build_at(root) / "feed.xml")
    assert [(entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}content"))
            for entry in tree.getroot().iter(f"{ATOM}entry")] == [
        ("有摘要", "<p>受访人：受访人，党委书记</p><p>第一行&lt;b&gt;粗&lt;/b&gt;<br>第二行 &amp; 其他</p><p>正文。</p>"),
        ("无摘要", "<p>受访人：受访人，党委书记</p><p>正文二。</p>")]
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert '<p class="lead lines">第一行&lt;b&gt;粗&lt;/b&gt;\n第二行 &amp; 其他</p>' in page


def test_case_fields_in_feeds_are_escaped_keep_their_line_breaks_and_are_left_out_when_not_typed(
        tmp_path: Path) -> None:
    case = ("---\ntitle: 白鹤镇的案例\nunit: baihe\nstatus: resolved\nproblem: |\n  第一行<b>粗</b>\n  第二行 & 其他\nactions:\n"
            "date: 2018-05-02 10:00\n---\n\n正文。\n")
    root = write_site(tmp_path, {"content/cases/a.md": case})
    tree, _ = parse_feed(build_at(root) / "cases/feed.xml")
    content = tree.getroot().find(f"{ATOM}entry/{ATOM}content").text
    assert content.startswith("<p>状态：已解决</p><dl><dt>问题</dt><dd>第一行&lt;b&gt;粗&lt;/b&gt;<br>第二行 &amp; 其他</dd>"
                              "</dl><p>正文。</p>")


def test_series_and_unit_feeds_hold_only_their_interviews(tmp_path: Path) -> None:
    other = (interview("金泽访谈", date="2018-05-06 09:30")
             .replace("series: dadiaoyan", "series: qita").replace("unit: baihe", "unit: jinze"))
    root = write_site(tmp_path, {
        "content/series/qita.yaml": SERIES, "content/units/jinze.yaml": UNIT_B,
        "content/interviews/a.md": interview("白鹤访谈一", date="2018-05-01 10:00"),
        "content/interviews/b.md": interview("白鹤访谈二", date="2018-05-03 10:00"),
        "content/interviews/c.md": other})
    output = build_at(root)
    expected = {
        "feed.xml": ["金泽访谈", "白鹤访谈二", "白鹤访谈一"],
        "series/dadiaoyan/feed.xml": ["白鹤访谈二", "白鹤访谈一"],
        "series/qita/feed.xml": ["金泽访谈"],
        "units/baihe/feed.xml": ["白鹤访谈二", "白鹤访谈一"],
        "units/jinze/feed.xml": ["金泽访谈"],
    }
    for rel, titles in expected.items():
        tree, parsed = parse_feed(output / rel)
        assert [e.title for e in parsed.entries] == titles, rel
        self_link = [link for link in tree.getroot().findall(f"{ATOM}link") if link.get("rel") == "self"][0]
        assert self_link.get("href") == "https://example.org/" + rel
        assert all(e.link.startswith("https://example.org/interviews/") for e in parsed.entries)
    _, jinze = parse_feed(output / "units/jinze/feed.xml")
    assert jinze.entries[0].published == "2018-05-06T09:30:00+08:00"
    page = parse_html(output / "series/qita/index.html")
    announced = [link.get("href") for link in page.cssselect('link[rel="alternate"][type="application/atom+xml"]')]
    assert announced == ["/feed.xml", "/series/qita/feed.xml"]


def test_the_case_studies_have_a_feed_of_their_own(output: Path) -> None:
    # Feeds held interviews only: a reader following the campaign never learned of a new case study.
    tree, parsed = parse_feed(output / "cases/feed.xml")
    links = {link.get("rel"): link.get("href") for link in tree.getroot().findall(f"{ATOM}link")}
    assert links == {"self": "https://example.org/cases/feed.xml", "alternate": "https://example.org/cases/"}
    assert parsed.feed.title == "典型案例 - 青浦大调研进度公开"
    assert [(e.title, e.link) for e in parsed.entries] == [
        ("白鹤镇补齐“四个最”民生短板", "https://example.org/cases/baihe-sige-zui/"),
        ("做大做强白鹤草莓", "https://example.org/cases/baihe-caomei/")]
    assert parsed.entries[0].author == "上海热线新闻网"
    assert "问题从哪里来" in parsed.entries[0].content[0].value
    _, site = parse_feed(output / "feed.xml")
    assert all("/interviews/" in e.link for e in site.entries)  # the site's feed stays the interviews'
    for page in ("cases/index.html", "cases/baihe-caomei/index.html"):
        announced = [link.get("href") for link in
                     parse_html(output / page).cssselect('link[rel="alternate"][type="application/atom+xml"]')]
        assert announced == ["/feed.xml", "/cases/feed.xml"], page
    listed = parse_html(output / "cases/index.html").cssselect(".feed-link a")
    assert [(a.get("href"), a.text_content()) for a in listed][:1] == [("/cases/feed.xml", "订阅典型案例（Atom）")]
    about = [a.get("href") for a in parse_html(output / "about-data/index.html").cssselect("#feeds a[type]")]
    assert about[:2] == ["/feed.xml", "/cases/feed.xml"]


def _announced(page: Path) -> list[str]:
    """The feeds a page announces in its head."""
    return [link.get("href") for link in parse_html(page).cssselect('link[rel="alternate"][type="application/atom+xml"]')]


def test_a_unit_with_no_interview_has_no_feed_and_no_page_links_one(tmp_path: Path) -> None:
    # 金泽镇 has a case study and no interview: its page offered 订阅金泽镇访谈 and the about-data page listed a feed
    # that held nothing (its feed carries the unit's interviews only).
    case = ("---\ntitle: 金泽镇的案例\nunit: jinze\nstatus: resolved\nproblem: 问题。\nactions: [做法]\n"
            "date: 2018-05-02 10:00\n---\n\n正文。\n")
    root = write_site(tmp_path, {"content/units/jinze.yaml": UNIT_B, "content/interviews/a.md": interview(),
                                 "content/cases/jinze.md": case})
    output = build_at(root)
    assert not (output / "units/jinze/feed.xml").exists()
    assert (output / "units/baihe/feed.xml").exists()
    jinze = parse_html(output / "units/jinze/index.html")
    assert [a.get("href") for a in jinze.cssselect(".feed-link a")] == []
    assert _announced(output / "units/jinze/index.html") == ["/feed.xml"]
    baihe = parse_html(output / "units/baihe/index.html")
    assert [a.get("href") for a in baihe.cssselect(".feed-link a")] == ["/units/baihe/feed.xml", "/about-data/#feeds"]
    assert _announced(output / "units/baihe/index.html") == ["/feed.xml", "/units/baihe/feed.xml"]
    about = parse_html(output / "about-data/index.html").cssselect("#feeds a[type]")
    assert [(a.get("href"), a.text_content()) for a in about] == [
        ("/feed.xml", "全部访谈（Atom）"), ("/cases/feed.xml", "典型案例（Atom）"),
        ("/series/dadiaoyan/feed.xml", "栏目：大调研微访谈（Atom）"), ("/units/baihe/feed.xml", "单位：白鹤镇（Atom）")]
    assert "feed.xml" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    # Its first interview brings the feed and its links; taking it off again takes them away.
    (root / "content/interviews/b.md").write_text(
        interview("金泽访谈", date="2018-05-06 09:30").replace("unit: baihe", "unit: jinze"), encoding="utf-8")
    assert build_at(root) and [e.title for e in parse_feed(output / "units/jinze/feed.xml")[1].entries] == ["金泽访谈"]
    assert _announced(output / "units/jinze/index.html") == ["/feed.xml", "/units/jinze/feed.xml"]
    assert "/units/jinze/feed.xml" in [a.get("href") for a in parse_html(output / "about-data/index.html")
                                       .cssselect("#feeds a[type]")]
    (root / "content/interviews/b.md").unlink()
    build_at(root)
    assert not (output / "units/jinze/feed.xml").exists()
    assert _announced(output / "units/jinze/index.html") == ["/feed.xml"]
    assert "/units/jinze/feed.xml" not in [a.get("href") for a in parse_html(output / "about-data/index.html")
                                           .cssselect("#feeds a[type]")]


def test_a_series_or_site_with_nothing_to_carry_has_no_feed(tmp_path: Path) -> None:
    # A series with no interview yet, and a site with no case study: their feeds were written empty and linked.
    root = write_site(tmp_path, {"content/series/qita.yaml": SERIES, "content/interviews/a.md": interview()})
    output = build_at(root)
    assert not (output / "series/qita/feed.xml").exists() and not (output / "cases/feed.xml").exists()
    assert parse_html(output / "series/qita/index.html").cssselect(".feed-link") == []
    assert _announced(output / "series/qita/index.html") == ["/feed.xml"]
    assert parse_html(output / "cases/index.html").cssselect(".feed-link") == []
    assert _announced(output / "cases/index.html") == ["/feed.xml"]
    about = [a.get("href") for a in parse_html(output / "about-data/index.html").cssselect("#feeds a[type]")]
    assert about == ["/feed.xml", "/series/dadiaoyan/feed.xml", "/units/baihe/feed.xml"]


def test_a_site_with_no_interview_announces_no_feed_of_interviews(tmp_path: Path) -> None:
    case = ("---\ntitle: 白鹤镇的案例\nunit: baihe\nstatus: resolved\nproblem: 问题。\nactions: [做法]\n"
            "date: 2018-05-02 10:00\n---\n\n正文。\n")
    root = write_site(tmp_path, {"content/cases/a.md": case})
    output = build_at(root)
    assert sorted(path.relative_to(output).as_posix() for path in output.rglob("feed.xml")) == ["cases/feed.xml"]
    assert _announced(output / "index.html") == []
    assert _announced(output / "cases/a/index.html") == ["/cases/feed.xml"]
    assert parse_html(output / "interviews/index.html").cssselect(".feed-link") == []
    about = [a.get("href") for a in parse_html(output / "about-data/index.html").cssselect("#feeds a[type]")]
    assert about == ["/cases/feed.xml"]
    # The first interview: every page announces the site's feed, rendered again though it shows nothing else new.
    (root / "content/interviews").mkdir()
    (root / "content/interviews/a.md").write_text(interview(), encoding="utf-8")
    build_at(root)
    assert _announced(output / "index.html") == ["/feed.xml"]
    assert _announced(output / "cases/a/index.html") == ["/feed.xml", "/cases/feed.xml"]
    assert _announced(output / "accessibility/index.html") == ["/feed.xml"]


def test_feed_content_links_are_absolute(tmp_path: Path) -> None:
    body = "见[案例](/cases/c/)和[外部](https://example.com/x)。\n\n![图](/images/a.svg)\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    tree, _ = parse_feed(build_at(root, "https://example.org/qingpu/diaoyan/") / "feed.xml")
    content = tree.getroot().find(f"{ATOM}entry/{ATOM}content").text
    fragment = lxml.html.fragment_fromstring(content, create_parent="div")
    assert [link for _, _, link, _ in fragment.iterlinks()] == [
        "https://example.org/qingpu/diaoyan/cases/c/", "https://example.com/x",
        "https://example.org/qingpu/diaoyan/images/a.svg"]


_NOTED = "## 进展\n\n### 及时启动，建立体系\n\n据报道[^1]，见[上文](#及时启动建立体系)。\n\n[^1]: 来源说明。\n"
_HEADING = "#%E5%8F%8A%E6%97%B6%E5%90%AF%E5%8A%A8%E5%BB%BA%E7%AB%8B%E4%BD%93%E7%B3%BB"  # #及时启动建立体系, as browsers send it


@pytest.mark.parametrize("base_url, page", [
    (None, "https://example.org/interviews/a/"),
    ("https://example.org/qingpu/diaoyan/", "https://example.org/qingpu/diaoyan/interviews/a/"),
])
def test_links_within_the_page_lead_to_the_page_in_feeds(tmp_path: Path, base_url: str | None, page: str) -> None:
    # A feed has no xml:base: "#fn-1" would be read as …/feed.xml#fn-1 (RFC 4287, RFC 3986 §5.1).
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=_NOTED)})
    output = build_at(root, base_url)
    for rel in ("feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml"):
        tree, _ = parse_feed(output / rel)
        content = tree.getroot().find(f"{ATOM}entry/{ATOM}content").text
        body = lxml.html.fragment_fromstring(content, create_parent="div")
        assert [(a.get("class"), a.get("href")) for a in body.iter("a")] == [
            ("footnote-ref", page + "#fn-1"), (None, page + _HEADING), ("footnote-backref", page + "#fnref-1")], rel
        assert [e.get("id") for e in body.xpath("//*[@id]")] == ["进展", "及时启动建立体系", "fnref-1", "注释", "fn-1"]
    # The page itself keeps them as written: they work there.
    html_page = parse_html(output / "interviews/a/index.html")
    assert [(a.get("class"), a.get("href")) for a in html_page.cssselect(".body a")] == [
        ("footnote-ref", "#fn-1"), (None, "#及时启动建立体系"), ("footnote-backref", "#fnref-1")]
    assert (output / "interviews/a/index.html").read_text(encoding="utf-8").count('href="#fn-1"') == 1


def _interviews(count: int) -> dict[str, str]:
    """``count`` interviews of unit baihe, series dadiaoyan: 访谈000 the oldest, one a day."""
    start = datetime(2018, 1, 1, 10, 0)
    return {f"content/interviews/p{i:03d}.md": interview(
        f"访谈{i:03d}", date=f"{start + timedelta(days=i):%Y-%m-%d %H:%M}", body=f"## 问{i}\n\n答{i}。\n")
        for i in range(count)}


def test_each_feed_carries_the_newest_feed_entries_interviews(tmp_path: Path) -> None:
    root = write_site(tmp_path, _interviews(7), config=MINIMAL_CONFIG + "feed_entries: 3\n")
    output = build_at(root)
    for rel in ("feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml"):
        tree, parsed = parse_feed(output / rel)
        assert [e.title for e in parsed.entries] == ["访谈006", "访谈005", "访谈004"], rel
        assert tree.getroot().findtext(f"{ATOM}updated") == "2018-01-07T10:00:00+08:00"
        assert parsed.entries[0].content[0].value == '<p>受访人：受访人，党委书记</p><h2 id="问6">问6</h2>\n<p>答6。</p>'
    assert len([p for p in (output / "interviews").iterdir() if p.name.startswith("p")]) == 7  # every page is built


def test_feeds_carry_50_interviews_by_default(tmp_path: Path) -> None:
    root = write_site(tmp_path, _interviews(52))
    assert load_config(root, Report()).feed_entries == 50
    _, parsed = parse_feed(build_at(root) / "feed.xml")
    assert [e.title for e in parsed.entries] == [f"访谈{i:03d}" for i in range(51, 1, -1)]


def test_a_site_with_fewer_interviews_than_the_limit_lists_them_all(tmp_path: Path) -> None:
    root = write_site(tmp_path, _interviews(2), config=MINIMAL_CONFIG + "feed_entries: 1000\n")
    _, parsed = parse_feed(build_at(root) / "feed.xml")
    assert [e.title for e in parsed.entries] == ["访谈001", "访谈000"]


@pytest.mark.parametrize("line, message", [
    ("feed_entries: 0", 'site.yaml:3:15: error: "feed_entries" is 0, less than the smallest allowed value 1\n'
                        "  hint: use a number from 1 up"),
    ("feed_entries: -5", 'site.yaml:3:15: error: "feed_entries" is -5, less than the smallest allowed value 1\n'
                         "  hint: use a number from 1 up"),
    # The hint gave "e.g. 10", which, typed as shown, set 10: the number typed is given.
    ("feed_entries: 五十", 'site.yaml:3:15: error: "feed_entries" should be a whole number, not "五十"\n'
                         "  hint: write the digits alone: 50"),
    ("feed_entries: 20条", 'site.yaml:3:15: error: "feed_entries" should be a whole number, not "20条"\n'
                          "  hint: write the digits alone: 20"),
    ("feed_entries: many", 'site.yaml:3:15: error: "feed_entries" should be a whole number, not "many"\n'
                           "  hint: write the digits alone, e.g. 10"),
    ("feeds_entries: 20", 'site.yaml:3:1: error: unknown field "feeds_entries" (did you mean "feed_entries"?)\n'
                          '  hint: rename it to "feed_entries"'),
    ("feed_entires: 20", 'site.yaml:3:1: error: unknown field "feed_entires" (did you mean "feed_entries"?)\n'
                         '  hint: rename it to "feed_entries"'),
])
def test_a_wrong_feed_entries_setting_is_an_error_at_its_place(tmp_path: Path, line: str, message: str) -> None:
    root = write_site(tmp_path, {}, config=MINIMAL_CONFIG + line + "\n")
    with pytest.raises(SiteError) as failure:
        load_config(root, Report())
    assert [p.format() for p in failure.value.problems] == [message]


def test_sitemap_lists_every_page_but_404_and_search_with_lastmod(output: Path) -> None:
    tree = lxml.etree.parse(str(output / "sitemap.xml"))
    assert tree.getroot().tag == f"{SITEMAP}urlset"
    entries = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in tree.getroot()}
    pages = {p.relative_to(output).as_posix() for p in output.rglob("*.html")} - {"404.html", "search/index.html"}
    expected = {"https://example.org/" + rel.removesuffix("index.html") for rel in pages}
    assert set(entries) == expected
    assert entries[INTERVIEW_URL] == "2018-05-03T10:00:00+08:00"
    assert entries["https://example.org/units/baihe/"] == "2018-05-03T10:00:00+08:00"
    assert entries["https://example.org/dashboard/"] == "2018-04-26T00:00:00+08:00"
    assert entries["https://example.org/accessibility/"] is None


def test_robots_txt_names_the_sitemap(output: Path) -> None:
    assert (output / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")


def test_a_corrected_page_says_when_on_the_page_and_in_feeds_sitemap_and_json_ld(tmp_path: Path) -> None:
    # A page corrected after publishing kept its publish time everywhere: feed readers and search engines
    # never learned of the correction.
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(extra="updated: 2018-05-10 09:30\n"),
        "content/interviews/b.md": interview("白鹤镇访谈二", date="2018-05-06 08:00")})
    output = build_at(root)
    page = parse_html(output / "interviews/a/index.html")
    lines = [" ".join(p.text_content().split()) for p in page.xpath("//header//p[@class='dateline']")]
    assert lines == ["发布时间：2018年5月3日 10:00 · 白鹤镇", "更新时间：2018年5月10日 09:30"]
    assert page.xpath("//header//time/@datetime") == ["2018-05-03T10:00+08:00", "2018-05-10T09:30+08:00"]
    article = next(d for d in json_ld_of(page) if d["@type"] == "NewsArticle")
    assert (article["datePublished"], article["dateModified"]) == ("2018-05-03T10:00:00+08:00",
                                                                   "2018-05-10T09:30:00+08:00")
    assert page.xpath("//meta[@property='article:modified_time']/@content") == ["2018-05-10T09:30:00+08:00"]
    for feed in ["feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml"]:
        _, parsed = parse_feed(output / feed)
        assert parsed.feed.updated == "2018-05-10T09:30:00+08:00"
        entries = {e.link: (e.published, e.updated) for e in parsed.entries}
        assert entries == {"https://example.org/interviews/a/": ("2018-05-03T10:00:00+08:00",
                                                                 "2018-05-10T09:30:00+08:00"),
                           "https://example.org/interviews/b/": ("2018-05-06T08:00:00+08:00",
                                                                 "2018-05-06T08:00:00+08:00")}
    sitemap = lxml.etree.parse(str(output / "sitemap.xml"))
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in sitemap.getroot()}
    assert lastmod["https://example.org/interviews/a/"] == "2018-05-10T09:30:00+08:00"
    assert lastmod["https://example.org/interviews/b/"] == "2018-05-06T08:00:00+08:00"
    assert lastmod["https://example.org/"] == "2018-05-10T09:30:00+08:00"
    unchanged = parse_html(output / "interviews/b/index.html")
    assert [" ".join(p.text_content().split()) for p in unchanged.xpath("//header//p[@class='dateline']")] == [
        "发布时间：2018年5月6日 08:00 · 白鹤镇"]
