"""Publishing through the spare: the site before the current one, kept beside the output, is the next staging folder.

Every test compares whole trees entry by entry (files with their bytes,
folders, links with their targets; links are never followed), so an extra
empty folder or a stray link counts as a difference.
"""

from __future__ import annotations

import os
import random
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable, Mapping

import pytest

import sitegen.write as write
from sitegen.write import LOCK, MANIFEST, SPARE, FileData, Kept, Stamp, publish

Tree = dict[str, tuple[str, bytes]]
"""Relative posix path → ("file", bytes) | ("folder", b"") | ("link", target) | ("other", b"")."""


def tree(root: Path) -> Tree:
    """Every entry under ``root``, links not followed; empty for a missing folder."""
    found: Tree = {}
    for current, folders, names in os.walk(root):
        for name in folders + names:
            path = Path(current, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.fsencode(os.readlink(path)))
            elif path.is_dir():
                found[rel] = ("folder", b"")
            elif path.is_file():
                found[rel] = ("file", path.read_bytes())
            else:
                found[rel] = ("other", b"")
    return found


def spare_tree(before: Mapping[str, bytes], after: Mapping[str, bytes]) -> Tree:
    """The spare once ``after`` is published over ``before``: ``before``'s folders and the files of it that
    ``after`` publishes with the same bytes; what the new site changed or removed is gone, its manifest too."""
    found = expected_tree(before)
    del found[MANIFEST]
    for rel, data in before.items():
        if after.get(rel) != data:
            del found[rel]
    return found


def expected_tree(files: Mapping[str, bytes], foreign: Mapping[str, bytes] = {}) -> Tree:
    """The output folder holding ``files`` (written by sitegen) and ``foreign`` files: folders, files, manifest."""
    found: Tree = {}
    for rel, data in {**files, **foreign}.items():
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            found["/".join(parts[:depth])] = ("folder", b"")
        found[rel] = ("file", data)
    found[MANIFEST] = ("file", "".join(f"{p}\n" for p in sorted(files)).encode())
    return found


def inodes(root: Path) -> dict[str, int]:
    """The inode of every regular file under ``root`` (links not followed)."""
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()}


def spare_of(output: Path) -> Path:
    """Where the spare of ``output`` lives: beside it."""
    return output.parent / f".{output.name}.spare"


def leftovers(output: Path) -> list[str]:
    """Staging and retired folders beside ``output`` (none once a publish is over)."""
    return sorted(p.name for p in output.parent.iterdir() if ".staging-" in p.name or ".old-" in p.name)


def search_index(staging: Path) -> None:
    """A stand-in for the search step: an index made from the pages alone."""
    pages = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*.html"))
    (staging / "pagefind").mkdir()
    (staging / "pagefind" / "index.json").write_text(",".join(pages), encoding="utf-8")
    (staging / "pagefind" / "fixed.js").write_bytes(b"always the same")


