"""term-consistency for unquoted terms rendered by synonyms (qa/term_slots.py, issue 15).

A recurring policy term (异地就医 'medical treatment in another place') rendered
three ways, two of them by words no CC-CEDICT gloss of it reaches, and the same
document translated consistently.  Sentences are written in the manner of
provincial health-insurance notices; none is a probe sentence.
"""

from __future__ import annotations

from align.model import Pair
from qa import term_slots
from qa.checks import terminology
from qa.model import Context
from qa.term_words import read_words

ZH = ["今年全省继续推进异地就医直接结算工作。",
      "参保人员异地就医备案手续进一步简化。",
      "异地就医人数比去年增加两成。",
      "下一步将扩大异地就医定点医院覆盖范围。"]
THREE_WAYS = ["This year the province will keep promoting direct settlement of medical treatment in other places.",
              "Registration procedures for cross-regional healthcare by insured persons have been further simplified.",
              "The number of out-of-province patients rose by 20 percent from last year.",
              "Next, the coverage of designated hospitals serving non-local patients will be expanded."]
ONE_WAY = ["This year the province will keep promoting direct settlement of medical treatment in other places.",
           ("Registration procedures for medical treatment in other places by insured persons have been further "
            "simplified."),
           "The number of people seeking medical treatment in other places rose by 20 percent from last year.",
           "Next, the coverage of designated hospitals for medical treatment in other places will be expanded."]


def _pairs(en: list[str]) -> list[Pair]:
    return [Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(zip(ZH, en))]


def test_verb_phrase_term_is_tracked():
    # 异地 (noun) + 就医 (verb): no noun+noun compound, yet a term the document recurs to
    assert terminology._candidate_terms(Context(pairs=_pairs(ONE_WAY))) == {"异地就医": "compound"}


def test_verb_with_its_object_is_no_term():
    zh = ("要大力推动数字经济发展。", "各地推动数字经济与实体经济融合。", "推动数字经济是长期任务。",
          "数字经济规模持续扩大。", "我们推动改革，也推动开放。", "要推动产业升级。",
          "推动绿色低碳转型。", "推动区域协调发展。")
    # 推动 is said with much else, so 推动数字经济 is a verb and its object, not a term
    assert "推动数字经济" not in terminology._recurring_compounds(zh)


def test_term_rendered_three_ways_by_synonyms_is_flagged():
    flags = terminology.check_consistency(Context(pairs=_pairs(THREE_WAYS)))
    assert {f.pair_id for f in flags} == {2, 3, 4}
    by_pair = {f.pair_id: f for f in flags}
    assert all(f.severity == "minor" for f in flags)
    assert "'cross-regional healthcare'" in by_pair[2].message
    assert "'treatment in other places'" in by_pair[2].message  # the dominant rendering, suggested
    assert "'non-local patients' (4)" in by_pair[2].message  # the other renderings named
    f = by_pair[3]
    assert f.en[f.en_spans[0][0]:f.en_spans[0][1]] == "out-of-province patients"
    assert f.zh[f.zh_spans[0][0]:f.zh_spans[0][1]] == "异地就医"


def test_term_rendered_one_way_is_clean():
    assert terminology.check_consistency(Context(pairs=_pairs(ONE_WAY))) == []


def test_slot_is_the_phrase_the_other_words_leave_over():
    term = "异地就医"
    glosses = terminology._piece_union(term) | terminology._gloss_lemmas(term)
    zh = ZH[1]
    other = terminology._other_glosses(zh, term)
    hit = term_slots.slot(read_words(THREE_WAYS[1]), glosses, other, 0.3)
    assert hit is not None and hit.text == "cross-regional healthcare"
    # the English says a gloss of the term ('medical treatment'): the gloss readings own the pair
    assert term_slots.slot(read_words(ONE_WAY[1]), glosses, other, 0.3) is None


def test_slot_leaves_a_name_alone():
    # a transliterated name is rendered by a name; the free words around it are no rendering
    zh = "曼西内利先生当天参加了开幕式。"
    en = "Mr Mancinelli attended the opening ceremony on the same day."
    other = terminology._other_glosses(zh, "曼西内利")
    assert term_slots.slot(read_words(en), frozenset(), other, 0.1) is None


def test_says_loosely_reads_reordered_and_widened_renderings():
    core = term_slots.content_stems(("industrial", "upgrading"))
    assert term_slots.says_loosely(read_words("It speeds up the upgrading of traditional industries."), core)
    # the two words in different clauses: no rendering of the term
    assert not term_slots.says_loosely(read_words("Industrial output rose; upgrading comes later."), core)


def test_window_cut_from_the_dominant_rendering_is_no_deviation():
    pairs = [
        Pair(id=1, zh="今年高考成绩将于六月下旬公布。", en="This year's college entrance exam results will be "
                                                       "published in late June."),
        Pair(id=2, zh="考生可通过官网查询高考成绩。", en="Candidates can check their college entrance exam "
                                                      "results on the official website."),
        Pair(id=3, zh="多所海外高校认可中国高考成绩。", en="Several overseas universities accept Chinese college "
                                                        "entrance exam results."),
        Pair(id=4, zh="高考成绩是录取的主要依据。", en="Results of the college entrance exam are the main basis "
                                                    "for admission."),
    ]
    assert terminology.check_consistency(Context(pairs=pairs)) == []


def test_a_rendering_cut_at_a_hyphen_is_named_whole():
    """The 学习时报 article's 市场化配置: its dominant rendering is read as the words after the
    hyphen; the message must name "market-oriented allocation", not "oriented allocation"."""
    from qa.checks.terminology import _whole_words

    en = "We will deepen market-oriented allocation of data factors."
    assert _whole_words(en, "oriented allocation") == "market-oriented allocation"
    assert _whole_words(en, "allocation of data") == "allocation of data"
    assert _whole_words("a high-quality data-driven plan", "quality data") == "high-quality data-driven"
