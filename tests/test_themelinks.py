"""Site paths typed as text in templates (``{{ '/assets/print.css'|url }}``) must name files the build writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, check
from sitegen.errors import Report, SiteError
from sitegen.render import default_theme_dir, missing_template_hint
from sitegen.themefiles import read_templates, used_templates
from sitegen.themelinks import LiteralLink, check_template_links, linked_file, literal_links

from .sitekit import copy_example, interview, write_site

LAYOUT = ('{% extends "base.html" %}\n{% block main %}\n'
          '<link rel="stylesheet" href="{{ \'/assets/print.css\'|url }}" media="print">\n'
          '  <a href="{{ "/Assets/favicon.svg" | url }}">图标</a> <a href="{{ \'/unit/\'|url }}">单位</a>\n'
          '{# <a href="{{ \'/in-a-comment.css\'|url }}"> #}<a href="{{ \'/units/\'|url }}">全部单位</a>\n'
          '<script src="{{ \'/pagefind/pagefind-ui.js\'|url }}"></script>\n'
          '<a href="{{ \'/files/guide.pdf?v=2#p3\'|abs_url }}">指南</a>{% endblock %}\n')


def test_literal_links_are_found_at_their_line_and_column_outside_comments(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "assets").mkdir(parents=True)
    (folder / "interview.html").write_text(LAYOUT, encoding="utf-8")
    (folder / "assets/site.css").write_text("a { background: url('/x.png')|url }\n", encoding="utf-8")
    links = literal_links(read_templates([folder], Report()))
    assert links == [
        LiteralLink("templates/interview.html", 3, 33, "/assets/print.css"),
        LiteralLink("templates/interview.html", 4, 15, "/Assets/favicon.svg"),
        LiteralLink("templates/interview.html", 4, 66, "/unit/"),
        LiteralLink("templates/interview.html", 5, 59, "/units/"),
        LiteralLink("templates/interview.html", 6, 17, "/pagefind/pagefind-ui.js"),
        LiteralLink("templates/interview.html", 7, 13, "/files/guide.pdf?v=2#p3")]
    lines = LAYOUT.splitlines()
    # Each column is the opening quote's, 1-based.
    assert [lines[link.line - 1][link.column - 1:link.column + len(link.path)] for link in links] == [
        "'/assets/print.css", '"/Assets/favicon.svg', "'/unit/", "'/units/", "'/pagefind/pagefind-ui.js",
        "'/files/guide.pdf?v=2#p3"]


def test_a_sites_own_template_hides_the_default_themes_of_the_same_name(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "base.html").write_text("<link href=\"{{ '/own.css'|url }}\">\n", encoding="utf-8")
    assert used_templates([own, default_theme_dir()])["base.html"] == own / "base.html"
    links = literal_links(read_templates([own, default_theme_dir()], Report()))
    assert [link.path for link in links if link.file == "templates/base.html"] == ["/own.css"]
    assert "/pagefind/pagefind-ui.js" in [link.path for link in links if link.file == "templates/search.html"]


@pytest.mark.parametrize(("path", "files"), [
    ("/assets/site.css", ["assets/site.css", "assets/site.css/index.html"]),
    ("/units/", ["units/index.html"]),
    ("/", ["index.html"]),
    ("/about", ["about", "about/index.html"]),
    ("/units/%E7%99%BD%E9%B9%A4/?a=1#top", ["units/白鹤/index.html"]),
])
def test_a_link_names_the_files_a_web_server_would_serve(path: str, files: list[str]) -> None:
    assert linked_file(path) == files


def test_each_broken_link_is_one_warning_saying_what_to_do() -> None:
    report = Report()
    written = {"index.html", "units/index.html", "assets/site.css", "assets/favicon.svg", "about/index.html"}
    base = "templates/base.html"
    links = [LiteralLink(base, 3, 31, "/assets/print.css"), LiteralLink(base, 4, 14, "/Assets/favicon.svg"),
             LiteralLink(base, 4, 75, "/unit/"), LiteralLink(base, 5, 1, "/units/"),
             LiteralLink(base, 6, 1, "/about/"), LiteralLink(base, 7, 1, "/pagefind/pagefind-ui.js"),
             LiteralLink(base, 8, 1, "/files/guide.pdf?v=2")]
    check_template_links(links, written, report, generated_folders={"pagefind"})
    assert [(p.path, p.line, p.column, p.severity) for p in report.problems] == [
        (base, 3, 31, "warning"), (base, 4, 14, "warning"), (base, 4, 75, "warning"), (base, 8, 1, "warning")]
    first, capitals, page, other = report.problems
    assert first.message == ("the template links /assets/print.css (模板链接), but the build writes no file there: "
                             "every page that uses this template gets a broken link")
    assert first.hint == ("add the file as templates/assets/print.css in the site folder, so the build publishes it "
                          "there, or correct the path (the closest path the build writes is /assets/site.css)")
    assert capitals.hint == ("the build writes /assets/favicon.svg, which differs only in capitals: web servers on "
                             "Linux tell them apart, so write it exactly so")
    assert page.hint == ("no page of the site has this address: correct the path (the closest path the build "
                         "writes is /units/)")
    assert other.hint == ("add the file as content/files/guide.pdf in the site folder, so the build publishes it "
                          "there, or correct the path")


def test_check_and_build_warn_of_a_templates_broken_links_and_a_fix_clears_them(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/interview.html": LAYOUT})
    checked = check(BuildOptions(root=root, search=False))
    expected = [("templates/interview.html", 3, 33), ("templates/interview.html", 4, 15),
                ("templates/interview.html", 4, 66), ("templates/interview.html", 7, 13)]
    assert [(p.path, p.line, p.column) for p in checked.problems] == expected
    built = build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.column) for p in built.warnings] == expected
    (root / "templates/assets").mkdir()
    (root / "templates/assets/print.css").write_text("nav { display: none; }\n", encoding="utf-8")
    (root / "content/files").mkdir()
    (root / "content/files/guide.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "templates/interview.html").write_text(
        LAYOUT.replace("/Assets/", "/assets/").replace("'/unit/'", "'/units/'"), encoding="utf-8")
    again = build(BuildOptions(root=root, search=False))
    assert again.warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert 'href="/assets/print.' in page and (root / "output/files/guide.pdf").is_file()


def test_the_example_sites_templates_link_only_files_it_writes(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    checked = check(BuildOptions(root=root, search=False))
    assert [p for p in checked.problems if "模板链接" in p.message] == []
    assert len(literal_links(read_templates([root / "templates", default_theme_dir()], Report()))) == 7


# -- templates saved by Windows editors -----------------------------------------------------------

_FOOTER = '{% extends "base.html" %}{% block main %}<p class="note">本页由白鹤镇大调研办公室维护。</p>{% endblock %}\n'


@pytest.mark.parametrize(("encoded", "warned"), [
    (_FOOTER.encode("gbk"), True),  # Windows' "ANSI" in a Chinese system
    (b"\xef\xbb\xbf" + _FOOTER.encode("utf-8"), False),  # Notepad's UTF-8, with a byte-order mark
    (_FOOTER.replace("\n", "\r\n").encode("utf-8"), False),
])
def test_a_template_saved_by_a_windows_editor_renders_as_its_text(tmp_path: Path, encoded: bytes,
                                                                 warned: bool) -> None:
    # Saved as GBK, a template stopped the build with a traceback calling itself a bug in sitegen, and
    # `check` said nothing; with a byte-order mark, the mark was copied into the middle of every page.
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/interview.html": encoded})
    result = build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.severity, p.message) for p in result.warnings] == ([
        ("templates/interview.html", None, "warning", "the file is saved as GBK/GB18030, not UTF-8; it was read as "
                                                      "GB18030")] if warned else [])
    page = (root / "output/interviews/a/index.html").read_bytes()
    assert '<p class="note">本页由白鹤镇大调研办公室维护。</p>'.encode() in page
    assert b"\xef\xbb\xbf" not in page and b"\r" not in page
    assert [p.message for p in check(BuildOptions(root=root, search=False)).problems] == (
        ["the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030"] if warned else [])


def test_a_template_in_utf16_is_an_error_at_its_file_and_the_output_stays(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    before = {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    (root / "templates").mkdir()
    (root / "templates/interview.html").write_bytes(_FOOTER.encode("utf-16"))
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.column, p.message, p.hint) for p in failure.value.problems] == [
        ("templates/interview.html", 1, 1, 'the file is saved as UTF-16 ("Unicode"), not UTF-8',
         "open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again")]
    assert {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()} == before


# -- paths typed from the site's root, and a stylesheet's url()s ------------------------------------

_BASE_EXTRA = ('<a href="/dashboard/">看板</a> <img src=\'/assets/logo.svg\' alt="" '
               'style="background: url(/assets/nope.png)"> <a href="{{ site.links.units|url }}">单位</a>'
               '<a href="//cdn.example.org/x.js">外</a><a href="#main">正文</a><a href="https://example.com/">站</a>'
               '{# <a href="/in-a-comment/"> #}')
_SHEET = ('.logo { background: url("/assets/logo.svg") no-repeat; }\n'
          '.seal { background: url(seal.png); }\n'
          '/* .old { background: url(/in-a-comment.png); } */\n'
          '.dot { background: url(data:image/png;base64,AAAA); } .f { filter: url(#soft); }\n'
          "@font-face { font-family: 宋体; src: url('fonts/song.woff2') format('woff2'); }\n"
          '.up { background: url(../files/map.png); }\n')


def _theme_site(root: Path, base: str) -> Path:
    base_html = (default_theme_dir() / "base.html").read_text(encoding="utf-8")
    return write_site(root, {
        "content/interviews/a.md": interview(),
        "templates/base.html": base_html.replace("</footer>", _BASE_EXTRA + "</footer>", 1),
        "templates/assets/site.css": (default_theme_dir() / "assets/site.css").read_text(encoding="utf-8") + _SHEET,
        "templates/assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>',
        "templates/assets/fonts/song.woff2": b"wOF2", "content/files/map.png": b"\x89PNG\r\n\x1a\n"},
        config=f"title: 测试站点\nbase_url: {base}\n")


def test_paths_typed_from_the_root_are_told_with_the_text_to_write_instead(tmp_path: Path) -> None:
    # A theme that looked right at a domain root shipped links out of the site once published under a path.
    root = _theme_site(tmp_path / "site", "https://example.org/q/")
    warnings = check(BuildOptions(root=root, search=False)).problems

    def at(rel: str, typed: str) -> tuple[str, int, int]:
        """Where ``typed`` first stands in the site's file ``rel``: (file, line, column), 1-based."""
        text = (root / rel).read_text(encoding="utf-8")
        before = text[:text.index(typed)]
        return rel, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1

    assert [(p.path, p.line, p.column) for p in warnings] == [
        at("templates/assets/site.css", '"/assets/logo.svg"'), at("templates/assets/site.css", "seal.png"),
        at("templates/base.html", '"/dashboard/"'), at("templates/base.html", "'/assets/logo.svg'"),
        at("templates/base.html", "/assets/nope.png")]
    sheet_root, seal, dashboard, logo, nope = warnings
    assert sheet_root.message == (
        "the link /assets/logo.svg is typed as a path from the site's root (模板链接), so it leads out of the site "
        "when the site is published under a path, such as https://example.org/qingpu/diaoyan/")
    assert sheet_root.hint == "write url(logo.svg), a path from the stylesheet's own folder, which the files beside it share"
    assert seal.message == ("the stylesheet links /assets/seal.png (模板链接), but the build writes no file there: the "
                            "pages lose what the stylesheet takes from it (a picture, a font)")
    assert seal.hint == ("add the file as templates/assets/seal.png in the site folder, so the build publishes it "
                         "there, or correct the path")
    assert dashboard.hint == "write href=\"{{ '/dashboard/'|url }}\": the url filter puts the site's base path in front"
    assert logo.hint == "write src='{{ \"/assets/logo.svg\"|url }}': the url filter puts the site's base path in front"
    assert nope.message.endswith(", and the build writes no file there")
    assert nope.hint == ("write url({{ '/assets/nope.png'|url }}): the url filter puts the site's base path in front; "
                         "then add the file as templates/assets/nope.png in the site folder, so the build publishes "
                         "it there, or correct the path")


