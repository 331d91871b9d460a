"""The level of a people's government named by its level alone: 乡镇人民政府 is no county government.

Why: 乡镇人民政府 rendered "the county people's government" names a real body, so the name tables of
the `institution` check see nothing wrong; yet it is another tier of the state.  The level of a body
was tried in general and dropped (``qa/office_rank.py`` says why: place names, 杭州市 beside 县委,
whose level word the English leaves out).  Here only the governments named by a bare level are read
(乡镇人民政府, 县级人民政府, 省政府: no place name before the level), and only against an English
"<level> (people's) government" of another level, when the English nowhere says the Chinese level
and the Chinese names no unit of the English level elsewhere.  The level words are those of
``qa/data/admin_levels.tsv`` (the Constitution's English).
"""

from __future__ import annotations

import re

from qa.admin_levels import level_table, level_units
from qa.office_rank import Mismatch

#: a government named by its level alone: a determiner or a function word (or nothing) before the
#: level, no place name (杭州市政府 names Hangzhou, read by the name tables)
_ZH_GOVERNMENT = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[由向经对和与及或的报请在同各本该]))"
                            r"(?P<level>乡镇|[省市州县区乡镇])(?:级)?(?:人民)?政府")
#: an English government of a level: "the county people's government", "municipal government"
_EN_GOVERNMENT = re.compile(r"\b(?P<level>[a-z]+)(?:-level)?\s+(?:people's\s+)?governments?\b", re.IGNORECASE)


def _words(chars: str) -> set[str]:
    table = dict(level_table())
    return {w for c in chars for w in table.get(c, ())}


def level_mismatches(zh: str, en: str) -> list[Mismatch]:
    """Governments named by a bare level whose English gives another level."""
    units = level_units()
    low = en.lower()
    out: list[Mismatch] = []
    for m in _ZH_GOVERNMENT.finditer(zh):
        chars = m.group("level")
        own = _words(chars)
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in own):
            continue  # the English says the level somewhere: its government may be rendered loosely
        for g in _EN_GOVERNMENT.finditer(en):
            unit = units.get(g.group("level").lower())
            if unit is None or unit in chars:
                continue
            rest = zh[:m.start()] + zh[m.end():]
            if unit in rest:
                continue  # the Chinese names a unit of that level elsewhere: the English may be its
            said = g.group()
            level = "/".join(sorted(own))
            out.append(Mismatch(
                (m.start(), m.end()), g.span(),
                f"The Chinese says {m.group()} (a government of the {level} level) but the English says "
                f"'{said}': another level of government",
                f"Render {m.group()} as the {min(own)} government"))
            break
    return out
