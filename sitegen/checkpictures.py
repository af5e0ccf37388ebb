"""Integrity rules over pictures: every picture a page shows, in its front matter or in its text,
must be a file under content/ that is not damaged, too heavy or hot-linked from another site.

Job: `check_images`, `check_body_images`, `check_typed_pictures` and
`check_failed_images` (for a page that failed to load), with the hints that
name the file most likely meant.

May import: lazyre, errors, load (record types only), models, markup, pictures, webaddress (and the standard
library).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote

from .errors import Report
from .lazyre import compile_later
from .load import Document, YamlData
from .markup import (is_local_path, local_file_name, outside_fences, place_in_block, places_typed, swallowed_title,
                     text_blocks, typed_images, typed_lazy_picture, typed_links)
from .models import QUOTE_MARKS, clip, is_external_address
from .pictures import (DAMAGED_HINT, damaged_message, heavy_problem, image_size, looks_damaged, picture_file, site_path,
                       unshown_problem)
from .webaddress import (ADDRESS_SIGNS, address_slip, after_base_path, half_width_address, hotlink_platform,
                         signs_in_name_hint, split_address, untitled_hint, words_after_path)


_IMAGE_HINT = "put the file under content/ and give its path from there, e.g. images/baihe-1.svg"
_PATH_QUOTES = QUOTE_MARKS + "\"'"
"""Quotes typed around a picture's path that stay part of it: an input method's (`sitegen.models.QUOTE_MARKS`),
and a lone ASCII one (a pair YAML removes)."""
_WEB_SCHEMES = ("http:", "https:")
_ESCAPE_RE = compile_later(r"%[0-9A-Fa-f]{2}")
_LINE_BREAK_RE = compile_later(r"[ \t]*\n[ \t]*")


def _local_hint(src: str) -> str:
    """The hint for a picture named by a path on the editor's computer: copy it in, with its own name."""
    return (f"copy the picture into content/images/ and write its path from there, "
            f"e.g. images/{local_file_name(src)} "
            "(a path on your own computer cannot be seen by readers)")


def _image_hint(root: Path, src: str) -> str:
    """The hint for an image path that names no file, for the slip it most likely is."""
    unquoted = src.strip(_PATH_QUOTES)
    if unquoted != src and unquoted:
        # src: “images/a.svg” (the quotes an input method types): YAML quotes only with " and '.
        ends = src[:len(src) - len(src.lstrip(_PATH_QUOTES))] + src[len(src.rstrip(_PATH_QUOTES)):]
        quotes = " ".join(dict.fromkeys(ends))
        said = f"the quote {quotes} is" if len(quotes) == 1 else f"the quotes {quotes} are"
        return f"{said} part of the path as typed: write the path without {'it' if len(quotes) == 1 else 'them'}: " \
               f"{unquoted}"
    named = posixpath.normpath("/" + src.strip().lstrip("/"))
    if any(sign in named for sign in ADDRESS_SIGNS) and (root / "content" / named.lstrip("/")).is_file():
        return signs_in_name_hint(src.strip(), named, use="write its path", what="path")
    meant = _meant_picture(root / "content", src)  # the whole path mended, when more than one slip is in it
    if "\\" in src:
        return f"write / between folders, not \\ (as Windows shows paths): {meant or src.replace(chr(92), '/')}"
    if "／" in src:
        return f"write the folder sign / in half width (半角), not ／: {meant or src.replace('／', '/')}"
    path = picture_file(root / "content", src)
    named = _named_but_for_case(root / "content", path) if path is not None else None
    if named is not None:
        return f"the file is {named}: write it with the same capital and small letters (大小写)"
    written = split_address(src).path.lstrip("./")
    if written.startswith("content/") and (root / written).is_file():
        return f"the path is read from content/, so leave it out: {written.removeprefix('content/')}"
    ending = _with_ending(root / "content", path) if path is not None and not path.suffix else None
    if ending is not None:
        return (f"the file is {ending}: write its name with its ending (扩展名), which Windows hides "
                "(查看 → 文件扩展名 shows it)")
    other = _other_ending(path) if path is not None and path.suffix else None
    if other is not None:  # images/a.jpg for images/a.svg
        return (f"the file is {other.relative_to(root / 'content').as_posix()}: write its ending (扩展名) as it is, "
                f"{other.suffix}, not {path.suffix}")
    if meant is not None:  # signs typed in full width (．), capitals and no ending at once …
        return f"the file is {meant}: write its path as it is: {meant}"
    close = _close_file(root / "content", path) if path is not None else None
    if close is not None:
        return f"did you mean {close}?"
    elsewhere = _same_name_elsewhere(root, path) if path is not None and path.suffix else None
    if elsewhere is not None:  # beside the page, or in the site folder's own images/
        return elsewhere
    if path is not None and path.suffix and path.is_relative_to(root / "content"):
        # Typed right, by all signs: the file itself is gone (deleted, renamed, or never copied in).
        return (f"there is no file {path.relative_to(root).as_posix()}: copy the picture there; if it was "
                "deleted or renamed, restore it (回收站, the recycle bin) or write its new name here")
    return _IMAGE_HINT


