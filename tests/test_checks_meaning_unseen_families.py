"""Polarity, time, direction and modality on construction families unseen text brought (issue 15).

Each rule gets a true positive (the faithful English with the one error a translator makes)
and a clean negative (the faithful English), in sentences written for these tests in the
register of tax notices, statistical releases, work-safety rules and court procedure, none
of them a probe sentence.  No embedder: the rules read the cue tables, CC-CEDICT, jieba and
the clause matcher's word evidence only.
"""

from __future__ import annotations

from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.event_order import reversed_orders
from qa.model import Check


def flagged(check: Check, zh: str, en: str, cue: str) -> bool:
    return any(zh[s:e] in cue or cue in zh[s:e] for f in check.run_pair(zh, en) for s, e in f.zh_spans)


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
    assert not TIME_EXPRESSION.run_pair(zh, "The equipment shall be delivered for use by the end of March of the "
                                            "following year.")


def test_the_next_day_is_not_the_same_day():
    zh = "货物到港后，海关于翌日完成查验。"
    assert flagged(TIME_EXPRESSION, zh, "After the goods arrived, customs completed the inspection that same day.",
                   "翌日")
    assert not TIME_EXPRESSION.run_pair(zh, "After the goods arrived, customs completed the inspection the next day.")


def test_a_season_named_relative_to_now():
    zh = "预计今夏全省用电负荷将创历史新高。"
    assert flagged(TIME_EXPRESSION, zh, "The province's power load last summer was expected to hit a record high.",
                   "今夏")
    assert not TIME_EXPRESSION.run_pair(zh, "The province's power load is expected to hit a record high this summer.")


def test_the_same_period_is_not_the_year_as_a_whole():
    zh = "一季度，全市新登记企业数量较上年同期增长一成。"
    wrong = "In the first quarter, the number of newly registered firms rose by 10% on the previous year as a whole."
    assert flagged(TIME_EXPRESSION, zh, wrong, "上年同期")
    assert not TIME_EXPRESSION.run_pair(zh, wrong.replace("the previous year as a whole", "the same period last year"))


def test_a_hint_of_another_word_excuses_no_contradiction():
    # 以来's hint "last" ("the last few years") says nothing of "the end of last year" for 年中
    zh = "这条航线自去年年中开通以来，客流量稳步增长。"
    wrong = "Since the route opened at the end of last year, passenger numbers have grown steadily."
    assert flagged(TIME_EXPRESSION, zh, wrong, "年中")
    assert not TIME_EXPRESSION.run_pair(zh, wrong.replace("at the end of", "in the middle of"))


# --------------------------------------------------------------------------- direction

def test_a_comparison_marker_glued_to_its_base():
    # jieba cuts 比上 + 季度: the 比 still marks a comparison, rendered by "lower than"
    zh = "三季度，居民消费价格涨幅比上季度回落0.4个百分点。"
    right = "In the third quarter, consumer prices rose at a rate 0.4 percentage points lower than in the second quarter."
    assert not DIRECTION.run_pair(zh, right)
    assert flagged(DIRECTION, zh, right.replace("lower", "higher"), "回落")


def test_the_quantity_noun_of_the_other_direction_takes_its_word():
    # "growth" renders 增速 "growth rate", no rise: "lower" renders 放缓
    zh = "全省工业投资增速比上月放缓1.2个百分点。"
    assert not DIRECTION.run_pair(zh, "The province's industrial investment growth rate was 1.2 percentage points "
                                      "lower than in the previous month.")


def test_up_before_its_base_states_a_rise():
    zh = "受降雨偏少影响，今年水电发电量比上年略有下降。"
    wrong = "Owing to low rainfall, hydropower generation this year was slightly up on last year."
    assert flagged(DIRECTION, zh, wrong, "下降")
    assert not DIRECTION.run_pair(zh, wrong.replace("slightly up on", "slightly down on"))


