"""The theme's templates as the build uses them: which file holds each name, and its text, decoded.

A site's ``templates/`` overrides the default theme file by file, so a
template's name (``partials/lists.html``) is read from the first folder
holding it, as Jinja's loader finds it. Its bytes are decoded as content
files are (`sitegen.sources.decode_source`): UTF-8, with a byte-order mark
dropped (Notepad writes one, and it would land in the middle of a page as
an invisible character), or GBK/GB18030 with a warning (Windows editors in
China save "ANSI" so), so a template saved either way renders the same. A
template that is no text at all is an error at its file, never a traceback.

May import: lazyre, errors, sources, validation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, Sequence

from .errors import Report
from .lazyre import compile_later
from .sources import ENCODING_HINT, decode_source
from .validation import edit_distance

ASSETS_FOLDER = "assets"
"""The folder of a template folder whose files are published as they are, not templates (``templates/assets/``)."""
TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".j2", ".jinja", ".jinja2")
"""The endings of the files read as templates: a note (``README.md``) or a copy kept aside (``unit.html.bak``,
``base.html~``) beside them is no template, and is neither checked nor compiled."""


def blanked(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with what ``pattern`` matches (comments, a script's text) made spaces, its line ends kept: every
    other character stays at its line and column, so a position found in the result is the one typed."""
    return pattern.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)


def used_templates(folders: Sequence[Path]) -> dict[str, Path]:
    """``{template name: its file}`` for every template the build may use, in name order.

    Takes the template folders in lookup order (`sitegen.render.theme_dirs`:
    the site's own, then the default theme); a name is taken from the first
    folder holding it. Only files with a template's ending count
    (`TEMPLATE_SUFFIXES`); files under ``assets/`` (published as they are)
    and hidden files and folders are left out. Raises nothing; a folder that is
    missing gives nothing.
    """
    used: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            name = "/".join(parts)
            if (parts[0] == ASSETS_FOLDER or any(part.startswith(".") for part in parts) or name in used
                    or not name.lower().endswith(TEMPLATE_SUFFIXES)):
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

    A theme's text file is published byte for byte, and browsers read a
    stylesheet or script without a byte-order mark as UTF-8 (the encoding
    of the page that loads it; an SVG as XML, UTF-8 unless it says
    otherwise): a ``.css``, ``.js`` or ``.svg`` saved as GBK/GB18030 gets a
    warning at ``templates/<output path>``, since its Chinese text (a font
    name such as 微软雅黑, a ``content:`` text) would reach readers garbled.
    One with a UTF-16 byte-order mark is read as browsers read it. The
    stylesheets' text is returned so that their links are checked (a GBK
    one read as GB18030). A file that cannot be read is left out. Raises
    nothing.
    """
    texts: dict[str, str] = {}
    for output, path in sorted(files.items()):
        kind = _BROWSER_TEXT.get(path.suffix.lower())
        if kind is None:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16", "replace")
        else:
            try:
                text = data.decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError:
                report.warning(f"templates/{output}", None, None,
                               f"the {kind} is not saved as UTF-8 (GBK/GB18030, as Windows editors save \"ANSI\"): "
                               "browsers read it as UTF-8, so its Chinese text, such as a font's name, comes out "
                               "garbled", ENCODING_HINT)
                text = data.decode("gb18030", "replace").removeprefix("\ufeff")
        if kind == "stylesheet":
            texts[output] = text
    return texts


_BROWSER_TEXT = {".css": "stylesheet", ".js": "script", ".mjs": "script", ".svg": "picture"}
"""The theme's text files browsers read, by ending: what each is called in a message."""


# A text in quotes, as a template names another: {% include 'partials/x.html' %}, ["a.html"], {% set p = "b.html" %}.
_QUOTED_RE = compile_later(r"""(['"])([^'"\n]+)\1""")
# A template named by a value, not in quotes: {% include p %}, {% extends layout ~ ".html" %}.
_NAMED_BY_VALUE_RE = compile_later(r"""\{%-?\s*(?:extends|include|import|from)\s+(?![\['"])""")


def check_override_names(own: Path, default: Path, texts: Mapping[str, str], report: Report) -> None:
    """Warn of a site's theme file whose name misses the default theme's file it was surely meant to replace.

    A site overrides the default theme file by file, by name; a file named
    a little off (``templates/interveiw.html``, ``partials/contacts.html``)
    was used by nothing, silently, and the author believed the change made.
    Takes the site's template folder ``own`` and the default theme's
    ``default`` and the used templates' texts (`read_templates`). Warns at
    each template of ``own`` that the default theme does not have (every
    layout a page uses is one of the default theme's names) and no template
    names in quotes (in an ``extends``/``include``/``import``, a list of
    them, or a ``set`` that one uses; none at all when a template includes
    one named by a value, which may be any),
    when its name is a slip from a default template the site does not
    override (at most 2 letters added, dropped, changed or swapped; 1 for a
    name up to 10 characters, ``base.html``); and at each file of ``own``'s ``assets/``
    whose name differs only in capitals from a default theme file it does
    not replace (``Site.css``: published beside ``site.css``, which the
    pages keep linking; on Windows and macOS the two are one file); and at
    a folder ``Assets/`` (any capitals), whose files are not published.
    Nothing when ``own`` is the default theme. Raises nothing.
    """
    if not own.is_dir() or own.resolve() == default.resolve():
        return
    mine, theirs = used_templates([own]), used_templates([default])
    named = {found.group(2) for text in texts.values() for found in _QUOTED_RE.finditer(text)}
    by_value = any(_NAMED_BY_VALUE_RE.search(text) for text in texts.values())  # any template may be meant
    free = sorted(name for name in theirs if name not in mine)
    for name in mine:
        if name in theirs or name in named or by_value:
            continue
        close = sorted((other for other in free
                        if edit_distance(name.casefold(), other) <= (1 if len(other) <= 10 else 2)),
                       key=lambda other: edit_distance(name.casefold(), other))
        if close:
            report.warning(f"templates/{name}", None, None,
                           f"no page uses this template, and its name is close to the default theme's {close[0]} "
                           "(主题模板): the site's own file replaces the theme's only under the same name",
                           f"to change what {close[0]} shows, rename this file to {close[0]}")
    for folder in sorted(own.iterdir()):
        if folder.is_dir() and folder.name != ASSETS_FOLDER and folder.name.casefold() == ASSETS_FOLDER:
            report.warning(f"templates/{folder.name}", None, None,
                           f"the theme's files are published from templates/{ASSETS_FOLDER}/, in small letters: "
                           f"nothing in templates/{folder.name}/ is published, nor replaces the theme's",
                           f"rename the folder to {ASSETS_FOLDER}")
    theirs_assets = {path.relative_to(default).as_posix() for path in (default / ASSETS_FOLDER).rglob("*")
                     if path.is_file()}
    mine_assets = {path.relative_to(own).as_posix() for path in (own / ASSETS_FOLDER).rglob("*") if path.is_file()}
    by_case = {name.casefold(): name for name in theirs_assets}
    for name in sorted(mine_assets - theirs_assets):
        same = by_case.get(name.casefold())
        if same is not None and same not in mine_assets:
            report.warning(f"templates/{name}", None, None,
                           f"this file differs from the default theme's {same} only in capitals, so it is published "
                           f"beside it, and the pages keep linking the theme's (on Windows and macOS the two names "
                           "are one file)",
                           f"to replace the theme's file, rename this one to {same}")
