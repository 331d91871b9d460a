"""institution: a Chinese body or office rendered as a different body or by a wrong name.

The Chinese sentences are WMT20 newstest sources (Xinhua news) and State
Council prose; the clean English is the human reference style, the faulty
English the same sentence with one body swapped for another.
"""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.model import Pair
from qa.checks import institutions as inst
from qa.model import Context
from qa.phrase_match import find_chinese, find_english


def run(zh: str, en: str, options: dict | None = None) -> list:
    pair = Pair(id=1, zh=zh, en=en)
    ctx = Context(pairs=[pair], options={"institution": options} if options else {})
    return inst.check_institutions(pair, ctx)


US_COMMERCE = "美国商务部26日公布的最终修正数据显示，二季度美国GDP按年率计算增长2%。"
PBOC = "央行发布公告称，当日开展300亿元逆回购操作，期限为14天。"
HUNG_YEN = "会见时，兴安省委书记杜进士突出强调了白俄罗斯在工业生产方面的显著成就。"
CPPCC = "全国政协十三届三次会议在北京人民大会堂开幕。"


def one_major_then_clean(zh: str, wrong: str, right: str):
    """The one flag, major, on the wrong English; none on the right one."""
    flags = run(zh, wrong)
    assert len(flags) == 1 and flags[0].severity == "major", [f.message for f in flags]
    assert run(zh, right) == []
    return flags[0]


def test_commerce_calque_is_flagged_with_spans_and_suggestion():
    en = "The final revised data released by the US Ministry of Business on the 26th showed that US GDP grew 2%."
    flags = run(US_COMMERCE, en)
    assert len(flags) == 1
    f = flags[0]
    assert (f.check, f.severity, f.category) == ("institution", "major", "Accuracy/Mistranslation")
    assert f.zh[f.zh_spans[0][0]:f.zh_spans[0][1]] == "商务部"
    assert f.en[f.en_spans[0][0]:f.en_spans[0][1]] == "Ministry of Business"
    assert "Ministry of Commerce" in f.suggestion


def test_commerce_department_of_another_country_is_clean():
    en = ("The final revised data released by the U.S. Department of Commerce on the 26th showed "
          "that U.S. GDP grew at an annual rate of 2% in the second quarter.")
    assert run(US_COMMERCE, en) == []


def test_central_bank_as_bank_of_china_is_a_different_body():
    flags = run(PBOC, "The Bank of China announced a 30 billion yuan reverse repo for 14 days.")
    assert len(flags) == 1 and "central bank" in flags[0].message
    assert run(PBOC, "The central bank said it conducted 30 billion yuan of 14-day reverse repos.") == []
    assert run(PBOC, "The People's Bank of China conducted 30 billion yuan of reverse repos.") == []


def test_foreign_central_banks_are_accepted():
    assert run("日本央行宣布维持利率不变。", "The Bank of Japan kept interest rates unchanged.") == []
    assert run("欧洲央行宣布降息。", "The ECB announced a rate cut.") == []


def test_provincial_party_secretary_is_not_the_governor():
    flags = run(HUNG_YEN, "During the meeting, Hung Yen Governor Do Tien Sy highlighted Belarus's achievements.")
    assert len(flags) == 1
    assert flags[0].en[slice(*flags[0].en_spans[0])] == "Governor"
    clean = ("During the meeting, Do Tien Sy, Secretary of the Hung Yen Provincial Party Committee, "
             "highlighted Belarus's achievements in industrial production.")
    assert run(HUNG_YEN, clean) == []


def test_cppcc_rendered_as_the_npc():
    flags = run(CPPCC, "The third session of the 13th National People's Congress opened in Beijing.")
    assert len(flags) == 1 and "National People's Congress" in flags[0].message
    assert run(CPPCC, "The third session of the 13th CPPCC National Committee opened in the Great Hall "
                      "of the People in Beijing.") == []


def test_procuratorate_is_not_the_supreme_court():
    zh = "最高人民检察院近日发布典型案例。"
    assert len(run(zh, "The Supreme Court recently released typical cases.")) == 1
    assert run(zh, "The Supreme People's Procuratorate recently released typical cases.") == []


def test_a_loose_word_elsewhere_does_not_excuse_another_bodys_name():
    # "procuratorates" (an accepted loose word) names the procuratorates at large, not the body
    zh = "最高人民检察院发布了一批惩治金融犯罪典型案例，指导各级检察机关依法办案。"
    tail = " released a batch of typical cases on punishing financial crimes to guide procuratorates at all levels."
    one_major_then_clean(zh, "The Supreme People's Court" + tail, "The Supreme People's Procuratorate" + tail)
    # a loose word with no other body's name stays a paraphrase
    assert run(zh, "The top procuratorate" + tail) == []


def test_a_local_body_rendered_as_a_body_of_another_field():
    # 审计 + 厅: the province's audit department (the stem of 审计署); "department of finance" is the
    # field of 财政部, which the Chinese does not name
    zh = "省审计厅日前通报了省级部门预算执行审计中发现的主要问题。"
    tail = " recently reported the main problems found in auditing budget execution by provincial departments."
    wrong = run(zh, "The provincial department of finance" + tail)
    assert len(wrong) == 1 and "财政部" in wrong[0].message
    assert run(zh, "The provincial audit department" + tail) == []
    # a local body with no table row is read by its glosses: 通信管理 "communication, management"
    zh = "市通信管理局组织开展了电信网络诈骗防范宣传活动。"
    assert len(run(zh, "The municipal medical products administration organized publicity activities on "
                       "preventing telecom and online fraud.")) == 1
    assert run(zh, "The municipal communications administration organized publicity activities on "
                   "preventing telecom and online fraud.") == []
    # a local body named by a central body's stem is that field (工信 of 工信部)
    assert run("省工信厅印发了工作方案。", "The provincial department of industry and information technology "
                                         "issued a work plan.") == []


