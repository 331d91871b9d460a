"""What counts as Chinese: one definition of the Han script for the aligner and the checks.

Han characters are the CJK Unified Ideographs with Extension A, the
compatibility ideographs and the supplementary-plane extensions (B to H,
where rare characters in names live).  Punctuation, full-width or not, is
deliberately outside: 。 is no Chinese *word*, and checks that look for
Chinese left in an English sentence look for Han, not for 。.
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
