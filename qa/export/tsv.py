"""pairs.tsv: the alignment as a plain table, one line per pair.

Columns ``id zh en zh_ids en_ids score qe unit_id``; ``qe`` is the quality
estimate (qa/qe.py); ``unit_id`` is the id the input gave the unit (TMX tuid,
XLIFF id, a TSV id column), empty for pairs zhen aligned itself.  Segment ids are space-separated
integers ("3 4" for a 2-sentence side): commas would read as a thousands
separator or a second CSV column to a reviewer's spreadsheet.  Text is
escaped as in PostgreSQL ``COPY``/linear TSV — ``\\\\``, ``\\t``, ``\\n``,
``\\r`` — so a pair with a tab or a line break still takes exactly one line.
A field containing ``"`` is quoted CSV-style by the ``csv`` module, which is
what lets ``pandas.read_csv(path, sep="\\t")`` load every field verbatim
with its default quoting.  An unscored pair has an empty score (and qe).

To load with pandas without losing empty strings or "NA"-looking text::

    pandas.read_csv(path, sep="\\t", dtype=str, keep_default_na=False)

then :func:`unescape` the ``zh``/``en`` columns.  zhen reads the file back
with :func:`align.pairs_io.read_pairs`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from typing import IO

from align.linear_tsv import escape, unescape  # noqa: F401 (unescape: for readers)
from align.model import Pair

from .shared import ids_text, write_output

COLUMNS = ("id", "zh", "en", "zh_ids", "en_ids", "score", "qe", "unit_id")


def pairs_tsv(pairs: Sequence[Pair]) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow(COLUMNS)
    for p in pairs:
        score = "" if p.score is None else repr(float(p.score))
        writer.writerow(
            (
                p.id,
                escape(p.zh),
                escape(p.en),
                ids_text(p.zh_ids),
                ids_text(p.en_ids),
                score,
                "" if p.qe is None else repr(float(p.qe)),
                escape(p.unit_id or ""),
            )
        )
    return out.getvalue()


def write_pairs_tsv(
    pairs: Sequence[Pair], path_or_file: str | os.PathLike[str] | IO
) -> None:
    """Write pairs.tsv (UTF-8, LF line ends; a path is written atomically)."""
    write_output(pairs_tsv(pairs).encode("utf-8"), path_or_file)
