"""term-consistency: one source term, several English renderings across a document.

Which terms: quoted terms (“数实融合” — quotes mark the author's key
concepts), glossary terms, multi-character noun words that recur (≥ 3 times),
and recurring compounds of other content words (分级诊疗, 认罪认罚: verb
phrases that name a policy).
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
When those readings find no pattern, a term met in three texts or more is
read once more pair by pair (:func:`slot_flags`): a pair whose English says
no gloss of the term is read by elimination (:mod:`qa.term_slots`, the
phrase its other Chinese words leave unexplained: 'plea bargain' for
认罪认罚), and three different renderings raise minor flags.
Each pair whose rendering departs from the dominant one gets a flag of its
own, with the term and the deviating rendering as spans in its texts; the
pairs that follow the dominant rendering carry nothing (the message names
them), so a reviewer filtering by flag sees only what to change.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from align.model import Pair
from align.script import HAN_CLASS, HAN_RUN
from align.zh_words import loaded_jieba, pos_words
from qa import lexicons as lx
from qa import term_heads, term_pieces, term_residue, term_slots
from qa.checks.glossary import glossary_from
from qa.model import Check, Context, Flag
from qa.term_heads import same_word, same_word_in
from qa.term_keys import KeyIndex
from qa.term_words import WordCache, Words, read_words

CHECK_ID = "term-consistency"
CATEGORY = "Terminology/Inconsistent"
_ZH_QUOTED = re.compile(f"“([{HAN_CLASS}]{{2,12}})”")
_EN_QUOTED = re.compile(r"[“\"]([^“”\"]{2,80})[”\"]")
_ARTICLES = {"a", "an", "the"}


@dataclass(frozen=True)
class Rendering:
    pair_id: int
    text: str
    key: tuple[str, ...]  # lemma sequence, the identity of a rendering
    how: str  # "quote" | "known" | "variant" | "gloss" | "pieces" | "pieces+guess" | "anchored"
    times: int = 1  # how often the pair says it (at most as often as its Chinese says the term)


def _key(text: str) -> tuple[str, ...]:
    lem = [t.lemma for t in lx.tokenize_en(text.replace("-", " "))]
    while lem and lem[0] in _ARTICLES:
        lem = lem[1:]
    return tuple(lem)


_LEADING_ARTICLE = re.compile(r"^(?i:the|a|an)\s+")


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:!?").strip()
    return _LEADING_ARTICLE.sub("", text)


#: a compound adjective of a word and a participle ("electric-powered", "export-oriented")
_PARTICIPLE_COMPOUND = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+ed)\b")


def _gloss_words(gloss: str) -> list[str]:
    """The content lemmas of one CC-CEDICT gloss, and the parts of a compound adjective of a word and
    a participle: 电动 is glossed only "electric-powered", and "electric bikes" says its 'electric'
    (a compound of another shape, "bed-and-breakfast", is one word and stays whole)."""
    clean = lx.strip_gloss(gloss)
    words = lx.content_lemmas(clean)
    if "-" in clean:
        for m in _PARTICIPLE_COMPOUND.finditer(clean):
            words += lx.content_lemmas(f"{m.group(1)} {m.group(2)}")
    return words


@lru_cache(maxsize=4096)
def _gloss_lemmas(term: str) -> frozenset[str]:
    cd = lx.cedict()
    out: set[str] = set()
    for part in cd.segment(term):
        for g in cd.glosses(part, per_entry=6 if len(part) == 1 else None):
            out.update(_gloss_words(g))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _part_lemmas(term: str) -> tuple[frozenset[str], ...]:
    """Per CEDICT word of ``term``, the lemmas of its glosses (empty when any part is unknown).

    A single character is allowed only as the final part, the head noun
    (高新区 = 高新 + 区 'district, zone'), with its first few glosses.
    """
    cd = lx.cedict()
    parts = []
    pieces = cd.segment(term)
    for k, part in enumerate(pieces):
        single = len(part) < 2
        if part not in cd or (single and (k != len(pieces) - 1 or k == 0)):
            return ()
        lem = set()
        for g in cd.glosses(part, per_entry=4 if single else None):
            lem.update(_gloss_words(g))
        if not lem:
            return ()
        parts.append(frozenset(lem))
    return tuple(parts)


@lru_cache(maxsize=4096)
def _part_union(term: str) -> frozenset[str]:
    """Every gloss lemma of any part of ``term`` (:func:`_part_lemmas`): where a gloss window may start."""
    return frozenset().union(*_part_lemmas(term))


def _quote_rendering(zh: str, en: str, term: str) -> str | None:
    if "“" not in zh:
        return None  # no Chinese quote, so the term is in none (asked for every term a pair holds)
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


def _known_rendering(words: Words, known: set[tuple[str, ...]]) -> tuple[str, str] | None:
    """A rendering seen before (exactly), else a same-shaped near variant of one."""
    if not known:
        return None
    longest = max(len(k) for k in known)
    best: tuple[float, str, str] | None = None
    for text, key in words.ngrams(longest + 1):
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


def _gloss_rendering(words: Words, term: str) -> str | None:
    """Shortest window rendering every CEDICT part of ``term`` (dictionary words only)."""
    parts = _part_lemmas(term)
    if len(parts) < 2:
        return None
    lemmas = words.lemmas
    glossed = _part_union(term)
    best: tuple[int, int] | None = None
    for i, w in enumerate(lemmas):
        if w not in glossed:
            continue
        need = set(range(len(parts)))
        for j in range(i, min(len(lemmas), i + len(parts) + 2)):
            hit = [k for k in need if lemmas[j] in parts[k]]
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
    return words.text[words.starts[best[0]]:words.ends[best[1]]]


@lru_cache(maxsize=4096)
def _piece_lemmas(term: str) -> tuple[frozenset[str], ...]:
    """Per CEDICT piece of ``term`` (single characters too), the lemmas of its first glosses."""
    cd = lx.cedict()
    out = []
    for piece in cd.segment(term):
        lem: set[str] = set()
        for g in cd.glosses(piece, per_entry=4 if len(piece) == 1 else None):
            lem.update(_gloss_words(g))
        out.append(frozenset(lem))
    return tuple(out)


def _anchored_rendering(words: Words, term: str, other: frozenset[str]) -> str | None:
    """A two-to-three-word rendering anchored on glosses, with at most one word that is no gloss.

    A term rendered by a synonym is invisible to the gloss window: 营商环境 as
    "business climate" or "investment environment".  The window's words must
    be content words in one clause, all but one the gloss of a piece of the
    term (each piece once), and none explained by another word of the pair's
    Chinese, so the free word can only be this term's rendering.
    """
    pieces = _piece_lemmas(term)
    if len(pieces) < 2 or sum(1 for p in pieces if p) < 2:
        return None
    glossed = _piece_union(term)
    lemmas, reach, stop = words.lemmas, words.reach, lx.STOPWORDS
    best: tuple[tuple[int, int], tuple[int, int], int, frozenset[int]] | None = None
    # the windows of words.ngrams(3) in their order, read by index: a window holding a stopword or
    # a word of ``other`` is skipped, and so is every longer one from the same word
    for i in range(len(lemmas)):
        for j in range(i, min(i + 3, reach[i])):
            if lemmas[j] in stop or lemmas[j] in other:
                break
            if j == i:
                continue
            key = lemmas[i:j + 1]
            if sum(1 for w in key if w not in glossed) > 1:
                continue  # two words that no piece glosses: more than one free word
            free, used = 0, set()
            for w in key:
                hit = next((k for k, p in enumerate(pieces) if k not in used and w in p), None)
                if hit is None:
                    free += 1
                else:
                    used.add(hit)
            if free > 1 or not used or len(key) - free > len(pieces):
                continue
            rank = (len(used), -len(key))
            if best is None or rank > best[0]:
                best = (rank, (i, j), free, frozenset(used))
    if best is None or (best[2] and _rest_follows(lemmas, best[1][1], pieces, best[3])):
        return None
    return words.text[words.starts[best[1][0]]:words.ends[best[1][1]]]


#: how many words after an anchored window the term's other pieces may stand ("workers in new forms
#: of employment": the window 'million workers' sees only the head)
_REST_REACH = 6


def _rest_follows(lemmas: list[str], end: int, pieces: tuple[frozenset[str], ...], used: frozenset[int]) -> bool:
    """Whether the glosses of the pieces a window with a free word left unused follow it closely: the
    term is then said around prepositions with its head first ('workers in new forms of employment'
    for 新就业形态劳动者), and the window's free word ('million', 'delivery') is a neighbour, not the
    term's rendering."""
    rest = [p for k, p in enumerate(pieces) if k not in used and p]
    after = set(lemmas[end + 1:end + 1 + _REST_REACH])
    return bool(rest) and sum(1 for p in rest if p & after) * 2 >= len(rest)


