"""``zhen batch`` takes ``zhen check``'s output options and treats them alike (issue 16).

``--review-db`` (the dismissal memory, plus each input folder's own review.sqlite),
``--min-confidence``, ``--exclude-severity`` and ``--src-lang/--tgt-lang`` must reach a batch
input's files exactly as they reach ``zhen check``'s, and are part of what decides that
an input is complete: changing one, or dismissing another flag in a review, runs the
input again.  The memory is the first 12 pairs of the labelled corpus (real text with
injected errors) plus six repeated units, as a TSV.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from labelled_memory import write_tsv
from zhen_run import zhen_run

FORMATS = ("--formats", "tmx,jsonl,tsv,xliff")
OPTIONS = ("--src-lang", "zh-TW", "--tgt-lang", "en-GB", "--exclude-severity", "major",
           "--min-confidence", "0.3")


def _batch(memory: Path, out: Path, *options) -> dict:
    code, _, err = zhen_run("batch", memory, "-o", out, "-j", "1", *FORMATS, *options)
    assert code == 0, err
    with open(out / "summary.csv", encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    return row


def _dismiss_first_flag(folder: Path) -> None:
    """What a reviewer does in ``zhen review FOLDER``: mark a flag a false alarm."""
    from qa.review_app.store import ReviewStore

    store = ReviewStore.open(folder)
    try:
        store.set_verdict(store.flags()[0], "dismissed")
    finally:
        store.close()


@pytest.fixture(scope="module")
def memory(tmp_path_factory) -> Path:
    return write_tsv(tmp_path_factory.mktemp("options") / "tm.tsv", 12)


def test_batch_writes_what_check_writes_with_the_same_options(memory, tmp_path):
    first = _batch(memory, tmp_path / "batch", *OPTIONS)
    assert first["status"] == "ok" and "dismissed" not in first["mqm_signature"]
    reviewed = tmp_path / "reviewed"
    shutil.copytree(tmp_path / "batch" / "tm.tsv", reviewed)
    _dismiss_first_flag(reviewed)

    code, stdout, err = zhen_run("check", "--pairs", memory, "-o", tmp_path / "check", *FORMATS,
                              *OPTIONS, "--review-db", reviewed)
    assert code == 0, err
    row = _batch(memory, tmp_path / "batch", *OPTIONS, "--review-db", reviewed)
    assert row["status"] == "ok"  # a new --review-db: the input ran again
    assert int(row["flags"]) < int(first["flags"])
    signature = row["mqm_signature"]
    assert signature.endswith(f"|dismissed:{int(first['flags']) - int(row['flags'])}")
    assert f"  {signature}\n" in stdout  # the signature zhen check printed
    assert f"MQM = {float(row['mqm']):.2f}" in stdout
    # the notes zhen check prints under its summary are the row's notes
    notes = row["notes"].split(" | ")
    assert any("dismissed in review not raised" in n for n in notes)
    assert any("(--exclude-severity)" in n for n in notes)
    assert [n for n in notes if f"\n{n}\n" not in stdout] == [], stdout

    check, batch = tmp_path / "check", tmp_path / "batch" / "tm.tsv"
    for name in ("flags.jsonl", "pairs.tsv"):
        assert (batch / name).read_bytes() == (check / name).read_bytes(), name
    tmx = (batch / "aligned.tmx").read_text(encoding="utf-8")
    assert tmx.split("<body>")[1] == (check / "aligned.tmx").read_text(encoding="utf-8").split("<body>")[1]
    assert 'xml:lang="zh-TW"' in tmx and 'xml:lang="en-GB"' in tmx
    # --exclude-severity major left units with a major flag out of the TMX
    assert 0 < tmx.count("<tu ") < int(row["pairs"])
    xliff = (batch / "review.xlf").read_text(encoding="utf-8")
    assert 'source-language="zh-TW"' in xliff and 'target-language="en-GB"' in xliff


def test_changed_options_or_new_dismissals_run_an_input_again(memory, tmp_path):
    out = tmp_path / "batch"
    assert _batch(memory, out, *OPTIONS)["status"] == "ok"
    assert _batch(memory, out, *OPTIONS)["status"] == "skipped"
    lighter = (*OPTIONS[:4], "--exclude-severity", "critical", *OPTIONS[6:])
    assert _batch(memory, out, *lighter)["status"] == "ok"
    assert _batch(memory, out, "--src-lang", "zh-CN", *lighter[2:])["status"] == "ok"
    ran = _batch(memory, out, "--src-lang", "zh-CN", *lighter[2:])
    assert ran["status"] == "skipped"
    # a reviewer dismisses a flag in the input's own folder: learnt from on the next run
    _dismiss_first_flag(out / "tm.tsv")
    again = _batch(memory, out, "--src-lang", "zh-CN", *lighter[2:])
    assert again["status"] == "ok" and int(again["flags"]) < int(ran["flags"])
    assert "|dismissed:" in again["mqm_signature"]
    assert _batch(memory, out, "--src-lang", "zh-CN", *lighter[2:])["status"] == "skipped"


def test_bad_review_db_or_language_fails_once_before_any_work(memory, tmp_path):
    code, _, err = zhen_run("batch", memory, "-o", tmp_path / "b", "--review-db",
                         tmp_path / "missing.sqlite")
    assert code == 2 and "--review-db" in err and "no such review database" in err
    code, _, err = zhen_run("batch", memory, "-o", tmp_path / "b", "--tgt-lang", "fr-FR")
    assert code == 2 and "--tgt-lang fr-FR" in err
    code, _, err = zhen_run("batch", memory, "-o", tmp_path / "b", "--partition-pairs", "10",
                            "-j", "1")
    assert code == 2 and "--partition-pairs needs --jobs 2 or more, or --engine dask" in err
    assert not (tmp_path / "b").exists()
