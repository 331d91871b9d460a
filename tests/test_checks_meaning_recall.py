"""The general recall rules of the meaning checks (issue 15): each with a true positive and a
clean negative on real sentences.

Chinese sources: corpora/zh-only/digital-economy-forum-2/-3.txt, the 学习时报 corpus
(corpora/xuexi-shibao-shushi-ronghe.txt), corpora/zh-only/wu-jun-shushi-ronghe.txt and the
State Council's Government Work Reports (2019: 企业开办时间缩短一半以上; 城镇新增就业超过
1100万人), with their published or faithful English; each true positive is that English with
the meaning changed.  No embedder: the checks read CC-CEDICT, jieba and their tables only.
"""

from __future__ import annotations

import pytest

from align.model import Pair
from qa.checks.direction import DIRECTION
from qa.checks.institutions import INSTITUTION, numbered_meetings
from qa.checks.literal_terms import LITERAL_TERM
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.roles import ROLES, parse_pivots, parse_roles, parse_tasks
from qa.checks.shorthand import SHORTHAND
from qa.checks.terminology import TERM_CONSISTENCY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.model import Context
from qa.potential_complement import potential_negations

# --------------------------------------------------------------------------- polarity: V不C

FORUM_ZH = "其发展离不开国家高度发达的5G基建与先进的制造业基础。"  # digital-economy-forum-3


def test_potential_complements_are_read_by_their_grammar():
    kinds = {p.word: p.kind for p in potential_negations("数据质量达不到要求，发展离不开人才，看不清方向")}
    assert kinds == {"达不到": "negation", "离不开": "necessity", "看不清": "negation"}
    # 差不多 "almost", 了不起 "amazing", 好不好 (a question), 不断 "constantly": no negation
    assert potential_negations("成效差不多，成就了不起，效果好不好，不断推进") == []
    # an aspect particle is no verb: 了不到 here is 'paid' + 'less than'
    assert potential_negations("全年共支付了不到三百万元补贴") == []
    assert potential_negations("这本书他只看过不到一半") == []
    # the verb is jieba's two-character 支付 "to pay", not its last character 付
    assert [p.word for p in potential_negations("企业支付不起三百万元补贴")] == ["支付不起"]


def test_polarity_flags_a_dropped_cannot_do_without():
    found = POLARITY.run_pair(FORUM_ZH, "Its development can do without the country's highly developed "
                                        "5G infrastructure and advanced manufacturing base.")
    assert [f.severity for f in found] == ["major"] and "离不开" in found[0].message


def test_polarity_accepts_a_positive_paraphrase_of_cannot_do_without():
    for en in (("Its development depends on the country's highly developed 5G infrastructure and "
               "advanced manufacturing base."),
               ("Its development cannot do without the country's highly developed 5G infrastructure "
               "and advanced manufacturing base.")):
        assert POLARITY.run_pair(FORUM_ZH, en) == [], en


def test_polarity_flags_a_dropped_potential_negation():
    zh = "目前仍有部分企业的污染物排放达不到国家标准。"
    assert POLARITY.run_pair(zh, "At present, pollutant emissions of some enterprises still reach "
                                 "national standards.")
    assert POLARITY.run_pair(zh, "At present, pollutant emissions of some enterprises still fail to "
                                 "meet national standards.") == []


# --------------------------------------------------------------------------- time periods

RECENT_ZH = "近年来，我国数字经济发展态势良好，数字中国建设成效显著。"  # digital-economy-forum-3
FUTURE_ZH = ("科学擎画了未来一段时间我国数据基础制度体系建设的宏伟蓝图。")  # 学习时报


def test_time_flags_recent_years_rendered_as_a_time_that_ended():
    found = TIME_EXPRESSION.run_pair(RECENT_ZH, "Until a few years ago, China's digital economy was "
                                                "developing well and building Digital China achieved "
                                                "remarkable results.")
    assert found and "近年来" in found[0].message
    assert TIME_EXPRESSION.run_pair(RECENT_ZH, "In recent years, China's digital economy has developed "
                                               "well and building Digital China has achieved "
                                               "remarkable results.") == []


def test_time_flags_the_future_rendered_as_the_past():
    assert TIME_EXPRESSION.run_pair(FUTURE_ZH, "It scientifically mapped out the blueprint of China's "
                                               "basic data system over the past period.")
    assert TIME_EXPRESSION.run_pair(FUTURE_ZH, "It scientifically mapped out the blueprint of China's "
                                               "basic data system for some time to come.") == []


