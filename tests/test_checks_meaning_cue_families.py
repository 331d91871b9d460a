"""direction, modality and time-expression beyond the cue words the tables name (issue 15).

The blind probes of corpora/qa-probes-2 showed the checks knew the issue's cue words, not their
families.  Each rule here reads a real resource or a grammatical class, not a list of words:
direction cues from CC-CEDICT glosses (趋缓 "to slow down", 不及 "to fall short of", 优于 "to
surpass"), the quantity nouns of the table (降幅 "size of the fall"), best efforts said as
certainties (力争 → "will ensure"), absence of obligation ("need not") for a prohibition.

The sentences are our own, in the register of statistical releases and State Council notices
(not taken from the probes); each true positive is the right English with one fluent meaning
error, each clean negative the right English.  No embedder: the checks read CC-CEDICT, jieba and
their tables only.
"""

from __future__ import annotations

from qa.checks.direction import DIRECTION, _as_verb
from qa.checks.modality import MODALITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.direction_glosses import english_direction_cues, gloss_direction

# --------------------------------------------------------------------------- direction


def test_gloss_direction_reads_the_first_plain_sense():
    assert gloss_direction("趋缓").kind == "down"  # "to slow down"
    assert gloss_direction("不及").kind == "down"  # "to fall short of"
    assert gloss_direction("超越").kind == "up"  # "to surpass"
    assert gloss_direction("回跌").kind == "down"  # "to fall back (of water level or share prices)"
    # not a verb of change first, a bracketed object, a non-direction complement, a table cue
    for word in ("发展", "成长", "提出", "生病", "下降", "优于"):
        assert gloss_direction(word) is None, word


def test_glossed_cue_slow_down():
    zh = "今年以来，全市房地产投资增速趋缓。"
    bad = DIRECTION.run_pair(zh, "Since the start of this year, growth in the city's real estate "
                                 "investment has accelerated.")
    assert bad and "趋缓" in bad[0].message
    assert not DIRECTION.run_pair(zh, "Since the start of this year, growth in the city's real estate "
                                      "investment has slowed.")


def test_glossed_cue_fall_short_of():
    zh = "受需求不足影响，部分地区项目开工进度不及预期。"
    bad = DIRECTION.run_pair(zh, "Owing to weak demand, construction starts in some regions ran ahead "
                                 "of expectations.")
    assert bad and "不及" in bad[0].message and bad[0].severity == "major"
    assert not DIRECTION.run_pair(zh, "Owing to weak demand, construction starts in some regions fell "
                                      "short of expectations.")
    zh = "今年一季度，新签合同金额不及上年同期水平。"  # "exceeded" is read although it stems apart
    assert DIRECTION.run_pair(zh, "In the first quarter, the value of newly signed contracts exceeded "
                                  "the level of the same period last year.")
    assert not DIRECTION.run_pair(zh, "In the first quarter, the value of newly signed contracts fell "
                                      "short of the level of the same period last year.")


def test_glossed_comparative_surpass():
    zh = "该市空气质量优良天数比例优于全省平均水平。"
    assert DIRECTION.run_pair(zh, "The share of days with good air quality in the city was lower than "
                                  "the provincial average.")
    assert not DIRECTION.run_pair(zh, "The share of days with good air quality in the city was better "
                                      "than the provincial average.")


def test_quantity_noun_takes_its_own_english_word():
    zh = "1—10月份，规模以上工业企业利润降幅比1—9月份收窄1.3个百分点。"
    bad = DIRECTION.run_pair(zh, "From January to October, the decline in profits of industrial "
                                 "enterprises above designated size widened by 1.3 percentage points "
                                 "from January to September.")
    assert bad and "收窄" in bad[0].message and "widened" in bad[0].message
    assert not DIRECTION.run_pair(zh, "From January to October, the decline in profits of industrial "
                                      "enterprises above designated size narrowed by 1.3 percentage "
                                      "points from January to September.")
    # a verb renders the change, not the quantity: "grew" stays 增长's though 增幅 is in the clause
    assert not DIRECTION.run_pair("尽管外需疲软，一季度全省出口仍增长3.1%，为近三年来最低增幅。",
                                  "Despite the slowdown in external demand, the province's exports still grew "
                                  "3.1% in the first quarter, the lowest in three years.")


