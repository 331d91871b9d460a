"""The translator's side of the loop: read back a filled-in review sheet.

``zhen check`` writes review.xlsx (or review.csv) with one row per pair and
empty ``decision`` and ``comment`` columns.  The reviewer sets decision to
accept, fix (after correcting the English in the ``en`` cell) or reject;
``zhen review`` turns the sheet into the final translation memory: rejected
pairs are left out, fixed pairs carry the corrected English, and pairs not yet
reviewed are kept or dropped as asked.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.model import Pair
from qa.export.table import DECISIONS, PAIR_COLUMNS, csv_unguard

PENDING = "pending"


@dataclass(frozen=True)
class ReviewedPair:
    pair: Pair
    decision: str  # one of DECISIONS or PENDING
    comment: str = ""


def _rows_from_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a damaged file
        raise InputError(f"{path}: not a readable XLSX workbook ({type(exc).__name__})") from None
    ws = wb["Pairs"] if "Pairs" in wb.sheetnames else wb.worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]


def _rows_from_csv(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: a review CSV must be UTF-8 (as zhen wrote it)") from None
    return [[csv_unguard(v) for v in row] for row in csv.reader(io.StringIO(text))]


def read_review(path: str | Path) -> list[ReviewedPair]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    rows = _rows_from_xlsx(path) if path.suffix.lower() in {".xlsx", ".xlsm"} else _rows_from_csv(path)
    if not rows:
        raise InputError(f"{path}: the review sheet is empty")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in ("id", "zh", "en", "decision") if c not in header]
    if missing:
        raise InputError(f"{path}: not a zhen review sheet (missing column(s) {', '.join(missing)}; "
                         f"expected {' '.join(PAIR_COLUMNS)})")
    col = {name: header.index(name) for name in header if name in PAIR_COLUMNS}

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    reviewed = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        decision = cell(row, "decision").lower() or PENDING
        if decision not in DECISIONS and decision != PENDING:
            raise InputError(f"{path}: row {line}: decision '{decision}' is not one of "
                             f"{', '.join(DECISIONS)} (or empty)")
        try:
            pair = Pair(
                id=int(float(cell(row, "id"))), zh=cell(row, "zh"), en=cell(row, "en"),
                zh_ids=tuple(int(i) for i in cell(row, "zh_ids").split()),
                en_ids=tuple(int(i) for i in cell(row, "en_ids").split()),
                score=float(cell(row, "score")) if cell(row, "score") else None,
                unit_id=cell(row, "unit_id") or None,
            )
        except ValueError:
            raise InputError(f"{path}: row {line}: id, zh_ids, en_ids and score must be numbers") from None
        reviewed.append(ReviewedPair(pair, decision, cell(row, "comment")))
    return reviewed


def final_pairs(reviewed: list[ReviewedPair], keep_pending: bool = True) -> list[Pair]:
    """The pairs that go into the final TM, in sheet order."""
    keep = {"accept", "fix"} | ({PENDING} if keep_pending else set())
    return [r.pair for r in reviewed if r.decision in keep and r.pair.zh and r.pair.en]


def summary(reviewed: list[ReviewedPair]) -> Counter:
    return Counter(r.decision for r in reviewed)
