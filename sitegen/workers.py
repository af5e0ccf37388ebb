"""Worker processes for the per-file work of loading: front matter and Markdown, over all cores.

Job: run one function over many items, in forked worker processes when
that pays, here otherwise, with the same results in the same order either
way. One `WorkerPool` serves every stage of a load (reading front matter,
then converting the bodies the first stage could not), so its processes
are forked once. `run_apart` runs one call in a process of its own, for
work whose imports this process should not keep; `start_apart` one call in
a child forked to run beside this process, whose result is small.

Rules, and why:

* **Fork, lazily.** Workers are forked on the first parallel `WorkerPool.map`,
  so they start at once, need no importable ``__main__``, and share the
  memory of the process as it is then (kept shared with `gc.freeze`).
* **Not always.** Forking a process that runs other threads (the dev
  server) can deadlock, and a platform without ``fork`` cannot; then, and
  for fewer items than the caller's threshold, the work runs here.
* **A broken pool is not a failed build.** If the pool breaks (a worker
  killed, no memory to fork), the remaining work runs here.

May import: the standard library only.
"""

from __future__ import annotations

import gc
import os
import threading
from concurrent.futures import Future
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Generic, Iterator, Sequence, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# multiprocessing and concurrent.futures.process (10 ms of imports) are imported by the functions that
# start or watch processes, when they do: a rebuild of a few pages starts none.
ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")


