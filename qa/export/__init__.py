"""Export stage: the aligned pairs and QA flags in the formats people use.

The containers (TMX, XLIFF, TSV, DOCX) are read and written by :mod:`align.formats`;
the modules here map QA results (flags, scores, review decisions) onto the
units, and write the formats only QA has (flags, sheets, the HTML report).
One module per format, each with the ``write_file`` that ``registry`` calls:

* ``registry`` every format zhen writes, by ``--formats`` name or extension
* ``tmx``      TMX 1.4b translation memory for CAT tools (validated against our DTD)
* ``tsv``      pairs.tsv, one line per pair
* ``jsonl``    flags.jsonl, one flag per line (written and read back)
* ``xliff``    XLIFF 1.2 for review in a CAT tool
* ``table``    the review table and its CSV form (written and read back)
* ``xlsx``     the review table as a workbook (written and read back)
* ``html``     a self-contained HTML report
* ``atomic``   all of the above land on disk atomically

Names are resolved lazily so ``import qa.export`` does not load lxml or openpyxl.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "atomic_output_dir": "atomic",
    "atomic_write_bytes": "atomic",
    "atomic_write_text": "atomic",
    "write_tmx": "tmx",
    "export_tmx": "tmx",
    "validate_tmx": "tmx",
    "write_pairs_tsv": "tsv",
    "write_flags_jsonl": "jsonl",
    "read_flags_jsonl": "jsonl",
    "write_xliff": "xliff",
    "write_review_csv": "table",
    "write_review_xlsx": "xlsx",
    "write_html_report": "html",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f"{__name__}.{_EXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
