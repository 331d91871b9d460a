"""The pairs and their QA flags as an XLIFF 1.2 review file: open the
alignment in OmegaT, Okapi Rainbow or a CAT tool and see which units QA flagged.

The container is written by :mod:`align.formats.xliff` (streamed, valid
against the OASIS 1.2 strict schema); this module decides what each unit says:

* a flagged unit's target gets ``state="needs-review-translation"`` (the
  XLIFF 1.2 state for "translation may be wrong"), an unflagged one
  ``translated``; a Chinese sentence with no English an empty target with
  ``needs-translation``; English with no Chinese an empty source and
  ``translate="no"``.  One-sided pairs are kept: review is where a missing
  sentence must be seen;
* ``state-qualifier`` where XLIFF has a value for the worst flag's reason:
  ``rejected-inaccurate`` (Accuracy), ``rejected-spelling``,
  ``rejected-grammar`` (Fluency/Spelling, /Grammar); none otherwise;
* each flag is a ``<note from="zhen" annotates="general">`` whose
  ``priority`` follows severity (critical 1, major 3, minor 5; 1 is highest);
  the segment ids and alignment confidence a ``from="zhen-align"`` note;
* ``approved="yes"`` marks a human sign-off: units a reviewer accepted in
  ``zhen review``.  zhen finding nothing is not a sign-off, but tools built
  on translate-toolkit (Weblate, Pootle, Virtaal) treat every unit without
  ``approved="yes"`` as fuzzy, which hides the flagged ones among the rest;
  ``approve_unflagged=True`` marks units with no flag approved for those
  tools (state stays "translated", never "signed-off").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from align.formats import xliff as xliff_format
from align.formats.unit import Note, Unit
from align.formats.xliff import XLIFF_NS  # noqa: F401 (part of this module's API)
from align.model import Pair
from qa.model import SEVERITIES, Flag

from .shared import (
    DEFAULT_OPTIONS,
    Content,
    ExportOptions,
    ExportResult,
    ReviewMark,
    flag_line,
    flags_by_pair,
    ids_text,
    output_unit_ids,
    stream_output,
    tool_version,
)

PRIORITY = {"critical": 1, "major": 3, "minor": 5}
#: MQM category (or its top level) → XLIFF 1.2 state-qualifier
QUALIFIER = {
    "fluency/spelling": "rejected-spelling",
    "fluency/grammar": "rejected-grammar",
    "accuracy": "rejected-inaccurate",
}


def state_qualifier(flags: Sequence[Flag]) -> str:
    """The qualifier for the worst flag that has one ('' for none)."""
    ranked = sorted(flags, key=lambda f: -SEVERITIES.index(f.severity)
                    if f.severity in SEVERITIES else 1)
    for flag in ranked:
        category = flag.category.lower()
        found = QUALIFIER.get(category) or QUALIFIER.get(category.split("/")[0])
        if found:
            return found
    return ""


def xliff_units(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    marks: Mapping[int, ReviewMark],
    approve_unflagged: bool,
) -> Iterator[Unit]:
    by_pair = flags_by_pair(flags)
    unit_ids = output_unit_ids(pairs)
    for pair in pairs:
        own = by_pair.get(pair.id, [])
        mark = marks.get(pair.id)
        has_en = bool(pair.en.strip())
        # a review sheet written again (zhen review) knows its flags only as the sheet's
        # lines; an export of a reviewed run has the flags themselves: never both
        lines = ([line.strip() for line in mark.flags.splitlines() if line.strip()]
                 if mark and not own else [])
        flagged = bool(own or lines)
        if mark is not None:
            approved = mark.decision in ("accept", "fix")
        else:
            approved = approve_unflagged and not own
        if not has_en:
            state = "needs-translation"
        elif mark is not None and mark.decision in ("accept", "fix"):
            state = "signed-off" if mark.decision == "accept" else "translated"
        elif flagged:
            state = "needs-review-translation"
        else:
            state = "translated"
        context = f"zh {ids_text(pair.zh_ids) or '-'} | en {ids_text(pair.en_ids) or '-'}"
        if pair.score is not None:
            context += f" | alignment confidence {pair.score:.2f}"
        notes = [Note(context, "zhen-align", 10)]
        notes += [Note(flag_line(f), "zhen", PRIORITY.get(f.severity, 5), "general")
                  for f in own]
        notes += [Note(line, "zhen", PRIORITY.get(line[1:].split("]")[0], 5), "general")
                  for line in lines]
        if mark is not None and mark.comment:
            notes.append(Note(mark.comment, "reviewer", None, "general"))
        yield Unit(
            unit_ids[pair.id], pair.zh, pair.en, pair.zh_codes, pair.en_codes,
            notes=tuple(notes), state=state,
            state_qualifier=state_qualifier(own) if state == "needs-review-translation" else "",
            approved=approved,
        )


def write_xliff(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    options: ExportOptions = DEFAULT_OPTIONS,
    original: str = "zhen-alignment",
    approve_unflagged: bool = False,
    marks: Mapping[int, ReviewMark] | None = None,
    name: str = "XLIFF",
) -> ExportResult:
    """Write the review XLIFF (a path atomically), streaming; what was
    written comes back for the summary."""
    units = xliff_units(pairs, flags, marks or {}, approve_unflagged)

    def write(fh: IO[bytes]):
        return xliff_format.write(units, fh, langs=options.langs, original=original,
                                  tool_version=tool_version())

    stats = stream_output(path_or_file, write)
    return ExportResult(name, units=stats.units, removed_chars=stats.removed_chars)


def write_file(content: Content, target: Path) -> ExportResult:
    """The registry's writer (:mod:`qa.export.registry`): the review XLIFF of ``content``."""
    return write_xliff(content.pairs, content.flags, target, options=content.options,
                       marks=content.marks, name=target.name)
