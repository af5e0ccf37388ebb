"""``sitegen serve``: builds once, rebuilds once per change, shows errors in the page, serves only output/.

Most tests start the real command (``python -m sitegen serve --port 0``) in a
subprocess on a copy of the example site, read its terminal output (one
``built …`` or ``build stopped: …`` line per build), and talk to it over
loopback HTTP and the livereload WebSocket. Each stops it with Ctrl-C
(SIGINT) and expects a clean exit. Pure parts (path resolution, the watcher's
snapshot, the error page, the reload hub) are tested in-process.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, quote, urlencode

import pytest
from lxml import html

import sitegen.build as build_module
from sitegen.build import BuildOptions, Published, build
from sitegen.errors import Problem
from sitegen.load import load_content
from sitegen.render import default_theme_dir
from sitegen.errors import SiteError
from sitegen.serve import (DRAFT_BANNER, MOVED_FROM, PREVIEW_OUTPUT, ReloadHub, banner_html, error_page, find_previews,
                           inject_banner, inject_live_script, locate, network_address, not_found_page, take_snapshot,
                           while_serving)
from sitegen.servepanel import ListedWarning, inject_panel, list_warnings, warnings_panel

from .sitekit import REPO, copy_example, fingerprint_mark, tree_hashes, write_site

INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
INTERVIEW_URL = "/interviews/baihe-dadiaoyan-weifangtan/"
UNIT = "content/units/baihe.yaml"
# How long to wait for a rebuild or reload before calling it lost: a guard against hangs, not a
# speed requirement (tests never assert wall times; about 0.5 s is usual on an idle machine).
RELOAD_TIMEOUT = 30.0
BUILD_LINE = re.compile(r"^(built \d+ pages|build stopped:)")


class ServeProcess:
    """``sitegen serve`` running in a subprocess, with its terminal output collected line by line."""

    def __init__(self, site: Path, *extra: str, cwd: Path | None = None):
        self.site = site
        self.lines: list[str] = []
        self._ended = False
        self._changed = threading.Condition()
        command = [sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", "0", *extra]
        # The child runs in the site's folder: it imports sitegen from this checkout, as the tests do,
        # never from another one installed in the environment (a relative PYTHONPATH=. would name the
        # site's folder there), which would render this checkout's templates with other code.
        paths = [str(REPO), *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd or site,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": os.pathsep.join(paths)})
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for(lambda: any(line.startswith("serving ") for line in self.lines), 30,
                      "the server did not start")
        serving = next(line for line in self.lines if line.startswith("serving "))
        self.url = re.search(r"http://\S+/", serving).group(0)
        self.port = int(self.url.rsplit(":", 1)[1].rstrip("/"))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self._changed:
                self.lines.append(raw.decode("utf-8").rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[], bool], timeout: float, message: str) -> bool:
        """Wait until ``condition`` holds for the output; fail with the output shown when it does not."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    pytest.fail(f"{message}; output:\n" + "\n".join(self.lines))
                self._changed.wait(min(left, 0.2))
        return True

    @property
    def builds(self) -> int:
        """How many builds the server has reported."""
        return sum(1 for line in list(self.lines) if BUILD_LINE.match(line))

    def wait_for_builds(self, count: int, timeout: float = RELOAD_TIMEOUT) -> None:
        """Wait until ``count`` builds have been reported."""
        self.wait_for(lambda: self.builds >= count, timeout, f"expected {count} build(s)")

    @property
    def output(self) -> str:
        """Everything the server printed so far."""
        return "\n".join(self.lines)

    def get(self, path: str, timeout: float = 10) -> tuple[int, str]:
        """GET a site path (encoded as given); returns the status and the body as text."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()

    def stop(self) -> None:
        """Press Ctrl-C; expect a clean stop (exit 0, "stopped", no traceback)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail("sitegen serve did not stop on Ctrl-C; output:\n" + self.output)
        time.sleep(0.1)
        assert code == 0, self.output
        assert self.lines[-1] == "stopped", self.output
        assert "Traceback" not in self.output, self.output


@pytest.fixture
def serve(tmp_path: Path):
    """Start ``sitegen serve`` on a site folder: ``serve(site, *args)``; every server is stopped after the test."""
    started: list[ServeProcess] = []

    def start(site: Path, *extra: str) -> ServeProcess:
        server = ServeProcess(site, *extra)
        started.append(server)
        return server
    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the whole server ------------------------------------------------------------------------


def test_one_build_per_change_none_while_idle_and_none_for_output_writes(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    assert server.builds == 1
    status, page = server.get("/")
    assert status == 200 and '<script src="/livereload.js?port=' in page
    # The theme's own script (the reading mode kept from page to page) is there too, once, and served.
    # It is linked by the name of its copy, which holds 10 hex digits of its digest.
    [script_path] = re.findall(r'<script id="reading-mode-script" src="(/assets/reading-mode\.[0-9a-f]{10}\.js)" '
                               r'defer></script>', page)
    assert page.index(script_path) < page.index("/livereload.js") < page.index("</head>")
    status, script = server.get(script_path)
    assert status == 200 and "sitegen-reading-mode" in script
    assert script_path.split(".")[-2] == fingerprint_mark(script.encode())
    status, page = server.get(INTERVIEW_URL)
    assert status == 200 and "白鹤镇：补好短板发挥优势" in page

    _edit(site / INTERVIEW, "title: 白鹤镇：补好短板发挥优势", "title: 白鹤镇：改过的标题")
    server.wait_for_builds(2)
    status, page = server.get(INTERVIEW_URL)
    assert "白鹤镇：改过的标题" in page

    # A burst of saves to several files (an editor's "save all") gives one build.
    for name in ("a.txt", "b.txt", "c.txt"):
        (site / "content" / "images" / name).write_text(name, encoding="utf-8")
        time.sleep(0.02)
    _edit(site / "templates" / "base.html", "</footer>", "<p>页脚新词</p></footer>")
    server.wait_for_builds(3)
    assert "页脚新词" in server.get("/")[1]
    assert "changed: content/images/a.txt, content/images/b.txt, content/images/c.txt, templates/base.html" \
        in server.output

    # Idle, then writes into output/ and beside it, and hidden or backup files: no build.
    (site / PREVIEW_OUTPUT / "stray.html").write_text("<p>x</p>", encoding="utf-8")
    (site / PREVIEW_OUTPUT / "interviews" / "new.txt").write_text("x", encoding="utf-8")
    (site / "content" / ".hidden.md").write_text("x", encoding="utf-8")
    (site / "content" / "interviews" / "draft.md~").write_text("x", encoding="utf-8")
    time.sleep(3)
    assert server.builds == 3, server.output
    server.stop()


def test_a_broken_file_shows_the_error_page_and_fixing_it_brings_the_site_back(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    good = server.get("/")[1]
    unit = site / UNIT
    text = unit.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines, 1) if l.strip().startswith("collected:"))
    unit.write_text(text.replace(lines[line - 1], "\t" + lines[line - 1].strip(), 1), encoding="utf-8")
    server.wait_for_builds(2)

    # The terminal shows the problem as sitegen build does, and the server keeps running.
    assert f"{UNIT}:{line}:1: error: a TAB is used for indentation" in server.output
    assert "build stopped: " in server.output
    # Every page shows the error page: file, line, column, message, hint, the source line; reloads itself.
    for path in ("/", INTERVIEW_URL, "/no-such-page/"):
        status, page = server.get(path)
        assert status == 500
        assert '<html lang="zh-CN">' in page
        assert f"<code>{UNIT}:{line}:1</code>" in page
        assert f"<dt>行 Line</dt><dd>{line}</dd>" in page and "<dt>列 Column</dt><dd>1</dd>" in page
        assert "a TAB is used for indentation" in page and "提示 Hint:" in page
        assert f'<span class="here">{line:>5} │ <mark>⇥</mark>collected:' in page
        assert "网站有错误" in page and "The site has errors" in page
        assert '<script src="/livereload.js?port=' in page
    # Only the broken file is named: pages that use the unit get no second, misleading error.
    page = server.get("/")[1]
    assert UNIT in page and "content/cases/" not in page and 'there is no unit' not in page
    # The last good output is on disk and its assets are still served.
    assert server.get("/assets/site.css")[0] == 200
    assert (site / PREVIEW_OUTPUT / "index.html").is_file()
    assert not (site / "output").exists(), "the preview never lands in the published folder"

    unit.write_text(text, encoding="utf-8")
    server.wait_for_builds(3)
    status, page = server.get("/")
    assert status == 200 and page == good
    server.stop()


