"""One huge memory checked across worker processes, with the result of one process.

``zhen batch --engine dask`` hands a translation memory of more than
``--partition-pairs`` pairs (default :data:`PARTITION_PAIRS`) to
:func:`check_partitioned` instead of making it one task; ``zhen batch -j N``
(local engine) and ``zhen check --pairs --jobs N`` do the same on a pool of
local processes (:class:`ProcessClient`, which answers the Dask client's calls).
The memory is read once, here on the driver, and cut into partitions of that
many units, which go to the workers (``scatter``).  Then:

1. every partition's pair-local checks (pair checks and the document checks
   that judge each pair on its own: coverage, direction, modality, polarity,
   time) run as one task per partition, in the same chunks of
   :data:`qa.pipeline.CHUNK_PAIRS` pairs a local run uses, each chunk's QE text
   features (qa.qe.qe_text_rows) computed right after its checks;
2. meanwhile the document-wide checks (term consistency, duplicates,
   truncation, spelling of names) run once on the driver on all pairs; they
   build linear indexes and need no model, so the driver never loads one;
3. the flags are merged and sorted as :func:`qa.pipeline.run_checks` sorts
   them, the dismissal memory (``--review-db``) is applied, and the quality
   estimate runs as one task per partition on that partition's flags and the
   text features its check task gave back (it only adds the flag counts);
4. the driver writes the output folder from the merged pairs and flags.

Pair-local flags and qe depend only on their own pair (a test holds chunked
runs equal to one chunk), so flags.jsonl, pairs.tsv, the TMX body and the
MQM score are byte-identical to the local engine's (tests/test_batch_partition.py).

How it scales: the embedding work, nearly all of a run's time, is spread over
the workers, and a worker's memory is set by one partition (its checks' peak
by one chunk).  What stays on the driver grows with the memory: the pairs as
read, the flags, the document-wide checks' indexes, and writing the outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Self

from align.model import Pair
from align.progress import stage
from qa.model import Flag

if TYPE_CHECKING:
    import numpy as np

    from align.pairs_io import PairsInput
    from qa.batch import BatchInput, BatchOptions, BatchRow
    from qa.pipeline import Report

#: a memory above this many pairs is split into partitions of this many
PARTITION_PAIRS = 5000


def partitions(pairs: Sequence[Pair], size: int) -> list[list[Pair]]:
    """``pairs`` in order, cut into runs of ``size`` (the last one shorter)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    return [list(pairs[i:i + size]) for i in range(0, len(pairs), size)]


def read_large_memory(item: BatchInput, size: int) -> PairsInput | None:
    """The pairs of ``item`` when it has more than ``size``; None for a smaller memory,
    which is one task like any other item.  Raises InputError as ``zhen check`` would."""
    from qa.pipeline import read_input

    _, memory = read_input(item.paths[0], None, pairs_mode=True)
    return memory if memory is not None and len(memory.pairs) > size else None


def partition_flags(part: list[Pair], opts: BatchOptions) -> tuple[list[Flag], np.ndarray | None, str]:
    """Worker task: the pair-local checks' flags of one partition, its pairs' QE text
    features (computed with the checks, qa.pipeline.check_locally) and the model's key."""
    from qa.batch import check_setup, embedder_for
    from qa.pipeline import check_locally, embedder_key, split_checks

    checks, profile, resources = check_setup(opts)
    embedder = embedder_for(opts)
    local, _ = split_checks(checks, profile)
    checked = check_locally(part, local, profile, {**resources, "embedder": embedder},
                            qe_embedder=embedder)
    return checked.flags, checked.qe_rows, embedder_key(embedder)


def partition_qe(part: list[Pair], flags: list[Flag], opts: BatchOptions,
                 qe_rows: np.ndarray | None = None) -> list[Pair]:
    """Worker task: one partition's pairs with their quality estimate, from their flags and
    the QE text features :func:`partition_flags` gave (None: computed here, with the model)."""
    from qa.batch import embedder_for
    from qa.pipeline import estimate_quality

    return estimate_quality(part, flags, embedder_for(opts) if qe_rows is None else None,
                            qe_rows=qe_rows)


def check_partitioned(client, item: BatchInput, opts: BatchOptions, memory: PairsInput,
                      size: int) -> BatchRow:
    """Check ``memory`` (read from ``item``) in partitions of ``size`` pairs on ``client``'s
    workers and write the item's folder; the row is the one a single task would give."""
    from qa.batch import finish_item
    from qa.review_app.memory import dismissal_memory

    review = dismissal_memory(opts.outdir / item.slug, opts.review_db)
    report = partitioned_report(client, memory, opts, size, review)
    return finish_item(item, opts, report, review)


