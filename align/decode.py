"""Turn the bytes of a text file into clean Unicode text.

Translators hand over files saved by Word, WPS, Notepad or a web CMS, so the
encoding is anything from UTF-8 to GBK or Big5, sometimes with a BOM,
sometimes UTF-16.  Statistical detectors guess wrong on short Chinese texts
(GBK bytes are almost always valid Big5 and vice versa), so the order here is
strict trial decoding, and only when two Chinese encodings both succeed do we
look at *which characters came out*: the right decoding yields the common Han
characters of everyday prose, the wrong one yields rare characters, private-use
code points and stray symbols.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

from align.errors import InputError

# Encodings tried, in order, after the BOM checks and UTF-8.  gb18030 decodes
# every GBK/GB2312 file; big5hkscs only matters when plain big5 fails.
_CJK_CANDIDATES = ("gb18030", "big5", "big5hkscs")
_LATIN_FALLBACK = "cp1252"
# Characters looked at when scoring a candidate decoding: plenty to decide,
# and a 5 MB file is not scanned character by character three times.
_SAMPLE = 200_000

# Control characters allowed in a text file that are not binary noise.
_TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1b")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding name)``.

    The text still needs :func:`normalize_text`; it is returned raw so callers
    can report positions in the file as the user sees it.  ``name`` is only
    used in error messages.
    """
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise InputError(f"{name}: file is empty or blank")

    bom = _decode_with_bom(data)
    if bom is not None:
        text, encoding = bom
    elif b"\x00" in data:
        text, encoding = _decode_bomless_utf16(data, name)
    else:
        text, encoding = _decode_without_bom(data, name)

    if _looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: file is empty or blank")
    return text, encoding


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    )
    for bom, codec, label in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), label if codec != "utf-8" else "utf-8-sig"
            except UnicodeDecodeError:
                # A BOM followed by garbage: fall through to the other checks.
                return None
    return None


def _decode_bomless_utf16(data: bytes, name: str) -> tuple[str, str]:
    """NUL bytes mean UTF-16 without a BOM, or a binary file.

    Both byte orders are tried; UTF-16 text decodes to letters, Han and
    punctuation, while a binary decodes (if at all) to a scatter of code
    points from every script, unassigned ones and control codes.
    """
    if len(data) % 2 == 0:
        best: tuple[float, str, str] | None = None
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            share = _texty_share(text)
            if best is None or share > best[0]:
                best = (share, codec, text)
        if best is not None and best[0] >= 0.95:
            return best[2], best[1]
    raise InputError(f"{name}: looks like a binary file, not text")


def _texty_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    texty = sum(
        1
        for ch in sample
        if (" " <= ch <= "~")
        or ch in _TEXT_CONTROLS
        or _is_han(ch)
        or ch in _CHINESE_PUNCTUATION
        or (
            ch > "\x7f"
            and unicodedata.category(ch)[0] in "LPZ"
            and unicodedata.category(ch) != "Lo"
        )
    )
    return texty / len(sample)


def _decode_without_bom(data: bytes, name: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    candidates: list[tuple[float, int, str, str]] = []
    # UTF-8 with a few bad bytes; a file with many is in another encoding.
    if data.decode("utf-8", errors="replace").count("\ufffd") <= max(
        16, len(data) // 1000
    ):
        repaired, bad_bytes = _decode_utf8_repairing(data)
        multibyte = sum(1 for ch in repaired[:_SAMPLE] if ch > "\x7f") - bad_bytes
        plural = "s" if bad_bytes > 1 else ""
        candidates.append(
            (
                float(multibyte - 10 * bad_bytes),
                1,
                f"utf-8 ({bad_bytes} invalid byte{plural} read as cp1252)",
                repaired,
            )
        )
    for order, codec in enumerate(_CJK_CANDIDATES):
        if codec == "big5hkscs" and any(c == "big5" for _, _, c, _ in candidates):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_plausibility(text), -order, codec, text))
    try:
        latin = data.decode(_LATIN_FALLBACK)
    except UnicodeDecodeError:
        pass
    else:
        candidates.append(
            (_latin_plausibility(latin), -len(_CJK_CANDIDATES), _LATIN_FALLBACK, latin)
        )

    if candidates:
        _, _, codec, text = max(candidates)
        return text, _report_name(data, codec)
    return _decode_by_detector(data, name)


_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _decode_utf8_repairing(data: bytes) -> tuple[str, int]:
    """UTF-8 with its invalid bytes read as cp1252; also their number.

    A UTF-8 file edited once in a Windows editor gains a stray ’ (0x92); a
    file cut at a size limit ends in half a character.  Reading those bytes
    as cp1252 keeps every character instead of turning the whole file into
    GBK mojibake because strict UTF-8 failed.
    """
    raw = data.decode("utf-8", errors="surrogateescape")
    bad = 0

    def as_cp1252(match: re.Match[str]) -> str:
        nonlocal bad
        chunk = bytes(ord(ch) - 0xDC00 for ch in match.group())
        bad += len(chunk)
        if match.end() == len(raw) and _is_cut_utf8(chunk):
            return ""  # the file was cut inside its last character
        return chunk.decode("cp1252", errors="replace")

    return _ESCAPED_BYTES.sub(as_cp1252, raw), bad


