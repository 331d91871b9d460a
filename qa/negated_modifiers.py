"""A noun's negated modifier rendered without its negation: 非汛期 "the flood season", 未经核实的数据
"verified data".

Why a reader of its own: the polarity check asks a negated clause for a negation somewhere in its
English, and a clause that negates a modifier of a noun often holds another negative word ("shall
not be used" for 不得, "eliminating" for 除险) that satisfies it.  A modifier's negation belongs
beside its noun: "non-flood season", "outside the flood season", "unverified data".  So the
English is read at the noun: every mention of it (its CC-CEDICT glosses) must be counted, and
when the English mentions it as often as the Chinese does and never with a negation before it,
the modifier's negation is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa import lexicons as lx
from qa import literal as lr
from qa.english_verb_forms import verb_lemma
from qa.lexical_negation import UN_PREFIX
from qa.lexicons import StemSet
from qa.zh_glosses import word_glosses

#: English words that negate or exclude the noun after them ("non-flood season", "outside the
#: flood season", "other than", "except", "without"): a modifier's negation said at its noun
_NEGATING = frozenset({"non", "not", "no", "without", "outside", "off", "other", "except", "excluding",
                       "besides", "beyond", "never", "neither", "nor", "lack", "lacking", "absence"})
#: an un-/non- word ("unverified", "non-local"), not "under", "united", "universal"; or an in-/im-/
#: ir-/il-/dis- one ("intangible heritage" for 非遗, "informal" for 非正式), which may be a positive
#: word ("international") and then only leaves a lost negation unflagged
_PREFIXED = re.compile(rf"^(?:{UN_PREFIX}[a-z]{{4,}}|non-?[a-z]{{2,}}|(?:in|im|ir|il|dis)[a-z]{{4,}})$")
#: how many English words before the noun its negation may stand ("outside the main flood season")
_REACH = 3
#: how many words may stand between a participle and its noun ("verified statistical data")
_PARTICIPLE_REACH = 2


def _tokens(en: str) -> list[lx.Token]:
    return lr.split_hyphens(lx.tokenize_en(en))


def _mentions(tokens: Sequence[lx.Token], glosses: StemSet) -> list[tuple[int, int]]:
    """Runs of tokens that gloss the noun, as (first, last) token indices."""
    out: list[tuple[int, int]] = []
    for k, t in enumerate(tokens):
        if t.text.lower() in lx.STOPWORDS or not glosses.has(t.lemma):
            continue
        if out and out[-1][1] == k - 1:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def _negated(tokens: Sequence[lx.Token], k: int) -> bool:
    """A negating word, or an un-/non- word, within reach before token ``k`` or at it."""
    for t in tokens[max(0, k - _REACH):k + 1]:
        low = t.text.lower()
        if low in _NEGATING or _PREFIXED.match(low):
            return True
    return False


def _gloss_length(word: str) -> int:
    """How many content words the shortest CC-CEDICT gloss of ``word`` has (1 when it has none)."""
    sizes = [len(lx.content_lemmas(lx.strip_gloss(g))) for g in lx.cedict().glosses(word)]
    return min((n for n in sizes if n), default=1)


def unnegated_noun(en: str, noun: str, mentions: int) -> tuple[int, int] | None:
    """The English span of the first mention of ``noun`` (a Chinese word), when the English
    mentions it at least ``mentions`` times (as often as the Chinese does) and never with a
    negation before it; else None."""
    glosses = StemSet(word_glosses(noun) - lx.STOPWORDS)
    if not glosses:
        return None
    tokens = _tokens(en)
    # a mention says as many words as the noun's shortest gloss ("flood season" for 汛期): "the dry
    # season" shares one and names another thing
    need = min(2, _gloss_length(noun))
    runs = [(i, j) for i, j in _mentions(tokens, glosses)
            if len({tokens[k].lemma for k in range(i, j + 1)}) >= need]
    if len(runs) < mentions or any(_negated(tokens, i) for i, _ in runs):
        return None
    i, j = runs[0]
    return tokens[i].start, tokens[j].end


def positive_participle(en: str, verb: str, noun: str) -> tuple[int, int] | None:
    """The English span of a participle of ``verb`` right before a mention of ``noun`` ("verified
    data" for 未经核实的数据), with no negation before or on it, where no mention of the noun is
    negated anywhere; else None."""
    acts = StemSet(word_glosses(verb) - lx.STOPWORDS)
    things = StemSet(word_glosses(noun) - lx.STOPWORDS)
    if not acts or not things:
        return None
    tokens = _tokens(en)
    runs = _mentions(tokens, things)
    if any(_negated(tokens, i) for i, _ in runs):
        return None
    for i, j in runs:
        for k in range(max(0, i - _PARTICIPLE_REACH), i):
            low = tokens[k].text.lower()
            if low.endswith(("ed", "en")) and (acts.has(tokens[k].lemma) or acts.has(lx.lemma(verb_lemma(low)))):
                return tokens[k].start, tokens[j].end
    return None
