"""Head-anchored renderings of a recurring unquoted term (term-consistency, issue 15).

A recurring term like 实体经济 is rendered in English as a noun phrase whose
head renders the term's last word (经济 → "economy") and whose modifiers
render the rest ("real").  Across the pairs holding the term, the modifier +
head phrase most of them share is the dominant rendering; a pair that lacks
it but says the same head with other modifiers ("the physical economy"), or
the same modifiers with another head ("live-streaming retail" beside
"livestream e-commerce"), renders the same term differently.  A bare head
("the economy") or a pronoun is paraphrase, not another rendering, and is
never flagged; a modifier explained by another word of the pair's Chinese
("the digital economy" where the Chinese also says 数字经济) belongs to that
word, not to the term.

The counts of every modifier + head phrase over the whole document are one
index built in a single pass (``phrase_index``), so the check stays linear in
the number of pairs: each term only re-reads the English of its own pairs.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple, TypeVar

from qa import lexicons as lx
from qa.model import Context
from qa.term_words import Words, read_words

#: adjectives STOPWORDS treats as too generic to prove a gloss; as modifiers they render
#: a term's characters (新型 "new type"), so here they are content, not function words
_MODIFIER_STOPWORDS = frozenset("big small large little good bad new old great high low".split())
FUNCTION_WORDS = lx.STOPWORDS - _MODIFIER_STOPWORDS
#: how many modifiers before a head a rendering may have
MAX_MODIFIERS = 3
_JOINER = re.compile(r"[\s\-‐‑–]+")


class HeadPhrase(NamedTuple):
    """A head word with the run of modifiers right before it, in one English text.

    A named tuple, not a frozen dataclass: every English text of a memory holds dozens, made
    once per text and kept in a cache, and a tuple is made faster and kept smaller.
    """

    lemmas: tuple[str, ...]  # modifiers (nearest last) then the head
    words: tuple[str, ...]  # the same tokens as written, lower-cased
    starts: tuple[int, ...]  # character offset of each token
    end: int  # end of the head
    np_end: bool  # no content word joined after the head ('economic' in 'new economic growth' is none)

    def suffix(self, n_mods: int) -> tuple[str, ...]:
        """The key of the head with its ``n_mods`` nearest modifiers."""
        return self.lemmas[len(self.lemmas) - 1 - n_mods:]


def head_phrases(en: str) -> list[HeadPhrase]:
    """Every content word of ``en`` with up to MAX_MODIFIERS content words joined to it by spaces or hyphens.

    A possessive ("China's") ends the run: it is a determiner, not part of the rendering.
    """
    return list(_head_phrases(en))


#: the phrase index reads every pair's phrases, then each recurring term re-reads those of its own
#: pairs (issue 16): kept for 16,384 texts (~5.5 KB each for a WMT20 sentence, so ~90 MB at most).
#: With 8,192, a 20,000-pair memory (17,902 distinct English texts) read 29,696 texts' phrases,
#: with 16,384 20,080: 2.5 of the check's 18 CPU s, for 45 MB more (``bench/checks_speed.py``)
@lru_cache(maxsize=16384)
def _head_phrases(en: str) -> tuple[HeadPhrase, ...]:
    tokens = lx.tokenize_en(en)
    # each token's content test, parts and join to the next read once, not once per head it
    # modifies (a single space, the usual gap, joins without the pattern)
    content = [not _not_content_word(t.text) for t in tokens]
    joined = [gap == " " or bool(_JOINER.fullmatch(gap))
              for gap in (en[a.end:b.start] for a, b in pairwise(tokens))]
    parts = [_parts(t) if c else None for t, c in zip(tokens, content)]

    def joins(k: int) -> bool:
        """Whether token ``k`` is a modifier of the next: joined to it, content, no possessive."""
        return joined[k] and content[k] and not tokens[k].text.lower().endswith(("'s", "’s"))

    new, out, last = tuple.__new__, [], len(tokens) - 1
    for j, own in enumerate(parts):
        if own is None:
            continue
        np_end = j == last or not joined[j] or not content[j + 1]
        if len(own) == 1 and (j == 0 or not joins(j - 1)):  # a word with no modifier: most heads
            lemma, word, start = own[0]
            out.append(new(HeadPhrase, ((lemma,), (word,), (start,), tokens[j].end, np_end)))
            continue
        # split hyphenated tokens into their parts ("e-commerce" → e, commerce; the head is the last)
        k = j
        mods = own[:-1]
        while len(mods) < MAX_MODIFIERS and k > 0 and joins(k - 1):
            mods = parts[k - 1] + mods
            k -= 1
        mods = mods[-MAX_MODIFIERS:]
        lemmas, words, starts = zip(*mods, own[-1])
        out.append(new(HeadPhrase, (lemmas, words, starts, tokens[j].end, np_end)))
    return tuple(out)


#: an apostrophe beside a hyphen ("rock-'n'-roll"): the only way a hyphen-separated part of a
#: token is not itself a word of the text read with hyphens as spaces (qa/term_words.py)
_QUOTE_BY_HYPHEN = re.compile(r"-['’]|['’]-")


def no_head_among(en: str, words: Words, heads: frozenset[str]) -> bool:
    """Whether no phrase of :func:`head_phrases` of ``en`` can end in one of the lemmas ``heads``:
    no word of ``words`` (``en`` read with hyphens as spaces, so every hyphen part is a word)
    has one.  A pass over lemmas already read, where the phrases cost a pass over tokens and
    more: a term asks it of each of its pairs, and most say none of its head's glosses."""
    return not _QUOTE_BY_HYPHEN.search(en) and heads.isdisjoint(words.lemmas)


