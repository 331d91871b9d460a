"""Direction, modality and time on constructions the first cue tables missed (issue 15, unseen text).

Each rule gets a true positive (the faithful English with the one error a translator makes)
and a clean negative (the faithful English), in sentences written for these tests in the
register of statistical releases, weather bulletins and regulations.  No embedder: the rules
read the cue tables, CC-CEDICT, jieba and the clause matcher's word evidence only.
"""

from __future__ import annotations

import pytest

from align.model import Pair
from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.clause_match import match_clauses
from qa.event_order import reversed_orders
from qa.meaning_cues import eliminated
from qa.model import Check


def flagged(check: Check, zh: str, en: str, cue: str) -> bool:
    return any(zh[s:e] in cue or cue in zh[s:e] for f in check.run_pair(zh, en) for s, e in f.zh_spans)


# --------------------------------------------------------------------------- direction

ZH_UP_FIGURE = "一季度，全省规模以上工业增加值同比下降3.2%。"


def test_up_before_a_figure_states_a_rise():
    wrong = "In the first quarter, value added of the province's industry above designated size was up 3.2% year on year."
    assert flagged(DIRECTION, ZH_UP_FIGURE, wrong, "下降")
    assert not DIRECTION.run_pair(ZH_UP_FIGURE, wrong.replace("was up", "was down"))


ZH_NARROWED = "全市工业用电量降幅比上月收窄0.6个百分点。"


def test_the_quantity_noun_after_a_determiner_takes_its_word():
    # "the decline" renders 降幅; nothing renders 收窄 but "widened"
    wrong = ("For industrial power consumption in the city, the decline widened by 0.6 percentage points "
             "from the previous month.")
    assert flagged(DIRECTION, ZH_NARROWED, wrong, "收窄")
    assert not DIRECTION.run_pair(ZH_NARROWED, wrong.replace("widened", "narrowed"))


ZH_SHARE = "今年以来，新能源汽车销量占比不断攀升，已超过全部新车销量的三成。"


def test_a_bound_with_than_does_not_render_a_change():
    # 占比 "share" holds no comparison 比; "more than 30%" renders 超过, not 攀升
    wrong = ("Since the start of this year, the share of new energy vehicles in sales has kept declining "
             "and now accounts for more than 30% of all new car sales.")
    assert flagged(DIRECTION, ZH_SHARE, wrong, "攀升")
    assert not DIRECTION.run_pair(ZH_SHARE, wrong.replace("declining", "rising"))


def test_a_comparison_with_than_is_no_reversal_of_a_change():
    zh = "这种机型的造价比同类飞机高出200万美元，但每座油耗减少了12%。"
    en = "The model costs $2 million more than comparable aircraft, but it is 12% more efficient per seat."
    assert not DIRECTION.run_pair(zh, en)


ZH_DEFICIT = "上半年，全省服务贸易逆差为52.1亿元，同比收窄8.3%。"


def test_a_deficit_rendered_as_a_surplus():
    wrong = "In the first half, the province's services trade surplus was 5.21 billion yuan, narrowing 8.3% year on year."
    found = DIRECTION.run_pair(ZH_DEFICIT, wrong)
    assert found and "逆差 (a deficit)" in found[0].message
    assert not DIRECTION.run_pair(ZH_DEFICIT, wrong.replace("surplus", "deficit"))
    assert not DIRECTION.run_pair("一季度，全省货物贸易由顺差转为逆差。",
                                  "In the first quarter, the province's goods trade swung from a surplus to a deficit.")


def test_a_quality_comparison_reads_better_and_worse():
    zh = "全市空气质量优于全省平均水平。"
    assert flagged(DIRECTION, zh, "The city's air quality was worse than the provincial average.", "优于")
    assert not DIRECTION.run_pair(zh, "The city's air quality was better than the provincial average.")
    # "better" says nothing of a quantity: a lower unemployment rate is better
    assert not DIRECTION.run_pair("全市失业率低于全省平均水平。",
                                  "The city's unemployment rate was better than the provincial average.")


