"""The stages wired in order: read → segment → embed → align → check → score.

The CLI is a thin shell over these functions; tests and notebooks can call
them directly.  Export lives in qa/export and is driven from qa/outputs.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.model import Alignment, Bitext, Pair
from qa.model import Check, Context, Flag
from qa.profile import Profile

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
    #: fingerprint of the checks that ran and the embedding model's key, for score signatures
    checks: str = ""
    model: str = ""


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
    beads = align_segments(segmented.zh, segmented.en, embedder)
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


def run_checks(pairs: Sequence[Pair], checks: Sequence[Check], profile: Profile,
               resources: dict[str, Any] | None = None,
               progress: Progress = _quiet) -> list[Flag]:
    """Run pair checks on every pair, then document checks; order is stable."""
    ctx = Context(pairs=list(pairs), resources=dict(resources or {}),
                  options=dict(profile.options))
    flags: list[Flag] = []
    active = profile.active(tuple(checks))
    for check in active:
        flags.extend(check.run_all(ctx))
        progress(f"check {check.id}: done")
    flags = [profile.apply(f) for f in flags]
    flags.sort(key=lambda f: (f.pair_id if f.pair_id is not None else
                              (min(f.pair_ids) if f.pair_ids else -1), f.check))
    return flags


def read_input(input_path: str | Path, en_path: str | Path | None, *, pairs_mode: bool) -> tuple[Bitext | None, list[Pair] | None]:
    if pairs_mode:
        from align.pairs_io import read_pairs

        if en_path is not None:
            from align.errors import InputError

            raise InputError("--pairs takes one pairs file (TSV, TMX or XLIFF), not two files")
        return None, read_pairs(input_path)
    from align.read import read_bitext

    return read_bitext(input_path, en_path), None


def check_input(input_path: str | Path, en_path: str | Path | None, *, pairs_mode: bool,
                presegmented: bool, checks: Sequence[Check], profile: Profile,
                resources: dict[str, Any], embedder: Callable[[], Any],
                progress: Progress = _quiet) -> Report:
    """Read, align (unless ``pairs_mode``) and check one input: the body of ``zhen check``.

    ``zhen batch`` runs the same function per input, so a batch row and a
    ``zhen check`` run on the same file give the same flags and score.
    ``embedder`` is called once the input has been read, so that bad input
    fails in a moment instead of after the model has loaded.
    """
    bitext, pairs = read_input(input_path, en_path, pairs_mode=pairs_mode)
    embedder = embedder()
    resources = {**resources, "embedder": embedder}
    alignment = None
    if bitext is not None:
        progress(f"read {bitext.source} ({bitext.encoding})")
        if bitext.trailer:
            progress(f"kept out of alignment: trailer of {len(bitext.trailer)} characters")
        alignment = align_bitext(bitext, embedder, presegmented=presegmented, progress=progress)
        pairs = pairs_from_alignment(alignment)
    flags = run_checks(pairs, checks, profile, resources, progress=progress)
    return Report(pairs=pairs, flags=flags, bitext=bitext, alignment=alignment, profile=profile,
                  checks=profile.fingerprint(checks),
                  model=getattr(embedder, "key", type(embedder).__name__))
