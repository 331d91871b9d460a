"""False alarms of the meaning checks on published, professionally translated text (issue 15).

A flag on a published translation is nearly always a false alarm: the texts below were
translated and edited by professionals, and the sentence pairs are the MAC gold alignment
(shared/eval/mac/nonliterary), so no alignment error stands between the checks and the text.
Where WMT20 (bench/qa_mqm.py) is news and MT output, these are the registers zhen is used
on:

- ``pol``: *The Governance of China* I (Xi Jinping; Foreign Languages Press), zh→en, 1,017 pairs
  of speeches, the political prose of government documents;
- ``aca``: academic texts, 1,063 pairs (translated en→zh, read here as zh→en);
- ``mag``: Time Magazine articles, 1,009 pairs (translated en→zh).

It prints, per text and check, the flags by severity and the major flags per 100 pairs (the
issue's precision budget is at most one false major flag per 100 pairs).  The meaning checks
run by default, as ``zhen check`` runs them, with the bundled embedder.

    python bench/qa_published.py                          # pol, aca, mag; meaning checks
    python bench/qa_published.py --texts pol --show major # list every major flag with its pair
    python bench/qa_published.py --checks polarity,idiom-literal --no-embedder
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import mac_or_skip
from qa_probes import MEANING_CHECKS

from align.evaluation import parse_beads
from align.model import Pair

TEXTS = ("pol", "aca", "mag")


def gold_pairs(folder: Path) -> list[Pair]:
    """The 1-1 … N-M gold beads of one MAC text as pairs (0-0 and one-sided beads left out:
    a check needs both sides)."""
    zh_file = next((folder / "zh").iterdir())
    name = zh_file.name
    zh = zh_file.read_text(encoding="utf-8").splitlines()
    en = (folder / "en" / name).read_text(encoding="utf-8").splitlines()
    pairs: list[Pair] = []
    gold = (folder / "gold" / f"{name}.align").read_text(encoding="utf-8").splitlines()
    for zs, es in parse_beads(gold):
        if zs and es:
            pairs.append(Pair(id=len(pairs) + 1, zh="".join(zh[i] for i in zs),
                              en=" ".join(en[i] for i in es)))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", default=",".join(TEXTS), help="comma-separated: pol, aca, mag")
    ap.add_argument("--checks", default=None, help="comma-separated check ids (default: the meaning checks)")
    ap.add_argument("--no-embedder", action="store_true", help="run without the embedding model")
    ap.add_argument("--show", choices=("major", "all"), default=None,
                    help="list the major (or all) flags with their pair's texts")
    args = ap.parse_args(argv)
    mac = mac_or_skip("qa_published.py")
    if mac is None:
        return 0

    from qa.batch import BatchOptions, check_setup, embedder_for
    from qa.pipeline import run_checks

    opts = BatchOptions(outdir=Path(tempfile.mkdtemp()), formats=(), no_cache=True)
    checks, profile, resources = check_setup(opts)
    wanted = set(args.checks.split(",")) if args.checks else MEANING_CHECKS
    checks = [c for c in checks if c.id in wanted]
    if not args.no_embedder:
        resources = {**resources, "embedder": embedder_for(opts)}
    total_pairs, total_major = 0, 0
    for text in args.texts.split(","):
        pairs = gold_pairs(mac / "nonliterary" / text)
        flags = run_checks(pairs, checks, profile, resources)
        by = Counter((f.check, f.severity) for f in flags)
        major = sum(n for (_, sev), n in by.items() if sev in ("major", "critical"))
        total_pairs, total_major = total_pairs + len(pairs), total_major + major
        print(f"{text}: {len(pairs)} pairs, {len(flags)} flags, {major} major "
              f"({100 * major / len(pairs):.2f} per 100 pairs)")
        for cid in sorted({c for c, _ in by}):
            cells = ", ".join(f"{by[(cid, s)]} {s}" for s in ("critical", "major", "minor") if by[(cid, s)])
            print(f"    {cid:18s} {cells}")
        if args.show:
            for f in flags:
                if args.show == "all" or f.severity in ("major", "critical"):
                    p = pairs[f.pair_id - 1] if f.pair_id else None
                    print(f"  [{text} p{f.pair_id} {f.check} {f.severity}] {f.message}")
                    if p is not None:
                        print(f"      zh: {p.zh}\n      en: {p.en}")
    print(f"all: {total_pairs} pairs, {total_major} major flags "
          f"({100 * total_major / max(total_pairs, 1):.2f} per 100 pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
