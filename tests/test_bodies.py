"""Markdown conversion: the build cache and worker processes change no byte of output."""

from __future__ import annotations

import sqlite3
import shutil
import subprocess
import sys

import pytest
from pathlib import Path

import sitegen.bodies as bodies_module
from sitegen.bodies import (CACHE_DIR, CACHE_FILE, Body, BodyBook, BodyJob, Stored, convert_and_store,
                            render_bodies)
from sitegen.build import BuildOptions, build
from sitegen.depends import load_rendered, rendered_record_path
from sitegen.markup import MarkdownRenderer, RenderedMarkdown, summarize
from sitegen.render import _parallel
from sitegen.workers import WorkerPool

from .sitekit import interview, tree_hashes, write_site

BODY = "## 问题{n}\n\n回答第{n}篇，*强调*，[链接](https://example.org/{n})。\n\n- 甲\n- 乙\n\n| 列 | 数 |\n|---|---|\n| 一 | {n} |\n"


def _site(root: Path, pages: int = 40) -> Path:
    files = {f"content/interviews/p{i:02d}.md": interview(f"访谈{i}", body=BODY.format(n=i)) for i in range(pages)}
    return write_site(root, files)


def test_a_stored_body_reads_back_exactly(tmp_path: Path) -> None:
    job = BodyJob("content/a.md", "## 问\n\n<script>x</script>正文 R&D\n\n![田](images/a.png?v=1&amp;w=2)\n", 7)
    renderer = MarkdownRenderer()
    rendered = renderer.render(job.body, job.path, job.first_line)
    assert rendered.problems, "the script removal is a warning"
    with BodyBook(tmp_path, renderer.settings_key, 20) as book:
        book.add(job, rendered)
    with BodyBook(tmp_path, renderer.settings_key, 20) as book:
        body = book.take([job], WorkerPool(1), renderer)[job.path]
    assert book.converted == 0
    assert (body.html, body.headings, body.word_count, body.problems, body.summary, body.images) == (
        rendered.html, rendered.headings, rendered.word_count, rendered.problems, summarize(rendered.lead, 20),
        rendered.images)
    assert body.images == ("images/a.png?v=1&w=2",)  # as the browser reads the src: entities decoded


def _facts(body: Body) -> tuple[object, ...]:
    return body.headings, body.word_count, body.problems, body.images, body.summary, body.html


def test_parallel_conversion_equals_serial() -> None:
    jobs = [BodyJob(f"content/p{i}.md", BODY.format(n=i) + "<b onclick=x>粗</b>\n", 5) for i in range(40)]
    serial = render_bodies(jobs, workers=1)
    parallel = render_bodies(jobs, workers=2)
    assert [_facts(serial.bodies[job.path]) for job in jobs] == [_facts(parallel.bodies[job.path]) for job in jobs]
    assert serial.converted == parallel.converted == 40
    assert serial.bodies["content/p3.md"].problems[0].line == 15  # the onclick, on the body's 11th line (body from line 5)


def test_a_body_reads_its_html_from_the_cache_and_equals_a_fresh_conversion(tmp_path: Path) -> None:
    renderer = MarkdownRenderer()
    jobs = [BodyJob(f"content/p{i}.md", BODY.format(n=i), 3) for i in range(3)]
    fresh = {job.path: renderer.render(job.body, job.path, job.first_line) for job in jobs}
    first = render_bodies(jobs, cache_folder=tmp_path, summary_length=20)
    assert first.converted == 3
    assert all(body._html is None for body in first.bodies.values())  # not held in memory
    again = render_bodies(jobs, cache_folder=tmp_path, summary_length=20)
    assert again.converted == 0
    for job in jobs:
        body, expected = again.bodies[job.path], fresh[job.path]
        assert (body.html, body.headings, body.word_count, body.problems, body.images) == (
            expected.html, expected.headings, expected.word_count, expected.problems, expected.images)
        assert body.summary == summarize(expected.lead, 20)
    # The cache lost an entry after loading: the body is converted again, to the same HTML.
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("DELETE FROM bodies")
    assert again.bodies["content/p1.md"].html == fresh["content/p1.md"].html
    # No cache folder: the HTML is held.
    held = render_bodies(jobs).bodies["content/p2.md"]
    assert held._html == held.html == fresh["content/p2.md"].html


