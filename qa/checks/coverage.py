"""omission / addition: clauses of one side that the other side does not render.

Sentence alignment hides partial omissions: a 1-1 pair can still drop a
clause.  Both sides are cut into clauses (zh at ，；： and sentence ends,
en at , ; : and sentence ends), and each clause needs a counterpart on the
other side of its pair.  Two independent signals must agree before a clause
is flagged, because false omissions cost a reviewer's trust:

* meaning — its best embedding similarity to any clause window of the other
  side is far below what the pair's other clauses reach (skipped when no
  embedder is in ``ctx.resources``);
* words — almost none of its dictionary words (CC-CEDICT gloss lemmas) or
  numbers show up on the other side.

Leave one out (``qa.pair_explanation``) is a third route, for units the
clause test cannot judge on their own: an English comma clause or sentence,
or a Chinese sentence of a multi-sentence pair, is flagged when the pair's
two sides come clearly closer without it and the dictionary explains little
of it (an appended ", which has been widely criticised"; a Chinese sentence
whose English was dropped and the aligner joined into a 2-1 pair).

A pair-level length test complements them: English words per Chinese
character far below the range measured on well-aligned pairs of the 学习时报
corpus (see ``LENGTH_RATIO``) means something was dropped.

Attribution clauses ("古特雷斯表示", "X said") are not judged: translators
move them into another clause and transliterate the name, so neither signal
can find them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

from align.cn_numerals import cn_numerals_to_digits
from align.model import Pair
from align.script import HAN
from qa import lexicons as lx
from qa.clause_split import (
    Clause,
    en_clauses,
    en_sentences,
    en_units,
    zh_clauses,
    zh_sentences,
)
from qa.model import Check, Context, Flag
from qa.pair_explanation import (
    LeaveOneOutRule,
    OutlierRule,
    UnitEvidence,
    en_unit_evidence,
    loo_gain,
    numbers,
    unexplained,
    without,
)
from qa.text_batch import TextBatch, WindowBatch
from qa.zh_glosses import gloss_stems, zh_content_words

#: English words per Han character on well-aligned pairs (pair score ≥ 0.8, one
#: zh sentence, ≥ 15 Han chars; n = 69) of corpora/xuexi-shibao-shushi-ronghe.txt
#: aligned by qa.pipeline: median and robust spread (1.4826 × MAD of the log
#: ratio), from :func:`calibrate_length_ratio`.  Omission flags lie more than
#: 4 spreads below (< 0.49 words/char).  The "too long → addition" side is off
#: by default (option ``ratio_k_long``): on WMT20 news (Online-B, 2,000
#: segments) 39 of 41 such flags at 5 spreads had no addition — English expands
#: names, dates and numbers far more often than it adds text.
LENGTH_RATIO = {"median": 0.724, "log_sigma": 0.096, "k_short": 4.0, "k_long": math.inf}

#: a clause that only says who speaks ("党的二十届三中全会提出", "他强调"): its English is
#: a reporting verb chosen freely ("called for", "stressed"), so its words are no evidence
_ATTRIBUTION = re.compile(
    r"^.{0,12}(表示|说|指出|介绍|称|认为|强调|透露|坦言|告诉记者|宣布|提到|提出|呼吁|写道|回应)$")

MIN_ZH_CLAUSE = 5  # Han characters; shorter clauses are list items or particles
MIN_EN_CLAUSE = 5  # content words
#: clauses of 3-4 content words ("especially in Africa and Latin America") are
#: judged too, but only on the embedder's word: similarity below 0.22 and at
#: least 0.35 under the pair's other clauses, with no word explained
MIN_EN_SHORT_CLAUSE = 3


# --------------------------------------------------------------------------- lexical signal


def zh_clause_coverage(clause: str, en: str) -> float:
    """Share of the clause's dictionary words whose glosses appear in ``en``."""
    words = zh_content_words(clause)
    if not words:
        return 1.0
    # 二十届 meets "20th" and 十八大 "18th": Chinese numerals are read as digits first
    nums = numbers(cn_numerals_to_digits(clause))
    if nums and nums & numbers(en):
        return 1.0
    en_stems = lx.lemma_stems(en)
    hit = sum(1 for _, g in words if any(en_stems.has(x) for x in g))
    return hit / len(words)


