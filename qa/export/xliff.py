"""XLIFF 1.2 review file: open the alignment in OmegaT, Okapi Rainbow or a CAT
tool and see which units QA flagged.

A flagged unit's target gets ``state="needs-review-translation"`` (the XLIFF
1.2 state for "translation may be wrong"), an unflagged one ``translated``;
each flag becomes a ``<note from="zhen" annotates="general">`` whose
``priority`` follows severity (critical 1, major 3, minor 5; 1 is highest in
XLIFF).  ``approved`` is left out by default: zhen finding nothing is not a human
sign-off.  Tools built on translate-toolkit (Weblate, Pootle, Virtaal) treat
every unit without ``approved="yes"`` as fuzzy, though, which hides the
flagged ones among the rest; ``approve_unflagged=True`` marks units with no
flag ``approved="yes"`` (state stays "translated", never "signed-off") for
those tools.  One-sided pairs are kept — review is where a missing sentence must be
seen: a Chinese sentence with no English gets an empty target with
``state="needs-translation"``; English with no Chinese gets an empty source and
``translate="no"`` so no tool asks to translate nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import IO

from lxml import etree

from align.model import Pair
from qa.model import Flag

from .inline import XLIFF12_STYLE, fill_segment, new_numbers
from .shared import (
    flag_line,
    flags_by_pair,
    ids_text,
    output_unit_ids,
    tool_version,
    write_output,
    xml_safe,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PRIORITY = {"critical": "1", "major": "3", "minor": "5"}


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    el = etree.SubElement(
        parent, f"{{{XLIFF_NS}}}{tag}", {k: xml_safe(v) for k, v in attrs.items()}
    )
    if text is not None:
        el.text = xml_safe(text)
    return el


def build_xliff(
    pairs: Sequence[Pair],
    flags: Iterable[Flag] = (),
    *,
    original: str = "zhen-alignment",
    srclang: str = "zh-CN",
    tgtlang: str = "en-US",
    approve_unflagged: bool = False,
) -> etree._ElementTree:
    root = etree.Element(f"{{{XLIFF_NS}}}xliff", version="1.2", nsmap={None: XLIFF_NS})
    file_el = _el(
        root,
        "file",
        original=original,
        datatype="plaintext",
        **{"source-language": srclang, "target-language": tgtlang},
    )
    header = _el(file_el, "header")
    _el(
        header,
        "tool",
        **{"tool-id": "zhen", "tool-name": "zhen", "tool-version": tool_version()},
    )
    body = _el(file_el, "body")
    by_pair = flags_by_pair(flags)
    unit_ids = output_unit_ids(pairs)
    for pair in pairs:
        has_zh, has_en = bool(pair.zh.strip()), bool(pair.en.strip())
        own = by_pair.get(pair.id, [])
        attrs = {"id": unit_ids[pair.id]}
        if not has_zh:
            attrs["translate"] = "no"
        elif approve_unflagged and has_en and not own:
            attrs["approved"] = "yes"
        unit = _el(body, "trans-unit", **attrs)
        numbers = new_numbers()
        fill_segment(_el(unit, "source", **{XML_LANG: srclang}), pair.zh,
                     pair.zh_codes, XLIFF12_STYLE, numbers)
        if not has_en:
            state = "needs-translation"
        elif own:
            state = "needs-review-translation"
        else:
            state = "translated"
        fill_segment(_el(unit, "target", state=state, **{XML_LANG: tgtlang}), pair.en,
                     pair.en_codes, XLIFF12_STYLE, numbers)
        context = (
            f"zh {ids_text(pair.zh_ids) or '-'} | en {ids_text(pair.en_ids) or '-'}"
        )
        if pair.score is not None:
            context += f" | alignment confidence {pair.score:.2f}"
        _el(unit, "note", context, **{"from": "zhen-align", "priority": "10"})
        for flag in own:
            _el(
                unit,
                "note",
                flag_line(flag),
                **{
                    "from": "zhen",
                    "priority": PRIORITY.get(flag.severity, "5"),
                    "annotates": "general",
                },
            )
    return etree.ElementTree(root)


def write_xliff(
    pairs: Sequence[Pair],
    flags: Iterable[Flag],
    path_or_file: str | os.PathLike[str] | IO,
    *,
    original: str = "zhen-alignment",
    srclang: str = "zh-CN",
    tgtlang: str = "en-US",
    approve_unflagged: bool = False,
) -> None:
    """Write the review XLIFF (a path is written atomically)."""
    tree = build_xliff(
        pairs,
        flags,
        original=original,
        srclang=srclang,
        tgtlang=tgtlang,
        approve_unflagged=approve_unflagged,
    )
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(
        tree, encoding="UTF-8", pretty_print=True
    )
    write_output(data, path_or_file)
