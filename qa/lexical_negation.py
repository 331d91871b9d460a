"""Negation carried inside a Chinese word, and the English words that would say the opposite.

Why: the polarity check reads free negators (不, 没有, 未 …) and asks whether
the English clause holds *some* negation.  Two kinds of error slip through:
the negation lives inside a lexicalised word the negator table does not
list (不可逆转 "irreversible"), or the English clause holds an unrelated
negative word elsewhere, so "some negation" is found although the word that
renders the negated one is positive (不可逆转 → "could yet be reversed",
还不充分 → "is already sufficient").  Both are caught by the same question:
does the English use the *positive* word the Chinese negates, with no
negation around it?

Everything comes from CC-CEDICT and English morphology, no word list:

* a Chinese word is *lexically negative* when it starts with a negating
  morpheme (a ``negation``/``prohibition`` cue of ``qa/data/negators.tsv``
  such as 不, 无, 未, 非, 不可, or 难以) and CC-CEDICT glosses it negatively
  (its first gloss and at least half of them are negative: "irreversible",
  "not enough", "unable", "lacking", "powerless").  The glosses are why
  negator-initial words that negate nothing (不断 "continuous", 不少
  "many", 不可或缺 "indispensable"/"necessary") are left alone; a gloss
  with two negations ("there is no lack of" for 不乏) is litotes, positive;
* a negator that jieba leaves apart from its next word (不 充分, 还 不 够),
  or a negator-initial word CC-CEDICT does not list (不具备), is the negation
  of that next word or stem;
* the positive English *bases* are the un-negated words of those glosses:
  the negative affix stripped from an affixed gloss word whose remainder is
  itself an English word of CC-CEDICT's glosses ("irreversible" →
  "reversible", "insufficient" → "sufficient", "unable" → "able"), the word
  a "not"/"no" gloss negates ("not enough" → "enough"), and CC-CEDICT's
  glosses of the un-negated stem of two characters or more (充分 "ample,
  sufficient, adequate"; 逆转 "reverse"), with their CC-CEDICT near-synonyms
  (:func:`near_synonyms`: "sufficient" → "enough").  Words are compared on
  :func:`en_root`, the shared lemmatiser after a derivational suffix is
  stripped, so "reversible" meets "reversed" and "reverse".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from align.cedict import CedictLine, load_derived
from align.script import HAN
from qa import lexicons as lx
from qa.meaning_cues import cue_rows, zh_words

TABLE = "negators.tsv"

#: negative affixes of English adjectives, verbs and nouns (Quirk et al. 1985, App. I.21-I.23)
_AFFIX = re.compile(r"^(?:non-?|un|in|im|il|ir|dis)([a-z]{4,})$")
#: un- as a negative prefix, not the un of "under", "union", "unit", "universal", "until" …
UN_PREFIX = r"un(?!der|io|it|if|iv|iq|is|til|to)"
#: the Latinate negative prefixes (in-, im-, ir-, il-, dis-, mis-, ab-): a word they start may be a
#: positive word all the same ("involved", "distribute"), so readers test the base as well
LATIN_NEGATIVE_PREFIXES = r"(?:in|im|ir|il|dis|mis|ab)"
#: a "-less" adjective: negative, but its noun base ("power" of "powerless") is no safe cue
_LESS = re.compile(r"^[a-z]{3,}less(?:ly|ness)?$")
#: gloss words that negate what follows them or say an absence
_NEGATIVE = frozenset("not no never non cannot can't without lack lacking fail failure "
                      "none nothing neither nor".split())
#: derivational endings stripped before lemmatising, so "reversible" meets "reversed"
_DERIVATION = ("ibly", "ably", "ible", "able", "ity", "ness", "ly")
#: characters that start a number: 不足10% is a bound ("less than"), not a lexical negation
_NUMERAL = frozenset("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两半")
#: the modal between a negator and its verb (不可逆转, 不能容忍): the stem is the verb
_MODAL = ("可", "能", "得", "会")


@dataclass(frozen=True)
class LexicalNegation:
    """A negated Chinese word, what CC-CEDICT says it means, and the English roots that would reverse it.

    ``gloss`` is for messages ("irreversible", or "not + sufficient" for a
    composed one); ``bases`` are :func:`en_root` roots of the positive
    words and ``lemmas`` their lemmas; ``light`` the common verbs a stem is
    glossed by ("to have" for 具备), which count only as a main verb;
    ``forms`` the roots of the negative gloss words themselves
    ("irreversible"), which render the negation wherever they stand.
    """

    word: str
    start: int
    end: int
    gloss: str
    bases: frozenset[str]
    forms: frozenset[str]
    lemmas: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()


def en_root(word: str) -> str:
    """``word`` without one derivational ending ("reversible" → "revers"), else its shared lemma."""
    w = word.lower()
    for suffix in _DERIVATION:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)].removesuffix("e")
    return lx.lemma(w)


#: English endings that make a token a form of a base word's family, not the bare noun
#: ("reversed" renders "reversible"; the noun "reason" does not render "reasonable")
_INFLECTED = re.compile(r"(?:ed|ing|ly|ible|able)$")


#: what may follow "have" as a main verb: not a participle, infinitive marker or negation
_AUXILIARY_NEXT = re.compile(r"(?:[a-z]+(?:ed|en)|been|to|not|no|never|yet|got|already|just|also)$")


#: the forms of "do" that are also the auxiliary of emphasis, questions and negation
_DO_FORMS = frozenset({"do", "does", "did"})


def _verb_bases() -> frozenset[str]:
    """The English verb list the fragments check reads (loaded on first use)."""
    from qa.checks.fragments import verb_bases

    return verb_bases()


def renders_base(token: str, negation: LexicalNegation, following: str = "") -> bool:
    """The English ``token`` is one of the positive words ``negation`` negates.

    The same lemma as a base ("sufficient", "reverse"), or an inflected or
    derived form that shares a base's root ("reversed" for "reversible");
    a light verb of the stem ("have" for 具备) only as a main verb, when
    ``following`` (the next English word) is no participle ("have a
    natural endowment", not "have improved"; a "do" before a bare verb is the auxiliary,
    "do share").  Other generic words (do, make, get, take:
    ``lx.STOPWORDS``) are auxiliaries or light verbs far more often than the stem's
    rendering ("positivists do share the view" for 不进行).
    """
    low = token.lower()
    if lx.lemma(low) in negation.light or low in ("has", "had") and "have" in negation.light:
        nxt = following.lower()
        if low in _DO_FORMS and nxt in _verb_bases():
            return False  # the emphatic or question "do" before a bare verb ("do share the view")
        return bool(following) and not _AUXILIARY_NEXT.match(nxt)
    if low in lx.STOPWORDS or lx.lemma(low) in lx.STOPWORDS:
        return False  # a generic word (进行 "to do": "positivists do share") renders no stem of its own
    if lx.lemma(low) in negation.lemmas:
        return True
    return bool(_INFLECTED.search(low)) and en_root(low) in negation.bases


def _vocabulary() -> frozenset[str]:
    """Every lower-case English word of CC-CEDICT's glosses: what counts as a real affix remainder."""
    return _thesaurus()[2]


