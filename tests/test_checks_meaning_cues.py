"""polarity, direction, modality and time-expression on real sentences, and the clause matcher.

Chinese sources are government and statistics prose (the 2020 National Bureau
of Statistics first-quarter release, the Budget Law, the State Council's
work reports) and the 学习时报 corpus; each true positive is the real English
with its meaning reversed, each clean negative the real English.  No embedder:
the checks read CC-CEDICT, jieba and their cue tables only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Pair
from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.clause_match import match_clauses
from qa.meaning_cues import read_table
from qa.model import Check, Context

ROOT = Path(__file__).resolve().parent.parent




def majors(check: Check, zh: str, en: str):
    return [f for f in check.run_pair(zh, en) if f.severity == "major"]


# --------------------------------------------------------------------------- clause matcher

BUDGET_ZH = "各级政府、各部门、各单位的支出必须以经批准的预算为依据，未列入预算的不得支出。"
BUDGET_EN = ("Expenditures of governments, departments and entities at all levels must be based on "
             "approved budgets; no expenditure may be made for items not included in the budgets.")


def test_clause_matcher_links_each_clause_to_its_rendering():
    pc = match_clauses(Pair(1, BUDGET_ZH, BUDGET_EN))
    assert len(pc.links) == 2
    first, second = pc.links
    assert first.confident and second.confident
    assert "must be based" in BUDGET_EN[slice(*first.en_span)]
    assert "no expenditure" in BUDGET_EN[slice(*second.en_span)]


def test_clause_matcher_one_clause_is_the_whole_sentence():
    pc = match_clauses(Pair(1, "他不得不离开北京。", "He had to leave Beijing, the city he loved."))
    assert pc.whole and pc.links[0].confident
    assert pc.links[0].en_span == (0, len("He had to leave Beijing, the city he loved."))


# --------------------------------------------------------------------------- polarity

def test_polarity_prohibition_rendered_as_allowed():
    zh = "严禁截留、挪用专项资金。"
    bad = majors(POLARITY, zh, "Retention and diversion of special funds is strictly allowed.")
    assert bad and "严禁" in bad[0].message and bad[0].zh[slice(*bad[0].zh_spans[0])] == "严禁"
    assert not POLARITY.run_pair(zh, "Withholding or diverting special funds is strictly prohibited.")


def test_polarity_not_reached_rendered_as_reached():
    zh = "部分地区的工作进展未达到预期。"
    assert majors(POLARITY, zh, "Work in some regions reached expectations.")
    assert not POLARITY.run_pair(zh, "Work in some regions fell short of expectations.")
    assert not POLARITY.run_pair(zh, "Work in some regions did not meet expectations.")


@pytest.mark.parametrize("zh,en", [
    ("未能按期完成任务。", "The task failed to be completed on time."),
    ("我们要不断提高人民生活水平。", "We must constantly raise people's living standards."),
    ("不仅要发展经济，而且要保护环境。", "We must develop the economy and also protect the environment."),
    ("他不得不离开北京。", "He had to leave Beijing."),
    ("这是一个非常重要的会议。", "This is a very important meeting."),
    ("无论遇到什么困难，我们都要坚持。", "Whatever difficulties we face, we will persevere."),
    ("未来五年，无人机产业将快速发展。", "In the next five years the drone industry will grow fast."),
    ("他毫不犹豫地答应了。", "He agreed without hesitation."),
    ("这种做法不合理。", "This practice is unreasonable."),
    ("发展不平衡问题仍然突出。", "The problem of imbalanced development remains prominent."),
    ("出口额不低于去年水平。", "Exports were no less than last year's level."),
    ("这并非偶然。", "This is not a coincidence."),
])
def test_polarity_tricky_negatives(zh, en):
    assert not POLARITY.run_pair(zh, en)


def test_polarity_english_negation_the_chinese_lacks():
    zh = "这种做法是合理的。"
    added = POLARITY.run_pair(zh, "This practice is not reasonable.")
    assert added and added[0].severity == "minor" and "'not'" in added[0].message
    assert not POLARITY.run_pair(zh, "This practice is reasonable.")
    # "not only" is no negation
    assert not POLARITY.run_pair("既要发展经济，也要保护环境。",
                                 "We must not only develop the economy but also protect the environment.")


# --------------------------------------------------------------------------- direction

NBS_ZH = "一季度国内生产总值206504亿元，按可比价格计算，同比下降6.8%。"
NBS_EN = ("China's gross domestic product was 20,650.4 billion yuan in the first quarter, "
          "down by 6.8 percent year on year at comparable prices.")


def test_direction_fall_rendered_as_increase():
    bad = majors(DIRECTION, NBS_ZH, NBS_EN.replace("down by 6.8 percent",
                                                   "a year-on-year increase of 6.8 percent")
                 .replace(" year on year at", " at"))
    assert bad and "下降" in bad[0].message and "increase" in bad[0].message
    assert "decrease of 6.8 percent" in bad[0].suggestion
    assert not DIRECTION.run_pair(NBS_ZH, NBS_EN)


@pytest.mark.parametrize("zh,en", [
    ("要降低企业成本。", "We will cut costs for businesses."),
    ("扩大内需是战略基点。", "Boosting domestic demand is a strategic priority."),
    ("经济增速放缓。", "Economic growth slowed."),
    ("城乡收入差距缩小。", "The income gap between urban and rural areas narrowed."),
    ("居民消费价格下降0.5%。", "Consumer prices fell by 0.5 percent."),
    ("失业率不高于5.5%。", "The unemployment rate will be no higher than 5.5 percent."),
    ("工业增加值同比增长3.9%。", "Industrial value added grew by 3.9 percent year on year."),
])
def test_direction_clean_negatives(zh, en):
    assert not DIRECTION.run_pair(zh, en)


# --------------------------------------------------------------------------- modality

def test_modality_obligation_rendered_as_permission():
    zh = "各级政府的支出必须以经批准的预算为依据。"
    bad = majors(MODALITY, zh, "Government expenditures at all levels may be based on approved budgets.")
    assert bad and "必须" in bad[0].message and "'may'" in bad[0].message
    assert not MODALITY.run_pair(zh, "Government expenditures at all levels must be based on approved budgets.")


def test_modality_prohibition_rendered_as_permission():
    zh = "任何单位和个人不得截留、挪用救灾款物。"
    assert majors(MODALITY, zh, "Any unit or individual may withhold or divert disaster relief funds.")
    assert not MODALITY.run_pair(zh, "No unit or individual may withhold or divert disaster relief funds.")


def test_modality_permission_rendered_as_obligation():
    zh = "申请人可以通过网上平台提交材料。"
    assert majors(MODALITY, zh, "Applicants must submit their materials through the online platform.")
    assert not MODALITY.run_pair(zh, "Applicants can submit their materials through the online platform.")
    # 可持续 "sustainable" is no permission
    assert not MODALITY.run_pair("必须坚持可持续发展。", "We must pursue sustainable development.")


# --------------------------------------------------------------------------- time-expression

def test_time_second_half_rendered_as_first_half():
    zh = "下半年经济运行将继续恢复。"
    bad = majors(TIME_EXPRESSION, zh, "In the first half of the year the economy will keep recovering.")
    assert bad and "下半年" in bad[0].message and bad[0].en[slice(*bad[0].en_spans[0])] == "first half"
    assert not TIME_EXPRESSION.run_pair(zh, "In the second half of the year the economy will keep recovering.")


def test_time_as_of_rendered_as_since():
    zh = "截至6月底，全国累计建成5G基站41万个。"
    assert majors(TIME_EXPRESSION, zh, "Since the end of June, 410,000 5G base stations had been built.")
    assert not TIME_EXPRESSION.run_pair(zh, "By the end of June, 410,000 5G base stations had been built.")


def test_time_quarters_and_both_ends_of_the_year():
    assert majors(TIME_EXPRESSION, "二季度经济增长3.2%。", "The economy grew 3.2% in the third quarter.")
    assert not TIME_EXPRESSION.run_pair("前三季度经济增长0.7%。",
                                        "The economy grew 0.7% in the first three quarters.")
    assert not TIME_EXPRESSION.run_pair("从年初到年底，价格基本稳定。",
                                        "From the beginning to the end of the year, prices were basically stable.")


# --------------------------------------------------------------------------- tables

@pytest.mark.parametrize("name,columns", [("negators.tsv", 3), ("directions.tsv", 4),
                                          ("modals.tsv", 4), ("time_words.tsv", 4)])
def test_cue_tables_are_sourced_and_well_formed(name, columns):
    text = (ROOT / "qa" / "data" / name).read_text(encoding="utf-8")
    assert "Sources:" in text
    assert read_table(name, columns)


def test_bad_cue_table_is_a_clear_error():
    with pytest.raises(InputError, match="line 2"):
        read_table("negators.tsv", 3, ["# header", "zh\t不"])


# --------------------------------------------------------------------------- approximate quantities

def wrong_and_right(check: Check, zh: str, wrong: str, right: str) -> list:
    """Flags on the wrong English (at least one), none on the right one."""
    found = check.run_pair(zh, wrong)
    assert found, wrong
    assert check.run_pair(zh, right) == [], right
    return found


def test_number_bounds_read_both_sides():
    from qa.number_bounds import en_qualified, zh_qualified
    zh = [(q.text, q.bound) for q in zh_qualified("国内就出现了100多个大模型，建成5G基站近1.8万座，400个以上，近10年")]
    assert zh == [("100多", "more"), ("5", ""), ("近1.8万", "less"), ("400个以上", "more"), ("10", "")]
    en = [(q.text, q.bound) for q in en_qualified("nearly 20 provinces, more than 6,000 firms, 20-odd parks, "
                                                  "over 10 years, up to $5 million")]
    assert en == [("nearly 20", "less"), ("more than 6,000", "more"), ("20-odd", "more"), ("10", ""),
                  ("up to $5 million", "less")]


def test_direction_flags_more_than_rendered_as_nearly():
    zh = "国内就出现了100多个类似的大模型。"  # expert-views-collection
    found = DIRECTION.run_pair(zh, "Nearly 100 similar large models have appeared in China.")
    assert [f.severity for f in found] == ["major"] and "100多" in found[0].message
    assert "'more than 100'" in found[0].suggestion
    for en in ("More than 100 similar large models have appeared in China.",
               "Over 100 similar large models have appeared in China.",
               "About 100 similar large models have appeared in China.",
               "100 similar large models have appeared in China."):
        assert DIRECTION.run_pair(zh, en) == [], en


def test_direction_flags_nearly_rendered_as_more_than():
    zh = "强化基础支撑，累计建成5G基站近1.8万座。"  # digital-economy-forum-2
    wrong_and_right(
        DIRECTION, zh,
        "Basic support was strengthened, with more than 18,000 5G base "
        "stations built.",
        "Basic support was strengthened, with nearly 18,000 5G base "
        "stations built.")


def test_direction_flags_a_bound_once():
    zh = "2024年,我国战略性新兴产业增加值占GDP的比重超过13%。"  # wu-jun-shushi-ronghe
    found = DIRECTION.run_pair(zh, "In 2024, the value added of China's strategic emerging industries "
                                   "accounted for less than 13% of GDP.")
    assert len(found) == 1 and "超过13%" in found[0].message
    assert DIRECTION.run_pair(zh, "In 2024, the value added of China's strategic emerging industries "
                                  "accounted for over 13% of GDP.") == []


def test_number_bounds_tricky_negatives():
    # 近10年 is "the past 10 years", not "nearly 10"; "over 10 years" may be "during"
    assert DIRECTION.run_pair("近10年来，产业规模持续扩大。", "Over 10 years, the industry kept expanding.") == []
    # the same figure qualified both ways in the Chinese: either English is right
    assert DIRECTION.run_pair("目标是近20个，目前已有20多个。", "The target was nearly 20; there are "
                                                                "nearly 20 now.") == []


# --------------------------------------------------------------------------- direction: objects

BIOMED_ZH = ("生物医药大数据从研发、制造、医疗服务等各个环节进入生物医药产业链的应用场景中，"
             "为企业在提升效率、降低成本、缩短周期等方面提供了有效措施。")  # digital-economy-forum-3


def test_direction_reads_the_verb_of_the_object():
    found = DIRECTION.run_pair(BIOMED_ZH, "Biomedical big data has entered application scenarios across "
                                          "the biomedical industrial chain, giving enterprises effective "
                                          "means to raise efficiency, increase costs and shorten cycles.")
    assert [f.severity for f in found] == ["major"] and "降低" in found[0].message
    assert "decrease costs" in found[0].suggestion
    for en in ("giving enterprises effective means to raise efficiency, reduce costs and shorten cycles.",
               "giving enterprises effective means to improve efficiency, cut costs and shorten cycles.",
               "giving enterprises effective ways to make gains in efficiency, costs and cycles."):
        assert DIRECTION.run_pair(BIOMED_ZH, "Biomedical big data has entered the industrial chain, " + en) == [], en


def test_direction_reads_irregular_participles_and_ignores_a_neighbours_words():
    zh = "随着互联网消费的迅猛发展，国内物流货运行业整体稳健增长，货运司机群体为国家做出了重要贡献。"
    found = DIRECTION.run_pair(zh, "With the rapid growth of online consumption, China's logistics and "
                                   "freight industry as a whole has shrunk steadily, and freight drivers "
                                   "have made important contributions to the country.")
    assert found and "shrunk" in found[0].message and "grown" in (found[0].suggestion or "")
    assert DIRECTION.run_pair(zh, "With the rapid growth of online consumption, China's logistics and "
                                  "freight industry as a whole has grown steadily, and freight drivers "
                                  "have made important contributions to the country.") == []


# --------------------------------------------------------------------------- time anchored to a figure

def test_time_flags_the_past_years_rendered_as_the_next():
    zh = "过去五年，我国经济实力跃上新台阶。"  # Government Work Report 2018
    found = TIME_EXPRESSION.run_pair(zh, "Over the next five years, China's economic strength will "
                                         "reach a new level.")
    assert [f.severity for f in found] == ["major"] and "过去五年" in found[0].message
    for en in ("Over the past five years, China's economic strength has reached a new level.",
               "In the last five years, China's economic strength rose to a new level."):
        assert TIME_EXPRESSION.run_pair(zh, en) == [], en


def test_time_flags_since_a_congress_rendered_as_before_it():
    zh = "党的十八大以来,我国高度重视数据要素的作用和价值。"  # 学习时报
    found = TIME_EXPRESSION.run_pair(zh, "In the run-up to the 18th CPC National Congress, China attached "
                                         "great importance to the role and value of data.")
    assert found and "十八大以来" in found[0].message
    assert TIME_EXPRESSION.run_pair(zh, "Since the 18th CPC National Congress, China has attached great "
                                        "importance to the role and value of data.") == []


def test_time_flags_until_now_rendered_as_before():
    zh = "2022年至今，直播间上架近5000个国货链接。"  # digital-economy-forum-3
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "Before 2022, our livestreams had listed nearly 5,000 links.",
        "Since 2022, our livestreams have listed nearly 5,000 links.")


def test_time_reads_a_decade_in_a_heading_and_then_rendered_as_today():
    zh = "数实融合的理念雏形可追溯至21世纪10年代初期,当时主要表现为数字技术对传统产业的单点渗透。"
    late = TIME_EXPRESSION.run_pair(zh, "The idea can be traced back to the late 2010s, when it mainly "
                                        "took the form of digital technology penetrating single points.")
    assert late and "early 2010s" in late[0].message
    today = TIME_EXPRESSION.run_pair(zh, "The idea can be traced back to the early 2010s; today it mainly "
                                         "takes the form of digital technology penetrating single points.")
    assert today and "当时" in today[0].message
    assert TIME_EXPRESSION.run_pair(zh, "The idea can be traced back to the early 2010s, when it mainly "
                                        "took the form of digital technology penetrating single points.") == []
    heading = Pair(id=1, zh="1.第一阶段:数字化作为工具手段(21世纪10年代初期)",
                   en="1. The First Stage: Digitalization as a Tool (the late 2010s)", heading=True)
    assert TIME_EXPRESSION.run_all(Context([heading]))


def test_time_flags_the_future_rendered_as_earlier_years():
    zh = ("未来，国家高新区将围绕创新驱动发展示范区和高质量发展先行区的目标定位，"
          "推动数字经济产业技术加速创新。")  # digital-economy-forum-2
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "In earlier years, national high-tech zones focused on their role "
        "as demonstration zones, and drove faster innovation.",
        "In the future, national high-tech zones will focus on their role "
        "as demonstration zones, and drive faster innovation.")


# --------------------------------------------------------------------------- polarity: yet to, no longer

def test_polarity_flags_yet_to_the_chinese_lacks():
    zh = "党的十八大以来,我国高度重视数据要素的作用和价值。"  # 学习时报
    found = POLARITY.run_pair(zh, "Since the 18th CPC National Congress, China has yet to attach "
                                  "importance to the role and value of data.")
    assert found and "yet to" in found[0].message
    # 尚未 "not yet" is rightly "has yet to"
    assert POLARITY.run_pair("但此时的融合更多表现为政策引导下的试点探索,尚未形成系统化推进路径。",
                             "But integration then was mostly pilot exploration guided by policy, and a systematic "
                             "path had yet to take shape.") == []
    # 有待 "remains to be" is "has yet to" too
    assert POLARITY.run_pair("数据要素市场有待完善。", "The data market has yet to be improved.") == []


def test_polarity_flags_no_longer_rendered_as_remain():
    zh = "供给端和需求端不再是相互隔离,而是密切关联,协同演化。"  # wu-jun-shushi-ronghe
    found = POLARITY.run_pair(zh, "The supply side and the demand side remain isolated from each other "
                                  "rather than closely linked and evolving together.")
    assert [f.severity for f in found] == ["major"] and "'remain'" in found[0].message
    for en in (("The supply side and the demand side are no longer isolated from each other but closely "
                "linked and evolving together."),
               "The supply side and the demand side are not isolated but remain closely linked.",
               "The supply side and the demand side have ceased to be isolated; they are closely linked."):
        assert POLARITY.run_pair(zh, en) == [], en


def test_time_flags_the_end_of_a_numbered_year_or_month_rendered_as_its_start():
    zh = "截至2023年底，全国5G基站总数达337.7万个。"  # MIIT statistical bulletin 2023
    found = TIME_EXPRESSION.run_pair(zh, "As of early 2023, China had 3.377 million 5G base stations.")
    assert found and "2023年底" in found[0].message and "the end of 2023" in found[0].message
    assert TIME_EXPRESSION.run_pair(zh, "By the end of 2023, China had 3.377 million 5G base stations.") == []
    zh = "第十四届全国人民代表大会第二次会议于2024年3月上旬在北京召开。"  # NPC session, March 2024
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "The second session of the 14th National People's Congress "
        "opened in Beijing in late March 2024.",
        "The second session of the 14th National People's Congress "
        "opened in Beijing in early March 2024.")
    # 初步 "preliminary" after a year is no start of the year
    assert TIME_EXPRESSION.run_pair("2023年初步建成全国一体化算力网。",
                                    "A national computing network was preliminarily completed by late 2023.") == []


@pytest.mark.parametrize("zh,en", [
    # WMT20 newstest2020 zh-en sources with their faithful English (error-free segments or
    # their error-free part)
    ("浓缩铀的纯度不超过3.67%。", "The purity of enriched uranium is not to exceed 3.67%."),
    ("2019年-2022年四个会计年度增长率分别不低于30%、70%、120%、185%。",
     ("The growth rates for the four fiscal years from 2019 to 2022 must not be less than 30%, 70%, "
      "120% and 185% respectively.")),
    (("在相对较低位置回购股份，也有利于上市公司提高资金的使用效率，从而增加每股盈利水平，"
      "提高净资产收益率，减轻公司盈利指标的压力。"),
     ("Repurchasing shares at a relatively low price also helps listed companies improve the "
      "efficiency of capital use, thus increasing the level of profit earned per share and the rate "
      "of return on net assets and reducing the pressure on the company's profitability indicators.")),
    ("施工工期缩短四个月以上。", "The construction period was shortened by more than four months."),
    ("回购股票可以减少市场上流通的股份数量，增加上市公司的每股收益。",
     ("Buy-backs can reduce the number of shares in circulation and increase listed companies' "
      "earnings per share.")),
    ("长沙的工程机械制造企业不仅挺了过去，而且身子骨更加强健。",
     "Changsha's machinery makers not only survived but fell into a stronger position."),
    ("荷兰女排在落后的情况下加强了发球的攻击性。",
     "As they fell behind, the Dutch team became more aggressive in their serves."),
])
def test_direction_object_and_bound_tricky_negatives(zh, en):
    assert DIRECTION.run_pair(zh, en) == []


def test_time_relative_years_and_year_on_year():
    zh = "今年前三季度，国内生产总值同比增长5.2%。"  # National Bureau of Statistics, 2023
    assert TIME_EXPRESSION.run_pair(zh, "In the first three quarters of this year, GDP grew by 5.2% "
                                        "month on month.")
    for en in ("In the first three quarters of this year, GDP grew by 5.2% year on year.",
               "In the first three quarters, GDP grew by 5.2% over the same period last year."):
        assert TIME_EXPRESSION.run_pair(zh, en) == [], en
    zh = "去年，全国粮食产量再创历史新高。"  # Government Work Report 2024
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "Next year, national grain output will hit a record high.",
        "Last year, national grain output hit a record high.")


def test_time_flags_after_a_year_rendered_as_before_it():
    zh = "2020年以后，数实融合进入系统化发展阶段。"  # after wu-jun-shushi-ronghe
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "Before 2020, the integration entered a stage of systemic "
        "development.",
        "After 2020, the integration entered a stage of systemic "
        "development.")


def test_direction_reads_above_and_below_before_the_object_and_doubling():
    zh = "一季度全省居民人均可支配收入增速高于全国平均水平。"  # provincial statistics release
    found = DIRECTION.run_pair(zh, "In the first quarter, per capita disposable income in the province "
                                   "grew at a rate below the national average.")
    assert [f.severity for f in found] == ["major"] and "'below'" in found[0].message
    assert DIRECTION.run_pair(zh, "In the first quarter, per capita disposable income in the province "
                                  "grew at a rate above the national average.") == []
    zh = "到2020年实现国内生产总值和城乡居民人均收入比2010年翻一番。"  # 18th Party Congress report
    wrong_and_right(
        DIRECTION, zh,
        "By 2020, GDP and per capita income will be halved from 2010 levels.",
        "By 2020, GDP and per capita income will double from 2010 levels.")


# --------------------------------------------------------------------------- polarity: negation inside a word
# Sentences written for these tests in the register of State Council and ministry documents;
# each wrong English keeps a negative word elsewhere in the sentence or an affirmative "yet",
# so only the positive word that faces the negated one shows the reversal.

@pytest.mark.parametrize("zh,wrong,right,said", [
    ("绿色低碳转型的大趋势不可逆转。",
     "The broad trend toward a green and low-carbon transition could yet be reversed.",
     "The broad trend toward a green and low-carbon transition is irreversible.", "reversed"),
    ("我国数据要素市场发育还不充分，交易规则有待完善。",
     ("China's market for data as a factor of production is already sufficiently developed, "
      "and its trading rules have yet to be improved."),
     ("China's market for data as a factor of production is not yet fully developed, "
      "and its trading rules have yet to be improved."), "sufficiently"),
    # "enough" is no gloss of 充分, but CC-CEDICT glosses two words by both "sufficient" and "enough"
    ("目前数据要素市场发育还不充分。", "At present the market for data is already developed enough.",
     "At present the market for data is not yet developed enough.", "enough"),
    ("受疫情影响，部分企业无法按期完成生产任务。",
     "Affected by the epidemic, some enterprises managed to complete their production tasks on schedule.",
     "Affected by the epidemic, some enterprises were unable to complete their production tasks on schedule.",
     "complete"),
    ("一些地方基层医疗卫生人才不足。",
     "Some localities have sufficient primary health-care personnel.",
     "Some localities face a shortage of primary health-care personnel.", "sufficient"),
    ("部分县城尚不具备承接产业转移的条件。",
     "Some county towns already possess the conditions to take on industries relocated from elsewhere.",
     "Some county towns do not yet have the conditions to take on industries relocated from elsewhere.",
     "possess"),
    # "have" as a main verb renders 具备 "to have"; the "lack" of the next coordinated clause is no
    # negation of it
    ("一些中小企业不具备数字化转型的能力，缺乏资金和人才。",
     ("Some small and medium-sized enterprises have the capacity for digital transformation "
      "and lack funds and talent."),
     ("Some small and medium-sized enterprises do not have the capacity for digital transformation "
      "and lack funds and talent."), "have"),
])
def test_polarity_flags_the_positive_word_of_a_negated_one(zh, wrong, right, said):
    found = majors(POLARITY, zh, wrong)
    assert len(found) == 1 and f"'{said}'" in found[0].message, [f.message for f in found]
    flag = found[0]
    assert flag.en[slice(*flag.en_spans[0])] == said
    assert flag.zh[slice(*flag.zh_spans[0])].startswith(("不", "无", "尚不"))
    assert flag.suggestion
    assert POLARITY.run_pair(zh, right) == [], right


@pytest.mark.parametrize("zh,en", [
    # negator-initial words that negate nothing: CC-CEDICT glosses them positively
    ("各地要不断提高基本公共服务均等化水平。",
     "All localities must constantly raise the level of equal access to basic public services."),
    ("不少地方已经形成了充分竞争的市场格局。", "Many localities already have fully competitive markets."),
    ("无论市场如何变化，都要确保粮食供应充足。",
     "No matter how the market changes, grain supplies must remain sufficient."),
    ("数据已成为不可或缺的生产要素。", "Data has become an indispensable factor of production."),
    ("数据已成为不可或缺的生产要素。", "Data has become an essential factor of production."),
    ("基层治理中不乏成功的经验。", "There is no shortage of successful experience in community governance."),
    # a correctly negated English, and one whose negation is a prefixed word
    ("部分县城尚不具备承接产业转移的条件。",
     "Some county towns lack the conditions to take on industries relocated from elsewhere."),
    ("绿色低碳转型的大趋势不可逆转。", "The trend toward a green and low-carbon transition cannot be reversed."),
    # a state the Chinese calls deficient rendered as one that needs work
    ("相关法规制度还不完善。", "The relevant laws and regulations still need to be improved."),
    # 不足 before a number is a bound ("less than"), not a lack
    ("新能源汽车占比不足百分之十，但足以带动产业链发展。",
     "New-energy vehicles account for less than 10 percent, but that is enough to drive the industrial chain."),
    # a question is not read
    ("这一趋势是否不可逆转？", "Can this trend be reversed?"),
    # "have" as an auxiliary is no rendering of 具备 "to have"
    ("部分县城尚不具备承接产业转移的条件。",
     "Some county towns have not yet created the conditions to take on relocated industries."),
    # a negator in a name (导演余非) negates nothing
    ("这部影片由余非执导。", "The film was directed by Yu Fei."),
    # 难以 is "hard to", and the English says so
    ("这次参观令人难以忘怀。", "The visit was hard to forget."),
])
def test_polarity_lexical_negation_tricky_negatives(zh, en):
    assert POLARITY.run_pair(zh, en) == [], en


# --------------------------------------------------------------------------- polarity: "not yet" and enumerations
# Sentences written for these tests in the register of policy documents: each wrong English
# keeps a negation elsewhere in the sentence, so only the reversed clause shows the error.

@pytest.mark.parametrize("zh,wrong,right,said", [
    # "already" is the assertive counterpart of "not yet"
    ("相关标准体系有待完善，部分领域尚无统一规范。",
     "The relevant standards system has already been perfected, while some fields have no unified norms.",
     "The relevant standards system remains to be improved, while some fields have no unified norms.",
     "already"),
    ("这些问题至今仍未得到根本解决，群众反映强烈。",
     "These problems have already been fundamentally solved, and the public has reacted strongly.",
     "These problems have not yet been fundamentally solved, and the public has reacted strongly.",
     "already"),
    ("部分地区的监管机制还需进一步健全，不能流于形式。",
     "The regulatory mechanisms of some regions are already sound and must not become a formality.",
     "The regulatory mechanisms of some regions still need to be improved and must not become a formality.",
     "already"),
    ("农村养老服务供给依然不足，服务质量不高。",
     "The supply of rural elderly care services is already ample, but the quality of service is not high.",
     "The supply of rural elderly care services is still insufficient, and the quality of service is not high.",
     "already"),
    # an insufficiency rendered "enough" beside a negated clause
    ("我国科技成果转化率还不高，产学研结合还不够紧密。",
     ("The conversion rate of scientific achievements in China is not high, and the integration of "
      "industry, academia and research is already close enough."),
     ("The conversion rate of scientific achievements in China is not high, and the integration of "
      "industry, academia and research is not yet close enough."), "enough"),
    # two negated items of one enumeration are read one by one; "insufficient" renders 不够
    ("当前仍存在核心技术受制于人、人才储备不足、资金投入不够等问题。",
     "Problems remain, such as core technologies controlled by others, adequate talent reserves and insufficient funding.",
     "Problems remain, such as core technologies controlled by others, inadequate talent reserves and insufficient funding.",
     "adequate"),
])
def test_polarity_flags_not_yet_rendered_as_already(zh, wrong, right, said):
    found = POLARITY.run_pair(zh, wrong)
    assert len(found) == 1 and f"'{said}'" in found[0].message, [f.message for f in found]
    assert found[0].en[slice(*found[0].en_spans[0])] == said
    assert POLARITY.run_pair(zh, right) == [], right


@pytest.mark.parametrize("zh,en", [
    # 不断 "constantly" after 还 is no "not yet"
    ("我国已经建成全球最大的5G网络，还不断提高网络覆盖质量。",
     "China has already built the world's largest 5G network and keeps improving the quality of coverage."),
    # "already" in one clause, the negation in the clause that renders 尚未
    ("虽然已经取得积极进展，但完整的产业体系尚未形成。",
     "Although positive progress has already been made, a complete industrial system has not yet taken shape."),
    ("相关法律制度有待完善。", "The relevant legal system has yet to be perfected."),
    ("这种做法还不如直接补贴农户。", "This approach is not as good as subsidizing farmers directly."),
    ("城乡区域发展差距依然较大，发展不平衡、不充分问题仍然突出。",
     ("Gaps in development between urban and rural areas and between regions remain large, and the "
      "problems of unbalanced and inadequate development are still prominent.")),
])
def test_polarity_not_yet_tricky_negatives(zh, en):
    assert POLARITY.run_pair(zh, en) == [], en


@pytest.mark.parametrize("zh,wrong,said", [
    # a pending action (有待, 尚待, 仍需, 亟待 + verb) reported done, with no "already"
    ("城市应急管理体系有待完善，基层力量仍显薄弱。",
     "The urban emergency management system has been perfected, while grassroots capacity remains weak.",
     "has been perfected"),
    ("跨区域数据共享机制尚待建立。", "A cross-regional data-sharing mechanism has now been established.",
     "has now been established"),
    ("高标准农田建设任务仍需加快推进。", "The construction of high-standard farmland is complete.", "is complete"),
    ("关键零部件的国产替代亟待实现。", "Domestic substitution of key components has been achieved.",
     "has been achieved"),
    # a simple passive stated as a fact is "done" too
    ("村级财务公开制度仍需改进，群众监督渠道还不畅通。",
     "The village financial disclosure system is improved, while channels for public oversight are not smooth.",
     "is improved"),
    ("省际交易规则有待进一步规范。", "Inter-provincial trading rules are now further standardized.",
     "are now further standardized"),
])
def test_polarity_flags_a_pending_action_said_done(zh, wrong, said):
    found = POLARITY.run_pair(zh, wrong)
    assert len(found) == 1 and found[0].severity == "major", [f.message for f in found]
    assert found[0].en[slice(*found[0].en_spans[0])] == said


@pytest.mark.parametrize("zh,en", [
    ("城市应急管理体系有待完善。", "The urban emergency management system remains to be improved."),
    ("城市应急管理体系有待完善。", "The urban emergency management system needs further improvement."),
    ("城市应急管理体系有待完善。", "The urban emergency management system is yet to be perfected."),
    ("跨区域数据共享机制尚待建立。", "A cross-regional data-sharing mechanism has yet to be established."),
    # a perfect of another verb in the clause says nothing about the pending one
    ("已建成的平台功能仍需拓展。", "The functions of the platforms that have been built still need to be expanded."),
    # a progressive, a prospective or a modal passive keeps the action pending
    ("村级财务公开制度仍需改进。", "The village financial disclosure system is being improved."),
    ("村级财务公开制度仍需改进。", "The village financial disclosure system is to be improved."),
    ("村级财务公开制度仍需改进。", "The village financial disclosure system should be further improved."),
    ("省际交易规则有待进一步规范。", "Inter-provincial trading rules are expected to be standardized."),
    # a participle heading an infinitive is a prospective; a gloss's generic verb ("to make
    # better") is no rendering of the pending action
    ("跨区域数据共享机制尚待建立。", "A cross-regional data-sharing mechanism is set to be established."),
    ("村级财务公开制度仍需改进。", "Efforts are made to improve the village financial disclosure system."),
    # a passive in a purpose or condition clause says nothing is done
    ("省际交易规则有待进一步规范，以降低企业成本。",
     "Work continues so that inter-provincial trading rules are standardized, lowering costs for firms."),
    ("省际交易规则有待进一步规范。", "Once inter-provincial trading rules are standardized, firms will pay less."),
    ("省际交易规则有待进一步规范。", "Costs will stay high until inter-provincial trading rules are standardized."),
    ("城市应急管理体系有待完善。",
     "Once the urban emergency management system has been perfected, response times will fall."),
])
def test_polarity_pending_action_kept_pending(zh, en):
    assert POLARITY.run_pair(zh, en) == [], en


# --------------------------------------------------------------------------- modality: necessity and possibility

@pytest.mark.parametrize("zh,wrong,right,said", [
    ("我国迫切需要加快建设全国统一大市场。",
     "There is room to speed up building a unified national market in China.",
     "There is an urgent need to speed up building a unified national market in China.", "There is room to"),
    ("各地亟需补齐基层医疗卫生服务短板。",
     "Localities are free to shore up the weak spots in primary health services.",
     "Localities urgently need to shore up the weak spots in primary health services.", "free to"),
    ("企业必须建立健全安全生产责任制。",
     "It would be possible for enterprises to establish a sound work-safety responsibility system.",
     "Enterprises must establish a sound work-safety responsibility system.", "It would be possible"),
    ("监管部门务必加强对平台企业的监督。",
     "Regulators have the option of stepping up supervision of platform companies.",
     "Regulators must step up supervision of platform companies.", "the option of"),
    ("地方政府必须按时公开预算信息。",
     "Local governments publish budget information on time at their discretion.",
     "Local governments are required to publish budget information on time.", "at their discretion"),
    ("数字化转型必然带来生产方式的深刻变革。",
     "Digital transformation could bring profound changes to the mode of production.",
     "Digital transformation will inevitably bring profound changes to the mode of production.", "could"),
    ("部分中小企业不得不暂停生产。",
     "Some small and medium-sized enterprises may choose to suspend production.",
     "Some small and medium-sized enterprises have had to suspend production.", "may"),
    # jieba keeps 亟待解决 as one word: the cue is read with the verb it governs
    ("这一问题亟待解决。", "It is possible to solve this problem.",
     "This problem urgently needs to be solved.", "It is possible"),
    # an obligation softened to an invitation
    ("各类企业必须严格遵守数据安全法规。",
     "All kinds of enterprises are encouraged to observe data security regulations.",
     "All kinds of enterprises are strictly required to observe data security regulations.", "are encouraged"),
    ("各级党委须要高度重视这项工作。",
     "Party committees at all levels are welcome to attach great importance to this work.",
     "Party committees at all levels must attach great importance to this work.", "are welcome to"),
])
def test_modality_necessity_rendered_as_possibility(zh, wrong, right, said):
    found = majors(MODALITY, zh, wrong)
    assert len(found) == 1 and f"'{said}'" in found[0].message, [f.message for f in found]
    assert MODALITY.run_pair(zh, right) == [], right


@pytest.mark.parametrize("zh,en", [
    ("引进一批急需紧缺人才。", "Bring in a group of talent that is urgently needed and in short supply."),
    ("整改必须尽快完成。", "The rectification needs to be completed as soon as possible."),
    ("必须完善数据流通规则，使数据能够安全有序流动。",
     "We must improve the rules on data circulation so that it is possible for data to flow safely and in an orderly way."),
    ("申请人可以通过网上平台提交材料。", "It is possible for applicants to submit materials through the online platform."),
    ("这必然要求我们加快改革。", "This inevitably requires us to speed up reform."),
    # 必然结果 "inevitable result" is a noun phrase: no cue joined with a verb
    ("这是市场竞争的必然结果。", "This is the inevitable result of market competition."),
    # an encouragement the Chinese gives itself (引导 "to guide") may be said "is encouraged"
    ("要积极引导社会资本参与。", "Social capital is encouraged to participate actively."),
])
def test_modality_necessity_tricky_negatives(zh, en):
    assert MODALITY.run_pair(zh, en) == [], en


def test_direction_weak_words_of_other_chinese_words_do_not_render_the_cue():
    # "promote" is 促进, "further" 进一步, "improve" 完善: none of them renders 增长
    zh = "俄方将完善支持措施，促进高科技企业数量进一步增长。"  # WMT20 news, shortened
    found = wrong_and_right(
        DIRECTION, zh,
        "Russia will improve its support measures to promote further decline in the number of "
        "high-tech enterprises.",
        "Russia will improve its support measures to promote further growth in the number of "
        "high-tech enterprises.")
    bad = [f for f in found if f.severity == "major"]
    assert bad and "增长" in bad[0].message and "decline" in bad[0].message
    # a weak word that is the cue's own gloss still renders it (加快 "to speed up")
    assert not DIRECTION.run_pair("加快数实融合是对冲经济下行压力的必要之举。",
                                  "Speeding up digital-real integration is a necessary step to offset downward "
                                  "pressure on the economy.")


def test_time_explicit_contradiction_beats_a_tense_or_a_year_figure():
    # "will" and "2020" only hint at 明年; "last year" says the opposite
    zh = "比阿特丽斯明年(2020年)将和这位房地产大亨结婚。"  # WMT20 news
    assert majors(TIME_EXPRESSION, zh, "Beatrice will marry the real estate tycoon last year (2020).")
    assert not TIME_EXPRESSION.run_pair(zh, "Beatrice will marry the real estate tycoon next year (2020).")
    # "by" governing a quantity does not render 截至
    zh = "截至今年8月，用户累计减排792万吨。"
    assert majors(TIME_EXPRESSION, zh, "Since August this year, users have cut emissions by 7.92 million tons.")
    assert not TIME_EXPRESSION.run_pair(zh, "As of August this year, users had cut emissions by 7.92 million tons.")
    # "will" does not render 未来 against an explicit "in the past"
    zh = "未来，各国将加强产业政策工具的使用。"
    assert TIME_EXPRESSION.run_pair(zh, "In the past, countries will step up their use of industrial policy tools.")
    assert not TIME_EXPRESSION.run_pair(zh, "In the future, countries will step up their use of industrial "
                                            "policy tools.")


def test_modality_ability_rendered_as_obligation_is_a_minor_flag():
    zh = "数字经济和实体经济深度融合能够有效提升经济发展的韧性。"
    found = MODALITY.run_pair(zh, "The deep integration of the digital and real economies must effectively "
                                  "strengthen the resilience of economic development.")
    assert [f.severity for f in found] == ["minor"] and "能够" in found[0].message
    assert not MODALITY.run_pair(zh, "The deep integration of the digital and real economies can effectively "
                                     "strengthen the resilience of economic development.")
    # 只有…才能: "we must" on the condition is a faithful rendering
    assert not MODALITY.run_pair("只有坚持创新，才能赢得未来。", "We must keep innovating to win the future.")


def test_modality_obligation_rendered_as_permission_despite_a_negation_elsewhere():
    zh = "但必须坦率地说，任何正派的雇主都不会以这种方式解雇员工。"  # WMT20 news
    bad = majors(MODALITY, zh, "But it may be said frankly that no decent employer would dismiss "
                               "an employee in this way.")
    assert bad and "必须" in bad[0].message
    assert not MODALITY.run_pair(zh, "But it must be said frankly that no decent employer would dismiss "
                                     "an employee in this way.")
    # a negation on the permission word makes it a prohibition, which is not a permission
    assert not MODALITY.run_pair("员工必须遵守规定。", "Employees may not ignore the rules.")


def test_polarity_reads_not_long_ago_as_a_time_and_an_antonym_as_a_negation():
    assert not POLARITY.run_pair("前不久，该项目荣获了国际安全奖。",
                                 "Recently, the project won an international safety award.")
    zh = "中国人民深知找到一条正确的道路多么不容易。"  # WMT20 news
    assert not POLARITY.run_pair(zh, "The Chinese people know how difficult it is to find the right path.")
    assert majors(POLARITY, zh, "The Chinese people know how easy it is to find the right path.")


def test_direction_reads_cedict_change_verbs_and_their_own_glosses():
    zh = "随着新系统投入使用，北极地区的可控空域明显增大。"  # WMT20 news, shortened
    bad = majors(DIRECTION, zh, "With the new system in service, the controlled airspace in the Arctic "
                                "has decreased significantly.")
    assert bad and "增大" in bad[0].message
    assert not DIRECTION.run_pair(zh, "With the new system in service, the controlled airspace in the Arctic "
                                      "has increased significantly.")
    # the cue's own CC-CEDICT verb renders it even where the English cue table has no row
    assert not DIRECTION.run_pair("人民币对美元升值，出口下降。",
                                  "The yuan appreciated against the dollar and exports fell.")


def test_direction_object_rule_skips_words_another_chinese_word_explains():
    # "lower production costs" is 降低生产经营成本; 拓展产品营销范围 is "widen the reach"
    zh = "加快数实融合可以降低生产经营成本、拓展产品营销范围。"
    assert not DIRECTION.run_pair(zh, "Speeding up integration can lower production and operating costs "
                                      "and widen the reach of product marketing.")


def test_modality_reads_an_adverb_joined_to_must():
    zh = "按照程序，他的提名还须得到参议院批准。"  # WMT20 news: jieba keeps 还须 as one word
    bad = majors(MODALITY, zh, "Under the procedure, his nomination may also be approved by the Senate.")
    assert bad and "还须" in bad[0].message
    assert not MODALITY.run_pair(zh, "Under the procedure, his nomination must also be approved by the Senate.")


def test_modality_a_future_will_in_another_clause_does_not_answer_an_obligation():
    zh = "法国明年将减税，而德国应当跟上法国的财政刺激步伐。"  # WMT20 news, shortened
    found = wrong_and_right(
        MODALITY, zh,
        "France will cut taxes next year and Germany could keep pace with France's fiscal stimulus.",
        "France will cut taxes next year and Germany should keep pace with France's fiscal stimulus.")
    assert "应当" in found[0].message
    # a weak obligation word that renders the cue still answers it, in any clause
    assert not MODALITY.run_pair("应对这一挑战，需要中非手拉手，团结才有力量。",
                                 "China and Africa need to work hand in hand to meet this challenge, because only "
                                 "through unity can they have strength.")


def test_time_relative_months_weeks_and_days():
    # Xinhua-style news leads; the wrong English turns the relative date round
    wrong_and_right(
        TIME_EXPRESSION, "上个月，全国居民消费价格同比上涨0.2%。",
        "Next month, the national consumer price index will rise 0.2% year on year.",
        "Last month, the national consumer price index rose 0.2% year on year.")
    wrong_and_right(
        TIME_EXPRESSION, "代表团将于下周访问日本。",
        "The delegation visited Japan last week.",
        "The delegation will visit Japan next week.")
    wrong_and_right(
        TIME_EXPRESSION, "国务院总理昨天主持召开国务院常务会议。",
        "The Premier will chair an executive meeting of the State Council tomorrow.",
        "The Premier chaired an executive meeting of the State Council on Tuesday.")


def test_time_flags_before_an_event_rendered_as_after_it():
    # the event word anchors the preposition (qa/event_order.py)
    zh = "会议结束后，代表们参观了当地的高新技术企业。"
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "Before the meeting ended, the delegates visited local high-tech enterprises.",
        "After the meeting, the delegates visited local high-tech enterprises.")
    zh = "春节前，各地加强了重要民生商品的市场供应。"
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "After the Spring Festival, localities stepped up the supply of essential goods.",
        "Ahead of the Spring Festival, localities stepped up the supply of essential goods.")


@pytest.mark.parametrize("zh, en", [
    # "A 之后 B" is rightly "A before B": the preposition governs B, not the event
    ("会议结束后，代表们参观了工厂。", "The meeting ended before the delegates visited the factory."),
    # both orders of one event in the Chinese: the English may say either
    ("改革后，办结时间由改革前的20个工作日缩短至当场办结。",
     "After the reform, the processing time was cut from 20 working days to same-day completion."),
    # a duration, not an event: the anchored row N年前 reads it
    ("三年前，他来到北京工作。", "Three years ago, he came to work in Beijing."),
    # "the following meeting" is an adjective, not "after"
    ("会前，双方举行了会谈。", "Before the meeting, the two sides held talks; the following meeting was cancelled."),
])
def test_time_event_order_clean_negatives(zh, en):
    assert TIME_EXPRESSION.run_pair(zh, en) == []


def test_time_since_a_year_rendered_as_by_it():
    zh = "自2015年以来，该市常住人口持续增长，到2020年已达500万。"
    wrong_and_right(
        TIME_EXPRESSION, zh,
        "By 2015, the city's resident population had kept growing, reaching 5 million by 2020.",
        "Since 2015, the city's resident population has kept growing, reaching 5 million by 2020.")


def test_polarity_without_said_by_another_word_does_not_render_the_negation():
    # Land Administration Law style: "without" renders 擅自 ("without permission"), not 不得
    zh = "任何单位和个人不得擅自改变土地用途。"
    found = wrong_and_right(
        POLARITY, zh,
        "Any unit or individual may change the use of land without authorization.",
        "No unit or individual may change the use of land without authorization.")
    assert found[0].severity == "major"
    assert POLARITY.run_pair(zh, "Units and individuals shall not change the use of land without "
                                 "authorization.") == []
