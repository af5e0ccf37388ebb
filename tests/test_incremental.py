"""Rebuilds: what a change writes, and that an incremental build equals a clean one."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitegen.outputs as outputs
from sitegen.build import BuildOptions, build, load_and_check
from sitegen.depends import load_rendered, rendered_record_path, save_rendered
from sitegen.errors import Report
from sitegen.fresh import CACHE_DIR
from sitegen.render import make_environment, page_digest, render_pages
from sitegen.write import Stamp

from .sitekit import MINIMAL_CONFIG, SERIES, UNIT, copy_example, edit_file, interview, tree_hashes, write_site

BODY = "## 问题\n\n回答第{n}篇，[链接](https://example.org/{n})。\n\n- 甲\n- 乙\n"


def _site(root: Path, pages: int) -> Path:
    files = {f"content/interviews/p{i:02d}.md": interview(f"访谈{i}", date=f"2018-05-{i + 1:02d} 10:00",
                                                          body=BODY.format(n=i))
             for i in range(pages)}
    return write_site(root, files)


def test_no_change_writes_nothing_and_one_edit_writes_only_what_shows_it(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 12)
    build(BuildOptions(root=root, search=False))
    again = build(BuildOptions(root=root, search=False))
    assert (again.converted, again.changed_paths, again.removed_paths) == (0, (), ())
    page = root / "content/interviews/p03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    assert edited.converted == 1
    # Newest first, 10 a page: p03 is on the first page of each list (the home page shows
    # only the latest five). Its summary shows on those lists, the unit page and in the
    # feeds; its neighbours show only its title, which did not change.
    assert edited.changed_paths == (
        "feed.xml", "interviews/index.html", "interviews/p03/index.html", "series/dadiaoyan/feed.xml",
        "series/dadiaoyan/index.html", "units/baihe/feed.xml", "units/baihe/index.html")
    assert edited.removed_paths == ()


def test_a_deleted_source_removes_its_outputs(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 3)
    build(BuildOptions(root=root, search=False))
    (root / "content/interviews/p01.md").unlink()
    result = build(BuildOptions(root=root, search=False))
    assert "interviews/p01/index.html" in result.removed_paths
    assert not (root / "output/interviews/p01").exists()


UNIT_TWO = "name: 新镇\nlevel: town\n"
KINDS = ["edit", "add", "delete", "retitle", "template", "config", "tally", "rename-unit", "series",
         "tags", "redate", "draft", "move", "base", "alias", "tamper", "listcount", "redirect", "showtext",
         "plainpage", "further", "unitlists", "otherpages", "summary", "sortedby", "case", "milestone"]
EDITS = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 7)), min_size=1, max_size=6)
THEME = Path(__file__).resolve().parents[1] / "templates"


def _set_field(page: Path, name: str, value: str) -> None:
    """Set one front matter field of an interview (added before the closing ---)."""
    head, rest = page.read_text(encoding="utf-8").split("\n---\n", 1)
    lines = [line for line in head.split("\n") if not line.startswith(f"{name}:")]
    page.write_text("\n".join(lines + [f"{name}: {value}"]) + "\n---\n" + rest, encoding="utf-8")


def _own_summaries(root: Path) -> None:
    """Give every interview a summary of its own in its front matter (not taken from its text)."""
    for each in sorted((root / "content/interviews").glob("*.md")):
        _set_field(each, "summary", f"{each.stem}的摘要。")


def _apply(root: Path, kind: str, n: int) -> None:
    page = root / f"content/interviews/p{n:02d}.md"
    if kind == "add":
        page.write_text(interview(f"新访谈{n}", date=f"2018-06-{n + 1:02d} 09:00", body=BODY.format(n=n)),
                        encoding="utf-8")
    elif kind == "delete":
        page.unlink(missing_ok=True)
    elif kind == "edit" and page.exists():
        page.write_text(page.read_text(encoding="utf-8") + f"\n补充{n}。\n", encoding="utf-8")
    elif kind == "retitle" and page.exists():
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("title: ", f"title: 改{n}", 1), encoding="utf-8")
    elif kind == "template":
        template = root / "templates/404.html"
        template.parent.mkdir(exist_ok=True)
        template.write_text(f"{{% extends 'base.html' %}}{{% block main %}}<h1>找不到{n}</h1>{{% endblock %}}\n",
                            encoding="utf-8")
    elif kind == "config":
        (root / "site.yaml").write_text(f"title: 测试站点{n}\nbase_url: https://example.org/\nper_page: {n + 2}\n",
                                        encoding="utf-8")
    elif kind == "tally":
        unit = root / "content/units/baihe.yaml"
        unit.write_text(UNIT.replace("collected: 296", f"collected: {296 + n}")
                        .replace("in_progress: 50", f"in_progress: {50 + n}"), encoding="utf-8")
    elif kind == "rename-unit":
        (root / "content/units/xinzhen.yaml").write_text(UNIT_TWO.replace("新镇", f"新镇{'一二三四五六七八'[n]}"),
                                                         encoding="utf-8")
    elif kind == "series":
        series = root / "content/series/dadiaoyan.yaml"
        series.write_text(SERIES.replace("大调研微访谈", f"大调研微访谈{n}"), encoding="utf-8")
    elif kind == "tags" and page.exists():
        _set_field(page, "tags", f"[标签{n % 3}, 共同]")
    elif kind == "redate" and page.exists():
        _set_field(page, "date", f"2018-04-{n + 1:02d} 08:00")
    elif kind == "draft" and page.exists():
        _set_field(page, "draft", "true" if n % 2 else "false")
    elif kind == "move" and page.exists():
        _set_field(page, "unit", "xinzhen" if n % 2 else "baihe")
    elif kind == "base":
        base = (THEME / "base.html").read_text(encoding="utf-8")
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/base.html").write_text(base.replace("</body>", f"<!-- 版本{n} -->\n</body>"),
                                                  encoding="utf-8")
    elif kind == "alias":
        # Reads the graph through another name: the tags page then depends on everything.
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/tags.html").write_text(
            "{% extends 'base.html' %}{% block main %}{% set s = site %}"
            f"<p>{{{{ s.interviews|length }}}}篇，{{{{ s.totals.collected }}}}份{n}</p>{{% endblock %}}\n",
            encoding="utf-8")
    elif kind == "listcount":
        # A series layout that reads the view's own list, through a filter argument.
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/series.html").write_text(
            "{% extends 'base.html' %}{% block main %}<p>"
            + ("{{ series.interviews|length }}" if n % 2 else "{{ series|attr('interviews')|length }}")
            + "篇</p>{% endblock %}\n", encoding="utf-8")
    elif kind == "showtext":
        # An archive that shows what the text of each entry makes, named eight ways: the last three
        # by names that are not written in the template as they are read.
        (root / "data").mkdir(exist_ok=True)
        (root / "data/archive.yaml").write_text("columns: [title, word_count]\n", encoding="utf-8")
        shown = ["{{ entry.word_count }}字", "{{ entry.document.rendered.html|length }}",
                 "{{ [entry]|map(attribute='document.rendered.html')|map('length')|join }}",
                 "{{ entry|attr('word_count') }}",
                 "{% set count = 'word_count' %}{{ [entry]|map(attribute=count)|join }}",
                 "{% for column in site.data.archive.columns %}{{ entry[column] }}{% endfor %}",
                 "{% set count %}word_count{% endset %}{{ [entry]|sum(attribute=count) }}",
                 "{% set count = 'word' ~ '_count' %}{{ [entry]|map(attribute=count)|join }}"][n % 8]
        _own_summaries(root)  # so that an edited text changes only what the archive reads
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/archive.html").write_text(
            "{% extends 'base.html' %}{% block main %}{% for key, entries in months %}{% for entry in entries %}"
            f"<p>{{{{ entry.title }}}} {shown}</p>{{% endfor %}}{{% endfor %}}{{% endblock %}}\n", encoding="utf-8")
    elif kind == "plainpage":
        # An interview layout that shows no count: the page head's JSON-LD still does (wordCount).
        _own_summaries(root)
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/interview.html").write_text(
            "{% extends 'base.html' %}{% block main %}<h1>{{ entry.title }}</h1><p>{{ entry.summary }}</p>"
            "{% endblock %}\n", encoding="utf-8")
    elif kind == "further":
        # An interview layout that asks for the pages two steps away in its series, one of three ways: a
        # neighbour has none of its own, so every build shows none.
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/m.html").write_text(
            "{% macro older(e) %}{{ e.title }}{% if e.prev %}（前一篇：{{ e.prev.title }}）{% endif %}{% endmacro %}\n",
            encoding="utf-8")
        shown = ["{% if entry.prev and entry.prev.prev %}{{ entry.prev.prev.title }}{% endif %}",
                 "{% set older = entry.prev %}{% if older and older.prev %}{{ older.prev.title }}{% endif %}",
                 "{% from 'm.html' import older %}{% if entry.prev %}{{ older(entry.prev) }}{% endif %}"][n % 3]
        (root / "templates/interview.html").write_text(
            f"{{% extends 'base.html' %}}{{% block main %}}<h1>{{{{ entry.title }}}}</h1>{shown}{{% endblock %}}\n",
            encoding="utf-8")
    elif kind == "otherpages":
        # A page of no entries listing every interview page with what its context holds.
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/about-data.html").write_text(
            "{% extends 'base.html' %}{% block main %}{% for p in site.pages if p.kind == 'interview' %}"
            "<p>{{ p.title }}：{{ p.context.entry.summary }}</p>{% endfor %}{% endblock %}\n", encoding="utf-8")
    elif kind == "summary" and page.exists():
        _set_field(page, "summary", f"新的摘要{n}。")
    elif kind == "sortedby":
        # A list ordered by the count of each text, named in a list of attributes.
        _own_summaries(root)
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/archive.html").write_text(
            "{% extends 'base.html' %}{% block main %}{% for e in site.interviews|sort(attribute='word_count,title') %}"
            "<p>{{ e.title }}</p>{% endfor %}{% endblock %}\n", encoding="utf-8")
    elif kind == "unitlists":
        # A unit layout that counts the unit's lists, named in a data file.
        (root / "data").mkdir(exist_ok=True)
        (root / "data/unit.yaml").write_text("lists: [interviews, cases]\n", encoding="utf-8")
        shown = ("{{ (unit|attr(name))|length }}" if n % 2 else "{{ unit[name]|length }}")
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates/unit.html").write_text(
            "{% extends 'base.html' %}{% block main %}<h1>{{ unit.unit.name }}</h1>"
            f"{{% for name in site.data.unit.lists %}}<p>{shown}</p>{{% endfor %}}{{% endblock %}}\n",
            encoding="utf-8")
    elif kind == "redirect" and page.exists():
        # An old address kept by the page (aliases:), or none: its redirect page comes and goes.
        _set_field(page, "aliases", f"[/old/p{n:02d}/, /旧/{n}.html]" if n % 2 else "[]")
    elif kind == "case":
        # A case study of either unit, its title and text changing: an interview page links its unit's case
        # studies, and a case study page its unit's interviews.
        (root / "content/cases").mkdir(exist_ok=True)
        (root / f"content/cases/c{n % 3}.md").write_text(
            f"---\ntitle: 案例{n}\nunit: {'xinzhen' if n % 2 else 'baihe'}\nstatus: in_progress\nproblem: 问题{n}。\n"
            f"actions: [走访]\ndate: 2018-05-{n + 2:02d} 09:00\n---\n\n案例正文{n}。\n", encoding="utf-8")
    elif kind == "milestone":
        # A milestone's status, typed (in English or as the page shows it) or left to its date: the unit's page
        # marks it, the open data's status column says it.
        status = ["", "done", "planned", "postponed", "cancelled", "计划", "推迟", "取消"][n]
        (root / "content/units/baihe.yaml").write_text(
            UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员会\n"
            "  - date: 2099-03-01\n    title: 召开总结会\n" + (f"    status: {status}\n" if status else ""),
            encoding="utf-8")
    elif kind == "tamper":
        for path in sorted((root / "output").rglob("index.html"))[n % 3::3]:
            path.write_text("改过的文件", encoding="utf-8")
        if n % 2:
            (root / "output/data/tallies.json").write_text("改过的文件", encoding="utf-8")


def _site_with_two_units(root: Path) -> Path:
    _site(root, 5)
    (root / "content/units/xinzhen.yaml").write_text(UNIT_TWO, encoding="utf-8")
    return root


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_incremental_builds_equal_clean_builds(tmp_path_factory, edits: list[tuple[str, int]]) -> None:
    """Random edits of pages, units, series, tags, dates, drafts, old addresses (aliases:),
    templates (also one reading the whole graph through an alias), settings and the output itself: after each, the
    incremental build's output is byte-identical to a clean build of the same sources."""
    base = tmp_path_factory.mktemp("incremental")
    root = _site_with_two_units(base / "site")
    build(BuildOptions(root=root, search=False))
    for kind, n in edits:
        _apply(root, kind, n)
        build(BuildOptions(root=root, search=False))
        _assert_same_as_clean_build(root, base / "clean", (kind, n))