def test_the_written_fixes_keep_every_link_of_the_theme_inside_the_sub_path(tmp_path: Path) -> None:
    root = _theme_site(tmp_path / "site", "https://example.org/q/")
    base = (root / "templates/base.html").read_text(encoding="utf-8")
    for typed, fixed in [('href="/dashboard/"', "href=\"{{ '/dashboard/'|url }}\""),
                         ("src='/assets/logo.svg'", "src='{{ \"/assets/logo.svg\"|url }}'"),
                         ("url(/assets/nope.png)", "url({{ '/assets/logo.svg'|url }})")]:
        base = base.replace(typed, fixed)
    (root / "templates/base.html").write_text(base, encoding="utf-8")
    sheet = (root / "templates/assets/site.css").read_text(encoding="utf-8")
    (root / "templates/assets/site.css").write_text(
        sheet.replace('url("/assets/logo.svg")', "url(logo.svg)").replace("url(seal.png)", "url(logo.svg)"),
        encoding="utf-8")
    result = build(BuildOptions(root=root, search=False))
    assert result.warnings == []
    page = (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert 'href="/q/dashboard/"' in page and "src='/q/assets/logo." in page and "url(/q/assets/logo." in page
    assert (root / "output/assets/fonts/song.woff2").is_file() and (root / "output/files/map.png").is_file()


def test_a_stylesheet_saved_as_gbk_is_told_since_browsers_read_it_as_utf8(tmp_path: Path) -> None:
    sheet = 'body { font-family: "微软雅黑", sans-serif; }\n'
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/assets/site.css": sheet.encode("gbk")})
    result = build(BuildOptions(root=root, search=False))
    assert [(p.path, p.message, p.hint) for p in result.warnings] == [
        ("templates/assets/site.css", 'the stylesheet is not saved as UTF-8 (GBK/GB18030, as Windows editors save '
                                      '"ANSI"): browsers read it as UTF-8, so its Chinese text, such as a font\'s '
                                      "name, comes out garbled", "open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again")]
    assert (root / "output/assets/site.css").read_bytes() == sheet.encode("gbk")  # published as written


# -- `sitegen check` compiles the templates ---------------------------------------------------------

def test_check_finds_what_stops_a_template_without_rendering_a_page(tmp_path: Path) -> None:
    # `check` said "0 error(s)" of templates that could not build; a CI job built on it stayed green.
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(),
        "templates/partials/bad.html": "{% for x in y %}{{ x }}{% endfr %}\n",
        "templates/interview.html": ('{% extends "base.html" %}{% block main %}\n'
                                     '{% include "partials/footer_extra.html" %}\n'
                                     '{% include "partials/Lists.html" %}{{ "x"|urll }}'
                                     '{% include "partials/maybe.html" ignore missing %}{% endblock %}\n')})
    found = [(p.path, p.line, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [
        ("templates/interview.html", 2, "the template partials/footer_extra.html does not exist",
         ("check the file name in the include, import or extends tag; or, if the name is meant, create "
          "templates/partials/footer_extra.html")),
        ("templates/interview.html", 3, "template syntax error: No filter named 'urll'.",
         "did you mean url? Fix the filter's name at that line"),
        ("templates/interview.html", 3, "the template partials/Lists.html does not exist",
         "the template is partials/lists.html: write its name with those capitals (Windows and macOS find it "
         "either way; Linux, where sites are often built, does not)"),
        ("templates/partials/bad.html", 1, "template syntax error: Encountered unknown tag 'endfr'. Jinja was "
         "looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
         "the {% for %} at line 1 is never closed: add {% endfor %} where that part ends")]
    with pytest.raises(SiteError) as failure:  # the build tells the same, before rendering a page
        build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.message, p.hint) for p in failure.value.problems] == found
    (root / "templates/interview.html").write_text('{% extends "base.html" %}{% block main %}\n'
                                                   '{% include "partials/footer_extra.html" %}{% endblock %}\n',
                                                   encoding="utf-8")
    (root / "templates/partials/bad.html").unlink()
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.hint) for p in failure.value.problems] == [
        ("templates/interview.html", 2,
         ("check the file name in the include, import or extends tag; or, if the name is meant, create "
          "templates/partials/footer_extra.html"))]


