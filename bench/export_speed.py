"""Seconds and peak memory of writing each file of a ``zhen check`` output folder (issue 16).

    python bench/export_speed.py [--pairs 20000] [--report FILE] [--keep DIR]

The run is the one ``zhen check MEMORY --pairs`` makes of ``--pairs`` real WMT20
pairs (``bench/qa_scale.py``'s memory: every system's output, in file order),
all default checks, the bundled embedder.  It is checked once and its Report
pickled to ``--report`` (default: ``zhen-export-speed-N.pickle`` in the
temporary folder; a few minutes cold, the embedding cache helps); every later
run only loads it.  Then each format of a run folder is written in a fresh
process, as ``zhen check`` writes it (``qa.outputs.run_content`` and the
registry writer; the HTML's time includes the document score it needs), and
the whole folder once more through ``qa.outputs.write_outputs``.  Wall and CPU
seconds of the process (CPU is the steadier figure on a shared machine; no
writer starts a process of its own).  RSS is read after the Report is loaded
and again after the file is written; "writer" is the difference.  ``--keep
DIR`` keeps the files, to compare two versions of the writers byte for byte
(``cmp``), e.g. with ``PYTHONPATH`` set to the other tree.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO

FORMATS = ("tmx", "jsonl", "tsv", "html", "xliff", "xlsx")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def build_report(n: int, target: Path) -> None:
    """Check ``n`` WMT20 pairs as ``zhen check --pairs`` does and pickle the Report."""
    from qa_scale import _clean, wmt20_pairs

    from align.embed import load_embedder
    from qa.checks import all_checks
    from qa.pipeline import check_input
    from qa.profile import load_profile

    with tempfile.TemporaryDirectory(prefix="zhen-export-speed-") as tmp:
        tsv = Path(tmp) / f"pairs-{n}.tsv"
        pairs = [(_clean(zh), _clean(en)) for zh, en in wmt20_pairs(n)]
        tsv.write_text("zh\ten\n" + "".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
        checks = all_checks()
        start = time.perf_counter()
        report = check_input(tsv, None, pairs_mode=True, presegmented=False, checks=checks,
                             profile=load_profile(None, checks), resources={},
                             embedder=lambda: load_embedder(None))
    print(f"checked {n} pairs in {time.perf_counter() - start:.0f} s: {len(report.flags)} flags",
          flush=True)
    with open(target, "wb") as fh:
        pickle.dump(report, fh, protocol=pickle.HIGHEST_PROTOCOL)


def measure(report_file: Path, fmt: str, keep: Path | None) -> dict:
    """Write one format (``all``: the whole run folder) in this process."""
    from qa.export import registry
    from qa.export.shared import DEFAULT_OPTIONS
    from qa.outputs import FILES, run_content, write_outputs

    with open(report_file, "rb") as fh:
        report = pickle.load(fh)
    for name in FORMATS:  # the writers' own imports are not their work on the rows
        registry.FORMATS[name].writer()
    before = _peak_mb()
    out = keep or Path(tempfile.mkdtemp(prefix="zhen-export-speed-"))
    start, cpu = time.perf_counter(), time.process_time()
    if fmt == "all":
        folder = out / "run"
        write_outputs(report, folder, list(FORMATS), force=True)
        size = sum(f.stat().st_size for f in folder.iterdir())
    else:
        out.mkdir(parents=True, exist_ok=True)
        target = out / FILES[fmt]
        registry.write(fmt, run_content(report, [fmt], DEFAULT_OPTIONS), target)
        size = target.stat().st_size
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = _peak_mb()
    return {"format": fmt, "pairs": len(report.pairs), "flags": len(report.flags),
            "seconds": round(seconds, 2), "cpu": round(cpu, 2), "mb": round(size / 2**20, 1),
            "rss_before_mb": round(before), "rss_peak_mb": round(peak),
            "writer_mb": round(peak - before)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=20_000)
    parser.add_argument("--report", type=Path, help="the pickled Report (made when missing)")
    parser.add_argument("--keep", type=Path, help="write the files into this folder and keep them")
    parser.add_argument("--formats", default=",".join(FORMATS) + ",all")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # a child process: one format
    args = parser.parse_args()
    report_file = args.report or Path(tempfile.gettempdir()) / f"zhen-export-speed-{args.pairs}.pickle"
    if args.measure:
        print(json.dumps(measure(report_file, args.measure, args.keep)))
        return
    if not report_file.is_file():
        build_report(args.pairs, report_file)
    print(f"{'format':7s} {'pairs':>6s} {'flags':>6s} {'seconds':>8s} {'CPU s':>6s} {'file MB':>8s} "
          f"{'RSS before':>10s} {'peak':>6s} {'writer':>7s}")
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO))}
    for fmt in args.formats.split(","):
        cmd = [sys.executable, __file__, "--measure", fmt, "--report", str(report_file)]
        if args.keep:
            cmd += ["--keep", str(args.keep)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
        r = json.loads(proc.stdout.splitlines()[-1])
        print(f"{r['format']:7s} {r['pairs']:6d} {r['flags']:6d} {r['seconds']:8.2f} {r['cpu']:6.2f} "
              f"{r['mb']:8.1f} {r['rss_before_mb']:8d}MB {r['rss_peak_mb']:4d}MB "
              f"{r['writer_mb']:5d}MB", flush=True)


if __name__ == "__main__":
    main()
