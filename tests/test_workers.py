"""Worker processes: the same results in the same order as here, and a broken pool loses nothing.

The pools run in a fresh process, as `sitegen build` does: sitegen forks
workers only in a process without other threads, and a test process may
hold some (a browser driver's).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import workers
from sitegen.build import BuildOptions, build
from sitegen.errors import Report
from sitegen.workers import WorkerPool, collector_paused

from .sitekit import UNIT, copy_example, interview, write_site

_SCENARIOS = r'''
import gc, json, os
from sitegen.workers import WorkerPool, collector_paused

PARENT = os.getpid()

def where(number):
    return [number * number, os.getpid() != PARENT, gc.isenabled()]

def die_in_a_worker(number):
    if os.getpid() != PARENT and number == 7:
        os._exit(3)  # a worker killed mid-job (out of memory, say)
    return number + 1

found = {}
with collector_paused(), WorkerPool(2) as pool:
    found["paused here"] = not gc.isenabled()
    found["parallel"] = pool.map(where, list(range(50)), threshold=10)
found["collector back on"] = gc.isenabled()
with WorkerPool(2) as pool:
    found["few"] = pool.map(where, [1, 2, 3], threshold=10)
with WorkerPool(1) as pool:
    found["one worker"] = pool.map(where, list(range(40)), threshold=10)
with WorkerPool(2) as pool:
    found["broken"] = pool.map(die_in_a_worker, list(range(40)), threshold=10)
    found["after broken"] = pool.map(where, list(range(40)), threshold=10)
with WorkerPool(2) as pool:
    pending = [pool.submit(where, n) for n in range(30)]
    found["submitted"] = [p.result() for p in pending]
with WorkerPool(1) as pool:
    found["submitted, one worker"] = [pool.submit(where, n).result() for n in range(5)]
with WorkerPool(2) as pool:
    pending = [pool.submit(die_in_a_worker, n) for n in range(40)]
    found["submitted, broken"] = [p.result() for p in pending]
    found["submitted after broken"] = [pool.submit(where, n).result() for n in range(5)]
print(json.dumps(found))
'''


@pytest.fixture(scope="module")
def scenarios() -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _SCENARIOS], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_results_come_back_in_order_from_the_workers_with_their_collector_on(scenarios: dict) -> None:
    assert scenarios["paused here"] and scenarios["collector back on"]
    assert [square for square, _, _ in scenarios["parallel"]] == [n * n for n in range(50)]
    assert all(in_worker and collector_on for _, in_worker, collector_on in scenarios["parallel"])


def test_below_the_threshold_or_with_one_worker_the_work_runs_here(scenarios: dict) -> None:
    assert scenarios["few"] == [[1, False, True], [4, False, True], [9, False, True]]
    assert [in_worker for _, in_worker, _ in scenarios["one worker"]] == [False] * 40


def test_a_broken_pool_finishes_the_work_here(scenarios: dict) -> None:
    assert scenarios["broken"] == [n + 1 for n in range(40)]
    # Once broken, the pool is not started again.
    assert [in_worker for _, in_worker, _ in scenarios["after broken"]] == [False] * 40


def test_submitted_work_runs_in_the_workers_and_each_result_comes_to_its_caller(scenarios: dict) -> None:
    assert [square for square, _, _ in scenarios["submitted"]] == [n * n for n in range(30)]
    assert all(in_worker for _, in_worker, _ in scenarios["submitted"])
    assert scenarios["submitted, one worker"] == [[n * n, False, True] for n in range(5)]


def test_submitted_work_that_a_broken_pool_lost_is_done_here(scenarios: dict) -> None:
    assert scenarios["submitted, broken"] == [n + 1 for n in range(40)]
    assert [in_worker for _, in_worker, _ in scenarios["submitted after broken"]] == [False] * 5


def test_a_build_pauses_the_collector_and_restores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈", body="正文。\n")})
    seen: list[bool] = []
    original = workers.WorkerPool.__enter__

    def spy(self: WorkerPool) -> WorkerPool:
        seen.append(gc.isenabled())
        return original(self)

    monkeypatch.setattr(workers.WorkerPool, "__enter__", spy)
    build(BuildOptions(root=root, search=False))
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_command_that_ends_the_process_leaves_what_it_made_out_of_later_collections() -> None:
    # Turning the collector back on after a build sets off one collection of every object alive; a
    # process about to end needs none, so they are frozen first. Other callers get no such change.
    kept = []
    gc.unfreeze()
    try:
        with collector_paused():
            kept.append([{"page": n} for n in range(1000)])
        assert gc.get_freeze_count() == 0 and gc.isenabled()
        with collector_paused(freeze_after=True):
            kept.append([{"page": n} for n in range(1000)])
        assert gc.get_freeze_count() >= 2000 and gc.isenabled()
    finally:
        gc.unfreeze()


_APART = r"""
import json, os, signal, time
from sitegen.workers import start_apart

