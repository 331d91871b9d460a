"""Where the memory of ``zhen check --pairs`` goes, stage by stage (issue 16).

Runs the same work as ``zhen check PAIRS.tsv --pairs`` in this process on N real WMT20
pairs (as ``bench/qa_scale.py`` builds them) and prints, after every stage the pipeline
reports (read, model loaded, each check, quality estimate, outputs), the resident set size
now and its peak so far (``/proc/self/status`` VmRSS / VmHWM, the peak reset once the test
memory is built).  The growth of the peak across a
stage, divided by N, is that stage's memory per pair.

    python bench/qa_memory.py --n 1000
    python bench/qa_memory.py --n 2000 --chunk 0       # the whole memory as one chunk
    python bench/qa_memory.py --n 100000 --skip omission,addition,polarity,direction,modality,time-expression,institution,literal-term,shorthand,idiom-literal,roles
        # the end stage (document-wide checks, quality estimate, each writer) at TM size in
        # minutes: the skipped pair checks run chunk by chunk and do not set the peak there
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def reset_peak() -> None:
    """Start the peak (VmHWM) afresh, so that building the test memory does not count."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MiB (Linux)."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


class StageMemory:
    """A pipeline progress sink that notes the RSS at every message."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, float]] = []
        self.start = time.perf_counter()
        self.note("start")

    def note(self, message: str) -> None:
        now, peak = rss_mib()
        self.rows.append((message, time.perf_counter() - self.start, now, peak))

    def __call__(self, message: str) -> None:
        if message.startswith(("read ", "check ", "quality", "checks")):
            self.note(message)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="number of WMT20 pairs")
    ap.add_argument("--chunk", type=int, default=None,
                    help="pairs per check chunk (0: one chunk; default: zhen's default)")
    ap.add_argument("--skip", default="", help="comma-separated check ids not to run")
    args = ap.parse_args(argv)
    from qa_scale import _clean, wmt20_pairs

    pairs = [(_clean(zh), _clean(en)) for zh, en in wmt20_pairs(args.n)]
    with tempfile.TemporaryDirectory(prefix="zhen-mem-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["ZHEN_CACHE_DIR"] = str(tmp / "cache")
        tsv = tmp / "pairs.tsv"
        tsv.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
        del pairs
        from align.embed import load_embedder
        from qa.checks import all_checks
        from qa.export.registry import RUN_DEFAULT
        from qa.outputs import write_outputs
        from qa.pipeline import check_input
        from qa.profile import load_profile

        reset_peak()
        memory = StageMemory()
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        checks = [c for c in all_checks() if c.id not in skip]
        unknown = skip - {c.id for c in all_checks()}
        if unknown:
            ap.error(f"--skip: unknown check ids {sorted(unknown)}")

        def embedder():
            loaded = load_embedder(None)
            memory.note("embedder loaded")
            return loaded

        kwargs = {} if args.chunk is None else {"chunk_size": args.chunk or None}
        report = check_input(tsv, None, pairs_mode=True, presegmented=False, checks=checks,
                             profile=load_profile(None, checks), resources={},
                             embedder=embedder, progress=memory, **kwargs)
        memory.note("checked and scored")
        for fmt in RUN_DEFAULT:  # one folder per format, so each writer's peak shows
            write_outputs(report, tmp / f"out-{fmt}", [fmt])
            memory.note(f"wrote {fmt}")
    print(f"{'stage':<44} {'s':>7} {'RSS MiB':>8} {'peak':>8} {'Δpeak KiB/pair':>15}")
    last_peak = memory.rows[0][3]
    for message, seconds, now, peak in memory.rows:
        per_pair = (peak - last_peak) * 1024 / args.n
        print(f"{message[:44]:<44} {seconds:7.1f} {now:8.0f} {peak:8.0f} {per_pair:15.1f}")
        last_peak = peak
    total = (memory.rows[-1][3] - memory.rows[0][3]) * 1024 / args.n
    print(f"{args.n} pairs: peak {memory.rows[-1][3]:.0f} MiB; "
          f"{total:.1f} KiB per pair above the start")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
