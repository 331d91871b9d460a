"""A government named by its level alone given another level (institution; qa/government_level.py;
issue 15, nineteenth session).  Sentences written for these tests."""

from __future__ import annotations

from qa.checks.institutions import INSTITUTION
from qa.government_level import level_mismatches


def test_township_government_rendered_as_the_county_one():
    zh = "农村危房改造的具体实施由乡镇人民政府负责，住房城乡建设部门加强技术指导。"
    bad = INSTITUTION.run_pair(zh, "The county people's government is responsible for carrying out the renovation of dilapidated "
                                   "rural housing, with technical guidance from housing and urban-rural development departments.")
    assert bad and bad[0].severity == "major" and "乡镇人民政府" in bad[0].message
    assert not INSTITUTION.run_pair(zh, "Township people's governments are responsible for carrying out the renovation of "
                                        "dilapidated rural housing, with technical guidance from housing and urban-rural "
                                        "development departments.")


def test_a_named_place_and_a_level_said_elsewhere_are_not_read():
    # 杭州市政府 names Hangzhou, not the bare level; 县 named elsewhere may be the English county's
    assert not level_mismatches("杭州市政府昨日召开新闻发布会。", "The Hangzhou government held a press conference "
                                                        "yesterday.")
    assert not level_mismatches("县政府和乡镇政府共同推进。", "The county government and township governments "
                                                    "are pushing ahead together.")
