"""Finding listed names in a sentence pair: Chinese terms at word boundaries, English names as phrases.

The institution and shorthand checks both start from a table of Chinese terms
with English names and ask two questions of a pair: which listed terms does
the Chinese contain, and which listed English names does the English contain.
Both answers must be precise, because the checks flag on them:

* a Chinese term counts only where it does not cut through a jieba word
  (省委 is not in 全省委托 "the province entrusts", but it is in 北京市委,
  which jieba keeps whole); longer terms win (全国人大常委会 over 全国人大);
* an English name matches as whole words, in any case, hyphen or space
  alike, ’ or ' alike, with an optional plural ending; a name written in
  capitals (NDRC, PBoC) is an acronym and matches only in capitals; a name
  ending in ``*`` is a prefix ("prosecut*"); longer names win, so "People's
  Bank of China" is not also "Bank of China".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from align.zh_words import word_spans


@dataclass(frozen=True)
class Found:
    """A listed name found in a text: which one, and where.

    ``names`` holds every listed name that matches exactly this stretch
    ("governor" and "governor*" both match "Governor"); ``name`` is one of them.
    """

    name: str
    start: int
    end: int
    names: frozenset[str] = frozenset()


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and " " not in name


@lru_cache(maxsize=4096)
def english_pattern(name: str) -> re.Pattern[str]:
    """A regular expression that finds ``name`` as whole words in English text."""
    prefix = name.endswith("*")
    core = name.rstrip("*").strip()
    words = [w for w in re.split(r"[\s\-]+", core) if w]
    parts = []
    for w in words:
        parts.append("".join("['’]?" if c in "'’" else re.escape(c) for c in w))
    body = r"[\s\-]+".join(parts)
    tail = r"[A-Za-z]*" if prefix else r"(?:s|es)?"
    flags = 0 if _is_acronym(core) else re.IGNORECASE
    return re.compile(r"(?<![A-Za-z0-9])" + body + tail + r"(?![A-Za-z0-9])", flags)


#: the non-ASCII letters a case-insensitive ``[A-Za-z]`` also matches (the ``re`` docs: İ ı ſ K);
#: a text holding one is matched by every pattern, as the index cannot see those letters
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+")
_TEXT_RUN = re.compile(r"[a-z0-9]+")


class EnglishNames:
    """A list of English names indexed by their runs of letters, for :func:`find_english`.

    A table of a thousand names used to cost a thousand regular-expression scans
    of every sentence.  A name's pattern matches only where its runs of ASCII
    letters and digits stand in the text in some case, the first one at a word
    start (nothing alphanumeric before the match); so only the names whose
    opening run begins a word of the lower-cased text, and whose other runs
    are in it, can match, and only their patterns are run.  The matches are
    exactly the full scan's.  Build one per table and reuse it.
    """

    #: letters of the opening run a name is filed under
    KEY = 3

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        #: first letters of the opening run → (name, opening run, its other runs), lower-cased
        self._by_opening: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        self._always: list[str] = []  # names that open with no ASCII letter or digit: always scanned
        for name in self.names:
            core = name.rstrip("*").strip()
            if _ASCII_RUN.match(core) is None:
                self._always.append(name)
            else:
                runs = tuple(r.lower() for r in _ASCII_RUN.findall(core))
                self._by_opening.setdefault(runs[0][:self.KEY], []).append((name, runs[0], runs[1:]))

    def candidates(self, text: str) -> list[str]:
        """The names whose pattern may match in ``text`` (every one that does, and a few more)."""
        if _ODD_CASE.search(text):
            return list(self.names)
        low = text.lower()
        found = set(self._always)
        get = self._by_opening.get
        for word in set(_TEXT_RUN.findall(low)):
            for n in range(1, min(len(word), self.KEY) + 1):
                for name, opening, rest in get(word[:n], ()):
                    if word.startswith(opening) and all(r in low for r in rest):
                        found.add(name)
        return list(found)

    def matching(self, text: str) -> set[str]:
        """The names that match somewhere in ``text``, overlaps and all (no longest-first choice)."""
        return {name for name in self.candidates(text) if english_pattern(name).search(text)}


def find_english(text: str, names: Iterable[str] | EnglishNames) -> list[Found]:
    """Every listed English name in ``text``, longest first, never two on the same words.

    ``names`` may be an :class:`EnglishNames` index, which scans only the names
    that can match; the result does not depend on the order of the names.
    """
    if isinstance(names, EnglishNames):
        names = names.candidates(text)
    hits: list[Found] = []
    for name in names:
        for m in english_pattern(name).finditer(text):
            hits.append(Found(name, m.start(), m.end()))
    by_span: dict[tuple[int, int], set[str]] = {}
    for h in hits:
        by_span.setdefault((h.start, h.end), set()).add(h.name)
    kept: list[Found] = []
    for (start, end), found in sorted(by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if any(start < k.end and k.start < end for k in kept):
            continue
        kept.append(Found(min(found), start, end, frozenset(found)))
    return sorted(kept, key=lambda h: h.start)


def _word_bounds(zh: str) -> list[tuple[int, int]]:
    return [(start, end) for _, start, end in word_spans(zh)]


#: characters that end a place name and begin a body's name at once: 北京市委 is 北京市 + 市委
ADMIN_UNITS = frozenset("省市县区州")


def _cuts_a_word(zh: str, start: int, end: int, words: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) cuts through a word (overlaps it without containing it or lying inside it).

    A term that begins with an administrative unit (市委书记) may share its
    start with the word before it, which holds the place name (jieba's
    北京市委 / 书记 for 北京市委书记).
    """
    for ws, we in words:
        if we <= start or ws >= end:
            continue
        inside = ws <= start and end <= we
        covers = start <= ws and we <= end
        shared_unit = ws < start < we < end and zh[start] in ADMIN_UNITS
        if not (inside or covers or shared_unit):
            return True
    return False


