"""One run's memo of text → vector, shared by every check and the quality estimate.

Why: the checks that embed (coverage's clauses and windows, the clause links of
polarity, direction, modality and time, the quality estimate's pair sides) ask
for many of the same texts — a clause is one check's unit and another's window,
a pair's two sides are the leave-one-out baseline and the qe features — and a
translation memory repeats whole units (WMT20 repeats each source ten times).
The disk cache (``align.cache``) keeps the model from encoding a text twice,
but every repeat still costs a database read and the model's output layers;
this memo answers repeats from memory.

It is bounded (least recently used vectors go first), so a memory of any size
keeps it under ``capacity`` vectors, and it returns exactly the vector the
embedder gave the first time, so flags do not depend on what it holds.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

#: vectors kept: 65,536 USE-m3 vectors (512 float32) are 128 MiB
DEFAULT_CAPACITY = 1 << 16


def _key(text: str) -> bytes:
    """A 16-byte digest: the memo holds no text, and its keys cost the same for any length."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class MemoEmbedder:
    """An embedder whose ``embed`` answers texts it has already embedded from memory.

    Only ``embed`` is memoised (what the checks and the quality estimate call);
    anything else (windows for the aligner) goes to the wrapped embedder.
    ``encoded`` counts the texts passed on to it, ``hits`` those answered here.
    """

    def __init__(self, inner, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("memo capacity must be at least 1")
        self.inner = inner
        self.key = getattr(inner, "key", type(inner).__name__)
        self.capacity = capacity
        self._rows: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self.encoded = 0
        self.hits = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        keys = [_key(t) for t in texts]
        rows = self._rows
        missing: dict[bytes, str] = {}
        for k, t in zip(keys, texts):
            if k in rows:
                rows.move_to_end(k)
            else:
                missing.setdefault(k, t)
        fresh: dict[bytes, np.ndarray] = {}
        if missing:
            vecs = np.asarray(self.inner.embed(list(missing.values())), dtype=np.float32)
            fresh = dict(zip(missing, vecs))
            self.encoded += len(missing)
        self.hits += len(texts) - len(missing)
        out = np.stack([fresh[k] if k in fresh else rows[k] for k in keys])
        for k, v in fresh.items():
            rows[k] = v.copy()
        while len(rows) > self.capacity:
            rows.popitem(last=False)
        return out

    def __len__(self) -> int:
        return len(self._rows)

    def release(self) -> None:
        """Forget every vector, and let the wrapped embedders drop what they keep (the
        model's per-id rows): for a caller done embedding that goes on with other work."""
        from align.embed_protocol import release

        self._rows.clear()
        release(self.inner)

    def __getattr__(self, name: str):
        if name == "inner":  # not yet set (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


def memoised(embedder, capacity: int = DEFAULT_CAPACITY):
    """``embedder`` behind a run memo (itself when it already is one, None when None)."""
    if embedder is None or isinstance(embedder, MemoEmbedder):
        return embedder
    return MemoEmbedder(embedder, capacity)
