"""Recall of the addition/omission checks on errors this benchmark injects itself.

No hand labels: the errors are made from clean, confidently aligned pairs of
real documents, so the benchmark runs on any clean bilingual text.

Sources (each a document, i.e. a list of pairs the checks see together):

* the 学习时报 article (corpora/xuexi-shibao-shushi-ronghe.txt) aligned by zhen;
  pairs with confidence ≥ 0.9 on which no check raises any flag;
* corpora/qa-labelled: zh.txt + en.clean.txt as 1-1 pairs;
* WMT20 Human-A segments that all three raters found error-free
  (shared/eval/mqm, read as bench/qa_mqm.py reads them; skipped without it).

Injected kinds and positions (one injection per pair, several pairs per copy
of a document, positions drawn at random; ``--seed`` makes it deterministic):

* addition / own sentence — an English sentence of a *different* document
  appended to the pair, as the aligner would join it into a 1-2 pair;
* addition / appended clause — a clause such as ", which has been widely
  criticised" put before the end of the pair's last sentence;
* addition / inside 1-N — a foreign sentence between two English sentences
  of a pair that already has several;
* omission / sentence — one English sentence of a multi-sentence pair deleted;
* omission / clause — one English comma clause deleted.

An omission is only injected where the deleted English really renders a
Chinese clause: some Chinese clause of ≥ 5 Han characters has at least half
of its dictionary words (CC-CEDICT glosses, numbers) in the deleted text and
at most a third in what is left.

Checks run as ``zhen check`` runs them (qa.pipeline.run_checks, with the
embedder and its disk cache).  An addition is *found* when an ``addition``
flag's English span overlaps the injected text; an omission when an
``omission`` flag lies on the pair.  "major" counts major flags only.  False
alarms are the share of unmodified clean pairs with a major addition/omission
flag.

    python bench/qa_inject.py               # 3 seeds, ≤ 40 injections per kind per seed, ~3-6 min
    python bench/qa_inject.py --full        # 5 seeds, every eligible pair
    python bench/qa_inject.py --no-wmt      # without the WMT20 data
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval

from align.model import Pair
from qa import lexicons as lx
from qa.model import Flag
from qa.text import sentence_spans

XUEXI = REPO / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
LABELLED = REPO / "corpora" / "qa-labelled"
CHECK_IDS = ("addition", "omission")
MAJOR = ("major", "critical")

#: clauses translators (and MT systems) add that the source never says: an
#: evaluation, a claim about a figure, an unsourced attribution, a hedge
ADDED_CLAUSES = (
    ", which has been widely criticised",
    ", a figure that has nearly doubled since 2015",
    ", according to several foreign observers",
    ", although critics say the plan has failed",
    ", despite strong opposition from local residents",
    ", which analysts expect to slow sharply next year",
    ", as the government has repeatedly admitted",
    ", though many economists remain deeply sceptical",
)

_CLAUSE_MARK = re.compile(r",\s")


@dataclass(frozen=True)
class Document:
    name: str
    pairs: list[Pair]
    clean: frozenset[int]  # pair ids eligible for injection and false-alarm counting


@dataclass(frozen=True)
class Injection:
    doc: str
    pair_id: int
    kind: str  # addition | omission
    position: str
    en_span: tuple[int, int] | None  # the added text in the new English (additions)


# --------------------------------------------------------------------------- sources


def sentences(en: str) -> list[tuple[int, int]]:
    """(start, end) of each English sentence of a pair: the form checks' splitter (qa.text)."""
    return sentence_spans(en)


def _flag_pair_ids(f: Flag) -> tuple[int, ...]:
    return tuple(f.pair_ids) if f.pair_ids else ((f.pair_id,) if f.pair_id is not None else ())


def xuexi_document(embedder, checks) -> Document:
    from align.read import read_bitext
    from qa.pipeline import align_bitext, pairs_from_alignment, run_checks
    from qa.profile import Profile

    pairs = pairs_from_alignment(align_bitext(read_bitext(XUEXI), embedder))
    flagged = {i for f in run_checks(pairs, checks, Profile(), {"embedder": embedder}) for i in _flag_pair_ids(f)}
    clean = {p.id for p in pairs if (p.score or 0) >= 0.9 and p.id not in flagged and not p.heading
             and p.zh.strip() and p.en.strip()}
    return Document("xuexi", pairs, frozenset(clean))


