"""Clauses and sentences of a pair's two sides, with their character offsets.

Why one place: the omission and addition checks, clause matching
(``qa.clause_match``), the meaning checks that scope a cue to its clause and
the QE features must cut a text the same way, or a span one of them reports
points into a clause another never saw.  Chinese is cut at ，；：and sentence
ends (、 is not a cut), English at , ; : dashes and sentence ends; whole English
sentences are the one English splitter's (``align.segment.en_sentence_spans``).  The
aligner's own clause cuts (``align.clauses``) differ on purpose: they split
sentences into halves for embedding, not into clauses for checking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from align.segment import en_sentence_spans, zh_sentence_spans

#: 、 is deliberately not a cut: it separates list items, and a lone item
#: ("培育了一批专业化" out of "专业化、高水平的…服务商") embeds as noise
_ZH_CUT = re.compile(r"[，,；;：:。！？!?]")
#: a Chinese sentence's final marks, dropped from zh_sentences as the cuts drop theirs
_ZH_SENTENCE_END = "。！？!?…⋯"
_EN_CUT = re.compile(r"[,;:]|(?<=[.!?])\s|[—–]\s")
#: sentence ends and ; : — the units en_units adds above its comma clauses
_EN_SENTENCE_CUT = re.compile(r"[;:]|(?<=[.!?])\s")
#: quotes, brackets and spaces trimmed off both ends of every piece
_TRIM = " \t“”\"'‘’()（）《》"


@dataclass(frozen=True)
class Clause:
    """A piece of a text: its trimmed ``text`` at ``text[start:end]`` of the whole."""

    text: str
    start: int
    end: int


def zh_clauses(text: str) -> list[Clause]:
    """The Chinese clauses of ``text`` (cut at ，；：and sentence ends, not at 、)."""
    return _cut(text, _ZH_CUT)


def zh_sentences(text: str) -> list[Clause]:
    """The Chinese sentences of a pair: the one Chinese splitter's
    (``align.segment.zh_sentence_spans``), without its final mark and trimmed like
    the clauses.  ；does not cut (a clause before it is no sentence of its own) and
    quotations are cut, as for the English sentences: a check judges each sentence,
    quoted or not."""
    out = []
    for s, e in zh_sentence_spans(text, cut_semicolons=False, keep_quotations=False):
        while e > s and (text[e - 1] in _ZH_SENTENCE_END or text[e - 1] in _TRIM):
            e -= 1
        clause = _trimmed(text, s, e)
        if clause is not None:
            out.append(clause)
    return out


def en_clauses(text: str) -> list[Clause]:
    """The English clauses of ``text`` (cut at , ; : dashes and sentence ends)."""
    return _cut(text, _EN_CUT)


def en_sentences(text: str) -> list[Clause]:
    """The English sentences of ``text``: the one English splitter's
    (``align.segment.en_sentence_spans``, quotations cut as for every check), each
    trimmed like the clauses."""
    pieces = (_trimmed(text, s, e) for s, e in en_sentence_spans(text, keep_quotations=False))
    return [c for c in pieces if c is not None]


def en_units(text: str) -> list[Clause]:
    """Clauses, plus each whole sentence that has several: an added sentence
    is the usual addition, and its comma-clauses alone are too short to judge."""
    clauses = en_clauses(text)
    units = list(clauses)
    for s in _cut(text, _EN_SENTENCE_CUT):
        if sum(1 for c in clauses if s.start <= c.start and c.end <= s.end) > 1:
            units.append(s)
    return sorted(units, key=lambda c: (c.start, -(c.end - c.start)))


def _trimmed(text: str, start: int, end: int) -> Clause | None:
    """``text[start:end]`` without the quotes, brackets and spaces at its ends; None if empty."""
    piece = text[start:end]
    stripped = piece.strip(_TRIM)
    if not stripped:
        return None
    s = start + piece.index(stripped)
    return Clause(stripped, s, s + len(stripped))


def _cut(text: str, pattern: re.Pattern[str]) -> list[Clause]:
    return list(_cut_kept(text, pattern))


@lru_cache(maxsize=16384)  # pure: the checks and the QE features cut the same pair's sides again and again
def _cut_kept(text: str, pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    out, start = [], 0
    for m in list(pattern.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        clause = _trimmed(text, start, end)
        if clause is not None:
            out.append(clause)
        if m:
            start = m.end()
    return tuple(out)
