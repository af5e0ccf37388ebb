"""The site graph's shortcuts give exactly what the long way gives.

- `sitegen.slugs.make_slug` remembers its results, so a tag used on
  thousands of pages is transliterated once per build, with the same slug.
- `sitegen.site.Urls.rebase_html` returns a fragment untouched, unparsed,
  when it cannot hold a root-relative ``href``/``src``; a property test
  checks it against the full start-tag rewrite on random fragments.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import slugs
from sitegen.build import BuildOptions, build, check
from sitegen.errors import SiteError
from sitegen.pictures import image_size
from sitegen.site import Urls
from sitegen.slugs import device_name, is_slug, make_slug, readings_of, slug_reading, spelling, windows_safe
from sitegen.webaddress import signs_in_name_hint

from .sitekit import MINIMAL_CONFIG, copy_example, edit_file, file_for, interview, parse_html, tree_hashes, write_site

# ---------------------------------------------------------------- tag slugs


@contextmanager
def _pinyin_calls() -> Iterator[list[str]]:
    """Record every text given to pypinyin while the block runs (make_slug's memory emptied first)."""
    calls: list[str] = []
    real = slugs.lazy_pinyin

    def counting(text: str, **options: object) -> list[str]:
        calls.append(text)
        return real(text, **options)

    make_slug.cache_clear()
    with mock.patch.object(slugs, "lazy_pinyin", counting):
        yield calls


def test_make_slug_remembers_each_text_and_gives_the_same_slug() -> None:
    texts = ["大调研", "补短板", "R&D 创新", "白鹤镇"]
    expected = [make_slug.__wrapped__(text) for text in texts]
    assert expected == ["da-diao-yan", "bu-duan-ban", "r-d-chuang-xin", "bai-he-zhen"]
    with _pinyin_calls() as calls:
        got = [[make_slug(text) for text in texts] for _ in range(100)]
    assert got == [expected] * 100
    assert calls == texts


def test_a_units_id_tells_how_its_name_reads_where_pypinyin_reads_it_otherwise() -> None:
    # 重 in 重固 reads chóng (多音字); pypinyin, out of context, reads zhòng. The id chonggu says which.
    assert spelling("chonggu", "重固镇") == ("重固", ("chong", "gu"))
    assert spelling("chong-gu-zhen", "重固镇") == ("重固镇", ("chong", "gu", "zhen"))
    assert spelling("huaxin", "重固镇") is None and spelling("abc", "ABC") is None
    learned = readings_of([("chonggu", "重固镇"), ("baihe", "白鹤镇"), ("changning", "长宁区"), ("xyz", "华新镇")])
    assert learned == {"重固": ("chong", "gu"), "长宁": ("chang", "ning")}  # baihe is pypinyin's own reading
    # An id that spells the name's ending too reads the name without it alike.
    assert readings_of([("chongguzhen", "重固镇")]) == {"重固镇": ("chong", "gu", "zhen"), "重固": ("chong", "gu")}
    assert [slug_reading(text, learned) for text in ("重固老街路灯修复", "长宁区与重固镇交流", "白鹤镇访谈", "重庆")] == [
        "chong-gu-lao-jie-lu-deng-xiu-fu", "chang-ning-qu-yu-chong-gu-zhen-jiao-liu", "bai-he-zhen-fang-tan",
        "chong-qing"]
    assert make_slug("重固老街路灯修复") == "zhong-gu-lao-jie-lu-deng-xiu-fu"  # tags and built slugs keep their addresses


def test_names_windows_keeps_for_devices_are_found_in_every_spelling_and_made_safe() -> None:
    names = ("con", "CON", "Con.pdf", "nul.tar.gz", "aux .txt", "prn.", "com1", "COM¹", "lpt0", "conin$",
             "con-1", "icon", "com10", "nul-1.txt", "consent", "")
    assert [device_name(name) for name in names] == [
        "CON", "CON", "CON", "NUL", "AUX", "PRN", "COM1", "COM¹", "LPT0", "CONIN$",
        None, None, None, None, None, None]
    assert [windows_safe(slug) for slug in ("con", "nul", "com9", "baihe", "con-1")] == [
        "con-1", "nul-1", "com9-1", "baihe", "con-1"]
    assert windows_safe("con", {"con-1", "con-2"}) == "con-3" and windows_safe("baihe", {"baihe-1"}) == "baihe"
    assert [make_slug(text) for text in ("CON", "nul", "Com1", "AUX", "lpt9", "PRN", "con-1", "白鹤")] == [
        "con-1", "nul-1", "com1-1", "aux-1", "lpt9-1", "prn-1", "con-1", "bai-he"]


def test_slugs_sitegen_makes_are_never_names_windows_keeps_for_devices(tmp_path: Path) -> None:
    # output/interviews/con/, tags/aux/, units/nul/ and data/units/nul/ could not be created or copied on Windows.
    root = write_site(tmp_path, {
        "content/interviews/con.md": interview(extra="tags: [AUX, NUL, com1, 大调研]\n"),
        "content/interviews/con-1.md": interview("另一篇访谈"),
        "content/interviews/lpt1-2.md": interview("LPT1"),
        "content/interviews/第二篇.md": interview("Com2"),
        "content/units/nul.yaml": "name: 测试镇\nlevel: town\ntallies:\n  - as_of: 2018-04-26\n    collected: 3\n"
                                  "    escalated: 1\n    resolved: 1\n    in_progress: 1\n",
    })
    result = build(BuildOptions(root=root, jobs=1, search=False))
    assert [problem.format() for problem in result.warnings] == []
    output = root / "output"
    assert sorted(path.name for path in (output / "interviews").iterdir() if path.is_dir()) == [
        "com2-1", "con-1", "con-2", "lpt1-2"]  # lpt1-2.md: its file name, not its title's lpt1-1
    assert parse_html(output / "interviews/con-2/index.html").findtext(".//h1") == "白鹤镇访谈"
    assert parse_html(output / "interviews/con-1/index.html").findtext(".//h1") == "另一篇访谈"
    assert sorted(path.name for path in (output / "tags").iterdir() if path.is_dir()) == [
        "aux-1", "com1-1", "da-diao-yan", "nul-1"]
    assert sorted(path.name for path in (output / "units").iterdir() if path.is_dir()) == ["baihe", "nul-1"]
    assert sorted(path.name for path in (output / "data/units/nul-1").iterdir()) == ["tallies.csv", "unit.json"]
    assert not any(device_name(part) for path in output.rglob("*") for part in path.relative_to(output).parts)


def test_a_content_file_named_as_a_windows_device_is_an_error_naming_a_name_to_rename_it_to(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "content/files/Con.PDF": b"%PDF",
                                 "content/nul/a.txt": "x", "content/files/icon.png": b"x"})
    assert [problem.format() for problem in check(BuildOptions(root=root, jobs=1, search=False)).problems] == [
        'content/files/Con.PDF: error: this file would be published as files/Con.PDF, and "Con.PDF" is a name '
        "Windows keeps for a device (CON: Windows 保留名), so Windows cannot hold a file of that name, and the site "
        "could not be copied or published there\n  hint: rename the file, e.g. to content/files/Con-1.PDF, and the "
        "links to it",
        'content/nul/a.txt: error: this file would be published as nul/a.txt, and "nul" is a name Windows keeps for '
        "a device (NUL: Windows 保留名), so Windows cannot hold a folder of that name, and the site could not be "
        "copied or published there\n  hint: rename the folder, e.g. to content/nul-1/a.txt, and the links to it"]


def test_a_file_name_ending_in_a_line_break_is_no_slug(tmp_path: Path) -> None:
    # "abc\n" passed as a slug ("$" matches before a final line break): a page file so named was published
    # at /interviews/abc%0A/ and `sitegen new unit --id` wrote such a file.
    assert [is_slug(text) for text in ("abc", "abc\n", "abc\n\n", "a-b", "a--b", "")] == [
        True, False, False, True, False, False]
    root = write_site(tmp_path, {"content/interviews/abc\n.md": interview(title="访谈")})
    build(BuildOptions(root=root, search=False))
    assert sorted(p.name for p in (root / "output/interviews").iterdir() if p.is_dir()) == ["fang-tan"]


