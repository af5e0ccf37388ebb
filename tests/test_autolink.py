"""Web addresses typed as text in a page's Markdown are links a reader can tap (markup.BARE_ADDRESS_RE).

A resident on a phone could not open ``原文地址：https://…`` or ``详见 http://…。``: Python-Markdown
links only ``<https://…>`` and ``[text](url)``, so the address was published as plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen import markup
from sitegen.build import BuildOptions, build
from sitegen.markup import MarkdownRenderer

from .sitekit import copy_example, interview, write_site

EXAMPLE_INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
EXAMPLE_PAGE = "output/interviews/baihe-dadiaoyan-weifangtan/index.html"


def _link(address: str) -> str:
    return f'<a href="{address}">{address}</a>'


# (typed in a paragraph, the paragraph as published)
CASES = [
    ("原文地址：https://www.example.gov.cn/xxgk/2018/0426/index.html",
     "原文地址：" + _link("https://www.example.gov.cn/xxgk/2018/0426/index.html")),
    # Full-width punctuation ends the address: 。，；：）」』】
    ("详见 http://www.shqp.gov.cn/。", "详见 " + _link("http://www.shqp.gov.cn/") + "。"),
    ("网址http://www.shqp.gov.cn/a.html，电话021-0000。", "网址" + _link("http://www.shqp.gov.cn/a.html") + "，电话021-0000。"),
    ("（见https://www.shqp.gov.cn/x）", "（见" + _link("https://www.shqp.gov.cn/x") + "）"),
    ("「https://a.gov.cn/1」『https://a.gov.cn/2』【https://a.gov.cn/3】；https://a.gov.cn/4：",
     "「" + _link("https://a.gov.cn/1") + "」『" + _link("https://a.gov.cn/2") + "』【" + _link("https://a.gov.cn/3")
     + "】；" + _link("https://a.gov.cn/4") + "："),
    # A Chinese character typed right after it, without a space.
    ("https://www.shqp.gov.cn/查看原文", _link("https://www.shqp.gov.cn/") + "查看原文"),
    ("请访问https://www.shqp.gov.cn查看", "请访问" + _link("https://www.shqp.gov.cn") + "查看"),
    # ASCII punctuation after it is the sentence's, as GitHub reads it; a ")" opened in the address is its own.
    ("See https://a.gov.cn/x. Or https://a.gov.cn/y, (or https://a.gov.cn/z)!",
     "See " + _link("https://a.gov.cn/x") + ". Or " + _link("https://a.gov.cn/y") + ", (or "
     + _link("https://a.gov.cn/z") + ")!"),
    ("见 https://a.gov.cn/wiki/A_(B)。", "见 " + _link("https://a.gov.cn/wiki/A_(B)") + "。"),
    ("查询 https://a.gov.cn/s?q=1&p=2#top；", "查询 " + '<a href="https://a.gov.cn/s?q=1&amp;p=2#top">'
     "https://a.gov.cn/s?q=1&amp;p=2#top</a>；"),
    ("端口 http://10.1.2.3:8080/x 与 HTTPS://WWW.A.GOV.CN", "端口 " + _link("http://10.1.2.3:8080/x") + " 与 "
     + _link("HTTPS://WWW.A.GOV.CN")),
    ("**https://a.gov.cn/x**", "<strong>" + _link("https://a.gov.cn/x") + "</strong>"),
    # Left as typed: in code, in a link, a link's title, a picture's address, raw HTML, and no address at all.
    ("`https://a.gov.cn/x`", "<code>https://a.gov.cn/x</code>"),
    ("[见 https://a.gov.cn/x](https://b.gov.cn/ \"来自 https://c.gov.cn/\")",
     '<a href="https://b.gov.cn/" title="来自 https://c.gov.cn/">见 https://a.gov.cn/x</a>'),
    ("<https://a.gov.cn/x>", _link("https://a.gov.cn/x")),
    ("![图](https://a.gov.cn/a.png)", '<img alt="图" src="https://a.gov.cn/a.png">'),
    ('<a href="https://b.gov.cn/">见 https://a.gov.cn/x</a>和<code>https://c.gov.cn</code>',
     '<a href="https://b.gov.cn/">见 https://a.gov.cn/x</a>和<code>https://c.gov.cn</code>'),
    ('<abbr title="https://a.gov.cn/x">区网</abbr>', '<abbr title="https://a.gov.cn/x">区网</abbr>'),
    ("www.shqp.gov.cn 与 ftp://a.gov.cn/x 与 xhttps://a.gov.cn 与 http://localhost:8000/ 与 邮箱 a@b.gov.cn",
     "www.shqp.gov.cn 与 ftp://a.gov.cn/x 与 xhttps://a.gov.cn 与 http://localhost:8000/ 与 邮箱 a@b.gov.cn"),
]


@pytest.mark.parametrize(("typed", "published"), CASES)
def test_an_address_typed_as_text_is_a_link(typed: str, published: str) -> None:
    rendered = MarkdownRenderer().render(typed + "\n", "content/interviews/a.md", 5)
    assert rendered.html == f"<p>{published}</p>"
    assert rendered.problems == ()
    assert MarkdownRenderer(reference=True).render(typed + "\n", "content/interviews/a.md", 5) == rendered


def test_addresses_in_code_blocks_headings_tables_and_notes() -> None:
    body = ("## 见 https://a.gov.cn\n\n```\nhttps://b.gov.cn/x\n```\n\n| 网址 | 说明 |\n|---|---|\n"
            "| https://c.gov.cn/ | 区 |\n\n注[^1]\n\n[^1]: 来源 https://d.gov.cn/1.html。\n\n"
            '<p>块 https://e.gov.cn/</p>\n')
    rendered = MarkdownRenderer().render(body, "content/interviews/a.md", 1)
    assert '<h2 id="见-httpsagovcn">见 <a href="https://a.gov.cn">https://a.gov.cn</a></h2>' in rendered.html
    assert "<pre><code>https://b.gov.cn/x\n</code></pre>" in rendered.html
    assert '<td><a href="https://c.gov.cn/">https://c.gov.cn/</a></td>' in rendered.html
    assert '<p>来源 <a href="https://d.gov.cn/1.html">https://d.gov.cn/1.html</a>。&nbsp;' in rendered.html
    assert "<p>块 https://e.gov.cn/</p>" in rendered.html  # raw HTML block: published as typed
    assert rendered.links[:3] == ("https://a.gov.cn", "https://c.gov.cn/", "https://d.gov.cn/1.html")


def test_an_address_typed_as_text_with_full_width_signs_is_warned_with_the_address_to_type() -> None:
    # "详见 http：//www.shcafe.org/shzxxw/120946.html 。" (an input method's full-width colon) was published as
    # text, not a link, untold, while the same slip in a link's address is warned. Every full-width spelling the
    # link's check reads is read here (ｈｔｔｐ, ／／, ．), in the same words; one linked up to its first
    # full-width sign is told what the page links. Code, a link's address and text, and raw HTML are left alone.
    body = ("详见 http：//www.shcafe.org/shzxxw/120946.html 。\n\n见ｈｔｔｐ://www.a.gov.cn/x。和https：／／a.gov.cn/b.html.\n\n"
            "网址 http://www．shqp．gov．cn/ 与 http://www.shqp.gov.cn/a／b.html\n\n"
            "`http：//a.gov.cn` [原文](http：//b.gov.cn/) [http：//c.gov.cn](https://c.gov.cn/)\n\n"
            '<p>块 http：//e.gov.cn/</p>\n\n```\nhttp：//f.gov.cn\n```\n')
    rendered = MarkdownRenderer().render(body, "content/interviews/a.md", 10)
    assert rendered.html == (
        "<p>详见 http：//www.shcafe.org/shzxxw/120946.html 。</p>\n<p>见ｈｔｔｐ://www.a.gov.cn/x。和https：／／a.gov.cn/b.html.</p>\n"
        "<p>网址 http://www．shqp．gov．cn/ 与 " + _link("http://www.shqp.gov.cn/a") + "／b.html</p>\n"
        '<p><code>http：//a.gov.cn</code> <a href="http：//b.gov.cn/">原文</a> '
        '<a href="https://c.gov.cn/">http：//c.gov.cn</a></p>\n<p>块 http：//e.gov.cn/</p>\n\n'
        "<pre><code>http：//f.gov.cn\n</code></pre>")
    wide = "is typed with full-width signs (全角符号), which an address cannot hold"
    text = "the page shows it as text, not a link"
    assert [(p.line, p.column, p.message, p.hint) for p in rendered.problems] == [
        (10, 4, f'the web address "http：//www.shcafe.org/shzxxw/120946.html" {wide}: {text}',
         "type it in half width (半角): http://www.shcafe.org/shzxxw/120946.html"),
        (12, 2, f'the web address "ｈｔｔｐ://www.a.gov.cn/x" {wide}: {text}',
         "type it in half width (半角): http://www.a.gov.cn/x"),
        (12, 25, f'the web address "https：／／a.gov.cn/b.html" {wide}: {text}',
         "type it in half width (半角): https://a.gov.cn/b.html"),
        (14, 4, f'the web address "http://www．shqp．gov．cn/" {wide}: {text}',
         "type it in half width (半角): http://www.shqp.gov.cn/"),
        (14, 30, f'the web address "http://www.shqp.gov.cn/a／b.html" {wide}: the page links only '
                 '"http://www.shqp.gov.cn/a"', "type it in half width (半角): http://www.shqp.gov.cn/a/b.html"),
        (16, 24, f'this link\'s address "http：//b.gov.cn/" {wide}', "type it in half width (半角): http://b.gov.cn/")]
    fixed = MarkdownRenderer().render("详见 http://www.shcafe.org/shzxxw/120946.html 。\n", "content/interviews/a.md", 1)
    assert fixed.html == "<p>详见 " + _link("http://www.shcafe.org/shzxxw/120946.html") + " 。</p>"
    assert fixed.problems == ()


def _unlinked() -> MarkdownRenderer:
    """A renderer that leaves addresses typed as text unlinked, as before."""
    renderer = MarkdownRenderer(reference=True)
    renderer._md.inlinePatterns.deregister("sitegen_bare_address")
    return renderer


def test_linking_changes_neither_the_text_nor_its_count() -> None:
    body = "".join(typed + "\n\n" for typed, _ in CASES)
    linked = MarkdownRenderer().render(body, "content/interviews/a.md", 1)
    plain = _unlinked().render(body, "content/interviews/a.md", 1)
    assert linked.html != plain.html
    assert (linked.text, linked.word_count, linked.lead) == (plain.text, plain.word_count, plain.lead)


def test_the_cache_key_changes_with_what_is_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Bodies converted before are kept under the renderer's settings key: a change in which addresses are
    # linked must convert them again, or an old build keeps its plain addresses.
    before = MarkdownRenderer().settings_key
    monkeypatch.setattr(markup, "BARE_ADDRESS_RE", markup.BARE_ADDRESS_RE.replace("[Ss]?", ""))
    assert MarkdownRenderer().settings_key != before
    monkeypatch.undo()
    monkeypatch.setattr(markup, "ADDRESS_TRAILING", ".,")
    assert MarkdownRenderer().settings_key != before


def test_the_example_interview_publishes_addresses_typed_in_its_text_as_links(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    before = build(BuildOptions(root=root, search=False)).warnings
    unchanged = (root / EXAMPLE_PAGE).read_text(encoding="utf-8")
    source = root / EXAMPLE_INTERVIEW
    text = source.read_text(encoding="utf-8")
    added = "".join(f"\n{typed}\n" for typed, _ in CASES)
    source.write_text(text.replace("全面推进大调研工作。\n", "全面推进大调研工作。\n" + added, 1), encoding="utf-8")
    result = build(BuildOptions(root=root, search=False))
    assert result.warnings == before
    page = (root / EXAMPLE_PAGE).read_text(encoding="utf-8")
    for _, published in CASES:
        # A page's pictures load when scrolled to (the layout adds loading="lazy").
        assert f"<p>{published}</p>".replace('.png">', '.png" loading="lazy">') in page
    # The source's address (front matter source.url) is linked by the layout, once, as before.
    assert page.count('<p>原文地址：<a href="http://www.shcafe.org/shzxxw/120946.html" rel="noopener">'
                      "http://www.shcafe.org/shzxxw/120946.html</a></p>") == 1
    assert page.count("http://www.shcafe.org/shzxxw/120946.html") == unchanged.count(
        "http://www.shcafe.org/shzxxw/120946.html")
    # The count the page shows is that of the text with its addresses unlinked.
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
    plain = _unlinked().render(body, EXAMPLE_INTERVIEW, 1)
    assert re.search(r'本篇文章<span class="unbroken">(\d+)字</span>', page).group(1) == str(plain.word_count)


def test_the_sites_own_address_or_the_preview_typed_as_text_is_told_to_be_written_as_a_link(tmp_path: Path) -> None:
    # Linked, such an address is checked as a link typed in full is; "write /interviews/a/" in its place
    # would have published the path as text, so the hint offers a link to the page, named by its title.
    body = ("## 问题一\n\n本站 https://example.org/q/interviews/a/ 和预览 http://127.0.0.1:8000/units/baihe/。"
            "另见<https://example.org/q/>\n")
    root = write_site(tmp_path, {"content/interviews/a.md": interview(body=body)},
                      config="title: 测试站点\nbase_url: https://example.org/q/\n")
    warnings = build(BuildOptions(root=root, search=False)).warnings
    root_hint = "link to it from the site's root: write {} (it then works at whatever address the site is published)"
    assert [(w.location(), w.message, w.hint) for w in warnings] == [
        ("content/interviews/a.md:13:4", 'the link "https://example.org/q/interviews/a/" is this site\'s own address '
                                         "typed in full", root_hint.format("[白鹤镇访谈](/interviews/a/)")),
        ("content/interviews/a.md:13:44", 'the link "http://127.0.0.1:8000/units/baihe/" leads to the preview on your '
                                          "own computer (sitegen serve), which readers cannot open",
         root_hint.format("[白鹤镇](/units/baihe/)")),
        # Typed as <https://…>: "write /" in its place would have made "</>", a tag, not a link.
        ("content/interviews/a.md:13:82", 'the link "https://example.org/q/" is this site\'s own address typed in full',
         root_hint.format("[测试站点](/) in place of <https://example.org/q/>"))]
    fixed = (body.replace("https://example.org/q/interviews/a/", "[白鹤镇访谈](/interviews/a/)")
             .replace("http://127.0.0.1:8000/units/baihe/", "[白鹤镇](/units/baihe/)")
             .replace("<https://example.org/q/>", "[测试站点](/)"))
    (root / "content/interviews/a.md").write_text(interview(body=fixed), encoding="utf-8")
    assert build(BuildOptions(root=root, search=False, base_url="https://example.net/town/")).warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert ('<p>本站 <a href="/town/interviews/a/">白鹤镇访谈</a> 和预览 <a href="/town/units/baihe/">白鹤镇</a>。'
            '另见<a href="/town/">测试站点</a></p>' in page)
