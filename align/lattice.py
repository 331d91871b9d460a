"""The bead lattice of one band: its best path, and how sure each bead of it is.

A score table ``scores[i, t, c]`` gives every bead of type ``t = (a, b)``
ending at cell (i, lo[i] + c).  ``best_path`` is the search (max, +);
``path_posteriors`` runs the same recursion in (logsumexp, +) forwards and
backwards, which makes the scores a distribution over every monotone path,
p(path) ∝ exp(sum of its bead scores / T).  A bead's posterior is the share
of that mass on paths through it.  That is the confidence: it sees every
competing way through the same sentences (a 2-2 against 1-1 + 1-1 two cells
away, say), which the bead's own score and its winning margin into one cell
cannot, and on MAC-Test it is the better calibrated of the two.

Both passes read the predecessors of a whole row in one gather and resolve
0-1 beads (no zh side) inside the row with a running max or logsumexp over
prefix sums, so a row costs a fixed handful of vector operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from align.band import band_around_path, path_cells

_NEG = -np.inf


@dataclass(frozen=True)
class Lattice:
    """Every bead the search may take: its score at the cell where it ends.

    ``scores[i, t, c]`` is the score of a bead of type ``types[t]`` ending at
    (i, lo[i] + c), -inf where there is none; ``skip_en[j]`` is the score of
    the 0-1 bead of en sentence j.
    """

    types: Sequence[tuple[int, int]]
    scores: np.ndarray  # (n+1, len(types), W)
    lo: np.ndarray  # (n+1,) first en position of each row's band
    W: int
    n: int
    m: int
    skip_en: np.ndarray


@dataclass(frozen=True)
class _Layout:
    """Where each row's predecessor cells sit in a flat, padded row buffer.

    The buffer holds ``R`` padding rows of -inf above row 0 and columns
    either side of the band, so a bead type's W predecessor cells are one
    contiguous run starting at ``src[i, t]``; 0-1 beads read padding.
    """

    R: int
    S: int
    left: int
    src: np.ndarray  # (n+1, types) flat start of each type's predecessors

    def buffer(self, n: int) -> np.ndarray:
        return np.full((n + 1 + self.R) * self.S, _NEG)

    def rows(self, buf: np.ndarray, n: int, W: int) -> np.ndarray:
        return buf.reshape(n + 1 + self.R, self.S)[self.R :, self.left : self.left + W]

    def row_slice(self, i: int, W: int) -> slice:
        start = (i + self.R) * self.S + self.left
        return slice(start, start + W)


def _layout(
    types: Sequence[tuple[int, int]], lo: np.ndarray, W: int, n: int
) -> _Layout:
    ta = np.array([a for a, _ in types])
    tb = np.array([b for _, b in types])
    rows = np.arange(n + 1)
    # column, in its predecessor row, of the cell a bead ending at (i, 0) starts from
    off = lo[:, None] - tb[None, :] - lo[np.maximum(rows[:, None] - ta[None, :], 0)]
    left = min(W, max(0, -int(off.min())))
    R, S = int(ta.max()), left + W + min(W, max(0, int(off.max())))
    src = (
        (rows[:, None] + R - ta[None, :]) * S + left + np.clip(off, -left, S - left - W)
    )
    src[:, ta == 0] = 0  # the first padding row
    return _Layout(R, S, left, src)


def _skip_prefix(lo: np.ndarray, W: int, m: int, skip_en: np.ndarray) -> np.ndarray:
    """(n+1, W) summed score of the 0-1 beads before each cell's en position."""
    prefix = np.r_[0.0, np.cumsum(skip_en)]
    jj = lo[:, None] + np.arange(W)[None, :]
    return prefix[np.minimum(jj, m)]


