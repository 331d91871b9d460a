"""Right renderings the meaning checks flagged in qa-probes-8 (issue 15, nineteenth session, after it
became a development set): a refusal said "decline to", a prohibition said on the act after it ("the
use of … is strictly prohibited"), and "before a court" (in front of, not earlier than).  Each test
holds a clean negative and, where the rule can fail the other way, a true positive; the sentences
are written for these tests.
"""

from __future__ import annotations

from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION


def test_decline_to_renders_a_refusal():
    zh = "对超过申请期限提交的材料，受理窗口不予受理。"
    assert not POLARITY.run_pair(zh, "The service window will decline to accept materials submitted after the "
                                     "application deadline.")
    assert POLARITY.run_pair(zh, "The service window will accept materials submitted after the application "
                                 "deadline.")


def test_a_prohibition_said_after_the_act():
    zh = "严禁利用职务便利为亲友谋取利益。"
    assert not POLARITY.run_pair(zh, "The use of official positions to seek benefits for relatives and friends "
                                     "is strictly prohibited.")
    bad = POLARITY.run_pair(zh, "The use of official positions to seek benefits for relatives and friends is "
                                "strictly supervised.")
    assert bad and bad[0].severity == "major"


def test_before_a_court_is_no_order_of_events():
    zh = "当事人对复议决定不服向人民法院起诉的，由人民法院依法审理。"
    assert not TIME_EXPRESSION.run_pair(zh, "Where a party disagrees with the review decision and brings a "
                                            "lawsuit before a people's court, the court shall hear the case "
                                            "in accordance with the law.")
