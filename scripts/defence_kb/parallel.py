"""Sharing work among the machine's cores, for the stages whose items are independent.

Forked processes inherit the parent's memory, so the knowledge base and the compiled
templates reach them without being copied; only each task's argument and result are.
Small inputs stay in one process, where starting others would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_WORKERS = 8


def workers() -> int:
    """How many processes to share work among: one per core, or 1 where fork is missing."""
    if "fork" not in mp.get_all_start_methods():
        return 1
    return max(
        1,
        min(
            len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
            MAX_WORKERS,
        ),
    )


def fork_map(
    function: Callable[[Item], Result], items: Sequence[Item], *, min_items: int, chunk: int = 1
) -> list[Result]:
    """`[function(item) for item in items]`, shared among forked processes when `items`
    holds at least `min_items` and the machine has more than one core."""
    count = workers()
    if len(items) < min_items or count < 2:
        return [function(item) for item in items]
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    try:
        # Workers live for one call and mostly allocate: the cycle collector only costs time.
        with ProcessPoolExecutor(count, mp_context=mp.get_context("fork"), initializer=gc.disable) as pool:
            return list(pool.map(function, items, chunksize=chunk))
    finally:
        gc.unfreeze()
