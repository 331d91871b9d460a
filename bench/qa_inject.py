"""Recall of the addition/omission checks on errors this benchmark injects itself.

No hand labels: the errors are made from clean, confidently aligned pairs of
real documents, so the benchmark runs on any clean bilingual text.

Sources (each a document, i.e. a list of pairs the checks see together):

* the 学习时报 article (corpora/xuexi-shibao-shushi-ronghe.txt) aligned by zhen;
  pairs with confidence ≥ 0.9 on which no check raises any flag;
* corpora/qa-labelled and corpora/qa-meaning: zh.txt + en.clean.txt as 1-1 pairs;
* WMT20 Human-A segments that all three raters found error-free, read in
  place from shared/eval/mqm as bench/qa_mqm.py reads them (skipped without it);
* the same documents with neighbouring clean pairs joined two by two (a 2-2
  pair, as the aligner makes one): few clean pairs have several English
  sentences, and a dropped sentence or a sentence added between two needs
  them.  Only the two multi-sentence positions draw from these.

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

Checks run as ``zhen check`` runs them (qa.pipeline.run_checks), either with
the embedder and its disk cache (the default, as ``zhen check`` runs) or
without it (``--no-embedder``, the lexical signals alone, as ``zhen check``
runs when no model is available).  The 学习时报 article is aligned with the
embedder in both modes: the alignment is the input, not what is measured.
An addition is *found* when an ``addition`` flag's English span overlaps the
injected text; an omission when an ``omission`` flag lies on the pair.
"major" counts major flags only; every recall is printed with its n.  False
alarms are the share of unmodified clean pairs with a flag of that check,
major and minor apart.

    python bench/qa_inject.py                 # 3 seeds, ≤ 40 injections per kind per seed (7-11 min)
    python bench/qa_inject.py --seeds 1       # one seed (4-5 min on the shared 2-core machine)
    python bench/qa_inject.py --no-embedder   # the same without the model (about 6 min)
    python bench/qa_inject.py --full          # 5 seeds, every eligible pair
    python bench/qa_inject.py --no-wmt        # without the WMT20 data
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


from align.model import Pair
from align.segment import en_sentence_spans
from qa import lexicons as lx
from qa.model import Flag

XUEXI = REPO / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
LABELLED = REPO / "corpora" / "qa-labelled"
MEANING = REPO / "corpora" / "qa-meaning"
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
    """(start, end) of each English sentence of a pair: the checks' way (quotations cut)."""
    return en_sentence_spans(en, keep_quotations=False)


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


def labelled_document(folder: Path = LABELLED) -> Document:
    """A labelled corpus's clean translation (zh.txt + en.clean.txt), line by line."""
    from qa.evaluation.labelled import load_pairs

    pairs = load_pairs(folder / "zh.txt", folder / "en.clean.txt")
    clean = {p.id for p in pairs if p.zh.strip() and p.en.strip() and not p.heading}
    return Document(folder.name, pairs, frozenset(clean))


#: joined pairs get ids above every real one, so the two never collide in a flag
JOINED_ID = 1_000_000


def joined_document(d: Document) -> Document | None:
    """Neighbouring clean pairs of ``d`` joined two by two into 2-2 pairs.

    The aligner makes such a pair when it cannot tell two sentence pairs
    apart; here it gives the multi-sentence pairs that a dropped sentence or
    a sentence added between two needs.  Only neighbours whose English has
    one sentence each are joined, so every joined pair has exactly two.
    """
    out: list[Pair] = []
    i = 0
    while i + 1 < len(d.pairs):
        a, b = d.pairs[i], d.pairs[i + 1]
        if (a.id in d.clean and b.id in d.clean and
                len(sentences(a.en)) == 1 and len(sentences(b.en)) == 1):
            out.append(Pair(id=JOINED_ID + len(out), zh=a.zh + b.zh, en=a.en.rstrip() + " " + b.en.lstrip(),
                            zh_ids=a.zh_ids + b.zh_ids, en_ids=a.en_ids + b.en_ids, para=a.para,
                            score=min(a.score or 1.0, b.score or 1.0)))
            i += 2
        else:
            i += 1
    if not out:
        return None
    return Document(d.name + "+joined", out, frozenset(p.id for p in out))


