"""Weighted bead scores over the band, and the decoded path with its confidences."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from align.align_options import BEAD_TYPES, AlignOptions
from align.features import SearchContext, bead_features
from align.lattice import Lattice, best_path, path_posteriors
from align.progress import Tick
from align.progress import no_tick as _no_tick

_NEG = -np.inf


def bead_score(
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


def lattice_of(ctx: SearchContext, scores: np.ndarray, opts: AlignOptions) -> Lattice:
    return Lattice(
        BEAD_TYPES, scores, ctx.lo, ctx.W, ctx.n, ctx.m, np.full(ctx.m, opts.skip)
    )


def decode(
    ctx: SearchContext, scores: np.ndarray, opts: AlignOptions, tick: Tick = _no_tick
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Best path through scored cells, and each bead's posterior (its confidence).

    ``tick(1)`` after each of the two (the search, the posteriors), for progress.
    """
    lat = lattice_of(ctx, scores, opts)
    path = best_path(lat)
    tick(1)
    posteriors = path_posteriors(lat, path, opts.conf_temperature)
    tick(1)
    return path, posteriors


def score_table(
    ctx: SearchContext,
    opts: AlignOptions,
    features: dict[tuple[int, int], dict[str, np.ndarray]] | None = None,
    tick: Tick = _no_tick,
) -> np.ndarray:
    """(n+1, bead types, W) scores of every bead in the band.

    ``features`` holds ``bead_features`` by (a, b) when they were computed
    already (bench/align_tune.py re-weights them many times); one table
    builder keeps tuning and alignment from drifting apart.  ``tick(1)``
    after each bead type's scores, for progress.
    """
    scores = np.full((ctx.n + 1, len(BEAD_TYPES), ctx.W), _NEG, dtype=np.float32)

    def fill(t: int) -> None:
        a, b = BEAD_TYPES[t]
        if a and b:
            f = (
                features[(a, b)]
                if features is not None
                else bead_features(ctx, a, b, opts)
            )
            scores[:, t] = bead_score(f, a, b, opts)
            if opts.w_clause and (a, b) in ctx.clause:
                scores[:, t] += opts.w_clause * ctx.clause[a, b]
        elif a:
            scores[:, t] = opts.skip
        tick(1)

    if ctx.n * ctx.W < 1_000_000:
        for t in range(len(BEAD_TYPES)):
            fill(t)
    else:
        # a long document: bead types are independent, and their array
        # arithmetic runs outside the GIL, so two threads share the work
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(fill, range(len(BEAD_TYPES))))
    return scores
