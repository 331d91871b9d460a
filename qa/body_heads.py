"""Which English head nouns render which Chinese body suffixes, learnt from real names of bodies.

A body's name ends in a head that says what kind of body it is: 中心 a
centre, 研究院 an institute or academy, 局 a bureau or administration, 委员会
a commission or committee.  A translation that names a body whose head is no
rendering of the head of any body the Chinese names ("China Academy of …" for
国家信息中心, "Ministry of …" for 国家数据局) names a different body, whatever
the rest of its name says.

The correspondences are not listed by hand: they are read off pairs of real
names — the official English names in ``qa/data/institutions.tsv`` and every
CC-CEDICT entry whose gloss is a capitalised name of a body ("China Earthquake
Administration" for 中国地震局, "Constitutional Court" for 宪法法院).  For each
such pair the Chinese name's longest known suffix is paired with the first
head noun of the English name.  Noise in the dictionary only adds heads, which
makes the check quieter, never louder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicons as lx

#: English head nouns of bodies' names (a name's kind of body)
HEAD_NOUNS = ("Ministry|Department|Commission|Committee|Bureau|Administration|Office|Agency|Council|Court|"
              "Procuratorate|Authority|Bank|Academy|Institute|Institution|Center|Centre|University|College|"
              "School|Association|Society|Federation|Union|League|Congress|Corporation|Company|Group|"
              "Foundation|Fund|Hospital|Service|Conference|Board|Organization|Organisation|Station|Network")
_HEAD = re.compile(rf"\b({HEAD_NOUNS})s?\b")
#: The one table of the Chinese suffixes that end a body's name, each with the uses it has:
#:   heads       its English heads are learnt from real names (``suffix_of``; a bare 院 is left out:
#:               it ends courts, hospitals, academies, institutes and councils alike)
#:   name        a jieba word of three characters or more ending in it names a body (商务局, 中国企业联合会)
#:   char        a one-character head that ends a name after a word of its own (咨询 + 委)
#:   government  a government body's one-character head, the same field at every level (人社部, 市人社局)
#:   local       it ends a local government body's name (省审计厅, 市市场监管局)
#:   party       besides the party nouns (qa/data/party_nouns.tsv) and the government heads, it ends the
#:               name of a party that prepares or decides a matter (qa/submission_roles.py: 市政府, 领导小组)
_SUFFIX_USES = (
    ("部", "heads name char government"), ("委", "heads name char government local"),
    ("局", "heads name char government local"), ("署", "heads name char government"),
    ("办", "heads name char government local"), ("厅", "heads name char government local"),
    ("院", "name char"), ("委员会", "heads name local party"), ("银行", "heads name"), ("协会", "heads name"),
    ("联合会", "heads name"), ("商会", "heads name"), ("学会", "heads name"), ("研究会", "name"),
    ("促进会", "name"), ("基金会", "heads name"), ("联谊会", "name"), ("公司", "heads name party"),
    ("集团", "heads name party"), ("中心", "heads name party"), ("大学", "heads name"), ("组织", "name"), ("机构", "name"),
    ("联盟", "name"), ("基金", "name"), ("研究院", "heads"), ("研究所", "heads"), ("研究中心", "heads"),
    ("办公室", "heads"), ("办公厅", "heads"), ("科学院", "heads"), ("工程院", "heads"), ("学院", "heads"),
    ("党校", "heads"), ("医院", "heads"), ("法院", "heads party"), ("检察院", "heads party"), ("总局", "heads"),
    ("设计院", "heads"), ("所", "heads"), ("社", "heads"), ("台", "heads"), ("站", "heads"), ("会", "heads"),
    ("政府", "party"), ("小组", "party"),
)


def _with_use(use: str) -> tuple[str, ...]:
    return tuple(suffix for suffix, uses in _SUFFIX_USES if use in uses.split())


#: the suffixes whose heads are learnt, longest first (a name's longest one is its head)
SUFFIXES = tuple(sorted(_with_use("heads"), key=len, reverse=True))
#: the suffixes that make a jieba word of three characters or more a body's name
NAME_SUFFIXES = _with_use("name")
#: one-character heads that end a body's name after a word of its own
HEAD_CHARS = frozenset(_with_use("char"))
#: a government body's one-character heads: 人社部 and 人社局 are one field at two levels
GOVERNMENT_CHARS = "".join(_with_use("government"))
#: the suffixes of a local government body's name (厅 a provincial department, 局 a bureau …)
LOCAL_SUFFIXES = _with_use("local")
#: the other heads of a party's name that the roles check reads (政府, 委员会, 法院, 小组 …)
PARTY_SUFFIXES = _with_use("party")
#: a suffix's heads are used only when this many real names show them (厅 has one: not enough)
MIN_NAMES = 5
_CAP = r"[A-Z][A-Za-z'’\-]*"
#: a capitalised English name with a head noun: "China Academy of Information and Communications Technology"
ENGLISH_BODY = re.compile(rf"(?:{_CAP}\s+(?:(?:and|&)\s+)?)*(?:{HEAD_NOUNS})s?\b"
                          rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:and|&|of|the)\s+)?{_CAP})*)?")


def suffix_of(zh: str) -> str | None:
    """The longest known body suffix ``zh`` ends with (国家信息中心 → 中心), or None."""
    return next((s for s in SUFFIXES if zh.endswith(s) and len(zh) > len(s)), None)


SPELLINGS = {"centre": "center", "organisation": "organization"}


def head_of(en: str) -> str | None:
    """The head noun of an English name, lower-cased: the last one before "of" / "for" / "on", else the last.

    "National Bureau of Statistics" → "bureau", "Organization Department of the
    CPC Central Committee" → "department", "State Council General Office" → "office".
    """
    front = re.split(r"\s+(?:of|for|on)\s+", en, maxsplit=1)[0]
    found = _HEAD.findall(front) or _HEAD.findall(en)
    return SPELLINGS.get(found[-1].lower(), found[-1].lower()) if found else None


def _cedict_names() -> Iterator[tuple[str, str]]:
    """(Chinese headword, English name) for CC-CEDICT glosses that are capitalised names of bodies."""
    for word, entries in lx.cedict().entries.items():
        if len(word) < 3 or suffix_of(word) is None:
            continue
        for e in entries:
            for g in e.glosses:
                g = re.sub(r"\([^)]*\)", "", g).strip()
                m = ENGLISH_BODY.search(g)
                if m and sum(w[:1].isupper() for w in m.group().split()) >= 2:
                    yield word, m.group()


@lru_cache(maxsize=4)
def _head_map(table_names: tuple[tuple[str, str], ...]) -> tuple[dict[str, frozenset[str]], dict[str, int]]:
    heads: dict[str, set[str]] = {}
    seen: dict[str, int] = {}
    for zh, en in dict.fromkeys((*table_names, *_cedict_names())):
        suffix, head = suffix_of(zh), head_of(en)
        if suffix and head:
            heads.setdefault(suffix, set()).add(head)
            seen[suffix] = seen.get(suffix, 0) + 1
    return {s: frozenset(h) for s, h in heads.items()}, {s: n for s, n in seen.items()}


@dataclass(frozen=True)
class HeadMap:
    """Chinese suffix → the English heads real names render it by (中心 → {"center", …}), and how
    many names showed each suffix."""

    heads: dict[str, frozenset[str]]
    names: dict[str, int]

    def of_chinese(self, zh: str) -> frozenset[str]:
        """The heads that may render the Chinese body name ``zh``: those of every suffix it ends with
        (国家体育总局: 总局 and 局), or none when its longest suffix is seen in fewer than ``MIN_NAMES``."""
        suffix = suffix_of(zh)
        if suffix is None or self.names.get(suffix, 0) < MIN_NAMES:
            return frozenset()
        return frozenset(h for s, hs in self.heads.items() if zh.endswith(s) and len(zh) > len(s) for h in hs)

    def suffixes_for(self, head: str) -> list[str]:
        """Every Chinese suffix some real name renders by ``head`` ("academy" → 学院, 科学院, …)."""
        return [s for s, hs in self.heads.items() if head in hs]


def head_map(table_names: Iterable[tuple[str, str]]) -> HeadMap:
    """The head correspondences of ``table_names`` ((Chinese name, English standard name) pairs of
    the institutions table) and of CC-CEDICT's names of bodies."""
    return HeadMap(*_head_map(tuple(table_names)))