def _same_name_elsewhere(root: Path, path: Path) -> str | None:
    """The hint for a picture path whose file, by its name, is in another folder of the site; None when none is.

    Takes the site folder and the file the path names (``content/yishi.png``). Looked for: the folders of
    content/ (a picture saved beside its page, ``content/interviews/yishi.png``: a path is read from content/,
    not from the page's folder) and the site folder itself and its ``images/`` (pictures put beside
    content/ rather than in it, where nothing is published). The first found, in that order, is named.
    """
    content = root / "content"
    found = next((candidate for candidate in sorted(content.rglob(path.name)) if candidate.is_file()), None)
    if found is not None:
        rel = found.relative_to(content).as_posix()
        return (f"the file is {found.relative_to(root).as_posix()}: a path is read from content/, not from the "
                f"page's folder: write {rel} (or move the file into content/images/ and write images/{path.name})")
    outside = next((candidate for candidate in (root / path.name, root / "images" / path.name)
                    if candidate.is_file()), None)
    if outside is not None:
        return (f"the file is {outside.relative_to(root).as_posix()}, outside content/, where nothing is published: "
                f"move it into content/images/ and write images/{path.name}")
    return None


def _meant_picture(content: Path, src: str) -> str | None:
    """The path from ``content`` of the one picture file ``src`` names but for slips, or None.

    The slips: quotes around it, \\ between folders, signs typed in full width (．, ／: read as NFKC) or
    a Chinese full stop for the dot (。), spaces around a folder's or the file's name,
    other capitals (in folders and name), content/ or ./ in front, the name's ending left out
    (``Images\\Baihe-caomei`` → ``images/baihe-caomei.svg``). None when no file or two files are it.
    """
    typed = unicodedata.normalize("NFKC", src.strip(_PATH_QUOTES)).replace("\\", "/").replace("。", ".")
    parts = [part.strip() for part in typed.split("/") if part.strip() not in ("", ".")]
    if parts and parts[0].casefold() == "content":
        parts = parts[1:]
    folder = content
    for part in parts[:-1]:
        found = _one_named(folder, part.casefold(), lambda entry: entry.is_dir(), with_ending=False)
        if found is None:
            return None
        folder = folder / found
    name = _one_named(folder, parts[-1].casefold(), lambda entry: entry.is_file(), with_ending=True) if parts else None
    return (folder / name).relative_to(content).as_posix() if name is not None else None


def _one_named(folder: Path, folded: str, kind: Callable[[os.DirEntry[str]], bool], *,
               with_ending: bool) -> str | None:
    """The one entry of ``folder`` of ``kind`` whose name, in any capitals and either width of its signs
    (NFKC: a file saved as 路灯（1）.png for 路灯(1).png typed), or, ``with_ending``, without its ending, is
    ``folded`` (NFKC, case-folded); None for none or two."""
    try:
        with os.scandir(folder) as entries:
            found = [entry.name for entry in entries if kind(entry) and (
                _folded(entry.name) == folded
                or (with_ending and _folded(os.path.splitext(entry.name)[0]) == folded))]
    except OSError:
        return None
    exact = [name for name in found if _folded(name) == folded]
    return (exact or found)[0] if len(exact or found) == 1 else None


def _folded(name: str) -> str:
    """A file or folder name as `_one_named` compares it: NFKC (full-width signs as half-width), case-folded."""
    return unicodedata.normalize("NFKC", name).casefold()