def test_site_yaml_deleted_while_serving_asks_for_it_back_and_its_return_brings_the_site_back(
        tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    good = server.get("/")[1]
    settings = (site / "site.yaml").read_bytes()
    (site / "site.yaml").unlink()
    server.wait_for_builds(2)
    # Not the command line's "run sitegen in a site folder": the editor is in one, and removed the file.
    hint = ("site.yaml was deleted or renamed while the preview ran: put it back (undo the delete, or restore it "
            "from the recycle bin 回收站); the preview comes back as soon as it is there")
    assert f"  hint: {hint}" in server.output
    status, page = server.get("/")
    assert status == 500 and "undo the delete" in page and "pass --site" not in page

    (site / "site.yaml").write_bytes(settings)
    server.wait_for_builds(3)
    assert server.get("/") == (200, good)
    server.stop()


def test_while_serving_changes_only_the_missing_site_yaml_hint() -> None:
    other = Problem("site.yaml", 3, 1, "error", "no title", "add title:")
    assert while_serving(other) is other
    missing = Problem("site.yaml", None, None, "error", "no site.yaml in /tmp/x", "run sitegen in a site folder")
    assert while_serving(missing).hint.startswith("site.yaml was deleted or renamed while the preview ran")
    assert while_serving(missing).message == missing.message


def test_a_broken_template_shows_the_error_page(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    (site / "templates" / "base.html").write_text("{% block main %}{{ page.no_such_thing.deeper }}",
                                                   encoding="utf-8")
    server.wait_for_builds(2)
    status, page = server.get("/")
    assert status == 500 and "templates/" in page
    shutil.copy(default_theme_dir() / "base.html", site / "templates" / "base.html")
    server.wait_for_builds(3)
    assert server.get("/")[0] == 200
    server.stop()


def test_drafts_and_scheduled_pages_show_with_a_banner_in_serve_only(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    _edit(site / INTERVIEW, "date: 2018-05-03 10:00\n", "date: 2018-05-03 10:00\ndraft: true\n")
    case = site / "content" / "cases" / "baihe-caomei.md"
    _edit(case, "date: 2018-05-03 10:00", "date: 2999-01-01 08:00")
    server = serve(site)
    page = server.get(INTERVIEW_URL)[1]
    assert page.count(DRAFT_BANNER) == 1
    assert re.search(r"<body[^>]*>" + re.escape(banner_html(DRAFT_BANNER)), page)
    case_page = server.get("/cases/baihe-caomei/")[1]
    assert "定时发布 Scheduled — 2999-01-01 08:00" in case_page
    home = server.get("/")[1]
    assert "sitegen-preview-banner" not in home
    # In the lists a draft looked published: only its own page had a banner. Each link to it is tagged.
    tags = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(?:(?!</a>).)*</a><span class="sitegen-preview-tag"[^>]*>'
                      r"([^<]*)</span>", home, re.DOTALL)
    assert tags and set(tags) <= {(INTERVIEW_URL, "（草稿 draft）"), ("/cases/baihe-caomei/", "（定时 scheduled）")}
    assert (INTERVIEW_URL, "（草稿 draft）") in tags
    assert home.count("sitegen-preview-tag") == len(tags)
    assert "showing 2 draft or scheduled page(s) with a banner" in server.output

    _edit(site / INTERVIEW, "draft: true", "draft: false")
    server.wait_for_builds(2)
    assert DRAFT_BANNER not in server.get(INTERVIEW_URL)[1]
    server.stop()

    # sitegen build never shows them, and no banner ever reaches the files.
    done = subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site), "--quiet"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert not (site / "output" / "cases" / "baihe-caomei").exists()
    assert "sitegen-preview-banner" not in (site / "output" / INTERVIEW_URL.strip("/") / "index.html").read_text(
        encoding="utf-8")
    assert "sitegen-preview-tag" not in (site / "output" / "index.html").read_text(encoding="utf-8")


def test_the_preview_warns_of_links_typed_with_the_published_base_path_as_check_does(tmp_path: Path, serve) -> None:
    # Built for its own address, the preview passed a link typed with site.yaml's base path (copied from the
    # published site's address bar) and the published address typed in full, unwarned; check warned of both.
    from sitegen.build import check
    site = copy_example(tmp_path / "site")
    _edit(site / "site.yaml", "base_url: https://example.org/", "base_url: https://example.gov.cn/qingpu/")
    for example, own in (("（示例）", ""), ("diaoyan@example.org", "diaoyan@example.gov.cn"), ("0000 0000", "6972 0000")):
        _edit(site / "site.yaml", example, own)  # built for a real address, an example contact is warned
    _edit(site / INTERVIEW, "白鹤镇从三个方面推进大调研。",
          "白鹤镇从三个方面推进[大调研](/qingpu/units/baihe/)，见[全文](https://example.gov.cn/qingpu/units/baihe/)。")
    told = [problem.format() for problem in check(BuildOptions(root=site)).problems]
    assert [line.partition(" warning: ")[2].partition(" starts with ")[0].partition(" is this ")[0]
            for line in told] == ['the link "/qingpu/units/baihe/"', 'the link "https://example.gov.cn/qingpu/units/baihe/"']
    server = serve(site)
    for problem in told:
        for line in problem.split("\n"):
            assert line in server.output, line
    page = server.get(INTERVIEW_URL)[1]
    assert 'href="/qingpu/units/baihe/"' in page  # as typed: what the warning says leads nowhere in the preview
    assert server.get("/qingpu/units/baihe/")[0] == 404


def test_the_preview_offers_search_but_makes_its_index_only_with_search(tmp_path: Path, serve) -> None:
    # The index is most of a rebuild's time on a large site: the preview leaves it out unless asked.
    site = copy_example(tmp_path / "site")
    server = serve(site)
    assert "no search index: --search adds it" in server.lines[-1]
    status, home = server.get("/")
    assert status == 200 and '<a href="/search/">搜索</a>' in home  # the menu as published
    status, page = server.get("/search/")
    assert status == 200 and "预览不建搜索索引" in page and "sitegen serve --search" in page
    assert "/pagefind/" not in page and "本站没有站内搜索" not in page
    assert server.get("/pagefind/pagefind-ui.js")[0] == 404
    server.stop()
    searching = serve(site, "--search")
    assert "with the search index" in searching.lines[-1]
    status, page = searching.get("/search/")
    assert status == 200 and 'src="/pagefind/pagefind-ui.js"' in page and "预览不建搜索索引" not in page
    assert searching.get("/pagefind/pagefind-ui.js")[0] == 200
    searching.stop()
    # A build without the index offers no search at all.
    build(BuildOptions(root=site, search=False))
    assert "本站没有站内搜索" in (site / "output/search/index.html").read_text(encoding="utf-8")
    assert '<a href="/search/">' not in (site / "output/index.html").read_text(encoding="utf-8")


def test_the_banners_come_from_the_build_itself_without_loading_the_site_again(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site = copy_example(tmp_path / "site")
    _edit(site / INTERVIEW, "date: 2018-05-03 10:00\n", "date: 2018-05-03 10:00\ndraft: true\n")
    _edit(site / "content" / "cases" / "baihe-caomei.md", "date: 2018-05-03 10:00", "date: 2999-01-01 08:00")
    loads = []
    monkeypatch.setattr(build_module, "load_content", lambda *a, **k: loads.append(1) or load_content(*a, **k))
    result = build(BuildOptions(root=site, include_drafts=True, search=False))
    previews = find_previews(result, datetime(2026, 11, 30, 9, 0))
    assert loads == [1]  # the dev server's rebuild reads the site once
    assert previews.banners == {
        INTERVIEW_URL.strip("/") + "/index.html": DRAFT_BANNER,
        "cases/baihe-caomei/index.html": "定时发布 Scheduled — 2999-01-01 08:00 前不公开 (not published before then)"}
    assert previews.sources == ("content/cases/baihe-caomei.md", INTERVIEW)
    assert previews.tags == {INTERVIEW_URL: "草稿 draft", "/cases/baihe-caomei/": "定时 scheduled"}
    assert result.documents[INTERVIEW_URL.strip("/") + "/index.html"].path == INTERVIEW
    assert len(result.documents) == 3  # the example's interview and its two case studies


def test_only_files_under_the_output_folder_are_served(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    server = serve(site)
    (site / PREVIEW_OUTPUT / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / PREVIEW_OUTPUT / "leak").symlink_to(tmp_path)
    attacks = ["/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/%2E%2E/secret.txt", "/..%2fsite.yaml",
               "/assets/..%2f..%2fsite.yaml", "/assets/%2e%2e/%2e%2e/site.yaml", "//etc/passwd",
               "/%2fetc%2fpasswd", "/assets/..%5c..%5csite.yaml", "/C:/Windows/win.ini", "/c%3a/secret.txt",
               "/leak.txt", "/leak/secret.txt", "/.sitegen-manifest", "/%00/index.html",
               "/" + str(tmp_path / "secret.txt"), "/" + quote(str(site / "site.yaml"))]
    for path in attacks:
        status, body = server.get(path)
        assert status == 404, path
        assert "SECRET" not in body and "base_url" not in body, path
    # An absolute-form request line is resolved by its path only.
    status, body = server.get(f"http://127.0.0.1:{server.port}/../site.yaml")
    assert status in (400, 404) and "base_url" not in body
    assert server.get("/interviews")[0] == 302
    assert server.get("/assets/site.css")[0] == 200
    server.stop()


def test_two_hundred_concurrent_requests(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    paths = ["/", INTERVIEW_URL, "/assets/site.css", "/units/baihe/", "/missing/"] * 40

    def fetch(path: str) -> int:
        return server.get(path, timeout=30)[0]

    with ThreadPoolExecutor(max_workers=200) as pool:
        statuses = list(pool.map(fetch, paths, timeout=60))
    assert statuses.count(200) == 160 and statuses.count(404) == 40
    server.stop()


def test_a_client_that_disconnects_mid_response_does_not_hurt_the_server(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    (site / "content" / "images" / "big.bin").write_bytes(os.urandom(8 * 1024 * 1024))
    server = serve(site)
    for _ in range(10):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as client:
            client.sendall(b"GET /images/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            assert client.recv(4096).startswith(b"HTTP/1.1 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    status, _ = server.get("/")
    assert status == 200
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.request("GET", "/images/big.bin")
    assert len(connection.getresponse().read()) == 8 * 1024 * 1024
    connection.close()
    server.stop()


def test_reloads_are_sent_for_every_build_even_seconds_apart_or_less(tmp_path: Path, serve) -> None:
    """No 3-second "Ignore" window (python-livereload 2.7.1's poll_tasks): each build reloads the page."""
    from tornado.websocket import websocket_connect

    site = copy_example(tmp_path / "site")
    server = serve(site)

    async def watch_page() -> list[float]:
        socket_ = await websocket_connect(f"ws://127.0.0.1:{server.port}/livereload")
        await socket_.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        hello = json.loads(await socket_.read_message())
        assert hello["command"] == "hello"
        await socket_.write_message(json.dumps({"command": "info", "url": server.url}))
        reloads = []
        name = "白鹤镇"
        for text in ("第一次", "第二次", "第三次"):
            _edit(site / UNIT, f"name: {name}", f"name: 白鹤镇{text}")
            name = f"白鹤镇{text}"
            saved = time.monotonic()
            message = json.loads(await asyncio.wait_for(socket_.read_message(), RELOAD_TIMEOUT))
            assert message["command"] == "reload"
            reloads.append(time.monotonic() - saved)
            await asyncio.sleep(0.3)
        socket_.close()
        return reloads

    with ThreadPoolExecutor(1) as thread:  # its own event loop: Playwright may hold this thread's
        delays = thread.submit(asyncio.run, watch_page()).result(timeout=4 * RELOAD_TIMEOUT)
    assert len(delays) == 3, delays
    print("seconds from save to reload message:", ", ".join(f"{d:.2f}" for d in delays))
    assert server.builds == 4
    server.stop()


def test_case_20_chinese_folder_output_inside_data_and_templates(tmp_path: Path, serve) -> None:
    """Case 20 on sitegen's layout: a site folder named 进度公开站点 with public/ inside it.

    serve writes its preview to .sitegen-cache/preview, inside the watched folder too; the
    published public/ is left alone (a preview has drafts and links to 127.0.0.1)."""
    site = write_site(tmp_path / "进度公开站点", {
        "content/interviews/访谈/社区网格员访谈.md": (
            "---\ntitle: 社区网格员访谈\nseries: dadiaoyan\nunit: baihe\ninterviewee:\n  name: 网格员\n"
            "  role: 社区网格员\ndate: 2024-06-18\n---\n\n## 背街小巷整治进度如何？\n\n正文。\n"),
        "content/images/进度图.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        "data/tallies.yaml": ("item: 背街小巷整治\nas_of: 2024-06-30\ncollected: 86\nescalated: 4\n"
                              "resolved: 61\nin_progress: 21\n"),
    }, config="title: 民生项目进度公开\nbase_url: http://127.0.0.1:8000/\noutput_dir: public\n")
    base = (default_theme_dir() / "base.html").read_text(encoding="utf-8")
    (site / "templates").mkdir()
    (site / "templates" / "base.html").write_text(
        base.replace("</footer>", "<p>已解决 {{ site.data.tallies.resolved }} 件</p></footer>", 1),
        encoding="utf-8")
    server = serve(site)
    assert server.builds == 1 and (site / PREVIEW_OUTPUT / "index.html").is_file()
    assert not (site / "public").exists()
    assert "已解决 61 件" in server.get("/")[1]
    assert server.get("/interviews/she-qu-wang-ge-yuan-fang-tan/")[0] == 200
    assert server.get("/images/" + quote("进度图.svg"))[0] == 200
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:  # unencoded UTF-8 path
        raw.sendall("GET /images/进度图.svg HTTP/1.0\r\n\r\n".encode("utf-8"))
        assert raw.recv(64).startswith(b"HTTP/1.1 200")

    _edit(site / "data" / "tallies.yaml", "resolved: 61", "resolved: 62")
    server.wait_for_builds(2)
    assert "已解决 62 件" in server.get("/")[1]
    _edit(site / "templates" / "base.html", "件</p>", "件（数据）</p>")
    server.wait_for_builds(3)
    assert "已解决 62 件（数据）" in server.get("/")[1]

    _edit(site / "data" / "tallies.yaml", "resolved: 62", "\tresolved: 62")
    server.wait_for_builds(4)
    assert "data/tallies.yaml:5:1: error: a TAB is used for indentation" in server.output
    status, page = server.get("/")
    assert status == 500 and "data/tallies.yaml:5:1" in page
    _edit(site / "data" / "tallies.yaml", "\tresolved: 62", "resolved: 63")
    server.wait_for_builds(5)
    assert "已解决 63 件" in server.get("/")[1]

    time.sleep(2)
    assert server.builds == 5
    assert "UnicodeDecodeError" not in server.output and "UnicodeEncodeError" not in server.output
    server.stop()


def test_listening_on_every_network_says_where_a_phone_looks_and_warns_of_the_drafts(tmp_path: Path,
                                                                                      serve) -> None:
    # With --host 0.0.0.0 it printed only http://127.0.0.1:…/, an address a phone cannot open,
    # and nothing said that everyone on the network now sees the drafts.
    server = serve(write_site(tmp_path / "site", {}), "--host", "0.0.0.0")
    server.wait_for(lambda: any("warning: anyone" in line for line in server.lines), RELOAD_TIMEOUT, "no warning")
    at = next(i for i, line in enumerate(server.lines) if line.startswith("serving "))
    address = network_address("0.0.0.0", server.port)
    assert server.lines[at + 1:at + 3] == [
        f"  other devices on this network (a phone on the same Wi-Fi) open {address}" if address else
        f"  other devices open this computer's network address (ipconfig / ip addr shows it) with :{server.port}/",
        "  warning: anyone on this network can see the preview, drafts included; leave --host out to keep it "
        "to this computer"]
    assert server.get("/")[0] == 200  # serving: Ctrl-C while asyncio makes its loop is another matter
    server.stop()
    quiet = serve(write_site(tmp_path / "other", {}))
    assert quiet.get("/")[0] == 200
    assert not any(line.startswith("  ") for line in quiet.lines[quiet.lines.index(
        next(line for line in quiet.lines if line.startswith("serving "))) + 1:])
    quiet.stop()


def test_the_network_address_is_none_for_this_computer_only() -> None:
    assert [network_address(host, 8000) for host in ("127.0.0.1", "localhost", "::1", "127.0.1.1")] == [None] * 4
    assert network_address("192.168.1.5", 8000) == "http://192.168.1.5:8000/"
    assert network_address("fe80::1", 8000) == "http://[fe80::1]:8000/"
    found = network_address("0.0.0.0", 8000)
    assert found is None or (found.startswith("http://") and found.endswith(":8000/") and "127." not in found)


# --- parts, in-process --------------------------------------------------------------------------


def test_locate_serves_only_the_output_folder(tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "访谈").mkdir(parents=True)
    (output / "index.html").write_text("home", encoding="utf-8")
    (output / "访谈" / "index.html").write_text("访谈", encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: x", encoding="utf-8")
    assert locate(output, "/").path == (output / "index.html").resolve()
    assert locate(output, "/%E8%AE%BF%E8%B0%88/").path == (output / "访谈" / "index.html").resolve()
    assert locate(output, "/访谈/".encode("utf-8").decode("latin-1")).path is not None
    assert locate(output, "/%E8%AE%BF%E8%B0%88").redirect == "/%E8%AE%BF%E8%B0%88/"
    for path in ("/../site.yaml", "/%2e%2e/site.yaml", "//site.yaml", "/index.html/", "/%ff/", "x",
                 "/a\\..\\site.yaml", "/./index.html"):
        assert locate(output, path).path is None, path


def test_the_snapshot_watches_sources_and_never_the_output(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "content/images/a.svg": "<svg/>", "content/out/x.html": "x", "content/.x.md": "x",
        "content/a.md.swp": "x", "templates/base.html": "x", "data/d.yaml": "a: 1",
        "output/index.html": "x", "notes.txt": "x"})
    write_site(site, {"content/interviews/~$baihe.md": b"\x00owner", "content/a.swx": "x"})  # Word/WPS lock file
    snapshot = take_snapshot(site, [site / "content" / "out"])
    assert sorted(snapshot) == ["content/images/a.svg", "content/series/dadiaoyan.yaml",
                                "content/units/baihe.yaml", "data/d.yaml", "site.yaml", "templates/base.html"]


def test_the_error_page_escapes_what_it_quotes(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.md").write_text("---\ntitle: <script>alert(1)</script>\n---\n", encoding="utf-8")
    problem = Problem("content/x.md", 2, 8, "error", 'bad "<script>"', "fix <b>it</b>")
    page = error_page([problem], tmp_path, 8000).decode("utf-8")
    assert "<script>alert" not in page and "<mark>&lt;</mark>script&gt;alert(1)&lt;/script&gt;" in page
    assert "bad &quot;&lt;script&gt;&quot;" in page and "fix &lt;b&gt;it&lt;/b&gt;" in page
    assert page.count("<script") == 1  # livereload's client only
    # An empty icon of their own: the browser asks for no /favicon.ico, which would be a 404 at every reload.
    assert page.count('<link rel="icon" href="data:,">') == 1
    assert not_found_page(8000).decode("utf-8").count('<link rel="icon" href="data:,">') == 1
    outside = Problem("../secret.txt", 1, 1, "error", "m")
    (tmp_path.parent / "secret.txt").write_text("SECRET", encoding="utf-8")
    assert "SECRET" not in error_page([outside], tmp_path).decode("utf-8")


def test_injection_into_pages() -> None:
    page = b"<!doctype html><html><head><title>t</title></head><body class='x'><p>a</p></body></html>"
    assert inject_live_script(page, 8123).count(b'<script src="/livereload.js?port=8123"></script></head>') == 1
    assert inject_banner(page, "草稿 <Draft>").startswith(b"<!doctype html><html><head><title>t</title></head>"
                                                           b"<body class='x'><div class=\"sitegen-preview-banner\"")
    assert "草稿 &lt;Draft&gt;".encode() in inject_banner(page, "草稿 <Draft>")
    assert inject_banner(b"<p>no body</p>", "x") == b"<p>no body</p>"


def test_a_page_that_connects_after_a_build_it_missed_is_reloaded_at_once() -> None:
    class Socket:
        def __init__(self) -> None:
            self.sent: list[object] = []

        def send_message(self, message: object) -> None:
            self.sent.append(message)

    hub = ReloadHub()
    hub.reload_all(1)
    hub.page_served("/访谈/", 1)
    hub.reload_all(2)  # a build finished while the page was loading
    late, current = Socket(), Socket()
    hub.join(late, "http://127.0.0.1:8000/%E8%AE%BF%E8%B0%88/")  # type: ignore[arg-type]
    hub.page_served("/", 2)
    hub.join(current, "http://127.0.0.1:8000/")  # type: ignore[arg-type]
    assert [m["command"] for m in late.sent] == ["reload"] and current.sent == []  # type: ignore[index]


def test_the_server_runs_in_a_thread_and_stops_when_asked(tmp_path: Path) -> None:
    """The `DevServer` API used by the command, in-process: start, rebuild on a save, stop from another thread."""
    from sitegen.serve import DevServer, ServeOptions

    site = copy_example(tmp_path / "site")
    outcomes = []
    server = DevServer(ServeOptions(root=site, port=0), on_build=outcomes.append)
    url = server.start()
    assert url == f"http://127.0.0.1:{server.port}/" and outcomes[0].result is not None
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        _edit(site / UNIT, "name: 白鹤镇", "name: 白鹤镇（改）")
        deadline = time.monotonic() + 15
        while len(outcomes) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [o.changes for o in outcomes] == [(), (UNIT,)]
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("GET", "/units/baihe/")
        assert "白鹤镇（改）" in connection.getresponse().read().decode("utf-8")
        connection.close()
    finally:
        server.stop()
        thread.join(15)
    assert not thread.is_alive()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()



def test_a_preview_folder_is_told_from_a_published_one_and_a_build_into_it_replaces_the_preview(
        tmp_path: Path) -> None:
    # serve refused only output_dir itself, so a folder `sitegen build --output pub` published was overwritten by
    # the preview. Each preview now marks its folder (.sitegen-preview, listed in its manifest, hidden from
    # readers as every .sitegen-* file is); a folder with a manifest and no mark is a build's.
    from sitegen.serve import DevServer, ServeOptions, check_serve_folders
    from sitegen.write import MANIFEST, PREVIEW_MARK, listed_files

    site = copy_example(tmp_path / "site")
    for output in (None, "preview"):
        check_serve_folders(site, output)
        outcomes = []
        server = DevServer(ServeOptions(root=site, port=0, output=output), on_build=outcomes.append)
        server.start()
        server.close()
        folder = site / (output or PREVIEW_OUTPUT)
        result = outcomes[0].result
        assert result is not None and PREVIEW_MARK not in result.changed_paths
        listed = listed_files((folder / MANIFEST).read_text(encoding="utf-8"))
        assert PREVIEW_MARK in listed and result.files == len(listed) - 1
        assert (folder / PREVIEW_MARK).read_bytes().startswith(b"sitegen serve wrote this folder")
        check_serve_folders(site, output)  # the preview's own folder, again: allowed
    # A build into the preview's folder replaces it: build output is what is published, the mark goes.
    built = build(BuildOptions(root=site, output="preview"))
    assert not (site / "preview" / PREVIEW_MARK).exists()
    assert PREVIEW_MARK not in listed_files((site / "preview" / MANIFEST).read_text(encoding="utf-8"))
    assert built.files == len(listed_files((site / "preview" / MANIFEST).read_text(encoding="utf-8")))
    assert not any(b"127.0.0.1" in p.read_bytes() for p in (site / "preview").rglob("*.html"))
    before = tree_hashes(site / "preview")
    with pytest.raises(SiteError) as refused:
        check_serve_folders(site, "preview")
    assert [(p.message, p.hint) for p in refused.value.problems] == [(
        '--output: "preview" holds the site sitegen build published; the preview (drafts, links to 127.0.0.1) '
        "would replace it, and the next copy of that folder to the web server would publish the preview",
        # Not "e.g. --output preview": that is the folder refused.
        "leave --output out (the preview then goes to .sitegen-cache/preview/), or name a folder of its own, "
        "e.g. --output preview2")]
    assert tree_hashes(site / "preview") == before
    check_serve_folders(site, "preview2")  # the hint, followed: allowed


def test_a_port_held_by_another_program_is_told_with_a_port_free_now(tmp_path: Path) -> None:
    # Another site's preview (or any program) on the port asked for: the hint always offered 8001. And the
    # refused preview left its claim file (.sitegen-cache/.preview.serving, .pub.serving beside --output pub).
    site = copy_example(tmp_path / "site")
    before = tree_hashes(tmp_path)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        taken = other.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", str(taken)],
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == f"error: cannot listen on 127.0.0.1:{taken}: Address already in use"
    offered = re.fullmatch(rf"  hint: another program uses port {taken} \(a preview of another site, perhaps\); "
                           r"choose another: --port (\d+) is free now", lines[1])
    assert offered is not None and len(lines) == 2
    assert taken < int(offered[1]) <= taken + 20
    assert tree_hashes(tmp_path) == before and not (site / ".sitegen-cache").exists()
    with socket.socket() as check:  # free indeed, unless another program took it meanwhile
        check.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the preview listens
        check.bind(("127.0.0.1", int(offered[1])))


def test_a_second_server_of_one_site_is_refused_with_the_first_ones_address_and_build_clean_keeps_the_preview(
        tmp_path: Path) -> None:
    # A second sitegen serve built into the same preview: the first one's pages then linked to the second's
    # address, and every build of each failed on template files the other removed. And sitegen build --clean
    # emptied .sitegen-cache, preview included: every page the open server served was a 404.
    from sitegen.serve import DevServer, ServeOptions
    from sitegen.write import OutputClaimedError

    site = copy_example(tmp_path / "site")
    first = DevServer(ServeOptions(root=site, port=0))
    url = first.start()
    thread = threading.Thread(target=first.serve_forever)
    thread.start()
    try:
        with pytest.raises(OutputClaimedError) as refused:
            DevServer(ServeOptions(root=site, port=0)).start()
        assert refused.value.address == url
        done = subprocess.run([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", "0"],
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.splitlines() == [
            f"error: another sitegen serve is already previewing this site at {url}",
            f"  hint: open {url} in the browser, or stop that server (Ctrl-C in its window) before starting this "
            "one; to run two at once, give this one a preview folder of its own: --output .sitegen-cache/preview2"]
        # Its own port asked for again: the port is taken by that same server, which is what to say.
        done = subprocess.run([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port",
                               str(first.port)], capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert done.returncode == 1 and done.stdout == ""
        # The port offered is the first free one after it: another program may hold the very next one.
        told = done.stderr.splitlines()
        offered = int(told[-1].rsplit("--port ", 1)[1]) if "--port " in told[-1] else 0
        assert first.port < offered <= first.port + 20
        assert told == [
            f"error: another sitegen serve is already previewing this site at {url}",
            f"  hint: open {url} in the browser, or stop that server (Ctrl-C in its window) before starting this "
            f"one; to run two at once, give this one a preview folder and a port of its own: --output "
            f".sitegen-cache/preview2 "
            f"--port {offered}"]
        # The folder offered is allowed, and in the build cache, which git leaves out.
        second = DevServer(ServeOptions(root=site, port=0, output=".sitegen-cache/preview2"))
        second.start()
        second.close()
        (site / ".sitegen-cache" / "left-by-an-older-build").write_text("x", encoding="utf-8")
        build(BuildOptions(root=site, clean=True, search=False))
        connection = http.client.HTTPConnection("127.0.0.1", first.port, timeout=10)
        connection.request("GET", "/units/baihe/")
        assert connection.getresponse().status == 200
        connection.close()
        assert (site / PREVIEW_OUTPUT / "index.html").is_file()
        assert not (site / ".sitegen-cache" / "left-by-an-older-build").exists()  # the rest was emptied
    finally:
        first.stop()
        thread.join(15)
    again = DevServer(ServeOptions(root=site, port=0))  # the first one stopped: its claim is given up
    again.start()
    again.close()


def test_a_page_open_at_an_address_it_no_longer_has_is_sent_to_its_new_one(tmp_path: Path) -> None:
    # Changing a title or slug moved the page while its tab was open: the tab reloaded to "页面未找到".
    from sitegen.serve import DevServer, ServeOptions

    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))  # published: its addresses are known to readers
    outcomes = []
    server = DevServer(ServeOptions(root=site, port=0), on_build=outcomes.append)
    server.start()
    thread = threading.Thread(target=server.serve_forever)
    thread.start()

    def answer(path: str, published: bool = True) -> tuple[int, str | None]:
        """The status and the redirect's address, the old address it names (a published one only) checked and
        left out."""
        status, location, _ = fetch(quote(path))
        if location is not None:
            location, _, query = location.partition("?")
            assert parse_qs(query) == ({MOVED_FROM: [path if path.endswith("/") else path + "/"]} if published else {})
        return status, location

    def fetch(path: str) -> tuple[int, str | None, str]:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.getheader("Location"), response.read().decode("utf-8")
        finally:
            connection.close()
    try:
        for builds, slug in ((2, "baihe-gai"), (3, "baihe-second")):
            text = (site / INTERVIEW).read_text(encoding="utf-8")
            (site / INTERVIEW).write_text(re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text), encoding="utf-8")
            deadline = time.monotonic() + 15
            while len(outcomes) < builds and time.monotonic() < deadline:
                time.sleep(0.05)
        assert [o.result is not None for o in outcomes] == [True, True, True]
        assert answer(INTERVIEW_URL) == (302, "/interviews/baihe-second/")
        assert answer("/interviews/baihe-gai", published=False) == (302, "/interviews/baihe-second/")
        assert answer("/interviews/baihe-second/")[0] == 200
        assert answer("/interviews/never-was/") == (404, None)
        # Followed, the redirect's page says the old address works in the preview only, and how to keep it: a link
        # typed with it was only "leads to no page" in the build, and worked when clicked in the preview.
        status, location, page = fetch(quote(INTERVIEW_URL))
        banners = [element.text_content() for element in
                   html.fromstring(fetch(location)[2]).cssselect(".sitegen-preview-banner")]
        assert banners == [f"此页原地址 {INTERVIEW_URL} 已发布过，现已改为本页的地址；预览会把旧地址转到这里，但发布后旧地址将打不开"
                           f"（404）。要保留旧地址，在本页的 aliases: 中写上 {INTERVIEW_URL}。 Moved: {INTERVIEW_URL} was "
                           "published, and leads here in the preview only: once this is published it leads nowhere "
                           f"(404), unless listed under aliases: [{INTERVIEW_URL}]."]
        assert not html.fromstring(fetch(quote("/interviews/baihe-second/"))[2]).cssselect(".sitegen-preview-banner")
        # Only an address this page had: another named in the query shows nothing.
        forged = fetch(quote("/interviews/baihe-second/") + "?" + urlencode({MOVED_FROM: "/interviews/x/"}))[2]
        assert not html.fromstring(forged).cssselect(".sitegen-preview-banner")
        # The file renamed, its address made from the new name: the tab follows it too.
        text = (site / INTERVIEW).read_text(encoding="utf-8")
        (site / "content/interviews/baihe-huifang.md").write_text(re.sub(r"(?m)^slug: .*\n", "", text),
                                                                   encoding="utf-8")
        (site / INTERVIEW).unlink()
        deadline = time.monotonic() + 15
        while len(outcomes) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert outcomes[-1].result is not None
        assert answer("/interviews/baihe-second/", published=False) == (302, "/interviews/baihe-huifang/")
        assert answer(INTERVIEW_URL) == (302, "/interviews/baihe-huifang/")
        # A page file deleted as an unrelated one is written beside it is no rename: the old address is a 404.
        page = site / "content/interviews/baihe-huifang.md"
        (site / "content/interviews/hedao.md").write_text(
            re.sub(r"(?m)^title: .*$", "title: 河道保洁情况通报", page.read_text(encoding="utf-8")), encoding="utf-8")
        page.unlink()
        deadline = time.monotonic() + 15
        while len(outcomes) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert outcomes[-1].result is not None
        assert answer("/interviews/baihe-huifang/") == (404, None)
        # A unit's file renamed, and its pages' "unit:" with it (its address is made from the file's name):
        # followed by the unit's name. It was a 404, as only interviews and case studies had titles.
        (site / "content/interviews/hedao.md").unlink()
        for page in (site / "content").rglob("*.md"):
            page.write_text(page.read_text(encoding="utf-8").replace("\nunit: baihe\n", "\nunit: baihe-zhen\n"),
                            encoding="utf-8")
        unit = site / "content/units/baihe.yaml"
        (site / "content/units/baihe-zhen.yaml").write_text(unit.read_text(encoding="utf-8"), encoding="utf-8")
        unit.unlink()
        deadline = time.monotonic() + 15  # the saves may come in more than one build, the first ones failing
        while (len(outcomes) < 6 or outcomes[-1].result is None) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert outcomes[-1].result is not None, outcomes[-1].problems
        assert answer("/units/baihe/") == (302, "/units/baihe-zhen/")
        unit_page = fetch(fetch(quote("/units/baihe/"))[1])[2]  # a unit has no aliases: of addresses
        assert [element.text_content() for element in html.fromstring(unit_page).cssselect(
            ".sitegen-preview-banner")] == ["此页原地址 /units/baihe/ 已发布过，现已改为本页的地址；预览会把旧地址转到这里，但发布后旧地址"
                                            "将打不开（404）。要保留旧地址，把文件名改回原来的。 Moved: /units/baihe/ was "
                                            "published, and leads here in the preview only: once this is published it "
                                            "leads nowhere (404), unless the file gets its old name back."]
    finally:
        server.stop()
        thread.join(15)


def test_the_moved_banner_names_only_a_published_address_and_goes_once_the_move_is_undone(tmp_path: Path) -> None:
    # A move undone left the tab at the page's address with ?sitegen-moved-from=<the address it had for seconds>:
    # every reload showed the banner again, advising aliases: for an address sitegen build never published.
    from sitegen.serve import DevServer, ServeOptions

    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))  # published: INTERVIEW_URL is known to readers
    outcomes = []
    server = DevServer(ServeOptions(root=site, port=0), on_build=outcomes.append)
    server.start()
    thread = threading.Thread(target=server.serve_forever)
    thread.start()

    def fetch(path: str) -> tuple[int, str | None, list[str]]:
        """The status, the redirect's address and the page's banners."""
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8")
        finally:
            connection.close()
        banners = ([element.text_content() for element in html.fromstring(body).cssselect(".sitegen-preview-banner")]
                   if response.status == 200 else [])
        return response.status, response.getheader("Location"), banners

    def set_slug(slug: str, builds: int) -> None:
        text = (site / INTERVIEW).read_text(encoding="utf-8")
        (site / INTERVIEW).write_text(re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text), encoding="utf-8")
        deadline = time.monotonic() + 15
        while len(outcomes) < builds and time.monotonic() < deadline:
            time.sleep(0.05)
        assert outcomes[-1].result is not None

    def moved_from(address: str) -> str:
        return "?" + urlencode({MOVED_FROM: address})
    published = (f"此页原地址 {INTERVIEW_URL} 已发布过，现已改为本页的地址；预览会把旧地址转到这里，但发布后旧地址将打不开（404）。"
                 f"要保留旧地址，在本页的 aliases: 中写上 {INTERVIEW_URL}。 Moved: {INTERVIEW_URL} was published, and "
                 "leads here in the preview only: once this is published it leads nowhere (404), unless listed under "
                 f"aliases: [{INTERVIEW_URL}].")
    try:
        set_slug("baihe-gai", 2)
        tab = "/interviews/baihe-gai/" + moved_from(INTERVIEW_URL)
        assert fetch(quote(INTERVIEW_URL)) == (302, tab, [])
        assert fetch(tab) == (200, None, [published])
        # Moved again: the tab follows, still told of the published address, never of the preview's own.
        set_slug("baihe-second", 3)
        tab = "/interviews/baihe-second/" + moved_from(INTERVIEW_URL)
        assert fetch("/interviews/baihe-gai/" + moved_from(INTERVIEW_URL)) == (302, tab, [])
        assert fetch(tab) == (200, None, [published])
        assert fetch("/interviews/baihe-gai/") == (302, "/interviews/baihe-second/", [])
        assert fetch("/interviews/baihe-second/" + moved_from("/interviews/baihe-gai/")) == (200, None, [])
        # Undone: the page is at its published address again; the tab goes there, and no reload shows a banner.
        set_slug("baihe-dadiaoyan-weifangtan", 4)
        assert fetch(tab) == (302, INTERVIEW_URL, [])
        assert fetch(quote(INTERVIEW_URL)) == (200, None, [])
        assert fetch(quote(INTERVIEW_URL) + moved_from("/interviews/baihe-second/")) == (200, None, [])
    finally:
        server.stop()
        thread.join(15)


def test_a_page_moved_back_after_its_move_was_published_gets_no_banner_as_the_build_gives_no_warning(
        tmp_path: Path) -> None:
    # Moved while serve ran, published by sitegen build, then moved back as the build's hint offers: the build
    # warned of nothing, but the preview's banner said /interviews/baihe-gai/ was published and would lead nowhere.
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))
    server = ServeProcess(site)
    try:
        _edit(site / INTERVIEW, "slug: baihe-dadiaoyan-weifangtan", "slug: baihe-gai")
        server.wait_for_builds(2)
        assert [p.message.split(" since")[0] for p in build(BuildOptions(root=site, search=False)).warnings] == [
            f"the page's address changed from {INTERVIEW_URL} to /interviews/baihe-gai/"]
        _edit(site / INTERVIEW, "slug: baihe-gai", "slug: baihe-dadiaoyan-weifangtan")
        server.wait_for_builds(3)
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", "/interviews/baihe-gai/")
            response = connection.getresponse()
            response.read()
            assert (response.status, response.getheader("Location")) == (302, INTERVIEW_URL)
        finally:
            connection.close()
        page = server.get(quote(INTERVIEW_URL) + "?" + urlencode({MOVED_FROM: "/interviews/baihe-gai/"}))[1]
        assert "sitegen-preview-banner" not in page
    finally:
        server.stop()
    assert build(BuildOptions(root=site, search=False)).warnings == []


def test_ctrl_c_during_a_build_says_the_build_ends_first(tmp_path: Path) -> None:
    # On a 1,300-page site Ctrl-C during a rebuild took 6 s to stop, with nothing said meanwhile.
    from sitegen.serve import DevServer, ServeOptions

    said: list[str] = []
    idle = DevServer(ServeOptions(root=copy_example(tmp_path / "site"), port=0), on_stopping=lambda: said.append("idle"))
    idle._on_ctrl_c()
    busy = DevServer(ServeOptions(root=tmp_path / "site", port=0), on_stopping=lambda: said.append("busy"))
    busy.building = True
    busy._on_ctrl_c()
    assert said == ["busy"]

# --- the warnings panel -------------------------------------------------------------------------

PANEL = '<section id="sitegen-warnings"'
TARGET_WARNING = "content/units/baihe.yaml:24:13"


def _panel_items(page: str) -> list[tuple[str, str]]:
    """The panel's warnings as listed: (file:line:column, message), in order; none without a panel."""
    panel = page[page.index(PANEL):] if PANEL in page else ""
    return re.findall(r'<code>([^<]*)</code>.*?<p lang="en">([^<]*)</p>', panel)


def test_warnings_show_in_every_page_this_page_first_until_fixed_and_never_in_the_build(tmp_path: Path,
                                                                                        serve) -> None:
    site = copy_example(tmp_path / "site")
    server = serve(site)
    assert PANEL not in server.get("/")[1]  # the example has no warning: no panel
    _edit(site / UNIT, "  - group: residents\n    target: 80", "  - group: residents\n    target: 0.8")
    server.wait_for_builds(2)
    assert f"{TARGET_WARNING}: warning: target: 0.8 is read as 0.8%" in server.output
    for path in ("/", INTERVIEW_URL, "/units/baihe/", "/no-such-page/"):
        page = server.get(path)[1]
        assert page.count(PANEL) == 1, path
        assert _panel_items(page) == [(TARGET_WARNING, "target: 0.8 is read as 0.8%")], path
        assert "提示 <span lang=\"en\">Hint</span>: if you meant 80%, write 80 (percent, from 0 to 100); if 0.8% " \
               "is right, write 0.8%" in page
        assert page.index(PANEL) < page.rindex("</body>"), path
    assert "⚠ 1 条提醒 · 本页 1 条" in server.get("/units/baihe/")[1]  # the unit's page: its own file
    assert "⚠ 1 条提醒 <span" in server.get("/")[1]  # the home page comes from no file of its own

    # A second warning, in the interview: the interview's page lists it first, the unit's page second.
    _edit(site / INTERVIEW, "白鹤镇从三个方面推进大调研。", "白河镇从三个方面推进大调研。")
    server.wait_for_builds(3)
    misspelt = (f"{INTERVIEW}:32:1", "&quot;白河镇&quot; is a misspelling of the unit name 白鹤镇")
    target = (TARGET_WARNING, "target: 0.8 is read as 0.8%")
    assert _panel_items(server.get(INTERVIEW_URL)[1]) == [misspelt, target]
    assert _panel_items(server.get("/units/baihe/")[1]) == [target, misspelt]

    # Fixed and saved: the panel goes, on every page.
    _edit(site / INTERVIEW, "白河镇从三个方面", "白鹤镇从三个方面")
    _edit(site / UNIT, "target: 0.8", "target: 80")
    server.wait_for_builds(4)
    for path in ("/", INTERVIEW_URL, "/no-such-page/"):
        assert PANEL not in server.get(path)[1], path
    _edit(site / UNIT, "target: 80", "target: 0.8")
    server.wait_for_builds(5)
    server.stop()
    # sitegen build prints the warning, and never writes the panel into a file.
    done = subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and f"{TARGET_WARNING}: warning: target: 0.8" in done.stderr
    assert not [p for p in (site / "output").rglob("*.html") if "sitegen-warnings" in p.read_text(encoding="utf-8")]


def test_a_warning_given_once_stays_listed_with_its_time_until_its_file_is_saved(tmp_path: Path, serve) -> None:
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))  # published: the preview compares with what was
    server = serve(site)
    _edit(site / INTERVIEW, "slug: baihe-dadiaoyan-weifangtan", "slug: baihe-dadiaoyan")
    server.wait_for_builds(2)
    moved = (f"{INTERVIEW}:3:1", "the page&#x27;s address changed from /interviews/baihe-dadiaoyan-weifangtan/ to "
             "/interviews/baihe-dadiaoyan/ since the last build: links to the old address will no longer work")
    assert _panel_items(server.get("/interviews/baihe-dadiaoyan/")[1]) == [moved]
    # Published meanwhile (sitegen build in another window), then another file saved: the preview warns no
    # more (the published address is recorded), the panel still lists it.
    assert len(build(BuildOptions(root=site, search=False)).warnings) == 1
    _edit(site / UNIT, "name: 白鹤镇", "name: 白鹤镇 ")
    server.wait_for_builds(3)
    assert "address changed" not in server.output.split("changed: " + UNIT)[1]
    page = server.get("/interviews/baihe-dadiaoyan/")[1]
    assert _panel_items(page) == [moved]
    assert "之前报告的提醒" in page and "Reported earlier" in page
    assert "⚠ 之前报告的提醒 1 条" in page and "· 1 earlier warning</span>" in page
    assert re.search(r'报告于 <span lang="en">reported at</span> \d\d:\d\d:\d\d</span>', page)
    # Its own file saved: the editor has worked on it, the panel goes.
    _edit(site / INTERVIEW, "slug: baihe-dadiaoyan", "slug: baihe-dadiaoyan\n")
    server.wait_for_builds(4)
    assert PANEL not in server.get("/interviews/baihe-dadiaoyan/")[1]
    server.stop()


