"""Search in a real browser: typing 草莓 on the search page lists the Baihe interview.

The example is built (which runs Pagefind's extended build over it), served
on loopback, and the search page driven in headless Chromium as a reader
would: type, wait for the results, follow one.

Imports: the fixtures of tests/browser/conftest.py; axe helpers from test_pages; tests.sitekit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from ..sitekit import build_at, copy_example
from .conftest import SCREENSHOTS, ServedSite, serving
from .test_pages import blocking_violations, format_violations

RESULT_LINKS = ".pagefind-ui__result-link"
PAGE_LINKS = ".pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link"
SHOWN_AT_FIRST = 5  # Pagefind UI shows five pages, then a "more results" button
ALL_RESULTS_SHOWN = f"""(words) => {{
    const message = document.querySelector(".pagefind-ui__message");
    const count = message && message.textContent.includes(words) && /^没有找到|找到(\\d+)个/.exec(message.textContent);
    return count && !document.getElementById("search").hasAttribute("aria-busy")
        && document.querySelectorAll("{PAGE_LINKS}").length >= Math.min(+(count[1] || 0), {SHOWN_AT_FIRST});
}}"""


def search(page: Any, words: str) -> list[dict[str, str]]:
    """Type ``words`` into the loaded search page; return the results as ``[{title, href}]``.

    Waits until Pagefind UI has said how many pages it found (or that it
    found none) and has shown each of them (it fills results in one by one
    as their data arrives).
    """
    field = page.locator(".pagefind-ui__search-input")
    field.wait_for(state="visible", timeout=10_000)
    field.click()
    page.keyboard.type(words, delay=30)
    page.wait_for_function(ALL_RESULTS_SHOWN, arg=words, timeout=15_000)
    links = page.locator(RESULT_LINKS)
    return [{"title": links.nth(i).inner_text().strip(), "href": links.nth(i).get_attribute("href") or ""}
            for i in range(links.count())]


def test_searching_caomei_lists_the_baihe_interview(served_example: ServedSite, page_at: Any) -> None:
    page = page_at(375)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_example.address("/search/"), wait_until="load")
    results = search(page, "草莓")
    print("\nsearch 草莓 → " + "; ".join(f"{r['title']} <{r['href']}>" for r in results))
    interviews = [r for r in results if "白鹤镇" in r["title"] and r["href"].startswith("/interviews/")
                  and "#" not in r["href"]]
    assert interviews, f"the Baihe interview is not among the results for 草莓: {results}"
    assert not errors, f"JavaScript errors on the search page: {errors}"

    status = page.locator("#search-status")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('草莓')",
                           timeout=5_000)
    assert "草莓" in status.inner_text(), "the result count is announced in the live region"
    assert status.get_attribute("aria-live") == "polite"

    violations = blocking_violations(page)
    assert not violations, format_violations("search with results", 375, violations)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-results-375.png"), full_page=True)

    page.locator(f'{RESULT_LINKS}[href="{interviews[0]["href"]}"]').first.click()
    page.wait_for_url(served_example.address(interviews[0]["href"]))
    assert "白鹤镇" in page.locator("h1").inner_text()


def test_search_input_is_labelled_and_results_need_a_matching_word(served_example: ServedSite,
                                                                   page_at: Any) -> None:
    page = page_at(1280)
    page.goto(served_example.address("/search/"), wait_until="load")
    field = page.locator(".pagefind-ui__search-input")
    field.wait_for(state="visible", timeout=10_000)
    assert page.get_by_role("textbox", name="搜索").count() == 1, "the search field has an accessible name"
    field.fill("xyzzyq")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('没有找到')",
                           timeout=10_000)
    assert page.locator(RESULT_LINKS).count() == 0
    assert page.locator("#search-status").inner_text() == "没有找到与“xyzzyq”相关的页面"


_FOCUSED = """() => { const e = document.activeElement, style = getComputedStyle(e);
  return [e.className, style.opacity, style.visibility, (e.textContent || '').trim()]; }"""


def test_tab_from_the_empty_search_field_never_lands_on_a_hidden_button(served_example: ServedSite,
                                                                         page_at: Any) -> None:
    # Pagefind's "清除" (clear) button is drawn with opacity 0 while the field is empty, but it stayed in
    # the Tab order: a keyboard user pressed Tab after the field and the focus vanished (WCAG 2.4.7).
    page = page_at(375)
    page.goto(served_example.address("/search/"), wait_until="load")
    field = page.locator(".pagefind-ui__search-input")
    field.wait_for(state="visible", timeout=10_000)
    field.focus()
    page.keyboard.press("Tab")
    name, opacity, visibility, text = page.evaluate(_FOCUSED)
    assert (opacity, visibility) == ("1", "visible"), f"Tab from the empty field went to {name!r} {text!r}"
    assert text == "全部访谈"
    # With words typed, the button shows and Tab reaches it; it clears the field.
    field.focus()
    page.keyboard.type("草莓", delay=30)
    page.keyboard.press("Tab")
    name, opacity, visibility, text = page.evaluate(_FOCUSED)
    assert (opacity, visibility, text) == ("1", "visible", "清除"), name
    page.keyboard.press("Enter")
    assert field.input_value() == ""


_SIZES = """() => {
  const size = selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  const message = document.querySelector('.pagefind-ui__message');
  return {text: size('.browse-links a'), input: size('.pagefind-ui__search-input'),
          message: size('.pagefind-ui__message'), title: size('.pagefind-ui__result-link'),
          excerpt: size('.pagefind-ui__result-excerpt'), clear: size('.pagefind-ui__search-clear'),
          clearInside: (() => { const c = document.querySelector('.pagefind-ui__search-clear').getBoundingClientRect(),
                                      i = document.querySelector('.pagefind-ui__search-input').getBoundingClientRect();
                                return c.top >= i.top && c.bottom <= i.bottom && c.right <= i.right; })(),
          clipped: message.scrollHeight > message.clientHeight + 1,
          inputFits: document.querySelector('.pagefind-ui__search-input').clientHeight
                     >= 1.5 * size('.pagefind-ui__search-input'),
          overflow: document.documentElement.scrollWidth - innerWidth};
}"""


def test_search_results_follow_the_readers_text_size_and_the_large_text_mode(served_example: ServedSite,
                                                                             page_at: Any) -> None:
    # The field and the results were in fixed pixels: their text stayed at 16 px (smaller than the
    # page's 18 px) with the phone's large-text setting (36 px text around them) and in 大字号 mode;
    # the clear button's 清除 was 0.8 of the page's text (14.4 px).
    failures = []
    for font in (16, 32):
        for mode in ("normal", "large text mode"):
            page = page_at(320)
            session = page.context.new_cdp_session(page)
            session.send("Page.enable")
            session.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
            page.goto(served_example.address("/search/"), wait_until="load")
            page.set_checked("label[for=reading-mode]", mode != "normal")
            search(page, "草莓")
            sizes = page.evaluate(_SIZES)
            text = sizes["text"]
            if not (sizes["excerpt"] >= text and sizes["message"] >= text and sizes["title"] > text
                    and sizes["clear"] >= text and sizes["clearInside"]
                    and sizes["input"] > text and sizes["inputFits"] and not sizes["clipped"]
                    and sizes["overflow"] <= 0):
                failures.append(f"{font} px, {mode}: {sizes}")
    assert not failures, "\n".join(failures)


_PLACEHOLDER_ROOM = """() => {
  const field = document.querySelector("#search input");
  const style = getComputedStyle(field);
  const pen = document.createElement("canvas").getContext("2d");
  pen.font = style.font;
  return {text: pen.measureText(field.placeholder).width, ellipsis: style.textOverflow === "ellipsis",
          room: field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)};
}"""


@pytest.mark.parametrize(("width", "font", "reading_mode", "whole"), [
    (320, 16, False, True), (375, 16, True, True), (375, 16, False, True), (320, 16, True, False),
    (375, 32, False, False)])
def test_the_empty_fields_example_is_shown_whole_or_ends_in_an_ellipsis(served_example: ServedSite, page_at: Any,
                                                                       width: int, font: int, reading_mode: bool,
                                                                       whole: bool) -> None:
    # The room kept for the hidden clear button cut 输入词语，如大调研 to 输入词语，如大调 at 320 px (大调 is a
    # musical key), and in 大字号 sliced 如 in half.
    page = page_at(width)
    page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": font}})
    page.goto(served_example.address("/search/"), wait_until="load")
    page.wait_for_selector("#search input")
    page.set_checked("label[for=reading-mode]", reading_mode)
    room = page.evaluate(_PLACEHOLDER_ROOM)
    assert room["ellipsis"] and (room["text"] <= room["room"]) is whole, room
    search(page, "草莓")  # with a word typed, the room for 清除 is kept again
    assert page.evaluate("""() => parseFloat(getComputedStyle(document.querySelector("#search input")).paddingRight)
                            >= document.querySelector(".pagefind-ui__search-clear").getBoundingClientRect().width""")
    page.set_checked("label[for=reading-mode]", False)


@pytest.mark.parametrize("width", [188, 320])
def test_results_fit_a_phone_zoomed_to_twice_its_size(served_example: ServedSite, page_at: Any, width: int) -> None:
    # A 375 px phone zoomed to 200% is 188 px wide: Pagefind held each excerpt at least 250 px wide, so the
    # results ran off the screen's right edge and the page scrolled sideways, every other page fitting.
    page = page_at(width)
    page.goto(served_example.address("/search/"), wait_until="load")
    search(page, "草莓")
    excerpt = page.locator(".pagefind-ui__result-excerpt").first.bounding_box()
    assert excerpt is not None and excerpt["x"] + excerpt["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_excerpts_join_chinese_blocks_with_a_chinese_full_stop(served_example: ServedSite, page_at: Any) -> None:
    # Pagefind joins a heading and the text after it with ". ": the case study's excerpt read
    # ". 做大做强白鹤草莓. 状态：推进中", a Latin full stop between Chinese words and one at the start.
    page = page_at(375)
    page.goto(served_example.address("/search/"), wait_until="load")
    search(page, "草莓")
    excerpts = [text.replace("\u200b", "")
                for text in page.locator(".pagefind-ui__result-excerpt").all_inner_texts()]
    print("\nexcerpts: " + " | ".join(excerpts))
    assert any("白鹤草莓。状态：推进中" in text for text in excerpts), excerpts  # the title, then its status line
    cjk = "[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
    assert [text for text in excerpts if re.search(f"{cjk}\\.( |$)|\\. {cjk}", text) or text.startswith(".")] == []
    # An excerpt is a window of words: one that starts or stops inside a sentence is marked "…", as a cut summary
    # is. "大做强白鹤草莓。状态" read as if the case study's title were 大做强白鹤草莓, "镇是“中国草莓之乡”" as if
    # a sentence began with 镇是.
    assert any(text.startswith("…大做强白鹤草莓。状态：推进中") for text in excerpts), excerpts
    assert [text for text in excerpts if text.startswith(("大做强", "做强", "镇是", "种草莓"))] == []
    assert all(text.endswith(("…", "。", "！", "？", "；")) for text in excerpts), excerpts
    # A window opening on a mark (。 数据文件…, ，动员…) shows the words after it.
    assert [text for text in excerpts if text.lstrip("…")[:1] in "。！？；，、："] == []


def _sub_results(served: ServedSite, page: Any, words: str) -> list[list[Any]]:
    """What Pagefind's own API finds for ``words`` on the served site's search page: ``[[page address,
    [[sub-result title, its address], …]], …]``, in the order found."""
    page.goto(served.address("/search/"), wait_until="load")
    return page.evaluate("""async (words) => {
        const pagefind = await import("/pagefind/pagefind.js");
        const pages = await Promise.all((await pagefind.search(words)).results.map((result) => result.data()));
        return pages.map((data) => [data.url, data.sub_results.map((part) => [part.title, part.url])]);
    }""", words)


def test_a_word_of_a_tag_or_the_source_is_found_under_a_heading_of_its_own(served_example: ServedSite,
                                                                            page_at: Any) -> None:
    # The source and the tags follow the figures box, whose heading was the last before them: a search for a
    # tag's word (补短板) listed "白鹤镇调研数据" and led to the figures, which hold none of the words typed.
    found = _sub_results(served_example, page_at(375), "补短板")
    assert sorted(found) == [
        ["/cases/baihe-sige-zui/", [["来源和标签", "/cases/baihe-sige-zui/#notes-heading"]]],
        ["/interviews/baihe-dadiaoyan-weifangtan/", [["来源和标签",
                                                      "/interviews/baihe-dadiaoyan-weifangtan/#notes-heading"]]]]


def test_a_word_of_a_caption_below_the_text_leads_to_the_pictures(served_example: ServedSite, page_at: Any) -> None:
    # The captions of the pictures under the text stand under their own heading, 图片, which had no id: Pagefind
    # filed them under the last heading with one, and a search for 小果园 led to the section "政策要精准".
    parts = dict(_sub_results(served_example, page_at(375), "小果园"))["/interviews/baihe-dadiaoyan-weifangtan/"]
    assert ["图片", "/interviews/baihe-dadiaoyan-weifangtan/#figures-heading"] in parts, parts
    assert [title for title, _ in parts if title == "政策要精准"] == []


@pytest.mark.parametrize(("words", "first"), [("下载", "/about-data/"), ("无障碍", "/accessibility/"),
                                               ("CSV", "/about-data/")])
def test_a_search_for_how_to_use_the_site_finds_the_page_that_says(served_example: ServedSite, page_at: Any,
                                                                   words: str, first: str) -> None:
    # 下载 listed two interviews holding 下 (下一步的计划); CSV and 无障碍 found nothing: the pages on the open
    # data and on reading the site were not in the index.
    page = page_at(375)
    page.goto(served_example.address("/search/"), wait_until="load")
    found = search(page, words)
    assert found and urlsplit(found[0]["href"]).path == first, found


TOWNS = {"huaxin": ("华新镇", "测试单位，暂无数据。"), "zhujiajiao": ("朱家角镇", "测试单位，数据待补。")}
"""Towns whose names Chromium's dictionary does not know: it splits them into single characters."""


