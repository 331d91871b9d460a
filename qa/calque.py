"""English compounds that render a Chinese word character by character (calques).

数智化 is "digital and intelligent", 产教融合 "industry-education integration",
着力点 "focus"; a translation that glosses each character instead ("number-
wisdom", "production-teaching fusion", "force-applying point") gives the
characters and loses the word.  This module finds such compounds and tells the
checks which Chinese span they render: ``literal-term`` reports the ones whose
Chinese is a dictionary word with a meaning of its own, ``shorthand`` the
clipped compounds (数智, 产教, 政产学研医) that no dictionary lists, where each
character stands for a word.

Evidence for a calque, all of it required:

* an English compound of two or more words (hyphenated, "X-Y", "X-Y-Z", or
  for a two-character dictionary word two adjacent plain words, "bottom
  seat") whose words are, in order, CC-CEDICT glosses of the successive
  characters (or sub-words) of one Chinese span in the sentence;
* the compound is no established English expression: CC-CEDICT's own English
  glosses (119k entries) never use it ("high-quality", "win-win", "military-
  civilian", "year-on-year" all occur there);
* the dictionary word the span belongs to, when there is one, has no sense
  that shares a word with the compound ("top-level" meets 顶层 'top floor' on
  'top'; "high-quality" is 高质量's own gloss), and none of its senses is in
  the English;
* proper names, numerals and grammar characters are never part of it (京津冀
  is "Beijing-Tianjin-Hebei"; 双循环 belongs to the numbered-abbreviation rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from align.cedict import CedictLine, load_derived
from align.script import HAN_RUN
from align.zh_words import jieba_words, loaded_jieba
from qa import lexicons as lx
from qa import literal as lr

#: words of a CC-CEDICT gloss that say nothing of its meaning
GLOSS_FILLER = frozenset({"the", "and", "for", "sth", "one", "oneself", "etc", "not", "with", "from",
                          "somebody", "something", "someone", "particle", "suffix", "prefix"})
#: characters that are grammar, not abbreviated words
FUNCTION_CHARS = frozenset("的了在和与及是为对把被等从向于以而也都就并或又再更很最将已要会能可之其这那个地得着过")
NUMERAL_CHARS = re.compile("[一二两三四五六七八九十百千万亿双单几多半第]")
_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
#: a second word that is a verb form turns the order round: 着力 "force-applying", 节水 "water-saving"
_VERB_FORM = re.compile(r"(?:ing|ed)$")




def renders(word: str, gloss: str) -> bool:
    """An English lemma renders a gloss lemma: the same stem, or the gloss word grown by a suffix
    ('real' → 'reality', 'new' → 'newness', 'produc' → 'production')."""
    return lx.same_stem(word, gloss) or word.startswith(gloss)


def renders_any(word: str, glosses: frozenset[str]) -> bool:
    """Whether ``word`` renders one of ``glosses`` (:func:`renders`), by lookups rather than a
    comparison per gloss: its stem key among theirs, or one of its beginnings among them."""
    return lx.stem_key(word) in _gloss_keys(glosses) or not glosses.isdisjoint(_beginnings(word))


@lru_cache(maxsize=65536)  # pure, and a character's glosses are met by every English word of a pair
def _gloss_keys(glosses: frozenset[str]) -> frozenset[str]:
    """The glosses' stem keys."""
    return frozenset(lx.stem_key(g) for g in glosses)


@lru_cache(maxsize=65536)  # a compound's words are tried against the units at every place of its Chinese
def _beginnings(word: str) -> tuple[str, ...]:
    """Every beginning of ``word``, itself included: a gloss it grows by a suffix is one of them
    (one set test of these, not one slice per gloss length)."""
    return tuple(word[:k] for k in range(len(word) + 1))