def can_fork(workers: int) -> bool:
    """True when ``workers`` > 1 forked processes may be used here (no other threads, fork available)."""
    if workers <= 1 or threading.active_count() != 1:
        return False
    import multiprocessing  # only when processes may start (see the imports above)

    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def collector_paused(*, freeze_after: bool = False) -> Iterator[None]:
    """Keep Python's cyclic garbage collector off for the duration (then as it was).

    ``freeze_after`` True (a process that ends once this is done: the
    command line) moves every object left at the end out of the collector's
    sight (`gc.freeze`): turning the collector back on after a build
    otherwise sets off, at the next allocation, one collection that walks
    the whole site's objects only to find them in use (0.13 s at 10,000
    pages). Frozen objects are still freed when nothing refers to them.

    A build makes millions of objects that live until it ends (a 10,000-page
    site's records, YAML positions, graph), and every automatic collection
    walks all of them: unpickling 10,000 cached pages took 1.08 s with the
    collector on and 0.40 s with it off, and a one-page rebuild of that
    site 9.0 s against 7.0 s. Reference counting still frees everything
    that is not in a cycle at once; workers forked meanwhile turn the
    collector back on for themselves (`restart_collector`).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_after:
            gc.freeze()
        if was_on:
            gc.enable()


def restart_collector() -> None:
    """Turn the cyclic collector on in a forked worker (objects inherited frozen are not walked)."""
    gc.enable()


@contextmanager
def collector_running() -> Iterator[None]:
    """The cyclic collector on for the duration (then as it was): this process doing a worker's share.

    Meant inside `frozen_heap`, so a collection walks only what is made meanwhile.
    """
    was_on = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_on:
            gc.disable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the objects that exist now, while worker processes are forked.

    A forked worker shares its parent's memory until it writes to it, and
    the collector writes to every object it visits: frozen objects are not
    visited, so the site graph stays shared instead of being copied into
    every worker (the recipe of the `gc.freeze` documentation).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run_apart(function: Callable[[ItemT], ResultT], item: ItemT, *, workers: int) -> ResultT:
    """Return ``function(item)``, computed in a forked process of its own when ``can_fork(workers)``.

    For work that loads something large this process never needs again
    (pypinyin's dictionaries: 55 MB): it goes away with the process. Same
    rules as `WorkerPool.imap` (module-level ``function``, picklable result,
    exceptions propagate); here, when forking is not possible or the child
    could not run.
    """
    if not can_fork(workers):
        return function(item)
    import multiprocessing  # only when a process starts (see the imports above)
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

    try:
        with frozen_heap(), ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                                initializer=restart_collector) as pool:
            return pool.submit(function, item).result()
    except (BrokenProcessPool, OSError):
        return function(item)


class Apart(Generic[ResultT]):
    """One call running in a forked child while this process goes on (`start_apart`); a context manager.

    `result` waits for the child and returns what the call returned there. A
    child that failed in any way (the call raised, the child was killed, its
    result could not be pickled) leaves the call to be made here by `result`,
    so exceptions propagate as they would here. Leaving the ``with`` block
    without asking for the result stops the child. Not thread-safe.
    """

    def __init__(self, function: Callable[[], ResultT], child: int | None, reading: int | None) -> None:
        self._function, self._child, self._reading = function, child, reading

    def __enter__(self) -> "Apart[ResultT]":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._child is not None:
            import signal

            os.kill(self._child, signal.SIGKILL)
            self._reap()

    @property
    def forked(self) -> bool:
        """Whether a child was forked for the call (and its result not taken yet)."""
        return self._child is not None

    def result(self) -> ResultT:
        """The call's result: the child's, or made here when the child could not give it (see the class).
        Asked for once: a second time, the call is made here."""
        if self._child is None:
            return self._function()
        import pickle

        reading, self._reading = self._reading, None  # closed with the pipe, even when interrupted
        with os.fdopen(reading, "rb") as pipe:  # type: ignore[arg-type]
            sent = pipe.read()
        self._reap()
        try:
            done, value = pickle.loads(sent)
        except Exception:  # a child killed midway sent a part, or nothing
            done, value = False, None
        return value if done else self._function()

    def _reap(self) -> None:
        if self._reading is not None:
            os.close(self._reading)
            self._reading = None
        if self._child is not None:
            os.waitpid(self._child, 0)
            self._child = None


def start_apart(function: Callable[[], ResultT], *, workers: int) -> Apart[ResultT]:
    """Start ``function()`` in a forked child of this process when ``can_fork(workers)``; return its `Apart`.

    For work that reads this process's state as it is now and returns a
    small result (the checks of a loaded site: `sitegen.build`), done while
    this process does other work on the other core. The child sees this
    process's memory as it is when forked, and nothing it changes there is
    seen here: ``function`` must change nothing the caller reads later, and
    its result must be picklable. It writes the pickled ``(True, result)``
    to a pipe and ends with ``os._exit``, so that nothing of this process's
    (buffered output, exit handlers, the callers of this function) runs
    twice. When forking is not possible (`can_fork`, or the system refuses), no child is forked
    (`Apart.forked`) and ``function`` runs in `Apart.result`.
    """
    if not can_fork(workers):
        return Apart(function, None, None)
    import pickle

    try:
        reading, writing = os.pipe()
    except OSError:  # out of file descriptors
        return Apart(function, None, None)
    try:
        child = os.fork()
    except OSError:  # no memory or processes left to fork
        os.close(reading)
        os.close(writing)
        return Apart(function, None, None)
    if child == 0:  # pragma: no cover - the child process (its result is checked by the tests)
        status = 0
        try:
            os.close(reading)
            try:
                sent = pickle.dumps((True, function()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # made again by the parent, which then raises as it would have
                sent, status = pickle.dumps((False, None)), 1
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(sent)
        finally:
            os._exit(status)
    os.close(writing)
    return Apart(function, child, reading)


class WorkerPool:
    """Up to ``workers`` forked processes, started on first use; a context manager that shuts them down.

    Takes the number of processes (1 or less: everything runs in this
    process). Not thread-safe; one pool per build.
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def map(self, function: Callable[[ItemT], ResultT], items: Sequence[ItemT], *,
            threshold: int) -> list[ResultT]:
        """Return ``[function(item) for item in items]``, computed by the workers when it pays (see `imap`)."""
        return list(self.imap(function, items, threshold=threshold))

    def imap(self, function: Callable[[ItemT], ResultT], items: Sequence[ItemT], *,
             threshold: int) -> Iterator[ResultT]:
        """Yield ``function(item)`` for each item in order, computed by the workers when it pays.

        ``function`` must be a module-level function (it is pickled by
        name) and its results picklable. Items go to the workers in chunks
        of about an eighth of an even share, so a slow item does not hold
        up a whole half; results are yielded as they arrive, so the caller
        can store each and let it go. ``threshold``: below this many items
        the work runs here (starting workers costs more than it saves).
        Exceptions raised by ``function`` propagate as they would here; if
        the pool breaks, the items not yet yielded are done here.
        """
        if len(items) < threshold or self._broken or not can_fork(self._workers):
            yield from (function(item) for item in items)
            return
        from concurrent.futures.process import BrokenProcessPool  # only with workers (see the imports above)

        done = 0
        chunk = max(1, len(items) // (self._workers * 8))
        try:
            for result in self._executor().map(function, items, chunksize=chunk):
                yield result
                done += 1
        except (BrokenProcessPool, OSError):
            self._broke()
            yield from (function(item) for item in items[done:])

    def submit(self, function: Callable[[ItemT], ResultT], item: ItemT) -> "Pending[ResultT]":
        """Start ``function(item)`` on a worker now; return a `Pending` that gives its result.

        For a caller that makes its items one by one while the workers
        already work on the first (the reading of the next files then
        overlaps the conversion of the first). Same rules as `imap` for
        ``function`` and its result. When forking is not possible here, or
        the pool broke, the call is made here, when its result is asked for.
        """
        if self._broken or (self._pool is None and not can_fork(self._workers)):
            return Pending(self, function, item, None)
        from concurrent.futures.process import BrokenProcessPool  # only with workers (see the imports above)

        try:
            return Pending(self, function, item, self._executor().submit(function, item))
        except (BrokenProcessPool, OSError, RuntimeError):
            self._broken = True
            return Pending(self, function, item, None)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing  # only when the workers start (see the imports above)
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")
            with frozen_heap():
                self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context,
                                                 initializer=restart_collector)
                # The processes are forked on the first submit: start them now, while frozen.
                self._pool.submit(int).result()
        return self._pool

    def close(self) -> None:
        """Stop the worker processes (safe to call twice)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _broke(self) -> None:
        self._broken = True
        self.close()


class Pending(Generic[ResultT]):
    """The result-to-be of one `WorkerPool.submit` call."""

    def __init__(self, pool: WorkerPool, function: Callable[[ItemT], ResultT], item: ItemT,
                 future: "Future[ResultT] | None") -> None:
        self._pool, self._function, self._item, self._future = pool, function, item, future

    def result(self) -> ResultT:
        """Wait for the worker's result and return it; computed here if the pool broke or never ran it.

        Exceptions raised by the function propagate as they would here.
        """
        if self._future is not None:
            from concurrent.futures.process import BrokenProcessPool  # a pool ran: already imported

            try:
                return self._future.result()
            except (BrokenProcessPool, OSError):
                self._pool._broke()
        return self._function(self._item)