@pytest.fixture(scope="module")
def served_towns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example with two more towns (`TOWNS`), built with its search index and served."""
    root: Path = copy_example(tmp_path_factory.mktemp("towns"))
    for unit, (name, summary) in TOWNS.items():
        (root / "content" / "units" / f"{unit}.yaml").write_text(
            f"name: {name}\nlevel: town\nsummary: {summary}\n", encoding="utf-8")
    build_at(root)
    with serving(root) as served:
        yield served


def message_of(page: Any) -> str:
    """The sentence Pagefind UI shows above the results."""
    return page.locator(".pagefind-ui__message").inner_text().strip()


def test_a_town_name_typed_whole_finds_the_towns_page(served_towns: ServedSite, page_at: Any) -> None:
    # With Pagefind 1.5 the search page split 华新镇 into 华 + 新 + 镇 (Chromium's dictionary) while the
    # index held 华新 + 镇, and asked for pages with all three: "没有找到包含“华新镇”的页面" for the
    # town's own name, though 朱 alone found 朱家角镇.
    page = page_at(1280)
    missing = {}
    for words, unit in (("华新镇", "huaxin"), ("华新", "huaxin"), ("朱家角镇", "zhujiajiao"),
                        ("朱家角", "zhujiajiao"), ("朱家", "zhujiajiao")):
        page.goto(served_towns.address("/search/"), wait_until="load")
        results = search(page, words)
        if f"/units/{unit}/" not in [result["href"] for result in results]:
            missing[words] = (message_of(page), results)
    assert not missing, missing
    assert page.evaluate("document.documentElement.lang") == "zh-CN", "the page's language is put back"
    page.goto(served_towns.address("/search/"), wait_until="load")
    page.locator(".pagefind-ui__search-input").fill("鲸鱼")
    page.wait_for_function("document.getElementById('search-status').textContent.includes('鲸鱼')",
                           timeout=10_000)
    assert message_of(page) == "没有找到与“鲸鱼”相关的页面"
    assert page.locator("#search-status").inner_text() == "没有找到与“鲸鱼”相关的页面"
    assert page.locator(RESULT_LINKS).count() == 0


def test_a_name_the_index_split_finds_every_page_that_holds_it(served_example: ServedSite, page_at: Any) -> None:
    # The index holds 白鹤 + 镇, and 白鹤镇 typed whole was matched as the start of one word: it found three
    # pages by their titles, each without an excerpt, and missed the case study 做大做强白鹤草莓 and the
    # page on the open data, whose texts hold 白鹤镇.
    page = page_at(375)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    holding = {"/cases/baihe-caomei/", "/cases/baihe-sige-zui/", "/units/baihe/", "/about-data/",
               "/interviews/baihe-dadiaoyan-weifangtan/"}
    for words, expected in (("白鹤镇", holding), ("白鹤镇 草莓", {"/cases/baihe-caomei/", "/units/baihe/",
                                                                "/interviews/baihe-dadiaoyan-weifangtan/"})):
        page.goto(served_example.address("/search/"), wait_until="load")
        found = {urlsplit(result["href"]).path for result in search(page, words)}
        assert found == expected, (words, found)
        shown = page.locator(".pagefind-ui__result")  # each page, with its excerpt or its sections'
        assert shown.count() == len(expected)
        assert all("<mark>" in shown.nth(i).inner_html() for i in range(shown.count())), words
        said = f"找到{len(expected)}个与“{words}”相关的页面"
        assert message_of(page) == said
        # Read out once the results are shown (no note: each page holds every word typed).
        page.wait_for_function("(said) => document.getElementById('search-status').textContent === said",
                               arg=said, timeout=10_000)
    assert not errors, errors


PLACES = {"anwan": ("安湾村", "village", "小菜园里的大变化", "安湾村村民反映屋前屋后环境脏乱。"),
          "baixing": ("白兴管委会", "committee", "企业停车难有了新办法", "白兴管委会组织企业座谈，商量停车难题。")}
"""Units whose names the index's dictionary splits into single characters, or in more than one way, each with a
case study whose title does not name it and whose text does."""


@pytest.fixture(scope="module")
def served_places(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example with the units and case studies of `PLACES`, built with its search index and served."""
    root: Path = copy_example(tmp_path_factory.mktemp("places"))
    for unit, (name, level, title, problem) in PLACES.items():
        (root / "content/units" / f"{unit}.yaml").write_text(
            f"name: {name}\nlevel: {level}\nsummary: {name}的大调研。\n", encoding="utf-8")
        (root / "content/cases" / f"{unit}-case.md").write_text(
            f"---\ntitle: {title}\nunit: {unit}\nstatus: in_progress\nproblem: {problem}\nactions:\n"
            f"  - 上门走访，逐一登记\ndate: 2018-05-05 10:00\nsummary: 上门走访，逐一登记。\n---\n\n{problem}\n",
            encoding="utf-8")
    build_at(root)
    with serving(root) as served:
        yield served


