"""The blind probe set (corpora/qa-probes) is well formed, and bench/qa_probes.py reads all of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "corpora" / "qa-probes"
sys.path.insert(0, str(REPO / "bench"))

from qa_probes import CLASS_CHECKS, read_probes


def _lines(pattern: str) -> list[tuple[str, list[str]]]:
    return [(f"{p.name}:{n}", line.split("\t")) for p in sorted(FOLDER.glob(pattern))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)]


def test_probe_lines_are_whole_and_their_spans_occur() -> None:
    lines = _lines("w[0-9].tsv")
    assert len(lines) == 192
    for where, fields in lines:
        assert len(fields) == 6, where
        cls, zh, wrong, right, zh_span, en_span = fields
        assert cls in CLASS_CHECKS, where
        assert zh_span in zh and en_span in wrong and wrong != right, where


@pytest.mark.parametrize("pattern,width", [("w[0-9]-consistency.tsv", 5), ("w[0-9]-controls.tsv", 3)])
def test_document_and_control_lines_are_whole(pattern: str, width: int) -> None:
    lines = _lines(pattern)
    assert lines
    assert all(len(fields) == width for _, fields in lines)


def test_consistency_documents_repeat_their_term_three_times() -> None:
    probes, controls = read_probes(FOLDER)
    documents = [p for p in probes if p.cls == "term-consistency"]
    assert len(documents) == 12 and len(controls) == 48
    for doc in documents:
        assert sum(doc.note in zh for zh in doc.zh) >= 3, doc.source
        assert len({en for en in doc.right}) > 1 and doc.wrong != doc.right, doc.source
