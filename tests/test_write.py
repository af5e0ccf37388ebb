"""Publishing the output folder: atomic, never outside its folder, one writer at a time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

import sitegen.write
from sitegen.build import BuildOptions, build
from sitegen.errors import SiteError
from sitegen.write import (MANIFEST, PREVIEW_MARK, PREVIEW_MARK_TEXT, Kept, OtherSiteError, OutputBusyError,
                           SiteIdentity, Stamp, UnsafeOutputError, check_output_folder, folder_digest, output_lock,
                           publish, read_manifest, read_site)

from .sitekit import interview, tree_hashes, write_site


def test_publish_writes_exactly_the_files_and_a_manifest(tmp_path: Path) -> None:
    output = tmp_path / "output"
    result = publish(output, {"index.html": b"<p>1</p>", "a/b/index.html": b"x"})
    assert tree_hashes(output) == {"index.html": b"<p>1</p>", "a/b/index.html": b"x",
                                   MANIFEST: b"a/b/index.html\nindex.html\n"}
    assert (result.files, result.changed, result.removed) == (2, 2, 0)


def test_second_publish_rewrites_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"keep.html": b"same", "old.html": b"gone soon"})
    inode = (output / "keep.html").stat().st_ino
    result = publish(output, {"keep.html": b"same", "new.html": b"new"})
    assert (result.files, result.changed, result.removed) == (2, 1, 1)
    assert not (output / "old.html").exists()
    assert (output / "keep.html").stat().st_ino == inode, "unchanged bytes are linked, not rewritten"


def test_files_sitegen_did_not_write_are_kept(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": b"1"})
    (output / "google123.html").write_bytes(b"verification")
    publish(output, {"index.html": b"2"})
    assert (output / "google123.html").read_bytes() == b"verification"
    assert (output / MANIFEST).read_text(encoding="utf-8") == "index.html\n"


def test_a_folder_with_foreign_files_and_no_manifest_is_refused(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "precious.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UnsafeOutputError) as refusal:
        publish(output, {"index.html": b"1"})
    assert tree_hashes(output) == {"precious.txt": b"mine"}
    assert str(refusal.value) == f"{output} already holds files that sitegen did not write (precious.txt)"
    assert refusal.value.hint.startswith("choose an empty or new folder (--output, or output_dir: in site.yaml): "
                                         "sitegen publishes only into a folder it made or an empty one")


def test_a_refused_folder_names_its_first_three_files_and_counts_the_rest(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    for name in ("报告.docx", "a.html", "b.css", "c.js", "d.png"):
        (output / name).write_text("x", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match=r"did not write \(a\.html, b\.css, c\.js and 2 more\)$"):
        publish(output, {"index.html": b"1"})


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "a/../../x", "C:/x", "a\\b", "a\x00b", MANIFEST])
def test_paths_leaving_the_output_folder_are_refused(tmp_path: Path, bad: str) -> None:
    output = tmp_path / "site" / "output"
    publish(output, {"index.html": b"old"})
    with pytest.raises(UnsafeOutputError):
        publish(output, {"index.html": b"new", bad: b"evil"})
    assert (output / "index.html").read_bytes() == b"old"
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "site" / "escape.html").exists()
    assert sorted(p.name for p in output.parent.iterdir()) == [".output.lock", "output"]


@pytest.mark.parametrize(("where", "message"), [
    ("root", "refusing to write the site into {root}: it is the site folder ({root})"),
    ("content", "refusing to write the site into content/: it is content/, which holds the sources"),
    ("templates", "refusing to write the site into templates/: it is templates/, which holds the sources"),
    ("data", "refusing to write the site into data/: it is data/, which holds the sources"),
    ("in data", "refusing to write the site into data/out/: it is inside data/, which holds the sources"),
    ("parent", "refusing to write the site into {parent}: it contains the site folder ({root})"),
    ("home", "refusing to write the site into {home}: it is your home folder ({home})"),
    ("slash", "refusing to write the site into /: it is /, the top of the disk"),
])
def test_output_folder_may_not_be_or_contain_the_sources(tmp_path: Path, where: str, message: str) -> None:
    # Paths inside the site are shown from it (data/), as in every other message; others in full.
    root = (tmp_path / "site").resolve()
    places = {"root": root, "content": root / "content", "templates": root / "templates", "data": root / "data",
              "in data": root / "data" / "out", "parent": root.parent, "home": Path.home(), "slash": Path("/")}
    with pytest.raises(UnsafeOutputError) as refusal:
        check_output_folder(places[where], [root, root / "content", root / "templates"],
                            [root / "content", root / "templates", root / "data"], root=root)
    assert str(refusal.value) == message.format(root=root, parent=root.parent, home=Path.home().resolve())


def test_build_with_output_at_site_root_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, output="."))
    assert "refusing to write the site" in failure.value.problems[0].message
    assert sorted(p.name for p in root.iterdir()) == ["content", "site.yaml"]


@contextmanager
def _lock_held_elsewhere(output: Path) -> Iterator[None]:
    """Another process holds ``output``'s lock (`output_lock`) while the block runs; it is killed after it."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from pathlib import Path; from sitegen.write import output_lock\n"
         f"with output_lock(Path({str(output)!r})):\n    print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": b"1"})
    with _lock_held_elsewhere(output):
        with pytest.raises(OutputBusyError, match="another sitegen build is writing"):
            publish(output, {"index.html": b"2"})
        assert (output / "index.html").read_bytes() == b"1"
    with output_lock(output):  # released when the holder died
        pass