@lru_cache(maxsize=4096)
def _piece_union(term: str) -> frozenset[str]:
    """Every gloss lemma of any piece of ``term``: a word outside it renders no piece."""
    return frozenset().union(*_piece_lemmas(term))


def _candidate_terms(ctx: Context) -> dict[str, str]:
    """term → why it is tracked ("quoted", "glossary", "frequent" noun term, "compound" of other words)."""
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
    opts = ctx.options_of(TERM_CONSISTENCY)
    if opts.frequent:
        texts = tuple(p.zh for p in ctx.pairs)
        for word, n in _frequent_words(texts).items():
            if n >= opts.min_count:
                terms.setdefault(word, "frequent")
        for word, n in _recurring_compounds(texts).items():
            if n >= opts.min_count:
                terms.setdefault(word, "compound")
    return terms


_NOUNISH = ("n", "vn", "nz", "nr", "nt", "ns", "b", "an", "j")


def _frequent_words(zh_texts: tuple[str, ...]) -> Counter:
    """Recurring real terms: long noun words (数据中心) and noun+noun compounds (国家高新区)
    (:func:`_term_counts`)."""
    return _term_counts(zh_texts)[0]


def _recurring_compounds(zh_texts: tuple[str, ...]) -> Counter:
    """Recurring policy compounds that are no noun phrase: 分级诊疗, 认罪认罚, 老旧小区 (:func:`_term_counts`)."""
    return _term_counts(zh_texts)[1]


#: the word classes a compound term is made of: nouns, verbs, adjectives, distinguishing words, abbreviations
#: and the fixed expressions jieba tags "i" or "l" (事故隐患 of 重大事故隐患: "hidden danger of accidents")
_CONTENT_TAGS = ("n", "v", "a", "b", "j", "i", "l")
#: the fewest characters of such a compound (two words of two characters)
_COMPOUND_CHARS = 4
#: a compound is a term when each of its words occurs inside it in at least this share of the
#: texts holding the word: 分级 + 诊疗 go together, 推动 + 数字经济 are each said with much else
_COHESION = 0.5


@lru_cache(maxsize=8)
def _term_counts(zh_texts: tuple[str, ...]) -> tuple[Counter, Counter]:
    """(noun terms, other compound terms) that recur in ``zh_texts``, with their counts.

    Noun terms: long noun words (数据中心) and noun+noun compounds (国家高新区).

    A word counts when CC-CEDICT or jieba's dictionary knows it, and jieba tags
    compounds noun-ish at both ends, so verb phrases (成为我国) are no terms.
    A compound whose occurrences nearly all sit inside the same longer
    sequence (发展数字 in 发展数字经济, 经济深度 in 数字经济深度融合) is a
    fragment of something else, not a term, and is dropped.

    Other compounds: two or three adjacent content words of two characters
    or more, verbs and adjectives included, that no noun term covers: the
    policy terms built as verb phrases (分级诊疗 'tiered diagnosis and
    treatment', 认罪认罚, 稳岗返还) or of three words (生态保护补偿).  Jieba
    splits some adjectives into characters (老旧 → 老 + 旧): adjacent single
    characters that CC-CEDICT knows as one word are read as that word.  They
    count once per distinct text (a memory repeating one sentence does not
    make a term of every phrase in it), the same fragment tests apply, and
    each word must mostly occur inside the compound (:data:`_COHESION`), as
    a term's words do and a verb with its object (推动数字经济) does not.
    """
    jieba = loaded_jieba()
    jieba.setLogLevel(60)
    cd = lx.cedict()
    counts: Counter = Counter()
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (prev + first part, last part + next)
    compounds: Counter = Counter()
    compound_edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    compound_parts: dict[str, tuple[str, ...]] = {}
    word_texts: Counter = Counter()  # in how many distinct texts each word occurs
    seen: set[str] = set()  # every word jieba produced here, new words included (数字经济)
    single: set[str] = set()  # the noun terms jieba cut out as one word (not two words side by side)

    def real(word: str, flag: str) -> bool:
        return word in cd or bool(jieba.dt.FREQ.get(word)) or flag.startswith("n")

    def compound_word(word: str, flag: str) -> bool:
        # a word of a compound term may be one jieba's model found and no dictionary lists, of two
        # characters (多式 of 多式联运, 占补 of 耕地占补平衡), or a word joined with its suffix (预付式): the
        # compound must still recur and cohere
        return real(word, flag) or flag == _SUFFIXED or (len(word) == 2 and lx.HAN.fullmatch(word[0]) is not None
                                                         and lx.HAN.fullmatch(word[1]) is not None)

    def dictionary_word(word: str) -> bool:
        return word in cd or bool(jieba.dt.FREQ.get(word)) or word in seen

    # a memory repeats its sources (one per system, per revision): each distinct text is tagged
    # once and counts as often as it occurs, in the order texts first occur (so the terms come
    # in the same order as when every text was tagged)
    for text, times in Counter(zh_texts).items():
        tagged = pos_words(text)
        seen.update(w for w, _ in tagged if len(w) >= 2)
        for k, (w, f) in enumerate(tagged):
            if len(w) >= 3 and lx.HAN.fullmatch(w[0]) and f.startswith(_NOUNISH[:3]) and real(w, f):
                counts[w] += times
                single.add(w)
            if k + 1 < len(tagged):
                (a, fa), (b, fb) = tagged[k], tagged[k + 1]
                if (len(a) >= 2 and len(b) >= 2 and lx.HAN.search(a) and lx.HAN.search(b)
                        and real(a, fa) and real(b, fb)
                        and fa.startswith(_NOUNISH) and fb.startswith(_NOUNISH)):
                    counts[a + b] += times
                    prev = tagged[k - 1][0] if k else ""
                    nxt = tagged[k + 2][0] if k + 2 < len(tagged) else ""
                    edges[a + b].extend([(prev + a if prev else "", b + nxt if nxt else "")] * times)
        joined = _joined_characters(tagged, cd)
        word_texts.update({w for w, _ in joined})
        _count_compounds(joined, compound_word, compounds, compound_edges, compound_parts)

    _count_unlisted(counts, zh_texts, lambda w: w in single and w not in cd and not jieba.dt.FREQ.get(w))

    def cuts_through(term: str, word: str) -> bool:
        return bool(word) and (dictionary_word(word) or counts.get(word, 0) > counts[term])

    for term, pairs in edges.items():
        cut = sum(1 for left, right in pairs if cuts_through(term, left) or cuts_through(term, right))
        if cut >= 2 / 3 * len(pairs):
            del counts[term]
    _drop_held(counts, counts)

    def compound_cut(term: str, word: str) -> bool:
        return bool(word) and (dictionary_word(word) or compounds.get(word, 0) >= compounds[term])

    for term, pairs in compound_edges.items():
        if term in counts:
            del compounds[term]  # a noun term already
        elif sum(1 for left, right in pairs if compound_cut(term, left) or compound_cut(term, right)) >= 2 / 3 * len(pairs):
            del compounds[term]
        elif any(compounds[term] < _COHESION * word_texts[w] for w in compound_parts[term]):
            del compounds[term]  # 推动 + 数字经济: a part the text mostly uses without the other
    _drop_held(compounds, compounds | counts)
    return counts, compounds


