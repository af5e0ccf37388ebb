#!/usr/bin/env python3
"""The floor under a cold build: what sitegen does to each Markdown body, against the naive pipeline.

    .venv/bin/python benchmarks/floor.py [--pages 1000] [--repeat 3]

On the bodies of a benchmark corpus (``benchmarks/corpus/<N>/site``, made
by ``run.py`` or ``corpus.py``), in one process, interleaved, median of
``--repeat`` rounds, CPU seconds (``time.process_time``) per page:

- **naive page:** all the naive pipeline does to a page (`naive.convert`:
  read, front matter, YAML, Python-Markdown with ``tables``, Jinja2, write);
- **sitegen's Markdown:** Python-Markdown with sitegen's extensions and
  options (`sitegen.markupext`), converting only;
- **sitegen's body:** all sitegen does to a body (`MarkdownRenderer.render`:
  that conversion, sanitizing, plain text, headings, and the checks that
  tell an editor's mistakes at their line).

A cold build must do the third for every page; shared out perfectly over
2 processes, with nothing else (no reading, templates, lists, charts,
feeds, open data, writing or start-up), it still takes half of it. The
last line gives that as a ratio to the naive page in one process (naive-1
without its start-up), and what the cold-build target (≤ 0.65 × naive-1)
leaves for all else a cold build does: reading and checking the front
matter, the site graph, rendering pages, lists, charts, feeds and open
data, writing, start-up.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
TARGET = 0.65  # the cold-build target, × naive-1 (benchmarks/README.md, "Targets")
sys.path.insert(0, str(HERE))
import naive  # noqa: E402  (the baseline beside this file)

import markdown  # noqa: E402

from sitegen.markup import MarkdownRenderer  # noqa: E402
from sitegen.markupext import MARKDOWN_EXTENSIONS, SitegenExtension, extension_options  # noqa: E402


def cpu_seconds(work: Callable[[], None]) -> float:
    """Run ``work`` once; returns the CPU seconds it took (user + system of this process)."""
    started = time.process_time()
    work()
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    """Measure and print the three per-page costs and the floor. Returns 0, or 1 without a corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="the corpus size to read (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median is reported (default 3)")
    args = parser.parse_args(argv)
    site = HERE / "corpus" / str(args.pages) / "site"
    files = naive.sources(site)
    if not files:
        print(f"no corpus in {site}: run benchmarks/run.py --pages {args.pages} (or corpus.py) first", file=sys.stderr)
        return 1
    bodies = [naive.split_front_matter(Path(path).read_text(encoding="utf-8"))[1] for path in files]
    extensions = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, SitegenExtension(shortcuts=True)],
                                   extension_configs=extension_options(), output_format="html")
    renderer = MarkdownRenderer()
    with tempfile.TemporaryDirectory() as out:
        naive._setup(out)
        steps = {
            "naive page": lambda: [naive.convert(path) for path in files] and None,
            "sitegen's Markdown": lambda: [extensions.reset().convert(body) for body in bodies] and None,
            "sitegen's body": lambda: [renderer.render(body, path, 1) for body, path in zip(bodies, files)] and None,
        }
        for work in steps.values():
            work()  # once untimed: caches, patterns compiled on first use
        rounds: dict[str, list[float]] = {name: [] for name in steps}
        for _ in range(args.repeat):
            for name, work in steps.items():
                rounds[name].append(cpu_seconds(work))
    per_page = {name: statistics.median(times) / len(files) * 1000 for name, times in rounds.items()}
    base = per_page["naive page"]
    print(f"{len(files)} pages of {site}, CPU ms per page, median of {args.repeat}:")
    for name, ms in per_page.items():
        print(f"  {name:<20} {ms:6.2f} ms  {ms / base:5.2f} × naive page")
    floor = per_page["sitegen's body"] / 2 / base
    left = TARGET - floor
    print(f"sitegen's bodies alone, shared out over 2 processes: {floor:.2f} × naive page; the cold-build target "
          f"(≤ {TARGET} × naive-1) leaves " + (f"{left:.2f} × for all else a cold build does" if left > 0 else
                                                "nothing for all else a cold build does: out of reach"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
