"""What a zhen process sets up before it checks anything: the garbage collector's pace,
and for a worker process (and the ``zhen`` script) an exit without the interpreter's teardown.

Why: a check run makes millions of small tuples (tokens, glosses, cached
lookups) that live until the run ends.  CPython's cyclic collector, at its
default pace (a young-generation pass every 700 net allocations), walks them
again and again: on 4,000 WMT20 pairs 4,092 collections took 7.0 of 66 CPU
seconds; at 50,000 allocations a pass, 51 collections took 2.3 s, for 5 MB
more peak memory (``bench/qa_scale.py`` has the figures at scale).  Reference
counting still frees everything that is not in a cycle at once, so memory
does not grow with the slower pace.

Called by the command-line entry point and by each worker process it spawns
(:class:`qa.batch_partition.ProcessClient`, ``zhen batch -j N``); a library
caller that imports zhen keeps its own collector settings.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

#: allocations between young-generation collections, and the two older generations' ratios
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """Collect garbage at the pace above (idempotent; the process's setting)."""
    gc.set_threshold(*GC_THRESHOLDS)


def worker_setup() -> None:
    """A worker process's set-up (the pools' ``initializer``): the collector's pace, and
    :func:`_exit_at_once` when the worker leaves."""
    tune_gc()
    atexit.register(_exit_at_once)


def _exit_at_once() -> None:
    """End the process now, skipping the rest of the interpreter's teardown.

    Why: a worker holds the model, its caches and a partition's objects, a gigabyte of small
    objects that teardown frees one by one: about two CPU seconds per worker at the end of
    every ``--jobs`` run, spent while the driver writes the outputs on the same cores.  Its
    results are already sent (the pool's result queue writes synchronously) and the operating
    system takes the memory back at once.  A worker that fails reports it through its
    task's future, not its exit status, and one that crashes never gets here.
    """
    exit_now(0)


def exit_status(done: SystemExit) -> int:
    """The status the interpreter would exit with for ``done``: its code, 0 for None, and 1
    for a message (which it prints to stderr, as the interpreter would)."""
    if done.code is None:
        return 0
    if isinstance(done.code, int):
        return done.code
    print(done.code, file=sys.stderr)
    return 1


def exit_now(status: int) -> None:
    """Flush stdout and stderr, then end the process with ``status`` without the teardown.

    Also the command line's way out (``qa.cli.main`` run as the ``zhen`` script): once a
    run's files are written (atomically, and closed) and its summary printed, freeing the
    pairs, flags, indexes and model object by object only delays the prompt (1.4 s after a
    20,000-pair ``--jobs 2`` run).  The command's process registers no exit handler (only its
    workers do: :func:`worker_setup`) and leaves no pool or cluster open, so nothing of the run
    waits on the teardown.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(status)
