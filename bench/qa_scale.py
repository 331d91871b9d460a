"""Translation-memory scale: ``zhen check --pairs`` on 10k, 20k and 100k real pairs (issue 16).

The pairs are WMT20 zh→en (shared/eval/mqm): every system's output for the 2,000 sources, in
file order (10 systems × 2,000 = 20,000 distinct pairs); larger sizes repeat that list, as a TM
with repeated units does.  Each size is written once as a TSV memory and checked with all
default checks and the bundled USE-m3 embedder, with an empty embedding cache, in a fresh
process whose peak RSS is read when it is waited for (``embed_floor.timed_process``).

The lexicon tables zhen derives from the installed packages (CC-CEDICT indexes, the attested
compounds, the negation thesaurus; ``align.cedict.load_derived``) are built once per installation
and kept in ``$ZHEN_LEXICON_CACHE_DIR``.  The runs share one such folder, filled by an untimed
run on the first 100 pairs before the first timed one, as on a user's machine after the first
run; every run still starts with an empty *embedding* cache.  (A table is built when a check
first needs it: two pairs built only two of the four, and each ``--jobs`` worker then built the
others inside the timed run, about 9 s of a 20k run's wall time.)  ``--cold-lexicons`` gives each run an empty lexicon
folder too, so that its time includes building them (about 15 s on the 2-core box).

Beside each run, the floor: a bare process that loads USE-m3 (``USE(threads=2)``) and encodes
every distinct zh and en text of the memory once (``embed_floor.floor_process``).  The ratio says what zhen costs above the
embedding it cannot avoid.

Targets (issue 16, 2-core machine): 20k ≤ 2.0× floor; time(20k)/time(10k) ≤ 2.3; peak RSS of
20k ≤ 1.3× that of 10k; 100k under 1.5 GB.

    python bench/qa_scale.py                        # 10k and 20k (~10 min on the 2-core box)
    python bench/qa_scale.py --sizes 2000           # a quick look
    python bench/qa_scale.py --sizes 10000,20000,100000
    python bench/qa_scale.py --jobs 2               # zhen check --pairs --jobs 2 (worker processes)

With ``--jobs N`` the peak RSS is the largest sum over the process and its workers (sampled
every 0.2 s), not one process's, and the CPU seconds include the workers'.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from common import REPO, shared_eval
from embed_floor import floor_process, timed_process


def wmt20_pairs(n: int) -> list[tuple[str, str]]:
    """``n`` real pairs: all systems' WMT20 outputs in file order, repeated as needed."""
    mqm = shared_eval("mqm")
    if mqm is None:
        raise SystemExit("qa_scale: shared/eval/mqm not found (set ZHEN_SHARED); skipping benchmark")
    sys.path.insert(0, str(Path(__file__).parent))
    from qa_mqm import MQM_FILE, read_mqm

    base = [(s.source, s.target) for s in read_mqm(mqm / MQM_FILE.name, None)
            if s.source.strip() and s.target.strip()]
    return [base[i % len(base)] for i in range(n)]


def _clean(text: str) -> str:
    """One TSV cell: the memory format has no escapes for tabs and newlines."""
    return " ".join(text.split())


def _warm_lexicons(tmp: Path) -> Path:
    """A lexicon folder filled by an untimed ``zhen check`` of 100 pairs (see the module docstring)."""
    import subprocess

    folder = tmp / "lexicons"
    tsv = tmp / "warm.tsv"
    tsv.write_text("zh\ten\n" + "".join(f"{_clean(zh)}\t{_clean(en)}\n" for zh, en in wmt20_pairs(100)),
                   encoding="utf-8")
    env = {**os.environ, "ZHEN_CACHE_DIR": str(tmp / "cache-warm"), "PYTHONPATH": str(REPO),
           "ZHEN_LEXICON_CACHE_DIR": str(folder)}
    subprocess.run([sys.executable, "-m", "qa.cli", "check", str(tsv), "--pairs", "-o", str(tmp / "out-warm")],
                   cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,20000", help="comma-separated pair counts")
    ap.add_argument("--no-floor", action="store_true", help="skip the bare-encoder floor runs")
    ap.add_argument("--floor-only", action="store_true",
                    help="only the floor runs (zhen's own figures from bench/check_embeddings.py)")
    ap.add_argument("--cold-lexicons", action="store_true",
                    help="no shared, warmed lexicon tables: each run builds its own")
    ap.add_argument("--jobs", type=int, default=1,
                    help="zhen check --jobs N: partitions of the memory on N worker processes")
    args = ap.parse_args(argv)
    if args.floor_only and args.no_floor:
        ap.error("--floor-only and --no-floor leave nothing to run")
    print("$ python bench/qa_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="zhen-scale-") as tmp_name:
        tmp = Path(tmp_name)
        lexicons = None if args.cold_lexicons or args.floor_only else _warm_lexicons(tmp)
        for n in sizes:
            pairs = [(_clean(zh), _clean(en)) for zh, en in wmt20_pairs(n)]
            tsv = tmp / f"pairs-{n}.tsv"
            tsv.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\n" for zh, en in pairs),
                           encoding="utf-8")
            env = {**os.environ, "ZHEN_CACHE_DIR": str(tmp / f"cache-{n}"), "PYTHONPATH": str(REPO),
                   "ZHEN_LEXICON_CACHE_DIR": str(lexicons or tmp / f"cache-{n}" / "lexicons")}
            jobs = ["--jobs", str(args.jobs)] if args.jobs > 1 else []
            run = None if args.floor_only else timed_process(
                [sys.executable, "-m", "qa.cli", "check", str(tsv), "--pairs", "-o", str(tmp / f"out-{n}"),
                 *jobs], env, sample_tree=args.jobs > 1)
            floor = None
            if not args.no_floor:
                # every distinct text once, as bench/embed_floor.py takes the floor
                zh_texts, en_texts = tmp / f"zh-{n}.txt", tmp / f"en-{n}.txt"
                zh_texts.write_text("\n".join(dict.fromkeys(zh for zh, _ in pairs)), encoding="utf-8")
                en_texts.write_text("\n".join(dict.fromkeys(en for _, en in pairs)), encoding="utf-8")
                floor = floor_process(zh_texts, en_texts, "package")
            rows.append((n, run, floor))
            if floor and not run:
                print(f"{n:>7} pairs: floor {floor.wall:6.1f} s wall, {floor.cpu:6.1f} s CPU", flush=True)
                continue
            assert run is not None
            ratio = f"{run.wall / floor.wall:.2f}× wall, {run.cpu / floor.cpu:.2f}× CPU" if floor else "-"
            print(f"{n:>7} pairs: {run.wall:7.1f} s ({run.cpu:7.1f} s CPU)  {n / run.wall:6.0f} pairs/s  "
                  f"peak {run.rss / 2**20:7.0f} MiB  floor "
                  f"{floor.wall if floor else float('nan'):6.1f} s ({floor.cpu if floor else float('nan'):6.1f} s "
                  f"CPU)  ratio {ratio}", flush=True)
    by_n = {n: (run, floor) for n, run, floor in rows if run is not None}
    if 10000 in by_n and 20000 in by_n:
        r10, r20 = by_n[10000][0], by_n[20000][0]
        print(f"20k/10k time {r20.wall / r10.wall:.2f} (target ≤ 2.3); "
              f"20k/10k peak RSS {r20.rss / r10.rss:.2f} (target ≤ 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
