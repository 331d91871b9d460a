"""Before and after an event: 会议结束后 rendered "before the meeting ended".

Why a rule of its own: 前/之前/以前 ("before") and 后/之后/以后 ("after") follow the
event they are relative to (春节前 "before the Spring Festival", 回国后 "after
returning home"), and a sentence may rightly turn the order round ("A 之后 B"
is "A before B" too).  So a lone "before" in the English says nothing.  What
does contradict the Chinese is the opposite preposition *governing the same
event*: its object holds a CC-CEDICT gloss of the event word.  The event word
anchors the English phrase as a figure anchors 过去N年 in
:mod:`qa.checks.time_expression`.

A hit needs, in one pair: the Chinese 前/后 as a jieba word of its own (or the conditional
的 that ends a clause of regulations, 期满的， "where the term has expired", read as "after")
after a content word of the same clause (not a duration: 三年前 is the anchored row
N年前, 不久前 a word of its own); an English preposition of the opposite order
whose next few words hold a gloss of that content word; and no preposition of
the Chinese order governing it anywhere in the English.
"""

from __future__ import annotations

import re
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
    "after": ("after", None), "following": ("after", None), "since": ("after", None),
    "upon": ("after", None), "during": ("during", None),
}
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
#: determiners before "following" make it an adjective ("the following meeting")
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
            if not prev or _DURATION.search(prev) or not content_glosses(prev):
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


def _en_orders(en: str) -> tuple[tuple[Order, int, int, tuple[str, ...]], ...]:
    """(order, start, end, lemmas of the next words) of every order preposition in ``en``."""
    tokens = lx.tokenize_en(en)
    out = []
    for i, t in enumerate(tokens):
        low = t.text.lower()
        entry = _EN_ORDER.get(low)
        if entry is None:
            continue
        order, then = entry
        first = i + 1
        if then is not None:
            if first >= len(tokens) or tokens[first].text.lower() != then:
                continue
            first += 1
        if low == "following" and i and tokens[i - 1].text.lower() in _DETERMINERS:
            continue
        gap = en[t.end:tokens[first].start] if first < len(tokens) else ""
        if re.search(r"[,;:.!?]", gap):
            continue
        nxt = tuple(tok.lemma.lower() for tok in tokens[first:first + _REACH])
        out.append((order, t.start, tokens[first - 1].end, nxt))
    return tuple(out)


def reversed_orders(zh: str, en: str) -> list[EventOrder]:
    """The Chinese before/after words whose event the English puts the other way round."""
    found = []
    orders = _en_orders(en)
    hits = zh_order_words(zh)
    during = not _DURING.search(zh)
    for start, end, event, order, glosses in hits:
        both = any(o != order and glosses & g for _, _, _, o, g in hits)
        governing = [(o, s, e) for o, s, e, nxt in orders if glosses.intersection(nxt)]
        if any(o == order for o, _, _ in governing):
            continue
        # 改革前 … 改革后: both orders of one event, the English may say either; "during" the event
        # says neither (汛前 rendered "during the flood season"), unless the Chinese says it too
        wrong = [(s, e) for o, s, e in governing
                 if (o == _opposite(order) and not both) or (o == "during" and during)]
        if wrong:
            s, e = wrong[0]
            found.append(EventOrder(start, end, event, order, s, e, en[s:e]))
    return found