def _close_file(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the file in ``path``'s folder whose name is closest to it (a typo), or None."""
    try:
        names = sorted(name for name in os.listdir(path.parent) if (path.parent / name).is_file())
    except OSError:
        return None
    import difflib  # only here: a hint for a missing image, which most builds never give

    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.8)
    return (path.parent / close[0]).relative_to(content).as_posix() if close else None


def _with_ending(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the one file named as ``path`` is, with an ending (a.svg for a), or None."""
    found = _other_ending(path)
    return found.relative_to(content).as_posix() if found is not None else None


def _other_ending(path: Path) -> Path | None:
    """The one file named as ``path`` (which is not there) but for its ending, or with one where it has none:
    ``a.svg`` for ``a.jpg`` or ``a``; or None, also for a path whose "ending" is no file ending (``a.svg 白鹤``: a
    title typed after the path, told apart)."""
    if path.suffix and not re.fullmatch(r"\.[A-Za-z0-9]{1,5}", path.suffix):
        return None
    try:
        found = [name for name in os.listdir(path.parent) if os.path.splitext(name)[0] == path.stem != name]
    except OSError:
        return None
    return path.parent / found[0] if len(found) == 1 and (path.parent / found[0]).is_file() else None


def _named_but_for_case(content: Path, path: Path) -> str | None:
    """The path from ``content`` of the file that ``path`` names but for capital and small letters, or None."""
    current, names = content, []
    for part in path.relative_to(content).parts:
        if not (current / part).exists():
            try:
                part = next(name for name in sorted(os.listdir(current)) if name.lower() == part.lower())
            except (OSError, StopIteration):
                return None
        names.append(part)
        current = current / part
    return "/".join(names) if current.is_file() else None


def _picture_problem(root: Path, src: str, *, damaged: bool = True, base: str = "/") -> tuple[str, str] | None:
    """What is wrong with a page's image path, ``(message, hint)``, or None.

    A path must name a file under content/ (percent-escapes decoded, as
    `sitegen.pictures.picture_file` reads it); an address elsewhere must
    be http(s) with a host. A Windows path (``C:\\…``, ``\\\\server\\…``) or
    ``file:`` address names a file on the editor's computer or network,
    which readers cannot see. A file in a format browsers do not show
    (HEIC, TIFF …: `sitegen.pictures.unshown_problem`) is told with the
    format to save it in. ``damaged`` False leaves out the checks of the
    file's content: its format, and that a raster picture's size can be read. ``base`` is the path of
    base_url, decoded (``/qingpu/diaoyan/``): a path typed with it that names a file without it is told so
    (`_base_path_picture`).
    """
    if is_local_path(src) or src.startswith("\\\\"):  # a network share (\\server\…) is one too
        return f'image "{src}" is a file on your computer, not on the site', _local_hint(src)
    if src.startswith("//"):
        return f'image "{src}" has no https: in front', f"write the whole address: https:{src}"
    if "\n" in src:  # the published page asks for a name holding the line break (%0A): no file has it
        return (f'image "{src.replace(chr(10), " ")}" is broken over two lines (换行), so the picture is missing',
                f"write the path on one line: {_LINE_BREAK_RE.sub('', src)}")
    slip = address_slip(src) if is_external_address(half_width_address(src)) else None
    if slip is not None:
        return f'image "{src}" {slip.message}', slip.hint
    if is_external_address(src):
        if src.lower().startswith(_WEB_SCHEMES) and split_address(src).netloc:
            return None
        if src.lower().startswith(_WEB_SCHEMES):
            return (f'image "{src}" is not a full web address', "write it as https://host/path, "
                    "e.g. https://example.org/a.png (two slashes after https:)")
        return (f'image "{src}" is not a picture address',
                "give a file under content/ (images/a.png) or an https:// address")
    if "\x00" in site_path(src):
        return (f'image "{src}" holds a zero character ("%00"), which no file name can hold',
                'delete the "%00" from the path')
    content = (root / "content").resolve()
    path = picture_file(content, src)
    if path is None or not path.resolve().is_relative_to(content) or not path.is_file():
        escape = _ESCAPE_RE.search(split_address(src).path)
        if escape and (content / posixpath.normpath("/" + split_address(src).path).lstrip("/")).is_file():
            return (f'image "{src}": browsers read the "{escape.group()}" in the file\'s name as an escape '
                    f'("{unquote(escape.group())}"), so they would not find the file',
                    'rename the file without "%" in its name (文件名中不要有 %), e.g. with "-", '
                    "and write that name")
        return _base_path_picture(content, src, base) or (f'image "{src}" not found', _image_hint(root, src))
    if damaged and (unshown := unshown_problem(src, path)) is not None:
        return unshown
    if damaged and looks_damaged(src, image_size(path), path):
        return damaged_message(src), DAMAGED_HINT
    return None


def _base_path_picture(content: Path, src: str, base: str) -> tuple[str, str] | None:
    """The message and hint for a picture's path typed with the path of base_url (``base``, decoded), as copied
    from the browser's address bar (``/qingpu/diaoyan/images/a.svg``), when the rest names a file under
    ``content``; None otherwise. The hint keeps the path's ``?…#…``."""
    rest = after_base_path(site_path(src), base)
    if rest is None:
        return None
    path = content / posixpath.normpath(rest).lstrip("/")
    if not path.is_file() or not path.resolve().is_relative_to(content):
        return None
    parts = split_address(src.strip())
    kept = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
    return (f'image "{src}" starts with the path of base_url ({base}), but a picture\'s path is read from '
            f"content/, as from the site's root (sitegen adds that path where the site is published): the file is "
            f"content/{path.relative_to(content).as_posix()}",
            f"write it without {base.rstrip('/')}: {rest}{kept} (it then shows at whatever address the site is "
            "published)")


def check_failed_images(path: str, front_matter: YamlData, root: Path, report: Report, base: str = "/") -> None:
    """The picture check of `check_images`, for a page whose front matter has errors of its own.

    Takes the page's path, its parsed front matter, the site folder, the
    report and the path of base_url, decoded (`_picture_problem`). Every ``images``
    item with a ``src`` text is checked as `check_images` checks it, so an
    editor learns of a missing picture together with the error that
    stopped the page, not only after fixing that. Other items are skipped
    (the errors already name them).
    """
    images = front_matter.value.get("images") if isinstance(front_matter.value, dict) else None
    for index, image in enumerate(images if isinstance(images, list) else []):
        src = image.get("src") if isinstance(image, dict) else None
        problem = (_picture_problem(root, src.strip(), damaged=False, base=base)
                   if isinstance(src, str) and src.strip() else None)
        if problem is not None:
            report.error(path, *front_matter.locate(("images", index, "src")), *problem)


def _heavy_picture(root: Path, src: str) -> tuple[str, str] | None:
    """`sitegen.pictures.heavy_problem` for the file under content/ a page's image path ``src`` names; None for an
    address elsewhere or a file that is not there (told as such)."""
    path = picture_file((root / "content").resolve(), src)
    if path is None or not path.is_file():
        return None
    return heavy_problem(src, path, image_size(path))


def _hotlinked(src: str, lazy: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """``(message, hint)`` for a picture address on a platform that shows it only on its own pages
    (`sitegen.webaddress.hotlink_platform`), or None. ``lazy`` is ``(attribute, alt)`` for an ``<img>`` whose
    address was typed in an attribute of lazy loading, not in src (``data-src``, as WeChat's pages write it:
    `sitegen.markup.lazy_picture`), which leaves the picture out of the page; ``alt`` is its description as
    typed, offered in the ``<img>`` of the hint."""
    platform = hotlink_platform(src)
    if platform is None:
        return None
    if lazy is None:
        shown, example = "readers of this site would see a notice in its place", "e.g. images/baihe-1.jpg"
    else:
        shown = (f"its address is in {lazy[0]}, which browsers do not read, so it was left out (in src, readers "
                 "would see a notice in its place)")
        alt = html.escape(html.unescape(lazy[1]), quote=True).strip() or "图片说明"
        example = f'in src, e.g. <img src="images/baihe-1.jpg" alt="{alt}">'  # in src: a stand-in may be there
    return (f'image "{clip(src)}" is on the servers of {platform}, which show it on their own pages only: {shown}',
            "save the picture (长按图片 → 保存, or right-click → 另存为) into content/images/ and write its path "
            f"from there, {example}")


def check_images(document: Document, root: Path, report: Report, base: str = "/") -> None:
    """Front matter images must be files under content/ (or https:// addresses); a missing one is an
    error at its ``src``, and so is one in a format browsers do not show (``photo.heic``), a damaged one a
    warning (see `_picture_problem`), reported with the errors of the build. A picture too heavy for phones
    (`sitegen.pictures.heavy_problem`: over 1 MB, over 24 million pixels, or over 3,200 pixels wide and 400 KB)
    is a warning, and so is an image without alt text (WCAG 1.1.1). ``base`` is the path of base_url, decoded
    (`_picture_problem`)."""
    for index, image in enumerate(document.meta.images):
        problem = _picture_problem(root, image.src, base=base)
        if problem is not None:
            line, column = document.yaml.locate(("images", index, "src"))
            damaged = problem == (damaged_message(image.src), DAMAGED_HINT)  # readers see it broken: a warning
            (report.warning if damaged else report.error)(document.path, line, column, *problem)
        elif (hotlinked := _hotlinked(image.src)) is not None:  # readers see a notice: a warning
            report.warning(document.path, *document.yaml.locate(("images", index, "src")), *hotlinked)
        elif (heavy := _heavy_picture(root, image.src)) is not None:
            report.warning(document.path, *document.yaml.locate(("images", index, "src")), *heavy)
        if not image.alt.strip():
            line, column = document.yaml.locate(("images", index))
            report.warning(document.path, line, column, f'image "{image.src}" has no description (alt text)',
                           "add alt: with a short description of the picture (图片说明) for readers who cannot see it")


_IMG_TAG_RE = compile_later(r"<img", re.IGNORECASE)


def _body_pictures(block: str) -> Iterator[tuple[int, str, tuple[str, str] | None]]:
    """``(index, path, lazy)`` of each picture in lines of a body (`text_blocks`), Markdown or HTML, as the
    page will show it; ``lazy`` is None but for an ``<img>`` without src, or with a stand-in there (WeChat's
    ``data:image/svg+xml,…``), whose address is typed in an attribute of lazy loading (data-src or data-srcset,
    as WeChat's pages write it, picked as the conversion picks it: `sitegen.markup.typed_lazy_picture`):
    ``(attribute, alt)``, the attribute's name and the ``<img>``'s alt as typed ("" without one).

    A Markdown picture's path is read as Python-Markdown reads it
    (`sitegen.markup.typed_links`): ``images/草莓 (1).jpg`` whole. A title
    typed in quotes Markdown does not read (``"白鹤草莓”``) is left out: the
    conversion warns of it, and the path meant is checked here. An ``<img>``
    is read as browsers read it (`sitegen.markup.typed_images`).
    """
    for link in typed_links(block):
        if link.picture and link.address:
            swallowed = swallowed_title(link.address)
            yield link.address_start, swallowed[0] if swallowed else link.address, None
    for attributes in typed_images(block):
        typed = {attribute.name: attribute for attribute in reversed(attributes)}  # the first of a name counts
        if (lazy := typed_lazy_picture(attributes)) is not None:
            yield lazy[0], lazy[1], (lazy[2], typed["alt"].value if "alt" in typed else "")
        elif "src" in typed and typed["src"].value:
            yield typed["src"].value_start, typed["src"].value, None


def _untitled_hint(root: Path, src: str) -> str | None:
    """The hint for a path that is a picture's file, a space and more (``images/a.svg 白鹤草莓``): a title typed
    without quotes, which Markdown reads as part of the path; None for any other path."""
    typed = words_after_path(src)
    if typed is None or is_external_address(typed[0]) or _picture_problem(root, typed[0], damaged=False) is not None:
        return None
    return untitled_hint(*typed, "picture")


def check_typed_pictures(path: str, body: str, body_line: int, root: Path, report: Report,
                         base: str = "/") -> set[str]:
    """The picture check of `check_body_images` for the pictures typed in a page's text with their paths.

    Takes the page's path, its text and the file line the text starts at,
    the site folder, the report and the path of base_url, decoded
    (`_picture_problem`); returns the paths found. Used for a page whose front matter has errors
    too (`sitegen.load.FailedPage`), so that a missing picture is told in
    the same run as those errors, not after they are mended.
    """
    typed: set[str] = set()
    for first, block in text_blocks(outside_fences(body.split("\n"), body_line)):
        for index, src, lazy in _body_pictures(block):
            typed.add(src)
            if lazy is not None:  # left out of the page, as the conversion warns, but for a platform's, told here
                if (hotlinked := _hotlinked(src, lazy)) is not None:
                    report.warning(path, *place_in_block(first, block, index), *hotlinked)
                continue
            # An address elsewhere (https:, data:) is not checked, but for a platform's that readers would not see.
            problem = _hotlinked(src) if is_external_address(src) else _picture_problem(root, src, base=base)
            if problem is not None and (untitled := _untitled_hint(root, src)) is not None:
                problem = problem[0], untitled
            if problem is None and not is_external_address(src):
                problem = _heavy_picture(root, src)
            if problem is not None:
                tell = report.error if _slip_of_a_file(root, src) else report.warning
                tell(path, *place_in_block(first, block, index), *problem)
    return typed


def check_body_images(document: Document, root: Path, report: Report, base: str = "/") -> None:
    """An image in a page's text must be a file under content/, like the images of its front matter.

    Finds ``![说明](path)``, ``<img src="path">`` and the address of a
    picture defined apart (``![说明][图1]`` with ``[图1]: path``) in the body as typed
    (not in fenced code blocks) and resolves the path as the page will
    (`_body_pictures`): relative paths from the site root
    (`sitegen.models.site_image_path`), percent-escapes decoded. An address with a scheme (``https:``,
    ``data:``) is not checked here (the Markdown conversion removes the
    unsafe ones, with a warning), except a picture on a platform that shows
    it on its own pages only (WeChat's mmbiz.qpic.cn: `_hotlinked`), also one typed in data-src, as WeChat's
    pages write it, with no src or a stand-in there (``data:image/svg+xml,…``), which the page leaves out (the
    conversion tells any other). A missing or damaged file, or one in a
    format browsers do not show (HEIC, TIFF: `sitegen.pictures.unshown_problem`), is a warning
    at its line and column, not an error as in front matter: text pasted
    from other sites often carries images that were never files here, and
    the page should still be published. A path that misses its file only by
    a slip, the file being there (`_slip_of_a_file`), is an error: that
    picture is meant, and the page would show it broken. ``base`` is the path
    of base_url, decoded: a path typed with it (copied from the browser's
    address bar) is told to be written without it (`_picture_problem`).
    """
    if "![" not in document.body and not _IMG_TAG_RE.search(document.body):
        return  # most pages: no image in the text, no line to look at
    typed = check_typed_pictures(document.path, document.body, document.body_line, root, report, base)
    # A picture whose path is defined apart (![草莓][图1], then [图1]: images/a.svg) is none of the above: its
    # path is found in the page as converted, and the warning stands where the path is typed.
    for src in dict.fromkeys(document.rendered.images):
        if src in typed or is_external_address(src) or (where := _defined_at(document, src)) is None:
            continue
        if (problem := _picture_problem(root, src, base=base)) is not None:
            report.warning(document.path, *where, *problem)


def _slip_of_a_file(root: Path, src: str) -> bool:
    """True when the picture path ``src`` names no file only by a slip and the file meant is under content/:
    typed in quotes (“images/a.svg”), with Windows' \\ or a full-width ／ between folders, in other capitals,
    from the site folder (content/images/a.svg), without its ending (images/a) or with another (images/a.jpg for
    images/a.svg), as `_image_hint` tells them."""
    for meant in (src.strip(_PATH_QUOTES), src.replace("\\", "/"), src.replace("／", "/")):
        if meant and meant != src and _picture_problem(root, meant, damaged=False) is None:
            return True
    content = root / "content"
    if not is_external_address(src) and _meant_picture(content, src) is not None:
        typed = picture_file(content, src)
        if typed is None or not typed.is_file():  # a file found as typed: its problem is another (damaged)
            return True
    path = picture_file(content, src)
    if path is None or path.is_file():  # a file found: its problem is another (damaged), no slip
        return False
    written = split_address(src).path.lstrip("./")
    return (_named_but_for_case(content, path) is not None
            or (written.startswith("content/") and (root / written).is_file())
            or (not path.suffix and _with_ending(content, path) is not None)
            or (bool(path.suffix) and _other_ending(path) is not None))


def _defined_at(document: Document, src: str) -> tuple[int, int] | None:
    """The file line and column of ``src`` typed as a link definition's address (``[图1]: images/a.svg``), outside
    fenced code; None when it is typed nowhere so (a picture typed with its path is checked as typed)."""
    return next(((number, column) for number, column, before
                 in places_typed(outside_fences(document.body.split("\n"), document.body_line), src)
                 if before.rstrip(" <").endswith("]:")), None)