def test_noun_verb_homographs_count_as_verbs_only():
    zh = "今年前三季度，全省外贸进出口规模持续扩大。"
    bad = DIRECTION.run_pair(zh, "In the first three quarters, the scale of the province's foreign "
                                 "trade continued to contract.")
    assert bad and "contract" in bad[0].message
    assert not DIRECTION.run_pair(zh, "In the first three quarters, the scale of the province's "
                                      "foreign trade continued to expand.")
    en = "The city signed more export contracts, and its pay slips were issued on time."
    hits = [h for h in english_direction_cues().find(en) if h.strength == "verb"]
    assert hits and not any(_as_verb(en, h) for h in hits)
    en = "Industrial output slipped by 0.4% and services contracted sharply."
    assert all(_as_verb(en, h) for h in english_direction_cues().find(en) if h.strength == "verb")
    # an -ing form after a verb of aspect is a verb too: "kept sliding" says a fall
    zh = "受原材料供应紧张影响，三季度以来全市二手住房成交价格持续攀升，部分购房者观望情绪加重。"
    bad = DIRECTION.run_pair(zh, "Owing to tight supplies of raw materials, prices of second-hand homes in the "
                                 "city have kept sliding since the third quarter, and some buyers have grown "
                                 "more hesitant.")
    assert bad and "sliding" in bad[0].message
    assert not DIRECTION.run_pair(zh, "Owing to tight supplies of raw materials, prices of second-hand homes in "
                                      "the city have kept climbing since the third quarter, and some buyers have "
                                      "grown more hesitant.")
    en = "The landslide kept the road closed, and a sliding door was fitted."
    assert not any(_as_verb(en, h) for h in english_direction_cues().find(en) if h.strength == "verb")


def test_records_and_levels():
    zh = "全市失业率创十年来新低。"
    assert DIRECTION.run_pair(zh, "The city's unemployment rate hit a record high.")
    assert not DIRECTION.run_pair(zh, "The city's unemployment rate hit a record low.")
    zh = "沪指收盘创年内新高。"
    assert DIRECTION.run_pair(zh, "The Shanghai index closed at its lowest level this year.")
    assert not DIRECTION.run_pair(zh, "The Shanghai index closed at its highest level this year.")
    zh = "当前物价水平总体偏低。"
    assert DIRECTION.run_pair(zh, "Prices are generally on the high side.")
    assert not DIRECTION.run_pair(zh, "Prices are generally on the low side.")


def test_figure_bound_renders_no_change():
    """"over 12 million" renders 以上, a bound of the figure, not the rise 增加 says."""
    zh = "截至年末，全市常住人口增加到1200万以上，城镇化率继续提高。"
    bad = DIRECTION.run_pair(zh, "By the end of the year, the city's resident population had declined to just "
                                 "over 12 million, and the urbanization rate continued to rise.")
    assert bad and "增加" in bad[0].message and "declined" in bad[0].message
    assert not DIRECTION.run_pair(zh, "By the end of the year, the city's resident population had grown to just "
                                      "over 12 million, and the urbanization rate continued to rise.")


def test_short_of_is_a_comparative():
    """"2.1 points short of the target" says below it, as "below" does: evidence against 高于."""
    zh = "前三季度，全省地表水优良水体比例为92.3%，高于年度目标2.1个百分点。"
    bad = DIRECTION.run_pair(zh, "In the first three quarters, the share of surface water of good quality in the "
                                 "province was 92.3%, 2.1 percentage points short of the annual target.")
    assert bad and "高于" in bad[0].message and "short of" in bad[0].message
    assert not DIRECTION.run_pair(zh, "In the first three quarters, the share of surface water of good quality in "
                                      "the province was 92.3%, 2.1 percentage points above the annual target.")