def zh_exclusive_coverage(clause: str, others: Sequence[str], en: str) -> float:
    """Like :func:`zh_clause_coverage`, but only English words the other clauses don't explain count.

    A dropped clause often shares its words with the rest of the sentence
    (数字经济 in every clause of a 数字经济 paragraph): their English belongs
    to the clauses that are translated, so it is no evidence for this one.
    Words the clause alone has (增长极, 增长带) must find English of their own.
    """
    words = zh_content_words(clause)
    if not words:
        return 1.0
    nums = numbers(clause) - set().union(*(numbers(o) for o in others)) if others else numbers(clause)
    if nums and nums & numbers(en):
        return 1.0
    # the other clauses' glosses: a word is taken when any clause's StemSet has it, which
    # is what one StemSet of all their glosses answers (``has`` is a union of set lookups),
    # without building that set for every clause of every pair (each clause's is kept)
    taken = [gloss_stems(o) for o in others]
    free = lx.StemSet(t.lemma for t in lx.tokenize_en(en) if not any(s.has(t.lemma) for s in taken))
    hit = sum(1 for _, g in words if any(free.has(x) for x in g))
    return hit / len(words)


def en_clause_coverage(clause: str, zh: str) -> float:
    """Share of the clause's content words that some gloss of the Chinese explains."""
    lemmas = lx.content_lemmas(clause)
    if not lemmas:
        return 1.0
    nums = numbers(clause)
    if nums and nums & numbers(zh):
        return 1.0
    stems = gloss_stems(zh)
    return sum(1 for w in lemmas if stems.has(w)) / len(lemmas)


# --------------------------------------------------------------------------- meaning signal


#: clauses a window of the other side may join to hold one clause's meaning
WINDOW_CLAUSES = 3


@dataclass
class PairCoverage:
    pair: Pair
    zh: list[Clause]
    en: list[Clause]
    zh_sim: list[float | None]  # best similarity of each zh clause to an en window
    en_sim: list[float | None]
    #: leave-one-out gains (qa.pair_explanation.loo_gain) of the candidate units:
    #: English comma clauses and Chinese sentences, keyed by (start, end)
    en_gain: dict[tuple[int, int], float] = field(default_factory=dict)
    zh_gain: dict[tuple[int, int], float] = field(default_factory=dict)
    #: the dictionary evidence, computed once (the similarity gate and the checks read it):
    #: coverage of each Chinese clause the omission check judges (clause index → coverage),
    #: (content words, coverage) of each English unit the addition check judges, and
    #: (own coverage, coverage) of every English sentence of a multi-sentence pair
    zh_cov: dict[int, float] = field(default_factory=dict)
    en_cov: dict[int, tuple[int, float]] = field(default_factory=dict)
    sentence_evidence: list[tuple[float, float]] = field(default_factory=list)


#: the leave-one-out thresholds both checks use
LOO_RULE = LeaveOneOutRule()


