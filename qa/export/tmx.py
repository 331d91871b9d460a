"""The aligned pairs and their QA results as a TMX translation memory.

The container is written by :mod:`align.formats.tmx` (streamed, TMX 1.4b,
validated against the DTD); this module decides what each unit carries:

* ``tuid`` = the input's unit id (else the pair id; made unique);
* props: ``x-zhen-confidence`` (alignment score), ``x-zhen-qe`` (quality
  estimate, qa/qe.py), ``x-zhen-flags`` (check ids of the unit's flags,
  space-separated), ``x-zhen-severity`` (the worst of them),
  ``x-zhen-zh-ids`` / ``x-zhen-en-ids`` (segment ids), ``x-zhen-para``,
  ``x-zhen-heading``, and after ``zhen review`` ``x-zhen-decision``;
* one ``<note>`` per flag ("[severity] check (category): message") and the
  reviewer's comment.

CAT tools filter and sort on props (memoQ and Trados map them to custom
fields; OmegaT keeps them), so the props are the machine-readable copy and
the notes the readable one.

One-sided pairs (1-0 / 0-1 beads) are left out by default: a unit with one
variant is legal TMX but useless for leverage, and OmegaT and Trados drop or
report such units on import.  ``one_sided="keep"`` keeps them with their
single variant and a note, for archiving the full alignment.  The export
filters of :class:`~qa.export.shared.ExportOptions` leave out doubtful units
so a team can import only trustworthy ones; every unit left out is counted.
Only a unit's own flags leave it out: a document-level flag (a term
translated two ways) is on every unit it names but blames none of them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

from align.errors import InputError
from align.formats import tmx as tmx_format
from align.formats.tmx import DTD_NAME, tmx_date  # noqa: F401 (part of this module's API)
from align.formats.tmx import validate as validate_tmx  # noqa: F401
from align.formats.unit import Note, Unit
from align.model import Alignment, Pair
from qa.model import SEVERITIES, Flag

from .shared import (
    DEFAULT_OPTIONS,
    Content,
    ExportOptions,
    ExportResult,
    ReviewMark,
    flag_checks,
    flag_line,
    flags_by_pair,
    ids_text,
    output_unit_ids,
    stream_output,
    worst_severity,
)
from .shared import tool_version as zhen_version

#: the check id of a flag line "[major] number-mismatch (Accuracy/Number): …"
_FLAG_LINE = re.compile(r"^\[(\w+)\]\s+(\S+)")


def _mark_checks(mark: ReviewMark) -> tuple[str, str]:
    """Check ids and worst severity from a review sheet's flag cell."""
    found = [m.groups() for m in map(_FLAG_LINE.match, mark.flags.splitlines()) if m]
    checks = " ".join(dict.fromkeys(check for _, check in found))
    ranked = [SEVERITIES.index(s) for s, _ in found if s in SEVERITIES]
    worst = mark.worst or (SEVERITIES[max(ranked)] if ranked else "")
    return checks, worst


def _left_out(pair: Pair, worst: str, options: ExportOptions, result: ExportResult) -> bool:
    """Apply the export filters to one pair, counting what they leave out."""
    if (options.min_confidence is not None and pair.score is not None
            and pair.score < options.min_confidence):
        result.below_confidence += 1
        return True
    if (options.exclude_severity is not None and worst in SEVERITIES
            and SEVERITIES.index(worst) >= SEVERITIES.index(options.exclude_severity)):
        result.excluded_severity += 1
        return True
    return False


