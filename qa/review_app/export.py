"""The reviewed beads written as the final TM (or a table), through :mod:`qa.review_output`.

The same writer ``zhen review SHEET.xlsx -o final.tmx`` uses: rejected beads
are left out, fixes carry the corrected English, the comment becomes a TMX
note, and the summary line accounts for every bead.  Beads are numbered by
their position, as zhen numbers pairs in document order.
"""

from __future__ import annotations

from pathlib import Path

from align.formats.unit import DEFAULT_LANGS, Languages
from qa.review import ReviewedPair, ReviewSheet

from .store import ReviewStore

#: what the app's export button may write, always into the run folder: format → file name
APP_EXPORTS = {"tmx": "reviewed.tmx", "tsv": "reviewed.tsv", "xlsx": "reviewed.xlsx",
               "csv": "reviewed.csv"}


def reviewed_sheet(store: ReviewStore) -> ReviewSheet:
    """The review as the sheet reader would have returned it (verified: zhen kept it)."""
    rows = [ReviewedPair(b.to_pair(pos), b.decision, b.comment, row=pos + 2)
            for pos, b in enumerate(store.beads())]
    return ReviewSheet(store.path, rows, verified=True)


def export_review(store: ReviewStore, out: Path, *, drop_pending: bool = False,
                  langs: Languages = DEFAULT_LANGS) -> str:
    """Write the review to ``out`` (format by extension, atomically); the summary line."""
    from qa.review_output import output_format, select, summary_line, write_outcome

    fmt = output_format(out, store.path)
    sheet = reviewed_sheet(store)
    outcome = select(sheet, keep_pending=not drop_pending, both_sides=fmt == "tmx")
    written = write_outcome(outcome, fmt, out, langs)
    return summary_line(sheet, outcome, written, out).replace(" in sheet:", " in review:", 1)
