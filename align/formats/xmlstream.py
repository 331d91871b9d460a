"""Safe, streaming XML for the format modules: read with ``iterparse``,
clearing each unit once used; write with ``etree.xmlfile``, one unit
element at a time, so neither side ever holds a whole document's tree.

Reading never loads a DTD, expands entities or touches the network: a TMX
from a stranger must not be able to read local files or blow up memory.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from align.errors import InputError

#: written by hand with double quotes: lxml's own declaration uses single
#: quotes, legal XML that trips line-based sniffers in older TM import wizards
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def one_line(text: str) -> str:
    """A parser message on one line, without lxml's "(<string>, line N)" tail."""
    text = re.sub(r"\s*\(<string>, line \d+\)", "", text)
    return " ".join(text.split())[:200]


def iter_events(data: bytes, path: Path) -> Iterator[tuple[str, etree._Element]]:
    """("start" | "end", element) over ``data``; a syntax error is an InputError."""
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        yield from events
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not valid XML ({one_line(str(exc))})") from None


def release(el: etree._Element) -> None:
    """Free a unit element once read: its content and the siblings before it,
    so memory stays flat however many units the file holds."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _root(data: bytes, path: Path) -> etree._Element:
    for _, el in iter_events(data, path):
        return el
    raise InputError(f"{path}: not valid XML (no root element)")


def root_name(data: bytes, path: Path) -> str:
    """The local name of the document's root element, as written."""
    return etree.QName(_root(data, path)).localname


def encoding_of(data: bytes, path: Path) -> str:
    """The document's declared (or detected) encoding, lower case."""
    return (_root(data, path).getroottree().docinfo.encoding or "utf-8").lower()


def newline(xf) -> None:
    """A line break between streamed elements (readability of large files)."""
    xf.write("\n")
