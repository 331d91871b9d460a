"""Judging QA flags against a labelled corpus: injected errors with known lines and categories.

A labelled corpus folder (corpora/qa-labelled, corpora/qa-meaning, …) holds a
Chinese text (zh.txt), an English translation with injected errors (en.txt),
the list of those errors (labels.tsv) and the error-free translation
(en.clean.txt).  The benchmark (bench/qa_labelled.py) prints tables from these
judgements and the regression tests (tests/test_qa_labelled.py,
tests/test_qa_meaning_corpus.py) hold floors on them; both import this module,
so the bench and the tests cannot judge by two different rules.

* a flag is a true positive when one of its lines carries a label of the
  flag's category (document flags cover several lines: any one will do);
  where the labels of a category are of several kinds, the per-check and
  per-kind tallies also want the label to name the flag's check, if any label
  names it (see ``check_matcher``);
* a required label is found when some flag of its category covers its line;
  labels whose kind ends in "?" are *acceptable* consequences of another
  injection: a flag on them is no false positive, missing one no false negative.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.model import Pair
from align.segment import is_en_heading, is_zh_heading
from qa.model import Check, Flag

#: files a labelled corpus folder must hold (en.clean.txt is optional)
CORPUS_FILES = ("zh.txt", "en.txt", "labels.tsv")


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
    """labels.tsv: a header, then line, checks (comma-separated), category, kind, span, note."""
    rows = read_lines(path)
    out = []
    for row in rows[1:]:
        if not row.strip():
            continue
        line, checks, category, kind, span, note = row.split("\t")
        out.append(Label(int(line), tuple(c for c in checks.split(",") if c), category, kind, span, note))
    return out


def flag_lines(flag: Flag) -> tuple[int, ...]:
    """The lines (pair ids) a flag points at: all of a document flag's, else its one pair."""
    if flag.pair_ids:
        return tuple(flag.pair_ids)
    return (flag.pair_id,) if flag.pair_id is not None else ()


def run(pairs: Sequence[Pair], checks: Sequence[Check], embedder=None) -> list[Flag]:
    """The checks on the whole document with the default profile, as ``zhen check`` runs them."""
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
