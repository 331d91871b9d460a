"""Band layout shared by the aligner's score tables.

A band keeps, for DP row i, the columns lo[i] .. lo[i]+W-1: memory and time
linear in document length.  These helpers compute products and shifts in
that layout without materialising anything (n, m)-sized.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_NEG = -np.inf


class Float32Rows:
    """Consecutive row ranges of a float16 or float32 array, as float32.

    Rows are converted a block at a time: band chunks overlap on the
    column side, and a block serves many of them, so each row is
    converted about once, without a float32 copy of the whole array.
    """

    __slots__ = ("_X", "_block", "_rows", "_start", "_stop")

    def __init__(self, X: np.ndarray, block: int = 1024) -> None:
        self._X, self._block = X, block
        self._start = self._stop = 0
        self._rows = np.zeros((0,) + X.shape[1:], dtype=np.float32)

    def rows(self, start: int, stop: int) -> np.ndarray:
        if start < self._start or stop > self._stop:
            self._start = start
            self._stop = min(len(self._X), max(stop, start + self._block))
            self._rows = np.asarray(self._X[start : self._stop], dtype=np.float32)
        return self._rows[start - self._start : stop - self._start]


def band_dot(
    A: np.ndarray,
    B: np.ndarray,
    lo: np.ndarray,
    W: int,
    a: int,
    b: int,
    n_b: int,
    rows_per: int | None = None,
) -> np.ndarray:
    """out[i, c] = A[i-a] · B[lo[i]+c-b]: vectors of the spans a bead ending at (i, j) covers.

    ``n_b`` is the DP width on B's side (m); cells with no such span are -inf.
    Rows are processed in chunks so each chunk is one BLAS matrix product.
    Each product lands in its rows of a -inf padded buffer, and one gather
    at the end picks every cell's entry: per-chunk index work would cost
    more than the small products themselves.  Vectors are converted to
    float32 a chunk at a time (long documents keep them in float16, and a
    whole-array copy per call would cost memory and cache misses).
    ``rows_per`` overrides the rows per product, for callers whose rows
    drift slower than one column per row.
    """
    n1 = len(lo)
    if rows_per is None:
        if lo[-1] == lo[0]:  # whole matrix: every row needs the same columns
            rows_per = max(1, min(256, 2_000_000 // max(W, 1)))
        else:  # a band drifts right: few rows per product keep the waste near 2x
            rows_per = max(16, W // 2)
    starts = np.arange(a, n1, rows_per)
    if len(starts) == 0:
        return np.full((n1, W), _NEG, dtype=np.float32)
    ends = np.minimum(starts + rows_per, n1)
    c0 = np.maximum(lo[starts] - b, 0)
    c1 = np.minimum(lo[ends - 1] + W - b, n_b - b + 1)
    # column of cell (i, 0) within its chunk's product, shifted to be >= 0
    shift = lo[a:] - b - np.repeat(c0, ends - starts)
    pad = max(0, -int(shift.min()))
    stride = pad + max(int(shift.max()) + W, int((c1 - c0).max()), 0)
    buf = np.full((n1, stride), _NEG, dtype=np.float32)
    A32, B32 = Float32Rows(A), Float32Rows(B)
    for r0, r1, k0, k1 in zip(starts.tolist(), ends.tolist(), c0.tolist(), c1.tolist()):
        if k1 > k0:
            buf[r0:r1, pad : pad + k1 - k0] = (
                A32.rows(r0 - a, r1 - a) @ B32.rows(k0, k1).T
            )
    idx = np.arange(n1)[:, None] * stride + pad + np.arange(W)[None, :]
    idx[a:] += shift[:, None]
    out = buf.ravel()[idx]
    out[:a] = _NEG
    return out


def band_shift(X: np.ndarray, lo: np.ndarray, dr: int, dc: int) -> np.ndarray:
    """out[i, c] = X at row i + dr and en position lo[i] + c + dc; -inf off the band."""
    n1, W = X.shape
    r = np.arange(n1) + dr
    ok_r = (r >= 0) & (r < n1)
    r = np.clip(r, 0, n1 - 1)
    c = np.arange(W)[None, :] + (lo - lo[r] + dc)[:, None]
    ok = ok_r[:, None] & (c >= 0) & (c < W)
    return np.where(ok, X[r[:, None], np.clip(c, 0, W - 1)], _NEG)


def path_cells(path: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cells a path of (a, b) moves visits, from (0, 0)."""
    out = [(0, 0)]
    for a, b in path:
        i, j = out[-1]
        out.append((i + a, j + b))
    return out