@lru_cache(maxsize=65536)  # pure, and asked for every character and word of every pair's Chinese
def unit_lemmas(unit: str, limit: int | None = 10) -> frozenset[str]:
    """Lower-case (common-noun) gloss lemmas of ``unit``'s first ``limit`` glosses (all when None): a
    place's proper name (京 'Beijing') is its accepted rendering, never a literal one."""
    out: set[str] = set()
    glosses = lx.cedict().glosses(unit)
    for g in glosses[:limit] if limit else glosses:
        clean = lx.strip_gloss(g)
        if not re.search(r"\b[A-Z]", clean):  # every word: 新 'new' and 用 'to use' are stopwords elsewhere
            out.update(lx.lemma(w) for w in re.findall(r"[a-z]{3,}", clean) if w not in GLOSS_FILLER)
    return frozenset(out)


@lru_cache(maxsize=1)
def attested_compounds() -> frozenset[tuple[str, ...]]:
    """English compounds CC-CEDICT's glosses use: every hyphenated word, and every whole gloss of
    two to four words, as lemma tuples ("win-win", "high quality", "military-civilian").

    Reading every gloss of CC-CEDICT takes about 3 s, so the set is kept on disk between
    processes like the other tables derived from it (``align.cedict.load_derived``)."""
    return load_derived("calque-attested-compounds", _derive_attested,
                        depends=("align.english", "qa.lexicons")).value


def _derive_attested(lines: Iterable[CedictLine]) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for line in lines:
        for g in line.glosses:
            clean = re.sub(r"^to ", "", lx.strip_gloss(g).lower())
            for m in _COMPOUND.finditer(clean):
                out.add(tuple(lx.lemma(w) for w in m.group().split("-")))
            words = re.findall(r"[a-z]+", clean)
            if 2 <= len(words) <= 4 and re.fullmatch(r"[a-z]+(?:[ -][a-z]+)*", clean):
                out.add(tuple(lx.lemma(w) for w in words))
    return frozenset(out)


@lru_cache(maxsize=1)
def _attested_stems() -> frozenset[tuple[str, ...]]:
    """The attested compounds by word stem (``lx.stem_key``)."""
    return frozenset(tuple(lx.stem_key(w) for w in c) for c in attested_compounds())


def attested(words: list[str]) -> bool:
    """Whether CC-CEDICT's English uses the compound, in this form or another of the same stems:
    "self-governance" is English because "self-government" is ("number-wisdom" has no such kin)."""
    lemmas = tuple(lx.lemma(w.lower()) for w in words)
    return lemmas in attested_compounds() or tuple(lx.stem_key(w) for w in lemmas) in _attested_stems()


@dataclass(frozen=True)
class Calque:
    """An English compound rendering a Chinese span by the glosses of its characters."""

    zh_span: tuple[int, int]  # the word (or clipped compound) rendered
    en_span: tuple[int, int]
    pieces: tuple[tuple[str, str], ...]  # (Chinese character or sub-word, English word it became)
    word: str | None  # the CC-CEDICT word whose meaning is lost; None for a clipped compound
    senses: tuple[str, ...]  # that word's CC-CEDICT senses


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    lemmas: frozenset[str]


def _inside_words(run: str) -> set[int]:
    """Positions of ``run`` inside a dictionary word of two or more characters (jieba's or CC-CEDICT's)."""
    inside: set[int] = set()
    for words in (jieba_words(run), lx.cedict().segment(run)):
        at = 0
        for w in words:
            if len(w) >= 2:
                inside.update(range(at, at + len(w)))
            at += len(w)
    return inside


def _units(run: str, offset: int) -> dict[int, list[_Unit]]:
    """Per start position, the characters and CC-CEDICT words (≤ 4 characters) that begin there.

    Numerals never (numbered abbreviations are the shorthand table's); a grammar character only
    inside a word (着 of 着力点, never the particle 着)."""
    cd = lx.cedict()
    inside = _inside_words(run)
    out: dict[int, list[_Unit]] = {}
    for i in range(len(run)):
        here: list[_Unit] = []
        for n in range(1, min(4, len(run) - i) + 1):
            piece = run[i:i + n]
            if n > 1 and piece not in cd:
                continue
            if NUMERAL_CHARS.search(piece) or any(c in FUNCTION_CHARS and i + k not in inside
                                                  for k, c in enumerate(piece)):
                break
            lemmas = unit_lemmas(piece, None)
            if lemmas:
                here.append(_Unit(offset + i, offset + i + n, lemmas))
        out[offset + i] = here
    return out


