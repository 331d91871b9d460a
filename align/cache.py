"""On-disk embedding cache, so re-running zhen on a document is cheap.

Rows are keyed by (namespace, sha256 of the text): a namespace is an
embedder's ``key`` (sentence vectors) or ``state_key`` (pooled states, see
``align.embed_protocol.PooledEmbedder``).  Keying single texts rather than whole
documents means an edited document only re-embeds the sentences that changed.

Storage is one SQLite file: many small rows, concurrent zhen processes
(SQLite's locking, WAL journal, generous busy timeout) and atomic commits come
for free.  A cache must never break a run: a corrupt or unreadable database is
moved aside and rebuilt once, and if that fails too the run continues
uncached; rows of the wrong size are treated as misses.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from align.embed_protocol import (
    ClausePooledEmbedder,
    Embedder,
    PooledEmbedder,
    windows_by_joining,
)
from align.embed_protocol import release as release_embedder

DB_NAME = "embeddings-v2.sqlite3"
#: rows per SELECT ... IN (...) (SQLite's default variable limit is 32766)
_LOOKUP_CHUNK = 900
#: once the database is bigger than this, the oldest rows are dropped
DEFAULT_MAX_BYTES = 4 << 30
#: on-disk element type of every row
STORED = np.dtype("<f2")


def as_stored(rows) -> np.ndarray:
    """float32 rows rounded as the cache stores them.

    Fresh results go through this too, so a first (cold) run returns exactly
    what later (cached) runs will read back.
    """
    rows = np.asarray(rows, dtype=np.float32)
    rounded = rows.astype(STORED).astype(np.float32)
    # a row beyond float16's range (never seen in practice) stays exact and
    # is not stored (put skips it)
    overflow = ~np.isfinite(rounded).all(axis=1) & np.isfinite(rows).all(axis=1)
    rounded[overflow] = rows[overflow]
    return rounded


def default_cache_dir() -> Path:
    """``$ZHEN_CACHE_DIR`` if set, else the platform's user cache dir + zhen."""
    env = os.environ.get("ZHEN_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("zhen", appauthor=False))


def text_hash(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:16]


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    """Not a database / malformed (as opposed to busy, locked, read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    return not isinstance(exc, sqlite3.OperationalError)


class EmbeddingCache:
    """Rows per (namespace, text) in ``<folder>/embeddings-v2.sqlite3``.

    Rows are stored as float16 (``STORED``): it halves the file and the write
    time (USE-m3 states are 1537 floats a sentence), and costs nothing
    measurable — vectors from float16 states have cosine ≥ 0.9999997 to the
    float32 ones.

    Nothing touches the disk until the first lookup, so constructing one is
    free and a run that embeds nothing creates no folder.
    """

    def __init__(
        self,
        folder: str | os.PathLike | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.folder = Path(folder).expanduser() if folder else default_cache_dir()
        self.path = self.folder / DB_NAME
        self.max_bytes = max_bytes
        self._conn: sqlite3.Connection | None = None
        self._broken = False

    # ---------- connection ----------
    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._broken:
            return self._conn
        for attempt in range(2):
            conn = None
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=60)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute(
                    # a rowid table: with kilobyte rows it writes ~2x and reads
                    # ~4x faster than a WITHOUT ROWID one keyed on (ns, h)
                    "CREATE TABLE IF NOT EXISTS rows (ns TEXT NOT NULL, h BLOB NOT NULL,"
                    " v BLOB NOT NULL, t REAL NOT NULL, UNIQUE (ns, h))"
                )
                conn.execute("CREATE INDEX IF NOT EXISTS rows_t ON rows (t)")
                conn.execute("SELECT 1 FROM rows LIMIT 1").fetchall()
                self._conn = conn
                return conn
            except sqlite3.DatabaseError as exc:
                if conn is not None:
                    conn.close()
                if attempt == 0 and _is_corrupt(exc) and self._move_aside():
                    continue
                self._give_up(exc)
            except OSError as exc:
                self._give_up(exc)
            return None
        return None

    def _fail(self, exc: sqlite3.DatabaseError) -> None:
        """A query failed: stop using the cache; a corrupt file is moved aside."""
        self.close()
        if _is_corrupt(exc):
            self._move_aside()
        self._give_up(exc)

    def _move_aside(self) -> bool:
        """Rename a corrupt database so the next connect starts fresh."""
        aside = self.path.with_name(
            f"{self.path.name}.corrupt-{os.getpid()}-{int(time.time())}"
        )
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            pass
        except OSError:
            return False
        for suffix in ("-wal", "-shm"):
            try:
                os.remove(str(self.path) + suffix)
            except OSError:
                pass
        return True

    def _give_up(self, exc: Exception) -> None:
        self._broken = True
        self._conn = None
        warnings.warn(
            f"embedding cache at {self.path} disabled for this run: {exc}",
            RuntimeWarning,
            stacklevel=3,
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ---------- rows ----------
    def get(
        self, namespace: str, texts: Sequence[str], width: int | None = None
    ) -> tuple[np.ndarray | None, np.ndarray]:
        """(rows, found): ``rows[i]`` is valid where ``found[i]``.

        ``rows`` is None when nothing was found.  ``width`` (floats per row),
        if given, rejects rows of any other size; otherwise the first row found
        fixes it.
        """
        found = np.zeros(len(texts), dtype=bool)
        conn = self._connect()
        if conn is None or not len(texts):
            return None, found
        hashes = [text_hash(t) for t in texts]
        blobs: dict[bytes, bytes] = {}
        try:
            uniq = list(dict.fromkeys(hashes))
            for a in range(0, len(uniq), _LOOKUP_CHUNK):
                part = uniq[a : a + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(part))
                blobs.update(
                    conn.execute(
                        f"SELECT h, v FROM rows WHERE ns = ? AND h IN ({marks})",
                        [namespace, *part],
                    ).fetchall()
                )
        except sqlite3.DatabaseError as exc:
            self._fail(exc)
            return None, found
        if not blobs:
            return None, found
        size = STORED.itemsize
        nbytes = size * width if width else len(next(iter(blobs.values())))
        if nbytes == 0 or nbytes % size:
            return None, found
        rows = np.zeros((len(texts), nbytes // size), dtype=np.float32)
        for i, h in enumerate(hashes):
            blob = blobs.get(h)
            if blob is not None and len(blob) == nbytes:
                rows[i] = np.frombuffer(blob, dtype=STORED)
                found[i] = np.isfinite(rows[i]).all()
        return (rows if found.any() else None), found

    def put(self, namespace: str, texts: Sequence[str], rows: np.ndarray) -> None:
        """Store rows; failures only warn (the run has its vectors anyway)."""
        conn = self._connect()
        if conn is None or not len(texts):
            return
        rows = np.ascontiguousarray(rows, dtype=STORED)
        ok = np.isfinite(rows).all(axis=1)
        now = time.time()
        data = [
            (namespace, text_hash(t), rows[i].tobytes(), now)
            for i, t in enumerate(texts)
            if ok[i]
        ]
        try:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO rows (ns, h, v, t) VALUES (?, ?, ?, ?)",
                    data,
                )
            self._prune(conn)
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

    def _prune(self, conn: sqlite3.Connection) -> None:
        """Keep the file under max_bytes by dropping the oldest quarter of rows.

        Freed pages are reused by later inserts, so the file stops growing
        without an (expensive, locking) VACUUM.
        """
        try:
            size = self.path.stat().st_size
        except OSError:
            return
        if size <= self.max_bytes:
            return
        with conn:
            (n,) = conn.execute("SELECT COUNT(*) FROM rows").fetchone()
            conn.execute(
                "DELETE FROM rows WHERE t <= (SELECT t FROM rows ORDER BY t LIMIT 1 OFFSET ?)",
                (max(n // 4, 1),),
            )


def _cut_keys(texts: Sequence[str], cuts: Sequence[Sequence[int]]) -> list[str]:
    """Cache keys of clause cuts, in ``flat_cuts`` order: the text and the offset."""
    return [f"{t}\x00{c}" for t, cs in zip(texts, cuts) for c in cs]


class CachedEmbedder:
    """Any Embedder, with its per-text results kept in an EmbeddingCache.

    For a PooledEmbedder the cache holds per-sentence states, from which both
    sentence and window vectors are rebuilt; for any other embedder it holds
    sentence vectors, and windows go through ``windows_by_joining`` on this
    wrapper so the joined window texts are cached too.  The wrapped model is
    only called for texts that miss.
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.key = inner.key

    def release(self) -> None:
        """Let the wrapped embedder drop what it keeps between calls (if it keeps anything)."""
        release_embedder(self.inner)

    def _lookup(
        self, namespace: str, texts: list[str], compute, width: int | None = None
    ) -> np.ndarray:
        rows, found = self.cache.get(namespace, texts, width)
        missing = np.flatnonzero(~found)
        if not len(missing):
            assert rows is not None
            return rows
        # each distinct missing text is computed once
        order = list(dict.fromkeys(texts[i] for i in missing))
        fresh = as_stored(compute(order))
        if rows is not None and rows.shape[1] != fresh.shape[1]:
            # stale rows of another width under the same key: trust none
            missing = np.arange(len(texts))
            order = list(dict.fromkeys(texts))
            fresh = as_stored(compute(order))
            rows = None
        if rows is None:
            rows = np.zeros((len(texts), fresh.shape[1]), dtype=np.float32)
        where = {t: j for j, t in enumerate(order)}
        rows[missing] = fresh[[where[texts[i]] for i in missing]]
        self.cache.put(namespace, order, fresh)
        return rows

    def _states(self, texts: list[str]) -> np.ndarray:
        inner = self.inner
        assert isinstance(inner, PooledEmbedder)
        return self._lookup(
            inner.state_key, texts, inner.sentence_states, inner.state_width
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.inner.embed([])
        if isinstance(self.inner, PooledEmbedder):
            return self.inner.vectors_from_states(self._states(texts))
        return self._lookup(self.key, texts, self.inner.embed)

    def windows_and_halves(
        self, texts: Sequence[str], max_len: int, cuts: Sequence[Sequence[int]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``align.clauses.windows_and_halves`` with states and cut rows cached.

        Cut rows are keyed by text and offset, in a namespace of their own;
        a text whose state or any cut row misses goes through the model's
        one token pass for both.
        """
        from align.clauses import flat_cuts, halves_by_encoding

        texts = list(texts)
        inner = self.inner
        if not isinstance(inner, ClausePooledEmbedder):
            windows = self.embed_windows(texts, max_len, "")
            return (windows, *halves_by_encoding(self, texts, cuts, windows.shape[2]))
        owner = flat_cuts(cuts)[0]
        cut_keys = _cut_keys(texts, cuts)
        cut_ns = inner.state_key + "/cuts-v1"
        states, found = self.cache.get(inner.state_key, texts, inner.state_width)
        rows, cut_found = self.cache.get(cut_ns, cut_keys, inner.cut_width)
        need = ~found
        np.logical_or.at(need, owner, ~cut_found)
        if states is None:
            states = np.zeros((len(texts), inner.state_width), dtype=np.float32)
        if rows is None:
            rows = np.zeros((len(cut_keys), inner.cut_width), dtype=np.float32)
        missing = np.flatnonzero(need)
        if len(missing):
            # each distinct missing text once, with the cuts of its first place
            first: dict[str, int] = {}
            for i in missing.tolist():
                first.setdefault(texts[i], i)
            order = list(first)
            sub_cuts = [cuts[first[t]] for t in order]
            fresh_states, fresh_rows = inner.clause_states(order, sub_cuts)
            fresh_states, fresh_rows = as_stored(fresh_states), as_stored(fresh_rows)
            where = {t: j for j, t in enumerate(order)}
            states[missing] = fresh_states[[where[texts[i]] for i in missing]]
            sub_keys = _cut_keys(order, sub_cuts)
            at = {key: j for j, key in enumerate(sub_keys)}
            redo = np.flatnonzero(need[owner])
            rows[redo] = fresh_rows[[at[cut_keys[r]] for r in redo]]
            self.cache.put(inner.state_key, order, fresh_states)
            self.cache.put(cut_ns, sub_keys, fresh_rows)
        return (
            inner.windows_from_states(states, max_len),
            *inner.halves_from_states(states, rows, owner),
        )

    def embed_windows(
        self, texts: Sequence[str], max_len: int, joiner: str = " ",
        longest: np.ndarray | None = None,
    ) -> np.ndarray:
        """Windows as the wrapped embedder gives them, from cached states when it pools;
        ``longest`` (pooled only) as for ``PooledEmbedder.windows_from_states``."""
        texts = list(texts)
        if isinstance(self.inner, PooledEmbedder):
            if not texts:
                return self.inner.embed_windows([], max_len, joiner)
            return self.inner.windows_from_states(self._states(texts), max_len, longest)
        return windows_by_joining(self, texts, max_len, joiner)
