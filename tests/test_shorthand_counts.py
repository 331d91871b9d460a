"""shorthand: the ways an English rendering of a numbered abbreviation loses what it counts.

A numeral bare before a word that says an action (三 + 同时, 三 + 断), a hyphenated gloss ("cut-offs"),
a character's combining form ('micro-' of 微), a series echoed by its counts alone ("three-three"), a
four-character coinage rendered as a title-case name word by word, and a count of articles read as the
number of one article.  Sentences are our own; each true positive has a clean negative.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks import shorthand as sh
from qa.model import Context


def run(zh: str, en: str) -> list:
    pair = Pair(id=1, zh=zh, en=en)
    return sh.check_shorthand(pair, Context(pairs=[pair]))


def spans(flags: list) -> list[tuple[str, str]]:
    return [(f.zh[slice(*f.zh_spans[0])], f.en[slice(*f.en_spans[0])]) for f in flags]


FACTORY = "新建化工项目必须执行环保设施三同时要求，否则不得投产。"
STORM = "台风过境后，山区多个村庄出现三断，抢修队伍连夜进村。"
MEDIA = "报社坚持两微一端协同发布重大新闻。"
PRESS = "出版社实行三审三校，确保每本图书的编校质量。"
DATA = "各地要抓紧落实数据二十条，推动数据要素市场化配置。"


def test_numeral_bare_before_an_adverb_glossed_literally():
    flags = run(FACTORY, "New chemical projects must meet the three simultaneity requirements for environmental "
                         "facilities or they may not start production.")
    assert spans(flags) == [("三同时", "three simultaneity")]


def test_numeral_before_an_adverb_explained_is_clean():
    assert run(FACTORY, "New chemical projects must design, build and commission their environmental facilities "
                        "at the same time as the main works, or they may not start production.") == []
    # 两 before a verb is 'both': supply and demand both prosper
    assert run("节日期间旅游市场供需两旺，客流明显回升。",
               "During the holiday both supply and demand were brisk in the tourism market.") == []


def test_hyphenated_gloss_after_the_count():
    flags = run(STORM, "After the typhoon several mountain villages suffered the three cut-offs, and repair crews "
                       "went in overnight.")
    assert spans(flags) == [("三断", "three cut-offs")]
    assert run(STORM, "After the typhoon several mountain villages lost power, water and telecoms, and repair "
                      "crews went in overnight.") == []


def test_combining_form_of_a_counted_character():
    flags = run(MEDIA, "The newspaper releases major news jointly across the two micros and one end.")
    assert spans(flags) == [("两微一端", "two micros and one end")]
    assert run(MEDIA, "The newspaper releases major news jointly on Weibo, WeChat and its news app.") == []


def test_series_echoed_by_its_counts_alone():
    flags = run(PRESS, "The press applies a three-three check to ensure the editing quality of every book.")
    assert spans(flags) == [("三审三校", "three-three")]
    assert spans(run(PRESS, "The press applies a 3+3 check to ensure the editing quality of every book.")) == \
        [("三审三校", "3+3")]


def test_joined_counts_that_are_a_score_or_explained_are_clean():
    assert run("两队最终三比三战平。", "The two teams finally drew three-three.") == []
    assert run(PRESS, "The press applies a three-three check (three rounds of review and three of proofreading) "
                      "to ensure the editing quality of every book.") == []


def test_four_character_coinage_as_a_title_case_name():
    zh = "该省大力推进产学研用协同创新平台建设。"
    flags = run(zh, "The province is building Production Study Research Use collaborative innovation platforms.")
    assert spans(flags) == [("产学研用", "Production Study Research Use")]
    assert run(zh, "The province is building platforms where industry, academia, research institutes and users "
                   "innovate together.") == []
    # a three-character name word by word is often the name's own English
    assert run("州联委会主席出席会议。", "The chairman of the State Joint Committee attended the meeting.") == []


def test_count_of_articles_read_as_one_article():
    flags = run(DATA, "Localities should promptly implement Article 20 on data and promote the market-based "
                      "allocation of data.")
    assert spans(flags) == [("数据二十条", "Article 20")]
    assert run(DATA, "Localities should promptly implement the 20 measures on data and promote the market-based "
                     "allocation of data.") == []
    # 第二十条 is Article 20
    assert run("根据该条例第二十条，企业应当按时报送数据。",
               "Under Article 20 of the regulations, enterprises shall submit data on time.") == []


def test_english_prefix_glosses_the_counted_character():
    zh = "气象部门要强化三预服务，为防汛调度提供支撑。"
    flags = run(zh, "The weather service must strengthen its three pre-services to support flood control.")
    assert spans(flags) == [("三预", "three pre-services")]
    assert run(zh, "The weather service must strengthen forecasting, early warning and advance response services "
                   "to support flood control.") == []
