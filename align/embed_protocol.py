"""The embedding interface every backend implements.

Aligners need two things: one vector per sentence, and one vector per run of
consecutive sentences ("windows") for 1-N and N-1 beads.  Backends that can
build window vectors cheaper than re-encoding the joined text override
``embed_windows``.  Backends that pool from per-sentence states
(:class:`PooledEmbedder`) let the cache store states; those that also pool
clause halves from the same token pass (:class:`ClauseEmbedder`) give the
aligner its clause evidence without a second encoding.

This module imports nothing of zhen's, so backends and the cache depend on
it and not on the factory in ``align.embed`` (which imports them).
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

    def windows_from_states(self, states: np.ndarray, max_len: int,
                            longest: np.ndarray | None = None) -> np.ndarray:
        """(n, max_len, d) pooled windows; with ``longest``, window ``[i, k]`` only where
        k < longest[i] (the rest stay zero, as windows past the end do)."""
        ...


@runtime_checkable
class ClauseEmbedder(Protocol):
    """An embedder (or cache) that gives zh windows and clause halves from one pass."""

    def windows_and_halves(
        self, texts: Sequence[str], max_len: int, cuts: Sequence[Sequence[int]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(windows, half vectors (n_cuts, 4, d), half validity (n_cuts, 4));
        see ``align.clauses.windows_and_halves``."""
        ...


@runtime_checkable
class ClausePooledEmbedder(PooledEmbedder, ClauseEmbedder, Protocol):
    """A pooled embedder whose cut rows the cache can store beside the states."""

    #: floats per cut row
    cut_width: int

    def clause_states(
        self, texts: Sequence[str], cuts: Sequence[Sequence[int]] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sentence states and one row per clause cut, from the same token pass."""
        ...

    def halves_from_states(
        self, states: np.ndarray, cut_rows: np.ndarray, owner: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]: ...


def pools_windows(embedder: object) -> bool:
    """True when ``embedder.embed_windows`` pools per-text states instead of re-encoding.

    Why: a caller with runs of short texts to embed (the checks' clause windows)
    pays one model pass per text plus a cheap pooling step when this holds, and
    should otherwise embed the windows' own texts.  Wrappers that keep the
    embedder they wrap in ``inner`` and pass windows on to it (the disk cache, the
    run memo) are looked through.
    """
    for _ in range(8):  # wrappers nest a few deep; this only bounds a pathological chain
        if isinstance(embedder, PooledEmbedder):
            return True
        embedder = getattr(embedder, "inner", None)
        if embedder is None:
            return False
    return False


def release(embedder: object) -> None:
    """Let ``embedder`` drop what it keeps between calls (a memo's vectors, a model's per-id
    rows), through the wrappers that pass ``release`` on; nothing for one that keeps nothing."""
    drop = getattr(embedder, "release", None)
    if drop is not None:
        drop()