def _count_unlisted(counts: Counter, zh_texts: tuple[str, ...], unlisted) -> None:
    """Count each noun word no dictionary lists (林长制, found by jieba's model) wherever its characters
    stand, not only where jieba cut it out: jieba cuts an unknown word by its context (以林长制为抓手,
    将林长制落实: 林长/制, 将林/长制), so the same term would count once where it is said four times.
    One pass over the distinct texts, looking up the unlisted words by their first character."""
    words = [w for w in counts if unlisted(w)]
    if not words:
        return
    lengths: dict[str, set[int]] = defaultdict(set)
    for w in words:
        lengths[w[0]].add(len(w))
    wanted = set(words)
    found: Counter = Counter()
    for text, times in Counter(zh_texts).items():
        for i, c in enumerate(text):
            for n in lengths.get(c, ()):
                if text[i:i + n] in wanted:
                    found[text[i:i + n]] += times
    for w, n in found.items():
        counts[w] = max(counts[w], n)


def _drop_held(counts: Counter, holding: Counter) -> None:
    """Drop from ``counts`` each term nearly always inside a longer one of ``holding``.

    高新区 only ever inside 国家高新区: each term against the longer ones holding it, found
    through their substrings (a pass over the terms, not every term against every other).
    """
    holders: dict[str, list[str]] = defaultdict(list)
    for big in holding:
        for sub in {big[i:j] for i in range(len(big)) for j in range(i + 1, len(big) + 1)} - {big}:
            holders[sub].append(big)
    for term, n in list(counts.items()):
        if any(big in holding and holding[big] >= 0.75 * n for big in holders.get(term, ())):
            del counts[term]


#: the tag of a word joined here with its suffix (预付式): a modifier ("b") the noun terms never saw
_SUFFIXED = "bs"