PARENT = os.getpid()
found = {}
with start_apart(lambda: [os.getpid() != PARENT, 6 * 7], workers=2) as apart:
    found["forked"] = apart.forked
    found["apart"] = apart.result()

def die():
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)  # a child killed midway (out of memory, say)
    return "made here"

with start_apart(die, workers=2) as apart:
    found["killed"] = apart.result()

def fails():
    raise ValueError("raised " + ("in the child" if os.getpid() != PARENT else "here"))

try:
    with start_apart(fails, workers=2) as apart:
        apart.result()
except ValueError as error:
    found["raised"] = str(error)
with start_apart(lambda: os.getpid() == PARENT, workers=1) as apart:
    found["one worker"] = [apart.forked, apart.result()]
with start_apart(lambda: time.sleep(60), workers=2) as apart:
    child = apart.forked and apart._child
try:
    os.waitpid(child, os.WNOHANG)
    found["reaped"] = False
except ChildProcessError:
    found["reaped"] = True
print(json.dumps(found))
"""


def test_a_call_apart_runs_in_a_child_and_a_child_that_fails_leaves_it_to_be_made_here() -> None:
    done = subprocess.run([sys.executable, "-c", _APART], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout) == {
        "forked": True, "apart": [True, 42], "killed": "made here",
        "raised": "raised here",  # made again here: the exception is the one this process would raise
        "one worker": [False, True],
        "reaped": True}  # left without its result (an exception on the way), the child is stopped and waited for


_SPIED = r"""
import hashlib, json, shutil, sys
from datetime import datetime
from pathlib import Path
from sitegen import build as b
from sitegen.errors import SiteError
from sitegen.render import default_theme_dir

forked = []
real = b.start_apart

def spy(function, *, workers):
    apart = real(function, workers=workers)
    forked.append(apart.forked)
    return apart

b.start_apart = spy
"""
"""The start of a script that builds with the checks made here or apart: ``forked`` tells which each build did."""

_CHECKS_APART = _SPIED + r"""
found = {}
for site in map(Path, sys.argv[1:]):
    for apart in (False, True):
        b.CHECKS_APART_FROM = 0 if apart else 10 ** 9
        forked.clear()
        output = site.parent / f"{site.name}-{'apart' if apart else 'here'}"
        options = b.BuildOptions(root=site, output=str(output), search=False, cache=False,
                                 now=datetime(2018, 6, 1, 12))
        try:
            told = [p.format() for p in b.build(options).warnings]
        except SiteError as error:
            told = [p.format() for p in error.problems]
        files = {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(output.rglob("*")) if p.is_file()} if output.is_dir() else {}
        checked = b.check(options)
        found[f"{site.name} {'apart' if apart else 'here'}"] = {
            "forked": forked[:], "told": told, "files": files,
            "checked": [p.format() for p in checked.problems], "whole": checked.whole}
