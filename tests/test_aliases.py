"""Old addresses a page keeps (``aliases:``): a redirect page at each, and the mistakes an editor can make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from sitegen.build import BuildOptions, build, check
from sitegen.errors import SiteError
from sitegen.models import parse_alias, parse_aliases
from sitegen.outputs.search import searchable_pages
from sitegen.site import RECORD_FILE
from sitegen.write import MANIFEST

from .sitekit import copy_example, interview, parse_html, text_of, tree_hashes, write_site

PAGE = "content/interviews/baihe.md"


def _problems(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root)).problems]


def test_each_alias_gets_a_redirect_page_to_the_page_under_a_sub_path(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {PAGE: interview(extra="slug: baihe-new\naliases: [/interviews/baihe]\n")})
    build(BuildOptions(root=root, base_url="https://example.org/qingpu/diaoyan/", search=False))
    page = parse_html(root / "output/interviews/baihe/index.html")
    assert page.get("lang") == "zh-CN"
    assert text_of(page.find(".//title")) == "白鹤镇访谈 - 测试站点"
    metas = {meta.get("http-equiv") or meta.get("name"): meta.get("content") for meta in page.iter("meta")}
    assert metas["refresh"] == "0; url=/qingpu/diaoyan/interviews/baihe-new/"
    assert metas["robots"] == "noindex"
    [canonical] = [link.get("href") for link in page.iter("link") if link.get("rel") == "canonical"]
    assert canonical == "https://example.org/qingpu/diaoyan/interviews/baihe-new/"
    [link] = page.iter("a")
    assert (link.get("href"), text_of(link)) == ("/qingpu/diaoyan/interviews/baihe-new/", "白鹤镇访谈")
    assert text_of(page.find(".//body")) == "本页已移至新地址：白鹤镇访谈"


def test_an_alias_in_chinese_or_percent_escaped_or_naming_an_html_file_is_written_where_it_is_served(
        tmp_path: Path) -> None:
    aliases = "[/访谈/白鹤/, '/%E6%97%A7/%E7%99%BD%E9%B9%A4', /shzxxw/120946.html, /old/baihe/index.html]"
    root = write_site(tmp_path / "site", {PAGE: interview(extra=f"slug: baihe\naliases: {aliases}\n")})
    build(BuildOptions(root=root, search=False))
    output = root / "output"
    for path in ("访谈/白鹤/index.html", "旧/白鹤/index.html", "shzxxw/120946.html", "old/baihe/index.html"):
        page = parse_html(output / path)
        assert [a.get("href") for a in page.iter("a")] == ["/interviews/baihe/"], path
    assert not (output / "old/baihe/index.html/index.html").exists()


def test_redirect_pages_are_in_no_sitemap_feed_search_index_or_list(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {PAGE: interview(extra="slug: baihe\naliases: [/interviews/old-baihe/]\n")})
    result = build(BuildOptions(root=root, search=False))
    output = root / "output"
    assert (output / "interviews/old-baihe/index.html").is_file()
    made = [path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()
            and path.suffix in (".xml", ".html", ".json", ".csv") and "old-baihe" not in path.as_posix()]
    assert [path for path in made if "old-baihe" in (output / path).read_text(encoding="utf-8")] == []
    from sitegen.build import load_and_check
    from sitegen.errors import Report
    _, _, graph = load_and_check(BuildOptions(root=root), Report())
    assert "interviews/old-baihe/index.html" not in searchable_pages(graph.pages)
    assert result.documents.keys() == {"interviews/baihe/index.html"}


def test_an_alias_that_is_no_path_of_the_site_is_an_error_at_the_alias(tmp_path: Path) -> None:
    aliases = "[https://example.org/interviews/old/, interviews/old/, /interviews/../old/, /a\\b/, /old?id=3]"
    root = write_site(tmp_path / "site", {PAGE: interview(extra=f"aliases: {aliases}\n")})
    where = f"{PAGE}:9:"
    assert _problems(root) == [
        f'{where}11: error: aliases → item 1: "https://example.org/interviews/old/" is a web address, not a path '
        "of this site\n  hint: write only the path that follows the site's address (base_url), starting with \"/\", "
        "e.g. /news/2018/0521.html",
        f'{where}48: error: aliases → item 2: "interviews/old/" does not start with "/"\n'
        "  hint: write the path from the site's root: /interviews/old/",
        f'{where}65: error: aliases → item 3: "/interviews/../old/" would leave the output folder: it contains '
        '"\\" or ".."\n  hint: write the old address\'s path from the site\'s root, starting with "/", e.g. '
        "/news/2018/0521.html",
        f'{where}86: error: aliases → item 4: "/a\\b/" would leave the output folder: it contains "\\" or ".."\n'
        "  hint: write the old address's path from the site's root, starting with \"/\", e.g. /news/2018/0521.html",
        f'{where}93: error: aliases → item 5: "/old?id=3" has a "?" or "#": a redirect page stands for a path alone\n'
        '  hint: write the path without the part from the "?" or "#" on: /old',
    ]


def test_a_full_width_slash_in_an_old_address_is_told_with_the_path_in_half_width(tmp_path: Path) -> None:
    # /interviews/old-baihe／ was published as a folder "old-baihe／": an address no one had.
    root = write_site(tmp_path / "site", {PAGE: interview(extra="aliases: [/news／2018/0521．html, /old-baihe／]\n")})
    assert _problems(root) == [
        f'{PAGE}:9:11: error: aliases → item 1: "/news／2018/0521．html" has a full-width "／" or "．" (全角) where '
        'an address has "/" or "."\n  hint: type them in half width (半角): /news/2018/0521.html',
        f'{PAGE}:9:33: error: aliases → item 2: "/old-baihe／" has a full-width "／" or "．" (全角) where an address '
        'has "/" or "."\n  hint: type them in half width (半角): /old-baihe/']
    mended = write_site(tmp_path / "mended", {PAGE: interview(extra="aliases: [/news/2018/0521.html, /old-baihe/]\n")})
    assert _problems(mended) == []


@pytest.mark.parametrize(("typed", "place", "named", "how"), [
    ("[/old/a/；/old/b/]", "9:10", "a full-width semicolon (；, 分号)", "separated by English commas"),
    ("[/old/a/; /old/b/]", "9:10", "a semicolon (;)", "separated by English commas"),
    ("/old/a/;/old/b/", "9:10", "a semicolon (;)", "separated by English commas"),
    ("[/old/a/，/old/b/]", "9:10", "a full-width comma (，)", "separated by English commas"),
    ("[/old/a/、/old/b/]", "9:10", "a 顿号 (、)", "separated by English commas"),
    ("\n  - /old/a/, /old/b/", "10:3", "a comma (,)", "in square brackets"),
    # Spaces alone: the redirect page was written at "old/a/ /old/b/".
    ("[/old/a/ /old/b/]", "9:10", "a space", "separated by English commas"),
])
def test_two_old_paths_typed_as_one_are_an_error_whose_line_reads_as_meant(tmp_path: Path, typed: str, place: str,
                                                                           named: str, how: str) -> None:
    # [/old/a/；/old/b/] was one redirect page, at /old/a/%EF%BC%9B/old/b/: neither old address led to the page.
    root = write_site(tmp_path / "site", {PAGE: interview(extra=f"aliases: {typed}\n")})
    path = typed.strip("[]\n -")
    assert _problems(root) == [
        f'{PAGE}:{place}: error: aliases: the path "{path}" has {named} in it, so it is one path\n'
        f"  hint: write the paths {how}: aliases: [/old/a/, /old/b/]"]
    mended = write_site(tmp_path / "mended", {PAGE: interview(extra="aliases: [/old/a/, /old/b/]\n")})
    assert _problems(mended) == []
    assert parse_aliases(["/old/a/;b/", "/old/a/，b"]) == ("/old/a/;b/", "/old/a/，b")  # no path after the mark


def test_an_alias_another_page_has_or_another_page_keeps_is_an_error_and_the_own_address_a_warning(
        tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview("访谈甲", extra="aliases: [/interviews/old/]\n"),
        "content/interviews/b.md": interview("访谈乙", extra="aliases:\n  - /interviews/a\n  - /interviews/old/\n"
                                                             "  - /interviews/b/\n")})
    assert _problems(root) == [
        "content/interviews/b.md:10:5: error: the alias /interviews/a is the address of content/interviews/a.md\n"
        "  hint: delete it from aliases, or change the slug of content/interviews/a.md",
        "content/interviews/b.md:11:5: error: the alias /interviews/old/ is given twice: also by "
        "content/interviews/a.md\n  hint: keep it in one place: an old address can lead to one page only",
        "content/interviews/b.md:12:5: warning: the alias /interviews/b/ is the page's own address\n"
        "  hint: delete it: aliases are the page's old addresses, which lead to its address",
    ]


def test_an_alias_taken_by_a_page_the_site_makes_or_a_file_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {
        PAGE: interview(extra="aliases: [/interviews/, /images/a.svg, /units/baihe/feed.xml, /data/baihe/, "
                              "/.sitegen-manifest]\n"),
        "content/images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    hint = ("  hint: delete it from aliases: an old address can lead here only when no other page or file of the "
            "site has it")
    assert _problems(root) == [
        f"{PAGE}:9:11: error: the alias /interviews/ is taken by the page /interviews/ (访谈)\n{hint}",
        f"{PAGE}:9:25: error: the alias /images/a.svg is taken by the file content/images/a.svg\n{hint}",
        f"{PAGE}:9:40: error: the alias /units/baihe/feed.xml is taken by the feed /units/baihe/feed.xml\n{hint}",
        f"{PAGE}:9:63: error: the alias /data/baihe/ is taken by the folder /data/, which sitegen fills\n{hint}",
        # It stopped the build with "could not write the output: File exists" and a hint about the disk.
        f"{PAGE}:9:77: error: the alias /.sitegen-manifest is taken by the file /.sitegen-manifest, sitegen's list "
        f"of the files it wrote\n{hint}",
    ]
    assert RECORD_FILE == "/" + MANIFEST
    with pytest.raises(SiteError):
        build(BuildOptions(root=root, search=False))
    assert not (root / "output").exists()


def test_an_alias_written_with_the_base_path_is_a_warning(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {PAGE: interview(extra="aliases: [/qingpu/interviews/old/]\n")},
                      config="title: 测试站点\nbase_url: https://example.org/qingpu/\n")
    assert _problems(root) == [
        f"{PAGE}:9:11: warning: the alias /qingpu/interviews/old/ starts with the path of base_url (/qingpu/), but "
        "aliases are read from the site's root: its page is at /qingpu/qingpu/interviews/old/\n"
        "  hint: write it without /qingpu: /interviews/old/"]


def test_adding_and_removing_an_alias_gives_the_bytes_of_a_clean_build(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    [page] = sorted((root / "content/interviews").glob("*.md"))
    original = page.read_text(encoding="utf-8")
    edits = [original.replace("\ntitle:", "\naliases: [/interviews/old-baihe/, /旧/白鹤/]\ntitle:", 1),
             original.replace("\ntitle:", "\naliases: [/interviews/old-baihe/]\ntitle:", 1), original]
    for text in edits:
        page.write_text(text, encoding="utf-8")
        build(BuildOptions(root=root, search=False))
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(root, clean, ignore=shutil.ignore_patterns("output", ".sitegen-cache"))
        build(BuildOptions(root=clean, search=False, cache=False))
        assert tree_hashes(root / "output") == tree_hashes(clean / "output")
    assert not (root / "output/interviews/old-baihe").exists()


def test_the_summary_counts_redirect_pages_as_files_not_pages(tmp_path: Path) -> None:
    # "built 24 pages" for a site of 22 pages and two old addresses read as two pages more.
    site = copy_example(tmp_path / "site")
    plain = build(BuildOptions(root=site, search=False))
    page = next((site / "content/interviews").glob("*.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\nseries:", "\naliases: [/old/a/, /old/b.html]\nseries:", 1), encoding="utf-8")
    kept = build(BuildOptions(root=site, search=False))
    # 49 files (pages, feeds, open data with its archive and 白鹤镇's own four files, the theme's three files
    # and their copies named by their content) and the 2 redirect pages.
    assert (kept.pages, kept.files) == (plain.pages, plain.files + 2) == (22, 51)


LONG_PATH = "/interviews/" + "/".join(f"2018-05-baihe-dadiaoyan-part-{n}" for n in range(4))


@pytest.mark.parametrize(("typed", "how"), [
    (f"{LONG_PATH}?from=weixin", 'write the path without the part from the "?" or "#" on'),
    (LONG_PATH.replace("/2018", "//2018", 2), 'write one "/" between parts'),
    (LONG_PATH.lstrip("/"), "write the path from the site's root"),
])
def test_a_long_alias_hint_gives_the_path_whole(typed: str, how: str) -> None:
    # Cut with "…", the path typed as the hint showed it was another path; typed as given, it is read.
    with pytest.raises(PydanticCustomError) as raised:
        parse_alias(typed)
    hint = raised.value.context["hint"]
    assert hint.startswith(f"{how}: ") and "…" not in hint
    assert parse_alias(hint[len(how) + 2:]) == LONG_PATH + "/"
    with pytest.raises(PydanticCustomError) as raised:
        parse_aliases(f"{LONG_PATH}, /old")
    assert raised.value.context["hint"] == f"write the paths in square brackets: aliases: [{LONG_PATH}, /old]"
