"""Learning from dismissals: a flag the reviewer dismissed as a false alarm is not raised again.

``zhen check`` reads the verdicts of ``OUTDIR/review.sqlite`` (when the output
folder has one from an earlier review) and of ``--review-db`` (another run's
review).  A flag is left out of the new run when a review dismissed a flag
with the same content key, :func:`qa.review_app.store.verdict_key`: the same
check saying the same thing about the same Chinese and English.  The same
check on any other text is raised as always, so a dismissal teaches zhen about
one sentence, never about a check in general.  The flags are left out before
the quality estimate and the score, which then do not count them, and the
summary says how many were left out: never silently.

``zhen check`` and ``zhen batch`` (per input, for its own sub-folder) ask
:func:`dismissal_memory`, which opens nothing when there is no review database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from qa.model import Flag

from .store import DB_NAME, verdict_key


def dismissed_keys(db: Path) -> frozenset[str]:
    """The content keys of the flags a review database holds as dismissed."""
    try:
        con = sqlite3.connect(db, timeout=30)
        try:
            has = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' "
                              "AND name='verdicts'").fetchone()
            rows = (con.execute("SELECT key FROM verdicts WHERE status='dismissed'").fetchall()
                    if has else [])
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise InputError(f"{db}: not a readable review database ({exc})") from None
    return frozenset(key for (key,) in rows)


def review_databases(outdir: Path, review_db: Path | None) -> list[Path]:
    """The review databases a run into ``outdir`` learns from (``--review-db`` may name a
    run folder, meaning its ``review.sqlite``)."""
    found = []
    if review_db is not None:
        path = review_db / DB_NAME if review_db.is_dir() else review_db
        if not path.is_file():
            raise InputError(f"--review-db {review_db}: no such review database "
                             f"(give a {DB_NAME} or the folder holding one)")
        found.append(path)
    own = outdir / DB_NAME
    if own.is_file() and not any(p.resolve() == own.resolve() for p in found):
        found.append(own)
    return found


@dataclass
class DismissalMemory:
    """The dismissed flag keys of one or more reviews; called on a run's flags, it returns
    those no review dismissed and counts the others."""

    keys: frozenset[str]
    sources: tuple[Path, ...]
    suppressed: int = 0

    @classmethod
    def load(cls, outdir: Path, review_db: Path | None) -> DismissalMemory:
        dbs = review_databases(outdir, review_db)
        keys = frozenset().union(*(dismissed_keys(db) for db in dbs))
        return cls(keys, tuple(dbs))

    def __call__(self, flags: Sequence[Flag]) -> list[Flag]:
        kept = [f for f in flags if verdict_key(f) not in self.keys]
        self.suppressed += len(flags) - len(kept)
        return kept

    def digest(self) -> str:
        """A short hash of the dismissed keys: what the flags of a run depend on."""
        import hashlib

        return hashlib.sha256("\n".join(sorted(self.keys)).encode("utf-8")).hexdigest()[:16]

    def note(self) -> str:
        """The summary line: how many flags were not raised, and after which reviews."""
        n = self.suppressed
        where = ", ".join(map(str, self.sources))
        return f"{n} flag{'s' if n != 1 else ''} dismissed in review not raised ({where})"


def dismissal_memory(outdir: Path, review_db: Path | None) -> DismissalMemory | None:
    """The memory a run into ``outdir`` learns from: ``review_db`` and ``outdir``'s own
    review database; None when there is neither (the run then scores as the checks do)."""
    if review_db is None and not (outdir / DB_NAME).is_file():
        return None
    return DismissalMemory.load(outdir, review_db)


def dismissals_digest(outdir: Path, review_db: Path | None) -> str:
    """:meth:`DismissalMemory.digest` of what a run into ``outdir`` would learn from ('' when
    nothing): ``zhen batch`` re-runs an input when it changed, and only then (a review's other
    decisions change the database, not the flags)."""
    memory = dismissal_memory(outdir, review_db)
    return memory.digest() if memory is not None else ""
