"""The shortcuts of sitegen.markup give exactly what the plain paths give.

``MarkdownRenderer()`` takes shortcuts: it gives Python-Markdown's inline
processor only the patterns a document can use (`PrunedInlineProcessor`),
skips the ``html_block`` preprocessor and the ``unescape`` tree processor
when they would change nothing, sets plain heading ids without building a
table of contents (`_PlainHeadingIds`) and reads nh3's output back without
HTMLParser (`TextCollector.feed_serialized`). ``MarkdownRenderer(reference=True)``
takes none of them. For every input here the two must return equal
`RenderedMarkdown` values (html, headings, text, word_count, problems, lead):
every Markdown file under ``content/`` and ``tests/cases/``, pages written by
the benchmark corpus generator, hand-made edge cases, and Markdown drawn by
Hypothesis from pieces rich in the characters the shortcuts look at. Further
tests check that the shortcuts are really taken (so that this file fails if
one is silently off) and hold `count_words` and the text tidying to the plain
formulas they replaced.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import TocTreeprocessor
from markdown.preprocessors import HtmlBlockPreprocessor
from markdown.treeprocessors import UnescapeTreeprocessor

from sitegen import markup
from sitegen.markup import MarkdownRenderer, RenderedMarkdown, count_words

from .sitekit import CASES, REPO, benchmark_corpus

FAST = MarkdownRenderer()
REFERENCE = MarkdownRenderer(reference=True)


def assert_same(body: str, path: str = "content/a.md", first_line: int = 5) -> RenderedMarkdown:
    """Render ``body`` by both renderers; assert equal results; return the fast one's."""
    fast = FAST.render(body, path, first_line)
    reference = REFERENCE.render(body, path, first_line)
    assert fast == reference
    return fast


# --------------------------------------------------------------------------
# Inputs: the repository's Markdown, generated pages, edge cases
# --------------------------------------------------------------------------

def _split_front_matter(text: str) -> tuple[str, int]:
    """Return the body after a front matter and its first file line (the whole text and 1 if none)."""
    lines = text.split("\n")
    marks = [number for number, line in enumerate(lines) if line.rstrip(" \t\r") == "---"][:2]
    if len(marks) < 2 or marks[0] != 0:
        return text, 1
    return "\n".join(lines[marks[1] + 1:]), marks[1] + 2


def _repository_inputs() -> list[tuple[str, str, int]]:
    """Every .md file under content/ and tests/cases/, whole and as a body (undecodable bytes kept as surrogates)."""
    inputs = []
    for folder in (REPO / "content", CASES):
        for file in sorted(folder.rglob("*.md")):
            rel = file.relative_to(REPO).as_posix()
            text = file.read_bytes().decode("utf-8", "surrogateescape")
            inputs.append((f"{rel}:whole", text, 1))
            inputs.append((f"{rel}:body", *_split_front_matter(text)))
    return inputs


def _generated_bodies() -> list[str]:
    """Bodies of interview and case pages as the benchmark corpus writes them (two seeds)."""
    corpus = benchmark_corpus()
    bodies = []
    for seed in (42, 7):
        units = [corpus.make_unit(seed, j) for j in range(5)]
        for page in range(30):
            write = corpus.case if page % 10 == 9 else corpus.interview
            bodies.append(_split_front_matter(write(seed, page, units))[0])
    return bodies


