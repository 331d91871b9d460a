"""Spreadsheet review: CSV and XLSX with a row per pair and empty
``decision``/``comment`` columns for the reviewer to fill in.

CSV is written with a UTF-8 BOM because Excel only recognises UTF-8 CSV by
its BOM and otherwise shows 九龙治水 as mojibake.  A CSV text cell that a
spreadsheet would run as a formula (=, +, -, @ first) gets a leading
apostrophe, the OWASP guard; ``zhen review`` removes it again, so nothing
is lost on the way back.  In XLSX every text cell
is forced to a string cell: openpyxl would otherwise store a sentence that
starts with "=" as a formula (wrong, and a formula-injection risk), and
control characters (which XLSX cannot hold) are removed.

The last column, ``zhen_key`` (hidden in XLSX), lets ``zhen review`` verify
the sheet against the run it came from; see :mod:`qa.export.sheet_key`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

from align.formats.unit import DEFAULT_LANGS, Languages
from align.model import Pair
from qa.model import Flag

from .shared import (
    ReviewMark,
    flag_line,
    flags_by_pair,
    ids_text,
    worst_severity,
    write_output,
    xml_safe,
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
) -> list[list]:
    """One row per pair, ``PAIR_COLUMNS`` order; flags summarised one per line.

    With ``marks`` (a reviewed sheet written again by ``zhen review``) the
    flag, decision and comment cells come from the reviewer's sheet.
    """
    by_pair = flags_by_pair(flags)
    run = ids_spec([p.id for p in pairs])
    rows = []
    for p in pairs:
        own = by_pair.get(p.id, [])
        flag_cell, worst, decision, comment = (
            "\n".join(flag_line(f) for f in own), worst_severity(own), "", ""
        )
        mark = (marks or {}).get(p.id)
        if mark is not None:
            flag_cell, worst, comment = mark.flags, mark.worst, mark.comment
            decision = "" if mark.decision not in DECISIONS else mark.decision
        rows.append(
            [
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
        )
    return rows


def flag_rows(flags: Iterable[Flag]) -> list[list]:
    return [
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
    ]


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


def _sheet_rows(ws, header: Sequence[str], rows: Iterable[list], *, bold=None, wrap=None,
                comments: Mapping[str, str] | None = None) -> int:
    """Append the header (bold, with ``comments`` by column name) and the rows to a
    write-only sheet; text that starts with "=" stays text.  Returns the rows written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment

    heads = []
    for name in header:
        cell = WriteOnlyCell(ws, name)
        cell.font = bold
        if comments and name in comments:
            cell.comment = Comment(comments[name], "zhen")
        heads.append(cell)
    ws.append(heads)
    n = 0
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, xml_safe(value) if isinstance(value, str) else value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            if wrap is not None:
                cell.alignment = wrap
            cells.append(cell)
        ws.append(cells)
        n += 1
    return n


def review_workbook(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    marks: Mapping[int, ReviewMark] | None = None,
    langs: Languages = DEFAULT_LANGS,
):
    """An openpyxl write-only Workbook with sheets "Pairs" and "Flags".

    The zh and en header cells keep their names (``zhen review`` reads them)
    and carry the language codes as cell comments, the codes also written
    into TMX and XLIFF; the workbook's language property is the target's.
    Write-only, so that rows go to disk as they are added: a workbook of
    cell objects took ~8 KB a pair, most of a 100,000-pair run's memory.
    """
    from openpyxl import Workbook  # ~0.2 s to import; only needed for xlsx
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    flags = list(flags)
    bold = Font(bold=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Pairs")
    widths = {"zh": 50, "en": 60, "flags": 60, "comment": 40, "decision": 12}
    for i, name in enumerate(PAIR_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(name, 9)
    # the key is for zhen review, not for the reviewer's eyes
    ws.column_dimensions[get_column_letter(len(PAIR_COLUMNS))].hidden = True
    ws.freeze_panes = "B2"
    if pairs:
        col = get_column_letter(PAIR_COLUMNS.index("decision") + 1)
        rule = DataValidation(
            type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True
        )
        ws.data_validations.append(rule)  # add_data_validation, which write-only sheets lack
        rule.add(f"{col}2:{col}{len(pairs) + 1}")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(PAIR_COLUMNS))}{len(pairs) + 1}"
    _sheet_rows(ws, PAIR_COLUMNS, pair_rows(pairs, flags, marks), bold=bold,
                wrap=Alignment(wrap_text=True, vertical="top"),
                comments={"zh": langs.src, "en": langs.tgt})
    wb.properties.language = langs.tgt

    fs = wb.create_sheet("Flags")
    fs.freeze_panes = "A2"
    _sheet_rows(fs, FLAG_COLUMNS, flag_rows(flags), bold=bold)
    return wb


def write_review_xlsx(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    marks: Mapping[int, ReviewMark] | None = None,
    langs: Languages = DEFAULT_LANGS,
) -> None:
    """The review workbook (a path is written atomically)."""
    buf = io.BytesIO()
    review_workbook(pairs, flags, marks, langs).save(buf)
    write_output(buf.getvalue(), path_or_file)
