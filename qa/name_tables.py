"""Reading the curated name tables in qa/data (institutions, shorthand): TSV rows with a header.

Each table is tab-separated, ``#`` lines are comments, the first other line
names the columns, and a cell may hold several values separated by ``|``.
A row with the wrong number of columns or no Chinese in its first column is a
one-line InputError that names the file and the line, so a user's own table
(a check option) fails clearly instead of being half read.
"""

from __future__ import annotations

from pathlib import Path

from align.errors import InputError
from qa.data_table import data_lines
from qa.lexicons import HAN


def split_cell(cell: str) -> tuple[str, ...]:
    """The ``|``-separated values of a cell, stripped, empties dropped."""
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def read_name_table(path: Path, columns: tuple[str, ...], what: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every data row of the table at ``path``.

    ``columns`` are the expected column names (the header line, when present,
    is skipped); ``what`` names the table in error messages.
    """
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for n, line in data_lines(path, what):
        cells = line.split("\t")
        if not header_seen and cells[0].strip() == columns[0]:
            header_seen = True
            continue
        if len(cells) != len(columns) or not HAN.search(cells[0]):
            raise InputError(f"{what} table {path} line {n}: expected {len(columns)} tab-separated "
                             f"columns '{' '.join(columns)}', got {line[:50]!r}")
        rows.append((n, [c.strip() for c in cells]))
    return rows
