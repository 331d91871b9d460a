"""Sentence segmentation speed: the 学习时报 document repeated to 10,000+ sentences a side.

    python bench/segment_speed.py        # prints seconds and sentences per second per language

Segmentation should stay a small share of a run (target: under 2 s for
10,000 sentences on the 2-core machine); this used to be a timed test.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from align.read import read_bitext
from align.segment import segment_en, segment_zh


def main() -> int:
    bitext = read_bitext(REPO / "corpora" / "xuexi-shibao-shushi-ronghe.txt")
    for name, fn, text in (("zh", segment_zh, bitext.zh), ("en", segment_en, bitext.en)):
        once = len(fn(text))
        big = "\n".join([text] * (10_000 // once + 1))
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            n = len(fn(big))
            best = min(best, time.perf_counter() - start)
        print(f"{name}: {n} sentences in {best:.2f} s (best of 3), {n / best:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
