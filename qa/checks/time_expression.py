"""time-expression: a time word whose English says the opposite time.

下半年 rendered "the first half", 年底 "the beginning of the year", 截至 "since",
二季度 "the third quarter": the sentence stays fluent and the date moves.
The table ``qa/data/time_words.tsv`` gives each Chinese time word the English
that renders it and the English that contradicts it (regular expressions on
word boundaries).

A cue is flagged when the English that renders its clause says a
contradicting phrase and no accepted one, and no other time word of the
Chinese accounts for the contradicting phrase (年初 … 年底 in one sentence:
"the beginning" and "the end" are both right).  Sentence-level evidence makes
a major flag, a confidently matched clause window a minor one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from align.model import Pair
from qa.clause_match import document_clauses
from qa.meaning_cues import CueRow, ZhHit, quote, read_table, scopes, zh_substring_cues
from qa.model import Check, Context, Flag

TABLE = "time_words.tsv"


@dataclass(frozen=True)
class TimeWord:
    """A Chinese time word, what it means, and English that renders or contradicts it."""

    zh: str
    meaning: str
    accepted: re.Pattern[str]
    contradicting: re.Pattern[str]


def _alternatives(field: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{a})" for a in field.split(";") if a)
                      + r")(?![\w-])")


@lru_cache(maxsize=1)
def time_words() -> dict[str, TimeWord]:
    """The time-word table, keyed by Chinese cue."""
    return {r[0]: TimeWord(r[0], r[1], _alternatives(r[2]), _alternatives(r[3]))
            for r in read_table(TABLE, 4)}


def zh_time_cues(zh: str, span: tuple[int, int] | None = None) -> list[ZhHit]:
    """Time words of ``zh`` (inside ``span``), longest first, never overlapping."""
    return zh_substring_cues(zh, _time_rows(), span)


@lru_cache(maxsize=1)
def _time_rows() -> tuple[CueRow, ...]:
    return tuple(CueRow("zh", w, "time") for w in time_words())


@dataclass(frozen=True)
class TimeExpressionOptions:
    """``window_severity``: severity when the evidence is only the clause's own English window."""

    window_severity: Literal["minor", "major"] = "minor"


def _check_pair(pair: Pair, ctx: Context, opts: TimeExpressionOptions) -> list[Flag]:
    pc = document_clauses(ctx)[pair.id]
    table = time_words()
    all_cues = zh_time_cues(pair.zh)
    flags = []
    for clause in pc.zh:
        for cue in zh_time_cues(pair.zh, (clause.start, clause.end)):
            word = table[cue.row.cue]
            others = [table[c.row.cue] for c in all_cues if c.row.cue != word.zh]
            for scope in scopes(pc, clause):
                en = pair.en[scope.en_start:scope.en_end]
                low = en.lower()
                if word.accepted.search(low):
                    continue
                bad = [m for m in word.contradicting.finditer(low)
                       if not any(o.accepted.search(m.group()) for o in others)]
                if not bad:
                    continue
                m = bad[0]
                flags.append(TIME_EXPRESSION.flag(
                    pair, f"The Chinese says {word.zh} ({word.meaning}) but the English says "
                          f"'{en[m.start():m.end()]}': the time is different",
                    zh_spans=[(cue.start, cue.end)],
                    en_spans=[(m.start() + scope.en_start, m.end() + scope.en_start)],
                    suggestion=f"Render {word.zh} as {word.meaning} in '{quote(en)}'",
                    severity="major" if scope.sentence else opts.window_severity))
                break
    return flags


def check_time_expression(ctx: Context) -> list[Flag]:
    opts: TimeExpressionOptions = ctx.options_of(TIME_EXPRESSION)
    flags: list[Flag] = []
    for pair in ctx.pairs:
        if pair.zh.strip() and pair.en.strip() and not pair.heading:
            flags += _check_pair(pair, ctx, opts)
    return flags


TIME_EXPRESSION = Check(id="time-expression", category="Accuracy/Mistranslation", severity="major",
                        description="A time word (年底, 上半年, 二季度, 截至, 以来 …) whose English "
                                    "says the opposite time",
                        run=check_time_expression, scope="document",
                        options=TimeExpressionOptions, needs=frozenset({"embedder"}))
CHECKS = [TIME_EXPRESSION]