def test_each_tag_is_transliterated_once_per_build_and_its_pages_are_right(tmp_path: Path) -> None:
    tags = ["大调研", "补短板", "民生"]
    files = {f"content/interviews/p{i:02d}.md": interview(
        f"访谈{i}", date=f"2018-05-{1 + i % 28:02d} 10:00", extra=f"tags: [{', '.join(tags[:1 + i % 3])}]\n")
        for i in range(30)}
    root = write_site(tmp_path, files)
    with _pinyin_calls() as calls:
        build(BuildOptions(root=root, jobs=1, search=False))
    assert sorted(text for text in calls if text in tags) == sorted(tags)
    # With workers, the pages' tags are transliterated where the pages are read: the main
    # process never loads pypinyin's dictionaries. A fresh process, as `sitegen build` is
    # (sitegen forks workers only in a process without other threads, and a test process may
    # hold a browser driver's).
    probe = ("import sys, pathlib; from sitegen.build import BuildOptions, build; "
             "build(BuildOptions(root=pathlib.Path(sys.argv[1]), jobs=2, search=False, clean=True)); "
             "print('pypinyin' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]
    output = root / "output"
    for slug, count in (("da-diao-yan", 30), ("bu-duan-ban", 20), ("min-sheng", 10)):
        page = (output / "tags" / slug / "index.html").read_text(encoding="utf-8")
        assert page.count('href="/interviews/') >= min(count, 10), slug


# ---------------------------------------------------------------- rebase_html

URLS = [Urls("https://example.org/"), Urls("https://example.org/qingpu/diaoyan/")]


@pytest.mark.parametrize("fragment, expected", [
    ('<a href="/cases/c/">案例</a>', '<a href="/qingpu/diaoyan/cases/c/">案例</a>'),
    ("<A HREF = '/cases/c/'>案例</A>", '<A HREF = "/qingpu/diaoyan/cases/c/">案例</A>'),
    ("<img alt=x src=/images/a.png>", '<img alt=x src="/qingpu/diaoyan/images/a.png">'),
    ('<img alt="图" src="images/a.png">', '<img alt="图" src="/qingpu/diaoyan/images/a.png">'),
    ("<IMG SRC=../images/a.png>", '<IMG SRC="/qingpu/diaoyan/images/a.png">'),
    ('<img src="data:image/png;base64,AA">', '<img src="data:image/png;base64,AA">'),
    # A relative link is read from the site root, as a picture's path is: files/报告.pdf on the page
    # /interviews/x/ pointed at /interviews/x/files/报告.pdf, which does not exist.
    ('<a href="images/a.png">相对</a>', '<a href="/qingpu/diaoyan/images/a.png">相对</a>'),
    ('<a href="files/报告.pdf">报告</a>', '<a href="/qingpu/diaoyan/files/%E6%8A%A5%E5%91%8A.pdf">报告</a>'),
    ("<a HREF=' ../cases/x/'>案例</a>", '<a HREF="/qingpu/diaoyan/cases/x/">案例</a>'),
    ('<a href="mailto:a@b.cn">信</a> <a href="HTTPS://a.org/">外</a>',
     '<a href="mailto:a@b.cn">信</a> <a href="HTTPS://a.org/">外</a>'),
    # Only the path is tidied: a query or fragment is kept as typed; a query alone stays on its page.
    ('<a href="files/a.pdf?v=1&amp;x=../../y">查</a>', '<a href="/qingpu/diaoyan/files/a.pdf?v=1&amp;x=../../y">查</a>'),
    ('<a href="search/?q=https://example.org/x">搜</a>',
     '<a href="/qingpu/diaoyan/search/?q=https://example.org/x">搜</a>'),
    ('<a href="files/a.pdf#p/../2">页</a>', '<a href="/qingpu/diaoyan/files/a.pdf#p/../2">页</a>'),
    ('<a href="?page=2">下页</a> <a href="./">根</a>', '<a href="?page=2">下页</a> <a href="/qingpu/diaoyan/">根</a>'),
    ('<img\nsrc\n=\n"/a.png">', '<img\nsrc\n=\n"/qingpu/diaoyan/a.png">'),
    ('<a href="&#47;cases/c/">案例</a>', '<a href="/qingpu/diaoyan/cases/c/">案例</a>'),
    ('<a href="/qingpu/diaoyan/cases/c/">已有</a>', '<a href="/qingpu/diaoyan/cases/c/">已有</a>'),
    ('<a href="/单位/">中文</a>', '<a href="/qingpu/diaoyan/%E5%8D%95%E4%BD%8D/">中文</a>'),
    ('<a href="//cdn.example.org/x">外</a>', '<a href="//cdn.example.org/x">外</a>'),
    ('<a href="https://example.com/x">外</a>', '<a href="https://example.com/x">外</a>'),
    ('<a href="#fn-1">注</a> <a href="../x/">相对</a>', '<a href="#fn-1">注</a> <a href="/qingpu/diaoyan/x/">相对</a>'),
    ("<p>写 href=/x 的文字</p>", "<p>写 href=/x 的文字</p>"),
    ("<p>无链接的正文。</p>", "<p>无链接的正文。</p>"),
    ("", ""),
])
def test_rebase_html_concrete_cases(fragment: str, expected: str) -> None:
    urls = Urls("https://example.org/qingpu/diaoyan/")
    assert urls.rebase_html(fragment) == expected
    assert urls._rebase_tags(fragment, False) == expected


def test_rebase_html_absolute() -> None:
    urls = Urls("https://example.org/qingpu/diaoyan/")
    assert urls.rebase_html('<a href="/cases/c/">案</a>', absolute=True) == (
        '<a href="https://example.org/qingpu/diaoyan/cases/c/">案</a>')
    assert urls.rebase_html('<a href="https://a.org/">外</a>', absolute=True) == '<a href="https://a.org/">外</a>'


# Read away from its page (a feed entry), a link within the page leads to that page, encoded as
# the page's own address is (a browser percent-encodes a fragment's Chinese alike).
@pytest.mark.parametrize("fragment, expected", [
    ('<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup>',
     '<sup id="fnref-1"><a class="footnote-ref" href="https://example.org/qingpu/diaoyan/interviews/x/#fn-1">1</a></sup>'),
    ('<a href="#及时启动建立体系">上文</a>', '<a href="https://example.org/qingpu/diaoyan/interviews/x/'
     '#%E5%8F%8A%E6%97%B6%E5%90%AF%E5%8A%A8%E5%BB%BA%E7%AB%8B%E4%BD%93%E7%B3%BB">上文</a>'),
    ("<a HREF = '#100%完成'>百</a>",
     '<a HREF = "https://example.org/qingpu/diaoyan/interviews/x/#100%25%E5%AE%8C%E6%88%90">百</a>'),
    ('<a href="?page=2">下页</a> <a href="">本页</a>', '<a href="https://example.org/qingpu/diaoyan/interviews/x/'
     '?page=2">下页</a> <a href="https://example.org/qingpu/diaoyan/interviews/x/">本页</a>'),
    ('<a href="&#35;fn-1">注</a>', '<a href="https://example.org/qingpu/diaoyan/interviews/x/#fn-1">注</a>'),
    # Not links within the page: as without it.
    ('<a href="/cases/c/#a">案</a> <a href="https://a.org/#b">外</a> <img src="#c">',
     '<a href="https://example.org/qingpu/diaoyan/cases/c/#a">案</a> <a href="https://a.org/#b">外</a> <img src="#c">'),
])
def test_rebase_html_makes_links_within_the_page_lead_to_it(fragment: str, expected: str) -> None:
    urls = Urls("https://example.org/qingpu/diaoyan/")
    assert urls.rebase_html(fragment, absolute=True, page="/interviews/x/") == expected
    relative = expected.replace("https://example.org", "")
    assert urls.rebase_html(fragment, page="/interviews/x/") == relative
    assert urls._rebase_tags(fragment, False, page="/interviews/x/") == relative


def test_rebase_html_keeps_links_within_the_page_without_it() -> None:
    urls = Urls("https://example.org/")
    body = '<p>据报道<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup>，<a href="#上文">上文</a>。</p>'
    assert urls.rebase_html(body) is body
    assert urls.rebase_html(body, absolute=True) is body
    assert urls.rebase_html(body, absolute=True, page="/单位/").count('href="https://example.org/%E5%8D%95%E4%BD%8D/#') == 2


def test_a_fragment_without_root_links_is_returned_unparsed() -> None:
    urls = Urls("https://example.org/qingpu/diaoyan/")
    body = '<h2 id="问题">问题</h2>\n<p>详见<a href="https://example.org/a.html">简报</a>。</p>'
    with mock.patch.object(Urls, "_rebase_tag", side_effect=AssertionError("parsed")):
        assert urls.rebase_html(body) is body
        assert urls.rebase_html(body, absolute=True) is body
        assert urls.rebase_html(body, absolute=True, page="/interviews/x/") is body


_SPACE = st.sampled_from(["", " ", "  ", "\t", "\n", "\f", "\u3000"])
_NAME = st.sampled_from(["href", "HREF", "Href", "src", "SRC", "sRc", "title", "alt", "xhref", "hrefs", "on"])
_LINK = st.lists(st.sampled_from([
    "/", "//", "/cases/", "/qingpu/diaoyan/", "/qingpu", "/单位/", "&#47;", "&#x2F;", "&sol;", "&#47", "&amp;",
    "&", "#x", "&#35;", "?a=1", "https://a.org/", "mailto:a@b.cn", "../", "中文", "x", " ", ">", "<", "=", "'", '"',
]), max_size=4).map("".join)
_VALUE = st.one_of(_LINK.map(lambda v: '"' + v.replace('"', "") + '"'),
                   _LINK.map(lambda v: "'" + v.replace("'", "") + "'"), _LINK)
_ATTRIBUTE = st.tuples(st.sampled_from([" ", "\n", "  ", ""]), _NAME,
                       st.one_of(st.just(""), st.tuples(_SPACE, _SPACE, _VALUE).map(lambda t: f"{t[0]}={t[1]}{t[2]}")))
_TAG = st.tuples(st.sampled_from(["a", "img", "A", "IMG", "p", "x-y"]), st.lists(_ATTRIBUTE.map("".join), max_size=4),
                 _SPACE, st.sampled_from([">", "/>", ""])).map(lambda t: f"<{t[0]}{''.join(t[1])}{t[2]}{t[3]}")
_PIECE = st.one_of(_TAG, st.sampled_from(["</a>", "<p>", "文字", "href=/x", " src = '/y'", "<", "&", "\n"]),
                   st.text(max_size=3))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECE, max_size=8), st.sampled_from(URLS), st.booleans(),
       st.sampled_from([None, "/interviews/x/", "/单位/甲/"]))
def test_rebase_html_shortcut_equals_the_full_rewrite(pieces: list[str], urls: Urls, absolute: bool,
                                                      page: str | None) -> None:
    fragment = "".join(pieces)
    assert (urls.rebase_html(fragment, absolute=absolute, page=page)
            == urls._rebase_tags(fragment, absolute, page=page))


# A fresh process builds with pypinyin's reader spied on; forked workers inherit the spy, so
# the log holds every text transliterated anywhere in the build. It prints whether this
# (the main) process loaded pypinyin.
_SPIED_BUILD = """
import sys, pathlib
import sitegen.slugs as slugs
from sitegen.build import BuildOptions, build
from sitegen.errors import SiteError
real = slugs.lazy_pinyin
def spy(text, **options):
    with open(sys.argv[2], "a", encoding="utf-8") as log:
        log.write(text + "\\n")
    return real(text, **options)
slugs.lazy_pinyin = spy
try:
    build(BuildOptions(root=pathlib.Path(sys.argv[1]), jobs=int(sys.argv[3]), search=False))
finally:
    print("pypinyin" in sys.modules)
"""


