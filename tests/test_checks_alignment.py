"""unaligned and low-confidence: a true positive and a clean negative each, on real text."""

from __future__ import annotations

from pathlib import Path

from align.model import Pair
from qa.checks import alignment
from qa.model import Context

DATA = Path(__file__).parent / "data" / "align"
ZH = (DATA / "xuexi_zh.txt").read_text(encoding="utf-8").splitlines()
EN = (DATA / "xuexi_en.txt").read_text(encoding="utf-8").splitlines()
# sentence 5 of the 学习时报 document and its English (a 1-1 bead of the hand-checked gold)
ZH5, EN5 = ZH[5], EN[5]


def _run(check_id: str, pair: Pair, **options) -> list:
    check = next(c for c in alignment.CHECKS if c.id == check_id)
    ctx = Context(pairs=[pair], options={check_id: options} if options else {})
    return check.run_all(ctx)


def test_unaligned_chinese_without_english_is_an_omission():
    flags = _run("unaligned", Pair(id=7, zh=ZH5, en=""))
    assert [(f.category, f.severity, f.zh_spans, f.en_spans) for f in flags] == [
        ("Accuracy/Omission", "major", ((0, len(ZH5)),), ())]
    assert flags[0].pair_id == 7 and ZH5[:20] in flags[0].message


def test_unaligned_english_without_chinese_is_an_addition():
    flags = _run("unaligned", Pair(id=8, zh="", en=EN5))
    assert [(f.category, f.severity, f.en_spans) for f in flags] == [
        ("Accuracy/Addition", "major", ((0, len(EN5)),))]


def test_unaligned_is_silent_on_a_translated_pair():
    assert _run("unaligned", Pair(id=5, zh=ZH5, en=EN5)) == []


def test_low_confidence_flags_a_doubtful_bead_only():
    doubtful = Pair(id=5, zh=ZH5, en=EN5, score=0.12)
    flags = _run("low-confidence", doubtful)
    assert [(f.check, f.severity, f.zh_spans, f.en_spans) for f in flags] == [
        ("low-confidence", "minor", ((0, len(ZH5)),), ((0, len(EN5)),))]
    assert "0.12" in flags[0].message
    assert _run("low-confidence", Pair(id=5, zh=ZH5, en=EN5, score=0.97)) == []
    assert _run("low-confidence", Pair(id=5, zh=ZH5, en=EN5)) == []  # imported pairs: no score
    # a 1-0 bead is the unaligned check's finding, whatever its confidence
    assert _run("low-confidence", Pair(id=5, zh=ZH5, en="", score=0.05)) == []


def test_low_confidence_threshold_is_an_option():
    pair = Pair(id=5, zh=ZH5, en=EN5, score=0.45)
    assert _run("low-confidence", pair) == []
    assert len(_run("low-confidence", pair, threshold=0.5)) == 1
