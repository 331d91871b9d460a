"""direction: a comparison or change whose English goes the other way.

"同比下降3%" rendered "a year-on-year increase of 3%" keeps every number, so
the numbers check is content; the meaning is reversed.  Cues come from
``qa/data/directions.tsv``: Chinese words of rise and fall, more and less;
English words graded *strong* (increase, decline: unambiguous) and *weak*
(more, improve, cut, ease: they may render a direction but prove nothing).

A Chinese cue of direction d is flagged when the English that renders it
says the other direction with a strong word (not negated: "did not
increase" proves nothing) and has no word, strong or weak, of direction d,
while the Chinese it answers for holds no cue of the other direction itself
(增长放缓 "growth slowed" has both).  Sentence-level evidence (the whole
English) makes a major flag, a confidently matched clause window a minor one.
A cue right after a negator (不低于 "no less than") is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from align.model import Pair
from qa.clause_match import document_clauses
from qa.meaning_cues import (
    EnglishCues,
    ZhHit,
    cue_rows,
    negated_before,
    quote,
    scopes,
    zh_substring_cues,
)
from qa.model import Check, Context, Flag

TABLE = "directions.tsv"
_NUMBER_AFTER = re.compile(r"^.{0,2}[0-9０-９一二两三四五六七八九十百千万半]")
_NEGATORS = "不未没无非"
WORDS = {"up": "a rise or increase", "down": "a fall or decrease"}
EXAMPLES = {"up": "increase / rise / higher / more", "down": "decrease / fall / lower / less"}
#: the opposite of each strong English word, form for form, for the suggestion
_OPPOSITE_PAIRS = """increase decrease|increased decreased|increases decreases|increasing decreasing
rise fall|rises falls|rose fell|risen fallen|rising falling|higher lower|upward downward
grow shrink|grew shrank|growth decline|expand shrink|expanded shrank|expansion contraction
accelerate slow|accelerated slowed|accelerating slowing|acceleration slowdown|widen narrow
widened narrowed|widening narrowing|exceed fall short of|exceeded fell short of|upturn downturn
raise lower|raised lowered|climb drop|climbed dropped|jump drop|jumped dropped|surge plunge
surged plunged|soar plunge|soared plunged|reduce raise|reduced raised|reduction increase
reductions increases|drop rise|dropped rose|declined rose|declines rises|declining rising
slowdown acceleration|decelerate accelerate|decelerated accelerated|dip rise|dipped rose
plunge surge|plunged surged|slump surge|slumped surged|contraction expansion|narrowed widened"""
OPPOSITE = {a: b for pair in _OPPOSITE_PAIRS.replace("\n", "|").split("|")
            for a, b in [pair.split(" ", 1)]}
OPPOSITE.update({b: a for a, b in list(OPPOSITE.items()) if b not in OPPOSITE and " " not in b})


def reversed_sentence(en: str, start: int, end: int) -> str | None:
    """``en`` with the word at [start, end) replaced by its opposite, or None when none is known."""
    word = en[start:end]
    swap = OPPOSITE.get(word.lower())
    if swap is None:
        return None
    if word[:1].isupper():
        swap = swap[:1].upper() + swap[1:]
    return en[:start] + swap + en[end:]


@dataclass(frozen=True)
class DirectionOptions:
    """``window_severity``: severity when only the clause's own English window disagrees
    (the whole English also says the Chinese direction somewhere)."""

    window_severity: Literal["minor", "major"] = "minor"


def zh_direction_cues(zh: str, span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Direction cues of ``zh`` (in ``span``), without negated ones or unnumbered 'number' cues."""
    out = []
    for h in zh_substring_cues(zh, cue_rows(TABLE), span):
        if h.row.kind == "none":
            continue
        if h.start > 0 and zh[h.start - 1] in _NEGATORS:
            continue
        if h.row.extra and h.row.extra[0] == "number" and not _NUMBER_AFTER.match(zh[h.end:]):
            continue
        out.append(h)
    return out


def _en_directions(en: str, cues: EnglishCues) -> tuple[dict[str, list], dict[str, list]]:
    """(any cue by direction, strong non-negated cue by direction) in ``en``."""
    any_dir: dict[str, list] = {"up": [], "down": []}
    strong: dict[str, list] = {"up": [], "down": []}
    for h in cues.find(en):
        if h.label not in any_dir:
            continue  # "fall into", "up to": a direction word that states no change
        any_dir[h.label].append(h)
        if h.strength == "strong" and not negated_before(en, h.start):
            strong[h.label].append(h)
    return any_dir, strong


def _check_pair(pair: Pair, ctx: Context, cues: EnglishCues, opts: DirectionOptions) -> list[Flag]:
    pc = document_clauses(ctx)[pair.id]
    flags = []
    for clause in pc.zh:
        for cue in zh_direction_cues(pair.zh, (clause.start, clause.end)):
            d = cue.row.kind
            other = "down" if d == "up" else "up"
            for scope in scopes(pc, clause):
                zh_part = pair.zh[scope.zh_start:scope.zh_end]
                if any(h.row.kind == other for h in zh_direction_cues(zh_part)):
                    continue
                en = pair.en[scope.en_start:scope.en_end]
                any_dir, strong = _en_directions(en, cues)
                if any_dir[d] or not strong[other]:
                    continue
                said = strong[other][0]
                s, e = said.start + scope.en_start, said.end + scope.en_start
                flags.append(DIRECTION.flag(
                    pair, f"The Chinese says {cue.row.cue} ({WORDS[d]}) but the English says "
                          f"'{said.text}' ({WORDS[other]}): the direction is reversed",
                    zh_spans=[(cue.start, cue.end)], en_spans=[(s, e)],
                    suggestion=_suggestion(pair.en, s, e, cue, d),
                    severity="major" if scope.sentence else opts.window_severity))
                break
            else:
                continue
            break
    return flags


def _suggestion(en: str, start: int, end: int, cue: ZhHit, d: str) -> str:
    fixed = reversed_sentence(en, start, end)
    if fixed is not None:
        cut = fixed.rfind(" ", 0, max(0, start - 30)) + 1
        return ("…" if cut else "") + quote(fixed[cut:], 100)
    return f"Use a word of the same direction as {cue.row.cue} ({EXAMPLES[d]})"


def check_direction(ctx: Context) -> list[Flag]:
    opts: DirectionOptions = ctx.options_of(DIRECTION)
    cues = EnglishCues(cue_rows(TABLE))
    flags: list[Flag] = []
    for pair in ctx.pairs:
        if pair.zh.strip() and pair.en.strip() and not pair.heading:
            flags += _check_pair(pair, ctx, cues, opts)
    return flags


DIRECTION = Check(id="direction", category="Accuracy/Mistranslation", severity="major",
                  description="A comparison or change (高于/低于, 上升/下降, 扩大/缩小 …) "
                              "whose English goes the other way",
                  run=check_direction, scope="document", options=DirectionOptions,
                  needs=frozenset({"embedder"}))
CHECKS = [DIRECTION]