def _big_site(root: Path, version: int) -> None:
    files = {f"content/interviews/p{i:03d}.md": interview(f"访谈{i}号（第{version}版）", body="## 问题\n\n" + "回答。" * 200)
             for i in range(120 + version * 7)}
    write_site(root, files)
    for extra in (root / "content" / "interviews").glob("p*.md"):
        if int(extra.stem[1:]) >= 120 + version * 7:
            extra.unlink()


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL a build at random moments: output/ is always exactly one complete site."""
    states = []
    for version in (1, 2):
        _big_site(tmp_path / f"v{version}", version)
        build(BuildOptions(root=tmp_path / f"v{version}"))
        states.append(tree_hashes(tmp_path / f"v{version}" / "output"))
    old, new = states
    assert old != new
    site = tmp_path / "site"
    _big_site(site, 1)
    build(BuildOptions(root=site))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site), "--quiet"], check=True)
    duration = time.perf_counter() - started
    chooser = random.Random(20181226)
    outcomes = set()
    for _ in range(8):
        _big_site(site, 2)
        process = subprocess.Popen([sys.executable, "-m", "sitegen", "build", "--site", str(site), "--quiet"])
        time.sleep(chooser.uniform(0.05, duration * 1.1))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        state = tree_hashes(site / "output")
        assert state in (old, new), "output/ is a mix of two builds"
        outcomes.add("new" if state == new else "old")
        _big_site(site, 1)
        build(BuildOptions(root=site))
        assert tree_hashes(site / "output") == old
        leftovers = [p.name for p in site.iterdir() if ".staging-" in p.name or ".old-" in p.name]
        assert leftovers == [], "the next build cleans up what a killed one left"
    assert outcomes, outcomes


def test_publishing_the_same_files_again_writes_nothing(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": b"1", "a/index.html": b"2"})
    inode = (output / "index.html").stat().st_ino
    folder_inode = output.stat().st_ino
    result = publish(output, {"index.html": b"1", "a/index.html": b"2"})
    assert (result.files, result.changed, result.removed) == (2, 0, 0)
    assert output.stat().st_ino == folder_inode, "the folder was not swapped"
    assert (output / "index.html").stat().st_ino == inode


def test_derived_files_count_as_published_only_when_present(tmp_path: Path) -> None:
    output = tmp_path / "output"

    def index(staging: Path) -> None:
        (staging / "pagefind").mkdir()
        (staging / "pagefind" / "index.json").write_bytes(b"{}")

    publish(output, {"index.html": b"1"}, finish=index, derived="pagefind/")
    folder_inode = output.stat().st_ino
    publish(output, {"index.html": b"1"}, finish=index, derived="pagefind/")
    assert output.stat().st_ino == folder_inode, "same pages, same index: nothing to do"
    publish(output, {"index.html": b"1"})  # without the search step the index goes
    assert not (output / "pagefind").exists()
    publish(output, {"index.html": b"1"}, finish=index, derived="pagefind/")
    assert (output / "pagefind" / "index.json").read_bytes() == b"{}"


def test_kept_files_are_linked_and_stale_ones_refilled(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, {"a.html": b"A", "b.html": b"B"})
    kept_a, kept_b = Kept(Stamp.of(out / "a.html")), Kept(Stamp.of(out / "b.html"))
    (out / "b.html").write_bytes(b"changed by hand")  # the stamp no longer matches
    asked: list[list[str]] = []

    def refill(paths: list[str]) -> dict[str, bytes]:
        asked.append(paths)
        return {path: b"B again" for path in paths}

    result = publish(out, {"a.html": kept_a, "b.html": kept_b, "c.html": b"C"}, refill=refill)
    assert asked == [["b.html"]]
    assert {p: (out / p).read_bytes() for p in ("a.html", "b.html", "c.html")} == {
        "a.html": b"A", "b.html": b"B again", "c.html": b"C"}
    assert result.changed_paths == ("b.html", "c.html")


def test_publish_gives_the_status_of_the_files_it_left_as_they_were_as_they_are_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {"a.html": b"A", "b/c.html": b"C"}
    assert publish(out, files).status == {}  # every file new
    publish(out, {**files, "d.html": b"D"})  # the first site, whose files these are too, becomes the spare
    result = publish(out, {**{rel: Kept(Stamp.of(out / rel)) for rel in files}, "d.html": b"D2"})
    assert sorted(result.status) == ["a.html", "b/c.html"]  # the spare held them already: left as they were
    assert {rel: Stamp.of_stat(info) for rel, info in result.status.items()} == {
        rel: Stamp.of(out / rel) for rel in files}


def test_a_stale_kept_file_without_refill_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    publish(out, {"a.html": b"A"})
    stamp = Stamp.of(out / "a.html")
    (out / "a.html").write_bytes(b"edited")
    with pytest.raises(UnsafeOutputError, match="changed while the site was being built"):
        publish(out, {"a.html": Kept(stamp), "new.html": b"N"})
    assert sorted(p.name for p in out.iterdir()) == [".sitegen-manifest", "a.html"]


def test_a_publishers_links_in_the_output_stay_links_to_the_same_place(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "files").mkdir(parents=True)
    (outside / "files" / "report.pdf").write_bytes(b"%PDF")
    (outside / "note.txt").write_text("outside", encoding="utf-8")
    output = tmp_path / "output"
    publish(output, {"index.html": b"1", "a/index.html": b"a"})
    (output / "downloads").symlink_to(outside / "files", target_is_directory=True)
    (output / "a" / "note.txt").symlink_to("../../outside/note.txt")
    (output / "gone.txt").symlink_to(outside / "missing.txt")
    (output / "index.html.link").symlink_to("index.html")
    for _ in range(2):  # from an empty staging folder, then from the spare
        publish(output, {"index.html": b"2", "a/index.html": b"b"})
        assert {name: os.readlink(output / name) for name in ("downloads", "a/note.txt", "gone.txt",
                                                               "index.html.link")} == {
            "downloads": str(outside / "files"), "a/note.txt": "../../outside/note.txt",
            "gone.txt": str(outside / "missing.txt"), "index.html.link": "index.html"}
        assert (output / "downloads" / "report.pdf").read_bytes() == b"%PDF"
        assert (output / "index.html").read_bytes() == b"2" and (output / "a/index.html").read_bytes() == b"b"
        assert (output / MANIFEST).read_text(encoding="utf-8") == "a/index.html\nindex.html\n"
    assert (outside / "note.txt").read_text(encoding="utf-8") == "outside"  # never written through


def test_the_sites_own_file_wins_over_a_foreign_one_in_its_place(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": b"1"})
    (output / "units").symlink_to(tmp_path, target_is_directory=True)
    publish(output, {"index.html": b"1", "units/baihe/index.html": b"u"})
    assert not (output / "units").is_symlink()
    assert (output / "units/baihe/index.html").read_bytes() == b"u"


def test_a_build_that_may_not_write_beside_its_output_folder_says_where_it_writes(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # A deploy user owning only the web folder got "check the disk space and the folder's permissions", about a
    # folder it could write: the lock file goes beside it. (Simulated: as root, every folder can be written.)
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    build(BuildOptions(root=root, search=False))
    before = tree_hashes(root / "output")
    lock = root / ".output.lock"

    def refused(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == os.fspath(lock):
            raise PermissionError(13, "Permission denied", os.fspath(lock))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(sitegen.write, "open", refused, raising=False)  # the module's open, not the builtin
    (root / "content/interviews/a.md").write_text(interview(body="## 问题\n\n新的回答。\n"), encoding="utf-8")
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    [problem] = failure.value.problems
    assert problem.message == f"could not write the output: [Errno 13] Permission denied: '{lock}'"
    assert problem.hint == (
        f"a build writes beside the output folder too, in {root} (its lock file, the new site before it is "
        "swapped in, and the site before): let the user who builds write there, or build into a folder of its "
        "own and copy it; the previous output was left as it was")
    assert tree_hashes(root / "output") == before


# -- the lock file of a build that stops ------------------------------------------------------

def _stopping(kind: str) -> tuple[dict[str, bytes], object]:
    """The files and ``finish`` of a publish that stops: refused, failed or interrupted with Ctrl-C."""
    def finish(staging: Path) -> None:
        raise {"failed": OSError(28, "No space left on device"), "ctrl-c": KeyboardInterrupt()}[kind]
    return ({"index.html": b"new", "../escape.html": b"x"} if kind == "refused" else {"index.html": b"new"},
            finish if kind != "refused" else None)


@pytest.mark.parametrize("kind", ["refused", "failed", "ctrl-c"])
def test_a_publish_that_stops_removes_the_lock_file_it_made_and_keeps_one_it_found(tmp_path: Path,
                                                                                  kind: str) -> None:
    # A build refused for its output folder left ".www3.lock" beside it, among the publisher's folders.
    files, finish = _stopping(kind)
    for before in ([], [".www3.lock"]):
        for name in before:
            (tmp_path / name).write_bytes(b"")
        with pytest.raises((UnsafeOutputError, OSError, KeyboardInterrupt)):
            publish(tmp_path / "www3", files, finish=finish)  # type: ignore[arg-type]
        assert sorted(path.name for path in tmp_path.iterdir() if path.name.endswith(".lock")) == before
        assert not (tmp_path / "www3").exists()


def test_a_stopped_publish_never_removes_the_lock_file_another_build_holds(tmp_path: Path) -> None:
    output = tmp_path / "output"
    with _lock_held_elsewhere(output):
        with pytest.raises(OutputBusyError):
            publish(output, {"index.html": b"1"})
        assert (tmp_path / ".output.lock").is_file()
        with pytest.raises(OutputBusyError):  # still held: the file the holder locked is the one there
            with output_lock(output):
                pass


def test_a_build_that_locked_a_lock_file_removed_meanwhile_locks_the_one_there(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A stopping build removes its lock file while holding it; a build that had opened that file locks it next,
    # while a third makes a new one: two builds would write at once unless the file locked is the one there.
    output = tmp_path / "output"
    lock = tmp_path / ".output.lock"
    lock.write_bytes(b"")

    def opened_then_removed(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = open(path, mode, *args, **kwargs)
        if os.fspath(path) == os.fspath(lock) and mode == "r+b":
            os.unlink(lock)  # as the stopping build does, between this open and the lock
        return handle

    monkeypatch.setattr(sitegen.write, "open", opened_then_removed, raising=False)
    with output_lock(output):
        monkeypatch.undo()
        held = os.stat(lock)  # made anew, and locked: another build is refused
        checker = subprocess.run(
            [sys.executable, "-c", "from pathlib import Path; from sitegen.write import output_lock\n"
             f"with output_lock(Path({str(output)!r})):\n    pass"], capture_output=True, text=True)
        assert "another sitegen build is writing" in checker.stderr
    assert os.stat(lock).st_ino == held.st_ino


# -- the site that wrote an output folder ---------------------------------------------------------

BAIHE = SiteIdentity("/srv/sites/baihe", "白鹤镇进度公开", "https://example.gov.cn/baihe/")


@pytest.mark.parametrize(("building", "refused"), [
    (BAIHE, False),
    (SiteIdentity("/home/li/baihe", BAIHE.title, BAIHE.base_url), False),  # the site folder moved or renamed
    (SiteIdentity(BAIHE.folder, "白鹤镇大调研进度", BAIHE.base_url), False),  # its title edited
    (SiteIdentity(BAIHE.folder, BAIHE.title, "https://baihe.example.gov.cn/"), False),  # its address changed
    (SiteIdentity("/home/li/baihe", "白鹤镇大调研进度", BAIHE.base_url), True),  # moved and retitled at once
    (SiteIdentity("/srv/sites/huaxin", "华新镇进度公开", "https://example.gov.cn/huaxin/"), True),
    (SiteIdentity("/srv/sites/huaxin", "华新镇进度公开", BAIHE.base_url), True),  # built for Baihe's address
    (SiteIdentity("/srv/sites/huaxin", BAIHE.title, "https://example.gov.cn/huaxin/"), True),
])
def test_another_sites_output_is_refused_and_left_as_it_was(tmp_path: Path, building: SiteIdentity,
                                                             refused: bool) -> None:
    # sitegen build --site /srv/sites/huaxin --output /var/www/baihe replaced Baihe's published site, unwarned.
    output = tmp_path / "www" / "baihe"
    publish(output, {"index.html": b"baihe"}, site=BAIHE)
    assert (output / MANIFEST).read_text(encoding="utf-8") == (
        '#site {"base_url": "https://example.gov.cn/baihe/", "folder": "/srv/sites/baihe", '
        '"title": "白鹤镇进度公开"}\nindex.html\n')
    before = tree_hashes(output)
    if not refused:
        publish(output, {"index.html": b"new"}, site=building, keep_other_site=True)
        assert read_site(output) == building and (output / "index.html").read_bytes() == b"new"
        return
    with pytest.raises(OtherSiteError) as refusal:
        publish(output, {"index.html": b"new"}, site=building, keep_other_site=True)
    assert str(refusal.value) == (
        f'refusing to write the site into {output}: it holds another site\'s output, "白鹤镇进度公开" built for '
        f'https://example.gov.cn/baihe/ from another site folder, which this build of "{building.title}" would '
        'replace')
    assert refusal.value.hint == (
        "choose another folder for this site (--output, or output_dir: in site.yaml); to replace that site with "
        "this one on purpose, build again with --replace-other-site")
    assert tree_hashes(output) == before and read_site(output) == BAIHE
    assert sorted(path.name for path in output.parent.iterdir()) == [".baihe.lock", "baihe"]  # the first build's
    publish(output, {"index.html": b"new"}, site=building)  # replaced on purpose: named by the new site from now on
    assert read_site(output) == building and read_manifest(output) == {"index.html"}


def test_an_output_that_names_no_site_or_is_no_published_one_is_never_refused(tmp_path: Path) -> None:
    huaxin = SiteIdentity(folder_digest(tmp_path / "huaxin"), "华新镇进度公开", "https://example.gov.cn/huaxin/",
                          root=(tmp_path / "huaxin").resolve())
    # Written by a sitegen that named no site: taken as this site's, and named by it from now on.
    old = tmp_path / "old"
    publish(old, {"index.html": b"1"})
    assert (old / MANIFEST).read_text(encoding="utf-8") == "index.html\n" and read_site(old) is None
    assert publish(old, {"index.html": b"1"}, site=huaxin, keep_other_site=True).changed == 0
    assert read_site(old) == huaxin and read_manifest(old) == {"index.html"}
    # Another site's preview (sitegen serve): nothing published is lost.
    preview = tmp_path / "preview"
    publish(preview, {"index.html": b"1", PREVIEW_MARK: PREVIEW_MARK_TEXT}, site=BAIHE)
    publish(preview, {"index.html": b"2"}, site=huaxin, keep_other_site=True)
    assert read_site(preview) == huaxin
    # A folder inside the site's own folder: output/ of a site folder copied to begin a new site.
    inside = tmp_path / "huaxin" / "output"
    publish(inside, {"index.html": b"1"}, site=BAIHE)
    publish(inside, {"index.html": b"2"}, site=huaxin, keep_other_site=True)
    assert read_site(inside) == huaxin
