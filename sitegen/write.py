"""Publish the output folder atomically: the old site or the new one, never a mix.

How a publish goes:

1. Take the output lock (``.<output>.lock`` beside the folder), so two
   builds never write at once; a second one is refused with a clear message.
2. Remove leftovers of a build that was killed (staging folders).
3. Write every file into a staging folder beside the output folder
   (``.<output>.staging-<pid>``). A file whose bytes did not change is
   hard-linked from the current site instead of written again.
4. Carry over files that sitegen did not write (a host's verification file,
   say): sitegen removes only files it wrote, listed in the manifest
   ``.sitegen-manifest`` inside the output folder.
5. Swap the staging folder and the output folder in one step
   (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames), then
   delete the old site.

A build killed at any moment thus leaves the output folder exactly the old
site or exactly the new one. Nothing here knows about pages: it writes
``{path: bytes}``.

May import: errors.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Union

STAGING = ".{name}.staging-"
RETIRED = ".{name}.old-"
LOCK = ".{name}.lock"
MANIFEST = ".sitegen-manifest"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(frozen=True)
class WriteResult:
    """What a publish did: files in the new site, and the paths written anew and removed."""

    files: int
    changed_paths: tuple[str, ...] = ()
    removed_paths: tuple[str, ...] = ()

    @property
    def changed(self) -> int:
        """How many files were written anew (new or with other bytes)."""
        return len(self.changed_paths)

    @property
    def removed(self) -> int:
        """How many files of the previous build are gone."""
        return len(self.removed_paths)


@dataclass(frozen=True)
class Stamp:
    """How a published file looked when sitegen last wrote or kept it.

    Size in bytes; modification and change times in nanoseconds; inode
    number. Any write to the file, even one that restores its modification
    time, changes ``ctime_ns``, so an equal stamp means the file is as
    sitegen left it.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> "Stamp | None":
        """The stamp of a regular file, or None when it is missing, a link or not a file."""
        try:
            info = path.lstat()
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


@dataclass(frozen=True)
class Kept:
    """A file to keep exactly as published: the builder did not render it again.

    ``stamp`` is how the file looked after the last build. `publish` checks
    it under the output lock; a file changed since then is made again by the
    ``refill`` callback.
    """

    stamp: Stamp


FileData = Union[bytes, Kept, Path]
"""What `publish` takes per path: new bytes; `Kept` for "the published file, unchanged"; or the `Path`
of a file already written elsewhere (best on the same disk), which publish moves into place."""


class UnsafeOutputError(Exception):
    """The output folder, or a path in it, could overwrite something that is not the site's output."""


class OutputBusyError(Exception):
    """Another sitegen process is writing the same output folder."""


def check_output_folder(output: Path, protected: list[Path], sources: list[Path] | None = None) -> None:
    """Refuse an output folder that would overwrite sources or the system.

    Takes the output folder, the folders it must never be or contain (the
    site root, content/, templates/), and the source folders it must never
    be inside (content/, templates/, data/: the site would be published
    again as content by the next build). Raises `UnsafeOutputError` when the
    output is one of them, a parent of one, inside a source folder, the home
    folder or ``/``.
    """
    output = output.resolve()
    forbidden = [Path("/"), Path.home().resolve(), *(p.resolve() for p in protected)]
    for place in forbidden:
        if output == place or place.is_relative_to(output):
            raise UnsafeOutputError(
                f"refusing to write the site into {output}: it is or contains {place}")
    for place in (p.resolve() for p in sources or []):
        if output.is_relative_to(place):
            raise UnsafeOutputError(
                f"refusing to write the site into {output}: it is inside {place}, which holds the sources")


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the output folder's lock for the duration of the block.

    Uses ``fcntl.flock`` on ``.<output>.lock`` beside the folder; the lock
    goes away with the process, so a killed build never leaves it stuck.
    Raises `OutputBusyError` at once when another process holds it. On
    systems without ``fcntl`` (Windows) no lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = output.parent / LOCK.format(name=output.name)
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusyError(
                f"another sitegen build is writing {output} right now; "
                "wait for it to finish, then build again") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(output: Path) -> None:
    """Remove staging and retired folders that a killed build left beside ``output``."""
    if not output.parent.is_dir():
        return
    prefixes = (STAGING.format(name=output.name), RETIRED.format(name=output.name))
    for entry in output.parent.iterdir():
        if entry.name.startswith(prefixes) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def read_manifest(output: Path) -> set[str] | None:
    """Return the files the last build wrote (from the manifest), or None when there is no output yet.

    Raises `UnsafeOutputError` when the folder exists, is not empty and has
    no manifest: it holds files sitegen did not write, and sitegen never
    deletes those.
    """
    if not output.exists():
        return None
    if output.is_symlink() or not output.is_dir():
        raise UnsafeOutputError(f"{output} is not a folder sitegen can publish into")
    manifest = output / MANIFEST
    if manifest.is_file():
        return set(manifest.read_text(encoding="utf-8").splitlines())
    if any(output.iterdir()):
        raise UnsafeOutputError(
            f"{output} already holds files that sitegen did not write; "
            "choose an empty folder with --output, or empty this one")
    return set()