def test_time_flags_an_early_stage_rendered_as_the_end():
    zh = "数实融合的理念雏形可追溯至21世纪10年代初期。"  # wu-jun-shushi-ronghe
    assert TIME_EXPRESSION.run_pair(zh, "The idea of integrating the digital and real economies can be "
                                        "traced back to the late 2010s, its final stage.")
    assert TIME_EXPRESSION.run_pair(zh, "The idea of integrating the digital and real economies can be "
                                        "traced back to the early 2010s.") == []


# --------------------------------------------------------------------------- direction

def test_direction_reads_shorten_and_lengthen():
    zh = "企业开办时间缩短一半以上。"  # Government Work Report 2019
    assert DIRECTION.run_pair(zh, "The time needed to start a business was lengthened by more than half.")
    assert DIRECTION.run_pair(zh, "The time needed to start a business was cut by over half.") == []


def test_direction_reads_less_than_and_more_than():
    zh = "城镇新增就业超过1100万人。"  # Government Work Report 2019
    assert DIRECTION.run_pair(zh, "Fewer than 11 million new urban jobs were created.")
    assert DIRECTION.run_pair(zh, "More than 11 million new urban jobs were created.") == []


# --------------------------------------------------------------------------- modality: 鼓励

def test_modality_flags_encourage_rendered_as_an_obligation():
    zh = "鼓励企业加大研发投入。"  # State Council policy prose
    found = MODALITY.run_pair(zh, "Require enterprises to increase their R&D spending.")
    assert [f.severity for f in found] == ["major"] and "鼓励" in found[0].message
    for en in ("Encourage enterprises to increase their R&D spending.",
               "Enterprises will be supported in increasing their R&D spending."):
        assert MODALITY.run_pair(zh, en) == [], en


# --------------------------------------------------------------------------- institution

CONGRESS_ZH = "党的二十大报告强调，要加快发展数字经济，促进数字经济和实体经济深度融合。"  # 学习时报


def test_numbered_party_meetings_are_read_by_their_grammar():
    names = [(f.name, f.start, f.end) for f in numbered_meetings("党的十八大以来，十九届六中全会提出")]
    assert names == [("中国共产党全国代表大会", 0, 5), ("中国共产党中央委员会全体会议", 8, 15)]
    assert numbered_meetings("十大产业和三十大学") == []


def test_institution_flags_the_party_congress_rendered_as_the_legislature():
    found = INSTITUTION.run_pair(CONGRESS_ZH, "The report to the 20th National People's Congress stresses "
                                              "the need to accelerate the digital economy.")
    assert [f.severity for f in found] == ["major"]
    assert INSTITUTION.run_pair(CONGRESS_ZH, "The report to the 20th National Congress of the Communist "
                                             "Party of China stresses the need to accelerate the "
                                             "digital economy.") == []


def test_institution_flags_a_plenum_rendered_as_another_body():
    zh = "党的二十届三中全会对发展数字经济作出重要部署。"  # wu-jun-shushi-ronghe
    assert INSTITUTION.run_pair(zh, "The Central Commission for Discipline Inspection made important "
                                    "arrangements for developing the digital economy.")
    assert INSTITUTION.run_pair(zh, "The third plenary session of the 20th CPC Central Committee made "
                                    "important arrangements for developing the digital economy.") == []


def test_institution_flags_a_listed_body_named_for_an_unlisted_one():
    zh = "中国电子信息行业联合会发布了年度报告。"
    found = INSTITUTION.run_pair(zh, "The All-China Federation of Industry and Commerce released its "
                                     "annual report.")
    assert [f.severity for f in found] == ["minor"] and "中国电子信息行业联合会" in found[0].message
    assert INSTITUTION.run_pair(zh, "The China Electronics and Information Industry Federation released "
                                    "its annual report.") == []
    # 学习时报: the listed name inside a longer name is the Chinese 中央 (the Central Committee's school)
    assert INSTITUTION.run_pair("作者:翟云 中央党校(国家行政学院)公共管理教研部研究员",
                                "Zhai Yun is a researcher at the Teaching and Research Department of Public "
                                "Administration, Party School of the CPC Central Committee (Chinese Academy of "
                                "Governance)") == []


