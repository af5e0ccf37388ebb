"""Helpers for tests: write small sites from dicts, build them, parse their pages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Mapping

import lxml.html

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CASES = SHARED / "cases"

MINIMAL_CONFIG = "title: 测试站点\nbase_url: https://example.org/\n"

SERIES = "title: 大调研微访谈\nblurb: 各镇负责人谈大调研。\npublisher: 区大调研办公室\n"
UNIT = """name: 白鹤镇
level: town
misspellings: [白河镇, 百合镇]
tallies:
  - as_of: 2018-04-26
    batches: 318
    collected: 296
    escalated: 143
    resolved: 103
    in_progress: 50
"""


def interview(title: str = "白鹤镇访谈", *, date: str = "2018-05-03 10:00", body: str = "## 问题一\n\n回答。\n",
              extra: str = "") -> str:
    """Return the text of a valid interview with the given title, date and body."""
    return (f"---\ntitle: {title}\nseries: dadiaoyan\nunit: baihe\n"
            f"interviewee:\n  name: 受访人\n  role: 党委书记\ndate: {date}\n{extra}---\n\n{body}")


def write_site(root: Path, files: Mapping[str, str | bytes], *, config: str = MINIMAL_CONFIG,
               records: bool = True) -> Path:
    """Write a site folder: site.yaml, optionally a series and a unit, then ``files``.

    ``files`` maps paths relative to the site root to text (written as UTF-8)
    or bytes (written as they are). Returns the root.
    """
    root.mkdir(parents=True, exist_ok=True)
    all_files: dict[str, str | bytes] = {"site.yaml": config}
    if records:
        all_files["content/series/dadiaoyan.yaml"] = SERIES
        all_files["content/units/baihe.yaml"] = UNIT
    all_files.update(files)
    for rel, data in all_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    return root


def copy_example(dest: Path) -> Path:
    """Copy the bundled example site (site.yaml, content/, templates/) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", dest / "site.yaml")
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, dest / folder)
    return dest


def parse_html(path: Path) -> lxml.html.HtmlElement:
    """Parse an HTML file (UTF-8)."""
    return lxml.html.fromstring(path.read_bytes())


def text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text with whitespace runs folded to one space."""
    return " ".join(element.text_content().split())


def tree_hashes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, by relative path (for before/after comparisons)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