def index_of(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The files `search_index` makes for a site of ``files``."""
    return {"pagefind/index.json": ",".join(sorted(p for p in files if p.endswith(".html"))).encode(),
            "pagefind/fixed.js": b"always the same"}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count the folders and the hard links made inside staging folders (os.makedirs goes through os.mkdir)."""
    calls = {"mkdir": 0, "link": 0}
    for name in calls:
        real = getattr(os, name)

        def counting(*args: object, _real: Callable[..., object] = real, _name: str = name, **kwargs: object) -> object:
            made = args[1] if _name == "link" else args[0]  # link(source, target); mkdir(path, mode)
            if ".staging-" in os.fspath(made):  # type: ignore[arg-type]
                calls[_name] += 1
            return _real(*args, **kwargs)
        monkeypatch.setattr(os, name, counting)
    return calls


def test_a_sequence_of_publishes_leaves_exactly_the_wanted_site_each_time(tmp_path: Path) -> None:
    """Edits, additions, removals, file↔folder swaps, Kept and moved files, foreign files, a search index."""
    output = tmp_path / "output"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    foreign: dict[str, bytes] = {}
    steps: list[tuple[dict[str, bytes], bool, Callable[[], None]]] = [
        ({"index.html": b"home", "a/index.html": b"A", "a/b/index.html": b"B", "c": b"file c",
          "d/index.html": b"D", "assets/site.css": b"css"}, False, lambda: None),
        ({"index.html": b"home", "a/index.html": b"A2", "a/b/index.html": b"B", "c": b"file c",
          "e/index.html": b"E", "assets/site.css": b"css"}, True,
         lambda: foreign.update({"google1.html": b"verification"})),
        ({"index.html": b"home", "a/index.html": b"A2", "a/b": b"now a file", "c/index.html": b"now a folder",
          "e/index.html": b"E", "assets/site.css": b"css2"}, True,
         lambda: foreign.update({"verify/token.txt": b"t", "e/notes.txt": b"n"})),
        ({"index.html": b"home", "a/index.html": b"A2", "a/b/index.html": b"B", "c": b"file c",
          "e/index.html": b"E", "assets/site.css": b"css2"}, False,
         lambda: foreign.pop("google1.html")),
        ({"index.html": b"home2", "a/index.html": b"A2", "a/b/index.html": b"B", "c": b"file c",
          "e/index.html": b"E", "assets/site.css": b"css2"}, True,
         lambda: foreign.update({"verify/token.txt": b"t2"})),
        ({"index.html": b"home2", "a/index.html": b"A2", "a/b/index.html": b"B", "c": b"file c",
          "e/index.html": b"E", "assets/site.css": b"css2"}, True, lambda: None),
    ]
    published: dict[str, bytes] = {}
    written_before: set[str] = set()
    for number, (files, searched, hand_edit) in enumerate(steps):
        before_foreign = dict(foreign)
        hand_edit()
        for rel in set(before_foreign) - set(foreign):
            (output / rel).unlink()
        for rel, data in foreign.items():
            (output / rel).parent.mkdir(parents=True, exist_ok=True)
            (output / rel).write_bytes(data)
        given: dict[str, FileData] = {}
        for index, (rel, data) in enumerate(sorted(files.items())):
            if published.get(rel) == data and index % 2 == 0:
                given[rel] = Kept(Stamp.of(output / rel))  # type: ignore[arg-type]
            elif index % 3 == 0:
                given[rel] = scratch / f"{number}-{index}"
                given[rel].write_bytes(data)  # type: ignore[union-attr]
            else:
                given[rel] = data
        before = inodes(output) if output.exists() else {}
        result = publish(output, given, finish=search_index if searched else None,
                         derived="pagefind/" if searched else None)

        wanted = {**files, **(index_of(files) if searched else {})}
        assert tree(output) == expected_tree(wanted, foreign), f"step {number}"
        after = inodes(output)
        assert [rel for rel, data in files.items() if published.get(rel) == data
                and after[rel] != before[rel]] == [], "a file whose bytes did not change keeps its inode"
        if wanted == published and set(written_before) == set(wanted):
            assert (result.files, result.changed_paths, result.removed_paths) == (len(wanted), (), ())
        else:
            changed = sorted(rel for rel in files if published.get(rel) != files[rel])
            changed += sorted(rel for rel in set(wanted) - set(files) if published.get(rel) != wanted[rel])
            assert result.changed_paths == tuple(changed), f"step {number}"
            assert result.removed_paths == tuple(sorted(written_before - set(wanted)))
        assert result.files == len(wanted)
        assert leftovers(output) == []
        assert spare_of(output).is_dir() == (number > 0), "the old site is kept as the spare from the second publish on"
        published, written_before = dict(wanted), set(wanted)


def test_the_spare_is_reused_so_a_small_change_makes_no_folders(tmp_path: Path, counted: dict[str, int]) -> None:
    output = tmp_path / "output"
    site = {f"p{i}/index.html": b"page %d" % i for i in range(300)} | {"index.html": b"home"}
    publish(output, site)
    publish(output, {**site, "index.html": b"home 2"})  # no spare yet: staging is made from nothing
    made_from_nothing = dict(counted)
    assert made_from_nothing["mkdir"] >= 300 and made_from_nothing["link"] >= 300
    spare_inodes = inodes(spare_of(output))

    result = publish(output, {**site, "index.html": b"home 3", "p7/index.html": b"page 7 edited"})
    assert counted["mkdir"] - made_from_nothing["mkdir"] == 0, "every folder came with the spare"
    assert counted["link"] - made_from_nothing["link"] <= 1, "only the file changed last time is linked again"
    assert result.changed_paths == ("index.html", "p7/index.html")
    assert tree(output) == expected_tree({**site, "index.html": b"home 3", "p7/index.html": b"page 7 edited"})
    now = inodes(output)
    assert all(now[rel] == spare_inodes[rel] for rel in site if rel not in ("index.html", "p7/index.html")), \
        "the spare's untouched files are the published ones, left where they were"


def test_hand_edits_inside_the_spare_never_reach_the_output(tmp_path: Path) -> None:
    """A changed file (in place, or replaced), extra files and folders, links to outside, swapped kinds."""
    output = tmp_path / "output"
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_bytes(b"secret")
    (outside / "folder" / "keep.txt").write_bytes(b"keep")
    outside_before = tree(outside)
    v1 = {"index.html": b"1", "a/index.html": b"a", "b/index.html": b"b", "c/d/index.html": b"d", "e": b"e",
          "f/index.html": b"f"}
    v2 = {**v1, "index.html": b"2"}
    publish(output, v1)
    publish(output, v2)
    spare = spare_of(output)
    (spare / "index.html").write_bytes(b"tampered in place")  # the old version: a file of its own
    tampered = spare / "a" / "tmp"
    tampered.write_bytes(b"tampered, new inode")
    os.replace(tampered, spare / "a" / "index.html")  # a file shared with the output, replaced
    (spare / "extra.html").write_bytes(b"extra")
    (spare / "extra" / "deep").mkdir(parents=True)
    (spare / "extra" / "deep" / "x.html").write_bytes(b"x")
    (spare / "b" / "index.html").unlink()
    (spare / "b" / "index.html").symlink_to(outside / "secret.txt")
    os.rename(spare / "c", spare / "moved")
    (spare / "c").symlink_to(outside / "folder")  # a link where a folder must be
    (spare / "e").unlink()
    (spare / "e").mkdir()  # a folder where a file must be
    (spare / "e" / "inside.html").write_bytes(b"inside")
    for entry in (spare / "f").iterdir():
        entry.unlink()
    (spare / "f").rmdir()
    (spare / "f").write_bytes(b"a file where a folder must be")
    (spare / MANIFEST).write_text("extra.html\n", encoding="utf-8")
    os.mkfifo(spare / "pipe")

    v3 = {**v2, "g/index.html": b"g"}
    result = publish(output, v3)
    assert tree(output) == expected_tree(v3)
    assert result.changed_paths == ("g/index.html",)
    assert tree(outside) == outside_before, "links in the spare are removed, never followed"


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_spare_that_is_not_a_folder_is_removed_and_the_site_built_from_nothing(tmp_path: Path, kind: str) -> None:
    output = tmp_path / "output"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.html").write_bytes(b"not the site")
    publish(output, {"index.html": b"1"})
    if kind == "link":
        spare_of(output).symlink_to(outside)
    else:
        spare_of(output).write_bytes(b"a file")
    publish(output, {"index.html": b"2", "a/index.html": b"a"})
    assert tree(output) == expected_tree({"index.html": b"2", "a/index.html": b"a"})
    assert tree(outside) == {"index.html": ("file", b"not the site")}
    assert spare_of(output).is_dir() and not spare_of(output).is_symlink()
    assert tree(spare_of(output)) == spare_tree({"index.html": b"1"}, {"index.html": b"2", "a/index.html": b"a"})


def test_with_g_s_the_files_and_folders_a_build_makes_inside_take_the_output_folders_group(tmp_path: Path) -> None:
    # chgrp daemon output; chmod 2750 output: the page just edited came out root:root and 640, and the web
    # server, reading through the group, answered 403 for it; subfolders lost the group and g+s.
    output = tmp_path / "output"
    publish(output, {"index.html": b"home", "a/index.html": b"1"})
    publish(output, {"index.html": b"home", "a/index.html": b"2"})  # the spare now holds folder a, made before
    others = [gid for gid in os.getgroups() if gid != os.getegid()]
    group = 33 if os.geteuid() == 0 else (others[0] if others else os.getegid())
    os.chown(output, -1, group)
    os.chmod(output, 0o2750)
    rendered = tmp_path / "rendered.html"  # a page rendered elsewhere and moved in whole
    rendered.write_bytes(b"moved in")
    publish(output, {"index.html": b"home", "a/index.html": b"3", "b/c/index.html": rendered})
    assert (output / "b/c/index.html").read_bytes() == b"moved in"
    for rel in ("", "a", "b", "b/c"):
        info = os.stat(output / rel)
        assert (info.st_gid, bool(info.st_mode & stat.S_ISGID)) == (group, True), rel
    for rel in ("a/index.html", "b/c/index.html", ".sitegen-manifest"):
        assert os.stat(output / rel).st_gid == group, rel
    assert stat.S_IMODE(os.stat(output).st_mode) == 0o2750


def _readme_command(start: str) -> str:
    """The shell command the README's "Publish" section gives that starts with ``start``, as written there."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [command] = re.findall("`(" + re.escape(start) + "[^`]*)`", readme)
    return command


def _web_group() -> str:
    """A group this test may give files to and that is not the process's own: www-data as root (the group the
    README names), else another group of the user's; skips the test when there is none."""
    import grp

    if os.geteuid() == 0:
        return "www-data" if "www-data" in {entry.gr_name for entry in grp.getgrall()} else grp.getgrgid(33).gr_name
    others = [gid for gid in os.getgroups() if gid != os.getegid()]
    if not others:
        pytest.skip("the user is in no group but its own")
    return grp.getgrgid(others[0]).gr_name


