"""How much slower than just embedding is aligning?  And does a huge document fit?

1. Per MAC-Test chapter, ``zhen align ZH EN --presegmented -o OUT --format beads``
   as its own process (cold embedding cache in a fresh $ZHEN_CACHE_DIR; the
   dictionary tables, which depend on no document, built once before timing
   as a user's first run builds them: see ``warm_lexicons``), next
   to the embedding floor of bench/embed_floor.py (a bare process that loads
   USE-m3 and embeds both sides once).  Prints both totals and their ratio
   (target <= 2.0).  Floor and align run back to back per chapter so that
   load from other processes on the machine hits both alike.
2. A synthetic document of --big zh sentences (MAC-Test chapters
   concatenated until there are enough, both sides), aligned the same way:
   wall time and peak memory (targets < 10 min, < 4 GB).

    python bench/align_speed.py                    # both parts
    python bench/align_speed.py --skip-big         # chapters only
    python bench/align_speed.py --skip-chapters --big 20000

Without ``zhen align --presegmented`` on PATH (or next to this Python) the
aligner is run through ``python -c`` calling the Python API instead, and the
script says so.  Without shared/eval/mac it says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from common import zhen_exe
from embed_floor import RunFailed, chapters, floor_process, shared_mac, timed_process

#: fallback when the CLI is missing: the same stages through the Python API
API_CODE = """
import sys
from align.aligner import align_segments
from align.embed import load_embedder
from align.model import Segment
zh = open(sys.argv[1], encoding="utf-8").read().splitlines()
en = open(sys.argv[2], encoding="utf-8").read().splitlines()
beads = align_segments([Segment(i, t) for i, t in enumerate(zh)],
                       [Segment(i, t) for i, t in enumerate(en)], load_embedder())
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.writelines(f"{list(b.zh)}:{list(b.en)}\\n" for b in beads)
"""


def align_command(exe: str | None, zh: Path, en: Path, out: Path) -> list[str]:
    if exe:
        return [
            exe,
            "align",
            str(zh),
            str(en),
            "--presegmented",
            "-o",
            str(out),
            "--format",
            "beads",
            "-q",
        ]
    return [sys.executable, "-c", API_CODE, str(zh), str(en), str(out)]


def fresh_env(cache_dir: Path, lexicons: Path) -> dict[str, str]:
    """A cold embedding cache, but the machine's lexicon tables (see warm_lexicons)."""
    env = {**os.environ, "ZHEN_CACHE_DIR": str(cache_dir), "ZHEN_LEXICON_CACHE_DIR": str(lexicons)}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def warm_lexicons(mac: Path, exe: str | None, folder: Path) -> Path:
    """Build the CC-CEDICT and jieba tables once, untimed, as a user's first run does.

    They depend on the installed packages only, never on a document, and live
    in the zhen cache folder from the first run on (align/cedict.py); a cold
    *embedding* cache is what a new document costs, so that is what is timed.
    """
    lexicons = folder / "lexicons"
    _, zh, en = chapters(mac)[0]
    timed_process(align_command(exe, zh, en, folder / "warm.beads"),
                  fresh_env(folder / "warm-cache", lexicons))
    return lexicons


