"""Picture files: where a page's image path points, and the picture's size in pixels.

A page names a picture by a path from ``content/`` (``images/a.png``;
`sitegen.models.site_image_path` gives every spelling's one address). Its
size is read from the file's header, so that the ``<img>`` can carry
``width`` and ``height`` and the browser keeps the picture's place while it
loads. Raster formats are read by the imagesize library. SVG is read here:
only the outermost ``<svg>`` element states the picture's size (imagesize
takes the first ``width``/``height`` anywhere in the file, such as an inner
shape's, when the root has none).

May import: lazyre, models, webaddress (and the standard library, imagesize).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote

from .lazyre import compile_later
from .models import is_external_address, site_image_path
from .webaddress import split_address

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp")
"""Picture files that always state their size: one whose size cannot be read is damaged or misnamed."""

DAMAGED_HINT = "open it in an image viewer and save it again as PNG or JPEG (图片文件可能已损坏)"

UNSHOWN_FORMATS = {
    **dict.fromkeys((".heic", ".heif"), "HEIC/HEIF, the format iPhones save photos in"),
    **dict.fromkeys((".tif", ".tiff"), "TIFF, the format scanners often save in"),
    ".psd": "PSD, Photoshop's own format",
    **dict.fromkeys((".dng", ".raw", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf"),
                    "a camera's raw format (RAW/DNG)"),
    ".jxl": "JPEG XL", **dict.fromkeys((".jp2", ".j2k", ".jpf", ".jpx"), "JPEG 2000"),
}
"""Picture formats that Chrome, Edge and WeChat's browser do not show (Safari alone shows some of them), by
file ending: ``{ending: the format's name, with where such files come from}``. BMP, ICO and AVIF are shown by
every current browser, so they are not here; nor SVG, GIF and WebP."""

_FORMAT_SIGNATURES = (
    (compile_later(rb"....ftyp(?:heic|heix|hevc|hevx|heim|heis|mif1|msf1)", re.DOTALL), ".heic"),
    (compile_later(rb"II\*\x00|MM\x00\*"), ".tif"),
    (compile_later(rb"8BPS"), ".psd"),
)
"""How a file of `UNSHOWN_FORMATS` starts (ISO BMFF brands of HEIF, TIFF's byte orders, PSD's signature), for
one renamed to .jpg or .png: renaming does not change the format, and browsers read the bytes. The general
HEIF brands (mif1, msf1) begin AVIF files too: those are told apart by `_avif`."""
_AVIF_BRANDS = (b"avif", b"avis")
_HEAD_BYTES = 64
"""How much of a file's start is read: the ISO BMFF ``ftyp`` box with its list of compatible brands."""


def _avif(head: bytes) -> bool:
    """True when ``head``, a file's first bytes, opens an ISO BMFF ``ftyp`` box that names an AVIF brand (its
    major brand, or one of its compatible brands, which follow the minor version): every browser shows AVIF."""
    if head[4:8] != b"ftyp":
        return False
    size = int.from_bytes(head[:4], "big")
    brands = [head[8:12]] + [head[at:at + 4] for at in range(16, min(size, len(head)) - 3, 4)]
    return any(brand in _AVIF_BRANDS for brand in brands)


def unshown_format(path: Path) -> str | None:
    """The name of the format of the picture file at ``path`` when browsers do not show it, else None.

    By its ending (`UNSHOWN_FORMATS`: ``photo.heic``, ``scan.tif``), or, for
    a file named as a format browsers show (.jpg, .png …), by its first
    bytes (`_FORMAT_SIGNATURES`: an iPhone photo renamed ``photo.jpg``). A
    file that cannot be read gives None (a missing one is reported as such).
    Raises nothing.
    """
    named = UNSHOWN_FORMATS.get(path.suffix.lower())
    if named is not None or path.suffix.lower() not in RASTER_SUFFIXES:
        return named
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except OSError:
        return None
    if _avif(head):
        return None
    return next((UNSHOWN_FORMATS[ending] for signature, ending in _FORMAT_SIGNATURES if signature.match(head)), None)


def unshown_problem(src: str, path: Path) -> tuple[str, str] | None:
    """``(message, hint)`` for the picture ``src``, whose file is at ``path``, when browsers do not show its
    format (`unshown_format`), else None. The hint names the file to write: ``images/photo.heic`` →
    ``images/photo.jpg``; a file renamed already keeps its name, as it must be saved again in the format its
    name says."""
    format_name = unshown_format(path)
    if format_name is None:
        return None
    renamed = path.suffix.lower() in RASTER_SUFFIXES
    message = (f'image "{src}" is a picture in {format_name}' + (f", named {path.suffix}" if renamed else "")
               + ", which Chrome, Edge and WeChat do not show, so readers would see it broken")
    how = "save it as JPEG (.jpg) or PNG, e.g. from the phone's or Windows' Photos app (照片 → 另存为 JPEG)"
    if renamed:
        return message, f"{how}, under the same name (renaming a file does not change its format)"
    typed = split_address(src).path
    meant = typed[:len(typed) - len(path.suffix)] + ".jpg" if typed.lower().endswith(path.suffix.lower()) else ""
    return message, f"{how}, and write its new name: {meant}" if meant else f"{how}, and write its new name"


HEAVY_BYTES = 1 << 20
"""A picture file larger than this (1 MB) is warned: a phone loads it whole, over mobile data, for a picture a
phone shows at most about 1,000 pixels wide (a 3 to 5 MB phone photo takes seconds on a slow connection)."""
HEAVY_PIXELS = 24_000_000
"""A raster picture of more pixels than this (6,000 × 4,000) is warned, whatever its file size: a browser holds it
decoded, 4 bytes a pixel (20,000 × 15,000 is 1.1 GB), more than many phones can."""
WIDE_PIXELS = 3200
"""A raster picture wider than this (twice `_FITTING_WIDTH`) and heavier than `WIDE_BYTES` is warned: no page shows
a picture wider than 1,600 pixels of a screen (46 em of text, about 740 pixels on a computer and 1,100 on a phone
of three pixels a point), so its phone loads four times the pixels it shows or more. A camera's 4032 × 3024 photo
saved small enough to pass `HEAVY_BYTES` (860 KB) still takes about 17 seconds at 400 kbit/s."""
WIDE_BYTES = 400 << 10
"""See `WIDE_PIXELS`: a wide picture of few bytes (a diagram of flat colours) costs readers little, and is not warned."""
SMALLER_HINT = ("make it smaller before it is published: 1600 pixels wide is plenty on a phone and a computer "
                "(Windows 画图 → 重新调整大小 → 像素, 水平 1600; or WPS 图片 → 压缩图片), saved as JPEG (.jpg) for a "
                "photo; keep the large original elsewhere, outside content/")


def heavy_problem(src: str, path: Path, size: tuple[int, int] | None) -> tuple[str, str] | None:
    """``(message, hint)`` for a picture too heavy for readers' phones, or None.

    Takes the path as typed, its file and its size in pixels (`image_size`;
    None when unknown). Warned: a file over `HEAVY_BYTES`, a raster
    picture of over `HEAVY_PIXELS` pixels (an SVG's size is no pixel
    count), and one over `WIDE_PIXELS` wide and `WIDE_BYTES` heavy. The
    hint says how to make it smaller with the tools editors have.
    """
    try:
        length = path.stat().st_size
    except OSError:
        return None
    raster = path.suffix.lower() in RASTER_SUFFIXES
    if raster and size is not None and size[0] * size[1] > HEAVY_PIXELS:
        width, height = size
        return (f'image "{src}" is {width} × {height} pixels: a browser holds it decoded, '
                f"{_megabytes(width * height * 4)}, more than some phones can show", _fewer_pixels_hint(width, height))
    if length > HEAVY_BYTES:
        return (f'image "{src}" is {_megabytes(length)}: every reader\'s phone loads all of it, which is slow on '
                "mobile data", SMALLER_HINT)
    if raster and size is not None and size[0] > WIDE_PIXELS and length > WIDE_BYTES:
        width = size[0]
        return (f'image "{src}" is {width} pixels wide ({_megabytes(length)}): no page shows a picture wider than '
                f"{_FITTING_WIDTH} pixels, even on a sharp phone screen, so readers' phones load about "
                f"{round((width / _FITTING_WIDTH) ** 2)} times the pixels they show, which is slow on mobile data",
                SMALLER_HINT)
    return None


_FITTING_WIDTH = 1600
"""The width the hints offer: plenty on a phone and on a computer."""
_PART_HEIGHT = 4000
"""The height of the parts a long picture is cut into, as the hint offers: a few screens of a phone each."""


def _fewer_pixels_hint(width: int, height: int) -> str:
    """How to bring a picture of ``width`` × ``height`` pixels under `HEAVY_PIXELS`: narrower (`SMALLER_HINT`), or,
    for a long picture (长图) still too large at `_FITTING_WIDTH` wide, cut into parts: made 1600 wide, a
    1242 × 22000 one would grow."""
    narrowed = height * min(width, _FITTING_WIDTH) / width
    if width > _FITTING_WIDTH and min(width, _FITTING_WIDTH) * narrowed <= HEAVY_PIXELS:
        return SMALLER_HINT
    return (f"it is a long picture (长图): cut it into parts of about {_PART_HEIGHT} pixels high (画图 → 选择 → 裁剪), "
            f"each at most {_FITTING_WIDTH} pixels wide, and show them one after another; keep the original "
            "elsewhere, outside content/")


def _megabytes(length: int) -> str:
    """A length in bytes as a reader would say it: "1.1 GB", "12.3 MB", "0.4 MB", "6 KB" (1 MB = 2^20 bytes)."""
    if length >= 1 << 30:
        return f"{length / (1 << 30):.1f} GB"
    return f"{length / (1 << 20):.1f} MB" if length >= 100 << 10 else f"{max(1, round(length / 1024))} KB"


def damaged_message(src: str) -> str:
    """The warning for a picture file whose size cannot be read (see `looks_damaged`)."""
    return f'image "{src}" cannot be read as a picture, so readers may see it broken'


def picture_file(content: Path, src: str) -> Path | None:
    """The file a page's image path names, under the ``content`` folder; None for an address elsewhere.

    ``images/a%20b.png?v=2`` → ``content/images/a b.png``: the path is read
    as the address it is published at (`site_image_path`), percent-escapes
    decoded, query and fragment left out, never above ``content/``. The file
    may not exist. None too for a path no file can have (``%00``, a zero
    character, which the file system refuses with ValueError).
    """
    if is_external_address(src) or "\x00" in site_path(src):
        return None
    return content / posixpath.normpath(site_path(src)).lstrip("/")  # an absolute path: no ".." left


def site_path(address: str) -> str:
    """The site path a page's relative or root-relative address names, decoded: ``files/a%20b.pdf?v=2``
    → ``/files/a b.pdf`` (`site_image_path`, percent-escapes decoded, query and fragment left out)."""
    return unquote(split_address(site_image_path(address)).path)


def looks_damaged(src: str, size: tuple[int, int] | None, path: Path | None = None) -> bool:
    """True when ``src`` names a raster picture (by its suffix) whose size could not be read, or when the
    file at ``path`` (the one ``src`` names, if known) is cut short (`is_cut_short`)."""
    if is_external_address(src):
        return False
    return (size is None and split_address(src).path.lower().endswith(RASTER_SUFFIXES)) or \
        (path is not None and is_cut_short(path))


_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_TAIL_BYTES = 4096  # where a file's end is looked for first (a PNG's IEND, a JPEG's end marker, a GIF's ";")


def is_cut_short(path: Path) -> bool:
    """True when a picture file stops before its format's end, as a half-copied or half-downloaded one does.

    The header (and so the size) of such a file reads fine, but browsers
    show it grey or cut off. Ends checked: a PNG's ``IEND`` chunk (within
    its last 4 KB), a JPEG's end marker (``FF D9``, anywhere: a camera may
    append a video after it), a GIF's trailer (``;``), a
    WebP as long as its RIFF header says, and an SVG that parses as XML to
    its end (SVGs up to `_SVG_READ_LIMIT` bytes). Other kinds, and files
    that cannot be read, give False (a missing file is reported as such).
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".svg":
            return _svg_cut_short(path)
        if suffix not in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
            return False
        with path.open("rb") as file:
            head = file.read(12)
            length = file.seek(0, 2)
            file.seek(max(0, length - _TAIL_BYTES))
            tail = file.read()
    except OSError:
        return False
    if suffix == ".png":
        return head.startswith(b"\x89PNG") and _PNG_END not in tail
    if suffix in (".jpg", ".jpeg"):
        # A camera may append data after the end marker (a "motion photo" appends its video): look in the
        # whole file before calling it cut short.
        return head.startswith(b"\xff\xd8") and b"\xff\xd9" not in tail and not _holds(path, b"\xff\xd9")
    if suffix == ".gif":
        return head.startswith(b"GIF8") and not tail.rstrip(b"\x00").endswith(b";")
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP" and int.from_bytes(head[4:8], "little") + 8 > length


def _holds(path: Path, marker: bytes) -> bool:
    """True when the file holds ``marker``, or cannot be read (nothing is then said of it)."""
    try:
        return marker in path.read_bytes()
    except OSError:
        return True


def _svg_cut_short(path: Path) -> bool:
    """True when an SVG file of at most `_SVG_READ_LIMIT` bytes is not XML to its end (see `is_cut_short`)."""
    if path.stat().st_size > _SVG_READ_LIMIT:
        return False
    parser = ElementTree.XMLPullParser(events=())
    try:
        parser.feed(path.read_bytes())
        parser.close()
    except ElementTree.ParseError:
        return True
    except (ValueError, LookupError):  # an encoding the parser cannot read (GB2312): cannot tell, so not warned
        return False
    return False


def image_size(path: Path) -> tuple[int, int] | None:
    """The size of the picture file at ``path`` in pixels, ``(width, height)``, or None.

    PNG, JPEG, GIF, WebP and others by imagesize; SVG by `svg_size`. None when the file is missing or
    unreadable or its header gives no size. Fractional sizes are rounded. A JPEG (or TIFF, AVIF, HEIF)
    whose Exif Orientation tag says to turn it a quarter (5-8) has its width and height swapped: the
    size browsers show it at (CSS Images 3, ``image-orientation: from-image``, their default), which the
    ``<img>`` must state to keep its place (imagesize 2.0 reads the tag).
    """
    try:
        if path.suffix.lower() == ".svg":
            size = svg_size(path)
        else:
            import imagesize  # here: about 9 ms to import, and most rebuilds read no picture's header
            size = imagesize.get(path)
    except (OSError, ValueError):
        return None
    if size is None:
        return None
    width, height = size
    if width is None or height is None or width <= 0 or height <= 0:
        return None
    return round(width), round(height)


# CSS absolute lengths in px (CSS Values 4, §6.2: 1in = 96px = 2.54cm = 72pt = 6pc).
_PIXELS_PER_UNIT = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6,
                    "pt": 96 / 72, "pc": 16.0}
_LENGTH_RE = compile_later(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([a-zA-Z]*)\s*")
_SVG_READ_LIMIT = 1 << 20  # the root element starts within the first megabyte, or the size is unknown


def svg_size(path: Path) -> tuple[float, float] | None:
    """The ``width`` and ``height`` of an SVG file's outermost ``<svg>`` element in px, or None.

    Reads until that element's start tag (past an XML declaration, a byte
    order mark, comments and a DOCTYPE). Lengths without a unit or in px,
    in, cm, mm, Q, pt or pc are converted at CSS's 96 px to the inch; a
    missing width or height, or a relative one (``100%``, ``em``), gives
    None: the picture then has no size of its own (its ``viewBox`` gives
    only its shape), and none is written. Raises OSError when the file
    cannot be read; text that is not XML gives None.
    """
    parser = ElementTree.XMLPullParser(events=("start",))
    with path.open("rb") as file:
        read = 0
        while read < _SVG_READ_LIMIT:
            chunk = file.read(16384)
            if not chunk:
                return None
            read += len(chunk)
            try:
                parser.feed(chunk)
                for _event, element in parser.read_events():
                    if element.tag not in ("svg", "{http://www.w3.org/2000/svg}svg"):
                        return None
                    width, height = _pixels(element.get("width")), _pixels(element.get("height"))
                    return (width, height) if width is not None and height is not None else None
            except (ElementTree.ParseError, ValueError, LookupError):  # not XML, or an encoding it cannot read
                return None
    return None


def _pixels(length: str | None) -> float | None:
    """An SVG length attribute in px (see `svg_size`), or None."""
    match = _LENGTH_RE.fullmatch(length or "")
    if match is None or match.group(2).lower() not in _PIXELS_PER_UNIT:
        return None
    return float(match.group(1)) * _PIXELS_PER_UNIT[match.group(2).lower()]
