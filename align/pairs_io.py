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
from dataclasses import dataclass, replace
from pathlib import Path

from align.decode import decode_bytes, normalize_text
from align.errors import InputError
from align.linear_tsv import unescape
from align.model import InlineCode, Pair
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


@dataclass(frozen=True)
class SkippedUnit:
    """A unit of the input zhen could not turn into a pair, and why.

    ``unit_id`` is the input's own id when it has one, else where the unit
    is ("row 7", "<tu> #3"), so the user can find it in the file.
    """

    unit_id: str
    reason: str


@dataclass(frozen=True)
class PairsInput:
    """What :func:`read_pairs` read: every unit is a pair or a skip.

    ``renamed`` lists (input id, id used) for units whose id repeated an
    earlier one and was made unique; ``encoding`` is the detected encoding.
    """

    pairs: list[Pair]
    skipped: tuple[SkippedUnit, ...] = ()
    encoding: str = "utf-8"
    renamed: tuple[tuple[str, str], ...] = ()

    @property
    def units(self) -> int:
        """Units in the input: pairs out + skipped, by construction."""
        return len(self.pairs) + len(self.skipped)


def read_pairs(path: str | Path) -> PairsInput:
    """Read aligned pairs from a TSV/CSV, TMX or XLIFF file.

    The format is taken from the content when it is XML (so a TMX saved as
    .xml works) and from the suffix otherwise.  Pair ids are 0-based in file
    order; the file's own unit ids go to ``Pair.unit_id`` (made unique, see
    ``PairsInput.renamed``).  A unit with a source and no translation is a
    pair with an empty side; a unit with nothing zhen can use is listed in
    ``PairsInput.skipped``, never dropped silently.
    """
    path = Path(path)
    data = read_file_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: file is empty or blank")

    suffix = path.suffix.lower()
    if suffix in _XML_SUFFIXES or _starts_like_xml(data):
        read = _read_xml_pairs(data, path)
    elif suffix in _TABULAR_SUFFIXES or not suffix:
        read = _read_tabular(data, path)
    else:
        raise InputError(
            f"{path}: unknown pairs format '{suffix}'; use .tsv, .csv, .tmx or .xlf"
        )
    pairs, renamed = _unique_unit_ids(read.pairs)
    return replace(read, pairs=pairs, renamed=renamed)


def _unique_unit_ids(
    pairs: list[Pair],
) -> tuple[list[Pair], tuple[tuple[str, str], ...]]:
    """Keep the first of each repeated unit id; later ones get "-2", "-3"…
    (the first free suffix), so outputs never hold two units with one id."""
    used = {p.unit_id for p in pairs if p.unit_id is not None}
    seen: set[str] = set()
    renamed: list[tuple[str, str]] = []
    out: list[Pair] = []
    for pair in pairs:
        uid = pair.unit_id
        if uid is not None and uid in seen:
            n = 2
            while f"{uid}-{n}" in used:
                n += 1
            new = f"{uid}-{n}"
            used.add(new)
            renamed.append((uid, new))
            pair = replace(pair, unit_id=new)
        if pair.unit_id is not None:
            seen.add(pair.unit_id)
        out.append(pair)
    return out, tuple(renamed)


def _starts_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<")


# --------------------------------------------------------------------------
# TSV / CSV


