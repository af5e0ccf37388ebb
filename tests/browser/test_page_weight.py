"""Page weight: the interview page's HTML and CSS (no images) stay under 60 KB.

Residents read on phones, often on slow connections: the bytes a reader must
fetch before the interview can be read are its HTML (inline SVG charts
included) and every stylesheet it links (and their ``@import``s). The test
prints them and writes them to ``test-artifacts/page-weight.txt``.

Imports: lxml; the example build from tests/conftest.py.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from .conftest import ARTIFACTS

INTERVIEW = "interviews/baihe-dadiaoyan-weifangtan/index.html"
LIMIT = 60 * 1024
IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""")


def _site_file(output: Path, base_path: str, address: str) -> Path:
    path = urlsplit(address).path
    assert path.startswith(base_path), f"{address} is outside the site"
    relative = path[len(base_path):]
    return output / (relative + "index.html" if relative.endswith("/") or not relative else relative)


def stylesheets(output: Path, base_path: str, page: str) -> list[Path]:
    """The stylesheet files a page loads: its ``<link rel="stylesheet">`` and their ``@import``s."""
    page_address = base_path + page.removesuffix("index.html")
    document = lxml.html.fromstring((output / page).read_bytes())
    queue = [urljoin(page_address, link.get("href"))
             for link in document.cssselect('link[rel~="stylesheet"]') if link.get("href")]
    found: list[Path] = []
    while queue:
        address = queue.pop(0)
        file = _site_file(output, base_path, address)
        if file in found:
            continue
        found.append(file)
        queue += [urljoin(address, target) for target in IMPORT.findall(file.read_text(encoding="utf-8"))]
    return found


def test_interview_page_html_and_css_stay_under_60_kb(example_site: Path) -> None:
    output = example_site / "output"
    parts = {INTERVIEW: (output / INTERVIEW).read_bytes()}
    for sheet in stylesheets(output, "/", INTERVIEW):
        parts[sheet.relative_to(output).as_posix()] = sheet.read_bytes()
    total = sum(len(data) for data in parts.values())
    lines = [f"{name}: {len(data):,} bytes ({len(gzip.compress(data)):,} gzipped)"
             for name, data in parts.items()]
    lines.append(f"interview page, HTML + CSS (no images): {total:,} bytes = {total / 1024:.1f} KB "
                 f"({sum(len(gzip.compress(d)) for d in parts.values()) / 1024:.1f} KB gzipped); "
                 f"limit {LIMIT // 1024} KB")
    report = "\n".join(lines)
    print("\n" + report)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "page-weight.txt").write_text(report + "\n", encoding="utf-8")
    assert len(parts) >= 2, "the interview page links no stylesheet"
    assert total < LIMIT, report