def test_a_level_above_the_usual():
    zh = "今年汛期全市降水量较常年偏多三成。"
    assert flagged(DIRECTION, zh, "Rainfall in the city this flood season was 30% below normal.", "偏多")
    assert not DIRECTION.run_pair(zh, "Rainfall in the city this flood season was 30% above normal.")


# --------------------------------------------------------------------------- elimination

def test_a_clause_is_matched_by_elimination():
    zh = "全省高速公路车流量逐月增加，私家车出行比例明显降低。"
    en = ("Traffic on the province's expressways has increased month by month, while the share of "
          "trips made by private car has risen markedly.")
    pc = match_clauses(Pair(id=1, zh=zh, en=en))
    first, second = pc.links
    assert first.confident and (second.confident or eliminated(pc, second))
    assert flagged(DIRECTION, zh, en, "降低")
    assert not DIRECTION.run_pair(zh, en.replace("risen", "fallen"))


# --------------------------------------------------------------------------- modality

ZH_GLUED = "受影响企业可视情申请延期缴纳社会保险费。"


def test_a_modal_glued_to_the_next_character_is_read():
    # jieba cuts 可视 + 情: the 可 "may" is still there
    wrong = "Affected enterprises must apply to defer their social insurance contributions as circumstances require."
    assert flagged(MODALITY, ZH_GLUED, wrong, "可")
    assert not MODALITY.run_pair(ZH_GLUED, wrong.replace("must", "may"))


ZH_STRIVE = "力争到2026年底，全市新建公共充电桩5000个。"


def test_a_best_effort_said_as_a_duty():
    wrong = "We must build 5,000 new public charging points in the city by the end of 2026."
    assert flagged(MODALITY, ZH_STRIVE, wrong, "力争")
    assert not MODALITY.run_pair(ZH_STRIVE, wrong.replace("must build", "will strive to build"))


ZH_ENSURE = "各地要确保困难群众能及时领取补助资金。"


def test_an_ability_inside_the_order_does_not_soften_it():
    wrong = "All localities should, where possible, ensure that people in difficulty receive their subsidies on time."
    assert flagged(MODALITY, ZH_ENSURE, wrong, "要")
    assert not MODALITY.run_pair(ZH_ENSURE, "All localities must ensure that people in difficulty can "
                                            "receive their subsidies on time.")
    # a softener right after the order softens the order itself
    assert not MODALITY.run_pair("市民应尽量乘坐公共交通出行。", "Residents should try to travel by public transport.")


# --------------------------------------------------------------------------- time

ZH_LATE = "预计9月下旬全省将迎来新一轮降温。"


def test_the_middle_of_a_month_is_not_its_end():
    assert flagged(TIME_EXPRESSION, ZH_LATE, "A new round of cooling is expected across the province in mid-September.", "下旬")
    assert not TIME_EXPRESSION.run_pair(ZH_LATE, "A new round of cooling is expected across the province in late September.")


ZH_DEADLINE = "申报材料须于6月30日前提交至市科技局。"


@pytest.mark.parametrize("en,wrong", [
    ("Application materials must be submitted to the Municipal Science and Technology Bureau after 30 June.", True),
    ("Application materials must be submitted to the Municipal Science and Technology Bureau by 30 June.", False),
    ("Application materials must be submitted to the Municipal Science and Technology Bureau no later than June 30.", False),
])
def test_a_deadline_date(en, wrong):
    assert bool(TIME_EXPRESSION.run_pair(ZH_DEADLINE, en)) is wrong


ZH_EXPIRED = "劳动合同期满的，用人单位应当及时办理终止手续。"


def test_a_conditional_de_clause_has_happened():
    wrong = "Before the employment contract expires, the employer shall promptly complete the termination procedures."
    assert reversed_orders(ZH_EXPIRED, wrong)
    assert flagged(TIME_EXPRESSION, ZH_EXPIRED, wrong, "的")
    assert not TIME_EXPRESSION.run_pair(ZH_EXPIRED, wrong.replace("Before", "Where"))


# --------------------------------------------------------------------------- published-text precision

