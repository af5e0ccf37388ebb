"""Publish the output folder atomically: the old site or the new one, never a mix.

How a publish goes:

1. Take the output lock (``.<output>.lock`` beside the folder), so two
   builds never write at once; a second one is refused with a clear message.
2. Remove leftovers of a build that was killed (staging and retired
   folders; never the spare, see 4).
3. Check every file against the published site: a `Kept` file by its
   stamp, any other byte for byte. When all are in place (and nothing is
   to be removed), stop here: nothing is written at all.
4. Make the staging folder ``.<output>.staging-<pid>`` beside the output
   folder. The previous build left the site before the current one there
   as the spare, ``.<output>.spare``; it is renamed to the staging name and
   brought to exactly the new site, file by file:
   - anything the new site does not hold is removed: other files, folders
     where a file must go and files where a folder must go, the search
     index (``finish`` makes it again), and links, which are never followed;
   - a file that already is the published one (same device and inode: a
     hard link kept from before) is left as it is;
   - a file whose bytes did not change is hard-linked from the current site;
   - any other file is written as a new file. A file in the staging folder
     is never opened for writing: it may be a hard link to a published
     file, and writing into it would change the live site.
   The staging folder takes the output folder's permissions and group
   first (`_same_access`; with ``g+s``, so does what is made in it).
   Without a spare (the first build, or it was removed) the staging folder
   starts empty, and so it does when the spare cannot be tidied (a folder
   that cannot be read or emptied).
5. ``finish`` adds what is made from the finished files (the search index).
6. Carry over files that sitegen did not write (a host's verification file,
   say): sitegen removes only files it wrote, listed in the manifest
   ``.sitegen-manifest`` inside the output folder. Copies of them that the
   spare held were removed in 4, so a file deleted from the output by hand
   stays deleted. A preview's files include `PREVIEW_MARK`, so its manifest
   tells its folder from a published one (`published_by_build`). The
   manifest's first line names the site that wrote it (`SiteIdentity`): a
   build refuses to replace another site's published output (`other_site`).
7. Write the manifest, then swap the staging folder and
   the output folder in one step (``renameat2(RENAME_EXCHANGE)`` on Linux;
   elsewhere two renames, through ``.<output>.old-<pid>``). The staging name
   (or the retired one) then holds the old site: it is renamed to the
   spare, for the next build, and the files this build changed or removed
   are deleted from it (`_withdraw`), so it never holds what is no longer
   published.

A build that stops before the swap (refused, failed, interrupted with
Ctrl-C) removes the lock file when it made it (`output_lock`).

A build killed at any moment thus leaves the output folder exactly the old
site or exactly the new one: the spare and the staging folder are never
published until the swap. A build that fails (the search index, say) gives
its staging folder back as the spare, unless the failure was an `OSError`,
which may come from the folder itself: then it is removed. The staging
folder of a killed build is removed in 2 rather than used as the spare
(a search indexer it started could in principle still be writing into it);
the next build then starts from an empty folder once. The spare costs
little disk: most of its files are hard links to the published ones.
Nothing here knows about pages: it writes ``{path: bytes}``.

May import: errors.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterator, Mapping, Union

STAGING = ".{name}.staging-"
RETIRED = ".{name}.old-"
SPARE = ".{name}.spare"
LOCK = ".{name}.lock"
SERVING = ".{name}.serving"
MANIFEST = ".sitegen-manifest"
PREVIEW_MARK = ".sitegen-preview"
"""The file that tells a preview's folder (`sitegen serve`) from a published one: written with the preview's
files (so listed in its manifest, and removed by the next build into the folder), hidden from readers as
every ``.sitegen-*`` file is (the documented rsync ``--exclude`` and nginx rule)."""
PREVIEW_MARK_TEXT = (b"sitegen serve wrote this folder: a preview with drafts and links to 127.0.0.1.\n"
                     b"Never publish it: publish the folder sitegen build writes.\n")
_MANIFEST_PART = f"/{MANIFEST}/"
_SITE_LINE = "#site "
"""How the manifest's first line starts when it names the site that wrote it (`SiteIdentity.line`): JSON follows,
whose ``:`` no path of a published file holds (`_checked`), so the line is never taken for a file."""
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

Identity = tuple[int, int]
"""A file's (device, inode): equal for two names of one file (hard links)."""


