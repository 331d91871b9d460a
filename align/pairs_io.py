"""Read already-aligned segment pairs: TSV/CSV, TMX, XLIFF 1.2 and 2.0.

Teams that align in a CAT tool still want zhen's QA, so these formats enter
the pipeline after the align stage as ready-made :class:`Pair` lists.  XML is
parsed without DTDs, entity expansion or network access: a TMX from a
stranger must not be able to read local files or blow up memory.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from align.decode import decode_bytes, normalize_text
from align.errors import InputError
from align.linear_tsv import unescape
from align.model import Pair
from align.read import read_file_bytes

_ZH_COLUMNS = (
    "zh",
    "zh-cn",
    "zh_cn",
    "zh-hans",
    "chinese",
    "中文",
    "原文",
    "source",
    "src",
)
_EN_COLUMNS = (
    "en",
    "en-us",
    "en_us",
    "en-gb",
    "english",
    "英文",
    "译文",
    "target",
    "tgt",
)
_TABULAR_SUFFIXES = {".tsv", ".csv", ".tab", ".txt"}
_XML_SUFFIXES = {".tmx", ".xlf", ".xliff", ".xml", ".sdlxliff", ".mqxliff"}


def read_pairs(path: str | Path) -> list[Pair]:
    """Read aligned pairs from a TSV/CSV, TMX or XLIFF file.

    The format is taken from the content when it is XML (so a TMX saved as
    .xml works) and from the suffix otherwise.  Pair ids are 0-based in file
    order; ids in the file are not trusted to be unique or numeric.
    """
    path = Path(path)
    data = read_file_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: file is empty or blank")

    suffix = path.suffix.lower()
    if suffix in _XML_SUFFIXES or _starts_like_xml(data):
        return _read_xml_pairs(data, path)
    if suffix in _TABULAR_SUFFIXES or not suffix:
        return _read_tabular(data, path)
    raise InputError(
        f"{path}: unknown pairs format '{suffix}'; use .tsv, .csv, .tmx or .xlf"
    )


def _starts_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<")


# --------------------------------------------------------------------------
# TSV / CSV


def _read_tabular(data: bytes, path: Path) -> list[Pair]:
    text, _ = decode_bytes(data, str(path))
    text = normalize_text(text)
    first_line = text.split("\n", 1)[0]
    if "\t" not in first_line and (path.suffix.lower() == ".csv" or "," in first_line):
        rows = list(csv.reader(io.StringIO(text)))
    else:
        # Exports of aligned text are rarely quoted, and English quotes at
        # the start of a cell must survive: read raw, unquote what is
        # unmistakably CSV-style quoting.
        rows = [
            [_unquote(cell) for cell in line.split("\t")] for line in text.split("\n")
        ]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(f"{path}: file is empty or blank")

    header = [cell.strip().lower() for cell in rows[0]]
    zh_col = _find_column(header, _ZH_COLUMNS)
    en_col = _find_column(header, _EN_COLUMNS)
    if zh_col is None or en_col is None or zh_col == en_col:
        found = ", ".join(repr(c) for c in rows[0][:6])
        raise InputError(
            f"{path}: the header row must name a 'zh' and an 'en' column (or 'source' and 'target'); found {found}"
        )
    score_col = _find_column(header, ("score", "confidence", "similarity"))
    # zhen's own pairs.tsv escapes tabs and line breaks (\\t, \\n) and lists
    # segment ids; reading it back must give the same pairs.
    zh_ids_col = _find_column(header, ("zh_ids",))
    en_ids_col = _find_column(header, ("en_ids",))
    zhen_format = zh_ids_col is not None and en_ids_col is not None

    pairs: list[Pair] = []
    for line_no, row in enumerate(rows[1:], start=2):
        zh = _cell(row, zh_col)
        en = _cell(row, en_col)
        if not zh and not en:
            continue
        zh_ids: tuple[int, ...] = ()
        en_ids: tuple[int, ...] = ()
        if zhen_format:
            zh, en = unescape(zh), unescape(en)
            try:
                zh_ids = tuple(int(i) for i in _cell(row, zh_ids_col).split())
                en_ids = tuple(int(i) for i in _cell(row, en_ids_col).split())
            except ValueError:
                raise InputError(
                    f"{path}: row {line_no}: zh_ids/en_ids must be integers"
                ) from None
        score = None
        raw_score = _cell(row, score_col) if score_col is not None else ""
        if raw_score:
            try:
                score = float(raw_score)
            except ValueError:
                raise InputError(
                    f"{path}: row {line_no}: score {raw_score!r} is not a number"
                ) from None
        pairs.append(
            Pair(id=len(pairs), zh=zh, en=en, zh_ids=zh_ids, en_ids=en_ids, score=score)
        )
    if not pairs:
        raise InputError(f"{path}: no rows after the header")
    return pairs


def _find_column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _unquote(cell: str) -> str:
    """Undo CSV-style quoting, and only that.

    A CSV writer wraps a TSV cell in quotes only when it holds a quote (then
    doubled) or a tab; a cell that is a quotation, '"Data is the new oil."',
    was not written that way and keeps its quotes.
    """
    stripped = cell.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
        inner = stripped[1:-1]
        undoubled = inner.replace('""', "")
        if '"' not in undoubled and (undoubled != inner or "\t" in inner):
            return inner.replace('""', '"')
    return cell


# --------------------------------------------------------------------------
# XML: TMX and XLIFF

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
# Inline codes whose content is native markup (e.g. "<b>"), not text.
_CODE_ELEMENTS = {"bpt", "ept", "it", "ut", "bx", "ex", "sc", "ec"}
# Placeholders: their content is kept when it looks like a placeholder the QA
# checks should see ("{0}", "%s"), dropped when it is markup ("<br/>").
_PLACEHOLDER_ELEMENTS = {"ph", "x"}
_MARKUP = re.compile(r"^\s*<")


def _read_xml_pairs(data: bytes, path: Path) -> list[Pair]:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not valid XML ({_one_line(str(exc))})") from None
    except ValueError as exc:
        raise InputError(f"{path}: not valid XML ({_one_line(str(exc))})") from None
    if root is None:
        raise InputError(f"{path}: not valid XML (no root element)")

    name = etree.QName(root).localname.lower()
    if name == "tmx":
        return _read_tmx(root, path)
    if name == "xliff":
        return _read_xliff(root, path)
    raise InputError(
        f"{path}: neither TMX nor XLIFF (root element is <{etree.QName(root).localname}>)"
    )


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _children(el, name: str) -> list:
    return [child for child in el if _local(child) == name]


def _descendants(el, name: str) -> list:
    return [node for node in el.iter() if _local(node) == name]


def _is_zh(lang: str) -> bool:
    lang = lang.strip().lower().replace("_", "-")
    return lang.startswith("zh") or lang.split("-")[0] in {"cmn", "zho", "chi", "yue"}


def _is_en(lang: str) -> bool:
    lang = lang.strip().lower().replace("_", "-")
    return lang.split("-")[0] in {"en", "eng"}


def _inline_text(el) -> str:
    """Text of a segment with inline codes removed but their tails kept."""
    parts: list[str] = [el.text or ""]
    for child in el:
        name = _local(child)
        if name in _CODE_ELEMENTS:
            pass
        elif name in _PLACEHOLDER_ELEMENTS:
            inner = _inline_text(child)
            if inner and not _MARKUP.match(inner):
                parts.append(inner)
        elif name:  # hi, g, mrk, pc, sub…: real text inside
            parts.append(_inline_text(child))
        # entity references and other non-elements contribute nothing
        parts.append(child.tail or "")
    return "".join(parts)


def _segment_text(el) -> str:
    return normalize_text(_inline_text(el)).strip()


def _read_tmx(root, path: Path) -> list[Pair]:
    bodies = _children(root, "body")
    if not bodies:
        raise InputError(f"{path}: TMX has no <body>")
    pairs: list[Pair] = []
    langs_seen: set[str] = set()
    tus = _descendants(bodies[0], "tu")
    for tu in tus:
        zh = en = None
        for tuv in _children(tu, "tuv"):
            lang = tuv.get(f"{_XML_NS}lang") or tuv.get("lang") or ""
            langs_seen.add(lang)
            segs = _children(tuv, "seg")
            if not segs:
                continue
            if zh is None and _is_zh(lang):
                zh = _segment_text(segs[0])
            elif en is None and _is_en(lang):
                en = _segment_text(segs[0])
        if zh is None or en is None:
            continue
        pairs.append(Pair(id=len(pairs), zh=zh, en=en, score=_tmx_score(tu)))
    if not pairs:
        if not tus:
            raise InputError(f"{path}: TMX body has no translation units (<tu>)")
        found = ", ".join(sorted(lang for lang in langs_seen if lang)) or "none"
        raise InputError(
            f"{path}: no translation unit has both a Chinese (zh*) and an English (en*) segment; languages found: {found}"
        )
    return pairs


def _tmx_score(tu) -> float | None:
    for prop in _children(tu, "prop"):
        kind = (prop.get("type") or "").lower()
        if "score" in kind or "confidence" in kind:  # zhen writes x-zhen-confidence
            try:
                return float((prop.text or "").strip())
            except ValueError:
                return None
    return None


def _read_xliff(root, path: Path) -> list[Pair]:
    version = (root.get("version") or "").strip()
    if version.startswith("2"):
        return _read_xliff2(root, path)
    return _read_xliff1(root, path)


def _orientation(src_lang: str, trg_lang: str, path: Path) -> bool:
    """True when the source side is Chinese; the file may run en→zh."""
    if src_lang and trg_lang:
        if _is_zh(src_lang) and _is_en(trg_lang):
            return True
        if _is_en(src_lang) and _is_zh(trg_lang):
            return False
        raise InputError(
            f"{path}: XLIFF languages are {src_lang} → {trg_lang}; expected Chinese (zh*) and English (en*)"
        )
    return not (src_lang and _is_en(src_lang))


def _read_xliff1(root, path: Path) -> list[Pair]:
    files = _descendants(root, "file")
    if not files:
        raise InputError(f"{path}: XLIFF has no <file> element")
    pairs: list[Pair] = []
    units = 0
    for file_el in files:
        bodies = _children(file_el, "body")
        if not bodies:
            continue
        zh_is_source = _orientation(
            file_el.get("source-language") or "",
            file_el.get("target-language") or "",
            path,
        )
        for unit in _descendants(bodies[0], "trans-unit"):
            units += 1
            sources = _children(unit, "source")
            targets = _children(unit, "target")
            if not sources or not targets:
                continue
            src, trg = _segment_text(sources[0]), _segment_text(targets[0])
            zh, en = (src, trg) if zh_is_source else (trg, src)
            pairs.append(Pair(id=len(pairs), zh=zh, en=en))
    return _require_units(pairs, units, path, "<trans-unit>")


def _read_xliff2(root, path: Path) -> list[Pair]:
    zh_is_source = _orientation(
        root.get("srcLang") or "", root.get("trgLang") or "", path
    )
    files = _children(root, "file")
    if not files:
        raise InputError(f"{path}: XLIFF has no <file> element")
    pairs: list[Pair] = []
    units = 0
    for file_el in files:
        for unit in _descendants(file_el, "unit"):
            for segment in _children(unit, "segment"):
                units += 1
                sources = _children(segment, "source")
                targets = _children(segment, "target")
                if not sources or not targets:
                    continue
                src, trg = _segment_text(sources[0]), _segment_text(targets[0])
                zh, en = (src, trg) if zh_is_source else (trg, src)
                pairs.append(Pair(id=len(pairs), zh=zh, en=en))
    return _require_units(pairs, units, path, "<segment>")


def _require_units(
    pairs: list[Pair], units: int, path: Path, unit_name: str
) -> list[Pair]:
    if pairs:
        return pairs
    if not units:
        raise InputError(f"{path}: XLIFF has no translation units ({unit_name})")
    raise InputError(
        f"{path}: no translation unit in the XLIFF has both a source and a target"
    )


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\(<string>, line \d+\)", "", text)
    return " ".join(text.split())[:200]
