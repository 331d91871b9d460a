"""The lookup structures the name and term checks use instead of scanning whole tables.

``EnglishNames`` and ``ChineseTerms`` (qa/phrase_match.py) must find exactly what a scan of
every listed name finds; ``renders_any`` (qa/calque.py) must say what ``renders`` says of each
gloss; ``jieba_words`` (align/zh_words.py) must be jieba's own segmentation.  The checks' tests
hold what the matches mean; these hold that the shortcuts change none of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from align.zh_words import _lcut_hmm, _lcut_no_hmm, jieba_words, loaded_jieba, pos_words
from qa.calque import renders, renders_any
from qa.checks.institutions import _table
from qa.phrase_match import (
    ChineseTerms,
    EnglishNames,
    english_pattern,
    find_chinese,
    find_english,
)

NAMES = ["People's Bank of China", "Bank of China", "NDRC", "prosecut*", "State Council",
         "Ministry of Finance", "finance", "U.S. Department of Commerce", "Council", "PBoC",
         "Political Bureau", "Politburo", "central bank"]

TEXTS = [
    "The People’s Bank of China and the NDRC met the State Council.",
    "Prosecutors said the Ministry-of-Finance paper was late; the U.S. Department of Commerce agreed.",
    "the state councils, a central-bank note and the PBOC (not PBoC) in the Politburo",
    "ndrc is not NDRC's acronym in lower case; councillor is not a Council.",
    "State Council and the \u212aelvin sign: letters that match ASCII ones without case",
    "",
    "国务院 without English",
]


def _scan(text: str, names: list[str]) -> set[str]:
    """The names a pattern-per-name scan finds in ``text``."""
    return {n for n in names if english_pattern(n).search(text)}


@pytest.mark.parametrize("text", TEXTS)
def test_english_index_finds_what_a_scan_finds(text):
    index = EnglishNames(NAMES)
    assert find_english(text, index) == find_english(text, NAMES)
    assert index.matching(text) == _scan(text, NAMES)
    assert _scan(text, NAMES) <= set(index.candidates(text))


def test_english_index_over_the_institutions_table_keeps_overlapping_names():
    names = [n for row in _table(None) for n in (*row.standard, *row.accepted, *row.wrong)]
    index = EnglishNames(names)
    text = ("The Third Plenary Session of the Central Committee heard the Central Commission for "
            "Discipline Inspection, the People's Bank of China and the Ministry of Commerce.")
    # every name with a match, the shorter ones inside longer ones too ("Bank of China")
    assert index.matching(text) == _scan(text, names)
    assert find_english(text, index) == find_english(text, names)


def test_chinese_index_finds_every_occurrence_overlapping_ones_too():
    terms = ["全国人大", "全国人大常委会", "人大", "常委会", "市委", "市委书记", "委"]
    index = ChineseTerms(terms)
    zh = "全国人大常委会和北京市委书记、人大人大"
    got = sorted((f.name, f.start) for f in index.occurrences(zh))
    want = sorted((t, i) for t in terms for i in range(len(zh)) if zh.startswith(t, i))
    assert got == want
    assert find_chinese(zh, index) == find_chinese(zh, terms)
    assert ChineseTerms([]).occurrences(zh) == []


def test_renders_any_is_renders_of_some_gloss():
    glosses = frozenset({"real", "produc", "defend", "new", "centr"})
    for word in ["reality", "production", "defence", "newness", "center", "armour", "re", "", "xyz"]:
        assert renders_any(word, glosses) == any(renders(word, g) for g in glosses)
    assert renders_any("anything", frozenset()) is False


def test_jieba_words_are_jiebas_own():
    text = "数智化转型中，AI和5G赋能千行百业 (2024年)\r\n北京市委书记"
    assert jieba_words(text) == tuple(loaded_jieba().lcut(text, HMM=False))
    assert jieba_words(text, hmm=True) == tuple(loaded_jieba().lcut(text))


ODD_TEXTS = ["", " ", "\r\n", "a b\tc\r\n\nd", "A1B2 C#3 x_y.z-w 50% R&D", "Ｈ２Ｏ和ＣＯ２", "𠀀𠀁中文",
             "5G+工业互联网、AI大模型,iPhone15Pro。。。", "……——“引号”（括号）【】《书名》", "北京市委书记a北京"]


def _corpus_lines() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "corpora"
    lines = [ln for f in sorted(root.glob("*.txt")) for ln in f.read_text(encoding="utf-8").splitlines()]
    lines += [ln for name in ("qa-meaning", "qa-meaning-2", "qa-meaning-3", "qa-labelled")
              for ln in (root / name / "zh.txt").read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 300
    return lines


def test_segmentation_without_the_hmm_is_jiebas_on_every_corpus_line():
    jieba = loaded_jieba()
    for text in [*_corpus_lines(), *ODD_TEXTS]:
        assert _lcut_no_hmm(text) == jieba.lcut(text, HMM=False), text


def test_segmentation_with_the_hmm_is_jiebas_on_every_corpus_line():
    """``_lcut_hmm`` (the fast route, then jieba's HMM on unknown runs) is ``jieba.lcut`` word for word."""
    jieba = loaded_jieba()
    names = ["古特雷斯秘书长会见了斯托尔滕贝格", "王毅同布林肯通电话", "苏林和阿尔巴尼斯在堪培拉会谈"]
    for text in [*_corpus_lines(), *ODD_TEXTS, *names]:
        assert _lcut_hmm(text) == jieba.lcut(text, HMM=True), text


def test_part_of_speech_words_are_possegs_on_every_corpus_line():
    """``pos_words`` (the fast route, an HMM pass that only tries the states leading to each
    state) gives posseg's words and flags, unknown names and odd characters included."""
    from jieba import posseg

    loaded_jieba()
    names = ["古特雷斯秘书长会见了斯托尔滕贝格", "王毅同布林肯通电话", "苏林和阿尔巴尼斯在堪培拉会谈",
             "第3.5版A股x_y#1", "abc 12 中文a1b2"]
    for text in [*_corpus_lines(), *ODD_TEXTS, *names]:
        assert pos_words(text) == [(p.word, p.flag) for p in posseg.lcut(text)], text

