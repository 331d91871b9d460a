"""QA flags as JSON lines: one ``Flag.to_dict()`` per line, UTF-8, CJK unescaped.

JSON lines because flags stream (a reviewer can ``grep`` or ``jq`` them and
pandas loads them with ``read_json(lines=True)``), and ``ensure_ascii=False``
so 九龙治水 stays readable instead of turning into ``\\u4e5d...``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

from align.errors import InputError
from align.model import Pair
from qa.model import SEVERITIES, Flag

from .shared import Content, write_output


def flag_record(flag: Flag, unit_ids: Mapping[int, str] | None = None) -> dict:
    """``Flag.to_dict()`` plus the input's unit id(s) of its pair(s), so a
    flag can be traced back to the CAT segment: ``unit_id`` (None for a
    document-level flag or a pair without one) and ``unit_ids`` beside
    ``pair_ids``."""
    record = flag.to_dict()
    lookup = unit_ids or {}
    record["unit_id"] = lookup.get(flag.pair_id) if flag.pair_id is not None else None
    record["unit_ids"] = [lookup.get(pid) for pid in record["pair_ids"]]
    return record


def flags_jsonl(flags: Iterable[Flag], pairs: Sequence[Pair] = ()) -> str:
    unit_ids = {p.id: p.unit_id for p in pairs if p.unit_id is not None}
    return "".join(
        json.dumps(flag_record(f, unit_ids), ensure_ascii=False) + "\n" for f in flags
    )


def write_flags_jsonl(
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    pairs: Sequence[Pair] = (),
) -> None:
    """Write ``flags`` one per line (a path is written atomically); with
    ``pairs``, each record names its pair's input unit id."""
    write_output(flags_jsonl(flags, pairs).encode("utf-8"), path_or_file)


def flag_from_dict(data: dict) -> Flag:
    """Inverse of ``Flag.to_dict``.

    ``to_dict`` fills ``pair_ids`` with ``[pair_id]`` for pair flags, so that
    redundant copy is dropped again to give back an equal Flag.  Raises
    ValueError/KeyError on a record that is not a flag.
    """
    pair_id = data.get("pair_id")
    pair_ids = tuple(data.get("pair_ids") or ())
    if pair_id is not None and pair_ids == (pair_id,):
        pair_ids = ()
    severity = data.get("severity")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    return Flag(
        check=str(data["check"]),
        category=str(data["category"]),
        severity=severity,
        message=str(data.get("message", "")),
        pair_id=pair_id,
        zh=data.get("zh", ""),
        en=data.get("en", ""),
        zh_spans=tuple(tuple(s) for s in data.get("zh_spans") or ()),
        en_spans=tuple(tuple(s) for s in data.get("en_spans") or ()),
        suggestion=data.get("suggestion"),
        pair_ids=pair_ids,
    )


def read_flags_jsonl(path: str | os.PathLike[str]) -> list[Flag]:
    """Flags written by :func:`write_flags_jsonl`; blank lines are ignored."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    flags = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            flags.append(flag_from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{number}: not a zhen flag record ({exc})"
            ) from exc
    return flags


def write_file(content: Content, target: Path) -> None:
    """The registry's writer (:mod:`qa.export.registry`): the flags of ``content``."""
    write_flags_jsonl(content.flags, target, content.pairs)
