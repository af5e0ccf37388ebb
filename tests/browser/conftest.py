"""Fixtures for tests in real parts: a served build of the example site, and one headless Chromium.

- `need` turns a missing tool into a skip with its reason on a developer's
  machine, and into a failure under CI (``CI=true``): CI must never pass by
  skipping the browser or the server.
- `served_example`: the bundled example, built once, served on a free
  loopback port by a small threaded HTTP server (404s get the site's 404 page).
- `browser`: Debian's Chromium (``SITEGEN_CHROMIUM``, default
  ``/usr/bin/chromium``) driven by Playwright for Python, one per session.
- `page_types`: one page of each kind found in the output tree.

Imports: pytest, playwright (inside the fixture, so a missing package is
reported by `need`), sitegen's build and tests.sitekit.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, NoReturn

import pytest

from ..sitekit import REPO

ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
WIDTHS = (375, 1280)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-dev-shm-usage"]

# Names of page kinds by their first URL segment: the section's own index page,
# then a page inside it. Sections not listed get "<section>" and "<section>-page".
SECTION_KINDS = {
    "interviews": ("interviews", "interview"),
    "cases": ("cases", "case"),
    "units": ("units", "unit"),
    "tags": ("tags", "tag"),
    "series": ("series-list", "series"),
    "archive": ("archive", "archive-month"),
}
EXPECTED_KINDS = {"home", "interview", "interviews", "series", "unit", "units", "case", "cases",
                  "tag", "tags", "search", "404"}


def in_ci() -> bool:
    """True when running under CI (``CI`` set to true/1/yes), where missing tools must fail the run."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def need(available: bool, reason: str) -> None:
    """Go on when ``available``; else skip with ``reason`` locally, or fail under CI."""
    if not available:
        _missing(reason)


def _missing(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"CI=true and {reason}: install it (scripts/install-system-deps.sh)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str:
    """The Chromium executable: ``SITEGEN_CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    return os.environ.get("SITEGEN_CHROMIUM", "/usr/bin/chromium")


def nginx_path() -> str:
    """The nginx executable: ``SITEGEN_NGINX``, else Debian's ``/usr/sbin/nginx``."""
    return os.environ.get("SITEGEN_NGINX", "/usr/sbin/nginx")


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- a static server for a built site --------------------------------------------------------

class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; a missing path gets the site's 404.html with status 404, as a host would."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".css": "text/css", ".js": "text/javascript", ".xml": "application/xml",
                      ".json": "application/json", ".svg": "image/svg+xml", ".csv": "text/csv"}

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the tests report what matters
        pass


@dataclass(frozen=True)
class ServedSite:
    """A built site being served: its folder (the site root), its output folder and its address."""

    root: Path
    output: Path
    url: str

    def address(self, path: str) -> str:
        """The full address of a site path (``/interviews/`` → ``http://127.0.0.1:p/interviews/``)."""
        return self.url.rstrip("/") + "/" + path.lstrip("/")


@contextlib.contextmanager
def serving(root: Path) -> Iterator[ServedSite]:
    """Serve the built site at ``root`` (its ``output/``) at the root of a loopback port while in the block."""
    output = root / "output"
    handler = functools.partial(_SiteHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(root, output, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_example(example_site: Path) -> Iterator[ServedSite]:
    """The bundled example (built once by tests/conftest.py) served at the root of a loopback port."""
    with serving(example_site) as served:
        yield served


# --- the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session: Debian's, driven by Playwright for Python."""
    executable = chromium_path()
    need(Path(executable).is_file() or shutil.which(executable) is not None,
         f"Chromium was not found at {executable} (set SITEGEN_CHROMIUM, or apt-get install chromium)")
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    driver = sync_playwright().start()
    try:
        try:
            chromium = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except PlaywrightError as failure:
            _missing(f"Chromium at {executable} did not start: {failure.message.splitlines()[0]}")
        yield chromium
        chromium.close()
    finally:
        driver.stop()


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    """A factory of fresh pages: ``page_at(width, javascript=True)`` → a Playwright page."""
    contexts = []

    def make(width: int, javascript: bool = True) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN",
                                      java_script_enabled=javascript, device_scale_factor=1)
        contexts.append(context)
        return context.new_page()
    yield make
    for context in contexts:
        context.close()


# --- page kinds -----------------------------------------------------------------------------

def page_kind(relative: str) -> str | None:
    """The kind of page an output file is (``interviews/x/index.html`` → ``interview``).

    Returns None for files that are not a page kind of their own: pages 2+
    of a list, and Pagefind's files.
    """
    parts = relative.split("/")
    if parts[-1] == "index.html":
        parts = parts[:-1]
    if "page" in parts[1:] or (parts and parts[0] == "pagefind"):
        return None
    if not parts:
        return "home"
    if parts == ["404.html"]:
        return "404"
    if parts[-1].endswith(".html"):
        return None
    own, inside = SECTION_KINDS.get(parts[0], (parts[0], f"{parts[0]}-page"))
    return own if len(parts) == 1 else inside


def discover_page_kinds(output: Path) -> dict[str, str]:
    """One site path of each kind of page in a built site: ``{kind: site path}``, first by path order."""
    kinds: dict[str, str] = {}
    for path in sorted(output.rglob("*.html"), key=lambda p: (len(p.parts), p.as_posix())):
        relative = path.relative_to(output).as_posix()
        kind = page_kind(relative)
        if kind is not None and kind not in kinds:
            kinds[kind] = "/" + relative.removesuffix("index.html")
    return dict(sorted(kinds.items()))


@pytest.fixture(scope="session")
def page_types(served_example: ServedSite) -> dict[str, str]:
    """One site path of each kind of page in the built example (home, interview, unit, search, 404, …)."""
    kinds = discover_page_kinds(served_example.output)
    missing = EXPECTED_KINDS - set(kinds)
    assert not missing, f"the example build has no page of these kinds: {sorted(missing)}"
    return kinds
