"""How English renders a Chinese negation without "not" (polarity precision, issue 15).

Each rule was found on the published English of policy and academic prose
(bench/qa_published.py), where every polarity flag is a false alarm; each test holds a clean
negative (the rendering a professional uses) and a true positive (the same English with the
negation lost) on sentences of the same kind: the 1992 南方谈话 quote and phrases of Party and
government documents (看不见的手, 民主党派和无党派人士, 决不辜负), and our own sentences in the
register of work reports and audit findings.  No embedder: one-pair documents, one clause or
a whole-sentence scope.
"""

from __future__ import annotations

import pytest

from qa.checks.polarity import POLARITY


def polarity(zh: str, en: str) -> list[str]:
    """The severities of the polarity flags of a one-pair document."""
    return [f.severity for f in POLARITY.run_pair(zh, en)]


CASES = [
    # the cue's own word glosses the prefixed English word (看不见 "invisible")
    ("既要用好看不见的手，也要用好看得见的手。",
     "We must make good use of both the invisible hand and the visible hand.",
     "We must make good use of both the seen hand and the visible hand."),
    # a negative adjective of possibility renders 不可 + verb
    ("全国各族人民要汇聚起不可战胜的磅礴力量。",
     "People of all ethnic groups must pool an invincible force.",
     "People of all ethnic groups must pool a force that others can defeat."),
    # the negation moved onto the object: 不符合公平正义 "injustice"
    ("哪里有不符合公平正义的问题，哪里就需要改革。",
     "Wherever there is injustice, there is a need for reform.",
     "Wherever there is justice, there is a need for reform."),
    # two negations make a positive: 决不辜负 ("to fail to live up to") is "live up to"
    ("我们决不辜负人民的信任。",
     "We will live up to the trust the people have placed in us.",
     "We will betray the trust the people have placed in us."),
    # a verb of holding back with "from"
    ("这样才能做到既不妄自菲薄，也不妄自尊大。",
     "This will keep us from being either self-abased or arrogant.",
     "This will make us both self-abased and arrogant."),
    # "lag behind" says 跟不上
    ("网上媒体管理远远跟不上形势发展变化。",
     "The management of online media is lagging far behind the changing situation.",
     "The management of online media is keeping pace with the changing situation."),
    # "too … to" says the result cannot follow
    ("他们的研究对城市规划师来说显得太概括而起不到辅助作用。",
     "Their findings were too general to assist city planners.",
     "Their findings were general enough to assist city planners."),
]


@pytest.mark.parametrize(("zh", "right", "wrong"), CASES, ids=[c[0][:8] for c in CASES])
def test_rendered_negation_is_accepted_and_a_lost_one_flagged(zh, right, wrong):
    assert polarity(zh, right) == []
    assert polarity(zh, wrong), wrong


DENG = "不坚持社会主义，不改革开放，不发展经济，不改善人民生活，只能是死路一条。"


def test_parallel_negated_clauses_share_one_english_negation():
    right = ("If we did not adhere to socialism, carry out reform and opening up, develop the economy "
             "and improve the people's lives, we would find ourselves in a blind alley.")
    assert polarity(DENG, right) == []
    wrong = ("If we adhere to socialism, carry out reform and opening up, develop the economy and "
             "improve the people's lives, we would find ourselves in a blind alley.")
    assert "major" in polarity(DENG, wrong)


def test_a_stem_another_word_holds_is_that_words_english():
    zh = "加强中国共产党同民主党派和无党派人士团结合作。"
    right = ("We will strengthen the Party's unity and cooperation with other political parties "
             "and personages without party affiliation.")
    assert polarity(zh, right) == []


def test_an_implicit_negative_the_english_drops_is_flagged_minor():
    zh = "审计发现，部分企业内部管理制度缺乏约束力。"
    assert polarity(zh, "The audit found that some enterprises have internal management rules "
                        "that lack binding force.") == []
    assert polarity(zh, "The audit found that some enterprises have internal management rules "
                        "with insufficient binding force.") == []
    assert polarity(zh, "The audit found that some enterprises have internal management rules "
                        "that carry binding force.") == ["minor"]


def test_refuse_renders_a_split_jubu():
    """jieba cuts 拒不 as 拒|不; read as the table's 拒不 "refuse to", "refuses" renders it."""
    zh = "被审计单位拒不采纳审计建议的，依法追究责任。"
    assert polarity(zh, "Where an audited entity refuses to adopt audit recommendations, it shall be "
                        "held accountable in accordance with the law.") == []


def test_rather_than_is_a_contrast_not_a_negated_word():
    """而非严肃的学术研究: 非严肃 is no negated adjective after 而 (而非 "rather than")."""
    zh = "愿望的调查被认为更接近市场而非严肃的学术研究。"
    assert polarity(zh, "The study of wants is considered closer to marketing than to serious "
                        "scholarship.") == []


def test_a_negative_word_another_chinese_word_says_renders_nothing_else():
    """"lags behind" is 滞后's ("to lag behind"), so it cannot render 无法 as well."""
    zh = "欠发达地区核心数字基础设施的建设速度较为滞后，无法满足本地区发展需要。"
    assert polarity(zh, "In less developed regions, the building of core digital infrastructure lags "
                        "well behind and cannot meet local needs.") == []
    assert polarity(zh, "In less developed regions, the building of core digital infrastructure lags "
                        "well behind but can meet local needs.") == ["major"]


def test_a_comparative_says_hard_to():
    zh = "传统企业更难以持续优化业务流程。"
    assert polarity(zh, "It is harder still for traditional enterprises to keep optimizing their "
                        "business processes.") == []
    assert polarity(zh, "Traditional enterprises keep optimizing their business processes.") == ["minor"]


def test_a_negative_word_of_another_negation_does_not_render_an_implicit_one():
    """"unclear" is 账目不清's; 缺乏 needs an English negative of its own."""
    zh = "审计发现，部分单位存在账目不清、内控制度缺乏执行力等问题。"
    assert polarity(zh, "The audit found problems in some units such as unclear accounts and "
                        "internal controls that lack enforcement.") == []
    assert polarity(zh, "The audit found problems in some units such as unclear accounts and "
                        "internal controls that carry enforcement.") == ["minor"]


def test_a_later_sense_owns_no_negative_word():
    """逾期 is first "to be overdue"; its later sense "to fail to meet a deadline" does not make the
    "fail" of "fail to do so" its own, so the word renders 未报送."""
    zh = "请各企业于6月底前报送自查报告，逾期未报送的将予以通报。"
    assert polarity(zh, "Enterprises are requested to submit their self-inspection reports by the end "
                        "of June; those that fail to do so on time will be named in a circular.") == []
