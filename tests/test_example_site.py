"""The bundled example (the Baihe interview) builds, and its pages show the right figures.

Values come from the seed article: as of 2018-04-26, 318 survey batches, 296
issue lists collected, 143 escalated to the district, 103 resolved, 50 in
progress; targets 100% institutions, 80% residents and registered enterprises;
milestones on 2018-01-12 and 2018-01-15.
"""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.markup import count_words

from .sitekit import REPO, copy_example, fingerprint_mark, parse_html, text_of

INTERVIEW = "output/interviews/baihe-dadiaoyan-weifangtan/index.html"
UNIT = "output/units/baihe/index.html"


def _figures(panel) -> dict[str, str]:
    return {text_of(div.find("dt")): text_of(div.find("dd")) for div in panel.cssselect(".figure")}


def test_interview_reading_line_matches_the_body(example_site: Path) -> None:
    page = parse_html(example_site / INTERVIEW)
    line = text_of(page.cssselect(".reading")[0])
    body_text = page.cssselect(".body")[0].text_content()
    expected = count_words(body_text)
    assert expected > 800  # the condensed interview has about 1,100 characters
    assert line == f"本篇文章{expected}字，读完约{math.ceil(expected / 500)}分钟"


def test_interview_header(example_site: Path) -> None:
    page = parse_html(example_site / INTERVIEW)
    assert text_of(page.cssselect("h1")[0]) == "白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤"
    # The series is named once at the top, where the reader is: a label above the title named it again.
    assert [text_of(link) for link in page.cssselect(".breadcrumb a")] == ["首页", "大调研微访谈"]
    assert page.cssselect(".article-header .series-name") == []
    assert page.cssselect("header.article-header")[0].text_content().count("大调研微访谈") == 0
    assert text_of(page.cssselect(".byline")[0]) == "受访人：（姓名略），中共白鹤镇党委书记"
    assert text_of(page.cssselect(".dateline time")[0]) == "2018年5月3日 10:00"
    assert page.cssselect("html")[0].get("lang") == "zh-CN"


def test_case_study_header_names_the_collection_once_and_links_its_unit(example_site: Path) -> None:
    page = parse_html(example_site / "output/cases/baihe-caomei/index.html")
    assert [text_of(link) for link in page.cssselect(".breadcrumb a")] == ["首页", "典型案例"]
    label = page.cssselect(".article-header .series-name")[0]
    assert (text_of(label), label.cssselect("a")[0].get("href")) == ("白鹤镇", "/units/baihe/")


def test_interview_images_keep_their_place_and_only_the_lead_image_loads_at_once(example_site: Path) -> None:
    # width and height (the SVGs' own 1200 x 675) reserve the space before a picture loads; the lead
    # image is at the top of the page, so lazy loading would only delay it.
    images = parse_html(example_site / INTERVIEW).cssselect("figure img")
    assert [(img.get("src"), img.get("width"), img.get("height"), img.get("loading")) for img in images] == [
        ("/images/baihe-zuotanhui.svg", "1200", "675", None),
        ("/images/baihe-xiaocaiyuan.svg", "1200", "675", "lazy"),
        ("/images/baihe-caomei.svg", "1200", "675", "lazy")]


def test_the_interviews_pictures_after_the_lead_stand_under_their_own_heading_after_its_text(
        example_site: Path) -> None:
    # They followed the text's last section, "政策要精准", with no heading between: they read as part of it, and
    # the search index gave that section their captions.
    article = parse_html(example_site / INTERVIEW).cssselect("article")[0]
    section = article.cssselect("section.more-figures")[0]
    assert [text_of(heading) for heading in section.cssselect("h2")] == ["图片"]
    assert [img.get("src") for img in section.cssselect("figure img")] == [
        "/images/baihe-xiaocaiyuan.svg", "/images/baihe-caomei.svg"]
    assert section.getprevious().get("class") == "body"
    assert article.cssselect(".body figure") == []  # the lead picture stays at the top, none in the text


