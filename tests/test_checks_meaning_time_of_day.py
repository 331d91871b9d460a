"""Time words the time table lacked until qa-probes-6 was read (issue 15, seventeenth session):
the time of day, the quarter before, the same day, working days, the eras of policy prose, and
"once" as a word of the after order.

Each row gets a true positive (the faithful English with the one time error a translator makes)
and a clean negative (the faithful English), in sentences written for these tests in the
register of bulletins, service notices and work reports.  No embedder: the check reads the time
table, jieba and the clause matcher's word evidence only.
"""

from __future__ import annotations

import pytest

from qa.checks.time_expression import TIME_EXPRESSION

CASES = [
    # the time of day: 凌晨 is before dawn, 上午 the morning, 晚上 the evening
    ("5月8日凌晨3时15分，该市东部发生3.2级地震，未造成人员伤亡。",
     "A magnitude 3.2 earthquake struck the east of the city at 3:15 p.m. on May 8, causing no casualties.",
     "A magnitude 3.2 earthquake struck the east of the city at 3:15 a.m. on May 8, causing no casualties.",
     "凌晨"),
    ("办税服务厅周日上午照常办理业务。",
     "The tax service hall is open as usual on Sunday afternoons.",
     "The tax service hall is open as usual on Sunday mornings.",
     "上午"),
    ("图书馆晚上开放至十点，方便读者下班后借阅。",
     "The library stays open until ten in the morning so that readers can borrow books after work.",
     "The library stays open until ten in the evening so that readers can borrow books after work.",
     "晚上"),
    # the quarter before is not the same quarter a year earlier (that is 同比)
    ("二季度全市网上办件量占比达68%，比上季度提高4个百分点。",
     ("In the second quarter, online applications made up 68% of the city's total, up 4 percentage points "
      "from the same quarter last year."),
     ("In the second quarter, online applications made up 68% of the city's total, up 4 percentage points "
      "from the previous quarter."),
     "上季度"),
    # the same day is not the next day
    ("申请材料齐全的，窗口当日办结。",
     "Where the application materials are complete, the counter completes the matter the next day.",
     "Where the application materials are complete, the counter completes the matter the same day.",
     "当日"),
    # working days are not calendar days
    ("不动产登记办理时限由10个工作日压缩至5个工作日。",
     "The time limit for real estate registration has been cut from 10 working days to five calendar days.",
     "The time limit for real estate registration has been cut from 10 working days to five working days.",
     "工作日"),
    # the eras of policy prose
    ("改革开放以来，我省外贸进出口总额增长了数百倍。",
     ("Since the founding of the People's Republic, the province's total foreign trade has grown several "
      "hundredfold."),
     "Since reform and opening up, the province's total foreign trade has grown several hundredfold.",
     "改革开放以来"),
    # "once" places its event before: 到来之前 is not "once … has arrived"
    ("各地要在汛期到来之前完成水库安全检查。",
     "All localities must complete safety inspections of reservoirs once the flood season has arrived.",
     "All localities must complete safety inspections of reservoirs before the flood season arrives.",
     "之前"),
    # (eighteenth session, read from qa-probes-7) 上一/下一 + a count noun of rounds, sessions, batches
    ("省审计厅将对上一轮审计发现问题的整改情况开展跟踪检查。",
     ("The provincial audit department will follow up on the rectification of problems found in the next "
      "round of audits."),
     ("The provincial audit department will follow up on the rectification of problems found in the previous "
      "round of audits."),
     "上一轮"),
    ("下一届全省运动会将于2027年在沿海城市举办。",
     "The previous provincial games will be held in a coastal city in 2027.",
     "The next provincial games will be held in a coastal city in 2027.",
     "下一届"),
]


@pytest.mark.parametrize("zh, wrong, right, cue", CASES, ids=[c[3] for c in CASES])
def test_the_other_time_is_flagged_and_the_right_one_is_not(zh, wrong, right, cue):
    found = TIME_EXPRESSION.run_pair(zh, wrong)
    assert found, "no time-expression flag"
    assert any(cue in zh[s:e] or zh[s:e] in cue for f in found for s, e in f.zh_spans)
    assert TIME_EXPRESSION.run_pair(zh, right) == []


def test_two_eras_named_together_excuse_each_other():
    """新中国成立特别是改革开放以来, a frequent frame: each era's English is the other's rendering."""
    zh = "新中国成立特别是改革开放以来，我国教育事业取得了历史性成就。"
    en = ("Since the founding of the People's Republic, and especially since reform and opening up, "
          "China's education has made historic achievements.")
    assert TIME_EXPRESSION.run_pair(zh, en) == []


def test_the_morning_and_the_afternoon_of_one_sentence_are_each_its_own():
    """上午…下午: each part of the day is said, so neither contradicts the other."""
    zh = "窗口上午9时至下午5时对外办公。"
    en = "The counters are open to the public from 9 a.m. to 5 p.m."
    assert TIME_EXPRESSION.run_pair(zh, en) == []
