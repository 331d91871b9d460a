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

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.model import Pair
from qa import lexicons as lx
from qa.clause_split import Clause, en_clauses, zh_clauses
from qa.lexicons import StemSet
from qa.model import Context
from qa.text_batch import TextBatch
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
    return [(i, j) for i in range(len(en)) for j in range(i + 1, min(i + MAX_WINDOW, len(en)) + 1)]


def match_clauses(pair: Pair, similarity: np.ndarray | None = None) -> PairClauses:
    """Link every Chinese clause of ``pair`` to its English window.

    ``similarity`` (optional) is a (zh clauses × windows) matrix of embedding
    similarities in the order of :func:`window_texts`.
    """
    zc = tuple(zh_clauses(pair.zh))
    ec = tuple(en_clauses(pair.en))
    if not zc or not ec:
        return PairClauses(pair, zc, ec, ())
    if len(zc) == 1 or len(ec) == 1:
        links = tuple(ClauseLink(c, ec, 1.0, True) for c in zc)
        return PairClauses(pair, zc, ec, links)
    wins = _windows(ec)
    en_stems = [StemSet(t.lemma for t in lx.tokenize_en(c.text)) for c in ec]
    links = []
    for zi, c in enumerate(zc):
        words = zh_content_words(c.text)
        zpos = _position(c, len(pair.zh))
        sims = similarity[zi] if similarity is not None else None
        mean_sim = float(np.mean(sims)) if sims is not None and len(sims) else 0.0
        scored = []
        for wi, (i, j) in enumerate(wins):
            hits = sum(1 for _, g in words if any(en_stems[k].has(x) for k in range(i, j) for x in g))
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


def window_texts(pair: Pair) -> tuple[list[str], list[str]]:
    """(zh clause texts, English window texts) of a multi-clause pair, for embedding."""
    zc = zh_clauses(pair.zh)
    ec = en_clauses(pair.en)
    return [c.text for c in zc], [pair.en[ec[i].start:ec[j - 1].end] for i, j in _windows(ec)]


def document_clauses(ctx: Context) -> dict[int, PairClauses]:
    """Clause links of every pair, computed once per run and kept in ``ctx.resources``.

    With an embedder, the clauses and windows of all multi-clause pairs are
    embedded in one batch and the similarity joins the word and position
    evidence.
    """
    cached = ctx.resources.get("_clause_match")
    if cached is not None and cached[0] is ctx.pairs:
        return cached[1]
    embedder = ctx.resources.get("embedder")
    sims: dict[int, np.ndarray] = {}
    if embedder is not None:
        batch = TextBatch()
        plans = []
        for p in ctx.pairs:
            zt, wt = window_texts(p)
            if len(zt) > 1 and len(en_clauses(p.en)) > 1:
                plans.append((p.id, batch.slots(zt), batch.slots(wt)))
        vecs = batch.embed(embedder)
        for pid, zs, ws in plans:
            sims[pid] = vecs[zs] @ vecs[ws].T
    found = {p.id: match_clauses(p, sims.get(p.id)) for p in ctx.pairs}
    ctx.resources["_clause_match"] = (ctx.pairs, found)
    return found