def test_a_place_name_the_index_splits_into_characters_or_two_ways_finds_its_pages(served_places: ServedSite,
                                                                                   page_at: Any) -> None:
    # Split into single characters (安 + 湾 + 村) the learnt split was thrown away, and 白兴管委会 found no way
    # of cutting: typed whole, each found only the unit's page, by its title, and not the case study.
    page = page_at(375)
    for unit, (name, _, _, _) in PLACES.items():
        page.goto(served_places.address("/search/"), wait_until="load")
        found = {urlsplit(result["href"]).path for result in search(page, name)}
        assert {f"/units/{unit}/", f"/cases/{unit}-case/"} <= found, (name, found)
        assert message_of(page) == f"找到{len(found)}个与“{name}”相关的页面"


def test_the_result_sentence_says_related_not_contains(served_example: ServedSite, page_at: Any) -> None:
    # "找到 4 个包含“白鹤 足球”的页面" for pages none of which holds 足球, and "找到 3 个包含“不存在”的
    # 页面" for pages holding 不 only: the sentence (also read out by the live region) claimed too much.
    # And Pagefind matches a word in part (地铁 listed the pages holding 地, as in 因地制宜): a note under the
    # sentence says that no page holds the whole word, and is read out with it.
    page = page_at(1280)
    for words, note in (("白鹤 足球", "没有页面同时含有“白鹤”“足球”，下面的页面只含有其中的部分字词。"),
                        ("不存在", "没有页面含有完整的“不存在”，下面的页面只含有其中的部分字词。"),
                        ("地铁", "没有页面含有完整的“地铁”，下面的页面只含有其中的部分字词。"),
                        ("草莓", None), ("白鹤 草莓", None)):
        page.goto(served_example.address("/search/"), wait_until="load")
        search(page, words)
        sentence = message_of(page)
        assert re.fullmatch(f"找到[1-9][0-9]*个与“{words}”相关的页面", sentence), sentence
        said = sentence + ("。" + note if note else "")
        page.wait_for_function("(text) => document.getElementById('search-status').textContent === text",
                               arg=said, timeout=5_000)
        notes = page.locator(".search-partial")
        assert (notes.count(), notes.first.inner_text() if note else None) == ((1, note) if note else (0, None))
    # A search after one with the note: the note goes.
    field = page.locator(".pagefind-ui__search-input")
    field.fill("")
    search(page, "地铁")
    page.wait_for_selector(".search-partial")
    field.fill("")
    search(page, "草莓")
    page.wait_for_function("() => !document.querySelector('.search-partial')", timeout=5_000)


