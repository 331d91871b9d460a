"""A single-file HTML report a translator can open or e-mail, that stays usable at 10,000 pairs.

One file, no network: inline CSS, a small hand-written script (qa/export/report.js,
inlined), and inline SVG plots drawn here.  The pairs travel as JSON in a
``<script type="application/json">`` block (every ``<``, ``>`` and ``&`` escaped, so a
``</script>`` in a translation cannot end it); the script builds one page of rows at
a time with ``textContent`` only, so document text is never parsed as HTML.  That is
what keeps a 10,000-pair report fast: the browser lays out 200 rows, not 10,000.

Flag spans are precomputed here as pieces of text: overlapping spans are split at
every boundary so marks never nest or cross, and each marked piece names the flags
covering it (its tooltip lists their messages).
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import IO

from align.model import Pair
from qa.model import SEVERITIES, Flag, Span

from .shared import (
    Content,
    document_flags,
    flag_line,
    flags_by_pair,
    stream_output,
    tool_version,
    worst_severity,
    xml_safe,
)

#: beads whose posterior confidence is below this show on the document strip: the
#: aligner thought them more likely wrong than right
STRIP_CONFIDENCE = 0.5
#: the flagged-pairs-only toggle starts on above this many pairs
FLAGGED_ONLY_ABOVE = 50
#: width of the SVG plots in user units; the strip has one mark per unit at most
STRIP_WIDTH = 1000

CSS = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em 2em;color:#222}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.4em 0 .4em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
#pairs{table-layout:fixed}
#pairs col.n{width:4em}#pairs col.c{width:4.5em}#pairs col.f{width:24%}
td.text{white-space:pre-wrap;overflow-wrap:anywhere}
td.num{text-align:right;white-space:nowrap}
mark{padding:0 1px;border-radius:2px}
mark.minor{background:#fff3a0}mark.major{background:#ffc58a}mark.critical{background:#ff9a9a}
tr.critical td:first-child{border-left:4px solid #d00}
tr.major td:first-child{border-left:4px solid #e80}
tr.minor td:first-child{border-left:4px solid #cb0}
tr.heading td.text{font-weight:600}
tr.target td{background:#eef4ff}
ul.flags{margin:0;padding-left:1.2em}
li.off{color:#999}
.score{font-size:1.3em;font-weight:bold}
.muted{color:#777}
.plots{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
.plot{flex:1 1 420px;min-width:320px}
.plot svg{display:block;width:100%}
.strip-axis{display:flex;justify-content:space-between;font-size:12px;color:#777}
.s-minor{fill:#e0b800}.s-major{fill:#f08c00}.s-critical{fill:#d00}.s-low{fill:#3b6fd8}
svg text{font-size:12px;fill:#333}
svg a:hover rect{stroke:#000;stroke-width:1}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:-1px}
.legend .minor{background:#e0b800}.legend .major{background:#f08c00}
.legend .critical{background:#d00}.legend .low{background:#3b6fd8}
#controls{position:sticky;top:0;z-index:1;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;
display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
#controls label{white-space:nowrap}
#controls input[type=search]{width:16em}
#status{margin:.5em 0}
.pager button{margin:0 .2em}
"""


def mark_pieces(text: str, marks: Sequence[tuple[Span, int]],
                severity_of: Sequence[int]) -> list[list]:
    """``text`` cut into pieces at every span boundary: ``[piece]`` unmarked, or
    ``[piece, worst severity index, [flag indices]]`` where flags cover it.

    ``marks`` are (span, flag index); spans are clamped to the text and empty
    ones dropped; ``severity_of[k]`` is flag k's severity index.  Pieces are
    made XML-safe after cutting, so the spans still point at the right text.
    """
    n = len(text)
    spans = [((max(0, min(s, n)), max(0, min(e, n))), k) for (s, e), k in marks]
    spans = [m for m in spans if m[0][0] < m[0][1]]
    if not spans:  # most pairs of a long document
        return [[xml_safe(text)]]
    cuts = sorted({0, n, *(p for (s, e), _ in spans for p in (s, e))})
    out: list[list] = []
    for start, end in itertools.pairwise(cuts):
        piece = xml_safe(text[start:end])
        covering = list(dict.fromkeys(k for (s, e), k in spans if s <= start and end <= e))
        if covering:
            out.append([piece, max(severity_of[k] for k in covering), covering])
        elif out and len(out[-1]) == 1:
            out[-1][0] += piece
        else:
            out.append([piece])
    return out


