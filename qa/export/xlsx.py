"""The review sheet as XLSX: written by ``zhen check``/``zhen review``/``zhen export``,
read back by ``zhen review``.

The rows are the review table's (:mod:`qa.export.table`: columns, flag
summaries, the hidden ``zhen_key``), streamed into the workbook by
:mod:`qa.export.spreadsheetml` as they are made.  Every text cell is a string
cell, so a sentence that starts with "=" is text, never a formula (wrong, and
a formula-injection risk), and control characters (which XLSX cannot hold)
are removed.  openpyxl is imported only when a sheet is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages
from align.model import Pair
from qa.model import Flag

from .shared import Content, ReviewMark, stream_output
from .sheet_key import KEY_COLUMN
from .spreadsheetml import WRAP, ListValidation, SheetLayout, write_workbook
from .table import DECISIONS, FLAG_COLUMNS, PAIR_COLUMNS, flag_rows, pair_rows

#: the Pairs sheet's column widths (characters); the others are 9 wide
_WIDTHS = {"zh": 50, "en": 60, "flags": 60, "comment": 40, "decision": 12}


def review_layouts(langs: Languages = DEFAULT_LANGS) -> tuple[SheetLayout, SheetLayout]:
    """The "Pairs" and "Flags" sheets of the review workbook, without their rows.

    The zh and en header cells keep their names (``zhen review`` reads them)
    and carry the language codes as cell comments, the codes also written
    into TMX and XLIFF.  The key and unit id columns are hidden: they are
    for ``zhen review`` and the final TM, not for the reviewer's eyes.
    """
    pairs = SheetLayout(
        "Pairs", PAIR_COLUMNS, widths=_WIDTHS, default_width=9, hidden=(KEY_COLUMN, "unit_id"),
        freeze="B2", data_style=WRAP, comments={"zh": langs.src, "en": langs.tgt},
        validation=ListValidation("decision", DECISIONS), autofilter=True)
    return pairs, SheetLayout("Flags", FLAG_COLUMNS, freeze="A2")


def write_review_xlsx(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    marks: Mapping[int, ReviewMark] | None = None,
    langs: Languages = DEFAULT_LANGS,
) -> None:
    """The review workbook, sheets "Pairs" and "Flags" (a path is written atomically);
    the workbook's language property is the target's."""
    flags = list(flags)
    pair_sheet, flag_sheet = review_layouts(langs)
    sheets = [(pair_sheet, pair_rows(pairs, flags, marks)), (flag_sheet, flag_rows(flags))]
    stream_output(path_or_file, lambda fh: write_workbook(fh, sheets, language=langs.tgt))


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