def _joined_characters(tagged: list[tuple[str, str]], cd: lx.Cedict) -> list[tuple[str, str]]:
    """``tagged`` with two adjacent single Han characters that CC-CEDICT knows as one word joined
    (老 + 旧 → 老旧, tagged as the first): jieba's split of an adjective it does not list; and a word
    with the suffix jieba tags apart (预付 + 式, 穿透 + 式: "k") joined into one modifier (预付式)."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(tagged):
        w, f = tagged[k]
        if (k + 1 < len(tagged) and len(w) == 1 and len(tagged[k + 1][0]) == 1
                and lx.HAN.fullmatch(w) and w + tagged[k + 1][0] in cd):
            out.append((w + tagged[k + 1][0], f))
            k += 2
            continue
        if (k + 1 < len(tagged) and tagged[k + 1][1] == "k" and len(w) >= 2 and lx.HAN.fullmatch(w[-1])
                and lx.HAN.fullmatch(tagged[k + 1][0])):
            out.append((w + tagged[k + 1][0], _SUFFIXED))  # 预付 + 式: a suffix (jieba "k") makes a modifier
            k += 2
            continue
        out.append((w, f))
        k += 1
    return out


def _count_compounds(tagged: list[tuple[str, str]], real, counts: Counter,
                     edges: dict[str, list[tuple[str, str]]], parts_of: dict[str, tuple[str, ...]]) -> None:
    """Count, once for this text, each run of two or three content words (two characters or more
    each) that is no noun+noun pair (:func:`_term_counts`' other compounds), with its edges."""
    found: dict[str, tuple[str, str]] = {}
    ok = [len(w) >= 2 and lx.HAN.fullmatch(w[0]) is not None and f.startswith(_CONTENT_TAGS) and real(w, f)
          for w, f in tagged]
    for k in range(len(tagged)):
        for size in (2, 3):
            if k + size > len(tagged) or not all(ok[k:k + size]):
                break
            parts = tagged[k:k + size]
            if size == 2 and all(f.startswith(_NOUNISH) and f != _SUFFIXED for _, f in parts):
                continue  # a noun+noun pair: a noun term, counted above (not one of a word joined here)
            term = "".join(w for w, _ in parts)
            if len(term) < _COMPOUND_CHARS or term in found:
                continue
            prev = tagged[k - 1][0] + parts[0][0] if k else ""
            nxt = parts[-1][0] + tagged[k + size][0] if k + size < len(tagged) else ""
            found[term] = (prev, nxt)
            parts_of[term] = tuple(w for w, _ in parts)
    for term, edge in found.items():
        counts[term] += 1
        edges[term].append(edge)


def find_renderings(ctx: Context, term: str, kind: str, occ: list[Pair] | None = None,
                    words: WordCache | None = None) -> list[Rendering]:
    glossary = glossary_from(ctx)
    known: set[tuple[str, ...]] = set()
    if glossary is not None and kind == "glossary":
        for t in glossary.terms:
            if term in t.zh:
                known |= {_key(e) for e in t.en + t.forbidden}
    found: dict[int, Rendering] = {}
    occurrences = _occurrences(ctx, term) if occ is None else occ
    words = words or WordCache()
    for p in occurrences:
        q = _quote_rendering(p.zh, p.en, term)
        if q:
            text = _clean(q)
            found[p.id] = Rendering(p.id, text, _key(text), "quote")
            known.add(_key(text))
    for p in occurrences:
        if p.id in found:
            continue
        hit = _known_rendering(words(p.en), {k for k in known if k})
        if hit:
            found[p.id] = Rendering(p.id, _clean(hit[0]), _key(hit[0]), hit[1])
        elif kind == "frequent":
            g = _gloss_rendering(words(p.en), term)
            how, times = "gloss", p.zh.count(term)
            if g is None:
                other = _other_glosses(p.zh, term)
                piece = term_pieces.pair_rendering(p.en, term, other, times, words(p.en))
                if piece is not None:
                    how = "pieces" if piece[0].free == 0 else "pieces+guess"
                    found[p.id] = Rendering(p.id, _clean(piece[0].text), piece[0].key, how, piece[1])
                    continue
                g, how = _anchored_rendering(words(p.en), term, other), "anchored"
            if g:
                key = _key(g)
                found[p.id] = Rendering(p.id, _clean(g), key, how, min(times, max(1, _said(words(p.en), key))))
    return [found[p.id] for p in occurrences if p.id in found and found[p.id].key]


def _said(words: Words, key: tuple[str, ...]) -> int:
    """How many times the lemma sequence ``key`` occurs in ``words``."""
    lemmas, n = words.lemmas, len(key)
    return sum(1 for i in range(len(lemmas) - n + 1) if lemmas[i:i + n] == key) if n else 0


def _en_key_spans(words: Words, max_len: int = 5) -> dict[tuple[str, ...], tuple[int, int]]:
    """Every word sequence of the English (articles dropped, no stopword at either end) → its
    (first word, last word): the index and most looks need only the sequences, so no text is cut
    and cleaned for them (:func:`_span_text` gives a span's text where one is needed)."""
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    # the runs of Words.ngrams(max_len + 1), each key grown a word at a time from its start
    lemmas, reach = words.lemmas, words.reach
    stop, articles = lx.STOPWORDS, _ARTICLES
    for i, first in enumerate(lemmas):
        if first in stop and first not in articles:
            continue  # every run from word i starts with a stopword
        key: tuple[str, ...] = ()
        for j in range(i, min(i + max_len + 1, reach[i])):
            w = lemmas[j]
            if w in articles:
                continue  # dropped: the key, and whether it is new, stay as they were
            key += (w,)
            if key[0] in stop or len(key) > max_len:
                break  # every longer run from word i starts with it too, or is longer still
            if w not in stop and key not in out:
                out[key] = (i, j)
    return out


def _span_text(words: Words, span: tuple[int, int]) -> str:
    """The cleaned text of the words ``span`` (first, last) of ``words``."""
    return _clean(words.text[words.starts[span[0]]:words.ends[span[1]]])


@lru_cache(maxsize=65536)
def _other_glosses(zh: str, term: str) -> frozenset[str]:
    """Gloss words of the Chinese words of ``zh`` outside the term's occurrences."""
    cd = lx.cedict()
    out: set[str] = set()
    for run in HAN_RUN.findall(zh.replace(term, "，")):
        for word in cd.segment(run):
            out |= _word_glosses(word)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _word_glosses(word: str) -> frozenset[str]:
    """Content lemmas of one CC-CEDICT word's glosses (a single character's first six):
    read once per word, not once per pair and term that holds it."""
    cd = lx.cedict()
    out: set[str] = set()
    for g in cd.glosses(word, per_entry=6 if len(word) == 1 else None):
        out.update(_gloss_words(g))
    return frozenset(out)


def _key_index(ctx: Context, words: WordCache | None = None) -> KeyIndex:
    """The document's key index (:mod:`qa.term_keys`), shared by every term (was rebuilt per key)."""
    def build() -> KeyIndex:
        read = words or WordCache()
        return KeyIndex((p for p in ctx.pairs if p.en.strip()), lambda p: _en_key_spans(read(p.en)))

    return term_heads.per_document(ctx, "term_key_index", build)


def _indexes(ctx: Context, words: WordCache) -> tuple[KeyIndex, term_heads.PhraseIndex]:
    """The key index and the phrase index (:func:`term_heads.phrase_index`) in one pass over the
    English: each text's phrases are read right after its words, while the tokenizer's cache
    still holds its tokens (the two passes apart tokenized every text of a memory twice)."""
    def build() -> tuple[KeyIndex, term_heads.PhraseIndex]:
        phrases = term_heads.PhraseIndex(Counter())

        def english() -> Iterator[Pair]:
            for p in ctx.pairs:
                if p.en.strip():
                    yield p  # the key index reads its words here …
                phrases.add(p.en)  # … and its phrases are counted before the next pair

        return KeyIndex(english(), lambda p: _en_key_spans(words(p.en))), phrases

    return term_heads.per_document(ctx, "term_indexes", build)


def dominant_rendering(ctx: Context, term: str, occ: list[Pair] | None = None, index: KeyIndex | None = None,
                       words: WordCache | None = None) -> tuple[tuple[str, ...], str, list[int]] | None:
    """The rendering most of the term's pairs share: (key, text, pair ids using it).

    A word sequence of two or more words that recurs in at least 60 % of the
    pairs containing the term, shares a word with the glosses of the term's
    parts, and occurs mostly in those pairs (so 'digital economy' is no
    rendering of 数字化转型 just because both topics are everywhere).
    """
    occ = _occurrences(ctx, term) if occ is None else occ
    if len(occ) < 3:
        return None
    gloss = {lx.stem_key(g) for g in _gloss_lemmas(term)}
    index = index or _key_index(ctx)
    enough = max(3 if len(occ) > 3 else 2, 0.6 * len(occ))
    # every key a rendering or its longer extension below can be: the extension needs
    # max(2, n - max(1, 0.15 n)) pairs, which grows with n, and n >= enough
    counts = index.common_keys(occ, min(enough, max(2, enough - max(1, 0.15 * enough))))
    best = None
    for key, n in counts.items():
        if len(key) < 2 or n < enough:
            continue
        content = [w for w in key if w not in lx.STOPWORDS]
        share = sum(1 for w in content if lx.stem_key(w) in gloss) / max(1, len(content))
        if share < 0.5 or not content or lx.stem_key(content[0]) not in gloss:
            continue  # 'digital infrastructure' for 基础设施: the modifier is 数字's, not the term's
        elsewhere = index.pairs_with(key) - n  # pairs saying it without the term
        if elsewhere > n:
            continue
        rank = (n, share, -len(key))
        if best is None or rank > best[0]:
            best = (rank, key)
    if best is None:
        return None
    key = best[1]
    # 'national high-tech' is in every pair only because 'national high-tech
    # zones' is in all but one: prefer the longest extension nearly as common
    n = counts[key]
    longer = [k for k in counts if len(k) > len(key) and counts[k] >= max(2, n - max(1, 0.15 * n))
              and any(k[i:i + len(key)] == key for i in range(len(k) - len(key) + 1))
              and k[-1] not in lx.STOPWORDS]
    if longer:
        key = max(longer, key=lambda k: (counts[k], len(k)))
    holders = [p for p in occ if index.holds(p.id, key)]
    first = holders[0]
    return key, _span_text((words or read_words)(first.en), index.keys(first)[key]), [p.id for p in holders]


def odd_renderings(ctx: Context, term: str, occ: list[Pair] | None = None, index: KeyIndex | None = None,
                   words: WordCache | None = None) -> tuple[tuple[str, list[int]], list[Rendering]] | None:
    """Pairs that render ``term`` by a one-word variant of its dominant rendering.

    'national high-tech parks' beside eleven 'national high-tech zones',
    'physical economy' beside 'real economy': same length, one word swapped
    (in any order: 'emerging strategic sectors' beside 'strategic emerging industries').
    The swapped-in word must not be explained by another word of that pair's
    Chinese ('digital economy' in a pair that also says 数字经济 is no variant).
    """
    occ = _occurrences(ctx, term) if occ is None else occ
    words = words or WordCache()
    dom = dominant_rendering(ctx, term, occ, index, words)
    if dom is None:
        return None
    key, text, ids = dom
    odd: list[Rendering] = []
    for p in occ:
        if p.id in ids:
            continue
        other = _other_glosses(p.zh, term)
        split = split_rendering_spans(words(p.en), key)
        read = words(p.en)
        for cand, span in _en_key_spans(read, len(key)).items():
            if len(cand) != len(key):
                continue
            ctext = _span_text(read, span)
            if any(_inside(s, split) for s in _rendering_span(p.en, ctext)):
                continue
            diff = [k for k in range(len(key)) if cand[k] != key[k]]
            if len(diff) != 1:
                swapped = _one_swap_in_any_order(cand, key)
                if swapped is None:
                    continue
                new, old = swapped
            else:
                new, old = cand[diff[0]], key[diff[0]]
            if (new in lx.STOPWORDS or same_word(new, old) or same_word_in(new, other)):
                continue
            odd.append(Rendering(p.id, ctext, cand, "variant"))
            break
    return ((text, ids), odd) if odd else None


def head_renderings(ctx: Context, term: str, index: term_heads.PhraseIndex | None = None,
                    occ: list[Pair] | None = None, words: WordCache | None = None
                    ) -> tuple[tuple[str, list[int]], list[Rendering]] | None:
    """Pairs that render ``term`` by another modifier + head phrase than most of its pairs.

    'the physical economy' or 'the tangible economy' beside 21 'the real
    economy', 'new-type industrialization' beside four 'new industrialization',
    'live-streaming retail' and 'webcast commerce' beside two 'livestream
    e-commerce' (qa/term_heads.py says how the phrases are found).  A
    deviating phrase must be rarer than the dominant one and occur mostly in
    the term's own pairs (a phrase common elsewhere renders something else).
    """
    occ = _occurrences(ctx, term) if occ is None else occ
    words = words or WordCache()
    others: dict[int, frozenset[str]] = {}

    def other_of(pid: int) -> frozenset[str]:
        if pid not in others:
            p = by_id[pid]
            others[pid] = _other_glosses(p.zh, term) | _latin_words(p.zh)
        return others[pid]

    by_id = {p.id: p for p in occ}
    index = index or term_heads.phrase_index(ctx)
    dom = term_heads.dominant_phrase(ctx, term, occ, other_of, index, words)
    if dom is None:
        return None
    # another head only for a modifier typical of the term: 'livestream' (3 times as common in
    # the term's pairs as in the others), not 'financial' all over a finance report
    first_mod = next((w for w in dom.key[:-1] if len(w) > 1), dom.key[0])
    inside = sum(1 for p in occ if first_mod in words(p.en).lemmas)
    outside = index.pairs_with[(first_mod,)] - inside
    specific = len(ctx.pairs) == len(occ) or inside / len(occ) >= 3 * outside / (len(ctx.pairs) - len(occ))
    devs = [term_heads.deviating_phrase(p.id, p.en, dom, other_of(p.id),
                                        lambda span, en=p.en: _inside(span, split_rendering_spans(words(en), dom.key)),
                                        specific, words(p.en))
            for p in occ if p.id not in dom.pair_ids]
    devs = [d for d in devs if d is not None]
    per_key = Counter(d.key for d in devs)
    odd = [Rendering(d.pair_id, _clean(d.text), d.key, "head") for d in devs
           if per_key[d.key] < len(dom.pair_ids)
           and index.pairs_with[d.key] - per_key[d.key] <= per_key[d.key]]
    return ((_clean(dom.text), list(dom.pair_ids)), odd) if odd else None


def split_rendering_spans(words: Words, key: tuple[str, ...], slack: int = 4) -> list[tuple[int, int]]:
    """Where ``en`` says the rendering ``key`` with coordinated words inserted ('and', 'or').

    'high-quality economic and social development' is 'high-quality
    development' with coordinated modifiers inserted, the same rendering, so
    the 'social development' inside it is no variant of it.
    """
    lemmas, starts, ends = words.lemmas, words.starts, words.ends
    spans = []
    for i, w in enumerate(lemmas):
        if w != key[0]:
            continue
        k, j, joined = 1, i + 1, False
        while k < len(key) and j < min(len(lemmas), i + len(key) + slack):
            if lemmas[j] == key[k]:
                k += 1
            else:
                joined = joined or lemmas[j] in ("and", "or")
            j += 1
        if k == len(key) and joined:
            spans.append((starts[i], ends[j - 1]))
    return spans


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _latin_words(zh: str) -> frozenset[str]:
    """Lemmas of the Latin-script words of a Chinese text (5G, AI): they explain the same English words."""
    return frozenset(t.lemma for t in lx.tokenize_en(zh))


def _one_swap_in_any_order(cand: tuple[str, ...], key: tuple[str, ...]) -> tuple[str, str] | None:
    """(new word, replaced word) when ``cand`` is ``key`` (three words or more) reordered with one word swapped
    ('emerging strategic sectors' for 'strategic emerging industries'), else None."""
    if len(key) < 3 or len(set(cand).difference(key)) > 1:
        return None  # two different words the key lacks: two swaps at least (most windows)
    extra, missing = Counter(cand) - Counter(key), Counter(key) - Counter(cand)
    if len(key) < 3 or sum(extra.values()) != 1 or sum(missing.values()) != 1 or list(cand) == list(key):
        return None
    if cand[1:] == key[:-1] or cand[:-1] == key[1:]:
        return None  # a window shifted by one word ('international airport in' for 'Daxing international airport')
    return next(iter(extra)), next(iter(missing))


def _term_spans(zh: str, term: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``term`` in ``zh``."""
    return tuple((m.start(), m.end()) for m in re.finditer(re.escape(term), zh))


def _rendering_span(en: str, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (a rendering cut from ``en``) sits in ``en``; case-blind as a fallback."""
    at = en.find(text)
    if at < 0:
        at = en.lower().find(text.lower())
    return ((at, at + len(text)),) if at >= 0 and text else ()


def _whole_words(en: str, text: str) -> str:
    """``text`` as ``en`` writes it, widened to whole hyphenated words: a rendering cut at a
    hyphen ("oriented allocation" of "market-oriented allocation") reads as another phrase."""
    at = en.find(text)
    if at < 0:
        return text
    start, end = at, at + len(text)
    while start > 1 and en[start - 1] == "-" and en[start - 2].isalpha():
        start -= 1
        while start > 0 and en[start - 1].isalpha():
            start -= 1
    while end + 1 < len(en) and en[end] == "-" and en[end + 1].isalpha():
        end += 1
        while end < len(en) and en[end].isalpha():
            end += 1
    return en[start:end]


def _id_list(ids: list[int], shown: int = 8) -> str:
    head = ", ".join(map(str, ids[:shown]))
    return head + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


#: quotation marks, which a translator may put around one word of a rendering ("the “visible” hand")
_QUOTES = re.compile(r"[“”\"‘’]|(?<!\w)'|'(?!\w)")


def deviation_flags(ctx: Context, term: str, dominant: tuple[str, list[int]],
                    odd: list[Rendering], severity: str, pairs: list[Pair] | None = None,
                    name_others: bool = False) -> list[Flag]:
    """One flag per pair that departs from the dominant rendering, on that pair.

    The pairs that follow the dominant rendering carry nothing: a reviewer
    filtering by flag sees only what to change.  ``zh_spans`` mark the term,
    ``en_spans`` the deviating rendering in the pair's own English, so every
    export (flags.jsonl, XLSX, the report) highlights the same words.
    ``name_others``: each message also names the other departing renderings
    (a term rendered three ways, none of them established).
    """
    text, ids = dominant
    by_id = {p.id: p for p in (ctx.pairs if pairs is None else pairs)}
    if ids and ids[0] in by_id:
        text = _whole_words(by_id[ids[0]].en, text)
    flags = []
    said = re.compile(rf"(?<!\w){re.escape(text.lower())}(?!\w)")
    for r in odd:
        p = by_id[r.pair_id]
        if said.search(_QUOTES.sub("", p.en).lower()):
            # the pair says the dominant rendering too, quotation marks aside (the “visible” hand beside
            # "the Visible Hand"): the odd words render something else, and the term is rendered
            continue
        noun = "pair" if len(ids) == 1 else "pairs"
        others = [o for o in odd if o.pair_id != r.pair_id and o.text.lower() != r.text.lower()]
        also = ("; the document also has " + ", ".join(f"'{o.text}' ({o.pair_id})" for o in others[:3])
                if name_others and others else "")
        flags.append(TERM_CONSISTENCY.flag(
            p, f"'{term}' is rendered '{r.text}' here but '{text}' in {len(ids)} other {noun} "
               f"({_id_list(sorted(ids))}){also}",
            zh_spans=_term_spans(p.zh, term), en_spans=_rendering_span(p.en, r.text),
            suggestion=f"Use one rendering throughout, e.g. '{text}'",
            # the caller grades the term: an unquoted recurring noun phrase (minor)
            # may vary on purpose, a quoted or glossary term (major) should not
            severity=severity))
    return flags


def _approved_keys(ctx: Context, term: str) -> set[tuple[str, ...]]:
    """The glossary's renderings of ``term`` (keys), if a glossary lists it."""
    glossary = glossary_from(ctx)
    if glossary is None:
        return set()
    return {_key(e) for t in glossary.terms if term in t.zh for e in t.en}


def check_consistency(ctx: Context) -> list[Flag]:
    """Flags on the pairs whose rendering of a tracked term departs from the dominant one.

    The dominant rendering is the glossary's when it is among those used, else
    the one most pairs use (ties: the one used first).
    """
    flags: list[Flag] = []
    terms = _candidate_terms(ctx)
    occurrences = term_occurrences(ctx.pairs, terms)  # one pass: each term's pairs
    indexes: tuple[KeyIndex, term_heads.PhraseIndex] | None = None  # built on first need, once per document
    words = WordCache()  # each pair's English tokenized once, for every term it holds
    for term, kind in terms.items():
        occ = occurrences[term]
        if kind == "frequent" and len(occ) >= 3:
            indexes = indexes or _indexes(ctx, words)
            odd = odd_renderings(ctx, term, occ, indexes[0], words)
            if odd is not None:
                flags.extend(deviation_flags(ctx, term, *odd, severity="minor", pairs=occ))
                continue
        if kind == "compound":
            # a verb-phrase term (分级诊疗): read as a recurring noun term is, but for the phrase
            # readings, which need a noun phrase
            renderings = find_renderings(ctx, term, "frequent", occ, words)
            found = (_grouped_flags(ctx, term, "frequent", occ, words, renderings)
                     or slot_flags(ctx, term, occ, renderings, words)
                     or scattered_flags(ctx, term, occ, renderings)
                     or unshared_flags(ctx, term, occ, words))
            if not found and len(occ) >= _TAIL_TEXTS:
                indexes = indexes or _indexes(ctx, words)
                found = tail_flags(ctx, term, occ, words, indexes[0])
            flags.extend(found)
            continue
        renderings = find_renderings(ctx, term, kind, occ, words)
        found = _grouped_flags(ctx, term, kind, occ, words, renderings)
        if not found and kind == "frequent" and len(occ) >= 3:
            # the gloss windows saw one rendering or none: look at the modifier + head phrases
            indexes = indexes or _indexes(ctx, words)
            odd = head_renderings(ctx, term, indexes[1], occ, words)
            found = deviation_flags(ctx, term, *odd, severity="minor", pairs=occ) if odd else []
        if not found and kind == "frequent" and len(occ) >= 3:
            # nor the phrases: read each pair's slot (synonyms no gloss reaches)
            found = slot_flags(ctx, term, occ, renderings, words)
        if not found and kind == "frequent":
            found = scattered_flags(ctx, term, occ, renderings) or unshared_flags(ctx, term, occ, words)
        if not found and kind == "frequent" and len(occ) >= _TAIL_TEXTS:
            indexes = indexes or _indexes(ctx, words)
            found = tail_flags(ctx, term, occ, words, indexes[0])
        flags.extend(found)
    return flags


def _occurrences(ctx: Context, term: str) -> list[Pair]:
    """The pairs (with English) holding ``term``: a scan, for a caller without the document's index."""
    return [p for p in ctx.pairs if term in p.zh and p.en.strip()]


def term_occurrences(pairs: list[Pair], terms: dict[str, str] | set[str]) -> dict[str, list[Pair]]:
    """Each term's pairs (with English), in one pass over the document (not one scan per term).

    Every substring of a pair's Chinese as long as some term is looked up, so
    the cost grows with the text, not with the number of terms times pairs.
    """
    out: dict[str, list[Pair]] = {t: [] for t in terms}
    # the lengths of the terms starting with each character: most characters start none
    lengths: dict[str, set[int]] = defaultdict(set)
    for t in terms:
        if t:
            lengths[t[0]].add(len(t))
    for p in pairs:
        if not p.en.strip():
            continue
        zh = p.zh
        found: set[str] = {""} if "" in out else set()
        for i, c in enumerate(zh):
            for n in lengths.get(c, ()):
                if zh[i:i + n] in out:
                    found.add(zh[i:i + n])
        for t in sorted(found):
            out[t].append(p)
    return out


def _grouped_flags(ctx: Context, term: str, kind: str, occ: list[Pair], words: WordCache,
                   renderings: list[Rendering] | None = None) -> list[Flag]:
    """Flags from the renderings ``find_renderings`` sees, grouped by key (none when they agree).

    The dominant rendering is the glossary's, else the one most pairs use,
    then the one said most often (one pair saying "cybersecurity" three times
    beside one "network security" and one "internet security").
    """
    if renderings is None:
        renderings = find_renderings(ctx, term, kind, occ, words)
    groups: dict[tuple[str, ...], list[Rendering]] = defaultdict(list)
    for r in renderings:
        groups[r.key].append(r)
    if len(groups) < 2:
        return []
    approved = _approved_keys(ctx, term)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] not in approved, -len(kv[1]),
                                                     -sum(r.times for r in kv[1]), kv[1][0].pair_id))
    (main_key, main), rest = ordered[0], [r for _, rs in ordered[1:] for r in rs]
    if kind == "frequent":
        # a window that cut the dominant rendering differently in a pair that says it all the
        # same ('entrance examination' in 'college entrance examination', 'pattern of regionally
        # differentiated development'): that pair follows the dominant rendering.  A window
        # holding every dominant word and more ('new-type industrialization') is a variant.
        core = term_slots.content_stems(main_key)
        kept = [r for r in rest if core <= term_slots.content_stems(r.key)
                or not term_slots.says_loosely(words(_pair_en(occ, r.pair_id)), core)]
        if len(kept) < len(rest):
            rest = kept
            groups = defaultdict(list, {main_key: main})
            for r in rest:
                groups[r.key].append(r)
            if len(groups) < 2:
                return []
    if kind == "frequent" and not _frequent_is_real(groups):
        if not _established(main, rest):
            return []
        # the dominant rendering said again in the deviating pair: another word of the
        # pair may be what the other window caught, so the pair is left alone
        rest = [r for r in rest if not _said(words(_pair_en(occ, r.pair_id)), main_key)]
    return deviation_flags(ctx, term, (main[0].text, [r.pair_id for r in main]),
                           sorted(rest, key=lambda r: r.pair_id),
                           severity="minor" if kind == "frequent" else "major", pairs=occ)


