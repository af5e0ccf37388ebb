"""The built site behind a real nginx, at a sub-path and at the domain root: no link leads to a 404.

nginx runs with the README's documented server block, ``docs/nginx.conf.example``,
with only its port, folder and path substituted, so the documented config is
the tested one. The example is built with the address nginx serves it at
(``--base-url http://127.0.0.1:<port>/qingpu/diaoyan/``, then ``/``), and a
crawler starts at the home page and follows every internal ``href``/``src``
(plus ``srcset``, CSS ``url()``, Open Graph and JSON-LD addresses), every
feed and sitemap entry and robots.txt's sitemap, and expects each to answer 200.
An old address of the interview (``aliases:``) must bring Chromium to the interview.

Imports: lxml, pytest, sitegen.build; tests.sitekit and the fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

import ctypes
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html
import pytest

from sitegen.build import BuildOptions, build

from ..sitekit import REPO, copy_example, fingerprinted
from .conftest import ARTIFACTS, free_port, need, nginx_path

EXAMPLE_CONFIG = REPO / "docs" / "nginx.conf.example"
DOC_PATH = "/qingpu/diaoyan/"           # the sub-path written in the example
DOC_FOLDER = "/var/www/qingpu-diaoyan/"  # the folder written in the example
DOC_LISTEN = "listen 80;"
SUB_PATH_ONLY = "# sub-path only"
OPTIONAL_SEEDS = ("feed.xml", "sitemap.xml", "robots.txt")

MAIN_CONFIG = """# written by tests/browser/test_nginx.py
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def render_server_block(example: str, port: int, output: Path, path: str) -> str:
    """The documented server block with its port, folder and sub-path replaced.

    ``path`` is the site's path on the host (``/qingpu/diaoyan/`` or ``/``);
    at the root the line marked "sub-path only" is dropped, as the file says.
    """
    for token in (DOC_LISTEN, DOC_FOLDER, DOC_PATH, SUB_PATH_ONLY):
        assert token in example, f"docs/nginx.conf.example no longer contains {token!r}"
    text = example.replace(DOC_LISTEN, f"listen 127.0.0.1:{port};")
    text = text.replace(DOC_FOLDER, f"{output}/")
    if path == "/":
        text = "\n".join(line for line in text.splitlines() if not line.rstrip().endswith(SUB_PATH_ONLY))
    return text.replace(DOC_PATH, path).replace(DOC_PATH.rstrip("/"), path.rstrip("/"))


@dataclass(frozen=True)
class Deployment:
    """A build served by nginx: its base URL, output folder and nginx's log folder."""

    base_url: str
    output: Path
    logs: Path

    def url(self, path: str = "") -> str:
        """The full address of a path relative to the site (``feed.xml`` → base URL + ``feed.xml``)."""
        return self.base_url + path.lstrip("/")


def _wait_until_serving(process: subprocess.Popen[bytes], url: str, error_log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx exited with {process.returncode}:\n{_tail(error_log)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"nginx did not answer {url} within 15 s:\n{_tail(error_log)}")


def _tail(path: Path) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-20:]) if path.is_file() else "(no log)"


def _stop_with_the_tests() -> None:
    """In nginx's process, before it starts: on Linux, get SIGTERM when the test process dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


@pytest.fixture(scope="session")
def nginx_executable() -> str:
    """Debian's nginx (``SITEGEN_NGINX``, default ``/usr/sbin/nginx``); fails under CI when missing."""
    executable = nginx_path()
    need(Path(executable).is_file(), f"nginx was not found at {executable} "
                                     "(set SITEGEN_NGINX, or apt-get install nginx)")
    return executable


