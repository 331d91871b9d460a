"""English words, for the aligner and the checks alike: tokens, stopwords, stems.

One module, so that a word of the English side is cut, dropped as a function
word and reduced to a stem by rules found in one place (the checks used to
keep theirs in ``qa.lexicons`` and ``qa.text``, the aligner its own in
``align.lexicon``).  What the two sides need is not the same, and the
differences are kept on purpose, each under its own name:

* tokens: :data:`WORD` (letters with inner apostrophes and hyphens: the
  meaning checks' words), :data:`FORM_WORD` (letters and digits: the form
  checks' words, numbers included) and :data:`LETTERS` (runs of letters: the
  aligner's lexical feature, which a hyphen splits);
* stopwords: :data:`STOPWORDS` (function words, generic words and CEDICT gloss
  labels a meaning check must not count as a rendering) and
  :data:`ALIGN_STOPWORDS` (the short list the aligner's lexical evidence was
  tuned with: MAC-Test F1 0.908, bench/align_mac.py);
* stems: :func:`lemma` (a light inflection stripper: "industries" meets
  "industry") and, on top of lemmas, :class:`StemSet` (a word class change:
  "specialization" meets "specialized"); :func:`stem_key` and
  :func:`same_stem` (the first five letters: one helper for every check that
  matches words by prefix); the aligner's :func:`prefix_stem` (the first five
  letters, a short word minus its plural s).  Moving the aligner to lemmas is an experiment to
  measure on MAC, not a refactor: its features would change.

Nothing is loaded at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

#: a word of the meaning checks: letters, inner apostrophes and hyphens ("people’s", "cross-border")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
#: a word of the form checks: letters and digits, inner apostrophes and hyphens
#: ("people’s", "cross-border"; "R&D" is split at "&" on purpose)
FORM_WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
#: a word of the aligner's lexical feature: a run of letters
LETTERS = re.compile(r"[A-Za-z]+")

#: function words and glosses too generic to show that a character was rendered
STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for with from into onto upon about as than then so such
is are am was were be been being do does did doing done have has had having get got make made
it its it's this that these those there here which who whom whose what when where why how
i me my we us our you your he him his she her they them their one ones sb sth someone something
not no yes all any some each every other another both either neither very much many more most
also only just even too can could may might must shall should will would up down out off over
under again once if while because though although whether etc i.e e.g used use using
big small large little good bad new old great high low way thing things kind sort part
person people time times day make take give go come put set let keep see look say tell
first second third cl abbr classifier particle variant surname pr tw coll lit fig idiom
proverb literary dialect loanword old-fashioned archaic interj onom pl
""".split())

#: English words too common to say anything about content, for the aligner's lexical evidence
ALIGN_STOPWORDS = frozenset("""
a an the of to in on at by for from with without into onto over under about as and or but nor not
no is are was were be been being am do does did done have has had having it its it's this that
these those there here he she him her his hers they them their we us our you your i me my mine who
whom whose which what when where why how all any some such so than then too very can could will
would shall should may might must also just only even still yet more most much many one ones own
same other another each every both either neither up down out off again further once if because
while until upon per via etc sb sth something someone somebody thing things way get got make made
let lets used use oneself itself himself herself themselves variant see cl surname old abbr also
archaic name used
""".split())

NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten hundred thousand
ten-thousand million billion""".split())

#: irregular comparatives: "make people's lives better" renders 美 'good'
_IRREGULAR = {"better": "good", "best": "good", "worse": "bad", "worst": "bad"}


#: comparatives that are not the adjective + -er ("little" → "less")
_COMPARATIVE = {"good": "better", "bad": "worse", "little": "less", "much": "more", "many": "more"}


def comparatives(adjective: str) -> tuple[str, ...]:
    """``adjective`` and its comparative forms ("low" → "lower", "big" → "bigger", "easy" → "easier").

    Why: "more and more X" (越来越X) changes in the direction of "X-er"; the
    direction table lists comparatives (lower, fewer, cheaper), not adjectives.
    Regular -er forms are all offered (one of them is right); a word that takes
    "more" (important) simply meets no table row.
    """
    a = adjective.lower()
    forms = [a, a + "r" if a.endswith("e") else a + "er"]
    if a in _COMPARATIVE:
        forms.append(_COMPARATIVE[a])
    if len(a) > 2 and a.endswith("y"):
        forms.append(a[:-1] + "ier")
    if len(a) > 2 and a[-1] not in "aeiouwy" and a[-2] in "aeiou" and a[-3] not in "aeiou":
        forms.append(a + a[-1] + "er")  # big → bigger, thin → thinner
    return tuple(forms)


@lru_cache(maxsize=65536)  # pure, and called for every English token by many checks
def lemma(word: str) -> str:
    """A crude stem: enough to meet 'industries'/'industry', 'controlled'/'control'.

    Deliberately light (no dictionary): over-stemming would merge unrelated
    words and make the literal-rendering test fire on coincidences.
    """
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ied"):  # 'unified', 'studied' meet 'unify', 'studies'
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeious":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


class Token(NamedTuple):
    """A word of the English side, its lemma and its offsets.

    A named tuple, not a frozen dataclass: the checks make millions of tokens
    at translation-memory scale, and a tuple is made several times faster.
    """

    text: str
    lemma: str
    start: int
    end: int


def tokenize_en(text: str) -> list[Token]:
    """English word tokens with character offsets into ``text``."""
    return list(_tokens(text))


#: texts kept tokenised: the checks tokenise the same pair's English and its clauses several
#: times each within a chunk of pairs.  On 8,000 WMT20 pairs a chunk's texts were
#: tokenised again 2,232 times with 4,096 kept, 417 times with this; a kept text costs
#: about 2 KB of tokens.  The document-wide checks read every pair again after the last
#: chunk: no cache of a chunk's size holds those at translation-memory scale.
TOKENS_CACHE = 8192


@lru_cache(maxsize=TOKENS_CACHE)
def _tokens(text: str) -> tuple[Token, ...]:
    # built as plain tuples of the Token type (what Token._make does), a third faster than
    # Token(...) per word: every English text of a memory passes here several times
    new, out = tuple.__new__, []
    for m in WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        out.append(new(Token, (word, lemma(word), start, end)))
    return tuple(out)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the words in ``text`` that carry meaning (no stopwords)."""
    return list(_content_lemmas(text))


@lru_cache(maxsize=65536)  # pure, and the checks read the same CC-CEDICT glosses for every pair
def _content_lemmas(text: str) -> tuple[str, ...]:
    out = []
    for m in WORD.finditer(text):
        w = m.group().lower()
        if w in STOPWORDS or lemma(w) in STOPWORDS or len(w) < 2:
            continue
        out.append(lemma(w))
    return tuple(out)


#: letters two words must share at the start to count as one stem: enough to
#: forgive inflection and word class ('defence', 'defend'; 'integrate',
#: 'integration'), at the price of a few collisions
STEM_LETTERS = 5


