"""Small helpers every exporter needs: XML-safe text, flags grouped by pair,
one-line flag summaries and the tool version stamped into files."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, TypeVar

from align.formats.tsv import ids_text  # noqa: F401 (exporters import it from here)
from align.formats.unit import DEFAULT_LANGS, Languages
from align.formats.xmlchars import xml_safe  # noqa: F401 (exporters import it from here)
from align.model import Pair
from qa.model import SEVERITIES, Flag

from .atomic import atomic_file, atomic_write_bytes

T = TypeVar("T")


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose for the files a run writes.

    ``langs``: the codes written into TMX, XLIFF and XLSX (checked by
    :func:`align.formats.unit.languages`).  ``min_confidence`` and
    ``exclude_severity`` make a clean TM: the TMX leaves out units aligned
    with less confidence (units with no score are kept: nothing says they
    are worse) and units with a flag of that severity or worse.  Review
    files (XLIFF, sheets, report) keep every unit: that is where the doubtful
    ones must be seen.
    """

    langs: Languages = DEFAULT_LANGS
    min_confidence: float | None = None
    exclude_severity: str | None = None


#: no filters, default language codes
DEFAULT_OPTIONS = ExportOptions()


@dataclass(frozen=True)
class Content:
    """What a format's ``write_file`` is given (see :mod:`qa.export.registry`).

    ``marks``: a reviewer's verdicts by pair id (``zhen review``, ``zhen export``),
    which take the place of flags in the formats that show them per pair;
    ``title`` and ``quality`` (the document's MQM score) are the HTML report's.
    """

    pairs: Sequence[Pair]
    flags: Sequence[Flag] = ()
    marks: Mapping[int, ReviewMark] | None = None
    options: ExportOptions = DEFAULT_OPTIONS
    title: str = "zhen QA report"
    quality: object = None


@dataclass
class ExportResult:
    """What one export wrote and left out, for the run's summary."""

    name: str
    units: int = 0
    filtered: bool = False  # the export filters apply to this output (the TMX)
    one_sided: int = 0
    below_confidence: int = 0
    excluded_severity: int = 0
    removed_chars: int = 0

    def notes(self, options: ExportOptions) -> list[str]:
        """Summary lines, only for what happened (empty for a plain export)."""
        lines = []
        left = []
        if self.filtered and options.min_confidence is not None:
            left.append(f"{self.below_confidence} below --min-confidence {options.min_confidence:g}")
        if self.filtered and options.exclude_severity is not None:
            left.append(f"{self.excluded_severity} with {options.exclude_severity}-or-worse flags "
                        f"(--exclude-severity)")
        if left:
            if self.one_sided:
                left.append(f"{self.one_sided} one-sided")
            lines.append(f"{self.name}: {self.units} units written; left out "
                         + ", ".join(left))
        if self.removed_chars:
            plural = "s" if self.removed_chars != 1 else ""
            lines.append(f"{self.name}: removed {self.removed_chars} character{plural} "
                         "XML 1.0 cannot carry (control characters)")
        return lines


@dataclass(frozen=True)
class ReviewMark:
    """A reviewer's verdict on one pair, carried into what ``zhen review`` writes.

    ``decision`` is accept, fix, reject or pending; ``flags`` and ``worst`` are
    the sheet's own flag cells, kept when the reviewed pairs are written as a
    sheet again (zhen review has no Flag objects, only what the sheet shows).
    """

    decision: str
    comment: str = ""
    flags: str = ""
    worst: str = ""


def flags_by_pair(flags: Iterable[Flag]) -> dict[int, list[Flag]]:
    """Flags keyed by pair id, in input order.

    A document-level flag (``pair_id`` None) is listed under every pair it
    names in ``pair_ids`` so a reviewer sees it wherever it applies.
    """
    grouped: dict[int, list[Flag]] = {}
    for flag in flags:
        ids = (flag.pair_id,) if flag.pair_id is not None else flag.pair_ids
        for pid in dict.fromkeys(ids):
            grouped.setdefault(pid, []).append(flag)
    return grouped


def document_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags that belong to no single pair."""
    return [f for f in flags if f.pair_id is None]


def flag_line(flag: Flag) -> str:
    """``[major] number-mismatch (Accuracy/Number): message`` on one line.

    Categories may themselves contain "/" (MQM paths such as
    "Style/Literal idiom"), so the check id comes first and the category is
    bracketed rather than joined to it.
    """
    message = " ".join(flag.message.split())
    line = f"[{flag.severity}] {flag.check} ({flag.category}): {message}"
    if flag.suggestion:
        line += f" (suggestion: {' '.join(flag.suggestion.split())})"
    return line


def flag_checks(flags: Sequence[Flag]) -> str:
    """The check ids of ``flags``, space-separated, each once, in order."""
    return " ".join(dict.fromkeys(f.check for f in flags))


def worst_severity(flags: Sequence[Flag]) -> str:
    """The highest severity among ``flags`` ('' when there are none)."""
    ranked = [SEVERITIES.index(f.severity) for f in flags if f.severity in SEVERITIES]
    return SEVERITIES[max(ranked)] if ranked else ""


def output_unit_ids(pairs: Sequence[Pair]) -> dict[int, str]:
    """The id each pair's unit gets in a written TMX/XLIFF: the input's unit
    id when it had one, else zhen's number; unique within the file (a number
    that collides with an input id gets "-2", "-3"…)."""
    wanted = [p.unit_id if p.unit_id is not None else str(p.id) for p in pairs]
    taken = {p.unit_id for p in pairs if p.unit_id is not None}
    used: set[str] = set()
    out: dict[int, str] = {}
    for pair, uid in zip(pairs, wanted):
        if uid in used or (pair.unit_id is None and uid in taken):
            n = 2
            while f"{uid}-{n}" in used or f"{uid}-{n}" in taken:
                n += 1
            uid = f"{uid}-{n}"
        used.add(uid)
        out[pair.id] = uid
    return out


def pair_is_one_sided(pair: Pair) -> bool:
    return not pair.zh.strip() or not pair.en.strip()


@lru_cache(maxsize=1)
def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhen")
    except PackageNotFoundError:  # running from a source tree that was never installed
        from qa import __version__

        return __version__


def write_output(data: bytes, path_or_file: str | os.PathLike[str] | IO) -> None:
    """Write to a path atomically, or into an already open binary/text file."""
    if isinstance(path_or_file, (str, os.PathLike)):
        atomic_write_bytes(path_or_file, data)
    elif isinstance(path_or_file, io.TextIOBase):
        path_or_file.write(data.decode("utf-8"))
    else:
        path_or_file.write(data)


def stream_output(path_or_file: str | os.PathLike[str] | IO,
                  write: Callable[[IO[bytes]], T]) -> T:
    """Run a streaming writer into a path (atomically: a temporary file
    renamed when ``write`` returns), an open binary file, or an open text
    file (collected, then decoded as UTF-8); returns what ``write`` returns."""
    if isinstance(path_or_file, (str, os.PathLike)):
        with atomic_file(path_or_file) as fh:
            return write(fh)
    if isinstance(path_or_file, io.TextIOBase):
        buf = io.BytesIO()
        result = write(buf)
        path_or_file.write(buf.getvalue().decode("utf-8"))
        return result
    return write(path_or_file)