@dataclass(frozen=True)
class WriteResult:
    """What a publish did: files in the new site, and the paths written anew and removed.

    ``status`` holds the ``lstat`` of published files that publishing looked at after they
    were in place and then left alone (most kept files), by path: they need not be looked at again.
    """

    files: int
    changed_paths: tuple[str, ...] = ()
    removed_paths: tuple[str, ...] = ()
    status: Mapping[str, os.stat_result] = field(default_factory=dict)

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
    def of(cls, path: Path | str) -> "Stamp | None":
        """The stamp of a regular file, or None when it is missing, a link or not a file."""
        try:
            return cls.of_stat(os.lstat(path))
        except OSError:
            return None

    @classmethod
    def of_stat(cls, info: os.stat_result | None) -> "Stamp | None":
        """The stamp from an ``lstat`` result, or None when it is not a regular file (or None: missing)."""
        if info is None or not stat.S_ISREG(info.st_mode):
            return None
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)

    def matches(self, info: os.stat_result) -> bool:
        """True when the ``lstat`` result ``info`` is of a regular file with this stamp."""
        # Field by field rather than through `of_stat`: it runs once per kept file of a site.
        return (info.st_ino == self.inode and info.st_ctime_ns == self.ctime_ns
                and info.st_mtime_ns == self.mtime_ns and info.st_size == self.size
                and stat.S_ISREG(info.st_mode))


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


@dataclass(frozen=True)
class SiteIdentity:
    """Which site wrote an output folder: a digest of its site folder, its title and the base URL it was built for.

    Recorded in the manifest, so that a build of one site never silently
    replaces another site's published output (`other_site`). ``folder`` is
    `folder_digest` of the resolved site folder, not the path: a host that
    publishes every file of the output folder would otherwise show the
    path, and a user's name in it, to anyone.
    """

    folder: str
    title: str
    base_url: str
    root: Path | None = field(default=None, compare=False)
    """The site folder itself, known to the build that writes (never recorded; None when read from a manifest)."""

    def same_site(self, other: "SiteIdentity") -> bool:
        """True when ``other`` is this site: built from the same folder, or with the same title and base URL.

        A site folder moved or renamed keeps its title and address; a title
        edited in place keeps its folder. Only a site that changed its folder
        and its title or address in one go is taken for another one: then
        `OtherSiteError`'s hint says how to build anyway.
        """
        return self.folder == other.folder or (self.title == other.title and self.base_url == other.base_url)

    def line(self) -> str:
        """The manifest line that records this identity (no line break inside: JSON escapes them)."""
        return _SITE_LINE + json.dumps({"folder": self.folder, "title": self.title, "base_url": self.base_url},
                                       ensure_ascii=False, sort_keys=True)

    @classmethod
    def of_line(cls, line: str) -> "SiteIdentity | None":
        """The identity a manifest line records, or None when the line records none (a file's path)."""
        if not line.startswith(_SITE_LINE):
            return None
        try:
            fields = json.loads(line[len(_SITE_LINE):])
            return cls(str(fields["folder"]), str(fields["title"]), str(fields["base_url"]))
        except (ValueError, TypeError, KeyError):
            return None


def folder_digest(folder: Path) -> str:
    """What the manifest records of a site folder (`SiteIdentity.folder`): the first 16 hex digits of the SHA-256
    of its resolved path's text (UTF-8, surrogate escapes kept), so the same folder always gives the same digest."""
    return hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


