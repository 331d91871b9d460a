"""Which files a run writes, and writing them all-or-nothing.

``zhen check`` writes every requested file into a temporary folder beside the
output folder and swaps it in only when all succeeded, so a failed run never
leaves a half-written TMX next to an old flags file, and a re-run leaves no
stale file of the previous run beside its own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from align.errors import InputError
from align.model import Alignment
from qa.pipeline import Report, pairs_from_alignment
from qa.run_folder import FolderPlan

#: format name → file name inside the output folder
FILES = {
    "tmx": "aligned.tmx",
    "jsonl": "flags.jsonl",
    "tsv": "pairs.tsv",
    "html": "report.html",
    "xliff": "review.xlf",
    "xlsx": "review.xlsx",
    "csv": "review.csv",
}


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
                  inputs: Sequence[Path | None] = ()) -> list[Path]:
    """Write the run folder: every requested file plus the run marker, or nothing.

    The folder is replaced as a whole (see :mod:`qa.run_folder` for what is
    carried across and what is refused); ``inputs`` are this run's input files,
    which are never replaced.
    """
    from qa import export
    from qa.run_folder import carried_entries, write_marker

    given = [Path(p) for p in inputs if p is not None]
    names = [FILES[fmt] for fmt in formats]
    plan = check_outdir(outdir, formats, force=force, inputs=given)
    title = f"zhen QA report: {Path(report.bitext.source).name}" if report.bitext else "zhen QA report"

    def carry(real: Path) -> list[str]:
        return carried_entries(real, outdir, names, FILES.values(), force=force, inputs=given)

    with export.atomic_output_dir(outdir, carry=carry, keep_folder=plan.keep_folder) as tmp:
        for fmt in formats:
            target = tmp / FILES[fmt]
            if fmt == "tmx":
                export.write_tmx(report.pairs, target, flags=report.flags)
            elif fmt == "jsonl":
                export.write_flags_jsonl(report.flags, target, report.pairs)
            elif fmt == "tsv":
                export.write_pairs_tsv(report.pairs, target)
            elif fmt == "html":
                export.write_html_report(report.pairs, report.flags, target, title=title,
                                         quality=document_score(report))
            elif fmt == "xliff":
                export.write_xliff(report.pairs, report.flags, target)
            elif fmt == "xlsx":
                export.write_review_xlsx(report.pairs, report.flags, target)
            elif fmt == "csv":
                export.write_review_csv(report.pairs, report.flags, target)
        write_marker(tmp, names, inputs=given, formats=formats, created=plan.created)
    return [outdir / name for name in names]


def document_score(report: Report):
    """MQM score of the report with the profile's penalty weights."""
    from qa.score import MQMScore, Penalties

    scorer = MQMScore(Penalties(**report.profile.weights), checks=report.checks, model=report.model)
    return scorer.corpus_score(report.pairs, report.flags)


def beads_text(alignment: Alignment) -> str:
    """The MAC gold format: ``[zh ids]:[en ids]`` per line, 0-based."""
    return "".join(f"{list(b.zh)}:{list(b.en)}\n" for b in alignment.beads)


def write_alignment(alignment: Alignment, out: Path, fmt: str) -> None:
    """Write an alignment to a file (atomically) or to standard output ('-')."""
    from qa import export
    from qa.export.shared import write_output

    target = sys.stdout.buffer if str(out) == "-" else out
    if fmt == "tsv":
        export.write_pairs_tsv(pairs_from_alignment(alignment), target)
    elif fmt == "tmx":
        export.write_tmx(pairs_from_alignment(alignment), target)
    elif fmt == "json":
        beads = [{"zh": list(b.zh), "en": list(b.en), "confidence": round(float(b.confidence), 4),
                  "zh_text": p.zh, "en_text": p.en}
                 for b, p in zip(alignment.beads, pairs_from_alignment(alignment))]
        text = json.dumps({"beads": beads}, ensure_ascii=False, indent=1) + "\n"
        write_output(text.encode("utf-8"), target)
    elif fmt == "beads":
        write_output(beads_text(alignment).encode("utf-8"), target)
    else:  # click.Choice guards this; keep the error one line anyway
        raise InputError(f"unknown alignment format '{fmt}'")
