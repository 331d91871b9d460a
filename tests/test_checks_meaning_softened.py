"""Meaning errors that blind-written probes showed the cue rules missed (issue 15), one family each.

Every sentence is our own, in the register of notices and statistical releases: a true
positive (the English with one fluent meaning error) and a clean negative (the right English).
No embedder: the checks read CC-CEDICT, jieba and their cue tables only.

- modality: an order softened into a best effort, a condition or a recommendation ("should try
  to", "where possible", "are advised to"), and a prohibition whose only English negation is a
  "without" that belongs to a condition;
- polarity: an English negative word that an implicitly negative Chinese word owns (拒不
  "refuse", 禁 "ban"), and two negated clauses rendered by one English clause with one negation;
- direction: comparisons (低于, 快于, 较上年缩短) read by their English comparatives;
- time-expression: the same period last year, the middle of the year, a span since a time.
"""

from __future__ import annotations

import pytest

from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION

CASES = [
    # modality: an obligation softened into a best effort, a condition, a recommendation
    (MODALITY, "各医疗机构必须在24小时内上报传染病疫情。",
     "Medical institutions should try to report infectious disease outbreaks within 24 hours.",
     "Medical institutions must report infectious disease outbreaks within 24 hours."),
    (MODALITY, "新建住宅小区一律配建充电设施。",
     "New residential compounds should be fitted with charging facilities where possible.",
     "All new residential compounds shall be fitted with charging facilities."),
    (MODALITY, "考生务必携带身份证原件。",
     "Candidates are advised to bring the original of their identity card.",
     "Candidates must bring the original of their identity card."),
    # modality: "without" is the condition's (未经许可), not a prohibition
    (MODALITY, "未经许可，任何人不得进入实验室。",
     "Anyone may enter the laboratory without permission.",
     "No one may enter the laboratory without permission."),
    # polarity: "refuse" is 拒不's, so nothing renders 没有
    (POLARITY, "没有正当理由拒不履行合同义务的，应当承担违约责任。",
     ("A party that refuses, even with good reason, to perform its contractual obligations shall "
     "be liable for breach of contract."),
     ("A party that refuses without good reason to perform its contractual obligations shall "
     "be liable for breach of contract.")),
    # polarity: "bans" is 禁渔's, so nothing renders 不到位
    (POLARITY, "一些地方禁渔规定执行不到位。",
     "Fishing bans in some places have been fully enforced.",
     "Fishing bans in some places have not been properly enforced."),
    # polarity: two negated clauses, one English clause with one negation
    (POLARITY, "未经登记，任何单位不得从事危险废物经营活动。",
     "No unit may engage in the hazardous waste business once it has registered.",
     "No unit may engage in the hazardous waste business without registration."),
    # direction: comparisons read by their comparatives
    (DIRECTION, "本季度发生的安全事故少于上季度。",
     "More safety accidents occurred this quarter than in the previous quarter.",
     "Fewer safety accidents occurred this quarter than in the previous quarter."),
    (DIRECTION, "全市平均通勤时间较上年缩短5分钟。",
     "The average commuting time in the city was 5 minutes longer than the year before.",
     "The average commuting time in the city was 5 minutes shorter than the year before."),
    (DIRECTION, "服务业增加值增速快于工业。",
     "Value added of the service sector grew more slowly than that of industry.",
     "Value added of the service sector grew faster than that of industry."),
    # time: the same period last year, the middle of the year, a span since a time
    (TIME_EXPRESSION, "上半年全市接待游客人数比去年同期增长12%。",
     ("In the first half, the number of tourists received by the city rose 12% over the whole of "
     "last year."),
     ("In the first half, the number of tourists received by the city rose 12% over the same "
     "period last year.")),
    (TIME_EXPRESSION, "新航站楼将于年底前投入使用。",
     "The new terminal will be put into service by mid-year.",
     "The new terminal will be put into service by the end of the year."),
    (TIME_EXPRESSION, "年初以来，全市新增市场主体3万户。",
     "At the beginning of the year, 30,000 new market entities were registered in the city.",
     "Since the beginning of the year, 30,000 new market entities have been registered in the city."),
    (TIME_EXPRESSION, "2019年以来，全省累计建成5G基站8万个。",
     "In 2019, the province built a total of 80,000 5G base stations.",
     "Since 2019, the province has built a total of 80,000 5G base stations."),
]


@pytest.mark.parametrize(("check", "zh", "wrong", "right"), CASES,
                         ids=[f"{c.id}-{i}" for i, (c, *_rest) in enumerate(CASES)])
def test_error_flagged_and_right_rendering_clean(check, zh, wrong, right):
    assert [f for f in check.run_pair(zh, wrong)], wrong
    assert not check.run_pair(zh, right), right


def test_chinese_effort_word_is_rendered_by_an_english_hedge():
    """着力 "to try really hard" and 努力 are rendered "strive to": no softening of 要 / 需."""
    assert not MODALITY.run_pair("企业要努力降低单位产品能耗。",
                                 "Enterprises should strive to cut energy consumption per unit of output.")
    assert not MODALITY.run_pair("需着力构建多元共治格局。",
                                 "We need to strive to build a pattern of pluralistic co-governance.")


def test_hedge_of_an_obligation_is_major_at_sentence_level():
    found = MODALITY.run_pair("各医疗机构必须在24小时内上报传染病疫情。",
                              "Medical institutions should try to report infectious disease outbreaks within 24 hours.")
    assert found[0].severity == "major" and "try to" in found[0].message


def test_one_english_ban_per_chinese_prohibition_word():
    """禁用 owns one "banned"; the other one renders 禁止 (no false alarm)."""
    assert not POLARITY.run_pair("两省已禁止露天烧烤，另一省则禁用一次性塑料袋。",
                                 "Two provinces have banned open-air barbecues, while another has banned "
                                 "single-use plastic bags.")


def test_a_point_inside_a_since_span_is_a_minor_flag():
    """"In 2019" for 2019年以来 names the year, not the time since: pointed at, minor (a loose
    以来 before a one-off event is rightly "in 2019"); "before 2019" stays major."""
    zh = "2019年以来，全省累计建成5G基站8万个。"
    built = "the province built 80,000 5G base stations."
    assert [f.severity for f in TIME_EXPRESSION.run_pair(zh, f"In 2019, {built}")] == ["minor"]
    assert [f.severity for f in TIME_EXPRESSION.run_pair(zh, f"Before 2019, {built}")] == ["major"]