CASE = "content/cases/baihe-sige-zui.md"
# The case study is the example's one page tagged 环境整治: its tag's page goes with it, and is named.
GONE = (CASE, "this file is gone since the last build, so its page &quot;白鹤镇补齐“四个最”民生短板&quot; at "
              "/cases/baihe-sige-zui/ is no longer published, nor is the page of its tag 环境整治 "
              "(/tags/huan-jing-zheng-zhi/), on no page now: links to them will get 404 (page not found)")
RENAMED_GONE = ("content/cases/sige.md", "this file is gone (the last build published it under its old name "
                f"{CASE}), so its page &quot;白鹤镇补齐“四个最”民生短板&quot; at /cases/baihe-sige-zui/ is no longer "
                "published, nor is the page of its tag 环境整治 (/tags/huan-jing-zheng-zhi/), on no page now: links "
                "to them will get 404 (page not found)")


def test_a_gone_file_s_warning_goes_once_another_file_keeps_its_address_or_the_file_comes_back(
        tmp_path: Path, serve) -> None:
    # The warning stayed listed under "Reported earlier" after an alias on another page kept the address, or after
    # the file, renamed then deleted, came back: "saving the file clears it" named a file that no longer existed,
    # and only restarting the preview cleared it.
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))  # published: the preview compares with what was
    text = (site / CASE).read_text(encoding="utf-8")
    other = site / "content/cases/baihe-caomei.md"
    server = serve(site)
    (site / CASE).unlink()
    server.wait_for_builds(2)
    assert _panel_items(server.get("/")[1]) == [GONE]
    # The hint followed: another page keeps the old address.
    _edit(other, "slug: baihe-caomei\n", "slug: baihe-caomei\naliases: [/cases/baihe-sige-zui/]\n")
    server.wait_for_builds(3)
    assert "warning" not in server.output.split("changed: content/cases/baihe-caomei.md")[-1]
    assert PANEL not in server.get("/")[1]
    _edit(other, "aliases: [/cases/baihe-sige-zui/]\n", "")
    server.wait_for_builds(4)
    assert _panel_items(server.get("/")[1]) == [GONE]
    # The file back under another name (its slug keeps its address), deleted, then restored (an undo).
    renamed = site / "content/cases/sige.md"
    for builds, change in ((5, lambda: renamed.write_text(text, encoding="utf-8")), (6, renamed.unlink),
                           (7, lambda: renamed.write_text(text, encoding="utf-8"))):
        change()
        server.wait_for_builds(builds)
        assert _panel_items(server.get("/")[1]) == ([RENAMED_GONE] if builds == 6 else []), builds
    server.stop()


