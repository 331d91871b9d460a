"""The files ``zhen batch`` writes in OUTDIR: summary.csv, summary.json, summary.html.

One row per input in input order (CSV, JSON); the HTML page puts the worst
documents first, after the errors, under an inline SVG histogram of the
document scores.  Every file is written atomically; the HTML escapes every
value (file names and error messages come from strangers) and loads nothing.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.batch import BatchRow
from qa.score import quality_score


@dataclass(frozen=True)
class BatchTotals:
    """Counts by status and the word-weighted MQM over every scored input."""

    inputs: int
    status: dict[str, int]
    pairs: int
    penalty: float
    words: float
    mqm: float | None


def totals(rows: Sequence[BatchRow]) -> BatchTotals:
    scored = [r for r in rows if r.mqm is not None]
    penalty = sum(r.penalty or 0.0 for r in scored)
    words = sum(r.words or 0.0 for r in scored)
    return BatchTotals(
        inputs=len(rows), status=dict(Counter(r.status for r in rows)),
        pairs=sum(r.pairs or 0 for r in scored), penalty=penalty, words=words,
        mqm=round(quality_score(penalty, words), 4) if scored else None)


def summary_line(rows: Sequence[BatchRow], outdir: Path) -> str:
    t = totals(rows)
    status = ", ".join(f"{t.status.get(s, 0)} {s}" for s in ("ok", "skipped", "error"))
    mqm = f"batch MQM = {t.mqm:.2f} over {t.pairs} pairs" if t.mqm is not None else "no scores"
    return f"{t.inputs} inputs ({status}); {mqm}; wrote {outdir / 'summary.html'}"


def csv_text(rows: Sequence[BatchRow]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=BatchRow.columns(), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.record().items()})
    return buf.getvalue()


def json_text(rows: Sequence[BatchRow]) -> str:
    t = totals(rows)
    data = {"batch": {"inputs": t.inputs, "status": t.status, "pairs": t.pairs,
                      "penalty": t.penalty, "words": round(t.words, 4), "mqm": t.mqm},
            "rows": [r.record() for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def worst_first(rows: Sequence[BatchRow]) -> list[BatchRow]:
    """Errors first, then by ascending MQM, then inputs without a score."""
    def key(r: BatchRow):
        if r.status == "error":
            return (0, 0.0, r.input)
        if r.mqm is None:
            return (2, 0.0, r.input)
        return (1, r.mqm, r.input)
    return sorted(rows, key=key)


def histogram_svg(scores: Sequence[float], width: int = 520, height: int = 160) -> str:
    """Bars of document MQM scores in bins of 10 points (below 0 kept as one bin)."""
    if not scores:
        return "<p>No document was scored.</p>"
    low = min(0, math.floor(min(scores) / 10) * 10)
    edges = list(range(int(low), 100, 10))
    counts = [0] * len(edges)
    for s in scores:
        i = min(len(edges) - 1, max(0, int((s - low) // 10)))
        counts[i] += 1
    top = max(counts)
    bar_w = (width - 40) / len(edges)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 30}" '
             f'role="img" aria-label="histogram of document MQM scores">')]
    for i, (edge, n) in enumerate(zip(edges, counts)):
        h = (height - 20) * n / top
        x = 30 + i * bar_w
        y = height - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                     f'fill="#4a78b0"><title>{edge} to {edge + 10}: {n}</title></rect>')
        if n:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="11" '
                         f'text-anchor="middle">{n}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height + 14}" font-size="10" '
                     f'text-anchor="middle">{edge}</text>')
    parts.append(f'<text x="{width / 2:.0f}" y="{height + 28}" font-size="11" '
                 'text-anchor="middle">MQM score (bins of 10)</text></svg>')
    return "".join(parts)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return html.escape(str(value))


_HTML_COLUMNS = ("input", "kind", "status", "mqm", "pairs", "critical", "major", "minor",
                 "confidence", "qe", "bleu", "chrf", "error")


def html_text(rows: Sequence[BatchRow]) -> str:
    t = totals(rows)
    head = "".join(f"<th>{c}</th>" for c in _HTML_COLUMNS)
    body = []
    for r in worst_first(rows):
        rec = r.record()
        cells = []
        for c in _HTML_COLUMNS:
            text = _cell(rec[c])
            if c == "input" and r.mqm is not None:  # scored: its output folder exists
                text = f'<a href="{html.escape(r.output, quote=True)}/">{text}</a>'
            cells.append(f"<td>{text}</td>")
        body.append(f'<tr class="{html.escape(r.status)}">{"".join(cells)}</tr>')
    status = ", ".join(f"{n} {html.escape(s)}" for s, n in sorted(t.status.items()))
    mqm = f"{t.mqm:.2f}" if t.mqm is not None else "n/a"
    signature = next((r.mqm_signature for r in rows if r.mqm_signature), "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>zhen batch summary</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: 2px 6px; }}
tr.error td {{ background: #fde2e2; }} tr.skipped td {{ color: #555; }}
code {{ font-size: 85%; }}
</style></head><body>
<h1>zhen batch summary</h1>
<p>{t.inputs} inputs ({status}); batch MQM {mqm} over {t.pairs} pairs and {t.words:.0f} words
(word-weighted).</p>
{histogram_svg([r.mqm for r in rows if r.mqm is not None])}
<h2>Worst first</h2>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table>
<p><code>{html.escape(signature)}</code></p>
</body></html>
"""


def write_summary(rows: Sequence[BatchRow], outdir: Path) -> list[Path]:
    """Write the three summary files into ``outdir``, each atomically."""
    from qa.export.atomic import atomic_write_text

    outdir.mkdir(parents=True, exist_ok=True)
    texts = {"summary.csv": csv_text(rows), "summary.json": json_text(rows),
             "summary.html": html_text(rows)}
    for name, text in texts.items():
        atomic_write_text(outdir / name, text)
    return [outdir / n for n in texts]
