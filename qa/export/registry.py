"""Every file format zhen writes, and the review sheets it reads back: one table.

``zhen check --formats``, ``zhen review -o`` and ``zhen export`` (and the
review app's export button) all find their writer here, by ``--formats`` name
or by the extension of ``-o``, instead of each keeping its own if-chain.
Each format is one module of :mod:`qa.export` with a ``write_file(content,
target)`` that writes a :class:`~qa.export.shared.Content` (pairs, flags,
review marks, options) to a path atomically, in the style of translate-toolkit's
``storage/`` factory; the containers themselves (TMX, XLIFF, TSV, DOCX) are
read and written by :mod:`align.formats`, whose registry says how pairs are
read.  Modules are imported only when a format is used (lxml, openpyxl).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # the registry is read by the command line's options: keep it light
    from align.model import Alignment

    from .shared import Content, ExportResult


@dataclass(frozen=True)
class Format:
    """One output format: its ``--formats`` name, the module of :mod:`qa.export` that
    writes it, the extensions that name it, and the file ``zhen check`` writes into
    its run folder.  ``sheet``: a review sheet ``zhen review`` reads back
    (the module's ``read_rows(path)``), also under ``read_extensions``."""

    name: str
    module: str
    extensions: tuple[str, ...]
    run_file: str
    sheet: bool = False
    read_extensions: tuple[str, ...] = ()

    def writer(self) -> Callable[[Content, Path], ExportResult | None]:
        return importlib.import_module(f"{__package__}.{self.module}").write_file


#: in the order of ``--formats`` help and of a run folder's files
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("tmx", "tmx", (".tmx",), "aligned.tmx"),
    Format("jsonl", "jsonl", (".jsonl",), "flags.jsonl"),
    Format("tsv", "tsv", (".tsv",), "pairs.tsv"),
    Format("html", "html", (".html", ".htm"), "report.html"),
    Format("xliff", "xliff", (".xlf", ".xliff"), "review.xlf"),
    # .xlsm: the sheet saved by a reviewer's Excel as macro-enabled; read, never written
    Format("xlsx", "xlsx", (".xlsx",), "review.xlsx", sheet=True, read_extensions=(".xlsm",)),
    Format("csv", "table", (".csv",), "review.csv", sheet=True),
)}
#: format name → file name inside a run folder
RUN_FILES = {name: f.run_file for name, f in FORMATS.items()}
#: what ``zhen check`` and ``zhen batch`` write unless ``--formats`` says otherwise
#: (every format but the review CSV, which the XLSX sheet makes redundant)
RUN_DEFAULT = tuple(name for name in FORMATS if name != "csv")
#: what ``zhen review SHEET -o`` writes: the final TM, XLIFF, the pairs table or a sheet
REVIEW_OUTPUTS = ("tmx", "xliff", "tsv", "xlsx", "csv")
#: what ``zhen export OUTDIR -o`` writes: the same and the report
EXPORT_FORMATS = ("tmx", "xliff", "xlsx", "html", "tsv", "csv")


@dataclass(frozen=True)
class AlignmentFormat:
    """One ``zhen align --format``: the module of :mod:`qa.export` whose
    ``write_alignment(alignment, target)`` writes it (to a path or an open binary file)."""

    name: str
    module: str
    help: str

    def writer(self) -> Callable[[Alignment, Path | IO[bytes]], None]:
        return importlib.import_module(f"{__package__}.{self.module}").write_alignment


#: in the order of ``zhen align --help``; the first is the default
ALIGNMENT_FORMATS: dict[str, AlignmentFormat] = {f.name: f for f in (
    AlignmentFormat("beads", "beads", "lines '[0, 1]:[2]' (zh ids first, 0-based)"),
    AlignmentFormat("tsv", "tsv", "the pairs, as pairs.tsv"),
    AlignmentFormat("json", "beads_json", "beads with ids, confidence and both texts"),
    AlignmentFormat("tmx", "tmx", "the pairs, as a TMX 1.4b memory"),
)}


def extensions_of(names: Iterable[str]) -> str:
    """'.tmx, .xlf or .csv': the first extension of each format, for a message."""
    from align.formats import extension_list

    return extension_list(FORMATS[n].extensions[0] for n in names)


def by_extension(path: Path, among: Iterable[str] = FORMATS) -> str | None:
    """The format among ``among`` (names) that ``path``'s extension names, else None."""
    suffix = path.suffix.lower()
    return next((name for name in among if suffix in FORMATS[name].extensions), None)


def write(fmt: str, content: Content, target: Path) -> ExportResult | None:
    """Write ``content`` as format ``fmt`` to ``target`` (atomically)."""
    return FORMATS[fmt].writer()(content, target)


def read_sheet_rows(path: Path) -> list[list[str]]:
    """The cells of a review sheet: XLSX by its extension, anything else as the review CSV."""
    suffix = path.suffix.lower()
    fmt = next((f.name for f in FORMATS.values()
                if f.sheet and suffix in f.extensions + f.read_extensions), "csv")
    module = importlib.import_module(f"{__package__}.{FORMATS[fmt].module}")
    return module.read_rows(path)
