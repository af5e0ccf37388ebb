#!/usr/bin/env python3
"""Benchmark runner: sitegen's builds against the naive Python pipeline.

    .venv/bin/python benchmarks/run.py [--pages 1000 10000] [--repeat 3] [--jobs N] [--markdown]

For each size N it makes (or reuses) the corpus ``benchmarks/corpus/<N>/site``
(`corpus.py`), then measures, in one run and interleaved (round-robin over
the measurements within each repeat, so machine noise hits all alike):

- the naive pipeline (`naive.py`) with 1 and 2 processes (naive-1 is the baseline);
- a cold build (no output folder, no cache) and its peak memory; a no-change
  rebuild; one-interview, one-template and one-tally edits (each rebuilt, then
  restored and rebuilt untimed so the next one starts in sync), and a second
  one-interview edit after the first (the spare site then in place). When
  ``sitegen build`` has a flag to leave out the search index, these builds use
  it: the targets time the search index separately;
- then, with the search index: a cold build and a one-interview edit, whose
  differences to the builds above are the search index's own time.

Every timing is the wall clock of a whole child process (interpreter start,
imports, work, exit), the median of ``--repeat`` runs. The tables give each
median as a ratio to naive-1 and the performance targets with PASS/FAIL.
Standard library only (plus the corpus and naive scripts beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402  (the generator beside this file)

CORPUS_ROOT = HERE / "corpus"
DISCARDED = "discarded"  # beside a corpus's site/: folders set aside until the run ends (`set_aside`)
SEARCH_FLAGS = ("--no-search", "--skip-search")
SAMPLE_SECONDS = 0.2

LABELS = {
    "naive1": "naive Python, 1 process",
    "naive2": "naive Python, 2 processes",
    "startup": "sitegen start-up only (--version)",
    "cold": "cold build (no output, no cache)",
    "nochange": "no-change rebuild",
    "interview": "one-interview edit",
    "interview_again": "one-interview edit, again (the spare site in place)",
    "template": "one-template edit (base.html)",
    "tally": "one-tally edit",
    "cold_search": "cold build with search index",
    "interview_search": "one-interview edit with search index",
}


class BenchError(Exception):
    """A child process failed or the corpus is not clean; the message says which and where the log is."""


# --- running a child process ------------------------------------------------

@dataclass(frozen=True)
class Sample:
    """One timed child process.

    ``seconds``: wall clock; ``cpu_seconds``: user + system CPU time of the
    child and its waited-for descendants (less sensitive than wall time to
    other load on the machine); ``maxrss_mb``: its ru_maxrss in MB;
    ``tree_mb``: the sampled peak PSS of its process tree in MB (0 when not sampled).
    """

    seconds: float
    cpu_seconds: float
    maxrss_mb: float
    tree_mb: float = 0.0


def _tree_pids(root: int) -> list[int]:
    """Return ``root`` and all its descendants (from /proc/<pid>/task/<tid>/children)."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return pids