def test_both_bodies_named_in_the_chinese_is_no_error():
    zh = "省委书记、省长出席会议，省委省政府主要负责同志讲话。"
    en = ("The provincial Party secretary and the governor attended; leaders of the provincial "
          "government and Party committee spoke.")
    assert run(zh, en) == []


def test_paraphrase_is_silent():
    assert run("财政部发布通知。", "The ministry issued a notice.") == []


def test_a_term_that_cuts_a_word_is_not_a_match():
    # 全省委托: 省委 'provincial Party committee' would cut 全省 / 委托
    assert find_chinese("全省委托第三方机构开展评估", ["省委"]) == []
    assert [f.name for f in find_chinese("北京市委书记", ["市委", "市委书记"])] == ["市委书记"]
    assert run("全省委托第三方机构开展评估。",
               "The provincial government commissioned third-party agencies to carry out assessments.") == []


def test_longest_chinese_and_english_names_win():
    names = [f.name for f in find_chinese("全国人大常委会审议法律草案", ["全国人大", "全国人大常委会"])]
    assert names == ["全国人大常委会"]
    hits = find_english("the People’s Bank of China and the NDRC", ["Bank of China", "People's Bank of China", "NDRC"])
    assert [h.name for h in hits] == ["People's Bank of China", "NDRC"]
    assert find_english("ndrc", ["NDRC"]) == []  # acronyms match in capitals only


def test_neighbouring_pair_holds_the_rendering():
    a = Pair(id=1, zh="最高人民检察院发布通知，", en="A notice was issued.")
    b = Pair(id=2, zh="要求各地严格执行。", en="The Supreme People's Procuratorate asked all localities to comply.")
    ctx = Context(pairs=[a, b])
    assert inst.check_institutions(a, ctx) == []
    a_wrong = Pair(id=1, zh=a.zh, en="The Supreme Court issued a notice.")
    assert len(inst.check_institutions(a_wrong, Context(pairs=[a_wrong, b]))) == 0  # rendered next door
    assert len(inst.check_institutions(a_wrong, Context(pairs=[a_wrong]))) == 1
    assert inst.check_institutions(a_wrong, Context(pairs=[a_wrong, b], options={
        "institution": {"neighbours": 0}}))


@pytest.mark.parametrize("zh,en", [
    # a bare 人大 / 政协 / 中央 usually means the national body
    ("人大代表李华在会上发言。", "National People's Congress deputy Li Hua spoke at the meeting."),
    ("中央决定成立专项工作组。", "The CPC Central Committee decided to set up a special task force."),
    ("中央企业利润总额同比增长。", "Total profits of central SOEs rose year on year."),
    # foreign counterparts
    ("美国国务院发表声明。", "The U.S. State Department issued a statement."),
    ("美国财政部宣布新一轮制裁。", "The U.S. Treasury announced a new round of sanctions."),
])
def test_national_and_foreign_readings_are_clean(zh, en):
    assert run(zh, en) == []


def test_a_local_congress_is_not_the_national_one():
    # WMT20 newstest source; the English names the national body instead of Xining's
    flags = run("西宁市人大常委会秘书长仇怀军说。",
                "Qiu Huaijun, Secretary General of the Standing Committee of the National People's Congress, said.")
    assert len(flags) == 1
    assert run("西宁市人大常委会秘书长仇怀军说。",
               "Qiu Huaijun, Secretary General of the Standing Committee of the Xining Municipal People's "
               "Congress, said.") == []


def test_table_rows_are_well_formed_and_sourced():
    rows = inst.load_institutions()
    assert len(rows) >= 90
    for row in rows:
        assert row.source and (row.standard or row.accepted)
    zh = {z for r in rows for z in r.zh}
    for must in ("商务部", "发改委", "全国人大常委会", "全国政协", "中共中央", "最高人民检察院", "国务院",
                 "省委", "国家数据局", "国家网信办", "省长", "国务委员"):
        assert must in zh


