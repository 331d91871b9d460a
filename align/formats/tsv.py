"""Tables of pairs: read TSV/CSV with zh/en columns from anyone, write
zhen's own pairs.tsv.

Reading: a header row names the Chinese and English columns ('zh'/'en',
'source'/'target', '中文'/'英文'…); optional columns give a unit id and a
score.  zhen's own pairs.tsv (``zh_ids``/``en_ids`` columns, escaped tabs
and line breaks) reads back as the pairs that were written.

Writing pairs.tsv: columns ``id zh en zh_ids en_ids score qe unit_id``; ``qe``
is the quality estimate (qa/qe.py); ``unit_id`` is the id the input gave the
unit (TMX tuid, XLIFF id, a TSV id column), empty for pairs zhen aligned
itself.  Segment ids are space-separated integers ("3 4" for a 2-sentence
side): commas would read as a thousands separator or a second CSV column to
a reviewer's spreadsheet.  Text is escaped as in PostgreSQL ``COPY``/linear
TSV — ``\\\\``, ``\\t``, ``\\n``, ``\\r`` — so a pair with a tab or a line
break still takes exactly one line.  A field containing ``"`` is quoted
CSV-style by the ``csv`` module, which is what lets
``pandas.read_csv(path, sep="\\t")`` load every field verbatim with its
default quoting.  An unscored pair has an empty score (and qe).

To load with pandas without losing empty strings or "NA"-looking text::

    pandas.read_csv(path, sep="\\t", dtype=str, keep_default_na=False)

then :func:`align.linear_tsv.unescape` the ``zh``/``en`` columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from align.decode import decode_bytes, normalize_text
from align.errors import InputError
from align.linear_tsv import escape, unescape
from align.model import Pair

from .unit import ReadUnits, SkippedUnit, Unit

NAME = "tsv"
#: pairs.tsv columns, in order
COLUMNS = ("id", "zh", "en", "zh_ids", "en_ids", "score", "qe", "unit_id")
#: props a table's optional columns become (the names zhen's TMX uses too)
ZH_IDS, EN_IDS, SCORE = "x-zhen-zh-ids", "x-zhen-en-ids", "x-zhen-confidence"

_ZH_COLUMNS = ("zh", "zh-cn", "zh_cn", "zh-hans", "chinese", "中文", "原文", "source", "src")
_EN_COLUMNS = ("en", "en-us", "en_us", "en-gb", "english", "英文", "译文", "target", "tgt")


# --------------------------------------------------------------------------
# Reading


def read(data: bytes, path: Path) -> ReadUnits:
    """The table's encoding and one Unit per data row (a row with empty zh
    and en cells is a SkippedUnit); InputError for a header without zh/en
    columns, a bad score or id cell, or no rows."""
    text, encoding = decode_bytes(data, str(path))
    return ReadUnits(encoding, _units(normalize_text(text), path))


def _rows(text: str, path: Path) -> list[tuple[int, list[str]]]:
    first_line = text.split("\n", 1)[0]
    numbered: list[tuple[int, list[str]]]
    if "\t" not in first_line and (path.suffix.lower() == ".csv" or "," in first_line):
        reader = csv.reader(io.StringIO(text))
        numbered = []
        for row in reader:
            numbered.append((reader.line_num, row))
    else:
        # Exports of aligned text are rarely quoted, and English quotes at
        # the start of a cell must survive: read raw, unquote what is
        # unmistakably CSV-style quoting.
        numbered = [
            (n, [_unquote(cell) for cell in line.split("\t")])
            for n, line in enumerate(text.split("\n"), start=1)
        ]
    # A blank line is not a unit; a row with any cell filled is.
    return [(n, row) for n, row in numbered if any(cell.strip() for cell in row)]


def _units(text: str, path: Path) -> Iterator[Unit | SkippedUnit]:
    numbered = _rows(text, path)
    if not numbered:
        raise InputError(f"{path}: file is empty or blank")
    first = numbered[0][1]
    header = [cell.strip().lower() for cell in first]
    zh_col = _find_column(header, _ZH_COLUMNS)
    en_col = _find_column(header, _EN_COLUMNS)
    if zh_col is None or en_col is None or zh_col == en_col:
        found = ", ".join(repr(c) for c in first[:6])
        raise InputError(
            f"{path}: the header row must name a 'zh' and an 'en' column (or 'source' and 'target'); found {found}"
        )
    score_col = _find_column(header, ("score", "confidence", "similarity"))
    # zhen's own pairs.tsv names the input's ids "unit_id" (its "id" is
    # zhen's numbering); anyone else's "id" column is their unit id.
    # zhen's own pairs.tsv escapes tabs and line breaks (\\t, \\n) and lists
    # segment ids; reading it back must give the same pairs.
    zh_ids_col = _find_column(header, ("zh_ids",))
    en_ids_col = _find_column(header, ("en_ids",))
    zhen_format = zh_ids_col is not None and en_ids_col is not None
    unit_col = _find_column(
        header, ("unit_id",) if zhen_format else ("unit_id", "id", "tuid", "segment_id")
    )
    units = skipped = 0
    for line_no, row in numbered[1:]:
        zh = _cell(row, zh_col)
        en = _cell(row, en_col)
        unit_id = _cell(row, unit_col) if unit_col is not None else ""
        if not zh and not en:
            skipped += 1
            yield SkippedUnit(unit_id or f"row {line_no}", "zh and en cells are empty")
            continue
        props: list[tuple[str, str]] = []
        if zhen_format:
            zh, en, unit_id = unescape(zh), unescape(en), unescape(unit_id)
            for kind, col in ((ZH_IDS, zh_ids_col), (EN_IDS, en_ids_col)):
                try:
                    ids = ids_text([int(i) for i in _cell(row, col).split()])
                except ValueError:
                    raise InputError(
                        f"{path}: row {line_no}: zh_ids/en_ids must be integers"
                    ) from None
                props.append((kind, ids))
        raw_score = _cell(row, score_col) if score_col is not None else ""
        if raw_score:
            try:
                float(raw_score)
            except ValueError:
                raise InputError(
                    f"{path}: row {line_no}: score {raw_score!r} is not a number"
                ) from None
            props.append((SCORE, raw_score))
        units += 1
        yield Unit(unit_id, zh, en, props=tuple(props))
    if not units:
        if skipped:
            raise InputError(f"{path}: every row has empty zh and en cells")
        raise InputError(f"{path}: no rows after the header")


def _find_column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _unquote(cell: str) -> str:
    """Undo CSV-style quoting, and only that.

    A CSV writer wraps a TSV cell in quotes only when it holds a quote (then
    doubled) or a tab; a cell that is a quotation, '"Data is the new oil."',
    was not written that way and keeps its quotes.
    """
    stripped = cell.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
        inner = stripped[1:-1]
        undoubled = inner.replace('""', "")
        if '"' not in undoubled and (undoubled != inner or "\t" in inner):
            return inner.replace('""', '"')
    return cell


# --------------------------------------------------------------------------
# Writing


def ids_text(ids: Sequence[int]) -> str:
    """Segment ids as space-separated integers ('' for none)."""
    return " ".join(str(i) for i in ids)


def pairs_tsv_lines(pairs: Iterable[Pair]) -> Iterator[str]:
    """pairs.tsv a line at a time (LF line ends): the header, then one row per pair, so a
    writer streams a memory of any size instead of building the text whole."""
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL
    )

    def line(row) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        return out.getvalue()

    yield line(COLUMNS)
    for p in pairs:
        score = "" if p.score is None else repr(float(p.score))
        yield line(
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


def pairs_tsv(pairs: Sequence[Pair]) -> str:
    """pairs.tsv as text (LF line ends)."""
    return "".join(pairs_tsv_lines(pairs))
