"""One memory split into partitions across Dask workers gives the local engine's files (issue 16).

The labelled corpus as a TMX memory (46 real pairs with injected errors, repeated units
far apart, two bad units) is checked by ``zhen batch`` with the local engine and with
``--engine dask --partition-pairs 12`` on a loopback ``LocalCluster`` (one worker: the split, not the worker count, is what could change a result):
four partitions, so pair-local checks and the quality estimate run as separate tasks
while the document-wide checks see every pair on the driver.  Both runs learn from the
same review (two dismissed flags), so the merge, the dismissal memory and the signature
are held equal too: flags.jsonl, pairs.tsv, the TMX body and the summary row byte for byte.
"""

from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import pytest
from labelled_memory import corpus_pairs, write_tmx
from zhen_run import zhen_run

from qa.batch_partition import partitions

FILES = ("flags.jsonl", "pairs.tsv", "aligned.tmx")
PARTITION = 12
#: pairs of the corpus in the memory (kept short: three runs and a cluster); 6 repeat
FIRST = 40


def _row(outdir: Path) -> dict:
    with open(outdir / "summary.csv", encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    return row


def _body(path: Path) -> bytes:
    data = path.read_bytes()
    return data.split(b"<body>", 1)[1] if path.suffix == ".tmx" else data  # header: a date


def test_partitions_cut_in_order_and_keep_every_pair():
    from align.model import Pair

    pairs = [Pair(id=i, zh=f"第{i}句。", en=f"Sentence {i}.") for i in range(7)]
    cut = partitions(pairs, 3)
    assert [[p.id for p in part] for part in cut] == [[0, 1, 2], [3, 4, 5], [6]]
    assert partitions(pairs, 7) == [pairs] and partitions([], 3) == []
    with pytest.raises(ValueError):
        partitions(pairs, 0)


@pytest.fixture(scope="module")
def review_db(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The memory, a plain local run of it, and a review of that run with two dismissals."""
    from qa.review_app.store import ReviewStore

    tmp = tmp_path_factory.mktemp("partition")
    memory = write_tmx(tmp / "memory.tmx", FIRST)
    plain = tmp / "plain"
    code, _, err = zhen_run("batch", memory, "-o", plain, "-j", "1", "--formats", "tmx,jsonl,tsv")
    assert code == 0, err
    reviewed = tmp / "reviewed"
    shutil.copytree(plain / "memory.tmx", reviewed)
    store = ReviewStore.open(reviewed)
    try:
        flags = store.flags()
        # one flag early in the memory, one in the last partition
        for stored in (flags[0], flags[-1]):
            store.set_verdict(stored, "dismissed")
    finally:
        store.close()
    return memory, plain, reviewed


def test_dask_partitions_give_the_files_of_the_local_engine(review_db, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the Dask engine needs zhen[dask]")
    import logging

    memory, plain, reviewed = review_db
    local, dask = tmp_path / "local", tmp_path / "dask"
    common = ("-o", "--formats", "tmx,jsonl,tsv", "--review-db", reviewed)
    code, _, err = zhen_run("batch", memory, common[0], local, *common[1:], "-j", "1")
    assert code == 0, err
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as client, \
            distributed.get_task_stream(client) as tasks:
        code, _, err = zhen_run("batch", memory, common[0], dask, *common[1:], "--engine", "dask",
                             "--scheduler", cluster.scheduler_address,
                             "--partition-pairs", PARTITION)
        assert code == 0, err
    # the memory really was split: one task per partition for the checks, one for qe
    names = [t["key"].split("-")[0] for t in tasks.data]
    parts = math.ceil(len(corpus_pairs(FIRST)) / PARTITION)
    assert names.count("partition_flags") == parts == names.count("partition_qe") == 4
    assert "process_input" not in names

    row = _row(dask)
    assert row["status"] == "ok" and row["pairs"] == str(len(corpus_pairs(FIRST)))
    assert row == _row(local)
    for name in FILES:
        assert _body(dask / "memory.tmx" / name) == _body(local / "memory.tmx" / name), name
    # the review's two verdicts took their flags out (and those of a repeated unit's twin):
    # said in the signature, absent from a plain run's
    before = _row(plain)
    dismissed = int(before["flags"]) - int(row["flags"])
    assert dismissed >= 2
    assert row["mqm_signature"] == before["mqm_signature"] + f"|dismissed:{dismissed}"
    assert "dismissed" not in before["mqm_signature"]


@pytest.fixture
def splits(monkeypatch) -> list[int]:
    """The partition counts of every memory checked in partitions during the test."""
    import qa.batch_partition as bp

    seen: list[int] = []
    real = bp.partitions

    def counted(pairs, size):
        cut = real(pairs, size)
        seen.append(len(cut))
        return cut

    monkeypatch.setattr(bp, "partitions", counted)
    return seen


def test_check_jobs_split_a_memory_over_worker_processes_with_the_same_files(review_db, tmp_path,
                                                                             splits):
    """``zhen check --pairs --jobs 2 --partition-pairs 12``: four partitions on two spawned
    worker processes, the review's dismissals applied on the driver; every file, the summary
    and the notices about the two bad units are those of the one-process run."""
    memory, _, reviewed = review_db
    one, two = tmp_path / "one", tmp_path / "two"
    common = ("--pairs", "--formats", "tmx,jsonl,tsv", "--review-db", reviewed)
    code, out_one, err_one = zhen_run("check", memory, "-o", one, *common)
    assert code == 0, err_one
    code, out_two, err_two = zhen_run("check", memory, "-o", two, *common,
                                      "--jobs", 2, "--partition-pairs", PARTITION)
    assert code == 0, err_two
    assert err_two == err_one and "skipped unit" in err_one
    assert splits == [4]  # the one-process run cut nothing
    assert out_two.replace(str(two), str(one)) == out_one and "|dismissed:" in out_one
    for name in FILES:
        assert _body(two / name) == _body(one / name), name


@pytest.mark.parametrize("args,message", [
    (("--jobs", "2"), "--jobs needs --pairs"),
    (("--pairs", "--partition-pairs", "10"), "--partition-pairs needs --jobs 2 or more"),
])
def test_check_jobs_refuses_what_it_cannot_split(review_db, tmp_path, args, message):
    memory, _, _ = review_db
    code, _, err = zhen_run("check", memory, "-o", tmp_path / "out", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_local_batch_splits_a_large_memory_over_its_workers(review_db, tmp_path, splits):
    """``zhen batch -j 2 --partition-pairs 12`` (local engine): the memory's partitions on the
    pool's two workers give the summary row and files of ``-j 1``, the review applied."""
    memory, _, reviewed = review_db
    one, two = tmp_path / "one", tmp_path / "two"
    common = ("--formats", "tmx,jsonl,tsv", "--review-db", reviewed)
    code, _, err = zhen_run("batch", memory, "-o", one, *common, "-j", "1")
    assert code == 0, err
    code, _, err = zhen_run("batch", memory, "-o", two, *common, "-j", "2",
                            "--partition-pairs", PARTITION)
    assert code == 0, err
    assert splits == [4]
    assert _row(two) == _row(one) and _row(two)["status"] == "ok"
    for name in FILES:
        assert _body(two / "memory.tmx" / name) == _body(one / "memory.tmx" / name), name