def labelled_document() -> Document:
    from qa_labelled import load_pairs

    pairs = load_pairs(LABELLED / "zh.txt", LABELLED / "en.clean.txt")
    clean = {p.id for p in pairs if p.zh.strip() and p.en.strip() and not p.heading}
    return Document("qa-labelled", pairs, frozenset(clean))


def wmt_documents() -> list[Document]:
    from qa_mqm import MQM_FILE, documents, read_mqm

    mqm = shared_eval("mqm")
    path = mqm / MQM_FILE.name if mqm else None
    if path is None or not path.exists():
        print("WMT20 MQM data not found in shared/eval/mqm: skipped")
        return []
    out = []
    for (_system, doc), segs in documents(read_mqm(path, {"Human-A.0"})).items():
        pairs = [Pair(id=s.seg_id, zh=s.source, en=s.target, zh_ids=(i,), en_ids=(i,), para=i)
                 for i, s in enumerate(segs)]
        clean = {s.seg_id for s in segs if s.clean and s.source.strip() and s.target.strip()}
        if clean:
            out.append(Document(f"wmt20:{doc}", pairs, frozenset(clean)))
    return out


# --------------------------------------------------------------------------- injections


def donor_sentences(docs: Sequence[Document]) -> dict[str, list[str]]:
    """English sentences of 8-35 words from each source's clean pairs, keyed by source."""
    out: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        src = d.name.split(":")[0]
        for p in d.pairs:
            if p.id in d.clean:
                for s, e in sentences(p.en):
                    t = p.en[s:e].strip()
                    if 8 <= len(t.split()) <= 35 and t[-1:] in ".!?\"”":
                        out[src].append(t)
    return out


def renders_zh_clause(zh: str, removed: str, rest: str) -> bool:
    """The removed English renders a Chinese clause the rest does not."""
    from align.script import HAN
    from qa.checks.coverage import zh_clause_coverage, zh_clauses, zh_content_words

    for c in zh_clauses(zh):
        if len(HAN.findall(c.text)) < 5 or len(zh_content_words(c.text)) < 2:
            continue
        if zh_clause_coverage(c.text, removed) >= 0.5 and zh_clause_coverage(c.text, rest) <= 0.34:
            return True
    return False


def _kept_enough(rest: str, words: int) -> bool:
    """An omission leaves most of the pair: what is left still reads as a translation of it."""
    kept = len(lx.content_lemmas(rest))
    return kept >= 4 and kept >= 0.4 * words


def _strip_end(text: str) -> tuple[str, str]:
    m = re.search(r"[.!?][\"”’)]*\s*$", text)
    return (text[:m.start()], text[m.start():]) if m else (text, "")


