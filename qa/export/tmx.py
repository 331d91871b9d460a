"""TMX 1.4b translation memory: the aligned pairs in the format every CAT tool imports.

Choices that matter to Trados, memoQ, OmegaT and Okapi:

* header carries all seven attributes the DTD requires; ``segtype`` is
  "sentence" because that is what a TM match works on, even when a bead
  joins two sentences (segtype is a header-level hint, and "block" makes
  some tools treat every unit as a paragraph);
* languages are region-qualified (zh-CN, en-US), as Trados and memoQ map TMX
  languages to their own locale lists and reject bare "zh";
* one-sided pairs (1-0 / 0-1 beads) are skipped by default: a unit with one
  variant is legal TMX (``tuv+``) but useless for leverage, and OmegaT and
  Trados drop or report such units on import.  ``one_sided="keep"`` keeps
  them with their single variant and a note, for archiving the full
  alignment;
* characters XML 1.0 forbids are stripped; XML escaping of ``&``, ``<``,
  ``>`` is lxml's job, so ``]]>`` in text is harmless.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone  # not datetime.UTC: Python 3.10 is supported
from importlib import resources
from pathlib import Path
from typing import IO, Literal

from lxml import etree

from align.errors import InputError
from align.model import Pair
from qa.model import Flag

from .inline import TMX_STYLE, fill_segment, new_numbers
from .shared import (
    ReviewMark,
    flag_line,
    flags_by_pair,
    ids_text,
    output_unit_ids,
    write_output,
    xml_safe,
)
from .shared import tool_version as zhen_version

XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = f"{{{XML_NS}}}lang"
DTD_NAME = "tmx14.dtd"
TMX_DATE = "%Y%m%dT%H%M%SZ"
_TMX_DATE_RE = re.compile(r"^\d{8}T\d{6}Z$")
_DATE_ATTRS = ("creationdate", "changedate", "lastusagedate")


def tmx_date(when: datetime | None = None) -> str:
    """A timestamp in the TMX form YYYYMMDDThhmmssZ (always UTC)."""
    when = when or datetime.now(timezone.utc)  # noqa: UP017
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)  # noqa: UP017
    return when.strftime(TMX_DATE)


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    el = etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    _sub(parent, "prop", value, type=kind)


def build_tmx(
    pairs: Sequence[Pair],
    *,
    flags: Iterable[Flag] | None = None,
    srclang: str = "zh-CN",
    tgtlang: str = "en-US",
    tool_version: str | None = None,
    creationdate: datetime | None = None,
    one_sided: Literal["skip", "keep"] = "skip",
    marks: Mapping[int, ReviewMark] | None = None,
) -> etree._ElementTree:
    """The TMX document as an lxml tree (see :func:`write_tmx`)."""
    if one_sided not in ("skip", "keep"):
        raise InputError(f"one_sided must be 'skip' or 'keep', not {one_sided!r}")
    version = tool_version or zhen_version()
    root = etree.Element("tmx", version="1.4")
    _sub(
        root,
        "header",
        creationtool="zhen",
        creationtoolversion=version,
        segtype="sentence",
        **{"o-tmf": "zhen"},
        adminlang="en-US",
        srclang=srclang,
        datatype="plaintext",
        creationdate=tmx_date(creationdate),
    )
    body = _sub(root, "body")
    by_pair = flags_by_pair(flags or ())
    tuids = output_unit_ids(pairs)
    for pair in pairs:
        has_zh, has_en = bool(pair.zh.strip()), bool(pair.en.strip())
        if not (has_zh or has_en):
            continue
        if not (has_zh and has_en) and one_sided == "skip":
            continue
        tu = _sub(body, "tu", tuid=tuids[pair.id])
        if pair.score is not None:
            _prop(tu, "x-zhen-confidence", f"{pair.score:.4f}")
        if pair.qe is not None:
            _prop(tu, "x-zhen-qe", f"{pair.qe:.1f}")
        for kind, ids in (
            ("x-zhen-zh-ids", pair.zh_ids),
            ("x-zhen-en-ids", pair.en_ids),
        ):
            if ids:
                _prop(tu, kind, ids_text(ids))
        _prop(tu, "x-zhen-para", str(pair.para))
        if pair.heading:
            _prop(tu, "x-zhen-heading", "true")
        mark = (marks or {}).get(pair.id)
        if mark is not None:
            _prop(tu, "x-zhen-decision", mark.decision)
        if not has_en:
            _sub(
                tu,
                "note",
                "zhen: Chinese sentence with no English counterpart (1-0 bead)",
            )
        elif not has_zh:
            _sub(
                tu,
                "note",
                "zhen: English sentence with no Chinese counterpart (0-1 bead)",
            )
        for flag in by_pair.get(pair.id, ()):
            _sub(tu, "note", flag_line(flag))
        if mark is not None and mark.comment:
            _sub(tu, "note", mark.comment)
        # DTD order: all notes/props of the tu come before its first tuv.
        numbers = new_numbers()
        for lang, text, codes, present in (
            (srclang, pair.zh, pair.zh_codes, has_zh),
            (tgtlang, pair.en, pair.en_codes, has_en),
        ):
            if present:
                tuv = etree.SubElement(tu, "tuv", {LANG: xml_safe(lang)})
                fill_segment(_sub(tuv, "seg"), text, codes, TMX_STYLE, numbers)
    return etree.ElementTree(root)


def serialise_tmx(tree: etree._ElementTree) -> bytes:
    """UTF-8 bytes with XML declaration and a DOCTYPE naming tmx14.dtd.

    The declaration is written by hand with double quotes: lxml's own uses
    single quotes, which is legal XML but trips line-based sniffers in some
    older TM import wizards.
    """
    body = etree.tostring(
        tree,
        encoding="UTF-8",
        pretty_print=True,
        doctype=f'<!DOCTYPE tmx SYSTEM "{DTD_NAME}">',
    )
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def write_tmx(
    pairs: Sequence[Pair],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    flags: Iterable[Flag] | None = None,
    srclang: str = "zh-CN",
    tgtlang: str = "en-US",
    tool_version: str | None = None,
    creationdate: datetime | None = None,
    one_sided: Literal["skip", "keep"] = "skip",
    marks: Mapping[int, ReviewMark] | None = None,
) -> int:
    """Write ``pairs`` as TMX 1.4b; returns the number of ``<tu>`` written.

    A path is written atomically; an open file (binary or text) is written
    as is.  Per unit: ``tuid`` = the input's unit id (else the pair id; made
unique), inline codes re-inserted at their offsets, ``x-zhen-confidence`` (when the
    aligner scored the pair), ``x-zhen-qe`` (the quality estimate, qa/qe.py), ``x-zhen-zh-ids`` / ``x-zhen-en-ids``
    (space-separated segment ids), ``x-zhen-para``, and one ``<note>`` per QA
    flag ("[severity] check (category): message").  ``marks`` (from
    ``zhen review``) add ``x-zhen-decision`` and the reviewer's comment as a
    ``<note>``.
    """
    tree = build_tmx(
        pairs,
        flags=flags,
        srclang=srclang,
        tgtlang=tgtlang,
        tool_version=tool_version,
        creationdate=creationdate,
        one_sided=one_sided,
        marks=marks,
    )
    write_output(serialise_tmx(tree), path_or_file)
    return len(tree.getroot().find("body"))


def _load_dtd() -> etree.DTD:
    with resources.files(__package__).joinpath(DTD_NAME).open("rb") as fh:
        return etree.DTD(fh)


def validate_tmx(path: str | os.PathLike[str]) -> list[str]:
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