def tmx_units(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    marks: Mapping[int, ReviewMark],
    one_sided: str,
    options: ExportOptions,
    result: ExportResult,
) -> Iterator[Unit]:
    """Each pair as the unit the TMX holds, or nothing when left out (counted)."""
    by_pair = flags_by_pair(flags)
    tuids = output_unit_ids(pairs)
    for pair in pairs:
        has_zh, has_en = bool(pair.zh.strip()), bool(pair.en.strip())
        if not (has_zh or has_en):
            continue
        if not (has_zh and has_en) and one_sided == "skip":
            result.one_sided += 1
            continue
        own = by_pair.get(pair.id, [])
        mark = marks.get(pair.id)
        checks, worst = (flag_checks(own), worst_severity(own)) if mark is None else _mark_checks(mark)
        # A document-level flag (a term translated two ways across the
        # document) names no single wrong unit: only the unit's own flags
        # can leave it out of a clean TM.
        own_worst = worst if mark is not None else worst_severity(
            [f for f in own if f.pair_id is not None])
        if _left_out(pair, own_worst, options, result):
            continue
        props: list[tuple[str, str]] = []
        if pair.score is not None:
            props.append(("x-zhen-confidence", f"{pair.score:.4f}"))
        if pair.qe is not None:
            props.append(("x-zhen-qe", f"{pair.qe:.1f}"))
        if checks:
            props += [("x-zhen-flags", checks), ("x-zhen-severity", worst)]
        for kind, ids in (("x-zhen-zh-ids", pair.zh_ids), ("x-zhen-en-ids", pair.en_ids)):
            if ids:
                props.append((kind, ids_text(ids)))
        props.append(("x-zhen-para", str(pair.para)))
        if pair.heading:
            props.append(("x-zhen-heading", "true"))
        if mark is not None:
            props.append(("x-zhen-decision", mark.decision))
        notes: list[str] = []
        if not has_en:
            notes.append("zhen: Chinese sentence with no English counterpart (1-0 bead)")
        elif not has_zh:
            notes.append("zhen: English sentence with no Chinese counterpart (0-1 bead)")
        notes += [flag_line(flag) for flag in own]
        if mark is not None and mark.comment:
            notes.append(mark.comment)
        yield Unit(tuids[pair.id], pair.zh, pair.en, pair.zh_codes, pair.en_codes,
                   tuple(props), tuple(Note(n) for n in notes))


def export_tmx(
    pairs: Sequence[Pair],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    flags: Iterable[Flag] | None = None,
    options: ExportOptions = DEFAULT_OPTIONS,
    tool_version: str | None = None,
    creationdate: datetime | None = None,
    one_sided: Literal["skip", "keep"] = "skip",
    marks: Mapping[int, ReviewMark] | None = None,
    name: str = "TMX",
) -> ExportResult:
    """Write ``pairs`` as TMX 1.4b (a path atomically, an open file as is),
    streaming; what was written and left out comes back for the summary.

    ``marks`` (from ``zhen review``) take the place of ``flags``: the props
    and notes then come from the reviewed sheet.
    """
    if one_sided not in ("skip", "keep"):
        raise InputError(f"one_sided must be 'skip' or 'keep', not {one_sided!r}")
    result = ExportResult(name, filtered=True)
    units = tmx_units(pairs, flags or (), marks or {}, one_sided, options, result)

    def write(fh: IO[bytes]):
        return tmx_format.write(units, fh, langs=options.langs,
                                tool_version=tool_version or zhen_version(),
                                creationdate=creationdate)

    stats = stream_output(path_or_file, write)
    result.units, result.removed_chars = stats.units, stats.removed_chars
    return result


def write_tmx(
    pairs: Sequence[Pair], path_or_file: str | os.PathLike[str] | IO, **options: Any
) -> int:
    """:func:`export_tmx` (same keyword options), returning only the number
    of ``<tu>`` written."""
    return export_tmx(pairs, path_or_file, **options).units


def write_alignment(alignment: Alignment, target: Path | IO[bytes]) -> None:
    """``zhen align --format tmx``: the aligned pairs as a TMX 1.4b memory."""
    from qa.pipeline import pairs_from_alignment

    write_tmx(pairs_from_alignment(alignment), target)


def write_file(content: Content, target: Path) -> ExportResult:
    """The registry's writer (:mod:`qa.export.registry`): the TM of ``content``."""
    return export_tmx(content.pairs, target, flags=content.flags, options=content.options,
                      marks=content.marks, name=target.name)