def wmt_documents() -> list[Document]:
    from qa_mqm import mqm_documents

    out = []
    for (_system, doc), segs in mqm_documents({"Human-A.0"}).items():
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
        src = source_of(d)
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
    from qa.checks.coverage import zh_clause_coverage
    from qa.clause_split import zh_clauses
    from qa.zh_glosses import zh_content_words

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
    """The addition and omission checks over one document, as zhen check runs them.

    ``embedder`` None runs them as ``zhen check`` does without a model.
    """
    from qa.checks import all_checks
    from qa.pipeline import run_checks
    from qa.profile import Profile

    checks = [c for c in all_checks() if c.id in CHECK_IDS]
    return run_checks(pairs, checks, Profile(), {"embedder": embedder} if embedder is not None else {})


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


#: positions that need a pair with several English sentences draw from the joined documents too
MULTI_SENTENCE = {("omission", "sentence"), ("addition", "inside 1-N")}


def source_of(doc: Document) -> str:
    """The document's source (xuexi, qa-labelled, qa-meaning, wmt20), its joined copy included."""
    return doc.name.split(":")[0].removesuffix("+joined")


@dataclass
class FalseAlarms:
    """Clean pairs of one source, and how many carry a flag of each check and severity."""

    pairs: int = 0
    flagged: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, doc: Document, flags: Sequence[Flag]) -> None:
        self.pairs += len(doc.clean)
        for check in CHECK_IDS:
            major = {i for f in flags if f.check == check and f.severity in MAJOR for i in _flag_pair_ids(f)}
            minor = {i for f in flags if f.check == check and f.severity not in MAJOR
                     for i in _flag_pair_ids(f)} - major
            self.flagged[(check, "major")] += len(major & doc.clean)
            self.flagged[(check, "minor")] += len(minor & doc.clean)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="first seed (default %(default)s)")
    ap.add_argument("--seeds", type=int, default=0, help="number of seeds (default 3, --full 5)")
    ap.add_argument("--per-kind", type=int, default=40,
                    help="injections per kind/position per seed, at most (default %(default)s)")
    ap.add_argument("--full", action="store_true", help="every eligible pair, 5 seeds")
    ap.add_argument("--no-wmt", action="store_true", help="leave out the WMT20 Human-A segments")
    ap.add_argument("--no-embedder", action="store_true",
                    help="run the checks without the embedder (lexical signals only)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N misses per kind/position")
    args = ap.parse_args(argv)
    print("$ python bench/qa_inject.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    n_seeds = args.seeds or (5 if args.full else 3)
    per_kind = 10 ** 9 if args.full else args.per_kind

    from align.embed import load_embedder
    from qa.checks import all_checks

    t0 = time.perf_counter()
    embedder = load_embedder()  # aligns the 学习时报 article in either mode
    check_embedder = None if args.no_embedder else embedder
    base = [xuexi_document(embedder, list(all_checks())), labelled_document(LABELLED),
            labelled_document(MEANING)]
    if not args.no_wmt:
        base += wmt_documents()
    donors = donor_sentences(base)
    docs = base + [j for d in base if (j := joined_document(d)) is not None]
    t1 = time.perf_counter()

    # false alarms: the unmodified documents (joined ones apart)
    fa: dict[str, FalseAlarms] = defaultdict(FalseAlarms)
    already: set[tuple[str, int]] = set()
    for d in docs:
        flags = run_coverage(d.pairs, check_embedder)
        fa[source_of(d) + (" (joined 2-2)" if d.name.endswith("+joined") else "")].add(d, flags)
        already |= {(d.name, i) for f in flags for i in _flag_pair_ids(f)}
    t2 = time.perf_counter()

    tally = defaultdict(lambda: [0, 0, 0])  # (kind, position) -> [injected, found, found major]
    by_source = defaultdict(lambda: [0, 0])  # (kind, position, source) -> [injected, found major]
    misses: dict[tuple[str, str], list[tuple[Pair, Pair]]] = defaultdict(list)
    for seed in range(args.seed, args.seed + n_seeds):
        for kind, position in POSITIONS:
            rng = random.Random(f"{seed}:{kind}:{position}")
            usable = [d for d in docs if (kind, position) in MULTI_SENTENCE or not d.name.endswith("+joined")]
            slots = [(d, p) for d in usable for p in d.pairs
                     if p.id in d.clean and (d.name, p.id) not in already]
            rng.shuffle(slots)
            chosen: dict[str, dict[int, tuple[Pair, Injection]]] = defaultdict(dict)
            n = 0
            for d, p in slots:
                if n >= per_kind:
                    break
                src = source_of(d)
                pool = [s for other, sents in donors.items() if other != src for s in sents]
                made = inject(p, kind, position, rng, pool)
                if made is None:
                    continue
                new, span = made
                chosen[d.name][p.id] = (new, Injection(d.name, p.id, kind, position, span))
                n += 1
            for d in usable:
                if d.name not in chosen:
                    continue
                changed = chosen[d.name]
                pairs = [changed[p.id][0] if p.id in changed else p for p in d.pairs]
                flags = run_coverage(pairs, check_embedder)
                src = source_of(d)
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

    mode = "without the embedder (--no-embedder)" if args.no_embedder else "with the embedder"
    print(f"checks {mode}; {len(base)} documents, {sum(len(d.clean) for d in base)} clean pairs "
          f"(+{sum(len(d.clean) for d in docs) - sum(len(d.clean) for d in base)} joined 2-2); seeds "
          f"{args.seed}..{args.seed + n_seeds - 1}; load+align {t1 - t0:.0f}s, baseline {t2 - t1:.0f}s, "
          f"injections {t3 - t2:.0f}s, total {t3 - t0:.0f}s\n")
    sources = sorted({k[2] for k in by_source})
    print(f"{'kind / position':<28} {'n':>5} {'any flag':>8} {'major':>6}   "
          + "  ".join(f"{s + ' (n)':>17}" for s in sources))
    for kind, position in POSITIONS:
        n, hit, major = tally[(kind, position)]
        per_src = "  ".join(f"{_ratio_n(*by_source[(kind, position, s)][::-1]):>17}" for s in sources)
        print(f"{kind + ' / ' + position:<28} {n:5d} {_ratio(hit, n):>8} {_ratio(major, n):>6}   {per_src}")
    print("(any flag: an addition/omission flag at the injection; major: major flags only; "
          "per source: major recall (n))\n")
    cols = [(c, sev) for c in CHECK_IDS for sev in ("major", "minor")]
    print(f"{'false alarms on unmodified clean pairs':<40} {'pairs':>6} "
          + " ".join(f"{c[:4] + '. ' + sev:>12}" for c, sev in cols))
    total = FalseAlarms()
    for src in sorted(fa):
        row = fa[src]
        total.pairs += row.pairs
        for key in cols:
            total.flagged[key] += row.flagged[key]
        print(f"{src:<40} {row.pairs:6d} " + " ".join(f"{_pct(row.flagged[k], row.pairs):>12}" for k in cols))
    print(f"{'all':<40} {total.pairs:6d} " + " ".join(f"{_pct(total.flagged[k], total.pairs):>12}" for k in cols))
    print("(share of clean pairs with a flag of that check and severity; minor: pairs with no major one)")
    if args.show:
        for key, rows in misses.items():
            print(f"\nmissed {key[0]} / {key[1]}:")
            for old, new in rows[:args.show]:
                print(f"  zh: {old.zh[:150]}\n  en: {new.en[:300]}\n  was: {old.en[:300]}")
    return 0


def _ratio_n(num: int, den: int) -> str:
    return f"{_ratio(num, den)} ({den})"


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "–"


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "–"


if __name__ == "__main__":
    sys.exit(main())
