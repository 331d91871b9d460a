"""Approximate quantities whose English states the opposite bound.

20多个省份 is "more than 20 provinces"; "nearly 20 provinces" keeps the
figure, so the numbers check is content, and says the count is below 20.
逾400 rendered "fewer than 400", 近5000 rendered "over 5,000": the same.
The qualifiers come from ``qa/data/number_bounds.tsv`` (more / less / about;
before or after the figure on either side).

A figure is read on both sides with the numbers check's readers
(``qa.checks.numbers``, which reads Chinese numerals with
``align.cn_numerals``); a Chinese figure with a *more* or *less* qualifier is
in conflict when every English figure of the same value carries the
opposite one, and no other Chinese figure of that value is qualified the
English way or left bare (近20 … 20多 in one sentence: both are right).
"about", an unqualified figure and a figure absent from the English prove
nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from qa.checks.numbers import Number, en_numbers, zh_numbers
from qa.meaning_cues import read_table

TABLE = "number_bounds.tsv"
#: what each bound means, for messages
MEANING = {"more": "more than", "less": "under or close to", "about": "about"}
#: the English a suggestion offers for each Chinese bound
SAY = {"more": "more than", "less": "nearly"}
OPPOSITE = {"more": "less", "less": "more"}
#: measure words that may stand between a figure and a following qualifier (400个以上, 10年以上)
_MEASURE = "个家项人名件次座所位款种条批户台辆吨元岁年月天日周倍只套部本篇场届期级"
#: 近 before these is "the past N years/months/days" (近10年), a time, not "nearly"
_TIME_UNIT = re.compile(r"^(?:[年月天日周]|个月|个星期|星期)")
#: characters before 近 that make a different word (最近 "recently", 附近 "nearby")
_NOT_NEAR = "最附靠邻贴亲将接"
#: English units of time: "over 10 years" may be "during", "under 5 days" is plain
_EN_TIME = re.compile(r"^\s+(?:years?|months?|days?|weeks?|decades?|hours?|centuries|century)\b",
                      re.IGNORECASE)
#: a negator up to two words before an English qualifier ("not exceeding", "must not be less than")
_NEGATED = re.compile(r"(?:\bnot|\bno|\bnever|n't)(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE)
_CURRENCY = r"(?:\s*(?:\$|us\$|rmb|usd|cny|yuan|€|£|¥|￥))?\s*"


@dataclass(frozen=True)
class Qualified:
    """A figure and the bound its qualifier gives it ("" when it has none)."""

    number: Number
    bound: str
    span: tuple[int, int]  # figure and qualifier together
    text: str


@dataclass(frozen=True)
class BoundConflict:
    """A Chinese figure and the English figure that states the opposite bound."""

    zh: Qualified
    en: Qualified
    suggestion: str


@cache
def _rows() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(lang, position) → [(cue, bound)], longest cue first."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for lang, cue, bound, position, *_ in read_table(TABLE, 4):
        out.setdefault((lang, position), []).append((cue, bound))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out


@cache
def _en_before() -> re.Pattern[str]:
    alts = "|".join(re.escape(c) for c, _ in _rows()[("en", "before")])
    return re.compile(rf"(?<![\w-])({alts}){_CURRENCY}$", re.IGNORECASE)


@cache
def _en_after() -> re.Pattern[str]:
    alts = "|".join(re.escape(c) for c, _ in _rows()[("en", "after")] if c not in ("odd", "plus"))
    return re.compile(rf"^(?:\s*-\s*(odd|plus)\b|(\+)|\s+({alts})\b)", re.IGNORECASE)


@cache
def zh_bound_words() -> frozenset[str]:
    """The Chinese qualifiers that stand before a figure and bound it above or below (超过, 高于, 不足,
    不到 …): before a figure they say a bound, not a change (the direction check reads them so)."""
    return frozenset(c for c, b in _rows()[("zh", "before")] if b in ("more", "less"))


def _bound_of(lang: str, position: str, cue: str) -> str:
    return next(b for c, b in _rows()[(lang, position)] if c == cue.lower())


def zh_qualified(zh: str) -> list[Qualified]:
    """Chinese figures with the bound of their qualifier."""
    out = []
    for n in zh_numbers(zh):
        s, e = n.span
        bound, qs, qe = "", s, e
        for cue, b in _rows()[("zh", "before")]:
            if zh.endswith(cue, 0, s):
                at = s - len(cue)
                if cue == "近" and (_TIME_UNIT.match(zh[e:]) or (at > 0 and zh[at - 1] in _NOT_NEAR)):
                    break
                bound, qs = b, at
                break
        if not bound:
            rest = zh[e:]
            for cue, b in _rows()[("zh", "after")]:
                if rest.startswith(cue):
                    bound, qe = b, e + len(cue)
                    break
                if cue not in ("多", "余", "来") and rest[:1] and rest[0] in _MEASURE and rest.startswith(cue, 1):
                    bound, qe = b, e + 1 + len(cue)
                    break
        if n.value < 2 and not n.percent:
            continue  # 一 is mostly "a", 统一多元 is no "more than one"
        out.append(Qualified(n, bound, (qs, qe), zh[qs:qe]))
    return out


def en_qualified(en: str) -> list[Qualified]:
    """English figures with the bound of the approximator before or after them."""
    out = []
    for n in en_numbers(en):
        s, e = n.span
        bound, qs, qe = "", s, e
        m = _en_before().search(en[:s])
        if m and _NEGATED.search(en[:m.start(1)]):
            pass  # "not exceeding 3.67%", "never more than": the bound is turned round
        elif m and not (m.group(1).lower() in ("over", "under") and _EN_TIME.match(en[e:])):
            bound, qs = _bound_of("en", "before", m.group(1)), m.start(1)
        else:
            a = _en_after().match(en[e:])
            if a:
                word = a.group(1) or a.group(2) or a.group(3)
                bound = "more" if word == "+" else _bound_of("en", "after", word)
                qe = e + a.end()
        out.append(Qualified(n, bound, (qs, qe), en[qs:qe]))
    return out


def _same_value(a: Number, b: Number) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9) for x in a.values for y in b.values)


def bound_conflicts(zh: str, en: str) -> list[BoundConflict]:
    """Chinese figures qualified more/less whose English figures all say the opposite."""
    zq = zh_qualified(zh)
    if not any(z.bound in OPPOSITE for z in zq):
        return []  # the English figures are read only for a Chinese figure with a bound to turn round
    eq = en_qualified(en)
    out = []
    for z in zq:
        if z.bound not in OPPOSITE:
            continue
        same_en = [e for e in eq if _same_value(z.number, e.number)]
        if not same_en or any(e.bound != OPPOSITE[z.bound] for e in same_en):
            continue
        twins = [o for o in zq if o is not z and _same_value(z.number, o.number)]
        if any(o.bound in ("", "about", OPPOSITE[z.bound]) for o in twins):
            continue
        e = same_en[0]
        out.append(BoundConflict(z, e, _suggest(en, e, z.bound)))
    return out


def _suggest(en: str, e: Qualified, bound: str) -> str:
    figure = en[e.number.span[0]:e.number.span[1]]
    if e.span[0] < e.number.span[0]:  # the qualifier stands before the figure: swap it
        before = en[e.span[0]:e.number.span[0]]
        word = _en_before().search(before)
        rest = before[word.end(1):] if word else " "
        return f"'{SAY[bound]}{rest}{figure}'"
    return f"'{SAY[bound]} {figure}'"
