"""The probe sets (corpora/qa-probes, corpora/qa-probes-blind) are well formed, and
bench/qa_probes.py reads all of each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: each set: its folder, probe lines, term-consistency documents and controls
SETS = [(REPO / "corpora" / "qa-probes", 192, 12, 48), (REPO / "corpora" / "qa-probes-blind", 128, 8, 32)]
sys.path.insert(0, str(REPO / "bench"))

from qa_probes import CLASS_CHECKS, read_probes


def _lines(folder: Path, pattern: str) -> list[tuple[str, list[str]]]:
    return [(f"{p.name}:{n}", line.split("\t")) for p in sorted(folder.glob(pattern))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)]


@pytest.mark.parametrize("folder,probes,documents,controls", SETS)
def test_probe_lines_are_whole_and_their_spans_occur(folder, probes, documents, controls) -> None:
    lines = _lines(folder, "w[0-9].tsv")
    assert len(lines) == probes
    for where, fields in lines:
        assert len(fields) == 6, where
        cls, zh, wrong, right, zh_span, en_span = fields
        assert cls in CLASS_CHECKS, where
        assert zh_span in zh and en_span in wrong and wrong != right, where


@pytest.mark.parametrize("folder", [s[0] for s in SETS])
@pytest.mark.parametrize("pattern,width", [("w[0-9]-consistency.tsv", 5), ("w[0-9]-controls.tsv", 3)])
def test_document_and_control_lines_are_whole(folder: Path, pattern: str, width: int) -> None:
    lines = _lines(folder, pattern)
    assert lines
    assert all(len(fields) == width for _, fields in lines)


@pytest.mark.parametrize("folder,probes,documents,controls", SETS)
def test_consistency_documents_repeat_their_term_three_times(folder, probes, documents, controls) -> None:
    read, read_controls = read_probes(folder)
    docs = [p for p in read if p.cls == "term-consistency"]
    assert len(docs) == documents and len(read_controls) == controls
    for doc in docs:
        assert sum(doc.note in zh for zh in doc.zh) >= 3, doc.source
        assert len({en for en in doc.right}) > 1 and doc.wrong != doc.right, doc.source
