"""The pairs and flags of tests/data/export/pairs.json: real 学习时报 pairs with known flags.

Shared by the export and scoring tests, which need the same hand-made
document (a 九龙治水 pair with an idiom flag, a one-sided trailer, a
document-level flag) to check output formats and penalty arithmetic.
"""

from __future__ import annotations

import json
from pathlib import Path

from align.model import Pair
from qa.model import Flag

DATA = Path(__file__).parent / "data" / "export" / "pairs.json"


def load_sample() -> tuple[list[Pair], list[Flag]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    pairs = [
        Pair(
            id=p["id"],
            zh=p["zh"],
            en=p["en"],
            zh_ids=tuple(p["zh_ids"]),
            en_ids=tuple(p["en_ids"]),
            score=p["score"],
            para=p["para"],
            heading=p.get("heading", False),
        )
        for p in raw["pairs"]
    ]
    flags = [
        Flag(
            check=f["check"],
            category=f["category"],
            severity=f["severity"],
            message=f["message"],
            pair_id=f["pair_id"],
            zh=f.get("zh", ""),
            en=f.get("en", ""),
            zh_spans=tuple(tuple(s) for s in f.get("zh_spans", [])),
            en_spans=tuple(tuple(s) for s in f.get("en_spans", [])),
            suggestion=f.get("suggestion"),
            pair_ids=tuple(f.get("pair_ids", [])),
        )
        for f in raw["flags"]
    ]
    return pairs, flags
