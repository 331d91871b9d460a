"""term-consistency: one source term, several English renderings across a document.

Which terms: quoted terms (“数实融合” — quotes mark the author's key
concepts), glossary terms, and multi-character words that recur (≥ 3 times).
Which English renders an occurrence, conservatively:

1. a quoted term whose English pair also has quotes takes the English quote
   (by order when the counts agree, otherwise the quote sharing most glosses);
2. otherwise, a rendering already seen for this term (or a glossary rendering)
   found in the pair's English — exactly, or as a near-variant of the same
   shape ("integration of digital and real" next to "integration of data and
   real");
3. otherwise, for dictionary words only, the shortest English window that
   renders every part by a CC-CEDICT gloss ("data factors" for 数据要素).

Occurrences with no confident rendering are left out rather than guessed.
The flag is document-level: ``zh`` is the term, ``en`` the renderings joined
by " | " (spans point into those two strings), ``pair_ids`` every pair
involved, and the message lists which pairs use which rendering.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicons as lx
from qa.checks.glossary import glossary_from
from qa.model import Check, Context, Flag

CHECK_ID = "term-consistency"
CATEGORY = "Terminology/Inconsistent"
_ZH_QUOTED = re.compile(r"“([\u3400-\u9fff]{2,12})”")
_EN_QUOTED = re.compile(r"[“\"]([^“”\"]{2,80})[”\"]")
_ARTICLES = {"a", "an", "the"}


@dataclass(frozen=True)
class Rendering:
    pair_id: int
    text: str
    key: tuple[str, ...]  # lemma sequence, the identity of a rendering
    how: str  # "quote" | "known" | "variant" | "gloss"


def _key(text: str) -> tuple[str, ...]:
    lem = [t.lemma for t in lx.tokenize_en(text.replace("-", " "))]
    while lem and lem[0] in _ARTICLES:
        lem = lem[1:]
    return tuple(lem)


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:!?").strip()
    return re.sub(r"^(?i:the|a|an)\s+", "", text)


@lru_cache(maxsize=4096)
def _gloss_lemmas(term: str) -> frozenset[str]:
    cd = lx.cedict()
    out: set[str] = set()
    for part in cd.segment(term):
        for g in cd.glosses(part, per_entry=6 if len(part) == 1 else None):
            out.update(lx.content_lemmas(lx.strip_gloss(g)))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _part_lemmas(term: str) -> tuple[frozenset[str], ...]:
    """Per CEDICT word of ``term``, the lemmas of its glosses (empty when any part is unknown)."""
    cd = lx.cedict()
    parts = []
    for part in cd.segment(term):
        if len(part) < 2 or part not in cd:
            return ()
        lem = set()
        for g in cd.glosses(part):
            lem.update(lx.content_lemmas(lx.strip_gloss(g)))
        if not lem:
            return ()
        parts.append(frozenset(lem))
    return tuple(parts)


def _quote_rendering(zh: str, en: str, term: str) -> str | None:
    zq = [m.group(1) for m in re.finditer(r"“([^“”]{1,40})”", zh)]
    eq = [m.group(1) for m in _EN_QUOTED.finditer(en)]
    if term not in zq or not eq:
        return None
    if len(zq) == len(eq):
        return eq[zq.index(term)]
    # counts differ (an unclosed quote, a quote dropped): give each English quote
    # to the Chinese quote whose glosses it shares most, and take ours if any
    best_q, best_score = None, 1
    for q in eq:
        words = set(lx.content_lemmas(q))
        score = len(_gloss_lemmas(term) & words)
        rival = max((len(_gloss_lemmas(z) & words) for z in zq if z != term), default=0)
        if score > best_score and score > rival:
            best_q, best_score = q, score
    return best_q


def _ngrams(en: str, max_len: int):
    tokens = lx.tokenize_en(en.replace("-", " "))
    for i in range(len(tokens)):
        for n in range(1, max_len + 1):
            if i + n > len(tokens):
                break
            chunk = tokens[i:i + n]
            if re.search(r"[.;:,!?“”\"]", en[chunk[0].start:chunk[-1].end]):
                break
            yield en[chunk[0].start:chunk[-1].end], tuple(t.lemma for t in chunk)


def _known_rendering(en: str, known: set[tuple[str, ...]]) -> tuple[str, str] | None:
    """A rendering seen before (exactly), else a same-shaped near variant of one."""
    if not known:
        return None
    longest = max(len(k) for k in known)
    best: tuple[float, str, str] | None = None
    for text, key in _ngrams(en, longest + 1):
        key = tuple(w for w in key if w not in _ARTICLES) or key
        if key in known:
            score = (2.0 + len(key), text, "known")
        else:
            score = None
            if key[0] in lx.STOPWORDS or key[-1] in lx.STOPWORDS:
                continue
            for k in known:
                # same frame (first and last word), same length, one slot changed:
                # 'integration of digital and real' ~ 'integration of data and real'
                if len(k) < 3 or len(k) != len(key) or key[0] != k[0] or key[-1] != k[-1]:
                    continue
                overlap = len(set(k) & set(key)) / len(set(k) | set(key))
                if overlap >= 0.6:
                    cand = (overlap + len(key) / 100, text, "variant")
                    score = cand if score is None or cand > score else score
        if score and (best is None or score[0] > best[0]):
            best = score
    return (best[1], best[2]) if best else None


def _gloss_rendering(en: str, term: str) -> str | None:
    """Shortest window rendering every CEDICT part of ``term`` (dictionary words only)."""
    parts = _part_lemmas(term)
    if len(parts) < 2:
        return None
    tokens = lx.tokenize_en(en.replace("-", " "))
    best: tuple[int, int] | None = None
    for i, t in enumerate(tokens):
        if t.lemma not in parts[0] and not any(t.lemma in p for p in parts):
            continue
        need = set(range(len(parts)))
        for j in range(i, min(len(tokens), i + len(parts) + 2)):
            hit = [k for k in need if tokens[j].lemma in parts[k]]
            if hit:
                need.discard(hit[0])
            elif j == i:
                break
            if not need:
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    if best is None:
        return None
    return en[tokens[best[0]].start:tokens[best[1]].end]


def _candidate_terms(ctx: Context) -> dict[str, str]:
    """term → why it is tracked ("quoted", "glossary", "frequent")."""
    terms: dict[str, str] = {}
    counts = Counter()
    for p in ctx.pairs:
        for m in _ZH_QUOTED.finditer(p.zh):
            counts[m.group(1)] += 1
    for t, n in counts.items():
        if n >= 2:
            terms[t] = "quoted"
    glossary = glossary_from(ctx)
    if glossary is not None:
        for term in glossary.terms:
            for z in term.zh:
                terms.setdefault(z, "glossary")
    opts = ctx.options.get(CHECK_ID, {}) if isinstance(ctx.options.get(CHECK_ID), dict) else {}
    if opts.get("frequent", True):
        for word, n in _frequent_words(tuple(p.zh for p in ctx.pairs)).items():
            if n >= int(opts.get("min_count", 3)):
                terms.setdefault(word, "frequent")
    return terms


@lru_cache(maxsize=8)
def _frequent_words(zh_texts: tuple[str, ...]) -> Counter:
    """Multi-character dictionary compounds (two CEDICT words, ≥ 4 characters) by frequency."""
    import jieba

    jieba.setLogLevel(60)
    cd = lx.cedict()
    counts: Counter = Counter()
    for text in zh_texts:
        words = [w for w in jieba.lcut(text) if lx.HAN.search(w)]
        for a, b in itertools.pairwise(words):
            if len(a) >= 2 and len(b) >= 2 and a in cd and b in cd:
                counts[a + b] += 1
    return counts


def find_renderings(ctx: Context, term: str, kind: str) -> list[Rendering]:
    glossary = glossary_from(ctx)
    known: set[tuple[str, ...]] = set()
    if glossary is not None and kind == "glossary":
        for t in glossary.terms:
            if term in t.zh:
                known |= {_key(e) for e in t.en + t.forbidden}
    found: dict[int, Rendering] = {}
    occurrences = [p for p in ctx.pairs if term in p.zh and p.en.strip()]
    for p in occurrences:
        q = _quote_rendering(p.zh, p.en, term)
        if q:
            text = _clean(q)
            found[p.id] = Rendering(p.id, text, _key(text), "quote")
            known.add(_key(text))
    for p in occurrences:
        if p.id in found:
            continue
        hit = _known_rendering(p.en, {k for k in known if k})
        if hit:
            found[p.id] = Rendering(p.id, _clean(hit[0]), _key(hit[0]), hit[1])
        elif kind == "frequent":
            g = _gloss_rendering(p.en, term)
            if g:
                found[p.id] = Rendering(p.id, _clean(g), _key(g), "gloss")
    return [found[p.id] for p in occurrences if p.id in found and found[p.id].key]


def check_consistency(ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
    for term, kind in _candidate_terms(ctx).items():
        renderings = find_renderings(ctx, term, kind)
        groups: dict[tuple[str, ...], list[Rendering]] = defaultdict(list)
        for r in renderings:
            groups[r.key].append(r)
        if len(groups) < 2:
            continue
        if kind == "frequent" and not _frequent_is_real(groups):
            continue
        ordered = sorted(groups.values(), key=lambda rs: (-len(rs), rs[0].pair_id))
        shown = [rs[0].text for rs in ordered]
        en_text, spans, pos = "", [], 0
        for k, s in enumerate(shown):
            if k:
                en_text += " | "
                pos += 3
            en_text += s
            spans.append((pos, pos + len(s)))
            pos += len(s)
        listing = "; ".join(f"'{rs[0].text}' (pair{'s' if len(rs) > 1 else ''} "
                            f"{', '.join(str(r.pair_id) for r in rs)})" for rs in ordered)
        pair_ids = tuple(sorted({r.pair_id for r in renderings}))
        flags.append(Flag(
            check=CHECK_ID, category=CATEGORY,
            severity="minor" if kind == "frequent" else "major",
            message=f"'{term}' is translated {len(groups)} different ways: {listing}",
            zh=term, en=en_text, zh_spans=((0, len(term)),), en_spans=tuple(spans),
            suggestion=f"Use one rendering throughout, e.g. '{shown[0]}'", pair_ids=pair_ids))
    return flags


def _stems(key: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w[:5] for w in key if w not in lx.STOPWORDS)


def _frequent_is_real(groups: dict[tuple[str, ...], list[Rendering]]) -> bool:
    """For unquoted words the gloss windows are noisy, so demand more.

    Variants must differ in content, not in inflection or word class
    ('transformation and upgrading' = 'transform and upgrade'), not by one
    containing the other (the window caught a neighbour), and at least two
    renderings must each recur, so a single stray window cannot raise a flag.
    """
    by_stems: dict[frozenset[str], int] = defaultdict(int)
    for key, rs in groups.items():
        by_stems[_stems(key)] += len(rs)
    distinct = [k for k in by_stems if k]
    if len(distinct) < 2 or any(a < b for a in distinct for b in distinct):
        return False
    return sum(1 for k in distinct if by_stems[k] >= 2) >= 2


CHECKS = [Check(id=CHECK_ID, category=CATEGORY, severity="major",
                description="The same source term (quoted, glossary or recurring) rendered in "
                            "different ways across the document",
                run=check_consistency, scope="document")]
