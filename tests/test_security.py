"""Never outside its folders: sitegen writes only its output folder, never the sources; serve stays on loopback.

Each attempt runs a real build inside a temporary "world" folder holding the
site, a sibling folder with a file of its own, and a home folder (``HOME``
points there). Before and after, every file, folder and link of the world
is recorded (bytes, link target, modification time, without following
links), and the names in ``/tmp``. An attempt passes when the build stops
with sitegen's own error (a `SiteError`, never a Python exception) and the
world is exactly as it was, but for what sitegen writes beside its work on
purpose (`ALLOWED_OUTSIDE`); nothing whose name carries the attempt's marker
exists anywhere in the world or ``/tmp``.

Attempts: the editor-mistake case 23 (run on a copy, its ``make-symlinks.sh``
included); slugs with ``..``, an absolute path, drive letters, backslashes, a
NUL and percent-encoded ``%2e%2e``; permalink patterns doing the same; a
folder in content/ that is a link to outside; an asset whose name holds
backslashes; and ``--output`` at the site root, content/, templates/, a
parent, the home folder, ``/`` and a link to content/. A build and a failed
build leave every byte and modification time of content/, templates/ and
data/ as they were.

Permalink patterns with anything but a-z, 0-9, "-" and "_" between the
slashes (``//host``, ``%2e%2e``, ``C:``, ``.git``) are refused with a
message, and so is an output folder inside content/, templates/ or data/.

Imports: pytest; sitegen.build, sitegen.write, sitegen.bodies; tests.sitekit.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

import sitegen.build
from sitegen.bodies import CACHE_DIR
from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.errors import SiteError
from sitegen.write import LOCK, SPARE

from .sitekit import CASES, MINIMAL_CONFIG, add_front_matter, copy_example, interview, write_site

MARK = "sgescape"
"""Every attack names its target with this marker, so anything written there can be found."""

ALLOWED_OUTSIDE = (CACHE_DIR, LOCK.format(name="output"), SPARE.format(name="output"))
"""What a build writes outside its output folder on purpose: the build cache in the site folder
(``.sitegen-cache``), the lock file beside the output folder (``.output.lock``) and the previous
site kept there to start the next publish from (``.output.spare``)."""

REFUSED_MAY_WRITE = (CACHE_DIR,)
"""What a refused build may write: the build cache, never a lock file or a spare beside any folder."""

Snapshot = dict[str, tuple[str, str, int]]
"""Relative path → (kind, sha-256 or link target, modification time in ns), links not followed."""


def snapshot(folder: Path) -> Snapshot:
    """Record every file, folder and link under ``folder`` without following links.

    Takes a folder; returns `Snapshot` (empty for a missing folder). Raises
    OSError only if the folder changes while it is read.
    """
    found: Snapshot = {}
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in folders + files:
            path = Path(top) / name
            info = path.lstat()
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path), info.st_mtime_ns)
            elif path.is_dir():
                found[rel] = ("folder", "", info.st_mtime_ns)
            else:
                found[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns)
    return found


def changes(before: Snapshot, after: Snapshot, allowed: tuple[str, ...] = ()) -> list[str]:
    """Paths added, removed or changed between two snapshots, except those under an ``allowed`` path.

    A folder's own modification time is left out (it changes when an allowed
    entry is added to it); its entries are compared one by one.
    """
    def kept(rel: str) -> bool:
        return not any(rel == place or rel.startswith(place + "/") or f"/{place}" in "/" + rel
                       for place in allowed)

    def entry(value: tuple[str, str, int]) -> tuple[str, str, int]:
        return (value[0], value[1], 0) if value[0] == "folder" else value

    paths = {rel for rel in set(before) | set(after) if kept(rel)}
    return sorted(rel for rel in paths if (rel in before) != (rel in after)
                  or (rel in before and entry(before[rel]) != entry(after[rel])))


def marked(places: list[Path]) -> list[str]:
    """Everything named with `MARK` in the given folders (searched deeply) and directly in ``/tmp``."""
    found = [str(p) for place in places for p in place.rglob(f"*{MARK}*")]
    return found + [str(p) for p in Path("/tmp").glob(f"*{MARK}*")]


@dataclass(frozen=True)
class World:
    """A temporary world: the site, a sibling folder with a file of its own, and the home folder."""

    top: Path
    site: Path
    elsewhere: Path
    home: Path


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    """A `World` under ``tmp_path`` with a valid site; ``HOME`` points at its home folder."""
    top = tmp_path / "world"
    site = write_site(top / "site", {"content/interviews/a.md": interview(),
                                     "templates/assets/extra.css": "p { color: #222; }\n",
                                     "data/numbers.yaml": "count: 3\n"})
    elsewhere = top / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("do-not-publish\n", encoding="utf-8")
    (elsewhere / "page.md").write_bytes(add_front_matter(b"---\ntitle: outside\ndate: 2024-06-01\n---\n"))
    home = top / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return World(top, site, elsewhere, home)


def attempt(world: World, output: str | None = None) -> SiteError:
    """Build the world's site; it must stop with a `SiteError`, leaving the world as it was.

    Returns the error. Fails the test when the build succeeds, raises
    anything else, changes anything but the build cache (`REFUSED_MAY_WRITE`:
    a lock file it made beside the output folder is gone too), or leaves a
    name carrying `MARK` in the world or ``/tmp``.
    """
    before, names_before = snapshot(world.top), set(marked([world.top]))
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=world.site, output=output, jobs=1, search=False))
    assert changes(before, snapshot(world.top), REFUSED_MAY_WRITE) == []
    assert set(marked([world.top])) - names_before == set()
    assert all(problem.message for problem in failure.value.problems)
    return failure.value


# -- case 23 and hostile slugs, permalinks, links and file names ------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_case_23_built_on_a_copy_writes_nothing_outside(world: World) -> None:
    """Case 23 (shared/cases/23-output-path-traversal), its links made on a copy: refused, nothing written."""
    case_dir = CASES / "23-output-path-traversal"
    for source in sorted(case_dir.rglob("*")):
        if source.is_file():
            target = world.site / source.relative_to(case_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            target.write_bytes(add_front_matter(data) if source.parent.name == "interviews" else data)
    subprocess.run(["sh", "make-symlinks.sh"], cwd=world.site, check=True)
    (world.site / "make-symlinks.sh").unlink()
    error = attempt(world)
    paths = {problem.path for problem in error.problems}
    assert {f"content/interviews/evil-{name}.md" for name in ("abs", "slug", "url", "win")} <= paths
    assert {"content/interviews/linked-outside.md", "data/secret.yaml"} <= paths
    assert not any(Path("/tmp", f"outside-{name}").exists() for name in ("slug", "url", "win", "abs"))


HOSTILE_SLUGS = [f"../../../{MARK}-slug", f"/tmp/{MARK}-abs", f"..\\\\..\\\\{MARK}-win", f"C:\\\\{MARK}-drive",
                 f"C:/{MARK}-drive", f"{MARK}\\0nul", f"%2e%2e/%2e%2e/{MARK}-pct", f"..%2f..%2f{MARK}-pct",
                 f"{MARK}/../../x", f"//{MARK}.example/x", "..", "."]


@pytest.mark.parametrize("slug", HOSTILE_SLUGS)
def test_a_hostile_slug_is_an_error_and_writes_nothing(world: World, slug: str) -> None:
    """Issue 7: a slug with "..", an absolute path, a drive letter, a backslash, NUL or %2e%2e is an error."""
    (world.site / "content/interviews/a.md").write_text(interview(extra=f'slug: "{slug}"\n'), encoding="utf-8")
    error = attempt(world)
    assert [p.path for p in error.problems if p.severity == "error"] == ["content/interviews/a.md"]


REFUSED_PERMALINKS = [f"/../../{MARK}/{{slug}}/", f"/{{slug}}/../../{MARK}/", f"/x\\\\..\\\\{MARK}/{{slug}}/",
                      "/\\0/{slug}/", f"{MARK}/{{slug}}/", "/interviews/"]
ODD_PERMALINKS = [f"/%2e%2e/%2e%2e/{MARK}/{{slug}}/", "/C:/{slug}/", "/a//{slug}/", "/%00/{slug}/",
                  "/a/./{slug}/", f"//{MARK}.example/{{slug}}/", "/.git/{slug}/"]


@pytest.mark.parametrize("pattern", REFUSED_PERMALINKS)
def test_a_hostile_permalink_pattern_is_an_error_and_writes_nothing(world: World, pattern: str) -> None:
    """Issue 7: a permalink pattern with "..", a backslash or NUL, or without {slug}, is an error in site.yaml."""
    (world.site / "site.yaml").write_text(MINIMAL_CONFIG + f'permalinks:\n  cases: "{pattern}"\n', encoding="utf-8")
    error = attempt(world)
    assert [p.path for p in error.problems if p.severity == "error"] == ["site.yaml"]


@pytest.mark.parametrize("pattern", ODD_PERMALINKS)
def test_an_odd_permalink_pattern_writes_nothing_outside_the_output(world: World, pattern: str) -> None:
    """Whatever these patterns do, nothing lands outside the output folder."""
    (world.site / "site.yaml").write_text(MINIMAL_CONFIG + f'permalinks:\n  interviews: "{pattern}"\n',
                                          encoding="utf-8")
    before = snapshot(world.top)
    try:
        build(BuildOptions(root=world.site, jobs=1, search=False))
    except (SiteError, ValueError):
        pass
    assert changes(before, snapshot(world.top), ALLOWED_OUTSIDE + ("site/output",)) == []
    assert [p for p in marked([world.top]) if "/output/" not in p] == []


@pytest.mark.parametrize("pattern", ODD_PERMALINKS)
def test_an_odd_permalink_pattern_is_a_clear_error(world: World, pattern: str) -> None:
    """Patterns with "//host", "%2e%2e", "%00", "C:", ".", ".git" or empty parts are refused in site.yaml,
    with a message, never a traceback (config.py ``_check_permalink``)."""
    (world.site / "site.yaml").write_text(MINIMAL_CONFIG + f'permalinks:\n  interviews: "{pattern}"\n',
                                          encoding="utf-8")
    error = attempt(world)
    assert [p.path for p in error.problems] == ["site.yaml"] and "permalink" in error.problems[0].message


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_linked_folder_in_content_leading_outside_is_refused(world: World) -> None:
    """Issue 7: a folder link in content/ to a place outside the site is refused by name, its files unread."""
    (world.site / "content/interviews/linked").symlink_to(world.elsewhere, target_is_directory=True)
    error = attempt(world)
    assert [(p.path, p.message) for p in error.problems if p.path.startswith("content/interviews/linked")] == [
        ("content/interviews/linked",
         "the folder is a symbolic link to a place outside the site folder; its files were not read")]
    assert "do-not-publish" not in "\n".join(p.format() for p in error.problems)


@pytest.mark.skipif(sys.platform == "win32", reason="backslashes cannot be in a Windows file name")
def test_an_asset_whose_name_holds_backslashes_is_refused(world: World) -> None:
    """A file name that is a Windows path (legal on Linux) never becomes an output path."""
    (world.site / "content/images").mkdir(parents=True)
    (world.site / "content/images" / f"a\\..\\..\\..\\{MARK}.png").write_bytes(b"png")
    error = attempt(world)
    assert "would leave the output folder" in error.problems[0].message


# -- the output folder ------------------------------------------------------------------------

@pytest.fixture
def no_publish(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace sitegen's publish step by a trip wire: a refused output folder must never reach it."""
    reached: list[Path] = []

    def trip_wire(output: Path, *args: object, **kwargs: object) -> None:
        reached.append(output)
        raise AssertionError(f"publish was called for {output}")

    monkeypatch.setattr(sitegen.build, "publish", trip_wire)
    return reached


