"""Chinese words and the English lemmas CC-CEDICT glosses them with.

Why: the dictionary evidence of several checks — does the English render this
clause (omission, addition), which English clause renders which Chinese one
(``qa.clause_match``), what follows a negation (polarity), the QE features —
rests on the same question, which English words could translate a Chinese
word.  jieba cuts the words; :func:`word_glosses` gives their gloss lemmas,
falling back to dictionary parts for compounds CEDICT does not list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.script import HAN
from align.zh_words import jieba_words
from qa import lexicons as lx

#: only the words every gloss carries; coverage wants "use" (使用) and
#: "one by one" (逐一), which the idiom check rightly ignores as too generic
_GLOSS_STOP = frozenset("a an the to of and or sb sth sb's one's be is are etc cl e g i".split())


#: characters that spell foreign names (古特雷斯 Guterres, 斯托尔滕贝格):
#: an unknown word made only of these is a name, not a compound to gloss by character
_TRANSLITERATION = frozenset("阿埃艾安奥巴贝比波伯布查达德迪蒂杜多厄恩法菲费弗福盖格古哈海赫亨胡霍吉加"
                             "贾杰金卡凯坎科克库拉莱赖兰朗劳勒雷里利列林卢鲁伦罗洛马迈麦曼梅蒙米默姆"
                             "穆纳奈内尼涅努诺帕佩彭皮珀普奇齐乔琼萨塞桑瑟森沙尚舍什施斯苏索塔泰坦特"
                             "滕提图托瓦威维温沃乌西希谢辛休雅亚扬耶伊因尤于约扎泽詹兹佐娜娅莎丽琳")


@lru_cache(maxsize=65536)
def word_glosses(word: str) -> frozenset[str]:
    """Gloss lemmas of a Chinese word; unknown compounds fall back to their dictionary parts.

    jieba joins words CEDICT lists separately (显著成绩 = 显著 + 成绩); their
    glosses ('remarkable', 'result') are far better evidence than those of
    the single characters, which only the leftovers fall back to.
    """
    cd = lx.cedict()
    if word in cd:
        out: set[str] = set()
        for g in cd.glosses(word, per_entry=8):
            out.update(lx.lemma(w) for w in re.findall(r"[A-Za-z]+", lx.strip_gloss(g))
                       if w.lower() not in _GLOSS_STOP)
        return frozenset(out) if len(out) <= 24 else frozenset()
    if len(word) > 1 and not all(ch in _TRANSLITERATION for ch in word):
        out = set()
        for part in cd.segment(word):
            out |= word_glosses(part) if len(part) < len(word) else frozenset()
        return frozenset(out)
    return frozenset()


#: single characters that are grammar, not content: their glosses ("really",
#: "aim" for 的) would match English by accident
_FUNCTION_CHARS = frozenset("的了是在和与及等对把被将为以而之其或也都就又还并从向于给让使着过所这那些个一不有要能会可已且则即亦但却乃")


def zh_content_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """jieba words of ``text`` that have English glosses (function words excluded)."""
    return list(_content_words(text))


@lru_cache(maxsize=16384)
def _content_words(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """:func:`zh_content_words`, kept: the coverage checks ask for a pair's whole Chinese
    once per English clause, and clause links, polarity and qe ask for the same clauses."""
    words = []
    for w in jieba_words(text, hmm=True):
        g = content_glosses(w)
        if g:
            words.append((w, g))
    return tuple(words)


def content_glosses(word: str) -> frozenset[str]:
    """The gloss lemmas of a jieba word that carries content: none for a function character
    (的, 由, 在), a word without Han, or a single character whose many glosses would match
    any English."""
    if not HAN.search(word) or word in _FUNCTION_CHARS:
        return frozenset()
    g = word_glosses(word)
    return g if g and (len(word) > 1 or len(g) <= 10) else frozenset()


@lru_cache(maxsize=4096)  # pure, and never changed: coverage, clause links and QE ask it per clause
def gloss_stems(text: str) -> lx.StemSet:
    """The :class:`StemSet` of every gloss lemma of the content words of ``text``."""
    return lx.StemSet(g for _, gs in _content_words(text) for g in gs)
