"""The stages wired in order: read → segment → embed → align → check → score.

The CLI is a thin shell over these functions; tests and notebooks can call
them directly.  Export lives in qa/export and is driven from qa/outputs.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.model import Alignment, Bitext, Pair
from align.progress import stage
from qa.model import Check, Context, Flag
from qa.profile import Profile
from qa.zh_view import simplified_view

if TYPE_CHECKING:
    import numpy as np

    from align.pairs_io import PairsInput, SkippedUnit

#: a note taker, or an align.progress.Progress that also shows stages
Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


ZH_JOINER = ""
EN_JOINER = " "


@dataclass
class Report:
    """Everything one ``zhen check`` run produced, before export."""

    pairs: list[Pair]
    flags: list[Flag]
    bitext: Bitext | None = None
    alignment: Alignment | None = None
    profile: Profile = field(default_factory=Profile)
    skipped: tuple[SkippedUnit, ...] = ()
    #: fingerprint of the checks that ran and the embedding model's key, for score signatures
    checks: str = ""
    model: str = ""
    #: flags a dismissal memory (``--review-db``) left out; None when no memory was used
    dismissed: int | None = None


def segment_bitext(bitext: Bitext, presegmented: bool = False) -> Alignment:
    from align.segment import segment_en, segment_lines, segment_zh

    if presegmented:
        return Alignment(zh=segment_lines(bitext.zh), en=segment_lines(bitext.en))
    return Alignment(zh=segment_zh(bitext.zh), en=segment_en(bitext.en))


def align_bitext(bitext: Bitext, embedder, *, presegmented: bool = False,
                 progress: Progress = _quiet) -> Alignment:
    from align.aligner import align_segments

    segmented = segment_bitext(bitext, presegmented)
    progress(f"segmented: {len(segmented.zh)} zh, {len(segmented.en)} en sentences")
    beads = align_segments(segmented.zh, segmented.en, embedder, progress=progress)
    progress(f"aligned: {len(beads)} beads")
    return Alignment(zh=segmented.zh, en=segmented.en, beads=beads)


def pairs_from_alignment(alignment: Alignment) -> list[Pair]:
    """One Pair per bead, texts joined the way each language joins sentences."""
    pairs = []
    for i, bead in enumerate(alignment.beads):
        zh = [alignment.zh[j] for j in bead.zh]
        en = [alignment.en[j] for j in bead.en]
        anchor = zh[0] if zh else en[0] if en else None
        pairs.append(Pair(
            id=i,
            zh=ZH_JOINER.join(s.text for s in zh),
            en=EN_JOINER.join(s.text for s in en),
            zh_ids=tuple(bead.zh), en_ids=tuple(bead.en),
            score=round(float(bead.confidence), 4),
            para=anchor.para if anchor else 0,
            heading=any(s.heading for s in zh + en) and all(s.heading for s in zh + en),
        ))
    return pairs


#: pairs checked together: the pair checks' embeddings (clauses, windows, leave-one-out
#: variants; ~0.1 MB a pair) live only while their chunk is checked, so peak memory is set
#: by this, not by the size of the memory
CHUNK_PAIRS = 500

#: document-scope checks that judge every pair on its own: they are document-scope only to
#: embed all their pairs' clauses in one batch, so they run chunk by chunk with the pair
#: checks (a test holds the flags of small chunks equal to those of one chunk)
PAIR_LOCAL_DOCUMENT_CHECKS = frozenset({
    "omission", "addition", "direction", "modality", "polarity", "time-expression"})


def _chunks(pairs: Sequence[Pair], size: int | None) -> list[Sequence[Pair]]:
    if not size or len(pairs) <= size:
        return [pairs]
    return [pairs[i:i + size] for i in range(0, len(pairs), size)]


def _run_on(pairs: Sequence[Pair], checks: Sequence[Check], profile: Profile,
            resources: dict[str, Any] | None, done: Callable[[Check], None]) -> list[Flag]:
    """``checks`` on ``pairs`` through the markup and Simplified views, flags restored."""
    from qa.markup import MarkupViews

    views = MarkupViews.of(pairs)
    view = simplified_view(views.pairs)
    ctx = Context(pairs=view.pairs, resources={**(resources or {}), "raw_pairs": views.raw},
                  options=dict(profile.options))
    flags: list[Flag] = []
    for check in checks:
        flags.extend(check.run_all(ctx))
        done(check)
    return [profile.apply(views.restore(f)) for f in view.restore(flags)]


def split_checks(checks: Sequence[Check], profile: Profile) -> tuple[list[Check], list[Check]]:
    """The profile's active checks as (pair-local, document-wide).

    Pair-local checks judge each pair on its own, so any split of the pairs
    (chunks here, Dask partitions in :mod:`qa.batch_partition`) gives their flags;
    the document-wide ones must see every pair at once.
    """
    active = profile.active(tuple(checks))
    local = [c for c in active if c.scope == "pair" or c.id in PAIR_LOCAL_DOCUMENT_CHECKS]
    return local, [c for c in active if c not in local]


@dataclass
class Checked:
    """What checking some pairs gives: the flags, and, when the quality estimate was asked
    for, each pair's flag-independent QE features (those of qa.qe_features.TEXT_FEATURES
    the model reads)."""

    flags: list[Flag]
    #: (pairs, the model's text features: qa.qe.qe_text_rows) float64 in the pairs' order;
    #: None when not computed
    qe_rows: np.ndarray | None = None


def check_locally(pairs: Sequence[Pair], local: Sequence[Check], profile: Profile,
                  resources: dict[str, Any] | None, chunk_size: int | None = CHUNK_PAIRS,
                  done: Callable[[Check, bool], None] = lambda check, last: None,
                  qe_embedder=None) -> Checked:
    """Flags of the pair-local ``local`` checks, ``chunk_size`` pairs at a time (unsorted).

    ``done(check, last)`` is told when a check finished a chunk, ``last`` on the last chunk.
    With ``qe_embedder``, each chunk's QE text features are computed right after its
    checks, on the pairs as given, their cosines from ``qe_embedder``: the pairs' jieba
    words, tokens, stems, numbers and side vectors are then still in the checks' caches
    and the run's memo, where a quality estimate after every check finds few of them.
    """
    from functools import partial

    chunks = _chunks(pairs, chunk_size)
    flags: list[Flag] = []
    rows = []
    for n, chunk in enumerate(chunks, 1):
        flags += _run_on(chunk, local, profile, resources, partial(done, last=n == len(chunks)))
        if qe_embedder is not None:
            from qa.qe import qe_text_rows

            rows.append(qe_text_rows(chunk, qe_embedder))
    if qe_embedder is None:
        return Checked(flags)
    import numpy as np

    return Checked(flags, np.concatenate(rows))


def check_whole(pairs: Sequence[Pair], whole: Sequence[Check], profile: Profile,
                resources: dict[str, Any] | None,
                done: Callable[[Check], None] = lambda check: None) -> list[Flag]:
    """Flags of the document-wide ``whole`` checks, run once on every pair (unsorted)."""
    return _run_on(pairs, whole, profile, resources, done) if whole else []


def drop_superseded(flags: Sequence[Flag], checks: Sequence[Check]) -> list[Flag]:
    """``flags`` without those another check's flag replaces (``Check.supersedes``): a flag of
    check B goes when a check that supersedes B flagged the same pair and Chinese spans."""
    replaced = {c.id: c.supersedes for c in checks if c.supersedes}
    if not replaced:
        return list(flags)
    gone = {(f.pair_id, f.pair_ids, f.zh_spans, b)
            for f in flags for b in replaced.get(f.check, ()) if f.zh_spans}
    return [f for f in flags if (f.pair_id, f.pair_ids, f.zh_spans, f.check) not in gone]


def sort_flags(flags: list[Flag]) -> list[Flag]:
    """Flags in pair order, then by check: the same order however they were produced
    (a stable sort, and each check's own flags come from one run of it)."""
    return sorted(flags, key=lambda f: (f.pair_id if f.pair_id is not None else
                                        (min(f.pair_ids) if f.pair_ids else -1), f.check))


def run_checks(pairs: Sequence[Pair], checks: Sequence[Check], profile: Profile,
               resources: dict[str, Any] | None = None,
               progress: Progress = _quiet, chunk_size: int | None = CHUNK_PAIRS) -> list[Flag]:
    """Run pair checks on every pair, then document checks; order is stable.

    Checks see the pairs with markup removed (qa/markup.py) and Traditional
    Chinese through a Simplified view of equal length (qa/zh_view.py); their
    flags get the original texts and spans back, innermost view first.
    ``resources["raw_pairs"]`` holds the pairs as read, for the tags check.
    Checks that judge each pair on its own run on ``chunk_size`` pairs at a
    time (None: all at once), each chunk's views and embeddings freed before
    the next; the document-wide ones (consistency, duplicates, spelling of
    names) then run once on all pairs.  The flags do not depend on the size.
    """
    return check_pairs(pairs, checks, profile, resources, progress, chunk_size).flags


def check_pairs(pairs: Sequence[Pair], checks: Sequence[Check], profile: Profile,
                resources: dict[str, Any] | None = None, progress: Progress = _quiet,
                chunk_size: int | None = CHUNK_PAIRS, qe_embedder=None,
                release_embedder: bool = False) -> Checked:
    """:func:`run_checks`, and with ``qe_embedder`` the pairs' QE text features too
    (computed chunk by chunk with the checks: :func:`check_locally`).  With
    ``release_embedder`` the embedders drop what they keep once the pair-local checks are
    done (:func:`_release_embedder`; :func:`check_input` asks for it, being done embedding)."""
    local, whole = split_checks(checks, profile)
    n_chunks = len(_chunks(pairs, chunk_size))
    with stage(progress, "checks", len(local) * n_chunks + len(whole), "check") as tick:
        def done(check: Check, last: bool = True) -> None:
            if last:
                progress(f"check {check.id}: done")
            tick(1)

        checked = check_locally(pairs, local, profile, resources, chunk_size, done, qe_embedder)
        if release_embedder and not any("embedder" in c.needs for c in whole):
            _release_embedder(resources, qe_embedder)
        flags = checked.flags + check_whole(pairs, whole, profile, resources, done)
    return Checked(sort_flags(drop_superseded(flags, [*local, *whole])), checked.qe_rows)


def _release_embedder(resources: dict[str, Any] | None, *embedders) -> None:
    """Let the run's embedder drop its memo's vectors and the model's kept rows (about 250 MiB
    when full) once the pair-local checks are done.

    Why here: the document-wide checks that follow need no model, and they hold a whole
    memory's indexes, so a run over a translation memory peaks while they run; the quality
    estimate reads the features the checks computed.  The embedder still works afterwards
    (a caller that embeds again refills what it needs), but a text embedded again in another
    batch may differ in its last bits, so a caller that compares vectors across the checks
    keeps them (the default of :func:`check_pairs`).
    """
    from align.embed_protocol import release

    for embedder in ((resources or {}).get("embedder"), *embedders):
        release(embedder)  # idempotent, and nothing for None or an embedder that keeps nothing


def estimate_quality(pairs: Sequence[Pair], flags: Sequence[Flag], embedder,
                     progress: Progress = _quiet, chunk_size: int | None = CHUNK_PAIRS,
                     qe_rows: np.ndarray | None = None) -> list[Pair]:
    """The pairs with their ``qe`` score (qa/qe.py), which reads the checks' pair flags.

    ``qe_rows``: the pairs' QE text features when the checks computed them
    (:attr:`Checked.qe_rows`, one row per pair in order); the score then only adds
    the flag counts, and ``embedder`` is not used.  Without them they are computed
    here, ``chunk_size`` pairs at a time: a score depends only on its own pair and
    flags, and the pair embeddings of a chunk are freed before the next.
    """
    from qa.qe import with_qe

    if qe_rows is not None and len(qe_rows) != len(pairs):
        raise ValueError(f"{len(qe_rows)} QE feature rows for {len(pairs)} pairs")
    by_pair: dict[int, list[Flag]] = {}
    for f in flags:
        if f.pair_id is not None:
            by_pair.setdefault(f.pair_id, []).append(f)
    scored: list[Pair] = []
    at = 0
    for chunk in _chunks(pairs, chunk_size):
        rows = None if qe_rows is None else qe_rows[at:at + len(chunk)]
        at += len(chunk)
        scored += with_qe(chunk, embedder, [f for p in chunk for f in by_pair.get(p.id, ())], rows)
    progress("quality estimate: done")
    return scored


def read_input(input_path: str | Path, en_path: str | Path | None, *,
               pairs_mode: bool) -> tuple[Bitext | None, PairsInput | None]:
    """The bitext to align, or (``--pairs``) what the pairs reader read:
    pairs, skipped units and the detected encoding."""
    if pairs_mode:
        from align.pairs_io import read_pairs

        if en_path is not None:
            from align.errors import InputError

            raise InputError("--pairs takes one pairs file (TSV, TMX or XLIFF), not two files")
        return None, read_pairs(input_path)
    from align.read import read_bitext

    return read_bitext(input_path, en_path), None


def pairs_read_note(input_path: str | Path, pairs_input: PairsInput) -> str:
    """The progress line saying what the pairs reader read from ``input_path``."""
    return (f"read {input_path} ({pairs_input.encoding}): {pairs_input.units} units, "
            f"{len(pairs_input.pairs)} pairs")


def check_input(input_path: str | Path, en_path: str | Path | None, *, pairs_mode: bool,
                presegmented: bool, checks: Sequence[Check], profile: Profile,
                resources: dict[str, Any], embedder: Callable[[], Any],
                progress: Progress = _quiet,
                on_pairs_input: Callable[[PairsInput], None] | None = None,
                flag_filter: Callable[[list[Flag]], list[Flag]] | None = None,
                chunk_size: int | None = CHUNK_PAIRS) -> Report:
    """Read, align (unless ``pairs_mode``), check and score one input: the body of ``zhen check``.

    ``zhen batch`` runs the same function per input, so a batch row and a
    ``zhen check`` run on the same file give the same flags and score.
    ``embedder`` is called once the input has been read, so that bad input
    fails in a moment instead of after the model has loaded.
    ``on_pairs_input`` sees what the pairs reader read (skipped units,
    renamed ids) before any work, so the CLI can tell the user.
    ``flag_filter`` (the review's dismissal memory) takes flags out before
    the quality estimate, so qe and the score do not count them either.
    ``chunk_size``: pairs checked and scored at a time (see :func:`run_checks`).
    """
    bitext, pairs_input = read_input(input_path, en_path, pairs_mode=pairs_mode)
    pairs: list[Pair] = []
    skipped: tuple = ()
    if pairs_input is not None:
        progress(pairs_read_note(input_path, pairs_input))
        if on_pairs_input is not None:
            on_pairs_input(pairs_input)
        pairs, skipped = list(pairs_input.pairs), tuple(pairs_input.skipped)
    from qa.embed_memo import memoised

    embedder = embedder()
    alignment = None
    if bitext is not None:
        progress(f"read {bitext.source} ({bitext.encoding})")
        if bitext.trailer:
            progress(f"kept out of alignment: trailer of {len(bitext.trailer)} characters")
        alignment = align_bitext(bitext, embedder, presegmented=presegmented, progress=progress)
        pairs = pairs_from_alignment(alignment)
    # one memo of text → vector for every check and the quality estimate (qa/embed_memo.py)
    embedder = memoised(embedder)
    resources = {**resources, "embedder": embedder}
    checked = check_pairs(pairs, checks, profile, resources, progress, chunk_size, qe_embedder=embedder,
                          release_embedder=True)
    flags, dismissed = filter_flags(checked.flags, flag_filter)
    pairs = estimate_quality(pairs, flags, embedder, progress=progress, chunk_size=chunk_size,
                             qe_rows=checked.qe_rows)
    return Report(pairs=pairs, flags=flags, bitext=bitext, alignment=alignment, profile=profile,
                  skipped=skipped, checks=profile.fingerprint(checks), dismissed=dismissed,
                  model=embedder_key(embedder))


def filter_flags(flags: list[Flag], flag_filter: Callable[[list[Flag]], list[Flag]] | None
                 ) -> tuple[list[Flag], int | None]:
    """The flags ``flag_filter`` keeps and how many it took out (None: no filter), for
    :attr:`Report.dismissed` and the score's signature."""
    if flag_filter is None:
        return flags, None
    kept = flag_filter(flags)
    return kept, len(flags) - len(kept)


def embedder_key(embedder) -> str:
    """The embedding model's key for score signatures (its class name when it has none)."""
    return getattr(embedder, "key", type(embedder).__name__)