def publish(output: Path, files: Mapping[str, FileData],
            finish: Callable[[Path], None] | None = None, derived: str | None = None,
            refill: Callable[[list[str]], Mapping[str, bytes]] | None = None) -> WriteResult:
    """Replace the output folder's site with exactly ``files``, atomically.

    Takes the output folder, ``{relative posix path: FileData}`` (bytes; a
    `Path` to a written file, moved into the new site; or `Kept`: the
    published file as it is; when it changed or vanished since its stamp,
    ``refill`` is called with those paths and returns their bytes; without
    ``refill`` they count as unsafe), and optionally
    ``finish``, called with the complete staging folder before the swap (e.g.
    to add a search index made from the files), and ``derived``, the folder
    prefix (``"pagefind/"``) of what ``finish`` makes from the files alone.
    When every file is already in place byte for byte (and the last build
    left nothing else of its own but that folder), nothing is written at
    all. Returns a `WriteResult`.
    Raises `UnsafeOutputError` for a path that would leave the folder or an
    output folder sitegen did not make, `OutputBusyError` when another build
    is writing, and `OSError` when writing fails; in every case the current
    output is left as it was.
    """
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(output):
        remove_leftovers(output)
        written_before = read_manifest(output)
        files = _resolve_kept(output, files, refill)
        if written_before is not None and _already_published(output, files, written_before, derived):
            return WriteResult(len(written_before))
        staging = output.parent / f"{STAGING.format(name=output.name)}{os.getpid()}"
        try:
            staging.mkdir()
            folders: set[str] = {str(staging)}
            changed = [path for path, data in sorted(files.items())
                       if _write_one(output, staging, _checked(path), data, folders)]
            if finish is not None:
                finish(staging)
            # Only finish() adds files, and only under ``derived`` when that is given.
            written = (set(files) if finish is None else
                       set(files) | _list_files(staging, derived.rstrip("/")) if derived else _list_files(staging))
            changed += sorted(rel for rel in written - set(files) if not _same_file(output / rel, staging / rel))
            _carry_over_foreign_files(output, staging, written_before or set(), written)
            (staging / MANIFEST).write_text("".join(f"{p}\n" for p in sorted(written)), encoding="utf-8")
            removed = sorted((written_before or set()) - written)
            _swap(output, staging)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return WriteResult(len(written), tuple(changed), tuple(removed))


def _resolve_kept(output: Path, files: Mapping[str, FileData],
                  refill: Callable[[list[str]], Mapping[str, bytes]] | None) -> Mapping[str, FileData]:
    """Check every `Kept` file against its stamp; replace the stale ones with ``refill``'s bytes."""
    stale = [rel for rel, data in files.items()
             if isinstance(data, Kept) and Stamp.of(output / _checked(rel)) != data.stamp]
    if not stale:
        return files
    if refill is None:
        raise UnsafeOutputError(f"{output / stale[0]} changed while the site was being built")
    made = refill(stale)
    return {**files, **{rel: made[rel] for rel in stale}}