class Reading(NamedTuple):
    """What one pair says for a term in the slot reading: a rendering the glosses found, or its slot."""

    pair: Pair
    text: str
    stems: frozenset[str]  # its content words (term_slots.content_stems)
    glossed: bool  # found by the glosses (not a slot)


#: the fewest distinct Chinese texts a term's slot reading needs (one sentence repeated by a
#: memory is one use of the term, however its translations differ)
_SLOT_TEXTS = 3
#: the shortest term read by slots: a word of three characters or fewer (制造业, 竞争力) is a common
#: word whose English varies with the sentence (manufacturing, manufacturers, the sector)
_SLOT_CHARS = 4
#: the fewest pairs that must depart from the dominant rendering, in different ways from each
#: other too: three renderings in all, so one paraphrase or one stray slot raises nothing
_SLOT_DEVIATIONS = 2


def slot_flags(ctx: Context, term: str, occ: list[Pair], renderings: list[Rendering],
               words: WordCache) -> list[Flag]:
    """Flags on a term rendered three or more ways, read pair by pair (:mod:`qa.term_slots`).

    Each pair's reading is the rendering the gloss readings found, else its
    slot (the phrase the pair's other Chinese words leave unexplained).
    Readings whose content words one holds all of the other's are one
    rendering ('energy vehicles', 'new energy vehicles'); the dominant one is
    the one most pairs use (ties: the first).  A pair departs from it when its
    reading is another and its English does not say the dominant words even
    loosely ('upgrading of traditional industries' says 'industrial
    upgrading').  Flags (minor) need two departing pairs with different
    renderings: three renderings of one term in one passage (within ``_UNSHARED_SPAN`` pairs, as
    :func:`unshared_flags`: across a published book's chapters the slots of 全体人民 were 'better
    life', 'old-age care' and 'secure solid popular support').
    """
    if (len(term) < _SLOT_CHARS or len(occ) < 3 or len({p.zh for p in occ}) < _SLOT_TEXTS
            or _beyond_passage(occ)):
        return []
    found = {r.pair_id: (r.text, term_slots.content_stems(r.key), True) for r in renderings}
    glosses = _piece_union(term) | _gloss_lemmas(term)
    readings: list[Reading] = []
    for p in occ:
        reading = found.get(p.id)
        if reading is None:
            at = p.zh.find(term)
            place = (at + len(term) / 2) / max(1, len(p.zh))
            other = _other_glosses(p.zh, term) | _latin_words(p.zh)
            hit = term_slots.slot(words(p.en), glosses, other, place)
            reading = (_clean(hit.text), term_slots.content_stems(hit.key), False) if hit else None
        if reading is not None and reading[1]:
            readings.append(Reading(p, *reading))
    groups: list[tuple[frozenset[str], list[Reading]]] = []
    for r in readings:
        group = next((g for g in groups if r.stems <= g[0] or g[0] <= r.stems), None)
        if group is None:
            groups.append((r.stems, [r]))
        else:
            group[1].append(r)
    if len(groups) < 1 + _SLOT_DEVIATIONS:
        return []
    main = max(groups, key=lambda g: len(g[1]))[1]  # the first of the largest
    core = min((r.stems for r in main), key=len)
    odd = [(k, r) for k, (_, items) in enumerate(groups) if items is not main
           for r in items if not term_slots.says_loosely(words(r.pair.en), core)]
    if len(main) >= _ESTABLISHED_TIMES and len(main) >= 2 * len(odd):
        # a rendering the document has settled on: a pair that leaves it for words no gloss
        # of the term supports has paraphrased or dropped the term ('AI', 'it'), not renamed it
        odd = [(k, r) for k, r in odd if r.glossed]
    if (len(odd) < _SLOT_DEVIATIONS or len({k for k, _ in odd}) < _SLOT_DEVIATIONS
            or all(r.glossed for _, r in odd)):
        # the gloss readings alone are judged by _grouped_flags, which found no pattern; slots
        # alone, with no pair rendering the term by its dictionary sense, may not be the term's
        return []
    deviating = [Rendering(r.pair.id, r.text, _key(r.text), "slot") for _, r in sorted(odd, key=lambda o: o[1].pair.id)]
    return deviation_flags(ctx, term, (main[0].text, [r.pair.id for r in main]), deviating,
                           severity="minor", pairs=occ, name_others=True)