def _all_in_group(output: Path, group: str) -> list[str]:
    """What under ``output`` is not in ``group`` (readable by it), or a folder without g+s: empty when all is."""
    import grp

    gid = grp.getgrnam(group).gr_gid
    wrong = []
    for path in [output, *output.rglob("*")]:
        info = os.stat(path)
        needs = stat.S_ISGID | stat.S_IRGRP | stat.S_IXGRP if path.is_dir() else stat.S_IRGRP
        if info.st_gid != gid or info.st_mode & needs != needs:
            wrong.append(path.relative_to(output).as_posix())
    return wrong


@pytest.mark.parametrize("when", ["before the first build", "on a folder that holds a site"])
def test_the_readmes_commands_give_every_file_of_the_site_the_web_servers_group(tmp_path: Path, when: str) -> None:
    # The README said chgrp and chmod 2750 on output/ made what a build puts inside take its group: on a folder
    # that held a site already, every file a build left unchanged (never written again, --clean neither) kept
    # root:root, and nginx, reading through the group, answered 403 for 47 of 68 files.
    group = _web_group()
    output = tmp_path / "output"
    first = {"index.html": b"home", "a/index.html": b"1", "assets/site.css": b"css"}
    if when == "before the first build":
        command = _readme_command("mkdir output && chgrp")
        subprocess.run(["sh", "-c", command.replace("www-data", group)], cwd=tmp_path, check=True)
        publish(output, first)
    else:
        publish(output, first)
        publish(output, first | {"a/index.html": b"2"})  # a spare, as after any second build
        command = _readme_command("chgrp -R")
        subprocess.run(["sh", "-c", command.replace("www-data", group)], cwd=tmp_path, check=True)
    assert _all_in_group(output, group) == []
    for number in range(3):  # a page edited, a folder added, then nothing changed but the build is clean
        publish(output, first | {"a/index.html": b"3", "b/c/index.html": b"%d" % number}, from_spare=number != 2)
        assert _all_in_group(output, group) == [], number
    assert stat.S_IMODE(os.stat(output).st_mode) & 0o7007 == 0o2000  # others: nothing, as chmod 2750