# --------------------------------------------------------------------------- roles

def test_roles_reads_several_supporters_and_trims_verbs():
    roles = parse_roles("加快建立国有企业牵头、民营企业支撑、科研院所深度参与的创新联合体")
    assert [(r.lead, r.support) for r in roles][:1] == [("国有企业", "民营企业")]
    assert len(roles) == 2 and roles[1].support.startswith("科研院所")


def test_roles_flags_a_swapped_pivot():
    zh = "鼓励大型企业开放供应链资源，带动中小企业协同发展。"
    assert [(r.lead, r.support) for r in parse_pivots(zh)] == [("大型企业", "中小企业")]
    assert ROLES.run_pair(zh, "Encourage SMEs to open up supply chain resources and drive the "
                              "coordinated development of large enterprises.")
    assert ROLES.run_pair(zh, "Encourage large enterprises to open up their supply chain resources "
                              "and drive the coordinated development of SMEs.") == []


def test_roles_flags_a_swapped_lead_and_participants():
    zh = "形成大企业引领、中小企业广泛参与的发展格局。"
    assert ROLES.run_pair(zh, "Form a pattern of development led by SMEs with the broad participation "
                              "of large enterprises.")
    assert ROLES.run_pair(zh, "Form a pattern of development led by large enterprises with the broad "
                              "participation of SMEs.") == []


# --------------------------------------------------------------------------- shorthand

def test_shorthand_reads_a_hyphenated_numeral():
    zh = "加快实现双碳目标。"
    found = SHORTHAND.run_pair(zh, "Speed up achieving the two-carbon goals.")
    assert found and found[0].severity == "major"
    assert SHORTHAND.run_pair(zh, "Speed up achieving the goals of peaking carbon emissions and "
                                  "carbon neutrality.") == []


def test_shorthand_flags_a_coordinate_abbreviation_rendered_character_by_character():
    zh = "深化产学研合作。"
    found = SHORTHAND.run_pair(zh, "Deepen production, learning and research cooperation.")
    assert [f.severity for f in found] == ["minor"] and "产学研" in found[0].message
    for en in ("Deepen cooperation between industry, universities and research institutes.",
               "Deepen industry-university-research cooperation."):
        assert SHORTHAND.run_pair(zh, en) == [], en
    # place abbreviations render by their names; verbs standing for themselves are no abbreviation
    assert SHORTHAND.run_pair("推动京津冀协同发展。", "Promote the coordinated development of "
                                                      "Beijing-Tianjin-Hebei.") == []


# --------------------------------------------------------------------------- literal-term

def test_literal_term_reads_a_sub_word_by_its_compound():
    zh = "国家高新区聚焦数字产业化，集聚了众多数字经济龙头企业和平台型企业。"  # digital-economy-forum-2
    found = LITERAL_TERM.run_pair(zh, "National high-tech zones focus on digital industrialization and "
                                      "have gathered many dragon-head digital economy enterprises and "
                                      "platform enterprises.")
    assert found and "龙头" in found[0].message
    assert LITERAL_TERM.run_pair(zh, "National high-tech zones focus on digital industrialization and "
                                     "have gathered many leading digital economy enterprises and "
                                     "platform enterprises.") == []


# --------------------------------------------------------------------------- term-consistency

STRATEGIC = [("加快发展战略性新兴产业。", "Accelerate the development of strategic emerging industries."),
             ("发展壮大战略性新兴产业。", "Develop and expand strategic emerging industries."),
             ("战略性新兴产业增加值增长较快。", "Value added of strategic emerging industries grew fast.")]


def test_term_consistency_sees_a_reordered_variant():
    def run(last_en: str):
        texts = [*STRATEGIC, ("培育壮大战略性新兴产业集群。", last_en)]
        pairs = [Pair(id=k, zh=z, en=e) for k, (z, e) in enumerate(texts, start=1)]
        return TERM_CONSISTENCY.run_all(Context(pairs))

    found = run("Foster and expand clusters of emerging strategic sectors.")
    assert found and "emerging strategic sectors" in found[0].message
    assert run("Foster and expand clusters of strategic emerging industries.") == []


