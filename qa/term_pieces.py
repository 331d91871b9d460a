"""A recurring term's rendering as a noun phrase that renders each of its pieces (term-consistency).

The gloss window of ``qa/checks/terminology.py`` needs every CC-CEDICT word
of a term to be a word of two characters or more, so a term that opens with
a single character (新质生产力 = 新 'new' + 质 'quality' + 生产力 'productive
force') or is rendered by one closed compound ("cybersecurity" for 网络安全)
was never read, and its three renderings in one document went unseen.

Here a rendering is an English noun phrase (``term_heads.head_phrases``:
content words joined by spaces or hyphens) whose words, right to left,
render the term's pieces right to left: each piece by one or more of its
CC-CEDICT glosses ("productive forces" for 生产力), every piece said, the
head always by a gloss, with at most one word that is no gloss standing in
for one modifier piece ("new-type
productive forces": *type* for 质), and that word not explained by another
word of the pair's Chinese ("data security" in a pair that also says
数据安全 is that term's).  A closed compound ending in the last piece's gloss
("cybersecurity", "biosecurity") is read as its two parts, so "cyber
security" and "cybersecurity" are one rendering.  Hyphens and spaces are
one rendering for a reader ("new-quality" = "new quality"); another word is
another ("productivity" is not "productive forces").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicons as lx
from qa.term_heads import _gloss_words, head_phrases, no_head_among, same_word_in
from qa.term_words import Words

#: a closed compound's first part must be at least this long ('cyber', 'bio'), so 'insecurity' is no compound
_MIN_PREFIX = 3
#: and the gloss it ends with at least this long ('security', not 'ion')
_MIN_GLOSS_END = 5


@dataclass(frozen=True)
class PiecePhrase:
    """One rendering of a term found in one English text."""

    text: str  # as written
    start: int
    key: tuple[str, ...]  # lemmas, a closed compound split ('cyber', 'security')
    free: int  # words that are no gloss (0 or 1)
    np_end: bool  # the phrase ends its noun phrase ('productive' before 'forces' does not)


@lru_cache(maxsize=4096)
def piece_glosses(term: str) -> tuple[frozenset[str], ...]:
    """Per CC-CEDICT piece of ``term`` (single characters too), its gloss lemmas; () if a piece is unknown
    or the term is one piece."""
    cd = lx.cedict()
    pieces = cd.segment(term)
    if len(pieces) < 2 or any(p not in cd for p in pieces):
        return ()
    out = tuple(_gloss_words(p) for p in pieces)
    return out if all(out) else ()


def _split_compound(lemma: str, word: str, head: frozenset[str]) -> tuple[str, str] | None:
    """('cyber', 'security') for 'cybersecurity' when 'security' glosses the head piece."""
    for g in head:
        if len(g) >= _MIN_GLOSS_END and word.endswith(g) and len(word) - len(g) >= _MIN_PREFIX:
            prefix = word[:-len(g)]
            if prefix.isalpha():
                return lx.lemma(prefix), g
    return None


@lru_cache(maxsize=4096)
def _compound_endings(term: str) -> frozenset[str]:
    """The head piece's glosses a closed compound may end with (:func:`_split_compound`)."""
    pieces = piece_glosses(term)
    return frozenset(g for g in pieces[-1] if len(g) >= _MIN_GLOSS_END) if pieces else frozenset()


def _may_split(word: str, endings: frozenset[str]) -> bool:
    """Whether ``word`` ends with one of ``endings`` after at least _MIN_PREFIX letters: the test
    :func:`_split_compound` makes gloss by gloss, asked once per ending length of the word
    (and not at all when its last letters end no ending: nearly every word)."""
    if word[-_MIN_GLOSS_END:] not in _tails(endings):
        return False
    return any(word[k:] in endings for k in range(_MIN_PREFIX, len(word) - _MIN_GLOSS_END + 1))


@lru_cache(maxsize=4096)
def _tails(endings: frozenset[str]) -> frozenset[str]:
    """The last _MIN_GLOSS_END letters of each ending: a word ending with one ends with its tail."""
    return frozenset(g[-_MIN_GLOSS_END:] for g in endings)