def serve_with_nginx(executable: str, folder: Path, path: str,
                     edit: Callable[[Path], None] | None = None) -> Iterator[Deployment]:
    """Build the example for ``http://127.0.0.1:<port><path>`` and serve it with the documented config.

    ``edit``, when given, changes the copy of the example (its site folder) before it is built.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{path}"
    root = copy_example(folder / "site")
    if edit is not None:
        edit(root)
    build(BuildOptions(root=root, base_url=base_url))
    logs = folder / "nginx"
    logs.mkdir()
    (logs / "site.conf").write_text(
        render_server_block(EXAMPLE_CONFIG.read_text(encoding="utf-8"), port, root / "output", path),
        encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private tmp folder
    (logs / "nginx.conf").write_text(MAIN_CONFIG.format(tmp=logs, user=user), encoding="utf-8")
    command = [executable, "-e", str(logs / "error.log"), "-p", str(logs), "-c", str(logs / "nginx.conf")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx rejects the documented config:\n{checked.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=_stop_with_the_tests)
    try:
        _wait_until_serving(process, base_url, logs / "error.log")
        yield Deployment(base_url, root / "output", logs)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def subpath_deployment(nginx_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """The example built for and served at ``http://127.0.0.1:<port>/qingpu/diaoyan/``, with a file of its own
    under content/assets/ named by a date and hour (`DATED_FILE`)."""
    yield from serve_with_nginx(nginx_executable, tmp_path_factory.mktemp("nginx-subpath"), DOC_PATH,
                                edit=_add_dated_file)


DATED_FILE = "assets/tongzhi.2018050301.pdf"
"""A notice of the site's own named by the day and hour it was issued: 10 digits where the theme's copies have
10 hex digits of their content, but a file whose corrected copy keeps its name."""


def _add_dated_file(root: Path) -> None:
    (root / "content" / DATED_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / DATED_FILE).write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


@pytest.fixture(scope="session")
def root_deployment(nginx_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """The example built for and served at ``http://127.0.0.1:<port>/``."""
    yield from serve_with_nginx(nginx_executable, tmp_path_factory.mktemp("nginx-root"), "/")


# --- the crawler ----------------------------------------------------------------------------

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
XML_URL_ELEMENTS = {"loc", "link", "icon", "logo"}  # sitemap <loc>, RSS <link>, Atom <icon>/<logo>


@dataclass
class Crawl:
    """What a crawl found: the status of every internal address, and who links to each."""

    origin: str
    statuses: dict[str, int] = field(default_factory=dict)
    referrers: dict[str, set[str]] = field(default_factory=dict)

    def broken(self) -> list[str]:
        """Addresses that did not answer 200, each with up to three pages that link to it."""
        return [f"{status} {url}  ← linked from {sorted(self.referrers.get(url, ()))[:3]}"
                for url, status in sorted(self.statuses.items()) if status != 200]


def _css_links(text: str) -> Iterable[str]:
    for match in CSS_URL.finditer(text):
        yield match.group(2) or match.group(4)


def _json_strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def html_links(body: bytes, origin: str) -> Iterable[str]:
    """Every address in an HTML page: href, src, srcset, inline CSS, meta content and JSON-LD on the site."""
    document = lxml.html.fromstring(body)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "src"):
            if element.get(name):
                yield element.get(name).strip()
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]
        if element.get("style"):
            yield from _css_links(element.get("style"))
        if element.tag == "style" and element.text:
            yield from _css_links(element.text)
        if element.tag == "meta" and (element.get("content") or "").startswith(origin):
            yield element.get("content")
        if element.tag == "script" and element.get("type") == "application/ld+json" and element.text:
            yield from (s for s in _json_strings(json.loads(element.text)) if s.startswith(origin))


def xml_links(body: bytes) -> Iterable[str]:
    """Every address in a feed or sitemap: href/src attributes, <loc>/<link> text, links in HTML content."""
    root = lxml.etree.fromstring(body)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = lxml.etree.QName(element).localname
        for attribute in ("href", "src"):
            if element.get(attribute):
                yield element.get(attribute).strip()
        if name in XML_URL_ELEMENTS and element.text and element.text.strip():
            yield element.text.strip()
        if name in ("content", "summary") and element.get("type") == "html" and (element.text or "").strip():
            yield from html_links(f"<div>{element.text}</div>".encode(), "\0")