def _chain(words: list[str], units: dict[int, list[_Unit]], start: int) -> list[_Unit] | None:
    """Units rendering ``words`` in order from ``start``: each next unit begins where the last ended,
    or at the same place and longer (跨 'stride', 跨越 'step across': "stride-across")."""
    def extend(k: int, prev: _Unit | None) -> list[_Unit] | None:
        if k == len(words):
            return []
        places = [start] if prev is None else [prev.end, prev.start]
        for at in places:
            for u in units.get(at, []):
                if prev is not None and at == prev.start and u.end <= prev.end:
                    continue
                if renders_any(words[k], u.lemmas):
                    rest = extend(k + 1, u)
                    if rest is not None:
                        return [u, *rest]
        return None

    return extend(0, None)


def _dictionary_words(zh: str, start: int, end: int) -> tuple[str | None, tuple[int, int]]:
    """The longest CC-CEDICT word of ≤ 6 characters that contains ``zh[start:end]``, and the
    Chinese span to report (that word, or a longer jieba word around it: 着力点 around 着力)."""
    cd = lx.cedict()
    best: tuple[int, int] | None = None
    for s in range(max(0, start - 5), start + 1):
        for e in range(end, min(len(zh), s + 6) + 1):
            if e - s >= 2 and zh[s:e] in cd and (best is None or e - s > best[1] - best[0]):
                best = (s, e)
    span = best or (start, end)
    at = 0
    for w in jieba_words(zh):
        if at <= span[0] and span[1] <= at + len(w) and len(w) <= 6:
            span = (at, at + len(w))
        at += len(w)
    return (zh[best[0]:best[1]] if best else None), span


@lru_cache(maxsize=65536)  # pure, and asked for the same dictionary words in every pair
def own_senses(word: str) -> tuple[str, ...]:
    """``word``'s CC-CEDICT senses that say something (not 'see …', not empty once cleaned)."""
    return tuple(s for s in lr.whole_glosses(word) if lx.content_lemmas(lx.strip_gloss(s)))


def _related(word: str, sense_word: str) -> bool:
    """One word inside the other ('cake' in 'mooncake', 'set' in 'sunset') or the same first four
    letters ('winter', 'wintry'; 'worker', 'working')."""
    if len(word) < 3 or len(sense_word) < 3:
        return word == sense_word
    return word in sense_word or sense_word in word or word[:4] == sense_word[:4]


def meaning_kept(words: list[str], senses: tuple[str, ...], en_lemmas: set[str]) -> bool:
    """Whether the compound shares a word with one of the word's senses ('high' of 高价 'high
    price', 'top' of 顶层 'top floor'), or a sense is in the English."""
    sense_words = {lx.lemma(w) for s in senses for w in re.findall(r"[a-z]{3,}", lx.strip_gloss(s).lower())
                   if w not in GLOSS_FILLER}
    if any(_related(lx.lemma(w.lower()), s) for w in words for s in sense_words):
        return True
    return any(lr.gloss_present(s, en_lemmas) for s in senses)


#: jieba tags of characters that can abbreviate a word: nouns and verbs (产 for 产业, 教 for 教育,
#: 防 for 防范).  An adjective, adverb or distinguishing word first (低碳 "low-carbon", 全链 "whole-
#: chain") modifies the next character; a classifier or affix (旅级 "brigade-level", 非居 "non-
#: resident") is English morphology too: the compound is then its characters' sum.
_CONTENT_TAGS = frozenset({"n", "ng", "v", "vn", "vg"})
#: English words that open a compound as a prefix or a count, not as an abbreviated word
_ENGLISH_PREFIXES = frozenset("""non sub semi anti counter co pre post inter intra super ultra mini micro
macro mono multi bi tri self ex pro single double dual twin triple half""".split())