def inject(p: Pair, kind: str, position: str, rng: random.Random,
           donors: Sequence[str]) -> tuple[Pair, tuple[int, int] | None] | None:
    """The pair with one error of ``kind``/``position``, and the added span; None if it cannot take one."""
    en = p.en
    sents = sentences(en)
    if kind == "addition":
        if position == "own sentence":
            extra = rng.choice(donors)
            new = en.rstrip() + " "
            span = (len(new), len(new) + len(extra))
            return replace(p, en=new + extra, en_ids=p.en_ids + (-1,)), span
        if position == "appended clause":
            s, e = sents[-1]
            body, end = _strip_end(en[s:e])
            if len(body.split()) < 5:
                return None
            clause = rng.choice(ADDED_CLAUSES)
            at = s + len(body)
            return replace(p, en=en[:at] + clause + en[at:]), (at + 2, at + len(clause))
        if position == "inside 1-N":
            if len(sents) < 2:
                return None
            k = rng.randrange(1, len(sents))
            at = sents[k][0]
            extra = rng.choice(donors) + " "
            return (replace(p, en=en[:at] + extra + en[at:], en_ids=p.en_ids + (-1,)),
                    (at, at + len(extra) - 1))
    if kind == "omission":
        words = len(lx.content_lemmas(en))
        if position == "sentence":
            if len(sents) < 2:
                return None
            order = list(range(len(sents)))
            rng.shuffle(order)
            for k in order:
                s, e = sents[k]
                rest = (en[:s] + en[e:]).strip()
                if _kept_enough(rest, words) and renders_zh_clause(p.zh, en[s:e], rest):
                    return replace(p, en=re.sub(r"\s{2,}", " ", rest)), None
            return None
        if position == "clause":
            marks = [m for m in _CLAUSE_MARK.finditer(en)]
            bounds = [0] + [m.end() for m in marks]
            cands = []
            for i, b in enumerate(bounds[1:], start=1):  # never the first clause of the pair
                end = marks[i].start() if i < len(marks) else None
                if end is None:
                    s_end = next((e for s, e in sents if s <= b < e), len(en))
                    body, _ = _strip_end(en[b:s_end])
                    end = b + len(body)
                    cut = (marks[i - 1].start(), end)  # ", clause" before the sentence end
                else:
                    cut = (b, marks[i].end())  # "clause, "
                removed = en[cut[0]:cut[1]]
                if len(removed.split()) >= 3 and not re.search(r"[.!?]\s", removed):
                    cands.append(cut)
            rng.shuffle(cands)
            for s, e in cands:
                rest = en[:s] + en[e:]
                if _kept_enough(rest, words) and renders_zh_clause(p.zh, en[s:e], rest):
                    return replace(p, en=rest), None
            return None
    raise ValueError(f"unknown injection {kind}/{position}")


POSITIONS = (("addition", "own sentence"), ("addition", "appended clause"), ("addition", "inside 1-N"),
             ("omission", "sentence"), ("omission", "clause"))


# --------------------------------------------------------------------------- running


def run_coverage(pairs: Sequence[Pair], embedder) -> list[Flag]:
    """The addition and omission checks over one document, as zhen check runs them."""
    from qa.checks import all_checks
    from qa.pipeline import run_checks
    from qa.profile import Profile

    checks = [c for c in all_checks() if c.id in CHECK_IDS]
    return run_checks(pairs, checks, Profile(), {"embedder": embedder})


