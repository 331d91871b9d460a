"""Rules written when qa-probes-9 became a development set (issue 15, twentieth session).

Each rule gets a true positive (a faithful English with the one meaning error a translator
makes) and a clean negative (the faithful English), in sentences written for these tests in the
register of notices, regulations and work reports, not copied from the probe set.  No embedder:
the checks read their tables, jieba and the clause matcher's word evidence only.
"""

from __future__ import annotations

import pytest

from qa.calendar_dates import en_dates, foreign_dates, zh_dates
from qa.checks.direction import DIRECTION
from qa.checks.institutions import INSTITUTION
from qa.checks.literal_terms import LITERAL_TERM
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.shorthand import SHORTHAND
from qa.checks.time_expression import TIME_EXPRESSION
from qa.negated_modifiers import positive_participle, unnegated_noun

# (check, Chinese, English with the error, faithful English, the Chinese the flag must point at)
CASES = [
    # a noun's negated modifier: an attributive 非 before a noun, the noun named plainly in English
    (POLARITY, "各地要利用非采暖期集中检修供热管网，确保采暖期到来前全部完工。",
     ("Localities should use the heating period to overhaul heating networks, ensuring all work is finished "
     "before the heating period begins."),
     ("Localities should use the non-heating period to overhaul heating networks, ensuring all work is "
     "finished before the heating period begins."),
     "非采暖期"),
    # a negated act before 的 and its noun: 未经审计的报表 is "unaudited statements"
    (POLARITY, "未经审计的财务报表不得作为拨款依据。",
     "Audited financial statements shall not be used as a basis for appropriations.",
     "Unaudited financial statements shall not be used as a basis for appropriations.",
     "未经审计的财务"),
    # 不设 "not set": 不设上限 is "no upper limit"
    (POLARITY, "该项补贴不设申请次数上限，符合条件的企业均可申报。",
     "The subsidy sets an upper limit on the number of applications, and all eligible enterprises may apply.",
     "The subsidy sets no upper limit on the number of applications, and all eligible enterprises may apply.",
     "不设"),
    # 未经 + the body + the act: "without" followed by the act's gloss renders it, though 擅自 is there too
    (POLARITY, "对未经市场监管部门批准擅自改变经营范围的企业，依法予以处罚。",
     ("Enterprises that change their business scope with the approval of the market regulator shall be "
     "punished in accordance with the law."),
     ("Enterprises that change their business scope without the approval of the market regulator shall be "
     "punished in accordance with the law."),
     "未经"),
    # seasons of the year
    (TIME_EXPRESSION, "每年秋季是候鸟迁徙的高峰期，各保护区要加强巡护。",
     "Spring each year is the peak of bird migration, and reserves should step up patrols.",
     "Autumn each year is the peak of bird migration, and reserves should step up patrols.",
     "秋季"),
    # 次月 beside a day-of-month deadline (月N日前) that the anchored rows read
    (TIME_EXPRESSION, "纳税人应于次月15日前申报上月税款。",
     "Taxpayers shall declare the previous month's tax by the 15th of the current month.",
     "Taxpayers shall declare the previous month's tax by the 15th of the following month.",
     "次月"),
    # an English date that is none of the Chinese dates
    (TIME_EXPRESSION, "展会将于10月12日开幕，至10月15日闭幕。",
     "The fair opens on 12 October and closes on 15 November.",
     "The fair opens on 12 October and closes on 15 October.",
     "10月15日"),
    # an English day of the week that is none of the Chinese ones
    (TIME_EXPRESSION, "本次听证会定于下周三上午9时在市政府举行。",
     "The hearing will be held at the city government at 9 a.m. next Thursday.",
     "The hearing will be held at the city government at 9 a.m. next Wednesday.",
     "周三"),
    # an English month that is none of the Chinese months
    (TIME_EXPRESSION, "受台风影响，9月份全省港口货物吞吐量同比下降3.1%。",
     "Owing to typhoons, cargo throughput at the province's ports fell 3.1% year on year in October.",
     "Owing to typhoons, cargo throughput at the province's ports fell 3.1% year on year in September.",
     "9月"),
    # 白天 "the daytime" against the night
    (TIME_EXPRESSION, "明天白天全市多云，气温较低。",
     "Tomorrow night the city will be cloudy, with low temperatures.",
     "Tomorrow during the day the city will be cloudy, with low temperatures.",
     "白天"),
    # a weak word of change with its size after an average ("cut by an average of 8 percent")
    (DIRECTION, "今年全市最低生活保障标准平均提高8%。",
     "This year the city's minimum living allowance was cut by an average of 8 percent.",
     "This year the city's minimum living allowance was raised by an average of 8 percent.",
     "提高"),
    # "over the same period" is the base of a comparison, no "more"
    (DIRECTION, "全省高速公路车流量较去年同期增长12%，平均通行速度较去年同期提升5%。",
     ("Traffic on the province's expressways grew by 12% over the same period last year, and the average "
     "speed slipped by 5% over the same period last year."),
     ("Traffic on the province's expressways grew by 12% over the same period last year, and the average "
     "speed rose by 5% over the same period last year."),
     "提升"),
    # an obligation softened to an invitation, beside a weak word of obligation that renders a verb
    (MODALITY, "排污单位应当按照规定安装自动监测设备，保证监测数据真实准确。",
     ("Polluting entities are encouraged to install automatic monitoring equipment in accordance with the regulations and ensure "
     "that the monitoring data are true and accurate."),
     ("Polluting entities shall install automatic monitoring equipment in accordance with the regulations and ensure that the "
     "monitoring data are true and accurate."),
     "应当"),
    # a coordinate word rendered by its parts with no noun after it stays a literal rendering
    (LITERAL_TERM, "各级干部要时刻把群众冷暖放在心上。",
     "Officials at all levels should always keep the cold and warm of the masses in mind.",
     "Officials at all levels should always keep the well-being of the masses in mind.",
     "冷暖"),
    # a lexical negation answered only by a word that starts like a negative one ("involved")
    (POLARITY, "调查认定，涉事企业安全培训不到位，对事故负有责任。",
     ("The investigation found that the enterprise involved had trained its staff adequately and bore "
     "responsibility for the accident."),
     ("The investigation found that the enterprise involved had trained its staff inadequately and bore "
     "responsibility for the accident."),
     "不到位"),
    # "preceding" puts its object after: 期满后 "after the expiry", not the months before it
    (TIME_EXPRESSION, "承担单位应在合同期满后2个月内提交结题报告。",
     ("The undertaking unit shall submit its final report within the two months preceding the expiry of "
     "the contract."),
     ("The undertaking unit shall submit its final report within two months after the expiry of the "
     "contract."),
     "期满后"),
    # a weak verb of change with its object and then its size ("cut the opening hours by one hour")
    (DIRECTION, "图书馆开放时间延长2小时。",
     "The library cut its opening hours by two hours.",
     "The library extended its opening hours by two hours.",
     "延长"),
    # a deputy chief of the river chief system made the chief (副总河长: 河长 inside it names no head)
    (INSTITUTION, "市级副总河长带队开展汛前巡河检查。",
     "The municipal general river chief led a river inspection before the flood season.",
     "The municipal deputy general river chief led a river inspection before the flood season.",
     "副总河长"),
    # a listed shorthand given another meaning: no accepted rendering, nothing of what it stands for
    (SHORTHAND, "钢铁行业要对标“双碳”目标，加快推进超低排放改造。",
     ("The steel industry should align with the clean air and clean water goals, and speed up "
      "ultra-low emission retrofits."),
     ("The steel industry should align with the carbon peaking and carbon neutrality goals, and speed up "
      "ultra-low emission retrofits."),
     "双碳"),
    # a listed shorthand whose English gives a wrong count of what it names
    (SHORTHAND, "“三北”地区是我国防沙治沙的主战场。",
     "The Three Northern Provinces are the main battlefield of China's desertification control.",
     "The Three-North region is the main battlefield of China's desertification control.",
     "三北"),
]