def band_around_path(
    cells: Sequence[tuple[int, int]], n: int, m: int, half: int
) -> tuple[np.ndarray, int]:
    """Rows' first column and common width of a band of ±half around a path's cells.

    A row the path passes through spans from the path's first to its last
    column in that row (a run of 0-1 beads); a row it jumps over (inside a
    2-1 bead) spans the columns of the move that crosses it.
    """
    pi = np.array([p[0] for p in cells])
    pj = np.array([p[1] for p in cells])
    rows = np.arange(n + 1)
    last_le = np.searchsorted(pi, rows, side="right") - 1
    first_ge = np.minimum(np.searchsorted(pi, rows, side="left"), len(pi) - 1)
    lo = np.clip(pj[np.minimum(first_ge, last_le)] - half, 0, m)
    hi = np.clip(pj[np.maximum(first_ge, last_le)] + half, 0, m)
    return lo.astype(np.int64), int((hi - lo).max()) + 1


def top_k_mean_rows(S: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k largest finite entries per row (0 for rows with none)."""
    X = np.where(np.isfinite(S), S, _NEG)
    if X.shape[1] > k:
        X = -np.partition(-X, k - 1, axis=1)[:, :k]
    ok = np.isfinite(X)
    cnt = ok.sum(1)
    return np.where(cnt > 0, np.where(ok, X, 0.0).sum(1) / np.maximum(cnt, 1), 0.0)


def top_k_mean_cols(S: np.ndarray, lo: np.ndarray, m: int, k: int) -> np.ndarray:
    """Per en sentence, mean of its k best 1-1 similarities inside the band."""
    W = S.shape[1]
    # en sentence of the 1-1 bead ending at column j is j - 1
    jj = lo[:, None] + np.arange(W)[None, :] - 1
    ok = np.isfinite(S)
    t, v = jj[ok], S[ok].astype(np.float64)
    out = np.zeros(m)
    if len(t) == 0:
        return out
    # one sort on a combined key: by sentence, best similarity first (|v| <= 1)
    order = np.argsort(t * 4.0 - v, kind="stable")
    t, v = t[order], v[order]
    start = np.searchsorted(t, np.arange(m), side="left")
    rank = np.arange(len(t)) - start[t]
    keep = rank < k
    sums = np.bincount(t[keep], weights=v[keep], minlength=m)
    cnts = np.bincount(t[keep], minlength=m)
    return np.where(cnts > 0, sums / np.maximum(cnts, 1), 0.0)


def en_positions(lo: np.ndarray, W: int, m: int) -> np.ndarray:
    """En position j = lo[i] + c of every band cell, clipped to 0..m.

    Computed once per band: every span sum of every bead type reads it.
    """
    return np.clip(lo[:, None] + np.arange(W)[None, :], 0, m)


def span_mean(
    bz: np.ndarray, be: np.ndarray, pos: np.ndarray, a: int, b: int
) -> np.ndarray:
    """Mean background of the zh span plus that of the en span, per band cell."""
    return (
        span_sum(np.cumsum(np.r_[0.0, bz]), pos, a, b, "zh") / a
        + span_sum(np.cumsum(np.r_[0.0, be]), pos, a, b, "en") / b
    )


def span_sum(
    prefix: np.ndarray, pos: np.ndarray, a: int, b: int, side: str
) -> np.ndarray:
    """Sum of a per-sentence quantity over the zh or en span of each band cell.

    ``pos`` is the band's ``en_positions``.
    """
    if side == "zh":
        i = np.arange(len(pos))
        v = prefix[i] - prefix[np.maximum(i - a, 0)]
        return np.broadcast_to(v[:, None], pos.shape)
    return prefix[pos] - prefix[np.maximum(pos - b, 0)]