def test_phrasal_verb_with_a_degree_adverb_states_a_change():
    """"picked up markedly" says how far a pace rose; "picked up the samples" says nothing of it."""
    zh = "受持续雨雪天气影响，一月份全省重点项目施工进度明显放缓。"
    bad = DIRECTION.run_pair(zh, "Owing to persistent rain and snow, construction on the province's key "
                                 "projects picked up markedly in January.")
    assert bad and "放缓" in bad[0].message and "picked up" in bad[0].message
    assert not DIRECTION.run_pair(zh, "Owing to persistent rain and snow, construction on the province's key "
                                      "projects slowed markedly in January.")
    assert not DIRECTION.run_pair("一月份全省重点项目施工进度明显放缓，检查组在各工地抽取了样品。",
                                  "Construction on the province's key projects slowed markedly in January, and "
                                  "inspectors picked up samples at every site.")


# --------------------------------------------------------------------------- modality


def test_best_effort_said_as_a_certainty():
    zh = "力争到2027年，全市新能源汽车保有量达到50万辆。"
    bad = MODALITY.run_pair(zh, "The city will ensure that the number of new energy vehicles reaches "
                                "500,000 by 2027.")
    assert bad and "力争" in bad[0].message and bad[0].severity == "minor"
    assert not MODALITY.run_pair(zh, "The city will strive to bring the number of new energy vehicles "
                                     "to 500,000 by 2027.")
    assert not MODALITY.run_pair(zh, "The city aims to ensure that the number of new energy vehicles "
                                     "reaches 500,000 by 2027.")  # the aim renders 力争
    # 确保 says the certainty itself
    assert not MODALITY.run_pair("确保到2025年，所有行政村通光纤。",
                                 "We will ensure that all administrative villages are connected to optical "
                                 "fibre by 2025.")


def test_rule_with_exceptions_said_without_exception():
    zh = "原则上，评审专家连续聘任不超过两届。"
    bad = MODALITY.run_pair(zh, "Reviewing experts shall without exception serve no more than two "
                                "consecutive terms.")
    assert bad and "原则上" in bad[0].message
    assert not MODALITY.run_pair(zh, "In principle, reviewing experts shall serve no more than two "
                                     "consecutive terms.")


def test_absence_of_obligation_is_a_permission():
    zh = "在财政收支矛盾较为突出的地区，不宜新设专项补贴。"
    bad = MODALITY.run_pair(zh, "In regions where fiscal pressure is acute, new special subsidies need "
                                "not be created.")
    assert bad and "不宜" in bad[0].message and "need not" in bad[0].message
    assert not MODALITY.run_pair(zh, "In regions where fiscal pressure is acute, new special subsidies "
                                     "should not be created.")
    zh = "企业需要在30日内提交申请材料。"
    assert MODALITY.run_pair(zh, "Enterprises do not need to submit application materials within 30 days.")
    # 不需要 is the absence of the obligation itself; "not only … but also" is no negation
    assert not MODALITY.run_pair("符合条件的企业不需要再次提交申请材料。",
                                 "Eligible enterprises do not need to submit application materials again.")
    assert not MODALITY.run_pair("发展优势产业，既需要企业努力，也需要政府作为。",
                                 "The development of competitive industries needs not only the enterprises' "
                                 "efforts but also the government's actions.")
    zh = "申请人必须提交身份证明原件。"
    assert MODALITY.run_pair(zh, "Applicants do not have to submit the original proof of identity.")
    assert not MODALITY.run_pair(zh, "Applicants must submit the original proof of identity.")


# --------------------------------------------------------------------------- time-expression


def test_middle_of_the_year():
    zh = "国家统计局将于年中发布人口抽样调查主要数据。"
    bad = TIME_EXPRESSION.run_pair(zh, "The National Bureau of Statistics will release the main data of "
                                       "the population sample survey at the end of the year.")
    assert bad and "年中" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "The National Bureau of Statistics will release the main "
                                            "data of the population sample survey in the middle of the year.")
    # 今年中国 is 今年 + 中国: no 年中 there
    assert not TIME_EXPRESSION.run_pair("今年中国经济运行总体平稳，年底前将完成全部改革任务。",
                                        "China's economy ran smoothly this year, and all reform tasks will be completed "
                                        "before the end of the year.")


