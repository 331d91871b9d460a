"""Which English clause renders which Chinese clause, inside one aligned pair.

Why: a meaning check that finds a cue in a Chinese clause (a negation, a
direction of change, a modal, a time word) must read the English that
renders *that* clause, not the whole sentence: 不得 in the second clause says
nothing about a "may" in the first.  Sentence alignment gives pairs; this
module goes one level down.

Both sides are cut with the clause code of ``qa.checks.coverage`` (zh at
，；：and sentence ends, en at , ; : and sentence ends).  Each Chinese clause
is linked to the window of 1-3 consecutive English clauses that best renders
it, scored by

* words: the share of the clause's CC-CEDICT content words whose glosses
  appear in the window (``qa.zh_glosses.zh_content_words``), and
* position: how far the window's middle is from the clause's middle, both as
  a share of their sentence (translators keep clause order far more often
  than not);
* meaning (optional): the embedding similarity of clause and window, when
  the run has an embedder.

A link is *confident* when its word evidence is real (at least one content
word, ``min_share`` of them) and it beats every window that does not overlap
it by ``margin``.  A pair with one clause on either side is one link, always
confident: the whole English renders the whole Chinese.  Checks read only
confident links, so an unsure match stays silent (precision first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from align.model import Pair
from qa import lexicons as lx
from qa.clause_split import Clause, en_clauses, zh_clauses
from qa.model import Context
from qa.text_batch import TextBatch, WindowBatch, clause_runs
from qa.zh_glosses import zh_content_words

#: how many consecutive English clauses one Chinese clause may map to
MAX_WINDOW = 3
#: word share a link needs, and how far it must beat any disjoint window
MIN_SHARE = 0.34
MARGIN = 0.12
#: score lost per unit of relative position difference, and per extra clause in a window
POSITION_WEIGHT = 0.6
WIDTH_COST = 0.04
#: weight of (similarity - the pair's mean similarity) when an embedder is present
EMBED_WEIGHT = 0.8


@dataclass(frozen=True)
class ClauseLink:
    """A Chinese clause and the English clauses that render it."""

    zh: Clause
    en: tuple[Clause, ...]
    score: float
    confident: bool

    @property
    def en_span(self) -> tuple[int, int]:
        return (self.en[0].start, self.en[-1].end)


@dataclass(frozen=True)
class PairClauses:
    """The clauses of one pair and a link for every Chinese clause."""

    pair: Pair
    zh: tuple[Clause, ...]
    en: tuple[Clause, ...]
    links: tuple[ClauseLink, ...]

    @property
    def whole(self) -> bool:
        """True when the pair is one clause on some side: every link is the whole English."""
        return len(self.zh) <= 1 or len(self.en) <= 1

    def link_at(self, zh_offset: int) -> ClauseLink | None:
        """The link of the Chinese clause holding character ``zh_offset``."""
        for link in self.links:
            if link.zh.start <= zh_offset < link.zh.end:
                return link
        return None


def _position(c: Clause, length: int) -> float:
    return ((c.start + c.end) / 2) / max(length, 1)


def _windows(en: Sequence[Clause]) -> list[tuple[int, int]]:
    """(start, end) clause indexes of every window, in the order of the similarity columns
    (:func:`clause_similarities`, whose windows come from ``WindowBatch``)."""
    return [(i, i + k) for i, k in clause_runs(len(en), MAX_WINDOW)]


def match_clauses(pair: Pair, similarity: np.ndarray | None = None) -> PairClauses:
    """Link every Chinese clause of ``pair`` to its English window.

    ``similarity`` (optional) is a (zh clauses × windows) matrix of embedding
    similarities, windows in the order of :func:`_windows`.
    """
    zc = tuple(zh_clauses(pair.zh))
    ec = tuple(en_clauses(pair.en))
    if not zc or not ec:
        return PairClauses(pair, zc, ec, ())
    if len(zc) == 1 or len(ec) == 1:
        links = tuple(ClauseLink(c, ec, 1.0, True) for c in zc)
        return PairClauses(pair, zc, ec, links)
    wins = _windows(ec)
    en_stems = [lx.lemma_stems(c.text) for c in ec]
    spans = [sum(1 << k for k in range(i, j)) for i, j in wins]
    links = []
    for zi, c in enumerate(zc):
        words = zh_content_words(c.text)
        # each word's English clauses as a bit mask: a window renders the word when it
        # holds one of them (the same test as asking every window, done once per clause)
        masks = [sum(1 << k for k, stems in enumerate(en_stems) if stems.has_any(query))
                 for query in (lx.stem_query(g) for _, g in words)]
        zpos = _position(c, len(pair.zh))
        sims = similarity[zi] if similarity is not None else None
        mean_sim = float(np.mean(sims)) if sims is not None and len(sims) else 0.0
        scored = []
        for wi, (i, j) in enumerate(wins):
            hits = sum(1 for m in masks if m & spans[wi])
            share = hits / len(words) if words else 0.0
            epos = ((ec[i].start + ec[j - 1].end) / 2) / max(len(pair.en), 1)
            score = share - POSITION_WEIGHT * abs(zpos - epos) - WIDTH_COST * (j - i - 1)
            if sims is not None:
                score += EMBED_WEIGHT * (float(sims[wi]) - mean_sim)
            scored.append((score, share, hits, i, j))
        best = max(scored)
        score, share, hits, i, j = best
        rivals = [s for s, _, _, a, b in scored if b <= i or a >= j]
        margin = score - max(rivals) if rivals else 1.0
        confident = hits >= 1 and share >= MIN_SHARE and margin >= MARGIN
        links.append(ClauseLink(c, ec[i:j], round(score, 3), confident))
    return PairClauses(pair, zc, ec, tuple(links))


def clause_similarities(pairs: Iterable[Pair], embedder) -> dict[int, np.ndarray]:
    """The (zh clauses × English windows) similarity matrix :func:`match_clauses` reads, of
    each pair with several clauses on both sides: every pair's clauses in one embedding
    call, the windows pooled from the English clauses where the embedder can
    (``qa.text_batch.WindowBatch``)."""
    batch, windows = TextBatch(), WindowBatch(MAX_WINDOW)
    plans = []
    for pair in pairs:
        zc, ec = zh_clauses(pair.zh), en_clauses(pair.en)
        if len(zc) > 1 and len(ec) > 1:
            plans.append((pair.id, batch.slots(c.text for c in zc), windows.add(pair.en, ec)))
    vecs, wvecs = batch.embed(embedder), windows.embed(embedder)
    return {pid: vecs[zs] @ wvecs[w].T for pid, zs, w in plans}


class DeferredClauses:
    """One pair's clauses at once and its links when first read (see :class:`DocumentClauses`).

    Reads like a :class:`PairClauses`: the clauses and ``whole`` cost no model;
    ``links`` and :meth:`link_at` are matched through the document's batch.
    """

    def __init__(self, doc: DocumentClauses, pair: Pair) -> None:
        self._doc = doc
        self.pair = pair
        self.zh = tuple(zh_clauses(pair.zh))
        self.en = tuple(en_clauses(pair.en))

    @property
    def whole(self) -> bool:
        """True when the pair is one clause on some side: every link is the whole English."""
        return len(self.zh) <= 1 or len(self.en) <= 1

    @property
    def links(self) -> tuple[ClauseLink, ...]:
        return self._doc.matched(self.pair.id).links

    def link_at(self, zh_offset: int) -> ClauseLink | None:
        """The link of the Chinese clause holding character ``zh_offset``."""
        return self._doc.matched(self.pair.id).link_at(zh_offset)


class DocumentClauses:
    """Clause links of a document's pairs, matched only for the pairs a check reads them of.

    Why: with an embedder, linking a multi-clause pair embeds its clauses and
    its English windows (about ten texts a pair on WMT20 news), yet the checks
    that read links (polarity, direction, modality, time) do so only for a pair
    with a cue of theirs.  Each check first names the pairs it may read
    (:meth:`prefetch`, one embedding batch for all of them); a pair read
    without having been named is matched on its own (:attr:`alone` counts
    them), so the links are the same whatever the checks name, only slower.
    """

    def __init__(self, pairs: Sequence[Pair], embedder=None) -> None:
        self._pairs = {p.id: p for p in pairs}
        self._embedder = embedder
        self._matched: dict[int, PairClauses] = {}
        self._views: dict[int, DeferredClauses] = {}
        self.alone = 0

    def __getitem__(self, pair_id: int) -> DeferredClauses:
        view = self._views.get(pair_id)
        if view is None:
            view = self._views[pair_id] = DeferredClauses(self, self._pairs[pair_id])
        return view

    def prefetch(self, pairs: Iterable[Pair]) -> None:
        """Match the links of ``pairs`` not matched yet, their texts in one embedding batch."""
        todo = [p for p in dict.fromkeys(p.id for p in pairs) if p not in self._matched]
        sims: dict[int, np.ndarray] = {}
        if self._embedder is not None:
            sims = clause_similarities((self._pairs[pid] for pid in todo), self._embedder)
        for pid in todo:
            self._matched[pid] = match_clauses(self._pairs[pid], sims.get(pid))

    @property
    def matched_pairs(self) -> int:
        """How many pairs have had their links matched so far."""
        return len(self._matched)

    def matched(self, pair_id: int) -> PairClauses:
        """The links of one pair (matched now, on its own, if no check named it)."""
        if pair_id not in self._matched:
            self.alone += 1
            self.prefetch([self._pairs[pair_id]])
        return self._matched[pair_id]


#: what the checks read a pair's clauses and links through: either reads the same
PairLinks = PairClauses | DeferredClauses


def document_clauses(ctx: Context) -> DocumentClauses:
    """Clause links of every pair, kept in ``ctx.resources`` for every check of the run.

    With an embedder, the similarity of each clause to each English window
    joins the word and position evidence; see :class:`DocumentClauses` for
    when a pair's texts are embedded.
    """
    cached = ctx.resources.get("_clause_match")
    if cached is not None and cached[0] is ctx.pairs:
        return cached[1]
    found = DocumentClauses(ctx.pairs, ctx.resources.get("embedder"))
    ctx.resources["_clause_match"] = (ctx.pairs, found)
    return found