def test_a_broken_table_is_a_clear_error(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("zh\tstandard\n商务部\tMinistry of Commerce\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        inst.load_institutions(bad)


def test_an_unlisted_body_name_instead_of_the_listed_body_is_minor():
    zh = "由财政部牵头、各部门配合，建立资金监管机制。"
    flags = run(zh, "Led by the Ministry of Economy with the cooperation of all departments, "
                    "a fund supervision mechanism will be set up.")
    assert [(f.severity, f.en[slice(*f.en_spans[0])]) for f in flags] == [("minor", "Ministry of Economy")]
    assert run(zh, "Led by the Ministry of Economy, …", options={"unlisted": False}) == []
    # the Chinese names another, unlisted body (商务局): the English name may be its own
    assert run("市商务局和财政部联合发文。", "The Municipal Bureau of Commerce and the ministry issued it jointly.") == []


# the digital-economy forum digest (人民日报 2022) and 吴俊 2025 (corpora/zh-only)
CNNC = "数字化已成为中核集团高质量发展的重要推动力。"
RUC = "中国人民大学中国企业创新发展研究中心主任、教授  姚建明"


def test_a_central_soe_rendered_as_another_central_soe():
    flags = run(CNNC, "Digitalization has become an important driving force for the high-quality development "
                      "of China General Nuclear Power Group (CGN).")
    assert [f.severity for f in flags] == ["major"] and "China National Nuclear Corporation" in flags[0].suggestion
    assert run(CNNC, "Digitalization has become an important driving force for the high-quality development "
                     "of China National Nuclear Corporation (CNNC).") == []
    assert run(CNNC, "Digitalization has become an important driver of the group's high-quality development.") == []


def test_a_university_rendered_as_another_university():
    flags = run(RUC, "Yao Jianming, Professor and Director of the China Enterprise Innovation and Development "
                     "Research Center, Peking University")
    assert len(flags) == 1 and "Renmin University of China" in flags[0].suggestion
    assert run(RUC, "Yao Jianming, Professor and Director of the China Enterprise Innovation and Development "
                    "Research Center, Renmin University of China") == []
    assert run("北京大学光华管理学院院长刘俏表示。", "Liu Qiao, dean of Guanghua School of Management at "
                                                   "Beijing University, said.") == []


def test_a_neighbour_that_names_the_body_itself_does_not_excuse_it():
    # the speaker line above gives the company's full name and its own rendering
    above = Pair(id=1, zh="中国核工业集团有限公司信息中心副主任  蔡  盛",
                 en="Cai Sheng, Deputy Director of the Information Center, China National Nuclear Corporation")
    wrong = Pair(id=2, zh=CNNC, en="Digitalization has become an important driving force for the "
                                   "high-quality development of China General Nuclear Power Group (CGN).")
    assert len(inst.check_institutions(wrong, Context(pairs=[above, wrong]))) == 1
    # a neighbour whose Chinese does not name it may still hold the rendering (alignment slack)
    slack = Pair(id=1, zh="蔡盛介绍：", en="Cai Sheng of China National Nuclear Corporation said:")
    assert inst.check_institutions(wrong, Context(pairs=[slack, wrong])) == []


def test_a_congress_rendered_as_a_plenum_and_back():
    zh = "党的二十大提出“打造具有国际竞争力的数字产业集群”,将数实融合置于全球竞争语境。"
    flags = run(zh, "The Third Plenary Session of the 20th Central Committee called for \"building internationally "
                    "competitive digital industry clusters\".")
    assert len(flags) == 1
    assert flags[0].en[slice(*flags[0].en_spans[0])] == "Plenary Session of the 20th Central Committee"
    assert run(zh, "The 20th National Congress of the Communist Party of China called for \"building "
                   "internationally competitive digital industry clusters\".") == []
    plenum = "党的二十届三中全会对发展数字经济作出重要部署。"
    assert len(run(plenum, "The 20th National Congress of the CPC made important arrangements for developing "
                           "the digital economy.")) == 1
    assert run(plenum, "The Third Plenum of the 20th CPC Central Committee made important arrangements.") == []
    assert inst.without_meeting_ordinals("the 19th CPC Central Committee") == "the      CPC Central Committee"


def _en_span(flag) -> str:
    return flag.en[slice(*flag.en_spans[0])]


@pytest.mark.parametrize("zh,wrong,right", [
    ("李强总理在座谈会上强调，要稳住外贸外资基本盘。",
     "President Li Qiang stressed at the symposium that foreign trade and investment must be stabilised.",
     "Premier Li Qiang stressed at the symposium that foreign trade and investment must be stabilised."),
    ("国家主席习近平同法国总统马克龙举行会谈。",
     "General Secretary Xi Jinping held talks with French President Emmanuel Macron.",
     "Chinese President Xi Jinping held talks with French President Emmanuel Macron."),
    ("赵乐际委员长出席开幕式并致辞。",
     "Premier Zhao Leji attended the opening ceremony and delivered a speech.",
     "Chairman Zhao Leji attended the opening ceremony and delivered a speech."),
    ("总书记习近平在贺信中指出，科技创新是发展新质生产力的核心要素。",
     "In his letter, Chinese Premier Xi Jinping pointed out that innovation is the core of new productive forces.",
     "In his letter, General Secretary Xi Jinping pointed out that innovation is the core of new productive forces."),
    ("王沪宁主席主持会议。",
     "The meeting was chaired by Wang Huning, the Chinese premier.",
     "The meeting was chaired by Wang Huning, chairman of the CPPCC National Committee."),
])
def test_a_leaders_title_is_another_office(zh, wrong, right):
    flag = one_major_then_clean(zh, wrong, right)
    assert "title" in flag.message or "wrong name" in flag.message  # 总理 lists "President" as wrong


def test_a_title_not_tied_to_the_person_is_no_error():
    # the English drops 总书记 and names another country's president: neither is a wrong title
    zh = "习近平总书记会见美国总统拜登时强调，中美关系要稳定发展。"
    assert run(zh, "Meeting US President Joe Biden, Xi Jinping stressed that China-US ties must develop "
                   "steadily.") == []
    assert run("印度总理莫迪访问美国。", "Indian Prime Minister Narendra Modi visited the United States.") == []


def test_a_plenum_made_another_bodys_is_flagged():
    zh = "党的二十届二中全会审议通过了《党和国家机构改革方案》。"
    flags = run(zh, "The Second Plenary Session of the 20th Central Commission for Discipline Inspection "
                    "adopted the plan for reforming Party and state institutions.")
    assert len(flags) == 1 and _en_span(flags[0]) == "Central Commission for Discipline Inspection"
    assert run(zh, "The second plenary session of the 20th CPC Central Committee adopted the plan for "
                   "reforming Party and state institutions.") == []
    npcsc = "全国人大常委会第十次会议表决通过了矿产资源法修订草案。"
    assert len(run(npcsc, "The tenth session of the Standing Committee of the CPPCC National Committee "
                          "voted to adopt the revised draft of the mineral resources law.")) == 1
    assert run(npcsc, "The tenth session of the NPC Standing Committee voted to adopt the revised draft "
                      "of the mineral resources law.") == []


@pytest.mark.parametrize("zh,wrong,right", [
    ("他曾在中央党校进修一年。",
     "He once spent a year of further study at the Party School of the Guangdong Provincial Committee of the CPC.",
     "He once spent a year of further study at the Party School of the CPC Central Committee."),
    ("国务院近日印发《关于促进民营经济发展壮大的意见》。",
     "The provincial government recently issued guidelines on promoting the growth of the private economy.",
     "The State Council recently issued guidelines on promoting the growth of the private economy."),
])
def test_a_central_body_made_local_is_flagged(zh, wrong, right):
    flags = run(zh, wrong)
    assert len(flags) == 1 and "central body" in flags[0].message
    assert run(zh, right) == []


def test_a_loose_word_elsewhere_in_the_sentence_does_not_excuse_another_body():
    zh = "国家能源局表示，今年新能源新增装机将继续保持较快增长。"
    flags = run(zh, "The National Development and Reform Commission said new energy installations would keep "
                    "growing fast this year.")
    assert len(flags) == 1 and "Development and Reform" in _en_span(flags[0])
    assert run(zh, "The National Energy Administration said new energy installations would keep growing "
                   "fast this year.") == []
    # a loose word that names a body ("the energy regulator") is a paraphrase of it
    assert run(zh, "The energy regulator said new energy installations would keep growing fast this year.") == []
    # nor does a loose word in a neighbour's English excuse it
    wrong = Pair(id=1, zh=zh, en="The Ministry of Commerce said new energy installations would keep growing.")
    after = Pair(id=2, zh="其中风电光伏占比超过一半。", en="Wind and solar energy account for more than half.")
    assert len(inst.check_institutions(wrong, Context(pairs=[wrong, after]))) == 1


@pytest.mark.parametrize("zh,wrong,right", [
    ("作者：李明 省疾病预防控制中心主任医师",
     "Author: Li Ming, chief physician at the Provincial Academy of Medical Sciences",
     "Author: Li Ming, chief physician at the Provincial Center for Disease Control and Prevention"),
    ("深圳市商务局近日发布了跨境电商扶持政策。",
     "The Shenzhen Municipal Commerce Commission recently released support policies for cross-border e-commerce.",
     "The Shenzhen Municipal Bureau of Commerce recently released support policies for cross-border e-commerce."),
])
def test_an_unlisted_body_rendered_as_another_kind_of_body_is_minor(zh, wrong, right):
    flags = run(zh, wrong)
    assert len(flags) == 1 and flags[0].severity == "minor" and "different kind of body" in flags[0].message
    assert run(zh, right) == []
    # a paraphrase by the head alone is a rendering
    assert run(zh, right.replace("Provincial Center for Disease Control and Prevention", "the provincial centre")
               .replace("Shenzhen Municipal Bureau of Commerce", "city's commerce bureau")) == []


def test_head_correspondences_come_from_real_names():
    from qa.body_heads import head_map, head_of
    heads = head_map(())  # CC-CEDICT's names of bodies alone
    assert "center" in heads.of_chinese("国家信息中心")
    assert {"bureau", "administration"} <= heads.of_chinese("国家数据局")
    assert heads.of_chinese("省公安厅") == frozenset()  # too few real names end in 厅 to say
    assert head_of("Organization Department of the CPC Central Committee") == "department"
    assert head_of("State Council General Office") == "office"


@pytest.mark.parametrize("zh,en", [
    # the Chinese names the province's office under the central one
    ("国家税务总局浙江省税务局近日发布公告。",
     "The Zhejiang Provincial Tax Service of the State Taxation Administration recently issued a notice."),
    # a district Party secretary: "Party Secretary" holds 书记's "secretary"
    ("西湖区委书记张伟表示，将加快推进城市更新。",
     "Zhang Wei, Party Secretary of Xihu District, said the district would speed up urban renewal."),
    ("全国工商联常务副主席徐明出席会议。",
     "Xu Ming, Executive Vice Chairman of the All-China Federation of Industry and Commerce, attended."),
    # 中央 in 中央统战部 is the owner the English names
    ("中央统战部副部长出席开幕式。",
     "A deputy head of the United Front Work Department of the CPC Central Committee attended the opening."),
    # a loose word inside a garbled but whole name of the body is a rendering of it
    ("农业农村部网站发布了征求意见稿。",
     "The website of the Ministry of Agriculture, Rural Affairs and Villages published a draft for comment."),
])
def test_names_of_the_body_itself_and_its_local_offices_are_clean(zh, en):
    assert run(zh, en) == []


def test_a_body_made_another_bodys_by_a_modifier_before_it():
    # 国务院新闻办公室 is the State Council Information Office; "information office" alone is
    # accepted, but not as the National People's Congress's
    zh = "国务院新闻办公室27日发布白皮书。"
    found = run(zh, "The National People's Congress Information Office released a white paper on the 27th.")
    assert found and found[0].severity == "major" and "National People's Congress" in found[0].message
    for en in ("The State Council Information Office released a white paper on the 27th.",
               "The Information Office of the State Council released a white paper on the 27th.",
               "The information office released a white paper on the 27th."):
        assert run(zh, en) == [], en


@pytest.mark.parametrize("zh, wrong, right", [
    ("财政部部长表示，今年将继续加大对地方的转移支付力度。",
     "The Minister of Commerce said that transfers to local governments would increase again this year.",
     "The Minister of Finance said that transfers to local governments would increase again this year."),
    ("外交部长在记者会上回答了提问。",
     "The Commerce Minister answered questions at the press conference.",
     "The Foreign Minister answered questions at the press conference."),
])
def test_minister_of_another_ministry_is_flagged(zh, wrong, right):
    assert "head of a different body" in one_major_then_clean(zh, wrong, right).message


def test_minister_rule_leaves_a_minister_the_chinese_names_too():
    # both ministries are in the Chinese: each English title has its body
    assert run("外交部长王毅会见了商务部长。", "Foreign Minister Wang Yi met the Minister of Commerce.") == []
    # 美国财政部长 is named, so "Treasury Secretary" is no one else's
    assert run("商务部副部长会见了美国财政部长。",
               "The Vice Minister of Commerce met the US Treasury Secretary.") == []


def test_office_made_another_bodys_is_flagged():
    zh = "国务院副总理刘鹤出席开幕式并致辞。"
    found = run(zh, "Liu He, Vice Premier of the National People's Congress, attended the opening "
                    "ceremony and delivered a speech.")
    assert [f.severity for f in found] == ["major"]
    assert "National People's Congress" in found[0].message
    for en in ("Vice Premier Liu He attended the opening ceremony and delivered a speech.",
               ("Liu He, Vice Premier of the State Council, attended the opening ceremony and "
                "delivered a speech.")):
        assert run(zh, en) == [], en


def test_bare_office_with_an_explicit_owner_is_not_flagged():
    # 总理 alone does not name the State Council; the English adding it is explicitation
    assert run("总理李强出席会议并讲话。", "Li Qiang, Premier of the State Council, attended the "
                                      "meeting and spoke.") == []


# --------------------------------------------------------------------------- local bodies and parent bodies


def test_provincial_body_rendered_as_the_national_one():
    zh = "省卫健委近日印发通知，要求各地加强院感防控。"
    flags = run(zh, "The National Health Commission recently issued a notice asking all localities to "
                    "strengthen infection control in hospitals.")
    assert len(flags) == 1 and flags[0].severity == "major"
    assert flags[0].zh[slice(*flags[0].zh_spans[0])] == "卫健委"
    assert "local body" in flags[0].message and "provincial/municipal Health Commission" in flags[0].suggestion
    assert run(zh, "The provincial Health Commission recently issued a notice asking all localities to "
                   "strengthen infection control in hospitals.") == []
    assert run(zh, "The Hunan Provincial Health Commission recently issued a notice asking all localities to "
                   "strengthen infection control in hospitals.") == []


def test_national_mention_beside_a_local_one_is_clean():
    zh = "国家卫健委和湖北省卫健委联合开展专项督查。"
    assert run(zh, "The National Health Commission and the Hubei Health Commission carried out a joint "
                   "special inspection.") == []
    # "provincial" is the level of 省卫健委, not 国家卫健委 made local
    assert run("国家卫健委和省卫健委联合开展专项督查。", "The National Health Commission and the provincial "
               "health commission carried out a joint special inspection.") == []
    flags = run("国家卫健委联合各地开展专项督查。", "The provincial health commission carried out a joint "
                "special inspection with localities.")
    assert len(flags) == 1 and "central body" in flags[0].message


def test_standing_committee_rendered_as_its_parent_congress():
    zh = "全国人大常委会表决通过了修订后的食品安全法。"
    flags = run(zh, "The National People's Congress voted to adopt the revised Food Safety Law.")
    assert len(flags) == 1 and "National People's Congress" in flags[0].message
    assert run(zh, "The NPC Standing Committee voted to adopt the revised Food Safety Law.") == []
    assert run(zh, "The Standing Committee of the National People's Congress voted to adopt the revised "
                   "Food Safety Law.") == []


def test_office_names_its_own_body():
    zh = "国务院副总理出席会议并讲话。"
    assert run(zh, "The Vice Premier of the State Council attended the meeting and spoke.") == []


def test_central_body_left_with_only_a_lower_level():
    zh = "中央安全生产考核巡查组近日进驻河南省开展工作。"
    flags = run(zh, "A provincial work safety inspection team has recently arrived in Henan Province to start work.")
    assert len(flags) == 1 and flags[0].en[slice(*flags[0].en_spans[0])] == "provincial"
    assert "central body" in flags[0].message
    assert run(zh, "A central work safety inspection team has recently arrived in Henan Province to start work.") == []
    # the province's own body gives the level: "provincial" renders 省政府
    assert run("中央巡查组与省政府座谈。", "The inspection team met the provincial government.") == []


# --- a body rendered as another body on unseen text (issue 15, writer w7) ---

def test_a_provincial_department_named_by_the_ministrys_field_is_its_own_name():
    # 省司法厅 is the Provincial Department of Justice; "Department of Justice" is also a name of 司法部
    zh = "省司法厅联合省律师协会开展法律服务进社区活动。"
    assert run(zh, "The Provincial Department of Justice and the provincial lawyers association held a "
                   "campaign bringing legal services into communities.") == []
    assert run("市商务局发布消费提示。", "The Municipal Department of Commerce issued a consumer advisory.") == []
    # the ministry's own name for the local body is still no rendering of it
    assert run(zh, "The Ministry of Justice and the provincial lawyers association held a campaign "
                   "bringing legal services into communities.")


def test_a_listed_body_given_another_core_noun_is_another_body():
    zh = "中国地震局今日发布地震速报，提醒公众做好防范。"
    flagged = run(zh, "The National Seismological Center issued a rapid earthquake report today, reminding the "
                      "public to take precautions.")
    assert len(flagged) == 1 and flagged[0].severity == "minor" and "Center" in flagged[0].message
    assert run(zh, "The China Earthquake Administration issued a rapid earthquake report today, reminding the "
                   "public to take precautions.") == []


def test_an_abbreviated_body_cut_into_characters_is_still_a_body():
    # 国家疾控局 is no dictionary word: jieba cuts 国家/疾/控/局
    zh = "国家疾控局发布冬季传染病防控健康提示。"
    flagged = run(zh, "The Chinese Center for Disease Control and Prevention issued a health advisory on "
                      "infectious diseases in winter.")
    assert len(flagged) == 1 and flagged[0].severity == "minor"
    assert run(zh, "The National Disease Control and Prevention Administration issued a health advisory on "
                   "infectious diseases in winter.") == []


def test_the_body_suffixes_are_one_table_with_subsets():
    from qa import body_heads as bh

    assert bh.suffix_of("国家体育总局") == "总局" and bh.suffix_of("国家信息中心") == "中心"
    assert set(bh.GOVERNMENT_CHARS) <= bh.HEAD_CHARS and "院" in bh.HEAD_CHARS - set(bh.GOVERNMENT_CHARS)
    assert set(bh.LOCAL_SUFFIXES) <= set(bh.NAME_SUFFIXES) and "厅" in bh.LOCAL_SUFFIXES
    assert "院" not in bh.SUFFIXES  # a bare 院 ends courts, hospitals and academies alike


def test_a_provincial_department_rendered_as_a_court_beside_the_other_department():
    # 厅 ends too few real names to know its English heads; the English has one body fewer than the
    # Chinese names besides the court, and 司法厅's field (justice) is named nowhere
    zh = "省司法厅会同省财政厅印发法律援助经费管理办法。"
    flagged = run(zh, "The Provincial Higher People's Court, together with the Provincial Department of Finance, "
                      "issued measures on managing legal aid funds.")
    assert len(flagged) == 1 and flagged[0].severity == "minor" and "司法厅" in flagged[0].message
    assert run(zh, "The Provincial Department of Justice, together with the Provincial Department of Finance, "
                   "issued measures on managing legal aid funds.") == []


PROSECUTION = "区人民检察院依法对三名犯罪嫌疑人提起公诉。"


def test_a_loose_word_for_the_act_does_not_excuse_a_wrong_body_name():
    # "prosecution" says what 公诉 is; the body that brings it is named as a court
    flag = one_major_then_clean(
        PROSECUTION, "The district people's court brought a public prosecution against three suspects.",
        "The district people's procuratorate brought a public prosecution against three suspects.")
    assert flag.en[slice(*flag.en_spans[0])].lower() == "people's court"
    # the body's people, or a bare "court" the case goes before, name no other body
    assert run(PROSECUTION, "District prosecutors brought a public prosecution against three suspects in "
                            "the court.") == []


STANDING = "《城市绿化条例》已经市人大常委会审议通过。"


def test_standing_committee_rendered_as_the_congress():
    one_major_then_clean(STANDING, "The urban greening regulations were adopted by the Municipal People's Congress.",
                         "The urban greening regulations were adopted by the Standing Committee of the Municipal "
                         "People's Congress.")
    assert run(STANDING, "The urban greening regulations were adopted by the city's legislature.") == []
    # the congress and its standing committee both named
    assert run("市人大及其常委会加强地方立法。",
               "The municipal people's congress and its standing committee stepped up local legislation.") == []


def test_lower_case_local_body_of_another_kind():
    zh = "区疾病预防控制中心发布夏季防暑提示。"
    flags = run(zh, "The district disease prevention and control bureau issued a summer heat advisory.")
    assert [(f.severity, f.en[slice(*f.en_spans[0])]) for f in flags] == \
        [("minor", "district disease prevention and control bureau")]
    assert run(zh, "The district disease prevention and control centre issued a summer heat advisory.") == []


def test_court_of_another_level():
    # court.gov.cn: Higher, Intermediate and Primary People's Courts are the levels below the SPC
    zh = "市中级人民法院二审驳回上诉，维持原判。"
    one_major_then_clean(zh, "The municipal higher people's court rejected the appeal and upheld the original verdict.",
                         "The municipal intermediate people's court rejected the appeal and upheld the original verdict.")
    assert run(zh, "The city court rejected the appeal and upheld the original verdict.") == []
    # both levels named in the Chinese
    assert run("被告人不服中级人民法院判决，向省高级人民法院提出上诉。",
               "The defendant appealed against the Intermediate People's Court ruling to the provincial Higher "
               "People's Court.") == []


def test_party_leadership_group_is_not_the_party_committee():
    zh = "集团公司党组召开专题会议，研究部署安全生产工作。"
    one_major_then_clean(zh, "The group company's Party committee held a special meeting to plan work safety.",
                         "The group company's leading Party members' group held a special meeting to plan work safety.")
    # both named in the Chinese; and 党组织 is no 党组
    assert run("各级党委（党组）要切实担负主体责任。",
               "Party committees at all levels must shoulder their primary responsibility.") == []
    assert run("要加强基层党组织建设。", "We must strengthen primary-level Party committees.") == []


def test_local_party_department_bears_the_central_departments_name():
    # 市委宣传部 is the city's publicity department: the central department's English names it
    assert run("市委宣传部举办新闻发布会，介绍文化惠民工程进展。",
               "The Publicity Department of the municipal Party committee held a press conference on the "
               "progress of cultural programmes for the public.") == []
    # an unlisted body named as the central department is still another body
    flags = run("中国企业联合会发布年度报告。",
                "The Organization Department of the CPC Central Committee released its annual report.")
    assert [f.severity for f in flags] == ["minor"]


def test_discipline_commission_is_not_the_party_committee():
    zh = "区纪委通报了三起违反中央八项规定精神的典型问题。"
    one_major_then_clean(zh, "The district Party committee reported three typical violations of the central "
                             "eight-point rules.",
                         "The district commission for discipline inspection reported three typical violations of "
                         "the central eight-point rules.")


def test_a_level_named_with_ji_is_a_level():
    # 县级残联 and 省级妇联 name the level as 县残联 and 省妇联 do: "county-level" renders it
    assert run("各县级残联要在年底前完成残疾人基本状况调查。",
               "County-level disabled persons' federations must complete the survey of the basic conditions "
               "of persons with disabilities by the end of the year.") == []
    assert run("全国妇联召开会议，要求各省级妇联做好宣传工作。",
               "The All-China Women's Federation held a meeting and asked provincial-level women's "
               "federations to do a good job of publicity.") == []
    # with no level in the Chinese, the level word still makes the central body a local one
    county = ("The county disabled persons' federation will provide rehabilitation subsidies to "
              "disabled people in difficulty.")
    provincial = ("The All-China Women's Federation held a meeting and asked provincial women's "
                  "federations to do a good job of publicity.")
    for zh, en in (("残联将为困难残疾人提供康复补贴。", county), ("全国妇联召开会议，要求各地妇联做好宣传工作。", provincial)):
        assert [f.severity for f in run(zh, en)] == ["major"], en


def test_a_place_government_jieba_keeps_whole_names_its_level():
    # jieba keeps 浙江省人民政府 as one word: the Chinese still names a body of the province, so
    # "… Province" after the central body's name is that body's, not the central one made local
    zh = "第三届全国智力运动会由国家体育总局主办、浙江省人民政府承办，共设十个大项。"
    assert run(zh, "The Third National Mind Sports Games, hosted by the General Administration of Sport of China "
                   "and organized by the People's Government of Zhejiang Province, have ten events.") == []
    flags = run("第三届全国智力运动会由国家体育总局主办，共设十个大项。",
                "The Third National Mind Sports Games, hosted by the General Administration of Sport of Zhejiang "
                "Province, have ten events.")
    assert [f.severity for f in flags] == ["major"]


def test_the_housing_ministrys_short_form_is_its_name():
    # 住房城乡建设部: the short form State Council documents use, as 人力资源社会保障部 is
    zh = "住房城乡建设部会同有关部门修订建筑节能标准。"
    assert run(zh, "The Ministry of Housing and Urban-Rural Development is revising building energy-efficiency "
                   "standards together with the relevant departments.") == []
    flags = run(zh, "The Ministry of Natural Resources is revising building energy-efficiency standards together "
                    "with the relevant departments.")
    assert [f.severity for f in flags] == ["major"]


def test_a_local_body_of_two_merged_fields_is_read_whole():
    """市规划和自然资源局 names two fields joined by 和 after one level: the whole is one body, so an
    English bureau of a third field (housing) is another body; 市财政局和税务局 are two bodies."""
    assert [z[a:b] for z in ["市财政局和税务局联合开展检查。"] for a, b in inst.unlisted_bodies(z, [])] == \
        ["财政局", "税务局"]
    zh = "用地单位应当在取得土地后向市规划和自然资源局申请办理用地规划许可证。"
    f = one_major_then_clean(
        zh, "Land users shall apply to the municipal housing and urban-rural development bureau for a land "
            "use planning permit after acquiring the land.",
        "Land users shall apply to the municipal planning and natural resources bureau for a land use "
        "planning permit after acquiring the land.")
    assert "市规划和自然资源局" in f.message


def test_a_standing_committee_is_not_the_government_inside_a_longer_name():
    """"the Provincial People's Government" is a listed name (省人民政府's) that holds a known wrong
    name of 人大常委会; the longest match hid it."""
    one_major_then_clean(
        "《河北省大气污染防治条例》经省人大常委会表决通过，自明年1月1日起施行。",
        "The Hebei Provincial Regulations on the Prevention and Control of Air Pollution were voted through "
        "by the Provincial People's Government and will take effect on January 1 next year.",
        "The Hebei Provincial Regulations on the Prevention and Control of Air Pollution were voted through "
        "by the Standing Committee of the Provincial People's Congress and will take effect on January 1 "
        "next year.")
    # 市委 in the Chinese makes "Municipal Party Committee" its rendering, not a wrong name of 党组
    assert run("省工商联党组书记、赣州市委书记出席会议。",
               "The secretary of the leading Party members' group of the provincial federation of industry and "
               "commerce and the secretary of the Ganzhou Municipal Party Committee attended.") == []


def test_the_energy_commission_is_not_the_energy_administration():
    """国家能源委员会 (the State Council's energy commission, 2010) is its own listed body."""
    one_major_then_clean("国家能源局近日发布今年前三季度全国电力工业统计数据。",
                         "The National Energy Commission recently released national power industry statistics "
                         "for the first three quarters of this year.",
                         "The National Energy Administration recently released national power industry "
                         "statistics for the first three quarters of this year.")


# --------------------------------------------------------------------------- local offices and forces
# Rows added when qa-probes-6 was read (seventeenth session): a county's Party secretary and its
# magistrate, border inspection and customs, the armed forces departments and the armed police,
# a military sub-district and a garrison, two mass organisations, and a
# field's departments named 部门.  Sentences written for these tests.

LOCAL_OFFICES = [
    ("县委书记带队到乡镇督导防汛工作。",
     "The county magistrate led a team to the townships to oversee flood prevention.",
     "The county Party secretary led a team to the townships to oversee flood prevention."),
    ("首都机场边检站全年查验出入境旅客三千余万人次。",
     "The Capital Airport Customs checked more than 30 million inbound and outbound travellers in the year.",
     ("The Capital Airport border inspection station checked more than 30 million inbound and outbound "
      "travellers in the year.")),
    ("县人民武装部组织基干民兵开展森林防火演练。",
     "The county armed police detachment organised the primary militia to hold a forest fire drill.",
     "The county people's armed forces department organised the primary militia to hold a forest fire drill."),
    ("军分区领导走访慰问了退役军人家庭。",
     "Leaders of the garrison command visited the families of veterans.",
     "Leaders of the military sub-district visited the families of veterans."),
    ("中华全国供销合作总社部署农资保供工作。",
     "The All-China Federation of Industry and Commerce made arrangements to secure supplies of farm inputs.",
     ("The All-China Federation of Supply and Marketing Cooperatives made arrangements to secure supplies of "
      "farm inputs.")),
    ("市计划生育协会开展了家庭健康服务活动。",
     "The municipal Women's Federation ran family health service activities.",
     "The municipal family planning association ran family health service activities."),
    ("各级财政部门要加强对预算执行的监督。",
     "Audit departments at all levels should strengthen oversight of budget execution.",
     "Finance departments at all levels should strengthen oversight of budget execution."),
]


@pytest.mark.parametrize("zh, wrong, right", LOCAL_OFFICES, ids=[c[0][:6] for c in LOCAL_OFFICES])
def test_a_local_office_or_force_rendered_as_another_is_flagged(zh, wrong, right):
    assert len(run(zh, wrong)) == 1
    assert run(zh, right) == []


def test_a_plural_owner_is_the_body_itself():
    """历次三中全会 "all the third plenary sessions of the CPC Central Committees" (a published
    translation, bench/qa_published.py): the plural names the plenums' own body, not another."""
    zh = "历次三中全会都研究讨论了深化改革问题。"
    assert run(zh, "All the third plenary sessions of the CPC Central Committees have discussed deepening "
                   "reform.") == []
    assert len(run(zh, "All the third plenary sessions of the Central Commission for Discipline Inspection "
                       "have discussed deepening reform.")) == 1


def test_a_provincial_general_office_and_the_immigration_app_are_no_other_body():
    """qa-probes-6 right renderings that were flagged: a province's 办公厅 "General Office" is not
    the CPC Central Committee's (whose rows keep "General Office" only as part of its full name),
    and 移民局 is the National Immigration Administration's own short name."""
    assert run("省政府办公厅日前印发新版政务服务事项目录。",
               "The General Office of the provincial government recently issued a new catalogue of "
               "government service items.") == []
    assert run("出入境证件的办理进度可通过“移民局”App实时查询。",
               "The processing status of exit-entry documents can be checked on the National Immigration "
               "Administration app.") == []
    # the Central Committee's General Office named as the State Council's is still another body
    assert len(run("中共中央办公厅印发了通知。", "The General Office of the State Council issued a notice.")) == 1


def test_league_organisations_are_the_youth_league():
    """各级团组织 "Youth League organisations at all levels" (a qa-probes-4 control that was flagged
    as naming a body the Chinese does not): 团组织 are the League's own bodies."""
    assert run("各级团组织要把青少年网络素养教育作为一项重要工作来抓。",
               "Youth League organisations at all levels are to make online literacy education for young "
               "people a major priority.") == []


@pytest.mark.parametrize(("zh", "wrong", "right"), [
    pytest.param("村务监督委员会每季度对村级财务公开情况进行检查。",
                 "The villagers' committee checks the disclosure of village finances every quarter.",
                 "The village affairs supervision committee checks the disclosure of village finances every quarter.",
                 id="grassroots"),
    pytest.param("中国载人航天工程办公室宣布，新一批航天员选拔工作正式启动。",
                 "The China National Space Administration announced that the selection of a new group of "
                 "astronauts had officially begun.",
                 "The China Manned Space Agency announced that the selection of a new group of astronauts had "
                 "officially begun.", id="space"),
])
def test_grassroots_and_programme_bodies_are_not_their_neighbours(zh: str, wrong: str, right: str):
    """(eighteenth session, read from qa-probes-7) the bodies of the Organic Law of the Villagers'
    Committees, and the crewed space programme's agency beside the national space administration."""
    assert [f.severity for f in run(zh, wrong)] == ["major"]
    assert run(zh, right) == []