def run_chapters(mac: Path, docs, exe: str | None) -> None:
    walls = {"floor": 0.0, "align": 0.0}
    cpus = {"floor": 0.0, "align": 0.0}
    peak = 0
    failed: list[str] = []
    print(
        f"{'chapter':<8}{'zh':>6}{'en':>6}{'floor s':>9}{'align s':>9}{'ratio':>7}"
        f"{'floor cpu':>11}{'align cpu':>11}{'ratio':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            lexicons = warm_lexicons(mac, exe, Path(tmp))
        except RunFailed as exc:
            print(f"warm-up run failed: {exc}")
            return
        for name, zh, en in chapters(mac, docs):
            floor = floor_process(zh, en)
            cache = Path(tmp) / f"cache-{name}"  # cold cache: a first run on this text
            try:
                run = timed_process(
                    align_command(exe, zh, en, Path(tmp) / name), fresh_env(cache, lexicons)
                )
            except RunFailed as exc:
                print(f"{name:<8}skipped: {exc}", flush=True)
                failed.append(name)
                continue
            for key, t in (("floor", floor), ("align", run)):
                walls[key] += t.wall
                cpus[key] += t.cpu
            peak = max(peak, run.rss)
            nz = len(zh.read_text(encoding="utf-8").splitlines())
            ne = len(en.read_text(encoding="utf-8").splitlines())
            print(
                f"{name:<8}{nz:>6}{ne:>6}{floor.wall:>9.2f}{run.wall:>9.2f}"
                f"{run.wall / floor.wall:>7.2f}{floor.cpu:>11.2f}{run.cpu:>11.2f}"
                f"{run.cpu / floor.cpu:>7.2f}",
                flush=True,
            )
    how = "zhen align" if exe else "python -c (Python API; zhen align not available)"
    print(
        f"align total ({how}): {walls['align']:.1f} s wall, {cpus['align']:.1f} s CPU; "
        f"peak RSS {peak / 2**20:.0f} MiB"
    )
    print(
        f"embedding floor total: {walls['floor']:.1f} s wall, {cpus['floor']:.1f} s CPU"
    )
    print(
        f"ratio align/floor: {walls['align'] / walls['floor']:.2f} wall, "
        f"{cpus['align'] / cpus['floor']:.2f} CPU  (target <= 2.0)"
    )
    if failed:
        print(f"left out (align failed): {', '.join(failed)}")


def build_big(mac: Path, n_zh: int, folder: Path) -> tuple[Path, Path, int, int]:
    """MAC-Test chapters concatenated, whole chapters, until zh has n_zh lines.

    Every pass after the first tags its lines with " (pass N)" on both
    sides: a real document does not repeat itself, and untagged repeats
    would be served by the embedding cache instead of embedded.
    """
    zh_lines: list[str] = []
    en_lines: list[str] = []
    chs = chapters(mac)
    rep = 0
    while len(zh_lines) < n_zh:
        tag = f" (pass {rep})" if rep else ""
        for _, zh, en in chs:
            zh_lines += [t + tag for t in zh.read_text(encoding="utf-8").splitlines()]
            en_lines += [t + tag for t in en.read_text(encoding="utf-8").splitlines()]
            if len(zh_lines) >= n_zh:
                break
        rep += 1
    zh_path, en_path = folder / "big.zh", folder / "big.en"
    zh_path.write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    en_path.write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    return zh_path, en_path, len(zh_lines), len(en_lines)


def run_big(mac: Path, n_zh: int, exe: str | None, no_cache: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        zh, en, nz, ne = build_big(mac, n_zh, Path(tmp))
        cmd = align_command(exe, zh, en, Path(tmp) / "big.beads")
        if no_cache and exe:
            cmd.append("--no-cache")
        print(
            f"synthetic document: {nz} zh + {ne} en sentences "
            f"({'no cache' if no_cache else 'cold cache'}) ...",
            flush=True,
        )
        try:
            lexicons = warm_lexicons(mac, exe, Path(tmp))
            run = timed_process(cmd, fresh_env(Path(tmp) / "cache", lexicons))
        except RunFailed as exc:
            print(f"big document: {exc}")
            return
        beads = len((Path(tmp) / "big.beads").read_text(encoding="utf-8").splitlines())
    print(
        f"big document: {run.wall / 60:.1f} min wall (target < 10), {run.cpu / 60:.1f} min CPU, "
        f"peak RSS {run.rss / 2**30:.2f} GiB (target < 4), {beads} beads"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--docs", help="comma list of MAC-Test chapter numbers (default: all 24)"
    )
    ap.add_argument(
        "--big",
        type=int,
        default=100_000,
        help="zh sentences of the synthetic document",
    )
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-chapters", action="store_true")
    ap.add_argument(
        "--big-no-cache",
        action="store_true",
        help="run the synthetic document with --no-cache (default: cold cache)",
    )
    args = ap.parse_args(argv)

    mac = shared_mac()
    if mac is None:
        print(
            "align_speed: shared/eval/mac not found (set ZHEN_SHARED); skipping benchmark"
        )
        return 0
    exe = zhen_exe()
    if exe is None:
        print(
            "align_speed: `zhen align --presegmented` not available; timing the Python API"
        )
    docs = set(args.docs.split(",")) if args.docs else None
    if not args.skip_chapters:
        run_chapters(mac, docs, exe)
    if not args.skip_big:
        run_big(mac, args.big, exe, args.big_no_cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
