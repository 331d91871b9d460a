"""The evidence for every bead in the search band, before weighting.

``SearchContext`` holds the per-cell quantities all bead types share (window
vectors, background similarities, cumulative lexical and anchor overlaps,
the 1-b and a-1 cosines, clause gains); ``bead_features`` turns them into
the raw evidence of one bead type, which ``align.scoring`` weights.  Kept
apart from the weights so that bench/align_tune.py can re-weight without
recomputing.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from align.align_options import MAX_WINDOW, AlignOptions
from align.band import (
    band_dot,
    band_shift,
    en_positions,
    span_mean,
    span_sum,
    top_k_mean_cols,
    top_k_mean_rows,
)
from align.band_placement import Band
from align.signals import SideFeatures, pair_overlaps

_NEG = -np.inf


@dataclass
class SearchContext:
    n: int
    m: int
    lo: np.ndarray
    W: int
    en_pos: np.ndarray  # en_positions of the band
    Zw: np.ndarray
    Ew: np.ndarray
    fz: SideFeatures
    fe: SideFeatures
    bz: np.ndarray
    be: np.ndarray
    lex_rows: np.ndarray  # (n+1, W) cumulative pair overlaps along each row
    en_lex_mass: np.ndarray  # per en sentence, the summed weight of its stems
    anc_rows: np.ndarray
    zh_one: dict[int, np.ndarray]  # b -> single zh sentence · en b-window, per cell
    en_one: dict[int, np.ndarray]  # a -> zh a-window · single en sentence, per cell
    clause: dict[tuple[int, int], np.ndarray]  # (a, b) -> clause gain, unweighted


def row_cumsum_pairs(
    fz_sets, fe_sets, lo: np.ndarray, W: int, m: int, en_weight=None
) -> np.ndarray:
    """Cumulative (along the band row) overlap of zh sentence i-1 with en sentence j-1."""
    n1 = len(lo)
    ii, cc = np.meshgrid(np.arange(n1), np.arange(W), indexing="ij")
    jj = lo[:, None] + cc
    ok = (ii >= 1) & (jj >= 1) & (jj <= m)
    vals = np.zeros((n1, W), dtype=np.float32)
    vals[ok] = pair_overlaps(fz_sets, fe_sets, ii[ok] - 1, jj[ok] - 1, en_weight)
    return np.cumsum(vals, axis=1)


def stem_weights(stems: list[set[str]], power: float) -> dict[str, float]:
    """Inverse document frequency of English stems within this document.

    A gloss match on a stem every third sentence contains ("say", "come")
    is weak evidence; one on a rare stem pins the pair down.
    """
    if not power:
        return {}
    df: dict[str, int] = {}
    for st in stems:
        for w in st:
            df[w] = df.get(w, 0) + 1
    n = len(stems)
    return {w: math.log((n + 1) / (d + 0.5)) ** power for w, d in df.items()}


def block_sum(R: np.ndarray, lo: np.ndarray, W: int, a: int, b: int) -> np.ndarray:
    """Σ pair overlaps over zh [i-a, i) × en [j-b, j) for every band cell (i, c).

    ``R`` is cumulative along each band row, so a row's share is two lookups;
    R is read through a copy padded with 0 on the left and its row totals on
    the right, which stands in for every column off the band without masks.
    """
    n1 = len(lo)
    rows = np.arange(n1)
    # shift between a row's band and that of the row r above it, for each r
    d = [lo[r:] - lo[: n1 - r] for r in range(min(a, n1))]
    left = b + min(W, max(0, -min(int(x.min(initial=0)) for x in d)))
    right = min(W + b, max(0, max(int(x.max(initial=0)) for x in d)))
    S = left + W + right
    Rx = np.zeros((n1, S), dtype=np.float32)
    Rx[:, left : left + W] = R
    Rx[:, left + W :] = R[:, -1:]
    Rx = Rx.ravel()
    cols = np.arange(W)
    total = np.zeros((n1, W), dtype=np.float32)
    for r in range(len(d)):
        # flat position of en column j in row i - r, for current DP row i
        hi = (
            ((rows[: n1 - r] * S + left + np.clip(d[r], b - left, right))[:, None])
            + cols
        )
        total[r:] += Rx[hi] - Rx[hi - b]
    return total


def bead_cos(ctx: SearchContext, a: int, b: int) -> np.ndarray:
    """Window cosines of every a-b bead; a 1-b or a-1 bead's are already in the context."""
    shared = ctx.zh_one.get(b) if a == 1 else ctx.en_one.get(a) if b == 1 else None
    if shared is not None:
        return shared
    return band_dot(ctx.Zw[:, a - 1], ctx.Ew[:, b - 1], ctx.lo, ctx.W, a, b, ctx.m)


