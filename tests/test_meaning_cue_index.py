"""The substring cue index of :mod:`qa.meaning_cues` finds what the regex reading found.

``zh_substring_cues`` used to run ``re.finditer`` for every row of a table,
longest cue first, and keep the places no longer cue had taken.  It now looks
every substring of the text up in one index per table; the hits must be the
same, including the two details of the regex reading: a cue's own matches never
overlap (in 长长长 the cue 长长 matches once, at 0), and a match outside the
asked span still hides an overlapping later one of the same cue.
"""

from __future__ import annotations

import random
import re

from qa.checks.direction import TABLE
from qa.checks.time_expression import zh_time_cues
from qa.meaning_cues import CueRow, cue_rows, zh_substring_cues


def _by_regex(text: str, rows: tuple[CueRow, ...], span: tuple[int, int] | None = None):
    ordered = sorted((r for r in rows if r.lang == "zh"), key=lambda r: -len(r.cue))
    lo, hi = span or (0, len(text))
    taken = [False] * len(text)
    out = []
    for r in ordered:
        for m in re.finditer(re.escape(r.cue), text):
            s, e = m.start(), m.end()
            if s < lo or e > hi or any(taken[s:e]):
                continue
            taken[s:e] = [True] * (e - s)
            out.append((r, s, e))
    return sorted(out, key=lambda h: h[1])


def _hits(text, rows, span=None):
    return [(h.row, h.start, h.end) for h in zh_substring_cues(text, rows, span)]


ROWS = (CueRow("zh", "长长", "up"), CueRow("zh", "增长", "up"), CueRow("zh", "下降", "down"),
        CueRow("zh", "大幅下降", "down"), CueRow("zh", "增长", "twice"), CueRow("en", "rise", "up"))


def test_own_matches_never_overlap_and_longest_cue_wins():
    assert _hits("长长长", ROWS) == [(ROWS[0], 0, 2)]
    assert _hits("增长长长", ROWS) == [(ROWS[0], 1, 3)]  # the same length: table order, 增长 finds 长 taken
    assert _hits("利润大幅下降", ROWS) == [(ROWS[3], 2, 6)]
    assert _hits("长长长", ROWS, (1, 3)) == _by_regex("长长长", ROWS, (1, 3)) == []
    assert _hits("收入增长，支出下降", ROWS, (5, 9)) == [(ROWS[2], 7, 9)]
    assert _hits("", ROWS) == [] and _hits("rise", ROWS) == []


def test_shipped_tables_match_the_regex_reading_on_mixed_text():
    rng = random.Random(7)
    for rows in (cue_rows(TABLE), ROWS):
        cues = [r.cue for r in rows if r.lang == "zh"]
        for _ in range(2000):
            parts = [rng.choice(cues)[rng.randint(0, 1):] for _ in range(rng.randint(1, 5))] + ["的", "长长长", "，"]
            rng.shuffle(parts)
            text = "".join(parts)
            span = None if rng.random() < 0.5 else tuple(sorted(rng.sample(range(len(text) + 1), 2)))
            assert _hits(text, rows, span) == _by_regex(text, rows, span), (text, span)


def test_time_words_as_the_regex_reading():
    from qa.checks.time_expression import _time_rows

    for text in ("前三季度经济增长4.9%，今后五年将继续推进改革", "近年来，我国长期以来坚持的政策首次调整",
                 "截至目前，过去十年间累计完成投资"):
        assert [(h.row, h.start, h.end) for h in zh_time_cues(text)] == _by_regex(text, _time_rows())
