"""The features the QE model reads, one vector per pair.

Shared by the offline trainer (bench/qe_train.py) and the run-time scorer
(qa/qe.py), so a model file's feature names are checked against
:data:`FEATURES` and the two can never drift apart.  Every feature is cheap
and offline: the USE-m3 cosine the run already has embeddings for, CC-CEDICT
gloss coverage (qa.checks.coverage), length, numbers, Latin tokens, the
pair-level QA flags, and a few English fluency cues.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from align.model import Pair
from align.script import HAN
from qa import lexicons as lx
from qa.checks.numbers import en_numbers, zh_numbers
from qa.clause_split import en_clauses
from qa.model import Flag
from qa.zh_glosses import gloss_stems, zh_content_words

#: every feature the extractor can compute, in column order
ALL_FEATURES: tuple[str, ...] = (
    "cos",            # USE-m3 cosine of the whole source and translation
    "zh_cov",         # share of Chinese content words with a CC-CEDICT gloss in the English
    "en_cov",         # share of English content words explained by a gloss of the Chinese
    "en_cov_min",     # the least explained English clause: an addition or a garbled clause
    "log_len",        # log(English words / Han characters)
    "log_len_sq",     # its square: too long and too short are both bad
    "log_han",        # log(1 + Han characters): long sentences collect more errors
    "num_miss",       # Chinese numbers with no English counterpart
    "num_extra",      # English numbers with no Chinese counterpart
    "latin_miss",     # Latin tokens of the Chinese (GDP, 5G) missing in the English
    "han_in_en",      # Han characters left in the English
    "repeat_3gram",   # repeated English word trigrams (stutter, degenerate output)
    "func_ratio",     # share of English tokens that are stopwords
    "flags_minor",    # pair-level QA flags by severity
    "flags_major",
    "empty_en",       # no English at all
)

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.&-]*[A-Za-z0-9]|[A-Za-z]")


def _number_misses(a: Sequence, b: Sequence) -> int:
    """How many numbers of ``a`` have no value-equal number in ``b``."""
    bvals = {round(v, 6) for n in b for v in n.values}
    return sum(1 for n in a if not any(round(v, 6) in bvals for v in n.values))


def _repeats(words: Sequence[str], n: int = 3) -> int:
    grams = Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return sum(c - 1 for c in grams.values() if c > 1)


def _coverage(zh: str, en: str) -> tuple[float, float, float]:
    """CC-CEDICT gloss coverage both ways, with the Chinese cut by jieba once per pair.

    The per-clause functions in qa.checks.coverage re-cut the whole Chinese for
    every English clause; here the same word glosses and loose stem match
    (``zh_content_words``, ``StemSet``) are computed once and shared.
    """
    if not zh.strip() or not en.strip():
        return 0.0, 0.0, 0.0
    words = zh_content_words(zh)
    en_stems = lx.lemma_stems(en)
    zh_cov = sum(1 for _, g in words if en_stems.has_any(lx.stem_query(g))) / len(words) if words else 1.0
    zh_stems = gloss_stems(zh)
    shares = []
    for clause in en_clauses(en):
        lemmas = lx.content_lemmas(clause.text)
        if lemmas:
            shares.append(sum(1 for w in lemmas if zh_stems.has(w)) / len(lemmas))
    all_lemmas = lx.content_lemmas(en)
    en_cov = sum(1 for w in all_lemmas if zh_stems.has(w)) / len(all_lemmas) if all_lemmas else 1.0
    return zh_cov, en_cov, min(shares) if shares else en_cov


#: the features that count the run's pair flags: known only once every check ran (the
#: document-wide ones included), so the quality estimate adds them last
FLAG_FEATURES: tuple[str, ...] = ("flags_minor", "flags_major")
#: the features read off the pair's own text and cosine, in :data:`ALL_FEATURES` order:
#: computed per chunk right after its checks (qa.pipeline.check_locally), while the
#: checks' caches still hold the pair's jieba words, tokens, stems and numbers
TEXT_FEATURES: tuple[str, ...] = tuple(n for n in ALL_FEATURES if n not in FLAG_FEATURES)


def text_features(zh: str, en: str, cos: float,
                  names: Sequence[str] = TEXT_FEATURES) -> tuple[float, ...]:
    """The ``names`` of :data:`TEXT_FEATURES` of one pair, in that order; ``cos`` comes from
    the caller's embeddings.  Only what ``names`` needs is computed: the shipped model reads
    six features, and coverage (jieba, glosses, stems per clause) is most of the rest's cost."""
    want = set(names)
    han = len(HAN.findall(zh))
    feats = {"cos": float(cos), "log_han": math.log1p(han), "empty_en": float(not en.strip())}
    if want & {"log_len", "log_len_sq", "repeat_3gram", "func_ratio"}:
        words = [t.text.lower() for t in lx.tokenize_en(en)]
        ratio = (len(words) + 1) / (han + 1)
        feats.update({
            "log_len": math.log(ratio),
            "log_len_sq": math.log(ratio) ** 2,
            "repeat_3gram": float(_repeats(words)),
            "func_ratio": sum(1 for w in words if w in lx.STOPWORDS) / len(words) if words else 0.0,
        })
    if want & {"zh_cov", "en_cov", "en_cov_min"}:
        feats["zh_cov"], feats["en_cov"], feats["en_cov_min"] = _coverage(zh, en)
    if want & {"num_miss", "num_extra"}:
        feats["num_miss"] = float(_number_misses(zh_numbers(zh), en_numbers(en)))
        feats["num_extra"] = float(_number_misses(en_numbers(en), zh_numbers(zh)))
    if "latin_miss" in want:
        zh_latin = {w.lower() for w in _LATIN.findall(HAN.sub(" ", zh))}
        en_lower = en.lower()
        feats["latin_miss"] = float(sum(1 for w in zh_latin if w not in en_lower))
    if "han_in_en" in want:
        feats["han_in_en"] = float(len(HAN.findall(en)) > 0)
    return tuple(feats[n] for n in names)