def _spied_build(root: Path, log: Path, jobs: int) -> tuple[bool, list[str]]:
    """Build ``root`` in a fresh process: (main process loaded pypinyin, texts transliterated in any process)."""
    log.write_text("", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _SPIED_BUILD, str(root), str(log), str(jobs)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split() == ["True"], sorted(log.read_text(encoding="utf-8").split())


def test_a_rebuild_takes_tag_slugs_from_the_slug_book_without_loading_pypinyin(tmp_path: Path) -> None:
    files = {"content/interviews/a.md": interview("访谈甲", extra="tags: [大调研, 补短板, ABC 2024]\n")}
    root = write_site(tmp_path / "site", files)
    log = tmp_path / "pinyin.log"
    # Serial: the slugs are made in the build's own process (and the reading of the unit's name, 白鹤镇).
    assert _spied_build(root, log, jobs=1) == (True, sorted(["大调研", "补短板", "白鹤镇"]))
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    assert _spied_build(root, log, jobs=1) == (False, [])
    assert sorted(p.name for p in (root / "output/tags").iterdir()) == [
        "abc-2024", "bu-duan-ban", "da-diao-yan", "index.html"]
    page.write_text(page.read_text(encoding="utf-8").replace("补短板", "惠民生"), encoding="utf-8")
    assert _spied_build(root, log, jobs=1) == (True, ["惠民生"])
    assert (root / "output/tags/hui-min-sheng/index.html").is_file()


def test_unit_names_are_read_in_pinyin_once_and_kept_in_the_slug_book(tmp_path: Path) -> None:
    # The check of units whose names read the same (白鹤镇, 百鹤镇) needs the pinyin of every unit
    # name: made with the titles and tags, apart from the main process and the page readers, and
    # kept, so that a rebuild (a unit's figures edited, say) does not start pypinyin for them.
    files = {f"content/interviews/p{i:02d}.md": interview(f"访谈{i}", date=f"2018-05-{1 + i:02d} 10:00",
                                                         extra=f"slug: p{i}\n") for i in range(20)}
    files["content/units/xujing.yaml"] = "name: 徐泾镇\nlevel: town\n"
    root = write_site(tmp_path / "site", files)
    log = tmp_path / "pinyin.log"
    assert _spied_build(root, log, jobs=2) == (False, ["徐泾镇", "白鹤镇"])
    unit = root / "content/units/xujing.yaml"
    unit.write_text("name: 徐泾镇\nlevel: town\nsummary: 青浦区徐泾镇。\n", encoding="utf-8")
    # The new text's spans shaped like a unit's name, the names themselves aside, are read once (`check_heard_names`).
    assert _spied_build(root, log, jobs=2) == (False, ["区徐泾镇", "青浦区"])
    unit.write_text("name: 徐泾镇\nlevel: town\nsummary: 徐泾镇。\n", encoding="utf-8")
    assert _spied_build(root, log, jobs=1) == (False, [])  # serial: not even in the build's own process
    unit.write_text("name: 百鹤镇\nlevel: town\n", encoding="utf-8")  # renamed: one new name, and a warning
    assert _spied_build(root, log, jobs=2) == (False, ["百鹤镇"])
    warned = check(BuildOptions(root=root)).problems
    assert [(p.location(), p.severity) for p in warned] == [("content/units/xujing.yaml:1:7", "warning")]


def test_a_parallel_build_makes_slugs_in_one_process_of_their_own(tmp_path: Path) -> None:
    # Chinese file names (slug from the title) and Chinese tags on enough pages for the
    # workers: each text is transliterated once, in neither the main process nor a page reader
    # (each would otherwise load pypinyin's 55 MB of dictionaries).
    titles = [f"白鹤镇访谈{i}" for i in range(40)]
    files = {f"content/interviews/访谈{i:02d}.md": interview(
        title, date=f"2018-05-{1 + i % 28:02d} 10:00", extra=f"tags: [大调研, 镇{i % 4}]\n")
        for i, title in enumerate(titles)}
    files["content/interviews/符号.md"] = interview("々々", date="2018-06-01 10:00")
    root = write_site(tmp_path / "site", files)
    log = tmp_path / "pinyin.log"
    main_loaded, texts = _spied_build_failing(root, log)
    assert (main_loaded, texts) == (False, sorted(titles + ["々々", "大调研", "白鹤镇"] + [f"镇{i}" for i in range(4)]))
    del files["content/interviews/符号.md"]
    (root / "content/interviews/符号.md").unlink()
    assert _spied_build(root, log, jobs=2) == (False, [])  # the pages came from the page cache
    output = root / "output"
    for i in (0, 7, 39):
        assert (output / f"interviews/bai-he-zhen-fang-tan-{i}/index.html").is_file()
    assert sorted(p.name for p in (output / "tags").iterdir()) == [
        "da-diao-yan", "index.html", "zhen-0", "zhen-1", "zhen-2", "zhen-3"]
    serial = write_site(tmp_path / "serial", files)
    assert _spied_build(serial, tmp_path / "serial.log", jobs=1)[0] is True
    assert tree_hashes(serial / "output") == tree_hashes(output)


def _spied_build_failing(root: Path, log: Path) -> tuple[bool, list[str]]:
    """`_spied_build` with two workers of a site with a page without URL: the build fails, naming it."""
    log.write_text("", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _SPIED_BUILD, str(root), str(log), "2"],
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "SiteError: 1 error(s)" in done.stderr, done.stderr
    return done.stdout.split() == ["True"], sorted(log.read_text(encoding="utf-8").split())


def test_a_tag_given_twice_on_a_page_is_warned(tmp_path: Path) -> None:
    # The page listed 标签：大调研、大调研、补短板, unwarned.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra="tags: [大调研, 补短板, 大调研, R&D, ｒ＆ｄ]\n")})
    result = build(BuildOptions(root=root, search=False))
    assert [(p.location(), p.message, p.hint) for p in result.warnings] == [
        ("content/interviews/a.md:9:18", 'the tag "大调研" is given again, so the page would list it twice',
         'delete the second "大调研" from tags'),
        ("content/interviews/a.md:9:28", 'the tag "ｒ＆ｄ" is given again (as "R&D" before), so the page would list it '
         "twice", 'delete the second "ｒ＆ｄ" from tags')]
    # A draft's tags are checked before it is published, and an error in another file hides nothing:
    # the warning came only with the site graph, which drafts are not in and errors stop before.
    root = write_site(tmp_path / "more", {
        "content/interviews/a.md": interview(extra="draft: true\ntags: [大调研, 大调研]\n"),
        "content/interviews/b.md": interview("访谈乙", date="2018-13-45 10:00")})
    assert [(p.location(), p.severity, p.message.split(",")[0]) for p in check(BuildOptions(root=root)).problems] == [
        ("content/interviews/a.md:10:13", "warning", 'the tag "大调研" is given again'),
        ("content/interviews/b.md:8:7", "error", 'date: "2018-13-45 10:00" does not exist (there is no month 13: months '
                                                 "run from 1 to 12)")]


def test_ascii_text_needs_no_transliteration() -> None:
    with mock.patch.object(slugs, "lazy_pinyin", side_effect=AssertionError("pypinyin called")):
        assert make_slug.__wrapped__("Annual Report 2024") == "annual-report-2024"
        assert make_slug.__wrapped__("R&D") == "r-d"


def test_two_words_that_read_alike_get_two_tag_pages_and_a_warning(tmp_path: Path) -> None:
    # 民生 and 民声 both read min-sheng: two words (often an input-method slip), never one page.
    # R&D and ｒ＆ｄ are one word written two ways: one page.
    tags = ["[民生]", "[民声]", "[民生, R&D]", "[民声, ｒ＆ｄ]"]
    files = {f"content/interviews/p{i}.md": interview(f"访谈{i}", date=f"2018-05-0{i + 1} 10:00",
                                                      extra=f"tags: {tag}\n")
             for i, tag in enumerate(tags)}
    root = write_site(tmp_path / "site", files)
    result = build(BuildOptions(root=root, search=False))
    assert [p.format() for p in result.warnings] == [
        'content/interviews/p1.md:9:8: warning: the tags "民生" and "民声" both read min-sheng; "民声" gets its own '
        "page, /tags/min-sheng-2/\n"
        '  hint: if "民声" is a typing slip for "民生" (同音字), write "民生"; if both words are meant, add the line '
        "distinct_tags: [民生, 民声] to site.yaml (the warning then stops)"]
    output = root / "output/tags"
    assert sorted(p.name for p in output.iterdir()) == ["index.html", "min-sheng", "min-sheng-2", "r-d"]

    def linked(slug: str) -> list[str]:
        page = (output / slug / "index.html").read_text(encoding="utf-8")
        return sorted(set(re.findall(r'href="/interviews/(p\d)/"', page)))

    assert (linked("min-sheng"), linked("min-sheng-2"), linked("r-d")) == (["p0", "p2"], ["p1", "p3"], ["p2", "p3"])
    assert "<h1>标签：民声" in (output / "min-sheng-2/index.html").read_text(encoding="utf-8")
    # A third word of that reading on one page, older than all the others: the words on more
    # pages keep their addresses, and the warning names the word to write instead.
    (root / "content/interviews/p9.md").write_text(
        interview("访谈9", date="2018-04-01 10:00", extra="tags: [甲, 敏声]\n"), encoding="utf-8")
    warnings = [p.format() for p in build(BuildOptions(root=root, search=False)).warnings]
    assert sorted(p.name for p in output.iterdir()) == ["index.html", "jia", "min-sheng", "min-sheng-2",
                                                         "min-sheng-3", "r-d"]
    assert (linked("min-sheng"), linked("min-sheng-2"), linked("min-sheng-3")) == (["p0", "p2"], ["p1", "p3"],
                                                                                 ["p9"])
    assert warnings[1].startswith('content/interviews/p9.md:9:11: warning: the tags "民生" and "敏声" both read '
                                  'min-sheng; "敏声" gets its own page, /tags/min-sheng-3/')


def test_a_tag_keeps_its_published_address_when_a_word_of_its_reading_comes_onto_more_pages(tmp_path: Path) -> None:
    # 民声 added to more pages than 民生 took /tags/min-sheng/, which readers had for 民生, without a word of it; the
    # hint took the established 民生 for the slip, and "nothing needs changing" left check --strict failing for good.
    files = {f"content/interviews/p{i}.md": interview(f"访谈{i}", date=f"2018-05-0{i + 1} 10:00",
                                                      extra=f"tags: [{tag}]\n")
             for i, tag in enumerate(["民生", "民生", "民声", "民声", "民声"])}
    root = write_site(tmp_path / "site", {path: text for path, text in files.items() if "民生" in text})
    output = root / "output/tags"
    assert build(BuildOptions(root=root, search=False)).warnings == []
    write_site(root, files)

    def shown(slug: str) -> str:
        return re.findall(r"<h1>(标签：[^<]*)</h1>", (output / slug / "index.html").read_text(encoding="utf-8"))[0]

    warned = ['content/interviews/p2.md:9:8: warning: the tags "民生" and "民声" both read min-sheng; "民声" gets its '
              "own page, /tags/min-sheng-2/\n"
              '  hint: if "民声" is a typing slip for "民生" (同音字), write "民生"; if both words are meant, add the '
              "line distinct_tags: [民生, 民声] to site.yaml (the warning then stops)"]
    assert [p.format() for p in check(BuildOptions(root=root)).problems] == warned
    assert [p.format() for p in build(BuildOptions(root=root, search=False, clean=True)).warnings] == warned
    assert (shown("min-sheng"), shown("min-sheng-2")) == ("标签：民生", "标签：民声")
    # Both words meant, as the hint says: no warning, and the addresses stay.
    (root / "site.yaml").write_text(MINIMAL_CONFIG + "distinct_tags: [民生, 民声]\n", encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).warnings == []
    # A third word of that reading, on more pages still: the published words keep their addresses.
    for i in range(5, 9):
        (root / f"content/interviews/p{i}.md").write_text(
            interview(f"访谈{i}", date=f"2018-05-0{i + 1} 10:00", extra="tags: [敏声]\n"), encoding="utf-8")
    assert [p.format() for p in build(BuildOptions(root=root, search=False)).warnings] == [
        'content/interviews/p5.md:9:8: warning: the tags "民生" and "敏声" both read min-sheng; "敏声" gets its own '
        "page, /tags/min-sheng-3/\n"
        '  hint: if "敏声" is a typing slip for "民生" (同音字), write "民生"; if both words are meant, add 敏声 to the '
        "distinct_tags list in site.yaml (the warning then stops)"]
    assert (shown("min-sheng"), shown("min-sheng-2"), shown("min-sheng-3")) == ("标签：民生", "标签：民声", "标签：敏声")


def _png_header(width: int, height: int) -> bytes:
    """A PNG file's signature, IHDR chunk (what a size reader reads) and IEND chunk (its end), no pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _jpeg_header(width: int, height: int, orientation: int | None = None, *, order: str = "MM") -> bytes:
    """A JPEG file's start (SOI; an Exif APP1 segment holding only the Orientation tag, when given, in the
    TIFF byte ``order`` "MM" or "II"), its baseline frame header (SOF0: the stored size) and its end (EOI)."""
    parts = [b"\xff\xd8"]
    if orientation is not None:
        big = order == "MM"
        pack = (lambda f, *v: struct.pack(">" + f, *v)) if big else (lambda f, *v: struct.pack("<" + f, *v))
        tiff = (order.encode() + pack("H", 42) + pack("I", 8) + pack("H", 1)
                + pack("HHI", 0x0112, 3, 1) + pack("H", orientation) + b"\x00\x00" + pack("I", 0))
        exif = b"Exif\x00\x00" + tiff
        parts.append(b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    parts.append(b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame)
    parts.append(b"\xff\xd9")
    return b"".join(parts)


@pytest.mark.parametrize(("name", "data", "size"), [
    ("photo.png", _png_header(640, 427), (640, 427)),
    ("photo.jpg", _jpeg_header(4032, 3024), (4032, 3024)),
    # A phone held upright, or a photo turned in Windows' Photos, often stores the pixels as shot and says
    # in its Exif Orientation tag how to turn them: browsers show it turned, so its size is the turned one
    # (5-8 swap width and height; 1-4 do not).
    ("upright.jpg", _jpeg_header(4032, 3024, 6), (3024, 4032)),
    ("upright-le.jpg", _jpeg_header(4032, 3024, 8, order="II"), (3024, 4032)),
    ("upside-down.jpg", _jpeg_header(4032, 3024, 3), (4032, 3024)),
    ("mirrored-turned.jpg", _jpeg_header(400, 300, 5), (300, 400)),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"></svg>', (1200, 675)),
    ("fraction.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="99.6" height="50.2"></svg>', (100, 50)),
    ("viewbox-only.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 4"></svg>', None),
    # Only the outermost <svg> states the picture's size: an inner shape's width and height once gave
    # an Illustrator export (viewBox only) a 100 x 20 box, and this one a 10 x 50 one.
    ("inner-shape.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100">'
                        b'<rect width="10" height="50"/></svg>', None),
    ("styled.svg", b'<svg xmlns="http://www.w3.org/2000/svg" style="width:50px;height:80px" viewBox="0 0 6 3">'
                   b'<rect width="1" height="1"/></svg>', None),
    ("relative.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="20em"></svg>', None),
    ("units.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="2.54cm"></svg>', (96, 96)),
    ("notepad.svg", b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n<!-- \xe5\x9b\xbe -->\n'
                    b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
                    b'\n<svg xmlns="http://www.w3.org/2000/svg" width="1200px" height="675"></svg>', (1200, 675)),
    ("nested.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"><svg width="900" height="900"/></svg>',
     None),
    ("not-svg.svg", b'<html width="5" height="5"></html>', None),
    ("not-a-picture.png", "这不是图片".encode(), None),
])
def test_image_size_reads_the_file_header(tmp_path: Path, name: str, data: bytes,
                                          size: tuple[int, int] | None) -> None:
    (tmp_path / name).write_bytes(data)
    assert image_size(tmp_path / name) == size
    assert image_size(tmp_path / "missing.png") is None


_PICTURE = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>'


@pytest.mark.parametrize("src", ["images/a.svg", "/images/a.svg", "./images/a.svg", "../images/a.svg"])
def test_every_spelling_of_an_image_path_from_content_is_published_as_one_address(tmp_path: Path, src: str) -> None:
    # A leading "/" was published as "//images/a.svg": an address on a host named "images".
    images = f"images:\n  - src: {src}\n    alt: 图\n  - src: https://example.com/p.png\n    alt: 外图\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images), "content/images/a.svg": _PICTURE},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    result = build(BuildOptions(root=root, search=False))
    assert result.warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert re.findall(r"<img [^>]*>", page) == [
        '<img src="/q/images/a.svg" alt="图" width="40" height="30">',
        '<img src="https://example.com/p.png" alt="外图" loading="lazy">']
    # A link preview shows no SVG: the first picture it can show is offered.
    assert re.findall(r'<meta property="og:image[^>]*>', page) == [
        '<meta property="og:image" content="https://example.com/p.png">',
        '<meta property="og:image:alt" content="外图">']
    assert '"image":["https://example.org/q/images/a.svg","https://example.com/p.png"]' in page


_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\xb0\x00\x00\x02\x76\x08\x02\x00\x00\x00"
        b"\x00\x00\x00\x00\x00\x00\x00\x00IEND\xaeB`\x82")
"""The head of a PNG file of 1200 × 630 pixels."""


@pytest.mark.parametrize(("images", "shared"), [
    ([("a.svg", "图")], None),
    ([("a.svg", "图"), ("b.PNG", "照片")], ("/q/images/b.PNG", "照片")),
    ([("b.jpg?v=2", "照片"), ("a.svg", "图")], ("/q/images/b.jpg?v=2", "照片")),
])
def test_the_first_picture_a_link_preview_can_show_is_offered_with_its_size(
        tmp_path: Path, images: list[tuple[str, str]], shared: tuple[str, str] | None) -> None:
    front = "images:\n" + "".join(f"  - src: images/{src}\n    alt: {alt}\n" for src, alt in images)
    files = {"content/interviews/a.md": interview(extra=front), "content/images/a.svg": _PICTURE,
             "content/images/b.PNG": _PNG, "content/images/b.jpg": _PNG}
    root = write_site(tmp_path, files, config="title: 测试站点\nbase_url: https://example.org/q/\n")
    build(BuildOptions(root=root, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    found = re.findall(r'<meta property="(og:image[^"]*)" content="([^"]*)">', page)
    if shared is None:
        assert found == []
    else:
        path, alt = shared
        assert found == [("og:image", "https://example.org" + path), ("og:image:alt", alt),
                         ("og:image:width", "1200"), ("og:image:height", "630")]


def test_pictures_in_the_text_are_published_with_their_files_size(tmp_path: Path) -> None:
    # Without a size, a picture in the text took no room until it arrived, then pushed the text down;
    # all of them loaded at once, even far below the screen.
    body = ("## 问题一\n\n![草莓田](images/field.png)\n\n![同一张](/images/field.png \"标题\")\n\n"
            '<img src="images/field.png" width="320" alt="编辑写了宽度">\n\n<img src="images/field.png" height="90" alt="高">\n\n'
            '<img src="images/field.png" width="50%" alt="百分比宽">\n\n'
            "![外站](https://example.com/p.png)\n\n![矢量](images/a%20b.svg?v=2)\n\n![百分](images/100%完成.svg)\n\n"
            "![无尺寸](images/box.svg)\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/images/field.png": _png_header(640, 360),
                                 "content/images/a b.svg": _PICTURE, "content/images/100%完成.svg": _PICTURE,
                                 "content/images/box.svg": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 4"/>'},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    assert build(BuildOptions(root=root, search=False)).warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert re.findall(r"<img [^>]*>", page) == [
        '<img alt="草莓田" src="/q/images/field.png" width="640" height="360" loading="lazy">',
        '<img alt="同一张" src="/q/images/field.png" title="标题" width="640" height="360" loading="lazy">',
        # The editor's own width or height is kept, and the other made in the picture's proportions.
        '<img src="/q/images/field.png" width="320" alt="编辑写了宽度" height="180" loading="lazy">',
        '<img src="/q/images/field.png" height="90" alt="高" width="160" loading="lazy">',
        '<img src="/q/images/field.png" width="50%" alt="百分比宽" loading="lazy">',
        '<img alt="外站" src="https://example.com/p.png" loading="lazy">',  # an address elsewhere is never fetched
        '<img alt="矢量" src="/q/images/a%20b.svg?v=2" width="40" height="30" loading="lazy">',
        # A "%" that starts no escape was published raw, an address nginx answers with 400 Bad Request.
        '<img alt="百分" src="/q/images/100%25%E5%AE%8C%E6%88%90.svg" width="40" height="30" loading="lazy">',
        '<img alt="无尺寸" src="/q/images/box.svg" loading="lazy">']  # an SVG with only a viewBox states no size
    for src in re.findall(r'src="(/q/[^"]+)"', page):
        published = file_for(root / "output", "/q/", html.unescape(src))
        assert published is not None and published.is_file(), src
    feed = (root / "output/feed.xml").read_text(encoding="utf-8")
    assert '<img alt="草莓田" src="https://example.org/q/images/field.png" width="640" height="360">' in html.unescape(feed)


def test_a_relative_link_in_the_text_reaches_its_file_under_a_sub_path_and_in_the_feed(tmp_path: Path) -> None:
    body = "## 问题一\n\n见[调研报告（PDF）](files/报告.pdf)和[案例](../cases/c/)，[图](./images/a.svg)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/cases/c.md": "---\ntitle: 案例\nunit: baihe\nstatus: in_progress\nproblem: 问题\nactions: [做法]\ndate: 2018-05-03 10:00\n---\n\n正文。\n",
                                 "content/files/报告.pdf": b"%PDF-1.4\n", "content/images/a.svg": _PICTURE},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    build(BuildOptions(root=root, search=False))
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"#]+)">(?:调研报告|案例|图)', page)
    assert links == ["/q/files/%E6%8A%A5%E5%91%8A.pdf", "/q/cases/c/", "/q/images/a.svg"]
    for link in links:
        published = file_for(root / "output", "/q/", link)
        assert published is not None and published.is_file(), link
    feed = html.unescape((root / "output/feed.xml").read_text(encoding="utf-8"))
    assert 'href="https://example.org/q/files/%E6%8A%A5%E5%91%8A.pdf"' in feed


def test_a_link_in_the_text_that_leads_nowhere_on_the_site_is_a_warning_at_it(tmp_path: Path) -> None:
    # Links to pages or files that do not exist were published unwarned (404 for readers).
    body = ("## 问题一\n\n见[报告](files/报告.pdf)、[不存在](files/nope.pdf)、[单位](/units/baihe/)、"
            "[无斜杠](/units/baihe)、[错单位](/units/nope/)、[拼错](/units/baihee/)、[带基础路径](/q/units/baihe/)、\n"
            "[数据](/data/tallies.csv)、[订阅](/feed.xml)、[单位订阅](/units/baihe/feed.xml)、[外](https://a.org/x)、"
            "[锚](#问题一)、[信](mailto:a@b.cn)、[相对页](interviews/a/)、[首页](/)、[图](images/a.svg)、[样式](/assets/site.css)。\n"
            "[同栏目](../a/)\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body), "content/files/报告.pdf": b"%PDF",
                                 "content/images/a.svg": _PICTURE},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:27", 'the link "files/nope.pdf" leads to no page or file of this site',
         "link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to a file under content/ by its path from there "
         "(e.g. files/报告.pdf for content/files/报告.pdf)"),
        ("content/interviews/a.md:13:89", 'the link "/units/nope/" leads to no page or file of this site',
         "there is no unit nope (no file content/units/nope.yaml): link to the page of one there is, by its address: "
         "/units/baihe/ (白鹤镇); or, if it is a new unit, create its file by running, in the site folder: sitegen new "
         "unit 名称 --id nope (with the unit's name in place of 名称), which makes content/units/nope.yaml"),
        ("content/interviews/a.md:13:108", 'the link "/units/baihee/" leads to no page or file of this site',
         "did you mean /units/baihe/?"),
        # Copied from the address bar: it leads to the page where the site is published, and nowhere in the
        # preview or a build for another address (once passed unwarned).
        ("content/interviews/a.md:13:132", 'the link "/q/units/baihe/" starts with the path of base_url (/q/), but '
         "links are read from the site's root (sitegen adds that path where the site is published): as typed, it "
         "leads nowhere in the preview (sitegen serve) or when the site is built for another address",
         "write it without /q: /units/baihe/ (it then works at whatever address the site is published)"),
        # Written from the page it is on, as it worked when links were read that way.
        ("content/interviews/a.md:15:7", 'the link "../a/" leads to no page or file of this site',
         "did you mean /interviews/a/? (a link without https:// is read from the site's root)")]


def test_the_address_a_broken_links_hint_offers_is_a_pages_own_not_an_alias_in_chinese(tmp_path: Path) -> None:
    # With an alias typed in Chinese (/访谈/白鹤/), the hint offered its address as kept, /%E8%AE%BF…/: it sorted
    # first, and is no address an editor would type.
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body="## 问题\n\n[去](/nowhere/at/all/)\n",
                                                                      extra="aliases: [/访谈/白鹤/]\n")})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.hint) for w in warnings] == [
        ("content/interviews/a.md:14:5", "link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to a file under "
         "content/ by its path from there (e.g. files/报告.pdf for content/files/报告.pdf)")]


def test_an_automatic_summary_of_the_baihe_interview_never_ends_in_part_of_a_figure(tmp_path: Path) -> None:
    # With no summary: and a first paragraph of one long clause, the summary cut "问题清单1296份" after its "1":
    # the home page, the lists, the feed and <meta description> said 1 list was collected, with no message.
    root = copy_example(tmp_path / "site")
    page = root / "content/interviews/2018-05-baihe-dadiaoyan.md"
    text = page.read_text(encoding="utf-8")
    summary = next(line for line in text.split("\n") if line.startswith("summary:"))
    lead = "大调研开展以来白鹤镇发现问题和解决问题截至目前共收集问题清单1296份已解决1103份。"
    text = text.replace(summary + "\n", "").replace(
        "大调研开展以来，白鹤镇按照区委部署，成立大调研领导小组，下设五个调研组，印发实施方案，全面推进大调研工作。", lead)
    page.write_text(text, encoding="utf-8")
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "summary_length: 34\n", encoding="utf-8")
    assert lead.index("1296") == 30  # the cut, after 33 characters, would fall after "129"
    build(BuildOptions(root=root, search=False))
    shown = "大调研开展以来白鹤镇发现问题和解决问题截至目前共收集问题清单…"
    interview = (root / "output/interviews/baihe-dadiaoyan-weifangtan/index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{shown}">' in interview
    assert shown in (root / "output/index.html").read_text(encoding="utf-8")
    assert shown in (root / "output/feed.xml").read_text(encoding="utf-8")


def test_a_link_written_with_backslashes_is_told_to_use_slashes_and_the_hint_followed_leads_there(
        tmp_path: Path) -> None:
    # "[调研报告](files\\报告.pdf)" was told only "leads to no page or file", with a hint about addresses in general,
    # never naming the "\\"; the page linked /files%5C报告.pdf.
    body = "## 问题一\n\n见[调研报告](files\\报告.pdf)、[单位](units\\baihe)、[别处](units\\nope)。\n"
    files = {"content/interviews/a.md": interview(body=body), "content/files/报告.pdf": b"%PDF"}
    root = write_site(tmp_path, files)
    warnings = build(BuildOptions(root=root, search=False)).warnings
    told = 'is written with "\\", as a Windows path is, and leads to no page or file of this site: a web address ' \
           'separates its folders with "/"'
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:9", f'the link "files\\报告.pdf" {told}',
         'write "/" in place of each "\\": /files/报告.pdf'),
        ("content/interviews/a.md:13:28", f'the link "units\\baihe" {told}',
         'write "/" in place of each "\\": /units/baihe/'),
        ("content/interviews/a.md:13:46", f'the link "units\\nope" {told}',
         'write "/" in place of each "\\"; then: there is no unit nope (no file content/units/nope.yaml): link to the '
         "page of one there is, by its address: /units/baihe/ (白鹤镇); or, if it is a new unit, create its file by "
         "running, in the site folder: sitegen new unit 名称 --id nope (with the unit's name in place of 名称), which "
         "makes content/units/nope.yaml")]
    write_site(tmp_path, {**files, "content/interviews/a.md": interview(
        body="## 问题一\n\n见[调研报告](/files/报告.pdf)、[单位](/units/baihe/)。\n")})
    assert build(BuildOptions(root=root, search=False)).warnings == []


def test_a_link_to_a_file_in_a_shared_network_folder_is_told_to_copy_the_file_in(tmp_path: Path) -> None:
    # "[纪要](\\\\server\\共享\\纪要.docx)", a path copied from Windows Explorer, was told as a site path typed with
    # "\\" and offered 'write "/" in place of each "\\"', which leads nowhere either: Markdown had read the first
    # backslash as an escape and the message showed the path without it. Typed in HTML both backslashes stay.
    body = ("## 问题一\n\n见[纪要](\\\\server\\共享\\纪要.docx)。\n\n"
            '<a href="\\\\nas\\公共\\名单.xlsx">名单</a>\n\n见[单位](\\units\\baihe)。\n')
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    shared = "names a file in a shared folder of your network (共享文件夹), which readers of the site cannot open"
    copy = "copy the file into content/files/ and link to it from the site's root, e.g. /files/"
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", f'the link "\\\\server\\共享\\纪要.docx" {shared}', f"{copy}纪要.docx"),
        ("content/interviews/a.md:15:10", f'the link "\\\\nas\\公共\\名单.xlsx" {shared}', f"{copy}名单.xlsx"),
        # One backslash typed is a site path written as Windows writes it, as before.
        ("content/interviews/a.md:17:7", 'the link "\\units\\baihe" is written with "\\", as a Windows path is, and '
         'leads to no page or file of this site: a web address separates its folders with "/"',
         'write "/" in place of each "\\": /units/baihe/')]


@pytest.mark.parametrize(("named", "renamed"), [("/files/方案?.docx", "方案.docx"), ("/files/Data#1.txt", "Data-1.txt"),
                                              ("/files/#1.pdf", "1.pdf"), ("/files/a%20b.pdf", "a-20b.pdf")])
def test_the_name_offered_for_a_file_named_with_a_sign_keeps_its_ending_whole(named: str, renamed: str) -> None:
    # "方案?.docx" was offered "方案-.docx": a dash left before the ending.
    hint = signs_in_name_hint(named.lstrip("/"), named, use="link to it", what="link")
    assert f"(as {renamed})" in hint


def test_a_link_to_a_file_whose_name_holds_a_hash_query_or_percent_sign_is_told_why_and_how(
        tmp_path: Path) -> None:
    # "[数据](files/Data#1.txt)" for content/files/Data#1.txt was told only "leads to no page or file" with the
    # general hint, and "files/a%20b.pdf" for a file named so was offered "did you mean /files/a%20b.pdf?": the
    # very link typed. A web address reads "#", "?" and "%" otherwise, whatever the file is called.
    body = "## 问题一\n\n见[数据](files/Data#1.txt)、[表](/files/a%20b.pdf)、[报告](files/报告?v1#2.pdf)。\n"
    files = {"content/interviews/a.md": interview(body=body), "content/files/Data#1.txt": b"1",
             "content/files/a%20b.pdf": b"%PDF", "content/files/报告?v1#2.pdf": b"%PDF"}
    if os.name == "nt":
        pytest.skip("Windows file names cannot hold ? (the rest is the same code)")
    root = write_site(tmp_path, files)
    warnings = build(BuildOptions(root=root, search=False)).warnings
    nowhere = "leads to no page or file of this site"
    place, query = '"#" as the start of a place in a page', '"?" as the start of a query'
    code = '"%" as the start of a code for another character (%20 is a space)'
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", f'the link "files/Data#1.txt" {nowhere}',
         f'the file content/files/Data#1.txt is there, but a web address reads "#" in its name otherwise ({place}): '
         'rename the file without "#" (as Data-1.txt) and link to it by that name, or write the link as '
         "files/Data%231.txt"),
        ("content/interviews/a.md:13:29", f'the link "/files/a%20b.pdf" {nowhere}',
         f'the file content/files/a%20b.pdf is there, but a web address reads "%" in its name otherwise ({code}): '
         'rename the file without "%" (as a-20b.pdf) and link to it by that name, or write the link as '
         "/files/a%2520b.pdf"),
        ("content/interviews/a.md:13:52", f'the link "files/报告?v1#2.pdf" {nowhere}',
         "the file content/files/报告?v1#2.pdf is there, but a web address reads \"#\" and \"?\" in its name otherwise "
         f'({place}; {query}): rename the file without "#" and "?" (as 报告-v1-2.pdf) and link to it by that name, '
         "or write the link as files/报告%3Fv1%232.pdf")]
    # Each link written as the hint says leads to its file, in the check and in the published page.
    write_site(tmp_path, {**files, "content/interviews/a.md": interview(
        body="## 问题一\n\n见[数据](files/Data%231.txt)、[表](/files/a%2520b.pdf)、[报告](files/报告%3Fv1%232.pdf)。\n")})
    assert build(BuildOptions(root=root, search=False)).warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert ('href="/files/Data%231.txt"' in page and 'href="/files/a%2520b.pdf"' in page
            and 'href="/files/%E6%8A%A5%E5%91%8A%3Fv1%232.pdf"' in page)
    assert {p.name for p in (root / "output/files").iterdir()} == {"Data#1.txt", "a%20b.pdf", "报告?v1#2.pdf"}


def test_a_link_to_the_preview_or_to_the_sites_own_address_typed_in_full_is_a_warning(tmp_path: Path) -> None:
    # A link copied from the preview's address bar was published as it was, dead for every reader; one to
    # the site's own base URL typed in full led out of the site built for another address, and was not checked.
    body = ("## 问题一\n\n见[访谈](http://127.0.0.1:8000/interviews/a/)、[另一篇](http://localhost:8000/interviews/nope/)、"
            "[本站](https://example.org/q/units/baihe/)、[站首](https://example.org/q)、[同主机](https://example.org/other/)、"
            "[外](https://a.org/x)。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    warnings = build(BuildOptions(root=root, search=False)).warnings
    preview = "leads to the preview on your own computer (sitegen serve), which readers cannot open"
    root_hint = "link to it from the site's root: write {} (it then works at whatever address the site is published)"
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", f'the link "http://127.0.0.1:8000/interviews/a/" {preview}',
         root_hint.format("/interviews/a/")),
        ("content/interviews/a.md:13:50", f'the link "http://localhost:8000/interviews/nope/" {preview}, and leads to '
                                          "no page or file of this site",
         "link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to a file under content/ by its path from there "
         "(e.g. files/报告.pdf for content/files/报告.pdf)"),
        ("content/interviews/a.md:13:95", 'the link "https://example.org/q/units/baihe/" is this site\'s own address '
                                          "typed in full", root_hint.format("/units/baihe/")),
        ("content/interviews/a.md:13:136", 'the link "https://example.org/q" is this site\'s own address typed in full',
         root_hint.format("/"))]
    fixed = (body.replace("http://127.0.0.1:8000/interviews/a/", "/interviews/a/")
             .replace("http://localhost:8000/interviews/nope/", "/interviews/a/")
             .replace("https://example.org/q/units/baihe/", "/units/baihe/").replace("https://example.org/q)", "/)"))
    (root / "content/interviews/a.md").write_text(interview(body=fixed), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False, base_url="https://example.net/town/")).warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]+)">(?:访谈|另一篇|本站|站首)', page) == [
        "/town/interviews/a/", "/town/interviews/a/", "/town/units/baihe/", "/town/"]


def test_broken_links_are_compared_with_the_pages_of_their_folder_or_last_part_only(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    # Each broken link was compared with every page and file of the site (and the set of them made again):
    # 9,000 links to another part of the site's host took 227 s at 10,000 pages.
    import difflib
    compared: list[int] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches",
                        lambda word, possibilities, *a, **k: compared.append(len(possibilities)) or real(
                            word, possibilities, *a, **k))
    links = "".join(f"[简报{n}](/jianbao/{n % 7}.html)、" for n in range(40)) + "[单位](/units/baihee/)、[单](/unit/baihe/)\n"
    # Each text begins with its own line: thirty pages of one text would be warned as copies of the first.
    files = {f"content/interviews/p{n:03d}.md": interview(f"访谈{n}", body=f"## 问\n\n第{n}篇。\n\n"
                                                          + (links if n < 30 else "答。\n"))
             for n in range(120)}
    root = write_site(tmp_path, files)
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert len(warnings) == 30 * 9  # each distinct link of a page once
    assert {w.hint for w in warnings if "baihe" in w.message} == {"did you mean /units/baihe/?"}
    assert len(compared) == 9  # each path once: seven of /jianbao/, /units/baihee/ and /unit/baihe/
    assert max(compared) <= 2  # the unit pages of the folder /units/, or of the last part baihe


def test_a_web_or_mail_address_typed_without_its_scheme_gets_the_address_to_write(tmp_path: Path) -> None:
    # A link to www.… (or with https：// typed by a Chinese input method) was read as a page of this site and
    # the hint spoke of the site's own pages; the reader's link led to a 404 page.
    addresses = {"www.qingpu.gov.cn": "https://www.qingpu.gov.cn",
                 "qingpu.gov.cn/tz/1.html": "https://qingpu.gov.cn/tz/1.html",
                 "www。qingpu。gov。cn/a": "https://www.qingpu.gov.cn/a",
                 "https：www.qingpu.gov.cn/a": "https://www.qingpu.gov.cn/a",
                 "http//WWW.Qingpu.gov.cn": "http://WWW.Qingpu.gov.cn",
                 "https：//www.qingpu.gov.cn/b": "https://www.qingpu.gov.cn/b",
                 "someone@qingpu.gov.cn": "mailto:someone@qingpu.gov.cn"}
    body = "## 问题一\n\n" + "".join(f"[链接{n}]({typed})\n\n" for n, typed in enumerate(addresses)) + "[报告](baogao.pdf)\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", 'a web address without "https://" is read as a page of this site: '
                                         "write https://www.qingpu.gov.cn (or http:// if that site has no https)"),
        ("content/interviews/a.md:15:7", 'a web address without "https://" is read as a page of this site: '
                                         "write https://qingpu.gov.cn/tz/1.html (or http:// if that site has no https)"),
        ("content/interviews/a.md:17:7", 'a web address without "https://" is read as a page of this site: '
                                         "write https://www.qingpu.gov.cn/a (or http:// if that site has no https)"),
        ("content/interviews/a.md:19:7", 'the start of a web address is typed "https://", with a half-width colon '
                                         "(半角冒号) and two slashes: write https://www.qingpu.gov.cn/a"),
        ("content/interviews/a.md:21:7", 'the start of a web address is typed "http://", with a half-width colon '
                                         "(半角冒号) and two slashes: write http://WWW.Qingpu.gov.cn"),
        # Named once, by the check of full-width signs in addresses, not again as a page of this site.
        ("content/interviews/a.md:23:7", "type it in half width (半角): https://www.qingpu.gov.cn/b"),
        ("content/interviews/a.md:25:7", "an e-mail address is linked with mailto: before it: "
                                         "write mailto:someone@qingpu.gov.cn"),
        ("content/interviews/a.md:27:6", "link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to a file under "
                                         "content/ by its path from there (e.g. files/报告.pdf for content/files/报告.pdf)")]
    for typed, fixed in addresses.items():
        body = body.replace(f"({typed})", f"({fixed})")
    (root / "content/interviews/a.md").write_text(interview(body=body), encoding="utf-8")
    assert [w.location() for w in build(BuildOptions(root=root, search=False)).warnings] == ["content/interviews/a.md:27:6"]
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert [href for href in re.findall(r'<a href="([^"]+)">链接', page)] == list(addresses.values())


def test_a_link_to_another_interview_by_its_file_or_title_is_warned_at_the_link_with_its_address(
        tmp_path: Path) -> None:
    # The warning stood at the first line holding the address's words (here the title, line 13), not at the
    # link (line 15); and its hint named no page, though the file or title named one.
    body = ("## 问题一\n\n另见白鹤镇访谈二。\n\n见[访谈二](白鹤镇访谈二)和[同一篇](2018-05-er.md)、"
            "[全路径](content/interviews/2018-05-er.md)、[书名号](《白鹤镇访谈二》)。\n\n"
            "[像网址](interviews/2018-05-er/)\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/2018-05-er.md": interview("白鹤镇访谈二", extra="slug: er\n")})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:15:8", 'the link "白鹤镇访谈二" leads to no page or file of this site',
         "did you mean /interviews/er/? (link to the page's address, not to its title)"),
        ("content/interviews/a.md:15:22", 'the link "2018-05-er.md" leads to no page or file of this site',
         "did you mean /interviews/er/? (link to the page's address, not to its file 2018-05-er.md)"),
        ("content/interviews/a.md:15:43", 'the link "content/interviews/2018-05-er.md" leads to no page or file '
         "of this site", "did you mean /interviews/er/? (link to the page's address, not to its file 2018-05-er.md)"),
        # The title as Chinese text quotes it got the hint for an unknown address.
        ("content/interviews/a.md:15:83", 'the link "《白鹤镇访谈二》" leads to no page or file of this site',
         "did you mean /interviews/er/? (link to the page's address, not to its title)"),
        # Its folder and file name typed as its address got the general hint, whose example was another page.
        ("content/interviews/a.md:17:7", 'the link "interviews/2018-05-er/" leads to no page or file of this site',
         "did you mean /interviews/er/? (link to the page's address, not to its file's name 2018-05-er: a page's "
         "address is made of its slug)")]
    page = root / "content/interviews/a.md"
    page.write_text(interview(body=re.sub(r"\]\([^)]*\)", "](/interviews/er/)", body)), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).warnings == []


def test_a_link_typed_with_a_units_name_or_a_pages_title_is_warned_with_the_address_of_its_page(
        tmp_path: Path) -> None:
    # unit: 白鹤镇 got "write the id, not the name: unit: baihe", but a link to units/白鹤镇/ only the generic
    # hint, which named no page.
    links = {"units/白鹤镇/": "/units/baihe/ (白鹤镇)? (link to the page's address, not to its name)",
             "units/白鹤/": "/units/baihe/ (白鹤镇)? (link to the page's address, not to its name)",
             "units/%E7%99%BD%E9%B9%A4%E9%95%87/": "/units/baihe/ (白鹤镇)? (link to the page's address, not to its "
                                                  "name)",
             "/units/白河镇": "/units/baihe/ (白鹤镇)? (link to the page's address, not to a misspelling of its name)",
             "cases/做大做强白鹤草莓/": "/cases/baihe-caomei/ (做大做强白鹤草莓)? (link to the page's address, not "
                                      "to its title)",
             "series/大调研微访谈/": "/series/dadiaoyan-weifangtan/ (大调研微访谈)? (link to the page's address, not "
                                  "to its title)"}
    root = copy_example(tmp_path / "site")
    case = "content/cases/baihe-sige-zui.md"
    typed = "、".join(f"[见]({link})" for link in links)
    edit_file(root, case, "\n## 怎么解决", f"\n{typed}\n\n## 怎么解决")
    line = (root / case).read_text(encoding="utf-8").split("\n").index(typed) + 1
    assert [(w.location(), w.message, w.hint) for w in check(BuildOptions(root=root)).problems] == [
        (f"{case}:{line}:{typed.index(f'({link})') + 2}", f'the link "{link}" leads to no page or file of this site',
         f"did you mean {meant}") for link, meant in links.items()]
    for link, meant in links.items():
        edit_file(root, case, f"]({link})", f"]({meant.partition(' ')[0]})")
    assert check(BuildOptions(root=root)).problems == []
    # A name two units are called by (白鹤 for 白鹤镇 and for 白鹤村) names neither for sure: both are offered.
    (root / "content/units/baihecun.yaml").write_text("name: 白鹤村\nlevel: village\n", encoding="utf-8")
    edit_file(root, case, "](/units/baihe/)", "](units/白鹤/)")
    assert [w.hint for w in check(BuildOptions(root=root)).problems if "link" in w.message][:1] == [
        "白鹤 is in the names of 2 units: link to the page of the one meant, by its address: /units/baihe/ (白鹤镇), "
        "/units/baihecun/ (白鹤村)"]


def test_a_link_typed_as_a_slug_an_id_or_a_tag_is_warned_with_the_address_of_its_page(tmp_path: Path) -> None:
    # A page's slug typed alone, a unit's id, a series' id or a tag got the hint for an unknown address, which
    # named no page; with a last "/" the slug already got its page's address.
    links = ["baihe-er", "baihe-er/", "/baihe-er", "baihe", "dadiaoyan", "草莓产业", "/tags/草莓产业/"]
    body = "## 问题一\n\n" + "、".join(f"[链接]({link})" for link in links) + "。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body, extra="tags: [草莓产业]\n"),
                                 "content/interviews/er.md": interview("白鹤镇访谈二", extra="slug: baihe-er\n")})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    root_read = "(a link without https:// is read from the site's root)"
    tag = "(link to the page of the tag 草莓产业 by its address)"
    meant = {"baihe-er": f"/interviews/baihe-er/? {root_read}", "baihe-er/": f"/interviews/baihe-er/? {root_read}",
             "/baihe-er": f"/interviews/baihe-er/? {root_read}", "baihe": f"/units/baihe/? {root_read}",
             "dadiaoyan": f"/series/dadiaoyan/? {root_read}", "草莓产业": f"/tags/cao-mei-chan-ye/? {tag}",
             "/tags/草莓产业/": f"/tags/cao-mei-chan-ye/? {tag}"}
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        (f"content/interviews/a.md:14:{body.split(chr(10))[2].index(f'({link})') + 2}",
         f'the link "{link}" leads to no page or file of this site', f"did you mean {meant[link]}")
        for link in links]
    # Followed: each link leads to its page.
    for link in links:
        body = body.replace(f"({link})", f"({meant[link].partition('?')[0]})")
    (root / "content/interviews/a.md").write_text(interview(body=body, extra="tags: [草莓产业]\n"), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).warnings == []


def test_a_link_to_a_place_in_the_page_that_names_none_is_warned_with_the_heading_meant(tmp_path: Path) -> None:
    # A link typed with its heading as it reads (signs, capitals) led nowhere, and one to no heading at all too,
    # unwarned: a heading's place is its text without signs, in lower case.
    body = ("## 一、进博会（CIIE）怎么办？\n\n见[上文](#一、进博会（CIIE）怎么办？)、[无](#没有这个标题)、[对](#一进博会ciie怎么办)"
            "和[注](#fn:1)[^1]。\n\n[^1]: 注释。\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", 'the link "#一、进博会（CIIE）怎么办？" leads to no place in the page: a heading\'s '
         "place is named by its text without signs, in lower case", "write #一进博会ciie怎么办"),
        ("content/interviews/a.md:13:29", 'the link "#没有这个标题" leads to no place in the page',
         "link to one of its headings: #一进博会ciie怎么办"),
        # Other Markdown tools name a footnote's place "fn:1"; an ASCII place is checked against the theme's too.
        ("content/interviews/a.md:13:60", 'the link "#fn:1" leads to no place in the page: sitegen names a '
         'footnote\'s place with "-"', "write #fn-1")]
    page = root / "content/interviews/a.md"
    page.write_text(interview(body=body.replace("(#一、进博会（CIIE）怎么办？)", "(#一进博会ciie怎么办)").replace(
        "、[无](#没有这个标题)", "").replace("#fn:1", "#fn-1")), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).warnings == []


def test_a_link_to_a_draft_or_a_scheduled_page_is_told_why_it_leads_nowhere_yet(tmp_path: Path) -> None:
    # Its hint was "link to a page by its address (as …)": the address was that page's already, and followed, the
    # hint changed nothing.
    body = "## 问\n\n见[草稿](/interviews/caogao/)和[预告](/interviews/yugao/)。\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body),
                                 "content/interviews/caogao.md": interview("草稿一篇", extra="draft: true\n"),
                                 "content/interviews/yugao.md": interview("预告一篇", date="2030-01-05 10:00")})
    warnings = build(BuildOptions(root=root, search=False, now=datetime(2026, 12, 2, 9, 0))).warnings
    assert [(w.location(), w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", "/interviews/caogao/ is the address of 《草稿一篇》, a draft (draft: true), "
         "which is not published: publish it (write draft: false in content/interviews/caogao.md), or leave the "
         "link out until it is"),
        ("content/interviews/a.md:13:33", "/interviews/yugao/ is the address of 《预告一篇》, scheduled for "
         "2030-01-05 10:00: the link leads nowhere until then; leave it out until the page is published, or publish "
         "it sooner (an earlier date: in content/interviews/yugao.md)")]
    # Followed: the draft published, the date brought forward, both links lead to their pages.
    (root / "content/interviews/caogao.md").write_text(interview("草稿一篇", extra="draft: false\n"), encoding="utf-8")
    (root / "content/interviews/yugao.md").write_text(interview("预告一篇", date="2026-12-01 10:00"), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False, now=datetime(2026, 12, 2, 9, 0))).warnings == []


def test_a_link_to_a_drafts_address_guessed_is_offered_the_draft_not_another_page(tmp_path: Path) -> None:
    # A link to a new draft, its address guessed from the title's pinyin (cases/jianshe-caomei/ for the slug
    # jian-she-cao-mei-zhong-zhi-ji-di), was offered "did you mean /cases/baihe-caomei/?": another, published page.
    body = ("## 问\n\n见[基地](/cases/jianshe-caomei/)、[预告](/interviews/yu-gao-yi/)、[草莓](/cases/baihecaomei/)"
            "和[基地二](/cases/jian-she-cao-mei-zong-zhi-ji-di/)。\n\n另见[基地三](cases/建设草莓种植基地/)、"
            "[草莓二](/cases/caomei/)。\n")

    def case(title: str, draft: str) -> str:
        return (f"---\ntitle: {title}\nunit: baihe\nstatus: planned\nproblem: 问题\nactions: [做法]\n"
                f"date: 2018-05-03 10:00\ndraft: {draft}\n---\n\n正文。\n")

    root = write_site(tmp_path, {
        "content/interviews/a.md": interview(body=body),
        "content/interviews/yu-gao-yi-pian.md": interview("预告一篇", date="2030-01-05 10:00"),
        "content/cases/baihe-caomei.md": case("白鹤草莓", "false"),
        "content/cases/jian-she-cao-mei-zhong-zhi-ji-di.md": case("建设草莓种植基地", "true")})
    warnings = build(BuildOptions(root=root, search=False, now=datetime(2026, 12, 2, 9, 0))).warnings
    draft = ("did you mean /cases/jian-she-cao-mei-zhong-zhi-ji-di/, the address of 《建设草莓种植基地》? It is a draft "
             "(draft: true), which is not published: publish it (write draft: false in "
             "content/cases/jian-she-cao-mei-zhong-zhi-ji-di.md), or leave the link out until it is")
    assert [(w.location(), w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:7", draft),  # its slug without hyphens starts with what was typed
        ("content/interviews/a.md:13:36", "did you mean /interviews/yu-gao-yi-pian/, the address of 《预告一篇》? It is "
         "scheduled for 2030-01-05 10:00: the link leads nowhere until then; leave it out until the page is "
         "published, or publish it sooner (an earlier date: in content/interviews/yu-gao-yi-pian.md)"),
        ("content/interviews/a.md:13:65", "did you mean /cases/baihe-caomei/?"),  # typed without its hyphen
        ("content/interviews/a.md:13:92", draft),  # misspelt: nearest in spelling, as a published page would be
        ("content/interviews/a.md:15:9", draft),  # its title where its address goes
        # In two slugs: no page is offered, and the address shown is that of a file, not one to type.
        ("content/interviews/a.md:15:32", "link to a page by its address (e.g. /interviews/a/ for the page of content/interviews/a.md), or to "
         "a file under content/ by its path from there (e.g. files/报告.pdf for content/files/报告.pdf)")]
    # Followed, with the draft published and the scheduled page brought forward: no warning.
    page = root / "content/interviews/a.md"
    page.write_text(interview(body=body.replace("jianshe-caomei", "jian-she-cao-mei-zhong-zhi-ji-di").replace(
        "yu-gao-yi/", "yu-gao-yi-pian/").replace("baihecaomei", "baihe-caomei").replace(
        "zong-zhi-ji-di/", "zhong-zhi-ji-di/").replace("cases/建设草莓种植基地/", "/cases/jian-she-cao-mei-zhong-zhi-ji-di/")
        .replace("/cases/caomei/", "/cases/baihe-caomei/")), encoding="utf-8")
    (root / "content/interviews/yu-gao-yi-pian.md").write_text(interview("预告一篇", date="2026-12-01 10:00"),
                                                               encoding="utf-8")
    (root / "content/cases/jian-she-cao-mei-zhong-zhi-ji-di.md").write_text(case("建设草莓种植基地", "false"),
                                                                          encoding="utf-8")
    assert build(BuildOptions(root=root, search=False, now=datetime(2026, 12, 2, 9, 0))).warnings == []


def test_a_damaged_picture_is_a_warning_at_its_src_and_a_windows_path_gets_its_slashes_turned(
        tmp_path: Path) -> None:
    images = "images:\n  - src: images/a.png\n    alt: 图\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images),
                                 "content/images/a.png": "这不是图片".encode()})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [(
        "content/interviews/a.md:10:10", 'image "images/a.png" cannot be read as a picture, so readers may see it broken',
        "open it in an image viewer and save it again as PNG or JPEG (图片文件可能已损坏)")]
    page = root / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("images/a.png", "images\\a.png"), encoding="utf-8")
    with pytest.raises(SiteError) as stopped:
        build(BuildOptions(root=root, search=False))
    assert [(p.location(), p.message, p.hint) for p in stopped.value.problems] == [(
        "content/interviews/a.md:10:10", 'image "images\\a.png" not found',
        "write / between folders, not \\ (as Windows shows paths): images/a.png")]


def test_a_picture_too_heavy_for_phones_is_a_warning_with_how_to_make_it_smaller(tmp_path: Path) -> None:
    # A 20000 × 15000 PNG (1.2 GB decoded) and a 12 MB photo were published without a word.
    images = "images:\n  - src: images/huge.png\n    alt: 航拍\n"
    photo = _png_header(1600, 1200)[:-12] + b"\x00" * (1200 << 10) + _png_header(1, 1)[-12:]  # 1.2 MB
    page = interview(extra=images, body="## 问\n\n![照片](images/photo.png)\n")
    root = write_site(tmp_path, {"content/interviews/a.md": page, "content/images/huge.png": _png_header(20000, 15000),
                                 "content/images/photo.png": photo})
    smaller = ("make it smaller before it is published: 1600 pixels wide is plenty on a phone and a computer "
               "(Windows 画图 → 重新调整大小 → 像素, 水平 1600; or WPS 图片 → 压缩图片), saved as JPEG (.jpg) for a photo; "
               "keep the large original elsewhere, outside content/")
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:10:10", 'image "images/huge.png" is 20000 × 15000 pixels: a browser holds it '
                                          "decoded, 1.1 GB, more than some phones can show", smaller),
        ("content/interviews/a.md:16:7", 'image "images/photo.png" is 1.2 MB: every reader\'s phone loads all of it, '
                                         "which is slow on mobile data", smaller)]
    # A long picture (长图) already narrow is told to be cut into parts: made 1600 wide, 1242 × 22000 would grow.
    (root / "content/images/huge.png").write_bytes(_png_header(1242, 22000))
    long_picture = [(w.message, w.hint) for w in build(BuildOptions(root=root, search=False)).warnings][0]
    assert long_picture == ('image "images/huge.png" is 1242 × 22000 pixels: a browser holds it decoded, 104.2 MB, '
                            "more than some phones can show",
                            "it is a long picture (长图): cut it into parts of about 4000 pixels high (画图 → 选择 → 裁剪), "
                            "each at most 1600 pixels wide, and show them one after another; keep the original "
                            "elsewhere, outside content/")
    # Made smaller as told, both are quiet; a picture of 6000 × 4000 at a few KB is not warned either.
    (root / "content/images/huge.png").write_bytes(_png_header(6000, 4000))
    (root / "content/images/photo.png").write_bytes(_png_header(1600, 1200))
    assert build(BuildOptions(root=root, search=False)).warnings == []


def test_a_photo_far_wider_than_any_page_shows_is_a_warning_though_under_a_megabyte(tmp_path: Path) -> None:
    # A camera's 4032 × 3024 photo saved at 860 KB passed the 1 MB rule: 17 seconds at 400 kbit/s, for a
    # picture no page shows wider than 1600 pixels.
    def picture(width: int, height: int, kilobytes: int) -> bytes:
        return _png_header(width, height)[:-12] + b"\x00" * (kilobytes << 10) + _png_header(1, 1)[-12:]

    images = "images:\n  - src: images/camera.png\n    alt: 座谈会\n"
    root = write_site(tmp_path, {"content/interviews/a.md": interview(extra=images),
                                 "content/images/camera.png": picture(4032, 3024, 860)})
    warnings = build(BuildOptions(root=root, search=False)).warnings
    assert [(w.location(), w.message, w.hint) for w in warnings] == [(
        "content/interviews/a.md:10:10",
        'image "images/camera.png" is 4032 pixels wide (0.8 MB): no page shows a picture wider than 1600 pixels, '
        "even on a sharp phone screen, so readers' phones load about 6 times the pixels they show, which is slow "
        "on mobile data",
        "make it smaller before it is published: 1600 pixels wide is plenty on a phone and a computer "
        "(Windows 画图 → 重新调整大小 → 像素, 水平 1600; or WPS 图片 → 压缩图片), saved as JPEG (.jpg) for a photo; "
        "keep the large original elsewhere, outside content/")]
    # Quiet: as wide but light (a diagram of flat colours), as heavy but 3,200 pixels wide, and made smaller.
    for width, kilobytes in ((4032, 390), (3200, 860), (1600, 300)):
        (root / "content/images/camera.png").write_bytes(picture(width, 3024 * width // 4032, kilobytes))
        assert build(BuildOptions(root=root, search=False)).warnings == [], (width, kilobytes)


def test_a_report_keeps_each_problem_once_without_comparing_it_with_every_one_before(monkeypatch) -> None:
    # Each problem added was compared with all before it: 1,000 warnings cost 500,000 comparisons, 0.26 s of a
    # rebuild at 10,000 pages, and 10,000 warnings a hundred times that.
    from sitegen.errors import Problem, Report
    compared = []
    equal = Problem.__eq__
    monkeypatch.setattr(Problem, "__eq__", lambda self, other: compared.append(1) or equal(self, other))
    report = Report()
    for number in range(2000):
        report.warning("content/a.md", number + 1, 1, "the link leads to no page", "link to a page")
    report.warning("content/a.md", 7, 1, "the link leads to no page", "link to a page")
    assert len(report.problems) == 2000 and len(compared) < 100
    assert Report([report.problems[0]] * 2).problems == [report.problems[0]] * 2  # as given
    seeded = Report(list(report.problems[:3]))
    seeded.add(report.problems[1])
    assert seeded.problems == report.problems[:3]


def test_the_pages_nearest_in_time_are_the_nearer_then_the_newer_in_the_lists_order() -> None:
    from datetime import datetime
    from types import SimpleNamespace

    from sitegen.site import nearest_in_time
    days = [SimpleNamespace(meta=SimpleNamespace(date=datetime(2018, 5, day, 10)), day=day) for day in (9, 7, 5, 4, 1)]
    shown = nearest_in_time(days, datetime(2018, 5, 6, 10), 3)
    assert [entry.day for entry in shown] == [7, 5, 4]  # 7 and 5 one day away; 4 before 9 (two days, three)
    assert [entry.day for entry in nearest_in_time(days, datetime(2018, 5, 6, 10), 2)] == [7, 5]
    assert [entry.day for entry in nearest_in_time(days[:2], datetime(2018, 5, 6, 10), 5)] == [9, 7]
    # Of two as near, the newer: 5-08 is a day from 5-07 and from 5-09.
    assert [entry.day for entry in nearest_in_time(days, datetime(2018, 5, 8, 10), 1)] == [9]


# ---------------------------------------------------------------- a milestone's status

_STATUS_NOW = datetime(2025, 1, 1, 9, 0)
"""The build's time of the milestone tests: the example's milestones (2018) lie before it."""
_MORE_MILESTONES = """  - date: 2018-05-10
    title: 召开推进会
  - date: 2018-06-01
    title: 召开企业座谈会
    status: cancelled
  - date: 2024-12-01
    title: 召开村居书记会
    status: planned
  - date: 2025-03-01
    title: 召开大调研总结会
    description: 原定2024年12月20日召开。
    status: postponed
  - date: 2025-06-01
    title: 发布调研报告
