"""Where the final search runs: a band around a coarse-to-fine anchor path.

Short documents search the whole matrix.  Long ones get a Vecalign-style
anchor path (both sides recursively halved by summing neighbouring vectors,
1-1/1-2/2-1 beads only) and the final search runs in a fixed-width band
around it, so time and memory grow linearly.  The band also carries what is
computed before the sentence features: the 1-b cosines and the clause gains.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from align.align_options import MAX_WINDOW, AlignOptions
from align.band import (
    band_around_path,
    band_dot,
    en_positions,
    path_cells,
    span_mean,
    top_k_mean_cols,
    top_k_mean_rows,
)
from align.clause_evidence import clause_bonus
from align.clauses import ClauseHalves
from align.lattice import Lattice, best_path

_ANCHOR_TYPES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))
_NEG = -np.inf


def full_band(n: int, m: int) -> tuple[np.ndarray, int]:
    return np.zeros(n + 1, dtype=np.int64), m + 1


def halve(V: np.ndarray) -> np.ndarray:
    n = len(V)
    h = np.asarray(V[0 : n - n % 2 : 2], dtype=np.float32) + np.asarray(
        V[1:n:2], dtype=np.float32
    )
    if n % 2:
        h = np.concatenate([h, np.asarray(V[-1:], dtype=np.float32)])
    return h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-9)


def anchor_path(
    Z: np.ndarray, E: np.ndarray, opts: AlignOptions
) -> list[tuple[int, int]]:
    """Coarse-to-fine 1-1/1-2/2-1 path over sentence vectors (Vecalign-style halving)."""
    n, m = len(Z), len(E)
    if (n + 1) * (m + 1) <= opts.full_cells or n < 4 or m < 4:
        lo, W = full_band(n, m)
    else:
        coarse = path_cells(anchor_path(halve(Z), halve(E), opts))
        lo, W = band_around_path(
            [(min(2 * i, n), min(2 * j, m)) for i, j in coarse], n, m, 8
        )
    Zs = [np.asarray(Z, dtype=np.float32), window_pairs(Z)]
    Es = [np.asarray(E, dtype=np.float32), window_pairs(E)]
    scores = np.full((n + 1, len(_ANCHOR_TYPES), W), _NEG, dtype=np.float32)
    cos11 = band_dot(Zs[0], Es[0], lo, W, 1, 1, m)
    bz = top_k_mean_rows(cos11[1:], opts.top_k)
    be = top_k_mean_cols(cos11, lo, m, opts.top_k)
    pos = en_positions(lo, W, m)
    for t, (a, b) in enumerate(_ANCHOR_TYPES):
        if a and b:
            cos = band_dot(Zs[a - 1], Es[b - 1], lo, W, a, b, m)
            bg = 0.5 * span_mean(bz, be, pos, a, b)
            scores[:, t] = cos - bg - opts.merge * (a + b - 2)
        elif a:
            scores[:, t] = opts.skip
    return best_path(Lattice(_ANCHOR_TYPES, scores, lo, W, n, m, np.full(m, opts.skip)))


def window_pairs(V: np.ndarray) -> np.ndarray:
    """Normalised sum of each vector and its successor (a 2-window)."""
    V = np.asarray(V, dtype=np.float32)
    out = V.copy()
    out[:-1] += V[1:]
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@dataclass
class Band:
    """Where the search runs, and what is computed before the sentence features.

    Built straight after embedding: the clause halves of a long document are
    as large as its zh windows, so their gains are taken (``add_clause_gains``)
    and the halves dropped before the per-cell tables of the search.
    """

    lo: np.ndarray
    W: int
    zh_one: dict[int, np.ndarray]  # b -> single zh sentence · en b-window, per cell
    clause: dict[tuple[int, int], np.ndarray]  # (a, b) -> clause gain, unweighted


def place_band(Zw: np.ndarray, Ew: np.ndarray, opts: AlignOptions) -> Band:
    """The search band and its 1-b cosines; ``add_clause_gains`` puts in the clause gains."""
    n, m = len(Zw), len(Ew)
    if (n + 1) * (m + 1) <= opts.full_cells:
        lo, W = full_band(n, m)
    else:
        # the anchor path at half resolution is plenty to place the band,
        # and skips a sentence-level pass over float32 copies of all vectors
        coarse = path_cells(anchor_path(halve(Zw[:, 0]), halve(Ew[:, 0]), opts))
        anchors = [(min(2 * i, n), min(2 * j, m)) for i, j in coarse]
        lo, W = band_around_path(anchors, n, m, opts.band)
    # single zh sentences against en windows: the neighbour evidence and the
    # clause floor use them
    zh_one = {1: band_dot(Zw[:, 0], Ew[:, 0], lo, W, 1, 1, m)}
    if opts.w_neighbour:
        for k in range(2, MAX_WINDOW + 1):
            zh_one[k] = band_dot(Zw[:, 0], Ew[:, k - 1], lo, W, 1, k, m)
    return Band(lo, W, zh_one, {})


def add_clause_gains(
    band: Band,
    Zw: np.ndarray,
    Ew: np.ndarray,
    halves: ClauseHalves,
    opts: AlignOptions,
) -> None:
    """Put the clause gains of ``halves`` into ``band`` (``align.clause_evidence``)."""
    m = len(Ew)
    for k in range(2, 5):  # the floor reads the 1-2 … 1-4 cosines
        if k not in band.zh_one:
            band.zh_one[k] = band_dot(Zw[:, 0], Ew[:, k - 1], band.lo, band.W, 1, k, m)
    band.clause = clause_bonus(
        halves, Zw[:, 0], Ew, band.lo, band.W, m, band.zh_one, opts.clause_floor
    )
