"""``zhen align --format json``: every bead with its sentence ids, its confidence
and both texts, for scripts that want the alignment without parsing a TMX."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from align.model import Alignment

from .shared import write_output


def write_alignment(alignment: Alignment, target: Path | IO[bytes]) -> None:
    from qa.pipeline import pairs_from_alignment

    beads = [{"zh": list(b.zh), "en": list(b.en), "confidence": round(float(b.confidence), 4),
              "zh_text": p.zh, "en_text": p.en}
             for b, p in zip(alignment.beads, pairs_from_alignment(alignment))]
    text = json.dumps({"beads": beads}, ensure_ascii=False, indent=1) + "\n"
    write_output(text.encode("utf-8"), target)