print(json.dumps(found, ensure_ascii=False))
"""


def test_the_checks_made_apart_beside_the_site_graph_tell_and_build_what_they_do_made_first(tmp_path: Path) -> None:
    # From CHECKS_APART_FROM pages on, the checks run in a forked child while the site graph is built: the same
    # problems, the same files; and a graph made while the checks found an error goes unused, as it would not
    # have been made (its link warnings, told once the errors are mended, are not told).
    example = copy_example(tmp_path / "example")
    link = interview("白鹤镇访谈二", date="2018-05-20 10:00",
                     body="## 问题\n\n白河镇的[华新镇](units/huaxin/)也来了。\n").replace("dadiaoyan", "dadiaoyan-weifangtan")
    (example / "content/interviews/2018-05-link.md").write_text(link, encoding="utf-8")
    broken = write_site(tmp_path / "broken", {
        "content/units/baihe.yaml": UNIT.replace("collected: 296", "collected: 297"),
        "content/interviews/a.md": interview(body="## 问题\n\n见[华新镇](units/huaxin/)。\n")})
    # A page naming a unit, and one a series, with no file: the graph, made beside the checks from content they
    # had not passed, stopped the build with a KeyError's traceback instead of their errors.
    unknown = write_site(tmp_path / "unknown", {
        "content/interviews/a.md": interview().replace("unit: baihe", "unit: baihee"),
        "content/interviews/b.md": interview("另一篇").replace("series: dadiaoyan", "series: dadiaoyanx")})
    done = subprocess.run([sys.executable, "-c", _CHECKS_APART, str(example), str(broken), str(unknown)],
                          capture_output=True, text=True, check=True, timeout=600)
    found = json.loads(done.stdout)
    unknown_told = found["unknown here"]["told"]
    assert [told.split("\n")[0] for told in unknown_told if ": error: " in told] == [
        'content/interviews/a.md:4:7: error: there is no unit "baihee"',
        'content/interviews/b.md:3:9: error: there is no series "dadiaoyanx"']
    for site in ("example", "broken", "unknown"):
        here, apart = found[f"{site} here"], found[f"{site} apart"]
        assert here["forked"] == [] and apart["forked"] == [True, True], (here, apart)  # a build and a check
        assert apart == {**here, "forked": [True, True]}
    example_told = "\n".join(found["example here"]["told"])
    assert "白河镇" in example_told and "units/huaxin/" in example_told  # a check's warning and the graph's
    assert found["example here"]["whole"] and {"index.html", "units/baihe/index.html", "feed.xml"} <= set(
        found["example here"]["files"]) and len([path for path in found["example here"]["files"]
                                                 if path.startswith("interviews/") and path != "interviews/index.html"]) == 2
    broken_told = "\n".join(found["broken here"]["told"])
    assert "content/units/baihe.yaml" in broken_told and "297" in broken_told and "huaxin" not in broken_told
    assert found["broken here"]["files"] == {} and not found["broken here"]["whole"]


def test_what_a_stage_did_to_its_copy_of_the_report_is_taken_as_withdrawn_and_added() -> None:
    # A check withdraws a warning of loading (told better in one message) and adds its own: a stage run in a
    # child sends both back. Read by position, the withdrawal shifted every later problem one place up and the
    # error added was lost.
    report = Report()
    for line in (1, 2, 3):
        report.warning("content/units/a.yaml", line, 1, f"warning {line}")
    before = list(report.problems)
    report.withdraw(before[1])
    report.error("content/units/a.yaml", 9, 1, "an error")
    report.warning("content/units/a.yaml", 1, 1, "warning 1")  # told again: kept once
    assert report.since(before) == ([before[1]], [report.problems[-1]])
    assert report.problems[-1].message == "an error"
    copy = Report(list(before))
    withdrawn, added = report.since(before)
    for problem in withdrawn:
        copy.withdraw(problem)
    copy.extend(added)
    assert copy.problems == report.problems


_MEANWHILE_APART = _SPIED + r"""
example = Path(sys.argv[1])
tally = (default_theme_dir() / "partials/tally.html").read_text(encoding="utf-8")
found = {}
for apart in (False, True):
    b.CHECKS_APART_FROM = 0 if apart else 10 ** 9
    site = example.parent / ("apart" if apart else "here")
    shutil.copytree(example, site)
    options = b.BuildOptions(root=site, search=False, now=datetime(2018, 6, 1, 12))
    steps = {}

    def built(name):
        forked.clear()
        try:
            told = [p.format() for p in b.build(options).warnings]
        except SiteError as error:
            told = [p.format() for p in error.problems]
        output = site / "output"
        files = {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(output.rglob("*")) if p.is_file() and p.name != ".sitegen-manifest"}
        steps[name] = {"forked": forked[:], "told": told, "files": files}

    built("first")
    page = site / "content/interviews/2018-05-baihe-dadiaoyan.md"
    text = page.read_text(encoding="utf-8").replace("slug: baihe-dadiaoyan-weifangtan", "slug: baihe-moved", 1)
    page.write_text(text + "\n白河镇的调研还在继续。\n", encoding="utf-8")  # an address moved: the record warns
    built("moved")
    (site / "templates/partials").mkdir(parents=True, exist_ok=True)
    (site / "templates/partials/tally.html").write_text(tally.replace("import sum_line %}", "import sum_lines %}", 1),
                                                        encoding="utf-8")
    built("template error")
    unit = site / "content/units/baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("collected: 296", "collected: 297"), encoding="utf-8")
    built("and a check's error")
    found["apart" if apart else "here"] = steps
print(json.dumps(found, ensure_ascii=False))
"""


def test_what_a_build_prepares_while_the_checks_run_apart_tells_and_builds_what_it_does_made_after(
        tmp_path: Path) -> None:
    # From CHECKS_APART_FROM pages on, the render plan and the address record are made while the checks still run
    # in their child: the same warnings in the same order, the same files; a template's error is told with the
    # checks' warnings before it, and when the checks found an error, only theirs is told.
    example = copy_example(tmp_path / "example")
    done = subprocess.run([sys.executable, "-c", _MEANWHILE_APART, str(example)], capture_output=True, text=True,
                          check=True, timeout=600)
    found = json.loads(done.stdout)
    here, apart = found["here"], found["apart"]
    for step in here:
        assert here[step]["forked"] == [] and apart[step]["forked"] == [True], step
        assert {**apart[step], "forked": []} == here[step], step
    moved = "\n".join(here["moved"]["told"])
    assert "白河镇" in moved and (
        "the page's address changed from /interviews/baihe-dadiaoyan-weifangtan/ to /interviews/baihe-moved/" in moved)
    assert "interviews/baihe-moved/index.html" in here["moved"]["files"]
    assert here["moved"]["files"] != here["first"]["files"]
    template = here["template error"]["told"]
    assert "the template partials/arithmetic.html has no macro sum_lines" in template[-1]
    assert any("白河镇" in line for line in template[:-1])
    assert here["template error"]["files"] == here["moved"]["files"]  # the output was left as it was
    checks = "\n".join(here["and a check's error"]["told"])
    assert "297" in checks and "sum_lines" not in checks
