"""Edges, units and counts of a period that the time table read too loosely (issue 15, nineteenth session).

"End" rendered 年底 wherever it stood, so "by the end of the month" passed for 年底前; "first"
rendered 上旬 wherever it stood, so "the first list … late this month" passed for 本月上旬.  The
end of a month, week or quarter now contradicts 年底 (and the end of a year 月底); "first" and
"last" render 上旬 and 下旬 only before the days, weeks or part of the month they count.

True positives are the faithful English with the one time error; clean negatives the faithful
English.  The sentences are written for these tests in the register of work notices.
"""

from __future__ import annotations

import pytest

from qa.checks.time_expression import TIME_EXPRESSION

CASES = [
    ("各乡镇要在年底前完成农村危房改造任务。",
     "All townships are to complete the renovation of dilapidated rural housing by the end of the month.",
     "All townships are to complete the renovation of dilapidated rural housing by the end of the year.",
     "年底"),
    ("社保缴费基数调整工作须在月底前完成。",
     "Adjustments to social insurance contribution bases must be completed by the end of the year.",
     "Adjustments to social insurance contribution bases must be completed by the end of the month.",
     "月底"),
    ("首批惠企政策清单将于本月上旬发布。",
     "The first list of policies benefiting enterprises will be issued late this month.",
     "The first list of policies benefiting enterprises will be issued early this month.",
     "上旬"),
    ("最后一批新能源公交车将于本月下旬投入运营。",
     "The last batch of new-energy buses will go into service early this month.",
     "The last batch of new-energy buses will go into service late this month.",
     "下旬"),
]


def test_first_ten_days_still_render_the_first_third():
    zh = "新学期教材将于9月开学前的上旬全部配送到校。"
    assert not TIME_EXPRESSION.run_pair(zh, "Textbooks for the new term will all be delivered to schools in the first ten "
                                            "days of the month before classes begin in September.")


UNIT_CASES = [
    ("新版办事指南将于明年3月起正式施行。",
     "The new service guide will take effect from March this year.",
     "The new service guide will take effect from March next year.", "明年"),
    ("为方便通勤，公交专用道在工作日早高峰实行全封闭管理。",
     "To ease commuting, bus lanes are closed to other traffic during the weekday evening peak.",
     "To ease commuting, bus lanes are closed to other traffic during the weekday morning peak.", "早高峰"),
    ("申请人应当自收到通知之日起三个月内补正材料。",
     "Applicants shall supplement their materials within three weeks of receiving the notice.",
     "Applicants shall supplement their materials within three months of receiving the notice.", "三个月内"),
    ("全省职业技能大赛每两年举办一次。",
     "The provincial vocational skills competition is held twice a year.",
     "The provincial vocational skills competition is held every two years.", "每两年"),
    ("市统计局每三年对调查网点开展一次全面复核。",
     "The municipal statistics bureau carries out a full review of its survey points once a year.",
     "The municipal statistics bureau carries out a full review of its survey points once every three years.",
     "每三年"),
]


@pytest.mark.parametrize("zh,wrong,right,cue", CASES + UNIT_CASES, ids=[c[3] for c in CASES + UNIT_CASES])
def test_another_time_is_flagged(zh, wrong, right, cue):
    """The edge, the unit or the count of a period said as another: a major flag; the faithful
    English: none."""
    bad = TIME_EXPRESSION.run_pair(zh, wrong)
    assert bad and cue in bad[0].message and bad[0].severity == "major"
    assert not TIME_EXPRESSION.run_pair(zh, right)
