"""Who does what (the `roles` check): the general rules added for the blind-written probes of
corpora/qa-probes (issue 15), each with a true positive and a clean negative.

The sentences are our own, in the register of local-government notices (bodies named by the
abbreviations and levels such notices use); each true positive is the right English with the two
parties exchanged.  No embedder: the check reads CC-CEDICT, jieba and its tables only.
"""

from __future__ import annotations

import pytest

from align.errors import InputError
from qa.actor_names import actor_lemmas, institution_lemmas, level_lemmas
from qa.admin_levels import load_levels
from qa.argument_roles import parse_frames
from qa.checks.roles import ROLES


def test_local_bodies_are_named_by_the_central_bodies_names_and_their_level():
    # 人社局 is no CC-CEDICT word; the stem of 人社部 with a body suffix names the local bureau
    assert {"human", "resourc", "social", "security"} <= institution_lemmas("市人社局")
    assert "ministry" not in institution_lemmas("市人社局")  # a municipal bureau is no ministry
    assert "ministry" in institution_lemmas("水利部")
    assert institution_lemmas("市场主体") == frozenset()  # 市场 is a word, no body
    assert level_lemmas("乡级河长") >= {"township", "level"}
    assert level_lemmas("市场监管") == frozenset()  # 市 of 市场 is no level
    assert {"county", "health"} <= actor_lemmas("县卫健委")