def _read_tabular(data: bytes, path: Path) -> PairsInput:
    text, encoding = decode_bytes(data, str(path))
    text = normalize_text(text)
    first_line = text.split("\n", 1)[0]
    numbered: list[tuple[int, list[str]]]
    if "\t" not in first_line and (path.suffix.lower() == ".csv" or "," in first_line):
        reader = csv.reader(io.StringIO(text))
        numbered = []
        for row in reader:
            numbered.append((reader.line_num, row))
    else:
        # Exports of aligned text are rarely quoted, and English quotes at
        # the start of a cell must survive: read raw, unquote what is
        # unmistakably CSV-style quoting.
        numbered = [
            (n, [_unquote(cell) for cell in line.split("\t")])
            for n, line in enumerate(text.split("\n"), start=1)
        ]
    # A blank line is not a unit; a row with any cell filled is.
    numbered = [(n, row) for n, row in numbered if any(cell.strip() for cell in row)]
    if not numbered:
        raise InputError(f"{path}: file is empty or blank")

    first = numbered[0][1]
    header = [cell.strip().lower() for cell in first]
    zh_col = _find_column(header, _ZH_COLUMNS)
    en_col = _find_column(header, _EN_COLUMNS)
    if zh_col is None or en_col is None or zh_col == en_col:
        found = ", ".join(repr(c) for c in first[:6])
        raise InputError(
            f"{path}: the header row must name a 'zh' and an 'en' column (or 'source' and 'target'); found {found}"
        )
    score_col = _find_column(header, ("score", "confidence", "similarity"))
    # zhen's own pairs.tsv names the input's ids "unit_id" (its "id" is
    # zhen's numbering); anyone else's "id" column is their unit id.
    # zhen's own pairs.tsv escapes tabs and line breaks (\\t, \\n) and lists
    # segment ids; reading it back must give the same pairs.
    zh_ids_col = _find_column(header, ("zh_ids",))
    en_ids_col = _find_column(header, ("en_ids",))
    zhen_format = zh_ids_col is not None and en_ids_col is not None
    unit_col = _find_column(
        header, ("unit_id",) if zhen_format else ("unit_id", "id", "tuid", "segment_id")
    )

    pairs: list[Pair] = []
    skipped: list[SkippedUnit] = []
    for line_no, row in numbered[1:]:
        zh = _cell(row, zh_col)
        en = _cell(row, en_col)
        unit_id = _cell(row, unit_col) if unit_col is not None else ""
        if not zh and not en:
            skipped.append(
                SkippedUnit(unit_id or f"row {line_no}", "zh and en cells are empty")
            )
            continue
        zh_ids: tuple[int, ...] = ()
        en_ids: tuple[int, ...] = ()
        if zhen_format:
            zh, en, unit_id = unescape(zh), unescape(en), unescape(unit_id)
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
            Pair(
                id=len(pairs),
                zh=zh,
                en=en,
                zh_ids=zh_ids,
                en_ids=en_ids,
                score=score,
                unit_id=unit_id or None,
            )
        )
    if not pairs:
        if skipped:
            raise InputError(f"{path}: every row has empty zh and en cells")
        raise InputError(f"{path}: no rows after the header")
    return PairsInput(pairs=pairs, skipped=tuple(skipped), encoding=encoding)


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
_CODE_ELEMENTS = {"bpt", "ept", "it", "ut", "bx", "ex", "sc", "ec", "sm", "em"}
# Placeholders: their content is kept when it looks like a placeholder the QA
# checks should see ("{0}", "%s"), dropped when it is markup ("<br/>").
_PLACEHOLDER_ELEMENTS = {"ph", "x"}
_MARKUP = re.compile(r"^\s*<")


def _read_xml_pairs(data: bytes, path: Path) -> PairsInput:
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

    encoding = root.getroottree().docinfo.encoding or "utf-8"
    name = etree.QName(root).localname.lower()
    if name == "tmx":
        read = _read_tmx(root, path)
    elif name == "xliff":
        read = _read_xliff(root, path)
    else:
        raise InputError(
            f"{path}: neither TMX nor XLIFF (root element is <{etree.QName(root).localname}>)"
        )
    return replace(read, encoding=encoding.lower())


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


# --------------------------------------------------------------------------
# Segments: plain text for the checks, inline codes kept beside it


def _attr_name(el, key: str) -> str:
    if not key.startswith("{"):
        return key
    ns, local = key[1:].split("}", 1)
    if ns == _XML_NS[1:-1]:
        return f"xml:{local}"
    for prefix, uri in (el.nsmap or {}).items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def _start_tag(el, close: bool = False) -> str:
    from xml.sax.saxutils import quoteattr

    name = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
    attrs = "".join(f" {_attr_name(el, k)}={quoteattr(v)}" for k, v in el.attrib.items())
    return f"<{name}{attrs}{'/' if close else ''}>"


def _xml_of(el) -> str:
    """The element as XML without its tail and without namespace
    declarations, so it can be re-inserted into any document."""
    from xml.sax.saxutils import escape

    name = el.tag.rsplit("}", 1)[-1]
    if not len(el) and not el.text:
        return _start_tag(el, close=True)
    inner = escape(el.text or "")
    for child in el:
        if isinstance(child.tag, str):
            inner += _xml_of(child)
        inner += escape(child.tail or "")
    return f"{_start_tag(el)}{inner}</{name}>"