def test_eve_is_before():
    zh = "春节前夕，市领导走访慰问了困难群众。"
    bad = TIME_EXPRESSION.run_pair(zh, "In the wake of the Spring Festival, city leaders visited people "
                                       "in difficulty.")
    assert bad and "前夕" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "On the eve of the Spring Festival, city leaders visited "
                                            "people in difficulty.")


def test_taking_effect_from_a_date():
    zh = "本条例自2024年7月1日起施行。"
    assert TIME_EXPRESSION.run_pair(zh, "These Regulations shall remain in force until July 1, 2024.")
    assert not TIME_EXPRESSION.run_pair(zh, "These Regulations shall come into force on July 1, 2024.")


def test_bare_same_period():
    zh = "一季度全省社会消费品零售总额增长6.2%，高于同期全国平均水平1.5个百分点。"
    bad = TIME_EXPRESSION.run_pair(zh, "Retail sales of consumer goods in the province grew 6.2% in the "
                                       "first quarter, 1.5 percentage points above the national average "
                                       "for the whole of last year.")
    assert bad and "同期" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "Retail sales of consumer goods in the province grew 6.2% in "
                                            "the first quarter, 1.5 percentage points above the national "
                                            "average over the same period.")


def test_an_event_named_by_a_noun_meets_its_verb():
    # CC-CEDICT glosses 届满 by a noun ("expiration of a term"); the English says the verb
    from qa.event_order import with_verb_stems

    assert "expir" in with_verb_stems({"expiration"}) and "retir" in with_verb_stems({"retirement"})
    assert with_verb_stems({"city", "nation"}) == {"city", "nation"}
    zh = "行政许可有效期届满前30日内，被许可人应当向原许可机关提出延续申请。"
    bad = TIME_EXPRESSION.run_pair(zh, "Within 30 days after the administrative licence expires, the licensee "
                                       "shall apply to the original licensing authority for an extension.")
    assert bad and "届满前" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "Within 30 days before the administrative licence expires, the "
                                            "licensee shall apply to the original licensing authority for an "
                                            "extension.")


def test_the_end_of_a_term_is_not_its_start():
    zh = "村民委员会任期届满时，应当依法进行换届选举。"
    bad = TIME_EXPRESSION.run_pair(zh, "When the term of the villagers' committee begins, a new election "
                                       "shall be held in accordance with the law.")
    assert bad and "届满" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "When the term of the villagers' committee expires, a new election "
                                            "shall be held in accordance with the law.")


def test_a_span_up_to_now_is_no_moment_back():
    zh = "近五年来，全省累计新建农村公路3.2万公里。"
    bad = TIME_EXPRESSION.run_pair(zh, "Five years ago, the province built a total of 32,000 kilometres of "
                                       "new rural roads.")
    assert bad and "近五年" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "Over the past five years, the province has built a total of "
                                            "32,000 kilometres of new rural roads.")
    # after an event, the span up to now is "since <the event> N years ago"
    assert not TIME_EXPRESSION.run_pair("开发区设立20年来，累计引进外资项目460个。",
                                        "Since the development zone was set up 20 years ago, it has attracted a total of 460 "
                                        "foreign-funded projects.")


def test_the_previous_year_written_with_yi():
    zh = "各单位应于每年1月底前报送上一年度安全生产工作总结。"
    bad = TIME_EXPRESSION.run_pair(zh, "By the end of January each year, all units shall submit a summary of "
                                       "their work safety in the current year.")
    assert bad and "上一年度" in bad[0].message
    assert not TIME_EXPRESSION.run_pair(zh, "By the end of January each year, all units shall submit a summary "
                                            "of their work safety in the previous year.")
    # 以下一年度 is 以下 "below" + 一 + 年度: no 下一年度 "next year"
    assert not TIME_EXPRESSION.run_pair("申报金额在十万元以下一年度内可申请一次。",
                                        "Applications for amounts of 100,000 yuan or less may be made once within this year.")
