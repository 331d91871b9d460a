"""Recall of the meaning checks on meaning errors this benchmark injects itself into real English.

The labelled meaning documents (corpora/qa-meaning*) hold six hand-made errors
per class; the checks were developed on three of them and find about a third
of the errors of the blind fourth.  This benchmark asks the same question on
hundreds of sentences from another domain (WMT20 news) and on every
translation of the corpora that a reviewer would accept, with errors made by
rules that know nothing of the checks' cue tables:

* polarity / negation dropped — the Chinese says a negation (不, 没, 未, 无, 非,
  禁止 …) and the English says exactly one ("not", "n't", "cannot", "never"),
  which is taken out ("does not meet" → "does meet", "cannot" → "can",
  "never" → "always");
* polarity / negation added — a Chinese sentence with no negation at all, and
  "not" put after the first finite auxiliary of its English ("has launched" →
  "has not launched");
* direction / flipped — the Chinese says a rise or a fall (增, 涨, 升, 提高,
  扩大, 高于, 超过 … / 降, 减, 跌, 缩小, 低于 …, never both) and the English
  says exactly one word of the same direction, which becomes its opposite
  ("rose" → "fell", "higher" → "lower", "more than" → "less than");
* time / moved — the Chinese says a calendar or period word (去年, 明年, 昨天,
  上周, 年底, 年初, 上半年, 一季度, 以来, 截至, 此前, 未来 …) and the English
  renders it with the phrase this benchmark knows for it, which becomes the
  opposite ("last year" → "next year", "since" → "until", "the first half" →
  "the second half");
* modality / weakened — the Chinese says an obligation (必须, 务必, 应当, 应该,
  须, 一律) and the English says exactly one "must", "should", "shall",
  "have to", "need to", which becomes "may"/"could"/"can";
* modality / strengthened — the Chinese says a permission or possibility
  (可以, 能够, 允许, 准许, 有权) and no obligation, and the English's one "may" or
  "can" becomes "must";
* institution / swapped — the Chinese names a central body (外交部, 商务部,
  国务院, 全国人大, 最高人民法院, 发改委, 人民银行, 国家统计局 …) and the
  English's one standard name of it becomes another body's ("Ministry of
  Commerce" → "Ministry of Finance").

An injection is *found* when a flag of the class's check (polarity,
direction, time-expression, modality, institution) lies on the pair; "major"
counts major flags only, "any meaning" a flag of any of the five checks.  False alarms are
the share of the unmodified pairs with a flag of each check.

Sources: WMT20 MQM segments of every system in which no rater marked an
Accuracy error and none a Major one (translations a reviewer would accept;
read in place from shared/eval/mqm, skipped without it), and the clean
translations of corpora/qa-labelled, qa-meaning, qa-meaning-2 and
qa-meaning-3 (qa-meaning-4 is a blind yardstick and is never read here).
Every eligible pair is injected (no sampling, so no seed); the checks run
with the embedder on the changed pairs of each document, as ``zhen check``
runs them.

    python bench/qa_inject_meaning.py              # about 6 min on the 2-core machine
    python bench/qa_inject_meaning.py --no-wmt     # the corpora only
    python bench/qa_inject_meaning.py --show 10    # print 10 misses per kind
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


from align.model import Pair
from qa.model import Flag

CORPORA = ("qa-labelled", "qa-meaning", "qa-meaning-2", "qa-meaning-3")
CHECK_OF = {"polarity": "polarity", "direction": "direction", "time": "time-expression",
            "modality": "modality", "institution": "institution"}
MEANING_CHECKS = tuple(CHECK_OF.values())
MAJOR = ("major", "critical")


@dataclass(frozen=True)
class Document:
    name: str
    pairs: list[Pair]


# --------------------------------------------------------------------------- sources


def corpus_documents() -> list[Document]:
    from qa.evaluation.labelled import load_pairs

    out = []
    for name in CORPORA:
        folder = REPO / "corpora" / name
        pairs = [p for p in load_pairs(folder / "zh.txt", folder / "en.clean.txt")
                 if p.zh.strip() and p.en.strip() and not p.heading]
        out.append(Document(name, pairs))
    return out


def _accepted(seg) -> bool:
    """No rater marked an Accuracy error or a Major one."""
    return all(r.severity in ("no-error", "Neutral") or
               (r.severity == "Minor" and not r.category.startswith("Accuracy")) for r in seg.ratings)


def wmt_documents() -> list[Document]:
    from qa_mqm import mqm_documents

    out = []
    for (system, doc), segs in sorted(mqm_documents(None).items()):
        pairs = [Pair(id=s.seg_id, zh=s.source, en=s.target, zh_ids=(i,), en_ids=(i,), para=i)
                 for i, s in enumerate(segs) if _accepted(s) and s.source.strip() and s.target.strip()]
        if pairs:
            out.append(Document(f"wmt20:{system}:{doc}", pairs))
    return out


# --------------------------------------------------------------------------- injections
# The rules below are deliberately this benchmark's own: simple, and blind to qa/data.

#: Chinese words whose negator character does not negate (非常 'very', 不断 'continuously' …)
_ZH_NOT_NEGATION = re.compile("非常|无论|不论|不断|不仅|不但|不少|不同|不过|未来|不久|无数|并非常|无不|毫无疑问")
_ZH_NEGATION = re.compile("不|没|未|无|非|勿|别|莫|禁止|严禁|杜绝|否")
_EN_NEGATION = re.compile(r"\b(?:cannot|can't|won't|\w+n't|not|never)\b", re.IGNORECASE)
_EN_OTHER_NEGATION = re.compile(r"\b(?:no|nor|neither|none|nothing|nobody|without|fail(?:s|ed)?|lack)\b", re.IGNORECASE)
_NOT_A_NEGATION = re.compile(r"\bnot (?:only|just|least|to mention|merely|yet)\b|\bor not\b|\bif not\b", re.IGNORECASE)
_UNNEGATED = {"cannot": "can", "can't": "can", "won't": "will", "never": "always"}
_AUX = re.compile(r"\b(?:is|are|was|were|will|can|should|must|has|have|had|would|could)\b(?= (?!to\b|not\b)[a-z])")


def _sole(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The one match of ``pattern`` in ``text``; None when it matches never or more than once
    (an injection must change the only word that can render the Chinese cue)."""
    hits = list(pattern.finditer(text))
    return hits[0] if len(hits) == 1 else None


