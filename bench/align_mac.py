"""Benchmark the aligner on the MAC zh–en gold sets (MAC-Dev, MAC-Test, non-literary).

Prints strict P/R/F1 per split under both metric definitions of the MAC README
(1: aligner-eval strict; 2: Vecalign/Sennrich–Volk strict and lax) beside the
published Bertalign and Vecalign numbers, plus wall time per split.

    python bench/align_mac.py                   # in-process API (default when no CLI)
    python bench/align_mac.py --cli             # through `zhen align --presegmented`
    python bench/align_mac.py --splits dev --cache /tmp/zhen-emb   # fast re-runs
    python bench/align_mac.py --scale 100000    # aligner time/memory, long document

The data lives in shared/ (../shared from the repo root, or $ZHEN_SHARED); it is
evaluation data only, so it is read in place and never copied.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval, zhen_exe

from align.evaluation import Beads, parse_beads, score_def1, score_def2

SPLITS = ("dev", "test", "nonliterary/aca", "nonliterary/pol", "nonliterary/mag")

#: published figures (MAC README): (definition, system, model) -> (P, R, F1)
PUBLISHED = {
    "test": [
        ("def1 strict", "Bertalign LaBSE", (0.906, 0.912, 0.909)),
        ("def1 strict", "Vecalign LaBSE", (0.860, 0.886, 0.873)),
        ("def1 strict", "Bertalign USE-m3 (max_align 8)", (None, None, 0.859)),
        ("def1 strict", "Vecalign USE-m3 (-a 8)", (None, None, 0.808)),
    ],
    "dev": [
        ("def2 strict", "Bertalign LaBSE (dev_v2021)", (0.909, 0.914, 0.911)),
        ("def2 strict", "Vecalign LaBSE (dev_v2021)", (0.848, 0.878, 0.863)),
    ],
    "nonliterary": [
        ("def1 strict", "Bertalign LaBSE (aca+pol+mag)", (0.987, 0.987, 0.987)),
        ("def1 strict", "Vecalign LaBSE (aca+pol+mag)", (0.979, 0.980, 0.979)),
    ],
}


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------- embedding cache


class CachedEmbedder:
    """Wraps an Embedder and keeps every result on disk, keyed by content.

    Tuning runs the aligner over the same documents hundreds of times; the
    embeddings never change, so they are computed once.
    """

    def __init__(self, inner, cache_dir: Path) -> None:
        self.inner = inner
        self.key = inner.key
        self.dir = cache_dir
        self.dir.mkdir(parents=True, exist_ok=True)

    def _path(self, kind: str, texts: Sequence[str], extra: str = "") -> Path:
        h = hashlib.sha1(
            "\x00".join([self.key, kind, extra, *texts]).encode()
        ).hexdigest()
        return self.dir / f"{h}.npy"

    def embed(self, texts):
        p = self._path("s", texts)
        if p.exists():
            return np.load(p)
        v = self.inner.embed(texts)
        np.save(p, v)
        return v

    def embed_windows(self, texts, max_len, joiner=" "):
        p = self._path("w", texts, f"{max_len}|{joiner}")
        if p.exists():
            return np.load(p)
        v = self.inner.embed_windows(texts, max_len, joiner)
        np.save(p, v)
        return v

    def windows_and_halves(self, texts, max_len, cuts):
        """zh windows and clause halves (``align.clauses``), kept like the rest."""
        from align.clauses import windows_and_halves

        # (the kind names the halves' layout: bump it when HALVES changes)
        p = self._path("wh2", texts, f"{max_len}|{cuts}").with_suffix(".npz")
        if p.exists():
            with np.load(p) as z:
                return z["windows"], z["vectors"], z["ok"]
        w, v, ok = windows_and_halves(self.inner, texts, max_len, cuts)
        np.savez(p, windows=w, vectors=v, ok=ok)
        return w, v, ok


def bench_embedder(cache: Path | None):
    """The default model, behind the on-disk CachedEmbedder when ``cache`` is given."""
    from align.embed import load_embedder

    embedder = load_embedder()
    return CachedEmbedder(embedder, cache) if cache else embedder


def parse_options(pairs: Sequence[str]) -> dict:
    """``--opt NAME=VALUE`` arguments as aligner options (values are Python literals)."""
    return {k: ast.literal_eval(v) for k, v in (o.split("=", 1) for o in pairs)}


# ---------------------------------------------------------------- running


def align_in_process(zh_lines, en_lines, embedder, options) -> Beads:
    from align.aligner import align_segments
    from align.model import Segment

    zh = [Segment(i, t) for i, t in enumerate(zh_lines)]
    en = [Segment(i, t) for i, t in enumerate(en_lines)]
    beads = align_segments(zh, en, embedder, **options)
    return [(b.zh, b.en) for b in beads]


def align_cli(zh_path: Path, en_path: Path) -> Beads:
    exe = zhen_exe()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "beads.txt"
        cmd = [
            exe,
            "align",
            str(zh_path),
            str(en_path),
            "--presegmented",
            "-o",
            str(out),
            "--format",
            "beads",
        ]
        subprocess.run(cmd, check=True)
        return parse_beads(read_lines(out))


def run_split(mac: Path, split: str, embedder, options, use_cli: bool, docs=None):
    base = mac / split
    names = sorted(p.name for p in (base / "gold").iterdir())
    names = [n[: -len(".align")] for n in names if n.endswith(".align")]
    if docs:
        names = [n for n in names if n in docs]
    test, gold = [], []
    t0 = time.time()
    for name in names:
        zh_path, en_path = base / "zh" / name, base / "en" / name
        if use_cli:
            test.append(align_cli(zh_path, en_path))
        else:
            test.append(
                align_in_process(
                    read_lines(zh_path), read_lines(en_path), embedder, options
                )
            )
        gold.append(parse_beads(read_lines(base / "gold" / f"{name}.align")))
    return test, gold, time.time() - t0, names


def fmt(prf) -> str:
    return " ".join("  -  " if x is None else f"{x:.3f}" for x in prf)


def _report(split: str, test: list[Beads], gold: list[Beads], timing: str) -> None:
    d1 = score_def1(test, gold)
    d2 = score_def2(test, gold)
    print(f"{split:<22}{'def1 strict':<14}{fmt(d1)}   {timing}")
    print(f"{'':<22}{'def2 strict':<14}{fmt(d2['strict'])}")
    print(f"{'':<22}{'def2 lax':<14}{fmt(d2['lax'])}")
    key = "nonliterary" if split.startswith("nonliterary") else split
    if split.startswith("nonliterary/"):
        return  # the published figures are for the three sets pooled
    for definition, system, prf in PUBLISHED.get(key, []):
        print(f"{'':<22}{definition:<14}{fmt(prf)}   published {system}")


class SyntheticVectors:
    """Embedder stand-in for the --scale timing: vectors with a diagonal to find.

    zh sentence i gets a fixed random vector, en sentence j that of the zh
    sentence at the same relative position plus noise; windows are summed.
    It measures the aligner alone (features, band, DP), not the model.
    """

    key = "synthetic"

    def __init__(self, n: int, m: int, chunk: int = 4096) -> None:
        rng = np.random.default_rng(0)
        self.table = rng.standard_normal((5003, 512)).astype(np.float32)
        self.noise = rng.standard_normal((3001, 512)).astype(np.float32)
        self.n, self.m, self.chunk = n, m, chunk
        self.offset = {"": 0, " ": 0}

    def embed_windows(self, texts, max_len, joiner=" "):
        # the aligner asks for consecutive chunks of `chunk` sentences per side
        start = self.offset[joiner]
        self.offset[joiner] += self.chunk
        k = len(texts)
        idx = np.arange(start, start + k)
        if joiner == "":
            base = self.table[idx % 5003]
        else:
            pos = np.round(idx * self.n / self.m).astype(int) % 5003
            base = self.table[pos] + 0.7 * self.noise[idx % 3001]
        csum = np.cumsum(np.vstack([np.zeros((1, 512), np.float32), base]), axis=0)
        out = np.zeros((k, max_len, 512), np.float32)
        for w in range(max_len):
            out[: k - w, w] = csum[w + 1 :] - csum[: k - w]
        out /= np.maximum(np.linalg.norm(out, axis=2, keepdims=True), 1e-9)
        return out

    def windows_and_halves(self, texts, max_len, cuts):
        """Windows as above; each clause half gets its sentence's vector."""
        w = self.embed_windows(texts, max_len, "")
        owner = np.repeat(np.arange(len(texts)), [len(c) for c in cuts])
        halves = np.repeat(w[owner, :1], 4, axis=1)
        return w, halves, np.ones(halves.shape[:2], dtype=bool)


