"""The opposite-meaning rule: the English uses the antonym of what a Chinese word means.

Why: the direction check's cue table knows the words of rise and fall it
lists; a translation that renders 加深 "to deepen" as "lessening" or 稳定
"stable" as "volatile" reverses the meaning with words no table lists.  The
general mechanism reads two real resources: the CC-CEDICT glosses of each
Chinese word and WordNet's antonym pairs (``qa.antonyms``).

A Chinese content word W with a one-word gloss G (a verb gloss "to G" pairs
only with verb antonyms, any other with adjective, adverb and noun ones)
is *reversed* by an English word E when

* E is a WordNet antonym of G whose antonymous sense is a fair share of both
  words' use (``min_share``), and neither word is a stopword;
* the English holds no gloss of W at all (then W was rendered, and E answers
  something else);
* no other Chinese word of the pair glosses E, nor any antonym of G
  (增长放缓 holds both directions, 低碳 glosses "low");
* W's clause does not frame it with a reversal: a negation (不稳定, 不太完美),
  a lexical negation or prohibition (暂停开放 "closed", ``negators.tsv``), a word
  of decrease (``directions.tsv``) or a verb whose gloss is a WordNet polarity
  shifter (破坏稳定 "destabilize", 威胁安全 "endanger", ``shifters.tsv``); a word
  holding a negator (不尽相同 "different") is not read either.  Nor is E
  negated in the English ("not stable", "less stable"), nor the verb of a phrasal verb
  ("pulling together" renders 合力, not the opposite of 推动 "push"), nor answered by
  one of its own antonyms elsewhere in the English (收尾 "finish" in "begin with …
  and conclude with …": the English says both ends);
* E lies in the English window that renders W's clause: a pair of several
  clauses on both sides is read only where W's clause is confidently matched
  (``qa.clause_match``); a one-clause pair anywhere in its English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from align.model import Pair
from qa import lexicons as lx
from qa.antonyms import Antonym, antonyms
from qa.clause_match import PairLinks
from qa.clause_split import Clause
from qa.english_verb_forms import irregular_verbs
from qa.lexicons import StemSet
from qa.meaning_cues import cue_rows, negated_before, read_table, zh_words
from qa.zh_glosses import word_glosses, zh_content_words

#: English words before E that state a lower degree of it, so that E is not asserted
_DEGREE_DOWN = frozenset({"less", "least", "fewer"})
#: particles that make E a phrasal verb whose meaning is not E's ("pulling together", "push on")
_PARTICLES = frozenset("together up down out off on in over back away through apart along around".split())
_VERB, _OTHER = frozenset("v"), frozenset("arn")


@dataclass(frozen=True)
class Opposite:
    """A Chinese word, the gloss it means, and the English word that says the opposite."""

    zh: str
    zh_start: int
    zh_end: int
    gloss: str
    en: str
    en_start: int
    en_end: int
    pair: Antonym


@lru_cache(maxsize=16384)
def main_glosses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(one-word gloss, WordNet parts of speech it may pair with) of a Chinese word.

    Only glosses that are one English word ("stable", "to deepen") say what W
    means; a word of a longer gloss ("to broaden one's scope") may not.  A word
    CC-CEDICT lacks (落后于) takes the glosses of its dictionary parts of two or
    more characters, never of single characters (低碳 is not 低 "low").
    """
    cd = lx.cedict()
    if word not in cd:
        parts = cd.segment(word) if len(word) > 2 else []
        return tuple(g for p in parts if 1 < len(p) < len(word) for g in main_glosses(p))
    out: dict[str, frozenset[str]] = {}
    for g in cd.glosses(word, per_entry=8):
        text = lx.strip_gloss(g).lower()
        verb = text.startswith("to ")
        text = text.removeprefix("to ").strip()
        if re.fullmatch(r"[a-z]{3,}", text) and text not in lx.STOPWORDS and lx.lemma(text) not in lx.STOPWORDS:
            out[text] = out.get(text, frozenset()) | (_VERB if verb else _OTHER)
    return tuple(out.items())


#: the negators' table kinds that reverse what follows (not "silent" 不断, not "skip" 不得不)
_REVERSING = ("negation", "prohibition", "lexical", "implicit")
_NEGATOR_CHARS = "不未没无非否"


@cache
def _reversers() -> frozenset[str]:
    """Chinese words that reverse what they frame: negators and words of decrease."""
    neg = {r.cue for r in cue_rows("negators.tsv") if r.lang == "zh" and r.kind in _REVERSING}
    down = {r.cue for r in cue_rows("directions.tsv") if r.lang == "zh" and r.kind == "down"}
    return frozenset(neg | down)


@cache
def _silent() -> frozenset[str]:
    return frozenset(r.cue for r in cue_rows("negators.tsv") if r.lang == "zh" and r.kind in ("silent", "skip"))


@cache
def shifter_verbs() -> frozenset[str]:
    """Lemmas of the English verbs that reverse their object (``qa/data/shifters.tsv``)."""
    return frozenset(lx.lemma(r[0]) for r in read_table("shifters.tsv", 2))


