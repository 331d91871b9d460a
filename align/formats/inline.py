"""Inline codes of CAT segments, read and written: what a CAT tool put in a
unit (``<bpt>``, ``<g>``, ``<x/>``…) goes into the pair as an
:class:`~align.model.InlineCode` beside plain text, and comes out of zhen's
TMX and XLIFF again.

Reading: code elements leave the text and become codes at their offset;
wrappers with real text inside (``<g>``, ``<pc>``, ``<hi>``, ``<mrk>``) keep
their text and become an opening and a closing code.

Codes read from the writer's own format go back as they were.  Codes from
another format would make the file invalid (a ``<g>`` has no place in TMX),
so they are wrapped in the writer's generic codes with the original XML as
their native-code content — ``<bpt i="1">&lt;g id="1"&gt;</bpt>`` — which is
exactly what those generic codes are for.  Numbers of wrapped codes are
shared by both sides of a pair (by the code's XML), so the Chinese and the
English still carry matching codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from align.decode import normalize_text
from align.model import InlineCode

from .xmlchars import xml_safe

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
# Inline codes whose content is native markup (e.g. "<b>"), not text.
_CODE_ELEMENTS = {"bpt", "ept", "it", "ut", "bx", "ex", "sc", "ec", "sm", "em"}
# Placeholders: their content is kept when it looks like a placeholder the QA
# checks should see ("{0}", "%s"), dropped when it is markup ("<br/>").
_PLACEHOLDER_ELEMENTS = {"ph", "x"}
_MARKUP = re.compile(r"^\s*<")


@dataclass(frozen=True)
class CodeStyle:
    """How one output format writes inline codes.  Codes are built without
    a namespace: the writers stream unit elements inside a root that declares
    the format's default namespace, so they land in it."""

    origin: str  # codes from this format are written as they are
    id_attr: str  # attribute numbering bpt/ept ("i" in TMX, "id" in XLIFF)
    ph_attr: str  # attribute numbering ph ("x" in TMX, "id" in XLIFF)


TMX_STYLE = CodeStyle(origin="tmx", id_attr="i", ph_attr="x")
XLIFF12_STYLE = CodeStyle(origin="xliff1", id_attr="id", ph_attr="id")


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
                 style: CodeStyle, numbers: _Numbers,
                 clean: Callable[[str], str] = xml_safe) -> None:
    """Set ``el``'s content to ``text`` with ``codes`` re-inserted.

    Native codes that do not parse here (a prefix the original file declared
    and this one does not) are wrapped like foreign ones instead, so a code
    is never dropped and the file stays well-formed.
    """
    if not codes:
        el.text = clean(text)
        return
    clean(text)  # counted once here; the tries below drop the same characters
    for wrap_all in (False, True):
        inner = segment_inner_xml(text, codes, style, numbers, wrap_all=wrap_all)
        try:
            parsed = etree.fromstring(f"<seg>{inner}</seg>")
        except etree.XMLSyntaxError:
            continue
        el.text = parsed.text
        for child in parsed:
            el.append(child)
        return
    el.text = xml_safe(text)  # unreachable: wrapped codes are always well-formed


# --------------------------------------------------------------------------
# Reading: plain text for the checks, inline codes kept beside it


def local_name(el) -> str:
    """Lower-case tag name without namespace ('' for comments, PIs…)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


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
    name = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
    attrs = "".join(f" {_attr_name(el, k)}={quoteattr(v)}" for k, v in el.attrib.items())
    return f"<{name}{attrs}{'/' if close else ''}>"


def _xml_of(el) -> str:
    """The element as XML without its tail and without namespace
    declarations, so it can be re-inserted into any document."""
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
    text, _ = read_segment(el, "")
    return text


def read_segment(el, origin: str) -> tuple[str, tuple[InlineCode, ...]]:
    """Plain text of a ``<seg>``/``<source>``/``<target>`` and its inline codes.

    Each text piece is normalised on its own so offsets stay exact; the text
    is stripped and offsets shifted to match.
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
            name = local_name(child)
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
