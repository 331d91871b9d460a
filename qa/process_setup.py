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


def worker_pool(workers: int):
    """A pool of ``workers`` processes for zhen's checks (``--jobs``, ``zhen batch -j``).

    Why a fork server where the platform has one: each worker is forked from a server that
    loaded the model and the checks' tables once (:mod:`qa.worker_warmup`), instead of
    starting an interpreter and loading them itself; on the 2-core machine that saves one
    worker's start, about 3 % of a 20,000-pair ``--jobs 2`` run.  Not the plain fork of the
    command's own process: a process that has run BLAS, read files or started threads can
    hang or share open files in its copies; the server is a fresh interpreter whose only
    work is the warm-up.  Elsewhere (Windows) the workers are spawned and load for
    themselves.  Either way each worker sets zhen's garbage-collector pace and exits without
    teardown (:func:`worker_setup`).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # the server is started by the pool's first worker, with this list; a server already
        # running (an earlier pool in this process) keeps its own
        context.set_forkserver_preload(["qa.worker_warmup"])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, initializer=worker_setup, mp_context=context)


def stop_worker_server() -> None:
    """Stop the fork server :func:`worker_pool` started, once its pool is shut down.

    Why: the server outlives its pool (it would serve the next one), and it ends only when
    this process does; stopped and waited for here, its memory goes back at once, and its
    CPU time (and that of the workers it forked and waited for) counts among this process's
    children, as spawned workers' does (``bench/qa_scale.py`` reads it).  Best effort: a
    Python without the (private) stop call leaves the server to end with the process.
    """
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


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
