"""Recall and false alarms of the meaning checks on the blind probe sentences (issue 15).

``corpora/qa-probes/`` holds sentence-level probes written by three writers who never saw
the checks (see its README): each line a Chinese sentence of government, statistical or
policy prose, a right English and a wrong one with one fluent meaning error of a class.
Each sentence is checked on its own, as a one-pair document, with the default checks and
the bundled embedder, as ``zhen check`` would check it:

- *found*: the class's check flags the wrong English (the flag's check, not its span, is
  judged: one sentence holds one error);
- *right flagged*: any meaning check flags the right English (each is a false alarm);
- the term-consistency probes are short documents, checked whole;
- the controls are right renderings of constructions a naive check would misread.

Where the labelled documents (bench/qa_labelled.py) measure a whole translation, these
measure many more constructions per class: 24 probes per class, 12 documents.

    python bench/qa_probes.py
    python bench/qa_probes.py --show          # every miss and every false alarm
    python bench/qa_probes.py --classes roles,time
    python bench/qa_probes.py --writers w3    # one writer's probes
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.model import Pair

#: each probe class and the checks whose flag finds it
CLASS_CHECKS = {
    "polarity": {"polarity"}, "direction": {"direction"}, "modality": {"modality"},
    "time": {"time-expression"}, "institution": {"institution"}, "shorthand": {"shorthand"},
    "literal-term": {"literal-term", "idiom-literal"}, "roles": {"roles"},
    "term-consistency": {"term-consistency"},
}
MEANING_CHECKS = set().union(*CLASS_CHECKS.values())


@dataclass
class Probe:
    """One probe: a document of one or more pairs (wrong English, right English)."""

    source: str  # file:line or file:document
    cls: str
    zh: list[str]
    wrong: list[str]
    right: list[str]
    note: str = ""  # the Chinese span and the wrong English span, or the repeated term


def _rows(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _writer_files(folder: Path, suffix: str) -> list[Path]:
    """A folder's ``w<N><suffix>`` files in writer order (w2 before w10: a glob has no number)."""
    pattern = re.compile(rf"w(\d+){re.escape(suffix)}")
    found = [(int(m.group(1)), path) for path in folder.iterdir() if (m := pattern.fullmatch(path.name))]
    return [path for _, path in sorted(found)]


def read_probes(folder: Path) -> tuple[list[Probe], list[Probe]]:
    """(probes with an error, controls) of every writer's files in ``folder``."""
    probes: list[Probe] = []
    controls: list[Probe] = []
    for path in _writer_files(folder, ".tsv"):
        for n, (cls, zh, wrong, right, zh_span, en_span) in enumerate(_rows(path), 1):
            probes.append(Probe(f"{path.name}:{n}", cls, [zh], [wrong], [right],
                                f"{zh_span} → {en_span}"))
    for path in _writer_files(folder, "-consistency.tsv"):
        docs: dict[str, list[list[str]]] = defaultdict(list)
        for row in _rows(path):
            docs[row[0]].append(row)
        for doc, rows in docs.items():
            probes.append(Probe(f"{path.name}:{doc}", "term-consistency", [r[1] for r in rows],
                                [r[2] for r in rows], [r[3] for r in rows], rows[0][4]))
    for path in _writer_files(folder, "-controls.tsv"):
        for n, (cls, zh, right) in enumerate(_rows(path), 1):
            controls.append(Probe(f"{path.name}:{n}", cls, [zh], [], [right]))
    return probes, controls


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(REPO / "corpora" / "qa-probes"))
    ap.add_argument("--classes", default=None, help="comma-separated classes (default all)")
    ap.add_argument("--writers", default=None, help="comma-separated writers, e.g. w1,w2 (default all)")
    ap.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args(argv)

    from qa.batch import BatchOptions, check_setup, embedder_for
    from qa.pipeline import run_checks

    probes, controls = read_probes(Path(args.corpus))
    if args.writers:
        writers = tuple(f"{w}." for w in args.writers.split(",")) + tuple(f"{w}-" for w in args.writers.split(","))
        probes = [p for p in probes if p.source.startswith(writers)]
        controls = [c for c in controls if c.source.startswith(writers)]
    if args.classes:
        wanted = set(args.classes.split(","))
        probes = [p for p in probes if p.cls in wanted]
        controls = [c for c in controls if c.cls in wanted]
    opts = BatchOptions(outdir=Path(tempfile.mkdtemp()), formats=(), no_cache=True)
    checks, profile, resources = check_setup(opts)
    resources = {**resources, "embedder": embedder_for(opts)}

    def meaning_flags(zh: list[str], en: list[str]):
        pairs = [Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(zip(zh, en))]
        return [f for f in run_checks(pairs, checks, profile, resources) if f.check in MEANING_CHECKS]

    found, total, flagged, major = Counter(), Counter(), Counter(), Counter()
    shown: list[str] = []
    for p in probes:
        total[p.cls] += 1
        if any(f.check in CLASS_CHECKS[p.cls] for f in meaning_flags(p.zh, p.wrong)):
            found[p.cls] += 1
        else:
            shown.append(f"MISS  {p.source} [{p.cls}] {p.note}\n      {' / '.join(p.zh)}\n"
                         f"      {' / '.join(p.wrong)}")
        wrong_alarms = meaning_flags(p.zh, p.right)
        if wrong_alarms:
            flagged[p.cls] += 1
            major[p.cls] += any(f.severity in ("major", "critical") for f in wrong_alarms)
            shown += [f"FALSE {p.source} [{f.check} {f.severity}] {f.message}" for f in wrong_alarms]
    control_flagged = 0
    for c in controls:
        alarms = meaning_flags(c.zh, c.right)
        control_flagged += bool(alarms)
        shown += [f"FALSE {c.source} (control) [{f.check} {f.severity}] {f.message}" for f in alarms]

    print(f"{args.corpus}: {len(probes)} probes, {len(controls)} controls")
    print(f"{'class':18s} {'found':>7s} {'R%':>4s}  right flagged (major)")
    for cls in CLASS_CHECKS:
        if total[cls]:
            print(f"{cls:18s} {found[cls]:3d}/{total[cls]:<3d} {100 * found[cls] / total[cls]:4.0f}"
                  f"  {flagged[cls]}/{total[cls]} ({major[cls]})")
    n = sum(total.values())
    print(f"overall: found {sum(found.values())}/{n} ({sum(found.values()) / max(n, 1):.2f}); "
          f"right renderings flagged {sum(flagged.values())}/{n} "
          f"({sum(major.values())} with a major flag); controls flagged {control_flagged}/{len(controls)}")
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