def test_a_published_gone_file_s_earlier_warning_goes_once_another_page_keeps_its_address(
        tmp_path: Path, serve) -> None:
    # Published meanwhile, the warning stays listed as news; the hint followed in another page's file (the only way
    # but putting the file back) left it there, as a save of a file that no longer exists was the only way out.
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))
    other = site / "content/cases/baihe-caomei.md"
    server = serve(site)
    (site / CASE).unlink()
    server.wait_for_builds(2)
    assert _panel_items(server.get("/")[1]) == [GONE]
    build(BuildOptions(root=site, search=False))  # sitegen build in another window publishes the deletion
    _edit(site / UNIT, "name: 白鹤镇", "name: 白鹤镇 ")
    server.wait_for_builds(3)
    page = server.get("/")[1]
    assert _panel_items(page) == [GONE] and "⚠ 之前报告的提醒 1 条 <span" in page
    _edit(site / UNIT, "name: 白鹤镇 ", "name: 白鹤镇")  # another file saved: still news
    server.wait_for_builds(4)
    assert _panel_items(server.get("/")[1]) == [GONE]
    _edit(other, "slug: baihe-caomei\n", "slug: baihe-caomei\naliases: [/cases/baihe-sige-zui/]\n")
    server.wait_for_builds(5)
    assert PANEL not in server.get("/")[1]
    server.stop()


