"""The reviewed beads written out with the review applied: the final TM, a table or the report.

``zhen export OUTDIR`` and the app's export button both come here: rejected
beads are left out, fixes carry the corrected English, the comment becomes a
TMX/XLIFF note, and flags the reviewer dismissed as false alarms are gone from
every file (props, notes, sheets, report).  The summary line accounts for
every bead and says how many dismissed flags were left out.  Beads are
numbered by their position, as zhen numbers pairs in document order.

A run folder with no ``review.sqlite`` is exported as ``zhen check`` wrote it
(every pair pending, every flag kept), so ``zhen export`` also converts a run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages
from align.model import Pair
from qa.export import registry
from qa.export.registry import EXPORT_FORMATS
from qa.export.shared import (
    Content,
    ExportOptions,
    ReviewMark,
    flag_line,
    flags_by_pair,
    worst_severity,
)
from qa.model import Flag
from qa.review import ReviewedPair, ReviewSheet

from .beads import ReviewPair
from .store import DB_NAME, ReviewStore, verdict_key

#: what the app's export button may write, always into the run folder: format → file name
APP_EXPORTS = {f: "reviewed" + registry.FORMATS[f].extensions[0] for f in ("tmx", "tsv", "xlsx", "csv")}


@dataclass(frozen=True)
class ReviewedRun:
    """A run's beads with the reviewer's decisions, its flags (naming bead ids) and the
    content keys of the flags dismissed as false alarms."""

    source: Path  # the review database, or the run folder when there is no review
    title: str
    beads: list[ReviewPair]
    flags: list[Flag]
    dismissed: frozenset[str] = frozenset()

    @classmethod
    def of_store(cls, store: ReviewStore, title: str = "") -> ReviewedRun:
        dismissed = frozenset(k for k, s in store.verdicts().items() if s == "dismissed")
        return cls(store.path, store.meta("title") or title, store.beads(),
                   [f.flag for f in store.flags()], dismissed)


def export_format(out: Path, fmt: str | None) -> str:
    """The format to write: ``fmt`` when given (it must agree with a known extension of
    ``out``), else the one ``out``'s extension names; InputError otherwise."""
    by_ext = registry.by_extension(out, EXPORT_FORMATS)
    names = "|".join(EXPORT_FORMATS)
    if fmt is None:
        if by_ext is None:
            raise InputError(f"{out}: give --format {names} or an -o ending in "
                             f"{registry.extensions_of(EXPORT_FORMATS)} "
                             f"(got '{out.suffix or 'no extension'}')")
        return by_ext
    if fmt.lower() not in EXPORT_FORMATS:
        raise InputError(f"--format {fmt}: not a format zhen export writes ({names})")
    fmt = fmt.lower()
    if by_ext is not None and by_ext != fmt:
        raise InputError(f"{out}: the extension {out.suffix} is {by_ext}, but --format is {fmt}; "
                         "make them agree")
    return fmt


