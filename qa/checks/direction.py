"""direction: a comparison or change whose English goes the other way.

"同比下降3%" rendered "a year-on-year increase of 3%" keeps every number, so
the numbers check is content; the meaning is reversed.  Cues come from
``qa/data/directions.tsv``: Chinese words of rise and fall, more and less;
English words graded *strong* (increase, decline: unambiguous) and *weak*
(more, improve, cut, ease: they may render a direction but prove nothing).

A Chinese cue of direction d is flagged when the English that renders it
says the other direction with a strong word (not negated: "did not
increase" proves nothing) and has no word, strong or weak, of direction d,
while the Chinese it answers for holds no cue of the other direction itself
(增长放缓 "growth slowed" has both).  A weak word that glosses another
Chinese word there is that word's, not the cue's (促进数量进一步增长 rendered
"promote the further decline of the number": "promote" is 促进, "further"
进一步); a verb of the cue's own CC-CEDICT glosses always renders it ("the
yuan appreciated" for 升值, though the English table has no "appreciate").
Sentence-level evidence (the whole English) makes a major flag, a
confidently matched clause window a minor one.
A cue right after a negator (不低于 "no less than") is not read.
Beyond the table, a whole jieba word whose first CC-CEDICT sense is a plain verb of change
(趋缓 "to slow down", 不及 "to fall short of", 优于 "to surpass") is a cue of that direction
(``qa.direction_glosses``).  A quantity noun of the table (降幅 "size of the fall", 增速 "growth
rate") takes one English word of its own direction: 降幅收窄 rendered "the decline widened" has
nothing of 收窄 but "widened".

Two finer rules read the cue's own words, so they hold where the clause
holds both directions (提升效率、降低成本 rendered "raise efficiency, increase
costs"):

* object: a cue followed by its object (降低 + 成本) is judged by the English
  word that governs a gloss of that object ("increase costs", "costs rose"):
  the nearest direction word within three words before it, or two after it,
  with no punctuation between.  When two cues govern objects of one English
  word family (降低生产成本、拓展产品范围: "production", "products"), the cues
  take the matching words in order.  A strong word of the other direction
  there is a major flag; a word of the cue's own direction there settles the cue.
* degree: 越来越 / 日益 "more and more" is read with its adjective and takes
  the adjective's direction (越来越重要 up, 越来越低 down; ``degree_cue``), so
  "a diminishing role" for 越来越重要的角色 is a reversal.  Position is a
  comparison too: 落后于 "lag behind" rendered "ahead of services" is read by
  the object rule ("ahead of" stands right before its object, like "above").

* comparison: a 于 comparative (低于, 快于) or a change after 比/较 in its clause (较上年缩短)
  is rendered by an English comparative, so a weak comparative of the other direction
  ("above the target" for 低于, "8 days longer than" for 较上年缩短, "more slowly" for 快于,
  "3.5 points short of the target" for 优于) is evidence there; a 于 comparative is rendered only by a comparative or a verb of
  comparison ("exceed", "outpace"), not by a verb of change that renders another word
  (增速快于 "grew more slowly than": "grew" is 增速's).

* number bound: a qualified figure (20多个 "more than 20", 逾400 "over 400",
  近5000 "nearly 5,000") whose English states the opposite bound ("nearly
  20", "fewer than 400"), read by ``qa.number_bounds``.  A direction cue
  inside such a figure's qualifier (超过400) is not read again; nor, for a change, is an English
  one ("halve … to over 8 million" for 翻一番: "over" is 以上's bound, no doubling).

A third rule is not a cue table: the opposite-meaning rule of
``qa.opposite_meaning`` flags any Chinese word whose English is a WordNet
antonym of its CC-CEDICT gloss (稳定 "stable" rendered "volatile"), where
the English holds no gloss of the word and nothing else in the Chinese says
the opposite.  It is read after the cue rules and never on a word they flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from align.model import Pair
from align.zh_words import pos_words
from qa import lexicons as lx
from qa.checks.numbers import en_numbers, same_number, zh_numbers
from qa.clause_match import PairLinks, document_clauses
from qa.clause_split import Clause
from qa.direction_glosses import english_direction_cues, gloss_direction, table_cues
from qa.lexicons import StemSet
from qa.meaning_cues import (
    ASPECT_PARTICLES,
    EXACT,
    CueRow,
    EnglishCues,
    EnHit,
    ZhHit,
    cue_rows,
    negated_before,
    next_word,
    quote,
    scopes,
    zh_substring_cues,
    zh_words,
)
from qa.model import Check, Context, Flag
from qa.number_bounds import MEANING, bound_conflicts, en_qualified, zh_bound_words
from qa.opposite_meaning import Opposite, find_opposites, may_find_opposites
from qa.transition_order import swapped_transitions
from qa.zh_glosses import gloss_stems, word_glosses, zh_content_words

TABLE = "directions.tsv"
#: the first character of a figure, Arabic or Chinese
_FIGURE_START = "[0-9０-９一二两三四五六七八九十百千万半]"
_NUMBER_AFTER = re.compile(rf"^.{{0,2}}{_FIGURE_START}")
_NEGATORS = "不未没无非"
WORDS = {"up": "a rise or increase", "down": "a fall or decrease"}
#: what a sign row says (逆差, 顺差: the sign of a balance, not a change)
SIGN_WORDS = {"up": "a surplus", "down": "a deficit"}
EXAMPLES = {"up": "increase / rise / higher / more", "down": "decrease / fall / lower / less"}
#: the opposite of each strong English word, form for form, for the suggestion
_OPPOSITE_PAIRS = """increase decrease|increased decreased|increases decreases|increasing decreasing
rise fall|rises falls|rose fell|risen fallen|rising falling|higher lower|upward downward
grow shrink|grew shrank|growth decline|expand shrink|expanded shrank|expansion contraction
accelerate slow|accelerated slowed|accelerating slowing|acceleration slowdown|widen narrow
widened narrowed|widening narrowing|exceed fall short of|exceeded fell short of|upturn downturn
raise lower|raised lowered|climb drop|climbed dropped|jump drop|jumped dropped|surge plunge
surged plunged|soar plunge|soared plunged|reduce raise|reduced raised|reduction increase
reductions increases|drop rise|dropped rose|declined rose|declines rises|declining rising
slowdown acceleration|decelerate accelerate|decelerated accelerated|dip rise|dipped rose
plunge surge|plunged surged|slump surge|slumped surged|contraction expansion|narrowed widened
surplus deficit|surpluses deficits|better worse
shrunk grown|shrinking growing|shrinks grows"""
OPPOSITE = {a: b for pair in _OPPOSITE_PAIRS.replace("\n", "|").split("|")
            for a, b in [pair.split(" ", 1)]}
OPPOSITE.update({b: a for a, b in list(OPPOSITE.items()) if b not in OPPOSITE and " " not in b})


def reversed_sentence(en: str, start: int, end: int) -> str | None:
    """``en`` with the word at [start, end) replaced by its opposite, or None when none is known."""
    word = en[start:end]
    swap = OPPOSITE.get(word.lower())
    if swap is None:
        return None
    if word[:1].isupper():
        swap = swap[:1].upper() + swap[1:]
    return en[:start] + swap + en[end:]


@dataclass(frozen=True)
class DirectionOptions:
    """``window_severity``: severity when only the clause's own English window disagrees
    (the whole English also says the Chinese direction somewhere).
    ``antonyms``: also run the opposite-meaning rule (WordNet antonyms of a word's
    CC-CEDICT glosses, ``qa.opposite_meaning``), with ``antonym_severity``;
    ``antonym_min_share``: the least share of both words' use (SemCor sense counts)
    the antonymous sense must have for the pair to count."""

    window_severity: Literal["minor", "major"] = "minor"
    antonyms: bool = True
    antonym_severity: Literal["minor", "major"] = "major"
    antonym_min_share: float = 0.25


def zh_direction_cues(zh: str, span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Direction cues of ``zh`` (in ``span``), without negated ones or unnumbered 'number' cues.

    A cue whose first character ends a jieba word that starts before it is
    two words' halves (更加强健 "even sturdier" holds 加强), not a cue.  A
    'degree' cue (越来越, 日益) is read with the adjective after it
    (:func:`degree_cue`).
    """
    out = []
    words = zh_words(zh)
    table = zh_substring_cues(zh, cue_rows(TABLE), span)
    glossed = _glossed_cues(zh)
    if glossed:
        lo, hi = span or (0, len(zh))
        table = sorted(table + [g for g in glossed if lo <= g.start and g.end <= hi
                                and not any(h.start < g.end and g.start < h.end for h in table)],
                       key=lambda h: h.start)
    for h in table:
        if h.row.kind == "none":
            continue
        if any(s < h.start < e < h.end for _, s, e in words):
            continue  # 更加强健 is 更加 + 强健, no 加强
        if h.start > 0 and zh[h.start - 1] in _NEGATORS:
            continue
        strength = h.row.extra[0] if h.row.extra else ""
        if strength == "sign":
            continue  # 逆差 "deficit" names a balance, no change: the sign rule reads it
        if strength == "number" and not _NUMBER_AFTER.match(zh[h.end:]):
            continue
        if strength == "degree":
            degree = degree_cue(zh, h)
            if degree is not None and (span is None or degree.end <= span[1]):
                out.append(degree)
            continue
        out.append(h)
    return out


