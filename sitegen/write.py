"""Publish the output folder atomically: the old site or the new one, never a mix.

The new site is written into a staging folder beside the output folder
(``.output.staging-<pid>``), then swapped in by renames; the old site is
removed afterwards. When writing fails, the staging folder is removed and
the output folder is not touched. Leftovers of a killed build are removed by
the next one. Nothing here knows about pages: it writes ``{path: bytes}``.

May import: errors.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Mapping

STAGING = ".{name}.staging-"
RETIRED = ".{name}.old-"


@dataclass(frozen=True)
class WriteResult:
    """What a publish did: files in the new site, and how many differ from the old one."""

    files: int
    changed: int
    removed: int


class UnsafeOutputError(Exception):
    """The output folder, or a file path in it, could overwrite something that is not the site's output."""


def check_output_folder(output: Path, protected: list[Path]) -> None:
    """Refuse an output folder that would overwrite sources or the system.

    Takes the output folder and the folders it must never be or contain
    (the site root, content/, templates/). Raises `UnsafeOutputError` when
    the output is one of them, a parent of one, the home folder or ``/``.
    """
    output = output.resolve()
    forbidden = [Path("/"), Path.home().resolve(), *(p.resolve() for p in protected)]
    for place in forbidden:
        if output == place or place.is_relative_to(output):
            raise UnsafeOutputError(
                f"refusing to write the site into {output}: it is or contains {place}")


def _safe_relative(path: str) -> PurePosixPath:
    pure = PurePosixPath(path)
    if pure.is_absolute() or any(part in ("", ".", "..") or "\\" in part or "\x00" in part
                                 for part in pure.parts) or not pure.parts:
        raise UnsafeOutputError(f'the output path "{path}" would leave the output folder')
    return pure


def remove_leftovers(output: Path) -> None:
    """Remove staging and retired folders that a killed build left beside ``output``."""
    if not output.parent.is_dir():
        return
    prefixes = (STAGING.format(name=output.name), RETIRED.format(name=output.name))
    for entry in output.parent.iterdir():
        if entry.name.startswith(prefixes) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def publish(output: Path, files: Mapping[str, bytes],
            finish: Callable[[Path], None] | None = None) -> WriteResult:
    """Replace the output folder with exactly ``files``, atomically.

    Takes the output folder and ``{relative posix path: bytes}``, and
    optionally ``finish``, called with the complete staging folder before
    it is swapped in (e.g. to add a search index made from the files). Unchanged
    files are hard-linked from the old site instead of rewritten where the
    file system allows. Returns a `WriteResult`. Raises `UnsafeOutputError`
    for a path that would leave the folder, and `OSError` when writing fails
    (the old output is then left as it was).
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output)
    staging = output.parent / f"{STAGING.format(name=output.name)}{os.getpid()}"
    changed = 0
    try:
        staging.mkdir()
        for path, data in sorted(files.items()):
            relative = _safe_relative(path)
            changed += _write_one(output / relative, staging / relative, data)
        if finish is not None:
            finish(staging)
        removed = _count_removed(output, files)
        _swap(output, staging)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return WriteResult(len(files), changed, removed)


def _write_one(old: Path, new: Path, data: bytes) -> int:
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        if old.is_file() and not old.is_symlink() and old.stat().st_size == len(data) \
                and old.read_bytes() == data:
            os.link(old, new)
            return 0
    except OSError:
        pass
    with open(new, "wb") as handle:
        handle.write(data)
    return 1


def _count_removed(output: Path, files: Mapping[str, bytes]) -> int:
    if not output.is_dir():
        return 0
    old = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    return len(old - set(files))


def _swap(output: Path, staging: Path) -> None:
    retired = output.parent / f"{RETIRED.format(name=output.name)}{os.getpid()}"
    if output.exists():
        os.replace(output, retired)
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)