def _replaced(text: str, m: re.Match[str], new: str) -> str:
    """``text`` with ``m``'s match replaced by ``new``, its first letter upper-cased where the match's was."""
    if m.group(0)[:1].isupper():
        new = new[:1].upper() + new[1:]
    return text[:m.start()] + new + text[m.end():]


def zh_negated(zh: str) -> bool:
    return bool(_ZH_NEGATION.search(_ZH_NOT_NEGATION.sub("", zh)))


def drop_negation(p: Pair) -> str | None:
    if not zh_negated(p.zh) or _NOT_A_NEGATION.search(p.en) or _EN_OTHER_NEGATION.search(p.en):
        return None
    m = _sole(_EN_NEGATION, p.en)
    if m is None:
        return None
    word = m.group(0)
    low = word.lower()
    if low == "not":
        return (p.en[:m.start()].rstrip() + " " + p.en[m.end():].lstrip()).strip()
    if low in _UNNEGATED:
        return _replaced(p.en, m, _UNNEGATED[low])
    if low.endswith("n't"):
        return _replaced(p.en, m, word[:-3])
    return None


def add_negation(p: Pair) -> str | None:
    if _ZH_NEGATION.search(p.zh) or _EN_NEGATION.search(p.en) or _EN_OTHER_NEGATION.search(p.en):
        return None
    m = _AUX.search(p.en)
    return None if m is None else p.en[:m.end()] + " not" + p.en[m.end():]


_ZH_UP = re.compile("增|涨|升|提高|扩大|高于|多于|超过|加大|加快|上调")
_ZH_DOWN = re.compile("降|减|跌|缩小|低于|少于|下滑|回落|放缓|萎缩|下调")
#: English words of a direction and the word that says the opposite
_FLIPS = {
    "increase": "decrease", "increases": "decreases", "increased": "decreased", "increasing": "decreasing",
    "decrease": "increase", "decreases": "increases", "decreased": "increased", "decreasing": "increasing",
    "rise": "fall", "rises": "falls", "rose": "fell", "risen": "fallen", "rising": "falling",
    "fall": "rise", "falls": "rises", "fell": "rose", "fallen": "risen", "falling": "rising",
    "higher": "lower", "highest": "lowest", "lower": "higher", "lowest": "highest",
    "more than": "less than", "less than": "more than", "fewer than": "more than",
    "above": "below", "below": "above",
    "grow": "shrink", "grows": "shrinks", "grew": "shrank", "grown": "shrunk", "growing": "shrinking",
    "growth": "decline", "decline": "growth", "declined": "grew", "declining": "growing",
    "expand": "reduce", "expanded": "reduced", "expanding": "reducing", "expands": "reduces",
    "reduce": "increase", "reduced": "increased", "reducing": "increasing", "reduces": "increases",
}
_UP_WORDS = {w for w in _FLIPS if w.startswith(("increas", "ris", "rose", "high", "more", "above", "grow",
                                                    "grew", "expand"))}
