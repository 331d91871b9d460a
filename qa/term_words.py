"""An English text read once for term-consistency: its words, their lemmas and offsets.

term-consistency looks at a pair's English once for every tracked term the
pair's Chinese holds, and in a translation memory a pair holds more tracked
terms the larger the memory grows (a word met three times is a term).  Re-
tokenizing the English for each of those looks made the check grow faster
than the memory (issue 16); here each distinct English text is tokenized once
per document into a compact :class:`Words` (lemmas shared with the lemma
cache, offsets in integer arrays) and every look reads that.

Hyphens count as spaces ("high-quality" is two words), as the check has
always read renderings.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from qa import lexicons as lx

#: punctuation that ends a rendering: no word sequence runs across it
_STOP_MARK = re.compile(r"[.;:,!?“”\"]")


@dataclass(frozen=True)
class Words:
    """The words of one English text (hyphens read as spaces).

    ``reach[i]``: the word sequences starting at word ``i`` end before word
    ``reach[i]``, the first whose span would take in a punctuation mark
    (``reach[i] == i`` when word ``i`` holds one itself, as "U.S." does).
    """

    text: str
    lemmas: tuple[str, ...]
    starts: array
    ends: array
    reach: array

    def __len__(self) -> int:
        return len(self.lemmas)

    def ngrams(self, max_len: int) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every run of 1 … ``max_len`` words with no punctuation inside: (its text, its lemmas)."""
        text, lemmas, starts, ends = self.text, self.lemmas, self.starts, self.ends
        for i in range(len(lemmas)):
            start = starts[i]
            for j in range(i, min(i + max_len, self.reach[i])):
                yield text[start:ends[j]], lemmas[i:j + 1]


def read_words(en: str) -> Words:
    """``en`` tokenized once (lx.tokenize_en on the text with hyphens as spaces)."""
    tokens = lx.tokenize_en(en.replace("-", " "))
    ends = array("I", (t.end for t in tokens))
    marks = [m.start() for m in _STOP_MARK.finditer(en)]
    reach = array("I")
    for t in tokens:
        k = bisect_right(marks, t.start - 1)  # the first mark at or after the word's start
        reach.append(bisect_right(ends, marks[k]) if k < len(marks) else len(tokens))
    return Words(en, tuple(t.lemma for t in tokens), array("I", (t.start for t in tokens)), ends, reach)


class WordCache:
    """English text → its :class:`Words`, each distinct text read once while it is in use.

    Holds the ``size`` texts read or asked for most recently (about 1.4 KB each): a term's
    pairs are read together, and a 100,000-unit memory must not keep every pair's words.
    """

    def __init__(self, size: int = 32768) -> None:
        self._read: OrderedDict[str, Words] = OrderedDict()
        self._size = size

    def __call__(self, en: str) -> Words:
        words = self._read.get(en)
        if words is None:
            words = self._read[en] = read_words(en)
            if len(self._read) > self._size:
                self._read.popitem(last=False)  # the least recently used
        else:
            self._read.move_to_end(en)
        return words
