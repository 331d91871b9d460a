"""Distinct texts gathered for one embedding call.

Why: checks that compare clauses embed many short texts, the same one often
several times (a clause is also part of its windows' neighbours, a sentence
recurs across a document).  Gathering them first and embedding each distinct
text once keeps the model pass to one batched call per document.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


class TextBatch:
    """Texts in first-seen order, each with the row it will have in the vectors."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._index: dict[str, int] = {}

    def slot(self, text: str) -> int:
        """The row of ``text``, adding it when new."""
        if text not in self._index:
            self._index[text] = len(self.texts)
            self.texts.append(text)
        return self._index[text]

    def slots(self, texts: Iterable[str]) -> list[int]:
        return [self.slot(t) for t in texts]

    def embed(self, embedder) -> np.ndarray:
        """One vector per gathered text (a (0, 1) array when there is none)."""
        if not self.texts:
            return np.zeros((0, 1), np.float32)
        return np.asarray(embedder.embed(self.texts), dtype=np.float32)


def clause_runs(n: int, max_len: int) -> list[tuple[int, int]]:
    """(first clause, clause count) of every run of up to ``max_len`` of ``n`` clauses, in the
    order the checks keep window vectors: by first clause, then by length."""
    return [(i, k) for i in range(n) for k in range(1, max_len + 1) if i + k <= n]


class WindowBatch:
    """Every run of up to ``max_len`` consecutive clauses of some texts, for one embedding call.

    Why: a clause's windows (it alone, with the next clause, with the next two) are
    most of what the meaning checks embed — on WMT20 news about three quarters of the
    tokens they encoded beyond the pairs' own sides (issue 16).  With an embedder that
    pools (``align.embed_protocol.pools_windows``: USE-m3), each clause is encoded once
    and a window is pooled from its clauses' states, as the aligner pools windows of
    sentences: the output layers only, about 1/50 of encoding the window's text.
    The pooled vector is an approximation of the window's text (it lacks the n-grams
    across a cut and the comma at it): cosine to the re-encoded window of two or
    three clauses on 2,000 WMT20 pairs, mean 0.984 zh / 0.979 en, 5th percentile
    0.957 / 0.930 (``bench/check_embeddings.py --n 2000 --windows``).  Any other
    embedder encodes each window's text, as before.

    Windows of a group come in the order ``(i, k)`` for i over its clauses and k
    from 1 to ``max_len`` (the run ``clauses[i : i + k]``), runs past the end left out.
    """

    def __init__(self, max_len: int = 3) -> None:
        self.max_len = max_len
        self._groups: list[tuple[str, tuple]] = []

    def add(self, text: str, clauses) -> int:
        """A group for the ``clauses`` (with ``start``, ``end``, ``text``) of ``text``; its handle."""
        self._groups.append((text, tuple(clauses)))
        return len(self._groups) - 1

    def runs(self, group: int) -> list[tuple[int, int]]:
        """(first clause, clause count) of each window of ``group``, in vector order."""
        return clause_runs(len(self._groups[group][1]), self.max_len)

    def embed(self, embedder) -> list[np.ndarray]:
        """Per group, its window vectors ((windows, d); (0, d) when it has no clause)."""
        from align.embed_protocol import pools_windows

        if not self._groups:
            return []
        if pools_windows(embedder):
            return self._pooled(embedder)
        batch = TextBatch()
        rows = [batch.slots(text[cs[i].start:cs[i + k - 1].end] for i, k in self.runs(g))
                for g, (text, cs) in enumerate(self._groups)]
        vecs = batch.embed(embedder)
        return [vecs[r] if r else np.zeros((0, vecs.shape[1]), np.float32) for r in rows]

    def _pooled(self, embedder) -> list[np.ndarray]:
        # one flat run of every group's clauses; a window that would cross into the next
        # group is never read, so it is not pooled (``longest``: the clauses left in the group)
        flat = [c.text for _, cs in self._groups for c in cs]
        if not flat:
            return [np.zeros((0, 1), np.float32) for _ in self._groups]
        longest = np.fromiter((min(self.max_len, len(cs) - i) for _, cs in self._groups
                               for i in range(len(cs))), dtype=np.int64, count=len(flat))
        w = np.asarray(embedder.embed_windows(flat, self.max_len, longest=longest), dtype=np.float32)
        out, first = [], 0
        for g, (_, cs) in enumerate(self._groups):
            runs = self.runs(g)
            out.append(w[[first + i for i, _ in runs], [k - 1 for _, k in runs]]
                       if runs else np.zeros((0, w.shape[2]), np.float32))
            first += len(cs)
        return out
