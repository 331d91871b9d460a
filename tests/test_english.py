"""align.english: the one English word module of the aligner and the checks (issue 14)."""

from __future__ import annotations

from align import english
from align.english import (
    ALIGN_STOPWORDS,
    STOPWORDS,
    StemSet,
    content_lemmas,
    content_stems,
    lemma,
    prefix_stem,
    tokenize_en,
)
from align.model import Pair

#: pair 47 of corpora/xuexi-shibao-shushi-ronghe.txt (the shipped corpus), English side
EN = ("In particular, it is necessary to strengthen industrial Internet security, pay attention to "
      "the construction of security protection capabilities of industrial control systems")


def test_the_checks_and_the_aligner_read_the_same_sentence_their_own_way():
    assert [t.text for t in tokenize_en("people’s cross-border data")] == ["people’s", "cross-border", "data"]
    # the checks: lemmas without stopwords; "industrial" and "systems" lose their inflection
    lemmas = content_lemmas(EN)
    assert "particular" in lemmas and "system" in lemmas and "the" not in lemmas
    # the aligner: five-letter prefixes, a hyphen splits, its own shorter stopword list
    stems = content_stems(EN)
    assert {"indus", "secur", "syste", "contr"} <= stems and "the" not in stems
    assert prefix_stem("integration") == prefix_stem("integrate") == "integ"
    assert lemma("industries") == "industry" and lemma("controlled") == "control"
    # a verb in -y keeps its y in the past: 'unified' meets 统一's gloss 'unify', 'studied' 'study'
    assert lemma("unified") == lemma("unify") == lemma("unifies") == "unify"
    assert lemma("studied") == lemma("studies") == "study" and lemma("tied") == "tied"
    assert ALIGN_STOPWORDS != STOPWORDS  # kept apart on purpose: the aligner was tuned with its list


def test_stemset_meets_a_change_of_word_class():
    seen = StemSet(lemma(w) for w in "specialized real".split())
    assert seen.has(lemma("specialization")) and seen.has(lemma("reality"))
    assert not seen.has(lemma("speech")) and not seen.has(lemma("read"))


def test_the_old_names_are_the_same_objects():
    """qa.lexicons and qa.text keep working for the checks that call them by those names."""
    from qa import lexicons, text

    assert lexicons.lemma is english.lemma and lexicons.STOPWORDS is english.STOPWORDS
    assert lexicons.tokenize_en is english.tokenize_en and lexicons.StemSet is english.StemSet
    assert text.WORD_RE is english.FORM_WORD


def test_one_stem_key_for_every_prefix_match():
    """Five shared letters make one stem ('defence', 'defend'); a short word only
    meets itself.  StemSet, the aligner's prefix_stem and the checks' prefix sets
    (terminology, shorthand, literal-term) all use this key."""
    assert english.same_stem("defence", "defend")
    assert english.same_stem("integrate", "integration")
    assert not english.same_stem("data", "database")
    assert not english.same_stem("reform", "refund")
    assert english.stem_key("data") == "data" and english.stem_key("economy") == "econo"
    assert english.prefix_stem("economy") == english.stem_key("economy")


def test_comparatives_offer_the_er_form_and_the_irregular_ones():
    comparatives = english.comparatives
    assert "lower" in comparatives("low") and "cheaper" in comparatives("cheap")
    assert "bigger" in comparatives("big") and "easier" in comparatives("easy")
    assert "less" in comparatives("little") and "worse" in comparatives("bad")
    assert comparatives("wide")[:2] == ("wide", "wider")


def test_one_british_spelling_table_for_the_word_list_and_the_stem_keys():
    """BRITISH_ENDINGS is the one table: the stem keys use its rows that need no word list,
    the form checks' lexicon tries every row and keeps the forms its word list knows."""
    from qa.english_lexicon import is_known

    us = english.us_spelling
    assert us("armour") == "armor" and us(lemma("centres")) == "center" and us("centre") == "center"
    assert us(lemma("favourable")) == lemma("favorable") and us(lemma("fibres")) == "fiber"
    assert us("hour") == "hour" and us("flour") == "flour" and us("science") == "science"
    assert english.same_stem(lemma("favourable"), "favor")
    assert "defense" in english.american_candidates("defence")
    # the word list settles the rows a rule alone cannot: 'defence' yes, 'sciense' no
    assert is_known("defence") and is_known("programmes") and is_known("calibre")
    assert is_known("organised") and not is_known("sciense")


