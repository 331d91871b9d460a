"""Before and after an event: 会议结束后 rendered "before the meeting ended".

Why a rule of its own: 前/之前/以前 ("before") and 后/之后/以后 ("after") follow the
event they are relative to (春节前 "before the Spring Festival", 回国后 "after
returning home"), and a sentence may rightly turn the order round ("A 之后 B"
is "A before B" too).  So a lone "before" in the English says nothing.  What
does contradict the Chinese is the opposite preposition *governing the same
event*: its object holds a CC-CEDICT gloss of the event word (a noun gloss meets its verb:
届满 "expiration of a term", "after the certificate expires").  The event word
anchors the English phrase as a figure anchors 过去N年 in
:mod:`qa.checks.time_expression`.

A hit needs, in one pair: the Chinese 前/后 as a jieba word of its own (or the conditional
的 that ends a clause of regulations, 期满的， "where the term has expired", read as "after")
after a content word of the same clause (not a duration: 三年前 is the anchored row
N年前, 不久前 a word of its own); an English preposition of the opposite order
whose next few words hold a gloss of that content word; and no preposition of
the Chinese order governing it anywhere in the English.  A pre-/post- compound
("pre-flood-season inspections") is such a preposition too, and a phrase of the
event's end ("at the end of their term" for 任期届满前) says "after" with a minor
flag.  An event the Chinese names again (汛前…度汛 "during the flood season")
is left alone: the English may render the other mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from align import english as lx
from align.zh_words import jieba_words
from qa.lexicons import cedict
from qa.zh_glosses import content_glosses

Order = Literal["before", "after", "during"]

#: Chinese words that place a clause before or after the event that precedes them (CC-CEDICT:
#: 前 "before", 之前 "before; prior to", 以前 "before; prior to", 后 "after", 之后 "after;
#: behind", 以后 "after; later")
ZH_ORDER: dict[str, Order] = {"前": "before", "之前": "before", "以前": "before",
                              "后": "after", "之后": "after", "以后": "after"}

#: English that puts its object before or after: single words, and the first word of a
#: two-word preposition with the word that must follow it
_EN_ORDER: dict[str, tuple[Order, str | None]] = {
    "before": ("before", None), "prior": ("before", "to"), "ahead": ("before", "of"),
    "preceding": ("before", None), "after": ("after", None), "following": ("after", None), "since": ("after", None),
    "upon": ("after", None), "once": ("after", None), "during": ("during", None),
}
#: English phrases that place their object at the event's end (Quirk et al. 1985 §9.36-9.37: "at the
#: end of", "on the expiry of"): what 后 says, and what reverses a 前 ("at the end of their term" for
#: 任期届满前 "before the term expires").  A point at the event, not the opposite order: a minor flag.
_EN_AT_END: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "at the end of", "at the close of", "at the conclusion of", "at the expiry of", "on the expiry of",
    "on expiry of", "upon expiry of", "at the expiration of", "on the expiration of",
    "on completion of", "on the completion of", "upon completion of"))
_EN_AT_END_FIRST = frozenset(p[0] for p in _EN_AT_END)  # most words open none of them
#: the last character of a time noun that names an end itself (年底 "end of the year", 期末, 年终,
#: 月尾): "at the end of the year" renders the noun, not an order, for 年底前
_END_NOUNS = frozenset("底末终尾")
#: English prefixes that put the noun they join before or after ("pre-flood-season inspections" for
#: 汛前检查, "post-disaster reconstruction" for 灾后重建; Quirk et al. 1985 App. I.20)
_EN_PREFIX = re.compile(r"^(pre|post)-(.+)$", re.IGNORECASE)
_PREFIX_ORDER: dict[str, Order] = {"pre": "before", "post": "after"}
#: Chinese that says "during" an event itself (期间 "period", 之际 "occasion", 过程中 "in the
#: course of"): an English "during" may render it, so it contradicts no 前/后 of that sentence
_DURING = re.compile("期间|时期|期内|之际|过程中|当中|期中")
#: what may stand between the preposition and the event's gloss ("before the annual meeting")
_REACH = 4
#: a 前/后 after these is a duration or a time of its own (三年前, 几天后, 不久前), which the
#: time table reads; units of time and numerals
_DURATION = re.compile(r"[\d零〇一二两三四五六七八九十百千万几数多半]|[年月日天周时分秒代纪]$")
#: the conditional 的 of regulations: a clause that ends in 的 states a case that has come about
#: (社区矫正对象矫正期满的， "where a person's term of correction has expired"; 现代汉语八百词 的:
#: 的字结构 as a condition).  It is read as "after" its event: "before the term expires" reverses it
_CONDITION = re.compile("的[，,]")
_CLAUSE_ENDS = frozenset({"，", ","})
#: determiners before "following" or "preceding" make it an adjective ("the following meeting")
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "that", "those", "its", "their"})


@dataclass(frozen=True)
class EventOrder:
    """A Chinese before/after word, its event, and the English preposition that reverses it."""

    zh_start: int
    zh_end: int
    event: str
    order: Order
    en_start: int
    en_end: int
    en_text: str
    #: "major" for the opposite preposition, "minor" for a point at the event's end
    severity: str = "major"


def _opposite(order: Order) -> Order:
    return "after" if order == "before" else "before" if order == "after" else "during"


def zh_order_words(zh: str) -> list[tuple[int, int, str, Order, frozenset[str]]]:
    """(start, end, event, order, event glosses) of every 前/后 word that follows an event."""
    if "前" not in zh and "后" not in zh and not _CONDITION.search(zh):
        return []
    words = jieba_words(zh, hmm=True)
    out = []
    starts = [0, *accumulate(len(w) for w in words)]
    for i, w in enumerate(words):
        order = ZH_ORDER.get(w)
        glued = _glued_order(w)
        if glued is not None:  # jieba's 汛前 "before the flood season": event and 前 in one word
            glosses = content_glosses(w[0]) - lx.STOPWORDS
            if glosses:
                out.append((starts[i] + 1, starts[i] + 2, w[0], glued, glosses))
            continue
        if order is None and w == "的" and i + 1 < len(words) and words[i + 1] in _CLAUSE_ENDS:
            order = "after"  # 期满的， "where the term has expired": the event has happened
        if order is None or i == 0:
            continue
        event_words = []
        for prev in (words[i - 1], words[i - 2] if i > 1 else ""):
            # an order word is no event (任期届满前离任的: 离任 is the conditional's event, not 前)
            if not prev or prev in ZH_ORDER or _DURATION.search(prev) or not content_glosses(prev):
                break
            event_words.append(prev)
        if not event_words:
            continue
        glosses = frozenset().union(*(content_glosses(e) for e in event_words)) - lx.STOPWORDS
        if glosses:
            event = "".join(reversed(event_words))
            out.append((starts[i], starts[i] + len(w), event, order, glosses))
    return out


def _glued_order(word: str) -> Order | None:
    """The order of a two-character jieba word that is an event and 前/后 (汛前 "before the flood
    season", 赛后 "after the match", 节前 "before the holiday") and that CC-CEDICT does not list as
    a word of its own (目前, 提前, 然后, 落后 are words, not orders); None for any other word."""
    if len(word) != 2 or word[1] not in ZH_ORDER or _DURATION.search(word[0]) or word in cedict():
        return None
    return ZH_ORDER[word[1]]


#: what "before" places a party in front of, not earlier than (Collins COBUILD before prep. 3:
#: "in front of" a court, a committee, the public): a hearing body within three words
_BEFORE_A_BODY = re.compile(r"\s+(?:(?:a|an|the|any|its|their)\s+)?(?:[\w'-]+\s+){0,2}?"
                            r"(?:courts?|tribunals?|judges?|juries|jury|committees?|commissions?|panels?|"
                            r"congress|assembly|parliament|the public|audiences?|cameras?)\b", re.IGNORECASE)


def _en_orders(en: str) -> tuple[tuple[Order, int, int, tuple[str, ...], bool], ...]:
    """(order, start, end, lemmas of the next words, at the event's end) of every order
    preposition, end phrase ("at the end of") and pre-/post- compound ("pre-flood-season") in
    ``en``."""
    tokens = lx.tokenize_en(en)
    lows = [t.text.lower() for t in tokens]
    out = []
    for i, t in enumerate(tokens):
        low = lows[i]
        prefixed = _EN_PREFIX.match(low) if "-" in low else None
        if prefixed is not None:
            parts = tuple(lx.lemma(w) for w in prefixed.group(2).split("-") if w)
            nxt = parts + tuple(tok.lemma.lower() for tok in tokens[i + 1:i + 1 + _REACH - len(parts)])
            out.append((_PREFIX_ORDER[prefixed.group(1)], t.start, t.start + len(prefixed.group(1)) + 1,
                        nxt, False))
            continue
        phrase = next((p for p in _EN_AT_END if tuple(lows[i:i + len(p)]) == p), None) \
            if low in _EN_AT_END_FIRST else None
        if phrase is not None:
            first = i + len(phrase)
            nxt = tuple(tok.lemma.lower() for tok in tokens[first:first + _REACH])
            out.append(("after", t.start, tokens[first - 1].end, nxt, True))
            continue
        entry = _EN_ORDER.get(low)
        if entry is None:
            continue
        order, then = entry
        if low == "before" and _BEFORE_A_BODY.match(en, t.end):
            continue  # "brings a lawsuit before a people's court": in front of, not earlier than
        first = i + 1
        if then is not None:
            if first >= len(tokens) or tokens[first].text.lower() != then:
                continue
            first += 1
        if low in ("following", "preceding") and i and tokens[i - 1].text.lower() in _DETERMINERS:
            continue
        gap = en[t.end:tokens[first].start] if first < len(tokens) else ""
        if re.search(r"[,;:.!?]", gap):
            continue
        nxt = tuple(tok.lemma.lower() for tok in tokens[first:first + _REACH])
        out.append((order, t.start, tokens[first - 1].end, nxt, False))
    return tuple(out)


def reversed_orders(zh: str, en: str) -> list[EventOrder]:
    """The Chinese before/after words whose event the English puts the other way round."""
    found: list[EventOrder] = []
    hits = [(s, e, ev, o, with_verb_stems(g)) for s, e, ev, o, g in zh_order_words(zh)]
    if not hits:
        return found  # no before/after word in the Chinese: the English orders need no reading
    orders = [(o, s, e, with_verb_stems(nxt), at_end) for o, s, e, nxt, at_end in _en_orders(en)]
    during = not _DURING.search(zh)
    for start, end, event, order, glosses in hits:
        governing = [(o, s, e, at_end, glosses.intersection(nxt)) for o, s, e, nxt, at_end in orders
                     if glosses.intersection(nxt) and not (at_end and event[-1] in _END_NOUNS)]
        if any(o == order for o, _, _, _, _ in governing) or _named_again(zh, event, start, hits):
            continue
        # 改革前 … 改革后: both orders of one event, the English may say either (an event of the other
        # order whose glosses the preposition governs too: 任期届满前离任的 holds 离任 "leave office"
        # after, but "at the end of their term" governs 任期's "term", no gloss of 离任); "during" the
        # event says neither (汛前 rendered "during the flood season"), unless the Chinese says it too
        wrong = [(s, e, at_end) for o, s, e, at_end, said in governing
                 if (o == _opposite(order) and not any(k != order and g & said for _, _, _, k, g in hits))
                 or (o == "during" and during)]
        if wrong:
            s, e, at_end = wrong[0]
            found.append(EventOrder(start, end, event, order, s, e, en[s:e], "minor" if at_end else "major"))
    return found


#: suffixes that make a noun of a verb (Quirk et al. 1985 App. I, deverbal noun suffixes: expiration,
#: completion, retirement, approval, departure, delivery)
_DEVERBAL = ("ation", "ion", "ment", "al", "ure", "y")
#: the shortest stem a suffix leaves: "nation", "city" name no verb
_MIN_STEM = 4


def with_verb_stems(lemmas: Iterable[str]) -> frozenset[str]:
    """``lemmas`` and the verb stem of each deverbal noun among them: CC-CEDICT glosses 届满 by a noun
    ("expiration of a term") where the English says the verb ("after the certificate expires"), or
    the reverse (期满 "to expire", "before the expiry of"); :func:`align.english.lemma` keeps
    derivation apart ('expiration', 'expir'), so the event would go unrecognised.  The stem is read
    as the verb's lemma is, without a final e ('expir', 'complet', 'retir' of "retirement")."""
    out = set(lemmas)
    for word in tuple(out):
        for suffix in _DEVERBAL:
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
                out.add(lx.lemma(word[:-len(suffix)]))
    return frozenset(out)


def _named_again(zh: str, event: str, start: int,
                 hits: list[tuple[int, int, str, Order, frozenset[str]]]) -> bool:
    """The event is named again elsewhere in the Chinese, not before an order word of its own
    (汛前检查…确保安全度汛 "ensure safety during the flood season"): an English preposition
    governing it may render that other mention.  A mention before another order word (汛前…汛后)
    is that word's event, which the rule reads for itself."""
    ordered = {s for s, _e, _ev, _o, _g in hits}
    at = zh.find(event)
    while at != -1:
        if at + len(event) != start and at + len(event) not in ordered:
            return True
        at = zh.find(event, at + 1)
    return False
