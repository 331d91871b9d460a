"""The one reader of zhen's tab-separated data tables (qa/data/*.tsv and users' own).

Every table has the same outer form: UTF-8 lines, ``#`` comment lines and
blank lines skipped.  What a row holds is each table's own business; here is
only the reading and the one-line error when a table cannot be read, so
that a user's table given as a check option fails as clearly as ours would.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from align.errors import InputError


def data_lines(path: Path, what: str, lines: Iterable[str] | None = None) -> list[tuple[int, str]]:
    """(1-based line number, line) of every data line of the table at ``path``.

    ``what`` names the table in the error message; ``lines`` stands in for
    the file's content (tests).
    """
    if lines is None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read {what} table {path}: {exc.strerror}") from None
    return [(n, line.rstrip("\n")) for n, line in enumerate(lines, 1)
            if line.strip() and not line.startswith("#")]
