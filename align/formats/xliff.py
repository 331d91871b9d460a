"""XLIFF: read 1.2 and 2.0 from any CAT tool, write 1.2 for review.

Reading streams (``iterparse``, each unit freed once read).  A file may run
en→zh: the side whose language is Chinese becomes ``zh``.  A unit with a
source and no target is a pair with an empty translation; one with no
source is reported as skipped.  XLIFF 2.0 units of several segments give one
unit per segment, id "unit/segment".

Writing (1.2, streamed with ``etree.xmlfile``): each unit's target carries
``state`` (default: "translated", or "needs-translation" when there is no
English) and, when given, ``state-qualifier``; ``approved="yes"`` only for a
human sign-off; a unit with no Chinese gets ``translate="no"`` so no tool
asks to translate nothing.  The result validates against the OASIS XLIFF
1.2 strict schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from align.errors import InputError

from .inline import XLIFF12_STYLE, fill_segment, local_name, new_numbers, read_segment
from .unit import (
    DEFAULT_LANGS,
    Languages,
    Note,
    ReadUnits,
    SkippedUnit,
    Unit,
    WriteStats,
    is_en,
    is_zh,
)
from .xmlchars import XmlCleaner
from .xmlstream import DECLARATION, encoding_of, iter_events, newline, release

NAME = "xliff"
ROOT = "xliff"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --------------------------------------------------------------------------
# Reading


def read(data: bytes, path: Path) -> ReadUnits:
    """The file's encoding and its units (see :func:`_units`)."""
    return ReadUnits(encoding_of(data, path), _units(data, path))


def _units(data: bytes, path: Path) -> Iterator[Unit | SkippedUnit]:
    """Every trans-unit (1.2) or segment (2.0) as a Unit or a SkippedUnit;
    InputError for a file with no ``<file>``, no units, or no unit with a
    source, and for languages other than Chinese and English."""
    version = ""
    zh_is_source = True
    files = units = skipped = 0
    first_skip: SkippedUnit | None = None
    body_depth = file_depth = 0
    for event, el in iter_events(data, path):
        name = local_name(el)
        if name == "xliff" and event == "start":
            version = (el.get("version") or "").strip()
            if version.startswith("2"):
                zh_is_source = _orientation(el.get("srcLang") or "", el.get("trgLang") or "", path)
        elif name == "file":
            file_depth += 1 if event == "start" else -1
            if event == "start":
                files += 1
                if not version.startswith("2"):
                    zh_is_source = _orientation(el.get("source-language") or "",
                                                el.get("target-language") or "", path)
        elif name == "body" and not version.startswith("2"):
            body_depth += 1 if event == "start" else -1
        elif event == "end" and name == "trans-unit" and body_depth and not version.startswith("2"):
            uid = (el.get("id") or "").strip()
            where = uid or f"<trans-unit> #{units + skipped + 1}"
            got = _unit(uid, where, el, zh_is_source, "xliff1")
            release(el)
            units, skipped = units + isinstance(got, Unit), skipped + isinstance(got, SkippedUnit)
            first_skip = first_skip or (got if isinstance(got, SkippedUnit) else None)
            yield got
        elif event == "end" and name == "unit" and file_depth and version.startswith("2"):
            unit_id = (el.get("id") or "").strip()
            segments = [s for s in el if local_name(s) == "segment"]
            for number, segment in enumerate(segments, start=1):
                # A unit of several segments: "unit/segment id" keeps each traceable.
                seg_id = (segment.get("id") or "").strip() or str(number)
                uid = unit_id if len(segments) == 1 else f"{unit_id}/{seg_id}"
                uid = uid if unit_id else ""
                where = uid or f"<segment> #{units + skipped + 1}"
                got = _unit(uid, where, segment, zh_is_source, "xliff2")
                units, skipped = units + isinstance(got, Unit), skipped + isinstance(got, SkippedUnit)
                first_skip = first_skip or (got if isinstance(got, SkippedUnit) else None)
                yield got
            release(el)
    if not files:
        raise InputError(f"{path}: XLIFF has no <file> element")
    if not units and first_skip is not None:
        raise InputError(f"{path}: no translation unit in the XLIFF has a source "
                         f"(first: {first_skip.unit_id}: {first_skip.reason})")
    if not units:
        unit_name = "<segment>" if version.startswith("2") else "<trans-unit>"
        raise InputError(f"{path}: XLIFF has no translation units ({unit_name})")


def _orientation(src_lang: str, trg_lang: str, path: Path) -> bool:
    """True when the source side is Chinese; the file may run en→zh."""
    if src_lang and trg_lang:
        if is_zh(src_lang) and is_en(trg_lang):
            return True
        if is_en(src_lang) and is_zh(trg_lang):
            return False
        raise InputError(
            f"{path}: XLIFF languages are {src_lang} → {trg_lang}; expected Chinese (zh*) and English (en*)"
        )
    return not (src_lang and is_en(src_lang))


