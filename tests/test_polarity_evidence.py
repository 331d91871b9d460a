"""When a missing English negation is a reversal, and when the English renders the negation
in another way (polarity precision on published translations, issue 15).

Each rule was found on published professional English (bench/qa_published.py: The Governance
of China, academic and magazine texts), where every major polarity flag is a false alarm.
Each test holds a clean negative and a true positive on our own sentences of the same kinds
(news, reports, policy prose), not the published ones.  No embedder: one-pair documents.
"""

from __future__ import annotations

from qa.checks.polarity import POLARITY


def polarity(zh: str, en: str) -> list[str]:
    """The severities of the polarity flags of a one-pair document."""
    return [f.severity for f in POLARITY.run_pair(zh, en)]


def test_an_english_that_asserts_the_negated_word_is_a_major_reversal():
    # 不忘 rendered "forgets": the English says what the Chinese denies
    zh = "他多年来从不忘记母亲的生日。"
    assert polarity(zh, "For years he has always forgotten his mother's birthday.") == ["major"]


def test_a_paraphrase_that_leaves_the_negated_word_out_is_minor():
    # 没有倒 rendered "held firm": no English word says "fall", so nothing is shown reversed
    zh = "洪水过后，这座老桥没有倒。"
    assert polarity(zh, "After the flood, the old bridge held firm.") == ["minor"]
    assert polarity(zh, "After the flood, the old bridge fell.") == ["major"]


def test_the_opposite_of_a_prohibition_is_a_major_reversal():
    # 严禁 "strictly prohibit": "allowed" (WordNet's antonym of "prohibit") asserts the reverse
    zh = "林区严禁使用明火。"
    assert polarity(zh, "Open fires are allowed in forest areas.") == ["major"]
    assert polarity(zh, "Open fires are strictly prohibited in forest areas.") == []


def test_a_word_another_chinese_word_renders_is_no_evidence():
    # 适应 twice: "adapt" renders the unnegated one; "outdated" paraphrases 不适应…的
    zh = "我们要适应时代变化，改革那些不适应发展要求的旧制度。"
    flags = polarity(zh, "We must adapt to the changing times and reform outdated systems.")
    assert "major" not in flags


def test_a_manner_word_that_says_the_opposite_renders_the_negation():
    # 没有善待 ("to treat well"): "badly" carries the negation, WordNet's antonym of "well"
    zh = "那家工厂长期没有善待工人。"
    assert polarity(zh, "For years the factory treated workers badly.") == []
    assert polarity(zh, "For years the factory treated workers.") == ["major"]


def test_an_emphatic_do_is_no_rendering_of_a_negated_light_verb():
    # 不进行 (进行 "to do; to conduct"): "do agree" is the auxiliary, "suspending" the negation
    zh = "这些学者的确都认为，最好的办法是暂不进行评价。"
    assert polarity(zh, "These scholars do agree that the best approach is suspending judgement.") == []
    assert polarity(zh, "These scholars agree that the best approach is conducting an evaluation.")


def test_a_cause_renders_cannot_do_without():
    # 离不开 "cannot do without": what B cannot be without is attributable to it
    zh = "这些成绩的取得离不开全体员工的辛勤付出。"
    assert polarity(zh, "These results are attributable to the hard work of all staff.") == []
    assert polarity(zh, "These results could do without the hard work of all staff.")


def test_a_negated_degree_is_rendered_by_less():
    # 不那么 / 没有这样: a partial negation, English "less" + the adjective
    zh = "与去年相比，今年的投资者并不那么乐观。"
    assert polarity(zh, "Compared with last year, investors are less optimistic this year.") == []
    assert polarity(zh, "Compared with last year, investors are more optimistic this year.")
    # "less" is no rendering of a plain negation (不发达 "less developed" is read elsewhere)
    assert polarity("这些地区今年没有完成任务。", "These regions completed less of their tasks this year.")


def test_a_negative_word_before_the_negated_noun_renders_it():
    # 没有 + 自由 "without academic freedom": "without" is this negation's, though 顺利
    # ("smoothly; without a hitch") glosses "without" too
    zh = "学校顺利开展了评估，但因为没有学术自由，研究工作一直受阻。"
    en = "The school carried out the review smoothly, but without academic freedom, research has long been hampered."
    assert polarity(zh, en) == []
    assert polarity(zh, en.replace("without", "with")) == ["major"]
    # the word of an implicit negative (拒不 "refuses"), cut off by a comma, is no rendering of 没有
    zh = "没有正当理由拒不出庭作证的，法院可以依法拘传。"
    assert polarity(zh, "A witness who refuses, even with good reason, to testify in court may be "
                        "summoned by force according to law.")


def test_hard_to_renders_a_negation():
    # "hard to" is a negative-polarity row; a second row of another kind for the same phrase
    # used to replace it (one kind per English phrase), so "hard to" rendered nothing
    zh = "这种材料在高温下几乎不会变形。"
    assert polarity(zh, "It is hard to make this material deform, even at high temperatures.") == []
    assert polarity(zh, "This material deforms easily at high temperatures.")


def test_a_verb_of_separating_with_bu_kai_is_a_dependence():
    # 分不开 ("cannot separate"; CC-CEDICT lists only 离不开 "inseparable"): a cause renders it
    zh = "公司今天的发展，同全体员工多年的努力是分不开的。"
    assert polarity(zh, "The company's growth today is attributable to years of hard work by all its staff.") == []
    assert polarity(zh, "The company's growth today could do without years of hard work by its staff.")


def test_barred_renders_a_prohibition_as_its_own_row_not_through_bar():
    # "barred": its lemma "bar" is an exact-form word of the cue tables, so the text's key is
    # the word as written; the table row "barred" is keyed by the same rule and meets it
    zh = "公职人员不得在企业兼职取酬。"
    assert polarity(zh, "Public officials are barred from taking paid posts in enterprises.") == []
    assert polarity(zh, "Public officials are allowed to take paid posts in enterprises.") == ["major"]


def test_a_phrasal_verb_of_elimination_renders_a_prohibition():
    # 杜绝 'put an end to' said "stamp out", 根除 "root out": the English negates without "not"
    zh = "各地要坚决杜绝违规收费行为。"
    assert polarity(zh, "All localities must resolutely stamp out illegal charging.") == []
    assert polarity(zh, "All localities must resolutely allow illegal charging.") == ["major"]
