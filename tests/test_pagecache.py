"""The cache of loaded pages: same result as loading, warnings kept, errors always found again."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from pathlib import Path
from unittest import mock

import pytest

from sitegen import pagecache
from sitegen.build import BuildOptions, BuildResult, build, check
from sitegen.errors import Report, SiteError
from sitegen.fresh import CACHE_DIR
from sitegen.pagecache import CACHE_FILE
from sitegen.sources import SourceReader

from .sitekit import UNIT, interview, tree_hashes, write_site

WARNED = interview("有警告的访谈", body="## 问题\n\n回答。<script>alert(1)</script>\n")


def _rows(root: Path) -> dict[str, str]:
    with sqlite3.connect(root / CACHE_DIR / CACHE_FILE) as db:
        return dict(db.execute("SELECT path, key FROM pages"))


def test_a_rebuild_takes_pages_from_the_cache_with_their_warnings(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": WARNED,
                                          "content/interviews/b.md": interview("访谈乙")})
    first = build(BuildOptions(root=root, search=False))
    assert sorted(_rows(root)) == ["content/interviews/a.md", "content/interviews/b.md",
                                   "content/series/dadiaoyan.yaml", "content/units/baihe.yaml"]
    again = build(BuildOptions(root=root, search=False))
    assert again.warnings == first.warnings and len(first.warnings) == 1
    assert check(BuildOptions(root=root)).problems == first.warnings


def test_an_edited_page_is_loaded_again_and_a_deleted_one_leaves_the_cache(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈甲"),
                                          "content/interviews/b.md": interview("访谈乙")})
    build(BuildOptions(root=root, search=False))
    before = _rows(root)
    (root / "content/interviews/a.md").write_text(interview("改了标题"), encoding="utf-8")
    (root / "content/interviews/b.md").unlink()
    build(BuildOptions(root=root, search=False))
    after = _rows(root)
    assert sorted(after) == ["content/interviews/a.md", "content/series/dadiaoyan.yaml", "content/units/baihe.yaml"]
    assert after["content/interviews/a.md"] != before["content/interviews/a.md"]
    assert after["content/units/baihe.yaml"] == before["content/units/baihe.yaml"]
    assert "改了标题" in (root / "output/interviews/a/index.html").read_text(encoding="utf-8")


def test_a_page_with_an_error_is_never_cached(tmp_path: Path) -> None:
    bad = interview("访谈甲").replace("date: 2018-05-03 10:00", "date: 明天")
    root = write_site(tmp_path / "site", {"content/interviews/a.md": bad})
    for _ in range(2):
        with pytest.raises(SiteError) as failure:
            build(BuildOptions(root=root, search=False))
        assert [p.path for p in failure.value.problems] == ["content/interviews/a.md"]
    assert "content/interviews/a.md" not in _rows(root)


@pytest.mark.parametrize("closing", ["———", "---\u3000", "...", "----"])
def test_a_page_whose_closing_line_is_mistyped_is_refused_by_every_build_and_check(tmp_path: Path,
                                                                                  closing: str) -> None:
    # The page is split at the mistyped line, so its fields are read and checked; its error comes from the
    # splitting, not from reading them, and a cached page would lose it on the next build.
    bad = interview("访谈甲").replace("\n---\n\n", f"\n{closing}\n\n")
    root = write_site(tmp_path / "site", {"content/interviews/a.md": bad})
    for _ in range(2):
        with pytest.raises(SiteError) as failure:
            build(BuildOptions(root=root, search=False))
        assert [(p.path, p.line) for p in failure.value.problems] == [("content/interviews/a.md", 9)]
    assert [(p.path, p.line) for p in check(BuildOptions(root=root)).problems] == [("content/interviews/a.md", 9)]
    assert "content/interviews/a.md" not in _rows(root)


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": WARNED})
    build(BuildOptions(root=root, search=False))
    clean = tree_hashes(root / "output")
    with sqlite3.connect(root / CACHE_DIR / CACHE_FILE) as db:
        db.execute("UPDATE pages SET value = x'00ff'")
    (root / "output/index.html").unlink()  # forces a real build
    result = build(BuildOptions(root=root, search=False))
    assert len(result.warnings) == 1 and tree_hashes(root / "output") == clean
    (root / CACHE_DIR / CACHE_FILE).write_bytes(b"not a database")
    (root / "output/index.html").unlink()
    assert len(build(BuildOptions(root=root, search=False)).warnings) == 1
    assert tree_hashes(root / "output") == clean


def test_records_come_from_the_cache_and_a_second_file_with_their_id_is_refused_every_time(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈甲")})
    build(BuildOptions(root=root, search=False))
    unit_row = _rows(root)["content/units/baihe.yaml"]
    (root / "content/units/baihe.yml").write_text(UNIT, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SiteError) as failure:
            build(BuildOptions(root=root, search=False))
        assert [(p.path, p.message) for p in failure.value.problems] == [
            ("content/units/baihe.yml", 'the id "baihe" is already used by content/units/baihe.yaml')]
    assert _rows(root)["content/units/baihe.yaml"] == unit_row
    (root / "content/units/baihe.yml").unlink()
    unit = root / "content/units/baihe.yaml"
    unit.write_text(UNIT.replace("name: 白鹤镇", "name: 白鹤新镇"), encoding="utf-8")
    build(BuildOptions(root=root, search=False))
    assert _rows(root)["content/units/baihe.yaml"] != unit_row
    assert "白鹤新镇" in (root / "output/units/baihe/index.html").read_text(encoding="utf-8")


def test_a_cached_page_points_at_the_same_line_and_column_as_a_fresh_load(tmp_path: Path) -> None:
    # The cache keeps a page's front matter text, not its YAML positions: they are found
    # again when a message needs them. A page cached while its unit existed, then the unit
    # removed: the error points where a load without the cache points (Windows line breaks
    # and an indented block included).
    page = ("---\r\ntitle: 访谈甲\r\ndate: 2018-05-03 10:00\r\nseries: dadiaoyan\r\n"
            "interviewee:\r\n  name: 受访人\r\n  role: 网格员\r\nunit:   qingpu\r\n---\r\n## 问题\r\n\r\n回答。\r\n")
    units = {"content/units/qingpu.yaml": UNIT.replace("白鹤镇", "青浦")}
    root = write_site(tmp_path / "site", {"content/interviews/a.md": page, **units})
    build(BuildOptions(root=root, search=False))
    (root / "content/units/qingpu.yaml").unlink()
    cached = check(BuildOptions(root=root)).problems
    fresh = check(BuildOptions(root=root, clean=True)).problems
    assert [(p.path, p.line, p.column) for p in cached if p.severity == "error"] == [
        ("content/interviews/a.md", 8, 9)]
    assert [p.format() for p in cached] == [p.format() for p in fresh]


def test_yaml_data_pickles_its_text_and_finds_the_same_positions() -> None:
    import pickle

    from sitegen.errors import Report
    from sitegen.yamltext import load_yaml

    text = "title: 访谈\r\ntags:\r\n  - 甲\r\n  - 乙\r\nimages:\r\n  - src: a.png\r\n    alt: 图\r\n"
    data = load_yaml(text, "content/interviews/a.md", Report(), first_line=2)
    assert data is not None
    copy = pickle.loads(pickle.dumps(data))
    assert copy._positions is None and copy._key_positions is None  # found again on first use
    assert copy.locate(("images", 0, "alt")) == (8, 10) == data.locate(("images", 0, "alt"))
    assert copy.locate_key(("tags", 1)) == (3, 1)
    assert dict(copy.positions) == dict(data.positions) and dict(copy.key_positions) == dict(data.key_positions)
    assert copy == data and copy.value == {"title": "访谈", "tags": ["甲", "乙"],
                                            "images": [{"src": "a.png", "alt": "图"}]}


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Move the page cache's clock a minute ahead: every file counts as settled, so its stamp is stored."""
    real = pagecache._now_ns
    monkeypatch.setattr(pagecache, "_now_ns", lambda: real() + 60 * 1_000_000_000)


