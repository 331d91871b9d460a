"""literal-term: parts the English cannot show, and characters read in their other reading.

Sentences are our own, in the register of local government notices; each true positive has a
clean negative that renders the word's meaning.
"""

from __future__ import annotations

from align.model import Pair
from qa import literal as lr
from qa.checks import literal_terms
from qa.model import Context


def run(zh: str, en: str) -> list:
    p = Pair(id=1, zh=zh, en=en)
    return literal_terms.check_literal_terms(p, Context(pairs=[p]))


UNIFORM = "各地在推进垃圾分类时不能搞“一刀切”，要因地制宜。"


def test_numeral_part_need_not_be_shown():
    # 一刀切: "one" is a stop word no window reads; the knife and the cut carry the evidence
    flags = run(UNIFORM, 'Localities must not adopt a "one-knife cutting" when promoting waste sorting, '
                         "and should suit measures to local conditions.")
    assert [f.check for f in flags] == ["literal-term"]
    f = flags[0]
    assert f.zh[slice(*f.zh_spans[0])] == "一刀切"
    assert "knife" in f.en[slice(*f.en_spans[0])]


def test_numeral_word_rendered_by_its_meaning_is_clean():
    assert run(UNIFORM, "Localities must not impose a one-size-fits-all approach when promoting waste "
                        "sorting, and should suit measures to local conditions.") == []


HIGHLIGHT = "老旧管网改造是今年城市更新工作的重头戏。"


def test_second_reading_of_a_character_is_a_literal_gloss():
    # 重 is first chóng 'to repeat'; its zhòng 'heavy' is what "heavy drama" renders
    assert "heavy" in lr._part("重头", True).lemmas
    flags = run(HIGHLIGHT, "Renovating old pipe networks is the heavy drama of this year's urban renewal work.")
    assert [f.check for f in flags] == ["literal-term"]
    assert "重头戏" in flags[0].message


def test_second_reading_word_rendered_by_its_meaning_is_clean():
    assert run(HIGHLIGHT, "Renovating old pipe networks is the main feature of this year's urban renewal work.") == []


OBSTACLE = "人才短缺已成为制约县域产业升级的拦路虎。"


def test_animal_at_the_head_of_a_word_that_means_no_animal():
    # 拦路虎 'stumbling block': the meaning keeps 拦 'to block' but never names the tiger
    for en in ("A shortage of talent has become the tiger on the road to upgrading county industries.",
               "A shortage of talent has become a road-blocking tiger for upgrading county industries."):
        flags = run(OBSTACLE, en)
        assert [f.check for f in flags] == ["literal-term"], en
        assert "tiger" in flags[0].en[slice(*flags[0].en_spans[0])]
    for en in ("A shortage of talent has become a stumbling block to upgrading county industries.",
               "A shortage of talent has become the main obstacle to upgrading county industries."):
        assert run(OBSTACLE, en) == []


def test_animal_word_at_the_head_of_a_word_that_means_no_animal():
    # 秋老虎 'hot spell during autumn': the head is the two-character word 老虎 'tiger'
    zh = "受副热带高压影响，本周后期全省将迎来秋老虎天气。"
    flags = run(zh, "Under the subtropical high, the province will see autumn tiger weather later this week.")
    assert [f.check for f in flags] == ["literal-term"]
    assert "tiger" in flags[0].en[slice(*flags[0].en_spans[0])]
    assert run(zh, "Under the subtropical high, the province will see a late-summer hot spell later this "
                   "week.") == []
    # an animal the meaning names is no image: 纸老虎 'paper tiger'
    assert not literal_terms.figurative_word("纸老虎")


def test_head_that_is_the_genus_of_the_meaning_is_not_an_image():
    # 外交官 'diplomat' is an 官 'official', 高速路 'highway' a 路 'road': only an animal head is a figure
    assert literal_terms.figurative_word("外交官") is None or not literal_terms.figurative_word("外交官").image
    assert run("两国外交官就此举行了会谈。", "Diplomatic officials of the two countries held talks on this.") == []


EDGE = "一些直播平台打擦边球，用低俗内容吸引流量。"


def test_literal_sense_of_one_field_outside_it_is_flagged():
    # 擦边球 is '(table tennis) edge ball' and '(fig.) actions that are technically legal but not
    # respectable': in a report on livestreaming the table-tennis sense is the image alone
    flags = run(EDGE, "Some livestreaming platforms play edge balls, using vulgar content to attract traffic.")
    assert [(f.check, f.zh[slice(*f.zh_spans[0])], f.en[slice(*f.en_spans[0])]) for f in flags] == \
        [("literal-term", "擦边球", "edge balls")]


def test_literal_sense_of_one_field_in_it_or_the_meaning_is_clean():
    assert run(EDGE, "Some livestreaming platforms skirt the rules, using vulgar content to attract "
                     "traffic.") == []
    assert run("乒乓球决赛中，她靠一个擦边球拿下关键分。",
               "In the table tennis final she won the key point with an edge ball.") == []


FANS = "平台将整治饭圈应援打榜乱象，保护未成年人。"


def test_character_borrowed_for_its_sound_rendered_by_its_meaning():
    # 饭圈 'fan club': 饭 is '(loanword) fan' here, and "rice" is its own meaning, the image of a pun
    flags = run(FANS, "The platform will tackle disorder in rice circles, such as vote-boosting for idols, to "
                      "protect minors.")
    assert [(f.check, f.zh[slice(*f.zh_spans[0])], f.en[slice(*f.en_spans[0])]) for f in flags] == \
        [("literal-term", "饭圈", "rice circles")]


def test_borrowed_character_rendered_by_the_borrowed_word_is_clean():
    assert run(FANS, "The platform will tackle disorder in fan circles, such as vote-boosting for idols, to "
                     "protect minors.") == []
    assert run(FANS, "The platform will tackle disorder among fan clubs, such as vote-boosting for idols, to "
                     "protect minors.") == []


def test_two_words_whose_second_takes_an_amount_are_no_calque():
    # 货值 'value': "goods worth" is a noun and the word that takes the amount, not a compound
    zh = "执法人员查获一批假冒化肥，涉案货值达80余万元。"
    assert run(zh, "Law enforcement officers seized a batch of counterfeit fertiliser, involving goods worth more "
                   "than 800,000 yuan.") == []


def test_a_numeral_and_a_unit_of_rank_are_no_figure():
    """(eighteenth session, a qa-probes-7 right rendering) 二级 'grade 2; category B': "level-two"
    renders a numeral and its unit of rank, as "level-one" does 一级; 一刀切 keeps its figure."""
    zh = "应急管理部门对一级、二级重大危险源实施重点监管。"
    assert run(zh, "Emergency management departments place level-one and level-two major hazard "
                   "installations under priority supervision.") == []
    assert literal_terms._ranked("二级") and not literal_terms._ranked("一刀")
