"""literal-term and idiom-literal: images hidden in hyphenated words, and renderings that belong to
another clause.

Sentences are our own, in the register of provincial government plans; each true positive has a
clean negative.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks import idioms, literal_terms
from qa.model import Context


def literal(zh: str, en: str) -> list:
    p = Pair(id=1, zh=zh, en=en)
    return literal_terms.check_literal_terms(p, Context(pairs=[p]))


def idiom(zh: str, en: str) -> list:
    return idioms.literal_idioms_in([Pair(id=1, zh=zh, en=en)])


PACESETTER = "要争当全省制造业高质量发展的排头兵。"


def test_a_part_rendered_inside_a_hyphenated_word_is_literal_evidence():
    # 排头兵 'pacesetter': 排 'row' inside "front-row", 兵 'soldier'
    f, = literal(PACESETTER, "We will strive to be a front-row soldier of high-quality manufacturing "
                             "development in the province.")
    assert f.check == "literal-term" and f.zh[slice(*f.zh_spans[0])] == "排头兵"
    assert f.en[slice(*f.en_spans[0])] == "front-row soldier"  # the whole word, not "row soldier"
    assert literal(PACESETTER, "We will strive to be a pacesetter in high-quality manufacturing "
                               "development in the province.") == []


def test_a_part_another_word_of_the_sentence_says_is_no_evidence():
    # 盐碱 of 耐盐碱 says 'saline': "saline-alkali land" for 盐碱地 is the topic, not an image
    assert idiom("耐盐碱作物在盐碱地上试种成功。",
                 "Salt-tolerant and saline-alkali-resistant crops have been successfully trial-planted on "
                 "saline-alkali land.") == []


def test_a_rendering_in_the_next_coordinated_predicate_is_another_words():
    # 'weak areas' renders 弱项 of the second clause (joined by "and speed up"), not 短板
    zh = "要聚焦县域商业体系短板，加快补上冷链物流等弱项。"
    f, = literal(zh, "We will focus on the short boards in county-level commercial systems and speed up "
                     "efforts to strengthen weak areas such as cold-chain logistics.")
    assert f.zh[slice(*f.zh_spans[0])] == "短板" and f.en[slice(*f.en_spans[0])] == "short boards"
    assert literal(zh, "We will focus on the weak links in county-level commercial systems and speed up "
                       "efforts to strengthen weak areas such as cold-chain logistics.") == []
    # in the cue's own predicate ("short boards or weaknesses") the rendering glosses the cue
    assert literal("要补齐县域商业体系短板。",
                   "We will shore up the short boards or weaknesses of county-level commercial systems.") == []
