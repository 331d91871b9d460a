"""How long each check takes, and how that grows with the document.

Runs every registered check (without the embedder: omission/addition fall
back to their word test) on corpora/qa-labelled's 94 sentence pairs, then on
that document repeated k times, and prints seconds per check for each size.
A check whose time grows faster than the pair count shows up as a rising
``per 1k pairs`` figure (issue 16 asks for every check to be linear).

    python bench/checks_speed.py                 # sizes 94, 376
    python bench/checks_speed.py --repeat 1,10,50
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.model import Pair
from qa.checks import all_checks
from qa.model import Context


def document(repeat: int) -> list[Pair]:
    folder = REPO / "corpora" / "qa-labelled"
    zh = (folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    en += [""] * (len(zh) - len(en))
    return [Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(list(zip(zh, en)) * repeat)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", default="1,4", help="comma-separated repeat counts")
    args = ap.parse_args(argv)
    checks = all_checks()
    # first use loads word lists, CEDICT and jieba: not what is measured
    Context(pairs=document(1))
    for check in checks:
        check.run_all(Context(pairs=document(1)))
    sizes = [int(r) for r in args.repeat.split(",")]
    rows = {c.id: [] for c in checks}
    for k in sizes:
        pairs = document(k)
        for check in checks:
            start = time.perf_counter()
            check.run_all(Context(pairs=pairs))
            rows[check.id].append((len(pairs), time.perf_counter() - start))
    head = "".join(f"{n:>10d} pairs  per 1k" for n, _ in rows[checks[0].id])
    print(f"{'check':24s}{head}")
    for cid, cells in rows.items():
        print(f"{cid:24s}" + "".join(f"{t:14.3f}s {1000 * t / n:6.2f}s" for n, t in cells))
    total = [sum(rows[c.id][i][1] for c in checks) for i in range(len(sizes))]
    print(f"{'all checks':24s}" + "".join(
        f"{t:14.3f}s {1000 * t / rows[checks[0].id][i][0]:6.2f}s" for i, t in enumerate(total)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