def test_a_file_renamed_then_deleted_is_told_at_the_name_the_editor_last_saw(tmp_path: Path, serve) -> None:
    # The warning named the file as the last sitegen build published it, a name the editor renamed away from.
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))
    server = serve(site)
    renamed = site / "content/cases/sige.md"
    (site / CASE).rename(renamed)  # its slug keeps its address: nothing to warn of
    server.wait_for_builds(2)
    assert PANEL not in server.get("/")[1]
    renamed.unlink()
    server.wait_for_builds(3)
    assert _panel_items(server.get("/")[1]) == [RENAMED_GONE]
    server.stop()


def test_the_preview_has_the_published_addresses_decoded_as_it_reads_requests(tmp_path: Path) -> None:
    # An alias typed percent-encoded was published at its decoded path, which the preview compares with.
    site = copy_example(tmp_path / "site")
    _edit(site / "content/cases/baihe-caomei.md", "slug: baihe-caomei\n",
          "slug: baihe-caomei\naliases: [/cases/%E8%8D%89%E8%8E%93/]\n")
    build(BuildOptions(root=site, search=False))
    published = build(BuildOptions(root=site, search=False, output=PREVIEW_OUTPUT, include_drafts=True)).published
    assert sorted(address for address in published.addresses if address.startswith("/cases/")) == [
        "/cases/baihe-caomei/", "/cases/baihe-sige-zui/", "/cases/草莓/"]
    assert published.urls[CASE] == "/cases/baihe-sige-zui/" and published.files[CASE] == "白鹤镇补齐“四个最”民生短板"
    assert build(BuildOptions(root=site, search=False)).published == Published()  # a build publishes: none kept


