"""Checks run in chunks of pairs give the flags, scores and files of one chunk (issue 16).

``zhen check --pairs`` checks a memory a chunk of pairs at a time so that peak memory
does not grow with the memory; these tests hold the outputs of small chunks byte for byte
equal to those of the whole memory as one chunk, on the labelled corpus (94 real pairs with
injected errors, plus repeated units so that the document-wide checks see pairs from
different chunks), read as a TSV and as a TMX with bad units.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from labelled_memory import corpus_pairs, write_tmx, write_tsv

from align.embed import load_embedder
from qa.checks import all_checks
from qa.outputs import write_outputs
from qa.pipeline import check_input
from qa.profile import load_profile


@pytest.fixture(scope="module")
def embedder():
    return load_embedder(None)


def _run(memory: Path, out: Path, embedder, chunk_size: int | None, seen: list | None = None):
    checks = all_checks()
    report = check_input(memory, None, pairs_mode=True, presegmented=False, checks=checks,
                         profile=load_profile(None, checks), resources={},
                         embedder=lambda: embedder, chunk_size=chunk_size,
                         on_pairs_input=seen.append if seen is not None else None)
    write_outputs(report, out, ["jsonl", "tsv", "tmx"])
    return report


@pytest.fixture(scope="module")
def runs(tmp_path_factory, embedder):
    """The TMX memory (with bad units) checked as one chunk and in chunks of 7 pairs."""
    tmp = tmp_path_factory.mktemp("chunks")
    memory = write_tmx(tmp / "memory.tmx")
    seen: list = []
    whole = _run(memory, tmp / "whole", embedder, None)
    chunked = _run(memory, tmp / "chunked", embedder, 7, seen)
    return tmp, whole, chunked, seen[0]


def test_small_chunks_write_the_files_of_one_chunk(runs):
    tmp, whole, chunked, _ = runs
    checks = {f.check for f in whole.flags}
    # the corpus exercises chunked pair-local checks and document-wide ones alike
    assert {"omission", "numbers", "repetition-duplicate"} <= checks, checks
    assert len(whole.flags) > 50
    assert chunked.flags == whole.flags
    assert [p.qe for p in chunked.pairs] == [p.qe for p in whole.pairs]
    for name in ("flags.jsonl", "pairs.tsv", "aligned.tmx"):
        a, b = (tmp / "whole" / name).read_bytes(), (tmp / "chunked" / name).read_bytes()
        if name == "aligned.tmx":  # the header carries the creation time
            a, b = (x.split(b"<body>", 1)[1] for x in (a, b))
        assert a == b, name


def test_tsv_memory_in_chunks_gives_the_flags_of_one_chunk(tmp_path, embedder):
    """The first 40 pairs as a TSV memory (no unit ids), in chunks of 11 pairs (kept short:
    the TMX test above already covers the whole memory)."""
    memory = write_tsv(tmp_path / "memory.tsv", 40)
    _run(memory, tmp_path / "whole", embedder, None)
    _run(memory, tmp_path / "chunked", embedder, 11)
    whole = (tmp_path / "whole" / "flags.jsonl").read_bytes()
    assert whole.count(b"\n") > 15
    assert (tmp_path / "chunked" / "flags.jsonl").read_bytes() == whole


def test_tmx_with_bad_units_streams_with_warnings_and_counts(runs, capsys):
    from qa.cli import _report_input_changes

    _, _, report, read = runs
    good = len(corpus_pairs())
    assert len(report.pairs) == good and read.units == good + 2
    assert [(s.unit_id, s.reason) for s in report.skipped] == [
        ("bad-lang", "no Chinese or English variant (xml:lang de-DE, fr-FR)"),
        ("bad-empty", "its segments are empty"),
    ]
    assert [p.unit_id for p in report.pairs][4:7] == ["u4", "u5", "u6"]
    _report_input_changes(read)
    assert capsys.readouterr().err.splitlines() == [
        "zhen: skipped unit bad-lang: no Chinese or English variant (xml:lang de-DE, fr-FR)",
        "zhen: skipped unit bad-empty: its segments are empty",
    ]
