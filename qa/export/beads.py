"""``zhen align --format beads``: the MAC gold format, ``[zh ids]:[en ids]`` per
line (0-based), so an alignment can be scored against MAC's gold beads as is."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from align.model import Alignment

from .shared import write_output


def beads_text(alignment: Alignment) -> str:
    """One line per bead: ``[0, 1]:[2]``, Chinese ids first."""
    return "".join(f"{list(b.zh)}:{list(b.en)}\n" for b in alignment.beads)


def write_alignment(alignment: Alignment, target: Path | IO[bytes]) -> None:
    write_output(beads_text(alignment).encode("utf-8"), target)
