"""TMX 1.4b: read translation units from any CAT tool's memory, write zhen's.

Reading streams (``iterparse``, each ``<tu>`` freed once read) and accepts
TMX 1.1-1.4 (``lang`` or ``xml:lang``), any region of zh*/en*, and units with
other languages beside them.  Writing streams too (``etree.xmlfile``, one
``<tu>`` at a time), so a 100,000-unit memory never exists as a tree.

Choices that matter to Trados, memoQ, OmegaT and Okapi:

* the header carries all seven attributes the DTD requires; ``segtype`` is
  "sentence" because that is what a TM match works on, even when a bead
  joins two sentences (segtype is a header-level hint, and "block" makes
  some tools treat every unit as a paragraph);
* languages are region-qualified by default (zh-CN, en-US), as Trados and
  memoQ map TMX languages to their own locale lists and reject bare "zh";
* all notes and props of a ``<tu>`` come before its first ``<tuv>`` (DTD order);
* characters XML 1.0 forbids are removed and counted; escaping of ``&``,
  ``<``, ``>`` is lxml's job, so ``]]>`` in text is harmless.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone  # not datetime.UTC: Python 3.10 is supported
from importlib import resources
from pathlib import Path
from typing import IO

from lxml import etree

from align.errors import InputError

from .inline import TMX_STYLE, fill_segment, local_name, new_numbers, read_segment
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

NAME = "tmx"
ROOT = "tmx"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = f"{{{XML_NS}}}lang"
DTD_NAME = "tmx14.dtd"
TMX_DATE = "%Y%m%dT%H%M%SZ"
_TMX_DATE_RE = re.compile(r"^\d{8}T\d{6}Z$")
_DATE_ATTRS = ("creationdate", "changedate", "lastusagedate")


# --------------------------------------------------------------------------
# Reading


def read(data: bytes, path: Path) -> ReadUnits:
    """The file's encoding and its units (see :func:`_units`)."""
    return ReadUnits(encoding_of(data, path), _units(data, path))


def _units(data: bytes, path: Path) -> Iterator[Unit | SkippedUnit]:
    """Every ``<tu>`` of the first ``<body>`` as a Unit (zh/en picked by
    language) or a SkippedUnit saying why it holds nothing zhen can use.

    Raises InputError, after the last unit, for a file with no body, no
    units, or no unit with a Chinese or English variant.
    """
    bodies = 0
    in_body = False
    units = tus = 0
    langs_seen: set[str] = set()
    for event, el in iter_events(data, path):
        name = local_name(el)
        if name == "body":
            if event == "start":
                bodies += 1
                in_body = bodies == 1
            else:
                in_body = False
        elif name == "tu" and event == "end" and in_body:
            tus += 1
            got = _unit(el, tus, langs_seen)
            release(el)
            units += isinstance(got, Unit)
            yield got
    if not bodies:
        raise InputError(f"{path}: TMX has no <body>")
    if not units:
        if not tus:
            raise InputError(f"{path}: TMX body has no translation units (<tu>)")
        found = ", ".join(sorted(lang for lang in langs_seen if lang)) or "none"
        raise InputError(
            f"{path}: no translation unit has both a Chinese (zh*) and an English (en*) "
            f"segment; languages found: {found}"
        )


def _unit(tu, number: int, langs_seen: set[str]) -> Unit | SkippedUnit:
    tuid = (tu.get("tuid") or "").strip()
    zh = en = None
    langs: list[str] = []
    props: list[tuple[str, str]] = []
    notes: list[Note] = []
    for child in tu:
        name = local_name(child)
        if name == "prop":
            props.append(((child.get("type") or "").lower(), (child.text or "").strip()))
        elif name == "note":
            notes.append(Note((child.text or "").strip()))
        elif name == "tuv":
            lang = child.get(LANG) or child.get("lang") or ""
            langs.append(lang or "?")
            langs_seen.add(lang)
            seg = next((c for c in child if local_name(c) == "seg"), None)
            if seg is None:
                continue
            if zh is None and is_zh(lang):
                zh = read_segment(seg, "tmx")
            elif en is None and is_en(lang):
                en = read_segment(seg, "tmx")
    where = tuid or f"<tu> #{number}"
    if zh is None and en is None:
        if not langs:
            reason = "no <tuv>"
        elif any(is_zh(lang) or is_en(lang) for lang in langs):
            reason = "its Chinese/English variants have no <seg>"
        else:
            reason = f"no Chinese or English variant (xml:lang {', '.join(langs)})"
        return SkippedUnit(where, reason)
    (zh_text, zh_codes), (en_text, en_codes) = zh or ("", ()), en or ("", ())
    if not (zh_text or en_text or zh_codes or en_codes):
        return SkippedUnit(where, "its segments are empty")
    return Unit(tuid, zh_text, en_text, zh_codes, en_codes, tuple(props), tuple(notes))


