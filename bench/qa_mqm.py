"""How many expert-rated errors the QA checks find, and how often they cry wolf.

Data: WMT20 newstest zh→en with Google's expert MQM ratings (Freitag et al.
2021): 10 systems × 2,000 segments × 3 raters, each error a ``<v>…</v>`` span
in the target (see shared/eval/mqm/README.md).  Segments are grouped into
their (system, document) so the document checks (term consistency,
duplicates, truncated copies) see the context they are built for, and all
checks run through ``qa.pipeline.run_checks`` as ``zhen check`` runs them.

Recall is reported per MQM class our checks claim to cover.  A rated error
(one rater's row, Major or Minor) is *found at the span* when a flag on the
same (system, segment) has a category of the matching family and an English
span overlapping the rated one (±1 character, since a missing comma is rated
as an empty span next to the word); flags that carry no English span (an
omission points at the Chinese clause) count as covering the whole segment.
It is *found in the segment* when any such flag is on that segment at all.

False alarms are measured on the segments all three raters found error-free:
the share with a major/critical flag (target < 5 %) and with any flag.

    python bench/qa_mqm.py --systems Online-B.1605 --limit 500 --no-embedder   # ~15 s
    python bench/qa_mqm.py --no-embedder          # 3 systems × 2,000 segments, ~1 min
    python bench/qa_mqm.py                        # the same with the embedder, ~7 min cold
    python bench/qa_mqm.py --systems all --show 5 # all 10 systems, with examples

(Times on the shared 2-core machine; embeddings are cached on disk, so a
second run with the embedder takes about as long as one without.)

The data lives in shared/ (../shared from the repo root, or $ZHEN_SHARED); it is
evaluation data only, so it is read in place and never copied.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval

from align.model import Pair
from qa.model import Check, Flag

MQM_FILE = Path("eval") / "mqm" / "mqm_newstest2020_zhen.tsv.gz"
DEFAULT_SYSTEMS = ("Human-A.0", "Online-B.1605", "WeChat_AI.1525")

_TAG = re.compile(r"</?v>")
_SPAN = re.compile(r"<v>(.*?)</v>", re.DOTALL)
#: a mistranslation is "number-related" when its span holds a figure or a
#: magnitude word; bare "one"/"first" are too often not numbers ("one belt, one road")
_NUMBERISH = re.compile(
    r"\d|\b(?:hundred|thousand|million|billion|trillion|percent|per cent|dozen|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b", re.IGNORECASE)
_NUMBER_LOCALE = ("Locale convention/Currency format", "Locale convention/Date format",
                  "Locale convention/Time format", "Locale convention/Telephone format")


@dataclass(frozen=True)
class MqmClass:
    """An MQM error class our checks claim, and the flag categories that count for it."""

    name: str
    rated: Callable[[str, str], bool]  # (MQM category, span text) -> belongs here
    flagged: Callable[[str], bool]  # flag category -> right family


def _is(category: str) -> Callable[[str, str], bool]:
    return lambda cat, span: cat == category


def _family(*prefixes: str) -> Callable[[str], bool]:
    return lambda cat: cat.startswith(prefixes)


CLASSES: tuple[MqmClass, ...] = (
    MqmClass("Non-translation", _is("Non-translation!"), _family("Accuracy/")),
    MqmClass("Omission", _is("Accuracy/Omission"), _family("Accuracy/Omission")),
    MqmClass("Addition", _is("Accuracy/Addition"), _family("Accuracy/Addition")),
    MqmClass("Number (mistranslation)",
             lambda cat, span: cat == "Accuracy/Mistranslation" and bool(_NUMBERISH.search(span)),
             _family("Locale/Number")),
    MqmClass("Number (locale format)", lambda cat, span: cat in _NUMBER_LOCALE, _family("Locale/Number")),
    MqmClass("Untranslated", _is("Accuracy/Untranslated text"), _family("Accuracy/Untranslated")),
    MqmClass("Punctuation", _is("Fluency/Punctuation"), _family("Fluency/Punctuation")),
    MqmClass("Spelling", _is("Fluency/Spelling"), _family("Fluency/Spelling")),
    MqmClass("Inconsistent terminology",
             lambda cat, span: cat in ("Terminology/Inconsistent use of terminology", "Fluency/Inconsistency"),
             _family("Terminology/Inconsistent")),
)


@dataclass(frozen=True)
class Rating:
    rater: str
    category: str
    severity: str
    span_text: str
    span: tuple[int, int] | None  # in the clean target; None when it cannot be placed


@dataclass
class Segment:
    system: str
    doc: str
    doc_pos: int
    seg_id: int
    source: str
    target: str
    ratings: list[Rating] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """All raters found nothing (Neutral rows are not errors)."""
        return all(r.severity in ("no-error", "Neutral") for r in self.ratings)


def _place(row_target: str, clean: str) -> tuple[str, tuple[int, int] | None]:
    """The rated span's text and its offsets in the clean target.

    Rows whose de-tagged target differs from the clean one are mostly
    omissions with the missing source text pasted inside the tag: the text
    around the tag still matches, and the span is the insertion point.  Other
    rows are placed by searching for the span text.
    """
    m = _SPAN.search(row_target)
    if not m:
        return "", None
    inner = m.group(1)
    before = _TAG.sub("", row_target[:m.start()])
    after = _TAG.sub("", row_target[m.end():])
    if _TAG.sub("", row_target) == clean:
        return inner, (len(before), len(before) + len(inner))
    if clean.startswith(before) and clean.endswith(after):
        start = len(before)
        if inner and before.endswith(inner):  # a pasted copy of the word before the tag
            return inner, (start - len(inner), start)
        return inner, (start, max(start, len(clean) - len(after)))
    at = clean.find(inner) if inner.strip() else -1
    return inner, ((at, at + len(inner)) if at >= 0 else None)


def clean_target(rows: Sequence[Sequence[str]]) -> str:
    """The system output behind all raters' tagged copies of one segment.

    Raters' tools sometimes pasted the span (or missing source words) into
    the text, and the paste then shows in *every* row of that rater
    ("…Supervision BureauBureau that…").  So each rater gets one vote, their
    most common de-tagged row, and ties go to the shortest reading, as a
    paste only ever adds text.  Counting rows instead, as the data's README
    suggests, lets one rater with many error rows outvote the other two.
    """
    by_rater: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_rater[r[4]][_TAG.sub("", r[6])] += 1
    votes = Counter(c.most_common(1)[0][0] for c in by_rater.values())
    return max(votes, key=lambda v: (votes[v], -len(v)))


def mqm_file() -> Path | None:
    """The WMT20 MQM ratings file in shared/eval/mqm, or None where this checkout finds none."""
    mqm = shared_eval("mqm")
    path = mqm / MQM_FILE.name if mqm else None
    return path if path is not None and path.exists() else None


def mqm_documents(systems: set[str] | None) -> dict[tuple[str, str], list[Segment]]:
    """The WMT20 MQM segments of ``systems`` (None: all) by (system, document), read from
    shared/eval/mqm; empty, with a note, where this checkout has no such file."""
    path = mqm_file()
    if path is None:
        print("WMT20 MQM data not found in shared/eval/mqm: skipped")
        return {}
    return documents(read_mqm(path, systems))


def read_mqm(path: Path, systems: set[str] | None) -> list[Segment]:
    """One Segment per (system, seg_id), with every rater's rows attached."""
    rows: dict[tuple[str, int], list[list[str]]] = defaultdict(list)
    csv.field_size_limit(1 << 30)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if systems is None or row[0] in systems:
                rows[(row[0], int(row[3]))].append(row)
    segments = []
    for (system, seg_id), group in rows.items():
        clean = clean_target(group)
        seg = Segment(system, group[0][1], int(group[0][2]), seg_id, _TAG.sub("", group[0][5]), clean)
        for r in group:
            text, span = _place(r[6], clean)
            seg.ratings.append(Rating(r[4], r[7], r[8], text, span))
        segments.append(seg)
    segments.sort(key=lambda s: (s.system, s.seg_id))
    return segments