def test_the_adjective_of_a_known_ology_noun_is_a_word():
    """'the metrological performance of fuel dispensers' (计量性能): the word list has 'metrology'
    but not its adjective, and the run-together rule split it into 'metro logical'."""
    from qa.checks.spelling import spelling_flags
    from qa.english_lexicon import is_known

    assert is_known("metrological") and is_known("metrologically") and not is_known("metrologocal")
    pair = Pair(1, "对全国加油机计量性能开展抽查比对。",
                "Spot checks will compare the metrological performance of fuel dispensers nationwide.")
    assert spelling_flags(pair) == []
    typo = Pair(1, "农村地区", "Services in ruralareas will improve.")
    assert [f.suggestion for f in spelling_flags(typo)] == ["rural areas"]


def test_derived_nouns_of_known_words_are_words_and_their_misspellings_are_not():
    """'enablement' (qa-meaning's clean translation), 'marketization' and 'informationization'
    (published translations, bench/qa_published.py) were flagged as misspellings: the word list
    lacks derived nouns.  -ment joins a whole verb only, so the misspelling that drops the verb's
    e stays unknown."""
    from qa.checks.spelling import spelling_flags
    from qa.english_lexicon import is_known

    assert is_known("enablement") and is_known("marketization") and is_known("informationization")
    assert is_known("regionalisation") and is_known("technologization")
    assert not is_known("managment") and not is_known("arrangment") and not is_known("marketizaton")
    pair = Pair(1, "推进要素市场化配置改革。", "Advance the reform of the marketization of factor allocation.")
    assert spelling_flags(pair) == []
    typo = Pair(1, "加强管理。", "Strengthen managment.")
    assert [f.en_spans for f in spelling_flags(typo)] == [((11, 20),)]


def test_the_our_rows_rewrite_only_british_words_whose_or_form_is_english():
    """-our → -or only for a British word (SCOWL's lists: not an American spelling, and its -or
    form an English word): American -our words stay, in the stem keys and in the word list."""
    from qa.english_lexicon import is_known

    us = english.us_spelling
    # British → American: the word, its inflections and a lemma
    assert us("colour") == "color" and us("odour") == "odor" and us("armoured") == "armored"
    assert us(lemma("harbours")) == "harbor" and english.same_stem("armoured", "armored")
    assert "colors" in english.american_candidates("colours") and is_known("neighbours")
    # American words in -our are no British spellings: no rewrite, no '-or' candidate
    for word in ("devour", "contour", "troubadour", "amour", "glamour", "velour", "detour", "tour"):
        assert us(word) == word and english.american_candidates(word) == [], word
    assert english.same_stem("devour", "devoured") and english.same_stem("detour", "detours")
    # an '-our' misspelling of an English '-or' word is not taken for a British spelling
    assert not is_known("authour") and not is_known("mirrour")


def test_stem_set_has_any_answers_as_has_word_by_word():
    """StemSet.has_any (issue 16: the clause matcher asks it of every gloss group) is any(has)."""
    stems = english.StemSet(["specialized", "real", "economy", "data", "growth"])
    groups = [frozenset({"specialization", "major"}), frozenset({"reality"}), frozenset({"dat", "datum"}),
              frozenset({"grow"}), frozenset({"economic", "finance"}), frozenset({"tea", "cup"}),
              frozenset({"reap", "dataset"}), frozenset()]
    for group in groups:
        assert stems.has_any(english.stem_query(group)) == any(stems.has(w) for w in group), group
    assert stems.has_any(english.stem_query(frozenset({"reality"})))
    assert not stems.has_any(english.stem_query(frozenset({"tea", "cup"})))