def _assert_same_as_clean_build(root: Path, clean: Path, step: object) -> None:
    """Copy the sources to ``clean``, build them without any cache and compare the outputs."""
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("output", ".sitegen-cache", ".output*"))
    build(BuildOptions(root=clean, search=False, cache=False))
    assert tree_hashes(root / "output") == tree_hashes(clean / "output"), step


SCENARIOS = [
    [("alias", 1), ("tally", 3)], [("alias", 2), ("draft", 1)], [("alias", 0), ("move", 3)],
    [("base", 1), ("edit", 2)], [("base", 1), ("base", 2)], [("tally", 2)], [("rename-unit", 0), ("move", 1)],
    [("move", 1), ("rename-unit", 2)], [("series", 4)], [("tags", 1), ("tags", 2), ("retitle", 1)],
    [("redate", 4), ("edit", 3)], [("draft", 1), ("draft", 0)], [("tamper", 0), ("tamper", 1)],
    [("template", 2), ("template", 3)], [("config", 1), ("config", 5)], [("add", 7), ("delete", 0)],
    [("listcount", 1), ("add", 6)], [("listcount", 0), ("draft", 1)], [("listcount", 1), ("move", 3)],
    # Three a page: deleting the oldest of five leaves the first page (items, page count) as it was;
    # only the number the layout reads from the view changes.
    [("config", 1), ("listcount", 0), ("delete", 0)], [("config", 1), ("listcount", 1), ("delete", 0)],
    [("redirect", 1), ("retitle", 1)], [("redirect", 3), ("redirect", 2)], [("redirect", 1), ("draft", 1)],
    [("redirect", 3), ("delete", 3)], [("redirect", 1), ("base", 2)],
    # An archive showing each text's count or HTML, read eight ways, then a text edited.
    [("showtext", 0), ("edit", 1)], [("showtext", 1), ("edit", 2)], [("showtext", 2), ("edit", 3)],
    [("showtext", 3), ("edit", 4)], [("showtext", 4), ("edit", 0)], [("showtext", 5), ("edit", 1)],
    [("showtext", 6), ("edit", 2)], [("showtext", 7), ("edit", 3)],
    # The page head's counts, the pages two steps away, a unit's lists read by a name from data.
    [("plainpage", 0), ("edit", 2)], [("further", 0), ("retitle", 2)], [("further", 1), ("retitle", 2)],
    [("further", 2), ("retitle", 2)], [("otherpages", 0), ("summary", 1)], [("sortedby", 0), ("edit", 1)],
    [("unitlists", 0), ("move", 1)], [("unitlists", 1), ("move", 3)],
    # The case studies an interview links, and the interviews a case study links.
    [("case", 0), ("case", 3)], [("case", 1), ("move", 1)], [("case", 0), ("retitle", 2)],
    [("case", 2), ("delete", 1)], [("case", 1), ("case", 4), ("add", 6)],
    # A milestone's status typed, changed and left out again.
    [("milestone", 0), ("milestone", 3), ("milestone", 4), ("milestone", 0)], [("milestone", 2), ("milestone", 5)],
    [("milestone", 7), ("milestone", 1), ("tally", 2)],
]


