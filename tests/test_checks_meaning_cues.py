"""polarity, direction, modality and time-expression on real sentences, and the clause matcher.

Chinese sources are government and statistics prose (the 2020 National Bureau
of Statistics first-quarter release, the Budget Law, the State Council's
work reports) and the 学习时报 corpus; each true positive is the real English
with its meaning reversed, each clean negative the real English.  No embedder:
the checks read CC-CEDICT, jieba and their cue tables only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Pair
from qa.checks.direction import DIRECTION
from qa.checks.modality import MODALITY
from qa.checks.polarity import POLARITY
from qa.checks.time_expression import TIME_EXPRESSION
from qa.clause_match import match_clauses
from qa.meaning_cues import read_table
from qa.model import Check, Context

ROOT = Path(__file__).resolve().parent.parent


def flags(check: Check, zh: str, en: str):
    return check.run_all(Context([Pair(id=1, zh=zh, en=en)]))


def majors(check: Check, zh: str, en: str):
    return [f for f in flags(check, zh, en) if f.severity == "major"]


# --------------------------------------------------------------------------- clause matcher

BUDGET_ZH = "各级政府、各部门、各单位的支出必须以经批准的预算为依据，未列入预算的不得支出。"
BUDGET_EN = ("Expenditures of governments, departments and entities at all levels must be based on "
             "approved budgets; no expenditure may be made for items not included in the budgets.")


def test_clause_matcher_links_each_clause_to_its_rendering():
    pc = match_clauses(Pair(1, BUDGET_ZH, BUDGET_EN))
    assert len(pc.links) == 2
    first, second = pc.links
    assert first.confident and second.confident
    assert "must be based" in BUDGET_EN[slice(*first.en_span)]
    assert "no expenditure" in BUDGET_EN[slice(*second.en_span)]


def test_clause_matcher_one_clause_is_the_whole_sentence():
    pc = match_clauses(Pair(1, "他不得不离开北京。", "He had to leave Beijing, the city he loved."))
    assert pc.whole and pc.links[0].confident
    assert pc.links[0].en_span == (0, len("He had to leave Beijing, the city he loved."))


# --------------------------------------------------------------------------- polarity

def test_polarity_prohibition_rendered_as_allowed():
    zh = "严禁截留、挪用专项资金。"
    bad = majors(POLARITY, zh, "Retention and diversion of special funds is strictly allowed.")
    assert bad and "严禁" in bad[0].message and bad[0].zh[slice(*bad[0].zh_spans[0])] == "严禁"
    assert not flags(POLARITY, zh, "Withholding or diverting special funds is strictly prohibited.")


def test_polarity_not_reached_rendered_as_reached():
    zh = "部分地区的工作进展未达到预期。"
    assert majors(POLARITY, zh, "Work in some regions reached expectations.")
    assert not flags(POLARITY, zh, "Work in some regions fell short of expectations.")
    assert not flags(POLARITY, zh, "Work in some regions did not meet expectations.")


@pytest.mark.parametrize("zh,en", [
    ("未能按期完成任务。", "The task failed to be completed on time."),
    ("我们要不断提高人民生活水平。", "We must constantly raise people's living standards."),
    ("不仅要发展经济，而且要保护环境。", "We must develop the economy and also protect the environment."),
    ("他不得不离开北京。", "He had to leave Beijing."),
    ("这是一个非常重要的会议。", "This is a very important meeting."),
    ("无论遇到什么困难，我们都要坚持。", "Whatever difficulties we face, we will persevere."),
    ("未来五年，无人机产业将快速发展。", "In the next five years the drone industry will grow fast."),
    ("他毫不犹豫地答应了。", "He agreed without hesitation."),
    ("这种做法不合理。", "This practice is unreasonable."),
    ("发展不平衡问题仍然突出。", "The problem of imbalanced development remains prominent."),
    ("出口额不低于去年水平。", "Exports were no less than last year's level."),
    ("这并非偶然。", "This is not a coincidence."),
])
def test_polarity_tricky_negatives(zh, en):
    assert not flags(POLARITY, zh, en)


def test_polarity_english_negation_the_chinese_lacks():
    zh = "这种做法是合理的。"
    added = flags(POLARITY, zh, "This practice is not reasonable.")
    assert added and added[0].severity == "minor" and "'not'" in added[0].message
    assert not flags(POLARITY, zh, "This practice is reasonable.")
    # "not only" is no negation
    assert not flags(POLARITY, "既要发展经济，也要保护环境。",
                     "We must not only develop the economy but also protect the environment.")


# --------------------------------------------------------------------------- direction

NBS_ZH = "一季度国内生产总值206504亿元，按可比价格计算，同比下降6.8%。"
NBS_EN = ("China's gross domestic product was 20,650.4 billion yuan in the first quarter, "
          "down by 6.8 percent year on year at comparable prices.")


def test_direction_fall_rendered_as_increase():
    bad = majors(DIRECTION, NBS_ZH, NBS_EN.replace("down by 6.8 percent",
                                                   "a year-on-year increase of 6.8 percent")
                 .replace(" year on year at", " at"))
    assert bad and "下降" in bad[0].message and "increase" in bad[0].message
    assert "decrease of 6.8 percent" in bad[0].suggestion
    assert not flags(DIRECTION, NBS_ZH, NBS_EN)


@pytest.mark.parametrize("zh,en", [
    ("要降低企业成本。", "We will cut costs for businesses."),
    ("扩大内需是战略基点。", "Boosting domestic demand is a strategic priority."),
    ("经济增速放缓。", "Economic growth slowed."),
    ("城乡收入差距缩小。", "The income gap between urban and rural areas narrowed."),
    ("居民消费价格下降0.5%。", "Consumer prices fell by 0.5 percent."),
    ("失业率不高于5.5%。", "The unemployment rate will be no higher than 5.5 percent."),
    ("工业增加值同比增长3.9%。", "Industrial value added grew by 3.9 percent year on year."),
])
def test_direction_clean_negatives(zh, en):
    assert not flags(DIRECTION, zh, en)


# --------------------------------------------------------------------------- modality

def test_modality_obligation_rendered_as_permission():
    zh = "各级政府的支出必须以经批准的预算为依据。"
    bad = majors(MODALITY, zh, "Government expenditures at all levels may be based on approved budgets.")
    assert bad and "必须" in bad[0].message and "'may'" in bad[0].message
    assert not flags(MODALITY, zh, "Government expenditures at all levels must be based on approved budgets.")


def test_modality_prohibition_rendered_as_permission():
    zh = "任何单位和个人不得截留、挪用救灾款物。"
    assert majors(MODALITY, zh, "Any unit or individual may withhold or divert disaster relief funds.")
    assert not flags(MODALITY, zh, "No unit or individual may withhold or divert disaster relief funds.")


def test_modality_permission_rendered_as_obligation():
    zh = "申请人可以通过网上平台提交材料。"
    assert majors(MODALITY, zh, "Applicants must submit their materials through the online platform.")
    assert not flags(MODALITY, zh, "Applicants can submit their materials through the online platform.")
    # 可持续 "sustainable" is no permission
    assert not flags(MODALITY, "必须坚持可持续发展。", "We must pursue sustainable development.")


# --------------------------------------------------------------------------- time-expression

def test_time_second_half_rendered_as_first_half():
    zh = "下半年经济运行将继续恢复。"
    bad = majors(TIME_EXPRESSION, zh, "In the first half of the year the economy will keep recovering.")
    assert bad and "下半年" in bad[0].message and bad[0].en[slice(*bad[0].en_spans[0])] == "first half"
    assert not flags(TIME_EXPRESSION, zh, "In the second half of the year the economy will keep recovering.")


def test_time_as_of_rendered_as_since():
    zh = "截至6月底，全国累计建成5G基站41万个。"
    assert majors(TIME_EXPRESSION, zh, "Since the end of June, 410,000 5G base stations had been built.")
    assert not flags(TIME_EXPRESSION, zh, "By the end of June, 410,000 5G base stations had been built.")


def test_time_quarters_and_both_ends_of_the_year():
    assert majors(TIME_EXPRESSION, "二季度经济增长3.2%。", "The economy grew 3.2% in the third quarter.")
    assert not flags(TIME_EXPRESSION, "前三季度经济增长0.7%。",
                     "The economy grew 0.7% in the first three quarters.")
    assert not flags(TIME_EXPRESSION, "从年初到年底，价格基本稳定。",
                     "From the beginning to the end of the year, prices were basically stable.")


# --------------------------------------------------------------------------- tables

@pytest.mark.parametrize("name,columns", [("negators.tsv", 3), ("directions.tsv", 4),
                                          ("modals.tsv", 4), ("time_words.tsv", 4)])
def test_cue_tables_are_sourced_and_well_formed(name, columns):
    text = (ROOT / "qa" / "data" / name).read_text(encoding="utf-8")
    assert "Sources:" in text
    assert read_table(name, columns)


def test_bad_cue_table_is_a_clear_error():
    with pytest.raises(InputError, match="line 2"):
        read_table("negators.tsv", 3, ["# header", "zh\t不"])
