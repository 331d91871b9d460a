"""Window vectors for the search: every run of up to MAX_WINDOW sentences, per side.

The zh side also gets the clause halves of every sentence (``align.clauses``)
from the same token pass where the backend can.  Long documents are embedded
in overlapping chunks and held in float16.
"""

from __future__ import annotations

import numpy as np

from align.align_options import MAX_WINDOW
from align.clauses import ClauseHalves, clause_cuts, windows_and_halves
from align.embed_protocol import Embedder


def sentence_windows(
    embedder: Embedder, texts: list[str], joiner: str, chunk: int = 4096
) -> np.ndarray:
    """(n, MAX_WINDOW, d) window vectors, requested in overlapping chunks.

    Chunking bounds what the backend holds at once; long documents are kept
    in float16 so 100k sentences per side fit comfortably in memory.
    """
    n = len(texts)
    if n <= chunk:
        return np.asarray(
            embedder.embed_windows(texts, MAX_WINDOW, joiner), dtype=np.float32
        )
    out = None
    for s in range(0, n, chunk):
        w = embedder.embed_windows(
            texts[s : s + chunk + MAX_WINDOW - 1], MAX_WINDOW, joiner
        )
        if out is None:
            out = np.empty((n, MAX_WINDOW, w.shape[2]), dtype=np.float16)
        out[s : s + chunk] = w[: min(chunk, n - s)]
    return out


def zh_windows_and_halves(
    embedder: Embedder, texts: list[str], chunk: int = 4096
) -> tuple[np.ndarray, ClauseHalves]:
    """zh window vectors and the clause halves of every sentence (``align.clauses``).

    Chunked like ``sentence_windows``; a chunk also takes the sentence before it, which
    the first sentence's halves with a neighbour need.
    """
    n = len(texts)
    cuts = [clause_cuts(t) for t in texts]
    owner = np.repeat(np.arange(n), [len(c) for c in cuts])
    first = np.r_[0, np.cumsum([len(c) for c in cuts])]  # sentence k's first cut
    vectors = ok = out = None
    for s in range(0, n, chunk):
        s0, e = max(s - 1, 0), min(s + chunk, n)
        e1 = min(e + MAX_WINDOW - 1, n)
        w, vec, good = windows_and_halves(
            embedder, texts[s0:e1], MAX_WINDOW, cuts[s0:e1]
        )
        if out is None:
            dtype = np.float32 if n <= chunk else np.float16
            out = np.empty((n, MAX_WINDOW, w.shape[2]), dtype=dtype)
            vectors = np.zeros((len(owner), *vec.shape[1:]), dtype=np.float16)
            ok = np.zeros((len(owner), vec.shape[1]), dtype=bool)
        out[s:e] = w[s - s0 : e - s0]
        # the chunk's own cuts, after those of the sentence before it
        a, b = first[s] - first[s0], first[e] - first[s0]
        vectors[first[s] : first[e]] = vec[a:b]
        ok[first[s] : first[e]] = good[a:b]
    assert out is not None and vectors is not None and ok is not None
    return out, ClauseHalves(owner, vectors, ok)