def _plain(el) -> str:
    """Text of an element as a placeholder shows it (codes dropped)."""
    text, _ = _segment(el, "")
    return text


def _segment(el, origin: str) -> tuple[str, tuple[InlineCode, ...]]:
    """Plain text of a ``<seg>``/``<source>``/``<target>`` and its inline codes.

    Code elements (``<bpt>``, ``<x/>``…) leave the text and become codes at
    their offset; wrappers with real text inside (``<g>``, ``<pc>``,
    ``<hi>``, ``<mrk>``) keep their text and become an opening and a closing
    code.  Each text piece is normalised on its own so offsets stay exact;
    the text is stripped and offsets shifted to match.
    """
    parts: list[str] = []
    codes: list[InlineCode] = []
    length = 0

    def add(piece: str) -> None:
        nonlocal length
        piece = normalize_text(piece)
        parts.append(piece)
        length += len(piece)

    def walk(node) -> None:
        add(node.text or "")
        for child in node:
            name = _local(child)
            if name in _CODE_ELEMENTS:
                codes.append(InlineCode(length, _xml_of(child), "standalone", "", origin))
            elif name in _PLACEHOLDER_ELEMENTS:
                inner = normalize_text(_plain(child))
                keep = inner if inner and not _MARKUP.match(inner) else ""
                codes.append(InlineCode(length, _xml_of(child), "standalone", keep, origin))
                add(keep)
            elif name:  # hi, g, mrk, pc, sub…: real text inside
                tag = child.tag.rsplit("}", 1)[-1]
                codes.append(InlineCode(length, _start_tag(child), "open", "", origin))
                walk(child)
                codes.append(InlineCode(length, f"</{tag}>", "close", "", origin))
            # entity references and other non-elements contribute nothing
            add(child.tail or "")

    walk(el)
    raw = "".join(parts)
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    shifted = tuple(
        replace(c, offset=min(max(c.offset - lead, 0), len(text))) for c in codes
    )
    return text, shifted


def _read_tmx(root, path: Path) -> PairsInput:
    bodies = _children(root, "body")
    if not bodies:
        raise InputError(f"{path}: TMX has no <body>")
    pairs: list[Pair] = []
    skipped: list[SkippedUnit] = []
    langs_seen: set[str] = set()
    tus = _descendants(bodies[0], "tu")
    for number, tu in enumerate(tus, start=1):
        tuid = (tu.get("tuid") or "").strip() or None
        zh = en = None
        langs: list[str] = []
        for tuv in _children(tu, "tuv"):
            lang = tuv.get(f"{_XML_NS}lang") or tuv.get("lang") or ""
            langs.append(lang or "?")
            langs_seen.add(lang)
            segs = _children(tuv, "seg")
            if not segs:
                continue
            if zh is None and _is_zh(lang):
                zh = _segment(segs[0], "tmx")
            elif en is None and _is_en(lang):
                en = _segment(segs[0], "tmx")
        where = tuid or f"<tu> #{number}"
        if zh is None and en is None:
            if not langs:
                reason = "no <tuv>"
            elif any(_is_zh(lang) or _is_en(lang) for lang in langs):
                reason = "its Chinese/English variants have no <seg>"
            else:
                reason = f"no Chinese or English variant (xml:lang {', '.join(langs)})"
            skipped.append(SkippedUnit(where, reason))
            continue
        (zh_text, zh_codes), (en_text, en_codes) = zh or ("", ()), en or ("", ())
        if not (zh_text or en_text or zh_codes or en_codes):
            skipped.append(SkippedUnit(where, "its segments are empty"))
            continue
        props = _tmx_props(tu)
        pairs.append(
            Pair(
                id=len(pairs),
                zh=zh_text,
                en=en_text,
                zh_ids=_int_tuple(props.get("x-zhen-zh-ids", "")),
                en_ids=_int_tuple(props.get("x-zhen-en-ids", "")),
                score=_tmx_score(tu),
                para=_int_or(props.get("x-zhen-para", ""), 0),
                heading=props.get("x-zhen-heading", "").lower() == "true",
                unit_id=tuid,
                zh_codes=zh_codes,
                en_codes=en_codes,
            )
        )
    if not pairs:
        if not tus:
            raise InputError(f"{path}: TMX body has no translation units (<tu>)")
        found = ", ".join(sorted(lang for lang in langs_seen if lang)) or "none"
        raise InputError(
            f"{path}: no translation unit has both a Chinese (zh*) and an English (en*) segment; languages found: {found}"
        )
    return PairsInput(pairs=pairs, skipped=tuple(skipped))


