"""The bead lattice against brute force: every monotone path of a small band, enumerated."""

from __future__ import annotations

import math

import numpy as np
import pytest

from align.align_options import BEAD_TYPES
from align.lattice import Lattice, best_path, path_posteriors

TYPES = BEAD_TYPES


def _problem(seed: int, n: int, m: int, banded: bool):
    rng = np.random.default_rng(seed)
    if banded:  # a band that follows the diagonal, narrower than the matrix
        W = 5
        lo = np.array([max(0, min(m + 1 - W, round(i * m / n) - 2)) for i in range(n + 1)])
    else:
        W, lo = m + 1, np.zeros(n + 1, dtype=np.int64)
    scores = rng.normal(0.0, 1.0, (n + 1, len(TYPES), W)).astype(np.float32)
    skip_en = rng.normal(-0.5, 0.3, m)
    return scores, lo, W, skip_en


def _paths(scores, lo, W, n, m, skip_en):
    """Every path from (0, 0) to (n, m) inside the band, with its score."""

    def inside(i, j):
        return 0 <= j - lo[i] < W and j <= m

    def walk(i, j):
        if (i, j) == (0, 0):
            yield [], 0.0
            return
        for t, (a, b) in enumerate(TYPES):
            pi, pj = i - a, j - b
            if pi < 0 or pj < 0 or not inside(pi, pj):
                continue
            s = float(skip_en[j - 1]) if a == 0 else float(scores[i, t, j - lo[i]])
            for path, total in walk(pi, pj):
                yield path + [(a, b)], total + s

    assert inside(n, m)
    return list(walk(n, m))


def _beads(path):
    out, i, j = [], 0, 0
    for a, b in path:
        out.append((i, j, a, b))
        i, j = i + a, j + b
    return out


@pytest.mark.parametrize("seed,n,m,banded", [(0, 4, 4, False), (1, 3, 5, False), (2, 6, 7, True)])
def test_best_path_and_posteriors_match_enumeration(seed, n, m, banded):
    scores, lo, W, skip_en = _problem(seed, n, m, banded)
    paths = _paths(scores, lo, W, n, m, skip_en)
    assert len(paths) > 50
    best = max(paths, key=lambda p: p[1])[0]
    lat = Lattice(TYPES, scores, lo, W, n, m, skip_en)
    assert best_path(lat) == best

    T = 0.7
    weights = np.array([math.exp(total / T) for _, total in paths])
    weights /= weights.sum()
    exact = [
        sum(w for (p, _), w in zip(paths, weights) if bead in _beads(p))
        for bead in _beads(best)
    ]
    np.testing.assert_allclose(path_posteriors(lat, best, T), exact, rtol=1e-9)


def test_posteriors_sharpen_as_temperature_falls():
    scores, lo, W, skip_en = _problem(3, 6, 8, True)
    lat = Lattice(TYPES, scores, lo, W, 6, 8, skip_en)
    best = best_path(lat)
    hot, warm, cold = (path_posteriors(lat, best, T) for T in (5.0, 0.5, 0.001))
    assert ((hot > 0) & (hot < 1)).all()
    assert hot.mean() < warm.mean() < cold.mean()
    np.testing.assert_allclose(cold, 1.0)


def test_long_band_stays_finite():
    """Path masses of a long document run to thousands in log space: no overflow."""
    n = m = 3000
    rng = np.random.default_rng(4)
    W = 25
    lo = np.clip(np.arange(n + 1) - 12, 0, m + 1 - W)
    scores = rng.normal(0.5, 0.3, (n + 1, len(TYPES), W)).astype(np.float32)
    lat = Lattice(TYPES, scores, lo, W, n, m, np.full(m, -0.5))
    best = best_path(lat)
    post = path_posteriors(lat, best, 0.075)
    assert np.isfinite(post).all() and (post >= 0).all() and (post <= 1).all()
    assert post.mean() > 0.3


def test_narrow_relays_the_band_around_a_path():
    """The posterior sums run in a band around the best path: cell for cell the same scores."""
    from align.band import band_around_path, path_cells
    from align.lattice import _narrow

    n, m = 30, 36
    scores, lo, W, skip_en = _problem(5, n, m, False)
    path = best_path(Lattice(TYPES, scores, lo, W, n, m, skip_en))
    lo2, W2 = band_around_path(path_cells(path), n, m, 3)
    assert W2 < W
    out = _narrow(scores, lo, W, lo2, W2)
    for i in range(n + 1):
        for c2 in range(W2):
            c = lo2[i] + c2 - lo[i]
            want = scores[i, :, c] if 0 <= c < W else np.full(len(TYPES), -np.inf)
            np.testing.assert_array_equal(out[i, :, c2], want)
    # on a lattice with a clear diagonal, as a translation gives, the paths more
    # than a few sentences off it carry no mass worth counting
    n = m = 30
    rng = np.random.default_rng(6)
    scores = rng.normal(-1.0, 0.3, (n + 1, len(TYPES), m + 1)).astype(np.float32)
    scores[np.arange(1, n + 1), 0, np.arange(1, n + 1)] += 2.0
    lat = Lattice(TYPES, scores, np.zeros(n + 1, dtype=np.int64), m + 1, n, m, np.full(m, -1.0))
    path = best_path(lat)
    assert path == [(1, 1)] * n
    full = path_posteriors(lat, path, 0.45, None)
    near = path_posteriors(lat, path, 0.45, 5)
    assert 0.5 < full.min() < 0.99
    np.testing.assert_allclose(near, full, atol=1e-7)