def test_names_shown_pairs_a_published_file_with_its_one_new_name_in_its_folder_by_title() -> None:
    from sitegen.serve import SiteState, names_shown

    published = Published(files={"content/cases/a.md": "甲", "content/cases/b.md": "乙", "content/cases/c.md": "丙",
                                 "content/cases/d.md": "丁", "content/units/baihe.yaml": "白鹤镇"})
    state = SiteState(2, Path("out"), published=published,
                      titles={"content/cases/a2.md": "甲", "content/cases/b.md": "乙", "content/interviews/c.md": "丙",
                              "content/cases/x.md": "丁", "content/cases/y.md": "丁",
                              "content/units/baihe-zhen.yaml": "白鹤镇"})
    # b.md kept its name; c.md's title is in another folder; d.md's is on two new files, either of which it may be.
    assert names_shown(state) == (("content/cases/a.md", "content/cases/a2.md"),
                                  ("content/units/baihe.yaml", "content/units/baihe-zhen.yaml"))
    assert names_shown(SiteState(1, Path("out"))) == ()


def test_a_new_draft_s_slug_changed_while_serving_is_not_warned_nor_given_a_redirect_by_the_build(
        tmp_path: Path, serve) -> None:
    # The preview kept its own record of addresses, drafts included: the slug changed as `sitegen new` says to was
    # warned ("the page's address changed from /cases/zhong-gu-…/ … add aliases: […]"), and the build then
    # published a redirect page at an address that was never public.
    site = copy_example(tmp_path / "site")
    build(BuildOptions(root=site, search=False))
    made = subprocess.run([sys.executable, "-m", "sitegen", "new", "case", "重固镇乡村振兴", "--unit", "baihe",
                           "--site", str(site)], capture_output=True, text=True, encoding="utf-8")
    assert made.returncode == 0 and "change the slug: line now, before the page is published" in made.stderr
    draft = site / "content/cases/zhong-gu-zhen-xiang-cun-zhen-xing.md"
    server = serve(site)
    assert server.get("/cases/zhong-gu-zhen-xiang-cun-zhen-xing/")[0] == 200
    _edit(draft, "slug: zhong-gu-zhen-xiang-cun-zhen-xing", "slug: chonggu-xiangcun")
    server.wait_for_builds(2)
    status, page = server.get("/cases/chonggu-xiangcun/")
    assert status == 200 and PANEL not in page
    assert "warning" not in server.output and "address changed" not in server.output
    server.stop()
    for placeholder, text in (("draft: true", "draft: false"), ("调研中发现的问题（一两句话）", "村里缺少产业。"),
                              ("第一项做法", "引进草莓种植"), ("正文……", "重固镇的做法。")):
        _edit(draft, placeholder, text)
    done = subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    assert (site / "output/cases/chonggu-xiangcun/index.html").is_file()
    assert not (site / "output/cases/zhong-gu-zhen-xiang-cun-zhen-xing").exists()


