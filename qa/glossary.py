"""Client glossaries (termbases): TBX v2 (martif), TBX v3 (TBX-Basic), CSV/TSV and XLSX.

Every format reduces to the same thing: Chinese source terms, the English
renderings the client accepts, and the renderings it forbids (TBX
``administrativeStatus`` deprecated/superseded, ``normativeAuthorization``, or
a ``forbidden``/``status`` column).  Loading validates hard — a glossary that
silently loads empty would make the glossary check pass everything.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.script_convert import to_simplified
from qa import lexicons as lx

_FORBIDDEN_STATUS = re.compile(r"deprecated|superseded|forbidden|obsolete|rejected|do.?not.?use", re.IGNORECASE)
_TRUE = {"1", "y", "yes", "true", "x", "forbidden", "deprecated", "✓", "✔"}
_SPLIT = re.compile(r"\s*[|;]\s*")
_ZH_COLS = ("zh", "zh-cn", "zh_cn", "zh-hans", "chinese", "source", "src", "中文", "原文", "术语")
_EN_COLS = ("en", "en-us", "en-gb", "en_us", "english", "target", "tgt", "英文", "译文", "translation")
_FORBID_COLS = ("forbidden", "forbidden_en", "do not use", "deprecated", "status", "禁用")


@dataclass(frozen=True)
class Term:
    """One concept: its Chinese forms, accepted English renderings, forbidden ones."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.terms)


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary by extension (.tbx/.xml, .csv, .tsv/.txt, .xlsx); InputError when unusable."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: glossary not found")
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml"):
        terms = _read_tbx(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        terms = _read_delimited(path)
    elif suffix in (".xlsx", ".xlsm"):
        terms = _read_xlsx(path)
    else:
        raise InputError(f"{path}: unknown glossary format '{suffix}' (use .tbx, .csv, .tsv or .xlsx)")
    terms = [t for t in terms if t.zh and (t.en or t.forbidden)]
    if not terms:
        raise InputError(f"{path}: glossary has no Chinese-English term pairs")
    return Glossary(tuple(terms), str(path))


# --------------------------------------------------------------------------- TBX


def _local(tag: object) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _lang(el) -> str:
    return (el.get("{http://www.w3.org/XML/1998/namespace}lang") or el.get("lang") or "").lower()


def _read_tbx(path: Path) -> list[Term]:
    from lxml import etree

    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"{path}: not well-formed TBX ({str(exc).splitlines()[0]})") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(f"{path}: not a TBX file (root element <{_local(root.tag)}>, expected <martif> or <tbx>)")
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        zh: list[str] = []
        en: list[str] = []
        forbidden: list[str] = []
        for lang_el in entry:
            if _local(lang_el.tag) not in ("langSet", "langSec"):
                continue
            lang = _lang(lang_el)
            for holder in lang_el.iter():
                if _local(holder.tag) not in ("tig", "ntig", "termSec"):
                    continue
                text, status = _term_and_status(holder)
                if not text:
                    continue
                bad = bool(status and _FORBIDDEN_STATUS.search(status))
                if lang.startswith("zh"):
                    if not bad:
                        zh.append(text)
                elif lang.startswith("en"):
                    (forbidden if bad else en).append(text)
        terms.append(Term(tuple(zh), tuple(en), tuple(forbidden), entry.get("id", "")))
    return terms


def _term_and_status(holder) -> tuple[str, str]:
    text, status = "", ""
    for el in holder.iter():
        name = _local(el.tag)
        if name == "term" and not text:
            text = "".join(el.itertext()).strip()
        elif name in ("termNote", "descrip") and el.get("type") in ("administrativeStatus",
                                                                  "normativeAuthorization"):
            status = (el.text or "").strip()
    return text, status


# --------------------------------------------------------------------------- tables


def _pick(header: list[str], names: Iterable[str]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def _cell(row: list[str], i: int | None) -> str:
    return str(row[i] or "").strip() if i is not None and i < len(row) else ""


def _rows_to_terms(rows: list[list[str]], where: str) -> list[Term]:
    if not rows:
        raise InputError(f"{where}: glossary is empty")
    header = rows[0]
    zi, ei, fi = _pick(header, _ZH_COLS), _pick(header, _EN_COLS), _pick(header, _FORBID_COLS)
    if zi is None or ei is None:
        raise InputError(f"{where}: glossary needs a header row with zh/en (or source/target) columns, "
                         f"found {', '.join(h for h in header if h) or 'nothing'}")
    merged: dict[str, tuple[list[str], list[str]]] = {}
    for n, row in enumerate(rows[1:], 2):
        zh, en, flag = (_cell(row, i) for i in (zi, ei, fi))
        if not zh and not en:
            continue
        if not zh or not lx.HAN.search(zh):
            raise InputError(f"{where}: row {n} has no Chinese source term (got {zh!r})")
        ens = [e for e in _SPLIT.split(en) if e]
        accepted, forbidden = merged.setdefault(zh, ([], []))
        if flag.lower() in _TRUE or _FORBIDDEN_STATUS.search(flag) and " " not in flag.strip():
            forbidden.extend(ens)  # this row's English is the forbidden one
        else:
            accepted.extend(ens)
            if flag and not re.fullmatch(r"(?i)no|n|false|0|preferred|admitted|ok|-", flag):
                forbidden.extend(f for f in _SPLIT.split(flag) if f)
    return [Term((zh,), tuple(dict.fromkeys(a)), tuple(dict.fromkeys(f))) for zh, (a, f) in merged.items()]


def _read_delimited(path: Path) -> list[Term]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: glossary is not UTF-8 text") from None
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first or path.suffix.lower() in (".tsv", ".txt") and "," not in first else ","
    try:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV ({exc})") from None
    return _rows_to_terms([r for r in rows if any(c.strip() for c in r)], str(path))


def _read_xlsx(path: Path) -> list[Term]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable XLSX workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _rows_to_terms([r for r in rows if any(c.strip() for c in r)], str(path))


# --------------------------------------------------------------------------- matching


def find_en(phrase: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``phrase`` in ``text``: case-insensitive, plural/-ing/-ed tolerant, hyphen = space."""
    needle = [t.lemma for t in lx.tokenize_en(phrase.replace("-", " "))]
    if not needle:
        return []
    tokens = lx.tokenize_en(text.replace("-", " "))
    hay = [t.lemma for t in tokens]
    n = len(needle)
    return [(tokens[i].start, tokens[i + n - 1].end)
            for i in range(len(hay) - n + 1) if hay[i:i + n] == needle]


def find_zh(term: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``text``.  Checks read Traditional text as
    Simplified (qa/zh_view.py), so a Traditional term is looked for in the
    same script; the conversion keeps lengths, so spans are unchanged."""
    term = to_simplified(term)
    spans, start = [], 0
    while term and (k := text.find(term, start)) >= 0:
        spans.append((k, k + len(term)))
        start = k + len(term)
    return spans
