"""institution: regulators told from the operators split off from them, and a field swap beside a
body the English does name.

Sentences are our own, in the register of government notices; each true positive has a clean
negative that names the right body.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks import institutions as inst
from qa.model import Context


def run(zh: str, en: str) -> list:
    pair = Pair(id=1, zh=zh, en=en)
    return inst.check_institutions(pair, Context(pairs=[pair]))


RAIL = "国家铁路局发布新版铁路机车车辆设计制造维修进口许可办法。"
POST = "市邮政管理局组织开展寄递安全专项检查，督促快递企业落实实名收寄制度。"
MARITIME = "上海海事法院审理了一起涉外船舶油污损害赔偿纠纷案件。"
TWO_BODIES = "县人民法院联合县审计局开展专项整治，重点清理拖欠农民工工资问题。"


def test_railway_regulator_rendered_as_the_state_railway_operator():
    flags = run(RAIL, "China State Railway Group issued new measures for licensing the design, manufacture, "
                      "maintenance and import of railway rolling stock.")
    assert [f.severity for f in flags] == ["major"]
    assert run(RAIL, "The National Railway Administration issued new measures for licensing the design, "
                     "manufacture, maintenance and import of railway rolling stock.") == []


def test_postal_regulator_rendered_as_the_postal_operator():
    flags = run(POST, "The municipal branch of China Post organized special inspections of delivery safety, "
                      "urging express companies to verify senders' real names.")
    assert len(flags) == 1 and flags[0].check == "institution"
    assert run(POST, "The municipal postal administration organized special inspections of delivery safety, "
                     "urging express companies to verify senders' real names.") == []


def test_the_operators_own_name_is_accepted():
    zh = "中国邮政集团与地方政府合作建设农村寄递物流体系。"
    assert run(zh, "China Post Group is working with local governments to build rural delivery networks.") == []
    bank = "中国邮政储蓄银行加大对小微企业的信贷支持。"
    assert run(bank, "Postal Savings Bank of China stepped up lending to small and micro businesses.") == []


def test_maritime_court_rendered_as_the_maritime_safety_administration():
    flags = run(MARITIME, "The Shanghai Maritime Safety Administration heard a foreign-related case of "
                          "compensation for oil pollution damage from a ship.")
    assert len(flags) == 1 and flags[0].check == "institution"
    assert run(MARITIME, "The Shanghai Maritime Court heard a foreign-related case of compensation for oil "
                         "pollution damage from a ship.") == []


def test_field_swap_beside_a_body_the_english_names():
    # the court is rendered by its own name, so the one body left is the audit bureau, and
    # "finance bureau" is the field of 财政部, which the Chinese does not name
    flags = run(TWO_BODIES, "The county people's court and the county finance bureau launched a joint campaign "
                            "focused on clearing wage arrears owed to migrant workers.")
    assert [f.severity for f in flags] == ["major"]
    assert flags[0].zh[slice(*flags[0].zh_spans[0])] == "县审计局"
    assert run(TWO_BODIES, "The county people's court and the county audit bureau launched a joint campaign "
                           "focused on clearing wage arrears owed to migrant workers.") == []


def test_field_swap_stays_silent_when_two_bodies_are_unnamed():
    # neither body is named by its own words: which one the finance bureau stands for is unclear
    zh = "县教育局联合县审计局开展专项检查。"
    assert run(zh, "The county finance bureau and the county tax bureau launched a special inspection.") == []


BRANCH = "民航西南地区管理局对辖区内机场的冬季运行保障开展专项检查。"


def test_a_branch_named_with_its_parent_as_owner_is_clean():
    # 民航西南地区管理局 carries the stem of 民航局: "… of the CAAC" names its owner, the right body
    assert run(BRANCH, "The Southwest Regional Administration of the CAAC inspected winter operations at "
                       "airports in its jurisdiction.") == []


def test_a_branch_rendered_as_another_body_is_still_flagged():
    flags = run(BRANCH, "Air China inspected winter operations at airports in its jurisdiction.")
    assert len(flags) == 1 and flags[0].check == "institution"


FLOOD = "国家防总针对南方强降雨过程启动防汛四级应急响应。"


def test_flood_control_headquarters_rendered_as_the_water_ministry():
    flags = run(FLOOD, "The Ministry of Water Resources launched a Level IV flood emergency response to the "
                       "heavy rain in the south.")
    assert [f.severity for f in flags] == ["major"]
    assert run(FLOOD, "The State Flood Control and Drought Relief Headquarters launched a Level IV emergency "
                      "response to the heavy rain in the south.") == []


def test_a_local_branch_of_the_operator_is_clean():
    zh = "县邮政公司开通了农村电商快递专线。"
    assert run(zh, "The county branch of China Post opened a dedicated express line for rural e-commerce.") == []


def test_maritime_safety_administration_rendered_as_a_maritime_court():
    zh = "浙江海事局对辖区内渡船开展安全检查。"
    flags = run(zh, "The Zhejiang Maritime Court carried out safety inspections of ferries in its area.")
    assert len(flags) == 1 and flags[0].check == "institution"
    assert run(zh, "The Zhejiang Maritime Safety Administration carried out safety inspections of ferries "
                   "in its area.") == []


def test_a_state_council_administration_rendered_as_another_body():
    zh = "中国地震局发布最新余震趋势研判意见。"
    flags = run(zh, "The China Meteorological Administration released its latest assessment of the aftershock trend.")
    assert [f.severity for f in flags] == ["major"]
    assert run(zh, "The China Earthquake Administration released its latest assessment of the aftershock trend.") == []


def test_a_listed_body_rendered_by_no_name_of_its_own_is_read_by_its_head():
    # 国家文物局 is listed; "Research Center" is a body of another kind that no table row names
    zh = "国家文物局公布了新一批国家考古遗址公园名单。"
    flags = run(zh, "The Cultural Heritage Research Center published a new list of national archaeological site parks.")
    assert [f.severity for f in flags] == ["minor"]
    assert run(zh, "The National Cultural Heritage Administration published a new list of national archaeological "
                   "site parks.") == []
