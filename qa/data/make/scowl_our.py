"""Print ``align.english.BRITISH_OUR`` from SCOWL's British and American word lists (run by hand).

Why a committed list and not the word lists at run time: zhen downloads nothing, and the
aligner's stem keys (``align.english.us_spelling``) must not load a 100,000-word list to
rewrite a handful of British words.  The lists are SCOWL 2020.12.07 as Debian packages them
(``wbritish`` → /usr/share/dict/british-english, ``wamerican`` → american-english, size 50)::

    apt-get install wbritish wamerican
    python qa/data/make/scowl_our.py /usr/share/dict/british-english /usr/share/dict/american-english

A British word in -our is kept when it is not an American spelling (not in the American list:
'devour', 'contour', 'glamour', 'saviour' are American) and its -or form is an English word
(in the American list: 'colour' → 'color'); ``BRITISH_ENDINGS``' -our rows rewrite only these.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path


def british_our(british: set[str], american: set[str]) -> list[str]:
    """The lowercase -our words of ``british`` that ``american`` spells -or and not -our."""
    return sorted(w for w in british if w.islower() and w.isalpha() and w.endswith("our")
                  and w not in american and w[:-3] + "or" in american)


def _words(path: str) -> set[str]:
    return {line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()}


if __name__ == "__main__":
    words = british_our(_words(sys.argv[1]), _words(sys.argv[2]))
    print(f"# {len(words)} words")
    print(textwrap.fill(" ".join(words), width=96))
