"""Polarity, time, direction and modality on cues jieba glues into longer words and on frames
the cue tables did not read (issue 15, unseen text).

Each rule gets a true positive (the faithful English with the one error a translator makes)
and a clean negative (the faithful English), in sentences written for these tests in the
register of regulations, statistical releases and work reports.  No embedder: the rules read
the cue tables, CC-CEDICT, jieba and the clause matcher's word evidence only.
"""

from __future__ import annotations

from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.event_order import reversed_orders
from qa.meaning_cues import cue_rows, zh_glued_cues
from qa.model import Check
from qa.transition_order import swapped_transitions


def flagged(check: Check, zh: str, en: str, cue: str) -> bool:
    return any(zh[s:e] in cue or cue in zh[s:e] for f in check.run_pair(zh, en) for s, e in f.zh_spans)


# --------------------------------------------------------------------------- glued cues


def test_a_cue_glued_to_its_verb_is_read_off_the_word():
    rows = cue_rows("negators.tsv")
    zh = "部分山区学生难以获得优质教育资源，企业拒不执行整改通知。"
    found = {h.row.cue for h in zh_glued_cues(zh, rows)}
    assert {"难以", "拒不"} <= found
    # 难以实现 "hard to accomplish" is a CC-CEDICT word of its own: nothing is read inside it
    assert not zh_glued_cues("这一目标难以实现。", rows)


ZH_HARD = "部分山区学生难以获得优质教育资源。"


def test_a_glued_absence_with_no_english_is_flagged():
    wrong = "Students in some mountain areas can easily obtain high-quality educational resources."
    assert flagged(POLARITY, ZH_HARD, wrong, "难以")
    right = "Students in some mountain areas find it hard to obtain high-quality educational resources."
    assert not POLARITY.run_pair(ZH_HARD, right)


ZH_DISTRICTS = "部分社区难以保障老年人就餐需求。"


def test_a_reading_of_the_first_character_does_not_render_the_word():
    # 难 nàn "distress" is no rendering of 难以, and "districts" no form of "distress"
    wrong = "In some districts, communities are managing to meet the meal needs of older residents."
    assert flagged(POLARITY, ZH_DISTRICTS, wrong, "难以")
    right = "In some districts, communities struggle to meet the meal needs of older residents."
    assert not POLARITY.run_pair(ZH_DISTRICTS, right)


ZH_EXEMPT = "因不可抗力未能按期交货的企业，经核实后可免于承担违约责任，不影响信用评级。"


def test_an_absence_sharing_an_english_clause_with_another_negation():
    # "unable" renders 未能, "not" renders 不影响: nothing is left for 免于
    wrong = ("Enterprises that were unable to deliver on time because of force majeure may be held liable "
             "for breach of contract after verification, and their credit ratings will not be affected.")
    assert flagged(POLARITY, ZH_EXEMPT, wrong, "免于")
    right = wrong.replace("may be held liable for", "may be exempted from liability for")
    assert not flagged(POLARITY, ZH_EXEMPT, right, "免于")



# --------------------------------------------------------------------------- polarity


ZH_NOT_BUT = "这次改革并不是削减公共开支，而是优化支出结构。"


def test_not_only_does_not_render_not_a_but_b():
    wrong = "This reform is not only a cut in public spending but also an optimization of the spending structure."
    assert flagged(POLARITY, ZH_NOT_BUT, wrong, "并不是")
    right = "This reform is not a cut in public spending but an optimization of the spending structure."
    assert not POLARITY.run_pair(ZH_NOT_BUT, right)


def test_not_only_renders_a_negated_restriction():
    zh = "这次检查不只是查找问题，更要推动整改。"
    en = "This inspection is not only about finding problems but also about pushing for rectification."
    assert not flagged(POLARITY, zh, en, "不")



# --------------------------------------------------------------------------- negations in a clause


def test_a_two_character_verb_before_a_potential_complement_is_the_verb():
    from qa.potential_complement import potential_negations

    found = potential_negations("这些矛盾处理不好就会影响社会稳定。")
    assert [(p.word, p.gloss) for p in found] == [("处理不好", "cannot handle")]
    # a compound CC-CEDICT lists keeps its own reading
    assert [p.word for p in potential_negations("我们离不开群众的支持。")] == ["离不开"]


ZH_TWO_CONDITIONS = "凡未经登记或者登记材料不齐全的车辆，一律不得上路行驶。"


def test_two_negations_joined_by_a_conjunction_each_need_a_negation():
    wrong = "Vehicles that are registered or whose registration documents are incomplete may not be driven on the road."
    assert flagged(POLARITY, ZH_TWO_CONDITIONS, wrong, "未经")
    right = ("Vehicles that are not registered or whose registration documents are incomplete may not be "
             "driven on the road.")
    assert not POLARITY.run_pair(ZH_TWO_CONDITIONS, right)


