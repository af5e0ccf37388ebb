"""Links to a place in another page of the site (``/interviews/x/#问题二``): the place must be on that page.

The page part of such a link was checked, the part after "#" not: a heading
typed wrong was published as a link that lands at the top of the page.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from sitegen.build import BuildOptions, build, check
from sitegen.config import load_config
from sitegen.errors import Report
from sitegen.markup import LAYOUT_IDS
from sitegen.render import default_theme_dir, layout_places

from .sitekit import copy_example, interview, parse_html, write_site

TARGET = interview("白鹤镇访谈二", extra="slug: er\n", body=(
    "## 问题一：进展如何？\n\n回答[^1]。\n\n## 下一阶段有什么打算？\n\n回答。\n\n[^1]: 注释。\n"))


def _place_warnings(root: Path, **options: object) -> list[tuple[str, str, str | None]]:
    warnings = build(BuildOptions(root=root, search=False, **options)).warnings  # type: ignore[arg-type]
    return [(w.location(), w.message, w.hint) for w in warnings]


def test_a_link_to_a_place_another_page_lacks_is_warned_at_the_link_with_the_place_meant(tmp_path: Path) -> None:
    body = ("## 问\n\n"
            "见[对](/interviews/er/#问题一进展如何)、[编码](/interviews/er/#%E9%97%AE%E9%A2%98%E4%B8%80%E8%BF%9B"
            "%E5%B1%95%E5%A6%82%E4%BD%95)、[注](/interviews/er/#fn-1)、[顶](/tags/#top)、[主](/units/baihe/#main)。\n\n"
            "见[错](/interviews/er/#下一阶段的打算)、\n"
            "[原样](/interviews/er/#问题一：进展如何？)、[错码](/interviews/er/#%E6%89%93%E7%AE%97)、"
            "[相对](../interviews/er/#问题三)、[单位](/units/baihe/#tallies-headng)。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": TARGET})
    page = "the page /interviews/er/ (《白鹤镇访谈二》), which has no place"
    assert _place_warnings(root) == [
        ("content/interviews/a.md:15:6", f'the link "/interviews/er/#下一阶段的打算" leads to {page} "下一阶段的打算"',
         "did you mean /interviews/er/#下一阶段有什么打算?"),
        ("content/interviews/a.md:16:6", f'the link "/interviews/er/#问题一：进展如何？" leads to {page} "问题一：进展如何？": '
         "a heading's place is named by its text without signs, in lower case", "write /interviews/er/#问题一进展如何"),
        # Decoded in the message, as a browser looks for it; the hint finds the heading holding the words.
        ("content/interviews/a.md:16:38", f'the link "/interviews/er/#%E6%89%93%E7%AE%97" leads to {page} "打算"',
         "did you mean /interviews/er/#下一阶段有什么打算?"),
        # A relative link is read from the site root, as it is published; the hint keeps it as typed.
        ("content/interviews/a.md:16:79", f'the link "../interviews/er/#问题三" leads to {page} "问题三"',
         "link to one of its headings: ../interviews/er/#问题一进展如何, ../interviews/er/#下一阶段有什么打算"),
        ("content/interviews/a.md:16:107", 'the link "/units/baihe/#tallies-headng" leads to the page /units/baihe/, '
         'which has no place "tallies-headng"', "did you mean /units/baihe/#tallies-heading?")]
    # `sitegen check` says the same, and the links as fixed are not warned.
    assert [(w.location(), w.message) for w in check(BuildOptions(root=root)).problems] == [
        (location, message) for location, message, _ in _place_warnings(root)]
    fixed = (body.replace("#下一阶段的打算", "#下一阶段有什么打算").replace("#问题一：进展如何？", "#问题一进展如何")
             .replace("#%E6%89%93%E7%AE%97", "#%E4%B8%8B%E4%B8%80%E9%98%B6%E6%AE%B5%E6%9C%89%E4%BB%80%E4%B9%88"
                      "%E6%89%93%E7%AE%97").replace("#问题三", "#fnref-1").replace("headng", "heading"))
    (root / "content/interviews/a.md").write_text(interview(body=fixed), encoding="utf-8")
    assert _place_warnings(root) == []


def test_a_link_to_a_place_under_the_base_path_is_read_as_the_site_path_after_it(tmp_path: Path) -> None:
    body = "## 问\n\n见[全](/qingpu/interviews/er/#问题一进展如何)和[错](/qingpu/interviews/er/#问题二)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": TARGET},
                      config="title: 测试站点\nbase_url: https://example.org/qingpu/\n")
    # Both are told to leave the base path out (as typed they lead nowhere in the preview, at the root), the
    # place checked as the page after it has it: the hint once offered /qingpu/interviews/er/#问题一进展如何, which
    # followed was then warned of itself.
    typed_with_base = ("starts with the path of base_url (/qingpu/), but links are read from the site's root (sitegen "
                       "adds that path where the site is published): as typed, it leads nowhere in the preview "
                       "(sitegen serve) or when the site is built for another address")
    assert _place_warnings(root) == [
        ("content/interviews/a.md:13:6", f'the link "/qingpu/interviews/er/#问题一进展如何" {typed_with_base}',
         "write it without /qingpu: /interviews/er/#问题一进展如何 (it then works at whatever address the site is "
         "published)"),
        ("content/interviews/a.md:13:42", f'the link "/qingpu/interviews/er/#问题二" {typed_with_base}',
         "write it without /qingpu: /interviews/er/ (it then works at whatever address the site is published); "
         'the page /interviews/er/ (《白鹤镇访谈二》) has no place "问题二": link to one of its headings: '
         "/interviews/er/#问题一进展如何, /interviews/er/#下一阶段有什么打算")]
    fixed = body.replace("/qingpu/", "/").replace("#问题二", "#下一阶段有什么打算")  # the hints, followed
    (root / "content/interviews/a.md").write_text(interview(body=fixed), encoding="utf-8")
    assert _place_warnings(root) == []


def test_a_place_in_ascii_in_the_same_page_is_checked_against_the_page_and_its_layout(tmp_path: Path) -> None:
    # "#mian" and "#note-1" were never checked: an ASCII place might have been the theme's (#main), unknown then.
    body = ("## 问\n\n回答[^1]。[正文](#main)、[顶](#Top)、[文](#:~:text=回答)、[回注](#fnref-1)、"
            "[错](#mian)、[注](#note-1)。\n\n[^1]: 注释。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    assert _place_warnings(root) == [
        # The theme's id nearest in spelling, of this page's layout or of base.html.
        ("content/interviews/a.md:13:66", 'the link "#mian" leads to no place in the page', "did you mean #main?"),
        ("content/interviews/a.md:13:77", 'the link "#note-1" leads to no place in the page',
         "link to one of its headings: #问")]
    (root / "content/interviews/a.md").write_text(
        interview(body=body.replace("#mian", "#main").replace("#note-1", "#fn-1")), encoding="utf-8")
    assert _place_warnings(root) == []


def test_a_page_without_headings_is_told_so(tmp_path: Path) -> None:
    body = "## 问\n\n见[无](/interviews/er/#问题一)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": interview("无标题", extra="slug: er\n", body="只有正文。\n")})
    assert _place_warnings(root) == [
        ("content/interviews/a.md:13:6", 'the link "/interviews/er/#问题一" leads to the page /interviews/er/ (《无标题》), '
         'which has no place "问题一"', "the page has no heading (##) to link to: link to the page itself "
         "(/interviews/er/), or add the heading to content/interviews/er.md")]


def test_a_layout_that_shows_markdown_on_other_pages_leaves_places_unchecked(tmp_path: Path) -> None:
    # The home page then holds the headings of an interview: no place can be said missing from any page.
    body = "## 问\n\n见[首页](/#问题一进展如何)和[错](/interviews/er/#问题二)。\n"
    home = ('{% extends "base.html" %}{% block main %}{% for e in site.interviews %}'
            "{{ e.document.rendered.html|rebase }}{% endfor %}{% endblock %}")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": TARGET, "templates/home.html": home})
    assert _place_warnings(root) == []
    (root / "templates/home.html").unlink()
    assert [location for location, _, _ in _place_warnings(root)] == ["content/interviews/a.md:13:7",
                                                                      "content/interviews/a.md:13:22"]


def test_the_places_of_a_layout_are_read_from_its_templates_and_scripts(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"templates/unit.html": (
        '<h2 id="own">x</h2><p id=\'tick-{{ n }}-end\'></p><a name="old"></a><div data-id="{{ x }}"></div>'
        '<script>el.id = "made"; el.setAttribute("id", "set"); if (a.id == b) {}</script>')})
    places = layout_places(load_config(root, Report()))
    assert {"own", "old", "made", "set", "main", "toc-heading"} <= places.ids
    assert places.own["unit.html"] == ("own", "old", "made", "set")
    assert [places.may_have(place) for place in ("tick-3-end", "tick-", "chart-0123456789-t", "data", "x")] == [
        True, False, True, False, False]
    # An id the theme makes in a way that cannot be read may be any id.
    (root / "templates/unit.html").write_text("<script>el.id = name;</script>", encoding="utf-8")
    assert layout_places(load_config(root, Report())).may_have("anything")


def test_no_place_of_the_example_site_is_warned_missing(tmp_path: Path) -> None:
    # Every id of every page a build writes, linked from a page's text: none may be warned (a false warning
    # would teach editors to ignore the real ones).
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    output = root / "output"
    links = []
    for file in sorted(output.rglob("index.html")):
        url = "/" + file.parent.relative_to(output).as_posix() + "/"
        for place in parse_html(file).xpath("//@id"):
            links.append(f"[{len(links)}]({url.replace('/./', '/')}#{place})")
    assert len(links) > 100
    body = "## 问\n\n" + "、".join(links) + "。\n"
    (root / "content/interviews/links.md").write_text(
        re.sub(r"(?s)\n---\n.*", "\n---\n\n" + body, (root / "content/interviews/2018-05-baihe-dadiaoyan.md")
               .read_text(encoding="utf-8").replace("slug: baihe-dadiaoyan-weifangtan", "slug: links"), count=1),
        encoding="utf-8")
    assert [w for w in build(BuildOptions(root=root, search=False)).warnings if "no place" in w.message] == []


def _hrefs(root: Path, url: str) -> list[str]:
    """The hrefs of the links in the text of the page at ``url``, as built."""
    build(BuildOptions(root=root, search=False))
    page = parse_html(root / "output" / url.strip("/") / "index.html")
    return [str(href) for href in page.xpath('//div[@class="body"]//p//a/@href') if "fn" not in href]


def _follow(root: Path, body: str, hints: dict[str, str]) -> None:
    """Write the page content/interviews/a.md with each link typed as its hint wrote it."""
    for typed, written in hints.items():
        body = body.replace(f"]({typed})", f"]({written})")
    (root / "content/interviews/a.md").write_text(interview(body=body), encoding="utf-8")


def test_a_hint_that_rewrites_a_links_address_keeps_its_place_and_query_and_checks_the_place(tmp_path: Path) -> None:
    # Followed as it was, the hint dropped the "#…": a clean check, and a link to the top of the page.
    body = ("## 问\n\n[全](https://example.org/interviews/er/#问题一进展如何)、[文件](er.md#问题一进展如何)、"
            "[上](../interviews/er.md?v=2#下一阶段有什么打算)、\n"
            "[缺](er.md#问题三)、[全缺](https://example.org/interviews/er/#问题三)。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": TARGET})
    lacks = ('; the page /interviews/er/ (《白鹤镇访谈二》) has no place "问题三": link to one of its headings: '
             "/interviews/er/#问题一进展如何, /interviews/er/#下一阶段有什么打算")
    in_full = "(it then works at whatever address the site is published)"
    file = "(link to the page's address, not to its file er.md)"
    assert [(location, hint) for location, _, hint in _place_warnings(root)] == [
        ("content/interviews/a.md:13:5", f"link to it from the site's root: write /interviews/er/#问题一进展如何 {in_full}"),
        ("content/interviews/a.md:13:54", f"did you mean /interviews/er/#问题一进展如何? {file}"),
        ("content/interviews/a.md:13:73", f"did you mean /interviews/er/?v=2#下一阶段有什么打算? {file}"),
        ("content/interviews/a.md:14:5", f"did you mean /interviews/er/? {file}{lacks}"),
        ("content/interviews/a.md:14:21", f"link to it from the site's root: write /interviews/er/ {in_full}{lacks}")]
    _follow(root, body, {"https://example.org/interviews/er/#问题一进展如何": "/interviews/er/#问题一进展如何",
                         "er.md#问题一进展如何": "/interviews/er/#问题一进展如何",
                         "../interviews/er.md?v=2#下一阶段有什么打算": "/interviews/er/?v=2#下一阶段有什么打算",
                         "er.md#问题三": "/interviews/er/#下一阶段有什么打算",
                         "https://example.org/interviews/er/#问题三": "/interviews/er/#问题一进展如何"})
    assert _place_warnings(root) == []
    first, second = "#%E9%97%AE%E9%A2%98%E4%B8%80%E8%BF%9B%E5%B1%95%E5%A6%82%E4%BD%95", \
        "#%E4%B8%8B%E4%B8%80%E9%98%B6%E6%AE%B5%E6%9C%89%E4%BB%80%E4%B9%88%E6%89%93%E7%AE%97"
    assert _hrefs(root, "/interviews/a/") == [
        f"/interviews/er/{first}", f"/interviews/er/{first}", f"/interviews/er/?v=2{second}",
        f"/interviews/er/{second}", f"/interviews/er/{first}"]


def test_the_sites_own_address_under_a_base_path_keeps_its_place_in_the_hint(tmp_path: Path) -> None:
    body = "## 问\n\n[全](https://example.org/qingpu/interviews/er/#问题一进展如何)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/er.md": TARGET},
                      config="title: 测试站点\nbase_url: https://example.org/qingpu/\n")
    assert [hint for _, _, hint in _place_warnings(root)] == [
        "link to it from the site's root: write /interviews/er/#问题一进展如何 (it then works at whatever address "
        "the site is published)"]
    _follow(root, body, {"https://example.org/qingpu/interviews/er/#问题一进展如何": "/interviews/er/#问题一进展如何"})
    assert _place_warnings(root) == []
    assert _hrefs(root, "/interviews/a/") == [
        "/qingpu/interviews/er/#%E9%97%AE%E9%A2%98%E4%B8%80%E8%BF%9B%E5%B1%95%E5%A6%82%E4%BD%95"]


def test_a_place_typed_after_dot_slash_is_taken_for_one_of_this_page_not_of_the_home_page(tmp_path: Path) -> None:
    # "./#问" is read from the site's root (the home page); its hint "./" led there, to the top of the home page.
    body = "## 问\n\n[本](./#问)、[错](./#问三)、[主](./#mian)、[首](./#main)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    read = "a link without https:// is read from the site's root"
    alone = "a place in this page is linked with # alone, and it has no such place"
    assert _place_warnings(root) == [
        ("content/interviews/a.md:13:5", f'the link "./#问" leads to the home page /, which has no place "问": {read}',
         "to link to the place in this page, write #问"),
        ("content/interviews/a.md:13:15", f'the link "./#问三" leads to the home page /, which has no place "问三": '
         f"{read}", f"{alone}: link to one of its headings: #问"),
        ("content/interviews/a.md:13:26", f'the link "./#mian" leads to the home page /, which has no place "mian": '
         f"{read}", f"{alone}: did you mean #main?")]
    _follow(root, body, {"./#问": "#问", "./#问三": "#问", "./#mian": "#main"})
    assert _place_warnings(root) == []
    assert _hrefs(root, "/interviews/a/") == ["#问", "#问", "#main", "/#main"]


def test_a_missing_place_is_offered_only_ids_its_own_page_has(tmp_path: Path) -> None:
    # tallies-heading is an id of unit.html, not of an interview's page: offered, it would lead nowhere.
    body = "## 问\n\n[表](#tallies-headng)、[模](#reading-mod)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    assert _place_warnings(root) == [
        ("content/interviews/a.md:13:5", 'the link "#tallies-headng" leads to no place in the page',
         "link to one of its headings: #问"),
        ("content/interviews/a.md:13:26", 'the link "#reading-mod" leads to no place in the page',
         "did you mean #reading-mode?")]
    _follow(root, body, {"#tallies-headng": "#问", "#reading-mod": "#reading-mode"})
    assert _place_warnings(root) == []
    assert _hrefs(root, "/interviews/a/") == ["#问", "#reading-mode"]


def test_a_place_named_at_a_headings_end_is_the_headings_on_the_page_in_its_contents_and_in_the_feed(
        tmp_path: Path) -> None:
    # "## 下一步 {#xia}" (as in Hugo or Pandoc) was published with "{#xia}" in the heading, the table of contents
    # and the feed, its id 下一步-xia, and the links to #xia were warned as leading nowhere.
    body = "## 问题一\n\n回答，见[本页锚点](#xia)。\n\n## 下一步 {#xia}\n\n回答。\n"
    root = write_site(tmp_path, {"content/interviews/er.md": interview("白鹤镇访谈二", extra="slug: er\n", body=body),
                                 "content/interviews/a.md": interview(body="## 问\n\n见[下一步](/interviews/er/#xia)。\n")})
    assert _place_warnings(root) == []
    page = parse_html(root / "output/interviews/er/index.html")
    assert [(h.get("id"), h.text_content()) for h in page.xpath("//div[@class='body']/h2")] == [
        ("问题一", "问题一"), ("xia", "下一步")]
    assert [(a.get("href"), a.text_content()) for a in page.xpath("//nav[@class='toc']//a")] == [
        ("#问题一", "问题一"), ("#xia", "下一步")]
    feed = (root / "output/feed.xml").read_text(encoding="utf-8")
    assert "&lt;h2 id=\"xia\"&gt;下一步&lt;/h2&gt;" in feed
    assert "{#xia}" not in feed


def test_the_ids_no_heading_takes_are_those_the_default_themes_layouts_give(tmp_path: Path) -> None:
    # The conversion keeps headings off them without reading the theme: they must be the theme's as it is.
    places = layout_places(load_config(write_site(tmp_path, {}), Report()))
    assert LAYOUT_IDS == places.ids


def test_no_heading_has_an_id_the_layout_gives_and_the_contents_lead_to_the_headings(tmp_path: Path) -> None:
    # "## Main" and "## 主要做法 {#main}" were published id="main", as the layout's <main id="main">, the skip
    # link's target: the page had two elements of one id, and the table of contents led to the layout's.
    body = "## Main\n\n回答。\n\n## 主要做法 {#main}\n\n回答。\n\n## Downloads\n\n回答。\n\n## Toc Heading\n\n回答。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    assert _place_warnings(root) == [
        ("content/interviews/a.md:15:9", 'the id "main" is one the theme gives an element of the page (id="main" in '
         "its layout), so a link to #main leads there, not here",
         "give this heading an id of its own: ## 主要做法 {#main-2}")]
    page = parse_html(root / "output/interviews/a/index.html")
    ids = [element.get("id") for element in page.xpath("//*[@id]")]
    assert [name for name in ids if ids.count(name) > 1] == []
    assert [(h.get("id"), h.text_content()) for h in page.xpath("//div[@class='body']/h2")] == [
        ("main_2", "Main"), ("main_1", "主要做法"), ("downloads_1", "Downloads"), ("toc-heading_1", "Toc Heading")]
    assert [a.get("href") for a in page.xpath("//nav[@class='toc']//a")] == [
        "#main_2", "#main_1", "#downloads_1", "#toc-heading_1"]
    assert page.xpath("//a[@class='skip-link']/@href") == ["#main"]
    assert page.xpath("//*[@id='main']")[0].tag == "main"


def test_a_heading_given_an_id_a_sites_own_template_adds_is_warned_at_the_heading(tmp_path: Path) -> None:
    theme = (default_theme_dir() / "interview.html").read_text(encoding="utf-8")
    own = theme.replace('<nav class="toc"', '<p id="xia-yi-bu">下一步见下文</p><nav class="toc"', 1)
    assert own != theme
    body = "## 问题\n\n回答。\n\n## Xia Yi Bu ##\n\n回答。\n"
    files = {"templates/interview.html": own, "content/interviews/a.md": interview(body=body)}
    told = ('the id "xia-yi-bu"{} is one the theme gives an element of the page (id="xia-yi-bu" in '
            "templates/interview.html), so a link to #xia-yi-bu leads there, not here")
    assert _place_warnings(write_site(tmp_path / "made", files)) == [
        ("content/interviews/a.md:15:4", told.format(" made from this heading's text"),
         "give this heading an id of its own: ## Xia Yi Bu {#xia-yi-bu-2}")]
    typed = {**files, "content/interviews/a.md": interview(body=body.replace("Xia Yi Bu ##", "下一步 {#xia-yi-bu}"))}
    assert _place_warnings(write_site(tmp_path / "typed", typed)) == [
        ("content/interviews/a.md:15:8", told.format(""), "give this heading an id of its own: ## 下一步 {#xia-yi-bu-2}")]
    followed = {**files, "content/interviews/a.md": interview(body=body.replace("Xia Yi Bu ##",
                                                                              "Xia Yi Bu {#xia-yi-bu-2}"))}
    root = write_site(tmp_path / "followed", followed)
    assert _place_warnings(root) == []
    ids = parse_html(root / "output/interviews/a/index.html").xpath("//*[@id]/@id")
    assert "xia-yi-bu-2" in ids and len(ids) == len(set(ids))


def test_a_drafts_heading_given_an_id_a_sites_own_template_adds_is_warned_before_it_is_published(
        tmp_path: Path) -> None:
    # Only published pages were looked at: a draft, as sitegen new writes it, heard of it at draft: false.
    theme = (default_theme_dir() / "interview.html").read_text(encoding="utf-8")
    own = theme.replace('<nav class="toc"', '<p id="xia-yi-bu">下一步见下文</p><nav class="toc"', 1)
    body = "## 问题\n\n回答。\n\n## 下一步 {#xia-yi-bu}\n\n回答。\n"
    root = write_site(tmp_path / "site", {
        "templates/interview.html": own, "content/interviews/a.md": interview(),
        "content/interviews/draft.md": interview("草稿", extra="draft: true\n", body=body),
        "content/interviews/later.md": interview("预告", date="2030-01-05 10:00", body=body)})
    told = ('the id "xia-yi-bu" is one the theme gives an element of the page (id="xia-yi-bu" in '
            "templates/interview.html), so a link to #xia-yi-bu leads there, not here")
    hint = "give this heading an id of its own: ## 下一步 {#xia-yi-bu-2}"
    assert _place_warnings(root, now=datetime(2026, 12, 2, 9, 0)) == [
        ("content/interviews/draft.md:16:8", told, hint), ("content/interviews/later.md:15:8", told, hint)]
