"""Polarity, time, direction and modality on construction families unseen text brought (issue 15).

Each rule gets a true positive (the faithful English with the one error a translator makes)
and a clean negative (the faithful English), in sentences written for these tests in the
register of tax notices, statistical releases, work-safety rules and court procedure, none
of them a probe sentence.  No embedder: the rules read the cue tables, CC-CEDICT, jieba and
the clause matcher's word evidence only.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks.time_expression import TIME_EXPRESSION
from qa.event_order import reversed_orders
from qa.model import Check, Context


def flags(check: Check, zh: str, en: str):
    return check.run_all(Context([Pair(id=1, zh=zh, en=en)]))


def flagged(check: Check, zh: str, en: str, cue: str) -> bool:
    return any(zh[s:e] in cue or cue in zh[s:e] for f in flags(check, zh, en) for s, e in f.zh_spans)


# --------------------------------------------------------------------------- time: event order

def test_a_pre_compound_renders_before_its_event():
    zh = "节前各地要组织开展燃气安全检查。"
    assert not reversed_orders(zh, "Pre-holiday gas safety inspections must be organised everywhere.")
    assert reversed_orders(zh, "Gas safety inspections must be organised everywhere during the holidays.")


def test_an_event_named_again_may_be_what_during_governs():
    # 度汛 "to get through the flood season": "during the flood season" renders it, not 汛前
    zh = "各地要抓紧完成汛前水库除险加固，确保水库安全度汛。"
    en = ("Localities must quickly finish reinforcing reservoirs before the flood season so that the "
          "reservoirs stay safe during the flood season.")
    assert not reversed_orders(zh, en)
    assert reversed_orders("各地要抓紧完成汛前水库除险加固。",
                           "Localities must quickly finish reinforcing reservoirs during the flood season.")


def test_at_the_end_of_reverses_a_before():
    zh = "合伙人在合伙期限届满前退伙的，应当提前三十日通知其他合伙人。"
    wrong = ("A partner who withdraws at the end of the partnership term shall notify the other partners "
             "30 days in advance.")
    found = reversed_orders(zh, wrong)
    assert found and found[0].severity == "minor"
    assert not reversed_orders(zh, wrong.replace("at the end of", "before the expiry of"))


def test_a_year_end_noun_is_rendered_by_at_the_end_of():
    # 年底 "the end of the year" names an end: "at the end of the year" is its English, no order
    assert not reversed_orders("各项整改任务要在年底前全部完成。",
                               "All rectification tasks must be completed at the end of the year.")


# --------------------------------------------------------------------------- time: time words

def test_the_following_year_is_not_this_year():
    zh = "该批设备应于次年三月底前交付使用。"
    assert flagged(TIME_EXPRESSION, zh, "The equipment shall be delivered for use by the end of March this year.",
                   "次年")
    assert not flags(TIME_EXPRESSION, zh, "The equipment shall be delivered for use by the end of March of the "
                                          "following year.")


def test_the_next_day_is_not_the_same_day():
    zh = "货物到港后，海关于翌日完成查验。"
    assert flagged(TIME_EXPRESSION, zh, "After the goods arrived, customs completed the inspection that same day.",
                   "翌日")
    assert not flags(TIME_EXPRESSION, zh, "After the goods arrived, customs completed the inspection the next day.")


def test_a_season_named_relative_to_now():
    zh = "预计今夏全省用电负荷将创历史新高。"
    assert flagged(TIME_EXPRESSION, zh, "The province's power load last summer was expected to hit a record high.",
                   "今夏")
    assert not flags(TIME_EXPRESSION, zh, "The province's power load is expected to hit a record high this summer.")


def test_the_same_period_is_not_the_year_as_a_whole():
    zh = "一季度，全市新登记企业数量较上年同期增长一成。"
    wrong = "In the first quarter, the number of newly registered firms rose by 10% on the previous year as a whole."
    assert flagged(TIME_EXPRESSION, zh, wrong, "上年同期")
    assert not flags(TIME_EXPRESSION, zh, wrong.replace("the previous year as a whole", "the same period last year"))


def test_a_hint_of_another_word_excuses_no_contradiction():
    # 以来's hint "last" ("the last few years") says nothing of "the end of last year" for 年中
    zh = "这条航线自去年年中开通以来，客流量稳步增长。"
    wrong = "Since the route opened at the end of last year, passenger numbers have grown steadily."
    assert flagged(TIME_EXPRESSION, zh, wrong, "年中")
    assert not flags(TIME_EXPRESSION, zh, wrong.replace("at the end of", "in the middle of"))