def _severity_index(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


def _finite(x: float | None) -> float | None:
    """``x``, or None for a missing or non-finite number (JSON has no NaN)."""
    return x if x is not None and math.isfinite(x) else None


def pair_rows(pairs: Sequence[Pair], flags: Sequence[Flag]) -> Iterator[dict]:
    """The report script's row of each pair, one at a time: its marked pieces, scores and
    the indices (into ``flags``) of its flags.  A generator, so the writer holds one row,
    not a second copy of a 100,000-pair memory."""
    index = {id(f): k for k, f in enumerate(flags)}
    severity_of = [_severity_index(f.severity) for f in flags]
    by_pair = flags_by_pair(flags)
    for p in pairs:
        own = by_pair.get(p.id, [])
        mine = [f for f in own if f.pair_id == p.id]
        row = {
            "i": p.id,
            "z": mark_pieces(p.zh, [(s, index[id(f)]) for f in mine for s in f.zh_spans],
                             severity_of),
            "e": mark_pieces(p.en, [(s, index[id(f)]) for f in mine for s in f.en_spans],
                             severity_of),
            "c": _finite(p.score),
            "q": _finite(p.qe),
            "f": [index[id(f)] for f in own],
        }
        if p.heading:
            row["h"] = 1
        yield row


def _flag_rows(flags: Sequence[Flag]) -> list[dict]:
    return [{"k": f.check, "g": f.category, "s": _severity_index(f.severity),
             "t": xml_safe(flag_line(f)), "d": f.pair_id is None} for f in flags]


def _flagged_only(pairs: Sequence[Pair], flags: Sequence[Flag]) -> bool:
    return len(pairs) > FLAGGED_ONLY_ABOVE and bool(flags)


def report_data(pairs: Sequence[Pair], flags: Sequence[Flag]) -> dict:
    """What the report's script reads, as one object: flags once, pairs with their marked
    pieces (the writer streams the same JSON a row at a time: :func:`report_json_parts`)."""
    return {"sev": list(SEVERITIES), "flags": _flag_rows(flags),
            "pairs": list(pair_rows(pairs, flags)), "flaggedOnly": _flagged_only(pairs, flags)}


def report_json_parts(pairs: Sequence[Pair], flags: Sequence[Flag]) -> Iterator[str]:
    """``script_json(report_data(pairs, flags))``, the same characters, in pieces of one pair
    row each, so the object is never held whole."""
    head = script_json({"sev": list(SEVERITIES), "flags": _flag_rows(flags)})
    yield head[:-1] + ',"pairs":['
    for n, row in enumerate(pair_rows(pairs, flags)):
        yield ("," if n else "") + script_json(row)
    yield '],"flaggedOnly":' + script_json(_flagged_only(pairs, flags)) + "}"


def script_json(data: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survives, so
    neither ``</script>`` nor ``<!--`` in a translation can end or change the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def category_plot(flags: Sequence[Flag]) -> str:
    """Flags per category, one bar per category stacked by severity; each segment
    is a link that filters the table to that category and severity."""
    counts = Counter((f.category, f.severity) for f in flags)
    totals = Counter(f.category for f in flags)
    if not totals:
        return '<p class="muted">No flags.</p>'
    cats = sorted(totals, key=lambda c: (-totals[c], c))
    label_w, bar_w, row_h = 230, 330, 20
    scale = bar_w / max(totals.values())
    height = row_h * len(cats) + 4
    out = [(f'<svg id="cat-plot" viewBox="0 0 {label_w + bar_w + 50} {height}" '
            f'height="{height}" role="img" aria-label="flags per category and severity">')]
    for r, cat in enumerate(cats):
        y = 2 + r * row_h
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">'
                   f"{escape(xml_safe(cat))}</text>")
        x = float(label_w)
        for s, sev in enumerate(SEVERITIES):
            n = counts.get((cat, sev), 0)
            if not n:
                continue
            w = max(1.5, n * scale)
            out.append(
                f'<a href="#controls" data-cat="{escape(xml_safe(cat))}" data-sev="{s}">'
                f'<rect class="s-{sev}" x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row_h - 5}">'
                f"<title>{escape(xml_safe(cat))}, {sev}: {n}</title></rect></a>")
            x += w
        out.append(f'<text x="{x + 5:.1f}" y="{y + 14}">{totals[cat]}</text>')
    out.append("</svg>")
    return "".join(out)


def _bins(n: int, width: int) -> list[range]:
    """Pair positions per mark: one pair each when they fit, else one unit of width each."""
    if n <= width:
        return [range(i, i + 1) for i in range(n)]
    return [range(b * n // width, (b + 1) * n // width) for b in range(width)]


def document_strip(pairs: Sequence[Pair], flags: Sequence[Flag]) -> str:
    """The document left to right: flagged pairs (top lane, by worst severity) and
    doubtful beads (bottom lane, darker when less sure); every mark links to its pair.

    Above ``STRIP_WIDTH`` pairs, neighbours share a mark, which links to the worst
    (or least sure) pair among them, so the SVG stays small for any document.
    """
    by_pair = flags_by_pair(flags)
    n = len(pairs)
    if not n:
        return ""
    bins = _bins(n, STRIP_WIDTH)
    unit = STRIP_WIDTH / len(bins)
    w = max(1.0, unit * 0.8)
    out = [(f'<svg id="strip" viewBox="0 0 {STRIP_WIDTH} 44" height="44" '
            'preserveAspectRatio="none" role="img" '
            'aria-label="where flags and doubtful beads sit in the document">'),
           f'<rect x="0" y="21" width="{STRIP_WIDTH}" height="1" fill="#ccc"/>']
    for b, positions in enumerate(bins):
        x = b * unit
        flagged = [(pairs[i], worst_severity(by_pair[pairs[i].id]))
                   for i in positions if by_pair.get(pairs[i].id)]
        if flagged:
            top, sev = max(flagged, key=lambda ps: SEVERITIES.index(ps[1]))
            many = f"{len(flagged)} flagged pairs from {pairs[positions[0]].id}; worst: " \
                if len(flagged) > 1 else ""
            out.append(f'<a href="#p{top.id}"><rect class="s-{sev}" x="{x:.2f}" y="2" '
                       f'width="{w:.2f}" height="18"><title>{many}pair {top.id}: '
                       f'{len(by_pair[top.id])} flag(s), worst {sev}</title></rect></a>')
        doubtful = [pairs[i] for i in positions
                    if pairs[i].score is not None and pairs[i].score < STRIP_CONFIDENCE]
        if doubtful:
            low = min(doubtful, key=lambda p: p.score)
            shade = 0.35 + 0.65 * (STRIP_CONFIDENCE - low.score) / STRIP_CONFIDENCE
            out.append(f'<a href="#p{low.id}"><rect class="s-low" x="{x:.2f}" y="24" '
                       f'width="{w:.2f}" height="18" fill-opacity="{shade:.2f}"><title>pair '
                       f'{low.id}: alignment confidence {low.score:.2f}</title></rect></a>')
    out.append("</svg>")
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
            f'<tr><td>{escape(xml_safe(cat))}</td>{cells}<td class="num">{total}</td></tr>'
        )
    totals = "".join(
        f'<td class="num">{sum(f.severity == s for f in flags)}</td>'
        for s in SEVERITIES
    )
    rows.append(f'<tr><th>total</th>{totals}<th class="num">{len(flags)}</th></tr>')
    return (
        f"<table><tr><th>category</th>{head}<th>total</th></tr>{''.join(rows)}</table>"
    )


@lru_cache(maxsize=1)
def report_script() -> str:
    """The report's script (qa/export/report.js), read once per process."""
    return files("qa.export").joinpath("report.js").read_text(encoding="utf-8")


def _options(values: Iterable[str]) -> str:
    return "".join(f'<option value="{escape(xml_safe(v))}">{escape(xml_safe(v))}</option>'
                   for v in values)


def _controls(flags: Sequence[Flag], pairs: Sequence[Pair]) -> str:
    sev_boxes = "".join(f'<label><input type="checkbox" class="sev" value="{s}" checked> {s}</label>'
                        for s in SEVERITIES)
    sorts = [("pos", "position"), ("sev", "severity"), ("conf", "confidence (lowest first)")]
    if any(p.qe is not None for p in pairs):
        sorts.append(("qe", "qe (lowest first)"))
    sort_opts = "".join(f'<option value="{v}">{t}</option>' for v, t in sorts)
    return (
        '<div id="controls">'
        '<label><input type="checkbox" id="flagged"> flagged pairs only</label>'
        f"<span>{sev_boxes}</span>"
        '<label>category <select id="cat"><option value="">all</option>'
        f"{_options(sorted({f.category for f in flags}))}</select></label>"
        '<label>check <select id="chk"><option value="">all</option>'
        f"{_options(sorted({f.check for f in flags}))}</select></label>"
        '<label>search <input type="search" id="q" placeholder="中文 or English"></label>'
        f'<label>sort by <select id="sort">{sort_opts}</select></label>'
        '<span class="muted">keys: n / p = next / previous flagged pair</span>'
        "</div>"
    )


def html_parts(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    *,
    title: str = "zhen QA report",
    quality=None,
) -> Iterator[str]:
    """The report in pieces, in order (the pair data one row a piece); ``quality`` is a
    qa.score.DocumentScore (computed when omitted)."""
    flags = list(flags)
    if quality is None:
        from qa.score import MQMScore

        quality = MQMScore().corpus_score(pairs, flags)
    by_pair = flags_by_pair(flags)
    has_conf = any(p.score is not None for p in pairs)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{escape(xml_safe(title))}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(xml_safe(title))}</h1>",
        (
            f'<p><span class="score">MQM score {quality.score:.2f}</span> '
            f'<span class="muted">(penalty {quality.penalty:g} over {quality.words:.0f} '
            f"source-equivalent words; {escape(quality.signature)})</span></p>"
        ),
        (
            f"<p>{len(pairs)} pairs, {sum(1 for p in pairs if by_pair.get(p.id))} with flags, "
            f"{len(flags)} flags.</p>"
        ),
        '<div class="plots"><div class="plot"><h2>Flags by category and severity</h2>',
        category_plot(flags),
        '<p class="legend muted">' + "".join(f'<span class="{s}"></span>{s}' for s in SEVERITIES)
        + " &middot; click a bar to filter the pairs</p>",
        f"<details><summary>as a table</summary>{_summary_table(flags)}</details></div>",
        '<div class="plot"><h2>Where they are</h2>',
        document_strip(pairs, flags),
        (f'<div class="strip-axis"><span>pair {pairs[0].id if pairs else ""}</span>'
         f'<span>pair {pairs[-1].id if pairs else ""}</span></div>'),
        '<p class="legend muted">top: flagged pairs by worst severity'
        + (f'; bottom: <span class="low"></span>alignment confidence below {STRIP_CONFIDENCE:g}'
           if has_conf else "")
        + ". Each mark links to its pair.</p></div></div>",
    ]
    doc = document_flags(flags)
    if doc:
        doc_ids = {id(f): k for k, f in enumerate(flags)}
        items = "".join(
            f'<li id="d{doc_ids[id(f)]}">{escape(xml_safe(flag_line(f)))}'
            + (
                ' <span class="muted">pairs '
                + ", ".join(f'<a href="#p{pid}">{pid}</a>' for pid in f.pair_ids)
                + "</span>"
                if f.pair_ids
                else ""
            )
            + "</li>"
            for f in doc
        )
        parts += ["<h2>Document-level flags</h2>", f'<ul class="flags">{items}</ul>']
    parts += [
        "<h2>Pairs</h2>",
        _controls(flags, pairs),
        '<p id="status"></p>',
        ("<noscript><p>The pair table is drawn by the page's own script; with scripts off, "
         "read flags.jsonl or review.xlsx from the same folder.</p></noscript>"),
        '<table id="pairs"><colgroup><col class="n"><col><col>'
        + ('<col class="c">' if has_conf else "")
        + ('<col class="c">' if any(p.qe is not None for p in pairs) else "")
        + '<col class="f"></colgroup><thead><tr><th>#</th><th>中文</th><th>English</th>'
        + ("<th>conf.</th>" if has_conf else "")
        + ("<th>qe</th>" if any(p.qe is not None for p in pairs) else "")
        + "<th>flags</th></tr></thead><tbody></tbody></table>",
        '<p class="pager" id="pager"></p>',
        f'<p class="muted">Generated by zhen {escape(tool_version())}.</p>',
    ]
    yield "\n".join(parts) + "\n"
    yield '<script type="application/json" id="zhen-data">'
    yield from report_json_parts(pairs, flags)
    yield "</script>\n"
    yield f"<script>{report_script()}</script>\n</body></html>\n"


def html_report(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    *,
    title: str = "zhen QA report",
    quality=None,
) -> str:
    """The report as one string (:func:`html_parts` joined)."""
    return "".join(html_parts(pairs, flags, title=title, quality=quality))


def write_html_report(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    title: str = "zhen QA report",
    quality=None,
) -> None:
    """Write the self-contained HTML report (a path is written atomically), streamed a
    piece at a time: at translation-memory size the page is hundreds of MB as one string."""
    def write(fh: IO[bytes]) -> None:
        for part in html_parts(pairs, flags, title=title, quality=quality):
            fh.write(part.encode("utf-8"))

    stream_output(path_or_file, write)


def write_file(content: Content, target: Path) -> None:
    """The registry's writer (:mod:`qa.export.registry`): the report of ``content``."""
    write_html_report(content.pairs, content.flags, target, title=content.title,
                      quality=content.quality)