def test_a_clean_build_keeps_each_unchanged_file_and_writes_nothing_when_nothing_changed(tmp_path: Path) -> None:
    # The README said --clean "builds the new site in an empty folder": it is new, but holds the published files
    # themselves wherever their bytes are the same, and when none changed nothing is written at all.
    output = tmp_path / "output"
    site = {"index.html": b"home", "a/index.html": b"1"}
    publish(output, site)
    folder, page = os.stat(output).st_ino, os.stat(output / "index.html").st_ino
    publish(output, site, from_spare=False)
    assert (os.stat(output).st_ino, os.stat(output / "index.html").st_ino) == (folder, page)
    publish(output, site | {"a/index.html": b"2"}, from_spare=False)
    assert os.stat(output).st_ino != folder and os.stat(output / "index.html").st_ino == page


class Interrupted(BaseException):
    """Stands for an interruption (Ctrl-C) in the middle of a publish."""


def _three_sites() -> tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes]]:
    """Three versions of a site: some pages change, and ``x`` is a folder, a file, then a deeper folder."""
    v1 = {f"p{i}/index.html": b"v1 %d" % i for i in range(20)} | {"x/index.html": b"x"}
    v2 = {f"p{i}/index.html": b"v2 %d" % i if i % 2 else b"v1 %d" % i for i in range(20)} | {"x": b"x file"}
    v3 = {f"p{i}/index.html": b"v3 %d" % i if i % 3 else b"v1 %d" % i for i in range(20)} | {"x/y/index.html": b"y"}
    return v1, v2, v3