@lru_cache(maxsize=8192)
def _glossed_cues(zh: str) -> tuple[ZhHit, ...]:
    """Whole jieba words of ``zh`` the table lacks whose CC-CEDICT first sense is a verb of
    change (趋缓 "to slow down", 不及 "to fall short of": ``qa.direction_glosses``); a table cue
    over the same characters (增值 "value added", a 'none' row) speaks instead."""
    return tuple(ZhHit(row, s, e) for w, s, e in zh_words(zh)
                 if len(w) > 1 and (row := gloss_direction(w)) is not None)


def degree_cue(zh: str, hit: ZhHit) -> ZhHit | None:
    """越来越 / 日益 "more and more" with its adjective, as a cue of the adjective's direction.

    Why: "X-er and X-er" rises when X is a quantity of more (越来越多, 越来越重要
    "ever more important") and falls when X is one of less (越来越少, 越来越低,
    越来越便宜 "ever cheaper").  The direction is read from the English cue
    table: an adjective gloss of the next word, or its comparative, that the
    table lists as "down" makes the phrase "down"; any other adjective is "up".
    Not read (None): a next word that is itself a direction cue (日益减少: that
    cue speaks), a negated one (越来越不), or a word CC-CEDICT glosses only as a
    verb (日益恶化 "to worsen", 越来越受到): its degree is no quantity.
    """
    word = next_word(zh, hit.end)
    if not word or word[0] in _NEGATORS or word in ASPECT_PARTICLES:
        return None
    if any(h.row.kind != "none" for h in zh_substring_cues(word, cue_rows(TABLE))):
        return None
    adjectives = [g for g in (lx.strip_gloss(x).lower() for x in _glosses(word))
                  if re.fullmatch(r"[a-z]+", g)]
    if not adjectives:
        return None
    phrases = _english_cues().phrases
    down = any(phrases.get((f if f in EXACT else lx.lemma(f),), ("",))[0] == "down"
               for a in adjectives for f in lx.comparatives(a))
    cue = hit.row.cue + word
    row = CueRow(hit.row.lang, cue, "down" if down else hit.row.kind, hit.row.extra[:1])
    return ZhHit(row, hit.start, hit.end + len(word))


_english_cues = english_direction_cues


def _glosses(word: str) -> list[str]:
    cd = lx.cedict()
    return cd.glosses(word, per_entry=8) if word in cd else []


def _en_directions(en: str, cues: EnglishCues, quality: bool = False,
                   change: bool = False) -> tuple[dict[str, list], dict[str, list]]:
    """(any cue by direction, strong non-negated cue by direction) in ``en``.

    ``quality``: the Chinese cue compares quality (优于), so "better" and "worse" are strong
    words; for any other cue they say nothing (a lower death rate is "better").  ``change``:
    the cue is a change, not a comparison (攀升, not 高于 or 较上年增长), so a comparison or a
    bound with "than" ("more than 40%", "$3 million more than a Boeing") neither renders nor
    reverses it: a rise reversed is "fell", not "less than".  Nor does the qualifier of a figure
    (:func:`_bound_spans`: "over 8 million", "under 5%"), which renders a bound (以上, 以下).
    """
    any_dir: dict[str, list] = {"up": [], "down": []}
    strong: dict[str, list] = {"up": [], "down": []}
    bounds = _bound_spans(en) if change else []
    for h in cues.find(en):
        if h.label not in any_dir:
            continue  # "fall into", "up to": a direction word that states no change
        if h.strength == "quality":
            if not quality:
                continue
            h = replace(h, strength="strong")
        elif change and ("than" in h.text.lower() or any(s <= h.start and h.end <= e for s, e in bounds)):
            continue
        if h.strength == "verb":
            h = replace(h, strength="strong" if _as_verb(en, h) else "weak")
        elif h.strength == "figure":
            h = replace(h, strength="strong" if _stated_change(en, h) else "weak")
        elif h.strength == "sign":
            h = replace(h, strength="weak")  # "deficit": a weak word of decrease for a change
        elif h.strength == "weak" and h.text.lower().endswith((" up", " down")) and _sized(en, h):
            h = replace(h, strength="strong")  # "picked up by 0.8 points": a phrasal verb with its amount
        elif h.strength == "weak" and (_AMOUNT_BY.match(en, h.end) or _amount_after_object(en, h.end)):
            h = replace(h, strength="strong")  # "extended by one third": a change with its size
        any_dir[h.label].append(h)
        if h.strength == "strong" and not negated_before(en, h.start):
            strong[h.label].append(h)
    return any_dir, strong


