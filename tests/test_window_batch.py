"""Clause windows pooled from the clauses' states (qa.text_batch.WindowBatch, issue 16).

With USE-m3 a window of consecutive clauses is pooled from the clauses' own states
instead of encoded as text; any other embedder encodes the window's text.  Held here:
the order of the windows, that a one-clause window is the clause's own vector, that a
pooled window stays close to its re-encoded text, that the model encodes each clause
once and no window text, and that a non-pooling embedder gets the windows' own texts.
"""

from __future__ import annotations

import numpy as np
import pytest

from align.embed_protocol import pools_windows, windows_by_joining
from qa.clause_split import en_clauses, zh_clauses
from qa.embed_memo import memoised
from qa.text_batch import WindowBatch

ZH = "财政收入增长放缓，但支出继续增加，赤字有所扩大，地方债务风险上升。"
EN = ("Fiscal revenue grew more slowly, but spending kept rising, the deficit widened, "
      "and the risk of local government debt went up.")


@pytest.fixture(scope="module")
def model():
    from align.embed import load_embedder

    return load_embedder(use_cache=False)


class TextsOnly:
    """USE-m3 seen only through ``embed`` (windows by encoding their joined text), as a
    sentence-transformers backend is; it records what it is asked to encode."""

    key = "texts-only"

    def __init__(self, model) -> None:
        self.model = model  # not ``inner``: pools_windows looks through wrappers by that name
        self.asked: list[str] = []

    def embed(self, texts):
        self.asked += list(texts)
        return self.model.embed(texts)

    def embed_windows(self, texts, max_len, joiner=" "):
        return windows_by_joining(self, texts, max_len, joiner)


def _exact(text, clauses, runs, model):
    return model.embed([text[clauses[i].start:clauses[i + k - 1].end] for i, k in runs])


def test_windows_come_in_run_order_and_a_one_clause_window_is_the_clause(model):
    batch = WindowBatch(3)
    zc, ec = zh_clauses(ZH), en_clauses(EN)
    g_zh, g_en = batch.add(ZH, zc), batch.add(EN, ec)
    assert batch.runs(g_en) == [(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3),
                                (2, 1), (2, 2), (3, 1)]
    vecs = batch.embed(memoised(model))
    for g, text, cs in ((g_zh, ZH, zc), (g_en, EN, ec)):
        runs = batch.runs(g)
        assert vecs[g].shape == (len(runs), 512)
        exact = _exact(text, cs, runs, model)
        cos = np.einsum("ij,ij->i", vecs[g], exact)
        for (i, k), c in zip(runs, cos):
            # a clause alone is its own vector; a run of clauses, close to its text's
            assert c > (0.9999 if k == 1 else 0.9), (text, i, k, c)


def test_pooled_windows_encode_each_clause_once(model):
    encoded: list[str] = []
    states = model.sentence_states

    def counted(texts):
        encoded.extend(texts)
        return states(texts)

    model.sentence_states = counted
    try:
        batch = WindowBatch(3)
        batch.add(EN, en_clauses(EN))
        batch.add(ZH, zh_clauses(ZH))
        batch.embed(model)
    finally:
        del model.sentence_states
    assert sorted(encoded) == sorted(c.text for c in en_clauses(EN) + zh_clauses(ZH))


def test_an_embedder_that_cannot_pool_gets_each_windows_text(model):
    plain = TextsOnly(model)
    assert pools_windows(model) and pools_windows(memoised(model)) and not pools_windows(plain)
    batch = WindowBatch(2)
    ec = en_clauses(EN)
    g = batch.add(EN, ec)
    vecs = batch.embed(plain)
    texts = [EN[ec[i].start:ec[i + k - 1].end] for i, k in batch.runs(g)]
    assert plain.asked == texts
    np.testing.assert_allclose(vecs[g], model.embed(texts), atol=1e-6)


def test_a_group_without_clauses_has_no_windows(model):
    batch = WindowBatch(3)
    empty, full = batch.add("", []), batch.add(ZH, zh_clauses(ZH))
    vecs = batch.embed(model)
    assert len(vecs[empty]) == 0 and len(vecs[full]) == len(batch.runs(full))
    assert WindowBatch().embed(model) == []


def test_only_the_windows_inside_a_group_are_pooled_and_they_are_unchanged(model):
    # the clauses of many pairs are pooled in one run: a window crossing into the next pair
    # is never read, so it is not pooled, and the windows that are read come out bit for bit
    # as when every window was pooled (the DNN head works row by row)
    zc, ec = zh_clauses(ZH), en_clauses(EN)
    flat = [c.text for c in zc + ec]
    longest = np.array([min(3, len(cs) - i) for cs in (zc, ec) for i in range(len(cs))])
    states = model.sentence_states(flat)
    every = model.windows_from_states(states, 3)
    inside = model.windows_from_states(states, 3, longest)
    read = np.arange(3)[None, :] < longest[:, None]
    assert not read.all()  # the last clauses of the zh group have windows into the en group
    np.testing.assert_array_equal(inside[read], every[read])
    assert not inside[~read].any() and every[~read].any()
    # the batch asks for exactly those: its windows equal the ones pooled from all
    batch = WindowBatch(3)
    g_zh, g_en = batch.add(ZH, zc), batch.add(EN, ec)
    vecs = batch.embed(model)
    first = len(zc)
    for g, offset in ((g_zh, 0), (g_en, first)):
        expected = np.stack([every[offset + i, k - 1] for i, k in batch.runs(g)])
        np.testing.assert_array_equal(vecs[g], expected)