def test_a_phrasal_verb_with_its_amount_states_a_change():
    zh = "上半年，全国快递业务量增速较一季度回落1.5个百分点。"
    wrong = ("In the first half, growth in the volume of parcels delivered nationwide picked up by 1.5 "
             "percentage points from the first quarter.")
    assert flagged(DIRECTION, zh, wrong, "回落")
    assert not DIRECTION.run_pair(zh, wrong.replace("picked up", "slowed"))


def test_the_verb_a_quantity_noun_takes_says_its_change():
    # "growth" is 增速's; "accelerated" is what the growth did, against 放缓
    zh = "受出口订单减少影响，全市规模以上工业增加值增速有所放缓。"
    wrong = ("Because of fewer export orders, growth in the value added of the city's large industrial firms "
             "accelerated somewhat.")
    assert flagged(DIRECTION, zh, wrong, "放缓")
    assert not DIRECTION.run_pair(zh, wrong.replace("accelerated", "slowed"))



def test_an_adverb_of_the_next_word_is_no_object():
    # 主要 "main" after 回落 is an adverb of the clause ("mainly"), not what fell
    zh = "今年出口增速回落主要是受外需减弱影响。"
    assert not DIRECTION.run_pair(zh, "The slowdown in export growth this year was mainly due to weaker external demand.")
    assert flagged(DIRECTION, zh, "The acceleration in export growth this year was mainly due to weaker external "
                                  "demand.", "回落")

# --------------------------------------------------------------------------- polarity

def test_a_few_is_no_negation():
    zh = "分析人士认为，少数企业下调盈利预期并非行业衰退的迹象。"
    wrong = "Analysts said that a few companies cutting their profit forecasts was a sign of an industry downturn."
    assert flagged(POLARITY, zh, wrong, "并非")
    assert not POLARITY.run_pair(zh, "Analysts said that a few companies cutting their profit forecasts was not a "
                                     "sign of an industry downturn.")


def test_a_withheld_grant_is_a_negation():
    zh = "申请材料不符合法定形式的，行政机关不予许可。"
    assert flagged(POLARITY, zh, "Where the application materials are not in the statutory form, the "
                                 "administrative organ shall grant the licence.", "不予")
    assert not POLARITY.run_pair(zh, "Where the application materials are not in the statutory form, the "
                                     "administrative organ shall not grant the licence.")


def test_absolutely_not_is_a_negation():
    zh = "这次调整绝非放松监管。"
    assert flagged(POLARITY, zh, "This adjustment is a relaxation of supervision.", "绝非")
    assert not POLARITY.run_pair(zh, "This adjustment is by no means a relaxation of supervision.")


def test_an_exemption_beside_a_bound_of_a_figure():
    # "less than 30,000" renders 以下, not 免缴 "exempt from paying"
    zh = "月销售额3万元以下的小规模纳税人，免缴教育费附加。"
    wrong = ("Small-scale taxpayers with monthly sales of less than 30,000 yuan must pay the education "
             "surcharge.")
    assert flagged(POLARITY, zh, wrong, "免缴")
    assert not POLARITY.run_pair(zh, wrong.replace("must pay", "are exempt from"))
    assert not POLARITY.run_pair(zh, wrong.replace("must pay", "do not have to pay"))


def test_a_non_prefix_leaves_the_clause_negation_to_read():
    # 非 + 本地 "non-local" negates a noun, not the clause: 不再 "no longer" is read
    zh = "非本地户籍的学生不再需要返回原籍参加考试。"
    wrong = "Students without local household registration will still have to return home to sit the exam."
    assert flagged(POLARITY, zh, wrong, "不再")
    assert not POLARITY.run_pair(zh, "Students without local household registration will no longer have to "
                                     "return home to sit the exam.")


def test_a_negated_restriction_without_not_is_a_minor_flag():
    # 绝非仅限于 "by no means limited to" is as often said by "beyond" as by "not only"
    zh = "这项技术的用途绝非仅限于农业领域。"
    found = POLARITY.run_pair(zh, "The uses of this technology are limited to agriculture.")
    assert found and all(f.severity == "minor" for f in found)
    assert not POLARITY.run_pair(zh, "The uses of this technology are by no means limited to agriculture.")