def _reverses(word: str) -> bool:
    """A negator, a word of decrease, or a verb glossed by a polarity shifter (破坏 "destroy")."""
    if word in _silent():
        return False
    if word in _reversers() or word[:1] in _NEGATOR_CHARS:
        return True
    return any("v" in pos and lx.lemma(g) in shifter_verbs() for g, pos in main_glosses(word))


def reversal_frame(zh: str, clause_start: int, clause_end: int, start: int, end: int) -> bool:
    """W at [start, end) holds a negator, or another word of its clause reverses it."""
    word = zh[start:end]
    if word not in _silent() and any(ch in _NEGATOR_CHARS for ch in word):
        return True
    return any(_reverses(w) for w, s, e in zh_words(zh[clause_start:clause_end])
               if not (s + clause_start < end and start < e + clause_start))


def _negated_en(en: str, start: int) -> bool:
    prev = lx.tokenize_en(en[:start])[-1:]
    return negated_before(en, start) or any(t.text.lower() in _DEGREE_DOWN for t in prev)


@cache
def _en_decrease() -> frozenset[str]:
    """Lemmas of the one-word English words of decrease (``directions.tsv``: loss, decline, drop)."""
    return frozenset(lx.lemma(r.cue) for r in cue_rows("directions.tsv")
                     if r.lang == "en" and r.kind == "down" and " " not in r.cue)


#: how many words before E a noun of decrease may head E's subject ("loss of available cash is")
_SUBJECT_REACH = 6
#: what shows a word of decrease is a noun heading a phrase: a complement after it ("loss of",
#: "the decline in") or a determiner before it ("the drop", "its losses")
_NOUN_AFTER = frozenset({"of", "in"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "these", "those"})
_PHRASE_BREAK = re.compile(r"[,;:.!?()]")


def _decrease_subject(en: str, start: int) -> bool:
    """A noun of decrease heads the phrase before E: "loss of available cash is increasing" says
    the cash shrinks (萎缩), so "increasing" is the Chinese word's direction, not its opposite.
    The English counterpart of :func:`reversal_frame`'s words of decrease."""
    before = _PHRASE_BREAK.split(en[:start])[-1]
    toks = lx.tokenize_en(before)[-_SUBJECT_REACH:]
    for i, t in enumerate(toks):
        if t.lemma not in _en_decrease():
            continue
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        prev = toks[i - 1].text.lower() if i else ""
        if nxt in _NOUN_AFTER or prev in _DETERMINERS:
            return True
    return False


@lru_cache(maxsize=65536)  # pure; every pair asks it of each of its words (a set is never changed)
def _gloss_set(word: str) -> StemSet:
    """Every gloss lemma of ``word`` that can show it was rendered (no stopwords, no scraps)."""
    return StemSet(g for g in word_glosses(word) | {lx.lemma(m) for m, _ in main_glosses(word)}
                   if g not in lx.STOPWORDS and len(g) > 2)


def _renders_neighbour(pc: PairLinks, clause: Clause, at: int) -> bool:
    """The English words around ``at`` render another Chinese clause, not W's.

    A window may take in a neighbour's English (增强对违法行为的惩戒 with
    "… and safeguard the legitimate rights of women", the rendering of the next
    clause 维护女性正当权益): the three content words either side of E gloss a
    word of another Chinese clause of the pair and none of W's clause.
    """
    if len(pc.zh) < 2:
        return False
    toks = [t for t in lx.tokenize_en(pc.pair.en) if t.lemma not in lx.STOPWORDS]
    i = next((k for k, t in enumerate(toks) if t.start == at), None)
    if i is None:
        return False
    lemmas = [t.lemma for t in toks[max(0, i - 3):i] + toks[i + 1:i + 4]]

    def glossed(zh_clause: Clause) -> bool:
        return any(gs.has(x) for _, gs in _content(zh_clause.text) for x in lemmas)

    return not glossed(clause) and any(c.start != clause.start and glossed(c) for c in pc.zh)


@lru_cache(maxsize=4096)  # pure: a pair's clauses are asked once per word weighed
def _content(text: str) -> tuple[tuple[str, StemSet], ...]:
    return tuple((w, StemSet(g for g in gs if g not in lx.STOPWORDS and len(g) > 2)) for w, gs in zh_content_words(text))


def _candidates(pair: Pair, min_share: float):
    """(content tokens of the English, [(W, start, end, {antonym lemma: (gloss, pair)})]) for each
    Chinese word the English does not render and whose antonym it holds: what
    :func:`find_opposites` goes on to judge with the clause links.  Reads no model."""
    return _candidates_of(pair.zh, pair.en, min_share)


