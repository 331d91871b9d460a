"""From one state to its opposite: 由净流出转为净流入 rendered "from a net inflow to a net outflow".

Why a rule of its own: a change between two opposite states (由逆差转为顺差 "from a deficit to a
surplus", 由降转升 "from decline to growth", 由净流出转为净流入) names both states, so a check
that asks whether the English says the Chinese state finds both words and is content; what the
English reverses is their *order*.  The Chinese frame is 由/从 A 转为/转向/变为 B (现代汉语八百词
由, 从: the starting point; 转, 变 "to turn into"); the English one "from X to Y" ("from X into
Y").  The caller says which way each side points (a direction or the sign of a balance), so
the frame is read with the check's own tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: 由/从 A 转为 B: the start state (group a) and the end state (group b), each up to a clause
#: break; the verbs of turning into (CC-CEDICT 转为 "to turn into", 转变 "to change", 转向 "to
#: turn towards", 变为 "to change into")
_ZH_FRAME = re.compile(r"[由从](?P<a>[^，。；、,;:：由从]{1,10}?)"
                       r"(?:转变为|转化为|转为|转向|转成|转入|变为|变成|过渡到|转)"
                       r"(?P<b>[^，。；、,;:：]{1,10})")
#: from X to Y (into, towards): the English frame of a change of state
_EN_FRAME = re.compile(r"\bfrom\b(?P<x>[^,;:.()]{1,60}?)\b(?:to|into|towards?)\b(?P<y>[^,;:.()]{1,60})",
                       re.IGNORECASE)


#: the end state's noun phrase: its first few words ("a net outflow" of "to a net outflow of talent")
_STATE = re.compile(r"\s*(?:[\w'-]+\s+){0,3}[\w'-]+")


@dataclass(frozen=True)
class Swap:
    """A change from A to B whose English goes from B's side to A's."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int


def swapped_transitions(zh: str, en: str, zh_sides: Callable[[str], set[str]],
                        en_sides: Callable[[str], set[str]]) -> list[Swap]:
    """The Chinese changes from one side to the other whose English "from … to …" names them
    the other way round.  ``zh_sides`` and ``en_sides`` give the sides ("up", "down") a piece of
    text names; a state counts only when it names exactly one side, and the two states of a
    frame must name opposite ones."""
    if "转" not in zh and "变" not in zh or "from" not in en.lower():
        return []
    out = []
    for m in _ZH_FRAME.finditer(zh):
        a, b = zh_sides(m.group("a")), zh_sides(m.group("b"))
        if len(a) != 1 or len(b) != 1 or a == b:
            continue
        for e in _EN_FRAME.finditer(en):
            y = _STATE.match(e.group("y"))
            if y is not None and en_sides(e.group("x")) == b and en_sides(y.group()) == a:
                out.append(Swap(m.start(), m.end(), e.start(), e.start("y") + y.end()))
                break
    return out