@lru_cache(maxsize=65536)  # pure (jieba's table is fixed), and asked for every word of every pair
def jieba_tag(word: str) -> str:
    """jieba's part-of-speech tag for a word or character of its dictionary ('' when it has none)."""
    loaded_jieba().setLogLevel(60)
    from jieba import posseg

    return posseg.dt.word_tag_tab.get(word, "")


def _clipped_compound(chars: str, first_word: str) -> bool:
    """Single characters that each stand for a word (数智, 产教, 政产学研医): no dictionary joins them
    (neither CC-CEDICT nor jieba's word list), each is a noun or verb, and the English does not open
    with a prefix."""
    if chars in lx.cedict() or loaded_jieba().dt.FREQ.get(chars) or first_word.lower() in _ENGLISH_PREFIXES:
        return False
    return all(jieba_tag(c) in _CONTENT_TAGS for c in chars)


def _judge(zh: str, chain: list[_Unit], words: list[tuple[str, int, int]],
           en_lemmas: set[str], turned: bool) -> Calque | None:
    """The calque ``chain`` makes of ``words``, or None when the rendering is acceptable.

    ``turned``: the English words render the characters in reverse order ("tax-saving" for 省税):
    English's object-verb compound for a Chinese verb and object, never an abbreviation's list.
    """
    start, end = min(u.start for u in chain), max(u.end for u in chain)
    texts = [w for w, _, _ in words]
    # attested as the English has it: "force-applying" is not CC-CEDICT's "applied force"
    if attested(texts[::-1] if turned else texts):
        return None
    word, span = _dictionary_words(zh, start, end)
    pieces = tuple((zh[u.start:u.end], w) for u, (w, _, _) in zip(chain, words))
    en_span = (min(s for _, s, _ in words), max(e for _, _, e in words))
    if word is None:
        if turned or any(u.end - u.start > 1 for u in chain) or not _clipped_compound(zh[start:end], texts[0]):
            return None
        return Calque((start, end), en_span, pieces, None, ())
    senses = own_senses(word)
    if not senses or any(u.end - u.start >= len(word) for u in chain) or meaning_kept(texts, senses, en_lemmas):
        return None
    return Calque(span, en_span, pieces, word, senses)


@lru_cache(maxsize=2048)  # literal-term and shorthand both ask, a chunk of pairs apart
def hyphenated_calques(zh: str, en: str) -> tuple[Calque, ...]:
    """Hyphenated English compounds ("number-wisdom") that render a Chinese span character by character."""
    units: dict[int, list[_Unit]] | None = None  # the Chinese read only for a compound worth a look
    en_lemmas = {t.lemma for t in lx.tokenize_en(en)}
    out: list[Calque] = []
    for m in _COMPOUND.finditer(en):
        words = [(p.group(), m.start() + p.start(), m.start() + p.end()) for p in re.finditer(r"[A-Za-z]+", m.group())]
        if len(words) > 6 or any(len(w) < 3 for w, _, _ in words):
            continue
        orders = [words]
        if len(words) == 2 and _VERB_FORM.search(words[1][0]):
            orders.append(words[::-1])
        elif attested([w for w, _, _ in words]):
            continue  # English ("high-quality"): whatever characters it meets, ``_judge`` lets it be
        if units is None:
            units = {}
            for h in HAN_RUN.finditer(zh):
                units.update(_units(h.group(), h.start()))
        for order in orders:
            lemmas = [lx.lemma(w.lower()) for w, _, _ in order]
            chain = next((c for at in units if (c := _chain(lemmas, units, at))), None)
            if chain is None:
                continue
            hit = _judge(zh, chain, order, en_lemmas, order is not words)
            if hit is not None and not any(h.en_span == hit.en_span for h in out):
                out.append(hit)
            break
    return tuple(out)


