"""What the sentences that say one term have in common once the rest of each is explained.

Why: term-consistency's readings (glosses, head phrases, slots) find a term's rendering only
where a gloss of the term or one clear leftover phrase shows it.  A document that renders
灵活就业人员 "people in flexible employment", "gig workers", "freelancers" and "informal
workers" shows neither, so those readings see nothing, though a reviewer who reads the four
sentences sees at once that they share no word for the term.  This module asks that question
directly, on each sentence's :class:`~qa.term_words.Words`: strike from the English every word
the sentence's *other* Chinese words explain (their CC-CEDICT glosses); the content words left
over (the *residue*) hold the term's rendering, with whatever else the glosses miss.  A document
that keeps one rendering says its words in every sentence that says the term, and they are left
over in some of them (a synonym beside the term may explain them elsewhere); one that renames the
term leaves over words that most of its sentences do not say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qa import lexicons as lx
from qa.term_heads import same_word_in
from qa.term_words import Words

#: the shortest English word read as content: shorter ones are function words, initials or units
MIN_LETTERS = 3


def _content(words: Words) -> list[int]:
    """Indexes of the content words of ``words``: letters (and inner apostrophes: Tu'ionetoa), long
    enough, and neither the word nor its lemma a stopword (the light lemma turns 'will' into 'wil')."""
    text, starts, ends = words.text, words.starts, words.ends
    return [i for i, w in enumerate(words.lemmas)
            if len(w) >= MIN_LETTERS and w.replace("'", "").replace("’", "").isalpha()
            and w not in lx.STOPWORDS and text[starts[i]:ends[i]].lower() not in lx.STOPWORDS]


def residue(words: Words, other: frozenset[str]) -> list[int]:
    """Indexes of the content words of ``words`` that no lemma of ``other`` (the glosses of the
    sentence's other Chinese words) explains."""
    return [i for i in _content(words) if not same_word_in(words.lemmas[i], other)]


def said(words: Words) -> lx.StemSet:
    """Every content word of ``words``, explained or not, matched loosely ('employed' meets
    'employment', 'wild' meets 'wildlife')."""
    return lx.StemSet(words.lemmas[i] for i in _content(words))


def shared_by_most(leftover: Iterable[str], sentences: Sequence[lx.StemSet]) -> bool:
    """Whether some word of ``leftover`` is said in more than half of ``sentences``."""
    return any(2 * sum(1 for s in sentences if s.has(w)) > len(sentences) for w in leftover)


def _runs(words: Words, indexes: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of adjacent words among ``indexes`` (no punctuation between)."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1 and words.reach[i - 1] > i:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def shown_run(words: Words, left: Sequence[int], glosses: frozenset[str], place: float) -> tuple[int, int] | None:
    """(first, last) word of what to show as the sentence's rendering of the term: the run of
    adjacent content words that says the term's own ``glosses`` best (a leftover one, or two side
    by side: "Data Base System" for 基础制度, though 体系 'system' explains one of its words), else
    the longest run of leftover words ``left``; the run nearest ``place`` (where the term sits in
    its Chinese, 0 … 1) on a tie."""
    n = max(1, len(words.lemmas) - 1)

    def near(r: tuple[int, int]) -> float:
        return -abs((r[0] + r[1]) / 2 / n - place)

    free = set(left)
    best: tuple[int, float, tuple[int, int]] | None = None
    for a, b in _runs(words, _content(words)):
        hits = [i for i in range(a, b + 1) if same_word_in(words.lemmas[i], glosses)]
        own = sum(1 for i in hits if i in free)
        # one gloss word another Chinese word explains is that word's (专项审计 'special audit'); two
        # side by side are the term's, explained or not ("basic institutional systems")
        if own or len(hits) >= 2:
            rank = (2 * own + len(hits), near((a, b)), (a, b))
            best = rank if best is None or rank > best else best
    if best is not None:
        return best[2]
    runs = _runs(words, left)
    return max(runs, key=lambda r: (r[1] - r[0], near(r))) if runs else None
