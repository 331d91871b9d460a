"""Documents per minute for ``zhen batch``: 1 and 2 local workers, and the Dask engine.

The same inputs for every run, made from real text:
  * the 学习时报 article (corpora/xuexi-shibao-shushi-ronghe.txt, one bilingual file),
  * corpora/qa-labelled as a file pair (name.zh.txt + name.en.txt),
  * WMT20 zh→en pairs (shared/eval/mqm, one system) as TSV memories of --chunk pairs each,
    when the shared data is there.
Each run starts from an empty output folder with ``--no-cache`` (no embedding
cache to warm), so it pays the model load in every worker, as a fresh batch does.

    python bench/batch_speed.py                   # 1, 2 workers and dask -j 2; ~10 min on the shared box
    python bench/batch_speed.py --runs local1 --chunks 2
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from common import REPO, shared_eval

RUNS = {
    "local1": ["--jobs", "1"],
    "local2": ["--jobs", "2"],
    "dask2": ["--engine", "dask", "--jobs", "2"],
}


def make_inputs(folder: Path, chunks: int, chunk: int, system: str) -> int:
    """Write the benchmark documents into ``folder``; how many inputs there are."""
    folder.mkdir(parents=True)
    shutil.copy(REPO / "corpora" / "xuexi-shibao-shushi-ronghe.txt", folder / "xuexi.txt")
    labelled = REPO / "corpora" / "qa-labelled"
    shutil.copy(labelled / "zh.txt", folder / "labelled.zh.txt")
    shutil.copy(labelled / "en.txt", folder / "labelled.en.txt")
    n = 2
    mqm = shared_eval("mqm")
    if mqm is None:
        print("shared/eval/mqm not found: only the two corpus documents")
        return n
    sys.path.insert(0, str(Path(__file__).parent))
    from qa_mqm import MQM_FILE, read_mqm

    segments = read_mqm(mqm / MQM_FILE.name, {system})
    for i in range(chunks):
        part = segments[i * chunk:(i + 1) * chunk]
        if not part:
            break
        rows = "".join(f"{s.source}\t{s.target}\n" for s in part)
        (folder / f"wmt20-{i:02d}.tsv").write_text("zh\ten\n" + rows, encoding="utf-8")
        n += 1
    return n


def time_run(inputs: Path, out: Path, extra: Sequence[str]) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "qa.cli", "batch", str(inputs), "-o", str(out), "--no-cache",
           "--formats", "tsv,jsonl,html", *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"zhen batch failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds, proc.stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", default="local1,local2,dask2", help=f"comma-separated: {', '.join(RUNS)}")
    ap.add_argument("--chunks", type=int, default=6, help="WMT20 TSV memories")
    ap.add_argument("--chunk", type=int, default=40, help="pairs per WMT20 memory")
    ap.add_argument("--system", default="Online-B.1605", help="WMT20 system whose output is used")
    args = ap.parse_args(argv)
    print("$ python bench/batch_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    with tempfile.TemporaryDirectory(prefix="zhen-batch-bench-") as tmp:
        inputs = Path(tmp) / "inputs"
        n = make_inputs(inputs, args.chunks, args.chunk, args.system)
        print(f"{n} inputs: 学习时报 article, qa-labelled file pair, "
              f"{n - 2} WMT20 memories of {args.chunk} pairs")
        print(f"{'run':8s} {'seconds':>8s} {'docs/min':>9s}  summary")
        for name in args.runs.split(","):
            seconds, summary = time_run(inputs, Path(tmp) / f"out-{name}", RUNS[name])
            print(f"{name:8s} {seconds:8.1f} {n / seconds * 60:9.2f}  {summary.split(';')[0]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