@dataclass(frozen=True)
class GlossReading:
    """One gloss read for polarity: negative or not, and the positive words it negates."""

    negative: bool
    bases: frozenset[str]
    forms: frozenset[str]


#: adverbs a negation gloss carries that are no positive base ("not yet", "not necessarily")
_NOT_BASES = frozenset("yet necessarily always quite really".split())


def _content(word: str) -> bool:
    return len(word) >= 3 and word not in lx.STOPWORDS and word not in _NEGATIVE and word not in _NOT_BASES


@lru_cache(maxsize=16384)
def read_gloss(gloss: str) -> GlossReading:
    """Whether a CC-CEDICT gloss is negative, the positive words it negates and its negative words.

    Two negations in one gloss ("there is no lack of") cancel: positive.
    """
    words = re.findall(r"[a-z]+(?:-[a-z]+)?|can't", lx.strip_gloss(gloss).lower())
    negations = 0
    bases: set[str] = set()
    forms: set[str] = set()
    for i, w in enumerate(words):
        if w in _NEGATIVE:
            negations += 1
            following = [x for x in words[i + 1:i + 4] if _content(x)]
            if following and not _AFFIX.match(following[0]):
                bases.add(following[0])
            continue
        m = _AFFIX.match(w)
        if m and m.group(1) in _vocabulary():
            negations += 1
            bases.add(m.group(1))
            forms.add(w)
        elif _LESS.match(w):
            negations += 1
            forms.add(w)
    negative = negations % 2 == 1
    return GlossReading(negative, frozenset(bases) if negative else frozenset(),
                        frozenset(forms) if negative else frozenset())