def _memory_kb(pid: int) -> int:
    """Return the PSS of one process in kB (its RSS where smaps_rollup is missing; 0 once gone)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and its descendants every `SAMPLE_SECONDS`; keeps the peak in MB."""

    def __init__(self, pid: int) -> None:
        """Prepare to sample the tree under ``pid``; `start` begins."""
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        """Sample until `done` is set."""
        while not self.done.wait(SAMPLE_SECONDS):
            total = sum(_memory_kb(pid) for pid in _tree_pids(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)


def run_process(cmd: list[str], log: Path, sample_tree: bool = False) -> Sample:
    """Run ``cmd`` to its end, stdout and stderr into ``log``; return its `Sample`.

    Seconds are wall clock from start to exit. ``maxrss_mb`` is the child's
    own ``ru_maxrss`` from ``os.wait4`` (the largest single process among it
    and its waited-for descendants). With ``sample_tree`` the summed PSS of
    the whole process tree is sampled too. Raises `BenchError` on a non-zero exit.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=HERE)
        sampler = TreeSampler(proc.pid) if sample_tree else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    if sampler:
        sampler.done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BenchError(f"exit {proc.returncode}: {' '.join(cmd)}\n  see {log}:\n"
                         + log.read_text(encoding="utf-8", errors="replace")[-3000:])
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, sampler.peak_mb if sampler else 0.0)


# --- the site under test ----------------------------------------------------

@dataclass
class Bench:
    """One corpus under test: its folders, the build command's options, the samples taken and
    the 1-minute load average before and after each round (other work on the machine)."""

    pages: int
    root: Path
    build_flags: dict[str, str | None]
    jobs: int | None
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    load: list[float] = field(default_factory=list)

    @property
    def site(self) -> Path:
        """The sitegen site folder."""
        return self.root / "site"

    def log(self, name: str) -> Path:
        """Return the log file of the latest run of measurement ``name``."""
        return self.root / "logs" / f"{name}.log"

    def build_cmd(self, *extra: str, search: bool = False) -> list[str]:
        """Return the ``python -m sitegen build`` command: ``--quiet``, ``--jobs`` when supported and asked,
        and the flag that leaves out the search index unless ``search`` (when the build has one)."""
        cmd = [sys.executable, "-m", "sitegen", "build", "--site", str(self.site), "--quiet", *extra]
        if self.jobs and self.build_flags.get("jobs"):
            cmd += ["--jobs", str(self.jobs)]
        if not search and self.build_flags.get("search"):
            cmd.append(self.build_flags["search"])  # type: ignore[arg-type]
        return cmd

    def build(self, name: str, *extra: str, sample_tree: bool = False, search: bool = False) -> Sample:
        """Run one build; returns its `Sample` (seconds, MB)."""
        return run_process(self.build_cmd(*extra, search=search), self.log(name), sample_tree)


def theme_base() -> Path:
    """Return the default theme's ``base.html`` of the sitegen the children import (the checkout's ``templates/``)."""
    code = "from sitegen.render import default_theme_dir; print(default_theme_dir())"
    folder = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE, check=True).stdout
    return Path(folder.strip()) / "base.html"


def compile_bytecode() -> str:
    """Compile the measured sitegen's modules to bytecode, as ``pip install`` does; returns what happened.

    Python reads ``__pycache__`` even when told not to write it
    (``PYTHONDONTWRITEBYTECODE``, set on some machines and in CI), so without
    this step every measured build would compile sitegen's source again
    (about 0.08 s a build here), which an installed sitegen never does.
    """
    package = theme_base().parent.parent / "sitegen"
    result = subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], capture_output=True, text=True)
    return "compiled" if result.returncode == 0 else f"not compiled ({(result.stdout + result.stderr).strip()[:200]})"


def build_flags() -> dict[str, str | None]:
    """Read ``sitegen build --help``; return the flags found: ``clean``, ``jobs``, ``search`` (the flag that skips it) or None each."""
    text = subprocess.run([sys.executable, "-m", "sitegen", "build", "--help"], capture_output=True,
                          text=True, cwd=HERE, check=True).stdout
    found = {"clean": "--clean" if re.search(r"--clean\b", text) else None,
             "jobs": "--jobs" if re.search(r"--jobs\b", text) else None, "search": None}
    for flag in SEARCH_FLAGS:
        if re.search(re.escape(flag) + r"\b", text):
            found["search"] = flag
    return found


def ensure_corpus(pages: int, seed: int, units: int | None) -> Path:
    """Return ``benchmarks/corpus/<pages>``, generating its ``site/`` when missing, stale or edited.

    The corpus is reused when its marker has the same parameters and the
    site's files still have the digest recorded at generation (an
    interrupted run could have left an edit behind). Every run checks the
    corpus with the sitegen it measures, which may check more than the one
    that generated it: it must pass ``sitegen check`` with 0 errors and 0
    warnings, else `BenchError` (a warning on every build is work a clean
    site never does, and would be measured with it).
    """
    root = CORPUS_ROOT / str(pages)
    site, units = root / "site", units or corpus.default_units(pages)
    marker = site / corpus.MARKER
    info = json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else {}
    if site.exists() and not marker.is_file():
        shutil.rmtree(site)  # a generation that was cut short
    wanted = {"pages": pages, "seed": seed, "units": units, "generator": corpus_version()}
    if any(info.get(k) != v for k, v in wanted.items()) or info.get("digest") != corpus.site_digest(site):
        progress(f"[{pages}] generating the corpus in {site}")
        info = {**corpus.generate(site, pages, seed, units), **wanted}
        marker.write_text(json.dumps(info, indent=1), encoding="utf-8")
    progress(f"[{pages}] checking the corpus")
    check_corpus(site, root / "logs" / "check.log")
    reset_output(site)  # the check fills the build cache: the first cold build starts without it all the same
    return root


def corpus_version() -> str:
    """Return a short digest of corpus.py's source: a changed generator means a new corpus."""
    import hashlib
    return hashlib.sha256((HERE / "corpus.py").read_bytes()).hexdigest()[:12]