@pytest.mark.parametrize(("missing", "hint"), [
    # Compared whole, every name shared "partials/" and ".html": these were offered partials/tally.html
    # and partials/unit-table.html.
    ("partials/hello.html", "check the file name in the include, import or extends tag; or, if the name is meant, "
                            "create templates/partials/hello.html"),
    ("partials/unit-extras.html", "did you mean partials/unit-table.html? Correct the name in the include, import "
                                  "or extends tag; or, if the name is meant, create templates/partials/unit-extras.html"),
    ("partials/list.html", "did you mean partials/lists.html? Correct the name in the include, import or extends "
                           "tag; or, if the name is meant, create templates/partials/list.html"),
    ("bse.html", "did you mean base.html? Correct the name in the include, import or extends tag; or, if the name "
                 "is meant, create templates/bse.html"),
    ("lists.html", "did you mean partials/lists.html? Correct the name in the include, import or extends tag; "
                   "or, if the name is meant, create templates/lists.html"),  # the folder left out
])
def test_a_missing_template_is_offered_a_name_of_its_own_folder_or_the_file_to_create(missing: str,
                                                                                     hint: str) -> None:
    assert missing_template_hint(missing, used_templates([default_theme_dir()])) == hint


@pytest.mark.parametrize(("typed", "message", "hint"), [
    # Each had the general hint, "fix the template at that line", under Jinja's words for what came next.
    ("{% if x %<p>甲</p>{% endif %}", "unexpected '<'",
     "the {% at line 3, column 1 is never closed: end the tag with %} where it ends"),
    ("<p>{{ site.totals.collected }</p>", "unexpected '}'",
     "the {{ at line 3, column 4 is never closed: end the value with }} (two braces) where it ends"),
    ("<p>{{ page.title </p>", "unexpected '/'",
     "the {{ at line 3, column 4 is never closed: end the value with }} (two braces) where it ends"),
    ("{% for e in site.interviews %}<p>{{ e.url }}</p>{% endfor %", "expected token 'end of statement block', got '%'",
     "the {% at line 3, column 49 is never closed: end the tag with %} where it ends"),
    ("<h{{{ x }}>", "expected token ':', got '}'",
     "{{{ at line 3 has one brace too many: a value is written {{ x }}; to show a brace before it, write it apart: "
     "{{ '{' }}"),
    # A value closed, and one in a comment, are not told: the general hint stays.
    ("{# {{ #}<p>{{ x + }}</p>", "unexpected 'end of print statement'", "fix the template at that line"),
])
def test_a_value_or_tag_left_open_is_told_where_it_opens(tmp_path: Path, typed: str, message: str,
                                                         hint: str) -> None:
    layout = '{% extends "base.html" %}\n{% block main %}\n' + typed + "\n{% endblock %}\n"
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/404.html": layout})
    found = [(p.path, p.line, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [("templates/404.html", 3, f"template syntax error: {message}", hint)]


def test_check_compiles_the_templates_again_only_when_one_changed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Compiling every template was 0.2 s of each check of the example site, whose theme editors never change.
    import sitegen.build

    compiled: list[int] = []
    real = sitegen.build.check_templates

    def counted(config, texts, report) -> None:  # noqa: ANN001 - check_templates' own
        compiled.append(len(texts))
        real(config, texts, report)

    monkeypatch.setattr(sitegen.build, "check_templates", counted)
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/partials/bad.html": "{% for x in y %}{{ x }}{% endfr %}\n"})
    said = [("templates/partials/bad.html", 1, "template syntax error: Encountered unknown tag 'endfr'. Jinja was "
             "looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is "
             "'for'.", "the {% for %} at line 1 is never closed: add {% endfor %} where that part ends")]

    def problems() -> list[tuple[str, int | None, str, str]]:
        return [(p.path, p.line, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems]

    assert problems() == said and problems() == said  # the second from the build cache, the same
    assert len(compiled) == 1
    (root / "templates/partials/bad.html").write_text("{% for x in y %}{{ x }}{% endfor %}\n", encoding="utf-8")
    assert problems() == [] and problems() == [] and len(compiled) == 2
    assert check(BuildOptions(root=root, search=False, cache=False)).problems == [] and len(compiled) == 3


def test_build_tells_a_macro_imported_by_a_misspelt_name_at_its_import_as_check_does(tmp_path: Path) -> None:
    # The build said "UndefinedError: 'sum_line' is undefined" where the macro is used (line 26 of tally.html),
    # with a hint to check that line; the check named the import and the macro meant.
    tally = (default_theme_dir() / "partials/tally.html").read_text(encoding="utf-8")
    misspelt = tally.replace("import sum_line %}", "import sum_lines %}", 1)
    assert misspelt != tally
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/partials/tally.html": misspelt})
    said = [("templates/partials/tally.html", 2, "the template partials/arithmetic.html has no macro sum_lines",
             "did you mean sum_line? Correct the name in the import tag")]
    assert [(p.path, p.line, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems] == said
    for clean in (False, True):
        with pytest.raises(SiteError) as failure:
            build(BuildOptions(root=root, search=False, clean=clean))
        assert [(p.path, p.line, p.message, p.hint) for p in failure.value.problems] == said
    assert not (root / "output").exists()
    (root / "templates/partials/tally.html").write_text(tally, encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).warnings == []


# -- a site's theme file named a little off the default theme's ------------------------------------

def test_a_theme_file_named_a_little_off_the_one_it_was_meant_to_replace_is_told(tmp_path: Path) -> None:
    # templates/interveiw.html was used by nothing, silently, and its author believed the change made.
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(),
        "templates/interveiw.html": '{% extends "base.html" %}\n',
        "templates/partials/contacts.html": (default_theme_dir() / "partials/contact.html").read_text(encoding="utf-8"),
        "templates/partials/extra.html": "<p>附加</p>\n",  # its own name, included: used
        "templates/series.html": '{% extends "base.html" %}{% block main %}{% include "partials/extra.html" %}'
                                 '{% endblock %}\n',
        "templates/cases-old.html": "<p>旧</p>\n",  # close to no theme file: a file of the site's own
        "templates/assets/Site.css": "body { color: #222; }\n",
        "templates/assets/extra.css": "p { margin: 0; }\n"})
    found = [(p.path, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [
        ("templates/assets/Site.css", "this file differs from the default theme's assets/site.css only in capitals, "
         "so it is published beside it, and the pages keep linking the theme's (on Windows and macOS the two "
         "names are one file)", "to replace the theme's file, rename this one to assets/site.css"),
        ("templates/interveiw.html", "no page uses this template, and its name is close to the default theme's "
         "interview.html (主题模板): the site's own file replaces the theme's only under the same name",
         "to change what interview.html shows, rename this file to interview.html"),
        ("templates/partials/contacts.html", "no page uses this template, and its name is close to the default "
         "theme's partials/contact.html (主题模板): the site's own file replaces the theme's only under the same name",
         "to change what partials/contact.html shows, rename this file to partials/contact.html")]
    for wrong, right in [("interveiw.html", "interview.html"), ("partials/contacts.html", "partials/contact.html"),
                         ("assets/Site.css", "assets/site.css")]:
        (root / "templates" / wrong).rename(root / "templates" / right)
    assert check(BuildOptions(root=root, search=False)).problems == []


def test_a_pages_address_typed_without_its_closing_slash_is_told() -> None:
    # It works only through the server's redirect, a round trip more on a phone, and some static hosts have none.
    report = Report()
    written = {"index.html", "units/shi-li-zhen/index.html", "files/guide.pdf"}
    check_template_links([LiteralLink("templates/base.html", 2, 9, "/units/shi-li-zhen?from=nav#top"),
                          LiteralLink("templates/base.html", 3, 9, "/units/shi-li-zhen/"),
                          LiteralLink("templates/base.html", 4, 9, "/files/guide.pdf")], written, report)
    assert [(p.line, p.message, p.hint) for p in report.problems] == [
        (2, "the link /units/shi-li-zhen?from=nav#top names a page's address without its closing slash (模板链接): "
            "the web server answers it with a redirect to /units/shi-li-zhen/?from=nav#top first, and some hosts "
            "with nothing", "write /units/shi-li-zhen/?from=nav#top")]


@pytest.mark.parametrize(("layout", "line", "hint"), [
    # Jinja gives up at the enclosing {% endblock %}, lines below the slip.
    ('{% extends "base.html" %}\n{% block main %}\n<p>甲</p>\n{% if page.title %}\n<p>乙</p>\n'
     '{% set shown = 1 %}{% for i in [1] %}{{ i }}{% endfor %}{% set note %}注{% endset %}\n{% endblock %}\n', 7,
     "the {% if %} at line 4 is never closed: add {% endif %} where that part ends, before line 7"),
    # ... or at the template's end.
    ('{% extends "base.html" %}\n{% block main %}\n{% for i in [1, 2] %}\n{% if i %}{{ i }}{% endif %}\n', 4,
     "the {% for %} at line 3 is never closed: add {% endfor %} where that part ends"),
])
def test_a_part_left_open_is_told_where_it_was_opened(tmp_path: Path, layout: str, line: int, hint: str) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/interview.html": layout})
    [checked] = check(BuildOptions(root=root, search=False)).problems
    assert (checked.path, checked.line, checked.hint) == ("templates/interview.html", line, hint)
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    assert [(p.path, p.line, p.hint) for p in failure.value.problems] == [("templates/interview.html", line, hint)]


def test_names_a_template_gives_in_quotes_anywhere_count_as_used_and_capitals_as_a_slip(tmp_path: Path) -> None:
    # A partial named in a list, or in a variable a tag then uses, was told "no page uses this template".
    home = ('{% extends "base.html" %}{% block main %}{% include ["partials/charts.html"] %}'
            '{% set part = "partials/list.html" %}{% include part %}{% endblock %}\n')
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(), "templates/home.html": home,
        "templates/partials/charts.html": "<p>图表</p>\n", "templates/partials/list.html": "<p>列表</p>\n",
        "templates/case.HTML": "<p>案例</p>\n", "templates/Assets/site.css": "body { color: #222; }\n",
        "templates/notes.md": "用 {{ x|nofilter }} 和 {% oops %}，链接 <a href=\"/dashboard/\">看板</a>\n",
        "templates/unit.html.bak": "{% if x %}旧{% endfi %}\n"})
    found = [(p.path, p.message) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [("templates/Assets", "the theme's files are published from templates/assets/, in small "
                      "letters: nothing in templates/Assets/ is published, nor replaces the theme's")]
    page = (build(BuildOptions(root=root, search=False)), (root / "output/index.html").read_text(encoding="utf-8"))[1]
    assert "<p>图表</p>" in page and "<p>列表</p>" in page
    # Without the template that names one by a value, the capitals slip is told.
    (root / "templates/home.html").write_text('{% extends "base.html" %}{% block main %}'
                                              '{% include ["partials/charts.html", "partials/list.html"] %}'
                                              '{% endblock %}\n', encoding="utf-8")
    found = [(p.path, p.hint) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [("templates/Assets", "rename the folder to assets"),
                     ("templates/case.HTML", "to change what case.html shows, rename this file to case.html")]


def test_check_tells_the_themes_problems_beside_the_contents_errors(tmp_path: Path) -> None:
    # A content error hid every warning about the theme, even those that do not depend on the pages.
    layout = ('{% extends "base.html" %}{% block main %}<a href="/dashboard/">看板</a>'
              "<link href=\"{{ '/assets/print.css'|url }}\">{% endblock %}\n")
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview().replace("unit: baihe", "unit: nosuch"),
        "templates/interview.html": layout.encode("gbk"), "templates/partials/contacts.html": "<p>联系</p>\n"})
    found = [(p.path, p.severity, p.message.split(":")[0]) for p in check(BuildOptions(root=root, search=False)).problems]
    assert found == [
        ("content/interviews/a.md", "error", 'there is no unit "nosuch"'),
        ("templates/interview.html", "warning", "the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030"),
        # Which files the build writes is not known without the pages: the path typed from the root is told,
        # the missing print.css waits until the content reads.
        ("templates/interview.html", "warning", "the link /dashboard/ is typed as a path from the site's root (模板链接), "
                                                "so it leads out of the site when the site is published under a path, "
                                                "such as https"),
        ("templates/partials/contacts.html", "warning", "no page uses this template, and its name is close to the "
                                                        "default theme's partials/contact.html (主题模板)")]


# -- links the first checks missed, from a second trial ---------------------------------------------

def test_links_joined_made_from_values_without_a_first_slash_or_in_a_srcset_are_told() -> None:
    layout = ('{% block main %}\n'
              "<a href=\"{{ '/units/' ~ page.kind ~ '/'|url }}\">甲</a>\n"
              '<a href="/units/{{ page.kind|lower }}/">乙</a>\n'
              "<link href=\"{{ 'assets/print.css'|url }}\"><a href=\"{{ 'dashboard'|url }}\">看板</a>\n"
              "<img srcset=\"/assets/favicon.svg 1x, {{ '/x.svg'|url }} 2x\" alt=\"\">\n"
              '<!-- <a href="/html-commented/"> --><a href="{{ \'#top\'|url }}">顶</a>\n{% endblock %}\n')
    report = Report()
    written = {"index.html", "dashboard/index.html", "assets/favicon.svg", "assets/site.css"}
    check_template_links(literal_links({"interview.html": layout}), written, report)
    lines = layout.splitlines()
    found = [(p.line, lines[p.line - 1][p.column - 1:p.column + 11], p.hint) for p in report.problems]
    assert found == [
        (2, "'/'|url }}\">", "put the whole address in brackets before the filter: {{ ('/units/' ~ page.kind ~ "
                             "'/')|url }}"),
        (3, '"/units/{{ p', "write href=\"{{ ('/units/' ~ (page.kind|lower) ~ '/')|url }}\": the url filter puts "
                            "the site's base path in front"),
        (4, "'assets/prin", "add the file as templates/assets/print.css in the site folder, so the build publishes "
                           "it there, or correct the path (the closest path the build writes is /assets/site.css)"),
        (4, "'dashboard'|", "write /dashboard/"),
        (5, "/assets/favi", "write {{ '/assets/favicon.svg'|url }}: the url filter puts the site's base path in front"),
        (5, "'/x.svg'|url", "add the file as content/x.svg in the site folder, so the build publishes it there, or "
                           "correct the path")]
    assert report.problems[0].message == (
        "the url filter takes only '/', the last text of the address joined with ~ before it (模板链接): the site's "
        "base path comes out in the middle of the link")


def test_a_stylesheets_imports_page_links_and_paths_above_the_root_are_read_as_a_browser_reads_them() -> None:
    sheet = ('@import "extra.css";\n@import url(print.css);\n.a { background: url(../dashboard/); }\n'
             '.b { background: url(../../outside.png); }\n.c { background: url(../favicon.svg?v=2#x); }\n')
    report = Report()
    written = {"dashboard/index.html", "assets/favicon.svg", "assets/css/print.css"}
    check_template_links(literal_links({}, {"assets/css/more.css": sheet}), written, report)
    assert [(p.line, p.message.split(" (")[0], p.hint) for p in report.problems] == [
        (1, "the stylesheet links /assets/css/extra.css", "add the file as templates/assets/css/extra.css in the site "
                                                          "folder, so the build publishes it there, or correct the "
                                                          "path"),
        (3, "the stylesheet links /assets/dashboard/", "no page of the site has this address: correct the path (the "
                                                       "closest path the build writes is /dashboard/)"),
        (4, "the stylesheet links /outside.png", "add the file as content/outside.png in the site folder, so the "
                                                 "build publishes it there, or correct the path")]
    report = Report()
    check_template_links(literal_links({}, {"assets/more.css": sheet}), written, report)
    assert [(p.line, p.message, p.hint) for p in report.problems] == [
        (1, "the stylesheet links /assets/extra.css (模板链接), but the build writes no file there: the pages lose "
            "what the stylesheet takes from it (a picture, a font)", "add the file as templates/assets/extra.css in "
                                                                     "the site folder, so the build publishes it "
                                                                     "there, or correct the path"),
        (2, "the stylesheet links /assets/print.css (模板链接), but the build writes no file there: the pages lose "
            "what the stylesheet takes from it (a picture, a font)", "add the file as templates/assets/print.css in "
                                                                     "the site folder, so the build publishes it "
                                                                     "there, or correct the path"),
        (4, "url(../../outside.png) leads above the site's root folder (模板链接): no file of the site is there",
         "correct the path: it is read from the stylesheet's own folder, and ../ goes up one folder"),
        (5, "the stylesheet links /favicon.svg?v=2#x (模板链接), but the build writes no file there: the pages lose "
            "what the stylesheet takes from it (a picture, a font)", "add the file as content/favicon.svg in the "
                                                                     "site folder, so the build publishes it there, "
                                                                     "or correct the path")]


@pytest.mark.parametrize(("name", "data", "warned"), [
    ("assets/app.js", 'const 标题 = "进展";\n'.encode("gbk"), "script"),
    ("assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><title>白鹤镇</title></svg>'.encode("gbk"), "picture"),
    ("assets/u16.css", "\ufeff.a { background: url(missing-in-utf16.png); }\n".encode("utf-16"), None),
])
def test_theme_text_files_browsers_read_are_told_when_not_utf8(tmp_path: Path, name: str, data: bytes,
                                                                warned: str | None) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), f"templates/{name}": data})
    found = [(p.path, p.message.split(" (")[0]) for p in check(BuildOptions(root=root, search=False)).problems]
    if warned:
        assert found == [(f"templates/{name}", f"the {warned} is not saved as UTF-8")]
    else:  # a UTF-16 stylesheet with its byte-order mark is read as browsers read it, links and all
        assert found == [(f"templates/{name}", "the stylesheet links /assets/missing-in-utf16.png")]


def test_an_unknown_filter_gets_the_same_hint_from_build_as_from_check(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "templates/interview.html": '{% extends "base.html" %}{% block main %}'
                                                                      '{{ "x"|urll }}{% endblock %}\n'})
    [checked] = check(BuildOptions(root=root, search=False)).problems
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    assert [p.hint for p in failure.value.problems] == [checked.hint] == [
        "did you mean url? Fix the filter's name at that line"]


def test_check_finds_a_misspelt_macro_where_it_is_imported(tmp_path: Path) -> None:
    # check said clean; the build stopped where the macro was used, lines below, as "'tally_panel' is undefined".
    layout = (default_theme_dir() / "case.html").read_text(encoding="utf-8").replace(
        'import tally_panel %}', 'import tally_panell %}', 1)
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/case.html": layout})
    assert [(p.path, p.line, p.message, p.hint) for p in check(BuildOptions(root=root, search=False)).problems] == [
        ("templates/case.html", 2, "the template partials/tally.html has no macro tally_panell",
         "did you mean tally_panel? Correct the name in the import tag")]
