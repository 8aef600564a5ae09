"""Work split across forked processes, for the stages that scale with the catalog."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor

Item = TypeVar("Item")
Result = TypeVar("Result")

_SHARED: tuple[Callable[[list[Any]], Any], list[Any]] | None = None  # what workers inherit


def in_forked_chunks(work: Callable[[list[Item]], Result], items: list[Item],
                     parallel_from: int) -> list[Result] | None:
    """``work`` over chunks of ``items`` on all cores, in order; None when there are fewer
    than ``parallel_from`` items, one core, or no fork (the caller then works serially).

    Workers are forked after ``work`` and ``items`` are set aside for them, so they share
    the parent's objects (a renderer, a catalog, the memo) without pickling them: only the
    bounds of each chunk and the results cross between processes.
    """
    global _SHARED
    workers = os.cpu_count() or 1
    if len(items) < parallel_from or workers < 2:
        return None
    import multiprocessing as mp  # 12 ms to import: only when there is work to share
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in mp.get_all_start_methods():
        return None
    size = -(-len(items) // (workers * 16))  # small chunks: the last ones end together
    bounds = [(start, start + size) for start in range(0, len(items), size)]
    _SHARED = (work, items)
    gc.freeze()  # workers' collections skip inherited objects: fewer copied memory pages
    try:
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"),
                                 initializer=_start_forked, initargs=(os.getpid(),)) as pool:
            return list(pool.map(_work_on, bounds))
    finally:
        gc.unfreeze()
        _SHARED = None


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a build runs: a build keeps what it makes (the
    catalog, the pages' records) until it ends, so the collector's passes over those
    hundreds of thousands of objects free nothing (a fortieth of a cold build)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def fresh_pool(workers: int | None = None) -> Executor:
    """A process pool whose workers start from a clean interpreter (a fork server), for
    work that needs nothing shared. A plain fork copies every lock another thread holds at
    that instant (``serve``'s watcher, an admin request, an import half done), and a worker
    that then needs one waits forever; photo work is slow enough that a clean start is free."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(workers or os.cpu_count(), mp_context=mp.get_context(method),
                               initializer=_die_with_parent)


def _start_forked(parent: int) -> None:
    """In a forked worker: it lives for one stage of one build, so the garbage cycles
    its pages leave (Jinja's contexts) are left for its exit rather than collected as it
    goes (the collector's passes were a twentieth of a build)."""
    _die_with_parent(parent)
    gc.disable()


def _work_on(bounds: tuple[int, int]) -> Any:
    """In a worker: the shared work on one chunk of the shared items."""
    assert _SHARED is not None, "run by in_forked_chunks' forked workers only"
    work, items = _SHARED
    return work(items[bounds[0]:bounds[1]])


def _die_with_parent(parent: int | None = None) -> None:
    """In a new worker: exit when the process that started it dies (``parent``, or the
    worker's parent now: a fork server exits with the build that started it). A build
    killed with ``kill -9`` cannot stop its workers, which would otherwise wait for work
    forever. On Linux the kernel kills the worker (prctl PR_SET_PDEATHSIG); elsewhere a
    thread watches for the parent to change."""
    parent = parent or os.getppid()
    try:
        import ctypes
        import signal

        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) != 0:  # 1: PDEATHSIG
            raise OSError
    except (OSError, AttributeError):
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the above took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
