"""Additions and omissions as bench/qa_inject.py injects them, on real text.

An added sentence that shares the pair's topic ("the digital economy") inside
a multi-sentence pair, and a dropped clause of a long sentence: each is
flagged, and the same pair without the error is not.
"""

from __future__ import annotations

import pytest
from corpus_texts import EN, LAB_CLEAN, LAB_ZH, ZH

from align.model import Pair
from qa.checks import coverage
from qa.model import Context
from qa.pair_explanation import OutlierRule, UnitEvidence, unexplained


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


#: one Chinese sentence the aligner pairs with three English ones (a 1-3 pair)
REAL_ECONOMY = Pair(id=1, zh=between(ZH, "实体经济是一国经济的立身之本", "必然选择。"),
                    en=between(EN, "The real economy is the foundation", "under the new situation."),
                    zh_ids=(0,), en_ids=(0, 1, 2))
#: a sentence of another document (qa-labelled line 7) on the same topic, with a figure
FOREIGN = LAB_CLEAN[6]
XIONGAN = Pair(id=42, zh=LAB_ZH[41], en=LAB_CLEAN[41])


@pytest.fixture(scope="module")
def embedder():
    from align.embed import load_embedder

    return load_embedder()


def run(check, pairs, embedder):
    return check(Context(pairs=pairs, resources={"embedder": embedder}))


def test_added_sentence_inside_a_1n_pair(embedder):
    assert FOREIGN.startswith("In 2021, the digital economy")
    at = REAL_ECONOMY.en.index("And the digital economy")
    added = Pair(id=1, zh=REAL_ECONOMY.zh, en=REAL_ECONOMY.en[:at] + FOREIGN + " " + REAL_ECONOMY.en[at:],
                 zh_ids=(0,), en_ids=(0, 1, 2, 3))
    flags = run(coverage.check_addition, [added], embedder)
    assert [added.en[slice(*f.en_spans[0])] for f in flags if f.severity == "major"] == [FOREIGN]
    assert run(coverage.check_addition, [REAL_ECONOMY], embedder) == []


def test_omitted_clause_of_a_long_sentence(embedder):
    dropped = "accelerate the building of a smart government, "
    assert dropped in XIONGAN.en
    cut = Pair(id=42, zh=XIONGAN.zh, en=XIONGAN.en.replace(dropped, ""))
    flags = [f for f in run(coverage.check_omission, [cut], embedder) if f.severity == "major"]
    assert [cut.zh[slice(*f.zh_spans[0])] for f in flags] == ["加快推动智慧政府建设"]
    assert run(coverage.check_omission, [XIONGAN], embedder) == []


def test_outlier_needs_explained_neighbours():
    added = UnitEvidence(own_coverage=0.0, coverage=0.2, similarity=0.2)
    good = UnitEvidence(own_coverage=0.8, coverage=0.9, similarity=0.7)
    loose = UnitEvidence(own_coverage=0.3, coverage=0.3, similarity=0.5)
    assert unexplained([good, added, good], 1)
    assert not unexplained([good, added, good], 0)
    assert not unexplained([loose, added, loose], 1)  # nothing is well explained: no contrast
    assert not unexplained([added], 0)
    assert not unexplained([good, UnitEvidence(0.0, 0.2, None), good], 1, OutlierRule())


# --------------------------------------------------------------------------- leave one out


def joined(first: int, second: int, *, drop_second: bool = False) -> Pair:
    """qa-labelled lines ``first`` and ``second`` (1-based) as the aligner's 2-2 pair."""
    en = LAB_CLEAN[first - 1] if drop_second else LAB_CLEAN[first - 1] + " " + LAB_CLEAN[second - 1]
    return Pair(id=first, zh=LAB_ZH[first - 1] + LAB_ZH[second - 1], en=en,
                zh_ids=(first - 1, second - 1), en_ids=(first - 1,) if drop_second else (first - 1, second - 1))


def test_dropped_sentence_of_a_2_2_pair(embedder):
    cut = joined(21, 22, drop_second=True)
    flags = [f for f in run(coverage.check_omission, [cut], embedder) if f.severity == "major"]
    assert [cut.zh[slice(*f.zh_spans[0])] for f in flags] == [LAB_ZH[21].rstrip("。")]
    assert run(coverage.check_omission, [joined(21, 22)], embedder) == []


def test_appended_clause_by_leave_one_out(embedder):
    clean = Pair(id=23, zh=LAB_ZH[22], en=LAB_CLEAN[22])
    at = clean.en.rindex(".")
    added = Pair(id=23, zh=clean.zh, en=clean.en[:at] + ", which has been widely criticised" + clean.en[at:])
    flags = [f for f in run(coverage.check_addition, [added], embedder) if f.severity == "major"]
    assert [added.en[slice(*f.en_spans[0])] for f in flags] == ["which has been widely criticised."]
    assert "more similar without it" in flags[0].message
    assert run(coverage.check_addition, [clean], embedder) == []
    # a list item no gloss explains ("Tianjin and Hebei" of 京津冀) is judged, and passes
    beijing = Pair(id=41, zh=LAB_ZH[40], en=LAB_CLEAN[40])
    assert any(c.text == "Tianjin and Hebei" for c in coverage.en_loo_candidates(beijing))
    assert run(coverage.check_addition, [beijing], embedder) == []


def test_without_takes_the_units_separator():
    from qa.pair_explanation import without

    en = "The economy grew, which has been widely criticised."
    assert without(en, en.index("which"), en.index("."), zh=False) == "The economy grew."
    zh = LAB_ZH[20] + LAB_ZH[21]
    s = zh.index("2021")
    assert without(zh, s, len(zh) - 1, zh=True) == LAB_ZH[20]
    assert without(zh, 0, zh.index("。"), zh=True) == LAB_ZH[21]
    clause = zh.index("在测算")
    assert without(zh, clause, zh.index("中，") + 1, zh=True) == zh.replace("在测算的47个国家中，", "")