def check_corpus(site: Path, log: Path) -> None:
    """Run ``sitegen check --format json`` on the corpus. Raises `BenchError` unless it reports no problem at all."""
    result = subprocess.run([sys.executable, "-m", "sitegen", "check", "--site", str(site), "--format", "json"],
                            capture_output=True, text=True, cwd=HERE)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    problems = json.loads(result.stdout or "[]") if result.stdout.strip().startswith("[") else None
    if result.returncode != 0 or problems != []:
        raise BenchError(f"the corpus in {site} is not clean ({len(problems or [])} problem(s)); see {log}")


def reset_output(site: Path) -> None:
    """Move the output folder, the cache, the spare site and staging leftovers of ``site`` aside, for a cold build
    (`set_aside`)."""
    for path in [site / "output", site / ".sitegen-cache", site / ".output.spare", *site.glob(".output.staging-*"),
                 *site.glob(".output.old-*")]:
        if path.is_dir():
            set_aside(path, site.parent)


def set_aside(path: Path, root: Path) -> None:
    """Move the folder ``path`` into ``root/discarded/`` (``root``: the corpus's folder, on the same file system),
    to be removed when the run ends (`remove_discarded`).

    Removing it here would slow whatever runs next, and unevenly: on an
    ext4 file system without a journal (this kind of machine's) a new file
    or folder is not given the number of one deleted in the last minute or
    more, and the kernel looks past each such number one by one, so every
    file a build creates costs more the more were just deleted (a cold
    build of 1,000 pages right after deleting the last one's folders:
    5.30 s, 1.78 s of it in the kernel; after moving them aside: 4.63 s and
    0.59 s; medians of 4). A rename frees nothing.
    """
    discarded = root / DISCARDED
    discarded.mkdir(exist_ok=True)
    os.replace(path, discarded / f"{time.monotonic_ns()}-{path.name}")


def remove_discarded() -> None:
    """Remove every corpus's ``discarded/`` folder (`set_aside`): at the end of a run, when nothing is timed after."""
    for folder in CORPUS_ROOT.glob(f"*/{DISCARDED}"):
        shutil.rmtree(folder, ignore_errors=True)


def progress(message: str) -> None:
    """Print a progress line to stderr (the tables go to stdout)."""
    print(message, file=sys.stderr, flush=True)


# --- the edits ----------------------------------------------------------------

def edit_interview(site: Path, n: int) -> Callable[[], None]:
    """Append a sentence (numbered ``n``) to the body of the first interview; returns the function that restores it."""
    path = site / "content" / "interviews" / "fangtan-00000.md"
    original = path.read_bytes()
    text = original.decode("utf-8").rstrip("\n") + f"\n\n编者注：本句由基准测试第{n}次追加。\n"
    path.write_bytes(text.encode("utf-8"))
    return lambda: path.write_bytes(original)


def edit_template(site: Path, n: int) -> Callable[[], None]:
    """Create ``templates/base.html`` in the site: the default theme's, plus ``{# bench n #}``.

    Returns the function that removes it again (and ``templates/`` when it was made here).
    """
    folder = site / "templates"
    made = not folder.exists()
    folder.mkdir(exist_ok=True)
    target = folder / "base.html"
    target.write_bytes(theme_base().read_bytes() + f"{{# bench {n} #}}\n".encode())

    def restore() -> None:
        """Remove the override again."""
        target.unlink()
        if made:
            folder.rmdir()
    return restore