def en_loo_candidates(pair: Pair, rule: LeaveOneOutRule = LOO_RULE) -> list[Clause]:
    """English units worth the leave-one-out test.

    Comma clauses that are not the first of their sentence (that one carries
    the subject), of 2+ content words, hardly a word of which the Chinese
    glosses explain; and, in a pair of several sentences, sentences of
    MIN_EN_CLAUSE+ content words whose own words (those no other sentence
    has) the Chinese explains little of.
    """
    out = []
    for c in en_clauses(pair.en):
        before = pair.en[:c.start].rstrip()
        if not before or before[-1] not in ",;:—–":
            continue
        if len(lx.content_lemmas(c.text)) < 2:
            continue
        if en_clause_coverage(c.text, pair.zh) <= rule.en_clause_max_coverage:
            out.append(c)
    sents = en_sentences(pair.en)
    if len(sents) > 1:
        stems = gloss_stems(pair.zh)
        for k, c in enumerate(sents):
            if len(lx.content_lemmas(c.text)) < MIN_EN_CLAUSE:
                continue
            own, _ = en_unit_evidence(c.text, [o.text for i, o in enumerate(sents) if i != k],
                                      zh=pair.zh, stems=stems)
            if own <= rule.en_sentence_max_own_coverage:
                out.append(c)
    return out


def zh_loo_candidates(pair: Pair, rule: LeaveOneOutRule = LOO_RULE) -> list[Clause]:
    """Chinese sentences of a multi-sentence pair worth the leave-one-out test: those
    whose own words find little English (:func:`zh_exclusive_coverage`)."""
    sents = zh_sentences(pair.zh)
    if len(sents) < 2:
        return []
    out = []
    for k, c in enumerate(sents):
        if len(HAN.findall(c.text)) < MIN_ZH_CLAUSE or len(zh_content_words(c.text)) < 2:
            continue
        cov = zh_exclusive_coverage(c.text, [o.text for i, o in enumerate(sents) if i != k], pair.en)
        if cov <= rule.zh_sentence_max_coverage:
            out.append(c)
    return out


def _plan_leave_one_out(r: PairCoverage, batch: TextBatch) -> list[tuple[dict, tuple[int, int],
                                                                        tuple[int, int], tuple[int, int]]]:
    """(gains to fill, unit, batch rows of the whole pair, rows of the pair without the unit)
    for every candidate unit of the pair, English and Chinese."""
    p = r.pair
    if not p.zh.strip() or not p.en.strip():
        return []
    full = (batch.slot(p.zh), batch.slot(p.en))
    plan = [(r.en_gain, (c.start, c.end), full, (full[0], batch.slot(without(p.en, c.start, c.end, zh=False))))
            for c in en_loo_candidates(p)]
    plan += [(r.zh_gain, (c.start, c.end), full, (batch.slot(without(p.zh, c.start, c.end, zh=True)), full[1]))
             for c in zh_loo_candidates(p)]
    return plan


def _omission_units(r: PairCoverage) -> dict[int, float]:
    """The Chinese clauses the omission check judges, with their dictionary coverage."""
    p = r.pair
    if not p.zh.strip() or not p.en.strip() or len(r.zh) < 2:
        return {}
    out = {}
    for k, c in enumerate(r.zh):
        if len(HAN.findall(c.text)) < MIN_ZH_CLAUSE or len(zh_content_words(c.text)) < 2:
            continue
        if _ATTRIBUTION.search(c.text):
            continue
        out[k] = zh_clause_coverage(c.text, p.en)
    return out


def _addition_judges(r: PairCoverage) -> bool:
    """The addition check judges the pair's English units (both sides, two units at least)."""
    return bool(r.pair.zh.strip() and r.pair.en.strip() and len(r.en) >= 2)


def _addition_units(r: PairCoverage) -> dict[int, tuple[int, float]]:
    """The English units the addition check may judge: (content words, dictionary coverage)."""
    p = r.pair
    if not _addition_judges(r):
        return {}
    out = {}
    for k, c in enumerate(r.en):
        n_words = len(lx.content_lemmas(c.text))
        if n_words >= MIN_EN_SHORT_CLAUSE:
            out[k] = (n_words, en_clause_coverage(c.text, p.zh))
    return out


