"""The search index: Pagefind runs over the staged site, indexes only the pages worth finding, fails cleanly.

The browser side (typing 草莓 finds the Baihe interview) is in tests/browser/test_search.py.

Imports: sitegen.build, sitegen.outputs.search, sitegen.site; tests.sitekit.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.errors import SiteError
from sitegen.outputs import search
from sitegen.outputs.search import SearchIndexError, index_site, searchable_pages
from sitegen.site import Page

from .sitekit import copy_example, file_for, fingerprinted, html_links, parse_html, text_of, tree_hashes

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>导航 菜单</nav><main><h1>{title}</h1><p>{text}</p></main><footer>页脚</footer></body></html>"""


def _page_count(site: Path) -> int:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _write_pages(site: Path, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(title=path, text=text), encoding="utf-8")


def test_searchable_pages_are_interviews_cases_units_and_the_pages_on_the_data_and_on_reading_the_site() -> None:
    # 下载, CSV and 无障碍 found nothing, or pages holding one character of the query (下一步), as the pages on
    # the open data and on reading the site were not in the index.
    pages = [Page("/", "index.html", "home.html", "首页", {}),
             Page("/interviews/a/", "interviews/a/index.html", "interview.html", "访谈", {}),
             Page("/tags/t/", "tags/t/index.html", "tag.html", "标签", {}),
             Page("/cases/c/", "cases/c/index.html", "case.html", "案例", {}),
             Page("/units/u/", "units/u/index.html", "unit.html", "白鹤镇", {}),
             Page("/dashboard/", "dashboard/index.html", "dashboard.html", "数据看板", {}),
             Page("/about-data/", "about-data/index.html", "about-data.html", "关于数据", {}),
             Page("/accessibility/", "accessibility/index.html", "accessibility.html", "无障碍", {})]
    assert searchable_pages(pages) == ["interviews/a/index.html", "cases/c/index.html", "units/u/index.html",
                                       "about-data/index.html", "accessibility/index.html"]


def test_index_site_indexes_only_the_given_pages(tmp_path: Path) -> None:
    _write_pages(tmp_path, {"interviews/a/index.html": "白鹤镇是中国草莓之乡。",
                            "tags/t/index.html": "草莓产业", "index.html": "首页"})
    result = index_site(tmp_path, ["interviews/a/index.html"])
    assert result.pages == 1 and result.seconds > 0
    assert (tmp_path / "pagefind" / "pagefind-ui.js").is_file()
    assert _page_count(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "interviews", "pagefind", "tags"], \
        "Pagefind's scratch folder is removed"


def test_ways_around_the_site_inside_main_are_left_out_of_the_index(tmp_path: Path) -> None:
    # A unit page's result read "… 订阅白鹤镇访谈": the feed link, breadcrumbs and contents were indexed.
    page = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>白鹤镇</title></head><body>'
            '<main><nav class="breadcrumb">首页面包屑</nav><h1>白鹤镇</h1><nav class="toc">本文目录</nav>'
            "<p>白鹤镇是中国草莓之乡。</p><p class=\"feed-link\">订阅白鹤镇访谈</p>"
            '<section class="downloads">下载数据</section><nav class="pager">下一页</nav>'
            # An interview's list of its unit's case studies: a search for a case's title found every interview.
            '<section class="related"><h2>白鹤镇的典型案例</h2><a href="/cases/a/">做大做强白鹤草莓</a></section>'
            "</main></body></html>")
    (tmp_path / "units/baihe").mkdir(parents=True)
    (tmp_path / "units/baihe/index.html").write_text(page, encoding="utf-8")
    index_site(tmp_path, ["units/baihe/index.html"])
    # A fragment is gzip'd "pagefind_dcd" + JSON; the extended build marks Chinese word breaks with U+200B.
    [fragment] = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                  for path in (tmp_path / "pagefind" / "fragment").iterdir()]
    assert fragment["content"].replace("\u200b", "") == "白鹤镇. 白鹤镇是中国草莓之乡。"


def test_index_site_without_a_list_indexes_every_html_file(tmp_path: Path) -> None:
    _write_pages(tmp_path, {"a/index.html": "草莓", "b/index.html": "大调研"})
    assert index_site(tmp_path).pages == 2
    assert _page_count(tmp_path) == 2


def test_the_previous_index_is_reused_only_when_the_pages_are_the_same(tmp_path: Path) -> None:
    pages = {"interviews/a/index.html": "白鹤镇是中国草莓之乡。", "units/b/index.html": "白鹤镇"}
    _write_pages(tmp_path / "old", pages)
    assert not index_site(tmp_path / "old", list(pages)).reused
    _write_pages(tmp_path / "same", pages)
    same = index_site(tmp_path / "same", list(pages), previous=tmp_path / "old")
    assert same.reused and tree_hashes(tmp_path / "same" / "pagefind") == tree_hashes(tmp_path / "old" / "pagefind")
    _write_pages(tmp_path / "edited", {**pages, "units/b/index.html": "白鹤镇 草莓"})
    assert not index_site(tmp_path / "edited", list(pages), previous=tmp_path / "old").reused
    _write_pages(tmp_path / "fewer", pages)
    assert not index_site(tmp_path / "fewer", ["units/b/index.html"], previous=tmp_path / "old").reused
    assert _page_count(tmp_path / "fewer") == 1


