"""A deputy made the head, or a head made a deputy.

Why: 副局长 rendered "the director of the bureau" is fluent and names a real office, so neither the
name tables of the `institution` check nor any gloss test sees it; yet it says another person.  The
rank is a closed class of Chinese: the prefix 副 ("deputy; vice-", CC-CEDICT) before a head's title.
A flag stands when the Chinese gives an office as a deputy's (副 + a head's title: 副主任, 副局长,
副市长) and nowhere names the head's own office (局长、副局长 names both), while the English has a
head's title word and no deputy's word ("deputy", "vice", "assistant", "associate"); or when the
Chinese has no 副 at all and the English says "deputy director" or "vice chairman".

The level of a body (县级交通运输主管部门 "the municipal transport authority") was tried the same way and
dropped: on WMT20 it raised 37 flags, nearly all on place names (杭州, 潍坊市 beside 县委) whose
level word the English leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the titles of a body's head in Chinese (the 长 of each kind of body, 主任 of a committee or
#: office, 主席 of a federation or government, 书记 of a Party committee), as 副 may precede them
_HEAD_TITLES = ("主任", "局长", "部长", "厅长", "市长", "省长", "县长", "区长", "镇长", "乡长", "州长", "主席",
                "书记", "总理", "院长", "校长", "处长", "科长", "司长", "署长", "行长", "检察长", "庭长", "所长",
                "会长", "秘书长", "委员长", "理事长", "董事长", "总经理", "总裁", "总编辑", "队长", "组长", "社长",
                "台长", "馆长", "主编", "总监",
                # the chiefs of the river, lake and forest chief systems (河长制: 总河长 "general river
                # chief", 副总河长 "deputy general river chief") and of a station, a plant, a park
                "总河长", "河长", "总湖长", "湖长", "总林长", "林长", "站长", "厂长", "园长")
_TITLE = "|".join(sorted(_HEAD_TITLES, key=len, reverse=True))
_DEPUTY_ZH = re.compile(rf"副(?:{_TITLE})")
_BARE_ZH = re.compile(rf"(?<!副)(?:{_TITLE})")
#: the English words of a head's office (a deputy's is one of these after "deputy"/"vice")
_HEAD_EN = (r"director(?:-general)?|head|chief|minister|mayor|governor|chair(?:man|woman|person)?|secretary"
            r"(?:-general)?|premier|president|commissioner|dean|principal|manager|procurator(?:-general)?|"
            r"leader|administrator|magistrate|editor(?:-in-chief)?|curator|captain")
_HEAD_EN_RE = re.compile(rf"\b(?:{_HEAD_EN})\b", re.IGNORECASE)
#: the English words of a deputy's rank ("deputy director", "vice-chairman", "assistant minister")
_DEPUTY_EN = re.compile(r"\b(?:deputy|vice|assistant|associate|second-in-command)\b", re.IGNORECASE)
#: a deputy's rank said right before a head's title ("deputy director", "vice-premier")
_DEPUTY_TITLE_EN = re.compile(rf"\b(?:deputy|vice)[\s-]+(?:{_HEAD_EN})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mismatch:
    """One office whose rank (or government whose level: ``qa/government_level.py``) the English
    changes: the spans on both sides, the message, the suggestion."""

    zh_span: tuple[int, int]
    en_span: tuple[int, int]
    message: str
    suggestion: str


def rank_mismatches(zh: str, en: str) -> list[Mismatch]:
    """A deputy's office made the head's, or a head's made a deputy's (see the module docstring)."""
    deputy = _DEPUTY_ZH.search(zh)
    if deputy is not None:
        deputies = [m.span() for m in _DEPUTY_ZH.finditer(zh)]
        # a head's title inside a deputy's (河长 of 副总河长) names no head
        bare = any(not any(s <= m.start() < e for s, e in deputies) for m in _BARE_ZH.finditer(zh))
        if bare or _DEPUTY_EN.search(en):
            return []  # the Chinese names the head too, or the English says a deputy
        head = _HEAD_EN_RE.search(en)
        if head is None:
            return []  # no title in the English: a paraphrase ("an official of …")
        return [Mismatch(deputy.span(), head.span(),
                         f"The Chinese says {deputy.group()} (a deputy: 副 'deputy; vice-'); the English "
                         f"says '{head.group()}' with no 'deputy' or 'vice', which makes the deputy the head",
                         f"'deputy {head.group()}' or 'vice-{head.group()}'")]
    added = _DEPUTY_TITLE_EN.search(en)
    if added is not None and "副" not in zh and (title := _BARE_ZH.search(zh)) is not None:
        return [Mismatch(title.span(), added.span(),
                         f"The Chinese says {title.group()} (the head: no 副 'deputy'); the English says "
                         f"'{added.group()}', which makes the head a deputy",
                         f"the title without '{added.group().split()[0]}'")]
    return []