def _sentence_evidence(pair: Pair) -> list[tuple[float, float]]:
    """(own coverage, coverage) of each English sentence of a pair that has several
    (``qa.pair_explanation.en_unit_evidence``); [] for a one-sentence pair."""
    units = en_sentences(pair.en)
    if len(units) < 2:
        return []
    stems = gloss_stems(pair.zh)
    return [en_unit_evidence(u.text, [o.text for j, o in enumerate(units) if j != i],
                             zh=pair.zh, stems=stems) for i, u in enumerate(units)]


def _coverage_limit(opts: CoverageOptions) -> float:
    """Above this dictionary coverage :func:`_unmatched` is False whatever the similarity."""
    return max(opts.lexical_only_max_coverage, opts.max_coverage, opts.partial_coverage)


def _similarity_needed(r: PairCoverage, omission: CoverageOptions,
                       addition: AdditionOptions) -> tuple[bool, bool]:
    """(Chinese side, English side): does any decision of the two checks on this pair read
    the clause similarities?

    The gate that keeps the model off most pairs (issue 16): every route of
    :func:`check_omission` and :func:`check_addition` that reads a similarity
    first needs dictionary evidence this low — a clause or sentence whose words
    the other side hardly explains — so a pair where none is that low gets the
    same flags without its clauses and windows embedded.  A side is embedded
    whole when needed, since a clause is judged against the pair's other clauses.
    """
    zh_need = en_need = False
    zh_limit = _coverage_limit(omission)
    for k, cov in r.zh_cov.items():
        if cov <= zh_limit or _exclusive_candidate(r, k, omission):
            zh_need = True
            break
    short = addition.for_short_clauses()
    for n_words, cov in r.en_cov.values():
        if n_words < MIN_EN_CLAUSE:
            if cov <= max(short.max_coverage, short.partial_coverage):
                # a short clause is judged only when every Chinese clause has found its English
                zh_need = en_need = True
        elif cov <= _coverage_limit(addition):
            en_need = True
    if not en_need and r.sentence_evidence:
        en_need = any(_outlier_candidate(r.sentence_evidence, k, u)
                      for k, u in enumerate(en_sentences(r.pair.en)))
    return zh_need, en_need


def analyse(ctx: Context) -> list[PairCoverage]:
    """Clause similarities for every pair, computed once per run and shared by both checks.

    Only pairs whose dictionary evidence leaves a unit unexplained
    (:func:`_similarity_needed`) have their clauses and windows embedded; the
    leave-one-out candidates are chosen by the dictionary too.
    """
    cached = ctx.resources.get("_coverage")
    if cached is not None and cached[0] is ctx.pairs:
        return cached[1]
    embedder = ctx.resources.get("embedder")
    rows = [PairCoverage(p, zh_clauses(p.zh), en_units(p.en), [], []) for p in ctx.pairs]
    for r in rows:
        r.zh_cov = _omission_units(r)
        r.en_cov = _addition_units(r)
        r.sentence_evidence = _sentence_evidence(r.pair) if _addition_judges(r) else []
    if embedder is not None:
        omission, addition = ctx.options_of(OMISSION), ctx.options_of(ADDITION)
        # False embeds every pair's clauses, as before the gate (a test holds the flags equal)
        gate = ctx.resources.get("coverage_gate", True)
        batch, windows = TextBatch(), WindowBatch(WINDOW_CLAUSES)
        plan = []
        for r in rows:
            zh_need, en_need = _similarity_needed(r, omission, addition) if gate else (True, True)
            zc = batch.slots(c.text for c in r.zh) if zh_need else []
            ew = windows.add(r.pair.en, en_clauses(r.pair.en)) if zh_need else None
            ec = batch.slots(c.text for c in r.en) if en_need else []
            zw = windows.add(r.pair.zh, r.zh) if en_need else None
            loo = _plan_leave_one_out(r, batch)
            plan.append((zc, ec, zw, ew, loo))
        vecs, wvecs = batch.embed(embedder), windows.embed(embedder)
        for r, (zc, ec, zw, ew, loo) in zip(rows, plan):
            for gains, key, (zh, en), (left_zh, left_en) in loo:
                gains[key] = loo_gain(float(vecs[zh] @ vecs[en]), float(vecs[left_zh] @ vecs[left_en]))
            if zc and ew is not None and len(wvecs[ew]):
                sims = vecs[zc] @ wvecs[ew].T
                r.zh_sim = [float(x) for x in sims.max(axis=1)]
            if ec and zw is not None and len(wvecs[zw]):
                sims = vecs[ec] @ wvecs[zw].T
                r.en_sim = [float(x) for x in sims.max(axis=1)]
    for r in rows:
        r.zh_sim = r.zh_sim or [None] * len(r.zh)
        r.en_sim = r.en_sim or [None] * len(r.en)
    ctx.resources["_coverage"] = (ctx.pairs, rows)
    return rows


