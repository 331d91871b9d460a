"""A single-file HTML report a translator can open or e-mail: inline CSS, no
scripts, no external assets, every piece of text escaped.

Flag spans are shown with ``<mark>`` in the pair's text; overlapping spans are
split at every boundary so marks never nest or cross, and each piece carries
the messages of all flags covering it in its ``title``.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import IO

from align.model import Pair
from qa.model import SEVERITIES, Flag, Span

from .shared import (
    document_flags,
    flag_line,
    flags_by_pair,
    tool_version,
    worst_severity,
    write_output,
    xml_safe,
)

CSS = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.text{white-space:pre-wrap;width:38%}
td.num{text-align:right;white-space:nowrap}
mark{padding:0 1px;border-radius:2px}
mark.minor{background:#fff3a0}mark.major{background:#ffc58a}mark.critical{background:#ff9a9a}
tr.critical td:first-child{border-left:4px solid #d00}
tr.major td:first-child{border-left:4px solid #e80}
tr.minor td:first-child{border-left:4px solid #cb0}
ul.flags{margin:0;padding-left:1.2em}
.score{font-size:1.3em;font-weight:bold}
.muted{color:#777}
"""


def highlight(text: str, marks: Sequence[tuple[Span, str, str]]) -> str:
    """Escaped ``text`` with ``<mark>`` around each (span, severity, message).

    Spans are clamped to the text; a piece covered by several flags is marked
    with the worst severity among them.
    """
    n = len(text)
    spans = [
        ((max(0, min(s, n)), max(0, min(e, n))), sev, msg) for (s, e), sev, msg in marks
    ]
    spans = [m for m in spans if m[0][0] < m[0][1]]
    cuts = sorted({0, n, *(p for (s, e), _, _ in spans for p in (s, e))})
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(xml_safe(text[start:end]))
        covering = [(sev, msg) for (s, e), sev, msg in spans if s <= start and end <= e]
        if covering:
            worst = max(
                (sev for sev, _ in covering),
                key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else -1,
            )
            title = escape(
                xml_safe("\n".join(dict.fromkeys(msg for _, msg in covering)))
            )
            out.append(f'<mark class="{escape(worst)}" title="{title}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _summary_table(flags: Sequence[Flag]) -> str:
    counts = Counter((f.category, f.severity) for f in flags)
    categories = sorted({c for c, _ in counts})
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    rows = []
    for cat in categories:
        cells = "".join(
            f'<td class="num">{counts.get((cat, s), 0) or ""}</td>' for s in SEVERITIES
        )
        total = sum(counts.get((cat, s), 0) for s in SEVERITIES)
        rows.append(
            f'<tr><td>{escape(cat)}</td>{cells}<td class="num">{total}</td></tr>'
        )
    totals = "".join(
        f'<td class="num">{sum(f.severity == s for f in flags)}</td>'
        for s in SEVERITIES
    )
    rows.append(f'<tr><th>total</th>{totals}<th class="num">{len(flags)}</th></tr>')
    return (
        f"<table><tr><th>category</th>{head}<th>total</th></tr>{''.join(rows)}</table>"
    )


def html_report(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    *,
    title: str = "zhen QA report",
    quality=None,
) -> str:
    """The report as a string; ``quality`` is a qa.score.DocumentScore (computed when omitted)."""
    flags = list(flags)
    if quality is None:
        from qa.score import MQMScore

        quality = MQMScore().corpus_score(pairs, flags)
    by_pair = flags_by_pair(flags)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        (
            f'<p><span class="score">MQM score {quality.score:.2f}</span> '
            f'<span class="muted">(penalty {quality.penalty:g} over {quality.words:.0f} '
            f"source-equivalent words; {escape(quality.signature)})</span></p>"
        ),
        (
            f"<p>{len(pairs)} pairs, {sum(1 for p in pairs if by_pair.get(p.id))} with flags, "
            f"{len(flags)} flags.</p>"
        ),
        "<h2>Flags by category and severity</h2>",
        _summary_table(flags),
    ]
    doc = document_flags(flags)
    doc_index = {id(f): i for i, f in enumerate(doc)}
    if doc:
        items = "".join(
            f'<li id="d{i}">{escape(xml_safe(flag_line(f)))}'
            + (
                ' <span class="muted">pairs '
                + ", ".join(f'<a href="#p{pid}">{pid}</a>' for pid in f.pair_ids)
                + "</span>"
                if f.pair_ids
                else ""
            )
            + "</li>"
            for i, f in enumerate(doc)
        )
        parts += ["<h2>Document-level flags</h2>", f'<ul class="flags">{items}</ul>']
    parts += [
        "<h2>Pairs</h2>",
        "<table><tr><th>#</th><th>中文</th><th>English</th><th>conf.</th><th>qe</th><th>flags</th></tr>",
    ]
    for p in pairs:
        own = by_pair.get(p.id, [])
        spans_zh = [
            (s, f.severity, flag_line(f))
            for f in own
            if f.pair_id == p.id
            for s in f.zh_spans
        ]
        spans_en = [
            (s, f.severity, flag_line(f))
            for f in own
            if f.pair_id == p.id
            for s in f.en_spans
        ]
        # a document-level flag is spelled out once above; a pair only points to it
        flag_items = "".join(
            f"<li>{escape(xml_safe(flag_line(f)))}</li>"
            if f.pair_id == p.id
            else f'<li><a href="#d{doc_index[id(f)]}">[{escape(f.severity)}] {escape(f.check)}: '
            f"see document-level flags</a></li>"
            for f in own
        )
        conf = "" if p.score is None else f"{p.score:.2f}"
        row_class = f' class="{worst_severity(own)}"' if own else ""
        parts.append(
            f'<tr{row_class} id="p{p.id}"><td class="num">{p.id}</td>'
            f'<td class="text" lang="zh-CN">{highlight(p.zh, spans_zh)}</td>'
            f'<td class="text" lang="en">{highlight(p.en, spans_en)}</td>'
            f'<td class="num">{conf}</td>'
            f'<td class="num">{"" if p.qe is None else f"{p.qe:.0f}"}</td>'
            f"<td>{f'<ul class=flags>{flag_items}</ul>' if own else ''}</td></tr>"
        )
    parts += [
        "</table>",
        f'<p class="muted">Generated by zhen {escape(tool_version())}.</p>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_html_report(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    title: str = "zhen QA report",
    quality=None,
) -> None:
    """Write the self-contained HTML report (a path is written atomically)."""
    write_output(
        html_report(pairs, flags, title=title, quality=quality).encode("utf-8"),
        path_or_file,
    )