@pytest.mark.parametrize("edits", SCENARIOS, ids=lambda edits: "+".join(f"{k}{n}" for k, n in edits))
def test_each_kind_of_dependency_is_followed(tmp_path: Path, edits: list[tuple[str, int]]) -> None:
    """One sequence per kind of input a page can read; each must end byte-identical to a clean build."""
    root = _site_with_two_units(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    for kind, n in edits:
        _apply(root, kind, n)
        build(BuildOptions(root=root, search=False))
    _assert_same_as_clean_build(root, tmp_path / "clean", edits)


def test_one_edit_renders_only_the_pages_that_show_it(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 25)
    first = build(BuildOptions(root=root, search=False))
    # and the site's, series and unit feeds; the site has no case study, so no case studies' feed
    assert len(first.rendered_paths) == first.pages + 3
    assert build(BuildOptions(root=root, search=False)).rendered_paths == ()
    page = root / "content/interviews/p03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    # p03 is the 22nd newest of 25: on the third list page of interviews and of its series
    # (10 a page). Its summary comes from its text, so the lists holding it are rendered again:
    # home reads every interview, the unit page and the archive list it. Its neighbours show its
    # text's facts in their layout. The dashboard and the units index show only unit figures.
    assert edited.rendered_paths == (
        "index.html", "interviews/page/3/index.html",
        "interviews/p04/index.html", "interviews/p03/index.html", "interviews/p02/index.html",
        "units/baihe/index.html", "series/dadiaoyan/page/3/index.html", "archive/index.html",
        # Feeds hold the newest 50 by default: all of them hold p03.
        "feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml")


def test_a_sentence_added_to_a_text_with_its_own_summary_renders_no_list(tmp_path: Path) -> None:
    """The lists show an entry's title, unit, role, date and summary: a text whose summary is in its
    front matter changes none of them when a sentence is added, as the benchmark's edit does."""
    files = {f"content/interviews/p{i:02d}.md": interview(
        f"访谈{i}", date=f"2018-05-{i + 1:02d} 10:00", body=BODY.format(n=i), extra=f"summary: 第{i}篇的摘要。\n")
        for i in range(25)}
    root = write_site(tmp_path / "site", files)
    build(BuildOptions(root=root, search=False))
    page = root / "content/interviews/p03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    assert edited.rendered_paths == (
        "interviews/p04/index.html", "interviews/p03/index.html", "interviews/p02/index.html",
        "feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml")
    assert edited.changed_paths == (
        "feed.xml", "interviews/p03/index.html", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml")
    _assert_same_as_clean_build(root, tmp_path / "clean", "sentence added")


def test_a_template_edit_renders_only_the_pages_using_it(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 4)
    build(BuildOptions(root=root, search=False))
    (root / "templates").mkdir()
    theme_unit = (Path(__file__).resolve().parents[1] / "templates/unit.html").read_text(encoding="utf-8")
    (root / "templates/unit.html").write_text(theme_unit + "{# 改 #}\n", encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).rendered_paths == ("units/baihe/index.html",)


def _inodes(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_ino for p in output.rglob("*.html")}


def test_a_layout_edit_that_changes_no_page_rewrites_none_and_one_that_does_rewrites_all(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 4)
    build(BuildOptions(root=root, search=False))
    output = root / "output"
    (root / "templates").mkdir()
    base = (THEME / "base.html").read_text(encoding="utf-8")
    tampered = output / "interviews/p01/index.html"
    tampered.write_text(tampered.read_text(encoding="utf-8") + "<!-- 手改 -->", encoding="utf-8")
    before = _inodes(output)
    # A comment of the template language: every page is rendered again and comes out the same,
    # so none is written, except the one changed by hand since the last build.
    (root / "templates/base.html").write_text(base + "{# 改 #}\n", encoding="utf-8")
    same = build(BuildOptions(root=root, search=False))
    assert len([path for path in same.rendered_paths if path.endswith(".html")]) == len(before)
    assert same.changed_paths == ("interviews/p01/index.html",)
    assert {path: inode for path, inode in _inodes(output).items() if path != "interviews/p01/index.html"} == {
        path: inode for path, inode in before.items() if path != "interviews/p01/index.html"}
    # A visible change: every page is written, and the site equals a clean build's.
    (root / "templates/base.html").write_text(base.replace("</body>", "<!-- 改 --></body>"), encoding="utf-8")
    changed = build(BuildOptions(root=root, search=False))
    assert sorted(changed.changed_paths) == sorted(before)
    assert all("<!-- 改 --></body>" in (output / path).read_text(encoding="utf-8") for path in before)
    incremental = tree_hashes(output)
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(output) == incremental
    # The digests recorded for written pages, and carried over for pages kept unrendered,
    # both serve the next build.
    page = root / "content/interviews/p02.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    assert set(before) - set(build(BuildOptions(root=root, search=False)).rendered_paths)  # some pages kept
    (root / "templates/base.html").write_text(base.replace("</body>", "<!-- 改 --></body>") + "{# 再改 #}",
                                              encoding="utf-8")
    assert build(BuildOptions(root=root, search=False)).changed_paths == ()


def test_feeds_are_rendered_only_when_an_entry_they_hold_changed(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 6)
    (root / "site.yaml").write_text(MINIMAL_CONFIG + "feed_entries: 3\n", encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    oldest = root / "content/interviews/p00.md"
    oldest.write_text(oldest.read_text(encoding="utf-8") + "\n新增。\n", encoding="utf-8")
    rendered = build(BuildOptions(root=root, search=False)).rendered_paths
    assert not [path for path in rendered if path.endswith("feed.xml")]  # p00 is not among the newest 3
    newest = root / "content/interviews/p05.md"
    newest.write_text(newest.read_text(encoding="utf-8") + "\n新增。\n", encoding="utf-8")
    rendered = build(BuildOptions(root=root, search=False)).rendered_paths
    assert [path for path in rendered if path.endswith("feed.xml")] == [
        "feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml"]


def test_rendering_hands_back_the_stand_in_of_a_page_that_came_out_as_published(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 3)
    options = BuildOptions(root=root, search=False)
    config, _, graph = load_and_check(options, Report())
    env = make_environment(config)
    plain = render_pages(graph, env, Report())
    first, second = graph.pages[0].output, graph.pages[1].output
    published = {first: (page_digest(plain[first]), "kept"), second: (page_digest(b"other bytes"), "kept")}
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    digests: dict[str, str] = {}
    files = render_pages(graph, env, Report(), into=scratch, published=published, digests=digests)
    assert files[first] == "kept"  # came out the same: nothing written for it
    assert files[second] == scratch / "1.html" and (scratch / "1.html").read_bytes() == plain[second]
    assert sorted(p.name for p in scratch.iterdir()) == sorted(f"{n}.html" for n in range(1, len(graph.pages)))
    assert digests == {page.output: page_digest(plain[page.output]) for page in graph.pages}


def test_an_image_replaced_by_one_of_another_size_changes_the_pages_showing_it(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    case = root / "output/cases/baihe-caomei/index.html"
    assert '<img src="/images/baihe-caomei.svg" alt="示意图：田垄上成排的草莓植株和一颗放大的草莓" width="1200" height="675">' \
        in case.read_text(encoding="utf-8")
    picture = root / "content/images/baihe-caomei.svg"
    picture.write_text(picture.read_text(encoding="utf-8").replace('width="1200" height="675"',
                                                                   'width="800" height="600"', 1), encoding="utf-8")
    rebuilt = build(BuildOptions(root=root, search=False))
    assert {"cases/baihe-caomei/index.html", "interviews/baihe-dadiaoyan-weifangtan/index.html"} <= set(
        rebuilt.changed_paths)
    assert 'width="800" height="600">' in case.read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


def test_templates_compiled_by_another_sitegen_are_never_used(tmp_path: Path) -> None:
    # After an upgrade, templates compiled by the old code (which called the url filter without the
    # render context) were loaded from the build cache: every page failed with "filter_() missing 1
    # required positional argument". Compiled templates are now kept per code fingerprint.
    import jinja2
    from sitegen.config import load_config
    from sitegen.fresh import code_fingerprint
    root = copy_example(tmp_path / "site")
    config = load_config(root, Report())
    jinja = root / ".sitegen-cache" / "jinja"
    for folder in (jinja, jinja / "0123456789abcdef"):  # the old layout, and another code's folder
        folder.mkdir(parents=True, exist_ok=True)
        stale = make_environment(config)
        stale.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        stale.filters["url"] = lambda path: path  # as filters were before they took the context
        stale.get_template("base.html")
    assert list(jinja.glob("*.cache")) and list((jinja / "0123456789abcdef").glob("*.cache"))
    build(BuildOptions(root=root, search=False))
    assert re.search(r'<link rel="stylesheet" href="/assets/site\.[0-9a-f]{10}\.css">',
                     (root / "output/index.html").read_text(encoding="utf-8"))
    assert [p.name for p in jinja.iterdir()] == [code_fingerprint()]


@pytest.mark.parametrize(("first", "then"), [(None, "https://example.org/qingpu/diaoyan/"),
                                             ("https://example.org/qingpu/diaoyan/", "https://example.org/")])
def test_a_new_base_url_gives_the_pages_of_a_clean_build(tmp_path: Path, first: str | None, then: str) -> None:
    # The stylesheet's address ({{ '/assets/site.css'|url }}) was worked out when the template was
    # compiled, and the compiled template kept for the next build: every page of a site moved under a
    # sub-path still asked for /assets/site.css, and was shown without its style.
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False, base_url=first))
    build(BuildOptions(root=root, search=False, base_url=then))
    page = (root / "output/index.html").read_text(encoding="utf-8")
    path = urlsplit(then).path
    assert re.search(f'<link rel="stylesheet" href="{path}assets/site\\.[0-9a-f]{{10}}\\.css">', page)
    assert f'<a href="{path}interviews/">全部访谈</a>' in (root / "output/search/index.html").read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, base_url=then, clean=True))
    assert tree_hashes(root / "output") == incremental


