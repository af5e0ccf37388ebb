"""The site is right at a domain root and under a sub-path: every link of every HTML and XML file.

The bundled example, plus an interview whose Markdown has editor-written
root-relative links, is built twice: with ``https://example.org/`` and with
``--base-url https://example.org/qingpu/diaoyan/``. Every href/src/action of
every HTML page (and og:url, og:image, JSON-LD addresses), and every link,
id and loc of every feed and of the sitemap must start with the base path or
the base URL, or be an in-page anchor or an external address; each internal
one must name a file that was built.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.build import BuildOptions, check
from sitegen.errors import SiteError
from sitegen.webaddress import address_path

from .sitekit import (MINIMAL_CONFIG, REPO, build_at, copy_example, edit_file, file_for, fingerprinted, html_links,
                      interview, json_ld_of, parse_html, tree_hashes, write_site, xml_links)

SUB = "https://example.org/qingpu/diaoyan/"
ROOT = "https://example.org/"
EDITOR_BODY = ("见[案例](/cases/baihe-caomei/)，[单位]({unit})，"
               "[脚注](#fn)与[外站](https://www.shcafe.org/)。\n\n![草莓](/images/baihe-caomei.svg)\n")
EXTERNAL_HOSTS = {"www.shcafe.org", "www.sitemaps.org", "www.w3.org", "schema.org"}


@pytest.fixture(scope="module", params=[ROOT, SUB], ids=["root", "sub-path"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = copy_example(tmp_path_factory.mktemp("base"))
    # Under the sub-path the unit link is typed with the base path already (copied from the browser's address
    # bar: warned, but published as it works there).
    unit = urlsplit(request.param).path + "units/baihe/"
    text = interview("编辑写的链接", date="2018-05-04 09:00", body=EDITOR_BODY.format(unit=unit))
    text = text.replace("series: dadiaoyan", "series: dadiaoyan-weifangtan")
    (root / "content/interviews/links.md").write_text(text, encoding="utf-8")
    return request.param, build_at(root, request.param)


def _is_external(link: str) -> bool:
    parts = urlsplit(link)
    return bool(parts.scheme) and parts.netloc != "example.org" or link.startswith("mailto:")


def _check(link: str, base_url: str, output: Path, where: str) -> None:
    base_path = urlsplit(base_url).path
    if link.startswith("#") or _is_external(link):
        return
    assert link.startswith((base_path, base_url)), f"{where}: {link} is outside {base_path}"
    target = file_for(output, base_path, urlsplit(link).path)
    assert target is not None and target.is_file(), f"{where}: {link} names no built file"


def test_every_link_of_every_html_page(built: tuple[str, Path]) -> None:
    base_url, output = built
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        links = html_links(html)
        assert links, html
        for link in links:
            _check(link, base_url, output, html.relative_to(output).as_posix())


def test_every_link_of_every_feed_and_the_sitemap(built: tuple[str, Path]) -> None:
    base_url, output = built
    files = sorted(output.rglob("*.xml"))
    assert {f.relative_to(output).as_posix() for f in files} >= {
        "feed.xml", "sitemap.xml", "series/dadiaoyan-weifangtan/feed.xml", "units/baihe/feed.xml"}
    for xml in files:
        for link in xml_links(xml):
            # A feed has no xml:base: a "#…" in an entry would be read against the feed's own address.
            assert not link.startswith("#"), f"{xml.relative_to(output)}: {link} is relative to the feed"
            if _is_external(link):
                continue
            assert link.startswith(base_url), f"{xml.relative_to(output)}: {link} is not absolute under {base_url}"
            _check(link, base_url, output, xml.relative_to(output).as_posix())


def test_absolute_addresses_in_head_and_data_files(built: tuple[str, Path]) -> None:
    base_url, output = built
    page = parse_html(output / "interviews/baihe-dadiaoyan-weifangtan/index.html")
    canonical = page.cssselect('link[rel="canonical"]')[0].get("href")
    assert canonical == base_url + "interviews/baihe-dadiaoyan-weifangtan/"
    og = {m.get("property"): m.get("content") for m in page.cssselect("meta[property]")}
    assert og["og:url"] == canonical and "og:image" not in og  # its pictures are SVG: see test_site
    assert (output / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {base_url}sitemap.xml\n")
    package = json.loads((output / "datapackage.json").read_bytes())
    assert package["homepage"] == base_url
    [unit] = json.loads((output / "data/units.json").read_bytes())
    assert unit["url"] == base_url + "units/baihe/"
    css = page.cssselect('link[rel="stylesheet"]')[0].get("href")
    assert css == urlsplit(base_url).path + fingerprinted(output, "assets/site.css")


def test_editor_root_relative_links_get_the_base_path(built: tuple[str, Path]) -> None:
    base_url, output = built
    base_path = urlsplit(base_url).path
    body = parse_html(output / "interviews/links/index.html").cssselect(".body")[0]
    links = [link for _, _, link, _ in body.iterlinks()]
    assert links == [base_path + "cases/baihe-caomei/", base_path + "units/baihe/",  # never prefixed twice
                     "#fn", "https://www.shcafe.org/", base_path + "images/baihe-caomei.svg"]


def test_json_ld_addresses_under_a_chinese_sub_path_are_encoded_as_the_canonical(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    output = build_at(root, "https://example.org/青浦/调研/")
    base = "https://example.org/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"
    pages = {rel: parse_html(output / rel) for rel in ("index.html", "interviews/a/index.html",
                                                        "units/baihe/index.html", "dashboard/index.html")}
    canonical = {rel: page.cssselect('link[rel="canonical"]')[0].get("href") for rel, page in pages.items()}
    assert canonical == {"index.html": base, "interviews/a/index.html": base + "interviews/a/",
                         "units/baihe/index.html": base + "units/baihe/", "dashboard/index.html": base + "dashboard/"}
    data = {rel: json_ld_of(page)[0] for rel, page in pages.items()}
    for rel, item in data.items():
        assert item["url"] == canonical[rel], rel
    home, article = data["index.html"], data["interviews/a/index.html"]
    assert home["publisher"] == {"@type": "Organization", "name": "测试站点", "url": canonical["index.html"]}
    assert article["mainEntityOfPage"] == canonical["interviews/a/index.html"]
    assert article["publisher"]["url"] == canonical["index.html"]
    assert article["about"]["url"] == canonical["units/baihe/index.html"]
    assert article["isPartOf"]["url"] == base + "series/dadiaoyan/"
    assert data["units/baihe/index.html"]["creator"]["url"] == canonical["index.html"]
    assert data["dashboard/index.html"]["distribution"][0]["contentUrl"].startswith(base + "data/")
    # No address of these pages (links, og:url, JSON-LD) holds the sub-path unencoded.
    assert not [link for rel in pages for link in html_links(output / rel) if "青浦" in link or "调研" in link]


@pytest.mark.parametrize("base_url", ["https://example.org/青浦/调研/",
                                      "https://example.org/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"])
def test_a_link_with_the_base_path_in_either_spelling_is_not_prefixed_again_and_is_checked(
        tmp_path: Path, base_url: str) -> None:
    # Under /青浦/调研/ typed in Chinese, a link copied from the address bar (/%E9%9D%92…/units/baihe/) got the
    # base path again, led nowhere, unwarned; typed encoded, the link in Chinese did, and the encoded one was
    # warned "leads to no page" though it worked. Both are published to the page, and warned alike that the base
    # path is not to be typed (as typed they lead nowhere in the preview, or built for another address).
    from sitegen.build import BuildOptions, check
    encoded = "/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"
    body = (f"[甲]({encoded}units/baihe/)，[乙](/青浦/调研/units/baihe/)，[丙](https://example.org/青浦/调研/units/baihe/)，"
            f"[丁]({encoded}units/nope/)，[戊](https://example.org{encoded}units/nope/)。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    warned = [(p.column, p.message) for p in check(BuildOptions(root=root, base_url=base_url)).problems]
    typed_with_base = ("starts with the path of base_url (/青浦/调研/), but links are read from the site's root "
                       "(sitegen adds that path where the site is published): as typed, it leads nowhere in the "
                       "preview (sitegen serve) or when the site is built for another address")
    assert warned == [
        (5, f'the link "{encoded}units/baihe/" {typed_with_base}'),
        (62, f'the link "/青浦/调研/units/baihe/" {typed_with_base}'),
        (87, 'the link "https://example.org/青浦/调研/units/baihe/" is this site\'s own address typed in full'),
        (131, f'the link "{encoded}units/nope/" leads to no page or file of this site'),
        (187, f'the link "https://example.org{encoded}units/nope/" is this site\'s own address typed in full, and '
              "leads to no page or file of this site")]
    output = build_at(root, base_url)
    links = [link for _, _, link, _ in parse_html(output / "interviews/a/index.html").cssselect(".body")[0].iterlinks()]
    assert links[:2] == [encoded + "units/baihe/"] * 2
    assert (output / "units/baihe/index.html").is_file()


@pytest.mark.parametrize("typed", ["http://127.0.0.1:18085/q/%2e%2e/", "http://127.0.0.1:18085/q/%2E%2e/",
                                   "http://127.0.0.1:18085/q/.%2e/", "http://127.0.0.1:18085/q/%2e./"])
def test_a_percent_encoded_dot_segment_in_the_base_url_is_refused_as_the_dots_are(tmp_path: Path, typed: str) -> None:
    # --base-url …/q/%2e%2e/ built pages linking href="/q/%2e%2e/assets/site.css", which browsers read as
    # /assets/site.css, outside the sub-path, while …/q/../ was refused.
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    with pytest.raises(SiteError) as refused:
        build_at(root, typed)
    escaped = typed.split("/")[-2]
    assert [p.format() for p in refused.value.problems] == [
        f'sitegen: error: --base-url: "{typed}" has "." or ".." in its path ({escaped}: %2e is "." percent-encoded, '
        'and browsers read it so)\n  hint: write the address without them: http://127.0.0.1:18085/']
    # Followed: every link of the site is under the address given, and names a file built.
    output = build_at(root, "http://127.0.0.1:18085/")
    css = parse_html(output / "index.html").cssselect('link[rel="stylesheet"]')[0].get("href")
    assert css == "/" + fingerprinted(output, "assets/site.css") and (output / css.lstrip("/")).is_file()


def test_a_folder_whose_name_only_holds_an_encoded_dot_is_no_dot_segment(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    output = build_at(root, "http://127.0.0.1:18085/q/%2e%2ex/")  # the folder "..x"
    css = parse_html(output / "index.html").cssselect('link[rel="stylesheet"]')[0].get("href")
    assert unquote(css) == "/q/..x/" + fingerprinted(output, "assets/site.css")


SPELLINGS = ["https://example.org/青浦/调研/", "https://example.org/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/",
             "https://example.org/%e9%9d%92%e6%b5%a6/%e8%b0%83%e7%a0%94/",
             "https://example.org/青浦/%E8%B0%83%E7%A0%94/"]


def test_a_base_path_typed_in_chinese_or_percent_encoded_makes_the_same_site(tmp_path: Path) -> None:
    # Typed encoded, a link typed with the base path (copied from the address bar) was prefixed twice and
    # warned; typed in Chinese, an alias under the base path was published twice under it, unwarned.
    body = ("见[白鹤镇](/青浦/调研/units/baihe/)与[首页](https://example.org/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"
            "units/baihe/)。\n")
    page = interview(body=body, extra="aliases: [/青浦/调研/old/]\n")
    seen = []
    for number, base_url in enumerate(SPELLINGS):
        root = write_site(tmp_path / str(number), {"content/interviews/a.md": page})
        problems = check(BuildOptions(root=root, base_url=base_url)).problems
        output = build_at(root, base_url)
        links = [link for _, _, link, _ in parse_html(output / "interviews/a/index.html").cssselect(".body")[0]
                 .iterlinks()]
        seen.append(([(p.location(), p.message, p.hint) for p in problems], links))
    base = "/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"
    assert seen == [seen[0]] * len(SPELLINGS)
    assert seen[0] == ([
        ("content/interviews/a.md:9:11", "the alias /青浦/调研/old/ starts with the path of base_url (/青浦/调研/), but "
         "aliases are read from the site's root: its page is at /青浦/调研/青浦/调研/old/",
         "write it without /青浦/调研: /old/"),
        ("content/interviews/a.md:12:8", 'the link "/青浦/调研/units/baihe/" starts with the path of base_url (/青浦/调研/), '
         "but links are read from the site's root (sitegen adds that path where the site is published): as typed, "
         "it leads nowhere in the preview (sitegen serve) or when the site is built for another address",
         "write it without /青浦/调研: /units/baihe/ (it then works at whatever address the site is published)"),
        ("content/interviews/a.md:12:34", 'the link "https://example.org/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/units/'
         'baihe/" is this site\'s own address typed in full',
         "link to it from the site's root: write /units/baihe/ (it then works at whatever address the site is "
         "published)")],
        [base + "units/baihe/", "https://example.org" + base + "units/baihe/"])


def test_a_base_urls_scheme_and_host_in_capitals_make_the_same_site(tmp_path: Path) -> None:
    # HTTPS://Example.gov.cn/ was published with its host as typed in every canonical link, the sitemap and the
    # feed entries' ids: typed in lower case later, every entry's id changed and feed readers showed them anew.
    built = [tree_hashes(build_at(copy_example(tmp_path / name), base_url))
             for name, base_url in (("typed", "HTTPS://Example.GOV.cn/qingpu/diaoyan/"),
                                    ("lower", "https://example.gov.cn/qingpu/diaoyan/"))]
    assert built[0] == built[1]
    assert b'<link rel="canonical" href="https://example.gov.cn/qingpu/diaoyan/">' in built[0]["index.html"]
    assert b"Example" not in built[0]["sitemap.xml"] + built[0]["feed.xml"]


@pytest.mark.parametrize("name", ["sitemap.xml", "feed.xml", "robots.txt", "data.json", "report.pdf"])
def test_a_base_url_ending_in_a_file_is_refused_and_the_folder_offered_builds(tmp_path: Path, name: str) -> None:
    # The address of the sitemap, copied from the browser, was taken for the folder: canonical
    # https://example.gov.cn/reports/baihe/sitemap.xml/ and every stylesheet /reports/baihe/sitemap.xml/assets/….
    typed = f"https://example.gov.cn/reports/baihe/{name}"
    root = write_site(tmp_path, {"content/interviews/a.md": interview()}, config=f"title: 测试站点\nbase_url: {typed}\n")
    problems = check(BuildOptions(root=root)).problems
    assert [(p.location(), p.message.partition(" is the address of ")[0]) for p in problems] == [
        ("site.yaml:2:11", f'base_url: "{typed}"')]
    meant = problems[0].hint.split(": ", 1)[1].split(" (if ")[0]
    assert meant == "https://example.gov.cn/reports/baihe/"
    edit_file(root, "site.yaml", typed, meant)  # the hint followed
    assert check(BuildOptions(root=root)).problems == []
    output = build_at(root)
    assert parse_html(output / "index.html").cssselect('link[rel="canonical"]')[0].get("href") == meant


@pytest.mark.parametrize(("typed", "said", "hint"), [
    # Each was published: canonical https://example.gov.cn/reports/baihe/,/ (and …/&#39;/ for the quote).
    ("https://example.gov.cn/reports/baihe/,", 'ends in ","', 'delete the "," at the end'),
    ("https://example.gov.cn/reports/baihe/;", 'ends in ";"', 'delete the ";" at the end'),
    ("https://example.gov.cn/reports/baihe/)", 'ends in ")"', 'delete the ")" at the end'),
    ("https://example.gov.cn/reports/baihe/!", 'ends in "!"', 'delete the "!" at the end'),
    ("https://example.gov.cn/reports/baihe/'", "ends in \"'\"", "delete the \"'\" at the end"),
    ("https://example.gov.cn/reports/baihe/>", 'ends in ">"', 'delete the ">" at the end'),
    ("https://example.gov.cn/reports/baihe/]", 'ends in "]"', 'delete the "]" at the end'),
    ("https://example.gov.cn/reports/baihe/).", 'ends in ")."', 'delete the ")." at the end'),
    ("https://example.gov.cn/reports/baihe/）。", 'ends in "）。"', 'delete the "）。" at the end'),
    ('https://example.gov.cn/reports/baihe/"', 'ends in the quote "', 'delete the quote " at the end'),
])
def test_a_base_url_copied_with_ascii_punctuation_at_its_end_is_refused(tmp_path: Path, typed: str, said: str,
                                                                        hint: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()},
                      config=f"title: 测试站点\nbase_url: {typed}\n")
    meant = "https://example.gov.cn/reports/baihe/"
    told = f"{said}, which would be taken as part of the address\n  hint: {hint}: {meant}"
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [
        f'site.yaml:2:11: error: base_url: "{typed}" {told}']
    with pytest.raises(SiteError) as refused:
        build_at(root, typed)
    assert [p.format() for p in refused.value.problems] == [f'sitegen: error: --base-url: "{typed}" {told}']
    edit_file(root, "site.yaml", typed, meant)  # the hint followed
    assert check(BuildOptions(root=root)).problems == []
    assert parse_html(build_at(root) / "index.html").cssselect('link[rel="canonical"]')[0].get("href") == meant


def test_a_closing_bracket_opened_in_the_base_url_is_part_of_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    output = build_at(root, "https://example.org/report(2018)")
    assert parse_html(output / "index.html").cssselect('link[rel="canonical"]')[0].get("href") == \
        "https://example.org/report(2018)/"


def test_a_folder_named_with_a_dot_is_a_folder_when_the_address_says_so(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    for typed, published in (("https://example.org/v1.2", "https://example.org/v1.2/"),
                             ("https://example.org/site.v2/", "https://example.org/site.v2/")):
        output = build_at(root, typed)
        assert parse_html(output / "index.html").cssselect('link[rel="canonical"]')[0].get("href") == published


@pytest.mark.parametrize(("typed", "usual"), [
    ("https://example.gov.cn:443/reports/", "https://example.gov.cn/reports/"),
    ("http://example.gov.cn:80/reports/", "http://example.gov.cn/reports/"),
    ("https://example.gov.cn./reports/", "https://example.gov.cn/reports/"),
    ("HTTPS://Example.gov.cn.:443/reports", "https://example.gov.cn/reports/"),
    ("https://example.gov.cn:/reports/", "https://example.gov.cn/reports/"),
    ("https://example.gov.cn.", "https://example.gov.cn/"),
])
def test_a_base_urls_default_port_and_the_dot_after_its_host_make_the_same_site(tmp_path: Path, typed: str,
                                                                                usual: str) -> None:
    # :443 (or :80 for http) and the dot of a full host name were kept in every canonical link, the sitemap and
    # the feed entries' ids: typed without them later, feed readers showed every entry anew.
    page = {"content/interviews/a.md": interview()}
    built = [tree_hashes(build_at(write_site(tmp_path / name, page), base_url))
             for name, base_url in (("typed", typed), ("usual", usual))]
    assert built[0] == built[1]
    assert f'<link rel="canonical" href="{usual}">'.encode() in built[0]["index.html"]
    assert f"<id>{usual}interviews/a/</id>".encode() in built[0]["feed.xml"]


def test_a_port_other_than_the_default_one_is_kept(tmp_path: Path) -> None:
    output = build_at(write_site(tmp_path, {"content/interviews/a.md": interview()}), "https://example.gov.cn:8443/r/")
    assert parse_html(output / "index.html").cssselect('link[rel="canonical"]')[0].get("href") == \
        "https://example.gov.cn:8443/r/"


@pytest.mark.parametrize(("typed", "spelled"), [
    ("/青浦/调研/", "/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/"), ("/%e9%9d%92%e6%b5%a6/", "/%E9%9D%92%E6%B5%A6/"),
    ("/q r/", "/q%20r/"), ("/q%20r/", "/q%20r/"), ("/a%2Fb/", "/a%2Fb/"),  # a "/" typed encoded stays in its part
    ("/100%/", "/100%25/"), ("/%ff/", "/%FF/"), ("/a~b(c)_d.e/", "/a~b(c)_d.e/"), ("/", "/"),
])
def test_a_base_path_is_spelled_one_way(typed: str, spelled: str) -> None:
    assert address_path(typed) == spelled and address_path(spelled) == spelled


# A page's text with links and pictures whose paths were copied from the browser's address bar of the site as
# published under /qingpu/dadiaoyan/: Markdown and HTML, with a place and a query.
COPIED_BASE = "https://example.gov.cn/qingpu/dadiaoyan/"
COPIED_BODY = ("## 问题一\n\n回答。\n\n[白鹤镇](/qingpu/dadiaoyan/units/baihe/) ![图](/qingpu/dadiaoyan/images/a.svg)\n\n"
               '<a href="/qingpu/dadiaoyan/units/baihe/?from=a">数</a> '
               '<img src="/qingpu/dadiaoyan/images/a.svg?v=2" alt="图">\n\n[问](/qingpu/dadiaoyan/interviews/a/#问题一)\n')
_COPIED_LINK = ("the link \"{typed}\" starts with the path of base_url (/qingpu/dadiaoyan/), but links are read from "
                "the site's root (sitegen adds that path where the site is published): as typed, it leads nowhere in "
                "the preview (sitegen serve) or when the site is built for another address\n"
                "  hint: write it without /qingpu/dadiaoyan: {meant} (it then works at whatever address the site is "
                "published)")
_COPIED_PICTURE = ("image \"{typed}\" starts with the path of base_url (/qingpu/dadiaoyan/), but a picture's path is "
                   "read from content/, as from the site's root (sitegen adds that path where the site is published): "
                   "the file is content/images/a.svg\n"
                   "  hint: write it without /qingpu/dadiaoyan: {meant} (it then shows at whatever address the site "
                   "is published)")


def _copied_site(root: Path, body: str, config: str = "title: 测试站点\n") -> Path:
    picture = (REPO / "content/images/baihe-caomei.svg").read_bytes()
    return write_site(root, {"content/interviews/a.md": interview(body=body), "content/images/a.svg": picture},
                      config=config)


def _body_links(output: Path) -> list[str]:
    return [link for _, _, link, _ in parse_html(output / "interviews/a/index.html").cssselect(".body")[0].iterlinks()]


@pytest.mark.parametrize("in_site_yaml", [True, False], ids=["base_url", "--base-url"])
def test_a_link_or_picture_typed_with_the_base_path_is_told_the_path_to_write(tmp_path: Path,
                                                                              in_site_yaml: bool) -> None:
    # The link passed unwarned, published as typed (nowhere in the preview at the root, nor in a build for another
    # address: /other/qingpu/dadiaoyan/…); the picture was told "not found", with a hint about the page's folder.
    config = f"title: 测试站点\nbase_url: {COPIED_BASE}\n" if in_site_yaml else "title: 测试站点\n"
    base_url = None if in_site_yaml else COPIED_BASE
    root = _copied_site(tmp_path / "site", COPIED_BODY, config)
    told = [p.format() for p in check(BuildOptions(root=root, base_url=base_url)).problems]
    page = "content/interviews/a.md"
    assert told == [
        f"{page}:15:7: warning: " + _COPIED_LINK.format(typed="/qingpu/dadiaoyan/units/baihe/", meant="/units/baihe/"),
        f"{page}:15:44: warning: " + _COPIED_PICTURE.format(typed="/qingpu/dadiaoyan/images/a.svg",
                                                           meant="/images/a.svg"),
        f"{page}:17:10: warning: " + _COPIED_LINK.format(typed="/qingpu/dadiaoyan/units/baihe/?from=a",
                                                        meant="/units/baihe/?from=a"),
        f"{page}:17:65: warning: " + _COPIED_PICTURE.format(typed="/qingpu/dadiaoyan/images/a.svg?v=2",
                                                           meant="/images/a.svg?v=2"),
        f"{page}:19:5: warning: " + _COPIED_LINK.format(typed="/qingpu/dadiaoyan/interviews/a/#问题一",
                                                       meant="/interviews/a/#问题一")]
    typed = _body_links(build_at(root, base_url))
    # The hints, followed: a clean check, and the same links published under the sub-path, each to a file built.
    page_file = root / page
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("/qingpu/dadiaoyan/", "/"), encoding="utf-8")
    assert check(BuildOptions(root=root, base_url=base_url)).problems == []
    output = build_at(root, base_url)
    assert _body_links(output) == typed == [
        "/qingpu/dadiaoyan/units/baihe/", "/qingpu/dadiaoyan/images/a.svg", "/qingpu/dadiaoyan/units/baihe/?from=a",
        "/qingpu/dadiaoyan/images/a.svg?v=2", "/qingpu/dadiaoyan/interviews/a/#%E9%97%AE%E9%A2%98%E4%B8%80"]
    for link in typed:
        target = file_for(output, "/qingpu/dadiaoyan/", link)
        assert target is not None and target.is_file(), link
    # Built for another address, the links follow it (as typed before, they led to /other/qingpu/dadiaoyan/…).
    other = _body_links(build_at(root, "https://example.gov.cn/other/"))
    assert other == [link.replace("/qingpu/dadiaoyan/", "/other/") for link in typed]


def test_a_picture_of_the_front_matter_typed_with_the_base_path_is_told_the_path_to_write(tmp_path: Path) -> None:
    # It was told "not found", with no word of the base path; published, the path got it twice.
    extra = "images:\n  - src: /qingpu/dadiaoyan/images/a.svg\n    alt: 草莓\n"
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(extra=extra),
        "content/images/a.svg": (REPO / "content/images/baihe-caomei.svg").read_bytes()},
        config=f"title: 测试站点\nbase_url: {COPIED_BASE}\n")
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [
        "content/interviews/a.md:10:10: error: " + _COPIED_PICTURE.format(typed="/qingpu/dadiaoyan/images/a.svg",
                                                                         meant="/images/a.svg")]
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/qingpu/dadiaoyan/", "/"), encoding="utf-8")
    assert check(BuildOptions(root=root)).problems == []
    output = build_at(root)
    pictures = [img.get("src") for img in parse_html(output / "interviews/a/index.html").iter("img")]
    assert pictures == ["/qingpu/dadiaoyan/images/a.svg"] and (output / "images/a.svg").is_file()


def test_at_the_root_a_path_like_a_base_path_is_told_as_leading_nowhere(tmp_path: Path) -> None:
    # A site published at the root has no base path to leave out: the paths name nothing, as before.
    root = _copied_site(tmp_path / "site", COPIED_BODY, MINIMAL_CONFIG)
    told = [p.format() for p in check(BuildOptions(root=root)).problems]
    assert len(told) == 5 and not any("base_url" in message for message in told)
    assert told[0] == (
        'content/interviews/a.md:15:7: warning: the link "/qingpu/dadiaoyan/units/baihe/" leads to no page or file '
        "of this site\n  hint: link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to a file under content/ by its "
        "path from there (e.g. files/报告.pdf for content/files/报告.pdf)")
    assert told[1].startswith('content/interviews/a.md:15:44: warning: image "/qingpu/dadiaoyan/images/a.svg" not '
                              "found\n")


def test_a_folder_of_the_site_named_as_the_base_paths_first_part_is_no_base_path(tmp_path: Path) -> None:
    # content/qingpu/ is a folder of the site: /qingpu/map.svg is its file, not the base path left in.
    body = "[地图](/qingpu/map.svg) ![地图](/qingpu/map.svg)\n"
    root = _copied_site(tmp_path / "site", body, f"title: 测试站点\nbase_url: {COPIED_BASE}\n")
    (root / "content/qingpu").mkdir()
    (root / "content/qingpu/map.svg").write_bytes((root / "content/images/a.svg").read_bytes())
    assert check(BuildOptions(root=root)).problems == []
    output = build_at(root)
    assert _body_links(output) == ["/qingpu/dadiaoyan/qingpu/map.svg"] * 2
    assert (output / "qingpu/map.svg").is_file()


def test_a_page_stopped_by_an_error_is_told_its_pictures_typed_with_the_base_path_at_once(tmp_path: Path) -> None:
    # Its pictures are checked with the error that stopped it (not after it is mended), the base path told alike.
    page = interview(body="![图](/qingpu/dadiaoyan/images/a.svg)\n", date="明天",
                     extra="images:\n  - src: /qingpu/dadiaoyan/images/a.svg\n    alt: 图\n")
    root = _copied_site(tmp_path / "site", "", f"title: 测试站点\nbase_url: {COPIED_BASE}\n")
    (root / "content/interviews/a.md").write_text(page, encoding="utf-8")
    picture = _COPIED_PICTURE.format(typed="/qingpu/dadiaoyan/images/a.svg", meant="/images/a.svg")
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [
        'content/interviews/a.md:8:7: error: date: "明天" is not a date sitegen understands\n'
        "  hint: write the date as YYYY-MM-DD, year-month-day (年-月-日); YYYY/M/D and YYYY年M月D日 are read too",
        f"content/interviews/a.md:10:10: error: {picture}", f"content/interviews/a.md:14:6: warning: {picture}"]


_QINGPU = "https://example.gov.cn/qingpu/"
_QINGPU_LINK = ("the link \"{typed}\" starts with the path of base_url (/qingpu/), but links are read from the site's "
                "root (sitegen adds that path where the site is published): as typed, it leads nowhere in the preview "
                "(sitegen serve) or when the site is built for another address\n"
                "  hint: write it without /qingpu: {meant} (it then works at whatever address the site is published)")


@pytest.mark.parametrize("in_site_yaml", [True, False], ids=["base_url", "--base-url"])
def test_a_folder_named_as_the_whole_base_path_is_that_folder_published_under_the_base_path(
        tmp_path: Path, in_site_yaml: bool) -> None:
    # Under /qingpu/, content/qingpu/a.txt was warned 'the link "/qingpu/a.txt" leads to no page or file of this
    # site' with the hint "did you mean /qingpu/a.txt?" (the link itself), its picture passed; both were published
    # as typed (/qingpu/a.txt, /qingpu/baihe-caomei.svg), which led nowhere: the files are at /qingpu/qingpu/….
    # A path naming a file of the site as typed is that file; only one naming nothing so is the base path typed.
    config = f"title: 测试站点\nbase_url: {_QINGPU}\n" if in_site_yaml else "title: 测试站点\n"
    base_url = None if in_site_yaml else _QINGPU
    body = "[文件](/qingpu/a.txt)\n\n![图](/qingpu/baihe-caomei.svg)\n\n![图](/qingpu/images/a.svg)\n"
    root = _copied_site(tmp_path / "site", body, config)
    (root / "content/qingpu").mkdir()
    (root / "content/qingpu/a.txt").write_text("文件\n", encoding="utf-8")
    (root / "content/qingpu/baihe-caomei.svg").write_bytes((root / "content/images/a.svg").read_bytes())
    assert [p.format() for p in check(BuildOptions(root=root, base_url=base_url)).problems] == [
        'content/interviews/a.md:15:6: warning: image "/qingpu/images/a.svg" starts with the path of base_url '
        "(/qingpu/), but a picture's path is read from content/, as from the site's root (sitegen adds that path "
        "where the site is published): the file is content/images/a.svg\n"
        "  hint: write it without /qingpu: /images/a.svg (it then shows at whatever address the site is published)"]
    output = build_at(root, base_url)
    html_text = (output / "interviews/a/index.html").read_text(encoding="utf-8")
    assert 'href="/qingpu/qingpu/a.txt"' in html_text and 'src="/qingpu/qingpu/baihe-caomei.svg"' in html_text
    assert _body_links(output) == ["/qingpu/qingpu/a.txt", "/qingpu/qingpu/baihe-caomei.svg", "/qingpu/images/a.svg"]
    for link in _body_links(output):
        target = file_for(output, "/qingpu/", link)
        assert target is not None and target.is_file(), link
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert "https://example.gov.cn/qingpu/qingpu/a.txt" in feed
    # The hint followed: clean, and the picture published under the base path as before.
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/qingpu/images/", "/images/"), encoding="utf-8")
    assert check(BuildOptions(root=root, base_url=base_url)).problems == []
    assert _body_links(build_at(root, base_url)) == [
        "/qingpu/qingpu/a.txt", "/qingpu/qingpu/baihe-caomei.svg", "/qingpu/images/a.svg"]


def test_a_permalink_under_a_folder_named_as_the_base_path_is_linked_as_it_reads(tmp_path: Path) -> None:
    # With units at /qingpu/{slug}/ under /qingpu/, [白鹤镇](/qingpu/baihe/) was warned "leads to no page", hinted
    # "did you mean /qingpu/baihe/?" and published as /qingpu/baihe/ (404: the page is /qingpu/qingpu/baihe/);
    # /qingpu/qingpu/baihe/ was told to be written as /qingpu/baihe/: no link was both clean and working.
    config = f"title: 测试站点\nbase_url: {_QINGPU}\npermalinks:\n  units: /qingpu/{{slug}}/\n"
    root = _copied_site(tmp_path / "site", "[白鹤镇](/qingpu/baihe/)\n", config)
    assert check(BuildOptions(root=root)).problems == []
    output = build_at(root)
    assert 'href="/qingpu/qingpu/baihe/"' in (output / "interviews/a/index.html").read_text(encoding="utf-8")
    assert _body_links(output) == ["/qingpu/qingpu/baihe/"] and (output / "qingpu/baihe/index.html").is_file()
    # Copied from the address bar: the base path typed, told, published as typed (it works under the base path).
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/qingpu/baihe/", "/qingpu/qingpu/baihe/"),
                    encoding="utf-8")
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [
        "content/interviews/a.md:11:7: warning: " + _QINGPU_LINK.format(typed="/qingpu/qingpu/baihe/",
                                                                       meant="/qingpu/baihe/")]
    assert _body_links(build_at(root)) == ["/qingpu/qingpu/baihe/"]
    # The hint followed: clean, and the same working link published.
    page.write_text(page.read_text(encoding="utf-8").replace("/qingpu/qingpu/baihe/", "/qingpu/baihe/"),
                    encoding="utf-8")
    assert check(BuildOptions(root=root)).problems == []
    assert _body_links(build_at(root)) == ["/qingpu/qingpu/baihe/"]


def test_a_broken_link_typed_with_the_base_path_is_hinted_the_page_meant_without_it(tmp_path: Path) -> None:
    # The hint looks for the page meant without the base path, as the address bar's copy means it.
    root = _copied_site(tmp_path / "site", "[白鹤镇](/qingpu/units/baihee/)\n", f"title: 测试站点\nbase_url: {_QINGPU}\n")
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == [
        'content/interviews/a.md:11:7: warning: the link "/qingpu/units/baihee/" leads to no page or file of this '
        "site\n  hint: did you mean /units/baihe/?"]


def test_the_preview_is_told_of_links_typed_with_the_published_base_path_as_check_is(tmp_path: Path) -> None:
    # Built for its own address (base "/"), the preview (sitegen serve) passed a link typed with site.yaml's base
    # path, a picture so typed and the published address typed in full, unwarned: editors working in it never
    # saw what check told them. A folder of the site named as the base path stays a folder there too.
    from sitegen.build import build
    body = ("[白鹤镇](/qingpu/units/baihe/)\n\n![图](/qingpu/images/a.svg)\n\n"
            f"[全]({_QINGPU}units/baihe/)\n\n[文件](/qingpu/a.txt)\n")
    root = _copied_site(tmp_path / "site", body, f"title: 测试站点\nbase_url: {_QINGPU}\n")
    (root / "content/qingpu").mkdir()
    (root / "content/qingpu/a.txt").write_text("文件\n", encoding="utf-8")
    told = [p.format() for p in check(BuildOptions(root=root)).problems]
    page = "content/interviews/a.md"
    assert told == [
        f"{page}:11:7: warning: " + _QINGPU_LINK.format(typed="/qingpu/units/baihe/", meant="/units/baihe/"),
        f'{page}:13:6: warning: image "/qingpu/images/a.svg" starts with the path of base_url (/qingpu/), but a '
        "picture's path is read from content/, as from the site's root (sitegen adds that path where the site is "
        "published): the file is content/images/a.svg\n"
        "  hint: write it without /qingpu: /images/a.svg (it then shows at whatever address the site is published)",
        f'{page}:15:5: warning: the link "{_QINGPU}units/baihe/" is this site\'s own address typed in full\n'
        "  hint: link to it from the site's root: write /units/baihe/ (it then works at whatever address the site is "
        "published)"]
    preview = BuildOptions(root=root, base_url="http://127.0.0.1:8000/", include_drafts=True, as_published=True)
    assert [p.format() for p in build(preview).warnings] == told
    assert [p.format() for p in check(preview).problems] == told
    # Built for the preview's address, the links follow it: the hints, followed, work there as well.
    assert _body_links(root / "output") == ["/qingpu/units/baihe/", "/qingpu/images/a.svg", f"{_QINGPU}units/baihe/",
                                            "/qingpu/a.txt"]