ZH_NOT_OBTAINED = "检查中发现，未获审批的3个项目已全部责令停工整改。"


def test_a_negator_glued_to_its_verb_and_a_word_of_ceasing():
    # jieba's 未获 is 未 + 获 "to obtain"; "suspend" renders 停工 "to stop work", not the 未
    wrong = ("The inspection found that all three projects that had obtained approval were ordered to "
             "suspend construction for rectification.")
    assert flagged(POLARITY, ZH_NOT_OBTAINED, wrong, "未")
    right = wrong.replace("that had obtained approval", "that had not obtained approval")
    assert not POLARITY.run_pair(ZH_NOT_OBTAINED, right)


ZH_NOT_REPORTED = "对逾期未报到的新录用人员，人事部门应当及时与本人联系。"


def test_a_negator_glued_to_the_first_character_of_a_verb():
    # jieba cuts 未报到 as 未报 ("unavenged", a rare word) + 到; 报到 "to report for duty" is the verb
    wrong = "Where newly recruited staff report after the deadline, the personnel department shall promptly contact them."
    assert flagged(POLARITY, ZH_NOT_REPORTED, wrong, "未")
    right = wrong.replace("report after the deadline", "fail to report for duty by the deadline")
    assert not POLARITY.run_pair(ZH_NOT_REPORTED, right)


ZH_LITOTES = "有学者认为，在城市群内统一规划产业园区的设想不无道理。"


def test_a_litotes_said_with_one_negation_is_reversed():
    wrong = "Some scholars believe that the idea of planning industrial parks jointly within city clusters is without merit."
    assert flagged(POLARITY, ZH_LITOTES, wrong, "不无")
    for right in ("is not without merit", "has some merit"):
        assert not POLARITY.run_pair(ZH_LITOTES, wrong.replace("is without merit", right))

# --------------------------------------------------------------------------- time


ZH_THIRDS = "每年6月下旬至7月上旬是小麦收购的高峰期。"


def test_a_third_of_a_month_is_not_excused_by_another_months_word():
    # 7月上旬's "early" says "early July", not "early June"
    wrong = "Early June to early July is the peak period for wheat purchases each year."
    assert flagged(TIME_EXPRESSION, ZH_THIRDS, wrong, "6月下旬")
    right = "Late June to early July is the peak period for wheat purchases each year."
    assert not TIME_EXPRESSION.run_pair(ZH_THIRDS, right)


ZH_FROM_DAY = "自今年3月1日起，本市全面推行电子发票。"
ZH_FROM_MONTH = "自2026年7月起，新标准在全省范围内实施。"


def test_from_a_date_on_is_not_until_it():
    wrong = "Until March 1 this year, the city fully rolled out electronic invoices."
    assert flagged(TIME_EXPRESSION, ZH_FROM_DAY, wrong, "1日起")
    right = "Starting March 1 this year, the city has fully rolled out electronic invoices."
    assert not TIME_EXPRESSION.run_pair(ZH_FROM_DAY, right)
    wrong = "By July 2026, the new standard will be implemented across the province."
    assert flagged(TIME_EXPRESSION, ZH_FROM_MONTH, wrong, "7月起")
    right = "From July 2026, the new standard will be implemented across the province."
    assert not TIME_EXPRESSION.run_pair(ZH_FROM_MONTH, right)


ZH_LAST_MONTH = "各单位须于每月10日前向主管部门报送上月用电数据。"


def test_last_month_is_not_the_current_month():
    wrong = "All units must report their electricity consumption data for the current month by the 10th of each month."
    assert flagged(TIME_EXPRESSION, ZH_LAST_MONTH, wrong, "上月")
    right = "All units must report their electricity consumption data for the previous month by the 10th of each month."
    assert not TIME_EXPRESSION.run_pair(ZH_LAST_MONTH, right)


ZH_BEFORE_MATCH = "赛前，组委会对所有场馆进行了安全检查。"


def test_an_event_glued_to_before_is_not_during_it():
    wrong = "During the competition, the organizing committee carried out safety inspections of all venues."
    assert reversed_orders(ZH_BEFORE_MATCH, wrong)
    right = "Before the competition, the organizing committee carried out safety inspections of all venues."
    assert not reversed_orders(ZH_BEFORE_MATCH, right)
    # the Chinese says "during" the event itself: "during" renders it
    assert not reversed_orders("赛前和比赛期间，组委会都进行了安全检查。",
                               "Before and during the competition, the organizing committee carried out "
                               "safety inspections.")


ZH_FIVE_YEARS = "近五年来，全县新建农村公路1200公里。"


