"""Error analysis of the aligner on a MAC split: which gold beads are missed and how.

For every gold bead that the aligner does not reproduce exactly, the
predicted beads overlapping it are collected into a "confusion region"
(the smallest run of gold and predicted beads that start and end at the same
cells), and regions are counted by their gold / predicted shapes, e.g.
``gold 2-2 -> 1-1+1-1``.  Recall per gold type and precision per predicted
type are printed too.  Texts are only printed with --show, to the terminal.

    python bench/align_errors.py --split dev --cache /tmp/zhen-emb [--show 5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_mac import bench_embedder, parse_options, read_lines, run_split
from common import mac_or_skip

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def _kind(b) -> str:
    return f"{len(b[0])}-{len(b[1])}"


def _ends(beads: Beads) -> list[tuple[int, int]]:
    """Cell (zh end, en end) after each bead."""
    out, i, j = [], 0, 0
    for z, e in beads:
        i, j = i + len(z), j + len(e)
        out.append((i, j))
    return out


def regions(test: Beads, gold: Beads) -> list[tuple[Beads, Beads]]:
    """Maximal disagreeing runs: (gold beads, test beads) between shared cells."""
    shared = set(_ends(test)) & set(_ends(gold)) | {(0, 0)}
    out: list[tuple[Beads, Beads]] = []
    gi = ti = 0
    ge, te = _ends(gold), _ends(test)
    while gi < len(gold) and ti < len(test):
        g_run, t_run = [gold[gi]], [test[ti]]
        while ge[gi] != te[ti] or ge[gi] not in shared:
            if ge[gi] < te[ti]:
                gi += 1
                g_run.append(gold[gi])
            else:
                ti += 1
                t_run.append(test[ti])
        if g_run != t_run:
            out.append((g_run, t_run))
        gi += 1
        ti += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--opt", action="append", default=[])
    ap.add_argument("--show", type=int, default=0, help="print N regions per pattern")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    mac = mac_or_skip("align_errors")
    if mac is None:
        return 0
    emb = bench_embedder(args.cache)
    test, gold, _, names = run_split(mac, args.split, emb, parse_options(args.opt), False)

    g_all, g_hit, t_all, t_hit = Counter(), Counter(), Counter(), Counter()
    patterns: Counter = Counter()
    examples: dict[str, list] = {}
    for name, t, g in zip(names, test, gold):
        gs, ts = set(g), set(t)
        for b in g:
            g_all[_kind(b)] += 1
            g_hit[_kind(b)] += b in ts
        for b in t:
            t_all[_kind(b)] += 1
            t_hit[_kind(b)] += b in gs
        for g_run, t_run in regions(t, g):
            key = (
                "+".join(_kind(b) for b in g_run)
                + " -> "
                + "+".join(_kind(b) for b in t_run)
            )
            patterns[key] += 1
            examples.setdefault(key, []).append((name, g_run, t_run))
    print("gold type   n    recall | pred n  precision")
    for k in sorted(set(g_all) | set(t_all), key=lambda k: -g_all[k]):
        r = g_hit[k] / g_all[k] if g_all[k] else 0
        p = t_hit[k] / t_all[k] if t_all[k] else 0
        print(f"{k:<8}{g_all[k]:>5}  {r:7.3f} | {t_all[k]:>5}  {p:7.3f}")
    print(f"\n{sum(patterns.values())} disagreeing regions; most common:")
    for key, c in patterns.most_common(args.top):
        print(f"{c:>5}  {key}")
    if args.show:
        base = mac / args.split
        for key, _ in patterns.most_common(args.top):
            for name, g_run, t_run in examples[key][: args.show]:
                zh = read_lines(base / "zh" / name)
                en = read_lines(base / "en" / name)
                print(f"\n=== {key}  doc {name}")
                print("gold:", g_run)
                print("pred:", t_run)
                zs = sorted({z for b in g_run for z in b[0]})
                es = sorted({e for b in g_run for e in b[1]})
                for z in zs:
                    print(f"  zh{z}: {zh[z]}")
                for e in es:
                    print(f"  en{e}: {en[e]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
