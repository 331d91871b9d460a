"""Reading existing aligned pairs: TSV/CSV, TMX and XLIFF, good and broken."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Pair
from align.pairs_io import PairsInput, SkippedUnit, read_pairs

DATA = Path(__file__).resolve().parent / "data" / "read"

HEADING = (
    "一、高水平推进实体经济数字化发展",
    "Promoting digital development of the real economy at a high level",
)
SIGNIFICANCE = (
    "加快数字经济和实体经济深度融合意义重大。",
    "Accelerating the deeper integration of the digital economy and the real economy is of great significance.",
)
AUTHOR = (
    "作者:周民 国家信息中心副主任",
    "Author: Zhou Min, Deputy Director of State Information Center",
)
DATA_ELEMENTS = (
    "二、让数据要素成为“数实融合”新动能",
    'Second, let data elements become the new driving force of "digital and real integration"',
)


def _texts(pairs: list[Pair]) -> list[tuple[str, str]]:
    return [(p.zh, p.en) for p in pairs]


TOOLS = (
    '"工欲善其事,必先利其器。"',
    '"If a worker wants to do a good job, he must first sharpen his tools."',
)


def test_tsv_with_id_and_score_columns():
    pairs = read_pairs(DATA / "pairs.tsv").pairs
    # CSV-style quoting (doubled quotes) is undone; a quotation keeps its quotes
    assert _texts(pairs) == [HEADING, SIGNIFICANCE, AUTHOR, DATA_ELEMENTS, TOOLS]
    # ids are positions; the file's id column is the unit id
    assert [p.id for p in pairs] == [0, 1, 2, 3, 4]
    assert [p.unit_id for p in pairs] == ["7", "8", "9", "10", "11"]
    assert [p.score for p in pairs] == [0.91, None, 0.5, 0.77, None]


def test_csv_with_source_target_header():
    pairs = read_pairs(DATA / "pairs.csv").pairs
    assert _texts(pairs) == [HEADING, AUTHOR, DATA_ELEMENTS]
    assert all(p.score is None for p in pairs)


def test_tsv_in_utf16_with_crlf(tmp_path):
    text = (DATA / "pairs.tsv").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "pairs.tsv"
    path.write_text(text, encoding="utf-16")
    assert _texts(read_pairs(path).pairs) == [
        HEADING,
        SIGNIFICANCE,
        AUTHOR,
        DATA_ELEMENTS,
        TOOLS,
    ]


def test_tmx_picks_zh_and_en_and_drops_inline_codes():
    pairs = read_pairs(DATA / "pairs.tmx").pairs
    # the zh-only unit a4 is a pair with no English; the de tuv in a3 is ignored
    assert _texts(pairs) == [
        HEADING, SIGNIFICANCE, AUTHOR, (DATA_ELEMENTS[0], ""), ("第{0}条", "Article {0}")
    ]
    assert [p.id for p in pairs] == [0, 1, 2, 3, 4]
    assert [p.unit_id for p in pairs] == ["a1", "a2", "a3", "a4", "a5"]
    assert pairs[0].score == 0.88 and pairs[1].score is None
    assert not any("<" in p.zh + p.en for p in pairs)


def test_tmx_1_1_lang_attribute():
    assert _texts(read_pairs(DATA / "pairs-tmx11.tmx").pairs) == [HEADING]


def test_tmx_saved_as_xml_is_detected_by_content(tmp_path):
    path = tmp_path / "memory.xml"
    shutil.copy(DATA / "pairs-tmx11.tmx", path)
    assert _texts(read_pairs(path).pairs) == [HEADING]


def test_xliff_1_2_with_groups_and_inline_tags():
    pairs = read_pairs(DATA / "pairs-1.2.xlf").pairs
    # trans-unit 3 has no target: a pair with an empty English
    assert _texts(pairs) == [HEADING, SIGNIFICANCE, (DATA_ELEMENTS[0], "")]
    assert [p.unit_id for p in pairs] == ["1", "2", "3"]


def test_xliff_2_0_english_source_is_swapped_to_zh_en():
    pairs = read_pairs(DATA / "pairs-2.0.xlf").pairs
    assert _texts(pairs) == [HEADING, AUTHOR]
    assert [p.id for p in pairs] == [0, 1]
    assert [p.unit_id for p in pairs] == ["u1/1", "u1/2"]


def test_entities_are_not_expanded():
    [pair] = read_pairs(DATA / "entities.tmx").pairs
    hostname = (
        Path("/etc/hostname").read_text().strip()
        if Path("/etc/hostname").exists()
        else ""
    )
    assert pair.zh == "数字经济"
    assert pair.en == "digital economy"
    assert not hostname or hostname not in pair.zh
    assert "lol" not in pair.en


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "not-xml.tmx",
            "not-xml.tmx: not valid XML (Start tag expected, '<' not found, line 1, column 1)",
        ),
        ("truncated.tmx", "truncated.tmx: not valid XML (Premature end of data"),
        ("no-body.tmx", "no-body.tmx: TMX has no <body>"),
        (
            "only-de-fr.tmx",
            (
                "only-de-fr.tmx: no translation unit has both a Chinese (zh*) and an English (en*) segment; "
                "languages found: de, fr"
            ),
        ),
        ("rss.xml", "rss.xml: neither TMX nor XLIFF (root element is <rss>)"),
        (
            "no-source.xlf",
            "no-source.xlf: no translation unit in the XLIFF has a source (first: 1: no <source>)",
        ),
        (
            "de-fr.xlf",
            "de-fr.xlf: XLIFF languages are de → fr; expected Chinese (zh*) and English (en*)",
        ),
        (
            "bad-header.csv",
            (
                "bad-header.csv: the header row must name a 'zh' and an 'en' column (or 'source' and 'target'); "
                "found 'chinese_text', 'translation'"
            ),
        ),
        ("bad-score.tsv", "bad-score.tsv: row 2: score 'high' is not a number"),
    ],
)
def test_malformed_inputs(name, message):
    with pytest.raises(InputError, match=re.escape(message)) as info:
        read_pairs(DATA / name)
    assert "\n" not in str(info.value)


def test_tmx_without_units(tmp_path):
    path = tmp_path / "empty-body.tmx"
    path.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header/><body/></tmx>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"TMX body has no translation units \(<tu>\)"):
        read_pairs(path)


def test_missing_directory_empty_and_unknown(tmp_path):
    with pytest.raises(InputError, match=r"nope\.tmx: no such file$"):
        read_pairs(tmp_path / "nope.tmx")
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_pairs(tmp_path)
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"\n \n")
    with pytest.raises(InputError, match=r"empty\.tsv: file is empty or blank$"):
        read_pairs(empty)
    sheet = tmp_path / "pairs.json"
    sheet.write_text('{"zh": "数字经济", "en": "digital economy"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown pairs format '\.json'"):
        read_pairs(sheet)


def test_header_only(tmp_path):
    path = tmp_path / "header.tsv"
    path.write_text("zh\ten\n", encoding="utf-8")
    with pytest.raises(InputError, match="no rows after the header"):
        read_pairs(path)


def test_zhen_pairs_tsv_round_trip(tmp_path):
    """zhen's own pairs.tsv (escaped tabs/line breaks, CSV-quoted quotes,
    segment ids) reads back as the pairs that were written."""
    from qa.export.tsv import write_pairs_tsv

    written = [
        Pair(id=0, zh=HEADING[0], en=HEADING[1], zh_ids=(0,), en_ids=(0,), score=0.91),
        Pair(
            id=1, zh=DATA_ELEMENTS[0], en=DATA_ELEMENTS[1], zh_ids=(1,), en_ids=(1, 2)
        ),
        Pair(
            id=2,
            zh=TOOLS[0],
            en="If a worker\twants to do a good job,\nhe must first sharpen his tools. C:\\tools",
            zh_ids=(2,),
        ),
    ]
    path = tmp_path / "pairs.tsv"
    write_pairs_tsv(written, path)
    assert read_pairs(path).pairs == written


# --------------------------------------------------------------------------
# Lose nothing: every unit is a pair or a reported skip (issue 13, items 2, 5)

def _tmx(units: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zh-CN"/>'
        f"<body>{units}</body></tmx>"
    )


def _tu(tuid: str, zh: str | None, en: str | None, other: str = "") -> str:
    tuvs = ""
    if zh is not None:
        tuvs += f'<tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv>'
    if en is not None:
        tuvs += f'<tuv xml:lang="en-US"><seg>{en}</seg></tuv>'
    return f'<tu tuid="{tuid}">{tuvs}{other}</tu>'


def test_tmx_one_language_and_foreign_units_are_kept_or_reported(tmp_path):
    """26 units in: 23 full pairs, a zh-only unit (a pair with no English),
    an xx-YY-only unit and a unit without <tuv> (both reported, with ids)."""
    units = [_tu(f"u{i}", SIGNIFICANCE[0], SIGNIFICANCE[1]) for i in range(23)]
    units.append(_tu("zh-only", AUTHOR[0], None))
    units.append('<tu tuid="alien"><tuv xml:lang="xx-YY"><seg>blorp</seg></tuv></tu>')
    units.append("<tu><prop type='x'>1</prop></tu>")
    path = tmp_path / "memory.tmx"
    path.write_text(_tmx("".join(units)), encoding="utf-8")
    read = read_pairs(path)
    assert isinstance(read, PairsInput)
    assert len(read.pairs) == 24 and read.units == 26
    assert (read.pairs[23].zh, read.pairs[23].en, read.pairs[23].unit_id) == (
        AUTHOR[0], "", "zh-only"
    )
    assert read.skipped == (
        SkippedUnit("alien", "no Chinese or English variant (xml:lang xx-YY)"),
        SkippedUnit("<tu> #26", "no <tuv>"),
    )


def test_xliff_unit_without_target_is_an_empty_translation(tmp_path):
    path = tmp_path / "job.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="zh-CN" target-language="en-US"><body>'
        f'<trans-unit id="t1"><source>{HEADING[0]}</source><target>{HEADING[1]}</target></trans-unit>'
        f'<trans-unit id="t2"><source>{AUTHOR[0]}</source></trans-unit>'
        f'<trans-unit id="t3"><target>{AUTHOR[1]}</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    read = read_pairs(path)
    assert [(p.unit_id, p.zh, p.en) for p in read.pairs] == [
        ("t1", *HEADING), ("t2", AUTHOR[0], "")
    ]
    assert read.skipped == (SkippedUnit("t3", "no <source>"),)


def test_tsv_row_with_only_an_id_is_reported(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text(f"id\tzh\ten\n1\t{HEADING[0]}\t{HEADING[1]}\n2\t\t\n", encoding="utf-8")
    read = read_pairs(path)
    assert [p.unit_id for p in read.pairs] == ["1"]
    assert read.skipped == (SkippedUnit("2", "zh and en cells are empty"),)


def _count_units(path: Path) -> int:
    """Units as an independent reader counts them."""
    from lxml import etree

    if path.suffix in (".tsv", ".csv"):
        import csv

        with path.open(encoding="utf-8", newline="") as fh:
            delimiter = "\t" if path.suffix == ".tsv" else ","
            rows = [r for r in csv.reader(fh, delimiter=delimiter) if any(c.strip() for c in r)]
        return len(rows) - 1
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    names = {"tu"} if etree.QName(root).localname == "tmx" else {"trans-unit", "segment"}
    return sum(1 for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in names)


@pytest.mark.parametrize(
    "name", ["pairs.tmx", "pairs-1.2.xlf", "pairs-2.0.xlf", "pairs.csv", "entities.tmx", "pairs-tmx11.tmx"]
)
def test_units_in_equal_pairs_out_plus_skipped(name):
    read = read_pairs(DATA / name)
    assert len(read.pairs) + len(read.skipped) == _count_units(DATA / name)


def test_duplicate_unit_ids_keep_the_first_and_are_made_unique(tmp_path):
    path = tmp_path / "dup.tmx"
    path.write_text(
        _tmx(_tu("a", *HEADING) + _tu("a", *AUTHOR) + _tu("a-2", *SIGNIFICANCE) + _tu("a", *TOOLS)),
        encoding="utf-8",
    )
    read = read_pairs(path)
    assert [p.unit_id for p in read.pairs] == ["a", "a-3", "a-2", "a-4"]
    assert read.renamed == (("a", "a-3"), ("a", "a-4"))


def test_detected_encoding_is_reported(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text(f"zh\ten\n{HEADING[0]}\t{HEADING[1]}\n", encoding="gb18030")
    assert read_pairs(path).encoding.lower() in {"gb18030", "gbk", "gb2312"}
    assert read_pairs(DATA / "pairs.tmx").encoding == "utf-8"


def test_every_unit_is_a_pair_or_a_skip_in_a_mixed_file(tmp_path):
    """Units of every shape, shuffled: each id comes out exactly once."""
    import random

    rng = random.Random(13)
    shapes = [
        lambda i: _tu(f"u{i}", *SIGNIFICANCE),
        lambda i: _tu(f"u{i}", AUTHOR[0], None),
        lambda i: _tu(f"u{i}", None, AUTHOR[1]),
        lambda i: f'<tu tuid="u{i}"><tuv xml:lang="xx-YY"><seg>x</seg></tuv></tu>',
        lambda i: f'<tu tuid="u{i}"><tuv xml:lang="zh-CN"/></tu>',
        lambda i: _tu(f"u{i}", "", ""),
        lambda i: _tu(f"u{i}", '加快<bpt i="1">&lt;b&gt;</bpt>', None),
    ]
    units = [rng.choice(shapes)(i) for i in range(300)]
    path = tmp_path / "mixed.tmx"
    path.write_text(_tmx("".join(units)), encoding="utf-8")
    read = read_pairs(path)
    ids = [p.unit_id for p in read.pairs] + [s.unit_id for s in read.skipped]
    assert sorted(ids) == sorted(f"u{i}" for i in range(300))
