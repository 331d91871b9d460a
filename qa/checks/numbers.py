"""Numbers that differ between the Chinese and the English.

Both sides are reduced to numeric values (万/亿 scaled, percentages and
ordinals as plain values) and compared as sets per pair.  Every number also
gets a *strength*, because Chinese uses numerals in many places English does
not (一些, 统一, 千行百业, 两难) and English uses number words as discourse
markers ("First, …", "one of"):

* strong — Arabic figures, percentages, years, multi-character Chinese
  numerals (十八, 二十): facts; missing ones are major.
* medium — ordinals and "N大" counts (第三, 三大产业), English number words:
  usually translated; missing or extra ones are minor.
* weak — a lone Chinese numeral (两, 三甲, 四梁八柱), approximate amounts:
  may satisfy an English number but is never demanded.

The value 1 is ignored unless written in digits: 一 and "one"/"a" are far
more often articles and idioms than counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from align.model import Pair
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


# ---------------------------------------------------------------- Chinese side

_FULLWIDTH = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")
_ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_ZH_ARABIC_RE = re.compile(
    r"(?<![A-Za-z\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z\d])\s*(万亿|亿|万|千|百)?\s*(%)?")
_ZH_DIGITS = "零〇一二三四五六七八九两"
_ZH_UNITS = "十百千万亿"
_ZH_NUMERAL_RE = re.compile(f"[{_ZH_DIGITS}{_ZH_UNITS}]+")
_ZH_PERCENT_RE = re.compile(f"百分之([{_ZH_DIGITS}{_ZH_UNITS}点]+)")
# 十四五 / 十三五: the Five-Year Plan shorthand, "14th Five-Year Plan".
_ZH_PLAN_RE = re.compile("(十[一二三四五六七八九])(五)(?=规划|时期|期间|”|\"|」|$|[^十百千万亿零〇一二三四五六七八九])")
# Approximate amounts: 数百, 几十, 上千, 成千上万 …
_ZH_VAGUE_BEFORE = set("数几上近成余")
_ZH_CLAUSE_START = set("，,。；;：:！？!?、 \n“”\"（(") | {""}


def _cn_value(run: str) -> float | None:
    import cn2an  # lazy: 0.2 s import

    if run and all(c in _ZH_DIGITS for c in run) and len(run) > 1:
        if len(run) < 3:  # 一一, 三三: reduplication, not a figure
            return None
        return float("".join(str("零一二三四五六七八九".index(c)) if c in "零一二三四五六七八九"
                             else ("0" if c == "〇" else "2") for c in run))
    try:
        value = cn2an.cn2an(run, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def zh_numbers(zh: str) -> list[Number]:
    """Numbers in Chinese text, with strengths (see module docstring)."""
    text = zh.translate(_FULLWIDTH)
    found: list[Number] = []
    taken = [False] * len(text)

    def add(start: int, end: int, value: float | None, strength: Strength, percent: bool = False) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        if value is None or (value == 1 and not text[start].isdigit()):
            return
        found.append(Number(value, (start, end), zh[start:end], strength, percent))

    for m in _ZH_PERCENT_RE.finditer(text):
        add(m.start(), m.end(), _cn_value(m.group(1).replace("点", "点")), "strong", True)
    for m in _ZH_ARABIC_RE.finditer(text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(3):
            value *= _ZH_SCALE[m.group(3)]
        end = m.end() if (m.group(3) or m.group(4)) else m.end(2) if m.group(2) else m.end(1)
        add(m.start(), end, value, "strong", bool(m.group(4)))
    for m in _ZH_PLAN_RE.finditer(text):
        add(m.start(1), m.end(1), _cn_value(m.group(1)), "strong")
        add(m.start(2), m.end(2), 5.0, "weak")
    for m in _ZH_NUMERAL_RE.finditer(text):
        run, start, end = m.group(), m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        if all(c in _ZH_UNITS for c in run):
            # 千万 ("by all means"), 百 in 百姓, 万 in 万物: units alone are words.
            add(start, end, None, "weak")
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
        if before in _ZH_VAGUE_BEFORE:
            add(start, end, _cn_value(run), "weak")
            continue
        value = _cn_value(run)
        if after == "大":
            add(start, end + 1, value, "strong" if value and value >= 10 else "medium")
        elif len(run) > 1:
            add(start, end, value, "strong")
        else:
            add(start, end, value, "weak")
    return sorted(found, key=lambda n: n.span)


# ---------------------------------------------------------------- English side

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ORDINAL_UNITS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_ORDINAL_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())}
_WEAK_TWO = {"both", "dual", "double", "twice", "twofold", "pair"}
_NUMBER_WORD = "|".join(sorted(
    [*_UNITS, *_TENS, *_SCALES, *_ORDINAL_UNITS, *_ORDINAL_TENS, "hundredth", "thousandth",
     "millionth", "dozen"], key=len, reverse=True))
_EN_WORDS_RE = re.compile(
    rf"(?<![\w’'-])(?:(a|an)\s+)?((?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*)(?![\w’'])",
    re.IGNORECASE)
_EN_DIGITS_RE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th)?(?![\w])"
    r"(?:\s*(%|\s+per\s*cent\b|\s+percent\b)|\s+(thousand|million|billion|trillion)\b(?!s))?",
    re.IGNORECASE)
_EN_WEAK_TWO_RE = re.compile(r"\b(" + "|".join(_WEAK_TWO) + r")\b", re.IGNORECASE)
# "First, …", "Secondly …", "Finally": discourse markers at a sentence start.
_ENUMERATOR_RE = re.compile(
    r"(?:^|(?<=[.!?;:”\"]\s)|(?<=\n))\s*(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)(?:ly)?\s*,|(one|two|three|four|five|six|seven|eight|nine|ten) is\b)",
    re.IGNORECASE)


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


def en_numbers(en: str) -> list[Number]:
    """Numbers in English text, with strengths (see module docstring)."""
    found: list[Number] = []
    taken = [False] * len(en)

    def add(start: int, end: int, value: float | None, strength: Strength, percent: bool = False) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        if value is None or (value == 1 and not en[start].isdigit()):
            return
        found.append(Number(value, (start, end), en[start:end], strength, percent))

    for m in _ENUMERATOR_RE.finditer(en):
        word = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        add(start, start + len(word), None, "weak")
    for m in _EN_DIGITS_RE.finditer(en):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(5):
            value *= _SCALES[m.group(5).lower()]
        add(m.start(), m.end(), value, "strong", bool(m.group(4)))
    for m in _EN_WORDS_RE.finditer(en):
        phrase = m.group(2)
        first = re.split(r"[\s-]+", phrase.lower())[0]
        start = m.start(1) if m.group(1) and (first in _SCALES or first == "dozen") else m.start(2)
        last = re.split(r"[\s-]+", phrase.lower())[-1]
        after = en[m.end():m.end() + 4].lower()
        if last in _SCALES and (after.startswith("s") or after.startswith(" of")):
            add(start, m.end(), None, "weak")  # "hundreds of", "a million of"? vague
            continue
        if last == "second" and re.match(r"s\b", en[m.end():]):
            continue
        value = _parse_words(phrase)
        add(start, m.end(), value, "medium")
    for m in _EN_WEAK_TWO_RE.finditer(en):
        add(m.start(), m.end(), 2.0, "weak")
    return sorted(found, key=lambda n: n.span)


# ---------------------------------------------------------------- comparison

def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


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


# ctx.options["numbers"] may override these.  min_missing/min_extra are the
# weakest strength that is reported when missing/extra.
DEFAULT_OPTIONS = MappingProxyType({"flag_extra": True, "min_missing": "medium", "min_extra": "medium"})


def check_numbers(pair: Pair, ctx: Context) -> list[Flag]:
    if not pair.zh.strip() or not pair.en.strip():
        return []  # an unaligned side is the aligner's finding, not a number problem
    options = {**DEFAULT_OPTIONS, **ctx.options.get("numbers", {})}
    zh_nums, en_nums = zh_numbers(pair.zh), en_numbers(pair.en)
    missing = [n for n in zh_nums
               if _RANK[n.strength] >= _RANK[str(options["min_missing"])]
               and not any(_same(n.value, e.value) for e in en_nums)]
    extra = [e for e in en_nums
             if options["flag_extra"] and _RANK[e.strength] >= _RANK[str(options["min_extra"])]
             and not any(_same(e.value, n.value) for n in zh_nums)]
    missing = _dedupe(missing)
    extra = _dedupe(extra)
    flags: list[Flag] = []
    # A figure missing on one side and a different one on the other, in the
    # same order, is most likely one figure changed.
    while missing and extra:
        z, e = missing.pop(0), extra.pop(0)
        flags.append(Flag(
            check="numbers", category="Locale/Number", severity="major",
            message=f"Number differs: the Chinese has {_show(z)} but the English has {_show(e)}.",
            pair_id=pair.id, zh=pair.zh, en=pair.en, zh_spans=(z.span,), en_spans=(e.span,),
            suggestion=_plain(z)))
    for z in missing:
        flags.append(Flag(
            check="numbers", category="Locale/Number",
            severity="major" if z.strength == "strong" else "minor",
            message=f"Number {_show(z)} in the Chinese is missing from the English.",
            pair_id=pair.id, zh=pair.zh, en=pair.en, zh_spans=(z.span,)))
    for e in extra:
        flags.append(Flag(
            check="numbers", category="Locale/Number", severity="minor",
            message=f"Number {_show(e)} in the English has no counterpart in the Chinese.",
            pair_id=pair.id, zh=pair.zh, en=pair.en, en_spans=(e.span,)))
    return flags


def _dedupe(numbers: list[Number]) -> list[Number]:
    """One flag per value: the same missing figure twice is one finding."""
    seen: list[float] = []
    kept = []
    for n in numbers:
        if not any(_same(n.value, s) for s in seen):
            seen.append(n.value)
            kept.append(n)
    return kept


CHECKS = [
    Check(id="numbers", category="Locale/Number", severity="major",
          description="Numbers (figures, percentages, 万/亿 amounts, years, ordinals) that are "
                      "missing, added or changed in the English.",
          run=check_numbers),
]