@cache
def _rows_by_kind() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for r in cue_rows(TABLE):
        if r.lang == "zh":
            kinds.setdefault(r.kind, set()).add(r.cue)
    return {k: frozenset(v) for k, v in kinds.items()}


def _morphemes() -> frozenset[str]:
    """Negating morphemes a word may start with: the table's negation and prohibition cues, and 难以."""
    kinds = _rows_by_kind()
    return kinds.get("negation", frozenset()) | kinds.get("prohibition", frozenset()) | {"难以"}


def _negates_next(word: str) -> bool:
    """A jieba word that negates the word after it: a negation or prohibition cue of the table
    (不, 无法, 不得 …) or an adverb + 不/未/没 word no table lists (尚不, 还不, 也未)."""
    kinds = _rows_by_kind()
    if word in kinds.get("negation", frozenset()) or word in kinds.get("prohibition", frozenset()):
        return True
    return len(word) == 2 and word[1] in "不未没" and word not in _not_negating()


def _not_negating() -> frozenset[str]:
    """Table words that hold a negator but negate nothing (不断, 不少, 无论), or whose clause is
    not read (不得不, 难道)."""
    kinds = _rows_by_kind()
    return kinds.get("silent", frozenset()) | kinds.get("skip", frozenset())


def _head_words(gloss: str) -> list[str]:
    """The content word of a gloss of three words or fewer ("to reverse" → reverse; "to the
    full" → full); a longer gloss ("to be in place") says a phrase whose words alone
    ("place") are no rendering of it, nor is a word CC-CEDICT qualifies in brackets
    (到位 "well (done)": "well" alone is "as well")."""
    if "(" in gloss:
        return []
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", lx.strip_gloss(gloss).lower())
    content = [w for w in words if _content(w)]
    return content[:1] if len(words) <= 3 else []


@lru_cache(maxsize=8192)
def stem_bases(stem: str) -> frozenset[str]:
    """Positive English words of an un-negated stem (充分 → ample, sufficient, adequate, full).

    Empty for a stem of one character (足 "foot; sufficient", 法 "law": too
    many senses to say which one the word negates) or a stem whose first
    gloss is itself negative (a double negation); a negative gloss of the
    stem gives no base (及时 "without delay": "delayed" renders 未及时).
    """
    glosses = lx.cedict().glosses(stem, per_entry=6)
    if len(stem) < 2 or not glosses or read_gloss(glosses[0]).negative:
        return frozenset()
    return frozenset(w for g in glosses if not read_gloss(g).negative for w in _head_words(g))


@lru_cache(maxsize=8192)
def stem_light_verbs(stem: str) -> frozenset[str]:
    """Common verbs a stem of two characters or more is glossed by alone (具备 "to have", 使用
    "to use"): too frequent to be bases anywhere, but a main verb "have" renders 具备."""
    glosses = lx.cedict().glosses(stem, per_entry=6)
    if len(stem) < 2 or not glosses or read_gloss(glosses[0]).negative:
        return frozenset()
    return frozenset(m.group(1) for g in glosses
                     if (m := re.fullmatch(r"to ([a-z]+)", lx.strip_gloss(g).lower()))
                     and m.group(1) in lx.STOPWORDS)


