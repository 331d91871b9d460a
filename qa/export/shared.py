"""Small helpers every exporter needs: XML-safe text, flags grouped by pair,
one-line flag summaries and the tool version stamped into files."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import IO

from align.model import Pair
from qa.model import SEVERITIES, Flag

from .atomic import atomic_write_bytes

# Everything outside the XML 1.0 ``Char`` production (C0 controls except TAB,
# LF, CR; lone surrogates; U+FFFE/U+FFFF).  lxml refuses these and a CAT tool
# that meets one rejects the whole file, so they are dropped, not escaped:
# XML 1.0 has no escape for them.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class ReviewMark:
    """A reviewer's verdict on one pair, carried into what ``zhen review`` writes.

    ``decision`` is accept, fix, reject or pending; ``flags`` and ``worst`` are
    the sheet's own flag cells, kept when the reviewed pairs are written as a
    sheet again (zhen review has no Flag objects, only what the sheet shows).
    """

    decision: str
    comment: str = ""
    flags: str = ""
    worst: str = ""


def xml_safe(text: str) -> str:
    """``text`` without characters XML 1.0 cannot carry."""
    return _NOT_XML_CHAR.sub("", text)


def flags_by_pair(flags: Iterable[Flag]) -> dict[int, list[Flag]]:
    """Flags keyed by pair id, in input order.

    A document-level flag (``pair_id`` None) is listed under every pair it
    names in ``pair_ids`` so a reviewer sees it wherever it applies.
    """
    grouped: dict[int, list[Flag]] = {}
    for flag in flags:
        ids = (flag.pair_id,) if flag.pair_id is not None else flag.pair_ids
        for pid in dict.fromkeys(ids):
            grouped.setdefault(pid, []).append(flag)
    return grouped


def document_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags that belong to no single pair."""
    return [f for f in flags if f.pair_id is None]


def flag_line(flag: Flag) -> str:
    """``[major] number-mismatch (Accuracy/Number): message`` on one line.

    Categories may themselves contain "/" (MQM paths such as
    "Style/Literal idiom"), so the check id comes first and the category is
    bracketed rather than joined to it.
    """
    message = " ".join(flag.message.split())
    line = f"[{flag.severity}] {flag.check} ({flag.category}): {message}"
    if flag.suggestion:
        line += f" (suggestion: {' '.join(flag.suggestion.split())})"
    return line


def worst_severity(flags: Sequence[Flag]) -> str:
    """The highest severity among ``flags`` ('' when there are none)."""
    ranked = [SEVERITIES.index(f.severity) for f in flags if f.severity in SEVERITIES]
    return SEVERITIES[max(ranked)] if ranked else ""


def ids_text(ids: Sequence[int]) -> str:
    """Segment ids as space-separated integers ('' for none)."""
    return " ".join(str(i) for i in ids)


def output_unit_ids(pairs: Sequence[Pair]) -> dict[int, str]:
    """The id each pair's unit gets in a written TMX/XLIFF: the input's unit
    id when it had one, else zhen's number; unique within the file (a number
    that collides with an input id gets "-2", "-3"…)."""
    wanted = [p.unit_id if p.unit_id is not None else str(p.id) for p in pairs]
    taken = {p.unit_id for p in pairs if p.unit_id is not None}
    used: set[str] = set()
    out: dict[int, str] = {}
    for pair, uid in zip(pairs, wanted):
        if uid in used or (pair.unit_id is None and uid in taken):
            n = 2
            while f"{uid}-{n}" in used or f"{uid}-{n}" in taken:
                n += 1
            uid = f"{uid}-{n}"
        used.add(uid)
        out[pair.id] = uid
    return out


def pair_is_one_sided(pair: Pair) -> bool:
    return not pair.zh.strip() or not pair.en.strip()


@lru_cache(maxsize=1)
def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhen")
    except PackageNotFoundError:  # running from a source tree that was never installed
        from qa import __version__

        return __version__


def write_output(data: bytes, path_or_file: str | os.PathLike[str] | IO) -> None:
    """Write to a path atomically, or into an already open binary/text file."""
    if isinstance(path_or_file, (str, os.PathLike)):
        atomic_write_bytes(path_or_file, data)
    elif isinstance(path_or_file, io.TextIOBase):
        path_or_file.write(data.decode("utf-8"))
    else:
        path_or_file.write(data)