#: the fewest sentences of one document a scattered term needs, each read by the glosses
_SCATTER_TEXTS = 4
#: the fewest different renderings among them (by their content words, two that share one counted as
#: one: 'major accident hazards', 'major potential accident hazards')
_SCATTER_GROUPS = 3


def scattered_flags(ctx: Context, term: str, occ: list[Pair], renderings: list[Rendering]) -> list[Flag]:
    """Flags on a term that a document renders a different way nearly every time it says it, so no
    rendering dominates ('major accident hazards', 'serious hidden dangers', 'significant safety
    loopholes', 'grave dangers' for 重大事故隐患): the dominance the other readings need never forms.

    Only within a document: every occurrence must be in a sentence of its own (a memory that holds
    one source sentence translated by several translators or systems varies by translator, not
    by inconsistency: nothing is read there), within ``_UNSHARED_SPAN`` pairs (a reader meets one
    passage's renderings together, as for :func:`slot_flags`), at least ``_SCATTER_TEXTS`` of them read by the
    glosses, in ``_SCATTER_GROUPS`` renderings or more, the most used one by at most half of them.
    The first rendering stands as the one to follow; the others are flagged (minor).
    """
    if (len(occ) < _SCATTER_TEXTS or len(renderings) < _SCATTER_TEXTS or len({p.zh for p in occ}) < len(occ)
            or _beyond_passage(occ)):
        return []
    groups: list[tuple[set[str], list[Rendering]]] = []
    for r in sorted(renderings, key=lambda r: r.pair_id):
        stems = term_slots.content_stems(r.key)
        if not stems:
            return []
        # renderings that share a content word are one group: windows cut from one phrase at different
        # places ('self-driving', 'driving taxis'; 'Tianjin Chow', 'Financial Center') are no renamings
        met = [g for g in groups if g[0] & stems]
        if not met:
            groups.append((set(stems), [r]))
            continue
        keep = met[0]
        for g in met[1:]:
            keep[0].update(g[0])
            keep[1].extend(g[1])
            groups.remove(g)
        keep[0].update(stems)
        keep[1].append(r)
    if len(groups) < _SCATTER_GROUPS or 2 * max(len(g[1]) for g in groups) > len(renderings):
        return []
    groups.sort(key=lambda g: min(r.pair_id for r in g[1]))
    main = sorted(groups[0][1], key=lambda r: r.pair_id)
    odd = sorted((r for _, rs in groups[1:] for r in rs), key=lambda r: r.pair_id)
    return deviation_flags(ctx, term, (main[0].text, [r.pair_id for r in main]), odd, severity="minor",
                           pairs=occ, name_others=True)