@pytest.mark.parametrize("where", ["site root", "content", "templates", "parent", "home", "slash",
                                   "link to content", "relative parent"])
def test_an_output_folder_over_the_sources_or_the_system_is_refused(world: World, no_publish: list[Path],
                                                                     where: str) -> None:
    """Issue 7: the site root, content/, templates/, a parent, home, / (and a link to content/) are refused
    before anything is written, the build cache included."""
    (world.site / "content-link").symlink_to(world.site / "content", target_is_directory=True)
    outputs = {"site root": str(world.site), "content": "content", "templates": "templates",
               "parent": str(world.top), "home": str(world.home), "slash": "/",
               "link to content": "content-link", "relative parent": ".."}
    error = attempt(world, outputs[where])
    assert "refusing to write the site" in error.problems[0].message
    assert no_publish == [] and not (world.site / CACHE_DIR).exists()


@pytest.mark.parametrize("inside", ["content/out", "templates/out", "content/images/out"])
def test_an_output_folder_inside_the_sources_is_refused(world: World, inside: str) -> None:
    """An output folder inside content/, templates/ or data/ is refused: the next build would publish
    the site again as content (write.py ``check_output_folder``)."""
    attempt(world, inside)


@pytest.mark.parametrize("where", ["site root", "content", "templates", "data", "inside content", "parent", "home",
                                   "slash", "link to content", "relative parent", "inside published", "a file",
                                   "foreign files", "another site", "a path leaving it"])
