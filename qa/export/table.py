"""The review table (a row per pair, empty ``decision``/``comment`` columns for
the reviewer to fill in) and its CSV form, written and read back; the XLSX form
of the same rows is :mod:`qa.export.xlsx`.

CSV is written with a UTF-8 BOM because Excel only recognises UTF-8 CSV by
its BOM and otherwise shows 九龙治水 as mojibake.  A CSV text cell that a
spreadsheet would run as a formula (=, +, -, @ first) gets a leading
apostrophe, the OWASP guard; ``zhen review`` removes it again, so nothing
is lost on the way back.

The last column, ``zhen_key`` (hidden in XLSX), lets ``zhen review`` verify
the sheet against the run it came from; see :mod:`qa.export.sheet_key`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.model import Pair
from qa.model import Flag

from .shared import (
    Content,
    ReviewMark,
    flag_line,
    flags_by_pair,
    ids_text,
    worst_severity,
    write_output,
)
from .sheet_key import KEY_COLUMN, ids_spec, row_key

PAIR_COLUMNS = (
    "id",
    "zh",
    "en",
    "zh_ids",
    "en_ids",
    "score",
    "qe",
    "n_flags",
    "worst",
    "flags",
    "decision",
    "comment",
    KEY_COLUMN,
    "unit_id",  # the input's unit id (--pairs), so the final TM keeps it
)
# Document-level flags have an empty pair_id and list their pairs in pair_ids.
FLAG_COLUMNS = (
    "pair_id",
    "pair_ids",
    "severity",
    "category",
    "check",
    "message",
    "zh",
    "en",
    "suggestion",
)
DECISIONS = ("accept", "fix", "reject")
#: what makes Excel or LibreOffice read a CSV cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_guard(value: object) -> object:
    """Quote a text cell a spreadsheet would evaluate (CSV formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_unguard(value: str) -> str:
    """Undo :func:`csv_guard` on a cell read back from a review CSV."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def pair_rows(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    marks: Mapping[int, ReviewMark] | None = None,
) -> Iterator[list]:
    """One row per pair, ``PAIR_COLUMNS`` order; flags summarised one per line.
    Made as they are consumed, so a writer that streams holds one row at a time.

    With ``marks`` (a reviewed sheet written again by ``zhen review``) the
    flag, decision and comment cells come from the reviewer's sheet.
    """
    by_pair = flags_by_pair(flags)
    run = ids_spec([p.id for p in pairs])
    for p in pairs:
        own = by_pair.get(p.id, [])
        flag_cell, worst, decision, comment = (
            "\n".join(flag_line(f) for f in own), worst_severity(own), "", ""
        )
        mark = (marks or {}).get(p.id)
        if mark is not None:
            flag_cell, worst, comment = mark.flags, mark.worst, mark.comment
            decision = "" if mark.decision not in DECISIONS else mark.decision
        yield [
            p.id,
            p.zh,
            p.en,
            ids_text(p.zh_ids),
            ids_text(p.en_ids),
            "" if p.score is None else round(float(p.score), 4),
            "" if p.qe is None else round(float(p.qe), 1),
            len([line for line in flag_cell.splitlines() if line.strip()]),
            worst,
            flag_cell,
            decision,
            comment,
            row_key(p, run),
            p.unit_id or "",
        ]


def flag_rows(flags: Iterable[Flag]) -> Iterator[list]:
    """One row per flag, ``FLAG_COLUMNS`` order, made as they are consumed."""
    return (
        [
            "" if f.pair_id is None else f.pair_id,
            ids_text(f.pair_ids),
            f.severity,
            f.category,
            f.check,
            f.message,
            f.zh,
            f.en,
            f.suggestion or "",
        ]
        for f in flags
    )


def write_review_csv(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    marks: Mapping[int, ReviewMark] | None = None,
) -> None:
    """The pairs sheet as CSV (UTF-8 with BOM, RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PAIR_COLUMNS)
    writer.writerows([csv_guard(v) for v in row] for row in pair_rows(pairs, list(flags), marks))
    write_output(("\ufeff" + out.getvalue()).encode("utf-8"), path_or_file)


def read_rows(path: Path) -> list[list[str]]:
    """The cells of a review CSV as :func:`write_review_csv` wrote them (BOM and
    formula guards removed); InputError when it is not UTF-8."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: a review CSV must be UTF-8 (as zhen wrote it)") from None
    return [[csv_unguard(v) for v in row] for row in csv.reader(io.StringIO(text))]


def write_file(content: Content, target: Path) -> None:
    """The registry's writer (:mod:`qa.export.registry`): the review CSV of ``content``."""
    write_review_csv(content.pairs, content.flags, target, marks=content.marks)