def test_a_broken_level_table_is_a_clear_error(tmp_path):
    bad = tmp_path / "levels.tsv"
    bad.write_text("# header\n省份\tprovince\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_levels(bad)


LEAD = "由市人社局牵头、市财政局配合，组织开展就业补贴资金专项审计。"


def test_swapped_local_bureaus_are_flagged():
    f, = ROLES.run_pair(LEAD, "The municipal finance bureau will lead a special audit of employment subsidy funds, "
                              "with support from the municipal human resources and social security bureau.")
    assert f.severity == "major" and "finance" in f.en[slice(*f.en_spans[0])] + f.en[slice(*f.en_spans[1])]
    assert ROLES.run_pair(LEAD, "The municipal human resources and social security bureau will lead a special audit "
                                "of employment subsidy funds, with support from the municipal finance bureau.") == []


UNDER = "在省级生态环境部门的指导下，市级生态环境部门负责辖区内的执法检查。"


def test_parties_that_differ_by_their_level_are_told_apart():
    f, = ROLES.run_pair(UNDER, "Under the guidance of municipal-level environmental departments, provincial-level "
                               "environmental departments are responsible for law enforcement inspections within "
                               "their jurisdictions.")
    assert "municipal-level" in f.message
    # "B is responsible" is B's own task under A's guidance, no lead taken from A
    assert ROLES.run_pair(UNDER, "Under the guidance of provincial-level environmental departments, municipal-level "
                                 "environmental departments are responsible for law enforcement inspections within "
                                 "their jurisdictions.") == []


WITH = "省发展改革委会同省能源局制定了可再生能源发展规划。"


def test_the_party_before_an_aside_working_with_leads():
    f, = ROLES.run_pair(WITH, "The provincial energy administration, working with the provincial development and "
                              "reform commission, has drawn up a plan for renewable energy.")
    assert "'energy administration' the lead" in f.message
    assert ROLES.run_pair(WITH, "The provincial development and reform commission, working with the provincial "
                                "energy administration, has drawn up a plan for renewable energy.") == []
    # no aside: "B will work with A" is how the helper is written, and says nothing of A's lead
    assert ROLES.run_pair(WITH, "The provincial energy administration will work with the provincial development and "
                                "reform commission, which leads the effort, to draw up a plan for renewable energy.") == []


UNDERGO = "社区卫生服务中心要主动接受居民的监督。"


def test_accepting_someones_supervision_makes_them_the_supervisor():
    frame, = parse_frames(UNDERGO)
    assert (frame.kind, frame.agent, frame.patient, frame.verb) == ("undergo", "居民", "社区卫生服务中心", "监督")
    f, = ROLES.run_pair(UNDERGO, "Community health service centres should proactively oversee residents.")
    assert "居民 does the 监督" in f.message
    assert ROLES.run_pair(UNDERGO, "Community health service centres should proactively accept supervision by "
                                   "residents.") == []


REPORT = "区财政局每半年向区人大常委会报告预算执行情况。"


def test_a_report_to_a_body_after_a_time_adverbial():
    frame, = parse_frames(REPORT)
    assert (frame.agent, frame.patient, frame.verb) == ("区财政局", "区人大常委会", "报告")
    assert len(ROLES.run_pair(REPORT, "Every six months, the standing committee of the district people's congress "
                                      "reports to the district finance bureau on budget implementation.")) == 1
    assert ROLES.run_pair(REPORT, "Every six months, the district finance bureau reports to the standing committee "
                                  "of the district people's congress on budget implementation.") == []


ENTRUST = "县农业农村局受县政府委托，负责种子市场的日常监管。"


def test_a_fronted_participle_gives_its_by_phrase_the_action():
    f, = ROLES.run_pair(ENTRUST, "Entrusted by the county agriculture and rural affairs bureau, the county government "
                                 "is responsible for day-to-day supervision of the seed market.")
    assert "'by'-phrase of 'Entrusted'" in f.message
    assert ROLES.run_pair(ENTRUST, "Entrusted by the county government, the county agriculture and rural affairs "
                                   "bureau is responsible for day-to-day supervision of the seed market.") == []


AUDIT = "审计署对各部门的预算执行情况进行审计监督。"


def test_the_target_of_a_light_verb_after_a_possessed_noun():
    frame, = parse_frames(AUDIT)
    assert (frame.agent, frame.patient, frame.verb) == ("审计署", "部门", "监督")
    assert len(ROLES.run_pair(AUDIT, "The budget implementation of the National Audit Office is audited and "
                                     "supervised by all departments.")) == 1
    assert ROLES.run_pair(AUDIT, "The budget implementation of all departments is audited and supervised by the "
                                 "National Audit Office.") == []


def test_every_party_of_an_enumerated_support_is_read():
    zh = "由商务部牵头，财政部、海关总署等部门配合，完善跨境电商支持政策。"
    swapped = ("The Ministry of Finance will take the lead, with the cooperation of the Ministry of Commerce, "
               "the General Administration of Customs and other departments, in improving support policies "
               "for cross-border e-commerce.")
    right = swapped.replace("Finance", "X").replace("Commerce", "Finance").replace("X", "Commerce")
    assert len(ROLES.run_pair(zh, swapped)) == 1
    assert ROLES.run_pair(zh, right) == []
    # 政府负责 is no noun phrase: an enumeration of roles, not of supporters
    from qa.checks.roles import parse_roles
    assert parse_roles("坚持党委领导、政府负责、社会协同，完善社会治理体系。") == []


def test_an_audited_entity_reports_to_the_audit_authority():
    # 被审计单位 names a party; jieba cuts 在三十日内向 as 内向 "introverted"; 单位 is an "entity"
    zh = "被审计单位应当在三十日内向审计机关报告整改结果。"
    assert len(ROLES.run_pair(zh, "The audit authority shall report the rectification results to the audited entity "
                                  "within 30 days.")) == 1
    assert ROLES.run_pair(zh, "The audited entity shall report the rectification results to the audit authority "
                              "within 30 days.") == []


def test_a_body_named_by_its_function_hands_on_to_another():
    # 执法/v 部门: a verb naming the department's function; 全市 a scope; "across the city" a place
    zh = "全市执法部门向司法机关移交涉嫌犯罪案件23件。"
    assert len(ROLES.run_pair(zh, "Judicial authorities across the city transferred 23 cases of suspected crimes to "
                                  "law enforcement departments.")) == 1
    assert ROLES.run_pair(zh, "Law enforcement departments across the city transferred 23 cases of suspected crimes "
                              "to judicial authorities.") == []


def test_the_party_of_a_clause_of_time_is_the_one_assisted():
    # A…时，B予以配合: B (here 被检查单位, 被 + verb + noun) assists A; 依法 opens A's verb phrase
    zh = "市场监管部门依法开展执法检查时，被检查单位应当予以配合。"
    assert len(ROLES.run_pair(zh, "When inspected entities carry out law enforcement inspections according to law, "
                                  "market regulation departments shall cooperate.")) == 1
    assert ROLES.run_pair(zh, "When market regulation departments carry out law enforcement inspections according to "
                              "law, inspected entities shall cooperate.") == []
    from qa.checks.roles import parse_assists
    assert [(r.lead, r.support) for r in parse_assists(zh)] == [("市场监管部门", "被检查单位")]
    # 配合 as a modifier of a noun (配合的部门) is no assisting clause
    assert parse_assists("市政府召开会议时，各部门负责配合的人员要到场。") == []


def test_who_examines_first_and_who_decides():
    # 由A审核后报B批准: A examines ("reviewed by A"), B decides ("submitted to B for approval")
    zh = "年度用地计划由县级自然资源主管部门审核后报市人民政府批准。"
    swapped = ("The annual land use plan shall be reviewed by the municipal people's government and submitted "
               "to the county-level natural resources authority for approval.")
    right = ("The annual land use plan shall be reviewed by the county-level natural resources authority and "
             "submitted to the municipal people's government for approval.")
    assert len(ROLES.run_pair(zh, swapped)) == 1
    assert ROLES.run_pair(zh, right) == []
    # a paraphrase that gives neither step a party says nothing
    assert ROLES.run_pair(zh, "The annual land use plan requires review and approval.") == []


# --- parties read from the syntax around them, for unseen constructions (issue 15, writer w7) ---

def swapped_then_clean(zh: str, wrong: str, right: str) -> None:
    """One roles flag on the English that exchanges the parties, none on the right English."""
    assert [f.check for f in ROLES.run_pair(zh, wrong)] == ["roles"]
    assert ROLES.run_pair(zh, right) == []


def test_host_and_co_organiser_swapped():
    zh = "本届农产品博览会由省农业农村厅主办、省商务厅协办，共有300家企业参展。"
    right = ("This agricultural products fair was hosted by the Provincial Department of Agriculture and Rural "
             "Affairs and co-organized by the Provincial Department of Commerce, with 300 exhibitors.")
    wrong = ("This agricultural products fair was hosted by the Provincial Department of Commerce and "
             "co-organized by the Provincial Department of Agriculture and Rural Affairs, with 300 exhibitors.")
    swapped_then_clean(zh, wrong, right)


def test_the_commissioning_body_and_the_one_that_acts_for_it_swapped():
    zh = "受市教育局委托，市青少年科技中心对全市中小学科技教育情况开展了调查。"
    right = ("Commissioned by the Municipal Education Bureau, the municipal youth science and technology "
             "centre surveyed science education in the city's primary and secondary schools.")
    wrong = ("Commissioned by the municipal youth science and technology centre, the Municipal Education "
             "Bureau surveyed science education in the city's primary and secondary schools.")
    on_behalf = ("The municipal youth science and technology centre surveyed science education in the "
                 "city's primary and secondary schools on behalf of the Municipal Education Bureau.")
    swapped_then_clean(zh, wrong, right)
    assert ROLES.run_pair(zh, on_behalf) == []


def test_a_head_noun_closes_the_name_it_ends_not_the_other_partys():
    # "Bureau" renders 局 of 市水务局 too, but here it ends "Emergency Management Bureau"
    zh = "由市应急管理局牵头、市水务局配合，开展汛前隐患排查。"
    wrong = ("The Municipal Water Affairs Bureau will take the lead, with support from the Municipal "
             "Emergency Management Bureau, in checking for hidden hazards before the flood season.")
    right = ("The Municipal Emergency Management Bureau will take the lead, with support from the Municipal "
             "Water Affairs Bureau, in checking for hidden hazards before the flood season.")
    swapped_then_clean(zh, wrong, right)


def test_a_clause_without_subject_reports_for_the_clause_before_it():
    zh = "各级疾控机构接到传染病疫情报告后，应当在1小时内向同级卫生健康行政部门报告。"
    frame = next(f for f in parse_frames(zh) if f.cue == "向")
    assert (frame.agent, frame.patient) == ("疾控机构", "同级卫生健康行政部门")
    right = ("On receiving a report of an infectious disease outbreak, disease control institutions at all "
             "levels shall report it within one hour to the health administrative department at the same level.")
    wrong = ("On receiving a report of an infectious disease outbreak, the health administrative department at "
             "the same level shall report it within one hour to disease control institutions at all levels.")
    swapped_then_clean(zh, wrong, right)
    # a clause with its own subject keeps it; a clause before it that opens with a verb gives none
    assert not [f for f in parse_frames("违反本规定的，应当向有关部门报告。") if f.cue == "向"]


def test_by_names_who_pays_after_a_topic():
    zh = "培训补贴由市人社局按照规定标准向培训机构发放。"
    frame = next(f for f in parse_frames(zh) if f.cue == "向")
    assert (frame.agent, frame.patient) == ("市人社局", "培训机构")


def test_supply_after_a_bare_infinitive_is_no_verb_of_providing():
    # "help SMEs match supply with demand": "match" is the SMEs' verb and "supply" its object
    zh = "行业协会要为中小企业提供供需对接服务。"
    assert ROLES.run_pair(zh, "Industry associations should help SMEs match supply with demand.") == []
    assert [f.check for f in ROLES.run_pair(zh, "SMEs should provide supply-demand matching services to industry "
                                                "associations.")] == ["roles"]


def test_the_agent_as_object_when_the_other_partys_words_are_none_of_its_glosses():
    # 村民 is found by no gloss here: the swap is read from the agent alone, the object of the one verb
    # that renders 带领, with a noun phrase of other words opening the sentence as its subject
    zh = "村党总支书记带领村民发展特色种植。"
    swapped_then_clean(zh, "The villagers led the secretary of the village general Party branch in developing "
                           "specialty crops.",
                       "The secretary of the village general Party branch led the villagers in developing "
                       "specialty crops.")
    # a verb before the other words: no subject of its own ("will help … lead" is no swap)
    assert ROLES.run_pair(zh, "The township will help villagers lead the secretary's specialty crop plans.") == []


def test_a_lower_level_after_the_verb_is_its_object_not_a_place_under_it():
    # 督促下级…: 下 opens 下级 "lower-level", not 在…下 "under"
    zh = "上级财政部门督促下级财政部门加快预算执行进度。"
    frame = next(f for f in parse_frames(zh) if f.cue == "督促")
    assert (frame.agent, frame.patient) == ("上级财政部门", "下级财政部门")


def test_the_kind_of_supervision_between_the_party_and_the_verb():
    # 接受B的技术指导: 技术 names the kind of guidance, B still gives it
    zh = "社区卫生服务中心接受区级医院的技术指导。"
    frame = next(f for f in parse_frames(zh) if f.cue == "接受")
    assert (frame.agent, frame.patient) == ("区级医院", "社区卫生服务中心")
    swapped_then_clean(zh, "District hospitals receive technical guidance from community health service centres.",
                       "Community health service centres receive technical guidance from district hospitals.")


def test_a_party_word_that_reads_as_a_participle_is_no_verb():
    # 龙头企业 "leading enterprises": "Leading" is the party's own word, not the verb 'lead'
    zh = "要以龙头企业带动农户增收。"
    assert ROLES.run_pair(zh, "Leading enterprises should be used to drive income growth of farming households.") == []


def test_the_words_of_one_capitalised_name_are_one_place():
    zh = "省自然资源厅指导各县开展耕地保护督察。"
    swapped_then_clean(zh, "The counties guided the Provincial Department of Natural Resources in inspecting "
                           "farmland protection.",
                       "The Provincial Department of Natural Resources guided the counties in inspecting "
                       "farmland protection.")


def test_a_noun_before_an_infinitive_is_not_its_doer():
    # 制定产业链提升方案: "a plan to upgrade industrial chains" — the plan does not upgrade
    zh = "由省发展改革委牵头，制定产业链提升方案。"
    assert ROLES.run_pair(zh, "The Provincial Development and Reform Commission will lead the drafting of a plan to "
                              "upgrade industrial chains.") == []


def test_the_subject_of_an_encouraging_passive_does_the_infinitive():
    # 鼓励A对B开展帮扶 → "A are encouraged to provide … to B": A provides
    zh = "鼓励国有企业对民营企业开展管理帮扶。"
    swapped_then_clean(zh, "Private enterprises are encouraged to provide management assistance to state-owned "
                           "enterprises.",
                       "State-owned enterprises are encouraged to provide management assistance to private "
                       "enterprises.")
    # the verb of the relation before the party is no function of the party (鼓励 + 国有企业)
    assert next(f for f in parse_frames(zh) if f.cue == "对").agent == "国有企业"


def test_a_bare_infinitive_after_a_name_the_glosses_only_partly_find():
    # "small and" are no words of 中小企业's glosses: "help" stands three words before those found
    zh = "行业协会要为中小企业提供供需对接服务。"
    assert ROLES.run_pair(zh, "Industry associations should help small and medium-sized enterprises match supply "
                              "with demand.") == []
    assert [f.check for f in ROLES.run_pair(zh, "Industry associations are what small and medium-sized enterprises "
                                                "supply with matchmaking services.")] == ["roles"]


def test_a_noun_before_an_infinitive_owns_it_and_is_not_its_subject():
    # 安全保障能力 "the capacity to ensure the security of …": the capacity does not ensure anything
    zh = "与此同时，电力系统安全保障能力仍需进一步提升。"
    assert ROLES.run_pair(zh, "At the same time, the capacity to ensure the security of the power system still "
                              "needs to be further improved.") == []


# --- who does what on unseen text (issue 15, qa-probes-3): general constructions, our own sentences ---

def test_a_numeral_moment_is_an_adverb_of_time_not_the_subject():
    # 第一时间 "immediately" (jieba: 第一/m 时间/n) stands between the subject and 向B报告
    zh = "发现疫情后，各乡镇卫生院须第一时间向县疾控中心报告。"
    frame = next(f for f in parse_frames(zh) if f.cue == "向")
    assert frame.agent.endswith("乡镇卫生院") and frame.patient == "县疾控中心"
    swapped_then_clean(zh, "After an outbreak is found, the county centre for disease control must report "
                           "immediately to township health centres.",
                       "After an outbreak is found, township health centres must report immediately to the "
                       "county centre for disease control.")


def test_who_prepares_and_who_decides_whatever_the_first_step():
    # 由A提出申请，报B审批: A applies, B approves
    zh = "企业技术改造项目的补助资金，由区工业和信息化局提出申请，报市财政局审批。"
    swapped_then_clean(zh, "Subsidies for enterprise technological upgrading projects are applied for by the "
                           "municipal finance bureau and submitted to the district industry and information "
                           "technology bureau for approval.",
                       "Subsidies for enterprise technological upgrading projects are applied for by the "
                       "district industry and information technology bureau and submitted to the municipal "
                       "finance bureau for approval.")
    # A制定的X须报B审核同意: A drafts, B reviews and approves ("reviewed by B" is B's own step)
    zh = "县级教育部门制定的招生方案，须报市教育局审核同意后公布。"
    swapped_then_clean(zh, "Enrolment plans drawn up by the Municipal Education Bureau are published only after "
                           "being reviewed and approved by county-level education departments.",
                       "Enrolment plans drawn up by county-level education departments are published only after "
                       "being reviewed and approved by the Municipal Education Bureau.")
    from qa.submission_roles import parse_submissions
    # 报 of 报告 opens no chain; a 报 before no body's name neither
    assert parse_submissions("项目单位编制的可行性研究报告经市发展改革委审核后报省发展改革委批准。")[0].decider \
        == "省发展改革委"
    assert parse_submissions("由各单位提出意见，报告会议研究决定。") == []


def test_the_subject_before_under_the_guidance_of():
    # B在A指导下V (no comma): B is the subject before 在
    zh = "各县图书馆在市文化广电旅游局指导下开展全民阅读活动。"
    swapped_then_clean(zh, "The Municipal Bureau of Culture, Radio, Television and Tourism carried out reading "
                           "campaigns under the guidance of county libraries.",
                       "County libraries carried out reading campaigns under the guidance of the Municipal "
                       "Bureau of Culture, Radio, Television and Tourism.")


def test_the_party_a_hui_tong_joins_does_not_lead():
    # A会同B: "B will work with A" makes B the one who acts with A's help
    zh = "市交通运输局会同市公安局制定货车通行管理办法。"
    swapped_then_clean(zh, "The Municipal Public Security Bureau will work with the Municipal Transport Bureau "
                           "to draw up rules on truck access.",
                       "The Municipal Transport Bureau will work with the Municipal Public Security Bureau "
                       "to draw up rules on truck access.")


def test_the_host_and_the_body_that_runs_the_event():
    # 由A主办、B承办: "hosted by A … organized by B" (the Canton Fair's usage); each co-host read alone
    zh = "本届茶叶博览会由农业农村部和福建省人民政府共同主办，福州市人民政府承办。"
    swapped_then_clean(zh, "The tea expo was co-hosted by the Ministry of Agriculture and Rural Affairs and the "
                           "Fuzhou Municipal People's Government, and organized by the People's Government of "
                           "Fujian Province.",
                       "The tea expo was co-hosted by the Ministry of Agriculture and Rural Affairs and the "
                       "People's Government of Fujian Province, and organized by the Fuzhou Municipal People's "
                       "Government.")


def test_a_party_named_twice_is_read_at_the_verb_of_its_own_clause():
    # 律师 twice: read at "pay", the verb that renders this clause's 支付
    zh = "律师事务所指派律师办理援助案件的，办案补贴由县法律援助中心向律师支付。"
    swapped_then_clean(zh, "Where a law firm assigns a lawyer to an aid case, the lawyer pays the case "
                           "subsidy to the county legal aid centre.",
                       "Where a law firm assigns a lawyer to an aid case, the county legal aid centre pays the "
                       "case subsidy to the lawyer.")
    # another clause that runs the relation the other way is no reading of this one
    zh = "由市财政局向区财政局支付补助，区财政局向市财政局提供使用报告。"
    assert ROLES.run_pair(zh, "The municipal finance bureau remunerates the district finance bureau, and the district "
                              "finance bureau provides usage reports to the municipal finance bureau.") == []


def test_handing_a_matter_over_names_its_receiver():
    # A移交B: A hands the matter over, B receives it ("refer … to B")
    zh = "对检查中发现的案件线索，区市场监管局要及时移交区公安分局。"
    swapped_then_clean(zh, "The district public security sub-bureau must promptly refer leads found in "
                           "inspections to the district market regulation bureau.",
                       "The district market regulation bureau must promptly refer leads found in inspections "
                       "to the district public security sub-bureau.")


def test_a_pronoun_after_a_clause_of_condition_stands_for_its_subject():
    # A…的，应当将X移送B → "Where A finds …, they shall refer X to B": 'they' is A
    zh = "区税务局在检查中发现涉嫌犯罪的，应当及时将案件移送区公安分局。"
    swapped_then_clean(zh, "Where the district public security sub-bureau finds suspected crimes during "
                           "inspections, it shall promptly refer the cases to the district tax bureau.",
                       "Where the district tax bureau finds suspected crimes during inspections, it shall "
                       "promptly refer the cases to the district public security sub-bureau.")
    # a pronoun after a clause that does not open the sentence with a condition stands for nothing read
    assert ROLES.run_pair(zh, "The cases found during inspections by the district public security sub-bureau matter, "
                              "and they shall be referred to the district tax bureau.") == []


def test_a_word_of_manner_between_de_and_the_lead_verb():
    # 在A的统一领导下 / 在A的业务指导下, and B before 在 when the clause after the comma has no subject
    swapped_then_clean("区卫生健康局在市卫生健康委的业务指导下，对辖区内医疗机构实施监督检查。",
                       "Under the professional guidance of the district health bureau, the municipal health "
                       "commission supervises and inspects medical institutions in the district.",
                       "Under the professional guidance of the municipal health commission, the district health "
                       "bureau supervises and inspects medical institutions in the district.")
    swapped_then_clean("县教育局在市教育局的统一领导下，对全县中小学开展安全检查。",
                       "Under the unified leadership of the county education bureau, the municipal education bureau "
                       "carries out safety inspections of schools across the county.",
                       "Under the unified leadership of the municipal education bureau, the county education bureau "
                       "carries out safety inspections of schools across the county.")


def test_unified_command_leads_and_the_assisting_party_follows():
    # 由A统一指挥，B协助: "under the unified command of A, with B assisting"
    swapped_then_clean("防汛抢险由市水务局统一指挥，区城管局协助。",
                       "Flood rescue is under the unified command of the district urban management bureau, with the "
                       "municipal water affairs bureau assisting.",
                       "Flood rescue is under the unified command of the municipal water affairs bureau, with the "
                       "district urban management bureau assisting.")


def test_the_marker_after_an_enumeration_gives_each_party_its_role():
    # "with A taking the lead and B, C and other departments providing support"
    swapped_then_clean("由市商务局牵头，市财政局、市税务局等部门配合，制定促消费实施方案。",
                       "An implementation plan for boosting consumption will be drawn up, with the municipal finance "
                       "bureau taking the lead and the municipal commerce bureau, the municipal tax bureau and other "
                       "departments providing support.",
                       "An implementation plan for boosting consumption will be drawn up, with the municipal commerce "
                       "bureau taking the lead and the municipal finance bureau, the municipal tax bureau and other "
                       "departments providing support.")


def test_a_list_of_examples_between_commas_does_not_hide_the_receiver():
    swapped_then_clean("对执法中发现的涉嫌犯罪线索，县农业农村局应当及时移送县公安局。",
                       "The county public security bureau shall promptly transfer leads on suspected crimes found "
                       "during law enforcement, such as selling fake seeds or illegal fishing, to the county "
                       "agriculture and rural affairs bureau.",
                       "The county agriculture and rural affairs bureau shall promptly transfer leads on suspected "
                       "crimes found during law enforcement, such as selling fake seeds or illegal fishing, to the "
                       "county public security bureau.")


def test_informing_a_party_makes_it_the_one_informed():
    # A通报/报告B: A informs B ("notify B"), not "A is notified by B"
    swapped_then_clean("县气象局应当及时通报县应急管理局，并做好预警信息发布。",
                       "The county meteorological bureau shall be promptly notified by the county emergency "
                       "management bureau and shall issue early warning information.",
                       "The county meteorological bureau shall promptly notify the county emergency management "
                       "bureau and shall issue early warning information.")


def test_paired_assistance_keeps_the_helper_and_the_helped():
    # A定点帮扶B / A对口援助B: a verbal noun before the verb says how, it is no part of A; a place
    # name's other spelling in CC-CEDICT (Kashgar) names it too
    swapped_then_clean("深圳市人民医院定点帮扶昌都市人民医院，派出医生开展驻点诊疗。",
                       "Shenzhen People's Hospital has received targeted assistance from Qamdo People's Hospital, "
                       "sending doctors to provide on-site treatment.",
                       "Shenzhen People's Hospital has provided targeted assistance to Qamdo People's Hospital, "
                       "sending doctors to provide on-site treatment.")
    assert "kashgar" in actor_lemmas("喀什地区总工会")
    frame, = [f for f in parse_frames("上海市总工会对口援助喀什地区总工会。") if f.verb == "援助"]
    assert frame.agent == "上海市总工会"


def test_a_relative_clause_before_the_object_and_a_subject_carried_over():
    frame, = parse_frames("省交通运输厅委托具备资质的检测机构开展桥梁评估。")
    assert (frame.agent, frame.patient) == ("省交通运输厅", "检测机构")
    # …，并按季度向B支付: the subject of the clause before pays
    zh = "区人社局与商业银行签订代发协议，并按季度向银行支付手续费。"
    assert not [f for f in parse_frames(zh) if f.patient == "银行" and f.agent == "季度"]


def test_a_city_that_stages_an_event_may_be_said_to_host_it():
    # 由A主办，B市承办: sport writes "organised by A and hosted by B" when B is a city, not a body
    zh = "亚洲杯足球赛由亚洲足球联合会主办，杭州市承办。"
    assert ROLES.run_pair(zh, "The Asian Cup is organised by the Asian Football Confederation and hosted by the city "
                              "of Hangzhou.") == []
    # a body that runs the event is read as before (the fairs' "hosted by A … organized by B")
    zh = "本届花卉博览会由省林业局主办，市园林绿化中心承办。"
    swapped_then_clean(zh, "The flower expo was hosted by the municipal landscaping centre and organized by the "
                           "provincial forestry bureau.",
                       "The flower expo was hosted by the provincial forestry bureau and organized by the "
                       "municipal landscaping centre.")


def test_the_steps_of_a_chain_keep_their_order_whatever_their_verbs():
    # 先经A审核同意，再报B审批: A first, then B; "first … B … and then … A" reverses the order even when
    # both steps are approvals (no verb of a first step to read)
    swapped_then_clean("民办学校设立分校须先经区教育局审核同意，再报市教育局审批。",
                       "A private school setting up a branch campus must first obtain the consent of the municipal "
                       "education bureau and then seek approval from the district education bureau.",
                       "A private school setting up a branch campus must first obtain the consent of the district "
                       "education bureau and then seek approval from the municipal education bureau.")
    swapped_then_clean("重大项目变更须经县财政局审核同意后报市财政局批准。",
                       "Changes to major projects must first be endorsed by the municipal finance bureau and then "
                       "approved by the county finance bureau.",
                       "Changes to major projects must first be endorsed by the county finance bureau and then "
                       "approved by the municipal finance bureau.")
    # no "then": the English says no order to read
    assert ROLES.run_pair("重大项目变更须经县财政局审核同意后报市财政局批准。",
                          "Changes to major projects need the municipal finance bureau's approval after the county finance "
                          "bureau has endorsed them.") == []


PAY = "供水企业按照核定价格向污水处理项目业主全额支付服务费用，不得拖欠。"


def test_a_modifier_echoed_elsewhere_is_no_second_mention_of_the_party():
    """污水处理项目业主: 'treatment' of its modifier 污水处理 is met again in "for treatment services";
    the place that holds the head noun's gloss ('owners') is the party, so the swap is read."""
    f, = ROLES.run_pair(PAY, "Owners of sewage treatment projects shall pay water supply companies in full for "
                             "treatment services at the approved price and shall not delay payment.")
    assert f.severity == "major" and "Owners" in f.message
    assert ROLES.run_pair(PAY, "Water supply companies shall pay owners of sewage treatment projects in full for "
                               "treatment services at the approved price and shall not delay payment.") == []


COMMISSION = "国家统计局委托中国社会科学院人口研究所开展全国生育意愿抽样调查。"


def test_an_of_inside_the_partys_own_name_keeps_it_the_subject():
    """The longest-first cut reads 中国社会科学院人口研究所 as …研究 + 所; its head 研究所 'research
    institute' is read too, and "of" between two words of one name does not make it a possessor."""
    assert "institut" in actor_lemmas("中国社会科学院人口研究所")
    f, = ROLES.run_pair(COMMISSION, "The Institute of Population Studies of the Chinese Academy of Social Sciences "
                                    "commissioned the National Bureau of Statistics to conduct a national sample "
                                    "survey on fertility intentions.")
    assert f.severity == "major" and "commissioned" in f.message
    assert ROLES.run_pair(COMMISSION, "The National Bureau of Statistics commissioned the Institute of Population "
                                      "Studies of the Chinese Academy of Social Sciences to conduct a national "
                                      "sample survey on fertility intentions.") == []


DRILL = "本次全省森林火灾扑救演练在国家林业和草原局指导下，由省消防救援总队组织实施，共有20余支队伍参加。"
COUNTIES = "各县在市应急管理局指导下，组织乡镇开展汛前隐患排查。"


def test_the_party_under_guidance_may_follow_by_or_stand_as_each_district():
    """在A指导下，由B组织实施 names B the doer (由 opens its clause); in 各县在A指导下 the subject 各县 is one jieba pronoun."""
    f, = ROLES.run_pair(DRILL, "This provincial forest firefighting drill was organised and conducted by the National "
                               "Forestry and Grassland Administration under the guidance of the provincial fire and "
                               "rescue corps, with more than 20 teams taking part.")
    assert f.severity == "major"
    assert ROLES.run_pair(DRILL, "This provincial forest firefighting drill was organised and conducted by the "
                                 "provincial fire and rescue corps under the guidance of the National Forestry and "
                                 "Grassland Administration, with more than 20 teams taking part.") == []
    f, = ROLES.run_pair(COUNTIES, "Under the guidance of each county, the municipal emergency management bureau will "
                                  "organise townships to check for hazards before the flood season.")
    assert f.severity == "major"
    assert ROLES.run_pair(COUNTIES, "Under the guidance of the municipal emergency management bureau, each county will "
                                    "organise townships to check for hazards before the flood season.") == []


def test_an_enumeration_of_supporters_shares_its_head_noun():
    """由A部门牵头，B、C等部门配合 (seventeenth session, read from qa-probes-6): "B, C and other
    departments" holds 部门 too, which the lead's name 商务部门 claimed, so the swap went unread."""
    zh = "由商务部门牵头，市场监管、海关等部门配合，开展进口冷链食品专项检查。"
    wrong = ROLES.run_pair(zh, "With market regulation, customs and other departments taking the lead and commerce "
                               "departments cooperating, special inspections of imported cold-chain food will be carried out.")
    # one swap, one flag: it marks the lead and both supporters
    assert len(wrong) == 1 and wrong[0].check == "roles" and len(wrong[0].zh_spans) == 3
    assert ROLES.run_pair(zh, "With commerce departments taking the lead and market regulation, customs and other "
                              "departments cooperating, special inspections of imported cold-chain food will be "
                              "carried out.") == []


# Session 18: the general reader's lending verbs, the disposal construction, a parenthesis inside
# the thing handed on, a verb of receiving joined to an earlier one, "the person in charge" and a
# name whose own words the sentence repeats elsewhere.  Our own sentences, each with the parties
# exchanged as the true positive and the right English as the clean negative.
_MORE_SWAPS = [
    pytest.param(  # 出借 lends as 提供 gives; "(items)" inside the thing lent hides no receiver
        "市图书馆向区文化馆出借馆藏古籍善本12册（件），用于举办专题展览。",
        "The district cultural centre lent 12 volumes (items) of rare ancient books from its collection to the "
        "municipal library for a special exhibition.",
        "The municipal library lent 12 volumes (items) of rare ancient books from its collection to the district "
        "cultural centre for a special exhibition.", id="lending"),
    pytest.param(  # A将X移送B: the tax bureau hands the leads on, the leads are no party
        "市税务局将日常检查中发现的涉嫌犯罪线索移送市公安局依法处理。",
        "The municipal public security bureau transferred leads on suspected crimes found in routine inspections "
        "to the municipal tax bureau to be handled according to law.",
        "The municipal tax bureau transferred leads on suspected crimes found in routine inspections to the "
        "municipal public security bureau to be handled according to law.", id="disposal"),
    pytest.param(  # "…centre entrusts banks …, and receives a fee from the banks": 'fund' is no verb there
        "根据协议，市社会保险基金管理中心委托合作银行代发养老金，并按季度向银行支付手续费。",
        "Under the agreement, the municipal social insurance fund management centre entrusts partner banks with "
        "paying out pensions, and receives a handling fee from the banks every quarter.",
        "Under the agreement, the municipal social insurance fund management centre entrusts partner banks with "
        "paying out pensions, and pays the banks a handling fee every quarter.", id="receiving"),
    pytest.param(  # 负责人 "the person in charge of …" is one noun phrase after "by"
        "护林员应当立即报告所在乡镇负责人。",
        "Forest rangers shall immediately be notified by the person in charge of their township.",
        "Forest rangers shall immediately report to the person in charge of their township.", id="in-charge"),
    pytest.param(  # 粮食, 储备 are met again in 储备粮: 市 opens the bureau's name, "bureau" is its head
        "市粮食和物资储备局委托具备资质的检测机构，对全市储备粮质量开展抽检。",
        "The municipal grain and material reserves bureau was commissioned by qualified testing institutions to "
        "carry out spot checks on the quality of reserve grain across the city.",
        "The municipal grain and material reserves bureau commissioned qualified testing institutions to carry "
        "out spot checks on the quality of reserve grain across the city.", id="name-head"),
    pytest.param(  # A将X拨付给B: a verb of giving and 给 before the receiver
        "县财政局将上级下达的补助资金拨付给各乡镇。",
        "The townships allocated the subsidy funds issued by higher authorities to the county finance bureau.",
        "The county finance bureau allocated the subsidy funds issued by higher authorities to the townships.",
        id="give-to"),
    pytest.param(  # "to audit offices" is no infinitive: 'offices' names the party
        "审计机关将审计中发现的违法问题线索移送公安机关。",
        "Public security organs transfer leads on violations found in audits to audit offices.",
        "Audit offices transfer leads on violations found in audits to public security organs.", id="to-audit"),
    pytest.param(  # "… Province provides": the verb is no word of the prefecture's name
        "按照东西部协作安排，广东省对口支援四川省凉山州，重点帮助当地发展特色农业。",
        "Under the east-west cooperation arrangement, Liangshan Prefecture in Sichuan Province provides paired "
        "assistance to Guangdong Province, focusing on helping develop specialty agriculture there.",
        "Under the east-west cooperation arrangement, Guangdong Province provides paired assistance to Liangshan "
        "Prefecture in Sichuan Province, focusing on helping develop specialty agriculture there.",
        id="verb-after-name"),
    pytest.param(  # "assembly" is no -ly adverb; the report's receiver may stand after a long object
        "村民委员会每半年向村民会议报告集体经济收支情况。",
        "The villagers' assembly reports the income and expenditure of the collective economy to the villagers' "
        "committee every six months.",
        "The villagers' committee reports the income and expenditure of the collective economy to the villagers' "
        "assembly every six months.", id="assembly"),
]


@pytest.mark.parametrize(("zh", "swapped", "right"), _MORE_SWAPS)
def test_the_general_reader_finds_the_parties_exchanged(zh: str, swapped: str, right: str):
    found = ROLES.run_pair(zh, swapped)
    assert [f.severity for f in found] == ["major"], found
    assert ROLES.run_pair(zh, right) == []


def test_the_object_fronted_by_jiang_is_not_the_agent():
    frames = parse_frames("市税务局将日常检查中发现的涉嫌犯罪线索移送市公安局依法处理。")
    assert [(f.agent, f.patient) for f in frames] == [("市税务局", "市公安局")]
