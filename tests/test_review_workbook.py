"""The review workbook as zhen writes it (qa.export.spreadsheetml): what a reviewer's
spreadsheet shows and what ``zhen review`` reads back, read through openpyxl."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook
from sample_pairs import load_sample

from align.formats.unit import languages
from align.model import Pair
from qa.export.spreadsheetml import PLAIN, SheetLayout, column_letter, write_workbook
from qa.export.table import FLAG_COLUMNS, PAIR_COLUMNS, flag_rows, pair_rows
from qa.export.xlsx import read_rows, write_review_xlsx
from qa.model import Flag

PAIRS, FLAGS = load_sample()
HOSTILE = Pair(id=50, zh="=HYPERLINK(\"http://x\")\r\n数据要素", en="  +1 & <b>more</b>\x0c ",
               zh_ids=(70,), en_ids=(80,), score=1.0, qe=42.0, unit_id="tu-7")


def _as_text(rows) -> list[list[str]]:
    return [["" if v is None or v == "" else (f"{v:.16g}" if isinstance(v, float) else str(v))
             for v in row] for row in rows]


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "review.xlsx"
    write_review_xlsx(PAIRS + [HOSTILE], FLAGS, path, langs=languages("zh-Hans-CN", "en-GB"))
    return path


def test_workbook_keeps_the_review_layout(sheet):
    wb = load_workbook(sheet)
    assert wb.sheetnames == ["Pairs", "Flags"]
    assert wb.properties.language == "en-GB"
    ws = wb["Pairs"]
    header = {c.value: c for c in ws[1]}
    assert tuple(header) == PAIR_COLUMNS and all(c.font.b for c in ws[1])
    assert (header["zh"].comment.text, header["en"].comment.text) == ("zh-Hans-CN", "en-GB")
    assert ws.freeze_panes == "B2" and wb["Flags"].freeze_panes == "A2"
    letter = {name: column_letter(i) for i, name in enumerate(PAIR_COLUMNS, 1)}
    assert ws.column_dimensions[letter["zhen_key"]].hidden
    assert ws.column_dimensions[letter["unit_id"]].hidden
    assert not ws.column_dimensions[letter["zh"]].hidden
    assert (ws.column_dimensions[letter["zh"]].width, ws.column_dimensions[letter["en"]].width) == (50, 60)
    last = len(PAIRS) + 2
    assert ws.auto_filter.ref == f"A1:{letter['unit_id']}{last}"
    (rule,) = ws.data_validations.dataValidation
    assert rule.type == "list" and rule.formula1 == '"accept,fix,reject"' and rule.allow_blank
    assert str(rule.sqref) == f"{letter['decision']}2:{letter['decision']}{last}"
    zh = ws[f"{letter['zh']}2"]
    assert zh.alignment.wrap_text and zh.alignment.vertical == "top"
    assert ws[f"{letter['decision']}2"].alignment.wrap_text  # where the reviewer types


def test_formula_like_text_stays_text_and_control_characters_go(sheet):
    ws = load_workbook(sheet)["Pairs"]
    row = len(PAIRS) + 2
    zh, en = ws.cell(row, PAIR_COLUMNS.index("zh") + 1), ws.cell(row, PAIR_COLUMNS.index("en") + 1)
    assert zh.data_type == en.data_type == "s"
    assert zh.value == "=HYPERLINK(\"http://x\")\r\n数据要素"  # CR kept, not folded into LF
    assert en.value == "  +1 & <b>more</b> "  # spaces kept at both ends, \x0c removed


def test_sheet_reads_back_as_the_review_table(sheet):
    """``zhen review`` reads exactly the table's cells: text as written, numbers as
    openpyxl wrote them before (1.0 reads back as 1)."""
    rows = read_rows(sheet)
    table = [[v.replace("\x0c", "") if isinstance(v, str) else v for v in row]
             for row in pair_rows(PAIRS + [HOSTILE], FLAGS)]
    assert rows[0] == list(PAIR_COLUMNS)
    assert rows[1:] == _as_text(table)
    flags = list(load_workbook(sheet, read_only=True)["Flags"].iter_rows(values_only=True))
    assert flags[0] == FLAG_COLUMNS
    assert _as_text(flags[1:]) == _as_text(flag_rows(FLAGS))


def test_rows_are_streamed_not_collected():
    """The rows are consumed as the sheet is written: a generator of unknown length."""
    seen = []

    def rows():
        for i in range(3):
            seen.append(i)
            yield [i, f"row {i}"]

    buf = io.BytesIO()
    write_workbook(buf, [(SheetLayout("S", ("n", "text"), validation=None, data_style=PLAIN), rows())])
    assert seen == [0, 1, 2]
    ws = load_workbook(io.BytesIO(buf.getvalue()))["S"]
    assert [tuple(r) for r in ws.iter_rows(values_only=True)] == [("n", "text"), (0, "row 0"),
                                                                  (1, "row 1"), (2, "row 2")]
    assert zipfile.ZipFile(io.BytesIO(buf.getvalue())).testzip() is None


def test_empty_run_has_no_validation_range(tmp_path):
    path = tmp_path / "empty.xlsx"
    write_review_xlsx([], [Flag("omission", "Accuracy/Omission", "major", "m", pair_ids=())], path)
    ws = load_workbook(path)["Pairs"]
    assert ws.data_validations.dataValidation == [] and ws.max_row == 1
    assert read_rows(path) == [list(PAIR_COLUMNS)]


def test_a_cell_of_another_type_is_refused():
    with pytest.raises(TypeError):
        write_workbook(io.BytesIO(), [(SheetLayout("S", ("a",)), [[object()]])])