def _failing(monkeypatch: pytest.MonkeyPatch, function: str, call: int, failure: type[BaseException]) -> None:
    """Make ``os.<function>`` raise ``failure`` on its ``call``-th use."""
    real = getattr(os, function)
    seen = {"calls": 0}

    def failing(*args: object, **kwargs: object) -> object:
        seen["calls"] += 1
        if seen["calls"] == call:
            raise failure("stopped midway")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, function, failing)


@pytest.mark.parametrize("failure", [Interrupted, OSError])
@pytest.mark.parametrize("call", [1, 6, 12])
def test_a_publish_failing_during_the_spare_update_keeps_the_output_and_the_next_copes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException], call: int) -> None:
    """Moving a written file into the half-updated spare fails; the output stays, and the next publish is exact.

    An interruption gives the half-updated staging folder back as the spare;
    an `OSError` removes it (it may come from the folder itself).
    """
    output = tmp_path / "output"
    v1, v2, v3 = _three_sites()
    publish(output, v1)
    publish(output, v2)
    publish(output, v1)  # the spare is now v2's site
    before = tree(output)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    given: dict[str, FileData] = {}
    for rel, data in v3.items():
        given[rel] = scratch / rel.replace("/", "_")
        given[rel].write_bytes(data)  # type: ignore[union-attr]
    with monkeypatch.context() as patched:
        _failing(patched, "replace", call, failure)
        with pytest.raises(failure):
            publish(output, given)
    assert tree(output) == before
    assert leftovers(output) == []
    assert spare_of(output).is_dir() == (failure is Interrupted)

    publish(output, v3)
    assert tree(output) == expected_tree(v3)
    publish(output, v2)
    assert tree(output) == expected_tree(v2)


@pytest.mark.parametrize("function", ["unlink", "rmdir", "scandir"])
def test_a_spare_that_cannot_be_tidied_is_dropped_and_staging_made_from_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str) -> None:
    output = tmp_path / "output"
    v1, v2, v3 = _three_sites()
    publish(output, v1)
    publish(output, v2)
    (spare_of(output) / "extra").mkdir()  # so that tidying the spare is the first to remove a file and a folder
    (spare_of(output) / "extra" / "a.txt").write_bytes(b"put here by hand")
    with monkeypatch.context() as patched:
        _failing(patched, function, 1, PermissionError)
        result = publish(output, v3)
    assert tree(output) == expected_tree(v3)
    assert result.changed_paths == tuple(sorted(rel for rel in v3 if v2.get(rel) != v3[rel]))
    assert leftovers(output) == []
    assert tree(spare_of(output)) == spare_tree(v2, v3)


