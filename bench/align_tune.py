"""Fast weight sweeps for the aligner on a MAC split (features computed once).

Embeddings, sentence features and the raw bead evidence of every document
are built once per process; each setting then only re-weights the evidence
and re-runs the dynamic programme, so a sweep point costs well under a
second on MAC-Dev.  Options that change the evidence itself (``top_k``,
``lex_idf``, ``band``, ``full_cells``) are fixed by --opt for the process.

    python bench/align_tune.py --split dev --cache /tmp/zhen-emb \\
        --sweep skip=-0.3,-0.5,-0.7 --sweep merge=0.1,0.2
    python bench/align_tune.py --split dev --cache /tmp/zhen-emb --ascent w_len,merge
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align_mac import bench_embedder, parse_beads, parse_options, read_lines, score_def1
from common import mac_or_skip, shared_eval

from align import aligner as al
from align.align_options import BEAD_TYPES, AlignOptions, options_from
from align.features import SearchContext, bead_features
from align.lattice import best_path
from align.model import Segment
from align.scoring import lattice_of, score_table


@dataclasses.dataclass
class Doc:
    ctx: SearchContext
    feats: dict[tuple[int, int], dict[str, np.ndarray]]
    gold: list


def load(split: str, embedder, opts: AlignOptions) -> list[Doc]:
    base = shared_eval("mac") / split
    docs = []
    for p in sorted((base / "gold").glob("*.align")):
        name = p.name[: -len(".align")]
        zh = [Segment(i, t) for i, t in enumerate(read_lines(base / "zh" / name))]
        en = [Segment(i, t) for i, t in enumerate(read_lines(base / "en" / name))]
        ctx = al.search_context(embedder, zh, en, opts)
        feats = {
            (a, b): bead_features(ctx, a, b, opts)
            for a, b in BEAD_TYPES
            if a and b
        }
        docs.append(Doc(ctx, feats, parse_beads(read_lines(p))))
    return docs


def decode_beads(ctx: SearchContext, scores: np.ndarray, opts: AlignOptions) -> list:
    """The best path through a score table, as (zh ids, en ids) beads."""
    beads, i, j = [], 0, 0
    for a, b in best_path(lattice_of(ctx, scores, opts)):
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return beads


def evaluate(docs: list[Doc], opts: AlignOptions) -> float:
    """Pooled def1 strict F1."""
    test = [decode_beads(d.ctx, score_table(d.ctx, opts, d.feats), opts) for d in docs]
    return score_def1(test, [d.gold for d in docs])[2]


def _steps(v):
    if isinstance(v, bool):
        return [not v]
    if isinstance(v, int):
        return [v - 1, v + 1]
    return [v * 0.7, v * 1.4] if v else [0.05, -0.05]


def ascent(docs, opts, names: list[str], rounds: int) -> AlignOptions:
    """Coordinate ascent: try each name at ×0.7 / ×1.4 (±1 for ints), keep gains."""
    best = evaluate(docs, opts)
    print(f"start {best:.4f}")
    for _ in range(rounds):
        improved = False
        for name in names:
            for v in _steps(getattr(opts, name)):
                o = dataclasses.replace(opts, **{name: v})
                f = evaluate(docs, o)
                if f > best + 1e-9:
                    best, opts, improved = f, o, True
                    print(f"  {name}={v:.4g} -> {f:.4f}")
        if not improved:
            break
    print("final", best, {n: getattr(opts, n) for n in names})
    return opts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--opt", action="append", default=[])
    ap.add_argument("--sweep", action="append", default=[], help="NAME=v1,v2,...")
    ap.add_argument("--ascent", help="comma list of option names")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if mac_or_skip("align_tune") is None:
        return 0
    opts = options_from(parse_options(args.opt))
    docs = load(args.split, bench_embedder(args.cache), opts)
    print(f"base {evaluate(docs, opts):.4f}")
    for sw in args.sweep:
        name, vals = sw.split("=", 1)
        for v in ast.literal_eval(f"[{vals}]"):
            o = dataclasses.replace(opts, **{name: v})
            print(f"{name}={v}: {evaluate(docs, o):.4f}")
    if args.ascent:
        ascent(docs, opts, args.ascent.split(","), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
