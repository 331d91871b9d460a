"""Markup in cells (issue 13 item 9): checks read the text outside the
markup, and their flags keep the original texts with spans that fit them."""

from __future__ import annotations

from align.model import Pair
from qa.checks import all_checks
from qa.markup import MarkupViews, find_tags, plain_text
from qa.pipeline import run_checks
from qa.profile import Profile

# 学习时报 sentences as a CMS exports them: HTML in the English cell.
PENETRATION_ZH = "2021年我国产业数字化在农业、工业和服务业中的渗透率分别为10%、22%、43%。"
PENETRATION_EN = (
    "In 2021, the penetration rate of industrial digitalization in <b>agriculture</b>, industry "
    '&amp; services was <span class="num">10%</span>, 22% and 43% respectively.<br/>'
)
SIGNIFICANCE_ZH = "加快数字经济和实体经济深度融合意义重大。"
SIGNIFICANCE_EN = (
    "Accelerating the deeper integration of the <i>digital economy</i> and the real economy "
    "is of great significance</p>"
)


def test_plain_text_removes_tags_decodes_entities_and_maps_spans_back():
    plain = plain_text(PENETRATION_EN)
    assert plain.text == (
        "In 2021, the penetration rate of industrial digitalization in agriculture, industry "
        "& services was 10%, 22% and 43% respectively."
    )
    for word in ("agriculture", "&", "10%", "respectively."):
        start = plain.text.index(word)
        s, e = plain.span_back((start, start + len(word)))
        original = PENETRATION_EN[s:e]
        assert original == {"&": "&amp;"}.get(word, word)


def test_word_separating_tags_become_one_space():
    assert plain_text("Digital economy.<br/>Real economy.").text == "Digital economy. Real economy."
    assert plain_text("Digital economy. <br/>Real economy.").text == "Digital economy. Real economy."
    assert plain_text("the <b>digital</b> economy").text == "the digital economy"


def test_text_that_only_looks_like_markup_is_left_alone():
    for text in ("当x<y且y>z时", "if a<b and c>d", "R&D spending & growth", "AT&T;"):
        assert plain_text(text) is None, text
    assert find_tags("x < y > z") == []


def test_markup_raises_no_punctuation_or_spelling_flags():
    """On main: two 'closing quote has no opening quote' flags from
    class="num", 'num' as a misspelling and a missing full stop hidden by
    <br/>.  Now only the real missing stop of the second pair remains, and
    the tags check names the HTML the Chinese lacks."""
    pairs = [Pair(0, PENETRATION_ZH, PENETRATION_EN), Pair(1, SIGNIFICANCE_ZH, SIGNIFICANCE_EN)]
    flags = run_checks(pairs, all_checks(), Profile())
    assert {(f.pair_id, f.check) for f in flags} == {(0, "tags"), (1, "punctuation"), (1, "tags")}
    [stop] = [f for f in flags if f.check == "punctuation"]
    assert stop.en == SIGNIFICANCE_EN and stop.zh == SIGNIFICANCE_ZH
    assert [stop.en[s:e] for s, e in stop.en_spans] == ["significance"]
    for flag in flags:  # every flag carries the texts as the user gave them
        assert (flag.zh, flag.en) == (pairs[flag.pair_id].zh, pairs[flag.pair_id].en)


def test_views_leave_pairs_without_markup_untouched():
    pair = Pair(0, SIGNIFICANCE_ZH, "Accelerating the deeper integration is of great significance.")
    views = MarkupViews.of([pair])
    assert views.pairs[0] is pair and views.plain == {}


def test_markup_view_composes_with_the_traditional_view():
    """Markup removed, then Traditional read as Simplified: the idiom flag
    comes back with the text as written and its span on 九龍治水."""
    zh = "着眼于解决<b>“九龍治水”</b>困境,从根本上消解多重羁绊。"
    en = ("focus on solving the dilemma of “water control in Kowloon” and fundamentally "
          "eliminate multiple constraints.")
    checks = [c for c in all_checks() if c.id in ("idiom-literal", "tags")]
    flags = {f.check: f for f in run_checks([Pair(0, zh, en)], checks, Profile())}
    idiom = flags["idiom-literal"]
    assert idiom.zh == zh and [zh[s:e] for s, e in idiom.zh_spans] == ["九龍治水"]
    assert [zh[s:e] for s, e in flags["tags"].zh_spans] == ["<b>", "</b>"]
