"""pairs.tsv: the alignment as a plain table, one line per pair.

The format (columns, escaping, how to load it with pandas) is
:mod:`align.formats.tsv`'s; this writes it to a path atomically or into an
open file.  zhen reads the file back with :func:`align.pairs_io.read_pairs`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from align.formats.tsv import COLUMNS, pairs_tsv, pairs_tsv_lines  # noqa: F401 (part of this module's API)
from align.linear_tsv import escape, unescape  # noqa: F401 (for readers of pairs.tsv)
from align.model import Alignment, Pair

from .shared import Content, stream_output


def write_pairs_tsv(
    pairs: Sequence[Pair], path_or_file: str | os.PathLike[str] | IO
) -> None:
    """Write pairs.tsv (UTF-8, LF line ends; a path is written atomically), a line at a
    time, so a memory of any size is never held as one text."""
    def write(fh: IO[bytes]) -> None:
        for line in pairs_tsv_lines(pairs):
            fh.write(line.encode("utf-8"))

    stream_output(path_or_file, write)


def write_file(content: Content, target: Path) -> None:
    """The registry's writer (:mod:`qa.export.registry`): pairs.tsv of ``content``."""
    write_pairs_tsv(content.pairs, target)


def write_alignment(alignment: Alignment, target: Path | IO[bytes]) -> None:
    """``zhen align --format tsv``: the aligned pairs as pairs.tsv."""
    from qa.pipeline import pairs_from_alignment

    write_pairs_tsv(pairs_from_alignment(alignment), target)