@lru_cache(maxsize=4096)
def _long_glosses(pieces: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """Per piece, its glosses of five letters or more: those a word may be a variant of."""
    return tuple(frozenset(g for g in p if len(g) >= 5) for p in pieces)


def _align(lemmas: list[str], pieces: tuple[frozenset[str], ...], explained: frozenset[str],
           prefix_at: int = -1) -> tuple[int, int] | None:
    """(words used from the right, free words) when the end of ``lemmas`` renders every piece in order.

    A word that is no gloss may stand in only for an inner piece, between
    words that render the pieces on either side ('new-*type* productive
    forces'), or as the first part of a closed compound (index ``prefix_at``:
    '*cyber*security'): at the left edge nothing anchors it, and 'Serbian
    team' or 'driving economic' would pass for 中国队 or 美国经济.
    """
    best: tuple[int, int] | None = None
    long_glosses = _long_glosses(pieces)

    def walk(j: int, i: int, free: int, took_piece: bool) -> None:
        # j: next word (from the right); i: piece being rendered; took_piece: piece i has a word already
        nonlocal best
        if i < 0:
            used = len(lemmas) - 1 - j
            if best is None or (free, used) < (best[1], best[0]):
                best = (used, free)
            return
        if j < 0:
            if took_piece and i == 0:
                walk(j, -1, free, False)
            return
        w = lemmas[j]
        if w in pieces[i] or same_word_in(w, long_glosses[i]):
            walk(j - 1, i, free, True)  # piece i takes this word (and maybe more)
        if took_piece:
            walk(j, i - 1, free, False)  # piece i is done: the next piece starts here
        if (not took_piece and free == 0 and i < len(pieces) - 1 and (i > 0 or j == prefix_at)
                and not same_word_in(w, explained) and not any(w in p for p in pieces)):
            walk(j - 1, i - 1, 1, False)  # one word that is no gloss stands in for a modifier piece

    walk(len(lemmas) - 1, len(pieces) - 1, 0, False)
    return best


_NEXT_WORD = re.compile(r"[\s\-‐‑–]+([A-Za-z]+)")


def _continues(en: str, end: int, head: frozenset[str]) -> bool:
    """The word after ``end`` is another gloss word of the head piece ('forces' after 'productive')."""
    m = _NEXT_WORD.match(en, end)
    return bool(m) and lx.lemma(m.group(1)) in head


def piece_phrases(en: str, term: str, explained: frozenset[str], words: Words | None = None) -> list[PiecePhrase]:
    """Every noun phrase of ``en`` that renders each piece of ``term`` (see the module docstring).

    ``words``: ``en`` already read (qa/term_words.py), when the caller has it: a text that
    says no word that could end a rendering is answered from it, without its noun phrases.
    """
    pieces = piece_glosses(term)
    if not pieces:
        return []
    endings = _compound_endings(term)
    if words is not None and _no_head(en, words, pieces[-1], endings):
        return []
    out = []
    for ph in head_phrases(en):
        # most phrases end in no gloss of the head piece, nor in a closed compound of one: skipped
        # before anything is copied ('economy' is read for 实体经济, 'growth' is not)
        if ph.lemmas[-1].lower() not in pieces[-1] and not _may_split(ph.words[-1], endings):
            continue
        # lower-cased: a heading or a sentence start ('New-type …') is the same rendering
        lemmas, words, starts = [w.lower() for w in ph.lemmas], list(ph.words), list(ph.starts)
        split = None
        if lemmas[-1] not in pieces[-1]:
            split = _split_compound(lemmas[-1], words[-1], pieces[-1])
            if split is None:
                continue
            lemmas[-1:] = list(split)
        if not ph.np_end and _continues(en, ph.end, pieces[-1]):
            continue  # 'age migrant' of 'age migrant workers': the head piece goes on
        found = _align(lemmas, pieces, explained, len(lemmas) - 2 if split else -1)
        if found is None:
            continue
        used, free = found
        first = len(ph.lemmas) - used + (1 if split else 0)
        start = starts[max(0, min(first, len(starts) - 1))]
        key = tuple(lemmas[len(lemmas) - used:])
        out.append(PiecePhrase(en[start:ph.end], start, key, free, ph.np_end))
    return out


def _no_head(en: str, words: Words, head: frozenset[str], endings: frozenset[str]) -> bool:
    """Whether ``en`` surely has no noun phrase ending in a gloss of the head piece, nor in a
    closed compound of one: no head lemma of it is a gloss (``term_heads.no_head_among``),
    and no ending of a compound occurs anywhere in its text.

    In a memory a pair holds many recurring terms and says few of them this way; this test
    costs a pass over its lemmas, the noun phrases a pass over its tokens and more."""
    return no_head_among(en, words, head) and not any(g in en.lower() for g in endings)


def pair_rendering(en: str, term: str, explained: frozenset[str], times: int,
                   words: Words | None = None) -> tuple[PiecePhrase, int] | None:
    """The pair's rendering of ``term`` and how often the pair says it (at most ``times``, the term's count).

    Gloss-only renderings first, then whole noun phrases ('new quality
    productive forces', not its 'new quality productive'), then the one said
    most often in the pair, then the first.
    """
    found = piece_phrases(en, term, explained, words)
    if not found:
        return None
    counts = Counter(p.key for p in found)
    best = min(found, key=lambda p: (p.free, not p.np_end, -counts[p.key], p.start))
    return best, min(times, counts[best.key])