def test_a_word_of_the_other_direction_that_another_word_glosses_is_that_words():
    # "decline" renders 衰落 "to decline", the object of 加速; the rise is "hastened"
    zh = "新技术正在加速传统集团的衰落。"
    assert not DIRECTION.run_pair(zh, "The decline of traditional conglomerates is being hastened by new technologies.")
    assert flagged(DIRECTION, "今年全市新增就业人数加快增长。",
                   "This year the number of new jobs in the city declined.", "加快")


def test_an_antonym_must_be_a_form_of_its_word():
    from qa.antonyms import antonyms
    from qa.opposite_meaning import is_form_of

    sit = next(a for a in antonyms("lie") if a.antonym == "sit")
    assert is_form_of("sits", sit) and is_form_of("sat", sit)
    assert not is_form_of("sites", sit)  # the stemmer's "sit", no form of it
    really = next(a for a in antonyms("imaginary") if a.antonym == "really")
    assert not is_form_of("really", really)  # an adverb answers no adjective gloss
    lessen = next(a for a in antonyms("deepen", frozenset("v")) if a.antonym == "lessen")
    assert is_form_of("lessening", lessen)


def test_how_often_is_a_time():
    zh = "各地每月向省应急管理厅报送一次安全生产情况。"
    en = "Each locality reports on work safety to the Provincial Emergency Management Department {}."
    assert flagged(TIME_EXPRESSION, zh, en.format("once a year"), "每月")
    assert flagged(TIME_EXPRESSION, zh, en.format("every year"), "每月")
    assert not TIME_EXPRESSION.run_pair(zh, en.format("once a month"))
    assert not TIME_EXPRESSION.run_pair(zh, en.format("monthly"))


def test_a_suspended_compound_says_both_terms():
    zh = "要处理好长期目标与阶段性任务的关系。"
    assert not TIME_EXPRESSION.run_pair(zh, "We must balance long- and short-term goals.")
    assert flagged(TIME_EXPRESSION, zh, "We must balance our short-term goals with the tasks of each stage.", "长期")


def test_particle_verbs_and_verbs_of_comparison():
    zh = "全市房地产开发投资同比下降5.1%。"
    en = "Real estate development investment in the city went {} 5.1% year on year."
    assert flagged(DIRECTION, zh, en.format("up"), "下降")
    assert not DIRECTION.run_pair(zh, en.format("down"))
    zh = "一季度，全省居民人均可支配收入增速快于全国平均水平0.5个百分点。"
    en = ("In the first quarter, growth in per capita disposable income in the province {} the national "
          "average by 0.5 percentage points.")
    assert flagged(DIRECTION, zh, en.format("trailed"), "快于")
    assert not DIRECTION.run_pair(zh, en.format("outpaced"))


def test_nouns_of_a_turn():
    zh = "10月份，全国制造业采购经理指数环比回落0.4个百分点。"
    en = "In October, the national manufacturing purchasing managers' index showed an {} of 0.4 percentage points from September."
    assert flagged(DIRECTION, zh, en.format("uptick"), "回落")
    assert not DIRECTION.run_pair(zh, en.format("easing"))


ZH_APPROVAL = "复制涉密文件须经原制发机关或者其上级机关批准，并登记备案。"


def test_or_between_two_parties_offers_no_permission():
    """或者 joins two approving bodies here, a choice of who approves, not whether approval is needed:
    须 stays an obligation that "may seek approval" softens; 或者 between acts (退还或者赔偿) still
    reads as an option."""
    wrong = ("Anyone copying classified documents may seek approval from the issuing authority or its "
             "superior authority and register the copy.")
    assert flagged(MODALITY, ZH_APPROVAL, wrong, "须")
    assert not MODALITY.run_pair(ZH_APPROVAL, wrong.replace("may seek", "must obtain"))
    # an academic "or" between two nouns is no option that "must" hardens
    assert not MODALITY.run_pair("不正义或者邪恶的法律也必须得到服从吗？这是一个问题。",
                                 "Must unjust or iniquitous laws be obeyed? That is the question.")
