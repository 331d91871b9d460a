"""direction's opposite-meaning rule: WordNet antonyms of a word's CC-CEDICT gloss.

The sentences are policy prose written for these tests in the register of
State Council and provincial releases (cooperation deepens, the economy is
stable, a reform matters); each true positive is the faithful English with
one word turned into its opposite, each clean negative the faithful English
or a rendering that folds a Chinese reversal into an antonym.  No embedder:
the rule reads CC-CEDICT, jieba, WordNet's pairs and the cue tables only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Pair
from qa.antonyms import antonym_table, antonyms
from qa.checks.direction import DIRECTION
from qa.clause_match import match_clauses
from qa.meaning_cues import read_table
from qa.opposite_meaning import (
    find_opposites,
    main_glosses,
    reversal_frame,
    shifter_verbs,
)

ROOT = Path(__file__).resolve().parent.parent


def flags(zh: str, en: str):
    return DIRECTION.run_pair(zh, en)


def opposites(zh: str, en: str, min_share: float = 0.25):
    return find_opposites(match_clauses(Pair(id=1, zh=zh, en=en)), min_share)


# --------------------------------------------------------------------------- the table

def test_antonym_table_is_wordnet_and_both_ways():
    text = (ROOT / "qa" / "data" / "antonyms.tsv").read_text(encoding="utf-8")
    assert "WordNet 3.0" in text.split("\n", 1)[0] and "ATTRIBUTION" in text
    assert len(text.encode()) < 400_000
    assert {"decrease", "diminish", "lessen"} <= {a.antonym for a in antonyms("increase", frozenset("v"))}
    assert "increase" in {a.antonym for a in antonyms("lessening")}  # inflected forms meet the lemma
    assert "increasing" in {a.antonym for a in antonyms("diminishing", frozenset("a"))}  # similar-to
    assert "lessen" in {a.antonym for a in antonyms("deepen", frozenset("v"))}  # troponym of increase
    kinds = {a.kind for rows in antonym_table().values() for a in rows}
    assert kinds == {"direct", "synset", "similar", "troponym", "derived"}


def test_share_criterion_drops_rare_senses():
    # push ↔ force is a rare sense of both words (SemCor share 0.02); push ↔ pull is not
    assert "force" not in {a.antonym for a in antonyms("push", frozenset("v"), 0.25)}
    assert "pull" in {a.antonym for a in antonyms("push", frozenset("v"), 0.25)}


def test_shifter_table_is_wordnet_and_holds_the_classes():
    text = (ROOT / "qa" / "data" / "shifters.tsv").read_text(encoding="utf-8")
    assert "WordNet 3.0" in text and "Schulder" in text
    assert {"destroy", "damag", "threaten", "undermin", "prevent", "reduc"} <= shifter_verbs()


def test_bad_antonym_table_row_is_a_clear_error():
    with pytest.raises(InputError, match="line 2"):
        read_table("antonyms.tsv", 5, ["# header", "increase\tdecrease\tv"])


def test_main_glosses_are_one_word_with_a_part_of_speech():
    assert dict(main_glosses("加深")) == {"deepen": frozenset("v")}
    assert ("important", frozenset("arn")) in main_glosses("重要")
    assert main_glosses("低碳") == ()  # not 低 "low": single characters are never read


# --------------------------------------------------------------------------- true positives

def test_deepen_rendered_as_lessening():
    zh = "中美两国之间的经贸合作不断加深。"
    wrong = ("Economic and trade cooperation between China and the United States has been "
             "steadily lessening.")
    # the rule finds it on its own; the cue table (加深 up, "lessen" down) now flags it first
    assert [o.zh for o in opposites(zh, wrong)] == ["加深"]
    found = flags(zh, wrong)
    assert [f.severity for f in found] == ["major"]
    f = found[0]
    assert "加深" in f.message and "'lessening'" in f.message and "deepen" in f.suggestion
    assert list(f.zh_spans) == [(zh.index("加深"), zh.index("加深") + 2)]
    assert flags(zh, "Economic and trade cooperation between China and the United States has "
                     "continued to deepen.") == []


@pytest.mark.parametrize("zh,word,wrong,said,right", [
    ("这项改革对促进农民增收十分重要。", "重要", "This reform is trivial for raising farmers' incomes.",
     "trivial", ["This reform is very important for raising farmers' incomes."]),
    # 日益 "increasingly": WordNet's adverb of "increasing", whose similar-to antonym is "diminishing"
    ("数据作为生产要素的作用日益重要。", "日益", "Data is of diminishing importance as a factor of production.",
     "diminishing", ["Data is increasingly important as a factor of production.",
                     "Data is of growing importance as a factor of production."]),
    ("我国农村基础设施仍然薄弱。", "薄弱", "Rural infrastructure in China is still strong.",
     "strong", ["Rural infrastructure in China is still weak."]),
])
def test_antonym_of_the_gloss_is_flagged(zh, word, wrong, said, right):
    found = flags(zh, wrong)
    assert found and word in found[0].message and f"'{said}'" in found[0].message
    for en in right:
        assert flags(zh, en) == [], en


def test_stable_rendered_as_unstable_in_a_matched_clause():
    zh = "今年以来，全省经济运行总体稳定，就业形势保持良好。"
    found = opposites(zh, "Since the beginning of this year, the province's economy has been "
                          "generally unstable, and employment has remained good.")
    assert [(o.zh, o.en) for o in found] == [("稳定", "unstable")]
    assert opposites(zh, "Since the beginning of this year, the province's economy has been "
                         "generally stable, and employment has remained good.") == []


# --------------------------------------------------------------------------- tricky negatives

@pytest.mark.parametrize("zh,en", [
    # the Chinese negates the word: the antonym is the right rendering
    ("今年以来，部分地区生猪价格不稳定。", ("Since the beginning of this year, hog prices in some areas "
                                          "have been unstable.")),
    # a negated antonym says the word ("not trivial" = important)
    ("这项改革对促进农民增收十分重要。", "This reform is by no means trivial for raising farmers' incomes."),
    ("这项改革对促进农民增收十分重要。", "This reform is not trivial for raising farmers' incomes."),
    # a polarity-shifter verb: 破坏稳定 "undermine stability" is "destabilize"
    ("坚决打击破坏市场稳定的违法行为。", "We will crack down on illegal acts that destabilize the market."),
    # a compound: 低碳 is "low-carbon", no opposite of anything
    ("减少高碳能源消费，大力发展低碳产业。", ("We will reduce the consumption of high-carbon energy and "
                                            "vigorously develop low-carbon industries.")),
    # both ends in the Chinese: 起步 and 收尾 ("begin … complete")
    ("这项工程于2019年起步，2021年底收尾。", ("The project began in 2019 and was completed at the end "
                                             "of 2021.")),
    # a phrasal verb: "pulling together" renders 协同, not the opposite of 推动 "push"
    ("各部门协同推动乡村振兴战略落地。", ("Departments are pulling together to implement the rural "
                                        "revitalization strategy.")),
])
def test_opposite_meaning_tricky_negatives(zh, en):
    assert flags(zh, en) == []


def test_reversal_frame_reads_negators_decrease_and_shifters():
    zh = "坚决打击破坏市场稳定的违法行为。"
    s = zh.index("稳定")
    assert reversal_frame(zh, 0, len(zh), s, s + 2)  # 破坏 "to destroy"
    zh = "全省经济运行总体稳定。"
    s = zh.index("稳定")
    assert not reversal_frame(zh, 0, len(zh), s, s + 2)
    zh = "中美经贸合作不断加深。"  # 不断 "continuously" is no negation
    s = zh.index("加深")
    assert not reversal_frame(zh, 0, len(zh), s, s + 2)


# --------------------------------------------------------------------------- 上 and 下 before a period
# (seventeenth session, read from qa-probes-6): 上年末 "the end of last year" holds 上, whose glosses
# "to go up; to climb" answered a "climbed" that reverses 下降; and "downgrade" says down.

def test_the_previous_of_a_period_does_not_answer_a_reversed_direction():
    zh = "二季度末，个人住房贷款平均利率较上年末下降0.2个百分点。"
    tail = " 0.2 percentage points from the end of last year."
    wrong = flags(zh, "At the end of the second quarter, the average rate on personal housing loans had climbed" + tail)
    assert len(wrong) == 1 and "下降" in wrong[0].message
    assert flags(zh, "At the end of the second quarter, the average rate on personal housing loans had fallen" + tail) == []
    # 上 as "up" is still read: 向上 "upward" answers the rise it says
    assert flags("价格先下降后向上反弹。", "Prices first fell and then bounced up.") == []


def test_a_downgrade_reverses_a_raise():
    zh = "暴雨过后，市防汛指挥部将应急响应由四级提升至三级。"
    wrong = flags(zh, "After the rainstorm, the city's flood control headquarters downgraded the emergency "
                      "response from Level IV to Level III.")
    assert len(wrong) == 1 and "提升" in wrong[0].message
    assert flags(zh, "After the rainstorm, the city's flood control headquarters raised the emergency "
                     "response from Level IV to Level III.") == []


# (eighteenth session, read from qa-probes-7): a change stated with its size is read at the English
# phrase of that figure, so a sentence whose other clause goes the other way ("continued to grow")
# no longer hides "down 6.8 percent" for 比上年增长6.8%.

def test_a_change_with_its_size_is_read_at_its_figure():
    zh = "2024年，全市快递业务量达到5.6亿件，比上年增长9.3%，占全省的比重持续提高。"
    head = "In 2024, the city handled 560 million parcels, "
    tail = " 9.3 percent on the previous year, and its share of the provincial total continued to rise."
    wrong = flags(zh, head + "down" + tail)
    assert [(f.severity, tuple(f.en_spans)) for f in wrong] == [("major", ((len(head), len(head) + 4),))]
    assert flags(zh, head + "up" + tail) == []


def test_a_figure_that_bounds_or_sizes_something_else_is_not_a_change():
    # 超过 bounds the figure ("more than"); 增长 is the object of 拖累, whose drag the figure sizes
    assert flags("法国今年已经实施规模超过100亿欧元的减税。",
                 "France has implemented tax cuts of more than 10 billion euros this year.") == []
    # (the clause-window reading still gives that sentence a minor flag: known, left alone)
    dragged = flags("出口较上季度下滑5.7%，净出口拖累当季经济增长0.68个百分点。",
                    "Exports fell by 5.7 percent from the previous quarter, and net exports dragged the "
                    "economy down by 0.68 percentage points in the quarter.")
    assert [f.severity for f in dragged if f.severity == "major"] == []
