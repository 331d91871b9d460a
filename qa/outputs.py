"""Which files a run writes, and writing them all-or-nothing.

``zhen check`` writes every requested file into a temporary folder beside the
output folder and swaps it in only when all succeeded, so a failed run never
leaves a half-written TMX next to an old flags file, and a re-run leaves no
stale file of the previous run beside its own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.model import Alignment
from qa.export.shared import DEFAULT_OPTIONS, ExportOptions, ExportResult
from qa.pipeline import Report, pairs_from_alignment
from qa.run_folder import FolderPlan


@dataclass(frozen=True)
class Output:
    """One file ``zhen check`` can write: its name in the output folder and
    the writer, called as ``write(report, target, options)``; a writer may
    return an :class:`~qa.export.shared.ExportResult` for the summary."""

    file: str
    write: Callable[[Report, Path, ExportOptions], ExportResult | None]


def _tmx(report: Report, target: Path, options: ExportOptions) -> ExportResult:
    from qa.export.tmx import export_tmx

    return export_tmx(report.pairs, target, flags=report.flags, options=options,
                      name=target.name)


def _xliff(report: Report, target: Path, options: ExportOptions) -> ExportResult:
    from qa import export

    return export.write_xliff(report.pairs, report.flags, target, options=options,
                              name=target.name)


def _html(report: Report, target: Path, options: ExportOptions) -> None:
    from qa import export

    title = (f"zhen QA report: {Path(report.bitext.source).name}" if report.bitext
             else "zhen QA report")
    export.write_html_report(report.pairs, report.flags, target, title=title,
                             quality=document_score(report))


def _xlsx(report: Report, target: Path, options: ExportOptions) -> None:
    from qa.export.table import write_review_xlsx

    write_review_xlsx(report.pairs, report.flags, target, langs=options.langs)


def _jsonl(report: Report, target: Path, options: ExportOptions) -> None:
    from qa.export.jsonl import write_flags_jsonl

    write_flags_jsonl(report.flags, target, report.pairs)


def _tsv(report: Report, target: Path, options: ExportOptions) -> None:
    from qa.export.tsv import write_pairs_tsv

    write_pairs_tsv(report.pairs, target)


def _csv(report: Report, target: Path, options: ExportOptions) -> None:
    from qa.export.table import write_review_csv

    write_review_csv(report.pairs, report.flags, target)


#: format name → what it writes; the order of ``--formats`` help
OUTPUTS: dict[str, Output] = {
    "tmx": Output("aligned.tmx", _tmx),
    "jsonl": Output("flags.jsonl", _jsonl),
    "tsv": Output("pairs.tsv", _tsv),
    "html": Output("report.html", _html),
    "xliff": Output("review.xlf", _xliff),
    "xlsx": Output("review.xlsx", _xlsx),
    "csv": Output("review.csv", _csv),
}
#: format name → file name inside the output folder
FILES = {name: out.file for name, out in OUTPUTS.items()}


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
                  notes: list[str] | None = None) -> list[Path]:
    """Write the run folder: every requested file plus the run marker, or nothing.

    The folder is replaced as a whole (see :mod:`qa.run_folder` for what is
    carried across and what is refused); ``inputs`` are this run's input files,
    which are never replaced.  Summary lines about what the files left out or
    changed (export filters, removed characters) are appended to ``notes``.
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
        for fmt in formats:
            result = OUTPUTS[fmt].write(report, tmp / FILES[fmt], options)
            if result is not None:
                found += result.notes(options)
        write_marker(tmp, names, inputs=given, formats=formats, created=plan.created)
    if notes is not None:
        notes += found
    return [outdir / name for name in names]


def document_score(report: Report):
    """MQM score of the report with the profile's penalty weights."""
    from qa.score import MQMScore, Penalties

    scorer = MQMScore(Penalties(**report.profile.weights), checks=report.checks, model=report.model,
                      dismissed=report.dismissed)
    return scorer.corpus_score(report.pairs, report.flags)


def beads_text(alignment: Alignment) -> str:
    """The MAC gold format: ``[zh ids]:[en ids]`` per line, 0-based."""
    return "".join(f"{list(b.zh)}:{list(b.en)}\n" for b in alignment.beads)


def _alignment_json(alignment: Alignment) -> bytes:
    beads = [{"zh": list(b.zh), "en": list(b.en), "confidence": round(float(b.confidence), 4),
              "zh_text": p.zh, "en_text": p.en}
             for b, p in zip(alignment.beads, pairs_from_alignment(alignment))]
    return (json.dumps({"beads": beads}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _alignment_tsv(alignment: Alignment, target) -> None:
    from qa.export.tsv import write_pairs_tsv

    write_pairs_tsv(pairs_from_alignment(alignment), target)


def _alignment_tmx(alignment: Alignment, target) -> None:
    from qa.export.tmx import write_tmx

    write_tmx(pairs_from_alignment(alignment), target)


def _alignment_bytes(render: Callable[[Alignment], bytes]):
    def write(alignment: Alignment, target) -> None:
        from qa.export.shared import write_output

        write_output(render(alignment), target)
    return write


#: ``zhen align --format`` → writer of the alignment to a path or open file
ALIGNMENT_FORMATS = {
    "beads": _alignment_bytes(lambda a: beads_text(a).encode("utf-8")),
    "tsv": _alignment_tsv,
    "json": _alignment_bytes(_alignment_json),
    "tmx": _alignment_tmx,
}


def write_alignment(alignment: Alignment, out: Path, fmt: str) -> None:
    """Write an alignment to a file (atomically) or to standard output ('-')."""
    if fmt not in ALIGNMENT_FORMATS:  # click.Choice guards this; keep the error one line anyway
        raise InputError(f"unknown alignment format '{fmt}'")
    target = sys.stdout.buffer if str(out) == "-" else out
    ALIGNMENT_FORMATS[fmt](alignment, target)
