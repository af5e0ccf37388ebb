"""The theme's templates as the build uses them: which file holds each name, and its text, decoded.

A site's ``templates/`` overrides the default theme file by file, so a
template's name (``partials/lists.html``) is read from the first folder
holding it, as Jinja's loader finds it. Its bytes are decoded as content
files are (`sitegen.sources.decode_source`): UTF-8, with a byte-order mark
dropped (Notepad writes one, and it would land in the middle of a page as
an invisible character), or GBK/GB18030 with a warning (Windows editors in
China save "ANSI" so), so a template saved either way renders the same. A
template that is no text at all is an error at its file, never a traceback.

May import: errors, sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from .errors import Report
from .sources import ENCODING_HINT, decode_source

ASSETS_FOLDER = "assets"
"""The folder of a template folder whose files are published as they are, not templates (``templates/assets/``)."""


def used_templates(folders: Sequence[Path]) -> dict[str, Path]:
    """``{template name: its file}`` for every template the build may use, in name order.

    Takes the template folders in lookup order (`sitegen.render.theme_dirs`:
    the site's own, then the default theme); a name is taken from the first
    folder holding it. Files under ``assets/`` (published as they are) and
    hidden files and folders are left out. Raises nothing; a folder that is
    missing gives nothing.
    """
    used: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            name = "/".join(parts)
            if parts[0] == ASSETS_FOLDER or any(part.startswith(".") for part in parts) or name in used:
                continue
            if path.is_file():
                used[name] = path
    return dict(sorted(used.items()))


def template_text(data: bytes) -> str:
    """The text a template's bytes render as: `decode_source`'s, else UTF-8 with each bad byte replaced.

    Used by the template loader, which must give Jinja text whatever the
    bytes; the problems of a file that cannot be decoded are told once, by
    `read_templates`, which stops the build before anything renders.
    """
    source = decode_source("template", data, Report())
    return source.text if source is not None else data.decode("utf-8", "replace")


def read_templates(folders: Sequence[Path], report: Report) -> dict[str, str]:
    """``{template name: text}`` of every used template (`used_templates`), decoded as `decode_source` does.

    A template saved as GBK/GB18030 is read, with a warning at
    ``templates/<name>`` saying how to save it as UTF-8; one in UTF-16 or
    bytes no encoding reads is an error there (and is left out). A file that
    cannot be read at all is left out: rendering says why. Raises nothing.
    """
    texts: dict[str, str] = {}
    for name, path in used_templates(folders).items():
        try:
            data = path.read_bytes()
        except OSError:
            continue
        source = decode_source(f"templates/{name}", data, report)
        if source is not None:
            texts[name] = source.text
    return texts


def read_stylesheets(files: Mapping[str, Path], report: Report) -> dict[str, str]:
    """``{output path: text}`` of the theme's stylesheets among ``files``, ``{output path: theme file}``.

    A stylesheet is published byte for byte, and browsers read it as UTF-8
    (the encoding of the page that links it): one saved as GBK/GB18030 gets
    a warning at ``templates/<output path>``, since its Chinese text (a font
    name such as 微软雅黑, a ``content:`` text) would reach readers garbled;
    its text is read as GB18030 here so that its links are still checked.
    A byte-order mark is dropped. A file that cannot be read is left out.
    Raises nothing.
    """
    texts: dict[str, str] = {}
    for output, path in sorted(files.items()):
        if path.suffix.lower() != ".css":
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        try:
            texts[output] = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            report.warning(f"templates/{output}", None, None,
                           "the stylesheet is not saved as UTF-8 (GBK/GB18030, as Windows editors save \"ANSI\"): "
                           "browsers read it as UTF-8, so its Chinese text, such as a font's name, comes out garbled",
                           ENCODING_HINT)
            texts[output] = data.decode("gb18030", "replace").removeprefix("\ufeff")
    return texts
