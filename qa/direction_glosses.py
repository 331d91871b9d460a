"""Chinese words of rise and fall that the direction table does not list, read from CC-CEDICT.

Why: ``qa/data/directions.tsv`` names the cue words the issue's examples used (上升, 下降,
收窄 …); a writer reaches for others of the same family (趋缓 "to slow down", 不及 "to fall
short of", 优于 "to surpass", 回跌 "to fall back", 减慢 "to slow down").  The dictionary
already says which way each goes: a word whose first CC-CEDICT sense is a verb of change
the English cue table grades strong ("to slow down", "to fall short of") is a cue of that
direction.

The sense must be the word's first and plain: "to" + direction words of one direction (at
least one strong) + particles only ("back", "down", "of" …), with no bracketed label but a
subject ("(of share prices)"): 提出 "to raise (an issue)" is no rise, 调降 "(Tw) to lower" is
regional, and no other sense of
the word may head with the other direction.  So 发展 (first sense "development"), 成长 ("to
mature") and 生病 ("to fall ill": "ill" is no direction word) are not cues.  Only whole
jieba words are read, never substrings: a derived cue is a word of its own.
"""

from __future__ import annotations

import re
from functools import cache

from qa import lexicons as lx
from qa.meaning_cues import CueRow, EnglishCues, cue_rows

TABLE = "directions.tsv"
#: the particles a phrasal gloss may hold besides its direction words ("to fall back",
#: "to slow down", "to fall short of")
_PARTICLES = frozenset("up down back of off out away by".split())
#: a bracketed subject ("(of prices etc)", "(of water level or share prices)"): it names what
#: changes, so the sense stays a verb of change; any other label (an object, a region) does not
_SUBJECT = re.compile(r"\(of [^()]*\)")


@cache
def english_direction_cues() -> EnglishCues:
    """The English rows of the direction table (one parse per process)."""
    return EnglishCues(cue_rows(TABLE))


@cache
def table_cues() -> frozenset[str]:
    return frozenset(r.cue for r in cue_rows(TABLE) if r.lang == "zh")


def _head_direction(gloss: str) -> str | None:
    """The direction of the English cue a gloss starts with ("to decline; …" → down), or None."""
    text = re.sub(r"^to ", "", lx.strip_gloss(gloss).lower())
    hits = english_direction_cues().find(text)
    if hits and hits[0].start == 0 and hits[0].label in ("up", "down"):
        return hits[0].label
    return None


def _plain_direction(gloss: str) -> str | None:
    """The direction a verb gloss says and nothing else ("to fall short of" → down), or None."""
    gloss = " ".join(_SUBJECT.sub(" ", gloss).split())
    if not gloss.startswith("to ") or "(" in gloss:
        return None
    text = gloss[3:].lower()
    hits = english_direction_cues().find(text)
    labels = {h.label for h in hits}
    if (not hits or hits[0].start != 0 or len(labels) != 1 or not labels <= {"up", "down"}
            or not any(h.strength == "strong" for h in hits)):
        return None
    for tok in lx.tokenize_en(text):
        if tok.text not in _PARTICLES and not any(h.start <= tok.start < h.end for h in hits):
            return None
    return labels.pop()


@cache
def gloss_direction(word: str) -> CueRow | None:
    """A direction cue row for ``word`` from its CC-CEDICT glosses, or None.

    None for a word of the table (the table speaks for it), a single character, a word
    CC-CEDICT lacks, and a word whose first sense is not a plain verb of change.
    """
    if not 2 <= len(word) <= 4 or word in table_cues():
        return None
    cd = lx.cedict()
    if word not in cd:
        return None
    glosses = cd.glosses(word, per_entry=8)
    d = _plain_direction(glosses[0]) if glosses else None
    if d is None or any(_head_direction(g) not in (None, d) for g in glosses):
        return None
    return CueRow("zh", word, d, ("strong", glosses[0]))