def best_path(lat: Lattice) -> list[tuple[int, int]]:
    """Best monotone path from (0, 0) to (n, m), as the bead types in order."""
    types, scores, lo, W, n, m = lat.types, lat.scores, lat.lo, lat.W, lat.n, lat.m
    lay = _layout(types, lo, W, n)
    dpbuf = lay.buffer(n)
    starts_at = sliding_window_view(dpbuf, W)  # [p] = the W cells from flat position p
    cols = np.arange(W)
    t01 = types.index((0, 1)) if (0, 1) in types else -1
    inside = (lo[:, None] + cols[None, :]) <= m
    P_all = _skip_prefix(lo, W, m, lat.skip_en)
    bt = np.zeros((n + 1, W), dtype=np.int16)
    for i in range(n + 1):
        if i == 0:
            best = np.full(W, _NEG)
            best[0] = 0.0
            arg = np.zeros(W, dtype=np.int16)
        else:
            cand = starts_at[lay.src[i]]
            cand += scores[i]
            k = cand.argmax(axis=0)
            best = cand[k, cols]
            arg = k.astype(np.int16)
        if t01 >= 0:
            P = P_all[i]
            v = best - P
            cm = np.maximum.accumulate(v)
            arg[(cm > v) & inside[i]] = t01
            best = np.where(inside[i], cm + P, _NEG)
        dpbuf[lay.row_slice(i, W)] = best
        bt[i] = arg
    dp = lay.rows(dpbuf, n, W)
    if not (0 <= m - lo[n] < W) or not np.isfinite(dp[n, m - lo[n]]):
        raise RuntimeError("alignment search found no path; band too narrow")
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = types[int(bt[i, j - lo[i]])]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path


def _logsumexp0(x: np.ndarray) -> np.ndarray:
    """logsumexp over axis 0, -inf where every term is -inf; ``x`` is overwritten.

    Called under ``np.errstate(divide="ignore")``: an all -inf column takes
    a top of -1e300, so its terms exp to 0 and its log is -inf, with no
    per-row masks.
    """
    top = x.max(axis=0)
    np.maximum(top, -1e300, out=top)
    x -= top
    np.exp(x, out=x)
    out = x.sum(axis=0)
    np.log(out, out=out)
    out += top
    return out


def _forward(lay, scores, k, W, n, inside, P_all, t01) -> np.ndarray:
    """(n+1, W) log mass of the paths from (0, 0) to each cell (log weights k·scores)."""
    buf = lay.buffer(n)
    starts_at = sliding_window_view(buf, W)
    g = np.full(W, _NEG)
    g[0] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n + 1):
            if i:
                g = starts_at[lay.src[i]]  # a copy: fancy indexing
                g += k * scores[i]
                g = _logsumexp0(g)
            if t01 >= 0:
                P = P_all[i]
                g = np.logaddexp.accumulate(g - P) + P
                g[~inside[i]] = _NEG
            buf[lay.row_slice(i, W)] = g
    return lay.rows(buf, n, W)


def _backward(types, scores, k, lo, W, n, m, inside, P_all, t01) -> np.ndarray:
    """(n+1, W) log mass of the paths from each cell to (n, m).

    A bead of type (a, b) from (i, lo[i]+c) ends at (i+a, lo[i]+c+b), so
    row i reads ``B[i+a] + k·scores[i+a, t]`` of the a rows below it.  Those sums
    are kept for the last few rows only, in a ring of (types, padded row)
    slabs, so that, as in the forward pass, a row's successors are one
    gather of contiguous runs; one more slab of -inf stands for rows past n.
    """
    nt = len(types)
    ta = np.array([a for a, _ in types])
    tb = np.array([b for _, b in types])
    R = int(ta.max())
    rows = np.arange(n + 1)
    r = rows[:, None] + ta[None, :]
    off = lo[:, None] + tb[None, :] - lo[np.minimum(r, n)]
    left = min(W, max(0, -int(off.min())))
    Sp = left + W + min(W, max(0, int(off.max())))
    slot = np.where((r <= n) & (ta[None, :] > 0), r % (R + 1), R + 1)
    src = (slot * nt + np.arange(nt)[None, :]) * Sp + left
    src += np.clip(off, -left, Sp - left - W)
    ring = np.full((R + 2) * nt * Sp, _NEG)
    slabs = ring.reshape(R + 2, nt, Sp)
    starts_at = sliding_window_view(ring, W)
    B = np.full((n + 1, W), _NEG)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n, -1, -1):
            if i == n:
                g = np.full(W, _NEG)
                if 0 <= m - lo[n] < W:
                    g[m - lo[n]] = 0.0
            else:
                g = _logsumexp0(starts_at[src[i]])
            if t01 >= 0:
                P = P_all[i]
                g = np.logaddexp.accumulate((g + P)[::-1])[::-1] - P
                g[~inside[i]] = _NEG
            B[i] = g
            slab = slabs[i % (R + 1), :, left : left + W]
            np.multiply(scores[i], k, out=slab)
            slab += g
    return B