def test_list_warnings_keeps_only_what_a_publication_stopped_until_its_file_is_saved() -> None:
    moved = Problem(INTERVIEW, 3, 1, "warning", "the page's address changed")
    target = Problem(UNIT, 24, 13, "warning", "target: 0.8 is read as 0.8%")
    site_wide = Problem("", None, None, "warning", "no file")
    first = list_warnings((), [moved, target, site_wide], {INTERVIEW}, "10:00:01", "published-1")
    assert first == (ListedWarning(moved, "10:00:01", publication="published-1"),
                     ListedWarning(target, "10:00:01", publication="published-1"),
                     ListedWarning(site_wide, "10:00:01", publication="published-1"))
    # Published meanwhile, only the unit saved: the target still warned (its first time kept), the address given
    # no more as the move is published: kept, as it may be news the editor missed.
    second = list_warnings(first, [target], {UNIT}, "10:05:00", "published-2")
    assert second == (ListedWarning(target, "10:00:01", publication="published-2"),
                      ListedWarning(moved, "10:00:01", current=False, publication="published-1"))
    assert list_warnings(second, [], {UNIT}, "10:06:00", "published-2") == (
        ListedWarning(moved, "10:00:01", current=False, publication="published-1"),)
    # Its file saved, deleted or back again (each a change of its path): the editor worked on it.
    assert list_warnings(second, [], {INTERVIEW, UNIT}, "10:06:00", "published-2") == ()
    # Nothing published: what stopped was mended by the saves, whichever file they were (an alias added on
    # another page keeps the address of a file gone; a file renamed back).
    assert list_warnings(first, [target], {UNIT}, "10:05:00", "published-1") == (
        ListedWarning(target, "10:00:01", publication="published-1"),)
    assert list_warnings(first, [], set(), "10:05:00", "published-1") == ()
    # A file gone, published meanwhile: kept until another page serves its address (its own file cannot be saved).
    gone = Problem(CASE, None, None, "warning", "this file is gone since the last build")
    told = list_warnings((), [gone], {CASE}, "10:00:01", "published-1", {CASE: "/cases/baihe-sige-zui/"})
    assert told == (ListedWarning(gone, "10:00:01", publication="published-1", address="/cases/baihe-sige-zui/"),)
    assert list_warnings(told, [], {UNIT}, "10:05:00", "published-2", {}, lambda address: False) == (
        replace(told[0], current=False),)
    assert list_warnings(told, [], {UNIT}, "10:05:00", "published-2", {},
                         lambda address: address == "/cases/baihe-sige-zui/") == ()


