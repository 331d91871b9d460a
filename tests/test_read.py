"""READ stage: decoding, normalisation and splitting real bilingual files."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from align.decode import decode_bytes, normalize_text
from align.errors import InputError
from align.read import read_bitext

ROOT = Path(__file__).resolve().parent.parent
XUEXI = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
ZH_ONLY = sorted((ROOT / "corpora" / "zh-only").glob("*.txt"))
TRADITIONAL = ROOT / "tests" / "data" / "read" / "zh-traditional.txt"
HAN = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def xuexi_text() -> str:
    return XUEXI.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def xuexi_parts(xuexi_text: str) -> tuple[str, str]:
    """(Chinese part, English part with the site footer) around the marker."""
    zh, rest = xuexi_text.split("翻译:\n")
    return zh, rest


@pytest.fixture(scope="module")
def xuexi() -> object:
    return read_bitext(XUEXI)


def _same_content(a, b) -> bool:
    return (a.zh, a.en, a.trailer) == (b.zh, b.en, b.trailer)


# --------------------------------------------------------------------------
# the real bilingual article


def test_xuexi_splits_into_chinese_english_and_footer(xuexi):
    assert xuexi.zh.startswith("导读:党的二十大报告强调")
    assert xuexi.en.startswith("The report on the 20th National Congress")
    assert xuexi.en.endswith("for industrial digitalization.")
    assert xuexi.trailer.startswith("本文由数字化转型网")
    assert "免责声明" in xuexi.trailer
    assert "本文由" not in xuexi.en and "免责声明" not in xuexi.en
    assert "翻译:" not in xuexi.zh and "翻译:" not in xuexi.en
    assert xuexi.encoding == "utf-8"
    assert xuexi.source == str(XUEXI)


def test_xuexi_lines_are_paragraphs_of_one_language(xuexi):
    zh_lines = xuexi.zh.split("\n")
    en_lines = xuexi.en.split("\n")
    assert len(zh_lines) == 29 and len(en_lines) == 66
    assert all(line and line == line.strip() for line in zh_lines + en_lines)
    assert all(HAN.search(line) for line in zh_lines)
    assert not any(HAN.search(line) for line in en_lines)


# --------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("gbk", "gbk"),
    ],
)
def test_decode_round_trips_real_text(xuexi_text, codec, reported):
    text, encoding = decode_bytes(xuexi_text.encode(codec), "x.txt")
    assert text == xuexi_text
    assert encoding == reported


def test_gb18030_beyond_gbk(xuexi_parts):
    # 䶮 (Liu Yan, founder of Southern Han) is only encodable in GB18030's
    # four-byte range, so the file is gb18030 rather than gbk.
    zh = xuexi_parts[0] + "南汉高祖刘䶮\n"
    text, encoding = decode_bytes(zh.encode("gb18030"), "x.txt")
    assert (text, encoding) == (zh, "gb18030")


def test_big5_traditional_text():
    traditional = TRADITIONAL.read_text(encoding="utf-8")
    text, encoding = decode_bytes(traditional.encode("big5"), "x.txt")
    assert (text, encoding) == (traditional, "big5")


def test_short_gbk_and_big5_snippets_are_not_confused(xuexi_parts):
    """Short files are where GBK/Big5 guessing goes wrong: every chunk of
    40 characters must still come back in its own encoding."""
    zh = xuexi_parts[0].replace("\n", "")
    for i in range(0, len(zh), 40):
        chunk = zh[i : i + 40]
        assert decode_bytes(chunk.encode("gbk"), "x") == (chunk, "gbk")
    traditional = TRADITIONAL.read_text(encoding="utf-8").replace("\n", "")
    for i in range(0, len(traditional), 20):
        chunk = traditional[i : i + 20]
        assert decode_bytes(chunk.encode("big5"), "x") == (chunk, "big5")


def test_windows_1252_english_is_not_read_as_chinese(xuexi_parts):
    english = xuexi_parts[1].split("本文由")[0]
    assert "’" in english and "“" in english
    text, encoding = decode_bytes(english.encode("cp1252"), "en.txt")
    assert (text, encoding) == (english, "cp1252")


def test_read_bitext_reports_encoding_of_gb18030_file(tmp_path, xuexi_text, xuexi):
    path = tmp_path / "gb.txt"
    path.write_bytes(xuexi_text.replace("\n", "\r\n").encode("gb18030"))
    bitext = read_bitext(path)
    assert bitext.encoding == "gbk"
    assert _same_content(bitext, xuexi)


def test_binary_file_is_rejected(tmp_path, xuexi_text):
    path = tmp_path / "article.txt"
    path.write_bytes(gzip.compress(xuexi_text.encode("utf-8")))
    with pytest.raises(
        InputError, match=r"article\.txt: looks like a binary file, not text$"
    ):
        read_bitext(path)


def test_control_bytes_without_nul_are_binary():
    # every byte value but NUL: decodable as nothing sensible
    with pytest.raises(
        InputError, match=r"noise\.txt: looks like a binary file, not text$"
    ):
        decode_bytes(bytes(range(1, 256)) * 50, "noise.txt")


def test_bytes_with_nul_are_binary():
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "pic.txt"
        )


# --------------------------------------------------------------------------
# normalisation


def test_normalize_text_line_breaks_and_controls():
    raw = "数字经济\r\n实体经济\r深度融合\x0b数实融合\x0c第二\u2028第三\u2029第四\x01\x7f\ufffe\ud800。\t尾"
    assert (
        normalize_text(raw)
        == "数字经济\n实体经济\n深度融合\n数实融合\n第二\n第三\n第四。\t尾"
    )


def test_normalize_text_nfc_but_no_width_folding():
    decomposed = "cafe\u0301 ＧＤＰ，１２３"
    assert normalize_text(decomposed) == "caf\u00e9 ＧＤＰ，１２３"


def test_control_characters_in_file_vanish(tmp_path, xuexi_text, xuexi):
    # Word leaves \x0b for Shift+Enter; stray \x01 comes from pasted fields.
    dirty = xuexi_text.replace("数字经济作为", "数字经济\x01作为", 1).replace(
        "Promoting digital development of the real economy at a high level\n",
        "Promoting digital development of the real economy at a high level\x0b",
    )
    path = tmp_path / "dirty.txt"
    path.write_text(dirty, encoding="utf-8")
    bitext = read_bitext(path)
    assert "\x01" not in bitext.zh and "\x0b" not in bitext.en
    assert "数字经济作为极具创新活力" in bitext.zh
    assert _same_content(bitext, xuexi)


# --------------------------------------------------------------------------
# splitting a single bilingual file


@pytest.mark.parametrize(
    "marker",
    [
        "翻译:",
        "翻译：",
        "译文：",
        " 英文 : ",
        "Translation:",
        "English：",
        "English",
        "【翻译】",
        "--- Translation ---",
    ],
)
def test_marker_variants(tmp_path, xuexi_text, xuexi, marker):
    path = tmp_path / "bi.txt"
    path.write_text(xuexi_text.replace("翻译:\n", marker + "\n"), encoding="utf-8")
    assert _same_content(read_bitext(path), xuexi)


def test_marker_inside_a_line_is_not_a_split(xuexi):
    # "编辑/翻译:数字化转型网宁檬树" in the footer must not count as a marker.
    assert "编辑/翻译" in xuexi.trailer


def test_script_switch_without_marker(tmp_path, xuexi_text, xuexi):
    path = tmp_path / "bi.txt"
    path.write_text(xuexi_text.replace("翻译:\n", ""), encoding="utf-8")
    assert _same_content(read_bitext(path), xuexi)


def test_script_switch_tolerates_english_in_chinese_part(tmp_path, xuexi_parts, xuexi):
    zh, rest = xuexi_parts
    # an English subtitle and a URL-only source line inside the Chinese part
    zh = zh.replace(
        "一、高水平推进",
        "Digital Economy Forum 2022\n来源:http://www.71.cn/2025/0620/1265792.shtml\n一、高水平推进",
        1,
    )
    path = tmp_path / "bi.txt"
    path.write_text(zh + rest, encoding="utf-8")
    bitext = read_bitext(path)
    assert "Digital Economy Forum 2022" in bitext.zh
    assert bitext.en == xuexi.en and bitext.trailer == xuexi.trailer


def test_leading_source_marker_dropped_and_daodu_kept(tmp_path, xuexi_text, xuexi):
    path = tmp_path / "bi.txt"
    path.write_text("原文:\n" + xuexi_text, encoding="utf-8")
    bitext = read_bitext(path)
    assert bitext.zh.startswith("导读:")
    assert _same_content(bitext, xuexi)


def test_english_copyright_line_goes_to_trailer(tmp_path, xuexi_parts):
    zh, rest = xuexi_parts
    english = rest.split("本文由")[0]
    path = tmp_path / "bi.txt"
    path.write_text(
        zh + "翻译:\n" + english + "Copyright © 2023 szhzxw.cn. All rights reserved.\n",
        encoding="utf-8",
    )
    bitext = read_bitext(path)
    assert bitext.en.endswith("for industrial digitalization.")
    assert bitext.trailer == "Copyright © 2023 szhzxw.cn. All rights reserved."


def test_chinese_footer_followed_by_english_disclaimer_is_all_trailer(
    tmp_path, xuexi_text
):
    path = tmp_path / "bi.txt"
    path.write_text(
        xuexi_text + "Disclaimer: the views are the author's own.\n", encoding="utf-8"
    )
    bitext = read_bitext(path)
    assert bitext.en.endswith("for industrial digitalization.")
    assert bitext.trailer.endswith("the views are the author's own.")


def test_collapsed_paragraphs_split_at_ideographic_indent(tmp_path, xuexi_parts):
    forum = ZH_ONLY[0]
    assert "digital-economy-forum" in forum.name
    en = tmp_path / "en.txt"
    en.write_text(xuexi_parts[1], encoding="utf-8")
    bitext = read_bitext(forum, en)
    lines = bitext.zh.split("\n")
    assert len(lines) > 20
    assert not any("\u3000\u3000" in line for line in lines)
    assert lines[0].startswith("强化数字引领 推动高质量发展")


# --------------------------------------------------------------------------
# two files


def test_two_files_with_different_encodings(tmp_path, xuexi_parts, xuexi):
    zh, rest = xuexi_parts
    zh_path, en_path = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh_path.write_bytes(zh.encode("gbk"))
    en_path.write_bytes(rest.encode("utf-16"))
    bitext = read_bitext(zh_path, en_path)
    assert _same_content(bitext, xuexi)
    assert bitext.encoding == "gbk / utf-16"
    assert bitext.source == f"{zh_path} + {en_path}"


def test_swapped_files_are_reported(tmp_path, xuexi_parts):
    zh_path, en_path = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh_path.write_text(xuexi_parts[0], encoding="utf-8")
    en_path.write_text(xuexi_parts[1], encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"en\.txt is English and .*zh\.txt is Chinese: the files look swapped",
    ):
        read_bitext(en_path, zh_path)


def test_two_chinese_files(tmp_path, xuexi_parts):
    zh_path = tmp_path / "zh.txt"
    zh_path.write_text(xuexi_parts[0], encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"wu-jun-shushi-ronghe\.txt: expected the English translation but the file is mostly Chinese",
    ):
        read_bitext(zh_path, ZH_ONLY[-1])


def test_two_english_files(tmp_path, xuexi_parts):
    en_path, en2_path = tmp_path / "en.txt", tmp_path / "en2.txt"
    en_path.write_text(xuexi_parts[1], encoding="utf-8")
    en2_path.write_text(xuexi_parts[1], encoding="utf-8")
    with pytest.raises(
        InputError, match=r"en\.txt: no Chinese text found \(it looks like English\)"
    ):
        read_bitext(en_path, en2_path)


def test_same_file_twice(tmp_path, xuexi_parts):
    zh_path = tmp_path / "zh.txt"
    zh_path.write_text(xuexi_parts[0], encoding="utf-8")
    with pytest.raises(
        InputError, match="given as both the Chinese and the English file"
    ):
        read_bitext(zh_path, tmp_path / "." / "zh.txt")


def test_bilingual_file_given_as_chinese_file(tmp_path, xuexi_parts):
    en_path = tmp_path / "en.txt"
    en_path.write_text(xuexi_parts[1], encoding="utf-8")
    with pytest.raises(
        InputError, match="already holds an English translation after the line '翻译:'"
    ):
        read_bitext(XUEXI, en_path)


# --------------------------------------------------------------------------
# Word documents


def _docx(
    path: Path, paragraphs: list[str], table: list[tuple[str, str]] | None = None
) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=2)
        for left, right in table:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = left, right
    document.save(str(path))
    return path


def test_bilingual_docx_splits_like_text(tmp_path, xuexi_text, xuexi):
    path = _docx(tmp_path / "bi.docx", xuexi_text.split("\n"))
    bitext = read_bitext(path)
    assert bitext.encoding == "docx"
    assert _same_content(bitext, xuexi)


def test_docx_two_column_table(tmp_path, xuexi):
    zh_lines = xuexi.zh.split("\n")[1:6]
    en_lines = xuexi.en.split("\n")[1:6]
    rows = [("中文", "English")] + list(zip(zh_lines, en_lines))
    path = _docx(tmp_path / "table.docx", ["数实融合 对照表"], rows)
    bitext = read_bitext(path)
    assert bitext.zh.split("\n") == zh_lines
    assert bitext.en.split("\n") == en_lines


def test_docx_chinese_with_text_english(tmp_path, xuexi_parts, xuexi):
    zh_path = _docx(tmp_path / "zh.docx", xuexi_parts[0].split("\n"))
    en_path = tmp_path / "en.txt"
    en_path.write_text(xuexi_parts[1], encoding="utf-8")
    bitext = read_bitext(zh_path, en_path)
    assert _same_content(bitext, xuexi)
    assert bitext.encoding == "docx / utf-8"


def test_docx_suffix_on_text_file(tmp_path, xuexi_text):
    path = tmp_path / "fake.docx"
    path.write_text(xuexi_text, encoding="utf-8")
    with pytest.raises(InputError, match=r"fake\.docx: not a valid \.docx file"):
        read_bitext(path)


# --------------------------------------------------------------------------
# errors


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_bitext(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_bitext(tmp_path)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"  \r\n\t\n",
        "\u3000\u3000\n \n".encode("utf-8"),
        b"\xef\xbb\xbf",
        "\ufeff  \r\n".encode("utf-16-le"),
    ],
    ids=[
        "empty",
        "whitespace",
        "ideographic-spaces",
        "utf8-bom-only",
        "utf16-bom-spaces",
    ],
)
def test_empty_or_blank(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"blank\.txt: file is empty or blank$"):
        read_bitext(path)


@pytest.mark.parametrize("path", ZH_ONLY, ids=lambda p: p.name)
def test_chinese_only_file_has_no_english(path):
    message = (
        f"no English translation found in {path}; "
        "give the English as a second file or add a line '翻译:' before it"
    )
    with pytest.raises(InputError, match=re.escape(message) + "$"):
        read_bitext(path)


def test_marker_without_english(tmp_path, xuexi_parts):
    path = tmp_path / "bi.txt"
    path.write_text(xuexi_parts[0] + "翻译:\n\n", encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"no English translation found in .*bi\.txt after the line '翻译:'",
    ):
        read_bitext(path)


def test_english_only_single_file(tmp_path, xuexi_parts):
    path = tmp_path / "en.txt"
    path.write_text(xuexi_parts[1].split("本文由")[0], encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"en\.txt: no Chinese text found \(the file looks English only\)",
    ):
        read_bitext(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy Word .doc"),
        (b"{\\rtf1\\ansi \\'ca\\'fd\\'d7\\'d6}", "is an RTF file"),
    ],
)
def test_office_formats_named(tmp_path, data, message):
    path = tmp_path / "article.bin"
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(message)):
        read_bitext(path)


def test_error_messages_are_one_line(tmp_path):
    path = tmp_path / "bi.txt"
    path.write_text("数字经济\n翻译:\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_bitext(path)
    assert "\n" not in str(info.value)


def test_interleaved_paragraphs(tmp_path, xuexi_text):
    """中英对照 layout: each Chinese paragraph followed by its English."""
    lines = xuexi_text.split("\n")
    pairs = [
        (lines[1], lines[32]),
        (lines[2], lines[33]),
        (lines[16], lines[61]),
        (lines[17], lines[62]),
    ]
    blocks = [f"{zh}\n{en}" for zh, en in pairs]
    blocks.insert(2, "***")  # a section break stays with the paragraph before it
    path = tmp_path / "duizhao.txt"
    path.write_text(
        "\n\n".join(blocks) + "\n" + "\n".join(lines[97:]), encoding="utf-8"
    )
    bitext = read_bitext(path)
    assert bitext.zh.split("\n") == [zh for zh, _ in pairs]
    en = [en for _, en in pairs]
    assert bitext.en.split("\n") == en[:2] + ["***"] + en[2:]
    assert bitext.trailer.startswith("本文由数字化转型网")
    assert bitext.trailer.endswith("予以删除。")


def test_marker_glued_to_first_english_line(tmp_path, xuexi_text, xuexi):
    path = tmp_path / "bi.txt"
    path.write_text(xuexi_text.replace("翻译:\n", "翻译: "), encoding="utf-8")
    assert _same_content(read_bitext(path), xuexi)


def test_english_before_chinese_is_reported(tmp_path, xuexi_parts):
    zh, rest = xuexi_parts
    english = rest.split("本文由")[0]
    path = tmp_path / "en-zh.txt"
    path.write_text(english + zh, encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"en-zh\.txt: the English comes first and the Chinese after it",
    ):
        read_bitext(path)


def test_stray_cp1252_byte_in_utf8_file(tmp_path, xuexi_text, xuexi):
    # One ’ typed in a Windows editor into a UTF-8 file: strict UTF-8 fails,
    # but the file must not turn into GBK mojibake.
    text = xuexi_text.replace("Author: Zhou Min", "Author’s note: Zhou Min", 1)
    data = text.encode("utf-8").replace("’s note".encode(), b"\x92s note", 1)
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    bitext = read_bitext(path)
    assert bitext.encoding == "utf-8 (1 invalid byte read as cp1252)"
    assert "Author’s note: Zhou Min" in bitext.en
    assert bitext.zh == xuexi.zh


def test_utf8_cut_inside_last_character(xuexi_text):
    data = xuexi_text.rstrip("\n").encode("utf-8")[:-1]  # half of the final 。
    text, encoding = decode_bytes(data, "cut.txt")
    assert text == xuexi_text.rstrip("\n")[:-1]
    assert encoding.startswith("utf-8 (")


def test_damaged_docx(tmp_path):
    import zipfile

    good = _docx(tmp_path / "good.docx", ["数字经济作为极具创新活力的经济形态"])
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    with pytest.raises(InputError, match=r"damaged\.docx: not a valid \.docx file \("):
        read_bitext(damaged)


def test_english_title_over_chinese_only_text(tmp_path):
    path = tmp_path / "titled.txt"
    text = ZH_ONLY[-1].read_text(encoding="utf-8")
    path.write_text(
        "Seize the Key Period of Digital-Real Integration\n" + text, encoding="utf-8"
    )
    with pytest.raises(InputError, match="no English translation found in"):
        read_bitext(path)