def test_nothing_to_index_writes_nothing(tmp_path: Path) -> None:
    _write_pages(tmp_path, {"index.html": "首页"})
    assert index_site(tmp_path, []).pages == 0
    assert not (tmp_path / "pagefind").exists()


def test_a_site_folder_named_pagefind_is_refused(tmp_path: Path) -> None:
    _write_pages(tmp_path, {"interviews/a/index.html": "草莓", "pagefind/x.html": "别的"})
    with pytest.raises(SearchIndexError, match="already has a pagefind/ folder"):
        index_site(tmp_path, ["interviews/a/index.html"])


def test_a_page_missing_from_the_site_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match='"interviews/x/index.html" to index is not in the built site'):
        index_site(tmp_path, ["interviews/x/index.html"])


def test_pagefind_failing_is_a_clear_error_and_writes_no_index(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _write_pages(tmp_path, {"interviews/a/index.html": "草莓"})
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SearchIndexError, match=r"Pagefind failed to build the search index \(exit code 1\)"):
        index_site(tmp_path, ["interviews/a/index.html"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["interviews"]


def test_the_build_indexes_interviews_cases_units_and_the_pages_on_the_data_and_on_reading_the_site(
        example_site: Path) -> None:
    output = example_site / "output"
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    expected = len([p for p in output.glob("interviews/*/index.html") if "page" not in p.parts]
                   + list(output.glob("cases/*/index.html")) + list(output.glob("units/*/index.html"))
                   + [output / "about-data/index.html", output / "accessibility/index.html"])
    assert _page_count(output) == expected == 6


def test_the_data_page_is_indexed_with_each_file_named_once(example_site: Path) -> None:
    # Its excerpts read "调研数据（CSV）：data/tallies.csv data/tallies.csv 的列 列名名称类型说明": the caption and
    # header row of every table of columns were indexed after the summary that already names the file.
    fragments = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for path in (example_site / "output" / "pagefind" / "fragment").iterdir()]
    [content] = [f["content"].replace("\u200b", "") for f in fragments if f["url"] == "/about-data/"]
    start = content.index("各文件的列. ")
    assert content[start:].startswith("各文件的列. 调研数据（CSV）：data/tallies.csv unit_id 单位编号. 文本. ")
    assert "的列 " not in content and "列名名称类型说明" not in content
    assert [content.count(f"：data/{name}") for name in ("tallies.csv", "targets.csv", "milestones.csv",
                                                        "units.csv")] == [1, 1, 1, 1]


def _data_page_text(output: Path) -> str:
    fragments = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for path in (output / "pagefind" / "fragment").iterdir()]
    [content] = [f["content"].replace("\u200b", "") for f in fragments if f["url"] == "/about-data/"]
    return content


def _site_without_index(output: Path) -> dict[str, bytes]:
    """The published files but the index and the manifest, which lists the index's files."""
    return {rel: data for rel, data in tree_hashes(output).items()
            if not rel.startswith("pagefind/") and rel != ".sitegen-manifest"}


def test_an_index_made_otherwise_is_made_again_though_every_page_is_the_same(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # After an upgrade that changed only what is indexed (18278ff left the columns tables' captions out), the
    # pages were byte for byte the same, so the build wrote nothing and the site kept the old index for good.
    site = copy_example(tmp_path / "site")
    monkeypatch.setattr(search, "EXCLUDED_SELECTORS", (".breadcrumb", ".toc"))  # as an older sitegen made it
    build(BuildOptions(root=site))
    assert "data/tallies.csv 的列" in _data_page_text(site / "output")
    pages = _site_without_index(site / "output")
    monkeypatch.undo()
    again = build(BuildOptions(root=site))
    assert "data/tallies.csv 的列" not in _data_page_text(site / "output")
    assert again.changed >= 1 and all(path.startswith("pagefind/") for path in again.changed_paths)
    assert _site_without_index(site / "output") == pages
    assert (site / "output" / "pagefind" / search.KEY_FILE).read_text(encoding="ascii").count("\n") == 2
    third = build(BuildOptions(root=site))
    assert (third.changed, third.removed) == (0, 0), "made as now: left as it is"


def test_a_failing_index_stops_the_build_and_keeps_the_old_output(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from .sitekit import copy_example

    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site))
    before = tree_hashes(site / "output")
    (site / "content" / "interviews" / "2018-05-baihe-dadiaoyan.md").write_text(
        (site / "content" / "interviews" / "2018-05-baihe-dadiaoyan.md").read_text(encoding="utf-8")
        + "\n改动。\n", encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=site))
    assert "could not build the search index: Pagefind failed" in failure.value.format()
    assert tree_hashes(site / "output") == before
    assert [p.name for p in site.iterdir() if ".staging-" in p.name] == []


