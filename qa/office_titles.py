"""A leader's title in the English next to the same person's name as the Chinese office.

习近平总书记 is the General Secretary (a Party office); "President Xi Jinping"
gives him the state office (国家主席) instead.  The English title sits right
before the name ("Premier Li Qiang", "Chinese President Xi") or right after it
("Li Qiang, the Chinese premier"); the Chinese office sits right before or
after the Chinese name (总书记习近平, 习近平总书记, 习总书记).

Only a title tied to the *same person* counts: a sentence may mention a
foreign president or leave the title out, and neither is a wrong title.  The
person is the same when the English name's first word is a reading of the
Chinese name's first character (CC-CEDICT's pinyin: 习 → "Xi"), so foreign
names ("Prime Minister Narendra Modi") never match a Chinese office.

A title is wrong when no office the Chinese names accepts it and another
office of the table does: "President" is 国家主席's, not 总书记's.  The
offices' accepted renderings are the table's own, so no pair of titles is
listed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa import lexicons as lx
from qa.phrase_match import (
    ChineseTerms,
    EnglishNames,
    Found,
    find_chinese,
    find_english,
)

#: a romanised personal name after a title: "Xi Jinping", "Xi", "Li Keqiang", "Wang Hu-ning"
_NAME_AFTER = re.compile(r"[\s\u00a0]+([A-Z][a-z]+)(?:[\s\-]+[A-Z][a-z]+)?\b")
#: a name before an appositive title: "Xi Jinping, the Chinese president"
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:[\s\-]+[A-Z][a-z]+)?,\s+(?:the\s+)?(?:(?:Chinese|China's|then)\s+)?$")
#: what may stand between a title and the name: a nationality ("Chinese President Xi" needs none)
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class TitleMismatch:
    """The Chinese office tied to a person, and the English title tied to the same person."""

    office: object  # the table row (an Institution) of the Chinese office
    zh_found: Found
    en_found: Found
    other: object  # the table row whose accepted title the English uses


def _readings(char: str) -> set[str]:
    """The toneless pinyin readings CC-CEDICT gives a character (习 → {"xi"})."""
    out = set()
    for e in lx.cedict().get(char):
        syl = e.pinyin.split()[0] if e.pinyin else ""
        out.add(re.sub(r"[\d:]", "", syl).lower().replace("u:", "u"))
    return out


def _person_starts(zh: str, office: Found) -> list[int]:
    """Where a Chinese personal name tied to ``office`` may start: 1–3 characters before it, or right after."""
    out = [office.start - k for k in (3, 2, 1) if office.start - k >= 0
           and all(_HAN.match(c) for c in zh[office.start - k:office.start])]
    if office.end < len(zh) and _HAN.match(zh[office.end]):
        out.append(office.end)
    return out


def _same_person(zh: str, office: Found, surname: str) -> bool:
    """Whether a name tied to ``office`` in ``zh`` starts with a character read ``surname``."""
    s = surname.lower()
    return any(s in _readings(zh[k]) for k in _person_starts(zh, office))


def _title_before(en: str, hits: Sequence[Found]) -> list[tuple[Found, str]]:
    """(title hit, surname) for every title followed by a name, or preceded by one as an appositive."""
    out = []
    for h in hits:
        m = _NAME_AFTER.match(en, h.end)
        if m:
            out.append((h, m.group(1)))
            continue
        m = _NAME_BEFORE.search(en[max(0, h.start - 60):h.start])
        if m:
            out.append((h, m.group(1)))
    return out


class Offices:
    """The office rows of the institutions table, with their Chinese names and English titles
    indexed once (``qa.phrase_match``) rather than gathered and scanned for every pair."""

    def __init__(self, table: Sequence) -> None:
        self.rows = [row for row in table if row.kind == "office"]
        self.by_zh = {name: row for row in self.rows for name in row.zh}
        self.zh_terms = ChineseTerms(self.by_zh)
        self.titles = EnglishNames(n for row in self.rows for n in (*row.standard, *row.accepted))


def find_title_mismatches(zh: str, en: str, table: Sequence | Offices) -> list[TitleMismatch]:
    """Every English title that gives a person named with a Chinese office a different office.

    ``table`` holds the institutions rows (only rows of kind "office" are read), or
    their :class:`Offices` built once.  A title any office (or body) named in ``zh``
    accepts is never wrong.
    """
    index = table if isinstance(table, Offices) else Offices(table)
    offices, by_zh = index.rows, index.by_zh
    in_zh = find_chinese(zh, index.zh_terms)
    if not in_zh:
        return []
    named = {by_zh[f.name] for f in in_zh}
    accepted_here = {n for row in named for n in (*row.standard, *row.accepted)}
    out: list[TitleMismatch] = []
    for hit, surname in _title_before(en, find_english(en, index.titles)):
        # "Party Secretary" for 区委书记 (书记 'secretary'), "Vice Chairman" for 副主席 (主席 'chairman')
        if hit.names & accepted_here or find_english(en[hit.start:hit.end], accepted_here):
            continue
        tied = [f for f in in_zh if _same_person(zh, f, surname)]
        if not tied:
            continue
        other = next((row for row in offices if row not in named
                      and hit.names & {*row.standard, *row.accepted}), None)
        if other is not None:
            out.append(TitleMismatch(by_zh[tied[0].name], tied[0], hit, other))
    return out