def partitioned_report(client, memory: PairsInput, opts: BatchOptions, size: int,
                       review=None, progress: Callable[[str], None] = lambda message: None
                       ) -> Report:
    """The report of ``memory``'s pairs checked in partitions of ``size`` on ``client``'s
    workers (steps 1-3 of the module docstring); ``review`` filters the flags as
    ``zhen check``'s dismissal memory does (None: no filter)."""
    from qa.batch import check_setup, embedder_for
    from qa.pipeline import (
        Report,
        check_whole,
        drop_superseded,
        filter_flags,
        sort_flags,
        split_checks,
    )

    checks, profile, resources = check_setup(opts)
    pairs = list(memory.pairs)
    cut = partitions(pairs, size)
    parts = client.scatter(cut)
    local_futures = [client.submit(partition_flags, part, opts, pure=False) for part in parts]
    _, whole = split_checks(checks, profile)
    if any("embedder" in c.needs for c in whole):  # none today: then the driver loads the model
        resources = {**resources, "embedder": embedder_for(opts)}
    with stage(progress, "document checks", len(whole), "check") as tick:
        whole_flags = check_whole(pairs, whole, profile, resources, lambda check: tick(1))
    with stage(progress, "pair checks", len(cut), "partition") as tick:
        local = []
        for future in local_futures:  # in order: a bar that moves as partitions come back
            local += client.gather([future])
            tick(1)
    flags = sort_flags(drop_superseded([f for part_flags, _, _ in local for f in part_flags] + whole_flags,
                                       profile.active(tuple(checks))))
    flags, dismissed = filter_flags(flags, review)
    part_of = {p.id: n for n, part in enumerate(cut) for p in part}
    by_part: list[list[Flag]] = [[] for _ in parts]
    for f in flags:
        if f.pair_id is not None:
            by_part[part_of[f.pair_id]].append(f)
    qe_futures = [client.submit(partition_qe, part, part_flags, opts, rows, pure=False)
                  for part, part_flags, (_, rows, _) in zip(parts, by_part, local)]
    scored: list[Pair] = []
    with stage(progress, "quality estimate", len(cut), "partition") as tick:
        for future in qe_futures:
            scored += client.gather([future])[0]
            tick(1)
    return Report(pairs=scored, flags=flags, profile=profile, skipped=tuple(memory.skipped),
                  checks=profile.fingerprint(checks), model=local[0][2] if local else "",
                  dismissed=dismissed)


class ProcessClient:
    """The calls of a Dask client :func:`partitioned_report` makes, on a pool of local worker
    processes: ``zhen check --pairs --jobs N`` splits a large memory as ``zhen batch
    --engine dask`` does, with the same results, without a cluster.

    Why processes: the checks are Python, which one process runs on one core; each
    worker loads its own model (``qa.batch.embedder_for``) with the cores shared out.
    Spawned, not forked: a forked copy of a process with BLAS threads can hang.
    """

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from qa.process_setup import worker_setup

        self.workers = workers
        # the processes start with the first task: a client nobody uses costs nothing.  A
        # spawned worker starts with the collector's default pace: set zhen's, and let it
        # exit without the interpreter's teardown (qa/process_setup.py)
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_setup,
                                         mp_context=multiprocessing.get_context("spawn"))

    def scatter(self, data):
        return data  # a partition travels with each task that needs it

    def submit(self, fn, *args, pure: bool = False):
        return self._pool.submit(fn, *args)

    def gather(self, futures) -> list:
        return [f.result() for f in futures]

    def close(self) -> None:
        # quick: a worker exits without the interpreter's teardown (qa/process_setup.py)
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def check_pairs_in_processes(memory: PairsInput, opts: BatchOptions, client: ProcessClient, size: int,
                             review=None, progress: Callable[[str], None] = lambda message: None
                             ) -> Report:
    """``zhen check --pairs --jobs N`` on a memory of more than ``size`` pairs: its partitions
    checked on ``client``'s local worker processes, the document-wide checks here meanwhile.
    The caller closes the client (``zhen check`` has it write the output files first)."""
    progress(f"checking {len(memory.pairs)} pairs in partitions of {size} on {client.workers} worker processes")
    return partitioned_report(client, memory, opts, size, review, progress)