def documents(segments: Iterable[Segment]) -> dict[tuple[str, str], list[Segment]]:
    docs: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for s in segments:
        docs[(s.system, s.doc)].append(s)
    for segs in docs.values():
        segs.sort(key=lambda s: s.doc_pos)
    return docs


def limit_documents(docs: dict[tuple[str, str], list[Segment]], limit: int | None) -> dict:
    """Whole documents, in corpus order, until each system has ``limit`` segments."""
    if not limit:
        return docs
    kept: dict[tuple[str, str], list[Segment]] = {}
    count: Counter[str] = Counter()
    for key in sorted(docs, key=lambda k: (k[0], docs[k][0].seg_id)):
        if count[key[0]] < limit:
            kept[key] = docs[key]
            count[key[0]] += len(docs[key])
    return kept


def check_documents(docs: dict[tuple[str, str], list[Segment]], checks: Sequence[Check],
                    embedder=None) -> dict[tuple[str, int], list[Flag]]:
    """Run every check per document; flags keyed by (system, seg_id)."""
    from qa.pipeline import run_checks
    from qa.profile import Profile

    out: dict[tuple[str, int], list[Flag]] = defaultdict(list)
    for (system, _doc), segs in docs.items():
        pairs = [Pair(id=s.seg_id, zh=s.source, en=s.target, zh_ids=(i,), en_ids=(i,), para=i)
                 for i, s in enumerate(segs)]
        resources = {"embedder": embedder} if embedder is not None else {}
        for flag in run_checks(pairs, checks, Profile(), resources):
            ids = flag.pair_ids or ((flag.pair_id,) if flag.pair_id is not None else ())
            for seg_id in ids:
                out[(system, seg_id)].append(flag)
    return out


