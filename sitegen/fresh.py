"""Is the published site still up to date? Answered from file stamps alone, before loading anything.

After each successful build, `record` writes into the build cache a
snapshot of every input the build read and of every file it published:

- inputs: ``site.yaml`` and every file under ``content/``, ``data/``,
  ``templates/``, the default theme and sitegen's own code, each by size,
  modification time, change time and inode; the folders holding the
  installed libraries by modification time (installing or upgrading a
  package changes them); the Python version; the folder of sitegen's code
  (a record is only trusted by the code that wrote it);
- outputs: every file listed in the output folder's manifest, by the same
  stamp;
- the command's options that shape the output (base URL, output folder,
  search index, drafts);
- ``due``: the earliest moment a scheduled page goes live (a build then has
  something new to publish), or "now" when a layout reads the build's clock;
- what the build reported: its counts, warnings and scheduled pages. A
  warning told once (`sitegen.errors.Problem.once`: it compares with what
  the last build published, and is true only until a build publishes the
  change) is not kept: the next build would not tell it, so neither does a
  build with nothing changed.

`unchanged` compares a fresh snapshot with the record. When everything is
equal, a build would produce the same bytes (its output is a pure function
of these inputs and the clock, see `sitegen.depends`), so the command line
can report the last build again instead of building: this is how make and
Ninja decide, with the change time added so that a restored modification
time is not mistaken for an untouched file.

May import: errors, write, cachefile (all use the standard library only).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import site
import struct
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from .cachefile import replace_file
from .errors import Problem
from .write import MANIFEST, listed_files

CACHE_DIR = ".sitegen-cache"
"""The build cache folder inside a site folder (git-ignored; safe to delete)."""
PREVIEW_FOLDER = "preview"
"""The folder of ``sitegen serve``'s preview inside the build cache (``.sitegen-cache/preview``)."""
RECORD_FILE = "fresh-{key}.json"
_VERSION = 1
_CODE = str(Path(__file__).parent.absolute())
"""The folder of the sitegen code that runs (a record holds the folder of the code that wrote it)."""


