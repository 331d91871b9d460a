"""The escaping zhen's pairs.tsv uses, shared by its writer and its reader.

Linear TSV (as PostgreSQL ``COPY``): backslash, tab, newline and carriage
return become ``\\\\``, ``\\t``, ``\\n``, ``\\r``, so every pair stays on one line
whatever its text holds.
"""

from __future__ import annotations

import re

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {v[1]: k for k, v in _ESCAPES.items()}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def escape(text: str) -> str:
    """One pass in C (``str.translate``): pairs.tsv escapes every cell of a memory."""
    return text.translate(_ESCAPE_TABLE)


def unescape(text: str) -> str:
    """Inverse of :func:`escape`; an unknown ``\\x`` keeps its backslash."""
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(0)), text)