# --------------------------------------------------------------------------
# Writing


def tmx_date(when: datetime | None = None) -> str:
    """A timestamp in the TMX form YYYYMMDDThhmmssZ (always UTC)."""
    when = when or datetime.now(timezone.utc)  # noqa: UP017
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)  # noqa: UP017
    return when.strftime(TMX_DATE)


def write(
    units: Iterable[Unit],
    out: IO[bytes],
    *,
    langs: Languages = DEFAULT_LANGS,
    tool_version: str = "",
    creationdate: datetime | None = None,
) -> WriteStats:
    """Stream ``units`` as TMX 1.4b into the binary stream ``out``.

    A unit with an empty side gets only its other variant (legal TMX,
    ``tuv+``); a unit with neither side is not written.  The DOCTYPE names
    tmx14.dtd, which :func:`validate` checks against zhen's own copy.
    """
    stats = WriteStats()
    clean = XmlCleaner()
    out.write(DECLARATION)
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_doctype(f'<!DOCTYPE tmx SYSTEM "{DTD_NAME}">')
        with xf.element("tmx", version="1.4"):
            newline(xf)
            header = etree.Element("header", {
                "creationtool": "zhen",
                "creationtoolversion": clean(tool_version),
                "segtype": "sentence",
                "o-tmf": "zhen",
                "adminlang": "en-US",
                "srclang": langs.src,
                "datatype": "plaintext",
                "creationdate": tmx_date(creationdate),
            })
            xf.write(header)
            newline(xf)
            with xf.element("body"):
                newline(xf)
                for unit in units:
                    tu = _tu(unit, langs, clean)
                    if tu is not None:
                        xf.write(tu, pretty_print=True)
                        stats.units += 1
            newline(xf)
    out.write(b"\n")
    stats.removed_chars = clean.removed
    return stats


def _tu(unit: Unit, langs: Languages, clean: XmlCleaner) -> etree._Element | None:
    has_zh, has_en = bool(unit.zh.strip()), bool(unit.en.strip())
    if not (has_zh or has_en):
        return None
    tu = etree.Element("tu", tuid=clean(unit.id))
    for kind, value in unit.props:
        etree.SubElement(tu, "prop", type=clean(kind)).text = clean(value)
    for note in unit.notes:
        etree.SubElement(tu, "note").text = clean(note.text)
    numbers = new_numbers()
    for lang, text, codes, present in (
        (langs.src, unit.zh, unit.zh_codes, has_zh),
        (langs.tgt, unit.en, unit.en_codes, has_en),
    ):
        if present:
            tuv = etree.SubElement(tu, "tuv", {LANG: lang})
            fill_segment(etree.SubElement(tuv, "seg"), text, codes, TMX_STYLE, numbers, clean)
    return tu


# --------------------------------------------------------------------------
# Validation


def _load_dtd() -> etree.DTD:
    with resources.files(__package__).joinpath(DTD_NAME).open("rb") as fh:
        return etree.DTD(fh)


def validate(path: str | os.PathLike[str]) -> list[str]:
    """Problems that would make a CAT tool reject the file; empty when valid.

    Checks well-formedness, the TMX 1.4b DTD (our own copy; the DOCTYPE's
    system id is never fetched), and what the DTD cannot express: date
    attributes in YYYYMMDDThhmmssZ form and every ``<tu>`` having a
    variant in the header's source language unless srclang is "*all*".
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"cannot read {path}: no such file")
    parser = etree.XMLParser(
        no_network=True, resolve_entities=False, load_dtd=False, huge_tree=True
    )
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    errors: list[str] = []
    dtd = _load_dtd()
    if not dtd.validate(tree):
        errors.extend(
            f"line {e.line}: {e.message}" for e in dtd.error_log.filter_from_errors()
        )
    root = tree.getroot()
    for el in root.iter("header", "tu", "tuv"):
        for attr in _DATE_ATTRS:
            value = el.get(attr)
            if value is not None and not _TMX_DATE_RE.match(value):
                errors.append(
                    f"line {el.sourceline}: {attr}={value!r} is not YYYYMMDDThhmmssZ"
                )
    header = root.find("header")
    srclang = header.get("srclang") if header is not None else None
    if srclang and srclang.lower() != "*all*":
        for tu in root.iter("tu"):
            langs = {
                (t.get(LANG) or t.get("lang") or "").lower() for t in tu.iter("tuv")
            }
            if srclang.lower() not in langs and len(langs) > 1:
                errors.append(
                    f"line {tu.sourceline}: tu has no variant in srclang {srclang}"
                )
    return errors