@lru_cache(maxsize=8192)
def word_reading(word: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """(gloss for messages, base roots, negative-form roots) when CC-CEDICT glosses ``word`` negatively.

    None for a word whose first gloss is positive or whose glosses are
    mostly positive (不断 "unceasing; continuous; constant" is half
    negative, but its first sense is no gloss of a negated state either
    way: it is a table ``silent`` word).
    """
    glosses = lx.cedict().glosses(word, per_entry=8)
    if not glosses:
        return None
    readings = [read_gloss(g) for g in glosses]
    if not readings[0].negative or 2 * sum(r.negative for r in readings) < len(readings):
        return None
    bases = {b for r in readings for b in r.bases}
    forms = {f for r in readings for f in r.forms}
    return lx.strip_gloss(glosses[0]), frozenset(bases), frozenset(forms)


@lru_cache(maxsize=65536)  # pure: asked of every word of every pair, the same words again
def _split(word: str) -> tuple[str, str]:
    """(negating morpheme, stem) of a negator-initial word; a modal after the negator goes with it
    (不可逆转 → 不可 + 逆转)."""
    morpheme = max((m for m in _morphemes() if word.startswith(m) and len(m) < len(word)),
                   key=len, default="")
    stem = word[len(morpheme):]
    if morpheme and stem[:1] in _MODAL and stem[1:] in lx.cedict():
        morpheme, stem = morpheme + stem[0], stem[1:]
    return morpheme, stem


def _dictionary_stem(stem: str) -> str:
    """``stem`` itself when CC-CEDICT lists it, else its first CC-CEDICT word (具备条件 → 具备)."""
    return stem if stem in lx.cedict() else (lx.cedict().segment(stem) or [""])[0]


def _simple(gloss: str) -> str:
    """A gloss in lower case without bracketed labels (cheap: most glosses have none)."""
    return (lx.strip_gloss(gloss) if "(" in gloss or "[" in gloss else gloss).lower()


def derive_thesaurus(
    lines: Iterable[CedictLine],
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]]:
    """(adjective → its near-synonyms, words CC-CEDICT uses as verbs, every gloss word) read off
    CC-CEDICT itself.

    Two English words are near-synonyms when at least two CC-CEDICT words of
    two or more characters are glossed by both and by nothing longer than
    one word (足够 "enough; sufficient", 够用 "adequate; sufficient; enough"):
    so "enough" renders 充分 "sufficient" as well.  A word CC-CEDICT also
    glosses as a verb ("to complete", "to clear") is left alone: its
    co-glosses (完全 "complete; whole; entire") are no synonyms of the verb.
    """
    support: dict[str, dict[str, int]] = {}
    verbs: set[str] = set()
    vocabulary: set[str] = set()
    for line in lines:
        vocabulary.update(w for g in line.glosses for w in re.findall(r"[a-z]+", g))
        glosses = [_simple(g) for g in line.glosses]
        verbs.update(g[3:] for g in glosses if g.startswith("to ") and g[3:].isalpha())
        if len(line.simp) < 2 or not 2 <= len(glosses) <= 4 or not all(g.isalpha() for g in glosses):
            continue
        for g in set(glosses):
            for other in set(glosses) - {g}:
                support.setdefault(g, {}).setdefault(other, 0)
                support[g][other] += 1
    synonyms = {g: tuple(sorted(o for o, n in others.items() if n >= 2)) for g, others in support.items()}
    return ({g: o for g, o in synonyms.items() if o}, tuple(sorted(verbs)),
            tuple(sorted(vocabulary)))


@lru_cache(maxsize=1)
def _thesaurus() -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]:
    """The near-synonym table, verbs and vocabulary, kept in the lexicon cache between processes
    (``align.cedict``)."""
    synonyms, verbs, vocabulary = load_derived("lexical-negation-thesaurus", derive_thesaurus).value
    return synonyms, frozenset(verbs), frozenset(vocabulary)


def near_synonyms(words: frozenset[str] | set[str]) -> frozenset[str]:
    """``words`` and the near-synonyms of those that are no verbs (sufficient → adequate, enough)."""
    synonyms, verbs, _ = _thesaurus()
    return frozenset(words) | {s for w in words if w not in verbs for s in synonyms.get(w, ())}