def test_a_picture_in_the_text_replaced_by_one_of_another_size_changes_its_page(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", 4)
    page = root / "content/interviews/p01.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![草莓田](images/field.svg)\n", encoding="utf-8")
    picture = root / "content/images/field.svg"
    picture.parent.mkdir()
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"></svg>', encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    published = root / "output/interviews/p01/index.html"
    assert '<img alt="草莓田" src="/images/field.svg" width="1200" height="675" loading="lazy">' in published.read_text(encoding="utf-8")
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"></svg>', encoding="utf-8")
    rebuilt = build(BuildOptions(root=root, search=False))
    assert rebuilt.converted == 0  # the text did not change: its Markdown comes from the cache
    assert "interviews/p01/index.html" in rebuilt.changed_paths
    assert '<img alt="草莓田" src="/images/field.svg" width="800" height="600" loading="lazy">' in published.read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


def test_the_sitemap_is_made_again_only_when_a_page_address_kind_or_date_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path / "site", 12)
    build(BuildOptions(root=root, search=False))
    made: list[int] = []
    real = outputs.render_sitemap
    monkeypatch.setattr(outputs, "render_sitemap", lambda graph: made.append(1) or real(graph))
    page = root / "content/interviews/p03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    assert made == []  # a body edit changes no address or date: sitemap.xml and robots.txt are kept
    page.write_text(page.read_text(encoding="utf-8").replace("2018-05-04 10:00", "2018-06-04 10:00"), encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    assert made == [1] and "<lastmod>2018-06-04T10:00:00" in (root / "output/sitemap.xml").read_text(encoding="utf-8")
    (root / "output/robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")  # a hand edit
    build(BuildOptions(root=root, search=False))
    assert made == [1, 1] and "Disallow" not in (root / "output/robots.txt").read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


def test_the_open_data_is_made_again_only_when_a_unit_record_or_the_settings_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path / "site", 12)
    build(BuildOptions(root=root, search=False))
    made: list[int] = []
    real = outputs.render_open_data
    monkeypatch.setattr(outputs, "render_open_data", lambda graph: made.append(1) or real(graph))
    page = root / "content/interviews/p03.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    assert made == [] and not any(path.startswith("data/") for path in edited.changed_paths)
    unit = root / "content/units/baihe.yaml"
    unit.write_text(UNIT.replace("collected: 296", "collected: 297").replace("in_progress: 50", "in_progress: 51"),
                    encoding="utf-8")
    tallied = build(BuildOptions(root=root, search=False))
    assert made == [1] and {"data/tallies.csv", "data/tallies.json", "data/units.json"} <= set(tallied.changed_paths)
    assert ",297,143,103,51," in (root / "output/data/tallies.csv").read_text(encoding="utf-8-sig")
    (root / "output/data/units.csv").write_text("id,name\n", encoding="utf-8")  # a hand edit
    build(BuildOptions(root=root, search=False))
    assert made == [1, 1] and "baihe" in (root / "output/data/units.csv").read_text(encoding="utf-8-sig")
    (root / "site.yaml").write_text(MINIMAL_CONFIG + "publisher: 白鹤镇人民政府\n", encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    assert made == [1, 1, 1] and "白鹤镇人民政府" in (root / "output/datapackage.json").read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "old json", "other version"])
