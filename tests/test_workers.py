"""Worker processes: the same results in the same order as here, and a broken pool loses nothing."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from sitegen import workers
from sitegen.build import BuildOptions, build
from sitegen.workers import WorkerPool, collector_paused

from .sitekit import interview, write_site

_PARENT = os.getpid()


def _square_and_where(number: int) -> tuple[int, bool, bool]:
    return number * number, os.getpid() != _PARENT, gc.isenabled()


def _die_in_a_worker(number: int) -> int:
    if os.getpid() != _PARENT and number == 7:
        os._exit(3)  # a worker killed mid-job (out of memory, say)
    return number + 1


def test_results_come_back_in_order_from_the_workers_with_their_collector_on() -> None:
    with collector_paused(), WorkerPool(2) as pool:
        assert not gc.isenabled()
        results = pool.map(_square_and_where, list(range(50)), threshold=10)
    assert gc.isenabled()
    assert [square for square, _, _ in results] == [n * n for n in range(50)]
    assert all(in_worker and collector_on for _, in_worker, collector_on in results)


def test_below_the_threshold_or_with_one_worker_the_work_runs_here() -> None:
    with WorkerPool(2) as pool:
        assert pool.map(_square_and_where, [1, 2, 3], threshold=10) == [(1, False, True), (4, False, True),
                                                                         (9, False, True)]
    with WorkerPool(1) as pool:
        assert [where for _, where, _ in pool.map(_square_and_where, list(range(40)), threshold=10)] == [False] * 40


def test_a_broken_pool_finishes_the_work_here() -> None:
    with WorkerPool(2) as pool:
        assert pool.map(_die_in_a_worker, list(range(40)), threshold=10) == [n + 1 for n in range(40)]
        # Once broken, the pool is not started again.
        assert [where for _, where, _ in pool.map(_square_and_where, list(range(40)), threshold=10)] == [False] * 40


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
