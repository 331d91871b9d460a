"""English antonyms from WordNet 3.0, keyed by the meaning checks' lemma.

Why: a fluent English word that says the opposite of the Chinese (加深 "to
deepen" rendered "lessening") is a meaning error no cue table can list in
full.  ``qa/data/antonyms.tsv`` holds WordNet's antonym pairs of single words
(see its header and ``qa/data/make/wordnet_antonyms.py``); this module reads
it once per process and answers "which words are opposite to this one", on
the light lemmas of :func:`qa.lexicons.lemma` so that "lessening" and
"lessen", "diminishing" and "diminish" meet the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from align.errors import InputError
from qa import lexicons as lx
from qa.meaning_cues import read_table

TABLE = "antonyms.tsv"
POS = frozenset("arvn")


@dataclass(frozen=True)
class Antonym:
    """One WordNet pair read from one side: ``word`` is opposite to ``antonym`` as ``pos``."""

    word: str
    antonym: str
    pos: str
    kind: str
    share: float


@cache
def antonym_table() -> dict[str, tuple[Antonym, ...]]:
    """Every pair both ways, keyed by the lemma of its first word."""
    out: dict[str, list[Antonym]] = {}
    for n, row in enumerate(read_table(TABLE, 5), 1):
        a, b, pos, kind, share = row[:5]
        try:
            value = float(share)
        except ValueError:
            raise InputError(f"antonym table {TABLE} row {n}: share {share!r} is not a number") from None
        if pos not in POS:
            raise InputError(f"antonym table {TABLE} row {n}: part of speech {pos!r} is not one of a r v n")
        for x, y in ((a, b), (b, a)):
            out.setdefault(lx.lemma(x), []).append(Antonym(x, y, pos, kind, value))
    return {k: tuple(v) for k, v in out.items()}


def antonyms(word: str, pos: frozenset[str] = POS, min_share: float = 0.0) -> tuple[Antonym, ...]:
    """WordNet antonyms of ``word`` (any inflection) in the parts of speech ``pos``.

    ``min_share`` drops pairs whose antonymous sense is a small part of either
    word's use (see the table's share column): break ↔ repair is a rare sense
    of "break".
    """
    return tuple(a for a in antonym_table().get(lx.lemma(word), ())
                 if a.pos in pos and a.share >= min_share)
