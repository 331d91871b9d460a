"""Reading existing aligned pairs: TSV/CSV, TMX and XLIFF, good and broken."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Pair
from align.pairs_io import read_pairs

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
    pairs = read_pairs(DATA / "pairs.tsv")
    # CSV-style quoting (doubled quotes) is undone; a quotation keeps its quotes
    assert _texts(pairs) == [HEADING, SIGNIFICANCE, AUTHOR, DATA_ELEMENTS, TOOLS]
    # ids are positions, not the file's id column (7, 8, 9, 10, 11)
    assert [p.id for p in pairs] == [0, 1, 2, 3, 4]
    assert [p.score for p in pairs] == [0.91, None, 0.5, 0.77, None]


def test_csv_with_source_target_header():
    pairs = read_pairs(DATA / "pairs.csv")
    assert _texts(pairs) == [HEADING, AUTHOR, DATA_ELEMENTS]
    assert all(p.score is None for p in pairs)


def test_tsv_in_utf16_with_crlf(tmp_path):
    text = (DATA / "pairs.tsv").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "pairs.tsv"
    path.write_text(text, encoding="utf-16")
    assert _texts(read_pairs(path)) == [
        HEADING,
        SIGNIFICANCE,
        AUTHOR,
        DATA_ELEMENTS,
        TOOLS,
    ]


def test_tmx_picks_zh_and_en_and_drops_inline_codes():
    pairs = read_pairs(DATA / "pairs.tmx")
    # the zh-only unit a4 is skipped; the de tuv in a3 is ignored
    assert _texts(pairs) == [HEADING, SIGNIFICANCE, AUTHOR, ("第{0}条", "Article {0}")]
    assert [p.id for p in pairs] == [0, 1, 2, 3]
    assert pairs[0].score == 0.88 and pairs[1].score is None
    assert not any("<" in p.zh + p.en for p in pairs)


def test_tmx_1_1_lang_attribute():
    assert _texts(read_pairs(DATA / "pairs-tmx11.tmx")) == [HEADING]


def test_tmx_saved_as_xml_is_detected_by_content(tmp_path):
    path = tmp_path / "memory.xml"
    shutil.copy(DATA / "pairs-tmx11.tmx", path)
    assert _texts(read_pairs(path)) == [HEADING]


def test_xliff_1_2_with_groups_and_inline_tags():
    pairs = read_pairs(DATA / "pairs-1.2.xlf")
    # trans-unit 3 has no target and is not a pair
    assert _texts(pairs) == [HEADING, SIGNIFICANCE]


def test_xliff_2_0_english_source_is_swapped_to_zh_en():
    pairs = read_pairs(DATA / "pairs-2.0.xlf")
    assert _texts(pairs) == [HEADING, AUTHOR]
    assert [p.id for p in pairs] == [0, 1]


def test_entities_are_not_expanded():
    [pair] = read_pairs(DATA / "entities.tmx")
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
            "no-target.xlf",
            "no-target.xlf: no translation unit in the XLIFF has both a source and a target",
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
    assert read_pairs(path) == written
