"""align.formats (one module per file format) and the unit metadata of issue 18:
flags and scores as TMX props and XLIFF notes, export filters, language codes,
characters XML 1.0 forbids, and writers/readers that stream.

Real 学习时报 pairs with known flags (tests/data/export/pairs.json).
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from sample_pairs import load_sample

from align.errors import InputError
from align.formats import for_input, module
from align.formats import tmx as tmx_format
from align.formats.unit import Languages, Unit, languages
from align.model import Pair
from align.pairs_io import read_pairs
from qa.export.shared import ExportOptions, ReviewMark
from qa.export.tmx import export_tmx, validate_tmx
from qa.export.xliff import XLIFF_NS, write_xliff
from qa.export.xlsx import write_review_xlsx

PAIRS, FLAGS = load_sample()
NS = {"x": XLIFF_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATA_READ = Path(__file__).resolve().parent / "data" / "read"


def _tus(path: Path) -> dict[str, etree._Element]:
    return {tu.get("tuid"): tu for tu in etree.parse(str(path)).getroot().iter("tu")}


def _props(tu: etree._Element) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def _units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}


# ---------------------------------------------------------------- registry


def test_registry_picks_the_module_by_extension_and_xml_root(tmp_path):
    assert for_input(Path("a.tmx"), b"<tmx/>") is module("tmx")
    assert for_input(Path("a.sdlxliff"), b"<xliff/>") is module("xliff")
    assert for_input(Path("a.csv"), b"zh,en\n") is module("tsv")
    # a TMX saved as .xml (or .txt) is recognised by its root element
    assert for_input(Path("memory.xml"), b'<?xml version="1.0"?><tmx version="1.4"/>') \
        is module("tmx")
    assert for_input(Path("memory.txt"), b"<tmx version='1.4'/>") is module("tmx")
    with pytest.raises(InputError, match=r"neither TMX nor XLIFF \(root element is <rss>\)"):
        for_input(Path("feed.xml"), b"<rss/>")
    with pytest.raises(InputError, match=r"unknown pairs format '\.json'"):
        for_input(Path("a.json"), b"{}")


def test_units_round_trip_through_the_tmx_module():
    unit = Unit("u-1", "数据是新的石油。", "Data is the new oil.",
                props=(("x-zhen-flags", "a b"), ("x-custom", "7")))
    buf = io.BytesIO()
    stats = tmx_format.write([unit], buf, tool_version="1")
    assert stats.units == 1
    [back] = list(tmx_format.read(buf.getvalue(), Path("mem.tmx")).units)
    assert (back.id, back.zh, back.en, back.props) == (unit.id, unit.zh, unit.en, unit.props)


# ------------------------------------------------------------- streaming


class _Recorder(io.BytesIO):
    """A binary sink that notes how many units the writer had taken when
    the first ``<tu``/``<trans-unit`` reached it."""

    def __init__(self, taken: list[int], marker: bytes) -> None:
        super().__init__()
        self.taken, self.marker, self.first = taken, marker, None

    def write(self, data) -> int:
        if self.first is None and self.marker in bytes(data):
            self.first = self.taken[0]
        return super().write(data)


@pytest.mark.parametrize(("fmt", "marker"), [("tmx", b"<tu "), ("xliff", b"<trans-unit ")])
def test_writers_stream_units_out_before_reading_the_rest(fmt, marker):
    """Units reach the file while the generator is still being consumed:
    the writer never holds the document, whatever its size."""
    taken = [0]
    n = 5000

    def units():
        for i in range(n):
            taken[0] += 1
            yield Unit(str(i), f"第{i}句。", f"Sentence {i}.")

    sink = _Recorder(taken, marker)
    stats = module(fmt).write(units(), sink)
    assert stats.units == n
    assert sink.first is not None and sink.first < n / 2, sink.first
    assert sink.getvalue().count(marker) == n


def test_tmx_reader_yields_units_before_the_end_of_the_file():
    """iterparse: the units before a truncation come out, then the error."""
    buf = io.BytesIO()
    tmx_format.write([Unit(str(i), f"第{i}句。", f"Sentence {i}.") for i in range(3)], buf)
    data = buf.getvalue()
    cut = data[: data.rindex(b"<tu ")]  # the third unit and the end are missing
    units = tmx_format.read(cut, Path("cut.tmx")).units
    assert [next(units).id, next(units).id] == ["0", "1"]
    with pytest.raises(InputError, match="cut.tmx: not valid XML"):
        next(units)


# ------------------------------------------------- flags as unit metadata


def test_tmx_props_carry_flags_worst_severity_and_qe(tmp_path):
    pairs = [p if p.id != 4 else Pair(**{**p.__dict__, "qe": 41.26}) for p in PAIRS]
    out = tmp_path / "a.tmx"
    export_tmx(pairs, out, flags=FLAGS)
    assert validate_tmx(out) == []
    tus = _tus(out)
    kowloon = _props(tus["4"])
    assert (kowloon["x-zhen-flags"], kowloon["x-zhen-severity"], kowloon["x-zhen-qe"]) == (
        "idiom-literal", "major", "41.3")
    # a document-level flag is on every unit it names
    assert _props(tus["1"])["x-zhen-flags"] == "term-consistency"
    # a clean unit: no flag props (and no qe before QE ran)
    assert not {"x-zhen-flags", "x-zhen-severity", "x-zhen-qe"} & set(_props(tus["0"]))


def test_xliff_notes_priorities_and_state_qualifier(tmp_path):
    out = tmp_path / "r.xlf"
    write_xliff(PAIRS, FLAGS, out)
    units = _units(out)
    notes = [(n.get("from"), n.get("priority")) for n in units["4"].iterfind("x:note", NS)]
    assert notes == [("zhen-align", "10"), ("zhen", "3")]
    target = units["4"].find("x:target", NS)
    # an Accuracy flag: the target may be wrong, and XLIFF says why
    assert (target.get("state"), target.get("state-qualifier")) == (
        "needs-review-translation", "rejected-inaccurate")
    # a terminology flag has no XLIFF qualifier; a clean unit neither
    assert units["1"].find("x:target", NS).get("state-qualifier") is None
    assert units["0"].find("x:target", NS).get("state-qualifier") is None


def test_review_xliff_approves_accepted_and_fixed_units_only(tmp_path):
    marks = {0: ReviewMark("accept"), 1: ReviewMark("fix", "better wording"),
             2: ReviewMark("pending", flags="[minor] idiom-literal (accuracy): literal")}
    out = tmp_path / "final.xlf"
    write_xliff(PAIRS[:3], [], out, marks=marks)
    units = _units(out)
    assert {uid: u.get("approved") for uid, u in units.items()} == {
        "0": "yes", "1": "yes", "2": None}
    states = {uid: u.find("x:target", NS).get("state") for uid, u in units.items()}
    assert states == {"0": "signed-off", "1": "translated", "2": "needs-review-translation"}
    pending_notes = [(n.get("from"), n.get("priority"), n.text)
                     for n in units["2"].iterfind("x:note", NS)]
    assert ("zhen", "5", "[minor] idiom-literal (accuracy): literal") in pending_notes
    assert any(n.text == "better wording" for n in units["1"].iterfind("x:note", NS))


def test_review_xliff_with_qualifiers_is_valid_xliff_1_2_strict(tmp_path):
    shared = Path(__file__).resolve().parents[2] / "shared"
    xsd = shared / "schemas" / "xliff-core-1.2-strict.xsd"
    if not xsd.is_file():
        pytest.skip(f"the XLIFF 1.2 schema is not at {xsd} (shared evaluation data)")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    out = tmp_path / "r.xlf"
    write_xliff(PAIRS, FLAGS, out, options=ExportOptions(languages("zh-TW", "en-GB")))
    reviewed = tmp_path / "final.xlf"
    write_xliff(PAIRS, [], reviewed, marks={0: ReviewMark("accept"), 1: ReviewMark("fix", "ok")})
    for path in (out, reviewed):
        assert schema.validate(etree.parse(str(path))), schema.error_log


# ------------------------------------------------------------ filters


def test_min_confidence_and_exclude_severity_leave_units_out_and_count_them(tmp_path):
    out = tmp_path / "clean.tmx"
    options = ExportOptions(min_confidence=0.8, exclude_severity="major")
    result = export_tmx(PAIRS, out, flags=FLAGS, options=options, name="aligned.tmx")
    assert validate_tmx(out) == []
    # pair 2 (0.64) is below 0.8; pair 4 (0.79) too — the confidence filter counts it first;
    # pair 5 is one-sided (and critical): left out as one-sided
    assert sorted(_tus(out)) == ["0", "1", "3"]
    assert (result.units, result.below_confidence, result.excluded_severity, result.one_sided) \
        == (3, 2, 0, 1)
    assert result.notes(options) == [(
        "aligned.tmx: 3 units written; left out 2 below --min-confidence 0.8, "
        "0 with major-or-worse flags (--exclude-severity), 1 one-sided")]

    result = export_tmx(PAIRS, out, flags=FLAGS, options=ExportOptions(exclude_severity="minor"))
    # minor or worse: the two idiom flags (pairs 2, 4); the document-level
    # term-consistency flag blames no single unit, so pairs 1 and 3 stay
    assert sorted(_tus(out)) == ["0", "1", "3"] and result.excluded_severity == 2


def test_without_filters_the_summary_says_nothing(tmp_path):
    result = export_tmx(PAIRS, tmp_path / "a.tmx", flags=FLAGS)
    assert result.units == 5 and result.notes(ExportOptions()) == []


# ------------------------------------------------------- language codes


@pytest.mark.parametrize(("src", "tgt"), [("zh-CN", "en-US"), ("zh-Hant-TW", "en-GB"),
                                          ("zh", "en"), ("yue-HK", "en-x-legal")])
def test_well_formed_language_codes_are_accepted(src, tgt):
    assert languages(src, tgt) == Languages(src, tgt)


@pytest.mark.parametrize(("src", "tgt", "message"), [
    ("zh_CN", "en-US", "--src-lang 'zh_CN' is not a BCP 47 language code"),
    ("zh-CN", "english", "--tgt-lang 'english' is not a BCP 47 language code"),
    ("zh--CN", "en-US", "is not a BCP 47"),
    ("", "en-US", "is not a BCP 47"),
    ("ja-JP", "en-US", "--src-lang ja-JP: that side is Chinese"),
    ("zh-CN", "de-DE", "--tgt-lang de-DE: that side is English"),
])
def test_bad_language_codes_are_one_line_errors(src, tgt, message):
    with pytest.raises(InputError, match=message) as info:
        languages(src, tgt)
    assert "\n" not in str(info.value)


def test_language_codes_reach_tmx_xliff_and_xlsx(tmp_path):
    from openpyxl import load_workbook

    options = ExportOptions(languages("zh-Hant-TW", "en-GB"))
    export_tmx(PAIRS, tmp_path / "a.tmx", flags=FLAGS, options=options)
    write_xliff(PAIRS, FLAGS, tmp_path / "a.xlf", options=options)
    write_review_xlsx(PAIRS, FLAGS, tmp_path / "a.xlsx", langs=options.langs)
    root = etree.parse(str(tmp_path / "a.tmx")).getroot()
    assert root.find("header").get("srclang") == "zh-Hant-TW"
    assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"zh-Hant-TW", "en-GB"}
    assert validate_tmx(tmp_path / "a.tmx") == []
    file_el = etree.parse(str(tmp_path / "a.xlf")).getroot().find("x:file", NS)
    assert (file_el.get("source-language"), file_el.get("target-language")) == (
        "zh-Hant-TW", "en-GB")
    sheet = load_workbook(tmp_path / "a.xlsx")["Pairs"]
    header = {c.value: c for c in sheet[1]}
    assert (header["zh"].comment.text, header["en"].comment.text) == ("zh-Hant-TW", "en-GB")
    # and zhen reads its own files back whatever the region or script
    assert len(read_pairs(tmp_path / "a.tmx").pairs) == 5
    assert len(read_pairs(tmp_path / "a.xlf").pairs) == len(PAIRS)


# ------------------------------------------- characters XML 1.0 forbids


def test_forbidden_characters_are_removed_and_counted(tmp_path):
    dirty = Pair(id=9, zh="数据\x0b是新的\x00石油。", en="Data is\x01 the new oil.\ufffe",
                 zh_ids=(1,), en_ids=(1,), score=0.9)
    result = export_tmx([dirty], tmp_path / "d.tmx")
    assert result.removed_chars == 4
    assert validate_tmx(tmp_path / "d.tmx") == []
    [back] = read_pairs(tmp_path / "d.tmx").pairs
    assert (back.zh, back.en) == ("数据是新的石油。", "Data is the new oil.")
    assert result.notes(ExportOptions()) == [
        "TMX: removed 4 characters XML 1.0 cannot carry (control characters)"]
    xliff = write_xliff([dirty], [], tmp_path / "d.xlf")
    assert xliff.removed_chars == 4


# ------------------------------------------------------------------ CLI


def _zhen(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)


def test_cli_bad_language_code_is_exit_2_before_any_work(tmp_path):
    proc = _zhen("check", DATA_READ / "pairs.tmx", "--pairs", "-o", tmp_path / "o",
                 "--src-lang", "chinese")
    assert proc.returncode == 2
    assert proc.stderr == ("zhen: error: --src-lang 'chinese' is not a BCP 47 language code "
                           "(e.g. zh-CN, zh-TW, zh-Hans)\n")
    assert not (tmp_path / "o").exists()


def test_cli_filters_and_languages_reach_the_tmx_and_the_summary(tmp_path):
    out = tmp_path / "o"
    proc = _zhen("check", DATA_READ / "pairs.tmx", "--pairs", "-o", out, "--formats", "tmx",
                 "--min-confidence", "0.95", "--exclude-severity", "minor", "--tgt-lang", "en-GB")
    assert proc.returncode == 0, proc.stderr
    # a1 is scored 0.88 in the input (x-score), a4 has one side; the rest stay
    assert ("aligned.tmx: 3 units written; left out 1 below --min-confidence 0.95, "
            "0 with minor-or-worse flags (--exclude-severity), 1 one-sided") in proc.stdout
    tmx = out / "aligned.tmx"
    assert validate_tmx(tmx) == []
    assert sorted(_tus(tmx)) == ["a2", "a3", "a5"]
    langs = {tuv.get(XML_LANG) for tuv in etree.parse(str(tmx)).getroot().iter("tuv")}
    assert langs == {"zh-CN", "en-GB"}


def test_the_registry_writes_every_format_from_one_content(tmp_path):
    """Every --formats name reaches its module's writer through qa.export.registry, and the
    file it writes is the one that module's own writer writes (same bytes; TMX but its date)."""
    from qa.export import registry
    from qa.export.jsonl import write_flags_jsonl
    from qa.export.shared import Content

    content = Content(PAIRS, FLAGS)
    for name, fmt in registry.FORMATS.items():
        registry.write(name, content, tmp_path / fmt.run_file)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(registry.RUN_FILES.values())
    write_flags_jsonl(FLAGS, tmp_path / "direct.jsonl", PAIRS)
    assert (tmp_path / "flags.jsonl").read_bytes() == (tmp_path / "direct.jsonl").read_bytes()
    assert len(read_pairs(tmp_path / "pairs.tsv").pairs) == len(PAIRS)
    # a TM unit needs both languages: the one-sided pair is left out of the TMX only
    assert len(read_pairs(tmp_path / "aligned.tmx").pairs) == sum(bool(p.zh and p.en) for p in PAIRS) < len(PAIRS)
    assert registry.by_extension(Path("out.XLF"), ("tmx", "xliff")) == "xliff"
    assert registry.by_extension(Path("out.html"), ("tmx", "xliff")) is None


def test_review_sheets_are_read_by_extension(tmp_path):
    """.xlsx and a reviewer's macro-enabled .xlsm are workbooks; anything else is the review CSV."""
    from qa.export import registry
    from qa.export.table import write_review_csv

    write_review_xlsx(PAIRS, FLAGS, tmp_path / "r.xlsx")
    (tmp_path / "r.xlsm").write_bytes((tmp_path / "r.xlsx").read_bytes())
    write_review_csv(PAIRS, FLAGS, tmp_path / "r.csv")
    rows = registry.read_sheet_rows(tmp_path / "r.xlsx")
    assert rows == registry.read_sheet_rows(tmp_path / "r.xlsm")
    assert rows[0][:3] == ["id", "zh", "en"] and len(rows) == len(PAIRS) + 1
    csv_rows = registry.read_sheet_rows(tmp_path / "r.csv")
    assert [r[1:3] for r in csv_rows] == [r[1:3] for r in rows]
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable XLSX workbook"):
        registry.read_sheet_rows(tmp_path / "bad.xlsx")