_CAMEL = re.compile(r"[a-z][A-Z]")


def _not_content(token: lx.Token) -> bool:
    """A function word (also inflected: 'goes', 'makes'), or two words run together by a faulty text
    ('touristBritish')."""
    return _not_content_word(token.text)


@lru_cache(maxsize=65536)  # a token's lemma is a function of its text: asked once per distinct word
def _not_content_word(text: str) -> bool:
    low = text.lower()
    return (low in FUNCTION_WORDS or lx.lemma(text) in FUNCTION_WORDS or bool(_CAMEL.search(text))
            or any(low.endswith(end) and low[:-len(end)] in FUNCTION_WORDS for end in ("es", "s")))


def _parts(token: lx.Token) -> list[tuple[str, str, int]]:
    """(lemma, lower-case text, start) of each hyphen-separated part of ``token``."""
    if "-" not in token.text:
        return [(token.lemma, token.text.lower(), token.start)]  # most words: the token's own lemma
    out, at = [], token.start
    for piece in token.text.split("-"):
        if piece:
            out.append((lx.lemma(piece), piece.lower(), at))
        at += len(piece) + 1
    return out


def _keys(en: str) -> set[tuple[str, ...]]:
    """Every modifier + head key of ``en`` (one modifier or more), and every word's lemma as a key of one."""
    phrases = head_phrases(en)
    keys = {ph.suffix(n) for ph in phrases for n in range(1, len(ph.lemmas))}
    return keys | {(w,) for ph in phrases for w in ph.lemmas}


@dataclass
class PhraseIndex:
    """In how many pairs each modifier + head key (and each content word) occurs: built once per document."""

    pairs_with: Counter

    def add(self, en: str) -> None:
        """Count the keys of one more pair's English."""
        self.pairs_with.update(_keys(en))


T = TypeVar("T")


def per_document(ctx: Context, name: str, build: Callable[[], T]) -> T:
    """``build()``, kept in ``ctx.resources[name]`` with the English it was built from and reused
    while that English is unchanged, so that every term of the document shares one index."""
    texts = tuple((p.id, p.en) for p in ctx.pairs)
    cached = ctx.resources.get(name)
    if cached is None or cached[0] != texts:
        cached = (texts, build())
        ctx.resources[name] = cached
    return cached[1]


def phrase_index(ctx: Context) -> PhraseIndex:
    """The document's modifier + head index, built in one pass over its English."""
    def build() -> PhraseIndex:
        index = PhraseIndex(Counter())
        for p in ctx.pairs:
            index.add(p.en)
        return index

    return per_document(ctx, "term_phrase_index", build)


def _gloss_words(word: str) -> frozenset[str]:
    """Lemmas of the CC-CEDICT glosses of one word, hyphenated glosses split ("e-commerce")."""
    cd = lx.cedict()
    out: set[str] = set()
    for g in cd.glosses(word, per_entry=4 if len(word) == 1 else None):
        for t in lx.tokenize_en(lx.strip_gloss(g).replace("-", " ")):
            if t.text.lower() not in FUNCTION_WORDS:
                out.add(t.lemma)
    return frozenset(out)