@lru_cache(maxsize=1024)  # pure: the prefetch asks it of a chunk's pairs, find_opposites again (read only)
def _candidates_of(zh: str, en: str, min_share: float):
    toks = tuple(t for t in lx.tokenize_en(en) if t.lemma not in lx.STOPWORDS and t.text.lower() not in lx.STOPWORDS)
    words = [(w, s, e) for w, s, e in zh_words(zh) if len(w) > 1 and main_glosses(w)]
    if not words or not toks:
        return toks, ()
    lemmas = {t.lemma for t in toks}
    others = {w: _gloss_set(w) for w, _, _ in zh_words(zh) if len(w) > 1 or w not in "的了是在和与及等"}
    out = []
    said = lx.stem_query(frozenset(lemmas))  # the English's lemmas, read once for every word
    for w, s, e in words:
        glosses = _gloss_set(w)
        if glosses.has_any(said):
            continue  # the English renders W; an antonym there answers something else
        opposite = {lx.lemma(a.antonym): (g, a) for g, pos in main_glosses(w)
                    for a in antonyms(g, pos, min_share) if a.word == g or a.pos == "v"}
        opposite = {k: v for k, v in opposite.items() if k not in lx.STOPWORDS}
        if not opposite or not lemmas & opposite.keys():
            continue
        rivals = [gs for x, gs in others.items() if x != w and x not in w]
        if any(gs.has(k) for gs in rivals for k in opposite):
            continue  # the Chinese itself says the opposite somewhere (增长放缓, 低碳)
        out.append((w, s, e, opposite))
    return toks, tuple(out)


def is_form_of(surface: str, pair: Antonym) -> bool:
    """Whether the English word is a form of the antonym in its part of speech, not a word the
    light stemmer only cut to the same stem: "sites" is no form of the verb "sit" (lie ↔ sit),
    "topped" none of the adjective "top" (side ↔ top).  An adverb answers only an adverb gloss
    ("really", WordNet's adverb of "real", is no opposite of 虚构 "imaginary")."""
    low, a = surface.lower(), pair.antonym.lower()
    if low == a:
        return pair.pos != "r" or pair.word.endswith("ly")
    if pair.pos == "v":
        return low in _verb_forms(a)
    if pair.pos == "n":
        return low == _plural(a)
    if pair.pos == "a":
        return low in lx.comparatives(a) or low in (a + "est", a + "st", a[:-1] + "iest")
    return False


def _plural(a: str) -> str:
    """The -s form of a noun or verb (Quirk et al. 1985 §3.54: sits, passes, carries)."""
    if a.endswith(("s", "x", "z", "ch", "sh", "o")):
        return a + "es"
    if len(a) > 2 and a.endswith("y") and a[-2] not in "aeiou":
        return a[:-1] + "ies"
    return a + "s"


@lru_cache(maxsize=4096)
def _verb_forms(a: str) -> frozenset[str]:
    """The forms of the verb ``a``: regular -s, -ed and -ing forms (with the final consonant
    doubled or the final e dropped, either offered) and its irregular forms."""
    stem = a.removesuffix("e")
    forms = {a, _plural(a), stem + "ed", stem + "ing", a + a[-1:] + "ed", a + a[-1:] + "ing"}
    if len(a) > 2 and a.endswith("y") and a[-2] not in "aeiou":
        forms.add(a[:-1] + "ied")
    if a.endswith("ie"):
        forms.add(a[:-2] + "ying")
    forms |= {form for form, base in irregular_verbs().base_of.items() if base == a}
    return frozenset(forms)


def may_find_opposites(pair: Pair, min_share: float) -> bool:
    """Whether :func:`find_opposites` may read the pair's clause links (for the prefetch)."""
    return bool(_candidates(pair, min_share)[1])


def find_opposites(pc: PairLinks, min_share: float) -> list[Opposite]:
    """Every Chinese word of the pair whose English says its opposite (one per word)."""
    pair = pc.pair
    zh, en = pair.zh, pair.en
    toks, candidates = _candidates(pair, min_share)
    out = []
    for w, s, e, opposite in candidates:
        clause = next((c for c in pc.zh if c.start <= s < c.end), None)
        if clause is None or reversal_frame(zh, clause.start, clause.end, s, e):
            continue
        lo, hi = 0, len(en)
        if not pc.whole:
            link = pc.link_at(s)
            if link is None or not link.confident:
                continue  # an unsure clause match: E may render a neighbour (无缘 "unlikely")
            lo, hi = link.en_span
        for t in toks:
            found = opposite.get(t.lemma)
            if found is None or not lo <= t.start < hi or _negated_en(en, t.start) or _decrease_subject(en, t.start):
                continue
            if _renders_neighbour(pc, clause, t.start):
                continue
            after = lx.tokenize_en(en[t.end:t.end + 16])[:1]
            if after and after[0].text.lower() in _PARTICLES and en[t.end:after[0].start].strip() == "":
                continue  # a phrasal verb: "pulling together" is not "pulling"
            if not any(is_form_of(t.text, x) for x in antonyms(found[1].word)
                       if x.antonym == found[1].antonym):
                continue  # "sites" is cut to "sit", but is no form of it
            poles = {lx.lemma(a.antonym) for a in antonyms(t.text)}
            if any(u.lemma in poles for u in toks):
                continue  # the English also says W's side ("begin with … and conclude with")
            out.append(Opposite(w, s, e, found[0], t.text, t.start, t.end, found[1]))
            break
    return out
