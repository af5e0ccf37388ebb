"""A site's own templates that lose a page's language, a picture's text or the way past the menu are told."""

from __future__ import annotations

from pathlib import Path

from sitegen.build import BuildOptions, build, check
from sitegen.errors import Report
from sitegen.render import default_theme_dir
from sitegen.themeaccess import check_template_access
from sitegen.themefiles import read_templates

from .sitekit import interview, write_site


def _found(templates: dict[str, str], language: str = "zh-CN") -> list[tuple[str, int, int, str]]:
    report = Report()
    check_template_access(templates, language, report)
    return [(p.path, p.line, p.column, p.message) for p in report.problems]


def _at(text: str, typed: str) -> tuple[int, int]:
    before = text[:text.index(typed)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_the_default_theme_keeps_all_of_it() -> None:
    assert _found(read_templates([default_theme_dir()], Report())) == []


def test_a_page_without_its_language_or_with_another_is_told() -> None:
    bare = "<!doctype html>\n<html>\n<body><main id=\"main\">正文</main></body></html>\n"
    other = "<!doctype html>\n<html lang=\"en\">\n<body></body></html>\n"
    made = '<!doctype html>\n<html lang="{{ config.language }}">\n<body></body></html>\n'
    found = _found({"a.html": bare, "b.html": other, "c.html": made, "d.html": other.replace('"en"', '"zh-cn"')})
    assert found == [
        ("templates/a.html", 2, 1, "the page's <html> has no lang (页面语言): screen readers read its Chinese with the "
                                   "voice of the reader's own setting, often an English one"),
        ("templates/b.html", 2, 7, 'the page says its language is "en", while site.yaml says zh-CN (页面语言): '
                                   "screen readers read it with that language's voice")]


def test_a_picture_without_alt_is_told_unless_template_code_writes_its_attributes() -> None:
    text = ('<p><img src="{{ \'/assets/logo.svg\'|url }}" width="{{ w if w > 1 else 1 }}"></p>\n'
            '<img src="a.png" alt=""> <img src="b.png" aria-hidden="true"> <IMG SRC="c.png" role="presentation">\n'
            '<img src="d.png" {% if alt %}alt="{{ alt }}"{% endif %}>\n'
            "<script>const html = '<img src=x>';</script>{# <img src=\"old.png\"> #}\n")
    assert _found({"partials/logo.html": text}) == [
        ("templates/partials/logo.html", 1, 4, "this picture has no alt (替代文字): a screen reader reads out its "
                                               "file's name")]


def test_a_skip_link_deleted_or_leading_nowhere_is_told() -> None:
    base = ('<!doctype html>\n<html lang="zh-CN">\n<body>\n<header><nav aria-label="主导航">菜单</nav></header>\n'
            '<main class="wrap">{% block main %}{% endblock %}</main>\n</body></html>\n')
    assert _found({"base.html": base}) == [
        ("templates/base.html", 3, 1, "the page has a menu (<nav>) but no link to skip it (跳到正文): keyboard users "
                                      "go through the whole menu on every page (WCAG 2.4.1)")]
    linked = base.replace("<body>\n", '<body>\n<a class="skip-link" href="#main">跳到正文</a>\n')
    assert _found({"base.html": linked}) == [
        ("templates/base.html", *_at(linked, 'href="#main"'), 'this link leads to "#main", but no template '
                                                              'writes id="main": it goes nowhere')]
    charts = '<figure id="chart-{{ n }}">图</figure><a href="#chart-3">图三</a>'
    assert _found({"base.html": linked.replace('<main class="wrap">', '<main id="main" class="wrap">'),
                   "partials/chart.html": charts}) == []


def test_check_and_build_tell_it_at_the_sites_own_template(tmp_path: Path) -> None:
    base = (default_theme_dir() / "base.html").read_text(encoding="utf-8")
    broken = base.replace('<html lang="{{ config.language }}">', "<html>")
    broken = broken.replace('<a class="skip-link" href="#main">跳到正文</a>\n', "")
    assert broken.count("<html>") == 1 and "skip-link" not in broken.split("<main", 1)[0]
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/base.html": broken})
    expected = [("templates/base.html", *_at(broken, "<html>")), ("templates/base.html", *_at(broken, "<body"))]
    assert [(p.path, p.line, p.column) for p in check(BuildOptions(root=root, search=False)).problems] == expected
    assert [(p.path, p.line, p.column) for p in build(BuildOptions(root=root, search=False)).warnings] == expected
