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