# Libraries (distribution names) whose versions shape what a build makes of its inputs.
_LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "nh3", "pypinyin", "python-slugify", "pydantic", "PyYAML",
              "feedgen", "imagesize")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Digest (32 hex characters) of sitegen's code files (path, size, modification time) and library versions.

    Any edit to sitegen's code, or an upgrade of a library that shapes the
    output, makes every page load and render again (see `sitegen.depends`,
    `sitegen.pagecache`). Taken once per process: the code that runs is the
    code imported when it started, even if the files change later.
    """
    package = Path(__file__).parent
    parts: list[bytes] = []
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    parts.extend(f"{name}={version}".encode() for name, version in _library_versions())
    return digest(*parts)


@functools.lru_cache(maxsize=1)
def _library_versions() -> tuple[tuple[str, str], ...]:
    import importlib.metadata  # only here: 18 ms of imports (email, zipfile…) the up-to-date check never needs

    found = []
    for name in _LIBRARIES:
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, "?"))
    return tuple(found)


def digest(*parts: bytes) -> str:
    """BLAKE2b digest (32 hex characters) of byte strings: their number and lengths first, then their bytes,
    so no two lists of byte strings give the same input to hash."""
    return _framed(parts).hexdigest()


def raw_digest(*parts: bytes) -> bytes:
    """The 16 bytes that `digest` of the same byte strings shows as hex."""
    return _framed(parts).digest()


def _framed(parts: tuple[bytes, ...]) -> Any:
    """A BLAKE2b hasher (16 bytes) fed the number of ``parts``, their lengths, then their bytes."""
    # Tens of thousands of digests per build: the lengths are packed in one C call, not a loop,
    # by a packer made once for each small number of parts.
    count = len(parts)
    pack = _PACKERS.get(count)
    if pack is None:
        pack = struct.Struct(f"<{count + 1}Q").pack
        if count < 64:
            _PACKERS[count] = pack
    hasher = hashlib.blake2b(pack(count, *map(len, parts)), digest_size=16)
    hasher.update(b"".join(parts))
    return hasher


_PACKERS: dict[int, Any] = {}
"""`struct.Struct.pack` of the framing of `digest` for each number of parts below 64 seen."""


@dataclass(frozen=True)
class LastBuild:
    """What the recorded build reported: counts, warnings (but those told once: `sitegen.errors.Problem.once`),
    scheduled pages ``(path, publish time)``, the paths of drafts and the base URL it was built for (its note of
    an example address is said again with the rest)."""

    pages: int
    files: int
    output: str
    warnings: list[Problem] = field(default_factory=list)
    scheduled: list[tuple[str, str]] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    base_url: str = ""


def empty_cache(cache: Path, keep: Callable[[str], bool] = lambda name: False) -> None:
    """Remove everything in the build cache folder ``cache`` but a running preview's and the records named by
    ``keep`` (``sitegen build --clean``).

    ``sitegen serve``'s preview (`PREVIEW_FOLDER`) and the files beside it
    (``.preview.lock``, ``.preview.serving``, ``.preview.spare``) are kept:
    the preview is no cache, and a server may be serving it while a build
    runs in another window; emptied, every page it served was a 404 until
    the next save. ``keep`` says of a file's name whether it is a record of
    what was published, not work saved (`sitegen.addresses.is_address_record`): emptied, a unit file deleted by mistake was told
    as a unit never made, and its figures left the site at the next build.
    Errors are ignored, as a cache may be half removed.
    """
    try:
        entries = list(cache.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name == PREVIEW_FOLDER or entry.name.startswith(f".{PREVIEW_FOLDER}."):
            continue
        if keep(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            try:
                entry.unlink()
            except OSError:
                pass

def options_key(base_url: str | None, output: str | None, search: bool, include_drafts: bool) -> str:
    """A short text naming the build options that shape the output (one record per combination)."""
    text = json.dumps([base_url, output, search, include_drafts])
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def record_path(cache_folder: Path, key: str) -> Path:
    """Where the record for these options lives in the build cache."""
    return cache_folder / RECORD_FILE.format(key=key)


def _stamp(path: Path, follow: bool = False) -> list[int] | None:
    """[size, mtime ns, ctime ns, inode, mode] of a path (of a link's target with ``follow``); None if missing."""
    try:
        info = os.stat(path) if follow else os.lstat(path)
    except OSError:
        return None
    return _stamp_of(info)


def _stamp_of(info: os.stat_result | None) -> list[int] | None:
    """The stamp `_stamp` makes, of a status already taken (None: missing)."""
    return None if info is None else [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_mode]


def _walk(folder: Path, into: dict[str, Any], seen: set[str] | None = None) -> None:
    """Stamp every entry under ``folder``: files, folders and links.

    A link is stamped twice, as a link and as what it points to, and a
    linked folder is walked too (each real folder once, so a link loop
    ends): the build reads through links that stay inside the site, so an
    edit behind one must be seen.
    """
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        into[str(folder)] = None
        return
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        into[entry.path] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_mode]
        if entry.is_symlink():
            into[entry.path + " ->"] = _stamp(Path(entry.path), follow=True)
        if entry.is_dir():  # follows links
            _walk(Path(entry.path), into, seen)


def _library_folders() -> list[str]:
    folders = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if os.path.isdir(p)]
    return sorted(set(folders))


@dataclass(frozen=True)
class Inputs:
    """What a build reads: single files and whole folders, and their stamps when the build began."""

    files: list[Path]
    folders: list[Path]
    snapshot: dict[str, Any]

    @classmethod
    def take(cls, files: list[Path], folders: list[Path]) -> "Inputs":
        """Stamp the inputs now: call before reading them, so an edit during the build is seen next time."""
        return cls(files, folders, snapshot_inputs(files, folders))


def snapshot_inputs(files: list[Path], folders: list[Path]) -> dict[str, Any]:
    """Stamps of the given files and of everything under the given folders, plus the environment."""
    stamps: dict[str, list[int] | None] = {str(path): _stamp(path) for path in files}
    for folder in folders:
        stamps[str(folder)] = _stamp(folder)
        if stamps[str(folder)] is not None:
            _walk(folder, stamps)
    libraries = {folder: _stamp(Path(folder)) for folder in _library_folders()}
    return {"files": stamps, "libraries": libraries, "python": sys.version}