#: words after which a noun-verb homograph is a verb: the infinitive "to", modals, "do"
_VERB_BEFORE = frozenset("to will would could may might can should must did does do".split())
#: verbs of aspect whose -ing complement is a verb ("kept sliding", "continued contracting")
_ASPECT_BEFORE = frozenset("keep keeps kept keeping continue continues continued continuing "
                           "start starts started begin begins began begun".split())
#: what follows a past or -ing form of change: a preposition of its amount or end point, a
#: figure, an adverb of degree ("slipped to 3%", "ballooned sharply", "contracted by 2%")
_CHANGE_AFTER = re.compile(r"\s*(?:$|[,.;:]|\d|(?:by|to|from|in|further|again|sharply|slightly|"
                           r"markedly|significantly|steadily|rapidly)\b)", re.IGNORECASE)


#: the approximators and averages that may stand between "by" and the size of a change ("by about
#: 3%", "by an average of 10 percent")
_APPROXIMATELY = (r"(?:about\s+|nearly\s+|almost\s+|some\s+|around\s+|roughly\s+|approximately\s+"
                  r"|an average of\s+|on average\s+)?")
#: a figure right after "up" or "down" ("up 15.9% year on year", "down by 3 percent")
_FIGURE_AFTER = re.compile(rf"\s+(?:by\s+)?{_APPROXIMATELY}[$€£¥]?\d")
#: an amount after a phrasal verb of change ("picked up by 0.8 percentage points", "scaled down to
#: 40%"): the verb states a change of that size, as "rose by" does
_AMOUNT_AFTER = re.compile(rf"\s+(?:by|to)\s+{_APPROXIMATELY}[$€£¥]?\d", re.IGNORECASE)
#: the size of a change right after a weak word of change ("extended by one third", "improved by
#: 3%"), which then states that change as "rose by" does; "by 2025" is a deadline, not a size
_AMOUNT_BY = re.compile(
    rf"\s+by\s+{_APPROXIMATELY}(?:more than\s+|over\s+|at least\s+)?"
    r"(?:[$€£¥]?\d(?!\d{3}\b)|(?:(?:one|two|three|a)[\s-]+)?(?:half|third|quarter|fifth|tenth)s?\b"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b)", re.IGNORECASE)
#: a verb's object before the size of its change ("cut the opening hours by one hour"): a few words
#: with no mark of punctuation and no word that opens another phrase or clause
_OBJECT_THEN = re.compile(r"(?:\s+(?!(?:and|or|but|while|which|that|to|from|in|on|at|for)\b)[\w'’-]+){1,6}?(?=\s+by\s)",
                          re.IGNORECASE)


def _amount_after_object(en: str, end: int) -> bool:
    """A weak verb of change whose object is followed by the size of the change ("cut the opening hours
    of check-in counters by one hour"): it states that change as "rose by" does."""
    m = _OBJECT_THEN.match(en, end)
    return m is not None and bool(_AMOUNT_BY.match(en, m.end()))


#: the adverbs of degree that say how far a change went: amplifiers and downtoners of Quirk et
#: al. (1985), read before "up"/"down" and after a phrasal verb of change
_DEGREE_ADVERBS = ("slightly|sharply|marginally|significantly|substantially|markedly|"
                   "considerably|modestly|somewhat|steeply")
#: an adverb of degree right after a phrasal verb of change ("picked up somewhat", "scaled back
#: sharply"); an object-taking "pick up" ("picked up the documents") has its object there instead
_DEGREE_AFTER = re.compile(rf"\s+(?:{_DEGREE_ADVERBS}|noticeably|moderately|appreciably)\b", re.IGNORECASE)
#: the base of a comparison right after "up" or "down" ("up on the same period last year", "down
#: from a year earlier", "down against last year": COBUILD up adv. "is up on last year")
_BASE_AFTER = re.compile(r"\s+(?:on|from|against|over|compared)\s+(?:with\s+|to\s+)?(?:the\s+|a\s+)?"
                         r"(?:same|last|previous|prior|preceding|corresponding|year|month|quarter|\d)",
                         re.IGNORECASE)
#: an adverb of degree right before "up" or "down" ("slightly up", "sharply down"): an amount changed
_DEGREE_BEFORE = re.compile(rf"\b(?:{_DEGREE_ADVERBS}|well)\s+$", re.IGNORECASE)


def _sized(en: str, hit: EnHit) -> bool:
    """Whether a weak phrasal verb of change ("pick up", "wind down") states a change of a size:
    its amount follows ("picked up by 0.8 points") or an adverb of degree does ("picked up
    somewhat").  Alone, "picked up" may take an object ("picked up the documents") and say nothing
    of a quantity; a degree adverb right after it leaves no room for one."""
    return bool(_AMOUNT_AFTER.match(en, hit.end) or _DEGREE_AFTER.match(en, hit.end))


def _bound_spans(en: str) -> list[tuple[int, int]]:
    """The spans of the English figures' qualifiers with their figures ("over 8 million", "nearly
    5,000", "20-plus": ``qa.number_bounds``).  A qualifier renders a bound of the figure (以上
    "or more", 近 "nearly"), not a change: 翻一番，达到800万千瓦以上 "double … to over 8 million
    kilowatts" says the doubling with "double" alone, as "halve … to over 8 million" does not."""
    return [q.span for q in en_qualified(en) if q.bound]


def _stated_change(en: str, hit: EnHit) -> bool:
    """Whether "up" or "down" states a change: a figure follows it, or the base it is measured
    from ("slightly up on the same period last year"), or an adverb of degree stands before it;
    "set up", "up to", "down the road" state none."""
    return bool(_FIGURE_AFTER.match(en, hit.end) or _BASE_AFTER.match(en, hit.end)
                or _DEGREE_BEFORE.search(en, max(0, hit.start - 14), hit.start))


def _as_verb(en: str, hit: EnHit) -> bool:
    """Whether a noun-verb homograph of change (strength "verb": contract, slide, slip, rocket)
    stands as a verb: after "to" or a modal ("continued to contract", "may slip"), as an -ing form
    after a verb of aspect ("kept sliding"), or as a past or
    -ing form before its amount or an adverb of degree ("slipped to 3%").  "the contracts", "a
    pay slip" are nouns and prove nothing."""
    before = lx.tokenize_en(en[:hit.start])[-1:]
    if before and before[0].text.lower() in _VERB_BEFORE:
        return True
    if before and before[0].text.lower() in _ASPECT_BEFORE and hit.text.lower().endswith("ing"):
        return True  # "prices have kept sliding", "continued contracting": a verb after a verb of aspect
    return hit.text.lower().endswith(("ed", "ing", "slid")) and bool(_CHANGE_AFTER.match(en, hit.end))


