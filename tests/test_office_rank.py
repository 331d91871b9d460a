"""A deputy made the head, or a head made a deputy (qa/office_rank.py, in the `institution` check).

Our own sentences in the register of government news; each true positive is the right English
with 'deputy' dropped or added.  No embedder.
"""

from __future__ import annotations

import pytest

from qa.checks.institutions import INSTITUTION
from qa.office_rank import rank_mismatches


@pytest.mark.parametrize(("zh", "cue", "wrong", "right"), [
    pytest.param("市教育局副局长在会上通报了今年中考的安排。", "副局长",
                 "The director of the municipal education bureau briefed the meeting on this year's senior "
                 "high school entrance examinations.",
                 "The deputy director of the municipal education bureau briefed the meeting on this year's "
                 "senior high school entrance examinations.", id="deputy-as-head"),
    pytest.param("省科技厅厅长在发布会上介绍了科技成果转化的进展。", "厅长",
                 "The deputy director of the provincial science and technology department presented the "
                 "progress in commercialising research results at the press conference.",
                 "The director of the provincial science and technology department presented the progress "
                 "in commercialising research results at the press conference.", id="head-as-deputy"),
])
def test_a_changed_rank_is_flagged(zh: str, cue: str, wrong: str, right: str):
    found = INSTITUTION.run_pair(zh, wrong)
    assert [f.severity for f in found] == ["major"] and cue in found[0].message
    assert INSTITUTION.run_pair(zh, right) == []


def test_head_and_deputy_both_named_or_no_title_in_the_english_is_no_evidence():
    # 局长、副局长: the English may name the head for either; a paraphrase names no title
    assert rank_mismatches("局长、副局长分别带队检查。", "The director led one of the inspection teams.") == []
    assert rank_mismatches("县卫健局副局长带队检查。", "An official of the county health bureau led the inspection.") == []
    # NPC deputies (代表) are no deputy's rank; "vice versa" is none either
    assert rank_mismatches("人大代表和主任委员一同视察。", "Deputies and the committee chairman inspected together.") == []
