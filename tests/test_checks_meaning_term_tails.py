"""A term whose pairs agree on its first part and vary the rest (term-consistency, tail_flags; issue
15, nineteenth session).  国家公园管理机构 rendered "national park" + "management authority",
"administration", "management body", "managing agency": the dominant rendering the other readings
find is the first part's alone, so the term looked consistent.  The documents are written for these
tests.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks.terminology import TERM_CONSISTENCY
from qa.model import Context

ZH = [
    "自然保护区管理机构负责保护地内自然资源的日常巡护。",
    "自然保护区管理机构应当建立健全生态监测体系。",
    "在自然保护区内开展旅游活动，须经自然保护区管理机构同意。",
    "自然保护区管理机构可以聘请当地居民担任护林员。",
    "自然保护区管理机构应当每年向社会公布保护成效。",
]
VARIED = [
    "The nature reserve management authority is responsible for routine patrols of natural resources in the area.",
    "The nature reserve administration shall establish a sound ecological monitoring system.",
    "Tourism activities in a nature reserve require the consent of the nature reserve management body.",
    "The nature reserve managing agency may hire local residents as forest rangers.",
    "The nature reserve management office shall publish its conservation results every year.",
]
SAME = [e.replace("administration", "management authority").replace("management body", "management authority")
        .replace("managing agency", "management authority").replace("management office", "management authority")
        for e in VARIED]


def flags(en: list[str]):
    pairs = [Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(zip(ZH, en))]
    return TERM_CONSISTENCY.run_all(Context(pairs))


def test_the_rest_of_the_term_rendered_four_ways():
    found = flags(VARIED)
    assert len(found) >= 3 and all("自然保护区管理机构" in f.message and f.severity == "minor" for f in found)
    assert {f.pair_id for f in found} <= {2, 3, 4, 5}


def test_one_rendering_throughout_is_not_flagged():
    assert not flags(SAME)