def _unmatched(sims: list[float | None], k: int, coverage: float, opts: CoverageOptions,
               units: Sequence[Clause] | None = None) -> bool:
    """Both signals agree that clause ``k`` has no counterpart.

    Either the words are almost all missing and the meaning is clearly below
    the pair's other clauses, or the meaning is very far off and at most half
    the words are there.  Without an embedder only the first, stricter
    lexical test remains.  Thresholds were set by reading every clause of the
    学习时报 document below 0.5 similarity or 0.5 coverage.
    """
    own = sims[k]
    if own is None:
        return coverage <= opts.lexical_only_max_coverage
    others = [s for i, s in enumerate(sims) if i != k and s is not None
              and (units is None or units[i].end <= units[k].start or units[i].start >= units[k].end)]
    typical = median(others) if others else 0.6
    if coverage <= opts.max_coverage:
        return own < min(opts.max_similarity, typical - opts.drop)
    if coverage <= opts.partial_coverage:
        return own < min(opts.low_similarity, typical - 0.35)
    return False


# --------------------------------------------------------------------------- checks

def _exclusive_candidate(r: PairCoverage, k: int, opts: CoverageOptions) -> bool:
    """The dictionary half of :func:`_unmatched_exclusive`: a long clause whose own words
    find almost no English of their own."""
    c = r.zh[k]
    if len(HAN.findall(c.text)) < opts.exclusive_min_han:
        return False
    rest = [o.text for i, o in enumerate(r.zh) if i != k]
    return zh_exclusive_coverage(c.text, rest, r.pair.en) <= opts.max_coverage


def _unmatched_exclusive(r: PairCoverage, k: int, opts: CoverageOptions) -> bool:
    """Clause ``k`` looks dropped once the English of the other clauses is set aside.

    Catches a dropped clause whose words (数字经济) the rest of the sentence
    renders anyway; needs the embedder, since word overlap alone is weak here.
    """
    own = r.zh_sim[k]
    c = r.zh[k]
    if own is None or len(HAN.findall(c.text)) < opts.exclusive_min_han:
        return False
    others = [s for i, s in enumerate(r.zh_sim) if i != k and s is not None]
    typical = median(others) if others else 0.6
    limit = min(opts.exclusive_max_similarity, typical - opts.exclusive_drop)
    if own >= limit:
        return False
    return _exclusive_candidate(r, k, opts)


@dataclass(frozen=True)
class CoverageOptions:
    """Thresholds of the omission check (the addition check's defaults differ; see below).

    A clause is unmatched when its words are almost all missing
    (coverage ≤ ``max_coverage``) and its similarity is below both
    ``max_similarity`` and the pair's typical clause minus ``drop``, or when
    coverage ≤ ``partial_coverage`` and similarity below ``low_similarity``.
    """

    lexical_only_max_coverage: float = 0.15
    max_coverage: float = 0.25
    max_similarity: float = 0.45
    drop: float = 0.2
    partial_coverage: float = 0.4
    low_similarity: float = 0.25
    #: the exclusive-word route needs a long clause (short ones embed noisily and
    #: share most of their words) and a clearly lower similarity than the rest
    exclusive_min_han: int = 10
    exclusive_max_similarity: float = 0.3
    exclusive_drop: float = 0.3
    ratio_median: float = LENGTH_RATIO["median"]
    ratio_log_sigma: float = LENGTH_RATIO["log_sigma"]
    ratio_k_short: float = LENGTH_RATIO["k_short"]
    ratio_k_long: float = LENGTH_RATIO["k_long"]


