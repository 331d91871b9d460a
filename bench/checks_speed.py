"""How long each check takes, and how that grows with the document.

Runs every registered check (without the embedder: omission/addition fall
back to their word test) on corpora/qa-labelled's 94 sentence pairs, then on
that document repeated k times, and prints seconds per check for each size.
A check whose time grows faster than the pair count shows up as a rising
``per 1k pairs`` figure (issue 16 asks for every check to be linear).

``--wmt20 SIZES`` runs instead on real WMT20 pairs built as bench/qa_scale.py
builds them (``wmt20_pairs(n)``, read back through the TSV pairs reader), the
way ``zhen check --pairs`` runs them: pair-local checks in chunks of
``CHUNK_PAIRS``, document checks once on every pair, both through the markup
and Simplified views.  It prints CPU seconds per check (``time.process_time``:
the machine is shared, wall time is noisy), wall seconds in total, and the
growth exponent log(t2/t1)/log(n2/n1) between the smallest and largest size
(1.0 is linear).

    python bench/checks_speed.py                 # sizes 94, 376
    python bench/checks_speed.py --repeat 1,10,50
    python bench/checks_speed.py --wmt20 2000,4000,8000
    python bench/checks_speed.py --wmt20 2000,4000,8000 --checks term-consistency,spelling
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from align.model import Pair
from qa.checks import all_checks
from qa.model import Check, Context


def document(repeat: int) -> list[Pair]:
    folder = REPO / "corpora" / "qa-labelled"
    zh = (folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    en += [""] * (len(zh) - len(en))
    return [Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(list(zip(zh, en)) * repeat)]


def wmt20_document(n: int) -> list[Pair]:
    """``n`` WMT20 pairs as ``zhen check pairs.tsv --pairs`` reads them (bench/qa_scale.py's memory)."""
    from qa_scale import _clean, wmt20_pairs

    from align.pairs_io import read_pairs

    with tempfile.TemporaryDirectory(prefix="zhen-checks-speed-") as tmp:
        tsv = Path(tmp) / "pairs.tsv"
        tsv.write_text("zh\ten\n" + "".join(f"{_clean(z)}\t{_clean(e)}\n" for z, e in wmt20_pairs(n)),
                       encoding="utf-8")
        return list(read_pairs(tsv).pairs)


def _timed_on(pairs: Sequence[Pair], checks: Sequence[Check], cpu: dict[str, float]) -> None:
    """Run ``checks`` on ``pairs`` as qa.pipeline._run_on does, adding each check's CPU seconds to ``cpu``."""
    from qa.markup import MarkupViews
    from qa.pipeline import simplified_view

    views = MarkupViews.of(pairs)
    view = simplified_view(views.pairs)
    ctx = Context(pairs=view.pairs, resources={"raw_pairs": views.raw})
    for check in checks:
        start = time.process_time()
        check.run_all(ctx)
        cpu[check.id] = cpu.get(check.id, 0.0) + time.process_time() - start


def wmt20_times(n: int, only: set[str] | None = None) -> tuple[dict[str, float], float]:
    """CPU seconds per check on ``n`` WMT20 pairs, run as the pipeline runs them; and the wall seconds.

    ``only``: the ids of the checks to run (None: all)."""
    from qa.pipeline import CHUNK_PAIRS, _chunks, split_checks
    from qa.profile import load_profile

    checks = tuple(c for c in all_checks() if only is None or c.id in only)
    local, whole = split_checks(checks, load_profile(None, checks))
    pairs = wmt20_document(n)
    cpu: dict[str, float] = {}
    wall = time.perf_counter()
    for chunk in _chunks(pairs, CHUNK_PAIRS):
        _timed_on(chunk, local, cpu)
    _timed_on(pairs, whole, cpu)
    return cpu, time.perf_counter() - wall


def exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    """The growth exponent k of t ∝ n^k between two sizes (nan when a time is too small to say)."""
    if min(t1, t2) < 0.05 or n1 == n2:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def _one_size(n: int, only: set[str] | None) -> int:
    """Print (JSON) the CPU seconds per check and the wall seconds on ``n`` WMT20 pairs."""
    import json

    # first use loads word lists, CEDICT and jieba: not what is measured (on other text,
    # so that no cache holds a WMT20 pair before the timed run)
    for check in all_checks():
        check.run_all(Context(pairs=document(1)))
    cpu, wall = wmt20_times(n, only)
    print(json.dumps({"cpu": cpu, "wall": wall}))
    return 0


def wmt20_main(sizes: list[int], only: str | None) -> int:
    """Each size in a fresh process, so that no size finds the caches warmed by a smaller one."""
    import json
    import subprocess

    runs = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--wmt20-one", str(n)]
                             + (["--checks", only] if only else []), check=True,
                             capture_output=True, text=True).stdout
        got = json.loads(out.strip().splitlines()[-1])
        cpu, wall = got["cpu"], got["wall"]
        runs.append((n, cpu, wall))
        print(f"{n} pairs: {sum(cpu.values()):.1f} CPU s, {wall:.1f} wall s; " + ", ".join(
            f"{c} {t:.1f}" for c, t in sorted(cpu.items(), key=lambda ct: -ct[1])), flush=True)
    ids = sorted(runs[0][1], key=lambda c: -runs[-1][1].get(c, 0.0))
    head = "".join(f"{n:>9d} CPU s" for n, _, _ in runs)
    print(f"{'check':24s}{head}  exponent")
    (n1, c1, _), (n2, c2, _) = runs[0], runs[-1]
    for cid in ids:
        cells = "".join(f"{cpu.get(cid, 0.0):15.2f}" for _, cpu, _ in runs)
        print(f"{cid:24s}{cells}  {exponent(n1, c1.get(cid, 0.0), n2, c2.get(cid, 0.0)):8.2f}")
    totals = [sum(cpu.values()) for _, cpu, _ in runs]
    print(f"{'all checks':24s}" + "".join(f"{t:15.2f}" for t in totals)
          + f"  {exponent(n1, totals[0], n2, totals[-1]):8.2f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", default="1,4", help="comma-separated repeat counts")
    ap.add_argument("--wmt20", default=None, help="comma-separated WMT20 pair counts (instead of --repeat)")
    ap.add_argument("--checks", default=None, help="with --wmt20: comma-separated check ids (default all)")
    ap.add_argument("--wmt20-one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    only = set(args.checks.split(",")) if args.checks else None
    if args.wmt20_one:
        return _one_size(args.wmt20_one, only)
    if args.wmt20:
        return wmt20_main([int(s) for s in args.wmt20.split(",") if s.strip()], args.checks)
    checks = all_checks()
    # first use loads word lists, CEDICT and jieba: not what is measured
    Context(pairs=document(1))
    for check in checks:
        check.run_all(Context(pairs=document(1)))
    sizes = [int(r) for r in args.repeat.split(",")]
    rows = {c.id: [] for c in checks}
    for k in sizes:
        pairs = document(k)
        for check in checks:
            start = time.perf_counter()
            check.run_all(Context(pairs=pairs))
            rows[check.id].append((len(pairs), time.perf_counter() - start))
    head = "".join(f"{n:>10d} pairs  per 1k" for n, _ in rows[checks[0].id])
    print(f"{'check':24s}{head}")
    for cid, cells in rows.items():
        print(f"{cid:24s}" + "".join(f"{t:14.3f}s {1000 * t / n:6.2f}s" for n, t in cells))
    total = [sum(rows[c.id][i][1] for c in checks) for i in range(len(sizes))]
    print(f"{'all checks':24s}" + "".join(
        f"{t:14.3f}s {1000 * t / rows[checks[0].id][i][0]:6.2f}s" for i, t in enumerate(total)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
