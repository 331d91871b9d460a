"""Characters XML 1.0 cannot carry, removed and counted.

Everything outside the XML 1.0 ``Char`` production (C0 controls except TAB,
LF, CR; lone surrogates; U+FFFE/U+FFFF).  lxml refuses these and a CAT tool
that meets one rejects the whole file, so they are dropped, not escaped:
XML 1.0 has no escape for them.  Writers count what they drop so the run's
summary can say that text changed.
"""

from __future__ import annotations

import re

_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without characters XML 1.0 cannot carry."""
    return _NOT_XML_CHAR.sub("", text)


class XmlCleaner:
    """:func:`xml_safe` that counts what it removed (one per writer run)."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, text: str) -> str:
        cleaned, n = _NOT_XML_CHAR.subn("", text)
        self.removed += n
        return cleaned