def links_in(body: bytes, content_type: str, origin: str) -> Iterable[str]:
    """The addresses a response refers to, by its content type (HTML, CSS, XML feeds and sitemaps, robots.txt)."""
    if "html" in content_type:
        yield from html_links(body, origin)
    elif "css" in content_type:
        yield from _css_links(body.decode("utf-8", "replace"))
    elif "xml" in content_type:
        yield from xml_links(body)
    elif content_type.startswith("text/plain"):
        for line in body.decode("utf-8", "replace").splitlines():
            if line.lower().startswith("sitemap:"):
                yield line.split(":", 1)[1].strip()


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET ``url`` (following redirects); return its status, content type and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as failure:
        return failure.code, failure.headers.get("Content-Type", ""), failure.read()


def crawl(start: str, optional: Iterable[str] = ()) -> Crawl:
    """Crawl every internal address reachable from ``start``.

    ``optional`` addresses (feed, sitemap, robots.txt) are crawled when they
    exist; one that does not exist counts only when a page links to it.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(start))
    result = Crawl(origin)
    queue = deque([start, *optional])
    seeds = set(optional)
    while queue:
        url = queue.popleft()
        if url in result.statuses:
            continue
        status, content_type, body = fetch(url)
        result.statuses[url] = status
        if status != 200:
            continue
        for raw in links_in(body, content_type, origin):
            if raw.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
                continue
            target = urldefrag(urljoin(url, raw)).url
            if target.startswith(origin + "/") or target == origin:
                result.referrers.setdefault(target, set()).add(url)
                queue.append(target)
    for url in seeds:
        if result.statuses.get(url) == 404 and not result.referrers.get(url):
            del result.statuses[url]
    return result


def report_crawl(name: str, deployment: Deployment, found: Crawl) -> str:
    """A summary of a crawl for the test output and test-artifacts/crawl-<name>.txt."""
    by_kind: dict[str, int] = {}
    for url in found.statuses:
        suffix = Path(urlsplit(url).path).suffix or "/"
        by_kind[suffix] = by_kind.get(suffix, 0) + 1
    present = [seed for seed in OPTIONAL_SEEDS if deployment.url(seed) in found.statuses]
    lines = [f"crawl of {deployment.base_url} ({name}): {len(found.statuses)} addresses, "
             f"{len(found.broken())} broken; by type: {dict(sorted(by_kind.items()))}; "
             f"crawled seeds: {present or 'none'}",
             *found.broken()]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"crawl-{name}.txt").write_text(
        "\n".join(lines + ["", *(f"{s} {u}" for u, s in sorted(found.statuses.items()))]) + "\n",
        encoding="utf-8")
    return "\n".join(lines)


# --- the tests ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["subpath", "root"])
def test_crawl_from_the_home_page_finds_no_broken_link(name: str, request: pytest.FixtureRequest) -> None:
    deployment: Deployment = request.getfixturevalue(f"{name}_deployment")
    found = crawl(deployment.base_url, [deployment.url(seed) for seed in OPTIONAL_SEEDS])
    print("\n" + report_crawl(name, deployment, found))
    assert len(found.statuses) >= 20, "the crawl reached too few pages to mean anything"
    assert not found.broken(), "broken internal addresses:\n" + "\n".join(found.broken())
    outside = [url for url in found.statuses if not url.startswith(deployment.base_url)]
    assert not outside, f"addresses outside the site's base path: {outside}"
    for html in ("interviews/baihe-dadiaoyan-weifangtan/", "search/", "pagefind/pagefind-ui.js",
                 fingerprinted(deployment.output, "assets/site.css")):
        assert deployment.url(html) in found.statuses, f"the crawl never reached {html}"


def test_missing_page_gets_the_sites_404_page_with_working_links(subpath_deployment: Deployment) -> None:
    status, content_type, body = fetch(subpath_deployment.url("interviews/no-such-interview/"))
    assert status == 404 and content_type.startswith("text/html")
    assert (subpath_deployment.output / "404.html").read_bytes() == body, "nginx serves the site's own 404.html"
    for raw in html_links(body, "http://127.0.0.1"):
        if raw.startswith("/"):
            assert fetch(urljoin(subpath_deployment.base_url, raw))[0] == 200, f"the 404 page links to {raw}"


@pytest.mark.parametrize("name", ["subpath", "root"])
def test_a_folder_without_a_page_gets_the_sites_404_page(name: str, request: pytest.FixtureRequest) -> None:
    # A reader who shortens an address (a download's data/tallies.csv to data/, a series' page to
    # series/) got nginx's bare "403 Forbidden" page: the folder exists but holds no index.html.
    deployment: Deployment = request.getfixturevalue(f"{name}_deployment")
    folders = sorted(folder.relative_to(deployment.output).as_posix() + "/"
                     for folder in deployment.output.rglob("*")
                     if folder.is_dir() and not (folder / "index.html").is_file())
    assert {"data/", "assets/", "images/", "series/"} <= set(folders), folders
    page = (deployment.output / "404.html").read_bytes()
    for folder in folders:
        status, content_type, body = fetch(deployment.url(folder))
        assert (status, content_type, body == page) == (404, "text/html; charset=utf-8", True), folder


def test_nginx_redirects_keep_the_sub_path_and_types_are_right(subpath_deployment: Deployment) -> None:
    parts = urlsplit(subpath_deployment.base_url)
    for path, location in ((DOC_PATH.rstrip("/"), DOC_PATH), (f"{DOC_PATH}interviews", f"{DOC_PATH}interviews/")):
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (301, location), path
        connection.close()
    expected = {"": "text/html; charset=utf-8", "assets/site.css": "text/css; charset=utf-8",
                fingerprinted(subpath_deployment.output, "assets/site.css"): "text/css; charset=utf-8",
                fingerprinted(subpath_deployment.output, "assets/reading-mode.js"):
                    "application/javascript; charset=utf-8",
                "pagefind/pagefind-ui.js": "application/javascript; charset=utf-8"}
    for path, content_type in expected.items():
        assert fetch(subpath_deployment.url(path))[1] == content_type, path
    # Feeds as Atom: nginx's own types gave them text/xml, so the charset and gzip lines for Atom never applied.
    feeds = sorted(path.relative_to(subpath_deployment.output).as_posix()
                   for path in subpath_deployment.output.rglob("feed.xml"))
    assert "feed.xml" in feeds and len(feeds) >= 3, feeds
    for feed in feeds:
        assert fetch(subpath_deployment.url(feed))[1] == "application/atom+xml; charset=utf-8", feed
    assert fetch(subpath_deployment.url("sitemap.xml"))[1] == "text/xml; charset=utf-8"
    # sitegen's own records are in output/, but not for readers.
    for record in (".sitegen-manifest", "pagefind/.sitegen-index-key"):
        assert (subpath_deployment.output / record).is_file(), record
        assert fetch(subpath_deployment.url(record))[0] == 404, record
    for csv in sorted(subpath_deployment.output.rglob("*.csv"))[:3]:
        relative = csv.relative_to(subpath_deployment.output).as_posix()
        status, content_type, body = fetch(subpath_deployment.url(relative))
        assert (status, content_type, body) == (200, "text/csv; charset=utf-8", csv.read_bytes()), relative
    # Compressed as the pages are: the feeds and CSV files were sent whole, their types (then written with
    # "; charset=utf-8" in them) matching none of gzip_types.
    largest_csv = max(subpath_deployment.output.rglob("*.csv"), key=lambda path: path.stat().st_size)
    for path in ("", feeds[0], largest_csv.relative_to(subpath_deployment.output).as_posix(), "data/tallies.json"):
        request = urllib.request.Request(subpath_deployment.url(path), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers.get("Content-Encoding") == "gzip", path


def test_files_are_checked_for_a_newer_copy_and_the_search_index_named_by_content_is_kept(
        subpath_deployment: Deployment) -> None:
    # No Cache-Control was sent: browsers kept site.css, pages and figures by guesswork, for days after a rebuild.
    output = subpath_deployment.output
    named = sorted(p.relative_to(output).as_posix() for p in output.glob("pagefind/*.pf_meta"))
    named += sorted(p.relative_to(output).as_posix() for p in output.glob("pagefind/fragment/*"))[:1]
    named += sorted(p.relative_to(output).as_posix() for p in output.glob("pagefind/index/*"))[:1]
    assert len(named) == 3, named
    # The theme's copies the pages link, named by their content.
    copies = [fingerprinted(output, path)
              for path in ("assets/site.css", "assets/reading-mode.js", "assets/favicon.svg")]
    assert all((output / copy).is_file() for copy in copies), copies
    named += copies
    asked_again = ["", "interviews/", "assets/site.css", "assets/reading-mode.js", DATED_FILE, "feed.xml",
                   "sitemap.xml", "datapackage.json", "pagefind/pagefind-entry.json", "pagefind/pagefind.js",
                   sorted(p.relative_to(output).as_posix() for p in output.rglob("*.csv"))[0], "no-such-page/"]
    for path in asked_again + named:
        request = urllib.request.Request(subpath_deployment.url(path), method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                headers = response.headers
        except urllib.error.HTTPError as failure:
            headers = failure.headers
        expected = "public, max-age=31536000, immutable" if path in named else "no-cache"
        assert (headers.get("Cache-Control"), headers.get("X-Content-Type-Options")) == (expected, "nosniff"), path


def test_search_works_under_the_sub_path(subpath_deployment: Deployment, page_at: Any) -> None:
    from .test_search import search

    page = page_at(375)
    page.goto(subpath_deployment.url("search/"), wait_until="load")
    results = search(page, "草莓")
    pages = [r for r in results if "白鹤镇" in r["title"] and "#" not in r["href"]
             and r["href"].startswith(f"{DOC_PATH}interviews/")]
    assert pages, f"no result for 草莓 links to the Baihe interview under {DOC_PATH}: {results}"
    assert all(r["href"].startswith(DOC_PATH) for r in results), results
    assert fetch(urljoin(subpath_deployment.base_url, pages[0]["href"]))[0] == 200


def test_the_readme_shows_the_tested_config() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```nginx\n(.*?)^```$", readme, flags=re.S | re.M)
    assert blocks, "the README's Publish section shows no nginx block"
    assert blocks[0] == EXAMPLE_CONFIG.read_text(encoding="utf-8"), \
        "the README's nginx block differs from docs/nginx.conf.example (the tested one): copy it over"


OLD_ADDRESSES = ("interviews/old-baihe", "旧/白鹤镇访谈/")
"""Old addresses given to the example's interview (``aliases:``): one without its last "/", one in Chinese."""