def bead_features(
    ctx: SearchContext, a: int, b: int, opts: AlignOptions
) -> dict[str, np.ndarray]:
    """Raw evidence for every a-b bead in the band, before weighting.

    Kept apart from the weights so that tuning can reuse it.
    """
    lo, W = ctx.lo, ctx.W

    def span(arr, side, a=a, b=b):
        return span_sum(np.cumsum(np.r_[0.0, arr]), ctx.en_pos, a, b, side)

    f = {
        "cos": bead_cos(ctx, a, b),
        "bg": 0.5 * span_mean(ctx.bz, ctx.be, ctx.en_pos, a, b),
    }
    if opts.w_neighbour:
        f["neighbour"] = _neighbour_max(ctx.zh_one[b], ctx.en_one[a], lo, a, b)
    lz, le = span(ctx.fz.length, "zh"), span(ctx.fe.length, "en")
    f["logratio"] = np.log((le + 10.0) / (lz + 10.0 / 3.0))
    o = block_sum(ctx.lex_rows, lo, W, a, b)
    f["lex_en"] = o / (span(ctx.en_lex_mass, "en") + 1.0)
    f["lex_zh"] = o / (span(ctx.fz.stem_count, "zh") + 1.0)
    o = block_sum(ctx.anc_rows, lo, W, a, b)
    nz, ne = span(ctx.fz.anchor_count, "zh"), span(ctx.fe.anchor_count, "en")
    f["anchor"] = np.minimum(o, 4)
    f["anchor_miss"] = np.minimum(np.maximum(nz - o, 0) + np.maximum(ne - o, 0), 4)
    qz, qe = span(ctx.fz.quotes, "zh"), span(ctx.fe.quotes, "en")
    f["quote"] = np.minimum(np.abs(qz - qe), 4)
    f["quote_xor"] = ((qz > 0) != (qe > 0)).astype(np.float32)
    f["doc_logratio"] = np.float32(
        math.log((ctx.fe.length.sum() + 1.0) / (ctx.fz.length.sum() + 1.0))
    )
    if b > 1:  # quotes closed by the bead's en sentences but its last
        q = ctx.fe.closes_quote
        f["inner_quote"] = span(q, "en") - span(q, "en", b=1)
    if a > 1:  # quotes opened by its zh sentences but its first
        f["inner_open_zh"] = span(ctx.fz.opens_quote, "zh", a=a - 1)
    if a > 1 or b > 1:
        f["para"] = _crossings(ctx, a, b)
        f["heading"] = (
            span(ctx.fz.heading.astype(float), "zh")
            + span(ctx.fe.heading.astype(float), "en")
            > 0
        ).astype(np.float32)
    return f


def neighbour_cosine(
    Zw: np.ndarray, Ew: np.ndarray, lo: np.ndarray, W: int, a: int, b: int
) -> np.ndarray:
    """Best cosine of a sentence just before or after an a-b bead with the bead's other side.

    A bead that leaves out a neighbour matching its other side better than
    the bead itself is usually half of a larger bead (a 2-2 read as 1-1 +
    1-1, a 1-2 read as 1-1 + 0-1).  Same band layout as the bead scores;
    -inf where the bead has no neighbour or does not fit.
    """
    m = len(Ew)
    return _neighbour_max(
        band_dot(Zw[:, 0], Ew[:, b - 1], lo, W, 1, b, m),
        band_dot(Zw[:, a - 1], Ew[:, 0], lo, W, a, 1, m),
        lo,
        a,
        b,
    )