EDGE_BODIES = [
    "",
    "   \n\n",
    "纯中文一行，没有任何标记。",
    "## 问题\n\n回答。\n\n## 问题\n\n又一个。\n\n## 问题？\n\n# 一级\n\n标题\n===\n\n副标题\n---\n",
    "## R&D 与 <b>粗</b>\n\n## A &amp; B\n\n## 转义\\*星号\\*\n\n## 代码 `x<y`\n\n## 脚注[^1]\n\n[^1]: 注。\n",
    "## 1.5 版\n\n## ２０２４年 工作\n\n## _section_\n\n## section\n\n## \n",
    "- ## 列表里的标题\n  跟着的文字 \\> 转义\n- 第二项\n",
    "转义：\\\\ \\` \\* \\_ \\{ \\} \\[ \\] \\( \\) \\# \\+ \\- \\. \\! \\>\n",
    "代码 `a*b*c` 和 ``x ` y`` 和 \\`不是代码\\`，`\\\\` 与 \\\\`x`\n",
    "```\n<b>不是标签</b> & \\* [x](y)\n```\n\n    缩进代码 <i> & \\*\n",
    "链接[文字](https://a.org/x_y \"标题\")、图片![说明](a.png)、空图![](b.png)、[空]()\n",
    "引用式[链接][r]、[r][]、[r]、![图][i]、![i]\n\n[r]: https://example.org/r\n[i]: /img/i.png \"图\"\n",
    "没有定义的引用[链接][r]和[r]和![图][i]\n",
    "自动链接 <https://a.org/?q=1&b=2> 和 <me@example.org> 和 <mailto:x@y.cn>\n",
    "实体 &amp; &lt; &#20013; &#x4e2d; &nbsp; &bogus; & 单独的&号 R&D\n",
    "行内 HTML <b>粗</b> <span title=\"t>\">x</span> <script>alert(1)</script> <!-- 注释 -->\n",
    "<div>\n块级 HTML\n</div>\n\n<iframe src=\"https://x\"></iframe>\n",
    "强调 *斜* **粗** ***粗斜*** _下划_ __双下__ snake_case_name a*b*c **未闭合\n",
    "硬换行  \n第二行\n第三行\t\n\n   \n第四段  \n",
    "脚注一[^1]，脚注二[^b]，重复[^1]，未定义[^x]。\n\n[^1]: 第一条 **粗**。\n[^b]: 第二条\n    续行 [链](https://a.org)。\n",
    "| 甲 | 乙 |\n|---|:-:|\n| `a|b` | \\| |\n| **粗** | [链](x) |\n\n> | 引 | 表 |\n> |---|---|\n> | 1 | 2 |\n",
    "- 项目\n\n    | 嵌 | 套 |\n    |---|---|\n    | 1 | 2 |\n\n1. 有序\n2. 列表\n",
    "主要做法：\n- 摸排\n- 施工\n推进：\n1. 征求\n| 类 | 数 |\n|---|---|\n| 甲 | 1 |\n",
    "[^t]\n\n[^t]: | 脚 | 注 |\n    |---|---|\n    | 1 | 2 |\n",
    "控制字符\x01与\x0c和&#1;、\x7f\n",
    "Word 的换行\v与分页\f、&#11;、`a\vb`、![图\v片](a.png)\n\n```\nx\vy\n```\n\n| 甲\v乙 | 2 |\n|---|---|\n## 标\v题\n",
    "Word 的列表：\n•\t第一项\n•\t第二项\n\n1.\t编号第一项\n2.\t编号第二项\n\n序号\t措施\n1、\t摸排\n",
    "代理\ud800对\udfff\n\r\nCRLF\r单独CR\n",
    "STX\x02klzzwxh:0000\x03与\x02wzxhzdk:0\x03占位\n",
    "[链接](javascript:alert(1)) [数据](data:text/html,x) ![图](data:image/png;base64,AA==)\n",
    "混合 Python3.5 和 e-mail、don't、R&D、www.example.org、a@b.cn、https://x.org/a_b。\n",
    "* * *\n\n---\n\n___\n\n*   列表用星号\n+ 加号\n",
    "#话题#\n\n####### 七级\n\n## 结尾的井号 ##\n",
    "> 引用 **粗** [链](x)\n> > 嵌套\n\n> ## 引用里的标题\n",
    "中文[^注]测试\n\n[^注]: 中文脚注名。\n",
    "[a [b] c](d) [e]](f) [[g]](h) [i](j(k)l) [m](<n o> \"p\")\n",
    "\\<不是标签\\> 和 <不是标签> 和 a<b>c\n",
    "  \n## 空格开头\n\n\t## 制表符开头\n",
]


