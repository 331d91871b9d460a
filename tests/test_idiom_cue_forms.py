"""idiom-literal cues met inside hyphenated compounds and in an adjective's degree forms.

A literal cue of a curated set phrase ("neck" of 卡脖子, "hard bone" of 硬骨头) is the image's word;
translators put it in a hyphenated coinage ("a neck-choked link") or grade its adjective ("the
hardest bone"), and an accepted word standing inside that image ('choked', 'hardest') is no
rendering of the meaning.  Sentences are our own; each true positive has a clean negative.
"""

from __future__ import annotations

from align.model import Pair
from qa import lexicons as lx
from qa.checks import literal_terms
from qa.checks.idioms import _default_set_phrases, cue_span
from qa.model import Context


def run(zh: str, en: str) -> list:
    p = Pair(id=1, zh=zh, en=en)
    return [f for f in literal_terms.check_literal_terms(p, Context(pairs=[p])) if f.severity == "major"]


CHIPS = "高端芯片仍是我国集成电路产业的卡脖子环节，必须加快自主研发。"
POVERTY = "深度贫困地区是脱贫攻坚中最难啃的硬骨头，要集中力量攻坚。"


def test_cue_inside_a_hyphenated_compound_is_the_image():
    flags = run(CHIPS, "High-end chips remain a neck-choked link in China's integrated circuit industry, "
                       "and independent research must be accelerated.")
    assert len(flags) == 1
    assert flags[0].en[slice(*flags[0].en_spans[0])].find("neck-choked") >= 0


def test_meaning_beside_no_image_is_clean():
    assert run(CHIPS, "High-end chips remain a chokepoint in China's integrated circuit industry, "
                      "and independent research must be accelerated.") == []


def test_superlative_of_the_cue_adjective_is_the_image():
    flags = run(POVERTY, "Areas of deep poverty are the hardest bone to gnaw in the fight against poverty, "
                         "and efforts must be concentrated on them.")
    assert len(flags) == 1
    assert "hardest bone" in flags[0].en[slice(*flags[0].en_spans[0])]


def test_superlative_of_the_meaning_is_clean():
    assert run(POVERTY, "Areas of deep poverty are the hardest part of the fight against poverty, "
                        "and efforts must be concentrated on them.") == []


def test_degree_forms_only_for_a_modifier():
    # a one-word cue is a noun of the image: "cower" is no degree of "cow"
    phrase = _default_set_phrases()["牛鼻子"]
    assert cue_span(phrase, lx.tokenize_en("Officials did not cower before the task.")) is None
    assert cue_span(phrase, lx.tokenize_en("We must grasp the ox's nose.")) is not None