def edit_tally(site: Path, n: int) -> Callable[[], None]:
    """Add ``n`` issue lists to the latest tally of the first unit (collected and in_progress alike, so it adds up).

    Returns the function that restores the file.
    """
    path = sorted((site / "content" / "units").glob("*.yaml"))[0]
    original = path.read_bytes()
    text = original.decode("utf-8")
    for key in ("collected", "in_progress"):
        last = list(re.finditer(rf"^    {key}: (\d+)$", text, re.M))[-1]
        text = text[:last.start(1)] + str(int(last.group(1)) + n) + text[last.end(1):]
    path.write_bytes(text.encode("utf-8"))
    return lambda: path.write_bytes(original)


EDITS = {"interview": edit_interview, "template": edit_template, "tally": edit_tally}


# --- the measurements ---------------------------------------------------------

def measure_naive(bench: Bench, jobs: int) -> Sample:
    """Time `naive.py` with ``jobs`` processes into a fresh ``naive-out/``; returns its `Sample`."""
    out = bench.root / "naive-out"
    if out.exists():
        set_aside(out, bench.root)
    cmd = [sys.executable, str(HERE / "naive.py"), "--site", str(bench.site), "--out", str(out), "--jobs", str(jobs)]
    return run_process(cmd, bench.log(f"naive{jobs}"))


def measure_cold(bench: Bench, name: str = "cold", search: bool = False) -> Sample:
    """Time a cold build: output folder and cache removed first (``--clean`` passed too when the build has it).

    Samples the process tree's memory as well. Returns its `Sample`.
    """
    reset_output(bench.site)
    flags = [bench.build_flags["clean"]] if bench.build_flags["clean"] else []
    return bench.build(name, *flags, sample_tree=True, search=search)


def measure_edit(bench: Bench, name: str, n: int, search: bool = False) -> Sample:
    """Apply edit ``name`` (numbered ``n``), time the rebuild, restore, then rebuild untimed to resync. Returns the timed `Sample`."""
    label = f"{name}_search" if search else name
    restore = EDITS[name](bench.site, n)
    try:
        sample = bench.build(label, search=search)
    finally:
        restore()
    bench.build(f"{label}-restore", search=search)
    return sample


def measurements(bench: Bench) -> list[tuple[str, Callable[[int], Sample]]]:
    """Return the measurements of one repeat, in the order they run: (name, function of the repeat number)."""
    steps: list[tuple[str, Callable[[int], Sample]]] = [
        ("naive1", lambda n: measure_naive(bench, 1)),
        ("naive2", lambda n: measure_naive(bench, 2)),
        ("startup", lambda n: run_process([sys.executable, "-m", "sitegen", "--version"], bench.log("startup"))),
        ("cold", lambda n: measure_cold(bench)),
        ("nochange", lambda n: bench.build("nochange")),
        *[(name, lambda n, name=name: measure_edit(bench, name, n)) for name in EDITS],
    ]
    # The first edit after a cold build makes the whole spare site (a folder per page, a hard link per file);
    # the next one, as an editor's every later edit, finds it in place. Printed, not a target.
    at = [name for name, _ in steps].index("interview") + 1
    steps.insert(at, ("interview_again", lambda n: measure_edit(bench, "interview", 1000 + n)))
    if bench.build_flags["search"]:
        steps += [("cold_search", lambda n: measure_cold(bench, "cold_search", search=True)),
                  ("interview_search", lambda n: measure_edit(bench, "interview", n, search=True))]
    return steps


def run_size(pages: int, args: argparse.Namespace, flags: dict[str, str | None]) -> Bench:
    """Measure one corpus size: a warm-up build, then ``--repeat`` interleaved rounds. Returns the `Bench` with its samples."""
    bench = Bench(pages, ensure_corpus(pages, args.seed, args.units), flags, args.jobs)
    bench.load.append(os.getloadavg()[0])
    progress(f"[{pages}] warm-up build")
    measure_cold(bench, "warmup")
    steps = measurements(bench)
    for repeat in range(1, args.repeat + 1):
        for name, step in steps:
            sample = step(repeat)
            bench.samples.setdefault(name, []).append(sample)
            progress(f"[{pages}] round {repeat}/{args.repeat}: {LABELS[name]}: {sample.seconds:.2f} s")
        bench.load.append(os.getloadavg()[0])
    return bench


