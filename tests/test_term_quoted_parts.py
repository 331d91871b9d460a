"""term-consistency: a pair that says the dominant rendering, with quotation marks around one of its
words, renders the term as the other pairs do ("the “visible” hand" beside "the Visible Hand").

A published translation (bench/qa_published.py, pol) had the only major flag of this check there.
The sentences are our own.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks.terminology import TERM_CONSISTENCY
from qa.model import Context

ZH = [
    "要更好发挥“看得见的手”的作用，弥补市场失灵。",
    "“看得见的手”不能代替市场配置资源。",
    "“看不见的手”和“看得见的手”都要用好，形成有机统一的格局。",
    "各级政府要管好“看得见的手”，做到不越位、不缺位。",
]
EN = [
    "We should give better play to the role of the “Visible Hand” and make up for market failures.",
    "The “Visible Hand” cannot replace the market in allocating resources.",
    ("Both the “invisible” hand of the market and the “visible” hand of the government should be used well "
     "and work as an organic whole."),
    "Governments at all levels should manage the “Visible Hand” well, neither overstepping nor falling short.",
]


def _flags(en: list[str]) -> list:
    return TERM_CONSISTENCY.run_all(Context([Pair(id=k, zh=z, en=e) for k, (z, e) in enumerate(zip(ZH, en))]))


def test_the_dominant_rendering_split_by_quotation_marks_is_consistent():
    assert [f for f in _flags(EN) if "看得见的手" in f.message] == []


def test_another_rendering_is_still_flagged():
    other = EN[:2] + [("Both the “invisible hand” of the market and the “guiding hand” of the government should "
                       "be used well and work as an organic whole.")] + EN[3:]
    assert [f.pair_id for f in _flags(other) if "看得见的手" in f.message] == [2]