def flag_features(flags: Iterable[Flag]) -> tuple[float, float]:
    """:data:`FLAG_FEATURES` of one pair from its flags: minor, and major or critical."""
    sev = Counter(f.severity for f in flags)
    return float(sev["minor"]), float(sev["major"] + sev["critical"])


def pair_features(zh: str, en: str, cos: float, flags: Iterable[Flag] = ()) -> dict[str, float]:
    """All of :data:`ALL_FEATURES` for one pair; ``cos`` comes from the caller's embeddings."""
    feats = dict(zip(TEXT_FEATURES, text_features(zh, en, cos)))
    feats.update(zip(FLAG_FEATURES, flag_features(flags)))
    return {n: feats[n] for n in ALL_FEATURES}


def pair_cosines(pairs: Sequence[Pair], embedder) -> np.ndarray:
    """Cosine of each pair's two sides; each distinct text is embedded once."""
    texts = list(dict.fromkeys([p.zh for p in pairs] + [p.en for p in pairs]))
    if not texts:
        return np.zeros(0)
    vecs = np.asarray(embedder.embed(texts), dtype=np.float64)
    norms = np.linalg.norm(vecs, axis=1)
    vecs = vecs / np.where(norms > 0, norms, 1.0)[:, None]
    row = {t: i for i, t in enumerate(texts)}
    cos = np.array([float(vecs[row[p.zh]] @ vecs[row[p.en]]) for p in pairs])
    empty = np.array([not p.en.strip() or not p.zh.strip() for p in pairs])
    cos[empty] = 0.0
    return cos


def text_feature_rows(pairs: Sequence[Pair], cosines: Sequence[float],
                      names: Sequence[str] = TEXT_FEATURES) -> np.ndarray:
    """(pairs, ``names``) float64: flag-independent features (:data:`TEXT_FEATURES`), a row a pair.

    A compact row rather than a dict, so that a run can keep every pair's row from its
    checks to its quality estimate (and a worker hand its partition's on) for a few bytes."""
    rows = [text_features(p.zh, p.en, c, names) for p, c in zip(pairs, cosines)]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(names))


def pair_text_rows(pairs: Sequence[Pair], embedder, names: Sequence[str] = TEXT_FEATURES) -> np.ndarray:
    """:func:`text_feature_rows` of ``pairs`` as given, their cosines from ``embedder``."""
    return text_feature_rows(pairs, pair_cosines(pairs, embedder), names)


def assemble(text_rows: np.ndarray, pairs: Sequence[Pair], flags: Iterable[Flag],
             names: Sequence[str] = ALL_FEATURES, row_names: Sequence[str] = TEXT_FEATURES) -> np.ndarray:
    """Columns ``names`` of ``pairs``' features: ``text_rows`` (:func:`text_feature_rows`, one
    per pair, columns ``row_names``) with the flag counts of the pair flags among ``flags``
    (matched by ``pair_id``).  A name in neither is a KeyError."""
    if len(text_rows) != len(pairs):
        raise ValueError(f"{len(text_rows)} feature rows for {len(pairs)} pairs")
    by_pair: dict[int, list[Flag]] = {}
    for f in flags:
        if f.pair_id is not None:
            by_pair.setdefault(f.pair_id, []).append(f)
    counts = np.asarray([flag_features(by_pair.get(p.id, ())) for p in pairs],
                        dtype=np.float64).reshape(len(pairs), len(FLAG_FEATURES))
    full = np.hstack([text_rows.reshape(len(pairs), len(row_names)), counts])
    at = {n: i for i, n in enumerate((*row_names, *FLAG_FEATURES))}
    return full[:, [at[n] for n in names]]


def feature_matrix(pairs: Sequence[Pair], cosines: Sequence[float], flags: Iterable[Flag],
                   names: Sequence[str] = ALL_FEATURES) -> np.ndarray:
    """One row per pair, columns ``names``; pair flags are matched by ``pair_id``."""
    return assemble(text_feature_rows(pairs, cosines), pairs, flags, names)