def _refuse_run_files(outdir: Path, out: Path) -> None:
    """Never write over what zhen check or the review keep in the run folder."""
    from qa.outputs import FILES
    from qa.run_folder import MARKER

    ours = {*FILES.values(), MARKER, DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
    if out.name in ours and out.resolve().parent == outdir.resolve():
        raise InputError(f"{out}: is a file of the run folder {outdir}; refusing to write over "
                         "it (choose another -o)")


def load_reviewed_run(outdir: Path) -> tuple[ReviewedRun, list[str]]:
    """The folder's review (or, without ``review.sqlite``, the run as checked) and notes
    for stderr about which of the two is exported."""
    from qa.outputs import FILES

    from .store import _read_run, run_fingerprint, run_title

    if not outdir.is_dir():
        raise InputError(f"{outdir}: no such folder (give the folder zhen check wrote)")
    if not (outdir / DB_NAME).is_file():
        beads, flags = _read_run(outdir)
        note = (f"{outdir} has no {DB_NAME} (not reviewed with zhen review): exporting the "
                "run as zhen check wrote it")
        return ReviewedRun(outdir, run_title(outdir), beads, flags), [note]
    store = ReviewStore.open(outdir, check_run=False)
    try:
        run = ReviewedRun.of_store(store, run_title(outdir))
        notes = []
        if (all((outdir / FILES[f]).is_file() for f in ("tsv", "jsonl"))
                and store.meta("run") != run_fingerprint(outdir)):
            notes.append(f"warning: {store.path} is the review of an earlier zhen check run of "
                         f"this folder; exporting that review (move {DB_NAME} away to export "
                         "the new run)")
    finally:
        store.close()
    return run, notes


def _flags_of(flags: Sequence[Flag], at: Mapping[int, int], kept: set[int]) -> list[Flag]:
    """``flags`` renumbered from bead ids to positions, only where they touch kept pairs."""
    out = []
    for f in flags:
        if f.pair_id is not None:
            if at[f.pair_id] in kept:
                out.append(replace(f, pair_id=at[f.pair_id],
                                   pair_ids=tuple(at[i] for i in f.pair_ids)))
            continue
        named = tuple(at[i] for i in f.pair_ids if at[i] in kept)
        if named:
            out.append(replace(f, pair_ids=named))
    return out


def _write(fmt: str, pairs: list[Pair], flags: list[Flag], marks: Mapping[int, ReviewMark],
           out: Path, langs: Languages, title: str) -> None:
    """Every format gets the flags left after the review (dismissed ones are gone, a fixed
    pair's are those of its re-check), as zhen check writes them: XLIFF notes and
    state-qualifier, the sheets' flag columns, TMX props, the report (pairs.tsv has no
    flag column, in a run or here)."""
    from qa.review_output import write_reviewed

    content = Content(pairs, flags, marks, ExportOptions(langs),
                      title=f"zhen QA report (reviewed): {title}")
    write_reviewed(fmt, content, out)


def export_reviewed(run: ReviewedRun, fmt: str, out: Path, *, drop_pending: bool = False,
                    langs: Languages = DEFAULT_LANGS) -> str:
    """Write ``run`` with its review applied to ``out`` (atomically); the summary line."""
    from qa.review_output import review_marks, select, summary_line

    live = [f for f in run.flags if verdict_key(f) not in run.dismissed]
    by_bead = flags_by_pair(live)
    rows = []
    for pos, b in enumerate(run.beads):
        own = by_bead.get(b.id, [])
        rows.append(ReviewedPair(b.to_pair(pos), b.decision, b.comment, row=pos + 2,
                                 flags="\n".join(flag_line(f) for f in own),
                                 worst=worst_severity(own)))
    sheet = ReviewSheet(run.source, rows, verified=True)
    outcome = select(sheet, keep_pending=not drop_pending, both_sides=fmt == "tmx")
    pairs = [r.pair for r in outcome.kept]
    at = {b.id: pos for pos, b in enumerate(run.beads)}
    flags = _flags_of(live, at, {p.id for p in pairs})
    _write(fmt, pairs, flags, review_marks(outcome), out, langs, run.title)
    where = " in review:" if run.source.name == DB_NAME else " in run (not reviewed):"
    line = summary_line(sheet, outcome, len(pairs), out).replace(" in sheet:", where, 1)
    gone = len(run.flags) - len(live)
    return line + (f"; {gone} dismissed flag{'s' if gone != 1 else ''} left out" if gone else "")


def export_folder(outdir: Path, out: Path, fmt: str | None = None, *, drop_pending: bool = False,
                  langs: Languages = DEFAULT_LANGS) -> tuple[str, list[str]]:
    """``zhen export OUTDIR -o FILE``: the summary line and the notes for stderr."""
    fmt = export_format(out, fmt)
    _refuse_run_files(outdir, out)
    run, notes = load_reviewed_run(outdir)
    return export_reviewed(run, fmt, out, drop_pending=drop_pending, langs=langs), notes


def export_review(store: ReviewStore, out: Path, *, drop_pending: bool = False,
                  langs: Languages = DEFAULT_LANGS) -> str:
    """The app's export (and ``zhen review OUTDIR -o``): format by extension; the summary."""
    from qa.review_output import output_format

    fmt = output_format(out, store.path)
    return export_reviewed(ReviewedRun.of_store(store), fmt, out, drop_pending=drop_pending,
                           langs=langs)