def test_a_damaged_record_of_the_last_build_renders_every_page_and_feed(tmp_path: Path, damage: str) -> None:
    root = _site(tmp_path / "site", 4)
    first = build(BuildOptions(root=root, search=False))
    record = rendered_record_path(root / CACHE_DIR, root / "output")
    data = record.read_bytes()
    # The pages, feeds, sitemap, robots.txt, six open data files, datapackage.json and their archive, and
    # 白鹤镇's tallies.csv and unit.json.
    assert len(load_rendered(record)) == len(first.rendered_paths) + 2 + 8 + 2
    record.write_bytes({"flip": data[:-40] + bytes([data[-40] ^ 1]) + data[-39:], "truncate": data[:len(data) // 2],
                        "empty": b"", "old json": b'{"version":2,"pages":{}}',
                        "other version": data.replace(b"rendered 3", b"rendered 9", 1)}[damage])
    assert load_rendered(record) == {}
    again = build(BuildOptions(root=root, search=False))
    assert again.rendered_paths == first.rendered_paths
    assert again.changed_paths == ()  # rendered again, the same bytes: nothing written
    assert build(BuildOptions(root=root, search=False)).rendered_paths == ()  # the record was made anew


def test_the_record_keeps_fingerprint_digest_and_stamp_of_each_published_file_only(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"A")
    (tmp_path / "folder").mkdir()
    record = tmp_path / "cache" / "rendered-x.bin"
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "rendered-x.json").write_text("{}", encoding="utf-8")  # an older build's record
    status = {"a.html": os.lstat(tmp_path / "a.html"), "folder": os.lstat(tmp_path / "folder"), "gone.html": None}
    save_rendered(record, {"a.html": "f1", "folder": "f2", "gone.html": "f3", "unlisted.html": "f4"}, status,
                  {"a.html": "d1"})
    stat = status["a.html"]
    assert load_rendered(record) == {"a.html": ("f1", "d1", 1, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)}
    assert load_rendered(record)["a.html"].stamp == Stamp.of(tmp_path / "a.html")
    assert not (tmp_path / "cache" / "rendered-x.json").exists()


