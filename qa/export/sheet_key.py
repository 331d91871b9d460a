"""The ``zhen_key`` cell: what a review sheet row needs so ``zhen review`` can verify it.

A reviewer's spreadsheet is edited by hand: rows get sorted, deleted, copied,
cells cleared.  To tell a deliberate fix from an accident, every row zhen
writes carries, in one machine cell, the pair it belongs to and digests of
the texts zhen wrote::

    zhen1 id=4 run=0-5 zh_ids=52 en_ids=64,65 para=12 head=0 zh=1f0c… en=9a3b…

``run`` lists every pair id of the sheet in document order, so any surviving
row tells which rows were deleted and the order the final TM must follow,
however the reviewer sorted.  ``para``/``head`` are carried so the final TMX
keeps ``x-zhen-para``.  Digests, not texts, keep the cell short in a CSV,
where it cannot be hidden; they guard against accidents, not against
someone forging a row.  The same cell works in XLSX (where the column is
hidden) and CSV, so both sheets are verified the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from align.model import Pair

from .shared import xml_safe

KEY_COLUMN = "zhen_key"
_VERSION = "zhen1"


@dataclass(frozen=True)
class RowKey:
    """One row's key, parsed."""

    id: int
    run: tuple[int, ...]  # every pair id of the sheet, document order
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    para: int
    heading: bool
    zh: str  # text_digest of the zh zhen wrote
    en: str  # text_digest of the en zhen wrote


def normalised(text: str) -> str:
    """A cell's text as compared: what XLSX can hold, LF line ends, no outer blanks.

    Spreadsheets turn line ends into CRLF and zhen strips cells on reading;
    neither is an edit.
    """
    return xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def text_digest(text: str) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:16]


EMPTY_DIGEST = text_digest("")


def ids_spec(ids: Sequence[int]) -> str:
    """``0-24,30`` for 0…24 and 30: a run of pair ids in a few characters."""
    parts: list[str] = []
    i = 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        parts.append(str(ids[i]) if i == j else f"{ids[i]}-{ids[j]}")
        i = j + 1
    return ",".join(parts)


def parse_ids_spec(spec: str) -> tuple[int, ...]:
    """Inverse of :func:`ids_spec`; ValueError when damaged."""
    ids: list[int] = []
    for part in filter(None, spec.split(",")):
        first, _, last = part.partition("-")
        ids.extend(range(int(first), int(last or first) + 1))
    return tuple(ids)


def row_key(pair: Pair, run: str) -> str:
    """The key cell of ``pair``'s row; ``run`` is :func:`ids_spec` of the sheet's ids."""
    return (
        f"{_VERSION} id={pair.id} run={run} zh_ids={ids_spec(pair.zh_ids)} "
        f"en_ids={ids_spec(pair.en_ids)} para={pair.para} head={int(pair.heading)} "
        f"zh={text_digest(pair.zh)} en={text_digest(pair.en)}"
    )


def parse_row_key(cell: str) -> RowKey | None:
    """The key in ``cell``, or None when it is missing or damaged."""
    version, _, rest = cell.strip().partition(" ")
    if version != _VERSION:
        return None
    fields = dict(part.partition("=")[::2] for part in rest.split())
    try:
        key = RowKey(
            id=int(fields["id"]),
            run=parse_ids_spec(fields["run"]),
            zh_ids=parse_ids_spec(fields["zh_ids"]),
            en_ids=parse_ids_spec(fields["en_ids"]),
            para=int(fields["para"]),
            heading=fields["head"] == "1",
            zh=fields["zh"],
            en=fields["en"],
        )
    except (KeyError, ValueError):
        return None
    return key if key.id in key.run else None