def _is_cut_utf8(chunk: bytes) -> bool:
    lead = chunk[0]
    needed = (
        2
        if 0xC2 <= lead <= 0xDF
        else 3
        if 0xE0 <= lead <= 0xEF
        else 4
        if 0xF0 <= lead <= 0xF4
        else 0
    )
    return len(chunk) < needed and all(0x80 <= b <= 0xBF for b in chunk[1:])


def _report_name(data: bytes, codec: str) -> str:
    """Name GB files by the narrowest standard that covers them.

    Users recognise "gbk" (what Windows calls ANSI on a Chinese system); the
    bytes decode identically under gb18030, which is what we used.
    """
    if codec == "gb18030":
        try:
            data.decode("gbk")
        except UnicodeDecodeError:
            return "gb18030"
        return "gbk"
    return codec


def _decode_by_detector(data: bytes, name: str) -> tuple[str, str]:
    """Last resort for encodings we do not try by hand (Shift-JIS, KOI8-R…)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: looks like a binary file, not text")
    return str(best), best.encoding


@lru_cache(maxsize=65536)
def _is_common_han(ch: str) -> bool:
    """True for characters of the everyday Chinese repertoire.

    GB2312 level 1 (lead bytes B0–D7) holds the 3,755 most frequent simplified
    characters and Big5 level 1 (A440–C67E) the 5,401 most frequent
    traditional ones; the codecs themselves thus give a frequency list for
    both scripts without shipping one.
    """
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        code = int.from_bytes(ch.encode("big5"), "big")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= code <= 0xC67E


# Punctuation and symbols that real Chinese text uses; anything else outside
# ASCII and Han in a CJK decoding counts against it.
_CHINESE_PUNCTUATION = set(
    "，。、；：？！“”‘’「」『』（）《》〈〉【】〔〕—…·～　﹏．％＋－＝＜＞／＠＃＆＊"
    "０１２３４５６７８９"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "〇℃°±×÷①②③④⑤⑥⑦⑧⑨⑩ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ■□▲△●○◆◇★☆→←↑↓※"
)


def _cjk_plausibility(text: str) -> float:
    """Score a CJK decoding: common Han and Chinese punctuation count for it,
    rare Han, private-use code points, kana/bopomofo/box drawing against it."""
    good = bad = 0
    for ch in text[:_SAMPLE]:
        if ch < "\x80":
            continue
        if _is_han(ch):
            if _is_common_han(ch):
                good += 1
            else:
                bad += 2
        elif ch in _CHINESE_PUNCTUATION:
            good += 1
        else:
            bad += 2
    return float(good - bad)


_LATIN_WORD_CHARS = re.compile(r"[^\x00-\x7f]+")


def _latin_plausibility(text: str) -> float:
    """Score a cp1252 decoding of a file that is not UTF-8.

    A Western file has isolated non-ASCII characters (’ “ é —) between ASCII
    ones; a Chinese file misread as cp1252 has long runs of them (mojibake),
    one run per Chinese phrase.
    """
    good = bad = 0
    for run in _LATIN_WORD_CHARS.findall(text[:_SAMPLE]):
        if len(run) == 1 and unicodedata.category(run) not in ("Cc", "Co", "Cn"):
            good += 1
        else:
            bad += 2 * len(run)
    return float(good - bad)


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
    )


def _looks_binary(text: str) -> bool:
    """Many C0 controls (other than whitespace) mean the bytes are not text.

    A stray \\x01 or \\x0b pasted from Word is tolerated and later removed by
    :func:`normalize_text`; a file where one character in twenty is a control
    code is not a document.
    """
    sample = text[:200_000]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls > max(2, len(sample) // 20)


# --------------------------------------------------------------------------
# normalisation

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 except tab/LF, DEL, C1, BOM/ZWNBSP, the two BMP non-characters XML 1.0
# forbids, and lone surrogates (they only arise from surrogateescape input).
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def normalize_text(s: str) -> str:
    """Normalise to what every later stage may assume.

    LF line ends only, form-feed/vertical-tab/Unicode line separators become
    line breaks (Word exports \\x0b for Shift+Enter and \\x0c for page
    breaks), characters XML 1.0 cannot carry are dropped so TMX/XLIFF export
    never fails, and NFC makes equal-looking strings equal.  Full-width
    letters and punctuation are deliberately *not* folded: the QA checks look
    for them.
    """
    s = _LINE_BREAKS.sub("\n", s)
    s = _ILLEGAL.sub("", s)
    return unicodedata.normalize("NFC", s)