"""
"""Milestones added after the example's: one for each status, typed or by the date (at `_STATUS_NOW`)."""


def _milestone_site(root: Path, more: str = _MORE_MILESTONES) -> Path:
    """The example site with ``more`` milestones after its own, built at `_STATUS_NOW`; returns its output."""
    copy_example(root)
    unit = root / "content/units/baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + more, encoding="utf-8")
    build(BuildOptions(root=root, now=_STATUS_NOW, search=False))
    return root / "output"


def test_each_milestone_status_is_shown_on_the_unit_page_and_in_the_open_data(tmp_path: Path) -> None:
    # A milestone had no status: a meeting put off or called off was published as held once its day had passed.
    output = _milestone_site(tmp_path / "site")
    items = parse_html(output / "units/baihe/index.html").cssselect("ol.timeline > li")
    assert [" ".join(item.cssselect(".when")[0].text_content().split()) for item in items] == [
        "2018年1月12日", "2018年1月15日", "2018年5月10日", "2018年6月1日（取消）", "2024年12月1日（计划）",
        "2025年3月1日（推迟）", "2025年6月1日（计划）"]
    # The cancelled one is struck through and marked in words: the line alone tells a screen reader nothing.
    assert [(item.get("class"), [s.text for s in item.cssselect(".milestone-title s")]) for item in items] == [
        (None, []), (None, []), (None, []), ("milestone-cancelled", ["召开企业座谈会"]), (None, []), (None, []),
        (None, [])]
    statuses = ["done", "done", "done", "cancelled", "planned", "postponed", "planned"]
    with (output / "data/milestones.csv").open(encoding="utf-8-sig", newline="") as data:
        rows = list(csv.DictReader(data))
    assert [(row["date"], row["title"], row["status"]) for row in rows][2:] == [
        ("2018-05-10", "召开推进会", "done"), ("2018-06-01", "召开企业座谈会", "cancelled"),
        ("2024-12-01", "召开村居书记会", "planned"), ("2025-03-01", "召开大调研总结会", "postponed"),
        ("2025-06-01", "发布调研报告", "planned")]
    assert [row["status"] for row in rows] == statuses
    with (output / "data/units/baihe/milestones.csv").open(encoding="utf-8-sig", newline="") as data:
        assert [row["status"] for row in csv.DictReader(data)] == statuses
    [unit] = json.loads((output / "data/units.json").read_bytes())
    assert [m["status"] for m in unit["milestones"]] == statuses
    own = json.loads((output / "data/units/baihe/unit.json").read_bytes())
    assert [m["status"] for m in own["milestones"]] == statuses


