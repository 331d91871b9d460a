"""Traditional Chinese is checked like Simplified, and flags show the original.

The Traditional texts are the 学习时报 corpus and the labelled document put
through OpenCC's own Simplified→Traditional conversion (opencc-py, the same
project whose tables align/script_convert.py reads the other way).
"""

from __future__ import annotations

import opencc
import pytest
from corpus_texts import EN, LAB_ZH, LABELLED, ROOT, ZH
from corpus_texts import LAB_CLEAN as LAB_EN

from align.model import Pair
from align.script_convert import has_traditional, to_simplified
from qa.checks import all_checks, terminology
from qa.glossary import load_glossary
from qa.model import Flag
from qa.pipeline import run_checks
from qa.profile import Profile
from qa.zh_view import simplified_view

CORPORA_ZH = [ZH, "\n".join(LAB_ZH), *(p.read_text(encoding="utf-8")
                                      for p in sorted((ROOT / "corpora" / "zh-only").glob("*.txt")))]


@pytest.fixture(scope="module")
def s2t():
    return opencc.OpenCC("s2t").convert


def cut(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


def check(zh: str, en: str) -> list[Flag]:
    return run_checks([Pair(id=7, zh=zh, en=en)], all_checks(), Profile())


def of(flags: list[Flag], check_id: str) -> list[Flag]:
    return [f for f in flags if f.check == check_id]


# ------------------------------------------------------------------ the converter

def test_conversion_keeps_length_and_round_trips_the_corpora(s2t):
    for simplified in CORPORA_ZH:
        traditional = s2t(simplified)
        assert traditional != simplified and has_traditional(traditional)
        back = to_simplified(traditional)
        assert len(back) == len(traditional)
        assert back == simplified


def test_simplified_text_is_returned_untouched():
    for simplified in CORPORA_ZH:
        assert not has_traditional(simplified)
        assert to_simplified(simplified) is simplified
    view = simplified_view([Pair(id=0, zh=ZH, en=EN)])
    assert view.pairs[0].zh is ZH and not view.by_id


def test_phrases_override_characters_at_the_same_length():
    # 乾 is 干 in 乾淨 but stays 乾 in 乾坤 (OpenCC's phrase table); 著/著作 likewise
    assert to_simplified("頭髮乾淨，乾坤未定。") == "头发干净，乾坤未定。"


# ------------------------------------------------------------------ checks on Traditional text

KOWLOON_ZH = cut(ZH, "明确数据要素的权", "的多重羁绊。")
KOWLOON_EN = cut(EN, "Clarify the rights, responsibilities", "development and utilization.")


def test_literal_idiom_caught_in_traditional_with_original_spans(s2t):
    zh = s2t(KOWLOON_ZH)
    assert "九龍治水" in zh
    flags = of(check(zh, KOWLOON_EN), "literal-term")  # a term no 成语 list holds: a mistranslation
    assert len(flags) == 1
    f = flags[0]
    assert f.zh == zh  # the user's text, not the view
    assert [zh[a:b] for a, b in f.zh_spans] == ["九龍治水"]
    assert KOWLOON_EN[slice(*f.en_spans[0])] == "water control in Kowloon"
    assert "'九龍治水'" in f.message and "九龙" not in f.message
    rules = of(check(s2t(cut(ZH, "不以规矩,", "不成方圆。")), "No rules, no square."), "idiom-literal")
    # quoted without the text's comma: put back character by character
    assert [f.message[:22] for f in rules] == ["'不以規矩不成方圓' is an idiom"]
    fixed = KOWLOON_EN.replace("“water control in Kowloon”", "fragmented management")
    assert of(check(zh, fixed), "literal-term") == of(check(zh, fixed), "idiom-literal") == []


# The labelled document's line on the 47 countries, with its figures written out in words.
COUNTRIES_ZH = next(line for line in LAB_ZH if "38.1万亿美元" in line)
COUNTRIES_EN = next(line for line in LAB_EN if "38.1 trillion" in line)
WRITTEN_ZH = COUNTRIES_ZH.replace("38.1万亿", "四十五万亿").replace("45.0%", "百分之三十九点八")
WRITTEN_EN = COUNTRIES_EN.replace("38.1 trillion", "45 trillion").replace("45.0%", "39.8%")


def test_written_out_traditional_numbers_read_correctly(s2t):
    zh = s2t(WRITTEN_ZH)
    assert "四十五萬億" in zh and "百分之三十九點八" in zh
    assert of(check(zh, WRITTEN_EN), "numbers") == []
    assert of(check(WRITTEN_ZH, WRITTEN_EN), "numbers") == []  # and the Simplified original


@pytest.mark.parametrize("wrong, written", [
    (("45 trillion", "54 trillion"), "四十五萬億"),
    (("39.8%", "38.9%"), "百分之三十九點八"),
])
def test_wrong_english_figure_against_traditional_is_one_flag(s2t, wrong, written):
    zh = s2t(WRITTEN_ZH)
    flags = of(check(zh, WRITTEN_EN.replace(*wrong)), "numbers")
    assert len(flags) == 1
    f = flags[0]
    assert f.zh == zh and [zh[a:b] for a, b in f.zh_spans] == [written]
    assert f"“{written}”" in f.message
    assert WRITTEN_EN.replace(*wrong)[slice(*f.en_spans[0])] == wrong[1]


def test_simplified_glossary_applies_to_traditional_text(s2t):
    glossary = load_glossary(ROOT / "tests" / "data" / "glossary" / "shushi.csv")
    zh = s2t(cut(ZH, "加快“数实融合”有利于以数字技术为抓手", "重构产业链供应链。"))
    en = cut(EN, "Accelerating the “integration of data and reality” is conducive", "as the starting point.")
    flags = run_checks([Pair(id=3, zh=zh, en=en)], all_checks(), Profile(),
                       resources={"glossary": glossary})
    glossary_flags = of(flags, "glossary")
    assert glossary_flags, [f.message for f in flags]
    assert all(f.zh == zh for f in glossary_flags)
    assert all(zh[a:b] == "數實融合" for f in glossary_flags for a, b in f.zh_spans)


def test_simplified_pairs_give_the_same_flags_through_the_view():
    pairs = [Pair(id=1, zh=KOWLOON_ZH, en=KOWLOON_EN), Pair(id=2, zh=WRITTEN_ZH, en=WRITTEN_EN.replace("45 ", "54 "))]
    view = simplified_view(pairs)
    assert view.pairs == pairs
    flags = run_checks(pairs, all_checks(), Profile())
    assert {f.check for f in flags} >= {"literal-term", "numbers"}
    assert view.restore(flags) == flags


def test_document_check_names_the_term_as_written(s2t):
    """Term consistency over the labelled document in Traditional: the same
    odd-one-out renderings as in Simplified, each term shown as written."""
    pairs = [Pair(id=i, zh=s2t(z), en=e) for i, (z, e) in enumerate(
        zip(LAB_ZH, (LABELLED / "en.txt").read_text(encoding="utf-8").split("\n")), 1)]
    flags = run_checks(pairs, terminology.CHECKS, Profile())
    marked = {(f.pair_id, f.en[s:e]) for f in flags for s, e in f.en_spans}
    assert {(13, "national high-tech parks"), (76, "digital transition"),
            (87, "physical economy")} <= marked
    for term in ("國家高新區", "數字化轉型", "實體經濟"):
        assert any(f"'{term}'" in f.message for f in flags)
    for f in flags:  # the pair's own characters, the term marked in them
        assert f.zh == pairs[f.pair_id - 1].zh
        assert all(f"'{f.zh[s:e]}'" in f.message for s, e in f.zh_spans)


# ------------------------------------------------------------------ the aligner

@pytest.mark.slow
def test_aligner_reads_traditional_as_simplified(s2t):
    """The gold-checked 学习时报 sentences in Traditional align exactly as the
    Simplified originals, beads and confidences (as is, the model alone
    reads the Traditional text and the confidences drop: mean 0.97 -> 0.91)."""
    from align.aligner import align_segments
    from align.embed import load_embedder
    from align.model import Segment

    data = ROOT / "tests" / "data" / "align"
    zh = (data / "xuexi_zh.txt").read_text(encoding="utf-8").splitlines()
    en = [Segment(i, t) for i, t in enumerate((data / "xuexi_en.txt").read_text(encoding="utf-8").splitlines())]
    embedder = load_embedder()
    simplified = align_segments([Segment(i, t) for i, t in enumerate(zh)], en, embedder)
    traditional = align_segments([Segment(i, s2t(t)) for i, t in enumerate(zh)], en, embedder)
    assert traditional == simplified