@dataclass(frozen=True)
class AdditionOptions(CoverageOptions):
    """The addition check's thresholds.

    English clauses are judged more strictly than Chinese ones: the dictionary
    explains fewer English words (CEDICT has no 'integration' for 融合), so a
    faithful clause can look unexplained; both signals must be low.
    ``short_*`` apply to clauses of MIN_EN_SHORT_CLAUSE to MIN_EN_CLAUSE - 1
    content words, judged on the embedder's word alone.
    """

    max_coverage: float = 0.25
    max_similarity: float = 0.3
    partial_coverage: float = 0.0
    short_max_similarity: float = 0.22
    short_drop: float = 0.35
    short_max_coverage: float = 0.0
    short_min_zh_similarity: float = 0.35

    def for_short_clauses(self) -> AdditionOptions:
        """The thresholds a short clause is judged by (no partial-coverage route)."""
        return replace(self, max_similarity=self.short_max_similarity, drop=self.short_drop,
                       max_coverage=self.short_max_coverage, partial_coverage=0.0)


def check_omission(ctx: Context) -> list[Flag]:
    opts = ctx.options_of(OMISSION)
    flags: list[Flag] = []
    for r in analyse(ctx):
        p = r.pair
        if not p.zh.strip() or not p.en.strip() or len(r.zh) < 2:
            continue
        for k, cov in r.zh_cov.items():  # the clauses _omission_units chose
            c = r.zh[k]
            if not _unmatched(r.zh_sim, k, cov, opts) and not _unmatched_exclusive(r, k, opts):
                continue
            sim = r.zh_sim[k]
            why = f"similarity {sim:.2f}, " if sim is not None else ""
            flags.append(OMISSION.flag(
                p, f"The clause '{c.text}' seems to have no counterpart in the English "
                   f"({why}{cov:.0%} of its words glossed in the English)",
                zh_spans=((c.start, c.end),), suggestion="Check that this clause is translated"))
        flags.extend(_dropped_sentences(r, [f for f in flags if f.pair_id == p.id]))
    flags.extend(_length_flags(ctx, OMISSION, opts))
    return flags


def _dropped_sentences(r: PairCoverage, found: Sequence[Flag], rule: LeaveOneOutRule = LOO_RULE) -> list[Flag]:
    """Chinese sentences of a multi-sentence pair whose English is missing, by leave one out.

    The pair's sides come closer without the sentence (gain ≥
    ``zh_sentence_gain``) and the words only it has find little English
    (the lexical prefilter of :func:`zh_loo_candidates`).  Sentences that a
    clause flag above already points into are left to that flag.
    """
    p = r.pair
    out = []
    for c in zh_sentences(p.zh):
        gain = r.zh_gain.get((c.start, c.end))
        if gain is None or gain < rule.zh_sentence_gain:
            continue
        if any(c.start <= s < c.end for f in found for s, _ in f.zh_spans):
            continue
        out.append(OMISSION.flag(
            p, f"The sentence '{c.text}' seems to have no counterpart in the English (the pair's "
               f"two sides are {gain:.2f} more similar without it)",
            zh_spans=((c.start, c.end),), suggestion="Check that this sentence is translated"))
    return out


def _addition_flag(p: Pair, c: Clause, message: str) -> Flag:
    return ADDITION.flag(p, message, en_spans=((c.start, c.end),),
                         suggestion="Check whether this was added or belongs to another sentence")


