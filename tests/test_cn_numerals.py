"""Chinese numerals: zhen's own reader, checked against cn2an where it is installed."""

from __future__ import annotations

import random

import pytest

from align.cn_numerals import cn_int, cn_number, cn_numerals_to_digits

#: numerals as they occur in the corpora's policy text, with their values
CASES = [
    ("十八", 18),  # 十八大
    ("二十", 20),
    ("一百零五", 105),
    ("三百五", 350),  # colloquial short form
    ("一万二", 12000),
    ("两千", 2000),
    ("两万五", 25000),
    ("十万八千", 108000),
    ("二十万零三", 200003),
    ("一千零十", 1010),
    ("三千万", 30_000_000),
    ("一亿零五百万", 105_000_000),
    ("一万亿", 10**12),
    ("二〇二一", 2021),  # a year written digit by digit
    ("零", 0),
    ("一点五", 1.5),
    ("三点一四", 3.14),
    ("1.2亿", 120_000_000),
    ("3万", 30000),
    ("5千万", 50_000_000),
]

NOT_NUMBERS = ["", "万", "千万", "五万万", "三三十", "十百", "百", "点五", "十八大"]
#: cn2an reads these as 1 and 1.2; in text 一点 is "a little", never a number
STRICTER_THAN_CN2AN = ["一点", "一点两"]


@pytest.mark.parametrize("text,value", CASES)
def test_readings(text, value):
    got = cn_number(text)
    assert got == pytest.approx(value) and type(got) is type(value)


@pytest.mark.parametrize("text", NOT_NUMBERS + STRICTER_THAN_CN2AN)
def test_not_numbers(text):
    assert cn_number(text) is None


def test_agrees_with_cn2an_on_its_own_writing():
    """cn2an writes numbers (an2cn); our reader must read every one back."""
    cn2an = pytest.importorskip("cn2an")
    rng = random.Random(7)
    for _ in range(3000):
        n = rng.choice([rng.randrange(100), rng.randrange(10**5), rng.randrange(10**9),
                        rng.randrange(10**13)])
        text = cn2an.an2cn(str(n))
        assert cn_int(text) == n, text


@pytest.mark.parametrize("text", [t for t, _ in CASES] + NOT_NUMBERS[1:])
def test_agrees_with_cn2an_smart_mode(text):
    cn2an = pytest.importorskip("cn2an")
    try:
        ref = cn2an.cn2an(text, "smart")
    except ValueError:
        ref = None
    got = cn_number(text)
    assert (got is None) == (ref is None), text
    if ref is not None:
        assert got == pytest.approx(ref)


@pytest.mark.parametrize("text, digits", [
    ("党的十八大以来", "党的18大以来"),
    ("二〇二一年，我国数字经济规模进一步扩大", "2021年，我国数字经济规模进一步扩大"),
    ("二〇二三年二月二十八日", "2023年 february 28日"),
    ("（2023年12月）", "（2023年 december ）"),
    ("十二月一日", " december 一日"),  # a lone 一 is too often no number to read
    ("一方面，千万不要", "一方面，千万不要"),  # 千万 "by all means" is no amount
    ("一一对应", "一一对应"),  # bare digits without a unit are not read
    ("两千多家企业", "2000多家企业"),
])
def test_numerals_in_text_become_digits(text, digits):
    """The aligner's reading: years digit by digit, months by name, runs with a unit by value."""
    assert cn_numerals_to_digits(text) == digits