class ChineseTerms:
    """A list of Chinese terms indexed by their first two characters, for :func:`find_chinese`.

    Looking for each of hundreds of terms in every sentence costs a scan per
    term; a term can only occur where the sentence holds its opening two
    characters (its one character, for a one-character term), so only the
    terms whose opening the sentence holds are looked for.  The occurrences
    found (overlapping ones too) are the full scan's.  Build one per table and
    reuse it.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(t for t in terms if t)
        #: the terms by their first two characters (a one-character term by that character)
        self._by_start: dict[str, list[str]] = {}
        for term in self.terms:
            self._by_start.setdefault(term[:2], []).append(term)

    def occurrences(self, zh: str) -> list[Found]:
        """Every occurrence of every term in ``zh``, overlapping ones included."""
        out: list[Found] = []
        starts = {zh[i:i + 2] for i in range(len(zh) - 1)} | set(zh)
        for start_key in self._by_start.keys() & starts:
            for term in self._by_start[start_key]:
                start = zh.find(term)
                while start >= 0:
                    out.append(Found(term, start, start + len(term)))
                    start = zh.find(term, start + 1)
        return out


def find_chinese(zh: str, terms: Iterable[str] | ChineseTerms) -> list[Found]:
    """Listed Chinese terms in ``zh`` at word boundaries, longest first, never overlapping.

    ``terms`` may be a :class:`ChineseTerms` index (the same finds, without a scan per term).
    """
    candidates = (terms if isinstance(terms, ChineseTerms) else ChineseTerms(terms)).occurrences(zh)
    if not candidates:
        return []
    words = _word_bounds(zh)
    candidates.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Found] = []
    for h in candidates:
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        if _cuts_a_word(zh, h.start, h.end, words):
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def neighbour_pairs(pairs: Sequence, pair, reach: int = 1) -> list:
    """The pairs up to ``reach`` beads either side of ``pair`` (none when it is not in ``pairs``)."""
    ids = [p.id for p in pairs]
    try:
        k = ids.index(pair.id)
    except ValueError:
        return []
    return list(pairs[max(0, k - reach):k]) + list(pairs[k + 1:k + 1 + reach])


def neighbour_texts(pairs: Sequence, pair, side: str, reach: int = 1) -> str:
    """The ``side`` ("zh" or "en") texts of the pairs next to ``pair``, joined.

    An aligner may put a name's translation one bead away; a check that flags
    a missing rendering looks there before it cries wolf.
    """
    return "\n".join(getattr(p, side) for p in neighbour_pairs(pairs, pair, reach))
