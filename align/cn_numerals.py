"""Chinese numerals as numbers: 十八 → 18, 一万二 → 12000, 1.2亿 → 120000000.

Both the aligner (numbers shared across sides are anchors) and the numbers
check read Chinese numerals.  This was cn2an's "smart" mode, but importing
cn2an costs about half a second per process (it pulls in a masking library
and compiles hundreds of regular expressions), which is a tenth of a whole
``zhen align`` run on a chapter.  The grammar is small enough to own:

* digits 零〇一二三四五六七八九 and 两, units 十百千 within a section, and
  the section units 万 and 亿 (亿 may follow 万: 万亿 = 10^12);
* a leading 十 means 一十 (十八 = 18);
* the colloquial short form: a digit after a unit of a hundred or more
  takes the next lower unit (三百五 = 350, 一万二 = 12000), unless a 零
  stands between (一百零五 = 105);
* a run of bare digits is read digit by digit (二〇二一 = 2021);
* 点 starts a decimal fraction read digit by digit (三点一四 = 3.14);
* Arabic digits followed by units (3万, 1.2亿, 5千万).

Anything else (万 alone, 十百, 五万万, 三三十) is not a number: None.  The
tests check every reading against cn2an where cn2an is installed.

:func:`cn_numerals_to_digits` rewrites the numerals inside a text (years
digit by digit, months as their English names) for the aligner, which
compares the numbers of a Chinese sentence with those of an English one.
"""

from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_SECTION_UNITS = {"万": 10**4, "亿": 10**8}
#: the characters a Chinese numeral is written with, for finding numerals in text
DIGIT_CHARS = "".join(_DIGITS)
UNIT_CHARS = "".join(_SMALL_UNITS) + "".join(_SECTION_UNITS)
_ARABIC_SCALED = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]+)")
# 二〇二一年: a year written digit by digit
_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
# 十八, 三十, 一百二十: a numeral run of two characters or more (those without
# a unit character are left alone)
_NUMERAL_RUN = re.compile(r"[零一二三四五六七八九十百千万两]{2,}")
_MONTH = re.compile(r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


def cn_int(run: str) -> int | None:
    """The integer a Chinese numeral writes, or None when it is not one."""
    if not run:
        return None
    if all(c in _DIGITS for c in run):
        return int("".join(str(_DIGITS[c]) for c in run))
    total = 0  # everything before the last 亿, already scaled
    wan = 0  # the part before 万 inside the current 亿 section, scaled
    section = 0  # the part below 万
    number = None  # a digit waiting for its unit
    small = 10**5  # the last small unit of this section (must decrease)
    prev_unit = 0  # the unit just before a trailing digit, for 三百五
    zero = False  # a 零 since the last unit
    seen_wan = False
    for c in run:
        if c in _DIGITS:
            d = _DIGITS[c]
            if number is not None and number != 0 and d != 0:
                return None  # 三三十: two digits, one unit
            if d == 0:
                zero = True
                number = None
                continue
            number = d
        elif c in _SMALL_UNITS:
            u = _SMALL_UNITS[c]
            if u >= small:
                return None  # 十百, 百百
            if number is None:
                if u != 10:
                    return None  # 百 or 千 with no digit before it
                number = 1  # 十八 = 一十八; 一千零十 = 1010
            section += number * u
            number, small, prev_unit, zero = None, u, u, False
        elif c == "万":
            if seen_wan:
                return None  # 五万万
            part = section + (number or 0)
            if part == 0:
                return None  # 万 with nothing before it
            wan = part * 10**4
            section, number, small, prev_unit, zero = 0, None, 10**5, 10**4, False
            seen_wan = True
        elif c == "亿":
            part = wan + section + (number or 0)
            if part == 0 and not total:
                return None
            total = (total + part) * 10**8
            wan = section = 0
            number, small, prev_unit, zero, seen_wan = None, 10**5, 10**8, False, False
        else:
            return None
    if number is not None:
        if prev_unit >= 100 and not zero:
            number *= prev_unit // 10  # 三百五, 一万二
        section += number
    return total + wan + section


def cn_number(text: str) -> int | float | None:
    """A Chinese or Arabic-with-units number: int when whole, float with a fraction."""
    text = text.strip()
    if not text:
        return None
    m = _ARABIC_SCALED.fullmatch(text)
    if m:
        scale = 1
        for c in m.group(2):
            scale *= _SMALL_UNITS.get(c) or _SECTION_UNITS[c]
        value = Decimal(m.group(1)) * scale  # exact: 1.2亿 is 120000000, not 1.2e8 rounded
        return int(value) if value == value.to_integral_value() else float(value)
    if text.isdigit():
        return int(text)
    head, dot, tail = text.partition("点")
    whole = cn_int(head) if head else None
    if whole is None:
        return None
    if not dot:
        return whole
    if not tail or not all(c in _DIGITS and c != "两" for c in tail):
        return None
    return float(f"{whole}." + "".join(str(_DIGITS[c]) for c in tail))


def cn_numerals_to_digits(text: str) -> str:
    """``text`` with its Chinese numerals as Arabic digits and its months as
    English names, so 十八大 can meet "18th", 二〇二一年 "2021" and 5月 "May".

    Years (four digits before 年) are read digit by digit; a month (5月,
    十二月) becomes its English name between spaces; other numeral runs are
    read by :func:`cn_int` when they hold a unit character.  Runs of bare
    digits (一一) and 千万 ("by all means") are not quantities and stay.
    """
    text = _YEAR.sub(lambda m: "".join(str(_DIGITS[c]) for c in m.group()), text)

    def month(m: re.Match[str]) -> str:
        num = m.group(1)
        k = int(num) if num.isdigit() else cn_int(num)
        return f" {_MONTH_NAMES[k - 1]} " if k and 1 <= k <= 12 else m.group()

    text = _MONTH.sub(month, text)

    def numeral(m: re.Match[str]) -> str:
        run = m.group()
        if not any(u in run for u in "十百千万") or run in ("千万", "万万"):
            return run
        k = cn_int(run)
        return str(k) if k is not None else run

    return _NUMERAL_RUN.sub(numeral, text)