def test_interview_tally_panel_shows_figures_and_arithmetic(example_site: Path) -> None:
    page = parse_html(example_site / INTERVIEW)
    panel = page.cssselect(".tally")[0]
    assert _figures(panel) == {"调研批次": "318批", "收集问题清单": "296份", "提交区级": "143份",
                               "已解决": "103份", "办理中": "50份"}
    assert text_of(panel.cssselect(".arithmetic")[0]) == "提交区级143 + 已解决103 + 办理中50 = 收集296（份）"
    assert panel.cssselect(".as-of time")[0].get("datetime") == "2018-04-26"


def test_interview_table_of_contents_anchors_resolve(example_site: Path) -> None:
    page = parse_html(example_site / INTERVIEW)
    links = page.cssselect(".toc a")
    questions = page.cssselect(".body h2")
    assert len(links) == len(questions) == 4
    ids = {h.get("id") for h in questions}
    for link, heading in zip(links, questions):
        anchor = link.get("href")[1:]
        assert anchor in ids
        assert re.search(r"[\u4e00-\u9fff]", anchor), "anchors keep the Chinese heading text"
        assert text_of(link) == text_of(heading)


def test_interview_source_attribution(example_site: Path) -> None:
    page = parse_html(example_site / INTERVIEW)
    source = text_of(page.cssselect(".source")[0])
    assert "来源：上海热线新闻网《大调研微访谈│白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤》" in source
    assert page.cssselect(".source a")[0].get("href") == "http://www.shcafe.org/shzxxw/120946.html"


def test_unit_page_shows_tallies_targets_and_milestones(example_site: Path) -> None:
    page = parse_html(example_site / UNIT)
    panel = page.cssselect(".tally")[0]
    assert _figures(panel)["收集问题清单"] == "296份"
    assert "143 + 已解决103 + 办理中50 = 收集296" in text_of(panel)
    table = page.cssselect("table.data")[0]
    rows = [[text_of(c) for c in row.cssselect("th, td")] for row in table.cssselect("tbody tr")]
    assert rows == [["2018年4月26日", "318", "296", "143", "103", "50"]]
    targets = [text_of(t) for t in page.cssselect(".target-label")]
    assert targets[0].startswith("机构：目标调研率100%")
    assert targets[1].startswith("居民：目标调研率80%")
    assert targets[2].startswith("注册企业：目标调研率80%")
    milestones = page.cssselect(".timeline li")
    assert [m.cssselect("time")[0].get("datetime") for m in milestones] == ["2018-01-12", "2018-01-15"]
    assert [text_of(m.cssselect(".milestone-title")[0]) for m in milestones] == [
        "成立大调研领导小组，印发实施方案", "召开大调研动员部署会"]
    titles = [text_of(a) for a in page.cssselect(".entry-title a")]
    assert "做大做强白鹤草莓" in titles and "白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤" in titles


CAOMEI_PROBLEM = ("白鹤镇是“中国草莓之乡”，草莓种植已有30多年历史。调研中，草莓和果蔬企业希望把这一传统优势产业做大、做强、做优、"
                  "做出特色，建议加大政策扶持和科研投入，推动规模化、标准化、品牌化发展。")
SIGE_ZUI_PROBLEM = ("大调研发现，白鹤镇居民对红白事场所、日托中心、健身设施和环境卫生的需求最为迫切，这些正是群众最期盼、最焦虑、"
                    "最担心、最不满意的问题。")


def test_lists_of_case_studies_show_the_problem_each_took_on(example_site: Path) -> None:
    # They showed the start of the text (白鹤种草莓已有30多年，…), not the problem the page itself shows under 问题.
    output = example_site / "output"
    expected = [("白鹤镇补齐“四个最”民生短板", SIGE_ZUI_PROBLEM), ("做大做强白鹤草莓", CAOMEI_PROBLEM)]
    for page in ("cases/index.html", "tags/da-diao-yan/index.html"):
        shown = [(text_of(li.cssselect(".entry-title")[0]), text_of(li.cssselect(".entry-summary")[0]))
                 for li in parse_html(output / page).cssselect(".entry") if "/cases/" in li.cssselect("a")[0].get("href")]
        assert shown == expected, page
    unit = parse_html(output / "units/baihe/index.html").cssselect("#cases-heading")[0].getparent()
    assert [text_of(p) for p in unit.cssselect(".entry-summary")] == [SIGE_ZUI_PROBLEM, CAOMEI_PROBLEM]
    feed = (output / "cases/feed.xml").read_text(encoding="utf-8")
    assert re.findall("<summary>(.*?)</summary>", feed) == [SIGE_ZUI_PROBLEM, CAOMEI_PROBLEM]
    page = parse_html(output / "cases/baihe-caomei/index.html")
    assert page.cssselect('meta[name="description"]')[0].get("content") == CAOMEI_PROBLEM
    assert text_of(page.cssselect(".case-facts dd")[0]) == CAOMEI_PROBLEM


