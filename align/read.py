"""Read a Chinese text and its English translation into a :class:`Bitext`.

Input comes as one bilingual file (Chinese, then a marker line such as
``翻译:``, then English, often followed by a site footer), as two files, or
as a Word document.  The split has to be right before anything else can be:
a Chinese footer counted as "English" becomes an unalignable block that the
QA stage would flag as a mistranslation, so boilerplate after the English is
set aside in ``Bitext.trailer``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from align.decode import decode_bytes, normalize_text
from align.errors import InputError
from align.formats.docx import is_docx_bytes, read_docx
from align.model import Bitext
from align.script import HAN

# --------------------------------------------------------------------------
# script classification

_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# URLs, e-mail addresses and domain names are Latin letters that say nothing
# about the language of a line ("来源:http://www.71.cn/…" is Chinese).
_URLISH = re.compile(
    r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z]{2,})+\b"
)


#: what any _URLISH match contains; the full pattern costs ~40 µs a line
_URL_HINT = re.compile(r"://|www\.|@|[A-Za-z0-9-]\.[A-Za-z]{2}")


def _counts(line: str) -> tuple[int, int]:
    """(Han characters, Latin letters), ignoring URLs."""
    if _URL_HINT.search(line):
        line = _URLISH.sub(" ", line)
    return len(HAN.findall(line)), len(_LATIN.findall(line))


def _label(line: str) -> str:
    """'zh', 'en' or '' (neither: numbers, punctuation, blank), of a line or of a
    whole side joined.

    One Han character carries about as much as three Latin letters, hence the
    factor: "Zhou Min (周敏)" is English, "使用GDP数据" Chinese.
    """
    han, latin = _counts(line)
    if han and han * 3 >= latin:
        return "zh"
    if latin >= 2:
        return "en"
    return ""


# --------------------------------------------------------------------------
# markers and boilerplate

_DECOR = r"[\s\[\]【】()（）<>《》〈〉=\-—_*#~·.]*"
_EN_MARKER = re.compile(
    rf"^{_DECOR}(?:翻译|翻譯|译文|譯文|英文|英译|英譯|英文翻译|英文翻譯|英文译文|英文譯文|英文版"
    rf"|translation|english|english\s+translation|english\s+version|english\s+text)"
    rf"\s*[:：]?{_DECOR}$",
    re.IGNORECASE,
)
_ZH_MARKER = re.compile(
    rf"^{_DECOR}(?:原文|中文|中文原文|chinese|chinese\s+original|original|source\s+text)\s*[:：]?{_DECOR}$",
    re.IGNORECASE,
)
# Footers Chinese sites append to reprinted articles.
_ZH_BOILERPLATE = re.compile(
    r"^\s*(?:本文(?:由|系|转载|來源|来源|转自|原载)|文章来源|来源\s*[:：]|來源\s*[:：]|稿件来源|"
    r"免责声明|免責聲明|版权声明|版權聲明|版权所有|版權所有|(?:责任|責任)?编辑\s*[/:：／]|编辑\s*/|"
    r"原标题\s*[:：]|声明\s*[:：]|转载请|轉載請|欢迎转载|扫码|扫描二维码|关注我们|点击|©|\(c\)\s*\d{4})",
    re.IGNORECASE,
)
_EN_BOILERPLATE = re.compile(
    r"^\s*(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved|disclaimer\b|"
    r"this (?:article|story) (?:was|is|has been) (?:reprinted|republished|reproduced)|reprinted (?:from|with)\b)",
    re.IGNORECASE,
)
_EN_MARKER_PREFIX = re.compile(
    r"^\s*(?:翻译|翻譯|译文|譯文|英文|translation|english(?:\s+translation)?)\s*[:：]\s*(?=\S)",
    re.IGNORECASE,
)
# A run of two or more ideographic spaces is a collapsed paragraph indent:
# Chinese web pages pasted as plain text keep "　　" where a paragraph began.
_IDEOGRAPHIC_INDENT = re.compile("\u3000{2,}")

# Without a marker line, this many Latin letters per Han character of the
# Chinese part must follow for the rest to count as its translation; a
# Chinese file with a stray English line or two is not a bitext.
_MIN_LATIN_PER_HAN = 0.3

_NO_ENGLISH_HINT = "give the English as a second file or add a line '翻译:' before it"


@dataclass(frozen=True)
class _Split:
    zh: list[str]
    en: list[str]
    trailer: list[str]


# --------------------------------------------------------------------------
# public entry point


def read_bitext(path: str | Path, en_path: str | Path | None = None) -> Bitext:
    """Read one bilingual file, or a Chinese file and its English file.

    Raises :class:`InputError` with a one-line message for anything unusable:
    missing or empty files, binaries, text without Chinese or without English,
    and Chinese/English files given in the wrong order.
    """
    path = Path(path)
    if en_path is None:
        return _read_single(path)
    return _read_pair(path, Path(en_path))


def _read_single(path: Path) -> Bitext:
    data = read_file_bytes(path)
    if is_docx_bytes(data):
        doc = read_docx(path)
        table = _bilingual_table(doc.tables, doc.lines)
        if table is not None:
            zh, en = table
            return Bitext(
                zh="\n".join(zh), en="\n".join(en), source=str(path), encoding="docx"
            )
        lines, encoding = _clean_lines(normalize_text("\n".join(doc.lines))), "docx"
    else:
        text, encoding = decode_bytes(data, str(path))
        lines = _clean_lines(normalize_text(text))
    _require_text(lines, path)
    split = _split_bilingual(lines, path)
    return Bitext(
        zh="\n".join(split.zh),
        en="\n".join(split.en),
        source=str(path),
        encoding=encoding,
        trailer="\n".join(split.trailer),
    )


def _read_pair(zh_path: Path, en_path: Path) -> Bitext:
    zh_data = read_file_bytes(zh_path)
    en_data = read_file_bytes(en_path)
    if zh_path.resolve() == en_path.resolve():
        raise InputError(f"{zh_path}: given as both the Chinese and the English file")
    zh_lines, zh_enc = _lines_of(zh_path, zh_data)
    en_lines, en_enc = _lines_of(en_path, en_data)
    _require_text(zh_lines, zh_path)
    _require_text(en_lines, en_path)

    marker = next(
        (i for i, line in enumerate(zh_lines) if _EN_MARKER.match(line)), None
    )
    if marker is not None and any(
        _label(line) == "en" for line in zh_lines[marker + 1 :]
    ):
        raise InputError(
            f"{zh_path}: already holds an English translation after the line '{zh_lines[marker]}'; "
            "give it as the only file, or remove the English from it"
        )
    zh_lang = _label("\n".join(zh_lines))
    en_lang = _label("\n".join(en_lines))
    if zh_lang != "zh":
        if en_lang == "zh":
            raise InputError(
                f"{zh_path} is English and {en_path} is Chinese: the files look swapped; give the Chinese file first"
            )
        raise InputError(
            f"{zh_path}: no Chinese text found (it looks like English); give the Chinese file first"
        )
    if en_lang != "en":
        if en_lang == "zh":
            raise InputError(
                f"{en_path}: expected the English translation but the file is mostly Chinese; "
                "both files look Chinese"
            )
        raise InputError(f"{en_path}: no English text found")

    zh_lines = _drop_leading_marker(zh_lines, _ZH_MARKER)
    en_lines = _drop_leading_marker(en_lines, _EN_MARKER)
    en_body, trailer = _cut_trailer(en_lines)
    if not en_body:
        raise InputError(f"{en_path}: no English text found")
    encoding = zh_enc if zh_enc == en_enc else f"{zh_enc} / {en_enc}"
    return Bitext(
        zh="\n".join(zh_lines),
        en="\n".join(en_body),
        source=f"{zh_path} + {en_path}",
        encoding=encoding,
        trailer="\n".join(trailer),
    )


# --------------------------------------------------------------------------
# file access


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line InputError saying why there are none to use."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    _reject_known_binary(data, path)
    return data


def _reject_known_binary(data: bytes, path: Path) -> None:
    """Name the formats people actually hand over, so the message says what to do."""
    if data.startswith(b"%PDF"):
        raise InputError(f"{path}: is a PDF; export it to .docx or plain text first")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(
            f"{path}: is a legacy Word .doc (or other Office 97) file; save it as .docx or plain text"
        )
    if data.startswith(b"{\\rtf"):
        raise InputError(f"{path}: is an RTF file; save it as .docx or plain text")
    if data.startswith(b"PK\x03\x04") and not is_docx_bytes(data):
        raise InputError(f"{path}: is a ZIP archive, not a .docx or a text file")
    if (
        path.suffix.lower() == ".docx"
        and not data.startswith(b"PK\x03\x04")
        and data.strip()
    ):
        raise InputError(f"{path}: not a valid .docx file (it is not a ZIP package)")


def _lines_of(path: Path, data: bytes) -> tuple[list[str], str]:
    if is_docx_bytes(data):
        return _clean_lines(normalize_text("\n".join(read_docx(path).lines))), "docx"
    text, encoding = decode_bytes(data, str(path))
    return _clean_lines(normalize_text(text)), encoding


def _clean_lines(text: str) -> list[str]:
    """One paragraph per line: strip indentation, split collapsed paragraphs,
    drop blank lines."""
    lines: list[str] = []
    for raw in text.split("\n"):
        for part in _IDEOGRAPHIC_INDENT.split(raw):
            part = part.strip()
            if part:
                lines.append(part)
    return lines


def _require_text(lines: list[str], path: Path) -> None:
    if not lines:
        raise InputError(f"{path}: file is empty or blank")


# --------------------------------------------------------------------------
# splitting one bilingual text


def _split_bilingual(lines: list[str], path: Path) -> _Split:
    labels = [_label(line) for line in lines]
    if "zh" not in labels:
        if "en" in labels:
            raise InputError(
                f"{path}: no Chinese text found (the file looks English only); give the Chinese file first"
            )
        raise InputError(f"{path}: no Chinese or English text found")

    marker = _find_marker(lines, labels)
    if marker is not None:
        zh = _drop_leading_marker(lines[:marker], _ZH_MARKER)
        if "zh" not in labels[:marker]:
            raise InputError(
                f"{path}: no Chinese text found before the line '{lines[marker]}'"
            )
        en, trailer = _cut_trailer(lines[marker + 1 :], labels[marker + 1 :])
        if not en:
            raise InputError(
                f"no English translation found in {path} after the line '{lines[marker]}'; {_NO_ENGLISH_HINT}"
            )
        return _Split(zh=zh, en=en, trailer=trailer)

    start, misplaced = _script_switch(labels)
    if _english_comes_first(lines, labels, misplaced):
        raise InputError(
            f"{path}: the English comes first and the Chinese after it; "
            "put the Chinese first, or give them as two files (Chinese first)"
        )
    if _is_interleaved(labels, misplaced):
        split = _split_interleaved(lines, labels)
    else:
        zh = _drop_leading_marker(lines[:start], _ZH_MARKER)
        en, trailer = _cut_trailer(lines[start:], labels[start:])
        if en:
            # "翻译:The report on…" — a marker glued to the first English line
            en[0] = _EN_MARKER_PREFIX.sub("", en[0], count=1)
        split = _Split(zh=zh, en=en, trailer=trailer)
    han_in_zh = sum(_counts(line)[0] for line in split.zh)
    latin_in_en = sum(_counts(line)[1] for line in split.en)
    if not split.en or not han_in_zh or latin_in_en < _MIN_LATIN_PER_HAN * han_in_zh:
        raise InputError(f"no English translation found in {path}; {_NO_ENGLISH_HINT}")
    return split


def _english_comes_first(lines: list[str], labels: list[str], misplaced: int) -> bool:
    """An English block of translation size, then the Chinese."""
    swapped = [{"zh": "en", "en": "zh"}.get(lab, lab) for lab in labels]
    switch, misplaced_swapped = _script_switch(swapped)
    if misplaced_swapped * 2 >= misplaced:
        return False
    latin_before = sum(_counts(line)[1] for line in lines[:switch])
    han_after = sum(_counts(line)[0] for line in lines[switch:])
    return latin_before >= _MIN_LATIN_PER_HAN * han_after > 0


def _is_interleaved(labels: list[str], misplaced: int) -> bool:
    """Paragraph-by-paragraph bilingual text (中英对照): the script switches
    back and forth, so no single split point leaves most lines on their side."""
    scripted = [lab for lab in labels if lab]
    runs = sum(1 for i, lab in enumerate(scripted) if i == 0 or lab != scripted[i - 1])
    return runs >= 4 and misplaced >= 0.25 * len(scripted)


def _split_interleaved(lines: list[str], labels: list[str]) -> _Split:
    """Collect each script's paragraphs in order.

    Lines in neither script ("***", "1") stay with the paragraph before them;
    the trailer is cut after the last English paragraph as for a block file.
    """
    first_en = labels.index("en")
    en_part, trailer = _cut_trailer(lines[first_en:], labels[first_en:])
    end = first_en + len(en_part)
    zh: list[str] = []
    en: list[str] = []
    side = "zh"
    for line, lab in zip(lines[:end], labels[:end]):
        side = lab or side
        (zh if side == "zh" else en).append(line)
    return _Split(zh=_drop_leading_marker(zh, _ZH_MARKER), en=en, trailer=trailer)


def _find_marker(lines: list[str], labels: list[str]) -> int | None:
    """The first marker line with Chinese before it and English after it.

    A marker with nothing English after it is still returned (the caller then
    says the translation is missing), unless a later marker fits better.
    """
    candidates = [i for i, line in enumerate(lines) if _EN_MARKER.match(line)]
    for i in candidates:
        if "zh" in labels[:i] and "en" in labels[i + 1 :]:
            return i
    for i in candidates:
        if "zh" in labels[:i]:
            return i
    return None


def _script_switch(labels: list[str]) -> tuple[int, int]:
    """Index of the first English line: where Chinese-before plus
    English-after is largest; also how many lines that split leaves on the
    wrong side.

    Counting lines rather than requiring every line to agree tolerates an
    English heading in the Chinese part or a Chinese name line in the English.
    """
    score = sum(1 for lab in labels if lab == "en")  # split at 0: all en lines count
    best, best_at = score, 0
    scripted = sum(1 for lab in labels if lab)
    for i, lab in enumerate(labels):
        if lab == "zh":
            score += 1
        elif lab == "en":
            score -= 1
        if score > best:
            best, best_at = score, i + 1
    return best_at, scripted - best


def _cut_trailer(
    lines: list[str], labels: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """Split the English part into (English, trailer).

    The English ends at its last English content line, or earlier at a
    Chinese footer such as ``本文由…转载…`` / ``免责声明``: once a site footer
    begins, nothing after it is translation.
    """

    def label(i: int) -> str:  # labelling every line of a long text is slow
        return labels[i] if labels is not None else _label(lines[i])

    last_content = next(
        (
            i
            for i in range(len(lines) - 1, -1, -1)
            if label(i) == "en" and not _EN_BOILERPLATE.match(lines[i])
        ),
        -1,
    )
    end = last_content + 1
    for i in range(end):
        if _ZH_BOILERPLATE.match(lines[i]) and label(i) == "zh":
            end = i
            break
    # English boilerplate just before the cut (a copyright line) goes too.
    while end > 0 and _EN_BOILERPLATE.match(lines[end - 1]):
        end -= 1
    return lines[:end], lines[end:]


def _drop_leading_marker(lines: list[str], marker: re.Pattern[str]) -> list[str]:
    if lines and marker.match(lines[0]):
        return lines[1:]
    return lines


# --------------------------------------------------------------------------
# Word tables


def _is_header_row(left: str, right: str) -> bool:
    """中文 | English, 原文 | 译文, zh | en, source | target."""
    if left.lower() in {"zh", "source"}:
        return True
    return bool(_ZH_MARKER.match(left)) and (
        bool(_EN_MARKER.match(right)) or right.lower() in {"en", "target"}
    )


def _bilingual_table(
    tables: list[list[list[str]]], all_lines: list[str]
) -> tuple[list[str], list[str]] | None:
    """A two-column Chinese|English table holding most of the document's text.

    Returns the two columns as paragraph lists; the header row (中文 | English)
    is dropped.  None when the document is not laid out that way.
    """
    total = sum(len(line.strip()) for line in all_lines)
    for rows in tables:
        two_col = [row for row in rows if len(row) == 2]
        if not two_col or len(two_col) < 0.8 * len(rows):
            continue
        left = [normalize_text(row[0]) for row in two_col]
        right = [normalize_text(row[1]) for row in two_col]
        if _is_header_row(left[0].strip(), right[0].strip()):
            left, right = left[1:], right[1:]
        if _label("\n".join(left)) != "zh" or _label("\n".join(right)) != "en":
            continue
        size = sum(len(cell) for cell in left + right)
        if size < 0.5 * total:
            continue
        zh = _clean_lines("\n".join(left))
        en = _clean_lines("\n".join(right))
        if zh and en:
            return zh, en
    return None


__all__ = ["read_bitext"]
