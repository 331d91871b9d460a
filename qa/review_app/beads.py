"""A pair as the review holds it: its sentences on each side, and the reviewer's verdict.

``zhen check`` writes pairs as joined texts (``pairs.tsv``).  Alignment edits
move whole sentences, so the review keeps each side as a list of sentences,
each with the document segment ids it came from; the pair's text is always
the sentences joined the way :mod:`qa.pipeline` joins them, so a pair the
reviewer did not touch exports exactly as zhen check wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.model import InlineCode, Pair
from qa.pipeline import EN_JOINER, ZH_JOINER

DECISIONS = ("pending", "accept", "fix", "reject")


@dataclass(frozen=True)
class Sentence:
    """One sentence of one side; ``ids`` are its segment ids in the document (may be empty,
    or several when zhen could not tell the sentences of a pair apart again)."""

    text: str
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReviewPair:
    """One bead under review.  ``id`` is stable for the life of the review (pair ids of
    the run, new ids for beads made by splits); ``version`` counts the reviewer's saves,
    so a save made from an older view is refused instead of undoing another tab's."""

    id: int
    zh: tuple[Sentence, ...]
    en: tuple[Sentence, ...]
    score: float | None = None
    qe: float | None = None
    para: int = 0
    heading: bool = False
    unit_id: str | None = None
    zh_codes: tuple[InlineCode, ...] = ()
    en_codes: tuple[InlineCode, ...] = ()
    decision: str = "pending"
    comment: str = ""
    version: int = 1

    @property
    def zh_text(self) -> str:
        return ZH_JOINER.join(s.text for s in self.zh)

    @property
    def en_text(self) -> str:
        return EN_JOINER.join(s.text for s in self.en)

    @property
    def zh_ids(self) -> tuple[int, ...]:
        return tuple(i for s in self.zh for i in s.ids)

    @property
    def en_ids(self) -> tuple[int, ...]:
        return tuple(i for s in self.en for i in s.ids)

    @property
    def has_tags(self) -> bool:
        """Inline codes (CAT tags) sit at offsets of the text: an edit would misplace them."""
        return bool(self.zh_codes or self.en_codes)

    def to_pair(self, pair_id: int) -> Pair:
        """The pair the checks and the writers see, numbered ``pair_id`` (its position)."""
        return Pair(id=pair_id, zh=self.zh_text, en=self.en_text, zh_ids=self.zh_ids,
                    en_ids=self.en_ids, score=self.score, para=self.para, heading=self.heading,
                    unit_id=self.unit_id, zh_codes=self.zh_codes, en_codes=self.en_codes,
                    qe=self.qe)


def split_sentences(text: str, ids: tuple[int, ...], lang: str) -> tuple[Sentence, ...]:
    """A pair's side cut back into sentences with zhen's segmenter.

    The cut is used only when the sentences joined give back the text exactly;
    ids are given out one per sentence when the counts agree.  Otherwise the
    side stays one unit carrying all its ids (it can still be merged or moved
    whole, only not split).
    """
    from align.segment import segment_en, segment_zh

    if not text:
        return ()
    pieces = [s.text for s in (segment_zh(text) if lang == "zh" else segment_en(text))]
    joiner = ZH_JOINER if lang == "zh" else EN_JOINER
    if pieces and joiner.join(pieces) == text:
        if len(ids) == len(pieces):
            return tuple(Sentence(t, (i,)) for t, i in zip(pieces, ids))
        if not ids:
            return tuple(Sentence(t) for t in pieces)
    return (Sentence(text, tuple(ids)),)
