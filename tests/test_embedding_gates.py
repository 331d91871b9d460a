"""Embedding only what a decision needs, each text once a run, with the same flags (issue 16).

* the run memo (qa/embed_memo.py) gives the vectors the embedder gives, encodes a text
  once however often it is asked for, and stays under its capacity;
* the coverage gate (qa.checks.coverage._similarity_needed) leaves most pairs' clauses
  unembedded and the omission/addition flags as they are with every pair embedded;
* the deferred clause links (qa.clause_match.DocumentClauses) are matched only for the
  pairs the meaning checks name, and their flags are those of links matched for all pairs.

All on real text: the labelled and meaning corpora, with the bundled USE-m3.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from align.model import Pair
from qa.checks import coverage, direction, modality, polarity, time_expression
from qa.clause_match import clause_similarities, document_clauses, match_clauses
from qa.embed_memo import MemoEmbedder, memoised
from qa.model import Context

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _pairs(folder: str, en: str = "en.txt") -> list[Pair]:
    zh = (CORPORA / folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    tr = (CORPORA / folder / en).read_text(encoding="utf-8").splitlines()
    tr += [""] * (len(zh) - len(tr))
    return [Pair(id=i, zh=z.strip(), en=e.strip()) for i, (z, e) in enumerate(zip(zh, tr))]


@pytest.fixture(scope="module")
def model():
    from align.embed import load_embedder

    return load_embedder(use_cache=False)


def test_memo_gives_the_embedders_vectors_and_encodes_each_text_once(model):
    texts = ["数字经济是新的增长点。", "The digital economy is a new growth point.", "数字经济是新的增长点。"]
    memo = MemoEmbedder(model, capacity=8)
    first = memo.embed(texts)
    assert memo.encoded == 2 and memo.hits == 1
    np.testing.assert_array_equal(first[0], first[2])
    again = memo.embed(texts[1:])
    assert memo.encoded == 2 and memo.hits == 3  # nothing new for the model
    np.testing.assert_array_equal(again, first[1:])
    direct = np.asarray(model.embed(texts[:2]), dtype=np.float32)
    np.testing.assert_allclose(first[:2], direct, atol=1e-6)
    assert memo.embed([]).shape[0] == 0
    assert memoised(memo) is memo and memoised(None) is None


def test_memo_stays_under_its_capacity(model):
    memo = MemoEmbedder(model, capacity=2)
    a = memo.embed(["第一句。", "第二句。", "第三句。"])
    assert len(memo) == 2 and memo.encoded == 3
    b = memo.embed(["第一句。"])  # the oldest, gone: encoded again
    assert memo.encoded == 4
    # alone rather than in a batch of three: the model's own float noise, nothing more
    np.testing.assert_allclose(a[0], b[0], atol=1e-6)


@pytest.fixture(scope="module")
def embedder(model):
    return memoised(model)


@pytest.mark.parametrize("folder,en", [("qa-labelled", "en.txt"), ("qa-meaning", "en.clean.txt")])
def test_coverage_gate_keeps_the_flags_of_every_pair_embedded(embedder, folder, en):
    pairs = _pairs(folder, en)
    gated = Context(pairs=pairs, resources={"embedder": embedder})
    full = Context(pairs=pairs, resources={"embedder": embedder, "coverage_gate": False})
    for check in (coverage.check_omission, coverage.check_addition):
        assert check(gated) == check(full)
    rows = coverage.analyse(gated)
    embedded = [r for r in rows if r.zh_sim and r.zh_sim[0] is not None
                or r.en_sim and r.en_sim[0] is not None]
    # the gate keeps the model off pairs whose words the other side explains
    assert 0 < len(embedded) < 0.8 * len(rows), (len(embedded), len(rows))
    if folder == "qa-labelled":
        assert any(f.check == "omission" for f in coverage.check_omission(gated))


def test_deferred_links_equal_links_matched_at_once(embedder):
    pair = Pair(id=3, zh="财政收入增长放缓，但支出继续增加，赤字有所扩大。",
                en="Fiscal revenue grew more slowly, but spending kept rising, and the deficit widened.")
    expected = match_clauses(pair, clause_similarities([pair], embedder)[pair.id])
    doc = document_clauses(Context(pairs=[pair], resources={"embedder": embedder}))
    view = doc[pair.id]
    assert view.zh == expected.zh and doc.alone == 0  # the clauses need no model
    assert view.links == expected.links and doc.alone == 1  # read unnamed: matched alone
    assert view.link_at(pair.zh.index("支出")) == expected.link_at(pair.zh.index("支出"))


MEANING_CHECKS = (polarity.check_polarity, direction.check_direction, modality.check_modality,
                  time_expression.check_time_expression)


@pytest.mark.parametrize("folder", ["qa-meaning", "qa-meaning-2"])
def test_meaning_checks_name_every_pair_they_read_links_of(embedder, folder):
    pairs = _pairs(folder)
    named = Context(pairs=pairs, resources={"embedder": embedder})
    everything = Context(pairs=pairs, resources={"embedder": embedder})
    document_clauses(everything).prefetch(pairs)  # links of every pair, as before the deferral
    for check in MEANING_CHECKS:
        assert check(named) == check(everything), check.__name__
    doc = document_clauses(named)
    assert doc.alone == 0  # no check read the links of a pair it did not name
    assert any(f.check == "polarity" for c in MEANING_CHECKS for f in c(named))
    assert doc.matched_pairs < len(pairs)