def check_addition(ctx: Context) -> list[Flag]:
    opts = ctx.options_of(ADDITION)
    short = opts.for_short_clauses()
    flags: list[Flag] = []
    for r in analyse(ctx):
        p = r.pair
        if not _addition_judges(r):
            continue
        taken: list[Clause] = []
        for k, c in enumerate(r.en):  # whole sentences come before their clauses
            if k not in r.en_cov:  # fewer than MIN_EN_SHORT_CLAUSE content words
                continue
            if any(t.start <= c.start and c.end <= t.end for t in taken):
                continue
            n_words, cov = r.en_cov[k]
            if n_words < MIN_EN_CLAUSE:
                # an English clause that renders a hard Chinese clause (时不我待，当仁不让
                # "it is time to act") embeds poorly too: only when every Chinese
                # clause has found its English is a short unmatched clause an addition
                zh_ok = all(x is not None and x >= opts.short_min_zh_similarity
                            for x in r.zh_sim)
                if r.en_sim[k] is None or not zh_ok or not _unmatched(
                        r.en_sim, k, cov, short, r.en):
                    continue
            elif not _unmatched(r.en_sim, k, cov, opts, r.en):
                continue
            taken.append(c)
            sim = r.en_sim[k]
            why = f"similarity {sim:.2f}, " if sim is not None else ""
            flags.append(_addition_flag(
                p, c, f"The English '{c.text}' seems to have no counterpart in the Chinese "
                      f"({why}{cov:.0%} of its words explained by the Chinese)"))
        for c, sim, cov in _outliers(r, taken):
            taken.append(c)
            why = f"similarity {sim:.2f}, " if sim is not None else ""
            flags.append(_addition_flag(
                p, c, f"The English '{c.text}' explains nothing of the Chinese while the rest of "
                      f"the pair does ({why}{cov:.0%} of its own words explained by the Chinese)"))
        for (start, end), gain in sorted(r.en_gain.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            c = Clause(p.en[start:end], start, end)
            sentence = start == 0 or p.en[:start].rstrip()[-1:] in ".!?"
            if gain < (LOO_RULE.en_sentence_gain if sentence else LOO_RULE.en_clause_gain):
                continue
            if any(t.start < c.end and c.start < t.end for t in taken):
                continue
            taken.append(c)
            flags.append(_addition_flag(
                p, c, f"The English '{c.text}' seems to have no counterpart in the Chinese (the pair's "
                      f"two sides are {gain:.2f} more similar without it, and the Chinese explains "
                      f"{en_clause_coverage(c.text, p.zh):.0%} of its words)"))
    flags.extend(_length_flags(ctx, ADDITION, opts))
    return flags


#: sentences are judged against their neighbours as qa.pair_explanation says.
#: Comma clauses are not: names ("Li Youping"), list items ("Tianjin and Hebei")
#: and quoted terms explain nothing of their own either (10 false alarms on
#: qa-labelled's clean translation when they were)
SENTENCE_RULE = OutlierRule()


def _outlier_candidate(evidence: Sequence[tuple[float, float]], k: int, unit: Clause,
                       rule: OutlierRule = SENTENCE_RULE) -> bool:
    """The dictionary half of :func:`qa.pair_explanation.unexplained` for sentence ``k``:
    long enough to judge, little of its own explained, its neighbours well explained."""
    if len(evidence) < 2 or len(lx.content_lemmas(unit.text)) < MIN_EN_CLAUSE:
        return False
    if evidence[k][0] > max(rule.max_own_coverage, rule.contrast_own_coverage):
        return False
    return median(cov for i, (_, cov) in enumerate(evidence) if i != k) >= rule.min_neighbour_coverage


def _outliers(r: PairCoverage, taken: Sequence[Clause]) -> list[tuple[Clause, float | None, float]]:
    """English sentences that the Chinese explains far worse than the pair's other sentences.

    See ``qa.pair_explanation``: an added sentence that shares the pair's
    topic words passes the clause test above but not this one.
    """
    p = r.pair
    units = en_sentences(p.en)
    if len(units) < 2:
        return []
    sim_of = {(u.start, u.end): s for u, s in zip(r.en, r.en_sim)}
    out: list[tuple[Clause, float | None, float]] = []
    evidence = [UnitEvidence(own, cov, sim_of.get((u.start, u.end)))
                for u, (own, cov) in zip(units, r.sentence_evidence)]
    for k, u in enumerate(units):
        # a sentence of 3-4 content words ('To promote the integration of data and reality.')
        # embeds as noisily as a short clause: only longer ones are judged
        if len(lx.content_lemmas(u.text)) < MIN_EN_CLAUSE:
            continue
        if any(t.start <= u.start and u.end <= t.end for t in taken + [c for c, _, _ in out]):
            continue
        if unexplained(evidence, k, SENTENCE_RULE):
            out.append((u, evidence[k].similarity, evidence[k].own_coverage))
    return out


def length_ratio(pair: Pair) -> float | None:
    """English words per Han character, or None for pairs too short to judge."""
    han = len(HAN.findall(pair.zh))
    words = len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", pair.en))
    if han < 15 or words == 0:
        return None
    return words / han


def calibrate_length_ratio(pairs: Sequence[Pair], min_score: float = 0.8) -> dict[str, float]:
    """Median and robust log-spread of :func:`length_ratio` over confidently aligned 1-1 pairs."""
    logs = [math.log(r) for p in pairs
            if (p.score or 0) >= min_score and len(p.zh_ids) <= 1 and (r := length_ratio(p))]
    if not logs:
        raise ValueError("no confidently aligned pairs long enough to calibrate on")
    med = median(logs)
    mad = median(abs(x - med) for x in logs)
    return {"median": round(math.exp(med), 3), "log_sigma": round(1.4826 * mad, 3), "n": len(logs)}


def _length_flags(ctx: Context, check: Check, opts: CoverageOptions) -> list[Flag]:
    """Pairs whose English is far too short (omission) or too long (addition) for the Chinese."""
    omission = check.id == "omission"
    med, sigma = opts.ratio_median, opts.ratio_log_sigma
    k_short, k_long = opts.ratio_k_short, opts.ratio_k_long
    flags = []
    for p in ctx.pairs:
        r = length_ratio(p)
        if r is None:
            continue
        z = (math.log(r) - math.log(med)) / sigma
        if omission and z < -k_short:
            msg = (f"The English is unusually short for the Chinese ({r:.2f} words per character; "
                   f"typical {med:.2f}): part of the sentence may be missing")
        elif not omission and z > k_long:
            msg = (f"The English is unusually long for the Chinese ({r:.2f} words per character; "
                   f"typical {med:.2f}): it may contain text that is not in the source")
        else:
            continue
        # minor, not the check's major: a length ratio says something may be
        # missing or added, not which words, so the reviewer must look first
        flags.append(check.flag(
            p, msg, severity="minor",
            zh_spans=((0, len(p.zh)),) if omission else (),
            en_spans=((0, len(p.en)),) if not omission else (),
            suggestion="Compare the two sides sentence by sentence"))
    return flags


OMISSION = Check(id="omission", category="Accuracy/Omission", severity="major",
                 description="A source clause with no counterpart in the translation "
                             "(embedding + dictionary evidence), or an unusually short translation",
                 run=check_omission, scope="document", options=CoverageOptions,
                 needs=frozenset({"embedder"}))
ADDITION = Check(id="addition", category="Accuracy/Addition", severity="major",
                 description="A translation clause with no counterpart in the source, "
                             "or an unusually long translation",
                 run=check_addition, scope="document", options=AdditionOptions,
                 needs=frozenset({"embedder"}))
CHECKS = [OMISSION, ADDITION]
