"""Which check embeds what, at translation-memory scale (issue 16).

Runs ``zhen check --pairs``'s pipeline in this process (``qa.pipeline.check_input``, all
default checks, the bundled USE-m3 behind the usual cache, empty at the start) on
``n`` real WMT20 pairs (``qa_scale.wmt20_pairs``), and counts, per check and for the
quality estimate: the texts it asked the embedder for, how many of those were distinct
within that stage, and how many the model actually encoded (the rest came from the
run's memo or the disk cache).  CPU seconds (``time.process_time``) are printed beside
wall seconds, because the machine is shared and wall time depends on its load.

    python bench/check_embeddings.py --n 1000
    python bench/check_embeddings.py --n 1000,2000 --flags-dir /tmp/flags   # keep flags.jsonl
    python bench/check_embeddings.py --n 2000 --windows   # pooled clause windows vs their texts

``--windows`` measures the approximation ``qa.text_batch.WindowBatch`` makes instead:
the cosine of each pooled window of two or three clauses to its re-encoded text, per side.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


@dataclasses.dataclass
class StageCount:
    """Texts one stage asked for, distinct ones, model encodings, CPU and wall seconds."""

    asked: int = 0
    distinct: set = dataclasses.field(default_factory=set)
    encoded: int = 0
    cpu: float = 0.0
    wall: float = 0.0


class Counter:
    """Stage label → counts; the embedder proxies below report to it."""

    def __init__(self) -> None:
        self.stage = "load"
        self.stages: dict[str, StageCount] = {}

    def at(self) -> StageCount:
        return self.stages.setdefault(self.stage, StageCount())


class CountingEmbedder:
    """Any embedder, counting the texts asked of it under the counter's current stage."""

    def __init__(self, inner, counter: Counter) -> None:
        self.inner = inner
        self.counter = counter
        self.key = inner.key

    def embed(self, texts):
        texts = list(texts)
        c = self.counter.at()
        c.asked += len(texts)
        c.distinct.update(texts)
        return self.inner.embed(texts)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _count_model(model, counter: Counter) -> None:
    """Count the texts the model itself encodes (cache and memo misses)."""
    states = model.sentence_states

    def counted(texts):
        counter.at().encoded += len(texts)
        return states(texts)

    model.sentence_states = counted


def _timed(check, counter: Counter):
    """``check`` with its run wrapped: stage label, CPU and wall seconds."""
    run = check.run

    def timed(*args):
        before = counter.stage
        counter.stage = check.id
        c = counter.at()
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return run(*args)
        finally:
            c.cpu += time.process_time() - cpu
            c.wall += time.perf_counter() - wall
            counter.stage = before

    return dataclasses.replace(check, run=timed)


def measure(n: int, tmp: Path, flags_dir: Path | None) -> None:
    from qa_scale import _clean, wmt20_pairs

    from align.embed import load_embedder
    from qa.checks import all_checks
    from qa.pipeline import check_input
    from qa.profile import load_profile

    pairs = [(_clean(zh), _clean(en)) for zh, en in wmt20_pairs(n)]
    tsv = tmp / f"pairs-{n}.tsv"
    tsv.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
    counter = Counter()
    checks = [_timed(c, counter) for c in all_checks()]
    profile = load_profile(None, all_checks())

    def embedder():
        emb = load_embedder(None, cache_dir=str(tmp / f"cache-{n}"))
        _count_model(emb.inner, counter)
        return CountingEmbedder(emb, counter)

    cpu, wall = time.process_time(), time.perf_counter()
    counter.stage = "qe + other"
    report = check_input(tsv, None, pairs_mode=True, presegmented=False, checks=checks,
                         profile=profile, resources={}, embedder=embedder)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    distinct_pair_texts = len({zh for zh, _ in pairs}) + len({en for _, en in pairs})
    print(f"\n{n} WMT20 pairs: {len(report.flags)} flags; {cpu:.1f} s CPU, {wall:.1f} s wall "
          f"(in process, model load included); floor texts (distinct zh + en): "
          f"{distinct_pair_texts} ({distinct_pair_texts / n:.2f} a pair)")
    print(f"{'stage':18s}{'asked':>9s}{'/pair':>7s}{'distinct':>10s}{'/pair':>7s}"
          f"{'encoded':>9s}{'/pair':>7s}{'cpu s':>8s}{'wall s':>8s}")
    total = StageCount()
    for name, c in sorted(counter.stages.items(), key=lambda kv: -kv[1].asked):
        if not (c.asked or c.cpu > 1):
            continue
        print(f"{name:18s}{c.asked:9d}{c.asked / n:7.2f}{len(c.distinct):10d}"
              f"{len(c.distinct) / n:7.2f}{c.encoded:9d}{c.encoded / n:7.2f}{c.cpu:8.1f}{c.wall:8.1f}")
        total.asked += c.asked
        total.distinct |= c.distinct
        total.encoded += c.encoded
    print(f"{'all stages':18s}{total.asked:9d}{total.asked / n:7.2f}{len(total.distinct):10d}"
          f"{len(total.distinct) / n:7.2f}{total.encoded:9d}{total.encoded / n:7.2f}")
    if flags_dir is not None:
        flags_dir.mkdir(parents=True, exist_ok=True)
        out = flags_dir / f"flags-{n}.jsonl"
        out.write_text("".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n"
                               for f in report.flags), encoding="utf-8")
        print(f"flags written to {out}")


def window_agreement(n: int) -> None:
    """Cosine of pooled clause windows (two or three clauses) to their re-encoded text."""
    import numpy as np
    from qa_scale import _clean, wmt20_pairs

    from align.embed import load_embedder
    from qa.clause_split import en_clauses, zh_clauses
    from qa.text_batch import WindowBatch

    model = load_embedder(None, use_cache=False)
    pairs = [(_clean(zh), _clean(en)) for zh, en in wmt20_pairs(n)]
    for side, texts, split in (("zh", dict.fromkeys(z for z, _ in pairs), zh_clauses),
                               ("en", dict.fromkeys(e for _, e in pairs), en_clauses)):
        batch, groups = WindowBatch(3), []
        for text in texts:
            clauses = split(text)
            if len(clauses) > 1:
                groups.append((batch.add(text, clauses), text, clauses))
        pooled = batch.embed(model)
        rows, exact = [], []
        for g, text, cs in groups:
            for r, (i, k) in enumerate(batch.runs(g)):
                if k > 1:
                    rows.append(pooled[g][r])
                    exact.append(text[cs[i].start:cs[i + k - 1].end])
        cos = np.einsum("ij,ij->i", np.stack(rows), model.embed(exact))
        print(f"{side}: {len(cos)} windows of 2-3 clauses in {len(groups)} texts; cosine pooled "
              f"to re-encoded: mean {cos.mean():.3f}, 5th percentile {np.percentile(cos, 5):.3f}, "
              f"min {cos.min():.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="1000", help="comma-separated pair counts")
    ap.add_argument("--flags-dir", type=Path, help="write each run's flags as flags-N.jsonl here")
    ap.add_argument("--windows", action="store_true",
                    help="measure pooled clause windows against their re-encoded texts instead")
    args = ap.parse_args(argv)
    os.environ.setdefault("ZHEN_SHARED", "/work/shared")
    if args.windows:
        for n in (int(x) for x in args.n.split(",")):
            window_agreement(n)
        return 0
    with tempfile.TemporaryDirectory(prefix="zhen-embcount-") as tmp:
        for n in (int(x) for x in args.n.split(",")):
            measure(n, Path(tmp), args.flags_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