def _unit(uid: str, where: str, holder, zh_is_source: bool, origin: str) -> Unit | SkippedUnit:
    """One source/target holder as a unit: no target is an empty translation
    (the unaligned checks flag it), no source is a unit zhen cannot use."""
    source = next((c for c in holder if local_name(c) == "source"), None)
    target = next((c for c in holder if local_name(c) == "target"), None)
    if source is None:
        return SkippedUnit(where, "no <source>")
    src = read_segment(source, origin)
    trg = read_segment(target, origin) if target is not None else ("", ())
    (zh, zh_codes), (en, en_codes) = (src, trg) if zh_is_source else (trg, src)
    if not (zh or en or zh_codes or en_codes):
        return SkippedUnit(where, "its source and target are empty")
    notes = tuple(
        Note((n.text or "").strip(), n.get("from") or n.get("category") or "",
             _int_or_none(n.get("priority")), n.get("annotates") or "")
        for n in holder if local_name(n) == "note"
    )
    state = target.get("state") or "" if target is not None else ""
    return Unit(uid, zh, en, zh_codes, en_codes, notes=notes, state=state,
                approved=(holder.get("approved") or "").lower() == "yes")


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


# --------------------------------------------------------------------------
# Writing


def _el(parent: etree._Element | None, tag: str, clean: XmlCleaner, text: str | None = None,
        **attrs: str) -> etree._Element:
    """An element for a streamed unit.  Built without a namespace on purpose:
    written inside ``<xliff xmlns="…1.2">`` it is in the XLIFF namespace by
    default, whereas a namespaced element would repeat the declaration on
    every unit (the strict-schema test checks the result)."""
    values = {k: clean(v) for k, v in attrs.items()}
    el = (etree.Element(tag, values) if parent is None
          else etree.SubElement(parent, tag, values))
    if text is not None:
        el.text = clean(text)
    return el


def write(
    units: Iterable[Unit],
    out: IO[bytes],
    *,
    langs: Languages = DEFAULT_LANGS,
    original: str = "zhen-alignment",
    tool_version: str = "",
) -> WriteStats:
    """Stream ``units`` as one XLIFF 1.2 ``<file>`` into the binary stream ``out``."""
    stats = WriteStats()
    clean = XmlCleaner()
    out.write(DECLARATION)
    file_attrs = {
        "original": clean(original),
        "datatype": "plaintext",
        "source-language": langs.src,
        "target-language": langs.tgt,
    }
    with etree.xmlfile(out, encoding="UTF-8") as xf, \
            xf.element(f"{{{XLIFF_NS}}}xliff", version="1.2", nsmap={None: XLIFF_NS}):
        newline(xf)
        with xf.element(f"{{{XLIFF_NS}}}file", file_attrs):
            newline(xf)
            header = _el(None, "header", clean)
            _el(header, "tool", clean, **{"tool-id": "zhen", "tool-name": "zhen",
                                          "tool-version": tool_version})
            xf.write(header, pretty_print=True)
            with xf.element(f"{{{XLIFF_NS}}}body"):
                newline(xf)
                for unit in units:
                    xf.write(_trans_unit(unit, langs, clean), pretty_print=True)
                    stats.units += 1
            newline(xf)
        newline(xf)
    out.write(b"\n")
    stats.removed_chars = clean.removed
    return stats


def _trans_unit(unit: Unit, langs: Languages, clean: XmlCleaner) -> etree._Element:
    has_zh, has_en = bool(unit.zh.strip()), bool(unit.en.strip())
    attrs = {"id": unit.id}
    if not has_zh:
        attrs["translate"] = "no"
    elif unit.approved and has_en:
        attrs["approved"] = "yes"
    el = _el(None, "trans-unit", clean, **attrs)
    numbers = new_numbers()
    fill_segment(_el(el, "source", clean, **{XML_LANG: langs.src}), unit.zh, unit.zh_codes,
                 XLIFF12_STYLE, numbers, clean)
    target = {"state": unit.state or ("translated" if has_en else "needs-translation")}
    if unit.state_qualifier:
        target["state-qualifier"] = unit.state_qualifier
    fill_segment(_el(el, "target", clean, **target, **{XML_LANG: langs.tgt}), unit.en,
                 unit.en_codes, XLIFF12_STYLE, numbers, clean)
    for note in unit.notes:
        attrs = {}
        if note.author:
            attrs["from"] = note.author
        if note.priority is not None:
            attrs["priority"] = str(note.priority)
        if note.annotates:
            attrs["annotates"] = note.annotates
        _el(el, "note", clean, note.text, **attrs)
    return el