def test_a_case_summary_is_the_summary_typed_else_its_problem_cut_at_summary_length(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    (root / "site.yaml").write_text((root / "site.yaml").read_text(encoding="utf-8") + "summary_length: 60\n",
                                    encoding="utf-8")
    caomei = root / "content/cases/baihe-caomei.md"
    caomei.write_text(caomei.read_text(encoding="utf-8").replace("related_tally:", "summary: 白鹤镇做大做强草莓产业。\nrelated_tally:"),
                      encoding="utf-8")
    build(BuildOptions(root=root))
    listed = [text_of(p) for p in parse_html(root / "output/cases/index.html").cssselect(".entry-summary")]
    # The problem of 四个最, 66 characters, cut at 60 as the text's summary is: after a clause, with "…".
    assert listed == ["大调研发现，白鹤镇居民对红白事场所、日托中心、健身设施和环境卫生的需求最为迫切，这些正是群众最期盼、最焦虑、最担心…",
                      "白鹤镇做大做强草莓产业。"]


def test_a_tag_page_says_which_of_its_pages_are_interviews_and_which_case_studies(example_site: Path) -> None:
    # A tag lists both kinds together: the archive said which each was, the tag page did not.
    tag = parse_html(example_site / "output/tags/cao-mei-chan-ye/index.html")
    assert [(text_of(li.cssselect(".entry-title")[0]), text_of(li.cssselect(".kind")[0]))
            for li in tag.cssselect("li.entry")] == [
        ("白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤", "访谈"), ("做大做强白鹤草莓", "典型案例")]
    # A list of one kind says nothing of it.
    assert not parse_html(example_site / "output/interviews/index.html").cssselect(".entry-meta .kind")


def test_home_page_sums_campaign_totals(example_site: Path) -> None:
    page = parse_html(example_site / "output/index.html")
    totals = page.cssselect(".totals")[0]
    assert _figures(totals) == {"收集问题清单": "296份", "提交区级": "143份", "已解决": "103份",
                                "办理中": "50份"}
    assert text_of(totals.cssselect(".share")[0]) == "已解决占34.8%"
    assert "大调研微访谈" in text_of(page)


def test_every_internal_link_points_at_a_built_file(example_site: Path) -> None:
    output = example_site / "output"
    for html in output.rglob("*.html"):
        for element, attribute, link, _ in parse_html(html).iterlinks():
            if link.startswith(("http://", "https://", "mailto:", "tel:")) or link.startswith("#"):
                continue
            path = link.split("#")[0]
            target = output / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{html.relative_to(output)} links to missing {link}"


def test_example_is_clean_of_errors(example_site: Path) -> None:
    from sitegen.build import BuildOptions, check
    result = check(BuildOptions(root=example_site))
    assert [p.format() for p in result.problems if p.severity == "error"] == []




def test_the_navigation_marks_this_page_and_this_pages_section_apart(example_site: Path) -> None:
    # A unit page said aria-current="page" on 各单位进展: a screen reader announced the list of units as
    # the page the reader was on. The link to the page itself is "page"; to the page's section, "true".
    def current(path: str) -> list[tuple[str, str]]:
        page = parse_html(example_site / "output" / path)
        return [(text_of(a), a.get("aria-current")) for a in page.xpath("//ul[@class='nav']//a[@aria-current]")]

    assert current("units/index.html") == [("各单位进展", "page")]
    assert current("units/baihe/index.html") == [("各单位进展", "true")]
    assert current("dashboard/index.html") == [("数据看板", "page")]
    assert current("about-data/index.html") == [("数据看板", "true")]
    assert current("interviews/index.html") == [("访谈", "page")]
    assert current("interviews/baihe-dadiaoyan-weifangtan/index.html") == [("访谈", "true")]
    assert current("archive/index.html") == [("访谈", "true")]
    assert current("series/dadiaoyan-weifangtan/index.html") == [("访谈", "true")]  # a series is interviews too
    crumbs = parse_html(example_site / "output/series/dadiaoyan-weifangtan/index.html").cssselect("nav.breadcrumb a")
    assert [(text_of(a), a.get("href")) for a in crumbs] == [("首页", "/"), ("访谈", "/interviews/")]
    assert current("index.html") == [("首页", "page")]
    assert current("tags/index.html") == []


def test_every_page_names_its_icon_so_browsers_ask_for_no_favicon_ico_outside_the_site(example_site: Path) -> None:
    # Without one, every visit asked the host for /favicon.ico: a 404, and outside the sub-path.
    pages = sorted((example_site / "output").rglob("*.html"))
    icons = {parse_html(page).xpath("//head/link[@rel='icon']/@href")[0] for page in pages
             if not page.relative_to(example_site / "output").parts[0] == "pagefind"}
    icon = (example_site / "output/assets/favicon.svg").read_bytes()
    assert icon.startswith(b"<svg ")
    assert icons == {f"/assets/favicon.{fingerprint_mark(icon)}.svg"}
    assert (example_site / "output" / next(iter(icons)).lstrip("/")).read_bytes() == icon


def test_every_page_loads_the_reading_mode_script_once_at_its_sub_path(tmp_path: Path) -> None:
    # The 大字号 · 高对比度 switch is remembered from page to page by the theme's own script
    # (templates/assets/reading-mode.js): an external file, deferred, at the site's sub-path, once a page.
    # Its element is named (reading-mode-script) for the line that ticks the remembered mode before the page.
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False, base_url="https://example.org/sub/"))
    output = root / "output"
    pages = sorted(output.rglob("*.html"))
    assert len(pages) == 22
    [copy] = [path.relative_to(output).as_posix() for path in output.glob("assets/reading-mode.*.js")]
    for page in pages:
        tree = parse_html(page)
        assert len(tree.xpath("//input[@id='reading-mode']")) == 1, page
        loads = [(script.get("src"), script.get("defer") is not None, (script.text or "").strip())
                 for script in tree.xpath("//head/script[@src]")]
        assert loads == [(f"/sub/{copy}", True, "")], page
        assert page.read_text(encoding="utf-8").count("reading-mode.") == 1, page
    script = (output / "assets/reading-mode.js").read_bytes()
    assert script == (REPO / "templates/assets/reading-mode.js").read_bytes() == (output / copy).read_bytes()
    assert copy == f"assets/reading-mode.{fingerprint_mark(script)}.js"
    manifest = (output / ".sitegen-manifest").read_text(encoding="utf-8").splitlines()
    assert {"assets/reading-mode.js", copy} <= set(manifest)
    # An edited script gets a new name, which every page links; the old copy is removed.
    edited = script + b"\n"
    (root / "templates/assets/reading-mode.js").write_bytes(edited)
    again = build(BuildOptions(root=root, search=False, base_url="https://example.org/sub/"))
    new_copy = f"assets/reading-mode.{fingerprint_mark(edited)}.js"
    assert set(again.changed_paths) == {"assets/reading-mode.js", new_copy} | {
        page.relative_to(output).as_posix() for page in pages}
    assert again.removed_paths == (copy,) and not (output / copy).exists()
    assert all(f'src="/sub/{new_copy}"' in page.read_text(encoding="utf-8") for page in pages)


