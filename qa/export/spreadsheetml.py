"""A small streaming SpreadsheetML (XLSX) writer: text and number cells, three styles.

Why not openpyxl or XlsxWriter: the review workbook of a 20,000-pair memory
has some 500,000 cells; openpyxl's write-only cells (one object and one style
lookup each) took ~25 s of a ~200 s ``zhen check``, XlsxWriter's
``constant_memory`` mode ~12 s.  The workbook zhen writes needs little of
either library: inline-string and number cells, a bold header, a wrap style,
column widths, one hidden column, frozen panes, a list validation, an
autofilter, header comments and the language property.  Written as XML text
row by row into the zip entry, it takes a few seconds and its memory does not
grow with the rows.  The parts and their order follow ECMA-376 Part 1 (the
``CT_Worksheet`` element order; comments need their legacy VML shapes for
Excel to show them).  Reading stays openpyxl's (:func:`qa.export.xlsx.read_rows`).

Cells: ``str`` is an inline string (never a formula, whatever it starts
with; the characters XML 1.0 cannot carry are removed, from the XML text of
a batch of rows at once: the markup holds none of them), ``int`` and
``float`` are numbers written as openpyxl writes them (``%.16g``), ``None``
and ``""`` an empty cell that keeps the column's style.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from align.formats.xmlchars import xml_safe

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CT = "application/vnd.openxmlformats-officedocument."
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: cellXfs indexes of :data:`_STYLES`
PLAIN, BOLD, WRAP = 0, 1, 2
_STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)


@dataclass(frozen=True)
class ListValidation:
    """A drop-down list on one column's data rows (``allowBlank``, as openpyxl wrote it)."""

    column: str
    choices: Sequence[str]


@dataclass(frozen=True)
class SheetLayout:
    """Everything of a sheet but its rows.  ``widths``/``comments`` are by column
    name; ``freeze`` is the top-left cell of the unfrozen pane ("B2");
    ``data_style`` is the style of every data cell (the header is bold)."""

    name: str
    header: Sequence[str]
    widths: Mapping[str, float] = field(default_factory=dict)
    default_width: float | None = None
    hidden: Sequence[str] = ()
    freeze: str | None = None
    data_style: int = PLAIN
    comments: Mapping[str, str] = field(default_factory=dict)
    validation: ListValidation | None = None
    autofilter: bool = False
    author: str = "zhen"