# --------------------------------------------------------------------------
# Equality on real, generated and edge inputs
# --------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, first_line", _repository_inputs(), ids=lambda value: str(value)[:60])
def test_repository_markdown_renders_the_same(name: str, text: str, first_line: int) -> None:
    assert_same(text, name, first_line)


def test_generated_corpus_bodies_render_the_same() -> None:
    bodies = _generated_bodies()
    assert len(bodies) == 60
    for body in bodies:
        assert_same(body)


@pytest.mark.parametrize("body", EDGE_BODIES)
def test_edge_cases_render_the_same(body: str) -> None:
    assert_same(body)


def test_one_renderer_gives_the_same_whatever_came_before() -> None:
    """Caches and per-document state carry nothing over from one body to the next."""
    results = [FAST.render(body, "a.md", 1) for body in EDGE_BODIES]
    fresh = MarkdownRenderer()
    assert [fresh.render(body, "a.md", 1) for body in reversed(EDGE_BODIES)] == results[::-1]


# --------------------------------------------------------------------------
# Equality on drawn Markdown
# --------------------------------------------------------------------------

_PIECES = [
    "`", "``", "```\n", "~~~\n", "\\", "\\\\", "\\`", "\\*", "[", "]", "(", ")", "](", "](x.png)", "![",
    "<", ">", "&", "&amp;", "&lt;", "&#20013;", "&#1;", "&nbsp;", "&x", "*", "**", "_", "__", "^", "!",
    "#", "## ", "\n## ", "\n# ", "\n- ## ", "-", "- ", "\n- ", "\n1. ", "\n> ", "|", "\n| a | b |\n|---|---|\n",
    ":", "：", "\n", "\n\n", "  ", "  \n", " ", "\t", "    ", "中文", "问题", "汉", "。", "，", "a", "Z", "x_y",
    "1", "42", "3.5", "http://", "https://a.org/p?q=1&r=2", "www.a.org", "me@example.org", "<http://a.org>",
    "<me@example.org>", "<b>", "</b>", "<i>", "<script>", "<!-- c -->", "<img src=x.png>", "<Excel>", "</Excel>",
    "<WPS表格>", "<PM2.5>", "<div>", "[^1]",
    "\n\n[^1]: note\n", "[^x]", "\n\n[^x]: 注 **粗**\n", "[r]", "[r][]", "\n\n[r]: http://e.org\n", "---", "===",
    "\x02", "\x03", "{", "}", "'", '"', "\u3000", "\xa0", "e\u0301", "𠀀",
]


def _bodies(pieces: list[str]) -> st.SearchStrategy[str]:
    """Markdown made of ``pieces`` and short random text."""
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_bodies(_PIECES))
def test_drawn_markdown_renders_the_same(body: str) -> None:
    assert_same(body)


_LINES = [
    "## 问题", "## 问题？", "## A & B", "## `代码`", "## **粗**", "## 转义\\>", "## 脚注[^1]", "## <b>x</b>",
    "# 一级", "### 三级", "###### 六级", "#话题#", "标题", "===", "---", "- 项", "- ## 项里标题", "  续行 \\> x",
    "1. 一", "> 引", "> ## 引里标题", "| a | b |", "|---|---|", "| 1 | 2 |", "", "", "正文 R&D 中文。",
    "[^1]: 注", "[r]: https://e.org", "```", "    缩进", "<div>", "</div>", "正文[r]与[^1]", "<Excel>做法：", "<b>做法：</b>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=25).map("\n".join))
def test_drawn_block_structure_renders_the_same(body: str) -> None:
    assert_same(body)


_TABLE_LINES = ["| a | b |", "|---|---|", "| :-: | --- |", "| 1 | 2 |", "a | b", "| 只有左边", "正文", "",
                "```", "~~~", "    | 缩进 |", "   | 三格 | 行 |", "| --- |", "|", "> | 引 | 表 |"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TABLE_LINES), max_size=20).map("\n".join))
def test_the_quick_look_at_tables_misses_no_warning(body: str) -> None:
    # `pipe_blocks_formed` lets a page whose tables are all well formed skip the line-by-line scan.
    lines = body.split("\n")
    assert markup.table_problems(body, lines, "a.md", 1) == markup.table_scan_problems(lines, "a.md", 1)