def test_the_address_carries_the_search(served_example: ServedSite, page_at: Any) -> None:
    # /search/?q=白鹤 showed an empty field: a list of results could not be linked.
    page = page_at(375)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_example.address("/search/?q=%E8%8D%89%E8%8E%93"), wait_until="load")
    page.wait_for_function(ALL_RESULTS_SHOWN, arg="草莓", timeout=15_000)
    assert page.locator(".pagefind-ui__search-input").input_value() == "草莓"
    hrefs = [link.get_attribute("href") for link in page.locator(PAGE_LINKS).all()]
    assert "/interviews/baihe-dadiaoyan-weifangtan/" in hrefs, hrefs
    # A search typed is put in the address, in place of the one there (Back leaves the search page).
    length = page.evaluate("history.length")
    field = page.locator(".pagefind-ui__search-input")
    field.fill("白鹤")
    page.wait_for_function(ALL_RESULTS_SHOWN, arg="白鹤", timeout=15_000)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["白鹤"]}
    assert page.evaluate("history.length") == length
    field.fill("")
    page.wait_for_function("!location.search", timeout=5_000)
    # Nor is the last result sentence left in the status line a screen reader reads out.
    assert page.evaluate("document.getElementById('search-status').textContent") == ""
    assert not errors, errors
    # The address is typed by anyone who sends a link: what it asks for is shown as text, never run.
    payload = '<img src=x onerror="window.__ran = 1">'
    page.goto(served_example.address("/search/?q=" + quote(payload)), wait_until="load")
    page.wait_for_function(ALL_RESULTS_SHOWN, arg=payload, timeout=15_000)
    assert payload in message_of(page)
    assert page.evaluate("[window.__ran, document.querySelectorAll('#search img').length]") == [None, 0]
    # Without JavaScript the page is as before: it says search needs JavaScript and offers the ways to browse.
    plain = page_at(375, javascript=False)
    plain.goto(served_example.address("/search/?q=%E8%8D%89%E8%8E%93"), wait_until="load")
    assert plain.locator(".search-nojs").count() == 1
    assert plain.locator(".browse-links a").count() >= 4


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) window.__shifts.push(entry.value); }
}).observe({type: "layout-shift", buffered: true});"""
"""Collects the layout shifts of the page not caused by the reader (as Cumulative Layout Shift counts them)."""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_linked_search_moves_nothing_in_view_as_its_results_come_in(served_example: ServedSite, page_at: Any,
                                                                      width: int) -> None:
    # /search/?q=草莓 pushed the browse links and the footer down as its results came in: a layout shift of
    # 0.28 at 375 px and 0.16 at 1280 px (0.1 is the most Core Web Vitals count as good). Now 0.02 to 0.03:
    # Pagefind's own results, as each one's excerpt fills in.
    page = page_at(width)
    page.add_init_script(LAYOUT_SHIFTS)
    held: list[Any] = []
    page.route("**/pagefind/pagefind-ui.js", lambda route: held.append(route))
    page.goto(served_example.address("/search/?q=%E8%8D%89%E8%8E%93"), wait_until="commit")
    page.wait_for_selector("footer", state="attached")
    # While the results load, the browse links keep their place unseen and the footer is a screen down.
    assert page.evaluate("""() => [getComputedStyle(document.querySelector(".browse-links")).visibility,
                                   document.querySelector("footer").getBoundingClientRect().top >= innerHeight]"""
                         ) == ["hidden", True]
    held[0].continue_()
    page.unroute("**/pagefind/pagefind-ui.js")
    page.wait_for_function(ALL_RESULTS_SHOWN, arg="草莓", timeout=15_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert sum(page.evaluate("window.__shifts")) < 0.1
    assert page.locator(".browse-links a").first.is_visible()
    # No result: the links to browse by are shown with the sentence that says so (the status line's 0.4 s
    # after it); no search at all (its script not found): at once.
    page.goto(served_example.address("/search/?q=zzzz"), wait_until="load")
    page.wait_for_function(ALL_RESULTS_SHOWN, arg="zzzz", timeout=15_000)
    page.locator(".browse-links a").first.wait_for(state="visible", timeout=2_000)
    page.route("**/pagefind/pagefind-ui.js", lambda route: route.abort())
    page.goto(served_example.address("/search/?q=%E8%8D%89%E8%8E%93"), wait_until="load")
    page.wait_for_selector("text=搜索暂时无法使用", timeout=5_000)
    assert page.locator(".browse-links a").first.is_visible()  # at once
    # A search typed on the page leaves the browse links as they were: shown from the start.
    page.goto(served_example.address("/search/"), wait_until="commit")
    page.wait_for_selector("footer", state="attached")
    assert page.evaluate('getComputedStyle(document.querySelector(".browse-links")).visibility') == "visible"
