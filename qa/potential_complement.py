"""Negated potential complements (可能补语): V不C, "cannot V (to the result C)".

达不到 "cannot reach", 看不清 "cannot see clearly", 离不开 "cannot do without":
the negation sits *inside* a verb compound, so a word-level negator table
does not see it (jieba cuts 达 / 不到, or keeps 离不开 whole).  The grammar
(吕叔湘《现代汉语八百词》, 得/不 with result and direction complements; Chao,
A Grammar of Spoken Chinese, §6.6 "potential complements") is productive,
so the rule is general: a 不 between a verb and a result or direction
complement negates the clause.  Where CC-CEDICT lists the compound, its first
gloss decides what kind of negation it is (达不到 "cannot reach": a negation;
靠不住 "unreliable": an antonym; 差不多 "almost", 了不起 "amazing": none),
and compounds glossed "cannot do without" / "inseparable" (离不开, 少不了)
are a *necessity*: "depends on", "is essential to" render them as well as a
negation does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from align.script import HAN
from qa import lexicons as lx
from qa.meaning_cues import ASPECT_PARTICLES, zh_words

#: result and direction complements that form a potential complement after 不
COMPLEMENTS = frozenset("到了起住开动见完成懂清够及着出下上来去过透掉好准惯通进回")
_NEGATIVE = re.compile(r"^(?:\([^)]*\) )?(?:to )?(?:be )?(?:cannot|can't|can not|unable|not able"
                       r"|not|never|fail)\b", re.IGNORECASE)
_ANTONYM = re.compile(r"^(?:un|in|im|ir|il|dis|non)[a-z]{3,}|^impossible", re.IGNORECASE)
_NECESSITY = re.compile(r"\binseparable\b|\bindispensable\b|\bdo without\b|\blinked to\b"
                        r"|\bunavoidable\b|\bbe avoided\b", re.IGNORECASE)

#: a verb of separating (分 "to divide; to separate", 隔 "to separate"): with 不开 it says two
#: things cannot be told apart, the dependence CC-CEDICT glosses 离不开 with ("inseparable")
_SEPARATE = re.compile(r"\bto (?:separate|part)\b")

Kind = Literal["negation", "lexical", "necessity"]


@dataclass(frozen=True)
class PotentialNegation:
    """One V不C compound: its span in the text, the compound, its kind and an English gloss."""

    start: int
    end: int
    word: str
    kind: Kind
    gloss: str


def _verbal(char: str) -> bool:
    return any(g.startswith("to ") for g in lx.cedict().glosses(char))


def classify(word: str) -> tuple[Kind, str] | None:
    """The kind and gloss of a V不C ``word`` (three characters), or None when it negates nothing."""
    glosses = lx.cedict().glosses(word)
    if glosses:
        if _NECESSITY.search(" | ".join(glosses)):
            return "necessity", glosses[0]
        if _NEGATIVE.match(glosses[0]):
            return "negation", glosses[0]
        if _ANTONYM.match(glosses[0]):
            return "lexical", glosses[0]
        return None
    verb, comp = word[0], word[2]
    if comp in COMPLEMENTS and _verbal(verb):
        if comp == "开" and _SEPARATE.search(" | ".join(lx.cedict().glosses(verb)[:4])):
            return "necessity", "inseparable"  # 分不开 "cannot separate": as 离不开, a dependence
        base = next((g for g in lx.cedict().glosses(verb) if g.startswith("to ")), "to " + verb)
        return "negation", "cannot " + base[3:]
    return None


def potential_negations(zh: str, start: int = 0, end: int | None = None) -> list[PotentialNegation]:
    """The negated potential complements whose 不 lies in ``zh[start:end]``."""
    end = len(zh) if end is None else end
    out = []
    starts = {s: e for _, s, e in zh_words(zh)}
    ends = {e: (w, s) for w, s, e in zh_words(zh)}
    for i in range(max(start, 1), min(end, len(zh) - 1)):
        if zh[i] != "不" or not (HAN.match(zh[i - 1]) and HAN.match(zh[i + 1])):
            continue
        if zh[i - 1] == zh[i + 1]:
            continue  # 好不好, 要不要: an A-not-A question
        if zh[i - 1] in ASPECT_PARTICLES and zh[i - 1:i + 2] not in lx.cedict():
            # 支付了不到三百元 'paid less than': the particle ends the verb, and 不到 'under' is no
            # complement of it; where the character is the verb itself (了不起, 过不去), CC-CEDICT
            # lists the three characters as a word
            continue
        if starts.get(i + 1, i + 2) > i + 2:
            continue  # 还不完善, 还不成熟: the "complement" starts a word of its own (完善), 还 is "still"
        found = classify(zh[i - 1:i + 2])
        if found is None:
            continue
        verb = _verb_before(zh, i, ends)
        if verb is not None and found[0] == "negation" and zh[i - 1:i + 2] not in lx.cedict():
            # 处理不好 "cannot handle well": the verb is jieba's 处理, not its last character 理
            base = next(g for g in lx.cedict().glosses(verb[0]) if g.startswith("to "))
            out.append(PotentialNegation(verb[1], i + 2, zh[verb[1]:i + 2], "negation", "cannot " + base[3:]))
            continue
        out.append(PotentialNegation(i - 1, i + 2, zh[i - 1:i + 2], *found))
    return out


def _verb_before(zh: str, i: int, ends: dict[int, tuple[str, int]]) -> tuple[str, int] | None:
    """(verb, start) of the jieba word of two characters or more that ends right before the 不 at
    ``i`` when CC-CEDICT glosses it as a verb (处理 "to handle" of 处理不好), else None."""
    found = ends.get(i)
    if found is None or len(found[0]) < 2 or not _verbal(found[0]):
        return None
    return found
