"""How well bead confidences predict "this bead is exactly right" on a MAC split.

Prints log loss, Brier score and a reliability table (beads binned by
confidence: mean confidence against the share that is right).  A bead's
confidence is its posterior over all paths at ``AlignOptions.conf_temperature``
(``align.lattice``).  With --fit the temperature is refitted on the split
(golden-section search over log T for the least log loss), to copy into
``AlignOptions.conf_temperature`` after the score weights change.  Fit on
MAC-Dev only; check the held-out split with the printed figures.

    python bench/align_confidence.py --split dev --cache /tmp/zhen-emb [--fit]
    python bench/align_confidence.py --split test --cache /tmp/zhen-emb
"""

from __future__ import annotations

import argparse
import sys
from itertools import pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_mac import bench_embedder, parse_options
from align_tune import load
from common import mac_or_skip

from align.align_options import AlignOptions, options_from
from align.lattice import best_path, path_posteriors
from align.scoring import lattice_of, score_table


class Beads:
    """The predicted path of every document, its score table and which beads are right."""

    def __init__(self, docs, opts: AlignOptions) -> None:
        self.runs, right = [], []
        for d in docs:
            lat = lattice_of(d.ctx, score_table(d.ctx, opts, d.feats), opts)
            path = best_path(lat)
            gold = set(d.gold)
            i = j = 0
            for a, b in path:
                right.append((tuple(range(i, i + a)), tuple(range(j, j + b))) in gold)
                i, j = i + a, j + b
            self.runs.append((lat, path))
        self.right = np.array(right, dtype=float)

    def confidences(self, temperature: float) -> np.ndarray:
        return np.concatenate([
            path_posteriors(lat, path, temperature) for lat, path in self.runs
        ])


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def fit_temperature(beads: Beads, lo: float = 0.01, hi: float = 1.0) -> float:
    """The temperature of least log loss: golden-section search over log T."""
    g = (5**0.5 - 1) / 2
    a, b = np.log(lo), np.log(hi)

    def loss(x: float) -> float:
        return log_loss(beads.confidences(float(np.exp(x))), beads.right)

    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = loss(c), loss(d)
    while b - a > 0.01:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = loss(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = loss(d)
    return float(np.exp((a + b) / 2))


def report(p: np.ndarray, y: np.ndarray, label: str) -> None:
    print(f"{label}: {len(y)} beads, {y.mean():.3f} right; log loss {log_loss(p, y):.3f}, "
          f"Brier {np.mean((p - y) ** 2):.3f}")
    edges = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001]
    print("  confidence     beads  mean conf  right")
    for lo, hi in pairwise(edges):
        sel = (p >= lo) & (p < hi)
        if sel.any():
            print(f"  [{lo:.2f}, {min(hi, 1):.2f})  {sel.sum():6d}     {p[sel].mean():.3f}  {y[sel].mean():.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--opt", action="append", default=[])
    ap.add_argument("--fit", action="store_true", help="refit the coefficients on this split")
    args = ap.parse_args(argv)
    if mac_or_skip("align_confidence") is None:
        return 0
    opts = options_from(parse_options(args.opt))
    beads = Beads(load(args.split, bench_embedder(args.cache), opts), opts)
    T = opts.conf_temperature
    report(beads.confidences(T), beads.right, f"{args.split}, T={T:g}")
    if args.fit:
        T = round(fit_temperature(beads), 3)
        report(beads.confidences(T), beads.right, f"{args.split}, refitted")
        print(f"  conf_temperature={T}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