@pytest.mark.parametrize("check,zh,wrong,right,cue", CASES, ids=[c[4] for c in CASES])
def test_true_positive_and_clean_negative(check, zh, wrong, right, cue):
    found = check.run_pair(zh, wrong)
    assert found, f"{check.id} missed {cue}"
    assert any(cue in zh[s:e] or zh[s:e] in cue for f in found for s, e in f.zh_spans)
    assert not check.run_pair(zh, right)


# (check, Chinese, a right English a naive reader would flag)
CLEAN = [
    # 不到位 "inadequate": a lexical negation an in- word renders
    (POLARITY, "调查认定，该单位安全培训不到位，对事故负有责任。",
     ("The investigation found that the unit's safety training was inadequate and that it bore "
     "responsibility for the accident.")),
    # 杜绝 "put an end to" said with the bare verb
    (POLARITY, "坚决杜绝以罚代管、一罚了之。",
     "Resolutely end the practices of substituting fines for supervision and of fining and walking away."),
    # two seasons in one word (冬春季 "winter and spring")
    (TIME_EXPRESSION, "冬春季是流感高发期，学校要做好通风消毒。",
     "Winter and spring are the peak flu seasons, and schools should ventilate and disinfect."),
    # a range of days: the month of the second day is the first's (10月22日至24日)
    (TIME_EXPRESSION, "论坛于10月22日至24日在杭州举行。",
     "The forum was held in Hangzhou from October 22 to October 24."),
    # a range of days and the weekend; 一周一次 "once a week" names no Monday
    (TIME_EXPRESSION, "办事大厅周一至周五正常开放，周末暂停服务。",
     "The service hall is open as usual from Monday to Friday and closed on Saturdays and Sundays."),
    (TIME_EXPRESSION, "患者须一周一次到医院复查，周三下午可预约。",
     "Patients must return for a check once a week, and appointments can be made on Wednesday afternoons."),
    # a range of months; months named in words (前三季度) the English may give as months
    (TIME_EXPRESSION, "1-8月全市规模以上工业增加值同比增长5.2%。",
     "From January to August, the city's industrial value added grew 5.2% year on year."),
    (TIME_EXPRESSION, "前三季度全市税收收入增长4%，其中9月增长6%。",
     "From January to September the city's tax revenue grew 4%, with 6% growth in September."),
    # a discretion word (视情况 "depending on circumstances") rendered "as appropriate"
    (MODALITY, "申请人应在期满前提交材料，逾期提交的将视情况予以处理。",
     "Applicants shall submit materials before the deadline; late submissions will be handled as appropriate."),
    # an obligation word that renders another Chinese verb (要求 "to require") beside 支持
    (MODALITY, "教育部印发通知，要求各地加快改善办学条件，中央资金重点支持薄弱学校。",
     ("The Ministry of Education issued a notice requiring localities to speed up improving school conditions, "
     "with central funds focused on weak schools.")),
    # the obligation's own word ("required" for 需) beside an invitation that renders 征求意见
    (MODALITY, "新规征求意见：网约车平台需取得经营许可",
     "Comments on the new rules are invited: ride-hailing platforms are required to obtain an operating licence"),
    # a listed name inside a longer proper name
    (INSTITUTION, "科技部委托中国科学技术交流中心开展项目评估。",
     ("The Ministry of Science and Technology commissioned the China Science and Technology Exchange Center "
     "to evaluate the projects.")),
    (INSTITUTION, "湖南省农业农村厅的专家参加了测产。",
     "Experts from the Hunan Provincial Department of Agriculture and Rural Affairs took part in the yield test."),
    # a coordinate word before the noun it modifies (冷暖空气 "cold and warm air")
    (LITERAL_TERM, "受冷暖空气共同影响，本周全省将有一次明显降雨过程。",
     "Under the combined influence of cold and warm air, the province will see a spell of heavy rain this week."),
    # a lexical negation said as the comparative of inferiority of its antonym ("less certain")
    (POLARITY, "病毒的传播路径更不清楚。", "The transmission route of the virus is even less certain."),
    # 无一 "not a single one" said by a universal
    (POLARITY, "全县15所寄宿制学校食堂无一发生食品安全事故。",
     "All 15 boarding school canteens in the county operated without a single food safety incident."),
    (POLARITY, "全省对1800处隐患点逐一排查，做到无一遗漏。",
     "The province checked all 1,800 hazard sites one by one, covering every one of them."),
    # "no later than" is a deadline, no negation the Chinese lacks
    (POLARITY, "经营者应当至迟于合同期满前三个月提出续约申请。",
     "Operators shall apply for renewal no later than three months before the contract expires."),
    # "fell short of expectations" compares a figure with a forecast; the figure still grew
    (DIRECTION, "受雨雪天气影响，一月份全市客运量增速不及预期，同比仅增长0.8%。",
     ("Owing to rain and snow, growth in the city's passenger traffic in January fell short of expectations, "
     "at just 0.8% year on year.")),
    # "no X may": a negative subject forbids, as 一律不予 does
    (MODALITY, "对检测不合格的产品一律不予出厂。",
     "No product that fails the inspection may leave the factory."),
    # accepted renderings of listed shorthand
    (SHORTHAND, "三北工程启动四十多年来，累计完成造林保存面积4.8亿亩。",
     ("In the more than 40 years since the Three-North Shelterbelt Program began, 480 million mu of forest "
     "have been planted and preserved.")),
    # every word of a shorthand with no numeral rendered, or an accepted rendering joined by "and"
    (SHORTHAND, "各地要完整准确全面贯彻新发展理念。",
     "All localities should fully and faithfully apply new ideas of development."),
    (SHORTHAND, "企业搭乘“一带一路”倡议的东风加快走出去。",
     "Enterprises are going global faster on the back of the One Belt and One Road Initiative."),
    (SHORTHAND, "严格落实能耗双控制度，遏制高耗能项目盲目发展。",
     ("Strictly implement the dual control system for energy consumption and curb the blind development of "
     "energy-intensive projects.")),
]


