"""Work split across forked processes, for the stages that scale with the catalog."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_forked_chunks(work: Callable[[list[Item]], Result], items: list[Item],
                     parallel_from: int) -> list[Result] | None:
    """``work`` over chunks of ``items`` on all cores, in order; None when there are fewer
    than ``parallel_from`` items, one core, or no fork (the caller then works serially).

    Workers are forked, so they share the parent's state (a renderer, a catalog) without
    pickling it; only the chunks and their results cross between processes.
    """
    workers = os.cpu_count() or 1
    if len(items) < parallel_from or workers < 2:
        return None
    import multiprocessing as mp  # 12 ms to import: only when there is work to share
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in mp.get_all_start_methods():
        return None
    size = -(-len(items) // (workers * 4))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    gc.freeze()  # workers' collections skip inherited objects: fewer copied memory pages
    try:
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(work, chunks))
    finally:
        gc.unfreeze()