_EN_DIRECTION = re.compile(r"\b(?<!give )(?<!gave )(?<!given )(?<!giving )(?:"
                           + "|".join(sorted(map(re.escape, _FLIPS), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def flip_direction(p: Pair) -> str | None:
    up, down = bool(_ZH_UP.search(p.zh)), bool(_ZH_DOWN.search(p.zh))
    if up == down:
        return None
    m = _sole(_EN_DIRECTION, p.en)
    if m is None or (m.group(0).lower() in _UP_WORDS) != up:
        return None
    return _replaced(p.en, m, _FLIPS[m.group(0).lower()])


#: (Chinese cue, English phrase that renders it, the opposite phrase, Chinese cue of the opposite)
_TIME_SWAPS = (
    ("去年", r"last year", "next year", "明年"),
    ("明年", r"next year", "last year", "去年"),
    ("昨天|昨日", r"yesterday", "tomorrow", "明天|明日"),
    ("明天|明日", r"tomorrow", "yesterday", "昨天|昨日"),
    ("上周|上星期", r"last week", "next week", "下周|下星期"),
    ("下周|下星期", r"next week", "last week", "上周|上星期"),
    ("上个月|上月", r"last month", "next month", "下个月|下月"),
    ("下个月|下月", r"next month", "last month", "上个月|上月"),
    ("年底|年末", r"(?:the )?end of (?:the|this|last|next) year", "the beginning of the year", "年初"),
    ("年初", r"(?:the )?(?:beginning|start) of (?:the|this|last|next) year", "the end of the year",
     "年底|年末"),
    ("上半年", r"first half", "second half", "下半年"),
    ("下半年", r"second half", "first half", "上半年"),
    ("一季度|第一季度", r"first quarter", "third quarter", "三季度"),
    ("三季度|第三季度", r"third quarter", "first quarter", "一季度"),
    ("以来", r"since", "until", "截至|直到|之前"),
    ("截至|截止", r"as of|up to", "since", "以来"),
    ("此前", r"previously|earlier", "subsequently", "此后|之后"),
    ("未来|今后|将来", r"in the future|in the coming years", "in the past", "过去|以往"),
    ("过去|以往", r"in the past|over the past", "in the future", "未来|今后|将来"),
)


def move_time(p: Pair) -> str | None:
    for zh, en, opposite, zh_opposite in _TIME_SWAPS:
        if not re.search(zh, p.zh) or re.search(zh_opposite, p.zh):
            continue
        m = _sole(re.compile(rf"\b(?:{en})\b", re.IGNORECASE), p.en)
        if m is not None:
            return _replaced(p.en, m, opposite)
    return None


_ZH_OBLIGATION = re.compile("必须|务必|必需|应当|应该|须|一律")
_ZH_PERMISSION = re.compile("可以|能够|允许|准许|有权")
_WEAKER = {"must": "may", "should": "could", "shall": "may", "have to": "can", "has to": "can",
           "need to": "can", "needs to": "can"}
_EN_OBLIGATION = re.compile(r"\b(?:must|should|shall|ha(?:ve|s) to|needs? to)\b", re.IGNORECASE)
#: "may"/"can" as a modal verb: before a verb-like word, not "can't", "trash can and", "May 5"
_EN_PERMISSION = re.compile(r"\b(?:may|can)\b(?!')(?= (?!not\b|and\b|or\b|of\b|in\b|the\b|a\b|be\b)[a-z]+\b)",
                            re.IGNORECASE)


def weaken_modality(p: Pair) -> str | None:
    if not _ZH_OBLIGATION.search(p.zh):
        return None
    m = _sole(_EN_OBLIGATION, p.en)
    if m is None or _EN_PERMISSION.search(p.en):
        return None
    return _replaced(p.en, m, _WEAKER[m.group(0).lower()])


def strengthen_modality(p: Pair) -> str | None:
    if not _ZH_PERMISSION.search(p.zh) or _ZH_OBLIGATION.search(p.zh) or _EN_OBLIGATION.search(p.en):
        return None
    m = _sole(_EN_PERMISSION, p.en)
    return None if m is None else _replaced(p.en, m, "must")


#: (Chinese name, its English as news and policy translations write it, another body's English)
_BODIES = (
    ("外交部", r"(?:Chinese )?Ministry of Foreign Affairs|Foreign Ministry", "Ministry of Commerce"),
    ("商务部", r"Ministry of Commerce|Commerce Ministry", "Ministry of Finance"),
    ("财政部", r"Ministry of Finance|Finance Ministry", "Ministry of Commerce"),
    ("国防部", r"Ministry of (?:National )?Defen[cs]e|Defen[cs]e Ministry", "Ministry of Public Security"),
    ("公安部", r"Ministry of Public Security", "Ministry of State Security"),
    ("教育部", r"Ministry of Education|Education Ministry", "Ministry of Culture and Tourism"),
    ("工业和信息化部|工信部", r"Ministry of Industry and Information Technology", "Ministry of Science and Technology"),
    ("科技部|科学技术部", r"Ministry of Science and Technology", "Ministry of Industry and Information Technology"),
    ("国务院", r"State Council", "National People's Congress"),
    ("全国人大|全国人民代表大会", r"National People's Congress", "State Council"),
    ("全国政协", r"National Committee of the (?:Chinese People's Political Consultative Conference|CPPCC)",
     "Standing Committee of the National People's Congress"),
    ("最高人民法院", r"Supreme People's Court", "Supreme People's Procuratorate"),
    ("最高人民检察院", r"Supreme People's Procuratorate", "Supreme People's Court"),
    ("发改委|发展和改革委员会|发展改革委", r"National Development and Reform Commission", "Ministry of Commerce"),
    ("人民银行|央行", r"People's Bank of China", "Ministry of Finance"),
    ("国家统计局", r"National Bureau of Statistics", "Ministry of Commerce"),
)


def swap_body(p: Pair) -> str | None:
    for zh, en, other in _BODIES:
        if not re.search(zh, p.zh):
            continue
        m = _sole(re.compile(rf"\b(?:{en})\b"), p.en)
        if m is not None and other not in p.en:
            return _replaced(p.en, m, other)
    return None


KINDS: tuple[tuple[str, str, Callable[[Pair], str | None]], ...] = (
    ("polarity", "negation dropped", drop_negation),
    ("polarity", "negation added", add_negation),
    ("direction", "flipped", flip_direction),
    ("time", "moved", move_time),
    ("modality", "weakened", weaken_modality),
    ("modality", "strengthened", strengthen_modality),
    ("institution", "swapped", swap_body),
)


# --------------------------------------------------------------------------- running


def run_meaning_checks(pairs: Sequence[Pair], embedder) -> list[Flag]:
    from qa.checks import all_checks
    from qa.pipeline import run_checks
    from qa.profile import Profile

    checks = [c for c in all_checks() if c.id in MEANING_CHECKS]
    return run_checks(pairs, checks, Profile(), {"embedder": embedder} if embedder is not None else {})


def _flag_pair_ids(f: Flag) -> tuple[int, ...]:
    return tuple(f.pair_ids) if f.pair_ids else ((f.pair_id,) if f.pair_id is not None else ())


def flags_by_pair(flags: Sequence[Flag]) -> dict[int, list[Flag]]:
    out: dict[int, list[Flag]] = defaultdict(list)
    for f in flags:
        for i in _flag_pair_ids(f):
            out[i].append(f)
    return out


def source_of(doc: Document) -> str:
    return doc.name.split(":")[0]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-wmt", action="store_true", help="leave out the WMT20 segments")
    ap.add_argument("--no-embedder", action="store_true", help="run the checks without the embedder")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N misses per kind")
    args = ap.parse_args(argv)
    print("$ python bench/qa_inject_meaning.py " + " ".join(argv if argv is not None else sys.argv[1:]))

    t0 = time.perf_counter()
    embedder = None
    if not args.no_embedder:
        from align.embed import load_embedder
        embedder = load_embedder()
    docs = corpus_documents() + ([] if args.no_wmt else wmt_documents())
    sources = sorted({source_of(d) for d in docs})

    # false alarms: every unmodified pair
    fa_pairs: dict[str, int] = defaultdict(int)
    fa: dict[tuple[str, str, str], int] = defaultdict(int)  # (source, check, major|minor) -> pairs
    baseline: dict[str, dict[int, list[Flag]]] = {}
    for d in docs:
        by_pair = flags_by_pair(run_meaning_checks(d.pairs, embedder))
        baseline[d.name] = by_pair
        src = source_of(d)
        fa_pairs[src] += len(d.pairs)
        for fl in by_pair.values():
            for check in {f.check for f in fl}:
                major = any(f.severity in MAJOR for f in fl if f.check == check)
                fa[(src, check, "major" if major else "minor")] += 1
    t1 = time.perf_counter()

    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, found, major, any
    by_source: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])  # n, found
    misses: dict[tuple[str, str], list[tuple[Pair, str]]] = defaultdict(list)
    for cls, how, inject in KINDS:
        for d in docs:
            # a pair its own checks already flag for this class cannot show a new error
            changed = [replace(p, en=new) for p in d.pairs
                       if (new := inject(p)) is not None and new != p.en
                       and not any(f.check == CHECK_OF[cls] for f in baseline[d.name].get(p.id, ()))]
            if not changed:
                continue
            by_pair = flags_by_pair(run_meaning_checks(changed, embedder))
            old = {p.id: p for p in d.pairs}
            for p in changed:
                fl = by_pair.get(p.id, [])
                own = [f for f in fl if f.check == CHECK_OF[cls]]
                t = tally[(cls, how)]
                t[0] += 1
                t[1] += bool(own)
                t[2] += any(f.severity in MAJOR for f in own)
                t[3] += bool(fl)
                s = by_source[(cls, how, source_of(d))]
                s[0] += 1
                s[1] += bool(own)
                if not own:
                    misses[(cls, how)].append((p, old[p.id].en))
    t2 = time.perf_counter()

    mode = "without the embedder" if args.no_embedder else "with the embedder"
    print(f"checks {mode}; {len(docs)} documents, {sum(len(d.pairs) for d in docs)} pairs; "
          f"baseline {t1 - t0:.0f}s, injections {t2 - t1:.0f}s\n")
    print(f"{'class / injection':<30} {'n':>5} {'found':>6} {'major':>6} {'any meaning':>12}   "
          + "  ".join(f"{s + ' found (n)':>22}" for s in sources))
    for cls, how, _ in KINDS:
        n, hit, major, anyf = tally[(cls, how)]
        per = "  ".join(f"{_ratio(by_source[(cls, how, s)][1], by_source[(cls, how, s)][0]):>22}" for s in sources)
        print(f"{cls + ' / ' + how:<30} {n:5d} {_share(hit, n):>6} {_share(major, n):>6} {_share(anyf, n):>12}   {per}")
    print("(found: a flag of the class's own check on the pair; major: a major one; any meaning: a flag of "
          "polarity, direction, time-expression, modality or institution)\n")
    cols = [(c, sev) for c in MEANING_CHECKS for sev in ("major", "minor")]
    print(f"{'false alarms on unmodified pairs':<34} {'pairs':>6} "
          + " ".join(f"{c[:8] + ' ' + sev:>15}" for c, sev in cols))
    for src in sources:
        print(f"{src:<34} {fa_pairs[src]:6d} "
              + " ".join(f"{_pct(fa[(src, c, sev)], fa_pairs[src]):>15}" for c, sev in cols))
    print("(share of pairs with a flag of that check; minor: pairs with no major one of it)")
    if args.show:
        for (cls, how), rows in misses.items():
            print(f"\nmissed {cls} / {how} ({len(rows)}):")
            # spread over the sources: ordered by a hash of the text, not by document
            for p, was in sorted(rows, key=lambda r: zlib.crc32(r[1].encode()))[:args.show]:
                print(f"  zh:  {p.zh[:160]}\n  en:  {p.en[:300]}\n  was: {was[:300]}")
    return 0


def _share(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "–"


def _ratio(num: int, den: int) -> str:
    return f"{_share(num, den)} ({den})"


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f} %" if den else "–"


if __name__ == "__main__":
    sys.exit(main())
