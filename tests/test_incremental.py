"""Rebuilds: what a change writes, and that an incremental build equals a clean one."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build import BuildOptions, build

from .sitekit import interview, tree_hashes, write_site

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


EDITS = st.lists(st.tuples(st.sampled_from(["edit", "add", "delete", "retitle", "template", "config"]),
                           st.integers(0, 7)), min_size=1, max_size=5)


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


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_incremental_builds_equal_clean_builds(tmp_path_factory, edits: list[tuple[str, int]]) -> None:
    """Random edits, additions, deletions, template and config changes: after each, the
    incremental build's output is byte-identical to a clean build of the same sources."""
    base = tmp_path_factory.mktemp("incremental")
    root = _site(base / "site", 5)
    build(BuildOptions(root=root, search=False))
    for kind, n in edits:
        _apply(root, kind, n)
        build(BuildOptions(root=root, search=False))
        clean = base / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(root, clean, ignore=shutil.ignore_patterns("output", ".sitegen-cache", ".output*"))
        build(BuildOptions(root=clean, search=False, cache=False))
        assert tree_hashes(root / "output") == tree_hashes(clean / "output"), (kind, n)
