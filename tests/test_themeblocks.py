"""What a site's templates write that no page would show is an error, told by check and build alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.render import default_theme_dir

from .sitekit import interview, write_site

Capture = pytest.CaptureFixture[str]
BASE = (default_theme_dir() / "base.html").read_text(encoding="utf-8")
UNIT = (default_theme_dir() / "unit.html").read_text(encoding="utf-8")
MAIN_LINE = BASE.splitlines().index(next(line for line in BASE.splitlines() if "{% block main %}" in line)) + 1
LAYOUTS = sorted(path.name for path in default_theme_dir().glob("*.html")
                 if "{% extends" in path.read_text(encoding="utf-8"))


def _errors(tmp_path: Path, capsys: Capture, templates: dict[str, str]) -> list[str]:
    """The lines of ``sitegen check``'s report on a one-interview site with these templates, less the summary."""
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), **templates})
    main(["check", "--site", str(root)])
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("checked:")]


def test_the_default_theme_has_layouts_that_fill_main() -> None:
    # The tests below count on it: every page layout fills base.html's main.
    assert MAIN_LINE > 1 and len(LAYOUTS) == 16


def test_a_base_whose_main_block_was_renamed_is_told_at_the_block_no_layout_fills(tmp_path: Path,
                                                                                 capsys: Capture) -> None:
    renamed = BASE.replace("{% block main %}", "{% block content %}")
    assert renamed != BASE
    assert _errors(tmp_path, capsys, {"templates/base.html": renamed}) == [
        f'templates/base.html:{MAIN_LINE}:1: error: the layouts 404.html, about-data.html, accessibility.html and '
        '13 more fill the block "main", which this template does not have: what they put in it is shown on no page',
        "  hint: if this block content was main, name it so again: {% block main %}; else add "
        "{% block main %}{% endblock %} where it should show"]


def test_a_base_that_lost_its_main_block_is_told_where_the_default_theme_has_it(tmp_path: Path,
                                                                               capsys: Capture) -> None:
    lost = BASE.replace("{% block main %}{% endblock %}", "")
    assert lost != BASE
    assert _errors(tmp_path, capsys, {"templates/base.html": lost}) == [
        'templates/base.html: error: the layouts 404.html, about-data.html, accessibility.html and 13 more fill '
        'the block "main", which this template does not have: what they put in it is shown on no page',
        f"  hint: put {{% block main %}}{{% endblock %}} back where it should show (the default theme's base.html "
        f"has it at line {MAIN_LINE})"]


def test_a_misspelt_block_in_a_layout_is_told_at_it_with_the_name_meant(tmp_path: Path, capsys: Capture) -> None:
    typo = UNIT.replace("{% block main %}", "{% block mian %}")
    line = typo.splitlines().index("{% block mian %}") + 1
    assert _errors(tmp_path, capsys, {"templates/unit.html": typo}) == [
        f'templates/unit.html:{line}:1: error: the block "mian" is in no template unit.html extends (base.html), '
        "so no page shows what is in it",
        "  hint: did you mean main? Write {% block main %}; the blocks base.html has: head, main, page_class, title"]


def test_a_block_no_parent_has_and_no_name_is_near_is_told_with_where_to_add_it(tmp_path: Path,
                                                                               capsys: Capture) -> None:
    mid = '{% extends "base.html" %}{% block main %}<div>{% block inner %}{% endblock %}</div>{% endblock %}'
    layout = '{% extends "mid.html" %}\n{% block inner %}甲{% endblock %}\n  {% block scripts %}乙{% endblock %}\n'
    assert _errors(tmp_path, capsys, {"templates/mid.html": mid, "templates/404.html": layout}) == [
        'templates/404.html:3:3: error: the block "scripts" is in no template 404.html extends '
        "(mid.html → base.html), so no page shows what is in it",
        "  hint: a template fills only the blocks of the templates it extends (mid.html → base.html: head, inner, "
        "main, page_class, title): use one of them, or add {% block scripts %}{% endblock %} to base.html where "
        "it should show"]


def test_a_copied_layout_that_lost_its_extends_is_told(tmp_path: Path, capsys: Capture) -> None:
    units = (default_theme_dir() / "units.html").read_text(encoding="utf-8")
    assert units.startswith('{% extends "base.html" %}\n')
    assert _errors(tmp_path, capsys, {"templates/units.html": units.split("\n", 1)[1]}) == [
        "templates/units.html:1:1: warning: this layout makes whole pages, but it extends no template and writes no "
        "<html>: its pages have no <head>, style sheet, menu or language (lang)",
        '  hint: make its first line {% extends "base.html" %} again, with what the page shows inside '
        "{% block main %} … {% endblock %}, as the default theme's units.html has it"]


def test_text_outside_the_blocks_of_a_layout_is_told_at_its_line(tmp_path: Path, capsys: Capture) -> None:
    layout = ('{% extends "base.html" %}\n{% from "partials/lists.html" import entry_list %}\n'
              '{% set note = "说明" %}\n\n    <p>本页说明：{{ note }}</p>\n{% block main %}正文{% endblock %}\n')
    assert _errors(tmp_path, capsys, {"templates/404.html": layout}) == [
        "templates/404.html:5:5: error: this is outside every block of a template that extends another, so no page "
        "shows it",
        "  hint: move it inside a block its parent has, e.g. into {% block main %} … {% endblock %}; a template "
        "that extends another shows only its blocks"]


@pytest.mark.parametrize("templates", [
    # A chain of the site's own: a block of the grandparent, and one inside a block of the layout's own.
    {"templates/mid.html": '{% extends "base.html" %}{% block title %}甲{% endblock %}',
     "templates/404.html": '{% extends "mid.html" %}\n{% block main %}{% block part %}乙{% endblock %}{% endblock %}\n'},
    # A whole page of its own, with no extends, and a partial (no layout) with neither.
    {"templates/404.html": "<!doctype html>\n<HTML lang=\"zh-CN\"><head><title>404</title></head><body>无</body></HTML>",
     "templates/partials/notice.html": "<p>联系我们</p>"},
    # The default theme's base, copied whole.
    {"templates/base.html": BASE}])
def test_templates_that_show_all_they_write_are_not_told(tmp_path: Path, capsys: Capture,
                                                         templates: dict[str, str]) -> None:
    assert _errors(tmp_path, capsys, templates) == []


def test_the_build_stops_and_keeps_the_site_it_had(tmp_path: Path, capsys: Capture) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    assert main(["build", "--site", str(root), "--no-search"]) == 0
    page = root / "output/interviews/a/index.html"
    before = page.read_bytes()
    assert b"<main" in before and "回答。".encode() in before
    (root / "templates").mkdir()
    (root / "templates/base.html").write_text(BASE.replace("{% block main %}", "{% block content %}"),
                                              encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--site", str(root), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"templates/base.html:{MAIN_LINE}:1: error: the layouts ")
    assert page.read_bytes() == before