def _tmx_props(tu) -> dict[str, str]:
    """The unit's ``<prop>`` values by type (first of each), e.g. zhen's own
    x-zhen-zh-ids, so re-reading zhen's TMX gives back the segment ids."""
    props: dict[str, str] = {}
    for prop in _children(tu, "prop"):
        props.setdefault((prop.get("type") or "").lower(), (prop.text or "").strip())
    return props


def _int_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(i) for i in text.split())
    except ValueError:
        return ()


def _int_or(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _tmx_score(tu) -> float | None:
    for prop in _children(tu, "prop"):
        kind = (prop.get("type") or "").lower()
        if "score" in kind or "confidence" in kind:  # zhen writes x-zhen-confidence
            try:
                return float((prop.text or "").strip())
            except ValueError:
                return None
    return None


def _read_xliff(root, path: Path) -> PairsInput:
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


def _xliff_pair(
    index: int, unit_id: str | None, where: str, segment, zh_is_source: bool, origin: str
) -> Pair | SkippedUnit:
    """One source/target holder as a pair: no target is an empty translation
    (the unaligned checks flag it), no source is a unit zhen cannot use."""
    sources = _children(segment, "source")
    targets = _children(segment, "target")
    if not sources:
        return SkippedUnit(where, "no <source>")
    src = _segment(sources[0], origin)
    trg = _segment(targets[0], origin) if targets else ("", ())
    (zh, zh_codes), (en, en_codes) = (src, trg) if zh_is_source else (trg, src)
    if not (zh or en or zh_codes or en_codes):
        return SkippedUnit(where, "its source and target are empty")
    return Pair(
        id=index, zh=zh, en=en, unit_id=unit_id, zh_codes=zh_codes, en_codes=en_codes
    )


def _read_xliff1(root, path: Path) -> PairsInput:
    files = _descendants(root, "file")
    if not files:
        raise InputError(f"{path}: XLIFF has no <file> element")
    pairs: list[Pair] = []
    skipped: list[SkippedUnit] = []
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
            uid = (unit.get("id") or "").strip() or None
            where = uid or f"<trans-unit> #{len(pairs) + len(skipped) + 1}"
            got = _xliff_pair(len(pairs), uid, where, unit, zh_is_source, "xliff1")
            (pairs if isinstance(got, Pair) else skipped).append(got)
    return _require_units(pairs, skipped, path, "<trans-unit>")


def _read_xliff2(root, path: Path) -> PairsInput:
    zh_is_source = _orientation(
        root.get("srcLang") or "", root.get("trgLang") or "", path
    )
    files = _children(root, "file")
    if not files:
        raise InputError(f"{path}: XLIFF has no <file> element")
    pairs: list[Pair] = []
    skipped: list[SkippedUnit] = []
    for file_el in files:
        for unit in _descendants(file_el, "unit"):
            unit_id = (unit.get("id") or "").strip()
            segments = _children(unit, "segment")
            for number, segment in enumerate(segments, start=1):
                # A unit of several segments: "unit/segment id" keeps each traceable.
                seg_id = (segment.get("id") or "").strip() or str(number)
                uid = unit_id if len(segments) == 1 else f"{unit_id}/{seg_id}"
                uid = uid if unit_id else None
                where = uid or f"<segment> #{len(pairs) + len(skipped) + 1}"
                got = _xliff_pair(len(pairs), uid, where, segment, zh_is_source, "xliff2")
                (pairs if isinstance(got, Pair) else skipped).append(got)
    return _require_units(pairs, skipped, path, "<segment>")


def _require_units(
    pairs: list[Pair], skipped: list[SkippedUnit], path: Path, unit_name: str
) -> PairsInput:
    if pairs:
        return PairsInput(pairs=pairs, skipped=tuple(skipped))
    if not skipped:
        raise InputError(f"{path}: XLIFF has no translation units ({unit_name})")
    raise InputError(
        f"{path}: no translation unit in the XLIFF has a source (first: {skipped[0].unit_id}: {skipped[0].reason})"
    )


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\(<string>, line \d+\)", "", text)
    return " ".join(text.split())[:200]
