"""Numbers that differ between the Chinese and the English.

Both sides are reduced to numeric values (万/亿 scaled, 成 and 百分之 as
percentages, ordinals and decades as plain values, ranges with the scale
shared) and compared as sets per pair.  Every number also gets a *strength*,
because Chinese uses numerals where English does not (一些, 统一, 千行百业,
两难, 十一黄金周) and English uses number words freely ("First, …", "one of",
"the two sides"):

* strong — Arabic figures above 10, percentages, scaled amounts, years,
  multi-character Chinese numerals (十八大, 二十): facts.  A missing one is
  **major**: a figure the reader relies on is gone.
* medium — small counts (3家, 第三, 三大产业), days and clock times: usually
  translated but often rephrased ("the third", "on Friday"), so a missing one
  is **minor**.  English figures written with an ordinal suffix (18th) too.
* weak — lone Chinese numerals (两, 三甲, 四梁八柱), approximate amounts (数百),
  the value 1, English number words up to ten, ordinal words, month names,
  English years when the Chinese has no year ("去年" → "in 2018"): they may
  satisfy the other side but are never reported.

A figure missing on one side while a different one appears on the other is
reported once, as changed (major).  Weak counts are compared too, when one side's
count says another value than the other's: a lone numeral before a measure word
(三家医院) against an English cardinal before a word ("two new hospitals"), see
:func:`_changed_counts` (major).  An English figure with no counterpart is
minor: it is more often explicitation than error, and the reviewer sees it.
Options (:class:`NumbersOptions`): ``flag_extra`` (default True),
``min_missing`` / ``min_extra`` — the weakest strength reported ("medium").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from align.cn_numerals import DIGIT_CHARS, UNIT_CHARS, cn_number
from align.model import Pair
from align.script import fullwidth_to_ascii
from qa.model import Check, Context, Flag, Span

Strength = Literal["weak", "medium", "strong"]
_RANK = {"weak": 0, "medium": 1, "strong": 2}


@dataclass(frozen=True)
class Number:
    """A number found in one side of a pair."""

    value: float
    span: Span
    text: str
    strength: Strength
    percent: bool = False
    alts: tuple[float, ...] = ()  # other readings: 80年代 is 80 or 1980; 600至850亿 is 600 or 6e10

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.alts)


# ---------------------------------------------------------------- Chinese side

# Full-width digits and number punctuation are read as ASCII (align.script's table); the
# full-width comma is left alone: in Chinese it separates list items, never thousands.
_FULLWIDTH_NUMBER_CHARS = "０１２３４５６７８９％．～－："
_ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2, "十": 10.0}
# 千 before 米/克/瓦 is the metric prefix (千米 = km), 百 before 分之 a percentage.
_SCALE_PATTERN = r"(万亿|亿|万|千(?![米克瓦卡焦帕赫伏])|百(?!分之))"
_ZH_ARABIC_RE = re.compile(
    r"(?<![.\d])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])\s*(?:多|余)?\s*" + _SCALE_PATTERN + r"?\s*(%)?")
# 11万7015, 7万8千: a figure written in two scaled parts.
_ZH_COMPOUND_RE = re.compile(r"(?<![.\d])(\d+)(万亿|亿|万)(\d+)(千|百)?(?![.\d])")
# The decade that follows a century (21世纪10年代, 20世纪九十年代): the English says "the 2010s".
_DECADE_AFTER_CENTURY_RE = re.compile(r"(?:\d{1,2}0|[一二三四五六七八九]?十)年代")
# "600至850亿", "3-5万": the scale written once applies to both ends.
_ZH_RANGE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:至|到|-|~|—)\s*\d+(?:\.\d+)?\s*(万亿|亿|万|千)")
_ZH_DIGITS = DIGIT_CHARS
_ZH_UNITS = UNIT_CHARS
_ZH_NUMERAL_RE = re.compile(f"[{_ZH_DIGITS}{_ZH_UNITS}]+")
_ZH_PERCENT_RE = re.compile(f"百分之([{_ZH_DIGITS}{_ZH_UNITS}点]+)")
_ZH_FRACTION_RE = re.compile(f"([{_ZH_DIGITS}{_ZH_UNITS}]+|\\d+)分之([{_ZH_DIGITS}{_ZH_UNITS}]+|\\d+)")
# 十四五 / 十三五: the Five-Year Plan shorthand, "14th Five-Year Plan".
_ZH_PLAN_RE = re.compile("(十[一二三四五六七八九])(五)(?![十百千万亿零〇一二三四五六七八九个年])")
# Holidays named by their date: 十一 (National Day), 五一, 六一, 七一, 八一 …
_ZH_HOLIDAY_RE = re.compile(
    "(?:双十一|十一|五一|六一|七一|八一|双11|618)(?=[”」’\"]?(?:黄金周|长假|假期|期间|小长假|国庆|劳动节|"
    "前|后|当天|购物节|大促|$|[，,。、]))")
# 第二天 "the next day", 第二年 "the following year".
_ZH_NEXT_RE = re.compile("第[二两](?=天|日|年|周|个月|次日)|(?<=[‘“\"「])十一(?=[’”\"」])")
# 四五十天 "40 or 50 days": two adjacent digits before a unit are a rough range.
_ZH_ROUGH_RANGE_RE = re.compile("([二三四五六七八九])([三四五六七八九])([十百千万])(?![一二三四五六七八九])")
# Approximate scaled amounts: 十几万 "over 100,000", 几十万, 数百万, 十多亿.
_ZH_APPROX_RE = re.compile(
    "(?:[数几上近逾约]([一二两三四五六七八九]?[十百千])[几多余来]?|([一二两三四五六七八九]?[十百千])[几多余来])(万亿|亿|万)")
# Approximate amounts: 数百, 几十, 上千, 近三成 …
_ZH_VAGUE_BEFORE = set("数几上近成逾约")
_ZH_CLAUSE_START = set("，,。；;：:！？!?、 \n“”\"（(") | {""}


def _cn_value(run: str) -> float | None:
    if run.isdigit():
        return float(run)
    if len(run) == 2 and all(c in _ZH_DIGITS for c in run):
        return None  # 一一, 三三: reduplication, not a figure (longer runs: 二〇二一)
    if run and all(c in _ZH_UNITS for c in run):
        return math.prod(_ZH_SCALE[c] for c in run)  # 百万, 亿: bare units
    value = cn_number(run)
    return None if value is None else float(value)


def zh_numbers(zh: str) -> list[Number]:
    """Numbers in Chinese text, with strengths (see module docstring)."""
    return list(_zh_numbers(zh))


@lru_cache(maxsize=4096)  # pure: the numbers check, number bounds, the QE features and
# time expressions read the same pair's numbers (Numbers are frozen)
def _zh_numbers(zh: str) -> tuple[Number, ...]:
    """Numbers in Chinese text, with strengths (see module docstring)."""
    text = fullwidth_to_ascii(zh, only=_FULLWIDTH_NUMBER_CHARS)
    found: list[Number] = []
    taken = [False] * len(text)

    def add(start: int, end: int, value: float | None, strength: Strength,
            percent: bool = False, alts: tuple[float, ...] = ()) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        if value is None:
            return
        after = text[end:end + 2]
        if after.startswith("月"):
            strength = "medium" if strength == "strong" else strength
        elif after.startswith("世纪") and _DECADE_AFTER_CENTURY_RE.match(text, end + 2):
            strength = "weak"  # 21世纪10年代 is "the 2010s": the century folds into the decade
        elif after.startswith("年代") and value < 100:
            alts = (*alts, 1900 + value, 2000 + value)
        elif after.startswith("年") and value < 1000:
            alts = (*alts, value / 10)  # 70年 → "seven decades"
        elif after.startswith("成") and value <= 10:
            alts = (*alts, value * 10)  # 三成 = 30%
        if value == 1:
            strength = "weak"  # 一 is mostly "a"/"an"; 1小时 is "an hour"
        found.append(Number(value, (start, end), zh[start:end], strength, percent, alts))

    for regex in (_ZH_HOLIDAY_RE, _ZH_NEXT_RE):
        for m in regex.finditer(text):
            add(m.start(), m.end(), None, "weak")
    for m in _ZH_PERCENT_RE.finditer(text):
        add(m.start(), m.end(), _cn_value(m.group(1)), "strong", True)  # 三十九点八: cn_number reads 点
    for m in _ZH_APPROX_RE.finditer(text):
        base = _cn_value(m.group(1) or m.group(2))
        if base:
            add(m.start(), m.end(), base * _ZH_SCALE[m.group(3)], "weak")
    for m in _ZH_ROUGH_RANGE_RE.finditer(text):
        unit = _ZH_SCALE[m.group(3)]
        low, high = _cn_value(m.group(1)), _cn_value(m.group(2))
        if low and high:
            add(m.start(), m.end(), low * unit, "weak", alts=(high * unit,))
    for m in _ZH_FRACTION_RE.finditer(text):
        denominator, numerator = _cn_value(m.group(1)), _cn_value(m.group(2))
        if denominator and numerator is not None:
            add(m.start(), m.end(), denominator, "medium",
                alts=(numerator, numerator / denominator * 100))
    for m in _ZH_COMPOUND_RE.finditer(text):
        second = float(m.group(3)) * (_ZH_SCALE[m.group(4)] if m.group(4) else 1)
        if second < _ZH_SCALE[m.group(2)]:
            add(m.start(), m.end(), float(m.group(1)) * _ZH_SCALE[m.group(2)] + second, "strong")
    range_scale = {m.start(1): _ZH_SCALE[m.group(2)] for m in _ZH_RANGE_RE.finditer(text)}
    for m in _ZH_ARABIC_RE.finditer(text):
        number_end = m.end(2) if m.group(2) else m.end(1)
        glued = (re.search(r"[A-Za-z][-+]?$", text[max(0, m.start() - 2):m.start()])
                 or re.match(r"[A-Za-z]", text[number_end:number_end + 1]))
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(3):
            value *= _ZH_SCALE[m.group(3)]
        end = m.end() if (m.group(3) or m.group(4)) else number_end
        alts = (value * range_scale[m.start()],) if m.start() in range_scale else ()
        if (text[end:end + 1] in "时点日号" and value <= 31) or (value <= 10 and not (m.group(3) or m.group(4))):
            # Clock times, days of the month and small counts are often
            # rephrased ("on Friday", "the doctors"): missing ones are minor.
            strength: Strength = "weak" if glued else "medium"
        else:
            strength = "weak" if glued else "strong"
        add(m.start(), end, value, strength, bool(m.group(4)), alts)
    for m in _ZH_PLAN_RE.finditer(text):
        add(m.start(1), m.end(1), _cn_value(m.group(1)), "strong")
        add(m.start(2), m.end(2), 5.0, "weak")
    for m in _ZH_NUMERAL_RE.finditer(text):
        run, start, end = m.group(), m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        if before in _ZH_VAGUE_BEFORE or all(c in _ZH_UNITS for c in run):
            # 数百, 上千: approximate; 千万 ("by all means"), 百 in 百姓: words.
            add(start, end, _cn_value(run), "weak")
            continue
        if before in _ZH_CLAUSE_START and (after in "、是" or after == "") and len(run) == 1:
            add(start, end, None, "weak")  # 一、 二是: enumeration markers
            continue
        if before == "第":
            if after in "，,、":  # 第二，… : enumeration marker
                add(start - 1, end, None, "weak")
                continue
            value = _cn_value(run)
            add(start - 1, end, value, "strong" if value and value >= 10 else "medium")
            continue
        value = _cn_value(run)
        if after == "大":
            add(start, end + 1, value, "strong" if value and value >= 10 else "medium")
        elif after == "月":
            add(start, end, value, "medium")
        elif len(run) > 1:
            add(start, end, value, "strong")
        else:
            add(start, end, value, "weak")
    return tuple(sorted(found, key=lambda n: n.span))


# ---------------------------------------------------------------- English side

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ORDINAL_UNITS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"])}
_ORDINAL_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"])}
_WEAK_TWO = {"both", "dual", "double", "twice", "twofold", "pair"}
# Words that carry a number without being number words.
_EN_NUMBERISH = {"half": 2.0, "halves": 2.0, "quarter": 4.0, "quarters": 4.0, "decade": 10.0,
                 "century": 100.0, "secondary": 2.0, "tertiary": 3.0, "triple": 3.0,
                 "tenfold": 10.0, "hundredfold": 100.0, "dozen": 12.0, "trio": 3.0}
_EN_NUMBERISH_RE = re.compile(r"\b(" + "|".join(_EN_NUMBERISH) + r")\b", re.IGNORECASE)
_NUMBER_WORD = "|".join(sorted(
    [*_UNITS, *_TENS, *_SCALES, *_ORDINAL_UNITS, *_ORDINAL_TENS, "hundredth", "thousandth",
     "millionth", "dozen"], key=len, reverse=True))
_EN_WORDS_RE = re.compile(
    rf"(?<![\w’'-])(?:(a|an)\s+)?((?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*)(?![\w’'])",
    re.IGNORECASE)
_EN_DIGITS_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th)?(’?s(?![\w]))?(?!\d)"
    r"(?:\s*(%|\s+per\s*cent\b|\s+percent\b)|\s+(thousand|million|billion|trillion)\b(?!s))?",
    re.IGNORECASE)
# "60 to 85 billion": the scale written once applies to both ends.
_EN_RANGE_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:to|-|–|—|and)\s*\d+(?:\.\d+)?\s+(thousand|million|billion|trillion)\b",
    re.IGNORECASE)
_EN_WEAK_TWO_RE = re.compile(r"\b(" + "|".join(_WEAK_TWO) + r")\b", re.IGNORECASE)
# "First, …", "Secondly …", "Finally": discourse markers at a sentence start.
_ENUMERATOR_RE = re.compile(
    r"(?:^|(?<=[.!?;:”\"]\s)|(?<=\n))\s*(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)(?:ly)?\s*,|(one|two|three|four|five|six|seven|eight|nine|ten) is\b)",
    re.IGNORECASE)


def _cores(words: Iterable[str]) -> tuple[str, ...]:
    """The words no other of ``words`` lies inside: a text holding none of them holds none of ``words``."""
    kept = set(words)
    return tuple(sorted(w for w in kept if not any(o != w and o in w for o in kept)))


# what a match of each English pattern must hold, tested as substrings first: most sentences say no
# number word, month or figure, and the patterns' alternations are tried at every position
_NUMBER_WORD_CORES = _cores([*_UNITS, *_TENS, *_SCALES, *_ORDINAL_UNITS, *_ORDINAL_TENS, "hundredth",
                             "thousandth", "millionth", "dozen"])  # the enumerators' words are among these
_WEAK_TWO_CORES = _cores(_WEAK_TWO)
_NUMBERISH_CORES = _cores(_EN_NUMBERISH)
_MONTH_CORES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # as cased
_DIGIT = re.compile(r"\d")
#: letters a case-insensitive pattern matches to an ASCII letter that str.lower() does not make one
#: (the ``re`` docs: İ ı ſ K): a text holding one skips the substring tests
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _parse_words(phrase: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _ORDINAL_UNITS:
            current += _ORDINAL_UNITS[word]
        elif word in _ORDINAL_TENS:
            current += _ORDINAL_TENS[word]
        elif word in ("hundred", "hundredth"):
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES or word in ("thousandth", "millionth"):
            scale = _SCALES.get(word) or (1e3 if word == "thousandth" else 1e6)
            total += (current or 1) * scale
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_MONTHS = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")]) for name in names}
# Capitalised month names and abbreviations; "May" only where it cannot be the modal.
_EN_MONTH_RE = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
    r"|\b(?:in|of|since|last|next|this|early|late|mid|until|by|from|to|and)[\s-]+(May)\b|\b(May)\s+\d")


_EN_TIME_RE = re.compile(r"(?<![\d.:])(\d{1,2}):(\d{2})(?![\d:])")
_EN_ROMAN_RE = re.compile(r"(?<![\w-])(?=[IVXLC]{2,}\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])")


def _roman(numeral: str) -> float | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, c in enumerate(numeral):
        v = values[c]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return float(total) if total else None


def _word_kind(word: str) -> str:
    """The grammatical class of an English number word: unit (zero–nineteen), tens, scale
    (hundred, thousand, dozen…) or ordinal."""
    if word in _UNITS:
        return "unit"
    if word in _TENS:
        return "tens"
    if word in _SCALES or word == "dozen":
        return "scale"
    return "ordinal"


def _number_groups(en: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run of number words ``en[start:end]`` into the numbers it holds.

    English joins number words into one number only after a tens word ("twenty-one") or
    around a scale word ("three hundred", "hundred and five" aside); two units side by side
    ("eight three-armour hospitals": 8 hospitals of the grade 三甲), a unit before a tens
    word, two tens words, or any word after an ordinal are two numbers, never their sum.  A
    unit before an ordinal stays one phrase: a fraction ("one tenth"), read as such below.
    """
    spans = [(start + w.start(), start + w.end()) for w in re.finditer(r"[^\s-]+", en[start:end])]
    groups: list[tuple[int, int]] = []
    prev = ""
    prev_tens_unit = False  # "twenty one" is complete: another unit starts a new number
    for s, e in spans:
        kind = _word_kind(en[s:e].lower())
        joins = bool(groups) and (
            kind == "scale" and prev != "ordinal"
            or prev == "scale" and kind != "scale"
            or prev == "tens" and kind in ("unit", "ordinal") and not prev_tens_unit
            and (kind == "ordinal" or _UNITS[en[s:e].lower()] < 10)
            or prev == "unit" and kind == "ordinal")  # "one tenth", "two fifths": a fraction
        if joins:
            prev_tens_unit = prev == "tens" and kind == "unit"
            groups[-1] = (groups[-1][0], e)
        else:
            prev_tens_unit = False
            groups.append((s, e))
        prev = kind
    return groups


