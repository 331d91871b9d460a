"""Time and peak memory of writing a large TMX and XLIFF (issue 18: large outputs stream).

    python bench/export_stream.py [--units 100000]

Each measurement runs in a fresh process so its peak RSS is its own: the
pairs (the corpus's Chinese paragraphs cycled, an English text of similar
length, a flag on every tenth pair) are built first, RSS is read, then the
file is written and the peak read again; "writer" is the difference.  The
``tree`` line builds the same TMX as one lxml tree and serialises it, the way
the writers worked before they streamed, for contrast.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _pairs_and_flags(n: int):
    from align.model import Pair
    from qa.model import Flag

    zh_lines = [line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.isascii()]
    pairs, flags = [], []
    for i in range(n):
        zh = zh_lines[i % len(zh_lines)]
        en = f"Sentence {i}: " + "the digital economy and the real economy " * (len(zh) // 40 + 1)
        pairs.append(Pair(id=i, zh=zh, en=en.strip(), zh_ids=(i,), en_ids=(i,), score=0.9,
                          para=i // 5))
        if i % 10 == 0:
            flags.append(Flag("idiom-literal", "Style/Literal idiom", "major",
                              "translated word for word", pair_id=i))
    return pairs, flags


def measure(mode: str, n: int) -> dict:
    pairs, flags = _pairs_and_flags(n)
    before = _peak_mb()
    out = Path(tempfile.mkdtemp()) / f"bench.{'xlf' if mode == 'xliff' else 'tmx'}"
    start = time.perf_counter()
    if mode == "tmx":
        from qa.export.tmx import export_tmx

        units = export_tmx(pairs, out, flags=flags).units
    elif mode == "xliff":
        from qa.export.xliff import write_xliff

        units = write_xliff(pairs, flags, out).units
    else:  # the whole document as one tree, then serialised
        from lxml import etree

        from align.formats.tmx import _tu
        from align.formats.unit import DEFAULT_LANGS
        from align.formats.xmlchars import XmlCleaner
        from qa.export.shared import DEFAULT_OPTIONS, ExportResult
        from qa.export.tmx import tmx_units

        root = etree.Element("tmx", version="1.4")
        body = etree.SubElement(root, "body")
        clean = XmlCleaner()
        for unit in tmx_units(pairs, flags, {}, "skip", DEFAULT_OPTIONS, ExportResult("tree")):
            body.append(_tu(unit, DEFAULT_LANGS, clean))
        out.write_bytes(etree.tostring(root, encoding="UTF-8", pretty_print=True))
        units = len(body)
    seconds = time.perf_counter() - start
    peak = _peak_mb()
    return {"mode": mode, "units": units, "seconds": round(seconds, 2),
            "mb": round(out.stat().st_size / 2**20, 1), "rss_before_mb": round(before),
            "rss_peak_mb": round(peak), "writer_mb": round(peak - before)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--mode", choices=("tmx", "xliff", "tree"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:  # a child process: one measurement, as JSON
        print(json.dumps(measure(args.mode, args.units)))
        return
    print(f"{'mode':6s} {'units':>7s} {'seconds':>8s} {'file MB':>8s} "
          f"{'RSS before':>10s} {'peak':>6s} {'writer':>7s}")
    for mode in ("tmx", "xliff", "tree"):
        proc = subprocess.run([sys.executable, __file__, "--mode", mode, "--units",
                               str(args.units)], capture_output=True, text=True, check=True)
        r = json.loads(proc.stdout)
        print(f"{r['mode']:6s} {r['units']:7d} {r['seconds']:8.2f} {r['mb']:8.1f} "
              f"{r['rss_before_mb']:8d}MB {r['rss_peak_mb']:4d}MB {r['writer_mb']:5d}MB")


if __name__ == "__main__":
    main()
