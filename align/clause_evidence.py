"""Clause-level evidence for beads whose English splits a Chinese sentence.

Why: in a gold 2-2 bead the translator usually moved a clause across the
sentence boundary, so neither 1-1 half matches well and the aligner reads
it as two poor 1-1 beads.  Cut one of the bead's zh sentences at a clause
mark (``align.clauses``) and the halves match the English on either side of
one English sentence boundary.  The same holds for one long zh sentence
split over several English ones (1-2 … 1-5).

The evidence of a bead is the weaker half's cosine of its best split,
``max over cuts and English boundaries of min(cos left, cos right)``.  A bead
earns ``w · max(evidence - floor, 0)``, where the floor is the larger of tau
and the same measure for splits between whole sentences: a bead that
splits as cleanly there is explained as well by smaller beads.  On MAC this
gains on every split (bench/align_clause_probe.py); rewarding many-to-many
beads alone costs points on policy text, where long sentences split into
several English ones and a short neighbour gets pulled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

import numpy as np

from align.band import band_dot
from align.clauses import ClauseHalves

#: bead types that get the bonus; 3-2 adds nothing measurable and would
#: need halves with two whole sentences beside them
TYPES: tuple[tuple[int, int], ...] = ((2, 2), (2, 3), (1, 2), (1, 3), (1, 4), (1, 5))
_NEG = -np.inf
_HEAD, _TAIL, _PREV_HEAD, _TAIL_NEXT = range(4)
#: band cells computed per product, bounding the transient arrays
_CELLS = 1 << 20


def _splits(a: int, b: int):
    """(p, q, head half, tail half): zh sentence p of the bead is cut, q en sentences go left."""
    for p in range(a):
        head = _HEAD if p == 0 else _PREV_HEAD
        tail = _TAIL if a - 1 - p == 0 else _TAIL_NEXT
        for q in range(1, b):
            yield p, q, head, tail


def clause_bonus(
    halves: ClauseHalves,
    Z1: np.ndarray,
    Ew: np.ndarray,
    lo: np.ndarray,
    W: int,
    m: int,
    one_to: Mapping[int, np.ndarray],
    tau: float,
) -> dict[tuple[int, int], np.ndarray]:
    """Per bead type in TYPES, the (n+1, W) unweighted gain in the band layout (float16).

    The weight (``AlignOptions.w_clause``) is applied when beads are scored.

    ``Z1`` are the zh sentence vectors, ``Ew`` the en window vectors and
    ``one_to[b]`` the cosines of every 1-b bead; the sentence-level floor is
    built from them.
    """
    n1 = len(lo)
    n = n1 - 1
    clause = {ab: np.full((n1, W), _NEG, dtype=np.float32) for ab in TYPES}
    owner = halves.owner
    if len(owner):
        # en boundaries a cut of sentence k can take: rows k+1 and k+2 of
        # the DP, at most four English sentences to the boundary's right
        rows1 = np.minimum(np.arange(n) + 1, n)
        rows2 = np.minimum(np.arange(n) + 2, n)
        e0 = np.maximum(lo[rows1] - 4, 0)
        span = int((np.minimum(lo[rows2] + W - 1, m) - e0).max()) + 1
        # chunks of whole sentences, about _CELLS band cells each
        per = max(1, _CELLS // max(span, 1))
        bounds = [0]
        while bounds[-1] < len(owner):
            r = min(bounds[-1] + per, len(owner))
            while r < len(owner) and owner[r] == owner[r - 1]:
                r += 1
            bounds.append(r)
        for r0, r1 in pairwise(bounds):
            _chunk(halves, r0, r1, Ew, lo, W, m, e0, span, clause)
    out = {}
    for a, b in TYPES:
        floor = np.full((n1, W), tau, dtype=np.float32)
        if a == 2:
            for q in range(1, b):
                # the first zh sentence with the first q en ones, the second with the rest
                left = band_dot(Z1, Ew[:, q - 1], lo, W, 2, b, m)
                np.maximum(floor, np.minimum(left, one_to[b - q]), out=floor)
        c = clause[a, b]
        with np.errstate(invalid="ignore"):
            gain = np.where(np.isfinite(c), np.maximum(c - floor, 0.0), 0.0)
        # float16: six of these live through the search of a long document
        out[a, b] = gain.astype(np.float16)
    return out


def _chunk(halves, r0, r1, Ew, lo, W, m, e0, span, clause) -> None:
    """Fold the cuts r0..r1 (whole sentences) into the per-type clause maxima."""
    owner = halves.owner[r0:r1]
    base = e0[owner]
    # float32 copies of the chunk's halves and of the en windows its
    # boundaries reach, made once: the twelve products below share them
    # (contiguous per half and per window length: strided operands slow BLAS)
    A = np.ascontiguousarray(halves.vectors[r0:r1].transpose(1, 0, 2), dtype=np.float32)
    e_lo = max(int(base[0]) - 4, 0)
    e_hi = min(int(base[-1]) + span + 4, m)
    E = np.ascontiguousarray(Ew[e_lo:e_hi, :4].transpose(1, 0, 2), dtype=np.float32)
    # rows per product: cuts drift along the en side slower than DP rows do
    drift = (int(base[-1]) - int(base[0]) + 1) / max(len(base), 1)
    rows_per = int(min(256, max(16, span / max(drift, 1e-3))))
    products: dict[tuple[int, int, bool], np.ndarray] = {}

    def dots(h: int, length: int, is_head: bool) -> np.ndarray:
        """[r, t]: half h of cut r against the en window of ``length`` ending
        (head) or starting (tail) at boundary e0 + t; -inf off the text."""
        key = (h, length, is_head)
        if key not in products:
            start = (base if is_head else base + length) - e_lo
            d = band_dot(
                A[h], E[length - 1], start, span, 0, length, m - e_lo, rows_per
            )
            d[~halves.ok[r0:r1, h]] = _NEG
            products[key] = d
        return products[key]

    # sentences of the chunk, and where each one's cuts start
    first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    sent = owner[first]
    cols = np.arange(W)
    for a, b in TYPES:
        target = clause[a, b]
        for p, q, head, tail in _splits(a, b):
            v = np.minimum(dots(head, q, True), dots(tail, b - q, False))
            best = np.maximum.reduceat(v, first, axis=0)  # per sentence
            i = sent + (a - p)  # DP row of the bead's end
            keep = (i <= len(lo) - 1) & (sent >= p)  # the bead fits the text
            i, k, best = i[keep], sent[keep], best[keep]
            # the boundary e = j - (b - q) for every column of row i
            t = (lo[i] - (b - q) - e0[k])[:, None] + cols[None, :]
            ok = (t >= 0) & (t < span)
            got = np.where(
                ok, np.take_along_axis(best, np.clip(t, 0, span - 1), 1), _NEG
            )
            np.maximum(target[i], got, out=got)
            target[i] = got