def test_the_english_half_of_each_column_description_is_marked_english(example_site: Path) -> None:
    # Each description ended in an English sentence read out with the Chinese voice (WCAG 3.1.2).
    page = parse_html(example_site / "output/about-data/index.html")
    cells = page.xpath("//details[@class='columns']//tr/td[last()]")
    assert len(cells) == 40  # the columns of four CSV files (30, milestones.csv with its status) and of units.json (10)
    english = [cell.xpath("span[@lang='en']") for cell in cells]
    assert all(len(spans) == 1 for spans in english)
    assert text_of(cells[1]) == "单位（镇、街道、村居等）的名称。 The unit's name (a town, subdistrict, village …)."
    assert text_of(english[1][0]) == "The unit's name (a town, subdistrict, village …)."
    assert "白鹤" not in text_of(page.xpath("//details[@class='columns']")[0])  # no site's own unit in every site's
    assert all(not re.search("。 [A-Z]", cell.text or "") for cell in cells)  # no English sentence outside it


def test_readers_find_how_to_reach_the_publisher_from_every_page(example_site: Path) -> None:
    # The accessibility page said "请联系青浦区大调研工作办公室（示例）" and gave no way to do so.
    help_page = parse_html(example_site / "output/accessibility/index.html")
    ways = [(text_of(a), a.get("href")) for a in help_page.xpath("//ul[contains(@class, 'contact-list')]//a")]
    assert ways == [("diaoyan@example.org", "mailto:diaoyan@example.org"), ("021-0000 0000", "tel:021-00000000")]
    data_page = parse_html(example_site / "output/about-data/index.html")  # no licence stated: ask the publisher
    assert [a.get("href") for a in data_page.xpath("//ul[contains(@class, 'contact-list')]//a")] == [
        "mailto:diaoyan@example.org", "tel:021-00000000"]
    pages = [page for page in (example_site / "output").rglob("*.html") if "pagefind" not in page.parts]
    footers = {tuple(text_of(a) for a in parse_html(page).xpath("//footer//a")) for page in pages}
    assert len(footers) == 1 and list(footers)[0][-1] == "联系我们"  # the same place on every page (WCAG 3.2.6)