def test_a_counted_period_said_with_another_count():
    wrong = "Over the past year, the county has built 1,200 kilometers of new rural roads."
    assert flagged(TIME_EXPRESSION, ZH_FIVE_YEARS, wrong, "近五年")
    right = "Over the past five years, the county has built 1,200 kilometers of new rural roads."
    assert not TIME_EXPRESSION.run_pair(ZH_FIVE_YEARS, right)
    decade = "近十年来，全县新建农村公路1200公里。"
    assert not TIME_EXPRESSION.run_pair(decade, "Over the past decade, the county has built 1,200 kilometers "
                                                "of new rural roads.")

# --------------------------------------------------------------------------- direction


ZH_TRADE = "今年前三季度，全省外贸由逆差转为顺差。"


def test_a_change_from_one_sign_to_the_other_said_the_other_way_round():
    wrong = "In the first three quarters of this year, the province's foreign trade went from a surplus to a deficit."
    assert flagged(DIRECTION, ZH_TRADE, wrong, "逆差")
    right = "In the first three quarters of this year, the province's foreign trade went from a deficit to a surplus."
    assert not DIRECTION.run_pair(ZH_TRADE, right)


def test_net_flows_are_signs_of_a_transition():
    zh = "去年，该市常住人口由净流入转为净流出。"
    sides = {"净流入": {"up"}, "净流出": {"down"}}

    def zh_sides(text: str) -> set[str]:
        return next((v for k, v in sides.items() if k in text), set())

    def en_sides(text: str) -> set[str]:
        return {"up"} if "inflow" in text else {"down"} if "outflow" in text else set()

    assert swapped_transitions(zh, "Last year the city's population went from a net outflow to a net inflow.",
                               zh_sides, en_sides)
    assert not swapped_transitions(zh, "Last year the city's population went from a net inflow to a net outflow.",
                                   zh_sides, en_sides)


ZH_LEVEL = "受持续降雨影响，太湖水位持续上涨。"


def test_receding_is_a_fall():
    wrong = "Owing to continuous rainfall, the water level of Taihu Lake has kept receding."
    assert flagged(DIRECTION, ZH_LEVEL, wrong, "上涨")
    right = "Owing to continuous rainfall, the water level of Taihu Lake has kept rising."
    assert not DIRECTION.run_pair(ZH_LEVEL, right)


ZH_WITHER = "利润在减少，可供使用的现金也不断萎缩。"


def test_a_noun_of_decrease_turns_the_verb_it_heads():
    right = "Margins are going down and the loss of available cash keeps increasing."
    assert not DIRECTION.run_pair(ZH_WITHER, right)
    wrong = "Margins are going down and the available cash keeps increasing."
    assert flagged(DIRECTION, ZH_WITHER, wrong, "萎缩")

# --------------------------------------------------------------------------- modality


ZH_DISCRETION = "对情节轻微的，监管部门可酌情减轻或者不予处罚。"


def test_a_negation_of_another_word_leaves_an_order_an_order():
    # "none" renders 不予, it does not negate "shall"
    wrong = "For minor cases, regulators shall impose lighter penalties or none at all."
    assert flagged(MODALITY, ZH_DISCRETION, wrong, "可")
    right = "For minor cases, regulators may impose lighter penalties or none at all, as they see fit."
    assert not MODALITY.run_pair(ZH_DISCRETION, right)


def test_a_word_of_inability_is_a_negation():
    """无力 "powerless; lacking strength" (CC-CEDICT) says the clause cannot be done (seventeenth
    session, read from qa-probes-6): rendered "are able to", the meaning is reversed."""
    zh = "部分困难家庭无力承担孩子的课外培训费用。"
    assert flagged(POLARITY, zh, "Some families in difficulty are able to pay for their children's "
                                 "after-school tutoring.", "无力")
    assert POLARITY.run_pair(zh, "Some families in difficulty are unable to pay for their children's "
                                 "after-school tutoring.") == []
    assert POLARITY.run_pair(zh, "Some families in difficulty are powerless to pay for their children's "
                                 "after-school tutoring.") == []


def test_a_window_that_misses_the_english_negation_is_no_evidence():
    """A published translation (bench/qa_published.py, aca): the clause window of 并不科学 ends
    before "was not", and the pair's English says as many negations as its Chinese clauses have.
    Without the negation the flag stands."""
    zh = "尽管科尔布执行的是科学任务，但是他的记述，如同拉·孔达米纳在南美的记述一样，并不科学。"
    assert POLARITY.run_pair(zh, "Though his mission was scientific, Kolb’s account, like that of La Condamine "
                                 "in South America, was not.") == []
    assert flagged(POLARITY, zh, "Though his mission was scientific, Kolb’s account, like that of La Condamine "
                                 "in South America, was scientific too.", "并不")