def test_a_milestone_status_typed_rewrites_its_unit_page_and_the_milestone_data_only(tmp_path: Path) -> None:
    # The status is what the page and the open data show of a milestone besides its date, title and description.
    root = _site(tmp_path / "site", 3)
    unit = root / "content/units/baihe.yaml"
    unit.write_text(UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员会\n", encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    unit.write_text(unit.read_text(encoding="utf-8") + "    status: cancelled\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    assert set(edited.changed_paths) == {
        "units/baihe/index.html", "data/milestones.csv", "data/units.json", "data/opendata.zip",
        "data/units/baihe/milestones.csv", "data/units/baihe/unit.json"}
    assert "（取消）" in (root / "output/units/baihe/index.html").read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


_INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
_INTERVIEW_FEEDS = ("feed.xml", "series/dadiaoyan-weifangtan/feed.xml", "units/baihe/feed.xml")


@pytest.mark.parametrize(("rel", "typed", "retyped", "shown", "feeds"), [
    ("content/cases/baihe-caomei.md", "  - 计划打造一家草莓龙头企业\n", "  - 已引进一家草莓龙头企业\n",
     "<li>已引进一家草莓龙头企业</li>", ("cases/feed.xml",)),
    ("content/cases/baihe-caomei.md", "status: in_progress\n", "status: resolved\n", "<p>状态：已解决</p>",
     ("cases/feed.xml",)),
    ("content/cases/baihe-sige-zui.md", "outcome: 截至2018年5月初，", "outcome: 截至2018年6月底，",
     "<dt>成效</dt><dd>截至2018年6月底，", ("cases/feed.xml",)),
    (_INTERVIEW, "  role: 中共白鹤镇党委书记\n", "  role: 中共白鹤镇党委副书记\n",
     "<p>受访人：（姓名略），中共白鹤镇党委副书记</p>", _INTERVIEW_FEEDS),
    (_INTERVIEW, "summary: 白鹤镇党委书记谈大调研：", "summary: 白鹤镇党委书记再谈大调研：",
     "</p><p>白鹤镇党委书记再谈大调研：", _INTERVIEW_FEEDS),
], ids=["case-actions", "case-status", "case-outcome", "interviewee-role", "interview-summary"])
def test_a_case_fact_or_interviewee_edited_in_front_matter_rewrites_the_feeds_showing_it(
        tmp_path: Path, rel: str, typed: str, retyped: str, shown: str, feeds: tuple[str, ...]) -> None:
    # A feed entry shows what the page shows above the text (a case's status, problem, actions and outcome; an
    # interview's interviewee and summary): an incremental build that kept the feed would leave subscribers the old words.
    root = copy_example(tmp_path / "site")
    build(BuildOptions(root=root, search=False))
    edit_file(root, rel, typed, retyped)
    edited = build(BuildOptions(root=root, search=False))
    assert set(feeds) <= set(edited.changed_paths)
    escaped = shown.replace("<", "&lt;").replace(">", "&gt;")  # the entry's HTML, as the Atom text holds it
    incremental = {feed: (root / "output" / feed).read_bytes() for feed in feeds}
    assert all(escaped.encode() in data for data in incremental.values())
    _assert_same_as_clean_build(root, tmp_path / "clean", rel)
    assert {feed: (tmp_path / "clean/output" / feed).read_bytes() for feed in feeds} == incremental