def _reads(root: Path, options: BuildOptions) -> tuple[list[str], BuildResult]:
    """Build; return the page and record files read (opened) by it, and the result."""
    real = SourceReader.read
    read: list[str] = []

    def counting(self: SourceReader, rel: str, report: Report, info: object = None) -> object:
        read.append(rel)
        return real(self, rel, report, info)  # type: ignore[arg-type]

    with mock.patch.object(SourceReader, "read", counting):
        result = build(options)
    return sorted(rel for rel in read if rel.startswith("content/")), result


def test_a_page_whose_stamp_is_cached_is_not_read_again_and_an_edit_is_seen(tmp_path: Path, settled: None) -> None:
    files = {f"content/interviews/p{i}.md": interview(f"访谈{i}") for i in range(3)}
    gbk = interview("旧编码的访谈").encode("gb18030")
    root = write_site(tmp_path / "site", {**files, "content/interviews/gbk.md": gbk})
    options = BuildOptions(root=root, search=False, jobs=1)
    read, first = _reads(root, options)
    assert "content/interviews/p0.md" in read and len(first.warnings) == 1  # the GB18030 warning
    page = root / "content/interviews/p1.md"
    # Same size, same modification time: only the change time tells the edit apart.
    text = page.read_text(encoding="utf-8")
    times = page.stat()
    page.write_text(text.replace("回答", "答复"), encoding="utf-8")
    os.utime(page, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert page.stat().st_size == times.st_size
    read, again = _reads(root, options)
    assert read == ["content/interviews/p1.md", "content/series/dadiaoyan.yaml", "content/units/baihe.yaml"]
    assert again.warnings == first.warnings  # the reading warning of the file not read, as first reported
    assert "答复" in (root / "output/interviews/p1/index.html").read_text(encoding="utf-8")
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental


def test_a_file_changed_just_before_it_was_read_is_read_again(tmp_path: Path) -> None:
    # Without the clock moved: the files were written a moment ago, so their stamps are not
    # trusted (a later write in the same clock tick could leave them equal) and every page
    # is read again; its text still comes from the cache.
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈甲")})
    options = BuildOptions(root=root, search=False, jobs=1)
    build(options)
    read, _ = _reads(root, options)
    assert read == ["content/interviews/a.md", "content/series/dadiaoyan.yaml", "content/units/baihe.yaml"]


def test_settings_changed_since_a_page_was_cached_make_it_load_again(tmp_path: Path, settled: None) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈甲")})
    options = BuildOptions(root=root, search=False, jobs=1)
    build(options)
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "summary_length: 40\n", encoding="utf-8")
    read, _ = _reads(root, options)
    assert "content/interviews/a.md" in read
    assert _reads(root, options)[0] == ["content/series/dadiaoyan.yaml", "content/units/baihe.yaml"]