def test_the_quick_look_at_tables_is_taken_for_a_well_formed_table() -> None:
    lines = ["## 表", "", "| 项目 | 数量 |", "| --- | ---: |", "| 照明 | 18 |", "| 道路 | 10 |", "", "正文。"]
    assert markup.pipe_blocks_formed(lines)
    assert not markup.pipe_blocks_formed(lines[:3] + lines[4:])  # no --- line: the scan warns
    assert [p.line for p in markup.table_scan_problems(lines[:3] + lines[4:], "a.md", 10)] == [12]


# --------------------------------------------------------------------------
# The shortcuts are really taken
# --------------------------------------------------------------------------

def _used(renderer: MarkdownRenderer, body: str) -> list[str]:
    """Render ``body``; return the class names of the inline patterns it was given."""
    renderer.render(body, "a.md", 1)
    inline = renderer._md.treeprocessors["inline"]
    assert isinstance(inline, markup.PrunedInlineProcessor)
    return [type(pattern).__name__ for pattern in inline.used]


def test_pruning_gives_a_document_only_the_patterns_it_can_use() -> None:
    renderer = MarkdownRenderer()
    assert _used(renderer, "纯中文一行，没有任何标记。") == []
    # ":" and "/" in the link's address: an address typed as text may be there too (BareAddressProcessor).
    assert _used(renderer, "## 问题\n\n一段**加粗**和[链接](https://a.org)。\n") == [
        "LinkInlineProcessor", "BareAddressProcessor", "DelimiterProcessor"]
    assert _used(renderer, "截至2018/4/26，详见 www.shqp.gov.cn。") == []  # a "/" and no ":"
    assert _used(renderer, "面积3*4米，**加粗**。\n") == ["DigitStarProcessor", "DelimiterProcessor"]
    assert _used(renderer, "第一行\n第二行") == ["SubstituteTagInlineProcessor", "SubstituteTagInlineProcessor"]
    assert _used(renderer, "[r]\n\n[r]: https://e.org\n") == [
        "ReferenceInlineProcessor", "LinkInlineProcessor", "ShortReferenceInlineProcessor"]
    everything = "`x` \\* [^1] ![a](b) <b> &amp; *e* 3*4 https://a.org\nz\n\n[^1]: n\n[r]: https://e.org\n"
    assert len(_used(renderer, everything)) == len(renderer._md.inlinePatterns)
    # The library's registry is back in place after each document.
    assert renderer._md.treeprocessors["inline"].inlinePatterns is renderer._md.inlinePatterns


def test_the_reference_renderer_keeps_every_pattern_and_processor() -> None:
    treeprocessors = REFERENCE._md.treeprocessors
    assert type(treeprocessors["inline"]).__name__ == "InlineProcessor"
    assert type(treeprocessors["unescape"]) is UnescapeTreeprocessor
    assert type(treeprocessors["toc"]) is TocTreeprocessor
    assert type(REFERENCE._md.preprocessors["html_block"]) is HtmlBlockPreprocessor
    assert type(REFERENCE._md.preprocessors["fenced_code_block"]) is FencedBlockPreprocessor


def _run_order(renderer: MarkdownRenderer) -> list[list[tuple[str, float]]]:
    """Name and priority of everything in the renderer's Python-Markdown registries, in the order it runs."""
    md = renderer._md
    order = []
    for registry in (md.preprocessors, md.parser.blockprocessors, md.inlinePatterns, md.treeprocessors,
                     md.postprocessors):
        list(registry)  # sorts it (equal priorities keep the order they were registered in)
        order.append([(item.name, item.priority) for item in registry._priority])
    return order


def test_the_shortcuts_keep_every_processor_in_its_place() -> None:
    assert _run_order(FAST) == _run_order(REFERENCE)


def test_an_unverified_markdown_version_turns_pruning_off() -> None:
    renderer = MarkdownRenderer()
    with mock.patch.object(markup.markdown, "__version_info__", (9, 9, 0, "final", 0)):
        assert len(_used(renderer, "纯中文。")) == len(renderer._md.inlinePatterns)
        assert "\\" in renderer._md.treeprocessors["inline"].met