def _roots(words: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(en_root(w) for w in words)


def _negated(cue: str, stem: str, start: int, end: int, zh: str, then: str = "") -> LexicalNegation | None:
    """The reading of a negator ``cue`` and the ``stem`` it negates (one word or two jieba words).

    ``then`` is the verb after an adverb the negator stands before (无法 按期
    完成: the negation reaches 完成 "complete" too).

    A whole word CC-CEDICT lists is read on its own glosses (None when they
    are positive: 不可或缺 "necessary"); otherwise the negation is composed:
    the bases are the stem's glosses, plus the positive words of the cue's
    own negative glosses (无法 "unable" → "able").
    """
    word = cue + stem
    if word in _not_negating() or zh[end:end + 1] in _NUMERAL or zh[start + len(word):][:1] in _NUMERAL:
        return None
    stem = stem[1:] if stem[:1] in _MODAL and stem[1:] in lx.cedict() else stem
    forms: frozenset[str] = frozenset()
    if word in lx.cedict():
        reading = word_reading(word)
        if reading is None:
            return None
        gloss, bases, forms = reading
        bases = bases | stem_bases(stem)
    elif cue not in _rows_by_kind().get("implicit", frozenset()):  # 难以 is "hard to", not "not"
        bases = stem_bases(_dictionary_stem(stem)) | stem_bases(then)
        own = word_reading(cue) if len(cue) > 1 else None  # 无法 "unable"; 非 "wrong" is too broad
        if own is not None:
            bases, forms = bases | own[1], own[2]
        head = _dictionary_stem(stem)
        senses = [lx.strip_gloss(g) for g in lx.cedict().glosses(head)[:2]]
        gloss = "not " + (" / ".join(re.sub(r"^to ", "", g) for g in senses) if senses else head + then)
    else:
        return None
    if not bases:
        return None
    word = zh[start:end]
    bases = near_synonyms(bases) - forms
    lemmas = frozenset(lx.lemma(b) for b in bases) - frozenset(lx.lemma(f) for f in forms)
    light = frozenset(lx.lemma(v) for v in stem_light_verbs(_dictionary_stem(stem)))
    return LexicalNegation(word, start, end, gloss, _roots(bases) - _roots(forms), _roots(forms),
                           lemmas, light)


def cedict_verb(word: str) -> bool:
    """CC-CEDICT glosses ``word`` as a verb ("to complete"; "to the full" is no verb)."""
    return bool(word) and any(re.match(r"to (?!the\b)[a-z]", g) for g in lx.cedict().glosses(word))


def _adverbial(word: str) -> bool:
    """CC-CEDICT's first gloss of ``word`` is an adverbial ("on schedule", "promptly"): a negator
    before it negates the verb after it."""
    glosses = lx.cedict().glosses(word)
    return bool(glosses) and bool(re.match(r"(?:on|in|at|by|ahead|without)\b|[a-z]+ly\b", glosses[0]))


def syllables(char: str) -> frozenset[str]:
    """The toneless pinyin syllables CC-CEDICT gives ``char`` (非 → fei): a negator that is part
    of a name (导演余非, "Yu Fei") shows as its syllable in the English."""
    return frozenset(re.sub(r"\d", "", e.pinyin).lower() for e in lx.cedict().get(char)
                     if " " not in e.pinyin)


def _dictionary_words(word: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """``word`` itself, or its CC-CEDICT words when jieba joined words the dictionary keeps apart
    (资金不足 → 资金 + 不足) and one of them holds a negator."""
    if word in lx.cedict() or len(word) < 3 or not any(ch in "不无未非没" for ch in word):
        return [(word, start, end)]
    out, pos = [], start
    for part in lx.cedict().segment(word):
        out.append((part, pos, pos + len(part)))
        pos += len(part)
    return out


def lexical_negations(zh: str, start: int = 0, end: int | None = None) -> list[LexicalNegation]:
    """Negated words of ``zh[start:end]`` whose positive English words CC-CEDICT tells.

    A jieba word that starts with a negating morpheme is read on its own
    glosses; a bare one-character negator (不, 无, 未 …) is read with the
    jieba word after it (还不充分 → 不 + 充分).
    """
    end = len(zh) if end is None else end
    words = [p for w in zh_words(zh) if start <= w[1] and w[2] <= end for p in _dictionary_words(*w)]
    out = []
    for i, (w, s, e) in enumerate(words):
        if _negates_next(w) and i + 1 < len(words) and HAN.match(words[i + 1][0]):
            nxt, then = words[i + 1], words[i + 2] if i + 2 < len(words) else ("", 0, 0)
            if w == "非" and cedict_verb(nxt[0]):
                continue  # 非 negates nouns and adjectives (非法, 非公有制); before a verb it is literary
                # or a name (由余非执导 "directed by Yu Fei"), 吕叔湘《现代汉语八百词》 非
            if _adverbial(nxt[0]) and cedict_verb(then[0]):
                found = _negated(w, nxt[0], s, then[2], zh, then[0])
            else:
                found = _negated(w, nxt[0], s, nxt[2], zh)
        elif len(w) > 1 and w not in _not_negating() and _split(w)[0]:
            found = _negated(*_split(w), s, e, zh)
        else:
            continue
        if found is not None:
            out.append(found)
    return out
