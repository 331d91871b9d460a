"""One module per file format, each reading and writing it, in the style of
translate-toolkit's ``storage/``: :mod:`.tmx` (TMX 1.4b), :mod:`.xliff`
(XLIFF 1.2/2.0 in, 1.2 out), :mod:`.tsv` (TSV/CSV tables, zhen's pairs.tsv),
:mod:`.docx` (Word documents, read: a document to align, not pairs).
The formats that carry QA results (flags.jsonl, the review sheets, the HTML
report) are ``qa.export``'s, listed with every file zhen writes in
``qa.export.registry``.

Format modules exchange plain :class:`~align.formats.unit.Unit` records (ids,
zh, en, inline codes, props, notes) and know nothing of QA: mapping flags,
scores and review decisions onto units is ``qa.export``'s job.

Why under ``align/``: reading ready-made pairs is the first stage of the
pipeline and ``align`` must never import from ``qa`` (``qa`` builds on
``align``, not the other way round); the top-level layout (align, qa,
corpora, tests, bench) is part of the product's definition, so no new
top-level package.

The registry below maps a file extension (or an XML root element, for a
TMX saved as .xml) to its module.  Nothing heavy is imported until a format
is asked for: lxml loads with the first XML format.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from align.errors import InputError

#: format name → module (inside this package)
MODULES = {"tmx": "tmx", "xliff": "xliff", "tsv": "tsv", "docx": "docx"}
#: file extension → format name of a file of pairs (a .docx is a document: see align.read)
EXTENSIONS = {
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mqxliff": "xliff",
    ".tsv": "tsv",
    ".csv": "tsv",
    ".tab": "tsv",
    ".txt": "tsv",
    "": "tsv",
}
#: XML root element → format name (a generic .xml, or XML under any name)
XML_ROOTS = {"tmx": "tmx", "xliff": "xliff"}
#: extensions of a document to align (plain text, Markdown, Word; see align.read)
DOCUMENT_EXTENSIONS = (".txt", ".md", ".text", ".docx")
#: extensions that name a file of pairs and nothing else (a .txt, or a file without
#: extension, may as well be a document): how ``zhen batch`` tells a memory from a text
PAIRS_EXTENSIONS = tuple(e for e in EXTENSIONS if e and e not in DOCUMENT_EXTENSIONS)


def extension_list(extensions: Iterable[str]) -> str:
    """'.tsv, .csv or .tmx': extensions for a message, each once, in order."""
    names = list(dict.fromkeys(extensions))
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]


def module(name: str) -> ModuleType:
    """The format module called ``name`` ("tmx", "xliff", "tsv", "docx")."""
    return importlib.import_module(f"{__name__}.{MODULES[name]}")


def _starts_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<")


def for_input(path: Path, data: bytes) -> ModuleType:
    """The module that reads ``data`` (the bytes of ``path``).

    XML is recognised by content, so a TMX saved as .xml works; anything
    else by extension.  InputError names what is accepted.
    """
    from .xmlstream import root_name

    suffix = path.suffix.lower()
    if suffix == ".xml" or EXTENSIONS.get(suffix) in XML_ROOTS or _starts_like_xml(data):
        root = root_name(data, path)
        if root.lower() not in XML_ROOTS:
            raise InputError(f"{path}: neither TMX nor XLIFF (root element is <{root}>)")
        return module(XML_ROOTS[root.lower()])
    if suffix in EXTENSIONS:
        return module(EXTENSIONS[suffix])
    raise InputError(f"{path}: unknown pairs format '{suffix}'; use "
                     f"{extension_list(PAIRS_EXTENSIONS)}")