def _counting_runs(step: type) -> Any:
    """Patch ``step.run`` (a Markdown pre- or tree-processor) to count its calls; it still runs."""
    return mock.patch.object(step, "run", autospec=True, side_effect=step.run)


def test_unescape_runs_only_for_a_document_with_a_backslash() -> None:
    renderer = MarkdownRenderer()
    with _counting_runs(UnescapeTreeprocessor) as run:
        renderer.render("## 问题\n\n**粗**[链](x)。\n", "a.md", 1)
        assert run.call_count == 0
        assert renderer.render("转义\\*星号\\*", "a.md", 1).text == "转义*星号*"
        assert run.call_count == 1


def test_plain_headings_get_their_ids_without_the_library_toc() -> None:
    renderer = MarkdownRenderer()
    with _counting_runs(TocTreeprocessor) as run:
        plain = renderer.render("## 问题？\n\n## 问题？\n\n正文[^1]\n\n[^1]: 注\n", "a.md", 1)
        assert run.call_count == 0
        assert [h.anchor for h in plain.headings] == ["问题", "问题_1"]
        marked = renderer.render("## R&D 问题\n\n## 问题\n", "a.md", 1)
        assert run.call_count == 1
        assert [h.anchor for h in marked.headings] == ["rd-问题", "问题"]


def test_fences_are_looked_for_only_when_the_source_has_one() -> None:
    renderer = MarkdownRenderer()
    with _counting_runs(FencedBlockPreprocessor) as run:
        renderer.render("## 问题\n\n正文 `代码` ~波浪~。\n", "a.md", 1)
        assert run.call_count == 0
        assert "<pre><code>" in renderer.render("```\nx\n```\n", "a.md", 1).html
        renderer.render("~~~\nx\n~~~\n", "a.md", 1)
        assert run.call_count == 2


def test_html_blocks_are_looked_for_only_when_the_source_has_a_tag_or_reference() -> None:
    renderer = MarkdownRenderer()
    with _counting_runs(HtmlBlockPreprocessor) as run:
        renderer.render("## 问题\n\n正文。\n", "a.md", 1)
        assert run.call_count == 0
        renderer.render("R&D\n", "a.md", 1)
        renderer.render("<div>\n块\n</div>\n", "a.md", 1)
        assert run.call_count == 2


def test_text_is_read_from_nh3_output_without_htmlparser() -> None:
    for body in [*_generated_bodies()[:5], *EDGE_BODIES]:
        html = FAST.render(body, "a.md", 1).html
        assert markup.TextCollector().feed_serialized(html), html


@pytest.mark.parametrize("fragment", [
    "<p>a</p><p class='x'>b</p>",        # single quotes: not nh3's form
    "<p>a < b</p>",                      # a bare "<"
    "<p>a<br/>b</p>",                    # a self-closing tag
    "<p>x</p><!-- c --><p>y</p>",        # a comment
    "<script>var a = '<p>';</script>",   # raw text
    "</p x=\"1\">",                      # an end tag with attributes
    "<P>upper</P>",                      # upper case
])
def test_html_not_in_nh3_form_falls_back_to_htmlparser(fragment: str) -> None:
    assert not markup.TextCollector().feed_serialized(fragment)
    fast = markup.collect_text(fragment, serialized=True)
    reference = markup.collect_text(fragment, serialized=False)
    assert (fast.text(), fast.lead(), fast.headings) == (reference.text(), reference.lead(), reference.headings)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "<p>", "</p>", "<h2 id=\"a&amp;b\">", "</h2>", "<a class=\"footnote-ref\" href=\"#x\">", "</a>",
    "<a href=\"x&quot;>\" title=\"t\">", "<pre>", "</pre>", "<br>", "<td>", "</td>", "<table>", "</table>",
    "<li>", "</li>", "<strong>", "</strong>", "<div aria-label=\"表格：a\" class=\"table-scroll\">", "</div>",
    "a", " ", "\n", "  ", "中文", "&amp;", "&lt;", "&gt;", "&nbsp;", "\t", "x\ny", "&amp;lt;",
]), max_size=40).map("".join))
def test_serialized_reading_matches_htmlparser(fragment: str) -> None:
    fast = markup.TextCollector()
    if fast.feed_serialized(fragment):
        reference = markup.collect_text(fragment, serialized=False)
        assert (fast.text(), fast.lead(), fast.headings) == (reference.text(), reference.lead(), reference.headings)


