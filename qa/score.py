"""MQM-style quality scores from QA flags, plus reference-based metrics.

MQM scoring (MQM 2.0 "raw" scoring model, as used by MQM-Full evaluations):

    APT  absolute penalty total  = Σ severity penalty over flags
    EWC  evaluation word count
    OQS  overall quality score   = 100 × (1 − APT / EWC)

Penalties default to the MQM convention minor 1, major 5, critical 25 and are
configurable.  The score is deliberately not clamped: MQM's raw model goes
below zero when errors outweigh the text, and clamping would hide how bad a
segment is when averaged into a document.

Evaluation word count.  MQM counts words of the *source*; Chinese has no
spaces, so we use a source-equivalent count: Han characters / 1.5, plus one
word per run of Latin letters or digits inside the Chinese (so "5G" or "2022"
count like an English word).  1.5 is the round figure commonly used to
convert Chinese character counts to English words for translation volume;
measured here it is a little high (corpora/xuexi-shibao-shushi-ronghe.txt:
5,646 Han chars for 4,179 English words = 1.35), so the default errs on
the strict side by about 10 % relative to counting the English.  It is a
constructor argument for anyone calibrating against their own data.  Counting the source, not the English,
keeps the denominator independent of the translation under review: a
translation that drops half the text must not also shrink the word count
its penalties are divided by.  A pair with no Chinese (a 0-1 bead, English
added by the translator) falls back to its English word count.

The classes mirror sacrebleu's metric shape: ``sentence_score`` /
``corpus_score`` returning small result objects, and ``get_signature``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from align.errors import InputError
from align.model import Pair
from align.script import HAN
from qa.model import SEVERITIES, Flag

_LATIN_WORD = re.compile(
    r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.'’-][A-Za-z0-9]+)*"
)
_EN_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")


@dataclass(frozen=True)
class Penalties:
    """Penalty points per severity (MQM defaults)."""

    minor: float = 1.0
    major: float = 5.0
    critical: float = 25.0

    def of(self, severity: str) -> float:
        if severity not in SEVERITIES:
            raise InputError(
                f"unknown flag severity {severity!r} (expected one of {', '.join(SEVERITIES)})"
            )
        return float(getattr(self, severity))


def english_word_count(text: str) -> int:
    """Words as a word counter sees them: "data-driven" and "don't" count once."""
    return len(_EN_WORD.findall(text))


def source_word_count(zh: str, en: str = "", han_chars_per_word: float = 1.5) -> float:
    """Source-equivalent word count of a pair (see the module docstring)."""
    han = len(HAN.findall(zh))
    latin = len(_LATIN_WORD.findall(zh))
    if han == 0 and latin == 0:
        return float(english_word_count(en))
    return han / han_chars_per_word + latin


def quality_score(penalty: float, words: float) -> float:
    """100 × (1 − penalty / words); a pair with no words scores 100 or falls by the raw penalty."""
    return 100.0 * (1.0 - penalty / max(words, 1.0))


@dataclass(frozen=True)
class SegmentScore:
    pair_id: int
    penalty: float
    words: float
    score: float
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentScore:
    """Totals for one document; ``document_penalty`` is from flags on no single pair."""

    penalty: float
    words: float
    score: float
    counts: Mapping[str, int]
    by_category: Mapping[str, float]
    segments: tuple[SegmentScore, ...]
    document_penalty: float = 0.0
    signature: str = ""

    def __str__(self) -> str:
        return f"MQM = {self.score:.2f} (penalty {self.penalty:g} / {self.words:.1f} words)"


@dataclass(frozen=True)
class BatchScore:
    """Word-weighted total over documents: long documents weigh more, as in MQM."""

    penalty: float
    words: float
    score: float
    documents: Mapping[str, DocumentScore]
    signature: str = ""


class MQMScore:
    """MQM scorer; configure once, score many documents."""

    def __init__(
        self, penalties: Penalties | None = None, han_chars_per_word: float = 1.5,
        *, checks: str = "", model: str = "", dismissed: int | None = None,
    ):
        """``checks`` is the fingerprint of the checks that raised the flags
        (:meth:`qa.profile.Profile.fingerprint`) and ``model`` the embedding
        model's key: two scores are only comparable when both match, so both
        go into the signature ("?" when the caller does not know them).
        ``dismissed`` is how many flags a dismissal memory (a review's verdicts,
        ``--review-db``) left out before scoring, None when none was used: such
        a score is not that of the checks alone, so the signature says so
        (``|dismissed:N``), and says nothing when no memory was used."""
        if han_chars_per_word <= 0:
            raise InputError("han_chars_per_word must be positive")
        self.penalties = penalties or Penalties()
        self.han_chars_per_word = han_chars_per_word
        self.checks = checks
        self.model = model
        self.dismissed = dismissed

    def get_signature(self) -> str:
        from qa import __version__

        p = self.penalties
        return (
            f"mqm|minor:{p.minor:g}|major:{p.major:g}|critical:{p.critical:g}"
            f"|wc:zh-han/{self.han_chars_per_word:g}+latin|scoring:raw"
            f"|zhen:{__version__}|checks:{self.checks or '?'}|model:{self.model or '?'}"
            + (f"|dismissed:{self.dismissed}" if self.dismissed is not None else "")
        )

    def words(self, pair: Pair) -> float:
        return source_word_count(pair.zh, pair.en, self.han_chars_per_word)

    def sentence_score(self, pair: Pair, flags: Iterable[Flag]) -> SegmentScore:
        """Score one pair from the flags raised on it (flags for other pairs are ignored)."""
        own = [f for f in flags if f.pair_id == pair.id]
        penalty = sum(self.penalties.of(f.severity) for f in own)
        words = self.words(pair)
        return SegmentScore(
            pair_id=pair.id,
            penalty=penalty,
            words=words,
            score=quality_score(penalty, words),
            counts=dict(Counter(f.severity for f in own)),
        )

    def corpus_score(
        self, pairs: Sequence[Pair], flags: Iterable[Flag]
    ) -> DocumentScore:
        """Score a document: every flag counts once, including document-level ones."""
        flags = list(flags)
        by_pair: dict[int, list[Flag]] = {}
        for f in flags:
            if f.pair_id is not None:
                by_pair.setdefault(f.pair_id, []).append(f)
        segments = tuple(self.sentence_score(p, by_pair.get(p.id, ())) for p in pairs)
        total = sum(self.penalties.of(f.severity) for f in flags)
        known = sum(s.penalty for s in segments)
        words = sum(s.words for s in segments)
        by_category: Counter[str] = Counter()
        for f in flags:
            by_category[f.category] += self.penalties.of(f.severity)
        return DocumentScore(
            penalty=total,
            words=words,
            score=quality_score(total, words),
            counts={
                s: n for s in SEVERITIES if (n := sum(f.severity == s for f in flags))
            },
            by_category=dict(by_category),
            segments=segments,
            document_penalty=total - known,
            signature=self.get_signature(),
        )

    def batch_score(self, documents: Mapping[str, DocumentScore]) -> BatchScore:
        """Combine per-document results (name → score) into one word-weighted score."""
        penalty = sum(d.penalty for d in documents.values())
        words = sum(d.words for d in documents.values())
        return BatchScore(
            penalty=penalty,
            words=words,
            score=quality_score(penalty, words),
            documents=dict(documents),
            signature=self.get_signature(),
        )


@dataclass(frozen=True)
class ReferenceScores:
    """Corpus-level reference metrics as plain floats, with sacrebleu signatures."""

    bleu: float
    chrf: float
    ter: float
    bleu_signature: str
    chrf_signature: str
    ter_signature: str


def reference_metrics(
    hyps: Sequence[str], refs: Sequence[str] | Sequence[Sequence[str]]
) -> ReferenceScores:
    """BLEU, chrF and TER of English ``hyps`` against reference translations.

    ``refs`` is one reference per hypothesis, or a list of reference
    streams (each as long as ``hyps``) when several references exist.
    """
    import sacrebleu  # imported here: ~0.3 s, and only needed with a reference

    hyps = list(hyps)
    if refs and isinstance(refs[0], str):
        streams = [list(refs)]
    else:
        streams = [list(r) for r in refs]
    if not hyps or not streams:
        raise InputError(
            "reference metrics need at least one hypothesis and one reference"
        )
    for stream in streams:
        if len(stream) != len(hyps):
            raise InputError(
                f"{len(hyps)} translations but {len(stream)} reference sentences"
            )
    bleu, chrf, ter = sacrebleu.BLEU(), sacrebleu.CHRF(), sacrebleu.TER()
    return ReferenceScores(
        bleu=float(bleu.corpus_score(hyps, streams).score),
        chrf=float(chrf.corpus_score(hyps, streams).score),
        ter=float(ter.corpus_score(hyps, streams).score),
        bleu_signature=str(bleu.get_signature()),
        chrf_signature=str(chrf.get_signature()),
        ter_signature=str(ter.get_signature()),
    )