@lru_cache(maxsize=65536)  # pure, and asked for the same characters in every pair
def _primary(unit: str) -> frozenset[str]:
    """Lemmas of the first three glosses of each of ``unit``'s CC-CEDICT entries (底 'bottom',
    座 'seat'): a rendering by the characters uses their first senses."""
    out: set[str] = set()
    for e in lx.cedict().get(unit):
        if e.proper:
            continue
        for g in [g for g in e.glosses if not lx.SKIP_GLOSS.match(g)][:3]:
            clean = lx.strip_gloss(g)
            if not re.search(r"\b[A-Z]", clean):
                out.update(lx.lemma(w) for w in re.findall(r"[a-z]{3,}", clean) if w not in GLOSS_FILLER)
    return frozenset(out)


def _is_noun(word: str) -> bool:
    """jieba tags ``word`` as a common noun (底座): a thing the English can name with two nouns."""
    return jieba_tag(word) == "n"


#: an amount right after a word: the word takes it as its complement ("goods worth more than 1.2
#: million yuan", "a loss of $3"), so it heads no compound with the word before it
_AMOUNT_AFTER = re.compile(r"\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|"
                           r"roughly\s+|some\s+|up\s+to\s+|at\s+least\s+)?(?:[$€£¥]|US\$|RMB\s*)?\d")


@lru_cache(maxsize=65536)  # pure, and a memory's sentences repeat their words
def _two_character_noun(word: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]] | None:
    """A two-character word :func:`word_by_word_calques` reads, with its own senses and its two
    characters' first senses; None for a word no rendering of it can be a calque: not in CC-CEDICT,
    a proper name there, a numeral, not a common noun by jieba, or without senses to compare."""
    cd = lx.cedict()
    if word not in cd or any(e.proper for e in cd.get(word)) or NUMERAL_CHARS.search(word) or not _is_noun(word):
        return None
    senses = own_senses(word)
    first, second = _primary(word[0]), _primary(word[1])
    if not senses or not first or not second:
        return None
    return senses, first, second


def word_by_word_calques(zh: str, en: str) -> list[Calque]:
    """Two-character CC-CEDICT words rendered as two plain English words, one per character
    (底座 'base' → "bottom seat"), where no sense of the word shares a word with them.

    Stricter than the hyphenated test, because two adjacent words are common: each English word
    must be one of its character's first senses, neither a stopword, no other word of the Chinese
    sentence may explain either, the pair is no phrase CC-CEDICT's English uses, and no amount
    follows it (货值 "goods worth 1.2 million yuan": 'worth' takes the amount, no compound).
    """
    tokens = [t for t in lx.tokenize_en(en) if "-" not in t.text]
    if len(tokens) < 2:
        return []
    # two plain words side by side, neither a stopword: the only places a rendering can be
    adjacent = [(a, b) for a, b in pairwise(tokens) if en[a.end:b.start] == " "
                and a.text.lower() not in lx.STOPWORDS and b.text.lower() not in lx.STOPWORDS]
    if not adjacent:
        return []
    en_lemmas = {t.lemma for t in lx.tokenize_en(en)}
    out: list[Calque] = []
    for m in HAN_RUN.finditer(zh):
        at = m.start()
        for w in jieba_words(m.group()):
            start, at = at, at + len(w)
            readings = _two_character_noun(w) if len(w) == 2 else None
            if readings is None:
                continue
            senses, first, second = readings
            accounted = None
            for a, b in adjacent:
                if not (renders_any(a.lemma, first) and renders_any(b.lemma, second)):
                    continue
                if (attested([a.text, b.text]) or meaning_kept([a.text, b.text], senses, en_lemmas)
                        or _AMOUNT_AFTER.match(en, b.end)):
                    continue
                if accounted is None:
                    accounted = lr.accounted_lemmas(zh, start, start + 2)
                if a.lemma in accounted or b.lemma in accounted:
                    continue
                out.append(Calque((start, start + 2), (a.start, b.end),
                                  ((w[0], a.text), (w[1], b.text)), w, senses))
                break
    return out
