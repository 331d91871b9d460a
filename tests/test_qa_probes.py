"""The probe sets (corpora/qa-probes, -blind and -2 to -10) are well formed, and
bench/qa_probes.py reads all of each."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: each set: its folder, probe lines, term-consistency documents and controls
SETS = [(REPO / "corpora" / "qa-probes", 192, 12, 48), (REPO / "corpora" / "qa-probes-blind", 128, 8, 32)] + [
    (REPO / "corpora" / f"qa-probes-{n}", 128, 8, 32) for n in range(2, 11)]
sys.path.insert(0, str(REPO / "bench"))

from qa_probes import CLASS_CHECKS, read_probes


def _lines(folder: Path, suffix: str) -> list[tuple[str, list[str]]]:
    """The lines of every writer's ``w<N><suffix>`` file (w12 as well as w1)."""
    files = sorted(p for p in folder.iterdir() if re.fullmatch(rf"w\d+{re.escape(suffix)}", p.name))
    return [(f"{p.name}:{n}", line.split("\t")) for p in files
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)]


@pytest.mark.parametrize("folder,probes,documents,controls", SETS)
def test_probe_lines_are_whole_and_their_spans_occur(folder, probes, documents, controls) -> None:
    lines = _lines(folder, ".tsv")
    assert len(lines) == probes
    for where, fields in lines:
        assert len(fields) == 6, where
        cls, zh, wrong, right, zh_span, en_span = fields
        assert cls in CLASS_CHECKS, where
        assert zh_span in zh and en_span in wrong and wrong != right, where


@pytest.mark.parametrize("folder", [s[0] for s in SETS])
@pytest.mark.parametrize("suffix,width", [("-consistency.tsv", 5), ("-controls.tsv", 3)])
def test_document_and_control_lines_are_whole(folder: Path, suffix: str, width: int) -> None:
    lines = _lines(folder, suffix)
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
