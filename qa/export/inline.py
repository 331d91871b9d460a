"""Inline codes back into written segments: what a CAT tool put in a unit
(``<bpt>``, ``<g>``, ``<x/>``…) comes out of zhen's TMX and XLIFF again.

Codes read from the writer's own format go back as they were.  Codes from
another format would make the file invalid (a ``<g>`` has no place in TMX),
so they are wrapped in the writer's generic codes with the original XML as
their native-code content — ``<bpt i="1">&lt;g id="1"&gt;</bpt>`` — which is
exactly what those generic codes are for.  Numbers of wrapped codes are
shared by both sides of a pair (by the code's XML), so the Chinese and the
English still carry matching codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

from align.model import InlineCode

from .shared import xml_safe


@dataclass(frozen=True)
class CodeStyle:
    """How one output format writes inline codes."""

    origin: str  # codes from this format are written as they are
    id_attr: str  # attribute numbering bpt/ept ("i" in TMX, "id" in XLIFF)
    ph_attr: str  # attribute numbering ph ("x" in TMX, "id" in XLIFF)
    namespace: str | None = None


TMX_STYLE = CodeStyle(origin="tmx", id_attr="i", ph_attr="x")
XLIFF12_STYLE = CodeStyle(
    origin="xliff1",
    id_attr="id",
    ph_attr="id",
    namespace="urn:oasis:names:tc:xliff:document:1.2",
)


class _Numbers:
    """Numbers for wrapped codes, keyed by the code's XML, shared by the two
    sides of one pair; a closing code takes the number of the code it closes."""

    def __init__(self) -> None:
        self._by_xml: dict[str, int] = {}

    def of(self, xml: str) -> int:
        return self._by_xml.setdefault(xml, len(self._by_xml) + 1)


def _render(code: InlineCode, style: CodeStyle, numbers: _Numbers, stack: list[int],
            native: bool) -> str:
    if native:
        return code.xml
    if code.kind == "open":
        n = numbers.of(code.xml)
        stack.append(n)
        return f'<bpt {style.id_attr}="{n}">{escape(code.xml)}</bpt>'
    if code.kind == "close":
        n = stack.pop() if stack else numbers.of(code.xml)
        return f'<ept {style.id_attr}="{n}">{escape(code.xml)}</ept>'
    return f'<ph {style.ph_attr}="{numbers.of(code.xml)}">{escape(code.xml)}</ph>'


def segment_inner_xml(text: str, codes: Sequence[InlineCode], style: CodeStyle,
                      numbers: _Numbers, *, wrap_all: bool = False) -> str:
    """The segment's content as XML: escaped text with each code at its
    offset.  A placeholder code's own text (``{0}`` of ``<ph>{0}</ph>``)
    is replaced by the code when it is still there."""
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    for code in sorted(codes, key=lambda c: c.offset):
        at = max(min(code.offset, len(text)), pos)
        out.append(escape(xml_safe(text[pos:at])))
        pos = at
        native = code.origin == style.origin and not wrap_all
        out.append(_render(code, style, numbers, stack, native))
        if code.text and text.startswith(code.text, pos):
            pos += len(code.text)
    out.append(escape(xml_safe(text[pos:])))
    return "".join(out)


def new_numbers() -> _Numbers:
    """A numbering for one pair (use the same for its zh and en segment)."""
    return _Numbers()


def fill_segment(el: etree._Element, text: str, codes: Sequence[InlineCode],
                 style: CodeStyle, numbers: _Numbers) -> None:
    """Set ``el``'s content to ``text`` with ``codes`` re-inserted.

    Native codes that do not parse here (a prefix the original file declared
    and this one does not) are wrapped like foreign ones instead, so a code
    is never dropped and the file stays well-formed.
    """
    if not codes:
        el.text = xml_safe(text)
        return
    ns = f' xmlns="{style.namespace}"' if style.namespace else ""
    for wrap_all in (False, True):
        inner = segment_inner_xml(text, codes, style, numbers, wrap_all=wrap_all)
        try:
            parsed = etree.fromstring(f"<seg{ns}>{inner}</seg>")
        except etree.XMLSyntaxError:
            continue
        el.text = parsed.text
        for child in parsed:
            el.append(child)
        return
    el.text = xml_safe(text)  # unreachable: wrapped codes are always well-formed