def test_the_panel_is_escaped_labelled_and_lists_the_page_s_own_warnings_first() -> None:
    other = ListedWarning(Problem(UNIT, 2, 1, "warning", "<b>bold</b>", "fix <i>it</i>"), "09:00:00")
    own = ListedWarning(Problem(INTERVIEW, 9, 3, "warning", "own"), "09:00:00")
    once = ListedWarning(Problem(INTERVIEW, 3, 1, "warning", "moved"), "08:59:58", current=False)
    panel = warnings_panel([other, own, once], INTERVIEW)
    assert re.findall(r"<code>([^<]*)</code>", panel) == [f"{INTERVIEW}:9:3", f"{UNIT}:2:1", f"{INTERVIEW}:3:1"]
    assert "&lt;b&gt;bold&lt;/b&gt;" in panel and "fix &lt;i&gt;it&lt;/i&gt;" in panel and "<b>" not in panel
    assert ('<section id="sitegen-warnings" class="sitegen-warnings" aria-labelledby="sitegen-warnings-title" '
            'lang="zh-CN">') in panel
    assert '报告于 <span lang="en">reported at</span> 08:59:58' in panel
    # The headline counts what is to fix now, the earlier warnings apart.
    assert ('<summary id="sitegen-warnings-title">⚠ 2 条提醒 · 本页 1 条 · 之前 1 条 <span '
            'class="sitegen-warnings-en" lang="en">· 2 warnings, 1 on this page (+1 earlier)</span></summary>') in panel
    assert ('<summary id="sitegen-warnings-title">⚠ 之前报告的提醒 1 条 <span class="sitegen-warnings-en" '
            'lang="en">· 1 earlier warning</span></summary>') in warnings_panel([once], None)
    assert "⚠ 1 条提醒 <span" in warnings_panel([own], None) and "· 1 warning</span>" in warnings_panel([own], None)
    assert warnings_panel([], INTERVIEW) == ""
    page = b"<html><body><p>a</p></body></html>"
    assert inject_panel(page, "") == page
    assert inject_panel(page, "<x>") == b"<html><body><p>a</p><x></body></html>"


# --- the lines quoted on the error page -------------------------------------------------------------


def _excerpt(page: bytes) -> str:
    found = re.search(r'<pre class="source"[^>]*><code>(.*?)</code></pre>', page.decode("utf-8"), re.S)
    return found.group(1) if found else ""


def test_a_file_saved_as_utf16_is_quoted_as_its_text_not_its_bytes(tmp_path: Path) -> None:
    # Quoted as UTF-8, it read "1 │ ��---" and "3 │ # ��� Interview0�N…".
    site = copy_example(tmp_path / "site")
    case = site / "content" / "cases" / "baihe-caomei.md"
    text = case.read_text(encoding="utf-8")
    for encoding, data in (("utf-16", text.replace("\n", "\r\n").encode("utf-16")),  # Notepad's "Unicode"
                           ("utf-16-be", text.encode("utf-16-be"))):  # no byte-order mark
        case.write_bytes(data)
        with pytest.raises(SiteError) as failure:
            build(BuildOptions(root=site, search=False))
        problems = [p for p in failure.value.problems if p.severity == "error"]
        assert [p.format() for p in problems] == [
            'content/cases/baihe-caomei.md:1:1: error: the file is saved as UTF-16 ("Unicode"), not UTF-8\n'
            "  hint: open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again"], encoding
        assert _excerpt(error_page(problems, site)) == (
            '<span class="here">    1 │ <mark>-</mark>--</span>\n'
            "    2 │ title: 做大做强白鹤草莓\n"
            "    3 │ slug: baihe-caomei"), encoding


def test_a_file_that_cannot_be_decoded_is_not_quoted(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.md").write_bytes(b"---\ntitle: \xff\xfe\xfd\x80 x\n---\n")
    page = error_page([Problem("content/x.md", 2, 8, "error", "the file is not UTF-8 text")], tmp_path)
    assert '<pre class="source"' not in page.decode("utf-8") and "\ufffd" not in page.decode("utf-8")
    (tmp_path / "content" / "gbk.md").write_bytes("---\ntitle: 白鹤镇访谈\n---\n".encode("gb18030"))
    page = error_page([Problem("content/gbk.md", 2, 8, "warning", "GBK")], tmp_path)
    assert _excerpt(page) == ('    1 │ ---\n<span class="here">    2 │ title: <mark>白</mark>鹤镇访谈</span>\n'
                              "    3 │ ---")


def test_a_tally_that_does_not_add_up_quotes_its_four_figures(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "site")
    _edit(site / UNIT, "    in_progress: 50", "    in_progress: 46")
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=site, search=False))
    [problem] = failure.value.problems
    # At the figure the texts single out (the tally's note and the pages give 50), the four quoted with it.
    assert problem.format() == (
        f"{UNIT}:16:18: error: tally of 2018-04-26 does not add up: escalated 143 + resolved 103 + in progress "
        "46 = 292, but collected is 296\n"
        "  hint: in_progress: 46 is likely the one mistyped: the tally's note (line 17), content/interviews/"
        "2018-05-baihe-dadiaoyan.md:45 and 1 more give 50 for in progress (办理中) that day, and with 50 the four add "
        "up; if the source document (原文) says 50 too, correct it to in_progress: 50")
    assert problem.span == (13, 16)
    assert _excerpt(error_page([problem], site)) == (
        '<span class="about">   13 │     collected: 296</span>\n'
        '<span class="about">   14 │     escalated: 143</span>\n'
        '<span class="about">   15 │     resolved: 103</span>\n'
        '<span class="here">   16 │     in_progress: <mark>4</mark>6</span>\n'
        "   17 │     note: 据《大调研微访谈│白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤》（上海热线新闻网），截至2018年4月26日的"
        "累计数：各调研组开展调研318批次，收集问题清单296份，其中143份已提交区相关部门，103份已解决，50份正在办理。\n"
        "   18 │ ")


_CTRL_C_TO_THE_WATCHER = """
import signal, sys, threading, time
from pathlib import Path
from sitegen.serve import DevServer, ServeOptions

server = DevServer(ServeOptions(root=Path(sys.argv[1]), port=0))
server.start()

def press_ctrl_c():
    time.sleep(1)  # the loop is then waiting, with nothing scheduled
    watcher = next(t for t in threading.enumerate() if t.name == "sitegen-watcher")
    signal.pthread_kill(watcher.ident, signal.SIGINT)

threading.Thread(target=press_ctrl_c, daemon=True).start()
try:
    server.serve_forever()
except KeyboardInterrupt:
    print("stopped")
"""


def test_ctrl_c_stops_the_server_when_the_watcher_thread_receives_it(tmp_path: Path) -> None:
    # Linux hands a process's SIGINT to any of its threads: given to the watcher thread, Ctrl-C
    # left the event loop asleep with nothing scheduled, and sitegen serve never stopped (one run
    # in three of the test above hung so).
    site = copy_example(tmp_path / "site")
    done = subprocess.run([sys.executable, "-c", _CTRL_C_TO_THE_WATCHER, str(site)], capture_output=True,
                          text=True, encoding="utf-8", timeout=30, cwd=REPO)
    assert (done.returncode, done.stdout.splitlines()[-1:]) == (0, ["stopped"]), done.stderr


def test_moved_since_follows_each_renamed_file_by_its_title_and_no_unrelated_one() -> None:
    from sitegen.serve import SiteState, moved_since

    before = SiteState(1, Path("out"), sources={"interviews/a/index.html": "content/interviews/a.md",
                                                "interviews/b/index.html": "content/interviews/b.md",
                                                "cases/c/index.html": "content/cases/c.md"},
                       titles={"content/interviews/a.md": "甲", "content/interviews/b.md": "乙",
                               "content/cases/c.md": "丙"})
    # a.md and b.md renamed in one save; c.md deleted as an unrelated case is written.
    sources = {"interviews/a2/index.html": "content/interviews/a2.md",
               "interviews/b2/index.html": "content/interviews/b2.md", "cases/d/index.html": "content/cases/d.md"}
    titles = {"content/interviews/a2.md": "甲", "content/interviews/b2.md": "乙", "content/cases/d.md": "丁"}
    assert moved_since(before, sources, titles) == {"/interviews/a/": "content/interviews/a2.md",
                                                     "/interviews/b/": "content/interviews/b2.md",
                                                     "/cases/c/": "content/cases/c.md"}