# -- README's example files: what editors copy from must build cleanly ---------------------------------

_README_FILE_RE = re.compile(r"^### (?:site\.yaml|[^\n]* — `([^`\n]+)`)\n\n```\w+\n(.*?)^```\n", re.M | re.S)


def test_the_readme_examples_make_a_site_with_no_error_and_no_warning(tmp_path: Path) -> None:
    """site.yaml, series, unit, interview and case study as README's "A site folder" shows them, with the
    example's pictures (README names them but cannot show them), check clean and build every setting."""
    from sitegen.build import BuildOptions, build, check

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    written = []
    for found in _README_FILE_RE.finditer(readme):
        path = tmp_path / (found.group(1) or "site.yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(found.group(2), encoding="utf-8")
        written.append(path.relative_to(tmp_path).as_posix())
    assert written == ["site.yaml", "content/series/dadiaoyan-weifangtan.yaml", "content/units/baihe.yaml",
                       "content/interviews/2018-05-baihe-dadiaoyan.md", "content/cases/baihe-caomei.md"]
    shutil.copytree(REPO / "content" / "images", tmp_path / "content" / "images")
    assert [str(problem) for problem in check(BuildOptions(root=tmp_path)).problems] == []
    build(BuildOptions(root=tmp_path, search=False))
    page = parse_html(tmp_path / "output/interviews/baihe-dadiaoyan-weifangtan/index.html")
    gov = {meta.get("name"): meta.get("content") for meta in page.cssselect("meta[name]")}
    assert (gov["SiteIDCode"], gov["ColumnName"], gov["PubDate"]) == ("3101180000", "大调研微访谈", "2018-05-03 10:00")


def test_the_example_pictures_write_their_words_at_text_contrast() -> None:
    """The words in the example's placeholder pictures (示意图 · 草莓田, 图片占位) are text, so
    WCAG 2.2 SC 1.4.3 asks 4.5:1 against the picture's background, the first full-size ``<rect>``."""
    from sitegen.charts import contrast_ratio

    pictures = sorted((REPO / "content" / "images").glob("*.svg"))
    assert len(pictures) == 3
    for picture in pictures:
        svg = picture.read_text(encoding="utf-8")
        background = re.search(r'<rect width="1200" height="675" fill="(#[0-9a-f]{6})"', svg).group(1)
        words = re.findall(r'<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>([^<]+)</text>', svg)
        assert [text for _, text in words][-1] == "图片占位"
        for colour, text in words:
            assert contrast_ratio(colour, background) >= 4.5, (picture.name, text, colour, background)