def test_build_counts_include_the_index_and_a_second_build_changes_nothing(tmp_path: Path) -> None:
    from .sitekit import copy_example

    site = copy_example(tmp_path / "site")
    first = build(BuildOptions(root=site))
    index_files = [p for p in (site / "output" / "pagefind").rglob("*") if p.is_file()]
    assert first.files == first.changed > len(index_files) > 10
    second = build(BuildOptions(root=site))
    assert (second.files, second.changed, second.removed) == (first.files, 0, 0)
    interview = site / "content" / "interviews" / "2018-05-baihe-dadiaoyan.md"
    interview.write_text(interview.read_text(encoding="utf-8") + "\n草莓新品种。\n", encoding="utf-8")
    third = build(BuildOptions(root=site))
    new_index = {p.name for p in (site / "output" / "pagefind").rglob("*") if p.is_file()}
    replaced = len({p.name for p in index_files} - new_index)
    assert replaced >= 1 and third.removed == replaced
    assert third.changed >= 1 + replaced, "the page and the index files that replace the old ones"


def _search_page_links(output: Path) -> list[str]:
    return [link for link in html_links(output / "search/index.html") if link.startswith("/")]


def test_without_the_index_the_search_page_loads_nothing_that_is_not_there(tmp_path: Path) -> None:
    # "sitegen build --no-search" published a search page whose <link> and <script> pointed at
    # /pagefind/pagefind-ui.css and .js, which that build does not make: two 404s on every visit, and
    # with JavaScript on the page said 搜索暂时无法使用 (search is down for now) instead of offering links.
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    output = root / "output"
    assert not (output / "pagefind").exists()
    links = _search_page_links(output)
    assert "/interviews/" in links and "/tags/" in links
    assert [link for link in links if not _published(output, link)] == []
    page = parse_html(output / "search/index.html")
    # The theme's own script only.
    assert [script.get("src") for script in page.cssselect("script[src]")] == [
        "/" + fingerprinted(output, "assets/reading-mode.js")]
    assert "/pagefind/" not in (output / "search/index.html").read_text("utf-8")
    assert "本站没有站内搜索" in text_of(page.cssselect("main")[0])
    # No page's menu offers a search the site does not have (the page stays, for links kept elsewhere).
    menus = {rel: [text_of(a) for a in parse_html(output / rel).cssselect("nav[aria-label=主导航] a")]
             for rel in ("index.html", "search/index.html", "units/baihe/index.html")}
    assert menus == {rel: ["首页", "访谈", "各单位进展", "数据看板", "典型案例"] for rel in menus}
    # Nor does the accessibility page speak of it.
    assert "站内搜索" not in text_of(parse_html(output / "accessibility/index.html").cssselect("main")[0])
    # Nor does the page for an address not found, which listed 搜索 among its ways on.
    assert "搜索" not in [text_of(a) for a in parse_html(output / "404.html").cssselect("main a")]
    # Built again with the index (same cache and output), the search page loads Pagefind again.
    build(BuildOptions(root=root))
    assert "/pagefind/pagefind-ui.js" in _search_page_links(output)
    assert [text_of(a) for a in parse_html(output / "index.html").cssselect("nav[aria-label=主导航] a")][-1] == "搜索"
    assert "站内搜索需要 JavaScript" in text_of(parse_html(output / "accessibility/index.html").cssselect("main")[0])
    assert "搜索" in [text_of(a) for a in parse_html(output / "404.html").cssselect("main a")]
    assert [link for link in _search_page_links(output) if not _published(output, link)] == []


def _published(output: Path, link: str) -> bool:
    path = file_for(output, "/", link)
    return path is not None and path.is_file()


def _placeholder(output: Path) -> str:
    # The theme's script reads it from the search box's data-placeholder: the script is the same on every site.
    [box] = parse_html(output / "search/index.html").cssselect("#search")
    return box.get("data-placeholder")


def test_the_search_box_offers_a_word_of_the_site_itself(tmp_path: Path) -> None:
    # "输入词语，如草莓" was written in the theme: on any site but the bundled example, trying it found nothing.
    from .sitekit import interview, write_site
    example = copy_example(tmp_path / "example")
    build(BuildOptions(root=example))
    assert _placeholder(example / "output") == "输入词语，如大调研"  # the tag of all three pages
    long_tag = "tags: [农村人居环境整治提升, {}]\n"
    tagged = write_site(tmp_path / "tagged", {
        "content/interviews/a.md": interview("访谈一", extra=long_tag.format("民生")),
        "content/interviews/b.md": interview("访谈二", extra=long_tag.format("党建"))})
    build(BuildOptions(root=tagged))
    assert _placeholder(tagged / "output") == "输入词语，如党建"  # the long tag is left out; of equals, the first
    untagged = write_site(tmp_path / "untagged", {"content/interviews/a.md": interview()})
    build(BuildOptions(root=untagged))
    assert _placeholder(untagged / "output") == "输入词语，如白鹤镇"  # no tag: the first unit's name
    empty = write_site(tmp_path / "empty", {"content/.gitkeep": ""}, records=False)
    build(BuildOptions(root=empty))
    assert _placeholder(empty / "output") == "输入要找的词语"
