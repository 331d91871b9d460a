"""Alternatives inside a prohibition are what it forbids, not an option it gives (modality; issue 15,
nineteenth session).  或者 "or" counts as a weak permission where it joins acts a clause offers
(退还或者赔偿 "return or compensate"); after 不得 it joins the acts forbidden (不得转让、出租或者出借),
and it hid the permission an English "are allowed to be transferred" says.  Sentences written for
these tests.
"""

from __future__ import annotations

from qa.checks.modality import MODALITY


def test_prohibited_alternatives_rendered_as_allowed():
    zh = "危险化学品经营许可证不得涂改、倒卖或者出租。"
    bad = MODALITY.run_pair(zh, "Hazardous chemical business licences are allowed to be altered, resold or leased.")
    assert bad and "不得" in bad[0].message and bad[0].severity == "major"
    assert not MODALITY.run_pair(zh, "Hazardous chemical business licences must not be altered, resold or leased.")


def test_offered_alternatives_still_give_an_option():
    zh = "消费者可以要求经营者退货或者更换。"
    assert not MODALITY.run_pair(zh, "Consumers may ask the business operator to take back or replace the goods.")


def test_prohibition_jieba_cut_before_a_place():
    # jieba cuts 不得到网吧上网 as 不 + 得到 "to obtain": it is 不得 + 到网吧 + 上网
    zh = "未成年人不得到营业性网吧上网，经营者应当在显著位置设置标志。"
    assert MODALITY.run_pair(zh, "Minors may go online at commercial internet cafés, and operators shall put up signs in "
                                 "conspicuous places.")
    assert not MODALITY.run_pair(zh, "Minors must not go online at commercial internet cafés, and operators shall put up signs "
                                     "in conspicuous places.")
