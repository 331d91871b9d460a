"""The compact word-sequence index of term consistency (qa/term_keys.py) answers as the dict of
every pair's sequences it replaced did."""

from collections import Counter

from align.model import Pair
from qa.checks.terminology import _en_key_spans
from qa.term_keys import KeyIndex
from qa.term_words import WordCache

EN = [
    "The digital economy is growing fast.",
    "We will develop the digital economy and the real economy.",
    "Digital trade and the digital economy reinforce each other.",
    "The physical economy remains the foundation.",
    "Cross-border data flows need rules.",
]


def _pairs() -> list[Pair]:
    return [Pair(id=i * 10, zh="数字经济", en=en) for i, en in enumerate(EN)]


def test_counts_and_membership_match_the_full_index():
    words = WordCache()
    pairs = _pairs()
    index = KeyIndex(pairs, lambda p: _en_key_spans(words(p.en)))
    full = {p.id: _en_key_spans(words(p.en)) for p in pairs}
    counts = Counter(k for keys in full.values() for k in keys)
    for key, n in counts.items():
        assert index.pairs_with(key) == n
    assert index.pairs_with(("digital", "economy")) == 3
    assert index.pairs_with(("never", "said")) == 0
    assert index.holds(10, ("real", "economy")) and not index.holds(0, ("real", "economy"))
    assert 40 in index and 7 not in index


def test_common_keys_lists_what_a_full_count_lists_in_its_order():
    words = WordCache()
    pairs = _pairs()
    index = KeyIndex(pairs, lambda p: _en_key_spans(words(p.en)))
    counts = Counter(k for p in pairs[:4] for k in _en_key_spans(words(p.en)))
    expected = {k: n for k, n in counts.items() if n >= 2}
    found = index.common_keys(pairs[:4], 2)
    assert found == expected and list(found) == list(expected)
    assert ("digital", "economy") in found and ("physical", "economy") not in found
    assert index.common_keys([], 2) == {}


def test_same_word_in_answers_as_same_word_against_every_gloss():
    """term_heads.same_word_in (a bisection on the first five letters) is any(same_word)."""
    from qa.term_heads import same_word, same_word_in

    glosses = frozenset({"transformation", "transform", "digital", "digitalize", "economy", "new", "ne"})
    for word in ["transforming", "transformations", "digitalization", "digits", "economic", "new", "ne",
                 "n", "trans", "economy", "growth"]:
        assert same_word_in(word, glosses) == any(same_word(word, g) for g in glosses), word


def test_a_pair_without_a_head_gloss_is_passed_by_as_its_phrases_would():
    """term_heads.no_head_among says no only when no head phrase can end in a gloss."""
    from qa.term_heads import head_phrases, no_head_among
    from qa.term_words import read_words

    heads = frozenset({"commerce", "economy"})
    for en in ["Livestream e-commerce grows.", "The real economy is the base.", "Trade rose fast.",
               "Rock-'n'-roll economies", "A cross-border e-commerce zone"]:
        says = any(ph.lemmas[-1] in heads for ph in head_phrases(en))
        assert not (says and no_head_among(en, read_words(en), heads)), en
    assert no_head_among("Trade rose fast.", read_words("Trade rose fast."), heads)
    assert not no_head_among("The real economy.", read_words("The real economy."), heads)
