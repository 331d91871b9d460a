"""time-expression: a time word whose English says the opposite time.

下半年 rendered "the first half", 年底 "the beginning of the year", 截至 "since",
二季度 "the third quarter": the sentence stays fluent and the date moves.
The table ``qa/data/time_words.tsv`` gives each Chinese time word the English
that renders it and the English that contradicts it (regular expressions on
word boundaries).

The rows are whole orientation families, not single words: the future
(未来, 将来, 今后, 展望 "looking ahead", 即将 "about to") against the past and the
present perfect ("until now", "so far", "in recent years", "looking back",
"recently"); a look back (回顾, 回溯, 回首) against "looking ahead"; the
long-standing (长期以来, 一直以来, 历来, 多年来) against the recent ("recently",
"lately", "for the first time"); "since" (以来, N大以来) against "until" and
"up to" a time, and "until" (直到) against "since"; a first time (首次) against
"again" and the reverse (再次); brought forward (提前) against postponed (推迟,
延迟, 延期) and the reverse.  Before and after (之前, 之后) are left out: "A 之后
B" is rightly "A before B".

A cue is flagged when the English that renders its clause says a
contradicting phrase and no accepted one, and no other time word of the
Chinese accounts for the contradicting phrase (年初 … 年底 in one sentence:
"the beginning" and "the end" are both right).  A time word written against
this one is no such other word: 今年以来 is one expression, "since the start
of this year", and 以来's "last" (of "the last few years") does not excuse
"last year" for its 今年, nor 去年's "last year" an "early last year" for 去年年底.  Accepted alternatives that
only hint at the time (``WEAK_EVIDENCE``: a tense, "will" for 明年; a bare
year figure; a preposition that may govern anything, "by 7.92 million tons"
for 截至) do not outweigh an explicit contradiction ("will marry … last
year").  Sentence-level evidence makes a major flag, a confidently matched
clause window a minor one.  A contradiction the table marks ``~`` says a moment inside the
cue's span ("in 2021" for 2021年以来, "at the beginning of the year" for 年初以来): a minor
flag, since a loose 以来 before a one-off event is rightly "in 2018".  The same period last
year (去年同期), or a bare 同期 "the same period", is not the whole of last year nor the quarter
before; the middle of a year (年中) is neither its start nor its end; the eve of an event (前夕) is
not its aftermath; a rule that takes effect from a date (自…起施行, 起实施, 起生效) does not end
then ("until", "expire"), and the end of a term (届满, 期满, 到期) is not its start ("when the
term begins").  A cue that jieba cuts on both sides (今年|中国 holds no 年中) is two
words' halves, not a cue.

Rows whose cue holds ``N`` are *anchored* to a figure: 过去N年 "the past N
years", N年至今 "from N until now", N大以来 "since the Nth Congress", N年代初
"the early Ns".  The figure is read on both sides (``qa.checks.numbers``
readers, Chinese numerals through ``align.cn_numerals``) and ``N`` in the
English alternatives stands for the English figure of the same value (10,
"ten", "20th", "2010s").  The phrase around that figure is the rendering of
the cue, so an accepted word elsewhere in a long sentence does not hide a
contradiction there ("Over the next 10 years" for 过去10年 holds "over"):
a contradicting phrase at the figure and no accepted one is a major flag,
headings included (a date in a heading is still a date).  Where the English
has no such figure the cue's plain time word (过去, 以来, 初期) is read as
before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from align.cn_numerals import cn_number
from align.model import Pair
from qa import lexicons as lx
from qa.calendar_dates import (
    calendar_name,
    foreign_dates,
    foreign_months,
    foreign_weekdays,
    weekday_names,
    zh_month_mentions,
)
from qa.checks.numbers import en_numbers
from qa.clause_match import document_clauses
from qa.event_order import reversed_orders
from qa.meaning_cues import (
    CueRow,
    ZhHit,
    quote,
    read_table,
    scopes,
    zh_substring_cues,
    zh_words,
)
from qa.model import Check, Context, Flag

TABLE = "time_words.tsv"
#: the slot of a figure in an anchored row
SLOT = "N"
_ZH_FIGURE = r"(\d+|[零〇一二两三四五六七八九十百千]+)"


#: accepted alternatives that only hint at a time: a tense or aspect auxiliary ("will" for
#: 明年), a bare year figure, a preposition that may govern anything ("by 7.92 million tons"
#: for 截至).  They excuse a time word whose English says nothing against it, but not an
#: explicit contradicting phrase: "will marry … last year" for 明年 is still last year.
WEAK_EVIDENCE = frozenset({
    "will", "would", "shall", "could", "had", "has", "have", "was", "were", "did", "been",
    r"\d{4}", "by", "to", "from", "over", "after", "through", "last", "next", "ever", "once",
    "go", "went", "gone", "passed", "up", "out", "yet", "still", "already", "then",
})


@dataclass(frozen=True)
class TimeWord:
    """A Chinese time word, what it means, and English that renders or contradicts it.

    ``accepted`` holds the alternatives that say the time; ``hinted`` the
    :data:`WEAK_EVIDENCE` ones, which only suggest it; ``point`` the contradicting ones the
    table marks with ``~`` (:func:`split_point`), a minor flag.
    """

    zh: str
    meaning: str
    accepted: re.Pattern[str]
    contradicting: re.Pattern[str]
    hinted: re.Pattern[str] | None = None
    point: re.Pattern[str] | None = None

    def says(self, text: str) -> bool:
        """Whether ``text`` holds one of the English alternatives that render this word."""
        return bool(self.accepted.search(text) or (self.hinted and self.hinted.search(text)))

    def says_strongly(self, text: str) -> bool:
        """Whether ``text`` holds one of the accepted alternatives that say this word's time, not
        only one that hints at it: 以来's hint "last" (of "the last few years") is no rendering of
        "the end of last year", which contradicts a 年中 beside it."""
        return bool(self.accepted.search(text))

    def says_all(self, text: str) -> bool:
        """Whether the whole of ``text`` is one of the English alternatives of this word."""
        return bool(self.accepted.fullmatch(text) or (self.hinted and self.hinted.fullmatch(text)))


def _alternatives(field: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{a})" for a in field.split(";") if a)
                      + r")(?![\w-])")


def split_point(field: str) -> tuple[str, str]:
    """(contradicting alternatives, point ones) of a table field: an alternative marked ``~``
    says a moment inside the span the cue names ("in N" for N年以来 "since N", "at the
    beginning of" for 年初以来): another aspect, not another time, and the Chinese 以来 is
    often loose before a one-off event (2018年以来…建立了 "In 2018 … established"), so such
    English is pointed at with a minor flag only."""
    alternatives = [a for a in field.split(";") if a]
    return (";".join(a for a in alternatives if not a.startswith("~")),
            ";".join(a[1:] for a in alternatives if a.startswith("~")))


def _time_word(row: list[str]) -> TimeWord:
    alternatives = [a for a in row[2].split(";") if a]
    strong = [a for a in alternatives if a not in WEAK_EVIDENCE]
    weak = [a for a in alternatives if a in WEAK_EVIDENCE]
    against, point = split_point(row[3])
    return TimeWord(row[0], row[1], _alternatives(";".join(strong)), _alternatives(against),
                    _alternatives(";".join(weak)) if weak else None,
                    _alternatives(point) if point else None)


@lru_cache(maxsize=1)
def time_words() -> dict[str, TimeWord]:
    """The plain rows of the time-word table, keyed by Chinese cue."""
    return {r[0]: _time_word(r) for r in read_table(TABLE, 4) if SLOT not in r[0]}


@dataclass(frozen=True)
class AnchoredWord:
    """A time word with a figure in it (过去N年): its Chinese pattern and raw English alternatives."""

    zh: str
    pattern: re.Pattern[str]
    meaning: str
    accepted: str
    contradicting: str
    #: the longest piece of the cue around its figure ("过去" of 过去N年): a pair without it is not
    #: searched with the pattern (most pairs, for most rows)
    literal: str = ""

    def english(self, field: str, figures: list[str]) -> re.Pattern[str]:
        """``field`` (accepted or contradicting) with ``N`` standing for the figures as written."""
        slot = "(?:" + "|".join(re.escape(f) for f in sorted(set(figures), key=len, reverse=True)) + ")"
        return _alternatives(field.replace(SLOT, slot))


@lru_cache(maxsize=1)
def anchored_words() -> tuple[AnchoredWord, ...]:
    """The anchored rows of the time-word table (cue with ``N``), longest cue first."""
    rows = [r for r in read_table(TABLE, 4) if SLOT in r[0]]
    return tuple(AnchoredWord(r[0], re.compile(re.escape(r[0]).replace(SLOT, _ZH_FIGURE)), r[1], r[2], r[3],
                              max(r[0].split(SLOT), key=len))
                 for r in sorted(rows, key=lambda r: -len(r[0])))


@dataclass(frozen=True)
class AnchoredHit:
    """An anchored time word found in Chinese: the row, its span and the figure's value."""

    word: AnchoredWord
    start: int
    end: int
    value: float


#: characters that open a cue but also end many words: 前 (提前, 之前, 以前, 目前, 当前), 到 (达到,
#: 得到, 受到, 直到), 上 (以上, 马上), 下 (以下, 眼下, 当下) and 本 (基本, 成本).  工程提前三个月完工 holds
#: no 前三个月 "the first three months", 规模以上月度 no 上月, 以下一年度 no 下一年度, 基本月薪 no 本月.
WORD_FINAL = frozenset("前到上下本")


def _inside_word(zh: str, start: int) -> bool:
    """Whether the cue at ``start`` opens with a character that ends a CC-CEDICT word begun before it,
    unless jieba starts a word there: 知识产权日前夕 is 日 + 前夕 "eve", though CC-CEDICT lists 日前."""
    return (start > 0 and zh[start] in WORD_FINAL and zh[start - 1:start + 1] in lx.cedict()
            and not any(s == start for _w, s, _e in zh_words(zh)))


def _straddles(zh: str, cue: ZhHit) -> bool:
    """Whether jieba cuts the cue on both sides: it starts inside one word and ends inside the
    next (今年中国 is 今年 + 中国, no 年中 "mid-year"), so it is two words' halves."""
    words = zh_words(zh)
    return (any(s < cue.start < e for _w, s, e in words)
            and any(s < cue.end < e for _w, s, e in words))


def zh_anchored_cues(zh: str) -> list[AnchoredHit]:
    """Anchored time words of ``zh``, longest row first, never overlapping."""
    taken = [False] * len(zh)
    out = []
    for w in anchored_words():
        if w.literal not in zh:
            continue
        for m in w.pattern.finditer(zh):
            value = cn_number(m.group(1))
            if value is None or any(taken[m.start():m.end()]) or _inside_word(zh, m.start()):
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            out.append(AnchoredHit(w, m.start(), m.end(), float(value)))
    return sorted(out, key=lambda h: h.start)


def _figures(en: str, value: float) -> list[str]:
    """The English figures of ``value`` as written, lower-cased (10, "ten", "20th", "2010s")."""
    return [n.text.lower() for n in en_numbers(en) if any(abs(v - value) < 1e-9 for v in n.values)]


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


def _anchored(pair: Pair) -> tuple[list[Flag], list[tuple[int, int]]]:
    """Flags of the anchored rows, and the Chinese spans they settled (flagged or rendered)."""
    low = pair.en.lower()
    plain = [time_words()[c.row.cue] for c in zh_time_cues(pair.zh)]
    flags, settled = [], []
    hits = zh_anchored_cues(pair.zh)
    for hit in hits:
        figures = _figures(pair.en, hit.value)
        if not figures:
            counted = _miscounted(pair, hit)
            if counted or all(SLOT in alt for alt in hit.word.contradicting.split(";") if alt):
                flags += counted
                continue
            # no figure of the count, but English that needs none contradicts the row: 每三年 "every
            # three years" said "once a year"
            figures = [_NO_FIGURE]
        w = hit.word
        if w.english(w.accepted, figures).search(low) or _compared_preceding(pair.zh, hit):
            settled.append((hit.start, hit.end))
            continue
        against, point = split_point(w.contradicting)
        bad, at_point = _contradicted(w.english(against, figures) if against else None,
                                      w.english(point, figures) if point else None, low, plain,
                                      whole=True)
        # another anchored word may say all of it (20年代初期至20年代中后期 "early 2020s to the
        # mid-to-late 2020s": "early 2020s" is 20年代初's), not one of another figure (8月上旬's
        # "early August" says nothing of "early July")
        bad = [m for m in bad if not any(_anchored_says(o, pair.en, m.group()) for o in hits if o is not hit)]
        if not bad:
            continue
        m = bad[0]
        settled.append((hit.start, hit.end))
        cue = pair.zh[hit.start:hit.end]
        written = pair.en[m.start():m.end()]
        figure = next((f for f in figures if f in written.lower()), figures[0])
        start = written.lower().find(figure)
        shown = written[start:start + len(figure)] if start >= 0 else figure
        if shown.lower() in _MULTIPLICATIVES or shown == _NO_FIGURE:  # "every 2 years", not "every twice years"
            shown = f"{hit.value:g}"
        meaning = w.meaning.replace(SLOT, shown)
        flags.append(TIME_EXPRESSION.flag(
            pair, f"The Chinese says {cue} ({meaning}) but the English says '{written}': "
                  "the time is different",
            zh_spans=[(hit.start, hit.end)], en_spans=[(m.start(), m.end())],
            suggestion=f"Render {cue} as {meaning}", severity="minor" if at_point else "major"))
    return flags, settled


#: a figure no English holds: the slot of a row read where the English has no figure of the count
_NO_FIGURE = "\x00"
#: figures that count times, not the periods a time word counts
_MULTIPLICATIVES = frozenset({"once", "twice", "thrice"})


#: what a period compared against follows (比前两个月 "than the previous two months", 与前三年相比)
_COMPARED = re.compile(r"(?:比|较|与|同|和|跟|相较于|较之|相比于)$")


def _compared_preceding(zh: str, hit: AnchoredHit) -> bool:
    """Whether a 前N… cue is the period a comparison measures against: then 前 is "the
    preceding" (比前两个月增长 "up on the previous two months"), not "the first", and the
    row's "first N months" says nothing of it."""
    return hit.word.zh.startswith("前") and bool(_COMPARED.search(zh[:hit.start].rstrip()))


def _anchored_says(hit: AnchoredHit, en: str, text: str) -> bool:
    """Whether the whole of ``text`` is one of the accepted English alternatives of ``hit``."""
    figures = _figures(en, hit.value)
    return bool(figures) and bool(hit.word.english(hit.word.accepted, figures).fullmatch(text))


#: the meaning of an anchored row that counts a period back or forward ("the past N years", "the
#: next N months"), with its unit
_COUNTED = re.compile(r"\b(?:past|last|next) N (?P<unit>years|months)\b")
#: an English period counted back or forward with "the" or "this" and no figure of the cue's:
#: "the past year" (one), "the last two decades" (twenty years), "the next 18 months"
_EN_PERIOD = re.compile(r"\b(?:the|this) (?:past|last|previous|preceding|next|coming|following|upcoming)"
                        r" (?:(?P<n>[a-z0-9-]+) )?(?P<unit>years?|decades?|months?)\b", re.IGNORECASE)
#: each English unit in years
_YEARS = {"year": 1.0, "decade": 10.0, "month": 1 / 12}


def _period_value(m: re.Match[str]) -> float | None:
    """The length in years of a counted English period, or None when it is vague ("the past
    few years", "the past years")."""
    unit = m.group("unit").lower()
    if m.group("n") is None:
        return _YEARS[unit] if not unit.endswith("s") else None
    values = [v for n in en_numbers(m.group("n")) for v in n.values]
    return values[0] * _YEARS[unit.rstrip("s")] if len(values) == 1 else None


def _miscounted(pair: Pair, hit: AnchoredHit) -> list[Flag]:
    """A period counted back or forward (近三年来 "the past three years", 未来五年) whose English
    has no figure of its count but counts another period: "over the past year" (one year),
    "the last decade" (ten).  The figure rule cannot see it, having no figure to read at.  Major
    when the English counts one period only, minor when it counts several (one may be another
    word's: 比过去一年 "than the past year")."""
    m = _COUNTED.search(hit.word.meaning)
    if m is None:
        return []
    years = hit.value * (1.0 if m.group("unit") == "years" else 1 / 12)
    periods = list(_EN_PERIOD.finditer(pair.en))
    for said in periods:
        value = _period_value(said)
        if value is not None and abs(value - years) > 1e-6:
            cue = pair.zh[hit.start:hit.end]
            meaning = hit.word.meaning.replace(SLOT, f"{hit.value:g}")
            return [TIME_EXPRESSION.flag(
                pair, f"The Chinese says {cue} ({meaning}) but the English says '{said.group()}': "
                      "the time is different",
                zh_spans=[(hit.start, hit.end)], en_spans=[(said.start(), said.end())],
                suggestion=f"Render {cue} as {meaning}",
                # one counted period in the English is the cue's; of several, it may be another's
                severity="major" if len(periods) == 1 else "minor")]
    return []


def _contradicted(against: re.Pattern[str] | None, point: re.Pattern[str] | None, low: str,
                  others: list[TimeWord], whole: bool = False) -> tuple[list[re.Match[str]], bool]:
    """The English of ``low`` that contradicts a time word, and whether it only says a point
    inside its span (a minor flag): the matches of ``against``, else those of ``point``, that
    no other time word of the sentence (``others``) says by an accepted alternative (a weak hint,
    以来's "last", says nothing of "the end of last year").  With ``whole`` (an anchored phrase,
    "early july" for 7月下旬) another word excuses a match only by saying all of it: 8月上旬's
    "early" or 提前's "early" is no excuse for "early July"."""
    for pattern, at_point in ((against, False), (point, True)):
        if pattern is not None:
            bad = [m for m in pattern.finditer(low)
                   if not any(o.says_all(m.group()) if whole else o.says_strongly(m.group()) for o in others)]
            if bad:
                return bad, at_point
    return [], False


#: the characters of the four seasons
_SEASONS = frozenset("春夏秋冬")


def _season_pair(zh: str, cue: ZhHit) -> bool:
    """A season word with another season's character next to it (冬春季 "winter and spring", 春夏秋冬):
    two seasons in one word, whose English names both."""
    return (cue.row.cue[0] in _SEASONS and cue.row.cue[1:] in ("季", "天")
            and (cue.start > 0 and zh[cue.start - 1] in _SEASONS or zh[cue.end:cue.end + 1] in _SEASONS))


def _counted_span(zh: str, cue: ZhHit) -> bool:
    """A span word (年内 "within the year") right after a figure: 三年内 is "within three years",
    the anchored N年内's to read, not 年内's."""
    return cue.row.cue.endswith("内") and cue.start > 0 and bool(re.fullmatch(_ZH_FIGURE, zh[cue.start - 1]))


def _event_orders(pair: Pair) -> list[Flag]:
    """Flags of before/after words whose event the English puts the other way round."""
    return [TIME_EXPRESSION.flag(
        pair, f"The Chinese says {r.event}{pair.zh[r.zh_start:r.zh_end]} ({r.order} {r.event}) "
              f"but the English puts it '{r.en_text}': the order of events is reversed",
        zh_spans=[(r.zh_start, r.zh_end)], en_spans=[(r.en_start, r.en_end)],
        suggestion=f"Render {r.event}{pair.zh[r.zh_start:r.zh_end]} as '{r.order} …'", severity=r.severity)
        for r in reversed_orders(pair.zh, pair.en)]


def _foreign_flag(pair: Pair, what: str, en_span: tuple[int, int], given: list[tuple[int, int]],
                  zh_span: tuple[int, int], right: str) -> Flag:
    """A flag of an English date, month or day of the week (``what``) that none of the Chinese ones
    (``given``) is; ``zh_span`` the Chinese it most likely renders, ``right`` that one's English."""
    said = "、".join(dict.fromkeys(pair.zh[s:e] for s, e in given))
    return TIME_EXPRESSION.flag(
        pair, f"The English says '{pair.en[en_span[0]:en_span[1]]}', a {what} the Chinese does not give "
              f"(it gives {said}): the {what.split()[0]} is different",
        zh_spans=[zh_span], en_spans=[en_span], suggestion=f"Render {pair.zh[zh_span[0]:zh_span[1]]} as {right}",
        severity="major")


def _date_flags(pair: Pair) -> list[Flag]:
    """Flags of English dates, months and days of the week that are none of the Chinese ones (8月16日
    → "16 September", 7月份 → "August", 周三 → "Thursday")."""
    out = []
    months = foreign_months(pair.zh, pair.en)
    if months:
        given = [m.span() for m in zh_month_mentions(pair.zh)]
        out += [_foreign_flag(pair, "month", span, given, given[0], "the month it numbers") for span, _ in months]
    weekdays = foreign_weekdays(pair.zh, pair.en)
    if weekdays:
        named = weekday_names(pair.zh)
        given = [span for span, _ in named]
        out += [_foreign_flag(pair, "day of the week", span, given, given[0], f"'{named[0][1]}'")
                for span, _ in weekdays]
    for d, chinese in foreign_dates(pair.zh, pair.en):
        near = min(chinese, key=lambda c: (c.day != d.day and c.month != d.month, abs(c.start - d.start)))
        out.append(_foreign_flag(pair, "date", (d.start, d.end), [(c.start, c.end) for c in chinese],
                                 (near.start, near.end), calendar_name(near)))
    return out


#: a suspended compound: "long- and short-term" (Quirk et al. 1985 §13.96, the first element's
#: head is left to the second)
_SUSPENDED = re.compile(r"\b(\w+)- (and|or|to) (\w+)-(\w+)")


def suspended(low: str) -> str:
    """``low`` with each suspended compound written out: "long- and short-term policies" →
    "long-term and short-term policies", so that 长期 finds its "long-term" there."""
    if "- " not in low:
        return low
    return _SUSPENDED.sub(r"\1-\4 \2 \3-\4", low)


def _check_pair(pair: Pair, ctx: Context, opts: TimeExpressionOptions) -> list[Flag]:
    flags, settled = _anchored(pair)
    flags += _event_orders(pair) + _date_flags(pair)
    if pair.heading:
        return flags
    pc = document_clauses(ctx)[pair.id]
    table = time_words()
    all_cues = zh_time_cues(pair.zh)
    for clause in pc.zh:
        for cue in zh_time_cues(pair.zh, (clause.start, clause.end)):
            if any(s <= cue.start and cue.end <= e for s, e in settled) or _counted_span(pair.zh, cue) \
                    or _inside_word(pair.zh, cue.start) or _straddles(pair.zh, cue) or _season_pair(pair.zh, cue):
                continue
            word = table[cue.row.cue]
            # a time word touching this one is part of the same expression (今年以来 "since the
            # start of this year", 去年年底): it accounts for none of this word's contradictions
            others = [table[c.row.cue] for c in all_cues
                      if c.row.cue != word.zh and c.end != cue.start and c.start != cue.end]
            for scope in scopes(pc, clause):
                en = pair.en[scope.en_start:scope.en_end]
                low = en.lower()
                if word.accepted.search(low) or word.accepted.search(suspended(low)):
                    continue
                bad, point = _contradicted(word.contradicting, word.point, low, others)
                if not bad:
                    continue
                m = bad[0]
                flags.append(TIME_EXPRESSION.flag(
                    pair, f"The Chinese says {word.zh} ({word.meaning}) but the English says "
                          f"'{en[m.start():m.end()]}': the time is different",
                    zh_spans=[(cue.start, cue.end)],
                    en_spans=[(m.start() + scope.en_start, m.end() + scope.en_start)],
                    suggestion=f"Render {word.zh} as {word.meaning} in '{quote(en)}'",
                    severity="minor" if point else "major" if scope.sentence else opts.window_severity))
                break
    return flags


def check_time_expression(ctx: Context) -> list[Flag]:
    opts: TimeExpressionOptions = ctx.options_of(TIME_EXPRESSION)
    flags: list[Flag] = []
    judged = [p for p in ctx.pairs if p.zh.strip() and p.en.strip()]
    # clause links are read only for a time word: embed just those pairs' clauses
    document_clauses(ctx).prefetch(p for p in judged if not p.heading and zh_time_cues(p.zh))
    for pair in judged:
        flags += _check_pair(pair, ctx, opts)
    return flags


TIME_EXPRESSION = Check(id="time-expression", category="Accuracy/Mistranslation", severity="major",
                        description="A time word (年底, 上半年, 二季度, 截至, 以来 …) whose English "
                                    "says the opposite time",
                        run=check_time_expression, scope="document",
                        options=TimeExpressionOptions, needs=frozenset({"embedder"}))
CHECKS = [TIME_EXPRESSION]
