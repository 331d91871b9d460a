"""Which files a run writes, and writing them all-or-nothing.

``zhen check`` writes every requested file into a temporary folder beside the
output folder and swaps it in only when all succeeded, so a failed run never
leaves a half-written TMX next to an old flags file, and a re-run leaves no
stale file of the previous run beside its own.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from align.errors import InputError
from align.model import Alignment
from qa.export import registry
from qa.export.registry import RUN_FILES
from qa.export.shared import DEFAULT_OPTIONS, Content, ExportOptions
from qa.pipeline import Report
from qa.run_folder import FolderPlan

#: format name → file name inside the output folder (``qa.export.registry`` lists the formats)
FILES = RUN_FILES


def run_content(report: Report, formats: Sequence[str], options: ExportOptions) -> Content:
    """What every file of a run is written from; the MQM score only when the report needs it."""
    title = (f"zhen QA report: {Path(report.bitext.source).name}" if report.bitext
             else "zhen QA report")
    quality = document_score(report) if "html" in formats else None
    return Content(report.pairs, report.flags, options=options, title=title, quality=quality)


def parse_formats(spec: str) -> list[str]:
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in FILES]
    if unknown or not names:
        raise InputError(f"--formats takes a comma-separated list of {', '.join(FILES)}; "
                         f"got '{spec}'")
    return list(dict.fromkeys(names))


def check_outdir(outdir: Path, formats: list[str], *, force: bool = False,
                 inputs: Sequence[Path | None] = ()) -> FolderPlan:
    """Refuse an output folder zhen may not replace; called before the slow part of a run."""
    from qa.run_folder import plan_output_folder

    return plan_output_folder(outdir, [FILES[fmt] for fmt in formats], FILES.values(),
                              force=force, inputs=[Path(p) for p in inputs if p is not None])


def write_outputs(report: Report, outdir: Path, formats: list[str], *, force: bool = False,
                  inputs: Sequence[Path | None] = (),
                  options: ExportOptions = DEFAULT_OPTIONS,
                  notes: list[str] | None = None, pool=None) -> list[Path]:
    """Write the run folder: every requested file plus the run marker, or nothing.

    The folder is replaced as a whole (see :mod:`qa.run_folder` for what is
    carried across and what is refused); ``inputs`` are this run's input files,
    which are never replaced.  Summary lines about what the files left out or
    changed (export filters, removed characters) are appended to ``notes``.
    With ``pool`` (``zhen check --jobs``' worker processes) the files are written
    on its workers (:func:`write_files`).
    """
    from qa import export
    from qa.run_folder import carried_entries, write_marker

    given = [Path(p) for p in inputs if p is not None]
    names = [FILES[fmt] for fmt in formats]
    plan = check_outdir(outdir, formats, force=force, inputs=given)

    def carry(real: Path) -> list[str]:
        return carried_entries(real, outdir, names, FILES.values(), force=force, inputs=given)

    found: list[str] = []
    with export.atomic_output_dir(outdir, carry=carry, keep_folder=plan.keep_folder) as tmp:
        content = run_content(report, formats, options)
        found = write_files(content, [(fmt, tmp / FILES[fmt]) for fmt in formats], options, pool)
        write_marker(tmp, names, inputs=given, formats=formats, created=plan.created)
    if notes is not None:
        notes += found
    return [outdir / name for name in names]


#: the run files from the slowest to write to the quickest (20,000 WMT20 pairs: TMX 1.2 CPU s,
#: XLIFF, XLSX and HTML about 1.0 s each, TSV 0.5 s, JSONL 0.2 s), for sharing them out
WRITE_COST_ORDER = ("tmx", "xliff", "xlsx", "html", "tsv", "csv", "jsonl")


def write_files(content: Content, targets: Sequence[tuple[str, Path]], options: ExportOptions,
                pool=None) -> list[str]:
    """Write each (format, path) of ``targets`` from ``content``; the notes of what they left out.

    With ``pool`` (a client with ``workers``, ``submit`` and ``gather``: qa.batch_partition's
    ProcessClient) the formats are dealt out, slowest first, into one group per worker and
    each group is written by a worker.  Why: after a ``--jobs`` run the workers are idle and
    the six files of 20,000 pairs take five CPU seconds one after another; the content
    travels pickled (0.1 s).  The notes come back in the order of ``targets``.
    """
    if pool is None or len(targets) < 2:
        return [note for notes in _write_group(content, list(targets), options) for note in notes]
    rank = {fmt: n for n, fmt in enumerate(WRITE_COST_ORDER)}
    ordered = sorted(targets, key=lambda t: rank.get(t[0], len(rank)))
    groups = [ordered[k::pool.workers] for k in range(min(pool.workers, len(ordered)))]
    futures = [pool.submit(_write_group, content, group, options) for group in groups]
    by_format: dict[str, list[str]] = {}
    for group, group_notes in zip(groups, pool.gather(futures)):
        for (fmt, _), fmt_notes in zip(group, group_notes):
            by_format[fmt] = fmt_notes
    return [note for fmt, _ in targets for note in by_format[fmt]]


def _write_group(content: Content, targets: list[tuple[str, Path]], options: ExportOptions
                 ) -> list[list[str]]:
    """Write each target (a worker's task); the notes of each."""
    per_target = []
    for fmt, path in targets:
        result = registry.write(fmt, content, path)
        per_target.append(result.notes(options) if result is not None else [])
    return per_target


def document_score(report: Report):
    """MQM score of the report with the profile's penalty weights."""
    from qa.score import MQMScore, Penalties

    scorer = MQMScore(Penalties(**report.profile.weights), checks=report.checks, model=report.model,
                      dismissed=report.dismissed)
    return scorer.corpus_score(report.pairs, report.flags)


def write_alignment(alignment: Alignment, out: Path, fmt: str) -> None:
    """Write an alignment to a file (atomically) or to standard output ('-'), in one of
    ``qa.export.registry.ALIGNMENT_FORMATS``."""
    if fmt not in registry.ALIGNMENT_FORMATS:  # click.Choice guards this; keep the error one line
        raise InputError(f"unknown alignment format '{fmt}'")
    target = sys.stdout.buffer if str(out) == "-" else out
    registry.ALIGNMENT_FORMATS[fmt].writer()(alignment, target)
