"""The review sheet as XLSX: written by ``zhen check``/``zhen review``/``zhen export``,
read back by ``zhen review``.

The rows are the review table's (:mod:`qa.export.table`: columns, flag
summaries, the hidden ``zhen_key``).  Every text cell is forced to a string
cell: openpyxl would otherwise store a sentence that starts with "=" as a
formula (wrong, and a formula-injection risk), and control characters (which
XLSX cannot hold) are removed.  openpyxl is imported only when a sheet is
written or read.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages
from align.model import Pair
from qa.model import Flag

from .shared import Content, ReviewMark, write_output, xml_safe
from .table import DECISIONS, FLAG_COLUMNS, PAIR_COLUMNS, flag_rows, pair_rows


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


def read_rows(path: Path) -> list[list[str]]:
    """The cells of the "Pairs" sheet (else the first sheet) as text, "" for empty;
    InputError when the file is no readable workbook."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a damaged file
        raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__})") from None
    ws = wb["Pairs"] if "Pairs" in wb.sheetnames else wb.worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]


def write_file(content: Content, target: Path) -> None:
    """The registry's writer (:mod:`qa.export.registry`): the review workbook of ``content``."""
    write_review_xlsx(content.pairs, content.flags, target, marks=content.marks,
                      langs=content.options.langs)