#: English words between a governing direction word and its object that end the phrase
_PHRASE_BREAK = re.compile(r"[,;:.()\[\]!?]|\b(?:and|or|but|while|whereas|which|that)\b", re.IGNORECASE)
#: weak words that, right before the object, state its direction ("below the national average",
#: "far ahead of services")
_POSITIONAL = frozenset({"above", "below", "ahead of"})
#: how many words a governing direction word may stand before the object
_BEFORE = 3
#: the words between an object and its participle ("costs were reduced", "have been cut")
_BE = frozenset("is are was were be been being has have had".split())


def _object_glosses(zh: str, cue: ZhHit) -> frozenset[str]:
    """Gloss lemmas of the word the cue governs (降低 → 成本 "cost"), or none.

    None for a figure (缩短四个月: its English is a bound, "by more than four
    months") and for a modifier (增加上市公司的每股收益: 上市公司 is not what grows).
    """
    end = cue.end
    word = next_word(zh, end)
    if word in ASPECT_PARTICLES:
        end += len(word)
        word = next_word(zh, end)
    after = zh[end + len(word):end + len(word) + 1]
    if (len(word) < 2 or zh_direction_cues(word) or after == "的"
            or _NUMBER_AFTER.match(word)):
        return frozenset()
    return frozenset(g for g in word_glosses(word) if g not in lx.STOPWORDS and len(g) > 2)


def _rival_objects(zh: str, cue: ZhHit) -> list[tuple[int, StemSet]]:
    """(start, object glosses) of the other direction cues of ``zh`` that govern an object.

    Two cues may govern objects of one English word family (降低生产成本、拓展产品范围:
    "production", "product"); each English word is then given to the cues in order, the first
    matching word to the first cue, so that "lower production costs, widen the reach of
    products" does not read "lower" as said of 拓展's products.
    """
    out = []
    for other in zh_direction_cues(zh):
        if other.start != cue.start:
            glosses = _object_glosses(zh, other)
            if glosses:
                out.append((other.start, StemSet(glosses)))
    return out


def _governing(en: str, hits: list[EnHit], start: int, end: int) -> EnHit | None:
    """The direction word that governs the word at [start, end), or None.

    The nearest before it within three words of one phrase ("increase the
    costs"); else right after it ("cost reduction", "costs rose") or after a
    form of "be" as a participle ("costs were reduced").  Comparisons ("more
    than") state a bound, not what happens to the word.
    """
    verbs = [h for h in hits if "than" not in h.text.lower()]
    before = [h for h in verbs if h.end <= start and not _PHRASE_BREAK.search(en[h.end:start])
              and len(lx.tokenize_en(en[h.end:start])) < _BEFORE]
    if before:
        return before[-1]
    for h in verbs:
        if h.start < end:
            continue
        between = [t.text.lower() for t in lx.tokenize_en(en[end:h.start])]
        if _PHRASE_BREAK.search(en[end:h.start]):
            return None
        if not between or (set(between) <= _BE and h.text.lower().endswith(("ed", "en", "wn"))):
            return h
        return None
    return None


def _adverb_of(word: str, stems: StemSet) -> bool:
    """An -ly adverb of a gloss adjective ("mainly" of 主要 "main"): no object, whatever the
    direction word before it (增速回落主要是… "the slowdown in growth was mainly due to")."""
    low = word.lower()
    return len(low) > 5 and low.endswith("ly") and stems.has(lx.lemma(low[:-2]))


def object_verdict(zh: str, en: str, cue: ZhHit, cues: EnglishCues) -> tuple[str, EnHit | None]:
    """How the English treats the cue's object: ("same" | "other" | "", the deciding word).

    "other" needs a strong (or positional: above, below), non-negated word of
    the other direction governing some gloss of the object and no word of the cue's own direction governing
    any; "same" is any word of the cue's direction governing it.
    """
    glosses = _object_glosses(zh, cue)
    if not glosses:
        return "", None
    stems = StemSet(glosses)
    hits = [h for h in cues.find(en) if h.label in ("up", "down")]
    d = cue.row.kind
    against: EnHit | None = None
    matching = [t for t in lx.tokenize_en(en) if t.lemma not in lx.STOPWORDS and stems.has(t.lemma)
                and not _adverb_of(t.text, stems)]
    rivals = _rival_objects(zh, cue) if matching else []
    for i, tok in enumerate(matching):
        claims = [start for start, rival in rivals if rival.has(tok.lemma)]
        if claims and i != min(sum(s < cue.start for s in claims), len(matching) - 1):
            continue  # another cue's object; the cues take their words in order
        gov = _governing(en, hits, tok.start, tok.end)
        if gov is None:
            continue
        if gov.label == d:
            return "same", gov
        said = gov.strength == "strong" or gov.text.lower() in _POSITIONAL
        if said and not negated_before(en, gov.start) and against is None:
            against = gov
    return ("other", against) if against else ("", None)


def _foreign_spans(pc: PairLinks, clause: Clause, cue: ZhHit) -> list[tuple[int, int, StemSet]]:
    """English clauses of ``clause``'s window that render only another Chinese clause, with its glosses.

    A window may reach into a neighbour's English (国内物流货运行业整体稳健增长
    takes in "With the rapid growth of online consumption", the rendering of
    随着互联网消费的迅猛发展); a direction word there that glosses a word of the
    neighbour (发展 "growth") answers the neighbour, not this clause.  An English
    clause that also glosses a content word of this clause (other than the cue)
    renders this clause too and is not foreign.
    """
    own = pc.link_at(clause.start)
    if own is None:
        return []
    mine = StemSet(g for w, gs in zh_content_words(clause.text)
                   if cue.row.cue not in w and w not in cue.row.cue for g in gs)
    out = []
    for link in pc.links:
        if link.zh.start == clause.start or not link.confident or len(link.en) != 1 or link.en[0] not in own.en:
            continue
        en = link.en[0]
        if any(t.lemma not in lx.STOPWORDS and mine.has(t.lemma) for t in lx.tokenize_en(en.text)):
            continue
        glosses = gloss_stems(link.zh.text)
        out.append((en.start, en.end, glosses))
    return out


def _inside(hit: EnHit, offset: int, spans: list[tuple[int, int, StemSet]]) -> bool:
    """The hit lies in a neighbour's English and glosses one of the neighbour's words."""
    return any(s <= hit.start + offset < e and g.has(lx.lemma(hit.text.split()[0])) for s, e, g in spans)


