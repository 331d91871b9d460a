"""Is one part of a pair explained by the other side as well as its neighbours are?

The clause tests of ``qa.checks.coverage`` judge each clause against fixed
thresholds.  An added sentence that shares the pair's topic ("reform", "the
digital economy") passes them: some of its words are glossed by the Chinese
and its embedding is not far off.  What gives it away is the *contrast*: in
a pair whose other sentences are explained word by word, it explains nothing
of its own.  So here a unit (an English sentence, or a Chinese clause) is
judged against the other units of the same pair:

* its *own* words — those the neighbouring units do not also contain — must
  be explained by the other side (CC-CEDICT glosses, numbers); topic words
  shared with the neighbours are evidence for them, not for it;
* its best embedding similarity to the other side must not fall clearly
  below what its neighbours reach.

Both must fail, and the neighbours must be well explained, before the unit
is called unexplained: a pair that is loosely translated throughout has no
outlier to find.  ``qa.checks.coverage`` uses it for English sentences of
5+ content words (the addition check).  Tried on Chinese clauses for the
omission check, it raised WMT20 error-free false alarms (2.3 → 3.3 % of
clean Human-A segments), so omission does not use it.

The second test is *leave one out*: how much closer the pair's two sides
come when a unit is taken away (:func:`without`, :func:`loo_gain`).  A unit
the other side renders takes part of the meaning with it, so the pair moves
apart; a unit that is not rendered ("…, which has been widely criticised";
a Chinese sentence whose English was dropped) was pulling its side away, so
the pair comes closer.  It judges the unit in its context (the Chinese of
the whole pair, the rest of the English), where a short clause's own
embedding is noise.  Measured on the clean pairs of bench/qa_inject.py's
documents (564 pairs, 675 English comma clauses that do not start their
sentence), before the thresholds were chosen: a gain above 0.04 for 0.4 %
of the clean pairs' Chinese clauses, against 44 % of dropped Chinese
clauses and 64 % of dropped sentences; for English clauses of which the
Chinese glosses explain at most a fifth, a gain above 0.06 for 1 clean
clause in 675 (a restructured "…, which remains sluggish", 动力不足) and
above 0.07 for none, against 54 % and 50 % of appended clauses.  Only a
long unit moves the pair enough to judge it this way in a long pair: a
clause appended to a 40-word sentence gains little.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import Any

from qa import lexicons as lx

_NUM = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class UnitEvidence:
    """What the other side of the pair explains of one unit."""

    own_coverage: float  # share of the unit's own words the other side explains
    coverage: float  # share of all its words the other side explains
    similarity: float | None  # best embedding similarity to the other side (None: no embedder)


@dataclass(frozen=True)
class OutlierRule:
    """Thresholds for :func:`unexplained` (see the module docstring for why each exists)."""

    max_own_coverage: float = 0.2
    min_neighbour_coverage: float = 0.5
    max_similarity: float = 0.45
    similarity_gap: float = 0.15
    #: the contrast route: a unit that explains little of its own and lies far
    #: below its neighbours (figures are no evidence: 十八 is not "18" to the glosses)
    contrast_own_coverage: float = 0.34
    contrast_gap: float = 0.25
    contrast_max_similarity: float = 0.55


@dataclass(frozen=True)
class LeaveOneOutRule:
    """Thresholds of the leave-one-out routes (see the module docstring).

    The gain is the cosine of the pair's sides with the unit taken away minus
    the cosine with it; the coverage bound is the lexical signal that must
    agree (share of the unit's dictionary words the other side explains).
    """

    #: an English comma clause (not its sentence's first) of 2+ content words
    en_clause_gain: float = 0.07
    en_clause_max_coverage: float = 0.2
    #: a whole English sentence of a pair that has several, whose own words
    #: (those no other sentence of the pair has) the Chinese hardly explains
    en_sentence_gain: float = 0.04
    en_sentence_max_own_coverage: float = 0.34
    #: a whole Chinese sentence of a pair that has several
    zh_sentence_gain: float = 0.04
    zh_sentence_max_coverage: float = 0.4


#: marks a removed unit takes with it (the one after it, else the one before)
_ZH_MARKS = "，,；;：:、"
_ZH_ENDS = "。！？!?"


def without(text: str, start: int, end: int, *, zh: bool) -> str:
    """``text`` with the unit ``text[start:end]`` and one of its separators taken out.

    English: the comma, semicolon or colon before the unit goes with it
    ("A, which B." → "A."); Chinese: the clause mark after it, or before it
    when it ends its sentence, so what is left still reads as a sentence.
    """
    head, tail = text[:start], text[end:]
    if zh:
        after = tail.lstrip()[:1]
        before = head.rstrip()[-1:]
        if after and after in _ZH_MARKS:
            return head + tail.lstrip()[1:]
        if after and after in _ZH_ENDS:
            if before and before in _ZH_MARKS:
                return head.rstrip()[:-1] + tail.lstrip()
            return head + tail.lstrip()[1:]  # a whole sentence: its end mark goes too
        return head + tail
    h = head.rstrip()
    if h[-1:] in ",;:—–":
        h = h[:-1]
        return h + tail if tail[:1] in ".!?;:,\"”’)" or not tail else h + " " + tail.lstrip()
    return (head + tail.lstrip()).strip() if not h else h + " " + tail.lstrip()


def loo_gain(full: float, left: float) -> float:
    """How much closer the sides come without the unit (cosines with and without it)."""
    return left - full


@lru_cache(maxsize=16384)  # pure; a pair's clauses are each compared with every other clause's
def numbers(text: str) -> frozenset[str]:
    """The figures of ``text`` as written digits, without thousands commas or leading zeros."""
    return frozenset(n.lstrip("0") or "0" for n in _NUM.findall(text.replace(",", "")))


def en_unit_evidence(unit: str, neighbours: Sequence[str], *, zh: str,
                     stems: Any) -> tuple[float, float]:
    """(own coverage, coverage) of an English unit against the Chinese.

    ``stems`` matches English lemmas against the Chinese glosses (a
    ``qa.lexicons.StemSet`` of every gloss of ``zh``).  Own words are the
    content lemmas no neighbour contains; a unit with none is a repetition
    and counts as explained.
    """
    lemmas = lx.content_lemmas(unit)
    if not lemmas:
        return 1.0, 1.0
    nums = numbers(unit)
    zh_nums = numbers(zh)
    if nums and nums & zh_nums:
        return 1.0, 1.0
    near = {w for n in neighbours for w in lx.content_lemmas(n)}
    own = [w for w in lemmas if w not in near]
    cov = sum(1 for w in lemmas if stems.has(w)) / len(lemmas)
    own_cov = sum(1 for w in own if stems.has(w)) / len(own) if own else 1.0
    return own_cov, cov


def unexplained(units: Sequence[UnitEvidence], k: int, rule: OutlierRule = OutlierRule()) -> bool:
    """Unit ``k`` explains nothing of its own while its neighbours are explained."""
    own = units[k]
    others = [u for i, u in enumerate(units) if i != k]
    if not others or own.similarity is None:
        return False
    if own.own_coverage > rule.contrast_own_coverage:
        return False
    if median(u.coverage for u in others) < rule.min_neighbour_coverage:
        return False
    sims = [u.similarity for u in others if u.similarity is not None]
    if not sims:
        return False
    typical = median(sims)
    if own.own_coverage <= rule.max_own_coverage and \
            own.similarity < min(rule.max_similarity, typical - rule.similarity_gap):
        return True
    return own.similarity < min(rule.contrast_max_similarity, typical - rule.contrast_gap)
