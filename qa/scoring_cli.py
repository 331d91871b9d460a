"""What ``zhen score`` prints: batch MQM over check runs, and reference metrics."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from align.errors import InputError
from qa.outputs import FILES
from qa.run_folder import MARKER, RunMarker, read_marker


def read_lines(path: Path) -> list[str]:
    from align.decode import decode_bytes, normalize_text

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    text, _ = decode_bytes(data, str(path))
    return normalize_text(text).rstrip("\n").split("\n")


def _missing(name: str, marker: RunMarker | None) -> str:
    """Why a run folder cannot be scored; the run marker tells a run from a stranger."""
    if marker is None:
        return (f"not a `zhen check` output folder (no {name}, no {MARKER}; "
                "run zhen check with --formats including tsv,jsonl)")
    return (f"this `zhen check` run wrote only --formats {','.join(marker.formats)} (no {name}); "
            "run it again with --formats including tsv,jsonl")


def score_runs(runs: Sequence[Path], profile_path: Path | None, as_json: bool) -> str:
    from align.pairs_io import read_pairs
    from qa.checks import all_checks
    from qa.export.jsonl import read_flags_jsonl
    from qa.profile import load_profile
    from qa.score import MQMScore, Penalties

    profile = load_profile(profile_path, all_checks())
    scorer = MQMScore(Penalties(**profile.weights))
    docs, inputs = {}, {}
    for run in runs:
        pairs_file, flags_file = run / FILES["tsv"], run / FILES["jsonl"]
        marker = read_marker(run)
        for f in (pairs_file, flags_file):
            if not f.is_file():
                raise InputError(f"{run}: {_missing(f.name, marker)}")
        docs[str(run)] = scorer.corpus_score(read_pairs(pairs_file).pairs, read_flags_jsonl(flags_file))
        inputs[str(run)] = list(marker.inputs) if marker else []
    batch = scorer.batch_score(docs)
    if as_json:
        return json.dumps({
            "signature": batch.signature,
            "batch": {"score": round(batch.score, 2), "penalty": batch.penalty, "words": round(batch.words, 1)},
            "documents": {name: {"inputs": inputs[name], "score": round(d.score, 2), "penalty": d.penalty,
                                 "words": round(d.words, 1), "pairs": len(d.segments),
                                 "flags": dict(d.counts), "by_category": dict(d.by_category)}
                          for name, d in docs.items()},
        }, ensure_ascii=False, indent=1)
    width = max(len(n) for n in docs)
    lines = [f"{'document':{width}s}  pairs   words  penalty     MQM"]
    for name, d in docs.items():
        lines.append(f"{name:{width}s}  {len(d.segments):5d}  {d.words:6.0f}  {d.penalty:7g}  {d.score:6.2f}")
    lines.append(f"{'batch':{width}s}  {sum(len(d.segments) for d in docs.values()):5d}  "
                 f"{batch.words:6.0f}  {batch.penalty:7g}  {batch.score:6.2f}")
    lines.append(batch.signature)
    return "\n".join(lines)


def reference_report(hyp: Path, refs: Sequence[Path], as_json: bool) -> str:
    from qa.score import reference_metrics

    result = reference_metrics(read_lines(hyp), [read_lines(r) for r in refs])
    if as_json:
        return json.dumps(result.__dict__, indent=1)
    return "\n".join([f"BLEU = {result.bleu:.2f}  {result.bleu_signature}",
                      f"chrF = {result.chrf:.2f}  {result.chrf_signature}",
                      f"TER  = {result.ter:.2f}  {result.ter_signature}"])
