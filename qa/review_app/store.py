"""``OUTDIR/review.sqlite``: the review of one ``zhen check`` run, saved change by change.

The first ``zhen review OUTDIR`` imports the run (``pairs.tsv`` for the pairs,
``flags.jsonl`` for the flags, ``aligned.tmx`` when present for inline tags
and paragraph numbers) in one transaction; from then on every change the
reviewer makes is one transaction (WAL journal, ``synchronous=FULL``), so a
killed server or a closed browser loses nothing and the next start resumes.

Each change gets a sequence number (``log.seq``, with what changed); every
bead records the last sequence number that touched it, so a browser tab asks
"what changed since N" and learns about another tab's edits.  Verdicts on
flags (confirmed, dismissed) are kept by the flag's content (check, message,
texts), not its row: when the checks run again after an edit and raise the
same flag, it comes back with its verdict.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from align.errors import InputError
from align.model import InlineCode
from qa.model import Flag

from .beads import ReviewPair, Sentence, split_sentences

DB_NAME = "review.sqlite"
FLAG_STATUSES = ("open", "confirmed", "dismissed")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE pairs (
    id INTEGER PRIMARY KEY, pos INTEGER NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL,
    score REAL, qe REAL, para INTEGER NOT NULL, heading INTEGER NOT NULL, unit_id TEXT,
    zh_codes TEXT NOT NULL, en_codes TEXT NOT NULL,
    decision TEXT NOT NULL, comment TEXT NOT NULL, version INTEGER NOT NULL,
    seq INTEGER NOT NULL);
CREATE TABLE flags (
    id INTEGER PRIMARY KEY, record TEXT NOT NULL, key TEXT NOT NULL);
CREATE TABLE verdicts (key TEXT PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, op TEXT NOT NULL,
                  detail TEXT NOT NULL);
"""


class Conflict(Exception):
    """A save made from an older version of a bead (another tab saved first)."""

    def __init__(self, pair_id: int) -> None:
        super().__init__(f"pair {pair_id} was changed meanwhile (another tab?)")
        self.pair_id = pair_id


@dataclass(frozen=True)
class StoredFlag:
    """A flag of the review; ``pair_id``/``pair_ids`` in it are review bead ids."""

    id: int | None
    flag: Flag

    @property
    def key(self) -> str:
        return verdict_key(self.flag)

    @property
    def pair_ids(self) -> tuple[int, ...]:
        f = self.flag
        return (f.pair_id,) if f.pair_id is not None else f.pair_ids


def verdict_key(flag: Flag) -> str:
    """What a verdict sticks to: the same check saying the same about the same texts."""
    text = f"{flag.check}\x00{flag.message}\x00{flag.zh}\x00{flag.en}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sentences_json(sentences: Sequence[Sentence]) -> str:
    return json.dumps([[s.text, list(s.ids)] for s in sentences], ensure_ascii=False)


def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(t, tuple(ids)) for t, ids in json.loads(text))


def _codes_json(codes: Sequence[InlineCode]) -> str:
    return json.dumps([asdict(c) for c in codes], ensure_ascii=False)


def _codes(text: str) -> tuple[InlineCode, ...]:
    return tuple(InlineCode(**c) for c in json.loads(text))


def _flag_json(flag: Flag) -> str:
    return json.dumps(flag.to_dict(), ensure_ascii=False, sort_keys=True)


def run_fingerprint(outdir: Path) -> str:
    """The run a review belongs to: digest of its pairs.tsv and flags.jsonl."""
    from qa.outputs import FILES
    from qa.run_folder import sha256_file

    return "+".join(sha256_file(outdir / FILES[f])[:16] for f in ("tsv", "jsonl"))