def test_a_new_summary_length_makes_new_summaries(tmp_path: Path) -> None:
    job = BodyJob("content/p.md", "第一句话写在这里。第二句话也写在这里，还有更多的字。\n\n第二段。\n", 3)
    lead = MarkdownRenderer().render(job.body, job.path, job.first_line).lead
    assert render_bodies([job], cache_folder=tmp_path, summary_length=20).bodies[job.path].summary == \
        summarize(lead, 20) == "第一句话写在这里。第二句话也写在这里…"
    longer = render_bodies([job], cache_folder=tmp_path, summary_length=200)
    assert longer.converted == 0
    assert longer.bodies[job.path].summary == summarize(lead, 200) == "第一句话写在这里。第二句话也写在这里，还有更多的字。第二段。"


# Each build runs in a fresh, single-threaded process (as `sitegen build` does): a test process
# may hold other threads (a browser driver), and sitegen forks workers only without them.
_BUILD = ("import sys, sitegen.render as render; render.PARALLEL_PAGES = 2; "  # these few pages in workers too
          "from sitegen.cli import main; sys.exit(main(sys.argv[1:]))")


# Pages go to the workers in batches of 3 while the files are still being found (as a large site's do),
# and the build says how many batches it sent that way.
_STREAMED = ("import sys, atexit, sitegen.load as load, sitegen.workers as workers; "
             "load.STREAM_AFTER = 4; load.PAGE_BATCH = 3; sent = []; submit = workers.WorkerPool.submit; "
             "workers.WorkerPool.submit = lambda self, f, item: sent.append(len(item[0])) or submit(self, f, item); "
             "atexit.register(lambda: print('sent', sent, file=sys.stderr)); " + _BUILD)


def test_parallel_cached_and_serial_builds_write_the_same_bytes(tmp_path: Path) -> None:
    assert not _parallel(60, 1)  # one process: the serial build below
    trees = []
    for name, flags in (("serial", ["--jobs", "1"]), ("parallel", ["--jobs", "2"]), ("cached", ["--jobs", "2"]),
                        ("streamed", ["--jobs", "2"])):
        root = _site(tmp_path / name)
        runs = 2 if name == "cached" else 1  # the second build reads the cache
        for _ in range(runs):
            done = subprocess.run([sys.executable, "-c", _STREAMED if name == "streamed" else _BUILD, "build",
                                   "--site", str(root), "--no-search", "--verbose", *flags],
                                  capture_output=True, text=True, encoding="utf-8")
            assert done.returncode == 0, done.stderr
        if name == "streamed":  # 40 pages: 13 batches of 3 and the last one, in order
            assert f"sent {[3] * 13 + [1]}" in done.stderr
        if name != "cached":
            shutil.rmtree(root / CACHE_DIR)
        trees.append(tree_hashes(root / "output"))
    assert trees[0] == trees[1] == trees[2] == trees[3]


def test_a_parallel_cold_build_records_the_fingerprints_a_serial_one_does(tmp_path: Path) -> None:
    # With no record of an earlier build, the fingerprints are made while the workers render: the
    # record must still be the serial build's, or the next build would render every page again.
    # (One site folder for both: a page's fingerprint includes where its site is.)
    root = _site(tmp_path / "site")
    records = []
    for jobs in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", _BUILD, "build", "--site", str(root), "--no-search", "--clean",
                               "--jobs", jobs], capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        record = load_rendered(rendered_record_path(root / CACHE_DIR, root / "output"))
        records.append({path: (entry.fingerprint, entry.digest) for path, entry in record.items()})
    pages = {path for path in tree_hashes(root / "output") if path.endswith(".html")}
    assert records[0] == records[1]
    assert {path for path, (_, digest) in records[0].items() if digest} == pages
    assert {path for path, (_, digest) in records[0].items() if not digest} == {  # recorded without a digest
        "feed.xml", "series/dadiaoyan/feed.xml", "units/baihe/feed.xml", "sitemap.xml", "robots.txt",
        "data/tallies.csv", "data/tallies.json", "data/targets.csv", "data/milestones.csv", "data/units.csv",
        "data/units.json", "datapackage.json", "data/opendata.zip", "data/units/baihe/tallies.csv",
        "data/units/baihe/unit.json"}  # this site's 白鹤镇 has no targets or milestones, and it has no case study