# --------------------------------------------------------------------------
# count_words, text tidying and table wrapping, against plain formulas
# --------------------------------------------------------------------------

_REFERENCE_CJK_RE = re.compile(f"[{markup.CJK_CHARS}]")
_REFERENCE_WORD_CHAR = f"(?:(?![{markup.CJK_CHARS}])[^\\W_])"
_REFERENCE_WORD_RE = re.compile(f"{_REFERENCE_WORD_CHAR}+(?:[.'\\-&\u2019]{_REFERENCE_WORD_CHAR}+)*")


def _reference_count_words(text: str) -> int:
    """count_words as first written: URLs, then CJK characters and words counted with findall."""
    text = unicodedata.normalize("NFC", text)
    urls = len(markup.URL_RE.findall(text))
    text = markup.URL_RE.sub(" ", text)
    return urls + len(_REFERENCE_CJK_RE.findall(text)) + len(_REFERENCE_WORD_RE.findall(text))


_WORDY = st.lists(st.one_of(st.sampled_from(
    [*"aZ9_.'-&\u2019 \t\n@:/", "中", "文", "〇", "々", "か", "カ", "ｶ", "한", "ᄀ", "𠀀", "𪜀", "\U00031350",
     "。", "，", "\u3000", "\xa0", "e", "\u0301", "\u212b", "٣", "é", "ß",
     "http://a.org/x", "www.", "mailto:", "ftp://", "a@b.cn"]), st.text(max_size=2)), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WORDY)
def test_count_words_equals_the_plain_formula(text: str) -> None:
    assert count_words(text) == _reference_count_words(text)


def test_count_words_equals_the_plain_formula_on_rendered_text() -> None:
    for body in [*_generated_bodies(), *EDGE_BODIES]:
        text = FAST.render(body, "a.md", 1).text
        assert count_words(text) == _reference_count_words(text)


def _reference_text(chunks: list[str]) -> str:
    """TextCollector.text as first written (line by line)."""
    lines = (re.sub(" {2,}", " ", line).strip() for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def _reference_lead(chunks: list[str]) -> str:
    """TextCollector.lead as first written (block by block, line by line)."""
    blocks = []
    for block in re.split(r"\n{2,}", "".join(chunks)):
        text = _reference_text([block])
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "   ", "\n", "\n\n", "\n \n", "\t", "\u3000", "\xa0", "\x1c",
                                 "\x85", "\u2028", "a", "中文", "。"]), max_size=30))
def test_text_and_lead_equal_the_line_by_line_formulas(chunks: list[str]) -> None:
    collector = markup.TextCollector()
    collector.chunks = list(chunks)
    collector.lead_chunks = list(chunks)
    assert collector.text() == _reference_text(chunks)
    assert collector.lead() == _reference_lead(chunks)


@pytest.mark.parametrize("body", [
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n正文\n\n| c | d |\n|---|---|\n| 3 | 4 |\n",
    "> | 引 | 表 |\n> |---|---|\n> | 1 | 2 |\n",
    "- 项目\n\n    | 嵌 | 套 |\n    |---|---|\n    | 1 | 2 |\n\n| 顶 | 层 |\n|---|---|\n| 5 | 6 |\n",
    "正文[^t]\n\n[^t]: 注\n\n    | 脚 | 注 |\n    |---|---|\n    | 1 | 2 |\n",
    "没有表格。\n",
])
def test_every_table_is_wrapped_once(body: str) -> None:
    html = assert_same(body).html
    assert html.count('<div aria-label="表格') == html.count("<table>")