#: the fewest sentences of one document an unshared term needs (each says it once or more)
_UNSHARED_TEXTS = 4
#: the shortest term read for it: shorter words are everyday words (年轻人, 供应商) and names
#: (意大利) that a translator may vary on purpose
_UNSHARED_CHARS = 4
#: the most pairs the term's sentences may span: the renderings a reader meets within one passage
#: (a memory or a collection of articles holds the same word in texts nobody reads together)
_UNSHARED_SPAN = 40


def _beyond_passage(occ: list[Pair]) -> bool:
    """Whether a term's sentences span ``_UNSHARED_SPAN`` pairs or more: more than one passage, whose
    renderings a reader does not meet together (the slot, scattered and unshared readings)."""
    return max(p.id for p in occ) - min(p.id for p in occ) >= _UNSHARED_SPAN


def unshared_flags(ctx: Context, term: str, occ: list[Pair], words: WordCache) -> list[Flag]:
    """Flags on a term whose sentences share no word for it (:mod:`qa.term_residue`): no content
    word that the rest of some sentence leaves unexplained is said in more than half of them, so
    each sentence names the term its own way ('people in flexible employment', 'gig workers',
    'freelancers', 'informal workers' for 灵活就业人员), whether or not a gloss or one clear phrase
    shows the rendering.  A word is counted wherever it is said, explained there or not: a
    sentence may hold a synonym of the term beside it (统计造假 'statistical fraud' beside 弄虚作假
    'fraud'), and the rendering the document keeps is still said there.

    Only within a passage (every occurrence in a sentence of its own, at least ``_UNSHARED_TEXTS``
    of them, as :func:`scattered_flags`, within ``_UNSHARED_SPAN`` pairs), for terms of
    ``_UNSHARED_CHARS`` characters or more, and only where every sentence leaves some word over
    (one that leaves none has dropped the term or put a pronoun for it).  The first sentence
    stands as the one to follow; the others are flagged (minor), each with the run of words that
    says most of the term's glosses, else its longest run of leftover words, as its rendering.
    """
    if (len(term) < _UNSHARED_CHARS or len(occ) < _UNSHARED_TEXTS or len({p.zh for p in occ}) < len(occ)
            or _beyond_passage(occ)):
        return []
    read = []
    for p in occ:
        w = words(p.en)
        left = term_residue.residue(w, _other_glosses(p.zh, term) | _latin_words(p.zh))
        if not left:
            return []
        read.append((p, w, left))
    leftover = {w.lemmas[i] for _, w, left in read for i in left}
    if term_residue.shared_by_most(leftover, [term_residue.said(w) for _, w, _ in read]):
        return []  # a word some sentence leaves over is said in most of them: the rendering they share
    shown = []
    glosses = _piece_union(term) | _gloss_lemmas(term)
    for p, w, left in read:
        place = (p.zh.find(term) + len(term) / 2) / max(1, len(p.zh))
        first, last = term_residue.shown_run(w, left, glosses, place)
        text = w.text[w.starts[first]:w.ends[last]]
        shown.append(Rendering(p.id, text, _key(text), "residue"))
    return deviation_flags(ctx, term, (shown[0].text, [shown[0].pair_id]), shown[1:], severity="minor",
                           pairs=occ, name_others=True)


#: the fewest sentences a term read by its tails needs, each holding the dominant part and a tail
_TAIL_TEXTS = 4
#: the most content words read as the tail after the dominant part
_TAIL_WORDS = 3


