"""align/script.py: the one definition of what is Han and of full-width forms."""

from __future__ import annotations

from align.script import HAN, fullwidth_to_ascii, has_han


def test_han_covers_the_extensions_and_not_punctuation():
    # 㐀 (Ext A), 𠀀 (Ext B, where rare name characters live), 豈 (compatibility), 数
    assert all(HAN.match(c) for c in ("㐀", "𠀀", "豈", "数"))
    assert not any(has_han(c) for c in "。，、！？“”（）")


def test_one_fullwidth_table_for_the_aligner_and_the_numbers_check():
    text = "增长１２．５％，共３，０００家（ＡＩ）"
    assert fullwidth_to_ascii(text) == "增长12.5%,共3,000家(AI)"
    # the numbers check folds digits and number punctuation only: ， stays a list comma
    assert fullwidth_to_ascii(text, only="０１２３４５６７８９％．～－：") == "增长12.5%，共3，000家（ＡＩ）"