def test_an_absence_in_another_clause_takes_its_own_english_negation():
    """(eighteenth session, read from qa-probes-7) 缺乏证据 "no supporting evidence" takes the
    English "no": it cannot also stand for the dropped 不予 of the next clause.  Negative words
    rendering the other clauses' absences (避免 "avoid", 拒绝 "refuse") still excuse a window that
    missed the English negation."""
    zh = "经调查，该投诉缺乏证据支持，市场监管局决定不予处罚。"
    head = "After investigation, the complaint was found to have no supporting evidence, and the market regulator "
    assert flagged(POLARITY, zh, head + "decided to impose a penalty.", "不予")
    assert POLARITY.run_pair(zh, head + "decided not to impose a penalty.") == []
    zh = ("若不统一统计口径，人们就无法比较各地数据——我指的是将同一指标用于跨地区的比较研究，所以我们必须接受"
          "统一口径，以回避那些拒绝共享数据的部门造成的缺口。")
    assert POLARITY.run_pair(zh, "Because one cannot compare regional data, by which I mean using the same "
                                 "indicator in cross-regional comparative research, without a common statistical "
                                 "definition, we must accept a single definition to avoid the gaps left by "
                                 "departments that refuse to share data.") == []


def test_a_concession_said_with_if_not_renders_the_negation():
    """(eighteenth session, a published translation's major false alarm) 即便不能改变我的生活 "will
    change, if not my life, certainly my attitude": after 即使/即便 the English "…, if not X, …" says
    the negated concession.  Without it the dropped negation is still flagged."""
    zh = "这项政策即使不能改变市场格局，至少也能提振企业信心。"
    assert POLARITY.run_pair(zh, "This policy will change, if not the market landscape, at least the confidence "
                                 "of businesses.") == []
    assert flagged(POLARITY, zh, "This policy will change the market landscape and at least boost the "
                                 "confidence of businesses.", "不能改变")


def test_only_needing_is_enough_not_a_duty():
    """只需 "it is enough to" (a published translation: "can be operated by uttering a single
    word"): 只/仅 before 需 limits what is needed.  Without 只, 需 is an obligation."""
    zh = "用户只需说出一个字，手机便会自动拨号。"
    assert MODALITY.run_pair(zh, "Users can make the phone dial by uttering a single word.") == []
    assert flagged(MODALITY, "申请人需在三十日内提交材料。",
                   "Applicants can submit the materials within thirty days.", "需")


def test_outlaw_is_a_prohibition():
    """"outlaw" renders 禁止 (a published translation of sailing rules) beside the 允许 "allow" of
    the same sentence."""
    zh = "规则允许使用碳纤维材料，但禁止使用旋转式船桅。"
    assert MODALITY.run_pair(zh, "The rules allow carbon fibre materials but outlaw rotating masts.") == []


def test_alternatives_in_a_rule_s_condition_are_no_option():
    """或者 inside the conditional 的 clause of a regulation names the cases the rule covers
    (qa-probes-6, a right rendering that was flagged): "shall" renders the rule's 应当.  或者
    between acts the rule offers is still an option."""
    zh = ("外国人在宾馆以外的住所居住或者住宿的，应当在入住后24小时内由本人或者留宿人向居住地公安派出所"
          "办理登记。")
    assert MODALITY.run_pair(zh, "Foreign nationals staying in residences other than hotels shall, within 24 "
                                 "hours of arrival, register with the local police station themselves or "
                                 "through their hosts.") == []
    assert flagged(MODALITY, "申请人可以选择线上或者线下办理。", "Applicants must apply online or offline.", "可以")


def test_a_prohibition_said_by_its_one_exception():
    """未…的，一律不得… "may … only once …" (a qa-probes-5 control flagged major): restrictive "only"
    turns the permission into the prohibition's one exception, and one "only" says both negations.
    A plain permission still reverses the prohibition."""
    zh = "老旧小区改造项目，居民意见未达成一致的，一律不得开工建设。"
    en = "Renovation of an old residential compound may begin only once residents have reached agreement on it."
    assert MODALITY.run_pair(zh, en) == [] and POLARITY.run_pair(zh, en) == []
    assert flagged(MODALITY, zh, "Renovation of an old residential compound may begin before residents have "
                                 "reached agreement on it.", "不得")


def test_putting_an_act_off_renders_not_for_now():
    """暂不办理 "not for the time being" rendered "may be deferred" (a qa-probes-5 right rendering
    that was flagged): deferring says the act is not done now.  Done, the negation is lost."""
    zh = "改建期间可暂不办理土地用途变更手续。"
    assert POLARITY.run_pair(zh, "Procedures for changing the land use may be deferred during the conversion.") == []
    assert flagged(POLARITY, zh, "Procedures for changing the land use may be completed during the conversion.",
                   "不")