class UnsafeOutputError(Exception):
    """The output folder, or a path in it, could overwrite something that is not the site's output.

    ``hint`` says how to fix it, when there is more to say than the message.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class OtherSiteError(UnsafeOutputError):
    """The output folder holds the published site of another site (``found``), which this build would replace."""

    def __init__(self, output: Path, found: SiteIdentity, site: SiteIdentity) -> None:
        super().__init__(
            f'refusing to write the site into {output}: it holds another site\'s output, "{found.title}" built for '
            f'{found.base_url} from another site folder, which this build of "{site.title}" would replace',
            "choose another folder for this site (--output, or output_dir: in site.yaml); to replace that site "
            "with this one on purpose, build again with --replace-other-site")
        self.found, self.site = found, site


class OutputBusyError(Exception):
    """Another sitegen process is writing the same output folder."""


class OutputClaimedError(Exception):
    """Another running process serves the same output folder (`claim_output`); ``address`` is the one it
    wrote there (``http://127.0.0.1:8000/``), "" when it wrote none."""

    def __init__(self, output: Path, address: str) -> None:
        super().__init__(f"another process serves {output}" + (f" at {address}" if address else ""))
        self.output, self.address = output, address


def claim_output(output: Path, address: str) -> IO[bytes] | None:
    """Claim ``output`` for this process for as long as it runs, as the one that serves it at ``address``.

    Two ``sitegen serve`` of one site would build into one preview folder in
    turns, each with its own address in the pages, and each remove the
    other's files mid-build. Takes ``fcntl.flock`` on ``.<output>.serving``
    beside the folder and writes ``address`` into it. Returns the open lock
    file: keep it open; closing it (or the end of the process, a killed one
    too) gives the claim up. Returns None where ``fcntl`` is missing (Windows:
    nothing is claimed). Raises `OutputClaimedError`, with the address the
    other process wrote, when another process holds the claim.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = open(output.parent / SERVING.format(name=output.name), "a+b")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        other = handle.read().decode("utf-8", "replace").strip()
        handle.close()
        raise OutputClaimedError(output, other) from None
    handle.truncate(0)
    handle.write(address.encode("utf-8"))
    handle.flush()
    return handle


def check_claim(output: Path) -> None:
    """Raise `OutputClaimedError` when another running process serves ``output`` (`claim_output`); else nothing.

    Makes no file and no folder, unlike `claim_output`: a preview refused
    for its port leaves nothing beside its folder. Nothing is checked
    where ``fcntl`` is missing (Windows).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        handle = open(output.parent / SERVING.format(name=output.name), "rb")
    except OSError:  # no claim file: no process serves it
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputClaimedError(output, handle.read().decode("utf-8", "replace").strip()) from None

def check_output_folder(output: Path, protected: list[Path], sources: list[Path] | None = None,
                        root: Path | None = None) -> None:
    """Refuse an output folder that would overwrite sources or the system.

    Takes the output folder, the folders it must never be or contain (the
    site root, content/, templates/), and the source folders it must never
    be inside (content/, templates/, data/: the site would be published
    again as content by the next build). Raises `UnsafeOutputError` when the
    output is a file or a link, one of them, a parent of one, inside a source
    folder, the home folder or ``/``. With the site folder ``root``, the message gives paths
    inside it relative to it (``data/``), as every other message does.
    """
    if os.path.lexists(output) and (os.path.islink(output) or not os.path.isdir(output)):
        raise _not_a_folder(output)  # now, before a lock file is made beside it (in the site folder, say)
    output = output.resolve()
    home, top = Path.home().resolve(), Path("/")
    site = root.resolve() if root is not None else None

    def shown(path: Path) -> str:
        if site is not None and path.is_relative_to(site) and path != site:
            return path.relative_to(site).as_posix() + "/"
        return str(path)

    def named(place: Path) -> str:
        if place == site:
            return f"the site folder ({place})"
        if place == home:
            return f"your home folder ({place})"
        return "/, the top of the disk" if place == top else f"{shown(place)}, which holds the sources"

    for place in [top, home, *(p.resolve() for p in protected)]:
        if output == place or place.is_relative_to(output):
            relation = "it is" if output == place else "it contains"
            raise UnsafeOutputError(f"refusing to write the site into {shown(output)}: {relation} {named(place)}")
    for place in (p.resolve() for p in sources or []):
        if output.is_relative_to(place):
            relation = "it is" if output == place else "it is inside"
            raise UnsafeOutputError(f"refusing to write the site into {shown(output)}: {relation} {named(place)}")


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold the output folder's lock for the duration of the block.

    Uses ``fcntl.flock`` on ``.<output>.lock`` beside the folder; the lock
    goes away with the process, so a killed build never leaves it stuck.
    Raises `OutputBusyError` at once when another process holds it. When
    the block raises (a refusal, a failure, Ctrl-C) and the lock file was
    made here, it is removed, while still held: a refused build leaves
    nothing beside the folder. One made by an earlier build, or held by
    another process, is never removed. On systems without ``fcntl``
    (Windows) no lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = output.parent / LOCK.format(name=output.name)
    handle, made = _take_lock(lock_path, output)
    with handle:
        try:
            yield
        except BaseException:
            if made:
                try:
                    os.unlink(lock_path)
                except OSError:
                    pass
            raise
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _take_lock(lock_path: Path, output: Path) -> tuple[IO[bytes], bool]:
    """Open ``lock_path`` (made when missing) and lock it; returns the open file and whether it was made here.

    A build that stops removes the lock file it made (`output_lock`): a
    build that opened that file just before may then lock a file no longer
    there, while a third makes a new one. So the file locked must still be
    the one at ``lock_path``, else it is opened again. Raises
    `OutputBusyError` when another process holds the lock, `OSError` when
    the file cannot be made or opened.
    """
    import fcntl

    while True:
        try:
            handle, made = open(lock_path, "xb"), True
        except FileExistsError:
            try:
                handle, made = open(lock_path, "r+b"), False
            except FileNotFoundError:  # removed meanwhile by a build that stopped
                continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputBusyError(
                f"another sitegen build is writing {output} right now; "
                "wait for it to finish, then build again") from None
        try:
            current = os.stat(lock_path)
        except FileNotFoundError:
            current = None
        held = os.fstat(handle.fileno())
        if current is not None and (current.st_dev, current.st_ino) == (held.st_dev, held.st_ino):
            return handle, made
        handle.close()


def remove_leftovers(output: Path) -> None:
    """Remove staging and retired folders that a killed build left beside ``output``.

    Call it only while holding `output_lock`: a live build's staging folder
    has the same form. The spare (``.<output>.spare``) is not a leftover
    and is never removed here.
    """
    if not output.parent.is_dir():
        return
    prefixes = (STAGING.format(name=output.name), RETIRED.format(name=output.name))
    for entry in output.parent.iterdir():
        if entry.name.startswith(prefixes) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _not_a_folder(output: Path) -> UnsafeOutputError:
    """The refusal of an output path that is a file or a link (``output_dir: site.yaml``)."""
    return UnsafeOutputError(f"{output} is not a folder sitegen can publish into",
                             "choose a folder (--output, or output_dir: in site.yaml), not a file or a link")


def read_manifest(output: Path) -> set[str] | None:
    """Return the files the last build wrote (from the manifest), or None when there is no output yet.

    Raises `UnsafeOutputError` when the folder exists, is not empty and has
    no manifest: it holds files sitegen did not write, and sitegen never
    deletes those.
    """
    if not output.exists():
        return None
    if output.is_symlink() or not output.is_dir():
        raise _not_a_folder(output)
    manifest = output / MANIFEST
    if manifest.is_file():
        return set(listed_files(manifest.read_text(encoding="utf-8")))
    foreign = sorted(entry.name for entry in output.iterdir())
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise UnsafeOutputError(
            f"{output} already holds files that sitegen did not write ({shown})",
            "choose an empty or new folder (--output, or output_dir: in site.yaml): sitegen publishes only into "
            "a folder it made or an empty one, so that it never takes your files for its own; files you put "
            "into it after the first build (a search engine's verification file, say) are kept by every later "
            "build")
    return set()


def listed_files(manifest: str) -> list[str]:
    """The files a manifest's text lists, in its order: every line but the one naming the site (`SiteIdentity`)."""
    lines = manifest.splitlines()
    return lines[1:] if lines and SiteIdentity.of_line(lines[0]) is not None else lines


def read_site(output: Path) -> SiteIdentity | None:
    """The site that wrote ``output``, as its manifest names it; None without a manifest, or for one that names
    no site (written by a sitegen older than `SiteIdentity`). Raises nothing."""
    try:
        with open(output / MANIFEST, encoding="utf-8") as manifest:
            return SiteIdentity.of_line(manifest.readline().rstrip("\n"))
    except (OSError, UnicodeDecodeError):
        return None


def other_site(output: Path, site: SiteIdentity) -> SiteIdentity | None:
    """The other site whose published output ``output`` holds, which a build of ``site`` would replace; else None.

    None for a folder no build of sitegen published (missing, empty, foreign,
    a preview's: `published_by_build`), one whose manifest names no site (an
    older sitegen's), one inside ``site``'s own folder (``output/`` of a site
    folder copied to start a new site is that site's) and one ``site``
    wrote (`SiteIdentity.same_site`). Raises nothing.
    """
    found = read_site(output)
    if found is None or not published_by_build(output):
        return None
    if (site.root is not None and output.resolve().is_relative_to(site.root)) or found.same_site(site):
        return None
    return found


def published_by_build(output: Path) -> bool:
    """Whether ``output`` holds a site that ``sitegen build`` wrote, the one that is published.

    Takes a folder; returns True when its manifest lists files but not `PREVIEW_MARK` (a preview's
    folder lists it), False for a preview's folder, a missing or empty one, or one sitegen did not
    write. Raises nothing.
    """
    try:
        written = listed_files((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    return bool(written) and PREVIEW_MARK not in written


def publish(output: Path, files: Mapping[str, FileData],
            finish: Callable[[Path], None] | None = None, derived: str | None = None,
            refill: Callable[[list[str]], Mapping[str, bytes]] | None = None,
            from_spare: bool = True, derived_current: bool = True, site: SiteIdentity | None = None,
            keep_other_site: bool = False) -> WriteResult:
    """Replace the output folder's site with exactly ``files``, atomically.

    Takes the output folder, ``{relative posix path: FileData}`` (bytes; a
    `Path` to a written file, moved into the new site; or `Kept`: the
    published file as it is; when it changed or vanished since its stamp,
    ``refill`` is called with those paths and returns their bytes; without
    ``refill`` they count as unsafe), and optionally
    ``finish``, called with the complete staging folder before the swap (e.g.
    to add a search index made from the files), and ``derived``, the folder
    prefix (``"pagefind/"``) of what ``finish`` makes from the files alone;
    ``derived_current`` False says the published ``derived`` files were made
    otherwise than ``finish`` now makes them, so they are made again.
    ``from_spare`` False drops the spare first, so the new site is built from
    an empty folder (``sitegen build --clean``).
    ``site`` names the site in the manifest (`SiteIdentity`); with
    ``keep_other_site``, the output of another site (`other_site`) is refused.
    When every file is already in place byte for byte (and the last build
    left nothing else of its own but that folder, made as now), nothing is
    written at all. Returns a `WriteResult`; its ``changed_paths`` are the files whose
    bytes differ from the current output (or that it lacks).
    Raises `UnsafeOutputError` for a path that would leave the folder or an
    output folder sitegen did not make, `OtherSiteError` for another site's
    output (see ``keep_other_site``), `OutputBusyError` when another build
    is writing, and `OSError` when writing fails; in every case the current
    output is left as it was, and the lock file is removed when this build
    made it (`output_lock`).
    """
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(output):
        remove_leftovers(output)
        written_before = read_manifest(output)
        if site is not None and keep_other_site and (found := other_site(output, site)) is not None:
            raise OtherSiteError(output, found, site)
        files, held = _check_published(output, files, refill)
        named = site is None or site == read_site(output)  # else the manifest must be written anew, naming it
        if written_before is not None and named and derived_current and _already_published(files, held,
                                                                                           written_before, derived):
            return WriteResult(len(written_before))
        staging = output.parent / f"{STAGING.format(name=output.name)}{os.getpid()}"
        spare = output.parent / SPARE.format(name=output.name)
        if not from_spare:
            _drop(spare, output.parent / f"{RETIRED.format(name=output.name)}{os.getpid()}")
        status: dict[str, os.stat_result] = {}
        try:
            _stage(output, staging, spare, files, held, status)
            if finish is not None:
                finish(staging)
            # Only finish() adds files, and only under ``derived`` when that is given.
            written = (set(files) if finish is None else
                       set(files) | _list_files(staging, derived.rstrip("/")) if derived else _list_files(staging))
            changed = sorted(rel for rel in files if rel not in held)
            changed += sorted(rel for rel in written - set(files) if not _same_file(output / rel, staging / rel))
            _carry_over_foreign_files(output, staging, written_before or set(), written)
            with open(staging / MANIFEST, "x", encoding="utf-8") as manifest:
                manifest.write("".join(f"{p}\n" for p in [*([site.line()] if site else []), *sorted(written)]))
            removed = sorted((written_before or set()) - written)
            _same_mode(output, staging)
            _swap(output, staging, spare)
            _withdraw(spare, [*changed, *removed, MANIFEST])
        except OSError:
            # It may come from the staging folder itself (a part that cannot be written):
            # the next build starts from an empty folder rather than trip over it again.
            shutil.rmtree(staging, ignore_errors=True)
            raise
        except BaseException:
            _keep_as_spare(staging, spare)  # half updated, but the next build checks it file by file
            raise
    return WriteResult(len(written), tuple(changed), tuple(removed), status)


def _check_published(output: Path, files: Mapping[str, FileData],
                     refill: Callable[[list[str]], Mapping[str, bytes]] | None
                     ) -> tuple[Mapping[str, FileData], dict[str, Identity]]:
    """Find which published files already are what ``files`` asks for.

    Checks each path (`_checked`), each `Kept` file against its stamp and
    each other file byte for byte. Stale `Kept` files are replaced by
    ``refill``'s bytes. Returns the files (with the refilled ones) and the
    identity of each published file that holds its path's data. Raises
    `UnsafeOutputError` for an unsafe path, or for a stale `Kept` file
    without ``refill``.
    """
    held: dict[str, Identity] = {}
    stale = []
    root = _folder_prefix(output)
    for rel, data in files.items():
        path = root + _checked(rel)
        if isinstance(data, Kept):
            try:
                info = os.lstat(path)
            except OSError:
                stale.append(rel)
                continue
            if data.stamp.matches(info):
                held[rel] = (info.st_dev, info.st_ino)
            else:
                stale.append(rel)
        elif (identity := _holding(path, data)) is not None:
            held[rel] = identity
    if not stale:
        return files, held
    if refill is None:
        raise UnsafeOutputError(f"{output / stale[0]} changed while the site was being built",
                                "build again when nothing else is writing the output folder")
    made = refill(stale)
    for rel in stale:
        if (identity := _holding(root + rel, made[rel])) is not None:
            held[rel] = identity
    return {**files, **{rel: made[rel] for rel in stale}}, held


def _already_published(files: Mapping[str, FileData], held: Mapping[str, Identity], written_before: set[str],
                       derived: str | None) -> bool:
    """True when the output holds exactly ``files`` (plus what ``derived`` names), byte for byte."""
    extra = written_before - set(files)
    if any(derived is None or not rel.startswith(derived) for rel in extra):
        return False
    if derived is not None and not extra:
        return False  # the derived files (the search index) are missing: make them
    return all(rel in held for rel in files)


def _holding(path: str, data: bytes | Path) -> Identity | None:
    """The identity of the regular file ``path`` when it holds exactly ``data`` (bytes, or another file's bytes).

    None when it does not, is missing, a link or not a file.
    """
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return None
        size = data.stat().st_size if isinstance(data, Path) else len(data)
        if info.st_size != size:
            return None
        with open(path, "rb") as handle:
            same = handle.read() == (data.read_bytes() if isinstance(data, Path) else data)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if same else None


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
    the manifest's own name. Works on the whole string, without splitting
    it: it runs once per published file.
    """
    # Wrapped in slashes, an empty, "." or ".." part is a "//", "/./" or "/../" in it.
    wrapped = f"/{path}/"
    if ("//" in wrapped or "/./" in wrapped or "/../" in wrapped or "\\" in path or "\x00" in path
            or ":" in path or wrapped.endswith(_MANIFEST_PART)):
        raise UnsafeOutputError(f'the output path "{path}" would leave the output folder')
    return path


def _folder_prefix(folder: Path | str) -> str:
    """``folder`` as a string ending in the separator: a relative posix path added to it is a full path."""
    # A string sum costs a fraction of os.path.join or pathlib's "/" in loops over every file.
    text = os.fspath(folder)
    return text if text.endswith(os.sep) else text + os.sep


def _stage(output: Path, staging: Path, spare: Path, files: Mapping[str, FileData],
           held: Mapping[str, Identity], status: dict[str, os.stat_result]) -> None:
    """Make ``staging`` hold exactly ``files``, starting from the spare when there is one.

    ``held`` gives the published files that already hold their path's data
    (`_check_published`). Adds to ``status`` the ``lstat`` of each staged file
    that already was the published file (`_place`). Raises `OSError` when a file cannot be written;
    a spare that cannot be tidied is dropped instead, and staging starts
    from an empty folder.
    """
    present: set[str] = set()
    folders = {""}
    if _take_spare(spare, staging):
        try:
            present, folders = _tidy(staging, files)
        except OSError:
            # Not ours to fix (a folder that cannot be read or emptied): start afresh, out of the way.
            dropped = staging.with_name(f"{RETIRED.format(name=output.name)}{os.getpid()}")
            os.replace(staging, dropped)
            shutil.rmtree(dropped, ignore_errors=True)
            os.mkdir(staging)
            present, folders = set(), {""}
    else:
        os.mkdir(staging)
    group = _same_access(output, staging, folders)
    old_root, new_root = _folder_prefix(output), _folder_prefix(staging)
    for rel in sorted(files):
        parent = rel.rpartition("/")[0]
        if parent not in folders:
            os.makedirs(new_root + parent, exist_ok=True)
            while parent not in folders:
                folders.add(parent)
                parent = parent.rpartition("/")[0]
        if (info := _place(old_root + rel, new_root + rel, files[rel], held.get(rel), rel in present,
                           group)) is not None:
            status[rel] = info


def _same_access(output: Path, staging: Path, folders: set[str]) -> int | None:
    """Give ``staging`` the permissions (its owner's full until `_same_mode`), group and (where allowed) owner
    of the current ``output`` folder.

    The new site takes the output folder's place; a publisher who opened it
    to the web server's group (``chgrp www-data output; chmod 2750 output``)
    keeps that, instead of getting the spare's, an older site's, every
    second build. With the set-group-ID bit (``g+s``), what the build puts
    inside takes that group too, as it would written in place: the
    ``folders`` kept from the spare (relative paths, "" for ``staging``) get
    the group and the bit, so the files and folders made in them inherit
    both, and the group is returned for the files moved in whole
    (`_place`); else None. Nothing when there is no output yet; an owner or
    group the build's user may not give is left as it is.
    """
    try:
        info = os.stat(output)
    except FileNotFoundError:
        return None
    os.chmod(staging, stat.S_IMODE(info.st_mode) | stat.S_IRWXU)  # its own mode at the swap (`_same_mode`)
    for owner in (info.st_uid, -1):  # the owner too when allowed (root); else the group alone
        try:
            os.chown(staging, owner, info.st_gid)
            break
        except PermissionError:
            continue
    if not info.st_mode & stat.S_ISGID:
        return None
    root = _folder_prefix(staging)
    for rel in folders:
        if not rel:
            continue
        try:
            folder = os.lstat(root + rel)
            if folder.st_gid != info.st_gid:
                os.chown(root + rel, -1, info.st_gid)
            if not folder.st_mode & stat.S_ISGID:
                os.chmod(root + rel, stat.S_IMODE(folder.st_mode) | stat.S_ISGID)
        except PermissionError:
            continue
    return info.st_gid


def _same_mode(output: Path, staging: Path) -> None:
    """Give the finished ``staging`` folder the current ``output`` folder's mode exactly, as the last step
    before the swap: until then the build's user may write in it whatever that mode is (`_same_access`)."""
    try:
        os.chmod(staging, stat.S_IMODE(os.stat(output).st_mode))
    except FileNotFoundError:
        pass


def _withdraw(spare: Path, paths: list[str]) -> None:
    """Remove from the spare, the site before this one, the files whose bytes the new site no longer publishes.

    Takes the relative paths changed or removed by the swap. What is left
    in the spare is then the same as what is published (hard links to it,
    mostly): a page withdrawn or mended, still readable in a spare kept
    inside a served folder (``/.output.spare/…``), is gone with the swap, not
    at the next build. The next build would replace these files anyway.
    Raises nothing: the site is published.
    """
    root = _folder_prefix(spare)
    for rel in paths:
        try:
            os.unlink(root + rel)
        except OSError:
            pass


def _drop(path: Path, out_of_the_way: Path) -> None:
    """Remove ``path`` (a folder: renamed to ``out_of_the_way`` first, then deleted; links never followed)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        os.replace(path, out_of_the_way)
        shutil.rmtree(out_of_the_way, ignore_errors=True)
    else:
        os.unlink(path)


def _take_spare(spare: Path, staging: Path) -> bool:
    """Rename the spare to ``staging`` when it is a plain folder: True. False when there is none.

    Anything else in the spare's place (a file, a link) is removed, never followed.
    """
    try:
        info = os.lstat(spare)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(info.st_mode):
        os.rename(spare, staging)
        return True
    os.unlink(spare)
    return False


def _tidy(staging: Path, files: Mapping[str, FileData]) -> tuple[set[str], set[str]]:
    """Remove from a reused staging folder every entry that ``files`` has no place for.

    Kept: the folders that hold a file of ``files``, and the regular files
    at paths of ``files``. Everything else goes, links unfollowed. Returns
    the regular files and the folders left (relative posix paths; "" is
    ``staging`` itself). Raises `OSError` when the folder cannot be listed
    or an entry cannot be removed.
    """
    wanted = {""}
    for rel in files:
        parent = rel.rpartition("/")[0]
        while parent not in wanted:
            wanted.add(parent)
            parent = parent.rpartition("/")[0]
    regular, folders, others = _scan(staging)
    present = regular & files.keys()
    kept_folders = folders & wanted
    kept_folders.add("")
    root = _folder_prefix(staging)
    # Deepest first: a folder that goes is empty by the time it is reached.
    for rel in sorted([*(regular - present), *(folders - wanted), *others], reverse=True):
        if rel in folders:
            os.rmdir(root + rel)
        else:
            os.unlink(root + rel)
    return present, kept_folders


def _scan(folder: Path) -> tuple[set[str], set[str], list[str]]:
    """Every entry under ``folder`` by relative posix path: the regular files, the folders and the others.

    Links are others and are not followed; the kind of each entry comes
    from the folder listing, without a system call per entry. Raises
    `OSError` when a folder cannot be listed.
    """
    regular: set[str] = set()
    folders: set[str] = set()
    others: list[str] = []
    for rel, entry in _walk(folder):
        if entry.is_dir(follow_symlinks=False):
            folders.add(rel)
        elif entry.is_file(follow_symlinks=False):
            regular.add(rel)
        else:
            others.append(rel)
    return regular, folders, others


def _place(old: str, new: str, data: FileData, held: Identity | None, present: bool,
           group: int | None = None) -> os.stat_result | None:
    """Put one file at ``new`` in the staging folder; ``old`` is its path in the current site.

    ``held`` is the identity of ``old`` when it already holds the data: the
    staging file is then that file, linked (or copied) unless it already
    is. ``present`` says a regular file is at ``new`` already; it is
    replaced, never opened for writing. ``group``: the group a file moved
    in whole (a `Path`) is given, as one made in the folder takes it
    (`_same_access`). Returns the ``lstat`` of ``new`` when it already was
    that file and was left as it is (nothing after changes it: the swap
    renames folders only), else None.
    """
    if held is not None:
        if present:
            info = os.lstat(new)
            if (info.st_dev, info.st_ino) == held:
                return info
            os.unlink(new)
        _link_or_copy(old, new)
        return None
    if isinstance(data, Path):
        try:
            os.replace(data, new)  # a rename on the same disk
            if group is not None:
                try:
                    os.chown(new, -1, group)
                except PermissionError:
                    pass
            return None
        except OSError as failure:
            if failure.errno != errno.EXDEV:
                raise
        if present:
            os.unlink(new)
        _copy_new(data, new)
        os.unlink(data)
        return None
    if present:
        os.unlink(new)
    with open(new, "xb") as handle:
        handle.write(data)
    return None


def _link_or_copy(source: Path | str, target: Path | str) -> None:
    """Hard-link ``source`` at ``target``; copy it where links cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        _copy_new(source, target)


def _copy_new(source: Path | str, target: Path | str) -> None:
    """Copy ``source`` to a new file ``target`` with its times; `FileExistsError` when ``target`` exists."""
    with open(source, "rb") as reading, open(target, "xb") as writing:
        shutil.copyfileobj(reading, writing)
    shutil.copystat(source, target)


def _walk(folder: Path, under: str = "", *, strict: bool = True) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Yield ``(relative posix path, os.DirEntry)`` for every entry under ``folder`` (or its subfolder ``under``).

    Enters folders, never links. A folder that cannot be listed raises
    `OSError`, or is skipped when ``strict`` is False. Uses os.scandir with
    str paths: a site has a folder per page, the kind of an entry comes with
    the listing, and path objects would cost more than the system calls.
    """
    pending = [(under, _folder_prefix(folder) + under if under else os.fspath(folder))]
    while pending:
        current, path = pending.pop()
        prefix = f"{current}/" if current else ""
        try:
            listing = os.scandir(path)
        except OSError:
            if strict:
                raise
            continue
        with listing:
            for entry in listing:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((rel, entry.path))
                yield rel, entry


def _list_files(folder: Path, under: str = "", *, links: bool = False) -> set[str]:
    """Relative posix paths of the files under ``folder`` (or its subfolder ``under``), manifest aside.

    A link to a file counts as a file; links to folders are not followed;
    with ``links``, every symbolic link counts as one entry, whatever it
    points to (to a folder, or to nothing). A folder that cannot be read is
    skipped.
    """
    found: set[str] = set()
    for rel, entry in _walk(folder, under, strict=False):
        if links and entry.is_symlink():
            found.add(rel)
        elif entry.name != MANIFEST and entry.is_file():
            found.add(rel)
    return found


def _carry_over_foreign_files(output: Path, staging: Path, written_before: set[str],
                              written_now: set[str]) -> None:
    """Put into ``staging`` the files of ``output`` that no build of sitegen wrote, as they are.

    A regular file is linked (or copied); a symbolic link stays a link to
    the same place (a publisher's link to a folder of downloads, say), so
    nothing outside the output is copied in and nothing the publisher made
    is lost. Where the new site has a file or folder of its own, the site's wins.
    """
    if not output.is_dir():
        return
    for rel in sorted(_list_files(output, links=True) - written_before - written_now):
        source, target = output / rel, staging / rel
        if os.path.lexists(target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            _link_or_copy(source, target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False when not available."""
    import ctypes.util  # only here: the up-to-date check, which imports this module, never swaps

    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _swap(output: Path, staging: Path, spare: Path) -> None:
    """Put ``staging`` in the place of ``output``; the old site becomes the spare."""
    if not output.exists():
        os.replace(staging, output)
        return
    if _exchange(staging, output):
        _keep_as_spare(staging, spare)  # staging now holds the old site
        return
    retired = output.parent / f"{RETIRED.format(name=output.name)}{os.getpid()}"
    os.replace(output, retired)
    try:
        os.replace(staging, output)
    except BaseException:
        os.replace(retired, output)
        raise
    _keep_as_spare(retired, spare)


def _keep_as_spare(folder: Path, spare: Path) -> None:
    """Rename ``folder`` (an old or half-made site) to the spare; remove it when that fails.

    Does nothing when ``folder`` is gone. Raises nothing: the site is
    already published, or the failure that led here is the one to report.
    """
    if not os.path.isdir(folder) or os.path.islink(folder):
        return
    try:
        os.rename(folder, spare)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