def _rendered_by_own(hits: list[EnHit], zh: str, cue: ZhHit) -> bool:
    """Whether some English word of the cue's direction may render the cue.

    A strong word always may, and so does a word of the cue's own gloss.  A weak
    one ("promote", "improve", "further") may not when it glosses another content
    word of the Chinese it answers for: in 促进数量进一步增长 rendered "promote the
    further decline of the number", "promote" is 促进 and "further" is 进一步, and
    nothing renders 增长 but "decline".
    """
    if any(h.strength == "strong" for h in hits):
        return True
    own = lx.StemSet(word_glosses(cue.row.cue))
    others = _other_glosses(zh, cue.row.cue)
    return any(own.has(lemma) or not others.has(lemma)
               for lemma in (lx.lemma(w) for h in hits for w in h.text.split()))


def _other_glosses(zh: str, cue: str) -> StemSet:
    """The gloss stems of the content words of ``zh`` other than the cue."""
    return lx.StemSet(g for w, gs in zh_content_words(zh) if cue not in w and w not in cue for g in gs)


def _unanswered(hits: list[EnHit], zh: str, cue: ZhHit) -> list[EnHit]:
    """The words of the other direction that no other Chinese word of ``zh`` glosses: in
    正在加速这些集团的衰落 rendered "the decline of these groups is being hastened", "decline" is
    衰落's, and in 能量小于…在此能量之上 "Above this energy" is 之上's; neither reverses the cue.
    A word that holds a cue of the table (增速 "to speed up; growth rate") is the cue rules' to
    read, not another word's gloss; a phrase ("push up") says its direction as a whole, though
    推动 glosses "push"."""
    table = table_cues()
    others = lx.StemSet(g for w, gs in zh_content_words(zh) if cue.row.cue not in w
                        and w not in cue.row.cue and not any(c in w for c in table)
                        and not _ordinal_of_time(w, zh) for g in gs)
    return [h for h in hits if " " in h.text or not others.has(lx.lemma(h.text.lower()))]


#: what 上 "previous" and 下 "next" open before a period (上年末 "the end of last year", 下半年, 上季度,
#: 下一轮): CC-CEDICT 上 "previous; first (of multiple parts)", 下 "next; second (of two parts)"
_PERIOD_AFTER = re.compile(r"[上下](?=[一个]?(?:年|月|季|周|旬|半|期|届|轮|次|星期))")


def _ordinal_of_time(word: str, zh: str) -> bool:
    """``word`` is 上 or 下 and every time the sentence says it, it opens a period: its glosses
    "to go up", "to climb" ("climbed" for 较上年末下降) or "to go down" say no direction there."""
    if word not in ("上", "下"):
        return False
    said = zh.count(word)
    return said > 0 and len([m for m in _PERIOD_AFTER.finditer(zh) if m.group() == word]) == said


@cache
def _own_verbs(cue: str) -> frozenset[str]:
    """Lemmas of the verbs of the cue's own CC-CEDICT glosses ("to rise in value; to
    appreciate" → rise, appreciate): an English that says one of them renders the cue, whatever
    the English cue table lists ("the yuan appreciated" for 升值)."""
    return frozenset(lx.lemma(g.split()[1]) for g in _glosses(cue)
                     if g.startswith("to ") and len(g.split()) > 1)


def _says_own_verb(en: str, cue: ZhHit) -> bool:
    verbs = _own_verbs(cue.row.cue)
    return bool(verbs) and any(t.lemma in verbs for t in lx.tokenize_en(en)
                               if not negated_before(en, t.start))


#: Chinese words that make the direction word after them in the clause a comparison with a
#: stated base (比上年, 较去年同期, 与…相比: 现代汉语八百词 比, 较)
_COMPARISON_MARKERS = frozenset({"比", "较", "较之", "相比", "相较", "相比较"})
#: English comparatives of direction that the cue table grades weak because, alone, they
#: need not render a change ("more", "longer"); "over", "under" and "further" are left out:
#: prepositions of time and place ("over the same period") and an adverb of addition
_NOT_COMPARATIVES = frozenset({"over", "under", "further"})
#: verbs that state a comparison, not a change: they render a 高于 / 快于 as "higher" does
_COMPARING_VERBS = frozenset(lx.lemma(w) for w in "exceed surpass outpace outstrip outperform top "
                                                  "overtake trail lag".split())


def _comparison(zh: str, cue: ZhHit, clause: Clause) -> bool:
    """The cue is a comparison: a 于 comparative (低于, 快于) or a change after a comparison
    marker of its clause (较上年缩短, 比去年加快)."""
    if cue.row.cue.endswith("于"):
        return True
    words = zh_words(zh)
    return any((w in _COMPARISON_MARKERS or _glued_marker(w))
               and _marks(w[:1] if _glued_marker(w) else w, words[i - 1][0] if i else "", words[i + 1:])
               for i, (w, s, _e) in enumerate(words) if clause.start <= s < cue.start)


def _glued_marker(word: str) -> bool:
    """A 比 that jieba glued to the start of its base in a word no dictionary lists (增速比上月末回落 is
    cut 比上 + 月末, 比去年 may be 比去 + 年): the comparison marker, not a word of its own (比如,
    比例, 比重 are CC-CEDICT words)."""
    return len(word) > 1 and word[0] == "比" and word not in lx.cedict()


def _verb(word: str) -> bool:
    glosses = _glosses(word)
    return bool(glosses) and glosses[0].startswith("to ")