def test_a_negated_figure_is_rendered_by_a_bound():
    # 未满 "not reaching" + a figure is a bound: "fewer than 20" renders it without a negation
    zh = "本办法所称微型企业，是指从业人员未满20人的企业。"
    assert not POLARITY.run_pair(zh, "Micro enterprises under these measures are those with fewer than 20 employees.")
    assert flagged(POLARITY, zh, "Micro enterprises under these measures are those with 20 employees or more.", "未")


def test_a_sub_word_of_the_negated_gloss_renders_the_negation():
    # "substandard" is sub- + 合格 "meeting a standard"
    zh = "质检部门对不合格批次一律责令召回。"
    assert not POLARITY.run_pair(zh, "The quality inspectors ordered every substandard batch to be recalled.")
    assert flagged(POLARITY, zh, "The quality inspectors ordered every qualified batch to be recalled.", "不")

# --------------------------------------------------------------------------- modality

def test_a_permission_said_for_every_case():
    zh = "对情节轻微的，税务机关可以减轻处罚。"
    wrong = "Where the circumstances are minor, the tax authority will reduce the penalty in every case."
    assert flagged(MODALITY, zh, wrong, "可以")
    assert not MODALITY.run_pair(zh, "Where the circumstances are minor, the tax authority may reduce the penalty.")


def test_an_order_beyond_the_chinese_orders_hardens_a_best_effort():
    zh = "各地要加快建设保障性住房，力争年内开工五万套。"
    wrong = ("Localities should speed up the building of affordable housing and must begin building "
             "50,000 units this year.")
    assert flagged(MODALITY, zh, wrong, "力争")
    assert not MODALITY.run_pair(zh, wrong.replace("must begin", "strive to begin"))


def test_a_prohibition_said_as_a_rule_with_exceptions():
    zh = "未取得安全生产许可证的企业，一律不得从事生产活动。"
    wrong = "Enterprises without a work safety licence should generally not engage in production."
    assert flagged(MODALITY, zh, wrong, "不得")
    assert not MODALITY.run_pair(zh, "Enterprises without a work safety licence must not engage in production "
                                     "under any circumstances.")


def test_a_duty_said_usually():
    zh = "特种作业人员必须持证上岗。"
    assert flagged(MODALITY, zh, "Special operations personnel should usually hold a certificate.", "必须")
    assert not MODALITY.run_pair(zh, "Special operations personnel must hold a certificate.")


def test_an_adverb_of_a_chinese_word_is_no_hedge():
    # "generally" renders 普遍 "general", not a softening of 必须
    zh = "社会各界普遍认为必须加强监管。"
    assert not MODALITY.run_pair(zh, "All sectors of society generally agree that supervision must be strengthened.")


def test_a_hedge_on_the_prohibition_word_softens_it():
    zh = "自然保护区核心区内一律禁止开展旅游活动。"
    assert flagged(MODALITY, zh, "Tourism is generally prohibited in the core areas of nature reserves.", "禁止")
    assert not MODALITY.run_pair(zh, "Tourism is prohibited without exception in the core areas of nature reserves.")


# --------------------------------------------------------------------------- time: a compared period

def test_a_first_n_months_compared_against_is_the_preceding_period():
    # 比前两个月 / 与前三个月相比: the period measured against, "the previous/preceding N months"
    march = "In March, sales of new commercial housing in the city picked up markedly from the previous two months."
    april = "Compared with the preceding three months, electricity consumption in April rose by 6 percent."
    for zh, en in (("三月份全市新建商品住宅成交量比前两个月明显回升。", march),
                   ("与前三个月相比，四月份的用电量增长了百分之六。", april)):
        assert TIME_EXPRESSION.run_pair(zh, en) == []
    # a period the sentence opens with is still "the first N months"
    zh = "前两个月，全市新建商品住宅成交量同比下降百分之五。"
    assert not TIME_EXPRESSION.run_pair(zh, "In the first two months, sales of new commercial housing in the city "
                                            "fell by 5 percent year on year.")
    assert flagged(TIME_EXPRESSION, zh, "In the past two months, sales of new commercial housing in the city "
                                        "fell by 5 percent year on year.", "前两个月")