# --- results and targets --------------------------------------------------------

def median(bench: Bench, name: str) -> float | None:
    """Return the median seconds of measurement ``name``, or None when it was not measured."""
    runs = bench.samples.get(name)
    return statistics.median(s.seconds for s in runs) if runs else None


def cold_reference(bench: Bench) -> float:
    """Return the cold build every target uses: without the search index when the build can leave it out."""
    return median(bench, "cold")  # type: ignore[return-value]


def peak_memory(bench: Bench, name: str = "cold") -> tuple[float, float]:
    """Return a cold build's peak memory in MB over all rounds: (largest process ru_maxrss, sampled process-tree PSS)."""
    runs = bench.samples[name]
    return max(s.maxrss_mb for s in runs), max(s.tree_mb for s in runs)


def size_targets(bench: Bench) -> list[tuple[str, str, bool]]:
    """Return the targets of one size: (target, measured, passed)."""
    naive1, ref = median(bench, "naive1"), cold_reference(bench)
    cold = ref
    edit_limit = 0.03 if bench.pages >= 10_000 else 0.10
    rows = [(f"cold build ≤ 0.65 × naive-1 ({0.65 * naive1:.2f} s)", f"{ref:.2f} s = {ref / naive1:.2f} × naive-1",
             ref <= 0.65 * naive1)]
    for name, limit in (("nochange", 0.05), ("interview", edit_limit), ("template", 0.40)):
        value = median(bench, name)
        rows.append((f"{LABELS[name]} ≤ {limit:.0%} of cold", f"{value:.2f} s = {value / cold:.1%} of cold",
                     value <= limit * cold))
    if bench.pages >= 10_000:
        peak = max(peak_memory(bench))
        rows.append(("peak memory of the cold build ≤ 500 MB", f"{peak:.0f} MB", peak <= 500))
    return rows


def growth_targets(benches: list[Bench]) -> list[tuple[str, str, bool]]:
    """Return the linear-growth target for each pair of consecutive sizes: cold(b) ≤ 1.1 × (b / a) × cold(a)."""
    rows = []
    ordered = sorted(benches, key=lambda b: b.pages)
    for small, large in zip(ordered, ordered[1:]):
        factor = 1.1 * large.pages / small.pages
        ratio = cold_reference(large) / cold_reference(small)
        rows.append((f"cold({large.pages:,}) ≤ {factor:g} × cold({small.pages:,})", f"{ratio:.2f} ×", ratio <= factor))
    return rows


# --- printing -------------------------------------------------------------------

def table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    """Return rows as a Markdown table, or as aligned plain text (numbers right-aligned)."""
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    def line(cells: list[str]) -> str:
        """Join one row's cells, padded to the column widths."""
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(row) for row in rows])


def timing_rows(bench: Bench) -> list[list[str]]:
    """Return one row per measurement: name, median s, every run, ratio to naive-1, share of the cold build, median CPU s."""
    naive1, cold = median(bench, "naive1"), median(bench, "cold")
    rows = []
    for name, label in LABELS.items():
        value = median(bench, name)
        if value is None:
            continue
        runs = " ".join(f"{s.seconds:.2f}" for s in bench.samples[name])
        share = "" if name.startswith("naive") or name == "startup" else f"{value / cold:.1%}"
        cpu = statistics.median(s.cpu_seconds for s in bench.samples[name])
        rows.append([label, f"{value:.2f}", runs, f"{value / naive1:.2f}", share, f"{cpu:.2f}"])
    return rows


def target_rows(targets: list[tuple[str, str, bool]]) -> list[list[str]]:
    """Return the target rows as table cells with PASS/FAIL."""
    return [[target, measured, "PASS" if passed else "FAIL"] for target, measured, passed in targets]