def test_roles_flags_swapped_tasks():
    zh = "各级政府要加强政策支持，企业要加大研发投入。"
    assert [(r.lead, r.support) for r, _, _ in parse_tasks(zh)] == [("政府", "企业")]
    assert ROLES.run_pair(zh, "Enterprises must strengthen policy support and governments at all levels "
                              "must increase R&D investment.")
    assert ROLES.run_pair(zh, "Governments at all levels must strengthen policy support and enterprises "
                              "must increase R&D investment.") == []


# --------------------------------------------------------------------------- time: probe round 6
# Sentences of our own in the style of provincial work reports and statistical releases.


def test_time_word_and_its_yilai_are_one_expression():
    """今年以来 / 年初以来: 以来's "last" (the last few years) does not excuse "last year" for 今年,
    nor does 年初 accept any "since" that 以来 brings."""
    zh = "今年以来，各地积极推进城镇老旧小区改造。"
    found = TIME_EXPRESSION.run_pair(zh, "Last year, localities actively advanced the renovation of old "
                                         "urban residential communities.")
    assert found and "今年" in found[0].message
    assert TIME_EXPRESSION.run_pair(zh, "Since the start of this year, localities have actively advanced "
                                        "the renovation of old urban residential communities.") == []
    zh = "年初以来，我市持续加大稳岗扩岗支持力度。"
    assert TIME_EXPRESSION.run_pair(zh, "Since the end of the year, our city has continued to step up "
                                        "support for stabilizing and expanding jobs.")
    for en in ("Since January, our city has continued to step up support for stabilizing and expanding jobs.",
               ("Since the beginning of the year, our city has continued to step up support for "
               "stabilizing and expanding jobs.")):
        assert TIME_EXPRESSION.run_pair(zh, en) == [], en


#: (Chinese, wrong English, right English): a deadline and spans anchored to a figure (到N年, N年内,
#: 前N个月), this year and last (年内, 上年末), so far (截至目前) and a past year (过去一年)
TIME_PROBES = [
    ("到2035年，基本实现社会主义现代化。", "Since 2035, socialist modernization has been basically achieved.",
     "By 2035, socialist modernization will be basically achieved."),
    ("力争三年内实现县域全覆盖。", "We will strive to achieve full coverage of counties after three years.",
     "We will strive to achieve full coverage of counties within three years."),
    ("前两个月，全国规模以上工业增加值同比增长7%。",
     "In the last two months, the value added of industrial enterprises above designated size grew 7% year on year.",
     "In the first two months, the value added of industrial enterprises above designated size grew 7% year on year."),
    ("年内将完成全部改造任务。", "All renovation tasks will be completed next year.",
     "All renovation tasks will be completed within the year."),
    ("上年末，全省金融机构存款余额为9.8万亿元。",
     "At the end of this year, deposits of financial institutions in the province stood at 9.8 trillion yuan.",
     "At the end of last year, deposits of financial institutions in the province stood at 9.8 trillion yuan."),
    ("截至目前，已有23个省份出台实施方案。", "Until recently, 23 provinces had issued implementation plans.",
     "So far, 23 provinces have issued implementation plans."),
    ("过去一年，我们坚持稳中求进工作总基调。",
     "In the coming year, we will adhere to the general principle of pursuing progress while ensuring stability.",
     "Over the past year, we adhered to the general principle of pursuing progress while ensuring stability."),
]


@pytest.mark.parametrize("zh, wrong, right", TIME_PROBES)
def test_time_deadlines_spans_and_relative_years(zh, wrong, right):
    assert TIME_EXPRESSION.run_pair(zh, wrong), wrong
    assert TIME_EXPRESSION.run_pair(zh, right) == [], right


def test_time_span_after_a_figure_and_cues_inside_a_word_are_not_misread():
    # 三年内 is "within three years" (N年内), not 年内 "within the year"; 提前三个月 holds no 前三个月
    assert TIME_EXPRESSION.run_pair("力争三年内实现县域全覆盖，明年启动试点。",
                                    "We will strive to achieve full coverage of counties in three years, with pilots starting "
                                    "next year.") == []
    assert TIME_EXPRESSION.run_pair("工程提前三个月完工。", "The project was completed three months ahead of "
                                                            "schedule.") == []
    # 基本月产量 holds no 本月 "this month": 本 ends the word 基本
    assert TIME_EXPRESSION.run_pair("该项目基本月产量已达到设计能力。", "By last month the project's basic monthly "
                                                                        "output had reached its design capacity.") == []
