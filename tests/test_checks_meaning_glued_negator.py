"""A negator that jieba's guesser for unknown words glues to the word before it (polarity; issue 15,
nineteenth session).  In 其中3家未通过 jieba's HMM reads 家未 as one unknown word, so 未 was never
seen as a negation and "three of them passed" went unflagged.  Sentences written for these tests.
"""

from __future__ import annotations

from qa.checks.polarity import POLARITY


def test_negator_glued_to_a_measure_word():
    zh = "参加抽检的12批次产品中，其中2批未通过复检，已责令企业召回。"
    bad = POLARITY.run_pair(zh, "Of the 12 batches sampled, two passed the re-inspection, and the companies have been "
                                "ordered to recall them.")
    assert bad and "未" in bad[0].message
    assert not POLARITY.run_pair(zh, "Of the 12 batches sampled, two failed the re-inspection, and the companies have been "
                                     "ordered to recall them.")


def test_without_glued_to_a_noun():
    # 无证 "without a licence" is a jieba word CC-CEDICT lacks: 无 before a noun says "without" it
    zh = "卫生监督部门今年共取缔无证行医窝点26个。"
    bad = POLARITY.run_pair(zh, "This year health inspectors shut down 26 licensed medical practices.")
    assert bad and "无" in bad[0].message
    assert not POLARITY.run_pair(zh, "This year health inspectors shut down 26 unlicensed medical practices.")