def found(inj: Injection, flags: Sequence[Flag], major_only: bool) -> bool:
    for f in flags:
        if f.check != inj.kind or inj.pair_id not in _flag_pair_ids(f):
            continue
        if major_only and f.severity not in MAJOR:
            continue
        if inj.en_span is None:
            return True
        a, b = inj.en_span
        if not f.en_spans or any(s < b and a < e for s, e in f.en_spans):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="first seed (default %(default)s)")
    ap.add_argument("--seeds", type=int, default=0, help="number of seeds (default 3, --full 5)")
    ap.add_argument("--per-kind", type=int, default=40,
                    help="injections per kind/position per seed, at most (default %(default)s)")
    ap.add_argument("--full", action="store_true", help="every eligible pair, 5 seeds")
    ap.add_argument("--no-wmt", action="store_true", help="leave out the WMT20 Human-A segments")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N misses per kind/position")
    args = ap.parse_args(argv)
    print("$ python bench/qa_inject.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    n_seeds = args.seeds or (5 if args.full else 3)
    per_kind = 10 ** 9 if args.full else args.per_kind

    from align.embed import load_embedder
    from qa.checks import all_checks

    t0 = time.perf_counter()
    embedder = load_embedder()
    docs = [xuexi_document(embedder, list(all_checks())), labelled_document()]
    if not args.no_wmt:
        docs += wmt_documents()
    donors = donor_sentences(docs)
    t1 = time.perf_counter()

    # false alarms: the unmodified documents
    fa = defaultdict(lambda: [0, 0, 0])  # source -> [clean pairs, addition major, omission major]
    already: set[tuple[str, int]] = set()
    for d in docs:
        src = d.name.split(":")[0]
        flags = run_coverage(d.pairs, embedder)
        fa[src][0] += len(d.clean)
        for check, col in (("addition", 1), ("omission", 2)):
            hit = {i for f in flags if f.check == check and f.severity in MAJOR for i in _flag_pair_ids(f)}
            fa[src][col] += len(hit & d.clean)
        already |= {(d.name, i) for f in flags for i in _flag_pair_ids(f)}
    t2 = time.perf_counter()

    tally = defaultdict(lambda: [0, 0, 0])  # (kind, position) -> [injected, found, found major]
    by_source = defaultdict(lambda: [0, 0])  # (kind, position, source) -> [injected, found major]
    misses: dict[tuple[str, str], list[tuple[Pair, Pair]]] = defaultdict(list)
    for seed in range(args.seed, args.seed + n_seeds):
        for kind, position in POSITIONS:
            rng = random.Random(f"{seed}:{kind}:{position}")
            slots = [(d, p) for d in docs for p in d.pairs
                     if p.id in d.clean and (d.name, p.id) not in already]
            rng.shuffle(slots)
            chosen: dict[str, dict[int, tuple[Pair, Injection]]] = defaultdict(dict)
            n = 0
            for d, p in slots:
                if n >= per_kind:
                    break
                src = d.name.split(":")[0]
                pool = [s for other, sents in donors.items() if other != src for s in sents]
                made = inject(p, kind, position, rng, pool)
                if made is None:
                    continue
                new, span = made
                chosen[d.name][p.id] = (new, Injection(d.name, p.id, kind, position, span))
                n += 1
            for d in docs:
                if d.name not in chosen:
                    continue
                changed = chosen[d.name]
                pairs = [changed[p.id][0] if p.id in changed else p for p in d.pairs]
                flags = run_coverage(pairs, embedder)
                src = d.name.split(":")[0]
                for pid, (new, inj) in changed.items():
                    t = tally[(kind, position)]
                    t[0] += 1
                    t[1] += found(inj, flags, False)
                    hit = found(inj, flags, True)
                    t[2] += hit
                    by_source[(kind, position, src)][0] += 1
                    by_source[(kind, position, src)][1] += hit
                    if not hit:
                        old = next(p for p in d.pairs if p.id == pid)
                        misses[(kind, position)].append((old, new))
    t3 = time.perf_counter()

    print(f"{len(docs)} documents, {sum(len(d.clean) for d in docs)} clean pairs; seeds "
          f"{args.seed}..{args.seed + n_seeds - 1}; load+align {t1 - t0:.0f}s, baseline {t2 - t1:.0f}s, "
          f"injections {t3 - t2:.0f}s\n")
    sources = sorted({k[2] for k in by_source})
    print(f"{'kind / position':<28} {'injected':>8} {'recall':>7} {'major':>7}   "
          + "  ".join(f"{s:>11}" for s in sources))
    for kind, position in POSITIONS:
        n, hit, major = tally[(kind, position)]
        per_src = "  ".join(
            f"{_ratio(*by_source[(kind, position, s)][::-1]):>11}" for s in sources)
        print(f"{kind + ' / ' + position:<28} {n:8d} {_ratio(hit, n):>7} {_ratio(major, n):>7}   {per_src}")
    print("(recall: any addition/omission flag at the injection; major: major flags only; "
          "per source: major recall)\n")
    print(f"{'false alarms on unmodified clean pairs':<40} {'pairs':>6} {'addition':>9} {'omission':>9}")
    tot = [0, 0, 0]
    for src in sorted(fa):
        row = fa[src]
        tot = [a + b for a, b in zip(tot, row)]
        print(f"{src:<40} {row[0]:6d} {_pct(row[1], row[0]):>9} {_pct(row[2], row[0]):>9}")
    print(f"{'all':<40} {tot[0]:6d} {_pct(tot[1], tot[0]):>9} {_pct(tot[2], tot[0]):>9}")
    print("(share of clean pairs with a major flag of that check)")
    if args.show:
        for key, rows in misses.items():
            print(f"\nmissed {key[0]} / {key[1]}:")
            for old, new in rows[:args.show]:
                print(f"  zh: {old.zh[:150]}\n  en: {new.en[:300]}\n  was: {old.en[:300]}")
    return 0


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "–"


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "–"


if __name__ == "__main__":
    sys.exit(main())