def test_where_a_hard_link_cannot_be_made_the_file_is_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "output"
    v1, v2, v3 = _three_sites()
    publish(output, v1)
    publish(output, v2)
    with monkeypatch.context() as patched:
        _failing(patched, "link", 1, OSError)
        result = publish(output, v3)
    assert tree(output) == expected_tree(v3)
    assert result.changed_paths == tuple(sorted(rel for rel in v3 if v2.get(rel) != v3[rel]))


def test_the_staging_folder_of_a_killed_build_is_removed_and_the_spare_kept(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish(output, {"index.html": b"1", "a/index.html": b"a"})
    publish(output, {"index.html": b"2", "a/index.html": b"a"})
    dead = output.parent / ".output.staging-999999"
    dead.mkdir()
    (dead / "index.html").write_bytes(b"half written")
    (output.parent / ".output.old-999999").mkdir()
    spare_before = tree(spare_of(output))
    write.remove_leftovers(output)
    assert leftovers(output) == [] and tree(spare_of(output)) == spare_before
    publish(output, {"index.html": b"3", "a/index.html": b"a"})
    assert tree(output) == expected_tree({"index.html": b"3", "a/index.html": b"a"})


def test_without_rename_exchange_the_retired_site_becomes_the_spare(tmp_path: Path, counted: dict[str, int],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    output = tmp_path / "output"
    site = {f"p{i}/index.html": b"%d" % i for i in range(50)}
    publish(output, site)
    publish(output, {**site, "p1/index.html": b"one"})
    assert tree(spare_of(output)) == spare_tree(site, {**site, "p1/index.html": b"one"})
    folders = counted["mkdir"]
    publish(output, {**site, "p2/index.html": b"two"})
    assert counted["mkdir"] == folders
    assert tree(output) == expected_tree({**site, "p2/index.html": b"two"})
    assert leftovers(output) == []


def test_foreign_files_follow_the_output_not_the_spare(tmp_path: Path) -> None:
    """A foreign file deleted by hand stays deleted; one changed by hand is carried over as it now is."""
    output = tmp_path / "output"
    publish(output, {"index.html": b"1"})
    (output / "gone.txt").write_bytes(b"gone soon")
    (output / "changed.txt").write_bytes(b"first")
    publish(output, {"index.html": b"2"})
    publish(output, {"index.html": b"3"})  # the spare now holds copies of both
    (output / "gone.txt").unlink()
    (output / "changed.txt").unlink()
    (output / "changed.txt").write_bytes(b"second")
    publish(output, {"index.html": b"4"})
    assert tree(output) == expected_tree({"index.html": b"4"}, {"changed.txt": b"second"})


def test_a_file_in_the_spare_is_never_written_into(tmp_path: Path) -> None:
    """The spare's files are hard links to published files: they are replaced, never opened for writing."""
    output = tmp_path / "output"
    site = {"index.html": b"1", "a/index.html": b"a"}
    publish(output, site)
    publish(output, {**site, "b/index.html": b"b"})
    published = output / "a" / "index.html"
    assert published.stat().st_nlink == 2, "shared with the spare"
    os.link(published, tmp_path / "the published file")
    publish(output, {**site, "a/index.html": b"a changed", "b/index.html": b"b"})
    assert (tmp_path / "the published file").read_bytes() == b"a", \
        "the old file, which was the published one, kept its bytes"
    assert (output / "a" / "index.html").read_bytes() == b"a changed"


def test_the_spare_never_holds_what_the_new_site_withdrew_or_changed(tmp_path: Path) -> None:
    # A spare beside an output folder inside a served one (/srv/www/html/.qd.spare) served the withdrawn
    # page at /.qd.spare/… until the next build.
    output = tmp_path / "output"
    site = {"index.html": b"home", "a/index.html": b"a", "secret/index.html": b"withdrawn soon", "c/index.html": b"c"}
    publish(output, site)
    publish(output, {**site, "c/index.html": b"c 2"})
    later = {"index.html": b"home", "a/index.html": b"a", "c/index.html": b"c mended"}
    result = publish(output, later)
    assert result.removed_paths == ("secret/index.html",)
    assert tree(spare_of(output)) == {"a": ("folder", b""), "a/index.html": ("file", b"a"),
                                      "c": ("folder", b""), "index.html": ("file", b"home"),
                                      "secret": ("folder", b"")}
    publish(output, {**later, "d/index.html": b"d"})  # the next build starts from that spare
    assert tree(output) == expected_tree({**later, "d/index.html": b"d"})


def test_the_output_folder_keeps_the_permissions_and_group_its_publisher_gave_it(tmp_path: Path) -> None:
    # chgrp www-data output; chmod 2750 output: the swap put the spare's folder, an older site's, in its
    # place, so it was drwxr-xr-x root:root after one build and drwxr-s--- root:www-data after the next.
    output = tmp_path / "output"
    publish(output, {"index.html": b"1"})
    group = 33 if os.geteuid() == 0 else os.getegid()  # a group the build's user may give
    os.chown(output, -1, group)
    os.chmod(output, 0o2750)
    for number in range(2, 5):
        publish(output, {"index.html": b"%d" % number})
        info = os.stat(output)
        assert (stat.S_IMODE(info.st_mode), info.st_gid) == (0o2750, group), number
        assert (output / "index.html").read_bytes() == b"%d" % number
    os.chmod(output, 0o555)  # no writing in it, even for its owner: the build still fills the new folder
    publish(output, {"index.html": b"5", "a/index.html": b"a"})
    assert stat.S_IMODE(os.stat(output).st_mode) == 0o555 and (output / "a/index.html").read_bytes() == b"a"
    os.chmod(output, 0o755)


PUBLISHER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from sitegen.write import publish
    count = int(sys.argv[2])
    files = {f"p{i}/index.html" if i % 7 else f"p{i}": b"new %d" % (i % 3) for i in range(count)}
    files.update({f"q{i}/index.html": b"added" for i in range(0, count, 5)})
    print("ready", flush=True)
    sys.stdin.readline()
    publish(Path(sys.argv[1]), files)
""")


def _killed_sites(count: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
    old = {f"p{i}/index.html" if i % 11 else f"p{i}": b"old %d" % (i % 2) for i in range(count)}
    new = {f"p{i}/index.html" if i % 7 else f"p{i}": b"new %d" % (i % 3) for i in range(count)}
    new.update({f"q{i}/index.html": b"added" for i in range(0, count, 5)})
    return old, new


def test_a_publish_killed_during_the_spare_update_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL a publish at random moments while it brings the spare up to date; then publish again."""
    output = tmp_path / "output"
    count = 3000
    old, new = _killed_sites(count)
    publish(output, new)
    publish(output, old)  # the spare now holds ``new``'s site
    started = time.perf_counter()
    publish(output, new)
    duration = time.perf_counter() - started
    publish(output, old)
    old_tree, new_tree = expected_tree(old), expected_tree(new)
    assert tree(output) == old_tree
    chooser = random.Random(20240607)
    outcomes = set()
    for _ in range(6):
        process = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(output), str(count)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline().strip() == "ready"
        process.stdin.write("go\n")
        process.stdin.flush()
        time.sleep(chooser.uniform(0, duration * 2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = tree(output)
        assert state in (old_tree, new_tree), "output/ is a mix of two sites"
        outcomes.add("new" if state == new_tree else "old")
        publish(output, old)
        assert tree(output) == old_tree
        assert leftovers(output) == []
    assert outcomes


def test_a_publish_not_from_the_spare_starts_from_an_empty_folder(tmp_path: Path, counted: dict[str, int]) -> None:
    output = tmp_path / "output"
    files = {"a/index.html": b"A", "b/index.html": b"B"}
    publish(output, files)
    publish(output, {**files, "b/index.html": b"B2"})
    before = counted["mkdir"]
    publish(output, {**files, "b/index.html": b"B3"})
    assert counted["mkdir"] == before  # built in the spare
    publish(output, {**files, "b/index.html": b"B4"}, from_spare=False)
    assert counted["mkdir"] - before == 3  # the staging folder, a/ and b/
    assert (output / "b/index.html").read_bytes() == b"B4" and (output / "a/index.html").read_bytes() == b"A"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["output", SPARE.format(name="output"),
                                                                 LOCK.format(name="output")])