def _neighbour_max(
    zh_one: np.ndarray, en_one: np.ndarray, lo: np.ndarray, a: int, b: int
) -> np.ndarray:
    """``neighbour_cosine`` from two band matrices shared by all bead types.

    ``zh_one`` scores single zh sentences against b-windows of English (a 1-b
    bead), ``en_one`` a-windows of Chinese against single en sentences; the
    neighbours of an a-b bead are cells of these shifted by a row or column.
    """
    return np.maximum.reduce(
        [
            band_shift(zh_one, lo, 1, 0),  # next zh sentence
            band_shift(zh_one, lo, -a, 0),  # previous zh sentence
            band_shift(en_one, lo, 0, 1),  # next en sentence
            band_shift(en_one, lo, 0, -b),  # previous en sentence
        ]
    )


def _crossings(ctx: SearchContext, a: int, b: int) -> np.ndarray:
    """1 where the zh or en span of a bead crosses a paragraph boundary."""
    out = np.zeros((len(ctx.lo), ctx.W))
    if a > 1:
        pz = np.r_[
            0.0, np.cumsum(np.r_[0.0, np.diff(ctx.fz.para) != 0])
        ]  # breaks before sentence k
        i = np.arange(len(ctx.lo))
        crosses = pz[i] - pz[np.clip(i - a + 1, 0, len(pz) - 1)] > 0
        out += crosses[:, None]
    if b > 1:
        pe = np.r_[0.0, np.cumsum(np.r_[0.0, np.diff(ctx.fe.para) != 0])]
        j = np.clip(ctx.lo[:, None] + np.arange(ctx.W)[None, :], 0, ctx.m)
        out += (pe[j] - pe[np.clip(j - b + 1, 0, len(pe) - 1)]) > 0
    return (out > 0).astype(np.float32)


def build_context(
    Zw: np.ndarray,
    Ew: np.ndarray,
    fz: SideFeatures,
    fe: SideFeatures,
    opts: AlignOptions,
    band: Band,
) -> SearchContext:
    """The per-cell quantities every bead type shares (the band from ``place_band``)."""
    n, m = len(Zw), len(Ew)
    lo, W, zh_one = band.lo, band.W, band.zh_one
    cos11 = zh_one[1]

    def en_one() -> dict[int, np.ndarray]:
        """a-windows of zh against single en sentences (the neighbour evidence)."""
        out = {1: cos11}
        if opts.w_neighbour:
            for k in range(2, MAX_WINDOW + 1):
                out[k] = band_dot(Zw[:, k - 1], Ew[:, 0], lo, W, k, 1, m)
        return out

    # the products beside the set arithmetic of the lexical tables below
    with ThreadPoolExecutor(1) as pool:
        en_one_job = pool.submit(en_one)
        idf = stem_weights(fe.stems, opts.lex_idf)
        ctx = SearchContext(
            n=n,
            m=m,
            lo=lo,
            W=W,
            en_pos=en_positions(lo, W, m),
            Zw=Zw,
            Ew=Ew,
            fz=fz,
            fe=fe,
            bz=top_k_mean_rows(cos11[1:], opts.top_k),
            be=top_k_mean_cols(cos11, lo, m, opts.top_k),
            lex_rows=row_cumsum_pairs(fz.stems, fe.stems, lo, W, m, idf)
            if (opts.w_lex_en or opts.w_lex_zh)
            else np.zeros((n + 1, W), np.float32),
            anc_rows=row_cumsum_pairs(fz.anchors, fe.anchors, lo, W, m),
            # fsum: exact, so the result does not depend on set order (PYTHONHASHSEED)
            en_lex_mass=np.array(
                [math.fsum(idf.get(w, 1.0) for w in st) for st in fe.stems]
            ),
            zh_one=zh_one,
            en_one=en_one_job.result(),
            clause=band.clause,
        )
    # the per-sentence word sets are done with: a long document's take
    # hundreds of MB, which the score tables need more
    ctx.fz, ctx.fe = _without_sets(fz), _without_sets(fe)
    return ctx


def _without_sets(f: SideFeatures) -> SideFeatures:
    return replace(f, anchors=[], stems=[], words=[])
