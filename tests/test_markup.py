"""Tests for sitegen.markup: Markdown rendering, sanitizing, counts and summaries.

The inputs of cases 14, 15 and 16 (/work/shared/cases) are copied here
verbatim so the tests do not depend on that folder.
"""

from __future__ import annotations

import html
import re
import unicodedata
from unittest import mock

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitegen import markup
from sitegen.errors import Problem
from sitegen.markupdepth import MAX_LIST_LEVELS, list_level
from sitegen.markup import (
    Heading,
    MarkdownRenderer,
    RenderedMarkdown,
    count_words,
    open_blocks,
    plain_text,
    reading_minutes,
    summarize,
)

CASE_14 = """---
title: 背街小巷整治进展
date: 2024-06-01
---

主要做法：
- 摸排问题点位
- 分批组织施工
- 居民代表验收

推进步骤：
1. 征求意见
2. 方案公示
3. 开工建设

| 类别 | 收集 | 已解决 | 办理中 |
|------|------|--------|--------|
| 路面破损 | 42 | 35 | 7 |
| 照明不足 | 18 | 18 | 0 |
"""

CASE_15 = """---
title: 居民议事会纪要
date: 2024-05-30
---

会议时间：2024年5月28日下午
会议地点：社区党群服务中心二楼
参会人员：居民代表十二人、物业代表二人
议题一：加装电梯费用分摊
议题二：楼道堆物清理

本次议事会共收集意见二十三条，其中十九条已当场答复，其余四条转交街道相关科室办
理，将于下周公布办理结果。
"""

CASE_16 = """---
title: 社区访谈</title><script>alert(1)</script>
description: '"><img src=x onerror=alert(2)>'
author: 张三 & 李四
---

正文第一段。

<script>alert(3)</script>

<img src="x" onerror="alert(4)">

[点击查看详情](javascript:alert(5))

<a href="https://example.org/report" onclick="alert(6)">外部报告</a>
"""

# CJK ideographs, kana, hangul and CJK/full-width punctuation (independent of the module).
CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
CJK_GAP_RE = re.compile(f"[{CJK}](?:[ \t]*\n[ \t]*| +)[{CJK}]")


def split_front_matter(text: str) -> tuple[str, int]:
    """Return (body, file line of the body's first line): the body starts after the second ---."""
    lines = text.split("\n")
    second = [i for i, line in enumerate(lines) if line.strip() == "---"][1]
    return "\n".join(lines[second + 1:]), second + 2


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def render_case(renderer: MarkdownRenderer, text: str, path: str) -> RenderedMarkdown:
    body, first_line = split_front_matter(text)
    return renderer.render(body, path, first_line)


def fragment(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def warnings_at(result: RenderedMarkdown) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in result.problems]


def placed(result: RenderedMarkdown) -> list[tuple[int | None, int | None, str, str]]:
    """Each problem of ``result`` as (line, column, message, hint)."""
    return [(p.line, p.column, p.message, p.hint) for p in result.problems]


# ---------------------------------------------------------------- case 14


def test_case14_list_right_after_paragraph(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_14, "content/interviews/list-table.md")
    root = fragment(result.html)
    paragraphs = [p.text_content() for p in root.findall("p")]
    assert paragraphs == ["主要做法：", "推进步骤："]
    assert [li.text_content() for li in root.xpath("ul/li")] == ["摸排问题点位", "分批组织施工", "居民代表验收"]
    assert [li.text_content() for li in root.xpath("ol/li")] == ["征求意见", "方案公示", "开工建设"]
    assert len(root.xpath("//li")) == 6
    assert [child.tag for child in root] == ["p", "ul", "p", "ol", "div"]
    assert result.problems == ()


def test_case14_table(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_14, "content/interviews/list-table.md")
    root = fragment(result.html)
    (table,) = root.xpath("//table")
    assert [th.text_content() for th in table.xpath("thead/tr/th")] == ["类别", "收集", "已解决", "办理中"]
    rows = [[td.text_content() for td in tr.findall("td")] for tr in table.xpath("tbody/tr")]
    assert rows == [["路面破损", "42", "35", "7"], ["照明不足", "18", "18", "0"]]
    wrapper = table.getparent()
    assert wrapper.tag == "div"
    assert wrapper.get("class") == "table-scroll"
    assert wrapper.get("role") == "region"
    assert wrapper.get("tabindex") == "0"
    assert wrapper.get("aria-label") == "表格：类别、收集、已解决、办理中"


def test_case14_text_and_count(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_14, "content/interviews/list-table.md")
    assert result.text.split("\n")[:3] == ["主要做法：", "摸排问题点位", "分批组织施工"]
    assert "路面破损 42 35 7" in result.text.split("\n")
    # 4+6+6+6 + 4+4+4+4 + (2+2+3+3) + (4 + 3 numbers) + (4 + 3 numbers)
    assert result.word_count == 62


def test_table_right_under_a_text_line(renderer: MarkdownRenderer) -> None:
    result = renderer.render("数据如下：\n| 类别 | 数量 |\n|---|---|\n| 路灯 | 3 |\n", "a.md", 1)
    root = fragment(result.html)
    assert root.xpath("p")[0].text_content() == "数据如下："
    assert [td.text_content() for td in root.xpath("//tbody/tr/td")] == ["路灯", "3"]


def test_list_marker_inside_fenced_code_is_untouched() -> None:
    lines = ["主要做法：", "```", "说明：", "- 不是列表", "```", "推进步骤：", "1. 征求意见"]
    assert open_blocks(lines) == ["主要做法：", "```", "说明：", "- 不是列表", "```",
                                  "推进步骤：", "", "1. 征求意见"]


def test_open_blocks_leaves_lists_and_rules_alone() -> None:
    lines = ["- 一", "  续行", "- 二", "", "正文", "---", "文字", "- - -"]
    assert open_blocks(lines) == lines
    assert open_blocks(["行尾空格   ", "\t"]) == ["行尾空格", ""]


# A text line under a block that ends at its own line, then a list or table: it was published as one paragraph,
# "<p>主要有以下几点：<br>- 第一点<br>- 第二点</p>", because the text line took the "not a paragraph" of the heading.
UL = "<ul>\n<li>第一点</li>\n<li>第二点</li>\n</ul>"
OL = "<ol>\n<li>第一点</li>\n<li>第二点</li>\n</ol>"
TABLE = ('<div aria-label="表格：类别、数量" class="table-scroll" role="region" tabindex="0">\n<table>\n<thead>\n'
         "<tr>\n<th scope=\"col\">类别</th>\n<th scope=\"col\">数量</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>路灯</td>\n<td>3</td>\n</tr>\n"
         "</tbody>\n</table>\n</div>")
LIST_TEXT = "- 第一点\n- 第二点\n"
TABLE_TEXT = "| 类别 | 数量 |\n|---|---|\n| 路灯 | 3 |\n"


@pytest.mark.parametrize(("above", "shown"), [
    ("## 问题一？\n", '<h2 id="问题一">问题一？</h2>\n'),
    ("### 问题一？\n", '<h3 id="问题一">问题一？</h3>\n'),
    ("#话题#\n", '<h1 id="话题">话题</h1>\n'),
    ("---\n", "<hr>\n"),
    ("* * *\n", "<hr>\n"),
    ("```\n代码\n```\n", "<pre><code>代码\n</code></pre>\n"),
    ("<!-- 编者按 -->\n", "\n"),
    ("<p>编者按</p>\n", "<p>编者按</p>\n"),
    ("| 类别 | 数量 |\n|---|---|\n| 路灯 | 3 |\n", TABLE + "\n"),
])
@pytest.mark.parametrize(("typed", "block"), [(LIST_TEXT, UL), ("1. 第一点\n2. 第二点\n", OL), (TABLE_TEXT, TABLE)])
def test_a_list_or_table_under_a_text_line_under_a_block_of_one_line_is_opened(
        renderer: MarkdownRenderer, above: str, shown: str, typed: str, block: str) -> None:
    result = renderer.render(above + "主要有以下几点：\n" + typed, "content/a.md", 1)
    assert result.html == shown + "<p>主要有以下几点：</p>\n" + block
    assert [p for p in result.problems if p.line > above.count("\n")] == []  # "#话题#" is warned itself


@pytest.mark.parametrize("indent", ["    ", "\t", "　　"])
@pytest.mark.parametrize(("typed", "block"), [(LIST_TEXT, UL), (TABLE_TEXT, TABLE)])
def test_a_list_or_table_under_a_line_typed_with_a_first_line_indent_is_opened(
        renderer: MarkdownRenderer, indent: str, typed: str, block: str) -> None:
    # Indented code blocks are off: the line is a paragraph's, and the list under it was merged into it.
    for above in ("", "## 问题\n", "文字\n\n"):
        result = renderer.render(above + indent + "主要有以下几点：\n" + typed, "content/a.md", 1)
        assert result.html.endswith("<p>主要有以下几点：</p>\n" + block)
        assert result.problems == ()


@pytest.mark.parametrize("stop", ["。", "！", "？", "；", "……", "）", "」", ""])
def test_a_text_line_under_a_heading_opens_a_list_whatever_it_ends_with(renderer: MarkdownRenderer,
                                                                      stop: str) -> None:
    result = renderer.render(f"## 问题\n主要有以下几点{stop}\n- 第一点\n- 第二点\n", "content/a.md", 1)
    assert result.html == f'<h2 id="问题">问题</h2>\n<p>主要有以下几点{stop}</p>\n' + UL
    assert result.problems == ()


def test_a_text_line_under_a_setext_heading_opens_a_list(renderer: MarkdownRenderer) -> None:
    # "---" right under a text line underlines it (a heading, warned), it is no list item and no rule.
    for underline, tag in (("---", "h2"), ("===", "h1")):
        result = renderer.render(f"问题一\n{underline}\n主要有：\n- 第一点\n- 第二点\n", "content/a.md", 1)
        assert result.html == f'<{tag} id="问题一">问题一</{tag}>\n<p>主要有：</p>\n' + UL
        assert [p.line for p in result.problems] == [2]


def test_a_line_without_a_bar_under_a_table_ends_it(renderer: MarkdownRenderer) -> None:
    # "主要有：" and "- 第一点" were published as rows of the table, each in its first cell.
    result = renderer.render(TABLE_TEXT + "主要有：\n" + LIST_TEXT + "\n数据如下：\n" + TABLE_TEXT, "content/a.md", 1)
    assert result.html == TABLE + "\n<p>主要有：</p>\n" + UL + "\n<p>数据如下：</p>\n" + TABLE
    assert result.problems == ()
    without_edges = renderer.render("类别 | 数量\n---|---\n路灯 | 3\n主要有：\n" + LIST_TEXT, "content/a.md", 1)
    assert without_edges.html == TABLE + "\n<p>主要有：</p>\n" + UL


def test_a_table_right_under_a_list_item_is_not_in_the_item(renderer: MarkdownRenderer) -> None:
    # It was the item's text: "第二点<br>| 类别 | 数量 |<br>|---|---|<br>| 路灯 | 3 |".
    result = renderer.render(LIST_TEXT + TABLE_TEXT, "content/a.md", 1)
    assert result.html == UL + "\n" + TABLE
    assert result.problems == ()


def test_a_list_typed_without_the_sign_of_the_quote_above_it_is_not_in_the_quote(renderer: MarkdownRenderer) -> None:
    # "- 第一点" under "> 文字" was more text of the quote: "<p>文字<br>- 第一点…</p>" in the <blockquote>.
    # Only a line starting with ">" is the quote's; a text line under it stays the quote's (Markdown's "lazy"
    # line), as CommonMark reads it too.
    result = renderer.render("> 村民说：路灯修好了。\n" + LIST_TEXT, "content/a.md", 1)
    assert result.html == "<blockquote>\n<p>村民说：路灯修好了。</p>\n</blockquote>\n" + UL
    lazy = renderer.render("> 村民说：\n路灯修好了。\n" + TABLE_TEXT, "content/a.md", 1)
    assert lazy.html == "<blockquote>\n<p>村民说：<br>\n路灯修好了。</p>\n</blockquote>\n" + TABLE
    assert result.problems == () and lazy.problems == ()


def test_a_list_or_table_right_under_a_text_line_inside_a_quote_is_opened(renderer: MarkdownRenderer) -> None:
    body = "> 主要有：\n> - 第一点\n> - 第二点\n>\n> 数据如下：\n> " + TABLE_TEXT.replace("\n", "\n> ")[:-3]
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == "<blockquote>\n<p>主要有：</p>\n" + UL + "\n<p>数据如下：</p>\n" + TABLE + "\n</blockquote>"
    nested = renderer.render("> > 二级引用：\n> > 1. 第一点\n> > 2. 第二点\n", "content/a.md", 1)
    assert nested.html == "<blockquote>\n<blockquote>\n<p>二级引用：</p>\n" + OL + "\n</blockquote>\n</blockquote>"
    assert result.problems == nested.problems == ()
    assert open_blocks(["> 主要有：", ">- 第一点", "", "> ```", "> 说明：", "> - 不是列表", "> ```"]) == [
        "> 主要有：", ">", ">- 第一点", "", "> ```", "> 说明：", "> - 不是列表", "> ```"]


def test_quotes_deeper_than_sixteen_are_left_as_typed() -> None:
    # Each quote in a quote is opened by one more call: a line of thousands of ">" must not exhaust the stack.
    for depth, opened in ((16, [">"]), (17, []), (5000, [])):
        lines = ["> " * depth + "主要有：", "> " * depth + "- 第一点"]
        assert open_blocks(lines) == [lines[0], *opened, lines[1]]


def test_a_list_under_a_list_item_and_a_text_line_with_a_colon_is_warned(renderer: MarkdownRenderer) -> None:
    # "主要有：" was published as the second line of the item 第二点, and 甲 and 乙 as more items of that list.
    body = "## 问题\n- 第一点\n- 第二点\n主要有：\n- 甲\n- 乙\n"
    result = renderer.render(body, "content/a.md", 7)
    assert placed(result) == [(10, 1, "this line is right under a list item (列表), with no blank line between, "
                                      "so Markdown reads it as more text of that item and the list under it as "
                                      "more items of the same list, not as a paragraph that opens a new list: "
                                      "主要有：",
                               "for a paragraph of its own, leave a blank line above it; to keep it in the item, "
                               "indent it by 2 spaces and each line of the list under it by 4 spaces (its "
                               "sub-items, 下一级)")]
    paragraph = renderer.render(body.replace("第二点\n", "第二点\n\n"), "content/a.md", 7)
    assert paragraph.problems == ()
    assert paragraph.html == ('<h2 id="问题">问题</h2>\n' + UL + "\n<p>主要有：</p>\n<ul>\n<li>甲</li>\n<li>乙</li>\n"
                              "</ul>")
    # The hint said "indent it by 2 spaces" only: 甲 and 乙 stayed items of the outer list, unwarned.
    kept = renderer.render(body.replace("\n主要有：", "\n  主要有：").replace("\n- 甲\n- 乙", "\n    - 甲\n    - 乙"),
                           "content/a.md", 7)
    assert kept.problems == ()
    assert kept.html == ('<h2 id="问题">问题</h2>\n<ul>\n<li>第一点</li>\n<li>第二点<br>\n  主要有：<ul>\n'
                         "<li>甲</li>\n<li>乙</li>\n</ul>\n</li>\n</ul>")
    numbered = renderer.render("1. 环境整治\n主要有以下几点：\n1. 甲\n2. 乙\n", "content/a.md", 1)
    assert numbered.problems[-1].hint == (
        "for a paragraph of its own, leave a blank line above it; to keep it in the item, indent it by 3 spaces "
        "and each line of the list under it by 4 spaces (its sub-items, 下一级)")
    followed = renderer.render("1. 环境整治\n   主要有以下几点：\n    1. 甲\n    2. 乙\n", "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ("<ol>\n<li>环境整治<br>\n   主要有以下几点：<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>\n"
                             "</li>\n</ol>")


def test_a_colon_line_under_a_list_item_over_a_list_of_the_other_kind_is_warned(renderer: MarkdownRenderer) -> None:
    # "1. 乙" and "2. 丙" were shown as text in the item 甲 ("甲<br>\n主要有：<br>\n1. 乙<br>\n2. 丙"), and the
    # warning said they were "more items of the same list".
    body = "- 甲\n主要有：\n1. 乙\n2. 丙\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [(2, 1, "this line is right under a list item (列表), with no blank line between, "
                                     "so Markdown reads it as more text of that item, not as a paragraph over the "
                                     "list (列表) under it: 主要有：",
                               "for a paragraph of its own, leave a blank line above it; to keep it in the item, "
                               "indent it by 2 spaces and each line of the list under it by 4 spaces (its "
                               "sub-items, 下一级)")]
    assert result.html == "<ul>\n<li>甲<br>\n主要有：</li>\n</ul>\n<ol>\n<li>乙</li>\n<li>丙</li>\n</ol>"
    paragraph = renderer.render(body.replace("甲\n", "甲\n\n"), "content/a.md", 1)
    assert paragraph.problems == ()
    assert paragraph.html == "<ul>\n<li>甲</li>\n</ul>\n<p>主要有：</p>\n<ol>\n<li>乙</li>\n<li>丙</li>\n</ol>"
    kept = renderer.render("- 甲\n  主要有：\n    1. 乙\n    2. 丙\n", "content/a.md", 1)
    assert kept.problems == ()
    assert kept.html == "<ul>\n<li>甲<br>\n  主要有：<ol>\n<li>乙</li>\n<li>丙</li>\n</ol>\n</li>\n</ul>"


def test_a_run_of_text_lines_under_a_numbered_item_is_warned_once(renderer: MarkdownRenderer) -> None:
    body = "1. 第一点\n   续行\n说明一\n具体如下:\n2. 第二点\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [(line, hint) for line, _, _, hint in placed(result)] == [
        (3, "for a paragraph of its own, leave a blank line above it; to keep it in the item, indent it and the "
            "line below it by 3 spaces and each line of the list under it by 4 spaces (its sub-items, 下一级)")]
    kept = renderer.render(body.replace("\n说明一\n具体", "\n   说明一\n   具体").replace("\n2.", "\n    2."),
                           "content/a.md", 1)
    assert kept.problems == ()
    assert kept.html == ("<ol>\n<li>第一点<br>\n   续行<br>\n   说明一<br>\n   具体如下:<ol start=\"2\">\n"
                         "<li>第二点</li>\n</ol>\n</li>\n</ol>")
    paragraph = renderer.render(body.replace("\n说明一", "\n\n说明一"), "content/a.md", 1)
    assert paragraph.problems == ()
    assert paragraph.html == ("<ol>\n<li>第一点<br>\n   续行</li>\n</ol>\n<p>说明一<br>\n具体如下:</p>\n"
                              "<ol start=\"2\">\n<li>第二点</li>\n</ol>")


def test_a_text_line_with_a_colon_over_a_table_under_a_list_item_is_warned(renderer: MarkdownRenderer) -> None:
    body = LIST_TEXT + "数据如下：\n" + TABLE_TEXT
    result = renderer.render(body, "content/a.md", 3)
    assert placed(result) == [(5, 1, "this line is right under a list item (列表), with no blank line between, "
                                     "so Markdown reads it as more text of that item, not as a paragraph over "
                                     "the table (表格) under it: 数据如下：",
                               "for a paragraph of its own, leave a blank line above it; to keep it in the item, "
                               "indent it by 2 spaces")]
    assert result.html == "<ul>\n<li>第一点</li>\n<li>第二点<br>\n数据如下：</li>\n</ul>\n" + TABLE
    paragraph = renderer.render(LIST_TEXT + "\n数据如下：\n" + TABLE_TEXT, "content/a.md", 3)
    assert paragraph.problems == ()
    assert paragraph.html == UL + "\n<p>数据如下：</p>\n" + TABLE
    kept = renderer.render(LIST_TEXT + "  数据如下：\n" + TABLE_TEXT, "content/a.md", 3)
    assert kept.problems == ()
    assert kept.html == "<ul>\n<li>第一点</li>\n<li>第二点<br>\n  数据如下：</li>\n</ul>\n" + TABLE


@pytest.mark.parametrize("body", [
    "- 第一点\n第一点的第二行\n",  # a line break in the item, as Word's Shift+Enter gives, typed with Enter
    "- 第一点\n第一点的第二行\n- 第二点\n",
    "- 第一点\n主要有：\n\n- 甲\n",
    "- 第一点\n## 问题二：\n- 甲\n",
    "- 第一点\n[^1]: 注释：\n- 甲\n\n文字[^1]\n",
    "```\n- 第一点\n主要有：\n- 甲\n```\n",
])
def test_a_text_line_under_a_list_item_not_opening_a_list_there_is_not_warned(renderer: MarkdownRenderer,
                                                                             body: str) -> None:
    assert [p for p in renderer.render(body, "content/a.md", 1).problems if "list item" in p.message] == []


# A paragraph typed with Word's first-line indent (首行缩进) under a list went into its last item, unwarned: with a
# blank line between as that item's second <p>, without one as a line of its text.
UL_JIA_YI = "<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>"
ITEM_PARAGRAPH = "<ul>\n<li>第一点</li>\n<li>第二点</li>\n</ul>\n<p>首行缩进的段落。</p>"


@pytest.mark.parametrize("indent", ["    ", "\t", "  \t", "　　", "      "])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_paragraph_typed_with_a_first_line_indent_under_a_list_is_not_the_last_items(
        renderer: MarkdownRenderer, indent: str, gap: str) -> None:
    body = "- 第一点\n- 第二点" + gap + indent + "首行缩进的段落。\n"
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == ITEM_PARAGRAPH
    assert result.problems == ()
    numbered = renderer.render(body.replace("- ", "1. ", 1).replace("- ", "2. "), "content/a.md", 1)
    assert numbered.html == ITEM_PARAGRAPH.replace("ul>", "ol>")
    after = renderer.render(body + "\n" + indent + "第二段。\n主要有：\n- 甲\n", "content/a.md", 1)
    assert after.html == ITEM_PARAGRAPH + "\n<p>第二段。<br>\n主要有：</p>\n<ul>\n<li>甲</li>\n</ul>"
    assert after.problems == ()


def test_a_paragraph_typed_with_a_first_line_indent_between_two_lists_is_its_own(renderer: MarkdownRenderer) -> None:
    # A blank line above it and none under it: the whole paragraph and the next list were the last item's
    # second <p>, "- 第三点" shown as text in it.
    body = "- 第一点\n- 第二点\n\n    首行缩进的段落。\n- 第三点\n- 第四点\n\t又一段。\n"
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == (ITEM_PARAGRAPH + "\n<ul>\n<li>第三点</li>\n<li>第四点</li>\n</ul>\n<p>又一段。</p>")
    assert result.problems == ()


def test_an_indented_paragraph_stays_the_items_where_markdown_means_it(renderer: MarkdownRenderer) -> None:
    # Where the list goes on after it, or its items hold a sub-item or an indented block, the author indents
    # as Markdown asks: the paragraph is the item's.
    goes_on = renderer.render("- 第一点\n\n    第一点的第二段\n\n- 第二点\n", "content/a.md", 1)
    assert goes_on.html == ("<ul>\n<li>\n<p>第一点</p>\n<p>第一点的第二段</p>\n</li>\n<li>\n<p>第二点</p>\n</li>\n"
                            "</ul>")
    nested = renderer.render("- 第一点\n\n    - 子项\n\n    第一点的第二段\n", "content/a.md", 1)
    assert nested.html == ("<ul>\n<li>\n<p>第一点</p>\n<ul>\n<li>子项</li>\n</ul>\n<p>第一点的第二段</p>\n</li>\n"
                           "</ul>")
    again = renderer.render("- 第一点\n\n    第一段\n\n- 第二点\n\n    第二段\n", "content/a.md", 1)
    assert again.html.endswith("<li>\n<p>第二点</p>\n<p>第二段</p>\n</li>\n</ul>")
    line = renderer.render("- 第一点\n  第一点的第二行\n", "content/a.md", 1)
    assert line.html == "<ul>\n<li>第一点<br>\n  第一点的第二行</li>\n</ul>"
    assert goes_on.problems == nested.problems == again.problems == line.problems == ()


# Paragraphs pasted from Word with a first-line indent (首行缩进) and no blank line between were one <p>, each
# next paragraph a line of it after a <br>, its indent still showing.
@pytest.mark.parametrize("indent", ["    ", "\t", "　　", "  \t"])
def test_each_line_typed_with_a_first_line_indent_under_a_paragraph_begins_a_paragraph(
        renderer: MarkdownRenderer, indent: str) -> None:
    result = renderer.render(f"{indent}段落一。\n{indent}段落二。\n{indent}段落三。\n", "content/a.md", 1)
    assert result.html == "<p>段落一。</p>\n<p>段落二。</p>\n<p>段落三。</p>"
    plain = renderer.render(f"不缩进的段落。\n第二行。\n{indent}缩进的段落。\n", "content/a.md", 1)
    assert plain.html == "<p>不缩进的段落。<br>\n第二行。</p>\n<p>缩进的段落。</p>"
    # (In a quote a tab is 4 columns from the line's start, so after "> " it is no first-line indent left.)
    quoted = renderer.render(f"> 引文。\n> {indent.replace(chr(9), ' ' * 4)}引文的第二段。\n", "content/a.md", 1)
    assert quoted.html == "<blockquote>\n<p>引文。</p>\n<p>引文的第二段。</p>\n</blockquote>"
    assert result.problems == plain.problems == quoted.problems == ()


def test_a_line_typed_with_a_first_line_indent_under_a_quote_is_a_paragraph_after_it(
        renderer: MarkdownRenderer) -> None:
    # It was taken into the quote (a "lazy" line): "<p>引文。<br>\n　　他还说…</p>" in the <blockquote>.
    for indent in ("    ", "\t", "　　"):
        result = renderer.render(f"> 引文。\n{indent}他还说…\n", "content/a.md", 1)
        assert result.html == "<blockquote>\n<p>引文。</p>\n</blockquote>\n<p>他还说…</p>"
        assert result.problems == ()
    lazy = renderer.render("> 引文。\n他还说…\n", "content/a.md", 1)  # no indent: the quote's, as in CommonMark
    assert lazy.html == "<blockquote>\n<p>引文。<br>\n他还说…</p>\n</blockquote>"


@pytest.mark.parametrize("body", [
    "```\n段落一。\n    code = 1\n```\n",  # fenced code is left as typed
    "- 第一点\n  第一点的第二行\n",  # an item's second line
    "| 类别 | 数量 |\n|---|---|\n| 路灯 | 3 |\n",
    "正文[^1]。\n\n[^1]: 注释第一行\n    第二行\n",  # a note's lines under its first, indented as Markdown asks
])
def test_a_first_line_indent_is_no_paragraph_in_code_items_tables_or_notes(renderer: MarkdownRenderer, body: str) -> None:
    lines = body.rstrip("\n").split("\n")
    assert open_blocks(lines) == lines


# A list right under a list of the other kind, or a quote right under a list, was the last item's text (with
# no blank line between): "<li>乙<br>\n1. 丙<br>\n2. 丁</li>"; CommonMark makes each a block of its own.
@pytest.mark.parametrize(("typed", "shown"), [
    ("- 甲\n- 乙\n1. 丙\n2. 丁\n", UL_JIA_YI + "\n<ol>\n<li>丙</li>\n<li>丁</li>\n</ol>"),
    ("1. 甲\n2. 乙\n- 丙\n", UL_JIA_YI.replace("ul>", "ol>") + "\n<ul>\n<li>丙</li>\n</ul>"),
    ("* 甲\n+ 乙\n3. 丙\n", UL_JIA_YI + '\n<ol start="3">\n<li>丙</li>\n</ol>'),
    ("- 甲\n- 乙\n> 引文。\n", UL_JIA_YI + "\n<blockquote>\n<p>引文。</p>\n</blockquote>"),
    ("1. 甲\n2. 乙\n  续行\n> 引文。\n", "<ol>\n<li>甲</li>\n<li>乙<br>\n  续行</li>\n</ol>\n"
                                       "<blockquote>\n<p>引文。</p>\n</blockquote>"),
    ("> 引用：\n> - 甲\n> - 乙\n> 1. 丙\n", "<blockquote>\n<p>引用：</p>\n" + UL_JIA_YI
     + "\n<ol>\n<li>丙</li>\n</ol>\n</blockquote>"),
])
def test_a_list_of_the_other_kind_or_a_quote_right_under_a_list_is_a_block_of_its_own(
        renderer: MarkdownRenderer, typed: str, shown: str) -> None:
    result = renderer.render(typed, "content/a.md", 1)
    assert result.html == shown
    assert result.problems == ()


def test_a_quote_or_list_further_in_than_the_item_above_stays_as_markdown_reads_it(
        renderer: MarkdownRenderer) -> None:
    quote = renderer.render("- 甲\n  > 引文。\n", "content/a.md", 1)
    assert quote.html == "<ul>\n<li>甲<blockquote>\n<p>引文。</p>\n</blockquote>\n</li>\n</ul>"
    sub = renderer.render("1. 甲\n    - 子项\n", "content/a.md", 1)
    assert sub.html == "<ol>\n<li>甲<ul>\n<li>子项</li>\n</ul>\n</li>\n</ol>"
    # A sub-item indented too little is the item's text (warned): the next item after it is the outer list's.
    short = renderer.render("1. 甲\n   - 子项\n2. 乙\n", "content/a.md", 1)
    assert short.html == "<ol>\n<li>甲<br>\n   - 子项</li>\n<li>乙</li>\n</ol>"
    assert [p.line for p in short.problems] == [2]
    same = renderer.render("- 甲\n* 乙\n", "content/a.md", 1)  # "-" and "*" are one list to Python-Markdown
    assert same.html == UL_JIA_YI
    assert quote.problems == sub.problems == same.problems == ()


def test_a_paragraph_typed_with_a_first_line_indent_before_a_list_of_the_other_kind_is_its_own(
        renderer: MarkdownRenderer) -> None:
    # A list of the other kind after the blank line is no going on of the list above: "段落五" was the last
    # item's text, "<li>乙<br>\n　　段落五。</li>".
    for indent in ("    ", "\t", "　　"):
        result = renderer.render(f"1. 甲\n2. 乙\n{indent}段落五。\n\n- 丙\n", "content/a.md", 1)
        assert result.html == (UL_JIA_YI.replace("ul>", "ol>") + "\n<p>段落五。</p>\n<ul>\n<li>丙</li>\n</ul>")
        bulleted = renderer.render(f"- 甲\n- 乙\n{indent}段落五。\n\n1. 丙\n", "content/a.md", 1)
        assert bulleted.html == UL_JIA_YI + "\n<p>段落五。</p>\n<ol>\n<li>丙</li>\n</ol>"
        assert result.problems == bulleted.problems == ()
    goes_on = renderer.render("- 甲\n- 乙\n　　段落五。\n\n- 丙\n", "content/a.md", 1)  # the same list goes on
    assert "<p>乙<br>\n　　段落五。</p>" in goes_on.html


def slipped(line: int, column: int, what: str, typed: str, how: str, fixed: str) -> tuple[int, int, str, str]:
    return (line, column, f"{what}, so Markdown does not read this line as a list item (列表): the page shows it "
                          f"as text, run together with the lines around it: {typed}", f"{how}: {fixed}")


# Items typed with an input method were lines of one <p>, unwarned: "<p>主要做法：<br>\n1.成立领导小组；<br>…</p>".
def test_list_items_typed_without_a_space_or_with_a_full_width_dot_are_warned(renderer: MarkdownRenderer) -> None:
    body = "主要做法：\n1.成立领导小组；\n2．制定方案；\n3． 组织实施。\n\n重点：\n-环境整治\n- 道路修缮\n"
    result = renderer.render(body, "content/a.md", 5)
    no_space, wide = "type a space after", "type the dot in half width (半角), with a space after it"
    assert placed(result) == [
        slipped(6, 1, 'there is no space after "1."', "1.成立领导小组；", f'{no_space} "1."', "1. 成立领导小组；"),
        slipped(7, 1, 'the dot after "2" is full-width (全角)', "2．制定方案；", wide, "2. 制定方案；"),
        slipped(8, 1, 'the dot after "3" is full-width (全角)', "3． 组织实施。", wide, "3. 组织实施。"),
        slipped(11, 1, 'there is no space after "-"', "-环境整治", f'{no_space} "-"', "- 环境整治")]
    typed = body
    for _, _, _, hint in placed(result):
        fixed = hint.split(": ", 1)[1]
        typed = re.sub(f"(?m)^[^\n]*{re.escape(fixed.split(' ', 1)[1])}$", fixed, typed)
    followed = renderer.render(typed, "content/a.md", 5)
    assert followed.problems == ()
    assert followed.html == ("<p>主要做法：</p>\n<ol>\n<li>成立领导小组；</li>\n<li>制定方案；</li>\n<li>组织实施。</li>\n"
                             "</ol>\n<p>重点：</p>\n<ul>\n<li>环境整治</li>\n<li>道路修缮</li>\n</ul>")


def follow_item_hints(body: str, result: RenderedMarkdown, first_line: int) -> str:
    """``body`` with each warned line replaced by the line its hint offers first."""
    lines = body.split("\n")
    for problem in result.problems:
        lines[problem.line - first_line] = problem.hint.split(": ", 1)[1].split("; if it is punctuation")[0]
    return "\n".join(lines)


# Items typed so inside a quote were lines of the quote's one <p>, unwarned: "<blockquote>\n<p>1.成立领导小组<br>…".
def test_slipped_items_in_a_quote_are_warned_with_the_quote_signs_kept(renderer: MarkdownRenderer) -> None:
    body = ("> 主要做法：\n> 1.成立领导小组\n> 2.制定方案\n\n正文。\n\n>1.摸排\n>2.整改\n\n正文。\n\n"
            "> > -环境整治\n> > -道路修缮\n\n正文。\n\n> 1．成立\n> 2．制定\n")
    result = renderer.render(body, "content/a.md", 5)
    no_space, wide = "type a space after", "type the dot in half width (半角), with a space after it"
    assert placed(result) == [
        slipped(6, 3, 'there is no space after "1."', "> 1.成立领导小组", f'{no_space} "1."', "> 1. 成立领导小组"),
        slipped(7, 3, 'there is no space after "2."', "> 2.制定方案", f'{no_space} "2."', "> 2. 制定方案"),
        slipped(11, 2, 'there is no space after "1."', ">1.摸排", f'{no_space} "1."', ">1. 摸排"),
        slipped(12, 2, 'there is no space after "2."', ">2.整改", f'{no_space} "2."', ">2. 整改"),
        slipped(16, 5, 'there is no space after "-"', "> > -环境整治", f'{no_space} "-"', "> > - 环境整治"),
        slipped(17, 5, 'there is no space after "-"', "> > -道路修缮", f'{no_space} "-"', "> > - 道路修缮"),
        slipped(21, 3, 'the dot after "1" is full-width (全角)', "> 1．成立", wide, "> 1. 成立"),
        slipped(22, 3, 'the dot after "2" is full-width (全角)', "> 2．制定", wide, "> 2. 制定")]
    followed = renderer.render(follow_item_hints(body, result, 5), "content/a.md", 5)
    assert followed.problems == ()
    assert followed.html == (
        "<blockquote>\n<p>主要做法：</p>\n<ol>\n<li>成立领导小组</li>\n<li>制定方案</li>\n</ol>\n</blockquote>\n"
        "<p>正文。</p>\n<blockquote>\n<ol>\n<li>摸排</li>\n<li>整改</li>\n</ol>\n</blockquote>\n<p>正文。</p>\n"
        "<blockquote>\n<blockquote>\n<ul>\n<li>环境整治</li>\n<li>道路修缮</li>\n</ul>\n</blockquote>\n</blockquote>\n"
        "<p>正文。</p>\n<blockquote>\n<ol>\n<li>成立</li>\n<li>制定</li>\n</ol>\n</blockquote>")


def test_slipped_items_deep_in_quotes_are_warned_without_running_out_of_stack(renderer: MarkdownRenderer) -> None:
    # One call per level of quotes would raise RecursionError for a line of 2000 ">" (render must not raise).
    deep = ">" * 2000
    result = renderer.render(f"{deep}1.甲\n{deep}2.乙\n", "content/a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (1, 2001, 'type a space after "1."'), (2, 2001, 'type a space after "2."')]  # too long to paste whole


def test_a_numbered_list_deep_in_quotes_is_checked_without_running_out_of_stack(renderer: MarkdownRenderer) -> None:
    # The numbering check read each level of quotes with one more call: 3000 "> " raised RecursionError.
    # Python-Markdown nests about 300 quotes (deeper, the page shows the signs as text): 200 are read and told.
    deep = "> " * 200
    result = renderer.render(f"{deep}1. 甲\n{deep}3. 乙\n", "content/a.md", 1)
    assert [(p.line, p.column, p.message.split(",")[0]) for p in result.problems] == [
        (1, 401, "this list is numbered 1")]
    assert result.text == "甲\n乙" and result.html.count("<blockquote>") == 200
    deeper = "> " * 3000
    assert len(renderer.render(f"{deeper}1. 甲\n{deeper}3. 乙\n", "content/a.md", 1).problems) == 1


BULLET_HOW = 'type "-" in its place, with a space after it'


# Lines typed with a sign Markdown knows no bullet by were lines of one <p>, unwarned: "<p>重点：<br>\n－环境整治<br>…".
@pytest.mark.parametrize(("sign", "what", "how"), [
    ("－", 'the "－" is full-width (全角)', "type it in half width (半角), with a space after it"),
    ("—", 'the sign before the text is "—" (an em dash, 破折号), not "-"', BULLET_HOW),
    ("–", 'the sign before the text is "–" (an en dash, 连接号), not "-"', BULLET_HOW),
    ("•", 'the sign before the text is "•" (a bullet, 项目符号), not "-"', BULLET_HOW),
    ("·", 'the sign before the text is "·" (a middle dot, 间隔号), not "-"', BULLET_HOW),
    ("・", 'the sign before the text is "・" (a full-width middle dot, 全角间隔号), not "-"', BULLET_HOW),
    # Signs editors put before an item in Word and WeChat: lines of one <p>, unwarned, as were the ones after.
    ("●", 'the sign before the text is "●" (a black circle, 实心圆点), not "-"', BULLET_HOW),
    ("○", 'the sign before the text is "○" (a white circle, 空心圆点), not "-"', BULLET_HOW),
    ("■", 'the sign before the text is "■" (a black square, 实心方块), not "-"', BULLET_HOW),
    ("□", 'the sign before the text is "□" (a white square, 空心方块), not "-"', BULLET_HOW),
    ("▪", 'the sign before the text is "▪" (a small black square, 小方块), not "-"', BULLET_HOW),
    ("◆", 'the sign before the text is "◆" (a black diamond, 实心菱形), not "-"', BULLET_HOW),
    ("◇", 'the sign before the text is "◇" (a white diamond, 空心菱形), not "-"', BULLET_HOW),
    ("★", 'the sign before the text is "★" (a black star, 实心星号), not "-"', BULLET_HOW),
    ("☆", 'the sign before the text is "☆" (a white star, 空心星号), not "-"', BULLET_HOW),
    ("▶", 'the sign before the text is "▶" (a triangle, 三角形), not "-"', BULLET_HOW),
    ("►", 'the sign before the text is "►" (a pointer, 三角形), not "-"', BULLET_HOW),
    ("✓", 'the sign before the text is "✓" (a check mark, 对勾), not "-"', BULLET_HOW),
    ("√", 'the sign before the text is "√" (a check mark, 对勾), not "-"', BULLET_HOW),
    ("※", 'the sign before the text is "※" (a reference mark, 米字符号), not "-"', BULLET_HOW),
    ("＊", 'the sign before the text is "＊" (a full-width asterisk, 全角星号), not "-"', BULLET_HOW),
])
def test_list_items_typed_with_a_dash_or_dot_an_input_method_gives_are_warned(
        renderer: MarkdownRenderer, sign: str, what: str, how: str) -> None:
    # Bold right after the sign (•**走访**老旧小区。) was a line of the <p> too: "•<strong>走访</strong>…".
    body = f"重点：\n{sign}环境整治\n{sign}“道路”修缮\n{sign}**走访**老旧小区。\n\n> {sign}第一点\n> {sign}第二点\n"
    result = renderer.render(body, "content/a.md", 3)
    dash = "; if it is punctuation, not a bullet, type the dash as two (破折号): " if sign == "—" else ""

    def expected(line: int, column: int, typed: str, fixed: str) -> tuple[int, int, str, str]:
        found = slipped(line, column, what, typed, how, fixed)
        return (*found[:3], found[3] + (dash and dash + typed.replace("—", "——")))

    assert placed(result) == [
        expected(4, 1, f"{sign}环境整治", "- 环境整治"), expected(5, 1, f"{sign}“道路”修缮", "- “道路”修缮"),
        expected(6, 1, f"{sign}**走访**老旧小区。", "- **走访**老旧小区。"),
        expected(8, 3, f"> {sign}第一点", "> - 第一点"), expected(9, 3, f"> {sign}第二点", "> - 第二点")]
    followed = renderer.render(follow_item_hints(body, result, 3), "content/a.md", 3)
    assert followed.problems == ()
    assert followed.html == ("<p>重点：</p>\n<ul>\n<li>环境整治</li>\n<li>“道路”修缮</li>\n"
                             "<li><strong>走访</strong>老旧小区。</li>\n</ul>\n"
                             "<blockquote>\n<ul>\n<li>第一点</li>\n<li>第二点</li>\n</ul>\n</blockquote>")


NUMBER_WHAT = 'the number before the text is typed "{}", not "{}."'
NUMBER_HOW = 'type "{}." in its place, with a space after it'


# Items numbered in Chinese style were lines of one <p>, unwarned: "<p>主要做法：<br>\n①成立领导小组<br>…</p>".
@pytest.mark.parametrize(("first", "second", "start"), [
    ("①", "②", 1), ("⑴", "⑵", 1), ("1、", "2、", 1), ("（1）", "（2）", 1), ("(1)", "(2)", 1), ("1）", "2）", 1),
    ("1)", "2)", 1), ("一、", "二、", 1), ("（一）", "（二）", 1), ("(一)", "(二)", 1), ("③", "④", 3), ("⑼", "⑽", 9),
    ("9、", "10、", 9), ("九、", "十、", 9), ("（十一）", "（十二）", 11), ("⑲", "⑳", 19), ("二十、", "二十一、", 20),
])
def test_list_items_numbered_in_chinese_style_are_warned_with_the_number_kept(
        renderer: MarkdownRenderer, first: str, second: str, start: int) -> None:
    body = f"主要做法：\n{first}成立领导小组；\n{second}**制定**方案。\n\n> {first}摸排\n> {second}整改\n"
    result = renderer.render(body, "content/a.md", 3)

    def expected(line: int, column: int, sign: str, value: int, typed: str) -> tuple[int, int, str, str]:
        return slipped(line, column, NUMBER_WHAT.format(sign, value), typed, NUMBER_HOW.format(value),
                       typed.replace(sign, f"{value}. "))

    assert placed(result) == [
        expected(4, 1, first, start, f"{first}成立领导小组；"), expected(5, 1, second, start + 1, f"{second}**制定**方案。"),
        expected(7, 3, first, start, f"> {first}摸排"), expected(8, 3, second, start + 1, f"> {second}整改")]
    followed = renderer.render(follow_item_hints(body, result, 3), "content/a.md", 3)
    assert followed.problems == ()
    ol = "<ol>" if start == 1 else f'<ol start="{start}">'
    assert followed.html == (f"<p>主要做法：</p>\n{ol}\n<li>成立领导小组；</li>\n<li><strong>制定</strong>方案。</li>\n</ol>\n"
                             f"<blockquote>\n{ol}\n<li>摸排</li>\n<li>整改</li>\n</ol>\n</blockquote>")


# Items typed with a space or TAB after a sign or number Markdown knows no list by, as Word and WPS paste a list,
# were one <p>, unwarned ("<p>● 60份…<br>\n● 90份…</p>": screen readers announce no list), while the same lines
# typed without the space ("●60份…") were warned.
@pytest.mark.parametrize(("first", "second", "what", "how", "offered"), [
    ("• ", "• ", 'the sign before the text is "•" (a bullet, 项目符号), not "-"', BULLET_HOW, ("- ", "- ")),
    ("· ", "· ", 'the sign before the text is "·" (a middle dot, 间隔号), not "-"', BULLET_HOW, ("- ", "- ")),
    ("● ", "● ", 'the sign before the text is "●" (a black circle, 实心圆点), not "-"', BULLET_HOW, ("- ", "- ")),
    ("—\u3000", "—\u3000", 'the sign before the text is "—" (an em dash, 破折号), not "-"', BULLET_HOW, ("- ", "- ")),
    ("•\t", "•\t", 'the sign before the text is "•" (a bullet, 项目符号), not "-"', BULLET_HOW, ("- ", "- ")),
    ("① ", "② ", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("1、 ", "2、 ", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("1） ", "2） ", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("1) ", "2) ", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("（1）\t", "（2）\t", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("一、\t", "二、\t", NUMBER_WHAT, NUMBER_HOW, ("1. ", "2. ")),
    ("1． ", "2． ", 'the dot after "{}" is full-width (全角)', "type the dot in half width (半角), with a space after it",
     ("1. ", "2. ")),
])
def test_items_with_a_space_or_tab_after_a_sign_markdown_knows_no_list_by_are_warned(
        renderer: MarkdownRenderer, first: str, second: str, what: str, how: str, offered: tuple[str, str]) -> None:
    body = f"问卷情况：\n{first}60份已收回；\n{second}90份在发放。\n\n> {first}摸排\n> {second}整改\n"
    result = renderer.render(body, "content/a.md", 3)
    marks = [mark.rstrip(" \t\u3000") for mark in (first, second)]

    def expected(line: int, column: int, at: int, typed: str, text: str) -> tuple[int, int, str, str]:
        value = offered[at].rstrip(". ")
        found = slipped(line, column, what.format(marks[at] if "number" in what else value, value), typed,
                        how.format(value), typed[:column - 1] + offered[at] + text)
        return (*found[:3], found[3] + (
            f"; if it is punctuation, not a bullet, type the dash as two (破折号): {typed[:column - 1]}——{text}"
            if marks[at] == "—" else ""))

    assert placed(result) == [
        expected(4, 1, 0, f"{first}60份已收回；", "60份已收回；"), expected(5, 1, 1, f"{second}90份在发放。", "90份在发放。"),
        expected(7, 3, 0, f"> {first}摸排", "摸排"), expected(8, 3, 1, f"> {second}整改", "整改")]
    # The same line offered as for the sign typed right before the text (which, before a figure, is a minus or a
    # decimal point: —60份, 1．60份).
    unspaced = renderer.render(body.replace(first, marks[0]).replace(second, marks[1]), "content/a.md", 3)
    assert [p.hint for p in unspaced.problems if p.line > 5] == [p.hint for p in result.problems if p.line > 5]
    followed = renderer.render(follow_item_hints(body, result, 3), "content/a.md", 3)
    assert followed.problems == ()
    kind = "ul" if offered[0] == "- " else "ol"
    assert followed.html == (f"<p>问卷情况：</p>\n<{kind}>\n<li>60份已收回；</li>\n<li>90份在发放。</li>\n</{kind}>\n"
                             f"<blockquote>\n<{kind}>\n<li>摸排</li>\n<li>整改</li>\n</{kind}>\n</blockquote>")


WORD_SECOND = 'the sign before the text is "o" (Word\'s bullet of a second level, 二级项目符号), not "-"'
UNDER = ", the line indented by {} spaces (缩进) to go under the item above (下一级)"


# A list of several levels pasted from Word as text (•<TAB>, o<TAB>, §<TAB>) was one <p>, unwarned but for its first
# line under a colon: its second- and third-level lines broke the run of items, so "•<TAB>制定方案" was told of
# nothing either.
def test_a_word_list_of_three_levels_is_warned_with_each_level_nested(renderer: MarkdownRenderer) -> None:
    body = ("主要做法：\n•\t摸排需求\no\t走访老人\no\t走访学生\n§\t一对一登记\n•\t制定方案\n\n"
            "> •\t摸排\n> o\t走访\n")
    result = renderer.render(body, "content/a.md", 3)
    bullet = 'the sign before the text is "•" (a bullet, 项目符号), not "-"'
    third = 'the sign before the text is "§" (Word\'s bullet of a third level, 三级项目符号), not "-"'
    assert placed(result) == [
        slipped(4, 1, bullet, "•\t摸排需求", BULLET_HOW, "- 摸排需求"),
        slipped(5, 1, WORD_SECOND, "o\t走访老人", BULLET_HOW + UNDER.format(4), "    - 走访老人"),
        slipped(6, 1, WORD_SECOND, "o\t走访学生", BULLET_HOW + UNDER.format(4), "    - 走访学生"),
        slipped(7, 1, third, "§\t一对一登记", BULLET_HOW + UNDER.format(8), "        - 一对一登记"),
        slipped(8, 1, bullet, "•\t制定方案", BULLET_HOW, "- 制定方案"),
        slipped(10, 3, bullet, "> •\t摸排", BULLET_HOW, "> - 摸排"),
        slipped(11, 3, WORD_SECOND, "> o\t走访", BULLET_HOW + UNDER.format(4), ">     - 走访")]
    followed = renderer.render(follow_item_hints(body, result, 3), "content/a.md", 3)
    assert followed.problems == ()
    assert followed.html == (
        "<p>主要做法：</p>\n<ul>\n<li>摸排需求<ul>\n<li>走访老人</li>\n<li>走访学生<ul>\n<li>一对一登记</li>\n</ul>\n"
        "</li>\n</ul>\n</li>\n<li>制定方案</li>\n</ul>\n"
        "<blockquote>\n<ul>\n<li>摸排<ul>\n<li>走访</li>\n</ul>\n</li>\n</ul>\n</blockquote>")


@pytest.mark.parametrize("body", [
    "主要做法：\n•\t摸排需求\no\t走访老人\no\t走访学生\n§\t一对一登记\n•\t制定方案\n",
    "步骤：\n1.\t摸排需求\na.\t走访老人\nb.\t走访学生\ni.\t一对一登记\nii.\t电话回访\nc.\t整理名单\n2.\t制定方案\n",
])
def test_a_word_list_followed_one_line_at_a_time_keeps_the_other_lines_told(
        renderer: MarkdownRenderer, body: str) -> None:
    # Editors follow one hint and check again, from the top: a line typed as offered (4 spaces in) is a sub-item
    # Markdown reads, and the lines below it are told as before.
    result = renderer.render(body, "content/a.md", 1)
    lines = body.split("\n")
    for at, problem in enumerate(result.problems):
        lines[problem.line - 1] = problem.hint.split(": ", 1)[1]
        again = renderer.render("\n".join(lines), "content/a.md", 1)
        assert placed(again) == placed(result)[at + 1:]


def test_a_word_list_numbered_with_letters_and_roman_numerals_is_warned_with_numbers_nested(
        renderer: MarkdownRenderer) -> None:
    # The lines of i. and ii. were also told as cells pasted from Excel, and the items' letters as nothing.
    body = "步骤：\n1.\t摸排需求\na.\t走访老人\nb)\t走访学生\ni.\t一对一登记\nii.\t电话回访\nc.\t整理名单\n2.\t制定方案\n"
    result = renderer.render(body, "content/a.md", 1)
    letter = 'the number before the text is typed "{}" (a letter, 字母), not "{}."'
    roman = 'the number before the text is typed "{}" (a Roman numeral, 罗马数字), not "{}."'
    assert placed(result) == [
        slipped(3, 1, letter.format("a.", 1), "a.\t走访老人", NUMBER_HOW.format(1) + UNDER.format(4), "    1. 走访老人"),
        slipped(4, 1, letter.format("b)", 2), "b)\t走访学生", NUMBER_HOW.format(2) + UNDER.format(4), "    2. 走访学生"),
        slipped(5, 1, roman.format("i.", 1), "i.\t一对一登记", NUMBER_HOW.format(1) + UNDER.format(8),
                "        1. 一对一登记"),
        slipped(6, 1, roman.format("ii.", 2), "ii.\t电话回访", NUMBER_HOW.format(2) + UNDER.format(8),
                "        2. 电话回访"),
        slipped(7, 1, letter.format("c.", 3), "c.\t整理名单", NUMBER_HOW.format(3) + UNDER.format(4), "    3. 整理名单")]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == (
        "<p>步骤：</p>\n<ol>\n<li>摸排需求<ol>\n<li>走访老人</li>\n<li>走访学生<ol>\n<li>一对一登记</li>\n"
        "<li>电话回访</li>\n</ol>\n</li>\n<li>整理名单</li>\n</ol>\n</li>\n<li>制定方案</li>\n</ol>")


@pytest.mark.parametrize(("body", "told"), [
    # A third level's bullet as Word's font left it: U+F0A7 (its Wingdings square) or "▪" (its font kept).
    ("•\t摸排\no\t走访\n\uf0a7\t登记\n", [
        (3, 'the sign before the text is U+F0A7 (Word\'s bullet of a third level, 三级项目符号), not "-"',
         "\uf0a7\t登记", BULLET_HOW + UNDER.format(8), "        - 登记")]),
    ("•\t摸排\no\t走访\n▪\t登记\n", [
        (3, 'the sign before the text is "▪" (a small black square, 小方块), not "-"', "▪\t登记",
         BULLET_HOW + UNDER.format(8), "        - 登记")]),
    # Under an item Markdown reads, the page showed "o 走访" as more of its text.
    ("- 摸排\no\t走访\n- 制定\n", [(2, WORD_SECOND, "o\t走访", BULLET_HOW + UNDER.format(4), "    - 走访")]),
    # With no item of a level above, at the first level; "i." after "h." is the next letter.
    ("o\t走访\no\t登记\n", [(1, WORD_SECOND, "o\t走访", BULLET_HOW, "- 走访"),
                            (2, WORD_SECOND, "o\t登记", BULLET_HOW, "- 登记")]),
    ("h.\t走访\ni.\t登记\n", [
        (1, 'the number before the text is typed "h." (a letter, 字母), not "8."', "h.\t走访", NUMBER_HOW.format(8),
         "8. 走访"),
        (2, 'the number before the text is typed "i." (a letter, 字母), not "9."', "i.\t登记", NUMBER_HOW.format(9),
         "9. 登记")]),
])
def test_word_list_levels_typed_otherwise_are_warned_at_their_level(
        renderer: MarkdownRenderer, body: str, told: list[tuple[int, str, str, str, str]]) -> None:
    result = renderer.render(body, "content/a.md", 1)
    bullet = 'the sign before the text is "•" (a bullet, 项目符号), not "-"'
    if body.startswith("•"):
        told = [(1, bullet, "•\t摸排", BULLET_HOW, "- 摸排"),
                (2, WORD_SECOND, "o\t走访", BULLET_HOW + UNDER.format(4), "    - 走访"), *told]
    assert placed(result) == [slipped(line, 1, what, typed, how, fixed) for line, what, typed, how, fixed in told]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == () and "<p>" not in followed.html


@pytest.mark.parametrize("body", [
    # "o", "§" and letters with a space after them are words: only a TAB makes them Word's list.
    "o ring 密封圈\no ring 更换\n", "o 型圈\no 型圈\n", "a. m. 上午\nb. m. 下午\n", "§ 3 适用范围\n§ 4 术语\n",
    "i.e. 也就是\nii 型\n", "Tel.\t021-12345678\n",
])
def test_word_list_signs_with_no_tab_after_them_are_text(renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "content/a.md", 1).problems == ()


def test_items_a_blank_line_apart_or_one_under_a_colon_are_warned(renderer: MarkdownRenderer) -> None:
    # As in the Baihe article: each "●坚持…" was a <p> of its own, unwarned; so was "①成立…" under "主要做法：".
    body = ("明确的方向和坚定的目标\n\n●坚持需求导向，注重解决问题。\n\n●坚持问题导向，敞开大门进行研究。\n\n"
            "主要做法：\n①成立领导小组。\n\n重点:\n▪环境整治\n")
    result = renderer.render(body, "content/a.md", 6)
    what = 'the sign before the text is "●" (a black circle, 实心圆点), not "-"'
    message = ("{}, so Markdown does not read this line as a list item (列表): the page shows it as text, a paragraph "
               "of its own: {}")
    assert placed(result) == [
        (8, 1, message.format(what, "●坚持需求导向，注重解决问题。"), f"{BULLET_HOW}: - 坚持需求导向，注重解决问题。"),
        (10, 1, message.format(what, "●坚持问题导向，敞开大门进行研究。"), f"{BULLET_HOW}: - 坚持问题导向，敞开大门进行研究。"),
        slipped(13, 1, NUMBER_WHAT.format("①", 1), "①成立领导小组。", NUMBER_HOW.format(1), "1. 成立领导小组。"),
        slipped(16, 1, 'the sign before the text is "▪" (a small black square, 小方块), not "-"', "▪环境整治", BULLET_HOW,
                "- 环境整治")]
    followed = renderer.render(follow_item_hints(body, result, 6), "content/a.md", 6)
    assert followed.problems == ()
    assert followed.html == ("<p>明确的方向和坚定的目标</p>\n<ul>\n<li>\n<p>坚持需求导向，注重解决问题。</p>\n</li>\n"
                             "<li>\n<p>坚持问题导向，敞开大门进行研究。</p>\n</li>\n</ul>\n<p>主要做法：</p>\n<ol>\n"
                             "<li>成立领导小组。</li>\n</ol>\n<p>重点:</p>\n<ul>\n<li>环境整治</li>\n</ul>")


def test_a_chinese_dash_typed_once_may_be_typed_as_two_instead(renderer: MarkdownRenderer) -> None:
    body = "—是的。\n—好的。\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [p.hint for p in result.problems] == [
        f"{BULLET_HOW}: - 是的。; if it is punctuation, not a bullet, type the dash as two (破折号): ——是的。",
        f"{BULLET_HOW}: - 好的。; if it is punctuation, not a bullet, type the dash as two (破折号): ——好的。"]
    followed = renderer.render("——是的。\n——好的。\n", "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == "<p>——是的。<br>\n——好的。</p>"


def test_slipped_bullets_under_an_item_are_warned(renderer: MarkdownRenderer) -> None:
    # "•道路修缮" and "–安装路灯" were the text of the item 环境整治: "<li>环境整治<br>\n•道路修缮<br>…</li>".
    body = "- 环境整治\n•道路修缮\n–安装路灯\n・2024年完成\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        slipped(2, 1, 'the sign before the text is "•" (a bullet, 项目符号), not "-"', "•道路修缮", BULLET_HOW,
                "- 道路修缮"),
        slipped(3, 1, 'the sign before the text is "–" (an en dash, 连接号), not "-"', "–安装路灯", BULLET_HOW,
                "- 安装路灯"),
        slipped(4, 1, 'the sign before the text is "・" (a full-width middle dot, 全角间隔号), not "-"', "・2024年完成",
                BULLET_HOW, "- 2024年完成")]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == "<ul>\n<li>环境整治</li>\n<li>道路修缮</li>\n<li>安装路灯</li>\n<li>2024年完成</li>\n</ul>"


# A list pasted from Word with its paragraphs' first-line indent (首行缩进) was text on the page, unwarned: the
# check looked at most 3 spaces in, though indented code is off and the indent changes nothing of how it reads.
@pytest.mark.parametrize(("indent", "named"), [
    ("    ", "4 spaces"), ("      ", "6 spaces"), ("\t", "TAB"), ("\u3000\u3000", "full-width spaces (全角空格)"),
    (" \u3000", "full-width spaces (全角空格)")])
def test_slipped_items_typed_with_a_first_line_indent_are_warned(
        renderer: MarkdownRenderer, indent: str, named: str) -> None:
    body = f"主要做法：\n\n{indent}•  走访群众。\n{indent}•  整理清单。\n\n步骤：\n{indent}1、摸排\n{indent}②整改\n"
    result = renderer.render(body, "content/a.md", 1)
    column = len(indent) + 1
    delete = f", and delete the {named} before it (缩进)"
    bullet = 'the sign before the text is "•" (a bullet, 项目符号), not "-"'
    assert placed(result) == [
        slipped(3, column, bullet, "•  走访群众。", BULLET_HOW + delete, "- 走访群众。"),
        slipped(4, column, bullet, "•  整理清单。", BULLET_HOW + delete, "- 整理清单。"),
        slipped(7, column, 'the number before the text is typed "1、", not "1."', "1、摸排",
                'type "1." in its place, with a space after it' + delete, "1. 摸排"),
        slipped(8, column, 'the number before the text is typed "②", not "2."', "②整改",
                'type "2." in its place, with a space after it' + delete, "2. 整改")]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ("<p>主要做法：</p>\n<ul>\n<li>走访群众。</li>\n<li>整理清单。</li>\n</ul>\n"
                             "<p>步骤：</p>\n<ol>\n<li>摸排</li>\n<li>整改</li>\n</ol>")


@pytest.mark.parametrize(("indent", "instead"), [("    ", ""), ("\t", " in place of the TAB")])
def test_slipped_items_indented_under_an_item_are_offered_as_its_sub_items(
        renderer: MarkdownRenderer, indent: str, instead: str) -> None:
    body = f"- 环境整治\n{indent}•道路修缮\n{indent}•安装路灯\n- 便民服务\n"
    result = renderer.render(body, "content/a.md", 1)
    bullet = 'the sign before the text is "•" (a bullet, 项目符号), not "-"'
    under = f", the line indented by 4 spaces{instead} (缩进) to go under the item above (下一级)"
    assert placed(result) == [
        slipped(2, len(indent) + 1, bullet, "•道路修缮", BULLET_HOW + under, "    - 道路修缮"),
        slipped(3, len(indent) + 1, bullet, "•安装路灯", BULLET_HOW + under, "    - 安装路灯")]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ("<ul>\n<li>环境整治<ul>\n<li>道路修缮</li>\n<li>安装路灯</li>\n</ul>\n</li>\n"
                             "<li>便民服务</li>\n</ul>")


@pytest.mark.parametrize("body", [
    "　　1、大调研开展以来，镇里走访了所有村居。\n\n正文。\n\n　　2、问题清单及时下发。\n",  # numbered paragraphs
    "主要做法：\n\n    - 走访群众\n    - 整理清单\n",  # Markdown's own items, indented: another check's
    "　　•  走访群众，一个一个听。\n",  # one line alone
])
def test_indented_lines_that_only_may_be_slipped_items_are_not_told_so(renderer: MarkdownRenderer, body: str) -> None:
    result = renderer.render(body, "content/a.md", 1)
    assert [p for p in result.problems if "does not read this line as a list item (列表)" in p.message] == []


def test_a_spaced_full_width_dash_is_told_once(renderer: MarkdownRenderer) -> None:
    # Outside quotes the full-width sign's own warning tells of "－ 第一点", even alone; it counts in the run.
    body = "－ 第一点\n－第二点\n"
    result = renderer.render(body, "content/a.md", 1)
    half = "type it in half width (半角), with a space after it"
    assert placed(result) == [
        (1, 1, 'the "－" is full-width (全角), so Markdown does not read this line as a list item: － 第一点',
         f"{half}: - 第一点"),
        slipped(2, 1, 'the "－" is full-width (全角)', "－第二点", half, "- 第二点")]
    followed = renderer.render(follow_item_hints(body, result, 1), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == "<ul>\n<li>第一点</li>\n<li>第二点</li>\n</ul>"
    quoted = renderer.render("> － 第一点\n> － 第二点\n", "content/a.md", 1)
    assert [(p.line, p.hint) for p in quoted.problems] == [(1, f"{half}: > - 第一点"), (2, f"{half}: > - 第二点")]


def follow_line_hints(body: str, result: RenderedMarkdown) -> str:
    """``body`` (rendered from file line 1) with each warned line replaced by the line its hint ends with."""
    lines = body.split("\n")
    for problem in result.problems:
        lines[problem.line - 1] = problem.hint.rsplit(": ", 1)[1]
    return "\n".join(lines)


HALF = "type it in half width (半角), with a space after it"


# Inside a quote (文件原文 quoted with "> ") each was published as typed, unwarned: "<blockquote>\n<p>－ 环境整治</p>…".
@pytest.mark.parametrize("quote", ["> ", "> > "])
def test_signs_typed_in_full_width_inside_quotes_are_warned_with_the_quote_signs_kept(
        renderer: MarkdownRenderer, quote: str) -> None:
    body = (f"{quote}－ 环境整治\n\n{quote}＞ 引文\n\n{quote}＃＃ 标题\n\n{quote}＃ 小节\n\n{quote}-\u3000甲\n\n"
            f"{quote}1.\u3000乙\n\n{quote}| 类别 | 收集 |\n{quote}| --- | --- |\n{quote}| 照明 ｜ 18 |\n")
    result = renderer.render(body, "content/a.md", 1)
    at = len(quote) + 1
    text, full = "reads this line as text, not a heading (标题)", "a full-width space (全角空格)"
    assert placed(result) == [
        (1, at, f'the "－" is full-width (全角), so Markdown does not read this line as a list item: {quote}－ 环境整治',
         f"{HALF}: {quote}- 环境整治"),
        (3, at, f'the "＞" is full-width (全角), so Markdown does not read this line as a quote: {quote}＞ 引文',
         f"{HALF}: {quote}> 引文"),
        (5, at, f'the "＃＃" is full-width (全角井号), so Markdown {text}: {quote}＃＃ 标题', f"{HALF}: {quote}## 标题"),
        (7, at, f'the "＃" is full-width (全角井号), so Markdown {text}: {quote}＃ 小节',
         "for a heading, type ## in half width (半角) and a space (二级标题: the page title is the only level-1 "
         f"heading): {quote}## 小节"),
        (9, at, f'{full} follows "-", so Markdown does not read this line as a list item (列表项): {quote}-\u3000甲',
         f'type an ordinary space (半角空格) after "-": {quote}- 甲'),
        (11, at, f'{full} follows "1.", so Markdown does not read this line as a list item (列表项): {quote}1.\u3000乙',
         f'type an ordinary space (半角空格) after "1.": {quote}1. 乙'),
        (15, at + 5, 'a full-width "｜" in this table row is text, not a cell border, so the cells after it move one '
                     f"column left: {quote}| 照明 ｜ 18 |",
         f"type every cell border in half width (半角): {quote}| 照明 | 18 |")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    inner = ('<ul>\n<li>环境整治</li>\n</ul>\n<blockquote>\n<p>引文</p>\n</blockquote>\n<h2 id="标题">标题</h2>\n'
             '<h2 id="小节">小节</h2>\n<ul>\n<li>甲</li>\n</ul>\n<ol>\n<li>乙</li>\n</ol>\n'
             '<div aria-label="表格：类别、收集" class="table-scroll" role="region" tabindex="0">\n<table>\n'
             "<thead>\n<tr>\n<th scope=\"col\">类别</th>\n<th scope=\"col\">收集</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>照明</td>\n"
             "<td>18</td>\n</tr>\n</tbody>\n</table>\n</div>")
    depth = quote.count(">")
    assert followed.html == "<blockquote>\n" * depth + inner + "\n</blockquote>" * depth


def test_a_slip_under_a_quoted_item_typed_without_its_signs_is_warned_with_them(renderer: MarkdownRenderer) -> None:
    # "2.制定" right under "> 1. 成立" is more text of that item to Markdown (a lazy line): "<li>成立<br>\n2.制定</li>"
    # in the quote, unwarned. Offered without ">", it would have become a second list, numbered from 2, under the
    # quote.
    body = "> 1. 成立\n2.制定\n\n> > 1. 成立\n2.制定\n> 3.落实\n\n> - 环境整治\n－ 道路修缮\n-\u3000安装路灯\n"
    result = renderer.render(body, "content/a.md", 1)
    space = "type a space after"
    assert placed(result) == [
        slipped(2, 1, 'there is no space after "2."', "2.制定", f'{space} "2."', "> 2. 制定"),
        slipped(5, 1, 'there is no space after "2."', "2.制定", f'{space} "2."', "> > 2. 制定"),
        slipped(6, 3, 'there is no space after "3."', "> 3.落实", f'{space} "3."', "> > 3. 落实"),
        (9, 1, 'the "－" is full-width (全角), so Markdown does not read this line as a list item: － 道路修缮',
         f"{HALF}: > - 道路修缮"),
        (10, 1, 'a full-width space (全角空格) follows "-", so Markdown does not read this line as a list item (列表项): '
                "-\u3000安装路灯", 'type an ordinary space (半角空格) after "-": > - 安装路灯')]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == (
        "<blockquote>\n<ol>\n<li>成立</li>\n<li>制定</li>\n</ol>\n<blockquote>\n<ol>\n<li>成立</li>\n<li>制定</li>\n"
        "<li>落实</li>\n</ol>\n</blockquote>\n<ul>\n<li>环境整治</li>\n<li>道路修缮</li>\n<li>安装路灯</li>\n</ul>\n"
        "</blockquote>")



def test_slipped_items_under_a_quoted_line_are_offered_where_the_page_shows_them(renderer: MarkdownRenderer) -> None:
    # Typed without ">" right under a quote's text, they are lines of the quote's paragraph on the page. Offered
    # without ">", they became a list under the quote: the line to type now keeps them in the quote.
    body = "> 主要做法：\n1.成立领导小组\n2.制定方案\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (2, 1, 'type a space after "1.": > 1. 成立领导小组'), (3, 1, 'type a space after "2.": > 2. 制定方案')]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == "<blockquote>\n<p>主要做法：</p>\n<ol>\n<li>成立领导小组</li>\n<li>制定方案</li>\n</ol>\n</blockquote>"

def test_a_quote_or_heading_sign_typed_in_full_width_under_a_quote_gets_the_signs_typed(
        renderer: MarkdownRenderer) -> None:
    # "＞ 引文" under "> 原文" means "> 引文", not a quote in the quote; a heading goes under the quote, not in it.
    # "＞ ＞ 引文" was offered "> ＞ 引文", which the page then showed with its "＞"; so were "＞ － 甲", "＞ ＃＃ 小节".
    body = "> 原文\n＞ 引文\n\n> 原文\n＃＃ 标题\n\n＞ ＞ 引文\n\n＞ － 甲\n\n＞ ＃＃ 小节\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (2, 1, f"{HALF}: > 引文"), (5, 1, f"{HALF}: ## 标题"), (7, 1, f"{HALF}: > > 引文"), (9, 1, f"{HALF}: > - 甲"),
        (11, 1, f"{HALF}: > ## 小节")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == (
        '<blockquote>\n<p>原文<br>\n引文</p>\n<p>原文</p>\n</blockquote>\n<h2 id="标题">标题</h2>\n'
        "<blockquote>\n<blockquote>\n<p>引文</p>\n</blockquote>\n<ul>\n<li>甲</li>\n</ul>\n"
        '<h2 id="小节">小节</h2>\n</blockquote>')


QUOTED = 'Markdown reads ">" at the start of a line as a quotation (引用), so the page shows this line without it: '


def test_a_more_than_sign_at_the_start_of_a_line_is_warned_with_the_backslash_that_keeps_it(
        renderer: MarkdownRenderer) -> None:
    # ">90%的居民表示满意。" was published as "<blockquote><p>90%的居民表示满意。</p></blockquote>", unwarned: the
    # ">" gone, the meaning changed.
    body = ">90%的居民表示满意。\n\n>=3 个村\n\n> 原文\n> >１０人\n\n```\n>90%\n```\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        (1, 1, QUOTED + ">90%的居民表示满意。",
         "to keep the sign, type a backslash before it: \\>90%的居民表示满意。 (or type it in full width, ＞, or "
         "write 超过); if a quotation is meant, type a space after it: > 90%的居民表示满意。"),
        (3, 1, QUOTED + ">=3 个村", 'to keep the sign, type a backslash before it: \\>=3 个村 (or write ≥ in place of ">=")'),
        (6, 3, QUOTED + "> >１０人",
         "to keep the sign, type a backslash before it: > \\>１０人 (or type it in full width, ＞, or write 超过); if "
         "a quotation is meant, type a space after it: > > １０人")]
    assert result.html.startswith("<blockquote>\n<p>90%的居民表示满意。</p>\n<p>=3 个村</p>")
    kept = body.split("\n")
    for problem in result.problems:
        kept[problem.line - 1] = problem.hint.split(": ", 1)[1].split(" (or", 1)[0]
    followed = renderer.render("\n".join(kept), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ("<p>&gt;90%的居民表示满意。</p>\n<p>&gt;=3 个村</p>\n<blockquote>\n<p>原文<br>\n"
                             "&gt;１０人</p>\n</blockquote>\n<pre><code>&gt;90%\n</code></pre>")
    for other in ("＞90%的居民表示满意。", "超过90%的居民表示满意。"):
        assert renderer.render(other + "\n", "content/a.md", 1).html == f"<p>{other}</p>"
    line = ">90%的居民表示满意。\n"
    quoted = renderer.render(follow_line_hints(line, renderer.render(line, "content/a.md", 1)), "content/a.md", 1)
    assert (quoted.html, quoted.problems) == ("<blockquote>\n<p>90%的居民表示满意。</p>\n</blockquote>", ())


def test_a_more_than_sign_starting_a_list_item_is_warned_where_the_item_is_one(renderer: MarkdownRenderer) -> None:
    # "- >90%的村已完成" was published as an item holding a quotation of "90%的村已完成", unwarned: the ">" gone.
    body = ("调研情况：\n- >90%的村已完成\n- 其余\n\n1. >=3 个村\n\n> - >１０人\n\n- 甲\n    - >80%乙\n\n"
            "正文\n\n    - >70%丙\n\n- > 引文\n- >2018年\n")
    result = renderer.render(body, "content/a.md", 1)
    more = [(p.line, p.column, p.hint) for p in result.problems if p.message.startswith(QUOTED)]
    assert more == [
        (2, 3, "to keep the sign, type a backslash before it: - \\>90%的村已完成 (or type it in full width, ＞, or "
               "write 超过); if a quotation is meant, type a space after it: - > 90%的村已完成"),
        (5, 4, 'to keep the sign, type a backslash before it: 1. \\>=3 个村 (or write ≥ in place of ">=")'),
        (7, 5, "to keep the sign, type a backslash before it: > - \\>１０人 (or type it in full width, ＞, or write "
               "超过); if a quotation is meant, type a space after it: > - > １０人"),
        (10, 7, "to keep the sign, type a backslash before it:     - \\>80%乙 (or type it in full width, ＞, or write "
                "超过); if a quotation is meant, type a space after it:     - > 80%乙")]
    assert "<li>\n<blockquote>\n<p>90%的村已完成</p>" in result.html
    assert "<p>- &gt;70%丙</p>" in result.html  # indented under no item: shown as typed, told by another warning
    kept = body.split("\n")
    for line, _, hint in more:
        kept[line - 1] = hint.split(": ", 1)[1].split(" (or", 1)[0]
    followed = renderer.render("\n".join(kept), "content/a.md", 1)
    assert not any(p.message.startswith(QUOTED) for p in followed.problems)
    for shown in ("<li>&gt;90%的村已完成</li>", "<li>&gt;=3 个村</li>", "<li>&gt;１０人</li>", "<li>&gt;80%乙</li>"):
        assert shown in followed.html


def test_a_numbered_list_in_a_quote_with_a_lazy_line_between_its_items_is_checked(
        renderer: MarkdownRenderer) -> None:
    # The line without ">" cut the quote in two for the numbering check, but Markdown keeps one list, numbered 1, 2.
    result = renderer.render("> 1. 甲\n正文\n> 3. 乙\n", "content/a.md", 1)
    assert "<li>甲<br>\n正文</li>\n<li>乙</li>" in result.html
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 3, "this list is numbered 1, 3 as typed, but the page numbers it 1, 2: Markdown counts on from the "
               "first item's number")]


@pytest.mark.parametrize("slip", ["－ 环境整治", "＞ 引文", "＃＃ 标题", "-\u3000甲", "1.\u3000乙", "｜类别｜收集｜"])
def test_signs_typed_in_full_width_deep_in_quotes_are_warned_without_running_out_of_stack(
        renderer: MarkdownRenderer, slip: str) -> None:
    # One call per level of quotes would raise RecursionError for a line of 3000 "> " (render must not raise).
    result = renderer.render("> " * 3000 + slip + "\n", "content/a.md", 1)
    assert [(p.line, p.column) for p in result.problems] == [(1, 6001)]


@pytest.mark.parametrize("body", [
    "1.5万元\n2.5万元\n",  # figures
    "-5元\n-6元\n",
    "2018.5\n2019.6\n2024.5.28 会议\n",
    "1．5万元\n2．5万元\n",
    "1.成立领导小组\n",  # a single line
    "文字\n-环境整治\n",
    "1.甲\n3.乙\n",  # not in order
    "```\n1.甲\n2.乙\n-丙\n-丁\n```\n",
    # A line that is only a signed figure is an amount: the bullet offered would drop its minus.
    "－5元\n－3元\n",
    "－５元\n－３元\n",
    "–5\n–3\n",
    "> －5元\n> －3元\n",
    "> 1.5万元\n> 2.5万元\n",
    "——摘自《人民日报》\n——记者 张三\n",  # a Chinese dash opening a sentence is punctuation
    "———\n———\n",
    "阿依古丽·买买提\n热依拉·木沙\n",  # a dot in a name, mid-line
    "···\n•••\n",
    "—第一点\n",  # a single line
    "> 1.成立领导小组\n",
    "> 1.甲\n\n> 2.乙\n",
    "> ```\n> 1.甲\n> 2.乙\n> ```\n",
    # Signs and Chinese numbers inside a sentence, on a single line, out of order or with nothing after them.
    "做法有两条，①甲，②乙。\n其一①甲\n其二②乙\n",
    "①成立领导小组\n",
    "（1）甲\n\n正文。\n\n（2）乙\n",
    "（1）甲\n（3）乙\n",
    "一、甲\n三、乙\n",
    "一一、甲\n一二、乙\n",
    "★★★★★\n★★★好评\n",
    "●\n●\n",
    "2018、2019年两年\n2020、2021年两年\n",
    "**重点**\n▪\n",
])
def test_lines_that_only_may_be_slipped_items_are_not_warned(renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "content/a.md", 1).problems == ()


def test_a_slipped_item_under_items_typed_right_is_warned(renderer: MarkdownRenderer) -> None:
    # "2.乙" was the text of the item 甲: "<li>甲<br>\n2.乙</li>".
    result = renderer.render("1. 甲\n2.乙\n", "content/a.md", 1)
    assert placed(result) == [slipped(2, 1, 'there is no space after "2."', "2.乙", 'type a space after "2."',
                                      "2. 乙")]
    followed = renderer.render("1. 甲\n2. 乙\n", "content/a.md", 1)
    assert followed.html == UL_JIA_YI.replace("ul>", "ol>") and followed.problems == ()


def test_open_blocks_ends_a_list_at_a_first_line_indent() -> None:
    # Each line typed with a first-line indent begins a paragraph (Word's 首行缩进): "第二行" was kept as the
    # second line of "首行缩进"'s paragraph, as if pasted paragraphs had no indent of their own.
    assert open_blocks(["- 一", "    首行缩进", "    第二行", "", "    第二段"]) == [
        "- 一", "", "首行缩进", "", "    第二行", "", "    第二段"]
    assert open_blocks(["- 一", "    续行", "- 二"]) == ["- 一", "    续行", "- 二"]


# ---------------------------------------------------------------- case 15


def test_case15_five_visual_lines(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_15, "content/interviews/pasted-from-wps.md")
    root = fragment(result.html)
    first = root.findall("p")[0]
    assert len(first.findall("br")) == 4
    assert result.text.split("\n")[:5] == [
        "会议时间：2024年5月28日下午",
        "会议地点：社区党群服务中心二楼",
        "参会人员：居民代表十二人、物业代表二人",
        "议题一：加装电梯费用分摊",
        "议题二：楼道堆物清理",
    ]


def test_case15_no_whitespace_between_cjk(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_15, "content/interviews/pasted-from-wps.md")
    assert CJK_GAP_RE.findall(result.html) == []
    assert "办 理" not in result.html
    assert "办 理" not in result.text
    assert "办<br>\n理" in result.html
    assert result.problems == ()


def test_cjk_gap_regex_would_catch_plain_markdown() -> None:
    import markdown

    body, _ = split_front_matter(CASE_15)
    assert CJK_GAP_RE.search(markdown.markdown(body))


# ---------------------------------------------------------------- case 16


def test_case16_nothing_dangerous_survives(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_16, "content/interviews/xss.md")
    root = fragment(result.html)
    assert root.xpath("//script | //iframe | //style") == []
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:"))
    assert "alert(" not in result.html
    (link,) = root.xpath("//a[@href]")
    assert link.get("href") == "https://example.org/report"
    assert link.text_content() == "外部报告"


def test_case16_warnings_at_file_lines(renderer: MarkdownRenderer) -> None:
    result = render_case(renderer, CASE_16, "content/interviews/xss.md")
    assert {p.line for p in result.problems} == {9, 11, 13, 15}
    assert all(p.severity == "warning" and p.path == "content/interviews/xss.md" for p in result.problems)
    messages = warnings_at(result)
    assert (9, "raw HTML <script> was removed (scripts are not allowed in content)") in messages
    assert (11, "event attribute onerror on <img> was removed (scripts are not allowed in content)") in messages
    assert (13, "javascript: address in <a href> was removed "
                "(only http, https, mailto, tel and relative links are allowed)") in messages
    assert (15, "event attribute onclick on <a> was removed (scripts are not allowed in content)") in messages
    assert all(p.hint for p in result.problems)


def test_an_attribute_typed_in_html_and_removed_is_told_once_where_python_markdowns_own_are_not(
        renderer: MarkdownRenderer) -> None:
    # srcset, target, class and id typed in raw HTML were removed without a word; the classes and ids
    # Python-Markdown writes itself (a fenced block's language, the footnotes') are no editor's to delete.
    body = ('<img src="/images/a.svg" srcset="/images/a@2x.svg 2x" alt="图">\n'
            "\n"
            '<a href="https://gov.cn/" target="_blank" rel="noopener">外链</a> 和 '
            '<a href="https://gov.cn/b" target="_blank">另一个</a>\n'
            "\n"
            '<span id="here" class="hl" data-tools="135编辑器" style="color:red">这里</span>\n'
            "\n"
            "```python\nprint(1)\n```\n"
            "\n"
            "正文[^1]。\n"
            "\n"
            "[^1]: 注释。\n")
    result = renderer.render(body, "content/a.md", 5)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (5, 26, "srcset on <img> was removed, so the page shows the picture in src on every screen",
         'delete srcset="…"; for a sharper picture, put a larger file in src (1600 pixels wide is plenty)'),
        (7, 27, 'target="_blank" on <a> was removed: the link opens in the same tab, and the reader comes back '
                "with the browser's Back button (返回)", 'delete target="…"'),
        (7, 43, 'rel="noopener" on <a> was removed (pages keep only the attributes they need)', 'delete rel="…"'),
        (9, 7, 'id="here" on <span> was removed, so a link to #here finds no place in the page',
         'delete id="…", and link to the heading above it instead: every heading gets an id made from its text'),
        (9, 17, 'class="hl" on <span> was removed: the site\'s theme gives every page its look', 'delete class="…"'),
        (9, 48, 'style="color:red" on <span> was removed, so the page does not show that colour (颜色): the '
                "site's theme sets the colours",
         'to make words stand out, write them in bold (加粗): **这里**; otherwise delete style="color:red"')]


def test_a_class_removed_leaves_no_empty_attribute(renderer: MarkdownRenderer) -> None:
    # nh3 kept class="" where it dropped every class typed; text that reads like one stays as typed.
    body = ('<div class="note">注意事项</div>\n'
            "\n"
            '<p id="a" class="MsoNormal" align="center">居中</p>\n'
            "\n"
            '代码 `<div class="">` 和 `<p class="">x</p>` 照写。\n')
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == ('<div>注意事项</div>\n\n'
                           '<p>居中</p>\n\n'
                           '<p>代码 <code>&lt;div class=""&gt;</code> 和 <code>&lt;p class=""&gt;x&lt;/p&gt;</code> 照写。</p>')
    assert [(p.line, p.column, p.message.split(" was")[0]) for p in result.problems] == [
        (1, 6, 'class="note" on <div>'), (3, 4, 'id="a" on <p>'), (3, 11, 'class="MsoNormal" on <p>'),
        (3, 29, 'align="center" on <p>')]


def test_other_dangers_are_reported(renderer: MarkdownRenderer) -> None:
    body = ("文字\n"
            "<iframe src=\"https://x.org\"></iframe>\n"
            "\n"
            "<style>p{color:red}</style>\n"
            "\n"
            "<a href=\"vbscript:x\">v</a> <a href=\"data:text/html,x\">d</a>\n"
            "<a href=\"JAVA&#x09;SCRIPT:x\">e</a>\n")
    result = renderer.render(body, "a.md", 20)
    lines = sorted((p.line, p.message.split(" (")[0]) for p in result.problems)
    assert lines == [
        (21, "raw HTML <iframe> was removed"),
        (23, "raw HTML <style> was removed"),
        (25, "data: address in <a href> was removed"),
        (25, "vbscript: address in <a href> was removed"),
        (26, "javascript: address in <a href> was removed"),
    ]
    assert "color:red" not in result.html
    assert "href" not in result.html


def test_allowed_markup_is_kept(renderer: MarkdownRenderer) -> None:
    body = ("## 问题\n\n**粗** *斜* `代码` [链接](https://a.org \"标题\") [邮件](mailto:a@b.cn) "
            "[电话](tel:12345) [相对](../x/)\n\n> 引用\n\n"
            "![示意图](img/a.png \"题\") <img src=\"data:image/png;base64,AAAA\" alt=\"点\">\n\n"
            "正文[^1]\n\n[^1]: 注释内容\n")
    result = renderer.render(body, "a.md", 1)
    root = fragment(result.html)
    assert root.xpath("//strong")[0].text == "粗" and root.xpath("//em")[0].text == "斜"
    assert root.xpath("//code")[0].text == "代码"
    assert [a.get("href") for a in root.xpath("//a[not(@class)]")] == [
        "https://a.org", "mailto:a@b.cn", "tel:12345", "../x/"]
    assert root.xpath("//a")[0].get("title") == "标题"
    assert root.xpath("//blockquote/p")[0].text == "引用"
    image = root.xpath("//img")[0]
    assert (image.get("src"), image.get("alt"), image.get("title")) == ("img/a.png", "示意图", "题")
    assert root.xpath("//img")[1].get("src") == "data:image/png;base64,AAAA"
    assert root.xpath("//sup[@id='fnref-1']/a[@class='footnote-ref']")[0].get("href") == "#fn-1"
    assert root.xpath("//div[@class='footnote']//li[@id='fn-1']")
    assert root.xpath("//a[@class='footnote-backref']")[0].get("href") == "#fnref-1"
    assert result.problems == ()
    assert "正文\n注释内容" in result.text  # footnote markers left out of the text


def test_svg_data_image_is_refused(renderer: MarkdownRenderer) -> None:
    result = renderer.render('<img src="data:image/svg+xml,x" alt="图">\n', "a.md", 3)
    assert "data:" not in result.html
    assert warnings_at(result) == [(3, "data: address in <img src> was removed "
                                       "(only data:image/png, jpeg, gif or webp pictures are allowed), so the "
                                       'picture was left out, and its description "图" is shown in its place')]
    assert result.html == "<p>图</p>"


def test_script_written_as_code_is_text_not_a_warning(renderer: MarkdownRenderer) -> None:
    result = renderer.render("示例：`<script>alert(1)</script>`\n", "a.md", 1)
    assert "&lt;script&gt;" in result.html
    assert result.problems == ()


def test_entities_escaped_exactly_once(renderer: MarkdownRenderer) -> None:
    result = renderer.render("张三 & 李四，R&D，a < b\n", "a.md", 1)
    assert "张三 &amp; 李四，R&amp;D，a &lt; b" in result.html
    assert "&amp;amp;" not in result.html
    assert result.text == "张三 & 李四，R&D，a < b"


def test_a_tables_header_cells_name_their_columns(renderer: MarkdownRenderer) -> None:
    # A page's table had <th> cells with no scope: a screen reader may not read a figure with its column's name.
    typed = renderer.render("| 项目 | 数量 |\n| --- | ---: |\n| 走访 | 5 |\n", "a.md", 1)
    assert fragment(typed.html).xpath("//thead//th/@scope") == ["col", "col"]
    assert fragment(typed.html).xpath("//tbody//*[@scope]") == []
    # A table typed in HTML is kept as typed.
    raw = renderer.render('<table><thead><tr><th scope="row">甲</th><th>乙</th></tr></thead></table>\n', "a.md", 1)
    assert fragment(raw.html).xpath("//th/@scope") == ["row"]


# ---------------------------------------------------------------- headings


def test_chinese_heading_anchors_unique(renderer: MarkdownRenderer) -> None:
    body = "## 组织调研的进展如何\n\n文字\n\n## 组织调研的进展如何\n\n### 下一步？\n\n## ２０２４年 工作\n"
    result = renderer.render(body, "a.md", 1)
    assert result.headings == (
        Heading(2, "组织调研的进展如何", "组织调研的进展如何"),
        Heading(2, "组织调研的进展如何", "组织调研的进展如何_1"),
        Heading(3, "下一步？", "下一步"),
        Heading(2, "２０２４年 工作", "2024年-工作"),
    )
    ids = fragment(result.html).xpath("//@id")
    assert len(ids) == len(set(ids)) == 4


def test_heading_text_is_plain(renderer: MarkdownRenderer) -> None:
    result = renderer.render("## **重点** 工作 &amp; R&D\n", "a.md", 1)
    assert result.headings == (Heading(2, "重点 工作 & R&D", "重点-工作-rd"),)


@pytest.mark.parametrize(("typed", "shown"), [
    ("## 学习C#", "学习C#"), ("## 3#", "3#"), ("## 走访3#\t", "走访3#"), ("## C##", "C##"), ("## C\\#", "C#"),
    ("## 问题 ##", "问题"), ("## 问题 # ", "问题"), ("## 问题\t##", "问题"), ("## 3#楼 #", "3#楼"),
    ("## a # b", "a # b"),
])
def test_a_headings_last_hash_is_its_text_unless_a_space_sets_it_apart(renderer: MarkdownRenderer, typed: str,
                                                                       shown: str) -> None:
    # Python-Markdown dropped every "#" at a heading's end: "## 学习C#" was published as 学习C, "## 3#" (3号楼) as 3.
    # Closing signs are signs only after a space, as CommonMark has it.
    result = renderer.render(f"{typed}\n\n文字\n", "a.md", 1)
    assert [h.text for h in result.headings] == [shown]
    assert fragment(result.html).xpath("//h2")[0].text_content() == shown
    assert result.problems == ()


def test_heading_level_jump_warning(renderer: MarkdownRenderer) -> None:
    # Both warnings had a line and no column ("content/a.md:11: warning: …"): they are at the heading's "#".
    result = renderer.render("## 问题一\n\n文字\n\n#### 细节\n", "content/a.md", 7)
    assert result.problems == (Problem(
        "content/a.md", 11, 1, "warning", "heading level jumps from 2 to 4",
        "use ### here (headings go one level at a time; screen readers use them to navigate)"),)
    result = renderer.render("# 大标题\n\n#### 细节\n", "content/a.md", 7)
    assert [p.format() for p in result.problems] == [
        "content/a.md:7:1: warning: a level-1 heading (#) in the body; the page title is the only level-1 heading\n"
        "  hint: use ## here (二级标题); the title comes from the front matter",
        "content/a.md:9:1: warning: heading level jumps from 1 to 4\n"
        "  hint: use ## here (headings go one level at a time; screen readers use them to navigate)"]
    followed = renderer.render("## 大标题\n\n### 细节\n", "content/a.md", 7)
    assert followed.problems == ()


@pytest.mark.parametrize("typed", ["###", "### ", "## ##", "#"])
def test_an_empty_heading_is_warned_not_taken_for_a_level(renderer: MarkdownRenderer, typed: str) -> None:
    # "###" alone was published as <h3></h3> and warned only as a level jump, whose hint ("use ## here") made an
    # empty <h2>: screen readers announce a heading with nothing in it.
    result = renderer.render(f"## 问题一\n\n文字\n\n{typed}\n\n#### 细节\n", "content/a.md", 7)
    hashes = typed.rstrip()[:len(typed) - len(typed.lstrip("#"))]
    assert [p.format() for p in result.problems] == [
        f'content/a.md:11:1: warning: "{typed.strip()}" alone makes an empty heading (空标题): screen readers announce '
        f"a heading with nothing in it\n  hint: write the heading's text after {hashes} and a space, or delete the line",
        "content/a.md:13:1: warning: heading level jumps from 2 to 4\n"
        "  hint: use ### here (headings go one level at a time; screen readers use them to navigate)"]
    assert renderer.render("## 问题一\n\n文字\n\n### 细节\n", "content/a.md", 7).problems == ()


@pytest.mark.parametrize(("body", "column", "signs"), [("- ###\n- 项目\n", 3, "###"), ("> ###\n> 引文\n", 3, "###"),
                                                      ("1. ##\n2. 乙\n", 4, "##")])
def test_an_empty_heading_in_a_list_or_a_quote_is_warned(renderer: MarkdownRenderer, body: str, column: int,
                                                         signs: str) -> None:
    # "- ###" published <li><h3></h3></li>, unwarned.
    rendered = renderer.render(body, "content/a.md", 7)
    assert [(p.line, p.column, p.message.split(" alone")[0]) for p in rendered.problems] == [(7, column, f'"{signs}"')]
    assert renderer.render(body.replace(signs, f"{signs} 小结"), "content/a.md", 7).problems == ()


def test_h1_in_body_warning(renderer: MarkdownRenderer) -> None:
    result = renderer.render("文字\n\n# 大标题\n\n## 问题\n", "content/a.md", 5)
    assert [p.format() for p in result.problems] == [
        "content/a.md:7:1: warning: a level-1 heading (#) in the body; the page title is the only level-1 heading\n"
        "  hint: use ## here (二级标题); the title comes from the front matter"]
    followed = renderer.render("文字\n\n## 大标题\n\n## 问题\n", "content/a.md", 5)
    assert followed.problems == ()


def test_setext_and_hashtag_headings_are_checked(renderer: MarkdownRenderer) -> None:
    result = renderer.render("段落\n#话题#\n\n标题\n====\n\n小节\n----\n", "a.md", 1)
    # "#话题#" is a level-1 heading that loses its "#"; each underline makes the line above it a heading.
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, 1, 'this line starts with "#", so Markdown makes it a level-1 heading (一级标题) and drops the "#": '
               "#话题#"),
        (5, 1, 'the "===" under the line above makes that line a level-1 heading (标题): 标题'),
        (8, 1, 'the "---" under the line above makes that line a heading (标题): 小节')]
    assert result.problems[0].hint == ('if it is text, write a backslash before the "#": \\#话题#; for a heading, '
                                       "write ## and a space (二级标题: the page title is the only level-1 heading)")
    assert result.problems[2].hint == ("for a separator line (分隔线), leave a blank line before it and write ---; "
                                       "for a heading, write ## and a space before the text instead")
    assert fragment(result.html).xpath("//h2")[0].text == "小节"


def ordinal_heading(line: int, mark: str, signs: str, typed: str) -> tuple[int, int, str, str]:
    level = {2: "二级标题", 3: "三级标题", 4: "四级标题"}[len(signs)]
    return (line, 1, f'this line opens with "{mark}" as a heading (标题) does, but has no "{signs}" before it, so '
                     "Markdown reads it as text: the page shows it as a paragraph, and the table of contents (本文目录) "
                     f"leaves it out: {typed}", f"for a heading, write {signs} and a space before it ({level}): "
                                                f"{signs} {typed}")


# An interview whose questions were typed "一、…？" and "（一）…" had no heading and no table of contents, unwarned.
def test_questions_numbered_as_headings_without_hashes_are_warned_with_the_heading_to_type(
        renderer: MarkdownRenderer) -> None:
    body = ("开头。\n\n一、大调研开展以来，有哪些进展？\n\n白鹤镇从三个方面推进。\n\n（一）及时启动，建立体系\n成立领导小组。\n\n"
            "(二)联系沟通，梳理总结\n\n正文。一、是加强领导。\n\n二、下一步打算？\n全面启动。\n\n三、深入调研，形成长效机制。\n")
    result = renderer.render(body, "content/a.md", 11)
    assert placed(result) == [
        ordinal_heading(13, "一、", "##", "一、大调研开展以来，有哪些进展？"),
        ordinal_heading(17, "（一）", "###", "（一）及时启动，建立体系"),
        ordinal_heading(20, "(二)", "###", "(二)联系沟通，梳理总结"),
        ordinal_heading(24, "二、", "##", "二、下一步打算？"),
        ordinal_heading(27, "三、", "##", "三、深入调研，形成长效机制。")]
    followed = renderer.render(follow_line_hints("\n" * 10 + body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert [(h.level, h.text) for h in followed.headings] == [
        (2, "一、大调研开展以来，有哪些进展？"), (3, "（一）及时启动，建立体系"), (3, "(二)联系沟通，梳理总结"),
        (2, "二、下一步打算？"), (2, "三、深入调研，形成长效机制。")]
    assert followed.html.startswith(
        '<p>开头。</p>\n<h2 id="一大调研开展以来有哪些进展">一、大调研开展以来，有哪些进展？</h2>\n<p>白鹤镇从三个方面推进。</p>\n'
        '<h3 id="一及时启动建立体系">（一）及时启动，建立体系</h3>\n<p>成立领导小组。</p>\n')


@pytest.mark.parametrize("gap", [" ", "\t", "\u3000"])
def test_a_heading_number_with_a_space_after_it_is_warned_as_without(renderer: MarkdownRenderer, gap: str) -> None:
    # "二、 下一步有什么打算？" (a space after the mark, as Word pastes it) was a paragraph the table of contents (本文目录)
    # left out, unwarned, while "二、下一步有什么打算？" was warned.
    body = f"开头。\n\n二、{gap}下一步有什么打算？\n\n正文。\n\n（一）{gap}全面启动\n成立领导小组。\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [ordinal_heading(3, "二、", "##", f"二、{gap}下一步有什么打算？"),
                              ordinal_heading(7, "（一）", "###", f"（一）{gap}全面启动")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert [(h.level, h.text) for h in followed.headings] == [
        (2, "二、 下一步有什么打算？"), (3, "（一） 全面启动")]


def test_a_section_numbered_as_a_heading_with_no_part_above_it_is_offered_level_2(renderer: MarkdownRenderer) -> None:
    # "###" under the page title alone would jump a level (`heading level jumps from 1 to 3`).
    result = renderer.render("（一）及时启动\n成立领导小组。\n\n## 进展\n\n（二）建立体系\n正文。\n", "content/a.md", 1)
    assert placed(result) == [ordinal_heading(1, "（一）", "##", "（一）及时启动"),
                              ordinal_heading(6, "（二）", "###", "（二）建立体系")]
    followed = renderer.render(follow_line_hints("（一）及时启动\n成立领导小组。\n\n## 进展\n\n（二）建立体系\n正文。\n", result),
                               "content/a.md", 1)
    assert followed.problems == ()
    assert [(h.level, h.text) for h in followed.headings] == [(2, "（一）及时启动"), (2, "进展"), (3, "（二）建立体系")]


def test_parts_numbered_as_headings_under_a_question_are_offered_level_3(renderer: MarkdownRenderer) -> None:
    # "一、" under a question "##" was offered "##": typed so, the parts of the answer stood in the table of contents
    # (本文目录) beside the questions. Parts of an answer take "###" (docs/editing.md), their sections "####".
    body = ("## 组织大调研的进展、特色做法和亮点是什么？\n\n一、及时启动，建立体系\n成立领导小组。\n\n（一）摸排\n走访群众。\n\n"
            "二、联系沟通，梳理总结\n正文。\n\n三、深入调研，形成长效机制\n正文。\n\n## 调研中发现了哪些典型问题？\n\n"
            "一、设施不足\n正文。\n")
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        ordinal_heading(3, "一、", "###", "一、及时启动，建立体系"),
        ordinal_heading(6, "（一）", "####", "（一）摸排"),
        ordinal_heading(9, "二、", "###", "二、联系沟通，梳理总结"),
        ordinal_heading(12, "三、", "###", "三、深入调研，形成长效机制"),
        ordinal_heading(17, "一、", "###", "一、设施不足")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert [(h.level, h.text) for h in followed.headings] == [
        (2, "组织大调研的进展、特色做法和亮点是什么？"), (3, "一、及时启动，建立体系"), (4, "（一）摸排"),
        (3, "二、联系沟通，梳理总结"), (3, "三、深入调研，形成长效机制"), (2, "调研中发现了哪些典型问题？"), (3, "一、设施不足")]
    assert ('<h2 id="组织大调研的进展特色做法和亮点是什么">组织大调研的进展、特色做法和亮点是什么？</h2>\n'
            '<h3 id="一及时启动建立体系">一、及时启动，建立体系</h3>\n<p>成立领导小组。</p>\n'
            '<h4 id="一摸排">（一）摸排</h4>\n') in followed.html
    # The table of contents (本文目录, templates/interview.html) lists the level-2 headings: the questions alone.
    assert [h.text for h in followed.headings if h.level == 2] == [
        "组织大调研的进展、特色做法和亮点是什么？", "调研中发现了哪些典型问题？"]


def test_a_part_numbered_as_a_heading_beside_parts_typed_as_headings_keeps_their_level(
        renderer: MarkdownRenderer) -> None:
    # A body whose own headings are its parts: "二、" after "## 一、…" goes on beside it, under a question or not; a
    # question ("…？") takes "##", as questions do (docs/editing.md), under a question too.
    body = ("## 一、加强领导\n正文。\n\n（一）成立小组\n正文。\n\n二、制定方案\n正文。\n\n## 问题\n\n### 一、做法\n\n二、成效\n正文。\n\n"
            "三、下一步有什么打算？\n正文。\n")
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [ordinal_heading(4, "（一）", "###", "（一）成立小组"),
                              ordinal_heading(7, "二、", "##", "二、制定方案"),
                              ordinal_heading(14, "二、", "###", "二、成效"),
                              ordinal_heading(17, "三、", "##", "三、下一步有什么打算？")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert [(h.level, h.text) for h in followed.headings] == [
        (2, "一、加强领导"), (3, "（一）成立小组"), (2, "二、制定方案"), (2, "问题"), (3, "一、做法"), (3, "二、成效"),
        (2, "三、下一步有什么打算？")]


@pytest.mark.parametrize("body", [
    "正文。\n一、是加强领导。\n",  # inside a paragraph
    "我们做了三件事。一、加强领导\n",
    "一、加强领导，成立领导小组，下设五个调研组，印发实施方案，全面推进大调研工作，各组细化计划。\n正文。\n",  # too long
    "一、加强领导。\n正文。\n",  # a sentence, text under it
    "一、加强领导，\n成立领导小组。\n",  # a clause, its sentence going on under it
    "（一）第一步：\n走访群众。\n",
    "- 一、加强领导\n\n> （一）及时启动\n\n    一、缩进\n",
    "```\n一、加强领导\n```\n",
    "## 一、加强领导\n\n### （一）及时启动\n",
])
def test_lines_that_only_open_with_a_heading_number_are_not_warned(renderer: MarkdownRenderer, body: str) -> None:
    assert [p.message for p in renderer.render(body, "content/a.md", 1).problems] == []


def test_items_numbered_in_chinese_style_are_told_as_items_not_headings(renderer: MarkdownRenderer) -> None:
    result = renderer.render("做法：\n\n一、加强领导\n二、制定方案\n", "content/a.md", 1)
    assert [(p.line, p.hint) for p in result.problems] == [
        (3, 'type "1." in its place, with a space after it: 1. 加强领导'),
        (4, 'type "2." in its place, with a space after it: 2. 制定方案')]


def test_parts_titled_as_word_numbers_them_are_offered_headings_with_no_text_between_them(
        renderer: MarkdownRenderer) -> None:
    # "一、工作背景" and "二、主要做法", only a blank line between them (a part with no text of its own), were offered
    # "1. 工作背景" "2. 主要做法" as a list's items, and "三、下一步打算" after a paragraph "### 三、…": typed so, a
    # list and a heading where the answer had three parts.
    body = ("## 大调研开展以来，有哪些变化？\n\n一、工作背景\n\n二、主要做法\n\n我们建立了问题清单，逐项销号。\n\n"
            "三、下一步打算\n\n继续巩固成果。\n")
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [ordinal_heading(3, "一、", "###", "一、工作背景"),
                              ordinal_heading(5, "二、", "###", "二、主要做法"),
                              ordinal_heading(9, "三、", "###", "三、下一步打算")]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == (
        '<h2 id="大调研开展以来有哪些变化">大调研开展以来，有哪些变化？</h2>\n<h3 id="一工作背景">一、工作背景</h3>\n'
        '<h3 id="二主要做法">二、主要做法</h3>\n<p>我们建立了问题清单，逐项销号。</p>\n'
        '<h3 id="三下一步打算">三、下一步打算</h3>\n<p>继续巩固成果。</p>')


@pytest.mark.parametrize(("body", "told"), [
    # At the top of a body, with sections, a TAB after the mark (Word's numbering pasted), the paragraph right under
    # the last title or behind a first-line indent.
    ("一、工作背景\n\n二、主要做法\n\n三、下一步打算\n\n继续巩固成果。\n",
     [(1, "一、", "##", "一、工作背景"), (3, "二、", "##", "二、主要做法"), (5, "三、", "##", "三、下一步打算")]),
    ("## 一、加强领导\n\n（一）成立小组\n\n（二）制定方案\n成立领导小组。\n",
     [(3, "（一）", "###", "（一）成立小组"), (5, "（二）", "###", "（二）制定方案")]),
    ("一、\t工作背景\n\n二、\t主要做法\n\n　　今年以来，镇里开展了调研。\n",
     [(1, "一、", "##", "一、\t工作背景"), (3, "二、", "##", "二、\t主要做法")]),
])
def test_titles_of_parts_a_paragraph_follows_are_headings_not_items(
        renderer: MarkdownRenderer, body: str, told: list[tuple[int, str, str, str]]) -> None:
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [ordinal_heading(*each) for each in told]
    followed = renderer.render(follow_line_hints(body, result), "content/a.md", 1)
    assert followed.problems == ()
    assert [heading.text for heading in followed.headings][-len(told):] == [
        typed.replace("\t", " ") for *_, typed in told]  # a TAB in a heading's text is shown as a space


@pytest.mark.parametrize("body", [
    "一、坚持需求导向\n二、坚持问题导向\n\n这是我们的做法。\n",  # consecutive lines
    "一、坚持需求导向；\n\n二、坚持问题导向。\n\n这是我们的做法。\n",  # sentences
    # A line longer than a title (40 characters).
    "一、坚持需求导向\n\n二、坚持问题导向，围绕群众最关心最直接最现实的利益问题开展调研听取意见建议形成清单\n\n这是我们的做法。\n",
    "一、坚持需求导向\n\n二、坚持问题导向\n",  # no paragraph after them
    "一、坚持需求导向\n\n二、坚持问题导向\n\n## 下一步有什么打算？\n",
    "做法：\n一、坚持需求导向\n\n二、坚持问题导向\n\n这是我们的做法。\n",  # under a colon
    "> 一、坚持需求导向\n>\n> 二、坚持问题导向\n>\n> 这是我们的做法。\n",  # in a quote: no heading there
])
def test_items_numbered_as_parts_that_are_a_list_are_still_told_as_items(renderer: MarkdownRenderer,
                                                                           body: str) -> None:
    result = renderer.render(body, "content/a.md", 1)
    items = [(line, typed) for line, typed in enumerate(body.split("\n"), 1) if "、" in typed[:4]]
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (line, typed.index("、"), f'type "{number}." in its place, with a space after it: '
                                 f'{typed.replace("一、" if number == 1 else "二、", f"{number}. ")}')
        for number, (line, typed) in enumerate(items, 1)]


@pytest.mark.parametrize("typed", ["## 下 {#xia}", "## 下{#xia}", "## 下 { #xia } ##", "## 下 {: #xia}", "- ## 下 {#xia}",
                                   "> ## 下 {#xia}", "下 {#xia}\n---"])
def test_an_id_typed_at_a_headings_end_is_its_id_and_leaves_its_text(renderer: MarkdownRenderer, typed: str) -> None:
    # "## 下 {#xia}", as Hugo and Pandoc name a heading's place, was published <h2 id="下-xia">下 {#xia}</h2>: the
    # braces shown in the heading, its table of contents and the feeds, and a link to #xia led nowhere.
    result = renderer.render(f"{typed}\n\n见[本页锚点](#xia)。\n", "content/a.md", 7)
    assert result.headings == (Heading(2, "下", "xia"),)
    assert fragment(result.html).xpath("//h2")[0].text == "下"
    assert '<h2 id="xia">下</h2>' in result.html
    # An underlined line is warned as such (it may be meant as a separator line), not for its braces.
    assert [p.message for p in result.problems if not p.message.startswith('the "---" under')] == []


def test_a_heading_id_typed_twice_stays_on_the_first_and_the_second_is_offered_its_own(
        renderer: MarkdownRenderer) -> None:
    body = "## 下 {#xia}\n\n## xia\n\n## 上 {#xia}\n\n文字\n"
    result = renderer.render(body, "content/a.md", 7)
    # The automatic id of "## xia" makes way for the ids typed, as a repeated heading's does (_1, _2).
    assert result.headings == (Heading(2, "下", "xia"), Heading(2, "xia", "xia_2"), Heading(2, "上", "xia_1"))
    assert [p.format() for p in result.problems] == [
        'content/a.md:11:6: warning: the id "xia" is given to the heading on line 7 too, so a link to #xia leads '
        "there, not here\n  hint: give this heading an id of its own: ## 上 {#xia-2}"]
    followed = renderer.render(body.replace("## 上 {#xia}", "## 上 {#xia-2}"), "content/a.md", 7)
    assert followed.problems == ()
    assert [h.anchor for h in followed.headings] == ["xia", "xia_1", "xia-2"]
    # The id offered is none the page has, typed or made from a heading's text, below the heading too.
    taken = renderer.render(body + "\n## 中 {#xia-2}\n\n## xia-3\n", "content/a.md", 7)
    assert [(p.line, p.hint) for p in taken.problems] == [
        (11, "give this heading an id of its own: ## 上 {#xia-4}")]


@pytest.mark.parametrize("reference", [False, True])
def test_a_headings_id_made_from_its_text_is_none_the_themes_layout_gives(reference: bool) -> None:
    # "## Main" got id="main", as the theme's <main id="main"> (the skip link's target): two elements of one id,
    # and the table of contents' link led to the layout's. It is made unique as a repeated heading's id is.
    body = "## Main\n\n## Downloads\n\n## Downloads\n\n## Toc *Heading*\n\n## 下一步\n"
    result = MarkdownRenderer(reference=reference).render(body, "content/a.md", 7)
    assert [h.anchor for h in result.headings] == ["main_1", "downloads_1", "downloads_2", "toc-heading_1", "下一步"]
    assert result.problems == ()
    assert re.findall(r'id="([^"]*)"', result.html) == ["main_1", "downloads_1", "downloads_2", "toc-heading_1",
                                                        "下一步"]


def test_a_headings_id_typed_as_one_the_themes_layout_gives_is_warned_with_one_of_its_own(
        renderer: MarkdownRenderer) -> None:
    body = "## 主要做法 {#main}\n\n## Main\n\n文字\n\n## 下 {#main-2}\n"
    result = renderer.render(body, "content/a.md", 7)
    assert [h.anchor for h in result.headings] == ["main_1", "main_2", "main-2"]
    assert [p.format() for p in result.problems] == [
        'content/a.md:7:9: warning: the id "main" is one the theme gives an element of the page (id="main" in its '
        "layout), so a link to #main leads there, not here\n  hint: give this heading an id of its own: "
        "## 主要做法 {#main-3}"]
    followed = renderer.render(body.replace("{#main}", "{#main-3}"), "content/a.md", 7)
    assert followed.problems == ()
    assert [h.anchor for h in followed.headings] == ["main-3", "main_1", "main-2"]
    # Braces that give no id are offered an id that is not the layout's.
    wide = renderer.render("## 下 ｛#toc-heading｝\n", "content/a.md", 7)
    assert [p.hint for p in wide.problems] == ["to name the heading's place #toc-heading-2, type: ## 下 {#toc-heading-2}"]


_NO_ID = "at the end of this heading gives it no id (锚点)"


@pytest.mark.parametrize(("typed", "column", "why", "hint"), [
    ("## 下 {.big}", 6, "sitegen gives a heading no class or style, only an id (the theme formats headings)",
     "delete it: ## 下"),
    ('## 下 {: style="color:red"}', 6, "sitegen gives a heading no class or style, only an id (the theme formats "
     "headings)", "delete it: ## 下"),
    ("## 下 {#xia .big}", 6, "sitegen gives a heading no class or style, only an id (the theme formats headings)",
     "to name the heading's place #xia, type: ## 下 {#xia}"),
    ("## 下 {#}", 6, 'it has no name after "#"', "delete it: ## 下"),
    ("## 下 {#两个 词}", 6, "an id has no spaces", "to name the heading's place #两个-词, type: ## 下 {#两个-词}"),
    ("## 下 ｛#xia｝", 6, "it is typed in full width (全角)", "to name the heading's place #xia, type: ## 下 {#xia}"),
    ("## 下 {＃ｘｉａ}", 6, "it is typed in full width (全角)", "to name the heading's place #xia, type: ## 下 {#xia}"),
    ("## 下 {#xia!}", 6, 'an id is letters, digits, "-" and "_" only, in half width (半角), no spaces',
     "to name the heading's place #xia, type: ## 下 {#xia}"),
    ("## 下 {#fn-1}", 6, 'ids beginning "fn-" or "fnref-" are the places of footnotes', "delete it: ## 下"),
    ("## 下 {#a} {#xia}", 11, "a heading takes one pair of braces, at its end", "delete it: ## 下 {#a}"),
    ("## {#xia}", 4, "the heading has no text before it", "write the heading's text before the braces"),
    ("> ## 下 {.big} ##", 8, "sitegen gives a heading no class or style, only an id (the theme formats headings)",
     "delete it: > ## 下"),
    ("下 {.big}\n---", 3, "sitegen gives a heading no class or style, only an id (the theme formats headings)",
     "delete it: 下"),
])
def test_braces_at_a_headings_end_that_give_no_id_are_warned_with_the_line_to_type(
        renderer: MarkdownRenderer, typed: str, column: int, why: str, hint: str) -> None:
    # They were published as the heading's text, unwarned; they still are (nothing typed is lost), and told.
    first = typed.split("\n")[0]
    result = renderer.render(f"{typed}\n\n文字\n", "content/a.md", 7)
    braces = re.search(r"[{｛][^{｛]*$", first.rstrip(" #")).group()  # type: ignore[union-attr]
    assert [p.format() for p in result.problems if "锚点" in p.message] == [
        f'content/a.md:7:{column}: warning: "{braces}" {_NO_ID}: {why}, so the page shows it in the heading\'s text: '
        f"{first}\n  hint: {hint}"]
    assert braces in fragment(result.html).xpath("//h2")[0].text
    if ": " in hint:  # the line offered, typed in its place, gives a heading with no warning
        followed = renderer.render(f"{typed.replace(first, hint.split(': ', 1)[1])}\n\n文字\n", "content/a.md", 7)
        assert [p for p in followed.problems if "锚点" in p.message or "underline" in p.message] == []
        assert "{" not in "".join(h.text for h in followed.headings)


@pytest.mark.parametrize("typed", ["## 下 \\{#xia}", "## 函数 {x}", "## 下 {#xia", "文字 {#xia} 在句中", "文字 \\{#xia}",
                                   "见 `{#xia}`", "集合 {x}", "省略 {...}", "标题 {{ page.title }}", "{{#each items}}",
                                   "```\n文字 {#xia}\n{: .note}\n```", "<div>\n文字 {#xia}\n</div>"])
def test_braces_that_are_text_are_left_as_typed(renderer: MarkdownRenderer, typed: str) -> None:
    result = renderer.render(f"{typed}\n", "content/a.md", 7)
    assert "id=\"xia\"" not in result.html
    assert result.problems == ()


_TEXT_ID = "gives it no id (锚点): sitegen takes an id {#…} only at the end of a heading (标题) line"
_TEXT_CLASS = "gives it no class or style: sitegen takes none (the theme formats the page)"
_PARAGRAPH = "at the end of this paragraph "
_ITEM = "at the end of this list item "
_ALONE = "on a line of its own "
_LINK_TIP = "; to link to this place, type a heading with this id above the text: ## 小标题 {#duan}"


@pytest.mark.parametrize(("typed", "line", "column", "says", "hint"), [
    *[(f"这一段的编号{gap}{braces}", 9, 7 + len(gap), _PARAGRAPH + _TEXT_ID, "delete it: 这一段的编号" + _LINK_TIP)
      for gap, braces in [(" ", "{#duan}"), ("", "{: #duan}"), (" ", "｛#duan｝"), (" ", "｛：#duan｝")]],
    ("这一段 {.red}", 9, 5, _PARAGRAPH + _TEXT_CLASS, "delete it: 这一段"),
    ("- 一项 {#xiang}", 9, 6, _ITEM + _TEXT_ID, "delete it: - 一项"),
    ("> 1. 一项 {: .note}", 9, 9, _ITEM + _TEXT_CLASS, "delete it: > 1. 一项"),
    ("> 引文 {#duan}", 9, 6, _PARAGRAPH + _TEXT_ID, "delete it: > 引文" + _LINK_TIP),
    ("第一行 {#duan}\n第二行", 9, 5, _PARAGRAPH + _TEXT_ID, "delete it: 第一行" + _LINK_TIP),
    ("这一段\n{: #duan}", 10, 1, _ALONE + _TEXT_ID.replace("it no id", "no text an id"), "delete this line" + _LINK_TIP),
    ("这一段\n\n{.red}", 11, 1, _ALONE + _TEXT_CLASS.replace("it no class", "no text a class"), "delete this line"),
    ("## 下一步 ##\n{#duan}", 10, 1, _ALONE + _TEXT_ID.replace("it no id", "no text an id"),
     "delete this line and type the id at the end of the heading above: ## 下一步 {#duan}"),
    # The heading offered would have the id of another: only the braces are deleted.
    ("## 下一步 {#xia}\n\n这一段 {#xia}", 11, 5, _PARAGRAPH + _TEXT_ID, "delete it: 这一段"),
    ("这一段 {#}", 9, 5, _PARAGRAPH + _TEXT_ID, "delete it: 这一段"),
])
def test_braces_after_a_paragraph_or_a_list_item_are_warned_with_the_line_to_type(
        renderer: MarkdownRenderer, typed: str, line: int, column: int, says: str, hint: str) -> None:
    # "这一段的编号 {#duan}", as Hugo's or Pandoc's attr_list names a paragraph's place, was published as text, unwarned.
    body = f"## 问题\n\n{typed}\n\n文字\n"
    result = renderer.render(body, "content/a.md", 7)
    typed_line = body.split("\n")[line - 7]
    shown = typed_line[column - 1:].rstrip()
    assert [p.format() for p in result.problems] == [
        f'content/a.md:{line}:{column}: warning: "{shown}" {says}, so the page shows it as text: {typed_line.strip()}'
        f"\n  hint: {hint}"]
    assert shown in result.text  # the message names what the page shows
    followed = body.split("\n")
    if hint.startswith("delete this line and"):
        followed[line - 8:line - 6] = [hint.split(": ", 1)[1]]
    elif hint.startswith("delete this line"):
        del followed[line - 7]
    else:
        followed[line - 7] = hint.split(": ")[1].split(";")[0]
    mended = renderer.render("\n".join(followed), "content/a.md", 7)
    assert mended.problems == ()
    assert shown not in mended.text
    if _LINK_TIP in hint:  # the heading offered names the place, and is warned of nothing
        tipped = renderer.render(f"## 小标题 {{#duan}}\n\n{chr(10).join(followed)}", "content/a.md", 7)
        assert tipped.problems == ()
        assert '<h2 id="duan">小标题</h2>' in tipped.html


# ---------------------------------------------------------------- images


def test_image_without_alt_warning(renderer: MarkdownRenderer) -> None:
    result = renderer.render("文字\n\n![](photos/site.png)\n\n![施工现场](b.png)\n", "content/a.md", 10)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.line, problem.message) == (12, 'image "photos/site.png" has no description (alt text)')
    assert "图片说明" in problem.hint and "cannot see" in problem.hint


# ---------------------------------------------------------------- renderer reuse


def test_render_twice_is_identical(renderer: MarkdownRenderer) -> None:
    first = render_case(renderer, CASE_16, "content/interviews/xss.md")
    other = renderer.render("## 问题\n\n正文[^a]\n\n[^a]: 注\n", "b.md", 1)
    again = render_case(renderer, CASE_16, "content/interviews/xss.md")
    assert first == again
    fresh = MarkdownRenderer()
    assert fresh.render("## 问题\n\n正文[^a]\n\n[^a]: 注\n", "b.md", 1) == other
    assert fresh.settings_key == renderer.settings_key
    assert isinstance(renderer.settings_key, str) and renderer.settings_key


def test_crlf_and_surrogates(renderer: MarkdownRenderer) -> None:
    result = renderer.render("第一行\r\n第二行\r\n\r\n\ud800尾\r\n", "a.md", 1)
    assert result.text == "第一行\n第二行\n\ufffd尾"


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize("text, expected", [
    ("我们用Python写了3.5个App", 9),             # 我们用写了个 (6) + Python, 3.5, App (3)
    ("R&D部门的e-mail地址", 7),                   # R&D, e-mail (2) + 部门的地址 (5)
    ("今年完成了12项工作，满意度98.5%。", 13),     # 11 CJK + 12, 98.5
    ("Hello, world! 你好，世界。", 6),             # 2 + 4
    ("don't stop", 2),
    ("，。！？、“”《》……——", 0),
    ("", 0),
    ("ひらがなカタカナ한국어", 11),                # 4 kana + 4 kana + 3 hangul
    ("𠀀豈㐀〇", 4),                               # extension B, compatibility, extension A, 〇
    ("详见https://example.org/a-b/c.html。", 3),  # 详见 + one URL
    ("café naïve", 2),
    ("１２３ＡＢＣ", 1),                           # full-width letters/digits: one word
])
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_count_ignores_markup_and_urls(renderer: MarkdownRenderer) -> None:
    result = renderer.render("[报告](https://example.org/very/long-url) **重点**\n", "a.md", 1)
    assert result.text == "报告 重点"
    assert result.word_count == 4


def test_reading_minutes() -> None:
    assert reading_minutes(1688, 500) == 4
    assert reading_minutes(1, 500) == 1
    assert reading_minutes(0, 500) == 0
    assert reading_minutes(500, 500) == 1
    assert reading_minutes(501, 500) == 2
    with pytest.raises(ValueError):
        reading_minutes(10, 0)
    with pytest.raises(ValueError):
        reading_minutes(-1, 500)


# ---------------------------------------------------------------- summaries


def test_summary_not_cut() -> None:
    assert summarize("第一行\n第二行\nEnglish line\n下一行", 100) == "第一行\u3000第二行 English line 下一行"


def test_lines_broken_in_a_paragraph_stay_apart_in_the_summary() -> None:
    # The page shows each line on its own (<br>); joined with nothing, 镇政府 and 二楼参会人员 ran into one phrase.
    rendered = MarkdownRenderer().render("下午会议地点：镇政府\n二楼参会人员：张三、李四\n共十二人。\n", "content/a.md", 9)
    assert rendered.lead == "下午会议地点：镇政府\n二楼参会人员：张三、李四\n共十二人。"
    assert summarize(rendered.lead, 120) == "下午会议地点：镇政府\u3000二楼参会人员：张三、李四\u3000共十二人。"
    assert summarize("会议地点：\n二楼。\n（完）\n下一段", 120) == "会议地点：二楼。（完）下一段"  # full-width signs space themselves
    assert summarize("First line.\nSecond line\n\nNext paragraph, too.\n\n中文", 120) == \
        "First line. Second line Next paragraph, too. 中文"


def test_summary_prefers_cjk_comma() -> None:
    text = "一二三四五六七八，九十一二三四五"
    # budget 9 characters + "…"; the comma lies in the last 20 %: cut before it
    assert summarize(text, 10) == "一二三四五六七八…"
    assert summarize("一二三四五六七八。九十一二三四五", 10) == "一二三四五六七八。…"


def test_summary_cuts_at_limit_without_punctuation() -> None:
    assert summarize("一二三四五六七八九十一二", 6) == "一二三四五…"
    assert summarize("The quick brown fox jumps over the lazy dog", 20) == "The quick brown…"


@pytest.mark.parametrize("body", [
    # A quotation's next line, starting with a figure: the page shows one quote of two lines, as meant.
    ">截至4月26日，各调研组共开展调研\n>318批次，收集问题清单296份。\n",
    # A quotation that starts with a year or a day: no "more than" is read there.
    ">2018年区委提出，要把大调研作为全年工作的主线。\n", ">１月１２日，成立领导小组。\n", ">2018.4.26 召开会议\n",
    # Where the page shows ">" as typed: an HTML block, a note, a table's row.
    "<div>\n>90%的居民表示满意\n</div>\n", "<!--\n>90% 待核实\n-->\n", "指标 | 满意\n--- | ---\n>=3 | 满意\n",
    # Steps of a list, whose last is 结束 or 完; fences of four backticks, and tildes as decoration.
    "- 受理\n- 办理\n- 反馈\n- 结束\n", "* 未完\n* 完\n", "````\n```\n代码\n````\n", "~~~好消息~~~\n\n正文\n",
    "~~~~~~~~~~~~~~~~~~~~\n\n正文\n", "```用法```说明\n",
    # Stars masking names and numbers in HTML, and a note in an HTML block.
    "<table><tr><td>投诉人</td><td>张**、李**、王**</td></tr></table>\n",
    "<div>\n匿名反映人：王**（电话138****5678）\n</div>\n", "<div>\n<!-- 以下数字**待核实** -->\n正文\n</div>\n",
])
def test_ordinary_text_is_not_told_as_a_slip_of_quotation_fence_end_mark_or_html_block(
        renderer: MarkdownRenderer, body: str) -> None:
    # Each was warned as ">" meaning "more than", a fence left open, an end mark or Markdown in HTML, and the
    # hints, followed, broke what the page showed right.
    assert renderer.render("## 问题\n\n" + body, "content/a.md", 1).problems == ()


def test_a_video_or_sound_typed_in_html_is_told_to_be_linked_to(renderer: MarkdownRenderer) -> None:
    # <video src="files/a.mp4"> was told to be deleted, "formatting comes from Markdown (**粗体** …)": the words
    # "视频如下：" were left pointing at nothing.
    body = ('## 问题\n\n视频如下：\n\n<video src="files/a.mp4" controls></video>\n\n<audio src="files/b.mp3"></audio>\n\n'
            '<video controls><source src="files/c.mp4"></video>\n')
    rendered = renderer.render(body, "content/a.md", 11)
    removed = ("was removed: a page here plays no video or sound itself (视频、音频), so nothing of it is shown")
    plays = "link to the file instead, and the reader's phone plays it"
    assert [(p.line, p.column, p.message, p.hint) for p in rendered.problems] == [
        (15, 1, f"raw HTML <video> {removed}", f"{plays}: [视频](files/a.mp4)"),
        (17, 1, f"raw HTML <audio> {removed}", f"{plays}: [音频](files/b.mp3)"),
        # A video whose file a <source> names: the <source> gives the link.
        (19, 1, "raw HTML <video> was removed (not allowed in content); its text was kept",
         "delete it from the Markdown; formatting comes from Markdown (**粗体**, lists, tables) and the theme"),
        (19, 17, f"raw HTML <source> {removed}", f"{plays}: [视频](files/c.mp4)")]
    linked = renderer.render("## 问题\n\n视频如下：[视频](files/a.mp4)\n", "content/a.md", 11)
    assert linked.problems == () and '<a href="files/a.mp4">视频</a>' in linked.html


def test_a_code_fence_never_closed_is_warned_and_closed_as_told_makes_a_code_block(renderer: MarkdownRenderer) -> None:
    # The page showed "```" as typed and the lines after it as text, unwarned, and the checks that skip code took
    # those lines for code.
    body = "## 问题\n\n```\n地址：镇政府二楼\n\n正文继续。\n"
    rendered = renderer.render(body, "content/a.md", 11)
    assert "<p>```<br>" in rendered.html
    assert [(p.line, p.column, p.severity, p.message, p.hint) for p in rendered.problems] == [
        (13, 1, "warning", 'the code block (代码块) begun by "```" on this line is never closed, so the page shows '
         '"```" as typed and the lines after it as text', "type ``` on a line of its own below the code's last "
         "line; if no code was meant, delete this line")]
    closed = renderer.render(body.replace("二楼\n", "二楼\n```\n"), "content/a.md", 11)
    assert closed.problems == () and "<pre><code>地址：镇政府二楼\n</code></pre>" in closed.html
    deleted = renderer.render(body.replace("```\n", ""), "content/a.md", 11)
    assert deleted.problems == () and "<p>地址：镇政府二楼</p>" in deleted.html
    # Closed blocks, and fence signs typed as code in a line, are not told.
    assert renderer.render("```\n甲\n```\n\n用 `` ``` `` 围住代码。\n", "content/a.md", 1).problems == ()


def test_two_tilde_separator_lines_that_make_chinese_text_a_code_block_are_warned(renderer: MarkdownRenderer) -> None:
    # "~~~~~~~~" above and below a passage, as Chinese articles set text apart, made it a code block (fixed-width,
    # its bold unread, skipped by the checks of text), unwarned.
    body = "## 问题\n\n~~~~~~~~\n\n**重点**：分隔一段。\n\n~~~~~~~~\n\n后文。\n"
    rendered = renderer.render(body, "content/a.md", 11)
    assert "<pre><code>\n**重点**：分隔一段。\n\n</code></pre>" in rendered.html
    assert [(p.line, p.column, p.severity, p.message, p.hint) for p in rendered.problems] == [
        (13, 1, "warning", 'the lines "~~~~~~~~" here and at line 17 make a code block (代码块) of the 3 lines between '
         "them: the page shows them as code, in fixed-width type and as typed, their bold, lists and links not read; "
         "Markdown draws no line for a line of ~", "if the ~ lines were meant to set the text apart, delete both; to "
         "draw a separating line (分隔线), type *** in place of each, with a blank line above and below it")]
    for followed in (body.replace("~~~~~~~~\n", ""), body.replace("~~~~~~~~", "***")):
        again = renderer.render(followed, "content/a.md", 11)
        assert again.problems == () and "<p><strong>重点</strong>：分隔一段。</p>" in again.html
    assert renderer.render(body.replace("~~~~~~~~", "***"), "content/a.md", 11).html.count("<hr>") == 2
    # Code meant (no Han in it, or a language named), and tilde lines that pair as no block, are not told.
    for other in ("~~~\nprint(1)\n~~~\n", "~~~ python\n# 注释\n~~~\n", "~~~~~~\n甲\n~~~~~~~~\n", "~~~好消息~~~\n"):
        assert renderer.render(other, "content/a.md", 1).problems == (), other


@pytest.mark.parametrize("mark", ["- END -", "- END", "* 完 *", "- 全文完 -", "- the end -"])
def test_the_end_mark_of_a_wechat_article_typed_with_dashes_is_warned_as_a_list_item(
        renderer: MarkdownRenderer, mark: str) -> None:
    # "- END -", the end mark of a WeChat article pasted with it, was published as a list of one item "END -".
    rendered = renderer.render(f"## 问题\n\n回答。\n\n{mark}\n", "content/a.md", 11)
    item = mark[1:].strip()
    word = item.strip("-* ")
    assert f"<li>{item}</li>" in rendered.html
    assert [(p.line, p.column, p.message, p.hint) for p in rendered.problems] == [
        (15, 1, f'"{mark}" is read as a list item (列表), so the page shows a dot and "{item}"',
         f"delete this line: a page ends without an end mark; to keep it, type it with full-width dashes (全角): "
         f"—{word}—")]
    kept = renderer.render(f"## 问题\n\n回答。\n\n—{word}—\n", "content/a.md", 11)
    assert kept.problems == () and f"<p>—{word}—</p>" in kept.html
    # A list item that says more is a list item.
    assert renderer.render("## 问题\n\n- END 之后的安排\n- 完成整改\n", "content/a.md", 11).problems == ()


def test_summary_never_ends_in_part_of_a_figure_or_a_latin_word() -> None:
    # "…共收集问题清单1296份" cut after its "1" was published on every list, feed and <meta description> as
    # "…共收集问题清单1…": a figure of 1, with no message. A figure goes whole or not at all.
    head = "白鹤镇" * 38  # 114 characters
    assert summarize(head + "收集1296份，已解决1103份。", 120) == head + "收集…"
    assert summarize(head + "投入1.2万元", 120) == head + "投入…"  # not "1.2", a thousandth of it
    assert summarize(head + "覆盖率达80%以上", 120) == head + "覆盖率达…"  # not 80 without its %
    assert summarize(head + "截至2018-04-26共", 120) == head + "截至…"
    assert summarize(head + "共１２９６３份", 120) == head + "共…"  # full-width digits, as IMEs type them
    assert summarize(head + "G60科创走廊", 116) == head + "…"
    assert summarize(head + "G60科创走廊", 118) == head + "G60…"  # it fits whole
    assert summarize(head + "收集1296份", 121) == head + "收集1296份"  # no cut: whole
    # A figure longer than fits moving back for, or starting the text, is cut where it falls.
    assert summarize("1234567890123", 6) == "12345…"
    assert summarize("号码" + "1" * 40, 30) == "号码" + "1" * 27 + "…"


def test_summary_never_splits_astral_or_sequences() -> None:
    assert summarize("😀" * 10, 5) == "😀😀😀😀…"
    family = "👨\u200d👩\u200d👧"
    assert summarize("家" + family + "庭" * 10, 5) == "家…"
    assert summarize("🇨🇳🇨🇳🇨🇳", 4) == "🇨🇳…"
    assert summarize("e\u0301" * 5, 4) == "e\u0301…"


@given(st.lists(st.sampled_from(
    list("中文，。a b\n") + ["😀", "👨\u200d👩", "🇨", "\u0301", "\ufe0f", "𠀀"])).map("".join),
    st.integers(min_value=1, max_value=30))
def test_summary_properties(text: str, limit: int) -> None:
    summary = summarize(text, limit)
    assert len(summary) <= limit
    summary.encode("utf-8")  # no lone surrogates
    if summary.endswith("…") and len(summary) > 1:
        head = summary[:-1]
        joined = summarize(text, 10_000)
        assert joined.startswith(head)
        rest = joined[len(head):]
        if rest and head and not rest[0].isspace():
            assert unicodedata.category(rest[0]) not in ("Mn", "Mc", "Me")
            assert rest[0] not in "\u200d\ufe0f" and head[-1] != "\u200d"


def test_summary_never_cuts_between_a_full_stop_and_its_combining_mark() -> None:
    text = "中中中中中中👨\u200d👩👨\u200d👩。\u0301中中"
    summary = summarize(text, 15)
    assert summary == "中中中中中中👨\u200d👩👨\u200d👩。\u0301…"


def test_plain_text() -> None:
    assert plain_text("<p>甲<br>\n乙</p><ul><li>丙 &amp; 丁</li></ul>") == "甲\n乙\n丙 & 丁"


# ---------------------------------------------------------------- robustness

_TOKENS = [
    "<", ">", "&", "&amp;", "&#x6a;", "#", "## ", "- ", "1. ", "|", "---", "\n", "\n\n", " ", "*",
    "[", "]", "(", ")", "!", "`", "```", "[^1]", "[^1]: ", "中文", "，", "。", "😀", "𠀀",
    "<script>", "</script>", "<scr", "ipt>", "javascript:", "onerror=", "<img src=x ", "<a href=\"",
    "\"", "'", "<iframe>", "<svg onload=alert(1)>", "<style>", "data:text/html,", "e\u0301",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=5)), max_size=40))
def test_render_never_raises_nor_emits_script(tokens: list[str]) -> None:
    body = "".join(tokens)
    result = MARKDOWN_RENDERER.render(body, "fuzz.md", 5)
    lowered = result.html.lower()
    assert "<script" not in lowered
    root = fragment(result.html) if result.html.strip() else None
    if root is not None:
        for element in root.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on")
                if name in ("href", "src"):
                    assert not re.sub(r"\s", "", value).lower().startswith(("javascript:", "vbscript:"))
    max_line = 5 + body.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    assert all(p.line is None or 5 <= p.line <= max_line for p in result.problems)
    summarize(result.text, 50)
    count_words(result.text)


MARKDOWN_RENDERER = MarkdownRenderer()


def test_fenced_code_block_is_a_pre_block_with_escaped_text() -> None:
    rendered = MarkdownRenderer().render("说明：\n\n```\nx = 1\n<b>粗</b>\n```\n", "content/a.md", 6)
    assert rendered.html.count("<pre><code>") == 1
    assert "&lt;b&gt;粗&lt;/b&gt;" in rendered.html
    assert rendered.problems == ()


def test_summary_text_leaves_out_headings_and_tables_and_separates_list_items() -> None:
    body = ("## 第一个问题？\n\n主要做法：\n- 摸排问题点位\n- 分批组织施工\n\n"
            "| 类别 | 收集 |\n|---|---|\n| 路面破损 | 42 |\n\n回答完毕。\n")
    rendered = MarkdownRenderer().render(body, "content/a.md", 5)
    assert rendered.lead == "主要做法：\n\n摸排问题点位\n\n分批组织施工\n\n回答完毕。"
    assert summarize(rendered.lead, 120) == "主要做法：摸排问题点位\u3000分批组织施工\u3000回答完毕。"
    assert "类别" in rendered.text and "第一个问题" in rendered.text  # the full text keeps them (counts, search)


WORD_BREAK = ("a line break made in Word with Shift+Enter (手动换行符, U+000B) is in this line, where it shows nothing: "
              "the page starts a new line in its place")


def test_a_line_break_made_in_word_is_published_as_one_and_warned_at_each_line(renderer: MarkdownRenderer) -> None:
    # Word's Shift+Enter (U+000B) was published as 甲�乙 in the page and the feeds, and told once a file, with no
    # column and no word of what it was.
    body = "甲\v乙\n丙\n丁\v戊\n\n- 一\v二\n"
    result = renderer.render(body, "content/a.md", 76)
    hint = "delete it (it stands between {}) and press Enter in its place to start the new line, or only delete it"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (76, 2, WORD_BREAK, hint.format('"甲" and "乙"')), (78, 2, WORD_BREAK, hint.format('"丁" and "戊"')),
        (80, 4, WORD_BREAK, hint.format('"一" and "二"'))]
    assert result.html == "<p>甲<br>\n乙<br>\n丙<br>\n丁<br>\n戊</p>\n<ul>\n<li>一<br>\n二</li>\n</ul>"
    assert result.text == "甲\n乙\n丙\n丁\n戊\n一\n二"
    followed = renderer.render(body.replace("\v", "\n"), "content/a.md", 76)
    assert followed.problems == () and followed.html == result.html


def test_a_page_break_is_published_as_a_line_break_and_warned(renderer: MarkdownRenderer) -> None:
    result = renderer.render("第一页末尾。\f第二页开头。\n", "content/a.md", 9)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (9, 7, "a page break from Word or a PDF (分页符, U+000C) is in this line, where it shows nothing: the page "
               "starts a new line in its place",
         'delete it (it stands between "第一页末尾。" and "第二页开头。") and press Enter in its place to start the new '
         "line, or only delete it")]
    assert result.html == "<p>第一页末尾。<br>\n第二页开头。</p>"
    followed = renderer.render("第一页末尾。\n第二页开头。\n", "content/a.md", 9)
    assert followed.problems == () and followed.html == result.html


@pytest.mark.parametrize(("body", "column", "around", "within", "ends", "published", "typed"), [
    ("## 标题\v副标题\n", 6, '"标题" and "副标题"', "the heading", "the heading",
     '<h2 id="标题-副标题">标题<br>\n副标题</h2>', '<h2 id="标题副标题">标题<br>副标题</h2>'),
    ("| 类别\v（个） | 数量 |\n| --- | --- |\n| 照明 | 18 |\n", 5, '"类别" and "（个）"', "the table's cell",
     "the table's row", "<th scope=\"col\">类别<br>\n（个）</th>", "<th scope=\"col\">类别<br>（个）</th>"),
])
def test_a_word_line_break_in_a_heading_or_a_table_cell_is_told_to_be_typed_as_br(
        renderer: MarkdownRenderer, body: str, column: int, around: str, within: str, ends: str, published: str,
        typed: str) -> None:
    # Enter would end the heading or the table's row; <br> keeps the second line in it, as Word showed it.
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, column, WORD_BREAK,
         f"delete it (it stands between {around}); to keep the new line in {within}, type <br> in its place (Enter "
         f"would end {ends})")]
    assert published in result.html
    followed = renderer.render(body.replace("\v", "<br>"), "content/a.md", 1)
    assert followed.problems == () and typed in followed.html


def test_a_word_line_break_at_the_start_or_end_of_a_line_is_told_to_be_deleted(renderer: MarkdownRenderer) -> None:
    result = renderer.render("\v甲\n乙\v\n", "content/a.md", 1)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, 1, WORD_BREAK, 'delete it (it stands before "甲"): a line starts or ends there already'),
        (2, 2, WORD_BREAK, 'delete it (it stands after "乙"): a line starts or ends there already')]
    followed = renderer.render("甲\n乙\n", "content/a.md", 1)
    assert followed.problems == () and followed.html == "<p>甲<br>\n乙</p>"


@pytest.mark.parametrize(("body", "column", "message", "hint"), [
    ("## 问题\n\n回答\x01结束。\n", 3, "an invisible control character (U+0001) is in this line, where it shows "
     "nothing: the page shows � in its place", 'delete it (it stands between "回答" and "结束。"): it usually comes '
     "from text pasted from Word or a PDF (复制粘贴带入的控制字符)"),
    ("## 问题\n\n回答&#1;结束。\n", 3, '"&#1;" in this line is the code of a control character (U+0001): the page '
     "shows � in its place", 'delete "&#1;": it usually comes from text pasted from Word or a PDF (复制粘贴带入的控制字符)'),
    # U+0000 was dropped by the cleaner, unseen, while its warning said the page showed �.
    ("## 问题\n\n回答\x00结束。\n", 3, "an invisible control character (U+0000) is in this line, where it shows "
     "nothing: the page shows � in its place", 'delete it (it stands between "回答" and "结束。"): it usually comes '
     "from text pasted from Word or a PDF (复制粘贴带入的控制字符)"),
])
def test_other_control_characters_are_replaced_with_a_warning_at_their_place(
        renderer: MarkdownRenderer, body: str, column: int, message: str, hint: str) -> None:
    rendered = renderer.render(body, "content/a.md", 7)
    assert "<p>回答\ufffd结束。</p>" in rendered.html
    assert [(p.line, p.column, p.severity, p.message, p.hint) for p in rendered.problems] == [
        (9, column, "warning", message, hint)]
    followed = renderer.render(body.replace("\x01", "").replace("\x00", "").replace("&#1;", ""), "content/a.md", 7)
    assert followed.problems == () and "<p>回答结束。</p>" in followed.html


def test_a_control_character_written_as_a_code_is_told_outside_code_only(renderer: MarkdownRenderer) -> None:
    result = renderer.render("甲&#11;乙 `&#12;`\n\n```\n&#x0b;\n```\n", "content/a.md", 1)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, 2, '"&#11;" in this line is the code of a control character (U+000B): the page starts a new line in its '
               "place", 'delete "&#11;" and press Enter in its place to start the new line, or only delete it')]
    assert result.html == ("<p>甲<br>\n乙 <code>&amp;#12;</code></p>\n<pre><code>&amp;#x0b;\n</code></pre>")


def test_a_word_line_break_in_code_or_an_attribute_is_a_new_line_or_a_space(renderer: MarkdownRenderer) -> None:
    result = renderer.render("```\na\vb\n```\n\n![白鹤\v草莓](a.png)\n", "content/a.md", 1)
    assert [(p.line, p.column) for p in result.problems] == [(2, 2), (5, 5)]
    assert result.html == '<pre><code>a\nb\n</code></pre>\n<p><img alt="白鹤 草莓" src="a.png"></p>'


# ---------------------------------------------------------------- removal scan skipped when it cannot find anything


@pytest.mark.parametrize("body, expected", [
    ("正文。\n\n<b>粗</b> <font color=red>红</font>\n", "raw HTML <font color=red> was removed"),
    ("正文。\n\n<b>粗</b> <font>红</font>\n", "raw HTML <font> was removed"),
    ("正文。\n\n<a href=\"https://a.org\" onclick=\"x()\">链</a>\n", "event attribute onclick on <a>"),
    ("正文。\n\n[链接](javascript:alert(1))\n", "javascript: address in <a href> was removed"),
    ("正文。\n\n[链接][r]\n\n[r]: vbscript:x\n", "vbscript: address in <a href> was removed"),
    ("正文。\n\n[链接](java\\-script:x)\n", "java-script: address in <a href> was removed"),
    ("正文。\n\n[链接](java&#115;cript:x)\n", "javascript: address in <a href> was removed"),
    ("正文。\n\n[链接](data:text/html,x)\n", "data: address in <a href> was removed"),
    ("正文。\n\n![](photos/a.png)\n", 'image "photos/a.png" has no description'),
])
def test_markdown_that_the_sanitizer_changes_still_gets_its_warning(
        renderer: MarkdownRenderer, body: str, expected: str) -> None:
    [problem] = renderer.render(body, "content/a.md", 5).problems
    assert problem.message.startswith(expected)


@pytest.mark.parametrize("body", [
    "## 问题\n\n详见[工作简报第3期](https://example.org/jianbao/3.html)。\n\n- 一\n- 二\n\n"
    "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n",
    "[邮件](mailto:a@b.cn) [电话](tel:123) [相对](../x/) [站内](/cases/a/) [锚](#fn-1) 10:30 R&D\n",
    "正文[^1]\n\n[^1]: 注释 http://a.org\n\n```python\nx = 'javascript:'\n```\n",
])
def test_markdown_without_raw_html_or_refused_links_gets_no_removal_warning(
        renderer: MarkdownRenderer, body: str) -> None:
    raw_html = MarkdownRenderer()._md.convert(body)
    assert not markup.removal_possible(body, raw_html)
    assert renderer.render(body, "content/a.md", 5).problems == ()


_REMOVAL_TOKENS = [
    "<", "&", "&#58;", "&#x3a;", "\\-", "\\.", "\t", "\n", "\n\n", " ", "中文", "##", "- ", "|", "---",
    "[", "]", "(", ")", "!", "![", "](", "]: ", "[r]", "\n\n[r]: ", "[^1]", "\n\n[^1]: ", "```", "`",
    '"', "'", "javascript:", "JAVA\tSCRIPT:", "vbscript:", "data:", "data:image/png,", "http://a.org/",
    "https:", "mailto:a@b.cn", "tel:1", "/cases/", "#x", "x.png", "{ #i .c }", "<b>", "<img src=x>",
    "<a href='java", "onclick=", "<font>", "<script>", "<span ", " style=color:red", ' align="center"', "<td ",
    "<center>", ":-:",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_REMOVAL_TOKENS), st.text(max_size=3)), max_size=30))
def test_skipping_the_removal_scan_never_changes_the_result(tokens: list[str]) -> None:
    body = "".join(tokens)
    fast = MARKDOWN_RENDERER.render(body, "fuzz.md", 3)
    with mock.patch.object(markup, "removal_possible", lambda source, raw_html: True):
        slow = MARKDOWN_RENDERER.render(body, "fuzz.md", 3)
    assert fast == slow


def test_the_removal_scan_is_skipped_for_plain_markdown_and_output_is_the_same(
        renderer: MarkdownRenderer) -> None:
    body = "## 问题\n\n回答，详见[简报](https://example.org/a.html)。\n\n<b>粗</b>\n"
    calls: list[str] = []
    real = markup.removal_problems

    def counting(raw_html: str, *args: object) -> list[Problem]:
        calls.append(raw_html)
        return real(raw_html, *args)

    with mock.patch.object(markup, "removal_problems", counting):
        plain = renderer.render(body.replace("<b>粗</b>", "**粗**"), "a.md", 1)
        assert calls == []
        raw = renderer.render(body, "a.md", 1)
        assert len(calls) == 1
        with mock.patch.object(markup, "removal_possible", lambda source, raw_html: True):
            assert renderer.render(body.replace("<b>粗</b>", "**粗**"), "a.md", 1) == plain
        assert len(calls) == 2
    assert plain.problems == raw.problems == ()
    assert plain.html.replace("strong", "b") == raw.html


@pytest.mark.parametrize(("body", "line", "shown", "text"), [
    ("<div>\nx\n<![\ny", 3, "<![ y", "x"),
    ("<div>\n<![ if x ]>\n</div>", 2, "<![ if x ]>", ""),
    ("正文\n\n<p>a<![b</p> c", 3, "<![b</p>", "正文\na\nc"),
])
def test_an_unknown_bang_bracket_section_is_reported_not_a_crash(renderer: MarkdownRenderer, body: str, line: int,
                                                                 shown: str, text: str) -> None:
    """``<![`` without a keyword once raised AssertionError in Python's HTML parser; HTML5 hides it to ``>``."""
    rendered = renderer.render(body, "content/a.md", 1)
    assert rendered.text == text
    assert [(p.line, p.message) for p in rendered.problems] == [
        (line, f'"{shown}" was removed and is not shown (不会显示): '
         'HTML reads "<![" as the start of a hidden section, up to the next ">"')]
    assert plain_text("<p>a<![b c</p>d") == "ad"


@pytest.mark.parametrize(("body", "message", "hint"), [
    ("![草莓](C:\\Users\\editor\\Desktop\\caomei.png)\n",
     'the picture "C:\\Users\\editor\\Desktop\\caomei.png" is a file on your computer, which readers cannot see; '
     'it was left out, and its description "草莓" is shown in its place',
     "copy the file into content/images/ and write its path from there, e.g. images/caomei.png"),
    ("![草莓](file:///C:/照片/caomei.jpg)\n",
     'the picture "file:///C:/照片/caomei.jpg" is a file on your computer, which readers cannot see; it was left out, '
     'and its description "草莓" is shown in its place',
     "copy the file into content/images/ and write its path from there, e.g. images/caomei.jpg"),
    ("[调研报告](D:/资料/报告.pdf)\n",
     'the link to "D:/资料/报告.pdf" is a file on your computer, which readers cannot see; it was left out',
     "copy the file into content/files/ and link to it from the site's root, e.g. /files/报告.pdf"),
])
def test_a_file_on_the_editors_computer_is_named_as_such(renderer: MarkdownRenderer, body: str, message: str,
                                                         hint: str) -> None:
    # These were "c: address in <img src> was removed", with the hint to link to an https:// address.
    result = renderer.render(body, "content/a.md", 12)
    assert [(p.line, p.message, p.hint) for p in result.problems] == [(12, message, hint)]
    assert result.problems[0].column == body.index("(") + 2  # at the address itself (it had no column)
    assert "C:" not in result.html and "file:" not in result.html


def test_a_picture_whose_address_is_refused_is_left_out_and_its_description_stays(
        renderer: MarkdownRenderer) -> None:
    # Each was warned "it was left out" (or "was removed") but published as <img alt="照片">, with no src:
    # invalid HTML, a broken picture on the page.
    body = ("![照片](C:\\Users\\张三\\Desktop\\草莓.jpg)\n\n如图![图二](file:///D:/a.png)所示\n\n"
            "![](D:/b.png)\n\n![图三](javascript:alert(1))\n\n![图四](ftp://x.org/a.png)\n\n"
            '<img src="data:text/html,x" alt="图五 &amp; 说明">\n\n[![图六](C:\\c.png)](https://x.org)\n\n'
            "![图七][七]\n\n[七]: E:\\照片\\七.png\n\n![图八](images/a.png)\n")
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == (
        "<p>照片</p>\n<p>如图图二所示</p>\n<p>图三</p>\n<p>图四</p>\n<p>图五 &amp; 说明</p>\n"
        '<p><a href="https://x.org">图六</a></p>\n<p>图七</p>\n<p><img alt="图八" src="images/a.png"></p>')
    assert result.images == ("images/a.png",)
    local = "is a file on your computer, which readers cannot see; it was left out"
    refused = "was removed (only http, https, mailto, tel and relative links are allowed), so the picture was left out"
    shown = 'and its description "{}" is shown in its place'
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 7, f'the picture "C:\\Users\\张三\\Desktop\\草莓.jpg" {local}, {shown.format("照片")}'),
        (3, 9, f'the picture "file:///D:/a.png" {local}, {shown.format("图二")}'),
        (5, 5, f'the picture "D:/b.png" {local}'),
        (7, 7, f'javascript: address in <img src> {refused}, {shown.format("图三")}'),
        (9, 7, f'ftp: address in <img src> {refused}, {shown.format("图四")}'),
        (11, 11, "data: address in <img src> was removed (only data:image/png, jpeg, gif or webp pictures are "
                 f'allowed), so the picture was left out, {shown.format("图五 & 说明")}'),
        (13, 8, f'the picture "C:\\c.png" {local}, {shown.format("图六")}'),
        (17, 6, f'the picture "E:\\照片\\七.png" {local}, {shown.format("图七")}')]
    assert {p.hint for p in result.problems[3:6]} == {
        "give a picture file under content/ (images/a.png) or an https:// address"}


def test_a_picture_typed_in_html_without_an_address_is_left_out_with_a_warning(renderer: MarkdownRenderer) -> None:
    # <img alt="原始"> was published as a broken picture, unwarned.
    result = renderer.render('<img alt="原始">\n\n<img>\n\n段落<img alt="中间">文字\n', "content/a.md", 1)
    assert result.html == "<p>原始</p>\n<p>段落中间文字</p>"
    none = "this picture (<img>) has no address (src), so it was left out"
    how = 'write the path of its file in src, e.g. <img src="images/a.png" alt="{}">'
    assert placed(result) == [
        (1, 1, f'{none}, and its description "原始" is shown in its place', how.format("原始")),
        (3, 1, none, how.format("图片说明")),
        (5, 3, f'{none}, and its description "中间" is shown in its place', how.format("中间"))]


def test_a_picture_whose_address_is_empty_or_a_hash_is_left_out_with_a_warning(renderer: MarkdownRenderer) -> None:
    # <img src="">, <img src="#"> and ![说明]() were published as broken pictures, unwarned.
    body = ('<img src="" alt="会议现场">\n\n<img src=" # " alt="现场二">\n\n![现场四]()\n\n'
            '段落 ![现场五](#) 文字\n\n![]( )\n\n![图](images/a.png)\n')
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == ('<p>会议现场</p>\n<p>现场二</p>\n<p>现场四</p>\n<p>段落 现场五 文字</p>\n'
                           '<p><img alt="图" src="images/a.png"></p>')
    none = "this picture (<img>) has no address (src), so it was left out"
    how = 'write the path of its file in src, e.g. <img src="images/a.png" alt="{}">'
    shown = ', and its description "{}" is shown in its place'
    assert placed(result) == [
        (1, 1, none + shown.format("会议现场"), how.format("会议现场")),
        (3, 1, none + shown.format("现场二"), how.format("现场二")),
        (5, 1, 'the picture "![现场四]()" has no address in its "()", so it was left out' + shown.format("现场四"),
         'write the path of its file in the "()": ![现场四](images/a.png)'),
        (7, 4, 'the picture "![现场五]()" has no address in its "()", so it was left out' + shown.format("现场五"),
         'write the path of its file in the "()": ![现场五](images/a.png)'),
        (9, 1, 'the picture "![]()" has no address in its "()", so it was left out',
         'write the path of its file in the "()": ![图片说明](images/a.png)')]


def test_a_picture_whose_address_is_in_an_attribute_of_lazy_loading_is_offered_that_address_in_src(
        renderer: MarkdownRenderer) -> None:
    # <img data-src="https://…"> (copied from a page that loads pictures late) was told "has no address (src)",
    # hinted to write a file's path in src, when its address is there to copy. The first lazy attribute with an
    # address counts; a WeChat address is told by the picture check alone (with WeChat's advice), and one that
    # src could not hold either (a file on the computer) keeps the hint to write a file's path.
    body = ('<img data-src="https://example.org/a.jpg?w=1&amp;h=2">\n\n<img data-url="" alt="图" '
            'data-original="https://example.org/b.png">\n\n<img data-src="https://mmbiz.qpic.cn/abc/640">\n\n'
            '<img data-src="C:\\a.png">\n')
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == "<p>图</p>\n"
    lazy = ("this picture (<img>) has its address in {}, which browsers do not read (it is for scripts that load "
            "pictures late), so it was left out")
    assert placed(result) == [
        (1, 1, lazy.format("data-src"), 'write its address in src: <img src="https://example.org/a.jpg?w=1&amp;h=2" '
                                        'alt="图片说明">'),
        (3, 1, lazy.format("data-original") + ', and its description "图" is shown in its place',
         'write its address in src: <img src="https://example.org/b.png" alt="图">'),
        (7, 1, "this picture (<img>) has no address (src), so it was left out",
         'write the path of its file in src, e.g. <img src="images/a.png" alt="图片说明">')]


def test_a_picture_with_a_stand_in_in_src_is_told_by_its_address_in_an_attribute_of_lazy_loading(
        renderer: MarkdownRenderer) -> None:
    # WeChat's <img src="data:image/svg+xml,…" data-src="https://…"> was told only that its data: address was
    # removed, hinted to give a file or an https:// address, when the address is in data-src; a blank GIF in src,
    # an allowed data: picture, was published, showing nothing, and src="#" a broken picture. A stand-in in src
    # (data:, empty, about:blank, #) is now told as no src is: the address of lazy loading offered, the first of
    # data-srcset's list too; a WeChat one is left to the picture check. A value in quotes is read whole (">" in
    # Zhihu's data: SVG); a real src is kept, and a lazy address src could not hold leaves src's own warning.
    svg = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3C%2Fsvg%3E"
    body = (f'<img src="{svg}" data-src="https://example.org/a.jpg" alt="会议现场">\n\n'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset=" https://example.org/b.jpg 1x, '
            'https://example.org/b@2x.jpg 2x">\n\n<img src="" data-lazy-src="https://example.org/c.png" alt="丙">\n\n'
            '<IMG SRC="about:blank" DATA-ORIGINAL="https://example.org/d.png" ALT="丁">\n\n'
            '<img src="#" data-src="https://mmbiz.qpic.cn/abc/640" alt="戊">\n\n<div>\n<img src="data:image/svg+xml;'
            'utf8,<svg width=\'1\'></svg>" data-actualsrc="https://example.org/e.jpg" alt="己">\n</div>\n\n'
            '<img src="images/a.png" data-src="https://example.org/f.jpg" alt="庚">\n\n'
            '<img src="data:text/html,x" data-src="C:\\g.png" alt="辛">\n')
    result = renderer.render(body, "content/a.md", 1)
    assert result.html == ('<p>会议现场</p>\n<p>丙</p>\n<p>丁</p>\n<p>戊</p>\n<div>\n己\n</div>\n\n'
                           '<p><img src="images/a.png" alt="庚"></p>\n<p>辛</p>')
    lazy = ("this picture (<img>) has its address in {}, which browsers do not read (it is for scripts that load "
            "pictures late), so it was left out")
    shown = ', and its description "{}" is shown in its place'
    offer = 'write its address in src: <img src="https://example.org/{}" alt="{}">'
    assert placed(result) == [
        (1, 1, lazy.format("data-src") + shown.format("会议现场"), offer.format("a.jpg", "会议现场")),
        (3, 1, lazy.format("data-srcset"), offer.format("b.jpg", "图片说明")),
        (5, 1, lazy.format("data-lazy-src") + shown.format("丙"), offer.format("c.png", "丙")),
        (7, 1, lazy.format("data-original") + shown.format("丁"), offer.format("d.png", "丁")),
        (12, 1, lazy.format("data-actualsrc") + shown.format("己"), offer.format("e.jpg", "己")),
        (17, 11, "data: address in <img src> was removed (only data:image/png, jpeg, gif or webp pictures are "
                 f'allowed), so the picture was left out{shown.format("辛")}',
         "give a picture file under content/ (images/a.png) or an https:// address")]


def test_colours_and_alignment_typed_in_html_are_warned_at_each_line(renderer: MarkdownRenderer) -> None:
    # <span style="color:red">, <font color=red> and <p align="center"> lost their colour and centring unwarned
    # (<font> was told only as "raw HTML <font> was removed", with no word of its colour). Then only the first
    # colour and the first centring of a page were told: <center> on another line lost its centring unwarned. A
    # second colour on the same line (<font color="blue">) is the same mistake there, told once.
    body = ('<p align="center">关于开展大调研的通知</p>\n\n请各村<span style="color:red">今天下班前</span>上报，'
            '<font color="blue">逾期不候</font>。\n\n<center>白鹤镇人民政府</center>\n\n'
            '<table><tr><td style="text-align:center;font-weight:bold">合计</td><td style="text-align:center">296</td>'
            "</tr></table>\n\n`<span style=\"color:red\">代码</span>`\n")
    result = renderer.render(body, "content/a.md", 12)
    assert placed(result) == [
        (12, 4, 'align="center" on <p> was removed, so the page does not centre it (居中): the site\'s theme sets '
                "the alignment", 'delete align="center"'),
        (14, 10, 'style="color:red" on <span> was removed, so the page does not show that colour (颜色): the site\'s '
                 "theme sets the colours",
         'to make words stand out, write them in bold (加粗): **今天下班前**; otherwise delete style="color:red"'),
        (16, 1, "raw HTML <center> was removed, so the page does not centre it (居中): the site's theme sets the "
                "alignment; its text was kept", "delete <center> and </center>"),
        (18, 16, '"font-weight:bold" in style="text-align:center;font-weight:bold" on <td> was removed, so the page '
                 "does not show that font, size or weight (字体/字号): the site's theme sets the fonts",
         # typed in an HTML table, where ** would show as typed
         "to make words stand out, write them in bold (加粗): <strong>合计</strong>; otherwise delete font-weight:bold "
         'from style="text-align:center;font-weight:bold"')]
    page = fragment(result.html)
    assert [element.get("style") for element in page.xpath("//*[@style]")] == ["text-align:center"] * 2
    assert not page.xpath("//*[@align]") and not page.xpath("//font|//center")
    fixed = renderer.render("关于开展大调研的通知\n\n请各村**今天下班前**上报，逾期不候。\n\n| 类别 | 合计 |\n| :-: | --: |\n"
                            "| 照明 | 18 |\n\n代码照原样：`<span style=\"color:red\">紧急</span>` 和 `<p align=\"center\">`。\n",
                            "content/a.md", 12)
    assert fixed.problems == ()


INSIDE_HTML = ("this line is inside the HTML block that starts at line {start} ({tag}), where Markdown is not read, "
               'so the page shows "{sign}" as typed: {line}')
PLAIN_TAGS = ("delete {tag} (line {start}) and </div> (line {end}), and Markdown reads the lines between them; the "
              "page looks the same without these tags")


def test_markdown_typed_inside_an_html_block_is_warned_with_the_tags_to_delete(renderer: MarkdownRenderer) -> None:
    # "<div>" right above "### 补齐…" published the line as text, "###" and all, the heading gone, told only as "heading
    # level jumps from 1 to 3"; "**重点**" in <div align="center"> showed its stars. Python-Markdown reads no Markdown
    # from a block's start tag to its end tag, blank lines or not: a blank line after <div> does not help.
    body = ('## 调研\n\n<div>\n### 补齐“四个最”短板\n</div>\n\n<div align="center">\n\n**重点**：看这里\n\n</div>\n\n'
            "```\n<div>\n### 代码\n</div>\n```\n")
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        (4, 1, INSIDE_HTML.format(start=3, tag="<div>", sign="###", line="### 补齐“四个最”短板"),
         PLAIN_TAGS.format(tag="<div>", start=3, end=5)),
        (7, 6, 'align="center" on <div> was removed, so the page does not centre it (居中): the site\'s theme sets the '
               "alignment", 'delete align="center"'),
        (9, 1, INSIDE_HTML.format(start=7, tag='<div align="center">', sign="**", line="**重点**：看这里"),
         PLAIN_TAGS.format(tag='<div align="center">', start=7, end=11))]
    assert "<div>\n### 补齐“四个最”短板\n</div>" in result.html and "\n**重点**：看这里\n" in result.html
    lines = body.split("\n")
    for index in (2, 4, 6, 10):  # the tags the hints name
        lines[index] = ""
    followed = renderer.render("\n".join(lines), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ('<h2 id="调研">调研</h2>\n<h3 id="补齐四个最短板">补齐“四个最”短板</h3>\n'
                             "<p><strong>重点</strong>：看这里</p>\n<pre><code>&lt;div&gt;\n### 代码\n&lt;/div&gt;\n</code></pre>")


def test_markdown_inside_nested_html_blocks_is_told_every_tag_to_delete(renderer: MarkdownRenderer) -> None:
    # The hint named only the outer <div> and </div>: deleted as told, the inner pair still made an HTML block of the
    # same lines, and the page still showed the stars.
    body = "<div>\n<div class=\"inner\">\n**重点**：完成调研。\n</div>\n</div>\n\n<section>\n<p>\n## 下一步\n</p>\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems if p.message.startswith("this line is inside")] == [
        (3, 1, 'delete <div> (line 1), <div class="inner"> (line 2), </div> (line 4) and </div> (line 5), and '
               "Markdown reads the lines between them; the page looks the same without these tags"),
        (9, 1, "delete <section> (line 7; it is never closed, so the HTML block runs to the end of the text), <p> "
               "(line 8) and </p> (line 10), and Markdown reads the lines after it")]
    lines = body.split("\n")
    for index in (0, 1, 3, 4, 6, 7, 9):  # the tags the hints name
        lines[index] = ""
    followed = renderer.render("\n".join(lines), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == '<p><strong>重点</strong>：完成调研。</p>\n<h2 id="下一步">下一步</h2>'


@pytest.mark.parametrize(("typed", "sign", "column"), [("- 走访企业", "-", 1), ("1. 走访企业", "1.", 1),
                                                     ("详见[通知](/notices/1/)", "[…](…)", 3)])
def test_a_list_item_or_link_typed_inside_a_div_is_warned(renderer: MarkdownRenderer, typed: str, sign: str,
                                                          column: int) -> None:
    body = f"<div>\n{typed}\n</div>\n"
    [problem] = renderer.render(body, "content/a.md", 1).problems
    assert (problem.line, problem.column, problem.message, problem.hint) == (
        2, column, INSIDE_HTML.format(start=1, tag="<div>", sign=sign, line=typed),
        PLAIN_TAGS.format(tag="<div>", start=1, end=3))
    assert renderer.render(f"\n{typed}\n\n", "content/a.md", 1).problems == ()


def test_markdown_inside_an_html_table_or_an_unclosed_block_is_given_what_to_type(renderer: MarkdownRenderer) -> None:
    # Deleting <table> would break the table: the bold is offered in HTML. A <div> never closed takes the rest
    # of the text.
    body = "<table>\n<tr><td>\n1. 成立\n</td></tr>\n<tr><td>**合计**</td><td>296</td></tr>\n</table>\n\n<div>\n## 下一步\n\n继续。\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        (5, 9, INSIDE_HTML.format(start=1, tag="<table>", sign="**", line="<tr><td>**合计**</td><td>296</td></tr>"),
         "write it in HTML there: <strong>合计</strong>"),  # "1. 成立" in a cell reads as typed: not told
        (9, 1, INSIDE_HTML.format(start=8, tag="<div>", sign="##", line="## 下一步"),
         "delete <div> (line 8; it is never closed, so the HTML block runs to the end of the text), and Markdown reads "
         "the lines after it")]
    followed = renderer.render(body.replace("**合计**", "<strong>合计</strong>").replace("<div>\n", ""), "content/a.md", 1)
    assert followed.problems == ()
    assert followed.html == ("<table>\n<tbody><tr><td>\n1. 成立\n</td></tr>\n"
                             "<tr><td><strong>合计</strong></td><td>296</td></tr>\n</tbody></table>\n\n"
                             '<h2 id="下一步">下一步</h2>\n<p>继续。</p>')


COLOUR = ("{what} was removed, so the page does not show that colour (颜色): the site's theme sets the colours{kept}")


@pytest.mark.parametrize(("typed", "tag", "what", "delete"), [
    ('<p><font color="red">红色文字</font>结束</p>', "font", 'raw HTML <font color="red">',
     '<font color="red"> and </font>'),
    ('<p><span style="color:red">红色文字</span>结束</p>', "span", 'style="color:red" on <span>', 'style="color:red"'),
    ('<div style="color:red">红色文字</div>', "div", 'style="color:red" on <div>', 'style="color:red"'),
])
def test_a_colour_typed_inside_html_is_offered_bold_written_in_html(renderer: MarkdownRenderer, typed: str, tag: str,
                                                                    what: str, delete: str) -> None:
    # The hint offered **红色文字**, which inside HTML the page then showed with its stars.
    [problem] = renderer.render(typed + "\n", "content/a.md", 3).problems
    assert (problem.line, problem.message, problem.hint) == (
        3, COLOUR.format(what=what, kept="; its text was kept" if tag == "font" else ""),
        f"to make words stand out, write them in bold (加粗): <strong>红色文字</strong>; otherwise delete {delete}")
    start = typed.index(f"<{tag}")
    followed = typed[:start] + "<strong>红色文字</strong>" + typed[typed.index(f"</{tag}>") + len(tag) + 3:]
    if tag == "div":
        followed = "<div><strong>红色文字</strong></div>"
    page = renderer.render(followed + "\n", "content/a.md", 3)
    assert page.problems == ()
    assert page.html == ("<div><strong>红色文字</strong></div>" if tag == "div" else "<p><strong>红色文字</strong>结束</p>")
    # In a Markdown paragraph, ** is read: it stays the hint there.
    [problem] = renderer.render(f"正文{typed[start:typed.index(f'</{tag}>') + len(tag) + 3]}\n", "content/a.md",
                                3).problems
    assert problem.hint.startswith("to make words stand out, write them in bold (加粗): **红色文字**;")


def test_each_line_where_a_colour_is_removed_is_warned(renderer: MarkdownRenderer) -> None:
    # Only the first colour of a page was told: the second line lost its red unwarned.
    body = ('<p><span style="color:blue">蓝色</span>一段</p>\n\n<p><font color="red">红色文字</font>结束</p>\n\n'
            '正文<font color="red">红</font>和<font color="red">又红</font>\n')
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 10, COLOUR.format(what='style="color:blue" on <span>', kept="")),
        (3, 4, COLOUR.format(what='raw HTML <font color="red">', kept="; its text was kept")),
        (5, 3, COLOUR.format(what='raw HTML <font color="red">', kept="; its text was kept"))]  # once a line
    assert [p.hint.split(";")[0].rsplit(" ", 1)[1] for p in result.problems] == [
        "<strong>蓝色</strong>", "<strong>红色文字</strong>", "**红**"]


WORD_TAG = ("raw HTML <{tag}> was removed: it is Word's own markup (Word 的格式标记), pasted with the text, which no "
            "page shows; its text was kept")
WORD_TAG_HINT = ("delete <{tag}> and </{tag}> wherever they stand (to paste from Word without them, use 选择性粘贴 → "
                 "无格式文本)")


def test_words_own_markup_pasted_with_the_text_is_removed_and_told_once_a_page(renderer: MarkdownRenderer) -> None:
    # "段落<o:p></o:p>" was published as "段落&lt;o:p&gt;&lt;/o:p&gt;", the tags shown as text: a name with a
    # colon was taken for words in angle brackets (<WPS表格>), not for a tag.
    body = ('段落<o:p></o:p>\n\n<p class=MsoNormal>文字<o:p>保留</o:p></p>\n\n'
            '<st1:chsdate Year="2018" Month="5" Day="3">5月3日</st1:chsdate>召开会议<O:P/>\n')
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        (1, 3, WORD_TAG.format(tag="o:p"), WORD_TAG_HINT.format(tag="o:p")),
        (3, 4, 'class="MsoNormal" on <p> was removed: the site\'s theme gives every page its look', 'delete class="…"'),
        (5, 1, WORD_TAG.format(tag="st1:chsdate"), WORD_TAG_HINT.format(tag="st1:chsdate"))]
    assert result.html == "<p>段落</p>\n<p>文字保留</p>\n\n<p>5月3日召开会议</p>"
    followed = renderer.render("段落\n\n<p>文字保留</p>\n\n5月3日召开会议\n", "content/a.md", 1)
    assert followed.problems == () and followed.html == result.html
    # Other names with a colon are no tags of Word's: an address, words in angle brackets.
    shown = renderer.render("<http://a.org/x> <abc:def> <mailto:a@b.c>\n", "content/a.md", 1)
    assert shown.problems == ()
    assert "&lt;abc:def&gt;" in shown.html and 'href="http://a.org/x"' in shown.html


# <td align="right"> was told "the site's theme sets the alignment; delete align", yet a table cell keeps
# style="text-align:right" (Python-Markdown writes it for --:): the hint now gives what keeps the alignment.
@pytest.mark.parametrize(("cell", "typed", "missed", "kept"), [
    ('<th align="right">', 'align="right"', "align it right (右对齐)", 'style="text-align:right"'),
    ('<td align="Middle">', 'align="Middle"', "centre it (居中)", 'style="text-align:center"'),
    ('<td style="TEXT-ALIGN:center">', 'style="TEXT-ALIGN:center"', "centre it (居中)", 'style="text-align:center"'),
])
def test_an_alignment_typed_in_a_table_cell_is_given_the_form_it_keeps(renderer: MarkdownRenderer, cell: str,
                                                                        typed: str, missed: str, kept: str) -> None:
    tag = cell[1:3]
    body = f"<table><tr>{cell}合计</{tag}><td>296</td></tr></table>\n"
    [problem] = renderer.render(body, "content/a.md", 7).problems
    assert (problem.line, problem.column) == (7, body.index(typed) + 1)
    assert problem.message == (f"{typed} on <{tag}> was removed, so the page does not {missed}: a table cell "
                               f"keeps its alignment only written as {kept}")
    assert problem.hint == (f"write {kept} in place of {typed} (in a Markdown table, a colon in the line under the "
                            "header does it: :-: centres a column, --: aligns it right)")
    fixed = renderer.render(body.replace(typed, kept), "content/a.md", 7)
    assert fixed.problems == () and kept in fixed.html


_CONTEXT = {"td": "<table><tr>{}</tr></table>", "th": "<table><tr>{}</tr></table>", "tr": "<table>{}</table>",
            "tbody": "<table>{}</table>", "thead": "<table>{}</table>", "tfoot": "<table>{}</table>",
            "caption": "<table>{}</table>", "li": "<ul>{}</ul>", "dd": "<dl>{}</dl>", "dt": "<dl>{}</dl>",
            "figcaption": "<figure>{}</figure>"}


@pytest.mark.parametrize("tag", sorted(markup.ALLOWED_TAGS))
@pytest.mark.parametrize(("attribute", "shown"), [
    ('style="color:red"', "color:red"), ('style="text-align:center"', "text-align:center"),
    ('align="center"', 'align="center"'), ('bgcolor="#ff0"', "#ff0")])
def test_formatting_is_warned_exactly_when_the_sanitizer_removes_it(tag: str, attribute: str, shown: str) -> None:
    element = f"<{tag} {attribute}>" if tag in ("br", "hr", "img") else f"<{tag} {attribute}>文字</{tag}>"
    rendered = MARKDOWN_RENDERER.render(_CONTEXT.get(tag, "{}").format(element) + "\n", "a.md", 1)
    warned = [p for p in rendered.problems if "so the page does not" in p.message]
    assert len(warned) == (shown not in rendered.html), rendered.html


def test_a_paragraph_typed_with_a_first_line_indent_stays_a_paragraph(renderer: MarkdownRenderer) -> None:
    # Word and WPS indent a paragraph's first line; pasted as four spaces, it became a code block:
    # monospaced, never wrapped, 1364 px wide on a 375 px phone. An item's second paragraph, indented as
    # Markdown asks, stays the item's where the list goes on after it (at a list's end, see
    # test_a_paragraph_typed_with_a_first_line_indent_under_a_list_is_not_the_last_items).
    body = ("    大调研开展以来，白鹤镇按照区委部署开展工作。\n\n- 列表\n\n    列表里的第二段\n\n- 第二项\n\n"
            "```\ncode = 1\n```\n")
    assert renderer.render(body, "content/a.md", 1).html == (
        "<p>大调研开展以来，白鹤镇按照区委部署开展工作。</p>\n<ul>\n<li>\n<p>列表</p>\n<p>列表里的第二段</p>\n"
        "</li>\n<li>\n<p>第二项</p>\n</li>\n</ul>\n<pre><code>code = 1\n</code></pre>")


# ---------------------------------------------------------------- slips that changed what the page shows


def test_a_list_of_sources_is_shown_as_typed_unless_it_defines_links(renderer: MarkdownRenderer) -> None:
    # "[1]: 上海热线新闻网，2018年5月3日" was taken as a link definition: the line vanished and "[1]" in the
    # text became a link to that text. "[2]: http://…" is one, and vanished unwarned.
    body = ("据报道[1]，共收集问题296份[2]，见[官网][g]。\n\n参考资料：\n\n[1]: 上海热线新闻网，2018年5月3日\n"
            '[2]: http://www.shcafe.org/shzxxw/120946.html "大调研微访谈"\n\n[g]: https://a.org/x\n\n'
            "```\n[3]: https://a.org/code\n```\n")
    result = renderer.render(body, "content/a.md", 10)
    page = fragment(result.html)
    assert page.xpath("//p")[2].text_content() == "[1]: 上海热线新闻网，2018年5月3日"
    assert [(a.text, a.get("href")) for a in page.xpath("//a")] == [
        ("2", "http://www.shcafe.org/shzxxw/120946.html"), ("官网", "https://a.org/x")]
    assert page.xpath("//p")[0].text_content() == "据报道[1]，共收集问题296份2，见官网。"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (15, 1, 'this line defines where "[2]" in the text links to, so Markdown does not show it: '
                '[2]: http://www.shcafe.org/shzxxw/120946.html "大调研微访谈"',
         'to show it as a source on the page, delete the ":" after "[2]" (the text\'s [2] is then no link)')]


def test_footnotes_without_a_note_and_notes_without_a_mark_are_warned(renderer: MarkdownRenderer) -> None:
    # "[^1]" with no "[^1]: …" line was published as typed; a note typed with the input method's "：" was
    # text (here run into the note above it); a note no mark refers to was listed with a ↩ link to nowhere.
    body = ("见附件[^1]，又见[^1]。数据来源[^来源]。\n\n附表[^表]见下。\n\n代码 `[^x]` 和 \\[^y] 照原样。\n\n"
            "```\n[^z]\n```\n\n[^来源]: 上海热线新闻网，2018年5月3日。\n[^表]：附表为调研问题清单\n"
            "[^旧]: 早先的注释，正文已删去它的标记\n")
    result = renderer.render(body, "a.md", 11)
    assert placed(result) == [
        (11, 4, '"[^1]" refers to a footnote (脚注) that has no note: no line "[^1]: …" gives its text, so the page '
                'shows "[^1]" as typed',
         'add the note at the end of the text, on a line of its own after a blank line: [^1]: 注释内容; or delete '
         '"[^1]"; or, if it is meant as typed, write \\[^1]'),
        (22, 1, 'a full-width colon (全角冒号 ：) follows "[^表]", so Markdown does not read this line as the '
                'footnote\'s note (脚注): the page shows it as typed, and "[^表]" in the text too',
         "type a half-width colon and a space (半角): [^表]: 附表为调研问题清单"),
        (23, 1, 'no "[^旧]" in the text refers to this footnote (脚注): the page still lists it with the notes at the '
                "end, and its ↩ link back to the text leads nowhere",
         "put [^旧] in the text where the note belongs, or delete the note")]
    page = fragment(result.html)
    assert page.xpath("//p")[0].text_content() == "见附件[^1]，又见[^1]。数据来源1。"
    assert [a.get("href") for a in page.xpath("//a[@class='footnote-backref']")] == ["#fnref-来源", "#fnref-旧"]
    assert not page.xpath("//*[@id='fnref-旧']")
    fixed = renderer.render(body.replace("[^表]：", "[^表]: ").replace("[^旧]: 早先的注释", "[^1]: 附件").replace(
        "```\n[^z]\n```", "```\n[^z]: 代码里的不是注释\n```"), "a.md", 11)
    assert fixed.problems == ()
    assert [a.text for a in fragment(fixed.html).xpath("//a[@class='footnote-ref']")] == ["3", "3", "1", "2"]
    assert placed(renderer.render("只有一行。\n\n  [^1] ： 附件为调研报告全文\n", "a.md", 1)) == [
        (3, 3, 'a full-width colon (全角冒号 ：) follows "[^1]", so Markdown does not read this line as the '
               "footnote's note (脚注): the page shows it as typed",
         "type a half-width colon and a space (半角): [^1]: 附件为调研报告全文")]


def test_a_star_between_digits_stays_a_star(renderer: MarkdownRenderer) -> None:
    # "3*4米。共计5*6=30" was published as "3<em>4米。共计5</em>6=30": "34米。共计56=30" in italics.
    result = renderer.render("面积3*4米。共计5*6=30。*斜体* 和 **粗体**，2**3**。\n", "a.md", 1)
    assert result.html == ("<p>面积3*4米。共计5*6=30。<em>斜体</em> 和 <strong>粗体</strong>，"
                           "2<strong>3</strong>。</p>")
    reference = MarkdownRenderer(reference=True)
    assert reference.render("面积3*4米。共计5*6=30。\n", "a.md", 1).html == "<p>面积3*4米。共计5*6=30。</p>"


def test_a_list_shown_with_other_numbers_than_typed_is_warned(renderer: MarkdownRenderer) -> None:
    body = ("收集问题清单：\n1. 第一项\n5. 第五项\n6. 第六项\n\n说明一段。\n\n2018. 年度总结\n1. 第一\n3. 第三\n\n"
            "说明二段。\n\n1. 同一\n1. 同一\n\n说明三段。\n\n3. 三\n4. 四\n")
    result = renderer.render(body, "a.md", 1)
    assert [ol.get("start") for ol in fragment(result.html).xpath("//ol")] == [None, "2018", None, "3"]
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (2, 1, "this list is numbered 1, 5, 6 as typed, but the page numbers it 1, 2, 3: Markdown counts on "
               "from the first item's number", "number the items in order, from the first item's number"),
        (8, 1, YEAR + '2018." at the start of this line as a list item\'s number, not as text: the page '
               "shows a numbered list (列表) starting at 2018, and the year is no longer in the text: 2018. 年度总结",
         'to keep the year as typed, type a backslash before its dot: 2018\\. 年度总结 (or write 2018年 in place of '
         '"2018.")')]
    # The items under the year are checked once it is text: a list of their own, from 1.
    followed = renderer.render(body.replace("2018. ", "2018\\. "), "a.md", 1)
    assert "<p>2018. 年度总结</p>\n<ol>\n<li>第一</li>\n<li>第三</li>\n</ol>" in followed.html
    assert [(p.line, p.message) for p in followed.problems][1:] == [
        (9, "this list is numbered 1, 3 as typed, but the page numbers it 1, 2: Markdown counts on from the first "
            "item's number")]
    # A number of 1000 or more that is no year (1900 to 2100) is a list's number, maybe a year all the same.
    assert [p.hint for p in renderer.render("1840. 鸦片战争\n1842. 签订条约\n", "a.md", 1).problems] == [
        'number the items in order, from the first item\'s number; if "1840." begins a line of text (a year), not a '
        "list item, write 1840\\."]


APART = ("to keep this list apart from the list above, which Markdown would join it to, type <!-- --> on a line above "
         "it (a note the page does not show), or a sentence that introduces the list, a blank line above the sentence; "
         "and ")
TWO_LISTS = "<ol>\n<li>坚持需求导向</li>\n<li>坚持问题导向</li>\n</ol>\n{between}<ol>\n<li>建设健身场所</li>\n<li>建设日托中心</li>\n</ol>"


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_two_lists_numbered_in_chinese_style_are_offered_lines_that_keep_them_two(
        renderer: MarkdownRenderer, gap: str) -> None:
    # Each item was offered "1. …" alone: typed so, Markdown joined the two lists into one, numbered 1 to 4, loose
    # (items 2 and 3 in <p>), and the next warning ("numbered 1, 2, 1, 2") told to number them on.
    body = f"①坚持需求导向\n②坚持问题导向{gap}1、建设健身场所\n2、建设日托中心\n"
    result = renderer.render(body, "content/a.md", 1)
    second = 3 + len(gap) - 1
    assert placed(result) == [
        slipped(1, 1, NUMBER_WHAT.format("①", 1), "①坚持需求导向", NUMBER_HOW.format(1), "1. 坚持需求导向"),
        slipped(2, 1, NUMBER_WHAT.format("②", 2), "②坚持问题导向", NUMBER_HOW.format(2), "2. 坚持问题导向"),
        slipped(second, 1, NUMBER_WHAT.format("1、", 1), "1、建设健身场所", APART + NUMBER_HOW.format(1), "1. 建设健身场所"),
        slipped(second + 1, 1, NUMBER_WHAT.format("2、", 2), "2、建设日托中心", NUMBER_HOW.format(2), "2. 建设日托中心")]
    followed = follow_line_hints(body, result).split("\n")
    # The line the hint offers, typed above the item: an HTML comment, or a sentence after a blank line.
    for above, between in (["<!-- -->"], "\n"), (["", "主要项目："][len(gap) - 1:], "<p>主要项目：</p>\n"):
        typed = "\n".join(followed[:second - 1] + above + followed[second - 1:])
        apart = renderer.render(typed, "content/a.md", 1)
        assert apart.problems == ()
        assert apart.html == TWO_LISTS.format(between=between)
    # The hint alone, not followed: one list of 4 items, told once more with the way to keep them two.
    joined = renderer.render("\n".join(followed), "content/a.md", 1)
    assert [len(ol.findall("li")) for ol in fragment(joined.html).xpath("//ol")] == [4]
    assert placed(joined) == [
        (1, 1, "this list is numbered 1, 2, 1, 2 as typed, but the page numbers it 1, 2, 3, 4: Markdown counts on "
               "from the first item's number",
         f"number the items in order, from the first item's number; or, if the items from line {second} on are a "
         f"list of their own, type <!-- --> on a line above line {second} (a note the page does not show), or a "
         "sentence that introduces the list, a blank line above the sentence")]


def below(line: int, how: str = "type <!-- --> on a line above line {line} (a note the page does not show), or a "
                                  "sentence that introduces the list, a blank line above the sentence") -> str:
    """The start of the hint of a slipped list's first item for a Markdown list from ``line`` under it."""
    return (f"to keep the list from line {line} on apart from this one, which Markdown would join it to once this one "
            f"is typed as a list, {how.format(line=line)}; and ")


def test_a_markdown_list_under_a_list_numbered_in_chinese_style_is_told_with_its_first_item(
        renderer: MarkdownRenderer) -> None:
    # "①坚持…" "②坚持…" were offered "1. …" "2. …" alone; typed so, Markdown joined them to "1. 建设…" "2. 建设…" under
    # them, and only then was the editor told, in a second round ("numbered 1, 2, 1, 2"), how to keep them two.
    body = "①坚持需求导向\n②坚持问题导向\n\n1. 建设健身场所\n2. 建设日托中心\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        slipped(1, 1, NUMBER_WHAT.format("①", 1), "①坚持需求导向", below(4) + NUMBER_HOW.format(1), "1. 坚持需求导向"),
        slipped(2, 1, NUMBER_WHAT.format("②", 2), "②坚持问题导向", NUMBER_HOW.format(2), "2. 坚持问题导向")]
    followed = follow_line_hints(body, result).split("\n")
    # The hint followed as it reads: a line above line 4, an HTML comment or a sentence (the blank line above it
    # is there).
    for above, between in (["<!-- -->"], "\n"), (["主要项目："], "<p>主要项目：</p>\n"):
        apart = renderer.render("\n".join(followed[:3] + above + followed[3:]), "content/a.md", 1)
        assert apart.problems == ()
        assert apart.html == TWO_LISTS.format(between=between)
    # Its items alone typed: one list of 4 items, told as before.
    joined = renderer.render("\n".join(followed), "content/a.md", 1)
    assert [len(ol.findall("li")) for ol in fragment(joined.html).xpath("//ol")] == [4]
    assert [(p.line, p.column, p.message) for p in joined.problems] == [
        (1, 1, "this list is numbered 1, 2, 1, 2 as typed, but the page numbers it 1, 2, 3, 4: Markdown counts on "
               "from the first item's number")]


def test_a_list_numbered_in_chinese_style_between_markdown_lists_is_told_both_ways_to_keep_them_apart(
        renderer: MarkdownRenderer) -> None:
    body = "1. 甲项\n2. 乙项\n\n①丙项\n②丁项\n\n1. 戊项\n2. 己项\n"
    result = renderer.render(body, "content/a.md", 1)
    assert placed(result) == [
        slipped(4, 1, NUMBER_WHAT.format("①", 1), "①丙项", APART[:-len("and ")] + below(7) + NUMBER_HOW.format(1),
                "1. 丙项"),
        slipped(5, 1, NUMBER_WHAT.format("②", 2), "②丁项", NUMBER_HOW.format(2), "2. 丁项")]
    lines = follow_line_hints(body, result).split("\n")
    apart = renderer.render("\n".join(lines[:3] + ["<!-- -->"] + lines[3:6] + ["<!-- -->"] + lines[6:]),
                            "content/a.md", 1)
    assert apart.problems == ()
    assert apart.html == ("<ol>\n<li>甲项</li>\n<li>乙项</li>\n</ol>\n\n<ol>\n<li>丙项</li>\n<li>丁项</li>\n</ol>\n\n"
                          "<ol>\n<li>戊项</li>\n<li>己项</li>\n</ol>")


def test_a_markdown_list_under_a_list_numbered_in_chinese_style_in_a_quote_is_told_with_a_sentence(
        renderer: MarkdownRenderer) -> None:
    body = "> ①坚持需求导向\n> ②坚持问题导向\n>\n> 1. 建设健身场所\n> 2. 建设日托中心\n"
    result = renderer.render(body, "content/a.md", 1)
    sentence = ('type a sentence that introduces the list on a line above line {line}, a line of ">" alone above '
                "the sentence")
    assert placed(result) == [
        slipped(1, 3, NUMBER_WHAT.format("①", 1), "> ①坚持需求导向", below(4, sentence) + NUMBER_HOW.format(1),
                "> 1. 坚持需求导向"),
        slipped(2, 3, NUMBER_WHAT.format("②", 2), "> ②坚持问题导向", NUMBER_HOW.format(2), "> 2. 坚持问题导向")]
    lines = follow_line_hints(body, result).split("\n")
    apart = renderer.render("\n".join(lines[:3] + ["> 主要项目："] + lines[3:]), "content/a.md", 1)
    assert apart.problems == ()
    assert apart.html == f"<blockquote>\n{TWO_LISTS.format(between='<p>主要项目：</p>' + chr(10))}\n</blockquote>"


def test_a_list_typed_in_chinese_style_under_a_markdown_list_in_a_quote_is_offered_a_sentence_above_it(
        renderer: MarkdownRenderer) -> None:
    # In a quote an HTML comment ends the list above only with a line of ">" under it too: a sentence is offered.
    body = "> 1. 坚持需求导向\n> 2. 坚持问题导向\n>\n> 1、建设健身场所\n> 2、建设日托中心\n"
    result = renderer.render(body, "content/a.md", 1)
    how = ('to keep this list apart from the list above, which Markdown would join it to, type a sentence that '
           'introduces the list on a line above it, a line of ">" alone above the sentence; and ')
    assert placed(result) == [
        slipped(4, 3, NUMBER_WHAT.format("1、", 1), "> 1、建设健身场所", how + NUMBER_HOW.format(1), "> 1. 建设健身场所"),
        slipped(5, 3, NUMBER_WHAT.format("2、", 2), "> 2、建设日托中心", NUMBER_HOW.format(2), "> 2. 建设日托中心")]
    lines = follow_line_hints(body, result).split("\n")
    apart = renderer.render("\n".join(lines[:3] + ["> 主要项目："] + lines[3:]), "content/a.md", 1)
    assert apart.problems == ()
    assert apart.html == f"<blockquote>\n{TWO_LISTS.format(between='<p>主要项目：</p>' + chr(10))}\n</blockquote>"
    joined = renderer.render("\n".join(lines), "content/a.md", 1)
    assert [p.hint for p in joined.problems] == [
        "number the items in order, from the first item's number; or, if the items from line 4 on are a list of "
        'their own, type a sentence that introduces the list on a line above line 4, a line of ">" alone above the '
        "sentence"]


YEAR = 'Markdown reads the year "'


def _year_hints_followed(renderer: MarkdownRenderer, body: str, problems: tuple[Problem, ...]) -> str:
    """The HTML of ``body`` (rendered from line 5 of content/a.md) with each year warning's hint followed as it
    reads: the line it offers typed in place of the line told, a blank line above it when the hint says so;
    asserted to be warned of nothing."""
    lines = body.split("\n")
    for problem in problems:
        typed = problem.hint.split(": ", 1)[1].split(" (or write", 1)[0]
        lines[problem.line - 5] = ("\n" if "blank line" in problem.hint else "") + typed
    followed = renderer.render("\n".join(lines), "content/a.md", 5)
    assert followed.problems == ()
    return followed.html

def test_a_year_typed_at_the_start_of_a_line_is_warned_as_taken_for_a_list_number(
        renderer: MarkdownRenderer) -> None:
    # "2018. 全年目标完成。" was published as <ol start="2018">, the year gone from the text, and "2020. …" under it
    # as 2019, unwarned.
    body = ("大事记：\n2018. 全年目标完成。\n2020. 巩固提升。\n\n2018.5.12 召开会议\n\n1. 摸排\n2. 整改\n"
            "2019. 验收\n\n> ２０１７. 启动\n\n正文\n\n1. 甲\n2. 乙\n")
    result = renderer.render(body, "content/a.md", 5)
    assert [ol.get("start") for ol in fragment(result.html).xpath("//ol")] == ["2018", None, "2017", None]
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (6, 1, YEAR + '2018." at the start of this line as a list item\'s number, not as text: the page '
               "shows a numbered list (列表) starting at 2018, and the year is no longer in the text: 2018. 全年目标完成。",
         'to keep the year as typed, type a backslash before its dot: 2018\\. 全年目标完成。 (or write 2018年 in place '
         'of "2018.")'),
        (7, 1, YEAR + '2020." at the start of this line as a list item\'s number, not as text: the page '
               "numbers it 2019 in the list that starts at line 6, as Markdown counts on from the first item's "
               "number, and the year is no longer in the text: 2020. 巩固提升。",
         'to keep the year as typed, type a backslash before its dot: 2020\\. 巩固提升。 (or write 2020年 in place '
         'of "2020.")'),
        (13, 1, YEAR + '2019." at the start of this line as a list item\'s number, not as text: the page '
                "numbers it 3 in the list that starts at line 11, as Markdown counts on from the first item's number, "
                "and the year is no longer in the text: 2019. 验收",
         "to keep the year as typed, as a paragraph of its own, leave a blank line above it and type a backslash "
         "before its dot: 2019\\. 验收"),
        (15, 3, YEAR + '２０１７." at the start of this line as a list item\'s number, not as text: the '
                "page shows a numbered list (列表) starting at 2017, and the year is no longer in the text: ２０１７. 启动",
         'to keep the year as typed, type a backslash before its dot: > ２０１７\\. 启动 (or write ２０１７年 in place '
         'of "２０１７.")')]
    assert _year_hints_followed(renderer, body, result.problems) == (
        "<p>大事记：<br>\n2018. 全年目标完成。<br>\n2020. 巩固提升。</p>\n<p>2018.5.12 召开会议</p>\n<ol>\n<li>摸排</li>\n"
        "<li>整改</li>\n</ol>\n<p>2019. 验收</p>\n<blockquote>\n<p>２０１７. 启动</p>\n</blockquote>\n<p>正文</p>\n<ol>\n"
        "<li>甲</li>\n<li>乙</li>\n</ol>")


def test_a_year_in_a_quoted_list_under_an_item_is_offered_a_line_of_quote_signs_above_it(
        renderer: MarkdownRenderer) -> None:
    body = "> > 1. 摸排\n> > 2100. 远景\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (2, 5, 'to keep the year as typed, as a paragraph of its own, leave a line of "> >" alone above it and type '
               "a backslash before its dot: > > 2100\\. 远景")]
    followed = renderer.render("> > 1. 摸排\n> >\n> > 2100\\. 远景\n", "content/a.md", 1)
    assert followed.problems == ()
    assert "<ol>\n<li>摸排</li>\n</ol>\n<p>2100. 远景</p>" in followed.html


@pytest.mark.parametrize("body", ["2018.全年目标完成。\n2019.巩固提升。\n", "2018．全年目标完成。\n2019．巩固提升。\n",
                                  "<div>\n2018. 全年目标完成。\n</div>\n", "年份 | 目标\n--- | ---\n2018. | 完成\n",
                                  "1899. 甲\n", "2101. 乙\n", "18. 甲\n19. 乙\n", "2018年. 甲\n2018) 乙\n"])
def test_a_year_that_markdown_makes_no_list_number_is_not_warned(renderer: MarkdownRenderer, body: str) -> None:
    # Shown as typed ("2018.全年…" was offered "2018. 全年…", which makes the year a list's number; the <div>'s
    # tags, to be deleted, did too), or a list meant.
    result = renderer.render(body, "content/a.md", 1)
    assert result.problems == ()
    assert '<ol start="2018">' not in result.html


def test_a_year_in_a_list_nested_under_an_item_is_warned_with_the_line_at_its_indent(
        renderer: MarkdownRenderer) -> None:
    # "    2018. 启动大调研。" under "- 时间线：" was published as a sub-list from 2018, the year gone, unwarned: only
    # lines at most 3 spaces in were looked at. Python-Markdown nests at 4 spaces or a TAB, at any depth.
    body = ("- 时间线：\n    2018. 启动大调研。\n    2020. 巩固。\n\n正文\n\n1. 摸排\n\t2019. 验收\n\n正文\n\n"
            "- 甲\n    - 乙\n        2021. 深化\n\n正文\n\n> - 引\n>     2017. 启动\n\n正文\n\n- 丙\n    1. 整改\n    2016. 复查\n")
    result = renderer.render(body, "content/a.md", 5)
    assert [ol.get("start") for ol in fragment(result.html).xpath("//ol")] == [
        "2018", None, "2019", "2021", "2017", None]
    four = "type a backslash before its dot, the line indented by 4 spaces (缩进) as now: "
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (6, 5, YEAR + '2018." at the start of this line as a list item\'s number, not as text: the page '
               "shows a numbered list (列表) starting at 2018, and the year is no longer in the text: 2018. 启动大调研。",
         "to keep the year as typed, " + four + '    2018\\. 启动大调研。 (or write 2018年 in place of "2018.")'),
        (7, 5, YEAR + '2020." at the start of this line as a list item\'s number, not as text: the page '
               "numbers it 2019 in the list that starts at line 6, as Markdown counts on from the first item's "
               "number, and the year is no longer in the text: 2020. 巩固。",
         "to keep the year as typed, " + four + '    2020\\. 巩固。 (or write 2020年 in place of "2020.")'),
        (12, 2, YEAR + '2019." at the start of this line as a list item\'s number, not as text: the page '
                "shows a numbered list (列表) starting at 2019, and the year is no longer in the text: 2019. 验收",
         "to keep the year as typed, " + four + '    2019\\. 验收 (or write 2019年 in place of "2019.")'),
        (18, 9, YEAR + '2021." at the start of this line as a list item\'s number, not as text: the page '
                "shows a numbered list (列表) starting at 2021, and the year is no longer in the text: 2021. 深化",
         "to keep the year as typed, type a backslash before its dot, the line indented by 8 spaces (缩进) as now: "
         '        2021\\. 深化 (or write 2021年 in place of "2021.")'),
        (23, 7, YEAR + '2017." at the start of this line as a list item\'s number, not as text: the page '
                "shows a numbered list (列表) starting at 2017, and the year is no longer in the text: 2017. 启动",
         'to keep the year as typed, type a backslash before its dot: >     2017\\. 启动 (or write 2017年 in place '
         'of "2017.")'),
        (29, 5, YEAR + '2016." at the start of this line as a list item\'s number, not as text: the page '
                "numbers it 2 in the list that starts at line 28, as Markdown counts on from the first item's number, "
                "and the year is no longer in the text: 2016. 复查",
         "to keep the year as typed, as a paragraph of its own, leave a blank line above it and type a backslash "
         "before its dot, the line indented by 4 spaces (缩进) as now:     2016\\. 复查")]
    assert _year_hints_followed(renderer, body, result.problems) == (
        "<ul>\n<li>时间线：</li>\n</ul>\n<p>2018. 启动大调研。</p>\n<p>2020. 巩固。</p>\n<p>正文</p>\n<ol>\n<li>摸排</li>\n"
        "</ol>\n<p>2019. 验收</p>\n<p>正文</p>\n<ul>\n<li>甲<ul>\n<li>乙<br>\n    2021. 深化</li>\n</ul>\n</li>\n</ul>\n"
        "<p>正文</p>\n<blockquote>\n<ul>\n<li>引</li>\n</ul>\n<p>2017. 启动</p>\n</blockquote>\n<p>正文</p>\n<ul>\n"
        "<li>\n<p>丙</p>\n<ol>\n<li>整改</li>\n</ol>\n<p>2016. 复查</p>\n</li>\n</ul>")


@pytest.mark.parametrize("body", ["- 时间线：\n  2018. 启动大调研。\n", "- 时间线：\n   2018. 启动大调研。\n",
                                  "- 时间线：\n        2018. 启动大调研。\n", "- 甲\n    - 乙\n    2018. 启动大调研。\n",
                                  "- 时间线：\n\n        2018. 启动大调研。\n"])
def test_a_year_under_an_item_that_markdown_keeps_as_text_is_not_warned(renderer: MarkdownRenderer,
                                                                        body: str) -> None:
    # At 2, 3 or 8 spaces the line is more of the item's text (or code, after a blank line), the year shown: it
    # was told to be indented by 4 spaces, or its spaces deleted, either of which made the year a list's number.
    result = renderer.render(body, "content/a.md", 1)
    assert result.problems == ()
    assert "2018. 启动大调研。" in result.html
    assert "<ol" not in result.html


def test_a_list_inside_a_quote_shown_with_other_numbers_is_warned_at_its_number(renderer: MarkdownRenderer) -> None:
    # A quoted passage with its own numbered list (an excerpt of a document) was not checked.
    body = ("引用文件：\n\n> 1. 摸排\n> 3. 建账\n>\n> > 2. 嵌套\n> > 5. 引用\n\n正文。\n\n"
            "> 1. 对的\n> 2. 对的\n\n```\n> 1. 代码\n> 7. 代码\n```\n")
    result = renderer.render(body, "a.md", 1)
    assert [ol.get("start") for ol in fragment(result.html).xpath("//blockquote//ol")] == [None, "2", None]
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (3, 3, "this list is numbered 1, 3 as typed, but the page numbers it 1, 2: Markdown counts on from the "
               "first item's number"),
        (6, 5, "this list is numbered 2, 5 as typed, but the page numbers it 2, 3: Markdown counts on from the "
               "first item's number")]


def test_a_numbered_list_deep_in_quotes_is_checked_and_a_line_of_quotes_is_read_once(
        renderer: MarkdownRenderer) -> None:
    # "> " typed 25 times took seconds to check, 30 times minutes: each space between two ">" was tried as the
    # end of the quote before it and as the start of the one after it. A page is checked in one pass of each line.
    deep = "> " * 40
    result = renderer.render(f"{deep}1. 摸排\n{deep}3. 建账\n\n" + "> " * 60 + "引用\n", "a.md", 1)
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 81, "this list is numbered 1, 3 as typed, but the page numbers it 1, 2: Markdown counts on from the "
                "first item's number")]


def test_markdown_signs_typed_in_full_width_are_warned(renderer: MarkdownRenderer) -> None:
    # Each was published as typed, unwarned; the ｜ in a table row moved the figure 18 under no heading.
    body = ("＃＃ 全角标题\n\n－ 全角项\n\n＞ 全角引用\n\n＊＊粗体＊＊ 和 `＊＊代码＊＊`\n\n"
            "| 类别 | 收集 |\n| --- | --- |\n| 照明 ｜ 18 |\n\n｜类别｜收集｜\n\n注：＊号表示估计，价格－5元\n")
    result = renderer.render(body, "a.md", 1)
    assert [(p.line, p.column, p.hint) for p in result.problems] == [
        (1, 1, "type it in half width (半角), with a space after it: ## 全角标题"),
        (3, 1, "type it in half width (半角), with a space after it: - 全角项"),
        (5, 1, "type it in half width (半角), with a space after it: > 全角引用"),
        (7, 1, "type them in half width (半角): **粗体**"),
        (11, 6, "type every cell border in half width (半角): | 照明 | 18 |"),
        (13, 1, "type every cell border in half width (半角): |类别|收集|")]
    assert [p.message for p in result.problems][0] == (
        'the "＃＃" is full-width (全角井号), so Markdown reads this line as text, not a heading (标题): ＃＃ 全角标题')
    assert result.problems[4].message == (
        'a full-width "｜" in this table row is text, not a cell border, so the cells after it move one column '
        "left: | 照明 ｜ 18 |")


def test_a_full_width_bar_in_a_title_within_a_row_with_every_border_is_text(renderer: MarkdownRenderer) -> None:
    # "大调研微访谈｜白鹤镇：…" (a WeChat article's title) in a cell was told to become a border: followed, the title
    # was cut in two and the source fell out of the table.
    body = ("| 日期 | 标题 | 来源 |\n| --- | --- | --- |\n| 2018-05-03 | 大调研微访谈｜白鹤镇：补好短板 | 上海热线 |\n"
            "| 2018-06-01 | 大调研微访谈｜赵巷镇 |\n")
    result = renderer.render(body, "a.md", 1)
    assert "<td>大调研微访谈｜白鹤镇：补好短板</td>" in result.html
    assert [(p.line, p.column) for p in result.problems] == [(4, 22)]  # a border short: this ｜ may stand for it


def test_headings_typed_with_a_full_width_number_sign_are_warned_with_the_line_to_type(
        renderer: MarkdownRenderer) -> None:
    # "＃＃标题" (no space) was published unwarned as a paragraph "＃＃标题", missing from the table of contents;
    # "#＃ 标题" was warned as a level-1 heading whose "#" is dropped, with the hint to write "\\#＃ 标题".
    body = ("## 前言\n\n＃＃标题一\n\n＃＃　标题二\n\n#＃ 标题三\n\n＃#标题四\n\n##＃小节 ＃＃＃＃\n\n＃标题五\n\n"
            "＃1号楼已完成加装电梯。\n\n＃Ａ栋和＃２号楼\n\n＃大调研＃ 话题\n\n＃＃＃＃＃＃＃ 七个\n\n"
            "```\n＃＃代码\n```\n\n    ＃＃ 缩进的代码\n\n`＃＃代码`\n")
    result = renderer.render(body, "a.md", 1)
    assert [h.text for h in result.headings] == ["前言", "＃小节 ＃＃＃＃"]  # an h1 is not in the table of contents
    assert "<h1 id=\"标题三\">＃ 标题三</h1>" in result.html
    text, no_space = "reads this line as text, not a heading (标题)", " and has no space after it"
    half = "type it in half width (半角), with a space after it: "
    second = ("for a heading, type ## in half width (半角) and a space (二级标题: the page title is the only level-1 "
              "heading): ")
    assert placed(result) == [
        (3, 1, f'the "＃＃" is full-width (全角井号){no_space}, so Markdown {text}: ＃＃标题一', half + "## 标题一"),
        (5, 1, f'the "＃＃" is full-width (全角井号), so Markdown {text}: ＃＃\u3000标题二', half + "## 标题二"),
        (7, 1, 'the "#＃" mixes half-width "#" and full-width "＃" (全角井号), so Markdown makes this line a level-1 '
               'heading (一级标题) with "＃" in its text: #＃ 标题三', half + "## 标题三"),
        (9, 1, f'the "＃#" mixes half-width "#" and full-width "＃" (全角井号), so Markdown {text}: ＃#标题四',
         half + "## 标题四"),
        (11, 1, 'the "##＃" mixes half-width "#" and full-width "＃" (全角井号), so Markdown makes this line a '
                'level-2 heading with "＃" in its text: ##＃小节 ＃＃＃＃', half + "### 小节"),
        (13, 1, f'the "＃" is full-width (全角井号){no_space}, so Markdown {text}: ＃标题五', second + "## 标题五")]
    fixed = renderer.render(follow_line_hints(body, result), "a.md", 1)
    assert fixed.problems == ()
    assert [(h.level, h.text) for h in fixed.headings] == [
        (2, "前言"), (2, "标题一"), (2, "标题二"), (2, "标题三"), (2, "标题四"), (3, "小节"), (2, "标题五")]


def test_a_heading_closed_by_full_width_number_signs_is_warned_with_the_line_to_type(
        renderer: MarkdownRenderer) -> None:
    # "## 标题 ＃＃" was published as <h2>标题 ＃＃</h2>, unwarned, while a leading "＃＃" is warned.
    body = ("## 标题 ＃＃\n\n## 单个尾部 ＃\n\n> ### 引文 #＃\n\n## 话题 ＃大调研＃\n\n## 学习C＃\n\n"
            "```\n## 代码 ＃＃\n```\n")
    result = renderer.render(body, "a.md", 1)
    assert '<h2 id="标题">标题 ＃＃</h2>' in result.html
    assert '<h2 id="话题-大调研">话题 ＃大调研＃</h2>' in result.html  # a topic tag, not closing signs
    delete = "delete it (a heading needs no closing #): "
    kept = "so Markdown keeps it in the heading's text"
    assert placed(result) == [
        (1, 7, f'the closing "＃＃" of this heading is full-width (全角井号), {kept}: ## 标题 ＃＃', delete + "## 标题"),
        (3, 9, f'the closing "＃" of this heading is full-width (全角井号), {kept}: ## 单个尾部 ＃',
         delete + "## 单个尾部"),
        (5, 10, f'the closing "#＃" of this heading mixes half-width "#" and full-width "＃" (全角井号), {kept}: '
                "> ### 引文 #＃", delete + "> ### 引文")]
    fixed = renderer.render(follow_line_hints(body, result), "a.md", 1)
    assert fixed.problems == ()
    assert '<h2 id="标题">标题</h2>\n<h2 id="单个尾部">单个尾部</h2>' in fixed.html.replace("\n\n", "\n")
    assert '<h3 id="引文">引文</h3>' in fixed.html


def test_bold_never_closed_is_warned_where_the_page_shows_its_stars(renderer: MarkdownRenderer) -> None:
    # "- **131份已提交区相关部门；" (the closing stars forgotten) and "共开展调研**325批次" were published with "**"
    # before the figure, and check said nothing.
    body = ("截至4月26日，各调研组共开展调研**325批次，共收集问题清单287份，其中：\n\n"
            "- **131份已提交区相关部门；\n- **109份**已解决；\n\n"
            # Shown as typed, and meant so: a name's hidden characters, the end of a bold begun elsewhere, a
            # formula, stars typed after a backslash, code, a rule.
            "王**反映情况。\n\n这是重点**。\n\n2**10\n\n\\*\\*星号\n\n`**代码`\n\n***\n\n"
            "跨行的**加粗\n到这里**为止。\n")
    result = renderer.render(body, "a.md", 1)
    assert "共开展调研**325批次" in result.html and "<li>**131份已提交区相关部门；</li>" in result.html
    for shown in ("<p>王**反映情况。</p>", "<p>这是重点**。</p>", "<p>2**10</p>", "<p>**星号</p>"):
        assert shown in result.html
    assert "<strong>加粗<br>\n到这里</strong>" in result.html  # closed on the next line of its paragraph
    hint = ('write "**" again right after the last word to be bold (**重点**内容); if the stars are meant to show, type '
            "a backslash before each: \\*\\*")
    opens = 'this "**" opens bold (加粗) that is never closed, so the page shows the two stars: '
    assert placed(result) == [
        (1, 18, opens + "…6日，各调研组共开展调研**325批次，共收集问题清单287份，其中：", hint),
        (3, 3, opens + "- **131份已提交区相关部门；", hint)]
    mended = body.replace("**325批次", "**325批次**").replace("**131份已", "**131份**已")
    assert placed(renderer.render(mended, "a.md", 1)) == []


def test_bold_typed_with_a_space_inside_its_stars_is_warned(renderer: MarkdownRenderer) -> None:
    # "** 重点 **" (a space from an input method or a Word habit) was published with its stars, unwarned; in
    # the first line Markdown even bolded "内容，" between the two pairs.
    body = ("这是** 重点 **内容，**难点 **也要讲。\n\n- **\u3000堵点\u3000**：全角空格\n\n这是__ 亮点 __。\n\n"
            "`** 代码 **` 和 **重点**：**“要点”**照常加粗\n\n```\n** 代码 **\n```\n\n"
            "面积 2 ** 3 ** 4，\\*\\* 星号 \\*\\*，3 * 4 * 5\n\n* 列表 *\n")
    result = renderer.render(body, "a.md", 1)
    assert "<p>这是** 重点 <strong>内容，</strong>难点 **也要讲。</p>" in result.html
    stars = "to make it bold, write the text right against the stars, with no space between (星号内侧不留空格): "
    shown = "; if the stars are meant to show, type a backslash before each: \\*\\*"
    assert placed(result) == [
        (1, 3, 'a space just inside the "**" keeps Markdown from making this bold (加粗), so the page shows the '
               "stars as typed: ** 重点 **", stars + "**重点**" + shown),
        (1, 14, 'a space just inside the "**" keeps Markdown from making this bold (加粗), so the page shows the '
                "stars as typed: **难点 **", stars + "**难点**" + shown),
        (3, 3, 'a full-width space (全角空格) just inside the "**" keeps Markdown from making this bold (加粗), so '
               "the page shows the stars as typed: **\u3000堵点\u3000**", stars + "**堵点**" + shown),
        (5, 3, 'a space just inside the "__" keeps Markdown from making this bold (加粗), so the page shows the '
               "underscores as typed: __ 亮点 __",
         "to make it bold, write it between stars, with no space inside them (星号内侧不留空格): **亮点** (next to "
         "Chinese characters, __ makes no bold even without spaces); if the underscores are meant to show, type a "
         "backslash before each: \\_\\_")]
    fixed = renderer.render(body.replace("** 重点 **", "**重点**").replace("**难点 **", "**难点**")
                            .replace("**\u3000堵点\u3000**", "**堵点**").replace("__ 亮点 __", "**亮点**"), "a.md", 1)
    assert fixed.problems == ()
    assert [strong.text for strong in fragment(fixed.html).xpath("//strong")] == [
        "重点", "难点", "堵点", "亮点", "重点", "“要点”"]


def test_stars_with_a_space_outside_them_are_no_bold_typed_wrong(renderer: MarkdownRenderer) -> None:
    # Stars for hidden characters (王** 和李** 两位) and formulas (x ** 2) were warned as bold typed with a
    # space inside, with a hint that, followed, turned them into bold. A space outside the stars, in the
    # middle of a line, says they are no bold; a list item's marker before bold is no such space.
    body = ("王** 和李** 两位同志。\n\n面积按 x ** 2 计，体积按 y ** 3 计。\n\n计算：2 ** 3 = 8，以及 a ** b ** c。\n\n"
            "公式 a ** b 和 c ** d\n\n> ** 引用里的重点 **\n\n## ** 标题里的重点 **\n\n1. ** 第一条 **\n")
    result = renderer.render(body, "a.md", 1)
    assert [(p.line, p.column, p.message.rsplit(": ", 1)[1]) for p in result.problems] == [
        (9, 3, "** 引用里的重点 **"), (11, 4, "** 标题里的重点 **"), (13, 4, "** 第一条 **")]


def test_link_and_picture_addresses_typed_in_full_width_with_a_final_stop_or_broken_by_a_copy_are_warned(
        renderer: MarkdownRenderer) -> None:
    # A full-width slash in the host was dropped by the sanitizer: a link to nowhere, a picture without its
    # file, and no message. The others were published as typed, a space beside a "/" too (an address broken
    # over two lines where it was copied). Real addresses with （）, ， or a space inside a name are left alone.
    body = ("见[原文](https://www.shcafe.org／shzxxw/120946.html)。\n\n![座谈会](https：//example.org/a.png)\n\n"
            "[两次](https://ｅｘａｍｐｌｅ.org/) 和 [两次](https://ｅｘａｍｐｌｅ.org/)\n\n[原文](http://x.org/a.html。)\n\n"
            "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf) [搜索](https://www.baidu.com/s?wd=白鹤，大调研)\n\n"
            "`[代码](https：//example.org/)`\n\n详见[原文](http://www.shcafe.org/shzxxw/ 120946.html)。\n\n"
            "[报告](https://example.org/files/my report.pdf) [本站](/files/a b.pdf)\n")
    result = renderer.render(body, "a.md", 10)
    wide = "is typed with full-width signs (全角符号), which an address cannot hold"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (10, 7, f'this link\'s address "https://www.shcafe.org／shzxxw/120946.html" {wide}',
         "type it in half width (半角): https://www.shcafe.org/shzxxw/120946.html"),
        (12, 8, f'this picture\'s address "https：//example.org/a.png" {wide}',
         "type it in half width (半角): https://example.org/a.png"),
        (14, 6, f'this link\'s address "https://ｅｘａｍｐｌｅ.org/" {wide}', "type it in half width (半角): https://example.org/"),
        (14, 35, f'this link\'s address "https://ｅｘａｍｐｌｅ.org/" {wide}', "type it in half width (半角): https://example.org/"),
        (16, 6, 'this link\'s address "http://x.org/a.html。" ends in "。", which would be taken as part of the address',
         'delete the "。" at the end: http://x.org/a.html'),
        (22, 8, 'this link\'s address "http://www.shcafe.org/shzxxw/ 120946.html" has a space beside a "/", most often '
                "a line break copied with it, which breaks the address",
         "delete the space: http://www.shcafe.org/shzxxw/120946.html")]
    followed = renderer.render("详见[原文](http://www.shcafe.org/shzxxw/120946.html)。\n", "a.md", 10)
    assert followed.problems == () and 'href="http://www.shcafe.org/shzxxw/120946.html"' in followed.html


def test_a_title_in_quotes_markdown_does_not_read_is_warned_with_the_picture_or_link_to_type(
        renderer: MarkdownRenderer) -> None:
    # The title became part of the address, unwarned: <img src='images/a.svg "白鹤草莓”'>, a missing picture.
    body = ('![草莓](images/a.svg "白鹤草莓”)\n\n![草莓](images/a.svg “白鹤草莓”)\n\n'
            "![草莓](<images/a b.svg> '白鹤草莓’) 和 [文字](https://x.org \"标题”)\n\n"
            '[![草莓](images/a.svg "甲)](https://x.org "乙")\n\n'
            '![对的](images/a.svg "白鹤草莓") ![对的](images/a.svg \'“白鹤”草莓\') `![代码](a.svg "t”)`\n\n'
            '![多](images/a.svg "白鹤" 草莓)\n\n![两个](images/a.svg \'白鹤\' "草莓")\n\n'
            '![草莓](images/a.svg "白鹤草莓”)，见"说明")\n\n'
            '```\n![代码](a.svg "t”)\n```\n')
    result = renderer.render(body, "a.md", 5)
    assert [img.get("src") for img in fragment(result.html).xpath("//img")][:4] == [
        'images/a.svg "白鹤草莓”', "images/a.svg “白鹤草莓”", "<images/a b.svg> '白鹤草莓’", 'images/a.svg "甲']
    assert fragment(result.html).xpath("//img")[-1].get("title") == '白鹤草莓”)，见"说明'
    picture = "so Markdown reads it as part of the picture's path, and the picture is missing: "
    hint = 'put the title between two half-width quotes (半角引号 "…"): '
    assert placed(result) == [
        (5, 1, f'the title of this picture is in quotes that do not match ("…”), {picture}'
               '![草莓](images/a.svg "白鹤草莓”)', hint + '![草莓](images/a.svg "白鹤草莓")'),
        (7, 1, f"the title of this picture is in full-width quotes (“…”, 全角引号), {picture}"
               "![草莓](images/a.svg “白鹤草莓”)", hint + '![草莓](images/a.svg "白鹤草莓")'),
        (9, 1, f"the title of this picture is in quotes that do not match ('…’), {picture}"
               "![草莓](<images/a b.svg> '白鹤草莓’)", hint + '![草莓](<images/a b.svg> "白鹤草莓")'),
        (9, 34, 'the title of this link is in quotes that do not match ("…”), so Markdown reads it as part of the '
                'link\'s address, and the link leads nowhere: [文字](https://x.org "标题”)',
         hint + '[文字](https://x.org "标题")'),
        (11, 2, f'the title of this picture has no closing quote ("…), {picture}![草莓](images/a.svg "甲)',
         hint + '![草莓](images/a.svg "甲")'),
        (15, 1, f'the title of this picture has more text after its closing quote ("白鹤" 草莓), {picture}'
                '![多](images/a.svg "白鹤" 草莓)', hint + '![多](images/a.svg "白鹤 草莓")'),
        (17, 1, f"the title of this picture is followed by another ('白鹤'), {picture}"
                '![两个](images/a.svg \'白鹤\' "草莓")', hint + '![两个](images/a.svg "白鹤 草莓")'),
        (19, 1, 'the title of this picture is in quotes that do not match ("…”), so Markdown reads the title on to a '
                'later quote and hides the text typed after the picture in it: ![草莓](images/a.svg "白鹤草莓”)',
         hint + '![草莓](images/a.svg "白鹤草莓")')]
    fixed = body
    for problem in result.problems:
        typed, meant = problem.message.rsplit(": ", 1)[1], problem.hint.rsplit(": ", 1)[1]
        fixed = fixed.replace(typed, meant, 1)
    again = renderer.render(fixed, "a.md", 5)
    assert again.problems == ()
    assert [(img.get("src"), img.get("title")) for img in fragment(again.html).xpath("//img")] == [
        ("images/a.svg", "白鹤草莓"), ("images/a.svg", "白鹤草莓"), ("images/a b.svg", "白鹤草莓"),
        ("images/a.svg", "甲"), ("images/a.svg", "白鹤草莓"), ("images/a.svg", "“白鹤”草莓"),
        ("images/a.svg", "白鹤 草莓"), ("images/a.svg", "白鹤 草莓"), ("images/a.svg", "白鹤草莓")]
    assert '<img alt="草莓" src="images/a.svg" title="白鹤草莓">，见"说明")</p>' in again.html
    assert [(a.get("href"), a.get("title")) for a in fragment(again.html).xpath("//a")] == [
        ("https://x.org", "标题"), ("https://x.org", "乙")]


def test_words_after_a_web_address_without_quotes_are_warned_with_the_link_to_type(
        renderer: MarkdownRenderer) -> None:
    # [原文](http://… 上海热线) was published as href="http://… 上海热线": a link to nowhere on the other site,
    # and the words shown nowhere, unwarned. A file name with a space, an address broken by a copy, a query
    # with a space, a title in quotes and a path of this site (told by the link check) are no such words.
    body = ("详见[原文](http://www.shcafe.org/shzxxw/120946.html 上海热线)。\n\n"
            "![草莓](https://example.org/a.jpg 白鹤 草莓)\n\n"
            "[报告](https://example.org/files/my report.pdf) [原文](http://www.shcafe.org/shzxxw/ 120946.html)\n\n"
            "[搜索](https://www.baidu.com/s?wd=白鹤 大调研) [对的](https://x.org \"标题\") [本站](/cases/a/ 案例)\n\n"
            "`[代码](https://x.org 甲)`\n\n- 见[原文](http://x.org/\n  上海热线)\n")
    result = renderer.render(body, "a.md", 5)
    assert [a.get("href") for a in fragment(result.html).xpath("//a")][0] == (
        "http://www.shcafe.org/shzxxw/120946.html 上海热线")
    quotes = 'to make them its title (标题, shown when the pointer rests on it), put them between two half-width quotes ' \
             '(半角引号 "…"): '
    assert placed(result) == [
        (5, 3, 'the words "上海热线" after the address of this link have no quotes, so Markdown reads them as part of '
               "the address: the link leads nowhere and the words are not shown: "
               "[原文](http://www.shcafe.org/shzxxw/120946.html 上海热线)",
         quotes + '[原文](http://www.shcafe.org/shzxxw/120946.html "上海热线"); to show them on the page, write them '
                  "after the link: [原文](http://www.shcafe.org/shzxxw/120946.html) 上海热线"),
        (7, 1, 'the words "白鹤 草莓" after the address of this picture have no quotes, so Markdown reads them as part '
               "of the address: the picture is missing and the words are not shown: "
               "![草莓](https://example.org/a.jpg 白鹤 草莓)",
         quotes + '![草莓](https://example.org/a.jpg "白鹤 草莓")'),
        (9, 52, 'this link\'s address "http://www.shcafe.org/shzxxw/ 120946.html" has a space beside a "/", most often '
                "a line break copied with it, which breaks the address",
         "delete the space: http://www.shcafe.org/shzxxw/120946.html"),
        (15, 4, 'the words "上海热线" after the address of this link have no quotes, so Markdown reads them as part of '
                "the address: the link leads nowhere and the words are not shown: [原文](http://x.org/   上海热线)",
         quotes + '[原文](http://x.org/ "上海热线"); to show them on the page, write them after the link: '
                  "[原文](http://x.org/) 上海热线")]
    followed = renderer.render("详见[原文](http://www.shcafe.org/shzxxw/120946.html) 上海热线。\n\n"
                               '![草莓](https://example.org/a.jpg "白鹤 草莓")\n', "a.md", 5)
    assert followed.problems == ()
    assert '<a href="http://www.shcafe.org/shzxxw/120946.html">原文</a> 上海热线。' in followed.html
    assert [(img.get("src"), img.get("title")) for img in fragment(followed.html).xpath("//img")] == [
        ("https://example.org/a.jpg", "白鹤 草莓")]

def test_a_link_definition_whose_title_is_in_quotes_markdown_does_not_read_is_warned(
        renderer: MarkdownRenderer) -> None:
    # The definition was shown as typed, and ![草莓][草莓图] as text, unwarned.
    body = ('![草莓][草莓图] 和 [文字][原文]\n\n[草莓图]: images/a.svg "白鹤草莓”\n[原文]: <https://x.org> “标题”\n'
            '[3]: 上海热线新闻网，2018年 "甲”\n\n```\n[4]: images/b.svg "乙”\n```\n')
    result = renderer.render(body, "a.md", 1)
    assert "<p>![草莓][草莓图] 和 [文字][原文]</p>" in result.html
    shown = "so Markdown does not read the line as one: the page shows it as typed, and"
    hint = 'put the title between two half-width quotes (半角引号 "…"): '
    assert placed(result) == [
        (3, 1, f'the title of this link definition (链接定义) is in quotes that do not match ("…”), {shown} [草莓图] '
               'in the text as text: [草莓图]: images/a.svg "白鹤草莓”', hint + '[草莓图]: images/a.svg "白鹤草莓"'),
        (4, 1, f"the title of this link definition (链接定义) is in full-width quotes (“…”, 全角引号), {shown} [原文] in "
               "the text as text: [原文]: <https://x.org> “标题”", hint + '[原文]: <https://x.org> "标题"')]
    lines = body.split("\n")
    for problem in result.problems:
        lines[problem.line - 1] = problem.hint.split("): ", 1)[1]
    fixed = renderer.render("\n".join(lines), "a.md", 1)
    assert fixed.problems == ()
    page = fragment(fixed.html)
    assert [(img.get("src"), img.get("title")) for img in page.xpath("//img")] == [("images/a.svg", "白鹤草莓")]
    assert [(a.get("href"), a.get("title")) for a in page.xpath("//a")] == [("https://x.org", "标题")]


def test_tables_markdown_shows_as_text_are_warned(renderer: MarkdownRenderer) -> None:
    # Pipe rows without the --- line, and rows pasted from Excel (cells between TABs), were published as
    # text, unwarned.
    body = ("| 类别 | 收集 | 已解决 |\n| 照明 | 18 | 10 |\n\n类别\t收集\t已解决\n照明\t18\t10\n\n"
            "| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n| 一行 |\n\n\t缩进\t段落\n\t第二行\n\n```\n| x | y |\n| 1 | 2 |\n```\n")
    result = renderer.render(body, "a.md", 1)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, 1, "these 2 lines look like a table (表格), but no line of --- is under the first row, so Markdown "
               "shows them as text, pipes and all", "add this line under the first row: | --- | --- | --- |"),
        (4, 1, "these 2 lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown shows "
               "them as text, not as a table",
         "type the table with | between cells and a line of --- under the first row: | 类别 | 收集 | 已解决 |, "
         "then | --- | --- | --- |, then one row per line")]
    fixed = renderer.render("| 类别 | 收集 | 已解决 |\n| --- | --- | --- |\n| 照明 | 18 | 10 |\n", "a.md", 1)
    assert fixed.problems == () and len(fragment(fixed.html).cssselect("table tr")) == 2


def test_a_row_pasted_alone_from_a_spreadsheet_is_warned_with_a_table_to_type(renderer: MarkdownRenderer) -> None:
    # One row copied from Excel (照明<TAB>18<TAB>10) was published as "照明 18 10", unwarned: only two rows or more
    # were told.
    body = "调研情况：\n\n照明\t18\t10\n\n> 道路\t5户\t3户\n\n时间：5月3日\t地点：镇政府\t主持：张三\n\n说明\t18\n"
    result = renderer.render(body, "content/a.md", 1)
    assert "<p>照明  18  10</p>" in result.html
    message = ("this line holds cells separated by TABs, as pasted from a row of Excel or WPS (表格), so Markdown shows "
               "it as text, the cells run together with a space between, not as a table")
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (3, 1, message, "to show it as a table, type a heading row (表头) above it, a line of --- under that and | "
                        "between cells: | 列1 | 列2 | 列3 |, then | --- | --- | --- |, then | 照明 | 18 | 10 |, with "
                        "the columns' names in place of 列1 …"),
        (5, 1, message, "to show it as a table, type a heading row (表头) above it, a line of --- under that and | "
                        "between cells: > | 列1 | 列2 | 列3 |, then > | --- | --- | --- |, then > | 道路 | 5户 | 3户 |, "
                        "with the columns' names in place of 列1 …")]
    lines = body.split("\n")
    for problem in result.problems:
        lines[problem.line - 1] = "\n".join(problem.hint.split(": ", 1)[1].split(", with the")[0].split(", then "))
    followed = renderer.render("\n".join(lines), "content/a.md", 1)
    assert followed.problems == ()
    tables = fragment(followed.html).xpath("//table")
    assert [[[cell.text for cell in row] for row in table.xpath(".//tr")] for table in tables] == [
        [["列1", "列2", "列3"], ["照明", "18", "10"]], [["列1", "列2", "列3"], ["道路", "5户", "3户"]]]
    assert [table.getparent().getparent().tag for table in tables] == ["div", "blockquote"]


def test_rows_of_cells_in_a_quote_or_after_bullets_are_offered_a_table_without_the_signs_in_a_cell(
        renderer: MarkdownRenderer) -> None:
    # The first cell offered was "> 类别" or "- 照明": typed so, the ">" or "-" was in the table.
    quoted = renderer.render("> 类别\t收集\t已解决\n> 照明\t18\t10\n", "a.md", 1)
    assert [p.hint for p in quoted.problems] == [
        "type the table with | between cells and a line of --- under the first row: > | 类别 | 收集 | 已解决 |, then "
        '> | --- | --- | --- |, then one row per line, each after "> "']
    followed = renderer.render("> | 类别 | 收集 | 已解决 |\n> | --- | --- | --- |\n> | 照明 | 18 | 10 |\n", "a.md", 1)
    assert followed.problems == () and len(fragment(followed.html).cssselect("blockquote table tr")) == 2
    bullets = renderer.render("- 照明\t18\t10\n- 道路\t5\t3\n", "a.md", 1)
    assert [p.hint for p in bullets.problems] == [
        "type the table with | between cells and a line of --- under the first row: | 照明 | 18 | 10 |, then "
        "| --- | --- | --- |, then one row per line"]


def test_a_pipe_table_typed_with_an_indent_is_offered_at_the_lines_start(renderer: MarkdownRenderer) -> None:
    # A table indented 4 spaces or by a TAB (under a list item, say) was published a paragraph per row, pipes and
    # all, unwarned: the tables extension reads no indented row, and indented code blocks are off.
    body = ("- 照明问题：\n    | 类别 | 收集 |\n    | --- | --- |\n    | 照明 | 18 |\n    | 道路 | 7 |\n\n- 下一项\n\n"
            "正文\n\n\t| 甲 | 乙 |\n\t| --- | --- |\n\t| 丙 | 丁 |\n\n    | 戊 | 己 |\n    | 庚 | 辛 |\n")
    result = renderer.render(body, "content/a.md", 1)
    assert "<p>| 甲 | 乙 |</p>" in result.html and "<br>\n    | 类别 | 收集 |<br>" in result.html
    told = ("these {} lines are a table (表格) typed with an indent (缩进) of {}, so Markdown shows each row as text, "
            "pipes and all, not as a table")
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (2, 5, told.format(4, "4 spaces"), "Markdown reads no table among the lines of a list item (列表); type each "
         "line at its start, not indented, so that it goes under the item, out of the list: | 类别 | 收集 |, then | "
         "--- | --- |, then | 照明 | 18 |, then the other rows"),
        (11, 2, told.format(3, "a TAB (制表符)"), "type each line at its start, not indented: | 甲 | 乙 |, then "
         "| --- | --- |, then | 丙 | 丁 |")]  # 戊己: no line of --- under the first row, no table meant
    followed = "\n".join(line.lstrip(" \t") if line.lstrip(" \t").startswith(("| 类别", "| 照明", "| 道路", "| 甲",
                                                                             "| 丙", "| ---")) else line
                         for line in body.split("\n"))
    again = renderer.render(followed, "content/a.md", 1)
    assert again.problems == ()
    tables = fragment(again.html).xpath("//table")
    assert [[[cell.text for cell in row] for row in table.xpath(".//tr")] for table in tables] == [
        [["类别", "收集"], ["照明", "18"], ["道路", "7"]], [["甲", "乙"], ["丙", "丁"]]]
    assert [table.xpath("ancestor::li") for table in tables] == [[], []]


def test_a_table_a_loose_list_item_takes_in_is_left_alone(renderer: MarkdownRenderer) -> None:
    # After a blank line, a list item's text goes on indented: with an item after it, the table is read there,
    # inside the item. Told only where the page shows the rows as text (the last item's, say).
    body = "1. 统计：\n\n    | 户数 | 已走访 |\n    |:---|---:|\n    | 42 | 30 |\n\n2. 其他\n"
    result = renderer.render(body, "content/a.md", 1)
    assert [[cell.text for cell in row] for row in fragment(result.html).xpath("//li//tr")] == [["户数", "已走访"],
                                                                                                ["42", "30"]]
    assert result.problems == ()


def test_rows_of_cells_indented_under_a_list_item_are_offered_a_table_out_of_the_list(
        renderer: MarkdownRenderer) -> None:
    # Rows pasted from Excel under a list item, indented by 4 spaces, a TAB or 2 spaces (in a quote too), were
    # published as text, the cells run together, unwarned: only rows at a line's start were looked at. A table
    # is read in no list item, so the one offered goes at the line's start, under the item.
    body = ("主要数据：\n\n- 照明问题：\n    照明\t18\t10\n    道路\t5\t3\n- 下一项\n\n1. 统计：\n\t路面\t42户\t30户\n2. 其他\n\n"
            "> - 引用：\n>   绿化\t7\t2\n\n正文\n    类别\t收集\t解决\n    照明\t18\t10\n\n- 要点：\n    •\t第一项\n    •\t第二项\n")
    result = renderer.render(body, "content/a.md", 1)
    assert "<li>统计：<br>\n    路面  42户 30户</li>" in result.html
    rows = "these 2 lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown shows them as " \
           "text, not as a table"
    row = ("this line holds cells separated by TABs, as pasted from a row of Excel or WPS (表格), so Markdown shows it "
           "as text, the cells run together with a space between, not as a table")
    out = "Markdown reads no table among the lines of a list item (列表); "
    where = ", each line at its start, not indented (缩进)"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (4, 1, rows, out + "type the table with | between cells and a line of --- under the first row" + where
         + ", so that it goes under the item, out of the list: | 照明 | 18 | 10 |, then | --- | --- | --- |, then one "
           "row per line"),
        (9, 1, row, out + "to show it as a table, type a heading row (表头) above it, a line of --- under that and | "
                          "between cells" + where + ", so that it goes under the item, out of the list: | 列1 | 列2 "
                          "| 列3 |, then | --- | --- | --- |, then | 路面 | 42户 | 30户 |, with the columns' names in "
                          "place of 列1 …"),
        (13, 1, row, out + "to show it as a table, type a heading row (表头) above it, a line of --- under that and | "
                           "between cells" + where + ", so that it goes under the item, out of the list: > | 列1 | "
                           "列2 | 列3 |, then > | --- | --- | --- |, then > | 绿化 | 7 | 2 |, with the columns' names "
                           "in place of 列1 …"),
        (16, 1, rows, "type the table with | between cells and a line of --- under the first row" + where
         + ": | 类别 | 收集 | 解决 |, then | --- | --- | --- |, then one row per line"),
        # A bullet and a TAB are Word's list, not cells: its items go under the item above.
        *(slipped(line, 5, 'the sign before the text is "•" (a bullet, 项目符号), not "-"', f"•\t{text}",
                  BULLET_HOW + ", the line indented by 4 spaces (缩进) to go under the item above (下一级)",
                  f"    - {text}") for line, text in [(20, "第一项"), (21, "第二项")])]
    lines: list[str | None] = list(body.split("\n"))
    for problem in result.problems:
        offered = problem.hint.split(": ", 1)[1].split(", with the")[0].split(", then ")
        if offered[-1] == "one row per line":  # the rows under the first, each as the first is offered
            below = str(lines[problem.line])
            offered[-1] = "| " + " | ".join(cell.strip() for cell in below.split("\t") if cell.strip()) + " |"
            lines[problem.line] = None
        lines[problem.line - 1] = "\n".join(offered)
    followed = renderer.render("\n".join(line for line in lines if line is not None), "content/a.md", 1)
    assert followed.problems == ()
    tables = fragment(followed.html).xpath("//table")
    assert [[[cell.text for cell in row] for row in table.xpath(".//tr")] for table in tables] == [
        [["照明", "18", "10"], ["道路", "5", "3"]], [["列1", "列2", "列3"], ["路面", "42户", "30户"]],
        [["列1", "列2", "列3"], ["绿化", "7", "2"]], [["类别", "收集", "解决"], ["照明", "18", "10"]]]
    assert [table.xpath("ancestor::li") for table in tables] == [[], [], [], []]
    assert [li.text for li in fragment(followed.html).xpath("//li")] == ["照明问题：", "下一项", "统计：", "其他",
                                                                         "引用：", "要点：", "第一项", "第二项"]
    assert fragment(followed.html).xpath("//li[.='要点：' or starts-with(., '要点：')]/ul/li/text()") == ["第一项",
                                                                                                        "第二项"]
    assert fragment(followed.html).xpath("//ol/@start") == ["2"]


def test_a_table_separator_typed_with_full_width_or_long_dashes_is_warned_at_that_line(
        renderer: MarkdownRenderer) -> None:
    # "| －－ | －－ |" was told "no line of --- is under the first row", with a line to add: followed, the page
    # showed a row of "－－" under the heading.
    body = ("| 类别 | 收集 |\n| －－ | －－ |\n| 路面 | 42 |\n| 照明 | 18 |\n\n"
            "| 类别 | 收集 |\n| ：－－ | －－： |\n| 路面 | 42 |\n\n类别 | 收集\n—— | ——\n路面 | 42\n\n"
            "```\n| a | b |\n| －－ | －－ |\n```\n")
    result = renderer.render(body, "a.md", 1)
    assert "<table" not in result.html and "<p>| 类别 | 收集 |<br>\n| －－ | －－ |<br>" in result.html
    shown = "so Markdown does not read it as that line and shows the table as text, pipes and all"
    how = "type it in half width (半角), in place of this line: "
    assert placed(result) == [
        (2, 3, f"the line under the table's first row is typed with full-width dashes (全角 －), {shown}",
         how + "| --- | --- |"),
        (7, 3, "the line under the table's first row is typed with full-width dashes (全角 －) and full-width colons "
               f"(全角冒号 ：), {shown}", how + "| :--- | ---: |"),
        (11, 1, f"the line under the table's first row is typed with long dashes (—, 破折号), {shown}",
         how + "--- | ---")]
    lines = body.split("\n")
    for problem in result.problems:
        lines[problem.line - 1] = problem.hint.split(": ", 1)[1]
    fixed = renderer.render("\n".join(lines), "a.md", 1)
    assert fixed.problems == ()
    assert fixed.html.count("<table>") == 3 and "－－" not in fixed.html.split("<pre>")[0]
    assert [td.text for td in fragment(fixed.html).xpath("(//table)[1]//td")] == ["路面", "42", "照明", "18"]
    assert [th.get("style") for th in fragment(fixed.html).xpath("(//table)[2]//th")] == [
        "text-align:left", "text-align:right"]


def test_a_table_typed_with_full_width_bars_is_warned_once_at_its_first_bar(renderer: MarkdownRenderer) -> None:
    # Each table was published as lines of text with their "｜", unwarned.
    body = ("｜类别｜收集｜\n｜－－｜－－｜\n｜路面｜42｜\n\n类别｜收集\n---｜---\n路面｜42\n\n"
            "｜类别｜收集｜\n｜路面｜42｜\n\n> ｜类别｜收集｜\n> ｜：－－｜－－：｜\n> ｜路面｜42｜\n\n"
            "| 类别 | 收集 |\n｜---｜---｜\n")
    result = renderer.render(body, "a.md", 1)
    assert "<table" not in result.html
    assert "<p>｜类别｜收集｜<br>\n｜－－｜－－｜<br>\n｜路面｜42｜</p>" in result.html
    text = "look like a table (表格), but their bars are full-width (全角竖线 ｜), so Markdown shows them as text"
    bars, dashes = "type every bar in half width (半角 |), in every line", " and the dashes under the first row as -"
    assert placed(result) == [
        (1, 1, f"these 3 lines {text}", f"{bars},{dashes}: |类别|收集|, then | --- | --- |"),
        (5, 3, f"these 3 lines {text}", f"{bars}: 类别|收集, then ---|---"),
        (9, 1, f"these 2 lines {text}",
         f"{bars}, and add a line of --- under the first row: |类别|收集|, then | --- | --- |"),
        (12, 3, f"these 3 lines {text}", f"{bars},{dashes}: > |类别|收集|, then > | :--- | ---: |"),
        (17, 1, f"these 2 lines {text}", f"{bars}: | 类别 | 收集 |, then |---|---|")]
    fixed = renderer.render("类别|收集\n---|---\n路面|42\n\n> |类别|收集|\n> | :--- | ---: |\n> |路面|42|\n",
                            "a.md", 1)
    assert fixed.problems == () and fixed.html.count("<table>") == 2


@pytest.mark.parametrize("body", [
    "地址｜电话\n",  # a bar in one sentence
    "大调研微访谈｜白鹤镇\n大调研微访谈｜赵巷镇\n",  # titles, one a line: no bar at a line's start, no dashes
    "电话｜地址\n\n地址｜电话\n",
    "```\n｜类别｜收集｜\n｜路面｜42｜\n```\n",
    "`｜类别｜收集｜`\n`｜路面｜42｜`\n",
])
def test_a_full_width_bar_in_text_is_no_table(renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "a.md", 1).problems == ()


def test_the_place_of_a_character_that_shows_nothing_passes_over_a_paragraphs_indent(
        renderer: MarkdownRenderer) -> None:
    # "\ufeff　　根据区委…" (a paragraph indented with two full-width spaces, as Word does) was told "it stands
    # alone on the line".
    [problem] = renderer.render("\ufeff\u3000\u3000根据区委部署。\n", "a.md", 1).problems
    assert problem.hint.startswith('delete it: it stands before "根据区委部署。" (')


@pytest.mark.parametrize("items", [
    ("1.\t编号第一项", "2.\t编号第二项"), ("1、\t摸排", "2、\t整改"), ("1）\t摸排", "2）\t整改"),
    ("（1）\t摸排", "（2）\t整改"), ("(1)\t摸排", "(2)\t整改"), ("①\t摸排", "②\t整改"), ("一、\t全面启动", "二、\t深入调研"),
    ("（一）\t全面启动", "（二）\t深入调研"), ("a.\t摸排", "b.\t整改"),
    *((f"{bullet}\t第一项", f"{bullet}\t第二项") for bullet in "-*+•●▪■◆·o§"),
])
@pytest.mark.parametrize("quote", ["", "> "])
def test_a_list_pasted_from_word_with_a_tab_after_each_marker_is_no_table(
        renderer: MarkdownRenderer, items: tuple[str, str], quote: str) -> None:
    # Word and WPS paste a list's items as marker<TAB>text: each was told "these 2 lines are cells separated by
    # TABs", and the hint, followed, made the list a table of two columns with its first item as the header (in a
    # quote, it still was).
    body = "".join(f"{quote}{line}\n" for line in ("主要做法：", *items))
    result = renderer.render(body, "a.md", 1)
    spaced = renderer.render(body.replace("\t", " "), "a.md", 1)
    # Told as the list items they are meant as, as with a space after the marker (not at all where Markdown reads
    # a list, 1. or -), never as a table's cells; Word's signs of a second or third level (a. o §) only with the
    # TAB ("o ring", "a. m." with a space are words), offered at the first level with no item above them.
    told = [(p.line, p.column, p.hint) for p in result.problems]
    if items[0][:2] in ("a.", "o\t", "§\t"):
        assert spaced.problems == ()
        offered = ("1. ", "2. ") if items[0].startswith("a.") else ("- ", "- ")
        how = [NUMBER_HOW.format(1), NUMBER_HOW.format(2)] if offered[0] == "1. " else [BULLET_HOW, BULLET_HOW]
        assert told == [(2 + at, len(quote) + 1, f"{how[at]}: {quote}{offered[at]}{item.split(chr(9))[1]}")
                        for at, item in enumerate(items)]
    else:
        assert told == [(p.line, p.column, p.hint) for p in spaced.problems]
        assert result.text == spaced.text
    assert all("as a list item (列表)" in p.message for p in result.problems)
    assert fragment(result.html).cssselect("table") == []


def test_a_word_list_pasted_as_markdown_numbers_is_the_list_it_reads(renderer: MarkdownRenderer) -> None:
    result = renderer.render("1.\t编号第一项\n2.\t编号第二项\n", "a.md", 1)
    assert result.problems == ()
    assert result.html == "<ol>\n<li>编号第一项</li>\n<li>编号第二项</li>\n</ol>"
    bullets = renderer.render("-\t第一项\n-\t第二项\n", "a.md", 1)
    assert bullets.problems == () and bullets.html == "<ul>\n<li>第一项</li>\n<li>第二项</li>\n</ul>"


@pytest.mark.parametrize(("body", "hint"), [
    ("序号\t措施\n1.\t摸排\n2.\t整改\n", "type the table with | between cells and a line of --- under the first row: "
                                     "| 序号 | 措施 |, then | --- | --- |, then one row per line"),
    # Numbered rows of data from the first: a heading row above them, not the first row as the heading.
    ("1、\t照明\t18\n2、\t路面\t42\n", "type the table with | between cells, a heading row (表头) above its first row and "
                                   "a line of --- under that: | 列1 | 列2 | 列3 |, then | --- | --- | --- |, then | 1、 | "
                                   "照明 | 18 |, then one row per line, with the columns' names in place of 列1 …"),
])
def test_numbered_rows_of_cells_are_still_a_table(renderer: MarkdownRenderer, body: str, hint: str) -> None:
    # A row of cells with a number in its first one: a cell beside the number's, or a header above, says table.
    result = renderer.render(body, "a.md", 1)
    rows = body.count("\n")
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, 1, f"these {rows} lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown "
               "shows them as text, not as a table", hint)]


def test_a_timeline_pasted_from_excel_is_offered_a_heading_row_not_its_first_event(renderer: MarkdownRenderer) -> None:
    # Offered as the heading, the first event was a <th>: screen readers announced it as the name of the column of
    # the second event.
    body = "大事记：\n\n2018年1月12日\t成立领导小组\n2018年1月15日\t召开动员部署会\n"
    result = renderer.render(body, "a.md", 1)
    assert [(p.line, p.hint) for p in result.problems] == [
        (3, "type the table with | between cells, a heading row (表头) above its first row and a line of --- under "
            "that: | 列1 | 列2 |, then | --- | --- |, then | 2018年1月12日 | 成立领导小组 |, then one row per line, with "
            "the columns' names in place of 列1 …")]
    typed = "大事记：\n\n| 日期 | 事件 |\n| --- | --- |\n| 2018年1月12日 | 成立领导小组 |\n| 2018年1月15日 | 召开动员部署会 |\n"
    followed = renderer.render(typed, "a.md", 1)
    assert followed.problems == ()
    table = fragment(followed.html)
    assert [th.text for th in table.xpath("//th")] == ["日期", "事件"]
    assert [[td.text for td in tr.xpath("td")] for tr in table.xpath("//tbody/tr")] == [
        ["2018年1月12日", "成立领导小组"], ["2018年1月15日", "召开动员部署会"]]


def test_characters_that_show_nothing_are_warned_with_the_text_around_them(renderer: MarkdownRenderer) -> None:
    # 白<U+200B>河镇 was published unwarned: the misspelling check and search read another word.
    body = "白\u200b河镇的草莓\ufeff\u200b很甜。\n\n```\n代码\u200b\n```\n\n他说\u00ad\n\n组合👨\u200d👩\n\n大调研\u200d工作\n"
    result = renderer.render(body, "a.md", 1)
    tail = "(it often comes from text copied from a web page, WeChat or Word; retyping the word removes it)"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        # Every one on a line at once: told one a run, the second took another round.
        (1, 2, "an invisible zero-width space (零宽空格, U+200B) is in the text (3 invisible characters on this line): "
               "it shows nothing, but search and the misspelling check do not find the word it stands in",
         'delete them: they stand between "白" and "河镇的草莓" and between "河镇的草莓" and "很甜。" (they often come '
         "from text copied from a web page, WeChat or Word; retyping the words removes them)"),
        (7, 3, "an invisible soft hyphen (软连字符, U+00AD) is in the text: it shows nothing, but search and the "
               "misspelling check do not find the word it stands in", f'delete it: it stands after "他说" {tail}'),
        # A zero-width joiner in an emoji sequence (line 9) makes the emoji; beside Chinese text it joins nothing.
        (11, 4, "an invisible zero-width joiner (U+200D) is in the text: it shows nothing, but search and the "
                "misspelling check do not find the word it stands in",
         f'delete it: it stands between "大调研" and "工作" {tail}')]


def test_line_and_paragraph_separators_in_the_text_are_warned_with_the_text_around_them(
        renderer: MarkdownRenderer) -> None:
    # 白鹤镇的<U+2028>草莓 was published unwarned, the separator inside the text; in YAML it is an error.
    body = "白鹤镇的\u2028草莓很甜。\n\n第二段\u2029\n\n```\n代\u2028码\n```\n\n一\u2028二\u2028三\n\n下\x85一行\n"
    result = renderer.render(body, "a.md", 5)
    told = ("is in the text{}: Markdown reads no line break there, so the page holds it inside the text, and search "
            "and the misspelling check do not find the word it stands in")
    one = "(it often comes from text copied from Word or a web page); if a new line is meant there, press Enter in its place"
    assert [p.format() for p in result.problems] == [
        "a.md:5:5: warning: an invisible line separator (行分隔符, U+2028) " + told.format("")
        + f'\n  hint: delete it: it stands between "白鹤镇的" and "草莓很甜。" {one}',
        "a.md:7:4: warning: an invisible paragraph separator (段分隔符, U+2029) " + told.format("")
        + f'\n  hint: delete it: it stands after "第二段" {one}',
        "a.md:13:2: warning: an invisible line separator (行分隔符, U+2028) " + told.format(" (2 on this line)")
        + '\n  hint: delete them: they stand between "一" and "二" and between "二" and "三" (they often come from '
          "text copied from Word or a web page); where a new line is meant, press Enter in its place",
        "a.md:15:2: warning: an invisible next-line character (U+0085) " + told.format("")
        + f'\n  hint: delete it: it stands between "下" and "一行" {one}']
    assert "白鹤镇的\u2028草莓" in result.html
    followed = renderer.render("白鹤镇的草莓很甜。\n", "a.md", 5)
    assert followed.problems == () and "白鹤镇的草莓很甜。" in followed.text


NBSP = "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"
NBSP_TOLD = f"{NBSP} stands beside Chinese text{{}}, which is written without spaces: the page shows a gap there"
NBSP_LATIN = ("; where a space is meant between Chinese and Latin letters or figures, type an ordinary space (半角空格) in "
              "its place")


def test_a_no_break_space_beside_chinese_text_is_warned_with_the_text_around_it(renderer: MarkdownRenderer) -> None:
    # 调研组走访<U+00A0>居民时, pasted from Word, was published unwarned: a gap in the sentence on every phone.
    body = ("调研组走访\u00a0居民时，发现问题。\n\n走访 \u00a0 居民，\u00a0收集意见\u00a0296份。\n\n"
            "调研\u00a0Big Data 平台。\n\n> 引用\u00a0一段\n\n| 类别\u00a0一 | 收集 |\n| --- | --- |\n| 照明 | 18 |\n")
    result = renderer.render(body, "a.md", 7)
    assert [p.format() for p in result.problems] == [
        f"a.md:7:6: warning: {NBSP_TOLD.format('')}\n"
        '  hint: delete it: it stands between "调研组走访" and "居民时，发现问题"',
        # One warning a line, at its first; spaces typed beside it are one gap with it.
        f"a.md:9:4: warning: {NBSP_TOLD.format(' (3 such gaps on this line)')}\n"
        '  hint: delete them: they stand between "走访" and "居民，", between "居民，" and "收集意见" and between '
        '"收集意见" and "296份。"' + NBSP_LATIN,
        f"a.md:11:3: warning: {NBSP_TOLD.format('')}\n"
        '  hint: delete it: it stands between "调研" and "Big"' + NBSP_LATIN,
        f"a.md:13:5: warning: {NBSP_TOLD.format('')}\n"
        '  hint: delete it: it stands between "引用" and "一段"',
        f"a.md:15:5: warning: {NBSP_TOLD.format('')}\n"
        '  hint: delete it: it stands between "类别" and "一"']
    assert "调研组走访&nbsp;居民时" in result.html
    # Either way out of the hints is clean: deleted, or an ordinary space beside Latin letters or figures.
    followed = renderer.render(body.replace(" \u00a0 ", "").replace("\u00a0296", " 296").replace("\u00a0Big", " Big")
                               .replace("\u00a0", ""), "a.md", 7)
    assert followed.problems == () and "调研组走访居民时" in followed.html and "&nbsp;" not in followed.html


@pytest.mark.parametrize("body", [
    "全长5\u00a0km，Big\u00a0Data 平台。",  # between Latin words or a figure and its unit: kept on one line, as meant
    "\u00a0\u00a0调研组走访居民。",  # the start of a paragraph, which Markdown trims: the page shows no gap
    "##\u00a0下一步", "- \u00a0征求意见", "| \u00a0类别 | 收集 |\n| --- | --- |\n| 照明 | 18 |",  # trimmed too
    "走访居民\u00a0\n下一行。",  # at a line's end: no gap between texts
    "`走访\u00a0居民`", "```\n走访\u00a0居民\n```",  # code shows what is typed
    "见 https://example.org/&nbsp;，走访&nbsp;居民。",  # typed as a code, meant
])
def test_a_no_break_space_the_page_shows_as_no_gap_in_chinese_text_is_not_warned(
        renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body + "\n", "a.md", 1).problems == ()


def test_a_no_break_space_after_a_list_marker_is_told_once_as_a_list_item(renderer: MarkdownRenderer) -> None:
    [problem] = renderer.render("-\u00a0征求意见\n", "a.md", 1).problems
    assert problem.message.startswith(f'{NBSP} follows "-", so Markdown does not read this line as a list item')


@pytest.mark.parametrize(("typed", "sign", "kind"), [
    ("\ufeff## 下一步有什么打算？", "##", "a heading (标题)"), ("\ufeff##小结", "##", "a heading (标题)"),
    ("\u200b- 第一条\n- 第二条", "-", "a list item (列表项)"), ("\u200b1. 第一条", "1.", "a list item (列表项)"),
    ("\u200b> 引用", ">", "a quote (引用)"), ("\u200c- 列表二", "-", "a list item (列表项)"), ("\ufeff| 类别 | 收集 |\n| --- | --- |\n| 照明 | 18 |", "|",
                                            "the start of a table (表格)"),
])
def test_a_character_that_shows_nothing_before_a_lines_marker_is_told_what_the_page_shows(
        renderer: MarkdownRenderer, typed: str, sign: str, kind: str) -> None:
    # "\ufeff## 下一步…" (two files pasted together) was told "it shows nothing": the page showed "## 下一步…" as a
    # paragraph, and the heading and its entry in the contents were gone.
    result = renderer.render("前文。\n\n" + typed + "\n", "a.md", 1)
    name = {"\u200b": "zero-width space (零宽空格, U+200B)", "\u200c": "zero-width non-joiner (U+200C)",
            "\ufeff": "zero-width no-break space or byte-order mark (U+FEFF)"}[typed[0]]
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (3, 1, f'an invisible {name} is at the start of this line, before "{sign}": Markdown then does not read the '
               f'line as {kind}, and the page shows the "{sign}" as text')]
    assert "<p>前文。</p>" in result.html and f"<p>{typed[0]}{html.escape(sign)}" in result.html
    followed = renderer.render("前文。\n\n" + typed[1:] + "\n", "a.md", 1)
    assert followed.problems == () and f"<p>{html.escape(sign)}" not in followed.html


LOST = ('{n} question marks in a row ("{run}") are most likely characters lost when the file was saved in an encoding '
        'that cannot hold Chinese, which turns each Chinese character into "?", so the page would publish them')
LOST_HINT = ("retype the text, or paste it again from where it came from, and save the file as UTF-8 (另存为 → 编码 "
             "UTF-8); if the question marks are meant, type them in full width (全角): ？？？")


def test_runs_of_question_marks_from_a_save_that_lost_chinese_are_warned(renderer: MarkdownRenderer) -> None:
    # Saved as "ANSI" by an editor that could not write Chinese, every character became "?": "## ????????" and
    # a paragraph of them were published unwarned.
    body = ("## ????????\n\n1?12?,??????????296???????\n\n```\nSELECT ??? FROM t\n```\n\n用 `???` 占位，"
            "见[搜索](https://www.baidu.com/s?wd=???)和 https://example.org/?q=???。\n\n真的吗??\n\n<b>???</b>\n")
    result = renderer.render(body, "a.md", 11)
    assert placed(result) == [
        (11, 4, LOST.format(n=8, run="????????"), LOST_HINT),
        (13, 7, LOST.format(n=10, run="??????????"), LOST_HINT),  # one warning a line, at its first run
        (23, 4, LOST.format(n=3, run="???"), LOST_HINT)]
    # The hint followed: the text typed again; question marks meant typed in full width.
    fixed = renderer.render(body.replace("## ????????", "## 大调研开展以来有哪些进展")
                            .replace("1?12?,??????????296???????", "1月12日，成立领导小组，已收集问题清单296份。")
                            .replace("<b>???</b>", "<b>？？？</b>"), "a.md", 11)
    assert fixed.problems == ()
    assert "<h2" in fixed.html and "大调研开展以来有哪些进展</h2>" in fixed.html and "<b>？？？</b>" in fixed.html


def test_the_source_articles_length_and_reading_time_pasted_with_its_text_is_warned(renderer: MarkdownRenderer) -> None:
    # The seed article begins "本篇文章1688字,读完约4分钟": pasted, the page showed its own 本篇文章439字，读完约1分钟 and
    # then the pasted one, and every summary made from the text began with it.
    body = ("本篇文章1688字,读完约4分钟\n\n正文第一段。\n\n本篇文章共 2,030 字，预计阅读时间约5分钟\n\n"
            "```\n本篇文章1688字,读完约4分钟\n```\n\n本篇文章讲述了白鹤镇的做法。\n")
    result = renderer.render(body, "a.md", 9)
    told = ("is the source article's length and reading time, pasted with its text: the page prints its own, worked "
            "out from this text, so readers would see two different ones")
    assert placed(result) == [(9, 1, f'"本篇文章1688字,读完约4分钟" {told}', "delete the line"),
                              (13, 1, f'"本篇文章共 2,030 字，预计阅读时间约5分钟" {told}', "delete the line")]
    fixed = renderer.render(body.replace("本篇文章1688字,读完约4分钟\n\n正文", "正文", 1)
                            .replace("本篇文章共 2,030 字，预计阅读时间约5分钟\n\n", ""), "a.md", 9)
    assert fixed.problems == () and fixed.lead.startswith("正文第一段。")


def test_list_markers_followed_by_a_full_width_or_no_break_space_are_warned(renderer: MarkdownRenderer) -> None:
    # "-　征求意见" (an input method's full-width space) and "-&nbsp;摸排" (pasted from WeChat) were published as
    # text, marker and all, unwarned.
    body = ("主要做法：\n-\u00a0摸排问题点位\n-\u00a0分批组织施工\n\n推进：\n\n  -\u3000征求意见\n\n1.\u3000第一\n\n"
            "2018.\u3000年度总结\n\n-\u3000\n\n```\n-\u3000代码\n```\n\n- \u3000半角后全角\n")
    result = renderer.render(body, "a.md", 1)
    full, nbsp = "a full-width space (全角空格)", "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (2, 1, f'{nbsp} follows "-", so Markdown does not read this line as a list item (列表项): -\u00a0摸排问题点位',
         'type an ordinary space (半角空格) after "-": - 摸排问题点位'),
        (3, 1, f'{nbsp} follows "-", so Markdown does not read this line as a list item (列表项): -\u00a0分批组织施工',
         'type an ordinary space (半角空格) after "-": - 分批组织施工'),
        (7, 3, f'{full} follows "-", so Markdown does not read this line as a list item (列表项): -\u3000征求意见',
         'type an ordinary space (半角空格) after "-": - 征求意见'),
        (9, 1, f'{full} follows "1.", so Markdown does not read this line as a list item (列表项): 1.\u3000第一',
         'type an ordinary space (半角空格) after "1.": 1. 第一')]
    fixed = renderer.render(body.replace("-\u00a0", "- ").replace("-\u3000征", "- 征").replace("1.\u3000", "1. "),
                            "a.md", 1)
    assert fixed.problems == ()
    assert len(fragment(fixed.html).cssselect("li")) == 5


@pytest.mark.parametrize("body", [
    "主要做法：\n1. 摸排\n2. 建账\n## 下一步\n1. 回头看\n2. 总结\n",  # a heading ends the first list
    "1. 甲\n2. 乙\n```\n代码\n```\n1. 丙\n2. 丁\n",  # so does fenced code
    "1. 甲\n2. 乙\n<div>说明</div>\n1. 丙\n",  # and an HTML block
    "＞50%的居民对整治效果表示满意。\n\n＞＞点击阅读原文\n\n－5℃的天气里，调研组仍然走访了农户。\n",
    "> 引用的话\n\n>引用的话\n\n> 90%的居民表示满意。\n\n\\>90%\n\n```\n>90%\n```\n",  # quotations, a kept ">", code
    "受访居民王＊＊、李＊＊两位都表示满意。\n\n大调研微访谈｜白鹤镇｜补好短板\n",
    "[1]: http://www.shcafe.org/shzxxw/120946.html 上海热线新闻网，2018年5月3日\n",  # shown as text
])
def test_ordinary_text_gets_no_warning(renderer: MarkdownRenderer, body: str) -> None:
    # Each of these was warned (a list "numbered 1, 2, 1, 2", a quote, a list item, bold, a table row,
    # a hidden definition), although the page shows it as typed.
    assert renderer.render(body, "a.md", 1).problems == ()


def test_stars_hiding_a_name_and_sub_items_indented_by_two_spaces_are_warned(renderer: MarkdownRenderer) -> None:
    # 王**、李** showed "王、李" with "、李" in bold; two-space sub-items were flattened into the list above.
    body = "受访居民王**、李**两位都表示满意。**重点**，2**3**。\n\n- 一级\n  - 二级甲\n  - 二级乙\n- 一级二\n    - 真正的二级\n"
    result = renderer.render(body, "a.md", 1)
    assert [(p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (1, 6, 'the "**" here is read as bold (加粗), so the page shows no stars: '
               "受访居民王**、李**两位都表示满意。**重点**，2**3**。",
         "to show the stars, write a backslash before each: \\*\\*"),
        (4, 1, "this item is indented by 2 spaces, so Markdown reads it at the same level as the item above, "
               "not under it: - 二级甲",
         "to make it a sub-item (下一级), indent it by 4 spaces; to keep it at the same level, delete the "
         "spaces before it"),
        (5, 1, "this item is indented by 2 spaces, so Markdown reads it at the same level as the item above, "
               "not under it: - 二级乙",
         "to make it a sub-item (下一级), indent it by 4 spaces; to keep it at the same level, delete the "
         "spaces before it")]
    assert "<li>真正的二级</li>" in result.html
    assert renderer.render("受访居民王\\*\\*、李\\*\\*两位。\n", "a.md", 1).problems == ()


SAME_LEVEL = ("this item is indented by {spaces}, so Markdown reads it at the same level as the item above, "
              "not under it: {line}")
SAME_LEVEL_HINT = ("to make it a sub-item (下一级), indent it by 4 spaces{blank}; to keep it at the same level, "
                   "delete the spaces before it")
AS_TEXT = ('this line is indented by {spaces}, so Markdown does not read it as a sub-item (下一级) but as more text '
           'of the item above; the page shows "{marker}" as text: {line}')


def sub_items(item: str, sub: str, indent: str, blank: bool) -> str:
    """Two sub-items under the first of two items, each sub-item's line starting with ``indent``."""
    second, second_sub = ("2." if item == "1." else item), ("2." if sub == "1." else sub)
    return (f"{item} 第一项\n" + "\n" * blank + f"{indent}{sub} 子项甲\n{indent}{second_sub} 子项乙\n"
            f"{second} 第二项\n")


def assert_nested_under_the_first_item(html: str, item: str, sub: str) -> None:
    """The page shows the two sub-items as a list inside the first item, and the second item after it."""
    outer, inner = ("ol" if item == "1." else "ul"), ("ol" if sub == "1." else "ul")
    [top] = fragment(html)
    assert top.tag == outer
    first, second = top.findall("li")
    assert [li.text_content() for li in first.findall(f"{inner}/li")] == ["子项甲", "子项乙"]
    assert second.text_content() == "第二项"


# What Python-Markdown (with sane_lists) makes of sub-items indented by 1 to 3 spaces: an item of the other kind
# right under its item ("-" under "1.", "1." under "-") is more text of that item, marker and all; one of the same
# kind, or any after a blank line, is an item at the level of the item above.
@pytest.mark.parametrize("spaces", [1, 2, 3])
@pytest.mark.parametrize(("item", "sub", "blank", "shown"), [
    ("1.", "-", False, "as text"), ("-", "1.", False, "as text"),
    ("1.", "-", True, "same level"), ("-", "1.", True, "same level"),
    ("-", "-", False, "same level"), ("-", "-", True, "same level"),
    ("1.", "1.", False, "same level"), ("1.", "1.", True, "same level"),
])
def test_a_sub_item_indented_by_fewer_than_four_spaces_gets_one_warning_whose_hint_nests_it(
        renderer: MarkdownRenderer, item: str, sub: str, blank: bool, shown: str, spaces: int) -> None:
    # "   - 子项甲" under "1. 第一项" was warned twice at once: "read at the same level as the item above" and
    # "does not read it as a list item; delete the spaces", which kept it text.
    body = sub_items(item, sub, " " * spaces, blank)
    result = renderer.render(body, "a.md", 1)
    second_sub = "2." if sub == "1." else sub
    lines = [f"{sub} 子项甲", f"{second_sub} 子项乙"]
    named = "1 space" if spaces == 1 else f"{spaces} spaces"
    if shown == "as text":
        expected = [(2 + index, 1, AS_TEXT.format(spaces=named, marker=line.split()[0], line=line),
                     "to make it a sub-item (下一级), indent it by 4 spaces") for index, line in enumerate(lines)]
    else:
        expected = [(2 + blank + index, 1, SAME_LEVEL.format(spaces=named, line=line),
                     SAME_LEVEL_HINT.format(blank=" and delete the blank line above it" if blank and not index
                                            else "")) for index, line in enumerate(lines)]
    # What the page shows: no list in a list; the sub-items in 第一项's text, or items of their own.
    root = fragment(result.html)
    items = [" ".join(li.text_content().split()) for li in root.xpath("./*/li")]
    assert not root.xpath("//li//li")
    assert items[0] == (f"第一项 {lines[0]} {lines[1]}" if shown == "as text" else "第一项")
    # (After a blank line, "子项乙" is followed by "2. 第二项" as its text: the hint's deleted blank line mends that.)
    assert [any(text.startswith(sub_item) for text in items) for sub_item in ("子项甲", "子项乙")] == \
        [shown == "same level"] * 2
    numbering = [(1, 1, "this list is numbered 1, 1, 2, 2 as typed, but the page numbers it 1, 2, 3, 4: Markdown "
                        "counts on from the first item's number", "number the items in order, from the first item's "
                        "number")] if item == sub == "1." else []
    assert placed(result) == numbering + expected
    # The hint followed: 4 spaces (and no blank line above the first sub-item).
    followed = renderer.render(sub_items(item, sub, "    ", False), "a.md", 1)
    assert followed.problems == ()
    assert_nested_under_the_first_item(followed.html, item, sub)
    if blank:  # 4 spaces with the blank line kept: Python-Markdown takes 第二项 into the sub-list, so it must go
        [top] = fragment(renderer.render(sub_items(item, sub, "    ", True), "a.md", 1).html)
        assert len(top.findall("li")) == 1 and "第二项" in top.find("li")[-1].text_content()


def test_a_sub_item_indented_by_full_width_spaces_under_an_item_is_told_to_take_four_ordinary_spaces(
        renderer: MarkdownRenderer) -> None:
    # "　　- 子项甲" under "1. 第一项" is more text of that item; "delete the full-width spaces" kept it so.
    result = renderer.render(sub_items("1.", "-", "\u3000\u3000", False), "a.md", 1)
    assert placed(result) == [
        (line, 1, AS_TEXT.format(spaces="full-width spaces (全角空格)", marker="-", line=f"- {text}"),
         "to make it a sub-item (下一级), indent it by 4 ordinary spaces (半角空格) instead of the full-width spaces")
        for line, text in ((2, "子项甲"), (3, "子项乙"))]
    # No indent: no sub-items either, but a list of its own between two numbered ones, as CommonMark reads it
    # (they were the first item's text, "- 子项甲" shown as typed).
    assert renderer.render(sub_items("1.", "-", "", False), "a.md", 1).html == \
        '<ol>\n<li>第一项</li>\n</ol>\n<ul>\n<li>子项甲</li>\n<li>子项乙</li>\n</ul>\n<ol start="2">\n<li>第二项</li>\n</ol>'


def test_a_sub_item_in_bold_is_not_taken_as_shown_by_a_dash_elsewhere_in_the_text(renderer: MarkdownRenderer) -> None:
    # "  - **子项甲**" is compared with the page as "- ", which "价格 - **很**低" shows: the item was also warned as
    # shown as text, "-" and all.
    result = renderer.render("- 第一项\n  - **子项甲**\n\n价格 - **很**低\n", "a.md", 1)
    assert placed(result) == [(2, 1, SAME_LEVEL.format(spaces="2 spaces", line="- **子项甲**"),
                               SAME_LEVEL_HINT.format(blank=""))]


def test_an_indented_line_numbered_with_a_parenthesis_is_not_told_to_lose_its_indent(
        renderer: MarkdownRenderer) -> None:
    # Python-Markdown reads no list item from "1)": deleting the spaces before "1) 第一条", as the warning said,
    # left it text all the same.
    result = renderer.render("   1) 第一条\n", "a.md", 1)
    assert result.problems == () and "<p>1) 第一条</p>" in result.html
    assert renderer.render("1) 第一条\n", "a.md", 1).html == "<p>1) 第一条</p>"
    # Under a list item it is told as "1）" is, with "1." to type: not told to lose its indent.
    nested = renderer.render("1. 第一项\n   1) 子项甲\n2. 第二项\n", "a.md", 1)
    wide = renderer.render("1. 第一项\n   1） 子项甲\n2. 第二项\n", "a.md", 1)
    assert "<li>第一项<br>\n   1) 子项甲</li>" in nested.html
    assert [p.format() for p in nested.problems] == [p.format().replace("1）", "1)") for p in wide.problems]
    assert len(nested.problems) == 1 and nested.problems[0].hint.endswith(
        'type "1." in its place, with a space after it: 1. 子项甲')


@pytest.mark.parametrize(("typed", "column", "slanted", "fixed"), [
    ("村民张*明、李*华反映，路灯不亮。", 4, "明、李", "张\\*明、李\\*华"),
    ("村民张*、李*反映。", 4, "、李", "张\\*、李\\*反"),
    ("受访居民：陈*（化名）说，*号楼*单元。", 7, "（化名）说，", "陈\\*（化名）说，\\*号"),
    # Names joined by 和, 与 or a space, or a pair over two sentences: the first star after a surname.
    ("村民张*明和李*华反映路灯坏了。", 4, "明和李", "张\\*明和李\\*华"),
    ("张*明 李*华反映。", 2, "明 李", "张\\*明 李\\*华"),
    ("张*明说路灯坏了。李*华也说。", 2, "明说路灯坏了。李", "张\\*明说路灯坏了。李\\*华"),
    ("王*红说：“*很好*”", 2, "红说：“", "王\\*红说：“\\*很"),
    # Stars typed after two figures, as reports mark the figures a note explains (95%* … 90%*).
    ("群众满意度达95%*，整改率达90%*。", 10, "，整改率达90%", "95%\\*，整改率达90%\\*"),
    ("完成率98.5%*（截至4月）和入户率80%*。", 9, "（截至4月）和入户率80%", "98.5%\\*（截至4月）和入户率80%\\*"),
    ("共收集问题清单296*份，已解决103*份。", 11, "份，已解决103", "296\\*份，已解决103\\*"),
])
def test_one_star_for_each_hidden_character_or_after_figures_is_warned_and_the_hint_shows_the_stars(
        renderer: MarkdownRenderer, typed: str, column: int, slanted: str, fixed: str) -> None:
    # 张*明、李*华反映 showed "张明、李华反映", "明、李" in italics: the names changed, unwarned (王** was); a note's
    # marks after figures (95%* … 90%*) were read as italics alike, the stars gone.
    [problem] = renderer.render(typed + "\n", "a.md", 1).problems
    figures = fixed[0].isdigit()
    assert (problem.line, problem.column, problem.message, problem.hint) == (
        1, column, f'the two "*"{" after figures" if figures else ""} here are read as italics (斜体), so the page '
        f'shows no stars and "{slanted}" slanted: {typed}',
        f"to show the stars{' (marks of a note)' if figures else ''}, write a backslash before each: {fixed}")
    followed = renderer.render(typed.replace(fixed.replace("\\*", "*"), fixed) + "\n", "a.md", 1)
    assert followed.problems == () and f"<p>{typed}</p>" in followed.html


def test_two_stars_for_hidden_characters_after_a_surname_are_warned_as_bold(renderer: MarkdownRenderer) -> None:
    # 张**反映，李**也说 showed "张反映，李也说" with "反映，李" in bold: the stars start no punctuation, so the check
    # of 王**、李** missed it.
    [problem] = renderer.render("张**反映，李**也说。\n", "a.md", 1).problems
    assert (problem.column, problem.message, problem.hint) == (
        2, 'the two "**" here are read as bold (加粗), so the page shows no stars and "反映，李" in bold: 张**反映，李**也说。',
        "to show the stars, write a backslash before each: 张\\*\\*反映，李\\*\\*也")
    followed = renderer.render("张\\*\\*反映，李\\*\\*也说。\n", "a.md", 1)
    assert followed.problems == () and "<p>张**反映，李**也说。</p>" in followed.html


@pytest.mark.parametrize("typed", ["这是*重点*内容。", "要*不忘初心、牢记使命*，", "`张*明、李*华`与*重点*，见下。",
                                   "这是*重点和难点*内容。", "高*效率*工作。", "这是**重点**内容。",
                                   # The Baihe interview's own bold: a list in it, and two bolds on one line.
                                   "居民对**红白事场所、日托中心、健身设施和环境卫生**的需求最为迫切。",
                                   "白鹤镇是“**中国草莓之乡**”，草莓种植已有**30多年**历史。",
                                   # Bold after a word ending in a surname's character (施, 于, 高, 谢, 单, 任).
                                   "全面实施**“乡村振兴”**战略。", "关于**“大调研”**的几点体会。", "提高**资金**使用效率。",
                                   "感谢**大家的支持！**", "对照清单**“挂账销号”**。", "张**主任**和李**书记**都说。",
                                   "提高*资金*使用效率。", "实施*“乡村振兴”*战略。",
                                   # Figures in italics, and a product of figures.
                                   "完成率达*95%*，整改率达*90%*。", "面积3*4米，共12*5块。"])
def test_italics_meant_are_not_taken_for_hidden_characters(renderer: MarkdownRenderer, typed: str) -> None:
    assert renderer.render(typed + "\n", "a.md", 1).problems == ()


def test_an_underline_makes_a_heading_only_where_markdown_makes_one(renderer: MarkdownRenderer) -> None:
    # "---" under the second line of a paragraph is a rule, yet was warned as making a heading; "- 甲"
    # with "---" under it is a heading "- 甲", yet was not warned.
    rule = renderer.render("第一行\n第二行\n---\n\n后文\n", "a.md", 1)
    assert "<hr>" in rule.html and rule.problems == ()
    heading = renderer.render("文字\n- 甲\n---\n", "a.md", 1)
    assert '<h2 id="-甲">- 甲</h2>' in heading.html
    assert [(p.line, p.message) for p in heading.problems] == [
        (3, 'the "---" under the line above makes that line a heading (标题): - 甲')]


LONG_LINE = ("截至4月26日，华新镇开展调研318批次、收集问题清单296份；镇里正补齐红白事场所、日托中心等民生短板，"
             "并计划做大做强白鹤草莓，推进乡村振兴和城乡融合发展的各项重点工作")


def test_a_long_line_a_hint_gives_to_type_is_given_whole(renderer: MarkdownRenderer) -> None:
    # Cut with "…", the line typed as the hint showed it lost its end. Typed as given now, each is read as meant.
    body = f"#{LONG_LINE}\n\n－ {LONG_LINE}\n\n｜{LONG_LINE}｜18｜\n\n**　{LONG_LINE}　**\n\n-\u3000{LONG_LINE}\n"
    result = renderer.render(body, "a.md", 1)
    fixes = [re.search(r": (\S.*?)(?:; |$| \(next to)", p.hint).group(1) for p in result.problems]
    assert fixes == [f"\\#{LONG_LINE}", f"- {LONG_LINE}", f"|{LONG_LINE}|18|", f"**{LONG_LINE}**", f"- {LONG_LINE}"]
    fixed = renderer.render("\n\n".join(fixes[:2] + fixes[3:]) + "\n", "a.md", 1)
    assert not fixed.problems and f"<p>#{LONG_LINE}</p>" in fixed.html
    assert f"<strong>{LONG_LINE}</strong>" in fixed.html and fixed.html.count(f"<li>{LONG_LINE}</li>") == 2


def test_a_list_numbered_in_full_width_digits_starts_at_its_number(renderer: MarkdownRenderer) -> None:
    # "３. 第三条" (typed with an input method) became <ol start="３">, which browsers read as 1.
    result = renderer.render("正文\n\n３. 第三条\n４. 第四条\n\n又及\n\n１２. 十二\n", "content/a.md", 1)
    page = fragment(result.html)
    assert [ol.get("start") for ol in page.xpath("//ol")] == ["3", "12"]
    assert result.problems == ()


@pytest.mark.parametrize(("body", "at", "shown"), [
    ("<!-- 待核实\n早上八点，网格员走进村组。\n", (5, 1), "<!-- 待核实"),
    ("早上<!-- 注\n\n八点 -->。\n", (5, 3), "<!-- 注"),  # closed only in the next paragraph: shown, both signs
])
def test_an_html_comment_never_closed_is_a_warning_at_its_opening(body: str, at: tuple[int, int], shown: str) -> None:
    # The editors' note "<!-- 待核实" and the paragraph after it were published, and began the page's description.
    rendered = MarkdownRenderer().render(body, "content/a.md", 5)
    assert "&lt;!--" in rendered.html
    assert [(p.line, p.column, p.message, p.hint) for p in rendered.problems] == [
        (*at, 'this "<!--" opens an HTML comment (注释) that is never closed with "-->", so the page shows it and '
              f"the text after it: {shown}",
         'to keep a note off the page, end it with "-->" on its line or after it; else delete the "<!--"')]
    mended = MarkdownRenderer().render(body.replace(shown, shown + " -->", 1), "content/a.md", 5)
    assert (mended.problems, "&lt;!--" in mended.html, "待核实" in mended.html or "注" in mended.html) == ((), False,
                                                                                                    False)


@pytest.mark.parametrize("body", ["<!-- 待核实 -->\n早上八点。\n", "<!-- 待核实\n\n早上八点。\n\n-->\n\n更多。\n",
                                  "`<!--` 是注释的开头\n", "```\n<!-- x\n```\n"])
def test_a_closed_comment_or_one_in_code_is_not_warned(body: str) -> None:
    assert MarkdownRenderer().render(body, "content/a.md", 5).problems == ()


@pytest.mark.parametrize("reference", [False, True])
def test_a_footnotes_mark_and_its_way_back_have_names_a_screen_reader_reads(reference: bool) -> None:
    # The mark's name was its number alone ("1"), the back link's "↩": its title is not read as its name.
    html = MarkdownRenderer(reference=reference).render(
        "调研组走访了318批次[^1]，收集问题清单296份[^来源]。\n\n[^1]: 截至4月26日。\n[^来源]: 上海热线新闻网。\n",
        "content/interviews/a.md", 6).html
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert [(a.text, a.get("aria-label")) for a in page.iter("a")] == [
        ("1", "注释 1"), ("2", "注释 2"), ("↩", "返回正文第 1 处注释"), ("↩", "返回正文第 2 处注释")]



@pytest.mark.parametrize("reference", [False, True])
def test_a_note_cited_twice_names_each_of_its_links_back(reference: bool) -> None:
    # Both links back read "返回正文第 1 处注释", though they lead to two places in the text.
    html = MarkdownRenderer(reference=reference).render("一[^1]，二[^1]，三[^2]。\n\n[^1]: 注一。\n[^2]: 注二。\n",
                                                        "content/interviews/a.md", 6).html
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert [(a.get("href"), a.get("aria-label")) for a in page.cssselect("a.footnote-backref")] == [
        ("#fnref-1", "返回正文第 1 处注释（第 1 处引用）"), ("#fnref2-1", "返回正文第 1 处注释（第 2 处引用）"),
        ("#fnref-2", "返回正文第 2 处注释")]


@pytest.mark.parametrize("reference", [False, True])
def test_the_notes_have_a_heading_of_their_own_that_is_no_part_of_the_text(reference: bool) -> None:
    # The label 注释 above the notes was drawn by CSS: a screen reader's list of headings went from the text's
    # last heading straight past them (WCAG 1.3.1).
    rendered = MarkdownRenderer(reference=reference).render(
        "## 进展\n\n收集问题清单296份[^1]。\n\n[^1]: 截至4月26日。\n", "content/interviews/a.md", 6)
    page = lxml.html.fromstring(f"<div>{rendered.html}</div>")
    [notes] = page.cssselect("div.footnote")
    assert [child.tag for child in notes] == ["hr", "h2", "ol"]
    assert (notes[1].get("class"), notes[1].get("id"), notes[1].text) == ("footnotes-heading", "注释", "注释")
    # The words are sitegen's: the page's text, its count of 字 and its headings are the editor's alone.
    assert rendered.text.splitlines() == ["进展", "收集问题清单296份。", "截至4月26日。"]
    assert [heading.text for heading in rendered.headings] == ["进展"]
    # A heading typed right above the notes is theirs: no second one.
    typed = MarkdownRenderer(reference=reference).render(
        "正文[^1]。\n\n## 注释\n\n[^1]: 截至4月26日。\n", "content/interviews/a.md", 6).html
    assert typed.count("注释</h2>") == 1 and "footnotes-heading" not in typed


@pytest.mark.parametrize("reference", [False, True])
def test_a_pages_summary_is_made_from_its_text_without_the_footnotes(reference: bool) -> None:
    # A short page's summary ended with its notes: "…收集问题清单296份。截至4月26日。上海热线新闻网。"
    rendered = MarkdownRenderer(reference=reference).render(
        "调研组走访了318批次[^1]，收集问题清单296份[^来源]。\n\n[^1]: 截至4月26日。\n[^来源]: 上海热线新闻网。\n",
        "content/interviews/a.md", 6)
    assert rendered.lead == "调研组走访了318批次，收集问题清单296份。"
    assert rendered.text.splitlines() == ["调研组走访了318批次，收集问题清单296份。", "截至4月26日。", "上海热线新闻网。"]


# ---------------------------------------------------------------- words in angle brackets


@pytest.mark.parametrize(("body", "shown"), [
    ("空气质量<PM2.5>指标。依据<Excel>模板填报。\n", "<p>空气质量&lt;PM2.5&gt;指标。依据&lt;Excel&gt;模板填报。</p>"),
    ("依据</Excel>模板，<Excel 2016>，<a.b>，<my-tag>\n",
     "<p>依据&lt;/Excel&gt;模板，&lt;Excel 2016&gt;，&lt;a.b&gt;，&lt;my-tag&gt;</p>"),
    ("<Excel>\n", "<p>&lt;Excel&gt;</p>"),
    ("## 用<Excel>统计\n", '<h2 id="用excel统计">用&lt;Excel&gt;统计</h2>'),
    ("- <Excel>\n- <PM2.5>\n", "<ul>\n<li>&lt;Excel&gt;</li>\n<li>&lt;PM2.5&gt;</li>\n</ul>"),
    ("<Excel>模板：\n- 一\n- 二\n", "<p>&lt;Excel&gt;模板：</p>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>"),
    ("| 软件 | 用途 |\n|---|---|\n| <Excel> | 统计 |\n", "<td>&lt;Excel&gt;</td>"),
    ("<div>\n依据<Excel>模板\n</div>\n", "<div>\n依据&lt;Excel&gt;模板\n</div>"),
    ("<table><tr><td>依据<Excel>模板</td><td></PM2.5></td></tr></table>\n",
     "<td>依据&lt;Excel&gt;模板</td><td>&lt;/PM2.5&gt;</td>"),
])
def test_words_in_angle_brackets_are_published_as_typed(renderer: MarkdownRenderer, body: str, shown: str) -> None:
    # Python-Markdown took them for tags, and the sanitizer deleted them: "依据<Excel>模板填报" was published
    # "依据模板填报", warned "raw HTML <excel> was removed (not allowed in content); its text was kept".
    rendered = renderer.render(body, "content/a.md", 9)
    assert shown in rendered.html
    assert rendered.problems == ()
    assert rendered == MarkdownRenderer(reference=True).render(body, "content/a.md", 9)


def test_words_in_angle_brackets_are_in_the_text_counts_and_summary(renderer: MarkdownRenderer) -> None:
    rendered = renderer.render("依据<Excel>模板填报，空气质量<PM2.5>指标。\n", "content/a.md", 9)
    assert rendered.text == rendered.lead == "依据<Excel>模板填报，空气质量<PM2.5>指标。"
    assert rendered.word_count == count_words("依据 Excel 模板填报，空气质量 PM2.5 指标。") == 14
    assert summarize(rendered.lead, 120) == rendered.lead


@pytest.mark.parametrize("body", [
    "<https://www.shcafe.org/a.html> 与 <mailto:ban@example.org>\n",
    "<ban@example.org>\n",
])
def test_addresses_in_angle_brackets_are_still_links(renderer: MarkdownRenderer, body: str) -> None:
    rendered = renderer.render(body, "content/a.md", 9)
    assert [a.get("href") for a in fragment(rendered.html).iter("a")] == \
        [address if ":" in address else f"mailto:{address}" for address in re.findall("<([^>]+)>", body)]
    assert rendered.problems == ()


def test_tags_keep_their_warnings_and_their_text(renderer: MarkdownRenderer) -> None:
    rendered = renderer.render("<b>粗</b>，<Data>数据</Data>，<font color=red>红</font>\n", "content/a.md", 9)
    assert rendered.html == "<p><b>粗</b>，数据，红</p>"
    assert [(p.column, p.message) for p in rendered.problems] == [
        (10, "raw HTML <data> was removed (not allowed in content); its text was kept"),
        (26, "raw HTML <font color=red> was removed, so the page does not show that colour (颜色): the site's "
             "theme sets the colours; its text was kept")]


@pytest.mark.parametrize("tag", sorted(markup.HTML_ELEMENTS - markup.ALLOWED_TAGS - markup.CONTENT_DROPPED_TAGS))
def test_its_text_was_kept_is_said_only_where_the_page_keeps_it(tag: str) -> None:
    for body in (f"前<{tag}>文字</{tag}>后\n\n下一段。\n", f"前\n\n<{tag}>文字</{tag}>\n\n下一段。\n"):
        rendered = MARKDOWN_RENDERER.render(body, "content/a.md", 1)
        assert [p.message for p in rendered.problems if "its text was kept" in p.message]
        assert "文字" in rendered.text and "下一段。" in rendered.text


@pytest.mark.parametrize(("body", "column", "typed", "title"), [
    ("使用<WPS表格>统计。\n", 3, "<WPS表格>", "WPS表格"),
    ("依照<关于开展大调研的通知>执行。\n", 3, "<关于开展大调研的通知>", "关于开展大调研的通知"),
    ("| 依据 |\n|---|\n| <调研方案> |\n", 3, "<调研方案>", "调研方案"),
])
def test_chinese_words_in_half_width_angle_brackets_are_offered_book_title_marks(
        renderer: MarkdownRenderer, body: str, column: int, typed: str, title: str) -> None:
    # "<" and ">" are the keys of 《 and 》 in a Chinese input method: typed with it off, a title is shown so.
    rendered = renderer.render(body, "content/a.md", 9)
    line = 9 + body.count("\n", 0, body.index(typed))
    assert html.escape(typed, quote=False) in rendered.html
    assert placed(rendered) == [(
        line, column,
        f"half-width angle brackets (<>) around Chinese words are shown as typed: {typed}; a title in Chinese text "
        "takes book-title marks (书名号) 《》",
        f"if it is a title (of a document, book, program or system), type 《{title}》; if the angle brackets are "
        f"meant, type them full-width: ＜{title}＞")]
    for mended in (f"《{title}》", f"＜{title}＞"):
        followed = renderer.render(body.replace(typed, mended), "content/a.md", 9)
        assert followed.problems == ()
        assert mended in followed.html and mended in followed.text


@pytest.mark.parametrize(("body", "text"), [
    # Options named in angle brackets: <A> and <B> are HTML's link and bold. Never closed, they made every word
    # after them, to the end of the page, a bold link; "如果a<b>c" lost its "<b>" on the page and in search.
    ("方案<A>与方案<B>对比，选项<a>和<i>。\n\n下一段。\n", "方案<A>与方案<B>对比，选项<a>和<i>。"),
    ("如果a<b>c，则成立。\n\n后面。\n", "如果a<b>c，则成立。"),
    ("<S>级问题3个\n\n后面。\n", "<S>级问题3个"),
])
def test_a_tag_never_closed_in_its_paragraph_is_shown_as_typed(renderer: MarkdownRenderer, body: str,
                                                               text: str) -> None:
    rendered = renderer.render(body, "content/a.md", 9)
    first, _, rest = rendered.html.partition("</p>")
    assert first == f"<p>{html.escape(text, quote=False)}" and rest.strip() == f"<p>{body.split(chr(10))[-2]}</p>"
    assert text in rendered.text


@pytest.mark.parametrize(("body", "shown", "told"), [
    # Markup meant, never closed: taken as before, removed and warned where it was (the first rule made these text).
    ('视频：<iframe src="https://player.example.com/v/1" width=600>\n', "<p>视频：</p>", "raw HTML <iframe> was removed"),
    ("正文<script>alert(1)\n", "<p>正文</p>", "raw HTML <script> was removed"),
    ("<font color=red>红字内容\n", "<p>红字内容</p>", "raw HTML <font color=red> was removed"),
    ("第一段<p>第二段\n", "<p>第一段</p><p>第二段</p>", ""),
    # An anchor of old HTML: gone from the page, and told (a link to #s1 leads nowhere).
    ('## <a name="s1">标题\n', '<h2 id="标题"><a>标题</a></h2>',
     'name="s1" on <a> was removed, so a link to #s1 finds no place in the page'),
])
def test_a_tag_with_attributes_or_one_the_page_removes_is_markup_closed_or_not(
        renderer: MarkdownRenderer, body: str, shown: str, told: str) -> None:
    rendered = renderer.render(body, "content/a.md", 9)
    assert rendered.html.strip() == shown
    assert [p.message.startswith(told) for p in rendered.problems] == ([True] if told else [])


@pytest.mark.parametrize(("body", "shown"), [
    ("<b>粗</b>和<B>大写</b>，<a href=\"https://a.cn/\">链接</a>，换行<br>这里\n",
     '<p><b>粗</b>和<b>大写</b>，<a href="https://a.cn/">链接</a>，换行<br>这里</p>'),
    ('<span title="说明">甲\n乙</span>丙\n', '<p><span title="说明">甲<br>\n乙</span>丙</p>'),
])
def test_a_tag_closed_in_its_paragraph_is_taken_as_before(renderer: MarkdownRenderer, body: str,
                                                          shown: str) -> None:
    assert renderer.render(body, "content/a.md", 9).html.strip() == shown


@pytest.mark.parametrize("body", ["价格<5万元，或>3万元。\n", "`<WPS表格>` 是代码\n", "```\n<WPS表格>\n```\n",
                                  "<font face=宋体>字</font>\n", "<https://例子.中国/>\n"])
def test_angle_brackets_that_hold_no_title_are_not_offered_book_title_marks(renderer: MarkdownRenderer,
                                                                           body: str) -> None:
    assert not [p for p in renderer.render(body, "content/a.md", 9).problems if "书名号" in p.message]


# ---------------------------------------------------------------- links and pictures typed with full-width signs


def _assert_hint_makes_the_link(renderer: MarkdownRenderer, body: str, typed: str, mended: str, what: str) -> None:
    """With ``typed`` replaced by the hint's ``mended`` in ``body``, nothing is told and the page holds the one link
    (``what``: "link") or picture the mended Markdown names, with its text, address and title."""
    followed = renderer.render(body.replace(typed, mended), "content/a.md", 9)
    assert followed.problems == ()
    link = re.search(r'!?\[(.*)\]\((\S+)(?: "(.*)")?\)', mended)
    assert link is not None
    made = fragment(followed.html).xpath("//img" if what == "picture" else "//a")
    assert [(e.get("alt") if what == "picture" else e.text_content(), e.get("src" if what == "picture" else "href"),
             e.get("title")) for e in made] == [link.groups()]


def _assert_told_once_then_mended(renderer: MarkdownRenderer, body: str, typed: str, mended: str,
                                   message: str, hint: str) -> None:
    """``body`` (a link or picture slip, ``typed``, in it) gets one problem, at the first character of ``typed``,
    with ``message`` and ``hint`` (each may name the slip's kind as ``{what}``: "link" or "picture"), and the hint
    followed (``mended``) makes the one link (`_assert_hint_makes_the_link`)."""
    rendered = renderer.render(body, "content/a.md", 9)
    what = "picture" if mended.lstrip("如图").startswith("!") else "link"
    line = body[:body.index(typed)]
    assert placed(rendered) == [(9 + line.count("\n"), len(line) - line.rfind("\n"),
                                 message.replace("{what}", what), hint.replace("{what}", what))]
    _assert_hint_makes_the_link(renderer, body, typed, mended, what)


@pytest.mark.parametrize(("body", "typed", "mended"), [
    # Each slip alone: the first two were never told (the quick look for slips missed a closing "）").
    ("![茭白田](images/photo2.png）\n", "![茭白田](images/photo2.png）", "![茭白田](images/photo2.png)"),
    ("详见[原文](http://www.shcafe.org/shzxxw/120946.html）\n", "[原文](http://www.shcafe.org/shzxxw/120946.html）",
     "[原文](http://www.shcafe.org/shzxxw/120946.html)"),
    ("详见[原文]（http://www.shcafe.org/a.html)\n", "[原文]（http://www.shcafe.org/a.html)",
     "[原文](http://www.shcafe.org/a.html)"),
    ("详见【原文](http://www.shcafe.org/a.html)\n", "【原文](http://www.shcafe.org/a.html)",
     "[原文](http://www.shcafe.org/a.html)"),
    ("详见[原文】(http://www.shcafe.org/a.html)\n", "[原文】(http://www.shcafe.org/a.html)",
     "[原文](http://www.shcafe.org/a.html)"),
    ("！[茭白田](images/photo2.png)\n", "！[茭白田](images/photo2.png)", "![茭白田](images/photo2.png)"),
    ("详见[原文] (http://www.shcafe.org/a.html)\n", "[原文] (http://www.shcafe.org/a.html)",
     "[原文](http://www.shcafe.org/a.html)"),
    # Mixtures, a title in Chinese quotes, and a caption whose own （） and 【】 are the editor's, kept.
    ("！【茭白田】（images/photo2.png “茭白（秋季）”）\n", "！【茭白田】（images/photo2.png “茭白（秋季）”）",
     '![茭白田](images/photo2.png "茭白（秋季）")'),
    ("![图（一）：【茭白田】](images/photo2.png）\n", "![图（一）：【茭白田】](images/photo2.png）",
     "![图（一）：【茭白田】](images/photo2.png)"),
    # An address's own pairs of parentheses are kept whole.
    ("[通知](http://www.qingpu.gov.cn/通知（2018）.pdf）\n", "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf）",
     "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf)"),
    ("[百科](https://zh.wikipedia.org/wiki/A_(B)）\n", "[百科](https://zh.wikipedia.org/wiki/A_(B)）",
     "[百科](https://zh.wikipedia.org/wiki/A_(B))"),
    # In a list and in a table.
    ("主要做法：\n- 详见[原文](http://www.shcafe.org/a.html）\n- 其他\n", "[原文](http://www.shcafe.org/a.html）",
     "[原文](http://www.shcafe.org/a.html)"),
    ("| 图 | 来源 |\n|---|---|\n| ![茭白田](images/photo2.png） | 镇里 |\n", "![茭白田](images/photo2.png）",
     "![茭白田](images/photo2.png)"),
])
def test_a_link_or_picture_with_any_full_width_sign_is_told_with_the_markdown_that_works(
        renderer: MarkdownRenderer, body: str, typed: str, mended: str) -> None:
    _assert_told_once_then_mended(
        renderer, body, typed, mended,
        "this {what} is typed with full-width signs or a space (全角符号), which Markdown does not read as a "
        f"{{what}}: {typed}",
        f"type it in half width (半角), with nothing between ] and (: {mended}")


ROAD_CASE = "/cases/hua-xin-zhen-lu-deng-xiu-fu/"
ROAD_PHOTO = "images/huaxin-ludeng.png"
WANTS = {")": 'type ")" right after the address', "]": 'type "]" right after the text, before "("',
         "(": 'type "(" right after "]"', "[": 'type "[" right before its text'}


# A link or picture missing a bracket or parenthesis was published as typed, raw Markdown, unwarned
# ("<p>详见[路灯案例](/cases/hua-xin-zhen-lu-deng-xiu-fu/。</p>"), while one typed with a full-width "）" was warned.
@pytest.mark.parametrize(("body", "typed", "sign", "mended"), [
    # No ")": before the sentence's mark, at the line's end, before words after a space, after a title.
    (f"详见[路灯案例]({ROAD_CASE}。\n", f"[路灯案例]({ROAD_CASE}", ")", f"[路灯案例]({ROAD_CASE})"),
    (f"![村道路灯]({ROAD_PHOTO}\n", f"![村道路灯]({ROAD_PHOTO}", ")", f"![村道路灯]({ROAD_PHOTO})"),
    (f"如图![村道路灯]({ROAD_PHOTO} 所示。\n", f"![村道路灯]({ROAD_PHOTO}", ")", f"![村道路灯]({ROAD_PHOTO})"),
    (f'![村道路灯]({ROAD_PHOTO} "修好的路灯"\n', f'![村道路灯]({ROAD_PHOTO} "修好的路灯"', ")",
     f'![村道路灯]({ROAD_PHOTO} "修好的路灯")'),
    ("[通知](http://www.qingpu.gov.cn/通知（2018）.pdf，请查阅。\n", "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf", ")",
     "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf)"),
    # No "]", no "(", no "[" (after a picture's "!").
    (f"详见[路灯案例({ROAD_CASE})。\n", f"[路灯案例({ROAD_CASE})", "]", f"[路灯案例]({ROAD_CASE})"),
    (f"![村道路灯({ROAD_PHOTO})\n", f"![村道路灯({ROAD_PHOTO})", "]", f"![村道路灯]({ROAD_PHOTO})"),
    (f"详见[路灯案例]{ROAD_CASE})。\n", f"[路灯案例]{ROAD_CASE})", "(", f"[路灯案例]({ROAD_CASE})"),
    (f"如图!村道路灯]({ROAD_PHOTO})\n", f"如图!村道路灯]({ROAD_PHOTO})", "[", f"如图![村道路灯]({ROAD_PHOTO})"),
    # In a list, a table, a quote and a heading.
    (f"主要做法：\n- 详见[路灯案例]({ROAD_CASE}\n- 其他\n", f"[路灯案例]({ROAD_CASE}", ")", f"[路灯案例]({ROAD_CASE})"),
    (f"| 图 | 来源 |\n|---|---|\n| ![村道路灯({ROAD_PHOTO}) | 镇里 |\n", f"![村道路灯({ROAD_PHOTO})", "]",
     f"![村道路灯]({ROAD_PHOTO})"),
    (f"> 详见[路灯案例]{ROAD_CASE})\n", f"[路灯案例]{ROAD_CASE})", "(", f"[路灯案例]({ROAD_CASE})"),
    (f"## 路灯 [案例]({ROAD_CASE}\n", f"[案例]({ROAD_CASE}", ")", f"[案例]({ROAD_CASE})"),
])
def test_a_link_or_picture_missing_a_bracket_is_told_with_the_markdown_that_works(
        renderer: MarkdownRenderer, body: str, typed: str, sign: str, mended: str) -> None:
    _assert_told_once_then_mended(
        renderer, body, typed, mended,
        f'this {{what}} has no "{sign}" (缺少括号), so Markdown does not read it as a {{what}}: the page shows it '
        f"as typed: {typed}", f"{WANTS[sign]}: {mended}")
    assert typed in renderer.render(body, "content/a.md", 9).text  # shown as typed


# A link with a full-width sign and no ")" at once got no message: the full-width check reads a link up to its
# ")", the missing-sign check only half-width brackets. The page showed "详见[路灯案例】(/cases/…/" as typed.
@pytest.mark.parametrize(("body", "typed", "mended"), [
    (f"详见[路灯案例】({ROAD_CASE}\n", f"[路灯案例】({ROAD_CASE}", f"[路灯案例]({ROAD_CASE})"),
    (f"详见[路灯案例】({ROAD_CASE}。\n", f"[路灯案例】({ROAD_CASE}", f"[路灯案例]({ROAD_CASE})"),
    (f"详见【路灯案例】（{ROAD_CASE} 另见（附件）\n", f"【路灯案例】（{ROAD_CASE}", f"[路灯案例]({ROAD_CASE})"),
    ("详见【原文](http://www.shcafe.org/a.html，请查阅。\n", "【原文](http://www.shcafe.org/a.html",
     "[原文](http://www.shcafe.org/a.html)"),
    (f"！[村道路灯]({ROAD_PHOTO}\n", f"！[村道路灯]({ROAD_PHOTO}", f"![村道路灯]({ROAD_PHOTO})"),
    (f'![村道路灯] ({ROAD_PHOTO} "修好的路灯"\n', f'![村道路灯] ({ROAD_PHOTO} "修好的路灯"',
     f'![村道路灯]({ROAD_PHOTO} "修好的路灯")'),
    ("![图（一）：【茭白田】]（images/photo2.png\n", "![图（一）：【茭白田】]（images/photo2.png",
     "![图（一）：【茭白田】](images/photo2.png)"),
    # In a list and a quote.
    (f"主要做法：\n- 详见[路灯案例】({ROAD_CASE}\n- 其他\n", f"[路灯案例】({ROAD_CASE}", f"[路灯案例]({ROAD_CASE})"),
    (f"> 详见[路灯案例]（{ROAD_CASE}\n", f"[路灯案例]（{ROAD_CASE}", f"[路灯案例]({ROAD_CASE})"),
])
def test_a_link_with_a_full_width_sign_and_no_closing_parenthesis_is_told_once(
        renderer: MarkdownRenderer, body: str, typed: str, mended: str) -> None:
    _assert_told_once_then_mended(
        renderer, body, typed, mended,
        'this {what} is typed with full-width signs or a space (全角符号) and has no ")" (缺少括号), so Markdown '
        f"does not read it as a {{what}}: the page shows it as typed: {typed}",
        f'type it in half width (半角), with nothing between ] and (, and type ")" right after the address: {mended}')
    assert typed in renderer.render(body, "content/a.md", 9).text


def test_a_link_with_a_full_width_sign_whose_address_end_is_unclear_is_told_where_to_type_it(
        renderer: MarkdownRenderer) -> None:
    body = f"详见[路灯案例】({ROAD_CASE}详见下文\n"
    assert [(p.message, p.hint) for p in renderer.render(body, "content/a.md", 1).problems] == [(
        'this link is typed with full-width signs or a space (全角符号) and has no ")" (缺少括号), so Markdown does '
        f"not read it as a link: the page shows it as typed: [路灯案例】({ROAD_CASE}详见下文",
        'type it in half width (半角), with nothing between ] and (, and type ")" right after the address')]


@pytest.mark.parametrize("body", ["【通知】（二\n", "【一】（见下文\n", "数组a[i】(x.y\n", f"`[路灯案例】({ROAD_CASE}`\n",
                                  f"```\n[路灯案例】({ROAD_CASE}\n```\n"])
def test_full_width_brackets_of_chinese_text_with_no_parenthesis_after_are_not_told(
        renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "content/a.md", 1).problems == ()


@pytest.mark.parametrize(("body", "told", "how"), [
    # Where the text begins, or where the address ends, cannot be told: the hint says where the sign goes.
    (f"详见路灯案例]({ROAD_CASE})\n", f'this link has no "[" (缺少括号), so Markdown does not read it as a link: the page '
     f"shows it as typed: 详见路灯案例]({ROAD_CASE})", f'{WANTS["["]}, as in [文字]({ROAD_CASE})'),
    (f"见图村道路灯]({ROAD_PHOTO})\n", f'this picture has no "![" (缺少括号), so Markdown does not read it as a picture: '
     f"the page shows it as typed: 见图村道路灯]({ROAD_PHOTO})",
     f'type "![" right before its text, as in ![说明]({ROAD_PHOTO})'),
    (f"详见[路灯案例]({ROAD_CASE}详见下文\n", f'this link has no ")" (缺少括号), so Markdown does not read it as a link: the '
     f"page shows it as typed: [路灯案例]({ROAD_CASE}详见下文", WANTS[")"]),
])
def test_a_link_missing_a_bracket_where_the_place_is_unclear_is_told_where_to_type_it(
        renderer: MarkdownRenderer, body: str, told: str, how: str) -> None:
    assert [(p.message, p.hint) for p in renderer.render(body, "content/a.md", 1).problems] == [(told, how)]


@pytest.mark.parametrize("body", [
    # Square brackets of Chinese text and of formulas, and code.
    "研究表明[1]。另见[2]，a[i]=b[j]，(a[i]/2)，x[1](y/2)，[注]：见附件。\n",
    "【一】标题\n\n[1] 张三：《调研报告》，2018年。\n", "[1](2019.5\n", "数组a[i](x.y\n",
    f"`[路灯案例]({ROAD_CASE}`\n", f"```\n[路灯案例]({ROAD_CASE}\n![村道路灯({ROAD_PHOTO})\n```\n",
    f"\\[路灯案例]({ROAD_CASE}\n", f"\\[路灯案例\\]({ROAD_CASE})\n",
    # Links Markdown reads: over two lines of a paragraph, by reference, with parentheses in the address.
    f"详见[路灯\n案例]({ROAD_CASE})。\n", "见[原文][yw]，或[原文]。\n\n[原文]: http://www.shcafe.org/a.html\n"
    "[yw]: http://www.shcafe.org/a.html\n", "[百科](https://zh.wikipedia.org/wiki/A_(B))\n",
    f'![村道路灯]({ROAD_PHOTO} "修好的\n路灯")\n',
    # Found by the property test below: "](" inside the address of a link Markdown reads (its href is "](a.png)").
    "[图](](a.png))\n",
])
def test_brackets_that_are_no_broken_link_are_not_told(renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "content/a.md", 1).problems == ()


_BROKEN_PIECES = ["!", "[", "]", "(", ")", "（", "）", " ", "\n", "\n\n", "。", "图", "a.png", "/cases/x/",
                  "http://a.org/", '"题"', "](", "](a.png", "[图](", "`", "- ", "> ", "a", "！", "【", "】", "】("]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BROKEN_PIECES), max_size=16).map("".join))
@example("[`!`](a.png")  # quoted with its code span blanked ("[   ](a.png"), as read, not as typed
@example("[图](](a.png))")  # "](" inside an address Markdown reads was told a link missing its "["
@example('[图]("题"[图](a.png')  # the second link is part of the first's address: told missing its ")"
def test_a_link_told_missing_a_bracket_is_shown_as_typed(text: str) -> None:
    # A warning that a link has no "]" or ")" is true only where the page shows what it quotes: Markdown read no link.
    rendered = MarkdownRenderer().render(text, "content/a.md", 1)
    for problem in rendered.problems:
        if "(缺少括号)" in problem.message:
            assert problem.message.rsplit("typed: ", 1)[1] in rendered.text


_SLIP_PIECES = ["!", "！", "[", "]", "【", "】", "［", "］", "(", ")", "（", "）", " ", "\t", "\n", "图", "a.png",
                "http://a.org/", "“题”", '"题"', "](", "](a.png", "）", "`", "（2018）", "(B)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SLIP_PIECES), st.text(max_size=2)), max_size=20).map("".join))
def test_the_quick_look_for_slips_misses_none_the_full_look_finds(text: str) -> None:
    slips = [found for line in text.split("\n") for found in markup.TYPED_LINK_RE.finditer(line)
             if markup.is_slip(found)]
    assert not slips or markup.slip_possible(text)


@pytest.mark.parametrize("body", ["详见[原文](http://a.org/x.html)（2018年）。\n", "【通知】（二）不是链接。\n",
                                  "[链接（括号）](https://a.org/x)\n", "`![图](a.png）`\n",
                                  "[通知](http://www.qingpu.gov.cn/通知（2018）.pdf)\n"])
def test_links_typed_right_and_brackets_of_chinese_text_are_not_told(renderer: MarkdownRenderer, body: str) -> None:
    assert renderer.render(body, "content/a.md", 9).problems == ()
    # Nor beside a slip, which has the whole body looked at line by line (the first address was told cut at
    # its "）" once another slip was in the body).
    slipped = renderer.render(body + "\n！[图](images/a.png)\n", "content/a.md", 9)
    assert [p.message.rsplit(": ", 1)[1] for p in slipped.problems] == ["！[图](images/a.png)"]


def test_a_text_too_deeply_nested_for_markdown_is_kept_as_text_with_an_error(renderer: MarkdownRenderer) -> None:
    # Python-Markdown ran out of stack on 250 levels of lists: render raised RecursionError, the build a traceback.
    body = "开头。\n" + "".join("    " * level + f"- 第{level}层\n" for level in range(250))
    result = renderer.render(body, "content/a.md", 5)
    assert [(p.line, p.column, p.severity) for p in result.problems] == [(255, 1, "error")]
    assert "this item is at level 250, and sitegen converts lists of at most 100 levels" in result.problems[0].message
    assert result.text.split("\n")[:3] == ["开头。", "- 第0层", "- 第1层"] and len(result.text.split("\n")) == 251
    assert result.html.startswith("<p>开头。<br>\n- 第0层<br>\n") and "<li>" not in result.html
    # The renderer reads the next body as usual.
    assert renderer.render("- 甲\n    - 乙\n", "content/a.md", 5).html == "<ul>\n<li>甲<ul>\n<li>乙</li>\n</ul>\n</li>\n</ul>"


@pytest.mark.parametrize(("indent", "quote"), [("    ", ""), ("\t", ""), ("    ", "> ")])
def test_lists_are_converted_to_100_levels_and_one_level_more_is_an_error(
        renderer: MarkdownRenderer, indent: str, quote: str) -> None:
    # Where Python-Markdown gives up depends on its release (3.11.3 raised RecursionError at 245 levels; 3.11.4
    # shows the markers from about level 224 as text, unwarned) and on how deep its caller is: the limit is
    # sitegen's, the same everywhere. In a quotation the levels count from the space after ">"; a tab is 4 spaces.
    def body(levels: int) -> str:
        return "".join(quote + indent * level + f"- 第{level + 1}层\n" for level in range(levels))

    converted = renderer.render(body(MAX_LIST_LEVELS), "content/a.md", 5)
    assert converted.problems == () and converted.html.count("<ul>") == MAX_LIST_LEVELS == 100
    assert converted.text.split("\n")[-1] == "第100层"
    refused = renderer.render(body(MAX_LIST_LEVELS + 1), "content/a.md", 5)
    assert [(p.line, p.column, p.severity, p.message) for p in refused.problems] == [
        (105, 1, "error", "this list is nested too deep (嵌套过深): this item is at level 101, and sitegen converts "
                          "lists of at most 100 levels, so the text is kept as typed")]
    assert refused.text.split("\n")[-1].endswith("- 第101层") and "<li>" not in refused.html
    assert [list_level(line) for line in body(3).splitlines()] == [1, 2, 3]


def test_a_line_indented_far_without_a_list_marker_is_no_list_level(renderer: MarkdownRenderer) -> None:
    # Only list items nest: a code line or text pushed far right is converted as Markdown reads it.
    body = "```\n" + " " * 800 + "代码\n```\n\n正文。\n" + " " * 600 + "续行\n"
    assert renderer.render(body, "content/a.md", 1).problems == ()
    assert list_level(" " * 800 + "代码") == 0 and list_level(" " * 8 + "1. 甲") == 3 and list_level("1) 甲") == 0


def test_after_a_text_too_deeply_nested_every_later_body_is_converted_as_by_a_new_renderer() -> None:
    # Python-Markdown's parser was left half way where the stack ran out, and reset() does not clear it: in a
    # build, every later body of that process came out wrong ("## 问6" then "答6。": "<h2>问6</h2>\n<br>\n答6。").
    # Where the stack runs out depends on how deep the caller already is: tried from many depths.
    fresh = MarkdownRenderer()
    samples = ["## 问6\n\n答6。\n", "甲\n乙\n", "- 甲\n- 乙\n\n段落\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
               "> 引\n\n1. 甲\n2. 乙\n", "**粗**与[链接](https://a.cn/)\n"]
    nested = "## 问题一\n\n回答。\n\n" + "".join("    " * level + "- 甲\n" for level in range(250))

    def at_depth(depth: int, call):
        return call() if depth == 0 else at_depth(depth - 1, call)

    for depth in range(0, 900, 50):
        renderer = MarkdownRenderer()
        problems = at_depth(depth, lambda: renderer.render(nested, "content/a.md", 1)).problems
        assert [p.severity for p in problems] == ["error"], depth
        assert [renderer.render(s, "content/a.md", 1).html for s in samples] == [
            fresh.render(s, "content/a.md", 1).html for s in samples], depth


@pytest.mark.parametrize(("row", "count", "lost"), [
    ("| 是否满意 | 是|否 |", 3, "否"), ("| 多格 | 一 | 二 | 三 |", 4, "二、三"), ("| 合计 | 318 | | 注 |", 4, "注")])
def test_a_table_row_with_more_cells_than_the_first_row_is_warned_with_what_it_loses(
        renderer: MarkdownRenderer, row: str, count: int, lost: str) -> None:
    # Python-Markdown drops a row's cells beyond the first row's: "否" was lost, unwarned.
    body = f"正文。\n\n| 项目 | 回答 |\n|---|---|\n| 转义 | 是\\|否 |\n| 代码 | `a|b` |\n{row}\n| 少 | |\n"
    rendered = renderer.render(body, "content/a.md", 20)
    assert [p.format() for p in rendered.problems] == [
        f"content/a.md:26:1: warning: this row has {count} cells and the table's first row 2, so the page shows only "
        f"its first 2 and leaves out: {lost}\n"
        '  hint: if a "|" belongs inside a cell, type it as \\|; for another column, add it to the first row and a '
        "--- for it to the line under it"]
    if "是|否" in row:  # the hint, followed
        escaped = renderer.render(body.replace(row, row.replace("是|否", "是\\|否")), "content/a.md", 20)
        assert escaped.problems == () and "是否满意 是|否" in escaped.text


def test_a_table_row_in_a_quote_is_counted_and_empty_cells_after_the_last_lose_nothing(
        renderer: MarkdownRenderer) -> None:
    quoted = renderer.render("> | 项目 | 回答 |\n> |---|---|\n> | 满意 | 是|否 |\n", "content/a.md", 20)
    assert [(p.line, p.message) for p in quoted.problems] == [
        (22, "this row has 3 cells and the table's first row 2, so the page shows only its first 2 and leaves out: 否")]
    trailing = renderer.render("| a | b |\n|---|---|\n| 1 | 2 | |\n| 3 | 4 ||\n", "content/a.md", 20)
    assert trailing.problems == ()


def test_a_table_row_short_of_the_first_rows_cells_is_warned_with_the_row_that_keeps_them_empty(
        renderer: MarkdownRenderer) -> None:
    # | 招工 | 8 | under three columns was published with its third cell empty, unwarned: in a table of
    # figures, a figure left out read as none.
    body = "| 问题 | 数量 | 已解决 |\n|---|---|---|\n| 招工 | 8 |\n| 停车 | 5 | 3 |\n| 照明\n"
    rendered = renderer.render(body, "content/a.md", 20)
    assert [p.format() for p in rendered.problems] == [
        "content/a.md:22:1: warning: this row has 2 cells and the table's first row 3, so the page shows its last "
        "cell empty (空白)\n"
        "  hint: if a figure or word was left out, add it; if the cells are empty on purpose, write them: "
        "| 招工 | 8 | |",
        "content/a.md:24:1: warning: this row has 1 cell and the table's first row 3, so the page shows its last "
        "2 cells empty (空白)\n"
        "  hint: if a figure or word was left out, add it; if the cells are empty on purpose, write them: "
        "| 照明 | | |"]
    followed = renderer.render(body.replace("| 招工 | 8 |", "| 招工 | 8 | |").replace("| 照明\n", "| 照明 | | |\n"),
                               "content/a.md", 20)
    assert followed.problems == ()
    assert followed.html == rendered.html  # the page is the same: only the warning goes


def test_a_line_of_dashes_short_of_the_first_rows_cells_is_warned_with_the_line_to_type(
        renderer: MarkdownRenderer) -> None:
    # | --- | --- | under three cells: the table was shown as text, pipes and all, unwarned.
    body = "| 类别 | 数量 | 备注 |\n| --- | --- |\n| 照明 | 18 | 无 |\n"
    rendered = renderer.render(body, "content/a.md", 20)
    assert [(p.line, p.message, p.hint) for p in rendered.problems] == [
        (21, "the line under the table's first row has 2 cells and the first row 3, so Markdown shows the table as "
             "text, pipes and all", "write one --- for each column: | --- | --- | --- |")]
    followed = renderer.render(body.replace("| --- | --- |", "| --- | --- | --- |"), "content/a.md", 20)
    assert followed.problems == () and "<td>无</td>" in followed.html
    aligned = renderer.render(body.replace("| --- | --- |", "| :-: | --: |"), "content/a.md", 20)
    assert [p.hint for p in aligned.problems] == ["write one --- for each column: | :-: | --: | --- |"]


@pytest.mark.parametrize(("line", "column", "text", "times", "escaped"), [
    ("面积=长*宽*高。", 5, "宽", "长×宽×高", "长\\*宽\\*高"),
    ("A*B*C型", 2, "B", "A×B×C型", "A\\*B\\*C型"),
    # The formula whole in the hint, whichever side its "=" is; a full-width "=" too.
    ("长*宽*高=面积", 2, "宽", "长×宽×高", "长\\*宽\\*高"),
    ("成绩＝数学*语文*英语", 6, "语文", "数学×语文×英语", "数学\\*语文\\*英语"),
])
def test_stars_between_words_are_told_as_multiplication_signs_read_as_italics(
        renderer: MarkdownRenderer, line: str, column: int, text: str, times: str, escaped: str) -> None:
    # "面积=长*宽*高" was published as "面积=长宽高", 宽 slanted, unwarned.
    rendered = renderer.render(line + "\n", "content/a.md", 9)
    [problem] = rendered.problems
    assert (problem.line, problem.column) == (9, column)
    assert problem.message.startswith(f'the two "*" here are read as italics (斜体), so the page shows no stars and '
                                      f'"{text}" slanted')
    assert problem.hint.startswith(f"if they are multiplication signs (乘号), write × in their place: {times}; to show "
                                   f"the stars, write a backslash before each: {escaped}")
    for mended in (times, escaped):
        followed = renderer.render(line.replace(escaped.replace("\\", ""), mended) + "\n", "content/a.md", 9)
        assert followed.problems == () and mended.replace("\\", "") in followed.text


@pytest.mark.parametrize("line", ["3*4*5立方", "这是 *强调* 文字", "`长*宽*高`", "长*宽*高", "这是*重点*内容。",
                                  # An "=" further back is no formula's: these are italics meant.
                                  "设x=1，则*重点*在于", "详见 https://x.org/?a=1 这是*重点*内容"])
def test_stars_that_are_no_multiplication_signs_read_as_italics_are_not_told_so(renderer: MarkdownRenderer,
                                                                               line: str) -> None:
    assert renderer.render(line + "\n", "content/a.md", 9).problems == ()


@pytest.mark.parametrize(("line", "column", "shown"), [
    ("路径 D:\\资料\\_备份。", 9, "D:\\资料_备份"),
    ("见 C:\\Users\\张三\\Desktop\\[草稿].docx", 22, "C:\\Users\\张三\\Desktop[草稿].docx"),
])
def test_a_windows_path_whose_backslash_markdown_takes_for_an_escape_is_warned(renderer: MarkdownRenderer,
                                                                              line: str, column: int,
                                                                              shown: str) -> None:
    # "D:\资料\_备份" was published as "D:\资料_备份", the backslash gone, unwarned.
    rendered = renderer.render(line + "\n", "content/a.md", 9)
    [problem] = rendered.problems
    assert (problem.line, problem.column) == (9, column) and problem.message.endswith(f"leaves it out: {shown}")
    typed = problem.hint.rsplit(": ", 1)[1]
    followed = renderer.render(line.replace(typed.strip("`"), typed) + "\n", "content/a.md", 9)
    assert followed.problems == () and typed.strip("`") in followed.text


@pytest.mark.parametrize("line", ["`D:\\资料\\_备份`", "D:\\资料\\2018年", "见 http://a.cn/\\_x"])
def test_a_path_markdown_shows_as_typed_is_not_warned(renderer: MarkdownRenderer, line: str) -> None:
    assert renderer.render(line + "\n", "content/a.md", 9).problems == ()