def size_report(bench: Bench, repeat: int, markdown: bool) -> str:
    """Return the report of one size: the timing table, memory, search and load lines, and the targets."""
    info = json.loads((bench.site / corpus.MARKER).read_text(encoding="utf-8"))
    head = (f"{bench.pages:,} pages ({bench.pages - info['cases']:,} interviews, {info['cases']:,} case studies, "
            f"{info['units']} units, about {info['avg_body_cjk']} CJK characters a body); median of {repeat}")
    rss, tree = peak_memory(bench)
    without = " without the search index" if bench.build_flags.get("search") else ""
    notes = [f"peak memory of the cold build{without}: {rss:.0f} MB largest process (ru_maxrss), "
             f"{tree:.0f} MB whole process tree (PSS sampled every {SAMPLE_SECONDS} s)"]
    if median(bench, "cold_search") is not None:
        rss, tree = peak_memory(bench, "cold_search")
        notes.append(f"peak memory of the cold build with the search index: {rss:.0f} MB largest process "
                     f"(Pagefind), {tree:.0f} MB process tree")
        notes.append(f"search index: {median(bench, 'cold_search') - median(bench, 'cold'):.2f} s in a cold build, "
                     f"{median(bench, 'interview_search') - median(bench, 'interview'):.2f} s after a one-interview "
                     "edit (each: the build with it minus the build without it)")
    notes.append("load average (1 min) before and after each round: " + ", ".join(f"{x:.1f}" for x in bench.load))
    return "\n".join([f"### {head}" if markdown else f"== {head} ==", "",
                      table(["measurement", "median s", "runs (s)", "× naive-1", "% of cold", "CPU s"],
                            timing_rows(bench), markdown), "", bullets(notes, markdown), "",
                      table(["target", "measured", "status"], target_rows(size_targets(bench)), markdown), ""])


def bullets(lines: list[str], markdown: bool) -> str:
    """Return lines as a Markdown list, or as they are for plain text."""
    return "\n".join(("- " if markdown else "") + line for line in lines)


def machine_report(flags: dict[str, str | None], jobs: int | None, markdown: bool, bytecode: str,
                   label: str | None = None) -> str:
    """Return the lines naming the date, machine, Python, sitegen's commit, its bytecode and the build flags used.

    A copy outside this repository is named by ``label`` (``--label``, e.g. the commit it was archived from).
    """
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout.strip()
    package = theme_base().parent.parent / "sitegen"
    found = ", ".join(f for f in flags.values() if f) or "none of --clean, --jobs, " + "/".join(SEARCH_FLAGS)
    return bullets([
        f"date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M UTC%z}",
        f"machine: {os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable), {model}, "
        f"{platform.system()} {platform.release()}",
        f"Python {platform.python_version()} ({sys.executable}); sitegen from {package} "
        + (f"(repository HEAD {commit or '?'}, plus uncommitted changes if any)" if package.is_relative_to(REPO)
           else f"(a copy labelled {label})" if label
           else "(a copy outside this repository, e.g. via PYTHONPATH; name it with --label)")
        + f"; its bytecode {bytecode}",
        f"sitegen build flags found: {found}; --jobs asked: {jobs or 'no (the build default)'}",
    ], markdown)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default: 1000 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median is reported (default 3)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to sitegen build when it has --jobs")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--label", help="what the measured sitegen is, when it is a copy outside this repository "
                                        "(e.g. the commit it was archived from); printed in the report")
    parser.add_argument("--units", type=int, default=None, help="default: max(20, pages // 50)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables (for benchmarks/README.md)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run every size and print the report. Returns 0, or 1 when a build failed."""
    args = parse_args(argv)
    flags = build_flags()
    bytecode = compile_bytecode()
    try:
        benches = [run_size(pages, args, flags) for pages in args.pages]
    except BenchError as failure:
        print(f"benchmark stopped: {failure}", file=sys.stderr)
        return 1
    finally:
        progress("removing the folders set aside")
        remove_discarded()
    print(machine_report(flags, args.jobs, args.markdown, bytecode, args.label) + "\n")
    for bench in benches:
        print(size_report(bench, args.repeat, args.markdown))
    growth = growth_targets(benches)
    if growth:
        print(table(["target", "measured", "status"], target_rows(growth), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