def _add_aliases(root: Path) -> None:
    [page] = sorted((root / "content/interviews").glob("*.md"))
    text = page.read_text(encoding="utf-8")
    aliases = ", ".join("/" + old for old in OLD_ADDRESSES)
    page.write_text(text.replace("\ntitle:", f"\naliases: [{aliases}]\ntitle:", 1), encoding="utf-8")


@pytest.mark.parametrize("path", [DOC_PATH, "/"])
def test_an_old_address_of_a_page_lands_on_the_page(path: str, nginx_executable: str, tmp_path: Path,
                                                    page_at: Any) -> None:
    """The redirect page at each old address sends a browser on to the page, with or without JavaScript."""
    for deployment in serve_with_nginx(nginx_executable, tmp_path, path, edit=_add_aliases):
        [target] = [p.name for p in (deployment.output / "interviews").iterdir()
                    if (p / "index.html").is_file() and p.name not in ("old-baihe", "page")]
        for javascript in (True, False):
            page = page_at(375, javascript=javascript)
            for old in OLD_ADDRESSES:
                page.goto(deployment.url(old), wait_until="load")
                page.wait_for_url(deployment.url(f"interviews/{target}/"), timeout=10_000)
                assert page.locator("h1").first.inner_text().startswith("白鹤镇"), (old, javascript)