def run_scale(mac: Path, n_target: int) -> None:
    """Time and peak memory of the aligner on MAC-Test texts repeated to n_target."""
    import resource

    from align.aligner import align_segments
    from align.model import Segment

    zh: list[str] = []
    en: list[str] = []
    while len(zh) < n_target:
        for p in sorted((mac / "test" / "zh").iterdir()):
            zh += read_lines(p)
            en += read_lines(mac / "test" / "en" / p.name)
            if len(zh) >= n_target:
                break
    t0 = time.time()
    beads = align_segments(
        [Segment(i, t) for i, t in enumerate(zh)],
        [Segment(i, t) for i, t in enumerate(en)],
        SyntheticVectors(len(zh), len(en)),
    )
    secs = time.time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"scale: {len(zh)} zh x {len(en)} en sentences -> {len(beads)} beads "
        f"in {secs:.1f}s (aligner only), peak RSS {peak:.0f} MB"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--splits",
        default=",".join(SPLITS),
        help="comma list among: " + ", ".join(SPLITS),
    )
    ap.add_argument(
        "--cli", action="store_true", help="run `zhen align` instead of the Python API"
    )
    ap.add_argument(
        "--cache", type=Path, help="directory to cache embeddings in (in-process only)"
    )
    ap.add_argument("--docs", help="comma list of document numbers to restrict to")
    ap.add_argument(
        "--out", type=Path, help="write each document's beads to OUT/<split>/<doc>"
    )
    ap.add_argument(
        "--opt",
        action="append",
        default=[],
        help="aligner option NAME=VALUE (python literal), repeatable",
    )
    ap.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="instead: time the aligner on an N-sentence document (synthetic vectors)",
    )
    args = ap.parse_args(argv)

    mac = shared_eval("mac")
    if mac is None:
        print(
            "align_mac: shared/eval/mac not found (set ZHEN_SHARED); skipping benchmark"
        )
        return 0
    if args.scale:
        run_scale(mac, args.scale)
        return 0
    use_cli = args.cli
    if use_cli and zhen_exe() is None:
        print(
            "align_mac: `zhen align --presegmented` not available; using the Python API"
        )
        use_cli = False
    options = parse_options(args.opt)
    embedder = None if use_cli else bench_embedder(args.cache)
    docs = set(args.docs.split(",")) if args.docs else None

    print(f"{'split':<22}{'definition':<14}{'P':>6}{'R':>6}{'F1':>6}   time")
    pooled: dict[str, tuple[list, list]] = {}
    for split in args.splits.split(","):
        test, gold, secs, names = run_split(
            mac, split, embedder, options, use_cli, docs
        )
        if args.out:
            d = args.out / split
            d.mkdir(parents=True, exist_ok=True)
            for name, beads in zip(names, test):
                (d / name).write_text(
                    "".join(f"{list(z)}:{list(e)}\n" for z, e in beads)
                )
        _report(split, test, gold, f"{secs:.1f}s")
        if split.startswith("nonliterary/"):
            pt, pg = pooled.setdefault("nonliterary (pooled)", ([], []))
            pt.extend(test)
            pg.extend(gold)
    for name, (test, gold) in pooled.items():
        _report(name, test, gold, "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
