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
from sitegen.workers import WorkerPool, collector_paused

from .sitekit import interview, write_site

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
