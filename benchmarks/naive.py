#!/usr/bin/env python3
"""The "naive Python" pipeline: the baseline every figure is divided by.

    python benchmarks/naive.py --site DIR --out OUT [--jobs 1|2]

For each ``content/interviews/*.md`` and ``content/cases/*.md`` of the site:
read the file, split the front matter, ``yaml.load(..., Loader=yaml.CSafeLoader)``,
convert the body with Python-Markdown (``tables`` extension; one instance per
process, ``reset()`` between pages), fill a trivial Jinja2 template and write
``OUT/<stem>/index.html``. No lists, feeds, checks, charts or search. With
``--jobs 2`` the files are shared out to 2 processes (multiprocessing).

Prints one line: pages written and seconds taken (wall clock, imports excluded;
the runner times the whole process).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

import jinja2
import markdown
import yaml

TEMPLATE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ meta.title }}</title></head>
<body><main><h1>{{ meta.title }}</h1><p>{{ meta.date }}</p>
{{ body }}
</main></body></html>
"""

_state: dict[str, object] = {}


def _setup(out: str) -> None:
    """Per-process set-up: one Markdown instance, one compiled template, the output folder."""
    _state["md"] = markdown.Markdown(extensions=["tables"])
    _state["template"] = jinja2.Environment(autoescape=True).from_string(TEMPLATE)
    _state["out"] = Path(out)


def split_front_matter(text: str) -> tuple[str, str]:
    """Split ``---`` front matter from the body. Takes the file text; returns (YAML text, body)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[4:end], text[end + 5:]
    return "", text


def convert(path: str) -> int:
    """Turn one Markdown file into ``OUT/<stem>/index.html``. Takes its path; returns bytes written."""
    text = Path(path).read_text(encoding="utf-8")
    front, body = split_front_matter(text)
    meta = yaml.load(front, Loader=yaml.CSafeLoader) or {}
    html_body = _state["md"].reset().convert(body)  # type: ignore[attr-defined]
    page = _state["template"].render(meta=meta, body=jinja2.utils.markupsafe.Markup(html_body))  # type: ignore[attr-defined]
    target = _state["out"] / Path(path).stem  # type: ignore[operator]
    target.mkdir(parents=True, exist_ok=True)
    data = page.encode("utf-8")
    (target / "index.html").write_bytes(data)
    return len(data)


def sources(site: Path) -> list[str]:
    """Return the interview and case-study files of a site folder, sorted."""
    return sorted(str(p) for folder in ("interviews", "cases") for p in (site / "content" / folder).glob("*.md"))


def run(site: Path, out: Path, jobs: int = 1) -> int:
    """Convert every page of ``site`` into ``out`` with ``jobs`` processes. Returns the number of pages."""
    files = sources(site)
    out.mkdir(parents=True, exist_ok=True)
    if jobs <= 1:
        _setup(str(out))
        for path in files:
            convert(path)
    else:
        with multiprocessing.Pool(jobs, initializer=_setup, initargs=(str(out),)) as pool:
            for _ in pool.imap_unordered(convert, files, chunksize=max(1, len(files) // (jobs * 20))):
                pass
    return len(files)


def main(argv: list[str] | None = None) -> int:
    """Command line: parse options, run, print pages and seconds. Returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="site folder (holding content/)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--jobs", type=int, default=1, choices=(1, 2, 3, 4, 6, 8, 16))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages = run(args.site, args.out, args.jobs)
    print(f"naive: {pages} pages in {time.perf_counter() - started:.2f} s with {args.jobs} process(es)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