def column_letter(index: int) -> str:
    """'A' for 1, 'Z' for 26, 'AA' for 27."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _split(cell: str) -> tuple[int, int]:
    """'B2' → (column 2, row 2)."""
    letters = cell.rstrip("0123456789")
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col, int(cell[len(letters):])


def _text(value: str) -> str:
    """Element text: XML-escaped, CR kept as a character reference (a parser would
    otherwise fold CR LF into LF and the sheet would not read back as written)."""
    text = escape(value)
    return text.replace("\r", "&#13;") if "\r" in text else text


def _cell(ref: str, style: str, value: object) -> str:
    if value is None or value == "":
        return f'<c r="{ref}"{style}/>'
    if isinstance(value, str):
        space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"{style} t="n"><v>{value:.16g}</v></c>'
    raise TypeError(f"spreadsheet cell of type {type(value).__name__}: {value!r}")


def _pane(freeze: str) -> str:
    col, row = _split(freeze)
    x, y = col - 1, row - 1
    if not x and not y:
        return ""
    pane = "bottomRight" if x and y else ("topRight" if x else "bottomLeft")
    splits = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    selections = "".join(f'<selection pane="{p}"/>' for p in ("topRight", "bottomLeft")
                         if x and y)
    return (f'<pane{splits} topLeftCell="{freeze}" activePane="{pane}" state="frozen"/>'
            f'{selections}<selection pane="{pane}" activeCell="{freeze}" sqref="{freeze}"/>')


def _sheet_head(layout: SheetLayout, first: bool) -> str:
    tab = ' tabSelected="1"' if first else ""
    view = (f'<sheetViews><sheetView{tab} workbookViewId="0">'
            f'{_pane(layout.freeze) if layout.freeze else ""}</sheetView></sheetViews>')
    cols = []
    for i, name in enumerate(layout.header, 1):
        width = layout.widths.get(name, layout.default_width)
        hidden = ' hidden="1"' if name in layout.hidden else ""
        if width is not None or hidden:
            size = f' width="{width:g}" customWidth="1"' if width is not None else ""
            cols.append(f'<col min="{i}" max="{i}"{size}{hidden}/>')
    head = "".join(_cell(f"{column_letter(i)}1", f' s="{BOLD}"', name)
                   for i, name in enumerate(layout.header, 1))
    return (f'{_DECL}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{view}'
            '<sheetFormatPr defaultRowHeight="15"/>'
            f'{"<cols>" + "".join(cols) + "</cols>" if cols else ""}'
            f'<sheetData><row r="1">{head}</row>')


def _sheet_tail(layout: SheetLayout, last_row: int, comments: bool) -> str:
    tail = "</sheetData>"
    last_col = column_letter(len(layout.header))
    if layout.autofilter:
        tail += f'<autoFilter ref="A1:{last_col}{last_row}"/>'
    rule = layout.validation
    if rule is not None and last_row > 1:
        col = column_letter(layout.header.index(rule.column) + 1)
        listed = _text('"' + ",".join(rule.choices) + '"')
        tail += ('<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
                 f'showInputMessage="0" showErrorMessage="0" showDropDown="0" '
                 f'sqref="{col}2:{col}{last_row}"><formula1>{listed}</formula1>'
                 '</dataValidation></dataValidations>')
    tail += '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
    if comments:
        tail += '<legacyDrawing r:id="rId2"/>'
    return tail + "</worksheet>"


def _comments_xml(layout: SheetLayout) -> str:
    listed = "".join(
        f'<comment ref="{column_letter(layout.header.index(name) + 1)}1" authorId="0">'
        f'<text><t>{_text(text)}</t></text></comment>'
        for name, text in layout.comments.items())
    return (f'{_DECL}<comments xmlns="{MAIN_NS}"><authors><author>{_text(layout.author)}</author>'
            f'</authors><commentList>{listed}</commentList></comments>')


def _comments_vml(layout: SheetLayout, sheet_no: int) -> str:
    """The legacy shapes Excel draws comments with (one hidden note per comment)."""
    shapes = []
    for k, name in enumerate(layout.comments):
        col = layout.header.index(name)
        shapes.append(
            f'<v:shape id="_x0000_s{sheet_no * 1024 + 1 + k}" type="#_x0000_t202" '
            'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;'
            'height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" '
            'o:insetmode="auto"><v:fill color2="#ffffe1"/>'
            '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
            '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>'
            '</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f'<x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>{col}</x:Column>'
            '</x:ClientData></v:shape>')
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{sheet_no}"/>'
            '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
            'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
            '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            + "".join(shapes) + "</xml>")


def _rels(targets: Sequence[tuple[str, str]]) -> str:
    """A relationships part: (type URI, target), numbered rId1, rId2…"""
    listed = "".join(f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
                     for i, (kind, target) in enumerate(targets, 1))
    return f'{_DECL}<Relationships xmlns="{PKG_REL_NS}">{listed}</Relationships>'


def _write_sheet(package: zipfile.ZipFile, no: int, layout: SheetLayout,
                 rows: Iterable[Sequence[object]]) -> int:
    """Stream one worksheet part, a batch of rows per write; returns its last row."""
    refs = [column_letter(i) for i in range(1, len(layout.header) + 1)]
    style = f' s="{layout.data_style}"' if layout.data_style != PLAIN else ""
    last = 1
    with package.open(f"xl/worksheets/sheet{no}.xml", "w") as part:
        part.write(xml_safe(_sheet_head(layout, no == 1)).encode("utf-8"))
        batch: list[str] = []
        for last, row in enumerate(rows, 2):
            batch.append(f'<row r="{last}">')
            batch.extend(_cell(f"{col}{last}", style, value) for col, value in zip(refs, row))
            batch.append("</row>")
            if len(batch) > 4096:
                part.write(xml_safe("".join(batch)).encode("utf-8"))
                batch.clear()
        part.write(xml_safe("".join(batch)).encode("utf-8"))
        part.write(_sheet_tail(layout, last, bool(layout.comments)).encode("utf-8"))
    return last


def write_workbook(fh: IO[bytes], sheets: Sequence[tuple[SheetLayout, Iterable[Sequence[object]]]],
                   *, language: str | None = None, creator: str = "zhen") -> None:
    """Write an XLSX package of ``sheets`` (layout, rows) into the binary file ``fh``;
    each sheet's rows are consumed as they are written.  Deflate level 1: the XML
    compresses nearly as well as at the default level 6, in a third of the time."""
    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        overrides = [("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
                     ("/xl/styles.xml", "spreadsheetml.styles+xml"),
                     ("/docProps/app.xml", "extended-properties+xml")]
        filters = []
        for no, (layout, rows) in enumerate(sheets, 1):
            last = _write_sheet(package, no, layout, rows)
            overrides.append((f"/xl/worksheets/sheet{no}.xml", "spreadsheetml.worksheet+xml"))
            if layout.comments:
                package.writestr(f"xl/comments{no}.xml", xml_safe(_comments_xml(layout)))
                package.writestr(f"xl/drawings/vmlDrawing{no}.vml", _comments_vml(layout, no))
                package.writestr(f"xl/worksheets/_rels/sheet{no}.xml.rels", _rels([
                    (f"{REL_NS}/comments", f"../comments{no}.xml"),
                    (f"{REL_NS}/vmlDrawing", f"../drawings/vmlDrawing{no}.vml")]))
                overrides.append((f"/xl/comments{no}.xml", "spreadsheetml.comments+xml"))
            if layout.autofilter:
                sheet_name = "'" + layout.name.replace("'", "''") + "'"
                filters.append(
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{no - 1}" hidden="1">'
                    f'{_text(sheet_name)}!$A$1:${column_letter(len(layout.header))}${last}'
                    "</definedName>")
        listed = "".join(f'<sheet name={quoteattr(layout.name)} sheetId="{no}" r:id="rId{no}"/>'
                         for no, (layout, _) in enumerate(sheets, 1))
        names = f"<definedNames>{''.join(filters)}</definedNames>" if filters else ""
        package.writestr("xl/workbook.xml", f'{_DECL}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                         f'<bookViews><workbookView activeTab="0"/></bookViews>'
                         f"<sheets>{listed}</sheets>{names}</workbook>")
        package.writestr("xl/_rels/workbook.xml.rels", _rels(
            [(f"{REL_NS}/worksheet", f"worksheets/sheet{no}.xml") for no in range(1, len(sheets) + 1)]
            + [(f"{REL_NS}/styles", "styles.xml")]))
        package.writestr("xl/styles.xml", _DECL + _STYLES)
        package.writestr("docProps/core.xml", _core(creator, language))
        package.writestr("docProps/app.xml", f'{_DECL}<Properties xmlns="{_APP_NS}">'
                         f"<Application>{_text(creator)}</Application></Properties>")
        package.writestr("_rels/.rels", _rels([
            (f"{REL_NS}/officeDocument", "xl/workbook.xml"),
            (f"{PKG_REL_NS}/metadata/core-properties", "docProps/core.xml"),
            (f"{REL_NS}/extended-properties", "docProps/app.xml")]))
        types = "".join(f'<Override PartName="{part}" ContentType="{_CT}{kind}"/>'
                        for part, kind in overrides)
        package.writestr("[Content_Types].xml", (
            f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Default Extension="vml" ContentType="{_CT}vmlDrawing"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f"{types}</Types>"))


def _core(creator: str, language: str | None) -> str:
    """The core properties: creator, the language (``dc:language``), created and modified."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    lang = f"<dc:language>{_text(language)}</dc:language>" if language else ""
    return (f'{_DECL}<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{_text(creator)}</dc:creator>{lang}"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            "</cp:coreProperties>")
