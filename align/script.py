"""What counts as Chinese: one definition of the Han script for the aligner and the checks.

Han characters are the CJK Unified Ideographs with Extension A, the
compatibility ideographs and the supplementary-plane extensions (B to H,
where rare characters in names live).  Punctuation, full-width or not, is
deliberately outside: 。 is no Chinese *word*, and checks that look for
Chinese left in an English sentence look for Han, not for 。.  Full-width
forms (Ｕ+FF01–FF5E: ０-９, Ａ-Ｚ, ％, ．, （ …) are folded to ASCII by the one
table here, which the aligner's number anchors and the numbers check share.
"""

from __future__ import annotations

import re

#: a regex character-class body (use inside [...]): every Han range
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: one Han character
HAN = re.compile(f"[{HAN_CLASS}]")
#: a run of Han characters
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


#: full-width form → its ASCII character (U+FF01–U+FF5E: digits, letters, punctuation)
FULLWIDTH_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def fullwidth_to_ascii(text: str, only: str | None = None) -> str:
    """``text`` with full-width forms folded to ASCII; with ``only``, just those
    full-width characters (the numbers check keeps ， a Chinese list comma)."""
    if only is None:
        return text.translate(FULLWIDTH_TO_ASCII)
    return text.translate({ord(c): FULLWIDTH_TO_ASCII[ord(c)] for c in only})
