"""The links a theme's templates type as text: each must name a file the build writes.

A template links a site path through the ``url`` (or ``abs_url``) filter,
``{{ '/assets/print.css'|url }}``. Most such paths come from the site graph
(``{{ entry.url|url }}``) and are right by construction; a path typed as a
quoted text is the theme author's, and nothing else checks it: a stylesheet
named wrong, or never added to ``templates/assets/``, gives every page an
unstyled look and a 404 in the browser's console, with a build that said
nothing. This module finds those texts in the templates the build uses and
warns, at the template's line and column, of each one that names no file of
the build.

Only what the templates hold as text is read (no template is compiled or
run), so `sitegen check` says it as well as a build, at the cost of reading
a few dozen small files.

May import: errors, themefiles.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence
from urllib.parse import unquote

from .errors import Report
from .themefiles import ASSETS_FOLDER

# A quoted site path given to the url or abs_url filter: '/assets/site.css'|url, "/x/" | abs_url.
_LITERAL_LINK_RE = re.compile(r"""(?P<quote>['"])(?P<path>/(?!/)[^'"\s{}|]*)(?P=quote)\s*\|\s*(?:url|abs_url)\b""")
# A template comment, {# … #}: its text is not part of any page.
_COMMENT_RE = re.compile(r"\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True)
class LiteralLink:
    """A site path typed as text in a template: the template's name (its path inside its template folder,
    ``partials/head.html``), the 1-based line and column of the opening quote, and the path as typed
    (``/assets/print.css``, query and fragment included)."""

    template: str
    line: int
    column: int
    path: str


def literal_links(templates: Mapping[str, str]) -> list[LiteralLink]:
    """Every site path the templates give the ``url`` or ``abs_url`` filter as a quoted text.

    Takes ``{template name: text}`` of the templates the build uses
    (`sitegen.themefiles.read_templates`). Text inside template comments
    does not count. Returns the links in template-name order, each
    template's in the order written. Raises nothing.
    """
    return [link for name, text in sorted(templates.items()) for link in _links_in(name, text)]


def _links_in(name: str, text: str) -> list[LiteralLink]:
    """The literal links of one template's text (see `literal_links`); comments are blanked, keeping positions."""
    visible = _COMMENT_RE.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)
    links = []
    for found in _LITERAL_LINK_RE.finditer(visible):
        start = found.start()
        line_start = visible.rfind("\n", 0, start) + 1
        links.append(LiteralLink(name, visible.count("\n", 0, start) + 1, start - line_start + 1,
                                 found.group("path")))
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


def check_template_links(links: Sequence[LiteralLink], written: Collection[str], report: Report, *,
                         generated_folders: Collection[str] = ()) -> None:
    """Warn at each link of ``links`` that names no file of ``written``.

    ``written`` holds the output paths of every file the build writes
    (posix, relative to the output folder: ``assets/site.css``,
    ``units/index.html``). A link into one of ``generated_folders``
    (``pagefind``: files another program writes after the pages) is not
    checked. The warning is at ``templates/<name>:line:column`` and says
    what to do: add the file (a theme file goes in ``templates/assets/``,
    anything else under ``content/``) or correct the path, naming the file
    of the build whose path is closest, or the one that differs only in
    capitals. A warning, not an error: a publisher may serve other files
    beside the site. Raises nothing.
    """
    by_case = {path.casefold(): path for path in written}
    for link in links:
        tried = linked_file(link.path)
        if tried[0].split("/", 1)[0] in generated_folders or any(path in written for path in tried):
            continue
        report.warning(f"templates/{link.template}", link.line, link.column,
                       f"the template links {link.path} (模板链接), but the build writes no file there: "
                       "every page that uses this template gets a broken link",
                       _fix(tried, written, by_case))


def _fix(tried: Sequence[str], written: Collection[str], by_case: dict[str, str]) -> str:
    """The hint of a broken template link: the file that differs in capitals, else where to add the file and
    the closest path the build writes."""
    for path in tried:
        if (same := by_case.get(path.casefold())) is not None:
            return (f"the build writes /{_link_of(same)}, which differs only in capitals: web servers on Linux "
                    "tell them apart, so write it exactly so")
    target = tried[0]
    if target.endswith("index.html"):
        hint = "no page of the site has this address: correct the path"
    else:
        where = f"templates/{target}" if target.split("/", 1)[0] == ASSETS_FOLDER else f"content/{target}"
        hint = f"add the file as {where} in the site folder, so the build publishes it there, or correct the path"
    top = target.split("/", 1)[0]
    nearby = sorted(path for path in written if path.split("/", 1)[0] == top) or sorted(written)
    close = difflib.get_close_matches(target, nearby, n=1, cutoff=0.6)
    if close:
        hint += f" (the closest path the build writes is /{_link_of(close[0])})"
    return hint


def _link_of(output: str) -> str:
    """The site path that links an output path: ``units/index.html`` → ``units/``, ``index.html`` → ``""``."""
    if output == "index.html":
        return ""
    return output[: -len("index.html")] if output.endswith("/index.html") else output