def _narrow(
    scores: np.ndarray, lo: np.ndarray, W: int, lo2: np.ndarray, W2: int
) -> np.ndarray:
    """``scores`` re-laid in the band (lo2, W2); -inf where the old band had no cell."""
    c = lo2[:, None] - lo[:, None] + np.arange(W2)[None, :]
    ok = (c >= 0) & (c < W)
    idx = np.broadcast_to(
        np.clip(c, 0, W - 1)[:, None, :], (len(lo), scores.shape[1], W2)
    )
    out = np.take_along_axis(scores, idx, axis=2)
    out[~np.broadcast_to(ok[:, None, :], out.shape)] = _NEG
    return out


def path_posteriors(
    lat: Lattice,
    path: Sequence[tuple[int, int]],
    temperature: float,
    half: int | None = 16,
) -> np.ndarray:
    """Posterior probability of each bead of ``path`` at ``temperature``.

    The temperature sets how peaked the distribution is: scores are sums of
    cosines and costs with no natural unit, so it is fitted (on MAC-Dev,
    bench/align_confidence.py --fit) like any other weight.  The sums run
    over the paths within ``half`` sentences of ``path`` (None: the whole
    band): a path further off differs from it in many beads, each costing
    about 1/T ≈ 13 in log mass, so what it would add is far below rounding,
    and a short document's band is the whole matrix, ten times wider.
    """
    types, scores, lo, W, n, m = lat.types, lat.scores, lat.lo, lat.W, lat.n, lat.m
    if half is not None:
        lo2, W2 = band_around_path(path_cells(path), n, m, half)
        if W2 < W:
            scores, lo, W = _narrow(scores, lo, W, lo2, W2), lo2, W2
    # applied row by row (no float64 copy of a long document's table); a NumPy
    # float64, so that float32 scores are scaled in float64
    inv_t = np.float64(1.0 / temperature)
    skip = np.asarray(lat.skip_en, dtype=np.float64) * inv_t
    lay = _layout(types, lo, W, n)
    inside = (lo[:, None] + np.arange(W)[None, :]) <= m
    P_all = _skip_prefix(lo, W, m, skip)
    t01 = types.index((0, 1)) if (0, 1) in types else -1
    F = _forward(lay, scores, inv_t, W, n, inside, P_all, t01)
    B = _backward(types, scores, inv_t, lo, W, n, m, inside, P_all, t01)
    Z = F[n, m - lo[n]]
    out = np.empty(len(path))
    i = j = 0
    for k, (a, b) in enumerate(path):
        i2, j2 = i + a, j + b
        c = j2 - lo[i2]
        if a:
            logp = (
                F[i, j - lo[i]] + inv_t * scores[i2, types.index((a, b)), c] + B[i2, c]
            )
        else:
            logp = F[i, j - lo[i]] + skip[j] + B[i2, c]
        out[k] = np.exp(min(logp - Z, 0.0))
        i, j = i2, j2
    return out
