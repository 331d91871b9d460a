"""What ``zhen review`` writes from a verified sheet, and the summary that accounts for every pair.

The output format follows the extension of ``-o``: .tmx (the final TM),
.xlf (XLIFF 1.2: accepted and fixed units ``approved="yes"``), .tsv
(pairs.tsv), .xlsx or .csv (a review sheet of the kept pairs, for a second
reviewer).  Every pair of the sheet is either written or dropped for
a stated reason: rejected, pending under ``--drop-pending``, or one-sided in
a TMX (a unit needs both languages to be of use in a TM; tables keep it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages
from qa.export import registry
from qa.export.shared import Content, ExportOptions, ReviewMark, pair_is_one_sided
from qa.review import PENDING, ReviewedPair, ReviewSheet

#: the formats ``zhen review -o`` writes, named by the extension of -o (qa.export.registry)
OUTPUT_FORMATS = registry.REVIEW_OUTPUTS


@dataclass(frozen=True)
class ReviewOutcome:
    """The sheet's pairs split into kept (document order) and dropped, by reason."""

    kept: list[ReviewedPair]
    rejected: int
    pending: int  # dropped by --drop-pending
    one_sided: list[int]  # pair ids a TMX cannot hold


def output_format(out: Path, sheet: Path) -> str:
    """The format ``out`` asks for; InputError for an unknown one or for the input itself."""
    fmt = registry.by_extension(out, OUTPUT_FORMATS)
    if fmt is None:
        raise InputError(f"{out}: -o must end in {registry.extensions_of(OUTPUT_FORMATS)} "
                         f"(got '{out.suffix or 'no extension'}')")
    same = (os.path.samefile(out, sheet) if out.exists() and sheet.exists()
            else out.resolve() == sheet.resolve())
    if same:
        raise InputError(f"{out}: is the input sheet {sheet}; refusing to write over it "
                         "(choose another -o)")
    return fmt


def select(sheet: ReviewSheet, keep_pending: bool, both_sides: bool) -> ReviewOutcome:
    kept, rejected, pending, one_sided = [], 0, 0, []
    for r in sheet.pairs:
        if r.decision == "reject":
            rejected += 1
        elif r.decision == PENDING and not keep_pending:
            pending += 1
        elif both_sides and pair_is_one_sided(r.pair):
            one_sided.append(r.pair.id)
        else:
            kept.append(r)
    return ReviewOutcome(kept, rejected, pending, one_sided)


Marks = Mapping[int, ReviewMark]


def write_reviewed(fmt: str, content: Content, out: Path) -> None:
    """Write reviewed pairs through the format registry; a TMX must hold every kept pair
    (``select`` left out, with a reason, what a TMX cannot hold)."""
    result = registry.write(fmt, content, out)
    if fmt == "tmx" and result is not None and result.units != len(content.pairs):
        raise RuntimeError(f"TMX holds {result.units} of {len(content.pairs)} kept pairs")


def review_marks(outcome: ReviewOutcome) -> dict[int, ReviewMark]:
    """The reviewer's verdict on each kept pair, by pair id, for the writers."""
    return {r.pair.id: ReviewMark(r.decision, r.comment, r.flags, r.worst) for r in outcome.kept}


def write_outcome(outcome: ReviewOutcome, fmt: str, out: Path,
                  langs: Languages = DEFAULT_LANGS) -> int:
    """Write the kept pairs (atomically) in ``fmt``; the number written."""
    pairs = [r.pair for r in outcome.kept]
    write_reviewed(fmt, Content(pairs, (), review_marks(outcome), ExportOptions(langs)), out)
    return len(pairs)


def summary_line(sheet: ReviewSheet, outcome: ReviewOutcome, written: int, out: Path) -> str:
    """``N pairs in sheet: … → W written to FILE (X dropped: …)``; W + X = N."""
    decided = ", ".join(f"{sheet.count(d)} {label}" for d, label in (
        ("accept", "accepted"), ("fix", "fixed"), ("reject", "rejected"), (PENDING, "pending")))
    reasons = []
    if outcome.rejected:
        reasons.append(f"{outcome.rejected} rejected")
    if outcome.pending:
        reasons.append(f"{outcome.pending} pending (--drop-pending)")
    if outcome.one_sided:
        ids = ", ".join(map(str, outcome.one_sided))
        plural = "s" if len(outcome.one_sided) > 1 else ""
        reasons.append(f"{len(outcome.one_sided)} one-sided: pair{plural} {ids}")
    dropped = outcome.rejected + outcome.pending + len(outcome.one_sided)
    why = f": {', '.join(reasons)}" if reasons else ""
    return (f"{len(sheet.pairs)} pairs in sheet: {decided} → {written} written to {out} "
            f"({dropped} dropped{why})")