#: British → American word endings: the one table (issue 14) for the form checks' word list
#: (``qa.english_lexicon`` tries every row on a word the list lacks and accepts it when the list
#: knows the American form) and the meaning checks' stem keys (:func:`us_spelling` rewrites with
#: the rows that need no word list).  Each row: British ending, American ending, and the
#: shortest word the row rewrites without a word list — 0 where only a word list can tell
#: ('ence' → 'ense' is right for 'defence', wrong for 'science'; 'ise' → 'ize' for 'organise',
#: not 'promise').  The -our rows have a word list of their own, :data:`BRITISH_OUR`: they
#: rewrite a word only when its -our form is one of those British words, so American words in
#: -our ('devour', 'contour', 'troubadour', 'glamour', 'hour') never become '-or'.  The other
#: sure rows leave three letters before the ending.  Sources: the standard British/American
#: correspondences (Oxford and Merriam-Webster spellings: -our/-or, -re/-er, -ise/-ize,
#: -yse/-yze, -ogue/-og, -ence/-ense, -ll-/-l-, -mme/-m, -ement/-ment, -eing/-ing, -il/-ill,
#: -ol/-oll).
BRITISH_ENDINGS: tuple[tuple[str, str, int], ...] = (
    ("isation", "ization", 0), ("isations", "izations", 0), ("ise", "ize", 0), ("ised", "ized", 0),
    ("ises", "izes", 0), ("ising", "izing", 0), ("iser", "izer", 0), ("isers", "izers", 0),
    ("yse", "yze", 0), ("ysed", "yzed", 0), ("ysing", "yzing", 0), ("yses", "yzes", 0),
    ("ourable", "orable", 0), ("our", "or", 0), ("ours", "ors", 0), ("oured", "ored", 0),
    ("ouring", "oring", 0), ("ourite", "orite", 0), ("ourites", "orites", 0),
    ("tre", "ter", 5), ("tres", "ters", 0), ("bre", "ber", 5), ("bres", "bers", 0),
    ("ogue", "og", 0), ("ogues", "ogs", 0), ("ence", "ense", 0),
    ("lled", "led", 0), ("lling", "ling", 0), ("ller", "ler", 0), ("llers", "lers", 0),
    ("mme", "m", 0), ("mmes", "ms", 0), ("ement", "ment", 0), ("eing", "ing", 0), ("fil", "fill", 0),
    ("rol", "roll", 0),
)


#: The British words in -our that American English spells -or: every lowercase -our word of
#: SCOWL's British list that is not an American spelling (not in SCOWL's American list, which
#: has 'devour', 'contour', 'glamour', 'saviour', 'troubadour') and whose -or form is an
#: English word (in the American list).  SCOWL 2020.12.07 (Kevin Atkinson; Debian's wbritish
#: and wamerican, size 50), printed by qa/data/make/scowl_our.py; qa/data/ATTRIBUTION.md.
BRITISH_OUR = frozenset("""
arbour ardour armour behaviour belabour candour clamour clangour colour demeanour discolour
disfavour dishonour enamour endeavour favour fervour flavour harbour honour humour labour
misbehaviour misdemeanour neighbour odour parlour rancour rigour rumour savour splendour succour
tricolour tumour valour vapour vigour watercolour
""".split())


def _not_american(british: str, stem: str) -> bool:
    """A row may offer its American ending for ``stem`` + ``british``: any row but an -our one,
    and an -our row for a word whose -our form (``stem`` + 'our') is in :data:`BRITISH_OUR`."""
    return not british.startswith("our") or stem + "our" in BRITISH_OUR


def _rewrites(word: str, british: str, shortest: int, stem: str) -> bool:
    """Whether a row of :data:`BRITISH_ENDINGS` rewrites ``word`` without a general word list:
    an -our row by :data:`BRITISH_OUR` (:func:`_not_american`), another row when the word is
    long enough for it (``shortest``; 0: never)."""
    if british.startswith("our"):
        return _not_american(british, stem)
    return bool(shortest) and len(word) >= shortest


def american_candidates(word: str) -> list[str]:
    """Every American spelling :data:`BRITISH_ENDINGS` offers for a lowercase ``word``
    ('defence' → 'defense'; 'science' → 'sciense' too): a caller with a word list keeps the
    ones the list knows.  An -our row offers -or only for the words of :data:`BRITISH_OUR`
    ('colours' → 'colors'; 'amour' and 'authour' get no 'amor', 'author')."""
    return [word[: -len(british)] + american for british, american, _ in BRITISH_ENDINGS
            if word.endswith(british) and _not_american(british, word[: -len(british)])]


def us_spelling(word: str) -> str:
    """A word's or a lemma's American spelling, the one CC-CEDICT's glosses use: 'armour' →
    'armor', 'labour' → 'labor', 'favourabl' (favourable) → 'favorabl', 'armoured' →
    'armored', 'centr' (centre) → 'center', 'fibr' → 'fiber'; 'devour' and 'contour' stay.
    British English translations must meet the glosses ("three-armour" renders 甲 'armor').
    Only the rows of :data:`BRITISH_ENDINGS` that need no general word list; a lemma that lost
    its final 'e' ('centr') meets the row of its word ('centre')."""
    for british, american, shortest in BRITISH_ENDINGS:
        if word.endswith(british) and _rewrites(word, british, shortest, word[: -len(british)]):
            return word[: -len(british)] + american
        if (british.endswith("e") and word.endswith(british[:-1])
                and _rewrites(word + "e", british, shortest, word[: -len(british) + 1])):
            return word[: -len(british) + 1] + american.removesuffix("e")  # as lemma() would
    return word


