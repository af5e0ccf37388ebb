"""The links a theme types as text: each must name a file the build writes, under the base path.

A template links a site path through the ``url`` (or ``abs_url``) filter,
``{{ '/assets/print.css'|url }}``. Most such paths come from the site graph
(``{{ entry.url|url }}``) and are right by construction; a path typed as
text is the theme author's, and nothing else checks it. This module finds
three kinds in the theme the build uses and warns of each that goes wrong,
at its file, line and column:

* a quoted path given to ``url``/``abs_url`` that names no file of the
  build (a stylesheet named wrong, or never added to ``templates/assets/``:
  every page unstyled, with a build that said nothing);
* a root-relative path typed in a template's ``href``/``src``/… attribute
  or ``url(…)``, without the filter (``<a href="/dashboard/">``): right at a
  domain root, it leads out of the site under a sub-path
  (``https://example.org/qingpu/diaoyan/``), where publishers put sites;
* a ``url(…)`` in a theme stylesheet: a root-relative one skips the base
  path alike, and a relative one (``url(logo.svg)``, from the stylesheet's
  own folder, which its copy named by its content shares) must name a file.

Only text is read (no template is compiled or run), so `sitegen check`
says it as well as a build, at the cost of reading a few dozen small files.

May import: lazyre, errors, markup, themefiles.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence
from urllib.parse import unquote

from .errors import Report
from .lazyre import compile_later
from .markup import place_in_block
from .themefiles import ASSETS_FOLDER, blanked

# A quoted site path given to the url or abs_url filter: '/assets/site.css'|url, "units/" | abs_url (a path
# without its first slash is taken from the root too); not an address elsewhere, a fragment or a query.
_FILTERED_RE = compile_later(r"""(?P<quote>['"])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|[#?])[^'"\s{}|]+)(?P=quote)"""
                             r"""\s*\|\s*(?:url|abs_url)\b""")
# A root-relative path typed in an attribute that loads or leads somewhere: href="/dashboard/", src="/u/{{ x }}/".
_ATTRIBUTE_RE = compile_later(r"""(?<![\w-])(?P<name>href|src|action|formaction|poster|data)\s*=\s*"""
                              r"""(?P<quote>['"])(?P<path>/(?!/)(?:[^'"\s{]|\{\{.*?\}\})*)(?P=quote)""",
                              re.IGNORECASE | re.DOTALL)
# A srcset's list of pictures: srcset="/a.png 1x, /b.png 2x".
_SRCSET_RE = compile_later(r"""(?<![\w-])srcset\s*=\s*(?P<quote>['"])(?P<list>(?:[^'"{]|\{\{.*?\}\})*)(?P=quote)""",
                           re.IGNORECASE | re.DOTALL)
# A style sheet's @import of a quoted file: @import "print.css";
_CSS_IMPORT_RE = compile_later(r"""@import\s+(?P<quote>['"])(?P<path>[^'"\s]+)(?P=quote)""", re.IGNORECASE)
# Template code inside a value: {{ page.kind }}.
_CODE_RE = compile_later(r"(\{\{.*?\}\})", re.DOTALL)
# A CSS url(), quoted or not: url(logo.svg), url("/assets/a.png").
_CSS_URL_RE = compile_later(r"""url\(\s*(?P<quote>['"]?)(?P<path>[^'")\s{}]+)(?P=quote)\s*\)""", re.IGNORECASE)
# A template comment, {# … #}, an HTML comment, and a CSS comment, /* … */: their links lead nowhere.
_COMMENT_RE = compile_later(r"\{#.*?#\}|<!--.*?-->", re.DOTALL)
_CSS_COMMENT_RE = compile_later(r"/\*.*?\*/", re.DOTALL)
# A url() value that is no file of the site: another site's, a data: picture, a fragment (an SVG filter).
_ELSEWHERE_RE = compile_later(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


@dataclass(frozen=True)
class LiteralLink:
    """A site path typed as text in the theme.

    ``file`` names the theme file as messages do (``templates/base.html``,
    ``templates/assets/site.css``); ``line`` and ``column`` (1-based) are
    where the path starts (its opening quote, if any); ``path`` is the site
    path it names (``/assets/print.css``, query and fragment included; a
    stylesheet's relative ``url(logo.svg)`` made a site path from its
    folder). ``bare`` is True for a root-relative path typed without the
    ``url`` filter, and ``fix`` is then what to type instead. ``slip``
    names a link that is wrong whatever files there are: ``"joined"`` (the
    filter given only the last text of an address joined with ``~``: ``fix``
    has the brackets), ``"made"`` (a root path with template code in it:
    its file is not looked for) or ``"above"`` (a stylesheet's path leading
    above the site's root).
    """

    file: str
    line: int
    column: int
    path: str
    bare: bool = False
    fix: str = ""
    slip: str = ""


def literal_links(templates: Mapping[str, str], stylesheets: Mapping[str, str] | None = None) -> list[LiteralLink]:
    """Every site path the theme types as text (the three kinds of the module's docstring).

    Takes ``{template name: text}`` of the templates the build uses
    (`sitegen.themefiles.read_templates`) and ``{output path: text}`` of the
    theme's stylesheets (``assets/site.css``; `sitegen.themefiles.read_stylesheets`).
    Text in template and CSS comments does not count. Returns the links
    file by file in name order, each file's in the order written. Raises
    nothing.
    """
    links = [link for name, text in sorted(templates.items()) for link in _template_links(name, text)]
    for path, text in sorted((stylesheets or {}).items()):
        links.extend(_stylesheet_links(path, text))
    return links


def _template_links(name: str, text: str) -> list[LiteralLink]:
    """The typed links of one template's text, in the order written (see `literal_links`)."""
    visible = blanked(_COMMENT_RE, text)
    where = f"templates/{name}"
    found: list[tuple[int, LiteralLink]] = []
    for match in _FILTERED_RE.finditer(visible):
        path = match.group("path")
        place = place_in_block(1, visible, match.start())
        before = visible[:match.start()].rstrip()
        if before.endswith(("~", "+")):  # '/units/' ~ x ~ '/'|url: the filter takes '/' only
            opened = visible.rfind("{{", 0, match.start())
            whole = visible[opened + 2:match.end("path") + 1].strip() if opened >= 0 else ""
            found.append((match.start(), LiteralLink(where, *place, path, slip="joined",
                                                     fix=f"{{{{ ({whole})|url }}}}" if whole else "")))
            continue
        found.append((match.start(), LiteralLink(where, *place, path if path.startswith("/") else "/" + path)))
    for match in _ATTRIBUTE_RE.finditer(visible):
        path, quote = match.group("path"), match.group("quote")
        start = match.start("quote")
        found.append((start, LiteralLink(where, *place_in_block(1, visible, start), path, bare=True,
                                         fix=f"{match.group('name')}={quote}{_filtered(path, quote)}{quote}",
                                         slip="made" if "{{" in path else "")))
    for match in _SRCSET_RE.finditer(visible):
        offset = match.start("list")
        for candidate in re.finditer(r"[^,\s][^,]*", match.group("list")):
            path = candidate.group().split()[0]
            if path.startswith("/") and not path.startswith("//"):
                start = offset + candidate.start()
                found.append((start, LiteralLink(where, *place_in_block(1, visible, start), path, bare=True,
                                                 fix=_filtered(path, match.group("quote")),
                                                 slip="made" if "{{" in path else "")))
    for match in _CSS_URL_RE.finditer(visible):
        path = match.group("path")
        if path.startswith("/") and not path.startswith("//"):
            found.append((match.start("quote"), LiteralLink(
                where, *place_in_block(1, visible, match.start("quote")), path, bare=True,
                fix=f"url({_filtered(path, match.group('quote') or chr(34))})")))
    return [link for _, link in sorted(found, key=lambda pair: pair[0])]


def _filtered(path: str, quote: str) -> str:
    """The template code that writes ``path`` through the url filter, inside an attribute quoted with
    ``quote``: ``/units/`` → ``{{ '/units/'|url }}``; ``/units/{{ page.kind }}/`` → ``{{ ('/units/' ~
    page.kind ~ '/')|url }}``."""
    inner = "'" if quote == '"' else '"'
    parts = [part for part in _CODE_RE.split(path) if part]
    if len(parts) == 1 and not parts[0].startswith("{{"):
        return f"{{{{ {inner}{path}{inner}|url }}}}"
    joined = " ~ ".join(f"({part[2:-2].strip()})" if part.startswith("{{") else f"{inner}{part}{inner}"
                        for part in parts)
    return f"{{{{ ({joined})|url }}}}"


def _stylesheet_links(output: str, text: str) -> list[LiteralLink]:
    """The ``url()`` and ``@import`` links of one theme stylesheet, published at ``output`` (``assets/site.css``)."""
    visible = blanked(_CSS_COMMENT_RE, text)
    folder = output.rpartition("/")[0]
    where = f"templates/{output}"
    links = []
    for match in sorted([*_CSS_URL_RE.finditer(visible), *_CSS_IMPORT_RE.finditer(visible)],
                        key=lambda found: found.start()):
        typed = match.group("path")
        if _ELSEWHERE_RE.match(typed):
            continue
        line, column = place_in_block(1, visible, match.start("quote"))
        if typed.startswith("/"):
            target = typed.split("?", 1)[0].split("#", 1)[0].lstrip("/")
            relative = posixpath.relpath(target, folder or ".")
            links.append(LiteralLink(where, line, column, typed, bare=True, fix=f"url({relative})"))
            continue
        bare = typed.split("?", 1)[0].split("#", 1)[0]
        joined = posixpath.normpath(posixpath.join(folder, bare))
        if joined == ".." or joined.startswith("../"):
            links.append(LiteralLink(where, line, column, typed, slip="above"))
            continue
        tail = typed[len(bare):]
        path = "/" if joined == "." else "/" + joined + ("/" if bare.endswith("/") else "")
        links.append(LiteralLink(where, line, column, path + tail))
    return links


def linked_file(path: str) -> list[str]:
    """The output paths a site path may be served from, in the order a web server tries them.

    ``/units/`` → ``["units/index.html"]``; ``/assets/site.css`` →
    ``["assets/site.css", "assets/site.css/index.html"]`` (a server answers
    a folder's name with its index page, as nginx's ``try_files $uri
    $uri/`` does); ``/`` → ``["index.html"]``. The query and fragment are dropped and
    percent-escapes decoded (UTF-8), as a server does.
    """
    bare = unquote(path.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
    if not bare or bare.endswith("/"):
        return [bare + "index.html"]
    return [bare, bare + "/index.html"]


def check_template_links(links: Sequence[LiteralLink], written: Collection[str] | None, report: Report, *,
                         generated_folders: Collection[str] = ()) -> None:
    """Warn at each link of ``links`` that is typed without the ``url`` filter or names no file of ``written``.

    ``written`` holds the output paths of every file the build writes
    (posix, relative to the output folder: ``assets/site.css``,
    ``units/index.html``), or None when that is not known (the site's
    content has errors): then only links typed without the filter are
    told, as such. A link into one of ``generated_folders``
    (``pagefind``: files another program writes after the pages) is not
    looked for. One warning per link, at its file, line and column, saying
    what to do: type it through the filter (or, in a stylesheet, from the
    stylesheet's folder); add the missing file (a theme file goes in
    ``templates/assets/``, anything else under ``content/``) or correct the
    path, naming the file of the build that differs only in capitals or
    the closest one. A warning, not an error: a publisher may serve other
    files beside the site. Raises nothing.
    """
    known = written is not None  # else the links' form alone is checked
    written = written if written is not None else set()
    for link in links:
        if link.slip in ("joined", "above"):
            report.warning(link.file, link.line, link.column, *_slip_message(link))
            continue
        tried = linked_file(link.path)
        missing = known and link.slip != "made" and not (tried[0].split("/", 1)[0] in generated_folders
                                                         or any(path in written for path in tried))
        if not known and not link.bare:
            continue
        if not (link.bare or missing or link.slip != "made" and tried[0] not in written and len(tried) > 1
                and tried[1] in written):
            continue
        sheet = link.file.endswith(".css")
        loses = ("the pages lose what the stylesheet takes from it (a picture, a font)" if sheet else
                 "every page that uses this template gets a broken link")
        if link.bare:
            message = (f"the link {link.path} is typed as a path from the site's root (模板链接), so it leads out "
                       "of the site when the site is published under a path, such as "
                       "https://example.org/qingpu/diaoyan/" + (", and the build writes no file there" if missing
                                                                else ""))
            hint = (f"write {link.fix}, a path from the stylesheet's own folder, which the files beside it share"
                    if sheet else f"write {link.fix}: the url filter puts the site's base path in front")
            if missing:
                hint += "; then " + _fix(tried, written)
        elif missing:
            message = (f"the {'stylesheet' if sheet else 'template'} links {link.path} (模板链接), but the build "
                       f"writes no file there: {loses}")
            hint = _fix(tried, written)
        else:
            page = _slashed(link.path)
            message = (f"the link {link.path} names a page's address without its closing slash (模板链接): the web "
                       f"server answers it with a redirect to {page} first, and some hosts with nothing")
            hint = f"write {page}"
        report.warning(link.file, link.line, link.column, message, hint)


def _slip_message(link: LiteralLink) -> tuple[str, str]:
    """The message and hint of a link wrong whatever files there are (`LiteralLink.slip`)."""
    if link.slip == "joined":
        return (f"the url filter takes only {link.path!r}, the last text of the address joined with ~ before it "
                "(模板链接): the site's base path comes out in the middle of the link",
                "put the whole address in brackets before the filter" + (f": {link.fix}" if link.fix else ""))
    return (f"url({link.path}) leads above the site's root folder (模板链接): no file of the site is there",
            "correct the path: it is read from the stylesheet's own folder, and ../ goes up one folder")


def _slashed(path: str) -> str:
    """``path`` with a slash closing its path part, before any query or fragment: ``/units/a?x#y`` → ``/units/a/?x#y``."""
    end = min((place for place in (path.find("?"), path.find("#")) if place >= 0), default=len(path))
    return path[:end] + "/" + path[end:]


def _fix(tried: Sequence[str], written: Collection[str]) -> str:
    """The hint of a broken template link: the file that differs in capitals, else where to add the file and
    the closest path the build writes."""
    for path in tried:
        folded = path.casefold()
        if (same := next((other for other in written if other.casefold() == folded), None)) is not None:
            return (f"the build writes /{_link_of(same)}, which differs only in capitals: web servers on Linux "
                    "tell them apart, so write it exactly so")
    target = tried[0]
    if target.endswith("index.html"):
        hint = "no page of the site has this address: correct the path"
    else:
        where = f"templates/{target}" if target.split("/", 1)[0] == ASSETS_FOLDER else f"content/{target}"
        hint = f"add the file as {where} in the site folder, so the build publishes it there, or correct the path"
    close = _closest(target, written)
    if close is not None:
        hint += f" (the closest path the build writes is /{_link_of(close)})"
    return hint


def _closest(target: str, written: Collection[str]) -> str | None:
    """The output path of ``written`` most like ``target``, if any is alike (difflib's ratio ≥ 0.6): for a
    page, among the pages, by address; for a file, among the files of its folder, by name."""
    folder, _, name = target.rpartition("/")
    if name == "index.html":
        pages = {path[: -len("index.html")]: path for path in written if path.endswith("index.html")}
        close = difflib.get_close_matches(target[: -len("index.html")], sorted(pages), n=1, cutoff=0.6)
        return pages[close[0]] if close else None
    beside = {path.rpartition("/")[2]: path for path in written if path.rpartition("/")[0] == folder}
    close = difflib.get_close_matches(name, sorted(beside), n=1, cutoff=0.6)
    return beside[close[0]] if close else None


def _link_of(output: str) -> str:
    """The site path that links an output path: ``units/index.html`` → ``units/``, ``index.html`` → ``""``."""
    if output == "index.html":
        return ""
    return output[: -len("index.html")] if output.endswith("/index.html") else output
