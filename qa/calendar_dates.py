"""Calendar dates (a month and its day) and days of the week on both sides of a pair: 8月16日 and
"16 September", 周三 and "Thursday".

Why a reader of its own: the numbers check compares figures, and a date whose month is
rendered by its English name ("September") has no figure of the month to compare, so
8月16日 → "16 September" passes it (the 16 agrees).  A date is a time expression: the
time-expression check asks every English month-and-day date to be one the Chinese gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.cn_numerals import cn_number

#: the number of a month (8, 十二) and of a day (16, 三十一) in Chinese, in figures or characters
_ZH_MONTH_NUMBER = r"([0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])"
_ZH_DAY_NUMBER = r"([0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
#: a Chinese month and day (8月16日, 十二月三十一日, 3月5号): the month 1-12, the day 1-31
_ZH_DATE = re.compile(rf"(?<![\d〇零一二三四五六七八九十]){_ZH_MONTH_NUMBER}月{_ZH_DAY_NUMBER}[日号]")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
#: a day the Chinese gives without its month (从28号开始 "from the 28th", 10月22日至24日, 26日表示): the
#: English may name the month the context gives it
_ZH_DAY = re.compile(rf"(?<![0-9０-９月〇零一二三四五六七八九十]){_ZH_DAY_NUMBER}[日号]")
#: the English month names and their usual abbreviations ("Sept.", "Dec")
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"([0-9]{1,2})(?:st|nd|rd|th)?"
#: "16 September", "the 16th of September", "September 16", "Sept. 16th"
_EN_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])", re.IGNORECASE)
_EN_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|per cent|,\d{{3}}))", re.IGNORECASE)
#: Chinese words that name a date without its figures: the year's last day (年底 "the end of the
#: year", 年末, 岁末) and its first (元旦 "New Year's Day", 年初 "the beginning of the year")
_NAMED_DATES = {(12, 31): ("年底", "年末", "年终", "岁末", "除夕"), (1, 1): ("元旦", "年初", "新年")}
#: a date of the lunar calendar, which English may give as its Gregorian day
_LUNAR = ("农历", "阴历", "正月", "腊月")


@dataclass(frozen=True)
class Date:
    """A month and day, with where the text says it."""

    month: int
    day: int
    start: int
    end: int


def zh_dates(zh: str) -> list[Date]:
    """The month-and-day dates the Chinese writes with figures."""
    out = []
    for m in _ZH_DATE.finditer(zh):
        month, day = cn_number(m.group(1)), cn_number(m.group(2))
        if month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31:
            out.append(Date(int(month), int(day), m.start(), m.end()))
    return out


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return next(k for k, full in enumerate(_MONTHS, 1) if full.startswith(low[:3]))


def en_dates(en: str) -> list[Date]:
    """The month-and-day dates the English writes ("16 September", "September 16th")."""
    out = [Date(_month(m.group(2)), int(m.group(1)), m.start(), m.end() - m.group().endswith("."))
           for m in _EN_DAY_MONTH.finditer(en)]
    out += [Date(_month(m.group(1)), int(m.group(2)), m.start(), m.end()) for m in _EN_MONTH_DAY.finditer(en)
            if not any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in out)]
    return sorted((d for d in out if 1 <= d.day <= 31 and not _modal_may(en, d)), key=lambda d: d.start)


def _modal_may(en: str, d: Date) -> bool:
    """"may" as the modal before a figure ("it may 20 times"): only "May" capitalised is the month."""
    return d.month == 5 and "May" not in en[d.start:d.end]


def calendar_name(d: Date) -> str:
    """The date in English ("16 August")."""
    return f"{d.day} {_MONTHS[d.month - 1].capitalize()}"


def foreign_dates(zh: str, en: str) -> list[tuple[Date, list[Date]]]:
    """Each English date that is none of the Chinese ones, with the Chinese dates, when the
    Chinese gives dates of its own; a date the Chinese names in words (年底 for 31 December)
    or a lunar-calendar date makes none foreign, and a day the Chinese gives without its month
    (26日) may take any month."""
    chinese = zh_dates(zh)
    if not chinese or any(w in zh for w in _LUNAR):
        return []
    given = {(d.month, d.day) for d in chinese}
    days = {cn_number(m.group(1)) for m in _ZH_DAY.finditer(zh)}
    given |= {md for md, words in _NAMED_DATES.items() if any(w in zh for w in words)}
    return [(d, chinese) for d in en_dates(en) if (d.month, d.day) not in given and d.day not in days]


#: what joins the ends of a range of days or months (周一至周五, 1-8月)
_RANGE_MARK = r"(?:至|到|-|—|－|~)"


def _between(a: int, b: int) -> set[int]:
    """The numbers from one end of a range to the other, both ends included."""
    return set(range(min(a, b), max(a, b) + 1))


#: a Chinese day of the week (周三, 星期五, 礼拜天): 一 … 六 Monday to Saturday, 日/天 Sunday; not the 周一
#: of 一周一次 "once a week", where the 一 counts times
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|周)([一二三四五六日天])(?![次遍回趟个])")
_WEEKDAY_NUMBERS = {c: k for k, c in enumerate("一二三四五六", 1)} | {"日": 7, "天": 7}
#: a range of days (周一至周五 "Monday to Friday"): every day between its ends is the Chinese's
_ZH_WEEKDAY_RANGE = re.compile(rf"(?:星期|礼拜|周)([一二三四五六日天]){_RANGE_MARK}(?:星期|礼拜|周)?([一二三四五六日天])")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
#: Chinese words that name days of the week without their numbers: the weekend (周末 "weekend") and
#: the working days (工作日 "workday")
_NAMED_WEEKDAYS = {"周末": (6, 7), "双休日": (6, 7), "工作日": (1, 2, 3, 4, 5)}


def foreign_weekdays(zh: str, en: str) -> list[tuple[tuple[int, int], str]]:
    """Each English day of the week (its span and name) that is none of the Chinese ones, when the
    Chinese names days of the week of its own (周三 rendered "Thursday")."""
    days = {_WEEKDAY_NUMBERS[m.group(1)] for m in _ZH_WEEKDAY.finditer(zh)}
    if not days:
        return []
    for m in _ZH_WEEKDAY_RANGE.finditer(zh):
        days |= _between(_WEEKDAY_NUMBERS[m.group(1)], _WEEKDAY_NUMBERS[m.group(2)])
    for word, named in _NAMED_WEEKDAYS.items():
        if word in zh:
            days |= set(named)
    return [(m.span(), m.group(1)) for m in _EN_WEEKDAY.finditer(en)
            if _WEEKDAYS.index(m.group(1).lower()) + 1 not in days]


def weekday_names(zh: str) -> list[tuple[tuple[int, int], str]]:
    """The Chinese days of the week with their English names (周三 → "Wednesday")."""
    return [(m.span(), _WEEKDAYS[_WEEKDAY_NUMBERS[m.group(1)] - 1].capitalize()) for m in _ZH_WEEKDAY.finditer(zh)]


#: a Chinese month with or without its day (8月, 8月份, 十二月), not a count of months (3个月)
_ZH_MONTH = re.compile(rf"(?<![0-9０-９〇零一二三四五六七八九十个]){_ZH_MONTH_NUMBER}月")
#: a range of months (1-8月, 1至8月 "January to August"): every month between its ends is the Chinese's
_ZH_MONTH_RANGE = re.compile(rf"{_ZH_MONTH_NUMBER}月?{_RANGE_MARK}{_ZH_MONTH_NUMBER}月")
#: an English month name, capitalised ("may" is the modal), or its abbreviation
_EN_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
#: Chinese that names months without their numbers, which English may give as months: quarters and
#: halves of the year (前三季度 "January to September"), its edges and middle, "since" (今年以来 "since
#: January"), the holidays and the lunar calendar
_MONTHS_IN_WORDS = ("季度", "上半年", "下半年", "年初", "年底", "年末", "年中", "年终", "岁末", "以来", "春节", "元旦",
                    "国庆", "中秋", "寒假", "暑假") + _LUNAR


def foreign_months(zh: str, en: str) -> list[tuple[tuple[int, int], str]]:
    """Each English month (its span and name) that is none of the Chinese months, when the Chinese
    gives months of its own by their numbers (8月份 "September"); not inside an English date, which
    :func:`foreign_dates` reads, nor where the Chinese names months in words or gives a day without
    its month (从28号开始, whose month the English may fill in)."""
    months = {cn_number(m.group(1)) for m in _ZH_MONTH.finditer(zh)}
    if not months or any(w in zh for w in _MONTHS_IN_WORDS) or _ZH_DAY.search(zh):
        return []
    for m in _ZH_MONTH_RANGE.finditer(zh):
        a, b = cn_number(m.group(1)), cn_number(m.group(2))
        if a is not None and b is not None:
            months |= _between(a, b)
    dates = en_dates(en)
    return [(m.span(1), m.group(1)) for m in _EN_MONTH.finditer(en)
            if _month(m.group(1)) not in months and not any(d.start <= m.start() < d.end for d in dates)]


def zh_month_mentions(zh: str) -> list[re.Match[str]]:
    """The Chinese months given by their numbers (8月, 十二月), in order."""
    return list(_ZH_MONTH.finditer(zh))