@lru_cache(maxsize=65536)  # pure, and asked for every pair of words compared
def stem_key(word: str) -> str:
    """The key under which the words of one stem meet: the first five letters of the American
    spelling (a shorter word is its own key, so it only meets itself)."""
    return us_spelling(word)[:STEM_LETTERS]


def same_stem(a: str, b: str) -> bool:
    """Same word, or the same first five letters of two long words ('defence', 'defend')."""
    return stem_key(a) == stem_key(b)


class StemSet:
    """A word set matched loosely: same first five letters, or a 4-letter word prefixing the other.

    Translators change word class ('specialization' for 专业化 meets
    'specialized'; 实 'real' meets 'reality'), which exact lemmas miss.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.exact = set(words)
        # one pass for the three loose sets (the coverage checks build one per clause of every pair)
        self.five, self.four, self.four_prefix = five, four, prefix = set(), set(), set()
        for w in self.exact:
            if len(w) >= 4:
                prefix.add(w[:4])
                if len(w) == 4:
                    four.add(w)
                if len(w) >= STEM_LETTERS:
                    five.add(stem_key(w))

    def has(self, w: str) -> bool:
        if w in self.exact:
            return True
        if len(w) >= STEM_LETTERS:
            return stem_key(w) in self.five or w[:4] in self.four
        return len(w) == 4 and w in self.four_prefix

    def has_any(self, query: StemQuery) -> bool:
        """``any(self.has(w) for w in words)`` for the words of ``query`` (:func:`stem_query`):
        four set intersections, where a clause matcher asks it of every gloss group against
        every English clause."""
        return (not self.exact.isdisjoint(query.words) or not self.five.isdisjoint(query.fives)
                or not self.four.isdisjoint(query.prefixes) or not self.four_prefix.isdisjoint(query.fours))


class StemQuery(NamedTuple):
    """Words read once for :meth:`StemSet.has_any`, keyed as :meth:`StemSet.has` reads a word."""

    words: frozenset[str]
    fives: frozenset[str]  # stem keys of the words of STEM_LETTERS letters or more
    prefixes: frozenset[str]  # their first four letters
    fours: frozenset[str]  # the words of exactly four letters


@lru_cache(maxsize=16384)  # gloss groups are shared frozensets: each is read once
def stem_query(words: frozenset[str]) -> StemQuery:
    """``words`` as :meth:`StemSet.has_any` asks them."""
    long = [w for w in words if len(w) >= STEM_LETTERS]
    return StemQuery(words, frozenset(stem_key(w) for w in long), frozenset(w[:4] for w in long),
                     frozenset(w for w in words if len(w) == 4))


@lru_cache(maxsize=4096)  # pure, and never changed: several checks match a text's words
def lemma_stems(text: str) -> StemSet:
    """The :class:`StemSet` of the lemmas of every word of ``text`` (one per text, shared)."""
    return StemSet(t.lemma for t in tokenize_en(text))


#: the aligner's stem length, the checks' one
PREFIX_STEM_LEN = STEM_LETTERS


def prefix_stem(word: str) -> str:
    """The aligner's stem: lower-cased first five letters; a short word keeps its form
    minus a plural s."""
    w = word.lower()
    if len(w) > PREFIX_STEM_LEN:
        return stem_key(w)
    if len(w) > 3 and w.endswith("s"):
        return w[:-1]
    return w


def content_stems(text: str) -> set[str]:
    """The aligner's stems of the content words of an English sentence."""
    return {prefix_stem(w) for w in LETTERS.findall(text)
            if len(w) > 1 and w.lower() not in ALIGN_STOPWORDS}
