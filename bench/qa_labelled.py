"""Precision and recall of the QA checks on a document with known, injected errors.

A labelled corpus folder holds a Chinese text (zh.txt), our own English
translation of it with deliberately injected errors (en.txt), the list of
those errors (labels.tsv) and the error-free translation (en.clean.txt):
corpora/qa-labelled/ (form errors, the default) and corpora/qa-meaning/
(meaning errors: polarity, direction, modality, time, institutions,
shorthand, terms rendered by their parts, roles, unquoted terminology).
Every check runs on the whole document, as ``zhen check --presegmented``
would, and each flag is judged against the labels by qa/evaluation/labelled.py
(the rules are in its docstring; tests/test_qa_labelled.py holds floors on
the same judgements).

Per check, recall counts the labels that name that check; precision counts
that check's flags.  Per injected kind (the error class), recall counts the
labels of that kind.  The clean translation (en.clean.txt) is run too: every
flag on it is a false positive, which is the figure a reviewer feels; when
there are any, they are counted per check, major ones apart.

    python bench/qa_labelled.py                  # all checks, with the embedder
    python bench/qa_labelled.py --no-embedder    # form checks only, no model
    python bench/qa_labelled.py --show           # list every miss and false alarm
    python bench/qa_labelled.py --corpus corpora/qa-meaning   # the meaning errors
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.errors import InputError
from qa.evaluation.labelled import (
    CORPUS_FILES,
    Tally,
    flag_lines,
    judge,
    load_labels,
    load_pairs,
    needs_embedder,
    run,
)
from qa.model import Flag

LABELLED = REPO / "corpora" / "qa-labelled"
MAJOR = ("major", "critical")


def _pct(x: float | None) -> str:
    return "   –" if x is None else f"{100 * x:4.0f}"


def table(title: str, rows: dict[str, Tally], *, flags: bool = True) -> str:
    """Precision columns only where flags belong to the row (not for injected kinds)."""
    width = max([len(k) for k in rows] + [len(title)])
    head = "  flags  TP  FP  P%" if flags else ""
    out = [f"{title:<{width}}{head}   labels found  R%"]
    for key in sorted(rows):
        t = rows[key]
        prec = f"  {t.tp + t.fp:5d} {t.tp:3d} {t.fp:3d} {_pct(t.precision)}" if flags else ""
        out.append(f"{key:<{width}}{prec}  {t.found + t.missed:6d} {t.found:5d} {_pct(t.recall)}")
    return "\n".join(out)


def _flag_line(f: Flag) -> str:
    span = f.en[f.en_spans[0][0]:f.en_spans[0][1]] if f.en_spans else ""
    where = ",".join(map(str, flag_lines(f)))
    return f"  line {where:<7} {f.check:<24} {f.severity:<6} {span[:40]!r:<44} {f.message[:110]}"


def clean_table(flags: Sequence[Flag]) -> str:
    """Flags on the error-free translation, per check: all of them are false alarms."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in flags:
        rows[f.check][0] += 1
        rows[f.check][1] += f.severity in MAJOR
    width = max(len(k) for k in [*rows, "clean-translation flags"])
    out = [f"{'clean-translation flags':<{width}}  flags  major"]
    out += [f"{k:<{width}}  {n:5d}  {m:5d}" for k, (n, m) in sorted(rows.items())]
    return "\n".join(out)


def corpus_folder(arg: Path) -> Path:
    """The corpus folder as given (from the working directory), else from the repo root."""
    for folder in (arg, REPO / arg):
        if folder.is_dir():
            missing = [name for name in CORPUS_FILES if not (folder / name).is_file()]
            if missing:
                raise InputError(f"{folder} has no {', '.join(missing)}: not a labelled corpus folder")
            return folder.resolve()
    raise InputError(f"no corpus folder {arg}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", "--folder", dest="corpus", type=Path, default=LABELLED,
                    help="labelled corpus folder with zh.txt, en.txt, labels.tsv (and en.clean.txt); "
                         "default corpora/qa-labelled")
    ap.add_argument("--no-embedder", action="store_true",
                    help="skip the embedding model (omission/addition then use only their word test)")
    ap.add_argument("--form-only", action="store_true",
                    help="leave out the checks that declare they need the embedder (omission, addition)")
    ap.add_argument("--show", action="store_true", help="list every false positive and false negative")
    args = ap.parse_args(argv)
    try:
        folder = corpus_folder(args.corpus)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    from qa.checks import all_checks

    checks = [c for c in all_checks() if not (args.form_only and needs_embedder(c))]
    embedder = None
    if not (args.no_embedder or args.form_only):
        from align.embed import load_embedder

        embedder = load_embedder()
    pairs = load_pairs(folder / "zh.txt", folder / "en.txt")
    labels = load_labels(folder / "labels.tsv")
    t0 = time.perf_counter()
    flags = run(pairs, checks, embedder)
    seconds = time.perf_counter() - t0
    j = judge(flags, labels)

    print("$ python bench/qa_labelled.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    print(f"{folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder}: {len(pairs)} pairs, "
          f"{sum(lab.required for lab in labels)} injected errors, "
          f"{len(checks)} checks, embedder {'on' if embedder else 'off'}, {seconds:.1f}s\n")
    print(table("check", j.by_check), end="\n\n")
    print(table("flag category", j.by_category), end="\n\n")
    print(table("injected kind", j.by_kind, flags=False), end="\n\n")
    o = j.overall
    print(f"overall: {o.tp + o.fp} flags, precision {_pct(o.precision).strip()}%, "
          f"recall {_pct(o.recall).strip()}% ({o.found}/{o.found + o.missed} injected errors)")

    clean_path = folder / "en.clean.txt"
    clean_flags: list[Flag] = []
    if clean_path.exists():
        clean_pairs = load_pairs(folder / "zh.txt", clean_path)
        clean_flags = run(clean_pairs, checks, embedder)
        major = sum(f.severity in MAJOR for f in clean_flags)
        print(f"clean translation (en.clean.txt): {len(clean_flags)} flags ({major} major/critical) "
              f"on {len({ln for f in clean_flags for ln in flag_lines(f)})}/{len(clean_pairs)} pairs")
        if clean_flags:
            print("\n" + clean_table(clean_flags))
    if args.show:
        print("\nfalse positives (injected document):")
        for f in j.false_positives:
            print(_flag_line(f))
        print("\nfalse negatives:")
        for lab in j.false_negatives:
            print(f"  line {lab.line:<4} {lab.kind:<12} {','.join(lab.checks):<24} {lab.span[:50]!r}  ({lab.note})")
        if clean_flags:
            print("\nflags on the clean translation:")
            for f in clean_flags:
                print(_flag_line(f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
