"""DOCX (read only): pull the text out of a Word .docx in reading order.

Translators often deliver a bilingual .docx: either the Chinese followed by
the English, or a two-column table (Chinese | English).  This module only
extracts; deciding which text is which language is ``align.read``'s job.
A .docx is a document, not a file of pairs, so it is recognised by content
(:func:`is_docx_bytes`) wherever a document is read, whatever its name.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError


@dataclass(frozen=True)
class DocxText:
    """The body text of a .docx.

    ``lines`` is every paragraph (tables flattened cell by cell) in document
    order; ``tables`` keeps each table as rows of cell texts so a
    Chinese|English table can be read column-wise.
    """

    lines: list[str]
    tables: list[list[list[str]]] = field(default_factory=list)


def is_docx_bytes(data: bytes) -> bool:
    """A .docx is a ZIP with word/document.xml, whatever the file is called."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(path: Path) -> DocxText:
    """Read paragraphs and tables of the main document body.

    Headers, footers, footnotes and text boxes are skipped on purpose: they
    carry page furniture (running titles, page numbers), not the text that was
    translated.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        LxmlError,
    ) as exc:
        # KeyError: a part missing from the package; LxmlError: damaged XML
        raise InputError(f"{path}: not a valid .docx file ({_one_line(exc)})") from None

    lines: list[str] = []
    tables: list[list[list[str]]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.extend(Paragraph(child, document).text.split("\n"))
        elif child.tag == qn("w:tbl"):
            rows = _table_rows(Table(child, document))
            tables.append(rows)
            for row in rows:
                for cell in row:
                    lines.extend(cell.split("\n"))
    return DocxText(lines=lines, tables=tables)


def _table_rows(table) -> list[list[str]]:
    """Rows as lists of distinct cell texts.

    python-docx repeats a horizontally merged cell once per grid column; the
    repeats are dropped so a merged title row does not count twice.
    """
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(cells)
    return rows


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