def en_numbers(en: str) -> list[Number]:
    """Numbers in English text, with strengths (see module docstring)."""
    return list(_en_numbers(en))


#: a 12-hour clock marker after an hour figure, with the minutes between ("7 p.m.", "7:30pm", "12 AM")
_EN_CLOCK_RE = re.compile(r"(?::[0-5]\d)?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure: the numbers check, number bounds, the QE features and
# time expressions read the same pair's numbers (Numbers are frozen)
def _en_numbers(en: str) -> tuple[Number, ...]:
    """Numbers in English text, with strengths (see module docstring)."""
    found: list[Number] = []
    taken = [False] * len(en)

    def add(start: int, end: int, value: float | None, strength: Strength,
            percent: bool = False, alts: tuple[float, ...] = (), allow_one: bool = False) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        if value is None or (value == 1 and not en[start].isdigit() and not allow_one):
            return
        if re.match(r"\s+decades?\b", en[end:]):
            alts = (*alts, value * 10)
        if value == int(value) and 1 <= value <= 12 and (clock := _EN_CLOCK_RE.match(en, end)):
            # "7 p.m." is 19时 and "7:30 p.m." 19时30分; "12 a.m." is midnight, 0时 or 24时
            if clock.group(1).lower().startswith("p") and value < 12:
                alts = (*alts, value + 12)
            elif clock.group(1).lower().startswith("a") and value == 12:
                alts = (*alts, 0.0, 24.0)
        found.append(Number(value, (start, end), en[start:end], strength, percent, alts))

    low, odd = en.lower(), _ODD_CASE.search(en) is not None
    words = odd or any(c in low for c in _NUMBER_WORD_CORES)
    digits = _DIGIT.search(en) is not None
    for m in _ENUMERATOR_RE.finditer(en) if words else ():
        word = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        add(start, start + len(word), None, "weak")
    for m in _EN_TIME_RE.finditer(en) if digits else ():
        add(m.start(1), m.end(1), float(m.group(1)), "medium")
        add(m.start(2), m.end(2), float(m.group(2)) or None, "weak")
    for m in _EN_ROMAN_RE.finditer(en):
        add(m.start(), m.end(), _roman(m.group()), "weak")
    for m in _EN_MONTH_RE.finditer(en) if any(c in en for c in _MONTH_CORES) else ():
        index = next(i for i, g in enumerate(m.groups(), 1) if g)
        add(m.start(index), m.end(index), float(_MONTHS[m.group(index).lower()]), "weak", allow_one=True)
    range_scale = {m.start(1): _SCALES[m.group(2).lower()] for m in _EN_RANGE_RE.finditer(en)} if digits else {}
    for m in _EN_DIGITS_RE.finditer(en) if digits else ():
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(6):
            value *= _SCALES[m.group(6).lower()]
        glued = (re.search(r"[A-Za-z][-+]?$", en[max(0, m.start() - 2):m.start()])
                 or re.match(r"[A-Za-z]", en[m.end(2) if m.group(2) else m.end(1):][:1]) and not m.group(3)
                 and not m.group(4))
        alts: tuple[float, ...] = ()
        if m.group(4):  # 1980s / 80s: a decade
            alts = (value % 100,) if value >= 1000 else (1900 + value, 2000 + value)
        if m.start() in range_scale:
            alts = (*alts, value * range_scale[m.start()])
        strength: Strength = "weak" if glued else "medium" if m.group(3) else "strong"
        add(m.start(), m.end(), value, strength, bool(m.group(5)), alts)
    for m in _EN_WORDS_RE.finditer(en) if words else ():
        for k, (g_start, g_end) in enumerate(_number_groups(en, m.start(2), m.end(2))):
            phrase = en[g_start:g_end]
            words = re.split(r"[\s-]+", phrase.lower())
            article = m.group(1) if k == 0 else None
            start = m.start(1) if article and (words[0] in _SCALES or words[0] == "dozen") else g_start
            after = en[g_end:g_end + 4].lower()
            if words[-1] in _SCALES and (after.startswith(("s", " of"))):
                add(start, g_end + (1 if after.startswith("s") else 0), _SCALES[words[-1]], "weak")
                continue  # "hundreds of": vague
            if words[-1] == "dozen" and after.startswith("s"):
                add(start, g_end + 1, 12.0, "weak")
                continue
            if words[-1] == "second" and re.match(r"s\b", en[g_end:]):
                continue
            ordinal = words[-1] in _ORDINAL_UNITS or words[-1] in _ORDINAL_TENS or words[-1].endswith("th")
            if ordinal and len(words) > 1 and words[-2] in _UNITS:
                # "one tenth", "two thirds": a fraction; keep the denominator.
                add(start, g_end, _parse_words(words[-1]), "weak", alts=(float(_UNITS[words[-2]]),))
                continue
            value = _parse_words(phrase)
            # Small counts and ordinals are often added by translators ("the two
            # sides", "the second half"): they satisfy a Chinese number but are
            # not reported as extra.
            weak = ordinal or (value is not None and value <= 10)
            add(start, g_end, value, "weak" if weak else "medium", allow_one=True)
    for m in _EN_WEAK_TWO_RE.finditer(en) if odd or any(c in low for c in _WEAK_TWO_CORES) else ():
        add(m.start(), m.end(), 2.0, "weak")
    for m in _EN_NUMBERISH_RE.finditer(en) if odd or any(c in low for c in _NUMBERISH_CORES) else ():
        value = _EN_NUMBERISH[m.group().lower()]
        alts = (100 / value,) if m.group().lower() in ("half", "quarter") else ()
        add(m.start(), m.end(), value, "weak", alts=alts)
    return tuple(sorted(found, key=lambda n: n.span))


# ---------------------------------------------------------------- comparison

def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


_EN_RELATIVE_YEAR_RE = re.compile(r"\b(?:this|last|next|the same|that|the following|the previous) year\b",
                                  re.IGNORECASE)


def same_number(a: Number, b: Number) -> bool:
    """Whether two numbers (one of each side, or two of one) can be the same figure: any of their
    readings agree (80年代 is 80 or 1980, "7 p.m." 7 or 19)."""
    return any(_same(x, y) for x in a.values for y in b.values)


def _is_year(n: Number) -> bool:
    return (n.text[:4].isdigit() and 1900 <= n.value <= 2100 and n.value == int(n.value)
            and not n.percent)


def _show(n: Number) -> str:
    """The number as written, plus its value when that is not obvious."""
    value = int(n.value) if n.value == int(n.value) else n.value
    written = f"“{n.text}”"
    if n.text.replace(",", "").rstrip("%") == str(value):
        return written
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{written} (= {shown}{'%' if n.percent else ''})"


def _plain(n: Number) -> str:
    value = int(n.value) if n.value == int(n.value) else n.value
    return str(value) + ("%" if n.percent else "")


@dataclass(frozen=True)
class NumbersOptions:
    #: report English figures with no counterpart in the Chinese
    flag_extra: bool = True
    #: the weakest strength reported when missing from the English / extra in it
    min_missing: Strength = "medium"
    min_extra: Strength = "medium"


def check_numbers(pair: Pair, ctx: Context) -> list[Flag]:
    if not pair.zh.strip() or not pair.en.strip():
        return []  # an unaligned side is the aligner's finding, not a number problem
    options = ctx.options_of(NUMBERS)
    zh_nums, en_nums = zh_numbers(pair.zh), en_numbers(pair.en)
    if _EN_RELATIVE_YEAR_RE.search(pair.en):
        # "2019年" → "this year": the year is carried by a phrase.
        zh_nums = [replace(n, strength="weak") if _is_year(n) else n for n in zh_nums]
    if not any(_is_year(n) for n in zh_nums):
        # "去年" → "in 2018", "the 2019 G20 summit": translators make years
        # explicit; an added year is only suspicious when the source has one.
        en_nums = [replace(e, strength="weak") if _is_year(e) else e for e in en_nums]
    missing = [n for n in zh_nums
               if _RANK[n.strength] >= _RANK[options.min_missing]
               and not any(same_number(n, e) for e in en_nums)]
    extra = [e for e in en_nums
             if options.flag_extra and _RANK[e.strength] >= _RANK[options.min_extra]
             and not any(same_number(e, n) for n in zh_nums)]
    missing = _dedupe(missing)
    extra = _dedupe(extra)
    flags: list[Flag] = []
    # A figure missing on one side and a different one on the other, in the
    # same order, is most likely one figure changed.
    while missing and extra:
        z, e = missing.pop(0), extra.pop(0)
        flags.append(NUMBERS.flag(
            pair, f"Number differs: the Chinese has {_show(z)} but the English has {_show(e)}.",
            zh_spans=(z.span,), en_spans=(e.span,), suggestion=_plain(z)))
    flags += _changed_counts(pair, zh_nums, en_nums)
    for z in missing:
        # graded: only a strong figure (a percentage, an amount) missing is major
        flags.append(NUMBERS.flag(
            pair, f"Number {_show(z)} in the Chinese is missing from the English.",
            zh_spans=(z.span,), severity="major" if z.strength == "strong" else "minor"))
    for e in extra:
        # graded: an added figure is a lesser finding than a changed or missing one
        flags.append(NUMBERS.flag(
            pair, f"Number {_show(e)} in the English has no counterpart in the Chinese.",
            en_spans=(e.span,), severity="minor"))
    return flags


#: the lone numerals that may count something (一 is mostly "a")
_COUNT_NUMERALS = frozenset("二两三四五六七八九")
#: what may not stand before a counting numeral: another numeral, 第 (an ordinal) or a vague
#: word (近三家 "nearly three")
_NOT_BEFORE_COUNT = frozenset(f"{_ZH_DIGITS}{_ZH_UNITS}第数几上近成逾约每")
#: an English cardinal from two to ten before a word: a count of something ("two new hospitals")
_COUNT_WORD = {v: w for w, v in _UNITS.items()}
_EN_COUNT_RE = re.compile(r"(?<![\w’'-])(two|three|four|five|six|seven|eight|nine|ten)(?=[ -][a-z])",
                          re.IGNORECASE)


def _changed_counts(pair: Pair, zh_nums: list[Number], en_nums: list[Number]) -> list[Flag]:
    """A count changed in words: 三家医院 → "two new hospitals".

    Lone numerals and small number words are weak (never reported on their own: 一些, "one of",
    "the two sides"), so a count rendered as another count went unseen.  Here a lone numeral
    before a measure word (:func:`qa.lexicons.measure_words`, from CC-CEDICT) is a count, and
    an English cardinal before a word is one.  When exactly one Chinese count has no English
    number of its value and exactly one English count has no Chinese number of its value,
    one count was changed.
    """
    from qa import lexicons as lx

    zh = pair.zh
    zh_counts = [n for n in zh_nums if n.text in _COUNT_NUMERALS
                 and zh[n.span[1]:n.span[1] + 1] in lx.measure_words()
                 and zh[n.span[0] - 1:n.span[0]] not in _NOT_BEFORE_COUNT]
    if not zh_counts:
        return []
    zh_lost = [z for z in zh_counts if not any(same_number(z, e) for e in en_nums)]
    en_counts = {m.span(1) for m in _EN_COUNT_RE.finditer(pair.en)}
    en_new = [e for e in en_nums if e.span in en_counts and not any(same_number(e, z) for z in zh_nums)]
    if len(zh_lost) != 1 or len(en_new) != 1:
        return []
    (z,), (e,) = zh_lost, en_new
    counted = pair.zh[z.span[0]:z.span[1] + 1]
    return [NUMBERS.flag(
        pair, f"Count differs: the Chinese counts {int(z.value)} ('{counted}') but the English says "
              f"'{e.text}'.", zh_spans=(z.span,), en_spans=(e.span,),
        suggestion=f"'{_COUNT_WORD[int(z.value)]}'")]


def _dedupe(numbers: list[Number]) -> list[Number]:
    """One flag per value: the same missing figure twice is one finding."""
    seen: list[float] = []
    kept = []
    for n in numbers:
        if not any(_same(n.value, s) for s in seen):
            seen.append(n.value)
            kept.append(n)
    return kept


NUMBERS = Check(id="numbers", category="Locale/Number", severity="major",
                description="Numbers (figures, percentages, 万/亿 amounts, years, ordinals) that are "
                            "missing, added or changed in the English.",
                run=check_numbers, options=NumbersOptions)
CHECKS = [NUMBERS]