def test_every_refused_output_folder_leaves_no_lock_file(world: World, where: str) -> None:
    """Each refusal of the output folder, before the build takes its lock or once it holds it (a folder of files
    sitegen did not write, another site's output, a path leaving the folder), leaves the world as it was: no
    ``.<output>.lock`` beside the folder (`attempt`). A refusal once the lock was taken left it there."""
    (world.site / "content-link").symlink_to(world.site / "content", target_is_directory=True)
    other = write_site(world.top / "other", {"content/interviews/b.md": interview("别处访谈")},
                       config="title: 另一个站点\n")
    build(BuildOptions(root=other, output=str(world.top / "www"), jobs=1, search=False))
    (world.top / ".www.lock").unlink()  # a build keeps its lock file: the refusal's own is looked for
    assert main(["build", "-q", "--no-search", "--site", str(world.site)]) == 0  # the folder a build publishes
    (world.site / ".output.lock").unlink()  # a build keeps its lock file: only a refused one's is looked for
    if where == "a path leaving it":
        (world.site / "content/images").mkdir(parents=True)
        (world.site / "content/images" / f"a\\..\\..\\{MARK}.png").write_bytes(b"png")
    outputs = {"site root": str(world.site), "content": "content", "templates": "templates", "data": "data",
               "inside content": "content/out", "parent": str(world.top), "home": str(world.home), "slash": "/",
               "link to content": "content-link", "relative parent": "..", "inside published": "output/x",
               "a file": "site.yaml", "foreign files": str(world.elsewhere), "another site": str(world.top / "www"),
               "a path leaving it": "fresh"}
    error = attempt(world, outputs[where])
    assert error.problems[0].message


