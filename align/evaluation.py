"""Alignment quality against gold beads: the two metric definitions of the MAC corpus README.

A bead is one link of an alignment: the Chinese sentence indices and the
English sentence indices it joins (either side may be empty: a null bead).
Definition 1 is aligner-eval's strict score (exact bead matches over all
beads, nulls included); definition 2 is Vecalign's score.py after Sennrich &
Volk (precision over all test beads, recall without null gold beads; strict
and lax).  bench/align_mac.py prints both beside the published figures and
tests/test_align.py holds them to worked examples; both import them from here.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def parse_beads(lines: Sequence[str]) -> Beads:
    """Gold/test files: one bead a line, ``[0, 1]:[0]`` (Python lists of sentence indices)."""
    out: Beads = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        left, right = line.split(":")
        out.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return out


def score_def1(test: list[Beads], gold: list[Beads]) -> tuple[float, float, float]:
    """aligner-eval strict: exact bead matches over all beads, nulls included."""
    match = n_test = n_gold = 0
    for t, g in zip(test, gold):
        gs = set(g)
        match += sum(1 for b in t if b in gs)
        n_test += len(t)
        n_gold += len(g)
    return _prf(match, n_test, match, n_gold)


def _lax_hit(bead, gold_pairs: set) -> bool:
    return any((z, e) in gold_pairs for z in bead[0] for e in bead[1])


def score_def2(
    test: list[Beads], gold: list[Beads]
) -> dict[str, tuple[float, float, float]]:
    """Vecalign score.py (Sennrich & Volk): P over all test beads, R without nulls."""
    counts = {"strict": [0, 0, 0, 0], "lax": [0, 0, 0, 0]}
    for t, g in zip(test, gold):
        gset, tset = set(g), set(t)
        gpairs = {(z, e) for zs, es in g for z in zs for e in es}
        tpairs = {(z, e) for zs, es in t for z in zs for e in es}
        for b in t:
            counts["strict"][0] += b in gset
            counts["lax"][0] += (b in gset) or _lax_hit(b, gpairs)
            counts["strict"][1] += 1
            counts["lax"][1] += 1
        for b in g:
            if not b[0] or not b[1]:
                continue
            counts["strict"][2] += b in tset
            counts["lax"][2] += (b in tset) or _lax_hit(b, tpairs)
            counts["strict"][3] += 1
            counts["lax"][3] += 1
    return {k: _prf(*v) for k, v in counts.items()}


def _prf(p_hit, p_all, r_hit, r_all) -> tuple[float, float, float]:
    p = p_hit / p_all if p_all else 0.0
    r = r_hit / r_all if r_all else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
