"""pairs.tsv: the alignment as a plain table, one line per pair.

Columns ``id zh en zh_ids en_ids score``.  Segment ids are space-separated
integers ("3 4" for a 2-sentence side): commas would read as a thousands
separator or a second CSV column to a reviewer's spreadsheet.  Text is
escaped as in PostgreSQL ``COPY``/linear TSV — ``\\\\``, ``\\t``, ``\\n``,
``\\r`` — so a pair with a tab or a line break still takes exactly one line.
A field containing ``"`` is quoted CSV-style by the ``csv`` module, which is
what lets ``pandas.read_csv(path, sep="\\t")`` load every field verbatim
with its default quoting.  An unscored pair has an empty score.

To load with pandas without losing empty strings or "NA"-looking text::

    pandas.read_csv(path, sep="\\t", dtype=str, keep_default_na=False)

then :func:`unescape` the ``zh``/``en`` columns.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.model import Pair

from .shared import ids_text, write_output

COLUMNS = ("id", "zh", "en", "zh_ids", "en_ids", "score")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {v[1]: k for k, v in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def unescape(text: str) -> str:
    """Inverse of :func:`escape`; an unknown ``\\x`` keeps its backslash."""
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(0)), text)


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
            )
        )
    return out.getvalue()


def write_pairs_tsv(
    pairs: Sequence[Pair], path_or_file: str | os.PathLike[str] | IO
) -> None:
    """Write pairs.tsv (UTF-8, LF line ends; a path is written atomically)."""
    write_output(pairs_tsv(pairs).encode("utf-8"), path_or_file)


def read_pairs_tsv(path: str | os.PathLike[str]) -> list[Pair]:
    """Pairs from a file written by :func:`write_pairs_tsv`.

    ``para`` and ``heading`` are not in the table and come back as defaults.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    rows = csv.reader(io.StringIO(text), delimiter="\t")
    header = next(rows, None)
    if header is None or tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise InputError(
            f"{path}: not a zhen pairs.tsv (header must be {' '.join(COLUMNS)})"
        )
    pairs = []
    for number, row in enumerate(rows, 2):
        try:
            pid, zh, en, zh_ids, en_ids, score = row[: len(COLUMNS)]
            pairs.append(
                Pair(
                    id=int(pid),
                    zh=unescape(zh),
                    en=unescape(en),
                    zh_ids=tuple(int(i) for i in zh_ids.split()),
                    en_ids=tuple(int(i) for i in en_ids.split()),
                    score=float(score) if score else None,
                )
            )
        except ValueError as exc:
            raise InputError(f"{path}:{number}: bad pairs.tsv row ({exc})") from exc
    return pairs
