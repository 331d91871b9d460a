"""Precision and recall of the QA checks on a document with known, injected errors.

A labelled corpus folder holds a Chinese text (zh.txt), our own English
translation of it with deliberately injected errors (en.txt), the list of
those errors (labels.tsv) and the error-free translation (en.clean.txt):
corpora/qa-labelled/ (form errors, the default) and corpora/qa-meaning/
(meaning errors: polarity, direction, modality, time, institutions,
shorthand, terms rendered by their parts, roles, unquoted terminology).
Every check runs on the whole document, as ``zhen check --presegmented``
would, and each flag is judged against the labels:

* a flag is a true positive when one of its lines carries a label of the
  flag's category (document flags cover several lines: any one will do);
  where the labels of a category are of several kinds (Accuracy/Mistranslation
  holds polarity, direction, modality … errors), the per-check and per-kind
  tables also want the label to name the flag's check, if any label names
  it: a polarity flag on a line whose error is a reversed comparison has not
  found that error;
* a required label is found when some flag of its category covers its line;
  labels whose kind ends in "?" are *acceptable* — consequences of another
  injection (a cut-off copy also drops the line's own content), so a flag on
  them is no false positive, but missing one is no false negative.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.errors import InputError
from align.model import Pair
from align.segment import is_en_heading, is_zh_heading
from qa.model import Check, Flag

LABELLED = REPO / "corpora" / "qa-labelled"
#: files a labelled corpus folder must hold (en.clean.txt is optional)
CORPUS_FILES = ("zh.txt", "en.txt", "labels.tsv")
MAJOR = ("major", "critical")
def needs_embedder(check: Check) -> bool:
    """Checks that need the embedder to do their real job; "form" runs skip them."""
    return "embedder" in check.needs


@dataclass(frozen=True)
class Label:
    """One injected error (or an acceptable consequence of one) on one line."""

    line: int
    checks: tuple[str, ...]
    category: str
    kind: str
    span: str
    note: str

    @property
    def required(self) -> bool:
        return not self.kind.endswith("?")


def read_lines(path: Path) -> list[str]:
    """One pair side per line; empty lines are kept (an empty side is a finding)."""
    text = path.read_text(encoding="utf-8")
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


def load_pairs(zh_path: Path, en_path: Path) -> list[Pair]:
    """Line i of both files is pair i (1-based, so pair ids are line numbers).

    Heading marks follow the presegmented reader: a pair is a heading when
    both sides look like one, as ``qa.pipeline.pairs_from_alignment`` decides.
    """
    zh, en = read_lines(zh_path), read_lines(en_path)
    if len(zh) != len(en):
        raise ValueError(f"{zh_path.name} has {len(zh)} lines but {en_path.name} has {len(en)}")
    return [Pair(id=i, zh=z, en=e, zh_ids=(i - 1,), en_ids=(i - 1,) if e else (), para=i - 1,
                 heading=is_zh_heading(z, True) and (not e or is_en_heading(e, True)))
            for i, (z, e) in enumerate(zip(zh, en), start=1)]


def load_labels(path: Path) -> list[Label]:
    rows = read_lines(path)
    out = []
    for row in rows[1:]:
        if not row.strip():
            continue
        line, checks, category, kind, span, note = row.split("\t")
        out.append(Label(int(line), tuple(c for c in checks.split(",") if c), category, kind, span, note))
    return out


def flag_lines(flag: Flag) -> tuple[int, ...]:
    if flag.pair_ids:
        return tuple(flag.pair_ids)
    return (flag.pair_id,) if flag.pair_id is not None else ()


def run(pairs: Sequence[Pair], checks: Sequence[Check], embedder=None) -> list[Flag]:
    from qa.pipeline import run_checks
    from qa.profile import Profile

    resources = {"embedder": embedder} if embedder is not None else {}
    return run_checks(pairs, checks, Profile(), resources)


@dataclass
class Tally:
    tp: int = 0  # flags that point at a labelled error of their category
    fp: int = 0
    found: int = 0  # required labels some flag caught
    missed: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.found / (self.found + self.missed) if self.found + self.missed else None


@dataclass
class Judgement:
    by_check: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    false_positives: list[Flag] = field(default_factory=list)
    false_negatives: list[Label] = field(default_factory=list)


def check_matcher(labels: Sequence[Label]):
    """``credits(label, check)``: does a same-category flag of ``check`` find ``label``'s error?

    Always, in a category whose required labels are all of one kind.  In a
    category shared by several kinds, only when the label names the check,
    names none, or no label of the corpus names the check (then its category
    is all there is to go by).
    """
    kinds: dict[str, set[str]] = defaultdict(set)
    for lab in labels:
        if lab.required:
            kinds[lab.category].add(lab.kind)
    named = frozenset(c for lab in labels for c in lab.checks)

    def credits(label: Label, check: str) -> bool:
        return (len(kinds[label.category]) <= 1 or check in label.checks
                or not label.checks or check not in named)

    return credits


def judge(flags: Iterable[Flag], labels: Sequence[Label]) -> Judgement:
    """Match flags to labels by (line, category); see the module docstring."""
    flags = list(flags)
    credits = check_matcher(labels)
    by_line_cat: dict[tuple[int, str], list[Label]] = defaultdict(list)
    for lab in labels:
        by_line_cat[(lab.line, lab.category)].append(lab)
    j = Judgement()
    for f in flags:
        same_cat = [lab for ln in flag_lines(f) for lab in by_line_cat.get((ln, f.category), ())]
        ok = bool(same_cat)
        ok_check = any(credits(lab, f.check) for lab in same_cat)
        for t, hit in ((j.by_check[f.check], ok_check), (j.by_category[f.category], ok), (j.overall, ok)):
            if hit:
                t.tp += 1
            else:
                t.fp += 1
        if not ok:
            j.false_positives.append(f)
    for lab in labels:
        if not lab.required:
            continue
        same_cat = [f for f in flags if f.category == lab.category and lab.line in flag_lines(f)]
        hit = bool(same_cat)
        hit_kind = any(credits(lab, f.check) for f in same_cat)
        for t, found in ((j.by_category[lab.category], hit), (j.by_kind[lab.kind], hit_kind), (j.overall, hit)):
            if found:
                t.found += 1
            else:
                t.missed += 1
        for check_id in lab.checks:
            caught = any(f.check == check_id for f in same_cat)
            if caught:
                j.by_check[check_id].found += 1
            else:
                j.by_check[check_id].missed += 1
        if not hit:
            j.false_negatives.append(lab)
    return j


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