def test_no_change_rebuild_converts_nothing_and_an_edit_converts_one(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    first = build(BuildOptions(root=root, search=False))
    assert first.converted == 40
    again = build(BuildOptions(root=root, search=False))
    assert (again.converted, again.changed, again.removed) == (0, 0, 0)
    page = root / "content/interviews/p07.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, search=False))
    assert edited.converted == 1
    assert "新增一句" in (root / "output/interviews/p07/index.html").read_text(encoding="utf-8")


def test_cache_drops_entries_no_build_uses(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", pages=3)
    build(BuildOptions(root=root, search=False))
    (root / "content/interviews/p02.md").unlink()
    build(BuildOptions(root=root, search=False))
    with sqlite3.connect(root / CACHE_DIR / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM bodies").fetchone() == (2,)


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", pages=3)
    build(BuildOptions(root=root, search=False))
    expected = tree_hashes(root / "output")
    (root / CACHE_DIR / CACHE_FILE).write_bytes(b"this is not a database")
    result = build(BuildOptions(root=root, search=False))
    assert result.converted == 3
    assert tree_hashes(root / "output") == expected


def test_clean_empties_the_cache_first(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", pages=3)
    build(BuildOptions(root=root, search=False))
    assert build(BuildOptions(root=root, search=False, clean=True)).converted == 3


def test_a_worker_stores_what_it_converts_and_sends_back_no_html(tmp_path: Path) -> None:
    jobs = [BodyJob(f"content/p{i}.md", BODY.format(n=i), 3) for i in range(3)]
    renderer = MarkdownRenderer()
    with BodyBook(tmp_path, renderer.settings_key, 20) as book:
        assert book.known(jobs) == set()  # makes the table, as a load does before its workers start
        results = convert_and_store(jobs, tmp_path, 20)
        assert all(isinstance(result, Stored) for result in results)
        bodies = [book.stored(job, result) for job, result in zip(jobs, results)]
    for job, body in zip(jobs, bodies):
        fresh = renderer.render(job.body, job.path, job.first_line)
        assert (body.html, body.headings, body.summary) == (fresh.html, fresh.headings, summarize(fresh.lead, 20))
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM bodies").fetchone() == (3,)
    # No cache, or one that cannot be written: the whole conversion comes back.
    assert all(isinstance(result, RenderedMarkdown) for result in convert_and_store(jobs, None, 20))
    (tmp_path / "blocked").write_text("a file where the cache folder should be", encoding="utf-8")
    assert all(isinstance(result, RenderedMarkdown) for result in convert_and_store(jobs, tmp_path / "blocked", 20))


def test_a_page_from_the_page_cache_finds_its_body_without_hashing_it_again(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path / "site", pages=5)
    first = build(BuildOptions(root=root, search=False, jobs=1))
    hashed: list[str] = []
    real = bodies_module.body_key
    monkeypatch.setattr(bodies_module, "body_key", lambda settings, job: hashed.append(job.path) or real(settings, job))
    page = root / "content/interviews/p02.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    (root / "content/interviews/p03.md").touch()  # read again, same text: taken from the page cache
    edited = build(BuildOptions(root=root, search=False, jobs=1))
    assert set(hashed) == {"content/interviews/p02.md"}
    assert (first.converted, edited.converted) == (5, 1)
    hashed.clear()
    again = build(BuildOptions(root=root, search=False, jobs=1, clean=True))
    assert again.converted == 5 and len(hashed) >= 5  # a clean build keys every body afresh