def test_stored_entries_come_back_whatever_order_they_are_asked_in(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    paths = [f"content/interviews/{n:04d}.md" for n in range(600)]  # more than one read-ahead
    store = pagecache.PageCache(folder)
    for index, path in enumerate(paths):
        store.put(path, f"key{index}", {"n": index}, [], source=f"source{index}")
    store.save()
    store = pagecache.PageCache(folder)
    order = paths[::-1][:200] + paths[:300:7] + paths[300:]  # backwards, skipping, then forwards
    found = {path: store.get(path, f"key{paths.index(path)}") for path in order}
    assert {path: entry.value["n"] for path, entry in found.items() if entry} == \
        {path: paths.index(path) for path in order}
    assert store.get(paths[5], "another key") is None  # a row whose key changed is not taken
    store.save()


def test_a_page_from_the_cache_brings_its_body_facts_and_a_lost_body_is_converted_again(
        tmp_path: Path, settled: None) -> None:
    from sitegen import bodies

    root = write_site(tmp_path / "site", {"content/interviews/a.md": WARNED,
                                          "content/interviews/b.md": interview("访谈乙")})
    options = BuildOptions(root=root, search=False, jobs=1)
    first = build(options)
    clean = tree_hashes(root / "output")
    asked: list[list[str]] = []
    real = bodies.BodyBook._read

    def reading(self: bodies.BodyBook, keys: list[str]) -> object:
        asked.append(keys)
        return real(self, keys)

    touched = root / "content/interviews/b.md"
    touched.write_text(touched.read_text(encoding="utf-8") + "\n多一句。\n", encoding="utf-8")
    with mock.patch.object(bodies.BodyBook, "_read", reading):
        again = build(options)
    # The edited page's body was converted; the other page's facts came with it from the page cache.
    assert not any(asked) and again.converted == 1
    assert again.warnings == first.warnings and len(first.warnings) == 1  # the <script> warning of a.md's body
    with sqlite3.connect(root / CACHE_DIR / bodies.CACHE_FILE) as db:
        db.execute("DELETE FROM bodies")
    (root / "templates").mkdir(exist_ok=True)  # every page is rendered again, a.md's body from its source
    (root / "templates/extra.html").write_text("", encoding="utf-8")
    lost = build(options)
    assert lost.converted == 2 and lost.warnings == first.warnings
    incremental = tree_hashes(root / "output")
    build(BuildOptions(root=root, search=False, clean=True))
    assert tree_hashes(root / "output") == incremental
    assert incremental != clean and "多一句" in (root / "output/interviews/b/index.html").read_text(encoding="utf-8")


def test_the_texts_a_build_keeps_hold_no_second_copy_after_pickling(tmp_path: Path) -> None:
    """Sending a page to a worker and storing it in the page cache pickle it; CPython then keeps each pickled
    text's UTF-8 form inside the text for good (1.5 times the size of a Chinese text), unless the text is
    pickled as bytes (`sitegen.wiretext`). The pages' texts, front matter and YAML text are kept as read."""
    import sys

    from sitegen.config import load_config
    from sitegen.load import PAGE_JOBS, load_content

    body = "## 问题一\n\n" + "白鹤镇收集问题清单二百九十六份，已解决一百零三份。" * 40 + "\n"
    pages = {f"content/interviews/p{number:02d}.md": interview(f"白鹤镇访谈{number}", body=body)
             for number in range(PAGE_JOBS + 4)}
    root = write_site(tmp_path / "site", pages)

    def grown(text: str) -> int:
        return sys.getsizeof(text) - sys.getsizeof(text.encode("utf-8", "surrogatepass").decode("utf-8"))

    for run in ("cold", "from the cache"):
        report = Report()
        content = load_content(load_config(root, report), report, workers=2, cache_folder=root / CACHE_DIR)
        assert not report.has_errors() and len(content.interviews) == len(pages), run
        for document in content.interviews:
            assert "二百九十六份" in document.body and "白鹤镇访谈" in document.front_matter
            texts = {"body": document.body, "front matter": document.front_matter, "YAML": document.yaml.text}
            assert {name: grown(text) for name, text in texts.items()} == dict.fromkeys(texts, 0), (run, document.path)


def test_the_figures_a_pages_text_gives_are_read_once_and_kept_with_it(tmp_path: Path) -> None:
    """The checks that read a text's figures against the tallies (four of them) ran on every page at every build:
    at 10,000 pages of which half give their tally in words, 3.4 s of a one-page rebuild. They are read with the
    page and kept in the page cache."""
    from datetime import date

    from sitegen import load
    from sitegen.checkfigures import page_figures
    from sitegen.config import load_config
    from sitegen.load import load_content

    from .sitekit import copy_example

    root = copy_example(tmp_path / "example")
    report = Report()
    [first] = load_content(load_config(root, report), report, cache_folder=root / CACHE_DIR).interviews
    with mock.patch.object(load, "page_figures", side_effect=AssertionError("read again")):
        [again] = load_content(load_config(root, report), report, cache_folder=root / CACHE_DIR).interviews
    assert not report.has_errors()
    given = {(figure.field, figure.value) for text in again.figures for figure in text
             if figure.day == date(2018, 4, 26)}
    assert given == {("batches", 318), ("collected", 296), ("escalated", 143), ("resolved", 103),
                     ("in_progress", 50)}
    assert again.figures == first.figures == page_figures(dataclasses.replace(again, figures=None))