def _already_published(output: Path, files: Mapping[str, FileData], written_before: set[str],
                       derived: str | None) -> bool:
    """True when the output holds exactly ``files`` (plus what ``derived`` names), byte for byte."""
    extra = written_before - set(files)
    if any(derived is None or not rel.startswith(derived) for rel in extra):
        return False
    if derived is not None and not extra:
        return False  # the derived files (the search index) are missing: make them
    for rel, data in files.items():
        if isinstance(data, Kept):
            continue  # checked against its stamp under the lock
        if not _holds(output / rel, data):
            return False
    return True


def _holds(path: Path, data: bytes | Path) -> bool:
    """True when the regular file ``path`` holds exactly ``data`` (bytes, or another file's bytes)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        size = data.stat().st_size if isinstance(data, Path) else len(data)
        if path.stat().st_size != size:
            return False
        return path.read_bytes() == (data.read_bytes() if isinstance(data, Path) else data)
    except OSError:
        return False


def stamps(output: Path, paths: Iterable[str]) -> dict[str, Stamp]:
    """The stamps of published files (relative posix paths); missing files are left out."""
    found = {}
    for rel in paths:
        stamp = Stamp.of(output / rel)
        if stamp is not None:
            found[rel] = stamp
    return found


def _same_file(old: Path, new: Path) -> bool:
    """True when ``old`` (in the current site) holds what ``new`` (made by ``finish``) holds."""
    try:
        if old.is_symlink() or not old.is_file():
            return False
        return os.path.samefile(old, new) or (old.stat().st_size == new.stat().st_size
                                              and old.read_bytes() == new.read_bytes())
    except OSError:
        return False


def _checked(path: str) -> str:
    """``path`` when it is a safe relative posix path inside the output folder.

    Raises `UnsafeOutputError` for an absolute path, an empty, ``.`` or
    ``..`` part, a backslash, NUL or ``:`` (a drive letter) in a part, or
    the manifest's own name. Works on the string: it runs once per
    published file.
    """
    parts = path.split("/")
    if path.startswith("/") or parts[-1] == MANIFEST or any(
            part in ("", ".", "..") or "\\" in part or "\x00" in part or ":" in part for part in parts):
        raise UnsafeOutputError(f'the output path "{path}" would leave the output folder')
    return path


def _write_one(output: Path, staging: Path, rel: str, data: FileData, folders: set[str]) -> int:
    """Put one file into the staging folder: linked from the current site when unchanged. 1 when written anew.

    ``folders`` holds the staging folders made so far (each is made once).
    """
    old, new = output / rel, staging / rel
    parent = os.path.dirname(new)
    if parent not in folders:
        os.makedirs(parent, exist_ok=True)
        folders.add(parent)
    if isinstance(data, Kept):
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
        return 0
    if _holds(old, data):
        try:
            os.link(old, new)
            return 0
        except OSError:
            pass
    if isinstance(data, Path):
        shutil.move(data, new)  # a rename on the same disk
        return 1
    with open(new, "wb") as handle:
        handle.write(data)
    return 1


def _list_files(folder: Path, under: str = "") -> set[str]:
    """Relative posix paths of the regular files under ``folder`` (or its subfolder ``under``), manifest aside.

    Uses os.walk: a site has a folder per page, and pathlib's rglob costs
    several times more for the same listing.
    """
    found: set[str] = set()
    start = os.path.join(folder, under) if under else str(folder)
    for current, _folders, names in os.walk(start):
        relative = os.path.relpath(current, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in names:
            if name != MANIFEST and os.path.isfile(os.path.join(current, name)):
                found.add(prefix + name)
    return found


def _carry_over_foreign_files(output: Path, staging: Path, written_before: set[str],
                              written_now: set[str]) -> None:
    if not output.is_dir():
        return
    for rel in sorted(_list_files(output) - written_before - written_now):
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(output / rel, target)
        except OSError:
            shutil.copy2(output / rel, target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False when not available."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _swap(output: Path, staging: Path) -> None:
    if output.exists() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    retired = output.parent / f"{RETIRED.format(name=output.name)}{os.getpid()}"
    if output.exists():
        os.replace(output, retired)
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
