"""The translator's side of the loop: read back a filled-in review sheet, and verify it.

``zhen check`` writes review.xlsx (or review.csv) with one row per pair and
empty ``decision`` and ``comment`` columns.  The reviewer sets decision to
accept, fix (after correcting the English in the ``en`` cell) or reject.

A sheet is edited by hand, so before anything is written it is checked
against the run it came from, through each row's ``zhen_key`` cell
(:mod:`qa.export.sheet_key`).  Each of these is an error naming its row or
pair, all reported at once, and nothing is written:

* a pair's row deleted or emptied (to leave a pair out, reject it);
* two rows for one pair (a copied row), or a changed id;
* an edited ``zh`` cell (the source is not the reviewer's to change), or
  changed ``zh_ids``/``en_ids``;
* ``fix`` with an empty ``en``; an ``en`` cleared or edited on a row that is
  accepted or undecided (an edit is a fix: say so);
* a decision that is not accept, fix or reject.

A sheet without the key column (written by an older zhen, or the column was
deleted) is still read, with a warning that it cannot be verified; only the
checks that need no key (duplicate ids, fix without English, decisions)
apply to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from align.errors import InputError
from align.model import Pair
from qa.export.registry import read_sheet_rows
from qa.export.sheet_key import (
    EMPTY_DIGEST,
    KEY_COLUMN,
    RowKey,
    parse_row_key,
    text_digest,
)
from qa.export.table import DECISIONS, PAIR_COLUMNS

PENDING = "pending"
_REQUIRED = ("id", "zh", "en", "decision")


@dataclass(frozen=True)
class ReviewedPair:
    """A pair as the reviewer left it, with the sheet row it was read from."""

    pair: Pair
    decision: str  # one of DECISIONS or PENDING
    comment: str = ""
    row: int = 0  # 1-based sheet row (the header is row 1)
    flags: str = ""  # the sheet's flags cell, kept if the pairs become a sheet again
    worst: str = ""


@dataclass(frozen=True)
class ReviewSheet:
    """A read and verified review sheet; ``pairs`` in document order."""

    path: Path
    pairs: list[ReviewedPair]
    verified: bool
    warnings: list[str] = field(default_factory=list)

    def count(self, decision: str) -> int:
        return sum(r.decision == decision for r in self.pairs)


def _rows_list(numbers: list[int]) -> str:
    """'4 and 8', '4, 8 and 9'."""
    text = [str(n) for n in numbers]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(i) for i in text.split())


def _row_problems(where: str, pair: Pair, decision: str, key: RowKey | None,
                  columns: dict[str, int]) -> list[str]:
    """What is wrong with a row, given the key zhen wrote into it (None: unverifiable)."""
    found = []
    if key is not None:
        if text_digest(pair.zh) != key.zh:
            found.append(f"{where}: zh differs from the run (the source text cannot be edited; "
                         "restore it)")
        if (("zh_ids" in columns and pair.zh_ids != key.zh_ids)
                or ("en_ids" in columns and pair.en_ids != key.en_ids)):
            found.append(f"{where}: zh_ids or en_ids differ from the run")
    en = pair.en
    shown = "accept" if decision == "accept" else "empty"
    if decision == "fix" and not en:
        found.append(f"{where}: decision is fix but en is empty (put the corrected English in it)")
    elif decision in ("fix", "reject") or key is None:
        pass
    elif not en and key.en != EMPTY_DIGEST:
        found.append(f"{where}: en was cleared but decision is {shown} (restore it, or set "
                     "decision to reject)")
    elif en and text_digest(en) != key.en:
        found.append(f"{where}: en was edited but decision is {shown} (set it to fix, or restore "
                     "the English)")
    return found


def read_review(path: str | Path) -> ReviewSheet:
    """Read a review sheet and verify it; InputError listing every problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    rows = read_sheet_rows(path)
    if not rows:
        raise InputError(f"{path}: the review sheet is empty")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError(f"{path}: not a zhen review sheet (missing column(s) {', '.join(missing)}; "
                         f"expected {' '.join(PAIR_COLUMNS)})")
    col = {name: header.index(name) for name in header if name in PAIR_COLUMNS}
    verified = KEY_COLUMN in col

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    problems: list[str] = []
    reviewed: list[ReviewedPair] = []
    rows_of: dict[int, list[int]] = {}
    run: tuple[int, ...] | None = None
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue  # an emptied row: its pair is reported as missing below
        key = parse_row_key(cell(row, KEY_COLUMN)) if verified else None
        if key is not None:
            run = run or key.run
            if key.run != run:
                problems.append(f"row {line}: comes from another zhen run than the rows above it")
                continue
        try:
            pair_id: int | None = int(float(cell(row, "id")))
        except ValueError:
            pair_id = None
        # Counted under its pair from here on, so a bad row is not also "missing".
        if key is not None or pair_id is not None:
            rows_of.setdefault(key.id if key else pair_id, []).append(line)
        where = f"row {line} (pair {pair_id})"
        decision = cell(row, "decision").lower() or PENDING
        if pair_id is None:
            problems.append(f"row {line}: id '{cell(row, 'id')}' is not a pair id")
        elif verified and key is None:
            problems.append(f"{where}: the {KEY_COLUMN} cell is empty or damaged, "
                            "so the row cannot be verified")
        elif key is not None and key.id != pair_id:
            problems.append(f"row {line}: id was changed to {pair_id} (the row is pair {key.id})")
        elif decision not in DECISIONS and decision != PENDING:
            problems.append(f"{where}: decision '{decision}' is not one of "
                            f"{', '.join(DECISIONS)} (or empty)")
        else:
            try:
                pair = Pair(id=pair_id, zh=cell(row, "zh"), en=cell(row, "en"),
                            zh_ids=_ids(cell(row, "zh_ids")), en_ids=_ids(cell(row, "en_ids")),
                            score=float(cell(row, "score")) if cell(row, "score") else None,
                            unit_id=cell(row, "unit_id") or None)
            except ValueError:
                problems.append(f"{where}: zh_ids, en_ids and score must be numbers")
                continue
            found = _row_problems(where, pair, decision, key, col)
            problems += found
            if key is not None and not found:  # the run's own ids and paragraph
                pair = replace(pair, zh_ids=key.zh_ids, en_ids=key.en_ids,
                               para=key.para, heading=key.heading)
            reviewed.append(ReviewedPair(pair, decision, cell(row, "comment"), line,
                                         cell(row, "flags"), cell(row, "worst")))

    problems += [f"pair {pid} is in rows {_rows_list(lines)}"
                 for pid, lines in rows_of.items() if len(lines) > 1]
    lost = [pid for pid in run or () if pid not in rows_of]
    problems += [f"pair {pid}: row missing" for pid in lost]
    if problems:
        hint = (" (to leave a pair out, set its decision to reject; do not delete its row)"
                if lost else "")
        raise InputError(f"{path}: {len(problems)} problem{'s' * (len(problems) > 1)} with the "
                         f"review sheet, nothing written: {'; '.join(problems)}{hint}")
    if not reviewed:
        raise InputError(f"{path}: the review sheet has no pairs")

    if verified:  # the run's order, however the reviewer sorted
        order = {pid: i for i, pid in enumerate(run or ())}
        return ReviewSheet(path, sorted(reviewed, key=lambda r: order[r.pair.id]), True)
    warning = (f"{path}: no {KEY_COLUMN} column (a sheet from an older zhen, or the column was "
               "deleted): deleted rows, ids and source texts cannot be verified, and paragraph "
               "numbers are not known")
    # zhen numbers pairs in document order, so ids restore it
    return ReviewSheet(path, sorted(reviewed, key=lambda r: (r.pair.id, r.row)), False, [warning])