@pytest.mark.parametrize("check,zh,right", CLEAN, ids=[f"{c[0].id}-{k}" for k, c in enumerate(CLEAN)])
def test_clean_renderings(check, zh, right):
    assert not check.run_pair(zh, right)


def test_dates_read_on_both_sides():
    assert [(d.month, d.day) for d in zh_dates("自五月一日起至8月16号止")] == [(5, 1), (8, 16)]
    assert [(d.month, d.day) for d in en_dates("from 1 May to Sept. 16th, then on the 3rd of June")] == [
        (5, 1), (9, 16), (6, 3)]
    assert en_dates("costs may 20 percent more") == []  # the modal, not the month
    # a date the Chinese names in words, or a lunar date, is no foreign date
    assert foreign_dates("年底前、12月1日前完成", "by 1 December and 31 December") == []
    assert foreign_dates("农历八月十五日", "on 17 September") == []
    assert foreign_dates("8月16日", "16 September")


def test_negated_modifier_readers():
    assert unnegated_noun("during the flood season and the main flood season", "汛期", 2) is not None
    assert unnegated_noun("outside the flood season and in the main flood season", "汛期", 2) is None
    assert unnegated_noun("in the dry season and the main flood season", "汛期", 2) is None  # said otherwise
    assert positive_participle("verified data shall not be published", "核实", "数据") is not None
    assert positive_participle("unverified data shall not be published", "核实", "数据") is None


def test_subject_reader_reads_mistagged_verbs_and_named_bodies():
    """委托 tagged a noun by jieba is still the clause's verb; 统计 before the bare head 机构 opens a
    body's name; after 将 the verb whose party is no modifier (涉及…的) is the one read."""
    from qa.clause_subjects import find_subject_swaps

    zh = "住房城乡建设部委托中国建筑科学研究院开展绿色建筑标识评价。"
    swapped = ("The China Academy of Building Research commissioned the Ministry of Housing and Urban-Rural "
               "Development to evaluate green building labels.")
    right = ("The Ministry of Housing and Urban-Rural Development commissioned the China Academy of Building "
             "Research to evaluate green building labels.")
    assert [s.agent for s in find_subject_swaps(zh, swapped)] == ["住房城乡建设部"]
    assert find_subject_swaps(zh, right) == []
    # a clause that opens with a verb and a party of its own (鼓励龙头企业…) has no first party
    assert find_subject_swaps("鼓励龙头企业开放平台，为中小企业提供服务。",
                              "Encourage SMEs to open platforms and provide services to leading enterprises.") == []