def test_a_milestone_status_typed_as_the_page_shows_it_builds_the_same_site(tmp_path: Path) -> None:
    # 已完成, 计划, 推迟, 取消 are what the page shows: typed with a Chinese input method, each is read as its value.
    english = _milestone_site(tmp_path / "english", _MORE_MILESTONES + "    status: planned\n")
    chinese = _milestone_site(tmp_path / "chinese", _MORE_MILESTONES.replace("status: cancelled", "status: 取消")
                              .replace("status: planned", "status: 计划").replace("status: postponed", "status: 推迟")
                              + "    status: 计划\n")
    assert tree_hashes(chinese) == tree_hashes(english)


def test_milestones_without_a_status_build_the_same_site_as_with_the_status_their_date_says(tmp_path: Path) -> None:
    # Without status:, a milestone is planned until its day and done from then on, as before milestones had one:
    # a site that never types it publishes the same pages and data.
    more = "  - date: 2025-06-01\n    title: 发布调研报告\n"
    untyped = _milestone_site(tmp_path / "untyped", more)
    typed = _milestone_site(tmp_path / "typed", more + "    status: planned\n")
    unit = tmp_path / "typed/content/units/baihe.yaml"
    edit_file(tmp_path / "typed", "content/units/baihe.yaml", "description: 全镇动员部署，全面推进大调研工作。",
              "description: 全镇动员部署，全面推进大调研工作。\n    status: done")
    assert unit.read_text(encoding="utf-8").count("status: ") == 2
    build(BuildOptions(root=tmp_path / "typed", now=_STATUS_NOW, search=False))
    assert tree_hashes(typed) == tree_hashes(untyped)
    page = parse_html(untyped / "units/baihe/index.html")
    assert [" ".join(w.text_content().split()) for w in page.cssselect("ol.timeline .when")] == [
        "2018年1月12日", "2018年1月15日", "2025年6月1日（计划）"]
    assert not page.cssselect("ol.timeline s, ol.timeline [class^=milestone-cancelled]")