def test_a_build_and_a_failed_build_never_touch_content_templates_or_data(tmp_path: Path) -> None:
    """Every byte and modification time of the sources is kept by a build, a cached build and a failed one."""
    site = copy_example(tmp_path / "site")
    (site / "data").mkdir()
    (site / "data" / "extra.yaml").write_text("note: 数据\n", encoding="utf-8")
    sources = ("content", "templates", "data")
    before = {folder: snapshot(site / folder) for folder in sources}
    build(BuildOptions(root=site, jobs=1))
    build(BuildOptions(root=site, jobs=1))  # a second, incremental build with the cache
    assert {folder: snapshot(site / folder) for folder in sources} == before
    unit = site / "content" / "units" / "baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("collected: 296", "collected: 297"), encoding="utf-8")
    broken = {folder: snapshot(site / folder) for folder in sources}
    output = snapshot(site / "output")
    with pytest.raises(SiteError):
        build(BuildOptions(root=site, jobs=1))
    assert {folder: snapshot(site / folder) for folder in sources} == broken
    assert snapshot(site / "output") == output
    names = {p.name for p in site.iterdir()}
    assert {"content", "templates", "data", "site.yaml", "output", CACHE_DIR} <= names
    assert names - {"content", "templates", "data", "site.yaml", "output"} <= set(ALLOWED_OUTSIDE)


# -- the dev server ---------------------------------------------------------------------------

def listening_addresses(port: int) -> list[str]:
    """The local addresses of the sockets listening on TCP ``port``, from ``/proc/net/tcp`` and ``tcp6``.

    Addresses are as the kernel writes them: ``0100007F`` is 127.0.0.1,
    ``00000000`` any IPv4 address, ``…01000000`` (32 hex digits) ::1.
    """
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append(address)
    return found


@pytest.fixture
def serve_process(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """Started ``sitegen serve`` processes; each is stopped with Ctrl-C (then killed) after the test."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.skipif(not Path("/proc/net/tcp").is_file(), reason="reads the Linux socket table")
def test_serve_listens_on_loopback_only_by_default(tmp_path: Path,
                                                    serve_process: list[subprocess.Popen[str]]) -> None:
    """Issue 7: ``sitegen serve`` without --host listens on 127.0.0.1 only (read from the kernel's socket table)."""
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    serve_process.append(process)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or ()], daemon=True).start()
    seen = []
    while not any(line.startswith("serving ") for line in seen):
        seen.append(lines.get(timeout=60))  # only a guard against a server that never starts
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", "".join(seen))
    assert match, "".join(seen)
    addresses = listening_addresses(int(match.group(1)))
    assert addresses and set(addresses) <= {"0100007F", "00000000000000000000000001000000"}, addresses
