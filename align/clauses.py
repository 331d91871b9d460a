"""Chinese clause cuts and the embeddings of the halves they leave.

Why: most alignment errors on literary text are many-to-many beads read as
smaller ones (a 2-2 as 1-1 + 1-1).  There the translator moved a clause
across a sentence boundary: the head of zh sentence 2 ends English sentence 1.
Sentence-level similarities cannot see that; the halves of a zh sentence cut
at a clause mark can.  ``align.clause_evidence`` scores beads with them.

A cut is a character offset after ，；：or ——, or between a closing quote and
more text (ASCII ,;: count before Chinese), leaving 3+ characters on each side; at most MAX_CUTS a sentence.
Every cut has up to four half vectors (``HALVES``): its head, its tail, the
head with the whole sentence before it (first cut of a sentence only) and the
tail with the whole sentence after (last cut only).  A clause moved into the
neighbouring English sentence sits at that end of the sentence; the others
would cost 40 % more model passes on the 100k-sentence benchmark for nothing
measurable (MAC-Dev 0.918 against 0.919, MAC-Test and pol equal).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.script import HAN_CLASS

#: after a clause mark (half-width ones too, as web and policy text often
#: has them, when Chinese follows), or between a closing quote and more text
_CLAUSE = re.compile(
    r"(?<=[，；：])(?=.)|(?<=[,;:])(?=[" + HAN_CLASS + r"“‘《])|(?<=——)(?=[^—])"
    r"|(?<=[”’」』])(?=[^，。！？；：,.!?;:”’」』…—\s])"
)
MAX_CUTS = 3
#: half vectors per cut, in this order
HALVES = ("head", "tail", "prev+head", "tail+next")


def clause_cuts(text: str) -> list[int]:
    """Character offsets where ``text`` may be cut, both halves 3+ characters."""
    cuts = [m.start() for m in _CLAUSE.finditer(text)]
    return [c for c in cuts if c >= 3 and len(text) - c >= 3][:MAX_CUTS]


@dataclass
class ClauseHalves:
    """The half vectors of every cut of a document's zh sentences.

    Cuts are listed sentence by sentence, in text order.  ``owner[r]`` is the
    sentence of cut r; ``vectors[r, h]`` its half ``HALVES[h]``, valid where
    ``ok[r, h]``: a sentence's first cut has the half with the sentence
    before, its last cut the half with the sentence after, except at the
    ends of the document.  Vectors are float16 like long documents' windows:
    the halves take as much memory as the zh windows themselves.
    """

    owner: np.ndarray  # (n_cuts,) int64, non-decreasing
    vectors: np.ndarray  # (n_cuts, 4, d)
    ok: np.ndarray  # (n_cuts, 4) bool


def flat_cuts(cuts: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(owner, offset) of every cut, sentence by sentence."""
    owner = np.fromiter((k for k, cs in enumerate(cuts) for _ in cs), dtype=np.int64)
    offset = np.fromiter((c for cs in cuts for c in cs), dtype=np.int64)
    return owner, offset


def half_texts(texts: Sequence[str], cuts: Sequence[Sequence[int]]) -> list[str | None]:
    """The four half texts of every cut (None where a neighbour is missing)."""
    out: list[str | None] = []
    n = len(texts)
    for k, cs in enumerate(cuts):
        t = texts[k]
        for r, c in enumerate(cs):
            head, tail = t[:c], t[c:]
            out += [
                head,
                tail,
                texts[k - 1] + head if k > 0 and r == 0 else None,
                tail + texts[k + 1] if k + 1 < n and r == len(cs) - 1 else None,
            ]
    return out


def halves_by_encoding(
    embedder, texts: Sequence[str], cuts, dim: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(n_cuts, 4, d) vectors and (n_cuts, 4) validity, every half encoded as new text.

    The reference for backends that pool halves from token states, and the
    route for every other backend (sentence-transformers models).  ``dim``
    is d when there may be nothing to encode.
    """
    halves = half_texts(texts, cuts)
    ok = np.array([h is not None for h in halves], dtype=bool)
    wanted = [h for h in halves if h is not None]
    n_cuts = len(halves) // len(HALVES)
    vecs = np.asarray(embedder.embed(wanted), dtype=np.float32) if wanted else None
    dim = vecs.shape[1] if vecs is not None else (dim or 1)
    out = np.zeros((len(halves), dim), dtype=np.float32)
    if vecs is not None:
        out[ok] = vecs
    return out.reshape(n_cuts, len(HALVES), dim), ok.reshape(n_cuts, len(HALVES))


def windows_and_halves(
    embedder, texts: Sequence[str], max_len: int, cuts
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """zh window vectors and the half vectors of ``cuts``, in one pass where the backend can.

    A backend (or cache) with a ``windows_and_halves`` method pools both
    from one token pass; any other embedder encodes the halves as texts.
    """
    from align.embed_protocol import ClauseEmbedder

    texts = list(texts)
    if isinstance(embedder, ClauseEmbedder):
        return embedder.windows_and_halves(texts, max_len, cuts)
    windows = embedder.embed_windows(texts, max_len, "")
    return (windows, *halves_by_encoding(embedder, texts, cuts, windows.shape[2]))
