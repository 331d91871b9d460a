"""A weak word of change with its size states the change (direction; issue 15, nineteenth session).

"Extend" alone is no evidence of a rise ("extend support"), so 缩短 rendered "extended by one third"
went unread; with the size of the change right after it ("by one third", "by 12%") it says a rise
as "rose by" does.  "By 2025" is a deadline, not a size.  Sentences written for these tests.
"""

from __future__ import annotations

from qa.checks.direction import DIRECTION


def test_shortened_rendered_extended_by_a_size():
    zh = "推行网上预审后，企业开办的平均时间缩短了一半。"
    bad = DIRECTION.run_pair(zh, "Since online pre-review was introduced, the average time needed to start a business has "
                                 "been extended by half.")
    assert bad and bad[0].severity == "major" and "缩短" in bad[0].message
    assert not DIRECTION.run_pair(zh, "Since online pre-review was introduced, the average time needed to start a business "
                                      "has been cut by half.")


def test_a_deadline_after_by_is_no_size():
    zh = "试点期限缩短，相关政策延续执行至2025年。"
    assert not DIRECTION.run_pair(zh, "The pilot period was shortened, and the related policies were extended by 2025.")


def test_doubled_with_the_aspect_particle_inside():
    # 翻了一番 is 翻一番 "to double" with 了 inside; it was not read at all
    zh = "今年全市新能源汽车保有量比上年翻了一番。"
    assert DIRECTION.run_pair(zh, "This year the number of new-energy vehicles in the city halved from the previous year.")
    assert not DIRECTION.run_pair(zh, "This year the number of new-energy vehicles in the city doubled from the previous year.")


def test_a_bound_on_the_figure_is_no_rival_of_the_change():
    # 超过50% is said by "over 50%": it no longer hides "raised" for 降价 in its clause
    zh = "集中带量采购后，中选耗材平均降价超过60%。"
    bad = DIRECTION.run_pair(zh, "After volume-based procurement, the prices of selected consumables were raised by over 60% "
                                 "on average.")
    assert bad and bad[0].severity == "major" and "降价" in bad[0].message
    assert not DIRECTION.run_pair(zh, "After volume-based procurement, the prices of selected consumables were cut by over 60% "
                                      "on average.")
