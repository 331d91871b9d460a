"""`zhen review SHEET -o FILE`: the reviewer's sheet back into a TM, losing nothing.

The sheets are written by zhen's own exporters from the real 学习时报 sample
pairs (tests/data/export/pairs.json: five two-sided pairs in paragraphs 7-12
and a one-sided site footer), then edited the way a reviewer does in a
spreadsheet: decisions, comments, corrected English, sorted, and by mistake
deleted rows, cleared cells, a copied row or a touched source cell.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from sample_pairs import load_sample

from qa.export.table import write_review_csv
from qa.export.tmx import validate_tmx
from qa.export.xlsx import write_review_xlsx

PAIRS, FLAGS = load_sample()
KOWLOON = 4  # the 九龙治水 pair
FOOTER = 5  # the one-sided site footer (no English)
FORMATS = ("xlsx", "csv")

Rows = list[dict[str, str]]


def zhen(capsys, *args: object) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit status, stdout, stderr)."""
    from qa.cli import main

    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return stop.value.code, out, err


def make_sheet(tmp_path: Path, fmt: str) -> Path:
    path = tmp_path / f"review.{fmt}"
    (write_review_xlsx if fmt == "xlsx" else write_review_csv)(PAIRS, FLAGS, path)
    return path


def edit_sheet(path: Path, change: Callable[[Rows], Rows | None]) -> None:
    """Let ``change`` edit the data rows (dicts by column name), as a spreadsheet user would."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        ws = wb["Pairs"]
        table = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    else:
        table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = table[0]
    rows = [dict(zip(header, r)) for r in table[1:]]
    rows = change(rows) or rows
    values = [[row.get(h, "") for h in header] for row in rows]
    if path.suffix == ".xlsx":
        ws.delete_rows(2, ws.max_row)
        for r, row in enumerate(values, start=2):
            for c, v in enumerate(row, start=1):
                ws.cell(r, c).value = v if v != "" else None
        wb.save(path)
    else:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([header, *values])
        path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")


def by_id(rows: Rows, pair_id: int) -> dict[str, str]:
    return next(r for r in rows if r["id"] == str(pair_id))


def decide(**decisions: str) -> Callable[[Rows], None]:
    """decide(p0="reject", p4="fix") sets decisions by pair id."""

    def change(rows: Rows) -> None:
        for key, value in decisions.items():
            by_id(rows, int(key[1:]))["decision"] = value

    return change


def review_error(capsys, sheet: Path, change: Callable[[Rows], Rows | None]) -> str:
    """Edit ``sheet``, run zhen review on it: the one-line error (exit 2, nothing written)."""
    edit_sheet(sheet, change)
    final = sheet.parent / "final.tmx"
    status, _, err = zhen(capsys, "review", sheet, "-o", final)
    assert status == 2 and len(err.strip().splitlines()) == 1, err
    assert not final.exists()
    return err


def tus(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall("body/tu")


# ------------------------------------------------------------ item 1: output


@pytest.mark.parametrize("fmt", FORMATS)
def test_review_refuses_to_write_over_its_input(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)
    edit_sheet(sheet, decide(p0="accept"))
    before = sheet.read_bytes()
    status, _, err = zhen(capsys, "review", sheet, "-o", sheet)
    assert status == 2 and len(err.strip().splitlines()) == 1, err
    assert "input" in err and sheet.name in err
    assert sheet.read_bytes() == before


def test_review_refuses_a_link_to_its_input(tmp_path, capsys):
    sheet = make_sheet(tmp_path, "xlsx")
    before = sheet.read_bytes()
    (tmp_path / "sym.xlsx").symlink_to(sheet)
    os.link(sheet, tmp_path / "hard.xlsx")
    for other in ("sym.xlsx", "hard.xlsx"):
        status, _, err = zhen(capsys, "review", sheet, "-o", tmp_path / other)
        assert status == 2 and "input" in err, err
        status, _, err = zhen(capsys, "review", tmp_path / other, "-o", sheet)
        assert status == 2 and "input" in err, err
    assert sheet.read_bytes() == before


def test_review_output_format_follows_the_extension(tmp_path, capsys):
    from openpyxl import load_workbook

    sheet = make_sheet(tmp_path, "xlsx")
    edit_sheet(sheet, decide(p0="reject", p1="accept"))
    for name, written in (("final.tmx", 4), ("final.tsv", 5), ("final.xlsx", 5), ("final.csv", 5)):
        status, out, err = zhen(capsys, "review", sheet, "-o", tmp_path / name)
        assert status == 0, err
        assert f"→ {written} written to {tmp_path / name}" in out, out
    assert validate_tmx(tmp_path / "final.tmx") == []
    tsv = list(csv.reader(io.StringIO((tmp_path / "final.tsv").read_text(encoding="utf-8")),
                          delimiter="\t"))
    assert tsv[0][:3] == ["id", "zh", "en"] and [r[1] for r in tsv[1:]] == [p.zh for p in PAIRS[1:]]
    ws = load_workbook(tmp_path / "final.xlsx")["Pairs"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    # the one-sided footer stays in a table; only TMX needs both languages
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["decision"] == "accept" and rows[1]["decision"] is None
    assert (tmp_path / "final.csv").read_bytes().startswith(b"\xef\xbb\xbfid,zh,en")
    # a written sheet is itself a verified sheet
    status, out, err = zhen(capsys, "review", tmp_path / "final.csv", "-o", tmp_path / "again.tmx")
    assert status == 0 and err == "", err
    assert out.startswith("5 pairs in sheet: 1 accepted, 0 fixed, 0 rejected, 4 pending")


def test_review_refuses_an_unknown_output_extension(tmp_path, capsys):
    sheet = make_sheet(tmp_path, "xlsx")
    for name in ("final.xml", "final"):
        status, _, err = zhen(capsys, "review", sheet, "-o", tmp_path / name)
        assert status == 2 and len(err.strip().splitlines()) == 1, err
        assert ".tmx, .xlf, .tsv, .xlsx or .csv" in err
        assert not (tmp_path / name).exists()


# ---------------------------------------------------- item 3: nothing lost


@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_adds_up(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> None:
        decide(p0="reject", p1="accept", p4="fix")(rows)
        by_id(rows, KOWLOON)["en"] = by_id(rows, KOWLOON)["en"].replace(
            "water control in Kowloon", "fragmented management")

    edit_sheet(sheet, review)
    status, out, err = zhen(capsys, "review", sheet, "-o", tmp_path / "final.tmx")
    assert status == 0 and err == "", err
    assert out.strip() == (
        f"6 pairs in sheet: 1 accepted, 1 fixed, 1 rejected, 3 pending → 4 written to "
        f"{tmp_path / 'final.tmx'} (2 dropped: 1 rejected, 1 one-sided: pair 5)")
    assert len(tus(tmp_path / "final.tmx")) == 4
    status, out, _ = zhen(capsys, "review", sheet, "-o", tmp_path / "f.tmx", "--drop-pending")
    assert "→ 2 written" in out and "(4 dropped: 1 rejected, 3 pending" in out, out
    assert len(tus(tmp_path / "f.tmx")) == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_cleared_en_on_a_fix_row_is_an_error(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> None:
        decide(p4="fix")(rows)
        by_id(rows, KOWLOON)["en"] = ""

    err = review_error(capsys, sheet, review)
    assert "row 6 (pair 4)" in err and "fix" in err and "en is empty" in err


@pytest.mark.parametrize("decision", ["accept", ""])
def test_cleared_en_on_an_accepted_or_pending_row_is_an_error(tmp_path, capsys, decision):
    sheet = make_sheet(tmp_path, "xlsx")

    def review(rows: Rows) -> None:
        by_id(rows, 2)["decision"] = decision
        by_id(rows, 2)["en"] = ""

    err = review_error(capsys, sheet, review)
    assert "row 4 (pair 2): en was cleared" in err, err


def test_edited_en_without_fix_is_an_error(tmp_path, capsys):
    sheet = make_sheet(tmp_path, "csv")

    def review(rows: Rows) -> None:
        decide(p3="accept")(rows)
        by_id(rows, 3)["en"] += " Indeed."

    err = review_error(capsys, sheet, review)
    assert "row 5 (pair 3): en was edited" in err and "fix" in err, err


@pytest.mark.parametrize("fmt", FORMATS)
def test_deleted_and_emptied_rows_are_reported_by_id(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> Rows:
        decide(p0="accept")(rows)
        for key in rows[3]:  # pair 3's row emptied
            rows[3][key] = ""
        return [r for r in rows if r["id"] != "1"]  # pair 1's row deleted

    err = review_error(capsys, sheet, review)
    assert "pair 1: row missing" in err and "pair 3: row missing" in err
    assert "reject" in err  # the message says how to drop a pair on purpose


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_ids_are_an_error_naming_the_rows(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> Rows:
        copy = dict(by_id(rows, 2), decision="fix", en="No rules, no order.")
        return rows + [copy]

    err = review_error(capsys, sheet, review)
    assert "pair 2 is in rows 4 and 8" in err, err


def test_duplicate_ids_in_an_unverifiable_sheet_are_an_error(tmp_path, capsys):
    sheet = tmp_path / "old.csv"
    sheet.write_text("id,zh,en,decision\n0,你好。,Hello.,accept\n0,再见。,Bye.,accept\n",
                     encoding="utf-8")
    status, _, err = zhen(capsys, "review", sheet, "-o", tmp_path / "final.tmx")
    assert status == 2 and "pair 0 is in rows 2 and 3" in err, err


@pytest.mark.parametrize("fmt", FORMATS)
def test_edited_zh_is_an_error_naming_the_row(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> None:
        decide(p4="accept")(rows)
        by_id(rows, KOWLOON)["zh"] = by_id(rows, KOWLOON)["zh"].replace("九龙治水", "多头管理")

    err = review_error(capsys, sheet, review)
    assert "row 6 (pair 4): zh differs" in err, err


def test_every_mismatch_is_reported_at_once(tmp_path, capsys):
    sheet = make_sheet(tmp_path, "xlsx")

    def review(rows: Rows) -> Rows:
        by_id(rows, 0)["zh"] = "改过的标题"
        by_id(rows, 3)["decision"] = "fix"
        by_id(rows, 3)["en"] = ""
        return [r for r in rows if r["id"] != "2"]

    err = review_error(capsys, sheet, review)
    assert "3 problems" in err
    assert "row 2 (pair 0): zh differs" in err and "row 4 (pair 3)" in err
    assert "pair 2: row missing" in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_changed_id_and_cleared_key_name_their_row_not_a_missing_pair(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> None:
        by_id(rows, 2)["id"] = "7"
        by_id(rows, 3)["zhen_key"] = ""

    err = review_error(capsys, sheet, review)
    assert "2 problems" in err
    assert "row 4: id was changed to 7 (the row is pair 2)" in err
    assert "row 5 (pair 3): the zhen_key cell is empty" in err and "missing" not in err


def test_sheet_from_an_older_zhen_is_read_with_a_warning(tmp_path, capsys):
    sheet = tmp_path / "old.csv"
    sheet.write_text("id,zh,en,zh_ids,en_ids,score,decision,comment\n"
                     "0,你好。,Hello.,0,0,,accept,\n1,再见。,Goodbye.,1,1,,reject,\n"
                     "2,谢谢。,,2,,,,\n", encoding="utf-8")
    status, out, err = zhen(capsys, "review", sheet, "-o", tmp_path / "final.tmx")
    assert status == 0
    assert "cannot be verified" in err and len(err.strip().splitlines()) == 1, err
    assert out.startswith("3 pairs in sheet: 1 accepted, 0 fixed, 1 rejected, 1 pending → 1 written")
    assert "(2 dropped: 1 rejected, 1 one-sided: pair 2)" in out


# ------------------------------------------------ item 8: what the TMX keeps


@pytest.mark.parametrize("fmt", FORMATS)
def test_final_tmx_keeps_comments_decisions_paragraphs_and_document_order(tmp_path, capsys, fmt):
    sheet = make_sheet(tmp_path, fmt)

    def review(rows: Rows) -> Rows:
        decide(p1="accept", p4="fix", p3="reject")(rows)
        kowloon = by_id(rows, KOWLOON)
        kowloon["en"] = kowloon["en"].replace("the dilemma of “water control in Kowloon”",
                                              "fragmented management")
        kowloon["comment"] = "九龙治水 is an idiom: too many authorities, no coordination."
        by_id(rows, 2)["comment"] = "Literal but acceptable & <fine>."
        return sorted(rows, key=lambda r: r["worst"] + r["en"], reverse=True)  # reviewer sorted

    edit_sheet(sheet, review)
    final = tmp_path / "final.tmx"
    status, _, err = zhen(capsys, "review", sheet, "-o", final)
    assert status == 0, err
    assert validate_tmx(final) == []
    units = tus(final)
    assert [tu.get("tuid") for tu in units] == ["0", "1", "2", "4"]
    props = {tu.get("tuid"): {p.get("type"): p.text for p in tu.findall("prop")} for tu in units}
    assert {k: v["x-zhen-para"] for k, v in props.items()} == {"0": "7", "1": "9", "2": "10",
                                                               "4": "12"}
    assert {k: v["x-zhen-decision"] for k, v in props.items()} == {
        "0": "pending", "1": "accept", "2": "pending", "4": "fix"}
    assert props["0"]["x-zhen-heading"] == "true"
    assert props["4"]["x-zhen-zh-ids"] == "52" and props["4"]["x-zhen-en-ids"] == "64 65"
    notes = {tu.get("tuid"): [n.text for n in tu.findall("note")] for tu in units}
    assert notes["4"] == ["九龙治水 is an idiom: too many authorities, no coordination."]
    assert notes["2"] == ["Literal but acceptable & <fine>."] and notes["1"] == []
    kowloon_en = units[3].findall("tuv")[1].findtext("seg")
    assert "fragmented management" in kowloon_en and "Kowloon" not in kowloon_en
