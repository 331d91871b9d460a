"""Who acts in a clause, whatever the verb (qa/clause_subjects.py; issue 15, nineteenth session).

A clause that opens with a party and acts on another (省卫健委对各市卫生健康部门开展…) must keep its
acting party as the English subject.  The frame readers knew such a swap only around the verbs of
their cue table.  True positives are the faithful English with the two parties exchanged; clean
negatives the faithful English, its passive, and its "receive … from" paraphrase.  The sentences
are written for these tests in the register of work notices.
"""

from __future__ import annotations

import pytest

from qa.checks.roles import ROLES
from qa.clause_subjects import find_subject_swaps

CASES = [
    ("省市场监管局约谈了三家外卖平台的负责人，要求其限期整改。",
     ("The heads of three food delivery platforms summoned the provincial market regulation bureau and "
     "demanded that it rectify the problems within a time limit."),
     ("The provincial market regulation bureau summoned the heads of three food delivery platforms and "
     "demanded that they rectify the problems within a time limit.")),
    ("各地应急管理部门要定期对危险化学品企业的安全管理人员开展专题培训。",
     ("The safety managers of hazardous chemical enterprises shall regularly provide special training to "
     "local emergency management departments."),
     ("Local emergency management departments shall regularly provide special training to the safety "
     "managers of hazardous chemical enterprises.")),
    ("省教育厅每年对各市义务教育均衡发展情况进行督导评估。",
     ("Each year, each city evaluates how the provincial education department has promoted the balanced "
      "development of compulsory education."),
     ("Each year, the provincial education department evaluates how each city has promoted the balanced "
      "development of compulsory education.")),
    ("市商务局将两家企业的违规线索移交给市场监管部门。",
     "Market regulators handed over leads on violations by two enterprises to the municipal commerce bureau.",
     "The municipal commerce bureau handed over leads on violations by two enterprises to market regulators."),
    ("中级人民法院对人民调解员开展岗前培训。",
     "People's mediators provide pre-service training to the intermediate people's court.",
     "The intermediate people's court provides pre-service training to people's mediators."),
    ("行政机关不得利用职权，向企业摊派费用。",
     "Enterprises shall not use their powers to impose charges on administrative organs.",
     "Administrative organs shall not use their powers to impose charges on enterprises."),
    ("由市财政局向各区财政部门拨付专项资金。",
     "District finance departments allocate special funds to the municipal finance bureau.",
     "The municipal finance bureau allocates special funds to the district finance departments."),
]


@pytest.mark.parametrize("zh,wrong,right", CASES, ids=["summon", "train", "each-city", "hand-over", "plural-present", "next-clause", "opening-you"])
def test_object_party_made_subject_is_flagged(zh, wrong, right):
    bad = ROLES.run_pair(zh, wrong)
    assert bad and bad[0].severity == "major" and "subject" in bad[0].message
    assert not ROLES.run_pair(zh, right)


def test_passive_after_an_opening_you_keeps_the_roles():
    zh = CASES[6][0]
    assert not find_subject_swaps(zh, "Special funds are allocated by the municipal finance bureau to the "
                                      "district finance departments.")


def test_passive_and_receiving_renderings_keep_the_roles():
    zh, _, _ = CASES[1]
    for en in (("The safety managers of hazardous chemical enterprises shall be regularly trained by local "
               "emergency management departments."),
               ("The safety managers of hazardous chemical enterprises shall regularly receive special training "
               "from local emergency management departments.")):
        assert not find_subject_swaps(zh, en), en


def test_a_joint_act_is_not_read():
    zh = "市人社局与各区就业服务中心共同开展春风行动专场招聘会。"
    assert not find_subject_swaps(zh, "District employment service centres held special job fairs with the "
                                      "municipal human resources and social security bureau.")


def test_a_place_is_no_acting_party():
    zh = "交易会上将举办数字贸易论坛和跨境电商企业对接会。"
    assert not find_subject_swaps(zh, "A digital trade forum and a matchmaking session for cross-border e-commerce "
                                      "companies will be held at the fair.")