@dataclass(frozen=True)
class EnglishBody:
    """A capitalised name of a body in the English, and its head noun."""

    start: int
    end: int
    head: str


def english_bodies(en: str) -> list[EnglishBody]:
    """Capitalised names of bodies in ``en`` (two capitalised words or more, one a head noun)."""
    out = []
    for m in ENGLISH_BODY.finditer(en):
        words = m.group().split()
        if sum(w[:1].isupper() for w in words) < 2:
            continue
        head = head_of(m.group())
        if head:
            out.append(EnglishBody(m.start(), m.end(), head))
    return out


#: a level word that opens a local body's name written in lower case
_LEVEL_WORD = re.compile(r"\b(?:municipal|provincial|county|city|district|prefectural|township)\s+")
#: the words of a lower-case name after its level, at most eight
_NAME_WORDS = re.compile(r"(?:[a-z][a-z'-]*(?:\s+|$)){1,8}")
#: words that end a name before its head: grammar, and verbs ("the city government said the bureau");
#: "and" may join a name's words ("disease prevention and control centre")
_NOT_NAME_WORD = re.compile(r"^(?:said|says|or|the|a|an|of|to|for|in|on|at|by|with|has|have|had|is|are|was|"
                            r"were|will|would|its|their|his|her|which|that|who|as|from|\w+ed)$")
_HEAD_WORD = re.compile(rf"^(?:{HEAD_NOUNS.lower()})s?$")


def level_bodies(en: str) -> list[EnglishBody]:
    """Bodies the English names in lower case after their level ("the municipal housing provident fund
    management committee"), each with its head, the last head noun of the name: a translator often
    leaves a local body's name uncapitalised, and its head says what kind of body it is as a
    capitalised name's does.  The name runs from the level over words of a name, never grammar or a
    verb."""
    if not _LEVEL_WORD.search(en):
        return []  # cheap: no level word, no such name
    out = []
    for m in _LEVEL_WORD.finditer(en):
        run = _NAME_WORDS.match(en, m.end())
        if run is None:
            continue
        at, end, head = run.start(), None, None
        for w in re.finditer(r"[a-z][a-z'-]*", run.group()):
            if _NOT_NAME_WORD.match(w.group()):
                break
            if _HEAD_WORD.match(w.group()):
                end, head = at + w.end(), w.group().rstrip("s") if w.group().endswith("s") else w.group()
        if head is not None and end is not None:
            out.append(EnglishBody(m.start(), end, SPELLINGS.get(head, head)))
    return out
