"""How well bead confidences predict "this bead is exactly right" on a MAC split.

Prints log loss, Brier score and a reliability table (beads binned by
confidence: mean confidence against the share that is right).  With --fit
it refits the logistic model of ``align.aligner._confidence`` (bias, score,
capped gap, null bead, 1-1 bead) on the split by Newton's method and prints
the coefficients, to copy into ``AlignOptions.conf_*`` after the score
weights change.  Fit on MAC-Dev only; check the held-out split with the
printed figures.

    python bench/align_confidence.py --split dev --cache /tmp/zhen-emb [--fit]
    python bench/align_confidence.py --split test --cache /tmp/zhen-emb
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from itertools import pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_mac import bench_embedder, parse_options
from align_tune import load
from common import mac_or_skip

from align import aligner as al


def bead_rows(docs, opts: al.AlignOptions) -> tuple[np.ndarray, np.ndarray]:
    """(features, right) per predicted bead: features as _confidence reads them."""
    X, y = [], []
    for d in docs:
        path, scores, gaps = al._decode(d.ctx, al._score_table(d.ctx, opts, d.feats), opts)
        gold = set(d.gold)
        i = j = 0
        for (a, b), sc, gap in zip(path, scores, gaps):
            bead = (tuple(range(i, i + a)), tuple(range(j, j + b)))
            i, j = i + a, j + b
            X.append([1.0, sc, min(gap, 3.0), float(not (a and b)), float((a, b) == (1, 1))])
            y.append(bead in gold)
    return np.array(X), np.array(y, dtype=float)


def predict(X: np.ndarray, opts: al.AlignOptions) -> np.ndarray:
    w = np.array([opts.conf_bias, opts.conf_score, opts.conf_gap, opts.conf_null, opts.conf_one])
    return 1.0 / (1.0 + np.exp(-X @ w))


def fit(X: np.ndarray, y: np.ndarray, ridge: float = 1e-3) -> np.ndarray:
    """Logistic regression by Newton's method (a column that is always 0 stays 0)."""
    w = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + ridge * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + ridge * np.eye(X.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def report(p: np.ndarray, y: np.ndarray, label: str) -> None:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    loss = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
    print(f"{label}: {len(y)} beads, {y.mean():.3f} right; log loss {loss:.3f}, "
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
    opts = al._options(parse_options(args.opt))
    X, y = bead_rows(load(args.split, bench_embedder(args.cache), opts), opts)
    report(predict(X, opts), y, f"{args.split}, current coefficients")
    if args.fit:
        w = fit(X, y)
        names = ["conf_bias", "conf_score", "conf_gap", "conf_null", "conf_one"]
        fitted = dataclasses.replace(opts, **{n: round(float(v), 2) for n, v in zip(names, w)})
        report(predict(X, fitted), y, f"{args.split}, refitted")
        print("  " + ", ".join(f"{n}={getattr(fitted, n)}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