@lru_cache(maxsize=4096)
def term_glosses(term: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(gloss lemmas of the term's last CC-CEDICT word, of its other words); None if the last is unknown."""
    cd = lx.cedict()
    pieces = cd.segment(term)
    if len(pieces) < 2 or pieces[-1] not in cd:
        return None
    head = _gloss_words(pieces[-1])
    rest = frozenset().union(*(_gloss_words(p) for p in pieces[:-1] if p in cd))
    return (head, rest) if head else None


def same_word(a: str, b: str) -> bool:
    """Inflection or word-class variants (transform/transformation, digitalize/digitalization)."""
    if a == b:
        return True
    if a[:5] != b[:5]:
        return False  # a shared prefix of five letters is needed anyway: the quick answer for most pairs
    common = len(os.path.commonprefix([a, b]))
    return common >= max(5, min(len(a), len(b)) - 3)


def _explained(word: str, other: frozenset[str]) -> bool:
    return same_word_in(word, other)


def same_word_in(word: str, words: frozenset[str]) -> bool:
    """Whether some word of ``words`` is ``word`` or a variant of it (:func:`same_word`).

    Asked of a pair's words against the glosses of its Chinese (hundreds) for each term the
    pair holds: only words starting with the first five letters of ``word`` can answer yes
    (``same_word`` needs them), so those are found by bisection in the set sorted once
    (kept for the sets in use), not every word tried."""
    ordered = _sorted(words)
    head = word[:5]
    at = bisect_left(ordered, head)
    while at < len(ordered) and ordered[at].startswith(head):
        if same_word(word, ordered[at]):
            return True
        at += 1
    return False


@lru_cache(maxsize=4096)
def _sorted(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


@dataclass(frozen=True)
class Dominant:
    key: tuple[str, ...]
    text: str
    pair_ids: tuple[int, ...]


def dominant_phrase(ctx: Context, term: str, occ: list, other_of: Callable[[int], frozenset[str]],
                    index: PhraseIndex, words: Callable[[str], Words] | None = None) -> Dominant | None:
    """The modifier + head phrase most of the term's pairs share, if one is clearly the term's.

    Its head must render the term's last word (a CC-CEDICT gloss) and its
    nearest modifier a word of the term (a gloss, or a word starting like
    one: 'livestream' for 直播 'live broadcast'), so a phrase of the context
    ('digital economy' beside 实体经济, where 数字经济 explains it) is never
    taken for the term's.  It grows leftwards only by more glosses of the term
    found in as many pairs ('high-quality development', not 'non-working
    urban residents' for 城乡居民).  It must be in at least half the pairs (and
    two), and strongly associated with the term: at least twice as frequent in
    the term's pairs as in the others.  ``words`` reads a pair's English (qa/term_words.py)
    when the caller keeps them, so that a pair saying no gloss of the head is passed by.
    """
    glosses = term_glosses(term)
    if glosses is None or len(occ) < 3:
        return None
    head_gloss, rest_gloss = glosses
    every_gloss = head_gloss | rest_gloss
    counts: Counter = Counter()
    where: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for p in occ:
        seen: set[tuple[str, ...]] = set()
        if words is not None and no_head_among(p.en, words(p.en), head_gloss):
            continue
        for ph in head_phrases(p.en):
            if ph.lemmas[-1] not in head_gloss:
                continue
            for n in range(1, len(ph.lemmas)):
                key = ph.suffix(n)
                if key not in seen:
                    seen.add(key)
                    where.setdefault(key, []).append((p.id, p.en[ph.starts[-1 - n]:ph.end]))
        counts.update(seen)
    n_all = len(ctx.pairs)
    singles = sorted((kv for kv in counts.items() if len(kv[0]) == 2), key=lambda kv: (-kv[1], kv[0]))
    for key, n in singles:
        if n < max(2, 0.5 * len(occ)):
            return None
        elsewhere = index.pairs_with[key] - n
        if n_all > len(occ) and n / len(occ) < 2 * elsewhere / (n_all - len(occ)):
            continue
        if not _is_gloss(key[0], every_gloss):
            continue
        while True:  # grow by words of the term said in every one of its pairs
            longer = [k for k, m in counts.items() if len(k) == len(key) + 1 and k[1:] == key and m == n
                      and _is_gloss(k[0], every_gloss)]
            if not longer:
                break
            key = longer[0]
        return Dominant(key, _usual_text([t for _, t in where[key]]), tuple(pid for pid, _ in where[key]))
    return None


def _is_gloss(word: str, gloss: frozenset[str]) -> bool:
    """``word`` is a gloss lemma, or starts like a gloss of three letters or more ('livestream', 'live')."""
    return word in gloss or any(len(g) >= 3 and len(word) >= 3 and (word.startswith(g) or g.startswith(word))
                                for g in gloss)


def _usual_text(texts: list[str]) -> str:
    """The most frequent spelling, a lower-case one before a heading's ('real economy', not 'Real Economy')."""
    counts = Counter(texts)
    return max(texts, key=lambda t: (counts[t], t[:1].islower(), -texts.index(t)))


@dataclass(frozen=True)
class Deviation:
    pair_id: int
    text: str
    key: tuple[str, ...]


def deviating_phrase(pair_id: int, en: str, dom: Dominant, other: frozenset[str],
                     is_dominant: Callable[[tuple[int, int]], bool], specific: bool,
                     words: Words | None = None) -> Deviation | None:
    """The phrase of ``en`` that renders the term otherwise than ``dom``, if any.

    Either the dominant head with other modifiers (at least one modifier that
    is neither the dominant's nor explained by ``other``, the glosses of the
    rest of the pair's Chinese), or the dominant modifiers (spelled alike,
    hyphens and spaces aside, at least six letters) with another unexplained head.
    ``is_dominant`` tells a span that still says the dominant rendering
    (split by coordinated words) and is skipped.  Another head is looked for
    only when the dominant's modifier is ``specific`` to the term (no more
    pairs say it than hold the term: 'livestream', not 'financial'), and at
    the end of a noun phrase.  A pair that says the dominant's other words
    outside the phrase ('a stable supply' in a pair also saying 'supply of
    the market') has reordered the dominant rendering, not replaced it.
    ``words``: ``en`` already read (qa/term_words.py), when the caller has it.
    """
    words = words or read_words(en)
    lemmas = list(zip(words.lemmas, words.starts))
    d_mods, d_head = dom.key[:-1], dom.key[-1]
    d_joined = "".join(dom_words(dom))
    best: tuple[tuple[int, int], Deviation] | None = None
    for ph in head_phrases(en):
        head = ph.lemmas[-1]
        mods = list(zip(ph.lemmas[:-1], ph.words[:-1], ph.starts[:-1]))
        window: list[tuple[str, str, int]] = []
        if same_word(head, d_head):
            for m in reversed(mods):
                if not (any(same_word(m[0], d) for d in d_mods) or not _explained(m[0], other)):
                    break
                window.insert(0, m)
            fresh = [m for m in window if not any(same_word(m[0], d) for d in d_mods)]
            if not fresh or any(w[1][:1].isdigit() for w in window):
                continue
            ends = window[len(window) - len(d_mods):]
            if len(ends) == len(d_mods) and all(same_word(m[0], d) for m, d in zip(ends, d_mods)):
                continue  # the dominant rendering with a word before it ('reshaping traditional industries')
            if head != d_head and not ph.np_end:
                continue  # 'economic' in 'new economic growth' is no 'economy'
            said = d_mods
            rank = (len(window) - len(fresh), -len(window))
        elif (specific and ph.np_end and len(d_joined) >= 6 and head not in dom.key
              and not _explained(head, other) and not _explained(ph.words[-1], other)):
            for k in range(len(mods), 0, -1):
                if _same_spelling("".join(m[1] for m in mods[-k:]), d_joined):
                    window = mods[-k:]
                    break
            if not window:
                continue
            said = (d_head,)
            rank = (len(window), 0)
        else:
            continue
        if is_dominant((window[0][2], ph.end)):
            continue
        outside = {w for w, at in lemmas if not window[0][2] <= at < ph.end}
        if all(w in outside for w in said if w not in FUNCTION_WORDS):
            continue
        key = tuple(m[0] for m in window) + (head,)
        dev = Deviation(pair_id, en[window[0][2]:ph.end], key)
        if best is None or rank > best[0]:
            best = (rank, dev)
    return best[1] if best else None


def _same_spelling(a: str, b: str) -> bool:
    """The same word but for an inflection ('livestreaming' for 'livestream'), not one word's prefix."""
    return abs(len(a) - len(b)) <= 3 and len(os.path.commonprefix([a, b])) >= min(len(a), len(b)) - 1


def dom_words(dom: Dominant) -> list[str]:
    """The dominant's modifiers as written, lower-cased, hyphens and spaces removed ('livestream', 'e')."""
    words = [w.lower() for w in re.split(r"[\s\-‐‑–]+", dom.text) if w]
    return [w for w in words[:-1] if w not in FUNCTION_WORDS]