def output_status(output: Path, known: Mapping[str, os.stat_result] | None = None
                  ) -> dict[str, os.stat_result | None] | None:
    """The ``lstat`` of every file the output folder's manifest lists and of the manifest (None: missing),
    by relative posix path; None without a manifest.

    ``known``: ``lstat`` results the publish just took of files it then left alone
    (`sitegen.write.WriteResult.status`), used instead of looking at those files again.
    """
    manifest = output / MANIFEST
    try:
        listed = listed_files(manifest.read_text(encoding="utf-8"))
    except OSError:
        return None
    found: dict[str, os.stat_result | None] = {}
    known = known or {}
    root = os.path.join(output, "")  # a string sum per file costs less than a path object
    for rel in [*listed, MANIFEST]:
        info = known.get(rel)
        if info is not None:
            found[rel] = info
            continue
        try:
            found[rel] = os.lstat(root + rel)
        except OSError:
            found[rel] = None
    return found


def snapshot_output(output: Path,
                    status: Mapping[str, os.stat_result | None] | None = None) -> dict[str, list[int] | None] | None:
    """Stamps of every file the output folder's manifest lists (and of the manifest), or None without one.

    ``status``: the `output_status` just taken, to stat nothing twice.
    """
    status = output_status(output) if status is None else status
    return None if status is None else {rel: _stamp_of(info) for rel, info in status.items()}


def record(path: Path, inputs: Inputs, *, output: Path, due: float | None, last: LastBuild,
           status: Mapping[str, os.stat_result | None] | None = None) -> None:
    """Write the record of a successful build (atomically; an unwritable cache is ignored).

    ``inputs`` were stamped when the build began; ``due`` is a Unix time
    after which the record no longer holds (None: never); ``status`` is
    the `output_status` of the output folder, when just taken.
    """
    published = snapshot_output(output, status)
    if published is None:
        return
    data = {"version": _VERSION, "site": _site_of(path), "code": _CODE, "inputs": [str(p) for p in inputs.files],
            "input_folders": [str(p) for p in inputs.folders], "output": str(output),
            "snapshot": inputs.snapshot, "published": published,
            "due": due, "last": asdict(last)}
    replace_file(path, json.dumps(data, ensure_ascii=False))


def _site_of(record: Path) -> str:
    """The site folder whose build cache holds the record at ``record`` (absolute, as text)."""
    return str(record.absolute().parent.parent)


def forget(path: Path) -> None:
    """Remove a record (a failed or changed build makes it stale)."""
    try:
        path.unlink()
    except OSError:
        pass


def unchanged(path: Path, now: float | None = None) -> LastBuild | None:
    """Return what the recorded build reported when nothing it read or wrote changed since; else None.

    ``now`` is a Unix time (default: the clock). Reads only file stamps and
    the record; never raises for a missing or damaged record (None).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        # A site folder copied with its build cache holds the original's record: its paths are the
        # original's, whose files may well be unchanged. Only the folder that wrote it may trust it.
        if data.get("version") != _VERSION or data.get("site") != _site_of(path):
            return None
        # Its input stamps cover the code that wrote it; other code (another copy of sitegen, run from
        # its own folder) may check or make the site differently, so it builds.
        if data.get("code") != _CODE:
            return None
        due = data["due"]
        if due is not None and (time.time() if now is None else now) >= due:
            return None
        inputs = [Path(p) for p in data["inputs"]]
        folders = [Path(p) for p in data["input_folders"]]
        if snapshot_inputs(inputs, folders) != data["snapshot"]:
            return None
        if snapshot_output(Path(data["output"])) != data["published"]:
            return None
        last = data["last"]
        return LastBuild(last["pages"], last["files"], last["output"],
                         [Problem(**problem) for problem in last["warnings"]],
                         [tuple(item) for item in last["scheduled"]], list(last.get("drafts", [])),
                         str(last.get("base_url", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def last_build(root: Path, *, base_url: str | None, output: str | None, search: bool,
               include_drafts: bool = False) -> LastBuild | None:
    """What the last build of the site in ``root`` with these options reported, if still up to date.

    The options are the command line's (None: as site.yaml says). Returns
    None when anything it read or wrote changed, a scheduled page is due,
    or there is no record (see `unchanged`).
    """
    key = options_key(base_url, output, search, include_drafts)
    return unchanged(record_path(root.absolute() / CACHE_DIR, key))