def _qe_scores(path: Path) -> dict[int, float]:
    """The ``qe`` column of pairs.tsv by pair id (the pairs reader does not keep it)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        found = {}
        for row in rows:
            try:
                found[int(row["id"])] = float(row["qe"])
            except (KeyError, TypeError, ValueError):
                continue
    return found


def run_title(outdir: Path) -> str:
    """What the page calls the review: the run's input file name, else the folder's."""
    from qa.run_folder import read_marker

    marker = read_marker(outdir)
    return Path(marker.inputs[0]).name if marker and marker.inputs else outdir.resolve().name


def _read_run(outdir: Path) -> tuple[list[ReviewPair], list[Flag]]:
    """The beads and flags a ``zhen check`` run wrote into ``outdir``."""
    from align.pairs_io import read_pairs
    from qa.export.jsonl import read_flags_jsonl
    from qa.export.shared import output_unit_ids
    from qa.outputs import FILES
    from qa.run_folder import MARKER, read_marker

    for name in (FILES["tsv"], FILES["jsonl"]):
        if not (outdir / name).is_file():
            marker = read_marker(outdir)
            why = (f"no {name} and no {MARKER}: not a `zhen check` output folder" if marker is None
                   else f"this run wrote only --formats {','.join(marker.formats)} (no {name})")
            raise InputError(f"{outdir}: {why}; run zhen check with --formats including tsv,jsonl")
    pairs = read_pairs(outdir / FILES["tsv"]).pairs
    flags = read_flags_jsonl(outdir / FILES["jsonl"])
    qe = _qe_scores(outdir / FILES["tsv"])
    tmx = {}
    if (outdir / FILES["tmx"]).is_file():  # tags, paragraphs and headings, which pairs.tsv lacks
        tmx = {p.unit_id: p for p in read_pairs(outdir / FILES["tmx"]).pairs}
    tuids = output_unit_ids(pairs)
    beads = []
    for p in pairs:
        rich = tmx.get(tuids[p.id])
        if rich is not None and (rich.zh, rich.en) == (p.zh, p.en):
            p = type(p)(**{**p.__dict__, "zh_codes": rich.zh_codes, "en_codes": rich.en_codes,
                           "para": rich.para, "heading": rich.heading})
        beads.append(ReviewPair(
            id=p.id, zh=split_sentences(p.zh, p.zh_ids, "zh"),
            en=split_sentences(p.en, p.en_ids, "en"), score=p.score, qe=qe.get(p.id), para=p.para,
            heading=p.heading, unit_id=p.unit_id, zh_codes=p.zh_codes, en_codes=p.en_codes))
    ids = {b.id for b in beads}
    for f in flags:
        named = (f.pair_id,) if f.pair_id is not None else f.pair_ids
        if any(i not in ids for i in named):
            raise InputError(f"{outdir / FILES['jsonl']}: a {f.check} flag names a pair that "
                             f"{FILES['tsv']} does not have (files from different runs?)")
    return beads, flags


class ReviewStore:
    """The review database of one run folder; safe to share between server threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                   timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, outdir: Path, *, check_run: bool = True) -> ReviewStore:
        """The folder's review, imported from the run on first use.

        With ``check_run``, a review started on an earlier run of the same
        folder (zhen check ran again since) is refused rather than mixed with
        the new run's pairs.
        """
        if not outdir.is_dir():
            raise InputError(f"{outdir}: no such folder")
        path = outdir / DB_NAME
        if not check_run and not path.is_file():
            raise InputError(f"{outdir}: no review yet (start one with zhen review {outdir})")
        try:
            store = cls(path)
        except sqlite3.Error as exc:
            raise InputError(f"cannot open {path}: {exc}") from None
        try:
            if not store._imported():
                if not check_run:
                    raise InputError(f"{outdir}: no review yet (start one with zhen review {outdir})")
                store._import(outdir)
            elif check_run and store.meta("run") != run_fingerprint(outdir):
                raise InputError(
                    f"{path} holds the review of an earlier zhen check run of this folder "
                    f"(pairs.tsv or flags.jsonl changed since); export it with zhen review "
                    f"{outdir} -o FILE.tmx, then move {DB_NAME} away to review the new run")
        except sqlite3.DatabaseError as exc:
            store.close()
            raise InputError(f"{path}: not a readable review database ({exc})") from None
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _imported(self) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        return row is not None and self.meta("run") is not None

    def _import(self, outdir: Path) -> None:
        beads, flags = _read_run(outdir)
        with self._lock, self._transaction():
            for table in ("meta", "pairs", "flags", "verdicts", "log"):
                self._db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self._db.execute(statement)
            seq = self._log("import", {"pairs": len(beads), "flags": len(flags)})
            for key, value in (("run", run_fingerprint(outdir)), ("created", _now()),
                               ("title", run_title(outdir))):
                self._db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
            self._write_beads(beads, seq)
            self._write_order([b.id for b in beads])
            for f in flags:
                self._db.execute("INSERT INTO flags (record, key) VALUES (?, ?)",
                                 (_flag_json(f), verdict_key(f)))

    # ------------------------------------------------------------------ reading

    def meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def seq(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM log").fetchone()[0]

    def beads(self) -> list[ReviewPair]:
        """Every bead in document order."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM pairs ORDER BY pos").fetchall()
        return [self._bead(r) for r in rows]

    def bead(self, pair_id: int) -> ReviewPair | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM pairs WHERE id=?", (pair_id,)).fetchone()
        return self._bead(row) if row else None

    def changed_since(self, seq: int) -> set[int]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT id FROM pairs WHERE seq > ?", (seq,))}

    def flags(self) -> list[StoredFlag]:
        from qa.export.jsonl import flag_from_dict

        with self._lock:
            rows = self._db.execute("SELECT id, record FROM flags ORDER BY id").fetchall()
        return [StoredFlag(i, flag_from_dict(json.loads(r))) for i, r in rows]

    def flag(self, flag_id: int) -> StoredFlag | None:
        return next((f for f in self.flags() if f.id == flag_id), None)

    def verdicts(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT key, status FROM verdicts"))

    def next_id(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COALESCE(MAX(id), -1) + 1 FROM pairs").fetchone()[0]

    def _bead(self, row: tuple) -> ReviewPair:
        (pid, _pos, zh, en, score, qe, para, heading, unit_id, zh_codes, en_codes, decision,
         comment, version, _seq) = row
        return ReviewPair(id=pid, zh=_sentences(zh), en=_sentences(en), score=score, qe=qe,
                          para=para, heading=bool(heading), unit_id=unit_id,
                          zh_codes=_codes(zh_codes), en_codes=_codes(en_codes),
                          decision=decision, comment=comment, version=version)

    # ------------------------------------------------------------------ writing

    def _transaction(self):
        db = self._db

        class _Tx:
            def __enter__(self):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind, exc, tb):
                db.execute("COMMIT" if kind is None else "ROLLBACK")
                return False

        return _Tx()

    def _log(self, op: str, detail: dict) -> int:
        cur = self._db.execute("INSERT INTO log (at, op, detail) VALUES (?, ?, ?)",
                               (_now(), op, json.dumps(detail, ensure_ascii=False)))
        return cur.lastrowid

    def _write_beads(self, beads: Iterable[ReviewPair], seq: int) -> None:
        for b in beads:
            self._db.execute(
                "INSERT INTO pairs VALUES (?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET zh=excluded.zh, en=excluded.en, "
                "score=excluded.score, qe=excluded.qe, para=excluded.para, "
                "heading=excluded.heading, unit_id=excluded.unit_id, zh_codes=excluded.zh_codes, "
                "en_codes=excluded.en_codes, decision=excluded.decision, "
                "comment=excluded.comment, version=excluded.version, seq=excluded.seq",
                (b.id, _sentences_json(b.zh), _sentences_json(b.en), b.score, b.qe, b.para,
                 int(b.heading), b.unit_id, _codes_json(b.zh_codes), _codes_json(b.en_codes),
                 b.decision, b.comment, b.version, seq))

    def _write_order(self, order: Sequence[int]) -> None:
        self._db.executemany("UPDATE pairs SET pos=? WHERE id=?",
                             [(pos, pid) for pos, pid in enumerate(order)])

    def _touch(self, pair_ids: Iterable[int], seq: int) -> None:
        self._db.executemany("UPDATE pairs SET seq=? WHERE id=?", [(seq, i) for i in pair_ids])

    def save(self, op: str, detail: dict, *, beads: Sequence[ReviewPair] = (),
             expect: dict[int, int] | None = None, remove: Sequence[int] = (),
             order: Sequence[int] | None = None,
             flags: Sequence[StoredFlag] | None = None) -> int:
        """One change, in one transaction; its sequence number.

        ``expect`` maps bead id → the version the change was made from: a
        bead saved since raises :class:`Conflict` and nothing is written.
        ``flags`` (when given) is the complete new flag list: flags equal to a
        stored one keep their row, the others replace theirs.
        """
        with self._lock, self._transaction():
            for pid, version in (expect or {}).items():
                row = self._db.execute("SELECT version FROM pairs WHERE id=?", (pid,)).fetchone()
                if row is None or row[0] != version:
                    raise Conflict(pid)
            seq = self._log(op, detail)
            self._db.executemany("DELETE FROM pairs WHERE id=?", [(i,) for i in remove])
            self._write_beads(beads, seq)
            if order is not None:
                self._write_order(order)
            if flags is not None:
                self._replace_flags(flags, seq)
        return seq

    def _replace_flags(self, flags: Sequence[StoredFlag], seq: int) -> None:
        old = {i: r for i, r in self._db.execute("SELECT id, record FROM flags")}
        new_records = [_flag_json(f.flag) for f in flags]
        kept = {f.id for f, r in zip(flags, new_records) if f.id in old and old[f.id] == r}
        touched: set[int] = set()
        for fid, record in old.items():
            if fid not in kept:
                self._db.execute("DELETE FROM flags WHERE id=?", (fid,))
                touched.update(json.loads(record)["pair_ids"])
        for f, record in zip(flags, new_records):
            if f.id not in kept:
                self._db.execute("INSERT INTO flags (record, key) VALUES (?, ?)",
                                 (record, f.key))
                touched.update(f.pair_ids)
        self._touch(touched, seq)

    def set_verdict(self, flag: StoredFlag, status: str) -> int:
        """Confirm, dismiss or reopen a flag (and every flag with the same content)."""
        with self._lock, self._transaction():
            seq = self._log("flag", {"flag": flag.id, "check": flag.flag.check, "status": status})
            self._db.execute("INSERT INTO verdicts VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
                             "SET status=excluded.status, at=excluded.at",
                             (flag.key, status, _now()))
            same = [json.loads(r)["pair_ids"] for (r,) in
                    self._db.execute("SELECT record FROM flags WHERE key=?", (flag.key,))]
            self._touch({i for ids in same for i in ids}, seq)
        return seq
