"""Export stage: TMX against our TMX 1.4b DTD, atomic writes, and the review formats."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from sample_pairs import load_sample

from align.errors import InputError
from align.model import Pair
from align.pairs_io import read_pairs
from qa.export.atomic import atomic_output_dir, atomic_write_text
from qa.export.html import (
    STRIP_WIDTH,
    document_strip,
    html_report,
    mark_pieces,
    script_json,
    write_html_report,
)
from qa.export.jsonl import read_flags_jsonl, write_flags_jsonl
from qa.export.table import PAIR_COLUMNS, write_review_csv
from qa.export.tmx import validate_tmx, write_tmx
from qa.export.tsv import COLUMNS, unescape, write_pairs_tsv
from qa.export.xliff import XLIFF_NS, write_xliff
from qa.export.xlsx import write_review_xlsx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KOWLOON = 4  # id of the 九龙治水 / “water control in Kowloon” pair


PAIRS, FLAGS = load_sample()

# Real corpus sentences made hostile: control characters that XML 1.0 cannot
# carry, and markup-looking text that must be escaped, not interpreted.
DIRTY = Pair(
    id=100,
    zh="着眼于解决“九龙治水”困境\x0b,从根本上消解多重羁绊。",
    en="focus on solving the dilemma of “water control in Kowloon”\x01 & <b>data</b> ]]> sharing",
    zh_ids=(53,),
    en_ids=(66,),
    score=0.5,
)


def _parse(path: Path) -> etree._ElementTree:
    return etree.parse(
        str(path), etree.XMLParser(no_network=True, resolve_entities=False)
    )


# --------------------------------------------------------------------- TMX


def test_tmx_of_real_pairs_validates_against_dtd(tmp_path):
    out = tmp_path / "aligned.tmx"
    written = write_tmx(PAIRS + [DIRTY], out, flags=FLAGS)
    assert validate_tmx(out) == []
    raw = out.read_bytes()
    assert raw.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    )
    assert b"\x0b" not in raw and b"\x01" not in raw
    tree = _parse(out)
    tus = tree.getroot().findall("body/tu")
    # the 1-0 pair (site footer with no English) is skipped by default
    assert written == len(tus) == len(PAIRS)
    kowloon = next(tu for tu in tus if tu.get("tuid") == str(KOWLOON))
    segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in kowloon.findall("tuv")}
    assert "九龙治水" in segs["zh-CN"] and "water control in Kowloon" in segs["en-US"]
    props = {p.get("type"): p.text for p in kowloon.findall("prop")}
    assert props == {
        "x-zhen-confidence": "0.7900",
        "x-zhen-flags": "idiom-literal",  # issue 18: flags as machine-readable props
        "x-zhen-severity": "major",
        "x-zhen-zh-ids": "52",
        "x-zhen-en-ids": "64 65",
        "x-zhen-para": "12",
    }
    notes = [n.text for n in kowloon.findall("note")]
    assert notes == [
        (
            "[major] idiom-literal (accuracy): 九龙治水 (too many authorities, no coordination) "
            "translated literally as “water control in Kowloon” "
            "(suggestion: fragmented, uncoordinated oversight)"
        )
    ]
    # the document-level terminology flag is noted on both pairs it names
    for tuid in ("1", "3"):
        tu = next(t for t in tus if t.get("tuid") == tuid)
        assert any("term-consistency" in n.text for n in tu.findall("note"))
    dirty = next(tu for tu in tus if tu.get("tuid") == "100")
    en = dirty.find("tuv[@{http://www.w3.org/XML/1998/namespace}lang='en-US']/seg").text
    assert en == DIRTY.en.replace("\x01", "")


def test_xml_safe_drops_only_what_xml_cannot_carry():
    from qa.export.shared import xml_safe

    assert (
        xml_safe("九\x00龙\x0b治\ud800水\ufffe\t&\n<\U0001f600")
        == "九龙治水\t&\n<\U0001f600"
    )


def test_tmx_header_has_all_required_attributes(tmp_path):
    out = tmp_path / "a.tmx"
    write_tmx(PAIRS, out, tool_version="9.9.9")
    root = _parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert {k: v for k, v in header.attrib.items() if k != "creationdate"} == {
        "creationtool": "zhen",
        "creationtoolversion": "9.9.9",
        "segtype": "sentence",
        "o-tmf": "zhen",
        "adminlang": "en-US",
        "srclang": "zh-CN",
        "datatype": "plaintext",
    }
    assert re.fullmatch(r"\d{8}T\d{6}Z", header.get("creationdate"))


def test_tmx_escapes_markup_characters(tmp_path):
    out = tmp_path / "e.tmx"
    write_tmx([DIRTY], out)
    raw = out.read_text(encoding="utf-8")
    assert "&amp; &lt;b&gt;data&lt;/b&gt; ]]&gt; sharing" in raw
    assert validate_tmx(out) == []


def test_tmx_one_sided_pairs_kept_on_request(tmp_path):
    out = tmp_path / "k.tmx"
    assert write_tmx(PAIRS, out, one_sided="keep", flags=FLAGS) == len(PAIRS)
    assert validate_tmx(out) == []
    footer = next(
        tu for tu in _parse(out).getroot().iter("tu") if tu.get("tuid") == "5"
    )
    assert [tuv.get(XML_LANG) for tuv in footer.findall("tuv")] == ["zh-CN"]
    assert "no English counterpart" in footer.find("note").text


def test_tmx_to_open_file(tmp_path):
    buf = io.BytesIO()
    write_tmx(PAIRS[:2], buf)
    text = io.StringIO()
    write_tmx(PAIRS[:2], text)
    assert (
        text.getvalue().encode("utf-8").count(b"<tu ")
        == buf.getvalue().count(b"<tu ")
        == 2
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (' srclang="zh-CN"', "", "srclang"),  # required header attribute missing
        (
            '<tuv xml:lang="en-US">',
            "<tuv>",
            "xml:lang",
        ),  # required tuv attribute missing
        ("<seg>No rules", "<seg><b>No rules</b>", "b"),  # element not in the DTD
        (
            'creationdate="',
            'creationdate="2026-11-22 ',
            "creationdate",
        ),  # wrong date form
        ('segtype="sentence"', 'segtype="line"', "segtype"),  # not a TMX segtype
        ("</body>", "</bod>", "well-formed"),
    ],
)
def test_validate_tmx_finds_invalid_files(tmp_path, old, new, expected):
    good = tmp_path / "good.tmx"
    write_tmx(PAIRS, good)
    text = good.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.tmx"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = validate_tmx(bad)
    assert errors and any(expected in e for e in errors), errors


def test_validate_tmx_never_fetches_the_doctype(tmp_path):
    good = tmp_path / "good.tmx"
    write_tmx(PAIRS, good)
    remote = tmp_path / "remote.tmx"
    remote.write_text(
        good.read_text(encoding="utf-8").replace(
            'SYSTEM "tmx14.dtd"', 'SYSTEM "http://www.lisa.org/tmx/tmx14.dtd"'
        ),
        encoding="utf-8",
    )
    assert validate_tmx(remote) == []  # our own DTD, no network


def test_validate_tmx_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        validate_tmx(tmp_path / "none.tmx")


def test_tmx_round_trip_through_pairs_reader(tmp_path):
    out = tmp_path / "rt.tmx"
    write_tmx(PAIRS, out, flags=FLAGS)
    back = read_pairs(out).pairs
    both = [p for p in PAIRS if p.zh and p.en]
    assert [(p.zh, p.en) for p in back] == [(p.zh, p.en) for p in both]


# ------------------------------------------------------------------ atomic


def test_atomic_dir_failure_leaves_existing_folder_unchanged(tmp_path):
    final = tmp_path / "out"
    final.mkdir()
    (final / "aligned.tmx").write_text("old tmx", encoding="utf-8")
    (final / "notes.txt").write_text("reviewer notes", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in final.iterdir()}
    with (
        pytest.raises(RuntimeError, match="writer 3 failed"),
        atomic_output_dir(final) as tmp,
    ):
        write_tmx(PAIRS, tmp / "aligned.tmx")
        write_pairs_tsv(PAIRS, tmp / "pairs.tsv")
        raise RuntimeError("writer 3 failed")
    assert {p.name: p.read_bytes() for p in final.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no scratch left


def test_atomic_dir_success_replaces_and_keeps_others(tmp_path):
    final = tmp_path / "out"
    final.mkdir()
    (final / "aligned.tmx").write_text("old tmx", encoding="utf-8")
    (final / "notes.txt").write_text("reviewer notes", encoding="utf-8")
    with atomic_output_dir(final) as tmp:
        write_tmx(PAIRS, tmp / "aligned.tmx")
        write_flags_jsonl(FLAGS, tmp / "flags.jsonl")
        (tmp / "sub").mkdir()
        (tmp / "sub" / "x.txt").write_text("nested", encoding="utf-8")
        assert not (final / "flags.jsonl").exists()  # nothing visible before success
    assert sorted(p.name for p in final.iterdir()) == [
        "aligned.tmx",
        "flags.jsonl",
        "notes.txt",
        "sub",
    ]
    assert validate_tmx(final / "aligned.tmx") == []
    assert (final / "notes.txt").read_text(encoding="utf-8") == "reviewer notes"
    assert (final / "sub" / "x.txt").read_text(encoding="utf-8") == "nested"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_atomic_dir_creates_missing_folder(tmp_path):
    final = tmp_path / "new" / "out"
    with atomic_output_dir(final) as tmp:
        write_pairs_tsv(PAIRS, tmp / "pairs.tsv")
    assert [p.name for p in final.iterdir()] == ["pairs.tsv"]
    mode = final.stat().st_mode & 0o777
    assert mode == 0o777 & ~_umask()  # the umask applies, not mkdtemp's 0700


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_atomic_dir_and_file_write_through_symlinks(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with atomic_output_dir(tmp_path / "link") as tmp:
        write_pairs_tsv(PAIRS, tmp / "pairs.tsv")
    assert (tmp_path / "link").is_symlink()
    assert [p.name for p in real.iterdir()] == ["pairs.tsv"]
    (tmp_path / "flags-link.jsonl").symlink_to(real / "flags.jsonl")
    write_flags_jsonl(FLAGS, tmp_path / "flags-link.jsonl")
    assert (tmp_path / "flags-link.jsonl").is_symlink()
    assert read_flags_jsonl(real / "flags.jsonl") == FLAGS
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "flags-link.jsonl",
        "link",
        "real",
    ]


def test_atomic_dir_on_a_file_is_input_error(tmp_path):
    blocker = tmp_path / "report"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(InputError, match="not a directory"), atomic_output_dir(blocker):
        pass
    with (
        pytest.raises(InputError, match="a parent is not a directory"),
        atomic_output_dir(blocker / "out"),
    ):
        pass


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_atomic_dir_unwritable_parent_as_user(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(InputError) as err, atomic_output_dir(parent / "out"):
            pass
    finally:
        parent.chmod(0o700)
    assert str(err.value) == f"cannot write to {parent / 'out'}: permission denied"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs sysfs")
def test_atomic_dir_unwritable_parent_even_for_root():
    # sysfs refuses new entries to everyone, root included.
    target = Path("/sys/kernel/zhen-out")
    with pytest.raises(InputError) as err, atomic_output_dir(target):
        pass
    assert str(err.value) == f"cannot write to {target}: permission denied"
    assert "\n" not in str(err.value)


def test_atomic_write_text_replaces_whole_file(tmp_path):
    target = tmp_path / "flags.jsonl"
    target.write_text("stale\n" * 100, encoding="utf-8")
    atomic_write_text(target, "九龙治水\n")
    assert target.read_text(encoding="utf-8") == "九龙治水\n"
    atomic_write_text(tmp_path / "new.txt", "甲")
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o666 & ~_umask()
    (tmp_path / "new.txt").unlink()
    assert [p.name for p in tmp_path.iterdir()] == ["flags.jsonl"]
    with pytest.raises(InputError, match="is a directory"):
        atomic_write_text(tmp_path, "x")


# ------------------------------------------------------------ jsonl / tsv


def test_flags_jsonl_round_trip(tmp_path):
    out = tmp_path / "flags.jsonl"
    write_flags_jsonl(FLAGS, out)
    raw = out.read_text(encoding="utf-8")
    assert "九龙治水" in raw and "\\u4e5d" not in raw
    assert read_flags_jsonl(out) == FLAGS
    frame = pd.read_json(out, lines=True)
    assert len(frame) == len(FLAGS)
    assert list(frame["severity"]) == [f.severity for f in FLAGS]
    assert frame.loc[0, "zh_spans"] == [[81, 85]]


def test_flags_jsonl_bad_line_is_input_error(tmp_path):
    bad = tmp_path / "flags.jsonl"
    bad.write_text('{"check": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"flags.jsonl:1: not a zhen flag record"):
        read_flags_jsonl(bad)
    bad.write_text(
        '{"check": "x", "category": "y", "severity": "fatal"}\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"flags.jsonl:1: .*unknown severity 'fatal'"):
        read_flags_jsonl(bad)


TRICKY = [
    *PAIRS,
    Pair(
        id=6,
        zh="数据\t要素\n市场",
        en='"Data"\tfactor \\n market\r\n',
        zh_ids=(7, 8),
        en_ids=(),
    ),
    Pair(id=7, zh="NA", en="null", zh_ids=(9,), en_ids=(10,), score=None),
]


def test_pairs_tsv_loads_back_exactly_with_pandas(tmp_path):
    out = tmp_path / "pairs.tsv"
    write_pairs_tsv(TRICKY, out)
    assert (
        out.read_text(encoding="utf-8").count("\n") == len(TRICKY) + 1
    )  # one line per pair
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == COLUMNS
    assert [unescape(z) for z in frame["zh"]] == [p.zh for p in TRICKY]
    assert [unescape(e) for e in frame["en"]] == [p.en for p in TRICKY]
    assert list(frame["en_ids"]) == [" ".join(map(str, p.en_ids)) for p in TRICKY]
    typed = pd.read_csv(out, sep="\t")
    assert list(typed["id"]) == [p.id for p in TRICKY]
    assert typed["score"].tolist()[:6] == [p.score for p in PAIRS]
    assert typed["score"].isna().tolist()[6:] == [True, True]


def test_pairs_tsv_round_trip(tmp_path):
    out = tmp_path / "pairs.tsv"
    write_pairs_tsv(TRICKY, out)
    back = read_pairs(out).pairs
    assert [(p.id, p.zh, p.en, p.zh_ids, p.en_ids, p.score) for p in back] == [
        (p.id, p.zh, p.en, p.zh_ids, p.en_ids, p.score) for p in TRICKY
    ]


# ----------------------------------------------------------------- review


def test_xliff_parses_and_marks_flagged_units(tmp_path):
    out = tmp_path / "review.xlf"
    write_xliff(PAIRS + [DIRTY], FLAGS, out)
    root = _parse(out).getroot()
    ns = {"x": XLIFF_NS}
    assert root.get("version") == "1.2"
    file_el = root.find("x:file", ns)
    assert (file_el.get("source-language"), file_el.get("target-language")) == (
        "zh-CN",
        "en-US",
    )
    units = {u.get("id"): u for u in root.iterfind(".//x:trans-unit", ns)}
    assert len(units) == len(PAIRS) + 1
    states = {uid: u.find("x:target", ns).get("state") for uid, u in units.items()}
    assert states == {
        "0": "translated",
        "1": "needs-review-translation",  # document-level terminology flag
        "2": "needs-review-translation",
        "3": "needs-review-translation",
        "4": "needs-review-translation",
        "5": "needs-translation",  # footer with no English
        "100": "translated",
    }
    kowloon = units[str(KOWLOON)]
    assert "九龙治水" in kowloon.findtext("x:source", namespaces=ns)
    flag_notes = [n for n in kowloon.iterfind("x:note", ns) if n.get("from") == "zhen"]
    assert len(flag_notes) == 1 and flag_notes[0].get("priority") == "3"
    assert "water control in Kowloon" in flag_notes[0].text
    assert units["100"].findtext("x:target", namespaces=ns) == DIRTY.en.replace(
        "\x01", ""
    )


def test_xliff_approval_only_on_request(tmp_path):
    plain, approving = tmp_path / "plain.xlf", tmp_path / "approving.xlf"
    write_xliff(PAIRS, FLAGS, plain)
    write_xliff(PAIRS, FLAGS, approving, approve_unflagged=True)
    ns = {"x": XLIFF_NS}
    units = _parse(plain).getroot().findall(".//x:trans-unit", ns)
    assert all(u.get("approved") is None for u in units)
    units = _parse(approving).getroot().findall(".//x:trans-unit", ns)
    assert [u.get("id") for u in units if u.get("approved") == "yes"] == ["0"]


def test_xliff_round_trip_through_pairs_reader(tmp_path):
    out = tmp_path / "review.xlf"
    write_xliff(PAIRS, FLAGS, out)
    back = read_pairs(out).pairs
    assert [(p.zh, p.en) for p in back] == [(p.zh, p.en) for p in PAIRS]


def test_tmx_and_xliff_read_by_translate_toolkit(tmp_path):
    """A second, independent reader: translate-toolkit, the storage layer of Weblate and Pootle."""
    from translate.storage import tmx, xliff

    expected = [(p.zh, p.en) for p in PAIRS] + [
        (DIRTY.zh.replace("\x0b", ""), DIRTY.en.replace("\x01", ""))
    ]
    write_tmx(PAIRS + [DIRTY], tmp_path / "a.tmx")
    store = tmx.tmxfile.parsefile(str(tmp_path / "a.tmx"))
    assert [(u.source, u.target) for u in store.units] == [(z, e) for z, e in expected if z and e]

    write_xliff(PAIRS + [DIRTY], FLAGS, tmp_path / "a.xlf")
    store = xliff.xlifffile.parsefile(str(tmp_path / "a.xlf"))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.source, u.target) for u in units] == expected
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("zh-CN", "en-US")
    assert "九龙治水" in units[KOWLOON].getnotes()


def test_xlsx_opens_with_rows_and_flags(tmp_path):
    from openpyxl import load_workbook

    formula_like = Pair(
        id=8, zh="=SUM(A1)", en="=cmd|'/c calc'!A0\x0b", zh_ids=(11,), en_ids=(12,)
    )
    out = tmp_path / "review.xlsx"
    write_review_xlsx(PAIRS + [formula_like], FLAGS, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Pairs", "Flags"]
    rows = list(wb["Pairs"].iter_rows(values_only=True))
    assert rows[0] == PAIR_COLUMNS
    assert len(rows) == len(PAIRS) + 2
    by_id = {r[0]: dict(zip(PAIR_COLUMNS, r)) for r in rows[1:]}
    assert "九龙治水" in by_id[KOWLOON]["zh"]
    assert by_id[KOWLOON]["n_flags"] == 1 and by_id[KOWLOON]["worst"] == "major"
    assert by_id[5]["worst"] == "critical"
    assert by_id[KOWLOON]["decision"] is None and by_id[KOWLOON]["comment"] is None
    # text that looks like a formula stays text, control characters are gone
    cell = wb["Pairs"].cell(row=len(PAIRS) + 2, column=3)
    assert cell.value == "=cmd|'/c calc'!A0" and cell.data_type == "s"
    validations = wb["Pairs"].data_validations.dataValidation
    assert validations and validations[0].formula1 == '"accept,fix,reject"'
    flag_rows = list(wb["Flags"].iter_rows(values_only=True))
    assert len(flag_rows) == len(FLAGS) + 1
    assert flag_rows[-1][:3] == (None, "1 3", "minor")


def test_review_csv_has_bom_and_one_record_per_pair(tmp_path):
    out = tmp_path / "review.csv"
    write_review_csv(PAIRS, FLAGS, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == PAIR_COLUMNS
    assert list(frame["zh"]) == [p.zh for p in PAIRS]
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == len(PAIRS) + 1


def test_review_csv_guards_formulas_and_review_reads_them_back(tmp_path):
    from qa.review import read_review

    risky = [
        Pair(id=0, zh="计算结果", en="=cmd|'/c calc'!A0", zh_ids=(0,), en_ids=(0,)),
        Pair(id=1, zh="零下五度", en="-5 degrees below zero.", zh_ids=(1,), en_ids=(1,)),
        Pair(id=2, zh="请联系", en="@support will reply.", zh_ids=(2,), en_ids=(2,)),
        Pair(id=3, zh="你好。", en="'Hello,' she said.", zh_ids=(3,), en_ids=(3,)),
    ]
    out = tmp_path / "review.csv"
    write_review_csv(risky, [], out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        raw = [row[2] for row in csv.reader(fh)][1:]
    assert raw == ["'=cmd|'/c calc'!A0", "'-5 degrees below zero.", "'@support will reply.",
                   "'Hello,' she said."]
    assert [r.pair.en for r in read_review(out).pairs] == [p.en for p in risky]


def _report_json(page: str) -> dict:
    start = page.index('<script type="application/json" id="zhen-data">')
    body = page[page.index(">", start) + 1:page.index("</script>", start)]
    return json.loads(body)


def test_html_is_self_contained_escaped_and_marked(tmp_path):
    out = tmp_path / "report.html"
    write_html_report(PAIRS + [DIRTY], FLAGS, out, title="学习时报 <QA>")
    page = out.read_text(encoding="utf-8")
    assert "<title>学习时报 &lt;QA&gt;</title>" in page
    # document text only inside the JSON block, with every <, > and & escaped
    assert "<b>data</b>" not in page and "]]>" not in page and "\x01" not in page
    assert "\\u0026 \\u003cb\\u003edata\\u003c/b\\u003e ]]\\u003e sharing" in page
    # nothing fetched: two inline scripts (the data and the code), no src, no link, no url()
    assert page.count("<script") == 2 and not re.search(r"<link|\ssrc=|url\(|https?://", page)
    data = _report_json(page)
    dirty = next(r for r in data["pairs"] if r["i"] == 100)
    assert "".join(x[0] for x in dirty["e"]) == DIRTY.en.replace("\x01", "")
    kowloon = next(r for r in data["pairs"] if any(x[0] == "九龙治水" for x in r["z"]))
    marked = [x for x in kowloon["z"] + kowloon["e"] if len(x) == 3]
    assert {x[0] for x in marked} >= {"九龙治水", "water control in Kowloon"}
    assert all(data["sev"][x[1]] == "major" for x in marked)
    assert all(data["flags"][k]["k"] == "idiom-literal" for x in marked for k in x[2])
    assert "MQM score" in page and "terminology" in page and "Document-level flags" in page
    assert '<svg id="cat-plot"' in page and '<svg id="strip"' in page
    etree.fromstring(page.encode("utf-8"), etree.HTMLParser(recover=False))


def test_mark_pieces_split_overlapping_spans():
    text = "数据要素市场化配置"
    pieces = mark_pieces(text, [((0, 4), 0), ((2, 7), 1)], [0, 2])
    assert pieces == [["数据", 0, [0]], ["要素", 2, [0, 1]], ["市场化", 2, [1]], ["配置"]]
    assert mark_pieces("<x>", [((5, 9), 1)], [0, 1]) == [["<x>"]]


def test_script_json_cannot_close_its_script():
    text = script_json({"en": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"en": "</script><script>alert(1)</script><!-- & -->"}


def test_html_report_without_flags():
    page = html_report(PAIRS[:2], [])
    assert "MQM score 100.00" in page and "<mark" not in page and "No flags." in page
    assert all(r["f"] == [] for r in _report_json(page)["pairs"])
    # a long clean document starts with every pair shown, not an empty table
    many = [Pair(id=i, zh="数据", en="data", score=float("nan") if i == 3 else 0.9) for i in range(60)]
    data = _report_json(html_report(many, []))
    assert data["flaggedOnly"] is False and data["pairs"][3]["c"] is None


def test_document_strip_bins_long_documents():
    """10,000 pairs: at most one mark per unit of width and lane, each linking to a real pair."""
    pairs = [Pair(id=i, zh="数据", en="data", score=0.2 if i % 97 == 0 else 0.99) for i in range(10_000)]
    from qa.model import Flag

    flags = [Flag("numbers", "Accuracy/Number", "major" if i % 3 else "minor", "m", pair_id=i)
             for i in range(0, 10_000, 7)]
    svg = document_strip(pairs, flags)
    links = re.findall(r'<a href="#p(\d+)">', svg)
    assert len(links) <= 2 * STRIP_WIDTH and all(0 <= int(i) < 10_000 for i in links)
    assert 'class="s-low"' in svg and 'class="s-major"' in svg


# ------------------------------------------- unit ids and inline codes (issue 13 item 5)

DATA_READ = Path(__file__).resolve().parent / "data" / "read"


def _seg_xml(el: etree._Element) -> str:
    """Content of a <seg>/<source>/<target> as XML, namespace declarations removed."""
    inner = (el.text or "") + "".join(
        etree.tostring(child, encoding="unicode") for child in el
    )
    return re.sub(r' xmlns(:\w+)?="[^"]*"', "", inner)


def test_tmx_inline_codes_and_tuids_survive_read_and_write(tmp_path):
    pairs = read_pairs(DATA_READ / "pairs.tmx").pairs
    out = tmp_path / "again.tmx"
    write_tmx(pairs, out, one_sided="keep")
    assert validate_tmx(out) == []
    tus = {tu.get("tuid"): tu for tu in _parse(out).getroot().iter("tu")}
    assert list(tus) == ["a1", "a2", "a3", "a4", "a5"]
    en = {tuv.get(XML_LANG): tuv.find("seg") for tuv in tus["a2"].iter("tuv")}["en-US"]
    assert _seg_xml(en) == (
        'Accelerating the deeper integration of the <bpt i="1">&lt;b&gt;</bpt>digital economy'
        '<ept i="1">&lt;/b&gt;</ept> and the real economy is of great significance.'
        '<ph x="2">&lt;br/&gt;</ph>'
    )
    zh = {tuv.get(XML_LANG): tuv.find("seg") for tuv in tus["a3"].iter("tuv")}["zh-CN"]
    assert _seg_xml(zh) == '作者:<hi type="b">周民</hi> 国家信息中心副主任'
    placeholder = {tuv.get(XML_LANG): tuv.find("seg") for tuv in tus["a5"].iter("tuv")}
    assert _seg_xml(placeholder["zh-CN"]) == "第<ph>{0}</ph>条"
    # and reading zhen's file back gives the same pairs, codes included
    back = read_pairs(out).pairs
    assert [(p.unit_id, p.zh, p.en, p.zh_codes, p.en_codes) for p in back] == [
        (p.unit_id, p.zh, p.en, p.zh_codes, p.en_codes) for p in pairs
    ]


def test_xliff_inline_codes_survive_and_are_wrapped_in_tmx(tmp_path):
    pairs = read_pairs(DATA_READ / "pairs-1.2.xlf").pairs
    xlf = tmp_path / "review.xlf"
    write_xliff(pairs, [], xlf)
    ns = {"x": XLIFF_NS}
    units = {u.get("id"): u for u in _parse(xlf).getroot().iterfind(".//x:trans-unit", ns)}
    assert list(units) == ["1", "2", "3"]
    assert _seg_xml(units["2"].find("x:target", ns)) == (
        'Accelerating the deeper integration of the <g id="1">digital economy</g> '
        'and the real economy is of great significance.<x id="2"/>'
    )
    # in TMX the XLIFF codes are TMX codes carrying the original markup
    tmx = tmp_path / "memory.tmx"
    write_tmx(pairs, tmx)
    assert validate_tmx(tmx) == []
    tu = next(t for t in _parse(tmx).getroot().iter("tu") if t.get("tuid") == "2")
    segs = [_seg_xml(s) for s in tu.iter("seg")]
    assert segs[0] == (
        '加快<bpt i="1">&lt;g id="1"&gt;</bpt>数字经济<ept i="1">&lt;/g&gt;</ept>'
        '和实体经济深度融合意义重大。<ph x="2">&lt;x id="2"/&gt;</ph>'
    )
    assert '<bpt i="1">&lt;g id="1"&gt;</bpt>digital economy<ept i="1">' in segs[1]


def test_zhen_tmx_reimport_keeps_segment_ids_para_and_heading(tmp_path):
    out = tmp_path / "aligned.tmx"
    write_tmx(PAIRS, out)
    back = {p.unit_id: p for p in read_pairs(out).pairs}
    for pair in PAIRS:
        if pair.zh and pair.en:
            got = back[str(pair.id)]
            assert (got.zh_ids, got.en_ids, got.para, got.heading) == (
                pair.zh_ids, pair.en_ids, pair.para, pair.heading
            )


def test_written_ids_are_the_input_ids_and_unique(tmp_path):
    pairs = [
        Pair(id=0, zh=PAIRS[0].zh, en=PAIRS[0].en, unit_id="seg-9"),
        Pair(id=1, zh=PAIRS[1].zh, en=PAIRS[1].en),  # no input id: its number
        Pair(id=2, zh=PAIRS[2].zh, en=PAIRS[2].en, unit_id="1"),  # collides with that number
    ]
    tmx, xlf = tmp_path / "a.tmx", tmp_path / "a.xlf"
    write_tmx(pairs, tmx)
    write_xliff(pairs, [], xlf)
    assert [tu.get("tuid") for tu in _parse(tmx).getroot().iter("tu")] == ["seg-9", "1-2", "1"]
    units = _parse(xlf).getroot().iterfind(f".//{{{XLIFF_NS}}}trans-unit")
    assert [u.get("id") for u in units] == ["seg-9", "1-2", "1"]


def test_pairs_tsv_and_flags_jsonl_carry_unit_ids(tmp_path):
    import json

    from qa.model import Flag

    pairs = [
        Pair(id=0, zh=PAIRS[0].zh, en=PAIRS[0].en, unit_id="tu\t7"),
        Pair(id=1, zh=PAIRS[1].zh, en=PAIRS[1].en),
    ]
    flags = [
        Flag("numbers", "Accuracy", "major", "m", pair_id=0),
        Flag("terminology", "Terminology", "minor", "m", pair_ids=(0, 1)),
    ]
    tsv, jsonl = tmp_path / "pairs.tsv", tmp_path / "flags.jsonl"
    write_pairs_tsv(pairs, tsv)
    assert [p.unit_id for p in read_pairs(tsv).pairs] == ["tu\t7", None]
    write_flags_jsonl(flags, jsonl, pairs)
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [(r["unit_id"], r["unit_ids"]) for r in records] == [
        ("tu\t7", ["tu\t7"]), (None, ["tu\t7", None])
    ]
    assert read_flags_jsonl(jsonl) == flags


def test_review_sheets_carry_unit_ids_into_the_final_tm(tmp_path):
    from qa.review import read_review
    from qa.review_output import select, write_outcome

    pairs = [
        Pair(id=0, zh=PAIRS[0].zh, en=PAIRS[0].en, unit_id="seg-41"),
        Pair(id=1, zh=PAIRS[1].zh, en=PAIRS[1].en),
    ]
    for sheet in (tmp_path / "review.csv", tmp_path / "review.xlsx"):
        (write_review_csv if sheet.suffix == ".csv" else write_review_xlsx)(pairs, [], sheet)
        outcome = select(read_review(sheet), keep_pending=True, both_sides=True)
        assert [r.pair.unit_id for r in outcome.kept] == ["seg-41", None]
        final = tmp_path / f"final-{sheet.suffix[1:]}.tmx"
        write_outcome(outcome, "tmx", final)
        assert [tu.get("tuid") for tu in _parse(final).getroot().iter("tu")] == ["seg-41", "1"]


def test_xliff_with_inline_codes_is_valid_xliff_1_2_strict(tmp_path):
    """Codes read from TMX, XLIFF 1.2 and 2.0 all give a schema-valid review.xlf."""
    shared = Path(os.environ.get("ZHEN_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    xsd = shared / "schemas" / "xliff-core-1.2-strict.xsd"
    if not xsd.is_file():
        pytest.skip(f"the XLIFF 1.2 schema is not at {xsd} (shared evaluation data)")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    for name in ("pairs.tmx", "pairs-1.2.xlf", "pairs-2.0.xlf"):
        out = tmp_path / f"{name}.xlf"
        write_xliff(read_pairs(DATA_READ / name).pairs, [], out)
        assert schema.validate(_parse(out)), (name, schema.error_log)