def _en_spans_in(flag: Flag, seg: Segment) -> list[tuple[int, int]] | None:
    """The flag's English spans in this segment's text; None means "the whole segment".

    A document flag's spans point into its own ``en`` (the renderings it
    compares, joined), so its rendering texts are looked up in the segment.
    """
    if not flag.en_spans:
        return None
    if flag.pair_id is not None:
        return list(flag.en_spans) if flag.pair_id == seg.seg_id else []
    out = []
    for s, e in flag.en_spans:
        text = flag.en[s:e]
        if text.strip():
            out.extend(m.span() for m in re.finditer(re.escape(text), seg.target))
    return out


def _overlaps(flag: Flag, span: tuple[int, int] | None, seg: Segment) -> bool:
    if span is None:
        return False
    spans = _en_spans_in(flag, seg)
    if spans is None:
        return True
    a, b = span
    return any(s < b + 1 and a - 1 < e for s, e in spans)


@dataclass
class Recall:
    rated: int = 0
    span: int = 0
    segment: int = 0
    major: int = 0
    major_span: int = 0


def measure_recall(segments: Sequence[Segment], flags: dict[tuple[str, int], list[Flag]]
                   ) -> dict[str, Recall]:
    out = {c.name: Recall() for c in CLASSES}
    for seg in segments:
        seg_flags = flags.get((seg.system, seg.seg_id), [])
        for r in seg.ratings:
            if r.severity not in ("Major", "Minor"):
                continue
            for cls in CLASSES:
                if not cls.rated(r.category, r.span_text):
                    continue
                rec = out[cls.name]
                fam = [f for f in seg_flags if cls.flagged(f.category)]
                at_span = any(_overlaps(f, r.span, seg) for f in fam)
                rec.rated += 1
                rec.segment += bool(fam)
                rec.span += at_span
                if r.severity == "Major":
                    rec.major += 1
                    rec.major_span += at_span
    return out


@dataclass
class CheckStats:
    flags: int = 0
    on_clean: int = 0
    major_on_clean: int = 0
    on_rated: int = 0  # the segment has some Major/Minor rating
    with_span: int = 0  # flags that point at English text
    at_rated_span: int = 0  # ... overlapping a span some rater marked (any category)
    at_mistranslation: int = 0  # ... overlapping a span a rater marked Accuracy/Mistranslation
    in_a_class: int = 0  # flags whose category some MQM class accepts
    right_family: int = 0  # ... on a segment rated with an error of that class