def tail_flags(ctx: Context, term: str, occ: list[Pair], words: WordCache,
               index: KeyIndex | None = None) -> list[Flag]:
    """Flags on a term whose pairs agree on the rendering of its first part and each renders the
    rest its own way ('national park management authority', '… administration', '… management
    body', '… managing agency' for 国家公园管理机构): the dominant rendering the other readings find
    is then only the first part's ("national park"), so the term looks consistent.

    Read when the dominant rendering (:func:`dominant_rendering`) renders the term's first
    CC-CEDICT parts and none of the rest, in ``_TAIL_TEXTS`` pairs or more, in sentences of their
    own within a passage (as :func:`scattered_flags`).  Each such pair's *tail* is the run of up
    to ``_TAIL_WORDS`` content words right after the dominant words (a function word or a mark
    ends it); only a tail that says a gloss of the rest of the term is read.  Tails with the same
    head (last) word are one rendering; three renderings or more, the commonest in at most half of
    the pairs, raise minor flags on every pair but those of the first rendering.
    """
    if (len(term) < _UNSHARED_CHARS or len(occ) < _TAIL_TEXTS or len({p.zh for p in occ}) < len(occ)
            or _beyond_passage(occ)):
        return []
    parts = _part_lemmas(term)
    dom = dominant_rendering(ctx, term, occ, index, words)
    if len(parts) < 2 or dom is None or len(dom[2]) < _TAIL_TEXTS:
        return []
    key, text, ids = dom
    core = {lx.stem_key(w) for w in key if w not in lx.STOPWORDS}
    head = next((k for k in range(1, len(parts))
                 if core <= {lx.stem_key(g) for p in parts[:k] for g in p}), None)
    if head is None:
        return []
    rest = {lx.stem_key(g) for p in parts[head:] for g in p}
    if core & rest:
        return []  # the dominant words render the rest too: no part is left to vary
    tails: list[Rendering] = []
    for p in occ:
        if p.id not in ids:
            continue
        w = words(p.en)
        tail = _tail_after(w, key, rest)
        if tail is not None:
            tails.append(Rendering(p.id, tail[0], tail[1], "tail"))
    if len(tails) < _TAIL_TEXTS:
        return []
    # a tail is named by its head, its last word: "management authority" and "authority" are one
    # rendering, "management body" another, whatever modifiers they share (in the order met)
    groups: dict[str, list[Rendering]] = {}
    for r in tails:
        groups.setdefault(lx.stem_key(r.key[-1]), []).append(r)
    if len(groups) < _SCATTER_GROUPS or 2 * max(map(len, groups.values())) > len(tails):
        return []
    main, *others = groups.values()
    odd = sorted((r for rs in others for r in rs), key=lambda r: r.pair_id)
    by_id = {p.id: p for p in occ}
    first = by_id[main[0].pair_id]
    lead = _whole_words(first.en, f"{text} {main[0].text}") if f"{text} {main[0].text}" in first.en else main[0].text
    odd = [Rendering(r.pair_id, _whole_words(by_id[r.pair_id].en, f"{text} {r.text}")
                     if f"{text} {r.text}".lower() in by_id[r.pair_id].en.lower() else r.text, r.key, r.how)
           for r in odd]
    return deviation_flags(ctx, term, (lead, [r.pair_id for r in main]), odd, severity="minor",
                           pairs=occ, name_others=True)


def _tail_after(w: Words, key: tuple[str, ...], rest: set[str]) -> tuple[str, tuple[str, ...]] | None:
    """(text, lemmas) of the content words right after the first run of ``key`` in ``w`` whose tail
    says a word of ``rest`` (the rest of the term's glosses), or None: only such a tail renders the
    rest ("management authority" of 管理机构), not whatever follows the dominant words ("natural
    resource management" for 自然资源资产)."""
    return next((t for t in _tails_after(w, key) if t is not None and any(lx.stem_key(x) in rest for x in t[1])),
                None)


def _tails_after(w: Words, key: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]] | None]:
    """The tail after each run of ``key`` in ``w`` (None for a run with no content word after it)."""
    lemmas = w.lemmas
    n = len(key)
    for i in range(len(lemmas) - n):
        if tuple(lemmas[i:i + n]) != key:
            continue
        j = i + n
        end = j
        while (end < len(lemmas) and end - j < _TAIL_WORDS and end < w.reach[i]
               and lemmas[end].isalpha() and lemmas[end] not in lx.STOPWORDS
               and w.text[w.starts[end]:w.ends[end]].lower() not in term_heads.FUNCTION_WORDS):
            end += 1
        yield (w.text[w.starts[j]:w.ends[end - 1]], tuple(lemmas[j:end])) if end > j else None


def _pair_en(occ: list[Pair], pair_id: int) -> str:
    return next(p.en for p in occ if p.id == pair_id)


def _stems(key: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lx.stem_key(w) for w in key if w not in lx.STOPWORDS)


def _frequent_is_real(groups: dict[tuple[str, ...], list[Rendering]]) -> bool:
    """For unquoted words the gloss windows are noisy, so demand more.

    Variants must differ in content, not in inflection or word class
    ('transformation and upgrading' = 'transform and upgrade'), not by one
    containing the other (the window caught a neighbour) unless both are
    whole noun phrases rendering every piece of the term ('new-quality
    productivity' beside 'new quality productive forces': no neighbour there,
    another head), and at least two renderings must each recur, so a single
    stray window cannot raise a flag.
    """
    by_stems: dict[frozenset[str], int] = defaultdict(int)
    whole: dict[frozenset[str], bool] = {}
    for key, rs in groups.items():
        stems = _stems(key)
        by_stems[stems] += len(rs)
        whole[stems] = whole.get(stems, True) and all(r.how.startswith("pieces") for r in rs)
    distinct = [k for k in by_stems if k]
    if len(distinct) < 2 or any(a < b and not (whole[a] and whole[b]) for a in distinct for b in distinct):
        return False
    # three different renderings of a term met three times are a pattern even
    # when none recurs ('business environment', 'business climate', 'investment environment')
    return len(distinct) >= 3 or sum(1 for k in distinct if by_stems[k] >= 2) >= 2


#: an established rendering: said this often (pairs, or times within pairs) …
_ESTABLISHED_TIMES = 3
#: … and this many times as often as all the other renderings together
_ESTABLISHED_RATIO = 3


#: renderings that are whole noun phrases: every piece of the term rendered by a gloss, in
#: order, with at most one word that is no gloss ("new-type productivity" for 新质生产力)
_WHOLE_PHRASES = ("pieces", "pieces+guess")


def _established(main: list[Rendering], rest: list[Rendering]) -> bool:
    """A rendering the document has settled on, then replaced once or twice.

    'data factors' in nineteen pairs and 'data elements' in one: the reader
    meets a new name for a concept already named.  Only whole noun phrases
    count against it (every piece of the term rendered by a gloss, no word
    guessed: qa/term_pieces.py), since a stray window of the gloss or
    anchored readings ('Dutch women's' for 中国女排) cannot carry a flag
    alone; renderings that differ only in inflection, or by one holding
    the other, are the same rendering.
    """
    said = sum(r.times for r in main)
    others = sum(r.times for r in rest)
    if len({r.pair_id for r in main}) < 2 or said < _ESTABLISHED_TIMES or said < _ESTABLISHED_RATIO * others:
        return False
    dominant = _stems(main[0].key)
    return main[0].how in ("gloss", "pieces") and all(r.how in _WHOLE_PHRASES and _stems(r.key) and not (_stems(r.key) <= dominant)
               and not (dominant <= _stems(r.key)) for r in rest)


@dataclass(frozen=True)
class TermOptions:
    #: also track unquoted recurring noun terms, not only quoted and glossary ones
    frequent: bool = True
    #: how often an unquoted term must recur to be tracked
    min_count: int = 3


TERM_CONSISTENCY = Check(id=CHECK_ID, category=CATEGORY, severity="major",
                         description="The same source term (quoted, glossary or recurring) "
                                     "rendered in different ways across the document; flagged on "
                                     "each pair that departs from the dominant rendering",
                         run=check_consistency, scope="document", options=TermOptions)
CHECKS = [TERM_CONSISTENCY]