def _marks(marker: str, before: str, after: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether a 比 marks a comparison: its base follows it (比上年, 比2020年) and a noun phrase
    stands before it.  A 比 before a verb, or after a one-character verb, is the half of a word
    that jieba cut off (占比持续攀升 is 占比 "share", 占 "to occupy" + 比, then 持续 "to
    continue": no comparison).  The other markers (较, 相比) are read as before."""
    if marker != "比":
        return True
    return not (after and _verb(after[0][0])) and not (len(before) == 1 and _verb(before))


#: a cue's own gloss (the table's note) that states a comparison or a level, not a change:
#: "exceed", "less than", "fall short of", "on the high side", "a new high", "more than usual"
_COMPARING_NOTE = re.compile(r"\b(?:than|short of|side|new|usual|exceed|surpass)\b")


def _change(zh: str, cue: ZhHit, clause: Clause) -> bool:
    """The cue is a change (攀升 "climb", 减少 "decrease"), neither a comparison of its clause
    (:func:`_comparison`) nor a word that compares by itself (超过 "exceed", 不足 "less than",
    偏高 "on the high side"): its English is a verb or noun of change, not a "than" phrase."""
    note = cue.row.extra[1] if len(cue.row.extra) > 1 else ""
    return not _COMPARING_NOTE.search(note) and not _comparison(zh, cue, clause)


def _comparative(hit: EnHit) -> bool:
    """An English comparative of direction: "more", "less", "slower", "more slowly", "above",
    "ahead of", "behind", "short of", or a phrase with "than"."""
    low = hit.text.lower()
    if low in _NOT_COMPARATIVES:
        return False
    return ("than" in low or low.endswith("er") or low.startswith(("more ", "less "))
            or low in ("more", "less", "fewer", "above", "below", "ahead of", "behind", "short of"))


def _compares(hit: EnHit | None) -> bool:
    """A comparative or a verb of comparison ("exceed")."""
    return hit is not None and (_comparative(hit) or lx.lemma(hit.text.split()[0].lower()) in _COMPARING_VERBS)


def _compared(en: str, cue: ZhHit, any_dir: dict[str, list], strong: dict[str, list]) -> None:
    """Read a comparison's English by its comparatives (in place): a weak comparative or verb of
    comparison of the other direction ("above the target" for 低于, "8 days longer" for 较上年缩短,
    "trailed the national average" for 快于) is evidence;
    for a 于 comparative, only a comparative or a verb of comparison renders it ("grew more
    slowly than" for 增速快于: "grew" renders 增速, the comparative says slower)."""
    d = cue.row.kind
    other = "down" if d == "up" else "up"
    strong[other] = strong[other] + [h for h in any_dir[other] if h.strength != "strong"
                                     and _compares(h) and not negated_before(en, h.start)]
    if cue.row.cue.endswith("于"):
        any_dir[d] = [h for h in any_dir[d] if _compares(h)]


#: a direction noun that heads a phrase ("the decline in profits", "growth of revenue") or names a
#: rate ("growth rate", "decline rates")
_NOUN_HEAD = re.compile(r"\s+(?:in|of|rates?)\b", re.IGNORECASE)
#: a determiner right before a direction word makes it a noun ("with the decline widening",
#: "its growth slowed", "a decline 0.2 points narrower"): the quantity itself, not a change
_DETERMINED = re.compile(r"\b(?:the|its|their|this|that|a|an)\s+$", re.IGNORECASE)


def _past_quantities(hits: list[EnHit], en: str, zh: str, d: str) -> list[EnHit]:
    """The English words of direction ``d`` left once each quantity noun of ``d`` in ``zh`` has
    taken the first one that is a noun (it heads a phrase, or a determiner stands before it:
    "with the decline widening"): 降幅收窄 rendered "the decline in profits
    widened" has "decline" for 降幅 "size of the fall" and nothing of 收窄's narrowing; "the
    decline in profits narrowed" keeps "narrowed".  A verb ("grew by 2.64%") renders a change,
    not a quantity, and is never taken."""
    taken = sum(1 for h in zh_substring_cues(zh, cue_rows(TABLE))
                if h.row.extra[:1] == (f"{d}-quantity",))
    out = []
    for h in hits:
        if taken and (_NOUN_HEAD.match(en, h.end) or _DETERMINED.search(en, max(0, h.start - 7), h.start)):
            taken -= 1
            continue
        out.append(h)
    return out


def _outnumbered(own: list[EnHit], against: list[EnHit], rivals: int) -> bool:
    """Where the Chinese the English answers for holds both directions (票房攀升…人次略有下滑: an
    unsure clause link leaves only the whole sentence to read), whether the English still shows
    the cue reversed: no word of the cue's direction at all, and more strong words of the other
    than the Chinese has cues of it ("climbed …, admissions were slightly up …, kept rising" for
    one 攀升 and one 下滑).  A minor flag: which English word is the cue's is not known."""
    return not own and len(against) > rivals


def _predicated(en: str, nouns: list[EnHit], verb: EnHit) -> bool:
    """A past-tense direction verb of the phrase a quantity noun heads ("growth in the total volume
    … quickened somewhat"): it says what the quantity did, however weak the table grades it alone."""
    first = verb.text.split()[0].lower()
    return first.endswith("ed") and not negated_before(en, verb.start) and any(
        n.end <= verb.start and not re.search(r"[,;:.!?]", en[n.end:verb.start]) for n in nouns)


def _bound_flags(pair: Pair) -> list[Flag]:
    """The number-bound rule: 20多个 rendered "nearly 20" (see ``qa.number_bounds``)."""
    flags = []
    for c in bound_conflicts(pair.zh, pair.en):
        flags.append(DIRECTION.flag(
            pair, f"The Chinese says {c.zh.text} ({MEANING[c.zh.bound]} {c.zh.number.text}) but the "
                  f"English says '{c.en.text}' ({MEANING[c.en.bound]} {c.en.number.text}): the bound is reversed",
            zh_spans=[c.zh.span], en_spans=[c.en.span], suggestion=f"Say {c.suggestion}"))
    return flags


@cache
def _sign_cues() -> tuple[str, ...]:
    return tuple(r.cue for r in cue_rows(TABLE) if r.lang == "zh" and r.extra[:1] == ("sign",))


def _signs(zh: str, span: tuple[int, int] | None = None) -> list[ZhHit]:
    """The balance words of ``zh`` (逆差 "deficit", 顺差 "surplus": the table's "sign" rows)."""
    if not any(c in zh for c in _sign_cues()):
        return []  # most pairs: no scan of the table
    return [h for h in zh_substring_cues(zh, cue_rows(TABLE), span)
            if h.row.extra[:1] == ("sign",) and not (h.start and zh[h.start - 1] in _NEGATORS)]


def _sign_flags(pc: PairLinks, cues: EnglishCues, opts: DirectionOptions) -> list[Flag]:
    """The sign rule: a balance named by the other sign (逆差 rendered "surplus").

    Why a rule of its own: a deficit is no change, and its clause mostly holds one
    (逆差进一步缩小 "the deficit narrowed further"), so the change rule, which finds "narrowed"
    for 缩小, cannot see that "the surplus narrowed" turned the balance over.  A sign word is
    flagged when the English that renders its clause names the other sign ("surplus" for 逆差)
    and not its own ("deficit"), and the Chinese there names no balance of the other sign
    (顺差转为逆差 "the surplus turned into a deficit" names both).
    """
    pair = pc.pair
    if not _signs(pair.zh):
        return []
    for clause in pc.zh:
        for cue in _signs(pair.zh, (clause.start, clause.end)):
            d = cue.row.kind
            other = "down" if d == "up" else "up"
            for scope in scopes(pc, clause, by_elimination=True):
                if any(h.row.kind == other for h in _signs(pair.zh[scope.zh_start:scope.zh_end])):
                    continue
                en = pair.en[scope.en_start:scope.en_end]
                said = [h for h in cues.find(en) if h.strength == "sign"]
                against = [h for h in said if h.label == other and not negated_before(en, h.start)]
                if against and not any(h.label == d for h in said):
                    return [_reversed_flag(pair, cue, against[0], scope.en_start,
                                           "major" if scope.sentence else opts.window_severity)]
    return []


def _zh_sides(text: str) -> set[str]:
    """The directions and signs a piece of Chinese names (净流出 "down", 顺差 "up")."""
    return {h.row.kind for h in zh_direction_cues(text) + _signs(text) if h.row.kind in WORDS}


def _transition_flags(pair: Pair, cues: EnglishCues) -> list[Flag]:
    """A change from one side to the other said the other way round (由净流出转为净流入 "from a
    net inflow to a net outflow"; ``qa.transition_order``): a major flag, the English names
    both states and swaps them."""
    def en_sides(text: str) -> set[str]:
        return {h.label for h in cues.find(text) if h.label in WORDS and h.strength in ("strong", "sign")
                and not negated_before(text, h.start)}

    return [DIRECTION.flag(
        pair, f"The Chinese says a change from {pair.zh[t.zh_start:t.zh_end]} but the English says "
              f"'{pair.en[t.en_start:t.en_end]}': the two states are swapped, the direction is reversed",
        zh_spans=[(t.zh_start, t.zh_end)], en_spans=[(t.en_start, t.en_end)],
        suggestion="Keep the order of the Chinese: from the first state to the second",
        severity="major") for t in swapped_transitions(pair.zh, pair.en, _zh_sides, en_sides)[:1]]


def _reversed_flag(pair: Pair, cue: ZhHit, said: EnHit, offset: int, severity: str) -> Flag:
    d = cue.row.kind
    other = "down" if d == "up" else "up"
    s, e = said.start + offset, said.end + offset
    words = SIGN_WORDS if cue.row.extra[:1] == ("sign",) else WORDS
    return DIRECTION.flag(
        pair, f"The Chinese says {cue.row.cue} ({words[d]}) but the English says "
              f"'{said.text}' ({words[other]}): the direction is reversed",
        zh_spans=[(cue.start, cue.end)], en_spans=[(s, e)],
        suggestion=_suggestion(pair.en, s, e, cue, d), severity=severity)


#: the punctuation that ends a Chinese clause
_ZH_CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")
#: what may stand between a cue of change and the figure of its size (增长6.8%, 下降了3个百分点,
#: 增长约两成, 提高到 is a level, not a size, and is not read)
_TO_SIZE = re.compile(r"[了约近逾超]{0,2}")
#: the cheap first test: such a run, then the first character of a figure
_SIZE_AFTER = re.compile(_TO_SIZE.pattern + _FIGURE_START)
#: where the English phrase around a figure ends: punctuation (not a decimal point) or a clause word
_FIGURE_PHRASE_BREAK = re.compile(r"[,;:()\[\]!?]|\.(?!\d)|\b(?:and|or|but|while|whereas|which|that)\b",
                                  re.IGNORECASE)


#: how many words on each side of the English figure are its phrase ("fell by about 6.8%",
#: "6.8 percentage points lower"; "dragging down the economy by 1.16 points" is too far for 'down')
_FIGURE_REACH = 3


def _words_back(en: str, start: int, n: int) -> int:
    """Where the n-th English word before ``start`` begins (the first word's start when there are
    fewer; the text's start when there is none)."""
    before = [t for t in lx.tokenize_en(en) if t.end <= start]
    return before[-n].start if len(before) >= n else before[0].start if before else 0


def _words_on(en: str, end: int, n: int) -> int:
    """Where the n-th English word after ``end`` ends (the text's end when there are fewer)."""
    after = [t for t in lx.tokenize_en(en) if t.start >= end]
    return after[n - 1].end if len(after) >= n else len(en)


#: the words that open the base of a comparison before a change (比上年增长, 较上季度下降, 同比增长)
_BASE_MARKERS = frozenset({"比", "较", "同比", "环比", "较之", "相比"})


def _verb_before(zh: str, left: int, start: int) -> bool:
    """Whether a verb stands between the clause's start and the cue (拖累/推动/预计 + …增长): the cue
    is then that verb's object or complement, not the clause's change, and the figure may size
    something else; the base of a comparison (比上年, 同比) is no such verb."""
    return any(flag.startswith("v") and word not in _BASE_MARKERS
               for word, flag in pos_words(zh[left:start]))


def _figure_flags(pair: Pair, cues: EnglishCues) -> list[Flag]:
    """A change stated with its size (比上年增长6.8%, 同比下降了3个百分点) whose English says the other
    direction in the phrase of that same figure ("down 6.8 percent on the previous year").

    Why: the figure anchors the English phrase that renders the change, so a sentence whose other
    clauses rise and fall (…增长6.8%，…比重持续提高 "…, and their share continued to grow") is read
    where the figure stands, where the whole-sentence reading sees both directions and stays
    silent.  The figure must be the only one of its value on each side, and its English phrase
    must say the other direction with a strong word and nothing of the Chinese one."""
    out: list[Flag] = []
    cues_zh = zh_direction_cues(pair.zh)
    # the cues a figure follows (增长6.8%): what is cheap to test comes first, the numbers of both
    # sides and the clause's parts of speech only for them
    sized = [c for c in cues_zh if c.row.kind in ("up", "down") and _SIZE_AFTER.match(pair.zh, c.end)
             and not _COMPARING_NOTE.search(c.row.extra[1] if len(c.row.extra) > 1 else "")]
    if not sized:
        return out
    zh_nums, en_nums = zh_numbers(pair.zh), en_numbers(pair.en)
    for cue in sized:
        d = cue.row.kind
        size = next((n for n in zh_nums if n.strength != "weak" and cue.end <= n.span[0] <= cue.end + 2
                     and _TO_SIZE.fullmatch(pair.zh, cue.end, n.span[0])), None)
        if size is None or sum(same_number(n, size) for n in zh_nums) != 1:
            continue
        at = [e for e in en_nums if same_number(size, e)]
        if len(at) != 1:
            continue
        left = max((m.end() for m in _ZH_CLAUSE_END.finditer(pair.zh, 0, cue.start)), default=0)
        right = next((m.start() for m in _ZH_CLAUSE_END.finditer(pair.zh, cue.end)), len(pair.zh))
        if any(h.row.kind not in (d, "number") and left <= h.start < right for h in cues_zh) \
                or _verb_before(pair.zh, left, cue.start):
            continue  # 拖累经济增长1.16个百分点: 增长 is the object of 拖累, the figure sizes the drag
        start, end = at[0].span
        breaks = [m for m in _FIGURE_PHRASE_BREAK.finditer(pair.en, max(0, start - 60), start)]
        start = max(breaks[-1].end() if breaks else 0, _words_back(pair.en, start, _FIGURE_REACH))
        after = _FIGURE_PHRASE_BREAK.search(pair.en, end, end + 50)
        end = min(after.start() if after else len(pair.en), _words_on(pair.en, end, _FIGURE_REACH))
        any_dir, strong = _en_directions(pair.en[start:end], cues, change=True)
        other = "down" if d == "up" else "up"
        if strong[other] and not any_dir[d]:
            out.append(_reversed_flag(pair, cue, strong[other][0], start, "major"))
    return out


#: cues of a bound when a figure follows (超过50%, 高于3%: ``qa.number_bounds.zh_bound_words``): the
#: English says them by the figure's qualifier ("over 50%"), so they are no rival direction of a
#: change in their clause
_FIGURE_NEXT = re.compile(_FIGURE_START)


def _check_pair(pair: Pair, ctx: Context, cues: EnglishCues, opts: DirectionOptions) -> list[Flag]:
    pc = document_clauses(ctx)[pair.id]
    flags = _figure_flags(pair, cues) + _bound_flags(pair) + _sign_flags(pc, cues, opts) + _transition_flags(pair, cues)
    read = [sp for f in flags for sp in f.zh_spans]
    for clause in pc.zh:
        for cue in zh_direction_cues(pair.zh, (clause.start, clause.end)):
            if any(s < cue.end and cue.start < e for s, e in read):
                continue
            d = cue.row.kind
            other = "down" if d == "up" else "up"
            quality = cue.row.extra[:1] == ("quality",)
            change = _change(pair.zh, cue, clause)
            verdict, word = object_verdict(pair.zh, pair.en, cue, cues)
            if verdict == "other" and word is not None and _unanswered([word], pair.zh, cue):
                flags.append(_reversed_flag(pair, cue, word, 0, "major"))
                break
            if verdict == "same" and not (cue.row.cue.endswith("于") and not _compares(word)):
                continue  # a 于 comparative is settled only by a comparison, not by "grew"
            windows = scopes(pc, clause, by_elimination=True)
            for scope in windows:
                zh_part = pair.zh[scope.zh_start:scope.zh_end]
                en = pair.en[scope.en_start:scope.en_end]
                # a bound on a figure (超过50% "over 50%") is said by the figure's qualifier, which
                # renders it: no rival of a change in the same clause (平均降价超过50%)
                rival_cues = [h for h in zh_direction_cues(zh_part) if h.row.kind == other
                              and not (h.row.cue in zh_bound_words() and _FIGURE_NEXT.match(zh_part, h.end)
                                       and _bound_spans(en))]
                rivals = len(rival_cues)
                # Chinese of both directions is read only as a whole sentence with no window to read
                if rivals and (not scope.sentence or len(windows) > 1):
                    continue
                any_dir, strong = _en_directions(en, cues, quality, change)
                if not scope.sentence:
                    foreign = _foreign_spans(pc, clause, cue)
                    any_dir, strong = ({k: [h for h in v if not _inside(h, scope.en_start, foreign)]
                                        for k, v in found.items()} for found in (any_dir, strong))
                if _comparison(pair.zh, cue, clause):
                    _compared(en, cue, any_dir, strong)
                if strong[other]:
                    any_dir[d] = _past_quantities(any_dir[d], en, zh_part, d)
                    # 增速…回落 "a growth rate … lower": "growth" is the quantity 增速 names, no rise;
                    # the verb it takes then says the change ("growth … quickened" for 增速放缓)
                    kept = _past_quantities(strong[other], en, zh_part, other)
                    taken = [h for h in strong[other] if h not in kept]
                    strong[other] = kept + [h for h in any_dir[other] if h.strength != "strong"
                                            and _predicated(en, taken, h)]
                if (not strong[other] or _rendered_by_own(any_dir[d], zh_part, cue)
                        or _says_own_verb(en, cue)):
                    continue
                strong[other] = _unanswered(strong[other], zh_part, cue)
                if not strong[other] or (rivals and not _outnumbered(any_dir[d], strong[other], rivals)):
                    continue
                severity = "minor" if rivals else "major" if scope.sentence else opts.window_severity
                # of the words of the other direction, the one in the cue's place among the Chinese
                # ones is the likeliest its own ("climbed …, but … slightly up" for 攀升…下滑)
                k = min(sum(1 for h in rival_cues if h.start + scope.zh_start < cue.start), len(strong[other]) - 1)
                flags.append(_reversed_flag(pair, cue, strong[other][k], scope.en_start, severity))
                break
            else:
                continue
            break
    if opts.antonyms:
        flags += _antonym_flags(pc, flags, opts)
    return flags


def _antonym_flags(pc: PairLinks, flags: list[Flag], opts: DirectionOptions) -> list[Flag]:
    """Opposite-meaning flags on words and English spans the cue rules left alone."""
    pair = pc.pair
    taken_zh = [sp for f in flags for sp in f.zh_spans]
    taken_en = [sp for f in flags for sp in f.en_spans]
    out = []
    for o in find_opposites(pc, opts.antonym_min_share):
        if (any(s < o.zh_end and o.zh_start < e for s, e in taken_zh)
                or any(s < o.en_end and o.en_start < e for s, e in taken_en)):
            continue
        out.append(_opposite_flag(pair, o, opts.antonym_severity))
    return out


def _opposite_flag(pair: Pair, o: Opposite, severity: str) -> Flag:
    return DIRECTION.flag(
        pair, f"The Chinese says {o.zh} ({o.gloss}) but the English says '{o.en}', "
              f"its opposite (WordNet antonym of '{o.pair.word}'): the meaning is reversed",
        zh_spans=[(o.zh_start, o.zh_end)], en_spans=[(o.en_start, o.en_end)],
        suggestion=f"Say what {o.zh} says ({o.gloss}), not '{o.en}'", severity=severity)


def _suggestion(en: str, start: int, end: int, cue: ZhHit, d: str) -> str:
    fixed = reversed_sentence(en, start, end)
    if fixed is not None:
        cut = fixed.rfind(" ", 0, max(0, start - 30)) + 1
        return ("…" if cut else "") + quote(fixed[cut:], 100)
    said = re.sub(r"\s*\([^)]*\)", "", cue.row.extra[1]) if len(cue.row.extra) > 1 else ""
    meaning = f"{said}: " if said else ""
    return f"Use a word of the same direction as {cue.row.cue} ({meaning}{EXAMPLES[d]})"


def check_direction(ctx: Context) -> list[Flag]:
    opts: DirectionOptions = ctx.options_of(DIRECTION)
    cues = _english_cues()
    flags: list[Flag] = []
    judged = [p for p in ctx.pairs if p.zh.strip() and p.en.strip() and not p.heading]
    # clause links are read only after a direction cue, or for a word whose antonym the English
    # holds: embed just those pairs' clauses
    document_clauses(ctx).prefetch(
        p for p in judged if zh_direction_cues(p.zh) or _signs(p.zh)
        or (opts.antonyms and may_find_opposites(p, opts.antonym_min_share)))
    for pair in judged:
        flags += _check_pair(pair, ctx, cues, opts)
    return flags


DIRECTION = Check(id="direction", category="Accuracy/Mistranslation", severity="major",
                  description="A comparison or change (高于/低于, 上升/下降, 扩大/缩小 …) "
                              "whose English goes the other way",
                  run=check_direction, scope="document", options=DirectionOptions,
                  needs=frozenset({"embedder"}))
CHECKS = [DIRECTION]