def measure_flags(segments: Sequence[Segment], flags: dict[tuple[str, int], list[Flag]]
                  ) -> dict[str, CheckStats]:
    by_key = {(s.system, s.seg_id): s for s in segments}
    out: dict[str, CheckStats] = defaultdict(CheckStats)
    for key, seg_flags in flags.items():
        seg = by_key[key]
        rated = [r for r in seg.ratings if r.severity in ("Major", "Minor")]
        for f in seg_flags:
            st = out[f.check]
            st.flags += 1
            if seg.clean:
                st.on_clean += 1
                st.major_on_clean += f.severity in ("major", "critical")
            st.on_rated += bool(rated)
            if _en_spans_in(f, seg):
                st.with_span += 1
                st.at_rated_span += any(_overlaps(f, r.span, seg) for r in rated)
                st.at_mistranslation += any(_overlaps(f, r.span, seg) for r in rated
                                            if r.category == "Accuracy/Mistranslation")
            classes = [c for c in CLASSES if c.flagged(f.category)]
            if classes:
                st.in_a_class += 1
                st.right_family += any(c.rated(r.category, r.span_text) for r in rated for c in classes)
    return out


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}" if den else "    –"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                    help="comma-separated system names, or 'all' (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=0,
                    help="per system, whole documents until this many segments (0 = all 2,000)")
    ap.add_argument("--no-embedder", action="store_true",
                    help="no embedding model: omission/addition fall back to their word test")
    ap.add_argument("--checks", default="", help="comma-separated check ids to run (default: all)")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print N example flags on error-free segments per check, and N misses per class")
    args = ap.parse_args(argv)
    print("$ python bench/qa_mqm.py " + " ".join(argv if argv is not None else sys.argv[1:]))

    path = mqm_file()
    if path is None:
        print(f"skip: MQM data ({MQM_FILE}) not found in shared/eval/mqm (set $ZHEN_SHARED to the shared/ folder)")
        return 0
    from qa.checks import all_checks

    checks = list(all_checks())
    if args.checks:
        wanted = set(args.checks.split(","))
        unknown = wanted - {c.id for c in checks}
        if unknown:
            ap.error(f"unknown check ids: {', '.join(sorted(unknown))}")
        checks = [c for c in checks if c.id in wanted]
    systems = None if args.systems == "all" else set(args.systems.split(","))

    t0 = time.perf_counter()
    docs = limit_documents(documents(read_mqm(path, systems)), args.limit)
    segments = [s for segs in docs.values() for s in segs]
    if not segments:
        print(f"no segments for systems {args.systems!r}")
        return 1
    t1 = time.perf_counter()
    embedder = None
    if not args.no_embedder:
        from align.embed import load_embedder

        embedder = load_embedder()
    flags = check_documents(docs, checks, embedder)
    t2 = time.perf_counter()
    n_sys = len({s.system for s in segments})
    print(f"{len(segments)} segments in {len(docs)} documents from {n_sys} systems; "
          f"{len(checks)} checks, embedder {'on' if embedder else 'off'}; "
          f"read {t1 - t0:.1f}s, checks {t2 - t1:.1f}s\n")

    recall = measure_recall(segments, flags)
    print("MQM class (rated rows, Major+Minor)   rated  span-R%  seg-R%  major  major span-R%")
    for cls in CLASSES:
        r = recall[cls.name]
        print(f"{cls.name:<36} {r.rated:6d}   {_pct(r.span, r.rated)}   {_pct(r.segment, r.rated)}"
              f"  {r.major:5d}  {_pct(r.major_span, r.major)}")

    clean = [s for s in segments if s.clean]
    flagged = [flags.get((s.system, s.seg_id), []) for s in clean]
    any_flag = sum(bool(fl) for fl in flagged)
    major = sum(any(f.severity in ("major", "critical") for f in fl) for fl in flagged)
    print(f"\nerror-free segments (all 3 raters): {len(clean)}; with a major/critical flag: "
          f"{major} ({_pct(major, len(clean)).strip()} %, target < 5 %); with any flag: "
          f"{any_flag} ({_pct(any_flag, len(clean)).strip()} %)")

    stats = measure_flags(segments, flags)
    print("\ncheck                        flags  on-clean  major-on-clean  on-rated-seg%  at-rated-span%"
          "  right-class%  at-mistr-span%")
    for check_id in sorted(stats):
        st = stats[check_id]
        print(f"{check_id:<28} {st.flags:6d}  {st.on_clean:8d}  {st.major_on_clean:14d}"
              f"  {_pct(st.on_rated, st.flags):>13}  {_pct(st.at_rated_span, st.with_span):>14}"
              f"  {_pct(st.right_family, st.in_a_class):>12}  {_pct(st.at_mistranslation, st.with_span):>14}")
    print("(at-rated-span: flags with an English span overlapping any rater's span; right-class: flags whose\n"
          " category one of the classes above accepts, on a segment rated with an error of that class;\n"
          " at-mistr-span: flags with an English span overlapping a span rated Accuracy/Mistranslation)")

    if args.show:
        _show(segments, clean, flags, args.show)
    return 0


def _show(segments: Sequence[Segment], clean: Sequence[Segment],
          flags: dict[tuple[str, int], list[Flag]], n: int) -> None:
    print("\nflags on error-free segments:")
    shown: Counter[str] = Counter()
    for s in clean:
        for f in flags.get((s.system, s.seg_id), []):
            if shown[f.check] < n:
                shown[f.check] += 1
                span = f.en[f.en_spans[0][0]:f.en_spans[0][1]] if f.en_spans else ""
                print(f"  [{f.check}] {s.system} seg {s.seg_id}: {span[:40]!r} — {f.message[:120]}")
                print(f"      en: {s.target[:160]}")
    print("\nmissed rated errors:")
    for cls in CLASSES:
        misses = 0
        for s in segments:
            seg_flags = [f for f in flags.get((s.system, s.seg_id), []) if cls.flagged(f.category)]
            for r in s.ratings:
                if misses >= n:
                    break
                if r.severity in ("Major", "Minor") and cls.rated(r.category, r.span_text) and not any(
                        _overlaps(f, r.span, s) for f in seg_flags):
                    misses += 1
                    print(f"  [{cls.name}] {s.system} seg {s.seg_id} {r.severity}: {r.span_text[:60]!r}"
                          f" in: {s.target[:140]}")


if __name__ == "__main__":
    sys.exit(main())
